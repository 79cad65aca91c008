"""Phone numbers: the VN numbering plan, old 11-digit numbers, parse_phone, bulk form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.entities import extract
from lachan.entities.numbering import MOBILE_NSN, OLD_TO_NEW
from lachan.entities.phone import (
    PhoneNumber,
    lookup,
    lookup_fields,
    normalise_msisdn,
    parse_phone,
)


def phones(text: str) -> list[tuple[str, str]]:
    return [(e.value, e.attrs["type"]) for e in extract(text) if e.kind == "phone"]


@st.composite
def written_forms(draw: st.DrawFn) -> tuple[str, str]:
    """One VN mobile number and one of the many ways people type it."""
    national = "0" + draw(st.from_regex(MOBILE_NSN, fullmatch=True))
    lead = draw(st.sampled_from(["0", "+84", "84", "+84 ", "(+84) ", "+84 (0)", "0084 "]))
    digits = national[1:]
    sep = draw(st.sampled_from(["", " ", ".", "-"]))
    cuts = draw(st.sampled_from([(3, 6), (2, 5), (4, 7), (3,), ()]))
    parts, last = [], 0
    for c in cuts:
        parts.append(digits[last:c])
        last = c
    parts.append(digits[last:])
    body = sep.join(p for p in parts if p)
    return national, lead + body


@given(written_forms())
def test_every_way_of_writing_a_mobile_gives_one_value(case: tuple[str, str]) -> None:
    national, written = case
    num = parse_phone(written)
    assert num is not None, written
    assert num.national == national
    assert num.e164 == "+84" + national[1:]
    assert num.type == "mobile"
    assert normalise_msisdn(written) == int(national[1:])
    assert phones(f"Goi ngay {written} de nhan qua") == [(national, "mobile")]


@given(
    st.sampled_from(sorted(OLD_TO_NEW)),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
    st.sampled_from(["0{o}{r}", "+84{o}{r}", "0{o} {r3} {r4}", "0{o}.{r3}.{r4}"]),
)
def test_old_eleven_digit_numbers_map_per_decree_table(old: str, rest: str, form: str) -> None:
    written = form.format(o=old, r=rest, r3=rest[:3], r4=rest[3:])
    num = parse_phone(written)
    assert num is not None
    assert num.national == "0" + OLD_TO_NEW[old] + rest
    assert num.converted_from == "0" + old + rest


@pytest.mark.parametrize(
    ("old", "new", "carrier"),
    [
        ("01209876543", "0709876543", "Mobifone"),
        ("01219876543", "0799876543", "Mobifone"),
        ("01229876543", "0779876543", "Mobifone"),
        ("01269876543", "0769876543", "Mobifone"),
        ("01289876543", "0789876543", "Mobifone"),
        ("01239876543", "0839876543", "Vinaphone"),
        ("01249876543", "0849876543", "Vinaphone"),
        ("01259876543", "0859876543", "Vinaphone"),
        ("01279876543", "0819876543", "Vinaphone"),
        ("01299876543", "0829876543", "Vinaphone"),
        ("01629876543", "0329876543", "Viettel"),
        ("01699876543", "0399876543", "Viettel"),
        ("01869876543", "0569876543", "Vietnamobile"),
        ("01889876543", "0589876543", "Vietnamobile"),
        ("01999876543", "0599876543", "Gmobile"),
    ],
)
def test_conversion_table_rows(old: str, new: str, carrier: str) -> None:
    num = parse_phone(old)
    assert num is not None
    assert (num.national, num.carrier, num.converted_from) == (new, carrier, old)


@pytest.mark.parametrize(
    ("number", "carrier", "certain"),
    [
        ("0961234567", "Viettel", True),
        ("0861234567", "Viettel", True),
        ("0881234567", "Vinaphone", True),
        ("0941234567", "Vinaphone", True),
        ("0901234567", "Mobifone", True),
        ("0896234567", "Mobifone", True),
        ("0561234567", "Vietnamobile", True),
        ("0921234567", "Vietnamobile", False),
        ("0591234567", "Gmobile", True),
        ("0871234567", "iTel", False),
    ],
)
def test_original_carrier_by_prefix(number: str, carrier: str, certain: bool) -> None:
    num = parse_phone(number)
    assert num is not None
    assert (num.carrier, num.carrier_certain) == (carrier, certain)


@pytest.mark.parametrize(
    ("written", "national", "kind"),
    [
        ("028 3822 1234", "02838221234", "fixed"),
        ("(024) 3825-1234", "02438251234", "fixed"),
        ("1800 1091", "18001091", "tollfree"),
        ("1800.599.920", "1800599920", "tollfree"),
        ("1900 6060", "19006060", "premium"),
        ("19001234567", None, None),
        ("156", "156", "shortcode"),
        ("5656", "5656", "shortcode"),
        ("+1 415 555 2671", "+14155552671", "foreign"),
        ("+86 138 0013 8000", "+8613800138000", "foreign"),
    ],
)
def test_other_number_types(written: str, national: str | None, kind: str | None) -> None:
    num = parse_phone(written)
    if national is None:
        assert num is None
    else:
        assert num is not None and (num.national, num.type) == (national, kind)


@pytest.mark.parametrize(
    "junk",
    ["", "abc", "0912", "091234567", "09123456789", "+84 12", "0912345678 0987654321",
     "0012", "++84912345678", "٠٩١٢٣٤٥٦٧٨", "1" * 65],
)
def test_not_a_phone(junk: str) -> None:
    assert parse_phone(junk) is None
    assert normalise_msisdn(junk) is None


def test_normalise_msisdn_skips_non_subscriber_numbers() -> None:
    assert normalise_msisdn("1900 6060") is None
    assert normalise_msisdn("+1 415 555 2671") is None
    assert normalise_msisdn("028 3822 1234") == 2838221234
    assert normalise_msisdn("01629123456") == 329123456


@given(st.text(max_size=200))
def test_parsers_never_raise(s: str) -> None:
    parse_phone(s)
    normalise_msisdn(s)


def test_phones_in_messages() -> None:
    text = ("Lien he 0912 345 678 hoac (028) 3822-1234, tong dai 1900 6060, "
            "mien phi 1800 1091. Goi 113 khi khan cap.")
    assert phones(text) == [
        ("0912345678", "mobile"),
        ("02838221234", "fixed"),
        ("19006060", "premium"),
        ("18001091", "tollfree"),
        ("113", "shortcode"),
    ]


def test_two_numbers_side_by_side_stay_two() -> None:
    assert phones("Goi 0912345678 0987654321") == [
        ("0912345678", "mobile"), ("0987654321", "mobile")]
    assert [v for v, _ in phones("SĐT: 0912.345.678 - 0987.654.321")] == [
        "0912345678", "0987654321"]


def test_amounts_dates_and_codes_are_not_phones() -> None:
    assert phones("Gia 1.900.000.000đ, ngay 12.11.2026, don hang 45821, 5656 san pham") == []


def test_phone_attrs() -> None:
    (ent,) = [e for e in extract("Goi 0162 912 3456 ngay") if e.kind == "phone"]
    assert ent.value == "0329123456"
    assert ent.raw == "0162 912 3456"
    assert dict(ent.attrs) == {
        "type": "mobile",
        "e164": "+84329123456",
        "carrier": "Viettel",
        "carrier_certain": True,
        "converted_from": "01629123456",
    }


def test_short_codes_need_a_call_or_send_word() -> None:
    assert phones("goi 156 de bao cao") == [("156", "shortcode")]
    assert phones("Call 5656 now") == [("5656", "shortcode")]
    assert phones("hotline: 9029") == [("9029", "shortcode")]
    assert phones("Tổng đài 1090 hỗ trợ") == [("1090", "shortcode")]
    assert phones("con 156 ngay nua la Tet") == []


@pytest.mark.parametrize("text", ["0" * 100_000, "+84 " * 25_000, "\u200b" * 100_000])
def test_huge_inputs_are_not_numbers(text: str) -> None:
    assert parse_phone(text) is None
    assert normalise_msisdn(text) is None


@given(st.from_regex(MOBILE_NSN, fullmatch=True))
def test_spec_mobile_pattern_agrees_with_libphonenumber(nsn: str) -> None:
    import phonenumbers

    num = phonenumbers.parse("+84" + nsn)
    assert phonenumbers.is_valid_number(num)
    assert phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.MOBILE


@pytest.mark.parametrize(
    ("digits", "international"),
    [
        ("0912345678", False), ("01629123456", False), ("84912345678", False),
        ("912345678", True), ("0283822123", False), ("02838221234", False), ("18001234", False),
        ("19006060", False), ("14155552671", True), ("0012025550123", False),
        ("0123", False), ("999999999999", True),
    ],
)
def test_lookup_fields_are_lookup_as_a_tuple(digits: str, international: bool) -> None:
    """The extractor's field tuple (built without a dataclass) is the public PhoneNumber."""
    fields = lookup_fields(digits, international)
    num = lookup(digits, international)
    assert (fields is None) == (num is None)
    if num is not None:
        assert PhoneNumber(*fields) == num


def test_a_lottery_draw_is_no_phone_but_a_number_in_pairs_is() -> None:
    draw = extract("Ket qua Power 6/55 ky 01122: 03 09 21 36 44 52 | 17. Jackpot 45,2 ty")
    assert [e for e in draw if e.kind == "phone"] == []
    paired = extract("goi em 09 12 34 56 78 nhe")
    assert [e.value for e in paired if e.kind == "phone"] == ["0912345678"]


def _phone_values(text: str) -> list[str]:
    return [e.value for e in extract(text) if e.kind == "phone"]


@pytest.mark.parametrize("text", [
    "Ma KH: 0912345678",
    "Mã KH 0912 345 678, kỳ 11/2025",
    "MST.0312345678",
    "MSSV so 0912345678 con no hoc phi",
    "CCCD: 0912345678",
])
def test_a_number_right_after_a_code_label_is_no_phone(text: str) -> None:
    assert _phone_values(text) == []


@pytest.mark.parametrize(("text", "found"), [
    # a phone after the labelled code, in the same message
    ("Ma KH PE0123, LH 0912345678", ["0912345678"]),
    ("Mã KH: PE0123 - hotline 0912345678", ["0912345678"]),
    ("Ma KH: 0912345678, SDT: 0987654321", ["0987654321"]),
    ("MST 0312345678 LH 0912 345 678", ["0912345678"]),
    # the label ends its sentence: the number after it is another sentence's
    ("Vui long nhap ma KH. 0912345678 la so tong dai cua em", ["0912345678"]),
    ("Vui long gui ma KH, 0912345678 la so cua em", ["0912345678"]),
])
def test_a_phone_after_a_code_label_is_still_one(text: str, found: list[str]) -> None:
    assert _phone_values(text) == found
