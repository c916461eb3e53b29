"""The common shape of every benchmark problem.

A problem has a natural solution form (a 0/1 vector, a tour, a permutation) and a
binary form: `n_decision` 0/1 decision variables, described by a `BinaryProgram`
(`binary_program.py`: objective, linear equalities, linear inequalities, pair
constraints x_i x_j = 0). All encodings (QUBO, Ising, Lagrangian) are built from the
binary form, in `qubo.py` and `lagrangian.py`, so each problem module only states its model.

Bit order (DESIGN.md): variable i is qubit i is bit i of a basis index (qubit 0 = least
significant bit); decision variables come first, then slack bits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from . import qubo
from . import validation as v
from .binary_program import BinaryProgram
from .energies import index_to_bits
from .lagrangian import lagrangian_qubo


@dataclass
class Decoded:
    """A bitstring mapped back to the problem: natural solution (None when the bits
    do not form one, e.g. a non-permutation), feasibility, objective value in the
    problem's own units and sense, the decision bits and the remaining (slack) bits."""

    solution: Any
    feasible: bool
    objective: float
    x: np.ndarray
    slack: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint8))


class Problem:
    """Base class: subclasses define `sense`, `n_decision`, `binary_program`,
    `solution_from_bits`, `bits_from_solution`, `evaluate`, `is_feasible`,
    `solve_exact`, `_data` / `_from_data` (JSON) and `dualised` (a sentence naming
    the constraints that the Lagrangian form moves into the objective)."""

    sense: ClassVar[str] = "min"
    dualised: ClassVar[str] = ""
    _registry: ClassVar[dict] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Problem._registry[cls.__name__] = cls

    def __init__(self, name: str | None = None, known_optimum: float | None = None):
        self.name = name
        self.known_optimum = None if known_optimum is None else v.real("known_optimum", known_optimum)

    # --- to be provided by subclasses -------------------------------------------------
    @property
    def n_decision(self) -> int:
        raise NotImplementedError

    def binary_program(self) -> BinaryProgram:
        raise NotImplementedError

    def solution_from_bits(self, x: np.ndarray):
        """Natural solution for decision bits x (None when x encodes none)."""
        return x.copy()

    def bits_from_solution(self, solution) -> np.ndarray:
        """Decision bits (uint8, length n_decision) for a natural solution."""
        return v.binary_vector("solution", solution, self.n_decision)

    def evaluate(self, solution) -> float:
        raise NotImplementedError

    def is_feasible(self, solution) -> bool:
        raise NotImplementedError

    def solve_exact(self, **kwargs):
        raise NotImplementedError

    def _data(self) -> dict:
        raise NotImplementedError

    @classmethod
    def _from_data(cls, data: dict) -> "Problem":
        raise NotImplementedError

    # --- generic machinery -------------------------------------------------------------
    def decision_bits(self, bits) -> tuple[np.ndarray, np.ndarray]:
        """Split a bitstring into (decision bits, remaining bits).

        `bits` is a basis index (int; qubit i = bit i, qubit 0 least significant) or a
        0/1 array whose entry i is qubit i, of length >= n_decision; entries beyond
        n_decision are the slack bits of an encoding and are returned as such (for an
        index: up to its highest set bit)."""
        n = self.n_decision
        if isinstance(bits, (int, np.integer)) and not isinstance(bits, bool):
            index = int(bits)
            if index < 0:
                raise ValueError(f"bits must be a non-negative basis index, got {index}")
            arr = index_to_bits(index, max(n, index.bit_length()))
        else:
            arr = v.binary_vector("bits", bits)
            if arr.shape[0] < n:
                raise ValueError(f"bits must have at least n_decision={n} entries, got {arr.shape[0]}")
        return arr[:n].copy(), arr[n:].copy()

    def decode(self, bits) -> Decoded:
        """Map a bitstring (basis index or 0/1 array, qubit 0 = least significant bit)
        back to the solution, its feasibility and its objective value."""
        x, slack = self.decision_bits(bits)
        solution = self.solution_from_bits(x)
        if solution is None:
            return Decoded(None, False, float(self.binary_program().objective(x)), x, slack)
        return Decoded(solution, bool(self.is_feasible(solution)), float(self.evaluate(solution)), x, slack)

    def objective_batch(self, x: np.ndarray) -> np.ndarray:
        """Objective values (float64, shape (B,)) of decision-bit rows x (shape (B, n_decision),
        column i = variable i), equal to `decode(row).objective` row by row."""
        return self.binary_program().objective(x)

    def decode_batch(self, x) -> tuple[np.ndarray, np.ndarray]:
        """(objective (B,), feasible (B,) bool) of decision-bit rows x (shape (B, n_decision),
        column i = variable i): `decode` of each row, without the natural solutions."""
        x = np.asarray(x)
        if x.ndim != 2 or x.shape[1] != self.n_decision:
            raise ValueError(f"x must have shape (B, {self.n_decision}), got {x.shape}")
        if not np.isin(x, (0, 1)).all():
            raise ValueError("x must contain only 0 and 1")
        return self.objective_batch(x), self.binary_program().infeasibility(x) == 0.0

    def to_qubo(self, penalty: float | None = None, slack: str = "binary"):
        """QUBO (minimisation, maximisation negated) of the penalty formulation; see
        `problems.qubo.encode` for the penalty rule and slack layout."""
        return qubo.encode(self.binary_program(), penalty=penalty, slack=slack)

    def to_ising(self, penalty: float | None = None, slack: str = "binary"):
        """(h, J, offset) with z_i = 1 - 2 x_i, of `to_qubo(penalty, slack)`."""
        return self.to_qubo(penalty=penalty, slack=slack).to_ising()

    def encode(self, solution, slack: str = "binary") -> np.ndarray:
        """Full bitstring (entry i = qubit i) of a natural solution in `to_qubo(slack=slack)`:
        its decision bits, then slack bits absorbing each inequality's residual."""
        return qubo.encode_solution(self.binary_program(), self.bits_from_solution(solution), slack)

    def qubit_counts(self, slack: str = "binary") -> dict:
        """{"decision": ..., "slack": ..., "total": ...} qubits of `to_qubo(slack=slack)`."""
        n_slack = sum(len(c) for c in qubo.slack_layout(self.binary_program(), slack)[0])
        return {"decision": self.n_decision, "slack": n_slack, "total": self.n_decision + n_slack}

    def lagrangian(self, multipliers, rho: float = 0.0):
        """Slack-free (augmented) Lagrangian QUBO over the decision bits only; see
        `problems.lagrangian.lagrangian_qubo`. Dualised constraints: `self.dualised`."""
        return lagrangian_qubo(self.binary_program(), multipliers, rho)

    def violation(self, bits) -> np.ndarray:
        """Residuals g(x) of the dualised constraints for a bitstring (see
        BinaryProgram.violation for their order and sign)."""
        x, _ = self.decision_bits(bits)
        return self.binary_program().violation(x)

    def to_dict(self) -> dict:
        return {"type": type(self).__name__, "name": self.name, "known_optimum": self.known_optimum,
                **self._data()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @staticmethod
    def from_dict(data: dict) -> "Problem":
        if not isinstance(data, dict) or data.get("type") not in Problem._registry:
            raise ValueError(f"not a serialised problem (unknown 'type'): {str(data)[:80]!r}")
        cls = Problem._registry[data["type"]]
        problem = cls._from_data(data)
        problem.name = data.get("name")
        problem.known_optimum = data.get("known_optimum")
        return problem

    @staticmethod
    def from_json(text: str) -> "Problem":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"invalid problem JSON: {exc}") from exc
        return Problem.from_dict(data)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, n_decision={self.n_decision}, sense={self.sense!r})"


def from_json(text: str) -> Problem:
    """Rebuild any problem from `Problem.to_json()` output."""
    return Problem.from_json(text)


def check_exact_limit(what: str, size: int, limit: int, hint: str = "") -> None:
    """Refuse an exact solve beyond its documented size limit."""
    if size > limit:
        raise ValueError(f"solve_exact: {what} = {size} exceeds the limit {limit}{hint}")
