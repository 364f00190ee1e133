#!/usr/bin/env bash
# Validates the generated site: every .html file with the Nu Html Checker,
# every .xml, .rss and .atom file (sitemap, feeds) for well-formedness.
# Usage: check_html.sh [SITE_DIR]   (default: $SITE_DIR, then "output" at the repo root)
set -uo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
site_dir=${1:-${SITE_DIR:-$repo_root/output}}
vnu_jar=$repo_root/node_modules/vnu-jar/build/dist/vnu.jar

if [[ ! -d $site_dir ]] || [[ -z $(find "$site_dir" -name '*.html' -print -quit) ]]; then
  echo "check_html: no .html files under $site_dir" >&2
  exit 2
fi
for tool in java xmllint; do
  command -v "$tool" >/dev/null || { echo "check_html: $tool not found" >&2; exit 2; }
done
[[ -f $vnu_jar ]] || { echo "check_html: $vnu_jar missing, run npm ci" >&2; exit 2; }

status=0

# vnu prints one line per error and exits 1 if there were any.
if java -jar "$vnu_jar" --errors-only --skip-non-html "$site_dir" 2>&1; then
  echo "html: no errors"
else
  echo "html: errors found (above)"
  status=1
fi

xml_total=0 xml_bad=0
while IFS= read -r -d '' f; do
  xml_total=$((xml_total + 1))
  xmllint --noout "$f" 2>&1 || xml_bad=$((xml_bad + 1))
done < <(find "$site_dir" -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' \) -print0 | sort -z)
echo "xml: $xml_total checked, $xml_bad malformed"
((xml_bad == 0)) || status=1

exit $status
