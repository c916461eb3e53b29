"""Gate matrices: unitary, consistent with their generators and textbook definitions."""

import numpy as np
import pytest
from scipy.linalg import expm

from qsim.gates import GATES, H, X, Y, Z, spectral_form

ANGLES = [0.0, 0.3, -1.7, np.pi, 2.5]


def matrix_at(gate, t):
    return gate.matrix(*([t] * gate.num_params))


@pytest.mark.parametrize("name", sorted(GATES))
def test_every_gate_is_unitary(name):
    gate = GATES[name]
    for t in ANGLES:
        m = matrix_at(gate, t)
        assert m.shape == (1 << gate.num_qubits,) * 2
        np.testing.assert_allclose(m @ m.conj().T, np.eye(m.shape[0]), atol=1e-14)


@pytest.mark.parametrize("name", [n for n, g in GATES.items() if g.generator is not None])
def test_one_angle_gates_are_exponentials_of_their_generator(name):
    gate = GATES[name]
    values, projectors = spectral_form(gate)
    for t in ANGLES:
        expected = expm(-1j * t * gate.generator)
        np.testing.assert_allclose(gate.matrix(t), expected, atol=1e-14)
        spectral = sum(np.exp(-1j * t * v) * p for v, p in zip(values, projectors))
        np.testing.assert_allclose(spectral, expected, atol=1e-14)


@pytest.mark.parametrize("name", sorted(GATES))
def test_diagonal_flag_is_true_exactly_for_diagonal_matrices(name):
    gate = GATES[name]
    m = matrix_at(gate, 0.7)
    assert gate.diagonal == bool(np.allclose(m, np.diag(np.diag(m))))


def test_textbook_matrices_and_bit_order():
    c = 1 / np.sqrt(2)
    np.testing.assert_allclose(GATES["h"].matrix(), c * np.array([[1, 1], [1, -1]]))
    np.testing.assert_allclose(GATES["rx"].matrix(np.pi), -1j * X, atol=1e-15)
    np.testing.assert_allclose(GATES["ry"].matrix(np.pi), -1j * Y, atol=1e-15)
    np.testing.assert_allclose(GATES["rz"].matrix(np.pi), -1j * Z, atol=1e-15)
    # cx(control=q0, target=q1): the control is bit 0 of the matrix index
    cx = GATES["cx"].matrix()
    assert cx[3, 1] == 1 and cx[1, 3] == 1 and cx[0, 0] == 1 and cx[2, 2] == 1
    # rzz is diagonal with phases exp(-i t/2 z0 z1)
    t = 0.4
    np.testing.assert_allclose(
        np.diag(GATES["rzz"].matrix(t)), np.exp(-0.5j * t * np.array([1, -1, -1, 1])), atol=1e-15
    )
    # u(theta, phi, lam) = p(phi) ry(theta) p(lam)
    a, b, d = 0.3, -1.1, 2.0
    p = GATES["p"].matrix
    np.testing.assert_allclose(GATES["u"].matrix(a, b, d), p(b) @ GATES["ry"].matrix(a) @ p(d), atol=1e-15)
    np.testing.assert_allclose(GATES["sx"].matrix() @ GATES["sx"].matrix(), X, atol=1e-15)
    np.testing.assert_allclose(GATES["ch"].matrix()[np.ix_([1, 3], [1, 3])], H, atol=1e-15)


@pytest.mark.parametrize("name", sorted(GATES))
def test_inverse_rule(name):
    gate = GATES[name]
    params = tuple(np.linspace(0.2, 1.3, gate.num_params))
    inv = gate.inverse(params)
    if inv is None:
        return  # inverted as an explicit matrix by Circuit.inverse (tested there)
    m = gate.matrix(*params)
    mi = GATES[inv[0]].matrix(*inv[1])
    np.testing.assert_allclose(mi @ m, np.eye(m.shape[0]), atol=1e-14)


@pytest.mark.parametrize("name", sorted(GATES))
def test_matrices_equal_qiskit(name):
    qiskit_lib = pytest.importorskip("qiskit.circuit.library", reason="qiskit not installed")
    from qiskit.quantum_info import Operator

    qiskit_names = {"u": "UGate", "p": "PhaseGate", "cp": "CPhaseGate", "iswap": "iSwapGate", "sxdg": "SXdgGate",
                    "sdg": "SdgGate", "tdg": "TdgGate", "cswap": "CSwapGate", "ccx": "CCXGate", "swap": "SwapGate"}
    cls_name = qiskit_names.get(name, name.upper() + "Gate")
    cls = getattr(qiskit_lib, cls_name)
    gate = GATES[name]
    params = list(np.linspace(0.2, 1.3, gate.num_params))
    np.testing.assert_allclose(Operator(cls(*params)).data, gate.matrix(*params), atol=1e-12)
