"""Recipients' refusal replies to advertising ("TC", "HUY", "TU CHOI", "KHONG" ...).

:func:`parse_refusal` reads a reply (any case, with or without Vietnamese diacritics,
spaces or punctuation around) and returns a :class:`Refusal`, or ``None`` when the reply
is not a refusal. :func:`confirmation_text` is the one confirmation the advertiser must
send at once (request received, when, when sending stops), with no advertising in it,
in plain ASCII so it fits one GSM-7 SMS part where possible.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from lachan.ingest.errors import IngestError
from lachan.rules import DEFAULT_RULES, TIMEZONE, AdRules
from lachan.text import fold

#: Longest reply we read, in characters.
MAX_REPLY_CHARS = 1_000
#: At most this many words may follow the keyword ("TC ABCSHOP", "HUY QC TAT CA").
MAX_TARGET_WORDS = 3

_FILLERS = {"qc", "quang", "cao", "all", "tat", "ca", "het", "ad", "ads", "nhan", "nua"}
_PUNCT = re.compile(r"[^a-z0-9 ]+")

VN_TZ = ZoneInfo(TIMEZONE)


class RefusalError(IngestError):
    """A reply that cannot be read at all (empty, oversized, not text)."""


@dataclass(frozen=True, slots=True)
class Refusal:
    keyword: str  # the keyword as in the rules table, e.g. "TU CHOI"
    target: str | None  # a brandname or product named after the keyword, upper case
    raw: str


def _keywords(rules: AdRules) -> list[tuple[str, str]]:
    """(folded keyword without spaces, keyword) longest first."""
    out = [(fold(k).replace(" ", ""), k) for k in rules.refusal_keywords if k.strip()]
    return sorted(out, key=lambda kv: len(kv[0]), reverse=True)


def parse_refusal(reply: str, rules: AdRules = DEFAULT_RULES) -> Refusal | None:
    """``"Từ chối"`` -> ``Refusal("TU CHOI", None, ...)``; ``"tc abcshop"`` -> target
    ``"ABCSHOP"``; ``"ok cam on"`` -> ``None``. Raises :class:`RefusalError` for an
    empty, oversized or non-text reply."""
    if not isinstance(reply, str):
        raise RefusalError("reply must be text")
    if len(reply) > MAX_REPLY_CHARS:
        raise RefusalError(f"reply is over {MAX_REPLY_CHARS} characters")
    text = unicodedata.normalize("NFC", reply).strip()
    if not text:
        raise RefusalError("reply is empty")
    words = _PUNCT.sub(" ", fold(text)).split()
    if not words:
        return None
    joined = "".join(words)
    for key, keyword in _keywords(rules):
        # the keyword may be written with or without its inner spaces ("TUCHOI")
        consumed, acc = 0, ""
        for w in words:
            if len(acc) >= len(key):
                break
            acc += w
            consumed += 1
        if acc != key:
            if joined == key:
                consumed, acc = len(words), joined
            else:
                continue
        rest = words[consumed:]
        if len(rest) > MAX_TARGET_WORDS:
            return None
        named = [w for w in rest if w not in _FILLERS]
        target = " ".join(named).upper() if named else None
        return Refusal(keyword=keyword, target=target, raw=reply)
    return None


def _ascii(s: str) -> str:
    folded = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in folded if not unicodedata.combining(c) and ord(c) < 128)


def confirmation_text(
    advertiser: str, received_at: datetime, stops_at: datetime | None = None
) -> str:
    """The confirmation the advertiser sends on a refusal: received, when, and when
    sending stops (Art. 14-20); no advertising; plain ASCII Vietnamese."""
    if received_at.tzinfo is None:
        raise RefusalError("time received must carry a time zone")
    stops_at = stops_at or received_at
    fmt = "%H:%M %d/%m/%Y"
    name = _ascii(advertiser).strip()[:40] or "Doanh nghiep"
    return (
        f"{name}: Da nhan yeu cau tu choi quang cao cua Quy khach luc "
        f"{received_at.astimezone(VN_TZ).strftime(fmt)}. Ngung gui quang cao tu "
        f"{stops_at.astimezone(VN_TZ).strftime(fmt)}."
    )
