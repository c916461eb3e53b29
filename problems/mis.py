"""Maximum (weighted) independent set: maximise w.x subject to x_i x_j = 0 on every edge."""

from __future__ import annotations

import numpy as np

from . import validation as v
from .base import Problem, check_exact_limit
from .binary_program import BinaryProgram
from .exact import solve_milp
from .graphs import graph_arrays, graph_from_arrays, random_graph

MAX_EXACT_NODES = 2000


class MIS(Problem):
    """MIS on an undirected networkx graph; node weights (n,) non-negative, default 1.

    Decision bit i = the i-th node of `graph.nodes` is in the set. QUBO: the edge
    constraints become P x_i x_j, no slack (qubits = nodes). Lagrangian: dualises the
    edges (g_e = x_i x_j)."""

    sense = "max"
    dualised = "the edges, g_e(x) = x_i x_j"

    def __init__(self, graph, weights=None, name=None, known_optimum=None):
        super().__init__(name, known_optimum)
        self.graph = graph
        self.n, self.edges, _ = graph_arrays(graph)
        if self.n == 0:
            raise ValueError("graph must have at least one node, got 0")
        self.weighted = weights is not None
        w = np.ones(self.n) if weights is None else v.real_array("weights", weights, ndim=1, shape=(self.n,))
        self.weights = v.nonnegative("weights", w)

    @property
    def n_decision(self) -> int:
        return self.n

    def binary_program(self) -> BinaryProgram:
        return BinaryProgram("max", self.weights.copy(), pairs=self.edges.copy())

    def evaluate(self, solution) -> float:
        x = v.binary_vector("x", solution, self.n)
        return float(self.weights @ x)

    def is_feasible(self, solution) -> bool:
        x = v.binary_vector("x", solution, self.n)
        return not bool(np.any(x[self.edges[:, 0]] & x[self.edges[:, 1]]))

    def solve_exact(self, time_limit: float | None = None):
        """(x, value) by HiGHS MILP (x_i + x_j <= 1 per edge); refuses n > 2000."""
        check_exact_limit("number of nodes n", self.n, MAX_EXACT_NODES)
        A = np.zeros((self.edges.shape[0], self.n))
        rows = np.arange(self.edges.shape[0])
        A[rows, self.edges[:, 0]] = 1.0
        A[rows, self.edges[:, 1]] = 1.0
        x, value = solve_milp(self.weights, A_ub=A, b_ub=np.ones(len(rows)), sense="max", time_limit=time_limit)
        return x.astype(np.uint8), value

    @classmethod
    def random(cls, n: int, p: float | None = None, d: int | None = None, weighted: bool = False,
               seed=None) -> "MIS":
        """G(n, p) or random d-regular graph (networkx, seeded); weighted: integer node
        weights uniform in [1, 10] from numpy's default_rng(seed)."""
        graph = random_graph(n, p=p, d=d, seed=seed)
        weights = np.random.default_rng(seed).integers(1, 11, size=n).astype(float) if weighted else None
        return cls(graph, weights, name=f"mis_n{n}_{'p' + str(p) if p is not None else 'd' + str(d)}_seed{seed}")

    def _data(self) -> dict:
        return {"n": self.n, "edges": self.edges.tolist(),
                "weights": self.weights.tolist() if self.weighted else None}

    @classmethod
    def _from_data(cls, data):
        return cls(graph_from_arrays(data["n"], data["edges"]), data["weights"])
