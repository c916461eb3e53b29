"""The results store: one SQLite file (``results.db``, WAL mode) holding one row per cell.

Schema version ``SCHEMA_VERSION``, recorded in the ``meta`` table; a file with another
version (or a SQLite file that is no store) is refused with a ValueError. Rows are keyed by
(study, cell key); each is committed by ``record`` the moment its cell finishes, so a
killed run loses only the cells in flight and a re-run never writes a cell twice. Only the
coordinating process writes. ``current`` marks the cells of the study's latest config
(``mark_current``); readers get the row dicts of ``rows``, never the tables themselves.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 1
FILENAME = "results.db"
COLUMNS = ("study", "key", "problem", "instance", "method", "method_name", "options", "optimizer", "simulator",
           "noise", "seed", "status", "result", "error", "traceback", "started", "finished", "elapsed", "host",
           "version", "current")
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE cells (
    study TEXT NOT NULL, key TEXT NOT NULL, problem TEXT NOT NULL, instance TEXT NOT NULL,
    method TEXT NOT NULL, method_name TEXT NOT NULL, options TEXT NOT NULL, optimizer TEXT NOT NULL,
    simulator TEXT, noise TEXT NOT NULL, seed INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')), result TEXT, error TEXT, traceback TEXT,
    started REAL, finished REAL, elapsed REAL, host TEXT, version TEXT, current INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (study, key));
"""


def _open(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{path} is not a qsim results store: {exc}") from None
    if not tables:
        conn.executescript(_SCHEMA)
        conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.commit()
    elif "meta" not in tables:
        raise ValueError(f"{path} is not a qsim results store (no meta table)")
    else:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        found = row[0] if row else None
        if found != str(SCHEMA_VERSION):
            conn.close()
            raise ValueError(f"{path} has results-store schema version {found!r}; this qsim reads version "
                             f"{SCHEMA_VERSION} only: regenerate it with this version, or read it with the qsim "
                             "that wrote it")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


class Store:
    """The store in ``folder`` (created with the folder when missing), or at a .db path."""

    def __init__(self, location):
        location = Path(location)
        if location.suffix != ".db":
            location.mkdir(parents=True, exist_ok=True)
            location = location / FILENAME
        elif not location.is_file():
            raise ValueError(f"results store not found: {str(location)!r}")
        self.path = location
        self._conn = _open(location)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def statuses(self, study: str) -> dict[str, str]:
        """{cell key: "done" | "failed"} of the study's stored cells."""
        return dict(self._conn.execute("SELECT key, status FROM cells WHERE study = ?", (study,)))

    def mark_current(self, study: str, keys) -> None:
        """Marks the rows of ``keys`` as the study's current cells, every other row of it not."""
        keys = set(keys)
        with self._conn:
            stored = [k for (k,) in self._conn.execute("SELECT key FROM cells WHERE study = ?", (study,))]
            self._conn.executemany("UPDATE cells SET current = ? WHERE study = ? AND key = ?",
                                   [(int(k in keys), study, k) for k in stored])

    def record(self, row: dict) -> None:
        """Writes (or replaces) one cell's row and commits it. ``row`` has the keys of
        COLUMNS (``current`` optional); dict values are stored as JSON."""
        values = {**{"current": 1}, **row}
        missing = set(COLUMNS) - set(values)
        if missing:
            raise ValueError(f"row lacks column(s): {', '.join(sorted(missing))}")
        values = [json.dumps(v) if isinstance(v, (dict, list)) else v for v in (values[c] for c in COLUMNS)]
        with self._conn:
            self._conn.execute(f"INSERT OR REPLACE INTO cells ({', '.join(COLUMNS)}) VALUES "
                               f"({', '.join('?' * len(COLUMNS))})", values)

    def studies(self) -> list[str]:
        return [s for (s,) in self._conn.execute("SELECT DISTINCT study FROM cells ORDER BY study")]

    def rows(self, study: str | None = None, *, current_only: bool = True) -> list[dict]:
        """The rows (dicts keyed by COLUMNS, JSON columns decoded; result is the SolveResult
        dict or None) of one study or all, the current cells only unless told otherwise."""
        query, args = "SELECT * FROM cells WHERE 1 = 1", []
        if study is not None:
            query, args = query + " AND study = ?", [study]
        if current_only:
            query += " AND current = 1"
        cursor = self._conn.execute(query + " ORDER BY study, problem, instance, method, noise, seed", args)
        names = [d[0] for d in cursor.description]
        out = []
        for values in cursor:
            row = dict(zip(names, values))
            for key in ("options", "optimizer", "simulator", "result"):
                row[key] = None if row[key] is None else json.loads(row[key])
            out.append(row)
        return out
