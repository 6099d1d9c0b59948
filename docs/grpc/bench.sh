#!/usr/bin/env bash
# Trials per second through `hpo serve` (SQLite and PostgreSQL behind it) and through Optuna's own
# gRPC proxy (SQLite behind it, Python workers through GrpcStorageProxy), side by side in one run:
# a trivial objective of two floats under the random sampler, with 1, 8 and 32 worker threads in one
# process and with 8 worker processes of one thread. Not a test; results go to docs/grpc/README.md.
#   bash docs/grpc/bench.sh            # N=2000 hpo4j trials, NPY=300 Optuna trials per row
# Each row's workers warm up on studies of their own, then start together (a file barrier); the rate
# is all the row's trials over the time from the start to the last worker's end, and the CPU time
# per trial adds the workers' (timed part only) and the server's (over the same span).
set -euo pipefail
cd "$(dirname "$0")/../.."
OPTUNA_SH=${HPO4J_OPTUNA_SH:-../shared/peers/optuna.sh}
PG=${HPO4J_PG_URL:-postgresql://hpo4j:hpo4j@127.0.0.1:5432/hpo4j_h18}
N=${N:-2000}
NPY=${NPY:-300}
WARM=${WARM:-1000}
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
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; } # utime + stime

# one row: KIND(hpo|py) TARGET STUDY THREADS TRIALS PROCS SERVER_PID -> "trials/s cpu-ms-per-trial"
row() {
  local kind=$1 target=$2 study=$3 threads=$4 trials=$5 procs=$6 server=$7 pids=() bar="$out/bar-$3" warm
  mkdir -p "$bar"
  warm=$([ "$kind" = hpo ] && echo "$WARM" || echo 20)
  for p in $(seq 1 "$procs"); do
    if [ "$kind" = hpo ]; then
      "${JAVA[@]}" -cp "$out/classes:$CP" GrpcBench "$target" "$study" "$threads" $((trials / procs)) "$bar" "$warm" \
        > "$out/$study-$p.json" 2> "$out/$study-$p.err" &
    else
      nice -n 10 "$OPTUNA_SH" docs/grpc/optuna_bench.py worker "$target" "$study" "$threads" $((trials / procs)) \
        "$bar" "$warm" > "$out/$study-$p.json" 2> "$out/$study-$p.err" &
    fi
    pids+=($!)
  done
  while [ "$(find "$bar" -name 'ready-*' | wc -l)" -lt "$procs" ]; do sleep 0.05; done
  local c0 start; c0=$(cpu_ms "$server"); start=$(date +%s%3N); touch "$bar/go"
  for p in "${pids[@]}"; do wait "$p" || { cat "$out/$study"-*.err >&2; return 1; }; done
  python3 - "$start" "$trials" "$c0" "$(cpu_ms "$server")" "$out/$study"-*.json <<'PY'
import json, sys
start, total, c0, c1 = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
rows = [json.loads(open(f).read().strip().splitlines()[-1]) for f in sys.argv[5:]]
secs = (max(r["end_ms"] for r in rows) - start) / 1000
print(f"{total / secs:.0f} {(sum(r['cpu_ms'] for r in rows) + c1 - c0) / total:.2f}")
PY
}

serve_hpo() { # STORAGE: sets P to its port, S to its pid
  P=$(free_port)
  "${JAVA[@]}" -cp "$CP" org.hpo4j.cli.Hpo serve --storage "$1" --port "$P" > "$out/serve-$P.log" 2>&1 &
  S=$!; servers+=("$S"); wait_port "$P"
}

CONFIGS=("1 1" "8 1" "32 1" "1 8")
declare -A R
serve_hpo "sqlite:$out/hpo.db"
for c in "${CONFIGS[@]}"; do set -- $c; R[sqlite,$1,$2]=$(row hpo "grpc://127.0.0.1:$P" "s-$tag-$1-$2" "$1" "$N" "$2" "$S"); done
kill "$S"
serve_hpo "$PG"
for c in "${CONFIGS[@]}"; do set -- $c; R[pg,$1,$2]=$(row hpo "grpc://127.0.0.1:$P" "p-$tag-$1-$2" "$1" "$N" "$2" "$S"); done
kill "$S"
PP=$(free_port)
nice -n 10 "$OPTUNA_SH" docs/grpc/optuna_bench.py server "sqlite:///$out/optuna.db" "$PP" > "$out/optuna-server.log" 2>&1 &
S=$!; servers+=("$S"); wait_port "$PP"
S=$(pgrep -P "$S" python3 || echo "$S") # optuna.sh execs python3; its pid is the server's
for c in "${CONFIGS[@]}"; do set -- $c; R[py,$1,$2]=$(row py "$PP" "o-$tag-$1-$2" "$1" "$NPY" "$2" "$S"); done

echo "measured $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg); $N hpo4j / $NPY Optuna trials per row"
echo
echo "| workers | hpo serve + SQLite | hpo serve + PostgreSQL | Optuna proxy + SQLite | hpo serve / Optuna (SQLite) |"
echo "|---|---|---|---|---|"
for c in "${CONFIGS[@]}"; do
  set -- $c
  label=$([ "$2" = 1 ] && echo "$1 thread(s), 1 process" || echo "$2 processes, 1 thread each")
  read -r rs cs <<< "${R[sqlite,$1,$2]}"; read -r rp cp <<< "${R[pg,$1,$2]}"; read -r ro co <<< "${R[py,$1,$2]}"
  echo "| $label | $rs trials/s ($cs ms CPU) | $rp trials/s ($cp ms CPU) | $ro trials/s ($co ms CPU) | $(python3 -c "print(f'{$rs / max(1, $ro):.1f}x')") |"
done
