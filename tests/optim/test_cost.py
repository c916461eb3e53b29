"""CVaR and the expectation of a diagonal energy, exact and from shots."""

import numpy as np
import pytest

import problems as P
import qsim
from optim.cost import EnergyCost
from optim.target import Target
from qsim import cvar
from qsim.library import efficient_su2


def test_cvar_by_hand():
    e, p = np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.1, 0.2, 0.3, 0.4])
    assert cvar(e, p, 0.1) == pytest.approx(1.0)
    assert cvar(e, p, 0.25) == pytest.approx((0.1 * 1 + 0.15 * 2) / 0.25)
    assert cvar(e, p, 1.0) == pytest.approx(e @ p)


@pytest.fixture(scope="module")
def program_and_energies():
    target = Target(P.MIS.random(6, p=0.4, seed=0))
    program = qsim.compile(efficient_su2(6, 1))
    theta = np.random.default_rng(1).uniform(0, 2 * np.pi, program.num_parameters)
    return program, theta, target.energies


def test_alpha_one_is_the_expectation_exactly_and_from_shots(program_and_energies):
    program, theta, energies = program_and_energies
    expected = float(qsim.reference.statevector(program.circuit, theta).__abs__() ** 2 @ energies)
    for shots in (None, 500):
        mean, _ = EnergyCost(energies, alpha=None, shots=shots, readout=False)(program, theta, 3)
        tail, _ = EnergyCost(energies, alpha=1.0, shots=shots, readout=False)(program, theta, 3)
        assert tail == pytest.approx(mean, rel=1e-12)
        if shots is None:
            assert mean == pytest.approx(expected, rel=1e-10)


def test_cvar_exact_against_a_sort_and_shots_against_their_energies(program_and_energies):
    program, theta, energies = program_and_energies
    p = np.abs(qsim.reference.statevector(program.circuit, theta)) ** 2
    order = np.argsort(energies)
    cumulative = np.cumsum(p[order])
    k = np.searchsorted(cumulative, 0.25)
    by_hand = (p[order][:k] @ energies[order][:k] + (0.25 - cumulative[k - 1]) * energies[order][k]) / 0.25
    value, shots = EnergyCost(energies, alpha=0.25, shots=None, readout=False)(program, theta, 0)
    assert value == pytest.approx(by_hand, rel=1e-10) and shots is None
    value, shots = EnergyCost(energies, alpha=0.25, shots=400, readout=False)(program, theta, 0)
    assert value == pytest.approx(np.sort(energies[shots.astype(int)])[:100].mean())
    assert value >= by_hand - 3 * energies.std()  # a shot estimate of the same tail


def test_energy_cost_cvar_matches_the_numpy_sort_to_1e12(program_and_energies):
    program, theta, energies = program_and_energies
    p = program.probabilities(theta)
    order = np.argsort(energies, kind="stable")
    for alpha in (0.05, 0.25, 0.6):
        cumulative = np.cumsum(p[order])
        k = min(int(np.searchsorted(cumulative, alpha * cumulative[-1])), p.size - 1)
        head = p[order][:k] @ energies[order][:k]
        numpy_value = (head + (alpha * cumulative[-1] - (cumulative[k - 1] if k else 0.0)) * energies[order][k]) / (alpha * cumulative[-1])
        value, _ = EnergyCost(energies, alpha=alpha, shots=None, readout=False)(program, theta, 0)
        assert value == pytest.approx(numpy_value, rel=1e-12)
        value, shots = EnergyCost(energies, alpha=alpha, shots=333, readout=False)(program, theta, 5)
        tail = np.sort(energies[shots.astype(int)])
        m = alpha * 333
        numpy_value = (tail[: int(m)].sum() + (m - int(m)) * tail[int(m)]) / m
        assert value == pytest.approx(numpy_value, rel=1e-12)
