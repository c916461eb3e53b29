"""Quantum random access encodings (QRAO, Fuller et al., arXiv 2111.03167) of an Ising model
and its relaxed Hamiltonian.

An (q,1) encoding puts up to q variables on one qubit, variable i as the Pauli P_i of its
qubit: (3,1) X, Y, Z; (2,1) X, Z; (1,1) Z. Variables that share a qubit must not interact,
so they come from one colour class of a greedy colouring of the interaction graph (node i,
edge (i, j) where J_ij != 0; networkx.greedy_color, "largest_first"): class by class (colour
0 first), in ascending variable order, each class cut into chunks of q, one qubit per chunk
(so n_qubits = sum over classes of ceil(|class| / q)). Within a chunk, position p is
Pauli "XYZ" / "XZ" / "Z"[p].
Relaxed Hamiltonian: every z_i -> sqrt(q) P_i in E = offset + h.z + sum J_ij z_i z_j, that is
H = offset I + sum_i sqrt(q) h_i P_i + sum_{i<j} q J_ij P_i P_j. The QRAC product state of a
bitstring x, each qubit (I + sum_{i on it} (-1)^{x_i} P_i / sqrt(q)) / 2, has <H> = E(x)
(variables on different qubits are uncorrelated; interacting ones never share one), so the
ground energy of H is at most the minimum of E.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from qsim import PauliSum

AXES = {"(3,1)": "XYZ", "(2,1)": "XZ", "(1,1)": "Z"}
ENCODINGS = tuple(AXES)


class QraoEncoding:
    """The encoding ``name`` (one of ENCODINGS) of the Ising model (h, J, offset): per
    variable its ``qubit`` and ``position`` (index into ``axes``), ``n_qubits``, the
    relaxed ``hamiltonian`` (a PauliSum, offset included) and the single-Pauli
    ``variable_observables`` (P_i, one per variable)."""

    def __init__(self, h, J, offset: float, name: str):
        h, J = np.asarray(h, dtype=np.float64), np.asarray(J, dtype=np.float64)
        self.name, self.axes = name, AXES[name]
        q, m = len(self.axes), len(h)
        graph = nx.Graph()
        graph.add_nodes_from(range(m))
        graph.add_edges_from(zip(*(a.tolist() for a in np.nonzero(np.triu(J, 1)))))
        self.colours = nx.greedy_color(graph, strategy="largest_first")
        self.qubit, self.position = np.zeros(m, dtype=np.int64), np.zeros(m, dtype=np.int64)
        n = 0
        for colour in sorted(set(self.colours.values())):
            members = sorted(i for i, c in self.colours.items() if c == colour)
            for start in range(0, len(members), q):
                chunk = members[start:start + q]
                self.qubit[chunk], self.position[chunk] = n, np.arange(len(chunk))
                n += 1
        self.n_qubits = n
        self.variable_observables = [PauliSum([(self._pauli(i), 1.0)], num_qubits=n) for i in range(m)]
        terms = [("I" * n, float(offset))]
        terms += [(self._pauli(i), np.sqrt(q) * h[i]) for i in np.flatnonzero(h)]
        terms += [(f"{self._pauli(i)} {self._pauli(j)}", q * J[i, j]) for i, j in zip(*np.nonzero(np.triu(J, 1)))]
        self.hamiltonian = PauliSum(terms, num_qubits=n)

    def _pauli(self, i: int) -> str:
        return f"{self.axes[self.position[i]]}{self.qubit[i]}"
