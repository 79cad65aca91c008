"""Operators' detections: a key counts once per source and window, and detections alone
list a source only when several keys saw it (QA: twenty copies of one detection in one
request listed a number with no complaint; a thousand gave it score 999.99)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from lachan.registry import audit, feeds, sources
from lachan.registry.settings import CentreSettings
from lachan.registry.sources import Detected, Detection
from lachan.store.session import Database

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(days=30)
S = CentreSettings()
NUMBER = "0988111444"


def _detect(
    db: Database, items: list[Detection], actor: str, at: datetime = T0
) -> list[Detected | sources.InvalidSource]:
    with db.transaction() as s:
        return sources.record_detections(s, items, actor=actor, settings=S, now=at)


def _lookup(db: Database, at: datetime) -> dict:
    with db.read() as s:
        return sources.lookup(s, "phone", NUMBER, S, now=at)


def _blocklist(db: Database) -> set[str]:
    with db.read() as s:
        return {i.value for i in feeds.entries(s, "phone")}


def test_copies_in_one_request_count_once(db: Database) -> None:
    out = _detect(db, [Detection("phone", NUMBER)] * 1000, "key:op1")
    assert [r.counted for r in out] == [True] + [False] * 999  # type: ignore[union-attr]
    info = _lookup(db, T0)
    assert (info["detections"], info["detectors"], info["score"]) == (1, 1, 1.0)
    assert info["state"] == "unknown" and NUMBER not in _blocklist(db)


def test_a_key_counts_once_per_window(db: Database) -> None:
    (first,) = _detect(db, [Detection("phone", NUMBER)], "key:op1")
    (again,) = _detect(
        db, [Detection("phone", "+84 988 111 444")], "key:op1", T0 + timedelta(hours=23)
    )
    (other,) = _detect(db, [Detection("phone", NUMBER)], "key:op2", T0 + timedelta(hours=23))
    (next_day,) = _detect(db, [Detection("phone", NUMBER)], "key:op1", T0 + timedelta(hours=25))
    counted = [r.counted for r in (first, again, other, next_day)]  # type: ignore[union-attr]
    assert counted == [True, False, True, True]
    info = _lookup(db, T0 + timedelta(hours=25))
    assert (info["detections"], info["detectors"]) == (3, 2)


def test_one_key_alone_never_lists_a_source(db: Database) -> None:
    """Thirty days of one operator's daily detections: score and count are enough, but
    no second operator saw the number. A second key's detection lists it."""
    for day in range(30):
        _detect(db, [Detection("phone", NUMBER)], "key:op1", T0 + timedelta(days=day))
    end = T0 + timedelta(days=29, hours=1)
    info = _lookup(db, end)
    assert info["detections"] == 30 and info["score"] >= S.listed_score
    assert (info["state"], info["detectors"]) == ("suspected", 1)
    assert NUMBER not in _blocklist(db)
    (second,) = _detect(db, [Detection("phone", NUMBER)], "key:op2", end)
    assert second.state == "listed"  # type: ignore[union-attr]
    assert NUMBER in _blocklist(db)


def test_two_keys_need_enough_counted_detections(db: Database) -> None:
    """Score over the threshold with two keys, but fewer counted detections than
    ``listed_min_detections``: not listed."""
    heavy = [Detection("phone", NUMBER)]
    with db.transaction() as s:
        for key in ("key:op1", "key:op2"):
            sources.record_detections(s, heavy, actor=key, settings=S, now=T0, weight=10.0)
    info = _lookup(db, T0)
    assert info["score"] >= S.listed_score and info["detectors"] == 2
    assert info["detections"] < S.listed_min_detections and info["state"] == "suspected"


def test_the_gravest_category_in_a_request_counts_and_bad_items_are_returned(
    db: Database,
) -> None:
    out = _detect(
        db,
        [
            Detection("phone", NUMBER, "ad"),
            Detection("phone", "bogus"),
            Detection("phone", NUMBER, "scam"),
            Detection("ip", "1.2.3.4", "phishy"),
        ],
        "key:op1",
    )
    assert isinstance(out[1], sources.InvalidSource) and isinstance(out[3], sources.InvalidSource)
    info = _lookup(db, T0)
    assert info["categories"] == {"ham": 0, "ad": 0, "scam": 1} and info["score"] == 1.0


def test_a_batch_takes_a_few_statements_not_one_per_item(db: Database) -> None:
    items = [Detection("phone", f"0912{i:06d}") for i in range(500)]
    items += [Detection("domain", f"scam{i}.top") for i in range(500)]
    _detect(db, items[:300], "key:op1")  # known sources: the update path too
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        out = _detect(db, items, "key:op2", T0 + timedelta(hours=1))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert all(r.counted for r in out)  # type: ignore[union-attr]
    assert len(statements) < 40, len(statements)
    with db.read() as s:
        known = sources.lookup(s, "phone", "0912000001", S, now=T0 + timedelta(hours=1))
        new = sources.lookup(s, "domain", "scam1.top", S, now=T0 + timedelta(hours=1))
    assert (known["detections"], known["detectors"]) == (2, 2)
    assert (new["detections"], new["detectors"]) == (1, 1)


def test_one_audit_entry_per_request(db: Database) -> None:
    _detect(db, [Detection("phone", NUMBER), Detection("domain", "scam.top")] * 3, "key:op1")
    _detect(db, [Detection("phone", NUMBER)], "key:op1")  # a repeat: nothing written
    with db.read() as s:
        entries = [e for e in audit.history(s, "sources") if e["action"] == "source.detection"]
        assert audit.verify(s).ok
    assert len(entries) == 1
    assert entries[0]["details"]["sources"] == ["domain:scam.top", f"phone:{NUMBER}"]
    assert entries[0]["details"]["received"] == 6
