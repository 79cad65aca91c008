"""Small builders shared by the advertising tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

from lachan.registry import keys as keys_mod

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TEMPLATE = "[QC] Giam {pct} cho ban {name} tai SHOPABC. Tu choi soan TC gui 8088"
GOOD_TEXT = "[QC] Giam 30% cho ban Lan tai SHOPABC. Tu choi soan TC gui 8088"
RECIPIENT = "0912345678"


def vn(day: int, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=VN)


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def make_key(app, role: str) -> str:
    with app.state.db.transaction() as session:
        return keys_mod.create_key(session, role, f"test {role}")


def setup_advertiser(client: TestClient, app, *, consent: bool = True) -> tuple[int, dict]:
    """An advertiser with brandname SHOPABC (valid from 1 Jan 2026, recorded by an
    administrator: advertisers cannot backdate), one template and consent of RECIPIENT
    (given on 1 Nov 2026)."""
    h = auth(make_key(app, "advertiser"))
    r = client.post("/v1/advertisers", json={"name": "Shop ABC"}, headers=h)
    assert r.status_code == 201, r.text
    aid = r.json()["id"]
    r = client.post(f"/v1/advertisers/{aid}/brandnames",
                    json={"name": "SHOPABC", "valid_from": "2026-01-01T00:00:00+07:00"},
                    headers=auth(make_key(app, "admin")))
    assert r.status_code == 201, r.text
    r = client.post(f"/v1/advertisers/{aid}/templates", json={"text": TEMPLATE}, headers=h)
    assert r.status_code == 201, r.text
    if consent:
        r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
            {"recipient": RECIPIENT, "channel": "all", "method": "online", "proof_ref": "web-1",
             "given_at": "2026-11-01T00:00:00+07:00"}]})
        assert r.status_code == 201, r.text
    return aid, h


def copy(at: datetime, text: str = GOOD_TEXT, channel: str = "sms",
         recipient: str = RECIPIENT, **kw) -> dict:
    d = {"sender": "SHOPABC", "recipient": recipient, "channel": channel,
         "sent_at": at.isoformat(), "text": text}
    d.update(kw)
    return d


def submit(client: TestClient, aid: int, h: dict, *copies: dict) -> list[list[str]]:
    r = client.post(f"/v1/advertisers/{aid}/copies", json={"copies": list(copies)}, headers=h)
    assert r.status_code == 200, r.text
    return [[v["rule"] for v in res["violations"]] for res in r.json()["results"]]
