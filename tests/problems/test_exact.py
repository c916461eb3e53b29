"""Exact solvers cross-checked against each other and against enumeration; size limits."""

import itertools

import numpy as np
import pytest

import problems as P


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_tsp_mtz_equals_held_karp(seed):
    t = P.TSP.random(7, seed=seed)
    tour_m, len_m = t.solve_exact(method="milp")
    tour_h, len_h = t.solve_exact(method="held-karp")
    assert len_m == pytest.approx(len_h) and t.evaluate(tour_m) == pytest.approx(len_m)
    assert tour_m[0] == 0 and tour_h[0] == 0


def test_tsp_asymmetric_held_karp_equals_enumeration():
    D = np.random.default_rng(3).integers(1, 50, size=(6, 6)).astype(float)
    t = P.TSP(D)
    best = min(t.evaluate((0,) + p) for p in itertools.permutations(range(1, 6)))
    assert t.solve_exact(method="held-karp")[1] == best == t.solve_exact()[1]


@pytest.mark.parametrize("seed", [0, 1])
def test_qap_search_equals_enumeration(seed):
    rng = np.random.default_rng(seed)
    q = P.QAP(rng.integers(-5, 10, size=(6, 6)), rng.integers(0, 10, size=(6, 6)))   # negative flows: no pruning
    best = min(q.evaluate(np.array(p)) for p in itertools.permutations(range(6)))
    perm, value = q.solve_exact()
    assert value == best and q.evaluate(perm) == best
    qt = P.QAP.random(7, seed=seed)
    assert qt.solve_exact()[1] == min(qt.evaluate(np.array(p)) for p in itertools.permutations(range(7)))


@pytest.mark.parametrize("cls,kwargs", [(P.MIS, {"p": 0.3}), (P.MaxCut, {"p": 0.5}), (P.MaxCut, {"d": 3, "weighted": True})])
def test_graph_milp_equals_qubo_brute_force(cls, kwargs):
    prob = cls.random(14, seed=5, **kwargs)
    x, value = prob.solve_exact()
    q = prob.to_qubo()
    e, _ = P.brute_force_minimum(q.Q, q.offset)
    assert -e == pytest.approx(value) and prob.evaluate(x) == pytest.approx(value)


def test_mdkp_milp_equals_brute_force_over_items():
    p = P.MDKP.random(12, 3, seed=4)
    x, value = p.solve_exact()
    best = max(p.evaluate(np.array(b)) for b in itertools.product((0, 1), repeat=12) if p.is_feasible(np.array(b)))
    assert value == best


def test_market_split_milp_deviation():
    A = np.array([[3.0, 5.0, 7.0]])
    p = P.MarketSplit(A, [4.0])
    x, value = p.solve_exact()
    assert value == 1.0 and p.evaluate(x) == 1.0 and not p.is_feasible(x)


def test_exact_size_limits():
    with pytest.raises(ValueError, match="n = 11 exceeds the limit 10"):
        P.QAP.random(11, seed=0).solve_exact()
    with pytest.raises(ValueError, match="max_n"):
        P.QAP.random(3, seed=0).solve_exact(max_n=20)
    with pytest.raises(ValueError, match="held-karp.*19 exceeds the limit 18"):
        P.TSP.random(19, seed=0).solve_exact(method="held-karp")
    with pytest.raises(ValueError, match="31 exceeds the limit 30"):
        P.TSP.random(31, seed=0).solve_exact()
    with pytest.raises(ValueError, match="501 exceeds the limit 500"):
        P.MDKP(np.ones(501), np.ones((1, 501)), [3]).solve_exact()
    with pytest.raises(ValueError, match="61 exceeds the limit 60"):
        P.MarketSplit(np.ones((1, 61)), [3]).solve_exact()
    with pytest.raises(ValueError, match="limit 30"):
        P.brute_force_minimum(np.zeros((31, 31)))


def test_qap_time_limit_reports_incumbent():
    q = P.QAP.random(12, seed=0)
    with pytest.raises(RuntimeError, match="time limit") as info:
        q.solve_exact(max_n=12, time_limit=0.0)
    perm, cost = info.value.incumbent
    assert len(perm) == 12 and cost == q.evaluate(perm)
