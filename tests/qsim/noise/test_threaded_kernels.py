"""The threaded density-matrix and ptm kernels (states above 2^16 entries): a 9-qubit noisy
circuit (4^9 entries) with 1 and 2 threads, against the dense reference."""

import numpy as np
import pytest

import qsim
from qsim import Circuit, NoiseModel, PauliSum, noise, reference

N = 9


@pytest.fixture(scope="module")
def case():
    rng = np.random.default_rng(17)
    c = Circuit(N)
    for q in range(N):
        c.ry(float(rng.uniform(-np.pi, np.pi)), q).rz(float(rng.uniform(-np.pi, np.pi)), q)
    for q in range(N - 1):
        c.cx(q, q + 1)
    c.cz(0, 8).h(4).cz(3, 6).sx(7).h(1).cz(5, 2)
    # noise on a few gates only: each noisy operation costs the dense reference about 0.5 s
    nm = (NoiseModel().add(noise.pauli_channel({"XZ": 0.03, "YI": 0.02}), gates=["cz"])
          .add(noise.amplitude_damping(0.1), gates=["h"]).add(noise.depolarizing(0.05), gates=["sx"]))
    labels = ["".join(rng.choice(list("IXYZ"), size=N)) for _ in range(12)] + ["Z" * N, "IIIIXXIII"]
    obs = PauliSum([(label, float(w)) for label, w in zip(labels, rng.normal(size=len(labels)))])
    expected = reference.compile(c, method="density_matrix", noise_model=nm).expectation(None, obs)
    return c, nm, obs, expected


@pytest.mark.parametrize("method", ["density_matrix", "ptm"])
def test_two_threads_equal_one_and_the_reference(case, method):
    c, nm, obs, expected = case
    prog = qsim.compile(c, method=method, noise_model=nm)
    values = {}
    try:
        for threads in (1, 2):
            qsim.set_num_threads(threads)
            assert qsim.get_num_threads() == threads
            values[threads] = (prog.expectation(None, obs), prog.probabilities())
    finally:
        qsim.set_num_threads(0)
    assert abs(values[1][0] - values[2][0]) <= 1e-12
    np.testing.assert_allclose(values[2][1], values[1][1], atol=1e-12)
    assert values[1][0] == pytest.approx(expected, abs=1e-10)
