#!/usr/bin/env bash
# Builds the API baseline that japicmp compares every build against: the engine and
# components jars of a released commit, stored under api/baseline/. Run it once per release,
# with the release's commit and version, and commit the jars it writes.
#   api-baseline.sh REF VERSION      e.g. api-baseline.sh f041f9b 0.1.0
set -euo pipefail
cd "$(dirname "$0")/../.."
ref=${1:?usage: api-baseline.sh REF VERSION}
version=${2:?usage: api-baseline.sh REF VERSION}
root=$PWD
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/src" "$ref" >/dev/null
cd "$work/src"
# the release's own version number, in a local repository of its own so nothing else sees it
find . -name pom.xml -exec sed -i "s|<version>[0-9.]*-SNAPSHOT</version>|<version>$version</version>|" {} +
mvn -B -q -ntp -Dmaven.repo.local="$work/repo" -DskipTests package -pl engine,components -am
mkdir -p "$root/api/baseline"
cp engine/target/parley-engine-"$version".jar components/target/parley-components-"$version".jar "$root/api/baseline/"
echo "api/baseline: parley-engine-$version.jar, parley-components-$version.jar from $(git rev-parse --short HEAD)"
