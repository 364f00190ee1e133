#!/usr/bin/env bash
# The PDFs of a site whose procedures print as much text as a catalog gets
# (tests/sites/print laid over tests/sites/base) read back word for word,
# with nothing off the page (check_pdf_text.py).
# Usage: check_pdf_extremes.sh CONGKHAI
set -euo pipefail
congkhai=$(realpath "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/tests/sites/base/." "$work/"
cp -r "$repo/tests/sites/print/procedures/." "$work/procedures/"
ln -s "$repo/themes" "$work/themes"
(cd "$work" && "$congkhai" build --themes "$repo/themes" -q)
python3 "$repo/tests/tools/check_pdf_text.py" "$work/output" --sources "$work"
