"""QUBO and Ising encodings of a `BinaryProgram` (conventions of shared/DESIGN.md).

QUBO: minimise E(x) = x^T Q x + offset over x in {0,1}^N, Q upper-triangular with the
linear terms on its diagonal; maximisation objectives are negated. Variable i is qubit i
is bit i of a basis index. Decision variables come first, then the slack bits of the
inequality constraints in constraint order, least significant bit first.

Ising: z_i = 1 - 2 x_i, E = offset + h.z + sum_{i<j} J_ij z_i z_j, J strictly upper-triangular.

Penalty formulation (Qiskit Optimization's QuadraticProgramToQubo, the setting of the
comparative study arXiv 2503.12121):
  E = sigma * f(x) + P * sum_rows (a_r . x + slack_r - b_r)^2 + P * sum_pairs x_i x_j
with sigma = +1 (min) / -1 (max). Inequality a.x <= b gets an integer slack s in
[0, floor(b) - sum_j min(a_j, 0)], written in binary with the last coefficient capped so
the slack cannot exceed that range (coefficients 1, 2, ..., 2^(p-1), R - (2^p - 1), with
p = floor(log2 R)), or in unary (R bits of weight 1). No slack when R <= 0.

Automatic penalty: P = 1 + (upper bound - lower bound of the objective over the box),
i.e. 1 + sum |linear| + sum |quadratic|. With integer constraint coefficients every
infeasible x has a residual of magnitude >= 1, so its energy exceeds every feasible
energy and the QUBO minimiser is feasible (and optimal). That guarantee fails for
non-integer coefficients; as the safe fallback each such row is multiplied by the
smallest power of ten (<= 10^6) that makes it integral (rows that stay fractional are
rounded to 6 decimals after scaling, with a RuntimeWarning); the penalty then applies
to the squared residual of the scaled row. `penalty=` overrides P (per scaled row).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from . import validation as v
from .binary_program import BinaryProgram
from .energies import check_qubo, qubo_energies, qubo_energies_of_indices

MAX_DECIMALS = 6


@dataclass
class QUBO:
    """E(x) = x^T Q x + offset, Q upper-triangular (N, N) with linear terms on the
    diagonal. n_decision decision bits first, then n_slack slack bits; `slack_coefficients[r]`
    are the weights of inequality row r's slack bits (least significant first)."""

    Q: np.ndarray
    offset: float
    n_decision: int = None
    penalty: float = 0.0
    slack_coefficients: list = field(default_factory=list)
    row_scale: np.ndarray = None

    def __post_init__(self):
        self.Q, self.offset = check_qubo(self.Q, self.offset)
        if self.n_decision is None:
            self.n_decision = self.Q.shape[0]

    def __iter__(self):
        """Unpacks as `Q, offset = qubo`."""
        return iter((self.Q, self.offset))

    @property
    def n(self) -> int:
        """Total number of variables (qubits)."""
        return self.Q.shape[0]

    @property
    def n_slack(self) -> int:
        return self.n - self.n_decision

    def energy(self, bits) -> np.ndarray:
        """Energies (float64, shape (B,)): `bits` is a (B, N) 0/1 array (column i = qubit
        i), or an integer / 1-D integer array of basis indices (qubit 0 = least significant)."""
        arr = np.asarray(bits)
        if arr.ndim == 2:
            return qubo_energies(self.Q, self.offset, arr)
        return qubo_energies_of_indices(self.Q, self.offset, arr)

    def to_ising(self):
        return qubo_to_ising(self.Q, self.offset)


def fold_upper(M: np.ndarray) -> np.ndarray:
    """Upper-triangular matrix with the same quadratic form on 0/1 vectors as M."""
    return np.triu(M) + np.triu(M.T, 1)


def binary_slack(R: int) -> list[int]:
    """Capped binary weights for an integer slack in [0, R] (Qiskit's IntegerToBinary)."""
    if R <= 0:
        return []
    p = int(R).bit_length() - 1
    return [1 << i for i in range(p)] + [int(R - ((1 << p) - 1))]


def unary_slack(R: int) -> list[int]:
    """R unit weights for an integer slack in [0, R]."""
    return [1] * max(int(R), 0)


def _row_scales(A: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scale each row [A | b] by the smallest 10^k (k <= 6) that makes it integral."""
    rows = np.hstack([A, b[:, None]])
    scale = np.ones(rows.shape[0])
    for r in range(rows.shape[0]):
        for k in range(MAX_DECIMALS + 1):
            scaled = rows[r] * 10.0**k
            if np.allclose(scaled, np.round(scaled), rtol=0, atol=1e-9 * max(1.0, np.abs(scaled).max())):
                break
        else:
            warnings.warn(f"constraint row {r} is not a decimal with <= {MAX_DECIMALS} digits; rounded "
                          f"to {MAX_DECIMALS} decimals for the QUBO (no feasibility guarantee beyond that)",
                          RuntimeWarning, stacklevel=4)
        scale[r] = 10.0**k
    scaled = np.round(rows * scale[:, None])
    return scaled[:, :-1], scaled[:, -1], scale


def slack_layout(bp: BinaryProgram, slack: str = "binary"):
    """Per inequality row: slack weights (list of ints), plus the integer-scaled rows
    (A_le, b_le, scales) they belong to."""
    v.choice("slack", slack, ("binary", "unary"))
    A, b, scale = _row_scales(bp.A_le, bp.b_le)
    b = np.floor(b)
    ranges = b - np.minimum(A, 0).sum(axis=1)
    rule = binary_slack if slack == "binary" else unary_slack
    return [rule(int(R)) for R in ranges], (A, b, scale)


def objective_range(bp: BinaryProgram) -> float:
    """Upper minus lower bound of the objective over {0,1}^n."""
    return float(np.abs(bp.linear).sum() + np.abs(bp.quadratic).sum())


def auto_penalty(bp: BinaryProgram) -> float:
    """1 + (upper bound - lower bound) of the objective (Qiskit Optimization's rule)."""
    return 1.0 + objective_range(bp)


def encode(bp: BinaryProgram, penalty: float | None = None, slack: str = "binary") -> QUBO:
    """The penalty QUBO of `bp` (see the module docstring for every convention)."""
    P = auto_penalty(bp) if penalty is None else v.real("penalty", penalty, minimum=0.0, strict_minimum=True)
    coeffs, (A_le, b_le, scale_le) = slack_layout(bp, slack)
    A_eq, b_eq, scale_eq = _row_scales(bp.A_eq, bp.b_eq)
    n = bp.n
    n_slack = sum(len(c) for c in coeffs)
    N = n + n_slack
    # every penalised row as (u, b) over all N variables: residual u . y - b
    U = np.zeros((A_eq.shape[0] + A_le.shape[0], N))
    rhs = np.concatenate([b_eq, b_le])
    U[:A_eq.shape[0], :n] = A_eq
    U[A_eq.shape[0]:, :n] = A_le
    col = n
    for r, c in enumerate(coeffs):
        U[A_eq.shape[0] + r, col:col + len(c)] = c
        col += len(c)
    M, offset = objective_matrix(bp, N)
    add_squared_rows(M, U, rhs, P)
    np.add.at(M, (bp.pairs[:, 0], bp.pairs[:, 1]), P)
    offset += P * float(rhs @ rhs)
    return QUBO(fold_upper(M), offset, n_decision=n, penalty=P, slack_coefficients=coeffs,
                row_scale=np.concatenate([scale_eq, scale_le]))


def slack_bits(value: int, coefficients: list[int]) -> list[int]:
    """Bits (least significant first) of slack `value` in a register with these weights
    (capped binary or unary, as made by `binary_slack` / `unary_slack`)."""
    value = int(value)
    if value < 0 or value > sum(coefficients):
        raise ValueError(f"slack value {value} outside the register range [0, {sum(coefficients)}]")
    if coefficients and all(c == 1 for c in coefficients):
        return [1] * value + [0] * (len(coefficients) - value)
    bits = [0] * len(coefficients)
    low = (1 << (len(coefficients) - 1)) - 1        # largest value of the power-of-two bits
    if value > low:
        bits[-1] = 1
        value -= coefficients[-1]
    for i in range(len(coefficients) - 1):
        bits[i] = (value >> i) & 1
    return bits


def encode_solution(bp: BinaryProgram, x, slack: str = "binary") -> np.ndarray:
    """Full QUBO bitstring for decision bits x: x followed by the slack bits that absorb
    each inequality's residual (floor(b) - a.x on the integer-scaled row), so a feasible
    x gets zero penalty. Raises ValueError when x violates an inequality."""
    x = v.binary_vector("x", x, bp.n)
    coeffs, (A_le, b_le, _) = slack_layout(bp, slack)
    out = [x]
    for r, c in enumerate(coeffs):
        value = b_le[r] - A_le[r] @ x
        if value < 0:
            raise ValueError(f"x violates inequality row {r} by {-value}")
        if not c and value != 0:
            raise ValueError(f"row {r} has no slack register for residual {value}")
        out.append(np.array(slack_bits(int(round(value)), c), dtype=np.uint8))
    return np.concatenate(out).astype(np.uint8)


def objective_matrix(bp: BinaryProgram, N: int) -> tuple[np.ndarray, float]:
    """(M, constant) of sigma * f(x) on N >= bp.n variables (sigma = -1 for "max"), M
    unfolded: the quadratic form x^T M x with the linear terms on the diagonal."""
    sigma = 1.0 if bp.sense == "min" else -1.0
    M = np.zeros((N, N))
    M[:bp.n, :bp.n] = sigma * bp.quadratic
    M[np.diag_indices(bp.n)] += sigma * bp.linear
    return M, sigma * bp.constant


def add_squared_rows(M: np.ndarray, U: np.ndarray, rhs: np.ndarray, weight: float) -> None:
    """M += the quadratic form of weight * sum_r (U_r . y - rhs_r)^2 on 0/1 y, without
    its constant weight * |rhs|^2 (x_i^2 = x_i puts the linear part on the diagonal)."""
    M += weight * (U.T @ U)
    M[np.diag_indices(M.shape[0])] -= 2.0 * weight * (U.T @ rhs)


def qubo_to_ising(Q: np.ndarray, offset: float = 0.0):
    """(h, J, offset) of the QUBO under z_i = 1 - 2 x_i; same energy on every bitstring."""
    Q = v.square_matrix("Q", Q)
    offset = v.real("offset", offset)
    d = np.diag(Q).copy()
    U = np.triu(Q, 1)
    J = U / 4.0
    h = -d / 2.0 - (U.sum(axis=1) + U.sum(axis=0)) / 4.0
    return h, J, offset + d.sum() / 2.0 + U.sum() / 4.0


def ising_to_qubo(h, J, offset: float = 0.0) -> QUBO:
    """Inverse of `qubo_to_ising` (x_i = (1 - z_i) / 2)."""
    h = v.real_array("h", h, ndim=1)
    J = v.square_matrix("J", J, h.shape[0])
    U = np.triu(J, 1) + np.triu(J.T, 1)
    Q = 4.0 * U
    Q[np.diag_indices_from(Q)] = -2.0 * h - 2.0 * (U.sum(axis=1) + U.sum(axis=0))
    return QUBO(Q, float(offset) + h.sum() + U.sum())


def ising_terms(h, J, offset: float = 0.0, tol: float = 0.0) -> list[tuple[str, float]]:
    """Ising model as (sparse Pauli label, coefficient) pairs: "Z3" for h_3, "Z0 Z3" for
    J_03, and "" (the empty product, the identity) for the offset. |coeff| <= tol dropped."""
    h = v.real_array("h", h, ndim=1)
    J = v.square_matrix("J", J, h.shape[0])
    terms = [("", float(offset))]
    terms += [(f"Z{i}", float(h[i])) for i in range(h.shape[0]) if abs(h[i]) > tol]
    ii, jj = np.nonzero(np.abs(np.triu(J, 1)) > tol)
    terms += [(f"Z{i} Z{j}", float(J[i, j])) for i, j in zip(ii, jj)]
    return terms
