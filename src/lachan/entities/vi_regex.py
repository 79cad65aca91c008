"""Regex building blocks that match Vietnamese words with or without diacritics.

Entities are read from the ``clean`` view, which keeps case and diacritics; folding
every message would cost more than the whole extraction budget. Instead keyword
patterns are written unaccented ("so tai khoan") and :func:`vi` widens each letter to
all its accented forms, so one precompiled regex matches "số tài khoản", "so tai khoan"
and "Số Tài Khoản" (use with ``re.IGNORECASE``).
"""

from __future__ import annotations

import re

_VARIANTS: dict[str, str] = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}


def vi(words: str) -> str:
    """Regex source for unaccented ``words``: each vowel and ``d`` becomes a class of
    its Vietnamese forms, each space becomes ``\\s*`` (writers drop or double spaces)."""
    out: list[str] = []
    for ch in words:
        if ch == " ":
            out.append(r"\s*")
        elif ch in _VARIANTS:
            out.append(f"[{_VARIANTS[ch]}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def vi_any(*phrases: str) -> str:
    """Alternation of :func:`vi` phrases, longest first, as a non-capturing group."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(vi(p) for p in ordered) + ")"


#: Not preceded / followed by a letter or digit (a word edge that works for "đ", "ư").
WORD_START = r"(?<![^\W_])"
WORD_END = r"(?![^\W_])"


def lower_same_length(s: str) -> str:
    """``s.lower()``, except that characters whose lower case is longer ("İ") are kept, so
    positions in the result are positions in ``s`` (patterns run on it case-sensitively,
    which is several times faster than ``re.IGNORECASE``)."""
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in s)


def vi_dispatch(*phrases: str) -> str:
    """Like :func:`vi_any`, but shaped so that Python's regex engine can skip ahead.

    ``re`` only scans fast when a pattern *starts* with a literal or a character class;
    an alternation of accented phrases defeats that and is tried at every position. This
    form consumes the first letter with one class, then picks the branch with a
    one-character look-behind: ``[ms](?:(?<=m)a...|(?<=s)oan...)``. Several times faster
    on text without the phrases (measured in bench/entities_speed.py).
    """
    groups: dict[str, list[str]] = {}
    for p in phrases:
        groups.setdefault(p[0], []).append(p[1:])
    firsts = "".join(_VARIANTS.get(f, re.escape(f)) for f in groups)
    branches = []
    for f, rests in groups.items():
        cls = f"[{_VARIANTS[f]}]" if f in _VARIANTS else re.escape(f)
        rests.sort(key=len, reverse=True)
        branches.append(f"(?<={cls})(?:" + "|".join(vi(r) for r in rests) + ")")
    return f"[{firsts}](?:" + "|".join(branches) + ")"
