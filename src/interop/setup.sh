#!/usr/bin/env bash
# Prepares the interoperability harness: playwright-core (npm ci, from package-lock.json) and
# the QuickBlox JavaScript SDK's self-contained browser bundle, taken from `npm pack
# quickblox@2.23.0` (a plain `npm install quickblox` would fetch a GitHub-hosted transitive
# dependency, which this network does not reach). The tarball is checked against the integrity
# the registry published for 2.23.0. Idempotent; run by src/scripts/test-all.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

SDK_VERSION=2.23.0
SDK_INTEGRITY="sha512-ADSPBeiIUnsvY7unpjZ/HR4w9f/u4gzaW+QLcOErCAtb1UTX+FKZ886hci9xeqJW0UlPWhL8nOxrlY1jTExjMw=="

if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ ! -f vendor/quickblox.min.js ] || ! grep -qx "$SDK_VERSION" vendor/VERSION 2>/dev/null; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack "quickblox@$SDK_VERSION" --silent >/dev/null)
  tarball="$work/quickblox-$SDK_VERSION.tgz"
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [ "$actual" != "$SDK_INTEGRITY" ]; then
    echo "setup.sh: quickblox-$SDK_VERSION.tgz has integrity $actual, expected $SDK_INTEGRITY" >&2
    exit 1
  fi
  mkdir -p vendor
  tar -xzf "$tarball" -C "$work" package/quickblox.min.js package/LICENSE.md
  cp "$work/package/quickblox.min.js" "$work/package/LICENSE.md" vendor/
  echo "$SDK_VERSION" > vendor/VERSION
fi
