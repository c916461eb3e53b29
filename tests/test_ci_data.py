"""Under CI=true a missing ../shared/data fails the instance-file tests instead of skipping them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_DATA_TEST = "tests/problems/loaders/test_loaders.py::test_tsplib_geo_distance_burma14"


def _run(tmp_path, ci):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["QSIM_SHARED_DATA"] = str(tmp_path / "absent")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rsf", ONE_DATA_TEST], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_missing_data_fails_under_ci(tmp_path):
    out = _run(tmp_path, "true")
    assert out.returncode == 1, out.stdout
    assert "shared instance data not found" in out.stdout and "CI=true" in out.stdout


def test_missing_data_skips_elsewhere(tmp_path):
    out = _run(tmp_path, None)
    assert out.returncode == 0, out.stdout
    assert "1 skipped" in out.stdout
