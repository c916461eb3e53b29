"""Asymmetric one- and two-qubit Pauli channels (whose PTM diagonals change when their
target bits are swapped) on every noisy method, against the dense reference."""

import numpy as np
import pytest

import qsim
from qsim import Circuit, NoiseModel, PauliSum, noise, reference

TWO_QUBIT = {"XZ": 0.05, "YI": 0.08}      # "XZ": Z on qubits[0], X on qubits[1]
SWAPPED = {"ZX": 0.05, "IY": 0.08}        # the same channel with its target bits reversed


def _circuit():
    c = Circuit(3)
    for q, t in enumerate((0.4, -1.1, 0.7)):
        c.ry(t, q).rz(0.3 * (q + 1), q)
    return c.cx(0, 1).rx(0.9, 2).cx(2, 1).h(0).cz(1, 0).ry(0.5, 1).cx(1, 2)


def _model(two_qubit):
    return (NoiseModel().add(noise.pauli_channel(two_qubit), gates=["cx", "cz"])
            .add(noise.pauli_channel({"X": 0.1, "Y": 0.03}), gates=["ry"])
            .add(noise.bit_flip(0.12), gates=["rx", "h"]))


def _observables():
    """Every Pauli string on 3 qubits, one observable each (a swap of any two bits shows)."""
    labels = ["".join(p) for p in np.array(np.meshgrid(*[list("IXYZ")] * 3)).T.reshape(-1, 3)]
    return [PauliSum([(label, 1.0)]) for label in labels if label != "III"]


def test_the_cases_tell_a_channel_from_its_bit_reversal():
    obs = _observables()
    right = reference.compile(_circuit(), method="density_matrix", noise_model=_model(TWO_QUBIT)).expectation(None, obs)
    wrong = reference.compile(_circuit(), method="density_matrix", noise_model=_model(SWAPPED)).expectation(None, obs)
    assert np.max(np.abs(right - wrong)) > 0.02


@pytest.mark.parametrize("method", ["density_matrix", "ptm"])
def test_exact_noisy_methods_match_the_reference(method):
    obs = _observables()
    expected = reference.compile(_circuit(), method="density_matrix", noise_model=_model(TWO_QUBIT)).expectation(None, obs)
    got = qsim.compile(_circuit(), method=method, noise_model=_model(TWO_QUBIT)).expectation(None, obs)
    np.testing.assert_allclose(got, expected, atol=1e-12)


def test_trajectories_match_the_reference():
    obs = _observables()
    expected = reference.compile(_circuit(), method="density_matrix", noise_model=_model(TWO_QUBIT)).expectation(None, obs)
    prog = qsim.compile(_circuit(), method="trajectories", noise_model=_model(TWO_QUBIT), trajectories=4000, seed=5)
    mean, error = prog.expectation_with_error(None, obs)
    assert np.all(np.abs(mean - expected) <= 5 * error + 1e-12)
    assert np.max(error) < 0.02                         # tight enough to see the 0.02 of the reversal
