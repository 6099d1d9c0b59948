"""Optuna's side of docs/grpc/bench.sh.

  optuna.sh optuna_bench.py server STORAGE_URL PORT
  optuna.sh optuna_bench.py worker PORT STUDY N_JOBS TRIALS BARRIER_DIR WARMUP

The worker runs the same trivial objective as GrpcBench.java (two floats, random sampler) through
GrpcStorageProxy and prints one JSON line.
"""
import json, os, sys, time
import optuna
from optuna.storages import GrpcStorageProxy, get_storage, run_grpc_proxy_server

optuna.logging.set_verbosity(optuna.logging.ERROR)


def objective(t):
    return t.suggest_float("x", 0, 1) + t.suggest_float("y", 0, 1)


def study(storage, name):
    return optuna.create_study(storage=storage, study_name=name, load_if_exists=True,
                               sampler=optuna.samplers.RandomSampler(seed=os.getpid()))


if sys.argv[1] == "server":
    run_grpc_proxy_server(get_storage(sys.argv[2]), host="127.0.0.1", port=int(sys.argv[3]))
else:
    port, name, jobs, trials, barrier, warmup = (sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]),
                                                 sys.argv[6], int(sys.argv[7]))
    storage = GrpcStorageProxy(host="127.0.0.1", port=int(port))
    if warmup:
        study(storage, f"{name}-warmup-{os.getpid()}").optimize(objective, n_trials=warmup, n_jobs=jobs)
    s = study(storage, name)
    open(os.path.join(barrier, f"ready-{os.getpid()}"), "w").close()
    while not os.path.exists(os.path.join(barrier, "go")):
        time.sleep(0.005)
    t0, c0 = time.time(), time.process_time()
    s.optimize(objective, n_trials=trials, n_jobs=jobs)
    sec = time.time() - t0
    print(json.dumps({"trials": trials, "seconds": round(sec, 3), "rate": round(trials / sec, 1),
                      "end_ms": int(time.time() * 1000), "cpu_ms": round((time.process_time() - c0) * 1000, 1)}))
