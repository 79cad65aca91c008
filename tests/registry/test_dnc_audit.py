"""The audit entries of the Do-Not-Call register hold no number in clear, and an auditor
given a number finds its entries through the centre's keyed pseudonym."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from sqlalchemy import select

from lachan.registry import audit, dnc
from lachan.registry.privacy import Vault
from lachan.store.session import Database
from lachan.store.tables_centre import AuditEntry

SECRET = bytes(range(32))


@pytest.fixture()
def db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    database = Database(db_url)
    yield database
    database.dispose()


def _entries(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.execute(
            select(AuditEntry).where(AuditEntry.action.like("dnc.%")).order_by(AuditEntry.id)
        ).scalars())


def test_no_number_is_in_clear_in_the_audit_log(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "+84 912 345 678", "sms", via="gateway", actor="key:gw")
        dnc.register(s, "0912.345.678", "call", actor="key:op")
        dnc.unregister(s, "0912345678", "all", actor="key:op")
        dnc.register(s, "024 3825 1234", "all", actor="key:op")  # a fixed line
    entries = _entries(db)
    assert [e.action for e in entries] == ["dnc.register"] * 2 + ["dnc.unregister",
                                                                  "dnc.register"]
    for e in entries:
        written = " ".join((e.actor, e.action, e.target, e.details))
        for clear in ("912345678", "912 345 678", "38251234", "3825 1234"):
            assert clear not in written
    with db.read() as s:
        assert audit.verify(s).ok


def test_an_auditor_finds_the_entries_of_a_number_by_its_pseudonym(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "0912345678", "sms", actor="key:op")
        dnc.register(s, "0987654321", "all", actor="key:op")
        dnc.unregister(s, "+84912345678", "sms", actor="key:op")
    wanted = Vault(SECRET).pseudonym(dnc.normalise_number("0912 345 678"))
    found = [orjson.loads(e.details) for e in _entries(db)
             if orjson.loads(e.details)["number"] == wanted]
    assert [(d["scope"], d["before"], d["after"]) for d in found] == [
        ("sms", None, "sms"), ("sms", "sms", None)]


def test_an_unchanged_registration_writes_no_entry(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "0912345678", "all", actor="key:op")
        assert not dnc.register(s, "0912345678", "sms", actor="key:op").changed
    assert len(_entries(db)) == 1
