"""Simulated annealing for QUBOs: a seeded classical baseline for sizes beyond brute force.

Single-bit-flip Metropolis sweeps with a geometric temperature schedule from t_start to
t_end, keeping local fields so a flip costs O(N). Defaults: t_start = max |single-flip
energy change| at x = 0 (about half the moves uphill accepted at first), t_end = 1e-3 of
that. Each read starts from a random bitstring; the same seed gives the same result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numba as nb
import numpy as np

from . import validation as v
from .energies import check_qubo


@dataclass
class AnnealResult:
    """Best bitstring found (uint8, entry i = qubit i), its energy, and every read's final
    bitstring and energy."""

    bits: np.ndarray
    energy: float
    all_bits: np.ndarray
    all_energies: np.ndarray


@nb.njit(cache=True)
def _anneal(Q, offset, temps, x0, seed):
    np.random.seed(seed)
    N = Q.shape[0]
    S = Q + Q.T
    for i in range(N):
        S[i, i] = 0.0
    x = x0.copy()
    field = np.zeros(N)          # field[i] = Q_ii + sum_{j != i} S_ij x_j
    for i in range(N):
        acc = Q[i, i]
        for j in range(N):
            if x[j]:
                acc += S[i, j]
        field[i] = acc
    e = offset
    for i in range(N):
        if x[i]:
            e += Q[i, i]
            for j in range(i + 1, N):
                if x[j]:
                    e += Q[i, j]
    best_e = e
    best = x.copy()
    for t in temps:
        for i in range(N):
            delta = field[i] if x[i] == 0 else -field[i]
            if delta <= 0.0 or np.random.random() < np.exp(-delta / t):
                sign = 1.0 if x[i] == 0 else -1.0
                x[i] = 1 - x[i]
                e += delta
                for j in range(N):
                    field[j] += sign * S[j, i]
                if e < best_e:
                    best_e = e
                    best[:] = x
    return best, best_e


def simulated_annealing(Q, offset: float = 0.0, *, sweeps: int = 1000, reads: int = 10,
                        t_start: float | None = None, t_end: float | None = None, seed: int = 0) -> AnnealResult:
    """Minimise x^T Q x + offset (Q upper-triangular, linear terms on the diagonal)."""
    Q, offset = check_qubo(Q, offset)
    sweeps = v.integer("sweeps", sweeps, minimum=1)
    reads = v.integer("reads", reads, minimum=1)
    seed = v.integer("seed", seed, minimum=0)
    N = Q.shape[0]
    scale = float(np.max(np.abs(np.diag(Q)) + np.abs(np.triu(Q, 1)).sum(axis=0) + np.abs(np.triu(Q, 1)).sum(axis=1))) if N else 1.0
    scale = scale if scale > 0 else 1.0
    t_start = scale if t_start is None else v.real("t_start", t_start, minimum=0.0, strict_minimum=True)
    t_end = 1e-3 * t_start if t_end is None else v.real("t_end", t_end, minimum=0.0, strict_minimum=True)
    temps = np.geomspace(t_start, t_end, sweeps)
    rng = np.random.default_rng(seed)
    all_bits = np.zeros((reads, N), dtype=np.uint8)
    all_e = np.zeros(reads)
    for r in range(reads):
        x0 = rng.integers(0, 2, size=N).astype(np.uint8)
        all_bits[r], all_e[r] = _anneal(Q, offset, temps, x0, int(rng.integers(0, 2**31 - 1)))
    k = int(np.argmin(all_e))
    return AnnealResult(all_bits[k].copy(), float(all_e[k]), all_bits, all_e)
