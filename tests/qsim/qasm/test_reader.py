"""OpenQASM 2 reader: every qelib1.inc gate, user gates, expressions, registers and
measurements against Qiskit's own parser and Statevector; refusals and bad input."""

import math
import re
import time

import numpy as np
import pytest

from qsim import Circuit, compile, reference
from qsim.qasm import QasmError, parse, parse_file

HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n'

# every gate of qelib1.inc (Qiskit's extended version) with its parameter and qubit counts
QELIB1 = {
    "u3": (3, 1), "u2": (2, 1), "u1": (1, 1), "cx": (0, 2), "id": (0, 1), "u0": (1, 1), "u": (3, 1),
    "p": (1, 1), "x": (0, 1), "y": (0, 1), "z": (0, 1), "h": (0, 1), "s": (0, 1), "sdg": (0, 1),
    "t": (0, 1), "tdg": (0, 1), "rx": (1, 1), "ry": (1, 1), "rz": (1, 1), "sx": (0, 1), "sxdg": (0, 1),
    "cz": (0, 2), "cy": (0, 2), "swap": (0, 2), "ch": (0, 2), "ccx": (0, 3), "cswap": (0, 3),
    "crx": (1, 2), "cry": (1, 2), "crz": (1, 2), "cu1": (1, 2), "cp": (1, 2), "cu3": (3, 2),
    "csx": (0, 2), "cu": (4, 2), "rxx": (1, 2), "rzz": (1, 2), "rccx": (0, 3), "rc3x": (0, 4),
    "c3x": (0, 4), "c3sqrtx": (0, 4), "c4x": (0, 5),
}


def qiskit_state(text, extended=True):
    """Qiskit's state of an OpenQASM 2 program (final measurements removed); ``extended``
    gives its parser the gates it added to qelib1.inc (else it knows the original ones)."""
    qasm2 = pytest.importorskip("qiskit.qasm2", reason="qiskit not installed: no cross-check")
    from qiskit.quantum_info import Statevector

    qc = qasm2.loads(text, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS if extended else ())
    qc.remove_final_measurements()
    return np.asarray(Statevector(qc).data)


def overlap(a, b):
    """|<a|b>|: 1 when the states agree up to a global phase."""
    return abs(np.vdot(a, b))


def scrambled(n, seed):
    """Lines putting n qubits in a random product state, so that every matrix entry shows."""
    rng = np.random.default_rng(seed)
    return "".join(f"u3({a!r},{b!r},{c!r}) q[{i}];\n" for i, (a, b, c) in enumerate(rng.uniform(-3, 3, (n, 3)).tolist()))


@pytest.mark.parametrize("name", sorted(QELIB1))
def test_every_qelib1_gate_matches_qiskit(name):
    num_params, num_qubits = QELIB1[name]
    n = 5
    angles = "1" if name == "u0" else ",".join(repr(0.37 + 0.61 * k) for k in range(num_params))  # Qiskit: u0(n) waits n cycles
    call = f"{name}({angles})" if num_params else name
    qubits = ",".join(f"q[{q}]" for q in (3, 0, 4, 1, 2)[:num_qubits])
    text = HEADER + f"qreg q[{n}];\n" + scrambled(n, 7) + f"{call} {qubits};\n"
    got = reference.statevector(Circuit.from_qasm(text))
    want = qiskit_state(text)
    assert overlap(got, want) == pytest.approx(1.0, abs=1e-12)
    assert np.max(np.abs(np.abs(got) ** 2 - np.abs(want) ** 2)) < 1e-12


def test_native_gates_keep_qiskits_phase():
    # gates with a qsim counterpart are that gate, so even the global phase agrees with Qiskit
    text = HEADER + "qreg q[3];\n" + scrambled(3, 1) + (
        "rz(0.3) q[0]; u2(0.1,0.2) q[1]; u1(0.4) q[2]; crx(0.5) q[0],q[2]; rzz(0.7) q[1],q[0];"
        " cu1(0.2) q[2],q[1]; U(0.1,0.2,0.3) q[0]; CX q[0],q[1]; sxdg q[2];\n"
    )
    c = Circuit.from_qasm(text)
    assert {"rz", "u", "p", "crx", "rzz", "cp", "cx", "sxdg"} <= set(c.count_ops())
    np.testing.assert_allclose(reference.statevector(c), qiskit_state(text), atol=1e-12)


def test_registers_concatenate_in_declaration_order():
    text = HEADER + "qreg a[2];\nqreg b[3];\ncreg c[5];\nx b[0];\nx a[1];\n"
    prog = parse(text)
    assert prog.qregs == (("a", 2), ("b", 3))
    assert prog.num_qubits == 5
    state = reference.statevector(Circuit.from_qasm(text))
    assert np.argmax(np.abs(state)) == (1 << 2) | (1 << 1)
    np.testing.assert_allclose(state, qiskit_state(text), atol=1e-12)


def test_user_gates_with_parameters_nested_calls_and_expressions():
    text = HEADER + """
qreg q[3];
gate rot(a, b) t { rx(a) t; rz(-b/2 + a^2) t; }
gate pair(theta) x, y { h x; rot(theta, 2*theta) y; cx x, y; rot(sin(theta), cos(theta)) x; }
gate outer(phi) a, b, c { pair(phi*pi/3) a, c; barrier a, b; pair(ln(exp(phi)) - sqrt(4)) c, b; }
outer(0.7) q[0], q[1], q[2];
outer(-(1.5e-1)) q[2], q[0], q[1];
"""
    c = Circuit.from_qasm(text)
    np.testing.assert_allclose(reference.statevector(c), qiskit_state(text), atol=1e-12)
    first_rx = next(i for i in c if i.name == "rx")
    assert first_rx.params == (pytest.approx(0.7 * math.pi / 3),)


def test_expression_grammar():
    def angle(expr):
        return parse(HEADER + f"qreg q[1];\nrz({expr}) q[0];\n").gates[0][2][0]

    assert angle("-2^2") == -4.0
    assert angle("2^3^2") == 2.0 ** 9
    assert angle("2**-1") == 0.5
    assert angle("1 - 2 - 3") == -4.0
    assert angle("12/3/2") == 2.0
    assert angle("-pi/4 + 3*.5e1") == pytest.approx(-math.pi / 4 + 15)
    assert angle("asin(1) + acos(1) + atan(0) + tan(0)") == pytest.approx(math.pi / 2)
    assert angle("1e3") == 1000.0


def test_broadcast_over_registers_and_barrier():
    text = HEADER + "qreg a[3];\nqreg b[3];\nh a;\ncx a, b;\nrz(0.2) b[1];\nbarrier a, b[0];\nbarrier a;\ncx a[0], b;\n"
    c = Circuit.from_qasm(text)
    assert c.count_ops() == {"cx": 6, "h": 3, "rz": 1}
    np.testing.assert_allclose(reference.statevector(c), qiskit_state(text), atol=1e-12)


def test_id_u0_and_fresh_reset_do_nothing():
    c = Circuit.from_qasm(HEADER + "qreg q[2];\nreset q;\nid q[0];\nu0(3) q[1];\nx q[1];\n")
    assert c.count_ops() == {"x": 1}


def test_final_measurements_are_kept_as_a_mapping():
    text = HEADER + "qreg q[3];\ncreg a[2];\ncreg b[2];\nx q[0];\nx q[2];\nmeasure q[0] -> b[1];\nmeasure q[2] -> a[0];\nmeasure q[1] -> b[0];\n"
    prog = parse(text)
    assert prog.measurements == ((0, 3), (2, 0), (1, 2))
    assert prog.cregs == (("a", 2), ("b", 2)) and prog.num_clbits == 4
    c = Circuit.from_qasm(text)
    assert c.count_ops() == {"x": 2}
    counts = compile(c).sample(shots=10, seed=1).counts
    assert counts == {"101": 10}
    assert prog.clbit_counts(counts) == {"10 01": 10}
    aer = pytest.importorskip("qiskit_aer", reason="qiskit-aer not installed: no cross-check of the counts")
    from qiskit import qasm2

    aer_counts = aer.AerSimulator().run(qasm2.loads(text), shots=10).result().get_counts()
    assert prog.clbit_counts(counts) == dict(aer_counts)


def test_whole_register_measure_and_unmeasured_clbits():
    prog = parse(HEADER + "qreg q[2];\ncreg c[2];\ncreg d[1];\nx q[1];\nmeasure q -> c;\n")
    assert prog.measurements == ((0, 0), (1, 1))
    assert prog.clbit_counts({"10": 4}) == {"0 10": 4}


def test_parse_file_and_from_qasm_file(tmp_path):
    path = tmp_path / "bell.qasm"
    path.write_text(HEADER + "qreg q[2];\nh q[0];\ncx q[0], q[1];\n")
    assert parse_file(path).num_qubits == 2
    state = reference.statevector(Circuit.from_qasm_file(str(path)))
    np.testing.assert_allclose(np.abs(state) ** 2, [0.5, 0, 0, 0.5], atol=1e-12)


def test_include_of_a_sibling_file(tmp_path):
    (tmp_path / "mygates.inc").write_text("gate bell a, b { h a; cx a, b; }\n")
    path = tmp_path / "main.qasm"
    path.write_text(HEADER + 'include "mygates.inc";\nqreg q[2];\nbell q[0], q[1];\n')
    assert Circuit.from_qasm_file(path).count_ops() == {"h": 1, "cx": 1}
    (tmp_path / "loop.inc").write_text('include "loop.inc";\n')
    with pytest.raises(QasmError, match=r"loop\.inc:1:9: include cycle"):
        parse_file(write(tmp_path, 'include "loop.inc";\n'))


def write(tmp_path, text, name="bad.qasm"):
    path = tmp_path / name
    path.write_text(text)
    return path


# (program after the header, expected line:column, token, message fragment)
BAD = [
    ("qreg q[1];\nfoo q[0];", "4:1", "foo", "unknown gate 'foo'"),
    ("qreg q[1];\nrx q[0];", "4:1", "rx", "takes 1 parameter(s), got 0"),
    ("qreg q[1];\nh(0.1) q[0];", "4:1", "h", "takes 0 parameter(s), got 1"),
    ("qreg q[2];\ncx q[0];", "4:1", "cx", "acts on 2 qubit(s), got 1"),
    ("qreg q[2];\nh r[0];", "4:3", "r", "undeclared quantum register 'r'"),
    ("qreg q[2];\ncreg c[2];\nh c[0];", "5:3", "c", "is a classical register"),
    ("qreg q[2];\nh q[2];", "4:5", "2", "index 2 out of range for register q[2]"),
    ("qreg q[2];\ncreg c[1];\nmeasure q[0] -> c[3];", "5:19", "3", "index 3 out of range"),
    ("qreg q[2];\ncx q[1], q[1];", "4:1", "cx", "same qubit twice"),
    ("qreg q[2];\nqreg r[3];\ncx q, r;", "5:1", "cx", "registers of different sizes"),
    ("gate g a { h a; g a; }", "3:17", "g", "recursive gate definition"),
    ("gate g a { h b; }", "3:14", "b", "not a qubit argument"),
    ("gate g(t) a { rx(s) a; }", "3:18", "s", "unknown parameter 's'"),
    ("gate h a { x a; }", "3:6", "h", "gate 'h' is already defined"),
    ("gate g a { undefined a; }", "3:12", "undefined", "unknown gate 'undefined'"),
    ("opaque o a;\nqreg q[1];\no q[0];", "5:1", "o", "opaque"),
    ("qreg q[1];\nrx(1/0) q[0];", "4:5", "/", "cannot evaluate"),
    ("qreg q[1];\nrx(ln(0)) q[0];", "4:4", "ln", "cannot evaluate"),
    ("qreg q[1];\nrx(1e308*10) q[0];", "4:1", "rx", "not finite"),
    ("qreg q[1];\nrx(x) q[0];", "4:4", "x", "unknown name 'x'"),
    ("qreg q[1];\nh q[0]", "4:7", "end of file", "expected ';'"),
    ("qreg q[1];\nh q[0]; $", "4:9", "$", "unexpected character"),
    ("qreg q[\u00b9];", "3:8", "\u00b9", "unexpected character"),  # a digit, but not an ASCII one
    ("qreg \u00e9[1];", "3:6", "\u00e9", "unexpected character"),
    ("qreg q[1];\nqreg q[2];", "4:6", "q", "already declared"),
    ("qreg q[0];", "3:8", "0", "register size must be in 1..1048576, got 0"),
    ("qreg q[2000000];", "3:8", "2000000", "register size must be in 1..1048576"),
    ("qreg q[99999999999];", "3:8", "99999999999", "too large"),
    ("qreg q[1];\nrx(" + "(" * 150 + "1" + ")" * 150 + ") q[0];", "4:105", "(", "nested more than 100 levels"),
    ("qreg q[1];\nrx(" + "-" * 200 + "1) q[0];", "4:105", "-", "nested more than 100 levels"),
    ("gate g0 a { h a; }\n" + "".join(f"gate g{i} a {{ g{i - 1} a; g{i - 1} a; }}\n" for i in range(1, 30)),
     "27:6", "g24", "expands to 16777216 gates, 25 definitions deep: over the reader's limits"),
    ("gate g0 a { h a; }\n" + "".join(f"gate g{i} a {{ g{i - 1} a; }}\n" for i in range(1, 120)),
     "103:6", "g100", "101 definitions deep"),
    ('include "nowhere.inc";', "3:9", '"nowhere.inc"', "cannot include"),
    ("qreg q[1];\nOPENQASM 2.0;", "4:1", "OPENQASM", "must be the first statement"),
]


@pytest.mark.parametrize("body, where, token, message", BAD, ids=[b[3] for b in BAD])
def test_bad_input_names_file_line_column_and_token(tmp_path, body, where, token, message):
    path = write(tmp_path, HEADER + body)
    with pytest.raises(QasmError) as info:
        parse_file(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert str(err).startswith(f"{path}:{where}: ")
    assert message in err.message
    assert err.token == token
    assert f"(at {token!r})" in str(err)
    with pytest.raises(ValueError, match=f"^<string>:{where}: "):
        Circuit.from_qasm(HEADER + body)


def test_unknown_gate_hints_at_qelib1():
    with pytest.raises(QasmError, match=r'<string>:2:1: unknown gate \'h\' \(include "qelib1.inc" defines it\)'):
        parse("qreg q[1];\nh q[0];")


def test_openqasm3_is_refused_with_the_version():
    with pytest.raises(QasmError, match=r"1:10: OpenQASM 3.0 is not read here"):
        parse("OPENQASM 3.0;\nqubit[2] q;")


@pytest.mark.parametrize("statement, where, what", [
    ("measure q[0] -> c[0];\nh q[0];", "5:9", "mid-circuit measurement of q[0] is not supported: gate 'h' at line 6, column 1"),
    ("measure q -> c;\nbarrier q;\ncx q[1], q[0];", "5:9", "mid-circuit measurement of q[1]"),
    ("h q[1];\nreset q[1];", "6:7", "reset of q[1] after operations on it"),
    ("measure q[0] -> c[0];\nreset q[0];", "6:7", "reset of q[0]"),
    ("measure q[0] -> c[0];\nif (c == 1) x q[1];", "6:1", "classical 'if' is not supported"),
])
def test_what_a_state_cannot_hold_is_refused_with_line_and_column(statement, where, what):
    with pytest.raises(QasmError, match=re.escape(f"<string>:{where}: {what}")):
        parse(HEADER + "qreg q[2];\ncreg c[2];\n" + statement)


def test_a_file_that_is_not_text(tmp_path):
    path = tmp_path / "binary.qasm"
    path.write_bytes(b"OPENQASM 2.0;\nqreg q[1];\n\x00\x01\x02")
    with pytest.raises(QasmError, match=r"binary\.qasm:3:1: not a text file: byte 0x00 at offset 25"):
        parse_file(path)
    path.write_bytes(b"OPENQASM 2.0;\n\xff\xfe")
    with pytest.raises(QasmError, match=r"binary\.qasm:2:1: not a text file: byte 0xff"):
        Circuit.from_qasm_file(path)
    with pytest.raises(ValueError, match="cannot read OpenQASM file"):
        parse_file(tmp_path / "missing.qasm")
    with pytest.raises(TypeError, match="must be a str"):
        parse(b"OPENQASM 2.0;")


def test_a_program_without_qubits_gives_no_circuit():
    assert parse(HEADER).num_qubits == 0
    with pytest.raises(ValueError, match="declares no qubits"):
        Circuit.from_qasm(HEADER)


def test_ten_thousand_gates_parse_well_under_a_second():
    rng = np.random.default_rng(3)
    lines = [HEADER, "qreg q[12];\n"]
    for k in range(10_000):
        a, b = (int(v) for v in rng.choice(12, 2, replace=False))
        lines.append(
            (f"h q[{a}];", f"rz({rng.normal()!r}) q[{a}];", f"cx q[{a}],q[{b}];", f"u3({rng.normal()!r},0.5,pi/3) q[{a}];")[k % 4]
            + "\n"
        )
    text = "".join(lines)
    start = time.perf_counter()
    c = Circuit.from_qasm(text)
    elapsed = time.perf_counter() - start
    assert len(c) == 10_000
    assert elapsed < 1.0, f"10,000 gates took {elapsed:.3f} s"


def test_a_program_may_redefine_the_gates_qiskit_added_to_qelib1():
    # Qiskit's parser knows only the original library, so files define sx, rzz, ... themselves
    text = HEADER + "gate sx a { x a; }\ngate rzz(t) a, b { cx a, b; rz(t) b; cx a, b; }\nqreg q[2];\nsx q[0];\nrzz(0.3) q[0], q[1];\n"
    c = Circuit.from_qasm(text)
    assert c.count_ops() == {"cx": 2, "x": 1, "rz": 1}
    np.testing.assert_allclose(reference.statevector(c), qiskit_state(text, extended=False), atol=1e-12)
    before = parse('OPENQASM 2.0;\ngate sx a { U(pi, 0, pi) a; }\ninclude "qelib1.inc";\nqreg q[1];\nsx q[0];\n')
    assert before.gates == (("u", (0,), (math.pi, 0.0, math.pi)),)
