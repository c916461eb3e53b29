"""VQE and CVaR-VQE on a target's diagonal energy, with a hardware-efficient ansatz.

Ansatz: ``qsim.library.efficient_su2`` (Qiskit's EfficientSU2: RY or RY+RZ layers, linear,
circular or full CX entanglement, reps); the study's default RY+RZ, circular, 3 reps. Start:
theta ~ U[0, 2 pi) from the seed (as the study's code). Cost: the expectation of the QUBO
energy (VQE) or its CVaR_alpha (CVaR-VQE, Barkoutsos et al., arXiv 1907.04769; the study's
alpha 0.25), exact or from shots (optim.cost).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qsim.library import ENTANGLEMENTS, ROTATIONS, efficient_su2

from .._records import choice
from ..minimizers._checks import integer, real
from ..readout import ReadoutOptions
from .variational import compile_program, energy_cost, finish, optimise


@dataclass(frozen=True)
class VqeOptions(ReadoutOptions):
    """rotations: "ry" or "ry+rz". entanglement: "linear", "circular" or "full". reps >= 0
    (entangling layers). readout, readout_shots: see optim.readout."""

    rotations: str = "ry+rz"
    entanglement: str = "circular"
    reps: int = 3

    def __post_init__(self):
        super().__post_init__()
        choice("rotations", self.rotations, ROTATIONS)
        choice("entanglement", self.entanglement, ENTANGLEMENTS)
        object.__setattr__(self, "reps", integer("reps", self.reps, minimum=0))


@dataclass(frozen=True)
class CvarVqeOptions(VqeOptions):
    """VqeOptions and alpha in (0, 1], the fraction of lowest energies averaged (1: VQE)."""

    alpha: float = 0.25

    def __post_init__(self):
        super().__post_init__()
        object.__setattr__(self, "alpha", real("alpha", self.alpha, minimum=0.0, maximum=1.0, strict_minimum=True))


def solve_vqe(target, options: VqeOptions, simulator, optimizer, seeds) -> dict:
    circuit = efficient_su2(target.n_qubits, options.reps, rotations=options.rotations,
                            entanglement=options.entanglement)
    program = compile_program(circuit, simulator, seeds)
    cost = energy_cost(target, simulator, getattr(options, "alpha", None))
    x0 = seeds.generator("initial").uniform(0.0, 2.0 * np.pi, program.num_parameters)
    run = optimise(program, cost, x0, optimizer, seeds.integer("optimizer"), seeds.generator("shots"))
    return finish(target, circuit, program, run, cost, options, seeds)
