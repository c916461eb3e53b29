"""PTM (Pauli-Liouville) lowering: the state is the 4^n real Pauli coefficients
c_P = Tr(rho P), qubit q on bits (2q, 2q + 1); a gate or channel acts as its Pauli transfer
matrix there (diagonal for Pauli channels), and a diagonal evolution as Z and ZZ rotations."""

from __future__ import annotations

import numpy as np

from qsim.gates import GATES, spectral_form
from qsim.liouville import ptm_from_superop, superop_spectrum, unitary_superop
from qsim.lowering.base import Lowering
from qsim.lowering.ising import ising_terms
from qsim.parameters import ParameterExpression


class PTMLowering(Lowering):
    """Pauli transfer matrices on bits (2q, 2q + 1)."""

    BITS_PER_QUBIT = 2

    def targets(self, qubits) -> list[int]:
        return [b for q in qubits for b in (2 * q, 2 * q + 1)]

    def constant(self, qubits, matrix, diagonal=False) -> None:
        targets = self.checked_targets(qubits, "a gate")
        u = np.diag(matrix) if diagonal else matrix
        self.spec.add_matrix(targets, np.ascontiguousarray(np.real(ptm_from_superop(unitary_superop(u)))).astype(complex))

    def parametric(self, qubits, values, projectors, angle) -> None:
        targets = self.checked_targets(qubits, "a gate")
        values, projectors = superop_spectrum(values, projectors)
        projectors = np.array([ptm_from_superop(p) for p in projectors])
        self.spec.add_parametric(targets, values, np.ascontiguousarray(projectors), *self.angle_args(angle))

    def phase_vector(self, values, angle) -> None:
        """exp(-i a D) as RZ and RZZ rotations (qsim.lowering.ising), for D with at most
        two-body terms."""
        what = f"method {self.method!r} takes diagonal evolutions with at most two-body (Ising) terms: this diagonal"
        for bits, w in ising_terms(values, what):
            gate = GATES["rz" if len(bits) == 1 else "rzz"]
            scaled = 2.0 * w * angle  # rz(t) = exp(-i t Z / 2)
            if isinstance(scaled, ParameterExpression):
                self.parametric(bits, *spectral_form(gate), scaled)
            else:
                self.constant(bits, gate.matrix(scaled))

    def channel(self, channel, qubits) -> None:
        targets = self.checked_targets(qubits, "a channel")
        if channel.is_pauli:
            self.spec.add_diagonal(targets, np.diag(channel.ptm()).astype(complex))
        else:
            self.spec.add_matrix(targets, channel.ptm().astype(complex))
