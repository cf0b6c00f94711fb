#!/usr/bin/env bash
# The Regional Action Plan's downloads as a ministry prints them: a full
# rehearsed meeting (six groups × 12 lines with every field, the session-4
# questionnaire answered; server test `exports_print`, which keeps its files)
# converted by LibreOffice headless to PDF, one PNG per page, and the page
# counts. By hand, not part of `make test` (LibreOffice alone takes longer
# than the test budget allows):
#   bash end2end/exports/print.sh [out-dir]        (default target/exports)
# Installs Debian's libreoffice-{writer,calc}-nogui and poppler-utils if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/tools-env.sh
out="$(mkdir -p "${1:-target/exports}" && cd "${1:-target/exports}" && pwd)"

if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils >/dev/null
fi

rm -f "$out"/*.pdf "$out"/*.png
# The same feature set as `make test`, so nothing is compiled twice.
PLENARIA_EXPORT_DIR="$out" cargo test --release -p app -p server --features app/ssr exports_print

# A profile of its own: no first-start dialogs, no clash with a running office.
profile="file://$out/.lo-profile"
for f in "$out"/plan-sheets-es.xlsx "$out"/plan-es.docx "$out"/plan-en.docx; do
  soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out" "$f" >/dev/null
done

printf '%-26s %s\n' "file" "pages (A4 landscape)"
for pdf in "$out"/*.pdf; do
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
  printf '%-26s %s  (%s)\n' "$(basename "$pdf")" "$pages" "$size"
  pdftoppm -png -r 40 "$pdf" "$out/$(basename "$pdf" .pdf)"
done
echo "PNG pages in $out"
