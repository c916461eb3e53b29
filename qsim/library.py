"""Standard circuits and Hamiltonians used by examples and benchmarks."""

from __future__ import annotations

from qsim.circuit import Circuit
from qsim.observables import PauliSum
from qsim.parameters import ParameterVector


def rotation_layers(num_qubits: int, layers: int, name: str = "theta") -> Circuit:
    """`layers` times: RX, RY, RZ on every qubit (each its own parameter), then a CNOT
    ladder cx(0,1), cx(1,2), ... The random-circuit workload of the benchmarks;
    3 * num_qubits * layers parameters."""
    theta = ParameterVector(name, 3 * num_qubits * layers)
    c = Circuit(num_qubits)
    k = 0
    for _ in range(layers):
        for q in range(num_qubits):
            c.rx(theta[k], q).ry(theta[k + 1], q).rz(theta[k + 2], q)
            k += 3
        for q in range(num_qubits - 1):
            c.cx(q, q + 1)
    return c


def hardware_efficient(num_qubits: int, reps: int, name: str = "theta") -> Circuit:
    """`reps` times an RY layer and a CNOT ladder, then a final RY layer;
    num_qubits * (reps + 1) parameters."""
    theta = ParameterVector(name, num_qubits * (reps + 1))
    c = Circuit(num_qubits)
    for r in range(reps + 1):
        for q in range(num_qubits):
            c.ry(theta[r * num_qubits + q], q)
        if r < reps:
            for q in range(num_qubits - 1):
                c.cx(q, q + 1)
    return c


def transverse_field_ising(num_qubits: int, field: float = 1.0, coupling: float = 1.0) -> PauliSum:
    """H = -coupling sum_i Z_i Z_{i+1} - field sum_i X_i on an open chain."""
    terms = [(f"Z{i} Z{i + 1}", -coupling) for i in range(num_qubits - 1)]
    terms += [(f"X{i}", -field) for i in range(num_qubits)]
    return PauliSum(terms, num_qubits=num_qubits)
