"""QAOA with the XY mixer over one-hot blocks (Hadfield et al., arXiv 1709.03489; Wang et
al., arXiv 1904.09314), for problems with one-hot equality constraints (QAP, TSP).

Blocks: the equality rows sum_{i in B} x_i = 1 (0/1 coefficients, right-hand side 1) of the
problem's binary program, taken in order while disjoint from those already taken: for QAP
and TSP the n rows "one slot per item", qubits i n .. i n + n - 1 (the "one item per slot"
columns overlap them). Each block starts in a W state and is mixed by the XY ring or
complete mixer (``qsim.library.xy_qaoa``), so the state keeps exactly one 1 per block; the
other constraints stay penalties of the QUBO (the block rows' own penalties vanish there).
Cost layer, angles, linear-ramp start, depth schedule and cost as for "qaoa".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from qsim.library import XY_TOPOLOGIES, xy_qaoa

from .._records import choice
from .qaoa import QaoaOptions, solve_layers


@dataclass(frozen=True)
class XyQaoaOptions(QaoaOptions):
    """QaoaOptions (as for "qaoa") and mixer: "ring" or "complete" XY coupling within a block."""

    mixer: str = "ring"

    def __post_init__(self):
        super().__post_init__()
        choice("mixer", self.mixer, XY_TOPOLOGIES)


def one_hot_blocks(target) -> list[list[int]]:
    """The disjoint one-hot blocks of the target's problem (see the module); ValueError when
    there are none."""
    blocks, used = [], set()
    if target.problem is not None:
        bp = target.problem.binary_program()
        for row, rhs in zip(bp.A_eq, bp.b_eq):
            block = np.flatnonzero(row).tolist()
            if rhs == 1 and np.all(row[block] == 1) and len(block) > 1 and used.isdisjoint(block):
                blocks.append(block)
                used.update(block)
    if not blocks:
        name = type(target.problem).__name__ if target.problem is not None else "a bare QUBO / Ising model"
        raise ValueError(f"qaoa-xy needs one-hot constraints (sum of a block of bits = 1), and {name} has none; "
                         f"use it on QAP or TSP")
    return blocks


def solve_qaoa_xy(target, options: XyQaoaOptions, simulator, optimizer, seeds) -> dict:
    build = partial(xy_qaoa, blocks=one_hot_blocks(target), topology=options.mixer)
    return solve_layers(target, options, simulator, optimizer, seeds, build)
