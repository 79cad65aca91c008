"""A batch of copies read from a file names a bad copy by its line in that file (the
registry is given the line of each copy); the API's batches keep naming it ``item i``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from lachan.cli import app
from lachan.registry import advertising as adv
from lachan.registry import advertising_copies
from lachan.registry.advertising_copies import CopyInput, submit_copies
from lachan.store.session import Database

SENT = datetime.fromisoformat("2026-11-22T09:30:00+07:00")
TEXT = "[QC] Hoa Mai giam 30% toan bo san pham. Tu choi QC soan TC gui 8xxx"


def _copy(**changes: object) -> CopyInput:
    fields: dict = {"sender": "HOAMAI", "recipient": "0912345678", "channel": "sms",
                    "sent_at": SENT, "text": TEXT}
    return CopyInput(**{**fields, **changes})


def _refusal(db: Database, copies: list[CopyInput], lines: list[int] | None) -> str:
    with pytest.raises(adv.AdvertisingError) as caught, db.transaction() as s:
        a = adv.create_advertiser(s, "Shop ABC", actor="test")
        submit_copies(s, a.id, copies, actor="test", lines=lines)
    return caught.value.message


@pytest.mark.parametrize(("bad", "message"), [
    (_copy(recipient="12345"), "line 12: not a Vietnamese mobile number: '12345'"),
    (_copy(channel="email", recipient="lan.example.vn", subject="x"),
     "line 12: not an e-mail address: 'lan.example.vn'"),
    (_copy(sender="  "), "line 12: sender is empty"),
    (_copy(sent_at=datetime(2026, 11, 22, 9, 30)), "line 12: time sent must carry a time zone"),
    (_copy(channel="fax"), "line 12: channel must be sms, email or call"),
    # as the API refuses them; year 9999 overflowed once converted to Vietnam time
    (_copy(sent_at=datetime(1900, 1, 1, tzinfo=UTC)),
     "line 12: time sent 1900-01-01T00:00:00+00:00 is before 2000"),
    (_copy(sent_at=datetime(9999, 12, 31, 23, 59, tzinfo=UTC)),
     "line 12: time sent 9999-12-31T23:59:00+00:00 is in the future"),
])
def test_a_bad_copy_is_named_by_the_line_given_with_it(
    db: Database, bad: CopyInput, message: str
) -> None:
    assert _refusal(db, [_copy(), bad], lines=[10, 12]).startswith(message)


def test_without_lines_a_bad_copy_is_named_by_its_place(db: Database) -> None:
    refused = _refusal(db, [_copy(), _copy(recipient="12345")], lines=None)
    assert refused == "item 1: not a Vietnamese mobile number: '12345'"


def test_the_first_bad_line_of_the_file_is_named(db: Database) -> None:
    copies = [_copy(), _copy(channel="email", recipient="nobody", subject="x"),
              _copy(recipient="12345")]
    assert _refusal(db, copies, lines=[1, 4, 9]).startswith("line 4: not an e-mail address")


def test_lines_must_match_the_copies(db: Database) -> None:
    with pytest.raises(ValueError, match="2 line numbers for 1 copies"), db.transaction() as s:
        a = adv.create_advertiser(s, "Shop ABC", actor="test")
        submit_copies(s, a.id, [_copy()], actor="test", lines=[1, 2])


def test_the_cli_names_the_file_line_of_a_bad_copy_in_a_later_batch(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LACHAN_DATABASE_URL", db_url)
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(advertising_copies, "MAX_BATCH", 2)
    runner = CliRunner()
    created = runner.invoke(app, ["advertiser", "create", "Shop ABC"])
    advertiser = str(orjson.loads(created.stdout.splitlines()[0])["id"])
    good = {"sender": "HOAMAI", "recipient": "0912345678", "channel": "sms",
            "sent_at": "2026-11-22T09:30:00+07:00", "text": TEXT}
    rows = [good, good, "", good, good, "", {**good, "recipient": "0000"}]
    f = tmp_path / "copies.jsonl"
    f.write_text("\n".join(r if isinstance(r, str) else orjson.dumps(r).decode() for r in rows))
    r = runner.invoke(app, ["advertiser", "copies", advertiser, str(f)])
    assert r.exit_code == 1
    assert "line 7: not a Vietnamese mobile number: '0000'" in r.output
    assert "item" not in r.output
