"""A revoked API key stops working in every worker process, not only in the one that
revoked it (``lachan serve --workers 2``: each worker has its own key cache)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.registry import keys
from lachan.serve import auth
from lachan.serve.app import create_app
from lachan.serve.testing import bearer

SECRET = bytes(range(32))


class _Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture()
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    fake = _Clock()
    monkeypatch.setattr(auth, "time", fake)
    return fake


@pytest.fixture()
def workers(db_url: str) -> Iterator[tuple[FastAPI, FastAPI]]:
    """Two apps on one database: two worker processes of one service."""
    apps = (create_app(db_url, secret_key=SECRET), create_app(db_url, secret_key=SECRET))
    yield apps
    for application in apps:
        application.state.db.dispose()


def test_a_key_revoked_through_one_worker_is_refused_by_the_other_within_a_second(
    workers: tuple[FastAPI, FastAPI], clock: _Clock
) -> None:
    first, second = workers
    with first.state.db.transaction() as session:
        admin = keys.create_key(session, "admin", "admin")
        operator = keys.create_key(session, "operator", "operator")
    key_id = operator.split("_")[1]
    with TestClient(first) as a, TestClient(second) as b:
        feed = "/v1/feeds/blocklist"
        assert b.get(feed, headers=bearer(operator)).status_code == 200  # cached by b
        r = a.delete(f"/v1/admin/keys/{key_id}", headers=bearer(admin))
        assert r.status_code == 200, r.text
        assert a.get(feed, headers=bearer(operator)).status_code == 401
        clock.now += 1.01
        r = b.get(feed, headers=bearer(operator))
        assert r.status_code == 401 and "revoked" in r.json()["detail"]


def test_a_refused_key_is_never_cached(
    workers: tuple[FastAPI, FastAPI], clock: _Clock
) -> None:
    """A key created after a worker refused it (unknown then) works at once there."""
    first, second = workers
    with first.state.db.transaction() as session:
        operator = keys.create_key(session, "operator", "operator")
    unknown = operator[:-4] + "AAAA"
    with TestClient(second) as b:
        assert b.get("/v1/feeds/blocklist", headers=bearer(unknown)).status_code == 401
        assert b.get("/v1/feeds/blocklist", headers=bearer(operator)).status_code == 200
