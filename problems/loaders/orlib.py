"""OR-Library multi-dimensional knapsack files (Beasley's `mknap` format), the one-instance
SAC-94 `.dat` variant, and the Chu & Beasley `mkcbres.txt` best-known values.

OR-Library (mknapinfo): K; then per problem "n m opt" (opt = 0 if unknown), n profits,
m rows of n weights, m capacities. SAC-94 (Drake, Ozcan & Burke 2016 collection): the
same single problem with no leading count, so 3 + n + m n + m numbers. A file that does not
read as OR-Library is read as SAC-94 when the numbers its SAC-94 header declares are closer
to the file's count than those its OR-Library headers declare; a file that reads as
neither reports the error of that closer reading, and the other's.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..mdkp import MDKP
from .text import FileFormatError, Tokens, read_lines, wrap_model_error

_MKCB_ROW = re.compile(r"^\s*(\d+\.\d+-\d+)\s+(\S+)\s*$")


def _sizes(n: int, m: int) -> str:
    return f"3 + n + m n + m = {3 + n + m * n + m} numbers of a problem with n = {n}, m = {m}"


def _read_problem(tokens: Tokens, name: str) -> MDKP:
    line = tokens.line
    n = tokens.integer("the number of items n", minimum=1)
    m = tokens.integer("the number of constraints m", minimum=1)
    opt = tokens.number("the optimal value")
    p = tokens.numbers(n, "a profit")
    W = np.array(tokens.numbers(n * m, "a weight")).reshape(m, n)
    c = tokens.numbers(m, "a capacity")
    return wrap_model_error(tokens, line, lambda: MDKP(p, W, c, name=name, known_optimum=opt if opt != 0 else None))


def _declared(tokens: Tokens, start: int, problems: int) -> float:
    """The number of tokens that ``problems`` problems from token ``start`` declare in their
    "n m opt" headers (headers past the end count 3; inf when a header is not integers)."""
    pos = start
    for _ in range(problems):
        try:
            n, m = int(tokens.items[pos][0]), int(tokens.items[pos + 1][0])
        except IndexError:
            return pos + 3
        except ValueError:
            return float("inf")
        pos += 3 + n + m * n + m
    return pos


def _sac94_closer(tokens: Tokens) -> bool:
    """Whether the file's count is closer to a SAC-94 reading than to an OR-Library one."""
    try:
        count = int(tokens.items[0][0])
    except (IndexError, ValueError):
        return True
    size = len(tokens)
    return abs(_declared(tokens, 0, 1) - size) < abs(_declared(tokens, 1, count) - size)


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
        tokens.expect_end(f"the {count} problems the first line declares")
    except FileFormatError as orlib:
        if not _sac94_closer(tokens):
            raise
        tokens.pos = 0
        try:
            problems = [_read_problem(tokens, stem)]
            n, m = problems[0].n_decision, problems[0].m
            tokens.expect_end(f"the {_sizes(n, m)}")
        except FileFormatError as sac94:
            raise FileFormatError(path, sac94.line, f"{sac94.reason} (read as SAC-94; as OR-Library: line "
                                                    f"{orlib.line}: {orlib.reason})") from None
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
