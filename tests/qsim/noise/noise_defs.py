"""Independent definitions for the noise tests (no qsim.noise code used here); importable as
``noise_defs`` through pyproject's pytest pythonpath."""

from functools import reduce

import numpy as np

I2 = np.eye(2, dtype=complex)
PX = np.array([[0, 1], [1, 0]], dtype=complex)
PY = np.array([[0, -1j], [1j, 0]], dtype=complex)
PZ = np.array([[1, 0], [0, -1]], dtype=complex)
PAULIS = {"I": I2, "X": PX, "Y": PY, "Z": PZ}


def apply_kraus(ops, rho):
    return sum(k @ rho @ k.conj().T for k in ops)


def superop_from_definition(ops):
    """Column j (column-major index of |a><b|: a + d b) = vec_F(E(|a><b|))."""
    d = ops[0].shape[0]
    s = np.zeros((d * d, d * d), dtype=complex)
    for b in range(d):
        for a in range(d):
            e = np.zeros((d, d), dtype=complex)
            e[a, b] = 1
            s[:, a + d * b] = apply_kraus(ops, e).reshape(-1, order="F")
    return s


def pauli_by_index(index, k):
    """Pauli of index sum_q 4^q code_q, qubit 0 = least significant bit = rightmost kron factor."""
    labels = ["IXYZ"[(index >> (2 * q)) & 3] for q in range(k)]
    return reduce(np.kron, [PAULIS[ch] for ch in reversed(labels)])


def ptm_from_definition(ops):
    d = ops[0].shape[0]
    k = d.bit_length() - 1
    paulis = [pauli_by_index(i, k) for i in range(4**k)]
    r = np.zeros((4**k, 4**k))
    for j, pj in enumerate(paulis):
        out = apply_kraus(ops, pj)
        for i, pi in enumerate(paulis):
            val = np.trace(pi @ out) / d
            assert abs(val.imag) < 1e-12
            r[i, j] = val.real
    return r


def random_kraus(rng, k, rank):
    """A random CPTP Kraus set: blocks of a random isometry V (V^dag V = I) of shape (rank d, d)."""
    d = 1 << k
    g = rng.normal(size=(rank * d, d)) + 1j * rng.normal(size=(rank * d, d))
    q, _ = np.linalg.qr(g)
    return [q[i * d:(i + 1) * d, :] for i in range(rank)]


def random_density_matrix(rng, d):
    g = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    rho = g @ g.conj().T
    return rho / np.trace(rho)


def apply_confusions(probs, confusions):
    """p'(j) = sum_i p(i) prod_q C_q[i_q][j_q], by explicit loops."""
    n = len(confusions)
    out = np.zeros(1 << n)
    for i in range(1 << n):
        for j in range(1 << n):
            w = 1.0
            for q, c in enumerate(confusions):
                bi, bj = (i >> q) & 1, (j >> q) & 1
                w *= c[bi][bj] if c is not None else float(bi == bj)
            out[j] += probs[i] * w
    return out


def embed_local(op, position, k):
    """A 1-qubit operator on bit ``position`` of a k-qubit space (qubit 0 = rightmost kron factor)."""
    mats = [op if q == position else I2 for q in range(k)]
    return reduce(np.kron, list(reversed(mats)))


def gate_noise_superop(channel_ops, qubits):
    """Column-stacking superoperator, on the gate's qubits (qubits[j] = bit j), of a list of
    (channel, channel_qubits) applied in order; channels are on all of ``qubits`` or on one."""
    k = len(qubits)
    total = np.eye(4**k, dtype=complex)
    for channel, ch_qubits in channel_ops:
        ops = channel.kraus()
        if tuple(ch_qubits) != tuple(qubits):
            ops = [embed_local(m, qubits.index(ch_qubits[0]), k) for m in ops]
        total = sum(np.kron(m.conj(), m) for m in ops) @ total
    return total


def to_qiskit(circuit):
    """The same circuit in Qiskit (standard gates share names and argument order)."""
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(circuit.num_qubits)
    for inst in circuit:
        getattr(qc, inst.name)(*[float(p) for p in inst.params], *inst.qubits)
    return qc


GATES_1Q = ["h", "x", "sx", "rx", "ry", "rz"]
GATES_2Q = ["cx", "cz", "rzz", "swap"]
ANGLED = {"rx", "ry", "rz", "rzz"}


def random_circuit(rng, n, size, edges=None, gates_1q=GATES_1Q, gates_2q=GATES_2Q):
    """A random circuit of qsim standard gates; 2-qubit gates on ``edges`` (all pairs by default)."""
    from qsim import Circuit

    c = Circuit(n)
    pairs = edges if edges is not None else [(a, b) for a in range(n) for b in range(n) if a != b]
    for _ in range(size):
        if n > 1 and pairs and rng.random() < 0.35:
            name = gates_2q[rng.integers(len(gates_2q))]
            qubits = tuple(int(q) for q in pairs[rng.integers(len(pairs))])
            if rng.random() < 0.5:
                qubits = qubits[::-1]
        else:
            name = gates_1q[rng.integers(len(gates_1q))]
            qubits = (int(rng.integers(n)),)
        params = (float(rng.uniform(-np.pi, np.pi)),) if name in ANGLED else ()
        c.append(name, qubits, params)
    return c


def random_noise_model(rng, with_idle):
    """A NoiseModel with every kind of channel: depolarizing, thermal relaxation, random
    Kraus (1 and 2 qubits), amplitude damping, reset, optional idle phase damping, readout."""
    from qsim import NoiseModel, noise

    nm = NoiseModel()
    nm.add(noise.depolarizing(float(rng.uniform(0, 0.2))), gates=GATES_1Q)
    nm.add(noise.thermal_relaxation(50.0, float(rng.uniform(10, 100)), float(rng.uniform(0, 20))), gates=GATES_1Q + GATES_2Q)
    nm.add(noise.depolarizing(float(rng.uniform(0, 0.3)), 2), gates=GATES_2Q)
    nm.add(noise.kraus(random_kraus(rng, 1, 2)), gates=["h", "sx"])
    nm.add(noise.kraus(random_kraus(rng, 2, 3)), gates=["cz"])
    nm.add(noise.amplitude_damping(float(rng.uniform(0, 1))), gates="x")
    nm.add(noise.reset(), gates="swap", qubits=[0])
    if with_idle:
        nm.add_idle(noise.phase_damping(float(rng.uniform(0, 0.2))))
    nm.add_readout(noise.readout_confusion(float(rng.uniform(0, 0.2)), float(rng.uniform(0, 0.2))))
    return nm
