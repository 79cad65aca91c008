"""The ``clean`` view: the text with invisible tricks undone, case and accents kept.

Steps (each skipped when a cheap check finds nothing to do): remove zero-width and
other invisible characters, map full-width forms to ASCII, NFC, map Cyrillic and Greek
look-alike letters to Latin where they hide a Latin word, and restore defanged links.
Digits are never touched, so phone numbers, amounts and codes come through intact.

Speed notes: character classes are kept inside the BMP (``re`` then uses a lookup
table), translation tables are applied to the short runs that need them only, and
nothing scans the text character by character in Python.
"""

from __future__ import annotations

import re
import unicodedata

from lachan.text.confusables import (
    ASTRAL_INVISIBLE_CLASS,
    BIDI_CONTROLS,
    CONFUSABLE,
    CYRILLIC_GREEK_CLASS,
    FULLWIDTH,
    FULLWIDTH_CLASS,
    INVISIBLE_CLASS,
    STYLED,
    STYLED_CLASS,
)
from lachan.text.defang import may_be_defanged, restore_links

__all__ = ["clean_text", "clean_unicode"]

# Fast pre-check: a character outside ASCII, Latin-1 ... Latin Extended-B and the
# Vietnamese part of Latin Extended Additional. Only then can a suspect one be present
# (the soft hyphen U+00AD, inside Latin-1, is checked separately).
_OUTSIDE_VIETNAMESE_RE = re.compile("[^\\x00-\\u024f\\u1ea0-\\u1ef9]")
_SUSPECT_RE = re.compile(f"[{INVISIBLE_CLASS}{FULLWIDTH_CLASS}{CYRILLIC_GREEK_CLASS}\u24b6-\u24e9]")
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CLASS}]+")
_ASTRAL_INVISIBLE_RE = re.compile(f"[{ASTRAL_INVISIBLE_CLASS}]+")
_FULLWIDTH_RUN_RE = re.compile(f"[{FULLWIDTH_CLASS}]+")
_FULLWIDTH_FORM_RE = re.compile("[\uff01-\uff5e]")
_STYLED_RUN_RE = re.compile(f"[{STYLED_CLASS}]+")
_CYR_GREEK_RE = re.compile(f"[{CYRILLIC_GREEK_CLASS}]")
_CYR_GREEK_RUN_RE = re.compile(f"[{CYRILLIC_GREEK_CLASS}]+")
_WORD_REST_RE = re.compile(r"\w*")
# Latin letters: ASCII, Latin-1 supplement, Latin Extended-A/B, Latin Extended Additional.
_LATIN_CLASS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_RE = re.compile(f"[{_LATIN_CLASS}]")
_LATIN_RUN_RE = re.compile(f"[{_LATIN_CLASS}]+")

_normalize = unicodedata.normalize
_is_normalized = unicodedata.is_normalized


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _remove_invisible(s: str, pattern: re.Pattern[str], flags: list[str]) -> str:
    """Drop invisible characters; flag those inside a word and any bidi control."""
    if "zero_width" not in flags:
        n = len(s)
        for m in pattern.finditer(s):
            a, b = m.span()
            hidden = 0 < a and b < n and _is_word_char(s[a - 1]) and _is_word_char(s[b])
            if hidden or any(ch in BIDI_CONTROLS for ch in m.group()):
                flags.append("zero_width")
                break
    return pattern.sub("", s)


def _map_styled(s: str, flags: list[str]) -> str:
    """Map mathematical / circled / squared letters and digits to ASCII (flag fullwidth)."""
    if not _STYLED_RUN_RE.search(s):
        return s
    mapped = _STYLED_RUN_RE.sub(lambda m: m.group(0).translate(STYLED), s)
    if mapped != s and "fullwidth" not in flags:
        flags.append("fullwidth")
    return mapped


def _map_homoglyphs(s: str) -> tuple[str, bool]:
    """Map look-alike letters inside words that hide Latin ones; report script mixing.

    A word mixing Latin and Cyrillic/Greek letters is always flagged; its look-alikes
    are mapped when every non-Latin letter in it has a Latin twin. A word written
    wholly in Cyrillic/Greek is mapped only when the message is otherwise Latin and
    the word is made only of look-alikes ("ВСА" inside a Vietnamese SMS); a message
    written in Russian or Greek is left as it is.
    """
    latin = sum(map(len, _LATIN_RUN_RE.findall(s)))
    other = sum(map(len, _CYR_GREEK_RUN_RE.findall(s)))
    mostly_latin = latin > other
    # Words to look at are found from their Cyrillic/Greek letters in a Latin message,
    # and from their (few) Latin letters in a Cyrillic or Greek one.
    anchors = _CYR_GREEK_RUN_RE if mostly_latin else _LATIN_RUN_RE
    flagged = False
    out: list[str] = []
    pos = 0  # s[:pos] is already in out
    for m in anchors.finditer(s):
        if m.start() < pos:
            continue  # inside a word handled already
        a = m.start()
        while a > pos and _is_word_char(s[a - 1]):
            a -= 1
        word_end = _WORD_REST_RE.match(s, m.end())
        b = word_end.end() if word_end else m.end()
        word = s[a:b]
        if not _CYR_GREEK_RE.search(word):
            continue  # a plain Latin word
        mapped = word.translate(CONFUSABLE)
        convertible = _CYR_GREEK_RE.search(mapped) is None
        replacement = word
        if _LATIN_RE.search(word):
            flagged = True
            if convertible:
                replacement = mapped
        elif mostly_latin and convertible and any(ch.isalpha() for ch in word):
            flagged = True
            replacement = mapped
        out.append(s[pos:a])
        out.append(replacement)
        pos = b
    out.append(s[pos:])
    return "".join(out), flagged


def clean_unicode(text: str, flags: list[str]) -> str:
    """The clean view of a non-ASCII text, links not yet restored; flags are appended."""
    s = text
    if _OUTSIDE_VIETNAMESE_RE.search(s) or "\u00ad" in s:
        if _ASTRAL_RE.search(s):
            if _ASTRAL_INVISIBLE_RE.search(s):
                s = _remove_invisible(s, _ASTRAL_INVISIBLE_RE, flags)
            s = _map_styled(s, flags)
        if _SUSPECT_RE.search(s):
            if _INVISIBLE_RE.search(s):
                s = _remove_invisible(s, _INVISIBLE_RE, flags)
            s = _map_styled(s, flags)
            if _FULLWIDTH_RUN_RE.search(s):
                if _FULLWIDTH_FORM_RE.search(s) and "fullwidth" not in flags:
                    flags.append("fullwidth")
                s = _FULLWIDTH_RUN_RE.sub(lambda m: m.group(0).translate(FULLWIDTH), s)
            if not _is_normalized("NFC", s):
                s = _normalize("NFC", s)
            if _CYR_GREEK_RE.search(s):
                s, mixed = _map_homoglyphs(s)
                if mixed:
                    flags.append("homoglyph")
            if not _is_normalized("NFC", s):
                s = _normalize("NFC", s)
            return s
    if not _is_normalized("NFC", s):
        s = _normalize("NFC", s)
    return s


def clean_text(text: str, flags: list[str] | None = None) -> str:
    """Return the ``clean`` view of ``text``; findings are appended to ``flags`` if given."""
    found: list[str] = [] if flags is None else flags
    s = text if text.isascii() else clean_unicode(text, found)
    low = s.lower()
    if may_be_defanged(low):
        restored = restore_links(s, low)
        if restored is not None:
            found.append("defanged_link")
            s = restored
    return s
