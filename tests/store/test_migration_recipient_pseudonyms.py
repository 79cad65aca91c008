"""adv_0004: the recipients of consents, refusals and ad copies (and refusals' replies)
become keyed pseudonyms and ciphertexts, in batches; every look-up, cap and list works
on the converted rows as before; the downgrade decrypts them back, and refuses (changing
nothing) without the secret they were encrypted with."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from lachan.registry import advertising as adv
from lachan.registry.advertising_copies import CopyInput, submit_copies
from lachan.registry.advertising_scrub import scrub
from lachan.registry.privacy import Vault
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.testing import downgrade, raw_values

SECRET = bytes(range(32))  # the key the ``home`` fixture (conftest.py) sets
GIVEN = datetime(2026, 11, 1, tzinfo=UTC)
SENT = datetime(2026, 11, 22, 2, tzinfo=UTC)  # 09:00 in Vietnam
#: more consents than one batch of the migration converts (5,000)
NUMBERS = [f"0912{i:06d}" for i in range(5_001)]
CAPPED, REFUSED, ADDRESS = "0912000001", "0912000003", "lan@example.vn"
REPLY = "Tu choi SHOPABC"
TABLES = ("ad_consents", "ad_refusals", "ad_copies")
_DIGITS = re.compile(r"\d{9,}")


def _t(name: str, *columns: tuple[str, sa.types.TypeEngine]) -> sa.TableClause:
    return sa.table(name, *(sa.column(n, t) for n, t in columns))


_AT = sa.DateTime(timezone=True)
ADVERTISERS = _t("advertisers", ("name", sa.String()),
                 ("tax_code", sa.String()), ("contact", sa.String()), ("created_at", _AT))
CONSENTS = _t("ad_consents", ("advertiser_id", sa.Integer()), ("recipient", sa.String()),
              ("channel", sa.String()), ("method", sa.String()), ("proof_ref", sa.String()),
              ("given_at", _AT), ("withdrawn_via", sa.String()))
REFUSALS = _t("ad_refusals", ("advertiser_id", sa.Integer()), ("recipient", sa.String()),
              ("keyword", sa.String()), ("reply", sa.String()), ("received_at", _AT),
              ("confirmation", sa.String()))
COPIES = _t("ad_copies", ("advertiser_id", sa.Integer()),
            ("sender", sa.String()), ("recipient", sa.String()), ("channel", sa.String()),
            ("sent_at", _AT), ("is_consent_request", sa.Boolean()), ("subject", sa.String()),
            ("text", sa.String()), ("violations", sa.Integer()), ("submitted_at", _AT))
VIOLATIONS = _t("ad_violations", ("copy_id", sa.Integer()), ("advertiser_id", sa.Integer()),
                ("rule", sa.String()), ("channel", sa.String()), ("explanation", sa.String()),
                ("evidence", sa.String()), ("sent_at", _AT))


def _old_rows(url: str) -> dict[str, list[tuple]]:
    """A database at adv_0003 holding recipients in clear; returns the rows as stored."""
    upgrade(url, "adv_0003")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.insert(ADVERTISERS), [
            {"name": f"Shop {i}", "tax_code": "", "contact": "", "created_at": GIVEN}
            for i in (1, 2)])  # (a new database: their ids are 1 and 2, as the copies' below)
        consent = {"channel": "sms", "method": "online", "proof_ref": "", "given_at": GIVEN,
                   "withdrawn_via": ""}
        conn.execute(sa.insert(CONSENTS), [
            *({"advertiser_id": 1, "recipient": n, **consent} for n in NUMBERS),
            {"advertiser_id": 1, "recipient": ADDRESS, **consent, "channel": "email"},
            {"advertiser_id": 2, "recipient": NUMBERS[0], **consent}])
        refusal = {"advertiser_id": 1, "keyword": "TU CHOI", "reply": REPLY,
                   "received_at": GIVEN + timedelta(days=1), "confirmation": "Da nhan"}
        conn.execute(sa.insert(REFUSALS), [{**refusal, "recipient": REFUSED},
                                           {**refusal, "recipient": ADDRESS}])
        copy = {"advertiser_id": 1, "sender": "SHOPABC", "channel": "sms",
                "is_consent_request": False, "subject": "", "text": "[QC] x", "violations": 0,
                "submitted_at": SENT}
        conn.execute(sa.insert(COPIES), [
            {**copy, "recipient": CAPPED, "sent_at": SENT + timedelta(hours=i)}
            for i in range(3)])
        conn.execute(sa.insert(VIOLATIONS), [
            {"copy_id": i, "advertiser_id": 1, "rule": "BRANDNAME_NOT_REGISTERED",
             "channel": "sms", "explanation": "x", "evidence": "{}", "sent_at": SENT}
            for i in (1, 3)])
    engine.dispose()
    return _rows(url)


_CLEAR = (("id", sa.Integer()), ("advertiser_id", sa.Integer()), ("recipient", sa.String()))


def _rows(url: str) -> dict[str, list[tuple]]:
    """The recipients (and replies) of the tables at adv_0003, and the violations."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            out = {
                t.name: sorted(conn.execute(sa.select(t.c.id, t.c.advertiser_id, t.c.recipient)))
                for t in (_t("ad_consents", *_CLEAR), _t("ad_copies", *_CLEAR))
            }
            out["ad_refusals"] = sorted(conn.execute(sa.text(
                "SELECT id, advertiser_id, recipient, reply FROM ad_refusals")).all())
            return out | {"ad_violations": _violations(url)}
    finally:
        engine.dispose()


def test_recipients_become_pseudonyms_that_every_look_up_finds(
    fresh_url: str, home: Path
) -> None:
    before = _old_rows(fresh_url)
    upgrade(fresh_url)

    tables = raw_values(fresh_url, *TABLES)
    assert "recipient" not in tables["ad_consents"] and "reply" not in tables["ad_refusals"]
    clear = {n[1:] for n in NUMBERS}
    for table, values in tables.items():
        for value in values:
            assert not clear & {d[-9:] for d in _DIGITS.findall(value)}, f"{table}: {value!r}"
            assert ADDRESS not in value and REPLY not in value, f"{table}: {value!r}"
    vault = Vault(SECRET)
    assert {vault.ad_recipient_pseudonym(n) for n in (*NUMBERS, ADDRESS)} <= set(
        tables["ad_consents"])
    if fresh_url.startswith("sqlite"):  # nor do the file's freed pages
        path = Path(make_url(fresh_url).database or "")
        data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        assert NUMBERS[-1].encode() not in data and ADDRESS.encode() not in data

    db = Database(fresh_url)
    try:
        with db.read() as s:  # the consents show their recipients back, per advertiser
            shown = adv.consent_dicts(s, adv.list_consents(s, 1, "+84 912 005 000"))
            assert [c["recipient"] for c in shown] == ["0912005000"]  # the second batch
            assert [c["recipient"] for c in adv.consent_dicts(s, adv.list_consents(s, 2))] == [
                NUMBERS[0]]
            assert [c["recipient"] for c in adv.consent_dicts(
                s, adv.list_consents(s, 1, "Lan@Example.vn"))] == [ADDRESS]
            found = next(scrub(s, 1, "sms", [["0912000009", REFUSED, "0999999999"]]))
            assert [r["reasons"] for r in found] == [[], ["refused"], ["no_consent"]]
        with db.transaction() as s:  # the caps count the copies stored before
            got = submit_copies(s, 1, [
                CopyInput("SHOPABC", CAPPED, "sms", SENT + timedelta(hours=3), "[QC] y"),
                CopyInput("SHOPABC", "0912000009", "sms", SENT, "[QC] y"),
                CopyInput("SHOPABC", REFUSED, "sms", SENT, "[QC] y"),
            ], analyse=False)
            rules = [{v["rule"] for v in r["violations"]} for r in got]
            assert "FREQUENCY_CAP_EXCEEDED" in rules[0]
            assert not rules[1] & {"FREQUENCY_CAP_EXCEEDED", "NO_CONSENT"}
            assert "RECIPIENT_REFUSED" in rules[2]
            # the same copy again is found again, as the same copy
            again = submit_copies(s, 1, [CopyInput("SHOPABC", CAPPED, "sms", SENT, "[QC] x")],
                                  analyse=False)
            assert again[0]["duplicate"] is True and again[0]["id"] == 1
    finally:
        db.dispose()
    # the violations stored before are kept, ids and copies (SQLite copies ad_copies)
    assert _violations(fresh_url)[:2] == before["ad_violations"]


def _relation_files(url: str, tables: tuple[str, ...]) -> dict[str, bytes]:
    """On PostgreSQL, the bytes on disk of ``tables``, their TOAST tables and indexes
    (after a checkpoint, so that what the buffers hold is written out)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if not conn.execute(sa.text(
                    "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
                pytest.skip("reading the tables' files needs a superuser")
            conn.execute(sa.text("CHECKPOINT"))
            relations = conn.execute(sa.text(
                "SELECT c.oid::regclass::text FROM pg_class c WHERE c.oid IN ("
                " SELECT t.oid FROM pg_class t WHERE t.relname = ANY(:names)"
                " UNION SELECT t.reltoastrelid FROM pg_class t WHERE t.relname = ANY(:names)"
                " UNION SELECT i.indexrelid FROM pg_index i JOIN pg_class t"
                "  ON t.oid = i.indrelid WHERE t.relname = ANY(:names))"),
                {"names": list(tables)}).scalars().all()
            return {
                r: bytes(conn.execute(sa.text(
                    "SELECT pg_read_binary_file(pg_relation_filepath(CAST(:r AS regclass)))"),
                    {"r": r}).scalar_one())
                for r in relations
            }
    finally:
        engine.dispose()


def test_no_recipient_is_left_in_the_postgresql_files(fresh_url: str, home: Path) -> None:
    """The UPDATEs leave the old row versions (recipients and replies in clear) in the
    tables' files, and DROP COLUMN only hides a column: the tables are rewritten."""
    if not fresh_url.startswith("postgresql"):
        pytest.skip("SQLite: see test_recipients_become_pseudonyms_that_every_look_up_finds")
    _old_rows(fresh_url)
    upgrade(fresh_url)
    files = _relation_files(fresh_url, TABLES)
    assert {"ad_consents", "ad_refusals", "ad_copies"} <= set(files)
    found = [
        (relation, clear)
        for relation, data in files.items()
        for clear in (NUMBERS[-1], REFUSED, CAPPED, ADDRESS, REPLY)
        if clear.encode() in data
    ]
    assert found == []


def _violations(url: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return sorted(conn.execute(
                sa.text("SELECT id, copy_id, rule FROM ad_violations")).all())
    finally:
        engine.dispose()


def test_downgrade_decrypts_the_recipients_back_and_upgrades_again(
    fresh_url: str, home: Path
) -> None:
    before = _old_rows(fresh_url)
    upgrade(fresh_url)
    downgrade(fresh_url, "adv_0003")
    assert _rows(fresh_url) == before
    columns = raw_values(fresh_url, *TABLES)
    assert "recipient_pseudonym" not in columns["ad_consents"] + columns["ad_copies"]
    assert "reply_enc" not in columns["ad_refusals"]
    upgrade(fresh_url)
    db = Database(fresh_url)
    try:
        with db.read() as s:
            assert len(adv.list_consents(s, 1, limit=10_000)) == len(NUMBERS) + 1
    finally:
        db.dispose()


def test_downgrade_without_the_secret_changes_nothing(
    fresh_url: str, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_rows(fresh_url)
    upgrade(fresh_url)
    stored = raw_values(fresh_url, *TABLES)
    monkeypatch.setenv("LACHAN_SECRET_KEY", (b"o" * 32).hex())
    with pytest.raises(RuntimeError, match="does not decrypt with this master secret"):
        downgrade(fresh_url, "adv_0003")
    assert raw_values(fresh_url, *TABLES) == stored


def test_the_migration_uses_the_secret_it_is_given(fresh_url: str, home: Path) -> None:
    _old_rows(fresh_url)
    upgrade(fresh_url, master_secret=b"s" * 32)
    stored = raw_values(fresh_url, "ad_copies")["ad_copies"]
    assert Vault(b"s" * 32).ad_recipient_pseudonym(CAPPED) in stored
    assert Vault(SECRET).ad_recipient_pseudonym(CAPPED) not in stored
