"""bench/largest.py (the largest-state benchmark of issue 5) on small sizes: every case
runs and reports its times and peak memory."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "largest.py"


@pytest.mark.skipif(not SCRIPT.exists(), reason="bench/ is not beside the tests (installed without the source tree)")
def test_largest_script_runs_every_case_shrunk(tmp_path):
    subprocess.run([sys.executable, str(SCRIPT), "--shrink", "12", "--out", str(tmp_path)], check=True,
                   capture_output=True, text=True)
    records = json.loads((tmp_path / "largest.json").read_text())
    assert [r["case"] for r in records] == ["sv30", "sv31f", "dm14", "dm15", "ptm15", "ptm16f"]
    for r in records:
        assert "error" not in r, r
        assert r["run_s"] > 0 and r["expectation_s"] > 0 and r["peak_gib"] > 0
        assert abs(r["energy"]) < 20  # 20 terms with normal coefficients, |<P>| <= 1
        if r["method"] == "ptm":
            assert abs(r["trace_check"] - 1) < 1e-5
    assert "| sv30 | statevector | double | 18 |" in (tmp_path / "largest.md").read_text()
