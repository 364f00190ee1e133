#!/usr/bin/env bash
# End-to-end checks of the congkhai command on the sample site: help and
# exit codes, identical output across runs and thread counts, and a broken
# source that must leave the previous output exactly as it was.
set -u
congkhai=$(realpath "$1")
repo=$PWD  # some checks cd away
source "$(dirname "$0")/tools/checks.sh"

tree_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

help_lists_options() {
  "$congkhai" --help | grep -q build &&
    "$congkhai" build --help >"$work/help.txt" &&
    for opt in --procedures --content --out --themes --jobs; do grep -q -- "$opt" "$work/help.txt" || return 1; done
}
bad_usage_exits_2() {
  "$congkhai" build --no-such-option
  [ $? -eq 2 ]
}
same_bytes_every_run() {
  "$congkhai" build --out "$work/a" -j 1 >/dev/null &&
    "$congkhai" build --out "$work/b" -j 2 >/dev/null &&
    "$congkhai" build --out "$work/a" -j 2 >/dev/null &&
    diff -r "$work/a" "$work/b"
}
every_procedure_has_page_and_short_link() {
  local n_sources n_pages n_links
  n_sources=$(find procedures -name '*.md' | wc -l)
  n_pages=$(find "$work/a/thu-tuc" -mindepth 2 -name index.html | wc -l)
  n_links=$(find "$work/a/tthc" -mindepth 2 -name index.html | wc -l)
  echo "sources=$n_sources pages=$n_pages short-links=$n_links"
  [ "$n_sources" -gt 0 ] && [ "$n_pages" -eq "$n_sources" ] && [ "$n_links" -eq "$n_sources" ]
}
sitemap_lists_every_page() {
  local missing=0
  while read -r page; do
    url="https://quangkhai.example.vn/${page%index.html}"
    grep -q "<loc>$url</loc>" "$work/a/sitemap.xml" || { echo "not in sitemap: $url"; missing=1; }
  # Print pages (posters, sheets) are for paper and say noindex; /in-an/ itself is listed.
  done < <(cd "$work/a" && find . -name index.html ! -path './tthc/*' ! -path './in-an/*/*' | sed 's|^\./||' | sort)
  [ $missing -eq 0 ]
}
broken_source_keeps_previous_output() {
  cp -r procedures content "$work/site/"
  (cd "$work/site" && "$congkhai" build --themes "$OLDPWD/themes" >/dev/null) || return 1
  local before
  before=$(tree_sum "$work/site/output")
  printf -- '---\nname: [unclosed\n---\n' >"$work/site/procedures/ho-tich/hong.md"
  (cd "$work/site" && "$congkhai" build --themes "$OLDPWD/themes" 2>"$work/err.txt")
  local status=$?
  cat "$work/err.txt"
  [ $status -eq 1 ] &&
    grep -q '^procedures/ho-tich/hong.md:[23]:[0-9]*: error: YAML không hợp lệ' "$work/err.txt" &&
    [ "$(tree_sum "$work/site/output")" = "$before" ] &&
    [ -z "$(find "$work/site" -maxdepth 1 -name '.output.staging*')" ]
}
rebuild_with_nothing_changed_does_nothing() {
  cp -r procedures content "$work/noop/"
  cd "$work/noop" || return 1
  "$congkhai" build --themes "$OLDPWD/themes" >/dev/null || return 1
  local before after
  before=$(find output -type f -printf '%p %i %T@\n' | sort)
  "$congkhai" build --themes "$OLDPWD/themes" >"$work/noop.txt" || return 1
  after=$(find output -type f -printf '%p %i %T@\n' | sort)
  cat "$work/noop.txt"
  grep -q "Không có thay đổi" "$work/noop.txt" && [ "$before" = "$after" ] || return 1
  # A changed source, or a hand-edited output, is rebuilt.
  sleep 0.01 && echo >>procedures/ho-tich/dang-ky-khai-sinh.md
  "$congkhai" build --themes "$OLDPWD/themes" | grep -q "Đã tạo" || { echo "source change ignored"; return 1; }
  rm output/thu-tuc/dang-ky-khai-sinh/index.html
  "$congkhai" build --themes "$OLDPWD/themes" | grep -q "Đã tạo" || { echo "output change ignored"; return 1; }
  [ -f output/thu-tuc/dang-ky-khai-sinh/index.html ]
}
foreign_output_folder_is_refused() {
  mkdir -p "$work/foreign" && echo keep >"$work/foreign/thesis.docx"
  ! "$congkhai" build --out "$work/foreign" && [ "$(cat "$work/foreign/thesis.docx")" = keep ]
}
new_post_creates_a_dated_file_and_never_overwrites() {
  local dir="$work/new-content" file
  "$congkhai" new post "Họp dân: thôn Đông" --content "$dir" --now 2023-05-24T23:30 || return 1
  file="$dir/news/2023-05-24-hop-dan-thon-dong.md"
  grep -q '^title: "Họp dân: thôn Đông"$' "$file" && grep -q '^date: 2023-05-24$' "$file" &&
    for key in summary tags draft cover cover_alt author slug; do grep -q "^$key:" "$file" || return 1; done
  echo changed >>"$file"
  "$congkhai" new post "Họp dân: thôn Đông" --content "$dir" --now 2023-05-24T23:30
  [ $? -eq 1 ] && tail -n 1 "$file" | grep -q '^changed$'
}
build_counts_held_back_posts() {
  "$congkhai" build --out "$work/held" --now 2026-11-23T12:00 >"$work/held.txt" || return 1
  cat "$work/held.txt"
  grep -q 'giữ lại 1 bản nháp và 1 tin hẹn giờ' "$work/held.txt" &&
    "$congkhai" build --out "$work/held" --now 2026-11-23T12:00 --drafts --future >"$work/all.txt" &&
    grep -q 'giữ lại 0 bản nháp và 0 tin hẹn giờ' "$work/all.txt"
}
# Two communes sharing one catalog, in one run: each output equals its own
# build, and a message about the shared catalog is printed once, not per
# commune (the catalog is loaded once).
communes_share_one_catalog() {
  local m=$work/communes
  mkdir -p "$m" && cp -r "$repo/procedures" "$m/procedures" && cp -r "$repo/content" "$m/a" &&
    cp -r "$repo/content" "$m/b" &&
    sed -i 's|^base_url: .*|base_url: https://b.example.vn|' "$m/b/site.yaml" &&
    sed -i '2i typo_field: x' "$m/procedures/ho-tich/dang-ky-khai-sinh.md" &&
    "$congkhai" --lang en build --procedures "$m/procedures" --themes "$repo/themes" --now 2026-11-23T08:00 \
      --commune "$m/a" "$m/out-a" --commune "$m/b" "$m/out-b" 2>"$m/messages.txt" >/dev/null &&
    [ "$(grep -c 'unknown field "typo_field"' "$m/messages.txt")" -eq 1 ] &&
    for c in a b; do
      "$congkhai" build --procedures "$m/procedures" --themes "$repo/themes" --content "$m/$c" \
        --out "$m/single-$c" --now 2026-11-23T08:00 >/dev/null 2>&1 && diff -r "$m/out-$c" "$m/single-$c" || return 1
    done &&
    grep -q 'https://b.example.vn' "$m/out-b/sitemap.xml" && ! grep -q 'https://b.example.vn' "$m/out-a/sitemap.xml" &&
    { "$congkhai" build --procedures "$m/procedures" --themes "$repo/themes" \
        --commune "$m/a" "$m/same" --commune "$m/b" "$m/same/"; [ $? -eq 2 ] && [ ! -e "$m/same" ]; }
}

mkdir -p "$work/site" "$work/noop"
check "--help lists every build option" help_lists_options
check "bad usage exits with status 2" bad_usage_exits_2
check "two builds, -j1 and -j2, give identical trees" same_bytes_every_run
check "every procedure has a page and a /tthc/ short link" every_procedure_has_page_and_short_link
check "the sitemap lists every page" sitemap_lists_every_page
check "a YAML error names file:line and leaves output/ as it was" broken_source_keeps_previous_output
check "a folder congkhai did not write is never replaced" foreign_output_folder_is_refused
check "new post writes a dated file with every field and refuses to overwrite" new_post_creates_a_dated_file_and_never_overwrites
check "the build says how many posts it held back" build_counts_held_back_posts
check "a rebuild with nothing changed rewrites nothing; a change is rebuilt" rebuild_with_nothing_changed_does_nothing
check "communes sharing a catalog: each equals its own build, catalog messages once; one output each" communes_share_one_catalog
checks_done
