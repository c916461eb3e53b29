"""The binary form every problem is encoded from: a quadratic 0/1 program.

A problem's `binary_program()` states its model once, as objective and linear / pair
constraints over its `n_decision` 0/1 decision variables; the QUBO / Ising encoders
(`qubo.py`) and the slack-free Lagrangian forms (`lagrangian.py`) build on it alone.
Variable i is qubit i is bit i of a basis index (qubit 0 = least significant bit).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FEASIBILITY_TOL = 1e-9


@dataclass(frozen=True)
class BinaryProgram:
    """A quadratic 0/1 program over `n` decision variables x.

    objective(x) = constant + linear . x + x^T quadratic x   (quadratic strictly upper-triangular)
    subject to  A_eq x == b_eq,  A_le x <= b_le,  x_i x_j == 0 for (i, j) in pairs.
    `sense` is "min" or "max" (the problem's own sense; encoders negate "max").
    """

    sense: str
    linear: np.ndarray
    quadratic: np.ndarray = None
    constant: float = 0.0
    A_eq: np.ndarray = None
    b_eq: np.ndarray = None
    A_le: np.ndarray = None
    b_le: np.ndarray = None
    pairs: np.ndarray = None

    def __post_init__(self):
        n = self.linear.shape[0]
        defaults = {"quadratic": np.zeros((n, n)), "A_eq": np.zeros((0, n)), "b_eq": np.zeros(0), "A_le": np.zeros((0, n)),
                    "b_le": np.zeros(0), "pairs": np.zeros((0, 2), dtype=np.int64)}
        for key, default in defaults.items():
            if getattr(self, key) is None:
                object.__setattr__(self, key, default)

    @property
    def n(self) -> int:
        return self.linear.shape[0]

    def objective(self, x: np.ndarray) -> np.ndarray:
        """Objective for one 0/1 vector (shape (n,)) or a batch (shape (B, n))."""
        x = np.asarray(x, dtype=np.float64)
        quad = np.einsum("...i,ij,...j->...", x, self.quadratic, x)
        return self.constant + x @ self.linear + quad

    def violation(self, x: np.ndarray) -> np.ndarray:
        """Constraint residuals g(x), in the order: equalities (A_eq x - b_eq), inequalities
        (A_le x - b_le; feasible when <= 0), pairs (x_i x_j; feasible when 0)."""
        x = np.asarray(x, dtype=np.float64)
        pair_terms = x[..., self.pairs[:, 0]] * x[..., self.pairs[:, 1]]
        return np.concatenate([x @ self.A_eq.T - self.b_eq, x @ self.A_le.T - self.b_le, pair_terms], axis=-1)

    def infeasibility(self, x: np.ndarray) -> np.ndarray:
        """Total constraint violation, 0 exactly when x is feasible (to the 1e-9 of the
        models' own checks): sum |A_eq x - b_eq| + sum max(A_le x - b_le, 0) + sum x_i x_j,
        for one 0/1 vector (a float) or a batch (shape (B,))."""
        g = self.violation(x)
        n_eq, n_le = self.A_eq.shape[0], self.A_le.shape[0]
        parts = np.abs(g[..., :n_eq]), np.maximum(g[..., n_eq:n_eq + n_le], 0.0), g[..., n_eq + n_le:]
        total = sum(part.sum(axis=-1) for part in parts)
        return np.where(total <= FEASIBILITY_TOL, 0.0, total)

    @property
    def n_constraints(self) -> int:
        return self.A_eq.shape[0] + self.A_le.shape[0] + self.pairs.shape[0]
