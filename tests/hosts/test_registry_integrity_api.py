"""The registries must not contradict each other, and nothing they publish may be
invalid: official brandnames stay the organisation's, official channels are never
blocked, public suffixes and IP literals are never official, no feed line breaks DNS
limits, IPv6 zone ids and NUL characters are refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.registry import sources
from lachan.registry.clock import utcnow
from lachan.serve.testing import bearer
from lachan.store.tables_official import OfficialChannel

LONG_DOMAIN = ".".join(["a" * 62, "b" * 62, "c" * 62, "d" * 60, "vn"])  # 252 characters


def _decide(client: TestClient, key: str, **body: str) -> dict:
    r = client.post("/v1/decisions", headers=bearer(key),
                    json={"reason": "test", **body})
    return {"status": r.status_code, "body": r.json()}


def _store_channel(app: FastAPI, kind: str, value: str) -> None:
    """A channel row as an older release could have stored it, bypassing the checks."""
    with app.state.db.transaction() as session:
        session.add(OfficialChannel(org_id="vietcombank", kind=kind, value=value,
                                    source="old data", added_at=utcnow()))
    from lachan.registry import official

    official.clear_cache()


def _store_blocked(app: FastAPI, kind: str, value: str) -> None:
    """A blocked source stored as given (as an older release could have stored it)."""
    now = datetime.now(UTC)
    with app.state.db.transaction() as session:
        src = sources.get_or_create(session, kind, value, now)
        src.pinned = True
        sources.set_state(session, src, "blocked", now)


def _zones(client: TestClient, key: str) -> dict[str, str]:
    out = {}
    for fmt in ("rpz", "dnsbl-ip", "dnsbl-domain", "hosts", "adblock"):
        r = client.get(f"/v1/feeds/zone/{fmt}", headers=bearer(key))
        assert r.status_code == 200, r.text
        out[fmt] = r.text
    return out


# -- 1. an advertiser cannot take a bank's brandname ---------------------------------


def _advertiser(client: TestClient, key: str) -> int:
    r = client.post("/v1/advertisers", json={"name": "Shop ABC"}, headers=bearer(key))
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@pytest.mark.parametrize("name", ["VIETCOMBANK", "vietcombank", " VietComBank "])
def test_advertiser_cannot_register_an_official_brandname(
    client: TestClient, role_keys: dict[str, str], name: str
) -> None:
    key = role_keys["advertiser"]
    aid = _advertiser(client, key)
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": name},
                    headers=bearer(key))
    assert r.status_code == 409, r.text
    detail = r.json()["detail"]
    assert "official brandname of Vietcombank" in detail and "administrator" in detail
    listed = client.get(f"/v1/advertisers/{aid}/brandnames", headers=bearer(key))
    assert listed.json()["brandnames"] == []
    # an ordinary name is still fine
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": "SHOPABC"},
                    headers=bearer(key))
    assert r.status_code == 201, r.text


def test_admin_may_register_an_official_brandname_for_its_organisation(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    aid = _advertiser(client, role_keys["advertiser"])
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": "VIETCOMBANK"},
                    headers=bearer(role_keys["admin"]))
    assert r.status_code == 201, r.text


# -- 2. IPv6 zone ids ------------------------------------------------------------------


def test_ip_with_zone_id_is_refused_by_decisions_and_detections(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    got = _decide(client, role_keys["analyst"], kind="ip", value="fe80::1%eth0",
                  action="block")
    assert got["status"] == 422 and "zone id" in got["body"]["detail"]
    r = client.post("/v1/detections", headers=bearer(role_keys["operator"]), json={
        "detections": [{"kind": "ip", "value": "fe80::1%eth0"},
                       {"kind": "url", "value": "http://[fe80::1%25eth0]/login"},
                       {"kind": "ip", "value": "[192.0.2.1]"},
                       {"kind": "ip", "value": "fe80::1"}]})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert "zone id" in results[0]["error"] and "zone id" in results[1]["error"]
    assert "not a valid IP" in results[2]["error"]
    # a link-local address is one machine's own network, no source on the Internet
    assert "private or special" in results[3]["error"]
    assert "%" not in _zones(client, role_keys["operator"])["rpz"]


def test_feeds_skip_a_stored_ip_with_zone_id(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    _store_blocked(app, "ip", "fe80::1%eth0")
    _store_blocked(app, "ip", "203.0.113.5")
    zones = _zones(client, role_keys["operator"])
    assert "32.5.113.0.203.rpz-ip CNAME ." in zones["rpz"]
    assert "%" not in zones["rpz"] and "eth0" not in zones["rpz"]
    for fmt in ("json", "csv"):
        r = client.get("/v1/feeds/blocklist", params={"kind": "ip", "format": fmt},
                       headers=bearer(role_keys["operator"]))
        assert r.status_code == 200 and "203.0.113.5" in r.text and "eth0" not in r.text


# -- 3. DNS limits of the allowlist ----------------------------------------------------


def test_official_domain_too_long_for_the_allowlist_is_refused(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    assert len(LONG_DOMAIN) == 252
    r = client.post("/v1/official/orgs/vietcombank/channels", headers=bearer(role_keys["admin"]),
                    json={"kind": "domain", "value": LONG_DOMAIN, "source": "x"})
    assert r.status_code == 422 and "limited to" in r.json()["detail"], r.text
    bad_label = "a" * 64 + ".vn"
    r = client.post("/v1/official/orgs/vietcombank/channels", headers=bearer(role_keys["admin"]),
                    json={"kind": "domain", "value": bad_label, "source": "x"})
    assert r.status_code == 422, r.text


def _owner_names(zone: str, origin: str) -> list[str]:
    return [f"{line.split()[0]}.{origin}" for line in zone.splitlines()
            if line and not line.startswith((";", "$", "@"))]


@pytest.mark.parametrize("origin", ["rpz.lachan.local", "allow." + "x" * 60 + ".example"])
def test_allow_rpz_never_writes_an_owner_over_dns_limits(
    app: FastAPI, client: TestClient, role_keys: dict[str, str], origin: str
) -> None:
    _store_channel(app, "domain", LONG_DOMAIN)
    r = client.get("/v1/official/feed/rpz", params={"list": "allow", "origin": origin},
                   headers=bearer(role_keys["operator"]))
    assert r.status_code == 200, r.text
    owners = _owner_names(r.text, origin)
    assert "*.vietcombank.com.vn." + origin in owners
    assert LONG_DOMAIN not in r.text
    assert all(len(o) <= 253 for o in owners)
    assert r.headers["X-Entries"] == str(len(owners) // 2)


# -- 4. public suffixes and IP literals ------------------------------------------------


@pytest.mark.parametrize(("kind", "value", "why"), [
    ("domain", "com.vn", "public suffix"),
    ("domain", "COM.VN.", "public suffix"),
    ("domain", "github.io", "public suffix"),
    ("email_domain", "gov.vn", "public suffix"),
    ("domain", "203.0.113.7", "IP address"),
    ("email_domain", "203.0.113.7", "IP address"),
])
def test_public_suffix_or_ip_cannot_be_official(
    client: TestClient, role_keys: dict[str, str], kind: str, value: str, why: str
) -> None:
    r = client.post("/v1/official/orgs/vietcombank/channels", headers=bearer(role_keys["admin"]),
                    json={"kind": kind, "value": value, "source": "x"})
    assert r.status_code == 422 and why in r.json()["detail"], r.text
    d = client.get("/v1/verify", params={"domain": "shop-lua-dao.com.vn"}).json()
    assert d["verdict"] != "official"


def test_a_stored_public_suffix_makes_nothing_official(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    _store_channel(app, "domain", "com.vn")
    d = client.get("/v1/verify", params={"domain": "shop-lua-dao.com.vn"}).json()
    assert d["verdict"] != "official"
    r = client.get("/v1/official/feed/json", params={"list": "allow"},
                   headers=bearer(role_keys["operator"]))
    assert "com.vn" not in [i["domain"] for i in r.json()["items"]]
    assert client.get("/v1/verify", params={"domain": "vietcombank.com.vn"}).json()[
        "verdict"] == "official"


# -- 5. blocked and official at once ---------------------------------------------------


@pytest.mark.parametrize(("kind", "value", "action"), [
    ("domain", "vietcombank.com.vn", "block"),
    ("domain", "ibanking.vietcombank.com.vn", "revoke"),
    ("url", "https://vietcombank.com.vn/login", "block"),
    ("brandname", "vietcombank", "block"),
    ("phone", "1900 54 54 13", "block"),
])
def test_blocking_an_official_channel_is_refused(
    client: TestClient, role_keys: dict[str, str], kind: str, value: str, action: str
) -> None:
    got = _decide(client, role_keys["analyst"], kind=kind, value=value, action=action)
    assert got["status"] == 409, got
    detail = got["body"]["detail"]
    assert "official channel of Vietcombank" in detail and "remove" in detail
    r = client.get("/v1/decisions", params={"kind": kind, "value": value},
                   headers=bearer(role_keys["analyst"]))
    assert r.json()["decisions"] == []  # nothing was recorded
    assert "vietcombank" not in _zones(client, role_keys["operator"])["rpz"]


def test_clearing_an_official_channel_is_still_allowed(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    got = _decide(client, role_keys["analyst"], kind="domain", value="vietcombank.com.vn",
                  action="clear")
    assert got["status"] == 201, got


def test_blocklists_never_list_an_official_channel(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    analyst, admin, operator = role_keys["analyst"], role_keys["admin"], role_keys["operator"]
    assert _decide(client, analyst, kind="domain", value="thubank.vn", action="block")[
        "status"] == 201
    assert _decide(client, analyst, kind="domain", value="scam-shop.top", action="block")[
        "status"] == 201
    blocklist = client.get("/v1/feeds/blocklist", params={"kind": "domain"},
                           headers=bearer(operator)).json()
    cursor = blocklist["next_cursor"]
    # later the domain turns out to be a bank's official one
    org = {"name": "Ngan hang Thu", "category": "bank", "source": "test"}
    assert client.put("/v1/official/orgs/thubank", json=org,
                      headers=bearer(admin)).status_code == 200
    r = client.post("/v1/official/orgs/thubank/channels", headers=bearer(admin),
                    json={"kind": "domain", "value": "thubank.vn", "source": "test"})
    assert r.status_code == 201, r.text
    zones = _zones(client, operator)
    for fmt in ("rpz", "dnsbl-domain", "hosts", "adblock"):
        assert "thubank.vn" not in zones[fmt] and "scam-shop.top" in zones[fmt], fmt
    allow = client.get("/v1/official/feed/rpz", params={"list": "allow"},
                       headers=bearer(operator)).text
    assert "thubank.vn CNAME rpz-passthru." in allow
    items = client.get("/v1/feeds/blocklist", params={"kind": "domain", "since": 0},
                       headers=bearer(operator)).json()["items"]
    thubank = [i for i in items if i["value"] == "thubank.vn"]
    assert thubank and not thubank[0]["listed"] and thubank[0]["state"] == "official"
    assert cursor > 0
    csv_text = client.get("/v1/feeds/blocklist", params={"kind": "domain", "format": "csv"},
                          headers=bearer(operator)).text
    assert "thubank.vn,domain,official" in csv_text


# -- 6. IPv6 URLs keep their brackets --------------------------------------------------


def test_ipv6_url_keeps_its_brackets(client: TestClient, role_keys: dict[str, str]) -> None:
    got = _decide(client, role_keys["analyst"], kind="url",
                  value="http://[2001:db8::1]:8080/login", action="block")
    assert got["status"] == 201, got
    assert got["body"]["value"] == "http://[2001:db8::1]:8080/login"
    r = client.get("/v1/verify", params={"url": "http://[2a01:4f8::1]/"})
    assert r.status_code == 200 and r.json()["value"] == "http://[2a01:4f8::1]/", r.text
    again = client.get("/v1/verify", params={"url": r.json()["value"]})
    assert again.status_code == 200 and again.json()["value"] == "http://[2a01:4f8::1]/"
    r = client.get("/v1/lookup/url/http://[2001:db8::1]:8080/login")
    assert r.status_code == 200 and r.json()["state"] == "blocked", r.text


# -- 7. NUL characters -----------------------------------------------------------------

NUL = "bad\u0000text"


def test_nul_is_refused_in_free_text(client: TestClient, role_keys: dict[str, str]) -> None:
    analyst, admin = bearer(role_keys["analyst"]), bearer(role_keys["admin"])
    for field in ("reason", "evidence"):
        body = {"kind": "domain", "value": "scam-shop.top", "action": "block",
                "reason": "x", field: NUL}
        r = client.post("/v1/decisions", json=body, headers=analyst)
        assert r.status_code == 422 and "NUL" in r.text and field in r.text, r.text
    r = client.put("/v1/official/orgs/thubank", headers=admin,
                   json={"name": NUL, "category": "bank", "source": "test"})
    assert r.status_code == 422 and "NUL" in r.text, r.text
    assert client.get("/v1/official/orgs/thubank").status_code == 404
    r = client.post("/v1/admin/keys", json={"role": "gateway", "label": NUL}, headers=admin)
    assert r.status_code == 422 and "NUL" in r.text, r.text
    labels = [k.get("label") for k in client.get("/v1/admin/keys", headers=admin).json()["keys"]]
    assert not any("\x00" in (x or "") for x in labels)
