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
