"""A lost key file is never silently replaced; a bad one is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lachan.cli import app
from lachan.registry import audit
from lachan.registry.privacy import KEY_FILE, SecretError, load_master_secret

runner = CliRunner()


@pytest.fixture()
def home(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LACHAN_DATABASE_URL", db_url)
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_SECRET_KEY", raising=False)
    return tmp_path / "home"


def test_the_first_write_creates_the_key_file(home: Path) -> None:
    r = runner.invoke(app, ["keys", "create", "--role", "analyst"])
    assert r.exit_code == 0, r.output
    key = home / KEY_FILE
    assert key.is_file() and key.stat().st_mode & 0o777 == 0o600


def test_a_lost_key_file_is_not_replaced_while_the_database_holds_keyed_data(
    home: Path,
) -> None:
    assert runner.invoke(app, ["keys", "create", "--role", "analyst"]).exit_code == 0
    key = home / KEY_FILE
    key.unlink()  # the database was copied without its secret.key
    audit._default_vaults.clear()  # each command is a new process

    r = runner.invoke(app, ["keys", "create", "--role", "operator"])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert f"secret key file missing: {key}; restore it or set LACHAN_SECRET_KEY" in (
        " ".join(r.output.split())
    )
    assert not key.exists()
    r = runner.invoke(app, ["advertiser", "create", "Shop"])
    assert r.exit_code == 1 and "secret key file missing" in r.output and not key.exists()
    assert r.stdout == ""  # no advertiser shown: the transaction was not committed
    with pytest.raises(SecretError, match="secret key file missing"):
        load_master_secret()
    # `lachan serve` refuses to start too (before it listens)
    r = runner.invoke(app, ["serve"])
    assert r.exit_code == 2 and "secret key file missing" in r.output and not key.exists()


def test_a_corrupt_key_file_is_named(home: Path) -> None:
    home.mkdir(parents=True)
    (home / KEY_FILE).write_text("not a key\n")
    with pytest.raises(SecretError) as caught:
        load_master_secret()
    message = str(caught.value)
    assert str(home / KEY_FILE) in message and "LACHAN_SECRET_KEY must be" not in message
    r = runner.invoke(app, ["keys", "create", "--role", "analyst"])
    assert r.exit_code == 1 and "secret key file" in r.output and "not a valid key" in r.output


def test_a_bad_environment_key_is_still_named_as_such(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LACHAN_SECRET_KEY", "short")
    with pytest.raises(SecretError, match="LACHAN_SECRET_KEY must be 32 bytes"):
        load_master_secret()
