"""Multi-dimensional knapsack: maximise p.x subject to W x <= c, x in {0,1}^n."""

from __future__ import annotations

import numpy as np

from . import validation as v
from .base import Problem, check_exact_limit
from .binary_program import BinaryProgram
from .exact import solve_milp

MAX_EXACT_ITEMS = 500


class MDKP(Problem):
    """profits p (n,), weights W (m, n), capacities c (m,): maximise p.x s.t. W x <= c.

    Weights and capacities must be non-negative. Decision bit j = item j taken. The QUBO
    adds one slack register per capacity row (DESIGN.md order). Lagrangian: dualises the
    m capacity rows."""

    sense = "max"
    dualised = "the m capacity rows W x <= c"

    def __init__(self, profits, weights, capacities, name=None, known_optimum=None):
        super().__init__(name, known_optimum)
        self.profits = v.real_array("profits", profits, ndim=1)
        n = self.profits.shape[0]
        if n == 0:
            raise ValueError("profits must have at least one item, got 0")
        self.weights = v.nonnegative("weights", v.real_array("weights", weights, ndim=2, shape=(None, n)))
        m = self.weights.shape[0]
        self.capacities = v.nonnegative("capacities", v.real_array("capacities", capacities, ndim=1, shape=(m,)))

    @property
    def n_decision(self) -> int:
        return self.profits.shape[0]

    @property
    def m(self) -> int:
        return self.weights.shape[0]

    def binary_program(self) -> BinaryProgram:
        return BinaryProgram("max", self.profits.copy(), A_le=self.weights.copy(), b_le=self.capacities.copy())

    def evaluate(self, solution) -> float:
        x = v.binary_vector("x", solution, self.n_decision)
        return float(self.profits @ x)

    def is_feasible(self, solution) -> bool:
        x = v.binary_vector("x", solution, self.n_decision)
        return bool(np.all(self.weights @ x <= self.capacities + 1e-9))

    def solve_exact(self, time_limit: float | None = None):
        """(x, value) by HiGHS MILP; refuses n > MAX_EXACT_ITEMS (500)."""
        check_exact_limit("number of items n", self.n_decision, MAX_EXACT_ITEMS)
        x, value = solve_milp(self.profits, A_ub=self.weights, b_ub=self.capacities, sense="max",
                              time_limit=time_limit)
        return x.astype(np.uint8), value

    @classmethod
    def random(cls, n: int, m: int, tightness: float = 0.5, seed=None) -> "MDKP":
        """Chu & Beasley (1998, J. Heuristics 4:63-86) recipe: w_ij integer uniform in
        [0, 1000], c_i = floor(tightness * sum_j w_ij), p_j = floor(sum_i w_ij / m + 500 q_j)
        with q_j uniform in (0, 1). Tightness 0.25, 0.5 or 0.75 in OR-Library."""
        n = v.integer("n", n, minimum=1)
        m = v.integer("m", m, minimum=1)
        tightness = v.real("tightness", tightness, minimum=0.0, maximum=1.0, strict_minimum=True)
        rng = np.random.default_rng(seed)
        W = rng.integers(0, 1001, size=(m, n)).astype(float)
        c = np.floor(tightness * W.sum(axis=1))
        p = np.floor(W.sum(axis=0) / m + 500.0 * rng.random(n))
        return cls(p, W, c, name=f"mdkp_n{n}_m{m}_seed{seed}")

    def _data(self) -> dict:
        return {"profits": self.profits.tolist(), "weights": self.weights.tolist(),
                "capacities": self.capacities.tolist()}

    @classmethod
    def _from_data(cls, data):
        return cls(data["profits"], data["weights"], data["capacities"])
