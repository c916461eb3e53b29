"""Multi-angle QAOA (Herrman et al., arXiv 2109.11455) on a target's Ising cost.

Circuit: ``qsim.library.ma_qaoa`` of the scaled Ising model (as "qaoa", optim.algorithms.qaoa):
every cost term (RZ per field, RZZ per coupling) and every mixer qubit has its own angle in
every layer, so the cost layer is its gates, never one diagonal. theta = (gamma_{l,t}
layer-major over the T terms, beta_{l,q} layer-major over the n qubits), p (T + n) angles.
Start: QAOA's linear ramp, gamma_{l,t} = gamma_l and beta_{l,q} = beta_l (the QAOA circuit
of the ramp, which ma-QAOA contains). The cost: the expectation of the QUBO energy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qsim.library import ising_terms, ma_qaoa

from .qaoa import LayerOptions, linear_ramp, scaled_ising
from .variational import compile_program, energy_cost, finish, optimise


@dataclass(frozen=True)
class MaQaoaOptions(LayerOptions):
    """depth, ramp, readout, readout_shots: as for "qaoa" (optim.algorithms.qaoa.LayerOptions)."""


def multi_angle_ramp(depth: int, ramp: float, n_terms: int, n_qubits: int) -> np.ndarray:
    """The linear-ramp start spread over ma-QAOA's angles (see the module)."""
    gamma, beta = np.split(linear_ramp(depth, ramp), 2)
    return np.concatenate([np.repeat(gamma, n_terms), np.repeat(beta, n_qubits)])


def solve_ma_qaoa(target, options: MaQaoaOptions, simulator, optimizer, seeds) -> dict:
    ising = scaled_ising(target)
    circuit = ma_qaoa(ising, options.depth)
    program = compile_program(circuit, simulator, seeds)
    cost = energy_cost(target, simulator)
    x0 = multi_angle_ramp(options.depth, options.ramp, len(ising_terms(ising[0], ising[1])), target.n_qubits)
    run = optimise(program, cost, x0, optimizer, seeds.integer("optimizer"), seeds.generator("shots"))
    return finish(target, circuit, program, run, cost, options, seeds)
