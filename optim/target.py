"""Target: what a solver optimises, the same for a problems.Problem and a bare QUBO / Ising.

It holds the QUBO (x^T Q x + offset, minimised; a maximisation negated) and its Ising form,
the decision variables (the first n_decision qubits; the rest are slack bits), the optimum,
and the per-basis-state tables the metrics need (energy, objective, feasibility), each
computed once per solve over all 2^n indices (qubit i = bit i of the index).

A bare QUBO (a problems.QUBO) or Ising model (a tuple (h, J, offset)) is its own problem:
minimise the energy, every bitstring feasible, the optimum by brute force.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

import problems
from problems import QUBO, Problem, brute_force_minimum, energy_vector, ising_to_qubo


def bit_rows(indices, n: int) -> np.ndarray:
    """(B, n) 0/1 rows of basis indices, column i = bit i (qubit i)."""
    return ((np.asarray(indices, dtype=np.int64)[:, None] >> np.arange(n)) & 1).astype(np.uint8)


class Target:
    """The problem of one solve (see the module docstring)."""

    def __init__(self, problem):
        if isinstance(problem, Problem):
            self.problem, self.qubo = problem, problem.to_qubo()
            self.sense = problem.sense
        elif isinstance(problem, QUBO):
            self.problem, self.qubo, self.sense = None, problem, "min"
        elif isinstance(problem, tuple) and len(problem) == 3:
            self.problem, self.qubo, self.sense = None, ising_to_qubo(*problem), "min"
        else:
            raise TypeError(f"problem must be a problems.Problem, a problems.QUBO or an Ising tuple (h, J, offset), "
                            f"got {type(problem).__name__}")
        self.n_qubits = self.qubo.n
        if self.n_qubits == 0:
            raise ValueError("the problem is empty: its QUBO has 0 variables")
        self.n_decision = self.problem.n_decision if self.problem is not None else self.n_qubits

    @cached_property
    def ising(self) -> tuple[np.ndarray, np.ndarray, float]:
        return self.qubo.to_ising()

    @cached_property
    def optimum(self) -> float:
        """The known optimum, else the exact one (problem.solve_exact or brute force); raises
        ValueError when the problem has no feasible solution."""
        if self.problem is None:
            return brute_force_minimum(self.qubo.Q, self.qubo.offset)[0]
        if self.problem.known_optimum is not None:
            return self.problem.known_optimum
        solution, value = self.problem.solve_exact()
        if not self.problem.is_feasible(solution):
            raise ValueError(f"problem {self.problem.name or self.problem!r} has no feasible solution "
                             f"(its exact optimum {value} is infeasible)")
        return float(value)

    def decode_rows(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(objective, feasible) of decision-bit rows x (shape (B, n_decision))."""
        if self.problem is None:
            return self.qubo.energy(x), np.ones(x.shape[0], dtype=bool)
        return self.problem.decode_batch(x)

    def infeasibility(self, x: np.ndarray) -> np.ndarray:
        """Total constraint violation of decision-bit rows (0 when feasible)."""
        if self.problem is None:
            return np.zeros(x.shape[0])
        return self.problem.binary_program().infeasibility(x)

    def better(self, a, b) -> np.ndarray:
        """Whether objective a is strictly better than b in the problem's sense."""
        return a > b if self.sense == "max" else a < b

    @cached_property
    def energies(self) -> np.ndarray:
        """QUBO energy of every basis index (the diagonal cost, float64, length 2^n)."""
        return energy_vector(self.qubo.Q, self.qubo.offset)

    @cached_property
    def tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(objective, feasible, approximation ratio) of every basis index, from its decision
        bits (decoded once per decision assignment)."""
        decisions = np.arange(1 << self.n_decision)
        objective, feasible = self.decode_rows(bit_rows(decisions, self.n_decision))
        ratio = problems.approximation_ratios(objective, self.optimum, self.sense, feasible)
        index = np.arange(1 << self.n_qubits) & ((1 << self.n_decision) - 1)
        return objective[index], feasible[index], ratio[index]

    def solution(self, bits: np.ndarray):
        """The natural solution of a full bitstring (entry i = qubit i) as JSON values, or None."""
        if self.problem is None:
            return bits.astype(int).tolist()
        solution = self.problem.decode(bits).solution
        return None if solution is None else np.asarray(solution).tolist()

    def full_bits(self, x: np.ndarray, slack: np.ndarray) -> np.ndarray:
        """Decision bits x with slack bits: the encoding's own for a feasible x, else ``slack``."""
        if self.problem is not None and self.n_qubits > self.n_decision:
            solution = self.problem.solution_from_bits(x)
            if solution is not None and self.problem.is_feasible(solution):
                return self.problem.encode(solution)
        return np.concatenate([x, slack]).astype(np.uint8)
