"""One statevector case above the parallel threshold (n = 16, 2^16 amplitudes), compared
with Qiskit Aer rather than with another configuration of this engine."""

import numpy as np
import pytest

import qsim

N = 16


def _layers(rng, depth=4):
    """[(gate, qubits, angle or None)]: RX, RY, RZ on every qubit, then a CX ladder, per layer."""
    ops = []
    for _ in range(depth):
        for name in ("rx", "ry", "rz"):
            ops += [(name, (q,), float(rng.uniform(-np.pi, np.pi))) for q in range(N)]
        ops += [("cx", (q, q + 1), None) for q in range(N - 1)]
        ops += [("rzz", (0, N - 1), float(rng.uniform(-np.pi, np.pi))), ("h", (5,), None), ("swap", (2, 11), None)]
    return ops


@pytest.fixture(scope="module")
def case():
    """(our circuit, Aer's statevector of the same gates); Aer runs them as given (all native)."""
    qiskit = pytest.importorskip("qiskit", reason="qiskit not installed")
    aer = pytest.importorskip("qiskit_aer", reason="qiskit-aer not installed")
    ours, theirs = qsim.Circuit(N), qiskit.QuantumCircuit(N)
    for name, qubits, angle in _layers(np.random.default_rng(3)):
        ours.append(name, qubits, () if angle is None else (angle,))
        getattr(theirs, name)(*(() if angle is None else (angle,)), *qubits)
    theirs.save_statevector()
    sim = aer.AerSimulator(method="statevector", precision="double", max_parallel_threads=1)
    return ours, np.asarray(sim.run(theirs).result().get_statevector())


@pytest.mark.parametrize("threads", [1, 2])
def test_16_qubit_statevector_equals_aer(case, threads):
    ours, expected = case
    try:
        qsim.set_num_threads(threads)
        got = qsim.compile(ours).run()
    finally:
        qsim.set_num_threads(0)
    np.testing.assert_allclose(got, expected, atol=1e-10)   # qubit 0 = least significant bit in both
