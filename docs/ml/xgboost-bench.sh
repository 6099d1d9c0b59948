#!/usr/bin/env bash
# Reproduces docs/ml/xgboost.md: XGBoost tuned by TPE, 50 trials, 5-fold CV accuracy on a
# stratified 80%, test accuracy of the best configuration refitted on those rows and scored on
# the other 20%, for 5 seeds (each seed moves the sampler and the split) on iris, wine,
# breast_cancer and digits, as the seed paper's XGBoost table.
#
#   docs/ml/xgboost-bench.sh [OUT.jsonl] [SEEDS] [DATASETS]
#   docs/ml/xgboost-bench.sh docs/ml/xgboost.jsonl "0 1 2 3 4" "iris wine breast_cancer digits"
#
# One JSON line per run: dataset, seed, trials, cv (best CV accuracy), test (held-out accuracy),
# test_error, test_rows, wall_s (whole ./hpo run, JVM start included), cpu_s (user+sys), load
# (1-minute load average at the start). The markdown table is printed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/docs/ml/xgboost.jsonl}"
seeds="${2:-0 1 2 3 4}"
sets="${3:-iris wine breast_cancer digits}"
trials=50
hpo="${HPO:-$root/hpo}"   # HPO=... runs another build, e.g. a copy that later edits cannot rebuild
"$hpo" --help >/dev/null   # build once, outside the timings
: > "$out"
for d in $sets; do
  file="$root/examples/xgboost-${d//_/-}.yaml"
  for s in $seeds; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    log=$(mktemp)
    /usr/bin/time -f "%e %U %S" -o "$log.time" "$hpo" run "$file" --storage memory --seed "$s" \
      --trials "$trials" >"$log" 2>/dev/null
    read -r wall user sys < "$log.time"
    cv=$(sed -n 's/^best trial [0-9]*: value \([0-9.]*\).*/\1/p' "$log")
    test=$(sed -n 's/.*held-out test accuracy \([0-9.]*\) on \([0-9]*\) rows.*/\1/p' "$log")
    rows=$(sed -n 's/.*held-out test accuracy [0-9.]* on \([0-9]*\) rows.*/\1/p' "$log")
    printf '{"dataset":"%s","seed":%s,"trials":%s,"cv":%s,"test":%s,"test_error":%.4f,"test_rows":%s,"wall_s":%s,"cpu_s":%.1f,"load":%s}\n' \
      "$d" "$s" "$trials" "$cv" "$test" "$(echo "1 - $test" | bc -l)" "$rows" "$wall" \
      "$(echo "$user + $sys" | bc -l)" "$load" | tee -a "$out"
    rm -f "$log" "$log.time"
  done
done
"$(dirname "${BASH_SOURCE[0]}")/xgboost-table.sh" "$out"
