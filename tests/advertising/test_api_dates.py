"""Dates and ids of the advertising routes: out of range or implausible gives a 422,
never a 500 (QA: OverflowError in clock.as_utc, int too large for SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from adv_helpers import RECIPIENT, auth, copy, make_key, setup_advertiser, vn

OUT_OF_RANGE = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"]
AHEAD = (datetime.now(UTC) + timedelta(hours=1)).isoformat()


def _refused(resp, field: str) -> None:
    assert resp.status_code == 422, resp.text
    assert field in resp.text


@pytest.mark.parametrize("when", [*OUT_OF_RANGE, "2099-01-01T00:00:00+07:00"])
def test_brandname_valid_from_out_of_range(client, app, when: str) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    r = client.post(f"/v1/advertisers/{aid}/brandnames",
                    json={"name": "SHOPXYZ", "valid_from": when}, headers=h)
    _refused(r, "valid_from")


def test_brandname_may_start_a_month_ahead(client, app) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    later = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    r = client.post(f"/v1/advertisers/{aid}/brandnames",
                    json={"name": "SHOPXYZ", "valid_from": later}, headers=h)
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("when", ["2026-01-01T00:00:00+07:00",
                                  (datetime.now(UTC) - timedelta(hours=1)).isoformat()])
def test_an_advertiser_cannot_backdate_its_brandname(client, app, when: str) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    url = f"/v1/advertisers/{aid}/brandnames"
    r = client.post(url, json={"name": "SHOPXYZ", "valid_from": when}, headers=h)
    _refused(r, "valid_from")
    assert "in the past" in r.json()["detail"] and "administrator" in r.json()["detail"]
    assert [b["name"] for b in client.get(url, headers=h).json()["brandnames"]] == ["SHOPABC"]
    # a few seconds ago (clocks drift) is now; an administrator may record an earlier grant
    just_now = (datetime.now(UTC) - timedelta(seconds=30)).isoformat()
    r = client.post(url, json={"name": "SHOPNOW", "valid_from": just_now}, headers=h)
    assert r.status_code == 201, r.text
    r = client.post(url, json={"name": "SHOPXYZ", "valid_from": when},
                    headers=auth(make_key(app, "admin")))
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("when", [*OUT_OF_RANGE, AHEAD, "1999-06-01T00:00:00Z"])
def test_consent_given_at_must_be_plausible(client, app, when: str) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": RECIPIENT, "given_at": when}]})
    _refused(r, "given_at")


@pytest.mark.parametrize("when", OUT_OF_RANGE)
def test_withdrawal_time_out_of_range(client, app, when: str) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/consents/withdraw", headers=h,
                    json={"recipient": RECIPIENT, "at": when})
    _refused(r, "at")


@pytest.mark.parametrize("when", [*OUT_OF_RANGE, AHEAD])
def test_refusal_received_at_must_be_plausible(client, app, when: str) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/refusals", headers=h,
                    json={"recipient": RECIPIENT, "reply": "TC", "received_at": when})
    _refused(r, "received_at")


@pytest.mark.parametrize("when", [*OUT_OF_RANGE, AHEAD])
def test_copy_sent_at_must_be_plausible(client, app, when: str) -> None:
    aid, h = setup_advertiser(client, app)
    copies = [copy(vn(20, 10)), {**copy(vn(20, 11)), "sent_at": when}]
    r = client.post(f"/v1/advertisers/{aid}/copies", json={"copies": copies}, headers=h)
    _refused(r, "copies[1].sent_at")
    assert client.get(f"/v1/advertisers/{aid}/violations", headers=h).json()["violations"] == []


@pytest.mark.parametrize("param", ["since", "until"])
@pytest.mark.parametrize("when", OUT_OF_RANGE)
def test_report_bounds_out_of_range(client, app, param: str, when: str) -> None:
    _aid, h = setup_advertiser(client, app)
    r = client.get(f"/v1/advertising/reports/violations?{param}={quote(when)}", headers=h)
    _refused(r, param)


def test_violation_cursor_is_bounded(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.get(f"/v1/advertisers/{aid}/violations?after_id={2**63}", headers=h)
    _refused(r, "after_id")
    r = client.get(f"/v1/advertisers/{aid}/violations?after_id={2**63 - 1}", headers=h)
    assert r.status_code == 200 and r.json()["violations"] == []
