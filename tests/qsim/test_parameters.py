"""Parameters: affine arithmetic, ordering, errors."""

import math

import pytest

from qsim import Circuit, Parameter, ParameterExpression, ParameterVector


def test_affine_arithmetic():
    a = Parameter("a")
    e = 2 * a + 1
    assert isinstance(e, ParameterExpression)
    assert (e.parameter, e.coeff, e.offset) == (a, 2.0, 1.0)
    e2 = (3 - a / 2) * -2
    assert (e2.coeff, e2.offset) == (1.0, -6.0)
    assert (a - a).coeff == 0.0
    assert (a + a).coeff == 2.0
    assert e.value(0.5) == 2.0
    assert str(-a + 0.5) == "-a+0.5"


def test_non_affine_expressions_raise_type_error():
    a, b = Parameter("a"), Parameter("b")
    with pytest.raises(TypeError, match="affine"):
        a * b
    with pytest.raises(TypeError, match="affine"):
        a + b
    with pytest.raises(TypeError, match="affine"):
        1 / a
    with pytest.raises(TypeError):
        a * "x"
    with pytest.raises(ValueError, match="finite"):
        a * math.nan
    with pytest.raises(ValueError, match="zero"):
        a / 0


def test_parameters_in_order_of_first_appearance_vectors_by_index():
    v = ParameterVector("v", 3)
    a, b = Parameter("a"), Parameter("b")
    c = Circuit(2).rx(b, 0).ry(v[2], 1).rz(a, 0).rx(v[0], 1).ry(2 * b, 0)
    assert c.parameters == [b, v[0], v[2], a]
    assert c.num_parameters == 4


def test_same_name_parameters_are_distinct():
    a1, a2 = Parameter("a"), Parameter("a")
    assert a1 != a2
    assert Circuit(1).rx(a1, 0).rx(a2, 0).num_parameters == 2


def test_bad_names_and_lengths():
    with pytest.raises(TypeError):
        Parameter("")
    with pytest.raises(ValueError):
        ParameterVector("v", -1)
