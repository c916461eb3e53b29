"""The cost a variational solver minimises: the expectation or CVaR_alpha of a diagonal
energy (one value per basis index, qubit i = bit i), exactly from the state or from shots.

CVaR_alpha (Barkoutsos et al., arXiv 1907.04769) is the mean of the lowest alpha fraction of
the energy distribution: with the energies sorted ascending, E_1 <= E_2 <= ..., and their
probabilities p_k, CVaR_alpha = (1 / alpha) [sum_{k < K} p_k E_k + (alpha - sum_{k < K} p_k) E_K]
for the first K whose cumulative probability reaches alpha; alpha = 1 is the expectation.
From shots each shot has probability 1 / shots. Both are qsim.cvar / qsim.cvar_of_samples:
a selection in C++ (expected linear time), never a sort.
"""

from __future__ import annotations

import time

import numpy as np

from qsim import DiagonalObservable, cvar, cvar_of_samples


class EnergyCost:
    """cost(program, theta, seed) -> (value, shot indices or None). alpha None: the
    expectation; else CVaR_alpha in (0, 1]. shots None: exact (readout error included when
    the noise model has it); else from ``shots`` measurements drawn with ``seed``.
    ``simulation_time`` sums the seconds spent in the simulator."""

    def __init__(self, energies: np.ndarray, *, alpha: float | None, shots: int | None, readout: bool):
        self.energies, self.alpha, self.shots, self.readout = energies, alpha, shots, readout
        self.observable = DiagonalObservable(energies)
        self.simulation_time = 0.0

    def __call__(self, program, theta: np.ndarray, seed: int) -> tuple[float, np.ndarray | None]:
        start = time.perf_counter()
        if self.shots is not None:
            indices = program.sample(theta, self.shots, seed).indices
            self.simulation_time += time.perf_counter() - start
            if self.alpha is None:
                return float(self.energies[indices.astype(np.int64)].mean()), indices
            return cvar_of_samples(self.energies, indices, self.alpha), indices
        if self.alpha is None:
            value = program.expectation(theta, self.observable, readout=self.readout)
            self.simulation_time += time.perf_counter() - start
            return float(value), None
        p = program.probabilities(theta)
        self.simulation_time += time.perf_counter() - start
        return cvar(self.energies, p, self.alpha), None
