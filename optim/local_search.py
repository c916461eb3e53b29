"""Bit-swap local search on a QUBO: the post-processing of PCE (Sciorilli et al., arXiv
2401.09421) on its sign-rounded bits.

With E(x) = x^T Q x + offset (Q upper-triangular, linear terms on the diagonal), flipping
bit i changes E by (1 - 2 x_i) (Q_ii + sum_{j != i} S_ij x_j), S = Q + Q^T off the diagonal.
Each step flips the bit of the most negative change (ties: the lowest index) until no flip
lowers E: the result is a local minimum of E under single flips, never worse than x.
"""

from __future__ import annotations

import numpy as np

IMPROVEMENT_RTOL = 1e-12


def bit_swap_search(Q: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The local minimum (uint8, entry i = variable i) reached from bits ``x`` (see the module)."""
    Q = np.asarray(Q, dtype=np.float64)
    x = np.asarray(x, dtype=np.uint8).copy()
    S = Q + Q.T
    np.fill_diagonal(S, 0.0)
    linear = np.diag(Q).copy()
    tol = IMPROVEMENT_RTOL * max(float(np.abs(Q).max(initial=0.0)), 1.0)
    field = linear + S @ x
    while x.size:
        delta = (1.0 - 2.0 * x) * field
        i = int(np.argmin(delta))
        if delta[i] >= -tol:
            break
        field += S[:, i] * (1.0 - 2.0 * x[i])
        x[i] ^= 1
    return x
