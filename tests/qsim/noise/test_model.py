"""NoiseModel: attachment semantics, idle noise, the noisy stream, readout on probabilities and samples."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from noise_defs import apply_confusions, gate_noise_superop

import qsim
from qsim import Circuit, NoiseModel, noise
from qsim.noise import ChannelOp, is_channel_op


def ops_summary(ops):
    return [(op.channel.name, op.qubits) for op in ops]


def test_exports():
    assert qsim.NoiseModel is NoiseModel
    assert qsim.noise.NoiseModel is NoiseModel


def test_one_qubit_channel_follows_listed_gates_on_each_qubit():
    dep = noise.depolarizing(0.01)
    nm = NoiseModel().add(dep, gates=["rx", "cx"])
    assert ops_summary(nm.channels_for("rx", (3,))) == [("depolarizing", (3,))]
    assert ops_summary(nm.channels_for("cx", (2, 0))) == [("depolarizing", (2,)), ("depolarizing", (0,))]
    assert nm.channels_for("ry", (0,)) == []
    assert nm.channels_for("cx", (2, 0))[0].channel is dep


def test_gate_name_string_and_none():
    nm = NoiseModel().add(noise.bit_flip(0.1), gates="h")
    assert ops_summary(nm.channels_for("h", (1,))) == [("bit_flip", (1,))]
    assert nm.channels_for("x", (1,)) == []
    everywhere = NoiseModel().add(noise.bit_flip(0.1))
    for name, qubits in [("h", (0,)), ("ccx", (0, 1, 2)), ("unitary", (4,)), ("diagonal_evolution", (0, 1))]:
        assert ops_summary(everywhere.channels_for(name, qubits)) == [("bit_flip", (q,)) for q in qubits]


def test_two_qubit_channel_on_gate_qubits_in_order():
    dep2 = noise.depolarizing(0.02, 2)
    nm = NoiseModel().add(dep2, gates=["cx", "rzz"])
    assert nm.channels_for("cx", (4, 1)) == [ChannelOp(dep2, (4, 1))]
    assert nm.channels_for("rzz", (0, 1)) == [ChannelOp(dep2, (0, 1))]
    assert nm.channels_for("rx", (0,)) == []
    # gates=None: only gates of the channel's arity
    nm_all = NoiseModel().add(dep2)
    assert nm_all.channels_for("h", (0,)) == []
    assert nm_all.channels_for("swap", (2, 3)) == [ChannelOp(dep2, (2, 3))]


def test_channel_on_gate_of_wrong_arity_raises():
    with pytest.raises(ValueError, match="2-qubit channel cannot follow gate 'rx'"):
        NoiseModel().add(noise.depolarizing(0.1, 2), gates=["cx", "rx"])
    with pytest.raises(ValueError, match="'ccx'"):
        NoiseModel().add(noise.depolarizing(0.1, 2), gates="ccx")
    nm = NoiseModel().add(noise.depolarizing(0.1, 2), gates=["unitary"])
    assert len(nm.channels_for("unitary", (0, 1))) == 1
    with pytest.raises(ValueError, match="acts here on 3 qubits"):
        nm.channels_for("unitary", (0, 1, 2))


def test_qubit_restrictions():
    ad = noise.amplitude_damping(0.1)
    nm = NoiseModel().add(ad, gates=["cx", "h"], qubits=[0, 3])
    assert ops_summary(nm.channels_for("cx", (3, 1))) == [("amplitude_damping", (3,))]
    assert ops_summary(nm.channels_for("cx", (1, 2))) == []
    assert ops_summary(nm.channels_for("h", (0,))) == [("amplitude_damping", (0,))]
    # a tuple selects the gate instance (ordered) and acts on all its qubits
    nm2 = NoiseModel().add(ad, gates="cx", qubits=[(1, 2)])
    assert ops_summary(nm2.channels_for("cx", (1, 2))) == [("amplitude_damping", (1,)), ("amplitude_damping", (2,))]
    assert nm2.channels_for("cx", (2, 1)) == []
    # an int restriction
    nm3 = NoiseModel().add(ad, gates="x", qubits=2)
    assert len(nm3.channels_for("x", (2,))) == 1 and nm3.channels_for("x", (1,)) == []
    # a 2-qubit channel with pair restriction
    dep2 = noise.depolarizing(0.1, 2)
    nm4 = NoiseModel().add(dep2, gates="cx", qubits=[(0, 1)])
    assert nm4.channels_for("cx", (0, 1)) == [ChannelOp(dep2, (0, 1))]
    assert nm4.channels_for("cx", (1, 0)) == []


def test_bad_qubit_restrictions_raise():
    with pytest.raises(ValueError, match="qubit tuples of length 2"):
        NoiseModel().add(noise.depolarizing(0.1, 2), gates="cx", qubits=[0])
    with pytest.raises(ValueError, match="length 2"):
        NoiseModel().add(noise.depolarizing(0.1, 2), gates="cx", qubits=[(0, 1, 2)])
    with pytest.raises(ValueError, match="-1"):
        NoiseModel().add(noise.bit_flip(0.1), gates="x", qubits=[-1])
    with pytest.raises(ValueError, match="at least one"):
        NoiseModel().add(noise.bit_flip(0.1), gates="x", qubits=[])
    with pytest.raises(ValueError, match="unknown gate 'foo'"):
        NoiseModel().add(noise.bit_flip(0.1), gates=["foo"])
    with pytest.raises(TypeError):
        NoiseModel().add(np.eye(2), gates="x")


def test_channels_apply_in_order_added():
    a, b = noise.amplitude_damping(0.1), noise.phase_flip(0.1)
    nm = NoiseModel().add(a, gates="x").add(b, gates=["x", "y"])
    assert [op.channel for op in nm.channels_for("x", (0,))] == [a, b]
    assert [op.channel for op in nm.channels_for("y", (0,))] == [b]


def test_noisy_instructions_stream():
    c = Circuit(3).h(0).cx(0, 1).rz(0.3, 2)
    nm = NoiseModel().add(noise.depolarizing(0.1), gates=["h", "rz"]).add(noise.depolarizing(0.2, 2), gates="cx")
    stream = nm.noisy_instructions(c)
    kinds = [("ch", op.channel.params["p"], op.qubits) if is_channel_op(op) else ("g", op.name, op.qubits) for op in stream]
    assert kinds == [
        ("g", "h", (0,)), ("ch", 0.1, (0,)),
        ("g", "cx", (0, 1)), ("ch", 0.2, (0, 1)),
        ("g", "rz", (2,)), ("ch", 0.1, (2,)),
    ]
    # the circuit's own instructions, unchanged and in order
    assert [op for op in stream if not is_channel_op(op)] == list(c.instructions)


def test_idle_noise_per_asap_layer():
    # layers: h(0)=1, h(1)=1, cx(0,1)=2, x(0)=3; qubit 2 never used; depth 3
    c = Circuit(3).h(0).h(1).cx(0, 1).x(0)
    idle = noise.phase_damping(0.1)
    nm = NoiseModel().add_idle(idle)
    stream = nm.noisy_instructions(c)
    idle_counts = {q: sum(1 for op in stream if is_channel_op(op) and op.qubits == (q,)) for q in range(3)}
    assert idle_counts == {0: 0, 1: 1, 2: 3}
    # qubit 1's idle slot (layer 3) comes after its last gate
    names = [op.name if not is_channel_op(op) else f"idle{op.qubits[0]}" for op in stream]
    assert names.index("idle1") > names.index("cx")
    # restricted idle noise; bad idle channels
    nm2 = NoiseModel().add_idle(idle, qubits=[2])
    assert sum(1 for op in nm2.noisy_instructions(c) if is_channel_op(op)) == 3
    with pytest.raises(ValueError, match="1-qubit"):
        NoiseModel().add_idle(noise.depolarizing(0.1, 2))
    # a qubit idle in the middle gets its channel before its next gate
    c2 = Circuit(2).x(0).x(0).x(0).cx(0, 1)
    names2 = [op.name if not is_channel_op(op) else f"idle{op.qubits[0]}" for op in NoiseModel().add_idle(idle).noisy_instructions(c2)]
    assert names2 == ["x", "x", "x", "idle1", "idle1", "idle1", "cx"]


def test_combined_channel_fuses_noise_on_gate_qubits():
    nm = NoiseModel().add(noise.depolarizing(0.02, 2), gates="cx").add(noise.amplitude_damping(0.1), gates="cx", qubits=[5])
    nm.add(noise.bit_flip(0.05), gates="cx")
    for qubits in [(5, 2), (2, 5), (0, 1)]:
        ops = nm.channels_for("cx", qubits)
        combined = nm.combined_channel("cx", qubits)
        assert combined.num_qubits == 2
        np.testing.assert_allclose(combined.superop(), gate_noise_superop(ops, qubits), atol=1e-13)
    assert nm.combined_channel("h", (0,)) is None
    pauli_only = NoiseModel().add(noise.depolarizing(0.01), gates="ccx").add(noise.phase_flip(0.02), gates="ccx", qubits=[1])
    c = pauli_only.combined_channel("ccx", (0, 1, 2))
    assert c.is_pauli and c.num_qubits == 3
    ops = pauli_only.channels_for("ccx", (0, 1, 2))
    np.testing.assert_allclose(c.superop(), gate_noise_superop(ops, (0, 1, 2)), atol=1e-13)


def test_empty_model_and_repr():
    nm = NoiseModel()
    assert nm.is_empty and not nm.has_readout and not nm.has_idle
    assert "NoiseModel" in repr(nm.add(noise.bit_flip(0.1), gates="x"))
    assert not nm.is_empty


# -- readout ------------------------------------------------------------------------------------
def test_readout_confusions_per_qubit():
    c_all = [[0.9, 0.1], [0.2, 0.8]]
    c1 = [[0.99, 0.01], [0.05, 0.95]]
    nm = NoiseModel().add_readout(c_all).add_readout(c1, qubits=[1])
    np.testing.assert_allclose(nm.readout_confusion(0), c_all)
    np.testing.assert_allclose(nm.readout_confusion(1), c1)
    assert nm.has_readout
    only2 = NoiseModel().add_readout(c1, qubits=2)
    assert only2.readout_confusions(3)[:2] == [None, None]
    np.testing.assert_allclose(noise.readout_confusion(0.02, 0.05), [[0.98, 0.02], [0.05, 0.95]])


def test_readout_on_probabilities_matches_definition():
    rng = np.random.default_rng(5)
    p = rng.random(8)
    p /= p.sum()
    confusions = [np.array([[0.9, 0.1], [0.2, 0.8]]), None, np.array([[0.97, 0.03], [0.06, 0.94]])]
    out = noise.apply_readout_to_probabilities(p, confusions)
    np.testing.assert_allclose(out, apply_confusions(p, confusions), atol=1e-15)
    assert out.sum() == pytest.approx(1.0)
    # single qubit, explicit: true |1> with P(read 0 | 1) = 0.2
    np.testing.assert_allclose(noise.apply_readout_to_probabilities([0.0, 1.0], [confusions[0]]), [0.2, 0.8])
    # qubit 0 is the least significant bit: error on qubit 0 only moves index 2 <-> 3
    np.testing.assert_allclose(noise.apply_readout_to_probabilities([0, 0, 1.0, 0], [confusions[0], None]), [0, 0, 0.9, 0.1])


@settings(derandomize=True, max_examples=30, deadline=None)
@given(st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_random_readout_on_probabilities(n, seed):
    rng = np.random.default_rng(seed)
    p = rng.random(1 << n)
    p /= p.sum()
    confusions = []
    for _ in range(n):
        a, b = rng.random(2) * 0.5
        confusions.append(None if rng.random() < 0.25 else noise.readout_confusion(float(a), float(b)))
    out = noise.apply_readout_to_probabilities(p, confusions)
    np.testing.assert_allclose(out, apply_confusions(p, confusions), atol=1e-14)
    assert out.sum() == pytest.approx(1.0) and out.min() >= 0


def test_readout_on_samples_flips_with_confusion_rates():
    conf = np.array([[0.9, 0.1], [0.25, 0.75]])
    shots = 200_000
    true = np.array([0b01] * (shots // 2) + [0b10] * (shots // 2), dtype=np.uint64)
    read = noise.apply_readout_to_samples(true, [conf, None], seed=11)
    assert read.dtype == np.uint64
    # qubit 1 has no error
    np.testing.assert_array_equal(read >> np.uint64(1), true >> np.uint64(1))
    flips_from_1 = np.mean((read[: shots // 2] & np.uint64(1)) == 0)
    flips_from_0 = np.mean((read[shots // 2:] & np.uint64(1)) == 1)
    n = shots // 2
    assert abs(flips_from_1 - 0.25) < 5 * np.sqrt(0.25 * 0.75 / n)
    assert abs(flips_from_0 - 0.1) < 5 * np.sqrt(0.1 * 0.9 / n)
    np.testing.assert_array_equal(read, noise.apply_readout_to_samples(true, [conf, None], seed=11))


@pytest.mark.parametrize(
    "bad, match",
    [
        ([[0.9, 0.2], [0.1, 0.9]], "rows must sum to 1"),
        ([[1.1, -0.1], [0, 1]], "probabilities in \\[0, 1\\]"),
        ([[0.5, 0.5]], "shape \\(2, 2\\)"),
        ([[np.nan, 1], [0, 1]], "non-finite"),
    ],
)
def test_bad_readout_raises(bad, match):
    with pytest.raises(ValueError, match=match):
        NoiseModel().add_readout(bad)


def test_reference_program_readout_changes_probabilities_and_samples_not_expectations():
    c = Circuit(2).x(0)
    conf = [[0.95, 0.05], [0.2, 0.8]]
    nm = NoiseModel().add_readout(conf, qubits=[0])
    prog = qsim.reference.compile(c, method="density_matrix", noise_model=nm)
    clean = qsim.reference.compile(c, method="density_matrix")
    np.testing.assert_allclose(prog.probabilities(readout=True), [0.2, 0.8, 0, 0], atol=1e-15)
    np.testing.assert_allclose(prog.probabilities(), [0, 1, 0, 0], atol=1e-15)  # the state's own
    obs = qsim.PauliSum([("IZ", 1.0)])
    assert prog.expectation(None, obs) == pytest.approx(clean.expectation(None, obs)) == pytest.approx(-1.0)
    # asked for: the mean over the measured distribution (diagonal observables only)
    assert prog.expectation(None, obs, readout=True) == pytest.approx(0.2 * 1 + 0.8 * -1)
    np.testing.assert_allclose(prog.expectation(None, [obs, qsim.PauliSum([("ZI", 1.0)])], readout=True), [-0.6, 1.0])
    with pytest.raises(ValueError, match="diagonal"):
        prog.expectation(None, qsim.PauliSum([("IX", 1.0)]), readout=True)
    s = prog.sample(None, shots=40_000, seed=3)
    frac0 = s.counts.get("00", 0) / 40_000
    assert abs(frac0 - 0.2) < 5 * np.sqrt(0.2 * 0.8 / 40_000)
    assert set(s.counts) <= {"00", "01"}
    assert prog.sample(None, shots=100, seed=9).counts == prog.sample(None, shots=100, seed=9).counts


def test_reference_program_rejects_noise_without_density_matrix():
    nm = NoiseModel().add(noise.bit_flip(0.1), gates="x")
    with pytest.raises(ValueError, match="density_matrix"):
        qsim.reference.compile(Circuit(1).x(0), method="statevector", noise_model=nm)
    with pytest.raises(TypeError):
        qsim.reference.compile(Circuit(1).x(0), method="density_matrix", noise_model="depolarizing")
