#!/usr/bin/env bash
# Runs the suite for every sampler with the CLI jar in $1, writing $1/NAME.jsonl (seeds 0-9).
set -u
dir="$1"
single="random qmc grid tpe tpe_uni tpe_mv cmaes rl_sdp auto gp rl gp_ei gp_pi gp_ucb gp_ts"
multi="random motpe motpe_mv nsga2 nsga3"
for s in $single; do
  [ -s "$dir/$s.jsonl" ] && continue
  nice -n 10 java -jar "$dir/hpo4j-cli.jar" bench --sampler "$s" --function all --seeds 0-9 --trials 100 --out "$dir/$s.part" 2>>"$dir/log" && mv "$dir/$s.part" "$dir/$s.jsonl"
done
for s in $multi; do
  [ -s "$dir/moo_$s.jsonl" ] && continue
  nice -n 10 java -jar "$dir/hpo4j-cli.jar" bench --sampler "$s" --function zdt1,zdt2,zdt3,dtlz2 --seeds 0-9 --trials 200 --out "$dir/moo_$s.part" 2>>"$dir/log" && mv "$dir/moo_$s.part" "$dir/moo_$s.jsonl"
done
echo done >> "$dir/log"
