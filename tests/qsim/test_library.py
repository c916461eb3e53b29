"""The QAOA circuit builder against qsim.reference: both cost forms, the hooks, bad input."""

import numpy as np
import pytest

import qsim
from qsim import Circuit, DiagonalObservable, reference
from qsim.library import (efficient_su2, entangling_pairs, ising_terms, ma_qaoa, qaoa, w_state, warm_start_qaoa, xy_mixer,
                          xy_pairs, xy_qaoa)

RX = lambda t: np.array([[np.cos(t / 2), -1j * np.sin(t / 2)], [-1j * np.sin(t / 2), np.cos(t / 2)]])  # noqa: E731


def _ising(n, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(size=n), np.triu(rng.normal(size=(n, n)), 1), float(rng.normal())


def _qaoa_state(values, gammas, betas):
    """|+>^n, then exp(-i gamma C / 2) and exp(-i beta sum_q X_q) per layer, by dense algebra."""
    n = values.size.bit_length() - 1
    psi = np.full(1 << n, 2 ** (-n / 2), dtype=complex)
    for g, b in zip(gammas, betas):
        psi = np.exp(-0.5j * g * values) * psi
        mixer = np.ones((1, 1))
        for _ in range(n):
            mixer = np.kron(mixer, RX(2 * b))
        psi = mixer @ psi
    return psi


def test_ising_and_diagonal_forms_give_the_qaoa_state():
    h, J, offset = _ising(4, 1)
    values = DiagonalObservable.from_ising(h, J, offset).values
    theta = np.array([0.3, -0.8, 1.1, 0.4, 0.9, -0.2])  # gammas, then betas
    expected = _qaoa_state(values, theta[:3], theta[3:])
    for cost in ((h, J, offset), values, list(values), DiagonalObservable(values)):
        circuit = qaoa(cost, 3)
        assert [p.name for p in circuit.parameters] == ["gamma[0]", "gamma[1]", "gamma[2]", "beta[0]", "beta[1]", "beta[2]"]
        assert circuit.count_ops() == {"rx": 12, "h": 4, "diagonal_evolution": 3}
        np.testing.assert_allclose(reference.statevector(circuit, theta), expected, atol=1e-12)


def test_the_cost_layer_is_rz_and_rzz_rotations_for_an_ising_cost():
    h, J, offset = _ising(3, 2)
    gamma = 0.7
    c = Circuit(3)
    for i in range(3):
        c.rz(gamma * h[i], i)
        for j in range(i + 1, 3):
            c.rzz(gamma * J[i, j], i, j)
    layer = qaoa((h, J, offset), 1, initial_state=lambda circuit: None, mixer=lambda circuit, beta: None)
    assert [p.name for p in layer.parameters] == ["gamma[0]"]  # the mixer hook used no beta
    u, v = reference.unitary(layer, [gamma]), reference.unitary(c)
    phase = u[0, 0] / v[0, 0]
    np.testing.assert_allclose(u, phase * v, atol=1e-12)
    assert abs(abs(phase) - 1) < 1e-12


def test_hooks_build_the_initial_state_and_the_mixer():
    values = np.array([0.0, 1.0, 1.0, 2.0])
    seen = []

    def mixer(circuit, beta):
        seen.append(beta.name)
        circuit.ry(beta, 0).ry(-beta, 1)

    circuit = qaoa(values, 2, initial_state=lambda c: c.x(1), mixer=mixer)
    assert seen == ["beta[0]", "beta[1]"]
    expected = Circuit(2).x(1)
    for layer in range(2):
        expected.diagonal_evolution(values, 0.5 * circuit.parameters[layer])
        expected.ry(circuit.parameters[2 + layer], 0).ry(-circuit.parameters[2 + layer], 1)
    theta = [0.4, -1.2, 0.8, 0.1]
    np.testing.assert_allclose(reference.statevector(circuit, theta), reference.statevector(expected, theta), atol=1e-13)


@pytest.mark.parametrize(
    "args, kwargs, error, match",
    [
        (([0.0, 1.0, 2.0], 1), {}, ValueError, "qaoa cost: .*2\\^n values"),
        ((["a", "b"], 1), {}, TypeError, "qaoa cost"),
        (((np.zeros(2), np.array([[0, 0], [1, 0]]), 0.0), 1), {}, ValueError, "qaoa cost: J must be strictly upper"),
        (((np.zeros(2), np.zeros((2, 2)), "x"), 1), {}, TypeError, "qaoa cost: offset"),
        (([0.0, 1.0], 0), {}, ValueError, "depth must be an integer >= 1, got 0"),
        (([0.0, 1.0], 1.5), {}, TypeError, "depth"),
        (([0.0, 1.0], 1), {"mixer": "rx"}, TypeError, "mixer must be a callable"),
        (([0.0, 1.0], 1), {"initial_state": Circuit(1)}, TypeError, "initial_state must be a callable"),
    ],
)
def test_bad_input_is_named(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        qaoa(*args, **kwargs)


@pytest.mark.parametrize("entanglement", ["linear", "circular", "full"])
@pytest.mark.parametrize("rotations", ["ry", "ry+rz"])
@pytest.mark.parametrize("n", [2, 4])
def test_efficient_su2_is_qiskits_ansatz(n, rotations, entanglement):
    library = pytest.importorskip("qiskit.circuit.library")
    Statevector = pytest.importorskip("qiskit.quantum_info").Statevector
    expected = library.efficient_su2(n, su2_gates=rotations.split("+"), entanglement=entanglement, reps=2)
    circuit = efficient_su2(n, 2, rotations=rotations, entanglement=entanglement)
    assert circuit.num_parameters == expected.num_parameters == len(rotations.split("+")) * n * 3
    theta = np.random.default_rng(n).uniform(-np.pi, np.pi, circuit.num_parameters)
    ours = qsim.compile(circuit).run(theta)
    assert abs(np.vdot(Statevector(expected.assign_parameters(theta)).data, ours)) == pytest.approx(1.0, abs=1e-12)


def test_efficient_su2_layout_and_errors():
    c = efficient_su2(3, 1, rotations="ry", entanglement="circular")
    assert [(i.name, i.qubits) for i in c if i.name == "cx"] == [("cx", (2, 0)), ("cx", (0, 1)), ("cx", (1, 2))]
    assert entangling_pairs(3, "full") == [(0, 1), (0, 2), (1, 2)]
    with pytest.raises(ValueError, match="unknown entanglement 'ring'; valid: linear, circular, full"):
        efficient_su2(3, 1, entanglement="ring")
    with pytest.raises(ValueError, match="unknown rotations 'rx'"):
        efficient_su2(3, 1, rotations="rx")


def test_decomposed_qaoa_is_the_diagonal_qaoa_up_to_a_phase():
    rng = np.random.default_rng(5)
    h = rng.normal(size=4)
    J = np.triu(rng.normal(size=(4, 4)), 1)
    J[0, 3] = 0.0
    theta = rng.uniform(-1, 1, 4)
    gates = qaoa((h, J, 0.7), 2, decompose=True)
    assert gates.count_ops() == {"rx": 8, "rzz": 10, "rz": 8, "h": 4}
    a = qsim.compile(qaoa((h, J, 0.7), 2)).run(theta)
    b = reference.statevector(gates, theta)
    assert abs(np.vdot(a, b)) == pytest.approx(1.0, abs=1e-12)
    with pytest.raises(ValueError, match="decompose=True needs the Ising form"):
        qaoa(np.zeros(4), 1, decompose=True)


def _z_string(qubits, n):
    """The diagonal of Z_{q0} Z_{q1} ... on n qubits (bit q of the index = qubit q)."""
    index = np.arange(1 << n)
    return np.prod([1 - 2 * ((index >> q) & 1) for q in qubits], axis=0).astype(float)


def test_ma_qaoa_has_an_angle_per_term_and_per_qubit():
    h, J, offset = _ising(3, 4)
    J[0, 2] = 0.0
    terms = ising_terms(h, J)
    assert [q for _, q in terms] == [(0,), (1,), (2,), (0, 1), (1, 2)]
    rng = np.random.default_rng(0)
    gammas, betas = rng.normal(size=(2, 5)), rng.normal(size=(2, 3))
    psi = np.full(8, 8 ** -0.5, dtype=complex)
    for g, b in zip(gammas, betas):  # prod_t exp(-i g_t c_t Z..Z / 2), then RX(2 b_q) on qubit q, densely
        psi = np.exp(-0.5j * sum(gt * c * _z_string(q, 3) for gt, (c, q) in zip(g, terms))) * psi
        psi = np.kron(np.kron(RX(2 * b[2]), RX(2 * b[1])), RX(2 * b[0])) @ psi
    circuit = ma_qaoa((h, J, offset), 2)
    assert circuit.num_parameters == 2 * (5 + 3) and circuit.count_ops() == {"h": 3, "rz": 6, "rzz": 4, "rx": 6}
    np.testing.assert_allclose(reference.statevector(circuit, np.concatenate([gammas.ravel(), betas.ravel()])), psi,
                               atol=1e-12)
    # shared angles: the QAOA state
    shared = np.concatenate([np.repeat([0.3, -0.5], 5), np.repeat([0.8, 0.1], 3)])
    expected = _qaoa_state(DiagonalObservable.from_ising(h, J, offset).values, [0.3, -0.5], [0.8, 0.1])
    np.testing.assert_allclose(np.abs(np.vdot(expected, reference.statevector(circuit, shared))), 1.0, atol=1e-12)


def test_ma_qaoa_needs_the_ising_form():
    with pytest.raises(ValueError, match="ma_qaoa needs the Ising form"):
        ma_qaoa(np.zeros(4), 1)


def _expm_pauli(angle, pauli):
    """exp(-i angle P) of a Pauli matrix P (P^2 = I)."""
    return np.cos(angle) * np.eye(2) - 1j * np.sin(angle) * pauli


def test_warm_start_qaoa_state_by_dense_algebra():
    h, J, offset = _ising(3, 5)
    values = DiagonalObservable.from_ising(h, J, offset).values
    thetas = np.array([0.3, 1.9, 2.7])
    X, Z = np.array([[0, 1], [1, 0]]), np.diag([1.0, -1.0])
    ry0 = [np.array([np.cos(t / 2), np.sin(t / 2)]) for t in thetas]  # RY(t)|0>
    psi = np.kron(np.kron(ry0[2], ry0[1]), ry0[0]).astype(complex)
    gammas, betas = [0.6, -0.4], [0.9, 0.35]
    for g, b in zip(gammas, betas):
        psi = np.exp(-0.5j * g * values) * psi
        ops = [_expm_pauli(b, np.sin(t) * X + np.cos(t) * Z) for t in thetas]  # exp(-i beta n.sigma)
        psi = np.kron(np.kron(ops[2], ops[1]), ops[0]) @ psi
    for decompose in (False, True):
        circuit = warm_start_qaoa((h, J, offset), 2, thetas, decompose=decompose)
        state = reference.statevector(circuit, gammas + betas)
        np.testing.assert_allclose(np.abs(np.vdot(psi, state)), 1.0, atol=1e-12)
    # the initial state is the mixer's eigenstate: with gamma = 0 it stays put
    still = reference.statevector(warm_start_qaoa((h, J, offset), 1, thetas), [0.0, 0.8])
    np.testing.assert_allclose(np.abs(np.vdot(np.kron(np.kron(ry0[2], ry0[1]), ry0[0]), still)), 1.0, atol=1e-12)


def test_warm_start_at_one_half_is_qaoa():
    h, J, offset = _ising(4, 6)
    theta = [0.3, -0.8, 0.4, 0.9]
    ws = reference.statevector(warm_start_qaoa((h, J, offset), 2, np.full(4, np.pi / 2)), theta)
    plain = reference.statevector(qaoa((h, J, offset), 2), theta)
    np.testing.assert_allclose(np.abs(np.vdot(plain, ws)), 1.0, atol=1e-12)
    with pytest.raises(ValueError, match="2 thetas for a cost on 4 qubits"):
        warm_start_qaoa((h, J, offset), 1, [0.1, 0.2])
    with pytest.raises(ValueError, match="thetas"):
        warm_start_qaoa((h, J, offset), 1, [0.1, np.nan, 0.2, 0.3])


def _weights(n):
    return np.array([bin(i).count("1") for i in range(1 << n)])


@pytest.mark.parametrize("m", [1, 2, 3, 5])
def test_w_state_on_a_block_of_a_larger_circuit(m):
    qubits = [5, 0, 3, 1, 4][:m]
    psi = reference.statevector(w_state(Circuit(6), qubits))
    expected = np.zeros(64)
    expected[[1 << q for q in qubits]] = m ** -0.5
    np.testing.assert_allclose(psi, expected, atol=1e-12)


def test_xy_mixer_is_the_hopping_exponential_and_keeps_the_weight():
    X, Y = np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]])
    beta = 0.63
    H = (np.kron(X, X) + np.kron(Y, Y)) / 2
    w, v = np.linalg.eigh(H)
    expected = v @ np.diag(np.exp(-1j * beta * w)) @ v.conj().T
    np.testing.assert_allclose(reference.unitary(xy_mixer(Circuit(2), [0, 1], beta)), expected, atol=1e-12)
    weights = _weights(5)
    for topology in ("ring", "complete"):
        u = reference.unitary(xy_mixer(Circuit(5), [0, 1, 2, 3, 4], beta, topology))
        assert np.abs(u[weights[:, None] != weights[None, :]]).max() < 1e-12
    assert xy_pairs([0, 1, 2, 3], "ring") == [(0, 1), (1, 2), (2, 3), (3, 0)] and len(xy_pairs(range(4), "complete")) == 6
    assert xy_pairs([4, 7], "ring") == [(4, 7)]


def test_w_state_is_the_top_eigenstate_of_the_complete_xy_hamiltonian():
    m = 4  # H = sum_{a<b} (X_a X_b + Y_a Y_b) / 2: H W = (m - 1) W, the largest on one-hot states (as |+> for sum X)
    X, Y = np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]])

    def on(op, q):
        out = np.ones((1, 1))
        for k in reversed(range(m)):
            out = np.kron(out, op if k == q else np.eye(2))
        return out

    H = sum(on(P, a) @ on(P, b) for a, b in xy_pairs(range(m), "complete") for P in (X, Y)) / 2
    psi = reference.statevector(w_state(Circuit(m), range(m)))
    np.testing.assert_allclose(H @ psi, (m - 1) * psi, atol=1e-12)
    one_hot = [1 << q for q in range(m)]
    assert np.linalg.eigvalsh(H[np.ix_(one_hot, one_hot)]).max() == pytest.approx(m - 1)  # top within one-hot


def test_xy_qaoa_keeps_one_one_per_block():
    h, J, offset = _ising(6, 7)
    blocks = [[0, 2, 4], [1, 3]]
    circuit = xy_qaoa((h, J, offset), 2, blocks)
    psi = reference.statevector(circuit, [0.4, -0.9, 1.3, 0.6])
    index = np.arange(64)
    inside = np.ones(64, dtype=bool)
    for b in blocks:
        inside &= sum((index >> q) & 1 for q in b) == 1
    assert np.abs(psi[~inside]).max() < 1e-12 and abs(np.linalg.norm(psi[inside]) - 1) < 1e-12
    with pytest.raises(ValueError, match="blocks must be disjoint"):
        xy_qaoa((h, J, offset), 1, [[0, 1], [1, 2]])
    with pytest.raises(ValueError, match="unknown XY mixer topology 'star'"):
        xy_qaoa((h, J, offset), 1, blocks, topology="star")
