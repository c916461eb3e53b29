"""The OpenQASM writer: a Circuit -> OpenQASM 2.0 text, or OpenQASM 3.0 when it has free
parameters.

A bound circuit is written as OpenQASM 2.0 in the gates of the original qelib1.inc (arXiv
1707.03429), which every OpenQASM 2 reader knows, Qiskit's ``qasm2.loads`` with its
default settings included: p, u and cp are written as their equals u1, u3 and cu1, and
the other qsim gates (sx, swap, rxx, ...) as ``gate`` definitions at the top of the file
whose matrices equal qsim's exactly (no global phase). A circuit with parameters is
written as OpenQASM 3.0 (stdgates.inc, definitions for the gates it lacks) with one
``input float[64]`` per parameter, in the order of ``circuit.parameters``, named after it
(characters other than letters, digits and _ become _, so ``v[0]`` is ``v_0``; a clash
gets a numbered suffix); angles are written as ``coeff*name + offset``. A
``diagonal_evolution`` exp(-i gamma D) is written as the Z-rotations of D's Pauli-Z
expansion D = sum_S c_S Z_S: RZ(2 gamma c_S) for one qubit, RZZ for two, a CX parity
ladder around an RZ for more; the constant c_{} is the global phase exp(-i gamma c_{}),
which is dropped. ``unitary`` blocks are refused. Qubit i is q[i]; numbers are written
with 17 significant digits, so they read back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from qsim.observables import walsh_terms
from qsim.parameters import Parameter, ParameterExpression, order_parameters

_DEFINITIONS = {
    "sx": "gate sx a { h a; s a; h a; }",
    "sxdg": "gate sxdg a { h a; sdg a; h a; }",
    "swap": "gate swap a, b { cx a, b; cx b, a; cx a, b; }",
    "iswap": "gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }",
    "cswap": "gate cswap a, b, c { cx c, b; ccx a, b, c; cx c, b; }",
    "crx": "gate crx(theta) a, b { h b; crz(theta) a, b; h b; }",
    "cry": "gate cry(theta) a, b { ry(theta/2) b; cx a, b; ry(-theta/2) b; cx a, b; }",
    "rxx": "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
    "ryy": "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }",
    "rzz": "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
}
ZERO = 1e-14  # Pauli-Z coefficients below ZERO * max |D| are dropped from a diagonal evolution
_RESERVED = frozenset(
    "q pi e tau euler input output float angle int uint bit bool qubit qreg creg gate opaque include measure reset "
    "barrier if else for while in let const def return ctrl negctrl inv pow box duration stretch delay gphase array "
    "complex end break continue extern defcal cal sin cos tan arcsin arccos arctan exp ln sqrt mod U CX".split()
) | frozenset(_DEFINITIONS)


@dataclass(frozen=True)
class _Dialect:
    header: str
    register: str  # the qubit declaration, with {n}
    renamed: dict  # qsim gate -> the library's name for the same matrix
    defined: frozenset  # qsim gates the library lacks: written as definitions


_QASM2 = _Dialect('OPENQASM 2.0;\ninclude "qelib1.inc";\n', "qreg q[{n}];\n", {"p": "u1", "u": "u3", "cp": "cu1"},
                  frozenset(_DEFINITIONS))
_QASM3 = _Dialect('OPENQASM 3.0;\ninclude "stdgates.inc";\n', "qubit[{n}] q;\n", {"u": "u3"},
                  frozenset({"sxdg", "iswap", "rxx", "ryy", "rzz"}))


def dumps(circuit) -> str:
    """OpenQASM text of a circuit: 2.0 when it is bound, 3.0 with inputs when it has free
    parameters (see the module docstring)."""
    free = order_parameters(p.parameter for inst in circuit for p in inst.params if isinstance(p, ParameterExpression))
    dialect = _QASM3 if free else _QASM2
    names = input_names(free)
    body: list[str] = []
    used: set[str] = set()
    for k, inst in enumerate(circuit):
        if inst.name == "unitary":
            label = f" ({inst.label})" if inst.label else ""
            raise ValueError(f"to_qasm: instruction {k} is a {len(inst.qubits)}-qubit 'unitary' block{label} on qubits "
                             f"{inst.qubits}: OpenQASM has no matrix gate and qsim does not decompose one")
        if inst.name == "diagonal_evolution":
            body.extend(_diagonal_lines(inst.data, inst.qubits, inst.params[0], used, names))
            continue
        used.add(inst.name)
        body.append(_call(dialect.renamed.get(inst.name, inst.name), inst.params, inst.qubits, names))
    inputs = [f"input float[64] {names[p]};\n" for p in free]
    definitions = [_DEFINITIONS[name] + "\n" for name in _DEFINITIONS if name in used and name in dialect.defined]
    return dialect.header + "".join(inputs + definitions) + dialect.register.format(n=circuit.num_qubits) + "".join(body)


def input_names(parameters: list[Parameter]) -> dict[Parameter, str]:
    """OpenQASM 3 identifiers for parameters: each name with characters other than ASCII
    letters, digits and _ replaced by one _ (none at the ends), prefixed with p_ when it would start with a digit or
    clash with a keyword, constant or gate, and numbered when two would be equal."""
    names: dict[Parameter, str] = {}
    taken: set[str] = set()
    for p in parameters:
        base = re.sub(r"[^A-Za-z0-9_]+", "_", p.name).strip("_") or "p"
        if base[0].isdigit() or base in _RESERVED:
            base = f"p_{base}"
        name, k = base, 1
        while name in taken:
            name, k = f"{base}_{k}", k + 1
        taken.add(name)
        names[p] = name
    return names


def number(x: float) -> str:
    """A float as an OpenQASM 2 real that reads back to the same float."""
    text = repr(float(x))
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        return f"{mantissa}.0e{exponent}"
    return text


def _angle(value, names: dict) -> str:
    """A number, or ``coeff*name + offset`` for a ParameterExpression."""
    if not isinstance(value, ParameterExpression):
        return number(value)
    name = names[value.parameter]
    text = name if value.coeff == 1.0 else f"-{name}" if value.coeff == -1.0 else f"{number(value.coeff)}*{name}"
    if value.offset == 0.0:
        return text
    return f"{text} {'-' if value.offset < 0 else '+'} {number(abs(value.offset))}"


def _call(name: str, params, qubits, names: dict) -> str:
    angles = f"({','.join(_angle(p, names) for p in params)})" if params else ""
    return f"{name}{angles} {','.join(f'q[{q}]' for q in qubits)};\n"


def _diagonal_lines(values: np.ndarray, qubits: tuple[int, ...], gamma, used: set[str], names: dict) -> list[str]:
    lines = []
    for bits, w in walsh_terms(values, ZERO):
        angle = (2.0 * gamma * w,)
        on = [qubits[j] for j in bits]
        if len(on) == 1:
            lines.append(_call("rz", angle, on, names))
        elif len(on) == 2:
            lines.append(_call("rzz", angle, on, names))
            used.add("rzz")
        else:
            ladder = [_call("cx", (), (a, b), names) for a, b in zip(on, on[1:])]
            lines.extend(ladder + [_call("rz", angle, on[-1:], names)] + ladder[::-1])
    return lines
