"""run_study: the coordinator. Expands the config into cells, skips those the store holds
(failed ones too, unless ``retry_failed``), runs the rest on an executor and writes each
outcome to the store as it arrives (the only writer). Ctrl-C cancels the pending cells and
keeps the finished ones; a re-run continues where it stopped.
"""

from __future__ import annotations

import json
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass
from pathlib import Path

import qsim

from .cells import Cell, expand
from .config import StudyConfig
from .executors import make_executor
from .progress import Progress
from .store import Store
from .worker import run_cell


@dataclass(frozen=True)
class StudySummary:
    """cells (in the config), skipped (already stored), done / failed (this run),
    interrupted (stopped by Ctrl-C), store (the results.db path)."""

    cells: int
    skipped: int
    done: int
    failed: int
    interrupted: bool
    store: Path


def _row(study: str, cell: Cell, outcome: dict) -> dict:
    return {"study": study, "key": cell.key, "problem": cell.problem, "instance": cell.instance,
            "method": cell.method, "method_name": cell.method_name, "options": cell.options,
            "optimizer": cell.optimizer, "simulator": cell.simulator, "noise": cell.simulator_label,
            "seed": cell.seed, "version": qsim.__version__, **outcome}


def _crashed(exc: BaseException) -> dict:
    return {"status": "failed", "result": None, "error": f"{type(exc).__name__}: {exc}", "traceback": None,
            "started": None, "finished": None, "elapsed": None, "host": None}


def run_study(config: StudyConfig, out, *, workers: int | None = None, executor: str = "local",
              retry_failed: bool = False, quiet: bool = False) -> StudySummary:
    """Runs the cells of ``config`` not yet in the store of folder ``out``."""
    cells = expand(config)
    with Store(out) as store:
        store.mark_current(config.name, (c.key for c in cells))
        stored = store.statuses(config.name)
        todo = [c for c in cells if c.key not in stored or (retry_failed and stored[c.key] == "failed")]
        progress = Progress(len(todo), len(cells) - len(todo), quiet)
        interrupted = False
        if todo:
            pool, workers = make_executor(executor, workers)
            progress.log(f"study {config.name!r}: {executor} executor, {workers} worker(s), store {store.path}")
            pending = {pool.submit(run_cell, c.payload()): c for c in todo}
            try:
                while pending:
                    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        cell = pending.pop(future)
                        try:
                            outcome = json.loads(future.result())
                        except Exception as exc:  # the worker died: the cell failed, the study goes on
                            outcome = _crashed(exc)
                        store.record(_row(config.name, cell, outcome))
                        progress.update(cell.describe(), outcome["status"], outcome["error"])
            except KeyboardInterrupt:
                interrupted = True
                progress.log(f"interrupted: {len(pending)} cell(s) cancelled; finished cells are kept")
            finally:
                pool.shutdown(wait=not interrupted, cancel_futures=True)
        progress.close()
        return StudySummary(len(cells), len(cells) - len(todo), progress.done, progress.failed, interrupted,
                            store.path)

