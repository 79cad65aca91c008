"""Lower-casing and diacritics folding: the key of every lexicon lookup in Lachan.

``fold("Đường Lê Lợi")`` gives ``"duong le loi"``. Folding is written for speed on
Vietnamese text: an ASCII string only needs ``str.lower()``; otherwise one NFD pass
decomposes every accented letter, and when nothing but ASCII and the common combining
marks (U+0300-U+036F) remain, the marks are dropped with a single ASCII encode. Text
with other scripts, symbols or emoji takes a slower, general path that removes every
combining mark and recomposes what is left (so Hangul, Cyrillic and the like survive).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["VIETNAMESE_ONLY_RE", "fold", "fold_lower", "fold_vietnamese"]


def _combining_class_chars() -> str:
    """Every code point with a non-zero canonical combining class, as a regex class body.

    Computed once at import (planes 0 and 1 hold all of them; about 20 ms).
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(0x20000):
        if unicodedata.combining(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


_COMBINING_BODY = _combining_class_chars()
#: Any combining mark (canonical combining class > 0).
COMBINING_RE = re.compile(f"[{_COMBINING_BODY}]+")
# Combining marks plus the whole U+0300-U+036F block (U+034F has class 0): what the
# ASCII-encode step drops on the common path.
_MARKS_RE = re.compile(f"[\u0300-\u036f{_COMBINING_BODY}]+")
# After NFD: anything that is neither ASCII nor a common combining mark.
_OTHER_RE = re.compile("[^\x00-\x7f\u0300-\u036f]")
_OTHER_SPLIT_RE = re.compile("([^\x00-\x7f\u0300-\u036f]+)")

_normalize = unicodedata.normalize

_VIETNAMESE_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
#: Finds a character that is neither ASCII nor a precomposed Vietnamese letter. When
#: it finds nothing, the text is already NFC and :func:`fold_vietnamese` applies.
VIETNAMESE_ONLY_RE = re.compile(f"[^\x00-\x7f{_VIETNAMESE_LETTERS}]")


def _fold_general(n: str) -> str:
    """Fold an NFD string that holds characters other than ASCII and U+0300-U+036F."""
    parts = _OTHER_SPLIT_RE.split(n)
    if len(parts) > 15:
        # Mostly another script (a Russian message): one pass over the whole string is
        # cheaper than a Python loop over many parts.
        return _normalize("NFC", _MARKS_RE.sub("", n)).lower()
    out: list[str] = []
    for i, part in enumerate(parts):
        if not part:
            continue
        if i & 1:
            # Non-Latin letters, symbols, emoji: drop their combining marks, recompose
            # (Hangul jamo back into syllables) and lower again (recomposition may
            # yield a new character).
            part = _normalize("NFC", COMBINING_RE.sub("", part)).lower()
            if not part.isascii():
                part = COMBINING_RE.sub("", _normalize("NFD", part))
                part = _normalize("NFC", part)
            out.append(part)
        else:
            out.append(part.encode("ascii", "ignore").decode("ascii"))
    result = "".join(out)
    # Joining may have put a mark-free base next to a mark from another part only when
    # a part began with a mark, which the steps above removed; one more check keeps the
    # function idempotent for any input.
    if COMBINING_RE.search(result):
        result = COMBINING_RE.sub("", result)
    return result


def _fold_once(low: str) -> str:
    n = _normalize("NFD", low)
    if "\u0111" in n:
        n = n.replace("\u0111", "d")
    if not _OTHER_RE.search(n):
        return n.encode("ascii", "ignore").decode("ascii")
    return _fold_general(n)


def fold_lower(low: str) -> str:
    """Fold diacritics of a string that is already lower-cased (``s.lower()``)."""
    if low.isascii():
        return low
    result = _fold_once(low)
    if result.isascii():
        return result
    # Lower-casing a recomposed character can, in rare scripts, give a character that
    # decomposes again; iterate to a fixed point (a couple of rounds at most).
    for _ in range(4):
        low_again = result.lower()
        if (
            low_again == result
            and not _MARKS_RE.search(result)
            and unicodedata.is_normalized("NFC", result)
        ):
            break  # lower-case, mark-free and composed: a fixed point
        again = _fold_once(low_again)
        if again == result:
            break
        result = again
    return result


def fold_vietnamese(s: str) -> str:
    """Fold a string made only of ASCII and precomposed Vietnamese letters.

    The caller has checked ``VIETNAMESE_ONLY_RE.search(s) is None``; for such a string
    this equals :func:`fold` and is faster (the lower-casing runs on ASCII).
    """
    n = _normalize("NFD", s)
    if "\u0111" in n:
        n = n.replace("\u0111", "d")
    if "\u0110" in n:
        n = n.replace("\u0110", "d")
    return n.encode("ascii", "ignore").decode("ascii").lower()


def fold(s: str) -> str:
    """Lower-case ``s`` and remove diacritics (``đ`` becomes ``d``); idempotent.

    Only case and diacritics change: digits, punctuation, spacing and letters of
    other scripts are kept (their combining marks are removed too).
    """
    return fold_lower(s.lower())
