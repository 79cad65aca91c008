"""The audit entries of the Do-Not-Call register hold no number in clear, name it by the
register's own keyed pseudonym (not by the reporter pseudonym complaints are stored
under), and an auditor given a number finds its entries, older ones included."""

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
    wanted = Vault(SECRET).dnc_pseudonym(dnc.normalise_number("0912 345 678"))
    found = [orjson.loads(e.details) for e in _entries(db)
             if orjson.loads(e.details)["number"] == wanted]
    assert [(d["scope"], d["before"], d["after"]) for d in found] == [
        ("sms", None, "sms"), ("sms", "sms", None)]


def test_entries_cannot_be_joined_with_the_complaints_reporters(db: Database) -> None:
    """A subscriber on the register who also reported spam: the register's entries name
    the number by the register's pseudonym, as its tables do, never by the reporter
    pseudonym that the complaints hold."""
    from lachan.store.tables_centre import DncEntry

    vault = Vault(SECRET)
    with db.transaction() as s:
        dnc.register(s, "0912345678", "sms", actor="key:op")
        dnc.unregister(s, "0912345678", "sms", actor="key:op")
        dnc.register(s, "0987654321", "all", actor="key:op")
    named = [orjson.loads(e.details)["number"] for e in _entries(db)]
    reporters = {vault.pseudonym(n) for n in ("0912345678", "0987654321")}
    assert not reporters & set(named)
    assert named == [vault.dnc_pseudonym(n) for n in ("0912345678", "0912345678",
                                                        "0987654321")]
    with db.read() as s:  # the register's own rows name it alike
        assert s.execute(select(DncEntry.pseudonym)).scalar_one() == named[-1]


def test_the_auditors_look_up_finds_entries_written_before_and_after(db: Database) -> None:
    """Entries written before the register had its own pseudonym in the log name the
    number by its reporter pseudonym; the log is append-only, so they stay as they are,
    and the look-up of a number finds them with the newer ones, in order."""
    with db.transaction() as s:  # the entries as the register wrote them before
        audit.record(s, "key:old", "dnc.register", dnc.AUDIT_TARGET,
                     {"number": "0912345678", "scope": "call", "before": None,
                      "after": "call", "via": "api"})
        audit.record(s, "key:old", "dnc.register", dnc.AUDIT_TARGET,
                     {"number": "0987654321", "scope": "all", "before": None,
                      "after": "all", "via": "api"})
    with db.transaction() as s:
        dnc.register(s, "+84 912 345 678", "sms", actor="key:op")
        dnc.register(s, "0987654321", "sms", actor="key:op")
        dnc.unregister(s, "0912.345.678", "all", actor="key:op")
    with db.read() as s:
        found = dnc.audit_entries(s, "0912 345 678")
        assert [(e["actor"], e["action"], e["details"]["after"]) for e in found] == [
            ("key:old", "dnc.register", "call"), ("key:op", "dnc.register", "sms"),
            ("key:op", "dnc.unregister", None)]
        vault = Vault(SECRET)
        assert [e["details"]["number"] for e in found] == [
            vault.pseudonym("0912345678"), *[vault.dnc_pseudonym("0912345678")] * 2]
        assert [e["actor"] for e in dnc.audit_entries(s, "0987654321")] == [
            "key:old", "key:op"]
        assert dnc.audit_entries(s, "0911111111") == []
        assert audit.verify(s).ok  # the old entries are untouched


def test_an_unchanged_registration_writes_no_entry(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "0912345678", "all", actor="key:op")
        assert not dnc.register(s, "0912345678", "sms", actor="key:op").changed
    assert len(_entries(db)) == 1
