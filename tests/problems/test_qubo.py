"""QUBO / Ising encodings: optimum preservation, penalty, round trips, conventions."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from problem_cases import all_bitstrings, naive_energies, small_instances

import problems as P

INSTANCES = small_instances()
IDS = [label for label, _ in INSTANCES]


def min_form(problem, value):
    return value if problem.sense == "min" else -value


@pytest.mark.parametrize("label,problem", INSTANCES, ids=IDS)
def test_qubo_minimum_equals_constrained_optimum(label, problem):
    q = problem.to_qubo()
    assert q.n <= 25
    e_min, idx = P.brute_force_minimum(q.Q, q.offset)
    x_opt, opt = problem.solve_exact()
    decoded = problem.decode(idx)
    if isinstance(problem, P.MarketSplit):
        # QUBO is sum (a.x - d)^2, exact optimum is sum |a.x - d|: both zero together,
        # and the QUBO minimiser is a split exactly when one exists
        assert (e_min == pytest.approx(0.0, abs=1e-9)) == (opt == 0.0) == decoded.feasible
        assert decoded.objective >= opt
    else:
        assert decoded.feasible, "automatic penalty must make the QUBO minimiser feasible"
        assert decoded.objective == pytest.approx(opt, abs=1e-6)
        assert e_min == pytest.approx(min_form(problem, opt), abs=1e-6)


@pytest.mark.parametrize("label,problem", INSTANCES, ids=IDS)
def test_ising_energy_equals_qubo_energy(label, problem):
    q = problem.to_qubo()
    if q.n > 18:
        pytest.skip("full enumeration kept to n <= 18")
    h, J, off = problem.to_ising()
    assert np.all(np.tril(J) == 0), "J strictly upper-triangular"
    X = all_bitstrings(q.n)
    Z = 1.0 - 2.0 * X
    ising = off + Z @ h + np.einsum("bi,ij,bj->b", Z, J, Z)
    np.testing.assert_allclose(P.energy_vector(q.Q, q.offset), ising, rtol=1e-10, atol=1e-8)
    back = P.ising_to_qubo(h, J, off)
    np.testing.assert_allclose(back.Q, q.Q, atol=1e-9)
    assert back.offset == pytest.approx(q.offset)


@pytest.mark.parametrize("label,problem", INSTANCES, ids=IDS)
def test_encode_decode_round_trip(label, problem):
    x_opt, value = problem.solve_exact()
    for slack in ("binary", "unary"):
        bits = problem.encode(x_opt, slack=slack)
        q = problem.to_qubo(slack=slack)
        assert bits.shape == (q.n,)
        assert q.n == problem.qubit_counts(slack)["total"]
        # zero penalty: the energy is the (sign-adjusted) objective
        if not isinstance(problem, P.MarketSplit):
            assert q.energy(bits[None, :])[0] == pytest.approx(min_form(problem, value), abs=1e-6)
        index = P.bits_to_index(bits)
        for form in (bits, index):
            dec = problem.decode(form)
            assert dec.feasible == (not isinstance(problem, P.MarketSplit) or value == 0)
            assert dec.objective == pytest.approx(value, abs=1e-6)
            np.testing.assert_array_equal(np.asarray(dec.solution), np.asarray(x_opt))
        np.testing.assert_array_equal(problem.decode(bits).slack, bits[problem.n_decision:])


def test_qubo_conventions_mis_by_hand():
    """Two nodes, one edge: Q = [[-1, P], [0, -1]] with P = 1 + 2."""
    g = nx.Graph([(0, 1)])
    q = P.MIS(g).to_qubo()
    np.testing.assert_array_equal(q.Q, [[-1.0, 3.0], [0.0, -1.0]])
    assert q.offset == 0.0 and q.penalty == 3.0
    # basis index 1 = qubit 0 set = node 0 chosen
    assert q.energy(np.array([1]))[0] == -1.0
    assert P.MIS(g).decode(1).solution.tolist() == [1, 0]


def test_slack_order_and_capped_binary_coefficients():
    """MDKP with capacities 5 and 2: slack registers [1, 2, 2] then [1, 1]; bits after the
    decision variables in constraint order, least significant first."""
    prob = P.MDKP([1, 1], [[1, 2], [1, 1]], [5, 2])
    q = prob.to_qubo()
    assert q.slack_coefficients == [[1, 2, 2], [1, 1]]
    assert prob.qubit_counts() == {"decision": 2, "slack": 5, "total": 7}
    assert prob.qubit_counts("unary") == {"decision": 2, "slack": 7, "total": 9}
    bits = prob.encode([1, 0])   # residuals 4 and 1
    assert bits.tolist() == [1, 0, 0, 1, 1, 1, 0]
    assert q.energy(bits[None])[0] == -1.0


def test_small_penalty_breaks_feasibility():
    """The guarantee needs P > objective range: with P = 0.5 the MIS minimiser takes both ends."""
    prob = P.MIS(nx.Graph([(0, 1)]))
    q = prob.to_qubo(penalty=0.5)
    _, idx = P.brute_force_minimum(q.Q, q.offset)
    assert not prob.decode(idx).feasible
    assert prob.decode(P.brute_force_minimum(*prob.to_qubo())[1]).feasible


def test_fractional_constraints_are_scaled_to_integers():
    """Weights with one decimal: rows are scaled by 10 so the automatic penalty still
    guarantees a feasible, optimal minimiser."""
    prob = P.MDKP([3, 2, 2, 1], [[0.5, 0.4, 0.3, 0.2]], [0.7])
    q = prob.to_qubo()
    assert q.row_scale.tolist() == [10.0]
    e, idx = P.brute_force_minimum(q.Q, q.offset)
    x, value = prob.solve_exact()
    assert prob.decode(idx).feasible and e == pytest.approx(-value)


def test_ising_terms_labels():
    h = np.array([0.5, 0.0, -1.0])
    J = np.zeros((3, 3))
    J[0, 2] = 2.0
    terms = dict(P.ising_terms(h, J, 1.5))
    assert terms == {"": 1.5, "Z0": 0.5, "Z2": -1.0, "Z0 Z2": 2.0}


def test_qubo_validation():
    with pytest.raises(ValueError, match="upper-triangular"):
        P.QUBO(np.array([[0.0, 0.0], [1.0, 0.0]]), 0.0)
    with pytest.raises(ValueError, match="finite"):
        P.QUBO(np.array([[np.nan]]), 0.0)
    prob = P.MaxCut.random(4, p=0.5, seed=0)
    with pytest.raises(ValueError, match="penalty"):
        prob.to_qubo(penalty=-1.0)
    with pytest.raises(ValueError, match="slack"):
        prob.to_qubo(slack="ternary")
    with pytest.raises(ValueError, match="bits"):
        prob.decode(np.array([0, 1, 2, 0]))
    with pytest.raises(ValueError, match="at least n_decision"):
        prob.decode(np.array([0, 1]))


@settings(derandomize=True, max_examples=25, deadline=None)
@given(n=st.integers(1, 6), m=st.integers(1, 2), seed=st.integers(0, 10**6))
def test_property_mdkp_qubo_minimum_is_the_optimum(n, m, seed):
    rng = np.random.default_rng(seed)
    W = rng.integers(0, 6, size=(m, n))
    prob = P.MDKP(rng.integers(0, 9, size=n), W, rng.integers(0, W.sum(axis=1) + 1))
    q = prob.to_qubo(slack="unary" if seed % 2 else "binary")
    e, idx = P.brute_force_minimum(q.Q, q.offset)
    _, value = prob.solve_exact()
    assert prob.decode(idx).feasible and e == pytest.approx(-value)


@settings(derandomize=True, max_examples=30, deadline=None)
@given(n=st.integers(1, 7), seed=st.integers(0, 10**6))
def test_property_ising_round_trip(n, seed):
    rng = np.random.default_rng(seed)
    Q, off = np.triu(rng.normal(size=(n, n))), float(rng.normal())
    h, J, c = P.qubo_to_ising(Q, off)
    back = P.ising_to_qubo(h, J, c)
    np.testing.assert_allclose(back.Q, Q, atol=1e-12)
    assert back.offset == pytest.approx(off)
    Z = 1.0 - 2.0 * all_bitstrings(n)
    np.testing.assert_allclose(c + Z @ h + np.einsum("bi,ij,bj->b", Z, J, Z), P.energy_vector(Q, off), atol=1e-10)
