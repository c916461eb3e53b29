"""QRAO, quantum random access optimisation (Fuller et al., arXiv 2111.03167): the target's
Ising model in a (3,1), (2,1) or (1,1) encoding (optim.algorithms.qrao_encoding), VQE on
the relaxed Hamiltonian H (its exact expectation, as the study's code: the simulator's
``shots`` do not apply to the cost), then rounding of the best-cost state
(optim.algorithms.qrao_rounding): "magic" (``readout_shots`` seeded shots, the lowest-QUBO-
energy one kept) or "semideterministic". raw: the rounded bitstring; final: after one round
of repair (optim.repair). Defaults as the study's code: (3,1), RY+RZ circular 3 reps (Qiskit's
EfficientSU2), magic rounding, theta ~ U[0, 2 pi).

SolveResult fields: ``energy`` is <H> at the best-cost evaluation (offset included, QUBO
units), a lower bound's estimate of the minimum energy. With magic rounding,
``success_probability`` / ``feasible_probability`` are the fractions of the rounding shots
that decode to an optimal / a feasible solution (an estimate of the probability that one
magic-rounding shot does); with semideterministic rounding (one deterministic answer) both
are None. ``expected_approximation_ratio`` is None.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from qsim.library import ENTANGLEMENTS, ROTATIONS, efficient_su2

from .._records import Record, choice
from ..minimizers._checks import integer
from .compressed import compressed_fields, post_process
from .qrao_encoding import ENCODINGS, QraoEncoding
from .qrao_rounding import magic, measurement_circuit, semideterministic
from .variational import OPTIMUM_RTOL, compile_program, optimise

ROUNDINGS = ("magic", "semideterministic")


@dataclass(frozen=True)
class QraoOptions(Record):
    """encoding: one of ENCODINGS ("(3,1)", "(2,1)", "(1,1)"). rounding: "magic" or
    "semideterministic". readout_shots >= 1: magic rounding's shots. rotations,
    entanglement, reps: the ansatz (qsim.library.efficient_su2)."""

    encoding: str = "(3,1)"
    rounding: str = "magic"
    readout_shots: int = 1000
    rotations: str = "ry+rz"
    entanglement: str = "circular"
    reps: int = 3

    def __post_init__(self):
        choice("encoding", self.encoding, ENCODINGS)
        choice("rounding", self.rounding, ROUNDINGS)
        object.__setattr__(self, "readout_shots", integer("readout_shots", self.readout_shots, minimum=1))
        choice("rotations", self.rotations, ROTATIONS)
        choice("entanglement", self.entanglement, ENTANGLEMENTS)
        object.__setattr__(self, "reps", integer("reps", self.reps, minimum=0))


def encoding(target, options: QraoOptions) -> QraoEncoding:
    """The options' encoding of the target's Ising model."""
    return QraoEncoding(*target.ising, options.encoding)


def qrao_qubits(target, options: QraoOptions) -> int:
    return encoding(target, options).n_qubits


class RelaxedCost:
    """cost(program, theta, seed) -> (<H>, None), exact (seed unused); ``simulation_time``
    sums the seconds inside the simulator."""

    def __init__(self, hamiltonian):
        self.hamiltonian, self.simulation_time = hamiltonian, 0.0

    def __call__(self, program, theta: np.ndarray, seed: int) -> tuple[float, None]:
        start = time.perf_counter()
        value = program.expectation(theta, self.hamiltonian)
        self.simulation_time += time.perf_counter() - start
        return float(value), None


def solve_qrao(target, options: QraoOptions, simulator, optimizer, seeds) -> dict:
    enc = encoding(target, options)
    circuit = efficient_su2(enc.n_qubits, options.reps, rotations=options.rotations,
                            entanglement=options.entanglement)
    program = compile_program(circuit, simulator, seeds)
    cost = RelaxedCost(enc.hamiltonian)
    x0 = seeds.generator("initial").uniform(0.0, 2.0 * np.pi, program.num_parameters)
    run = optimise(program, cost, x0, optimizer, seeds.integer("optimizer"), seeds.generator("shots"))
    start = time.perf_counter()
    if options.rounding == "magic":
        measure = compile_program(measurement_circuit(circuit, enc.n_qubits), simulator, seeds)
        rows = magic(measure, run.theta, enc, options.readout_shots, seeds.generator("readout"))
    else:
        rows = semideterministic(program, run.theta, enc)
    simulation_time = cost.simulation_time + time.perf_counter() - start
    raw = rows[int(np.argmin(target.qubo.energy(rows)))]
    probabilities = {}
    if options.rounding == "magic":
        objective, feasible = target.decode_rows(rows[:, :target.n_decision])
        optimal = feasible & np.isclose(objective, target.optimum, rtol=OPTIMUM_RTOL, atol=OPTIMUM_RTOL)
        probabilities = {"success_probability": float(optimal.mean()), "feasible_probability": float(feasible.mean())}
    return compressed_fields(circuit, program, run, raw=raw, final=post_process(target, raw, local_search=False),
                             energy=run.cost, simulation_time=simulation_time, **probabilities)
