"""Fuzzing the reader with mutated real files: every input either parses or raises a
QasmError (a ValueError) naming its place, and none takes long."""

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qsim import Circuit
from qsim.qasm import QasmError, parse

DATA = Path(__file__).parent / "data"
SOURCES = [p.read_text() for p in sorted(DATA.glob("*.qasm"))]
FRAGMENTS = [
    "(", ")", ";", ",", "[", "]", "{", "}", "->", "==", "^", "**", "-", "/", "*", "+", "pi", "q", "c", "q[0]",
    "q[99]", "c[0]", "a", "qreg", "creg", "gate", "opaque", "measure", "reset", "barrier", "if", "include",
    '"qelib1.inc"', '"other.inc"', "OPENQASM 2.0;", "OPENQASM 3;", "U", "CX", "cx", "h", "u3", "rx", "ccx", "c4x",
    "0", "1", "1e999", ".5", "0.5e-3", "99999999999", "sin(", "ln(0)", "sqrt(-1)", "//", "\n", "\x00", "é", "$",
    "gate g(t) a { rx(t) a; }", "measure q -> c;", "qreg r[3];",
]


@st.composite
def mutated(draw):
    """A real file with 1 to 8 edits: a span deleted, duplicated or replaced, a fragment
    or random text inserted."""
    text = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 8))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = min(n, i + draw(st.integers(0, 40)))
        kind = draw(st.sampled_from(["delete", "duplicate", "fragment", "text"]))
        if kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "duplicate":
            k = draw(st.integers(0, n))
            text = text[:k] + text[i:j] + text[k:]
        else:
            new = draw(st.sampled_from(FRAGMENTS)) if kind == "fragment" else draw(st.text(max_size=6))
            text = text[:i] + new + text[i + draw(st.integers(0, 3)):]
    return text


@settings(derandomize=True, max_examples=600, deadline=None)
@given(mutated())
def test_mutated_files_parse_or_raise_a_located_error(text):
    start = time.perf_counter()
    try:
        program = parse(text)
    except QasmError as exc:
        assert str(exc).startswith(f"<string>:{exc.line}:{exc.column}: ")
        assert exc.line >= 1 and exc.column >= 1
    else:
        if 0 < program.num_qubits <= 63:
            assert Circuit.from_qasm(text).num_qubits == program.num_qubits
    assert time.perf_counter() - start < 2.0
