"""Multi-stage Adam-SPSA as in the CRLQAS code (arXiv:2402.03500): the same optimiser
run through a shot schedule, N/100 -> N/10 -> N shots by default, with the iteration
counter k (hence a_k, c_k, beta1_k and the bias corrections) and the moments m, v
carried over from stage to stage. See :mod:`optim.minimizers.adam_spsa` for the update.

Calling convention: the objective receives the current shot count as a keyword,
``fun(x, shots=n)`` (and ``fun_batch(X, shots=n)``), the way
``Program.expectation(theta, obs, shots=n)`` takes it; wrap with ``functools.partial``
or a lambda to adapt another signature. The first stage's shots are used for f(x0).

Budget: stage i runs ceil(stage_maxfev[i]/2) iterations (the CRLQAS rule per stage;
default (2383, 715, 238), the LiH-4 3-stage defaults of the CRLQAS code). Without
``maxfev`` the run costs exactly 1 + 3 * (total iterations) evaluations; with ``maxfev``
the budget is split between the stages in proportion to ``stage_maxfev`` (cumulative
limits), and a stage ends early when its share is spent.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from ._budget import Objective
from ._checks import integer, real
from .adam_spsa import resolve_preset, run_stages, stage_limits

__all__ = ["shot_schedule", "minimize_multistage_spsa"]


def shot_schedule(shots: int) -> tuple[int, int, int]:
    """CRLQAS's three stages: (N // 100, N // 10, N), each at least 1 shot."""
    shots = integer("shots", shots, minimum=1)
    return (max(1, shots // 100), max(1, shots // 10), shots)


def _positive_ints(name: str, values: Any) -> list[int]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(f"{name} must be a sequence of positive integers, got {values!r}")
    out = [integer(f"{name}[{i}]", v, minimum=1) for i, v in enumerate(values)]
    if not out:
        raise ValueError(f"{name} must not be empty")
    return out


def minimize_multistage_spsa(obj: Objective, x0: np.ndarray, rng: np.random.Generator, maxiter: int | None, *,
                             shots: int | None = None, schedule: Sequence[int] | None = None,
                             stage_maxfev: Sequence[int] | None = None, preset: str = "lih-4",
                             eps: float = 1e-8, adam_first_step: bool = False, best_per_stage: bool = False,
                             **hyper: Any) -> Any:
    """Multi-stage Adam-SPSA (module docstring). Give ``shots`` (N, for the default
    N/100 -> N/10 -> N schedule) or an explicit ``schedule`` of shot counts.
    ``stage_maxfev``: per-stage budgets in the CRLQAS sense (iterations = ceil(s/2)),
    default the preset's (LiH-4: 2383, 715, 238). ``maxiter`` caps the total iterations.
    Adam-SPSA hyper-parameters (``a, alpha, c, gamma, lam, beta1, beta2``) override the
    preset (default ``"lih-4"``, the published 3-stage set).

    The best point is chosen over all stages, as in the CRLQAS code; values from the
    low-shot stages are noisier, so a lucky early draw can win. ``best_per_stage=True``
    picks the best among the last stage's evaluations instead."""
    if (shots is None) == (schedule is None):
        raise TypeError("multistage-spsa needs exactly one of shots=N (schedule N/100, N/10, N) or schedule=[...]")
    shot_counts = list(shot_schedule(shots)) if schedule is None else _positive_ints("schedule", schedule)
    p = resolve_preset(preset, hyper)
    if stage_maxfev is None:
        stage_maxfev = p.get("stage_maxfev")
        if stage_maxfev is None or len(stage_maxfev) != len(shot_counts):
            raise TypeError(f"give stage_maxfev for a {len(shot_counts)}-stage schedule (preset {preset!r} has none)")
    budgets = _positive_ints("stage_maxfev", stage_maxfev)
    if len(budgets) != len(shot_counts):
        raise ValueError(f"stage_maxfev has {len(budgets)} entries but the schedule {shot_counts} has {len(shot_counts)}")
    iterations = [math.ceil(b / 2) for b in budgets]
    if maxiter is not None:                       # cap the total, earliest stages first
        left = maxiter
        for i, n in enumerate(iterations):
            iterations[i] = min(n, left)
            left -= iterations[i]
    limits = stage_limits(obj, iterations, budgets)
    stages = [(n, lim, {"shots": s}) for n, lim, s in zip(iterations, limits, shot_counts)]
    return run_stages(obj, x0, rng, p, stages, eps=real("eps", eps, minimum=0, strict_minimum=True),
                      adam_first_step=bool(adam_first_step), best_per_stage=bool(best_per_stage))
