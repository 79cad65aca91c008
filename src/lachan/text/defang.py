"""Restore "defanged" links: ``hxxps://vcb-xacminh[.]top``, ``vcb chấm top``.

Scammers (and, innocently, security reports) break links so filters miss them. We put
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
# "example[.]com", "example (.) com", "example{.}com", "example[dot]com"
_BRACKET_DOT_RE = re.compile(
    r"(?<=\w) ?(?:\[(?:\.|dot)\]|\((?:\.|dot)\)|\{(?:\.|dot)\}) ?(?=\w)", re.IGNORECASE
)
# "vcb-xacminh chấm top", "example dot com" (repeated for "a chấm com chấm vn")
_WORD_DOT_RE = re.compile(
    rf"(?<![\w.\-])([a-z0-9][a-z0-9\-]*[a-z0-9](?:\.[a-z0-9\-]+)*)"
    rf" (?:chấm|cham|dot) ({_TLD_ALT})(?![\w\-])",
    re.IGNORECASE,
)


def may_be_defanged(low: str) -> bool:
    """Cheap pre-check on the lower-cased text; False means nothing to restore."""
    return (
        "xx" in low
        or ".]" in low
        or ".)" in low
        or ".}" in low
        or "[:" in low
        or "dot" in low
        or "cham" in low
        or "chấm" in low
    )


def restore_links(text: str) -> str | None:
    """Return ``text`` with defanged links restored, or None when nothing changed."""
    s = _SCHEME_RE.sub(lambda m: "http" + m.group(1).lower(), text)
    s = _BRACKET_COLON_RE.sub(r"\1\2", s)
    s = _BRACKET_DOT_RE.sub(".", s)
    for _ in range(4):
        t = _WORD_DOT_RE.sub(r"\1.\2", s)
        if t == s:
            break
        s = t
    return None if s == text else s
