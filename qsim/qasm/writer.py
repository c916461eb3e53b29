"""The OpenQASM 2 writer: a bound Circuit -> OpenQASM 2.0 text.

The output uses only the gates of the original qelib1.inc (arXiv 1707.03429), which every
OpenQASM 2 reader knows, Qiskit's ``qasm2.loads`` with its default settings included:
p, u and cp are written as their equals u1, u3 and cu1, and the other qsim gates (sx,
swap, rxx, ...) as ``gate`` definitions at the top of the file whose matrices equal qsim's
exactly (no global phase). A ``diagonal_evolution`` exp(-i gamma D) is written as the
Z-rotations of D's Pauli-Z expansion D = sum_S c_S Z_S: RZ(2 gamma c_S) for one qubit,
RZZ for two, a CX parity ladder around an RZ for more; the constant c_{} is the global
phase exp(-i gamma c_{}), which OpenQASM 2 cannot write and which is dropped. ``unitary``
blocks are refused. Qubit i is q[i]; angles are written with 17 significant digits, so
they read back exactly.
"""

from __future__ import annotations

import numpy as np

from qsim.observables import walsh_coefficients
from qsim.parameters import ParameterExpression, order_parameters

_HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n'
_RENAMED = {"p": "u1", "u": "u3", "cp": "cu1"}
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


def dumps(circuit) -> str:
    """OpenQASM 2.0 text of a circuit without free parameters (see the module docstring)."""
    free = order_parameters(p.parameter for inst in circuit for p in inst.params if isinstance(p, ParameterExpression))
    if free:
        names = ", ".join(p.name for p in free[:4]) + (", ..." if len(free) > 4 else "")
        raise ValueError(f"to_qasm: the circuit has {len(free)} free parameter(s) ({names}); OpenQASM 2 needs "
                         "numbers: write circuit.bind(values).to_qasm()")
    body: list[str] = []
    used: set[str] = set()
    for k, inst in enumerate(circuit):
        if inst.name == "unitary":
            label = f" ({inst.label})" if inst.label else ""
            raise ValueError(f"to_qasm: instruction {k} is a {len(inst.qubits)}-qubit 'unitary' block{label} on qubits "
                             f"{inst.qubits}: OpenQASM 2 has no matrix gate and qsim does not decompose one")
        if inst.name == "diagonal_evolution":
            body.extend(_diagonal_lines(inst.data, inst.qubits, inst.params[0], used))
            continue
        if inst.name in _DEFINITIONS:
            used.add(inst.name)
        body.append(_call(_RENAMED.get(inst.name, inst.name), inst.params, inst.qubits))
    definitions = [_DEFINITIONS[name] + "\n" for name in _DEFINITIONS if name in used]
    return _HEADER + "".join(definitions) + f"qreg q[{circuit.num_qubits}];\n" + "".join(body)


def number(x: float) -> str:
    """A float as an OpenQASM 2 real that reads back to the same float."""
    text = repr(float(x))
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        return f"{mantissa}.0e{exponent}"
    return text


def _call(name: str, params, qubits) -> str:
    angles = f"({','.join(number(p) for p in params)})" if params else ""
    return f"{name}{angles} {','.join(f'q[{q}]' for q in qubits)};\n"


def _diagonal_lines(values: np.ndarray, qubits: tuple[int, ...], gamma: float, used: set[str]) -> list[str]:
    coeffs = walsh_coefficients(values)
    cutoff = ZERO * max(1.0, float(np.max(np.abs(values))))
    lines = []
    for s in range(1, coeffs.size):
        if abs(coeffs[s]) <= cutoff:
            continue
        angle = (2.0 * gamma * coeffs[s],)
        on = [qubits[j] for j in range(len(qubits)) if s >> j & 1]
        if len(on) == 1:
            lines.append(_call("rz", angle, on))
        elif len(on) == 2:
            lines.append(_call("rzz", angle, on))
            used.add("rzz")
        else:
            ladder = [_call("cx", (), (a, b)) for a, b in zip(on, on[1:])]
            lines.extend(ladder + [_call("rz", angle, on[-1:])] + ladder[::-1])
    return lines
