"""QOBLIB market-split files (ZIB-AOPT/QOBLIB 01-marketsplit; generator after Cornuejols
& Dawande 1999): "#" comment lines, then "m n", then m rows of n coefficients followed by
the right-hand side b_i. Solutions (`.opt.sol`): n values 0/1 with A x = b."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..market_split import MarketSplit
from .published import load_solution
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


def _solution_paths(path: Path) -> list[Path]:
    """Where a solution of ``path`` may lie: beside it, or in ../solutions/."""
    stem = path.name.removesuffix(".dat")
    return [path.with_name(stem + ".opt.sol"), path.parent.parent / "solutions" / (stem + ".opt.sol")]


def _checked_solution(problem: MarketSplit, sol: Path, path) -> np.ndarray:
    """The 0/1 vector of ``sol``, refused (ValueError) when it does not satisfy A x = b."""
    x = read_market_split_solution(sol, problem.n_decision)
    if not problem.is_feasible(x):
        raise ValueError(f"{sol}: the solution does not satisfy A x = b of {path}")
    return x


def read_market_split(path, solution=None) -> MarketSplit:
    """MarketSplit(A, b) from a QOBLIB file. With a solution file that satisfies A x = b,
    known_optimum is 0 and ``reference_solution`` holds x: ``solution`` (a path: refused with
    ValueError when it does not fit), else <stem>.opt.sol beside the file or in ../solutions/
    (skipped with a UserWarning when it does not fit). ``solution=False`` reads none."""
    tokens = Tokens(path, comment="#")
    line = tokens.line
    m = tokens.integer("the number of rows m", minimum=1)
    n = tokens.integer("the number of variables n", minimum=1)
    rows = []
    for _ in range(m):
        rows.append(tokens.numbers(n + 1, "a coefficient or right-hand side"))
    tokens.expect_end(f"the {m} rows of n + 1 = {n + 1} numbers")
    data = np.array(rows)
    path = Path(path)
    problem = wrap_model_error(tokens, line, lambda: MarketSplit(data[:, :n], data[:, n], name=path.name.removesuffix(".dat")))
    x = load_solution(path, solution, _solution_paths(path), lambda sol: _checked_solution(problem, sol, path))
    if x is not None:
        problem.known_optimum = 0.0
        problem.reference_solution = x
    return problem
