"""compile(circuit) -> Program: lowers a Circuit to the C++ operation list once.

Lowering: a gate with constant angles becomes its constant matrix (or diagonal); a
one-angle gate with a parameter becomes its generator's spectral form
M(a) = sum_j exp(-i a lambda_j) P_j with a = coeff * theta[k] + offset; a parametrised
``u`` becomes p(lam) ry(theta) p(phi); a diagonal evolution becomes a phase vector over
all 2^n basis states. The C++ side fuses and runs it (csrc/fuser.cpp, csrc/program.cpp).
"""

from __future__ import annotations

import numbers

import numpy as np

from qsim import _core
from qsim._memory import require_memory
from qsim.circuit import Circuit
from qsim.gates import GATES, spectral_form
from qsim.parameters import ParameterExpression
from qsim.program import Program

METHODS = ("statevector",)
PRECISIONS = {"double": (_core.StatevectorProgramF64, 16), "single": (_core.StatevectorProgramF32, 8)}


def default_fusion(num_qubits: int) -> int:
    """Largest fused block (qubits) used when compile is not told: blocks pay off once the
    state is much larger than a block matrix."""
    if num_qubits <= 4:
        return 1
    if num_qubits <= 10:
        return 2
    return 3


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


def _lower_gate(spec, name: str, qubits: list[int], params: tuple, index: dict) -> None:
    gate = GATES[name]
    if not any(isinstance(p, ParameterExpression) for p in params):
        m = gate.matrix(*params)
        if gate.diagonal:
            spec.add_diagonal(qubits, np.ascontiguousarray(np.diag(m)))
        else:
            spec.add_matrix(qubits, np.ascontiguousarray(m))
        return
    if name == "u":
        theta, phi, lam = params
        for sub_name, angle in (("p", lam), ("ry", theta), ("p", phi)):
            _lower_gate(spec, sub_name, qubits, (angle,), index)
        return
    values, projectors = spectral_form(gate)
    spec.add_parametric(qubits, values, projectors, *_angle_args(params[0], index))


def lower(circuit: Circuit) -> "_core.CircuitSpec":
    """The C++ operation list of a circuit (parameters indexed as circuit.parameters)."""
    params = circuit.parameters
    index = {p: k for k, p in enumerate(params)}
    spec = _core.CircuitSpec(circuit.num_qubits, len(params))
    for inst in circuit:
        qubits = list(inst.qubits)
        if inst.name == "unitary":
            spec.add_matrix(qubits, np.ascontiguousarray(inst.data))
        elif inst.name == "diagonal_evolution":
            spec.add_phase_vector(_full_values(inst, circuit.num_qubits), *_angle_args(inst.params[0], index))
        else:
            _lower_gate(spec, inst.name, qubits, inst.params, index)
    return spec


def compile(
    circuit: Circuit,
    *,
    method: str = "statevector",
    noise_model=None,
    precision: str = "double",
    seed: int | None = None,
    fusion: int | None = None,
) -> Program:
    """Compiles ``circuit`` once into a Program that runs with new parameters from C++.

    method: "statevector". precision: "double" (complex128) or "single" (complex64).
    fusion: the largest fused block in qubits (0 disables fusion; default by size, see
    default_fusion). seed: default seed for sampling when a call gives none.
    """
    if not isinstance(circuit, Circuit):
        raise TypeError(f"compile takes a qsim.Circuit, got {type(circuit).__name__}")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; available: {', '.join(METHODS)}")
    if noise_model is not None:
        raise ValueError(f"method {method!r} simulates no noise; noise_model must be None")
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be 'double' or 'single', got {precision!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0):
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    max_block = _core.MAX_BLOCK_QUBITS
    if fusion is None:
        fusion = default_fusion(circuit.num_qubits)
    elif isinstance(fusion, bool) or not isinstance(fusion, numbers.Integral) or not 0 <= fusion <= max_block:
        raise ValueError(f"fusion must be an integer in 0..{max_block}, got {fusion!r}")
    program_class, bytes_per_amplitude = PRECISIONS[precision]
    n = circuit.num_qubits
    if n > 40:
        raise ValueError(f"a statevector of {n} qubits needs 2^{n} amplitudes; the limit is 40 qubits")
    require_memory(bytes_per_amplitude << n, f"a {n}-qubit {precision}-precision statevector")
    core = program_class(lower(circuit), int(fusion))
    return Program(core, circuit.parameters, method=method, precision=precision, seed=seed)
