"""Problem models: validation, JSON round trips, seeded generators following their recipes."""

import json

import networkx as nx
import numpy as np
import pytest
from problem_cases import small_instances

import problems as P


@pytest.mark.parametrize("label,problem", small_instances(), ids=[label for label, _ in small_instances()])
def test_json_round_trip(label, problem):
    problem.known_optimum = 12.5
    text = problem.to_json()
    back = P.from_json(text)
    assert type(back) is type(problem) and back.name == problem.name and back.known_optimum == 12.5
    assert json.loads(back.to_json()) == json.loads(text)
    q1, q2 = problem.to_qubo(), back.to_qubo()
    np.testing.assert_array_equal(q1.Q, q2.Q)
    assert q1.offset == q2.offset


def test_from_json_rejects_unknown():
    with pytest.raises(ValueError, match="unknown 'type'"):
        P.from_json('{"type": "Sudoku"}')
    with pytest.raises(ValueError, match="invalid problem JSON"):
        P.from_json("{not json")


def test_generators_are_seeded():
    for make in (lambda s: P.MDKP.random(10, 3, seed=s), lambda s: P.QAP.random(5, seed=s),
                 lambda s: P.MarketSplit.random(3, seed=s), lambda s: P.TSP.random(6, seed=s),
                 lambda s: P.MIS.random(12, p=0.3, weighted=True, seed=s),
                 lambda s: P.MaxCut.random(12, d=3, weighted=True, seed=s)):
        assert make(1).to_json() == make(1).to_json()
        assert make(1).to_json() != make(2).to_json()


def test_chu_beasley_recipe():
    p = P.MDKP.random(200, 5, tightness=0.25, seed=0)
    assert p.weights.min() >= 0 and p.weights.max() <= 1000 and np.all(p.weights == np.round(p.weights))
    np.testing.assert_array_equal(p.capacities, np.floor(0.25 * p.weights.sum(axis=1)))
    base = p.weights.sum(axis=0) / 5
    assert np.all(p.profits >= np.floor(base)) and np.all(p.profits <= base + 500)


def test_cornuejols_dawande_recipe():
    p = P.MarketSplit.random(4, seed=0)
    assert p.A.shape == (4, 30) and p.A.min() >= 0 and p.A.max() <= 99
    np.testing.assert_array_equal(p.d, np.floor(p.A.sum(axis=1) / 2))


def test_taillard_recipe():
    q = P.QAP.random(12, seed=0)
    for M in (q.flow, q.distance):
        assert np.array_equal(M, M.T) and not np.diag(M).any() and M.max() <= 99 and M.min() >= 0


def test_regular_graph_generator():
    g = P.MIS.random(10, d=3, seed=0).graph
    assert all(deg == 3 for _, deg in g.degree)
    with pytest.raises(ValueError, match="n \\* d must be even"):
        P.MIS.random(5, d=3, seed=0)
    with pytest.raises(ValueError, match="exactly one of p"):
        P.MaxCut.random(5, seed=0)


@pytest.mark.parametrize("make,match", [
    (lambda: P.MDKP([1, np.nan], [[1, 1]], [1]), "profits must be finite"),
    (lambda: P.MDKP([1, 2], [[1, 1]], [-1]), "capacities must be non-negative"),
    (lambda: P.MDKP([1, 2], [[1, 1, 1]], [1]), "weights must have shape"),
    (lambda: P.MDKP([1, 2], [[1, -1]], [1]), "weights must be non-negative"),
    (lambda: P.MDKP("abc", [[1]], [1]), "profits must be a numeric array"),
    (lambda: P.MIS([(0, 1)]), "networkx.Graph"),
    (lambda: P.MIS(nx.Graph([(0, 0)])), "self-loop"),
    (lambda: P.MIS(nx.path_graph(3), weights=[1, 2]), "weights must have shape"),
    (lambda: P.QAP(np.eye(3), np.eye(4)), "distance must be \\(3, 3\\)"),
    (lambda: P.TSP([[0, -1], [1, 0]]), "distance must be non-negative"),
    (lambda: P.MarketSplit([[1, 2]], [1, 2]), "d must have shape"),
    (lambda: P.MDKP.random(0, 1), "n must be >= 1"),
    (lambda: P.MDKP.random(3, 1, tightness=1.5), "tightness must be <= 1"),
    (lambda: P.TSP.random(3.5), "n must be an integer"),
])
def test_bad_input_names_the_value(make, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make()


def test_evaluate_and_feasibility():
    t = P.TSP([[0, 1, 4], [1, 0, 2], [4, 2, 0]])
    assert t.evaluate([0, 1, 2]) == 7 and t.is_feasible([2, 0, 1]) and not t.is_feasible([0, 0, 1])
    with pytest.raises(ValueError, match="permutation"):
        t.evaluate([0, 0, 1])
    assert t.decode(np.zeros(9, dtype=np.uint8)).solution is None
    q = P.QAP([[0, 2], [3, 0]], [[0, 5], [7, 0]])
    assert q.evaluate([0, 1]) == 2 * 5 + 3 * 7 and q.evaluate([1, 0]) == 2 * 7 + 3 * 5
    assert q.decode(q.encode([1, 0])).solution.tolist() == [1, 0]
    m = P.MaxCut(nx.Graph([(0, 1, {"weight": 2.0}), (1, 2, {"weight": 3.0})]))
    assert m.evaluate([1, 0, 1]) == 5 and m.evaluate([0, 0, 1]) == 3
    ms = P.MarketSplit([[1, 2], [3, 4]], [2, 4])
    assert ms.evaluate([0, 1]) == 0 and ms.is_feasible([0, 1]) and ms.evaluate([1, 1]) == 4
