"""The official-channel registry and the blocklist feeds agree over time: a listed or
blocked source that becomes official leaves the incremental feed (a removal after the
client's cursor), and comes back when the channel is removed; ``/v1/lookup`` answers
``official`` for it as ``/v1/verify`` does. CSV rows say whether to add or remove."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from fastapi import FastAPI
from fastapi.testclient import TestClient

from lachan.registry import sources
from lachan.serve.testing import bearer

NUMBER = "0912345678"
ORG = {"name": "Ngan hang Thu", "category": "bank", "source": "test"}


def _store_listed(app: FastAPI, kind: str, value: str) -> None:
    """A source listed by its reputation (journalled as the complaints would)."""
    now = datetime.now(UTC)
    with app.state.db.transaction() as session:
        src = sources.get_or_create(session, kind, value, now)
        src.score, src.verified_reporters, src.score_at = 50.0, 5, now
        sources.set_state(session, src, "listed", now)


def _block(client: TestClient, key: str, kind: str, value: str) -> None:
    r = client.post("/v1/decisions", headers=bearer(key), json={
        "kind": kind, "value": value, "action": "block", "reason": "test"})
    assert r.status_code == 201, r.text


def _feed(client: TestClient, key: str, kind: str, since: int) -> tuple[dict[str, dict], int]:
    r = client.get("/v1/feeds/blocklist", params={"kind": kind, "since": since},
                   headers=bearer(key))
    assert r.status_code == 200, r.text
    body = r.json()
    return {i["value"]: i for i in body["items"]}, body["next_cursor"]


def _add_channel(client: TestClient, admin: str, kind: str, value: str) -> dict:
    r = client.post("/v1/official/orgs/thubank/channels", headers=bearer(admin),
                    json={"kind": kind, "value": value, "source": "test"})
    assert r.status_code == 201, r.text
    return r.json()


def _new_org(client: TestClient, admin: str) -> None:
    assert client.put("/v1/official/orgs/thubank", json=ORG,
                      headers=bearer(admin)).status_code == 200


def test_a_listed_number_that_becomes_official_leaves_the_feed_after_the_cursor(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    admin, operator = role_keys["admin"], role_keys["operator"]
    _store_listed(app, "phone", NUMBER)
    items, cursor = _feed(client, operator, "phone", 0)
    assert items[NUMBER]["listed"] is True
    _new_org(client, admin)
    assert _add_channel(client, admin, "phone", NUMBER)["taken_off_blocklist"] == 1

    items, cursor = _feed(client, operator, "phone", cursor)
    assert items[NUMBER]["listed"] is False and items[NUMBER]["state"] == "official"
    look = client.get(f"/v1/lookup/phone/{NUMBER}").json()
    assert look["state"] == "official" and look["official_owner"] == "thubank"
    assert look["registry_state"] == "listed"
    assert client.get("/v1/verify", params={"phone": NUMBER}).json()["verdict"] == "official"

    # the channel removed: the number is listed again, for clients past the removal
    r = client.delete(f"/v1/official/orgs/thubank/channels/phone/{NUMBER}",
                      headers=bearer(admin))
    assert r.status_code == 200, r.text
    items, cursor = _feed(client, operator, "phone", cursor)
    assert items[NUMBER]["listed"] is True and items[NUMBER]["state"] == "listed"
    assert client.get(f"/v1/lookup/phone/{NUMBER}").json()["state"] == "listed"
    assert _feed(client, operator, "phone", cursor)[0] == {}  # nothing more


def test_a_domain_channel_takes_its_blocked_subdomains_links_and_addresses_off(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    admin, analyst, operator = role_keys["admin"], role_keys["analyst"], role_keys["operator"]
    _block(client, analyst, "domain", "app.thubank.vn")
    _block(client, analyst, "url", "https://thubank.vn:8443/login")
    _block(client, analyst, "email", "cskh@mail.thubank.vn")
    _block(client, analyst, "domain", "not-thubank.vn")  # a different site: stays
    cursors = {k: _feed(client, operator, k, 0)[1] for k in ("domain", "url", "email")}
    _new_org(client, admin)
    assert _add_channel(client, admin, "domain", "thubank.vn")["taken_off_blocklist"] == 2
    assert _add_channel(client, admin, "email_domain", "thubank.vn")["taken_off_blocklist"] == 1

    domains, _ = _feed(client, operator, "domain", cursors["domain"])
    assert set(domains) == {"app.thubank.vn"} and domains["app.thubank.vn"]["listed"] is False
    links, _ = _feed(client, operator, "url", cursors["url"])
    assert links["https://thubank.vn:8443/login"]["listed"] is False
    emails, _ = _feed(client, operator, "email", cursors["email"])
    assert emails["cskh@mail.thubank.vn"]["state"] == "official"

    # deactivating the organisation puts them back on the feed, as blocked
    cursor = _feed(client, operator, "domain", 0)[1]
    assert client.delete("/v1/official/orgs/thubank", headers=bearer(admin)).status_code == 200
    domains, _ = _feed(client, operator, "domain", cursor)
    assert domains["app.thubank.vn"] == {**domains["app.thubank.vn"], "listed": True,
                                         "state": "blocked"}


def test_a_channel_under_another_official_channel_changes_nothing(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    """Adding and removing a subdomain of an official domain leaves the feed alone: the
    parent domain keeps its sources official."""
    admin, operator = role_keys["admin"], role_keys["operator"]
    _new_org(client, admin)
    _add_channel(client, admin, "domain", "thubank.vn")
    cursor = _feed(client, operator, "domain", 0)[1]
    _add_channel(client, admin, "domain", "app.thubank.vn")
    r = client.delete("/v1/official/orgs/thubank/channels/domain/app.thubank.vn",
                      headers=bearer(admin))
    assert r.status_code == 200
    assert _feed(client, operator, "domain", cursor)[0] == {}


def test_csv_rows_say_whether_to_add_or_remove(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    admin, operator = role_keys["admin"], role_keys["operator"]
    _store_listed(app, "phone", NUMBER)
    _store_listed(app, "phone", "0987654321")
    _new_org(client, admin)
    _add_channel(client, admin, "phone", NUMBER)
    r = client.get("/v1/feeds/blocklist", params={"kind": "phone", "format": "csv"},
                   headers=bearer(operator))
    assert r.status_code == 200 and int(r.headers["X-Next-Cursor"]) > 0
    rows = {row["value"]: row for row in csv.DictReader(io.StringIO(r.text, newline=""))}
    assert rows[NUMBER]["listed"] == "false" and rows[NUMBER]["state"] == "official"
    assert rows["0987654321"]["listed"] == "true"
