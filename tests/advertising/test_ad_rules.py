"""Pure Decree 91 checks of one ad copy (no database)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.detect.ad_rules import (
    AdCopy,
    AdInputError,
    BrandnameError,
    BrandnameFacts,
    CopyFacts,
    TemplateError,
    brandname_key,
    brandname_valid_until,
    check_copy,
    is_phone_sender,
    parse_template,
    validate_brandname,
)
from lachan.rules import DEFAULT_RULES, with_overrides

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TEXT = "[QC] Giam 30% cho ban Lan tai SHOPABC. Tu choi soan TC gui 8088"
TEMPLATE = parse_template("[QC] Giam {pct} cho ban {name} tai SHOPABC. Tu choi soan TC gui 8088")


def vn(hh: int, mm: int, day: int = 22) -> datetime:
    return datetime(2026, 11, day, hh, mm, tzinfo=VN)


def brand(adv: int = 1) -> BrandnameFacts:
    return BrandnameFacts("SHOPABC", adv, datetime(2025, 1, 1, tzinfo=UTC),
                          datetime(2028, 1, 1, tzinfo=UTC))


def good_facts(**kw) -> CopyFacts:
    base = dict(brandname=brand(), consent_state="given", templates=(TEMPLATE,),
                advertiser_names=("SHOPABC",))
    base.update(kw)
    return CopyFacts(**base)


def copy(channel: str = "sms", at: datetime | None = None, **kw) -> AdCopy:
    base = dict(advertiser_id=1, sender="SHOPABC", recipient="0912345678", channel=channel,
                sent_at=at or vn(10, 0), text=TEXT)
    base.update(kw)
    return AdCopy(**base)


def rules_of(c: AdCopy, facts: CopyFacts | None = None) -> list[str]:
    return [v.rule for v in check_copy(c, facts or good_facts())]


def test_a_lawful_sms_has_no_violation() -> None:
    assert check_copy(copy(), good_facts()) == []


@pytest.mark.parametrize(
    "hh, mm, bad", [(6, 59, True), (7, 0, False), (21, 59, False), (22, 0, True), (0, 0, True)]
)
def test_sms_hours_boundaries(hh: int, mm: int, bad: bool) -> None:
    got = rules_of(copy(at=vn(hh, mm)))
    assert ("OUTSIDE_SENDING_HOURS" in got) is bad


@pytest.mark.parametrize(
    "hh, mm, bad", [(7, 59, True), (8, 0, False), (16, 59, False), (17, 0, True)]
)
def test_call_hours_boundaries(hh: int, mm: int, bad: bool) -> None:
    got = check_copy(copy("call", at=vn(hh, mm), text=""), good_facts())
    hits = [v for v in got if v.rule == "OUTSIDE_SENDING_HOURS"]
    assert bool(hits) is bad
    if bad:
        assert hits[0].fine is not None and hits[0].fine.min_vnd == 20_000_000
        assert f"{hh:02d}:{mm:02d}" in hits[0].explanation


def test_hours_are_read_in_vietnam_time_whatever_the_offset_sent() -> None:
    # 23:30 UTC is 06:30 next day in Hanoi: too early for SMS
    assert "OUTSIDE_SENDING_HOURS" in rules_of(copy(at=datetime(2026, 11, 22, 23, 30, tzinfo=UTC)))
    # 01:00 UTC is 08:00 in Hanoi: fine for SMS
    assert "OUTSIDE_SENDING_HOURS" not in rules_of(
        copy(at=datetime(2026, 11, 22, 1, 0, tzinfo=UTC))
    )


def test_naive_time_is_refused() -> None:
    with pytest.raises(AdInputError, match="time zone"):
        check_copy(copy(at=datetime(2026, 11, 22, 10, 0)), good_facts())


@pytest.mark.parametrize("channel, cap", [("sms", 3), ("email", 3), ("call", 1)])
def test_frequency_caps(channel: str, cap: int) -> None:
    extra = {"subject": "[QC] Uu dai"} if channel == "email" else {}
    c = copy(channel, **extra)
    ok = check_copy(c, good_facts(prior_sends=cap - 1))
    over = check_copy(c, good_facts(prior_sends=cap))
    assert "FREQUENCY_CAP_EXCEEDED" not in [v.rule for v in ok]
    hit = [v for v in over if v.rule == "FREQUENCY_CAP_EXCEEDED"]
    assert hit and hit[0].evidence == {"count": cap + 1, "cap": cap, "window_hours": 24}


def test_label_and_opt_out() -> None:
    assert "AD_LABEL_MISSING" in rules_of(copy(text="Giam 30%. Tu choi soan TC gui 8088"))
    assert "AD_LABEL_MISSING" not in rules_of(copy(text="[AD] Sale 30%. Reply STOP to opt out"))
    assert "OPT_OUT_MISSING" in rules_of(copy(text="[QC] Giam 30% hom nay tai SHOPABC"))
    # diacritics do not matter in the opt-out instruction
    assert "OPT_OUT_MISSING" not in rules_of(copy(text="[QC] Giảm 30%. Từ chối soạn TC gửi 8088"))


def test_email_subject_tag() -> None:
    e = copy("email", subject="Uu dai thang 11")
    assert "EMAIL_SUBJECT_TAG_MISSING" in rules_of(e)
    assert "EMAIL_SUBJECT_TAG_MISSING" not in rules_of(copy("email", subject="[ADV] Uu dai"))
    strict = with_overrides(DEFAULT_RULES, {"email_subject_tags": ["[QC]"]})
    assert "EMAIL_SUBJECT_TAG_MISSING" in [
        v.rule for v in check_copy(copy("email", subject="[ADV] Uu dai"), good_facts(), strict)
    ]


def test_senders() -> None:
    assert rules_of(copy(sender="0912 345 678")) == ["SENDER_PHONE_NUMBER"]
    assert "BRANDNAME_NOT_REGISTERED" in rules_of(copy(), good_facts(brandname=None))
    assert "BRANDNAME_NOT_OWNED" in rules_of(copy(), good_facts(brandname=brand(adv=2)))
    late = copy(at=datetime(2028, 1, 1, 3, 0, tzinfo=UTC))
    assert "BRANDNAME_EXPIRED" in rules_of(late)
    assert is_phone_sender("+84 912-345-678") and not is_phone_sender("8X-SHOP")


@pytest.mark.parametrize(
    "state, rule",
    [("none", "NO_CONSENT"), ("withdrawn", "CONSENT_WITHDRAWN"), ("refused", "RECIPIENT_REFUSED"),
     ("dkqc_no_reply", "DKQC_NO_REPLY"), ("dkqc_pending", "NO_CONSENT")],
)
def test_consent_states(state: str, rule: str) -> None:
    got = check_copy(copy(), good_facts(consent_state=state))
    assert [v.rule for v in got] == [rule]
    assert got[0].fine is not None and got[0].fine.max_vnd == 10_000_000


@pytest.mark.parametrize(
    "scope, channel, listed",
    [("all", "sms", True), ("sms", "sms", True), ("call", "sms", False), ("call", "call", True),
     ("sms", "call", False), ("all", "email", False), (None, "sms", False)],
)
def test_dnc_scope_per_channel(scope: str | None, channel: str, listed: bool) -> None:
    extra = {"subject": "[QC] Uu dai"} if channel == "email" else {}
    got = check_copy(copy(channel, **extra), good_facts(dnc_scope=scope))
    dnc = [v for v in got if v.rule == "DNC_LISTED"]
    assert bool(dnc) is listed
    if listed:
        assert dnc[0].fine is not None and dnc[0].fine.min_vnd == 80_000_000


DKQC = "DKQC SHOPABC xin gui quang cao. Dong y soan DY, tu choi soan TC gui 8088"


def test_consent_request_rules() -> None:
    facts = good_facts(consent_state="none", templates=())
    assert check_copy(copy(text=DKQC), facts) == []  # needs no consent, no label, no template
    assert [v.rule for v in check_copy(copy(text=DKQC, at=vn(22, 0)), facts)] == [
        "DKQC_OUTSIDE_HOURS"
    ]
    assert [v.rule for v in check_copy(copy(text=DKQC), good_facts(prior_dkqc=1))] == [
        "DKQC_REPEATED"
    ]
    bad = check_copy(copy(text="DKQC Nhan uu dai hang tuan"), facts)
    assert [v.rule for v in bad] == ["DKQC_INCOMPLETE"]
    assert set(bad[0].evidence["missing"]) == {
        "who the advertiser is", "how to accept", "how to refuse"
    }


def test_template_match() -> None:
    assert "TEMPLATE_MISMATCH" in rules_of(copy(text="[QC] Mua 1 tang 1. Tu choi soan TC"))
    assert "TEMPLATE_MISMATCH" in rules_of(copy(), good_facts(templates=()))
    relaxed = with_overrides(DEFAULT_RULES, {"require_template": False})
    assert check_copy(copy(), good_facts(templates=()), relaxed) == []
    # whitespace differences do not matter
    assert "TEMPLATE_MISMATCH" not in rules_of(copy(text=TEXT.replace(" ", "  \n ")))


def test_scam_content_is_a_violation() -> None:
    got = check_copy(copy(), good_facts(content_label="scam", content_score=0.97,
                                        content_symbols=("MONEY_TRANSFER_REQUEST",)))
    assert [v.rule for v in got] == ["SCAM_CONTENT"]
    assert got[0].evidence["symbols"] == ["MONEY_TRANSFER_REQUEST"]
    assert check_copy(copy(), good_facts(content_label="ad", content_score=0.9)) == []


def test_unknown_channel() -> None:
    with pytest.raises(AdInputError, match="unknown channel"):
        check_copy(copy("fax"), good_facts())


# ------------------------------------------------------------------ brandnames


@pytest.mark.parametrize("name", ["SHOPABC", "VCB", "8X-SHOP", "A.B_C D-1", "ABCDEFGHIJK"])
def test_valid_brandnames(name: str) -> None:
    assert validate_brandname(f" {name} ") == name


@pytest.mark.parametrize(
    "name, why",
    [("ABCDEFGHIJKL", "at most 11"), ("12345", "digits only"), ("SHOP@ABC", "not allowed"),
     ("CỬAHÀNG", "not allowed"), ("", "empty"), ("   ", "empty"), ("12 34", "digits only"),
     ("___", "a letter"), ("- -", "a letter")],
)
def test_invalid_brandnames(name: str, why: str) -> None:
    with pytest.raises(BrandnameError, match=why):
        validate_brandname(name)


def test_brandname_key_and_validity() -> None:
    assert brandname_key(" ShopAbc ") == brandname_key("SHOPABC")
    # one brandname however many spaces it is written with (Art. 23: unique nationwide)
    assert brandname_key("DIEN  MAY") == brandname_key("Dien May")
    assert validate_brandname("DIEN  MAY") == "DIEN MAY"
    start = datetime(2024, 2, 29, tzinfo=UTC)
    assert brandname_valid_until(start) == datetime(2027, 3, 1, tzinfo=UTC)
    assert brandname_valid_until(datetime(2026, 5, 1, tzinfo=UTC)) == datetime(
        2029, 5, 1, tzinfo=UTC
    )


@given(st.text(max_size=30))
def test_brandname_validation_never_crashes(name: str) -> None:
    try:
        out = validate_brandname(name)
    except BrandnameError:
        return
    assert 1 <= len(out) <= 11 and not out.replace(" ", "").isdigit()


# ------------------------------------------------------------------ templates


@pytest.mark.parametrize(
    "text, why",
    [("[QC] Giam {pct% hom nay", "no closing"), ("[QC] Giam pct}%", "no opening"),
     ("[QC] {a{b}}", "no closing"), ("{a}{b} x", "side by side"), ("{a}", "no fixed text"),
     ("", "empty"), ("[QC] {bad name!}", "slot name")],
)
def test_bad_templates(text: str, why: str) -> None:
    with pytest.raises(TemplateError, match=why):
        parse_template(text)


def test_template_slots_and_escapes() -> None:
    t = parse_template("[QC] {{Uu dai}} {pct}% cho {name}")
    assert t.slots == ("pct", "name")
    assert t.matches("[QC] {Uu dai} 30% cho Lan")
    assert not t.matches("[QC] {Uu dai} cho Lan")  # a slot stands for at least one character
    assert not t.matches("[QC] {Uu dai} 30% cho " + "x" * 61)  # slot longer than the limit


_slot_value = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1, max_size=20,
)


@given(
    st.lists(st.text(alphabet="abc XYZ.%[]", min_size=1, max_size=12), min_size=1, max_size=4),
    st.lists(_slot_value, min_size=4, max_size=4),
)
def test_a_filled_template_matches_itself(fixed: list[str], values: list[str]) -> None:
    fixed = [f"q{f}" for f in fixed]  # never empty between slots
    text = "{s0}".join(fixed[:2]) if len(fixed) > 1 else fixed[0] + " {s0}"
    for i, f in enumerate(fixed[2:], start=1):
        text += f"{{s{i}}}" + f
    t = parse_template(text)
    filled = t.fill({f"s{i}": v for i, v in enumerate(values)})
    assert t.matches(filled)


@given(st.text(max_size=60))
def test_template_parser_never_crashes(text: str) -> None:
    try:
        t = parse_template(text)
    except TemplateError:
        return
    assert t.text == text


def test_consent_request_prefix_is_configurable() -> None:
    text = "DANGKY SHOPABC xin gui quang cao. Dong y soan DY, tu choi soan TC gui 8088"
    assert not copy(text=text).is_consent_request
    c = copy(text=text, consent_prefix="DANGKY")
    assert c.is_consent_request
    assert check_copy(c, good_facts(consent_state="none", templates=())) == []
    assert not copy(text=text, channel="email", consent_prefix="DANGKY").is_consent_request


def test_agreed_daily_limit_replaces_the_cap_only_with_consent() -> None:
    assert "FREQUENCY_CAP_EXCEEDED" not in rules_of(
        copy(), good_facts(prior_sends=4, agreed_daily_limit=5))
    assert "FREQUENCY_CAP_EXCEEDED" in rules_of(
        copy(), good_facts(prior_sends=5, agreed_daily_limit=5))
    no_consent = good_facts(prior_sends=4, agreed_daily_limit=5, consent_state="withdrawn")
    assert "FREQUENCY_CAP_EXCEEDED" in rules_of(copy(), no_consent)


@pytest.mark.parametrize(("text", "missing"), [
    ("[QC] Goi V90 data 4G, soan DK V90 gui 9123. Tu choi soan TC gui 9123", True),
    ("[QC] Goi V90 data 4G (90.000d/30 ngay), soan DK V90 gui 9123. Tu choi soan TC gui 9123",
     False),
    ("[QC] Nhac cho mien phi thang dau, soan DK NC gui 9123. Tu choi soan TC gui 9123", False),
    ("[QC] Giam 30% cho ban Lan tai SHOPABC. Tu choi soan TU CHOI gui 8088", False),
])
def test_paid_service_must_show_its_price(text: str, missing: bool) -> None:
    rules = rules_of(copy(text=text), good_facts(templates=()))
    assert ("PRICE_MISSING" in rules) is missing
