"""Ctrl-C stops a long C++ call (csrc/interrupt.h): a child process (interrupt_child.py)
makes each long call, SIGINT is sent about a second into it, and KeyboardInterrupt must come
out of that call within a few seconds; the same Program then gives the right answer again."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).resolve().with_name("interrupt_child.py")
CASES = ["run", "batch", "gradient", "shift", "sample", "trajectories"]
CHECKED = {"batch", "sample"}  # the cases whose Program is checked again afterwards
DELAY, LIMIT = 1.0, 5.0  # seconds into the call; seconds from SIGINT to KeyboardInterrupt


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process needs POSIX")
def test_long_calls_stop_on_sigint(child_env, tmp_path):
    child = subprocess.Popen([sys.executable, str(CHILD), *CASES], stdout=subprocess.PIPE, text=True, env=child_env,
                             cwd=tmp_path)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.split()) for line in child.stdout], daemon=True).start()
    try:
        for case in CASES:
            assert lines.get(timeout=120) == ["start", case]
            time.sleep(DELAY)
            os.kill(child.pid, signal.SIGINT)
            sent = time.perf_counter()
            assert lines.get(timeout=60) == ["interrupted", case]
            assert time.perf_counter() - sent < LIMIT, f"{case}: KeyboardInterrupt came late"
            if case in CHECKED:
                assert lines.get(timeout=60) == ["ok", case]
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
