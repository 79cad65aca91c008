"""The audit log holds no phone number in clear, and a log wiped whole does not verify."""

from __future__ import annotations

import orjson
import pytest
from sqlalchemy import delete, select

from lachan.registry import advertising as adv
from lachan.registry import audit, keys
from lachan.registry.privacy import Vault
from lachan.store.session import Database
from lachan.store.tables_centre import AuditEntry, AuditSeal

SECRET = bytes(range(32))


@pytest.fixture()
def db(db_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    database = Database(db_url)
    yield database
    database.dispose()


def _details(db: Database, action: str) -> dict:
    with db.read() as s:
        row = s.execute(select(AuditEntry.details).where(AuditEntry.action == action)).scalar_one()
    return orjson.loads(row)


def _audit_text(db: Database) -> str:
    with db.read() as s:
        return "\n".join(s.execute(select(AuditEntry.details)).scalars())


# ------------------------------------------------------------------ 9. pseudonyms


def test_consent_and_refusal_numbers_are_pseudonyms_in_the_audit_log(db: Database) -> None:
    with db.transaction() as s:
        a = adv.create_advertiser(s, "Shop ABC", actor="test")
        adv.record_consents(s, a.id, [adv.ConsentInput("0901234567", "sms", "online", "", None)])
        adv.withdraw_consent(s, a.id, "+84 90 123 4567", "sms", actor="test")
        adv.record_refusal(s, a.id, "0987654321", "TC", actor="test")
        adv.withdraw_consent(s, a.id, "Lan@Example.vn", "email", actor="test")
    vault = Vault(SECRET)
    text = _audit_text(db)
    for clear in ("0901234567", "987654321", "lan@example.vn"):
        assert clear not in text
    # the advertising recipients' own pseudonym, as their consents and refusals hold it:
    # not the one the complaint centre gives a reporter with that number (no join)
    refused = _details(db, "refusal.record")
    assert refused["recipient"] == vault.ad_recipient_pseudonym("0987654321")
    assert refused["recipient"] != vault.pseudonym("0987654321")
    assert refused["keyword"] == "TC"
    withdrawn = [orjson.loads(d) for d in _rows(db, "consent.withdraw")]
    assert [d["recipient"] for d in withdrawn] == [
        vault.ad_recipient_pseudonym("0901234567"),
        vault.ad_recipient_pseudonym("lan@example.vn"),
    ]
    assert not {d["recipient"] for d in withdrawn} & {
        vault.pseudonym("0901234567"), vault.pseudonym("lan@example.vn")}
    with db.read() as s:
        assert audit.verify(s).ok  # the chain is over what was written


def _rows(db: Database, action: str) -> list[str]:
    with db.read() as s:
        return list(s.execute(select(AuditEntry.details).where(AuditEntry.action == action)
                              .order_by(AuditEntry.id)).scalars())


def test_a_service_session_uses_its_own_vault_for_pseudonyms(db: Database) -> None:
    # the service configures its sessions with its vault's seal key (serve/app.py)
    vault = Vault(bytes(range(1, 33)))
    db.sessions.configure(info={audit.SEAL_KEY_INFO: vault.audit_seal_key})
    with db.transaction() as s:
        a = adv.create_advertiser(s, "Shop", actor="test")
        adv.record_refusal(s, a.id, "0987654321", "TC", actor="test")
    assert _details(db, "refusal.record")["recipient"] == vault.ad_recipient_pseudonym(
        "0987654321")


def test_other_details_are_written_as_given(db: Database) -> None:
    with db.transaction() as s:
        audit.record(s, "test", "x.y", "t", {"recipient": None, "count": 3, "channel": "sms"})
    assert _details(db, "x.y") == {"recipient": None, "count": 3, "channel": "sms"}


# ------------------------------------------------------------------ 3. wiped log


def test_a_wiped_log_does_not_verify_while_audited_rows_remain(db: Database) -> None:
    with db.transaction() as s:
        keys.create_key(s, "analyst", "Ms Lan", actor="test")
        adv.create_advertiser(s, "Shop ABC", actor="test")
    with db.transaction() as s:
        s.execute(delete(AuditEntry))
        s.execute(delete(AuditSeal))
    with db.read() as s:
        result = audit.verify(s)
    assert not result.ok and result.entries == 0
    assert "empty" in result.reason and "wiped" in result.reason
    assert "api_keys" in result.reason and "advertisers" in result.reason


def test_an_empty_database_verifies(db: Database) -> None:
    with db.read() as s:
        result = audit.verify(s)
    assert result.ok and result.entries == 0
