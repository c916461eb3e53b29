"""Gate counts of the CX decomposition."""

import numpy as np
import pytest

from optim.gate_counts import gate_counts, z_terms
from qsim import Circuit, DiagonalObservable, reference
from qsim.library import efficient_su2, qaoa


def test_z_terms_of_an_ising_diagonal_and_a_three_body_term():
    h, J = np.array([1.0, 0.0, -2.0]), np.array([[0, 0.5, 0], [0, 0, 0], [0, 0, 0]])
    assert z_terms(DiagonalObservable.from_ising(h, J, 4.0).values) == [(0,), (0, 1), (2,)]
    z = 1 - 2 * ((np.arange(8)[:, None] >> np.arange(3)) & 1)
    assert z_terms(z.prod(axis=1).astype(float)) == [(0, 1, 2)]


def test_diagonal_evolution_counts_as_its_gates():
    rng = np.random.default_rng(0)
    h, J = rng.normal(size=5), np.triu(rng.normal(size=(5, 5)), 1)
    J[1, 3] = 0.0
    diagonal, gates = qaoa((h, J, 0.0), 2), qaoa((h, J, 0.0), 2, decompose=True)
    assert gate_counts(diagonal) == gate_counts(gates)
    assert gate_counts(gates).two_qubit == 2 * 2 * 9 and gate_counts(gates).one_qubit == 2 * (5 + 9 + 5) + 5
    z = 1 - 2 * ((np.arange(8)[:, None] >> np.arange(3)) & 1)
    three_body = Circuit(3).diagonal_evolution(z.prod(axis=1).astype(float), 0.3)  # exp(-i 0.3 Z0 Z1 Z2)
    assert gate_counts(three_body) == (5, 1, 4)  # CX ladder, RZ, CX ladder


def test_efficient_su2_counts_and_unknown_gates():
    circuit = efficient_su2(4, 2, entanglement="full")  # one-qubit gates and CX already
    assert gate_counts(circuit) == (circuit.depth(), 24, 12)
    assert gate_counts(Circuit(2).cz(0, 1).swap(0, 1)) == (3 + 3, 2, 1 + 3)  # H CX H, then 3 CX
    with pytest.raises(ValueError, match="no CX decomposition for 'ccx'"):
        gate_counts(Circuit(3).ccx(0, 1, 2))


def _same_up_to_phase(a, b):
    phase = np.vdot(b.ravel(), a.ravel()) / np.vdot(b.ravel(), b.ravel())
    np.testing.assert_allclose(a, phase * b, atol=1e-12)
    assert abs(abs(phase) - 1) < 1e-12


def test_rxx_ryy_cry_count_as_the_decompositions_they_equal():
    t = 0.7
    rxx = Circuit(2).h(0).h(1).cx(0, 1).rz(t, 1).cx(0, 1).h(0).h(1)
    ryy = Circuit(2).rx(np.pi / 2, 0).rx(np.pi / 2, 1).cx(0, 1).rz(t, 1).cx(0, 1).rx(-np.pi / 2, 0).rx(-np.pi / 2, 1)
    cry = Circuit(2).ry(t / 2, 1).cx(0, 1).ry(-t / 2, 1).cx(0, 1)
    for gate, decomposed in (("rxx", rxx), ("ryy", ryy), ("cry", cry)):
        native = Circuit(2).append(gate, (0, 1), (t,))
        _same_up_to_phase(reference.unitary(native), reference.unitary(decomposed))
        assert gate_counts(native) == gate_counts(decomposed)
