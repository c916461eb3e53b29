"""Thin wrappers over ``scipy.optimize.minimize`` (COBYLA, Nelder-Mead, Powell, L-BFGS-B,
BFGS) so that they are called, budgeted and reported like the SPSA family.

Every objective call goes through the counting :class:`~optim.minimizers._budget.Objective`, which
stops scipy (from inside the call, before evaluating) when ``maxfev`` would be exceeded;
the result is then the best point evaluated (as it is whenever scipy itself ends
unsuccessfully with a worse point than one it evaluated). The scipy budget options that count the same
thing (COBYLA's ``maxiter``, Nelder-Mead's and Powell's ``maxfev``) are also set, so those
methods usually end on their own terms. Gradients for L-BFGS-B and BFGS: ``jac`` callable
(not counted in ``nfev``; counted in ``njev``), ``jac=True`` (``fun`` returns
``(f, grad)``), a scipy finite-difference string, or, by default, a forward-difference
stencil with scipy's '2-point' steps evaluated as one batch of d + 1 points (``fun_batch``
when given), counted as d + 1 evaluations.
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Callable

import numpy as np
import scipy.optimize
from scipy.optimize import OptimizeWarning

from ._budget import BudgetExhausted, Objective, Stopped, finish

__all__ = ["SCIPY_METHODS", "GRADIENT_METHODS", "minimize_scipy", "forward_difference", "scipy_option_names"]

SCIPY_METHODS = {"cobyla": "COBYLA", "nelder-mead": "Nelder-Mead", "powell": "Powell",
                 "l-bfgs-b": "L-BFGS-B", "bfgs": "BFGS"}
GRADIENT_METHODS = frozenset({"l-bfgs-b", "bfgs"})


def scipy_option_names(method: str) -> frozenset[str]:
    """The options scipy documents for ``method`` (the Options section of its
    ``show_options`` text), plus ``tol`` and ``bounds``, which minimize_scipy takes too."""
    text = scipy.optimize.show_options("minimize", SCIPY_METHODS[method], disp=False)
    section = text.split("Options\n-------\n", 1)[-1]
    return frozenset(re.findall(r"^(\w+) :", section, flags=re.M)) | {"tol", "bounds"}


def forward_difference(obj: Objective) -> Callable[[np.ndarray], tuple[float, np.ndarray]]:
    """``x -> (f(x), grad)`` from one batch [x, x + h_1 e_1, ..., x + h_d e_d], with scipy's
    '2-point' steps h_i = sqrt(machine eps) * sign(x_i) * max(1, |x_i|) (sign(0) = 1)."""
    def value_and_grad(x: np.ndarray) -> tuple[float, np.ndarray]:
        x = np.asarray(x, dtype=np.float64)
        sign = np.where(x >= 0, 1.0, -1.0)
        h = ((x + np.sqrt(np.finfo(np.float64).eps) * sign * np.maximum(1.0, np.abs(x))) - x)
        values = obj.batch(np.vstack([x, x + np.diag(h)]))
        return values[0], (values[1:] - values[0]) / h
    return value_and_grad


def _objective_and_jac(obj: Objective, jac: Any, counts: dict[str, int]) -> tuple[Callable, Any]:
    if jac is None:
        return forward_difference(obj), True
    if jac is True:
        user, last = obj.fun, {}

        def scalar(x: np.ndarray, **kw: Any) -> float:
            out = user(x, **kw)
            if not (isinstance(out, (tuple, list)) and len(out) == 2):
                raise TypeError(f"with jac=True, fun must return (value, gradient), got {out!r}")
            f, g = out
            last["grad"] = np.asarray(g, dtype=np.float64)
            if last["grad"].shape != x.shape:
                raise ValueError(f"with jac=True, the gradient fun returns must have shape {x.shape}, "
                                 f"got {last['grad'].shape}")
            return f
        obj.fun = scalar
        return (lambda x: (obj(x), last["grad"].copy())), True
    if callable(jac):
        def gradient(x: np.ndarray) -> np.ndarray:
            counts["njev"] += 1
            return np.asarray(jac(np.array(x, dtype=np.float64)), dtype=np.float64)
        return obj, gradient
    if isinstance(jac, str):
        return obj, jac
    raise TypeError(f"jac must be None, True, a callable or a scipy finite-difference string, got {jac!r}")


def minimize_scipy(obj: Objective, x0: np.ndarray, rng: np.random.Generator, maxiter: int | None, *,
                   method: str, jac: Any = None, tol: float | None = None, bounds: Any = None,
                   **options: Any) -> Any:
    """Run scipy's ``method`` under the evaluation budget; ``options`` go to scipy's
    ``options`` dict (an unknown one raises TypeError). ``rng`` is unused (deterministic)."""
    options = dict(options)
    budget = [v for v in (maxiter, obj.maxfev) if v is not None]
    if method == "cobyla":
        if budget:
            options.setdefault("maxiter", min(budget))     # COBYLA's maxiter counts evaluations
    else:
        if maxiter is not None:
            options.setdefault("maxiter", maxiter)
        if obj.maxfev is not None and method in ("nelder-mead", "powell"):
            options.setdefault("maxfev", obj.maxfev)
    counts = {"njev": 0, "nit": 0}
    if method in GRADIENT_METHODS and jac is None and not obj.can_afford(x0.size + 1):
        raise ValueError(f"maxfev={obj.maxfev} is too small for one finite-difference gradient "
                         f"({x0.size + 1} evaluations); give jac or a larger maxfev")
    if method in GRADIENT_METHODS:
        fun, grad = _objective_and_jac(obj, jac, counts)
    else:
        fun, grad = obj, None

    def report(intermediate_result: Any) -> None:
        counts["nit"] += 1
        obj.report(intermediate_result.x, intermediate_result.fun, counts["nit"])

    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message="Unknown solver options", category=OptimizeWarning)
            res = scipy.optimize.minimize(fun, x0, method=SCIPY_METHODS[method], jac=grad, tol=tol,
                                          bounds=bounds, callback=report, options=options)
    except OptimizeWarning as exc:
        raise TypeError(f"bad option for method {method!r}: {exc}") from None
    except (BudgetExhausted, Stopped) as exc:
        message = ("stopped by the callback (StopIteration)" if isinstance(exc, Stopped)
                   else f"evaluation budget maxfev={obj.maxfev} reached")
        return finish(obj, obj.best_x, obj.best_fun, counts["nit"], success=False,
                      message=message + "; returning the best point evaluated", njev=counts["njev"])
    x, fun, message = res.x, float(res.fun), str(res.message)
    if not res.success and obj.best_fun < fun:      # e.g. stopped by its own budget mid line search
        x, fun, message = obj.best_x, obj.best_fun, message + "; returning the best point evaluated"
    return finish(obj, x, fun, res.get("nit", counts["nit"]), success=res.success, message=message,
                  njev=counts["njev"])
