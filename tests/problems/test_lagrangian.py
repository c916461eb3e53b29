"""Slack-free (augmented) Lagrangian forms and violation vectors."""

import networkx as nx
import numpy as np
import pytest
from problem_cases import all_bitstrings, small_instances

import problems as P

INSTANCES = [(label, p) for label, p in small_instances() if p.n_decision <= 16]


@pytest.mark.parametrize("label,problem", INSTANCES, ids=[label for label, _ in INSTANCES])
@pytest.mark.parametrize("rho", [0.0, 0.7])
def test_lagrangian_qubo_equals_direct_formula(label, problem, rho):
    bp = problem.binary_program()
    lam = np.random.default_rng(0).normal(size=bp.n_constraints)
    q = problem.lagrangian(lam, rho)
    assert q.n == problem.n_decision, "no slack qubits"
    X = all_bitstrings(q.n)
    energies = P.energy_vector(q.Q, q.offset)
    rows = np.random.default_rng(1).choice(len(X), size=min(len(X), 300), replace=False)
    for k in rows:
        assert energies[k] == pytest.approx(P.lagrangian_value(bp, X[k], lam, rho), abs=1e-8)


def test_violation_vectors_and_dualised_constraints():
    mdkp = P.MDKP([5, 4, 3], [[2, 3, 1], [1, 1, 1]], [4, 2])
    np.testing.assert_array_equal(mdkp.violation(np.array([1, 1, 0])), [1, 0])
    assert "capacity" in mdkp.dualised
    mis = P.MIS(nx.path_graph(3))
    np.testing.assert_array_equal(mis.violation(0b011), [1, 0])      # nodes 0, 1 chosen
    assert "edges" in mis.dualised
    tsp = P.TSP.random(3, seed=0)
    g = tsp.violation(tsp.encode([2, 0, 1]))
    assert g.shape == (6,) and not g.any()
    assert tsp.violation(np.zeros(9, dtype=np.uint8)).tolist() == [-1] * 6
    assert "one-hot" in tsp.dualised and "one-hot" in P.QAP.random(3, seed=0).dualised
    assert P.MaxCut.random(4, p=0.5, seed=0).binary_program().n_constraints == 0


def test_zero_multipliers_give_the_objective_and_large_ones_restore_feasibility():
    mdkp = P.MDKP([5, 4, 3], [[2, 3, 1]], [4])
    q0 = mdkp.lagrangian([0.0])
    e0, idx0 = P.brute_force_minimum(q0.Q, q0.offset)
    assert e0 == -12 and not mdkp.decode(idx0).feasible          # take everything
    q = mdkp.lagrangian([3.0])
    e, idx = P.brute_force_minimum(q.Q, q.offset)
    assert mdkp.decode(idx).feasible


def test_lagrangian_validation():
    mdkp = P.MDKP([5, 4, 3], [[2, 3, 1]], [4])
    with pytest.raises(ValueError, match="multipliers"):
        mdkp.lagrangian([1.0, 2.0])
    with pytest.raises(ValueError, match="rho"):
        mdkp.lagrangian([1.0], rho=-1)
    with pytest.raises(ValueError, match="finite"):
        mdkp.lagrangian([np.nan])
