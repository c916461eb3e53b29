"""Qiskit SparsePauliOp <-> qsim PauliSum. Labels mean the same on both sides (the
rightmost character acts on qubit 0); coefficients must be real."""

from __future__ import annotations

import numpy as np

from qsim.interop._qiskit import SparsePauliOp
from qsim.observables import PauliSum


def pauli_sum_from_qiskit(op) -> PauliSum:
    """The PauliSum of a SparsePauliOp with real (numeric) coefficients."""
    if not isinstance(op, SparsePauliOp):
        raise TypeError(f"expected a qiskit SparsePauliOp, got {type(op).__name__}")
    if op.coeffs.dtype == object:
        raise TypeError("the SparsePauliOp has parametrised coefficients; bind them first (op.assign_parameters)")
    return PauliSum(op.to_list(), num_qubits=op.num_qubits)


def pauli_sum_to_qiskit(obs: PauliSum):
    """The SparsePauliOp of a PauliSum (terms in the PauliSum's order)."""
    if not isinstance(obs, PauliSum):
        raise TypeError(f"expected a qsim PauliSum, got {type(obs).__name__}")
    terms = obs.to_list()
    if not terms:
        return SparsePauliOp("I" * obs.num_qubits, coeffs=np.zeros(1))
    return SparsePauliOp.from_list(terms, num_qubits=obs.num_qubits)
