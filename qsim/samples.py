"""Samples: the result of measuring a state in the computational basis, shot by shot."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Samples(NamedTuple):
    """Sampling result: ``indices`` (uint64, one basis index per shot, in draw order) and
    ``counts`` ({bitstring: count}); bitstring character n-1-i is qubit i (Qiskit order)."""

    indices: np.ndarray
    counts: dict[str, int]


def counts_from_indices(indices: np.ndarray, num_qubits: int) -> dict[str, int]:
    """{Qiskit-order bitstring: number of shots} of the distinct basis indices drawn."""
    values, counts = np.unique(indices, return_counts=True)
    return {format(int(v), f"0{num_qubits}b"): int(c) for v, c in zip(values, counts)}
