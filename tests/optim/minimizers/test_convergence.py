"""Each optimiser reaches the known minimum of smooth test functions within a stated
budget, with and without seeded noise (looser tolerance when noisy).

The error measured is f_true(x) - f* (noise-free objective at the returned point) for the
bowls and the periodic landscape, |x - x*| for Rosenbrock (x* = 1, f* = 0).
"""

import numpy as np
import pytest
from scipy.optimize import rosen_der

import optim

SEEDS = (0, 1, 2)

# method, test function, dimension, budget, options, tolerance noiseless, noise level, tolerance noisy
BOWL_AND_COSINE_CASES = [
    ("spsa", "bowl", 2, 2000, {}, 3e-3, 0.01, 5e-3),
    ("spsa", "bowl", 5, 2000, {}, 3e-3, 0.01, 5e-3),
    ("spsa", "cosine", 4, 1000, {}, 1e-4, 0.01, 2e-3),
    ("2spsa", "bowl", 2, 2000, {"cond": 10}, 2e-3, 0.01, 5e-3),
    ("2spsa", "bowl", 5, 2000, {"cond": 10}, 2e-3, 0.01, 5e-3),
    ("adam-spsa", "cosine", 2, None, {}, 1e-5, 0.01, 5e-3),                          # paper default: 301 evaluations
    ("adam-spsa", "cosine", 4, None, {"preset": "h2-2-mumbai"}, 1e-3, 0.01, 5e-3),   # 751 evaluations
    ("adam-spsa", "cosine", 6, 3000, {"preset": "lih-4"}, 1e-4, 0.01, 5e-3),
    ("cobyla", "bowl", 5, 3000, {"cond": 10}, 1e-5, 1e-6, 1e-4),
]


def make(kind, dim, seed, noise, cond, bowl, cosines):
    if kind == "bowl":
        return bowl(dim, seed=seed, noise=noise, cond=cond)[0], bowl(dim, seed=seed, cond=cond)[0]
    return cosines(dim, seed=seed, noise=noise)[0], cosines(dim, seed=seed)[0]


@pytest.mark.parametrize("noisy", [False, True], ids=["exact", "noisy"])
@pytest.mark.parametrize("method, kind, dim, maxfev, options, tol, noise, noisy_tol", BOWL_AND_COSINE_CASES)
def test_reaches_the_minimum(method, kind, dim, maxfev, options, tol, noise, noisy_tol, noisy, bowl, cosines):
    options = dict(options)
    cond = options.pop("cond", 3.0)
    for seed in SEEDS:
        f, f_true = make(kind, dim, seed, noise if noisy else 0.0, cond, bowl, cosines)
        r = optim.minimize(f, np.zeros(dim), method, maxfev=maxfev, seed=seed, **options)
        assert maxfev is None or r.nfev <= maxfev
        assert f_true(r.x) < (noisy_tol if noisy else tol), (seed, f_true(r.x))


@pytest.mark.parametrize("noisy", [False, True], ids=["exact", "noisy"])
@pytest.mark.parametrize("best_per_stage, noisy_tol", [(False, 1e-2), (True, 2e-3)])
def test_multistage_with_shot_noise(noisy, best_per_stage, noisy_tol, cosines):
    # shot noise sigma = 0.3 / sqrt(shots); stages of 1e3, 1e4, 1e5 shots. Picking the best
    # over all stages (CRLQAS) favours lucky low-shot draws, hence the looser tolerance.
    for seed in SEEDS:
        f_true, _ = cosines(4, seed=seed)
        rng = np.random.default_rng(seed + 100)

        def f(x, shots):
            return f_true(x) + (0.3 / np.sqrt(shots) * rng.normal() if noisy else 0.0)

        r = optim.minimize(f, np.zeros(4), "multistage-spsa", shots=10**5, maxfev=1000, seed=seed,
                           best_per_stage=best_per_stage)
        assert r.nfev <= 1000
        assert f_true(r.x) < (noisy_tol if noisy else 1e-4), (seed, f_true(r.x))


# method, dimension, jac, budget, |x - 1| noiseless, noise, |x - 1| noisy
ROSENBROCK_CASES = [
    ("nelder-mead", 2, None, 5000, 1e-3, 1e-6, 1e-2),
    ("nelder-mead", 4, None, 5000, 1e-3, 1e-6, 1e-2),
    ("powell", 2, None, 5000, 1e-3, 1e-6, 1e-2),
    ("powell", 4, None, 5000, 1e-3, 1e-6, 1e-2),
    ("l-bfgs-b", 4, None, 5000, 1e-3, 1e-11, 1e-2),        # forward differences: tiny noise only
    ("l-bfgs-b", 4, rosen_der, 5000, 1e-5, 1e-6, 1e-2),
    ("bfgs", 4, None, 5000, 1e-3, 1e-11, 1e-2),
    ("bfgs", 4, rosen_der, 5000, 1e-5, 1e-6, 1e-2),
]


@pytest.mark.parametrize("noisy", [False, True], ids=["exact", "noisy"])
@pytest.mark.parametrize("method, dim, jac, maxfev, tol, noise, noisy_tol", ROSENBROCK_CASES)
def test_scipy_methods_solve_rosenbrock(method, dim, jac, maxfev, tol, noise, noisy_tol, noisy, rosen_fn):
    f = rosen_fn(noise=noise if noisy else 0.0)
    x0 = np.full(dim, -1.0) if dim == 2 else np.zeros(dim)
    r = optim.minimize(f, x0, method, jac=jac, maxfev=maxfev)
    assert r.nfev <= maxfev
    assert np.linalg.norm(r.x - 1.0) < (noisy_tol if noisy else tol)
