"""PCE's cost per evaluation against a bare expectation call on the same circuit.

    python bench/pce_evaluation.py [--repeats 200]

For each case (m nodes of a random MaxCut-style Ising model, k-body correlators on the
smallest n with 3 C(n, k) >= m, the study's RY+RZ linear 2-rep ansatz, statevector, exact
correlators): the median time of one ``Program.expectation(theta, correlators)`` call (the
m correlators in one C++ call) and of one evaluation of PCE's loss (that call, the tanh,
the edge sum and the regulariser), and their ratio. Times in microseconds.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from optim.algorithms.pce import PceLoss
from optim.algorithms.pce_encoding import PceEncoding
from qsim import CompileOptions, Program
from qsim.library import efficient_su2

CASES = ((50, 2), (2000, 3))  # (m, k): m ~ 50 on 7 qubits; the paper's 2000 on 17


def random_ising(m: int, density: float, seed: int) -> tuple[np.ndarray, np.ndarray, float]:
    rng = np.random.default_rng(seed)
    J = np.triu(rng.choice([0.0, 1.0], size=(m, m), p=[1 - density, density]), 1)
    return np.zeros(m), J, 0.0


def median_time(call, repeats: int) -> float:
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    print("| m | k | qubits | expectation (us) | PCE loss (us) | ratio |")
    print("|---|---|---|---|---|---|")
    for m, k in CASES:
        encoding = PceEncoding(*random_ising(m, min(1.0, 6.0 / m), seed=0), k=k)
        program = Program(efficient_su2(encoding.n_qubits, 2, entanglement="linear"), CompileOptions())
        theta = np.random.default_rng(1).uniform(0.0, 1.0, program.num_parameters)
        loss = PceLoss(encoding, alpha=float(encoding.n_qubits), beta=0.5)
        bare = median_time(lambda: program.expectation(theta, encoding.observables), args.repeats)
        full = median_time(lambda: loss(program, theta, 0), args.repeats)
        print(f"| {m} | {k} | {encoding.n_qubits} | {bare * 1e6:.1f} | {full * 1e6:.1f} | {full / bare:.2f} |")


if __name__ == "__main__":
    main()
