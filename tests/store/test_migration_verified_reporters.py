"""centre_0004: existing complaints and reporter pairs get their ``verified`` flag.

Complaints that came through the public route (``via = 'web'``) were never verified;
a source's ``verified_reporters`` is counted from its pairs, so a number listed by
self-declared reporters alone falls back to suspected at the next decay refresh."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from lachan.registry import audit, sources
from lachan.registry.privacy import Vault
from lachan.registry.settings import CentreSettings
from lachan.store.migrate import upgrade
from lachan.store.session import Database

NOW = datetime.now(UTC)


def _complaint(conn, cid: int, reporter: str, via: str) -> None:
    conn.execute(
        text(
            "INSERT INTO complaints (id, ref, received_at, last_at, channel, via, reporter,"
            " category, score, symbols, dedupe_key, count, content_enc) VALUES (:id, :ref,"
            " :at, :at, 'sms', :via, :rep, 'scam', 0.9, '[]', :key, 1, :enc)"
        ),
        {"id": cid, "ref": f"C{cid}", "at": NOW, "via": via, "rep": reporter,
         "key": f"k{cid}", "enc": b"x"},
    )
    conn.execute(
        text("INSERT INTO complaint_sources (complaint_id, source_id, role)"
             " VALUES (:c, 1, 'reported')"),
        {"c": cid},
    )


def _old_data(url: str) -> None:
    """A source listed before the fix: 2 reporters through the public route only, one
    through the gateway, one whose complaints were purged."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sources (id, kind, value, state, pinned, revoked, appeal_pending,"
                " complaints, reporters, detections, cat_ham, cat_ad, cat_scam, score,"
                " score_at, first_seen, last_seen) VALUES (1, 'phone', '0987333333', 'listed',"
                " :f, :f, :f, 5, 4, 0, 0, 0, 5, 15.0, :at, :at, :at)"
            ),
            {"f": False, "at": NOW},
        )
        for rep in ("web-a", "web-b", "gw-c", "purged-d"):
            conn.execute(
                text("INSERT INTO source_reporters (source_id, reporter) VALUES (1, :r)"),
                {"r": rep},
            )
        _complaint(conn, 1, "web-a", "web")
        _complaint(conn, 2, "web-b", "web")
        _complaint(conn, 3, "gw-c", "gateway")
        _complaint(conn, 4, "web-a", "web")
    engine.dispose()


def test_backfill_marks_public_only_reporters_unverified(fresh_url: str) -> None:
    upgrade(fresh_url, "centre_0003")
    _old_data(fresh_url)
    upgrade(fresh_url)
    engine = create_engine(fresh_url)
    with engine.connect() as conn:
        flags = dict(conn.execute(text("SELECT ref, reporter_verified FROM complaints")).all())
        pairs = dict(conn.execute(text("SELECT reporter, verified FROM source_reporters")).all())
        counted = conn.execute(text("SELECT verified_reporters FROM sources")).scalar_one()
    engine.dispose()
    assert {k: bool(v) for k, v in flags.items()} == {
        "C1": False, "C2": False, "C3": True, "C4": False,
    }
    assert {k: bool(v) for k, v in pairs.items()} == {
        "web-a": False, "web-b": False, "gw-c": True, "purged-d": True,
    }
    assert counted == 2
    db = Database(fresh_url)
    db.sessions.configure(info={audit.SEAL_KEY_INFO: Vault(bytes(range(32))).audit_seal_key})
    try:
        with db.transaction() as s:
            assert sources.refresh(s, CentreSettings(), now=NOW) == 1
            assert sources.get_state(s, "phone", "0987333333") == "suspected"
    finally:
        db.dispose()


def test_upgrade_and_downgrade_keep_complaint_links(fresh_url: str) -> None:
    """No table is copied and dropped (on SQLite that would cascade to the links)."""
    from alembic import command

    from lachan.store.migrate import alembic_config

    upgrade(fresh_url, "centre_0003")
    _old_data(fresh_url)
    upgrade(fresh_url)
    engine = create_engine(fresh_url)
    cfg = alembic_config(fresh_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "centre_0003")
    with engine.connect() as conn:
        links = conn.execute(text("SELECT count(*) FROM complaint_sources")).scalar_one()
    engine.dispose()
    assert links == 4
