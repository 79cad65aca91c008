"""SMS command syntaxes: "soạn DK gửi 9029", "Soan tin TC gui 9xxx", "SMS DK V90 to 9123"."""

from __future__ import annotations

import re

from lachan.domain import Entity
from lachan.entities.claimed import overlaps
from lachan.entities.digits import call_word_before as send_word_before
from lachan.entities.spans import Claims, new_entity
from lachan.entities.vi_regex import WORD_END, vi_any, vi_dispatch

# Runs on the lower-cased text; starts with a literal alternation so that the regex
# engine skips ahead fast (the word-edge check is done after a match).
_WINDOW = 100  # characters before a short code searched for the rest of the command
_COMMAND = re.compile(
    vi_dispatch("soan tin", "soan", "nhan tin", "nhan", "sms", "text", "cu phap")
    + WORD_END  # "nhanh" is not "nhan"
    + r"(?:\s+" + vi_any("theo cu phap", "theo") + ")?"
    + r"\s*[:\-]?\s*[\"“'‘]?\s*"
    # the command: one to five ASCII words, shortest first ("DK", "DK V90", "HUY QC");
    # possessive word matches keep a failed attempt from backtracking inside words
    + r"([a-z0-9][a-z0-9_.*#]{0,19}+(?:[ \t]+[a-z0-9_.*#]{1,20}+){0,4}?)"
    + r"(?![^\W_])\s*[\"”'’]?\s+"
    + "(?:" + vi_any("gui den", "gui toi", "gui", "den", "toi", "send to", "to") + ")"
    + r"\s*(?:" + vi_any("dau so", "tong dai", "so") + r")?\s*[:\-]?\s*"
    + r"([1-9][0-9]{2,4}|[1-9][0-9]{0,3}x{1,4})(?![\w])",
)


def _candidates(text: str, low: str, pieces: list[tuple[int, int]],
                said: dict[int, bool] | None = None) -> list[int]:
    """Ends of standalone 3-5 digit numbers and "9xxx" placeholders right after a send
    word ("gửi", "to", "đến số"): where a command's short code may end. Each answer of
    :func:`~lachan.entities.digits.call_word_before` is kept in ``said`` by start."""
    ends: list[int] = []
    n = len(text)
    for start, end in pieces:
        if text[start] == "0":  # most phone numbers: never a short code
            continue
        if text[end - 1] in ".-()":
            while end > start and text[end - 1] in ".-()":  # sentence punctuation
                end -= 1
        size = end - start
        if size > 5:
            continue
        if size >= 3:
            if not text[start:end].isdigit():
                continue  # "1.5", "2-3": neither a code nor a "9xxx" placeholder
        else:
            if end == n or text[end] not in "xX":
                continue  # the common short piece ("5tr", "7h"): no placeholder
            k = end
            while k < n and k - start < 5 and text[k] in "xX":
                k += 1
            if not text[start:end].isdigit():
                continue
            end = k
        if end < n and (text[end].isalnum() or text[end] == "_"):
            continue
        sent = send_word_before(low, start)
        if said is not None:
            said[start] = sent
        if not sent:
            continue
        ends.append(end)
    return ends


# Every command opens with one of these (lower case): "soạn", "nhắn", "sms", "text", "cú".
_PREFIX_HINTS = ("so", "nh", "sms", "text", "cu", "cú")


def _prefix_places(low: str, lo: int, hi: int) -> list[int]:
    """Word starts in ``low[lo:hi]`` where a command may open, found with str.find."""
    places: list[int] = []
    for h in _PREFIX_HINTS:
        i = low.find(h, lo, hi)
        while i != -1:
            if i == 0 or not low[i - 1].isalnum():
                places.append(i)
            i = low.find(h, i + 1, hi)
    places.sort()
    return places


def find_commands(text: str, low: str, claims: Claims, pieces: list[tuple[int, int]],
                  said: dict[int, bool] | None = None) -> list[Entity]:
    """Commands with ``keyword`` (upper case, single spaces) and ``shortcode`` attributes.

    Driven by the digit pieces (:func:`lachan.entities.digits.pieces`): the pattern is
    tried only in the 100 characters before a standalone short code. The command span is
    not claimed: its short code is also reported as a ``phone`` of type ``shortcode``.
    ``said`` (optional) collects :func:`~lachan.entities.digits.call_word_before` answers
    by position, for :func:`~lachan.entities.digits.find_shortcodes` to reuse.
    """
    out: list[Entity] = []
    for end in _candidates(text, low, pieces, said):
        lo = end - _WINDOW  # (not max(): it parses its arguments)
        for pos in _prefix_places(low, lo if lo > 0 else 0, end):
            m = _COMMAND.match(low, pos, end)
            if m is None:
                continue
            start, stop = m.span()
            if stop != end or (claims and overlaps(claims, start, stop)):
                continue
            k1, k2 = m.span(1)
            keyword = " ".join(text[k1:k2].upper().split())
            shortcode = m.group(2).lower()
            out.append(
                new_entity((
                    "sms_command",
                    f"{keyword} {shortcode}",
                    text[start:stop],
                    start,
                    stop,
                    {"keyword": keyword, "shortcode": shortcode},
                ))
            )
            break
    return out
