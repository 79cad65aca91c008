"""Advertisers, brandnames, templates, consents, scrubbing and reports through the API."""

from __future__ import annotations

import csv
import io

import orjson
import pytest
from adv_helpers import RECIPIENT, auth, copy, make_key, setup_advertiser, submit, vn


def test_brandname_rules_and_uniqueness(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    url = f"/v1/advertisers/{aid}/brandnames"
    for name, why in [("ABCDEFGHIJKL", "at most 11"), ("123456", "digits only"),
                      ("SHOP@ABC", "not allowed")]:
        r = client.post(url, json={"name": name}, headers=h)
        assert r.status_code == 422 and why in r.json()["detail"], r.text
    r = client.post(url, json={"name": "shopabc"}, headers=h)  # case-insensitive duplicate
    assert r.status_code == 409 and "already registered" in r.json()["detail"]
    names = client.get(url, headers=h).json()["brandnames"]
    assert [b["name"] for b in names] == ["SHOPABC"]
    assert names[0]["valid_until"].startswith("2028-12-31T17:00")  # 3 years from 1 Jan 2026 VN


@pytest.mark.parametrize(("name", "owner"), [
    ("VCB-CSKH", "Vietcombank"), ("ACB-CSKH", "ACB"), ("TCB_CSKH", "Techcombank"),
    ("CSGT", "traffic police"), ("VCBCSKH", "Vietcombank"), ("MB-SUPPORT", "MBBank"),
])
def test_a_bank_or_public_body_code_with_a_suffix_is_refused(client, app, name: str,
                                                              owner: str) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": name}, headers=h)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert owner in detail and "administrator" in detail
    names = client.get(f"/v1/advertisers/{aid}/brandnames", headers=h).json()["brandnames"]
    assert [b["name"] for b in names] == ["SHOPABC"]


def test_names_that_only_share_letters_with_a_bank_are_accepted(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    for name in ("CAKE-HOUSE", "ACBX", "SEA-FOOD", "HOA MAI"):
        r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": name}, headers=h)
        assert r.status_code == 201, (name, r.text)


def test_an_administrator_registers_a_lookalike_for_its_organisation(client, app) -> None:
    from sqlalchemy import select

    from lachan.store.tables_centre import AuditEntry

    aid, _h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/brandnames", json={"name": "VCB-CSKH"},
                    headers=auth(make_key(app, "admin")))
    assert r.status_code == 201, r.text
    with app.state.db.read() as s:  # the audit log says what the administrator overrode
        details = s.scalar(select(AuditEntry.details).where(
            AuditEntry.action == "brandname.register", AuditEntry.target == "brandname:VCB-CSKH"))
    assert "Vietcombank" in orjson.loads(details)["official_override"]


def test_brandname_renewal_and_expiry(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/brandnames",
                    json={"name": "OLDSHOP", "valid_from": "2023-01-01T00:00:00+07:00"},
                    headers=auth(make_key(app, "admin")))
    assert r.json()["valid"] is False  # expired on 1 Jan 2026
    got = submit(client, aid, h, copy(vn(22, 10), sender="OLDSHOP"))
    assert "BRANDNAME_EXPIRED" in got[0]
    r = client.post(f"/v1/advertisers/{aid}/brandnames/oldshop/renew", headers=h)
    assert r.status_code == 200 and r.json()["valid"] is True and r.json()["renewals"] == 1
    got = submit(client, aid, h, copy(vn(22, 11), sender="OLDSHOP"))
    assert "BRANDNAME_EXPIRED" not in got[0]


def test_template_with_unbalanced_slots_is_refused(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/templates", json={"text": "[QC] Giam {pct% nhe"},
                    headers=h)
    assert r.status_code == 422 and "unbalanced slot" in r.json()["detail"]
    listed = client.get(f"/v1/advertisers/{aid}/templates", headers=h).json()["templates"]
    assert len(listed) == 1 and listed[0]["slots"] == ["pct", "name"]


@pytest.mark.parametrize(("text", "channel", "why"), [
    ("{body} Tu choi soan TC gui 8088", "sms", "must start with the label [QC] or [AD]"),
    ("Giam {pct}. Tu choi soan TC gui 8088", "sms", "must start with the label"),
    ("[QC] {body}", "sms", "its fixed text has none"),
    ("[QC] Giam {pct} cho ban {name}", "sms", "its fixed text has none"),
    ("[QC] Tu choi soan TC. {a} mua {b}", "sms", "but not at the end"),
    ("Uu dai {x} cho ban", "email", "its fixed text has none"),
    # the opt-out first and the whole ad in a slot after it
    ("[QC] Tu choi soan TC gui 8088 {body}", "sms", "the slot {body} follows it"),
    ("[QC] Tu choi {body}", "sms", "the slot {body} follows it"),
    ("[QC] {a} Tu choi soan TC gui {sc} {more} {x}", "sms", "3 slots follow it"),
    ("[QC] {a} Tu choi soan TC gui {sc}. Mua ngay {b}", "sms", "but not at the end"),
    ("Uu dai. Unsubscribe - we offer great prices on {body}", "email",
     "the slot {body} follows it"),
])
def test_template_without_label_or_opt_out_is_refused(client, app, text: str, channel: str,
                                                      why: str) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/templates", json={"text": text, "channel": channel},
                    headers=h)
    assert r.status_code == 422 and why in r.json()["detail"], r.text
    assert len(client.get(f"/v1/advertisers/{aid}/templates", headers=h).json()["templates"]) == 1


@pytest.mark.parametrize(("text", "channel"), [
    ("[AD] Sale {x}. Soan TC gui {shortcode}", "sms"),
    ("[qc] {x}. Tu choi: soan TC", "sms"),
    ("Uu dai {x}. Ngung nhan thu: bam Unsubscribe", "email"),
    ("[QC] {a}. Tu choi QC soan TC gui den tong dai {sc} (mien phi).", "sms"),
    ("[QC] Giam {pct}. Tu choi soan TC gui {shortcode}.", "sms"),
    ("Uu dai {x}. Tu choi nhan thu tai {link}", "email"),
])
def test_templates_with_label_and_opt_out_are_registered(client, app, text: str,
                                                         channel: str) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/templates", json={"text": text, "channel": channel},
                    headers=h)
    assert r.status_code == 201, r.text


def test_consents_all_or_nothing(client, app) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": "0912345678"}, {"recipient": "12"}]})
    assert r.status_code == 422 and "item 1" in r.json()["detail"]
    assert client.get(f"/v1/advertisers/{aid}/consents", headers=h).json()["consents"] == []


def test_advertiser_keys_are_bound(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    # the same key cannot open a second advertiser
    r = client.post("/v1/advertisers", json={"name": "Second"}, headers=h)
    assert r.status_code == 409
    admin = auth(make_key(app, "admin"))
    r = client.post(f"/v1/advertisers/{aid}/keys", headers=admin)
    assert r.status_code == 201
    bound = auth(r.json()["key"])
    assert client.get(f"/v1/advertisers/{aid}", headers=bound).json()["name"] == "Shop ABC"
    analyst = auth(make_key(app, "analyst"))
    assert client.get("/v1/advertisers", headers=analyst).status_code == 200
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=analyst,
                    json={"copies": [copy(vn(22, 10))]})
    assert r.status_code == 403


def test_scrub_through_the_api(client, app) -> None:
    from lachan.registry import dnc

    aid, h = setup_advertiser(client, app)
    with app.state.db.transaction() as session:
        dnc.register(session, "0987654321", "call")
        dnc.register(session, "0355555555", "all")
        dnc.register(session, "02438251234", "all")
    client.post(f"/v1/advertisers/{aid}/refusals", headers=h,
                json={"recipient": "0911111111", "reply": "HUY"})
    numbers = ["+84 912 345 678", "0987654321", "0355555555", "0911111111", "12ab",
               "024 3825 1234"]
    r = client.post(f"/v1/advertisers/{aid}/scrub", headers=h,
                    json={"channel": "sms", "numbers": numbers})
    assert r.status_code == 200
    res = r.json()["results"]
    assert res == [
        {"number": "0912345678", "allowed": True, "reasons": []},
        {"number": "0987654321", "allowed": False, "reasons": ["no_consent"]},
        {"number": "0355555555", "allowed": False, "reasons": ["dnc:all", "no_consent"]},
        {"number": "0911111111", "allowed": False, "reasons": ["refused"]},
        {"number": "12ab", "allowed": False, "reasons": ["invalid_number"]},
        # a landline is a valid number (on the register, for calls) that gets no SMS
        {"number": "02438251234", "allowed": False, "reasons": ["not_mobile"]},
    ]
    r = client.post(f"/v1/advertisers/{aid}/scrub", headers=h,
                    json={"channel": "call", "numbers": ["0987654321"]})
    assert r.json()["results"][0]["reasons"] == ["dnc:call", "no_consent"]
    # the register changed: the index follows
    with app.state.db.transaction() as session:
        dnc.unregister(session, "0987654321", "call")
    r = client.post(f"/v1/advertisers/{aid}/scrub", headers=h,
                    json={"channel": "call", "numbers": ["0987654321"]})
    assert r.json()["results"][0]["reasons"] == ["no_consent"]


def test_scrub_refuses_oversized_lists(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/scrub", headers=h,
                    json={"channel": "sms", "numbers": ["0912345678"] * 100_001})
    assert r.status_code in (413, 422)


def test_violation_report_json_and_csv(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    submit(client, aid, h, copy(vn(22, 6, 0)), copy(vn(22, 23, 30)),
           copy(vn(22, 10), recipient="0987000111"))
    analyst = auth(make_key(app, "analyst"))
    rows = client.get("/v1/advertising/reports/violations", headers=analyst).json()["rows"]
    # 23:30 on the 22nd, Vietnam time, is reported on the 22nd (not on the UTC day)
    assert {(r["period"], r["rule"], r["violations"]) for r in rows} == {
        ("2026-11-22", "OUTSIDE_SENDING_HOURS", 2), ("2026-11-22", "NO_CONSENT", 1)}
    nc = next(r for r in rows if r["rule"] == "NO_CONSENT")
    assert (nc["fine_min_vnd"], nc["fine_max_vnd"]) == (5_000_000, 10_000_000)
    r = client.get("/v1/advertising/reports/violations?format=csv&period=month", headers=h)
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert {(t["period"], t["rule"]) for t in table} == {
        ("2026-11", "OUTSIDE_SENDING_HOURS"), ("2026-11", "NO_CONSENT")}
    r = client.get("/v1/advertising/reports/violations?since=2026-11-23T00:00:00Z",
                   headers=analyst)
    assert r.json()["rows"] == []


def test_report_bounds_given_as_dates_are_vietnam_days(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    # 03:00 on the 23rd Vietnam time is 20:00 on the 22nd UTC; 23:30 on the 22nd too
    submit(client, aid, h, copy(vn(23, 3)), copy(vn(22, 23, 30)))
    url = "/v1/advertising/reports/violations"

    def days(**params: str) -> set[str]:
        r = client.get(url, params=params, headers=h)
        assert r.status_code == 200, r.text
        return {row["period"] for row in r.json()["rows"]}

    assert days(since="2026-11-23") == {"2026-11-23"}
    assert days(until="2026-11-22") == {"2026-11-22"}  # the last day is included
    assert days(since="2026-11-22", until="2026-11-22") == {"2026-11-22"}
    assert days(since="2026-11-23", until="2026-11-23") == {"2026-11-23"}
    # a date and time without an offset is Vietnam time; with one, as given
    assert days(since="2026-11-23T02:00:00") == {"2026-11-23"}
    assert days(since="2026-11-22T20:00:00Z") == {"2026-11-23"}
    for bad, why in [({"since": "23/11/2026"}, "neither a date"),
                     ({"since": "2026-11-24", "until": "2026-11-23"}, "is not before until")]:
        r = client.get(url, params=bad, headers=h)
        assert r.status_code == 422 and why in r.json()["detail"], r.text


@pytest.mark.parametrize("path", ["/v1/advertisers/1/copies", "/v1/advertisers/1/scrub"])
def test_public_is_asked_for_a_key(client, path: str) -> None:
    assert client.post(path, json={}).status_code == 401


def test_consent_listing_by_recipient(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.get(f"/v1/advertisers/{aid}/consents", params={"recipient": "84912345678"},
                   headers=h)
    assert [c["recipient"] for c in r.json()["consents"]] == [RECIPIENT]


def test_scrub_e_mail_addresses(client, app) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": "Lan@Example.vn", "channel": "email"},
        {"recipient": "mai@example.vn", "channel": "email"}]})
    client.post(f"/v1/advertisers/{aid}/refusals", headers=h,
                json={"recipient": "mai@example.vn", "reply": "Khong"})
    r = client.post(f"/v1/advertisers/{aid}/scrub", headers=h, json={
        "channel": "email", "numbers": ["LAN@example.vn", "mai@example.vn", "x@y.vn", "nope"]})
    assert [(x["number"], x["reasons"]) for x in r.json()["results"]] == [
        ("lan@example.vn", []), ("mai@example.vn", ["refused"]), ("x@y.vn", ["no_consent"]),
        ("nope", ["invalid_address"])]


def test_text_no_database_can_store_is_refused(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    hj = {**h, "content-type": "application/json"}
    r = client.post("/v1/advertisers", content=b'{"name": "Shop\\u0000X"}', headers=hj)
    assert r.status_code == 422 and "NUL" in r.text
    body = b'{"copies": [{"sender": "SHOPABC", "recipient": "0912345678", "channel": "sms",' \
           b' "sent_at": "2026-11-22T10:00:00+07:00", "text": "[QC] \\ud800 Tu choi soan TC"}]}'
    r = client.post(f"/v1/advertisers/{aid}/copies", content=body, headers=hj)
    assert r.status_code == 422 and "text" in r.text
    r = client.post(f"/v1/advertisers/{2**70}/copies", json={"copies": [copy(vn(22, 10))]},
                    headers=h)
    assert r.status_code in (404, 422)


def test_csv_export_quotes_formulas(client, app) -> None:
    h = auth(make_key(app, "advertiser"))
    aid = client.post("/v1/advertisers", json={"name": "=HYPERLINK(1)"}, headers=h).json()["id"]
    submit(client, aid, h, copy(vn(22, 10), sender="0912000000"))
    r = client.get("/v1/advertising/reports/violations?format=csv", headers=h)
    assert ",'=HYPERLINK(1)," in r.text


def test_scrub_a_file_through_the_api(client, app) -> None:
    import orjson

    aid, h = setup_advertiser(client, app)
    url = f"/v1/advertisers/{aid}/scrub/file"
    body = "ten;Số điện thoại\nLan;0912 345 678\nX;abc\n".encode()
    r = client.post(url, params={"channel": "sms", "column": "so dien thoai"}, content=body,
                    headers={**h, "content-type": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/x-ndjson"
    assert [orjson.loads(x) for x in r.text.splitlines()] == [
        {"number": "0912345678", "allowed": True, "reasons": []},
        {"number": "abc", "allowed": False, "reasons": ["invalid_number"]},
    ]
    r = client.post(url, params={"channel": "sms", "column": "tel"}, content=body,
                    headers={**h, "content-type": "text/csv"})
    assert r.status_code == 422 and "column 'tel' not found" in r.json()["detail"]
    r = client.post(url, params={"channel": "sms"}, content=b"0912345678\n\xff\n",
                    headers={**h, "content-type": "text/plain"})
    assert r.status_code == 422 and "not UTF-8" in r.json()["detail"]
    r = client.post(url, params={"channel": "sms"}, content=b"0912345678\n",
                    headers={**h, "content-type": "text/plain"})
    assert r.text == '{"number":"0912345678","allowed":true,"reasons":[]}\n'


def test_scrub_file_for_an_unknown_advertiser_even_when_empty(client, app) -> None:
    admin = auth(make_key(app, "admin"))
    r = client.post("/v1/advertisers/77/scrub/file", params={"channel": "sms"}, content=b"",
                    headers={**admin, "content-type": "text/plain"})
    assert r.status_code == 404 and "unknown advertiser 77" in r.json()["detail"]
