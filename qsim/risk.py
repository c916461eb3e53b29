"""CVaR_alpha of a diagonal cost (Barkoutsos et al., arXiv 1907.04769), computed in C++ by
a selection, never a full sort (csrc/cvar.h): the mean of the lowest alpha fraction of the
distribution of values. With the values sorted ascending, v_1 <= v_2 <= ..., their
probabilities p_k (normalised by their sum) and K the first index whose cumulative
probability reaches alpha, CVaR_alpha = (1 / alpha) [sum_{k < K} p_k v_k +
(alpha - sum_{k < K} p_k) v_K]; alpha = 1 is the mean. values[i] is the cost of basis
index i (qubit q = bit q of i) when it comes with a Program's probabilities or samples.
"""

from __future__ import annotations

import numpy as np

from qsim import _core
from qsim._checks import real, real_array


def _vector(name: str, value) -> np.ndarray:
    """A non-empty 1-D float64 array (the C++ side refuses a non-finite entry, naming it)."""
    a = np.ascontiguousarray(real_array(name, value))
    if a.ndim != 1 or a.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {a.shape}")
    return a


def _alpha(alpha) -> float:
    return real("alpha", alpha, minimum=0.0, maximum=1.0, strict_minimum=True)


def cvar(values, probabilities, alpha: float) -> float:
    """CVaR_alpha of ``values[i]`` taken with probability ``probabilities[i]`` (same length,
    finite, normalised by their sum, which must be positive); 0 < alpha <= 1. ValueError
    names a non-finite entry."""
    v = _vector("values", values)
    p = _vector("probabilities", probabilities)
    if p.size != v.size:
        raise ValueError(f"probabilities has {p.size} entries, values {v.size}; they must match")
    return _core.cvar(v, p, _alpha(alpha))


def cvar_of_samples(values, indices, alpha: float) -> float:
    """CVaR_alpha of the shots ``values[indices[s]]``, each of weight 1 / shots (``indices``:
    a Program's ``sample(...).indices``, integers in 0..len(values)-1); 0 < alpha <= 1.
    ValueError names an index out of range or a shot that lands on a non-finite value."""
    v = _vector("values", values)
    i = np.asarray(indices)
    if i.ndim != 1 or i.size == 0 or not np.issubdtype(i.dtype, np.integer):
        raise ValueError(f"indices must be a non-empty 1-D integer array, got shape {i.shape} of {i.dtype}")
    if i.dtype.kind == "i" and i.min() < 0:
        raise ValueError(f"indices[{int(np.argmin(i))}] is {int(i.min())}; indices must be non-negative")
    return _core.cvar_of_samples(v, i.astype(np.uint64, copy=False), _alpha(alpha))
