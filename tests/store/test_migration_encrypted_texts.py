"""adv_0005: ad copies' texts and subjects, violations' explanations and evidence, and
consents' proof references become ciphertexts, in batches; what reads them (the lists of
consents and violations, a copy submitted again) works on the converted rows as before;
no clear text is left in the tables (nor, on SQLite, in the file; on PostgreSQL, in the
tables' files); the downgrade decrypts them back, and refuses (changing nothing) without
the secret they were encrypted with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
import sqlalchemy as sa
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from lachan.registry import advertising as adv
from lachan.registry.advertising_copies import CopyInput, submit_copies
from lachan.registry.advertising_recipients import context
from lachan.registry.advertising_reports import list_violations
from lachan.registry.privacy import Vault
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.testing import downgrade, raw_values

SECRET = bytes(range(32))  # the key the ``home`` fixture (conftest.py) sets
GIVEN = datetime(2026, 11, 1, tzinfo=UTC)
SENT = datetime(2026, 11, 22, 2, tzinfo=UTC)  # 09:00 in Vietnam
NAME = "Nguyen Van Binh"
TEXT = f"Chao anh {NAME}, so 0987111222 duoc tang 200k tai SHOPABC"
SUBJECT = f"Thu moi rieng cho {NAME}"
EXPLANATION = f"the SMS starts with 'Chao anh {NAME[:3]}', not with [QC] or (QC)"
EVIDENCE = {"start": TEXT[:20], "text": TEXT[:80]}
PROOF = "phieu giay ky boi Tran Thi Lan, CCCD 001099012345"
#: a text long enough for PostgreSQL to keep it in the table's TOAST table
LONG = " ".join(f"{NAME} {i:05d}" for i in range(200))
#: more consents than one batch of the migration converts (5,000)
CONSENTS = 5_001
CLEAR = (NAME, "0987111222", "Tran Thi Lan", "001099012345")
TABLES = ("ad_consents", "ad_copies", "ad_violations")


def _t(name: str, *columns: tuple[str, sa.types.TypeEngine]) -> sa.TableClause:
    return sa.table(name, *(sa.column(n, t) for n, t in columns))


_AT, _BIN, _STR = sa.DateTime(timezone=True), sa.LargeBinary(), sa.String()
ADVERTISERS = _t("advertisers", ("name", _STR), ("tax_code", _STR), ("contact", _STR),
                 ("created_at", _AT))
CONSENT_ROWS = _t("ad_consents", ("advertiser_id", sa.Integer()),
                  ("recipient_pseudonym", _STR), ("recipient_enc", _BIN), ("channel", _STR),
                  ("method", _STR), ("proof_ref", _STR), ("given_at", _AT),
                  ("withdrawn_via", _STR))
COPY_ROWS = _t("ad_copies", ("advertiser_id", sa.Integer()), ("sender", _STR),
               ("recipient_pseudonym", _STR), ("recipient_enc", _BIN), ("channel", _STR),
               ("sent_at", _AT), ("is_consent_request", sa.Boolean()), ("subject", _STR),
               ("text", _STR), ("violations", sa.Integer()), ("submitted_at", _AT))
VIOLATION_ROWS = _t("ad_violations", ("copy_id", sa.Integer()),
                    ("advertiser_id", sa.Integer()), ("rule", _STR), ("channel", _STR),
                    ("explanation", _STR), ("evidence", _STR), ("sent_at", _AT))


def _number(i: int) -> str:
    return f"0912{i:06d}"


def _old_rows(url: str) -> dict[str, list[tuple]]:
    """A database at adv_0004 holding texts and proofs in clear (recipients encrypted,
    as adv_0004 left them); returns the clear values as stored."""
    upgrade(url, "adv_0004")
    vault = Vault(SECRET)

    def recipient(column: str, adv_id: int, rec: str) -> dict:
        return {"advertiser_id": adv_id, "recipient_pseudonym": vault.ad_recipient_pseudonym(
            rec), "recipient_enc": vault.encrypt(rec.encode(), context(column, adv_id))}

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.insert(ADVERTISERS), [
            {"name": f"Shop {i}", "tax_code": "", "contact": "", "created_at": GIVEN}
            for i in (1, 2)])  # (a new database: ids 1 and 2)
        consent = {"channel": "sms", "method": "paper", "given_at": GIVEN, "withdrawn_via": ""}
        conn.execute(sa.insert(CONSENT_ROWS), [
            *({**recipient("ad_consents.recipient", 1, _number(i)), **consent,
               "proof_ref": f"{PROOF} #{i}"} for i in range(CONSENTS)),
            {**recipient("ad_consents.recipient", 2, _number(0)), **consent, "proof_ref": ""}])
        copy = {"sender": "SHOPABC", "channel": "sms", "is_consent_request": False,
                "subject": "", "violations": 1, "submitted_at": SENT}
        conn.execute(sa.insert(COPY_ROWS), [
            {**recipient("ad_copies.recipient", 1, _number(1)), **copy, "text": TEXT,
             "sent_at": SENT},
            {**recipient("ad_copies.recipient", 1, "lan@example.vn"), **copy,
             "channel": "email", "subject": SUBJECT, "text": LONG, "sent_at": SENT},
            {**recipient("ad_copies.recipient", 2, _number(1)), **copy, "text": TEXT,
             "sent_at": SENT + timedelta(hours=1)}])
        conn.execute(sa.insert(VIOLATION_ROWS), [
            {"copy_id": i, "advertiser_id": 2 if i == 3 else 1, "rule": "AD_LABEL_MISSING",
             "channel": "sms", "explanation": EXPLANATION,
             "evidence": orjson.dumps(EVIDENCE).decode(), "sent_at": SENT}
            for i in (1, 2, 3)])
    engine.dispose()
    return _clear(url)


def _clear(url: str) -> dict[str, list[tuple]]:
    """The clear columns of the three tables (with ids and advertisers)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                "ad_consents": sorted(conn.execute(sa.text(
                    "SELECT id, advertiser_id, proof_ref FROM ad_consents")).all()),
                "ad_copies": sorted(conn.execute(sa.text(
                    "SELECT id, advertiser_id, subject, text FROM ad_copies")).all()),
                "ad_violations": sorted(conn.execute(sa.text(
                    "SELECT id, copy_id, advertiser_id, explanation, evidence"
                    " FROM ad_violations")).all()),
            }
    finally:
        engine.dispose()


def test_texts_and_proofs_become_ciphertexts_that_read_back(fresh_url: str, home: Path) -> None:
    _old_rows(fresh_url)
    upgrade(fresh_url)

    tables = raw_values(fresh_url, *TABLES)
    assert {"text", "subject", "text_enc", "subject_enc"} & set(tables["ad_copies"]) == {
        "text_enc", "subject_enc"}
    assert "proof_ref" not in tables["ad_consents"]
    assert "evidence" not in tables["ad_violations"]
    for table, values in tables.items():
        for value in values:
            for clear in CLEAR:
                assert clear not in value, f"{table}: {value[:80]!r}"
    if fresh_url.startswith("sqlite"):  # nor do the file's freed pages
        path = Path(make_url(fresh_url).database or "")
        data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        for clear in CLEAR:
            assert clear.encode() not in data

    db = Database(fresh_url)
    try:
        with db.read() as s:
            shown = adv.consent_dicts(s, adv.list_consents(s, 1, _number(CONSENTS - 1)))
            assert [c["proof_ref"] for c in shown] == [f"{PROOF} #{CONSENTS - 1}"]  # batch 2
            assert [c["proof_ref"] for c in adv.consent_dicts(s, adv.list_consents(s, 2))] == [
                ""]
            listed = list_violations(s, 1)
            assert [(v["copy_id"], v["explanation"], v["evidence"]) for v in listed] == [
                (1, EXPLANATION, EVIDENCE), (2, EXPLANATION, EVIDENCE)]
            assert [v["copy_id"] for v in list_violations(s, 2)] == [3]
        with db.transaction() as s:  # the stored copies are found again, as the same copies
            got = submit_copies(s, 1, [
                CopyInput("SHOPABC", _number(1), "sms", SENT, TEXT),
                CopyInput("SHOPABC", "lan@example.vn", "email", SENT, LONG, SUBJECT),
                CopyInput("SHOPABC", _number(1), "sms", SENT, TEXT + "!"),
            ], analyse=False)
            assert [(r["id"], r["duplicate"]) for r in got[:2]] == [(1, True), (2, True)]
            assert [v["evidence"] for v in got[0]["violations"]] == [EVIDENCE]
            assert got[2]["duplicate"] is False and got[2]["id"] > 3
    finally:
        db.dispose()


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


def test_no_clear_text_is_left_in_the_postgresql_files(fresh_url: str, home: Path) -> None:
    """The UPDATEs leave the old row versions (texts in clear) in the tables' files, and
    DROP COLUMN only hides a column: the tables are rewritten."""
    if not fresh_url.startswith("postgresql"):
        pytest.skip("SQLite: see test_texts_and_proofs_become_ciphertexts_that_read_back")
    _old_rows(fresh_url)
    before = _relation_files(fresh_url, TABLES)
    assert any(NAME.encode() in data for data in before.values())  # (the test can see)
    upgrade(fresh_url)
    files = _relation_files(fresh_url, TABLES)
    assert set(TABLES) <= set(files)
    found = [(relation, clear) for relation, data in files.items()
             for clear in (*CLEAR, f"{NAME} 00199") if clear.encode() in data]
    assert found == []


def test_downgrade_decrypts_the_texts_back_and_upgrades_again(
    fresh_url: str, home: Path
) -> None:
    before = _old_rows(fresh_url)
    upgrade(fresh_url)
    downgrade(fresh_url, "adv_0004")
    assert _clear(fresh_url) == before
    columns = raw_values(fresh_url, *TABLES)
    assert "text_enc" not in columns["ad_copies"]
    assert "proof_ref_enc" not in columns["ad_consents"]
    assert "evidence_enc" not in columns["ad_violations"]
    upgrade(fresh_url)
    db = Database(fresh_url)
    try:
        with db.read() as s:
            assert [v["evidence"] for v in list_violations(s, 1)] == [EVIDENCE, EVIDENCE]
    finally:
        db.dispose()


def test_downgrade_without_the_secret_changes_nothing(
    fresh_url: str, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_rows(fresh_url)
    upgrade(fresh_url)
    stored = raw_values(fresh_url, *TABLES)
    monkeypatch.setenv("LACHAN_SECRET_KEY", (b"o" * 32).hex())
    with pytest.raises(RuntimeError, match="adv_0005 cannot be downgraded"):
        downgrade(fresh_url, "adv_0004")
    assert raw_values(fresh_url, *TABLES) == stored


def test_the_migration_uses_the_secret_it_is_given(fresh_url: str, home: Path) -> None:
    from lachan.registry.privacy import SecretError

    _old_rows(fresh_url)
    given = Vault(b"s" * 32)
    upgrade(fresh_url, master_secret=b"s" * 32)
    engine = create_engine(fresh_url)
    try:
        with engine.connect() as conn:
            blob = bytes(conn.execute(sa.text(
                "SELECT text_enc FROM ad_copies WHERE id = 1")).scalar_one())
    finally:
        engine.dispose()
    assert given.decrypt(blob, context("ad_copies.text", 1)).decode() == TEXT
    with pytest.raises(SecretError):  # not the environment's
        Vault(SECRET).decrypt(blob, context("ad_copies.text", 1))
