"""Every route of the app, called with a key of every role, answers as its roles say."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.registry import keys as keys_mod
from lachan.registry.keys import ALL_ROLES
from lachan.serve.app import RouteInfo, api_routes, route_roles

DENIED = "may not do this"


def _fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def _api_routes(app: FastAPI) -> list[RouteInfo]:
    routes = api_routes(app)
    assert len(routes) >= 5, "the route walk found too few routes"
    return routes


def test_every_route_declares_its_roles(app: FastAPI) -> None:
    missing = [
        f"{sorted(r.methods)} {r.path}" for r in _api_routes(app) if route_roles(r.route) is None
    ]
    assert not missing, f"routes without require_roles(...): {missing}"


def test_every_route_with_every_role(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    problems: list[str] = []
    for route in _api_routes(app):
        roles = route_roles(route.route) or frozenset()
        for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
            path = _fill(route.path)
            for role in ALL_ROLES:
                key = role_keys.get(role)
                headers = {"Authorization": f"Bearer {key}"} if key else {}
                kwargs = {"json": {}} if method in {"POST", "PUT", "PATCH"} else {}
                resp = client.request(method, path, headers=headers, **kwargs)
                admitted = "public" in roles or role == "admin" or role in roles
                where = f"{method} {path} as {role}: {resp.status_code} {resp.text[:200]}"
                assert resp.headers.get("content-type", "").startswith(
                    ("application/json", "text/", "application/dns")
                ), where
                if resp.status_code >= 500:
                    problems.append("5xx " + where)
                elif admitted and (
                    resp.status_code == 401 or (resp.status_code == 403 and DENIED in resp.text)
                ):
                    problems.append("refused " + where)
                elif not admitted and role == "public" and resp.status_code != 401:
                    problems.append("public not asked for a key " + where)
                elif not admitted and role != "public" and resp.status_code != 403:
                    problems.append("not refused " + where)
    assert not problems, "\n".join(problems)


def test_bad_keys_are_refused(client: TestClient) -> None:
    for header in ("Bearer nonsense", "Bearer lck_abc_def", "Basic abc", "Bearer " + "x" * 500):
        resp = client.get("/v1/admin/keys", headers={"Authorization": header})
        assert resp.status_code == 401
        assert resp.json()["error"] == "unauthorized"


def test_revoked_key_stops_working(client: TestClient, role_keys: dict[str, str]) -> None:
    admin = {"Authorization": f"Bearer {role_keys['admin']}"}
    created = client.post("/v1/admin/keys", json={"role": "analyst"}, headers=admin)
    assert created.status_code == 201
    new_key = created.json()["key"]
    assert client.get("/v1/admin/keys", headers=admin).status_code == 200
    assert (
        client.delete(f"/v1/admin/keys/{created.json()['key_id']}", headers=admin).status_code
        == 200
    )
    resp = client.get("/v1/health", headers={"Authorization": f"Bearer {new_key}"})
    assert resp.status_code == 401
    assert "revoked" in resp.json()["detail"]


def test_keys_are_stored_hashed(app: FastAPI, role_keys: dict[str, str]) -> None:
    from sqlalchemy import select

    from lachan.store.tables_centre import ApiKey

    with app.state.db.read() as session:
        stored = session.execute(select(ApiKey.secret_hash)).scalars().all()
    for key in role_keys.values():
        assert all(key not in s and key.split("_", 2)[2] not in s for s in stored)


def test_the_last_admin_key_cannot_revoke_itself(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: the only admin key revoked itself, and nobody could manage keys any more."""
    admin = {"Authorization": f"Bearer {role_keys['admin']}"}
    own_id = role_keys["admin"].split("_")[1]
    refused = client.delete(f"/v1/admin/keys/{own_id}", headers=admin)
    assert refused.status_code == 409 and "last live admin key" in refused.json()["detail"]
    assert client.get("/v1/admin/keys", headers=admin).status_code == 200
    other = client.post("/v1/admin/keys", json={"role": "admin"}, headers=admin).json()
    assert client.delete(f"/v1/admin/keys/{own_id}", headers=admin).status_code == 200
    second = {"Authorization": f"Bearer {other['key']}"}
    assert client.delete(f"/v1/admin/keys/{other['key_id']}", headers=second).status_code == 409


def test_a_key_stops_working_when_it_expires(
    client: TestClient, role_keys: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = {"Authorization": f"Bearer {role_keys['admin']}"}
    now = datetime.now(UTC)
    past = client.post("/v1/admin/keys", headers=admin,
                       json={"role": "analyst", "expires_at": "2020-01-01T00:00:00Z"})
    assert past.status_code == 422 and "future" in past.json()["detail"]
    created = client.post("/v1/admin/keys", headers=admin, json={
        "role": "analyst", "expires_at": (now + timedelta(days=1)).isoformat()})
    assert created.status_code == 201 and created.json()["expires_at"]
    key = {"Authorization": f"Bearer {created.json()['key']}"}
    assert client.get("/v1/complaints", headers=key).status_code == 200
    monkeypatch.setattr(keys_mod, "utcnow", lambda: now + timedelta(days=2))
    expired = client.get("/v1/complaints", headers=key)
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]
    listed = client.get("/v1/admin/keys", headers=admin).json()["keys"]
    assert any(k["key_id"] == created.json()["key_id"] and k["expires_at"] for k in listed)
