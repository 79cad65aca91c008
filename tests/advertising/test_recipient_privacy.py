"""Consents, refusals and ad copies hold no recipient in clear: after typical use of the
API, the raw tables (and, on SQLite, the database files; the scrub index files) hold no
number in any spelling and no e-mail address. Look-ups still find every recipient, and
the list of consents shows them back."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from adv_helpers import GOOD_TEXT, TEMPLATE, copy, setup_advertiser, submit, vn
from sqlalchemy import select
from sqlalchemy.engine import make_url

from lachan.registry.advertising_recipients import CONSENT_RECIPIENT, Recipients
from lachan.registry.advertising_scrub import NO_CONSENT, ConsentView
from lachan.registry.privacy import SecretError, Vault
from lachan.store.tables_advertising import Consent
from lachan.store.testing import raw_values

SECRET = bytes(range(32))  # the app fixture's
#: national significant numbers of the recipients used (every spelling holds these)
NUMBERS = ("912345678", "987654321", "355555555", "911111111", "977777777")
ADDRESSES = ("lan@example.vn", "mai@example.vn")
TABLES = ("ad_consents", "ad_refusals", "ad_copies", "ad_violations", "audit_log")
DKQC = "DKQC SHOPABC xin gui quang cao. Dong y soan DY, tu choi soan TC gui 8088"
REFUSAL_REPLY = "Tu choi SHOPABC"


#: each number in any spelling: 0912345678, 84912345678, +84 912 345 678, 091.234.5678...
_SPELLINGS = [(n, re.compile(r"[ .()\-]*".join(n))) for n in NUMBERS]


def _personal(text: str) -> list[str]:
    """The recipients ``text`` holds, in whatever spelling."""
    found = [n for n, spelt in _SPELLINGS if spelt.search(text)]
    return found + [a for a in ADDRESSES if a in text.lower()]


def _typical_use(client, app) -> tuple[int, dict]:
    """An advertiser's day: consents (several spellings), a withdrawal of one channel, a
    refusal, a DKQC request and its acceptance, copies with and without violations, and
    scrubs of its lists."""
    from lachan.registry import dnc

    aid, h = setup_advertiser(client, app)  # consent of 0912345678 (all channels)
    r = client.post(f"/v1/advertisers/{aid}/templates", headers=h,
                    json={"text": TEMPLATE, "channel": "email"})
    assert r.status_code == 201, r.text
    given = {"given_at": "2026-11-01T00:00:00+07:00"}
    r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": "+84 987 654 321", "channel": "all", "daily_limit": 2, **given},
        {"recipient": "84355555555", "channel": "sms", **given},
        {"recipient": "Lan@Example.VN", "channel": "email", **given},
        {"recipient": "mai@example.vn", "channel": "email", **given}]})
    assert r.status_code == 201, r.text
    r = client.post(f"/v1/advertisers/{aid}/consents/withdraw", headers=h,
                    json={"recipient": "0987654321", "channel": "call"})
    assert r.json() == {"withdrawn": 1}
    r = client.post(f"/v1/advertisers/{aid}/refusals", headers=h,
                    json={"recipient": "+84911111111", "reply": REFUSAL_REPLY,
                          "received_at": vn(20, 9).isoformat()})
    assert r.json()["refusal"] is True and r.json()["recipient"] == "0911111111"
    r = client.post(f"/v1/advertisers/{aid}/refusals", headers=h,
                    json={"recipient": "mai@example.vn", "reply": "KHONG",
                          "received_at": vn(20, 9).isoformat()})
    assert r.json()["refusal"] is True
    with app.state.db.transaction() as session:
        dnc.register(session, "0355555555", "all", now=vn(20, 9))
    email = {"channel": "email", "subject": "[QC] Uu dai", "text": GOOD_TEXT}
    got = submit(
        client, aid, h,
        copy(vn(22, 9)), copy(vn(22, 10)), copy(vn(22, 11)), copy(vn(22, 12)),  # 4th: cap
        copy(vn(22, 9), recipient="0987654321"),
        copy(vn(22, 9), recipient="84355555555"),  # on the register
        copy(vn(22, 9), recipient="0911111111"),  # refused
        copy(vn(22, 9), recipient="LAN@example.vn", **email),
        copy(vn(22, 9), recipient="mai@example.vn", **email),  # refused
        copy(vn(22, 9, 30), recipient="0977777777", text=DKQC),  # a consent request
    )
    assert got == [[], [], [], ["FREQUENCY_CAP_EXCEEDED"], [], ["DNC_LISTED"],
                   ["RECIPIENT_REFUSED"], [], ["RECIPIENT_REFUSED"], []]
    r = client.post(f"/v1/advertisers/{aid}/refusals", headers=h, json={
        "recipient": "0977777777", "reply": "DY", "received_at": vn(22, 10).isoformat()})
    assert r.json()["consent"] is True, r.json()
    r = client.post(f"/v1/advertisers/{aid}/scrub", headers=h, json={
        "channel": "sms", "numbers": ["0912345678", "+84 987 654 321", "0355555555",
                                      "0911111111", "0977777777", "0900000000"]})
    assert [x["reasons"] for x in r.json()["results"]] == [
        [], [], ["dnc:all"], ["refused"], [], ["no_consent"]]
    r = client.post(f"/v1/advertisers/{aid}/scrub/file", headers=h, params={"channel": "call"},
                    content=b"0912345678\n0987654321\n")
    assert [line.count("consent_withdrawn") for line in r.text.splitlines()] == [0, 1]
    r = client.post(f"/v1/advertisers/{aid}/scrub", headers=h, json={
        "channel": "email", "numbers": ["lan@example.vn", "Mai@Example.vn"]})
    assert [x["reasons"] for x in r.json()["results"]] == [[], ["refused"]]
    return aid, h


def test_the_tables_hold_no_recipient_in_clear(client, app, db_url: str) -> None:
    _typical_use(client, app)
    tables = raw_values(db_url, *TABLES)
    # (rows were written: 7 consents, 10 copies)
    assert len(tables["ad_consents"]) > 7 * 10 and len(tables["ad_copies"]) > 10 * 14
    for table, values in tables.items():
        for value in values:
            assert not _personal(value), f"{table} holds {value!r}"
    assert not [v for v in tables["ad_refusals"] if REFUSAL_REPLY.lower() in v.lower()]


def test_the_database_files_and_index_files_hold_no_recipient(
    client, app, db_url: str, tmp_path: Path
) -> None:
    """What someone holding a copy of the data directory sees: the SQLite file and its
    write-ahead log as bytes, and the scrub index the service keeps beside it."""
    _typical_use(client, app)
    files = [p for p in (tmp_path / "home").rglob("*") if p.is_file()]
    assert any(p.parent.name == "dnc_index" for p in files)  # the scrubs built one
    if make_url(db_url).get_backend_name() == "sqlite":
        db_file = Path(make_url(db_url).database or "")
        files += [p for p in db_file.parent.glob(db_file.name + "*") if p.is_file()]
    for path in files:
        data = path.read_bytes().decode("latin-1")
        assert not _personal(data), f"{path.name} holds {_personal(data)}"


def test_recipients_are_keyed_apart_from_the_register_and_the_reporters(
    client, app, db_url: str
) -> None:
    """The pseudonym is the recipient's own (its own key), so the rows cannot be joined
    with the Do-Not-Call register's nor with complaints' reporters."""
    _typical_use(client, app)
    vault = Vault(SECRET)
    stored = set(raw_values(db_url, "ad_consents", "ad_refusals", "ad_copies")["ad_copies"])
    stored |= set(raw_values(db_url, "ad_consents")["ad_consents"])
    national = [f"0{n}" for n in NUMBERS]
    assert {vault.ad_recipient_pseudonym(n) for n in national[:2]} <= stored
    assert vault.ad_recipient_pseudonym("lan@example.vn") in stored
    others = {vault.dnc_pseudonym(n) for n in national} | {
        vault.pseudonym(n) for n in (*national, *ADDRESSES)}
    assert not stored & others


def test_the_consent_list_shows_recipients_back(client, app) -> None:
    aid, h = _typical_use(client, app)
    listed = client.get(f"/v1/advertisers/{aid}/consents", headers=h).json()["consents"]
    assert [(c["recipient"], c["channel"], c["method"]) for c in listed] == [
        ("0912345678", "all", "online"),
        ("0987654321", "all", "online"),  # withdrawn for calls: split into what stays
        ("0355555555", "sms", "online"),
        ("lan@example.vn", "email", "online"),
        ("mai@example.vn", "email", "online"),
        ("0987654321", "sms", "online"),
        ("0977777777", "sms", "reply"),
    ]
    assert listed[1]["withdrawn_via"] == "api" and listed[5]["daily_limit"] == 2
    r = client.get(f"/v1/advertisers/{aid}/consents", headers=h,
                   params={"recipient": "+84 987 654 321"})
    assert [c["id"] for c in r.json()["consents"]] == [listed[1]["id"], listed[5]["id"]]
    r = client.get(f"/v1/advertisers/{aid}/violations", headers=h)
    evidence = str([v["evidence"] for v in r.json()["violations"]])
    assert not _personal(evidence)  # the violations name no recipient either


def test_an_encrypted_recipient_opens_only_in_its_own_row(client, app) -> None:
    """A ciphertext is bound to its column and advertiser: copied into another
    advertiser's row it does not decrypt (nor with another key)."""
    aid, _h = _typical_use(client, app)
    with app.state.db.read() as session:
        row = session.execute(select(Consent).where(Consent.advertiser_id == aid)
                              .order_by(Consent.id)).scalars().first()
        keyed = Recipients.of(session)
        assert keyed.open(CONSENT_RECIPIENT, aid, row.recipient_enc) == "0912345678"
        with pytest.raises(SecretError):
            keyed.open(CONSENT_RECIPIENT, aid + 1, row.recipient_enc)
        with pytest.raises(SecretError):
            keyed.open("ad_copies.recipient", aid, row.recipient_enc)
        with pytest.raises(SecretError):
            Recipients(Vault(b"k" * 32)).open(CONSENT_RECIPIENT, aid, row.recipient_enc)


def test_the_scrub_compares_pseudonyms_whole() -> None:
    """The scrub looks consents up by their pseudonyms' first 8 bytes, then compares the
    whole 32: a number whose pseudonym only begins like a consented one is not allowed."""
    vault = Vault(SECRET)
    consented = vault.ad_recipient_pseudonym("0912345678")
    refused = vault.ad_recipient_pseudonym("0987654321")
    view = ConsentView.of({bytes.fromhex(consented): 0, bytes.fromhex(refused): 1},
                          vault.ad_recipient_digests)
    assert view.number_codes(np.array([912345678, 987654321, 900000000, -1])).tolist() == [
        0, 1, NO_CONSENT, NO_CONSENT]
    alike = {bytes.fromhex(consented)[:8] + bytes(24): 0}
    look_alike = ConsentView.of(alike, vault.ad_recipient_digests)
    assert look_alike.number_codes(np.array([912345678])).tolist() == [NO_CONSENT]
