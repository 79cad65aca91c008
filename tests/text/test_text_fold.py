"""fold(): lower-case + diacritics folding, the key of every lexicon lookup."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.text import fold

VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"


def test_vietnamese_sentence_is_folded_to_plain_ascii() -> None:
    assert fold("Đường Lê Lợi, Quận 1, TP. Hồ Chí Minh") == "duong le loi, quan 1, tp. ho chi minh"


def test_every_vietnamese_letter_folds_to_its_base_letter() -> None:
    folded = fold(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())
    assert folded.isascii()
    assert set(folded) <= set("aeiouyd")


def test_decomposed_input_folds_like_composed_input() -> None:
    composed = "Tài khoản của bạn đã bị khóa"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fold(decomposed) == fold(composed) == "tai khoan cua ban da bi khoa"


def test_digits_punctuation_and_other_scripts_are_kept() -> None:
    assert fold("Giảm 50% – 500.000₫ 🎁") == "giam 50% – 500.000₫ 🎁"
    assert fold("Привет") == "привет"
    assert fold("한국어") == "한국어"


@settings(max_examples=300)
@given(st.text())
def test_fold_is_idempotent(s: str) -> None:
    once = fold(s)
    assert fold(once) == once


@settings(max_examples=300)
@given(st.text())
def test_fold_leaves_no_upper_case_and_no_combining_marks(s: str) -> None:
    folded = fold(s)
    assert folded == folded.lower()
    assert not any(unicodedata.combining(ch) for ch in folded)


@given(st.text(alphabet=VIETNAMESE_LETTERS + " ", max_size=60))
def test_vietnamese_text_folds_to_ascii_of_the_same_length(s: str) -> None:
    folded = fold(s)
    assert folded.isascii()
    assert len(folded) == len(s)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 .,:/-", max_size=80))
def test_plain_ascii_lower_case_is_unchanged(s: str) -> None:
    assert fold(s) == s


def test_fold_is_idempotent_when_removing_a_mark_lets_letters_compose() -> None:
    # Hangul jamo split by a combining mark compose once the mark is gone.
    s = "\u1110\u0325\u116b x\u034f\u0301y"
    once = fold(s)
    assert once == "\ud1d8 xy"
    assert fold(once) == once


def test_long_text_in_another_script_folds_in_one_pass() -> None:
    text = "Привет, как дела? " * 50
    assert fold(text) == text.lower()


def test_precomputed_unicode_tables_equal_derived() -> None:
    """The precomputed tables equal what :mod:`unicodedata` gives (same version)."""
    import sys
    import unicodedata

    from lachan.text import unicode_tables

    fold_module = sys.modules["lachan.text.fold"]
    if unicodedata.unidata_version != unicode_tables.UNIDATA_VERSION:
        return  # derived at import on this version; nothing precomputed to check
    assert list(unicode_tables.COMBINING_RANGES) == fold_module._scan_combining_ranges()
    assert list(unicode_tables.INERT_RANGES) == fold_module._scan_inert_ranges()
    assert fold_module._INERT_RANGES == fold_module._scan_inert_ranges()
