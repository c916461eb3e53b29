"""The loop every variational solver shares: compile the circuit once, minimise the cost
over its parameters, then measure the final state (the parameters of the best-cost
evaluation) and read the answer out.

What the solvers differ in, the circuit, the starting point and the cost, they pass in;
``finish`` returns the solver's part of a SolveResult.
"""

from __future__ import annotations

import time
from typing import NamedTuple

import numpy as np

from qsim import Program

from ..cost import EnergyCost
from ..gate_counts import gate_counts
from ..minimizers import minimize
from ..readout import read_out

OPTIMUM_RTOL = 1e-9


class Run(NamedTuple):
    """The best-cost evaluation of a minimisation (its parameters, cost and shots, None
    with exact costs), the cost of every evaluation, and their number."""

    theta: np.ndarray
    cost: float
    shots: np.ndarray | None
    history: list
    nfev: int


def compile_program(circuit, simulator, seeds) -> Program:
    """The circuit compiled with the simulator options (a device profile all-to-all on its
    qubits); ValueError when it does not fit them (qubits, noise model, memory), before
    anything is simulated."""
    return Program(circuit, simulator.compile_options(seed=seeds.integer("simulator"), num_qubits=circuit.num_qubits))


def energy_cost(target, simulator, alpha: float | None = None) -> EnergyCost:
    """The expectation (alpha None) or CVaR_alpha of the target's energies, as the simulator
    options measure it."""
    noise = simulator.noise_model(target.n_qubits)
    return EnergyCost(target.energies, alpha=alpha, shots=simulator.shots,
                      readout=noise is not None and noise.has_readout)


def optimise(program, cost: EnergyCost, x0: np.ndarray, optimizer, seed: int, shot_seeds: np.random.Generator) -> Run:
    """Minimise ``cost`` over the parameters of ``program`` from ``x0`` with the optimizer
    options (``seed`` its own); evaluation k draws its shots with the k-th seed of ``shot_seeds``."""
    history: list[float] = []
    best: dict = {"cost": np.inf}

    def fun(theta: np.ndarray) -> float:
        value, shots = cost(program, theta, int(shot_seeds.integers(2**63)))
        history.append(value)
        if value < best["cost"]:
            best.update(cost=value, theta=np.array(theta, dtype=np.float64), shots=shots)
        return value

    minimize(fun, np.asarray(x0, dtype=np.float64), seed=seed, **optimizer.minimize_kwargs())
    return Run(best["theta"], best["cost"], best["shots"], history, len(history))


def finish(target, circuit, program, run: Run, cost: EnergyCost, options, seeds) -> dict:
    """The solver's fields of a SolveResult: the raw and final bitstrings (``raw``,
    ``final``), the final state's probabilities of an optimal / a feasible solution, its
    expected approximation ratio and energy, gate counts, and the run's numbers."""
    start = time.perf_counter()
    p = program.probabilities(run.theta)
    shots = run.shots
    if shots is None and options.readout != "most-probable":
        shots = program.sample(run.theta, options.readout_shots, seeds.integer("readout")).indices
    cost.simulation_time += time.perf_counter() - start
    raw, final = read_out(target, options.readout, p, shots)
    objective, feasible, ratio = target.tables
    optimal = feasible & np.isclose(objective, target.optimum, rtol=OPTIMUM_RTOL, atol=OPTIMUM_RTOL)
    counts = gate_counts(circuit)
    return {"raw": raw, "final": final, "success_probability": float(p[optimal].sum()),
            "feasible_probability": float(p[feasible].sum()), "expected_approximation_ratio": float(p @ ratio),
            "energy": float(p @ target.energies), "depth": counts.depth, "n_one_qubit_gates": counts.one_qubit,
            "n_two_qubit_gates": counts.two_qubit, "n_parameters": program.num_parameters, "nfev": run.nfev,
            "simulation_time": cost.simulation_time, "history": [float(v) for v in run.history]}
