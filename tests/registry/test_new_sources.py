"""Sources seen for the first time: complaints and detections insert them the same way.

A new source is counted in Python and inserted with its final values; one that enters
the blocklist on first sight is journalled for the feed once; one that a concurrent
request inserted between the read and the insert is counted against that row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from lachan.registry import feeds, sources
from lachan.registry.settings import CentreSettings
from lachan.registry.sources import ComplaintEvent, Detection
from lachan.store.session import Database

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
#: Listing on first sight: one verified scam complaint (2 + 1) or one scam detection (1).
EAGER = CentreSettings(
    suspected_score=0.5,
    listed_score=1.0,
    listed_min_reporters=1,
    listed_min_detections=1,
    listed_min_detectors=1,
)
S = CentreSettings()


def _complain(db: Database, number: str, reporter: str, settings: CentreSettings) -> Any:
    with db.transaction() as s:
        event = ComplaintEvent("phone", number, "scam", reporter, "reported", verified=True)
        out = sources.record_complaint_events(s, [event], settings=settings, now=T0)
        return out[("phone", number)]


def _detect(db: Database, number: str, actor: str, settings: CentreSettings) -> Any:
    with db.transaction() as s:
        (result,) = sources.record_detections(
            s, [Detection("phone", number)], actor=actor, settings=settings, now=T0
        )
        return result.source  # type: ignore[union-attr]


def _journal(db: Database) -> list[tuple[str, str, bool]]:
    with db.read() as s:
        items, _ = feeds.changes(s, "phone", 0)
    return [(i["value"], i["state"], i["listed"]) for i in items]


def _lookup(db: Database, number: str) -> dict[str, Any]:
    with db.read() as s:
        return sources.lookup(s, "phone", number, S, now=T0)


@pytest.mark.parametrize("record", [_complain, _detect], ids=["complaint", "detection"])
def test_a_source_listed_on_first_sight_is_journalled_once(db: Database, record: Any) -> None:
    row = record(db, "0987000111", "first", EAGER)
    assert row.state == "listed"
    with db.read() as s:
        assert sources.find_row(s, "phone", "0987000111").id == row.id
    assert _journal(db) == [("0987000111", "listed", True)]
    record(db, "0987000222", "second", S)  # default settings: not listed, not journalled
    assert _journal(db) == [("0987000111", "listed", True)]


def _hide_first_read(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The first read of source rows finds none, as when a concurrent request inserts
    them just after it: the insert that follows meets their rows. Returns the reads
    made (their ``lock`` flags)."""
    real = sources._select_rows
    calls: list[bool] = []

    def select_rows(session: Any, keys: set[tuple[str, str]], lock: bool = False) -> Any:
        calls.append(lock)
        return {} if len(calls) == 1 else real(session, keys, lock)

    monkeypatch.setattr(sources, "_select_rows", select_rows)
    return calls


def test_a_complaint_racing_a_concurrent_insert_counts_on_that_row(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _complain(db, "0987000333", "r1", S)
    calls = _hide_first_read(monkeypatch)
    again = _complain(db, "0987000333", "r2", S)
    assert len(calls) == 2  # the row was looked for again after the insert skipped it
    assert again.id == first.id
    info = _lookup(db, "0987000333")
    assert (info["complaints"], info["reporters"], info["verified_reporters"]) == (2, 2, 2)
    assert info["score"] == 6.0  # two scam complaints of new reporters: (2 + 1) * 2


def test_a_detection_racing_a_concurrent_insert_counts_on_that_row(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _detect(db, "0987000444", "key:op1", S)
    calls = _hide_first_read(monkeypatch)
    again = _detect(db, "0987000444", "key:op2", S)
    assert len(calls) == 2
    assert again.id == first.id
    info = _lookup(db, "0987000444")
    assert (info["detections"], info["detectors"], info["score"]) == (2, 2, 2.0)
