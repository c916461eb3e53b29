"""QAOA (Farhi et al., arXiv 1411.4028) on a target's Ising cost.

Circuit: ``qsim.library.qaoa`` of the Ising model of ``target.qubo`` scaled so its largest
|h_i|, |J_ij| is 1 (angles then do not depend on the problem's units): |+>^n, then per
layer exp(-i gamma_l C / 2) as one diagonal evolution (as its RZ / RZZ gates when the
simulation is noisy, so the noise model follows each gate) and the X mixer
exp(-i beta_l sum X). theta = (gamma_0..gamma_{p-1}, beta_0..beta_{p-1}).
Start: the linear ramp gamma_l = ramp (l + 1/2) / p, beta_l = -ramp (1 - (l + 1/2) / p), a
discretised anneal from the mixer's ground state to C's: with the mixer exp(-i beta sum X)
and |+>^n the ground state of -sum X, gamma and beta of opposite signs lower <C>.
schedule "interp" (Zhou et al., arXiv 1812.01041): depths 1, 2, ..., p in turn, depth q + 1
started from the optimum u of depth q by u'_l = (l / q) u_{l-1} + ((q - l) / q) u_l
(u_{-1} = u_q = 0), each depth with the optimizer's whole budget.
The cost: the expectation of the QUBO energy (exact, or the mean over shots).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qsim.library import qaoa

from .._records import choice
from ..minimizers._checks import integer, real
from ..readout import ReadoutOptions
from .variational import compile_program, energy_cost, finish, optimise

SCHEDULES = ("fixed", "interp")


@dataclass(frozen=True)
class LayerOptions(ReadoutOptions):
    """The options every QAOA variant has. depth: p >= 1 (the study's 3). ramp: the linear
    ramp's scale (> 0). readout, readout_shots: see optim.readout."""

    depth: int = 3
    ramp: float = 0.75

    def __post_init__(self):
        super().__post_init__()
        object.__setattr__(self, "depth", integer("depth", self.depth, minimum=1))
        object.__setattr__(self, "ramp", real("ramp", self.ramp, minimum=0.0, strict_minimum=True))


@dataclass(frozen=True)
class QaoaOptions(LayerOptions):
    """LayerOptions and schedule: "fixed" (depth p from the ramp) or "interp"."""

    schedule: str = "fixed"

    def __post_init__(self):
        super().__post_init__()
        choice("schedule", self.schedule, SCHEDULES)


def linear_ramp(depth: int, ramp: float) -> np.ndarray:
    """(gamma, beta) of the linear-ramp start, concatenated."""
    t = (np.arange(depth) + 0.5) / depth
    return np.concatenate([ramp * t, -ramp * (1.0 - t)])


def interp(angles: np.ndarray) -> np.ndarray:
    """INTERP: the depth-(q + 1) start (gamma, beta) from a depth-q optimum (gamma, beta)."""
    q = angles.size // 2
    out = []
    for u in (angles[:q], angles[q:]):
        padded = np.concatenate([[0.0], u, [0.0]])
        l = np.arange(q + 1)
        out.append(l / q * padded[l] + (q - l) / q * padded[l + 1])
    return np.concatenate(out)


def scaled_ising(target) -> tuple[np.ndarray, np.ndarray, float]:
    """The target's Ising model divided by its largest |h_i|, |J_ij| (offset dropped)."""
    h, J, _ = target.ising
    scale = max(float(np.abs(h).max(initial=0.0)), float(np.abs(J).max(initial=0.0))) or 1.0
    return h / scale, J / scale, 0.0


def solve_qaoa(target, options: QaoaOptions, simulator, optimizer, seeds) -> dict:
    return solve_layers(target, options, simulator, optimizer, seeds, qaoa)


def solve_layers(target, options: QaoaOptions, simulator, optimizer, seeds, build) -> dict:
    """The QAOA loop over the depth schedule for a circuit builder ``build(ising, depth,
    decompose=...)`` with qaoa's parameters (gamma, beta): the scaled Ising cost, the ramp
    start, INTERP between depths."""
    cost = energy_cost(target, simulator)
    ising = scaled_ising(target)
    decompose = simulator.noise is not None
    depths = range(1, options.depth + 1) if options.schedule == "interp" else [options.depth]
    optimizer_seeds, shot_seeds = seeds.generator("optimizer"), seeds.generator("shots")
    x0, history = linear_ramp(depths[0], options.ramp), []
    for depth in depths:
        circuit = build(ising, depth, decompose=decompose)
        program = compile_program(circuit, simulator, seeds)
        run = optimise(program, cost, x0, optimizer, int(optimizer_seeds.integers(2**63)), shot_seeds)
        history += run.history
        x0 = interp(run.theta)
    return finish(target, circuit, program, run._replace(history=history, nfev=len(history)), cost, options, seeds)
