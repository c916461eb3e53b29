"""2-SPSA: the Hessian sample, its running average, the regularised Newton-like step."""

import numpy as np
import pytest
import scipy.linalg

import optim
from optim.minimizers._budget import Objective
from optim.minimizers._spsa_common import rademacher, spsa_sample
from optim.minimizers.spsa2 import HessianSmoother


def quadratic_form(q, b):
    return lambda x: float(0.5 * x @ q @ x + b @ x)


def test_hessian_sample_is_exact_per_direction_and_unbiased():
    q = np.array([[4.0, 1.0, 0.0], [1.0, 2.0, -0.5], [0.0, -0.5, 1.0]])
    obj = Objective(quadratic_form(q, np.array([1.0, 0.0, -1.0])))
    rng = np.random.default_rng(0)
    x = np.array([0.3, -0.2, 0.1])
    d1, d2 = rademacher(rng, (1, 3)), rademacher(rng, (1, 3))
    g, h, _ = spsa_sample(obj, x, 0.1, d1, d2)
    # on a quadratic each sample is D1^T Q D2 (D1 D2^T + D2 D1^T) / 2 exactly
    s = (d1[0] @ q @ d2[0]) * (np.outer(d1[0], d2[0]) + np.outer(d2[0], d1[0])) / 2
    np.testing.assert_allclose(h, s, atol=1e-9)
    # ... and the central-difference gradient sample is exact along D1
    np.testing.assert_allclose(g, (q @ x + [1.0, 0.0, -1.0]) @ d1[0] / d1[0], rtol=1e-9)
    # the average of many samples is Q
    d1, d2 = rademacher(rng, (20000, 3)), rademacher(rng, (20000, 3))
    _, mean_h, _ = spsa_sample(obj, x, 0.1, d1, d2)
    np.testing.assert_allclose(mean_h, q, atol=0.1)


def test_smoother_averages_and_solves_the_regularised_system():
    smoother = HessianSmoother(2, regularization=0.05, delay=0)
    samples = [np.array([[2.0, 1.0], [1.0, -3.0]]), np.array([[0.0, 0.5], [0.5, 1.0]])]
    g = np.array([1.0, -2.0])
    for k, s in enumerate(samples):
        direction = smoother(g, s, k)
    # H_0 = I, H_k = (k+1)/(k+2) H_{k-1} + S_k/(k+2) for 0-based k
    expected_h = (2 / 3) * (0.5 * np.eye(2) + 0.5 * samples[0]) + samples[1] / 3
    np.testing.assert_allclose(smoother.hessian, expected_h, rtol=1e-14)
    spd = np.real(scipy.linalg.sqrtm(expected_h @ expected_h)) + 0.05 * np.eye(2)
    np.testing.assert_allclose(direction, np.linalg.solve(spd, g), rtol=1e-10)


def test_hessian_delay_takes_first_order_steps():
    smoother = HessianSmoother(2, regularization=0.01, delay=2)
    g = np.array([1.0, 2.0])
    assert smoother(g, 5 * np.eye(2), 0) is g and smoother(g, 5 * np.eye(2), 1) is g
    assert not np.allclose(smoother(g, 5 * np.eye(2), 2), g)


def test_four_evaluations_per_iteration_plus_blocking(counted):
    f = counted(quadratic_form(np.diag([1.0, 3.0]), np.zeros(2)))
    r = optim.minimize(f, [1.0, 1.0], "2spsa", maxiter=5, seed=0)
    # blocking (default): 25 setup evaluations at x0, then 4 + 1 per iteration, 1 final
    assert r.nfev == f.calls == 25 + 5 * 5 + 1
    r = optim.minimize(f, [1.0, 1.0], "2spsa", maxiter=5, blocking=False, resamplings=2, seed=0)
    assert r.nfev == 5 * 8 + 1


def test_newton_scaling_beats_first_order_on_an_ill_conditioned_bowl():
    q = np.diag([1.0, 100.0])
    f = quadratic_form(q, np.array([-1.0, -100.0]))       # minimum at (1, 1), f* = -50.5
    second = [optim.minimize(f, [0.0, 0.0], "2spsa", maxfev=1000, seed=s).fun + 50.5 for s in range(6)]
    first = [optim.minimize(f, [0.0, 0.0], "spsa", maxfev=1000, seed=s).fun + 50.5 for s in range(6)]
    assert max(second) < 0.1 and np.mean(second) < 0.2 * np.mean(first)


def test_learning_rate_replaces_the_default_gain():
    f = quadratic_form(np.eye(2), np.zeros(2))
    r = optim.minimize(f, [1.0, 1.0], "2spsa", maxiter=3, learning_rate=[0.5, 0.5, 0.5], blocking=False, seed=0)
    assert r.nit == 3
    with pytest.raises(TypeError, match="learning_rate"):
        optim.minimize(f, [1.0, 1.0], "2spsa", maxiter=3, a=1.0, learning_rate=0.5)
