"""The 5656 SMS gateway: every syntax gets its reply, and the centre acts on it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lachan.serve.testing import bearer
from lachan.store.testing import raw_values

SUBSCRIBER = "0901234567"


def _sms(client: TestClient, key: str, text: str, msisdn: str = SUBSCRIBER, **extra):
    resp = client.post(
        "/v1/gateway/sms",
        headers=bearer(key),
        json={"msisdn": msisdn, "shortcode": "5656", "text": text, **extra},
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["reply"].isascii() and len(body["reply"]) <= 160
    return body


@pytest.mark.parametrize(
    ("text", "action", "source"),
    [
        (
            "S 0987654321 Ban da trung thuong 50 trieu, nhan tai http://qua-tang.top",
            "report_sms",
            "0987654321",
        ),
        ("s (0987654321)(Vay tien nhanh lai suat 0%)", "report_sms", "0987654321"),
        ("V 0912 345 678", "report_call", "0912345678"),
        ("LD (0923456789)(gia danh cong an yeu cau chuyen tien)", "report_scam_call", "0923456789"),
        ("FW Tai khoan cua ban bi khoa, goi 0934567890", "forward", None),
    ],
)
def test_reports_are_recorded_with_a_reference(
    client: TestClient, role_keys: dict[str, str], text: str, action: str, source: str | None
) -> None:
    body = _sms(client, role_keys["gateway"], text)
    assert body["action"] == action and body["outcome"] == "ok"
    assert body["ref"] and body["ref"] in body["reply"]
    if source:
        assert source in body["reply"]
        info = client.get(f"/v1/lookup/phone/{source}").json()
        assert info["complaints"] == 1
    full = client.get(f"/v1/complaints/{body['ref']}", headers=bearer(role_keys["analyst"]))
    assert full.status_code == 200 and full.json()["via"] == "gateway"
    if action == "report_scam_call":
        assert full.json()["category"] == "scam"


def test_repeated_report_is_a_duplicate(client: TestClient, role_keys: dict[str, str]) -> None:
    first = _sms(client, role_keys["gateway"], "S 0987654321 Vay tien nhanh")
    again = _sms(client, role_keys["gateway"], "S 0987654321 Vay tien nhanh")
    assert again["outcome"] == "duplicate" and again["ref"] == first["ref"]
    assert "truoc do" in again["reply"]


def test_dnc_commands_keep_the_register(client: TestClient, role_keys: dict[str, str]) -> None:
    key = role_keys["gateway"]
    assert _sms(client, key, "DK DNC")["scope"] == "all"
    assert _sms(client, key, "dk dnc")["outcome"] == "already"
    assert _sms(client, key, "Hủy DNC S")["outcome"] == "ok"
    state = client.get(f"/v1/dnc/{SUBSCRIBER}", headers=bearer(role_keys["advertiser"])).json()
    assert state["scope"] == "call" and not state["sms_blocked"] and state["call_blocked"]
    assert "history" not in state  # when a subscriber opted in or out is not an advertiser's
    state = client.get(f"/v1/dnc/{SUBSCRIBER}", headers=bearer(role_keys["operator"])).json()
    assert [h["action"] for h in state["history"]] == ["register", "unregister"]
    assert _sms(client, key, "HUY DNC V")["outcome"] == "ok"
    assert _sms(client, key, "HUY DNC")["outcome"] == "already"
    assert (
        client.get(f"/v1/dnc/{SUBSCRIBER}", headers=bearer(role_keys["advertiser"])).json()["scope"]
        is None
    )


def test_the_register_keeps_no_subscriber_number_in_clear(
    app, client: TestClient, role_keys: dict[str, str]
) -> None:
    _sms(client, role_keys["gateway"], "DK DNC S", msisdn="+84912345678")
    put = client.put("/v1/dnc/84987654321", headers=bearer(role_keys["operator"]),
                     json={"scope": "call"})
    assert put.status_code == 200 and put.json()["number"] == "0987654321"
    for table, values in raw_values(app.state.db.url, "dnc", "dnc_history").items():
        for value in values:
            assert "912345678" not in value and "987654321" not in value, (table, value)
    state = client.get("/v1/dnc/0912 345 678", headers=bearer(role_keys["analyst"])).json()
    assert state["number"] == "0912345678" and state["sms_blocked"]
    assert [(h["action"], h["via"]) for h in state["history"]] == [("register", "gateway")]
    state = client.get("/v1/dnc/+84987654321", headers=bearer(role_keys["advertiser"])).json()
    assert state["scope"] == "call" and state["call_blocked"] and not state["sms_blocked"]


@pytest.mark.parametrize("text", ["xin chao", "", "S", "DNC DK ??"])
def test_unknown_commands_get_help(
    client: TestClient, role_keys: dict[str, str], text: str
) -> None:
    body = _sms(client, role_keys["gateway"], text)
    assert body["action"] == "help" and "5656" in body["reply"]


def test_bad_gateway_requests(client: TestClient, role_keys: dict[str, str]) -> None:
    h = bearer(role_keys["gateway"])
    bad_number = client.post("/v1/gateway/sms", headers=h, json={"msisdn": "abc", "text": "DK DNC"})
    assert bad_number.status_code == 422 and "number" in bad_number.json()["detail"]
    too_long = client.post(
        "/v1/gateway/sms", headers=h, json={"msisdn": SUBSCRIBER, "text": "S " + "x" * 2000}
    )
    assert too_long.status_code == 422
    extra = client.post(
        "/v1/gateway/sms", headers=h, json={"msisdn": SUBSCRIBER, "text": "DK DNC", "admin": True}
    )
    assert extra.status_code == 422
