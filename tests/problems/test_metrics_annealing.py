"""Optimality gap (DESIGN.md), approximation ratio, reports, and the annealing baseline."""

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


def test_annealing_finds_small_optima_and_is_reproducible():
    prob = P.MaxCut.random(16, p=0.4, weighted=True, seed=3)
    q = prob.to_qubo()
    e_min, _ = P.brute_force_minimum(q.Q, q.offset)
    r1 = P.simulated_annealing(q.Q, q.offset, sweeps=300, reads=5, seed=11)
    r2 = P.simulated_annealing(q.Q, q.offset, sweeps=300, reads=5, seed=11)
    assert r1.energy == pytest.approx(e_min)
    np.testing.assert_array_equal(r1.all_bits, r2.all_bits)
    assert q.energy(r1.bits[None])[0] == pytest.approx(r1.energy)


def test_annealing_on_constrained_problem_returns_feasible():
    prob = P.MIS.random(20, p=0.2, seed=2)
    q = prob.to_qubo()
    r = P.simulated_annealing(q.Q, q.offset, sweeps=500, reads=8, seed=0)
    dec = prob.decode(r.bits)
    assert dec.feasible and dec.objective == prob.solve_exact()[1]


def test_annealing_validation():
    with pytest.raises(ValueError, match="sweeps"):
        P.simulated_annealing(np.zeros((2, 2)), sweeps=0)
    with pytest.raises(TypeError, match="seed"):
        P.simulated_annealing(np.zeros((2, 2)), seed=1.5)
