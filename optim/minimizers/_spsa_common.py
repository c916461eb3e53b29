"""Pieces shared by the SPSA family: gain sequences, perturbations, the two-sided sample.

Spall, "Implementation of the simultaneous perturbation algorithm for stochastic
optimization", IEEE Trans. Aerosp. Electron. Syst. 34 (1998) 817 (first order);
Spall, "Adaptive stochastic approximation by the simultaneous perturbation method",
IEEE Trans. Autom. Control 45 (2000) 1839 (second order).
"""

from __future__ import annotations

import itertools
import numbers
from typing import Any, Iterator

import numpy as np

from ._budget import Objective
from ._checks import real


def power_series(scale: float, exponent: float, offset: float = 0.0) -> Iterator[float]:
    """``scale / (k + 1 + offset) ** exponent`` for k = 0, 1, 2, ..."""
    for k in itertools.count():
        yield scale / (k + 1 + offset) ** exponent


def schedule(value: Any, name: str) -> Iterator[float]:
    """A gain sequence from a float (constant), an iterable, or a callable returning an
    iterator (Qiskit's convention for ``learning_rate`` / ``perturbation``); each value is
    checked when drawn, and running out raises ValueError naming ``name``."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        source: Iterator = itertools.repeat(real(name, value, minimum=0, strict_minimum=True))
    elif callable(value):
        source = iter(value())
    elif hasattr(value, "__iter__") and not isinstance(value, (str, bytes)):
        source = iter(value)
    else:
        raise TypeError(f"{name} must be a float, an iterable or a callable returning an iterator, got {value!r}")
    for k in itertools.count():
        try:
            item = next(source)
        except StopIteration:
            raise ValueError(f"{name} ran out of values after {k} iterations") from None
        yield real(f"{name}[{k}]", item, minimum=0, strict_minimum=True)


_SIGNS = np.array([-1.0, 1.0])


def rademacher(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Symmetric +-1 perturbations: the same draws as ``rng.choice([-1, 1], size=shape)``
    (the CRLQAS code's), without choice's overhead."""
    return _SIGNS[rng.integers(0, 2, size=shape)]


def finite_values(values: np.ndarray, points: np.ndarray, what: str) -> np.ndarray:
    """``values`` (of the rows of ``points``), refused when one is infinite: a difference of
    two evaluations, SPSA's gradient sample, must be finite."""
    bad = np.flatnonzero(~np.isfinite(values))
    if bad.size:
        k = int(bad[0])
        raise ValueError(f"the objective is {values[k]} at x = {points[k].tolist()} ({what}); SPSA methods "
                         "need finite objective values")
    return values


def spsa_sample(obj: Objective, x: np.ndarray, ck: float, deltas: np.ndarray,
                deltas2: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None, float]:
    """Averaged SPSA gradient (and Hessian) estimates at ``x`` from one batch of evaluations.

    ``deltas`` has one row per resampling. For each row the points are ``x + ck D`` and
    ``x - ck D`` (and, for the Hessian, ``x +- ck D + ck D2``), all sent as one batch.
    Gradient sample: ``g = [f(x + ck D) - f(x - ck D)] / (2 ck D)``. Hessian sample
    (Spall 2000 in the one-sided form Qiskit uses):
    ``dF = [f(x+ckD+ckD2) - f(x+ckD)] - [f(x-ckD+ckD2) - f(x-ckD)]``,
    ``H = dF / (2 ck^2) * (D D2^T + D2 D^T) / 2``.
    Returns (mean gradient, mean Hessian or None, mean of all values).
    """
    r, d = deltas.shape
    n = 2 if deltas2 is None else 4
    points = np.empty((r, n, d))                       # per resampling: +, -, (+ +, - +)
    np.add(x, ck * deltas, out=points[:, 0])
    np.subtract(x, ck * deltas, out=points[:, 1])
    if deltas2 is not None:
        np.add(points[:, 0], ck * deltas2, out=points[:, 2])
        np.add(points[:, 1], ck * deltas2, out=points[:, 3])
    flat = points.reshape(r * n, d)
    values = finite_values(obj.batch(flat), flat, "a gradient sample").reshape(r, n)
    grads = (values[:, 0] - values[:, 1])[:, None] / (2.0 * ck * deltas)
    hessian = None
    if deltas2 is not None:
        diff = ((values[:, 2] - values[:, 0]) - (values[:, 3] - values[:, 1])) / (2.0 * ck**2)
        outer = np.einsum("ri,rj->rij", deltas, deltas2)
        hessian = np.mean(diff[:, None, None] * (outer + outer.transpose(0, 2, 1)) / 2.0, axis=0)
    return grads.mean(axis=0), hessian, float(values.mean())
