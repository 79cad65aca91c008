"""Which keys vouch for a complaint's reporter, who is told a duplicate's reference, and
how long a rate-limited client must wait.

QA: with an advertiser key, three complaints about 0977000111 that changed only the
reporter made three verified reporters (and a fourth listed a competitor's number); a
repeated complaint told its reference to anyone; 429 answers carried no Retry-After.
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.serve.testing import bearer

TARGET = "0977000111"
CONTENT = "Tai khoan cua ban bi khoa, xac minh tai http://vcb-xacminh.top ngay de tranh mat tien"


def _complain(client: TestClient, reporter: str, key: str | None = None, **extra: str):
    body = {"reporter": reporter, "channel": "sms", "source": TARGET, "content": CONTENT}
    return client.post("/v1/complaints", json={**body, **extra}, headers=bearer(key))


def _blocklist(client: TestClient, operator: str) -> set[str]:
    feed = client.get("/v1/feeds/blocklist?kind=phone", headers=bearer(operator)).json()
    return {i["value"] for i in feed["items"] if i["listed"]}


@pytest.mark.parametrize("role", ["advertiser", "analyst"])
def test_keys_that_vouch_for_nobody_file_unverified_complaints(
    client: TestClient, role_keys: dict[str, str], role: str
) -> None:
    for i in range(5):
        resp = _complain(client, f"090555000{i}", role_keys[role])
        assert resp.status_code == 201, resp.text
    info = client.get(f"/v1/lookup/phone/{TARGET}").json()
    assert (info["reporters"], info["verified_reporters"]) == (5, 0)
    assert info["state"] == "suspected"
    assert TARGET not in _blocklist(client, role_keys["operator"])
    triage = client.get("/v1/complaints", headers=bearer(role_keys["analyst"])).json()["items"]
    assert len(triage) == 5 and not any(x["reporter_verified"] for x in triage)


def test_gateway_and_operator_keys_vouch(client: TestClient, role_keys: dict[str, str]) -> None:
    for i, role in enumerate(("gateway", "operator", "gateway", "operator")):
        assert _complain(client, f"090555000{i}", role_keys[role]).status_code == 201
    info = client.get(f"/v1/lookup/phone/{TARGET}").json()
    assert info["verified_reporters"] == 4 and info["state"] == "listed"


def test_unvouched_keys_share_the_public_address_limit(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    app.state.settings = app.state.settings.with_(public_rate_per_minute=2)
    codes = [_complain(client, f"090555000{i}", role_keys["advertiser"]) for i in range(3)]
    assert [r.status_code for r in codes] == [201, 201, 429]
    assert codes[2].headers["retry-after"] == "60"
    assert _complain(client, "0905550009", role_keys["operator"]).status_code == 201


def test_the_route_documents_which_roles_vouch(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/v1/complaints"]["post"]
    assert op["x-vouching-roles"] == ["admin", "gateway", "operator"]
    assert "vouch" in op["description"]


def test_a_duplicate_tells_its_reference_only_to_its_filer(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    first = _complain(client, "0905550001")
    assert first.status_code == 201 and first.json()["status"] == "created"
    ref = first.json()["ref"]
    # an operator vouches that its subscriber is this reporter: their own complaint
    vouched = _complain(client, "0905550001", role_keys["operator"])
    assert vouched.status_code == 200
    assert (vouched.json()["status"], vouched.json()["ref"]) == ("duplicate", ref)


@pytest.mark.parametrize("role", ["public", "advertiser"])
def test_a_repeat_from_anyone_else_reads_as_a_new_complaint(
    client: TestClient, role_keys: dict[str, str], role: str
) -> None:
    """QA: without a key, a 'duplicate' answer told that this number had already filed
    this very report."""
    new = _complain(client, "0905550001")  # the subscriber, on the public form
    again = _complain(client, "0905550001", role_keys.get(role))  # anyone can type this
    assert again.status_code == new.status_code == 201
    strip = {"ref"}
    assert {k: v for k, v in again.json().items() if k not in strip} == {
        k: v for k, v in new.json().items() if k not in strip
    }
    assert again.json()["ref"] not in (None, new.json()["ref"])
    analyst = bearer(role_keys["analyst"])
    full = client.get(f"/v1/complaints/{again.json()['ref']}", headers=analyst).json()
    assert (full["ref"], full["count"]) == (new.json()["ref"], 2)  # still folded, once


def test_a_key_is_told_the_reference_of_its_own_complaint(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    analyst = role_keys["analyst"]
    first = _complain(client, "0905550002", analyst).json()
    again = _complain(client, "0905550002", analyst)
    assert (again.status_code, again.json()["ref"]) == (200, first["ref"])
    assert _complain(client, "0905550002").json()["ref"] != first["ref"]


def test_a_rate_limited_reporter_is_told_when_to_retry(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    app.state.settings = app.state.settings.with_(rate_per_hour=2)
    gw = role_keys["gateway"]
    for i in range(2):
        assert _complain(client, "0905550003", gw, source=f"097700011{i}").status_code == 201
    refused = _complain(client, "0905550003", gw, source="0977000119")
    assert refused.status_code == 429 and refused.json()["error"] == "rate_limited"
    assert 3500 <= int(refused.headers["retry-after"]) <= 3600
    items = [
        {"reporter": "0905550003", "channel": "sms", "source": "0977000118", "content": "x"},
    ]
    batch = client.post("/v1/complaints/batch", json={"complaints": items}, headers=bearer(gw))
    (result,) = batch.json()["results"]
    assert result["status"] == "rate_limited" and 3500 <= result["retry_after"] <= 3600


def test_the_public_address_limit_says_when_to_retry(app: FastAPI, client: TestClient) -> None:
    app.state.settings = app.state.settings.with_(public_rate_per_minute=1)
    assert _complain(client, "0905550001").status_code in (200, 201)
    refused = _complain(client, "0905550002")  # the public complaint route, keyless
    assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
