#!/usr/bin/env bash
# Trials per second through `hpo serve` (SQLite and PostgreSQL behind it) and through Optuna's own
# gRPC proxy (SQLite behind it, Python workers through GrpcStorageProxy), side by side in one run:
# a trivial objective of two floats under the random sampler, with 1, 8 and 32 worker threads in one
# process and with 8 worker processes of one thread. Not a test; results go to docs/grpc/README.md.
#   bash docs/grpc/bench.sh            # N=2000 hpo4j trials, NPY=300 Optuna trials per row
# Each row's workers warm up on studies of their own, then start together at one instant; the rate
# is all the row's trials over the time from that instant to the last worker's end.
set -euo pipefail
cd "$(dirname "$0")/../.."
OPTUNA_SH=${HPO4J_OPTUNA_SH:-../shared/peers/optuna.sh}
PG=${HPO4J_PG_URL:-postgresql://hpo4j:hpo4j@127.0.0.1:5432/hpo4j_h18}
N=${N:-2000}
NPY=${NPY:-300}
./hpo --version >/dev/null
CP="hpo4j-cli/target/hpo4j-cli.jar:hpo4j-cli/target/lib/*"
out=$(mktemp -d)
javac -d "$out/classes" -cp "$CP" docs/grpc/GrpcBench.java
JAVA=(nice -n 10 java -XX:+UseSerialGC -Xmx512m)
tag=$(date +%s)
servers=()
trap 'for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# rate LOG_PREFIX START_MS TOTAL_TRIALS: all trials over the time from the common start to the last end
rate() {
  python3 - "$2" "$3" "$1"-*.json <<'PY'
import json, sys
start, total = int(sys.argv[1]), int(sys.argv[2])
ends = [json.loads(open(f).read().strip().splitlines()[-1])["end_ms"] for f in sys.argv[3:]]
print(f"{total / ((max(ends) - start) / 1000):.0f}")
PY
}

# one row: KIND(hpo|py) TARGET STUDY THREADS TRIALS PROCS -> trials/s
row() {
  local kind=$1 target=$2 study=$3 threads=$4 trials=$5 procs=$6 pids=() start warm
  warm=$([ "$kind" = hpo ] && echo 300 || echo 20)
  start=$(( $(date +%s%3N) + 6000 + 2500 * procs ))
  for p in $(seq 1 "$procs"); do
    if [ "$kind" = hpo ]; then
      "${JAVA[@]}" -cp "$out/classes:$CP" GrpcBench "$target" "$study" "$threads" $((trials / procs)) "$start" "$warm" \
        > "$out/$study-$p.json" 2> "$out/$study-$p.err" &
    else
      nice -n 10 "$OPTUNA_SH" docs/grpc/optuna_bench.py worker "$target" "$study" "$threads" $((trials / procs)) \
        "$start" "$warm" > "$out/$study-$p.json" 2> "$out/$study-$p.err" &
    fi
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { cat "$out/$study"-*.err >&2; return 1; }; done
  rate "$out/$study" "$start" "$trials"
}

serve_hpo() { # STORAGE: sets P to its port, appends its pid to servers
  P=$(free_port)
  "${JAVA[@]}" -cp "$CP" org.hpo4j.cli.Hpo serve --storage "$1" --port "$P" > "$out/serve-$P.log" 2>&1 &
  servers+=($!); wait_port "$P"
}

declare -A R
serve_hpo "sqlite:$out/hpo.db"
for c in "1 1" "8 1" "32 1" "1 8"; do set -- $c; R[sqlite,$1,$2]=$(row hpo "grpc://127.0.0.1:$P" "s-$tag-$1-$2" "$1" "$N" "$2"); done
kill "${servers[-1]}"
serve_hpo "$PG"
for c in "1 1" "8 1" "32 1" "1 8"; do set -- $c; R[pg,$1,$2]=$(row hpo "grpc://127.0.0.1:$P" "p-$tag-$1-$2" "$1" "$N" "$2"); done
kill "${servers[-1]}"
PP=$(free_port)
nice -n 10 "$OPTUNA_SH" docs/grpc/optuna_bench.py server "sqlite:///$out/optuna.db" "$PP" > "$out/optuna-server.log" 2>&1 &
servers+=($!); wait_port "$PP"
for c in "1 1" "8 1" "32 1" "1 8"; do set -- $c; R[py,$1,$2]=$(row py "$PP" "o-$tag-$1-$2" "$1" "$NPY" "$2"); done

echo "measured $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $N hpo4j / $NPY Optuna trials per row"
echo
echo "| workers | hpo serve + SQLite | hpo serve + PostgreSQL | Optuna proxy + SQLite | hpo serve / Optuna (SQLite) |"
echo "|---|---|---|---|---|"
for c in "1 1" "8 1" "32 1" "1 8"; do
  set -- $c
  label=$([ "$2" = 1 ] && echo "$1 thread(s), 1 process" || echo "$2 processes, 1 thread each")
  ratio=$(python3 -c "print(f'{${R[sqlite,$1,$2]} / max(1, ${R[py,$1,$2]}):.1f}x')")
  echo "| $label | ${R[sqlite,$1,$2]} | ${R[pg,$1,$2]} | ${R[py,$1,$2]} | $ratio |"
done
