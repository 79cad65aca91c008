"""Decisions: block, revoke, clear, appeal with history; the feed journal follows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from lachan.registry import audit, decisions, feeds, sources
from lachan.registry.clock import utcnow
from lachan.registry.settings import CentreSettings
from lachan.store.session import Database
from lachan.store.tables_centre import SourceChange


@pytest.fixture()
def db(db_url: str):
    database = Database(db_url)
    yield database
    database.dispose()


def test_block_appeal_clear_history(db: Database) -> None:
    with db.transaction() as s:
        d1 = decisions.decide(
            s,
            "domain",
            "VCB-XacMinh.top",
            "block",
            reason="phishing Vietcombank",
            evidence="complaint C1",
            actor="key:analyst1",
        )
        assert d1["state_before"] == "unknown" and d1["state_after"] == "blocked"
        d2 = decisions.decide(
            s, "domain", "vcb-xacminh.top", "appeal", reason="we are a real shop", actor="key:owner"
        )
        assert d2["state_after"] == "blocked"
        assert sources.lookup(s, "domain", "vcb-xacminh.top")["appeal_pending"] is True
        decisions.decide(
            s, "domain", "vcb-xacminh.top", "clear", reason="appeal granted", actor="key:analyst2"
        )
    with db.read() as s:
        hist = decisions.history(s, "domain", "vcb-xacminh.top")
        info = sources.lookup(s, "domain", "vcb-xacminh.top")
        items, cursor = feeds.changes(s, "domain", 0)
        assert audit.verify(s).ok
    assert [h["action"] for h in hist] == ["block", "appeal", "clear"]
    assert [h["actor"] for h in hist] == ["key:analyst1", "key:owner", "key:analyst2"]
    assert info["state"] == "cleared" and info["appeal_pending"] is False
    assert info["last_decision"]["action"] == "clear"
    assert cursor == 2 and items[-1]["listed"] is False


def test_revoke_marks_revoked_and_release_returns_to_reputation(db: Database) -> None:
    with db.transaction() as s:
        decisions.decide(s, "phone", "0987654321", "revoke", reason="confirmed scam SIM", actor="a")
        assert sources.lookup(s, "phone", "0987654321")["revoked"] is True
        out = decisions.decide(
            s, "phone", "0987654321", "release", reason="number reassigned", actor="a"
        )
    assert out["state_after"] == "unknown"


@pytest.mark.parametrize(
    ("action", "reason", "message"),
    [
        ("ban", "x", "unknown action"),
        ("block", "  ", "reason"),
        ("appeal", "x", "nothing to appeal"),
        ("reject", "x", "no appeal"),
    ],
)
def test_refused_decisions(db: Database, action: str, reason: str, message: str) -> None:
    with db.transaction() as s:
        sources.get_or_create(s, "phone", "0912345678", utcnow())  # known, but nothing held
    with db.transaction() as s, pytest.raises(decisions.DecisionError, match=message):
        decisions.decide(s, "phone", "0912345678", action, reason=reason, actor="a")


@pytest.mark.parametrize("action", ["appeal", "reject", "release"])
def test_a_decision_on_a_source_never_seen_is_refused(db: Database, action: str) -> None:
    with db.transaction() as s, pytest.raises(decisions.NoSuchSource, match="not in the registry"):
        decisions.decide(s, "phone", "0912345678", action, reason="x", actor="a")
    with db.read() as s:
        assert sources.lookup(s, "phone", "0912345678")["last_decision"] is None


@pytest.mark.parametrize(
    ("taken", "again", "message"),
    [
        (["block"], "block", "already blocked"),
        (["revoke"], "revoke", "already revoked"),
        (["block", "clear"], "clear", "already cleared"),
        (["block", "appeal"], "appeal", "already pending"),
        (["block", "release"], "release", "nothing to release"),
    ],
)
def test_a_decision_that_changes_nothing_is_refused_and_not_recorded(
    db: Database, taken: list[str], again: str, message: str
) -> None:
    """QA: a repeated block, a second appeal and a release of what no decision held were
    each taken, with a history row and an audit entry."""
    with db.transaction() as s:
        for action in taken:
            decisions.decide(s, "phone", "0912345678", action, reason="x", actor="a")
    with db.transaction() as s, pytest.raises(decisions.NothingToChange, match=message):
        decisions.decide(s, "phone", "0912345678", again, reason="again", actor="a")
    with db.read() as s:
        assert len(decisions.history(s, "phone", "0912345678")) == len(taken)
        assert len(audit.history(s, "phone:0912345678")) == len(taken)


def test_a_block_ends_a_pending_appeal_so_it_is_no_repeat(db: Database) -> None:
    with db.transaction() as s:
        for action in ("block", "appeal", "block"):
            decisions.decide(s, "phone", "0912345678", action, reason="x", actor="a")
        assert sources.lookup(s, "phone", "0912345678")["appeal_pending"] is False


@pytest.mark.parametrize("action", ["block", "revoke", "clear"])
def test_a_brandname_over_eleven_characters_is_refused(db: Database, action: str) -> None:
    """QA: a block of 'VIETCOMBANK-KM' (14 characters, no sender can carry it) was taken.
    A clearance of such a name is refused too while the registry does not hold it."""
    with db.transaction() as s, pytest.raises(decisions.DecisionError, match="at most 11"):
        decisions.decide(s, "brandname", "Vietcombank-KM", action, reason="x", actor="a")
    with db.transaction() as s:
        out = decisions.decide(s, "brandname", "VCB-KM", "block", reason="x", actor="a")
    assert out["value"] == "VCB-KM" and out["state_after"] == "blocked"


def test_an_auto_listed_brandname_over_eleven_characters_can_be_undone(db: Database) -> None:
    """QA: 'VIETCOMBANK-KM' (complaint sources take up to 20 characters) was listed by
    reports, and then could not be cleared, appealed or released: every decision on it
    was refused by the Article 23 check meant for blocks."""
    settings = CentreSettings()
    with db.transaction() as s:
        for i in range(settings.listed_min_detections + 2):
            sources.record_detection(s, "brandname", "VIETCOMBANK-KM", "scam",
                                     actor=f"key:op{i}", settings=settings)
        assert sources.get_state(s, "brandname", "VIETCOMBANK-KM", settings) == "listed"
    taken = []
    with db.transaction() as s:
        for action in ("appeal", "reject", "appeal", "clear", "release"):
            out = decisions.decide(s, "brandname", "VIETCOMBANK-KM", action, reason="x",
                                   actor="a", settings=settings)
            taken.append((action, out["state_after"]))
        with pytest.raises(decisions.DecisionError, match="at most 11"):
            decisions.decide(s, "brandname", "VIETCOMBANK-KM", "block", reason="x", actor="a")
    assert taken == [("appeal", "listed"), ("reject", "listed"), ("appeal", "listed"),
                     ("clear", "cleared"), ("release", "listed")]
    with db.read() as s:  # the feed's journal: listed, out when cleared, in when released
        journal = s.execute(select(SourceChange.listed).where(SourceChange.kind == "brandname")
                            .order_by(SourceChange.id)).scalars().all()
    assert journal == [True, False, True]
