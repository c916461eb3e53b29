"""Progress of a study: a tqdm bar (done / failed / remaining, the last cell, elapsed and
estimated time), or one plain log line per cell with ``quiet``."""

from __future__ import annotations

import sys
import time

from tqdm import tqdm


class Progress:
    def __init__(self, total: int, skipped: int, quiet: bool):
        self.total, self.done, self.failed, self.quiet = total, 0, 0, quiet
        self.start = time.perf_counter()
        self.bar = None if quiet else tqdm(total=total, unit="cell", file=sys.stderr, dynamic_ncols=True)
        self.log(f"{total} cell(s) to run, {skipped} already in the store")

    def log(self, line: str) -> None:
        if self.bar is None:
            print(line, flush=True)
        else:
            self.bar.write(line)

    def update(self, description: str, status: str, error: str | None) -> None:
        self.done += status == "done"
        self.failed += status == "failed"
        remaining = self.total - self.done - self.failed
        if self.bar is None:
            elapsed = time.perf_counter() - self.start
            print(f"[{self.done + self.failed}/{self.total}] {status}: {description} ({elapsed:.1f} s elapsed, "
                  f"{remaining} remaining){': ' + error if error else ''}", flush=True)
        else:
            if error:
                self.bar.write(f"failed: {description}: {error}")
            self.bar.set_postfix_str(f"done {self.done}, failed {self.failed}, remaining {remaining}; {description}")
            self.bar.update()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
