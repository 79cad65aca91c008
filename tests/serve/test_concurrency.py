"""Concurrent writers: no lost counts, no 5xx, on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from lachan.serve.testing import bearer


def test_concurrent_complaints_about_one_new_source(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    headers = bearer(role_keys["gateway"])

    def send(i: int) -> int:
        items = [
            {
                "reporter": f"0901{i:02d}{j:04d}",
                "channel": "sms",
                "source": "0987654321",
                "content": f"Vay tien nhanh {i}-{j}",
            }
            for j in range(10)
        ]
        resp = client.post("/v1/complaints/batch", json={"complaints": items}, headers=headers)
        assert resp.status_code == 200, resp.text
        return resp.json()["counts"].get("created", 0)

    with ThreadPoolExecutor(max_workers=6) as pool:
        created = sum(pool.map(send, range(12)))
    assert created == 120
    info = client.get("/v1/lookup/phone/0987654321").json()
    assert info["complaints"] == 120 and info["reporters"] == 120
    audit = client.get("/v1/admin/audit/verify", headers=bearer(role_keys["admin"])).json()
    assert audit["ok"]


def test_concurrent_dnc_registrations(client: TestClient, role_keys: dict[str, str]) -> None:
    headers = bearer(role_keys["operator"])
    scopes = ["sms", "call", "all", "sms", "call", "all", "sms", "call"]

    def put(scope: str) -> int:
        return client.put("/v1/dnc/0912345678", json={"scope": scope}, headers=headers).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(put, scopes))
    assert all(c in (200, 409) for c in codes) and codes.count(200) >= 1
    state = client.get("/v1/dnc/0912345678", headers=headers).json()
    assert state["scope"] in ("sms", "call", "all")
