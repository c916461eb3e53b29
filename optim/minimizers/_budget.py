"""The evaluation counter shared by every method: budget, batching, history, callback.

Every minimiser in :mod:`optim.minimizers` evaluates the objective only through an
:class:`Objective`. It counts each evaluation (a batch of ``m`` points counts ``m``),
refuses any call that would go past ``maxfev`` *before* making it (so the budget is
never exceeded), remembers the lowest value seen, and turns each per-iteration
:meth:`Objective.report` into a history entry and a ``callback(intermediate_result)``
call. A callback that raises ``StopIteration`` ends the run cleanly.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
from scipy.optimize import OptimizeResult

__all__ = ["BudgetExhausted", "Stopped", "Objective", "Result", "as_point", "finish"]


class BudgetExhausted(Exception):
    """Raised (before evaluating) when a call would go past ``maxfev``."""


class Stopped(Exception):
    """Raised when the user's callback raised ``StopIteration``."""


def as_point(x: Any, name: str = "x0") -> np.ndarray:
    """``x`` as a finite 1-d float64 array (a copy); ValueError/TypeError naming it otherwise."""
    try:
        arr = np.array(x, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be a sequence of real numbers, got {x!r}") from exc
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-d array, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {arr.tolist()}")
    return arr


class Objective:
    """Counting, budget-enforcing wrapper around ``fun`` / ``fun_batch``.

    ``kwargs`` are passed to every call (multi-stage SPSA sets ``shots`` here).
    """

    def __init__(
        self,
        fun: Callable,
        *,
        fun_batch: Callable | None = None,
        maxfev: int | None = None,
        callback: Callable | None = None,
    ) -> None:
        self.fun = fun
        self.fun_batch = fun_batch
        self.maxfev = maxfev
        self.callback = callback
        self.kwargs: dict[str, Any] = {}
        self.nfev = 0
        self.history: list[dict[str, Any]] = []
        self.best_x: np.ndarray | None = None
        self.best_fun = math.inf

    @property
    def remaining(self) -> float:
        """Evaluations left (``inf`` without a budget)."""
        return math.inf if self.maxfev is None else self.maxfev - self.nfev

    def can_afford(self, m: int) -> bool:
        return m <= self.remaining

    def _charge(self, m: int) -> None:
        if not self.can_afford(m):
            raise BudgetExhausted(f"maxfev={self.maxfev} reached")
        self.nfev += m

    def _record(self, x: np.ndarray, value: Any) -> float:
        try:
            f = float(value)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"objective must return a real number, got {value!r}") from exc
        if math.isnan(f):
            raise ValueError(f"objective returned nan at x={x.tolist()}")
        if f < self.best_fun:
            self.best_fun, self.best_x = f, x.copy()
        return f

    def __call__(self, x: np.ndarray) -> float:
        """One evaluation."""
        self._charge(1)
        x = np.array(x, dtype=np.float64)
        return self._record(x, self.fun(x.copy(), **self.kwargs))

    def batch(self, points: np.ndarray) -> np.ndarray:
        """Evaluate the rows of ``points`` (one ``fun_batch`` call when given); counts ``m``."""
        points = np.asarray(points, dtype=np.float64)
        m = points.shape[0]
        self._charge(m)
        if self.fun_batch is None:
            raw = [self.fun(p.copy(), **self.kwargs) for p in points]
        else:
            raw = np.asarray(self.fun_batch(points.copy(), **self.kwargs), dtype=np.float64)
            if raw.shape != (m,):
                raise ValueError(f"fun_batch must return shape ({m},), got {raw.shape}")
        return np.array([self._record(p, v) for p, v in zip(points, raw)])

    def report(self, x: np.ndarray, fun: float, nit: int) -> None:
        """Record one iteration in the history and pass it to the callback."""
        entry = {"nfev": int(self.nfev), "fun": float(fun), "x": np.asarray(x, dtype=np.float64).tolist()}
        self.history.append(entry)
        if self.callback is not None:
            info = OptimizeResult(x=np.array(x, dtype=np.float64), fun=float(fun), nit=nit, nfev=self.nfev)
            try:
                self.callback(info)
            except StopIteration as exc:
                raise Stopped("callback raised StopIteration") from exc


class Result(OptimizeResult):
    """scipy's OptimizeResult whose repr (and print) gives the history's length, not its
    entries; ``result.history`` holds them all."""

    def __repr__(self) -> str:
        if "history" not in self:
            return super().__repr__()
        return repr(OptimizeResult({**self, "history": f"[{len(self.history)} entries: .history]"}))


def finish(obj: Objective, x: np.ndarray, fun: float, nit: int, *, success: bool, message: str, **extra) -> Result:
    """The result every method returns: scipy's fields plus the JSON-ready ``history``."""
    return Result(
        x=np.array(x, dtype=np.float64),
        fun=float(fun),
        nfev=int(obj.nfev),
        nit=int(nit),
        success=bool(success),
        message=message,
        history=obj.history,
        **extra,
    )
