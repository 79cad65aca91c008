"""centre_0008: the alias references of centre_0006 (a repeat from another caller folded
into someone else's complaint) are dropped, since a complaint now folds only into its
own filer's; the downgrade brings the table back, empty."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from lachan.store.migrate import upgrade
from lachan.store.testing import downgrade, table_names

NOW = datetime(2026, 12, 1, 8, tzinfo=UTC)


def _old_data(url: str) -> None:
    """A complaint and an alias that names it, as centre_0007 kept them."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO complaints (id, ref, received_at, last_at, channel, via, reporter,"
                " reporter_verified, category, score, symbols, dedupe_key, count, content_enc)"
                " VALUES (1, 'C0000000001', :at, :at, 'sms', 'web', 'r', :f, 'scam', 1.0,"
                " '[]', 'k', 2, :enc)"
            ),
            {"at": NOW, "f": False, "enc": b"x"},
        )
        conn.execute(
            text("INSERT INTO complaint_aliases (ref, complaint_id, created_at)"
                 " VALUES ('C0000000002', 1, :at)"),
            {"at": NOW},
        )
    engine.dispose()


def test_the_alias_table_is_dropped_and_complaints_kept(fresh_url: str) -> None:
    upgrade(fresh_url, "centre_0007")
    _old_data(fresh_url)
    upgrade(fresh_url)
    assert "complaint_aliases" not in table_names(fresh_url)
    engine = create_engine(fresh_url)
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT ref, count FROM complaints")).all()
    engine.dispose()
    assert [tuple(r) for r in kept] == [("C0000000001", 2)]


def test_downgrade_to_centre_0007_and_up_again(fresh_url: str) -> None:
    upgrade(fresh_url, "centre_0007")
    _old_data(fresh_url)
    upgrade(fresh_url)
    downgrade(fresh_url, "centre_0007")
    engine = create_engine(fresh_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM complaint_aliases")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM complaints")).scalar_one() == 1
    engine.dispose()
    upgrade(fresh_url)
    assert "complaint_aliases" not in table_names(fresh_url)
