"""Small seeded instances of every problem type, shared by the problem tests."""

import itertools

import numpy as np

import problems as P


def small_instances():
    """(label, problem) pairs whose QUBOs have at most 25 variables."""
    rng = np.random.default_rng(7)
    out = []
    for seed in range(3):
        W = rng.integers(0, 8, size=(2, 6)).astype(float)
        out.append((f"mdkp-small-{seed}", P.MDKP(rng.integers(1, 20, size=6), W, np.floor(0.5 * W.sum(axis=1)))))
    out.append(("mdkp-chu-beasley", P.MDKP.random(4, 1, tightness=0.25, seed=3)))
    out.append(("mis-gnp", P.MIS.random(10, p=0.3, seed=1)))
    out.append(("mis-weighted-regular", P.MIS.random(10, d=3, weighted=True, seed=2)))
    out.append(("qap-3", P.QAP.random(3, seed=4)))
    out.append(("qap-4", P.QAP.random(4, seed=5)))
    out.append(("tsp-4", P.TSP.random(4, seed=6, rounded=True)))
    out.append(("tsp-4b", P.TSP.random(4, seed=8)))
    out.append(("msp-2x10", P.MarketSplit.random(2, seed=9)))
    A = rng.integers(0, 100, size=(3, 16)).astype(float)
    out.append(("msp-planted", P.MarketSplit(A, A @ rng.integers(0, 2, size=16))))
    out.append(("msp-3x12", P.MarketSplit.random(3, n=12, max_coefficient=9, seed=10)))
    out.append(("maxcut-weighted", P.MaxCut.random(12, p=0.4, weighted=True, seed=11)))
    return out


def all_bitstrings(n):
    """(2^n, n) array, row k = bits of k (column i = qubit i)."""
    k = np.arange(1 << n)
    return ((k[:, None] >> np.arange(n)) & 1).astype(np.uint8)


def naive_energies(Q, offset, X):
    X = X.astype(float)
    return np.einsum("bi,ij,bj->b", X, Q, X) + offset


def feasible_solutions(problem):
    """Every feasible natural solution of a tiny problem (by enumeration)."""
    n = problem.n_decision
    sols = []
    for bits in itertools.product((0, 1), repeat=n):
        dec = problem.decode(np.array(bits, dtype=np.uint8))
        if dec.feasible:
            sols.append(dec.solution)
    return sols
