"""QAPLIB files (Burkard, Karisch & Rendl, J. Global Optim. 10, 1997): `.dat` is n, then
the n x n matrix A, then the n x n matrix B, objective sum_ij A[i,j] B[p(i),p(j)];
`.sln` is n, the optimal value, then the optimal permutation (1-based)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..qap import QAP
from .text import Tokens, wrap_model_error

# Proven optima of QAPLIB instances that have no .sln in the shared data (value as listed
# in the QAPLIB table; reproduced in SMU-Quantum/quantum-optimization-benchmarks
# research_benchmark/generate_mkp_vqe_tables.py and checked by exhaustive search).
QAPLIB_OPTIMA = {"tai10a": 135028.0, "tai10b": 1183760.0}


def read_qaplib_solution(path) -> tuple[float, np.ndarray]:
    """(optimal value, permutation p with facility i -> location p[i], 0-based)."""
    tokens = Tokens(path)
    n = tokens.integer("the size n", minimum=1)
    value = tokens.number("the optimal value")
    line = tokens.line
    perm = np.array([tokens.integer("a permutation entry", minimum=1) for _ in range(n)], dtype=np.int64) - 1
    tokens.expect_end()
    if not np.array_equal(np.sort(perm), np.arange(n)):
        raise tokens.error(f"the solution is not a permutation of 1..{n}: {(perm + 1).tolist()}", line)
    return value, perm


def read_qaplib(path, solution=None) -> QAP:
    """QAP(flow=A, distance=B) from a QAPLIB .dat file; known_optimum from `solution` (a
    .sln path), else from a sibling <stem>.sln, else from QAPLIB_OPTIMA."""
    tokens = Tokens(path)
    line = tokens.line
    n = tokens.integer("the size n", minimum=1)
    A = np.array(tokens.numbers(n * n, "an entry of the first matrix")).reshape(n, n)
    B = np.array(tokens.numbers(n * n, "an entry of the second matrix")).reshape(n, n)
    tokens.expect_end()
    stem = Path(path).stem
    problem = wrap_model_error(tokens, line, lambda: QAP(A, B, name=stem))
    sln = Path(solution) if solution is not None else Path(path).with_suffix(".sln")
    if sln.is_file():
        value, perm = read_qaplib_solution(sln)
        if perm.shape[0] != n:
            raise tokens.error(f"solution file {sln} is for n = {perm.shape[0]}, instance has n = {n}", 1)
        problem.known_optimum = value
        problem.reference_solution = perm
    elif solution is not None:
        raise ValueError(f"{sln}: no such solution file")
    elif stem in QAPLIB_OPTIMA:
        problem.known_optimum = QAPLIB_OPTIMA[stem]
    return problem
