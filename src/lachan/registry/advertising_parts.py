"""Where an SMS ends: its parts as a phone receives them, and the opt-out at the end.

Decree 91 (Articles 14-20) puts the opt-out instructions "at the end" of an ad. The
engine's check (:func:`lachan.detect.ad_rules.check_opt_out`) looks for them in the last
``rules.opt_out_tail_chars`` (160) characters. A long ad is sent in several parts and
read part by part; its end is its last part, which holds 153 characters in the GSM
7-bit alphabet but only 67 in UCS-2, the encoding of any Vietnamese text with
diacritics: the last 160 characters of such an ad span three parts. So an SMS sent in
several parts must also carry the instruction in its last part (:func:`opt_out_not_at_end`),
however the text was split into lines; a phrase that starts in the part before and ends
in the last one counts, and so does an instruction whose phrase ends the part before
when the last part holds only the rest of it ("... Tu choi nhan QC soan TC" | "gui 8088":
the shortcode, "gui", digits, punctuation, see :func:`instruction_rest_pattern`). A
one-part SMS is one screen: the engine's check is the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lachan.rules import AdRules

#: The GSM 03.38 default alphabet, and its extension table (each costs two septets).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")
#: Units of one part: (alone, in a multi-part message), per encoding.
PART_UNITS = {"gsm7": (160, 153), "ucs2": (70, 67)}


@dataclass(frozen=True, slots=True)
class SmsParts:
    """How an SMS text is sent: its encoding, length in units (septets or UTF-16 code
    units), number of parts, and where its last part starts (a character index)."""

    encoding: str
    units: int
    parts: int
    last_part_start: int


def _unit_sizes(text: str) -> tuple[str, list[int]]:
    if all(c in GSM_BASIC or c in GSM_EXTENDED for c in text):
        return "gsm7", [2 if c in GSM_EXTENDED else 1 for c in text]
    return "ucs2", [2 if ord(c) > 0xFFFF else 1 for c in text]


def sms_parts(text: str) -> SmsParts:
    """The parts of ``text`` sent as one SMS (concatenated when it does not fit one)."""
    encoding, sizes = _unit_sizes(text)
    units = sum(sizes)
    alone, each = PART_UNITS[encoding]
    if units <= alone:
        return SmsParts(encoding, units, 1 if text else 0, 0)
    parts, used, start = 1, 0, 0
    for i, size in enumerate(sizes):  # a character is never split between two parts
        if used + size > each:
            parts, used, start = parts + 1, 0, i
        used += size
    return SmsParts(encoding, units, parts, start)


@lru_cache(maxsize=16)
def opt_out_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """``rules.opt_out_phrases`` as one pattern of whole words, on folded text."""
    from lachan.text import fold

    folded = sorted({fold(p) for p in phrases if p}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, folded)) + r")(?![a-z0-9])")


#: Words that may finish an opt-out instruction after its phrase (folded): where to send
#: it ("gui 8088", "den tong dai 8088"), and "free of charge".
_INSTRUCTION_WORDS = ("gui", "den", "toi", "ve", "so", "sms", "qc", "tong dai", "dau so",
                      "mien phi", "free", "send", "to")


@lru_cache(maxsize=16)
def instruction_rest_pattern(refusal_keywords: tuple[str, ...]) -> re.Pattern[str]:
    """What may follow an opt-out phrase and still be the same instruction, on folded
    text: punctuation, the refusal keywords (``TC``, ``HUY``), where to send it
    (:data:`_INSTRUCTION_WORDS`) and a shortcode (``8088``, ``8xxx``), nothing else."""
    from lachan.text import fold

    words = sorted({fold(w).lower() for w in (*refusal_keywords, *_INSTRUCTION_WORDS) if w},
                   key=len, reverse=True)
    word = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?:[\W_]|(?<![a-z0-9])(?:{word}|\d+x*)(?![a-z0-9]))*")


def opt_out_not_at_end(text: str, rules: AdRules) -> SmsParts | None:
    """The parts of the SMS ``text`` when it is sent in several and its last part does
    not hold the opt-out instruction (nor the end of one begun in the part before);
    ``None`` when the instruction is at its end, or the SMS is one part."""
    body = text.strip()
    parts = sms_parts(body)
    if parts.parts <= 1:
        return None
    from lachan.text import fold

    start = parts.last_part_start
    reach = max((len(p) for p in rules.opt_out_phrases), default=1)
    before = fold(body[max(0, start - reach + 1) : start])  # where a phrase may begin
    last = fold(body[start:])
    pattern = opt_out_pattern(tuple(rules.opt_out_phrases))
    for m in pattern.finditer(before + last):
        if m.end() > len(before):
            return None
    if _instruction_ends_in_last_part(fold(body[:start]), last, rules):
        return None
    return parts


def _instruction_ends_in_last_part(earlier: str, last: str, rules: AdRules) -> bool:
    """Whether the parts before the last (``earlier``, folded) end with an opt-out phrase
    whose instruction the last part (``last``, folded) only finishes: nothing follows
    the phrase but the rest of the instruction (:func:`instruction_rest_pattern`)."""
    found = list(opt_out_pattern(tuple(rules.opt_out_phrases)).finditer(earlier))
    if not found:
        return False
    rest = instruction_rest_pattern(tuple(rules.refusal_keywords))
    return rest.fullmatch(earlier[found[-1].end() :] + last) is not None
