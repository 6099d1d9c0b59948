"""Optuna 5.0.0rc1's TPE on the loop of hpo4j's ScaleBenchmark (docs/scale.md): 8 floats on
[-5, 5], Styblinski-Tang, in-memory storage. A study is first filled with random trials (cheap),
then the sampler is switched to TPE; after 2 warm-up trials, WINDOW trials are timed (wall and
process CPU). Prints one JSON object per (sampler, size).

Usage: ../shared/peers/optuna.sh docs/scale/optuna_scale.py SIZES [WINDOW]
"""
import gc
import json
import os
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def objective(trial):
    f = 0.0
    for j in range(8):
        x = trial.suggest_float("x%d" % j, -5, 5)
        f += 0.5 * (x ** 4 - 16 * x * x + 5 * x)
    return f


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main():
    sizes = [int(s) for s in sys.argv[1].split(",")]
    window = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    for n in sizes:
        gc.collect()
        rss0 = rss_mb()
        study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=1))
        study.optimize(objective, n_trials=max(0, n - 2 * (window + 2)))
        gc.collect()
        rss1 = rss_mb()
        for name, sampler in (("tpe", optuna.samplers.TPESampler(seed=0)),
                              ("tpe_mv", optuna.samplers.TPESampler(seed=0, multivariate=True))):
            study.sampler = sampler
            study.optimize(objective, n_trials=2)
            c0, w0 = time.process_time(), time.perf_counter()
            study.optimize(objective, n_trials=window)
            cpu = (time.process_time() - c0) * 1000 / window
            wall = (time.perf_counter() - w0) * 1000 / window
            print(json.dumps({"peer": "optuna-" + optuna.__version__, "sampler": name,
                              "trials": n, "window": window,
                              "wall_ms_per_trial": round(wall, 3), "cpu_ms_per_trial": round(cpu, 3),
                              "rss_growth_mb": round(rss1 - rss0, 1)}), flush=True)
        del study


if __name__ == "__main__":
    main()
