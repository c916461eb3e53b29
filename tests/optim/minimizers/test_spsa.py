"""First-order SPSA: calibration, gain overrides, resampling, blocking, iterate averaging."""

import math

import numpy as np
import pytest

import optim
from optim.minimizers.spsa import DEFAULT_TARGET_STEP


def linear(slope):
    return lambda x, **_: float(slope * np.sum(x))


@pytest.mark.parametrize("A", [0.0, 10.0])
@pytest.mark.parametrize("slope", [3.0, -0.25])
def test_calibrated_first_step_has_the_target_length(A, slope):
    # on a line the gradient sample is exact, so a_0 |g_0| must be the target step
    r = optim.minimize(linear(slope), [0.3], "spsa", maxiter=1, A=A, seed=0)
    assert r.history[0]["nfev"] == 2 * 25 + 2
    step = r.history[0]["x"][0] - 0.3
    assert step == pytest.approx(-math.copysign(DEFAULT_TARGET_STEP, slope), rel=1e-12)


def test_calibration_samples_and_target_step_options():
    r = optim.minimize(linear(2.0), [0.0, 0.0], "spsa", maxiter=1, calibration_samples=4, target_step=0.05, seed=1)
    assert r.history[0]["nfev"] == 2 * 4 + 2
    # |x_1 - x_0| per component = a_0 |2 sum(D)| / |D_i| / mean|2 sum(D')| ... on a 2-d line the sample
    # magnitudes are 0 or 4, so only check the scale: no component moves more than 2 x target
    assert np.max(np.abs(r.history[0]["x"])) <= 2 * 0.05 + 1e-12


def test_flat_objective_falls_back_to_target_step():
    r = optim.minimize(lambda x: 1.0, [0.0, 0.0], "spsa", maxiter=2, seed=0)
    np.testing.assert_array_equal(r.x, [0.0, 0.0])
    assert r.fun == 1.0


@pytest.mark.parametrize("rate", [0.1, [0.1, 0.2, 0.3], "generator"])
def test_learning_rate_and_perturbation_overrides(rate):
    seq = [0.1, 0.2, 0.3]
    if rate == "generator":
        def rate():
            yield from seq
    expected = seq if isinstance(rate, list) or callable(rate) else [0.1] * 3
    r = optim.minimize(linear(2.0), [1.0], "spsa", maxiter=3, learning_rate=rate, perturbation=0.01, seed=0)
    xs = [1.0] + [h["x"][0] for h in r.history]
    np.testing.assert_allclose(np.diff(xs), [-2.0 * e for e in expected], rtol=1e-12)
    assert r.nfev == 3 * 2 + 1            # no calibration when learning_rate is given


def test_gains_are_spall_power_series():
    # with a given, a_k = a/(k+1+A)^alpha: on a line the k-th step is exactly slope * a_k
    a, A, alpha = 0.2, 5.0, 0.7
    r = optim.minimize(linear(1.0), [0.0], "spsa", maxiter=4, a=a, A=A, alpha=alpha, seed=0)
    xs = [0.0] + [h["x"][0] for h in r.history]
    np.testing.assert_allclose(np.diff(xs), [-a / (k + 1 + A) ** alpha for k in range(4)], rtol=1e-12)


@pytest.mark.parametrize("resamplings", [1, 3])
def test_resampling_costs_two_evaluations_each(resamplings, counted):
    f = counted(lambda x: float(np.sum(x**2)))
    r = optim.minimize(f, [1.0, 1.0], "spsa", maxiter=4, a=0.1, resamplings=resamplings, seed=0)
    assert np.diff([h["nfev"] for h in r.history]).tolist() == [2 * resamplings] * 3
    assert r.nfev == f.calls == 4 * 2 * resamplings + 1


def test_resampling_reduces_gradient_noise():
    # on a quadratic the gradient sample error averages down with more samples: the first
    # step goes closer to the exact gradient step
    f = lambda x: float(x @ np.diag([1.0, 2.0, 3.0, 4.0]) @ x / 2)
    x0 = np.ones(4)
    exact = x0 - 0.1 * np.array([1.0, 2.0, 3.0, 4.0])

    def error(r):
        return np.mean([np.linalg.norm(np.array(optim.minimize(f, x0, "spsa", maxiter=1, a=0.1, c=0.01,
                                                                 resamplings=r, seed=s).history[0]["x"]) - exact)
                        for s in range(20)])
    assert error(16) < 0.5 * error(1)


def test_blocking_rejects_a_step_that_worsens_the_objective():
    f = lambda x, **_: float(np.sum((np.asarray(x) - 1.0) ** 2))
    free = optim.minimize(f, [0.0, 0.0], "spsa", maxiter=3, learning_rate=5.0, seed=0)
    assert f(free.history[0]["x"]) > 10.0                # the big step makes it much worse
    blocked = optim.minimize(f, [0.0, 0.0], "spsa", maxiter=3, learning_rate=5.0, blocking=True, seed=0)
    for h in blocked.history:                             # every step rejected: stays at x0
        assert h["x"] == [0.0, 0.0] and h["fun"] == 2.0
    assert blocked.fun == 2.0
    # a tolerance larger than the increase lets the same step through
    loose = optim.minimize(f, [0.0, 0.0], "spsa", maxiter=3, learning_rate=5.0, blocking=True,
                           allowed_increase=1e6, seed=0)
    assert loose.history[0]["x"] == free.history[0]["x"]


def test_blocking_accepts_improving_steps_and_counts_its_evaluations(counted):
    f = counted(lambda x, **_: float(np.sum((np.asarray(x) - 1.0) ** 2)))
    r = optim.minimize(f, [0.0, 0.0], "spsa", maxiter=20, a=0.1, blocking=True, seed=0)
    values = [h["fun"] for h in r.history]
    assert values == sorted(values, reverse=True) and values[-1] < 0.5
    # setup: 25 evaluations at x0 to estimate the noise (std 0 here); 3 per iteration; 1 final
    assert r.history[0]["nfev"] == 25 + 3
    assert r.nfev == f.calls == 25 + 3 * 20 + 1


def test_blocking_tolerance_is_twice_the_noise_std():
    # objective = unit Gaussian noise only: the estimated tolerance is 2 std = 2
    def noisy(seed):
        rng = np.random.default_rng(seed)
        return lambda x: float(rng.normal())

    def rejected(r):
        xs = [h["x"] for h in r.history]
        return sum(a == b for a, b in zip(xs, xs[1:]))

    default = optim.minimize(noisy(1), [0.0], "spsa", maxiter=200, a=0.01, blocking=True, stddev_samples=200, seed=0)
    assert default.allowed_increase == pytest.approx(2.0, rel=0.15)
    strict = optim.minimize(noisy(1), [0.0], "spsa", maxiter=200, a=0.01, blocking=True, allowed_increase=0.0, seed=0)
    assert strict.allowed_increase == 0.0
    # the reference value ratchets down to lucky draws: with no tolerance almost every step is refused
    assert rejected(default) < 100 < 150 < rejected(strict)


def test_last_avg_returns_the_mean_of_the_last_iterates(counted):
    f = counted(lambda x: float(np.sum(np.asarray(x) ** 2)))
    r = optim.minimize(f, [1.0, -1.0, 0.5], "spsa", maxiter=10, a=0.1, last_avg=4, seed=2)
    np.testing.assert_allclose(r.x, np.mean([h["x"] for h in r.history[-4:]], axis=0), rtol=1e-15)
    assert r.fun == f.f(r.x)


def test_result_is_the_last_iterate_with_a_fresh_value(counted):
    f = counted(lambda x: float(np.sum(np.asarray(x) ** 2)))
    r = optim.minimize(f, [1.0, -1.0], "spsa", maxiter=10, a=0.1, seed=2)
    assert r.x.tolist() == r.history[-1]["x"] and r.fun == f.f(r.x) and r.nit == 10
