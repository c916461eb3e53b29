"""Slack-free Lagrangian and augmented-Lagrangian forms (arXiv 2507.12159, "Cutting Slack").

For multipliers lambda and rho >= 0 the function minimised over the decision bits only
(no slack qubits) is

    L(x) = sigma * f(x) + lambda . g(x) + rho / 2 * |g(x)|^2,     sigma = -1 for "max" problems,

with g(x) = BinaryProgram.violation(x): first the equality residuals A_eq x - b_eq,
then the inequality residuals A_le x - b_le (feasible when <= 0; use lambda >= 0 for
them), then the pair products x_i x_j (MIS edges; feasible when 0, and g^2 = g on bits).
For inequalities the quadratic term penalises the whole residual, slack included (the
max(0, .) of the textbook augmented Lagrangian is not quadratic). L is returned as a
QUBO over the n_decision bits, with the conventions of `problems.qubo`. Residuals are
in the units of the unscaled constraints.

Which constraints each problem dualises is its class attribute `dualised`: MDKP its
capacities, MIS its edges, TSP and QAP the one-hot rows and columns of the permutation
matrix, MarketSplit its equalities A x = d; MaxCut has none.
"""

from __future__ import annotations

import numpy as np

from . import validation as v
from .binary_program import BinaryProgram
from .qubo import QUBO, add_squared_rows, fold_upper, objective_matrix


def lagrangian_qubo(bp: BinaryProgram, multipliers, rho: float = 0.0) -> QUBO:
    """L(x) above as a QUBO over bp.n variables; `multipliers` has bp.n_constraints entries."""
    lam = v.real_array("multipliers", multipliers, ndim=1, shape=(bp.n_constraints,))
    rho = v.real("rho", rho, minimum=0.0)
    M, offset = objective_matrix(bp, bp.n)
    U = np.vstack([bp.A_eq, bp.A_le])
    rhs = np.concatenate([bp.b_eq, bp.b_le])
    n_rows = rhs.shape[0]
    lam_rows, lam_pairs = lam[:n_rows], lam[n_rows:]
    M[np.diag_indices(bp.n)] += U.T @ lam_rows
    offset += -float(lam_rows @ rhs) + rho / 2.0 * float(rhs @ rhs)
    add_squared_rows(M, U, rhs, rho / 2.0)
    np.add.at(M, (bp.pairs[:, 0], bp.pairs[:, 1]), lam_pairs + rho / 2.0)
    return QUBO(fold_upper(M), offset, n_decision=bp.n)


def lagrangian_value(bp: BinaryProgram, x, multipliers, rho: float = 0.0) -> float:
    """L(x) evaluated directly from the objective and g(x) (reference for `lagrangian_qubo`)."""
    x = v.binary_vector("x", x, bp.n)
    lam = v.real_array("multipliers", multipliers, ndim=1, shape=(bp.n_constraints,))
    g = bp.violation(x)
    sigma = 1.0 if bp.sense == "min" else -1.0
    return float(sigma * bp.objective(x) + lam @ g + rho / 2.0 * g @ g)
