"""compile(circuit) -> Program: lowers a Circuit to the C++ operation list once.

Lowering: a gate with constant angles becomes its constant matrix (or diagonal); a
one-angle gate with a parameter becomes its generator's spectral form
M(a) = sum_j exp(-i a lambda_j) P_j with a = coeff * theta[k] + offset; a parametrised
``u`` becomes p(lam) ry(theta) p(phi); a diagonal evolution becomes a phase vector over
all 2^n basis states. The C++ side fuses and runs it (csrc/fuser.cpp, csrc/program.cpp).
"""

from __future__ import annotations

import numpy as np

from qsim import _core
from qsim._checks import integer, optional_integer
from qsim._memory import require_memory
from qsim.circuit import Circuit
from qsim.gates import GATES, spectral_form
from qsim.liouville import ptm_from_superop, unitary_superop
from qsim.noise.channel_op import is_channel_op
from qsim.noise.model import NoiseModel
from qsim.observables import walsh_coefficients
from qsim.parameters import ParameterExpression
from qsim.program import Program

METHODS = ("statevector", "density_matrix", "ptm", "trajectories")
DEFAULT_TRAJECTORIES = 1000
PRECISIONS = {"double": (_core.ProgramF64, 8), "single": (_core.ProgramF32, 4)}
MAX_QUBITS = {"statevector": 40, "density_matrix": 20, "ptm": 20, "trajectories": 40}


def default_fusion(num_qubits: int, method: str = "statevector") -> int:
    """Largest fused block (qubits of the simulated vector) used when compile is not told:
    blocks pay off once the vector is much larger than a block matrix. The density matrix
    and PTM act on 2n qubits (bits), where one gate on k qubits is a block of 2k; measured on
    the noisy benchmark, PTM blocks of 2 bits (a one-qubit gate fused with its channels, the
    two-qubit gates left alone as monomials) and density-matrix blocks of 4 are fastest."""
    if method == "ptm":
        return 2  # a one-qubit gate with its noise; two-qubit gates (often monomial PTMs) alone
    if method == "density_matrix":
        return 4 if num_qubits >= 4 else 2
    # statevector, counted in instructions (callgrind) on a 2-rep RY + CNOT ansatz with a
    # 30-term Pauli sum: n = 6 fastest unfused, n = 10 with blocks of 2, n = 12 with 2 or 3
    if num_qubits <= 7:
        return 0
    if num_qubits <= 11:
        return 2
    return 3


def state_bytes(num_qubits: int, method: str, precision: str) -> int:
    """Bytes of one state: complex 2^n (statevector), complex 4^n (density matrix), real 4^n (ptm)."""
    real_bytes = PRECISIONS[precision][1]
    if method in ("statevector", "trajectories"):  # trajectories keep a second state for Kraus branches
        return (2 if method == "statevector" else 4) * real_bytes << num_qubits
    return (2 if method == "density_matrix" else 1) * real_bytes << (2 * num_qubits)


def _angle_args(angle, index: dict) -> tuple[int, float, float]:
    if isinstance(angle, ParameterExpression):
        return index[angle.parameter], angle.coeff, angle.offset
    return -1, 0.0, float(angle)


def _full_values(inst, n: int) -> np.ndarray:
    """The 2^n phase values of a diagonal evolution on a subset of qubits."""
    if inst.qubits == tuple(range(n)):
        return inst.data
    idx = np.arange(1 << n, dtype=np.int64)
    sub = np.zeros_like(idx)
    for j, q in enumerate(inst.qubits):
        sub |= ((idx >> q) & 1) << j
    return inst.data[sub]


def _group_spectrum(values, projectors) -> tuple[np.ndarray, np.ndarray]:
    """Merges terms with equal eigenvalues (to 1e-12)."""
    keys = np.round(np.asarray(values, dtype=float), 12)
    unique = np.unique(keys)
    return unique, np.array([sum(p for k, p in zip(keys, projectors) if k == u) for u in unique])


def _trajectory_form(channel) -> tuple[np.ndarray, np.ndarray]:
    """(operators, mixture): the unitaries U_j and probabilities p_j when every Kraus operator
    is sqrt(p_j) U_j (branch probabilities then need no norm), else the Kraus operators and
    an empty mixture."""
    ops = channel.kraus()
    d = ops[0].shape[0]
    probs = [np.real(np.trace(k.conj().T @ k)) / d for k in ops]
    if all(p > 0 and np.allclose(k.conj().T @ k, p * np.eye(d), atol=1e-12) for k, p in zip(ops, probs)):
        total = sum(probs)
        return np.array([k / np.sqrt(p) for k, p in zip(ops, probs)]), np.array(probs) / total
    return np.array(ops), np.zeros(0)


class _Lowering:
    """Turns instructions into the C++ operation list of one method: statevector gates as
    they are; density-matrix gates as superoperators on (row qubits, column qubits q + n);
    PTM gates as Pauli transfer matrices on bits (2q, 2q + 1)."""

    def __init__(self, circuit: Circuit, method: str):
        self.n = circuit.num_qubits
        self.method = method
        self.params = circuit.parameters
        self.index = {p: k for k, p in enumerate(self.params)}
        self.pure = method in ("statevector", "trajectories")
        width = self.n if self.pure else 2 * self.n
        self.spec = _core.CircuitSpec(width, len(self.params))

    def _targets(self, qubits) -> list[int]:
        if self.pure:
            return list(qubits)
        if self.method == "density_matrix":
            return list(qubits) + [q + self.n for q in qubits]
        return [b for q in qubits for b in (2 * q, 2 * q + 1)]

    def _check_width(self, qubits, what: str) -> None:
        if len(self._targets(qubits)) > _core.MAX_BLOCK_QUBITS:
            raise ValueError(
                f"{what} on {len(qubits)} qubits is too wide for method {self.method!r} "
                f"(at most {_core.MAX_BLOCK_QUBITS // 2} qubits)"
            )

    def constant(self, qubits, matrix: np.ndarray, diagonal: bool = False) -> None:
        """A constant unitary (its diagonal when `diagonal`)."""
        self._check_width(qubits, "a gate")
        targets = self._targets(qubits)
        if self.pure:
            if diagonal:
                self.spec.add_diagonal(targets, np.ascontiguousarray(matrix))
            else:
                self.spec.add_matrix(targets, np.ascontiguousarray(matrix))
        elif self.method == "density_matrix":
            if diagonal:
                self.spec.add_diagonal(targets, np.kron(matrix.conj(), matrix))
            else:
                self.spec.add_matrix(targets, unitary_superop(matrix))
        else:
            u = np.diag(matrix) if diagonal else matrix
            self.spec.add_matrix(targets, np.ascontiguousarray(np.real(ptm_from_superop(unitary_superop(u)))).astype(complex))

    def parametric(self, qubits, values, projectors, angle) -> None:
        """M(a) = sum_j exp(-i a values[j]) projectors[j], a = the affine angle."""
        self._check_width(qubits, "a gate")
        targets = self._targets(qubits)
        if not self.pure:
            # conj(M) (x) M = sum_{l,m} exp(-i a (v_l - v_m)) conj(P_m) (x) P_l
            pairs = [(vl - vm, np.kron(pm.conj(), pl)) for vl, pl in zip(values, projectors) for vm, pm in zip(values, projectors)]
            values, projectors = _group_spectrum([v for v, _ in pairs], [p for _, p in pairs])
            if self.method == "ptm":
                projectors = np.array([ptm_from_superop(p) for p in projectors])
        self.spec.add_parametric(targets, np.asarray(values, dtype=float), np.ascontiguousarray(projectors),
                                 *_angle_args(angle, self.index))

    def phase_vector(self, values: np.ndarray, angle) -> None:
        """exp(-i angle values[x]) on every basis state x (2^n values)."""
        if self.pure:
            self.spec.add_phase_vector(values, *_angle_args(angle, self.index))
        elif self.method == "density_matrix":
            # rho[i, j] -> exp(-i a (D_i - D_j)) rho[i, j], stored at i + 2^n j
            self.spec.add_phase_vector((values[None, :] - values[:, None]).reshape(-1), *_angle_args(angle, self.index))
        else:
            self._ising_rotations(values, angle)

    def channel(self, channel, qubits) -> None:
        """A noise channel: its superoperator (density matrix) or PTM (diagonal for Pauli channels)."""
        if self.method == "statevector":
            raise ValueError("method 'statevector' simulates no noise; use 'density_matrix', 'ptm' or 'trajectories'")
        self._check_width(qubits, "a channel")
        targets = self._targets(qubits)
        if self.method == "trajectories":
            self.spec.add_channel(targets, *_trajectory_form(channel))
        elif self.method == "density_matrix":
            self.spec.add_matrix(targets, np.ascontiguousarray(channel.superop()))
        elif channel.is_pauli:
            self.spec.add_diagonal(targets, np.diag(channel.ptm()).astype(complex))
        else:
            self.spec.add_matrix(targets, channel.ptm().astype(complex))

    def _ising_rotations(self, values: np.ndarray, angle) -> None:
        """exp(-i a D) as Z and ZZ rotations (up to a global phase), for D with at most
        two-body terms: the Walsh coefficients w_z of D give exp(-i a w_z Z_z)."""
        n = self.n
        w = walsh_coefficients(values)
        weights = np.array([bin(z).count("1") for z in range(w.size)])
        scale = max(1.0, float(np.max(np.abs(values))))
        if np.any(np.abs(w[weights > 2]) > 1e-12 * scale):
            raise ValueError("method 'ptm' takes diagonal evolutions with at most two-body (Ising) terms")
        for z in np.flatnonzero((weights >= 1) & (weights <= 2) & (np.abs(w) > 1e-15 * scale)):
            qubits = [q for q in range(n) if (z >> q) & 1]
            gate = GATES["rz" if len(qubits) == 1 else "rzz"]
            scaled = 2.0 * w[z] * angle  # rz(t) = exp(-i t Z / 2)
            if isinstance(scaled, ParameterExpression):
                self.parametric(qubits, *spectral_form(gate), scaled)
            else:
                self.constant(qubits, gate.matrix(scaled))


def _lower_gate(low: _Lowering, name: str, qubits, params: tuple) -> None:
    gate = GATES[name]
    if not any(isinstance(p, ParameterExpression) for p in params):
        m = gate.matrix(*params)
        low.constant(qubits, np.diag(m) if gate.diagonal else m, diagonal=gate.diagonal)
        return
    if name == "u":
        theta, phi, lam = params
        for sub_name, angle in (("p", lam), ("ry", theta), ("p", phi)):
            _lower_gate(low, sub_name, qubits, (angle,))
        return
    low.parametric(qubits, *spectral_form(gate), params[0])


def lower(circuit: Circuit, method: str = "statevector", noise_model: NoiseModel | None = None) -> "_core.CircuitSpec":
    """The C++ operation list of a circuit for one method (parameters indexed as
    circuit.parameters), with the noise model's channels after the gates they follow."""
    low = _Lowering(circuit, method)
    ops = circuit if noise_model is None else noise_model.noisy_instructions(circuit)
    for inst in ops:
        if is_channel_op(inst):
            low.channel(inst.channel, inst.qubits)
        elif inst.name == "unitary":
            low.constant(inst.qubits, inst.data)
        elif inst.name == "diagonal_evolution":
            low.phase_vector(_full_values(inst, circuit.num_qubits), inst.params[0])
        else:
            _lower_gate(low, inst.name, inst.qubits, inst.params)
    return low.spec


def compile(
    circuit: Circuit,
    *,
    method: str = "statevector",
    noise_model=None,
    precision: str = "double",
    seed: int | None = None,
    fusion: int | None = None,
    trajectories: int | None = None,
) -> Program:
    """Compiles ``circuit`` once into a Program that runs with new parameters from C++.

    method: "statevector" (2^n amplitudes), "density_matrix" (rho, 4^n entries), "ptm"
    (4^n real Pauli coefficients c_P = Tr(rho P)) or "trajectories" (sampled Kraus branches
    on 2^n amplitudes, averaged). noise_model: a qsim.NoiseModel whose channels follow their
    gates (every method but statevector). precision: "double" (complex128) or "single" (complex64).
    fusion: the largest fused block in qubits (0 disables fusion; default by size, see
    default_fusion). seed: default seed for sampling when a call gives none, and the seed of
    the trajectory sampling. trajectories: how many trajectories the "trajectories" method
    averages over (default 1000); their expectation comes with a standard error
    (Program.expectation_with_error).
    """
    if not isinstance(circuit, Circuit):
        raise TypeError(f"compile takes a qsim.Circuit, got {type(circuit).__name__}")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; available: {', '.join(METHODS)}")
    if noise_model is not None:
        if not isinstance(noise_model, NoiseModel):
            raise TypeError(f"noise_model must be a qsim.NoiseModel, got {type(noise_model).__name__}")
        if method == "statevector":
            raise ValueError("method 'statevector' simulates no noise; use 'density_matrix', 'ptm' or 'trajectories'")
        noise_model.check_circuit(circuit)
    if trajectories is not None and method != "trajectories":
        raise ValueError(f"trajectories={trajectories!r} needs method='trajectories'")
    if method == "trajectories":
        trajectories = integer("trajectories", DEFAULT_TRAJECTORIES if trajectories is None else trajectories, minimum=2)
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be 'double' or 'single', got {precision!r}")
    seed = optional_integer("seed", seed, minimum=0)
    max_block = _core.MAX_BLOCK_QUBITS
    if fusion is None:
        fusion = default_fusion(circuit.num_qubits, method)
    else:
        fusion = integer("fusion", fusion, minimum=0, maximum=max_block)
    program_class = PRECISIONS[precision][0]
    n = circuit.num_qubits
    if n > MAX_QUBITS[method]:
        raise ValueError(f"method {method!r} takes at most {MAX_QUBITS[method]} qubits, got {n}")
    require_memory(state_bytes(n, method, precision), f"a {n}-qubit {precision}-precision {method} state")
    core = program_class(method, lower(circuit, method, noise_model), int(fusion), int(trajectories or 0),
                         int(seed if seed is not None else 0))
    return Program(core, circuit, method=method, precision=precision, seed=seed, noise_model=noise_model,
                   fusion=int(fusion), trajectories=trajectories, state_bytes=state_bytes(n, method, precision))
