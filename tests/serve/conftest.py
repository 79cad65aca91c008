"""Fixtures for the service tests: a fresh app on SQLite and PostgreSQL, keys per role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from lachan.registry.settings import CentreSettings
from lachan.serve.app import create_app
from lachan.serve.testing import client, role_keys  # noqa: F401
from lachan.store.testing import backend, db_url, migrated_template  # noqa: F401

SECRET = bytes(range(32))


@pytest.fixture()
def app(db_url: str) -> Iterator[FastAPI]:  # noqa: F811
    application = create_app(db_url, secret_key=SECRET, settings=CentreSettings())
    yield application
    application.state.db.dispose()
