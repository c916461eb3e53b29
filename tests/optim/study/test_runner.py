import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tiny import TINY

import optim
import problems
from optim.study import Store, expand, parse_config, run_study

# a problem with no feasible solution: every solve of it raises, and its cells fail
INFEASIBLE = """
[[problems]]
label = "infeasible"
generator = "MarketSplit.random"
params = { m = 2, n = 6 }
"""


def test_tiny_study_runs_skips_and_reruns_changed_options_only(tmp_path):
    config = parse_config(TINY)
    first = run_study(config, tmp_path, workers=1, quiet=True)
    assert (first.cells, first.skipped, first.done, first.failed) == (8, 0, 8, 0)
    with Store(tmp_path) as store:
        rows = store.rows("tiny")
    assert len(rows) == 8 and {r["status"] for r in rows} == {"done"}
    # the stored result is the solve itself: the same seed gives the same result in this process
    row = next(r for r in rows if r["method"] == "qaoa" and r["problem"] == "mis" and r["seed"] == 2)
    problem = problems.MIS.random(4, p=0.5, seed=1)
    again = optim.solve(problem, "qaoa", options={"depth": 1}, simulator={"shots": 1000},
                        optimizer={"maxfev": 12}, seed=2)
    assert row["result"]["history"] == again.history and row["result"]["bitstring"] == again.bitstring
    assert row["host"] and row["version"] and row["elapsed"] > 0

    second = run_study(config, tmp_path, workers=1, quiet=True)
    assert (second.skipped, second.done, second.failed) == (8, 0, 0)

    changed = run_study(parse_config(TINY.replace("depth = 1", "depth = 2")), tmp_path, workers=1, quiet=True)
    assert (changed.skipped, changed.done) == (4, 4)
    with Store(tmp_path) as store:
        current = store.rows("tiny")
        assert len(current) == 8 and len(store.rows("tiny", current_only=False)) == 12
    assert {r["options"]["depth"] for r in current if r["method"] == "qaoa"} == {2}


def test_failing_cells_are_recorded_and_retried(tmp_path):
    config = parse_config(TINY + INFEASIBLE)
    summary = run_study(config, tmp_path, workers=1, quiet=True)
    assert (summary.cells, summary.done, summary.failed) == (12, 8, 4)
    with Store(tmp_path) as store:
        failed = [r for r in store.rows("tiny") if r["status"] == "failed"]
    assert {r["problem"] for r in failed} == {"infeasible"} and len(failed) == 4
    assert all("has no feasible solution" in r["error"] and "Traceback" in r["traceback"] for r in failed)
    assert run_study(config, tmp_path, workers=1, quiet=True).skipped == 12
    retried = run_study(config, tmp_path, workers=1, quiet=True, retry_failed=True)
    assert (retried.skipped, retried.failed) == (8, 4)


def test_two_studies_share_a_store(tmp_path):
    run_study(parse_config(TINY), tmp_path, workers=1, quiet=True)
    other = run_study(parse_config(TINY.replace('name = "tiny"', 'name = "other"')), tmp_path, workers=1, quiet=True)
    assert other.skipped == 0
    with Store(tmp_path) as store:
        assert store.studies() == ["other", "tiny"] and len(store.rows()) == 16


def _rows(db: Path) -> list:
    if not db.exists():
        return []
    try:
        return sqlite3.connect(db).execute("SELECT key FROM cells").fetchall()
    except sqlite3.OperationalError:
        return []


def test_sigkill_mid_run_then_rerun_gives_one_row_per_cell(tmp_path, child_env):
    text = TINY.replace("seeds = [1, 2]", "seeds = [1, 2, 3, 4, 5, 6]").replace("maxfev = 12", "maxfev = 40")
    (tmp_path / "study.toml").write_text(text)
    cells = expand(parse_config(text))
    script = ("import sys; from optim.study import load_config, run_study; "
              "run_study(load_config(sys.argv[1]), sys.argv[2], workers=1, quiet=True)")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "study.toml"), str(out)], env=child_env,
                            cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_rows(out / "results.db")) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the coordinator and its workers, at once
    proc.wait()
    kept = len(_rows(out / "results.db"))
    assert 3 <= kept < len(cells), "the kill should land mid-run"
    summary = run_study(parse_config(text), out, workers=1, quiet=True)
    assert summary.skipped == kept and summary.done == len(cells) - kept
    keys = [k for (k,) in _rows(out / "results.db")]
    assert sorted(keys) == sorted(c.key for c in cells)


def test_bad_executor_and_workers(tmp_path):
    config = parse_config(TINY)
    with pytest.raises(ValueError, match="unknown executor 'slurm'; valid: local"):
        run_study(config, tmp_path, executor="slurm")
    with pytest.raises(ValueError, match="workers must be an integer >= 1, got 0"):
        run_study(config, tmp_path / "b", workers=0)


def test_ctrl_c_stops_cleanly_and_keeps_finished_cells(tmp_path, child_env):
    text = TINY.replace("seeds = [1, 2]", "seeds = [1, 2, 3, 4, 5, 6]").replace("maxfev = 12", "maxfev = 40")
    (tmp_path / "study.toml").write_text(text)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "optim", "study", str(tmp_path / "study.toml"), "--out", str(out),
                             "--workers", "1", "--quiet"], env=child_env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_rows(out / "results.db")) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
    stdout, _ = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in stdout
    with Store(out) as store:
        rows = store.rows("tiny")
    assert 2 <= len(rows) < 24 and {r["status"] for r in rows} == {"done"}
    summary = run_study(parse_config(text), out, workers=1, quiet=True)
    assert summary.skipped == len(rows) and summary.skipped + summary.done == 24
