"""``normalise(text)``: the original, a clean view and a folded view of one message.

* ``clean``: invisible characters removed, full-width and look-alike letters mapped,
  defanged links restored, NFC; case and accents kept. Entities are read from it.
* ``folded``: ``clean`` lower-cased with diacritics folded, whitespace collapsed,
  spaced / dotted letters joined, look-alike digits inside words fixed and teencode
  expanded. Features and keyword rules read it; an accented message and the same
  message typed without accents give the same folded text.
* ``flags``: the obfuscation tricks that were found.

The common case (nothing suspicious) costs a handful of C-level string operations;
each trick has a cheap check and its own slower path only when the check fires.
"""

from __future__ import annotations

from typing import NamedTuple

from lachan.text.clean import clean_unicode
from lachan.text.defang import may_be_defanged, restore_links
from lachan.text.deobfuscate import fix_leet, join_letters, may_have_tricks
from lachan.text.fold import (
    VIETNAMESE_ONLY_RE,
    VIETNAMESE_OR_INERT_RE,
    fold,
    fold_common,
    fold_vietnamese,
)
from lachan.text.teencode import expand_words

__all__ = ["FLAGS", "Normalised", "normalise"]

#: Every flag :func:`normalise` can report.
FLAGS: frozenset[str] = frozenset(
    {"zero_width", "fullwidth", "homoglyph", "defanged_link", "spaced_letters", "leet",
     "product_code", "teencode"}
)

_NO_FLAGS: frozenset[str] = frozenset()
_common = VIETNAMESE_OR_INERT_RE.search
_vietnamese_only = VIETNAMESE_ONLY_RE.search


class Normalised(NamedTuple):
    """One message seen three ways; see the module documentation.

    A named tuple rather than a frozen dataclass (as :class:`lachan.domain.Entity`):
    one is made per message, and a frozen dataclass costs several times as much to
    build."""

    original: str
    clean: str
    folded: str
    flags: frozenset[str] = frozenset()


def normalise(text: str) -> Normalised:
    """Normalise one message. Never raises for a ``str`` (size limits are the caller's)."""
    flags: list[str] = []
    if text.isascii():
        clean = text
        base = text.lower()
    elif _vietnamese_only(text) is None:
        clean = text  # ASCII and precomposed Vietnamese letters: NFC, nothing to undo
        base = fold_vietnamese(text)
    elif _common(text) is None:
        # The same plus inert symbols (NBSP, "…", "₫", emoji): still nothing to undo.
        clean = text
        base = fold_common(text)
    else:
        clean = clean_unicode(text, flags)
        base = fold_common(clean) if _common(clean) is None else fold(clean)
    # Checked on the folded text: ASCII substring tests, and "chấm" is "cham" there.
    if may_be_defanged(base):
        restored = restore_links(clean)
        if restored is not None:
            flags.append("defanged_link")
            clean = restored
            base = fold(clean)

    words = base.split()
    folded = " ".join(words)
    if may_have_tricks(folded):
        folded, joined = join_letters(folded)
        if joined:
            flags.append("spaced_letters")
        before = folded
        folded, leet = fix_leet(folded)
        if leet:
            flags.append("leet")
        elif folded != before:  # only codes such as "st5k" were rewritten: no trick
            flags.append("product_code")
        words = folded.split(" ")
    changed, chat = expand_words(words, clean)
    if changed:
        folded = " ".join(words)
        if chat:
            flags.append("teencode")
    # tuple.__new__ directly: the named tuple's own __new__ is a Python-level call
    return _new(Normalised, (text, clean, folded, frozenset(flags) if flags else _NO_FLAGS))


_new = tuple.__new__

# Load the teencode tables at import, not on the first message.
expand_words(["ko"])
