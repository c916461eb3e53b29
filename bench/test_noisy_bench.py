"""Noisy benchmarks (pytest bench --benchmark-only): energy of a 50-term PauliSum after 10
noisy layers (RX, RY, RZ + CNOT ladder, depolarizing after every gate), density matrix and
PTM, n = 4..12; and the trajectories method at n = 12 and 16."""

import pytest

import qsim
from workloads import noisy_layers


@pytest.mark.parametrize("method", ["density_matrix", "ptm"])
@pytest.mark.parametrize("n", [4, 6, 8, 10, 12])
def test_noisy_energy(benchmark, n, method):
    circuit, nm, obs, theta = noisy_layers(n)
    prog = qsim.compile(circuit, method=method, noise_model=nm)
    benchmark.extra_info.update(blocks=prog.num_blocks, threads=qsim.get_num_threads())
    rounds = 1 if n >= 12 else 3
    benchmark.pedantic(prog.expectation, args=(theta, obs), rounds=rounds, warmup_rounds=0 if n >= 12 else 1)


@pytest.mark.parametrize("n", [12, 16])
def test_noisy_energy_trajectories(benchmark, n):
    circuit, nm, obs, theta = noisy_layers(n)
    prog = qsim.compile(circuit, method="trajectories", noise_model=nm, trajectories=100, seed=1)
    benchmark.pedantic(prog.expectation_with_error, args=(theta, obs), rounds=1)
