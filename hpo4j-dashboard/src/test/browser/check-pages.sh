#!/usr/bin/env bash
# Opens the demo reports in headless Chromium (Debian's `chromium` package) and checks, for each,
# that every chart container holds a canvas and that the page logged no error; saves screenshots.
# Not part of `mvn verify` (no browser in the Maven tests). Run from the repository root:
#   bash hpo4j-dashboard/src/test/browser/check-pages.sh [out-dir]
set -euo pipefail
out="${1:-target/dashboard-pages}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 2; }
mvn -B -q -o -pl hpo4j-dashboard -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
cp="hpo4j-dashboard/target/classes:hpo4j-dashboard/target/test-classes:$(cat "$out/cp.txt")"
java -cp "$cp" org.hpo4j.dashboard.ReportDemo "$out" 2>/dev/null
status=0
for page in report report-mo report-xss report-empty; do
  url="file://$out/$page.html"
  chromium --headless --no-sandbox --disable-gpu --no-proxy-server --enable-logging=stderr --v=0 \
    --window-size=1400,3400 --screenshot="$out/$page.png" "$url" 2>"$out/$page.log" >/dev/null || true
  chromium --headless --no-sandbox --disable-gpu --no-proxy-server --window-size=1400,3400 \
    --dump-dom "$url" 2>/dev/null >"$out/$page.dom.html" || true
  # Visible chart containers (class "chart", not inside a hidden card) without a canvas.
  missing=$(/usr/bin/env python3 - "$out/$page.dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
missing = []
for card in re.finditer(r'<section class="card[^"]*" id="([^"]+)"( hidden="")?>(.*?)</section>', dom, re.S):
    if card.group(2):
        continue
    for chart in re.finditer(r'<div class="chart[^"]*" id="([^"]+)"[^>]*>(.*?)</div>\s*(?=<div class="chart|</div>|$)', card.group(3), re.S):
        if "<canvas" not in chart.group(2):
            missing.append(chart.group(1))
print(" ".join(missing))
PY
)
  errors=$(grep -c 'CONSOLE.*\(rror\|failed\)' "$out/$page.log" || true)
  charts=$(grep -o '<canvas' "$out/$page.dom.html" | wc -l)
  if [ -n "$missing" ] || [ "$errors" != "0" ]; then
    echo "FAIL $page: charts without canvas: [$missing], console errors: $errors"
    status=1
  else
    echo "ok   $page: $charts canvases, no console error, screenshot $out/$page.png"
  fi
done
exit $status
