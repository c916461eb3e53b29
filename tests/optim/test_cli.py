"""The qsim command line."""

import pytest

from optim.cli import demo, main


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
