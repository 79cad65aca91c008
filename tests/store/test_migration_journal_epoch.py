"""centre_0012: the feed journal's epoch comes and goes with its migration; the existing
head row takes a random one, and every journalling commit draws another."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, inspect, select

from lachan.registry import sources
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.tables_centre import SourceJournalHead
from lachan.store.testing import downgrade


def _columns(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns("source_journal_head")}
    finally:
        engine.dispose()


def test_journal_epoch_upgrade_downgrade_and_upgrade_again(fresh_url: str) -> None:
    upgrade(fresh_url, "centre_0011")
    assert "epoch" not in _columns(fresh_url)
    upgrade(fresh_url)
    db = Database(fresh_url)
    try:
        with db.read() as s:
            (version, first), = s.execute(
                select(SourceJournalHead.version, SourceJournalHead.epoch)).all()
        assert version == 0 and len(first) == 32
        with db.transaction() as s:
            src = sources.get_or_create(s, "domain", "lua-dao.top", datetime.now(UTC))
            s.flush()
            sources.set_state(s, src, "blocked", datetime.now(UTC))
        with db.read() as s:
            row = s.execute(select(SourceJournalHead.version, SourceJournalHead.epoch)).one()
        assert row[0] == 1 and len(row[1]) == 32 and row[1] != first
    finally:
        db.dispose()
    downgrade(fresh_url, "centre_0011")
    assert "epoch" not in _columns(fresh_url)
    upgrade(fresh_url)
    assert "epoch" in _columns(fresh_url)
