"""The service commands on a database that is not ready, and with bad options: one
readable line and a non-zero exit, never a traceback or an SQL statement."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lachan.cli import app
from lachan.store.testing import pg_available, pg_create_database, pg_drop_database

runner = CliRunner()
NOT_MIGRATED = "the database is not migrated; run `lachan db upgrade`"


def clean(result) -> str:
    """The output as one line, after checking that it ended without a traceback."""
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert "Traceback" not in result.output and "[SQL:" not in result.output
    return " ".join(result.output.split())


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home whose database was never upgraded."""
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("LACHAN_SECRET_KEY", "11" * 32)
    return tmp_path / "home" / "lachan.db"


READING_COMMANDS = [
    ["keys", "list"],
    ["audit", "verify"],
    ["feeds", "export", "--format", "hosts"],
    ["purge", "--older-than", "30"],
]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_database_never_upgraded_says_so(fresh: Path, args: list[str]) -> None:
    r = runner.invoke(app, args)
    assert r.exit_code == 1 and NOT_MIGRATED in clean(r)
    assert not fresh.exists()  # looking did not create an empty database


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_an_empty_database_file_says_so(fresh: Path, args: list[str]) -> None:
    fresh.parent.mkdir(parents=True)
    fresh.touch()
    r = runner.invoke(app, args)
    assert r.exit_code == 1 and NOT_MIGRATED in clean(r)


@pytest.mark.parametrize("args", [*READING_COMMANDS, ["keys", "create", "--role", "analyst"],
                                  ["advertiser", "list"]], ids=lambda a: " ".join(a[:2]))
def test_a_file_that_is_not_a_database_says_so(fresh: Path, args: list[str]) -> None:
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    r = runner.invoke(app, args)
    assert r.exit_code == 1 and "not a Lachan database" in clean(r)


def test_a_postgresql_database_never_upgraded_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    reason = pg_available()
    if reason:
        pytest.skip(reason)
    url = pg_create_database()
    try:
        monkeypatch.setenv("LACHAN_DATABASE_URL", url)
        r = runner.invoke(app, ["keys", "list"])
        assert r.exit_code == 1 and NOT_MIGRATED in clean(r)
    finally:
        pg_drop_database(url)


@pytest.fixture()
def ready(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LACHAN_DATABASE_URL", db_url)
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LACHAN_SECRET_KEY", "11" * 32)


def test_feeds_export_to_a_missing_directory_or_a_directory(ready: None, tmp_path: Path) -> None:
    r = runner.invoke(app, ["feeds", "export", "--format", "hosts",
                            "-o", str(tmp_path / "nonexistent" / "dir" / "x.txt")])
    assert r.exit_code == 2 and "no such directory" in clean(r)
    r = runner.invoke(app, ["feeds", "export", "--format", "hosts", "-o", str(tmp_path)])
    assert r.exit_code == 2 and "is a directory" in clean(r)
    ok = runner.invoke(app, ["feeds", "export", "--format", "hosts", "-o",
                             str(tmp_path / "hosts.txt")])
    assert ok.exit_code == 0, ok.output


@pytest.mark.parametrize("days", ["inf", "1e308", "40000"])
def test_purge_refuses_an_age_that_is_no_date(ready: None, days: str) -> None:
    r = runner.invoke(app, ["purge", "--older-than", days])
    assert r.exit_code == 2 and "--older-than must be a number of days" in clean(r)


def test_a_database_url_of_no_known_database_is_one_line_of_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from lachan import cli

    monkeypatch.setenv("LACHAN_DATABASE_URL", "garbage://user:secret@x/db")
    monkeypatch.setattr("sys.argv", ["lachan", "keys", "list"])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "LACHAN_DATABASE_URL is no database URL" in err and "Traceback" not in err
    assert "secret" not in err  # the password is not repeated


def test_a_key_label_too_long_is_refused_not_cut(fresh: Path) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "analyst", "--label", "x" * 201])
    assert result.exit_code == 2 and "at most 200 characters" in clean(result)
