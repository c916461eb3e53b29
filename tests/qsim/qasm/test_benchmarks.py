"""The reader on real benchmark circuits (tests/qsim/qasm/data, and QSIM_QASM_CORPUS when
set): qsim's probabilities against Qiskit's qasm2.loads + Statevector."""

import os
from pathlib import Path

import numpy as np
import pytest

from qsim import Circuit, compile
from qsim.qasm import QasmError

DATA = Path(__file__).parent / "data"
FILES = sorted(p.name for p in DATA.glob("*.qasm"))
# what the reader may refuse in a real file: the parts a state vector cannot hold
REFUSALS = ("classical 'if' is not supported", "mid-circuit measurement", "reset of", "is opaque")
MAX_QUBITS = 12


def qiskit_circuit(path):
    """Qiskit's circuit of a file, final measurements removed."""
    qasm2 = pytest.importorskip("qiskit.qasm2", reason="qiskit not installed: no cross-check")
    qc = qasm2.load(path, include_path=[str(Path(path).parent)], custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    qc.remove_final_measurements()
    return qc


def probability_error(path, qc):
    from qiskit.quantum_info import Statevector

    got = compile(Circuit.from_qasm_file(path)).probabilities()
    return float(np.max(np.abs(got - Statevector(qc).probabilities())))


@pytest.mark.parametrize("name", FILES)
def test_probabilities_match_qiskit(name):
    assert probability_error(DATA / name, qiskit_circuit(DATA / name)) < 1e-12


def test_a_corpus_of_benchmark_files():
    folder = os.environ.get("QSIM_QASM_CORPUS")
    if not folder:
        pytest.skip("set QSIM_QASM_CORPUS to a folder of .qasm files (e.g. a QASMBench checkout) to check them all")
    qasm2 = pytest.importorskip("qiskit.qasm2", reason="qiskit not installed: no cross-check")
    checked, refused, worst = 0, 0, 0.0
    for path in sorted(Path(folder).rglob("*.qasm")):
        try:
            qc = qiskit_circuit(path)
        except qasm2.QASM2ParseError:
            continue  # not valid OpenQASM 2 for Qiskit either
        if not 0 < qc.num_qubits <= MAX_QUBITS:
            continue
        try:
            error = probability_error(path, qc)
        except QasmError as exc:
            assert any(r in exc.message for r in REFUSALS), str(exc)
            refused += 1
            continue
        assert error < 1e-12, f"{path}: probabilities differ from Qiskit's by {error:.3g}"
        worst = max(worst, error)
        checked += 1
    print(f"{checked} files agree with Qiskit (worst probability error {worst:.3g}), {refused} refused")
    assert checked > 0
