"""Channels: CPTP Kraus sets, superoperator and PTM against their definitions, closed forms,
Pauli channels, algebra, Qiskit agreement, input validation."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from noise_defs import (
    PX,
    PY,
    PZ,
    apply_kraus,
    pauli_by_index,
    ptm_from_definition,
    random_density_matrix,
    random_kraus,
    superop_from_definition,
)

from qsim import noise

CHANNELS = {
    "depolarizing": lambda: noise.depolarizing(0.07),
    "depolarizing2": lambda: noise.depolarizing(0.05, num_qubits=2),
    "pauli1": lambda: noise.pauli_channel({"X": 0.1, "Y": 0.02, "Z": 0.05}),
    "pauli2": lambda: noise.pauli_channel({"XZ": 0.03, "YI": 0.01, "ZZ": 0.02}),
    "bit_flip": lambda: noise.bit_flip(0.12),
    "phase_flip": lambda: noise.phase_flip(0.2),
    "amplitude_damping": lambda: noise.amplitude_damping(0.3),
    "phase_damping": lambda: noise.phase_damping(0.25),
    "thermal": lambda: noise.thermal_relaxation(100.0, 70.0, 15.0),
    "thermal_t2_gt_t1": lambda: noise.thermal_relaxation(50.0, 90.0, 20.0),
    "thermal_excited": lambda: noise.thermal_relaxation(50.0, 40.0, 20.0, excited_state_population=0.2),
    "reset": noise.reset,
    "kraus": lambda: noise.kraus(random_kraus(np.random.default_rng(3), 2, 3)),
    "identity": lambda: noise.identity(2),
}


@pytest.fixture(params=sorted(CHANNELS))
def channel(request):
    return CHANNELS[request.param]()


def test_kraus_is_cptp(channel):
    ops = channel.kraus()
    d = 1 << channel.num_qubits
    assert all(k.shape == (d, d) for k in ops)
    assert np.max(np.abs(sum(k.conj().T @ k for k in ops) - np.eye(d))) < 1e-12


def test_superop_and_ptm_match_definitions(channel):
    ops = channel.kraus()
    np.testing.assert_allclose(channel.superop(), superop_from_definition(ops), atol=1e-13)
    ptm = channel.ptm()
    assert ptm.dtype == np.float64
    np.testing.assert_allclose(ptm, ptm_from_definition(ops), atol=1e-13)
    # trace preservation: the first row of a PTM is (1, 0, ..., 0)
    np.testing.assert_allclose(ptm[0], np.eye(ptm.shape[0])[0], atol=1e-13)


def test_superop_acts_on_column_stacked_rho(channel):
    d = 1 << channel.num_qubits
    rho = random_density_matrix(np.random.default_rng(0), d)
    out = (channel.superop() @ rho.reshape(-1, order="F")).reshape(d, d, order="F")
    np.testing.assert_allclose(out, apply_kraus(channel.kraus(), rho), atol=1e-13)
    np.testing.assert_allclose(channel.apply(rho), out, atol=1e-13)


def test_choi_is_psd_with_unit_partial_trace(channel):
    d = 1 << channel.num_qubits
    choi = channel.choi()
    assert np.min(np.linalg.eigvalsh(choi)) > -1e-12
    # Tr over the output of sum_ij |i><j| (x) E(|i><j|) is the identity (trace preservation)
    np.testing.assert_allclose(np.einsum("iaja->ij", choi.reshape(d, d, d, d)), np.eye(d), atol=1e-12)


def test_representations_are_copies():
    c = noise.amplitude_damping(0.2)
    r = c.ptm()
    r[0, 0] = 7
    k = c.kraus()
    k[0][0, 0] = 5
    assert c.ptm()[0, 0] == 1.0
    assert c.kraus()[0][0, 0] == 1.0


# -- closed forms ------------------------------------------------------------------------------
@pytest.mark.parametrize("p", [0.0, 0.01, 0.3, 0.75, 1.0])
def test_depolarizing_1q_ptm(p):
    np.testing.assert_allclose(noise.depolarizing(p).ptm(), np.diag([1] + [1 - 4 * p / 3] * 3), atol=1e-14)


def test_depolarizing_2q_ptm_and_probabilities():
    p = 0.12
    c = noise.depolarizing(p, 2)
    np.testing.assert_allclose(c.ptm(), np.diag([1] + [1 - 16 * p / 15] * 15), atol=1e-14)
    probs = c.pauli_probabilities()
    assert probs[0] == pytest.approx(1 - p)
    np.testing.assert_allclose(probs[1:], p / 15)


def test_full_depolarizing_is_maximally_mixed():
    rho = random_density_matrix(np.random.default_rng(1), 4)
    np.testing.assert_allclose(noise.depolarizing(15 / 16, 2).apply(rho), np.eye(4) / 4, atol=1e-14)


def test_qiskit_depolarizing_conversion():
    for k in (1, 2):
        n = 4**k
        assert noise.depolarizing_p_to_qiskit(0.3, k) == pytest.approx(0.3 * n / (n - 1))
        assert noise.depolarizing_p_from_qiskit(noise.depolarizing_p_to_qiskit(0.3, k), k) == pytest.approx(0.3)
    # Qiskit's lam = 1 is the completely depolarizing channel rho -> I/2
    rho = random_density_matrix(np.random.default_rng(2), 2)
    np.testing.assert_allclose(noise.depolarizing(noise.depolarizing_p_from_qiskit(1.0)).apply(rho), np.eye(2) / 2, atol=1e-14)
    with pytest.raises(ValueError, match="lam"):
        noise.depolarizing_p_from_qiskit(1.5)


@pytest.mark.parametrize("g", [0.0, 0.2, 1.0])
def test_amplitude_damping_ptm(g):
    s = math.sqrt(1 - g)
    expected = np.array([[1, 0, 0, 0], [0, s, 0, 0], [0, 0, s, 0], [g, 0, 0, 1 - g]])
    np.testing.assert_allclose(noise.amplitude_damping(g).ptm(), expected, atol=1e-14)


def test_phase_damping_ptm_and_phase_flip_equivalence():
    lam = 0.36
    np.testing.assert_allclose(noise.phase_damping(lam).ptm(), np.diag([1, 0.8, 0.8, 1]), atol=1e-14)
    p = (1 - math.sqrt(1 - lam)) / 2
    np.testing.assert_allclose(noise.phase_damping(lam).superop(), noise.phase_flip(p).superop(), atol=1e-14)
    assert noise.phase_damping(lam).is_pauli


def test_flip_channels_ptm():
    np.testing.assert_allclose(noise.bit_flip(0.1).ptm(), np.diag([1, 1, 0.8, 0.8]), atol=1e-14)
    np.testing.assert_allclose(noise.phase_flip(0.1).ptm(), np.diag([1, 0.8, 0.8, 1]), atol=1e-14)


def test_reset_ptm():
    expected = np.zeros((4, 4))
    expected[0, 0] = expected[3, 0] = 1
    np.testing.assert_allclose(noise.reset().ptm(), expected, atol=1e-14)


def test_thermal_relaxation_closed_form():
    t1, t2, t = 80.0, 60.0, 12.0
    e1, e2 = math.exp(-t / t1), math.exp(-t / t2)
    expected = np.array([[1, 0, 0, 0], [0, e2, 0, 0], [0, 0, e2, 0], [1 - e1, 0, 0, e1]])
    np.testing.assert_allclose(noise.thermal_relaxation(t1, t2, t).ptm(), expected, atol=1e-14)


def test_thermal_relaxation_limits():
    t1 = 50.0
    np.testing.assert_allclose(noise.thermal_relaxation(t1, 70.0, 0.0).ptm(), np.eye(4), atol=1e-14)
    # T2 = 2 T1: pure amplitude damping
    g = 1 - math.exp(-7.0 / t1)
    np.testing.assert_allclose(
        noise.thermal_relaxation(t1, 2 * t1, 7.0).superop(), noise.amplitude_damping(g).superop(), atol=1e-14
    )
    # time >> T1: reset to |0>; with excited population pe: reset to diag(1 - pe, pe)
    np.testing.assert_allclose(noise.thermal_relaxation(t1, t1, 1e6).ptm(), noise.reset().ptm(), atol=1e-12)
    rho = noise.thermal_relaxation(t1, t1, 1e6, excited_state_population=0.3).apply(np.eye(2) / 2)
    np.testing.assert_allclose(rho, np.diag([0.7, 0.3]), atol=1e-12)
    # infinite T1 and T2: identity
    np.testing.assert_allclose(noise.thermal_relaxation(math.inf, math.inf, 5.0).ptm(), np.eye(4), atol=1e-14)


# -- Pauli channels ------------------------------------------------------------------------------
def test_pauli_channel_label_order():
    c = noise.pauli_channel({"XZ": 0.25})  # Z on qubits[0], X on qubits[1]
    ops = c.kraus()
    xz = np.kron(PX, PZ)  # kron(high, low)
    rho = random_density_matrix(np.random.default_rng(4), 4)
    np.testing.assert_allclose(c.apply(rho), 0.75 * rho + 0.25 * xz @ rho @ xz, atol=1e-14)
    assert len(ops) == 2
    assert c.pauli_dict() == pytest.approx({"II": 0.75, "XZ": 0.25})
    assert noise.pauli_label(noise.pauli_index("XZ"), 2) == "XZ"
    np.testing.assert_allclose(noise.pauli_operator(noise.pauli_index("XZ"), 2), xz)


def test_pauli_channel_array_and_identity_forms():
    a = noise.pauli_channel([0.7, 0.1, 0.15, 0.05])
    b = noise.pauli_channel({"I": 0.7, "X": 0.1, "Y": 0.15, "Z": 0.05})
    c = noise.pauli_channel({"X": 0.1, "Y": 0.15, "Z": 0.05})
    for ch in (b, c):
        np.testing.assert_allclose(ch.ptm(), a.ptm(), atol=1e-14)
    # PTM diagonal: lambda_j = sum_a p_a s(a, j)
    np.testing.assert_allclose(np.diag(a.ptm()), [1, 0.7 + 0.1 - 0.15 - 0.05, 0.7 - 0.1 + 0.15 - 0.05, 0.7 - 0.1 - 0.15 + 0.05])


@pytest.mark.parametrize("name", ["depolarizing2", "pauli2", "bit_flip", "phase_damping", "identity"])
def test_pauli_probabilities_reproduce_channel(name):
    c = CHANNELS[name]()
    assert c.is_pauli
    probs = c.pauli_probabilities()
    k = c.num_qubits
    assert probs.sum() == pytest.approx(1.0)
    ops = [math.sqrt(p) * pauli_by_index(a, k) for a, p in enumerate(probs) if p > 0]
    np.testing.assert_allclose(superop_from_definition(ops), c.superop(), atol=1e-13)


def test_pauli_detection_from_general_kraus():
    ops = [math.sqrt(0.6) * np.eye(2), math.sqrt(0.3) * PY, math.sqrt(0.1) * PZ]
    c = noise.kraus(ops)
    assert c.is_pauli
    np.testing.assert_allclose(c.pauli_probabilities(), [0.6, 0, 0.3, 0.1], atol=1e-14)
    for name in ("amplitude_damping", "thermal", "reset"):
        ch = CHANNELS[name]()
        assert not ch.is_pauli
        with pytest.raises(ValueError, match="not a Pauli channel"):
            ch.pauli_probabilities()


# -- algebra ---------------------------------------------------------------------------------------
def test_compose_order_is_first_self_then_other():
    # |1><1| -> amplitude damping (gamma 1) -> |0><0| -> bit flip (p 1) -> |1><1|
    c = noise.amplitude_damping(1.0).compose(noise.bit_flip(1.0))
    np.testing.assert_allclose(c.apply(np.diag([0, 1])), np.diag([0, 1]), atol=1e-14)
    d = noise.bit_flip(1.0).compose(noise.amplitude_damping(1.0))
    np.testing.assert_allclose(d.apply(np.diag([0, 1])), np.diag([1, 0]), atol=1e-14)


def test_compose_and_tensor_match_products():
    a, b = CHANNELS["thermal"](), CHANNELS["pauli1"]()
    np.testing.assert_allclose(a.compose(b).superop(), b.superop() @ a.superop(), atol=1e-14)
    np.testing.assert_allclose(a.compose(b).ptm(), b.ptm() @ a.ptm(), atol=1e-14)
    np.testing.assert_allclose(a.tensor(b).ptm(), np.kron(a.ptm(), b.ptm()), atol=1e-14)
    np.testing.assert_allclose(a.expand(b).ptm(), np.kron(b.ptm(), a.ptm()), atol=1e-14)
    # tensor puts `other` on the low qubit: a on qubit 1
    rho = np.kron(np.diag([0, 1]), np.diag([0, 1])).astype(complex)
    out = noise.amplitude_damping(1.0).tensor(noise.identity(1)).apply(rho)
    np.testing.assert_allclose(out, np.kron(np.diag([1, 0]), np.diag([0, 1])), atol=1e-14)


def test_pauli_algebra_stays_pauli():
    a, b = noise.pauli_channel({"X": 0.1}), noise.pauli_channel({"Y": 0.2})
    c = a.compose(b)
    assert c.is_pauli
    assert c.pauli_dict() == pytest.approx({"I": 0.72, "X": 0.08, "Y": 0.18, "Z": 0.02})
    t = a.tensor(b)
    assert t.pauli_dict() == pytest.approx({"II": 0.72, "XI": 0.08, "IY": 0.18, "XY": 0.02})
    np.testing.assert_allclose(t.ptm(), np.kron(a.ptm(), b.ptm()), atol=1e-14)


def test_composition_keeps_kraus_count_bounded():
    c = noise.thermal_relaxation(30.0, 20.0, 5.0)
    for _ in range(6):
        c = c.compose(noise.thermal_relaxation(30.0, 20.0, 5.0))
    assert c.num_kraus <= 4
    np.testing.assert_allclose(c.ptm(), np.linalg.matrix_power(noise.thermal_relaxation(30.0, 20.0, 5.0).ptm(), 7), atol=1e-12)


def test_average_gate_fidelity_closed_form():
    # depolarizing p on d = 2^k: F_avg = 1 - p d / (d + 1)
    for k in (1, 2):
        d = 1 << k
        assert noise.depolarizing(0.09, k).average_gate_fidelity() == pytest.approx(1 - 0.09 * d / (d + 1))


# -- hypothesis ---------------------------------------------------------------------------------------
@settings(derandomize=True, max_examples=40, deadline=None)
@given(st.integers(1, 2), st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_random_kraus_channels_are_cptp(k, rank, seed):
    rng = np.random.default_rng(seed)
    a = noise.kraus(random_kraus(rng, k, rank))
    b = noise.kraus(random_kraus(rng, k, 2))
    for c in (a, b, a.compose(b), a.tensor(noise.amplitude_damping(0.3))):
        d = 1 << c.num_qubits
        assert np.max(np.abs(sum(m.conj().T @ m for m in c.kraus()) - np.eye(d))) < 1e-10
        assert np.min(np.linalg.eigvalsh(c.choi())) > -1e-10
        np.testing.assert_allclose(c.ptm(), ptm_from_definition(c.kraus()), atol=1e-12)
        rho = c.apply(random_density_matrix(rng, d))
        assert np.trace(rho).real == pytest.approx(1.0, abs=1e-12)
        assert np.min(np.linalg.eigvalsh((rho + rho.conj().T) / 2)) > -1e-12


@settings(derandomize=True, max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 1, allow_nan=False), min_size=4, max_size=4))
def test_random_pauli_channels(weights):
    w = np.array(weights) + 1e-3
    probs = w / w.sum()
    c = noise.pauli_channel(probs)
    np.testing.assert_allclose(c.pauli_probabilities(), probs, atol=1e-14)
    np.testing.assert_allclose(c.ptm(), ptm_from_definition(c.kraus()), atol=1e-13)


# -- validation ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "make, match",
    [
        (lambda: noise.depolarizing(-0.1), "-0.1"),
        (lambda: noise.depolarizing(1.5), "1.5"),
        (lambda: noise.depolarizing(float("nan")), "nan"),
        (lambda: noise.depolarizing(0.1, 0), "num_qubits"),
        (lambda: noise.bit_flip(2), "bit-flip"),
        (lambda: noise.phase_flip(-1e-3), "phase-flip"),
        (lambda: noise.amplitude_damping(1.01), "gamma"),
        (lambda: noise.phase_damping(float("nan")), "lambda"),
        (lambda: noise.pauli_channel({"X": 0.6, "Z": 0.5}), "sum to 1.1"),
        (lambda: noise.pauli_channel({"X": -0.1}), "-0.1"),
        (lambda: noise.pauli_channel({"I": 0.5, "X": 0.4}), "sum to 0.9"),
        (lambda: noise.pauli_channel({"X": 0.1, "XZ": 0.1}), "one length"),
        (lambda: noise.pauli_channel({"Q": 0.1}), "'Q'"),
        (lambda: noise.pauli_channel([0.5, 0.5, 0.1]), "4\\^k"),
        (lambda: noise.thermal_relaxation(10.0, 25.0, 1.0), "T2 <= 2 T1.*T1=10.0, T2=25.0"),
        (lambda: noise.thermal_relaxation(-10.0, 5.0, 1.0), "T1"),
        (lambda: noise.thermal_relaxation(10.0, 5.0, -1.0), "time"),
        (lambda: noise.thermal_relaxation(10.0, float("nan"), 1.0), "T2"),
        (lambda: noise.thermal_relaxation(10.0, 5.0, 1.0, excited_state_population=1.2), "excited"),
        (lambda: noise.kraus([2 * np.eye(2)]), "not trace preserving.*= 3"),
        (lambda: noise.kraus([np.eye(2), 1e-5 * PX]), "not trace preserving"),
        (lambda: noise.kraus([np.eye(3)]), "2\\^k"),
        (lambda: noise.kraus([np.eye(2), np.eye(4)]), "shape"),
        (lambda: noise.kraus([np.array([[np.nan, 0], [0, 1]])]), "non-finite"),
        (lambda: noise.kraus([]), "at least one"),
    ],
)
def test_bad_input_raises_value_error(make, match):
    with pytest.raises(ValueError, match=match):
        make()


def test_kraus_accepts_one_matrix():
    for m in (PX, [[0, 1], [1, 0]], np.array([PX])):
        c = noise.kraus(m)
        assert c.num_kraus == 1 and c.is_unitary
        np.testing.assert_allclose(c.kraus()[0], PX)


def test_kraus_tolerance_is_documented_value():
    eps = 1e-12  # well inside KRAUS_ATOL = 1e-10
    c = noise.kraus([math.sqrt(1 - eps) * np.eye(2)])
    assert c.num_qubits == 1
    assert noise.KRAUS_ATOL == 1e-10


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        noise.depolarizing("0.1")
    with pytest.raises(TypeError):
        noise.kraus([[["a"]]])
    with pytest.raises(TypeError):
        noise.amplitude_damping(0.1).compose(np.eye(4))


def test_compose_needs_equal_sizes():
    with pytest.raises(ValueError, match="same number of qubits"):
        noise.depolarizing(0.1).compose(noise.depolarizing(0.1, 2))


# -- Qiskit agreement ---------------------------------------------------------------------------------
def test_superop_and_ptm_equal_qiskit(channel):
    qi = pytest.importorskip("qiskit.quantum_info", reason="qiskit not installed")
    ops = channel.kraus()
    np.testing.assert_allclose(channel.superop(), qi.SuperOp(qi.Kraus(ops)).data, atol=1e-13)
    np.testing.assert_allclose(channel.ptm(), qi.PTM(qi.Kraus(ops)).data, atol=1e-13)
    np.testing.assert_allclose(channel.choi(), qi.Choi(qi.Kraus(ops)).data, atol=1e-13)


def test_channels_equal_aer_errors():
    aer = pytest.importorskip("qiskit_aer.noise", reason="qiskit-aer not installed")
    qi = pytest.importorskip("qiskit.quantum_info", reason="qiskit not installed")
    pairs = [
        (noise.depolarizing(0.06), aer.depolarizing_error(noise.depolarizing_p_to_qiskit(0.06, 1), 1)),
        (noise.depolarizing(0.06, 2), aer.depolarizing_error(0.06 * 16 / 15, 2)),
        (noise.thermal_relaxation(120.0, 90.0, 30.0), aer.thermal_relaxation_error(120.0, 90.0, 30.0)),
        (noise.thermal_relaxation(60.0, 110.0, 30.0), aer.thermal_relaxation_error(60.0, 110.0, 30.0)),
        (noise.thermal_relaxation(60.0, 50.0, 30.0, 0.1), aer.thermal_relaxation_error(60.0, 50.0, 30.0, 0.1)),
        (noise.amplitude_damping(0.17), aer.amplitude_damping_error(0.17)),
        (noise.phase_damping(0.23), aer.phase_damping_error(0.23)),
        (noise.reset(), aer.reset_error(1.0)),
        (noise.pauli_channel({"XZ": 0.1, "YI": 0.05}), aer.pauli_error([("XZ", 0.1), ("YI", 0.05), ("II", 0.85)])),
        (
            noise.amplitude_damping(0.2).compose(noise.depolarizing(0.1)),
            aer.amplitude_damping_error(0.2).compose(aer.depolarizing_error(0.1 * 4 / 3, 1)),
        ),
        (
            noise.amplitude_damping(0.2).tensor(noise.phase_flip(0.1)),
            aer.amplitude_damping_error(0.2).tensor(aer.pauli_error([("Z", 0.1), ("I", 0.9)])),
        ),
    ]
    for ours, theirs in pairs:
        np.testing.assert_allclose(ours.superop(), qi.SuperOp(theirs).data, atol=1e-12, err_msg=repr(ours))
        np.testing.assert_allclose(ours.ptm(), qi.PTM(theirs).data, atol=1e-12, err_msg=repr(ours))
        assert ours.average_gate_fidelity() == pytest.approx(qi.average_gate_fidelity(theirs), abs=1e-12)
