"""call_word_before against a plain reference of its word-break search."""

from __future__ import annotations

import random

from lachan.entities.banks import fold_token
from lachan.entities.digits import _CONTEXT_STRIP, _TRAILING_NOISE, call_word_before


def _last_word_reference(low: str, start: int) -> str | None:
    end = start
    while end > 0 and low[end - 1] in _TRAILING_NOISE:
        end -= 1
    lo = end - 25 if end > 25 else 0
    cut = max(low.rfind(" ", lo, end), low.rfind("\n", lo, end), low.rfind("\t", lo, end))
    if end - cut > 24:
        return None
    return low[cut + 1 : end].strip(_CONTEXT_STRIP)


def test_call_words_examples() -> None:
    assert call_word_before("gọi 156", 4)
    assert call_word_before("xin gửi tới 9029", 12)
    assert call_word_before("tổng đài\t1900", 9)
    assert call_word_before("lh:\n1090", 4)
    assert not call_word_before("mua 500", 4)
    assert not call_word_before("x" * 30 + " 156", 31)


def test_call_words_match_reference_on_random_text() -> None:
    rnd = random.Random(7)
    words = ["gọi", "goi", "gửi", "tới", "số", "tổng", "đài", "lh", "call", "to", "mua",
             "x" * 12, "hotline:", "(", "-", "nhắn", "tin", "a"]
    seps = [" ", "  ", "\n", "\t", "", ": "]
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randint(0, 8)):
            parts.append(rnd.choice(words))
            parts.append(rnd.choice(seps))
        low = "".join(parts)
        start = len(low)
        low += "156"
        got = call_word_before(low, start)
        last = _last_word_reference(low, start)
        if last is None:
            assert not got
        elif (last if last.isascii() else fold_token(last)) in {"goi", "call", "gui", "to"}:
            assert got


def test_first_of_a_period_is_no_number_prefix() -> None:
    # "đầu số 9029" is a prefix; "học kỳ đầu 2025" is the first term of a year
    assert call_word_before("soạn tin gửi đầu 9029", 17)
    assert not call_word_before("học phí học kỳ đầu 2025", 19)
    assert not call_word_before("quy dau 2026", 8)
