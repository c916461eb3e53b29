"""Gate counts of a circuit decomposed to one-qubit gates and CX, the way a device runs it.

One-qubit gates count one each; CX one CX; CZ one CX between two H; RZZ one RZ between two
CX; RXX and RYY an RZZ between basis changes on both qubits (H, or RX(+-pi/2)); CRY two CX
with RY(+-theta/2) on the target; SWAP three CX. A diagonal evolution exp(-i gamma D) counts as the Pauli-Z terms of D
(its Walsh-Hadamard coefficients, |c| above 1e-9 of the largest): a term on w qubits is an RZ
between two CX ladders of w - 1 CX each, so an Ising cost counts RZ per field and RZZ per
coupling. Depth is that of the decomposed circuit, every gate as early as its qubits allow.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from qsim import GATES

TERM_TOL = 1e-9

# two-qubit gate -> its layers (as qubit positions within the gate) in the CX decomposition
_BASIS_RZZ = ((0,), (1,), (0, 1), (1,), (0, 1), (0,), (1,))
_TWO_QUBIT = {"cx": ((0, 1),), "cz": ((1,), (0, 1), (1,)), "rzz": ((0, 1), (1,), (0, 1)),
              "rxx": _BASIS_RZZ, "ryy": _BASIS_RZZ, "cry": ((1,), (0, 1), (1,), (0, 1)),
              "swap": ((0, 1), (0, 1), (0, 1))}


class GateCounts(NamedTuple):
    depth: int
    one_qubit: int
    two_qubit: int


def z_terms(values: np.ndarray) -> list[tuple[int, ...]]:
    """The qubit sets (bit positions) of the non-zero Pauli-Z terms of a diagonal of 2^k values."""
    c = np.asarray(values, dtype=np.float64).copy()
    k = c.size.bit_length() - 1
    for bit in range(k):  # Walsh-Hadamard transform: c_S = 2^-k sum_x (-1)^{|x & S|} D(x)
        c = c.reshape(-1, 2, 1 << bit)
        c = np.concatenate([c[:, 0] + c[:, 1], c[:, 0] - c[:, 1]], axis=1).reshape(-1)
    c /= c.size
    masks = np.flatnonzero(np.abs(c) > TERM_TOL * max(float(np.abs(c[1:]).max(initial=0.0)), 1e-300))
    return [tuple(b for b in range(k) if (m >> b) & 1) for m in masks.tolist() if m]


def _layers(inst) -> list[tuple[int, ...]]:
    """The decomposed gates of one instruction, each as the qubits it acts on."""
    if inst.name == "diagonal_evolution":
        out = []
        for term in z_terms(inst.data):
            qubits = [inst.qubits[b] for b in term]
            ladder = [(qubits[i], qubits[i + 1]) for i in range(len(qubits) - 1)]
            out += ladder + [(qubits[-1],)] + ladder[::-1]
        return out
    if len(inst.qubits) == 1:
        return [inst.qubits]
    if inst.name in _TWO_QUBIT:
        return [tuple(inst.qubits[i] for i in layer) for layer in _TWO_QUBIT[inst.name]]
    known = sorted(n for n, g in GATES.items() if g.num_qubits == 1) + sorted(_TWO_QUBIT) + ["diagonal_evolution"]
    raise ValueError(f"gate counts: no CX decomposition for {inst.name!r}; known: {', '.join(known)}")


def gate_counts(circuit) -> GateCounts:
    """(depth, one-qubit gates, CX) of ``circuit`` decomposed as the module says."""
    level = [0] * circuit.num_qubits
    one = two = 0
    for inst in circuit:
        for qubits in _layers(inst):
            d = 1 + max(level[q] for q in qubits)
            for q in qubits:
                level[q] = d
            one += len(qubits) == 1
            two += len(qubits) == 2
    return GateCounts(max(level, default=0), one, two)
