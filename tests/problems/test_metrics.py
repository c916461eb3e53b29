"""Optimality gap (DESIGN.md), approximation ratio and solution reports."""

import math

import numpy as np
import pytest

import problems as P


def test_optimality_gap_definition():
    assert P.optimality_gap(90, 100) == pytest.approx(10.0)
    assert P.optimality_gap(110, 100) == pytest.approx(10.0)
    assert P.optimality_gap(-90, -100) == pytest.approx(10.0)
    assert P.optimality_gap(100, 100, feasible=False) == math.inf
    assert P.optimality_gap(0, 0) == 0.0 and P.optimality_gap(3, 0) == math.inf
    assert P.absolute_deviation(3, 0) == 3


def test_approximation_ratio():
    assert P.approximation_ratio(80, 100, "max") == pytest.approx(0.8)
    assert P.approximation_ratio(125, 100, "min") == pytest.approx(0.8)
    assert P.approximation_ratio(80, 100, "max", feasible=False) == 0.0
    assert P.approximation_ratio(0, 0, "min") == 1.0
    with pytest.raises(ValueError, match="sense"):
        P.approximation_ratio(1, 1, "maximise")
    with pytest.raises(ValueError, match="value must be finite"):
        P.optimality_gap(float("nan"), 1)


def test_solution_report_uses_known_optimum():
    p = P.MDKP([10, 5], [[1, 1]], [1], known_optimum=10)
    r = P.solution_report(p, 0b10)          # qubit 1 = item 1
    assert r["feasible"] and r["objective"] == 5 and r["gap"] == pytest.approx(50.0)
    r = P.solution_report(p, 0b11)
    assert not r["feasible"] and r["gap"] == math.inf
    ms = P.MarketSplit([[1, 2]], [2], known_optimum=0)
    r = P.solution_report(ms, 0b01)
    assert r["gap"] == math.inf and r["absolute_deviation"] == 1


def test_approximation_ratios_entry_by_entry():
    values = np.array([80.0, 125.0, 0.0, 100.0, -5.0])
    feasible = np.array([True, True, True, False, True])
    assert P.approximation_ratios(values, 100.0, "max", feasible).tolist() == [0.8, 1.25, 0.0, 0.0, -0.05]
    assert P.approximation_ratios(values, 100.0, "min", feasible).tolist() == [1.25, 0.8, 0.0, 0.0, -20.0]
    assert P.approximation_ratios(values, 0.0, "max", feasible).tolist() == [math.inf, math.inf, 1.0, 0.0, math.inf]
