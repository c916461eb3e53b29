"""pytest-benchmark configuration: run with ``pytest bench --benchmark-only``; the
workload builders live in workloads.py beside this file."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
