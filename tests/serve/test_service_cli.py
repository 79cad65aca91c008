"""The service commands: db upgrade, keys create, audit verify, purge, feeds export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
import typer
from sqlalchemy import select, update
from typer.testing import CliRunner

from lachan.commands import service
from lachan.registry import complaints, decisions, keys, sources
from lachan.registry.complaints import ComplaintInput
from lachan.registry.privacy import Vault
from lachan.store.session import Database
from lachan.store.tables_centre import AuditEntry, Source

runner = CliRunner()


@pytest.fixture()
def cli(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    monkeypatch.setenv("LACHAN_DATABASE_URL", db_url)
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path))
    app = typer.Typer()
    service.register(app)
    return app


def test_db_upgrade_and_keys_create(cli: typer.Typer, db_url: str) -> None:
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    result = runner.invoke(cli, ["keys", "create", "--role", "analyst", "--label", "Ms Lan"])
    assert result.exit_code == 0, result.output
    key = result.stdout.strip()
    db = Database(db_url)
    try:
        assert keys.KeyCache(db.read).authenticate(key).role == "analyst"
    finally:
        db.dispose()
    bad = runner.invoke(cli, ["keys", "create", "--role", "superuser"])
    assert bad.exit_code == 2 and "unknown role" in bad.output


def test_audit_verify_detects_tampering(cli: typer.Typer, db_url: str) -> None:
    runner.invoke(cli, ["keys", "create", "--role", "operator"])
    runner.invoke(cli, ["keys", "create", "--role", "gateway"])
    ok = runner.invoke(cli, ["audit", "verify"])
    assert ok.exit_code == 0 and orjson.loads(ok.stdout.splitlines()[0])["ok"] is True
    db = Database(db_url)
    try:
        with db.transaction() as s:
            s.execute(update(AuditEntry).where(AuditEntry.id == 1).values(action="key.delete"))
    finally:
        db.dispose()
    broken = runner.invoke(cli, ["audit", "verify"])
    assert broken.exit_code == 1 and "broken at entry 1" in broken.output


def test_purge_and_feeds_export(cli: typer.Typer, db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    vault = Vault(bytes(range(32)))
    try:
        with db.transaction() as s:
            item = ComplaintInput(
                reporter="0901234567", channel="sms", source="0987654321", content="Vay tien nhanh"
            )
            complaints.submit(s, vault, item, now=datetime.now(UTC) - timedelta(days=40))
            decisions.decide(
                s, "domain", "vcb-baomat.top", "block", reason="phishing", actor="test"
            )
    finally:
        db.dispose()
    purged = runner.invoke(cli, ["purge", "--older-than", "30"])
    assert purged.exit_code == 0 and orjson.loads(purged.stdout)["deleted"] == 1
    again = runner.invoke(cli, ["purge", "--older-than", "30"])
    assert orjson.loads(again.stdout)["deleted"] == 0
    out = tmp_path / "zone.rpz"
    exported = runner.invoke(cli, ["feeds", "export", "--format", "rpz", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert "vcb-baomat.top CNAME ." in out.read_text()
    dnset = runner.invoke(cli, ["feeds", "export", "--format", "dnsbl-domain"])
    assert "vcb-baomat.top" in dnset.stdout
    bad = runner.invoke(cli, ["feeds", "export", "--format", "bind9"])
    assert bad.exit_code == 2 and "unknown format" in bad.output


def test_feeds_export_csv_and_jsonl_carry_the_sources_values(
    cli: typer.Typer, db_url: str
) -> None:
    """Every row used to read score 0.0 with an empty category and updated_at."""
    db = Database(db_url)
    try:
        with db.transaction() as s:
            for _ in range(3):
                sources.record_detection(s, "domain", "vcb-baomat.top", "scam", actor="filter")
            decisions.decide(
                s, "domain", "vcb-baomat.top", "block", reason="phishing", actor="test"
            )
        with db.read() as s:
            src = s.execute(select(Source).where(Source.value == "vcb-baomat.top")).scalar_one()
            score = round(src.score, 4)
    finally:
        db.dispose()
    assert score > 0
    as_csv = runner.invoke(cli, ["feeds", "export", "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    (row,) = csv.DictReader(io.StringIO(as_csv.stdout))
    assert row["value"] == "vcb-baomat.top" and row["state"] == "blocked"
    assert (float(row["score"]), row["category"]) == (score, "scam")
    assert row["updated_at"].endswith("Z") and row["updated_at"][:4].isdigit()
    as_jsonl = runner.invoke(cli, ["feeds", "export", "--format", "jsonl"])
    assert as_jsonl.exit_code == 0, as_jsonl.output
    (line,) = [orjson.loads(x) for x in as_jsonl.stdout.splitlines()]
    assert row["listed"] == "true"
    assert line == {**row, "score": score, "listed": True}


def test_keys_revoke_keeps_the_last_admin_key(cli: typer.Typer, db_url: str) -> None:
    first = runner.invoke(cli, ["keys", "create", "--role", "admin"]).stdout.strip()
    operator = runner.invoke(cli, ["keys", "create", "--role", "operator"]).stdout.strip()
    last = runner.invoke(cli, ["keys", "revoke", first.split("_")[1]])
    assert last.exit_code == 1 and "last live admin key" in last.output
    done = runner.invoke(cli, ["keys", "revoke", operator.split("_")[1]])
    assert done.exit_code == 0, done.output
    db = Database(db_url)
    try:
        with pytest.raises(keys.InvalidKey, match="revoked"):
            keys.KeyCache(db.read).authenticate(operator)
        assert keys.KeyCache(db.read).authenticate(first).role == "admin"
    finally:
        db.dispose()
    again = runner.invoke(cli, ["keys", "revoke", operator.split("_")[1]])
    assert again.exit_code == 1 and "no live key" in again.output


def test_keys_create_with_an_expiry(cli: typer.Typer, db_url: str) -> None:
    past = runner.invoke(cli, ["keys", "create", "--role", "operator", "--expires", "2020-01-01"])
    assert past.exit_code == 2 and "future" in past.output
    bad = runner.invoke(cli, ["keys", "create", "--role", "operator", "--expires", "soon"])
    assert bad.exit_code == 2 and "ISO 8601" in bad.output
    ok = runner.invoke(cli, ["keys", "create", "--role", "operator", "--expires", "2099-01-01"])
    assert ok.exit_code == 0, ok.output
    listed = [orjson.loads(line) for line in runner.invoke(cli, ["keys", "list"]).stdout.split()]
    assert [k["expires_at"] for k in listed] == ["2099-01-01T00:00:00.000000Z"]
