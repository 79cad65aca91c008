"""The per-address limit: one budget per client address, spent by keyless requests and
by complaints whose key vouches for nobody, never by a keyed look-up."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.serve.testing import bearer

LOOKUP = "/v1/lookup/phone/0987654321"


def _complain(client: TestClient, key: str | None) -> int:
    body = {"reporter": "0905550001", "channel": "sms", "source": "0977000111",
            "content": "Tai khoan cua ban bi khoa, xac minh tai http://vcb-xacminh.top"}
    return client.post("/v1/complaints", json=body, headers=bearer(key)).status_code


def test_a_keyed_lookup_is_not_limited_by_address(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    app.state.settings = app.state.settings.with_(public_rate_per_minute=1)
    assert client.get(LOOKUP).status_code == 200
    assert client.get(LOOKUP).status_code == 429
    keyed = [client.get(LOOKUP, headers=bearer(role_keys["analyst"])) for _ in range(3)]
    assert [r.status_code for r in keyed] == [200, 200, 200]


def test_an_unvouched_complaint_spends_the_same_budget_as_a_keyless_lookup(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    app.state.settings = app.state.settings.with_(public_rate_per_minute=2)
    assert client.get(LOOKUP).status_code == 200
    assert _complain(client, role_keys["advertiser"]) == 201
    refused = client.get(LOOKUP)
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
    assert _complain(client, role_keys["advertiser"]) == 429
    # a vouching key: no address limit (201: its own complaint, not folded into the
    # advertiser key's one)
    assert _complain(client, role_keys["gateway"]) == 201


def test_workers_share_the_limit_so_together_they_never_pass_it() -> None:
    from lachan.serve.deps import AddressLimiter

    workers = [AddressLimiter(workers=3) for _ in range(3)]  # one per process
    allowed = sum(w.allow("10.0.0.7", 30) for w in workers for _ in range(30))
    assert allowed == 30  # each lets its share (10) through, not 30
    alone = AddressLimiter()
    assert sum(alone.allow("10.0.0.8", 30) for _ in range(40)) == 30

