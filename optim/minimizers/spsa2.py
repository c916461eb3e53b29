"""2-SPSA: second-order SPSA (Spall 2000, IEEE Trans. Autom. Control 45, 1839).

Each iteration also estimates the Hessian from a second simultaneous perturbation
(four evaluations per sample, see :func:`optim.minimizers._spsa_common.spsa_sample`), keeps the
running average H_k = k/(k+1) H_{k-1} + 1/(k+1) Hhat_k with H_0 = I (Qiskit's start, so
one noisy rank-2 sample never stands alone), and takes the Newton-like step
x_{k+1} = x_k - a_k (sqrt(H_k^2) + delta I)^{-1} g_k, Spall's positive-definite map
f_k(H) = sqrt(H H) + delta I with ``delta = regularization``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._budget import Objective
from ._checks import integer, real
from .spsa import minimize_spsa

__all__ = ["HessianSmoother", "minimize_2spsa"]


class HessianSmoother:
    """Running Hessian average and the regularised solve of the 2-SPSA step."""

    def __init__(self, dim: int, regularization: float, delay: int) -> None:
        self.hessian = np.eye(dim)
        self.regularization = regularization
        self.delay = delay

    def __call__(self, gradient: np.ndarray, sample: np.ndarray, k: int) -> np.ndarray:
        """Fold in Hessian ``sample`` of iteration ``k`` (0-based); return the step direction."""
        n = k + 1
        self.hessian = n / (n + 1) * self.hessian + sample / (n + 1)
        if k < self.delay:
            return gradient
        w, v = np.linalg.eigh((self.hessian + self.hessian.T) / 2)
        return v @ ((v.T @ gradient) / (np.abs(w) + self.regularization))


def minimize_2spsa(obj: Objective, x0: np.ndarray, rng: np.random.Generator, maxiter: int | None, *,
                   a: float | None = None, regularization: float = 0.01, hessian_delay: int = 0,
                   blocking: bool = True, **spsa_options: Any) -> Any:
    """2-SPSA; takes every SPSA option (:func:`optim.minimizers.spsa.minimize_spsa`) plus
    ``regularization`` (delta > 0) and ``hessian_delay`` (first-order steps before the
    Hessian is used). Unless ``learning_rate`` is given, ``a`` defaults to 1, Spall's
    (2000) choice for the Newton-scaled step (no calibration: the Hessian sets the scale).
    ``blocking`` defaults to True: early Hessian averages can be nearly singular, and
    Spall (2000) recommends such blocking for 2-SPSA."""
    smoother = HessianSmoother(x0.size, real("regularization", regularization, minimum=0, strict_minimum=True),
                               integer("hessian_delay", hessian_delay, minimum=0))
    if a is None and spsa_options.get("learning_rate") is None:
        a = 1.0
    return minimize_spsa(obj, x0, rng, maxiter, a=a, blocking=blocking, _precondition=smoother, **spsa_options)
