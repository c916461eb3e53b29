"""Vectorised QUBO energies with numba (no Python loops in the hot paths).

E(x) = x^T Q x + offset, Q upper-triangular with the linear terms on the diagonal; bit i
of a basis index is variable (qubit) i, qubit 0 the least significant bit.

* `qubo_energies(Q, offset, bits)`: energies of a batch of bitstrings, (B, N) 0/1 rows.
* `qubo_energies_of_indices(Q, offset, indices)`: the same for basis indices.
* `energy_vector(Q, offset, dtype)`: all 2^N energies, index = basis index (the diagonal
  QAOA cost), N <= 28 in float64 and N <= 30 in float32.
* `brute_force_minimum(Q, offset)`: exact minimum and a minimising basis index, N <= 30,
  in O(2^c) memory per thread.

The full vector is built in blocks of 2^c indices sharing their high bits: inside a
block, E(l) = const + sum_k lin_k l_k + sum_{j<k} Q_jk l_j l_k is filled by doubling,
E[2^k + l] = E[l] + lin_k + sum_{j<k} Q_jk l_j, where the bracket itself is filled by
doubling over j, so a block costs about 2 * 2^c additions. Blocks run in parallel
(numba prange); each block's numbers do not depend on the thread count.
"""

from __future__ import annotations

import os

import numba as nb
import numpy as np

from . import validation as v

MAX_QUBITS_FLOAT64 = 28
MAX_QUBITS_FLOAT32 = 30
MAX_QUBITS_BRUTE_FORCE = 30
_BLOCK_BITS = 14


@nb.njit(cache=True)
def _chunk_terms(Q, offset, c, h):
    """Constant and low-bit linear terms of the block whose high bits (c.. N-1) are h."""
    N = Q.shape[0]
    lin = np.empty(c)
    for k in range(c):
        acc = Q[k, k]
        for j in range(c, N):
            if (h >> (j - c)) & 1:
                acc += Q[k, j]
        lin[k] = acc
    const = offset
    for i in range(c, N):
        if (h >> (i - c)) & 1:
            const += Q[i, i]
            for j in range(i + 1, N):
                if (h >> (j - c)) & 1:
                    const += Q[i, j]
    return lin, const


@nb.njit(cache=True)
def _fill_block(out, start, c, lin, Q, const):
    """out[start : start + 2^c] = energies over the c low bits (doubling, see module doc)."""
    out[start] = const
    for k in range(c):
        half = 1 << k
        b = start + half
        out[b] = lin[k]
        for j in range(k):
            step = 1 << j
            q = Q[j, k]
            for i in range(step):
                out[b + step + i] = out[b + i] + q
        for i in range(half):
            out[b + i] += out[start + i]


@nb.njit(cache=True, parallel=True)
def _energy_vector(Q, offset, out, c):
    N = Q.shape[0]
    for h in nb.prange(1 << (N - c)):
        lin, const = _chunk_terms(Q, offset, c, h)
        _fill_block(out, h << c, c, lin, Q, const)


@nb.njit(cache=True, parallel=True)
def _brute_force_min(Q, offset, c):
    N = Q.shape[0]
    n_chunks = 1 << (N - c)
    mins = np.empty(n_chunks)
    args = np.empty(n_chunks, dtype=np.int64)
    for h in nb.prange(n_chunks):
        buf = np.empty(1 << c)
        lin, const = _chunk_terms(Q, offset, c, h)
        _fill_block(buf, 0, c, lin, Q, const)
        a = np.argmin(buf)
        mins[h] = buf[a]
        args[h] = (h << c) + a
    best = np.argmin(mins)
    return mins[best], args[best]


@nb.njit(cache=True, parallel=True)
def _batch_bits(Q, offset, X):
    B, N = X.shape
    out = np.empty(B)
    for b in nb.prange(B):
        e = offset
        for i in range(N):
            if X[b, i]:
                e += Q[i, i]
                for j in range(i + 1, N):
                    if X[b, j]:
                        e += Q[i, j]
        out[b] = e
    return out


@nb.njit(cache=True, parallel=True)
def _batch_indices(Q, offset, idx):
    B = idx.shape[0]
    N = Q.shape[0]
    out = np.empty(B)
    for b in nb.prange(B):
        x = idx[b]
        e = offset
        for i in range(N):
            if (x >> i) & 1:
                e += Q[i, i]
                for j in range(i + 1, N):
                    if (x >> j) & 1:
                        e += Q[i, j]
        out[b] = e
    return out


def check_qubo(Q, offset):
    """(Q as a contiguous float64 array, offset as float) after checking shape, finiteness
    and upper-triangularity."""
    Q = np.ascontiguousarray(v.square_matrix("Q", Q))
    if np.any(np.tril(Q, -1) != 0):
        raise ValueError("Q must be upper-triangular (linear terms on the diagonal)")
    return Q, v.real("offset", offset)


def qubo_energies(Q, offset, bits) -> np.ndarray:
    """Energies (float64, shape (B,)) of the rows of a (B, N) 0/1 array; a single (N,)
    bitstring gives shape (1,). Entry i of a row is qubit i."""
    Q, offset = check_qubo(Q, offset)
    X = np.atleast_2d(np.asarray(bits))
    if X.ndim != 2 or X.shape[1] != Q.shape[0]:
        raise ValueError(f"bits must have shape (B, {Q.shape[0]}), got {np.shape(bits)}")
    if not np.isin(X, (0, 1)).all():
        raise ValueError("bits must contain only 0 and 1")
    return _batch_bits(Q, offset, np.ascontiguousarray(X, dtype=np.uint8))


def qubo_energies_of_indices(Q, offset, indices) -> np.ndarray:
    """Energies (float64) of basis indices (qubit 0 = least significant bit)."""
    Q, offset = check_qubo(Q, offset)
    idx = np.atleast_1d(np.asarray(indices))
    if idx.ndim != 1 or idx.dtype.kind not in "iu":
        raise ValueError(f"indices must be a 1-D integer array, got {idx.dtype} shape {idx.shape}")
    if idx.size and (idx.min() < 0 or (Q.shape[0] < 63 and idx.max() >= (1 << Q.shape[0]))):
        raise ValueError(f"indices must lie in [0, 2^{Q.shape[0]}), got min {idx.min()} max {idx.max()}")
    return _batch_indices(Q, offset, idx.astype(np.int64))


def _available_memory() -> int | None:
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def energy_vector(Q, offset: float = 0.0, dtype=np.float64) -> np.ndarray:
    """All 2^N energies, entry k = E(bits of k): the diagonal QAOA cost.

    float64 up to N = 28 (2 GiB), float32 up to N = 30 (4 GiB); refuses sizes that do
    not fit the memory available now."""
    Q, offset = check_qubo(Q, offset)
    dtype = np.dtype(dtype)
    if dtype not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise ValueError(f"dtype must be float64 or float32, got {dtype}")
    N = Q.shape[0]
    limit = MAX_QUBITS_FLOAT64 if dtype == np.float64 else MAX_QUBITS_FLOAT32
    if N > limit:
        raise ValueError(f"energy_vector: N = {N} qubits exceeds the {dtype} limit {limit}")
    need = (1 << N) * dtype.itemsize
    avail = _available_memory()
    if avail is not None and need > avail:
        raise ValueError(f"energy_vector: N = {N} needs {need / 2**30:.1f} GiB, only {avail / 2**30:.1f} GiB available")
    out = np.empty(1 << N, dtype=dtype)
    _energy_vector(Q, offset, out, min(N, _BLOCK_BITS))
    return out


def brute_force_minimum(Q, offset: float = 0.0) -> tuple[float, int]:
    """(minimum energy, a minimising basis index) by exhaustive search, N <= 30."""
    Q, offset = check_qubo(Q, offset)
    N = Q.shape[0]
    if N > MAX_QUBITS_BRUTE_FORCE:
        raise ValueError(f"brute_force_minimum: N = {N} exceeds the limit {MAX_QUBITS_BRUTE_FORCE}")
    e, idx = _brute_force_min(Q, offset, min(N, _BLOCK_BITS))
    return float(e), int(idx)


def index_to_bits(index: int, n: int) -> np.ndarray:
    """0/1 vector of length n, entry i = bit i of `index` (qubit 0 least significant)."""
    return ((int(index) >> np.arange(n)) & 1).astype(np.uint8)


def bits_to_index(bits) -> int:
    """Basis index of a 0/1 vector (entry i = qubit i)."""
    b = v.binary_vector("bits", bits)
    return int(sum(int(x) << i for i, x in enumerate(b)))
