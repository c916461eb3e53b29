"""The standard gate set: matrices, generators and inverses.

Matrix convention (as Qiskit): for a gate on qubits (q0, q1, ...), q_j is bit j of the
matrix's row/column index, so q0 is the least significant bit. Controlled gates take the
control(s) first: ``cx(control, target)`` has the control as bit 0.
Angle convention: RX(t) = exp(-i t X / 2), RZZ(t) = exp(-i t Z(x)Z / 2), P(t) = diag(1, e^{it}).
A one-angle gate also carries its generator G with M(t) = exp(-i t G), which is what the
compiled program evaluates for parametrised angles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

I2 = np.eye(2, dtype=complex)
X = np.array([[0, 1], [1, 0]], dtype=complex)
Y = np.array([[0, -1j], [1j, 0]], dtype=complex)
Z = np.array([[1, 0], [0, -1]], dtype=complex)
P0 = np.array([[1, 0], [0, 0]], dtype=complex)
P1 = np.array([[0, 0], [0, 1]], dtype=complex)
H = np.array([[1, 1], [1, -1]], dtype=complex) / np.sqrt(2)
SX = np.array([[1 + 1j, 1 - 1j], [1 - 1j, 1 + 1j]], dtype=complex) / 2


def controlled(u: np.ndarray) -> np.ndarray:
    """Controlled-u with the control as bit 0 and u's qubits above it."""
    eye = np.eye(u.shape[0], dtype=complex)
    return np.kron(eye, P0) + np.kron(u, P1)


def _rot(pauli: np.ndarray, t: float) -> np.ndarray:
    """exp(-i t P / 2) for a Pauli (product) matrix P."""
    return np.cos(t / 2) * np.eye(pauli.shape[0]) - 1j * np.sin(t / 2) * pauli


def _u(theta: float, phi: float, lam: float) -> np.ndarray:
    c, s = np.cos(theta / 2), np.sin(theta / 2)
    return np.array(
        [[c, -np.exp(1j * lam) * s], [np.exp(1j * phi) * s, np.exp(1j * (phi + lam)) * c]], dtype=complex
    )


def _permutation(dim: int, swaps: list[tuple[int, int]]) -> np.ndarray:
    m = np.eye(dim, dtype=complex)
    for a, b in swaps:
        m[[a, b]] = m[[b, a]]
    return m


@dataclass(frozen=True)
class GateDef:
    """One gate type. `inverse(params)` returns (name, params) of the inverse gate, or None
    when the inverse is only available as an explicit matrix."""

    name: str
    num_qubits: int
    num_params: int
    matrix: Callable[..., np.ndarray]
    generator: np.ndarray | None = None
    diagonal: bool = False
    inverse: Callable[[tuple], tuple[str, tuple] | None] = lambda params: None


def _self_inverse(name):
    return lambda params: (name, ())


def _negated(name):
    return lambda params: (name, tuple(-p for p in params))


def _const(m):
    return lambda: m


_XX, _YY, _ZZ = np.kron(X, X), np.kron(Y, Y), np.kron(Z, Z)
_ISWAP = np.array([[1, 0, 0, 0], [0, 0, 1j, 0], [0, 1j, 0, 0], [0, 0, 0, 1]], dtype=complex)

_DEFS = [
    GateDef("h", 1, 0, _const(H), inverse=_self_inverse("h")),
    GateDef("x", 1, 0, _const(X), inverse=_self_inverse("x")),
    GateDef("y", 1, 0, _const(Y), inverse=_self_inverse("y")),
    GateDef("z", 1, 0, _const(Z), diagonal=True, inverse=_self_inverse("z")),
    GateDef("s", 1, 0, _const(np.diag([1, 1j])), diagonal=True, inverse=_self_inverse("sdg")),
    GateDef("sdg", 1, 0, _const(np.diag([1, -1j])), diagonal=True, inverse=_self_inverse("s")),
    GateDef("t", 1, 0, _const(np.diag([1, np.exp(1j * np.pi / 4)])), diagonal=True, inverse=_self_inverse("tdg")),
    GateDef("tdg", 1, 0, _const(np.diag([1, np.exp(-1j * np.pi / 4)])), diagonal=True, inverse=_self_inverse("t")),
    GateDef("sx", 1, 0, _const(SX), inverse=_self_inverse("sxdg")),
    GateDef("sxdg", 1, 0, _const(SX.conj().T), inverse=_self_inverse("sx")),
    GateDef("rx", 1, 1, lambda t: _rot(X, t), generator=X / 2, inverse=_negated("rx")),
    GateDef("ry", 1, 1, lambda t: _rot(Y, t), generator=Y / 2, inverse=_negated("ry")),
    GateDef("rz", 1, 1, lambda t: _rot(Z, t), generator=Z / 2, diagonal=True, inverse=_negated("rz")),
    GateDef("p", 1, 1, lambda t: np.diag([1, np.exp(1j * t)]), generator=-P1, diagonal=True, inverse=_negated("p")),
    GateDef("u", 1, 3, _u, inverse=lambda p: ("u", (-p[0], -p[2], -p[1]))),
    GateDef("cx", 2, 0, _const(controlled(X)), inverse=_self_inverse("cx")),
    GateDef("cy", 2, 0, _const(controlled(Y)), inverse=_self_inverse("cy")),
    GateDef("cz", 2, 0, _const(controlled(Z)), diagonal=True, inverse=_self_inverse("cz")),
    GateDef("ch", 2, 0, _const(controlled(H)), inverse=_self_inverse("ch")),
    GateDef("swap", 2, 0, _const(_permutation(4, [(1, 2)])), inverse=_self_inverse("swap")),
    GateDef("iswap", 2, 0, _const(_ISWAP)),
    GateDef("crx", 2, 1, lambda t: controlled(_rot(X, t)), generator=np.kron(X / 2, P1), inverse=_negated("crx")),
    GateDef("cry", 2, 1, lambda t: controlled(_rot(Y, t)), generator=np.kron(Y / 2, P1), inverse=_negated("cry")),
    GateDef(
        "crz", 2, 1, lambda t: controlled(_rot(Z, t)), generator=np.kron(Z / 2, P1), diagonal=True,
        inverse=_negated("crz"),
    ),
    GateDef(
        "cp", 2, 1, lambda t: np.diag([1, 1, 1, np.exp(1j * t)]), generator=-np.kron(P1, P1), diagonal=True,
        inverse=_negated("cp"),
    ),
    GateDef("rxx", 2, 1, lambda t: _rot(_XX, t), generator=_XX / 2, inverse=_negated("rxx")),
    GateDef("ryy", 2, 1, lambda t: _rot(_YY, t), generator=_YY / 2, inverse=_negated("ryy")),
    GateDef("rzz", 2, 1, lambda t: _rot(_ZZ, t), generator=_ZZ / 2, diagonal=True, inverse=_negated("rzz")),
    GateDef("ccx", 3, 0, _const(_permutation(8, [(3, 7)])), inverse=_self_inverse("ccx")),
    GateDef("cswap", 3, 0, _const(_permutation(8, [(3, 5)])), inverse=_self_inverse("cswap")),
]

GATES: dict[str, GateDef] = {g.name: g for g in _DEFS}


def spectral_form(gate: GateDef) -> tuple[np.ndarray, np.ndarray]:
    """(eigenvalues, projectors) of a one-angle gate's generator, so that
    M(t) = sum_j exp(-i t lambda_j) P_j; projectors of diagonal gates are exactly diagonal."""
    cached = _SPECTRAL.get(gate.name)
    if cached is not None:
        return cached
    g = gate.generator
    if gate.diagonal:
        d = np.real(np.diag(g))
        values = np.unique(d)
        projectors = np.array([np.diag((d == v).astype(complex)) for v in values])
    else:
        w, v = np.linalg.eigh(g)
        w = np.round(w, 12)
        values = np.unique(w)
        projectors = np.array([v[:, w == x] @ v[:, w == x].conj().T for x in values])
        projectors[np.abs(projectors) < 1e-15] = 0.0
    _SPECTRAL[gate.name] = (values, projectors)
    return values, projectors


_SPECTRAL: dict[str, tuple[np.ndarray, np.ndarray]] = {}
