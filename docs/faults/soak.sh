#!/usr/bin/env bash
# The soak of issue 20 (a benchmark, not part of CI's default run): 16 `hpo worker` processes for 10
# minutes on a PostgreSQL cluster of its own, one killed with SIGKILL every ~4 s and replaced (as are
# workers that finish their 25 trials), then the fault suite's checks and table. Needs root and the
# PostgreSQL server packages, like .ci/faults/run.sh. Shorter: docs/faults/soak.sh 8 120
#   docs/faults/soak.sh [WORKERS [SECONDS [KILL_EVERY]]]
set -euo pipefail
cd "$(dirname "$0")/../.."
FAULTS_WORK=target/soak bash .ci/faults/run.sh --only soak --soak-workers "${1:-16}" --soak-seconds "${2:-600}" \
  --kill-every "${3:-4}"
