#!/usr/bin/env bash
# Runs every benchmark, one after the other on an otherwise idle machine, and rewrites their
# tables in docs/benchmarks.md: each table a benchmark prints between <!-- bench:KEY --> and
# <!-- /bench:KEY --> takes the place of the block of the same key there, under a line with the
# date and the machine. The text around the tables (what the figures mean) stays; read it
# against the new figures.
#   bench-all.sh           full runs (about 30 minutes), docs rewritten; outputs in target/bench
#   bench-all.sh --smoke   each benchmark as briefly as still goes through every step
#                          (PARLEY_BENCH_SMOKE=1), docs untouched: CI runs this so that none of
#                          them rots; it fails when a benchmark fails or prints no table
#   bench-all.sh --rewrite-only   the docs from the outputs the last full run left in target/bench
set -euo pipefail
cd "$(dirname "$0")/../.."

out=target/bench
smoke=0
rewrite_only=0
case "${1:-}" in
  --smoke) smoke=1; export PARLEY_BENCH_SMOKE=1 ;;
  --rewrite-only) rewrite_only=1 ;;
esac

# every table row between its markers, one file per key (the benchmarks' log lines, which
# share the output, stay out)
extract() {
  awk -v dir="$out/blocks" '
    /^<!-- bench:[a-z0-9-]+ -->$/ { key = $0; sub(/^<!-- bench:/, "", key); sub(/ -->$/, "", key); file = dir "/" key ".md"; printf "" > file; next }
    /^<!-- \/bench:/ { close(file); file = ""; next }
    file != "" && /^\|/ { print >> file }
  ' "$1"
}

if [ "$rewrite_only" = 0 ]; then
bash src/scripts/install-deps.sh
bash src/interop/setup.sh
bash src/scripts/bench-build.sh
export PARLEY_SKIP_DEPS=1 PARLEY_SKIP_BUILD=1

rm -rf "$out"
mkdir -p "$out/blocks"
benches=(engine xmpp components call-cost glass scaling mesh conference audio screen)
for bench in "${benches[@]}"; do
  started=$(date +%s)
  if ! bash "src/scripts/bench-$bench.sh" > "$out/$bench.txt" 2>&1; then
    tail -n 60 "$out/$bench.txt"
    echo "bench-all: bench-$bench.sh failed (whole output in $out/$bench.txt)" >&2
    exit 1
  fi
  extract "$out/$bench.txt"
  tables=$(grep -c '^<!-- bench:' "$out/$bench.txt" || true)
  if [ "$tables" = 0 ] || { [ "$smoke" = 1 ] && grep -q "NaN\|did not run" "$out/$bench.txt"; }; then
    tail -n 60 "$out/$bench.txt"
    echo "bench-all: bench-$bench.sh printed no table, or a row without figures" >&2
    exit 1
  fi
  echo "bench-$bench.sh: $tables table(s) in $(( $(date +%s) - started )) s"
  sed -n '/^<!-- bench:/,/^<!-- \/bench:/p' "$out/$bench.txt" | grep '^|'
done
else
  rm -rf "$out/blocks"
  mkdir -p "$out/blocks"
  for output in "$out"/*.txt; do
    extract "$output"
  done
fi

if [ "$smoke" = 1 ]; then
  echo "bench-all: smoke run done, docs/benchmarks.md untouched"
  exit 0
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
jvm=$(java -version 2>&1 | head -n 1 | sed 's/"//g')
measured=$(date -u -r "$(ls -t "$out"/*.txt | head -n 1)" +%Y-%m-%d)
stamp="_Measured $measured by \`bash src/scripts/bench-all.sh\` on $(nproc) cores ($cpu), $(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1048576 )) GiB, $os, $jvm._"
awk -v dir="$out/blocks" -v stamp="$stamp" '
  /^<!-- bench:[a-z0-9-]+ -->$/ {
    key = $0; sub(/^<!-- bench:/, "", key); sub(/ -->$/, "", key); file = dir "/" key ".md"
    if ((getline probe < file) > 0) {
      close(file)
      print; print stamp; print ""
      while ((getline line < file) > 0) print line
      close(file)
      skipping = 1; next
    }
  }
  skipping && /^<!-- \/bench:/ { skipping = 0 }
  !skipping { print }
' docs/benchmarks.md > "$out/benchmarks.md"
mv "$out/benchmarks.md" docs/benchmarks.md
echo "bench-all: docs/benchmarks.md rewritten ($(ls "$out/blocks" | wc -l) tables)"
