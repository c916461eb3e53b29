"""The roundings of a QRAO state to bitstrings (Fuller et al., arXiv 2111.03167).

Semideterministic: bit i = 1 when <P_i> <= 0, else 0 (one bitstring, no randomness).
Magic: per shot, every qubit measured in one of the encoding's magic bases, chosen
uniformly at random: (3,1) has four (the eight states with Bloch vectors
(+-1, +-1, +-1) / sqrt3 in antipodal pairs), (2,1) two ((+-1, 0, +-1) / sqrt2), (1,1) one
(Z). Basis b of a qubit holds the state of signs s_b (outcome 0) and that of -s_b (outcome
1); the outcome o decodes variable i at position p of that qubit as z_i = s_b[p] (1 - 2 o),
bit (1 - z_i) / 2. A basis along the unit vector v is measured as RZ(-phi) then RY(-theta)
(v's polar angles) before a Z measurement: those gates take parameters appended after the
ansatz's, so one compiled program serves every basis; shots that drew the same bases are
sampled together.
"""

from __future__ import annotations

import numpy as np

from qsim import Circuit, ParameterVector

# per encoding, the sign vectors s_b over its axes (outcome 0 of basis b)
MAGIC_SIGNS = {"(3,1)": np.array([[1, 1, 1], [1, 1, -1], [1, -1, 1], [-1, 1, 1]]),
               "(2,1)": np.array([[1, 1], [1, -1]]),
               "(1,1)": np.array([[1]])}


def _bloch(axes: str, signs: np.ndarray) -> np.ndarray:
    v = np.zeros(3)
    for axis, s in zip(axes, signs):
        v["XYZ".index(axis)] = s
    return v / np.linalg.norm(v)


def basis_angles(axes: str, signs: np.ndarray) -> tuple[float, float]:
    """(-phi, -theta): the RZ and RY angles that turn the state along the signs' Bloch
    vector into |0>."""
    x, y, z = _bloch(axes, signs)
    return -float(np.arctan2(y, x)), -float(np.arccos(np.clip(z, -1.0, 1.0)))


def measurement_circuit(ansatz, n_qubits: int) -> Circuit:
    """The ansatz, then RZ(b_{2q}) RY(b_{2q+1}) on every qubit q (parameters after the ansatz's)."""
    basis = ParameterVector("basis", 2 * n_qubits)
    circuit = ansatz.copy()
    for q in range(n_qubits):
        circuit.rz(basis[2 * q], q).ry(basis[2 * q + 1], q)
    return circuit


def semideterministic(program, theta, encoding) -> np.ndarray:
    """One bitstring (uint8, shape (1, m)) from the signs of <P_i>, in one expectation call."""
    values = program.expectation(theta, encoding.variable_observables)
    return (values <= 0.0).astype(np.uint8)[None, :]


def magic(measure, theta, encoding, shots: int, rng: np.random.Generator) -> np.ndarray:
    """``shots`` bitstrings (uint8, shape (shots, m)) by magic rounding; ``measure`` the
    compiled measurement_circuit, ``rng`` the bases' and the samples' seeds."""
    signs = MAGIC_SIGNS[encoding.name]
    angles = np.array([basis_angles(encoding.axes, s) for s in signs])  # (bases, 2)
    n = encoding.n_qubits
    drawn = rng.integers(signs.shape[0], size=(shots, n))
    combos, inverse = np.unique(drawn, axis=0, return_inverse=True)
    outcomes = np.zeros((shots, n), dtype=np.int64)
    for c, combo in enumerate(combos):
        rows = np.flatnonzero(inverse.ravel() == c)
        point = np.concatenate([theta, angles[combo].ravel()])
        indices = measure.sample(point, rows.size, int(rng.integers(2**63))).indices.astype(np.int64)
        outcomes[rows] = (indices[:, None] >> np.arange(n)) & 1
    q, p = encoding.qubit, encoding.position
    z = signs[drawn[:, q], p] * (1 - 2 * outcomes[:, q])
    return ((1 - z) // 2).astype(np.uint8)
