"""Boundary validation of option values: errors name the option and the bad value."""

from __future__ import annotations

import math
import numbers
from typing import Any


def real(name: str, value: Any, *, minimum: float | None = None, maximum: float | None = None,
         strict_minimum: bool = False, strict_maximum: bool = False) -> float:
    """``value`` as a finite float within bounds (a bound itself excluded when strict),
    else TypeError/ValueError naming it."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if minimum is not None and (v < minimum or (strict_minimum and v == minimum)):
        raise ValueError(f"{name} must be {'>' if strict_minimum else '>='} {minimum}, got {value!r}")
    if maximum is not None and (v > maximum or (strict_maximum and v == maximum)):
        raise ValueError(f"{name} must be {'<' if strict_maximum else '<='} {maximum}, got {value!r}")
    return v


def integer(name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """``value`` as an int within [minimum, maximum], else TypeError/ValueError naming it."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value!r}")
    return int(value)


def optional_integer(name: str, value: Any, *, minimum: int | None = None) -> int | None:
    """None, or ``value`` as an int >= ``minimum`` (see :func:`integer`)."""
    return None if value is None else integer(name, value, minimum=minimum)
