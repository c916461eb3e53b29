"""The option checks of the minimisers (optim.minimizers._checks): integer / real bounds, strict bounds, None."""

import math

import pytest

from optim.minimizers._checks import integer, optional_integer, real


def test_integer_and_optional_integer():
    assert integer("shots", 5, minimum=1, maximum=5) == 5
    with pytest.raises(ValueError, match="shots must be >= 1, got 0"):
        integer("shots", 0, minimum=1)
    with pytest.raises(ValueError, match="shots must be <= 5, got 6"):
        integer("shots", 6, maximum=5)
    with pytest.raises(TypeError, match="shots must be an integer"):
        integer("shots", True)
    assert optional_integer("maxfev", None, minimum=1) is None
    assert optional_integer("maxfev", 7, minimum=1) == 7
    with pytest.raises(ValueError, match="maxfev must be >= 1"):
        optional_integer("maxfev", 0, minimum=1)


def test_real_bounds_strict_bounds_and_finiteness():
    assert real("beta1", 0, minimum=0, maximum=1, strict_maximum=True) == 0.0
    with pytest.raises(ValueError, match="beta1 must be < 1"):
        real("beta1", 1.0, minimum=0, maximum=1, strict_maximum=True)
    with pytest.raises(ValueError, match="c must be > 0"):
        real("c", 0.0, minimum=0, strict_minimum=True)
    with pytest.raises(ValueError, match="c must be finite"):
        real("c", math.nan)
    with pytest.raises(TypeError, match="c must be a real number"):
        real("c", "0.1")
