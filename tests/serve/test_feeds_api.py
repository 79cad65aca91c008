"""Decisions, the incremental blocklist feed with its cursor, zones, statistics."""

from __future__ import annotations

import csv
import io
import re
import time
from datetime import datetime

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from lachan.registry import sources
from lachan.serve.testing import bearer
from lachan.store.tables_centre import Source


def _decide(client: TestClient, key: str, kind: str, value: str, action: str):
    return client.post(
        "/v1/decisions",
        headers=bearer(key),
        json={
            "kind": kind,
            "value": value,
            "action": action,
            "reason": f"{action} after review",
            "evidence": "C123",
        },
    )


def test_blocklist_feed_is_incremental(client: TestClient, role_keys: dict[str, str]) -> None:
    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "domain", "vcb-baomat.top", "block").status_code == 201
    assert _decide(client, an, "domain", "shopee-quatang.vip", "block").status_code == 201
    first = client.get("/v1/feeds/blocklist?kind=domain", headers=bearer(op)).json()
    assert {i["value"] for i in first["items"]} == {"vcb-baomat.top", "shopee-quatang.vip"}
    assert all(i["listed"] for i in first["items"])
    cursor = first["next_cursor"]
    empty = client.get(f"/v1/feeds/blocklist?kind=domain&since={cursor}", headers=bearer(op))
    assert empty.json()["items"] == [] and empty.json()["next_cursor"] == cursor
    assert _decide(client, an, "domain", "shopee-quatang.vip", "clear").status_code == 201
    delta = client.get(f"/v1/feeds/blocklist?kind=domain&since={cursor}", headers=bearer(op)).json()
    assert delta["items"] == [
        {
            "value": "shopee-quatang.vip",
            "state": "cleared",
            "listed": False,
            "at": delta["items"][0]["at"],
            "score": 0.0,
            "category": "",
        }
    ]
    as_csv = client.get(
        f"/v1/feeds/blocklist?kind=domain&format=csv&since={cursor}", headers=bearer(op)
    )
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert rows[0]["value"] == "shopee-quatang.vip" and rows[0]["state"] == "cleared"
    assert as_csv.headers["x-next-cursor"] == str(delta["next_cursor"])
    phones = client.get("/v1/feeds/blocklist?kind=phone", headers=bearer(op)).json()
    assert phones["items"] == []


def test_zones_list_blocked_domains_and_ips(client: TestClient, role_keys: dict[str, str]) -> None:
    an, op = role_keys["analyst"], role_keys["operator"]
    _decide(client, an, "domain", "vcb-baomat.top", "block")
    _decide(client, an, "ip", "45.77.10.23", "block")
    rpz = client.get("/v1/feeds/zone/rpz?origin=rpz.example.vn", headers=bearer(op))
    assert rpz.status_code == 200
    assert "vcb-baomat.top CNAME ." in rpz.text and "*.vcb-baomat.top CNAME ." in rpz.text
    assert "rpz.example.vn" in rpz.text
    ip4 = client.get("/v1/feeds/zone/dnsbl-ip", headers=bearer(op)).text
    assert "45.77.10.23" in ip4
    dnset = client.get("/v1/feeds/zone/dnsbl-domain", headers=bearer(op)).text
    assert "vcb-baomat.top" in dnset


def test_appeal_by_operator_and_history(client: TestClient, role_keys: dict[str, str]) -> None:
    an, op = role_keys["analyst"], role_keys["operator"]
    _decide(client, an, "phone", "0987654321", "block")
    assert _decide(client, op, "phone", "+84987654321", "appeal").status_code == 201
    hist = client.get("/v1/decisions?kind=phone&value=0987654321", headers=bearer(an)).json()
    assert [d["action"] for d in hist["decisions"]] == ["block", "appeal"]
    look = client.get("/v1/lookup/phone/0987654321").json()
    assert look["state"] == "blocked" and look["appeal_pending"] is True


def test_detections_and_stats(client: TestClient, role_keys: dict[str, str]) -> None:
    op, an = role_keys["operator"], role_keys["analyst"]
    resp = client.post(
        "/v1/detections",
        headers=bearer(op),
        json={
            "detections": [
                {"kind": "url", "value": "http://vcb-baomat.top/login", "category": "scam"},
                {"kind": "phone", "value": "bogus"},
            ]
        },
    ).json()
    assert resp["results"][0]["value"] == "http://vcb-baomat.top/login"
    assert "error" in resp["results"][1]
    client.post(
        "/v1/complaints", json={"reporter": "0901234567", "channel": "call", "source": "0987654321"}
    )
    stats = client.get("/v1/stats?days=7", headers=bearer(an)).json()
    assert stats["days"][-1]["channels"] == {"call": 1}
    assert {s["value"] for s in stats["top_sources"]} >= {"0987654321"}


def test_audit_chain_verifies_after_writes(client: TestClient, role_keys: dict[str, str]) -> None:
    _decide(client, role_keys["analyst"], "domain", "vcb-baomat.top", "block")
    client.post(
        "/v1/complaints",
        json={
            "reporter": "0901234567",
            "channel": "sms",
            "source": "0987654321",
            "content": "vay tien",
        },
    )
    out = client.get("/v1/admin/audit/verify", headers=bearer(role_keys["admin"])).json()
    assert out["ok"] and out["entries"] >= 2 + 5  # role_keys created 5 keys


def test_blocklist_json_and_csv_carry_the_same_real_values(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    """The CSV rows used to read score 0.0 with an empty category and updated_at."""
    with app.state.db.transaction() as s:
        for i in range(12):  # listed by detections from twelve operators' keys
            sources.record_detection(s, "phone", "0987654321", "scam", actor=f"key:op{i}")
        for i, category in enumerate(("ad", "ad", "scam")):
            sources.record_detection(s, "phone", "0911222333", category, actor=f"key:op{i}")
    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "phone", "0911222333", "block").status_code == 201
    assert _decide(client, an, "phone", "0987654321", "block").status_code == 201  # was listed
    with app.state.db.read() as s:
        stored = {r.value: r for r in s.execute(select(Source)).scalars()}
    as_json = client.get("/v1/feeds/blocklist?kind=phone", headers=bearer(op)).json()
    items = {i["value"]: i for i in as_json["items"]}
    as_csv = client.get("/v1/feeds/blocklist?kind=phone&format=csv", headers=bearer(op))
    rows = {r["value"]: r for r in csv.DictReader(io.StringIO(as_csv.text))}
    assert set(items) == set(rows) == {"0987654321", "0911222333"}
    expected = {"0987654321": "scam", "0911222333": "ad"}
    for value, category in expected.items():
        item, row = items[value], rows[value]
        assert item["state"] == row["state"] == "blocked"
        assert item["score"] == float(row["score"]) == round(stored[value].score, 4) > 0
        assert item["category"] == row["category"] == category
        at = datetime.fromisoformat(item["at"]).replace(microsecond=0)
        assert row["updated_at"] == at.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_decisions_that_change_nothing_are_refused(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    an, op = role_keys["analyst"], role_keys["operator"]
    unknown = _decide(client, an, "phone", "0987000999", "release")
    assert unknown.status_code == 404 and "not in the registry" in unknown.json()["detail"]
    assert _decide(client, an, "phone", "0987111222", "block").status_code == 201
    again = _decide(client, an, "phone", "0987111222", "block")
    assert again.status_code == 409 and "already blocked" in again.json()["detail"]
    assert _decide(client, op, "phone", "0987111222", "appeal").status_code == 201
    assert _decide(client, op, "phone", "0987111222", "appeal").status_code == 409
    hist = client.get("/v1/decisions?kind=phone&value=0987111222", headers=bearer(an)).json()
    assert [d["action"] for d in hist["decisions"]] == ["block", "appeal"]


def test_a_brandname_decision_over_eleven_characters_is_a_422(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    resp = _decide(client, role_keys["analyst"], "brandname", "VIETCOMBANK-KM", "block")
    assert resp.status_code == 422 and "at most 11" in resp.json()["detail"]
    assert client.get("/v1/lookup/brandname/VIETCOMBANK-KM").json()["state"] == "unknown"


def test_a_listed_brandname_over_eleven_characters_can_be_cleared_and_released(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: 'VIETCOMBANK-KM', listed by four subscribers' reports, could be neither
    cleared (422) nor released (409): the Article 23 check of blocks refused it."""
    an, op = role_keys["analyst"], role_keys["operator"]
    for i in range(4):
        body = {"reporter": f"090555000{i}", "channel": "sms", "source": "VIETCOMBANK-KM",
                "content": "Tai khoan bi khoa xac minh tai http://vcb-km.top"}
        resp = client.post("/v1/complaints", json=body, headers=bearer(role_keys["gateway"]))
        assert resp.status_code == 201
    lookup = "/v1/lookup/brandname/VIETCOMBANK-KM"
    assert client.get(lookup).json()["state"] == "listed"
    cleared = _decide(client, an, "brandname", "VIETCOMBANK-KM", "clear")
    assert cleared.status_code == 201, cleared.text
    feed = client.get("/v1/feeds/blocklist?kind=brandname", headers=bearer(op)).json()
    assert [(i["value"], i["listed"]) for i in feed["items"]] == [("VIETCOMBANK-KM", False)]
    assert _decide(client, an, "brandname", "VIETCOMBANK-KM", "release").status_code == 201
    assert client.get(lookup).json()["state"] == "listed"
    assert _decide(client, op, "brandname", "VIETCOMBANK-KM", "appeal").status_code == 201
    block = _decide(client, an, "brandname", "VIETCOMBANK-KM", "block")
    assert block.status_code == 422 and "at most 11" in block.json()["detail"]


def _rpz(client: TestClient, key: str):
    resp = client.get("/v1/feeds/zone/rpz", headers=bearer(key))
    assert resp.status_code == 200, resp.text
    serial = re.search(r"IN SOA \S+ \S+ \( (\d+) ", resp.text)
    assert serial is not None
    return int(serial.group(1)), resp


def test_the_rpz_serial_moves_only_when_the_zone_changes(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: the SOA serial was the clock, so every secondary transferred the zone at each
    refresh whether anything changed or not."""
    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "domain", "a-lua-dao.top", "block").status_code == 201
    first, _ = _rpz(client, op)
    time.sleep(1.1)
    assert _rpz(client, op)[0] == first
    assert _decide(client, an, "phone", "0987111222", "block").status_code == 201
    assert _rpz(client, op)[0] == first  # not an RPZ entry
    assert _decide(client, an, "domain", "b-lua-dao.top", "block").status_code == 201
    assert _rpz(client, op)[0] > first


def test_the_rpz_says_which_names_it_left_out(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    long_name = ".".join(["a" * 60, "b" * 60, "c" * 60, "d" * 55, "vn"])
    assert _decide(client, role_keys["analyst"], "domain", long_name, "block").status_code == 201
    _, resp = _rpz(client, role_keys["operator"])
    assert resp.headers["x-skipped"] == "too_long=1" and resp.headers["x-entries"] == "0"
    assert "; left out: 1 name(s) too long for DNS" in resp.text


def _zone_rules(resp) -> tuple[str, ...]:  # noqa: ANN001
    """The RPZ's rules, without its head (SOA serial, generation time)."""
    return tuple(sorted(line for line in resp.text.splitlines() if " CNAME " in line))


def _served(client: TestClient, key: str) -> tuple[int, tuple[str, ...]]:
    serial, resp = _rpz(client, key)
    return serial, _zone_rules(resp)


def _assert_serials_follow_the_content(served: list[tuple[int, tuple[str, ...]]]) -> None:
    """One serial names one content, and a change of content raises the serial."""
    by_serial: dict[int, set[tuple[str, ...]]] = {}
    for serial, rules in served:
        by_serial.setdefault(serial, set()).add(rules)
    assert all(len(v) == 1 for v in by_serial.values()), by_serial
    for (s0, r0), (s1, r1) in zip(served, served[1:], strict=False):
        assert s1 >= s0 and (r1 == r0 or s1 > s0)


def _block_quietly(app: FastAPI, value: str):  # noqa: ANN202
    """Open a transaction that puts ``value`` on the blocklist (journalled, not audited,
    so that it holds no lock the routes wait for); the caller commits it."""
    cm = app.state.db.transaction()
    session = cm.__enter__()
    src = sources.get_or_create(session, "domain", value, datetime.now().astimezone())
    session.flush()
    sources.set_state(session, src, "blocked", datetime.now().astimezone())
    session.flush()
    return cm


def test_a_change_while_the_zone_is_read_gets_a_serial_of_its_own(
    app: FastAPI, client: TestClient, role_keys: dict[str, str], monkeypatch
) -> None:  # noqa: ANN001
    """QA: the serial was read after the entries, in another statement: a block between
    the two served the old entries under the new serial, and the next read the new
    entries under the same serial, so DNS secondaries never transferred them."""
    from lachan.registry import feeds

    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "domain", "a-lua-dao.top", "block").status_code == 201
    served = [_served(client, op)]
    listed, injected = feeds.listed, []

    def listed_then_a_block(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        yield from listed(*args, **kwargs)
        if not injected:
            injected.append(1)
            _block_quietly(app, "b-lua-dao.top").__exit__(None, None, None)

    monkeypatch.setattr(feeds, "listed", listed_then_a_block)
    # a change first: a zone that did not change is served as read before, not read
    assert _decide(client, an, "domain", "c-lua-dao.top", "block").status_code == 201
    served += [_served(client, op), _served(client, op)]
    assert injected and "b-lua-dao.top CNAME ." in served[-1][1]
    _assert_serials_follow_the_content(served)


def test_a_change_committed_after_a_later_one_still_moves_the_serial(
    app: FastAPI, client: TestClient, role_keys: dict[str, str]
) -> None:
    """QA: on PostgreSQL journal ids are not in commit order: a block that took its id
    first and committed last changed the zone without moving a serial made of the
    journal's last id."""
    if app.state.db.dialect == "sqlite":
        pytest.skip("SQLite writers take turns: a transaction left open blocks the routes")
    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "domain", "a-lua-dao.top", "block").status_code == 201
    served = [_served(client, op)]
    slow = _block_quietly(app, "slow-lua-dao.top")  # takes its journal id now
    try:
        assert _decide(client, an, "domain", "b-lua-dao.top", "block").status_code == 201
        served.append(_served(client, op))
    finally:
        slow.__exit__(None, None, None)
    served.append(_served(client, op))
    assert "slow-lua-dao.top CNAME ." in served[-1][1]
    assert "slow-lua-dao.top CNAME ." not in served[-2][1]
    _assert_serials_follow_the_content(served)


def test_a_zone_back_to_earlier_entries_gets_a_new_serial(
    client: TestClient, role_keys: dict[str, str]
) -> None:
    """A serial is never served again for other content: a zone that returns to what it
    held before is a change, with a higher serial than any before."""
    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "domain", "a-lua-dao.top", "block").status_code == 201
    served = [_served(client, op)]
    assert _decide(client, an, "domain", "b-lua-dao.top", "block").status_code == 201
    served.append(_served(client, op))
    assert _decide(client, an, "domain", "b-lua-dao.top", "release").status_code == 201
    served += [_served(client, op), _served(client, op)]
    assert served[2][1] == served[0][1] and served[2][0] > served[1][0] > served[0][0]
    assert served[3] == served[2]
    _assert_serials_follow_the_content(served)


def test_an_unchanged_zone_is_served_as_rendered_before(
    client: TestClient, role_keys: dict[str, str], monkeypatch
) -> None:  # noqa: ANN001
    """A resolver polling the zone while nothing changes costs no read of the blocklist
    and no rendering; a decision is served at the next request."""
    from lachan.registry import feeds
    from lachan.serve import feeds_format

    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "domain", "a-lua-dao.top", "block").status_code == 201
    serial, first = _rpz(client, op)
    calls: list[str] = []
    listed, render = feeds.listed, feeds_format.render

    def counted_listed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append("listed")
        return listed(*args, **kwargs)

    def counted_render(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append("render")
        return render(*args, **kwargs)

    monkeypatch.setattr(feeds, "listed", counted_listed)
    monkeypatch.setattr(feeds_format, "render", counted_render)
    again_serial, again = _rpz(client, op)
    assert calls == [] and (again_serial, again.text) == (serial, first.text)
    other = client.get("/v1/feeds/zone/rpz?origin=rpz.example.vn", headers=bearer(op))
    assert other.status_code == 200 and "rpz.example.vn" in other.text
    assert calls == ["render"]  # another origin: rendered, from the same snapshot
    assert _decide(client, an, "domain", "b-lua-dao.top", "block").status_code == 201
    changed_serial, changed = _rpz(client, op)
    assert "b-lua-dao.top CNAME ." in changed.text and changed_serial > serial
    assert "listed" in calls


def test_origins_a_client_chooses_do_not_push_out_the_zone(
    client: TestClient, role_keys: dict[str, str], monkeypatch
) -> None:  # noqa: ANN001
    """Any number of origins may be asked for: their renders replace only each other,
    never the zone served with the default origin; the spellings of one origin share
    one render."""
    from lachan.serve import feeds_format

    an, op = role_keys["analyst"], role_keys["operator"]
    assert _decide(client, an, "domain", "a-lua-dao.top", "block").status_code == 201
    serial, first = _rpz(client, op)
    for i in range(20):
        got = client.get(f"/v1/feeds/zone/rpz?origin=rpz{i}.example.vn", headers=bearer(op))
        assert got.status_code == 200 and f"rpz{i}.example.vn" in got.text
    calls: list[str] = []
    render = feeds_format.render

    def counted_render(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(kwargs.get("origin", "(default)"))
        return render(*args, **kwargs)

    monkeypatch.setattr(feeds_format, "render", counted_render)
    again_serial, again = _rpz(client, op)
    assert calls == []  # the default zone: still as rendered before
    assert (again_serial, again.text) == (serial, first.text)
    texts = [
        client.get(f"/v1/feeds/zone/rpz?origin={origin}", headers=bearer(op)).text
        for origin in ("RPZ.Example.VN.", "rpz.example.vn", "rpz.EXAMPLE.vn")
    ]
    assert calls == ["rpz.example.vn"] and texts[0] == texts[1] == texts[2]


def _list_domain(app: FastAPI, value: str, complaints: int, at: datetime) -> None:
    """``complaints`` scam complaints about ``value`` from as many verified reporters."""
    with app.state.db.transaction() as s:
        events = [
            sources.ComplaintEvent("domain", value, "scam", f"r{i}", "reported", True)
            for i in range(complaints)
        ]
        found = sources.record_complaint_events(s, events, settings=app.state.settings, now=at)
        assert found[("domain", value)].state == "listed"


def test_a_quiet_source_leaves_the_zone_and_nothing_due_reads_nothing(
    app: FastAPI, client: TestClient, role_keys: dict[str, str], monkeypatch
) -> None:  # noqa: ANN001
    """QA: every feed request ran the decay pass over every listed source (8 s with
    100,000 listed). A request when nothing is due now reads no source; a source whose
    score has decayed still leaves the zone at the next request, under a new serial."""
    from datetime import UTC, timedelta

    from lachan.registry import feeds

    op = role_keys["operator"]
    now = datetime.now(UTC)
    _list_domain(app, "a-lua-dao.top", 4, now)  # score 12: below 10 after 3.7 days
    _list_domain(app, "b-lua-dao.top", 8, now)  # score 24
    first, rules = _served(client, op)  # the first pass reads every listed source once
    assert len(rules) == 4  # each name and its wildcard
    passes: list[int] = []
    to_refresh, listed = sources._to_refresh, feeds.listed

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        rows = to_refresh(*args, **kwargs)
        passes.append(len(rows))
        return rows

    def counted_listed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        passes.append(-1)
        return listed(*args, **kwargs)

    monkeypatch.setattr(sources, "_to_refresh", counted)
    monkeypatch.setattr(feeds, "listed", counted_listed)
    assert _served(client, op) == (first, rules)
    blocklist = client.get("/v1/feeds/blocklist?kind=domain", headers=bearer(op))
    assert blocklist.status_code == 200 and len(blocklist.json()["items"]) == 2
    assert passes == []  # neither the decay pass nor the zone read a source
    monkeypatch.setattr(sources, "utcnow", lambda: now + timedelta(days=4))
    later, later_rules = _served(client, op)
    # the one source due, then the zone read again (and again to number it)
    assert passes[0] == 1 and set(passes[1:]) == {-1}
    assert later > first and later_rules == tuple(r for r in rules if "b-lua-dao" in r)
    read = len(passes)
    assert _served(client, op) == (later, later_rules) and len(passes) == read
    cursor = blocklist.json()["next_cursor"]
    gone = client.get(f"/v1/feeds/blocklist?kind=domain&since={cursor}", headers=bearer(op))
    assert [(i["value"], i["listed"]) for i in gone.json()["items"]] == [("a-lua-dao.top", False)]
