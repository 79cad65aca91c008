"""Bad input anywhere gets a 4xx with a JSON error body, never a 5xx or a traceback."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lachan.serve.testing import bearer

JSON = {"Content-Type": "application/json"}


def _check(resp, status: int | tuple[int, ...]) -> dict:
    statuses = status if isinstance(status, tuple) else (status,)
    assert resp.status_code in statuses, (resp.status_code, resp.text[:300])
    body = resp.json()
    assert body["error"] and body["detail"]
    assert "Traceback" not in resp.text
    return body


@pytest.mark.parametrize(
    "raw",
    [b"{", b"[1, 2", b"null", b'"text"', b'{"reporter": }', b"", b"{}" * 3],
)
def test_malformed_json(client: TestClient, raw: bytes) -> None:
    _check(client.post("/v1/complaints", content=raw, headers=JSON), (400, 422))


def test_invalid_utf8(client: TestClient, role_keys: dict[str, str]) -> None:
    raw = b'{"reporter": "0901234567", "channel": "sms", "source": "\xff\xfe", "content": "x"}'
    _check(client.post("/v1/complaints", content=raw, headers=JSON), (400, 422))
    raw = b'{"msisdn": "0901234567", "text": "S 0987654321 \xc3\x28"}'
    _check(
        client.post(
            "/v1/gateway/sms", content=raw, headers={**JSON, **bearer(role_keys["gateway"])}
        ),
        (400, 422),
    )


@pytest.mark.parametrize(
    "body",
    [
        {"reporter": 12345, "channel": "sms", "source": "0987654321"},
        {"reporter": "0901234567", "channel": "fax", "source": "0987654321"},
        {"reporter": "0901234567", "channel": "sms", "source": ["0987654321"]},
        {"reporter": "0901234567", "channel": "sms", "source": "0987654321", "admin": True},
        {"reporter": "0901234567", "channel": "sms", "source": "0987654321", "time": "yesterday"},
        {
            "reporter": "0901234567",
            "channel": "sms",
            "source": "0987654321",
            "evidence": [
                {"filename": "x.exe", "content_type": "application/x-dosexec", "data": "TVo="}
            ],
        },
        {
            "reporter": "0901234567",
            "channel": "sms",
            "source": "0987654321",
            "evidence": [{"filename": "x.png", "content_type": "image/png", "data": "not base64!"}],
        },
    ],
)
def test_wrong_types_unknown_fields_bad_values(client: TestClient, body: dict) -> None:
    _check(client.post("/v1/complaints", json=body), 422)


def test_oversized_bodies(client: TestClient, role_keys: dict[str, str]) -> None:
    big = (
        b'{"reporter": "0901234567", "channel": "sms", "source": "x", "content": "'
        + (b"a" * (9 * 1024 * 1024))
        + b'"}'
    )
    _check(client.post("/v1/complaints", content=big, headers=JSON), 413)
    _check(
        client.post(
            "/v1/gateway/sms",
            content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
            headers={**JSON, **bearer(role_keys["gateway"])},
        ),
        413,
    )
    long_content = {
        "reporter": "0901234567",
        "channel": "sms",
        "source": "0987654321",
        "content": "x" * 200_000,
    }
    _check(client.post("/v1/complaints", json=long_content), (413, 422))


def test_oversized_body_without_content_length(client: TestClient) -> None:
    def chunks():
        for _ in range(20):
            yield b"x" * (512 * 1024)

    _check(client.post("/v1/complaints", content=chunks(), headers=JSON), 413)


@pytest.mark.parametrize(
    "path",
    [
        "/v1/lookup/phone/not-a-number",
        "/v1/lookup/domain/" + "a" * 300,
        "/v1/lookup/ip/999.999.1.1",
        "/v1/lookup/url/javascript:alert(1)",
        "/v1/lookup/planet/earth",
        "/v1/lookup/phone/%00%01",
    ],
)
def test_bad_lookups(client: TestClient, path: str) -> None:
    _check(client.get(path), (400, 404, 413, 422))


def test_bad_dnc_and_decisions(client: TestClient, role_keys: dict[str, str]) -> None:
    op = bearer(role_keys["operator"])
    _check(client.put("/v1/dnc/5656", json={"scope": "all"}, headers=op), 422)
    _check(client.put("/v1/dnc/0912345678", json={"scope": "email"}, headers=op), 422)
    _check(client.delete("/v1/dnc/0912345678?scope=everything", headers=op), 422)
    an = bearer(role_keys["analyst"])
    _check(
        client.post(
            "/v1/decisions",
            json={"kind": "phone", "value": "0912345678", "action": "appeal", "reason": "x"},
            headers=an,
        ),
        404,  # a number the registry never saw: nothing to appeal
    )
    _check(
        client.post(
            "/v1/decisions",
            json={"kind": "phone", "value": "0912345678", "action": "block", "reason": "x"},
            headers=op,
        ),
        403,
    )
    _check(client.get("/v1/feeds/blocklist?since=-1", headers=op), 422)
    _check(client.get("/v1/feeds/blocklist?format=xml", headers=op), 422)
    _check(client.get("/v1/stats?days=100000", headers=an), 422)


@pytest.mark.parametrize("path", ["/v1/complaints/%00", "/v1/admin/keys/%00",
                                  "/v1/official/orgs/%00", "/v1/complaints/a%0Ab"])
def test_a_path_with_a_control_character_is_400_on_every_database(
    client: TestClient, role_keys: dict[str, str], path: str
) -> None:
    # PostgreSQL refuses NUL in a text parameter: such a path must not reach a query
    r = client.get(path, headers=bearer(role_keys["admin"]))
    assert r.status_code == 400 and "control characters" in r.json()["detail"]
    assert client.delete(path, headers=bearer(role_keys["admin"])).status_code == 400
