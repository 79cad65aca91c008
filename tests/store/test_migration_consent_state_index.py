"""adv_0006: consents are indexed with their channel and times (advertiser, pseudonym,
channel, given_at, withdrawn_at), so that a scrub reads them from the index alone; the
index of advertiser and pseudonym it begins with is dropped. What a scrub answers is the
same before, after, and after the downgrade (which puts the old index back)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from lachan.registry import advertising as adv
from lachan.registry.advertising_scrub import ConsentLookup, _consent_query, consent_view
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.testing import downgrade

SECRET = bytes(range(32))
NEW = ("ix_ad_consents_adv_recipient_state",
       ["advertiser_id", "recipient_pseudonym", "channel", "given_at", "withdrawn_at"])
OLD = ("ix_ad_consents_adv_recipient", ["advertiser_id", "recipient_pseudonym"])
#: consented by SMS; consented on every channel; consented then withdrawn; refused
#: after consenting; consented to calls only; never heard of
ASKED = [b"0912000001", b"0912000002", b"0912000003", b"0912000004", b"0912000005",
         b"0912000006"]


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_AD_RULES", raising=False)
    return tmp_path / "home"


def _indexes(url: str) -> dict[str, list[str]]:
    engine = create_engine(url)
    try:
        return {ix["name"]: ix["column_names"]
                for ix in inspect(engine).get_indexes("ad_consents")}
    finally:
        engine.dispose()


def _record(url: str) -> None:
    db = Database(url)
    try:
        with db.transaction() as s:
            aid = adv.create_advertiser(s, "Shop ABC", actor="test").id
            other = adv.create_advertiser(s, "Shop XYZ", actor="test").id
            adv.record_consents(s, aid, [
                adv.ConsentInput("0912000001", "sms"), adv.ConsentInput("0912000002", "all"),
                adv.ConsentInput("0912000003", "sms"), adv.ConsentInput("0912000004", "sms"),
                adv.ConsentInput("0912000005", "call")], actor="test")
            adv.record_consents(s, other, [adv.ConsentInput("0912000006", "all")], actor="test")
        with db.transaction() as s:
            adv.withdraw_consent(s, aid, "0912000003", "sms", actor="test")
            adv.record_refusal(s, aid, "0912000004", "TC", actor="test")
    finally:
        db.dispose()


def _answers(url: str) -> tuple[list[int], list[int]]:
    """The consent codes of ``ASKED`` for SMS, as the whole view and as the look-up
    answer them."""
    db = Database(url)
    try:
        with db.read() as s:
            view = consent_view(s, 1, "sms").codes(ASKED)
            looked_up = ConsentLookup(s, 1, "sms").codes(ASKED)
            return view.tolist(), looked_up.tolist()
    finally:
        db.dispose()


def _plan(url: str) -> str:
    """SQLite's plan for the read of an advertiser's consents by a scrub."""
    engine = create_engine(url)
    try:
        query = _consent_query(1, "sms").compile(engine, compile_kwargs={"literal_binds": True})
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}").all()
        return " | ".join(str(r[-1]) for r in rows)
    finally:
        engine.dispose()


def test_the_consent_index_comes_and_goes_and_scrubs_answer_alike(
    fresh_url: str, home: Path
) -> None:
    upgrade(fresh_url, "adv_0005")
    assert _indexes(fresh_url) == dict([OLD])
    _record(fresh_url)
    before = _answers(fresh_url)
    view, looked_up = before
    assert view == looked_up
    assert len(set(view)) == 4  # consent, refused, withdrawn and no consent all occur
    assert view[0] == view[1] and view[4] == view[5]  # SMS or all; calls only or none

    upgrade(fresh_url)
    assert _indexes(fresh_url) == dict([NEW])
    assert _answers(fresh_url) == before
    if fresh_url.startswith("sqlite"):
        assert "USING COVERING INDEX ix_ad_consents_adv_recipient_state" in _plan(fresh_url)

    downgrade(fresh_url, "adv_0005")
    assert _indexes(fresh_url) == dict([OLD])
    assert _answers(fresh_url) == before
    if fresh_url.startswith("sqlite"):
        assert "COVERING" not in _plan(fresh_url)

    upgrade(fresh_url)
    assert _indexes(fresh_url) == dict([NEW])
    assert _answers(fresh_url) == before
