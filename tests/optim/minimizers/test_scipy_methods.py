"""The scipy wrappers: same answers as scipy, gradients, the hard budget, options."""

import numpy as np
import pytest
import scipy.optimize
from scipy.optimize import rosen, rosen_der

import optim
from optim.minimizers._budget import Objective
from optim.minimizers.scipy_methods import forward_difference


def bowl2(x):
    return float((x[0] - 1.0) ** 2 + 3.0 * (x[1] + 0.5) ** 2 + x[0] * x[1])


@pytest.mark.parametrize("method, scipy_name, f", [("nelder-mead", "Nelder-Mead", rosen), ("powell", "Powell", rosen),
                                                   ("cobyla", "COBYLA", bowl2)])
def test_derivative_free_methods_agree_with_scipy(method, scipy_name, f):
    x0 = np.array([-1.0, 1.5])
    ours = optim.minimize(f, x0, method, maxfev=3000)
    theirs = scipy.optimize.minimize(f, x0, method=scipy_name, options={"maxfev" if method != "cobyla" else "maxiter": 3000})
    assert theirs.success and ours.success
    np.testing.assert_array_equal(ours.x, theirs.x)
    assert ours.nfev == theirs.nfev and ours.fun == theirs.fun


@pytest.mark.parametrize("method, scipy_name", [("l-bfgs-b", "L-BFGS-B"), ("bfgs", "BFGS")])
def test_gradient_methods_with_jac_agree_with_scipy(method, scipy_name):
    x0 = np.zeros(4)
    ours = optim.minimize(rosen, x0, method, jac=rosen_der)
    theirs = scipy.optimize.minimize(rosen, x0, method=scipy_name, jac=rosen_der)
    np.testing.assert_array_equal(ours.x, theirs.x)
    assert ours.nfev == theirs.nfev and ours.njev == theirs.njev and ours.nit == theirs.nit


@pytest.mark.parametrize("method", ["l-bfgs-b", "bfgs"])
def test_jac_true_and_jac_callable_agree(method):
    both = lambda x: (rosen(x), rosen_der(x))
    r1 = optim.minimize(both, np.zeros(3), method, jac=True)
    r2 = optim.minimize(rosen, np.zeros(3), method, jac=rosen_der)
    np.testing.assert_array_equal(r1.x, r2.x)
    assert r1.nfev == r2.nfev


def test_forward_difference_stencil_is_one_batch_of_d_plus_1(counted):
    f = counted(rosen)
    obj = Objective(f, fun_batch=f.batch)
    x = np.array([0.5, -1.2, 2.0])
    value, grad = forward_difference(obj)(x)
    assert value == rosen(x) and f.batch_calls == 1 and f.calls == obj.nfev == 4
    np.testing.assert_allclose(grad, rosen_der(x), rtol=1e-5)


@pytest.mark.parametrize("method", ["cobyla", "nelder-mead", "powell", "l-bfgs-b", "bfgs"])
def test_budget_cut_returns_the_best_point_evaluated(method, counted):
    values = []
    f = counted(lambda x: values.append(rosen(x)) or values[-1])
    r = optim.minimize(f, np.zeros(4), method, maxfev=23)
    assert r.nfev == f.calls == len(values) <= 23
    assert r.fun == min(values)
    assert r.fun == rosen(r.x)


def test_budget_cut_in_the_middle_of_a_gradient_method(counted):
    f = counted(rosen)
    r = optim.minimize(f, np.zeros(4), "l-bfgs-b", maxfev=37)      # stencils of 5: 7 fit, then 2 left
    assert r.nfev == f.calls == 35 and not r.success and "maxfev=37" in r.message


def test_jac_evaluations_are_counted_apart():
    r = optim.minimize(rosen, np.zeros(3), "bfgs", jac=rosen_der, maxfev=10)
    assert r.nfev <= 10 and r.njev >= r.nfev - 1


def test_scipy_options_and_bounds_pass_through():
    r = optim.minimize(lambda x: float(np.sum((x - 5.0) ** 2)), [0.0, 0.0], "l-bfgs-b", bounds=[(0, 2), (0, 3)])
    np.testing.assert_allclose(r.x, [2.0, 3.0])
    loose = optim.minimize(rosen, [-1.0, 1.5], "nelder-mead", xatol=1e-1, fatol=1e-1)
    tight = optim.minimize(rosen, [-1.0, 1.5], "nelder-mead", xatol=1e-10, fatol=1e-10)
    assert loose.nfev < tight.nfev


def test_maxiter_is_passed_as_iterations():
    r = optim.minimize(rosen, np.zeros(3), "bfgs", maxiter=3)
    assert r.nit == 3 and not r.success


def test_finite_difference_jac_string_is_counted(counted):
    f = counted(rosen)
    r = optim.minimize(f, np.zeros(3), "bfgs", jac="3-point", maxfev=200)
    assert r.nfev == f.calls <= 200
