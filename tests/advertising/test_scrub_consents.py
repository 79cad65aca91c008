"""Scrubbing for an advertiser holding many consents: a short list looks up only its own
recipients, a long one reads every consent at once, and both give the same answers,
which are those the decree's rules call for (given, withdrawn, refused, given again,
not yet given, another channel, on the register)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import numpy as np
import orjson
import pytest

from lachan.registry import advertising as adv
from lachan.registry import advertising_scrub as scrubbing
from lachan.registry import dnc
from lachan.registry.clock import utcnow
from lachan.store.session import Database

SECRET = bytes(range(32))
#: consents of other recipients, besides the cases below: enough for several look-up
#: statements (scrubbing.LOOKUP_BATCH pseudonyms each)
FILLER = 1_600


def _numbers(first: int, n: int) -> list[str]:
    return [f"091{first + i:07d}" for i in range(n)]


@pytest.fixture()
def advertiser(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, dict]]:
    """An advertiser holding FILLER consents and one recipient of each case; yields its
    id and {recipient: reasons expected when scrubbing for SMS}."""
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    now = utcnow()
    ago = [now - timedelta(days=d) for d in range(40)]
    filler = _numbers(1_000_000, FILLER)
    (given, withdrawn, refused, again, future, two, by_call, nothing, listed, only_refused,
     regiven) = (_numbers(2_000_000 + i, 1)[0] for i in range(11))
    with db.transaction() as s:
        aid = adv.create_advertiser(s, "Shop", actor="t").id
        sms = [given, withdrawn, refused, again, two, listed, regiven]
        adv.record_consents(s, aid, [
            *(adv.ConsentInput(r, "sms", given_at=ago[30]) for r in filler + sms),
            adv.ConsentInput(two, "all", given_at=ago[20]),
            adv.ConsentInput(future, "sms", given_at=now + timedelta(days=30)),
            adv.ConsentInput(by_call, "call", given_at=ago[30]),
            adv.ConsentInput("lan@example.vn", "email", given_at=ago[30]),
        ], actor="t")
        adv.withdraw_consent(s, aid, withdrawn, "sms", at=ago[10], actor="t")
        # withdrawing SMS ends its "all" consent for SMS too (calls stay)
        adv.withdraw_consent(s, aid, two, "sms", at=ago[10], actor="t")
        adv.withdraw_consent(s, aid, regiven, "sms", at=ago[10], actor="t")
        for r in (refused, again, only_refused):
            assert adv.record_refusal(s, aid, r, "TC", received_at=ago[5], actor="t")["refusal"]
        adv.record_consents(s, aid, [adv.ConsentInput(r, "sms", given_at=ago[2])
                                     for r in (again, regiven)], actor="t")
        dnc.register(s, listed, "all", actor="t")
    expected = {
        given: [], withdrawn: ["consent_withdrawn"], refused: ["refused"], again: [],
        future: ["no_consent"], two: ["consent_withdrawn"], regiven: [],
        by_call: ["no_consent"], nothing: ["no_consent"], listed: ["dnc:all"],
        only_refused: ["refused"],
        **dict.fromkeys(filler, []),
        **dict.fromkeys(_numbers(3_000_000, 400), ["no_consent"]),
    }
    yield aid, expected


def _scrub(db: Database, aid: int, items: list[str], channel: str = "sms") -> list[dict]:
    with db.read() as s:
        return [row for chunk in scrubbing.scrub(s, aid, channel, [items]) for row in chunk]


def _lines(db: Database, aid: int, items: list[str], chunk: int) -> str:
    with db.read() as s:
        chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
        return "".join(t for t, _n, _ok in scrubbing.scrub_lines(s, aid, "sms", chunks))


def test_a_long_list_and_its_look_ups_give_the_same_answers(
    db: Database, advertiser: tuple[int, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    aid, expected = advertiser
    items = list(expected)
    # the whole view, read at once (what a list longer than the consents gets)
    monkeypatch.setattr(scrubbing, "LOOKUP_RATIO", 10**9)
    whole = _scrub(db, aid, items)
    assert {r["number"]: r["reasons"] for r in whole} == expected
    # each recipient looked up by its pseudonym (what a short list gets)
    monkeypatch.setattr(scrubbing, "LOOKUP_RATIO", 0)
    assert _scrub(db, aid, items) == whole
    assert [orjson.loads(x) for x in _lines(db, aid, items, 700).splitlines()] == whole


def test_a_list_switches_to_the_whole_view_once_it_outgrows_the_consents(
    db: Database, advertiser: tuple[int, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    aid, expected = advertiser
    items = list(expected) * 3  # its recipients come to more than the consents held
    reads: list[int] = []
    view = scrubbing.consent_view
    monkeypatch.setattr(scrubbing, "consent_view",
                        lambda *a, **k: reads.append(1) or view(*a, **k))
    text = _lines(db, aid, items, 100)  # the first chunks are looked up, then the view
    assert reads == [1]
    monkeypatch.setattr(scrubbing, "LOOKUP_RATIO", 10**9)
    assert text == _lines(db, aid, items, 100)
    assert reads == [1, 1]


def test_a_long_list_in_small_chunks_counts_the_consents_a_few_times_only(
    db: Database, advertiser: tuple[int, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    aid, expected = advertiser
    items = list(expected)[:1_500]  # 150 chunks, every one looked up
    monkeypatch.setattr(scrubbing, "LOOKUP_RATIO", 1)
    monkeypatch.setattr(scrubbing, "consent_view", None)  # a read of them all would fail
    limits: list[int] = []
    count = scrubbing._count_held
    monkeypatch.setattr(scrubbing, "_count_held",
                        lambda s, a, limit: limits.append(limit) or count(s, a, limit))
    text = _lines(db, aid, items, 10)
    # counted up to 10, 20, 40, ... rows: not once per chunk, nor further than needed
    assert limits == [10 * 2**i for i in range(len(limits))]
    assert limits[-1] < 2 * len(items)
    assert {orjson.loads(x)["number"]: orjson.loads(x)["reasons"]
            for x in text.splitlines()} == {n: expected[n] for n in items}


def test_a_short_list_does_not_read_every_consent(
    db: Database, advertiser: tuple[int, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    aid, expected = advertiser
    monkeypatch.setattr(scrubbing, "consent_view", None)  # a read of them all would fail
    few = list(expected)[:10]
    assert {r["number"]: r["reasons"] for r in _scrub(db, aid, few)} == {
        n: expected[n] for n in few}


def test_e_mail_addresses_are_looked_up_too(
    db: Database, advertiser: tuple[int, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    aid, _expected = advertiser
    items = ["Lan@Example.VN", "mai@example.vn", "not an address"]
    answers = [(r["number"], r["reasons"]) for r in _scrub(db, aid, items, "email")]
    assert answers == [("lan@example.vn", []), ("mai@example.vn", ["no_consent"]),
                       ("not an address", ["invalid_address"])]
    monkeypatch.setattr(scrubbing, "LOOKUP_RATIO", 10**9)
    assert [(r["number"], r["reasons"]) for r in _scrub(db, aid, items, "email")] == answers


def test_an_advertiser_holding_nothing_keys_no_recipient(db: Database,
                                                         monkeypatch) -> None:
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    with db.transaction() as s:
        aid = adv.create_advertiser(s, "Empty", actor="t").id

    class NoKeying:
        def ad_recipient_digests(self, items):
            raise AssertionError("a recipient was keyed")

    monkeypatch.setattr(scrubbing, "session_vault", lambda _session: NoKeying())
    with db.read() as s:
        lookup = scrubbing.ConsentLookup(s, aid, "sms")
        assert lookup.number_codes(np.array([912345678, -1])).tolist() == [
            scrubbing.NO_CONSENT] * 2
