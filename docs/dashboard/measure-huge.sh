#!/usr/bin/env bash
# The dashboard bounds of issue 21 measured on a 100,000-trial SQLite study (8 float parameters,
# random sampler): wall time and peak RSS of `hpo report`, of the live dashboard's study page
# (/api/study, first and cached), and whether headless Chromium draws every chart of that page.
# Run from the repository root after `mvn -B -q -DskipTests package -pl hpo4j-cli -am`:
#   nice -n 10 bash docs/dashboard/measure-huge.sh [trials] [work-dir]
# Results: docs/dashboard/huge-study.md.
set -euo pipefail
n="${1:-100000}"
dir="${2:-/tmp/hpo4j-huge}"
mkdir -p "$dir"
db="$dir/huge-$n.db"
jar="hpo4j-cli/target/hpo4j-cli.jar"
[ -f "$jar" ] || { echo "build the CLI first: mvn -B -q -DskipTests package -pl hpo4j-cli -am" >&2; exit 2; }
if [ ! -f "$db" ]; then
  # Written through the library (JdbcStorage, random sampler), commits not waiting for the disk.
  mvn -B -q -o -pl hpo4j-dashboard -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$dir/cp.txt" -Dmdep.includeScope=test >/dev/null
  cp="hpo4j-dashboard/target/classes:hpo4j-dashboard/target/test-classes:$(cat "$dir/cp.txt")"
  start=$(date +%s.%N)
  java -cp "$cp" org.hpo4j.dashboard.scale.HugeStudy "sqlite:$db?synchronous_commit=off" "$n" 2>&1 | grep -v WARN | tail -1
  echo "generated $n trials in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
url="sqlite:$db"

echo "== hpo report (JAVA_OPTS='${JAVA_OPTS:-}')"
/usr/bin/time -f "report: %e s wall, %U s user + %S s sys CPU, %M KB peak RSS, exit %x" \
  java ${JAVA_OPTS:-} -jar "$jar" report --storage "$url" --study huge -o "$dir/report.html" 2>&1 | grep -v WARN | tail -2
ls -l "$dir/report.html" | awk '{print "report size: " $5 " bytes"}'

echo "== dashboard study page"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java ${JAVA_OPTS:-} -jar "$jar" dashboard --storage "$url" --port "$port" >"$dir/dashboard.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
for run in first cached; do
  curl -s -o "$dir/study.json" -w "api/study ($run): %{time_total} s, %{size_download} bytes, HTTP %{http_code}\n" \
    "http://127.0.0.1:$port/api/study?name=huge"
done
curl -s -o /dev/null -w "api/trials (sorted by value, page 1): %{time_total} s\n" \
  "http://127.0.0.1:$port/api/trials?study=huge&sort=value:0&page=1"
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,3000 \
  --virtual-time-budget=20000 --dump-dom "http://127.0.0.1:$port/#study=huge" 2>/dev/null >"$dir/page.dom.html" || true
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1400,3000 \
  --virtual-time-budget=20000 --screenshot="$dir/page.png" "http://127.0.0.1:$port/#study=huge" >/dev/null 2>&1 || true
rm -rf "$profile"
charts=$(grep -o 'class="chart[^"]*" id="[^"]*"' "$dir/page.dom.html" | wc -l)
canvases=$(grep -o '<canvas' "$dir/page.dom.html" | wc -l)
echo "page: $charts chart containers, $canvases canvases (screenshot $dir/page.png)"
echo "dashboard peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2}') KB, CPU $(awk '{print ($14 + $15) / 100}' /proc/$pid/stat) s (user + sys, whole run)"
