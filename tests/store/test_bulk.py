"""Bulk helpers: multi-row inserts (with conflicts skipped) and IN look-ups, on SQLite
and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from lachan.registry.sources import _new_values
from lachan.store import bulk
from lachan.store.session import Database
from lachan.store.tables_centre import Complaint, DncEntry, DncEvent, Source, SourceReporter

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _source(value: str) -> dict:
    # a new source's row as the registry writes it, with a score the look-ups read back
    return {**_new_values("phone", value, NOW), "score": 0.5}


def test_insert_rows_returns_only_rows_inserted(db_url: str) -> None:
    db = Database(db_url)
    try:
        with db.transaction() as s:
            conn = s.connection()
            first = bulk.insert_rows(
                conn,
                Source.__table__,
                [_source(f"09{i:08d}") for i in range(700)],  # more than one SQLite chunk
                on_conflict_nothing=["kind", "value"],
                returning=("id", "value"),
            )
            assert len(first) == 700 and len({r.id for r in first}) == 700
            again = bulk.insert_rows(
                conn,
                Source.__table__,
                [_source("0900000001"), _source("0911111111")],
                on_conflict_nothing=["kind", "value"],
                returning=("id", "value"),
            )
            assert [r.value for r in again] == ["0911111111"]
            sid = first[0].id
            pairs = bulk.insert_rows(
                conn,
                SourceReporter.__table__,
                [{"source_id": sid, "reporter": "a"}, {"source_id": sid, "reporter": "b"}],
                on_conflict_nothing=True,
                returning=("source_id", "reporter"),
            )
            assert sorted(tuple(p) for p in pairs) == [(sid, "a"), (sid, "b")]
            pairs = bulk.insert_rows(
                conn,
                SourceReporter.__table__,
                [{"source_id": sid, "reporter": "b"}, {"source_id": sid, "reporter": "c"}],
                on_conflict_nothing=True,
                returning=("source_id", "reporter"),
            )
            assert [tuple(p) for p in pairs] == [(sid, "c")]
            assert bulk.insert_rows(conn, Source.__table__, []) == []
        with db.read() as s:
            conn = s.connection()
            t = Source.__table__
            values = ["0900000003", "0900000699", "0999999999"]
            got = conn.execute(
                select(t.c.value, t.c.score).where(bulk.value_in(conn, t.c.value, values))
            )
            assert sorted(tuple(r) for r in got) == [("0900000003", 0.5), ("0900000699", 0.5)]
    finally:
        db.dispose()


def test_insert_rows_keeps_types(db_url: str) -> None:
    """Dates, floats, NULLs and bytes go through the PostgreSQL arrays unchanged."""
    db = Database(db_url)
    row = {
        "ref": "CTEST1",
        "received_at": NOW,
        "last_at": NOW,
        "reported_at": None,
        "channel": "sms",
        "via": "batch",
        "reporter": "p" * 64,
        "source_kind": None,
        "source_value": None,
        "category": "scam",
        "score": 0.875,
        "symbols": "[]",
        "dedupe_key": "k" * 64,
        "count": 2,
        "content_enc": b"\x00\x01\xffbinary",
    }
    try:
        with db.transaction() as s:
            (inserted,) = bulk.insert_rows(
                s.connection(), Complaint.__table__, [row], returning=("id", "ref")
            )
        with db.read() as s:
            got = s.execute(select(Complaint).where(Complaint.id == inserted.id)).scalar_one()
        assert got.ref == "CTEST1" and got.reported_at is None and got.source_kind is None
        assert got.score == 0.875 and got.count == 2
        assert got.content_enc == b"\x00\x01\xffbinary"
        at = got.received_at  # naive UTC on SQLite, aware on PostgreSQL
        assert (at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)) == NOW
    finally:
        db.dispose()


#: Keys COPY's text format would take for something else unless escaped, and one that
#: PostgreSQL's array text would split.
AWKWARD = ["tab\there", "back\\slash", "line\nend", "cr\rhere", "comma,here", "", "\\N", "q\"'"]
LATER = datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)


def _utc(at: datetime) -> datetime:
    return at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)


def test_load_update_and_look_up_rows_in_bulk(db_url: str) -> None:
    """load_rows, update_rows and rows_in keep every value as it was given, plain keys
    (the fast paths: one COPY text, one string array) and awkward ones alike, with the
    columns in any order."""
    t = DncEntry.__table__
    plain = [f"k{i:05d}" for i in range(1_200)]  # over one SQLite IN list
    db = Database(db_url)
    try:
        with db.transaction() as s:
            conn = s.connection()
            at = bulk.db_value(conn, t.c.updated_at, NOW)
            cols = ("pseudonym", "scope", "registered_at", "updated_at")
            bulk.load_rows(conn, t, cols, [(k, "sms", at, at) for k in plain])
            bulk.load_rows(conn, t, cols[::-1], [(at, at, "call", k) for k in AWKWARD])
            asked = sorted([*AWKWARD, "k00000", "k01199", "missing"])
            got = bulk.rows_in(conn, t, "pseudonym", ("scope",), asked)
            assert sorted(tuple(r) for r in got) == sorted(
                [(k, "call") for k in AWKWARD] + [("k00000", "sms"), ("k01199", "sms")]
            )
            later = bulk.db_value(conn, t.c.updated_at, LATER)
            changed = [*AWKWARD, "k00001"]
            bulk.update_rows(
                conn, t, "pseudonym", ("updated_at", "scope"), [(k, later, "all") for k in changed]
            )
            assert bulk.rows_in(conn, t, "pseudonym", ("scope",), []) == []
            bulk.update_rows(conn, t, "pseudonym", ("scope",), [])
        with db.read() as s:
            rows = {e.pseudonym: e for e in s.scalars(select(DncEntry))}
        assert set(rows) == {*plain, *AWKWARD}
        assert {k: rows[k].scope for k in changed} == dict.fromkeys(changed, "all")
        assert {rows[k].scope for k in plain[2:]} == {"sms"}
        assert {_utc(rows[k].updated_at) for k in changed} == {LATER}
        assert {_utc(rows[k].updated_at) for k in plain[2:]} == {NOW}
        assert {_utc(e.registered_at) for e in rows.values()} == {NOW}
    finally:
        db.dispose()


def test_load_rows_takes_values_that_are_not_text(db_url: str) -> None:
    """Rows with numbers or NULLs go to COPY row by row (no text of their own)."""
    t = DncEvent.__table__
    db = Database(db_url)
    try:
        with db.transaction() as s:
            conn = s.connection()
            at = bulk.db_value(conn, t.c.at, NOW)
            cols = ("id", "pseudonym", "action", "scope", "scope_after", "via", "at")
            bulk.load_rows(conn, t, cols, [(7, "p", "register", "sms", "sms", "import", at)])
        with db.read() as s:
            (event,) = s.scalars(select(DncEvent)).all()
        assert (event.id, event.pseudonym, _utc(event.at)) == (7, "p", NOW)
    finally:
        db.dispose()
