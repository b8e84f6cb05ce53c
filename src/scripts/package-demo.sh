#!/usr/bin/env bash
# Builds the demo as an installable Debian package with its own Java runtime (jpackage):
# demo/target/package/parley-demo_VERSION_ARCH.deb, which installs under /opt/parley-demo and
# adds a desktop menu entry. Needs a JDK with jpackage, fakeroot and binutils (install-deps).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${PARLEY_SKIP_DEPS:-}" = 1 ] || bash src/scripts/install-deps.sh
[ "${PARLEY_SKIP_BUILD:-}" = 1 ] || mvn -B -q -ntp install -DskipTests
version=$(mvn -B -q -ntp help:evaluate -Dexpression=project.version -DforceStdout -pl demo | sed 's/\x1b\[[0-9;]*m//g')
input=demo/target/jpackage-input
rm -rf "$input" demo/target/package
mkdir -p "$input"
cp "demo/target/parley-demo-$version.jar" "$input/"
mvn -B -q -ntp dependency:copy-dependencies -pl demo -DincludeScope=runtime -DoutputDirectory="$PWD/$input"
jpackage --type deb --dest demo/target/package --input "$input" \
  --name parley-demo --app-version "${version%-SNAPSHOT}" \
  --main-jar "parley-demo-$version.jar" --main-class dev.parley.demo.ParleyDemo \
  --description "Parley demo: video calls between windows, or over an XMPP server" \
  --vendor "Parley" --copyright "Apache-2.0" --license-file LICENSE \
  --linux-package-name parley-demo --linux-shortcut --linux-menu-group Network \
  --linux-package-deps libpulse0 --resource-dir demo/src/package/deb
ls demo/target/package/*.deb
