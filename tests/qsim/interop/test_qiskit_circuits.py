"""Qiskit QuantumCircuit <-> qsim Circuit, checked against Qiskit's Statevector."""

import numpy as np
import pytest

pytest.importorskip("qiskit", reason="qiskit not installed (the [interop] extra)")

from qiskit import QuantumCircuit  # noqa: E402
from qiskit.circuit import Parameter as QiskitParameter  # noqa: E402
from qiskit.circuit import library  # noqa: E402
from qiskit.quantum_info import SparsePauliOp, Statevector  # noqa: E402

from qsim import GATES, Circuit, Parameter, ParameterVector, PauliSum, reference  # noqa: E402
from qsim.interop import from_qiskit, to_qiskit  # noqa: E402


def scrambled(n, seed):
    c = Circuit(n)
    for q, (a, b, d) in enumerate(np.random.default_rng(seed).uniform(-3, 3, (n, 3)).tolist()):
        c.u(a, b, d, q)
    return c


def qiskit_state(qc):
    return np.asarray(Statevector(qc).data)


@pytest.mark.parametrize("name", sorted(GATES))
def test_every_qsim_gate_maps_to_the_same_qiskit_gate(name):
    gate = GATES[name]
    c = scrambled(4, 4)
    c.append(name, (3, 1, 0)[: gate.num_qubits], [0.2 - 0.7 * k for k in range(gate.num_params)])
    qc = to_qiskit(c)
    assert qc.data[-1].operation.name == name
    np.testing.assert_allclose(qiskit_state(qc), reference.statevector(c), atol=1e-12)
    back = from_qiskit(qc)
    assert [(i.name, i.qubits, i.params) for i in back] == [(i.name, i.qubits, i.params) for i in c]


@pytest.mark.parametrize("make", [
    lambda qc: qc.append(library.U2Gate(0.3, -0.4), [1]),
    lambda qc: qc.append(library.CU3Gate(0.3, 0.2, -0.5), [2, 0]),
    lambda qc: qc.append(library.RCCXGate(), [0, 2, 1]),
    lambda qc: qc.mcx([0, 1, 2], 3),
    lambda qc: qc.append(library.C3SXGate(), [3, 1, 0, 2]),
    lambda qc: qc.append(library.QFTGate(3), [1, 3, 0]),
    lambda qc: qc.append(library.PauliEvolutionGate(SparsePauliOp(["XZY", "ZZI"], [0.4, -0.2]), 0.8), [0, 1, 3]),
    lambda qc: qc.unitary(library.QFTGate(2).to_matrix(), [3, 0]),
    lambda qc: qc.append(library.XXMinusYYGate(0.5, 0.3), [2, 3]),
], ids=["u2", "cu3", "rccx", "mcx", "c3sx", "qft", "pauli_evolution", "unitary", "xx_minus_yy"])
def test_other_gates_expand_through_their_definitions(make):
    qc = QuantumCircuit(4)
    for q, (a, b, d) in enumerate(np.random.default_rng(1).uniform(-3, 3, (4, 3)).tolist()):
        qc.u(a, b, d, q)
    make(qc)
    got, want = reference.statevector(from_qiskit(qc)), qiskit_state(qc)
    assert abs(np.vdot(got, want)) == pytest.approx(1.0, abs=1e-12)  # equal up to the dropped global phase
    np.testing.assert_allclose(np.abs(got) ** 2, np.abs(want) ** 2, atol=1e-12)


def test_parameters_are_kept_by_name_and_vector():
    qc = library.efficient_su2(4, reps=2, entanglement="circular")
    c = from_qiskit(qc)
    assert c.num_parameters == qc.num_parameters == 24
    assert len({p.vector for p in c.parameters}) == 1
    values = np.random.default_rng(2).uniform(-3, 3, 24)
    by_name = dict(zip((p.name for p in qc.parameters), values))
    state = reference.statevector(c.bind([by_name[p.name] for p in c.parameters]))
    np.testing.assert_allclose(state, qiskit_state(qc.assign_parameters(values)), atol=1e-12)


def test_affine_angles_keep_their_coefficients():
    t, s = QiskitParameter("t"), QiskitParameter("s")
    qc = QuantumCircuit(2)
    qc.rx(2 * t + 1, 0)
    qc.rzz(-t / 4, 0, 1)
    qc.ry(s, 1)
    c = from_qiskit(qc)
    (qt, qs) = c.parameters
    assert (qt.name, qs.name) == ("t", "s")
    assert c.instructions[0].params[0] == 2.0 * qt + 1.0
    assert c.instructions[1].params[0] == -0.25 * qt
    back = to_qiskit(c)
    bound = {p: v for p, v in zip(sorted(back.parameters, key=lambda p: p.name), (0.4, -1.3))}  # s, t
    np.testing.assert_allclose(qiskit_state(back.assign_parameters(bound)), qiskit_state(qc.assign_parameters({s: 0.4, t: -1.3})), atol=1e-12)
    bad = QuantumCircuit(1)
    bad.rx(t * t, 0)
    with pytest.raises(TypeError, match="not affine in t"):
        from_qiskit(bad)
    bad = QuantumCircuit(1)
    bad.rx(t + s, 0)
    with pytest.raises(TypeError, match="depends on 2 parameters"):
        from_qiskit(bad)


def test_qsim_parameters_become_qiskit_parameters():
    v, g = ParameterVector("v", 3), Parameter("gamma")
    cost = PauliSum([("ZZI", 0.5), ("IZZ", -1.0), ("ZIZ", 0.25), ("III", 0.7)])
    c = Circuit(3).h(0).h(1).h(2).diagonal_evolution(cost, 2 * g).rx(v[0], 0).ry(v[2] - 1, 1).crz(3 * v[1], 2, 0)
    qc = to_qiskit(c)
    assert {p.name for p in qc.parameters} == {"gamma", "v[0]", "v[1]", "v[2]"}
    values = {"gamma": 0.3, "v[0]": -0.7, "v[1]": 1.1, "v[2]": 0.2}
    want = reference.statevector(c.bind([values[p.name] for p in c.parameters]))
    got = qiskit_state(qc.assign_parameters({p: values[p.name] for p in qc.parameters}))
    np.testing.assert_allclose(got, want, atol=1e-12)  # the diagonal's constant included: the same phase


def test_measurements_resets_and_control_flow():
    qc = QuantumCircuit(2, 2)
    qc.reset(0)
    qc.h(0)
    qc.barrier()
    qc.cx(0, 1)
    qc.measure_all(add_bits=False)
    assert from_qiskit(qc).count_ops() == {"h": 1, "cx": 1}
    qc.x(0)
    with pytest.raises(ValueError, match=r"instruction 7 \('x'\) acts on qubit\(s\) \(0,\) after their measurement"):
        from_qiskit(qc)
    qc = QuantumCircuit(1, 1)
    qc.h(0)
    qc.reset(0)
    with pytest.raises(ValueError, match="reset of qubit"):
        from_qiskit(qc)
    qc = QuantumCircuit(1, 1)
    with qc.if_test((qc.clbits[0], 1)):
        qc.x(0)
    with pytest.raises(ValueError, match="classical control flow"):
        from_qiskit(qc)
    with pytest.raises(TypeError, match="QuantumCircuit"):
        from_qiskit(Circuit(1))
    with pytest.raises(TypeError, match="qsim Circuit"):
        to_qiskit(QuantumCircuit(1))


def test_global_phase_is_dropped():
    qc = QuantumCircuit(1, global_phase=0.3)
    qc.h(0)
    np.testing.assert_allclose(reference.statevector(from_qiskit(qc)) * np.exp(0.3j), qiskit_state(qc), atol=1e-12)


def test_pauli_evolutions_are_exact():
    t = QiskitParameter("t")
    qc = QuantumCircuit(3)
    qc.h([0, 1, 2])
    qc.append(library.PauliEvolutionGate(SparsePauliOp(["ZZI", "IZZ", "ZIZ", "III"], [0.5, -1.0, 0.2, 0.3]), t), [0, 1, 2])
    qc.append(library.PauliEvolutionGate(SparsePauliOp(["XX", "YY"], [0.5, -0.2]), 2 * t), [2, 0])
    c = from_qiskit(qc)
    assert c.count_ops()["diagonal_evolution"] == 1 and c.parameters[0].name == "t"
    want = qiskit_state(qc.assign_parameters({t: 0.8}))
    got = reference.statevector(c.bind([0.8]))
    assert abs(np.vdot(got, want)) == pytest.approx(1.0, abs=1e-12)
    again = from_qiskit(to_qiskit(c))
    assert again.instructions[3].name == "diagonal_evolution"
    np.testing.assert_allclose(again.instructions[3].data, c.instructions[3].data, atol=1e-12)
    noncommuting = QuantumCircuit(2)
    noncommuting.append(library.PauliEvolutionGate(SparsePauliOp(["XZ", "ZZ"], [0.5, -0.2]), t), [0, 1])
    with pytest.raises(ValueError, match="Trotter step"):
        from_qiskit(noncommuting)
