"""``optim.minimize``: one entry point, scipy's interface, for every optimiser."""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

import numpy as np
from scipy.optimize import OptimizeResult

from ._budget import Objective, as_point
from ._checks import optional_integer
from .adam_spsa import HYPERPARAMETERS, minimize_adam_spsa
from .multistage import minimize_multistage_spsa
from .scipy_methods import GRADIENT_METHODS, SCIPY_METHODS, minimize_scipy, scipy_option_names
from .spsa import minimize_spsa
from .spsa2 import minimize_2spsa

__all__ = ["METHODS", "minimize", "option_names"]


def _options(*functions: Callable, extra: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The public keyword-only options of ``functions`` (None: free-form, checked by scipy)."""
    names = {n for f in functions for n, p in inspect.signature(f).parameters.items()
             if p.kind is p.KEYWORD_ONLY and not n.startswith("_")}
    return frozenset(names | set(extra))


#: method name -> (solver, allowed option names or None when scipy checks them)
METHODS: dict[str, tuple[Callable, frozenset[str] | None]] = {
    "spsa": (minimize_spsa, _options(minimize_spsa)),
    "adam-spsa": (minimize_adam_spsa, _options(minimize_adam_spsa)),
    "multistage-spsa": (minimize_multistage_spsa, _options(minimize_multistage_spsa, extra=HYPERPARAMETERS)),
    "2spsa": (minimize_2spsa, _options(minimize_2spsa, minimize_spsa)),
    **{name: (functools.partial(minimize_scipy, method=name), None) for name in SCIPY_METHODS},
}


def option_names(method: str) -> frozenset[str]:
    """The names ``minimize(..., method=method, **options)`` accepts in ``options`` (scipy's
    documented ones for the scipy methods); ValueError for an unknown method."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; valid methods: {', '.join(METHODS)}")
    allowed = METHODS[method][1]
    return scipy_option_names(method) if allowed is None else allowed


def _callable_or_none(name: str, value: Any) -> Any:
    if value is not None and not callable(value):
        raise TypeError(f"{name} must be callable or None, got {value!r}")
    return value


def minimize(fun: Callable, x0: Any, method: str = "spsa", *, jac: Any = None, maxfev: int | None = None,
             maxiter: int | None = None, callback: Callable | None = None, seed: Any = None,
             fun_batch: Callable | None = None, **options: Any) -> OptimizeResult:
    """Minimise ``fun(x) -> float`` from ``x0`` with ``method``.

    Methods: ``"spsa"`` (:mod:`optim.minimizers.spsa`), ``"adam-spsa"`` (:mod:`optim.minimizers.adam_spsa`),
    ``"multistage-spsa"`` (:mod:`optim.minimizers.multistage`; calls ``fun(x, shots=n)``),
    ``"2spsa"`` (:mod:`optim.minimizers.spsa2`), and scipy's ``"cobyla"``, ``"nelder-mead"``,
    ``"powell"``, ``"l-bfgs-b"``, ``"bfgs"`` (:mod:`optim.minimizers.scipy_methods`; ``jac`` for the
    last two). ``options`` are the method's own (see each module).

    ``maxfev`` caps every evaluation (calibration, blocking, resampling, finite
    differences and the final evaluation included) and is never exceeded.
    ``fun_batch(X) -> values`` (X of shape (m, d)) is used, when given, wherever a method
    evaluates several points at once (SPSA's perturbed pairs, a difference stencil); it
    counts m evaluations and must agree with ``fun`` row by row.
    ``callback(intermediate_result)`` gets an OptimizeResult (x, fun, nit, nfev) after
    each iteration; raising StopIteration ends the run and returns the current answer.
    ``seed``: int, None or numpy Generator; the same seed gives the same result.

    Returns an OptimizeResult with x, fun, nfev, nit, success, message and ``history``:
    one {"nfev", "fun", "x"} dict of plain floats per iteration (what the callback got).
    """
    key = method.lower() if isinstance(method, str) else method
    if key not in METHODS:
        raise ValueError(f"unknown method {method!r}; valid methods: {', '.join(METHODS)}")
    if not callable(fun):
        raise TypeError(f"fun must be callable, got {fun!r}")
    x = as_point(x0)
    maxfev = optional_integer("maxfev", maxfev, minimum=1)
    maxiter = optional_integer("maxiter", maxiter, minimum=1)
    _callable_or_none("callback", callback)
    _callable_or_none("fun_batch", fun_batch)
    if jac is not None and key not in GRADIENT_METHODS:
        raise ValueError(f"jac is used only by {sorted(GRADIENT_METHODS)}, not by method {method!r}")
    if seed is not None and not isinstance(seed, (int, np.integer, np.random.Generator)):
        raise TypeError(f"seed must be an int, a numpy Generator or None, got {seed!r}")
    solver, allowed = METHODS[key]
    if allowed is not None:
        unknown = sorted(set(options) - allowed)
        if unknown:
            raise TypeError(f"unknown option(s) {unknown} for method {method!r}; valid: {sorted(allowed)}")
    if key in GRADIENT_METHODS:
        options["jac"] = jac
    obj = Objective(fun, fun_batch=fun_batch, maxfev=maxfev, callback=callback)
    return solver(obj, x, np.random.default_rng(seed), maxiter, **options)
