#!/usr/bin/env bash
# Prints the markdown table of docs/ml/xgboost.md from the JSON lines xgboost-bench.sh wrote:
# per dataset and variant the mean and standard deviation over seeds of the test error, the
# paper's number, the mean wall and CPU seconds, the boosters the best trials chose, and the
# per-seed test errors. Lines without a variant (older files) count as "plain".
#   docs/ml/xgboost-table.sh docs/ml/xgboost.jsonl
set -euo pipefail
in="${1:?usage: xgboost-table.sh FILE.jsonl}"
echo "| dataset | variant | test rows | test error mean +- sd | paper (MBRL-SDP) | CV mean | wall s mean | CPU s mean | load | best booster | test error per seed |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
awk '
  function field(name,   m) { if (match($0, "\"" name "\":[^,}]*")) { m = substr($0, RSTART, RLENGTH); sub(/^"[^"]*":"?/, "", m); sub(/"$/, "", m); return m } return "" }
  BEGIN { paper["iris"] = "0.0417"; paper["breast_cancer"] = "0.0294"; paper["digits"] = "0.0412"; paper["wine"] = "-" }
  {
    v = field("variant"); if (v == "") v = "plain"
    d = field("dataset") SUBSEP v; if (!(d in n)) { order[++k] = d; name[d] = field("dataset"); var[d] = v }
    n[d]++; e = field("test_error"); se[d] += e; sq[d] += e * e
    cv[d] += field("cv"); wall[d] += field("wall_s"); cpu[d] += field("cpu_s"); rows[d] = field("test_rows")
    ld = field("load") + 0; if (n[d] == 1 || ld < lo[d]) lo[d] = ld; if (n[d] == 1 || ld > hi[d]) hi[d] = ld
    b = field("booster"); if (b == "") b = "gbtree"; nb[d, b]++
    per[d] = per[d] (per[d] == "" ? "" : ", ") sprintf("s%s %.4f", field("seed"), e)
  }
  END {
    for (i = 1; i <= k; i++) {
      d = order[i]; m = se[d] / n[d]; s = n[d] > 1 ? (sq[d] - n[d] * m * m) / (n[d] - 1) : 0
      bs = ""; split("gbtree gblinear dart", all, " ")
      for (j = 1; j <= 3; j++) if (nb[d, all[j]] > 0) bs = bs (bs == "" ? "" : " ") all[j] " " nb[d, all[j]]
      printf "| %s | %s | %s | %.4f +- %.4f | %s | %.4f | %.0f | %.0f | %s-%s | %s | %s |\n", name[d], var[d], rows[d], m, sqrt(s > 0 ? s : 0), paper[name[d]], cv[d] / n[d], wall[d] / n[d], cpu[d] / n[d], lo[d], hi[d], bs, per[d]
    }
  }' "$in"
