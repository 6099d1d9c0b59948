"""Joins ScaleBenchmark's rows (hpo4j) and optuna_scale.py's JSON lines (Optuna) into the tables of
docs/scale.md. Optuna's cost at sizes it was not run at is extrapolated from a least-squares line
through its measured sizes (ms per trial = a + b n), marked with *.

Usage: python3 docs/scale/table.py HPO4J_ROWS.md OPTUNA.jsonl [SIZES]
"""
import json
import sys


def hpo4j_rows(path):
    rows = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[2].replace(",", "").isdigit():
            sampler, mode, n, window, wall, cpu, heap = cells
            rows[(sampler, int(n.replace(",", "")))] = (float(wall), float(cpu), float(heap))
    return rows


def optuna_rows(path):
    rows = {}
    for line in open(path):
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            rows[(r["sampler"], r["trials"])] = r
    return rows


def line_fit(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx if sxx > 0 else 0.0
    return my - b * mx, b


def main():
    ours = hpo4j_rows(sys.argv[1])
    theirs = optuna_rows(sys.argv[2])
    sizes = sorted({n for (_, n) in ours})
    if len(sys.argv) > 3:
        sizes = [int(s) for s in sys.argv[3].split(",")]
    pairs = [("tpe", "tpe_mv", "multivariate"), ("tpe_uni", "tpe", "univariate")]
    for mine, peer, label in pairs:
        if not any(s == mine for (s, _) in ours):
            continue
        measured = sorted((n, r["cpu_ms_per_trial"]) for (s, n), r in theirs.items() if s == peer)
        measured_wall = sorted((n, r["wall_ms_per_trial"]) for (s, n), r in theirs.items() if s == peer)
        a, b = line_fit(measured) if len(measured) >= 2 else (float("nan"), float("nan"))
        print("\n%s TPE: hpo4j `%s` vs Optuna 5.0.0rc1 `TPESampler(%s)`, ms per trial of the whole loop"
              % (label, mine, "multivariate=True" if peer == "tpe_mv" else ""))
        print("(CPU time of the loop; wall clock in brackets; * = Optuna extrapolated: %.4f + %.6f n ms)\n" % (a, b))
        print("| trials in the study | hpo4j | Optuna | Optuna / hpo4j (CPU) |")
        print("|---|---|---|---|")
        for n in sizes:
            if (mine, n) not in ours:
                continue
            wall, cpu, heap = ours[(mine, n)]
            exact = dict(measured).get(n)
            if exact is not None:
                theirs_txt = "%.1f (%.1f)" % (exact, dict(measured_wall)[n])
                other = exact
            elif b == b:
                other = a + b * n
                theirs_txt = "%.0f*" % other
            else:
                other, theirs_txt = float("nan"), "-"
            print("| %s | %.2f (%.2f) | %s | %.0fx |" % (format(n, ","), cpu, wall, theirs_txt, other / cpu))
    print("\nMemory (heap after full GC, whole JVM, study and sampler alive / Optuna: growth of the"
          " process's resident set while filling the study)\n")
    print("| trials | hpo4j heap MB | hpo4j KB per trial | Optuna RSS growth MB | Optuna KB per trial |")
    print("|---|---|---|---|---|")
    mem = {n: r["rss_growth_mb"] for (s, n), r in theirs.items() if s == "tpe"}
    for n in sizes:
        key = ("tpe", n) if ("tpe", n) in ours else None
        if key is None:
            continue
        heap = ours[key][2]
        theirs_mem = min(mem.items(), key=lambda kv: abs(kv[0] - n)) if mem else None
        if theirs_mem and abs(theirs_mem[0] - n) <= 0.05 * n:
            om = "%.1f | %.2f" % (theirs_mem[1], theirs_mem[1] * 1000 / theirs_mem[0])
        else:
            om = "- | -"
        print("| %s | %.1f | %.2f | %s |" % (format(n, ","), heap, heap * 1000 / n, om))


if __name__ == "__main__":
    main()
