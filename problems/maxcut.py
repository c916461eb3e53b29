"""Weighted MaxCut, the common QAOA reference: maximise sum_{ij in E} w_ij [x_i != x_j]."""

from __future__ import annotations

import numpy as np

from . import validation as v
from .base import Problem, check_exact_limit
from .binary_program import BinaryProgram
from .exact import solve_milp
from .graphs import graph_arrays, graph_from_arrays, random_graph

MAX_EXACT_NODES = 200


class MaxCut(Problem):
    """MaxCut on an undirected networkx graph (edge attribute "weight", default 1).

    Decision bit i = side of the i-th node of `graph.nodes`. Unconstrained: no slack, and
    the Lagrangian form dualises nothing (it equals the QUBO)."""

    sense = "max"
    dualised = "nothing (unconstrained)"

    def __init__(self, graph, name=None, known_optimum=None):
        super().__init__(name, known_optimum)
        self.graph = graph
        self.n, self.edges, self.edge_weights = graph_arrays(graph)
        if self.n == 0:
            raise ValueError("graph must have at least one node, got 0")

    @property
    def n_decision(self) -> int:
        return self.n

    def binary_program(self) -> BinaryProgram:
        lin = np.zeros(self.n)
        np.add.at(lin, self.edges[:, 0], self.edge_weights)
        np.add.at(lin, self.edges[:, 1], self.edge_weights)
        quad = np.zeros((self.n, self.n))
        np.add.at(quad, (self.edges[:, 0], self.edges[:, 1]), -2.0 * self.edge_weights)
        return BinaryProgram("max", lin, quad, 0.0)

    def evaluate(self, solution) -> float:
        x = v.binary_vector("x", solution, self.n)
        cut = x[self.edges[:, 0]] != x[self.edges[:, 1]]
        return float(self.edge_weights @ cut)

    def is_feasible(self, solution) -> bool:
        v.binary_vector("x", solution, self.n)
        return True

    def solve_exact(self, time_limit: float | None = None):
        """(x, value) by HiGHS MILP with y_e = x_i XOR x_j linearised by four rows per
        edge (valid for weights of either sign); refuses n > 200."""
        check_exact_limit("number of nodes n", self.n, MAX_EXACT_NODES)
        n, k = self.n, self.edges.shape[0]
        A = np.zeros((4 * k, n + k))
        b = np.zeros(4 * k)
        for e, (i, j) in enumerate(self.edges):
            y = n + e
            # y <= x_i + x_j ; y <= 2 - x_i - x_j ; y >= x_i - x_j ; y >= x_j - x_i
            A[4 * e, [y, i, j]] = [1, -1, -1]
            A[4 * e + 1, [y, i, j]] = [1, 1, 1]
            b[4 * e + 1] = 2
            A[4 * e + 2, [y, i, j]] = [-1, 1, -1]
            A[4 * e + 3, [y, i, j]] = [-1, -1, 1]
        c = np.concatenate([np.zeros(n), self.edge_weights])
        x, value = solve_milp(c, A_ub=A, b_ub=b, sense="max", time_limit=time_limit)
        return x[:n].astype(np.uint8), value

    @classmethod
    def random(cls, n: int, p: float | None = None, d: int | None = None, weighted: bool = False,
               seed=None) -> "MaxCut":
        """G(n, p) or random d-regular graph (networkx, seeded); weighted: edge weights
        uniform in [0, 1) from numpy's default_rng(seed)."""
        graph = random_graph(n, p=p, d=d, seed=seed)
        if weighted:
            rng = np.random.default_rng(seed)
            for a, b in graph.edges:
                graph[a][b]["weight"] = float(rng.random())
        return cls(graph, name=f"maxcut_n{n}_{'p' + str(p) if p is not None else 'd' + str(d)}_seed{seed}")

    def _data(self) -> dict:
        return {"n": self.n, "edges": self.edges.tolist(), "weights": self.edge_weights.tolist()}

    @classmethod
    def _from_data(cls, data):
        return cls(graph_from_arrays(data["n"], data["edges"], data["weights"]))
