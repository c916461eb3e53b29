"""Adam-SPSA and multi-stage SPSA against an independent transcription of REFERENCES.md."""

import numpy as np
import pytest

import optim

# Typed from ../shared/REFERENCES.md (CRLQAS tuned sets): a alpha c gamma lambda beta1 beta2 maxfev
PUBLISHED = {
    "h2-2": (1.4934, 0.9931, 0.0612, 0.0253, 0.6104, 0.8804, 0.9979, 200),
    "h2-3": (0.5597, 0.9958, 0.0901, 0.1530, 0.6535, 0.7006, 0.7719, 250),
    "lih-4": (1.8658, 0.9451, 0.046, 0.1397, 0.0138, 0.9658, 0.8594, None),
    "h2-2-mumbai": (1.2104, 0.9531, 0.1039, 0.0984, 0.9277, 0.9414, 0.9983, 500),
}


def transcription(f, x0, deltas, a, alpha, c, gamma, lam, beta1, beta2, adam_at_k0=False):
    """The REFERENCES.md update, written out again; returns the iterates. At k = 0 the CRLQAS
    code takes the plain SPSA step (m, v untouched) unless adam_at_k0."""
    theta = np.array(x0, dtype=float)
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    out = []
    for k, delta in enumerate(deltas):
        a_k = a / (k + 1) ** alpha
        c_k = c / (k + 1) ** gamma
        g = (f(theta + c_k * delta) - f(theta - c_k * delta)) / (2 * c_k * delta)
        if k == 0 and not adam_at_k0:
            theta = theta - a_k * g
        else:
            b1k = beta1 / (k + 1) ** lam
            m = b1k * m + (1 - b1k) * g
            v = beta2 * v + (1 - beta2) * g * g
            m_hat = m / (1 - b1k ** (k + 1))
            v_hat = v / (1 - beta2 ** (k + 1))
            theta = theta - a_k * m_hat / (np.sqrt(v_hat) + 1e-8)
        out.append(theta.copy())
    return out


@pytest.mark.parametrize("preset", list(PUBLISHED))
def test_presets_are_the_published_values(preset):
    p = optim.ADAM_SPSA_PRESETS[preset]
    a, alpha, c, gamma, lam, b1, b2, maxfev = PUBLISHED[preset]
    assert (p["a"], p["alpha"], p["c"], p["gamma"], p["lam"], p["beta1"], p["beta2"]) == (a, alpha, c, gamma, lam, b1, b2)
    if maxfev is not None:
        assert p["maxfev"] == maxfev


@pytest.mark.parametrize("adam_first_step", [False, True])
@pytest.mark.parametrize("preset", ["h2-2", "lih-4"])
def test_matches_the_transcription_step_by_step(preset, adam_first_step, cosines):
    f, _ = cosines(3, seed=2)
    x0 = np.array([0.1, -0.4, 0.7])
    n = 6
    r = optim.minimize(f, x0, "adam-spsa", maxiter=n, seed=42, preset=preset, adam_first_step=adam_first_step)
    deltas = np.random.default_rng(42).choice([-1, 1], size=(n, 3))     # the CRLQAS draw
    a, alpha, c, gamma, lam, b1, b2, _ = PUBLISHED[preset]
    expected = transcription(f, x0, deltas, a, alpha, c, gamma, lam, b1, b2, adam_at_k0=adam_first_step)
    assert len(r.history) == n
    for h, theta in zip(r.history, expected):
        np.testing.assert_allclose(h["x"], theta, rtol=1e-13, atol=1e-15)
        assert h["fun"] == pytest.approx(f(theta), rel=1e-13)
    values = [f(x0)] + [f(t) for t in expected]
    best = int(np.argmin(values))
    assert r.fun == pytest.approx(values[best], rel=1e-13)
    np.testing.assert_allclose(r.x, ([x0] + expected)[best], rtol=1e-13)


def test_overrides_replace_preset_values(cosines):
    f, _ = cosines(2, seed=0)
    x0 = np.zeros(2)
    r = optim.minimize(f, x0, "adam-spsa", maxiter=4, seed=1, a=0.3, beta2=0.5)
    deltas = np.random.default_rng(1).choice([-1, 1], size=(4, 2))
    a, alpha, c, gamma, lam, b1, _, _ = PUBLISHED["h2-2"]
    expected = transcription(f, x0, deltas, 0.3, alpha, c, gamma, lam, b1, 0.5)
    np.testing.assert_allclose([h["x"] for h in r.history], expected, rtol=1e-13)


def test_k0_is_a_plain_spsa_step():
    # on a line the gradient sample is exact: the first step is a * slope, not Adam's a * sign
    r = optim.minimize(lambda x: 3.0 * float(x[0]), [0.0], "adam-spsa", maxiter=1, seed=0)
    assert r.history[0]["x"][0] == pytest.approx(-1.4934 * 3.0, rel=1e-12)
    r = optim.minimize(lambda x: 3.0 * float(x[0]), [0.0], "adam-spsa", maxiter=1, seed=0, adam_first_step=True)
    assert r.history[0]["x"][0] == pytest.approx(-1.4934 * 3.0 / (3.0 + 1e-8), rel=1e-12)


def test_default_budget_reproduces_the_paper_run(counted, cosines):
    # maxfev 200 -> ceil(200/2) = 100 iterations, 3 evaluations each plus f(x0)
    f = counted(cosines(2)[0])
    r = optim.minimize(f, [0.0, 0.0], "adam-spsa", seed=0)
    assert (r.nit, r.nfev, f.calls) == (100, 301, 301) and r.success


@pytest.mark.parametrize("maxfev, iterations", [(200, 66), (201, 66), (31, 10), (4, 1), (3, 0)])
def test_maxfev_is_a_hard_cap(maxfev, iterations, counted, cosines):
    f = counted(cosines(2)[0])
    r = optim.minimize(f, [0.0, 0.0], "adam-spsa", maxfev=maxfev, seed=0)
    assert r.nit == iterations and r.nfev == f.calls == 1 + 3 * iterations <= maxfev


def test_returns_the_best_point_seen_not_the_last():
    # a huge constant first step overshoots: x0 stays the best point
    f = lambda x: float(np.sum(np.asarray(x) ** 2))
    r = optim.minimize(f, [0.1, 0.1], "adam-spsa", maxiter=3, a=100.0, alpha=0.0, seed=0)
    assert r.x.tolist() == [0.1, 0.1] and r.fun == pytest.approx(0.02)
    assert all(h["fun"] > r.fun for h in r.history)


# --- multi-stage ----------------------------------------------------------------------

def test_default_shot_schedule_and_stage_order(counted, cosines):
    f = counted(cosines(2)[0])
    r = optim.minimize(f, [0.0, 0.0], "multistage-spsa", shots=1000, stage_maxfev=(10, 6, 4), seed=0)
    shots = [kw["shots"] for kw in f.kwargs_seen]
    # iterations ceil(s/2) = 5, 3, 2; f(x0) with the first stage's shots
    assert shots == [10] * (1 + 3 * 5) + [100] * (3 * 3) + [1000] * (3 * 2)
    assert (r.nit, r.nfev) == (10, 31)


def test_counters_carry_over_between_stages(cosines):
    # with an objective that ignores shots, three stages are one Adam-SPSA run of 10 iterations
    f, _ = cosines(3, seed=5)
    staged = optim.minimize(f, np.zeros(3), "multistage-spsa", shots=500, stage_maxfev=(10, 6, 4), seed=9)
    single = optim.minimize(f, np.zeros(3), "adam-spsa", maxiter=10, preset="lih-4", seed=9)
    assert staged.history == single.history
    np.testing.assert_array_equal(staged.x, single.x)


def test_maxfev_is_split_between_stages(counted, cosines):
    f = counted(cosines(2)[0])
    r = optim.minimize(f, [0.0, 0.0], "multistage-spsa", shots=1000, stage_maxfev=(10, 6, 4), maxfev=25, seed=0)
    # cumulative limits floor(25 * 10/20) = 12, floor(25 * 16/20) = 20, 25
    shots = [kw["shots"] for kw in f.kwargs_seen]
    assert shots == [10] * (1 + 3 * 3) + [100] * (3 * 3) + [1000] * (3 * 2)
    assert r.nfev == f.calls == 25


def test_explicit_schedule_and_fun_batch_get_shots(cosines):
    f, _ = cosines(2)
    seen = []

    def fun_batch(xs, shots):
        seen.append((len(xs), shots))
        return np.array([f(x) for x in xs])

    optim.minimize(lambda x, shots: f(x), [0.0, 0.0], "multistage-spsa", schedule=[7, 70],
                   stage_maxfev=[4, 2], fun_batch=fun_batch, seed=0)
    assert seen == [(2, 7), (2, 7), (2, 70)]


def test_maxiter_caps_the_earliest_stages_first(counted, cosines):
    f = counted(cosines(2)[0])
    r = optim.minimize(f, [0.0, 0.0], "multistage-spsa", shots=100, stage_maxfev=(10, 6, 4), maxiter=7, seed=0)
    assert [kw["shots"] for kw in f.kwargs_seen] == [1] * 16 + [10] * 6
    assert r.nit == 7


def test_default_stage_budgets_are_the_crlqas_ones(counted, cosines):
    # LiH-4 stage budgets (2383, 715, 238) -> 1192, 358, 119 iterations, 1 + 3 * 1669 evaluations
    f = counted(cosines(2)[0])
    r = optim.minimize(f, [0.0, 0.0], "multistage-spsa", shots=10**7, seed=0)
    shots = [kw["shots"] for kw in f.kwargs_seen]
    assert shots == [10**5] * (1 + 3 * 1192) + [10**6] * (3 * 358) + [10**7] * (3 * 119)
    assert (r.nit, r.nfev) == (1669, 5008)


def test_best_per_stage_picks_from_the_last_stage(counted):
    # the objective is lowest at x0 under the first stage's shot count only
    f = counted(lambda x, shots: float(np.sum(np.asarray(x) ** 2)) - (1.0 if shots == 1 and not np.any(x) else 0.0))
    r = optim.minimize(f, [0.0, 0.0], "multistage-spsa", shots=100, stage_maxfev=(4, 4, 4), a=0.01, seed=0)
    assert r.x.tolist() == [0.0, 0.0] and r.fun == -1.0
    r = optim.minimize(f, [0.0, 0.0], "multistage-spsa", shots=100, stage_maxfev=(4, 4, 4), a=0.01, seed=0,
                       best_per_stage=True)
    assert r.fun == min(h["fun"] for h in r.history[-2:]) and r.x.tolist() in [h["x"] for h in r.history[-2:]]
