"""qsim: fast quantum-circuit simulation with a C++ core.

Qubit 0 is the least significant bit of a basis-state index (as in Qiskit); in a Pauli
label such as "XZIY" the rightmost character acts on qubit 0.

    from qsim import Circuit, ParameterVector, PauliSum, compile
    theta = ParameterVector("t", 2)
    c = Circuit(2).ry(theta[0], 0).cx(0, 1).rz(theta[1], 1)
    prog = compile(c)
    prog.expectation([0.3, 0.1], PauliSum([("ZZ", 1.0)]))
"""

import os

# Threads that wait at an OpenMP barrier sleep instead of spinning, unless the user says
# otherwise: on a busy machine a spinning thread holds its core while its partner waits to
# be scheduled (measured: n = 8 PTM energy, 2 threads, loaded 2-core machine, 14 ms passive
# against 40 ms with libgomp's default spinning; about 15% slower on an idle machine).
# OMP_WAIT_POLICY=ACTIVE (or any GOMP_SPINCOUNT) restores spinning. libgomp reads it once,
# when the extension below loads it.
if "OMP_WAIT_POLICY" not in os.environ and "GOMP_SPINCOUNT" not in os.environ:
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"

from qsim import _core, noise, reference  # noqa: E402
from qsim.circuit import Circuit, Instruction  # noqa: E402
from qsim.compiler import compile  # noqa: E402
from qsim.gates import GATES  # noqa: E402
from qsim.noise import NoiseModel  # noqa: E402
from qsim.observables import DiagonalObservable, PauliSum  # noqa: E402
from qsim.options import CompileOptions  # noqa: E402
from qsim.parameters import Parameter, ParameterExpression, ParameterVector  # noqa: E402
from qsim.program import Program  # noqa: E402
from qsim.samples import Samples  # noqa: E402

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
    "CompileOptions",
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
