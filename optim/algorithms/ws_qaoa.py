"""Warm-start QAOA (Egger et al., arXiv 2009.10095) on a target's Ising cost.

Warm start: c* = ``problems.relaxation.continuous_relaxation`` of the problem (the LP
relaxation for a linear objective, the rounded Goemans-Williamson SDP for MaxCut; QAP and
TSP refused), regularised into [eps, 1 - eps] (c_i = eps below eps, 1 - eps above; eps 0.25
in the paper, the study's code 1e-3, the default); slack qubits take c = 1/2. Qubit i starts
in RY(theta_i)|0>, theta_i = 2 arcsin(sqrt(c_i)) (it reads 1 with probability c_i), and the
mixer is the warm-start mixer built from that rotation (``qsim.library.warm_start_qaoa``).
Cost layer, angles, start (QAOA's linear ramp), depth schedule and cost as for "qaoa": with
every c_i = 1/2 (the LP relaxation of MIS on a graph with an odd cycle often is) it is QAOA.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from problems.relaxation import continuous_relaxation
from qsim.library import warm_start_qaoa

from ..minimizers._checks import real
from .qaoa import QaoaOptions, solve_layers


@dataclass(frozen=True)
class WsQaoaOptions(QaoaOptions):
    """QaoaOptions (as for "qaoa") and eps in (0, 0.5], the regularisation of c*."""

    eps: float = 1e-3

    def __post_init__(self):
        super().__post_init__()
        object.__setattr__(self, "eps", real("eps", self.eps, minimum=0.0, maximum=0.5, strict_minimum=True))


def warm_start_angles(target, eps: float, seed: int) -> np.ndarray:
    """theta_i of every qubit (see the module); ValueError for a problem without a relaxation."""
    if target.problem is None:
        raise ValueError("ws-qaoa needs a problems.Problem (its relaxation), not a bare QUBO or Ising model")
    c = np.full(target.n_qubits, 0.5)
    c[:target.n_decision] = np.clip(continuous_relaxation(target.problem, seed), eps, 1.0 - eps)
    return 2.0 * np.arcsin(np.sqrt(c))


def solve_ws_qaoa(target, options: WsQaoaOptions, simulator, optimizer, seeds) -> dict:
    thetas = warm_start_angles(target, options.eps, seeds.integer("classical"))
    return solve_layers(target, options, simulator, optimizer, seeds, partial(warm_start_qaoa, thetas=thetas))
