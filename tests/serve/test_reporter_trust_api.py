"""Who may put a number on the shared blocklist: only reporters a channel vouches for.

A complaint without an API key names a reporter that nobody checked; four invented
reporters must not list a number (QA report: 0912340000..0912340004 listed 0987333333).
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from lachan.serve.testing import bearer

SCAM = "Tai khoan cua ban bi khoa, xac minh tai http://vcb-xacminh.top ngay de tranh mat tien"
TARGET = "0987333333"


def _public(client: TestClient, reporter: str, key: str | None = None):
    body = {"reporter": reporter, "channel": "sms", "source": TARGET, "content": SCAM}
    return client.post("/v1/complaints", json=body, headers=bearer(key))


def _blocklist(client: TestClient, operator: str) -> set[str]:
    feed = client.get("/v1/feeds/blocklist?kind=phone", headers=bearer(operator)).json()
    return {i["value"] for i in feed["items"] if i["listed"]}


def _lookup(client: TestClient) -> dict:
    return client.get(f"/v1/lookup/phone/{TARGET}").json()


def test_self_declared_reporters_cannot_list_a_number(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    for i in range(5):
        resp = _public(client, f"091234000{i}")
        assert resp.status_code == 201 and resp.json()["category"] == "scam"
    info = _lookup(client)
    assert info["state"] == "suspected"  # raised for analysts to triage, not shared
    assert (info["reporters"], info["verified_reporters"]) == (5, 0)
    assert TARGET not in _blocklist(client, role_keys["operator"])
    ref = _public(client, "0912340009").json()["ref"]
    full = client.get(f"/v1/complaints/{ref}", headers=bearer(role_keys["analyst"])).json()
    assert full["reporter_verified"] is False and full["via"] == "web"
    triage = client.get("/v1/complaints", headers=bearer(role_keys["analyst"])).json()["items"]
    assert len(triage) == 6 and not any(x["reporter_verified"] for x in triage)


def test_reporters_pushed_with_a_key_count(client: TestClient, role_keys: dict[str, str]) -> None:
    for i in range(3):
        assert _public(client, f"091234000{i}", role_keys["operator"]).status_code == 201
    assert _lookup(client)["state"] == "suspected"  # 9 points: under the listing score
    ref = _public(client, "0912340003", role_keys["operator"]).json()["ref"]
    info = _lookup(client)
    assert info["state"] == "listed" and info["verified_reporters"] == 4
    assert TARGET in _blocklist(client, role_keys["operator"])
    full = client.get(f"/v1/complaints/{ref}", headers=bearer(role_keys["analyst"])).json()
    assert full["reporter_verified"] is True


def _gateway(client: TestClient, key: str, msisdn: str, text: str) -> dict:
    body = {"msisdn": msisdn, "text": text}
    resp = client.post("/v1/gateway/sms", headers=bearer(key), json=body)
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_gateway_subscribers_are_verified_and_public_ones_only_add_score(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    for i in range(4):
        assert _public(client, f"091234000{i}").status_code == 201
    for i in range(5, 8):
        out = _gateway(client, role_keys["gateway"], f"091234000{i}", f"S {TARGET} {SCAM}")
        assert out["outcome"] == "ok"
        assert _lookup(client)["state"] == ("listed" if i == 7 else "suspected")
    info = _lookup(client)
    assert (info["reporters"], info["verified_reporters"]) == (7, 3)
    assert TARGET in _blocklist(client, role_keys["operator"])


def test_a_web_reporter_who_then_uses_the_gateway_becomes_verified(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """The same report through the SMS gateway is a verified complaint of its own (the
    web one, which anyone could have typed, is left as it was) and its reporter then
    counts toward listing."""
    refs = [_public(client, f"091234000{i}").json()["ref"] for i in range(4)]
    for i in range(3):
        out = _gateway(client, role_keys["gateway"], f"091234000{i}", f"S {TARGET} {SCAM}")
        assert out["outcome"] == "ok" and out["ref"] != refs[i]
    info = _lookup(client)
    assert info["state"] == "listed" and info["verified_reporters"] == 3
    assert (info["reporters"], info["complaints"]) == (4, 7)
    full = client.get(f"/v1/complaints/{refs[0]}", headers=bearer(role_keys["analyst"])).json()
    assert full["reporter_verified"] is False and full["count"] == 1


def test_batch_reporters_are_verified(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    items = [
        {"reporter": f"091234000{i}", "channel": "sms", "source": TARGET, "content": SCAM}
        for i in range(4)
    ]
    resp = client.post(
        "/v1/complaints/batch", json={"complaints": items}, headers=bearer(role_keys["operator"])
    )
    assert resp.json()["counts"] == {"created": 4}
    assert _lookup(client)["state"] == "listed"
