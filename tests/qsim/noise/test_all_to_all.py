"""The topology-free device mode (a profile's medians on every qubit and pair of n qubits)
and the packaged 27-qubit mumbai27 profile."""

import numpy as np
import pytest
from noise_defs import random_circuit, to_qiskit

import qsim
from qsim import Circuit, NoiseModel, PauliSum, reference
from qsim.noise import load_profile


def _line5_medians(n):
    """line5's medians worked out by hand from qsim/noise/profiles/line5.json."""
    return {
        "name": "by-hand", "num_qubits": n,
        "coupling_map": [[a, b] for a in range(n) for b in range(a + 1, n)],
        # T1 of 118.4 131.0 104.2 142.8 97.6; T2 of 142.7 96.5 163.9 121.3 88.4; P(1|0), P(0|1) per qubit
        "qubits": [{"t1_us": 118.4, "t2_us": 121.3, "readout_error": [0.012, 0.031]}] * n,
        "gates": {
            "1q": {"error": 2.6e-4, "duration_ns": 35.5},  # four qubits at the default, qubit 4 at 4.1e-4
            # every pair has an override: errors 7.8e-3 1.12e-2 8.9e-3 1.31e-2, durations 391.1 462.2 405.3 497.8
            "2q": {"error": (8.9e-3 + 1.12e-2) / 2, "duration_ns": (405.3 + 462.2) / 2},
            **{g: {"error": 0.0, "duration_ns": 0.0} for g in ("rz", "p", "z", "s", "sdg", "t", "tdg")},
        },
    }


@pytest.mark.parametrize("n", [1, 2, 9, 30])
def test_all_to_all_puts_the_profiles_medians_everywhere(n):
    nm = NoiseModel.from_device("line5", num_qubits=n, topology="all-to-all")
    by_hand = NoiseModel.from_device(_line5_medians(n))
    assert nm.device.num_qubits == n and len(nm.device.coupling_map) == n * (n - 1) // 2
    sites = [("sx", (n - 1,)), ("x", (0,)), ("rz", (0,))] + ([("cx", (n - 1, 0)), ("rzz", (0, n - 1))] if n > 1 else [])
    for gate, qubits in sites:
        ours, theirs = nm.channels_for(gate, qubits), by_hand.channels_for(gate, qubits)
        assert [op.qubits for op in ours] == [op.qubits for op in theirs]
        for a, b in zip(ours, theirs):
            np.testing.assert_allclose(a.channel.superop(), b.channel.superop(), rtol=0, atol=1e-14)
    for q in range(n):
        np.testing.assert_allclose(nm.readout_confusion(q), [[0.988, 0.012], [0.031, 0.969]], atol=1e-15)


def test_all_to_all_runs_circuits_the_device_refuses():
    c = Circuit(8).h(0).cx(0, 7).cx(3, 5).sx(6).cz(2, 6).rz(0.4, 1).cx(1, 4)
    with pytest.raises(ValueError, match="8 qubits, device 'line5' has 5"):
        qsim.compile(c, method="density_matrix", noise_model=NoiseModel.from_device("line5"))
    nm = NoiseModel.from_device("line5", num_qubits=8, topology="all-to-all")
    obs = PauliSum([("ZIIIIIIZ", 1.0), ("IIXIIIXI", 0.5)])
    small = random_circuit(np.random.default_rng(2), 4, 20)  # gates on every pair
    nm4 = NoiseModel.from_device("line5", num_qubits=4, topology="all-to-all")
    expected = reference.compile(small, method="density_matrix", noise_model=NoiseModel.from_device(_line5_medians(4)))
    obs4 = PauliSum([("ZZZZ", 1.0), ("XIYI", 0.3)])
    for method in ("density_matrix", "ptm"):
        assert qsim.compile(small, method=method, noise_model=nm4).expectation(None, obs4) == pytest.approx(
            expected.expectation(None, obs4), abs=1e-10)
        assert qsim.compile(c, method=method, noise_model=nm).expectation(None, obs) < 1.0
    with pytest.raises(ValueError, match="9 qubits, device 'line5-all-to-all' has 8"):
        qsim.compile(Circuit(9).h(8), method="ptm", noise_model=nm)


def test_topology_arguments_are_checked():
    with pytest.raises(ValueError, match="topology must be 'device' or 'all-to-all', got 'ring'"):
        NoiseModel.from_device("line5", topology="ring")
    with pytest.raises(ValueError, match="needs num_qubits"):
        NoiseModel.from_device("line5", topology="all-to-all")
    with pytest.raises(ValueError, match="num_qubits=6 exceeds the 5 qubits"):
        NoiseModel.from_device("line5", num_qubits=6)
    with pytest.raises(ValueError, match="num_qubits"):
        NoiseModel.from_device("line5", num_qubits=0, topology="all-to-all")
    assert NoiseModel.from_device("line5", num_qubits=3).device.num_qubits == 5


def test_mumbai27_profile_holds_the_published_medians():
    prof = load_profile("mumbai27")
    assert prof["num_qubits"] == 27 and len(prof["coupling_map"]) == 28
    assert "2402.03500" in prof["source"] and "ibmq_mumbai" in prof["source"]
    q = prof["qubits"][0]
    one, two = prof["gates"]["1q"], prof["gates"]["2q"]
    # CRLQAS's ratios: 1q t/T1 2.86e-4, t/T2 2.09e-4; 2q t/T1 3.40e-3, t/T2 2.49e-3; readout Z -> Z 0.955
    assert one["duration_ns"] / (q["t1_us"] * 1e3) == pytest.approx(2.86e-4, rel=1e-3)
    assert one["duration_ns"] / (q["t2_us"] * 1e3) == pytest.approx(2.09e-4, rel=1e-3)
    assert two["duration_ns"] / (q["t1_us"] * 1e3) == pytest.approx(3.40e-3, rel=1e-3)
    # implied by the three ratios above, each rounded to three digits in the paper
    assert two["duration_ns"] / (q["t2_us"] * 1e3) == pytest.approx(2.49e-3, rel=3e-3)
    assert 1 - sum(q["readout_error"]) == pytest.approx(0.955)
    assert all(p == q for p in prof["qubits"])


def test_all_to_all_mumbai27_matches_aer_basic_device_noise():
    pytest.importorskip("qiskit_aer", reason="qiskit-aer not installed")
    import qiskit_aer
    import qiskit_aer.noise as aer_noise
    from qiskit.circuit import Parameter
    from qiskit.circuit.library import CXGate, RZGate, SXGate, XGate
    from qiskit.transpiler import InstructionProperties, QubitProperties, Target

    n = 3
    nm = NoiseModel.from_device("mumbai27", num_qubits=n, topology="all-to-all")
    prof = load_profile("mumbai27")
    q = prof["qubits"][0]
    target = Target(num_qubits=n, qubit_properties=[QubitProperties(t1=q["t1_us"] * 1e-6, t2=q["t2_us"] * 1e-6)] * n)

    def props(key):
        return InstructionProperties(duration=prof["gates"][key]["duration_ns"] * 1e-9, error=prof["gates"][key]["error"])

    for gate, key in ((SXGate(), "1q"), (XGate(), "1q"), (RZGate(Parameter("a")), "rz")):
        target.add_instruction(gate, {(i,): props(key) for i in range(n)})
    target.add_instruction(CXGate(), {(a, b): props("2q") for a in range(n) for b in range(n) if a != b})
    theirs = aer_noise.NoiseModel()
    for name, qubits, error in aer_noise.device.basic_device_gate_errors(target=target):
        theirs.add_quantum_error(error, name, qubits)
    c = random_circuit(np.random.default_rng(8), n, 30, gates_1q=["sx", "x", "rz"], gates_2q=["cx"])
    qc = to_qiskit(c)
    qc.save_density_matrix()
    rho_aer = np.asarray(qiskit_aer.AerSimulator(method="density_matrix", noise_model=theirs).run(qc).result().data(0)["density_matrix"])
    np.testing.assert_allclose(qsim.compile(c, method="density_matrix", noise_model=nm).run(), rho_aer, atol=1e-10)
    assert np.max(np.abs(rho_aer - reference.density_matrix(c))) > 1e-3
