"""``qsim solve INSTANCE_FILE``: one solve of an instance file, and its printed summary.

The file's format is the ``format`` argument (a name of ``optim.study.instances.FORMATS``)
or, when None, inferred from the suffix (``SUFFIXES``). Noise is a device-profile name,
applied with the profile's median figures on all of the problem's qubits.
"""

from __future__ import annotations

import math
from pathlib import Path

from .result import SolveResult
from .solver import SOLVERS, solve
from .study.instances import FORMATS, load_file
from .study.worker import simulator_fields

SUFFIXES = {".json": "json", ".dat": "qaplib", ".tsp": "tsplib", ".clq": "dimacs", ".col": "dimacs"}


def solve_file(path, method: str, *, fmt: str | None = None, index: int = 0, noise: str | None = None,
               simulator: str | None = None, seed: int | None = None) -> SolveResult:
    """Solves problem ``index`` (0-based) of the instance file ``path`` with ``method``;
    simulator: the qsim method (default statevector, or density_matrix with noise)."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"instance file not found: {str(path)!r}")
    if fmt is None:
        if path.suffix not in SUFFIXES:
            raise ValueError(f"cannot tell the format of {path.name!r} from its suffix; give --format, one of "
                             f"{', '.join(FORMATS)}")
        fmt = SUFFIXES[path.suffix]
    problem = load_file(str(path), fmt, index)[0]
    fields = None
    if SOLVERS.get(method) is not None and SOLVERS[method].quantum:
        fields = {"method": simulator or ("density_matrix" if noise else "statevector"), "noise": noise}
        fields = simulator_fields(fields, problem)
    return solve(problem, method, simulator=fields, seed=seed)


def summary(result: SolveResult) -> str:
    """A few lines: the answer, its quality, the circuit and the time."""
    prob = "-" if result.success_probability is None else f"{result.success_probability:.4f}"
    gap = "inf" if math.isinf(result.gap) else f"{result.gap:.4g}"
    return "\n".join([
        f"method {result.method} (seed {result.seed}): objective {result.objective:g}, optimum {result.optimum:g}, "
        f"gap {gap} %, feasible {result.feasible}",
        f"solution {result.solution}  (bitstring {result.bitstring}, qubit 0 rightmost)",
        f"approximation ratio {result.approximation_ratio:.4f}, P(optimum) {prob}",
        f"{result.n_qubits} qubits, depth {result.depth}, {result.n_two_qubit_gates} two-qubit gates, "
        f"{result.nfev} evaluations, {result.wall_time:.3f} s"])
