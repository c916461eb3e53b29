"""Readout (measurement) error: per-qubit confusion matrices.

``confusion[i][j] = P(read j | true i)`` (rows sum to 1), as Qiskit Aer's ``ReadoutError``.
Readout error changes measured probabilities and samples, never expectation values of
observables (those are properties of the state). Qubit q is bit q of a basis index.
"""

from __future__ import annotations

import numpy as np

from qsim._checks import real

CONFUSION_ATOL = 1e-12  # tolerance on the row sums of a confusion matrix


def confusion_matrix(confusion, what: str = "confusion matrix") -> np.ndarray:
    """Validates a 2x2 confusion matrix (entries in [0, 1], finite, rows summing to 1 within
    CONFUSION_ATOL) and returns it as a read-only float array."""
    try:
        m = np.array(confusion, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{what} must be a 2x2 array of probabilities: {exc}") from None
    if m.shape != (2, 2):
        raise ValueError(f"{what} must have shape (2, 2), got {m.shape}: {confusion!r}")
    if not np.all(np.isfinite(m)):
        raise ValueError(f"{what} has non-finite entries: {confusion!r}")
    if np.any(m < 0) or np.any(m > 1):
        raise ValueError(f"{what} entries must be probabilities in [0, 1], got {confusion!r}")
    sums = m.sum(axis=1)
    if np.max(np.abs(sums - 1)) > CONFUSION_ATOL:
        raise ValueError(f"{what} rows must sum to 1 (confusion[i][j] = P(read j | true i)), got row sums {sums.tolist()}")
    m.flags.writeable = False
    return m


def readout_confusion(p1_given_0, p0_given_1=None) -> np.ndarray:
    """The confusion matrix [[1 - a, a], [b, 1 - b]] with a = P(read 1 | true 0) and
    b = P(read 0 | true 1) (b = a when omitted)."""
    b = p1_given_0 if p0_given_1 is None else p0_given_1
    for name, v in (("P(read 1 | true 0)", p1_given_0), ("P(read 0 | true 1)", b)):
        real(name, v, minimum=0.0, maximum=1.0)
    return confusion_matrix([[1 - p1_given_0, p1_given_0], [b, 1 - b]])


def apply_readout_to_probabilities(probs, confusions) -> np.ndarray:
    """Measured probabilities p'(j) = sum_i p(i) prod_q C_q[i_q][j_q], for ``confusions`` a list
    (one entry per qubit, index q = qubit q) of 2x2 matrices or None (no error on that qubit)."""
    p = np.asarray(probs, dtype=float)
    n = len(confusions)
    if p.shape != (1 << n,):
        raise ValueError(f"probabilities must have shape ({1 << n},) for {n} qubits, got {p.shape}")
    # axis n-1-q of the reshaped tensor is qubit q
    t = p.reshape((2,) * n) if n else p
    for q, c in enumerate(confusions):
        if c is None:
            continue
        axis = n - 1 - q
        t = np.moveaxis(np.tensordot(np.asarray(c).T, t, axes=([1], [axis])), 0, axis)
    return np.ascontiguousarray(t.reshape(-1))


def apply_readout_to_samples(indices, confusions, seed=None) -> np.ndarray:
    """Flips the measured bits of each shot: a true bit b of qubit q reads 1 - b with
    probability C_q[b][1 - b]. ``indices`` are basis indices (one per shot); returns a new
    uint64 array. ``seed`` (int or numpy Generator) makes it reproducible. The bits are drawn
    qubit by qubit (qubit 0 first), one uniform number per shot and qubit with an error."""
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    idx = np.asarray(indices, dtype=np.uint64).copy()
    for q, c in enumerate(confusions):
        if c is None:
            continue
        c = np.asarray(c)
        bit = ((idx >> np.uint64(q)) & np.uint64(1)).astype(np.int64)
        flip_prob = np.where(bit == 0, c[0, 1], c[1, 0])
        flip = rng.random(idx.size) < flip_prob
        idx ^= flip.astype(np.uint64) << np.uint64(q)
    return idx
