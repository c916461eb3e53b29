"""Statevector lowering: gates act on the 2^n amplitudes as they are; no noise."""

from __future__ import annotations

import numpy as np

from qsim.lowering.base import Lowering


class StatevectorLowering(Lowering):
    """Qubit q is bit q of the amplitude index; matrices and phases are the gates' own."""

    def targets(self, qubits) -> list[int]:
        return list(qubits)

    def constant(self, qubits, matrix, diagonal=False) -> None:
        targets = self.checked_targets(qubits, "a gate")
        if diagonal:
            self.spec.add_diagonal(targets, np.ascontiguousarray(matrix))
        else:
            self.spec.add_matrix(targets, np.ascontiguousarray(matrix))

    def parametric(self, qubits, values, projectors, angle) -> None:
        self.spec.add_parametric(self.checked_targets(qubits, "a gate"), np.asarray(values, dtype=float),
                                 np.ascontiguousarray(projectors), *self.angle_args(angle))

    def phase_vector(self, values, angle) -> None:
        self.spec.add_phase_vector(values, *self.angle_args(angle))

    def channel(self, channel, qubits) -> None:
        raise ValueError(f"method {self.method!r} simulates no noise")
