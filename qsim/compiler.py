"""compile(circuit) -> Program: checks the options once and compiles the circuit with them.

The options become a CompileOptions record (qsim.options), the Program's ``options``; the
circuit is lowered by its method's lowering (qsim.methods, qsim.lowering) and fused and run
in C++ (csrc/fuser/, csrc/program.cpp and the runner of its method).
"""

from __future__ import annotations

from qsim.circuit import Circuit
from qsim.options import CompileOptions
from qsim.program import Program


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
    on 2^n amplitudes, averaged); the names of qsim.methods.METHODS. noise_model: a
    qsim.NoiseModel whose channels follow their gates (every method but statevector).
    precision: "double" (complex128) or "single" (complex64). fusion: the largest fused block
    in qubits of the simulated vector (0 disables fusion; default by size, see
    Method.default_fusion). seed: default seed for sampling when a call gives none, and the
    seed of the trajectory sampling. trajectories: how many trajectories the "trajectories"
    method averages over (default 1000); their expectation comes with a standard error
    (Program.expectation_with_error).
    """
    if not isinstance(circuit, Circuit):
        raise TypeError(f"compile takes a qsim.Circuit, got {type(circuit).__name__}")
    options = CompileOptions(method=method, noise_model=noise_model, precision=precision, seed=seed, fusion=fusion,
                             trajectories=trajectories)
    return Program(circuit, options)
