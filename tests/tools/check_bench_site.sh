#!/usr/bin/env bash
# The benchmark's synthetic site (bench/gen_site.py), at a small size, builds
# with congkhai without an error or a warning, and with Hugo, so that the
# numbers in the README come from sites both tools build in full.
# Usage: check_bench_site.sh CONGKHAI
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
congkhai=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$repo_root/bench/gen_site.py" 150 "$work/site"
cd "$work/site/congkhai"
"$congkhai" --lang en build --themes "$repo_root/themes" --out "$work/out" >"$work/log" 2>&1 ||
  { cat "$work/log"; echo "congkhai did not build the bench site" >&2; exit 1; }
if grep -q "warning" "$work/log"; then
  cat "$work/log"
  echo "the bench site gives warnings" >&2
  exit 1
fi
for path in index.html thu-tuc/index.html tin-tuc/index.html ket-qua/index.html in-an/tat-ca.pdf; do
  [ -s "$work/out/$path" ] || { echo "no $path in the bench site's output" >&2; exit 1; }
done
[ "$(ls "$work/out/ket-qua" | grep -c '^20[0-9][0-9]-')" = 24 ] || { echo "not 24 months of results" >&2; exit 1; }
cd "$work/site/hugo"
hugo --quiet --destination "$work/hugo-out"
for path in thu-tuc/thu-tuc-0/index.html tin-tuc/index.html ket-qua/2024-01/index.html; do
  [ -s "$work/hugo-out/$path" ] || { echo "no $path in Hugo's output" >&2; exit 1; }
done
echo "bench site: built by congkhai and Hugo"
