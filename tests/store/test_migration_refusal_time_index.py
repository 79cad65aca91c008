"""adv_0007: refusals are indexed with their time (advertiser, pseudonym, received_at), so
that a scrub reads them from the index alone; the index of advertiser and pseudonym it
begins with is dropped. What a scrub answers is the same before, after, and after the
downgrade (which puts the old index back)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from index_migrations import Index, check_round_trip, recorded_at

from lachan.registry import advertising as adv
from lachan.registry.advertising_scrub import _refusal_query
from lachan.registry.clock import utcnow
from lachan.store.session import Database

TABLE = "ad_refusals"
NEW: Index = ("ix_ad_refusals_adv_recipient_received",
              ["advertiser_id", "recipient_pseudonym", "received_at"])
OLD: Index = ("ix_ad_refusals_adv_recipient", ["advertiser_id", "recipient_pseudonym"])
#: consented; consented then refused; refused only; refused, then consented again;
#: refused (another advertiser's recipient); never heard of
ASKED = [b"0912000001", b"0912000002", b"0912000003", b"0912000004", b"0912000005",
         b"0912000006"]


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


def test_the_refusal_index_comes_and_goes_and_scrubs_answer_alike(
    fresh_url: str, home: Path
) -> None:
    before = recorded_at(fresh_url, revision="adv_0006", table=TABLE, old=OLD, record=_record,
                         asked=ASKED)
    view = before[0]
    # consent, refused, refused, consent again, none (refused another), none
    assert view[0] == view[3] and view[1] == view[2] and view[4] == view[5]
    assert len({view[0], view[1], view[4]}) == 3

    check_round_trip(fresh_url, revision="adv_0006", table=TABLE, old=OLD, new=NEW,
                     query=_refusal_query(1), asked=ASKED, before=before)
