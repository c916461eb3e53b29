"""Quadratic assignment: min sum_{i,j} flow[i,j] * distance[p[i], p[j]] over permutations p."""

from __future__ import annotations

import numpy as np

from . import validation as v
from .base import check_exact_limit
from .exact import qap_exact
from .permutation import AssignmentProblem

DEFAULT_EXACT_LIMIT = 10
HARD_EXACT_LIMIT = 13


class QAP(AssignmentProblem):
    """QAP with flow F (n, n) and distance D (n, n), QAPLIB convention: facility i goes to
    location p[i], cost sum_ij F[i,j] D[p[i],p[j]] (QAPLIB .dat: n, then A = F, then B = D).

    Solution: the permutation p (int array). Bits: x[i, k] = qubit i*n + k, n^2 qubits,
    no slack; the permutation constraints are quadratic penalties."""

    def __init__(self, flow, distance, name=None, known_optimum=None):
        super().__init__(name, known_optimum)
        self.flow = v.square_matrix("flow", flow)
        self.n = self.flow.shape[0]
        if self.n == 0:
            raise ValueError("flow must be at least 1 x 1, got 0 x 0")
        self.distance = v.square_matrix("distance", distance, self.n)
        self._F, self._G = self.flow, self.distance

    def solve_exact(self, max_n: int = DEFAULT_EXACT_LIMIT, time_limit: float | None = None):
        """(p, cost) by depth-first branch and bound over permutations (`exact.qap_exact`:
        incumbent from swap descents, bound = partial cost + cheapest placement of every
        unplaced facility, valid for non-negative data; plain enumeration otherwise).

        Refuses n > max_n (default 10: tai10a/b take 0.1-0.2 s); max_n may be raised to 13.
        Measured for QAPLIB n = 12 (one core of the 2-core reference machine): chr12a-c and
        scr12 < 1 s, tai12b 5 s, rou12 8 s, tai12a 9 s, nug12 10 s, had12 27 s; so there use
        `known_optimum` (from the .sln file) or pass a `time_limit` in seconds: a search that
        does not finish in time raises RuntimeError whose `incumbent` attribute holds the
        best (p, cost) found, which is then not proven optimal."""
        max_n = v.integer("max_n", max_n, minimum=1, maximum=HARD_EXACT_LIMIT)
        check_exact_limit("n", self.n, max_n, " (use known_optimum from the .sln file, or raise max_n)")
        if time_limit is not None:
            time_limit = v.real("time_limit", time_limit, minimum=0.0)
        perm, cost, proven = qap_exact(self.flow, self.distance, time_limit)
        if not proven:
            err = RuntimeError(f"QAP branch and bound hit the time limit {time_limit} s; best cost found {cost} "
                               "is not proven optimal (see .incumbent)")
            err.incumbent = (perm, cost)
            raise err
        return perm, cost

    @classmethod
    def random(cls, n: int, seed=None) -> "QAP":
        """Taillard (1991, Parallel Computing 17:443-455) uniform instances (taiXXa style):
        symmetric flow and distance matrices, integers uniform in [0, 99], zero diagonal."""
        n = v.integer("n", n, minimum=1)
        rng = np.random.default_rng(seed)

        def sym():
            M = np.triu(rng.integers(0, 100, size=(n, n)), 1).astype(float)
            return M + M.T

        F = sym()
        return cls(F, sym(), name=f"qap_n{n}_seed{seed}")

    def _data(self) -> dict:
        return {"flow": self.flow.tolist(), "distance": self.distance.tolist()}

    @classmethod
    def _from_data(cls, data):
        return cls(data["flow"], data["distance"])
