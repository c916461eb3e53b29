"""Input checks shared by every public entry point of `problems`.

Each helper raises a ValueError / TypeError whose message names the argument and the
offending value, as the project's DESIGN.md asks of every public function.
"""

from __future__ import annotations

import numbers

import numpy as np


def real_array(name: str, value, ndim: int | None = None, shape: tuple | None = None) -> np.ndarray:
    """`value` as a finite float64 array; checks dimension and shape (None entries = any)."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a numeric array, got {type(value).__name__} {value!r}")
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be a numeric array, got {value!r}") from exc
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got shape {arr.shape}")
    if shape is not None:
        for axis, (got, want) in enumerate(zip(arr.shape, shape)):
            if want is not None and got != want:
                raise ValueError(f"{name} must have shape {shape} (axis {axis} = {want}), got {arr.shape}")
    bad = ~np.isfinite(arr)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(f"{name} must be finite, got {arr[idx]} at index {idx}")
    return arr


def nonnegative(name: str, arr: np.ndarray) -> np.ndarray:
    """Raise if any entry of `arr` is negative."""
    if (arr < 0).any():
        idx = tuple(int(i) for i in np.argwhere(arr < 0)[0])
        raise ValueError(f"{name} must be non-negative, got {arr[idx]} at index {idx}")
    return arr


def square_matrix(name: str, value, n: int | None = None) -> np.ndarray:
    """A finite (n, n) float64 matrix."""
    arr = real_array(name, value, ndim=2)
    if arr.shape[0] != arr.shape[1] or (n is not None and arr.shape[0] != n):
        want = f"({n}, {n})" if n is not None else "square"
        raise ValueError(f"{name} must be {want}, got shape {arr.shape}")
    return arr


def integer(name: str, value, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """A Python int within [minimum, maximum]; bools and floats are refused."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return value


def real(name: str, value, *, minimum: float | None = None, maximum: float | None = None,
         strict_minimum: bool = False, strict_maximum: bool = False) -> float:
    """A finite Python float within bounds (a bound itself excluded when strict)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if minimum is not None and (value < minimum or (strict_minimum and value == minimum)):
        raise ValueError(f"{name} must be {'>' if strict_minimum else '>='} {minimum}, got {value}")
    if maximum is not None and (value > maximum or (strict_maximum and value == maximum)):
        raise ValueError(f"{name} must be {'<' if strict_maximum else '<='} {maximum}, got {value}")
    return value


def choice(name: str, value, options: tuple) -> str:
    """One of `options`."""
    if value not in options:
        raise ValueError(f"{name} must be one of {options}, got {value!r}")
    return value


def binary_vector(name: str, value, n: int | None = None) -> np.ndarray:
    """A 1-D 0/1 vector as uint8 (length n when given)."""
    arr = np.asarray(value)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D 0/1 vector, got shape {arr.shape}")
    if n is not None and arr.shape[0] != n:
        raise ValueError(f"{name} must have length {n}, got {arr.shape[0]}")
    if arr.dtype.kind not in "biuf" or not np.isin(arr, (0, 1)).all():
        raise ValueError(f"{name} must contain only 0 and 1, got {arr!r}")
    return arr.astype(np.uint8)


def is_integral(arr: np.ndarray) -> bool:
    """True when every entry is a whole number."""
    return bool(np.all(np.asarray(arr) == np.round(arr)))
