"""What a loader attaches as known about an instance: a published optimum only when the
file's size is the published one (a truncated or extended file that still parses gets no
optimum it does not have), and a solution file only when it fits the instance."""

from __future__ import annotations

import warnings
from os import PathLike
from pathlib import Path
from typing import Callable, NamedTuple


class Published(NamedTuple):
    """An instance's published size (a tuple of counts, e.g. (nodes, edges)) and optimum."""

    size: tuple
    optimum: float


def published_optimum(table: dict[str, Published], name: str | None, size: tuple, path) -> float | None:
    """table[name].optimum when that entry's size equals ``size``; None when the name is not
    listed; None with a UserWarning when it is listed with another size."""
    entry = table.get(name)
    if entry is None:
        return None
    if tuple(entry.size) != tuple(size):
        warnings.warn(f"{path}: no known optimum attached: the published {name} has size {entry.size}, "
                      f"this file {tuple(size)}", UserWarning, stacklevel=3)
        return None
    return entry.optimum


def load_solution(path, solution, siblings, read: Callable[[Path], object]):
    """What a loader's ``solution`` argument asks for: ``read(file)`` of the path given (its
    ValueError propagates), else of the first of ``siblings`` that exists (a ValueError
    becomes a UserWarning and None: a bad sibling never blocks a good instance), or None
    for ``solution=False``."""
    if not (solution is None or solution is False or isinstance(solution, (str, PathLike))):
        raise TypeError(f"solution must be a path, None or False, got {solution!r}")
    if solution is False:
        return None
    if solution is not None:
        if not Path(solution).is_file():
            raise ValueError(f"{solution}: no such solution file")
        return read(Path(solution))
    for sibling in siblings:
        if sibling.is_file():
            try:
                return read(sibling)
            except ValueError as exc:
                warnings.warn(f"{path}: solution file {sibling} not used, no known optimum attached: {exc}",
                              UserWarning, stacklevel=3)
                return None
    return None
