"""The input checks of `problems`: integer / real bounds, strict bounds, refused types."""

import math

import pytest

from problems import validation as v


def test_integer_bounds_and_types():
    assert v.integer("n", 3, minimum=1, maximum=3) == 3
    with pytest.raises(ValueError, match="n must be >= 1, got 0"):
        v.integer("n", 0, minimum=1)
    with pytest.raises(ValueError, match="n must be <= 3, got 4"):
        v.integer("n", 4, maximum=3)
    for bad in (True, 2.0, "2"):
        with pytest.raises(TypeError, match="n must be an integer"):
            v.integer("n", bad)


def test_real_bounds_strict_bounds_and_finiteness():
    assert v.real("p", 1, minimum=0.0, maximum=1.0) == 1.0
    with pytest.raises(ValueError, match=r"p must be > 0.0, got 0.0"):
        v.real("p", 0.0, minimum=0.0, strict_minimum=True)
    with pytest.raises(ValueError, match=r"p must be < 1.0, got 1.0"):
        v.real("p", 1.0, maximum=1.0, strict_maximum=True)
    with pytest.raises(ValueError, match="p must be finite"):
        v.real("p", math.inf)
    with pytest.raises(TypeError, match="p must be a real number"):
        v.real("p", False)
