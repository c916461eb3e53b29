"""What runs in a worker process: one cell from its JSON payload to an outcome dict.

The payload (``Cell.payload``) carries the problem as ``Problem.to_json()``; a simulator's
noise, a device-profile name, is built here with the profile's median figures on all of
the problem's qubits (``NoiseModel.from_device(name, num_qubits=n, topology="all-to-all")``).
A cell that raises gives status "failed" with the error and its traceback, never an
exception, so one bad cell does not stop a study.
"""

from __future__ import annotations

import json
import signal
import socket
import time
import traceback

import problems
import qsim
from qsim import NoiseModel

from ..solver import solve
from ..target import Target


def initialize(threads: int) -> None:
    """Worker initializer: the C++ threads of this worker; Ctrl-C (SIGINT) is left to the
    coordinator, which cancels the pending cells, so a worker finishes its cell."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    qsim.set_num_threads(threads)


def simulator_fields(fields: dict | None, problem) -> dict | None:
    """The SimulatorOptions fields of a cell, its noise profile name built as a NoiseModel
    on all of the problem's qubits (all-to-all)."""
    if fields is None or fields.get("noise") is None:
        return fields
    noise = NoiseModel.from_device(fields["noise"], num_qubits=Target(problem).n_qubits, topology="all-to-all")
    return {**fields, "noise": noise}


def run_cell(payload: str) -> str:
    """Solves the cell of ``payload``; returns JSON {status, result (SolveResult JSON) or
    error and traceback, started, finished (Unix times), elapsed (s), host}."""
    started, clock = time.time(), time.perf_counter()
    try:
        cell = json.loads(payload)
        problem = problems.from_json(cell["problem"])
        simulator = simulator_fields(cell["simulator"], problem)
        result = solve(problem, cell["method"], options=cell["options"], simulator=simulator,
                       optimizer=cell["optimizer"] or None, seed=cell["seed"])
        outcome = {"status": "done", "result": result.to_json(), "error": None, "traceback": None}
    except Exception as exc:  # a failed cell is data, not a crash
        outcome = {"status": "failed", "result": None, "error": f"{type(exc).__name__}: {exc}",
                   "traceback": traceback.format_exc()}
    return json.dumps({**outcome, "started": started, "finished": time.time(),
                       "elapsed": time.perf_counter() - clock, "host": socket.gethostname()})
