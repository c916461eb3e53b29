"""The fast noisy methods (density_matrix, ptm) against the noisy dense reference."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from noise_defs import random_circuit, random_noise_model

import qsim
from qsim import Circuit, NoiseModel, ParameterVector, PauliSum, noise, reference


def random_obs(n, rng, terms=10):
    labels = ["".join(rng.choice(list("IXYZ"), size=n)) for _ in range(terms)]
    return PauliSum([(lab, float(c)) for lab, c in zip(labels, rng.normal(size=terms))])


@settings(derandomize=True, max_examples=30, deadline=None)
@given(n=st.integers(1, 4), size=st.integers(0, 20), with_idle=st.booleans(), seed=st.integers(0, 2**32 - 1),
       fusion=st.sampled_from([0, 2, 4]))
def test_random_noisy_circuits_match_reference(n, size, with_idle, seed, fusion):
    rng = np.random.default_rng(seed)
    c = random_circuit(rng, n, size)
    nm = random_noise_model(rng, with_idle)
    ref = reference.compile(c, method="density_matrix", noise_model=nm)
    rho = ref.run()
    obs = random_obs(n, rng)
    for method in ("density_matrix", "ptm"):
        prog = qsim.compile(c, method=method, noise_model=nm, fusion=fusion)
        assert abs(prog.expectation(None, obs) - ref.expectation(None, obs)) < 1e-10
        np.testing.assert_allclose(prog.probabilities(), ref.probabilities(), atol=1e-10)
    dm = qsim.compile(c, method="density_matrix", noise_model=nm, fusion=fusion).run()
    np.testing.assert_allclose(dm, rho, atol=1e-10)
    # physical: unit trace, Hermitian, positive
    assert abs(np.trace(dm) - 1) < 1e-10
    assert np.max(np.abs(dm - dm.conj().T)) < 1e-10
    assert np.min(np.linalg.eigvalsh((dm + dm.conj().T) / 2)) >= -1e-10


def test_parametrised_noisy_circuit_and_batches():
    t = ParameterVector("t", 3)
    c = Circuit(3).ry(t[0], 0).cx(0, 1).rzz(2 * t[1], 1, 2).rx(t[2] - 0.5, 2).crz(t[0], 2, 0)
    nm = NoiseModel().add(noise.depolarizing(0.01), gates=["ry", "rx"]).add(noise.depolarizing(0.03, 2), gates=["cx", "rzz"])
    nm.add(noise.thermal_relaxation(80.0, 60.0, 2.0), gates=["cx", "crz"]).add(noise.amplitude_damping(0.02), gates=["rx"])
    obs = PauliSum([("ZZI", 1.0), ("XIX", 0.5), ("IYY", -0.25)])
    thetas = np.random.default_rng(0).uniform(-2, 2, size=(5, 3))
    ref = reference.compile(c, method="density_matrix", noise_model=nm)
    expected = [ref.expectation(x, obs) for x in thetas]
    for method in ("density_matrix", "ptm"):
        prog = qsim.compile(c, method=method, noise_model=nm)
        np.testing.assert_allclose(prog.expectation_batch(thetas, obs), expected, atol=1e-10)


def test_readout_changes_probabilities_and_samples_not_expectations():
    c = Circuit(2).x(0)
    nm = NoiseModel().add_readout([[0.9, 0.1], [0.2, 0.8]])
    for method in ("density_matrix", "ptm"):
        prog = qsim.compile(c, method=method, noise_model=nm)
        p = prog.probabilities(readout=True)
        np.testing.assert_allclose(prog.probabilities(), [0, 1, 0, 0], atol=1e-12)  # the state's own
        # true state |01>: qubit 0 reads 1 with 0.8, qubit 1 reads 0 with 0.9
        np.testing.assert_allclose(p, [0.2 * 0.9, 0.8 * 0.9, 0.2 * 0.1, 0.8 * 0.1], atol=1e-12)
        z0 = PauliSum([("Z0", 1.0)], num_qubits=2)
        assert prog.expectation(None, z0) == pytest.approx(-1.0)
        assert prog.expectation(None, z0, readout=True) == pytest.approx(0.2 - 0.8)
        s = prog.sample(shots=20000, seed=3)
        freq = np.bincount(s.indices.astype(np.int64), minlength=4) / 20000
        assert np.max(np.abs(freq - p)) < 0.02
        assert np.array_equal(s.indices, prog.sample(shots=20000, seed=3).indices)


def test_device_profile_noise_in_fast_methods():
    nm = NoiseModel.from_device("line5")
    c = Circuit(5)
    for q in range(5):
        c.sx(q)
    for q in range(4):
        c.cx(q, q + 1)
    c.rz(0.3, 2)
    obs = PauliSum([("ZZZZZ", 1.0), ("XIIIX", 0.5)])
    ref = reference.compile(c, method="density_matrix", noise_model=nm)
    for method in ("density_matrix", "ptm"):
        assert qsim.compile(c, method=method, noise_model=nm).expectation(None, obs) == pytest.approx(
            ref.expectation(None, obs), abs=1e-10)
    with pytest.raises(ValueError, match="coupling"):
        qsim.compile(Circuit(5).cx(0, 2), method="density_matrix", noise_model=nm)


def test_noise_model_errors():
    nm = NoiseModel().add(noise.depolarizing(0.1), gates=["h"])
    with pytest.raises(ValueError, match="statevector"):
        qsim.compile(Circuit(1).h(0), noise_model=nm)
    with pytest.raises(TypeError, match="NoiseModel"):
        qsim.compile(Circuit(1).h(0), method="density_matrix", noise_model="depolarizing")


@pytest.mark.parametrize("n, seed, idle", [(5, 1, True), (6, 2, True), (7, 3, False)])
def test_larger_noisy_circuits_match_reference(n, seed, idle):
    """Up to 7 qubits: every channel kind, every noisy method (trajectories within 5 sigma)."""
    rng = np.random.default_rng(seed)
    c = random_circuit(rng, n, 3 * n)
    nm = random_noise_model(rng, with_idle=idle)
    obs = random_obs(n, rng)
    rho = reference.density_matrix(c, noise_model=nm)  # the slow part: run it once
    exact = reference.expectation(rho, obs, n)
    probabilities = nm.apply_readout(np.clip(np.real(np.diag(rho)), 0, None))
    for method in ("density_matrix", "ptm"):
        prog = qsim.compile(c, method=method, noise_model=nm)
        assert abs(prog.expectation(None, obs) - exact) < 1e-10
        np.testing.assert_allclose(prog.probabilities(readout=True), probabilities, atol=1e-10)
    mean, error = qsim.compile(c, method="trajectories", noise_model=nm, trajectories=2000, seed=seed).expectation_with_error(None, obs)
    assert abs(mean - exact) <= 5 * error + 1e-12
