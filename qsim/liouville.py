"""Superoperators and Pauli transfer matrices of k-qubit maps (Qiskit's conventions).

- Superoperator (column stacking): vec(E(rho)) = S vec(rho) with vec(X)[i + d j] = X[i, j];
  for rho -> U rho U^dagger, S = conj(U) (x) U. Row qubits are the low k bits of S's index.
- Pauli transfer matrix: R[i, j] = Tr(P_i E(P_j)) / 2^k, P_i = (x)_q sigma_{code_q(i)} with
  code_q(i) = (i >> 2q) & 3 in the order I, X, Y, Z (qubit 0 = least significant).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_SIGMA = np.array([[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[0, -1j], [1j, 0]], [[1, 0], [0, -1]]], dtype=complex)


@lru_cache(maxsize=None)
def pauli_basis(k: int) -> np.ndarray:
    """The 4^k Pauli matrices of k qubits, shape (4^k, 2^k, 2^k), in PTM order."""
    mats = []
    for i in range(4**k):
        m = np.ones((1, 1), dtype=complex)
        for q in reversed(range(k)):  # qubit k-1 is the most significant kron factor
            m = np.kron(m, _SIGMA[(i >> (2 * q)) & 3])
        mats.append(m)
    out = np.array(mats)
    out.flags.writeable = False
    return out


def unitary_superop(u: np.ndarray) -> np.ndarray:
    """S = conj(U) (x) U."""
    return np.kron(u.conj(), u)


def kraus_superop(ops) -> np.ndarray:
    """S = sum_K conj(K) (x) K."""
    return sum(np.kron(k.conj(), k) for k in ops)


def ptm_from_superop(s: np.ndarray) -> np.ndarray:
    """R[i, j] = Tr(P_i E(P_j)) / 2^k for E given by its superoperator (complex in general:
    the parametric terms of a gate are complex and only their sum is real)."""
    d2 = s.shape[0]
    k = (d2.bit_length() - 1) // 2
    basis = pauli_basis(k)
    vec_cols = basis.transpose(0, 2, 1).reshape(d2, d2).T  # column j = vec(P_j), column-stacked
    rows = basis.reshape(d2, d2)  # row i = P_i flattened row-major
    return rows @ (s @ vec_cols) / (1 << k)


def superop_spectrum(values, projectors) -> tuple[np.ndarray, np.ndarray]:
    """The spectral form of rho -> M rho M^dagger for M(a) = sum_j exp(-i a values[j]) P_j:
    conj(M) (x) M = sum_{l,m} exp(-i a (v_l - v_m)) conj(P_m) (x) P_l, with the terms of equal
    frequency (to 1e-12) merged. Returns (frequencies, superoperator projectors)."""
    pairs = [(vl - vm, np.kron(pm.conj(), pl)) for vl, pl in zip(values, projectors) for vm, pm in zip(values, projectors)]
    keys = np.round(np.array([v for v, _ in pairs], dtype=float), 12)
    unique = np.unique(keys)
    return unique, np.array([sum(p for k, (_, p) in zip(keys, pairs) if k == u) for u in unique])
