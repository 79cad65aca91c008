"""The decay pass every feed request runs first (``sources.refresh_if_due``): it reads only
the suspected and listed sources whose ``decay_at`` has come, so a request when nothing
is due reads no source; a source that decays leaves the zone, whose serial moves."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine

from lachan.registry import audit, feeds, sources
from lachan.registry.privacy import Vault
from lachan.registry.settings import CentreSettings
from lachan.store.session import Database
from lachan.store.tables_centre import AuditEntry, SourceChange, SourceDecay

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
S = CentreSettings()


def _list(db: Database, value: str, at: datetime, complaints: int = 4) -> str:
    """``complaints`` scam complaints from as many verified reporters at ``at`` (four:
    score 12, listed; it falls below 10 after 14 * log2(1.2) = 3.7 days)."""
    with db.transaction() as s:
        events = [
            sources.ComplaintEvent("domain", value, "scam", f"r{i}", "reported", True)
            for i in range(complaints)
        ]
        found = sources.record_complaint_events(s, events, settings=S, now=at)
        return found[("domain", value)].state


class _Reads:
    """The sources each decay pass read (``_to_refresh``), and its statements."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.passes: list[set[str]] = []
        self.statements: list[str] = []
        to_refresh = sources._to_refresh

        def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            rows = to_refresh(*args, **kwargs)
            self.passes.append({r.value for r in rows})
            return rows

        monkeypatch.setattr(sources, "_to_refresh", counted)

    def __enter__(self) -> _Reads:
        event.listen(Engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(Engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement: str, *_args) -> None:  # noqa: ANN001
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            self.statements.append(statement)


def test_a_pass_with_nothing_due_reads_no_source(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tens of thousands of listed sources made every feed request read them all; now a
    request when none is due is one short read (no write transaction, no source)."""
    for i in range(3):
        assert _list(db, f"a{i}-lua-dao.top", T0) == "listed"
    assert _list(db, "b-lua-dao.top", T0 + timedelta(days=3)) == "listed"
    reads = _Reads(monkeypatch)
    # the first pass has no settings recorded: it reads every decaying source once
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(hours=1)) == 0
    assert reads.passes == [{"a0-lua-dao.top", "a1-lua-dao.top", "a2-lua-dao.top", "b-lua-dao.top"}]
    with reads:
        for hours in (2, 24, 48):
            assert sources.refresh_if_due(db, S, now=T0 + timedelta(hours=hours)) == 0
    assert len(reads.passes) == 1  # no pass ran
    assert len(reads.statements) == 3 and all("source_decay" in q for q in reads.statements)
    # four days on, the three listed first are due; the one listed later is not read
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(days=4)) == 3
    assert reads.passes[-1] == {"a0-lua-dao.top", "a1-lua-dao.top", "a2-lua-dao.top"}
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(days=4, hours=1)) == 0
    assert len(reads.passes) == 2


def test_a_due_source_leaves_the_zone_with_a_new_serial(db: Database) -> None:
    assert _list(db, "a-lua-dao.top", T0) == "listed"
    assert _list(db, "b-lua-dao.top", T0, complaints=8) == "listed"  # score 24
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(days=1)) == 0
    first = feeds.zone_snapshot(db, "rpz")
    assert {v for _k, v, _s in first.entries} == {"a-lua-dao.top", "b-lua-dao.top"}
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(days=3, hours=16)) == 0
    assert feeds.zone_snapshot(db, "rpz") == first  # 10.03 at 3 2/3 days: still listed
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(days=4)) == 1
    after = feeds.zone_snapshot(db, "rpz")
    assert [v for _k, v, _s in after.entries] == ["b-lua-dao.top"]
    assert after.serial is not None and first.serial is not None and after.serial > first.serial
    with db.read() as s:
        items, _ = feeds.changes(s, "domain", 0)
        decay = s.execute(
            select(AuditEntry.details).where(AuditEntry.action == "sources.decay")
        ).scalar_one()
    assert items[-1]["value"] == "a-lua-dao.top" and items[-1]["listed"] is False
    assert items[-1]["state"] == "suspected" and json.loads(decay) == {"changed": 1}
    # suspected now: it leaves no zone when it falls to unknown, 28 days after T0
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(days=5)) == 0
    assert feeds.zone_snapshot(db, "rpz") == after


def test_a_source_raised_again_is_not_decayed_by_its_old_moment(db: Database) -> None:
    assert _list(db, "a-lua-dao.top", T0) == "listed"
    assert sources.refresh_if_due(db, S, now=T0) == 0
    _list(db, "a-lua-dao.top", T0 + timedelta(days=3), complaints=1)  # one more: +2
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(days=4)) == 0
    with db.read() as s:
        assert sources.get_state(s, "domain", "a-lua-dao.top", S) == "listed"


def _raw_source(db: Database, value: str, score: float, at: datetime) -> None:
    """A listed source written past the registry (as before ``decay_at``): not known."""
    with db.transaction() as s:
        s.execute(
            text(
                "INSERT INTO sources (kind, value, state, pinned, revoked, appeal_pending,"
                " complaints, reporters, verified_reporters, detections, detectors, cat_ham,"
                " cat_ad, cat_scam, score, score_at, first_seen, last_seen) VALUES ('domain',"
                " :v, 'listed', :f, :f, :f, 4, 4, 4, 0, 0, 0, 0, 4, :score, :at, :at, :at)"
            ),
            {"v": value, "f": False, "score": score, "at": at},
        )


def test_a_source_without_decay_at_is_read_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _list(db, "c-lua-dao.top", T0) == "listed"
    assert sources.refresh_if_due(db, S, now=T0) == 0  # settings recorded
    _raw_source(db, "old-lua-dao.top", 12.0, T0 - timedelta(days=30))
    _raw_source(db, "new-lua-dao.top", 12.0, T0)
    reads = _Reads(monkeypatch)
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(hours=1)) == 1
    assert reads.passes == [{"old-lua-dao.top", "new-lua-dao.top"}]
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(hours=2)) == 0
    assert len(reads.passes) == 1
    with db.read() as s:
        assert sources.get_state(s, "domain", "old-lua-dao.top", S) == "unknown"
        assert sources.get_state(s, "domain", "new-lua-dao.top", S) == "listed"


def test_other_settings_read_every_source_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``decay_at`` follows the settings: a pass with other thresholds reads every
    decaying source once (as every pass did before), applies them, records them."""
    assert _list(db, "a-lua-dao.top", T0) == "listed"  # four verified reporters
    assert _list(db, "b-lua-dao.top", T0, complaints=6) == "listed"
    assert sources.refresh_if_due(db, S, now=T0) == 0
    reads = _Reads(monkeypatch)
    stricter = S.with_(listed_min_reporters=5)
    assert sources.refresh_if_due(db, stricter, now=T0) == 1  # a: four are not enough
    assert reads.passes == [{"a-lua-dao.top", "b-lua-dao.top"}]
    assert sources.refresh_if_due(db, stricter, now=T0 + timedelta(hours=1)) == 0
    assert len(reads.passes) == 1
    with db.read() as s:
        recorded = s.execute(select(SourceDecay.settings)).scalar_one()
        assert recorded == sources.decay_settings(stricter)
        assert sources.get_state(s, "domain", "a-lua-dao.top", stricter) == "suspected"
    assert sources.refresh_if_due(db, S, now=T0 + timedelta(hours=1)) == 1  # back, as before
    assert len(reads.passes) == 2


def _band(score: float, settings: CentreSettings) -> str:
    numbers = SimpleNamespace(verified_reporters=99, detections=0, detectors=0)
    return sources.automatic_state(numbers, score, settings)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    score=st.floats(min_value=0.0, max_value=1e6),
    age_days=st.floats(min_value=0.0, max_value=400.0),
    half_life=st.sampled_from([0.0, 0.5, 14.0, 90.0]),
    listed=st.sampled_from([3.0, 10.0, 25.0]),
)
def test_decay_due_is_the_next_moment_the_state_changes(
    score: float, age_days: float, half_life: float, listed: float
) -> None:
    """Before ``decay_due`` the state the numbers give is the one they give now; just
    after, it is not (unless it is ``NEVER``: then it never changes)."""
    cfg = S.with_(half_life_days=half_life, listed_score=listed)
    now = T0 + timedelta(days=age_days)
    due = sources.decay_due(score, T0, cfg, now)

    def band(at: datetime) -> str:
        return _band(sources.decayed(score, T0, at, half_life), cfg)

    if due == sources.NEVER:
        assert band(now + timedelta(days=100_000)) == band(now)
        return
    assert due >= now - timedelta(milliseconds=1)
    assert band(max(now, due)) == band(now)
    assert band(due + timedelta(milliseconds=1)) != band(now)


def test_concurrent_passes_journal_a_decay_once(db: Database) -> None:
    """Two workers' requests find the same source due: one journals it, the other waits
    for it (PostgreSQL: row locks; SQLite: one writer) and finds nothing left."""
    assert _list(db, "a-lua-dao.top", T0) == "listed"
    assert sources.refresh_if_due(db, S, now=T0) == 0
    now = T0 + timedelta(days=4)
    other = Database(db.url)  # another worker
    other.sessions.configure(info={audit.SEAL_KEY_INFO: Vault(bytes(range(32))).audit_seal_key})
    results: list[int] = []
    try:
        with db.transaction() as s:
            assert sources.refresh(s, S, now=now) == 1
            worker = threading.Thread(
                target=lambda: results.append(sources.refresh_if_due(other, S, now=now))
            )
            worker.start()
            time.sleep(0.5)
        worker.join(30)
    finally:
        other.dispose()
    assert results == [0]
    with db.read() as s:
        removals = s.execute(select(SourceChange.id).where(SourceChange.listed.is_(False))).all()
    assert len(removals) == 1
