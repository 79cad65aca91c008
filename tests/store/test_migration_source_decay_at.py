"""centre_0011: ``sources.decay_at`` and ``source_decay`` come and go with their migration;
sources from before it (no ``decay_at``) are read by the first decay pass, which decays
the quiet ones and gives the others their moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, inspect, select, text

from lachan.registry import audit, sources
from lachan.registry.privacy import Vault
from lachan.registry.settings import CentreSettings
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.tables_centre import Source, SourceDecay
from lachan.store.testing import downgrade, table_names

NOW = datetime.now(UTC).replace(microsecond=0)


def _source(conn, value: str, score_at: datetime) -> None:  # noqa: ANN001
    conn.execute(
        text(
            "INSERT INTO sources (kind, value, state, pinned, revoked, appeal_pending,"
            " complaints, reporters, verified_reporters, detections, detectors, cat_ham,"
            " cat_ad, cat_scam, score, score_at, first_seen, last_seen) VALUES ('phone', :v,"
            " 'listed', :f, :f, :f, 4, 4, 4, 0, 0, 0, 0, 4, 12.0, :at, :at, :at)"
        ),
        {"v": value, "f": False, "at": score_at},
    )


def _columns(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns("sources")}
    finally:
        engine.dispose()


def test_source_decay_at_upgrade_downgrade_and_upgrade_again(fresh_url: str) -> None:
    upgrade(fresh_url, "centre_0010")
    engine = create_engine(fresh_url)
    with engine.begin() as conn:
        _source(conn, "0988111444", NOW - timedelta(days=10))  # 12 ten days ago: ~7.3
        _source(conn, "0988222555", NOW)
    engine.dispose()
    upgrade(fresh_url)
    assert "decay_at" in _columns(fresh_url) and "source_decay" in table_names(fresh_url)
    db = Database(fresh_url)
    db.sessions.configure(info={audit.SEAL_KEY_INFO: Vault(bytes(range(32))).audit_seal_key})
    settings = CentreSettings()
    try:
        with db.read() as s:
            assert s.execute(select(Source.decay_at)).scalars().all() == [None, None]
            assert sources.decay_pending(s, settings, NOW)
        assert sources.refresh_if_due(db, settings, now=NOW) == 1
        with db.read() as s:
            assert sources.get_state(s, "phone", "0988111444", settings) == "suspected"
            assert sources.get_state(s, "phone", "0988222555", settings) == "listed"
            assert s.execute(select(SourceDecay.settings)).scalar_one() == (
                sources.decay_settings(settings)
            )
            assert not sources.decay_pending(s, settings, NOW + timedelta(hours=1))
    finally:
        db.dispose()
    downgrade(fresh_url, "centre_0010")
    assert "decay_at" not in _columns(fresh_url)
    assert "source_decay" not in table_names(fresh_url)
    upgrade(fresh_url)
    assert "decay_at" in _columns(fresh_url) and "source_decay" in table_names(fresh_url)
