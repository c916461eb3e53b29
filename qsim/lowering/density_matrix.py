"""Density-matrix lowering: rho (2^n x 2^n) is a vector on 2n bits, rho[i, j] at i + 2^n j,
so a gate U on qubits q acts as conj(U) (x) U on the row bits q and the column bits q + n,
and a channel as its superoperator there (qsim.liouville's column stacking)."""

from __future__ import annotations

import numpy as np

from qsim.liouville import superop_spectrum, unitary_superop
from qsim.lowering.base import Lowering


class DensityMatrixLowering(Lowering):
    """Superoperators on (row qubits q, column qubits q + n)."""

    BITS_PER_QUBIT = 2

    def targets(self, qubits) -> list[int]:
        return list(qubits) + [q + self.n for q in qubits]

    def constant(self, qubits, matrix, diagonal=False) -> None:
        targets = self.checked_targets(qubits, "a gate")
        if diagonal:
            self.spec.add_diagonal(targets, np.kron(matrix.conj(), matrix))
        else:
            self.spec.add_matrix(targets, unitary_superop(matrix))

    def parametric(self, qubits, values, projectors, angle) -> None:
        targets = self.checked_targets(qubits, "a gate")
        values, projectors = superop_spectrum(values, projectors)
        self.spec.add_parametric(targets, values, np.ascontiguousarray(projectors), *self.angle_args(angle))

    def phase_vector(self, values, angle) -> None:
        # rho[i, j] -> exp(-i a (D_i - D_j)) rho[i, j], stored at i + 2^n j
        self.spec.add_phase_vector((values[None, :] - values[:, None]).reshape(-1), *self.angle_args(angle))

    def channel(self, channel, qubits) -> None:
        self.spec.add_matrix(self.checked_targets(qubits, "a channel"), np.ascontiguousarray(channel.superop()))
