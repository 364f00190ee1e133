#!/usr/bin/env bash
# The benchmark script (bench/run.sh) runs to its end at a small size, one
# run of each measurement, and reports every line the README's table takes.
# Usage: check_bench_run.sh CONGKHAI
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
RUNS=1 CONGKHAI=$1 bash "$repo_root/bench/run.sh" 120 >"$log" 2>&1 ||
  { cat "$log"; echo "bench/run.sh failed" >&2; exit 1; }
for what in "congkhai, clean" "hugo, clean" "ratio hugo/congkhai" "floor, YAML \+ QR" "rebuild, no change" "rebuild, steps edited" \
  "rebuild, name edited" "rebuild, fee edited" "rebuild, post edited" "2 communes, one run" "2 communes, two runs"; do
  grep -Eq "^120 +$what +[0-9]+\.[0-9]+" "$log" || { cat "$log"; echo "no \"$what\" line" >&2; exit 1; }
done
echo "bench/run.sh: every measurement reported"
