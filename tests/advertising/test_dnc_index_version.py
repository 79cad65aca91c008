"""The scrubbing index of the Do-Not-Call register is never reused for other contents."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import create_engine, delete, inspect, table, text
from sqlalchemy.engine import make_url

from lachan.registry import advertising_scrub as scrub
from lachan.registry import dnc
from lachan.store.session import Database
from lachan.store.testing import pg_empty


def _restore_another_database(url: str) -> None:
    """What a restore from another copy looks like: every table emptied and the ids
    counting from 1 again."""
    if make_url(url).get_backend_name() == "postgresql":
        pg_empty(url)
        return
    engine = create_engine(url)
    with engine.begin() as conn:
        for name in inspect(conn).get_table_names():
            if name not in ("alembic_version", "sqlite_sequence"):
                conn.execute(delete(table(name)))
        if "sqlite_sequence" in inspect(conn).get_table_names():
            conn.execute(text("DELETE FROM sqlite_sequence"))
    engine.dispose()


def _import(db: Database, number: str) -> None:
    with db.transaction() as s:
        scrub.import_dnc_lists(s, scrub.iter_chunks(io.BytesIO(f"{number}\n".encode())), "all")


def _listed(db: Database, directory: Path, number: int) -> bool:
    with db.read() as s:
        index = scrub.dnc_index(s, directory)
    return bool(index.blocked_numbers(np.array([number]), "sms")[0])


def test_a_replaced_database_with_as_many_rows_gets_a_new_index(
    db_url: str, tmp_path: Path
) -> None:
    directory = tmp_path / "dnc_index"
    db = Database(db_url)
    try:
        _import(db, "0987654321")
        assert _listed(db, directory, 987654321)
        with db.read() as s:
            before = scrub.register_version(s)

        _restore_another_database(db_url)
        _import(db, "0912345678")  # one row, history id 1 again, but another number
        with db.read() as s:
            after = scrub.register_version(s)
            assert dnc.count(s) == 1
        assert before[:2] == after[:2] and before != after

        # from this process's memory ...
        assert _listed(db, directory, 912345678)
        assert not _listed(db, directory, 987654321)
        # ... and from the index on disk, as a new process finds it
        scrub._cache.clear()
        assert _listed(db, directory, 912345678)
    finally:
        db.dispose()


def test_the_index_on_disk_is_reused_while_the_register_is_unchanged(
    db_url: str, tmp_path: Path, monkeypatch
) -> None:
    directory = tmp_path / "dnc_index"
    db = Database(db_url)
    try:
        _import(db, "0912345678")
        assert _listed(db, directory, 912345678)
        scrub._cache.clear()
        monkeypatch.setattr(scrub, "_build_from_db", lambda _s: (_ for _ in ()).throw(
            AssertionError("rebuilt although the register did not change")))
        assert _listed(db, directory, 912345678)
    finally:
        db.dispose()


def test_the_index_on_disk_holds_no_number_and_replaces_an_old_one(
    db_url: str, tmp_path: Path
) -> None:
    directory = tmp_path / "dnc_index"
    directory.mkdir()
    for scope in ("sms", "call", "all"):  # an index of the older format: numbers in clear
        np.save(directory / f"{scope}.npy", np.array([987654321], dtype=np.uint32))
    (directory / "meta.json").write_text('{"format": 1}')
    scrub._cache.clear()
    db = Database(db_url)
    try:
        _import(db, "0912345678")
        assert _listed(db, directory, 912345678) and not _listed(db, directory, 987654321)
    finally:
        db.dispose()
    saved = [np.load(directory / f"{scope}.npy") for scope in ("sms", "call", "all")]
    assert [a.dtype for a in saved] == [np.uint64] * 3 and sum(a.size for a in saved) == 1
    for arr in saved:
        assert not np.isin([912345678, 987654321], arr).any()


def test_an_index_built_in_several_batches_holds_every_number(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scrub, "_BUILD_BATCH", 2)  # five numbers: three batches
    db = Database(db_url)
    try:
        numbers = [f"09{n:08d}" for n in (11111111, 22222222, 33333333, 44444444, 55555555)]
        with db.transaction() as s:
            data = "\n".join(numbers).encode()
            scrub.import_dnc_lists(s, scrub.iter_chunks(io.BytesIO(data)), "all")
        for number in numbers:
            assert _listed(db, tmp_path / "dnc_index", int(number))
        assert not _listed(db, tmp_path / "dnc_index", 966666666)
    finally:
        db.dispose()
