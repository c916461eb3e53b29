"""Instance sources of a study: a problem generator with its parameters, or instance files.

A generator is a problem class's ``random`` classmethod named "Class.random" (any class of
``problems`` with one: MDKP, MIS, MaxCut, QAP, TSP, MarketSplit); each entry of
``instance_seeds`` draws one instance. Files are read by the loader that ``format`` names
(``FORMATS``); a file that holds several problems (orlib-mknap) gives all of them, or those
whose 0-based positions ``index`` lists.
"""

from __future__ import annotations

import inspect
from typing import Callable

import problems
from problems import Problem


#: format name -> loader(path) returning a list of problems
FORMATS: dict[str, Callable[[str], list[Problem]]] = {
    "orlib-mknap": problems.read_orlib_mknap,
    "dimacs": lambda path: [problems.read_dimacs(path)],
    "qaplib": lambda path: [problems.read_qaplib(path)],
    "tsplib": lambda path: [problems.read_tsplib(path)],
    "qoblib-market-split": lambda path: [problems.read_market_split(path)],
    "json": lambda path: [problems.from_json(open(path, encoding="utf-8").read())],
}


def generators() -> dict[str, Callable]:
    """"Class.random" -> the classmethod, for every problem class of ``problems`` that has one."""
    found = {}
    for name in problems.__all__:
        cls = getattr(problems, name)
        if inspect.isclass(cls) and issubclass(cls, Problem) and "random" in vars(cls):
            found[f"{name}.random"] = cls.random
    return found


def generate(generator: str, params: dict, seed: int) -> Problem:
    """One instance of ``generator`` ("Class.random") with ``params`` and ``seed``."""
    table = generators()
    if generator not in table:
        raise ValueError(f"unknown generator {generator!r}; valid: {', '.join(sorted(table))}")
    return table[generator](**params, seed=seed)


def load_file(path: str, fmt: str, index=None) -> list[Problem]:
    """The problems of one file read as ``fmt``; with ``index`` (an int or a list of ints),
    only those positions (0-based) of the file's problems."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    found = FORMATS[fmt](path)
    if index is None:
        return found
    picked = []
    for k in (index if isinstance(index, (list, tuple)) else [index]):
        if not 0 <= k < len(found):
            raise ValueError(f"index {k} is out of range: {path} holds {len(found)} problem(s)")
        picked.append(found[k])
    return picked
