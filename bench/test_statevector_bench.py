"""Statevector benchmarks (pytest bench --benchmark-only).

- the random-circuit workload: 20 layers of RX, RY, RZ on every qubit and a CNOT ladder,
  full statevector, n = 20 and 24;
- a variational loop: 6-qubit hardware-efficient ansatz (2 reps of RY layer + CNOT
  ladder), a random 30-term PauliSum, new parameters every call.
"""

import numpy as np
import pytest

import qsim
from qsim.library import hardware_efficient, rotation_layers
from workloads import random_pauli_sum


@pytest.mark.parametrize("precision", ["double", "single"])
@pytest.mark.parametrize("n", [20, 24])
def test_random_circuit(benchmark, n, precision):
    circuit = rotation_layers(n, 20)
    theta = np.random.default_rng(n).uniform(-np.pi, np.pi, circuit.num_parameters)
    prog = qsim.compile(circuit, precision=precision)
    benchmark.extra_info.update(blocks=prog.num_blocks, gates=len(circuit), threads=qsim.get_num_threads())
    benchmark.pedantic(prog.run, args=(theta,), rounds=3 if n <= 20 else 1, warmup_rounds=1 if n <= 20 else 0)


@pytest.mark.parametrize("noiseless", [True])
def test_variational_loop_6q(benchmark, noiseless):
    circuit = hardware_efficient(6, 2)
    obs = random_pauli_sum(6, 30, seed=0)
    prog = qsim.compile(circuit)
    rng = np.random.default_rng(1)
    thetas = rng.uniform(-np.pi, np.pi, size=(1000, circuit.num_parameters))
    state = {"i": 0}

    def evaluate():
        state["i"] = (state["i"] + 1) % len(thetas)
        return prog.expectation(thetas[state["i"]], obs)

    benchmark(evaluate)


def test_variational_batch_6q(benchmark):
    """200 parameter vectors in one expectation_batch call."""
    circuit = hardware_efficient(6, 2)
    obs = random_pauli_sum(6, 30, seed=0)
    prog = qsim.compile(circuit)
    thetas = np.random.default_rng(1).uniform(-np.pi, np.pi, size=(200, circuit.num_parameters))
    benchmark(prog.expectation_batch, thetas, obs)
