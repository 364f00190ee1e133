#!/usr/bin/env bash
# End-to-end checks of check, new, clean and the console conventions
# (--lang, --quiet, CI, NO_COLOR) on a copy of the sample site.
set -u
congkhai=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/procedures" "$repo/content" "$repo/themes" "$work/"
copied=$(date +%s%N)
cd "$work" || exit 1
status=0

expect() {  # expect STATUS "description" command...
  local want=$1 what=$2
  shift 2
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what (status $got, wanted $want)"
    sed 's/^/    /' "$work/out.txt" "$work/err.txt"
    status=1
  else
    echo "ok   $what"
  fi
}
has() { grep -q -- "$1" "$work/$2" || { echo "FAIL: '$1' not in $2"; sed 's/^/    /' "$work/$2"; status=1; }; }
lacks() { ! grep -q -- "$1" "$work/$2" || { echo "FAIL: '$1' in $2"; status=1; }; }

expect 0 "check passes on the sample site" "$congkhai" check
has "Không có lỗi" out.txt
[ ! -e output ] || { echo "FAIL: check wrote output/"; status=1; }
expect 2 "check with a bad option is bad usage" "$congkhai" check --nope
expect 0 "--lang en works after the subcommand" "$congkhai" check --lang en
has "No errors" out.txt

expect 0 "new procedure creates the file" "$congkhai" new procedure ho-tich "Đăng ký lại khai tử: thử"
file=procedures/ho-tich/dang-ky-lai-khai-tu-thu.md
[ -f "$file" ] || { echo "FAIL: $file missing"; status=1; }
cp "$file" "$work/before.md"
expect 1 "new procedure refuses to overwrite" "$congkhai" new procedure ho-tich "Đăng ký lại khai tử: thử"
cmp -s "$file" "$work/before.md" || { echo "FAIL: the existing file changed"; status=1; }
expect 2 "new procedure needs a domain from domains.yaml" "$congkhai" new procedure khong-co "Tên"
has "ho-tich" err.txt
expect 2 "new procedure needs a name that gives a slug" "$congkhai" new procedure ho-tich "!!!"
expect 0 "new page creates the file" "$congkhai" new page "Tin tức – Sự kiện"
[ -f content/pages/tin-tuc-su-kien.md ] || { echo "FAIL: page file missing"; status=1; }
expect 0 "new results creates the month's file" "$congkhai" new results 2024-01
[ -f content/results/2024-01.md ] || { echo "FAIL: results file missing"; status=1; }
expect 1 "new results refuses to overwrite" "$congkhai" new results 2024-01
expect 2 "new results needs YEAR-MONTH" "$congkhai" new results 2024-13
expect 2 "new without a kind is bad usage" "$congkhai" new

# The new procedure has no code yet: a warning, which --werror turns into a failure.
expect 0 "scaffolds pass check (warnings only)" "$congkhai" check
has "warning" err.txt
expect 1 "--werror makes warnings fail" "$congkhai" check --werror
expect 0 "--quiet hides warnings" "$congkhai" check --quiet
lacks "warning" err.txt
printf -- '---\nname: [unclosed\n---\n' >procedures/ho-tich/hong.md
expect 1 "check fails on errors" "$congkhai" check
has "hong.md:[23]:" err.txt
CI=1 expect 1 "in CI without a terminal, errors still show" "$congkhai" check
has "error" err.txt
lacks "warning" err.txt
NO_COLOR=1 expect 1 "NO_COLOR: no escape codes" "$congkhai" check
lacks $'\033' err.txt
rm procedures/ho-tich/hong.md

expect 0 "build prints a one-line summary" "$congkhai" build
has "^Đã tạo [0-9]* trang trong [0-9]*,[0-9]* giây" out.txt
[ "$(wc -l <"$work/out.txt")" -eq 1 ] || { echo "FAIL: summary is not one line"; status=1; }
CI=1 expect 0 "in CI without a terminal, build prints nothing" "$congkhai" build
[ ! -s "$work/out.txt" ] && [ ! -s "$work/err.txt" ] || { echo "FAIL: CI build printed something"; status=1; }
# A build remembers sources by their look only once they have not changed
# for two seconds (an edit within the clock's tick could go unseen), so the
# book of sources needs one more build after the copy has settled.
sleep "$(awk -v ns=$(($(date +%s%N) - copied)) 'BEGIN { s = 2.1 - ns / 1e9; print (s > 0 ? s : 0) }')"
"$congkhai" build --quiet
for kept in .output.congkhai-state .output.congkhai-cache .output.congkhai-details .output.congkhai-sources .output.congkhai-qr .output.congkhai-print; do
  [ -e "$kept" ] || { echo "FAIL: build left no $kept"; status=1; }
done
# Whatever a build keeps beside output/ is ignored by the project's .gitignore, so building the
# sample site leaves a clone clean.
for kept in .output.*; do
  ignored=no
  while IFS= read -r pattern; do
    # shellcheck disable=SC2053  # the pattern is a glob on purpose
    [[ $pattern == .* && $kept == $pattern ]] && ignored=yes
  done <"$repo/.gitignore"
  [ "$ignored" = yes ] || { echo "FAIL: $kept is not in .gitignore"; status=1; }
done
expect 0 "clean removes congkhai's output" "$congkhai" clean
for left in output .output.congkhai-state .output.congkhai-cache .output.congkhai-details .output.congkhai-sources .output.congkhai-qr .output.congkhai-print; do
  [ ! -e "$left" ] || { echo "FAIL: clean left $left"; status=1; }
done
expect 0 "clean with nothing to remove" "$congkhai" clean
mkdir foreign && echo keep >foreign/thesis.docx
expect 1 "clean refuses a folder congkhai did not write" "$congkhai" clean --out foreign
[ "$(cat foreign/thesis.docx)" = keep ] || { echo "FAIL: foreign folder touched"; status=1; }
exit $status
