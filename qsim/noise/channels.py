"""Quantum channels (CPTP maps) on k qubits: Kraus operators, superoperator, Pauli transfer matrix.

Conventions (as Qiskit, see DESIGN.md):

* Matrix qubit order: for a channel on qubits (q0, ..., q_{k-1}), q_j is bit j of the
  matrix index (q0 least significant), for the Kraus operators, the superoperator and the PTM.
* ``Channel.superop()`` equals ``qiskit.quantum_info.SuperOp(...).data``: the column-stacking
  superoperator, vec(E(rho)) = S vec(rho) with vec column-major, S = sum_K conj(K) (x) K.
* ``Channel.ptm()`` equals ``qiskit.quantum_info.PTM(...).data``: the real matrix
  R_ij = Tr(P_i E(P_j)) / 2^k, Paulis ordered I, X, Y, Z per qubit, Pauli index
  sum_q 4^q code(P_q) (code I=0, X=1, Y=2, Z=3). Its label (``pauli_label``) is written as
  Qiskit writes Pauli strings: rightmost character on qubits[0].
* Depolarizing with probability p on k qubits (Cirq's and Qulacs' convention): each of the
  4^k - 1 non-identity Paulis with probability p / (4^k - 1). Qiskit's
  ``depolarizing_error(lam, k)`` is rho -> (1 - lam) rho + lam I / 2^k, so lam = p 4^k / (4^k - 1);
  convert with ``depolarizing_p_from_qiskit`` / ``depolarizing_p_to_qiskit``.

Validation tolerance: a Kraus set is accepted as CPTP when max |sum_K K^dag K - I| <= KRAUS_ATOL
(1e-10); probabilities must lie in [0, 1] and sum to at most 1 + PROB_ATOL (1e-12).
"""

from __future__ import annotations

import math

import numpy as np

from qsim._checks import integer, real
from qsim.liouville import kraus_superop, pauli_basis, ptm_from_superop

KRAUS_ATOL = 1e-10
PROB_ATOL = 1e-12
PAULI_DIAG_ATOL = 1e-12  # a PTM whose off-diagonal entries are all below this is a Pauli channel
MAX_CHANNEL_QUBITS = 4

_CODE = {"I": 0, "X": 1, "Y": 2, "Z": 3}


# -- Pauli basis ---------------------------------------------------------------------------
def pauli_label(index: int, num_qubits: int) -> str:
    """The Qiskit-order label of the Pauli with PTM index ``index`` (rightmost char = qubits[0])."""
    return "".join("IXYZ"[(index >> (2 * q)) & 3] for q in reversed(range(num_qubits)))


def pauli_index(label: str) -> int:
    """The PTM index sum_q 4^q code(P_q) of a Qiskit-order label ('XZ': Z on qubits[0], X on qubits[1])."""
    return sum(_CODE[ch] << (2 * q) for q, ch in enumerate(reversed(label)))


def pauli_operator(index: int, num_qubits: int) -> np.ndarray:
    """The 2^k x 2^k matrix of the Pauli with PTM index ``index`` (qubits[j] = bit j)."""
    return pauli_basis(num_qubits)[index].copy()


def _commutation_signs(num_qubits: int) -> np.ndarray:
    """s[a, j] = +1 when Paulis a and j commute, -1 when they anticommute."""
    n = 4**num_qubits
    idx = np.arange(n)
    x = np.zeros(n, dtype=np.int64)
    z = np.zeros(n, dtype=np.int64)
    for q in range(num_qubits):
        code = (idx >> (2 * q)) & 3
        x |= ((code == 1) | (code == 2)).astype(np.int64) << q
        z |= ((code == 2) | (code == 3)).astype(np.int64) << q
    sym = (x[:, None] & z[None, :]) ^ (z[:, None] & x[None, :])
    parity = np.array([bin(int(v)).count("1") & 1 for v in sym.ravel()]).reshape(n, n)
    return 1 - 2 * parity


# -- validation helpers -------------------------------------------------------------------------
def _probability(value, what: str) -> float:
    return real(what, value, minimum=0.0, maximum=1.0)


def _relaxation_time(value, what: str) -> float:
    """T1 or T2: positive, math.inf allowed (no relaxation)."""
    if value == math.inf:
        return math.inf
    return real(what, value, minimum=0.0, strict_minimum=True)


def _num_qubits_arg(num_qubits) -> int:
    return integer("num_qubits", num_qubits, minimum=1, maximum=MAX_CHANNEL_QUBITS)


def _kraus_from_choi(choi: np.ndarray, dim: int) -> list[np.ndarray]:
    """Kraus operators from a (column-stacking, Qiskit) Choi matrix sum_ij |i><j| (x) E(|i><j|)."""
    choi = (choi + choi.conj().T) / 2
    w, v = np.linalg.eigh(choi)
    ops = []
    for val, vec in zip(w, v.T):
        if val > 1e-15:
            # choi = sum_K vec(K) vec(K)^dag with vec column-major: K[a, i] = vec[i * dim + a]
            ops.append(math.sqrt(val) * vec.reshape(dim, dim).T)
    return ops or [np.zeros((dim, dim), dtype=complex)]


# -- the channel ------------------------------------------------------------------------------
class Channel:
    """A CPTP map on ``num_qubits`` qubits, stored as Kraus operators.

    Build one with the constructors of ``qsim.noise`` (depolarizing, pauli_channel, bit_flip,
    phase_flip, amplitude_damping, phase_damping, thermal_relaxation, reset, kraus).
    Instances are immutable; ``kraus()``, ``superop()`` and ``ptm()`` return fresh arrays.
    """

    def __init__(self, ops, name: str = "kraus", params: dict | None = None, *, _pauli_probs=None, _checked=False):
        self._ops = ops if _checked else _check_kraus(ops)
        self.num_qubits = int(round(math.log2(self._ops[0].shape[0])))
        self.name = name
        self.params = dict(params or {})
        self._pauli_probs = _pauli_probs
        self._superop = None
        self._ptm = None

    # -- representations --------------------------------------------------------------
    def kraus(self) -> list[np.ndarray]:
        """The Kraus operators K_a (sum_a K_a^dag K_a = I), each 2^k x 2^k, qubits[j] = bit j."""
        return [k.copy() for k in self._ops]

    @property
    def num_kraus(self) -> int:
        return len(self._ops)

    def superop(self) -> np.ndarray:
        """The 4^k x 4^k column-stacking superoperator sum_K conj(K) (x) K (Qiskit's SuperOp.data)."""
        return self._superop_view().copy()

    def ptm(self) -> np.ndarray:
        """The real 4^k x 4^k Pauli transfer matrix R_ij = Tr(P_i E(P_j)) / 2^k (Qiskit's PTM.data)."""
        return self._ptm_view().copy()

    def choi(self) -> np.ndarray:
        """The Choi matrix sum_ij |i><j| (x) E(|i><j|) (Qiskit's Choi.data convention)."""
        return sum(np.outer(k.reshape(-1, order="F"), k.reshape(-1, order="F").conj()) for k in self._ops)

    def _superop_view(self) -> np.ndarray:
        """The cached superoperator (read-only)."""
        if self._superop is None:
            s = kraus_superop(self._ops)
            s.flags.writeable = False
            self._superop = s
        return self._superop

    def _ptm_view(self) -> np.ndarray:
        """The cached PTM (read-only)."""
        if self._ptm is None:
            r = np.ascontiguousarray(ptm_from_superop(self._superop_view()).real)
            r.flags.writeable = False
            self._ptm = r
        return self._ptm

    def apply(self, rho: np.ndarray) -> np.ndarray:
        """E(rho) for a 2^k x 2^k matrix rho."""
        rho = np.asarray(rho, dtype=complex)
        return sum(k @ rho @ k.conj().T for k in self._ops)

    # -- Pauli channels ---------------------------------------------------------------
    @property
    def is_pauli(self) -> bool:
        """True for a Pauli channel rho -> sum_a p_a P_a rho P_a, i.e. a diagonal PTM
        (off-diagonal entries below PAULI_DIAG_ATOL). The ptm method applies these as diagonals."""
        if self._pauli_probs is not None:
            return True
        r = self._ptm_view()
        return bool(np.max(np.abs(r - np.diag(np.diag(r)))) <= PAULI_DIAG_ATOL)

    def pauli_probabilities(self) -> np.ndarray:
        """For a Pauli channel: the 4^k probabilities p_a of applying Pauli a, indexed by the PTM
        index sum_q 4^q code(P_q) (entry 0 is the identity; ``pauli_label(a, k)`` names them).
        The PTM is then diagonal with R_jj = sum_a p_a s(a, j), s = +1 if P_a and P_j commute,
        else -1. Raises ValueError for a channel that is not a Pauli channel."""
        if self._pauli_probs is not None:
            return self._pauli_probs.copy()
        if not self.is_pauli:
            raise ValueError(f"channel {self.name!r} is not a Pauli channel (its PTM is not diagonal)")
        lam = np.diag(self._ptm_view())
        p = _commutation_signs(self.num_qubits) @ lam / lam.size
        p[p < 1e-15] = 0.0  # rounding noise (a CPTP Pauli channel has p >= 0)
        return p / p.sum()

    def pauli_dict(self) -> dict[str, float]:
        """{Qiskit-order label: probability} of a Pauli channel, non-zero entries only."""
        p = self.pauli_probabilities()
        return {pauli_label(a, self.num_qubits): float(v) for a, v in enumerate(p) if v != 0.0}

    @property
    def is_unitary(self) -> bool:
        """True when the channel is one unitary conjugation (a single Kraus operator)."""
        return len(self._ops) == 1

    def average_gate_fidelity(self) -> float:
        """F_avg = (d F_e + 1) / (d + 1) with the entanglement fidelity F_e = Tr(PTM) / d^2
        (the fidelity with the identity channel, as qiskit.quantum_info.average_gate_fidelity)."""
        d = 1 << self.num_qubits
        fe = float(np.trace(self._ptm_view())) / (d * d)
        return (d * fe + 1) / (d + 1)

    # -- algebra ----------------------------------------------------------------------
    def compose(self, other: "Channel") -> "Channel":
        """The channel 'self, then other' on the same qubits (Qiskit's ``a.compose(b)`` order)."""
        _check_channel(other, "compose")
        if other.num_qubits != self.num_qubits:
            raise ValueError(f"compose needs channels on the same number of qubits, got {self.num_qubits} and {other.num_qubits}")
        ops = [b @ a for a in self._ops for b in other._ops]
        probs = None
        if self._pauli_probs is not None and other._pauli_probs is not None:
            probs = _compose_pauli_probs(self._pauli_probs, other._pauli_probs, self.num_qubits)
            ops = _pauli_kraus(probs, self.num_qubits)
        return Channel(_reduce_kraus(ops), f"({self.name}).compose({other.name})", _checked=True, _pauli_probs=probs)

    def tensor(self, other: "Channel") -> "Channel":
        """self (x) other: ``other`` on the low qubits (qubits[0..k_other-1]), self above them
        (Qiskit's ``a.tensor(b)``)."""
        _check_channel(other, "tensor")
        k = self.num_qubits + other.num_qubits
        if k > MAX_CHANNEL_QUBITS:
            raise ValueError(f"a tensor product on {k} qubits exceeds the limit of {MAX_CHANNEL_QUBITS}")
        ops = [np.kron(a, b) for a in self._ops for b in other._ops]
        probs = None
        if self._pauli_probs is not None and other._pauli_probs is not None:
            # index of a (x) b = idx(b) + 4^{k_b} idx(a)
            probs = np.kron(self._pauli_probs, other._pauli_probs)
        return Channel(_reduce_kraus(ops), f"({self.name}).tensor({other.name})", _checked=True, _pauli_probs=probs)

    def expand(self, other: "Channel") -> "Channel":
        """other (x) self: self on the low qubits (Qiskit's ``a.expand(b)``)."""
        _check_channel(other, "expand")
        return other.tensor(self)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"Channel({self.name}({args}), num_qubits={self.num_qubits}, kraus={len(self._ops)})"


def _check_channel(other, what: str) -> None:
    if not isinstance(other, Channel):
        raise TypeError(f"{what} takes a Channel, got {type(other).__name__}")


def _check_kraus(ops) -> list[np.ndarray]:
    """Validates a Kraus set: square 2^k matrices, finite, sum K^dag K = I within KRAUS_ATOL."""
    if isinstance(ops, np.ndarray) and ops.ndim == 2:
        ops = [ops]
    elif isinstance(ops, (list, tuple)) and ops and all(isinstance(row, (list, tuple)) for row in ops):
        try:  # one matrix written as nested lists
            if np.asarray(ops).ndim == 2:
                ops = [ops]
        except ValueError:
            pass
    try:
        mats = [np.array(k, dtype=complex) for k in ops]
    except (TypeError, ValueError) as exc:
        raise TypeError(f"Kraus operators must be numeric matrices: {exc}") from None
    if not mats:
        raise ValueError("a Kraus channel needs at least one operator, got an empty list")
    dim = mats[0].shape[0] if mats[0].ndim == 2 else -1
    k = int(round(math.log2(dim))) if dim > 0 else -1
    if k < 1 or (1 << k) != dim:
        raise ValueError(f"Kraus operators must be 2^k x 2^k with k >= 1, got shape {mats[0].shape}")
    if k > MAX_CHANNEL_QUBITS:
        raise ValueError(f"channels act on at most {MAX_CHANNEL_QUBITS} qubits, got {k}")
    for i, m in enumerate(mats):
        if m.shape != (dim, dim):
            raise ValueError(f"Kraus operator {i} has shape {m.shape}, expected {(dim, dim)}")
        if not np.all(np.isfinite(m)):
            raise ValueError(f"Kraus operator {i} has non-finite entries (NaN or inf)")
    total = sum(m.conj().T @ m for m in mats)
    err = float(np.max(np.abs(total - np.eye(dim))))
    if err > KRAUS_ATOL:
        raise ValueError(
            f"Kraus operators are not trace preserving: max |sum K^dag K - I| = {err:.3g} > {KRAUS_ATOL:g}"
        )
    for m in mats:
        m.flags.writeable = False
    return mats


def _reduce_kraus(ops: list[np.ndarray]) -> list[np.ndarray]:
    """Drops zero operators and, when there are more than d^2, re-derives a minimal set from the Choi matrix."""
    ops = [k for k in ops if np.max(np.abs(k)) > 0]
    dim = ops[0].shape[0]
    if len(ops) > dim * dim:
        choi = sum(np.outer(k.reshape(-1, order="F"), k.reshape(-1, order="F").conj()) for k in ops)
        ops = _kraus_from_choi(choi, dim)
    for m in ops:
        m.flags.writeable = False
    return ops


def _pauli_kraus(probs: np.ndarray, num_qubits: int) -> list[np.ndarray]:
    ops = [math.sqrt(p) * pauli_operator(a, num_qubits) for a, p in enumerate(probs) if p > 0]
    for m in ops:
        m.flags.writeable = False
    return ops


def _compose_pauli_probs(p: np.ndarray, q: np.ndarray, num_qubits: int) -> np.ndarray:
    """Probabilities of the Pauli product (up to phase): index of P_a P_b is the XOR of the
    symplectic (x, z) bits, which in the I,X,Y,Z = 0,1,2,3 coding is the bitwise XOR of indices."""
    n = 4**num_qubits
    out = np.zeros(n)
    idx = np.arange(n)
    for a in np.flatnonzero(p):
        np.add.at(out, idx ^ a, p[a] * q)
    return out


# -- constructors ---------------------------------------------------------------------------
def _pauli_from_probs(probs: np.ndarray, num_qubits: int, name: str, params: dict) -> Channel:
    probs = np.asarray(probs, dtype=float)
    probs.flags.writeable = False
    return Channel(_pauli_kraus(probs, num_qubits), name, params, _pauli_probs=probs, _checked=True)


def depolarizing(p, num_qubits: int = 1) -> Channel:
    """Depolarizing channel on k = num_qubits qubits: each of the 4^k - 1 non-identity Paulis with
    probability p / (4^k - 1), the identity with 1 - p (Cirq's / Qulacs' convention), p in [0, 1].
    For 1 qubit the PTM is diag(1, 1 - 4p/3, 1 - 4p/3, 1 - 4p/3). Qiskit's
    ``depolarizing_error(lam, k)`` is the same channel with lam = p 4^k / (4^k - 1)
    (see ``depolarizing_p_from_qiskit``)."""
    k = _num_qubits_arg(num_qubits)
    p = _probability(p, "depolarizing probability p")
    n = 4**k
    probs = np.full(n, p / (n - 1))
    probs[0] = 1.0 - p
    return _pauli_from_probs(probs, k, "depolarizing", {"p": p, "num_qubits": k})


def depolarizing_p_from_qiskit(lam, num_qubits: int = 1) -> float:
    """Our p for Qiskit's ``depolarizing_error(lam, k)``: p = lam (4^k - 1) / 4^k."""
    k = _num_qubits_arg(num_qubits)
    n = 4**k
    return real("Qiskit depolarizing parameter lam", lam, minimum=0.0, maximum=n / (n - 1)) * (n - 1) / n


def depolarizing_p_to_qiskit(p, num_qubits: int = 1) -> float:
    """Qiskit's lam for our p: lam = p 4^k / (4^k - 1)."""
    k = _num_qubits_arg(num_qubits)
    n = 4**k
    return _probability(p, "depolarizing probability p") * n / (n - 1)


def pauli_channel(probs) -> Channel:
    """A Pauli channel rho -> sum_a p_a P_a rho P_a.

    ``probs`` is a dict {label: probability} with labels of one length k in Qiskit order (the
    rightmost character acts on qubits[0]: {"X": 0.1, "Z": 0.05} on 1 qubit, {"XZ": 0.01,
    "ZZ": 0.02} on 2 qubits: "XZ" is Z on qubits[0] and X on qubits[1]). The identity entry
    ("I" * k) may be omitted, and then gets 1 - sum(others); if given, the sum must be 1.
    Alternatively an array of all 4^k probabilities in PTM-index order (sum_q 4^q code(P_q),
    entry 0 the identity), summing to 1. Probabilities must lie in [0, 1]; tolerance PROB_ATOL."""
    if isinstance(probs, dict):
        if not probs:
            raise ValueError("pauli_channel needs at least one probability, got an empty dict")
        lengths = {len(lbl) if isinstance(lbl, str) else -1 for lbl in probs}
        if len(lengths) != 1 or -1 in lengths:
            raise ValueError(f"pauli_channel labels must be strings of one length, got {list(probs)}")
        k = lengths.pop()
        _num_qubits_arg(k)
        vec = np.zeros(4**k)
        for lbl, p in probs.items():
            if any(ch not in "IXYZ" for ch in lbl):
                raise ValueError(f"bad Pauli label {lbl!r}: characters must be I, X, Y, Z")
            vec[pauli_index(lbl)] = _probability(p, f"probability of {lbl!r}")
        total = float(vec.sum())
        identity = "I" * k
        if identity not in probs:
            if total > 1 + PROB_ATOL:
                raise ValueError(f"pauli_channel probabilities sum to {total!r} > 1: {probs}")
            vec[0] = max(0.0, 1.0 - total)
        elif abs(total - 1) > PROB_ATOL:
            raise ValueError(f"pauli_channel probabilities (identity included) sum to {total!r}, not 1: {probs}")
    else:
        try:
            vec = np.array(probs, dtype=float).reshape(-1)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"pauli_channel takes a dict or an array of 4^k probabilities: {exc}") from None
        k = int(round(math.log(vec.size, 4))) if vec.size > 1 else 0
        if k < 1 or 4**k != vec.size:
            raise ValueError(f"pauli_channel needs 4^k probabilities, got {vec.size}")
        _num_qubits_arg(k)
        for a, p in enumerate(vec):
            _probability(float(p), f"probability of {pauli_label(a, k)!r}")
        if abs(float(vec.sum()) - 1) > PROB_ATOL:
            raise ValueError(f"pauli_channel probabilities sum to {float(vec.sum())!r}, not 1")
    vec = vec / vec.sum()
    return _pauli_from_probs(vec, k, "pauli_channel", {"probs": {pauli_label(a, k): float(v) for a, v in enumerate(vec) if v}})


def bit_flip(p) -> Channel:
    """X with probability p: rho -> (1 - p) rho + p X rho X."""
    p = _probability(p, "bit-flip probability p")
    return _pauli_from_probs(np.array([1 - p, p, 0.0, 0.0]), 1, "bit_flip", {"p": p})


def phase_flip(p) -> Channel:
    """Z with probability p: rho -> (1 - p) rho + p Z rho Z."""
    p = _probability(p, "phase-flip probability p")
    return _pauli_from_probs(np.array([1 - p, 0.0, 0.0, p]), 1, "phase_flip", {"p": p})


def amplitude_damping(gamma) -> Channel:
    """|1> decays to |0> with probability gamma: K0 = [[1, 0], [0, sqrt(1-gamma)]],
    K1 = [[0, sqrt(gamma)], [0, 0]] (Nielsen & Chuang 8.3.5; Qiskit's amplitude_damping_error)."""
    g = _probability(gamma, "amplitude-damping gamma")
    ops = [np.array([[1, 0], [0, math.sqrt(1 - g)]], dtype=complex), np.array([[0, math.sqrt(g)], [0, 0]], dtype=complex)]
    return Channel(_reduce_kraus(ops), "amplitude_damping", {"gamma": g}, _checked=True)


def phase_damping(lam) -> Channel:
    """Phase damping (Nielsen & Chuang 8.3.6; Qiskit's phase_damping_error): K0 =
    [[1, 0], [0, sqrt(1-lam)]], K1 = [[0, 0], [0, sqrt(lam)]]; coherences shrink by sqrt(1-lam).
    It equals phase_flip(p) with p = (1 - sqrt(1 - lam)) / 2."""
    lam = _probability(lam, "phase-damping lambda")
    ops = [np.array([[1, 0], [0, math.sqrt(1 - lam)]], dtype=complex), np.array([[0, 0], [0, math.sqrt(lam)]], dtype=complex)]
    return Channel(_reduce_kraus(ops), "phase_damping", {"lam": lam}, _checked=True)


def thermal_relaxation(t1, t2, time, excited_state_population: float = 0.0) -> Channel:
    """Thermal relaxation of one qubit for ``time`` with relaxation time T1 and dephasing time T2
    (same units; either may be ``math.inf``), T2 <= 2 T1 enforced (ValueError otherwise).

    Populations relax towards the thermal state (1 - pe, pe), pe = ``excited_state_population``
    (0 by default: relaxation to |0>): P1' = e^{-t/T1} P1 + (1 - e^{-t/T1}) pe; coherences
    decay as e^{-t/T2}. As Qiskit Aer's ``thermal_relaxation_error(t1, t2, time, pe)``. Limits:
    time = 0 is the identity; T2 = 2 T1 is pure amplitude damping with gamma = 1 - e^{-t/T1}."""
    t1 = _relaxation_time(t1, "T1")
    t2 = _relaxation_time(t2, "T2")
    time = real("time", time, minimum=0.0)
    pe = _probability(excited_state_population, "excited_state_population")
    if t2 > 2 * t1:
        raise ValueError(f"thermal_relaxation needs T2 <= 2 T1, got T1={t1!r}, T2={t2!r}")
    e1 = math.exp(-time / t1) if math.isfinite(t1) else 1.0
    e2 = math.exp(-time / t2) if math.isfinite(t2) else 1.0
    r = 1.0 - e1

    def action(rho: np.ndarray) -> np.ndarray:
        p0, p1 = rho[0, 0].real, rho[1, 1].real
        out = np.zeros((2, 2), dtype=complex)
        out[0, 0] = (1 - pe * r) * p0 + (1 - pe) * r * p1
        out[1, 1] = pe * r * p0 + (1 - (1 - pe) * r) * p1
        out[0, 1] = e2 * rho[0, 1]
        out[1, 0] = e2 * rho[1, 0]
        return out

    return Channel(
        _reduce_kraus(_kraus_from_choi(_choi_of(action, 2), 2)), "thermal_relaxation",
        {"t1": t1, "t2": t2, "time": time, "excited_state_population": pe},
    )


def _choi_of(action, dim: int) -> np.ndarray:
    """Choi = sum_ij |i><j| (x) E(|i><j|) (Qiskit's convention) of a linear map given as a function."""
    choi = np.zeros((dim * dim, dim * dim), dtype=complex)
    for i in range(dim):
        for j in range(dim):
            e = np.zeros((dim, dim), dtype=complex)
            e[i, j] = 1.0
            choi[i * dim:(i + 1) * dim, j * dim:(j + 1) * dim] = action(e)
    return choi


def reset() -> Channel:
    """Reset to |0>: K0 = |0><0|, K1 = |0><1|."""
    ops = [np.array([[1, 0], [0, 0]], dtype=complex), np.array([[0, 1], [0, 0]], dtype=complex)]
    return Channel(_reduce_kraus(ops), "reset", {}, _checked=True)


def kraus(ops) -> Channel:
    """A general channel from Kraus operators (one 2^k x 2^k matrix or a list of them,
    qubits[j] = bit j); CPTP checked: max |sum K^dag K - I| <= KRAUS_ATOL (1e-10)."""
    channel = Channel(ops, "kraus")
    channel.params["num_kraus"] = channel.num_kraus
    return channel


def identity(num_qubits: int = 1) -> Channel:
    """The identity channel."""
    k = _num_qubits_arg(num_qubits)
    probs = np.zeros(4**k)
    probs[0] = 1.0
    return _pauli_from_probs(probs, k, "identity", {"num_qubits": k})
