#!/usr/bin/env python3
"""Tables of docs/rl/README.md from the JSON lines of docs/rl/RealTasks.java.

    python3 docs/rl/table.py docs/rl/real-tasks.jsonl [--rl rl] [--others tpe,gp,random]

Per task and sampler: median best validation score after N evaluations, mean held-out test score
(+- sd over seeds), median evaluations until a run's best reaches the task's target (rl_sdp's
median final validation score; '>N' = not reached by the median run), median wall and sampler CPU
seconds. Then the paper's summary: the share of (task, seed) runs where `rl` is at least as good as
the best other sampler, on validation and on test.
"""
import json, statistics as st, sys, argparse

ap = argparse.ArgumentParser()
ap.add_argument("files", nargs="+")
ap.add_argument("--rl", default="rl")
ap.add_argument("--sdp", default="rl_sdp")
ap.add_argument("--others", default="tpe,gp,random")
ap.add_argument("--order", default="rl,rl_sdp,tpe,gp,random")
a = ap.parse_args()
runs = {}
for f in a.files:
    for line in open(f):
        if line.strip():
            r = json.loads(line)
            runs[(r["task"], r["sampler"], r["seed"])] = r
tasks = list(dict.fromkeys(k[0] for k in runs))
samplers = list(dict.fromkeys(k[1] for k in runs))
order = [s for s in a.order.split(",") if s in samplers] + [s for s in samplers if s not in a.order.split(",")]

def sign(r):
    return 1.0 if r["maximize"] else -1.0

def reach(trace, target, mx):
    for i, v in enumerate(trace):
        if v is not None and (v >= target - 1e-12 if mx else v <= target + 1e-12):
            return i + 1
    return None

def med(v):
    return st.median(v) if v else float("nan")

print("| task | metric | sampler | runs | median best valid | mean test +- sd | evals to target (median) | median wall s | median sampler CPU s | sampler share of wall |")
print("|---|---|---|---|---|---|---|---|---|---|")
for t in tasks:
    sdp = [r for (tt, s, _), r in runs.items() if tt == t and s == a.sdp]
    mx = (sdp or [r for (tt, _, _), r in runs.items() if tt == t])[0]["maximize"]
    target = med([r["best_valid"] for r in sdp]) if sdp else None
    for s in order:
        rs = [r for (tt, ss, _), r in sorted(runs.items()) if tt == t and ss == s]
        if not rs:
            continue
        n = rs[0]["evaluations"]
        tests = [r["test"] for r in rs]
        sd = st.stdev(tests) if len(tests) > 1 else 0.0
        if target is not None:
            ev = sorted([reach(r["valid_trace"], target, mx) or 10**9 for r in rs])
            m = ev[(len(ev) - 1) // 2]
            evs = str(m) if m < 10**9 else ">%d" % n
        else:
            evs = "-"
        share = med([r["sampler_cpu_s"] / r["wall_s"] for r in rs])
        print("| %s | %s | %s | %d | %.4f | %.4f +- %.4f | %s | %.1f | %.3f | %.2f%% |" % (
            t, rs[0]["metric"], s, len(rs), med([r["best_valid"] for r in rs]), st.mean(tests), sd, evs,
            med([r["wall_s"] for r in rs]), med([r["sampler_cpu_s"] for r in rs]), 100 * share))
    if target is not None:
        print("| %s | | target = %s median final | | %.4f | | | | | |" % (t, a.sdp, target))

others = [s for s in a.others.split(",") if s in samplers]
for label, key in (("validation", "best_valid"), ("test", "test")):
    for pool_name, pool in (("tpe/gp/random", others), ("tpe/gp/random/rl_sdp", others + [a.sdp])):
        win = tot = 0
        per = {}
        for (t, s, seed), r in runs.items():
            if s != a.rl:
                continue
            rivals = [runs.get((t, o, seed)) for o in pool]
            if any(x is None for x in rivals) or not rivals:
                continue
            sg = sign(r)
            ok = sg * r[key] >= max(sg * x[key] for x in rivals) - 1e-12
            win += ok
            tot += 1
            per.setdefault(t, [0, 0])
            per[t][0] += ok
            per[t][1] += 1
        if tot:
            print("\nrl >= best of %s on %s: %d of %d (task, seed) runs = %.1f%%; per task: %s" % (
                pool_name, label, win, tot, 100.0 * win / tot,
                ", ".join("%s %d/%d" % (t, w, n) for t, (w, n) in per.items())))
