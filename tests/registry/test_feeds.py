"""The blocklist feeds carry each source's real state, score, category and time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from lachan.registry import decisions, feeds, sources
from lachan.registry.clock import as_utc, iso
from lachan.registry.settings import CentreSettings
from lachan.store.session import Database
from lachan.store.tables_centre import Source, SourceChange

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
S = CentreSettings()


def _detect(db: Database, kind: str, value: str, category: str, times: int) -> None:
    """``times`` detections, each from another operator's key (a key counts once a day)."""
    with db.transaction() as s:
        for i in range(times):
            sources.record_detection(
                s, kind, value, category, actor=f"key:{category}{i}", settings=S, now=T0
            )


def _list_number(db: Database, value: str) -> None:
    """Twelve scam detections from twelve operators' keys: the number is listed."""
    _detect(db, "phone", value, "scam", S.listed_min_detections + 2)


def test_full_list_carries_score_category_and_listing_time(db: Database) -> None:
    _list_number(db, "0987654321")
    _detect(db, "domain", "shop-khuyenmai.vip", "ad", 2)
    _detect(db, "domain", "shop-khuyenmai.vip", "scam", 1)
    with db.transaction() as s:
        decisions.decide(s, "domain", "shop-khuyenmai.vip", "block", reason="ads", actor="t")
    with db.read() as s:
        assert sources.get_state(s, "phone", "0987654321", S) == "listed"
        items = {i.value: i for i in feeds.entries(s)}
        stored = {r.value: r for r in s.execute(select(Source)).scalars()}
        journal = {r.value: r.at for r in s.execute(select(SourceChange)).scalars()}
    phone, domain = items["0987654321"], items["shop-khuyenmai.vip"]
    assert (phone.state, phone.category) == ("listed", "scam")
    assert phone.score == pytest.approx(stored["0987654321"].score) and phone.score > 10
    assert phone.updated_at == as_utc(journal["0987654321"])
    assert (domain.state, domain.category) == ("blocked", "ad")
    assert domain.score == pytest.approx(stored["shop-khuyenmai.vip"].score)
    assert domain.score > 0
    assert domain.updated_at is not None


def test_incremental_feed_agrees_with_the_full_list(db: Database) -> None:
    _list_number(db, "0987654321")
    with db.transaction() as s:  # listed -> blocked is no new journal entry
        decisions.decide(s, "phone", "0987654321", "block", reason="confirmed", actor="t")
    with db.read() as s:
        (full,) = list(feeds.entries(s, "phone"))
        (change,), _ = feeds.change_items(s, "phone", 0)
    assert change.listed and change.state == full.state == "blocked"
    assert (change.score, change.category, change.updated_at) == (
        full.score, full.category, full.updated_at,
    )
    assert full.updated_at is not None
    assert change.to_dict() == {
        "value": "0987654321", "state": "blocked", "listed": True,
        "at": iso(full.updated_at), "score": round(full.score, 4), "category": "scam",
    }


def test_category_is_the_most_given_and_the_graver_on_a_tie() -> None:
    assert feeds.category_of(0, 0, 0) == ""
    assert feeds.category_of(3, 1, 0) == "ham"
    assert feeds.category_of(1, 2, 2) == "scam"
    assert feeds.category_of(2, 2, 0) == "ad"


def _block(db: Database, value: str, action: str = "block") -> None:
    with db.transaction() as s:
        decisions.decide(s, "domain", value, action, reason="phishing", actor="t")


def test_a_zones_first_serial_is_above_the_one_the_journal_gave(db: Database) -> None:
    """Secondaries that took a zone from a version that numbered it by the journal take
    the first zone this version serves."""
    for i in range(3):
        _block(db, f"lua-dao-{i}.top")
    with db.read() as s:
        old = feeds.ZONE_SERIAL_BASE + feeds.current_cursor(s)
    first = feeds.zone_snapshot(db, "dnsbl-domain")
    assert first.serial is not None and first.serial > old
    assert {v for _, v, _ in first.entries} == {f"lua-dao-{i}.top" for i in range(3)}
    assert feeds.zone_snapshot(db, "dnsbl-domain").serial == first.serial
    assert feeds.zone_snapshot(db, "hosts").serial is None  # a hosts file has none


def test_concurrent_readers_never_see_one_serial_name_two_contents(db: Database) -> None:
    """Zones read while domains are blocked one after another: each serial names one
    list, and each reader sees its serials grow with the list."""
    import threading

    seen: list[list[tuple[int, str]]] = [[] for _ in range(4)]
    errors: list[BaseException] = []
    done = threading.Event()

    def read(out: list[tuple[int, str]]) -> None:
        try:
            while not done.is_set():
                z = feeds.zone_snapshot(db, "dnsbl-domain")
                out.append((z.serial or 0, feeds.zone_digest(z.entries, ("domain",))))
        except BaseException as exc:  # noqa: BLE001 (reported by the test below)
            errors.append(exc)

    readers = [threading.Thread(target=read, args=(out,)) for out in seen]
    for t in readers:
        t.start()
    try:
        for i in range(8):
            _block(db, f"lua-dao-{i}.top")
    finally:
        done.set()
        for t in readers:
            t.join()
    assert not errors
    names: dict[int, set[str]] = {}
    for out in seen:
        assert out and all(b[0] >= a[0] for a, b in zip(out, out[1:], strict=False))
        for serial, digest in out:
            names.setdefault(serial, set()).add(digest)
    assert all(len(d) == 1 for d in names.values())
    last = feeds.zone_snapshot(db, "dnsbl-domain")
    assert len(last.entries) == 8 and last.serial is not None
    assert last.serial >= max(names)
