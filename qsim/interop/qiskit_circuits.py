"""Qiskit QuantumCircuit <-> qsim Circuit, parameters kept as parameters.

Gates with a qsim counterpart of the same name and matrix map one to one (u1, u2, u3 and
cu1 too, as p, u and cp); ``unitary`` gates become qsim unitary blocks; any other gate is
expanded through its Qiskit definition. Qiskit Parameters become qsim Parameters of the
same name and a ParameterVector's elements the elements of a qsim ParameterVector; an
angle must be affine in one parameter (qsim's rule). Qiskit's global phase (of the
circuit and of expanded definitions) is dropped: states agree up to that phase, and
probabilities and expectations exactly. Barriers and final measurements are dropped;
mid-circuit measurement, a reset after an operation, and classical control flow are
refused. A qsim ``diagonal_evolution`` exp(-i gamma D) becomes a PauliEvolutionGate of D's
Pauli-Z expansion for time gamma, and a Z-only PauliEvolutionGate a diagonal evolution; one
of commuting terms expands through its definition, and one of non-commuting terms (whose
Qiskit definition is only a Trotter step) becomes its exact matrix.
"""

from __future__ import annotations

import math

import numpy as np

from qsim.circuit import Circuit
from qsim.gates import GATES
from qsim.interop._qiskit import (
    Parameter as QiskitParameter,
    ParameterExpression as QiskitExpression,
    ParameterVector as QiskitVector,
    PauliEvolutionGate,
    QuantumCircuit,
    SparsePauliOp,
)
from qsim.observables import walsh_coefficients
from qsim.parameters import Parameter, ParameterExpression, ParameterVector

_ALIASES = {"u3": ("u", None), "u1": ("p", None), "cu1": ("cp", None), "u2": ("u", lambda p: (math.pi / 2, *p))}
_DROPPED = frozenset({"barrier", "id", "delay", "global_phase"})
_CONTROL_FLOW = frozenset({"if_else", "while_loop", "for_loop", "switch_case", "break_loop", "continue_loop", "box"})


def from_qiskit(qc) -> Circuit:
    """The qsim Circuit of a Qiskit QuantumCircuit (see the module docstring)."""
    if not isinstance(qc, QuantumCircuit):
        raise TypeError(f"expected a qiskit QuantumCircuit, got {type(qc).__name__}")
    converter = _FromQiskit(Circuit(qc.num_qubits))
    converter.add(qc, list(range(qc.num_qubits)))
    return converter.circuit


class _FromQiskit:
    def __init__(self, circuit: Circuit):
        self.circuit = circuit
        self.parameters: dict = {}
        self.vectors: dict = {}
        self.measured: set[int] = set()
        self.touched: set[int] = set()

    def add(self, qc, wires: list[int]) -> None:
        for k, inst in enumerate(qc.data):
            op = inst.operation
            qubits = tuple(wires[qc.find_bit(q).index] for q in inst.qubits)
            name = op.name
            if name in _DROPPED:
                continue
            if name in _CONTROL_FLOW or getattr(op, "condition", None) is not None:
                raise ValueError(f"instruction {k} ({name!r}) is classical control flow, which qsim does not simulate")
            if name == "measure":
                self.measured.update(qubits)
                continue
            if name == "reset":
                if self.touched.intersection(qubits) or self.measured.intersection(qubits):
                    raise ValueError(f"instruction {k}: reset of qubit(s) {qubits} after operations on them is not supported")
                continue
            if self.measured.intersection(qubits):
                raise ValueError(f"instruction {k} ({name!r}) acts on qubit(s) {qubits} after their measurement: "
                                 "mid-circuit measurement is not supported")
            self.touched.update(qubits)
            self._gate(op, qubits, k)

    def _gate(self, op, qubits: tuple[int, ...], k: int) -> None:
        name, params = op.name, list(op.params)
        target, mapping = _ALIASES.get(name, (name, None))
        gate = GATES.get(target)
        if gate is not None and gate.num_qubits == len(qubits) and (len(params) == gate.num_params or mapping):
            angles = [self._angle(p, name) for p in params]
            self.circuit.append(target, qubits, mapping(angles) if mapping else angles)
        elif name == "unitary":
            self.circuit.unitary(op.to_matrix(), qubits, label=op.label)
        elif isinstance(op, PauliEvolutionGate):
            self._evolution(op, qubits, k)
        elif op.definition is not None:
            self.add(op.definition, list(qubits))
        else:
            raise ValueError(f"instruction {k}: gate {name!r} has no qsim counterpart and no definition")

    def _evolution(self, op, qubits: tuple[int, ...], k: int) -> None:
        """exp(-i t H) exactly: a diagonal evolution for a Z-only H, the definition when H's
        terms commute, else (Qiskit's definition being a Trotter step) the matrix."""
        h = op.operator if isinstance(op.operator, SparsePauliOp) else SparsePauliOp.sum(op.operator)
        paulis = h.paulis
        if not paulis.x.any():
            values = np.real(h.to_matrix(sparse=True).diagonal())
            self.circuit.diagonal_evolution(values, self._angle(op.params[0], op.name), qubits)
        elif all(paulis[i].commutes(paulis[j]) for i in range(len(paulis)) for j in range(i)):
            self.add(op.definition, list(qubits))
        elif not op.is_parameterized():
            self.circuit.unitary(op.to_matrix(), qubits, label=op.label)
        else:
            raise ValueError(f"instruction {k}: a PauliEvolutionGate of non-commuting terms with a free time has no exact "
                             "qsim form (Qiskit's definition is a Trotter step); bind the time first")

    def _angle(self, value, gate: str):
        """A Qiskit angle as a float or a qsim ParameterExpression (affine in one parameter)."""
        if not isinstance(value, QiskitExpression):
            return float(value)
        free = list(value.parameters)
        if not free:
            return float(value)
        if len(free) > 1:
            raise TypeError(f"angle {value} of {gate!r} depends on {len(free)} parameters; qsim angles are affine in one")
        p = free[0]
        slope = value.gradient(p)
        if isinstance(slope, QiskitExpression) and slope.parameters:
            raise TypeError(f"angle {value} of {gate!r} is not affine in {p.name}")
        offset = float(value.bind({p: 0.0}))
        return float(slope) * self._parameter(p) + offset

    def _parameter(self, p) -> Parameter:
        vector = getattr(p, "vector", None)
        if vector is None:
            return self.parameters.setdefault(p, Parameter(p.name))
        if vector not in self.vectors:
            self.vectors[vector] = ParameterVector(vector.name, len(vector))
        return self.vectors[vector][p.index]


def to_qiskit(circuit: Circuit):
    """The Qiskit QuantumCircuit of a qsim Circuit (see the module docstring)."""
    if not isinstance(circuit, Circuit):
        raise TypeError(f"expected a qsim Circuit, got {type(circuit).__name__}")
    qc = QuantumCircuit(circuit.num_qubits)
    convert = _ToQiskit()
    for inst in circuit:
        angles = [convert.angle(p) for p in inst.params]
        if inst.name == "unitary":
            qc.unitary(inst.data, list(inst.qubits), label=inst.label)
        elif inst.name == "diagonal_evolution":
            qc.append(PauliEvolutionGate(_z_expansion(inst.data), time=angles[0]), list(inst.qubits))
        else:
            getattr(qc, inst.name)(*angles, *inst.qubits)
    return qc


class _ToQiskit:
    def __init__(self):
        self.parameters: dict = {}
        self.vectors: dict = {}

    def angle(self, value):
        if not isinstance(value, ParameterExpression):
            return value
        p = value.parameter
        if p.vector is None:
            q = self.parameters.setdefault(p, QiskitParameter(p.name))
        else:
            if p.vector not in self.vectors:
                self.vectors[p.vector] = QiskitVector(p.vector.name, len(p.vector))
            q = self.vectors[p.vector][p.index]
        if value.coeff == 1.0 and value.offset == 0.0:
            return q
        return value.coeff * q + value.offset


def _z_expansion(values) -> "SparsePauliOp":
    """D = sum_S c_S Z_S as a SparsePauliOp on the diagonal's k qubits (bit j of S is qubit j)."""
    coeffs = walsh_coefficients(values)
    k = coeffs.size.bit_length() - 1
    terms = [("".join("Z" if s >> j & 1 else "I" for j in reversed(range(k))), c) for s, c in enumerate(coeffs) if c != 0.0]
    return SparsePauliOp.from_list(terms or [("I" * k, 0.0)])
