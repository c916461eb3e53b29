"""``optim.solve(problem, method)``: one call from a problem to a SolveResult, and the
registry of its methods, ``SOLVERS``.

Every input is checked before anything is simulated: the method and its options (unknown
names list the valid ones), the simulator and optimizer options, the problem (empty, or no
feasible solution), and its size against the simulator method and the energy table.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

import problems
from problems.energies import MAX_QUBITS_FLOAT64
from qsim.methods import METHODS

from ._records import Record
from .algorithms.classical import AnnealingOptions, ExactOptions, solve_annealing, solve_exact
from .algorithms.ma_qaoa import MaQaoaOptions, solve_ma_qaoa
from .algorithms.pce import PceOptions, pce_qubits, solve_pce
from .algorithms.qaoa import QaoaOptions, solve_qaoa
from .algorithms.qaoa_xy import XyQaoaOptions, solve_qaoa_xy
from .algorithms.qrao import QraoOptions, qrao_qubits, solve_qrao
from .algorithms.vqe import CvarVqeOptions, VqeOptions, solve_vqe
from .algorithms.ws_qaoa import WsQaoaOptions, solve_ws_qaoa
from .minimizers._checks import optional_integer
from .optimizer_options import OptimizerOptions
from .result import SolveResult
from .seeds import Seeds
from .simulator_options import SimulatorOptions
from .target import Target


@dataclass(frozen=True)
class Solver:
    """A method of solve: its options dataclass (defaults and docs), the function that runs
    it, and whether it simulates a circuit (then ``simulator`` and ``optimizer`` apply).
    qubits: for a compressed encoding, ``qubits(target, options)``, the qubits it simulates
    (ValueError when the options cannot encode the target); None: one qubit per QUBO
    variable, with the 2^n energy table."""

    options: type[Record]
    run: Callable
    quantum: bool
    qubits: Callable | None = None


SOLVERS: dict[str, Solver] = {
    "exact": Solver(ExactOptions, solve_exact, quantum=False),
    "annealing": Solver(AnnealingOptions, solve_annealing, quantum=False),
    "qaoa": Solver(QaoaOptions, solve_qaoa, quantum=True),
    "vqe": Solver(VqeOptions, solve_vqe, quantum=True),
    "cvar-vqe": Solver(CvarVqeOptions, solve_vqe, quantum=True),
    "ma-qaoa": Solver(MaQaoaOptions, solve_ma_qaoa, quantum=True),
    "ws-qaoa": Solver(WsQaoaOptions, solve_ws_qaoa, quantum=True),
    "qaoa-xy": Solver(XyQaoaOptions, solve_qaoa_xy, quantum=True),
    "pce": Solver(PceOptions, solve_pce, quantum=True, qubits=pce_qubits),
    "qrao": Solver(QraoOptions, solve_qrao, quantum=True, qubits=qrao_qubits),
}


def _check_size(target: Target, solver: Solver, options, simulator: SimulatorOptions) -> int:
    """The qubits the solve simulates; ValueError when the simulator method cannot hold them."""
    if solver.qubits is not None:
        n, limit = solver.qubits(target, options), METHODS[simulator.method].max_qubits
        if n > limit:
            raise ValueError(f"the encoding needs {n} qubits; simulator method {simulator.method!r} holds at most {limit}")
        return n
    limit = min(METHODS[simulator.method].max_qubits, MAX_QUBITS_FLOAT64)
    if target.n_qubits > limit:
        raise ValueError(f"the problem needs {target.n_qubits} qubits; simulator method {simulator.method!r} with "
                         f"its energy table holds at most {limit}")
    return target.n_qubits


def solve(problem, method: str, *, options=None, simulator=None, optimizer=None, seed: int | None = None) -> SolveResult:
    """Solve ``problem`` (a problems.Problem, a problems.QUBO or an Ising tuple (h, J, offset))
    with ``method`` (a name in SOLVERS). options: the method's options dataclass, a dict of
    its fields or None (defaults). simulator / optimizer: an optim.SimulatorOptions /
    optim.OptimizerOptions, a dict of its fields or None. seed: a non-negative int; None
    draws one (recorded in the result). The same seed gives the same result."""
    start = time.perf_counter()
    if method not in SOLVERS:
        raise ValueError(f"unknown method {method!r}; valid: {', '.join(SOLVERS)}")
    solver = SOLVERS[method]
    options = solver.options.coerce(options)
    simulator, optimizer = SimulatorOptions.coerce(simulator), OptimizerOptions.coerce(optimizer)
    seed = optional_integer("seed", seed, minimum=0)
    seed = int(np.random.SeedSequence().entropy % 2**63) if seed is None else seed
    target = Target(problem)
    n_qubits = _check_size(target, solver, options, simulator) if solver.quantum else target.n_qubits
    optimum = target.optimum
    fields = solver.run(target, options, simulator, optimizer, Seeds(seed))
    raw, final = fields.pop("raw"), fields.pop("final")
    report = {}
    for prefix, bits in (("raw_", raw), ("", final)):
        objective, feasible = target.decode_rows(bits[None, :target.n_decision])
        report[prefix + "objective"], report[prefix + "feasible"] = float(objective[0]), bool(feasible[0])
        report[prefix + "gap"] = problems.optimality_gap(objective[0], optimum, bool(feasible[0]))
    quantum = solver.quantum
    return SolveResult(
        method=method, bitstring="".join(map(str, final[::-1].tolist())), solution=target.solution(final),
        optimum=optimum, approximation_ratio=problems.approximation_ratio(
            report["objective"], optimum, target.sense, report["feasible"]),
        n_qubits=n_qubits, **report, **fields, wall_time=time.perf_counter() - start,
        options=options.to_dict(), seed=seed,
        simulator=simulator.to_dict() if quantum and simulator.serialisable else None,
        optimizer=optimizer.to_dict() if quantum else None)
