"""Unit tests of the trick undoers: defanged links, spaced / dotted letters, leet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.text import fold, normalise
from lachan.text.clean import clean_text
from lachan.text.defang import restore_links
from lachan.text.deobfuscate import fix_leet, join_letters, may_have_tricks
from lachan.text.fold import (
    VIETNAMESE_ONLY_RE,
    VIETNAMESE_OR_INERT_RE,
    fold_common,
    fold_vietnamese,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hxxps://vcb-xacminh[.]top/login", "https://vcb-xacminh.top/login"),
        ("HXXP://evil(.)com", "http://evil.com"),
        ("hxxps[:]//bidv{.}com-xacthuc.xyz", "https://bidv.com-xacthuc.xyz"),
        ("https[://]momo-hoantien[dot]vip", "https://momo-hoantien.vip"),
        ("vao vcb-xacminh [.] top ngay", "vao vcb-xacminh.top ngay"),
        ("truy cập mbbank-hotro chấm com chấm vn", "truy cập mbbank-hotro.com.vn"),
        ("go to paypal-verify dot com now", "go to paypal-verify.com now"),
        ("link: (vietinbank-otp CHẤM online)", "link: (vietinbank-otp.online)"),
        # a link spelled one character at a time
        ("Nhan vao b i d v - s m a r t . c o m / update ngay",
         "Nhan vao bidv-smart.com/ update ngay"),
        ("Dang ky: b e t 8 8 v n . c o m", "Dang ky: bet88vn.com"),
    ],
)
def test_defanged_links_are_restored(text: str, expected: str) -> None:
    assert restore_links(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cô chấm điểm bài thi",
        "chấm com",  # no label before
        "mua 2 cham com",  # "2" is one character
        "ok (.) ok",  # no word on either side of the brackets
        "he said (.) then",
        "cham soc khach hang",
        "c a m o n . b a n",  # spaced letters, but no known TLD after the dot
        "Cam on . Ban nhe",
    ],
)
def test_ordinary_text_is_not_taken_for_a_defanged_link(text: str) -> None:
    assert restore_links(text) is None


def test_clean_text_reports_flags() -> None:
    flags: list[str] = []
    assert clean_text("Ｍ\u200bB hxxp://x[.]vn", flags) == "MB http://x.vn"
    assert set(flags) == {"zero_width", "fullwidth", "defanged_link"}


def test_emoji_joiners_and_variation_selectors_are_removed_without_a_flag() -> None:
    flags: list[str] = []
    assert clean_text("Chúc mừng ❤\ufe0f 👨\u200d👩", flags) == "Chúc mừng ❤ 👨👩"
    assert flags == []


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("v i e t c o m b a n k thong bao", "vietcombank thong bao"),
        ("lien he m o m o ngay", "lien he momo ngay"),
        ("v.c.b: tai khoan", "vcb: tai khoan"),
        ("tu b.i.d.v.", "tu bidv."),
    ],
)
def test_spaced_and_dotted_letters_are_joined(folded: str, expected: str) -> None:
    assert join_letters(folded) == (expected, True)


@pytest.mark.parametrize(
    "folded",
    [
        "a b c la ba chu cai",  # only three spaced letters
        "t.p.hcm va tp.hcm",
        "email j.o.e@gmail.com",
        "web https://a.b.c.d/x.y.z",
        "gia 1.000.000 d",
        "mua 5 k tai e",
    ],
)
def test_ordinary_text_is_not_joined(folded: str) -> None:
    assert join_letters(folded) == (folded, False)


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("vietc0mbank thong bao", "vietcombank thong bao"),
        ("sh0pee, m0m0 va z4lo", "shopee, momo va zalo"),
        ("tai kh0an bi kh0a", "tai khoan bi khoa"),
    ],
)
def test_digits_for_letters_are_fixed(folded: str, expected: str) -> None:
    assert fix_leet(folded) == (expected, True)


@pytest.mark.parametrize(
    "folded",
    [
        "nap 500k nhan 5tr, goi 4g, 5g",
        "ma giao dich ft23123abc, a1b2c3, otp 123456",
        "covid19 va h2o",
        "vao vietc0mbank.com.vn hoac h0tro@vcb.vn",
        "so 0912345678",
    ],
)
def test_numbers_codes_urls_and_emails_keep_their_digits(folded: str) -> None:
    assert fix_leet(folded) == (folded, False)


@pytest.mark.parametrize(
    "folded",
    [
        "goi st5k, st7k, mi5n va tv7k het han",  # package codes: 5 and 7 only
        "nhac cho imuzik3g, mua tai shopee7g",  # a network generation glued on
    ],
)
def test_package_codes_are_not_a_trick(folded: str) -> None:
    assert fix_leet(folded)[1] is False
    assert fix_leet(folded + " kh0ng")[1] is True  # a disguised word beside them is
    flags = normalise(folded).flags  # the engine's PRODUCT_CODE, not an evasion trick
    assert "product_code" in flags
    assert "leet" not in flags


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 .,@/-", max_size=80))
def test_trick_hint_is_never_false_when_a_trick_applies(folded: str) -> None:
    folded = " ".join(folded.split())
    joined = join_letters(folded)[1]
    leet = fix_leet(folded)[1]
    if joined or leet:
        assert may_have_tricks(folded)


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựiìíỉĩịyỳýỷỹỵđ"


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "bcklmnt 0189.,:!?", max_size=80))
def test_fast_vietnamese_fold_equals_fold(s: str) -> None:
    assert VIETNAMESE_ONLY_RE.search(s) is None
    assert fold_vietnamese(s) == fold(s)


INERT = "\xa0…–—“”‘’₫£€©®°±×÷•→✓★🎁😀🔥"


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "bcklmnt 0189.,:!?" + INERT, max_size=80))
def test_fast_fold_of_vietnamese_with_symbols_equals_fold(s: str) -> None:
    assert VIETNAMESE_OR_INERT_RE.search(s) is None
    assert fold_common(s) == fold(s)


def test_symbols_and_emoji_do_not_leave_the_fast_path() -> None:
    text = "Giảm 50% – chỉ 99.000₫… 🎁 “Mua ngay”"
    assert VIETNAMESE_OR_INERT_RE.search(text) is None
    assert fold_common(text) == "giam 50% – chi 99.000₫… 🎁 “mua ngay”"


def test_may_have_tricks_equals_the_regex_hints() -> None:
    """The byte-map check answers exactly as the four hint regexes on the text."""
    import random

    from lachan.text import deobfuscate as d

    def by_regex(s: str) -> bool:
        return bool(
            d._LEET_HINT_RE.search(s)
            or d._DOTTED_HINT_RE.search(s)
            or d._SPACED_HINT_RE.search(s)
            or d._SPACED_START_RE.match(s)
        )

    rnd = random.Random(11)
    alphabet = "abz  ..0123456789AZé#\ud800😀\n_-/@"
    hits = 0
    for _ in range(30000):
        s = "".join(
            rnd.choice(alphabet) if rnd.random() < 0.5 else rnd.choice("ab .")
            for _ in range(rnd.randint(0, 12))
        )
        assert d.may_have_tricks(s) == by_regex(s), repr(s)
        hits += by_regex(s)
    assert hits > 500
    for s in ("vietc0mbank", "v.c.b", "x v i e t", "v i e t", "v i e t1", "abc 123", ""):
        assert d.may_have_tricks(s) == by_regex(s), s
