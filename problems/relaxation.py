"""Continuous relaxations of a problem's 0/1 decision variables: c* in [0, 1]^n_decision,
entry i for decision variable i (qubit i), the warm start of WS-QAOA (Egger et al., arXiv
2009.10095).

- A problem whose binary program has a linear objective (MDKP, MIS, market split): the LP
  relaxation, the objective over 0 <= x <= 1 under A_eq x = b_eq, A_le x <= b_le and
  x_i + x_j <= 1 for each pair constraint x_i x_j = 0, solved by HiGHS (a vertex optimum).
- MaxCut: the Goemans-Williamson SDP, max sum_{(i,j)} w_ij (1 - v_i.v_j) / 2 over unit
  vectors v_i, by a rank-k Burer-Monteiro solve (v_i = u_i / |u_i|, L-BFGS on U from a seeded
  start; k = ceil(sqrt(2 n)) + 1, so k (k + 1) / 2 > n and its second-order critical points are
  optimal, Boumal et al. 2016), rounded by seeded random hyperplanes r: x_i = 1 where
  v_i.r < 0, the best cut of ``hyperplanes`` draws (the paper's MaxCut warm start, a 0/1
  vector that WS-QAOA's eps regularisation makes continuous).
- QAP and TSP: refused (ValueError) until a sound relaxation of the assignment polytope with
  its quadratic cost is added; so is any other quadratic objective.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import minimize

from .base import Problem
from .exact import solve_milp
from .maxcut import MaxCut
from .permutation import AssignmentProblem

HYPERPLANES = 100


def continuous_relaxation(problem: Problem, seed: int | None = None) -> np.ndarray:
    """c* of ``problem`` (see the module); ``seed`` drives the MaxCut solve and rounding."""
    if isinstance(problem, AssignmentProblem):
        raise ValueError(f"no continuous relaxation for {type(problem).__name__} (its one-hot assignment with a "
                         f"quadratic cost has no sound one here yet); valid: MaxCut and linear-objective problems")
    if isinstance(problem, MaxCut):
        return maxcut_relaxation(problem, seed)
    return linear_relaxation(problem)


def linear_relaxation(problem: Problem) -> np.ndarray:
    """The LP relaxation's optimum x in [0, 1]^n_decision (ValueError for a quadratic objective)."""
    bp = problem.binary_program()
    if np.any(bp.quadratic != 0):
        raise ValueError(f"no LP relaxation for {type(problem).__name__}: its objective is quadratic")
    pairs = np.zeros((bp.pairs.shape[0], bp.n))
    pairs[np.arange(bp.pairs.shape[0])[:, None], bp.pairs] = 1.0
    try:
        x, _ = solve_milp(bp.linear, A_ub=np.vstack([bp.A_le, pairs]), b_ub=np.concatenate([bp.b_le, np.ones(len(pairs))]),
                          A_eq=bp.A_eq, b_eq=bp.b_eq, integrality=np.zeros(bp.n, dtype=int), sense=bp.sense)
    except RuntimeError as exc:
        raise ValueError(f"the LP relaxation of {type(problem).__name__} failed: {exc}") from None
    return np.clip(x, 0.0, 1.0)


def gw_vectors(problem: MaxCut, seed: int | None = None) -> np.ndarray:
    """Unit vectors v_i (rows, shape (n, k)) of a Burer-Monteiro optimum of the GW SDP."""
    n = problem.n
    k = math.ceil(math.sqrt(2 * n)) + 1
    i, j, w = problem.edges[:, 0], problem.edges[:, 1], problem.edge_weights

    def fun(flat):  # sum_ij w_ij v_i.v_j (minimised) and its gradient in U
        U = flat.reshape(n, k)
        norms = np.linalg.norm(U, axis=1, keepdims=True)
        V = U / norms
        G = np.zeros((n, k))
        np.add.at(G, i, w[:, None] * V[j])
        np.add.at(G, j, w[:, None] * V[i])
        grad = (G - np.sum(G * V, axis=1, keepdims=True) * V) / norms
        return float(np.sum(w * np.sum(V[i] * V[j], axis=1))), grad.ravel()

    U0 = np.random.default_rng(seed).normal(size=(n, k))
    U = minimize(fun, U0.ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 2000, "gtol": 1e-10}).x
    U = U.reshape(n, k)
    return U / np.linalg.norm(U, axis=1, keepdims=True)


def maxcut_relaxation(problem: MaxCut, seed: int | None = None, hyperplanes: int = HYPERPLANES) -> np.ndarray:
    """The best of ``hyperplanes`` seeded random-hyperplane cuts of the GW vectors, as 0/1 floats."""
    rng = np.random.default_rng(seed)
    V = gw_vectors(problem, int(rng.integers(2**63)))
    cuts = (V @ rng.normal(size=(V.shape[1], hyperplanes)) < 0).T.astype(np.uint8)
    values = problem.objective_batch(cuts)
    return cuts[int(np.argmax(values))].astype(np.float64)
