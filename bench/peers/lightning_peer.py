"""PennyLane-Lightning (lightning.qubit, the CPU C++ simulator).

Settings: device lightning.qubit with c_dtype complex128 (double) or complex64 (single);
QNodes with diff_method=None (no gradient bookkeeping); threads through OMP_NUM_THREADS,
set before import. Lightning has no gate fusion option and no density-matrix method, so it
takes part in the pure-state workloads only. PennyLane's wire 0 is the most significant bit:
qsim qubit q is wire n-1-q, so states come back in qsim's order. Variational loop: one QNode
returning qml.expval of the Hamiltonian, called with the new parameter vector (PennyLane
rebuilds its tape per call: that is what a Lightning user pays).
"""

from __future__ import annotations

import numpy as np
import pennylane as qml

from peers import Runner, angle, sparse_terms

NAME = "lightning"
SETTINGS = __doc__
_GATES = {"rx": qml.RX, "ry": qml.RY, "rz": qml.RZ, "cx": qml.CNOT, "h": qml.Hadamard}
_PAULIS = {"X": qml.PauliX, "Y": qml.PauliY, "Z": qml.PauliZ}


def configure(threads: int) -> None:
    """Lightning reads OMP_NUM_THREADS; compare.py sets it before import."""


def _device(n: int, precision: str = "double"):
    return qml.device("lightning.qubit", wires=n, c_dtype=np.complex128 if precision == "double" else np.complex64)


def _apply(ops, n: int, theta) -> None:
    for op in ops:
        a = angle(op, theta)
        wires = [n - 1 - q for q in op.qubits]
        _GATES[op.name](*(() if a is None else (a,)), wires=wires)


def _hamiltonian(n: int, terms):
    coeffs, observables = [], []
    for coeff, paulis in sparse_terms(terms):
        coeffs.append(coeff)
        observables.append(qml.prod(*[_PAULIS[p](n - 1 - q) for p, q in paulis]) if paulis else qml.Identity(0))
    return qml.Hamiltonian(coeffs, observables)


def statevector(ops, n, theta, precision):
    @qml.qnode(_device(n, precision), diff_method=None)
    def circuit():
        _apply(ops, n, theta)
        return qml.state()

    return Runner(circuit, np.asarray)


def variational(ops, n, terms, noise, thetas):
    if noise:
        raise NotImplementedError("Lightning has no density-matrix method")
    ham = _hamiltonian(n, terms)

    @qml.qnode(_device(n), diff_method=None)
    def energy(theta):
        _apply(ops, n, theta)
        return qml.expval(ham)

    return Runner(lambda: [float(energy(t)) for t in thetas], np.asarray)
