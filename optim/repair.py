"""One round of local repair of a read-out bitstring, on the problem's own objective.

As in the comparative study's public code (shared/REFERENCES.md): first, toward feasibility,
flip one decision bit at a time, each time the flip that lowers the total constraint
violation most (ties: the better objective), until feasible or no flip lowers it; then,
when feasible, the one best move among all single flips and all swaps (a 1 and a 0
exchanged) that keeps feasibility and improves the objective. Slack bits are not searched.
"""

from __future__ import annotations

import numpy as np


def _flips(x: np.ndarray) -> np.ndarray:
    return x[None, :] ^ np.eye(x.size, dtype=np.uint8)


def _swaps(x: np.ndarray) -> np.ndarray:
    ones, zeros = np.flatnonzero(x == 1), np.flatnonzero(x == 0)
    rows = np.repeat(x[None, :], ones.size * zeros.size, axis=0)
    k = np.arange(rows.shape[0])
    rows[k, np.repeat(ones, zeros.size)] = 0
    rows[k, np.tile(zeros, ones.size)] = 1
    return rows


def repair(target, x: np.ndarray) -> np.ndarray:
    """The repaired decision bits (uint8, entry i = variable i) of decision bits ``x`` for a
    ``optim.target.Target``."""
    x = np.asarray(x, dtype=np.uint8).copy()
    sign = -1.0 if target.sense == "max" else 1.0
    violation = float(target.infeasibility(x[None, :])[0])
    for _ in range(x.size):
        if violation == 0.0:
            break
        rows = _flips(x)
        v = target.infeasibility(rows)
        objective, _ = target.decode_rows(rows)
        k = int(np.lexsort((sign * objective, v))[0])
        if v[k] >= violation:
            break
        x, violation = rows[k], float(v[k])
    if violation > 0.0:
        return x
    rows = np.vstack([_flips(x), _swaps(x)])
    objective, feasible = target.decode_rows(rows)
    current = target.decode_rows(x[None, :])[0][0]
    improving = feasible & target.better(objective, current)
    if improving.any():
        candidates = np.flatnonzero(improving)
        x = rows[candidates[np.argmin(sign * objective[candidates])]]
    return x
