"""OR-Library multi-dimensional knapsack files (Beasley's `mknap` format), the one-instance
SAC-94 `.dat` variant, and the Chu & Beasley `mkcbres.txt` best-known values.

OR-Library (mknapinfo): K; then per problem "n m opt" (opt = 0 if unknown), n profits,
m rows of n weights, m capacities. SAC-94 (Drake, Ozcan & Burke 2016 collection): the
same single problem with no leading count. A file that is not a valid OR-Library file but has exactly
3 + n + m n + m tokens is read as SAC-94.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..mdkp import MDKP
from .text import FileFormatError, Tokens, read_lines, wrap_model_error

_MKCB_ROW = re.compile(r"^\s*(\d+\.\d+-\d+)\s+(\S+)\s*$")


def _read_problem(tokens: Tokens, name: str) -> MDKP:
    line = tokens.line
    n = tokens.integer("the number of items n", minimum=1)
    m = tokens.integer("the number of constraints m", minimum=1)
    opt = tokens.number("the optimal value")
    p = tokens.numbers(n, "a profit")
    W = np.array(tokens.numbers(n * m, "a weight")).reshape(m, n)
    c = tokens.numbers(m, "a capacity")
    return wrap_model_error(tokens, line, lambda: MDKP(p, W, c, name=name, known_optimum=opt if opt != 0 else None))


def _is_single(tokens: Tokens) -> bool:
    items = tokens.items
    try:
        n, m = int(items[0][0]), int(items[1][0])
    except (IndexError, ValueError):
        return False
    return len(items) == 3 + n + n * m + m


def read_orlib_mknap(path, best_known=None) -> list[MDKP]:
    """All problems of an OR-Library mknap file, or the one problem of a SAC-94 .dat file.

    known_optimum is the file's opt field when non-zero; otherwise, when `best_known` (a
    dict from `read_mkcbres` or the path of mkcbres.txt) has the key "m.n-kk" of problem
    k (0-based), that value. Names: the file stem (SAC-94) or "<stem>:<k>"."""
    tokens = Tokens(path)
    stem = Path(path).stem
    if not len(tokens):
        raise FileFormatError(path, 1, "empty file")
    try:
        count = tokens.integer("the number of problems", minimum=1)
        problems = [_read_problem(tokens, f"{stem}:{k}") for k in range(count)]
        tokens.expect_end()
    except FileFormatError:
        if not _is_single(tokens):
            raise
        tokens.pos = 0
        problems = [_read_problem(tokens, stem)]
        tokens.expect_end()
    if best_known is not None:
        table = best_known if isinstance(best_known, dict) else read_mkcbres(best_known)
        for k, prob in enumerate(problems):
            key = f"{prob.m}.{prob.n_decision}-{k:02d}"
            if prob.known_optimum is None and key in table:
                prob.known_optimum = table[key]
    return problems


def read_mkcbres(path) -> dict[str, float]:
    """Best feasible values of Chu & Beasley (1998) from mkcbres.txt: {"5.100-00": 24381, ...}.
    Only the first table is read (the second lists LP relaxations under the same names)."""
    values: dict[str, float] = {}
    in_table = False
    for k, line in enumerate(read_lines(path), start=1):
        if "Best Feasible Solution Value" in line:
            in_table = True
            continue
        if in_table and "LP" in line:
            break
        if not in_table or not line.strip():
            continue
        match = _MKCB_ROW.match(line)
        if not match:
            raise FileFormatError(path, k, f"expected '<m>.<n>-<kk> <value>', got {line.strip()!r}")
        try:
            values[match.group(1)] = float(match.group(2))
        except ValueError:
            raise FileFormatError(path, k, f"expected a number, got {match.group(2)!r}") from None
    if not values:
        raise FileFormatError(path, 1, "no 'Best Feasible Solution Value' table found")
    return values
