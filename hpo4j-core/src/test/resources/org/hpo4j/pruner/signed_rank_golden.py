"""Golden p-values for SignedRankTest (one-sided, H1: differences tend to be positive).

Run: python3 signed_rank_golden.py > signed_rank_golden.csv   (scipy 1.17.1 was used)
Exact cases (no ties, no zeros, n <= 50) use scipy's exact method. Cases with ties or zeros use
the normal approximation with zsplit zeros and continuity correction; only cases with W above its
mean are kept, where a one-sided continuity correction and scipy's agree.
"""
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261123)
cases = [
    [1, 2, 3, 4, 5],
    [-1, 2, 3, 4, 5],
    [0.5, -0.2, 1.5, 2.5, -3.5, 4.5, 0.7],
]
for n in (6, 10, 20, 30):
    cases.append(list(np.round(rng.normal(0.4, 1.0, n), 6)))
for n in (8, 25, 60):
    cases.append(list(np.round(rng.normal(0.5, 1.0, n), 1)))  # rounding makes ties and zeros

print("p,differences")
for d in cases:
    d = np.asarray(d, dtype=float)
    ties = len(np.unique(np.abs(d))) < len(d) or np.any(d == 0)
    if not ties and len(d) <= 50:
        p = stats.wilcoxon(d, alternative="greater", method="exact").pvalue
    else:
        res = stats.wilcoxon(d, alternative="greater", zero_method="zsplit", correction=True, method="approx")
        ranks = stats.rankdata(np.abs(d))
        w = ranks[d > 0].sum() + ranks[d == 0].sum() / 2
        if w <= len(d) * (len(d) + 1) / 4:
            continue
        p = res.pvalue
    print(f"{float(p)!r}," + " ".join(repr(float(x)) for x in d))
