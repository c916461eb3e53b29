"""Qulacs (CPU build from PyPI, double precision only).

Settings: QuantumState / DensityMatrix; pure-state circuits are fused with
QuantumCircuitOptimizer().optimize(circuit, 2) (dense blocks of up to 2 qubits, its
best setting for these circuits), outside the timing; threads through OMP_NUM_THREADS,
set before import (Qulacs parallelises above its own threshold of 13 qubits). Noise:
DepolarizingNoise(q, p) and TwoQubitDepolarizingNoise(q0, q1, p), which use Cirq's p (each
non-identity Pauli with p/3, p/15), applied as channels on the DensityMatrix. Energies:
Observable.get_expectation_value. Variational loop: a ParametricQuantumCircuit built once;
per call, set_parameter for each rotation, reset the state, update_quantum_state,
get_expectation_value. Qulacs' rotations are exp(+i t P / 2), so every angle is negated.
Qulacs' density matrix only up to n = 10 (issue 5).
"""

from __future__ import annotations

import numpy as np
from qulacs import DensityMatrix, Observable, ParametricQuantumCircuit, QuantumCircuit, QuantumState
from qulacs.circuit import QuantumCircuitOptimizer
from qulacs.gate import CNOT, RX, RY, RZ, DepolarizingNoise, H, TwoQubitDepolarizingNoise

from peers import Runner, angle, gate_angles, sparse_terms

NAME = "qulacs"
SETTINGS = __doc__
MAX_QUBITS = {"noisy": 10}
_GATES = {"rx": RX, "ry": RY, "rz": RZ}


def configure(threads: int) -> None:
    """Qulacs reads OMP_NUM_THREADS at import; compare.py sets it before."""


def _add_ops(circuit, ops, theta, noise, parametric: bool = False) -> None:
    for op in ops:
        if op.name == "cx":
            circuit.add_gate(CNOT(*op.qubits))
        elif op.name == "h":
            circuit.add_gate(H(op.qubits[0]))
        elif parametric and op.index is not None and op.index >= 0:
            getattr(circuit, f"add_parametric_{op.name.upper()}_gate")(op.qubits[0], 0.0)
        else:
            circuit.add_gate(_GATES[op.name](op.qubits[0], -angle(op, theta)))
        if noise and len(op.qubits) == 1:
            circuit.add_gate(DepolarizingNoise(op.qubits[0], noise[0]))
        elif noise:
            circuit.add_gate(TwoQubitDepolarizingNoise(*op.qubits, noise[1]))


def _observable(n: int, terms) -> Observable:
    obs = Observable(n)
    for coeff, paulis in sparse_terms(terms):
        obs.add_operator(coeff, " ".join(f"{p} {q}" for p, q in paulis))
    return obs


def _state(n: int, noise):
    return DensityMatrix(n) if noise else QuantumState(n)


def statevector(ops, n, theta, precision):
    if precision != "double":
        raise NotImplementedError("Qulacs' PyPI build is double precision only")
    circuit = QuantumCircuit(n)
    _add_ops(circuit, ops, theta, None)
    QuantumCircuitOptimizer().optimize(circuit, 2)
    state = QuantumState(n)

    def run():
        state.set_zero_state()
        circuit.update_quantum_state(state)
        return state

    return Runner(run, lambda s: s.get_vector())


def noisy_energy(ops, n, theta, terms, noise):
    circuit = QuantumCircuit(n)
    _add_ops(circuit, ops, theta, noise)
    obs, state = _observable(n, terms), DensityMatrix(n)

    def run():
        state.set_zero_state()
        circuit.update_quantum_state(state)
        return obs.get_expectation_value(state)

    return Runner(run)


def variational(ops, n, terms, noise, thetas):
    circuit = ParametricQuantumCircuit(n)
    _add_ops(circuit, ops, None, noise, parametric=True)
    obs, state = _observable(n, terms), _state(n, noise)
    count = circuit.get_parameter_count()

    def loop():
        out = []
        for t in thetas:
            for k, a in enumerate(gate_angles(ops, t)):
                circuit.set_parameter(k, -a)
            state.set_zero_state()
            circuit.update_quantum_state(state)
            out.append(obs.get_expectation_value(state))
        return out

    assert count == len(gate_angles(ops, thetas[0]))
    return Runner(loop, np.asarray)
