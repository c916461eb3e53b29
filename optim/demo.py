"""``qsim demo``: a built-in tour of the simulator: a 20-qubit random circuit (RX/RY/RZ
layers and a CNOT ladder), a 6-qubit VQE energy scan of a transverse-field Ising chain and a
VQE run with L-BFGS-B and adjoint gradients, printing results and timings (s, us).
"""

from __future__ import annotations

import time

import numpy as np

import qsim
from qsim.library import hardware_efficient, rotation_layers, transverse_field_ising

from .minimizers import minimize


def _best_time(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def demo(qubits: int = 20, layers: int = 20, vqe_qubits: int = 6, points: int = 41, seed: int = 1) -> dict:
    """Runs the demo and returns its figures (also printed)."""
    rng = np.random.default_rng(seed)
    print(f"qsim {qsim.__version__}: kernels {qsim.simd()}, {qsim.get_num_threads()} thread(s)")

    circuit = rotation_layers(qubits, layers)
    theta = rng.uniform(-np.pi, np.pi, circuit.num_parameters)
    start = time.perf_counter()
    prog = qsim.compile(circuit)
    compile_s = time.perf_counter() - start
    state = prog.run(theta)
    run_s = _best_time(lambda: prog.run(theta), 3)
    top = np.argsort(np.abs(state) ** 2)[::-1][:3]
    print(f"\nRandom circuit: {qubits} qubits, {layers} layers, {len(circuit)} gates -> {prog.num_blocks} fused blocks")
    print(f"  compile {compile_s * 1e3:.1f} ms, run {run_s * 1e3:.1f} ms (best of 3), norm {np.vdot(state, state).real:.12f}")
    for i in top:
        print(f"  |{int(i):0{qubits}b}>  p = {abs(state[i]) ** 2:.3e}")

    ansatz = hardware_efficient(vqe_qubits, reps=2)
    hamiltonian = transverse_field_ising(vqe_qubits, field=1.0)
    exact = float(np.linalg.eigvalsh(hamiltonian.to_matrix())[0])
    vqe = qsim.compile(ansatz)
    direction = rng.normal(size=ansatz.num_parameters)
    scales = np.linspace(-1.0, 1.0, points)
    thetas = np.outer(scales, direction)
    energies = vqe.expectation_batch(thetas, hamiltonian)
    single_us = _best_time(lambda: vqe.expectation(thetas[0], hamiltonian), 200) * 1e6
    batch_us = _best_time(lambda: vqe.expectation_batch(thetas, hamiltonian), 20) / points * 1e6
    best = int(np.argmin(energies))
    print(f"\nVQE energy scan: {vqe_qubits}-qubit transverse-field Ising chain, {len(hamiltonian)} terms, "
          f"{ansatz.num_parameters} parameters, {points} points along a random direction")
    for s, e in list(zip(scales, energies))[:: max(1, points // 8)]:
        print(f"  t = {s:+.2f}  E = {e:+.6f}")
    print(f"  lowest on the scan {energies[best]:+.6f} at t = {scales[best]:+.2f}; exact ground energy {exact:+.6f}")
    print(f"  {single_us:.1f} us per expectation, {batch_us:.1f} us per point in a batch")

    deeper = qsim.compile(hardware_efficient(vqe_qubits, reps=3))
    start = time.perf_counter()
    result = minimize(lambda x: deeper.value_and_gradient(x, hamiltonian), rng.uniform(-np.pi, np.pi, deeper.num_parameters),
                      method="l-bfgs-b", jac=True)
    vqe_s = time.perf_counter() - start
    print(f"\nVQE, L-BFGS-B with adjoint gradients (3 reps, {deeper.num_parameters} parameters): E = {result.fun:+.6f} "
          f"(error {result.fun - exact:.2e}) after {result.nfev} evaluations, {vqe_s * 1e3:.0f} ms")
    return {
        "random_circuit_run_s": run_s,
        "vqe_energies": energies.tolist(),
        "exact_ground_energy": exact,
        "expectation_us": single_us,
        "batch_us_per_point": batch_us,
        "vqe_energy": float(result.fun),
    }
