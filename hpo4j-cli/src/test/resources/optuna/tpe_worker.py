"""tpe_worker.py URL NAME N SEED: an Optuna TPE worker joining hpo4j's branin study for N trials.

Each trial records, before it samples, how many COMPLETE trials of other workers it saw, so the
test can tell that this sampler's history holds hpo4j's trials."""
import math
import sys

import optuna

import peer

study = optuna.load_study(study_name=sys.argv[2], storage=peer.storage(sys.argv[1]),
                          sampler=optuna.samplers.TPESampler(seed=int(sys.argv[4]), n_startup_trials=5))


def branin(trial):
    done = study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,))
    trial.set_user_attr("by", "python")
    trial.set_user_attr("foreign_seen", sum(1 for t in done if t.user_attrs.get("by") != "python"))
    x0 = trial.suggest_float("x0", -5, 10)
    x1 = trial.suggest_float("x1", 0, 15)
    b, c, r, s, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6, 10, 1 / (8 * math.pi)
    return (x1 - b * x0 ** 2 + c * x0 - r) ** 2 + s * (1 - t) * math.cos(x0) + s


study.optimize(branin, n_trials=int(sys.argv[3]))
print("python worker done")
