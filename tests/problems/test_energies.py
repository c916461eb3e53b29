"""numba QUBO energies: batch, full 2^n vector, brute-force minimum."""

import numba
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from problem_cases import all_bitstrings, naive_energies

import problems as P
from problems.energies import MAX_QUBITS_FLOAT32, MAX_QUBITS_FLOAT64


def random_qubo(n, seed):
    rng = np.random.default_rng(seed)
    return np.triu(rng.normal(size=(n, n))), float(rng.normal())


@pytest.mark.parametrize("n", [0, 1, 2, 5, 9, 15, 17])
def test_energy_vector_matches_naive(n):
    Q, off = random_qubo(n, n)
    X = all_bitstrings(n)
    expected = naive_energies(Q, off, X)
    np.testing.assert_allclose(P.energy_vector(Q, off), expected, rtol=1e-12, atol=1e-10)
    np.testing.assert_allclose(P.energy_vector(Q, off, dtype=np.float32), expected, rtol=1e-4, atol=1e-3)
    e, idx = P.brute_force_minimum(Q, off)
    assert e == pytest.approx(expected.min(), abs=1e-10) and expected[idx] == pytest.approx(e, abs=1e-10)


@settings(derandomize=True, max_examples=40, deadline=None)
@given(n=st.integers(1, 10), seed=st.integers(0, 10**6), scale=st.sampled_from([1e-3, 1.0, 1e3]))
def test_energy_vector_property(n, seed, scale):
    Q, off = random_qubo(n, seed)
    Q *= scale
    X = all_bitstrings(n)
    np.testing.assert_allclose(P.energy_vector(Q, off), naive_energies(Q, off, X), rtol=1e-11, atol=1e-9 * scale)


def test_batches_bits_and_indices_agree():
    Q, off = random_qubo(20, 1)
    rng = np.random.default_rng(2)
    idx = rng.integers(0, 1 << 20, size=500)
    X = ((idx[:, None] >> np.arange(20)) & 1).astype(np.uint8)
    expected = naive_energies(Q, off, X)
    np.testing.assert_allclose(P.qubo_energies(Q, off, X), expected, rtol=1e-12)
    np.testing.assert_allclose(P.qubo_energies_of_indices(Q, off, idx), expected, rtol=1e-12)
    np.testing.assert_allclose(P.energy_vector(Q, off)[idx], expected, rtol=1e-12)


def test_bit_order_qubit0_least_significant():
    Q = np.diag([1.0, 10.0, 100.0])
    np.testing.assert_array_equal(P.energy_vector(Q, 0.0), [0, 1, 10, 11, 100, 101, 110, 111])
    assert P.index_to_bits(6, 3).tolist() == [0, 1, 1]
    assert P.bits_to_index([0, 1, 1]) == 6


def test_energy_validation():
    with pytest.raises(ValueError, match=f"limit {MAX_QUBITS_FLOAT64}"):
        P.energy_vector(np.zeros((29, 29)))
    with pytest.raises(ValueError, match=f"limit {MAX_QUBITS_FLOAT32}"):
        P.energy_vector(np.zeros((31, 31)), dtype=np.float32)
    with pytest.raises(ValueError, match="dtype"):
        P.energy_vector(np.zeros((2, 2)), dtype=np.int32)
    with pytest.raises(ValueError, match="upper-triangular"):
        P.energy_vector(np.ones((2, 2)))
    with pytest.raises(ValueError, match="shape"):
        P.qubo_energies(np.zeros((3, 3)), 0.0, np.zeros((4, 2)))
    with pytest.raises(ValueError, match="0 and 1"):
        P.qubo_energies(np.zeros((2, 2)), 0.0, np.array([[0, 2]]))
    with pytest.raises(ValueError, match="indices must lie"):
        P.qubo_energies_of_indices(np.zeros((2, 2)), 0.0, np.array([4]))
    with pytest.raises(ValueError, match="finite"):
        P.energy_vector(np.array([[np.inf]]))


def test_results_do_not_depend_on_thread_count():
    Q, off = random_qubo(18, 3)
    before = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        one = P.energy_vector(Q, off), P.brute_force_minimum(Q, off)
        numba.set_num_threads(before)
        many = P.energy_vector(Q, off), P.brute_force_minimum(Q, off)
    finally:
        numba.set_num_threads(before)
    np.testing.assert_array_equal(one[0], many[0])
    assert one[1] == many[1]
