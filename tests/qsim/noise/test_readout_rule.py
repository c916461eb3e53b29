"""The readout rule: readout error belongs to measurement. Samples and shot estimates include
it; probabilities and exact expectations are the state's own unless readout=True, and with
readout=True they are the infinite-shot limits of the sampled values."""

import numpy as np
import pytest

import qsim
from qsim import Circuit, DiagonalObservable, NoiseModel, PauliSum, noise, reference

SHOTS = 200_000
CONFUSION = [[0.9, 0.1], [0.2, 0.8]]


def _circuit():
    return Circuit(2).ry(0.9, 0).ry(2.1, 1).cx(0, 1)


def _models():
    gate = NoiseModel().add(noise.depolarizing(0.03), gates="ry").add(noise.depolarizing(0.05, 2), gates="cx")
    with_readout = NoiseModel().add(noise.depolarizing(0.03), gates="ry").add(noise.depolarizing(0.05, 2), gates="cx")
    with_readout.add_readout(CONFUSION).add_readout(noise.readout_confusion(0.03, 0.15), qubits=1)
    return {"no readout": gate, "readout": with_readout}


@pytest.mark.parametrize("method", ["density_matrix", "ptm", "trajectories"])
@pytest.mark.parametrize("name", ["no readout", "readout"])
def test_exact_and_shot_values_agree_under_the_rule(method, name):
    nm = _models()[name]
    c = _circuit()
    ref = reference.compile(c, method="density_matrix", noise_model=nm)
    state = np.real(np.diag(ref.run()))  # the state's own distribution
    measured = nm.apply_readout(state)
    extra = {"trajectories": 20_000} if method == "trajectories" else {}
    prog = qsim.compile(c, method=method, noise_model=nm, seed=1, **extra)
    tol = 1e-10 if method != "trajectories" else 0.02
    np.testing.assert_allclose(prog.probabilities(), state, atol=tol)
    np.testing.assert_allclose(prog.probabilities(readout=True), measured, atol=tol)
    # samples: the measured distribution
    freq = np.bincount(prog.sample(shots=SHOTS, seed=5).indices.astype(np.int64), minlength=4) / SHOTS
    assert np.max(np.abs(freq - measured)) < 5 * np.sqrt(0.25 / SHOTS) + (tol if method == "trajectories" else 0)
    values = np.array([3.0, -1.0, 0.5, 2.0])
    for obs in (PauliSum([("IZ", 1.0), ("ZZ", -0.5)]), DiagonalObservable(values)):
        diag = obs.values if isinstance(obs, DiagonalObservable) else obs.diagonal()
        exact, limit = state @ diag, measured @ diag
        assert prog.expectation(None, obs) == pytest.approx(exact, abs=tol)
        assert prog.expectation(None, obs, readout=True) == pytest.approx(limit, abs=tol)
        assert ref.expectation(None, obs, readout=True) == pytest.approx(limit, abs=1e-12)
        shot_spread = 5 * np.max(np.abs(diag)) / np.sqrt(SHOTS)
        spread = shot_spread + (2 * tol if method == "trajectories" else 0)
        for readout in (False, True):  # shot estimates include readout error either way
            assert abs(prog.expectation(None, obs, shots=SHOTS, seed=7, readout=readout) - limit) < spread
        if name == "readout":
            assert abs(exact - limit) > 3 * shot_spread  # the test tells the two apart
