"""A diagonal evolution under gate noise runs as its RZ / RZZ gates, each with its noise, on
density_matrix, ptm and trajectories, checked against the reference on the circuit written
out by hand with those gates."""

import numpy as np
import pytest

import qsim
from qsim import Circuit, NoiseModel, Parameter, PauliSum, noise, reference

N = 3
H = [0.4, -0.7, 0.25]
J = {(0, 1): 0.6, (0, 2): -0.3, (1, 2): 0.45}
OBS = PauliSum([("ZZZ", 1.0), ("IXZ", 0.5), ("YIY", -0.3), ("IIX", 0.8)])


def _ising_values(h, j, n):
    """E(x) = 1.5 + sum h_i z_i + sum J_ij z_i z_j with z_i = 1 - 2 x_i (bit i of x)."""
    z = 1 - 2 * ((np.arange(1 << n)[:, None] >> np.arange(n)) & 1)
    return 1.5 + z @ np.array(h, dtype=float) + sum(w * z[:, a] * z[:, b] for (a, b), w in j.items())


def _qaoa(gamma, h=H, j=J, n=N):
    c = Circuit(n)
    for q in range(n):
        c.h(q)
    c.diagonal_evolution(_ising_values(h, j, n), gamma)
    for q in range(n):
        c.rx(0.7, q)
    return c


def _by_hand(gamma, h=H, j=J, n=N):
    """The same circuit with exp(-i gamma E) written as RZ(2 gamma h_i) and RZZ(2 gamma J_ij),
    in the Walsh-index order qsim.lowering.ising documents (terms of bits 0; 1; 0,1; 2; 0,2; 1,2)."""
    c = Circuit(n)
    for q in range(n):
        c.h(q)
    terms = {(q,): w for q, w in enumerate(h)} | dict(j)
    for bits in sorted(terms, key=lambda b: sum(1 << q for q in b)):
        if len(bits) == 1:
            c.rz(2 * gamma * terms[bits], bits[0])
        else:
            c.rzz(2 * gamma * terms[bits], *bits)
    for q in range(n):
        c.rx(0.7, q)
    return c


def _gate_noise():
    nm = NoiseModel().add(noise.pauli_channel({"X": 0.03, "Y": 0.01}), gates=["rz", "rx"])
    nm.add(noise.pauli_channel({"XZ": 0.05, "YI": 0.08}), gates="rzz")
    return nm.add(noise.thermal_relaxation(60.0, 50.0, 4.0), gates=["rzz"]).add(noise.amplitude_damping(0.02), gates="h")


@pytest.mark.parametrize("nm", [
    _gate_noise(),
    NoiseModel().add(noise.depolarizing(0.02)),  # every gate: each RZ and each qubit of each RZZ
    NoiseModel.from_device("line5", num_qubits=N, topology="all-to-all"),
], ids=["per-gate", "every-gate", "device"])
def test_noisy_diagonal_runs_as_its_rotations_with_their_noise(nm):
    gamma = Parameter("gamma")
    c, theta = _qaoa(gamma), [0.37]
    expected = reference.compile(_by_hand(0.37), method="density_matrix", noise_model=nm)
    exact = expected.expectation(None, OBS)
    assert abs(exact - reference.compile(_qaoa(0.37), method="density_matrix").expectation(None, OBS)) > 1e-3
    for method in ("density_matrix", "ptm"):
        prog = qsim.compile(c, method=method, noise_model=nm)
        assert prog.expectation(theta, OBS) == pytest.approx(exact, abs=1e-10)
        np.testing.assert_allclose(prog.probabilities(theta), expected.probabilities(), atol=1e-10)
    mean, error = qsim.compile(c, method="trajectories", noise_model=nm, trajectories=4000, seed=3).expectation_with_error(theta, OBS)
    assert abs(mean - exact) <= 5 * error
    # the reference runs the same stream: the diagonal as rotations
    assert reference.compile(_qaoa(0.37), method="density_matrix", noise_model=nm).expectation(None, OBS) == pytest.approx(exact, abs=1e-12)


def test_device_diagonal_follows_the_coupling_map():
    nm = NoiseModel.from_device("line5")
    line = {(0, 1): 0.6, (1, 2): 0.45}
    c = _qaoa(0.3, j=line)
    expected = reference.compile(_by_hand(0.3, j=line), method="density_matrix", noise_model=nm).expectation(None, OBS)
    assert qsim.compile(c, method="ptm", noise_model=nm).expectation(None, OBS) == pytest.approx(expected, abs=1e-10)
    with pytest.raises(ValueError, match=r"gate 'rzz' on qubits \(0, 2\): pair not in the coupling map"):
        qsim.compile(_qaoa(0.3), method="density_matrix", noise_model=nm)


def test_many_body_diagonal_is_refused_when_its_rotations_need_noise():
    values = np.arange(8.0) ** 3  # three-body terms
    c = Circuit(3).h(0).diagonal_evolution(values, 0.2)
    for nm in (_gate_noise(), NoiseModel.from_device("line5", num_qubits=3, topology="all-to-all")):
        for method in ("density_matrix", "trajectories"):
            with pytest.raises(ValueError, match=r"diagonal_evolution \(instruction 1, qubits \[0, 1, 2\]\).*3-body term"):
                qsim.compile(c, method=method, noise_model=nm)
    # noise that no rotation takes: the diagonal stays one instruction
    only_h = NoiseModel().add(noise.depolarizing(0.1), gates="h").add_readout([[0.9, 0.1], [0.1, 0.9]])
    expected = reference.compile(c, method="density_matrix", noise_model=only_h).expectation(None, OBS)
    assert qsim.compile(c, method="density_matrix", noise_model=only_h).expectation(None, OBS) == pytest.approx(expected, abs=1e-12)


def test_noise_named_for_the_diagonal_keeps_it_whole():
    nm = NoiseModel().add(noise.depolarizing(0.02), gates="rz").add(noise.amplitude_damping(0.1), gates="diagonal_evolution")
    c = _qaoa(0.4)
    stream = nm.noisy_instructions(c)
    assert [op.name for op in stream if not qsim.noise.is_channel_op(op)].count("diagonal_evolution") == 1
    # amplitude damping on each qubit right after the whole evolution; h and rx take no noise
    prefix = Circuit(N)
    for q in range(N):
        prefix.h(q)
    rho = reference.density_matrix(prefix.diagonal_evolution(_ising_values(H, J, N), 0.4))
    rx = noise.kraus(qsim.gates.GATES["rx"].matrix(0.7))
    for channel in (noise.amplitude_damping(0.1), rx):
        for q in range(N):
            rho = reference.apply_channel(rho, channel, (q,), N)
    assert qsim.compile(c, method="density_matrix", noise_model=nm).expectation(None, OBS) == pytest.approx(
        reference.expectation(rho, OBS, N), abs=1e-10)
