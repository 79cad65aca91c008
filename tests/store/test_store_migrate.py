"""Migrations apply on SQLite and PostgreSQL and reach every branch head."""

from __future__ import annotations

from sqlalchemy import inspect

from lachan.store import migrate
from lachan.store.session import Database, database_url


def test_upgrade_reaches_heads(db_url: str) -> None:
    assert migrate.current(db_url) == migrate.heads()
    assert "centre_0001" in migrate.current(db_url) or any(
        h.startswith("centre") for h in migrate.current(db_url)
    )
    migrate.upgrade(db_url)  # idempotent
    db = Database(db_url)
    try:
        names = set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()
    assert {"api_keys", "audit_log"} <= names


def test_database_url_defaults_to_sqlite_under_home(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("LACHAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path))
    assert database_url() == f"sqlite:///{tmp_path / 'lachan.db'}"
    monkeypatch.setenv("LACHAN_DATABASE_URL", "postgresql+psycopg://u@h/d")
    assert database_url() == "postgresql+psycopg://u@h/d"


def test_sqlite_engine_uses_wal_and_foreign_keys(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_the_commands_say_when_they_made_a_new_database(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from lachan.cli import app

    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert migrate.upgrade(url) is True  # nothing was there
    assert migrate.upgrade(url) is False
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "typo"))
    monkeypatch.delenv("LACHAN_DATABASE_URL", raising=False)
    runner = CliRunner()
    first = runner.invoke(app, ["advertiser", "create", "Shop ABC"])
    assert first.exit_code == 0 and "a new database was created" in first.stderr
    second = runner.invoke(app, ["advertiser", "create", "Shop XYZ"])
    assert second.exit_code == 0 and "new database" not in second.stderr
