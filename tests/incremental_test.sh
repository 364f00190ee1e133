#!/usr/bin/env bash
# Incremental rebuilds must give exactly the same output as clean builds.
# One output folder is kept and rebuilt after each edit of a copy of the
# sample site (procedure body, name, new, deleted, renamed and moved
# procedures, a template, site.yaml, a news post and a results month, a broken source, a
# damaged cache of QR codes, a hand-edited output file); after every step a
# clean build of the same sources must be byte-for-byte the same. Files whose bytes did not change
# must keep their modification time, so rsync sends only what changed.
set -u
congkhai=$(realpath "$1")
source "$(dirname "$0")/tools/checks.sh"

now=2026-11-23T08:00  # fixed, so which news posts are published never depends on the clock
src=$work/src         # the copy of the sample site that the steps edit
inc=$work/inc         # the output that is only ever rebuilt, never cleaned
mkdir -p "$src" "$work/clean"
cp -r procedures content themes "$src/"

build() {  # build OUT JOBS
  "$congkhai" build --procedures "$src/procedures" --content "$src/content" --themes "$src/themes" \
    --out "$1" -j "$2" --now "$now"
}

# "path<TAB>sha256<TAB>mtime" for every file below DIR, sorted by path.
snapshot() {
  (cd "$1" && find . -type f -printf '%P\0' | sort -z | xargs -0 -r sha256sum) >"$work/sums" &&
    (cd "$1" && find . -type f -printf '%P\t%T@\n') >"$work/times" &&
    awk -F'\t' 'NR == FNR { t[$1] = $2; next }
                { p = substr($0, 67); print p "\t" substr($0, 1, 64) "\t" t[p] }' "$work/times" "$work/sums"
}

same_bytes_keep_mtime() {  # same_bytes_keep_mtime BEFORE AFTER (snapshot files)
  awk -F'\t' 'NR == FNR { sha[$1] = $2; t[$1] = $3; next }
              ($1 in sha) && sha[$1] == $2 && t[$1] != $3 { print "same bytes, new mtime: " $1; bad = 1 }
              END { exit bad }' "$1" "$2"
}

# Rebuilds inc (-j 2) after the edit just made, builds the same sources
# clean (-j 1) into a new folder, and compares the two.
rebuild_matches_clean() {
  local clean
  clean=$(mktemp -d "$work/clean/XXXX")/out
  snapshot "$inc" >"$work/before" || return 1
  build "$inc" 2 || { echo "incremental build failed"; return 1; }
  snapshot "$inc" >"$work/after" || return 1
  build "$clean" 1 >/dev/null || { echo "clean build failed"; return 1; }
  diff -r "$clean" "$inc" || { echo "incremental output differs from the clean build"; return 1; }
  rm -rf "$(dirname "$clean")"
  same_bytes_keep_mtime "$work/before" "$work/after"
}

first_build() {
  build "$inc" 2
}
nothing_changed() {
  snapshot "$inc" >"$work/untouched" &&
    rebuild_matches_clean &&
    diff "$work/untouched" "$work/after"  # not one file rewritten, added or removed
}
procedure_body_changed() {
  printf '\nCâu này được thêm vào để kiểm tra việc tạo lại trang.\n' >>"$src/procedures/ho-tich/dang-ky-ket-hon.md"
  rebuild_matches_clean &&
    grep -q 'Câu này được thêm vào để kiểm tra' "$inc/thu-tuc/dang-ky-ket-hon/index.html"
}
# Regression: sources were recognised by size and modification time, and
# some disks keep times to two seconds. An edit that keeps both must count.
edit_keeping_size_and_time() {
  local page=$src/procedures/ho-tich/dang-ky-ket-hon.md site=$src/content/site.yaml
  local page_time site_time
  page_time=$(stat -c %y "$page") && site_time=$(stat -c %y "$site") || return 1
  # Rewritten in place (same inode), then given back its old time.
  sed 's/Câu này được thêm vào/Câu này được THÊM vào/' "$page" >"$work/edited" && cat "$work/edited" >"$page" &&
    sed 's/^commune: ./commune: X/' "$site" >"$work/edited" && cat "$work/edited" >"$site" &&
    touch -d "$page_time" "$page" && touch -d "$site_time" "$site" &&
    rebuild_matches_clean &&
    grep -q 'Câu này được THÊM vào' "$inc/thu-tuc/dang-ky-ket-hon/index.html"
}
# Lists show a few fields of each procedure (its name, code, address,
# domain, keywords, code's address): a fee, summary and level edited keep
# them; new keywords change the search index.
front_matter_changed() {
  local file=$src/procedures/ho-tich/dang-ky-ket-hon.md
  sed -i -e '0,/fee: Miễn lệ phí/s//fee: 10.000 đồng/' -e '/^summary: /a level: Cấp xã (đã sửa)' \
    -e 's/^summary: Đăng ký kết hôn giữa/summary: Đăng ký việc kết hôn giữa/' "$file"
  grep -q 'fee: 10.000 đồng' "$file" && grep -q '^level: Cấp xã (đã sửa)$' "$file" ||
    { echo "sed did not change the front matter"; return 1; }
  rebuild_matches_clean && grep -q '10.000 đồng' "$inc/thu-tuc/dang-ky-ket-hon/index.html" || return 1
  sed -i 's/^keywords: \[kết hôn,/keywords: [cưới hỏi, kết hôn,/' "$file"
  grep -q '^keywords: \[cưới hỏi,' "$file" || { echo "sed did not change the keywords"; return 1; }
  rebuild_matches_clean && grep -q 'cuoi hoi' "$inc/tim-kiem/chi-muc.js"
}
procedure_name_changed() {  # the slug is pinned, so only the name changes
  local file=$src/procedures/bao-tro-xa-hoi/tro-cap-xa-hoi-hang-thang.md
  sed -i 's/^name: .*/name: Trợ cấp xã hội hàng tháng (tên đã sửa)/' "$file"
  grep -q '^name: Trợ cấp xã hội hàng tháng (tên đã sửa)$' "$file" || { echo "sed did not change the name"; return 1; }
  rebuild_matches_clean &&
    grep -q 'tên đã sửa' "$inc/thu-tuc/tro-cap-xa-hoi-hang-thang/index.html"
}
# The QR codes kept beside the output are only a cache: a damaged book is
# ignored and every code the booklet redraws is encoded again.
qr_book_damaged() {
  local book=$work/.inc.congkhai-qr file=$src/procedures/bao-tro-xa-hoi/tro-cap-xa-hoi-hang-thang.md
  [ "$(stat -c %s "$book")" -gt 1000 ] || { echo "no QR codes kept beside the output"; return 1; }
  printf 'xx' | dd of="$book" bs=1 seek=500 conv=notrunc 2>/dev/null &&
    sed -i 's/(tên đã sửa)$/(tên sửa lần hai)/' "$file" &&
    rebuild_matches_clean &&
    grep -q 'tên sửa lần hai' "$inc/in-an/index.html"
}
procedure_added() {
  local file=$src/procedures/ho-tich/dang-ky-khai-sinh-thu-nghiem.md
  sed -e 's/^code: .*/code: "9.999001"/' \
    -e 's/^name: .*/name: Đăng ký khai sinh (thủ tục thử nghiệm)\nslug: dang-ky-khai-sinh-thu-nghiem/' \
    "$src/procedures/ho-tich/dang-ky-khai-sinh.md" >"$file"
  rebuild_matches_clean &&
    [ -f "$inc/thu-tuc/dang-ky-khai-sinh-thu-nghiem/index.html" ] &&
    [ -f "$inc/tthc/9.999001/index.html" ]
}
procedure_deleted() {  # nothing links to 2.001019
  rm "$src/procedures/chung-thuc/chung-thuc-di-chuc.md"
  rebuild_matches_clean &&
    [ ! -e "$inc/thu-tuc/chung-thuc-di-chuc" ] && [ ! -e "$inc/tthc/2.001019" ]
}
procedure_renamed() {  # others link to it by code, which stays
  mv "$src/procedures/chung-thuc/chung-thuc-chu-ky.md" "$src/procedures/chung-thuc/chung-thuc-chu-ky-ca-nhan.md"
  sed -i 's/^slug: chung-thuc-chu-ky$/slug: chung-thuc-chu-ky-ca-nhan/' \
    "$src/procedures/chung-thuc/chung-thuc-chu-ky-ca-nhan.md"
  rebuild_matches_clean &&
    [ -f "$inc/thu-tuc/chung-thuc-chu-ky-ca-nhan/index.html" ] && [ ! -e "$inc/thu-tuc/chung-thuc-chu-ky" ]
}
# A domain's page and sheet are keyed by its own procedures: moving one
# to another domain remakes both domains' pages, and nothing else stays stale.
procedure_moved_to_another_domain() {
  local file=$src/procedures/chung-thuc/sua-loi-sai-sot-trong-hop-dong-giao-dich.md
  sed -i 's/^domain: chung-thuc$/domain: ho-tich/' "$file"
  grep -q '^domain: ho-tich$' "$file" || { echo "sed did not move the procedure"; return 1; }
  rebuild_matches_clean &&
    grep -q 'sua-loi-sai-sot-trong-hop-dong-giao-dich' "$inc/linh-vuc/ho-tich/index.html" &&
    ! grep -q 'sua-loi-sai-sot-trong-hop-dong-giao-dich' "$inc/linh-vuc/chung-thuc/index.html"
}
template_changed() {
  sed -i 's|^<article class="procedure">$|&\n<p class="kiem-tra">Mẫu trang đã sửa.</p>|' \
    "$src/themes/default/templates/procedure.mustache"
  rebuild_matches_clean &&
    grep -q 'Mẫu trang đã sửa' "$inc/thu-tuc/dang-ky-ket-hon/index.html"
}
site_yaml_changed() {
  sed -i 's/^  hotline: .*/  hotline: "0912 000 999"/' "$src/content/site.yaml"
  rebuild_matches_clean &&
    grep -q '0912 000 999' "$inc/index.html"
}
news_and_results_changed() {
  printf '\nCâu này được thêm vào bài tin để kiểm tra.\n' \
    >>"$src/content/news/2023-09-05-thanh-toan-le-phi-truc-tuyen.md"
  # Still valid: satisfied must not exceed answered (222).
  sed -i 's/^  satisfied: 222$/  satisfied: 221/' "$src/content/results/2023-05.md"
  grep -q '^  satisfied: 221$' "$src/content/results/2023-05.md" || { echo "sed did not change the results"; return 1; }
  rebuild_matches_clean &&
    grep -rq 'Câu này được thêm vào bài tin' "$inc/tin-tuc/"
}
broken_source_leaves_output_alone() {
  local file=$src/procedures/ho-tich/dang-ky-khai-tu.md
  cp "$file" "$work/dang-ky-khai-tu.md"
  sed -i 's/^name: .*/name: [unclosed/' "$file"
  snapshot "$inc" >"$work/before" || return 1
  build "$inc" 2
  local status=$?
  echo "exit status $status"
  [ $status -ne 0 ] || { echo "a broken source built"; return 1; }
  snapshot "$inc" >"$work/after" || return 1
  diff "$work/before" "$work/after" &&
    [ -z "$(find "$work" -maxdepth 1 -name '.inc.staging*')" ]
}
fixed_source_matches_clean() {
  cp "$work/dang-ky-khai-tu.md" "$src/procedures/ho-tich/dang-ky-khai-tu.md"
  rebuild_matches_clean
}
hand_edited_output_is_restored() {
  echo junk >"$inc/thu-tuc/dang-ky-ket-hon/index.html"
  rebuild_matches_clean &&
    grep -q 'Đăng ký kết hôn' "$inc/thu-tuc/dang-ky-ket-hon/index.html"
}
clean_j1_equals_incremental_j2() {
  build "$inc" 2 >/dev/null && build "$work/final/out" 1 >/dev/null && diff -r "$work/final/out" "$inc"
}

check "the first build of the kept output succeeds" first_build
check "nothing changed: same output as a clean build, no file touched" nothing_changed
check "a procedure's body changed: same output as a clean build" procedure_body_changed
check "an edit keeping size and modification time: same output as a clean build" edit_keeping_size_and_time
check "fields no list shows, then keywords, changed: same output as a clean build" front_matter_changed
check "a procedure's name changed: same output as a clean build" procedure_name_changed
check "a damaged QR book: same output as a clean build" qr_book_damaged
check "a procedure added: same output as a clean build" procedure_added
check "a procedure deleted: same output as a clean build" procedure_deleted
check "a procedure renamed (file and slug): same output as a clean build" procedure_renamed
check "a procedure moved to another domain: same output as a clean build" procedure_moved_to_another_domain
check "the procedure template changed: same output as a clean build" template_changed
check "site.yaml changed: same output as a clean build" site_yaml_changed
check "a news post and a results month changed: same output as a clean build" news_and_results_changed
check "a broken source fails and leaves the output's bytes and mtimes alone" broken_source_leaves_output_alone
check "the source fixed again: same output as a clean build" fixed_source_matches_clean
check "a hand-edited output file is restored: same output as a clean build" hand_edited_output_is_restored
check "at the end, a clean -j 1 build equals the incremental -j 2 output" clean_j1_equals_incremental_j2
checks_done
