"""Fixtures for the official-channel registry and API tests (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from lachan.registry import official
from lachan.serve.app import create_app
from lachan.serve.testing import client, role_keys  # noqa: F401
from lachan.store.testing import backend, db_url, migrated_template  # noqa: F401

SECRET = bytes(range(32))


@pytest.fixture()
def app(db_url: str) -> Iterator[FastAPI]:  # noqa: F811
    application = create_app(db_url, secret_key=SECRET)
    with application.state.db.transaction() as session:
        official.import_seed(session, actor="test")  # PostgreSQL tests start from empty tables
    yield application
    application.state.db.dispose()
