"""adv_0006: consents are indexed with their channel and times (advertiser, pseudonym,
channel, given_at, withdrawn_at), so that a scrub reads them from the index alone; the
index of advertiser and pseudonym it begins with is dropped. What a scrub answers is the
same before, after, and after the downgrade (which puts the old index back)."""

from __future__ import annotations

from pathlib import Path

from index_migrations import Index, check_round_trip, recorded_at

from lachan.registry import advertising as adv
from lachan.registry.advertising_scrub import _consent_query
from lachan.store.session import Database

TABLE = "ad_consents"
NEW: Index = ("ix_ad_consents_adv_recipient_state",
              ["advertiser_id", "recipient_pseudonym", "channel", "given_at", "withdrawn_at"])
OLD: Index = ("ix_ad_consents_adv_recipient", ["advertiser_id", "recipient_pseudonym"])
#: consented by SMS; consented on every channel; consented then withdrawn; refused
#: after consenting; consented to calls only; never heard of
ASKED = [b"0912000001", b"0912000002", b"0912000003", b"0912000004", b"0912000005",
         b"0912000006"]


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


def test_the_consent_index_comes_and_goes_and_scrubs_answer_alike(
    fresh_url: str, home: Path
) -> None:
    before = recorded_at(fresh_url, revision="adv_0005", table=TABLE, old=OLD, record=_record,
                         asked=ASKED)
    view = before[0]
    assert len(set(view)) == 4  # consent, refused, withdrawn and no consent all occur
    assert view[0] == view[1] and view[4] == view[5]  # SMS or all; calls only or none

    check_round_trip(fresh_url, revision="adv_0005", table=TABLE, old=OLD, new=NEW,
                     query=_consent_query(1, "sms"), asked=ASKED, before=before)
