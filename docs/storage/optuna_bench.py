"""Optuna's side of docs/storage/bench.sh (not a test): optuna_bench.py URL N runs N more trials of
the same trivial objective under RandomSampler in study "bench" (created when missing, else the
study hpo4j filled in the same format), one worker, after a 20-trial warm-up study, and prints
trials per second of wall time and of this process's CPU time."""
import sys
import time

import optuna
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

optuna.logging.set_verbosity(optuna.logging.WARNING)
url, n = sys.argv[1], int(sys.argv[2])
storage = JournalStorage(JournalFileBackend(url[len("journal:"):])) if url.startswith("journal:") else url


def objective(t):
    x = t.suggest_float("x", -10, 10)
    y = t.suggest_float("y", -10, 10)
    return x * x + y


optuna.create_study(study_name="warmup", storage=storage, sampler=optuna.samplers.RandomSampler(seed=2)).optimize(
    objective, n_trials=20)
study = optuna.create_study(study_name="bench", storage=storage, sampler=optuna.samplers.RandomSampler(seed=1),
                            load_if_exists=True)
t0, c0 = time.perf_counter(), time.process_time()
study.optimize(objective, n_trials=n)
print("%.1f %.1f" % (n / (time.perf_counter() - t0), n / (time.process_time() - c0)))
