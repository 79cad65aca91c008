"""The ``clean`` view: the text with invisible tricks undone, case and accents kept.

Steps (each skipped when a cheap check finds nothing to do): remove zero-width and
other invisible characters, map full-width forms to ASCII, NFC, map Cyrillic and Greek
look-alike letters to Latin where they hide a Latin word, and restore defanged links.
Digits are never touched, so phone numbers, amounts and codes come through intact.
"""

from __future__ import annotations

import re
import unicodedata

from lachan.text.confusables import (
    BIDI_CONTROLS,
    CONFUSABLE,
    CYRILLIC_GREEK_CLASS,
    FULLWIDTH,
    FULLWIDTH_CLASS,
    INVISIBLE_CLASS,
)
from lachan.text.defang import may_be_defanged, restore_links

__all__ = ["clean_text", "clean_unicode"]

_SUSPECT_RE = re.compile(f"[{INVISIBLE_CLASS}{FULLWIDTH_CLASS}{CYRILLIC_GREEK_CLASS}]")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CLASS}]+")
# An invisible character inside a word, or any bidi control: deliberate obfuscation.
# (A variation selector or joiner inside an emoji sequence is not flagged.)
_HIDDEN_RE = re.compile(f"(?<=\\w)[{INVISIBLE_CLASS}]+(?=\\w)|[{BIDI_CONTROLS}]")
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e]")
_CYR_GREEK_RE = re.compile(f"[{CYRILLIC_GREEK_CLASS}]")
# A word that holds at least one Cyrillic or Greek character.
_MIXED_WORD_RE = re.compile(f"\\w*[{CYRILLIC_GREEK_CLASS}]\\w*")
# Latin letters: ASCII, Latin-1 supplement, Latin Extended-A/B, Latin Extended Additional.
_LATIN_CLASS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_RE = re.compile(f"[{_LATIN_CLASS}]")
_LATIN_RUN_RE = re.compile(f"[{_LATIN_CLASS}]+")
_CYR_GREEK_LETTER_RUN_RE = re.compile(f"[{CYRILLIC_GREEK_CLASS}]+")

_normalize = unicodedata.normalize
_is_normalized = unicodedata.is_normalized


def _map_homoglyphs(s: str) -> tuple[str, bool]:
    """Map look-alike letters inside words that hide Latin ones; report script mixing.

    A word mixing Latin and Cyrillic/Greek letters is always flagged; its look-alikes
    are mapped when every non-Latin letter in it has a Latin twin. A word written
    wholly in Cyrillic/Greek is mapped only when the message is otherwise Latin and
    the word is made only of look-alikes ("ВСА" inside a Vietnamese SMS); a message
    written in Russian or Greek is left as it is.
    """
    latin_count = sum(map(len, _LATIN_RUN_RE.findall(s)))
    other_count = sum(map(len, _CYR_GREEK_LETTER_RUN_RE.findall(s)))
    mostly_latin = latin_count > other_count
    flagged = False

    def repl(m: re.Match[str]) -> str:
        nonlocal flagged
        word = m.group(0)
        mapped = word.translate(CONFUSABLE)
        convertible = _CYR_GREEK_RE.search(mapped) is None
        if _LATIN_RE.search(word):
            flagged = True
            return mapped if convertible else word
        if mostly_latin and convertible and any(ch.isalpha() for ch in word):
            flagged = True
            return mapped
        return word

    return _MIXED_WORD_RE.sub(repl, s), flagged


def clean_unicode(text: str, flags: list[str]) -> str:
    s = text
    if _SUSPECT_RE.search(s):
        if _INVISIBLE_RE.search(s):
            if _HIDDEN_RE.search(s):
                flags.append("zero_width")
            s = _INVISIBLE_RE.sub("", s)
        if "\u3000" in s or _FULLWIDTH_RE.search(s):
            if _FULLWIDTH_RE.search(s):
                flags.append("fullwidth")
            s = s.translate(FULLWIDTH)
        if not _is_normalized("NFC", s):
            s = _normalize("NFC", s)
        if _CYR_GREEK_RE.search(s):
            s, mixed = _map_homoglyphs(s)
            if mixed:
                flags.append("homoglyph")
                if not _is_normalized("NFC", s):
                    s = _normalize("NFC", s)
    elif not _is_normalized("NFC", s):
        s = _normalize("NFC", s)
    return s


def clean_text(text: str, flags: list[str]) -> str:
    """Return the ``clean`` view of ``text``; obfuscation findings are appended to flags."""
    s = text if text.isascii() else clean_unicode(text, flags)
    if may_be_defanged(s.lower()):
        restored = restore_links(s)
        if restored is not None:
            flags.append("defanged_link")
            s = restored
    return s
