"""adv_0007: refusals are indexed with their time (advertiser, pseudonym, received_at), so
that a scrub reads them from the index alone; the index of advertiser and pseudonym it
begins with is dropped. What a scrub answers, and what the check of an ad copy finds, is
the same before, after, and after the downgrade (which puts the old index back)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from lachan.registry import advertising as adv
from lachan.registry.advertising_scrub import ConsentLookup, _refusal_query, consent_view
from lachan.registry.clock import utcnow
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.testing import downgrade

SECRET = bytes(range(32))
NEW = ("ix_ad_refusals_adv_recipient_received",
       ["advertiser_id", "recipient_pseudonym", "received_at"])
OLD = ("ix_ad_refusals_adv_recipient", ["advertiser_id", "recipient_pseudonym"])
#: consented; consented then refused; refused only; refused, then consented again;
#: refused (another advertiser's recipient); never heard of
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
                for ix in inspect(engine).get_indexes("ad_refusals")}
    finally:
        engine.dispose()


def _record(url: str) -> None:
    db = Database(url)
    ago = [utcnow() - timedelta(days=d) for d in range(10)]
    try:
        with db.transaction() as s:
            aid = adv.create_advertiser(s, "Shop ABC", actor="test").id
            other = adv.create_advertiser(s, "Shop XYZ", actor="test").id
            adv.record_consents(s, aid, [
                adv.ConsentInput(r, "sms", given_at=ago[9])
                for r in ("0912000001", "0912000002", "0912000004")], actor="test")
            for r in ("0912000002", "0912000003", "0912000004"):
                adv.record_refusal(s, aid, r, "TC", received_at=ago[5], actor="test")
            adv.record_refusal(s, other, "0912000005", "TC", received_at=ago[5], actor="test")
            adv.record_consents(s, aid, [adv.ConsentInput("0912000004", "sms", given_at=ago[1])],
                                actor="test")
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
    """SQLite's plan for the read of an advertiser's refusals by a scrub."""
    engine = create_engine(url)
    try:
        query = _refusal_query(1).compile(engine, compile_kwargs={"literal_binds": True})
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}").all()
        return " | ".join(str(r[-1]) for r in rows)
    finally:
        engine.dispose()


def test_the_refusal_index_comes_and_goes_and_scrubs_answer_alike(
    fresh_url: str, home: Path
) -> None:
    upgrade(fresh_url, "adv_0006")
    assert _indexes(fresh_url) == dict([OLD])
    _record(fresh_url)
    before = _answers(fresh_url)
    view, looked_up = before
    assert view == looked_up
    # consent, refused, refused, consent again, none (refused another), none
    assert view[0] == view[3] and view[1] == view[2] and view[4] == view[5]
    assert len({view[0], view[1], view[4]}) == 3

    upgrade(fresh_url)
    assert _indexes(fresh_url) == dict([NEW])
    assert _answers(fresh_url) == before
    if fresh_url.startswith("sqlite"):
        assert "USING COVERING INDEX ix_ad_refusals_adv_recipient_received" in _plan(fresh_url)

    downgrade(fresh_url, "adv_0006")
    assert _indexes(fresh_url) == dict([OLD])
    assert _answers(fresh_url) == before
    if fresh_url.startswith("sqlite"):
        assert "COVERING" not in _plan(fresh_url)

    upgrade(fresh_url)
    assert _indexes(fresh_url) == dict([NEW])
    assert _answers(fresh_url) == before
