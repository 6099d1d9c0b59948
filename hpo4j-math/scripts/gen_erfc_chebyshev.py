"""Generates the Chebyshev coefficients used by org.hpo4j.math.Erf for erfc on [0, inf).

For x >= 0 let t = 2 / (2 + x), a map of [0, inf) onto (0, 1], and
    g(t) = log(erfcx(x) / t),   erfcx(x) = exp(x^2) erfc(x),
a smooth bounded function on [0, 1] (g(0) = -log(2 sqrt(pi))). We expand g in Chebyshev
polynomials of u = 2t - 1 from values computed by mpmath at 60 digits, then
    erfc(x) = t * exp(-x^2 + g(t)).
Run: python3 gen_erfc_chebyshev.py  (needs mpmath); paste the printed array into Erf.java.
"""
import math
import mpmath as mp

mp.mp.dps = 60
N = 96  # Chebyshev nodes


def g_of_t(t):
    t = mp.mpf(t)
    if t == 0:
        return -mp.log(2 * mp.sqrt(mp.pi))
    x = 2 / t - 2
    return mp.log(mp.erfc(x) * mp.exp(x * x) / t)


nodes = [mp.cos(mp.pi * (j + mp.mpf(1) / 2) / N) for j in range(N)]
vals = [g_of_t((u + 1) / 2) for u in nodes]
coef = []
for k in range(N):
    s = mp.fsum(vals[j] * mp.cos(mp.pi * k * (j + mp.mpf(1) / 2) / N) for j in range(N))
    coef.append(2 * s / N)
coef[0] /= 2


def clenshaw(c, u):
    b1 = b2 = 0.0
    for ck in reversed(c[1:]):
        b1, b2 = 2 * u * b1 - b2 + ck, b1
    return u * b1 - b2 + c[0]


def max_err(deg):
    c = [float(v) for v in coef[:deg + 1]]
    worst = 0.0
    for i in range(2001):
        t = i / 2000
        ref = g_of_t(t)
        got = clenshaw(c, 2 * t - 1)
        worst = max(worst, abs(got - float(ref)))
    return worst


for deg in (24, 28, 32):
    print(f"# degree {deg}: max abs error of g {max_err(deg):.3e}")
DEG = 28
print("static final double[] ERFC_CHEBYSHEV = {")
for i in range(0, DEG + 1, 3):
    print("    " + ", ".join(repr(float(v)) for v in coef[i:i + 3]) + ",")
print("};")
