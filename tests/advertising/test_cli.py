"""The advertising commands: scrub, dnc import, advertiser ..."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from lachan.cli import app


@pytest.fixture()
def run(db_url: str, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("LACHAN_DATABASE_URL", db_url)
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(app, list(args))

    return _run


def lines(out: str) -> list[dict]:
    return [orjson.loads(x) for x in out.splitlines() if x.strip()]


def test_dnc_import_and_scrub(run, tmp_path: Path) -> None:
    adv = lines(run("advertiser", "create", "Shop ABC").stdout)[0]
    reg = tmp_path / "dnc.txt"
    reg.write_text("0912345678\n+84 98 765 4321\n\n")
    r = run("dnc", "import", str(reg), "--scope", "sms")
    assert r.exit_code == 0, r.output
    assert lines(r.stdout)[0] == {"read": 2, "added": 2, "changed": 0, "unchanged": 0,
                                  "duplicates": 0}
    assert run("advertiser", "consent", str(adv["id"]), "0355555555").exit_code == 0

    numbers = tmp_path / "list.csv"
    numbers.write_text("name,phone\nLan,0912345678\nMai,84355555555\nX,abc\n")
    r = run("scrub", "--advertiser", str(adv["id"]), "--channel", "sms", "--column", "phone",
            str(numbers))
    assert r.exit_code == 0, r.output
    assert lines(r.stdout) == [
        {"number": "0912345678", "allowed": False, "reasons": ["dnc:sms", "no_consent"]},
        {"number": "0355555555", "allowed": True, "reasons": []},
        {"number": "abc", "allowed": False, "reasons": ["invalid_number"]},
    ]
    # calls are not barred by an SMS-only registration
    plain = tmp_path / "plain.txt"
    plain.write_text("0912345678\n")
    r = run("scrub", "--advertiser", str(adv["id"]), "--channel", "call", str(plain))
    assert lines(r.stdout) == [{"number": "0912345678", "allowed": False,
                                "reasons": ["no_consent"]}]


def test_bad_input_is_a_clear_error(run, tmp_path: Path) -> None:
    adv = lines(run("advertiser", "create", "Shop").stdout)[0]
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("name,phone\nLan,0912345678\n")
    r = run("scrub", "--advertiser", str(adv["id"]), "--channel", "sms", "--column", "tel",
            str(csv_file))
    assert r.exit_code == 1 and "column 'tel' not found" in r.output and "Traceback" not in r.output
    r = run("scrub", "--advertiser", "999", "--channel", "sms", str(csv_file))
    assert r.exit_code == 1 and "unknown advertiser 999" in r.output
    r = run("scrub", "--advertiser", str(adv["id"]), "--channel", "fax", str(csv_file))
    assert r.exit_code == 2
    bad = tmp_path / "bad.txt"
    bad.write_text("0912345678\n0987654321\nnot-a-number\n")
    r = run("dnc", "import", str(bad))
    assert r.exit_code == 1 and "line 3" in r.output and "nothing imported" in r.output
    # nothing half-written: the two good numbers are not on the register
    good = tmp_path / "good.txt"
    good.write_text("0912345678\n")
    r = run("scrub", "--advertiser", str(adv["id"]), "--channel", "sms", str(good))
    assert lines(r.stdout)[0]["reasons"] == ["no_consent"]
    r = run("advertiser", "template", str(adv["id"]), "[QC] {pct% off")
    assert r.exit_code == 1 and "unbalanced slot" in r.output
    r = run("advertiser", "template", str(adv["id"]), "{body} Tu choi soan TC")
    assert r.exit_code == 1 and "label" in r.output


def test_copies_and_report(run, tmp_path: Path) -> None:
    adv = lines(run("advertiser", "create", "Shop").stdout)[0]
    aid = str(adv["id"])
    assert run("advertiser", "brandname", aid, "SHOPX").exit_code == 0
    copies = tmp_path / "copies.jsonl"
    copies.write_bytes(orjson.dumps({
        "sender": "SHOPX", "recipient": "0912345678", "channel": "sms",
        "sent_at": "2026-11-22T23:00:00+07:00", "text": "[QC] Sale. Tu choi soan TC"}) + b"\n")
    r = run("advertiser", "copies", aid, str(copies))
    assert r.exit_code == 0, r.output
    rules = [v["rule"] for v in lines(r.stdout)[0]["violations"]]
    assert "OUTSIDE_SENDING_HOURS" in rules and "NO_CONSENT" in rules
    r = run("advertiser", "report", "--csv")
    assert r.stdout.splitlines()[0] == (
        "period,advertiser_id,advertiser,rule,violations,fine_min_vnd,fine_max_vnd")
    assert "2026-11-22," in r.stdout
    # a bare date is a Vietnam day: 23:00 on the 22nd is 16:00 UTC, still the 22nd
    assert lines(run("advertiser", "report", "--since", "2026-11-23").stdout) == []
    got = lines(run("advertiser", "report", "--since", "2026-11-22", "--until",
                    "2026-11-22").stdout)
    assert {row["period"] for row in got} == {"2026-11-22"}
    r = run("advertiser", "report", "--since", "yesterday")
    assert r.exit_code == 1 and "neither a date" in r.output
    copies.write_text('{"sender": "SHOPX"}\n')
    r = run("advertiser", "copies", aid, str(copies))
    assert r.exit_code == 1 and "line 1: missing field" in r.output


def test_withdrawing_one_channel_of_an_all_channel_consent_keeps_the_others(
        run, tmp_path: Path) -> None:
    adv = lines(run("advertiser", "create", "Shop ABC").stdout)[0]
    aid = str(adv["id"])
    assert run("advertiser", "consent", aid, "0355555555", "--channel", "all").exit_code == 0
    r = run("advertiser", "consent", aid, "0355555555", "--channel", "sms", "--withdraw")
    assert r.exit_code == 0, r.output
    numbers = tmp_path / "one.txt"
    numbers.write_text("0355555555\n")
    call = lines(run("scrub", "--advertiser", aid, "--channel", "call", str(numbers)).stdout)
    sms = lines(run("scrub", "--advertiser", aid, "--channel", "sms", str(numbers)).stdout)
    assert call[0]["allowed"] is True
    assert sms[0]["allowed"] is False


def test_create_refuses_a_bad_tax_code_a_second_advertiser_with_one_and_hidden_characters(
    tmp_path, monkeypatch  # noqa: ANN001
) -> None:
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_DATABASE_URL", raising=False)
    runner = CliRunner()
    assert runner.invoke(app, ["advertiser", "create", "A", "--tax-code", "0101234567"]
                         ).exit_code == 0
    for args, said in ((["B", "--tax-code", "abc"], "is not a Vietnamese tax code"),
                       (["C", "--tax-code", "0101234567"], "already has tax code"),
                       (["D\u202egpj.exe"], "text-direction characters")):
        result = runner.invoke(app, ["advertiser", "create", *args])
        assert result.exit_code != 0 and said in " ".join(result.stderr.split())
    branch = runner.invoke(app, ["advertiser", "create", "A2", "--tax-code", "0101234567-001"])
    assert branch.exit_code == 0


def _brandname_audit(db_url: str) -> dict[str, dict]:
    """The details of each brandname.register entry of the audit log, by target."""
    from sqlalchemy import select

    from lachan.store.session import Database
    from lachan.store.tables_centre import AuditEntry

    db = Database(db_url)
    try:
        with db.read() as s:
            rows = s.execute(select(AuditEntry.actor, AuditEntry.target, AuditEntry.details)
                             .where(AuditEntry.action == "brandname.register")).all()
    finally:
        db.dispose()
    return {target: {"actor": actor, **orjson.loads(details)} for actor, target, details in rows}


def test_brandname_an_administrator_may_register_from_the_cli(run, db_url: str) -> None:
    """The CLI acts with the administrator's authority, as an admin key does through the
    API: an organisation's own (or abbreviated) brandname with --official, a grant
    recorded from an earlier date with --valid-from; the audit log says which."""
    aid = str(lines(run("advertiser", "create", "Ngan hang Vietcombank").stdout)[0]["id"])
    refused = run("advertiser", "brandname", aid, "VCB-CSKH")
    assert refused.exit_code == 1 and "Vietcombank" in refused.output
    assert "--official" in refused.output and "Traceback" not in refused.output
    r = run("advertiser", "brandname", aid, "VCB-CSKH", "--official")
    assert r.exit_code == 0, r.output
    assert lines(r.stdout)[0]["name"] == "VCB-CSKH"
    r = run("advertiser", "brandname", aid, "VCBOLD", "--valid-from", "2025-01-01")
    assert r.exit_code == 0, r.output
    old = lines(r.stdout)[0]
    # a Vietnam day: its first moment, 17:00 UTC the day before; valid 3 years
    assert old["valid_from"].startswith("2024-12-31T17:00:00")
    assert old["valid_until"].startswith("2027-12-31T17:00:00")
    audit = _brandname_audit(db_url)
    assert audit["brandname:VCB-CSKH"]["actor"] == "cli"
    assert "Vietcombank" in audit["brandname:VCB-CSKH"]["official_override"]
    assert "backdated" not in audit["brandname:VCB-CSKH"]
    assert audit["brandname:VCBOLD"]["backdated"] is True
    assert "official_override" not in audit["brandname:VCBOLD"]


@pytest.mark.parametrize(("args", "code", "says"), [
    (["--valid-from", "nope"], 1, "neither a date"),
    (["--valid-from", "2099-01-01"], 1, "days ahead of the server time"),
    (["--valid-from", "1999-12-31"], 1, "before 2000"),
    (["--renew", "--valid-from", "2026-01-01"], 2, "not --renew"),
    (["--renew", "--official"], 2, "not --renew"),
])
def test_brandname_options_out_of_range_are_refused(run, db_url: str, args: list[str],
                                                    code: int, says: str) -> None:
    aid = str(lines(run("advertiser", "create", "Shop ABC").stdout)[0]["id"])
    r = run("advertiser", "brandname", aid, "SHOPX", *args)
    assert r.exit_code == code and says in r.output, r.output
    assert "Traceback" not in r.output
    assert _brandname_audit(db_url) == {}  # nothing registered
