"""adv_0003: the Do-Not-Call register's numbers become keyed pseudonyms, in batches, and
every look-up still finds them; a register that holds numbers is not downgraded."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from lachan.registry import dnc
from lachan.registry.privacy import Vault
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.testing import downgrade, raw_values

SECRET = bytes(range(32))
AT = datetime(2026, 11, 1, 3, tzinfo=UTC)
#: more rows than one batch of the migration converts (5,000)
NUMBERS = [f"0912{i:06d}" for i in range(5_002)]


def _old_register(url: str) -> None:
    upgrade(url, "centre_0003")
    upgrade(url, "adv_0002")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO dnc (number, scope, registered_at, updated_at)"
                 " VALUES (:n, :s, :at, :at)"),
            [{"n": n, "s": "sms" if i % 2 else "all", "at": AT} for i, n in enumerate(NUMBERS)],
        )
        conn.execute(
            text("INSERT INTO dnc_history (number, action, scope, scope_after, via, at)"
                 " VALUES (:n, 'register', :s, :s, 'import', :at)"),
            [{"n": n, "s": "sms" if i % 2 else "all", "at": AT} for i, n in enumerate(NUMBERS)],
        )
        conn.execute(
            text("INSERT INTO dnc_history (number, action, scope, scope_after, via, at)"
                 " VALUES ('0912000001', 'unregister', 'sms', 'none', 'gateway', :at)"),
            {"at": AT},
        )
    engine.dispose()


def _delete_register(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM dnc_history"))
        conn.execute(text("DELETE FROM dnc"))
    engine.dispose()


def _downgrade(url: str) -> None:
    downgrade(url, "adv_0002")


def test_numbers_become_pseudonyms_that_look_ups_find(
    fresh_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    _old_register(fresh_url)
    upgrade(fresh_url)

    tables = raw_values(fresh_url, "dnc", "dnc_history")
    assert "number" not in tables["dnc"] + tables["dnc_history"]  # no such column left
    stored = set(tables["dnc"]) | set(tables["dnc_history"])
    assert not stored & {n for number in NUMBERS for n in (number, number[1:], "84" + number[1:])}
    vault = Vault(SECRET)
    assert {vault.dnc_pseudonym(n) for n in NUMBERS} <= stored

    db = Database(fresh_url)
    try:
        with db.read() as s:
            assert dnc.count(s) == len(NUMBERS)
            assert dnc.scope_of(s, "+84 912 000 000") == "all"
            assert dnc.scope_of(s, "0912005001") == "sms"  # in the second batch
            assert [h["scope_after"] for h in dnc.history(s, "0912000001")] == ["sms", "none"]
        with db.transaction() as s:  # the register goes on under the same pseudonyms
            assert dnc.register(s, "0912000001", "call").scope_after == "all"
    finally:
        db.dispose()


def test_the_migration_uses_the_secret_it_is_given(fresh_url: str) -> None:
    _old_register(fresh_url)
    upgrade(fresh_url, master_secret=b"s" * 32)
    stored = raw_values(fresh_url, "dnc")["dnc"]
    assert Vault(b"s" * 32).dnc_pseudonym(NUMBERS[0]) in stored


def test_a_register_with_entries_is_not_downgraded(
    fresh_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    _old_register(fresh_url)
    upgrade(fresh_url)
    with pytest.raises(RuntimeError, match="cannot be turned back into phone numbers"):
        _downgrade(fresh_url)
    assert "pseudonym" in raw_values(fresh_url, "dnc")["dnc"]  # nothing was changed

    _delete_register(fresh_url)  # an empty register goes back, and up again
    _downgrade(fresh_url)
    assert raw_values(fresh_url, "dnc", "dnc_history") == {
        "dnc": ["scope", "registered_at", "updated_at", "number"],
        "dnc_history": ["id", "action", "scope", "scope_after", "via", "at", "number"],
    }
    upgrade(fresh_url)
    assert "pseudonym" in raw_values(fresh_url, "dnc")["dnc"]
