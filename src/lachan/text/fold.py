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

from lachan.text import unicode_tables

__all__ = [
    "VIETNAMESE_ONLY_RE",
    "VIETNAMESE_OR_INERT_RE",
    "fold",
    "fold_common",
    "fold_lower",
    "fold_vietnamese",
    "has_marks",
    "strip_marks",
]


def _scan_combining_ranges() -> list[tuple[int, int]]:
    """``(first, last)`` ranges of code points with a non-zero canonical combining class,
    derived from :mod:`unicodedata` (planes 0 and 1 hold all of them; about 6 ms)."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x20000):
        if unicodedata.combining(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return ranges


def _class_body(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# The tables come precomputed for the Unicode version they were taken from (a test
# checks they equal the derived ones); any other version derives them at import.
_PRECOMPUTED = unicodedata.unidata_version == unicode_tables.UNIDATA_VERSION


def _combining_class_bodies() -> tuple[str, str]:
    """Code points with a non-zero canonical combining class, as two regex class bodies:
    those in the BMP and those above it.

    Kept apart because ``re`` turns a BMP-only class into a constant-time lookup table,
    while a class reaching beyond the BMP is checked range by range (tens of times
    slower).
    """
    ranges = (
        list(unicode_tables.COMBINING_RANGES) if _PRECOMPUTED else _scan_combining_ranges()
    )
    return (
        _class_body([r for r in ranges if r[1] < 0x10000]),
        _class_body([r for r in ranges if r[0] >= 0x10000]),
    )


_COMBINING_BMP, _COMBINING_ASTRAL = _combining_class_bodies()
# Combining marks plus the whole U+0300-U+036F block (U+034F has class 0): what the
# ASCII-encode step drops on the common path.
_MARKS_BMP_RE = re.compile(f"[\u0300-\u036f{_COMBINING_BMP}]+")
_MARKS_ASTRAL_RE = re.compile(f"[{_COMBINING_ASTRAL}]+")
_ASTRAL_RUN_RE = re.compile("[\U00010000-\U0010ffff]+")


def _astral_marks(s: str) -> bool:
    # Search the (few, short) runs of non-BMP characters only: the astral class is slow.
    runs = _ASTRAL_RUN_RE.findall(s)
    return bool(runs) and _MARKS_ASTRAL_RE.search("".join(runs)) is not None


def strip_marks(s: str) -> str:
    """Remove every combining mark (and all of U+0300-U+036F) from ``s``."""
    if _MARKS_BMP_RE.search(s):
        s = _MARKS_BMP_RE.sub("", s)
    if _astral_marks(s):
        s = _MARKS_ASTRAL_RE.sub("", s)
    return s


def has_marks(s: str) -> bool:
    """True when ``s`` holds a combining mark (or a character of U+0300-U+036F)."""
    return _MARKS_BMP_RE.search(s) is not None or _astral_marks(s)


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
VIETNAMESE_ONLY_RE = re.compile(f"[^\\x00-\\x7f{_VIETNAMESE_LETTERS}]")


def _scan_inert_ranges() -> list[tuple[int, int]]:
    """Punctuation, symbols, spaces and emoji that folding leaves as they are.

    An inert character has no case, no canonical decomposition and no combining
    class, and is not invisible: NBSP, dashes, quotes, "…", "₫", "£", arrows, dingbats,
    emoji. Computed once at import from :mod:`unicodedata`.
    """
    candidates = [
        *range(0xA0, 0xC0), 0xD7, 0xF7, *range(0x2000, 0x2460), *range(0x2500, 0x2C00),
        *range(0x3001, 0x3040), *range(0x1F000, 0x1FB00),
    ]  # fmt: skip
    invisible = {*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xAD}
    ranges: list[tuple[int, int]] = []
    for cp in candidates:
        ch = chr(cp)
        decomposition = unicodedata.decomposition(ch)
        if (
            cp in invisible
            or not unicodedata.category(ch).startswith(("P", "S", "Z", "No"))
            or (decomposition and not decomposition.startswith("<"))
            or ch.lower() != ch
            or ch.upper() != ch
            or unicodedata.combining(ch)
        ):
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return ranges


_INERT_RANGES = (
    list(unicode_tables.INERT_RANGES) if _PRECOMPUTED else _scan_inert_ranges()
)
_INERT_BODY = _class_body(_INERT_RANGES)
# Inside fold_common every non-BMP character is an inert emoji (the caller checked),
# so one plain range stands for them there: a class listing many non-BMP ranges is
# checked range by range, tens of times slower than a BMP-only class.
_INERT_FAST_BODY = (
    _class_body([r for r in _INERT_RANGES if r[1] < 0x10000]) + "\U00010000-\U0010ffff"
)
#: Finds a character that is neither ASCII, a precomposed Vietnamese letter nor an
#: inert symbol. When it finds nothing, :func:`fold_common` applies and the text is NFC.
VIETNAMESE_OR_INERT_RE = re.compile(f"[^\\x00-\\x7f{_VIETNAMESE_LETTERS}{_INERT_BODY}]")
_INERT_SPLIT_RE = re.compile(f"([{_INERT_FAST_BODY}]+)")


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


def fold_common(s: str) -> str:
    """Fold a string of ASCII, precomposed Vietnamese letters and inert symbols.

    The caller has checked ``VIETNAMESE_OR_INERT_RE.search(s) is None``; for such a
    string this equals :func:`fold`: the symbols are kept and the letters folded.
    """
    parts = _INERT_SPLIT_RE.split(s)
    if len(parts) == 1:
        return fold_vietnamese(s)
    parts[::2] = [fold_vietnamese(p) if p else p for p in parts[::2]]
    return "".join(parts)


def _fold_general(n: str) -> str:
    """Fold an NFD string that holds characters other than ASCII and U+0300-U+036F."""
    parts = _OTHER_SPLIT_RE.split(n)
    if len(parts) > 15:
        # Mostly another script (a Russian message): one pass over the whole string is
        # cheaper than a Python loop over many parts.
        return _normalize("NFC", strip_marks(n)).lower()
    out: list[str] = []
    for i, part in enumerate(parts):
        if not part:
            continue
        if i & 1:
            # Non-Latin letters, symbols, emoji: drop their combining marks, recompose
            # (Hangul jamo back into syllables) and lower again (recomposition may
            # yield a new character).
            part = _normalize("NFC", strip_marks(part)).lower()
            if not part.isascii():
                part = _normalize("NFC", strip_marks(_normalize("NFD", part)))
            out.append(part)
        else:
            out.append(part.encode("ascii", "ignore").decode("ascii"))
    return strip_marks("".join(out))


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
    # Lower-casing a recomposed character, or letters that compose once a mark between
    # them is gone, can need another round; iterate to a fixed point (rarely needed).
    for _ in range(4):
        low_again = result.lower()
        if (
            low_again == result
            and not has_marks(result)
            and unicodedata.is_normalized("NFC", result)
        ):
            break  # lower-case, mark-free and composed: a fixed point
        again = _fold_once(low_again)
        if again == result:
            break
        result = again
    return result


def fold(s: str) -> str:
    """Lower-case ``s`` and remove diacritics (``đ`` becomes ``d``); idempotent.

    Only case and diacritics change: digits, punctuation, spacing and letters of
    other scripts are kept (their combining marks are removed too).
    """
    return fold_lower(s.lower())
