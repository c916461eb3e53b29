"""Parameter-shift gradients, for every simulation method.

Each occurrence of a parameter in an angle, a_k = coeff_k * theta_p + offset_k, gets its
own variable phi_k in an expanded copy of the circuit (compiled once, with the same method,
noise model and precision). A gate exp(-i phi G) makes <O> a trigonometric polynomial in
phi whose frequencies are the distinct gaps w_1..w_R of G's eigenvalues, so
d<O>/dphi = sum_r alpha_r [f(phi + s_r) - f(phi - s_r)] exactly, with s_r = (2r-1) pi /
(2 R w_1) and alpha solving sum_r 2 sin(w_q s_r) alpha_r = w_q for every q (Wierichs et al.,
Quantum 6, 677 (2022)). That is the two-term rule (+-pi/2, 1/2) for Pauli rotations and the
four-term rule (Anselmetti et al. 2021) for controlled rotations. A parametrised diagonal
evolution exp(-i gamma D) is split into its Walsh terms exp(-i gamma w_z Z_z), one shift
pair each. All shifted points run as one expectation_batch call; the chain rule sums
coeff_k * d<O>/dphi_k over the occurrences of each parameter.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from qsim.circuit import Circuit, Instruction
from qsim.gates import GATES, spectral_form
from qsim.observables import parity, walsh_coefficients
from qsim.parameters import ParameterExpression, ParameterVector

_U_SLOTS = ("ry", "p", "p")  # u(theta, phi, lam) = p(phi) ry(theta) p(lam): the generator of each angle


@lru_cache(maxsize=None)
def shift_rule(eigenvalues: tuple[float, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(shifts s_r, coefficients alpha_r) for a generator with these eigenvalues."""
    values = np.array(eigenvalues, dtype=float)
    gaps = np.unique(np.round(np.abs(values[:, None] - values[None, :]), 12))
    gaps = gaps[gaps > 0]
    r = np.arange(1, gaps.size + 1)
    shifts = (2 * r - 1) * np.pi / (2 * gaps.size * gaps[0])
    system = 2 * np.sin(np.outer(gaps, shifts))
    return shifts, np.linalg.solve(system, gaps)


class ParameterShift:
    """The expanded circuit of a Program and its shift rules; built once per Program."""

    def __init__(self, program):
        circuit, nm = program.circuit, program.noise_model
        index = {p: k for k, p in enumerate(program.parameters)}
        occurrences = []  # (parameter index, coeff, offset, eigenvalues)
        pieces = []  # (name, qubits, data, slots) with slots: angle or occurrence number

        def occurrence(angle: ParameterExpression, eigenvalues, scale=1.0) -> int:
            occurrences.append((index[angle.parameter], scale * angle.coeff, scale * angle.offset, tuple(eigenvalues)))
            return len(occurrences) - 1

        for inst in circuit:
            if not inst.is_parametrised:
                pieces.append(inst)
            elif inst.name == "diagonal_evolution":
                if nm is not None and (nm.channels_for(inst.name, inst.qubits) or nm.has_idle):
                    raise ValueError("parameter shift cannot split a noisy diagonal evolution; use a circuit of rz/rzz gates")
                w = walsh_coefficients(inst.data)
                x = np.arange(w.size)
                for z in np.flatnonzero(np.abs(w) > 1e-14 * max(1.0, np.max(np.abs(w)))):
                    if z == 0:
                        continue  # a global phase
                    signs = 1.0 - 2.0 * parity((x & z).astype(np.uint64))
                    pieces.append(("diagonal_evolution", inst.qubits, signs, (occurrence(inst.params[0], (1.0, -1.0), w[z]),)))
            else:
                slots = []
                for j, angle in enumerate(inst.params):
                    if isinstance(angle, ParameterExpression):
                        gate = GATES[_U_SLOTS[j] if inst.name == "u" else inst.name]
                        slots.append(occurrence(angle, spectral_form(gate)[0]))
                    else:
                        slots.append(angle)
                pieces.append((inst.name, inst.qubits, None, tuple(slots)))

        phi = ParameterVector("phi", len(occurrences))
        expanded = Circuit(circuit.num_qubits)
        for piece in pieces:
            if isinstance(piece, Instruction):
                expanded._instructions.append(piece)
                continue
            name, qubits, data, slots = piece
            params = tuple(phi[s] if isinstance(s, int) else s for s in slots)
            if name == "diagonal_evolution":
                expanded.diagonal_evolution(data, params[0], qubits=qubits)
            else:
                expanded.append(name, qubits, params)
        self.program = program.with_circuit(expanded)
        self.num_parameters = program.num_parameters
        self.param = np.array([o[0] for o in occurrences], dtype=np.int64)
        self.coeff = np.array([o[1] for o in occurrences])
        self.offset = np.array([o[2] for o in occurrences])
        self.rules = [shift_rule(o[3]) for o in occurrences]

    def value_and_gradient(self, theta: np.ndarray, observable) -> tuple[float, np.ndarray]:
        phi0 = self.coeff * theta[self.param] + self.offset if self.param.size else np.zeros(0)
        rows = [phi0]
        for k, (shifts, _) in enumerate(self.rules):
            for s in shifts:
                for sign in (1.0, -1.0):
                    row = phi0.copy()
                    row[k] += sign * s
                    rows.append(row)
        values = self.program.expectation_batch(np.array(rows).reshape(len(rows), phi0.size), observable)
        grad = np.zeros(self.num_parameters)
        at = 1
        for k, (shifts, alphas) in enumerate(self.rules):
            pairs = values[at : at + 2 * shifts.size].reshape(-1, 2)
            at += 2 * shifts.size
            grad[self.param[k]] += self.coeff[k] * float(alphas @ (pairs[:, 0] - pairs[:, 1]))
        return float(values[0]), grad
