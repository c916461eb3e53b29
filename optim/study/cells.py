"""Cells: one solve of a study, problem instance x method (+ options, optimizer) x
simulator (+ noise) x seed, keyed by the SHA-256 of its full configuration as canonical
JSON (sorted keys, no spaces), so a changed option gives a new key and re-runs that cell only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ..solver import SOLVERS
from .config import StudyConfig

#: the simulator label of a classical method's cells
NO_SIMULATOR = "-"


def canonical_json(value) -> str:
    """JSON with sorted keys and no whitespace: equal values give equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class Cell:
    """problem / method / simulator: the config labels; instance: the instance's name;
    problem_json: ``Problem.to_json()``; method_name: the optim.SOLVERS name; options,
    optimizer, simulator: plain dicts (simulator None for a classical method); seed."""

    problem: str
    instance: str
    problem_json: str
    method: str
    method_name: str
    options: dict
    optimizer: dict
    simulator_label: str
    simulator: dict | None
    seed: int

    @property
    def key(self) -> str:
        """SHA-256 (hex) of the cell's configuration; the labels are not part of it."""
        problem_hash = hashlib.sha256(self.problem_json.encode()).hexdigest()
        return hashlib.sha256(canonical_json(
            {"problem": problem_hash, "method": self.method_name, "options": self.options,
             "optimizer": self.optimizer, "simulator": self.simulator, "seed": self.seed}).encode()).hexdigest()

    def payload(self) -> str:
        """What a worker gets: the cell as JSON."""
        return canonical_json({"problem": self.problem_json, "method": self.method_name, "options": self.options,
                               "optimizer": self.optimizer, "simulator": self.simulator, "seed": self.seed})

    def describe(self) -> str:
        return f"{self.instance} / {self.method} / {self.simulator_label} / seed {self.seed}"


def expand(config: StudyConfig) -> list[Cell]:
    """Every cell of ``config``, in problem, method, simulator, seed order."""
    cells = []
    for problem in config.problems:
        for instance, prob in problem.instances:
            text = prob.to_json()
            for method in config.methods:
                quantum = SOLVERS[method.method].quantum
                simulators = config.simulators if quantum else [None]
                for sim in simulators:
                    for seed in config.seeds:
                        cells.append(Cell(problem.label, instance, text, method.label, method.method, method.options,
                                          method.optimizer, sim.label if sim else NO_SIMULATOR,
                                          dict(sim.fields) if sim else None, seed))
    return cells
