#!/usr/bin/env bash
# Reproduces docs/ml/xgboost.md: XGBoost tuned by TPE, 50 trials, 5-fold CV on a stratified 80%,
# test accuracy of the best configuration refitted on those rows and scored on the other 20%, for
# several seeds (each seed moves the sampler and the split) on iris, wine, breast_cancer and
# digits, as the seed paper's XGBoost table.
#
#   docs/ml/xgboost-bench.sh [OUT.jsonl] [SEEDS] [DATASETS] [VARIANTS]
#   docs/ml/xgboost-bench.sh docs/ml/xgboost.jsonl "0 1 2 3 4" "iris wine breast_cancer digits"
#   docs/ml/xgboost-bench.sh docs/ml/xgboost-booster-bc.jsonl "0 1 2 3 4 5 6 7 8 9" breast_cancer \
#     "plain booster logloss logloss-booster"
#
# A variant edits examples/xgboost-<dataset>.yaml before running it: asis (the default) runs it as
# shipped; plain removes any `booster:` line from its space (the paper's gbtree-only space);
# booster tunes `booster: [gbtree, gblinear, dart]`; logloss is plain selected by CV log loss
# (metric logloss, direction minimize; the held-out accuracy is still reported); logloss-booster
# is booster selected by log loss.
#
# One JSON line per run: dataset, variant, seed, trials, cv (best CV value: accuracy, or log loss
# for the logloss variants), test (held-out accuracy), test_error, test_rows, booster (of the best
# trial), wall_s (whole ./hpo run, JVM start included), cpu_s (user+sys), load (1-minute load
# average at the start). The markdown table is printed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/docs/ml/xgboost.jsonl}"
seeds="${2:-0 1 2 3 4}"
sets="${3:-iris wine breast_cancer digits}"
variants="${4:-asis}"
trials=50
hpo="${HPO:-$root/hpo}"   # HPO=... runs another build, e.g. a copy that later edits cannot rebuild
"$hpo" --help >/dev/null 2>&1 || true   # build once, outside the timings
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root/examples"   # the examples name their datasets relative to this directory
: > "$out"
for d in $sets; do
  for v in $variants; do
    file="$tmp/xgboost-${d//_/-}-$v.yaml"
    cp "$root/examples/xgboost-${d//_/-}.yaml" "$file"
    [ "$v" = asis ] || sed -i '/^    booster:/d' "$file"
    case "$v" in
      asis|plain) ;;
      booster|logloss-booster)
        grep -q '^  space:' "$file" || echo '  space:' >> "$file"
        sed -i 's/^  space:.*/&\n    booster: [gbtree, gblinear, dart]/' "$file" ;;&
      logloss|logloss-booster)
        sed -i 's/^  metric: .*/  metric: logloss/; s/^direction: .*/direction: minimize/' "$file" ;;
      booster) ;;
      *) echo "unknown variant '$v'; allowed are asis plain booster logloss logloss-booster" >&2
         exit 2 ;;
    esac
    for s in $seeds; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      log="$tmp/run.log"
      /usr/bin/time -f "%e %U %S" -o "$log.time" "$hpo" run "$file" --storage memory --seed "$s" \
        --trials "$trials" >"$log" 2>/dev/null
      read -r wall user sys < "$log.time"
      cv=$(sed -n 's/^best trial [0-9]*: value \([0-9.e-]*\).*/\1/p' "$log")
      test=$(sed -n 's/.*held-out test accuracy \([0-9.]*\) on [0-9]* rows.*/\1/p' "$log")
      [ -n "$test" ] || test=$(sed -n 's/.*held-out test .*test_accuracy=\([0-9.]*\).*/\1/p' "$log")
      rows=$(sed -n 's/.*held-out test [a-z]* [0-9.]* on \([0-9]*\) rows.*/\1/p' "$log")
      booster=$(sed -n 's/.*held-out test .*booster=\([a-z]*\).*/\1/p' "$log")
      printf '{"dataset":"%s","variant":"%s","seed":%s,"trials":%s,"cv":%s,"test":%s,"test_error":%.4f,"test_rows":%s,"booster":"%s","wall_s":%s,"cpu_s":%.1f,"load":%s}\n' \
        "$d" "$v" "$s" "$trials" "$cv" "$test" "$(echo "1 - $test" | bc -l)" "$rows" "$booster" \
        "$wall" "$(echo "$user + $sys" | bc -l)" "$load" | tee -a "$out"
    done
  done
done
"$root/docs/ml/xgboost-table.sh" "$out"
