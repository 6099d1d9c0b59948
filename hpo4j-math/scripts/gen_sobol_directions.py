"""Writes src/main/resources/org/hpo4j/math/sobol-directions.txt for org.hpo4j.math.Sobol.

Source: the public Joe & Kuo (2008) "new-joe-kuo-6.21201" direction numbers, read here from the
copy SciPy ships (scipy/stats/_sobol_direction_numbers.npz: 'poly' holds each primitive polynomial
with its leading and trailing 1 bits, 'vinit' the initial direction numbers m_1..m_s).
Output, one line per dimension from the second on (the first is the van der Corput sequence):
    s a m_1 ... m_s
with s the polynomial degree and a its inner coefficients as an integer, as in Joe & Kuo's file.
Run: python3 gen_sobol_directions.py [max_dim=1024]
"""
import os
import sys

import numpy as np
import scipy.stats

MAX_DIM = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
src = os.path.join(os.path.dirname(scipy.stats.__file__), "_sobol_direction_numbers.npz")
data = np.load(src)
poly, vinit = data["poly"], data["vinit"]
out = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "org", "hpo4j", "math",
                   "sobol-directions.txt")
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w") as f:
    f.write(f"# Joe-Kuo new-joe-kuo-6.21201 direction numbers, dimensions 2..{MAX_DIM}: s a m_1..m_s\n")
    for d in range(1, MAX_DIM):
        p = int(poly[d])
        s = p.bit_length() - 1
        a = (p >> 1) & ((1 << (s - 1)) - 1)
        m = [int(v) for v in vinit[d][:s]]
        f.write(" ".join(str(v) for v in [s, a] + m) + "\n")
print("wrote", out)
