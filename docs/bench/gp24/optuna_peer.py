"""The reference framework's side of docs/bench/gp24: the conditional suite (hpo4j-testing's
ConditionalFunctions, transcribed from its Java sources), mixed_conditional and the
multi-objective suite of shared/spec/benchmarks.md, run with Optuna's TPE (multivariate, grouped)
and random search. One JSON line per (sampler, function, seed), in the spec's format.

    ../shared/peers/optuna.sh docs/bench/gp24/optuna_peer.py FN[,FN] tpe|random SEEDS TRIALS >> OUT.jsonl
"""
import json
import math
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def lin(w, v, opt, lo, hi):
    t = (v - opt) / (hi - lo)
    return w * t * t


def lg(w, v, opt, lo, hi):
    t = math.log(v / opt) / math.log(hi / lo)
    return w * t * t


def nas(trial, constrained):
    block = trial.suggest_categorical("block", ["conv", "bottleneck", "inverted_residual"])
    lr = trial.suggest_float("lr", 1e-4, 1, log=True)
    layers = trial.suggest_int("layers", 2, 20)
    if block == "conv":
        kernel = trial.suggest_int("conv_kernel", 1, 7, step=2)
        ch = trial.suggest_int("conv_channels", 8, 512, log=True)
        drop = trial.suggest_float("conv_dropout", 0, 0.5)
        f = 0.3 + lin(1, kernel, 3, 1, 7) + lg(2, ch, 64, 8, 512) + lin(1, drop, 0.2, 0, 0.5)
        lr_opt, layers_opt, memory = 1e-2, 8, ch / 256.0 - 1
    elif block == "bottleneck":
        width = trial.suggest_int("bn_width", 16, 1024, log=True)
        ratio = trial.suggest_float("bn_ratio", 0.1, 0.5, step=0.05)
        groups = trial.suggest_int("bn_groups", 1, 8)
        f = 0.1 + lg(2, width, 256, 16, 1024) + lin(1, ratio, 0.25, 0.1, 0.5) + lin(1, groups, 4, 1, 8)
        lr_opt, layers_opt, memory = 10 ** -1.5, 12, math.log(width / 128.0) / math.log(2)
    else:
        expand = trial.suggest_float("ir_expand", 1, 8)
        ch = trial.suggest_int("ir_channels", 8, 256, log=True)
        se = trial.suggest_float("ir_se", 0, 1, step=0.25)
        f = lin(2, expand, 6, 1, 8) + lg(2, ch, 32, 8, 256) + lin(1, se, 0.25, 0, 1)
        lr_opt, layers_opt, memory = 10 ** -2.5, 16, expand - 4
    f += lg(2, lr, lr_opt, 1e-4, 1) + lin(1, layers, layers_opt, 2, 20)
    if constrained:
        trial.set_user_attr("constraints", [layers - 12.0, memory])
    return f


def opt_tune(trial, constrained):
    o = trial.suggest_categorical("optimizer", ["sgd", "adam", "adagrad", "lbfgs"])
    batch = trial.suggest_int("batch_size", 16, 1024, log=True)
    decay = trial.suggest_float("weight_decay", 1e-6, 1e-1, log=True)
    if o == "sgd":
        lr = trial.suggest_float("sgd_lr", 1e-4, 1, log=True)
        mom = trial.suggest_float("momentum", 0, 0.99)
        nest = trial.suggest_categorical("nesterov", ["false", "true"])
        f = 0.05 + lg(2, lr, 0.1, 1e-4, 1) + lin(2, mom, 0.9, 0, 0.99) + (0 if nest == "true" else 0.05)
        bo, do, factor = 256, 1e-4, 1
    elif o == "adam":
        lr = trial.suggest_float("adam_lr", 1e-5, 1e-1, log=True)
        b1 = trial.suggest_float("beta1", 0.5, 0.999)
        b2 = trial.suggest_float("beta2", 0.9, 0.9999)
        eps = trial.suggest_float("eps", 1e-10, 1e-4, log=True)
        f = lg(2, lr, 1e-3, 1e-5, 1e-1) + lin(1, b1, 0.9, 0.5, 0.999) + lin(1, b2, 0.999, 0.9, 0.9999) + lg(0.5, eps, 1e-8, 1e-10, 1e-4)
        bo, do, factor = 64, 1e-5, 4
    elif o == "adagrad":
        lr = trial.suggest_float("adagrad_lr", 1e-4, 1, log=True)
        acc = trial.suggest_float("init_acc", 0, 1, step=0.1)
        f = 0.15 + lg(2, lr, 1e-2, 1e-4, 1) + lin(1, acc, 0.1, 0, 1)
        bo, do, factor = 128, 1e-3, 2
    else:
        hist = trial.suggest_int("history", 3, 100, log=True)
        iters = trial.suggest_int("max_iter", 5, 50, step=5)
        f = 0.25 + lg(1, hist, 10, 3, 100) + lin(1, iters, 20, 5, 50)
        bo, do, factor = 1024, 1e-6, hist / 5.0
    f += lg(1, batch, bo, 16, 1024) + lg(1, decay, do, 1e-6, 1e-1)
    if constrained:
        trial.set_user_attr("constraints", [math.log(batch * factor / 128.0) / math.log(2)])
    return f


def nested(trial):
    m = trial.suggest_categorical("model", ["boosting", "linear", "knn"])
    if m == "boosting":
        est = trial.suggest_int("n_estimators", 10, 1000, log=True)
        depth = trial.suggest_int("max_depth", 1, 12)
        booster = trial.suggest_categorical("booster", ["gbtree", "dart"])
        f = lg(2, est, 100, 10, 1000) + lin(1, depth, 6, 1, 12)
        if booster == "dart":
            drop = trial.suggest_float("rate_drop", 0, 0.5)
            skip = trial.suggest_float("skip_drop", 0, 1, step=0.1)
            return f + lin(2, drop, 0.1, 0, 0.5) + lin(1, skip, 0.5, 0, 1)
        sub = trial.suggest_float("subsample", 0.5, 1)
        return 0.1 + f + lin(2, sub, 0.8, 0.5, 1)
    if m == "linear":
        c = trial.suggest_float("C", 1e-4, 1e4, log=True)
        pen = trial.suggest_categorical("penalty", ["l1", "l2", "elasticnet"])
        f = lg(2, c, 1, 1e-4, 1e4)
        if pen == "l1":
            return 0.3 + f
        if pen == "l2":
            return 0.25 + f
        return 0.2 + f + lin(1, trial.suggest_float("l1_ratio", 0, 1, step=0.05), 0.5, 0, 1)
    k = trial.suggest_int("k", 1, 256, log=True)
    p = trial.suggest_float("p", 1, 3, step=0.5)
    w = trial.suggest_categorical("weights", ["uniform", "distance"])
    return 0.35 + lg(2, k, 16, 1, 256) + lin(1, p, 2, 1, 3) + (0 if w == "distance" else 0.1)


def recipe(trial):
    ep = trial.suggest_int("epochs", 10, 300, log=True)
    sm = trial.suggest_float("label_smoothing", 0, 0.3)
    f = lg(1, ep, 100, 10, 300) + lin(1, sm, 0.1, 0, 0.3)
    a = trial.suggest_categorical("augment", ["none", "mixup", "cutmix", "randaugment"])
    if a == "none":
        f += 0.3
    elif a == "mixup":
        f += 0.1 + lin(2, trial.suggest_float("mixup_alpha", 0, 1), 0.2, 0, 1)
    elif a == "cutmix":
        f += 0.05 + lin(1, trial.suggest_float("cutmix_prob", 0, 1, step=0.1), 0.5, 0, 1)
        f += lg(2, trial.suggest_float("cutmix_beta", 0.1, 10, log=True), 1, 0.1, 10)
    else:
        f += lin(1, trial.suggest_int("ra_ops", 1, 5), 2, 1, 5) + lin(2, trial.suggest_int("ra_magnitude", 1, 30), 9, 1, 30)
    s = trial.suggest_categorical("schedule", ["step", "cosine", "plateau"])
    if s == "step":
        f += 0.1 + lg(2, trial.suggest_int("step_every", 1, 100, log=True), 30, 1, 100)
        f += lin(1, trial.suggest_float("step_gamma", 0.05, 0.5, step=0.05), 0.1, 0.05, 0.5)
    elif s == "cosine":
        f += lin(1, trial.suggest_int("warmup", 0, 20), 5, 0, 20) + lg(2, trial.suggest_float("min_lr_ratio", 1e-4, 1e-1, log=True), 1e-2, 1e-4, 1e-1)
    else:
        f += 0.05 + lin(1, trial.suggest_int("patience", 1, 20), 5, 1, 20) + lin(2, trial.suggest_float("factor", 0.1, 0.9), 0.5, 0.1, 0.9)
    return f


def mixed(trial):
    o = trial.suggest_categorical("optimizer", ["adam", "sgd", "rmsprop"])
    lr = trial.suggest_float("lr", 1e-5, 1, log=True)
    depth = trial.suggest_int("depth", 1, 12)
    act = trial.suggest_categorical("activation", ["relu", "tanh", "sigmoid"])
    L = math.log10(lr)
    if o == "adam":
        b = (L + 2.5) ** 2 + 30 * (trial.suggest_float("beta1", 0.5, 0.999) - 0.9) ** 2
    elif o == "sgd":
        b = (L + 1.5) ** 2 + 5 * (trial.suggest_float("momentum", 0, 0.99) - 0.85) ** 2 + 0.05
    else:
        b = (L + 3) ** 2 + 0.2
    return b + 0.02 * (depth - 6) ** 2 + {"relu": 0, "tanh": 0.15, "sigmoid": 0.4}[act]


SINGLE = {
    "nas_cell": (lambda t: nas(t, False), 0.0, False),
    "optimizer_tune": (lambda t: opt_tune(t, False), 0.0, False),
    "nested_models": (nested, 0.0, False),
    "training_recipe": (recipe, 0.0, False),
    "nas_latency": (lambda t: nas(t, True), 0.1 + 2.0 / 36.0, True),
    "optimizer_memory": (lambda t: opt_tune(t, True), 1.0 / 36.0, True),
    "mixed_conditional": (mixed, 0.0, False),
}


def zdt(k):
    def f(trial):
        x = [trial.suggest_float("x%d" % i, 0, 1) for i in range(30)]
        g = 1 + 9 * sum(x[1:]) / 29
        r = x[0] / g
        f2 = g * (1 - math.sqrt(r)) if k == 1 else g * (1 - r * r) if k == 2 else g * (1 - math.sqrt(r) - r * math.sin(10 * math.pi * x[0]))
        return x[0], f2
    return f


def dtlz2(trial):
    x = [trial.suggest_float("x%d" % i, 0, 1) for i in range(12)]
    g = sum((v - 0.5) ** 2 for v in x[2:])
    a, b = x[0] * math.pi / 2, x[1] * math.pi / 2
    return (1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a)


MULTI = {"zdt1": (zdt(1), [11, 11]), "zdt2": (zdt(2), [11, 11]), "zdt3": (zdt(3), [11, 11]),
         "dtlz2": (dtlz2, [2.5, 2.5, 2.5])}


def constraints(frozen):
    return frozen.user_attrs.get("constraints", [])


def sampler(name, seed, constrained):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    return optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True,
                                      constraints_func=constraints if constrained else None)


def hv(points, ref):
    from optuna._hypervolume import compute_hypervolume
    import numpy as np
    pts = np.array([p for p in points if all(a < r for a, r in zip(p, ref))])
    if len(pts) == 0:
        return 0.0
    return float(compute_hypervolume(pts, np.array(ref, dtype=float)))


def run(fn, sname, seed, trials):
    if fn in SINGLE:
        f, opt, constrained = SINGLE[fn]
        study = optuna.create_study(sampler=sampler(sname, seed, constrained))
        t0 = time.time()
        study.optimize(f, n_trials=trials)
        wall = time.time() - t0
        best, trace = math.inf, []
        for t in study.trials:
            if t.state == optuna.trial.TrialState.COMPLETE and all(c <= 0 for c in constraints(t)) and t.value < best:
                best = t.value
            trace.append(None if math.isinf(best) else best - opt)
        out = {"regret_trace": trace}
    else:
        f, ref = MULTI[fn]
        study = optuna.create_study(directions=["minimize"] * len(ref), sampler=sampler(sname, seed, False))
        t0 = time.time()
        study.optimize(f, n_trials=trials)
        wall = time.time() - t0
        pts = [t.values for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
        out = {"hypervolume_trace": [hv(pts[:i + 1], ref) for i in range(len(pts))]}
    line = {"peer": "optuna-" + optuna.__version__, "sampler": sname, "function": fn, "seed": seed,
            "trials": trials}
    line.update(out)
    line["wall_s"] = wall
    print(json.dumps(line), flush=True)


def seeds(spec):
    out = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


if __name__ == "__main__":
    for fn in sys.argv[1].split(","):
        for s in seeds(sys.argv[3]):
            run(fn, sys.argv[2], s, int(sys.argv[4]))
