"""Boundary checks of scalar arguments, shared by every public function of qsim.

A value of the wrong type raises TypeError, one out of range (or not finite) ValueError;
both messages name the argument and the bad value. ``bool`` is never taken for a number.
The keywords (minimum, maximum, strict_minimum, strict_maximum) are those of the optim and
problems checkers.
"""

from __future__ import annotations

import math
import numbers
import reprlib
from typing import Any

import numpy as np


def integer(name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """``value`` as an int in minimum..maximum (either bound may be None)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        if minimum is not None and maximum is not None:
            bounds = f"in {minimum}..{maximum}"
        else:
            bounds = f">= {minimum}" if minimum is not None else f"<= {maximum}"
        raise ValueError(f"{name} must be an integer {bounds}, got {value!r}")
    return int(value)


def optional_integer(name: str, value: Any, *, minimum: int | None = None) -> int | None:
    """None, or ``value`` as an int >= minimum."""
    return None if value is None else integer(name, value, minimum=minimum)


def real(name: str, value: Any, *, minimum: float | None = None, maximum: float | None = None,
         strict_minimum: bool = False, strict_maximum: bool = False) -> float:
    """``value`` as a finite float with minimum <= value <= maximum (< where strict; either
    bound may be None)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be finite, got {value!r}")
    low = minimum is not None and (v < minimum or (strict_minimum and v == minimum))
    high = maximum is not None and (v > maximum or (strict_maximum and v == maximum))
    if low or high:
        if minimum is not None and maximum is not None:
            bounds = f"in {'(' if strict_minimum else '['}{minimum:g}, {maximum:g}{')' if strict_maximum else ']'}"
        elif minimum is not None:
            bounds = f"{'>' if strict_minimum else '>='} {minimum:g}"
        else:
            bounds = f"{'<' if strict_maximum else '<='} {maximum:g}"
        raise ValueError(f"{name} must be {bounds}, got {value!r}")
    return v


def real_array(name: str, value: Any) -> np.ndarray:
    """``value`` as a float64 array: numbers only (strings, booleans and objects raise
    TypeError; a complex entry with a non-zero imaginary part raises ValueError, one with a
    zero imaginary part is taken as real). Finiteness is the caller's to check."""
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError) as exc:  # ragged nesting
        raise TypeError(f"{name} must be an array of real numbers: {exc}") from None
    if arr.dtype.kind == "c":
        bad = np.flatnonzero(arr.imag.reshape(-1) != 0)
        if bad.size:
            raise ValueError(f"{name} must be real, but entry {int(bad[0])} is {arr.reshape(-1)[bad[0]].item()!r}")
        arr = arr.real
    elif arr.dtype.kind not in "iuf":
        if arr.dtype.kind == "O" and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in arr.flat):
            return arr.astype(np.float64)  # e.g. Fractions
        raise TypeError(f"{name} must be real numbers, got {reprlib.repr(value)} (numpy dtype {arr.dtype})")
    return arr.astype(np.float64, copy=False)


def qubit(name: str, value: Any, *, num_qubits: int | None = None) -> int:
    """A qubit index: an int in 0..num_qubits-1 (any non-negative one when num_qubits is
    None). ``name`` is the argument that holds the qubits, e.g. "qubits"."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be integers, got {value!r}")
    if value < 0 or (num_qubits is not None and value >= num_qubits):
        limit = "" if num_qubits is None else f" for a {num_qubits}-qubit circuit"
        raise ValueError(f"{name}: qubit {value} out of range{limit}")
    return int(value)


def either(words) -> str:
    """Words as a message lists alternatives: "a, b or c"."""
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
