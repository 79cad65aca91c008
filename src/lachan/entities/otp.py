"""One-time passwords and verification codes next to a keyword ("Mã OTP: 483920")."""

from __future__ import annotations

import re

from lachan.domain import Entity
from lachan.entities.claimed import overlaps
from lachan.entities.spans import Claims, claim, new_entity
from lachan.entities.vi_regex import WORD_END, vi_dispatch

# Runs on the lower-cased text; word edges are checked after a match. "code" and "pin"
# alone are weak: they take digits only ("code SALE50" is a promotion).
_KEYWORD = re.compile(
    vi_dispatch(
        "otp",
        "ma xac thuc",
        "ma xac nhan",
        "ma xac minh",
        "ma kich hoat",
        "ma bao mat",
        "ma giao dich",
        "ma dang nhap",
        "ma so bi mat",
        "verification code",
        "verification",
        "passcode",
        "security code",
        "code",
        "pin",
    )
    + WORD_END
)
_WEAK = frozenset({"code", "pin"})
# Every keyword starts with one of these (lower case).
_HINTS = ("otp", "mã", "ma", "code", "pin", "verification", "passcode", "security")

# 4-8 digits, 3 and 3 digits joined by a hyphen (WhatsApp's "785-857"), Google's
# "G-676873", or 6 upper-case letters and digits with at least one digit; not part of a
# longer grouped number ("0912 345 678", "091-234-5678"), a date, a time or an amount.
_CODE = re.compile(
    r"(?<![\w.,/:\-])(?<![0-9] )"
    r"([0-9]{4,8}+|[0-9]{3}-[0-9]{3}|G-[0-9]{6}|(?=[A-Z]*[0-9])(?=[0-9]*[A-Z])[A-Z0-9]{6})"
    r"(?![\w])(?! [0-9])(?![.,:/\-][0-9])"
)
_FORWARD = 40


def _numeric(code: str) -> bool:
    """Digits only, a hyphen between them allowed ("785-857"): what a weak keyword takes."""
    return code.replace("-", "").isdigit()


_BACKWARD = 30


def find_otps(text: str, low: str, claims: Claims) -> list[Entity]:
    """Codes near a keyword; ``low`` is ``text`` lower-cased (same length)."""
    out: list[Entity] = []
    # Every keyword starts with a hint: find hints with str.find (C speed) and try the
    # keyword pattern there only, instead of scanning the text with it.
    # Enough to tell whether any hint occurs ("passcode" and "security (code)" contain
    # "code"): ``in`` tests, the likeliest first (cheaper than one any() over a tuple).
    if not ("ma" in low or "mã" in low or "code" in low or "otp" in low or "pin" in low
            or "verification" in low):
        return out  # the common case
    places: list[int] = []
    find = low.find
    for h in _HINTS:
        i = find(h)
        while i != -1:
            places.append(i)
            i = find(h, i + 1)
    places.sort()
    done = 0
    for place in places:
        if place < done or (place > 0 and low[place - 1].isalnum()):
            continue
        kw = _KEYWORD.match(low, place)
        if kw is None:
            continue
        done = kw.end()
        strong = kw.group() not in _WEAK
        hit = None
        # the windows end a little after the last place a code may start or end, so the
        # look-aheads still see what follows ("0912 345 678" is not a code "0912")
        for m in _CODE.finditer(text, kw.end(), kw.end() + _FORWARD + 12):
            if m.start() > kw.end() + _FORWARD:
                break
            if (strong or _numeric(m.group(1))) and not (
                claims and overlaps(claims, m.start(), m.end())
            ):
                hit = m
                break
        if hit is None:
            back = kw.start() - _BACKWARD
            for m in _CODE.finditer(text, back if back > 0 else 0, kw.start() + 2):
                if m.end() > kw.start():
                    break
                if (strong or _numeric(m.group(1))) and not (
                    claims and overlaps(claims, m.start(), m.end())
                ):
                    hit = m  # the last one before the keyword ("483920 là mã OTP")
        if hit is None:
            continue
        code = hit.group(1)
        out.append(
            new_entity(("otp", code, code, hit.start(), hit.end(),
                        {"keyword": text[kw.start() : kw.end()]}))
        )
        claim(claims, (hit.start(), hit.end()))
    return out
