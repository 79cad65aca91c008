"""extract() as a whole: order, spans, size limit, and no crash on any string."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lachan.domain import MAX_TEXT_CHARS, InputTooLarge
from lachan.entities import KINDS, extract

SCAM = (
    "[Vietcombank] TK cua quy khach bi tam khoa do nghi ngo gian lan. Xac minh tai "
    "https://vcb-xacminh.top/login hoac goi 0912.345.678. Phi mo khoa 500k chuyen vao "
    "STK 0071 0001 23456. Ma OTP: 483920. Soan HUY gui 9029 de tu choi."
)


def test_a_scam_message_end_to_end() -> None:
    got = [(e.kind, e.value) for e in extract(SCAM)]
    assert got == [
        ("url", "https://vcb-xacminh.top/login"),
        ("phone", "0912345678"),
        ("money", "500000"),
        ("account", "0071000123456"),
        ("otp", "483920"),
        ("sms_command", "HUY 9029"),
        ("phone", "9029"),
    ]


def test_an_ad_with_numbers_next_to_each_other() -> None:
    text = ("[QC] Uu dai 50% data: soan DK V90 gui 9029 (10.000d/ngay). Chi tiet "
            "vinaphone.com.vn. Tu choi QC soan TC gui 9029.")
    assert [(e.kind, e.value) for e in extract(text)] == [
        ("sms_command", "DK V90 9029"),
        ("phone", "9029"),
        ("money", "10000"),
        ("url", "http://vinaphone.com.vn"),
        ("sms_command", "TC 9029"),
        ("phone", "9029"),
    ]


def test_plain_personal_message_has_no_entities() -> None:
    text = ("Chào anh, tối nay mình đi ăn ở quán cũ nhé. Nhớ mang theo áo mưa vì trời có thể "
            "mưa to. Em đợi anh ở cổng trường, đừng đến muộn nha anh!")
    assert extract(text) == []


def test_to_dict_carries_attrs() -> None:
    (ent,) = extract("Goi 0912345678")
    d = ent.to_dict()
    assert d["kind"] == "phone" and d["value"] == "0912345678" and d["carrier"] == "Vinaphone"


def test_over_the_size_limit_is_a_clear_error() -> None:
    with pytest.raises(InputTooLarge, match="limit"):
        extract("a" * (MAX_TEXT_CHARS + 1))


def _check(text: str) -> None:
    ents = extract(text)
    starts = [(e.start, e.end) for e in ents]
    assert starts == sorted(starts, key=lambda se: se[0])
    for e in ents:
        assert e.kind in KINDS
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.raw
        assert isinstance(e.value, str) and e.value


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_any_unicode_never_raises(text: str) -> None:
    _check(text)


PIECES = st.sampled_from(
    ["0912 345 678", "+84", "(028)", "1.000.000", "đ", "5tr", "k", " ", ".", "..", "-", "@",
     "http://", "www.", "vcb-xacminh", ".top", ".com.vn", "/", "STK", "OTP", "soạn", "gửi",
     "9029", "Vietcombank", "MoMo", "xn--", "việt", "\u200b", "İ", "١٢٣", "(", ")", "$", "0"]
)


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_entity_shaped_noise_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(st.text(min_size=1, max_size=20), st.integers(min_value=1, max_value=5000))
def test_large_inputs_up_to_the_limit(chunk: str, repeat: int) -> None:
    text = (chunk * repeat)[:MAX_TEXT_CHARS]
    _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "1" * MAX_TEXT_CHARS,
        "a." * (MAX_TEXT_CHARS // 2),
        "0912 " * (MAX_TEXT_CHARS // 5),
        ("x" * 70 + ".") * (MAX_TEXT_CHARS // 71),
        "a@" * (MAX_TEXT_CHARS // 2),
        "http://" + "a" * (MAX_TEXT_CHARS - 7),
        "1.000." * (MAX_TEXT_CHARS // 6),
        "soan DK " * (MAX_TEXT_CHARS // 8),
        "OTP 1 " * (MAX_TEXT_CHARS // 6),
        "STK 1234567 " * (MAX_TEXT_CHARS // 12),
        "goi 113 " * (MAX_TEXT_CHARS // 8),
        "a.com/" + ")" * (MAX_TEXT_CHARS - 6),
    ],
)
def test_pathological_100k_inputs(text: str) -> None:
    # each of these once took minutes (quadratic scans); now they finish like any input
    _check(text)
