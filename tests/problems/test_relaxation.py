"""Continuous relaxations: the LP bounds the integer optimum, the GW SDP bounds the cut and
its hyperplane rounding is a cut of at least 0.878 of it; QAP and TSP are refused."""

import networkx as nx
import numpy as np
import pytest

import problems as P
from problems.relaxation import continuous_relaxation, gw_vectors, linear_relaxation, maxcut_relaxation


def _mdkp():
    rng = np.random.default_rng(0)
    W = rng.integers(0, 4, size=(2, 6)).astype(float)
    return P.MDKP(rng.integers(1, 10, size=6), W, np.floor(0.5 * W.sum(axis=1)))


@pytest.mark.parametrize("problem", [_mdkp(), P.MIS.random(8, p=0.3, seed=1)], ids=["mdkp", "mis"])
def test_lp_relaxation_is_feasible_and_bounds_the_optimum(problem):
    x = linear_relaxation(problem)
    bp = problem.binary_program()
    assert x.shape == (problem.n_decision,) and np.all((0 <= x) & (x <= 1))
    assert np.all(bp.A_le @ x <= bp.b_le + 1e-9) and np.all(x[bp.pairs].sum(axis=1) <= 1 + 1e-9)
    assert bp.linear @ x >= problem.solve_exact()[1] - 1e-9  # a maximisation: the LP is an upper bound


def test_lp_relaxation_of_mis_on_a_triangle_is_one_half():
    assert linear_relaxation(P.MIS(nx.cycle_graph(3))).tolist() == [0.5, 0.5, 0.5]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_goemans_williamson_bounds_and_rounding(seed):
    graph = P.MaxCut.random(8, p=0.5, seed=seed)
    V = gw_vectors(graph, seed)
    i, j, w = graph.edges[:, 0], graph.edges[:, 1], graph.edge_weights
    sdp = float(w @ (1 - np.sum(V[i] * V[j], axis=1)) / 2)
    best = graph.solve_exact()[1]
    assert np.allclose(np.linalg.norm(V, axis=1), 1.0) and sdp >= best - 1e-6
    c = maxcut_relaxation(graph, seed)
    assert set(np.unique(c)) <= {0.0, 1.0} and graph.evaluate(c.astype(np.uint8)) >= 0.878 * sdp
    assert np.array_equal(c, maxcut_relaxation(graph, seed))  # seeded


def test_gw_on_an_odd_cycle_is_its_known_sdp_value():
    V = gw_vectors(P.MaxCut(nx.cycle_graph(5)), 0)  # C5: 5 (1 - cos(4 pi / 5)) / 2 = 4.5225
    sdp = sum((1 - V[k] @ V[(k + 1) % 5]) / 2 for k in range(5))
    assert sdp == pytest.approx(5 * (1 - np.cos(4 * np.pi / 5)) / 2, abs=1e-6)


@pytest.mark.parametrize("problem", [P.QAP.random(3, seed=0), P.TSP.random(3, seed=0)], ids=["qap", "tsp"])
def test_permutation_problems_are_refused(problem):
    with pytest.raises(ValueError, match=f"no continuous relaxation for {type(problem).__name__}"):
        continuous_relaxation(problem)
