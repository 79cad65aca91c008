"""``/v1/verify`` and ``/v1/lookup`` answer for what a link really is: a page anyone can
publish on a big platform is no official channel of the platform (and may be blocked),
blocks of a domain cover its subdomains, links and addresses, an analyst's clearance
is the answer, redirect links are followed by both routes, and look-alike brandnames
cannot be registered by advertisers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lachan.serve.testing import bearer

SITES_PAGE = "https://sites.google.com/view/vietcombank-xacminh"


def _verify(client: TestClient, **params: str) -> dict:
    r = client.get("/v1/verify", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _decide(client: TestClient, key: str, kind: str, value: str, action: str) -> int:
    r = client.post("/v1/decisions", headers=bearer(key), json={
        "kind": kind, "value": value, "action": action, "reason": "test"})
    return r.status_code


# -- pages anyone can publish --------------------------------------------------------


@pytest.mark.parametrize(("url", "platform"), [
    ("https://docs.google.com/forms/d/e/x/viewform", "google"),
    (SITES_PAGE, "google"),
    ("https://facebook.com/somepage", "facebook"),
    ("https://www.facebook.com/profile.php", "facebook"),
    ("https://zalo.me/0912345678", "zalo"),
    ("https://www.youtube.com/@kenh-bat-ky", "google"),
])
def test_a_page_anyone_can_publish_is_no_official_channel(
    client: TestClient, url: str, platform: str
) -> None:
    d = _verify(client, url=url)
    assert d["verdict"] != "official" and d["state"] != "official"
    assert (d["organisation"] or {}).get("id") != platform
    assert "anyone can publish" in d["user_content"]
    look = client.get(f"/v1/lookup/url/{url}").json()
    assert look["official_owner"] is None and look["state"] != "official"


def test_a_page_imitating_a_bank_on_a_platform_imitates_the_bank(client: TestClient) -> None:
    for url in (SITES_PAGE, "https://www.facebook.com/vietcombank.xacminh"):
        d = _verify(client, url=url)
        assert d["verdict"] == "imitates" and d["organisation"]["id"] == "vietcombank", url
        names = [s["name"] for s in d["analysis"]["symbols"]]
        assert "HOST_BRAND_IN_PATH" in names


@pytest.mark.parametrize("url", [
    "https://www.facebook.com/", "https://zalo.me/", "https://www.facebook.com/help/123",
    "https://www.google.com/search?q=ha+noi",
])
def test_the_platforms_own_pages_stay_official(client: TestClient, url: str) -> None:
    assert _verify(client, url=url)["verdict"] == "official"


def test_a_page_on_a_platform_can_be_blocked_but_not_the_platform(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    analyst, operator = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, analyst, "url", SITES_PAGE, "block") == 201
    assert _decide(client, analyst, "url", "https://zalo.me/0912345678", "block") == 201
    assert _decide(client, analyst, "domain", "docs.google.com", "block") == 409
    assert _decide(client, analyst, "url", "https://www.facebook.com/", "block") == 409
    d = _verify(client, url=SITES_PAGE)
    assert d["state"] == "blocked" and d["verdict"] == "imitates"
    assert _verify(client, url="https://zalo.me/0912345678")["verdict"] == "reported"
    feed = client.get("/v1/feeds/blocklist", params={"kind": "url"},
                      headers=bearer(operator)).json()
    assert {i["value"]: i["listed"] for i in feed["items"]} == {
        SITES_PAGE: True, "https://zalo.me/0912345678": True}


def test_allowlists_never_pass_user_content_hosts(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    key = bearer(role_keys["operator"])
    adblock = client.get("/v1/official/feed/adblock", params={"list": "allow"},
                         headers=key).text.splitlines()
    assert ("@@||google.com^$important,denyallow=docs.google.com|drive.google.com|play.google.com|"
            "script.google.com|sites.google.com") in adblock
    assert "@@||google.com^$important" not in adblock
    assert "@@||vietcombank.com.vn^$important" in adblock
    assert not any(line.startswith("@@||sites.google.com") for line in adblock)

    rpz = client.get("/v1/official/feed/rpz", params={"list": "allow"},
                     headers=key).text.splitlines()
    assert "*.google.com CNAME rpz-passthru." not in rpz
    assert "google.com CNAME rpz-passthru." in rpz
    assert "www.google.com CNAME rpz-passthru." in rpz
    assert not any(line.startswith(("sites.google.com", "docs.google.com")) for line in rpz)
    assert "*.vietcombank.com.vn CNAME rpz-passthru." in rpz
    assert "*.zalo.me CNAME rpz-passthru." not in rpz  # oa.zalo.me is anyone's

    items = client.get("/v1/official/feed/json", params={"list": "allow"},
                       headers=key).json()["items"]
    google = next(i for i in items if i["domain"] == "google.com")
    assert "sites.google.com" in google["except"]


def test_a_user_content_host_as_a_domain_says_its_pages_are_not_official(
    client: TestClient,
) -> None:
    d = _verify(client, domain="sites.google.com")
    assert d["verdict"] == "official" and "verify the whole link" in d["note"]


# -- blocks of a domain cover what is under it -----------------------------------------


@pytest.mark.parametrize(("kind", "value"), [
    ("url", "https://evil-shop.top/login"),
    ("url", "https://sub.evil-shop.top/"),
    ("url", "http://sub.evil-shop.top:8080/a"),
    ("domain", "a.b.evil-shop.top"),
    ("email", "x@evil-shop.top"),
    ("email", "x@mail.evil-shop.top"),
])
def test_a_block_of_a_domain_answers_for_its_links_and_addresses(
    client: TestClient, role_keys: dict[str, str], kind: str, value: str
) -> None:
    assert _verify(client, **{kind: value})["verdict"] == "unknown"
    assert _decide(client, role_keys["analyst"], "domain", "evil-shop.top", "block") == 201
    d = _verify(client, **{kind: value})
    assert d["verdict"] == "reported" and d["state"] == "blocked"
    assert d["registry_match"] == {"kind": "domain", "value": "evil-shop.top",
                                   "state": "blocked"}


def test_a_block_of_an_ip_answers_for_links_to_it(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    assert _decide(client, role_keys["analyst"], "ip", "203.0.113.7", "block") == 201
    d = _verify(client, url="http://203.0.113.7/login")
    assert d["state"] == "blocked" and d["verdict"] in ("reported", "imitates")


def test_a_cleared_subdomain_is_not_reported_for_its_parents_block(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    analyst = role_keys["analyst"]
    assert _decide(client, analyst, "domain", "evil-shop.top", "block") == 201
    assert _decide(client, analyst, "domain", "shop.evil-shop.top", "clear") == 201
    assert _verify(client, url="https://shop.evil-shop.top/")["verdict"] == "cleared"
    assert _verify(client, url="https://other.evil-shop.top/")["verdict"] == "reported"


# -- an analyst's clearance is the answer ----------------------------------------------


def test_a_cleared_source_answers_cleared_with_the_engines_opinion(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    assert _verify(client, domain="vietcombank-vn.top")["verdict"] == "imitates"
    assert _decide(client, role_keys["analyst"], "domain", "vietcombank-vn.top",
                   "clear") == 201
    d = _verify(client, domain="vietcombank-vn.top")
    assert d["verdict"] == "cleared" and d["state"] == "cleared"
    assert "Vietcombank" in d["note"] and "cleared" in d["note"]
    assert d["engine_verdict"]["organisation"]["id"] == "vietcombank"
    assert d["analysis"]["label"] == "phishing"


# -- redirect links ------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/v1/lookup/url/https://www.google.com/url%3Fq=https://vcb-xacminh.top",
    "/v1/lookup/url/https://www.google.com/url?q=https://vcb-xacminh.top",
])
def test_lookup_follows_a_redirect_link_as_verify_does(
    client: TestClient, role_keys: dict[str, str], path: str
) -> None:
    d = _verify(client, url="https://www.google.com/url?q=https://vcb-xacminh.top")
    assert d["verdict"] == "imitates" and d["via"] == "www.google.com"
    look = client.get(path)
    assert look.status_code == 200, look.text
    body = look.json()
    # answered for the whole link it leads to (a user-content page is judged by its path)
    assert body["value"] == "https://vcb-xacminh.top/" and body["via"] == "www.google.com"
    assert body["official_owner"] is None and body["state"] == "unknown"
    assert _decide(client, role_keys["analyst"], "domain", "vcb-xacminh.top", "block") == 201
    assert client.get(path).json()["state"] == "blocked"


def test_a_redirect_to_a_user_content_page_is_no_official_channel(client: TestClient) -> None:
    page = "https://sites.google.com/view/vcb-dang-nhap"
    for link in (f"https://www.google.com/url?q={page}",
                 f"https://l.facebook.com/l.php?u={page}"):
        d = _verify(client, url=link)
        assert d["verdict"] != "official" and d["value"] == page, d


def test_lookup_of_an_ordinary_google_link_is_still_googles(client: TestClient) -> None:
    body = client.get("/v1/lookup/url/https://www.google.com/maps").json()
    assert body["state"] == "official" and body["official_owner"] == "google"
    assert "via" not in body


# -- e-mail addresses and links that read as something else ------------------------------


@pytest.mark.parametrize(("value", "why"), [
    ("a@b@vietcombank.com.vn", "more than one '@'"),
    ("cskh\u202e@vietcombank.com.vn", "bidirectional"),
    ("cskh@vietcombank.com.vn\u2066", "bidirectional"),
])
def test_ambiguous_addresses_are_refused(client: TestClient, value: str, why: str) -> None:
    r = client.get("/v1/verify", params={"email": value})
    assert r.status_code == 422 and why in r.json()["detail"], r.text


def test_default_ports_are_dropped(client: TestClient, role_keys: dict[str, str]) -> None:
    assert _verify(client, url="https://shop.vn:443/a")["value"] == "https://shop.vn/a"
    assert _verify(client, url="http://shop.vn:80/a")["value"] == "http://shop.vn/a"
    assert _verify(client, url="http://shop.vn:443/a")["value"] == "http://shop.vn:443/a"
    assert _decide(client, role_keys["analyst"], "url", "https://evil.top:443/x", "block") == 201
    assert _verify(client, url="https://evil.top/x")["state"] == "blocked"


# -- advertisers' brandnames --------------------------------------------------------------


def _advertiser(client: TestClient, key: str) -> int:
    r = client.post("/v1/advertisers", json={"name": "Shop ABC"}, headers=bearer(key))
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@pytest.mark.parametrize(("name", "org"), [
    ("VCB", "vietcombank"), ("VIETC0MBANK", "vietcombank"), ("MOMO-VN", "momo"),
    ("FPTSHOP", "fptshop"), ("V1ETCOMBANK", "vietcombank"), ("B1DV", "bidv"), ("M0M0", "momo"),
])
def test_advertiser_cannot_register_a_lookalike_of_an_official_brandname(
    client: TestClient, role_keys: dict[str, str], name: str, org: str
) -> None:
    key = role_keys["advertiser"]
    assert _verify(client, brandname=name)["organisation"]["id"] == org
    aid = _advertiser(client, key)
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": name},
                    headers=bearer(key))
    assert r.status_code == 409, r.text
    detail = r.json()["detail"]
    assert "imitates" in detail and f"({org})" in detail and "administrator" in detail
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": name},
                    headers=bearer(role_keys["admin"]))
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("name", ["SHOPABC", "THOITRANG24", "TECHSHOP", "BANKHANOI"])
def test_ordinary_brandnames_are_still_registered(
    client: TestClient, role_keys: dict[str, str], name: str
) -> None:
    key = role_keys["advertiser"]
    aid = _advertiser(client, key)
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": name},
                    headers=bearer(key))
    assert r.status_code == 201, r.text


def test_advertiser_cannot_register_a_brandname_the_registry_blocks(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    assert _decide(client, role_keys["analyst"], "brandname", "SHOP-LUA", "block") == 201
    aid = _advertiser(client, role_keys["advertiser"])
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": "SHOP-LUA"},
                    headers=bearer(role_keys["advertiser"]))
    assert r.status_code == 409 and "spam-source registry" in r.text
