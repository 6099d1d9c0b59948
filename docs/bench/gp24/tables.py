"""Markdown tables of docs/bench/gp24 (issue 24) from the JSON lines of ./hpo bench and optuna_peer.py.

    python3 docs/bench/gp24/tables.py
"""
import glob
import json
import os
import statistics as st
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
COND = ["nas_cell", "optimizer_tune", "nested_models", "training_recipe", "nas_latency", "optimizer_memory",
        "mixed_conditional"]
SUITE = ["branin", "hartmann3", "hartmann6", "rosenbrock4", "ackley5", "levy8", "styblinski8", "mixed_conditional"]
MOO = ["zdt1", "zdt2", "zdt3", "dtlz2"]


def load(paths):
    rows = []
    for p in paths:
        for line in open(p):
            if line.strip():
                r = json.loads(line)
                r["_file"] = os.path.basename(p)
                rows.append(r)
    return rows


def key(r):
    peer = "optuna" if r["peer"].startswith("optuna") else "hpo4j"
    return peer + ":" + r["sampler"]


def final(r):
    t = r.get("regret_trace") or r.get("hypervolume_trace")
    v = t[-1] if t else None
    return float("inf") if v is None else v


def first_feasible(r):
    for i, v in enumerate(r["regret_trace"]):
        if v is not None:
            return i + 1
    return float("inf")


def reach(threshold):
    def f(r):
        for i, v in enumerate(r["regret_trace"]):
            if v is not None and v <= threshold:
                return i + 1
        return float("inf")
    return f


def med(xs):
    return st.median(xs) if xs else float("nan")


def fmt(v):
    if v != v:
        return "-"
    if v == float("inf"):
        return "inf"
    return "%.3g" % v


def table(rows, functions, samplers, value, title, trials):
    by = defaultdict(list)
    for r in rows:
        if r["trials"] == trials:
            by[(r["function"], key(r))].append(value(r))
    print("\n" + title + "\n")
    print("| function | " + " | ".join(samplers) + " |")
    print("|---|" + "---|" * len(samplers))
    for f in functions:
        print("| " + f + " | " + " | ".join(fmt(med(by[(f, s)])) + ("" if len(by[(f, s)]) in (0, 10) else " (n=%d)" % len(by[(f, s)]))
                                          for s in samplers) + " |")
    return by


def main():
    new = load(glob.glob(os.path.join(HERE, "*.jsonl")))
    cond = [r for r in new if r["function"] in COND and "regret_trace" in r]
    by = table(cond, COND, ["hpo4j:gp", "hpo4j:auto", "hpo4j:tpe", "optuna:tpe", "optuna:random"], final,
               "Median final regret at 100 trials, seeds 0-9 (constrained: best feasible value)", 100)
    print("\n| function | gp / optuna tpe | auto / optuna tpe | target <= 0.5 |")
    print("|---|---|---|---|")
    for f in COND:
        ref = med(by[(f, "optuna:tpe")])
        g = med(by[(f, "hpo4j:gp")]) / ref if ref else float("nan")
        a = med(by[(f, "hpo4j:auto")]) / ref if ref else float("nan")
        print("| %s | %s | %s | %s |" % (f, fmt(g), fmt(a), "yes" if g <= 0.5 and a <= 0.5 else "no"))
    table([r for r in cond if r["function"] in ("nas_latency", "optimizer_memory")], ["nas_latency", "optimizer_memory"],
          ["hpo4j:gp", "hpo4j:auto", "hpo4j:tpe", "optuna:tpe", "optuna:random"], first_feasible,
          "Median number of trials until the first feasible one", 100)
    table([r for r in cond if r["function"] in ("nas_latency", "optimizer_memory")], ["nas_latency", "optimizer_memory"],
          ["hpo4j:gp", "hpo4j:auto", "hpo4j:tpe", "optuna:tpe", "optuna:random"], reach(0.05),
          "Median number of trials until a feasible trial within 0.05 of the constrained optimum (inf: not in 100)", 100)
    old = load(glob.glob(os.path.join(BENCH, "*.jsonl")))
    suite_new = [r for r in new if r["function"] in SUITE and "regret_trace" in r]
    old_gp = [dict(r, sampler="gp_before") for r in old if r["sampler"] == "gp" and r["function"] in SUITE]
    best_old = defaultdict(list)
    for r in old:
        if r.get("regret_trace") is not None and r["trials"] == 100 and r["function"] in SUITE:
            best_old[(r["function"], r["sampler"], r["_file"])].append(final(r))
    by = table(suite_new + old_gp, SUITE, ["hpo4j:gp_before", "hpo4j:gp", "hpo4j:auto"], final,
               "The suite: median final regret at 100 trials, seeds 0-9 (gp_before: docs/bench/gp.jsonl)", 100)
    print("\n| function | best of our samplers (docs/bench/*.jsonl) | auto / best |")
    print("|---|---|---|")
    for f in SUITE:
        cands = [(med(v), s) for (ff, s, _), v in best_old.items() if ff == f and len(v) >= 10]
        cands += [(med(by[(f, s)]), s.split(":")[1]) for s in ("hpo4j:gp", "hpo4j:tpe") if by[(f, s)]]
        cands = [c for c in cands if c[1] not in ("auto",)]
        b = min(cands) if cands else (float("nan"), "-")
        a = med(by[(f, "hpo4j:auto")])
        print("| %s | %s (%s) | %s |" % (f, fmt(b[0]), b[1], fmt(a / b[0]) if b[0] else "-"))
    moo = [r for r in new if r["function"] in MOO]
    table(moo, MOO, ["hpo4j:gp", "hpo4j:motpe", "optuna:tpe"], final,
          "Median final hypervolume at 200 trials, seeds 0-9 (higher is better)", 200)


if __name__ == "__main__":
    main()
