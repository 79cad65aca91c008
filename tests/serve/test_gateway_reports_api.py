"""Gateway reports: scam calls after spam calls, and sources parsed as what they are."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lachan.serve.testing import bearer

SUBSCRIBER = "0901234567"


def _sms(client: TestClient, key: str, text: str, **extra) -> dict:
    resp = client.post(
        "/v1/gateway/sms",
        headers=bearer(key),
        json={"msisdn": SUBSCRIBER, "text": text, **extra},
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


def _complaint(client: TestClient, keys: dict[str, str], ref: str) -> dict:
    return client.get(f"/v1/complaints/{ref}", headers=bearer(keys["analyst"])).json()


def test_scam_call_after_spam_call_raises_the_complaint(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    gw = role_keys["gateway"]
    first = _sms(client, gw, "V 0987444444")
    assert first["outcome"] == "ok"
    assert _complaint(client, role_keys, first["ref"])["category"] == "ad"
    second = _sms(client, gw, "LD 0987444444")
    assert (second["outcome"], second["ref"]) == ("upgraded", first["ref"])
    assert "cap nhat thanh cuoc goi lua dao" in second["reply"]
    assert _complaint(client, role_keys, first["ref"])["category"] == "scam"
    info = client.get("/v1/lookup/phone/0987444444").json()
    assert info["categories"] == {"ham": 0, "ad": 0, "scam": 1}
    assert info["complaints"] == 1 and info["score"] == 3.0  # scam 2 + new reporter 1
    again = _sms(client, gw, "V 0987444444")  # scam outranks ad: stays a scam
    assert again["outcome"] == "duplicate"
    assert _complaint(client, role_keys, first["ref"])["category"] == "scam"
    assert client.get("/v1/lookup/phone/0987444444").json()["categories"]["scam"] == 1


def test_scam_call_with_words_after_spam_call_completes_the_complaint(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: 'LD <number> <what the caller said>' after 'V <number>' filed a second
    complaint instead of raising the first."""
    gw = role_keys["gateway"]
    first = _sms(client, gw, "V 0987444444")
    words = "gia danh cong an, bao nhan qua tai http://qua-tang-cong-an.top"
    second = _sms(client, gw, f"LD 0987444444 {words}")
    assert (second["outcome"], second["ref"]) == ("upgraded", first["ref"])
    full = _complaint(client, role_keys, first["ref"])
    assert (full["category"], full["count"], full["content"]) == ("scam", 2, words)
    linked = {(x["kind"], x["value"], x["role"]) for x in full["linked"]}
    assert ("domain", "qua-tang-cong-an.top", "content") in linked
    assert client.get("/v1/lookup/domain/qua-tang-cong-an.top").json()["complaints"] == 1
    info = client.get("/v1/lookup/phone/0987444444").json()
    assert (info["complaints"], info["categories"]["scam"], info["categories"]["ad"]) == (1, 1, 0)
    third = _sms(client, gw, "V 0987444444 goi lan nua")  # more words: kept too, once
    assert (third["outcome"], third["ref"]) == ("duplicate", first["ref"])
    assert _complaint(client, role_keys, first["ref"])["content"] == words + "\ngoi lan nua"
    triage = client.get("/v1/complaints", headers=bearer(role_keys["analyst"])).json()
    assert [x["ref"] for x in triage["items"]] == [first["ref"]]


def test_spam_call_after_scam_call_is_a_duplicate(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    gw = role_keys["gateway"]
    first = _sms(client, gw, "LD 0987555555")
    second = _sms(client, gw, "V 0987555555")
    assert (second["outcome"], second["ref"]) == ("duplicate", first["ref"])
    assert "da duoc ghi nhan truoc do" in second["reply"]
    assert _complaint(client, role_keys, first["ref"])["category"] == "scam"


def test_link_source_becomes_url_and_domain(client: TestClient, role_keys: dict[str, str]) -> None:
    out = _sms(client, role_keys["gateway"], "S http://evil.top/x phishing")
    assert out["outcome"] == "ok" and "http://evil.top/x" in out["reply"]
    full = _complaint(client, role_keys, out["ref"])
    assert full["source"] == {"kind": "url", "value": "http://evil.top/x"}
    linked = {(x["kind"], x["value"], x["role"]) for x in full["linked"]}
    assert ("domain", "evil.top", "reported") in linked
    assert client.get("/v1/lookup/domain/evil.top").json()["complaints"] == 1
    assert client.get("/v1/lookup/brandname/HTTP").json()["complaints"] == 0


def test_unusable_sources_are_refused_and_nothing_is_filed(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    for text in ("S ' OR 1=1--", "S 999.999.999.999 x", "S http://evil.top:99999/x mo link"):
        out = _sms(client, role_keys["gateway"], text)
        assert (out["action"], out["outcome"], out["ref"]) == ("help", "ok", None)
        assert out["reply"].startswith("So/ten/link nguoi gui khong hop le.")
        assert "S (so/ten)(noi dung)" in out["reply"]
    listed = client.get("/v1/complaints", headers=bearer(role_keys["analyst"])).json()
    assert listed["items"] == []


def test_a_short_code_and_a_link_are_filed_in_canonical_form(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    call = _sms(client, role_keys["gateway"], "V 9029")
    full = _complaint(client, role_keys, call["ref"])
    assert full["source"] == {"kind": "phone", "value": "9029"}
    link = _sms(client, role_keys["gateway"], "S evil.top/x?id=1 phishing")
    assert "evil.top/x" in link["reply"]
    full = _complaint(client, role_keys, link["ref"])
    assert full["source"] == {"kind": "url", "value": "http://evil.top/x"}
    assert full["meta"]["source_raw"] == "evil.top/x?id=1"
