"""Which keys vouch for a complaint's reporter, whose repeats are folded, and how long a
rate-limited client must wait.

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


def _lookup(client: TestClient, number: str = TARGET) -> dict:
    return client.get(f"/v1/lookup/phone/{number}").json()


def _full(client: TestClient, analyst: str, ref: str) -> dict:
    return client.get(f"/v1/complaints/{ref}", headers=bearer(analyst)).json()


def test_another_key_that_vouches_files_a_complaint_of_its_own(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """Two keys that vouch for the same reporter are two filers: neither learns the
    other's reference, and each complaint is counted."""
    first = _complain(client, "0905550001", role_keys["gateway"])
    assert first.status_code == 201
    other = _complain(client, "0905550001", role_keys["operator"])
    assert (other.status_code, other.json()["status"]) == (201, "created")
    assert other.json()["ref"] != first.json()["ref"]
    assert _lookup(client)["complaints"] == 2


@pytest.mark.parametrize("role", ["public", "advertiser", "operator"])
def test_a_repeat_from_anyone_else_is_a_complaint_of_its_own(
    client: TestClient, role_keys: dict[str, str], role: str
) -> None:
    """QA: typing someone's number and message folded into their complaint: it was not
    counted (the public look-up did not move) and skipped the reporter's quota."""
    victim = _complain(client, "0905550001", role_keys["gateway"]).json()
    again = _complain(client, "0905550001", role_keys.get(role))
    assert (again.status_code, again.json()["status"]) == (201, "created")
    assert again.json()["ref"] != victim["ref"]
    assert _lookup(client)["complaints"] == 2
    analyst = role_keys["analyst"]
    assert _full(client, analyst, victim["ref"])["count"] == 1
    mine = _full(client, analyst, again.json()["ref"])
    assert (mine["ref"], mine["count"]) == (again.json()["ref"], 1)
    assert mine["reporter_verified"] is (role == "operator")


def test_a_keyless_call_report_learns_nothing_of_a_gateway_complaint(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: a keyless empty call report with a subscriber's number was folded into their
    V + LD complaint and answered with its category, findings and links (from the
    subscriber's words)."""
    words = ("goi noi la cong an, bao chuyen tien vao tai khoan 0123456789 Vietcombank "
             "va vao http://dichvucong-gov.top")
    for text in (f"V {TARGET}", f"LD {TARGET} {words}"):
        body = {"msisdn": "0905550001", "text": text}
        sent = client.post("/v1/gateway/sms", json=body, headers=bearer(role_keys["gateway"]))
        assert sent.status_code == 200, sent.text
    victim_ref = sent.json()["ref"]
    analyst = role_keys["analyst"]
    assert _full(client, analyst, victim_ref)["count"] == 2  # V and LD: one call
    body = {"reporter": "0905550001", "channel": "call", "source": TARGET, "content": ""}
    guess = client.post("/v1/complaints", json=body)
    assert (guess.status_code, guess.json()["status"]) == (201, "created")
    assert guess.json()["ref"] != victim_ref
    assert guess.json()["category"] == "ad"  # a call report with no words
    victims_findings = {"MONEY_TRANSFER_REQUEST", "BANK_ACCOUNT", "URL_PRESENT"}
    assert not victims_findings & set(guess.json()["symbols"])
    assert guess.json()["linked"] == [{"kind": "phone", "value": TARGET, "role": "reported"}]
    assert _lookup(client)["complaints"] == 2
    assert _full(client, analyst, victim_ref)["count"] == 2
    assert _full(client, analyst, guess.json()["ref"])["content"] == ""


def test_repeats_from_anyone_else_use_up_the_quota(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: after a burst of junk, the right guess of a subscriber's report got 201 (a
    repeat skipped the quota) and a wrong one 429."""
    app.state.settings = app.state.settings.with_(rate_per_hour=3, public_rate_per_minute=100)
    assert _complain(client, "0905550001", role_keys["gateway"]).status_code == 201
    for i in range(3):
        junk = _complain(client, "0905550001", source=f"09770001{i:02d}", content=f"junk {i}")
        assert junk.status_code == 201
    assert _complain(client, "0905550001").status_code == 429
    assert _complain(client, "0905550001", content="other").status_code == 429


def test_a_keyless_repeat_is_never_folded(client: TestClient, role_keys: dict[str, str]) -> None:
    """Keyless callers cannot be told apart: each of their complaints is its own."""
    first = _complain(client, "0905550001").json()
    again = _complain(client, "0905550001")
    assert (again.status_code, again.json()["status"]) == (201, "created")
    assert again.json()["ref"] != first["ref"]
    assert _full(client, role_keys["analyst"], first["ref"])["count"] == 1


@pytest.mark.parametrize("role", ["analyst", "operator"])
def test_a_key_is_told_the_reference_of_its_own_complaint(
    client: TestClient, role_keys: dict[str, str], role: str
) -> None:
    """A retry by the same key is idempotent: folded, counted once, its reference told."""
    first = _complain(client, "0905550002", role_keys[role]).json()
    again = _complain(client, "0905550002", role_keys[role])
    assert (again.status_code, again.json()["status"]) == (200, "duplicate")
    assert again.json()["ref"] == first["ref"]
    assert _full(client, role_keys["analyst"], first["ref"])["count"] == 2
    assert _lookup(client)["complaints"] == 1
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
