"""Each method's kernels tested through its own headers: tests/csrc/test_<method>_kernels.cpp
includes only csrc/<method>/ (and the shared csrc/kernels/ headers), is compiled with the
system C++ compiler, portable and (on a CPU with AVX2 and FMA) with the AVX2 kernels, and
checks every kernel in both precisions against naive loops."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CSRC = HERE.parents[1] / "csrc"
LINKED = [CSRC / "parallel.cpp", CSRC / "kernels" / "reduction_chunks.cpp"]
METHODS = ("statevector", "density", "ptm")
ISAS = {"scalar": [], "avx2": ["-DQSIM_TEST_AVX2", "-mavx2", "-mfma", "-mpopcnt"]}


def _compiler() -> str | None:
    for name in (os.environ.get("CXX"), "c++", "g++", "clang++"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def _cpu_has_avx2() -> bool:
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    flags = next((line.split() for line in info.splitlines() if line.startswith("flags")), [])
    return {"avx2", "fma", "popcnt"} <= set(flags)


def _openmp_flags(cxx: str, tmp: Path) -> list[str]:
    """-fopenmp where the compiler takes it, so that the large cases run on two threads."""
    probe = tmp / "probe.cpp"
    probe.write_text("#include <omp.h>\nint main() { return omp_get_max_threads() > 0 ? 0 : 1; }\n")
    ok = subprocess.run([cxx, "-fopenmp", str(probe), "-o", str(tmp / "probe")], capture_output=True).returncode == 0
    return ["-fopenmp", "-DQSIM_OPENMP"] if ok else []


def _build(cxx: str, flags: list[str], method: str, isa: str, tmp: Path) -> tuple[Path, subprocess.CompletedProcess]:
    binary = tmp / f"{method}_{isa}"
    command = [cxx, "-std=c++17", "-O1", f"-I{CSRC}", *flags, *ISAS[isa],
               str(HERE / f"test_{method}_kernels.cpp"), *map(str, LINKED), "-o", str(binary)]
    return binary, subprocess.run(command, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The test binaries, compiled side by side: {(method, isa): future of (path, result)}."""
    cxx = _compiler()
    if cxx is None:
        pytest.skip("no C++ compiler (c++, g++ or clang++) on PATH")
    tmp = tmp_path_factory.mktemp("kernel_headers")
    flags = _openmp_flags(cxx, tmp)
    isas = ["scalar", "avx2"] if _cpu_has_avx2() else ["scalar"]
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    yield {(m, i): pool.submit(_build, cxx, flags, m, i, tmp) for m in METHODS for i in isas}
    pool.shutdown()


@pytest.mark.parametrize("isa", list(ISAS))
@pytest.mark.parametrize("method", METHODS)
def test_kernels_against_naive_loops(builds, method, isa):
    if (method, isa) not in builds:
        pytest.skip("this CPU has no AVX2/FMA")
    binary, build = builds[(method, isa)].result()
    assert build.returncode == 0, build.stderr
    run = subprocess.run([str(binary)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert " 0 failures" in run.stdout
