"""Restore "defanged" links: ``hxxps://vcb-xacminh[.]top``, ``vcb chấm top``.

Scammers (and, innocently, security reports) break links so filters miss them
(``b i d v - s m a r t . c o m`` too). We put
them back together so that entity extraction sees a real URL. Only clear patterns are
restored: a spelled-out dot ("chấm", "cham", "dot") counts only between a domain-like
label and a known top-level domain, so "tôi chấm bài" stays as it is.
"""

from __future__ import annotations

import re

__all__ = ["TLDS", "may_be_defanged", "restore_links"]

#: Top-level domains accepted after a spelled-out dot. Two-letter domains that are also
#: common Vietnamese syllables (``me``, ``co``, ``la``, ``to``, ``do``, ``ga`` ...) are
#: left out on purpose: "chăm mẹ" typed without accents must not become a link.
TLDS: tuple[str, ...] = (
    "com", "net", "org", "info", "biz", "vn", "top", "xyz", "site", "online", "shop",
    "store", "club", "vip", "icu", "link", "live", "app", "io", "cc", "tk", "ml", "cf",
    "gq", "ws", "ly", "gl", "asia", "pro", "cn", "ru", "us", "uk", "tv", "edu", "gov",
    "mobi", "win", "bid", "click", "work", "fun", "space", "website", "tech", "today",
    "cloud", "life", "world", "email", "support", "services", "help", "finance", "bank",
)  # fmt: skip

_TLD_ALT = "|".join(sorted(TLDS, key=len, reverse=True))

# "hxxp://", "hxxps[:]//", "hXXps[://]"
_SCHEME_RE = re.compile(r"(?<![A-Za-z])hxxp(s?)(?=\[:\]|\[://\]|:)", re.IGNORECASE)
_BRACKET_COLON_RE = re.compile(r"(?<![A-Za-z])(https?)\[(:|://)\]", re.IGNORECASE)
# "example[.]com", "example(.)com", "example{.}com", "example[dot]com"; with spaces
# around only the square-bracket form ("example [.] com"): "ok (.) ok" is not a link.
_BRACKET_DOT_RE = re.compile(
    r"(?<=\w)(?:\[(?:\.|dot)\]|\((?:\.|dot)\)|\{(?:\.|dot)\})(?=\w)"
    r"|(?<=\w) \[(?:\.|dot)\] (?=\w)",
    re.IGNORECASE,
)
# "vcb-xacminh chấm top", "example dot com": split on the spelled-out dot, then check
# the word before (a domain-like label) and the word after (a known TLD).
_SPELLED_DOT_RE = re.compile(r"( (?:chấm|cham|dot) )", re.IGNORECASE)
_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*", re.IGNORECASE)
_MAX_HOST = 253
_LEFT_STOPS = (" ", "\n", "\t", "/", "(", '"', "'", ":")
_TLD_AHEAD_RE = re.compile(rf"(?:{_TLD_ALT})(?![\w\-])", re.IGNORECASE)
# A link spelled one character at a time: "b i d v - s m a r t . c o m / update". Joined
# only when the result holds a dot before a known TLD ("c a m o n . b a n" stays).
_SPACED_LINK_RE = re.compile(r"(?<!\S)(?:[A-Za-z0-9./:\-] ){5,}[A-Za-z0-9/](?!\S)")
_JOINED_HOST_RE = re.compile(rf"[a-z0-9]\.(?:{_TLD_ALT})(?![a-z0-9])", re.IGNORECASE)


def may_be_defanged(low: str) -> bool:
    """Cheap pre-check on the lower-cased text; False means nothing to restore.

    Written as substring tests (one-character ones first) because they are several
    times faster than one regex search with alternatives; "[QC]" (the advertising
    label) and ordinary brackets do not pass it.
    """
    return (
        ("[" in low and ("[." in low or "[d" in low or "[:" in low))
        or ("(" in low and ("(." in low or "(d" in low))
        or ("{" in low and ("{." in low or "{d" in low))
        or "hxxp" in low
        or " cham " in low
        or " chấm " in low
        or " dot " in low
        or " . " in low
    )


def _join_spelled_dots(s: str) -> str:
    parts = _SPELLED_DOT_RE.split(s)
    if len(parts) == 1:
        return s
    acc = parts[0]
    for i in range(1, len(parts), 2):
        sep, right = parts[i], parts[i + 1]
        tail = acc[-_MAX_HOST:]
        cut = -1
        for ch in _LEFT_STOPS:
            cut = max(cut, tail.rfind(ch))
        left = tail[cut + 1 :]
        if len(left) >= 2 and _LABEL_RE.fullmatch(left) and _TLD_AHEAD_RE.match(right):
            acc += "." + right
        else:
            acc += sep + right
    return acc


def restore_links(text: str, low: str | None = None) -> str | None:
    """Return ``text`` with defanged links restored, or None when nothing changed.

    ``low`` is ``text.lower()`` when the caller has it already.
    """
    if low is None:
        low = text.lower()
    s = text
    if "hxxp" in low:
        s = _SCHEME_RE.sub(lambda m: "http" + m.group(1).lower(), s)
    if "[:" in low:
        s = _BRACKET_COLON_RE.sub(r"\1\2", s)
    if ".]" in low or ".)" in low or ".}" in low or "dot]" in low or "dot)" in low or "dot}" in low:
        s = _BRACKET_DOT_RE.sub(".", s)
    if " cham " in low or " chấm " in low or " dot " in low:
        s = _join_spelled_dots(s)
    if " . " in low:
        s = _SPACED_LINK_RE.sub(_join_spaced_link, s)
    return None if s == text else s


def _join_spaced_link(m: re.Match[str]) -> str:
    joined = m.group(0).replace(" ", "")
    return joined if _JOINED_HOST_RE.search(joined) is not None else m.group(0)
