"""Pauli correlation encoding (PCE, Sciorilli et al., arXiv 2401.09421) of an Ising model:
its m nodes on n qubits, node i read from a k-body Pauli correlator Pi_i.

Graph: the Ising model E = offset + h.z + sum_{i<j} J_ij z_i z_j (z_i = 1 - 2 x_i) as a
weighted graph, edge (i, j) of weight J_ij; with linear terms, an anchor node a (index
n_vars) joined to every i by weight h_i, so E = offset + sum_edges W_e z_i z_j at z_a = +1
(the study's code: a weighted MaxCut with an anchor node). E is unchanged when every z
flips, so the anchor's sign fixes the gauge.
Correlators: node i = p C(n, k) + s is Pi_i = P on every qubit of the s-th k-subset of
itertools.combinations(range(n), k) (P = "XYZ"[p]), so n qubits hold m <= 3 C(n, k) nodes;
the default n is the smallest with 3 C(n, k) >= m.
Rounding: z_i = sgn <Pi_i> (+1 at 0); variable i is the bit (1 - z_i z_a) / 2.
Regulariser weight (the paper's, for a weighted graph): nu = w(G) / 2 + w(T) / 4, w(G) the
sum of |W_e| and w(T) that of a minimum spanning tree (forest) of the |W_e|; for unit
weights on a connected graph, |E| / 2 + (m - 1) / 4.
"""

from __future__ import annotations

from itertools import combinations
from math import comb

import networkx as nx
import numpy as np

from qsim import PauliSum

from ..minimizers._checks import integer

PAULIS = "XYZ"


def smallest_qubits(m: int, k: int) -> int:
    """The smallest n >= k with 3 C(n, k) >= m."""
    n = k
    while 3 * comb(n, k) < m:
        n += 1
    return n


def ising_graph(h: np.ndarray, J: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """(nodes, i, j, W): the graph of the module docstring, edges with W_e != 0, anchor
    (node len(h)) only when some h_i != 0."""
    i, j = np.nonzero(np.triu(J, 1))
    weights = J[i, j]
    linear = np.flatnonzero(h)
    if linear.size:
        anchor = np.full(linear.size, len(h))
        i, j, weights = np.concatenate([i, linear]), np.concatenate([j, anchor]), np.concatenate([weights, h[linear]])
    nodes = len(h) + (1 if linear.size else 0)
    return nodes, i.astype(np.int64), j.astype(np.int64), weights.astype(np.float64)


class PceEncoding:
    """The encoding of one Ising model (h, J, offset) with k-body correlators on n_qubits
    qubits (None: the smallest that holds the nodes); ValueError naming k or n_qubits when
    they cannot hold them."""

    def __init__(self, h, J, offset: float, *, k: int, n_qubits: int | None = None):
        h, J = np.asarray(h, dtype=np.float64), np.asarray(J, dtype=np.float64)
        self.n_vars, self.offset = len(h), float(offset)
        self.nodes, self.i, self.j, self.weights = ising_graph(h, J)
        self.anchored = self.nodes > self.n_vars
        self.k = integer("k", k, minimum=1)
        if n_qubits is None:
            n_qubits = smallest_qubits(self.nodes, self.k)
        self.n_qubits = integer("n_qubits", n_qubits, minimum=1)
        if self.k > self.n_qubits:
            raise ValueError(f"k = {self.k} exceeds n_qubits = {self.n_qubits}: a k-body correlator needs k qubits")
        capacity = 3 * comb(self.n_qubits, self.k)
        if capacity < self.nodes:
            raise ValueError(f"n_qubits = {self.n_qubits} with k = {self.k} holds 3 C(n, k) = {capacity} nodes; "
                             f"the problem has {self.nodes}")
        subsets = list(combinations(range(self.n_qubits), self.k))
        self.observables = [
            PauliSum([(" ".join(f"{PAULIS[node // len(subsets)]}{q}" for q in subsets[node % len(subsets)]), 1.0)],
                     num_qubits=self.n_qubits)
            for node in range(self.nodes)]
        graph = nx.Graph()
        graph.add_nodes_from(range(self.nodes))
        graph.add_weighted_edges_from(zip(self.i.tolist(), self.j.tolist(), np.abs(self.weights).tolist()))
        tree = nx.minimum_spanning_tree(graph).size(weight="weight")
        self.nu = float(np.abs(self.weights).sum()) / 2 + float(tree) / 4

    def relaxed_energy(self, t: np.ndarray) -> float:
        """offset + sum_e W_e t_i t_j: the Ising energy at relaxed spins t (one per node)."""
        return self.offset + float(self.weights @ (t[self.i] * t[self.j]))

    def round(self, correlators: np.ndarray) -> np.ndarray:
        """The bits (uint8, entry i = variable i) of the correlators' signs (see the module)."""
        z = np.where(np.asarray(correlators) >= 0.0, 1, -1)
        if self.anchored:
            z = z * z[self.n_vars]
        return ((1 - z[:self.n_vars]) // 2).astype(np.uint8)
