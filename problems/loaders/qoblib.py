"""QOBLIB market-split files (ZIB-AOPT/QOBLIB 01-marketsplit; generator after Cornuejols
& Dawande 1999): "#" comment lines, then "m n", then m rows of n coefficients followed by
the right-hand side b_i. Solutions (`.opt.sol`): n values 0/1 with A x = b."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..market_split import MarketSplit
from .text import Tokens, wrap_model_error


def read_market_split_solution(path, n: int | None = None) -> np.ndarray:
    """The 0/1 vector of a QOBLIB .opt.sol file (length n when given)."""
    tokens = Tokens(path, comment="#")
    x = []
    while tokens.remaining():
        line = tokens.line
        value = tokens.integer("a solution entry")
        if value not in (0, 1):
            raise tokens.error(f"solution entries must be 0 or 1, got {value}", line)
        x.append(value)
    if n is not None and len(x) != n:
        raise tokens.error(f"expected {n} solution entries, got {len(x)}")
    return np.array(x, dtype=np.uint8)


def _solution_path(path: Path) -> Path | None:
    stem = path.name.removesuffix(".dat")
    for candidate in (path.with_name(stem + ".opt.sol"), path.parent.parent / "solutions" / (stem + ".opt.sol")):
        if candidate.is_file():
            return candidate
    return None


def read_market_split(path, solution=None) -> MarketSplit:
    """MarketSplit(A, b) from a QOBLIB file. With a solution file (`solution`, or
    <stem>.opt.sol beside it or in ../solutions/) that satisfies A x = b, known_optimum
    is 0 and `reference_solution` holds x."""
    tokens = Tokens(path, comment="#")
    line = tokens.line
    m = tokens.integer("the number of rows m", minimum=1)
    n = tokens.integer("the number of variables n", minimum=1)
    rows = []
    for _ in range(m):
        rows.append(tokens.numbers(n + 1, "a coefficient or right-hand side"))
    tokens.expect_end()
    data = np.array(rows)
    path = Path(path)
    problem = wrap_model_error(tokens, line, lambda: MarketSplit(data[:, :n], data[:, n], name=path.name.removesuffix(".dat")))
    sol = Path(solution) if solution is not None else _solution_path(path)
    if solution is not None and not sol.is_file():
        raise ValueError(f"{sol}: no such solution file")
    if sol is not None:
        x = read_market_split_solution(sol, n)
        if not problem.is_feasible(x):
            raise ValueError(f"{sol}: the solution does not satisfy A x = b of {path}")
        problem.known_optimum = 0.0
        problem.reference_solution = x
    return problem
