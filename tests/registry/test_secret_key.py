"""A lost key file is never silently replaced (nor while the database cannot be checked);
a bad one is named."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

import lachan
from lachan.cli import app
from lachan.registry import audit
from lachan.registry.privacy import KEY_FILE, KeyedDataUnknown, SecretError, load_master_secret
from lachan.store.migrate import upgrade
from lachan.store.testing import pg_available, pg_create_database, pg_drop_database

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


@pytest.fixture()
def bare_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory without a key file; the test sets the database."""
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_SECRET_KEY", raising=False)
    monkeypatch.delenv("LACHAN_DATABASE_URL", raising=False)
    audit._default_vaults.clear()
    return tmp_path / "home"


def test_no_key_is_created_while_the_database_cannot_be_reached(
    bare_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a PostgreSQL that is down for a moment may hold everything written with the old key
    monkeypatch.setenv("LACHAN_DATABASE_URL", "postgresql+psycopg://lachan@127.0.0.1:1/lachan")
    key = bare_home / KEY_FILE
    with pytest.raises(KeyedDataUnknown) as caught:
        load_master_secret()
    message = str(caught.value)
    assert f"secret key file missing: {key}; restore it or set LACHAN_SECRET_KEY" in message
    assert "cannot be checked" in message and "127.0.0.1:1" in message
    assert not key.exists()
    # `lachan serve` says so in one line and stops before it listens: no traceback
    r = runner.invoke(app, ["serve"])
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    assert "secret key file missing" in r.output and "Traceback" not in r.output
    assert not key.exists()


def test_no_key_is_created_for_a_database_at_an_older_schema(
    bare_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a database of an earlier Lachan, copied without its secret.key: at an older schema
    # the keyed tables may not be where this version looks, so nothing can be told
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "centre_0008")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO audit_seal (id, last_id, last_hash, mac) VALUES (1, 1, :h, :h)"),
            {"h": "ab" * 32},
        )
    engine.dispose()
    monkeypatch.setenv("LACHAN_DATABASE_URL", url)
    key = bare_home / KEY_FILE
    with pytest.raises(KeyedDataUnknown) as caught:
        load_master_secret()
    message = " ".join(str(caught.value).split())
    assert f"secret key file missing: {key}" in message
    assert "older schema" in message and "lachan db upgrade" in message
    assert not key.exists()
    r = runner.invoke(app, ["serve"])
    assert r.exit_code == 2 and "older schema" in r.output and not key.exists()
    # a key given in the environment is still used: nothing is refused then
    monkeypatch.setenv("LACHAN_SECRET_KEY", "ab" * 32)
    assert load_master_secret() == bytes.fromhex("ab" * 32) and not key.exists()


def test_no_key_is_created_for_tables_of_no_lachan_schema(
    bare_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE complaints (id INTEGER PRIMARY KEY)")
    conn.close()
    monkeypatch.setenv("LACHAN_DATABASE_URL", f"sqlite:///{path}")
    with pytest.raises(KeyedDataUnknown, match="not a Lachan database"):
        load_master_secret()
    assert not (bare_home / KEY_FILE).exists()


@pytest.mark.parametrize("empty", ["no file", "empty file", "migrated"])
def test_a_key_is_created_for_a_new_or_empty_sqlite_database(
    bare_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty: str
) -> None:
    path = tmp_path / "new.db"
    if empty == "empty file":
        sqlite3.connect(path).close()
    elif empty == "migrated":
        upgrade(f"sqlite:///{path}")
    monkeypatch.setenv("LACHAN_DATABASE_URL", f"sqlite:///{path}")
    secret = load_master_secret()
    key = bare_home / KEY_FILE
    assert key.is_file() and len(secret) == 32 and load_master_secret() == secret
    assert path.exists() == (empty != "no file")  # the check makes no database


def test_a_key_is_created_for_an_empty_postgresql_database(
    bare_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = pg_available()
    if reason:
        pytest.skip(reason)
    url = pg_create_database()
    try:
        monkeypatch.setenv("LACHAN_DATABASE_URL", url)
        secret = load_master_secret()
        assert (bare_home / KEY_FILE).is_file() and len(secret) == 32
    finally:
        pg_drop_database(url)


def test_the_asgi_entry_point_says_so_in_one_line(bare_home: Path) -> None:
    # `uvicorn lachan.serve.main:app` (or a worker of `lachan serve`) without a key file
    # while the database is down: one line on stderr and status 1, no traceback
    env = {k: v for k, v in os.environ.items() if k != "LACHAN_SECRET_KEY"}
    env["LACHAN_HOME"] = str(bare_home)
    env["LACHAN_DATABASE_URL"] = "postgresql+psycopg://lachan@127.0.0.1:1/lachan"
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(lachan.__file__).parents[1]), env.get("PYTHONPATH", "")]
    )
    done = subprocess.run(
        [sys.executable, "-c", "import lachan.serve.main"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"lachan: error: secret key file missing: {bare_home / KEY_FILE}")
    assert not (bare_home / KEY_FILE).exists()
