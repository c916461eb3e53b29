"""Gradient benchmarks (pytest bench --benchmark-only): forward expectation vs adjoint vs
parameter shift, 6 / 10 / 14 qubits, 20 and 80 parameters (RY + CNOT ladder ansatz)."""

import numpy as np
import pytest

import qsim
from qsim import Circuit, ParameterVector
from workloads import random_pauli_sum


def ansatz(n: int, num_parameters: int) -> Circuit:
    """RY rotations cycling over the qubits, a CNOT ladder after every n of them."""
    theta = ParameterVector("theta", num_parameters)
    c = Circuit(n)
    for k in range(num_parameters):
        c.ry(theta[k], k % n)
        if k % n == n - 1:
            for q in range(n - 1):
                c.cx(q, q + 1)
    return c


CASES = [(n, p) for n in (6, 10, 14) for p in (20, 80)]


@pytest.mark.parametrize("what", ["forward", "adjoint", "parameter_shift"])
@pytest.mark.parametrize("n, p", CASES)
def test_gradient(benchmark, n, p, what):
    prog = qsim.compile(ansatz(n, p))
    obs = random_pauli_sum(n, 20, seed=n)
    theta = np.random.default_rng(p).uniform(-np.pi, np.pi, p)
    if what == "forward":
        benchmark(prog.expectation, theta, obs)
    else:
        prog.gradient(theta, obs, method=what)  # builds the parameter-shift expansion once
        benchmark(prog.gradient, theta, obs, what)


def test_spsa_iterations_6q_vqe(benchmark):
    """Adam-SPSA iterations per second on the 6-qubit VQE benchmark (HEA reps 2, 30 terms)."""
    import optim
    from qsim.library import hardware_efficient

    prog = qsim.compile(hardware_efficient(6, 2))
    obs = random_pauli_sum(6, 30, seed=0)
    x0 = np.zeros(prog.num_parameters)
    result = benchmark(lambda: optim.minimize(lambda x: prog.expectation(x, obs), x0, method="spsa", maxiter=100, seed=1))
    benchmark.extra_info["iterations"] = int(result.nit)
