"""Fixtures for the service tests: a fresh app on SQLite and PostgreSQL, keys per role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.registry import keys as keys_mod
from lachan.registry.settings import CentreSettings
from lachan.serve.app import create_app
from lachan.store.testing import backend, db_url, migrated_template  # noqa: F401

SECRET = bytes(range(32))


@pytest.fixture()
def app(db_url: str) -> Iterator[FastAPI]:  # noqa: F811
    application = create_app(db_url, secret_key=SECRET, settings=CentreSettings())
    yield application
    application.state.db.dispose()


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def role_keys(app: FastAPI) -> dict[str, str]:
    """One live key per role (``public`` maps to no key)."""
    out: dict[str, str] = {}
    with app.state.db.transaction() as session:
        for role in keys_mod.ROLES:
            out[role] = keys_mod.create_key(session, role, f"test {role}")
    return out


def bearer(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}
