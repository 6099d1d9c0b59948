#!/usr/bin/env bash
# The scale benchmark of docs/scale.md, hpo4j and the real Optuna 5.0.0rc1 in one run, niced
# (the machine is shared). From the repository root:  docs/scale/run.sh [OUT_DIR]
# About 5-10 minutes on an idle 2-core machine: hpo4j prefill at 1k/10k/20k/100k trials and a
# grow run to 20k; Optuna at 1k/2k/4k trials (beyond that extrapolated from its measured slope).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/docs/scale}"
cd "$root"
mvn -B -q -o compile dependency:build-classpath -pl hpo4j-bench -am -Dmdep.outputFile=/tmp/hpo4j-scale-cp.txt >/dev/null
cp="hpo4j-bench/target/classes:$(cat /tmp/hpo4j-scale-cp.txt)"
run() { nice -n 10 java ${JAVA_OPTS:-} -cp "$cp" org.hpo4j.bench.ScaleBenchmark "$@"; }
{
  run --sampler tpe --mode prefill --sizes 1000,10000,20000,100000 --window 40
  run --sampler tpe_uni --mode prefill --sizes 1000,10000,20000,100000 --window 40 | tail -n +3
  run --sampler gp --mode prefill --sizes 1000,5000 --window 5 | tail -n +3
} | tee "$out/hpo4j-prefill.md"
# live heap at 100,000 trials without G1's humongous-region rounding (see docs/scale.md)
JAVA_OPTS=-XX:+UseSerialGC run --sampler tpe --mode prefill --sizes 100000 --window 5 | tee "$out/hpo4j-memory-serial.md"
run --sampler tpe --mode grow --sizes 1000,4000,8000,12000,16000,20000 --window 200 | tee "$out/hpo4j-grow.md"
nice -n 10 ../shared/peers/optuna.sh docs/scale/optuna_scale.py 1000,2000,4000 10 | tee "$out/optuna.jsonl"
python3 docs/scale/table.py "$out/hpo4j-prefill.md" "$out/optuna.jsonl" 1000,10000,20000,100000
