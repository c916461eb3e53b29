"""Lets the problem tests import their shared case builders (problem_cases.py); with
--import-mode=importlib the test directory is not on sys.path by itself."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
