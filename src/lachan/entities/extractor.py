"""The extraction itself (:func:`extract`; kinds and fields in :mod:`lachan.entities`).

A module of its own, not the package's ``__init__``: ``setup.py`` compiles the
package's modules but not its ``__init__``, and this is the one function every message
goes through.
"""

from __future__ import annotations

from lachan.domain import MAX_TEXT_CHARS, Entity, InputTooLarge
from lachan.entities.commands import find_commands
from lachan.entities.digits import (
    find_accounts,
    find_phones,
    find_runs,
    find_shortcodes,
    pieces,
)
from lachan.entities.money import find_money
from lachan.entities.otp import find_otps
from lachan.entities.spans import Claims
from lachan.entities.urls import find_bare_urls, find_emails, find_scheme_urls
from lachan.entities.vi_regex import lower_same_length

__all__ = ["KINDS", "extract"]

#: Every kind :func:`extract` reports.
KINDS: tuple[str, ...] = ("phone", "url", "email", "money", "account", "otp", "sms_command")

_KIND_ORDER = {k: i for i, k in enumerate(("sms_command", "url", "email", "money", "phone",
                                           "account", "otp"))}


def _key(e: Entity) -> tuple[int, int]:
    return e.start, _KIND_ORDER[e.kind]


def extract(clean: str) -> list[Entity]:
    """Entities in ``clean``, ordered by position. See :mod:`lachan.entities`."""
    if len(clean) > MAX_TEXT_CHARS:
        raise InputTooLarge(
            f"text is {len(clean)} characters; the limit is {MAX_TEXT_CHARS}"
        )
    if not clean:
        return []
    # the one scan for digits: a message with no run has no ASCII digit at all
    runs = find_runs(clean)
    has_digit = bool(runs)
    claims = Claims()
    out: list[Entity] = []
    if "://" in clean:
        out += find_scheme_urls(clean, claims)
    if "@" in clean:
        out += find_emails(clean, claims)
    if "." in clean:
        out += find_bare_urls(clean, claims, has_digit)
    if has_digit:
        low = clean.lower()
        if len(low) != len(clean):  # rare ("İ"): keep positions (a call saved otherwise)
            low = lower_same_length(clean)
        numbers = pieces(clean, runs)
        out += find_money(clean, low, claims, numbers)
        said: dict[int, bool] = {}  # call_word_before answers, shared by the next two
        out += find_commands(clean, low, claims, numbers, said)
        phones, leftovers = find_phones(clean, low, claims, runs)
        out += phones
        if leftovers:
            out += find_shortcodes(clean, low, leftovers, claims, said)
        out += find_otps(clean, low, claims)
        if leftovers:
            out += find_accounts(clean, low, leftovers, claims)
    n = len(out)
    if n == 2:  # the most common case: at most one swap, without a key call per entity
        a, b = out
        if b.start < a.start or (b.start == a.start and _KIND_ORDER[b.kind] < _KIND_ORDER[a.kind]):
            out.reverse()
    elif n > 2:
        out.sort(key=_key)
    return out
