"""The cost a variational solver minimises: the expectation or CVaR_alpha of a diagonal
energy (one value per basis index, qubit i = bit i), exactly from the state or from shots.

CVaR_alpha (Barkoutsos et al., arXiv 1907.04769) is the mean of the lowest alpha fraction of
the energy distribution: with the energies sorted ascending, E_1 <= E_2 <= ..., and their
probabilities p_k, CVaR_alpha = (1 / alpha) [sum_{k < K} p_k E_k + (alpha - sum_{k < K} p_k) E_K]
for the first K whose cumulative probability reaches alpha; alpha = 1 is the expectation.
From shots each shot has probability 1 / shots. The energies are sorted once per solve, so
an exact evaluation costs one gather and one cumulative sum over the 2^n probabilities.
"""

from __future__ import annotations

import time

import numpy as np

from qsim import DiagonalObservable


def cvar(sorted_energies: np.ndarray, probabilities: np.ndarray, alpha: float) -> float:
    """CVaR_alpha of energies sorted ascending with their probabilities (see the module)."""
    cumulative = np.cumsum(probabilities)
    K = min(int(np.searchsorted(cumulative, alpha * cumulative[-1])), sorted_energies.size - 1)
    below = cumulative[K - 1] if K else 0.0
    head = float(probabilities[:K] @ sorted_energies[:K]) if K else 0.0
    return (head + (alpha * cumulative[-1] - below) * float(sorted_energies[K])) / (alpha * cumulative[-1])


class EnergyCost:
    """cost(program, theta, seed) -> (value, shot indices or None). alpha None: the
    expectation; else CVaR_alpha in (0, 1]. shots None: exact (readout error included when
    the noise model has it); else from ``shots`` measurements drawn with ``seed``.
    ``simulation_time`` sums the seconds spent in the simulator."""

    def __init__(self, energies: np.ndarray, *, alpha: float | None, shots: int | None, readout: bool):
        self.energies, self.alpha, self.shots, self.readout = energies, alpha, shots, readout
        self.observable = DiagonalObservable(energies)
        self.order = np.argsort(energies, kind="stable") if alpha is not None and shots is None else None
        self.simulation_time = 0.0

    def __call__(self, program, theta: np.ndarray, seed: int) -> tuple[float, np.ndarray | None]:
        start = time.perf_counter()
        if self.shots is not None:
            indices = program.sample(theta, self.shots, seed).indices
            self.simulation_time += time.perf_counter() - start
            values = self.energies[indices.astype(np.int64)]
            if self.alpha is None:
                return float(values.mean()), indices
            return cvar(np.sort(values), np.full(values.size, 1.0 / values.size), self.alpha), indices
        if self.alpha is None:
            value = program.expectation(theta, self.observable, readout=self.readout)
            self.simulation_time += time.perf_counter() - start
            return float(value), None
        p = program.probabilities(theta)
        self.simulation_time += time.perf_counter() - start
        return cvar(self.energies[self.order], p[self.order], self.alpha), None
