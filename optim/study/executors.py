"""Executors of a study: ``concurrent.futures`` executors whose workers run
``worker.run_cell``. "local" is a process pool of ``workers`` processes (default: one per
core), each with ``threads_per_worker`` C++ threads so that workers x threads <= cores.
Another backend is one more entry of ``EXECUTORS``: a function (workers) -> Executor.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor

from . import worker


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def threads_per_worker(workers: int) -> int:
    """C++ threads of each of ``workers`` workers: cores // workers, at least 1."""
    return max(1, cores() // workers)


def local_pool(workers: int) -> Executor:
    """A process pool (spawned processes: no state inherited from the coordinator)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=worker.initialize, initargs=(threads_per_worker(workers),))


EXECUTORS = {"local": local_pool}


def make_executor(kind: str, workers: int | None) -> tuple[Executor, int]:
    """(executor, workers) of ``kind`` (a name of EXECUTORS)."""
    if kind not in EXECUTORS:
        raise ValueError(f"unknown executor {kind!r}; valid: {', '.join(EXECUTORS)}")
    workers = cores() if workers is None else workers
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"workers must be an integer >= 1, got {workers!r}")
    return EXECUTORS[kind](workers), workers
