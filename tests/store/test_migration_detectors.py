"""centre_0005: the keys that detected each source are read back from the audit log, so
a number several operators detected keeps its detectors and one key's repeats do not
make it listed; complaints gain ``filed_by``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text

from lachan.registry import audit, sources
from lachan.registry.privacy import Vault
from lachan.registry.settings import CentreSettings
from lachan.store.migrate import upgrade
from lachan.store.session import Database

NOW = datetime.now(UTC).replace(microsecond=0)


def _source(conn, sid: int, value: str, detections: int) -> None:
    conn.execute(
        text(
            "INSERT INTO sources (id, kind, value, state, pinned, revoked, appeal_pending,"
            " complaints, reporters, verified_reporters, detections, cat_ham, cat_ad,"
            " cat_scam, score, score_at, first_seen, last_seen) VALUES (:id, 'phone', :v,"
            " 'listed', :f, :f, :f, 0, 0, 0, :d, 0, 0, :d, :d, :at, :at, :at)"
        ),
        {"id": sid, "v": value, "d": detections, "f": False, "at": NOW},
    )


def _detection_entry(conn, actor: str, value: str, at: datetime) -> None:
    conn.execute(
        text(
            "INSERT INTO audit_log (at, actor, action, target, details, prev_hash, hash)"
            " VALUES (:at, :actor, 'source.detection', :t, '{}', 'x', 'y')"
        ),
        {"at": at, "actor": actor, "t": f"phone:{value}"},
    )


def _old_data(url: str) -> None:
    """Before the fix: 0988111444 listed by twenty copies from one key; 0988222555 by
    detections from three keys."""
    engine = create_engine(url)
    with engine.begin() as conn:
        _source(conn, 1, "0988111444", 20)
        _source(conn, 2, "0988222555", 20)
        for i in range(20):
            _detection_entry(conn, "key:op1", "0988111444", NOW - timedelta(minutes=i))
            _detection_entry(conn, f"key:op{i % 3}", "0988222555", NOW - timedelta(hours=i))
    engine.dispose()


def test_detectors_are_read_back_from_the_audit_log(fresh_url: str) -> None:
    upgrade(fresh_url, "centre_0004")
    _old_data(fresh_url)
    upgrade(fresh_url)
    engine = create_engine(fresh_url)
    with engine.connect() as conn:
        counts = dict(conn.execute(text("SELECT value, detectors FROM sources")).all())
        pairs = conn.execute(
            text("SELECT source_id, detector FROM source_detectors ORDER BY 1, 2")
        ).all()
        filed = conn.execute(text("SELECT count(*) FROM complaints WHERE filed_by IS NULL"))
        assert filed.scalar_one() == 0
    engine.dispose()
    assert counts == {"0988111444": 1, "0988222555": 3}
    assert [tuple(p) for p in pairs] == [
        (1, "key:op1"), (2, "key:op0"), (2, "key:op1"), (2, "key:op2"),
    ]
    db = Database(fresh_url)
    db.sessions.configure(info={audit.SEAL_KEY_INFO: Vault(bytes(range(32))).audit_seal_key})
    try:
        with db.transaction() as s:
            assert sources.refresh(s, CentreSettings(), now=NOW) == 1
            assert sources.get_state(s, "phone", "0988111444") == "suspected"
            assert sources.get_state(s, "phone", "0988222555") == "listed"
    finally:
        db.dispose()


def test_downgrade_to_centre_0004(fresh_url: str) -> None:
    from alembic import command

    from lachan.store.migrate import alembic_config

    upgrade(fresh_url, "centre_0004")
    _old_data(fresh_url)
    upgrade(fresh_url)
    engine = create_engine(fresh_url)
    cfg = alembic_config(fresh_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "centre_0004")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sources")).scalar_one() == 2
        tables = {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            if engine.dialect.name == "sqlite"
            else "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ))}
    engine.dispose()
    assert "source_detectors" not in tables
