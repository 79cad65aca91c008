"""Ad copies through the API, on SQLite and PostgreSQL: every rule end to end."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from adv_helpers import GOOD_TEXT, RECIPIENT, copy, setup_advertiser, submit, vn
from sqlalchemy import func, select

from lachan.registry.advertising_copies import CopyInput, submit_copies
from lachan.registry.advertising_parts import sms_parts
from lachan.store.tables_advertising import AdCopy


def test_a_lawful_copy_has_no_violation(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    assert submit(client, aid, h, copy(vn(22, 10))) == [[]]


@pytest.mark.parametrize(
    "hh, mm, bad", [(6, 59, True), (7, 0, False), (21, 59, False), (22, 0, True)]
)
def test_sms_hour_boundaries(client, app, hh: int, mm: int, bad: bool) -> None:
    aid, h = setup_advertiser(client, app)
    got = submit(client, aid, h, copy(vn(22, hh, mm)))[0]
    assert ("OUTSIDE_SENDING_HOURS" in got) is bad


@pytest.mark.parametrize(("channel", "hh", "mm", "ss", "bad"), [
    ("sms", 6, 59, 59, True), ("sms", 7, 0, 0, False),
    ("sms", 21, 59, 59, False), ("sms", 22, 0, 0, True),  # the end is exclusive
    ("call", 16, 59, 59, False), ("call", 17, 0, 0, True),
])
def test_sending_hours_end_before_their_last_minute_ends(client, app, channel: str, hh: int,
                                                         mm: int, ss: int, bad: bool) -> None:
    """Decree 91's "SMS 07:00-22:00; calls 08:00-17:00" is read as [start, end): 21:59:59
    is the last second an SMS ad may be sent, 22:00:00 is outside."""
    aid, h = setup_advertiser(client, app)
    extra = {"text": "", "duration_s": 30} if channel == "call" else {}
    got = submit(client, aid, h, copy(vn(22, hh, mm, ss), channel=channel, **extra))[0]
    assert ("OUTSIDE_SENDING_HOURS" in got) is bad


@pytest.mark.parametrize(("hh", "mm", "ss", "bad"), [(21, 59, 59, False), (22, 0, 0, True)])
def test_consent_request_hours_end_at_22(client, app, hh: int, mm: int, ss: int,
                                        bad: bool) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    dkqc = "DKQC SHOPABC xin gui uu dai. Dong y soan DY, tu choi soan TC gui 8088"
    got = submit(client, aid, h, copy(vn(20, hh, mm, ss), text=dkqc))[0]
    assert ("DKQC_OUTSIDE_HOURS" in got) is bad


@pytest.mark.parametrize(
    "hh, mm, bad", [(7, 59, True), (8, 0, False), (16, 59, False), (17, 0, True)]
)
def test_call_hour_boundaries(client, app, hh: int, mm: int, bad: bool) -> None:
    aid, h = setup_advertiser(client, app)
    got = submit(client, aid, h, copy(vn(22, hh, mm), text="", channel="call", duration_s=40))
    assert ("OUTSIDE_SENDING_HOURS" in got[0]) is bad


def test_sms_cap_within_one_batch_and_across_batches(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    first = submit(client, aid, h, *[copy(vn(22, 9, i)) for i in range(3)])
    assert first == [[], [], []]
    # the 4th within 24 h, in a later request
    assert submit(client, aid, h, copy(vn(22, 20)))[0] == ["FREQUENCY_CAP_EXCEEDED"]


def test_sms_cap_sees_an_earlier_copy_that_arrives_in_a_later_batch(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    assert submit(client, aid, h, copy(vn(22, 10)), copy(vn(22, 11)), copy(vn(22, 12))) == [
        [], [], []]
    # sent at 09:00, before the three, but submitted after them: 4 in [09:00, +24 h)
    assert submit(client, aid, h, copy(vn(22, 9)))[0] == ["FREQUENCY_CAP_EXCEEDED"]
    # a day earlier, 24 h before the 09:00 one: no window holds it with more than 3
    assert submit(client, aid, h, copy(vn(21, 9))) == [[]]


def test_out_of_order_copies_in_one_batch_and_the_busiest_window(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    assert submit(client, aid, h, copy(vn(22, 20)), copy(vn(23, 8))) == [[], []]
    # 22 Nov 10:00 .. 23 Nov 08:00: four copies within 24 h once 14:00 arrives
    got = submit(client, aid, h, copy(vn(22, 14)), copy(vn(22, 10)))
    assert got == [["FREQUENCY_CAP_EXCEEDED"], []]


def test_a_copy_submitted_again_is_the_same_copy(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    first = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                        json={"copies": [copy(vn(22, 10))]}).json()
    assert first["duplicates"] == 0 and first["results"][0]["duplicate"] is False
    cid = first["results"][0]["id"]
    for _ in range(3):  # three resubmissions would be the 4th copy if counted
        again = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                            json={"copies": [copy(vn(22, 10))]}).json()
        assert again["duplicates"] == 1
        assert again["results"][0] == {"id": cid, "recipient": RECIPIENT, "violations": [],
                                       "escalated": False, "duplicate": True}
    # in one batch: the repeat names the first; other content or time is another copy
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=h, json={"copies": [
        copy(vn(22, 11)), copy(vn(22, 11)), copy(vn(22, 12), text=GOOD_TEXT + " ")]}).json()
    ids = [x["id"] for x in r["results"]]
    assert ids[0] == ids[1] != ids[2] and [x["duplicate"] for x in r["results"]] == [
        False, True, False]
    assert [x["violations"] for x in r["results"]][:2] == [[], []]
    with app.state.db.read() as session:
        stored = session.scalar(select(func.count()).select_from(AdCopy))
    assert stored == 3
    # a repeat keeps the violations found the first time
    late = copy(vn(23, 23))
    assert submit(client, aid, h, late) == [["OUTSIDE_SENDING_HOURS"]]
    assert submit(client, aid, h, late) == [["OUTSIDE_SENDING_HOURS"]]


def test_the_same_copy_sent_again_while_the_first_runs_is_stored_once(client, app) -> None:
    """A client retries while its first request is still running: the retry waits for
    the first to commit and is answered as its duplicate, so one copy is stored and
    counted (PostgreSQL took both, each ``duplicate: false``; SQLite writers take turns
    anyway)."""
    aid, h = setup_advertiser(client, app)
    retried: list[dict] = []

    def retry() -> None:
        retried.append(client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                                   json={"copies": [copy(vn(22, 10))]}).json())

    with app.state.db.transaction() as session:
        first = submit_copies(session, aid, [CopyInput(
            "SHOPABC", RECIPIENT, "sms", vn(22, 10), GOOD_TEXT)], actor="test")
        other = threading.Thread(target=retry)
        other.start()
        other.join(timeout=1.0)
        assert other.is_alive()  # it must not get past the first, still uncommitted
    other.join()
    assert first[0]["duplicate"] is False
    assert retried[0]["duplicates"] == 1
    assert retried[0]["results"][0]["id"] == first[0]["id"]
    assert retried[0]["results"][0]["duplicate"] is True
    with app.state.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AdCopy)) == 1


def test_call_cap_edges_of_the_24_hour_window(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    t0 = vn(22, 9)
    call = {"text": "", "channel": "call", "duration_s": 30}
    assert submit(client, aid, h, copy(t0, **call)) == [[]]
    just_inside = t0 + timedelta(hours=24) - timedelta(seconds=1)  # 08:59:59 next day
    assert submit(client, aid, h, copy(just_inside, **call))[0] == ["FREQUENCY_CAP_EXCEEDED"]


def test_call_exactly_24_hours_later_is_allowed(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    t0 = vn(22, 9)
    call = {"text": "", "channel": "call", "duration_s": 30}
    assert submit(client, aid, h, copy(t0, **call), copy(t0 + timedelta(hours=24), **call)) == [
        [], []
    ]


def test_unregistered_foreign_and_phone_senders(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    got = submit(client, aid, h, copy(vn(22, 10), sender="NOSUCHNAME"),
                 copy(vn(22, 11), sender="0987654321"))
    assert got == [["BRANDNAME_NOT_REGISTERED"], ["SENDER_PHONE_NUMBER"]]
    # SHOPABC is registered by someone else for a second advertiser
    other, h2 = setup_advertiser_named(client, app, "Other Co")
    assert submit(client, other, h2, copy(vn(22, 10)))[0][0] == "BRANDNAME_NOT_OWNED"


def setup_advertiser_named(client, app, name: str):
    from adv_helpers import auth, make_key

    h = auth(make_key(app, "advertiser"))
    aid = client.post("/v1/advertisers", json={"name": name}, headers=h).json()["id"]
    client.post(f"/v1/advertisers/{aid}/templates", json={"text": "[QC] {x}. Tu choi soan TC"},
                headers=h)
    client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": RECIPIENT, "given_at": "2026-11-01T00:00:00+07:00"}]})
    return aid, h


def test_consent_withdrawal_and_no_consent(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/consents/withdraw", headers=h,
                    json={"recipient": "+84 912 345 678", "at": "2026-11-22T12:00:00+07:00"})
    assert r.json() == {"withdrawn": 1}
    got = submit(client, aid, h, copy(vn(22, 11)), copy(vn(22, 13)),
                 copy(vn(22, 13), recipient="0987000111"))
    assert got == [[], ["CONSENT_WITHDRAWN"], ["NO_CONSENT"]]


def test_refusal_then_later_ads_are_violations(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/refusals", headers=h, json={
        "recipient": RECIPIENT, "reply": "Từ chối", "received_at": "2026-11-22T10:00:00+07:00"})
    body = r.json()
    assert r.status_code == 200 and body["refusal"] is True and body["keyword"] == "TU CHOI"
    assert body["confirmation"].startswith("SHOPABC: Da nhan yeu cau tu choi quang cao")
    assert "10:00 22/11/2026" in body["confirmation"] and body["confirmation"].isascii()
    got = submit(client, aid, h, copy(vn(22, 9, 59)), copy(vn(22, 10, 0)), copy(vn(23, 10)))
    assert got == [[], ["RECIPIENT_REFUSED"], ["RECIPIENT_REFUSED"]]
    ok = client.post(f"/v1/advertisers/{aid}/refusals", headers=h,
                     json={"recipient": RECIPIENT, "reply": "cam on shop"}).json()
    assert ok["refusal"] is False


def test_dnc_listed_recipient(client, app) -> None:
    from lachan.registry import dnc

    aid, h = setup_advertiser(client, app)
    with app.state.db.transaction() as session:
        dnc.register(session, RECIPIENT, "sms", now=vn(1, 8))
    call = {"text": "", "channel": "call", "duration_s": 30}
    got = submit(client, aid, h, copy(vn(22, 10)), copy(vn(22, 11), **call))
    assert got == [["DNC_LISTED"], []]
    r = client.get(f"/v1/advertisers/{aid}/violations", headers=h).json()
    assert r["violations"][0]["fine"] == {"min_vnd": 80_000_000, "max_vnd": 100_000_000}
    assert r["violations"][0]["evidence"] == {"scope": "sms"}


def test_dnc_is_judged_by_the_register_as_it_stood_at_the_send(client, app) -> None:
    from lachan.registry import dnc

    aid, h = setup_advertiser(client, app)
    with app.state.db.transaction() as session:
        dnc.register(session, RECIPIENT, "all", now=vn(10, 8))
        dnc.unregister(session, RECIPIENT, "all", now=vn(20, 8))
        dnc.register(session, RECIPIENT, "sms", now=vn(25, 8))
    # before it joined, while on it, after it left, on it again
    got = submit(client, aid, h, copy(vn(9, 10)), copy(vn(15, 10)), copy(vn(22, 10)),
                 copy(vn(26, 10)))
    assert got == [[], ["DNC_LISTED"], [], ["DNC_LISTED"]]


LANDLINE = "024 3825 1234"


def test_an_ad_call_to_a_landline_is_checked_like_one_to_a_mobile(client, app) -> None:
    from lachan.registry import dnc

    aid, h = setup_advertiser(client, app)
    call = {"text": "", "channel": "call", "duration_s": 30, "recipient": LANDLINE}
    assert submit(client, aid, h, copy(vn(18, 10), **call)) == [["NO_CONSENT"]]
    r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": "+84 24 3825 1234", "channel": "call", "method": "online",
         "proof_ref": "web-2", "given_at": "2026-11-01T00:00:00+07:00"}]})
    assert r.status_code == 201, r.text
    with app.state.db.transaction() as session:
        dnc.register(session, LANDLINE, "call", now=vn(21, 8))
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                    json={"copies": [copy(vn(20, 10), **call), copy(vn(22, 10), **call)]})
    assert r.status_code == 200, r.text
    # judged by the register as it stood at each call
    assert [(x["recipient"], [v["rule"] for v in x["violations"]])
            for x in r.json()["results"]] == [("02438251234", []),
                                              ("02438251234", ["DNC_LISTED"])]
    # a landline can refuse (by call): the refusal is recorded under the same number
    r = client.post(f"/v1/advertisers/{aid}/refusals", headers=h,
                    json={"recipient": LANDLINE, "reply": "TC",
                          "received_at": "2026-11-23T09:00:00+07:00"})
    assert r.status_code == 200 and r.json()["recipient"] == "02438251234", r.text
    assert "RECIPIENT_REFUSED" in submit(client, aid, h, copy(vn(25, 10), **call))[0]


def test_a_landline_cannot_be_sent_an_sms_nor_consent_to_one(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                    json={"copies": [copy(vn(22, 10), recipient=LANDLINE)]})
    assert r.status_code == 422
    assert "item 0: a fixed line (landline) cannot receive sms messages, only calls" in r.text
    for channel in ("sms", "all"):
        r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
            {"recipient": LANDLINE, "channel": channel, "method": "online", "proof_ref": "w"}]})
        assert r.status_code == 422 and "fixed line (landline)" in r.text, r.text


def test_consent_request_rules(client, app) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    dkqc = "DKQC SHOPABC xin gui uu dai. Dong y soan DY, tu choi soan TC gui 8088"
    got = submit(client, aid, h, copy(vn(20, 10), text=dkqc), copy(vn(20, 12), text=dkqc),
                 copy(vn(20, 15)), copy(vn(21, 10, 0)))
    # the second request is one too many; an ad before the 24 h is no consent;
    # after 24 h of silence it counts as a refusal
    assert got == [[], ["DKQC_REPEATED"], ["NO_CONSENT"], ["DKQC_NO_REPLY"]]


def test_label_opt_out_template_and_email_tag(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    got = submit(client, aid, h, copy(vn(22, 10), text="Giam 30% cho ban Lan tai SHOPABC."),
                 copy(vn(22, 10, 1), channel="email", recipient="Lan@Example.VN",
                      subject="Uu dai", text=GOOD_TEXT))
    assert got[0] == ["AD_LABEL_MISSING", "OPT_OUT_MISSING", "TEMPLATE_MISMATCH"]
    # e-mail: consent covers "all" channels but only numbers; the address has none
    assert "EMAIL_SUBJECT_TAG_MISSING" in got[1] and "NO_CONSENT" in got[1]


def test_opt_out_must_be_in_the_last_part_of_a_long_sms(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    offer = "[QC] Ưu đãi tháng 11: giảm giá 30% toàn bộ sản phẩm tại SHOPABC. "
    opt_out = "Từ chối nhận QC soạn TC gửi 8088. "
    closing = "Cảm ơn quý khách đã luôn tin tưởng và đồng hành cùng cửa hàng chúng tôi!"
    # with diacritics an SMS is sent in parts of 67 characters: the instruction lies in
    # the last 160 characters, but two parts before the end
    early = offer + opt_out + closing
    late = offer + closing + " " + opt_out
    got = submit(client, aid, h, copy(vn(22, 10), text=early), copy(vn(22, 11), text=late))
    assert "OPT_OUT_MISSING" in got[0] and "OPT_OUT_MISSING" not in got[1]
    r = client.get(f"/v1/advertisers/{aid}/violations", headers=h).json()["violations"]
    found = next(v for v in r if v["rule"] == "OPT_OUT_MISSING")
    assert found["evidence"]["encoding"] == "ucs2" and found["evidence"]["parts"] == 3
    assert "last part" in found["explanation"]
    # an instruction that runs from one part into the last, and a one-part SMS, are fine
    gsm = "[QC] " + ("Giam gia 30% " * 11)[:143] + "Tu choi soan TC gui 8088"
    parts = sms_parts(gsm)  # "[" and "]" cost two units each: "Tu" ends part 1 of 153
    assert parts.parts == 2 and gsm.index("Tu choi") < parts.last_part_start
    assert "OPT_OUT_MISSING" not in submit(client, aid, h, copy(vn(22, 12), text=gsm))[0]
    assert "OPT_OUT_MISSING" not in submit(client, aid, h, copy(vn(23, 9), text=GOOD_TEXT))[0]


def _split_before(ending: str, cut: str, head: str) -> str:
    """An SMS of ``head``, filler and ``ending`` whose last part starts where ``cut``
    starts in ``ending``."""
    k = ending.index(cut)
    gsm = sms_parts(head + ending).encoding == "gsm7"
    per_part = 153 if gsm else 67
    before = (sms_parts(head).units if gsm else len(head)) + k  # units before the cut
    text = head + "x" * (-before % per_part + per_part) + ending
    assert text[sms_parts(text).last_part_start :] == ending[k:]
    return text


@pytest.mark.parametrize(("ending", "cut", "lawful"), [
    ("Tu choi nhan QC soan TC gui 8088", "gui", True),
    ("Tu choi nhan QC soan TC gui 8088.", "gui", True),
    ("Tu choi QC soan TC gui den tong dai 8xxx (mien phi)", "gui", True),
    ("Từ chối nhận QC soạn TC gửi 8088", "gửi", True),
    ("Tu choi nhan QC soan TC gui 8088", "8088", True),
    # the last part carries more than the rest of the instruction
    ("Tu choi nhan QC soan TC gui 8088. Mua ngay hom nay!", "gui", False),
    ("Tu choi nhan QC soan TC. Mua ngay hom nay!", "Mua", False),
])
def test_an_opt_out_finished_in_the_last_part_is_at_the_end(
    client, app, ending: str, cut: str, lawful: bool
) -> None:
    """A compliant ad is split so that its last part holds only the end of the opt-out
    instruction ("gui 8088"): the instruction is at the end of the SMS."""
    aid, h = setup_advertiser(client, app)
    text = _split_before(ending, cut, "[QC] Giam gia 30% toan bo san pham tai SHOPABC. ")
    got = submit(client, aid, h, copy(vn(22, 10), text=text))[0]
    assert ("OPT_OUT_MISSING" not in got) is lawful, got


def test_scam_ad_is_escalated_to_the_centre(client, app) -> None:
    from lachan.registry.sources import find

    aid, h = setup_advertiser(client, app)
    with app.state.db.read() as session:
        assert find(session, "brandname", "SHOPABC") is None
    scam = ("[QC] Tai khoan Vietcombank cua quy khach bi khoa. Dang nhap http://vcb-xacminh.top "
            "de xac minh ngay. Tu choi soan TC")
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                    json={"copies": [copy(vn(22, 10), text=scam), copy(vn(22, 11))]}).json()
    res = r["results"][0]
    assert res["escalated"] is True and "SCAM_CONTENT" in [v["rule"] for v in res["violations"]]
    assert r["results"][1]["escalated"] is False
    with app.state.db.read() as session:
        src = find(session, "brandname", "SHOPABC")
        assert src is not None and src.detections == 1


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"recipient": "09123"}, "item 1: not a Vietnamese mobile number"),
        ({"recipient": "not-an-address", "channel": "email", "subject": "[QC] x"},
         "item 1: not an e-mail address"),
    ],
)
def test_bad_copy_refuses_the_whole_batch(client, app, bad: dict, message: str) -> None:
    aid, h = setup_advertiser(client, app)
    batch = [copy(vn(22, 10)), copy(vn(22, 11), **bad)]
    r = client.post(f"/v1/advertisers/{aid}/copies", json={"copies": batch}, headers=h)
    assert r.status_code == 422 and message in r.json()["detail"]
    with app.state.db.read() as session:
        assert session.execute(select(func.count()).select_from(AdCopy)).scalar_one() == 0


def test_naive_time_and_unknown_fields_are_refused(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    c = copy(vn(22, 10))
    c["sent_at"] = "2026-11-22T10:00:00"
    r = client.post(f"/v1/advertisers/{aid}/copies", json={"copies": [c]}, headers=h)
    assert r.status_code == 422
    c = copy(vn(22, 10), colour="red")
    r = client.post(f"/v1/advertisers/{aid}/copies", json={"copies": [c]}, headers=h)
    assert r.status_code == 422
    r = client.post(f"/v1/advertisers/{aid}/copies", json={"copies": []}, headers=h)
    assert r.status_code == 422


def test_unknown_and_foreign_advertisers(client, app) -> None:
    aid, h = setup_advertiser(client, app)
    other, h2 = setup_advertiser_named(client, app, "Other Co")
    r = client.post("/v1/advertisers/9999/copies", json={"copies": [copy(vn(22, 10))]}, headers=h)
    assert r.status_code == 404 and "unknown advertiser" in r.json()["detail"]
    # an advertiser key cannot reach another advertiser
    r = client.post(f"/v1/advertisers/{other}/copies", json={"copies": [copy(vn(22, 10))]},
                    headers=h)
    assert r.status_code == 404


def test_accepting_a_consent_request_by_reply(client, app) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    dkqc = "DKQC SHOPABC xin gui uu dai. Dong y soan DY, tu choi soan TC gui 8088"
    other = "0987000111"
    assert submit(client, aid, h, copy(vn(20, 10), text=dkqc),
                  copy(vn(20, 10), text=dkqc, recipient=other)) == [[], []]
    url = f"/v1/advertisers/{aid}/refusals"
    r = client.post(url, headers=h, json={"recipient": RECIPIENT, "reply": "Đồng Ý!!",
                                          "received_at": "2026-11-20T18:00:00+07:00"}).json()
    assert r["refusal"] is False and r["consent"] is True
    # the consent's proof names the accepted phrase, not the subscriber's words
    shown = client.get(f"/v1/advertisers/{aid}/consents", headers=h).json()["consents"]
    assert [c["proof_ref"] for c in shown if c["method"] == "reply"] == ["DKQC reply: dong y"]
    late = client.post(url, headers=h, json={"recipient": other, "reply": "DY",
                                              "received_at": "2026-11-21T10:01:00+07:00"}).json()
    assert late["consent"] is False and "silence" in late["detail"]
    got = submit(client, aid, h, copy(vn(21, 11)), copy(vn(21, 11), recipient=other))
    assert got == [[], ["DKQC_NO_REPLY"]]


def test_uncertain_rules_are_overridden_by_configuration(client, app, tmp_path,
                                                         monkeypatch) -> None:
    import json

    aid, h = setup_advertiser(client, app)
    email = copy(vn(22, 10), channel="email", recipient="lan@example.vn", subject="[ADV] Uu dai")
    client.post(f"/v1/advertisers/{aid}/consents", headers=h,
                json={"consents": [{"recipient": "lan@example.vn", "channel": "email",
                                    "given_at": "2026-11-01T00:00:00+07:00"}]})
    client.post(f"/v1/advertisers/{aid}/templates", headers=h,
                json={"text": GOOD_TEXT, "channel": "email"})
    assert submit(client, aid, h, email) == [[]]
    cfg = tmp_path / "rules.json"
    cfg.write_text(json.dumps({"email_subject_tags": ["[QC]"]}))
    monkeypatch.setenv("LACHAN_AD_RULES", str(cfg))
    email["sent_at"] = vn(22, 11).isoformat()
    assert submit(client, aid, h, email) == [["EMAIL_SUBJECT_TAG_MISSING"]]


def test_recipient_may_agree_to_more_than_the_cap(client, app) -> None:
    aid, h = setup_advertiser(client, app, consent=False)
    r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": RECIPIENT, "channel": "sms", "daily_limit": 5,
         "given_at": "2026-11-01T00:00:00+07:00"}]})
    assert r.status_code == 201
    got = submit(client, aid, h, *[copy(vn(22, 9, i)) for i in range(6)])
    assert got == [[], [], [], [], [], ["FREQUENCY_CAP_EXCEEDED"]]
    r = client.post(f"/v1/advertisers/{aid}/consents", headers=h, json={"consents": [
        {"recipient": RECIPIENT, "daily_limit": 0}]})
    assert r.status_code == 422


def test_stored_copies_and_violations_read_back_as_sent(client, app) -> None:
    """Copies and violations are written in bulk; what is read back is what was sent
    (times in UTC, to the microsecond), on SQLite and PostgreSQL alike."""
    from datetime import UTC

    from lachan.registry.advertising_recipients import COPY_TEXT, Recipients
    from lachan.store.tables_advertising import Violation

    aid, h = setup_advertiser(client, app)
    t0 = vn(22, 9, 30, 15).replace(microsecond=123456)
    got = submit(client, aid, h, *[copy(t0 + timedelta(minutes=i)) for i in range(4)],
                 copy(vn(22, 23), channel="call", text="", duration_s=0))
    assert got == [[], [], [], ["FREQUENCY_CAP_EXCEEDED"], ["OUTSIDE_SENDING_HOURS"]]
    with app.state.db.read() as session:
        rows = session.execute(select(AdCopy).order_by(AdCopy.id)).scalars().all()
        assert [r.sent_at.replace(tzinfo=UTC) if r.sent_at.tzinfo is None else r.sent_at
                for r in rows[:4]] == [t0 + timedelta(minutes=i) for i in range(4)]
        assert [r.violations for r in rows] == [0, 0, 0, 1, 1]
        assert [r.is_consent_request for r in rows] == [False] * 5
        keyed = Recipients.of(session)  # (the texts are stored encrypted)
        assert rows[4].duration_s == 0 and keyed.open(COPY_TEXT, aid, rows[4].text_enc) == ""
        assert keyed.open(COPY_TEXT, aid, rows[0].text_enc) == GOOD_TEXT
        v = session.execute(select(Violation).order_by(Violation.id)).scalars().all()
        assert [(x.copy_id, x.rule) for x in v] == [
            (rows[3].id, "FREQUENCY_CAP_EXCEEDED"), (rows[4].id, "OUTSIDE_SENDING_HOURS")]
        assert v[0].sent_at.replace(tzinfo=None) == rows[3].sent_at.replace(tzinfo=None)
    listed = client.get(f"/v1/advertisers/{aid}/violations", headers=h).json()["violations"]
    assert [x["rule"] for x in listed] == ["FREQUENCY_CAP_EXCEEDED", "OUTSIDE_SENDING_HOURS"]


def test_garbage_collection_is_back_on_after_a_batch(client, app) -> None:
    import gc

    aid, h = setup_advertiser(client, app)
    assert submit(client, aid, h, copy(vn(22, 10))) == [[]]
    assert gc.isenabled()
    r = client.post(f"/v1/advertisers/{aid}/copies", headers=h,
                    json={"copies": [copy(vn(22, 11)), copy(vn(22, 12), recipient="09123")]})
    assert r.status_code == 422 and gc.isenabled()
