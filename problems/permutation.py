"""Problems over permutations (QAP, TSP) in the one-hot assignment encoding.

x[i, k] = 1 when item i (facility / city) takes slot k (location / tour position); it is
decision variable (qubit) i * n + k. The cost is the QAP form
    C(p) = sum_{i,j} F[i, j] * G[p[i], p[j]]
(p[i] = slot of item i), i.e. the quadratic form of kron(F, G) on x. Constraints: one
slot per item (n rows, sum_k x[i,k] = 1), then one item per slot (n rows,
sum_i x[i,k] = 1); in the QUBO they become quadratic penalties (no slack) and the
Lagrangian form dualises exactly these 2n rows.
"""

from __future__ import annotations

import numpy as np

from . import validation as v
from .base import Problem
from .binary_program import BinaryProgram
from .qubo import fold_upper


def assignment_constraints(n: int) -> tuple[np.ndarray, np.ndarray]:
    """(A_eq, b_eq) of the 2n one-hot rows over x[i, k] = variable i * n + k."""
    eye = np.eye(n)
    rows = np.kron(eye, np.ones((1, n)))      # sum_k x[i, k] = 1
    cols = np.kron(np.ones((1, n)), eye)      # sum_i x[i, k] = 1
    return np.vstack([rows, cols]), np.ones(2 * n)


def check_permutation(name: str, p, n: int) -> np.ndarray:
    """p as an int64 array after checking it is a permutation of 0..n-1."""
    arr = np.asarray(p)
    if arr.ndim != 1 or arr.shape[0] != n or (arr.dtype.kind not in "iu" and not v.is_integral(arr)):
        raise ValueError(f"{name} must be a permutation of 0..{n - 1}, got {arr!r}")
    arr = arr.astype(np.int64)
    if not np.array_equal(np.sort(arr), np.arange(n)):
        raise ValueError(f"{name} must be a permutation of 0..{n - 1}, got {arr.tolist()}")
    return arr


class AssignmentProblem(Problem):
    """Shared machinery; subclasses set self.n, self._F, self._G and map their natural
    solution to / from the slot vector p (`_to_slots`, `_from_slots`)."""

    sense = "min"
    dualised = "the 2n one-hot rows and columns of the assignment matrix"

    @property
    def n_decision(self) -> int:
        return self.n * self.n

    def _to_slots(self, solution) -> np.ndarray:
        return check_permutation("solution", solution, self.n)

    def _from_slots(self, p: np.ndarray):
        return p

    def binary_program(self) -> BinaryProgram:
        M = fold_upper(np.kron(self._F, self._G))
        A_eq, b_eq = assignment_constraints(self.n)
        return BinaryProgram("min", np.diag(M).copy(), np.triu(M, 1), 0.0, A_eq=A_eq, b_eq=b_eq)

    def slot_cost(self, p: np.ndarray) -> float:
        return float((self._F * self._G[np.ix_(p, p)]).sum())

    def evaluate(self, solution) -> float:
        return self.slot_cost(self._to_slots(solution))

    def is_feasible(self, solution) -> bool:
        try:
            self._to_slots(solution)
        except ValueError:
            return False
        return True

    def solution_from_bits(self, x):
        X = x.reshape(self.n, self.n)
        if not (np.all(X.sum(axis=0) == 1) and np.all(X.sum(axis=1) == 1)):
            return None
        return self._from_slots(np.argmax(X, axis=1).astype(np.int64))

    def bits_from_solution(self, solution) -> np.ndarray:
        p = self._to_slots(solution)
        X = np.zeros((self.n, self.n), dtype=np.uint8)
        X[np.arange(self.n), p] = 1
        return X.ravel()
