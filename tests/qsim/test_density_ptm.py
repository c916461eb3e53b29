"""Density-matrix and PTM methods against the reference (noiseless; noise has its own tests)."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import qsim
from qsim import Circuit, DiagonalObservable, Parameter, PauliSum, compile, reference
from random_circuits import ising_values, random_circuit, without_general_diagonals


def random_obs(n, rng, terms=8):
    labels = ["".join(rng.choice(list("IXYZ"), size=n)) for _ in range(terms)]
    return PauliSum([(lab, float(c)) for lab, c in zip(labels, rng.normal(size=terms))])


@settings(max_examples=30, deadline=None, derandomize=True)
@given(n=st.integers(1, 5), depth=st.integers(1, 30), seed=st.integers(0, 2**32 - 1), fusion=st.sampled_from([0, 2, 4]))
def test_methods_agree_with_reference_and_each_other(n, depth, seed, fusion):
    rng = np.random.default_rng(seed)
    c, theta = random_circuit(n, depth, rng)
    c = without_general_diagonals(c, rng)
    rho = reference.density_matrix(c, theta)
    obs = random_obs(n, rng)
    expected = reference.expectation(rho, obs, n)
    dm = compile(c, method="density_matrix", fusion=fusion)
    ptm = compile(c, method="ptm", fusion=fusion)
    sv = compile(c, method="statevector")
    np.testing.assert_allclose(dm.run(theta), rho, atol=1e-10)
    for prog in (dm, ptm, sv):
        assert abs(prog.expectation(theta, obs) - expected) < 1e-10
        np.testing.assert_allclose(prog.probabilities(theta), np.real(np.diag(rho)), atol=1e-10)
    coeffs = ptm.run(theta)
    assert abs(coeffs[0] - 1.0) < 1e-12  # c_I = Tr(rho) = 1


def test_density_matrix_is_a_hermitian_unit_trace_view():
    c = Circuit(3).h(0).cx(0, 1).ry(0.4, 2)
    rho = compile(c, method="density_matrix").run()
    assert rho.shape == (8, 8)
    np.testing.assert_allclose(rho, rho.conj().T, atol=1e-15)
    assert abs(np.trace(rho) - 1) < 1e-15
    assert rho[3, 3].real == pytest.approx(0.5 * np.cos(0.2) ** 2)


def test_ptm_coefficients_are_pauli_expectations():
    c = Circuit(2).h(0).cx(0, 1)  # Bell state: <XX> = <ZZ> = 1, <YY> = -1
    coeffs = compile(c, method="ptm").run()
    index = {"II": 0, "XX": 1 + 4, "YY": 2 + 8, "ZZ": 3 + 12, "ZI": 12}
    assert coeffs[index["XX"]] == pytest.approx(1) and coeffs[index["ZZ"]] == pytest.approx(1)
    assert coeffs[index["YY"]] == pytest.approx(-1) and coeffs[index["ZI"]] == pytest.approx(0)


def test_qaoa_cost_layer_in_every_method():
    n = 4
    rng = np.random.default_rng(4)
    cost = DiagonalObservable(ising_values(n, rng))
    g, b = Parameter("g"), Parameter("b")
    c = Circuit(n)
    for q in range(n):
        c.h(q)
    c.diagonal_evolution(cost, g)
    for q in range(n):
        c.rx(2 * b, q)
    theta = [0.4, 0.3]
    expected = reference.expectation(reference.statevector(c, theta), cost, n)
    for method in ("statevector", "density_matrix", "ptm"):
        assert abs(compile(c, method=method).expectation(theta, cost) - expected) < 1e-10


def test_batches_and_sampling_in_the_noisy_methods():
    rng = np.random.default_rng(8)
    c, theta = random_circuit(3, 20, rng)
    c = without_general_diagonals(c, rng)
    obs = random_obs(3, rng)
    thetas = rng.uniform(-2, 2, size=(6, c.num_parameters))
    for method in ("density_matrix", "ptm"):
        prog = compile(c, method=method)
        loop = [prog.expectation(t, obs) for t in thetas]
        np.testing.assert_allclose(prog.expectation_batch(thetas, obs), loop, atol=1e-12)
        s = prog.sample(theta, shots=2000, seed=5)
        assert np.array_equal(s.indices, prog.sample(theta, shots=2000, seed=5).indices)
        p = prog.probabilities(theta)
        assert set(np.unique(s.indices).tolist()) <= set(np.flatnonzero(p > 1e-12).tolist())


@pytest.mark.parametrize("precision", ["double", "single"])
def test_single_precision_noisy_methods(precision, isa):
    rng = np.random.default_rng(12)
    c, theta = random_circuit(4, 25, rng)
    c = without_general_diagonals(c, rng)
    obs = random_obs(4, rng)
    expected = reference.expectation(reference.density_matrix(c, theta), obs, 4)
    tol = 1e-10 if precision == "double" else 1e-4
    for method in ("density_matrix", "ptm"):
        assert abs(compile(c, method=method, precision=precision).expectation(theta, obs) - expected) < tol


def test_ptm_refuses_many_body_diagonals_and_wide_unitaries():
    c = Circuit(3).diagonal_evolution(np.arange(8.0) ** 3, 0.3)  # x^3 has three-body terms
    with pytest.raises(ValueError, match="two-body"):
        compile(c, method="ptm")
    u = np.linalg.qr(np.random.default_rng(0).normal(size=(16, 16)))[0]
    with pytest.raises(ValueError, match="too wide"):
        compile(Circuit(4).unitary(u, [0, 1, 2, 3]), method="density_matrix")
    with pytest.raises(ValueError, match="at most 20 qubits"):
        compile(Circuit(21).h(0), method="ptm")


def test_clifford_blocks_take_the_monomial_path_and_agree():
    """CX and H with Pauli noise have monomial PTMs (a signed, scaled permutation); the fast
    path must give the dense path's numbers."""
    from qsim import NoiseModel, noise

    c = Circuit(4).h(0).cx(0, 1).cx(1, 2).s(3).cz(2, 3).ry(0.3, 1).swap(0, 3)
    nm = NoiseModel().add(noise.depolarizing(0.02, 2), gates=["cx", "cz", "swap"]).add(noise.depolarizing(0.01), gates=["h", "s"])
    obs = PauliSum([("ZZZZ", 1.0), ("XIXI", 0.5), ("IYYI", 0.25)])
    ref = reference.compile(c, method="density_matrix", noise_model=nm)
    for fusion in (0, 2, 4):
        prog = compile(c, method="ptm", noise_model=nm, fusion=fusion)
        assert abs(prog.expectation(None, obs) - ref.expectation(None, obs)) < 1e-12
        np.testing.assert_allclose(prog.probabilities(), ref.probabilities(), atol=1e-12)


@pytest.mark.parametrize("fusion", [0, 4])
@pytest.mark.parametrize("precision", ["double", "single"])
@pytest.mark.parametrize("qubits", [(0,), (1,), (2,), (4,), (0, 1), (1, 0), (2, 0), (1, 2), (3, 4), (4, 2)])
def test_real_block_kernels_on_every_lane_layout(qubits, precision, fusion, isa):
    """A dense PTM block (a random unitary and amplitude damping, fused) on the qubits that
    select each layout of the real kernels: qubit 0 among the targets (its four Pauli
    coefficients in one register), targets just above the register lanes, or far above
    them (whole cache lines per target), in both precisions."""
    from qsim import NoiseModel, noise

    n, rng = 5, np.random.default_rng(len(qubits) * 10 + qubits[0])
    u = np.linalg.qr(rng.normal(size=(4, 4)) + 1j * rng.normal(size=(4, 4)))[0][: 1 << len(qubits), : 1 << len(qubits)]
    u = np.linalg.qr(u)[0]
    c = Circuit(n)
    for q in range(n):
        c.ry(0.3 + 0.2 * q, q).rx(0.1 * q, q)
    c.unitary(u, qubits)
    nm = NoiseModel().add(noise.amplitude_damping(0.2), gates=["unitary"])
    obs = random_obs(n, rng, terms=20)
    expected = reference.compile(c, method="density_matrix", noise_model=nm).expectation(None, obs)
    prog = compile(c, method="ptm", noise_model=nm, precision=precision, fusion=fusion)
    tol = 1e-12 if precision == "double" else 1e-5
    assert abs(prog.expectation(None, obs) - expected) < tol * 10
    fast = prog.run()
    qsim.set_simd("scalar")
    np.testing.assert_allclose(fast, prog.run(), atol=tol)


@pytest.mark.parametrize("precision", ["double", "single"])
@pytest.mark.parametrize("pair", [(0, 1), (1, 2), (2, 3), (3, 4), (4, 1)])
def test_sparse_ptm_kernels_on_every_lane_layout(pair, precision, isa):
    """Clifford gates with Pauli noise (at most two nonzeros per PTM row) on qubit pairs that
    select each register layout of the sparse real kernel, against the scalar kernel and
    the reference."""
    from qsim import NoiseModel, noise

    n = 5
    c = Circuit(n)
    for q in range(n):
        c.ry(0.3 + 0.2 * q, q).rx(0.1 * q, q)
    c.cx(*pair).cz(pair[1], pair[0]).swap(*pair).h(pair[0])
    nm = NoiseModel().add(noise.depolarizing(0.05, 2), gates=["cx", "cz", "swap"]).add(noise.depolarizing(0.02), gates=["h"])
    obs = random_obs(n, np.random.default_rng(1), terms=20)
    expected = reference.compile(c, method="density_matrix", noise_model=nm).expectation(None, obs)
    prog = compile(c, method="ptm", noise_model=nm, precision=precision, fusion=0)
    tol = 1e-12 if precision == "double" else 1e-5
    assert abs(prog.expectation(None, obs) - expected) < tol * 10
    fast = prog.run()
    qsim.set_simd("scalar")
    np.testing.assert_allclose(fast, prog.run(), atol=tol)
