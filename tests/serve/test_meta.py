"""Health, the offline docs page, and the JSON error shape."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_health(client: TestClient) -> None:
    resp = client.get("/v1/health")
    assert resp.status_code == 200
    assert resp.json()["status"] == "ok"


def test_docs_page_lists_operations_without_cdn(client: TestClient) -> None:
    resp = client.get("/docs")
    assert resp.status_code == 200
    assert "/v1/health" in resp.text
    assert "cdn" not in resp.text.lower() and "https://" not in resp.text
    spec = client.get("/openapi.json").json()
    assert spec["paths"]["/v1/admin/keys"]["post"]["x-roles"] == ["admin"]


def test_unknown_path_is_json_404(client: TestClient) -> None:
    resp = client.get("/v1/nothing-here")
    assert resp.status_code == 404
    assert resp.json()["error"] == "not_found"
