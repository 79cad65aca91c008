"""The audit trail of a Do-Not-Call number, through ``GET /v1/dnc/{number}/audit`` (the
authority's analysts only) and ``lachan dnc audit`` (JSON Lines)."""

from __future__ import annotations

import orjson
import pytest
from adv_helpers import auth, make_key
from typer.testing import CliRunner

from lachan.cli import app as cli_app
from lachan.registry import audit
from lachan.registry.privacy import Vault

SECRET = bytes(range(32))  # the key the app fixture is created with
NUMBER = "0912345678"
OTHER = "0987654321"


def _register_and_remove(client, app) -> None:
    op = auth(make_key(app, "operator"))
    assert client.put(f"/v1/dnc/{NUMBER}", json={"scope": "sms"}, headers=op).status_code == 200
    assert client.put(f"/v1/dnc/{OTHER}", json={"scope": "all"}, headers=op).status_code == 200
    assert client.put("/v1/dnc/+84912345678", json={"scope": "call"},
                      headers=op).status_code == 200
    assert client.delete(f"/v1/dnc/{NUMBER}?scope=all", headers=op).status_code == 200
    assert client.get(f"/v1/dnc/{NUMBER}", headers=op).json()["scope"] is None


def test_an_analyst_sees_the_entries_of_a_number_registered_and_removed(client, app) -> None:
    _register_and_remove(client, app)
    r = client.get("/v1/dnc/0912 345 678/audit", headers=auth(make_key(app, "analyst")))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["number"] == NUMBER
    assert [(e["action"], e["details"]["scope"], e["details"]["before"], e["details"]["after"])
            for e in body["entries"]] == [
        ("dnc.register", "sms", None, "sms"), ("dnc.register", "call", "sms", "all"),
        ("dnc.unregister", "all", "all", None)]
    assert {e["actor"] for e in body["entries"]} == {body["entries"][0]["actor"]}
    assert body["entries"][0]["actor"].startswith("key:")
    # the answer names the number only as the log does: by the register's pseudonym
    assert {e["details"]["number"] for e in body["entries"]} == {
        Vault(SECRET).dnc_pseudonym(NUMBER)}
    assert body["next_after_id"] == body["entries"][-1]["id"]
    other = client.get(f"/v1/dnc/{OTHER}/audit", headers=auth(make_key(app, "admin"))).json()
    assert [e["action"] for e in other["entries"]] == ["dnc.register"]


def test_entries_come_in_pages(client, app) -> None:
    _register_and_remove(client, app)
    h = auth(make_key(app, "analyst"))
    first = client.get(f"/v1/dnc/{NUMBER}/audit?limit=2", headers=h).json()
    assert len(first["entries"]) == 2
    rest = client.get(f"/v1/dnc/{NUMBER}/audit?limit=2&after_id={first['next_after_id']}",
                      headers=h).json()
    assert [e["action"] for e in rest["entries"]] == ["dnc.unregister"]
    end = client.get(f"/v1/dnc/{NUMBER}/audit?after_id={rest['next_after_id']}",
                     headers=h).json()
    assert end["entries"] == [] and end["next_after_id"] == rest["next_after_id"]


def test_older_entries_under_the_reporter_pseudonym_are_found(client, app) -> None:
    with app.state.db.transaction() as s:  # as the register wrote its entries before
        audit.record(s, "key:old", "dnc.register", "dnc:register",
                     {"number": NUMBER, "scope": "call", "before": None, "after": "call",
                      "via": "api"})
    _register_and_remove(client, app)
    r = client.get(f"/v1/dnc/{NUMBER}/audit", headers=auth(make_key(app, "analyst")))
    assert [e["actor"] for e in r.json()["entries"]][0] == "key:old"
    assert len(r.json()["entries"]) == 4


@pytest.mark.parametrize("role", ["operator", "gateway", "advertiser"])
def test_other_roles_are_refused(client, app, role: str) -> None:
    _register_and_remove(client, app)
    r = client.get(f"/v1/dnc/{NUMBER}/audit", headers=auth(make_key(app, role)))
    assert r.status_code == 403, r.text
    assert "dnc.register" not in r.text


def test_without_a_key_it_asks_for_one(client, app) -> None:
    assert client.get(f"/v1/dnc/{NUMBER}/audit").status_code == 401


@pytest.mark.parametrize(("path", "why"), [
    ("/v1/dnc/5656/audit", "not a Vietnamese subscriber number"),
    ("/v1/dnc/abc/audit", "not a Vietnamese subscriber number"),
    ("/v1/dnc/" + "9" * 40 + "/audit", "longer than 32"),
    (f"/v1/dnc/{NUMBER}/audit?limit=0", "limit"),
    (f"/v1/dnc/{NUMBER}/audit?limit=1001", "limit"),
    (f"/v1/dnc/{NUMBER}/audit?after_id=-1", "after_id"),
])
def test_bad_input_is_a_422(client, app, path: str, why: str) -> None:
    r = client.get(path, headers=auth(make_key(app, "analyst")))
    assert r.status_code == 422, r.text
    assert why in r.text


def _cli(db_url: str, monkeypatch, *args: str):
    monkeypatch.setenv("LACHAN_DATABASE_URL", db_url)
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    return CliRunner().invoke(cli_app, ["dnc", "audit", *args])


def test_the_cli_prints_the_same_entries_as_json_lines(client, app, db_url,
                                                        monkeypatch) -> None:
    _register_and_remove(client, app)
    answer = client.get(f"/v1/dnc/{NUMBER}/audit", headers=auth(make_key(app, "analyst")))
    r = _cli(db_url, monkeypatch, "+84 912 345 678")
    assert r.exit_code == 0, r.output
    printed = [orjson.loads(line) for line in r.stdout.splitlines()]
    assert printed == answer.json()["entries"]
    r = _cli(db_url, monkeypatch, NUMBER, "--limit", "1", "--after-id", str(printed[0]["id"]))
    assert [orjson.loads(line) for line in r.stdout.splitlines()] == printed[1:2]


def test_the_cli_refuses_a_bad_number_readably(client, app, db_url, monkeypatch) -> None:
    for bad in ("5656", "9" * 40):
        r = _cli(db_url, monkeypatch, bad)
        assert r.exit_code == 2 and "Traceback" not in r.output
        assert "number" in r.output and r.stdout == ""
    assert _cli(db_url, monkeypatch, NUMBER, "--limit", "5000").exit_code == 2
