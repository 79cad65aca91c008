"""Undo letter tricks on the folded view: spaced or dotted letters and digits for letters.

* ``"v i e t c o m b a n k"`` becomes ``"vietcombank"`` (a run of at least 4 single
  letters separated by single spaces) and ``"v.c.b"`` becomes ``"vcb"`` (at least 3
  single letters joined by dots, not part of a host name, path or e-mail address).
* ``"vietc0mbank"`` becomes ``"vietcombank"``, ``"m0m0"`` ``"momo"``: only in a token
  where a lone digit sits between two letters, with no run of two or more digits, at
  most as many digits as letters, and only look-alike digits (0 1 3 4 5 7). Numbers,
  amounts ("500k", "5tr"), "4g", codes such as "ft23123abc" and tokens that look like
  a URL or an e-mail address are never changed.

Input is the folded text with whitespace collapsed to single spaces.
"""

from __future__ import annotations

import re

__all__ = ["fix_leet", "join_letters", "may_have_tricks"]

_SPACED_RE = re.compile(r"(?<![a-z0-9])[a-z](?: [a-z]){3,}(?![a-z0-9])")
_DOTTED_RE = re.compile(r"(?<![a-z0-9.@/_\-])[a-z](?:\.[a-z]){2,}(?![a-z0-9@/_\-]|\.[a-z0-9])")
# Hints are written to start with a literal or a small character set: a search that
# starts with a look-behind is several times slower on a 160-character message.
_LEET_HINT_RE = re.compile(r"[013457](?<=[a-z][013457])(?=[a-z])")
_SPACED_HINT_RE = re.compile(r" [a-z] [a-z] [a-z] [a-z](?![a-z0-9])")
_SPACED_START_RE = re.compile(r"[a-z] [a-z] [a-z] [a-z](?![a-z0-9])")
_DOTTED_HINT_RE = re.compile(r"\.[a-z]\.[a-z]")


# The hints above, answered on a map of the text made with one bytes.translate (C speed,
# a byte at a time, where a character-class regex scan costs several times as much):
# "a" for a-z, "0" for a look-alike digit, "9" for any other digit, "." and " " as they
# are, "#" for anything else. In UTF-8 every non-ASCII character becomes bytes >= 0x80,
# mapped to "#", so ASCII characters are next to each other in the map exactly where
# they are in the text.
_HINT_MAP = bytes(
    ord("a") if chr(b).islower() and chr(b).isascii()
    else ord("0") if chr(b) in "013457"
    else ord("9") if chr(b) in "2689"
    else b if chr(b) in ". "
    else ord("#")
    for b in range(256)
)
# The hints on the map (a regex with a literal prefix searches a map of mostly "a" faster
# than ``in`` does).
_LEET_HINT_MAP_RE = re.compile(rb"a0a")
_DOTTED_HINT_MAP_RE = re.compile(rb"\.a\.a")
_SPACED_HINT_MAP_RE = re.compile(rb" a a a a(?![a09])")


def may_have_tricks(s: str) -> bool:
    """Cheap check: False means :func:`join_letters` and :func:`fix_leet` do nothing.

    True exactly when ``_LEET_HINT_RE``, ``_DOTTED_HINT_RE`` or ``_SPACED_HINT_RE``
    finds something in ``s`` or ``_SPACED_START_RE`` matches at its start."""
    m = s.encode("utf-8", "surrogatepass").translate(_HINT_MAP)
    # (the start test by a slice: bytes.startswith parses its arguments, which costs more)
    return (
        _LEET_HINT_MAP_RE.search(m) is not None
        or _DOTTED_HINT_MAP_RE.search(m) is not None
        or _SPACED_HINT_MAP_RE.search(m) is not None
        or (m[:7] == b"a a a a" and (len(m) == 7 or m[7] not in b"a09"))
    )


_LEET = str.maketrans("013457", "oieast")
_TOKEN_CORE_RE = re.compile(r"^([^a-z0-9]*)([a-z0-9]+)([^a-z0-9]*)$")
_DIGIT_RUN_RE = re.compile(r"[0-9]{2,}")
_URLISH_RE = re.compile(r"[/@]|\w\.\w|^www")
#: Package and product codes: "ST5K", "MI5N", "TV7K" (only 5 and 7, which stand for
#: consonants; leet words hide vowels: "kh0ng", "d1eu") and network generations glued
#: to a name ("imuzik3g", "shopee7g").
_VOWEL_DIGITS = frozenset("0134")
_GENERATION_RE = re.compile(r"[2-7]g$")
#: A tour's length in days and nights: "5N4D", "3N2Đ" (ngày, đêm).
_DAYS_NIGHTS_RE = re.compile(r"^\d{1,2}n\d{1,2}[dđ]$")


def join_letters(s: str) -> tuple[str, bool]:
    """Join spaced and dotted single letters; report whether anything was joined."""
    changed = False
    if (_SPACED_HINT_RE.search(s) or _SPACED_START_RE.match(s)) and _SPACED_RE.search(s):
        s = _SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), s)
        changed = True
    if _DOTTED_HINT_RE.search(s) and _DOTTED_RE.search(s):
        s = _DOTTED_RE.sub(lambda m: m.group(0).replace(".", ""), s)
        changed = True
    return s, changed


def _fix_token(token: str) -> str:
    if _URLISH_RE.search(token):
        return token
    m = _TOKEN_CORE_RE.match(token)
    if m is None:
        return token
    lead, core, trail = m.groups()
    if _DIGIT_RUN_RE.search(core):
        return token
    digits = sum(ch.isdigit() for ch in core)
    letters = len(core) - digits
    if letters < 2 or digits > letters or not _LEET_HINT_RE.search(core):
        return token
    fixed = core.translate(_LEET)
    if any(ch.isdigit() for ch in fixed):
        return token  # a digit with no letter twin (2, 6, 8, 9): a code, not a word
    return lead + fixed + trail


def _is_code(token: str) -> bool:
    """A package or product code, or a tour's days and nights ("5n4d"), rather than a
    disguised word (see ``_VOWEL_DIGITS``);
    ``token`` is one :func:`_fix_token` rewrote, so it has a core."""
    m = _TOKEN_CORE_RE.match(token)
    core = m.group(2) if m is not None else token
    return (_VOWEL_DIGITS.isdisjoint(core) or _GENERATION_RE.search(core) is not None
            or _DAYS_NIGHTS_RE.match(core) is not None)


def fix_leet(s: str) -> tuple[str, bool]:
    """Replace look-alike digits inside words; report whether a disguised word was
    among them (package codes such as "st5k" are rewritten too, so the folded text
    of a message does not depend on this judgement, but they are not a trick)."""
    if not _LEET_HINT_RE.search(s):
        return s, False
    words = s.split(" ")
    changed = trick = False
    for i, w in enumerate(words):
        if _LEET_HINT_RE.search(w):
            fixed = _fix_token(w)
            if fixed != w:
                words[i] = fixed
                changed = True
                trick = trick or not _is_code(w)
    return (" ".join(words), trick) if changed else (s, False)
