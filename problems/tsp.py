"""Travelling salesman: shortest closed tour through all n cities."""

from __future__ import annotations

import numpy as np

from . import validation as v
from .base import check_exact_limit
from .exact import held_karp, solve_milp
from .permutation import AssignmentProblem, check_permutation

MAX_EXACT_MILP = 30
MAX_EXACT_HELD_KARP = 18


class TSP(AssignmentProblem):
    """TSP with a (possibly asymmetric) non-negative distance matrix (n, n); its diagonal
    is ignored (set to 0). Tour cost sum_t D[tour[t], tour[t+1 mod n]].

    Solution: the tour, a permutation of the cities in visiting order. Bits: permutation
    encoding x[v, t] = 1 when city v is visited at position t, qubit v*n + t, n^2 qubits
    (a QAP with flow D and the cyclic shift as distance). Lagrangian: dualises the 2n
    one-hot constraints of that permutation formulation."""

    def __init__(self, distance, name=None, known_optimum=None, coordinates=None):
        super().__init__(name, known_optimum)
        D = v.nonnegative("distance", v.square_matrix("distance", distance)).copy()
        self.n = D.shape[0]
        if self.n == 0:
            raise ValueError("distance must be at least 1 x 1, got 0 x 0")
        np.fill_diagonal(D, 0.0)
        self.distance = D
        self.coordinates = None if coordinates is None else v.real_array("coordinates", coordinates, 2, (self.n, 2))
        self._F = D
        self._G = np.roll(np.eye(self.n), 1, axis=1)   # G[t, t+1 mod n] = 1

    def _to_slots(self, solution) -> np.ndarray:
        tour = check_permutation("tour", solution, self.n)
        p = np.empty(self.n, dtype=np.int64)
        p[tour] = np.arange(self.n)
        return p

    def _from_slots(self, p):
        return np.argsort(p).astype(np.int64)

    def solve_exact(self, method: str = "milp", time_limit: float | None = None):
        """(tour starting at city 0, length). method "milp": HiGHS with the
        Miller-Tucker-Zemlin subtour elimination (n <= 30); "held-karp": dynamic
        programming (n <= 18)."""
        v.choice("method", method, ("milp", "held-karp"))
        if method == "held-karp":
            check_exact_limit("n (held-karp)", self.n, MAX_EXACT_HELD_KARP)
            return held_karp(self.distance)
        check_exact_limit("n (milp)", self.n, MAX_EXACT_MILP, "; use method='held-karp' or known_optimum")
        return self._solve_mtz(time_limit)

    def _solve_mtz(self, time_limit):
        n = self.n
        if n <= 2:
            return held_karp(self.distance)
        arcs = [(i, j) for i in range(n) for j in range(n) if i != j]
        k = len(arcs)
        col = {a: c for c, a in enumerate(arcs)}
        n_var = k + (n - 1)                      # arc variables, then u_1..u_{n-1}
        A_eq = np.zeros((2 * n, n_var))
        for (i, j), c in col.items():
            A_eq[i, c] = 1.0                     # out-degree of i
            A_eq[n + j, c] = 1.0                 # in-degree of j
        mtz = [(i, j) for (i, j) in arcs if i > 0 and j > 0]
        A_ub = np.zeros((len(mtz), n_var))
        for r, (i, j) in enumerate(mtz):         # u_i - u_j + (n-1) x_ij <= n - 2
            A_ub[r, k + i - 1] = 1.0
            A_ub[r, k + j - 1] = -1.0
            A_ub[r, col[(i, j)]] = n - 1
        c = np.concatenate([[self.distance[i, j] for i, j in arcs], np.zeros(n - 1)])
        lb = np.concatenate([np.zeros(k), np.ones(n - 1)])
        ub = np.concatenate([np.ones(k), np.full(n - 1, n - 1.0)])
        integrality = np.concatenate([np.ones(k, dtype=int), np.zeros(n - 1, dtype=int)])
        x, value = solve_milp(c, A_ub=A_ub, b_ub=np.full(len(mtz), n - 2.0), A_eq=A_eq, b_eq=np.ones(2 * n),
                              lb=lb, ub=ub, integrality=integrality, time_limit=time_limit)
        succ = {i: j for (i, j), cc in col.items() if x[cc] > 0.5}
        tour = [0]
        while len(tour) < n:
            tour.append(succ[tour[-1]])
        return np.array(tour, dtype=np.int64), value

    @classmethod
    def random(cls, n: int, seed=None, scale: float = 100.0, rounded: bool = False) -> "TSP":
        """Random Euclidean instance: n cities uniform in [0, scale)^2, distances Euclidean
        (rounded to the nearest integer, as TSPLIB EUC_2D, when `rounded`)."""
        n = v.integer("n", n, minimum=1)
        scale = v.real("scale", scale, minimum=0.0, strict_minimum=True)
        xy = np.random.default_rng(seed).random((n, 2)) * scale
        D = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=-1))
        if rounded:
            D = np.floor(D + 0.5)
        return cls(D, name=f"tsp_n{n}_seed{seed}", coordinates=xy)

    def _data(self) -> dict:
        return {"distance": self.distance.tolist(),
                "coordinates": None if self.coordinates is None else self.coordinates.tolist()}

    @classmethod
    def _from_data(cls, data):
        return cls(data["distance"], coordinates=data.get("coordinates"))
