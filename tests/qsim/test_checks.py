"""The shared argument checks: types, bounds, and messages that name the argument and value."""

import math
from fractions import Fraction

import numpy as np
import pytest

from qsim._checks import integer, optional_integer, qubit, real, real_array


def test_integer_takes_integers_in_range():
    assert integer("n", np.int64(3), minimum=0, maximum=3) == 3
    assert type(integer("n", np.int64(3))) is int
    for bad in (True, 1.0, "1", None):
        with pytest.raises(TypeError, match=f"n must be an integer, got {bad!r}"):
            integer("n", bad)
    with pytest.raises(ValueError, match=r"n must be an integer in 0\.\.3, got 4"):
        integer("n", 4, minimum=0, maximum=3)
    with pytest.raises(ValueError, match="n must be an integer >= 2, got 1"):
        integer("n", 1, minimum=2)
    with pytest.raises(ValueError, match="n must be an integer <= 2, got 3"):
        integer("n", 3, maximum=2)


def test_optional_integer():
    assert optional_integer("seed", None, minimum=0) is None
    assert optional_integer("seed", 5, minimum=0) == 5
    with pytest.raises(ValueError, match="seed must be an integer >= 0, got -1"):
        optional_integer("seed", -1, minimum=0)


def test_real_is_finite_and_bounded():
    assert real("p", np.float32(0.5), minimum=0, maximum=1) == 0.5
    assert real("p", 2) == 2.0 and type(real("p", 2)) is float
    for bad in (True, "0.5", 1j, None):
        with pytest.raises(TypeError, match="p must be a real number"):
            real("p", bad)
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError, match="p must be finite"):
            real("p", bad)
    with pytest.raises(ValueError, match=r"p must be in \[0, 1\], got 1.5"):
        real("p", 1.5, minimum=0, maximum=1)
    with pytest.raises(ValueError, match=r"p must be in \(0, 1\), got 0"):
        real("p", 0, minimum=0, maximum=1, strict_minimum=True, strict_maximum=True)
    with pytest.raises(ValueError, match="t must be > 0, got 0.0"):
        real("t", 0.0, minimum=0, strict_minimum=True)
    with pytest.raises(ValueError, match="t must be < 1, got 1"):
        real("t", 1, maximum=1, strict_maximum=True)
    assert real("t", 0.0, minimum=0) == 0.0


def test_qubit_index():
    assert qubit("qubits", np.int32(2), num_qubits=3) == 2
    assert qubit("qubits", 70) == 70
    with pytest.raises(TypeError, match="qubits must be integers, got 1.5"):
        qubit("qubits", 1.5)
    with pytest.raises(ValueError, match="qubits: qubit 3 out of range for a 3-qubit circuit"):
        qubit("qubits", 3, num_qubits=3)
    with pytest.raises(ValueError, match="qubits: qubit -1 out of range"):
        qubit("qubits", -1)


def test_real_array_takes_numbers_only():
    assert real_array("v", [1, 2.5]).dtype == np.float64
    np.testing.assert_array_equal(real_array("v", [Fraction(1, 2), 2]), [0.5, 2.0])
    np.testing.assert_array_equal(real_array("v", np.array([1 + 0j, 2])), [1.0, 2.0])
    for bad in (["0.5"], [True, False], [1, None], [1, "a"]):
        with pytest.raises(TypeError, match=r"v must be real numbers, got \["):
            real_array("v", bad)
    with pytest.raises(ValueError, match="v must be real, but entry 1 is 1j"):
        real_array("v", [0, 1j, 2])
    with pytest.raises(TypeError, match="v must be an array of real numbers"):
        real_array("v", [[1, 2], [3]])
