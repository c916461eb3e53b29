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

from qsim import _core, noise, reference  # noqa: E402,F401  (_core: the extension, loaded after the setting above)
from qsim.circuit import Circuit, Instruction  # noqa: E402
from qsim.compiler import compile  # noqa: E402
from qsim.gates import GATES  # noqa: E402
from qsim.noise import NoiseModel  # noqa: E402
from qsim.observables import DiagonalObservable, PauliSum  # noqa: E402
from qsim.options import CompileOptions  # noqa: E402
from qsim.parameters import Parameter, ParameterExpression, ParameterVector  # noqa: E402
from qsim.program import Program  # noqa: E402
from qsim.risk import cvar, cvar_of_samples  # noqa: E402
from qsim.runtime import check_simd_environment, get_num_threads, set_num_threads, set_simd, simd  # noqa: E402
from qsim.samples import Samples  # noqa: E402

__version__ = "0.1.0"

check_simd_environment()

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
    "cvar",
    "cvar_of_samples",
    "get_num_threads",
    "noise",
    "reference",
    "set_num_threads",
    "set_simd",
    "simd",
]
