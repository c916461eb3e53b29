"""PauliSum and DiagonalObservable: parsing, algebra, dense forms, errors."""

import warnings

import numpy as np
import pytest

from qsim import DiagonalObservable, PauliSum, reference
from qsim.observables import walsh_terms


def test_dense_sparse_and_dict_forms_agree():
    dense = PauliSum([("XZIY", 0.5), ("IIZI", -1.0)])
    sparse = PauliSum([("Y0 Z2 X3", 0.5), ("Z1", -1.0)], num_qubits=4)
    as_dict = PauliSum({"XZIY": 0.5, "IIZI": -1.0})
    assert dense.to_list() == sparse.to_list() == as_dict.to_list()
    assert dense.num_qubits == 4


def test_rightmost_character_is_qubit_0():
    x, z, _ = PauliSum([("IIX", 1.0)]).masks()
    assert (int(x[0]), int(z[0])) == (1, 0)
    x, z, _ = PauliSum([("YII", 1.0)]).masks()
    assert (int(x[0]), int(z[0])) == (4, 4)


def test_to_matrix_equals_kronecker_products():
    rng = np.random.default_rng(0)
    labels = ["".join(rng.choice(list("IXYZ"), size=4)) for _ in range(12)]
    obs = PauliSum([(lab, float(c)) for lab, c in zip(labels, rng.normal(size=12))])
    np.testing.assert_allclose(obs.to_matrix(), reference.observable_matrix(obs, 4), atol=1e-14)
    m = obs.to_matrix()
    np.testing.assert_allclose(m, m.conj().T, atol=1e-14)


def test_algebra_and_simplify():
    a = PauliSum([("ZZ", 1.0), ("XI", 2.0)])
    b = PauliSum([("ZZ", -1.0), ("IY", 0.5)])
    s = (a + b).simplify()
    assert sorted(s.to_list()) == [("IY", 0.5), ("XI", 2.0)]
    np.testing.assert_allclose((2 * a - b).to_matrix(), 2 * a.to_matrix() - b.to_matrix(), atol=1e-14)
    assert sum([a, b]).to_list() == (a + b).to_list()
    assert len((a * 0.0).simplify()) == 0
    assert (a + a).simplify().to_list() == [("ZZ", 2.0), ("XI", 4.0)]


def test_diagonal_of_z_only_sum():
    obs = PauliSum([("ZI", 2.0), ("ZZ", 1.0), ("II", 0.5)])
    np.testing.assert_allclose(obs.diagonal(), np.real(np.diag(obs.to_matrix())))
    np.testing.assert_allclose(DiagonalObservable.from_pauli_sum(obs).values, obs.diagonal())
    with pytest.raises(ValueError, match="Z-only"):
        PauliSum([("XI", 1.0)]).diagonal()


@pytest.mark.parametrize(
    "terms, kwargs, error, message",
    [
        ([("XQ", 1.0)], {}, ValueError, "I, X, Y, Z"),
        ([("XZ", 1.0), ("XZZ", 1.0)], {}, ValueError, "different lengths"),
        ([("XZ", 1.0)], {"num_qubits": 3}, ValueError, "expected 3"),
        ([("X0 X0", 1.0)], {}, ValueError, "twice"),
        ([("X5", 1.0)], {"num_qubits": 3}, ValueError, "out of range"),
        ([("X0 Q1", 1.0)], {}, ValueError, "not like"),
        ([("XZ", 1j)], {}, ValueError, "real"),
        ([("XZ", np.nan)], {}, ValueError, "finite"),
        ([("XZ", "a")], {}, TypeError, "number"),
        (["XZ"], {}, TypeError, "pair"),
        ([(3, 1.0)], {}, TypeError, "string"),
        ([("XZ", 1.0)], {"num_qubits": 0}, ValueError, "num_qubits"),
    ],
)
def test_bad_pauli_sums(terms, kwargs, error, message):
    with pytest.raises(error, match=message):
        PauliSum(terms, **kwargs)


def test_complex_coefficient_with_zero_imaginary_part_is_accepted():
    assert PauliSum([("Z", 1 + 0j)]).to_list() == [("Z", 1.0)]


@pytest.mark.parametrize(
    "values, error, message",
    [(np.zeros(3), ValueError, "2\\^n"), ([1.0, np.inf], ValueError, "finite"), (["a", "b"], TypeError, "real")],
)
def test_bad_diagonal_observables(values, error, message):
    with pytest.raises(error, match=message):
        DiagonalObservable(values)


def test_complex_or_string_diagonals_refused_without_a_numpy_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy's ComplexWarning would turn into an error here
        with pytest.raises(ValueError, match="diagonal values must be real, but entry 1 is 1j"):
            DiagonalObservable([0, 1j, 2, 3])
        with pytest.raises(ValueError, match="entry 2 is 0.5j"):
            DiagonalObservable(np.array([0, 1, 0.5j, 3]))
        with pytest.raises(TypeError, match=r"diagonal values must be real numbers, got \['0', '1'\]"):
            DiagonalObservable(["0", "1"])
        np.testing.assert_array_equal(DiagonalObservable(np.array([1 + 0j, 2])).values, [1.0, 2.0])
        with pytest.raises(TypeError, match="h must be real numbers"):
            DiagonalObservable.from_ising(["1", "2"], np.zeros((2, 2)))


def test_walsh_terms_are_the_z_expansion_above_the_tolerance():
    z = lambda q, i: 1 - 2 * ((i >> q) & 1)  # noqa: E731
    values = np.array([0.5 + 2.0 * z(0, i) - 0.25 * z(0, i) * z(2, i) + 1e-9 * z(1, i) for i in range(8)])
    assert [(bits, round(w, 12)) for bits, w in walsh_terms(values, 0.0)] == [((0,), 2.0), ((1,), 1e-9), ((0, 2), -0.25)]
    assert [bits for bits, _ in walsh_terms(values, 1e-6)] == [(0,), (0, 2)]
