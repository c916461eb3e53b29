"""Market split / market share (Cornuejols & Dawande 1999): find x in {0,1}^n with
A x = d, solved as min sum_i |a_i.x - d_i| (the slack deviation)."""

from __future__ import annotations

import numpy as np

from . import validation as v
from .base import Problem, check_exact_limit
from .binary_program import BinaryProgram
from .exact import solve_milp

MAX_EXACT_VARIABLES = 60


class MarketSplit(Problem):
    """A (m, n), d (m,). `evaluate(x)` = sum_i |a_i.x - d_i| (0 exactly for a split);
    `is_feasible(x)` is A x == d. The optimum is 0 when the instance has a split, and the
    optimality gap then follows DESIGN.md's f* = 0 rule.

    QUBO: sum_i (a_i.x - d_i)^2, no slack (the objective part is zero, so the automatic
    penalty is 1). Lagrangian: dualises the m equalities A x = d."""

    sense = "min"
    dualised = "the m equalities A x = d"

    def __init__(self, A, d, name=None, known_optimum=None):
        super().__init__(name, known_optimum)
        self.A = v.real_array("A", A, ndim=2)
        m, n = self.A.shape
        if n == 0 or m == 0:
            raise ValueError(f"A must have at least one row and one column, got shape {self.A.shape}")
        self.d = v.real_array("d", d, ndim=1, shape=(m,))

    @property
    def n_decision(self) -> int:
        return self.A.shape[1]

    @property
    def m(self) -> int:
        return self.A.shape[0]

    def binary_program(self) -> BinaryProgram:
        return BinaryProgram("min", np.zeros(self.n_decision), A_eq=self.A.copy(), b_eq=self.d.copy())

    def residual(self, solution) -> np.ndarray:
        """a_i.x - d_i for every row i."""
        x = v.binary_vector("x", solution, self.n_decision)
        return self.A @ x - self.d

    def evaluate(self, solution) -> float:
        return float(self.objective_batch(v.binary_vector("x", solution, self.n_decision)))

    def objective_batch(self, x: np.ndarray) -> np.ndarray:
        """sum_r |A_r x - d_r| for each row of x (shape (B, n_decision))."""
        return np.abs(np.asarray(x, dtype=np.float64) @ self.A.T - self.d).sum(axis=-1)

    def is_feasible(self, solution) -> bool:
        return bool(np.all(np.abs(self.residual(solution)) <= 1e-9))

    def solve_exact(self, time_limit: float | None = None):
        """(x, min deviation) by HiGHS MILP: min sum(s+ + s-) s.t. A x + s+ - s- = d.
        Refuses n > 60 (these instances are designed to be hard for branch and bound)."""
        check_exact_limit("number of variables n", self.n_decision, MAX_EXACT_VARIABLES)
        m, n = self.A.shape
        A_eq = np.hstack([self.A, np.eye(m), -np.eye(m)])
        c = np.concatenate([np.zeros(n), np.ones(2 * m)])
        ub = np.concatenate([np.ones(n), np.full(2 * m, np.inf)])
        integrality = np.concatenate([np.ones(n, dtype=int), np.zeros(2 * m, dtype=int)])
        x, value = solve_milp(c, A_eq=A_eq, b_eq=self.d, ub=ub, integrality=integrality, time_limit=time_limit)
        x = x[:n].astype(np.uint8)
        return x, self.evaluate(x)

    @classmethod
    def random(cls, m: int, n: int | None = None, max_coefficient: int = 99, seed=None) -> "MarketSplit":
        """Cornuejols & Dawande (1999): a_ij integer uniform in [0, max_coefficient] (99),
        d_i = floor(sum_j a_ij / 2), n = 10 (m - 1) by default."""
        m = v.integer("m", m, minimum=1)
        n = 10 * (m - 1) if n is None else v.integer("n", n, minimum=1)
        if n < 1:
            raise ValueError(f"n = 10 (m - 1) must be >= 1; give n explicitly for m = {m}")
        max_coefficient = v.integer("max_coefficient", max_coefficient, minimum=0)
        A = np.random.default_rng(seed).integers(0, max_coefficient + 1, size=(m, n)).astype(float)
        return cls(A, np.floor(A.sum(axis=1) / 2.0), name=f"msp_m{m}_n{n}_seed{seed}")

    def _data(self) -> dict:
        return {"A": self.A.tolist(), "d": self.d.tolist()}

    @classmethod
    def _from_data(cls, data):
        return cls(data["A"], data["d"])
