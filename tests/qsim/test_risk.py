"""qsim.cvar and qsim.cvar_of_samples (csrc/cvar.h) against a full sort and by hand."""

import numpy as np
import pytest

import qsim
from qsim.library import hardware_efficient


def sorted_cvar(values, probabilities, alpha):
    """The oracle: a stable sort, a cumulative sum, the first K whose cumulative reaches alpha."""
    order = np.argsort(values, kind="stable")
    v, p = np.asarray(values, float)[order], np.asarray(probabilities, float)[order]
    cumulative = np.cumsum(p)
    target = alpha * cumulative[-1]
    k = min(int(np.searchsorted(cumulative, target)), v.size - 1)
    below = cumulative[k - 1] if k else 0.0
    return (float(p[:k] @ v[:k]) + (target - below) * v[k]) / target


def test_by_hand():
    v, p = np.array([4.0, 1.0, 3.0, 2.0]), np.array([0.4, 0.1, 0.3, 0.2])
    assert qsim.cvar(v, p, 0.1) == pytest.approx(1.0, rel=1e-15)
    assert qsim.cvar(v, p, 0.25) == pytest.approx((0.1 * 1 + 0.15 * 2) / 0.25, rel=1e-15)
    assert qsim.cvar(v, p, 1.0) == pytest.approx(v @ p, rel=1e-15)
    assert qsim.cvar(v, 10 * p, 0.25) == pytest.approx((0.1 * 1 + 0.15 * 2) / 0.25, rel=1e-15)  # normalised
    shots = np.array([0, 1, 1, 2, 3, 3, 3, 0])  # values 4 1 1 3 2 2 2 4
    assert qsim.cvar_of_samples(v, shots, 0.25) == 1.0
    assert qsim.cvar_of_samples(v, shots, 0.5) == pytest.approx((1 + 1 + 2 + 2) / 4, rel=1e-15)
    assert qsim.cvar_of_samples(v, shots, 0.3) == pytest.approx((1 + 1 + 0.4 * 2) / 2.4, rel=1e-15)
    assert qsim.cvar_of_samples(v, shots, 1.0) == pytest.approx(v[shots].mean(), rel=1e-15)


@pytest.mark.parametrize("ties", [False, True])
def test_random_distributions_against_a_sort(ties):
    rng = np.random.default_rng(7 + ties)
    for _ in range(60):
        n = int(rng.integers(1, 3000))
        v = rng.integers(-4, 5, n).astype(float) if ties else rng.normal(size=n)
        p = rng.random(n) * (rng.random(n) < 0.6)  # many zero probabilities
        p[rng.integers(n)] += 0.01
        shots = rng.integers(0, n, int(rng.integers(1, 700)))
        for alpha in (1e-7, 0.01, 0.1, 0.25, 0.5, 0.9, 1.0):
            assert qsim.cvar(v, p, alpha) == pytest.approx(sorted_cvar(v, p, alpha), rel=1e-12, abs=1e-12)
            by_sort = sorted_cvar(v[shots], np.full(shots.size, 1.0 / shots.size), alpha)
            assert qsim.cvar_of_samples(v, shots, alpha) == pytest.approx(by_sort, rel=1e-12, abs=1e-12)


def test_a_program_distribution_against_the_reference():
    circuit = hardware_efficient(8, 2)
    theta = np.random.default_rng(3).uniform(0, 2 * np.pi, circuit.num_parameters)
    p_ref = np.abs(qsim.reference.statevector(circuit, theta)) ** 2
    energies = np.random.default_rng(4).integers(-6, 7, 256).astype(float)
    program = qsim.compile(circuit)
    for alpha in (0.05, 0.2, 1.0):
        assert qsim.cvar(energies, program.probabilities(theta), alpha) == pytest.approx(
            sorted_cvar(energies, p_ref, alpha), rel=1e-10)
    indices = program.sample(theta, 2000, seed=1).indices
    tail = np.sort(energies[indices.astype(int)])[:200].mean()
    assert qsim.cvar_of_samples(energies, indices, 0.1) == pytest.approx(tail, rel=1e-12)


@pytest.mark.parametrize("alpha", [0.0, -0.1, 1.5, float("nan"), float("inf")])
def test_alpha_outside_zero_one_is_refused(alpha):
    with pytest.raises(ValueError, match="alpha"):
        qsim.cvar([1.0, 2.0], [0.5, 0.5], alpha)
    with pytest.raises(ValueError, match="alpha"):
        qsim.cvar_of_samples([1.0, 2.0], [0, 1], alpha)


def test_bad_arrays_are_refused_by_name():
    with pytest.raises(ValueError, match="probabilities has 3 entries, values 2"):
        qsim.cvar([1.0, 2.0], [0.2, 0.3, 0.5], 0.5)
    with pytest.raises(ValueError, match=r"values\[1\] is nan"):
        qsim.cvar([1.0, np.nan], [0.5, 0.5], 0.5)
    with pytest.raises(ValueError, match=r"probabilities\[0\] is inf"):
        qsim.cvar([1.0, 2.0], [np.inf, 0.5], 0.5)
    with pytest.raises(ValueError, match="positive sum"):
        qsim.cvar([1.0, 2.0], [0.0, 0.0], 0.5)
    with pytest.raises(ValueError, match="1-D"):
        qsim.cvar([[1.0, 2.0]], [[0.5, 0.5]], 0.5)
    with pytest.raises(ValueError, match="non-empty"):
        qsim.cvar([], [], 0.5)
    with pytest.raises(TypeError, match="values"):
        qsim.cvar(["a", "b"], [0.5, 0.5], 0.5)
    with pytest.raises(ValueError, match=r"indices\[1\] = 2 is not below the number of values, 2"):
        qsim.cvar_of_samples([1.0, 2.0], [0, 2], 0.5)
    with pytest.raises(ValueError, match=r"indices\[1\] is -1"):
        qsim.cvar_of_samples([1.0, 2.0], [0, -1], 0.5)
    with pytest.raises(ValueError, match="integer"):
        qsim.cvar_of_samples([1.0, 2.0], [0.0, 1.0], 0.5)
    with pytest.raises(ValueError, match=r"values\[1\] is inf"):
        qsim.cvar_of_samples([1.0, np.inf], [0, 1], 0.5)
