"""Run-time settings: the thread cap, n <= 0 restoring the default, and the QSIM_SIMD check."""

import subprocess
import sys

import pytest

import qsim
from qsim.runtime import cpu_count


def test_thread_count_capped_with_a_warning_and_default_restored():
    default = qsim.get_num_threads()
    try:
        with pytest.warns(UserWarning, match=rf"set_num_threads\(1000\): capped at {cpu_count()}"):
            qsim.set_num_threads(1000)
        assert qsim.get_num_threads() == cpu_count()
        qsim.set_num_threads(1)
        assert qsim.get_num_threads() == 1
        for n in (0, -3):
            qsim.set_num_threads(1)
            qsim.set_num_threads(n)
            assert qsim.get_num_threads() == default
        with pytest.raises(TypeError, match="n must be an integer, got 2.5"):
            qsim.set_num_threads(2.5)
    finally:
        qsim.set_num_threads(0)


def _import_with(value: str, cwd, env: dict) -> subprocess.CompletedProcess:
    env = dict(env, QSIM_SIMD=value)
    return subprocess.run([sys.executable, "-W", "always", "-c", "import qsim; print(qsim.simd())"], env=env,
                          cwd=cwd, capture_output=True, text=True, check=True)


@pytest.mark.parametrize("value", ["avx512", "SCALAR", ""])
def test_unknown_qsim_simd_warns_and_names_the_choice(value, tmp_path, child_env):
    out = _import_with(value, tmp_path, child_env)
    picked = out.stdout.strip()
    assert picked in ("scalar", "avx2")
    assert f"QSIM_SIMD={value!r} is not a known instruction set" in out.stderr
    assert f"using {picked!r}" in out.stderr


def test_known_qsim_simd_is_quiet(tmp_path, child_env):
    out = _import_with("scalar", tmp_path, child_env)
    assert out.stdout.strip() == "scalar" and "QSIM_SIMD" not in out.stderr
