"""Builds the C++ extension qsim._core from csrc/; all metadata lives in pyproject.toml.

The AVX2/FMA kernels are compiled in their own translation unit with a target pragma
and picked at run time (csrc/dispatch.cpp), so no -march flag is ever passed and the
wheel runs on any x86-64 (or other) CPU. OpenMP is used when the compiler accepts it.
"""

from pybind11.setup_helpers import ParallelCompile, Pybind11Extension, build_ext, has_flag
from setuptools import setup

ParallelCompile("QSIM_BUILD_JOBS", default=0).install()


class BuildExt(build_ext):
    """Adds -O3 and OpenMP where the compiler supports them."""

    def build_extensions(self):
        if self.compiler.compiler_type != "msvc":
            for ext in self.extensions:
                ext.extra_compile_args += ["-O3", "-fno-math-errno"]
                if has_flag(self.compiler, "-fopenmp"):
                    ext.extra_compile_args.append("-fopenmp")
                    ext.extra_link_args.append("-fopenmp")
                    ext.define_macros.append(("QSIM_OPENMP", "1"))
        else:
            for ext in self.extensions:
                ext.extra_compile_args += ["/O2", "/openmp"]
                ext.define_macros.append(("QSIM_OPENMP", "1"))
        super().build_extensions()


# Every translation unit of _core, listed by hand: a glob would link any new .cpp under
# csrc/ (a C ABI, a tool) into the extension.
SOURCES = [
    "csrc/bindings.cpp",
    "csrc/circuit_spec.cpp",
    "csrc/cvar.cpp",
    "csrc/density/runner.cpp",
    "csrc/dispatch.cpp",
    "csrc/fuser/block_analysis.cpp",
    "csrc/fuser/fused_circuit.cpp",
    "csrc/fuser/fuser.cpp",
    "csrc/interrupt.cpp",
    "csrc/isa/avx2.cpp",
    "csrc/isa/scalar.cpp",
    "csrc/kernels/reduction_chunks.cpp",
    "csrc/method_runner.cpp",
    "csrc/methods.cpp",
    "csrc/observables.cpp",
    "csrc/parallel.cpp",
    "csrc/program.cpp",
    "csrc/ptm/adjoint.cpp",
    "csrc/ptm/pauli_basis.cpp",
    "csrc/ptm/real_blocks.cpp",
    "csrc/ptm/runner.cpp",
    "csrc/sampling.cpp",
    "csrc/statevector/adjoint.cpp",
    "csrc/statevector/complex_blocks.cpp",
    "csrc/statevector/runner.cpp",
    "csrc/trajectories/kraus_sampler.cpp",
    "csrc/trajectories/runner.cpp",
    "csrc/vector_runner.cpp",
]

ext = Pybind11Extension(
    "qsim._core",
    SOURCES,
    include_dirs=["csrc"],
    cxx_std=17,
)

setup(ext_modules=[ext], cmdclass={"build_ext": BuildExt})
