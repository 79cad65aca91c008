"""normalise(): each obfuscation trick on invented scam-like messages, and properties."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lachan.text import FLAGS, Normalised, normalise
from lachan.text.confusables import FULLWIDTH, STYLED
from lachan.text.teencode import lookup_table

# --- the contract -----------------------------------------------------------------


def test_normalised_is_immutable_keeping_the_original() -> None:
    text = "Vie\u200btcombank"
    n = normalise(text)
    assert isinstance(n, Normalised)
    assert n.original is text
    with pytest.raises(AttributeError):  # a named tuple: read-only fields
        n.clean = "x"  # type: ignore[misc]
    assert n.flags <= FLAGS


def test_plain_message_has_no_flags_and_clean_equals_input() -> None:
    text = "Chiều nay 5h họp lớp ở quán cũ nhé, nhớ mang theo 200.000đ."
    n = normalise(text)
    assert n.clean == text
    assert n.flags == frozenset()
    assert n.folded == "chieu nay 5h hop lop o quan cu nhe, nho mang theo 200.000d."


# --- example scams, one trick each ----------------------------------------------------


def test_leet_and_defanged_link_in_a_bank_scam() -> None:
    n = normalise("Vietc0mbank thông báo tài khoản bị khóa, truy cập hxxps://vcb-xacminh[.]top")
    assert n.clean == ("Vietc0mbank thông báo tài khoản bị khóa, truy cập https://vcb-xacminh.top")
    assert n.folded == ("vietcombank thong bao tai khoan bi khoa, truy cap https://vcb-xacminh.top")
    assert {"leet", "defanged_link"} <= n.flags


def test_spaced_letters_are_joined_in_folded_only() -> None:
    n = normalise("V I E T C O M B A N K thông báo")
    assert n.clean == "V I E T C O M B A N K thông báo"
    assert n.folded == "vietcombank thong bao"
    assert "spaced_letters" in n.flags


def test_dotted_letters_are_joined() -> None:
    n = normalise("V.C.B: quý khách vui lòng xác minh")
    assert n.folded.startswith("vcb: quy khach")
    assert "spaced_letters" in n.flags


def test_zero_width_character_inside_a_brand_is_removed() -> None:
    n = normalise("Vie\u200btcom\u200dbank: tài khoản tạm khóa")
    assert n.clean == "Vietcombank: tài khoản tạm khóa"
    assert n.folded == "vietcombank: tai khoan tam khoa"
    assert "zero_width" in n.flags


def test_cyrillic_look_alike_inside_a_latin_word_is_mapped() -> None:
    n = normalise("Vi\u0435tcombank thông báo")  # U+0435 CYRILLIC SMALL LETTER IE
    assert n.clean == "Vietcombank thông báo"
    assert "homoglyph" in n.flags


def test_greek_and_cyrillic_look_alikes_in_vietnamese_words() -> None:
    n = normalise("Tài kh\u03bfản \u0441ủ\u0430 bạn")  # Greek omicron, Cyrillic es, a
    assert n.clean == "Tài khoản của bạn"
    assert n.folded == "tai khoan cua ban"


def test_a_russian_message_is_not_transliterated() -> None:
    text = "Привет, как дела? Заходи в чат"
    n = normalise(text)
    assert n.clean == text
    assert "homoglyph" not in n.flags


def test_full_width_letters_and_digits_are_mapped_to_ascii() -> None:
    n = normalise("ＶＣＢ：gọi ０９１２３４５６７８")
    assert n.clean == "VCB:gọi 0912345678"
    assert "fullwidth" in n.flags


def test_spelled_out_dots_are_restored_between_a_label_and_a_tld() -> None:
    n = normalise("Nhận quà tại shopee-uudai chấm com chấm vn ngay hôm nay")
    assert "shopee-uudai.com.vn" in n.clean
    assert "defanged_link" in n.flags
    unaccented = normalise("Nhan qua tai shopee-uudai cham com cham vn ngay hom nay")
    assert unaccented.folded == n.folded


def test_styled_mathematical_and_circled_letters_and_digits_are_mapped() -> None:
    n = normalise("\U0001d415\U0001d402\U0001d401 gọi \U0001d7ce\U0001d7d7\U0001d7cf\U0001d7d0 ⓥⓒⓑ")
    assert n.clean == "VCB gọi 0912 vcb"
    assert "fullwidth" in n.flags


@pytest.mark.parametrize(
    "text",
    ["Cô giáo chấm bài rất kỹ", "con cham me moi ngay", "ban dot ngot ve que"],
)
def test_ordinary_words_cham_and_dot_are_left_alone(text: str) -> None:
    n = normalise(text)
    assert n.clean == text
    assert "defanged_link" not in n.flags


def test_teencode_is_expanded_in_the_folded_view() -> None:
    n = normalise("Ko dc chuyển tiền cho ng lạ, k bik thì hỏi")
    assert n.folded == "khong duoc chuyen tien cho nguoi la, khong biet thi hoi"
    assert "teencode" in n.flags


def test_teencode_with_punctuation_and_domain_senses() -> None:
    n = normalise("Soạn DK gửi 9029. Số dư TK của bạn, ko?")
    assert n.folded == "soan dang ky gui 9029. so du tai khoan cua ban, khong?"


def test_written_abbreviations_are_expanded_but_are_no_chat() -> None:
    n = normalise("[QC] Cháu đang ở BV Nhi, đơn COD giao tại TP.HCM, ĐT 0912553880")
    assert n.folded.startswith("[qc] chau dang o benh vien nhi, don cod giao")
    assert "teencode" not in n.flags
    assert "teencode" in normalise("BV Nhi ko cho vao").flags  # "ko" is chat


def test_a_brands_dates_and_names_are_no_chat() -> None:
    n = normalise("Cafe Sách khai trương tại VN, áp dụng đến 23:59 CN, thg 12; thi THPT QG")
    assert n.folded == ("ca phe sach khai truong tai viet nam, ap dung den 23:59 chu nhat, "
                        "thang 12; thi trung hoc pho thong quoc gia")
    assert "teencode" not in n.flags


def test_leet_digit_fix_keeps_numbers_amounts_and_codes() -> None:
    n = normalise("sh0pee va m0m0 tặng 500k, 5tr, gói 4g, mã FT23123ABC, otp 123456")
    assert n.folded == "shopee va momo tang 500k, 5tr, goi 4g, ma ft23123abc, otp 123456"


def test_leet_is_not_applied_inside_urls_or_emails() -> None:
    n = normalise("vao vietc0mbank.com.vn hoac gui h0tro@vcb.vn")
    assert "vietc0mbank.com.vn" in n.folded
    assert "h0tro@vcb.vn" in n.folded


def test_teencode_is_not_expanded_inside_urls_emails_or_after_numbers() -> None:
    n = normalise("Giam 50 k tai https://ko.dc/k?ko=dc, hoi ko@dc.vn")
    assert n.folded == "giam 50 k tai https://ko.dc/k?ko=dc, hoi ko@dc.vn"


def test_accented_and_unaccented_messages_fold_the_same() -> None:
    accented = normalise("Quý khách đã trúng thưởng 1 xe SH, liên hệ đường dây nóng ngay")
    plain = normalise("Quy khach da trung thuong 1 xe SH, lien he duong day nong ngay")
    assert accented.folded == plain.folded


def test_whitespace_is_collapsed() -> None:
    assert normalise("  xin\tchào \n\n  bạn  ").folded == "xin chao ban"


# --- properties ---------------------------------------------------------------------

_PROPS = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])


@_PROPS
@given(st.text())
def test_never_raises_and_folded_is_lower_case_without_marks(text: str) -> None:
    n = normalise(text)
    assert n.original == text
    assert n.folded == n.folded.lower()
    assert not any(unicodedata.combining(ch) for ch in n.folded)
    assert n.flags <= FLAGS


@settings(max_examples=20, deadline=None)
@given(st.text(min_size=1, max_size=50), st.integers(min_value=1_000, max_value=100_000))
def test_never_raises_on_long_inputs(chunk: str, length: int) -> None:
    text = (chunk * (length // len(chunk) + 1))[:length]
    n = normalise(text)
    assert n.original == text


def test_survives_surrogates_and_control_characters() -> None:
    n = normalise("\ud800\x00\x1b[31m\udfff ko \u202e\uffff")
    assert "\ud800" in n.clean


def _digits(s: str) -> list[str]:
    return [ch for ch in s if ch.isdigit()]


@_PROPS
@given(st.text())
def test_digits_in_clean_are_the_digits_of_the_input(text: str) -> None:
    # Full-width and styled (mathematical) digits become ASCII digits, one for one.
    assert _digits(normalise(text).clean) == _digits(text.translate(FULLWIDTH).translate(STYLED))


_plain_word = st.from_regex(r"[a-z]{5,10}", fullmatch=True)


@given(st.lists(_plain_word, min_size=1, max_size=12))
def test_plain_lower_case_words_without_tricks_come_through_unchanged(words: list[str]) -> None:
    table = lookup_table()
    assume(not any(w in table or w in ("cham", "dot") for w in words))
    text = " ".join(words)
    n = normalise(text)
    assert n.folded == text
    assert n.flags == frozenset()


_no_tricks = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cf", "Mn", "Me", "Mc"),
        blacklist_characters="\u00ad\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0[](){}:.",
    ).filter(
        lambda ch: (
            not (
                "\uff01" <= ch <= "\uff5e"
                or "\u3000" == ch
                or "\u0370" <= ch <= "\u052f"
                or "\u180b" <= ch <= "\u180f"
                or "\u24b6" <= ch <= "\u24e9"
                or "\U0001d400" <= ch <= "\U0001d7ff"
                or "\U0001f130" <= ch <= "\U0001f189"
            or "\U000e0000" <= ch <= "\U000e01ef"  # tags, variation selectors
            or "\U0001d173" <= ch <= "\U0001d17a"  # musical format characters
            )
        )
    )
)


@_PROPS
@given(_no_tricks)
def test_clean_of_text_without_tricks_is_its_nfc(text: str) -> None:
    assume(not re.search(r"(?i)hxxp|cham|chấm|dot", text))
    assert normalise(text).clean == unicodedata.normalize("NFC", text)


def test_a_tours_days_and_nights_are_no_disguised_word() -> None:
    # "5N4D" is five days and four nights: not "snad" written in digits
    n = normalise("[QC] Tour Nhat Ban mua la do 5N4D chi 24.990.000d. Dat tour: 1900 1839")
    assert "leet" not in n.flags
    assert "leet" in normalise("Tai kh0an cua ban bi kh0a, vui long xac m1nh").flags
