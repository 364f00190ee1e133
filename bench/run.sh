#!/usr/bin/env bash
# Builds the same synthetic site with congkhai and with Hugo in one run, on
# tmpfs, and reports medians of wall time (hyperfine) and peak memory
# (/usr/bin/time), with the ratios. Then, for congkhai alone: a rebuild with
# nothing changed, a rebuild after editing one procedure's steps, after
# renaming one, after editing its fee and after editing a news post, and two
# communes sharing the catalog in one run against two separate builds. The
# floor is what yaml-cpp and libqrencode alone take for the catalog
# (bench/floor.cc), beside the time a build ten times Hugo's speed would
# have. The machine may be shared: only compare numbers taken in the same
# run.
#
# usage: bench/run.sh [N ...]      (default: 1000 10000; RUNS=5 runs each;
#        CONGKHAI=path to time another congkhai than build/congkhai)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# Absolute: the timed commands run from the site's folder.
congkhai=$(realpath -- "${CONGKHAI:-$repo/build/congkhai}")
runs=${RUNS:-5}
root=$(mktemp -d /dev/shm/congkhai-bench.XXXXXX)
trap 'rm -rf "$root"' EXIT
[ -x "$congkhai" ] || { echo "build congkhai first (cmake --build build)"; exit 1; }
floor_tool=$(dirname "$congkhai")/congkhai-floor
[ -x "$floor_tool" ] || floor_tool=$repo/build/congkhai-floor
[ -x "$floor_tool" ] || { echo "build congkhai-floor first (cmake --build build)"; exit 1; }

median_peak_kb() {  # median of `runs` peak resident sizes of a command, after a preparing one
  for _ in $(seq "$runs"); do
    eval "$2" >/dev/null 2>&1
    /usr/bin/time -f %M bash -c "$1" 2>&1 >/dev/null | tail -1
  done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

median_floor() {  # median of `runs` floors of a site's catalog, in seconds
  local base
  base=$(sed -n 's/^base_url: //p' "$1/content/site.yaml")
  for _ in $(seq "$runs"); do
    "$floor_tool" "$1/procedures" "$base" | sed -n 's/.*together \([0-9.]*\) s.*/\1/p'
  done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

median() {  # median wall time in seconds of a hyperfine JSON export
  python3 -c 'import json, sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}

printf '%-8s %-22s %12s %12s\n' procs what "median (s)" "peak (MB)"
sizes=("$@")
(($#)) || sizes=(1000 10000)
for n in "${sizes[@]}"; do
  site="$root/site-$n"
  python3 "$repo/bench/gen_site.py" "$n" "$site"
  out="$root/ck-$n"
  ck="$congkhai build --quiet --themes $repo/themes --out $out"
  ck_cmd="cd $site/congkhai && $ck"
  hugo_cmd="cd $site/hugo && hugo --quiet --destination $root/hugo-$n"
  # A clean build: no output, no state and no cache from an earlier build.
  ck_clean="rm -rf $out $root/.ck-$n.*"
  hugo_clean="rm -rf $root/hugo-$n $site/hugo/resources"
  hyperfine --runs "$runs" --warmup 1 --export-json "$root/t-$n.json" \
    --command-name congkhai --prepare "$ck_clean" "$ck_cmd" \
    --command-name hugo --prepare "$hugo_clean" "$hugo_cmd" >/dev/null
  ck_mem=$(median_peak_kb "$ck_cmd" "$ck_clean")
  hugo_mem=$(median_peak_kb "$hugo_cmd" "$hugo_clean")
  floor=$(median_floor "$site/congkhai")
  python3 - "$root/t-$n.json" "$n" "$ck_mem" "$hugo_mem" "$floor" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n, ck_mem, hugo_mem, floor = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
ck, hugo = results["congkhai"]["median"], results["hugo"]["median"]
print(f"{n:<8} {'congkhai, clean':<22} {ck:12.3f} {ck_mem / 1024:12.1f}")
print(f"{n:<8} {'hugo, clean':<22} {hugo:12.3f} {hugo_mem / 1024:12.1f}")
print(f"{n:<8} {'ratio hugo/congkhai':<22} {hugo / ck:11.2f}x {hugo_mem / ck_mem:11.2f}x   (congkhai per procedure {ck / int(n) * 1e3:.3f} ms)")
print(f"{n:<8} {'floor, YAML + QR':<22} {floor:12.3f}   (ten times Hugo's speed: {hugo / 10:.3f} s)")
PY

  # Rebuilds of the output the clean build left.
  eval "$ck_clean" && eval "$ck_cmd"
  page="$site/congkhai/procedures/linh-vuc-1/thu-tuc-14.md"
  cp "$page" "$root/page.md"
  hyperfine --runs "$runs" --export-json "$root/noop.json" "$ck_cmd" >/dev/null
  # Each run edits the steps (appends a sentence) or the name, then rebuilds.
  hyperfine --runs "$runs" --export-json "$root/body.json" \
    --prepare "echo 'Thêm một câu.' >> $page" "$ck_cmd" >/dev/null
  hyperfine --runs "$runs" --export-json "$root/name.json" \
    --prepare "sed -i 's/^name: \\(.*\\)\$/name: \\1 x/' $page" "$ck_cmd" >/dev/null
  # A fee edited: the procedure's pages and poster show it, no list does.
  hyperfine --runs "$runs" --export-json "$root/fee.json" \
    --prepare "sed -i '0,/^    fee: /s/^\\(    fee: .*\\)\$/\\1 x/' $page" "$ck_cmd" >/dev/null
  cp "$root/page.md" "$page"
  # An editor's news post: a sentence added to one.
  # A glob, not `ls | head -1`: with pipefail, ls writing a long list after
  # head has gone ends the script.
  posts=("$site"/congkhai/content/news/*.md)
  news_post=${posts[0]}
  hyperfine --runs "$runs" --export-json "$root/post.json" \
    --prepare "echo 'Thêm một câu.' >> $news_post" "$ck_cmd" >/dev/null
  printf '%-8s %-22s %12s\n' "$n" "rebuild, no change" "$(median "$root/noop.json")"
  printf '%-8s %-22s %12s\n' "$n" "rebuild, steps edited" "$(median "$root/body.json")"
  printf '%-8s %-22s %12s\n' "$n" "rebuild, name edited" "$(median "$root/name.json")"
  printf '%-8s %-22s %12s\n' "$n" "rebuild, fee edited" "$(median "$root/fee.json")"
  printf '%-8s %-22s %12s\n' "$n" "rebuild, post edited" "$(median "$root/post.json")"

  # Two communes sharing the catalog: one run against two separate runs.
  cp -r "$site/congkhai/content" "$site/congkhai/content-b"
  two="rm -rf $root/m-* $root/.m-*"
  hyperfine --runs "$runs" --export-json "$root/two.json" --prepare "$two" \
    "cd $site/congkhai && $congkhai build --quiet --themes $repo/themes --commune content $root/m-a --commune content-b $root/m-b" \
    >/dev/null
  hyperfine --runs "$runs" --export-json "$root/apart.json" --prepare "$two" \
    "cd $site/congkhai && $congkhai build --quiet --themes $repo/themes --out $root/m-a && $congkhai build --quiet --themes $repo/themes --content content-b --out $root/m-b" \
    >/dev/null
  printf '%-8s %-22s %12s\n' "$n" "2 communes, one run" "$(median "$root/two.json")"
  printf '%-8s %-22s %12s\n' "$n" "2 communes, two runs" "$(median "$root/apart.json")"
done
