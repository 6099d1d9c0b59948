#!/usr/bin/env bash
# Issue 24's measurements, side by side with the reference framework on the same machine.
# Run from the repository root; results land in docs/bench/gp24/. Seeds 0-9; 100 trials (200 for
# several objectives). Under load, split the lists over a few processes; the lines are the same.
set -euo pipefail
out=docs/bench/gp24
C=nas_cell,optimizer_tune,nested_models,training_recipe,nas_latency,optimizer_memory,mixed_conditional
M=zdt1,zdt2,zdt3,dtlz2
nice -n 10 ./hpo bench --sampler gp,tpe --function $C --seeds 0-9 --trials 100 --out $out/conditional.jsonl
nice -n 10 ./hpo bench --sampler gp,motpe --function $M --seeds 0-9 --trials 200 --out $out/moo.jsonl
for s in tpe random; do
  nice -n 10 ../shared/peers/optuna.sh $out/optuna_peer.py $C $s 0-9 100 >> $out/optuna_conditional.jsonl
done
nice -n 10 ../shared/peers/optuna.sh $out/optuna_peer.py $M tpe 0-9 200 >> $out/optuna_moo.jsonl
# auto = gp on all of these by construction (same delegate, same seed); checked on a few seeds:
nice -n 10 ./hpo bench --sampler auto --function branin,nas_cell,zdt1 --seeds 0 --trials 100 --out $out/auto_check.jsonl
# Sampler CPU seconds per run (thread CPU time, not wall time):
java -cp 'hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*' org.hpo4j.bench.SamplerCpuTime gp \
  nas_cell,nested_models,mixed_conditional,nas_latency,optimizer_memory,zdt1,dtlz2 0-2 100
python3 $out/tables.py
