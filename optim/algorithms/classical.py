"""The classical baselines through the same call: the exact optimum and simulated annealing.

"exact": ``problem.solve_exact()`` (HiGHS MILP, QAP branch and bound, Held-Karp), or brute
force for a bare QUBO. "annealing": ``problems.simulated_annealing`` on the penalty QUBO.
Neither simulates a state: their probabilities are None, gate counts 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from problems import brute_force_minimum, simulated_annealing

from .._records import Record
from ..minimizers._checks import integer
from ..target import bit_rows


@dataclass(frozen=True)
class ExactOptions(Record):
    """No options."""


@dataclass(frozen=True)
class AnnealingOptions(Record):
    """sweeps >= 1 per read, reads >= 1 (independent restarts)."""

    sweeps: int = 1000
    reads: int = 10

    def __post_init__(self):
        object.__setattr__(self, "sweeps", integer("sweeps", self.sweeps, minimum=1))
        object.__setattr__(self, "reads", integer("reads", self.reads, minimum=1))


def _classical(target, bits: np.ndarray) -> dict:
    bits = np.asarray(bits, dtype=np.uint8)
    return {"raw": bits, "final": bits, "success_probability": None, "feasible_probability": None,
            "expected_approximation_ratio": None, "energy": float(target.qubo.energy(bits[None, :])[0]), "depth": 0,
            "n_one_qubit_gates": 0, "n_two_qubit_gates": 0, "n_parameters": 0, "nfev": 0, "simulation_time": 0.0,
            "history": []}


def solve_exact(target, options: ExactOptions, simulator, optimizer, seeds) -> dict:
    if target.problem is None:
        index = brute_force_minimum(target.qubo.Q, target.qubo.offset)[1]
        return _classical(target, bit_rows([index], target.n_qubits)[0])
    solution, _ = target.problem.solve_exact()
    return _classical(target, target.problem.encode(solution))


def solve_annealing(target, options: AnnealingOptions, simulator, optimizer, seeds) -> dict:
    result = simulated_annealing(target.qubo.Q, target.qubo.offset, sweeps=options.sweeps, reads=options.reads,
                                 seed=seeds.integer("classical") % 2**31)
    return _classical(target, result.bits)
