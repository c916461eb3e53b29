"""The child of test_interrupt.py: for each case named on the command line, prints
"start <case>", makes one long call (each would run >= 5 s uninterrupted on two cores) and
prints "interrupted <case>" when it raised KeyboardInterrupt (or "finished <case>"), then
"ok <case>" once the same Program gave the right answer again (or "bad <case> <detail>")."""

from __future__ import annotations

import sys

import numpy as np

import qsim
from qsim import Circuit, NoiseModel, ParameterVector, PauliSum, noise


def rx_layers(n: int, layers: int) -> Circuit:
    """layers x RX(t[q]) on every qubit q: <Z_q> = cos(layers t[q]); one block per gate unfused."""
    t = ParameterVector("t", n)
    c = Circuit(n)
    for _ in range(layers):
        for q in range(n):
            c.rx(t[q], q)
    return c


def z_sum(n: int) -> PauliSum:
    return PauliSum([(f"Z{q}", 1.0 + q) for q in range(n)], num_qubits=n)


def z_sum_exact(theta: np.ndarray, layers: int) -> float:
    return float(sum((1.0 + q) * np.cos(layers * t) for q, t in enumerate(theta)))


def close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=0, atol=1e-9))


def case_run():  # 24 qubits, 720 blocks of a 256 MB state
    program = qsim.compile(rx_layers(24, 30), fusion=0)
    theta = np.linspace(0.1, 1.0, 24)
    return lambda: program.run(theta), None


def case_batch():  # 8 rows of 1200 blocks on 20 qubits; then one row again
    program = qsim.compile(rx_layers(20, 60), fusion=0)
    thetas = np.linspace(0.1, 1.0, 8 * 20).reshape(8, 20)
    observable = z_sum(20)
    return (lambda: program.expectation_batch(thetas, observable),
            lambda: close(program.expectation(thetas[3], observable), z_sum_exact(thetas[3], 60)))


def case_gradient():  # adjoint: the forward sweep and three vectors back over 1200 gates
    program = qsim.compile(rx_layers(20, 60), fusion=0)
    return lambda: program.gradient(np.full(20, 0.3), z_sum(20)), None


def case_shift():  # the parameter-shift batch: 41 rows of 500 blocks on 20 qubits
    program = qsim.compile(rx_layers(20, 25), fusion=0)
    return lambda: program.gradient(np.full(20, 0.3), z_sum(20), method="parameter_shift"), None


def case_sample():  # 6e8 shots on 2 qubits; then 1000 shots against a fresh program
    c = Circuit(2).rx(ParameterVector("a", 1)[0], 0).cx(0, 1)
    program = qsim.compile(c)

    def same_as_fresh():
        fresh = qsim.compile(c)
        return (np.array_equal(program.sample([0.7], 1000, seed=3).indices, fresh.sample([0.7], 1000, seed=3).indices)
                and close(program.probabilities([0.7]), fresh.probabilities([0.7])))

    return lambda: program.sample([0.7], 6 * 10**8, seed=1), same_as_fresh


def case_trajectories():  # 10^7 trajectories of 8 noisy qubits, threaded over trajectories
    c = rx_layers(8, 4)
    nm = NoiseModel().add(noise.depolarizing(0.02), gates=["rx"])
    program = qsim.compile(c, method="trajectories", noise_model=nm, seed=5, trajectories=10**7)
    return lambda: program.expectation(np.full(8, 0.2), z_sum(8)), None


CASES = {"run": case_run, "batch": case_batch, "gradient": case_gradient, "shift": case_shift, "sample": case_sample,
         "trajectories": case_trajectories}


def main(names: list[str]) -> None:
    for name in names:
        call, check = CASES[name]()
        print("start", name, flush=True)
        try:
            call()
            print("finished", name, flush=True)
        except KeyboardInterrupt:
            print("interrupted", name, flush=True)
        if check is not None:
            print("ok" if check() else "bad", name, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
