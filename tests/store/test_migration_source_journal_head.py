"""centre_0010: the feed journal's version comes and goes with its migration, and every
commit that journals raises it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from lachan.registry import sources
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.tables_centre import SourceJournalHead
from lachan.store.testing import downgrade, table_names


def test_source_journal_head_upgrade_downgrade_and_upgrade_again(fresh_url: str) -> None:
    upgrade(fresh_url)
    db = Database(fresh_url)
    try:
        with db.read() as s:
            assert s.execute(select(SourceJournalHead.id, SourceJournalHead.version)).all() == [
                (1, 0)
            ]
        with db.transaction() as s:
            src = sources.get_or_create(s, "domain", "lua-dao.top", datetime.now(UTC))
            s.flush()
            sources.set_state(s, src, "blocked", datetime.now(UTC))
        with db.read() as s:
            assert s.execute(select(SourceJournalHead.version)).scalar_one() == 1
    finally:
        db.dispose()
    downgrade(fresh_url, "centre_0009")
    assert "source_journal_head" not in table_names(fresh_url)
    upgrade(fresh_url)
    assert "source_journal_head" in table_names(fresh_url)
