"""Trajectories lowering: statevector gates, channels as sampled Kraus branches."""

import numpy as np

from qsim import Circuit, NoiseModel, noise
from qsim.lowering.trajectories import TrajectoriesLowering, trajectory_form


def test_unitary_mixtures_carry_their_probabilities():
    ops, mixture = trajectory_form(noise.depolarizing(0.3))
    np.testing.assert_allclose(mixture, [0.7, 0.1, 0.1, 0.1], atol=1e-15)
    for u in ops:
        np.testing.assert_allclose(u @ u.conj().T, np.eye(2), atol=1e-14)


def test_other_channels_keep_their_kraus_operators():
    damping = noise.amplitude_damping(0.25)
    ops, mixture = trajectory_form(damping)
    assert mixture.size == 0
    np.testing.assert_allclose(ops, damping.kraus())


def test_the_vector_stays_n_qubits_with_channels():
    spec = TrajectoriesLowering(Circuit(3).h(0).cx(0, 2), "trajectories").lower(
        NoiseModel().add(noise.depolarizing(0.1, 2), gates=["cx"]))
    assert spec.num_qubits == 3
