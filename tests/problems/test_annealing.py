"""The simulated-annealing baseline: small optima, reproducibility, feasibility, validation."""

import numpy as np
import pytest

import problems as P


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
