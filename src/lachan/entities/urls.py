"""URLs (with a scheme, ``www.`` hosts and bare domains) and e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import unquote_plus

from lachan.domain import Entity
from lachan.entities.claimed import overlaps
from lachan.entities.domain import is_ip, public_suffix, registrable_domain, to_ascii, to_unicode
from lachan.entities.shorteners import is_shortener
from lachan.entities.spans import Claims, claim, new_entity

# A host label: letters/digits (any script) with inner hyphens, at most 63 characters.
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_PATH = r"""[^\s<>"'`{}|\\^，。、]*"""

_BARE_URL = re.compile(
    # a colon may come right before ("tai:bit.ly/x", "LH:abc.vn"), but not after a
    # digit ("10:30.Co", a port)
    r"(?<![\w.@/\\-])(?<![0-9]:)"
    r"((?:" + _LABEL + r"\.)+[^\W\d_](?:[\w-]{0,61}[^\W_])?)"  # host: the last label starts
    # with a letter, so "1.000.000" and "2.5tr" never match; and no number label after it:
    # "S22871.HN.1234567" is an order code, not the Honduran host "s22871.hn"
    r"(?![\w@-]|\.\d)"
    r"((?::\d{1,5})?(?:[/?#]" + _PATH + r")?)"
)
# digit first, then the look-behind: a leading class lets the engine skip text fast
_BARE_IP_URL = re.compile(
    r"([0-9](?<![\w.@/\\:-][0-9])[0-9]{0,2}(?:\.[0-9]{1,3}){3})"
    r"((?::[0-9]{1,5})?/" + _PATH + r"|:[0-9]{1,5}\b)",
)
_EMAIL = re.compile(
    r"(?<![\w.+-])([\w.+-]{1,64})@((?:" + _LABEL + r"\.)+[^\W\d_][\w-]{1,62})(?![\w-])"
)
_DOT_LETTER = re.compile(r"\.[^\W\d_]")
# Pre-check for _BARE_IP_URL: three dots between digits ("1.2.3.4" holds "1.2.3.4"
# and "192.168.1.10" holds "2.168.1.1"); a literal first, so ``re`` skips text fast
# (a class first is checked character by character), and "500.000" fails at once.
_DOTTED_QUAD = re.compile(r"\.(?<=[0-9]\.)[0-9]{1,3}\.[0-9]{1,3}\.[0-9]")

_TRAILING = ".,;:!?…'\"”’)]}>"

#: Top-level domains that are also everyday Vietnamese syllables or English words: text
#: glued without a space ("hen gap lai.Co ai"), so a bare "x.co" needs more evidence.
_AMBIGUOUS_TLDS = frozenset(
    "am an as at ba be bi bo by ca cam co cu do ga gap gi hu id in is it kim la lat ma man "
    "map me men mo moi my ne no nu ong sa so to tv us ve vi vin vu xin "
    "how new now one you here like love help call day date next open read save show "
    "talk best book play plus care cool fast life work team eat got "
    "ao de lu sl tel va".split()
)
#: Suffixes a bare host written with Vietnamese letters may have ("việtcombank.vn");
#: elsewhere such a "host" is glued chat ("thì.lu", "ừ.ba").
_IDN_SUFFIXES = frozenset({"vn", "com.vn", "net.vn", "org.vn", "com", "net", "org"})


def _trim(url: str) -> str:
    """Drop sentence punctuation glued to the end of a URL (keeps balanced brackets)."""
    end = len(url)
    if not end or url[-1] not in _TRAILING:
        return url
    opened = {")": url.count("("), "]": url.count("[")}
    closed = {")": url.count(")"), "]": url.count("]")}
    while end and url[end - 1] in _TRAILING:
        last = url[end - 1]
        if last in opened:
            if opened[last] >= closed[last]:
                break
            closed[last] -= 1
        end -= 1
    return url[:end]


@lru_cache(maxsize=16384)
def _host_attrs(host: str) -> tuple[tuple[str, Any], ...] | None:
    """Attributes of a URL host as written; ``None`` when it is not a valid host."""
    ascii_host = to_ascii(host)
    if ascii_host is None:
        return None
    ip = is_ip(ascii_host)
    registrable = None if ip else registrable_domain(ascii_host)
    return (
        ("host", ascii_host),
        ("host_unicode", to_unicode(ascii_host) or ascii_host),
        ("registrable_domain", registrable),
        ("suffix", None if ip else public_suffix(ascii_host)),
        ("is_ip", ip),
        ("shortener", is_shortener(ascii_host, registrable)),
    )


#: Links that carry another address in a query parameter: open redirects and search
#: results pages, by registrable domain: ``(path, parameter)`` pairs. A scammer sends
#: ``google.com/search?q=cash688.com`` or ``google.com/url?q=https://...`` past filters
#: that trust google.com; the target is what the reader lands on.
REDIRECTORS: dict[str, tuple[tuple[str, str], ...]] = {
    "google.com": (("/url", "q"), ("/url", "url"), ("/search", "q")),
    "google.com.vn": (("/url", "q"), ("/url", "url"), ("/search", "q")),
    "facebook.com": (("/l.php", "u"),),
    "youtube.com": (("/redirect", "q"),),
    "bing.com": (("/search", "q"),),
    "coccoc.com": (("/search", "query"),),
}
#: A search query or redirect target that is an address: a scheme, or a host alone.
_TARGET = re.compile(r"(?:https?://)?((?:" + _LABEL + r"\.)+[^\W\d_][\w-]{0,61})(?:[/:?#].*)?",
                     re.IGNORECASE | re.DOTALL)


#: Redirect links wrapped in redirect links are followed this deep ("google.com/url?q=
#: google.com/url?q=phishing.top"); deeper, the link is answered for the last one reached.
MAX_REDIRECT_HOPS = 4
_PORT_RE = re.compile(r":\d{1,5}")


def redirect_target(registrable: str | None, tail: str) -> str | None:
    """The host a redirect or search link of :data:`REDIRECTORS` leads to (ASCII), or
    ``None``: ``("google.com", "/search?q=cash688.com")`` gives ``"cash688.com"``. A target
    that is itself such a link is followed (:data:`MAX_REDIRECT_HOPS`)."""
    found = _redirect(registrable, tail, 0)
    return None if found is None else found[0]


def redirect_url(registrable: str | None, tail: str,
                 anyones: Callable[[str], bool] | None = None) -> str | None:
    """The whole link a redirect or search link leads to (``http://`` added when the target
    has no scheme), or ``None``: the page's path matters where anyone may publish
    (``sites.google.com/view/...``). ``anyones(host)`` says whether a host of the
    redirector's own site is one where anyone publishes ("google.com/url?q=
    sites.google.com/view/..."): such a target is followed too."""
    found = _redirect(registrable, tail, 0, anyones)
    return None if found is None else found[1]


def _redirect(registrable: str | None, tail: str, hops: int,
              anyones: Callable[[str], bool] | None = None) -> tuple[str, str] | None:
    """``(host, link)`` at the end of a chain of redirect links, or ``None``."""
    paths = REDIRECTORS.get(registrable or "")
    if not paths or "?" not in tail:
        return None
    path, _, query = tail.partition("?")
    query = query.partition("#")[0]
    for want_path, param in paths:
        if path.rstrip("/") != want_path:
            continue
        for pair in query.split("&"):
            key, eq, value = pair.partition("=")
            if eq and key == param:
                target = unquote_plus(value).strip()
                m = _TARGET.fullmatch(target)
                if m is None:
                    return None
                host = to_ascii(m.group(1))
                if host is None:
                    return None
                inner = registrable_domain(host)
                rest = target[m.end(1):]
                if inner in REDIRECTORS and hops < MAX_REDIRECT_HOPS:
                    port = _PORT_RE.match(rest)
                    nested = _redirect(inner, rest[port.end():] if port else rest, hops + 1,
                                       anyones)
                    if nested is not None:
                        return nested
                if inner is None or (inner == registrable
                                     and (anyones is None or not anyones(host))):
                    return None  # the same site, unless a host of it is anyone's page
                link = target if "://" in target[:m.start(1)] else "http://" + target
                return host, link
    return None


def _split_authority(rest: str) -> tuple[str, str, str]:
    """``user@host:port/path`` -> (``user@`` or "", host, ``:port/path``)."""
    end = len(rest)
    for sep in "/?#":
        i = rest.find(sep)
        if i != -1 and i < end:
            end = i
    authority, tail = rest[:end], rest[end:]
    userinfo = ""
    at = authority.rfind("@")
    if at != -1:
        userinfo, authority = authority[: at + 1], authority[at + 1 :]
    if authority.startswith("["):
        close = authority.find("]")
        if close != -1:
            return userinfo, authority[: close + 1], authority[close + 1 :] + tail
    colon = authority.rfind(":")
    if colon != -1:
        return userinfo, authority[:colon], authority[colon:] + tail
    return userinfo, authority, tail


def _url_entity(raw: str, start: int, scheme: str, userinfo: str, host: str, tail: str
                ) -> Entity | None:
    attrs = _host_attrs(host)
    if attrs is None:
        return None
    a = dict(attrs)
    shown_host = a["host"]
    if ":" in shown_host:  # IPv6
        shown_host = f"[{shown_host}]"
    value = f"{scheme}://{userinfo}{shown_host}{tail}"
    if userinfo:
        a["userinfo"] = userinfo[:-1]
    if a["registrable_domain"] in REDIRECTORS:
        target = redirect_target(a["registrable_domain"], tail)
        if target is not None:
            a["redirect_host"] = target
    return new_entity(("url", value, raw, start, start + len(raw), a))


def find_emails(text: str, claims: Claims) -> list[Entity]:
    out: list[Entity] = []
    for m in _EMAIL.finditer(text):
        local, host = m.group(1), m.group(2)
        if local.startswith(".") or local.endswith(".") or overlaps(claims, m.start(), m.end()):
            continue
        ascii_host = to_ascii(host)
        if ascii_host is None or public_suffix(ascii_host) is None:
            continue
        raw = m.group(0)
        out.append(
            new_entity((
                "email",
                raw.lower(),
                raw,
                m.start(),
                m.end(),
                {"domain": ascii_host, "registrable_domain": registrable_domain(ascii_host)},
            ))
        )
        claim(claims, (m.start(), m.end()))
    return out


#: The shape of a courier's order number before its region code ("S21889" of "S21889.HN").
_ORDER_CODE = re.compile(r"[A-Z]{1,3}[0-9]{4,}")


@lru_cache(maxsize=16384)
def _bare_ok(host: str, has_tail: bool) -> bool:
    """Is a scheme-less ``host`` really a link and not glued words or an abbreviation?"""
    attrs = _host_attrs(host)
    if attrs is None:
        return False
    a = dict(attrs)
    registrable, suffix = a["registrable_domain"], a["suffix"]
    if registrable is None or suffix is None:
        return False
    if a["shortener"]:
        return True
    written_labels = host.split(".")
    label = written_labels[-1 - suffix.count(".") - 1]  # the name as written
    if not any(c.isalpha() for c in label):
        return False
    if not host.isascii() and not has_tail and suffix not in _IDN_SUFFIXES:
        return False
    if has_tail or "." in suffix:
        return True
    if (label[0].isdigit() and suffix in _AMBIGUOUS_TLDS and host.count(".") == 1
            and "-" not in label):
        return False  # "3x3m.sl 1" (số lượng), "2h.la": a measure glued to a word
    if len(written_labels) == 2 and len(suffix) == 2 and _ORDER_CODE.fullmatch(label) \
            and written_labels[1].isupper():
        return False  # "S21889.HN", "B12345.SG": a courier's order code and its region
    if "-" in label or any(c.isdigit() for c in label):
        return True
    if len(label) == 1 and len(written_labels) == 2:
        return False  # "c.de", "q.ao", "y.vn": an initial and a word
    written_tld = written_labels[-1]
    if len(written_tld) > 1 and written_tld[0].isupper() and written_tld[1:].islower():
        return False  # "mai.Chuc", "nhe.Hot": a sentence glued to the last one
    if written_tld.isupper() and not host.isupper():
        return False  # "Ths.BS"
    if len(label) <= 2 and host.count(".") == 1 and not host.islower():
        return False  # "TP.HN", "Q.BT"
    if suffix in _AMBIGUOUS_TLDS and host.count(".") == 1:
        return False
    return True


_SCHEMES = frozenset({"http", "https", "ftp"})
_URL_REST = re.compile(_PATH)
_HOST_CHAR = frozenset("-._")
_HOST_RUN = re.compile(r"[\w.-]*")


def find_scheme_urls(text: str, claims: Claims) -> list[Entity]:
    """URLs written with ``http://``, ``https://`` or ``ftp://``."""
    out: list[Entity] = []
    i = text.find("://")
    while i != -1:
        j = i
        while j > 0 and i - j < 5 and text[j - 1].isascii() and text[j - 1].isalpha():
            j -= 1
        rest = _URL_REST.match(text, i + 3)
        end = rest.end() if rest is not None else i + 3
        if text[j:i].lower() in _SCHEMES and (j == 0 or not text[j - 1].isalnum()):
            raw = _trim(text[j:end])
            userinfo, host, tail = _split_authority(raw[len(text[j:i]) + 3 :])
            if host and not overlaps(claims, j, j + len(raw)):
                ent = _url_entity(raw, j, text[j:i].lower(), userinfo, host, tail)
                if ent is not None:
                    out.append(ent)
                    claim(claims, (ent.start, ent.end))
        i = text.find("://", max(end, i + 3))
    return out


def find_bare_urls(text: str, claims: Claims, has_digit: bool) -> list[Entity]:
    """``www.`` hosts, bare domains with a real public suffix, and IPv4 links with a path."""
    out: list[Entity] = []
    done = 0
    for hit in _DOT_LETTER.finditer(text):
        p = hit.start()
        if p < done or (claims and overlaps(claims, p, p + 1)):
            continue  # inside a link or an address already found
        start = p
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _HOST_CHAR):
            start -= 1
        m = _BARE_URL.match(text, start)
        if m is None:
            # every later dot in this token backtracks to the same start: skip them all
            run = _HOST_RUN.match(text, start)
            done = run.end() if run is not None else p + 1
            continue
        done = m.end()
        host, tail = m.group(1), _trim(m.group(2))
        end = m.start(2) + len(tail)
        if overlaps(claims, start, end) or not _bare_ok(host, bool(tail)):
            continue
        ent = _url_entity(text[start:end], start, "http", "", host, tail)
        if ent is not None:
            out.append(ent)
            claim(claims, (start, end))
    if has_digit and ("/" in text or ":" in text) and _DOTTED_QUAD.search(text) is not None:
        for m in _BARE_IP_URL.finditer(text):
            tail = _trim(m.group(2))
            start, end = m.start(), m.start(2) + len(tail)
            if overlaps(claims, start, end) or not is_ip(m.group(1)):
                continue
            ent = _url_entity(text[start:end], start, "http", "", m.group(1), tail)
            if ent is not None:
                out.append(ent)
                claim(claims, (start, end))
    return out
