"""SparsePauliOp <-> PauliSum: the same matrix on both sides (same label order)."""

import numpy as np
import pytest

pytest.importorskip("qiskit", reason="qiskit not installed (the [interop] extra)")

from qiskit.circuit import Parameter as QiskitParameter  # noqa: E402
from qiskit.quantum_info import SparsePauliOp  # noqa: E402

from qsim import PauliSum  # noqa: E402
from qsim.interop import pauli_sum_from_qiskit, pauli_sum_to_qiskit  # noqa: E402


def random_op(n, terms, seed):
    rng = np.random.default_rng(seed)
    labels = ["".join(rng.choice(list("IXYZ"), n)) for _ in range(terms)]
    return SparsePauliOp(labels, rng.normal(size=terms))


@pytest.mark.parametrize("n", [1, 3, 5])
def test_from_qiskit_has_the_same_matrix(n):
    op = random_op(n, 7, n)
    obs = pauli_sum_from_qiskit(op)
    assert obs.num_qubits == n
    np.testing.assert_allclose(obs.to_matrix(), op.to_matrix(), atol=1e-12)


def test_to_qiskit_has_the_same_matrix_and_round_trips():
    obs = PauliSum([("X0 Z3", 0.5), ("Y1 Y2", -1.25), ("", 0.3)], num_qubits=4)
    op = pauli_sum_to_qiskit(obs)
    assert op.num_qubits == 4
    np.testing.assert_allclose(op.to_matrix(), obs.to_matrix(), atol=1e-12)
    np.testing.assert_allclose(pauli_sum_from_qiskit(op).to_matrix(), obs.to_matrix(), atol=1e-12)
    assert dict(op.to_list()) == {"ZIIX": 0.5, "IYYI": -1.25, "IIII": 0.3}
    empty = pauli_sum_to_qiskit(PauliSum([], num_qubits=2))
    np.testing.assert_allclose(empty.to_matrix(), np.zeros((4, 4)))


def test_bad_operators_are_refused():
    with pytest.raises(ValueError, match="must be real"):
        pauli_sum_from_qiskit(SparsePauliOp(["XY"], [1j]))
    with pytest.raises(TypeError, match="parametrised coefficients"):
        pauli_sum_from_qiskit(SparsePauliOp(["Z"], np.array([QiskitParameter("a")], dtype=object)))
    with pytest.raises(TypeError, match="SparsePauliOp"):
        pauli_sum_from_qiskit("ZZ")
    with pytest.raises(TypeError, match="PauliSum"):
        pauli_sum_to_qiskit(SparsePauliOp(["Z"]))
