"""off_0003: official channels stored before the write rules existed (an IP literal, a
public suffix, a domain too long for the allowlist zone) are removed; every other
channel, and what the registry answers, stays."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from lachan.registry import official
from lachan.registry.official import MAX_DOMAIN_CHARS
from lachan.store.migrate import upgrade
from lachan.store.session import Database

LONG_DOMAIN = ("a" * 60 + ".") * 3 + "b" * (MAX_DOMAIN_CHARS - 183 + 1) + ".vn"
BROKEN = [
    ("domain", "com.vn"),
    ("domain", "github.io"),
    ("domain", "203.0.113.7"),
    ("email_domain", "gov.vn"),
    ("email_domain", "2001:db8::1"),
    ("domain", LONG_DOMAIN),
]
KEPT = [
    ("domain", "quay-vcb.vn"),
    ("email_domain", "thu.quay-vcb.vn"),
    ("brandname", "QUAYVCB"),
    ("phone", "19001234"),
]


def _channels(url: str) -> set[tuple[str, str, str]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT org_id, kind, value FROM official_channels")).all()
    engine.dispose()
    return {(o, k, v) for o, k, v in rows}


def test_channels_breaking_the_rules_are_removed_and_the_rest_kept(fresh_url: str) -> None:
    assert len(LONG_DOMAIN) > MAX_DOMAIN_CHARS
    assert all(official.channel_problem(k, v) for k, v in BROKEN)
    upgrade(fresh_url, "off_0002")
    seeded = _channels(fresh_url)
    engine = create_engine(fresh_url)
    with engine.begin() as conn:  # as an older release could have stored them
        for kind, value in BROKEN + KEPT:
            conn.execute(
                text("INSERT INTO official_channels (org_id, kind, value, source, added_at)"
                     " VALUES ('vietcombank', :k, :v, 'old data', :at)"),
                {"k": kind, "v": value, "at": datetime.now(UTC)},
            )
    engine.dispose()

    upgrade(fresh_url)

    after = _channels(fresh_url)
    assert after == seeded | {("vietcombank", k, v) for k, v in KEPT}
    db = Database(fresh_url)
    try:
        official.clear_cache()
        with db.read() as s:
            assert official.official_owner(s, "url", "https://www.quay-vcb.vn/a") == "vietcombank"
            assert official.official_owner(s, "domain", "shop-lua-dao.com.vn") is None
            channels = official.get_org(s, "vietcombank")["channels"]
            assert "com.vn" not in channels["domain"] and "gov.vn" not in channels["email_domain"]
    finally:
        db.dispose()


def test_a_database_with_nothing_to_remove_is_left_as_it_was(fresh_url: str) -> None:
    upgrade(fresh_url, "off_0002")
    seeded = _channels(fresh_url)
    upgrade(fresh_url)
    assert _channels(fresh_url) == seeded and seeded
