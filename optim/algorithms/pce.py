"""PCE, Pauli correlation encoding (Sciorilli et al., arXiv 2401.09421): m binary variables
on n = O(m^(1/k)) qubits (optim.algorithms.pce_encoding), a hardware-efficient ansatz, and
the tanh-relaxed loss

    L = sum_e W_e t_i t_j + beta nu [(1/m) sum_i t_i^2]^2,   t_i = tanh(alpha <Pi_i>),

(m the graph's nodes, nu the encoding's regulariser weight). Every evaluation reads all m
correlators in one ``Program.expectation`` call on the list of them. The answer: the signs
of the correlators at the best-cost evaluation (raw), then the bit-swap local search and
one round of repair (final). Defaults as the study's code: k = 2, alpha = n_qubits, beta =
0.5, RY+RZ, linear CX entanglement, 2 reps, theta ~ U[0, 1), correlators exact (the
simulator's ``shots`` do not apply: PCE reads expectation values).

SolveResult fields: ``energy`` is the relaxed Ising energy offset + sum_e W_e t_i t_j at the
best-cost evaluation (the loss without its regulariser, in QUBO units);
``success_probability``, ``feasible_probability`` and ``expected_approximation_ratio`` are
None: sign rounding is deterministic, the state is no distribution over solutions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from qsim.library import ENTANGLEMENTS, ROTATIONS, efficient_su2

from .._records import Record, choice
from ..minimizers._checks import integer, optional_integer, real
from .compressed import compressed_fields, post_process
from .pce_encoding import PceEncoding
from .variational import compile_program, optimise


@dataclass(frozen=True)
class PceOptions(Record):
    """k >= 1: the correlators' weight. n_qubits: None (the smallest n with 3 C(n, k) >= m) or
    an int >= k. loss_alpha > 0: the tanh scale (None: n_qubits). beta >= 0: the regulariser's
    weight. rotations, entanglement, reps: the ansatz (qsim.library.efficient_su2).
    local_search: the bit-swap search before the repair."""

    k: int = 2
    n_qubits: int | None = None
    loss_alpha: float | None = None
    beta: float = 0.5
    rotations: str = "ry+rz"
    entanglement: str = "linear"
    reps: int = 2
    local_search: bool = True

    def __post_init__(self):
        object.__setattr__(self, "k", integer("k", self.k, minimum=1))
        object.__setattr__(self, "n_qubits", optional_integer("n_qubits", self.n_qubits, minimum=1))
        if self.loss_alpha is not None:
            object.__setattr__(self, "loss_alpha", real("loss_alpha", self.loss_alpha, minimum=0.0,
                                                        strict_minimum=True))
        object.__setattr__(self, "beta", real("beta", self.beta, minimum=0.0))
        choice("rotations", self.rotations, ROTATIONS)
        choice("entanglement", self.entanglement, ENTANGLEMENTS)
        object.__setattr__(self, "reps", integer("reps", self.reps, minimum=0))
        if not isinstance(self.local_search, bool):
            raise TypeError(f"local_search must be a bool, got {self.local_search!r}")


def encoding(target, options: PceOptions) -> PceEncoding:
    """The PCE encoding of the target's Ising model with the options' k and n_qubits."""
    return PceEncoding(*target.ising, k=options.k, n_qubits=options.n_qubits)


def pce_qubits(target, options: PceOptions) -> int:
    return encoding(target, options).n_qubits


class PceLoss:
    """loss(program, theta, seed) -> (L, None), the module's loss (seed unused: exact
    correlators); ``simulation_time`` sums the seconds inside the simulator."""

    def __init__(self, encoding: PceEncoding, alpha: float, beta: float):
        self.encoding, self.alpha, self.beta = encoding, alpha, beta
        self.simulation_time = 0.0

    def spins(self, program, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(correlators, t = tanh(alpha correlators)) at theta, from one expectation call."""
        start = time.perf_counter()
        values = program.expectation(theta, self.encoding.observables)
        self.simulation_time += time.perf_counter() - start
        return values, np.tanh(self.alpha * values)

    def __call__(self, program, theta: np.ndarray, seed: int) -> tuple[float, None]:
        _, t = self.spins(program, theta)
        e = self.encoding
        regulariser = self.beta * e.nu * (float(t @ t) / t.size) ** 2
        return e.relaxed_energy(t) - e.offset + regulariser, None


def solve_pce(target, options: PceOptions, simulator, optimizer, seeds) -> dict:
    enc = encoding(target, options)
    circuit = efficient_su2(enc.n_qubits, options.reps, rotations=options.rotations,
                            entanglement=options.entanglement)
    program = compile_program(circuit, simulator, seeds)
    alpha = float(enc.n_qubits) if options.loss_alpha is None else options.loss_alpha
    loss = PceLoss(enc, alpha, options.beta)
    x0 = seeds.generator("initial").uniform(0.0, 1.0, program.num_parameters)
    run = optimise(program, loss, x0, optimizer, seeds.integer("optimizer"), seeds.generator("shots"))
    correlators, t = loss.spins(program, run.theta)
    raw = enc.round(correlators)
    final = post_process(target, raw, local_search=options.local_search)
    return compressed_fields(circuit, program, run, raw=raw, final=final, energy=enc.relaxed_energy(t),
                             simulation_time=loss.simulation_time)
