import sqlite3

import pytest

from optim.study.store import COLUMNS, SCHEMA_VERSION, Store


def _row(key: str, status: str = "done", **extra) -> dict:
    row = {c: None for c in COLUMNS}
    row.update(study="s", key=key, problem="p", instance="i", method="m", method_name="exact", options={},
               optimizer={}, noise="-", seed=1, status=status, result={"gap": float("inf")} if status == "done" else None)
    row.update(extra)
    return row


def test_rows_round_trip_and_replace(tmp_path):
    with Store(tmp_path) as store:
        store.record(_row("a"))
        store.record(_row("b", "failed", error="ValueError: x"))
        store.record(_row("b", "done"))
        rows = store.rows("s")
        assert [(r["key"], r["status"]) for r in rows] == [("a", "done"), ("b", "done")]
        assert rows[0]["result"] == {"gap": float("inf")} and rows[0]["options"] == {}
        assert store.statuses("s") == {"a": "done", "b": "done"} and store.studies() == ["s"]
        store.mark_current("s", ["b"])
        assert [r["key"] for r in store.rows("s")] == ["b"]
        assert len(store.rows("s", current_only=False)) == 2
    conn = sqlite3.connect(tmp_path / "results.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_incomplete_row_refused(tmp_path):
    with Store(tmp_path) as store, pytest.raises(ValueError, match="row lacks column"):
        store.record({"study": "s"})


def test_other_schema_and_foreign_files_refused(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    conn = sqlite3.connect(old / "results.db")
    conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '0');")
    conn.commit()
    conn.close()
    with pytest.raises(ValueError, match=r"schema version '0'; this qsim reads version 1 only"):
        Store(old)
    other = tmp_path / "other.db"
    sqlite3.connect(other).executescript("CREATE TABLE t (x);")
    with pytest.raises(ValueError, match="not a qsim results store"):
        Store(other)
    (tmp_path / "text.db").write_text("not sqlite at all, not at all, not at all, not at all, not at all")
    with pytest.raises(ValueError, match="not a qsim results store"):
        Store(tmp_path / "text.db")
    with pytest.raises(ValueError, match="results store not found"):
        Store(tmp_path / "missing.db")
