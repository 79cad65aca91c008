"""Character tables for de-obfuscation: invisible characters, full-width forms and
Cyrillic / Greek letters that look like Latin ones.

Only letters that are near-identical to a Latin letter in common fonts are mapped;
letters that merely resemble one (Cyrillic ``п``, ``г``, ``ь``) are left alone so that a
Russian word is not half-transliterated.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "ASTRAL_INVISIBLE_CLASS",
    "BIDI_CONTROLS",
    "CONFUSABLE",
    "CYRILLIC_GREEK_CLASS",
    "FULLWIDTH",
    "FULLWIDTH_CLASS",
    "INVISIBLE_CLASS",
    "STYLED",
    "STYLED_CLASS",
]

#: Zero-width, invisible, bidi-control, soft-hyphen, filler and variation-selector
#: characters of the Basic Multilingual Plane, as a regex character-class body. None of
#: them is a digit or a letter. (Kept to the BMP so that ``re`` compiles the class to a
#: fast lookup table; the few outside it are in :data:`ASTRAL_INVISIBLE_CLASS`.)
INVISIBLE_CLASS = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u115f\u1160"  # Hangul choseong / jungseong fillers
    "\u17b4\u17b5"  # Khmer inherent vowels (invisible)
    "\u180b-\u180f"  # Mongolian variation selectors, vowel separator
    "\u200b-\u200f"  # zero width space / non-joiner / joiner, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u206f"  # word joiner, invisible operators, bidi isolates, deprecated formats
    "\u3164"  # Hangul filler
    "\ufe00-\ufe0f"  # variation selectors
    "\ufeff"  # zero width no-break space / BOM
    "\uffa0"  # half-width Hangul filler
)

#: Invisible characters outside the BMP: musical format characters, tags, variation
#: selectors supplement.
ASTRAL_INVISIBLE_CLASS = "\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef"

#: Bidi embedding, override and isolate controls: always a sign of manipulation in SMS.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: Full-width ASCII variants (U+FF01-U+FF5E) and the ideographic space.
FULLWIDTH_CLASS = "\uff01-\uff5e\u3000"
FULLWIDTH: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FULLWIDTH[0x3000] = 0x20

#: Styled letters and digits: mathematical alphanumerics (bold, italic, script,
#: double-struck ...), circled and squared Latin letters. Ranges, as a class body.
STYLED_CLASS = "\u24b6-\u24e9\U0001d400-\U0001d7ff\U0001f130-\U0001f189"


def _styled_table() -> dict[int, str]:
    """Styled character -> its plain ASCII letter or digit (from NFKC, one to one)."""
    table: dict[int, str] = {}
    for lo, hi in ((0x24B6, 0x24E9), (0x1D400, 0x1D7FF), (0x1F130, 0x1F189)):
        for cp in range(lo, hi + 1):
            plain = unicodedata.normalize("NFKC", chr(cp))
            if len(plain) == 1 and plain.isascii() and plain.isalnum():
                table[cp] = plain
    return table


#: ``str.translate`` table for :data:`STYLED_CLASS` characters.
STYLED: dict[int, str] = _styled_table()

#: Greek and Coptic, Cyrillic, Cyrillic Supplement.
CYRILLIC_GREEK_CLASS = "\u0370-\u03ff\u0400-\u052f"

_PAIRS = {
    # Cyrillic lower case
    "а": "a", "е": "e", "ё": "ë", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "к": "k", "і": "i", "ї": "ï", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q",
    "ԝ": "w", "ӏ": "l", "ү": "y",
    # Cyrillic upper case
    "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ї": "Ï", "Ј": "J",
    "Ѕ": "S", "Һ": "H", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "Ү": "Y",
    # Greek lower case
    "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "υ": "u", "χ": "x",
    "ϲ": "c", "ϳ": "j",
    # Greek upper case
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C", "Ϳ": "J",
}  # fmt: skip

#: Cyrillic / Greek look-alike -> Latin letter, as a ``str.translate`` table.
CONFUSABLE: dict[int, str] = {ord(k): v for k, v in _PAIRS.items()}
