"""PCE: the encoding (m = 3 C(n, k) nodes on n qubits, the anchor), the loss against the
reference simulator, the optimum of small instances, reproducibility and bad input."""

from itertools import combinations
from math import comb

import networkx as nx
import numpy as np
import pytest

import problems as P
from optim.algorithms.pce import PceLoss, PceOptions
from optim.algorithms.pce_encoding import PceEncoding, smallest_qubits
from optim.result import SolveResult
from optim.solver import solve
from qsim import PauliSum, Program, reference
from qsim.library import efficient_su2
from qsim.options import CompileOptions

MAXCUT6 = P.MaxCut.random(6, p=0.5, seed=1)
MAXCUT8 = P.MaxCut.random(8, p=0.5, seed=2)
MIS8 = P.MIS.random(8, p=0.3, seed=1)


@pytest.mark.parametrize("n,k", [(4, 2), (5, 3), (6, 1)])
def test_three_binomial_variables_on_n_qubits(n, k):
    m = 3 * comb(n, k)
    graph = P.MaxCut.random(m, p=0.3, seed=0)  # MaxCut's Ising model has no fields: no anchor
    r = solve(graph, "pce", options={"k": k}, simulator={"shots": None}, optimizer={"maxfev": 40}, seed=0)
    assert r.n_qubits == n == smallest_qubits(m, k) and smallest_qubits(m + 1, k) > n
    e = PceEncoding(*graph.to_ising(), k=k)
    labels = [o.to_list()[0][0] for o in e.observables]
    assert len(set(labels)) == m and (e.nodes, e.n_qubits) == (m, n)
    assert all(sum(ch != "I" for ch in label) == k and len(set(label) - {"I"}) == 1 for label in labels)


def test_loss_and_rounding_against_the_reference():
    h, J, offset = MIS8.to_ising()  # MIS has fields: an anchor node, 9 nodes on 3 qubits
    e = PceEncoding(h, J, offset, k=2)
    assert (e.nodes, e.n_qubits, e.anchored) == (9, 3, True)
    circuit = efficient_su2(3, 2, entanglement="linear")
    program = Program(circuit, CompileOptions())
    theta = np.random.default_rng(3).uniform(0, 2 * np.pi, program.num_parameters)
    psi = reference.statevector(circuit, theta)
    subsets = list(combinations(range(3), 2))
    c = np.array([reference.expectation(psi, PauliSum([(" ".join(f"{'XYZ'[i // 3]}{q}" for q in subsets[i % 3]), 1.0)],
                                                      num_qubits=3), 3) for i in range(9)])
    loss = PceLoss(e, alpha=1.7, beta=0.5)
    value, _ = loss(program, theta, 0)
    t = np.tanh(1.7 * c)
    edges = [(i, j, J[i, j]) for i in range(8) for j in range(i + 1, 8) if J[i, j]] + [(i, 8, h[i]) for i in range(8)]
    g = nx.Graph()
    g.add_weighted_edges_from((i, j, abs(w)) for i, j, w in edges)
    nu = sum(abs(w) for *_, w in edges) / 2 + nx.minimum_spanning_tree(g).size(weight="weight") / 4
    expected = sum(w * t[i] * t[j] for i, j, w in edges) + 0.5 * nu * np.mean(t ** 2) ** 2
    assert value == pytest.approx(expected, abs=1e-10)
    z = np.where(c >= 0, 1, -1)
    assert e.round(c).tolist() == ((1 - z[:8] * z[8]) // 2).tolist()
    assert e.round(-c).tolist() == e.round(c).tolist()  # the anchor fixes the global flip


@pytest.mark.parametrize("problem", [MAXCUT6, MAXCUT8, MIS8], ids=["maxcut6", "maxcut8", "mis8"])
def test_finds_the_optimum_of_small_instances(problem):
    r = solve(problem, "pce", seed=1)
    _, optimum = problem.solve_exact()
    assert (r.objective, r.feasible, r.gap, r.optimum) == (optimum, True, 0.0, optimum)
    if isinstance(problem, P.MaxCut):  # the signs alone, before the bit-swap search and the repair
        assert r.raw_objective == optimum
    assert r.n_qubits == 3 and r.n_parameters == 2 * 3 * 3 and r.nfev == 200 == len(r.history)
    assert r.success_probability is None and r.feasible_probability is None and r.expected_approximation_ratio is None
    assert problem.decode(np.array([int(b) for b in r.bitstring[::-1]])).objective == optimum


def test_same_seed_same_result():
    a, b = solve(MAXCUT8, "pce", optimizer={"maxfev": 60}, seed=5), solve(MAXCUT8, "pce", optimizer={"maxfev": 60}, seed=5)
    timing = {"wall_time": 0.0, "simulation_time": 0.0}
    assert SolveResult(**{**a.to_dict(), **timing}) == SolveResult(**{**b.to_dict(), **timing})
    assert a.history != solve(MAXCUT8, "pce", optimizer={"maxfev": 60}, seed=6).history
    assert SolveResult.from_json(a.to_json()) == a


@pytest.mark.parametrize("options,match", [
    ({"k": 4, "n_qubits": 3}, "k = 4 exceeds n_qubits = 3"),
    ({"n_qubits": 2}, r"n_qubits = 2 with k = 2 holds 3 C\(n, k\) = 3 nodes; the problem has 8"),
    ({"k": 0}, "k must be >= 1, got 0"),
    ({"beta": -0.5}, "beta must be >= 0.0, got -0.5"),
    ({"loss_alpha": 0.0}, "loss_alpha must be > 0.0, got 0.0"),
    ({"entanglement": "ring"}, "unknown entanglement 'ring'"),
    ({"alpha": 1.0}, "unknown PceOptions field.*'alpha'"),
])
def test_bad_options_are_refused(options, match):
    with pytest.raises(ValueError, match=match):
        solve(MAXCUT8, "pce", options=options)


def test_more_qubits_than_the_simulator_holds():
    with pytest.raises(ValueError, match="the encoding needs 21 qubits; simulator method 'ptm' holds at most 20"):
        solve(MAXCUT8, "pce", options={"n_qubits": 21}, simulator={"method": "ptm"})


def test_options_defaults():
    o = PceOptions()
    assert (o.k, o.loss_alpha, o.beta, o.rotations, o.reps, o.local_search) == (2, None, 0.5, "ry+rz", 2, True)
