"""The numpy reference simulator: dense matrices, simple and obviously correct.

It is the oracle the fast C++ paths are tested against, never a fast path itself: every
instruction becomes a full 2^n x 2^n matrix, built entry by entry from the gate matrix
(<i|G_full|j> = G[sub(i), sub(j)] when i and j agree off the gate's qubits, else 0), and
states evolve by matrix products. Pauli strings are Kronecker products of 2x2 matrices,
leftmost label character on the highest qubit. Use it for n <= 10 or so.

Noise (``noise_model=`` in density_matrix / compile): the circuit is expanded by
``NoiseModel.noisy_instructions`` and every channel is applied as rho -> sum_K K rho K^dag
with each Kraus operator embedded as a full 2^n x 2^n matrix; readout error follows the
readout rule of ``qsim.program``: it enters ``sample``, and ``probabilities`` /
``expectation`` only with ``readout=True``.
"""

from __future__ import annotations

from functools import reduce

import numpy as np

from qsim.circuit import Circuit, Instruction
from qsim.gates import GATES, I2, X, Y, Z
from qsim.noise.channel_op import ChannelOp
from qsim.noise.model import NoiseModel
from qsim.observables import DiagonalObservable, PauliSum
from qsim.samples import Samples, counts_from_indices

_PAULI = {"I": I2, "X": X, "Y": Y, "Z": Z}


def instruction_matrix(inst: Instruction) -> np.ndarray:
    """The k-qubit matrix of a bound instruction (qubits[j] = bit j of its index)."""
    if inst.name == "unitary":
        return inst.data
    if inst.name == "diagonal_evolution":
        return np.diag(np.exp(-1j * inst.params[0] * inst.data))
    return GATES[inst.name].matrix(*inst.params)


def embed(gate: np.ndarray, qubits, n: int) -> np.ndarray:
    """The 2^n x 2^n matrix of ``gate`` acting on ``qubits`` of n qubits."""
    idx = np.arange(1 << n)
    sub = np.zeros_like(idx)
    mask = 0
    for j, q in enumerate(qubits):
        sub |= ((idx >> q) & 1) << j
        mask |= 1 << q
    rest = idx & ~mask
    same_rest = rest[:, None] == rest[None, :]
    return np.where(same_rest, gate[sub[:, None], sub[None, :]], 0)


def _bound(circuit: Circuit, theta) -> Circuit:
    return circuit.bind(np.asarray(theta if theta is not None else [], dtype=float))


def unitary(circuit: Circuit, theta=None) -> np.ndarray:
    """The circuit's full unitary at theta."""
    n = circuit.num_qubits
    u = np.eye(1 << n, dtype=complex)
    for inst in _bound(circuit, theta):
        u = embed(instruction_matrix(inst), inst.qubits, n) @ u
    return u


def statevector(circuit: Circuit, theta=None) -> np.ndarray:
    """The state after the circuit, from |0...0>."""
    n = circuit.num_qubits
    psi = np.zeros(1 << n, dtype=complex)
    psi[0] = 1.0
    for inst in _bound(circuit, theta):
        psi = embed(instruction_matrix(inst), inst.qubits, n) @ psi
    return psi


def apply_channel(rho: np.ndarray, channel, qubits, n: int) -> np.ndarray:
    """sum_K K rho K^dagger with each Kraus operator of ``channel`` embedded on ``qubits``."""
    out = np.zeros_like(rho)
    for k in channel.kraus():
        g = embed(k, qubits, n)
        out += g @ rho @ g.conj().T
    return out


def _check_noise_model(noise_model) -> None:
    if noise_model is not None and not isinstance(noise_model, NoiseModel):
        raise TypeError(f"noise_model must be a qsim.NoiseModel or None, got {type(noise_model).__name__}")


def density_matrix(circuit: Circuit, theta=None, noise_model: NoiseModel | None = None) -> np.ndarray:
    """rho = U |0><0| U^dagger, gate by gate; with ``noise_model``, each gate is followed by the
    channels ``noise_model.channels_for`` gives (and idle noise), as in ``noisy_instructions``."""
    _check_noise_model(noise_model)
    n = circuit.num_qubits
    rho = np.zeros((1 << n, 1 << n), dtype=complex)
    rho[0, 0] = 1.0
    bound = _bound(circuit, theta)
    ops = bound if noise_model is None else noise_model.noisy_instructions(bound)
    for op in ops:
        if isinstance(op, ChannelOp):
            rho = apply_channel(rho, op.channel, op.qubits, n)
        else:
            g = embed(instruction_matrix(op), op.qubits, n)
            rho = g @ rho @ g.conj().T
    return rho


def pauli_matrix(label: str) -> np.ndarray:
    """Kronecker product of a dense Qiskit-order label ('XZ' = X on qubit 1, Z on qubit 0)."""
    return reduce(np.kron, [_PAULI[ch] for ch in label])


def observable_matrix(observable, num_qubits: int) -> np.ndarray:
    """The dense matrix of a PauliSum (padded with identities to num_qubits) or DiagonalObservable."""
    if isinstance(observable, DiagonalObservable):
        return np.diag(observable.values.astype(complex))
    m = np.zeros((1 << num_qubits, 1 << num_qubits), dtype=complex)
    for label, coeff in observable.to_list():
        m += coeff * pauli_matrix("I" * (num_qubits - len(label)) + label)
    return m


def expectation(state: np.ndarray, observable, num_qubits: int) -> float:
    """<psi|O|psi> for a vector, Tr(rho O) for a density matrix."""
    o = observable_matrix(observable, num_qubits)
    if state.ndim == 1:
        return float(np.real(np.vdot(state, o @ state)))
    return float(np.real(np.trace(state @ o)))


def _diagonal_values(observable, num_qubits: int) -> np.ndarray:
    if isinstance(observable, PauliSum) and not observable.is_diagonal:
        raise ValueError("expectation with readout=True needs a diagonal observable (Z-only PauliSum or DiagonalObservable)")
    return np.real(np.diag(observable_matrix(observable, num_qubits)))


class ReferenceProgram:
    """The Program API on top of the dense reference (method 'statevector' or 'density_matrix';
    a noise model needs 'density_matrix'). Readout error of the noise model enters ``sample``
    (true outcomes drawn first, then bits flipped), and ``probabilities`` / ``expectation``
    only with ``readout=True`` (the readout rule of ``qsim.program``)."""

    def __init__(self, circuit: Circuit, method: str = "statevector", noise_model: NoiseModel | None = None):
        if method not in ("statevector", "density_matrix"):
            raise ValueError(f"reference method must be 'statevector' or 'density_matrix', got {method!r}")
        _check_noise_model(noise_model)
        if noise_model is not None:
            if method != "density_matrix":
                raise ValueError(f"a noise model needs method 'density_matrix', got {method!r}")
            noise_model.check_circuit(circuit)
        self.circuit = circuit
        self.method = method
        self.noise_model = noise_model
        self.num_qubits = circuit.num_qubits
        self.num_parameters = circuit.num_parameters

    def run(self, theta=None) -> np.ndarray:
        if self.method == "statevector":
            return statevector(self.circuit, theta)
        return density_matrix(self.circuit, theta, self.noise_model)

    def _true_probabilities(self, theta) -> np.ndarray:
        state = self.run(theta)
        p = np.abs(state) ** 2 if state.ndim == 1 else np.real(np.diag(state)).copy()
        return np.clip(p, 0.0, None)

    def probabilities(self, theta=None, *, readout: bool = False) -> np.ndarray:
        p = self._true_probabilities(theta)
        if readout and self.noise_model is not None and self.noise_model.has_readout:
            p = self.noise_model.apply_readout(p)
        return p

    def sample(self, theta=None, shots: int = 1024, seed: int | None = None) -> Samples:
        p = self._true_probabilities(theta)
        rng = np.random.default_rng(seed)
        indices = rng.choice(p.size, size=shots, p=p / p.sum()).astype(np.uint64)
        if self.noise_model is not None and self.noise_model.has_readout:
            indices = self.noise_model.apply_readout_to_samples(indices, self.num_qubits, rng)
        return Samples(indices, counts_from_indices(indices, self.num_qubits))

    def expectation(self, theta, observable, *, readout: bool = False):
        """<O> of the state (readout error never enters). With ``readout=True`` (diagonal
        observables only: Z-only PauliSums, DiagonalObservables) it is instead the mean of O over
        the measured distribution ``probabilities(theta, readout=True)``."""
        if readout:
            p = self.probabilities(theta, readout=True)
            single = isinstance(observable, (PauliSum, DiagonalObservable))
            values = [float(p @ _diagonal_values(o, self.num_qubits)) for o in ([observable] if single else observable)]
            return values[0] if single else np.array(values)
        state = self.run(theta)
        if isinstance(observable, (PauliSum, DiagonalObservable)):
            return expectation(state, observable, self.num_qubits)
        return np.array([expectation(state, o, self.num_qubits) for o in observable])

    def expectation_batch(self, thetas, observable) -> np.ndarray:
        return np.array([self.expectation(t, observable) for t in np.asarray(thetas, dtype=float)])


def compile(circuit: Circuit, *, method: str = "statevector", noise_model: NoiseModel | None = None) -> ReferenceProgram:
    """The reference counterpart of qsim.compile (noise needs method='density_matrix')."""
    return ReferenceProgram(circuit, method, noise_model)
