"""OpenQASM 2 writer: every qsim gate and diagonal evolutions read back to the same state,
by qsim and by Qiskit's qasm2.loads with its default settings; refusals."""

import numpy as np
import pytest

from qsim import GATES, Circuit, Parameter, ParameterVector, PauliSum, reference
from qsim.qasm import dumps, parse
from qsim.qasm.writer import input_names, number


def qiskit_state(text):
    qasm2 = pytest.importorskip("qiskit.qasm2", reason="qiskit not installed: no cross-check")
    from qiskit.quantum_info import Statevector

    return np.asarray(Statevector(qasm2.loads(text)).data)


def scrambled(n, seed):
    rng = np.random.default_rng(seed)
    c = Circuit(n)
    for q, (a, b, d) in enumerate(rng.uniform(-3, 3, (n, 3)).tolist()):
        c.u(a, b, d, q)
    return c


@pytest.mark.parametrize("name", sorted(GATES))
def test_every_gate_reads_back_to_the_same_state_in_qsim_and_qiskit(name):
    gate = GATES[name]
    c = scrambled(4, 2)
    c.append(name, (2, 0, 3)[: gate.num_qubits], [0.3 + 0.4 * k for k in range(gate.num_params)])
    text = c.to_qasm()
    want = reference.statevector(c)
    np.testing.assert_allclose(reference.statevector(Circuit.from_qasm(text)), want, atol=1e-12)
    np.testing.assert_allclose(qiskit_state(text), want, atol=1e-12)


def test_only_gates_of_the_original_library_or_defined_in_the_file():
    c = Circuit(2).p(0.1, 0).u(0.1, 0.2, 0.3, 1).cp(0.2, 0, 1).sx(0).rzz(0.3, 0, 1).h(1)
    text = dumps(c)
    assert text.splitlines()[:5] == [
        "OPENQASM 2.0;", 'include "qelib1.inc";', "gate sx a { h a; s a; h a; }",
        "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }", "qreg q[2];",
    ]
    assert "u1(0.1) q[0];\nu3(0.1,0.2,0.3) q[1];\ncu1(0.2) q[0],q[1];\nsx q[0];\n" in text


def test_angles_read_back_exactly():
    rng = np.random.default_rng(5)
    angles = [1e-05, -2.5e-300, 1e20, 0.1, -0.0] + rng.normal(0, 10, 20).tolist()
    c = Circuit(1)
    for a in angles:
        c.rz(a, 0)
    assert number(1e-05) == "1.0e-05"
    assert [g[2][0] for g in parse(c.to_qasm()).gates] == angles


def test_an_ising_cost_evolution_is_written_as_rz_and_rzz():
    cost = PauliSum([("IIZZ", 0.7), ("ZIIZ", -1.2), ("IZII", 0.4), ("ZIII", 0.25)])
    c = Circuit(4).h(0).h(1).h(2).h(3).diagonal_evolution(cost, 0.37)
    text = c.to_qasm()
    body = text.split("qreg q[4];\n")[1].splitlines()
    assert sorted(line.split("(")[0].split()[0] for line in body) == ["h"] * 4 + ["rz"] * 2 + ["rzz"] * 2
    assert "rzz(0.518) q[0],q[1];" in body  # RZZ(2 gamma J) for J Z0 Z1, RZ(2 gamma h) for h Z2
    assert next(float(line[3:].split(")")[0]) for line in body if line.endswith(" q[2];") and line[:3] == "rz(") == pytest.approx(0.296, abs=1e-15)
    back = Circuit.from_qasm(text)  # rzz is defined in the file: it reads back as cx, rz, cx
    np.testing.assert_allclose(reference.statevector(back), reference.statevector(c), atol=1e-12)
    np.testing.assert_allclose(qiskit_state(text), reference.statevector(c), atol=1e-12)


def test_any_diagonal_is_written_up_to_its_global_phase():
    values = np.random.default_rng(8).normal(size=8)
    c = scrambled(4, 3).diagonal_evolution(values, 0.9, qubits=[3, 0, 2])
    text = c.to_qasm()
    assert text.count("\ncx ") == 4  # the one three-qubit term: a parity ladder there and back
    assert text.count("\nrzz(") == 3 and text.count("\nrz(") == 4
    back = Circuit.from_qasm(text)
    phase = np.exp(-1j * 0.9 * values.mean())  # exp(-i gamma c_{}), which OpenQASM 2 cannot write
    np.testing.assert_allclose(reference.statevector(back) * phase, reference.statevector(c), atol=1e-12)


def test_a_read_file_writes_back_to_the_same_state():
    text = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg a[2];\nqreg b[2];\ngate g(t) x, y { cu3(t, t/2, -t) x, y; rc3x x, y, a[0], b[1]; }\n'
    text = text.replace("rc3x x, y, a[0], b[1]; ", "csx y, x; ") + "h a;\ng(0.4) a[1], b[0];\nc3x b[1], a[0], b[0], a[1];\nswap a[0], b[1];\n"
    c = Circuit.from_qasm(text)
    again = Circuit.from_qasm(c.to_qasm())
    np.testing.assert_allclose(reference.statevector(again), reference.statevector(c), atol=1e-12)
    assert len(again) >= len(c)


def test_unitary_blocks_are_refused():
    with pytest.raises(ValueError, match=r"instruction 1 is a 1-qubit 'unitary' block \(mine\) on qubits \(0,\)"):
        Circuit(1).h(0).unitary(np.eye(2), [0], label="mine").to_qasm()


def test_a_parametrised_circuit_is_written_as_openqasm3_with_inputs():
    qasm3 = pytest.importorskip("qiskit.qasm3", reason="qiskit not installed: no cross-check")
    pytest.importorskip("qiskit_qasm3_import", reason="qiskit-qasm3-import not installed: Qiskit cannot read OpenQASM 3")
    from qiskit.quantum_info import Statevector

    t, v, q = Parameter("theta"), ParameterVector("v", 2), Parameter("q")
    cost = PauliSum([("ZZI", 0.5), ("IZZ", -1.0), ("ZIZ", 0.25), ("IIZ", 0.3)])
    c = scrambled(3, 6).rx(2 * t + 1, 0).diagonal_evolution(cost, -v[1]).ryy(v[0] - 0.5, 1, 2).u(0.1, t, 0.3, 2)
    c.sxdg(0).iswap(0, 1).cp(q / 4, 2, 0).rzz(v[0], 0, 2)
    text = c.to_qasm()
    lines = text.splitlines()
    assert lines[:6] == ['OPENQASM 3.0;', 'include "stdgates.inc";', "input float[64] theta;",
                         "input float[64] v_0;", "input float[64] v_1;", "input float[64] p_q;"]
    assert "rx(2.0*theta + 1.0) q[0];" in lines and "qubit[3] q;" in lines
    qc = qasm3.loads(text)
    values = {"theta": 0.4, "v[0]": -1.2, "v[1]": 0.7, "q": 2.1}
    names = {"theta": "theta", "v_0": "v[0]", "v_1": "v[1]", "p_q": "q"}
    bound = qc.assign_parameters({p: values[names[p.name]] for p in qc.parameters})
    want = reference.statevector(c.bind([values[p.name] for p in c.parameters]))
    got = np.asarray(Statevector(bound).data)
    assert abs(np.vdot(got, want)) == pytest.approx(1.0, abs=1e-12)  # the diagonal's constant is 0: no phase dropped
    np.testing.assert_allclose(np.abs(got) ** 2, np.abs(want) ** 2, atol=1e-12)
    assert Circuit(1).rx(t, 0).bind([0.5]).to_qasm().endswith("rx(0.5) q[0];\n")


def test_input_names_are_identifiers_and_distinct():
    ps = [Parameter("θ[0]"), Parameter("a b"), Parameter("a_b"), Parameter("2x"), Parameter("pi"), Parameter("a b")]
    assert list(input_names(ps).values()) == ["p_0", "a_b", "a_b_1", "p_2x", "p_pi", "a_b_2"]
