#!/usr/bin/env bash
# Runs every Parley test: installs what the tests need, then builds all modules and runs
# their test suites. This is README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash src/scripts/install-deps.sh
mvn -B -ntp verify "$@"
