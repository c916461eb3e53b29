"""Observables: Pauli sums and diagonal (cost-function) observables.

Pauli labels follow Qiskit: in the dense label "XZIY" the rightmost character acts on
qubit 0; the sparse label "X0 Z3" names qubits explicitly ("" is the identity).
Coefficients are real. Qubit 0 is the least significant bit of a basis index.
An observable is converted to its C++ form once (lazily) and cached, so the timed loop is
``program.expectation(theta, obs)`` with a pre-built ``obs``. The cache never travels: a
pickled or copied observable rebuilds it on first use (process pools send observables).
"""

from __future__ import annotations

import numbers
import re

import numpy as np

from qsim import _core
from qsim._checks import integer, real, real_array

_SPARSE_TOKEN = re.compile(r"^([IXYZ])(\d+)$")
_MAX_MATRIX_QUBITS = 14


def _real_coeff(coeff, label) -> float:
    """A term's coefficient: real, or complex with a zero imaginary part."""
    if isinstance(coeff, numbers.Complex) and not isinstance(coeff, numbers.Real):
        if coeff.imag != 0:
            raise ValueError(f"coefficient of {label!r} must be real (Pauli sums are Hermitian), got {coeff!r}")
        coeff = coeff.real
    return real(f"coefficient of {label!r}", coeff)


def _parse_label(label: str, num_qubits: int | None) -> tuple[int, int, int]:
    """(x mask, z mask, width): width is the dense length, or 1 + the largest sparse index."""
    if not isinstance(label, str):
        raise TypeError(f"a Pauli label must be a string, got {label!r}")
    x = z = 0
    if any(ch.isdigit() for ch in label) or label.strip() == "":
        width = 0
        seen = set()
        for token in label.split():
            m = _SPARSE_TOKEN.match(token)
            if m is None:
                raise ValueError(f"bad sparse Pauli label {label!r}: token {token!r} is not like 'X3'")
            op, q = m.group(1), int(m.group(2))
            if q in seen:
                raise ValueError(f"bad sparse Pauli label {label!r}: qubit {q} appears twice")
            seen.add(q)
            if num_qubits is not None and q >= num_qubits:
                raise ValueError(f"Pauli label {label!r} names qubit {q}, out of range for {num_qubits} qubits")
            x |= (op in "XY") << q
            z |= (op in "ZY") << q
            width = max(width, q + 1)
        return x, z, width
    if any(ch not in "IXYZ" for ch in label):
        raise ValueError(f"bad Pauli label {label!r}: characters must be I, X, Y, Z")
    if num_qubits is not None and len(label) != num_qubits:
        raise ValueError(f"dense Pauli label {label!r} has {len(label)} characters, expected {num_qubits}")
    for q, op in enumerate(reversed(label)):
        x |= (op in "XY") << q
        z |= (op in "ZY") << q
    return x, z, len(label)


class _CoreCache:
    """An observable whose C++ form, ``_core``, is a cache: left out of pickles and copies."""

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_core": None}


class PauliSum(_CoreCache):
    """sum_t c_t P_t with real c_t.

    ``PauliSum([("XZIY", 0.5), ("ZZII", -1.0)])``, ``PauliSum([("X0 Z3", 0.5)], num_qubits=4)``
    or ``PauliSum({"ZZ": 1.0})``. Without ``num_qubits`` the width is the common length of
    the dense labels (they must agree) or 1 + the largest sparse qubit index.
    """

    def __init__(self, terms, num_qubits: int | None = None):
        if num_qubits is not None:
            num_qubits = integer("num_qubits", num_qubits, minimum=1, maximum=63)
        if isinstance(terms, dict):
            terms = list(terms.items())
        elif isinstance(terms, PauliSum):
            terms = terms.to_list()
        else:
            terms = list(terms)
        dense_widths = set()
        width = 1
        parsed = []
        for item in terms:
            if not (isinstance(item, tuple) and len(item) == 2):
                raise TypeError(f"a Pauli term must be a (label, coefficient) pair, got {item!r}")
            label, coeff = item
            x, z, w = _parse_label(label, num_qubits)
            if not any(ch.isdigit() for ch in label) and label.strip():
                dense_widths.add(w)
            width = max(width, w)
            parsed.append((x, z, _real_coeff(coeff, label)))
        if num_qubits is None and len(dense_widths) > 1:
            raise ValueError(f"dense Pauli labels of different lengths {sorted(dense_widths)}; pass num_qubits")
        self.num_qubits = int(num_qubits) if num_qubits is not None else width
        if dense_widths and num_qubits is None and max(dense_widths) < width:
            raise ValueError("mixing dense and sparse labels needs num_qubits")
        self._terms = parsed
        self._core = None

    @classmethod
    def _from_masks(cls, terms, num_qubits: int) -> "PauliSum":
        obj = cls.__new__(cls)
        obj.num_qubits = num_qubits
        obj._terms = list(terms)
        obj._core = None
        return obj

    # -- views ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._terms)

    def masks(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x masks, z masks, coefficients) as arrays; Y sets both bits."""
        x = np.array([t[0] for t in self._terms], dtype=np.uint64)
        z = np.array([t[1] for t in self._terms], dtype=np.uint64)
        c = np.array([t[2] for t in self._terms], dtype=float)
        return x, z, c

    def label(self, x: int, z: int) -> str:
        """The dense label of the term with masks (x, z)."""
        chars = []
        for q in reversed(range(self.num_qubits)):
            bx, bz = (x >> q) & 1, (z >> q) & 1
            chars.append("Y" if bx and bz else "X" if bx else "Z" if bz else "I")
        return "".join(chars)

    def to_list(self) -> list[tuple[str, float]]:
        """[(dense label, coefficient), ...] in Qiskit label order."""
        return [(self.label(x, z), c) for x, z, c in self._terms]

    @property
    def is_diagonal(self) -> bool:
        """Whether every term is a Z-only string."""
        return all(x == 0 for x, _, _ in self._terms)

    def __repr__(self) -> str:
        return f"PauliSum({self.to_list()!r}, num_qubits={self.num_qubits})"

    # -- algebra ----------------------------------------------------------------------
    def __add__(self, other):
        if isinstance(other, numbers.Number) and other == 0:
            return self
        if not isinstance(other, PauliSum):
            return NotImplemented
        n = max(self.num_qubits, other.num_qubits)
        return PauliSum._from_masks(self._terms + other._terms, n)

    __radd__ = __add__

    def __mul__(self, k):
        k = _real_coeff(k, "scale factor")
        return PauliSum._from_masks([(x, z, c * k) for x, z, c in self._terms], self.num_qubits)

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other)

    def simplify(self, atol: float = 0.0) -> "PauliSum":
        """Merges equal Pauli strings and drops terms with |coefficient| <= atol."""
        merged: dict[tuple[int, int], float] = {}
        for x, z, c in self._terms:
            merged[(x, z)] = merged.get((x, z), 0.0) + c
        return PauliSum._from_masks(
            [(x, z, c) for (x, z), c in merged.items() if abs(c) > atol], self.num_qubits
        )

    # -- dense forms ------------------------------------------------------------------
    def to_matrix(self) -> np.ndarray:
        """The 2^n x 2^n matrix (n <= 14), built from P|i> = i^{#Y} (-1)^{|i & z|} |i ^ x>."""
        n = self.num_qubits
        if n > _MAX_MATRIX_QUBITS:
            raise ValueError(f"to_matrix is for at most {_MAX_MATRIX_QUBITS} qubits, this sum has {n}")
        dim = 1 << n
        idx = np.arange(dim, dtype=np.uint64)
        m = np.zeros((dim, dim), dtype=complex)
        for x, z, c in self._terms:
            ny = bin(x & z).count("1")
            sign = 1 - 2 * parity(idx & np.uint64(z)).astype(float)
            m[(idx ^ np.uint64(x)).astype(np.int64), idx.astype(np.int64)] += c * (1j**ny) * sign
        return m

    def diagonal(self) -> np.ndarray:
        """The 2^n diagonal of a Z-only sum (raises ValueError if a term has X or Y)."""
        if not self.is_diagonal:
            raise ValueError("diagonal() needs a sum of Z-only Pauli strings")
        idx = np.arange(1 << self.num_qubits, dtype=np.uint64)
        out = np.zeros(1 << self.num_qubits)
        for _, z, c in self._terms:
            out += c * (1 - 2 * (parity(idx & np.uint64(z))).astype(float))
        return out

    def _core_observable(self):
        if self._core is None:
            x, z, c = self.masks()
            self._core = _core.PauliSumObservable(self.num_qubits, x, z, c)
        return self._core


def walsh_coefficients(values: np.ndarray) -> np.ndarray:
    """w with values[x] = sum_z w[z] (-1)^popcount(x & z): the Z-string expansion of a
    diagonal, w[z] the coefficient of the Z string on the bits of z."""
    w = np.asarray(values, dtype=float).copy()
    h = 1
    while h < w.size:  # in-place fast Walsh-Hadamard transform, one butterfly level at a time
        w = w.reshape(-1, 2, h)
        w = np.stack([w[:, 0] + w[:, 1], w[:, 0] - w[:, 1]], axis=1).reshape(-1)
        h *= 2
    return w / w.size


def walsh_terms(values, tolerance: float) -> list[tuple[tuple[int, ...], float]]:
    """[(bits, w), ...]: the non-constant Z-string terms of a diagonal (``walsh_coefficients``),
    in Walsh-index order, w the coefficient of Z on ``bits`` (bit j of the value index = bit
    j); terms with |w| <= tolerance * max(1, max |values|) are dropped."""
    values = np.asarray(values, dtype=float)
    w = walsh_coefficients(values)
    cutoff = tolerance * max(1.0, float(np.max(np.abs(values))))
    return [(tuple(j for j in range(z.bit_length()) if (z >> j) & 1), float(w[z]))
            for z in range(1, w.size) if abs(w[z]) > cutoff]


def parity(a: np.ndarray) -> np.ndarray:
    """Parity of the set bits of each uint64."""
    a = a.copy()
    for shift in (32, 16, 8, 4, 2, 1):
        a ^= a >> np.uint64(shift)
    return (a & np.uint64(1)).astype(np.int64)


class DiagonalObservable(_CoreCache):
    """A diagonal observable given by its 2^n real values (e.g. a QAOA cost function):
    <O> = sum_i values[i] |psi_i|^2, bit q of i being qubit q."""

    def __init__(self, values):
        v = real_array("diagonal values", values).copy()
        if v.ndim != 1 or v.size < 2 or v.size & (v.size - 1):
            raise ValueError(f"a diagonal observable needs 2^n values (n >= 1), got shape {v.shape}")
        if not np.all(np.isfinite(v)):
            bad = int(np.flatnonzero(~np.isfinite(v))[0])
            raise ValueError(f"diagonal value {bad} is {v[bad]!r}; values must be finite")
        v.flags.writeable = False
        self.values = v
        self.num_qubits = v.size.bit_length() - 1
        self._core = None

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.values.flags.writeable = False  # (numpy's pickles and copies come back writeable)

    @classmethod
    def from_ising(cls, h, J, offset: float = 0.0) -> "DiagonalObservable":
        """E(z) = offset + sum_i h_i z_i + sum_{i<j} J_ij z_i z_j with z_i = 1 - 2 x_i and x_i
        bit i of the basis index; J strictly upper-triangular (n x n)."""
        h = real_array("h", h)
        J = real_array("J", J)
        n = h.size
        if h.ndim != 1 or n < 1:
            raise ValueError(f"h must be a non-empty vector, got shape {h.shape}")
        if J.shape != (n, n):
            raise ValueError(f"J must have shape ({n}, {n}), got {J.shape}")
        lower = np.tril(J)
        if np.any(lower != 0):
            i, j = np.argwhere(lower != 0)[0]
            raise ValueError(f"J must be strictly upper-triangular, but J[{i}, {j}] = {J[i, j]}")
        offset = real("offset", offset)
        if not (np.all(np.isfinite(h)) and np.all(np.isfinite(J))):
            raise ValueError("h and J must be finite")
        energies = np.array([float(offset)])
        for k in range(n):
            # field on spin k from spins j < k, over the 2^k assignments of those spins
            field = np.array([h[k]])
            for j in range(k):
                field = np.concatenate([field + J[j, k], field - J[j, k]])  # spin j: z = +1, then -1
            energies = np.concatenate([energies + field, energies - field])
        return cls(energies)

    @classmethod
    def from_pauli_sum(cls, obs: PauliSum) -> "DiagonalObservable":
        """The 2^n diagonal of a Z-only PauliSum (ValueError if a term has X or Y)."""
        return cls(obs.diagonal())

    def _core_observable(self):
        if self._core is None:
            self._core = _core.DiagonalObservable(self.values)
        return self._core

    def __repr__(self) -> str:
        return f"DiagonalObservable(num_qubits={self.num_qubits})"
