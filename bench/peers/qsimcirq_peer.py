"""qsimcirq (Google's qsim through Cirq; its CPU state vector is complex64 only).

Settings: QSimSimulator with QSimOptions(max_fused_gate_size=4, cpu_threads=<threads>)
(fusion into dense blocks of up to 4 qubits, the size qsim recommends for AVX CPUs;
qsimcirq's default is 2). Circuits are built once outside the timing; a run is
simulate(circuit) returning the final state. Cirq's first qubit in qubit_order is the most
significant bit, so the order is reversed to match qsim's. It takes part in the
single-precision random circuit and in QAOA (<C> as costs . |psi|^2 with the cost vector
built once, as for QOKit and qsim); it has no density-matrix method.
"""

from __future__ import annotations

import cirq
import numpy as np
import qsimcirq

from peers import Runner, angle

NAME = "qsimcirq"
SETTINGS = __doc__
_threads = 1
_GATES = {"rx": cirq.rx, "ry": cirq.ry, "rz": cirq.rz}


def configure(threads: int) -> None:
    global _threads
    _threads = threads


def _simulator() -> qsimcirq.QSimSimulator:
    return qsimcirq.QSimSimulator(qsim_options=qsimcirq.QSimOptions(max_fused_gate_size=4, cpu_threads=_threads))


def _gate(op, qubits, theta):
    q = [qubits[k] for k in op.qubits]
    if op.name == "cx":
        return cirq.CNOT(*q)
    if op.name == "h":
        return cirq.H(*q)
    return _GATES[op.name](angle(op, theta)).on(*q)


def _simulate(circuit, qubits):
    sim, order = _simulator(), list(reversed(qubits))
    return lambda: sim.simulate(circuit, qubit_order=order).final_state_vector


def statevector(ops, n, theta, precision):
    if precision != "single":
        raise NotImplementedError("qsimcirq's CPU state vector is complex64 only")
    qubits = cirq.LineQubit.range(n)
    circuit = cirq.Circuit(_gate(op, qubits, theta) for op in ops)
    return Runner(_simulate(circuit, qubits))


def qaoa(n, edges, costs, gammas, betas, precision):
    if precision != "single":
        raise NotImplementedError("qsimcirq's CPU state vector is complex64 only")
    qubits = cirq.LineQubit.range(n)
    circuit = cirq.Circuit(cirq.H.on_each(*qubits))
    for g, b in zip(gammas, betas):
        # exp(-i g C / 2) with C = -|E|/2 + sum z_i z_j / 2: exp(-i (g/4) Z_i Z_j) per edge
        circuit += cirq.Circuit(cirq.ZZPowGate(exponent=g / (2 * np.pi), global_shift=-0.5).on(qubits[i], qubits[j]) for i, j in edges)
        circuit += cirq.Circuit(cirq.rx(2 * b).on_each(*qubits))
    state = _simulate(circuit, qubits)
    return Runner(lambda: float(np.dot(costs, np.abs(state()) ** 2)))
