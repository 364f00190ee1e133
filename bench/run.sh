#!/usr/bin/env bash
# Builds the same synthetic site with congkhai and with Hugo in one run, on
# tmpfs, and reports medians of wall time (hyperfine) and peak memory
# (/usr/bin/time), with the ratios. The machine may be shared: only compare
# numbers taken in the same run.
#
# usage: bench/run.sh [N ...]      (default: 1000 10000)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
congkhai="$repo/build/congkhai"
runs=${RUNS:-5}
root=$(mktemp -d /dev/shm/congkhai-bench.XXXXXX)
trap 'rm -rf "$root"' EXIT
[ -x "$congkhai" ] || { echo "build congkhai first (cmake --build build)"; exit 1; }

median_peak_kb() {  # median of `runs` peak resident sizes of a command
  for _ in $(seq "$runs"); do
    eval "$2" >/dev/null 2>&1
    /usr/bin/time -f %M bash -c "$1" 2>&1 >/dev/null | tail -1
  done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

printf '%-8s %-10s %12s %12s\n' procs tool "median (s)" "peak (MB)"
for n in "${@:-1000 10000}"; do
  site="$root/site-$n"
  python3 "$repo/bench/gen_site.py" "$n" "$site"
  ck_cmd="cd $site/congkhai && $congkhai build --themes $repo/themes --out $root/ck-$n"
  hugo_cmd="cd $site/hugo && hugo --quiet --destination $root/hugo-$n"
  ck_clean="rm -rf $root/ck-$n"
  hugo_clean="rm -rf $root/hugo-$n"
  hyperfine --runs "$runs" --warmup 1 --export-json "$root/t-$n.json" \
    --command-name congkhai --prepare "$ck_clean" "$ck_cmd" \
    --command-name hugo --prepare "$hugo_clean" "$hugo_cmd" >/dev/null
  ck_mem=$(median_peak_kb "$ck_cmd" "$ck_clean")
  hugo_mem=$(median_peak_kb "$hugo_cmd" "$hugo_clean")
  python3 - "$root/t-$n.json" "$n" "$ck_mem" "$hugo_mem" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n, ck_mem, hugo_mem = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ck, hugo = results["congkhai"]["median"], results["hugo"]["median"]
print(f"{n:<8} {'congkhai':<10} {ck:12.3f} {ck_mem / 1024:12.1f}")
print(f"{n:<8} {'hugo':<10} {hugo:12.3f} {hugo_mem / 1024:12.1f}")
print(f"{n:<8} {'ratio':<10} {hugo / ck:11.2f}x {hugo_mem / ck_mem:11.2f}x   (hugo / congkhai; per page {ck / int(n) * 1e3:.3f} ms)")
PY
done
