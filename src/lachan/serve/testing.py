"""Pytest fixtures for tests of the HTTP service (import them into a ``conftest.py``
that defines an ``app`` fixture): a client that never raises server errors, one live
API key per role, the Authorization header for a key, and a hand-moved clock for the key
cache (``key_clock``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event

from lachan.registry import keys as keys_mod
from lachan.store.session import Database


class KeyReads:
    """The statements a database's read engine runs on the key table: key rows, and the
    revocation stamp (a ``count(...)``), for tests of ``keys.KeyCache``."""

    def __init__(self, db: Database) -> None:
        self.statements: list[str] = []
        event.listen(db.read_engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "api_keys" in statement:
            self.statements.append(statement)

    @property
    def rows(self) -> int:
        return sum("count(" not in s.lower() for s in self.statements)

    @property
    def stamps(self) -> int:
        return sum("count(" in s.lower() for s in self.statements)


class HandClock:
    """A monotonic clock a test moves by hand (``clock.now += 1.01``)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture()
def key_clock(monkeypatch: pytest.MonkeyPatch) -> HandClock:
    """The clock of ``keys.KeyCache`` (row time-to-live, revocation stamp), moved by hand."""
    fake = HandClock()
    monkeypatch.setattr(keys_mod, "time", fake)
    return fake


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
