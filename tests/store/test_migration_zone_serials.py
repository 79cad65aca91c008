"""centre_0009: the table of zone serials comes and goes with its migration."""

from __future__ import annotations

from lachan.registry import feeds
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.testing import downgrade, table_names


def test_zone_serials_upgrade_downgrade_and_upgrade_again(fresh_url: str) -> None:
    upgrade(fresh_url)
    db = Database(fresh_url)
    try:
        assert feeds.zone_snapshot(db, "rpz").serial == feeds.ZONE_SERIAL_BASE + 1
    finally:
        db.dispose()
    downgrade(fresh_url, "centre_0008")
    assert "zone_serials" not in table_names(fresh_url)
    upgrade(fresh_url)
    assert "zone_serials" in table_names(fresh_url)
