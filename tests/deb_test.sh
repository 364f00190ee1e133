#!/usr/bin/env bash
# Builds the .deb with CPack, installs it with dpkg, builds the sample site
# with the installed congkhai in a folder that has procedures/ and content/
# but no themes/ (so the installed theme must be found), then removes the
# package. It changes the system, so it runs only as root, and never when a
# congkhai package is already installed. Usage: deb_test.sh BUILD_DIR REPOSITORY
set -u
build_dir=$(realpath "$1")
repo=$(realpath "$2")
if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null; then
  echo "skipped: needs root and dpkg"
  exit 77
fi
# Removed packages stay known to dpkg ("deinstall ok config-files"): only an
# installed one must be left alone.
if dpkg-query -W -f='${Status}' congkhai 2>/dev/null | grep -q "ok installed"; then
  echo "skipped: a congkhai package is already installed"
  exit 77
fi
work=$(mktemp -d)
cleanup() {
  dpkg -P congkhai >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build_dir" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$build_dir"/congkhai_*_*.deb | head -1)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
dpkg-deb -f "$deb" Depends
dpkg -i "$deb" || fail "dpkg -i"
[ -x /usr/bin/congkhai ] || fail "/usr/bin/congkhai not installed"
[ -f /usr/share/congkhai/themes/default/templates/layout.mustache ] || fail "theme not installed"
[ -f /usr/share/man/man1/congkhai.1 ] || fail "man page not installed"
[ -f /usr/lib/congkhai/congkhai-http.so ] || fail "the preview's HTTP module not installed"
[ -f /usr/lib/congkhai/congkhai-pdf.so ] || fail "the PDF module not installed"

mkdir "$work/xa" && cp -r "$repo/procedures" "$repo/content" "$work/xa/"
(cd "$work/xa" && /usr/bin/congkhai build) || fail "the installed congkhai cannot build the site"
pages=$(find "$work/xa/output" -name index.html | wc -l)
echo "built $pages pages with the installed congkhai"
[ -f "$work/xa/output/index.html" ] && [ -f "$work/xa/output/assets/site.css" ] && [ "$pages" -gt 50 ] ||
  fail "output incomplete"
cmp -s "$work/xa/output/assets/site.css" "$repo/themes/default/static/site.css" || fail "not the installed theme's CSS"
head -c 5 "$work/xa/output/in-an/tat-ca.pdf" | grep -q '%PDF-' || fail "the installed congkhai drew no booklet PDF"
# The installed congkhai loads its HTTP module and serves the preview.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work/xa" && exec /usr/bin/congkhai serve --port "$port" >"$work/serve.log" 2>&1) &
server=$!
for _ in $(seq 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.2
done
python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" ||
  { cat "$work/serve.log"; fail "the installed congkhai cannot serve the preview"; }
kill -INT "$server" && wait "$server" || fail "serve did not stop cleanly"
echo "served the preview with the installed congkhai"

dpkg -P congkhai || fail "dpkg -P"
[ ! -e /usr/bin/congkhai ] || fail "/usr/bin/congkhai left after removal"
echo "installed, built and removed"
