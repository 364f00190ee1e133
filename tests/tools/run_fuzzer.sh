#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, starting from its seed corpus
# in tests/fuzz/corpus/<target>/ (only read; new inputs go to a scratch
# corpus beside the fuzzer). A crash input is kept there as crash-*; turn it
# into a regression test before fixing the bug.
# Usage: run_fuzzer.sh FUZZER_DIR TARGET [SECONDS]   (default: $CONGKHAI_FUZZ_SECONDS, then 60)
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fuzzer_dir=$1
target=$2
seconds=${3:-${CONGKHAI_FUZZ_SECONDS:-60}}
fuzzer=$fuzzer_dir/fuzz_$target
seeds=$repo_root/tests/fuzz/corpus/$target
work=$fuzzer_dir/fuzz-$target
[[ -x $fuzzer ]] || { echo "run_fuzzer: $fuzzer not built" >&2; exit 2; }
[[ -d $seeds ]] || { echo "run_fuzzer: no seed corpus $seeds" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/corpus"
start=$(date +%s)
status=0
# -rss_limit_mb: the inputs are small, so a big allocation is a bug to see.
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$seeds" 2>"$work/log.txt" || status=$?
grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done )' "$work/log.txt" || true
if ((status != 0)); then
  tail -n 60 "$work/log.txt"
  echo "fuzz_$target: FAILED after $(($(date +%s) - start)) s; input saved as:" "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null
  exit 1
fi
echo "fuzz_$target: $(($(date +%s) - start)) s, no crash"
