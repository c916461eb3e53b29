"""The kernels' run-time settings: thread count and instruction set (process-wide).

QSIM_SIMD, read by the C++ core when it loads, takes "scalar" (the portable kernels) or
"avx2" (the default where the CPU has AVX2 and FMA); the core silently falls back on any
other value, so ``check_simd_environment`` (run at import) warns and names its choice.
"""

from __future__ import annotations

import os
import warnings

from qsim import _core
from qsim._checks import either, integer


def cpu_count() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def set_num_threads(n: int) -> None:
    """Threads the C++ kernels may use; n <= 0 restores the default (OMP_NUM_THREADS or all
    cores). More than ``cpu_count()`` is capped there, with a warning. Results do not depend
    on it (reductions run in a fixed order)."""
    n = integer("n", n)
    if n > cpu_count():
        warnings.warn(f"set_num_threads({n}): capped at {cpu_count()}, the CPUs this process may run on",
                      UserWarning, stacklevel=2)
        n = cpu_count()
    _core.set_num_threads(n)


def get_num_threads() -> int:
    """Threads the C++ kernels use now (the default when none was set)."""
    return _core.get_num_threads()


def simd() -> str:
    """The instruction set of the kernels in use: 'avx2' or 'scalar'."""
    return _core.simd_isa()


def set_simd(name: str) -> None:
    """Selects the kernels: 'scalar' (portable) or 'avx2' (where the CPU has AVX2 and FMA).
    The environment variable QSIM_SIMD=scalar does the same at import."""
    if not isinstance(name, str):
        raise TypeError(f"the instruction set must be a string, got {name!r}")
    try:
        _core.set_simd(name)
    except ValueError as exc:
        raise ValueError(str(exc)) from None


def check_simd_environment() -> None:
    """Warn when QSIM_SIMD names an instruction set the core did not pick."""
    wanted = os.environ.get("QSIM_SIMD")
    if wanted is None or wanted == simd():
        return
    available = _core.available_isas()
    why = "is not available on this CPU" if wanted in ("scalar", "avx2") else "is not a known instruction set"
    warnings.warn(f"QSIM_SIMD={wanted!r} {why} (here: {either(map(repr, available))}); using {simd()!r}",
                  UserWarning, stacklevel=2)
