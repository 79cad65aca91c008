"""centre_0009: the table of zone serials comes and goes with its migration."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect

from lachan.registry import feeds
from lachan.store.migrate import alembic_config, upgrade
from lachan.store.session import Database


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_zone_serials_upgrade_downgrade_and_upgrade_again(fresh_url: str) -> None:
    upgrade(fresh_url)
    db = Database(fresh_url)
    try:
        assert feeds.zone_snapshot(db, "rpz").serial == feeds.ZONE_SERIAL_BASE + 1
    finally:
        db.dispose()
    engine = create_engine(fresh_url)
    cfg = alembic_config(fresh_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "centre_0008")
    engine.dispose()
    assert "zone_serials" not in _tables(fresh_url)
    upgrade(fresh_url)
    assert "zone_serials" in _tables(fresh_url)
