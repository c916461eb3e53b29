"""Converters between qsim and other toolkits; Qiskit's come with the ``[interop]`` extra.

    from qsim.interop import from_qiskit, to_qiskit, pauli_sum_from_qiskit, pauli_sum_to_qiskit

Qubit order is the same on both sides: qubit i is bit i of a basis index, and in a Pauli
label the rightmost character acts on qubit 0.
"""

from qsim.interop.qiskit_circuits import from_qiskit, to_qiskit
from qsim.interop.qiskit_operators import pauli_sum_from_qiskit, pauli_sum_to_qiskit

__all__ = ["from_qiskit", "pauli_sum_from_qiskit", "pauli_sum_to_qiskit", "to_qiskit"]
