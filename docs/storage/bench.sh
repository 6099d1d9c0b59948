#!/usr/bin/env bash
# Trials per second of hpo4j and of Optuna 5.0.0rc1 on the same storage formats, side by side in
# one run (not a test): random sampler, a trivial objective, one worker, on an SQLite file, a
# PostgreSQL schema and a journal file, measured over a window of trials that starts when the
# study holds SIZE - window trials (so "at 10,000" is the rate of the trials that take it to
# 10,000). The study is filled by hpo4j (same format) up to the window's start, for both sides.
# hpo4j's window is 1,000 trials; Optuna's OPTUNA_WINDOW (default 200, it is ~20x slower).
#   docs/storage/bench.sh [PG_URL] [SIZES]   (defaults postgresql://hpo4j:hpo4j@127.0.0.1:5432/hpo4j_h17, "1000 10000")
# Run from the repository root after ./hpo has built the CLI; writes docs/storage/benchmark.md.
# Uses ../shared/peers/optuna.sh (HPO4J_OPTUNA_SH overrides it).
set -euo pipefail
cd "$(dirname "$0")/../.."
pg="${1:-postgresql://hpo4j:hpo4j@127.0.0.1:5432/hpo4j_h17}"
sizes="${2:-1000 10000}"
ow="${OPTUNA_WINDOW:-200}"
hw=1000
peer="${HPO4J_OPTUNA_SH:-../shared/peers/optuna.sh}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
jar=hpo4j-cli/target/hpo4j-cli.jar
[ -f "$jar" ] || ./hpo --help >/dev/null
pgbase="${pg#postgresql://}"
hpo() { nice -n 10 java -cp "$jar" docs/storage/HpoStorageBench.java "$@"; }
py() { nice -n 10 "$peer" docs/storage/optuna_bench.py "$@"; }
schema() { psql -q "$pg" -c "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" >/dev/null; }
out=docs/storage/benchmark.md
rows=()
for n in $sizes; do
  for kind in sqlite postgresql journal; do
    case $kind in
      sqlite) h="sqlite:$tmp/h$n.db"; oh="sqlite:$tmp/o$n.db"; o="sqlite:///$tmp/o$n.db" ;;
      postgresql) schema "bench_h$n"; schema "bench_o$n"
        h="$pg?currentSchema=bench_h$n"; oh="$pg?currentSchema=bench_o$n"
        o="postgresql+psycopg2://$pgbase?options=-csearch_path%3Dbench_o$n" ;;
      journal) h="journal:$tmp/h$n.log"; oh="journal:$tmp/o$n.log"; o="journal:$tmp/o$n.log" ;;
    esac
    read -r a ac <<< "$(hpo "$h" $((n - hw)) "$hw")"
    [ $((n - ow)) -gt 0 ] && hpo "$oh" $((n - ow)) 0
    read -r b bc <<< "$(py "$o" "$ow")"
    ratio="$(python3 -c "print('%.1f' % ($a / $b))")"
    cratio="$(python3 -c "print('%.1f' % ($ac / $bc))")"
    rows+=("| $kind | $n | $a | $b | ${ratio}x | $ac | $bc | ${cratio}x |")
    echo "$kind $n: hpo4j $a/s ($ac/s CPU), Optuna $b/s ($bc/s CPU)" >&2
    [ "$kind" = postgresql ] && psql -q "$pg" -c "DROP SCHEMA bench_h$n CASCADE; DROP SCHEMA bench_o$n CASCADE" >/dev/null
    rm -f "$tmp"/*
  done
done
{
  echo "# Storage throughput: hpo4j vs Optuna 5.0.0rc1 (same formats)"
  echo
  echo "\`docs/storage/bench.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores shared, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end),"
  echo "random sampler, objective x^2 + y of two floats, one worker, fresh storages per row."
  echo "Rates over the trials that bring the study to the given size: hpo4j's last $hw, Optuna's last $ow"
  echo "(the study filled by hpo4j before, in the same format). Wall-time rates count waiting for the disk and"
  echo "for the CPU on a busy machine; CPU rates count the process's own CPU time."
  echo
  echo "| storage | trials | hpo4j trials/s | Optuna trials/s | ratio | hpo4j trials/CPU-s | Optuna trials/CPU-s | CPU ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$out"
cat "$out"
