"""QAPLIB files (Burkard, Karisch & Rendl, J. Global Optim. 10, 1997): `.dat` is n, then
the n x n matrix A, then the n x n matrix B, objective sum_ij A[i,j] B[p(i),p(j)];
`.sln` is n, the optimal value, then the optimal permutation (1-based). A solution is
used only when its n is the instance's and its permutation costs the value it states."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..qap import QAP
from .published import Published, load_solution, published_optimum
from .text import Tokens, wrap_model_error

# Proven optima of QAPLIB instances that have no .sln in the shared data (value as listed
# in the QAPLIB table; reproduced in SMU-Quantum/quantum-optimization-benchmarks
# research_benchmark/generate_mkp_vqe_tables.py and checked by exhaustive search).
# Keyed by name: Published((n,), optimum).
QAPLIB_OPTIMA = {"tai10a": Published((10,), 135028.0), "tai10b": Published((10,), 1183760.0)}


def read_qaplib_solution(path) -> tuple[float, np.ndarray]:
    """(optimal value, permutation p with facility i -> location p[i], 0-based)."""
    tokens = Tokens(path)
    n = tokens.integer("the size n", minimum=1)
    value = tokens.number("the optimal value")
    line = tokens.line
    perm = np.array([tokens.integer(f"permutation entry {k + 1} of {n}", minimum=1) for k in range(n)],
                    dtype=np.int64) - 1
    tokens.expect_end(f"n, the value and the n = {n} permutation entries")
    if not np.array_equal(np.sort(perm), np.arange(n)):
        raise tokens.error(f"the solution is not a permutation of 1..{n}: {(perm + 1).tolist()}", line)
    return value, perm


def _checked_solution(problem: QAP, sln: Path) -> tuple[float, np.ndarray]:
    """The (value, permutation) of ``sln``, refused (ValueError) when it does not fit ``problem``."""
    value, perm = read_qaplib_solution(sln)
    if perm.shape[0] != problem.n:
        raise ValueError(f"solution file {sln} is for n = {perm.shape[0]}, the instance has n = {problem.n}")
    cost = problem.evaluate(perm)
    if cost != value:
        raise ValueError(f"solution file {sln} states the value {value:g}, its permutation costs {cost:g}")
    return value, perm


def read_qaplib(path, solution=None) -> QAP:
    """QAP(flow=A, distance=B) from a QAPLIB .dat file; known_optimum and
    ``reference_solution`` from ``solution`` (a .sln path: refused with ValueError when it
    does not fit), else from a sibling <stem>.sln (skipped with a UserWarning when it does
    not fit), else from QAPLIB_OPTIMA when n is the listed size. ``solution=False``: none."""
    tokens = Tokens(path)
    line = tokens.line
    n = tokens.integer("the size n", minimum=1)
    A = np.array(tokens.numbers(n * n, "an entry of the first matrix")).reshape(n, n)
    B = np.array(tokens.numbers(n * n, "an entry of the second matrix")).reshape(n, n)
    tokens.expect_end(f"the two {n} x {n} matrices (1 + 2 n^2 = {1 + 2 * n * n} numbers)")
    stem = Path(path).stem
    problem = wrap_model_error(tokens, line, lambda: QAP(A, B, name=stem))
    found = load_solution(path, solution, [Path(path).with_suffix(".sln")],
                          lambda sln: _checked_solution(problem, sln))
    if found is not None:
        problem.known_optimum, problem.reference_solution = found
    elif solution is None:
        problem.known_optimum = published_optimum(QAPLIB_OPTIMA, stem, (n,), path)
    return problem
