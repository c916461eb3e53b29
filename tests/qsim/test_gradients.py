"""Gradients (adjoint and parameter shift) against central finite differences, and
finite-shot expectation estimates."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import qsim
from qsim import Circuit, DiagonalObservable, GATES, NoiseModel, Parameter, ParameterVector, PauliSum, noise
from qsim.gradients import shift_rule
from random_circuits import random_circuit, without_general_diagonals


def random_obs(n, rng, terms=6):
    labels = ["".join(rng.choice(list("IXYZ"), size=n)) for _ in range(terms)]
    return PauliSum([(lab, float(c)) for lab, c in zip(labels, rng.normal(size=terms))])


def finite_difference(prog, theta, obs, eps=1e-5):
    return np.array([(prog.expectation(theta + eps * e, obs) - prog.expectation(theta - eps * e, obs)) / (2 * eps)
                     for e in np.eye(len(theta))])


def test_shift_rules():
    s, a = shift_rule((0.5, -0.5))  # Pauli rotation: +-pi/2 with 1/2
    np.testing.assert_allclose(s, [np.pi / 2])
    np.testing.assert_allclose(a, [0.5])
    s, a = shift_rule((0.0, 0.5, -0.5))  # controlled rotation: the four-term rule
    np.testing.assert_allclose(s, [np.pi / 2, 3 * np.pi / 2])
    np.testing.assert_allclose(a, [(np.sqrt(2) + 1) / (4 * np.sqrt(2)), -(np.sqrt(2) - 1) / (4 * np.sqrt(2))])


@pytest.mark.parametrize("name", [n for n, g in GATES.items() if g.num_params])
@pytest.mark.parametrize("method", ["adjoint", "parameter_shift"])
def test_every_parametric_gate_shared_parameter(name, method):
    gate = GATES[name]
    a, b = Parameter("a"), Parameter("b")
    c = Circuit(3)
    for q in range(3):
        c.u(0.3 + q, 0.5, 0.7 * q, q)
    angles = [1.3 * a + 0.2, -0.7 * b, 2 * a][: gate.num_params]
    c.append(name, [0, 1, 2][: gate.num_qubits], angles)
    c.cx(0, 2).rx(0.5 * a - 1, 1).ry(b, 2)  # a and b occur several times
    obs = PauliSum([("XYZ", 1.0), ("ZIX", 0.5), ("YYI", 0.3)])
    prog = qsim.compile(c)
    theta = np.array([0.3, -0.8])[: c.num_parameters]
    value, grad = prog.value_and_gradient(theta, obs, method=method)
    assert value == pytest.approx(prog.expectation(theta, obs), abs=1e-12)
    np.testing.assert_allclose(grad, finite_difference(prog, theta, obs), atol=1e-6)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(n=st.integers(1, 6), depth=st.integers(1, 40), seed=st.integers(0, 2**32 - 1))
def test_random_circuits_both_methods(n, depth, seed):
    rng = np.random.default_rng(seed)
    c, theta = random_circuit(n, depth, rng)
    obs = random_obs(n, rng)
    prog = qsim.compile(c)
    fd = finite_difference(prog, theta, obs)
    np.testing.assert_allclose(prog.gradient(theta, obs, method="adjoint"), fd, atol=1e-6)
    np.testing.assert_allclose(prog.gradient(theta, obs, method="parameter_shift"), fd, atol=1e-6)


def test_adjoint_with_diagonal_observable_and_single_precision():
    rng = np.random.default_rng(2)
    c, theta = random_circuit(5, 40, rng)
    obs = DiagonalObservable(rng.normal(size=32))
    fd = finite_difference(qsim.compile(c), theta, obs)
    np.testing.assert_allclose(qsim.compile(c).gradient(theta, obs), fd, atol=1e-6)
    np.testing.assert_allclose(qsim.compile(c, precision="single").gradient(theta, obs), fd, atol=1e-3)


@pytest.mark.parametrize("method", ["density_matrix", "ptm"])
def test_noisy_parameter_shift(method):
    t = ParameterVector("t", 4)
    c = Circuit(3).ry(t[0], 0).cx(0, 1).crx(t[1], 1, 2).rzz(2 * t[2] + 0.1, 0, 2).u(t[3], t[0], -t[1], 1).rx(t[2], 0)
    nm = NoiseModel().add(noise.depolarizing(0.02), gates=["ry", "rx", "u"]).add(noise.depolarizing(0.05, 2), gates=["cx", "rzz", "crx"])
    nm.add(noise.thermal_relaxation(60.0, 40.0, 3.0), gates=["cx"]).add(noise.amplitude_damping(0.03), gates=["rx"])
    obs = PauliSum([("ZZI", 1.0), ("XIX", 0.5), ("IYY", -0.25)])
    prog = qsim.compile(c, method=method, noise_model=nm)
    theta = np.array([0.4, -1.1, 0.7, 2.0])
    fd = finite_difference(prog, theta, obs)
    np.testing.assert_allclose(prog.gradient(theta, obs, method="parameter_shift"), fd, atol=1e-6)
    if method == "ptm":  # adjoint through the noisy PTM, replayed from checkpoints
        value, grad = prog.value_and_gradient(theta, obs, method="adjoint")
        assert value == pytest.approx(prog.expectation(theta, obs), abs=1e-12)
        np.testing.assert_allclose(grad, fd, atol=1e-6)
        diag = DiagonalObservable(np.arange(8.0) - 3)
        np.testing.assert_allclose(prog.gradient(theta, diag), finite_difference(prog, theta, diag), atol=1e-6)
    else:
        with pytest.raises(ValueError, match="statevector or ptm"):
            prog.gradient(theta, obs, method="adjoint")


@settings(max_examples=15, deadline=None, derandomize=True)
@given(n=st.integers(1, 4), depth=st.integers(1, 30), seed=st.integers(0, 2**32 - 1))
def test_ptm_adjoint_on_random_noisy_circuits(n, depth, seed):
    rng = np.random.default_rng(seed)
    c, theta = random_circuit(n, depth, rng)
    c = without_general_diagonals(c, rng)
    nm = NoiseModel().add(noise.depolarizing(0.03), gates=["rx", "ry", "rz", "u", "h"]).add(noise.amplitude_damping(0.05), gates=["cx", "crx", "rzz"])
    obs = random_obs(n, rng)
    prog = qsim.compile(c, method="ptm", noise_model=nm)
    np.testing.assert_allclose(prog.gradient(theta, obs), finite_difference(prog, theta, obs), atol=1e-6)


def test_gradient_errors():
    prog = qsim.compile(Circuit(1).rx(Parameter("a"), 0))
    obs = PauliSum([("Z", 1.0)])
    with pytest.raises(ValueError, match="gradient method"):
        prog.gradient([0.1], obs, method="finite")
    with pytest.raises(TypeError, match="one observable"):
        prog.gradient([0.1], [obs, obs])
    with pytest.raises(ValueError, match="finite"):
        prog.gradient([np.nan], obs)


@pytest.mark.parametrize("method", ["statevector", "density_matrix"])
def test_shot_estimates_are_unbiased_and_reproducible(method):
    from qsim.library import hardware_efficient, transverse_field_ising

    c = hardware_efficient(4, 2)
    h = transverse_field_ising(4) + PauliSum([("XYZX", 0.3), ("IIII", 0.5)])
    prog = qsim.compile(c, method=method)
    theta = np.random.default_rng(0).uniform(-1, 1, c.num_parameters)
    exact = prog.expectation(theta, h)
    shots = 4000
    estimates = np.array([prog.expectation(theta, h, shots=shots, seed=s) for s in range(40)])
    # each term's estimate has variance <= c^2 / shots; the mean of 40 runs is within 5 sigma
    sigma = np.sqrt(sum(c * c for _, c in h.to_list()) / shots / 40)
    assert abs(estimates.mean() - exact) < 5 * sigma
    assert estimates.std() > 0
    assert prog.expectation(theta, h, shots=shots, seed=7) == prog.expectation(theta, h, shots=shots, seed=7)
    diag = DiagonalObservable(np.arange(16.0))
    assert abs(np.mean([prog.expectation(theta, diag, shots=shots, seed=s) for s in range(20)])
               - prog.expectation(theta, diag)) < 5 * 15 / np.sqrt(shots * 20)
    with pytest.raises(ValueError, match="shots"):
        prog.expectation(theta, h, shots=0)


def test_qubitwise_groups_cover_every_term_once():
    from qsim.shots import qubitwise_groups

    obs = PauliSum([("XXI", 1.0), ("XIZ", 2.0), ("ZZI", 3.0), ("IYY", 4.0), ("III", 5.0)])
    groups = qubitwise_groups(obs)
    coeffs = sorted(c for _, terms in groups for _, _, c in terms)
    assert coeffs == [1.0, 2.0, 3.0, 4.0]
    for basis, terms in groups:
        for x, z, _ in terms:
            for q in range(3):
                if ((x | z) >> q) & 1:
                    op = "Y" if (x >> q) & (z >> q) & 1 else "X" if (x >> q) & 1 else "Z"
                    assert basis[q] == op
