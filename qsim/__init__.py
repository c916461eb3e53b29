"""qsim: fast quantum-circuit simulation with a C++ core.

Qubit 0 is the least significant bit of a basis-state index (as in Qiskit); in a Pauli
label such as "XZIY" the rightmost character acts on qubit 0.

    from qsim import Circuit, ParameterVector, PauliSum, compile
    theta = ParameterVector("t", 2)
    c = Circuit(2).ry(theta[0], 0).cx(0, 1).rz(theta[1], 1)
    prog = compile(c)
    prog.expectation([0.3, 0.1], PauliSum([("ZZ", 1.0)]))
"""

from qsim import _core, noise, reference
from qsim.circuit import Circuit, Instruction
from qsim.compiler import compile
from qsim.gates import GATES
from qsim.noise import NoiseModel
from qsim.observables import DiagonalObservable, PauliSum
from qsim.parameters import Parameter, ParameterExpression, ParameterVector
from qsim.program import Program, Samples

__version__ = "0.1.0"


def set_num_threads(n: int) -> None:
    """Threads the C++ kernels may use; n <= 0 restores the default (OMP_NUM_THREADS or
    all cores). Results do not depend on it (reductions run in a fixed order)."""
    _core.set_num_threads(int(n))


def get_num_threads() -> int:
    return _core.get_num_threads()


def simd() -> str:
    """The instruction set of the kernels in use: 'avx2' or 'scalar'."""
    return _core.simd_isa()


def set_simd(name: str) -> None:
    """Selects the kernels: 'scalar' (portable) or 'avx2' (where the CPU has AVX2 and FMA).
    The environment variable QSIM_SIMD=scalar does the same at import."""
    try:
        _core.set_simd(name)
    except ValueError as exc:
        raise ValueError(str(exc)) from None


__all__ = [
    "Circuit",
    "DiagonalObservable",
    "GATES",
    "Instruction",
    "NoiseModel",
    "Parameter",
    "ParameterExpression",
    "ParameterVector",
    "PauliSum",
    "Program",
    "Samples",
    "compile",
    "get_num_threads",
    "noise",
    "reference",
    "set_num_threads",
    "set_simd",
    "simd",
]
