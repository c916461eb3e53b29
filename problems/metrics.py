"""Solution-quality metrics (shared/DESIGN.md definitions)."""

from __future__ import annotations

import math

import numpy as np

from . import validation as v


def optimality_gap(value: float, optimum: float, feasible: bool = True) -> float:
    """100 |f - f*| / |f*| in percent; infinite when infeasible. When f* = 0 (market
    split) the gap is 0 if f = 0 and infinite otherwise (report `absolute_deviation` too)."""
    value = v.real("value", value)
    optimum = v.real("optimum", optimum)
    if not feasible:
        return math.inf
    if optimum == 0.0:
        return 0.0 if value == 0.0 else math.inf
    return 100.0 * abs(value - optimum) / abs(optimum)


def absolute_deviation(value: float, optimum: float) -> float:
    """|f - f*|, the companion of the gap where f* = 0."""
    return abs(v.real("value", value) - v.real("optimum", optimum))


def approximation_ratio(value: float, optimum: float, sense: str, feasible: bool = True) -> float:
    """f / f* for maximisation, f* / f for minimisation (1 = optimal, smaller = worse);
    0 when infeasible. Both zero gives 1; a zero denominator otherwise gives 0 (min) or inf."""
    value = v.real("value", value)
    optimum = v.real("optimum", optimum)
    return float(approximation_ratios(np.array([value]), optimum, sense, np.array([bool(feasible)]))[0])


def approximation_ratios(values: np.ndarray, optimum: float, sense: str, feasible: np.ndarray) -> np.ndarray:
    """`approximation_ratio` of each entry of `values` (float64 array) with its `feasible` flag."""
    optimum = v.real("optimum", optimum)
    v.choice("sense", sense, ("min", "max"))
    values = np.asarray(values, dtype=np.float64)
    num, den = (values, np.full_like(values, optimum)) if sense == "max" else (np.full_like(values, optimum), values)
    zero = 0.0 if sense == "min" else math.inf
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(den == 0.0, np.where(num == 0.0, 1.0, zero), num / np.where(den == 0.0, 1.0, den))
    return np.where(np.asarray(feasible, dtype=bool), ratio, 0.0)


def solution_report(problem, bits, optimum: float | None = None) -> dict:
    """Feasibility, objective, gap, absolute deviation and approximation ratio of a
    bitstring for `problem` (optimum defaults to problem.known_optimum; None if unknown)."""
    decoded = problem.decode(bits)
    opt = problem.known_optimum if optimum is None else optimum
    report = {"feasible": decoded.feasible, "objective": decoded.objective, "optimum": opt,
              "gap": None, "absolute_deviation": None, "approximation_ratio": None}
    if opt is not None:
        report["gap"] = optimality_gap(decoded.objective, opt, decoded.feasible)
        report["absolute_deviation"] = absolute_deviation(decoded.objective, opt)
        report["approximation_ratio"] = approximation_ratio(decoded.objective, opt, problem.sense, decoded.feasible)
    return report
