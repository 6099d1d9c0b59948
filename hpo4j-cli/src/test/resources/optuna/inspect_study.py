"""inspect_study.py URL NAME: a study as Optuna's load_study sees it, as one JSON object."""
import sys

import optuna
from optuna.distributions import distribution_to_json

import peer

study = optuna.load_study(study_name=sys.argv[2], storage=peer.storage(sys.argv[1]))
trials = []
for t in study.trials:
    trials.append({
        "number": t.number,
        "state": t.state.name,
        "values": None if t.values is None else [peer.number(v) for v in t.values],
        "params": t.params,
        "distributions": {k: distribution_to_json(d) for k, d in t.distributions.items()},
        "intermediate": {str(k): peer.number(v) for k, v in t.intermediate_values.items()},
        "user_attrs": t.user_attrs,
    })
best = study.best_trial.number if len(study.directions) == 1 else None
peer.dump({"trials": trials, "best": best, "directions": [d.name for d in study.directions]})
