"""Peer-simulator adapters for bench/compare.py, one module per peer.

Each adapter module defines NAME, SETTINGS (the exact settings it runs with, printed in
the report), ``configure(threads)`` (called once, after OMP_NUM_THREADS is set), and any
of these builders, each returning a ``Runner`` (a workload it lacks is skipped):

- ``statevector(ops, n, theta, precision)``: the final state, qubit 0 = least significant bit;
- ``noisy_energy(ops, n, theta, terms, noise)``: <H> after the noisy circuit (density matrix);
- ``variational(ops, n, terms, noise, thetas)``: <H> for each row of ``thetas``, one call each;
- ``qaoa(n, edges, costs, gammas, betas, precision)``: <C> after QAOA (|+> start, exp(-i gamma C / 2)
  cost layers with C = ``costs``, RX(2 beta) mixers).

``ops`` is the gate list of a qsim Circuit (see ``circuit_ops``); ``terms`` is a PauliSum's
``to_list()`` (Qiskit label order); ``noise`` is None or (p1, p2), depolarizing after every
one- and two-qubit gate in Cirq's convention (each non-identity Pauli with p / (4^k - 1)).
``MAX_QUBITS`` (optional) caps n per workload. A builder raises NotImplementedError for a
precision (or noise) its peer does not offer; the case is then left out for that peer.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

import numpy as np

from qsim.parameters import ParameterExpression

# display name -> module in this package, in table order
ADAPTERS = {
    "aer": "aer_peer",
    "qulacs": "qulacs_peer",
    "lightning": "lightning_peer",
    "qsimcirq": "qsimcirq_peer",
    "qokit": "qokit_peer",
}


class Op(NamedTuple):
    """One gate: name (rx, ry, rz, cx, h), qubits, and its angle as value + coeff * theta[index]
    (index -1: a fixed angle ``offset``; None: a gate without angle)."""

    name: str
    qubits: tuple
    index: int | None = None
    coeff: float = 0.0
    offset: float = 0.0


@dataclass
class Runner:
    """``run()`` is what gets timed; ``value(result)`` turns its result into numbers that
    are compared with qsim's (not timed)."""

    run: Callable[[], Any]
    value: Callable[[Any], Any] = lambda result: result


def circuit_ops(circuit) -> list[Op]:
    """The gates of a qsim Circuit as Ops (only the gates the workloads use)."""
    index = {p: k for k, p in enumerate(circuit.parameters)}
    ops = []
    for ins in circuit.instructions:
        if ins.name not in ("rx", "ry", "rz", "cx", "h"):
            raise ValueError(f"peers do not translate {ins.name!r}")
        if not ins.params:
            ops.append(Op(ins.name, ins.qubits))
            continue
        a = ins.params[0]
        if isinstance(a, ParameterExpression):
            ops.append(Op(ins.name, ins.qubits, index[a.parameter], a.coeff, a.offset))
        elif hasattr(a, "name") and a in index:  # a bare Parameter
            ops.append(Op(ins.name, ins.qubits, index[a], 1.0, 0.0))
        else:
            ops.append(Op(ins.name, ins.qubits, -1, 0.0, float(a)))
    return ops


def angle(op: Op, theta):
    """The op's angle for parameter values ``theta`` (numbers, or a peer's symbols)."""
    if op.index is None:
        return None
    if op.index < 0:
        return op.offset
    t = theta[op.index]
    if op.coeff == 1.0 and op.offset == 0.0:
        return t
    return op.coeff * t + op.offset


def gate_angles(ops: list[Op], theta: np.ndarray) -> np.ndarray:
    """The angles of the parametrised ops, in order, for numeric ``theta`` (vectorised)."""
    idx = np.array([op.index for op in ops if op.index is not None and op.index >= 0], dtype=np.int64)
    coeff = np.array([op.coeff for op in ops if op.index is not None and op.index >= 0])
    offset = np.array([op.offset for op in ops if op.index is not None and op.index >= 0])
    return coeff * np.asarray(theta)[idx] + offset


def sparse_terms(terms) -> list[tuple[float, list[tuple[str, int]]]]:
    """[(coeff, [(pauli, qubit), ...]), ...] from Qiskit-order dense labels (identities dropped)."""
    out = []
    for label, coeff in terms:
        n = len(label)
        out.append((float(coeff), [(ch, n - 1 - i) for i, ch in enumerate(label) if ch != "I"]))
    return out


def load(names) -> tuple[dict, list[str]]:
    """Imports the requested adapters; returns ({name: module}, notes on the absent ones)."""
    peers, notes = {}, []
    for name in names:
        if name not in ADAPTERS:
            notes.append(f"{name}: unknown peer (known: {', '.join(ADAPTERS)})")
            continue
        try:
            peers[name] = importlib.import_module(f"peers.{ADAPTERS[name]}")
        except Exception as exc:  # an absent or broken install: skip it with a note
            notes.append(f"{name}: skipped ({type(exc).__name__}: {exc})")
    return peers, notes
