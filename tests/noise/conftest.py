"""Helpers for the noise tests, computed from definitions independently of qsim.noise.

Put on sys.path so that test modules can ``from noise_defs import ...`` (pytest runs with
--import-mode=importlib, so test directories are not importable packages)."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
