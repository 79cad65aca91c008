"""GET /v1/verify, the admin API of the official-channel registry, and its feeds."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.registry import official, sources
from lachan.serve.testing import bearer


def test_verify_official_channels(client: TestClient) -> None:
    r = client.get("/v1/verify", params={"domain": "www.vietcombank.com.vn"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["verdict"] == "official" and d["organisation"]["id"] == "vietcombank"
    assert client.get("/v1/verify", params={"phone": "1900 54 54 13"}).json()["verdict"] == (
        "official"
    )
    assert client.get("/v1/verify", params={"brandname": "viettelpost"}).json()[
        "organisation"]["id"] == "viettelpost"
    assert client.get("/v1/verify", params={"email": "cskh@vnpost.vn"}).json()["verdict"] == (
        "official"
    )
    assert client.get("/v1/verify", params={"url": "https://shopee.vn/m/sale"}).json()[
        "verdict"] == "official"


def test_verify_a_redirect_answers_for_where_it_leads(client: TestClient) -> None:
    d = client.get("/v1/verify", params={
        "url": "https://www.google.com/url?q=https://vietcombank-vn.top/dang-nhap"}).json()
    assert d["verdict"] == "imitates" and d["organisation"]["id"] == "vietcombank"
    assert d["via"] == "www.google.com" and d["kind"] == "url"
    d = client.get("/v1/verify", params={"url": "https://google.com/search?q=shopee.vn"}).json()
    assert d["verdict"] == "official" and d["organisation"]["id"] == "shopee"
    plain = client.get("/v1/verify", params={"url": "https://www.google.com/search?q=ha+noi"})
    assert plain.json()["organisation"]["id"] == "google"
    assert "via" not in plain.json()


def test_verify_imitation_names_the_brand(client: TestClient) -> None:
    d = client.get("/v1/verify", params={"url": "https://vietcombank-vn.top/dang-nhap"}).json()
    assert d["verdict"] == "imitates" and d["organisation"]["id"] == "vietcombank"
    assert d["analysis"]["label"] == "phishing"
    d = client.get("/v1/verify", params={"brandname": "VIETC0MBANK"}).json()
    assert d["verdict"] == "imitates" and d["organisation"]["id"] == "vietcombank"


@pytest.mark.parametrize("url", [
    "https://evil.tk\\@vietcombank.com.vn",  # a browser reads the backslash as "/"
    "https://evil.tk\\@vietcombank.com.vn/login",
])
def test_verify_a_backslash_link_is_answered_for_the_host_a_browser_opens(
    client: TestClient, url: str
) -> None:
    d = client.get("/v1/verify", params={"url": url}).json()
    assert d["verdict"] != "official"
    assert d["value"].startswith("https://evil.tk/")


def test_verify_a_bank_named_before_an_at_sign_is_an_imitation(client: TestClient) -> None:
    d = client.get("/v1/verify", params={
        "url": "https://vietcombank.com.vn@quangcao-abc.com/login"}).json()
    assert d["verdict"] == "imitates" and d["organisation"]["id"] == "vietcombank"
    assert "quangcao-abc.com" in d["note"]
    plain = client.get("/v1/verify", params={"url": "https://user@quangcao-abc.com/"}).json()
    assert plain["verdict"] == "unknown"


@pytest.mark.parametrize("email", ["someone@gmail.com", "x@outlook.com", "x@hotmail.com",
                                   "x@icloud.com"])
def test_verify_a_free_mail_address_is_nobodys_official_channel(
    client: TestClient, email: str
) -> None:
    d = client.get("/v1/verify", params={"email": email}).json()
    assert d["verdict"] == "unknown" and "free mail" in d["user_content"]


def test_verify_a_free_mailbox_named_after_a_bank_imitates_it(client: TestClient) -> None:
    d = client.get("/v1/verify", params={"email": "hotro.vietcombank.cskh@gmail.com"}).json()
    assert d["verdict"] == "imitates" and d["organisation"]["id"] == "vietcombank"
    assert client.get("/v1/verify", params={"email": "cskh@vietcombank.com.vn"}).json()[
        "verdict"] == "official"


@pytest.mark.parametrize("url", [
    "https://bad.example.org/path", "http://bad.example.org/path", "bad.example.org/path",
    "https://bad.example.org/path/", "https://bad.example.org/./path",
    "https://bad.example.org//path", "https://bad.example.org/x/../path?utm=1",
])
def test_a_blocked_link_is_reported_however_it_is_written(
    app: FastAPI, client: TestClient, url: str
) -> None:
    from lachan.registry import decisions

    with app.state.db.transaction() as session:
        decisions.decide(session, "url", "https://bad.example.org/path", "block",
                         reason="phishing page", actor="analyst:test")
    d = client.get("/v1/verify", params={"url": url}).json()
    assert d["verdict"] == "reported" and d["state"] == "blocked"
    other = client.get("/v1/verify", params={"url": "https://bad.example.org/other"}).json()
    assert other["verdict"] == "unknown"


def test_verify_reported_and_unknown(app: FastAPI, client: TestClient) -> None:
    with app.state.db.transaction() as session:
        for i in range(30):  # thirty operators' filters (one key counts once a day)
            sources.record_detection(session, "phone", "0912345678", "scam", actor=f"op{i}")
    d = client.get("/v1/verify", params={"phone": "0912 345 678"}).json()
    assert d["verdict"] == "reported" and d["state"] in ("suspected", "listed", "blocked")
    d = client.get("/v1/verify", params={"phone": "0987654321"}).json()
    assert d["verdict"] == "unknown" and d["organisation"] is None


def test_verify_bad_requests_are_4xx(client: TestClient) -> None:
    assert client.get("/v1/verify").status_code == 422
    assert client.get("/v1/verify", params={"phone": "1", "domain": "a.vn"}).status_code == 422
    assert client.get("/v1/verify", params={"domain": "not a domain"}).status_code == 422
    assert client.get("/v1/verify", params={"domain": "a" * 3000}).status_code == 422
    r = client.get("/v1/verify", params={"phone": "abc"})
    assert r.status_code == 422 and "phone" in r.text


def test_admin_changes_the_registry_and_verify_follows(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    admin = bearer(role_keys["admin"])
    org = {"name": "Ngân hàng Thử", "category": "bank", "bin": "970999",
           "aliases": ["nganhangthu"], "source": "test fixture"}
    assert client.put("/v1/official/orgs/thubank", json=org, headers=admin).status_code == 200
    r = client.post("/v1/official/orgs/thubank/channels",
                    json={"kind": "domain", "value": "ThuBank.VN", "source": "test"},
                    headers=admin)
    assert r.status_code == 201 and r.json()["value"] == "thubank.vn"
    d = client.get("/v1/verify", params={"domain": "app.thubank.vn"}).json()
    assert d["verdict"] == "official" and d["organisation"]["id"] == "thubank"
    # a channel already owned by someone else is refused
    r = client.post("/v1/official/orgs/thubank/channels",
                    json={"kind": "domain", "value": "shopee.vn", "source": "test"},
                    headers=admin)
    assert r.status_code == 422 and "shopee" in r.text
    assert client.delete("/v1/official/orgs/thubank/channels/domain/thubank.vn",
                         headers=admin).status_code == 200
    assert client.get("/v1/verify", params={"domain": "thubank.vn"}).json()["verdict"] != (
        "official"
    )
    assert client.delete("/v1/official/orgs/shopee", headers=admin).json()["active"] is False
    assert client.get("/v1/verify", params={"domain": "shopee.vn"}).json()["verdict"] != (
        "official"
    )
    assert client.post("/v1/official/seed", headers=admin).status_code == 200


def test_admin_routes_refuse_other_roles(client: TestClient, role_keys: dict[str, str]) -> None:
    org = {"name": "X", "source": "s"}
    assert client.put("/v1/official/orgs/x", json=org).status_code == 401
    for role in ("operator", "analyst", "gateway", "advertiser"):
        r = client.put("/v1/official/orgs/x", json=org, headers=bearer(role_keys[role]))
        assert r.status_code == 403


def test_bad_admin_input(client: TestClient, role_keys: dict[str, str]) -> None:
    admin = bearer(role_keys["admin"])
    bad = [
        ("/v1/official/orgs/Bad%20Id", {"name": "x", "source": "s"}),
        ("/v1/official/orgs/ok", {"name": "x", "source": "s", "category": "martian"}),
        ("/v1/official/orgs/ok", {"name": "x", "source": "s", "bin": "12ab56"}),
        ("/v1/official/orgs/ok", {"name": "x", "source": "s", "extra": 1}),
    ]
    for path, body in bad:
        assert client.put(path, json=body, headers=admin).status_code == 422, (path, body)
    r = client.post("/v1/official/orgs/nobody/channels",
                    json={"kind": "phone", "value": "1900545413", "source": "s"}, headers=admin)
    assert r.status_code == 404


def test_org_listing_is_public(client: TestClient) -> None:
    orgs = client.get("/v1/official/orgs", params={"category": "courier"}).json()["organisations"]
    assert "vnpost" in {o["id"] for o in orgs}
    d = client.get("/v1/official/orgs/vnpost").json()
    assert "vnpost.vn" in d["channels"]["domain"] and d["source"]
    assert client.get("/v1/official/orgs/nope").status_code == 404


def test_feeds(app: FastAPI, client: TestClient, role_keys: dict[str, str]) -> None:
    op = bearer(role_keys["operator"])
    allow = client.get("/v1/official/feed/adblock", params={"list": "allow"}, headers=op)
    assert allow.status_code == 200 and "@@||vietcombank.com.vn^$important" in allow.text
    rpz = client.get("/v1/official/feed/rpz", params={"list": "allow"}, headers=op)
    assert "vnpost.vn CNAME rpz-passthru." in rpz.text
    assert client.get("/v1/official/feed/hosts", params={"list": "allow"},
                      headers=op).status_code == 422
    with app.state.db.transaction() as session:
        for v in ("vietcombank-vn.top", "quiet-site.com"):
            src = sources.get_or_create(session, "domain", v, sources.utcnow())
            sources.set_state(session, src, "blocked", sources.utcnow())
    hosts = client.get("/v1/official/feed/hosts", headers=op)
    assert "0.0.0.0 vietcombank-vn.top" in hosts.text
    assert "quiet-site.com" not in hosts.text  # imitates no brand: the plain blocklist has it
    js = client.get("/v1/official/feed/json", headers=op).json()
    assert js["items"] == [{"domain": "vietcombank-vn.top", "imitates": "vietcombank"}]
    assert client.get("/v1/official/feed/hosts").status_code == 401


def test_sources_lookup_sees_official_owner(app: FastAPI) -> None:
    with app.state.db.read() as session:
        assert official.official_owner(session, "domain", "ibanking.vietcombank.com.vn") == (
            "vietcombank"
        )
        assert sources.lookup(session, "domain", "vietcombank.com.vn")["official_owner"] == (
            "vietcombank"
        )
        assert official.official_owner(session, "domain", "vietcombank.com.vn.evil.top") is None


def test_verify_refuses_a_parameter_given_twice(client: TestClient) -> None:
    r = client.get("/v1/verify?domain=shopee.vn&domain=vcb-xacminh.top")
    assert r.status_code == 422 and "repeated" in r.text


@pytest.mark.parametrize(("kind", "value", "says", "asked"), [
    ("brandname", "VIETCOMBANK-CS", "at most 11", ("brandname", "VIETCOMBANK-CS")),
    ("domain", "sites.google.com", "anyone publishes pages", ("domain", "sites.google.com")),
    ("domain", "vcb.github.io", "under github.io", ("domain", "vcb.github.io")),
    ("email_domain", "gmail.com", "free mail", ("email", "hotro@gmail.com")),
])
def test_an_official_channel_that_cannot_be_one_organisations_is_refused(
        client: TestClient, role_keys: dict[str, str], kind: str, value: str, says: str,
        asked: tuple[str, str]) -> None:
    r = client.post("/v1/official/orgs/vietcombank/channels",
                    json={"kind": kind, "value": value, "source": "s"},
                    headers=bearer(role_keys["admin"]))
    assert r.status_code == 422 and says in r.text, r.text
    answer = client.get("/v1/verify", params=dict([asked])).json()
    owner = (answer.get("organisation") or {}).get("id")
    assert (answer["verdict"], owner) != ("official", "vietcombank"), answer
