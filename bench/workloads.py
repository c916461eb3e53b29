"""Benchmark workloads shared by the pytest-benchmark suites and bench/compare.py."""

from __future__ import annotations

import numpy as np

from qsim import NoiseModel, PauliSum, noise
from qsim.library import rotation_layers


def random_pauli_sum(n: int, terms: int, seed: int) -> PauliSum:
    """`terms` random Pauli strings on n qubits with normal coefficients."""
    rng = np.random.default_rng(seed)
    labels = ["".join(rng.choice(list("IXYZ"), size=n)) for _ in range(terms)]
    return PauliSum([(lab, float(c)) for lab, c in zip(labels, rng.normal(size=terms))])


def noisy_layers(n: int, layers: int = 10, p1: float = 1e-3, p2: float = 1e-2, seed: int = 0):
    """The noisy workload: `layers` of RX, RY, RZ on every qubit + a CNOT ladder, with
    depolarizing noise after every gate (p1 one-qubit, p2 two-qubit, Cirq convention), a
    random 50-term PauliSum and random angles. Returns (circuit, noise_model, obs, theta)."""
    circuit = rotation_layers(n, layers)
    nm = NoiseModel().add(noise.depolarizing(p1), gates=["rx", "ry", "rz"]).add(noise.depolarizing(p2, 2), gates=["cx"])
    theta = np.random.default_rng(seed).uniform(-np.pi, np.pi, circuit.num_parameters)
    return circuit, nm, random_pauli_sum(n, 50, seed), theta
