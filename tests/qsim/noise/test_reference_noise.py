"""The noisy dense reference: closed forms, physicality on random noisy circuits (hypothesis),
and agreement with Qiskit Aer's density-matrix method."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from noise_defs import GATES_1Q, GATES_2Q, random_circuit, random_kraus, random_noise_model, to_qiskit

import qsim
from qsim import Circuit, NoiseModel, ParameterVector, PauliSum, noise, reference


def test_without_noise_model_is_unchanged():
    c = Circuit(3).h(0).cx(0, 1).ry(0.4, 2).rzz(0.7, 1, 2)
    psi = reference.statevector(c)
    np.testing.assert_allclose(reference.density_matrix(c), np.outer(psi, psi.conj()), atol=1e-14)
    np.testing.assert_allclose(reference.density_matrix(c, noise_model=NoiseModel()), np.outer(psi, psi.conj()), atol=1e-14)


def test_closed_forms():
    g = 0.3
    nm = NoiseModel().add(noise.amplitude_damping(g), gates="x")
    np.testing.assert_allclose(reference.density_matrix(Circuit(1).x(0), noise_model=nm), np.diag([g, 1 - g]), atol=1e-14)
    # |+> then depolarizing p: <X> = 1 - 4p/3
    p = 0.09
    prog = reference.compile(Circuit(1).h(0), method="density_matrix", noise_model=NoiseModel().add(noise.depolarizing(p), gates="h"))
    assert prog.expectation(None, PauliSum([("X", 1.0)])) == pytest.approx(1 - 4 * p / 3, abs=1e-14)
    # Bell pair then 2-qubit depolarizing p: <ZZ> = <XX> = 1 - 16p/15
    bell = Circuit(2).h(0).cx(0, 1)
    nm2 = NoiseModel().add(noise.depolarizing(p, 2), gates="cx")
    prog2 = reference.compile(bell, method="density_matrix", noise_model=nm2)
    np.testing.assert_allclose(prog2.expectation(None, [PauliSum([("ZZ", 1.0)]), PauliSum([("XX", 1.0)])]), [1 - 16 * p / 15] * 2, atol=1e-14)


def test_noise_after_each_gate_on_its_qubit_only():
    # amplitude damping after x on qubit 1 only: qubit 0 keeps |1>
    c = Circuit(2).x(0).x(1)
    nm = NoiseModel().add(noise.amplitude_damping(1.0), gates="x", qubits=[1])
    p = reference.compile(c, method="density_matrix", noise_model=nm).probabilities()
    np.testing.assert_allclose(p, [0, 1, 0, 0], atol=1e-14)  # index 1 = qubit 0 set


def test_idle_noise_in_reference():
    # layers: x(1) and x(0) in layer 1, x(0) in layer 2: qubit 1 idles once (layer 2)
    g = 0.3
    c = Circuit(2).x(1).x(0).x(0)
    nm = NoiseModel().add_idle(noise.amplitude_damping(g))
    p = reference.compile(c, method="density_matrix", noise_model=nm).probabilities()
    np.testing.assert_allclose(p, [g, 0, 1 - g, 0], atol=1e-14)


def test_parametrised_circuit_with_noise():
    t = ParameterVector("t", 2)
    c = Circuit(2).ry(t[0], 0).cx(0, 1).rz(t[1], 1)
    nm = NoiseModel().add(noise.depolarizing(0.02), gates=["ry", "rz"]).add(noise.depolarizing(0.05, 2), gates="cx")
    prog = reference.compile(c, method="density_matrix", noise_model=nm)
    bound = c.bind([0.3, -1.1])
    np.testing.assert_allclose(prog.run([0.3, -1.1]), reference.density_matrix(bound, noise_model=nm), atol=1e-14)


@settings(derandomize=True, max_examples=30, deadline=None)
@given(st.integers(1, 4), st.integers(0, 14), st.booleans(), st.integers(0, 2**32 - 1))
def test_random_noisy_circuits_stay_physical(n, size, with_idle, seed):
    rng = np.random.default_rng(seed)
    c = random_circuit(rng, n, size)
    nm = random_noise_model(rng, with_idle)
    rho = reference.density_matrix(c, noise_model=nm)
    assert np.trace(rho).real == pytest.approx(1.0, abs=1e-12)
    assert abs(np.trace(rho).imag) < 1e-12
    assert np.max(np.abs(rho - rho.conj().T)) < 1e-12
    assert np.min(np.linalg.eigvalsh((rho + rho.conj().T) / 2)) >= -1e-10
    probs = reference.compile(c, method="density_matrix", noise_model=nm).probabilities()
    assert probs.sum() == pytest.approx(1.0, abs=1e-12) and probs.min() >= -1e-12


# -- Qiskit Aer ------------------------------------------------------------------------------------
def _aer():
    pytest.importorskip("qiskit_aer", reason="qiskit-aer not installed: skipping the Aer cross-check")
    import qiskit_aer
    import qiskit_aer.noise as aer_noise

    return qiskit_aer, aer_noise


def _aer_density_matrix(qiskit_aer, qc, aer_nm):
    qc = qc.copy()
    qc.save_density_matrix()
    sim = qiskit_aer.AerSimulator(method="density_matrix", noise_model=aer_nm)
    return np.asarray(sim.run(qc).result().data(0)["density_matrix"])


def _aer_counts(qiskit_aer, qc, aer_nm, shots, seed):
    qc = qc.copy()
    qc.measure_all()
    sim = qiskit_aer.AerSimulator(method="density_matrix", noise_model=aer_nm)
    return sim.run(qc, shots=shots, seed_simulator=seed).result().get_counts()


def _random_pauli_sum(rng, n, terms):
    labels = ["".join("IXYZ"[i] for i in rng.integers(0, 4, n)) for _ in range(terms)]
    return PauliSum([(lbl, float(rng.normal())) for lbl in labels])


def _assert_counts_match(counts, probs, shots):
    n = int(probs.size).bit_length() - 1
    for idx, p in enumerate(probs):
        f = counts.get(format(idx, f"0{n}b"), 0) / shots
        assert abs(f - p) <= 5 * math.sqrt(p * (1 - p) / shots) + 2 / shots, (idx, f, p)


@pytest.mark.parametrize("seed, n", [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)])
def test_noisy_reference_matches_aer_density_matrix(seed, n):
    qiskit_aer, aer_noise = _aer()
    from qiskit.quantum_info import SparsePauliOp

    rng = np.random.default_rng(100 + seed)
    c = random_circuit(rng, n, 6 * n + 4)
    p1, p2 = float(rng.uniform(1e-3, 0.05)), float(rng.uniform(1e-2, 0.1))
    t1, t2 = float(rng.uniform(50, 150)), float(rng.uniform(30, 250))
    t2 = min(t2, 2 * t1)
    dur1, dur2 = 0.05 * t1, 0.3 * t1
    conf = [[0.97, 0.03], [0.08, 0.92]]
    ours = NoiseModel()
    ours.add(noise.depolarizing(p1), gates=GATES_1Q).add(noise.thermal_relaxation(t1, t2, dur1), gates=GATES_1Q)
    ours.add(noise.depolarizing(p2, 2), gates=GATES_2Q).add(noise.thermal_relaxation(t1, t2, dur2), gates=GATES_2Q)
    ours.add_readout(conf)
    theirs = aer_noise.NoiseModel()
    e1 = aer_noise.depolarizing_error(p1 * 4 / 3, 1).compose(aer_noise.thermal_relaxation_error(t1, t2, dur1))
    relax2 = aer_noise.thermal_relaxation_error(t1, t2, dur2)
    e2 = aer_noise.depolarizing_error(p2 * 16 / 15, 2).compose(relax2.expand(relax2))
    theirs.add_all_qubit_quantum_error(e1, GATES_1Q)
    theirs.add_all_qubit_quantum_error(e2, GATES_2Q)
    theirs.add_all_qubit_readout_error(aer_noise.ReadoutError(conf))

    qc = to_qiskit(c)
    rho_aer = _aer_density_matrix(qiskit_aer, qc, theirs)
    prog = reference.compile(c, method="density_matrix", noise_model=ours)
    rho = prog.run()
    np.testing.assert_allclose(rho, rho_aer, atol=1e-8)
    assert np.max(np.abs(rho - reference.density_matrix(c))) > 1e-4  # the noise did something
    obs = _random_pauli_sum(rng, n, 12)
    expected = sum(coeff * np.trace(rho_aer @ SparsePauliOp(lbl).to_matrix()).real for lbl, coeff in obs.to_list())
    assert prog.expectation(None, obs) == pytest.approx(expected, abs=1e-8)
    for method in ("density_matrix", "ptm"):  # the fast methods against Aer directly
        fast = qsim.compile(c, method=method, noise_model=ours)
        assert fast.expectation(None, obs) == pytest.approx(expected, abs=1e-8)
        np.testing.assert_allclose(fast.probabilities(), prog.probabilities(), atol=1e-8)
    np.testing.assert_allclose(qsim.compile(c, method="density_matrix", noise_model=ours).run(), rho_aer, atol=1e-8)
    np.testing.assert_allclose(prog.probabilities(readout=True), noise.apply_readout_to_probabilities(np.real(np.diag(rho_aer)), [np.array(conf)] * n), atol=1e-8)
    shots = 100_000
    _assert_counts_match(_aer_counts(qiskit_aer, qc, theirs, shots, seed), prog.probabilities(readout=True), shots)


def test_device_model_matches_aer_on_line5():
    qiskit_aer, aer_noise = _aer()
    from qiskit.circuit.library import CXGate, RZGate, SXGate, XGate
    from qiskit.circuit import Parameter
    from qiskit.transpiler import InstructionProperties, QubitProperties, Target

    nm = NoiseModel.from_device("line5")
    dev = nm.device
    n = dev.num_qubits
    target = Target(
        num_qubits=n,
        qubit_properties=[
            QubitProperties(t1=q["t1_us"] * 1e-6, t2=q["t2_us"] * 1e-6) for q in dev.profile["qubits"]
        ],
    )

    def props(name, qubits):
        error, duration_ns = dev.gate_properties(name, qubits)
        return InstructionProperties(duration=duration_ns * 1e-9, error=error)

    for gate in (SXGate(), XGate(), RZGate(Parameter("a"))):
        target.add_instruction(gate, {(q,): props(gate.name, (q,)) for q in range(n)})
    pairs = [(a, b) for a, b in dev.coupling_map] + [(b, a) for a, b in dev.coupling_map]
    target.add_instruction(CXGate(), {p: props("cx", p) for p in pairs})
    theirs = aer_noise.NoiseModel()
    for name, qubits, error in aer_noise.device.basic_device_gate_errors(target=target):
        theirs.add_quantum_error(error, name, qubits)
    for q in range(n):
        theirs.add_readout_error(aer_noise.ReadoutError(nm.readout_confusion(q)), [q])

    rng = np.random.default_rng(7)
    c = random_circuit(rng, n, 40, edges=dev.coupling_map, gates_1q=["sx", "x", "rz"], gates_2q=["cx"])
    qc = to_qiskit(c)
    prog = reference.compile(c, method="density_matrix", noise_model=nm)
    rho_aer = _aer_density_matrix(qiskit_aer, qc, theirs)
    np.testing.assert_allclose(prog.run(), rho_aer, atol=1e-8)
    assert np.max(np.abs(rho_aer - reference.density_matrix(c))) > 1e-3
    shots = 100_000
    _assert_counts_match(_aer_counts(qiskit_aer, qc, theirs, shots, 5), prog.probabilities(readout=True), shots)
