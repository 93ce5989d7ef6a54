#!/usr/bin/env bash
# Renders one PDF of every document kind, as the running system issued them, to the PNGs the README shows.
# Run after the documents e2e test (it lists the documents it issued in .oneseal/screenshots/documents.json):
#   ONESEAL_CHROMIUM=/usr/bin/chromium npx jest -c jest.e2e.config.js e2e/case-documents
#   bash deploy/local/document-pictures.sh
# Needs pdftoppm (Debian: poppler-utils) and node. Writes docs/documents/<kind>.png and .pdf.
set -euo pipefail
cd "$(dirname "$0")/../.."
list="${1:-.oneseal/screenshots/documents.json}"
out="docs/documents"
seal="${SEAL_URL:-http://127.0.0.1:3104}"
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing (Debian: apt-get install poppler-utils)" >&2; exit 1; }
[ -f "$list" ] || { echo "no $list: run the documents e2e test first" >&2; exit 1; }
mkdir -p "$out"
node -e '
  const documents = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const d of documents) console.log(`${d.documentId}\t${d.picture}`);
' "$list" | while IFS=$'\t' read -r id name; do
  file="$out/$name"
  curl -fsS "$seal/documents/$id" -o "$file.pdf"
  pdftoppm -r 72 -png -singlefile "$file.pdf" "$file"
  echo "$file.png"
done
