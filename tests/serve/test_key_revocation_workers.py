"""A revoked API key stops working in every worker process, not only in the one that
revoked it (``lachan serve --workers 2``: each worker has its own key cache,
``keys.KeyCache``), while a live key is not read from the database on every request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from lachan.registry import keys
from lachan.registry.clock import utcnow
from lachan.serve.app import create_app
from lachan.serve.testing import HandClock, KeyReads, bearer
from lachan.store.session import Database
from lachan.store.tables_centre import ApiKey

SECRET = bytes(range(32))



@pytest.fixture()
def workers(db_url: str) -> Iterator[tuple[FastAPI, FastAPI]]:
    """Two apps on one database: two worker processes of one service."""
    apps = (create_app(db_url, secret_key=SECRET), create_app(db_url, secret_key=SECRET))
    yield apps
    for application in apps:
        application.state.db.dispose()


def test_a_key_revoked_through_one_worker_is_refused_by_the_other_within_a_second(
    workers: tuple[FastAPI, FastAPI], key_clock: HandClock
) -> None:
    """(Both apps live in this test's process, so the revocation also drops the key from
    the second app's cache directly; a revocation the process is not told of is the
    next test.)"""
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
        key_clock.now += 1.01
        r = b.get(feed, headers=bearer(operator))
        assert r.status_code == 401 and "revoked" in r.json()["detail"]


def test_a_refused_key_is_never_cached(
    workers: tuple[FastAPI, FastAPI], key_clock: HandClock
) -> None:
    """A key created after a worker refused it (unknown then) works at once there."""
    first, second = workers
    with first.state.db.transaction() as session:
        operator = keys.create_key(session, "operator", "operator")
    unknown = operator[:-4] + "AAAA"
    with TestClient(second) as b:
        assert b.get("/v1/feeds/blocklist", headers=bearer(unknown)).status_code == 401
        assert b.get("/v1/feeds/blocklist", headers=bearer(operator)).status_code == 200


FEED = "/v1/feeds/blocklist"  # open to the operator role



def _revoke_elsewhere(app: FastAPI, key: str) -> None:
    """A revocation by another process (the CLI, a worker on another host): the row
    changes in the database and nothing in this process is told."""
    other = Database(app.state.db.url)
    try:
        with other.transaction() as session:
            session.execute(
                update(ApiKey)
                .where(ApiKey.key_id == key.split("_")[1])
                .values(revoked_at=utcnow())
            )
    finally:
        other.dispose()


def test_a_live_key_is_not_read_from_the_database_on_each_request(
    app: FastAPI, client: TestClient, role_keys: dict[str, str], key_clock: HandClock
) -> None:
    reads = KeyReads(app.state.db)
    for _second in range(3):
        for _request in range(5):
            assert client.get(FEED, headers=bearer(role_keys["operator"])).status_code == 200
        key_clock.now += 1.01
    assert reads.rows == 1  # the key's row, once ...
    assert reads.stamps == 3  # ... then only the revocation stamp, once a second


def test_a_key_revoked_by_another_process_is_refused_after_the_stamp_interval(
    app: FastAPI, client: TestClient, role_keys: dict[str, str], key_clock: HandClock
) -> None:
    operator, analyst = role_keys["operator"], role_keys["analyst"]
    assert client.get(FEED, headers=bearer(operator)).status_code == 200  # now cached
    assert client.get(FEED, headers=bearer(analyst)).status_code == 200
    _revoke_elsewhere(app, operator)
    key_clock.now += keys.REVOCATION_CHECK_S + 0.01
    r = client.get(FEED, headers=bearer(operator))
    assert r.status_code == 401 and "revoked" in r.json()["detail"], r.text
    assert client.get(FEED, headers=bearer(analyst)).status_code == 200  # others unharmed
