"""The shipped teencode lexicon and the rules that decide which entries are used."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from lachan.text import fold, normalise
from lachan.text.teencode import (
    OVERRIDES,
    STOP,
    _parse,
    _read_lexicon_text,
    build_lexicon,
    expand_words,
    lexicon,
    lookup_table,
)


def test_lexicon_and_its_mit_licence_ship_inside_the_package() -> None:
    data = resources.files("lachan").joinpath("data")
    assert data.joinpath("teencode.tsv").read_text("utf-8").startswith("short\tfull")
    assert "MIT License" in data.joinpath("teencode.LICENSE").read_text("utf-8")


def test_common_chat_abbreviations_expand() -> None:
    table = lexicon()
    assert table["ko"] == "khong"
    assert table["k"] == "khong"
    assert table["kg"] == "khong"
    assert table["dc"] == "duoc"
    assert table["vs"] == "voi"
    assert table["ng"] == "nguoi"


def test_keys_are_folded_letters_only_so_numbers_are_never_rewritten() -> None:
    for key, value in lexicon().items():
        assert re.fullmatch("[a-z]+", key), key
        assert fold(value) == value
        assert key != value


@pytest.mark.parametrize("word", sorted(STOP))
def test_stop_listed_words_are_kept_as_written(word: str) -> None:
    assert word not in lexicon()
    assert normalise(f"xin chao {word} nhe").folded == f"xin chao {word} nhe"


def test_every_stop_listed_word_is_a_lexicon_entry_the_rules_would_keep() -> None:
    # The stop-list holds no dead entries: each one would be expanded without it.
    entries = _parse(_read_lexicon_text())
    unstopped = build_lexicon(entries, stop={}, overrides={})
    assert set(STOP) <= set(unstopped)


def test_domain_overrides_take_the_sms_sense() -> None:
    table = lexicon()
    for key, value in OVERRIDES.items():
        assert table[key] == value
    n = normalise("So du TK 1.250.000d")
    assert n.folded == "so du tai khoan 1.250.000d"
    assert "teencode" not in n.flags  # SMS jargon in a bank message is not obfuscation


def test_marked_short_forms_and_standard_syllables_are_not_keys() -> None:
    entries = [
        ("cái", "gái"),  # a marked short form rewrites a real word: dropped
        ("chi", "tri"),  # "chi" is a standard syllable (it appears below): dropped
        ("9", "chính"),  # a digit: dropped
        ("đc", "được"),  # đ-only marks are teencode: kept as "dc"
        ("xyzq", "chị"),
        ("kq", "kết quả"),
        ("kq", "kỳ quan"),  # the first sense wins
    ]
    table = build_lexicon(entries)
    assert "cai" not in table
    assert "chi" not in table
    assert "9" not in table
    assert table["dc"] == "duoc"
    assert table["kq"] == "ket qua"


def test_accented_and_unaccented_ordinary_words_are_not_rewritten() -> None:
    text = "Cái bàn này giá rẻ, chị lên xem nhé"
    assert (
        normalise(text).folded
        == normalise(fold(text)).folded
        == ("cai ban nay gia re, chi len xem nhe")
    )


def test_punctuation_around_a_short_form_is_kept() -> None:
    words = ["(ko", "dc,", "k?", '"ng"']
    assert expand_words(words) == (True, True)
    assert words == ["(khong", "duoc,", "khong?", '"nguoi"']


def test_a_short_form_right_after_a_number_is_left_alone() -> None:
    words = ["giam", "50", "k", "ko"]
    assert expand_words(words) == (True, True)
    assert words == ["giam", "50", "k", "khong"]


def test_lookup_table_covers_every_key() -> None:
    table = lookup_table()
    assert set(lexicon()) <= set(table)
    assert table["ko."] == "khong."


def test_token_sets_equal_a_scan_of_the_table() -> None:
    from lachan.text.teencode import OVERRIDES, UNITS, _override_tokens, _unit_tokens

    table = lookup_table()
    assert _override_tokens() == frozenset(
        t for t in table if t.strip('()".,!?:;') in set(OVERRIDES)
    )
    assert _unit_tokens() == frozenset(t for t in table if t.strip('()".,!?:;') in UNITS)


@pytest.mark.parametrize(("text", "kept"), [
    ("Mua do o Circle K gan nha", "circle k"),
    ("Chuyen vao Truong TH Kim Dong", "truong th kim dong"),
    ("DC: 12 Tran Phu", "dc: 12"),
    ("Ao thun size M mau den", "size m mau"),  # a garment's size, not "minh"
])
def test_a_chat_short_form_written_as_a_name_in_capitals_is_kept(text: str, kept: str) -> None:
    assert kept in normalise(text).folded


@pytest.mark.parametrize(("text", "expanded"), [
    ("KO DUOC DAU NHA", "khong duoc"),  # a shouted message: chat in capitals
    ("Em K biet dau", "em khong biet"),  # a capital K after a pronoun
    ("ko dc dau nha", "khong duoc"),
    ("TK cua ban da bi tru", "tai khoan"),  # SMS jargon, whatever its case
])
def test_chat_in_capitals_and_sms_jargon_are_still_expanded(text: str, expanded: str) -> None:
    assert expanded in normalise(text).folded
