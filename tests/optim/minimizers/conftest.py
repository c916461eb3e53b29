"""Test objectives for optim: counted calls, quadratic bowls, Rosenbrock, seeded noise."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import rosen


class Counted:
    """Wraps ``f`` and counts every evaluation; ``batch`` evaluates rows in order (m calls)."""

    def __init__(self, f):
        self.f = f
        self.calls = 0
        self.batch_calls = 0
        self.kwargs_seen = []

    def __call__(self, x, **kwargs):
        self.calls += 1
        self.kwargs_seen.append(kwargs)
        return self.f(np.asarray(x), **kwargs)

    def batch(self, xs, **kwargs):
        self.batch_calls += 1
        return np.array([self(x, **kwargs) for x in np.asarray(xs)])


def quadratic(dim: int, *, seed: int = 0, cond: float = 10.0, noise: float = 0.0, noise_seed: int = 123):
    """f(x) = (x - x*)^T Q (x - x*) / 2 with eigenvalues in [1, cond], x* ~ N(0, 1), plus
    N(0, noise^2) from a seeded Generator (fresh for each call of this factory)."""
    rng = np.random.default_rng(seed)
    basis, _ = np.linalg.qr(rng.normal(size=(dim, dim)))
    q = basis @ np.diag(np.geomspace(1.0, cond, dim)) @ basis.T
    x_star = rng.normal(size=dim)
    noise_rng = np.random.default_rng(noise_seed)

    def f(x, **_):
        r = np.asarray(x) - x_star
        return float(0.5 * r @ q @ r) + (noise * noise_rng.normal() if noise else 0.0)

    return f, x_star


def rosenbrock(*, noise: float = 0.0, noise_seed: int = 7):
    noise_rng = np.random.default_rng(noise_seed)
    return lambda x: float(rosen(x)) + (noise * noise_rng.normal() if noise else 0.0)


@pytest.fixture
def counted():
    return Counted


@pytest.fixture
def bowl():
    return quadratic


@pytest.fixture
def rosen_fn():
    return rosenbrock


def cosine_landscape(dim: int, *, seed: int = 0, noise: float = 0.0, noise_seed: int = 321):
    """A VQE-like periodic objective, f(x) = sum_i w_i (1 - cos(x_i - x*_i)) + 0.25 (1 - cos(x_0 + x_1 - x*_0 - x*_1)),
    minimum 0 at x* (mod 2 pi), weights w_i in [0.5, 1.5], plus seeded N(0, noise^2)."""
    rng = np.random.default_rng(seed)
    w, x_star = rng.uniform(0.5, 1.5, dim), rng.uniform(-1.0, 1.0, dim)
    noise_rng = np.random.default_rng(noise_seed)

    def f(x, **_):
        r = np.asarray(x) - x_star
        value = float(np.sum(w * (1 - np.cos(r))) + 0.25 * (1 - np.cos(r[0] + r[-1])))
        return value + (noise * noise_rng.normal() if noise else 0.0)

    return f, x_star


@pytest.fixture
def cosines():
    return cosine_landscape
