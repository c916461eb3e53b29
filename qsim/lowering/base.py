"""The lowering every method shares: instructions -> calls of the method's four hooks.

A gate with constant angles becomes its constant matrix (or diagonal); a one-angle gate with
a parameter becomes its generator's spectral form M(a) = sum_j exp(-i a lambda_j) P_j with
a = coeff * theta[k] + offset; a parametrised ``u`` becomes p(lam) ry(theta) p(phi); a
diagonal evolution becomes its phase values over all 2^n basis states; a noise channel
follows the gate it is attached to. A subclass says what each of those is on its state
(``targets``, ``constant``, ``parametric``, ``phase_vector``, ``channel``); the C++ side fuses
and runs the result (csrc/fuser/, csrc/program.cpp and the runner of its method).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

from qsim import _core
from qsim.gates import GATES, spectral_form
from qsim.noise.channel_op import is_channel_op
from qsim.parameters import ParameterExpression


def full_values(inst, n: int) -> np.ndarray:
    """The 2^n phase values of a diagonal evolution on a subset of the n qubits."""
    if inst.qubits == tuple(range(n)):
        return inst.data
    idx = np.arange(1 << n, dtype=np.int64)
    sub = np.zeros_like(idx)
    for j, q in enumerate(inst.qubits):
        sub |= ((idx >> q) & 1) << j
    return inst.data[sub]


class Lowering(ABC):
    """One circuit's operation list for one method, built by ``lower``. The simulated vector
    has BITS_PER_QUBIT * n index bits; ``targets`` maps a gate's qubits to those bits."""

    BITS_PER_QUBIT = 1

    def __init__(self, circuit, method: str):
        self.circuit = circuit
        self.n = circuit.num_qubits
        self.method = method  # the method's name, for error messages
        self.index = {p: k for k, p in enumerate(circuit.parameters)}
        self.spec = _core.CircuitSpec(self.BITS_PER_QUBIT * self.n, len(self.index))

    def lower(self, noise_model=None) -> _core.CircuitSpec:
        """The operation list (parameters indexed as circuit.parameters), each instruction
        followed by the noise model's channels after it."""
        ops = self.circuit if noise_model is None else noise_model.noisy_instructions(self.circuit)
        for inst in ops:
            if is_channel_op(inst):
                self.channel(inst.channel, inst.qubits)
            elif inst.name == "unitary":
                self.constant(inst.qubits, inst.data)
            elif inst.name == "diagonal_evolution":
                self.phase_vector(full_values(inst, self.n), inst.params[0])
            else:
                self.gate(inst.name, inst.qubits, inst.params)
        return self.spec

    def gate(self, name: str, qubits, params: tuple) -> None:
        """A standard gate: constant, or a one-angle rotation, or ``u`` as three of them."""
        gate = GATES[name]
        if not any(isinstance(p, ParameterExpression) for p in params):
            m = gate.matrix(*params)
            self.constant(qubits, np.diag(m) if gate.diagonal else m, diagonal=gate.diagonal)
        elif name == "u":
            theta, phi, lam = params
            for sub_name, angle in (("p", lam), ("ry", theta), ("p", phi)):
                self.gate(sub_name, qubits, (angle,))
        else:
            self.parametric(qubits, *spectral_form(gate), params[0])

    def angle_args(self, angle) -> tuple[int, float, float]:
        """(parameter index or -1, coeff, offset) of an angle coeff * theta[k] + offset."""
        if isinstance(angle, ParameterExpression):
            return self.index[angle.parameter], angle.coeff, angle.offset
        return -1, 0.0, float(angle)

    def checked_targets(self, qubits, what: str) -> list[int]:
        """``targets(qubits)``, or ValueError when they are more bits than one block takes."""
        targets = self.targets(qubits)
        if len(targets) > _core.MAX_BLOCK_QUBITS:
            raise ValueError(
                f"{what} on {len(qubits)} qubits is too wide for method {self.method!r} "
                f"(at most {_core.MAX_BLOCK_QUBITS // self.BITS_PER_QUBIT} qubits)"
            )
        return targets

    @abstractmethod
    def targets(self, qubits) -> list[int]:
        """The bits of the simulated vector that a gate on ``qubits`` acts on."""

    @abstractmethod
    def constant(self, qubits, matrix: np.ndarray, diagonal: bool = False) -> None:
        """A constant unitary on ``qubits`` (``matrix`` is its diagonal when ``diagonal``)."""

    @abstractmethod
    def parametric(self, qubits, values, projectors, angle) -> None:
        """M(a) = sum_j exp(-i a values[j]) projectors[j] on ``qubits``, a the affine angle."""

    @abstractmethod
    def phase_vector(self, values: np.ndarray, angle) -> None:
        """exp(-i angle values[x]) on every basis state x of the n qubits (2^n values)."""

    @abstractmethod
    def channel(self, channel, qubits) -> None:
        """A noise channel on ``qubits`` (qubits[j] = bit j of its matrices)."""
