"""The trajectories method: sampled Kraus branches, averaged, against the noisy reference."""

import numpy as np
import pytest
from noise_defs import GATES_1Q, random_circuit, random_noise_model

import qsim
from qsim import Circuit, NoiseModel, ParameterVector, PauliSum, noise, reference


def random_obs(n, rng, terms=6):
    labels = ["".join(rng.choice(list("IXYZ"), size=n)) for _ in range(terms)]
    return PauliSum([(lab, float(c)) for lab, c in zip(labels, rng.normal(size=terms))])


@pytest.mark.parametrize("seed", range(6))
def test_within_five_standard_errors_of_the_density_matrix(seed):
    rng = np.random.default_rng(seed)
    n = 1 + seed % 4
    c = random_circuit(rng, n, 15)
    nm = random_noise_model(rng, with_idle=bool(seed % 2))
    obs = random_obs(n, rng)
    exact = reference.compile(c, method="density_matrix", noise_model=nm).expectation(None, obs)
    prog = qsim.compile(c, method="trajectories", noise_model=nm, trajectories=2000, seed=seed)
    mean, error = prog.expectation_with_error(None, obs)
    assert abs(mean - exact) <= 5 * error + 1e-12
    assert prog.expectation(None, obs) == mean


def test_probabilities_converge_and_sampling_is_reproducible():
    c = Circuit(2).h(0).cx(0, 1)
    nm = NoiseModel().add(noise.amplitude_damping(0.3), gates=["cx"]).add(noise.depolarizing(0.1), gates=["h"])
    exact = reference.compile(c, method="density_matrix", noise_model=nm).probabilities()
    prog = qsim.compile(c, method="trajectories", noise_model=nm, trajectories=20000, seed=3)
    np.testing.assert_allclose(prog.probabilities(), exact, atol=0.02)
    a, b = prog.sample(shots=500, seed=1), prog.sample(shots=500, seed=1)
    assert np.array_equal(a.indices, b.indices)


def test_same_seed_same_numbers_whatever_the_thread_count():
    rng = np.random.default_rng(9)
    c = random_circuit(rng, 3, 20)
    nm = random_noise_model(rng, with_idle=False)
    obs = random_obs(3, rng)
    prog = qsim.compile(c, method="trajectories", noise_model=nm, trajectories=500, seed=11)
    results = []
    for threads in (1, 2):
        qsim.set_num_threads(threads)
        results.append(prog.expectation_with_error(None, obs))
    qsim.set_num_threads(0)
    assert results[0] == results[1]
    other = qsim.compile(c, method="trajectories", noise_model=nm, trajectories=500, seed=12)
    assert other.expectation(None, obs) != results[0][0]


def test_without_noise_every_trajectory_is_the_pure_state():
    t = ParameterVector("t", 2)
    c = Circuit(3).ry(t[0], 0).cx(0, 1).rzz(t[1], 1, 2)
    obs = PauliSum([("ZZI", 1.0), ("IXX", 0.5)])
    prog = qsim.compile(c, method="trajectories", trajectories=10)
    mean, error = prog.expectation_with_error([0.4, 1.1], obs)
    assert mean == pytest.approx(qsim.compile(c).expectation([0.4, 1.1], obs), abs=1e-12)
    assert error == pytest.approx(0.0, abs=1e-12)
    batch = prog.expectation_batch([[0.4, 1.1], [0.1, 0.2]], obs)
    assert batch[0] == pytest.approx(mean, abs=1e-12)


def test_trajectory_errors():
    c = Circuit(1).h(0)
    with pytest.raises(ValueError, match="trajectories"):
        qsim.compile(c, method="trajectories", trajectories=1)
    with pytest.raises(ValueError, match="method='trajectories'"):
        qsim.compile(c, trajectories=100)
    prog = qsim.compile(c, method="trajectories", trajectories=10)
    with pytest.raises(ValueError, match="not defined for trajectories"):
        prog.run()
    with pytest.raises(ValueError, match="needs the trajectories method"):
        qsim.compile(c).expectation_with_error(None, PauliSum([("Z", 1.0)]))


def test_error_bar_is_the_standard_error_of_the_mean():
    """Checked against the spread of 40 independently seeded runs: the standard deviation of
    their means is the standard error, 1/sqrt(trajectories) of the per-trajectory spread."""
    rng = np.random.default_rng(21)
    c = random_circuit(rng, 3, 20)
    nm = NoiseModel().add(noise.depolarizing(0.15), gates=GATES_1Q) \
        .add(noise.amplitude_damping(0.2), gates=["cx", "cz"])
    obs = random_obs(3, rng)
    trajectories = 200
    runs = [qsim.compile(c, method="trajectories", noise_model=nm, trajectories=trajectories, seed=s)
            .expectation_with_error(None, obs) for s in range(40)]
    means, errors = np.array(runs).T
    spread = np.std(means, ddof=1)
    assert spread > 0
    assert 0.7 < np.mean(errors) / spread < 1.4      # a standard deviation would be ~14x this
    assert np.std(errors) < 0.2 * np.mean(errors)    # each run's own estimate, not a fluke
