"""write_study.py URL: Optuna writes study 'py' (complete, pruned, failed trials; inf and NaN
values; every distribution kind) and the two-objective study 'mo'."""
import sys

import optuna

import peer

url = peer.storage(sys.argv[1])
s = optuna.create_study(study_name="py", storage=url, direction="minimize",
                        sampler=optuna.samplers.RandomSampler(seed=0))
s.set_metric_names(["loss"])
s.set_user_attr("owner", "python")


def objective(t):
    x = t.suggest_float("x", -5, 5)
    n = t.suggest_int("n", 1, 10, log=True)
    c = t.suggest_categorical("c", ["a", "b", 1.5])
    t.set_user_attr("tag", {"k": [1, 2]})
    for i in range(3):
        t.report(float("nan") if i == 1 else x * x + i, i)
    if t.number % 5 == 3:
        raise optuna.TrialPruned()
    if t.number % 7 == 6:
        raise RuntimeError("boom")
    return float("inf") if t.number == 2 else x * x


s.optimize(objective, n_trials=15, catch=(RuntimeError,))
m = optuna.create_study(study_name="mo", storage=url, directions=["minimize", "maximize"],
                        sampler=optuna.samplers.RandomSampler(seed=1))
m.optimize(lambda t: (t.suggest_float("a", 0, 1), t.suggest_float("b", 0, 1)), n_trials=8)
print("wrote py and mo")
