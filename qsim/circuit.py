"""The circuit IR: an ordered list of instructions on n qubits, built with a fluent API.

Qubit 0 is the least significant bit of a basis-state index. Arguments follow Qiskit:
angles first, then qubits (``rx(theta, q)``, ``rzz(theta, q0, q1)``, ``cx(control, target)``).
Angles are numbers or affine expressions of one `Parameter` (see qsim.parameters).
"""

from __future__ import annotations

import numbers
from collections import Counter
from dataclasses import dataclass

import numpy as np

from qsim import qasm
from qsim._checks import integer, qubit, real_array
from qsim.drawing import draw
from qsim.gates import GATES
from qsim.observables import DiagonalObservable, PauliSum
from qsim.parameters import Parameter, ParameterExpression, as_angle, order_parameters

MAX_QUBITS = 63
MAX_UNITARY_QUBITS = 6
UNITARY_ATOL = 1e-10  # max |U U^dagger - I| accepted by Circuit.unitary


@dataclass(frozen=True, eq=False)
class Instruction:
    """One operation. ``params`` holds floats and ParameterExpressions. ``data`` is the
    matrix of a 'unitary' (qubits[j] = bit j of its index) or the 2^k real values of a
    'diagonal_evolution' exp(-i gamma D) (bit j of the value index = qubits[j])."""

    name: str
    qubits: tuple[int, ...]
    params: tuple = ()
    data: np.ndarray | None = None
    label: str | None = None

    @property
    def is_parametrised(self) -> bool:
        return any(isinstance(p, ParameterExpression) for p in self.params)


class Circuit:
    """A quantum circuit on ``num_qubits`` qubits (1..63)."""

    def __init__(self, num_qubits: int):
        self.num_qubits = integer("num_qubits", num_qubits, minimum=1, maximum=MAX_QUBITS)
        self._instructions: list[Instruction] = []

    # -- construction -----------------------------------------------------------------
    def _check_qubits(self, qubits) -> tuple[int, ...]:
        out = []
        for q in qubits:
            q = qubit("qubits", q, num_qubits=self.num_qubits)
            if q in out:
                raise ValueError(f"qubit {q} repeated in one gate: {tuple(qubits)}")
            out.append(q)
        return tuple(out)

    def append(self, name: str, qubits, params=()) -> "Circuit":
        """Appends a standard gate by name (see qsim.gates.GATES)."""
        gate = GATES.get(name)
        if gate is None:
            raise ValueError(f"unknown gate {name!r}; known: {', '.join(sorted(GATES))}")
        qubits = tuple(qubits)
        if len(qubits) != gate.num_qubits:
            raise ValueError(f"gate {name!r} acts on {gate.num_qubits} qubit(s), got {qubits}")
        params = tuple(params)
        if len(params) != gate.num_params:
            raise ValueError(f"gate {name!r} takes {gate.num_params} angle(s), got {params}")
        angles = tuple(as_angle(p, f"angle of {name}") for p in params)
        self._instructions.append(Instruction(name, self._check_qubits(qubits), angles))
        return self

    def h(self, q): return self.append("h", (q,))
    def x(self, q): return self.append("x", (q,))
    def y(self, q): return self.append("y", (q,))
    def z(self, q): return self.append("z", (q,))
    def s(self, q): return self.append("s", (q,))
    def sdg(self, q): return self.append("sdg", (q,))
    def t(self, q): return self.append("t", (q,))
    def tdg(self, q): return self.append("tdg", (q,))
    def sx(self, q): return self.append("sx", (q,))
    def sxdg(self, q): return self.append("sxdg", (q,))
    def rx(self, theta, q): return self.append("rx", (q,), (theta,))
    def ry(self, theta, q): return self.append("ry", (q,), (theta,))
    def rz(self, theta, q): return self.append("rz", (q,), (theta,))
    def p(self, theta, q): return self.append("p", (q,), (theta,))
    def u(self, theta, phi, lam, q): return self.append("u", (q,), (theta, phi, lam))
    def cx(self, control, target): return self.append("cx", (control, target))
    def cy(self, control, target): return self.append("cy", (control, target))
    def cz(self, control, target): return self.append("cz", (control, target))
    def ch(self, control, target): return self.append("ch", (control, target))
    def swap(self, q0, q1): return self.append("swap", (q0, q1))
    def iswap(self, q0, q1): return self.append("iswap", (q0, q1))
    def crx(self, theta, control, target): return self.append("crx", (control, target), (theta,))
    def cry(self, theta, control, target): return self.append("cry", (control, target), (theta,))
    def crz(self, theta, control, target): return self.append("crz", (control, target), (theta,))
    def cp(self, theta, control, target): return self.append("cp", (control, target), (theta,))
    def rxx(self, theta, q0, q1): return self.append("rxx", (q0, q1), (theta,))
    def ryy(self, theta, q0, q1): return self.append("ryy", (q0, q1), (theta,))
    def rzz(self, theta, q0, q1): return self.append("rzz", (q0, q1), (theta,))
    def ccx(self, control0, control1, target): return self.append("ccx", (control0, control1, target))
    def cswap(self, control, q0, q1): return self.append("cswap", (control, q0, q1))

    def unitary(self, matrix, qubits, label: str | None = None) -> "Circuit":
        """Appends any k-qubit unitary (k <= 6); qubits[j] is bit j of the matrix index.
        Unitarity is checked to max |U U^dagger - I| <= 1e-10."""
        qubits = self._check_qubits(tuple(qubits) if not isinstance(qubits, numbers.Integral) else (qubits,))
        k = len(qubits)
        if not 1 <= k <= MAX_UNITARY_QUBITS:
            raise ValueError(f"unitary acts on 1..{MAX_UNITARY_QUBITS} qubits, got {k}")
        try:
            m = np.array(matrix, dtype=complex)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"unitary matrix must be numeric: {exc}") from None
        if m.shape != (1 << k, 1 << k):
            raise ValueError(f"a unitary on {k} qubit(s) must have shape {(1 << k, 1 << k)}, got {m.shape}")
        if not np.all(np.isfinite(m)):
            raise ValueError("unitary matrix has non-finite entries")
        err = float(np.max(np.abs(m @ m.conj().T - np.eye(1 << k))))
        if err > UNITARY_ATOL:
            raise ValueError(f"matrix is not unitary: max |U U^dagger - I| = {err:.3g} > {UNITARY_ATOL:g}")
        m.flags.writeable = False
        self._instructions.append(Instruction("unitary", qubits, (), m, label))
        return self

    def diagonal_evolution(self, values_or_observable, gamma, qubits=None) -> "Circuit":
        """Appends exp(-i gamma D) for a diagonal D: the QAOA cost layer as one instruction.

        D is a vector of 2^k real values (bit j of its index = qubits[j]; all qubits by
        default), a DiagonalObservable or a Z-only PauliSum; gamma a number or parameter
        expression."""
        qubits = tuple(range(self.num_qubits)) if qubits is None else self._check_qubits(tuple(qubits))
        obj = values_or_observable
        if isinstance(obj, PauliSum):
            if not obj.is_diagonal:
                raise ValueError("diagonal_evolution needs a Z-only PauliSum")
            if obj.num_qubits > len(qubits):
                raise ValueError(f"PauliSum on {obj.num_qubits} qubits does not fit {len(qubits)} qubits")
            obj = PauliSum._from_masks(obj._terms, len(qubits)).diagonal()
        elif isinstance(obj, DiagonalObservable):
            obj = obj.values
        values = DiagonalObservable(obj).values
        if values.size != 1 << len(qubits):
            raise ValueError(f"diagonal_evolution on {len(qubits)} qubits needs {1 << len(qubits)} values, got {values.size}")
        angle = as_angle(gamma, "gamma")
        self._instructions.append(Instruction("diagonal_evolution", qubits, (angle,), values))
        return self

    # -- OpenQASM -----------------------------------------------------------------------
    @classmethod
    def from_qasm(cls, text: str, filename: str = "<string>") -> "Circuit":
        """The circuit of OpenQASM 2 source text (see qsim.qasm.parse; its
        ``measurements`` hold the final-measurement mapping that the circuit leaves out)."""
        return cls._from_qasm_program(qasm.parse(text, filename))

    @classmethod
    def from_qasm_file(cls, path) -> "Circuit":
        """The circuit of an OpenQASM 2 file (see from_qasm)."""
        return cls._from_qasm_program(qasm.parse_file(path))

    def to_qasm(self) -> str:
        """OpenQASM 2.0 text of this circuit, or OpenQASM 3.0 with an ``input float[64]``
        per parameter when it has free parameters; see qsim.qasm.writer."""
        return qasm.dumps(self)

    @classmethod
    def _from_qasm_program(cls, program: "qasm.QasmProgram") -> "Circuit":
        if program.num_qubits == 0:
            raise ValueError("the OpenQASM program declares no qubits (no qreg)")
        circuit = cls(program.num_qubits)
        for name, qubits, params in program.gates:
            circuit.append(name, qubits, params)
        return circuit

    # -- queries ------------------------------------------------------------------------
    @property
    def instructions(self) -> tuple[Instruction, ...]:
        return tuple(self._instructions)

    def __len__(self) -> int:
        return len(self._instructions)

    def __iter__(self):
        return iter(self._instructions)

    @property
    def parameters(self) -> list[Parameter]:
        """Free parameters in order of first appearance (a ParameterVector's elements
        together, by index); theta[k] is the value of parameters[k]."""
        return order_parameters(
            p.parameter for inst in self._instructions for p in inst.params if isinstance(p, ParameterExpression)
        )

    @property
    def num_parameters(self) -> int:
        """len(parameters): the length theta must have."""
        return len(self.parameters)

    def depth(self) -> int:
        """Number of layers when every instruction starts as early as its qubits allow."""
        level = [0] * self.num_qubits
        for inst in self._instructions:
            d = 1 + max(level[q] for q in inst.qubits)
            for q in inst.qubits:
                level[q] = d
        return max(level, default=0)

    def count_ops(self) -> dict[str, int]:
        """{gate name: count}, most frequent first."""
        return dict(Counter(inst.name for inst in self._instructions).most_common())

    # -- transformations --------------------------------------------------------------
    def copy(self) -> "Circuit":
        """A new circuit with the same instructions (shared, immutable); appending to one
        leaves the other as it is."""
        c = Circuit(self.num_qubits)
        c._instructions = list(self._instructions)
        return c

    def inverse(self) -> "Circuit":
        """The adjoint circuit: instructions reversed, each inverted."""
        inv = Circuit(self.num_qubits)
        for inst in reversed(self._instructions):
            if inst.name == "unitary":
                m = inst.data.conj().T.copy()
                m.flags.writeable = False
                inv._instructions.append(Instruction("unitary", inst.qubits, (), m, inst.label))
            elif inst.name == "diagonal_evolution":
                inv._instructions.append(Instruction(inst.name, inst.qubits, (-inst.params[0],), inst.data))
            else:
                gate = GATES[inst.name]
                flipped = gate.inverse(inst.params)
                if flipped is None:
                    inv.unitary(gate.matrix(*inst.params).conj().T, inst.qubits, label=f"{inst.name}_dg")
                else:
                    inv._instructions.append(Instruction(flipped[0], inst.qubits, flipped[1]))
        return inv

    def compose(self, other: "Circuit", qubits=None) -> "Circuit":
        """A new circuit: this one followed by ``other`` with its qubit i on qubits[i]."""
        if not isinstance(other, Circuit):
            raise TypeError(f"compose takes a Circuit, got {type(other).__name__}")
        if qubits is None:
            if other.num_qubits > self.num_qubits:
                raise ValueError(f"cannot compose a {other.num_qubits}-qubit circuit onto {self.num_qubits} qubits")
            qubits = range(other.num_qubits)
        qubits = self._check_qubits(tuple(qubits))
        if len(qubits) != other.num_qubits:
            raise ValueError(f"compose needs {other.num_qubits} target qubits, got {len(qubits)}")
        out = self.copy()
        for inst in other._instructions:
            out._instructions.append(
                Instruction(inst.name, tuple(qubits[q] for q in inst.qubits), inst.params, inst.data, inst.label)
            )
        return out

    def bind(self, values) -> "Circuit":
        """A copy with parameters replaced by numbers: ``values`` is a sequence in the order
        of ``parameters`` (all of them) or a dict {Parameter: value} (any subset)."""
        params = self.parameters
        if isinstance(values, dict):
            known = set(params)
            mapping = {}
            for p, v in values.items():
                if p not in known:
                    raise ValueError(f"{p!r} is not a parameter of this circuit")
                mapping[p] = as_angle(v, f"value of {p.name}")
                if not isinstance(mapping[p], float):
                    raise TypeError(f"value of {p.name} must be a number, got {v!r}")
        else:
            arr = real_array("parameter values", values).reshape(-1)
            if arr.size != len(params):
                raise ValueError(f"bind got {arr.size} values for {len(params)} parameters")
            bad = np.flatnonzero(~np.isfinite(arr))
            if bad.size:
                raise ValueError(f"parameter value {bad[0]} is {arr[bad[0]]!r}; values must be finite")
            mapping = dict(zip(params, arr.tolist()))
        out = Circuit(self.num_qubits)
        for inst in self._instructions:
            new = tuple(
                p.value(mapping[p.parameter]) if isinstance(p, ParameterExpression) and p.parameter in mapping else p
                for p in inst.params
            )
            out._instructions.append(Instruction(inst.name, inst.qubits, new, inst.data, inst.label))
        return out

    def __str__(self) -> str:
        return draw(self)

    def __repr__(self) -> str:
        return f"Circuit(num_qubits={self.num_qubits}, size={len(self)}, depth={self.depth()})"


for _name, _gate in GATES.items():  # the one-line gate shortcuts above (h, rx, cx, ...) get their docstring here
    _method = getattr(Circuit, _name, None)
    if _method is not None and _method.__doc__ is None:
        _method.__doc__ = (f"Appends the {_name} gate (qsim.GATES[{_name!r}]: {_gate.num_qubits} qubit(s), "
                           f"{_gate.num_params} angle(s), angles first); returns the circuit.")
