"""Adam-SPSA as in the CRLQAS code (Patel et al., ICLR 2024, arXiv:2402.03500), whose
decaying-beta1 form is AdamSPSA of arXiv:1910.03591.

Iteration k = 0, 1, ... (the counter runs on across stages):
a_k = a/(k+1)^alpha, c_k = c/(k+1)^gamma (no stability constant A),
g = [f(x + c_k D) - f(x - c_k D)] / (2 c_k D) with D Rademacher,
beta1_k = beta1/(k+1)^lambda, m = beta1_k m + (1 - beta1_k) g, v = beta2 v + (1 - beta2) g^2,
mhat = m / (1 - beta1_k^(k+1)), vhat = v / (1 - beta2^(k+1)),
x <- x - a_k mhat / (sqrt(vhat) + eps), eps = 1e-8; then f(x) is evaluated and the best
point seen (x0 included) is returned.

Two details follow the CRLQAS code rather than the bare formulas:
- at k = 0 the step is the plain SPSA step x <- x - a_0 g and m, v stay 0 (the code
  applies Adam from k = 1); ``adam_first_step=True`` applies the Adam update at k = 0 too;
- all perturbations are drawn up front, ``rng.choice([-1, 1], size=(iterations, dim))``
  (with ``seed=42`` they are the CRLQAS code's default draws).
Not reproduced: the CRLQAS code overwrites the last angle of x0 with a uniform(0, 0.1)
draw; x0 is used as given here.

Budget. CRLQAS runs ceil(maxfev/2) iterations but makes 3 evaluations per iteration
(plus f(x0)) while counting 2. Here ``maxfev`` is a hard cap on every evaluation:
- without ``maxfev`` (and ``maxiter``), the preset's published maxfev sets the
  iterations, ceil(maxfev/2), and the run costs exactly 1 + 3 * iterations evaluations
  (the H2 default: 100 iterations, 301 evaluations, as the CRLQAS code spends);
- with ``maxfev``, iterations = ceil(maxfev/2) (or ``maxiter``) but the run stops when
  fewer than 3 evaluations remain, so at most floor((maxfev - 1)/3) iterations run.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from ._budget import Objective, Stopped, finish
from ._checks import real
from ._spsa_common import rademacher, spsa_sample

__all__ = ["PRESETS", "HYPERPARAMETERS", "resolve_preset", "minimize_adam_spsa", "run_stages"]

#: Tuned sets published with CRLQAS (REFERENCES.md): a, alpha, c, gamma, lam (lambda),
#: beta1, beta2, and the maxfev they were tuned for. The LiH-4 set is the 3-stage one;
#: its stage budgets (2383, 715, 238) are the defaults of the CRLQAS code's 3-stage
#: optimiser (min_spsa3_v2).
PRESETS: dict[str, dict[str, Any]] = {
    "h2-2": dict(a=1.4934, alpha=0.9931, c=0.0612, gamma=0.0253, lam=0.6104, beta1=0.8804, beta2=0.9979,
                 maxfev=200),                        # H2 2 qubits, 1e4 shots
    "h2-3": dict(a=0.5597, alpha=0.9958, c=0.0901, gamma=0.1530, lam=0.6535, beta1=0.7006, beta2=0.7719,
                 maxfev=250),                        # H2 3 qubits, 1e5 shots
    "lih-4": dict(a=1.8658, alpha=0.9451, c=0.046, gamma=0.1397, lam=0.0138, beta1=0.9658, beta2=0.8594,
                  maxfev=2383 + 715 + 238, stage_maxfev=(2383, 715, 238)),   # LiH 4 qubits, 3-stage
    "h2-2-mumbai": dict(a=1.2104, alpha=0.9531, c=0.1039, gamma=0.0984, lam=0.9277, beta1=0.9414, beta2=0.9983,
                        maxfev=500),                 # H2 2 qubits, IBM Mumbai noise
}

HYPERPARAMETERS = ("a", "alpha", "c", "gamma", "lam", "beta1", "beta2")


def resolve_preset(preset: str, overrides: dict[str, Any]) -> dict[str, Any]:
    """The preset's values with the non-None ``overrides`` applied, each validated."""
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; valid presets: {', '.join(PRESETS)}")
    unknown = sorted(set(overrides) - set(HYPERPARAMETERS))
    if unknown:
        raise TypeError(f"unknown Adam-SPSA option(s) {unknown}; valid: {', '.join(HYPERPARAMETERS)}")
    p = dict(PRESETS[preset])
    p.update({k: v for k, v in overrides.items() if v is not None})
    for name in ("a", "c"):
        p[name] = real(name, p[name], minimum=0, strict_minimum=True)
    for name in ("alpha", "gamma", "lam"):
        p[name] = real(name, p[name], minimum=0)
    for name in ("beta1", "beta2"):
        p[name] = real(name, p[name], minimum=0, maximum=1, strict_maximum=True)
    return p


def run_stages(obj: Objective, x0: np.ndarray, rng: np.random.Generator, p: dict[str, Any],
               stages: Sequence[tuple[int, int, dict[str, Any]]], *, eps: float, adam_first_step: bool,
               best_per_stage: bool = False) -> Any:
    """The CRLQAS Adam-SPSA loop over ``stages`` = [(iterations, cumulative evaluation
    limit, keyword arguments for fun)]; the iteration counter k, m and v run on across them.
    ``best_per_stage``: forget the best point at each stage that makes an iteration, so the
    answer comes from the last stage's evaluations."""
    total = sum(s[0] for s in stages)
    deltas = rademacher(rng, (total, x0.size))
    obj.kwargs = dict(stages[0][2])
    x = x0.copy()
    best_x, best_f = x.copy(), obj(x)
    m, v = np.zeros_like(x), np.zeros_like(x)
    k, success, message = 0, True, ""
    try:
        for start, (iterations, limit, kwargs) in zip(np.cumsum([0] + [s[0] for s in stages]), stages):
            obj.kwargs = dict(kwargs)
            if best_per_stage and k > 0 and iterations > 0 and obj.nfev + 3 <= limit:
                best_f = math.inf
            while k < start + iterations:
                if obj.nfev + 3 > limit:
                    break
                ak, ck = p["a"] / (k + 1) ** p["alpha"], p["c"] / (k + 1) ** p["gamma"]
                g, _, _ = spsa_sample(obj, x, ck, deltas[k:k + 1])
                if k == 0 and not adam_first_step:
                    step = g
                else:
                    b1k = p["beta1"] / (k + 1) ** p["lam"]
                    m = b1k * m + (1 - b1k) * g
                    v = p["beta2"] * v + (1 - p["beta2"]) * g**2
                    m_hat = m / (1 - b1k ** (k + 1))
                    v_hat = v / (1 - p["beta2"] ** (k + 1))
                    step = m_hat / (np.sqrt(v_hat) + eps)
                x = x - ak * step
                fx = obj(x)
                k += 1
                if fx < best_f:
                    best_x, best_f = x.copy(), fx
                obj.report(x, fx, k)
    except Stopped:
        success, message = False, "stopped by the callback (StopIteration)"
    if success:
        message = f"{k} of {total} iterations done" + ("" if k == total else f" within maxfev={obj.maxfev}")
    return finish(obj, best_x, best_f, k, success=success, message=message)


def stage_limits(obj: Objective, iterations: Sequence[int], weights: Sequence[float]) -> list[int]:
    """Cumulative evaluation limits per stage: the exact cost 1 + 3 * (iterations so far)
    without a budget (and sets ``obj.maxfev`` to the total), else ``maxfev`` split in
    proportion to ``weights``."""
    if obj.maxfev is None:
        obj.maxfev = 1 + 3 * int(sum(iterations))
        return [1 + 3 * int(n) for n in np.cumsum(iterations)]
    shares = np.cumsum(weights) / float(np.sum(weights))
    return [int(math.floor(obj.maxfev * s)) for s in shares[:-1]] + [obj.maxfev]


def minimize_adam_spsa(obj: Objective, x0: np.ndarray, rng: np.random.Generator, maxiter: int | None, *,
                       preset: str = "h2-2", a: float | None = None, alpha: float | None = None,
                       c: float | None = None, gamma: float | None = None, lam: float | None = None,
                       beta1: float | None = None, beta2: float | None = None, eps: float = 1e-8,
                       adam_first_step: bool = False) -> Any:
    """Adam-SPSA (module docstring). Hyper-parameters default to ``preset`` (``"h2-2"``,
    the paper's H2 2-qubit set; also ``"h2-3"``, ``"lih-4"``, ``"h2-2-mumbai"``); any
    given one overrides it. ``lam`` is the beta1 decay exponent lambda."""
    p = resolve_preset(preset, dict(a=a, alpha=alpha, c=c, gamma=gamma, lam=lam, beta1=beta1, beta2=beta2))
    nominal = p["maxfev"] if obj.maxfev is None else obj.maxfev
    iterations = maxiter if maxiter is not None else math.ceil(nominal / 2)
    limit = stage_limits(obj, [iterations], [1.0])[0]
    return run_stages(obj, x0, rng, p, [(iterations, limit, {})],
                      eps=real("eps", eps, minimum=0, strict_minimum=True), adam_first_step=bool(adam_first_step))
