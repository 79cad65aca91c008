"""Fixtures: a fresh migrated database (SQLite and PostgreSQL) and the service on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.store.session import Database
from lachan.store.testing import backend, db_url, migrated_template  # noqa: F401


@pytest.fixture()
def db(db_url: str, tmp_path, monkeypatch) -> Iterator[Database]:  # noqa: F811
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_AD_RULES", raising=False)
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture()
def app(db_url: str, tmp_path, monkeypatch) -> Iterator[FastAPI]:  # noqa: F811
    from lachan.serve.app import create_app

    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_AD_RULES", raising=False)
    application = create_app(db_url, secret_key=bytes(range(32)))
    yield application
    application.state.db.dispose()


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
