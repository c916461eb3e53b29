import math

import pytest
from tiny import TINY

from optim.study import Store, parse_config, run_study
from optim.study.report import FIGURES, write_report
from optim.study.statistics import method_ranks, summarise, tts99


def test_tts99_formula():
    assert tts99(1.0, 2.5) == 2.5
    assert tts99(0.0, 2.5) == math.inf
    assert tts99(0.5, 1.0) == 7.0  # ceil(log 0.01 / log 0.5) = ceil(6.64)
    assert tts99(0.99, 3.0) == 3.0
    assert tts99(None, 1.0) is None
    with pytest.raises(ValueError, match="p must be a probability in \\[0, 1\\], got 1.5"):
        tts99(1.5, 1.0)


def _row(problem, method, noise, gap, wall, success=None, feasible=True):
    result = {"gap": gap, "feasible": feasible, "approximation_ratio": 1.0 if gap == 0 else 0.5,
              "success_probability": success, "wall_time": wall, "n_qubits": 4, "depth": 3, "n_two_qubit_gates": 2,
              "nfev": 10, "simulation_time": 0.01, "history": [3.0, 1.0, 2.0]}
    return {"problem": problem, "method": method, "noise": noise, "status": "done", "result": result,
            "simulator": {"shots": 100}}


def test_summarise_statistics():
    rows = [_row("p", "qaoa", "n", 0.0, 1.0, 0.5), _row("p", "qaoa", "n", 10.0, 3.0, 0.1),
            _row("p", "qaoa", "n", math.inf, 2.0, 0.0, feasible=False), _row("p", "qaoa", "n", 0.0, 5.0, 0.2),
            {"problem": "p", "method": "qaoa", "noise": "n", "status": "failed", "result": None, "simulator": None},
            _row("p", "exact", "-", 0.0, 0.1)]
    exact, qaoa = summarise(rows)
    assert (qaoa["runs"], qaoa["failed"], qaoa["feasible"]) == (5, 1, 0.75)
    assert qaoa["gap_median"] == 5.0 and qaoa["gap_iqr"] == math.inf
    assert qaoa["p_optimal_run"] == 0.5 and qaoa["tts99_run"] == 2.5 * 7  # median wall time 2.5 s
    assert qaoa["optimum_probability"] == pytest.approx(0.2)
    shot = 0.01 / (10 * 100)
    assert qaoa["tts99_shot"] == pytest.approx(shot * math.ceil(math.log(0.01) / math.log(0.8)))
    assert exact["tts99_run"] == 0.1 and exact["optimum_probability"] is None
    assert method_ranks([exact, qaoa]) == {"exact": 1.0, "qaoa": 2.0}


def test_report_of_a_tiny_study(tmp_path, capsys):
    run_study(parse_config(TINY), tmp_path, workers=1, quiet=True)
    path = write_report(tmp_path, tmp_path / "report")
    text = path.read_text()
    assert "| problem | method | noise | runs |" in text and "| maxcut | qaoa | noiseless | 2 | 0 |" in text
    for name in FIGURES:
        assert f"]({name})" in text and (tmp_path / "report" / name).stat().st_size > 1000
    assert "| mis | exact | - | 2 | 0 | 1.00 | 0 | 0 | 1.000 |" in capsys.readouterr().out
    with Store(tmp_path) as store:
        assert len(store.rows("tiny")) == 8  # the report wrote nothing to the store
    with pytest.raises(ValueError, match="no study 'nope' in .*; stored: tiny"):
        write_report(tmp_path, study="nope")
    with pytest.raises(ValueError, match="no results store"):
        write_report(tmp_path / "report")
