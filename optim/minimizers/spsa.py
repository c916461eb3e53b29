"""SPSA: simultaneous perturbation stochastic approximation (Spall 1998).

x_{k+1} = x_k - a_k g_k with g_k = [f(x_k + c_k D_k) - f(x_k - c_k D_k)] / (2 c_k D_k),
D_k Rademacher, a_k = a / (k + 1 + A)^alpha, c_k = c / (k + 1)^gamma (alpha = 0.602,
gamma = 0.101, Spall's practical values; A, the stability constant, is 0 by default as in
Qiskit, Spall suggests about 10% of the iterations). Options follow Qiskit's ``SPSA``
where they overlap.
"""

from __future__ import annotations

import math
from collections import deque
from typing import Any, Callable

import numpy as np

from ._budget import Objective, Stopped, finish
from ._checks import integer, real
from ._spsa_common import finite_values, power_series, rademacher, schedule, spsa_sample

__all__ = ["calibrate", "minimize_spsa"]

#: Qiskit's default target for the first step (``SPSA.calibrate``).
DEFAULT_TARGET_STEP = 2 * math.pi / 10


def calibrate(obj: Objective, x0: np.ndarray, rng: np.random.Generator, *, c: float, samples: int,
              target_step: float, alpha: float, A: float) -> float:
    """The gain ``a`` that makes the first step about ``target_step`` long per component.

    As Qiskit's ``SPSA.calibrate``: ``samples`` gradient samples at x0 with perturbation
    ``c`` (2 * samples evaluations, one batch), ``m = mean |f(x0+cD) - f(x0-cD)| / (2c)``,
    and ``a = target_step * (1 + A)^alpha / m``, so that ``a_0 * m = target_step``
    (Qiskit omits the ``(1 + A)^alpha`` factor; the two agree for A = 0). Falls back to
    ``a = target_step`` when the objective does not change (m = 0), as Qiskit does.
    """
    deltas = rademacher(rng, (samples, x0.size))
    points = np.stack([x0 + c * deltas, x0 - c * deltas], axis=1).reshape(-1, x0.size)
    values = finite_values(obj.batch(points), points, "calibrating the gain a").reshape(samples, 2)
    magnitude = float(np.mean(np.abs(values[:, 0] - values[:, 1]))) / (2 * c)
    if not magnitude > 0:
        return target_step
    return target_step * (1 + A) ** alpha / magnitude


def minimize_spsa(
    obj: Objective,
    x0: np.ndarray,
    rng: np.random.Generator,
    maxiter: int | None,
    *,
    a: float | None = None,
    c: float = 0.2,
    A: float = 0.0,
    alpha: float = 0.602,
    gamma: float = 0.101,
    learning_rate: Any = None,
    perturbation: Any = None,
    target_step: float = DEFAULT_TARGET_STEP,
    calibration_samples: int = 25,
    resamplings: int = 1,
    blocking: bool = False,
    allowed_increase: float | None = None,
    stddev_samples: int = 25,
    last_avg: int = 1,
    _precondition: Callable | None = None,
) -> Any:
    """First-order SPSA; also the loop that 2-SPSA runs with a Hessian ``_precondition``.

    Gains: ``learning_rate`` / ``perturbation`` (a float, an iterable, or a callable
    returning an iterator) override the power series built from ``a, A, alpha`` /
    ``c, gamma``. With neither ``a`` nor ``learning_rate``, ``a`` is calibrated
    (:func:`calibrate`, ``2 * calibration_samples`` evaluations).
    ``resamplings``: gradient samples averaged per iteration (one batch).
    ``blocking``: evaluate f at the candidate and reject it when it exceeds the current
    value by more than ``allowed_increase`` (default: 2 x the standard deviation of
    ``stddev_samples`` evaluations at x0, whose mean is the reference value of x0).
    ``last_avg``: return the average of the last ``last_avg`` iterates.
    History entries: x after the step and, as fun, the mean of the iteration's perturbed
    evaluations (an estimate of f before the step, as Qiskit reports), or with blocking
    f at the accepted point (rejected: the current point and value). With blocking the
    result also carries the ``allowed_increase`` used.
    One evaluation is always kept for the returned point: ``fun`` is a fresh f(x).
    """
    second_order = _precondition is not None
    c = real("c", c, minimum=0, strict_minimum=True)
    A = real("A", A, minimum=0)
    alpha, gamma = real("alpha", alpha, minimum=0), real("gamma", gamma, minimum=0)
    resamplings = integer("resamplings", resamplings, minimum=1)
    last_avg = integer("last_avg", last_avg, minimum=1)
    if not isinstance(blocking, bool):
        raise TypeError(f"blocking must be True or False, got {blocking!r}")
    if maxiter is None and obj.maxfev is None:
        maxiter = 100                                   # Qiskit's default
    cost = resamplings * (4 if second_order else 2) + (1 if blocking else 0)

    setup = 0
    if a is None and learning_rate is None:
        samples = integer("calibration_samples", calibration_samples, minimum=1)
        setup += 2 * samples
        target_step = real("target_step", target_step, minimum=0, strict_minimum=True)
    if blocking and allowed_increase is None:
        setup += integer("stddev_samples", stddev_samples, minimum=2)
    elif blocking:
        setup += 1
        allowed_increase = real("allowed_increase", allowed_increase, minimum=0)
    if not obj.can_afford(setup + 1):
        raise ValueError(f"maxfev={obj.maxfev} is too small: SPSA needs {setup + 1} evaluations before its "
                         f"first iteration (calibration / blocking setup) and one for the result")

    if learning_rate is None:
        if a is None:
            a = calibrate(obj, x0, rng, c=c, samples=samples, target_step=target_step, alpha=alpha, A=A)
        learning_rate = power_series(real("a", a, minimum=0, strict_minimum=True), alpha, A)
    elif a is not None:
        raise TypeError("give either a or learning_rate, not both")
    rates = schedule(learning_rate, "learning_rate")
    perturbations = schedule(power_series(c, gamma) if perturbation is None else perturbation, "perturbation")

    x, fx = x0.copy(), math.nan
    if blocking and allowed_increase is None:
        ref = obj.batch(np.tile(x0, (stddev_samples, 1)))
        fx, allowed_increase = float(ref.mean()), 2.0 * float(ref.std(ddof=1))
    elif blocking:
        fx = obj(x0)

    recent: deque = deque(maxlen=last_avg)
    nit, success, message = 0, True, "maximum number of iterations reached"
    try:
        while maxiter is None or nit < maxiter:
            if not obj.can_afford(cost + 1):
                success, message = False, f"evaluation budget maxfev={obj.maxfev} reached"
                break
            ak, ck = next(rates), next(perturbations)
            d1 = rademacher(rng, (resamplings, x.size))
            d2 = rademacher(rng, (resamplings, x.size)) if second_order else None
            g, h, estimate = spsa_sample(obj, x, ck, d1, d2)
            step = _precondition(g, h, nit) if second_order else g
            candidate = x - ak * step
            nit += 1
            if blocking:
                f_candidate = obj(candidate)
                if f_candidate > fx + allowed_increase:
                    obj.report(x, fx, nit)                # rejected: stay at x
                    continue
                fx = estimate = f_candidate
            x = candidate
            recent.append(x)
            obj.report(x, estimate, nit)
    except Stopped:
        success, message = False, "stopped by the callback (StopIteration)"
    x_out = np.mean(np.array(recent), axis=0) if recent else x
    extra = {"allowed_increase": allowed_increase} if blocking else {}
    return finish(obj, x_out, obj(x_out), nit, success=success, message=message, **extra)
