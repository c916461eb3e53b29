"""SolveResult: what one ``optim.solve`` call found, as plain data with a JSON round trip.

Bit order: ``bitstring`` is the whole register in Qiskit order (character n-1-i is qubit i,
qubit i = variable i of the QUBO: decision bits, then slack bits). Objectives are in the
problem's own units and sense; ``raw_*`` are before the readout's repair, the plain names
after it. Gaps are in percent (``problems.optimality_gap``, infinite when infeasible; JSON
writes that as Infinity). Probabilities are of the final state (the parameters of the
best-cost evaluation). Times are in seconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ._records import Record


@dataclass(frozen=True)
class SolveResult(Record):
    """One solve. method, options (the method's options as a dict), simulator / optimizer
    (their JSON forms; None for a classical method, or a noise model without a JSON form),
    seed.

    bitstring, solution (the decoded natural solution as JSON values; None when the bits
    encode none), objective, feasible, gap, and raw_objective, raw_feasible, raw_gap before
    repair; optimum (the exact or known optimum the gaps are taken against).
    approximation_ratio: objective over optimum (optimum over objective when minimising; 0
    when infeasible). expected_approximation_ratio: the same ratio per basis state, 0 for
    an infeasible one, averaged over the final state (for an unconstrained maximisation,
    the expected objective over the optimum). success_probability / feasible_probability:
    of measuring an optimal / a feasible solution in the final state. energy: the final
    state's expected QUBO energy (the expectation-based cost, the QUBO's units and sense).
    Compressed encodings, whose basis states are no solutions: PCE's probabilities and
    expected ratio are None (sign rounding is deterministic) and its energy the relaxed
    Ising energy of its tanh spins (optim.algorithms.pce); QRAO's energy is that of its
    relaxed Hamiltonian, its probabilities the fractions of magic-rounding shots that decode
    to an optimal / a feasible solution, None with semideterministic rounding
    (optim.algorithms.qrao).
    n_qubits, depth, n_one_qubit_gates, n_two_qubit_gates: of the circuit decomposed to
    one-qubit gates and CX. n_parameters, nfev (cost evaluations), wall_time (the whole
    solve), simulation_time (inside the simulator), history (the cost of every evaluation).
    """

    method: str
    bitstring: str
    solution: object
    objective: float
    feasible: bool
    gap: float
    raw_objective: float
    raw_feasible: bool
    raw_gap: float
    optimum: float
    approximation_ratio: float
    expected_approximation_ratio: float | None
    success_probability: float | None
    feasible_probability: float | None
    energy: float
    n_qubits: int
    depth: int
    n_one_qubit_gates: int
    n_two_qubit_gates: int
    n_parameters: int
    nfev: int
    wall_time: float
    simulation_time: float
    history: list
    options: dict
    simulator: dict | None
    optimizer: dict | None
    seed: int | None

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_json(cls, text: str) -> "SolveResult":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"invalid SolveResult JSON: {exc}") from None
        return cls.from_dict(data)
