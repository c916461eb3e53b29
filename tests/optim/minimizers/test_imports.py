"""The minimisers know no circuit and no problem: importing them loads neither qsim nor problems."""

import subprocess
import sys


def test_minimizers_import_neither_qsim_nor_problems():
    code = "import sys, optim.minimizers; print(sorted(m for m in ('qsim', 'problems') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
