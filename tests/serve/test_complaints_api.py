"""Complaints over HTTP: JSON, batch, forwarded e-mail; what lookups reveal."""

from __future__ import annotations

import base64
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from lachan.registry import complaints as reg
from lachan.serve.testing import bearer

SCAM = "Chuc mung ban trung thuong iPhone, nhan qua tai http://qua-tang-vn.top/nhan, phi 200k"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _complaint(reporter: str = "0901234567", source: str = "0987654321", **kw) -> dict:
    return {"reporter": reporter, "channel": "sms", "source": source, "content": SCAM, **kw}


def test_public_complaint_is_analysed_and_linked(client: TestClient) -> None:
    body = _complaint(
        evidence=[
            {
                "filename": "anh.png",
                "content_type": "image/png",
                "data": base64.b64encode(PNG).decode(),
            }
        ]
    )
    resp = client.post("/v1/complaints", json=body)
    assert resp.status_code == 201, resp.text
    out = resp.json()
    assert out["status"] == "created" and out["ref"].startswith("C")
    assert out["category"] in ("ham", "ad", "scam") and 0 <= out["score"] <= 1
    linked = {(x["kind"], x["value"]) for x in out["linked"]}
    assert ("phone", "0987654321") in linked


def test_analyst_downloads_evidence(client: TestClient, role_keys: dict[str, str]) -> None:
    body = _complaint(
        evidence=[
            {
                "filename": "anh chup.png",
                "content_type": "image/png",
                "data": base64.b64encode(PNG).decode(),
            }
        ]
    )
    ref = client.post("/v1/complaints", json=body).json()["ref"]
    full = client.get(f"/v1/complaints/{ref}", headers=bearer(role_keys["analyst"])).json()
    ev = full["evidence"][0]
    got = client.get(
        f"/v1/complaints/{ref}/evidence/{ev['id']}", headers=bearer(role_keys["analyst"])
    )
    assert got.status_code == 200 and got.content == PNG
    assert got.headers["content-type"] == "image/png"
    other = client.get(
        f"/v1/complaints/CNOPE/evidence/{ev['id']}", headers=bearer(role_keys["analyst"])
    )
    assert other.status_code == 404
    assert (
        client.get(
            f"/v1/complaints/{ref}/evidence/{ev['id']}", headers=bearer(role_keys["operator"])
        ).status_code
        == 403
    )


def test_public_callers_are_limited_per_address(client: TestClient, app) -> None:
    app.state.settings = app.state.settings.with_(public_rate_per_minute=3)
    codes = [client.get("/v1/lookup/phone/0987654321").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert client.get("/v1/lookup/phone/0987654321").json()["error"] == "rate_limited"


def test_lookup_never_reveals_reporters(client: TestClient) -> None:
    for i in range(4):
        assert (
            client.post("/v1/complaints", json=_complaint(reporter=f"090123456{i}")).status_code
            == 201
        )
    info = client.get("/v1/lookup/phone/+84987654321").json()
    assert info["complaints"] == 4 and info["reporters"] == 4
    text = str(info)
    assert all(f"090123456{i}" not in text for i in range(4))
    assert set(info) >= {"state", "score", "categories", "official_owner"}


def test_batch_reports_each_item(client: TestClient, role_keys: dict[str, str]) -> None:
    items = [_complaint(), _complaint(), _complaint(source="0912000000"), _complaint(source="!!!")]
    resp = client.post(
        "/v1/complaints/batch", json={"complaints": items}, headers=bearer(role_keys["gateway"])
    )
    assert resp.status_code == 200, resp.text
    results = resp.json()["results"]
    assert [r["status"] for r in results] == ["created", "duplicate", "created", "error"]
    assert results[1]["ref"] == results[0]["ref"]
    assert "!!!" in results[3]["error"]
    assert resp.json()["counts"] == {"created": 2, "duplicate": 1, "error": 1}


def test_public_reporter_is_rate_limited(client: TestClient, app) -> None:
    app.state.settings = app.state.settings.with_(rate_per_hour=2)
    codes = [
        client.post("/v1/complaints", json=_complaint(source=f"098765432{i}")).status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]


FORWARDED = (
    b"From: Nguyen Van A <citizen@example.vn>\r\n"
    b"To: spam@5656.example.vn\r\n"
    b"Subject: Fwd: Thong bao tai khoan\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThu rac, nho xu ly.\r\n"
    b"--b1\r\nContent-Type: message/rfc822\r\n\r\n"
    b"Received: from mail.scam-host.example (mail.scam-host.example [45.77.10.23])\r\n"
    b"\tby mx.example.vn with ESMTP id 1; Tue, 10 Nov 2026 08:00:00 +0700\r\n"
    b"From: Vietcombank <canhbao@vcb-baomat.top>\r\n"
    b"Reply-To: hotro@vcb-baomat.top\r\n"
    b"Return-Path: <bounce@mailer.scam-host.example>\r\n"
    b"Subject: Tai khoan cua ban bi tam khoa\r\n"
    b"Date: Tue, 10 Nov 2026 08:00:00 +0700\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Tai khoan cua ban bi khoa. Xac minh tai http://vcb-baomat.top/login ngay.\r\n"
    b"--b1--\r\n"
)


def test_forwarded_email_links_sender_addresses(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    resp = client.post(
        "/v1/complaints/email",
        content=FORWARDED,
        headers={**bearer(role_keys["gateway"]), "Content-Type": "message/rfc822"},
    )
    assert resp.status_code == 201, resp.text
    out = resp.json()
    assert out["source"] == {"kind": "email", "value": "canhbao@vcb-baomat.top"}
    linked = {(x["kind"], x["value"]) for x in out["linked"]}
    assert ("email", "hotro@vcb-baomat.top") in linked
    assert ("email", "bounce@mailer.scam-host.example") in linked
    assert ("ip", "45.77.10.23") in linked
    assert ("url", "http://vcb-baomat.top/login") in linked
    assert ("domain", "vcb-baomat.top") in linked
    full = client.get(f"/v1/complaints/{out['ref']}", headers=bearer(role_keys["analyst"])).json()
    assert full["meta"]["subject"] == "Tai khoan cua ban bi tam khoa"
    assert full["reporter"] != "citizen@example.vn" and len(full["reporter"]) == 64


def test_hostile_emails_get_4xx(client: TestClient, role_keys: dict[str, str]) -> None:
    h = {**bearer(role_keys["gateway"]), "Content-Type": "message/rfc822"}
    deep = (
        b"From: a@b.vn\r\nSubject: x\r\n"
        + b"".join(
            b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
            for i in range(60)
        )
        + b"x\r\n"
    )
    huge_header = b"From: a@b.vn\r\nX-Junk: " + b"A" * 300_000 + b"\r\n\r\nbody"
    for raw in (b"", b"\x00\x01\x02 not a mail", deep, huge_header, b"\xff\xfe" * 1000):
        resp = client.post("/v1/complaints/email", content=raw, headers=h)
        assert 400 <= resp.status_code < 500, (raw[:40], resp.status_code, resp.text[:200])
        assert "detail" in resp.json()
    big = client.post("/v1/complaints/email", content=b"x" * (3 * 1024 * 1024), headers=h)
    assert big.status_code == 413


def test_analyst_lists_complaints_for_triage(client: TestClient, role_keys: dict[str, str]) -> None:
    for i in range(5):
        body = {
            "reporter": f"090123456{i}",
            "channel": "call" if i % 2 else "sms",
            "source": f"098765432{i % 2}",
            "content": f"Vay tien nhanh {i}",
        }
        assert client.post("/v1/complaints", json=body).status_code == 201
    h = bearer(role_keys["analyst"])
    page = client.get("/v1/complaints?limit=3", headers=h).json()
    assert len(page["items"]) == 3 and page["next_before"]
    rest = client.get(f"/v1/complaints?limit=3&before={page['next_before']}", headers=h).json()
    assert len(rest["items"]) == 2 and rest["next_before"] is None
    refs = [x["ref"] for x in page["items"] + rest["items"]]
    assert len(set(refs)) == 5
    calls = client.get("/v1/complaints?channel=call", headers=h).json()["items"]
    assert {x["channel"] for x in calls} == {"call"} and len(calls) == 2
    by_source = client.get("/v1/complaints?source=%2B84987654320", headers=h).json()["items"]
    assert len(by_source) == 3
    assert all("content" not in x and "reporter" not in x for x in page["items"])


def test_a_json_body_sent_as_plain_text_is_the_wrong_media_type(client: TestClient) -> None:
    import json as _json

    body = {"reporter": "0905550001", "channel": "sms", "source": "0977000111",
            "content": "Tai khoan cua ban bi khoa"}
    r = client.post("/v1/complaints", content=_json.dumps(body),
                    headers={"content-type": "text/plain"})
    assert r.status_code == 415 and "application/json" in r.text
    bad = client.post("/v1/complaints", json={"reporter": 5})
    assert bad.status_code == 422  # a JSON body with wrong fields is still a 422


def test_evidence_sent_with_a_repeat_is_kept(client: TestClient, role_keys: dict[str, str]) -> None:
    """QA: a repeated complaint with a screenshot was acknowledged and the file dropped."""
    operator = bearer(role_keys["operator"])
    first = client.post("/v1/complaints", json=_complaint(), headers=operator).json()
    png = {"filename": "anh.png", "content_type": "image/png",
           "data": base64.b64encode(PNG).decode()}
    again = client.post("/v1/complaints", json=_complaint(evidence=[png]), headers=operator)
    assert (again.status_code, again.json()["ref"]) == (200, first["ref"]), again.text
    analyst = bearer(role_keys["analyst"])
    (ev,) = client.get(f"/v1/complaints/{first['ref']}", headers=analyst).json()["evidence"]
    got = client.get(f"/v1/complaints/{first['ref']}/evidence/{ev['id']}", headers=analyst)
    assert got.content == PNG


def test_a_repeat_whose_evidence_cannot_be_kept_is_a_409(
    client: TestClient, role_keys: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reg, "MAX_KEPT_EVIDENCE_FILES", 1)
    files = [{"filename": f"{n}.png", "content_type": "image/png",
              "data": base64.b64encode(PNG + bytes([n])).decode()} for n in range(2)]
    operator = bearer(role_keys["operator"])
    first = client.post("/v1/complaints", json=_complaint(evidence=files[:1]), headers=operator)
    assert first.status_code == 201
    refused = client.post("/v1/complaints", json=_complaint(evidence=files[1:]), headers=operator)
    assert refused.status_code == 409
    assert "at most 1 files" in refused.json()["detail"]


@pytest.mark.parametrize("role", ["public", "advertiser"])
def test_nobody_else_adds_evidence_to_a_verified_reporters_complaint(
    client: TestClient, role_keys: dict[str, str], monkeypatch: pytest.MonkeyPatch, role: str
) -> None:
    """QA: a keyless repeat of a subscriber's report put its (fake) screenshot into the
    subscriber's verified complaint, and the 409 of a full complaint told it was there."""
    monkeypatch.setattr(reg, "MAX_KEPT_EVIDENCE_FILES", 1)
    png = [{"filename": f"{n}.png", "content_type": "image/png",
            "data": base64.b64encode(PNG + bytes([n])).decode()} for n in range(2)]
    gateway = bearer(role_keys["gateway"])
    victim = client.post("/v1/complaints", json=_complaint(evidence=png[:1]), headers=gateway)
    assert victim.status_code == 201
    fake = client.post("/v1/complaints", json=_complaint(evidence=png[1:]),
                       headers=bearer(role_keys.get(role)))
    assert (fake.status_code, fake.json()["status"]) == (201, "created"), fake.text
    assert fake.json()["ref"] != victim.json()["ref"] and "evidence_added" not in fake.json()
    analyst = bearer(role_keys["analyst"])
    kept = client.get(f"/v1/complaints/{victim.json()['ref']}", headers=analyst).json()
    assert [e["filename"] for e in kept["evidence"]] == ["0.png"]
    assert (kept["count"], kept["reporter_verified"]) == (1, True)
    own = client.get(f"/v1/complaints/{fake.json()['ref']}", headers=analyst).json()
    assert [e["filename"] for e in own["evidence"]] == ["1.png"]
    assert own["reporter_verified"] is False


def _pngs(*sizes: int) -> list[dict]:
    return [{"filename": f"{i}.png", "content_type": "image/png",
             "data": base64.b64encode(PNG + b"\0" * n).decode()} for i, n in enumerate(sizes)]


def test_the_evidence_allowance_is_five_mb_in_all_and_says_so(client: TestClient) -> None:
    """QA: each file could be 5 MB (five of them) by the schema, while the body limit
    (8 MiB) and the registry (5 MB in all) refused much less, with bare byte counts."""
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    evidence = next(s["properties"]["evidence"] for s in schema.values()
                    if "evidence" in s.get("properties", {}))
    assert "5 MB in all" in evidence["description"]
    fits = client.post("/v1/complaints", json=_complaint(evidence=_pngs(*[1_000_000] * 5)))
    assert fits.status_code == 201, fits.text
    together = client.post("/v1/complaints", json=_complaint(evidence=_pngs(3_000_000, 3_000_000)))
    assert together.status_code == 413
    assert "at most 5 MB of evidence in all" in together.json()["detail"]
    body = client.post("/v1/complaints", json=_complaint(evidence=_pngs(4_500_000, 4_500_000)))
    assert body.status_code == 413
    assert "at most 5 evidence files and 5 MB of evidence in all" in body.json()["detail"]


def test_an_evidence_download_keeps_its_vietnamese_name(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: 'ảnh chụp màn hình.png' came back as 'nhchpmnhnh.png' (no RFC 5987 name)."""
    name = "ảnh chụp màn hình.png"
    ev = [{"filename": name, "content_type": "image/png", "data": base64.b64encode(PNG).decode()}]
    ref = client.post("/v1/complaints", json=_complaint(evidence=ev)).json()["ref"]
    analyst = bearer(role_keys["analyst"])
    (stored,) = client.get(f"/v1/complaints/{ref}", headers=analyst).json()["evidence"]
    got = client.get(f"/v1/complaints/{ref}/evidence/{stored['id']}", headers=analyst)
    disposition = got.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="anh_chup_man_hinh.png"; ')
    encoded = disposition.split("filename*=", 1)[1]
    assert encoded.startswith("UTF-8''") and unquote(encoded[len("UTF-8''"):]) == name
    assert disposition.isascii()
