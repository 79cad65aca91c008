"""Complaint inputs: out-of-range and implausible times, per-item batch errors, the
e-mail route's reporter, NUL characters (run on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from lachan.serve.testing import bearer

SCAM = "Chuc mung ban trung thuong iPhone, nhan qua tai http://qua-tang-vn.top/nhan, phi 200k"
OUT_OF_RANGE = [
    ("9999-12-31T23:59:59-14:00", "in the future"),
    ("0001-01-01T00:00:00+14:00", "before 2000"),
]


def _gateway(client: TestClient, key: str, **body):
    payload = {"msisdn": "0901234567", "text": "S 0987654321 vay tien nhanh", **body}
    return client.post("/v1/gateway/sms", headers=bearer(key), json=payload)


def _iso(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).isoformat()


@pytest.mark.parametrize(("when", "why"), OUT_OF_RANGE)
def test_gateway_out_of_range_time_is_a_422(
    client: TestClient, role_keys: dict[str, str], when: str, why: str
) -> None:
    resp = _gateway(client, role_keys["gateway"], received_at=when)
    assert resp.status_code == 422, resp.text
    assert resp.json()["detail"][0]["loc"] == ["body", "received_at"]
    assert why in resp.text


@pytest.mark.parametrize(
    ("when", "why"),
    [(_iso(timedelta(hours=1)), "in the future"), ("1999-12-31T23:00:00Z", "before 2000")],
)
def test_gateway_implausible_time_is_refused(
    client: TestClient, role_keys: dict[str, str], when: str, why: str
) -> None:
    resp = _gateway(client, role_keys["gateway"], received_at=when)
    assert resp.status_code == 422 and why in resp.text


def test_gateway_accepts_a_little_clock_skew(client: TestClient, role_keys: dict[str, str]) -> None:
    resp = _gateway(client, role_keys["gateway"], received_at=_iso(timedelta(minutes=2)))
    assert resp.status_code == 200 and resp.json()["outcome"] == "ok"


def test_complaint_time_an_hour_ahead_is_refused(client: TestClient) -> None:
    body = {"reporter": "0901234567", "channel": "sms", "source": "0987654321",
            "time": _iso(timedelta(hours=1))}
    resp = client.post("/v1/complaints", json=body)
    assert resp.status_code == 422 and "in the future" in resp.text


def _mail(date: str) -> bytes:
    return (
        b"From: Shop <km@shop-khuyenmai.top>\r\nTo: me@example.vn\r\nSubject: Khuyen mai\r\n"
        b"Date: " + date.encode() + b"\r\n\r\nGiam gia 90% tai http://shop-khuyenmai.top\r\n"
    )


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("Fri, 31 Dec 9999 23:59:59 -1200", "in the future"),
        ("Mon, 1 Jan 1990 08:00:00 +0700", "before 2000"),
    ],
)
def test_email_with_implausible_date_uses_the_receive_time_and_says_so(
    client: TestClient, role_keys: dict[str, str], date: str, why: str
) -> None:
    resp = client.post(
        "/v1/complaints/email?reporter=0901234567",
        content=_mail(date),
        headers={**bearer(role_keys["operator"]), "Content-Type": "message/rfc822"},
    )
    assert resp.status_code == 201, resp.text
    note = resp.json()["notes"][0]
    assert why in note and "received" in note
    full = client.get(
        f"/v1/complaints/{resp.json()['ref']}", headers=bearer(role_keys["analyst"])
    ).json()
    assert full["reported_at"] is None and full["meta"]["date_note"] == note


def test_email_with_plausible_date_keeps_it(client: TestClient, role_keys: dict[str, str]) -> None:
    resp = client.post(
        "/v1/complaints/email?reporter=0901234567",
        content=_mail("Tue, 10 Nov 2026 08:00:00 +0700"),
        headers={**bearer(role_keys["operator"]), "Content-Type": "message/rfc822"},
    )
    assert resp.status_code == 201 and "notes" not in resp.json()
    full = client.get(
        f"/v1/complaints/{resp.json()['ref']}", headers=bearer(role_keys["analyst"])
    ).json()
    assert full["reported_at"] == "2026-11-10T01:00:00.000000Z"


@pytest.mark.parametrize("reporter", ["abc", "%00%01", "0912", "a@b"])
def test_email_reporter_is_validated_like_json_complaints(
    client: TestClient, role_keys: dict[str, str], reporter: str
) -> None:
    resp = client.post(
        f"/v1/complaints/email?reporter={reporter}",
        content=_mail("Tue, 10 Nov 2026 08:00:00 +0700"),
        headers={**bearer(role_keys["operator"]), "Content-Type": "message/rfc822"},
    )
    assert resp.status_code == 422, resp.text
    assert "reporter" in resp.json()["detail"]
    json_resp = client.post(
        "/v1/complaints",
        json={"reporter": "abc", "channel": "email", "source": "km@shop-khuyenmai.top"},
    )
    assert json_resp.status_code == 422


def test_email_forwarder_that_is_no_address_needs_a_reporter(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    raw = b"From: not an address\r\nSubject: Fwd\r\n\r\nGiam gia 90% http://x-shop.top\r\n"
    resp = client.post(
        "/v1/complaints/email",
        content=raw,
        headers={**bearer(role_keys["operator"]), "Content-Type": "message/rfc822"},
    )
    assert resp.status_code == 422 and "reporter" in resp.json()["detail"]


def test_batch_keeps_valid_items_and_names_each_bad_one(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    good = {"reporter": "0901234567", "channel": "sms", "source": "0987654321",
            "content": SCAM}
    items = [
        {**good, "reporter": "x"},
        good,
        42,
        {**good, "source": "0987000000", "channel": "fax"},
        {**good, "source": "0912000000"},
    ]
    resp = client.post(
        "/v1/complaints/batch", json={"complaints": items}, headers=bearer(role_keys["operator"])
    )
    assert resp.status_code == 200, resp.text
    results = resp.json()["results"]
    assert [r["index"] for r in results] == [0, 1, 2, 3, 4]
    assert [r["status"] for r in results] == ["error", "created", "error", "error", "created"]
    assert results[0]["error"].startswith("reporter:")
    assert "channel" in results[3]["error"]
    assert resp.json()["counts"] == {"error": 3, "created": 2}
    listed = client.get("/v1/complaints", headers=bearer(role_keys["analyst"])).json()["items"]
    assert {x["ref"] for x in listed} == {results[1]["ref"], results[4]["ref"]}


@pytest.mark.parametrize("body", [{"complaints": []}, {"complaints": "x"}, {"other": []}])
def test_batch_shape_errors_are_still_a_422(
    client: TestClient, role_keys: dict[str, str], body: dict
) -> None:
    resp = client.post("/v1/complaints/batch", json=body, headers=bearer(role_keys["operator"]))
    assert resp.status_code == 422


def test_nul_in_complaint_text_is_stripped_and_in_identifiers_refused(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    body = {"reporter": "0901234567", "channel": "sms", "source": "0987654321",
            "content": "Vay\u0000 tien\u0000 nhanh"}
    resp = client.post("/v1/complaints", json=body)
    assert resp.status_code == 201, resp.text
    full = client.get(f"/v1/complaints/{resp.json()['ref']}", headers=bearer(role_keys["analyst"]))
    assert full.json()["content"] == "Vay tien nhanh"
    for field in ("reporter", "source"):
        bad = client.post("/v1/complaints", json={**body, field: body[field] + "\u0000"})
        assert bad.status_code == 422 and "control characters" in bad.text
    batch = client.post(
        "/v1/complaints/batch",
        json={"complaints": [{**body, "reporter": "0901234567\u0000"}, body]},
        headers=bearer(role_keys["operator"]),
    )
    assert [r["status"] for r in batch.json()["results"]] == ["error", "created"]


def test_nul_through_the_gateway_and_email(client: TestClient, role_keys: dict[str, str]) -> None:
    out = _gateway(client, role_keys["gateway"], text="S 0987654321 vay\u0000 tien")
    assert out.status_code == 200 and out.json()["outcome"] == "ok"
    full = client.get(f"/v1/complaints/{out.json()['ref']}", headers=bearer(role_keys["analyst"]))
    assert "\u0000" not in full.json()["content"]
    for field in ("msisdn", "telco"):
        bad = _gateway(client, role_keys["gateway"], **{field: "0901234567\u0000"})
        assert bad.status_code == 422, bad.text
    raw = _mail("Tue, 10 Nov 2026 08:00:00 +0700").replace(b"Giam gia", b"Giam\x00 gia")
    resp = client.post(
        "/v1/complaints/email?reporter=0901234567",
        content=raw,
        headers={**bearer(role_keys["operator"]), "Content-Type": "message/rfc822"},
    )
    assert resp.status_code == 201, resp.text
    full = client.get(f"/v1/complaints/{resp.json()['ref']}", headers=bearer(role_keys["analyst"]))
    assert "\u0000" not in full.json()["content"]
