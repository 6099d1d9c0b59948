#!/usr/bin/env bash
# Trials per second of hpo4j and of Optuna 5.0.0rc1 on the same storage formats, side by side in
# one run (not a test): random sampler, a trivial objective, one worker, 1,000 and 10,000 trials,
# on an SQLite file, a PostgreSQL schema and a journal file. Writes docs/storage/benchmark.md.
#   docs/storage/bench.sh [PG_URL] [SIZES]     (default postgresql://hpo4j:hpo4j@127.0.0.1:5432/hpo4j_h17, "1000 10000")
# Run from the repository root after ./hpo has built the CLI. Uses ../shared/peers/optuna.sh
# (HPO4J_OPTUNA_SH overrides it).
set -euo pipefail
cd "$(dirname "$0")/../.."
pg="${1:-postgresql://hpo4j:hpo4j@127.0.0.1:5432/hpo4j_h17}"
sizes="${2:-1000 10000}"
peer="${HPO4J_OPTUNA_SH:-../shared/peers/optuna.sh}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
jar=hpo4j-cli/target/hpo4j-cli.jar
[ -f "$jar" ] || ./hpo --help >/dev/null
pgbase="${pg#postgresql://}"
hpo() { nice -n 10 java -cp "$jar" docs/storage/HpoStorageBench.java "$1" "$2"; }
py() { nice -n 10 "$peer" docs/storage/optuna_bench.py "$1" "$2"; }
schema() { psql -q "$pg" -c "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" >/dev/null; }
out=docs/storage/benchmark.md
rows=()
for n in $sizes; do
  for kind in sqlite postgresql journal; do
    case $kind in
      sqlite) h="sqlite:$tmp/h$n.db"; o="sqlite:///$tmp/o$n.db" ;;
      postgresql) schema "bench_h$n"; schema "bench_o$n"
        h="$pg?currentSchema=bench_h$n"; o="postgresql+psycopg2://$pgbase?options=-csearch_path%3Dbench_o$n" ;;
      journal) h="journal:$tmp/h$n.log"; o="journal:$tmp/o$n.log" ;;
    esac
    read -r a ac <<< "$(hpo "$h" "$n")"
    read -r b bc <<< "$(py "$o" "$n")"
    ratio="$(python3 -c "print('%.1f' % ($a / $b))")"
    cratio="$(python3 -c "print('%.1f' % ($ac / $bc))")"
    rows+=("| $kind | $n | $a | $b | ${ratio}x | $ac | $bc | ${cratio}x |")
    echo "$kind $n: hpo4j $a/s ($ac/s CPU), Optuna $b/s ($bc/s CPU)" >&2
    [ "$kind" = postgresql ] && psql -q "$pg" -c "DROP SCHEMA bench_h$n CASCADE; DROP SCHEMA bench_o$n CASCADE" >/dev/null
  done
done
{
  echo "# Storage throughput: hpo4j vs Optuna 5.0.0rc1 (same formats)"
  echo
  echo "\`docs/storage/bench.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the end),"
  echo "random sampler, objective x^2 + y of two floats, one worker, a fresh storage per row, warm-up study first."
  echo
  echo "| storage | trials | hpo4j trials/s | Optuna trials/s | ratio | hpo4j trials/CPU-s | Optuna trials/CPU-s | CPU ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$out"
cat "$out"
