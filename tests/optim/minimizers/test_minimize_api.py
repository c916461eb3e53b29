"""The contract every method shares: budget, counting, batching, seeds, callback, history, errors."""

import json
import math

import numpy as np
import pytest

import optim

ALL = list(optim.METHODS)
STOCHASTIC = ["spsa", "adam-spsa", "multistage-spsa", "2spsa"]


def extra(method):
    return {"shots": 1000} if method == "multistage-spsa" else {}


def test_method_list_is_the_issue_list():
    assert set(ALL) == {"spsa", "adam-spsa", "multistage-spsa", "2spsa", "cobyla", "nelder-mead",
                        "powell", "l-bfgs-b", "bfgs"}


@pytest.mark.parametrize("maxfev", [60, 123, 400])
@pytest.mark.parametrize("method", ALL)
def test_maxfev_never_exceeded_and_nfev_exact(method, maxfev, counted, bowl):
    f = counted(bowl(3, seed=1, noise=0.01)[0])
    r = optim.minimize(f, np.zeros(3), method, maxfev=maxfev, seed=3, **extra(method))
    assert r.nfev == f.calls <= maxfev
    steps = [h["nfev"] for h in r.history]
    assert steps == sorted(steps) and all(s <= maxfev for s in steps)


@pytest.mark.parametrize("method", STOCHASTIC)
def test_stochastic_methods_spend_the_budget(method, counted, cosines):
    # nothing but exhaustion stops them: what is left is less than one iteration
    f = counted(cosines(3)[0])
    per_iteration = {"spsa": 2, "2spsa": 5, "adam-spsa": 3, "multistage-spsa": 3}[method]
    r = optim.minimize(f, np.zeros(3), method, maxfev=301, seed=0, **extra(method))
    assert 301 - per_iteration - 1 <= r.nfev <= 301


@pytest.mark.parametrize("method", ALL)
def test_fun_batch_gives_the_same_result(method, counted, bowl):
    plain = counted(bowl(3, seed=2, noise=0.01)[0])
    batched = counted(bowl(3, seed=2, noise=0.01)[0])
    r1 = optim.minimize(plain, np.zeros(3), method, maxfev=200, seed=11, **extra(method))
    r2 = optim.minimize(batched, np.zeros(3), method, maxfev=200, seed=11, fun_batch=batched.batch, **extra(method))
    np.testing.assert_array_equal(r1.x, r2.x)
    assert (r1.fun, r1.nfev, r1.nit) == (r2.fun, r2.nfev, r2.nit)
    assert r1.history == r2.history
    assert r2.nfev == batched.calls
    if method in STOCHASTIC or method in ("l-bfgs-b", "bfgs"):
        assert 0 < batched.batch_calls < batched.calls      # several points per call


@pytest.mark.parametrize("method", STOCHASTIC)
def test_batch_holds_the_two_perturbed_points(method, counted, cosines):
    f = counted(cosines(2)[0])
    sizes = []

    def fun_batch(xs, **kw):
        sizes.append(len(xs))
        return f.batch(xs, **kw)

    optim.minimize(f, np.zeros(2), method, maxiter=5, seed=0, fun_batch=fun_batch, a=0.1, **extra(method))
    assert sizes[-1] == (4 if method == "2spsa" else 2)


@pytest.mark.parametrize("method", ALL)
def test_same_seed_same_result(method, bowl):
    runs = [optim.minimize(bowl(3, seed=4, noise=0.01)[0], np.zeros(3), method, maxfev=150, seed=5, **extra(method))
            for _ in range(2)]
    np.testing.assert_array_equal(runs[0].x, runs[1].x)
    assert runs[0].history == runs[1].history


@pytest.mark.parametrize("method", STOCHASTIC)
def test_other_seed_other_path(method, bowl):
    f = bowl(3, seed=4)[0]
    r1, r2 = (optim.minimize(f, np.zeros(3), method, maxfev=150, seed=s, **extra(method)) for s in (5, 6))
    assert r1.history != r2.history


@pytest.mark.parametrize("method", ALL)
def test_callback_gets_intermediate_results(method, bowl):
    seen = []

    def callback(intermediate_result):
        assert isinstance(intermediate_result.x, np.ndarray) and intermediate_result.x.shape == (3,)
        seen.append((intermediate_result.x.tolist(), intermediate_result.fun, intermediate_result.nfev))

    r = optim.minimize(bowl(3, seed=6)[0], np.zeros(3), method, maxfev=300, seed=1, callback=callback,
                       **extra(method))
    assert len(seen) == len(r.history) >= 1
    assert [(h["x"], h["fun"], h["nfev"]) for h in r.history] == seen


@pytest.mark.parametrize("method", ALL)
def test_stop_iteration_stops_cleanly(method, counted, bowl):
    f = counted(bowl(3, seed=6)[0])
    calls = []

    def callback(intermediate_result):
        calls.append(intermediate_result.fun)
        if len(calls) == 3:
            raise StopIteration

    r = optim.minimize(f, np.zeros(3), method, maxfev=2000, seed=1, callback=callback, **extra(method))
    assert len(calls) == 3 and len(r.history) == 3
    assert not r.success and "StopIteration" in r.message
    assert r.nfev == f.calls < 2000
    assert np.all(np.isfinite(r.x)) and math.isfinite(r.fun)
    # the answer is a point whose value was evaluated: fun is f(x)
    assert r.fun == pytest.approx(f.f(r.x), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("method", ALL)
def test_result_form_and_json_history(method, bowl):
    r = optim.minimize(bowl(2, seed=0)[0], [0.5, -0.5], method, maxfev=100, seed=2, **extra(method))
    for key in ("x", "fun", "nfev", "nit", "success", "message", "history"):
        assert key in r
    assert isinstance(r.x, np.ndarray) and isinstance(r.fun, float) and isinstance(r.nfev, int)
    text = json.dumps(r.history)
    assert json.loads(text) == r.history
    for h in r.history:
        assert set(h) == {"nfev", "fun", "x"} and type(h["fun"]) is float and type(h["x"]) is list


def test_x0_is_not_modified(bowl):
    x0 = np.zeros(3)
    for method in ALL:
        optim.minimize(bowl(3)[0], x0, method, maxfev=60, seed=0, **extra(method))
    np.testing.assert_array_equal(x0, np.zeros(3))


# --- bad input ----------------------------------------------------------------------

def quad(x, **_):
    return float(np.sum(np.asarray(x) ** 2))


def test_unknown_method_lists_the_valid_ones():
    with pytest.raises(ValueError) as err:
        optim.minimize(quad, [1.0], "newton")
    for name in ALL:
        assert name in str(err.value)
    assert "'newton'" in str(err.value)


@pytest.mark.parametrize("x0, exc", [([1.0, np.nan], ValueError), ([np.inf], ValueError), ([], ValueError),
                                     ([[1.0, 2.0]], ValueError), ("ab", TypeError), (None, ValueError)])
def test_bad_x0(x0, exc):
    with pytest.raises(exc, match="x0"):
        optim.minimize(quad, x0, "spsa")


@pytest.mark.parametrize("maxfev, exc", [(0, ValueError), (-5, ValueError), (2.5, TypeError), (True, TypeError)])
def test_bad_maxfev(maxfev, exc):
    with pytest.raises(exc, match="maxfev"):
        optim.minimize(quad, [1.0], "spsa", maxfev=maxfev)


@pytest.mark.parametrize("kwargs, exc, word", [
    (dict(maxiter=0), ValueError, "maxiter"),
    (dict(callback=3), TypeError, "callback"),
    (dict(fun_batch="no"), TypeError, "fun_batch"),
    (dict(seed="x"), TypeError, "seed"),
    (dict(jac=lambda x: 2 * x), ValueError, "jac"),
    (dict(stepsize=1), TypeError, "stepsize"),
    (dict(c=-0.1), ValueError, "c"),
    (dict(c="big"), TypeError, "c"),
    (dict(resamplings=0), ValueError, "resamplings"),
    (dict(last_avg=1.5), TypeError, "last_avg"),
    (dict(blocking="yes"), TypeError, "blocking"),
    (dict(a=1.0, learning_rate=0.1), TypeError, "learning_rate"),
    (dict(learning_rate=object()), TypeError, "learning_rate"),
    (dict(learning_rate=[0.1, 0.1], maxiter=5), ValueError, "learning_rate"),
    (dict(perturbation=[0.1, -0.1], a=0.1), ValueError, "perturbation"),
])
def test_bad_spsa_options(kwargs, exc, word):
    with pytest.raises(exc, match=word):
        optim.minimize(quad, [1.0, 2.0], "spsa", maxfev=100, **kwargs)


@pytest.mark.parametrize("method, kwargs, exc, word", [
    ("adam-spsa", dict(preset="h2-9"), ValueError, "h2-9"),
    ("adam-spsa", dict(beta1=1.0), ValueError, "beta1"),
    ("adam-spsa", dict(lam=-1), ValueError, "lam"),
    ("adam-spsa", dict(shots=100), TypeError, "shots"),
    ("multistage-spsa", dict(), TypeError, "shots"),
    ("multistage-spsa", dict(shots=0), ValueError, "shots"),
    ("multistage-spsa", dict(schedule=[10, 100]), TypeError, "stage_maxfev"),
    ("multistage-spsa", dict(schedule=[10, 100], stage_maxfev=[5]), ValueError, "stage_maxfev"),
    ("multistage-spsa", dict(shots=100, beta3=0.5), TypeError, "beta3"),
    ("2spsa", dict(regularization=0), ValueError, "regularization"),
    ("2spsa", dict(hessian_delay=-1), ValueError, "hessian_delay"),
    ("nelder-mead", dict(not_an_option=1), TypeError, "not_an_option"),
    ("cobyla", dict(jac=lambda x: x), ValueError, "jac"),
    ("bfgs", dict(jac=5), TypeError, "jac"),
])
def test_bad_method_options(method, kwargs, exc, word):
    with pytest.raises(exc, match=word):
        optim.minimize(quad, [1.0, 2.0], method, maxfev=100, **kwargs)


def test_calibration_needs_budget():
    with pytest.raises(ValueError, match="maxfev=20"):
        optim.minimize(quad, [1.0], "spsa", maxfev=20)       # 50 calibration evaluations by default


def test_objective_returning_nan_is_named():
    with pytest.raises(ValueError, match="nan"):
        optim.minimize(lambda x: float("nan"), [1.0], "nelder-mead", maxfev=10)


def test_fun_batch_of_wrong_shape():
    with pytest.raises(ValueError, match="fun_batch"):
        optim.minimize(quad, [1.0, 2.0], "spsa", a=0.1, maxfev=10, fun_batch=lambda xs: np.zeros(3))


@pytest.mark.parametrize("method", ALL)
def test_result_repr_is_short_and_history_kept(method, bowl):
    r = optim.minimize(bowl(4, seed=0)[0], np.full(4, 0.5), method, maxfev=400, seed=2, **extra(method))
    text = repr(r)
    assert len(r.history) > 3 and f"history: [{len(r.history)} entries: .history]" in text
    assert str(r) == text and len(text.splitlines()) <= 12 and "'nfev':" not in text
    assert r.history[0]["nfev"] > 0                       # the entries are still there


@pytest.mark.parametrize("method", ["spsa", "2spsa"])
def test_spsa_stopped_by_the_budget_is_not_a_success(method, bowl):
    r = optim.minimize(bowl(2, seed=0)[0], [0.5, -0.5], method, maxfev=100, seed=2)
    assert not r.success and "maxfev=100 reached" in r.message and r.nfev <= 100
    done = optim.minimize(bowl(2, seed=0)[0], [0.5, -0.5], method, maxiter=5, seed=2)
    assert done.success and done.nit == 5


@pytest.mark.parametrize("method", STOCHASTIC)
def test_infinite_objective_named_in_the_message(method):
    def f(x, **_):
        return math.inf if x[0] > 0.5 else float(x @ x)   # the first perturbation crosses it

    with pytest.raises(ValueError, match=r"the objective is inf at x = \[.*SPSA methods need finite objective values"):
        optim.minimize(f, [0.5, -0.5], method, maxfev=400, seed=2, **extra(method))


@pytest.mark.parametrize("method", ["bfgs", "l-bfgs-b"])
def test_jac_true_needs_value_and_gradient(method):
    with pytest.raises(TypeError, match=r"with jac=True, fun must return \(value, gradient\), got 0.5"):
        optim.minimize(lambda x: float(x @ x), [0.5, 0.5], method, jac=True)
    with pytest.raises(ValueError, match=r"gradient fun returns must have shape \(2,\), got \(3,\)"):
        optim.minimize(lambda x: (float(x @ x), np.zeros(3)), [0.5, 0.5], method, jac=True)
    r = optim.minimize(lambda x: (float(x @ x), 2 * x), [0.5, 0.5], method, jac=True)
    assert r.success and np.allclose(r.x, 0, atol=1e-6)
