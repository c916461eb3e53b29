"""The qsim command line."""

import json
import subprocess
import sys
import tomllib

import pytest
from tiny import TINY

from optim.cli import demo, main
from optim.study import Store, default_config_text


def test_demo_runs_and_reports(capsys):
    figures = demo(qubits=8, layers=2, vqe_qubits=4, points=5)
    out = capsys.readouterr().out
    assert "Random circuit: 8 qubits, 2 layers" in out and "VQE energy scan" in out and "L-BFGS-B" in out
    assert len(figures["vqe_energies"]) == 5
    assert figures["vqe_energy"] - figures["exact_ground_energy"] < 1e-2


def test_main_parses_arguments(capsys):
    assert main(["demo", "--qubits", "6", "--layers", "2", "--vqe-qubits", "3", "--points", "3"]) == 0
    assert "6 qubits" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["demo", "--qubits", "1"])
    with pytest.raises(SystemExit):
        main([])


def test_study_end_to_end_through_the_cli(tmp_path, child_env):
    env = child_env
    (tmp_path / "tiny.toml").write_text(TINY)
    run = subprocess.run([sys.executable, "-m", "optim", "study", str(tmp_path / "tiny.toml"), "--out",
                          str(tmp_path / "out"), "--workers", "1", "--quiet"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "8 cells, 0 already stored, 8 done, 0 failed" in run.stdout and "| maxcut | qaoa | noiseless | 2 |" in run.stdout
    report = (tmp_path / "out" / "report.md").read_text()
    assert "| mis | exact | - | 2 | 0 |" in report and "![ranking](ranking.png)" in report
    assert all((tmp_path / "out" / f).is_file() for f in ("gap_vs_qubits.png", "convergence.png", "noise.png"))
    with Store(tmp_path / "out") as store:
        assert len(store.rows("tiny")) == 8
    printed = subprocess.run([sys.executable, "-m", "optim", "study", "--print-default-config"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, check=True).stdout
    assert printed == default_config_text() and tomllib.loads(printed)["name"] == "default"


def test_study_report_and_solve_refuse_bad_input(tmp_path, capsys, shared_data):
    (tmp_path / "bad.toml").write_text('name = 3\n')
    with pytest.raises(SystemExit):
        main(["study", str(tmp_path / "bad.toml"), "--out", str(tmp_path / "o")])
    assert "bad.toml, line 1: key 'name': must be a string" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", str(tmp_path)])
    assert "no results store" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["solve", str(shared_data / "mis" / "1tc.8.txt"), "--method", "exact"])
    assert "give --format" in capsys.readouterr().err


def test_solve_prints_and_writes_json(capsys, shared_data):
    assert main(["solve", str(shared_data / "mis" / "1tc.8.txt"), "--format", "dimacs", "--method", "exact"]) == 0
    assert "gap 0 %" in capsys.readouterr().out
    assert main(["solve", str(shared_data / "mis" / "1tc.8.txt"), "--format", "dimacs", "--method", "qaoa",
                 "--noise", "line5", "--seed", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["seed"] == 3 and result["n_qubits"] == 8 and result["simulator"]["method"] == "density_matrix"
