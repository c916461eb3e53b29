"""Trajectories lowering: the statevector's gates, and each channel as Kraus operators that
the C++ runner samples one branch of per trajectory."""

from __future__ import annotations

import numpy as np

from qsim.lowering.statevector import StatevectorLowering


def trajectory_form(channel) -> tuple[np.ndarray, np.ndarray]:
    """(operators, mixture): the unitaries U_j and probabilities p_j when every Kraus operator
    is sqrt(p_j) U_j (branch probabilities then need no norm), else the Kraus operators and
    an empty mixture."""
    ops = channel.kraus()
    d = ops[0].shape[0]
    probs = [np.real(np.trace(k.conj().T @ k)) / d for k in ops]
    if all(p > 0 and np.allclose(k.conj().T @ k, p * np.eye(d), atol=1e-12) for k, p in zip(ops, probs)):
        total = sum(probs)
        return np.array([k / np.sqrt(p) for k, p in zip(ops, probs)]), np.array(probs) / total
    return np.array(ops), np.zeros(0)


class TrajectoriesLowering(StatevectorLowering):
    """Gates as on a statevector; channels sampled per trajectory."""

    def channel(self, channel, qubits) -> None:
        self.spec.add_channel(self.checked_targets(qubits, "a channel"), *trajectory_form(channel))
