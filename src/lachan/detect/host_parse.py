"""Parse a host or URL into the parts the host checks read, with clear errors.

Limits (every outside input is size-limited): an item is at most ``MAX_ITEM_CHARS``
characters, a host at most 253, a label at most 63; control characters, empty hosts,
single-label names and invalid IDN are refused with :class:`HostInputError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import idna

MAX_ITEM_CHARS = 4096
MAX_HOST_CHARS = 253
MAX_LABEL_CHARS = 63

_CTRL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]{0,15}://")
_LABEL_RE = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_ASCII_HOST = re.compile(rf"^{_LABEL_RE}(?:\.{_LABEL_RE})*\Z")
_ascii_host = _ASCII_HOST.match
#: the characters of ``_ASCII_HOST``; with no empty label and no label starting or ending
#: with "-" (and labels of at most 63 characters) a string of them matches it
_host_chars = re.compile(r"[a-z0-9_.-]+").fullmatch
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}\Z")
#: A web scheme written with backslashes or without slashes ("http:\\evil.top\\x"):
#: browsers read it as "http://evil.top/x".
_LOOSE_WEB_SCHEME = re.compile(r"^(?:https?|hxxps?|ftp):[\\/]*", re.IGNORECASE)
#: Schemes of links that lead to no web host ("javascript:", "data:", "mailto:").
_OTHER_SCHEME = re.compile(r"^(javascript|vbscript|data|mailto|tel|sms|file|blob|about):",
                           re.IGNORECASE)
#: A host a browser reads as an IPv4 address: one to four numbers, decimal, hex (0x) or
#: octal (leading 0): "127.1", "0x7f.1", "2130706433" are 127.0.0.1 (WHATWG URL standard).
_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d+)){0,3}\.?\Z")


def _browser_ipv4(host: str) -> str | None:
    """The dotted IPv4 address a browser reads ``host`` as, or ``None`` when it is no
    number of the WHATWG host parser (:class:`HostInputError` when one is out of range)."""
    if not _NUMERIC_HOST.match(host):
        return None
    parts = host.rstrip(".").split(".")
    nums = []
    for p in parts:
        if p.startswith("0x"):
            nums.append(int(p[2:] or "0", 16))
        elif len(p) > 1 and p.startswith("0"):
            if any(c in "89" for c in p):
                raise HostInputError(f"invalid IPv4 address {host[:80]!r}")
            nums.append(int(p, 8))
        else:
            nums.append(int(p))
    *head, last = nums
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(nums)):
        raise HostInputError(f"invalid IPv4 address {host[:80]!r}")
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ".".join(str((value >> shift) & 255) for shift in (24, 16, 8, 0))


class HostInputError(ValueError):
    """The item is not a host or URL Lachan can analyse; the message says why."""


class ParsedHost(NamedTuple):
    host: str  # ASCII (punycode), lower case, no trailing dot
    unicode_host: str  # the same host with IDN labels decoded
    registrable: str  # registrable domain (ICANN public-suffix list), or the IP
    suffix: str  # public suffix ("com.vn"), "" for an IP
    label: str  # registrable domain without its suffix ("vietcombank-vn")
    subdomains: tuple[str, ...]  # labels left of the registrable domain
    path: str = ""  # path, query and fragment, lower case ("" for a bare host)
    is_ip: bool = False
    idn: bool = False
    userinfo: bool = False  # "https://bank.vn@evil.top/" trick
    port: int | None = None


@lru_cache(maxsize=1)
def _icann_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(rules, wildcard parents, exceptions)`` of the ICANN section of the public-suffix
    list bundled with the ``publicsuffixlist`` package (read once, never fetched)."""
    text = resources.files("publicsuffixlist").joinpath("public_suffix_list.dat").read_text(
        "utf-8"
    )
    rules: set[str] = set()
    wild: set[str] = set()
    exc: set[str] = set()
    icann = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("// ===BEGIN ICANN"):
            icann = True
        elif line.startswith("// ===END ICANN"):
            break
        if not icann or not line or line.startswith("//"):
            continue
        rule = line.split()[0].lower()
        try:
            rule = ".".join(
                x if x == "*" or x.isascii() else "xn--" + x.encode("punycode").decode()
                for x in rule.lstrip("!").split(".")
            ) if not line.startswith("!") else "!" + ".".join(
                x if x.isascii() else "xn--" + x.encode("punycode").decode()
                for x in rule[1:].split(".")
            )
        except UnicodeError:
            continue
        if rule.startswith("!"):
            exc.add(rule[1:])
        elif rule.startswith("*."):
            wild.add(rule[2:])
        else:
            rules.add(rule)
    return frozenset(rules), frozenset(wild), frozenset(exc)


@lru_cache(maxsize=1)
def _icann_walk_sets() -> tuple[frozenset[str], frozenset[str]]:
    """``(tails, deep)``: every right-hand tail of every rule, wildcard parent and
    exception (``com.vn`` and ``vn`` for ``com.vn``; once a host's tail is not in here,
    no longer tail can match), and the tails under which a longer rule can match (``vn``,
    wildcard parents): a host whose TLD is not ``deep`` has its TLD as suffix."""
    rules, wild, exc = _icann_rules()
    tails: set[str] = set()
    for r in (*rules, *wild, *exc):
        parts = r.split(".")
        tails.update(".".join(parts[i:]) for i in range(len(parts)))
    deep = {t.partition(".")[2] for t in tails if "." in t} | wild
    return frozenset(tails), frozenset(deep)


def _suffix_start(host: str) -> int:
    """Index in ``host`` where its public suffix starts (0: the host is a suffix).
    Longest match, walking the host's tails from the right and stopping at the first
    tail that no rule ends with; most hosts need one set look-up."""
    tails, deep = _icann_walk_sets()
    k = host.rfind(".")
    if host[k + 1 :] not in deep:
        return k + 1
    rules, wild, exc = _icann_rules()
    pos = len(host)
    sfx = k + 1  # unknown TLD: the last label is the suffix
    in_wild = False
    while True:
        k = host.rfind(".", 0, pos)
        t = host[k + 1 :]
        if t in exc:
            sfx = pos + 1
        elif t in rules or in_wild:
            sfx = k + 1
        if k < 0 or t not in tails:
            return sfx
        in_wild = t in wild
        pos = k


def split_registrable(host: str) -> tuple[str, str] | None:
    """``(registrable domain, public suffix)`` of an ASCII host; ``None`` when the host is
    itself a public suffix. With :func:`_suffix_start`, the one place that asks the
    public-suffix list (no cache: a split costs a few set look-ups)."""
    sfx = _suffix_start(host)
    if sfx == 0:
        return None
    return host[host.rfind(".", 0, sfx - 1) + 1 :], host[sfx:]


def _to_ascii(host: str) -> str:
    host = unicodedata.normalize("NFKC", host).lower()
    # IDNA2008 with UTS #46 mapping; full stops in other scripts become dots.
    host = host.replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".")
    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        raise HostInputError(f"invalid internationalised domain name: {exc}") from None


def _to_unicode(host: str) -> str:
    """Decode IDN labels; labels IDNA2008 forbids but browsers may still show are decoded
    with the plain punycode codec so their look-alike letters can be analysed."""
    try:
        return idna.decode(host)
    except (idna.IDNAError, UnicodeError, ValueError):
        pass
    out = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError) as exc:
                raise HostInputError(f"invalid punycode label {label[:70]!r}: {exc}") from None
            if not label or _CTRL.search(label):
                raise HostInputError("invalid punycode label")
        out.append(label)
    return ".".join(out)


def parse_host(item: object) -> ParsedHost:
    """Parse ``item`` (a bare host, ``host/path`` or a URL with a scheme)."""
    if not isinstance(item, str):
        raise HostInputError("expected a string")
    if len(item) <= MAX_HOST_CHARS and "." in item and _ascii_host(item):
        if not item[-1].isdigit():  # fast path: a plain lower-case ASCII host
            return _finish(item, "", False, False, None)
    if len(item) > MAX_ITEM_CHARS:
        raise HostInputError(f"input too long ({len(item)} characters, limit {MAX_ITEM_CHARS})")
    s = item.strip()
    if not s:
        raise HostInputError("empty host")
    if _CTRL.search(s):
        raise HostInputError("control characters in host or URL")
    if "[" in s or "(" in s:  # defanged forms shared in reports: example[.]com, hxxp[:]//
        s = s.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".").replace("[:]", ":")
    other = _OTHER_SCHEME.match(s)
    if other is not None:
        raise HostInputError(f"not a web address: a {other.group(1).lower()}: link")
    loose = _LOOSE_WEB_SCHEME.match(s) if not _SCHEME.match(s) else None
    if loose is not None:
        s = s[loose.end():]
    m = _SCHEME.match(s)
    if m:
        scheme = m.group(0)[:-3].lower()
        if scheme not in ("http", "https", "ftp", "hxxp", "hxxps"):
            raise HostInputError(f"unsupported URL scheme {scheme!r}")
        s = s[m.end() :]
    elif s.startswith("//"):
        s = s[2:]
    cut = len(s)
    for ch in "/?#\\":
        i = s.find(ch)
        if i != -1 and i < cut:
            cut = i
    authority, path = s[:cut], s[cut:]
    userinfo = False
    if "@" in authority:
        userinfo = True
        authority = authority.rpartition("@")[2]
    port: int | None = None
    if authority.startswith("["):
        raise HostInputError("IPv6 literal hosts are not analysed")
    if ":" in authority:
        authority, _, port_s = authority.rpartition(":")
        if not port_s:  # "host:" is the default port (RFC 3986, section 3.2.3)
            pass
        elif not port_s.isdigit() or not 0 < int(port_s) < 65536:
            raise HostInputError(f"invalid port {port_s[:20]!r}")
        else:
            port = int(port_s)
    host = authority.rstrip(".").lower()
    if not host:
        raise HostInputError("no host in URL")
    if len(host) > MAX_HOST_CHARS * 4:
        raise HostInputError(f"host too long ({len(host)} characters, limit {MAX_HOST_CHARS})")
    # an IDN is one whose ASCII form has a punycode label (``_finish`` checks): a host
    # that maps to plain ASCII (full-width letters, a byte-order mark or zero-width
    # characters, which UTS #46 removes) is that ASCII host
    idn = False
    if not host.isascii():
        host = _to_ascii(host)
    if len(host) > MAX_HOST_CHARS:
        raise HostInputError(f"host too long ({len(host)} characters, limit {MAX_HOST_CHARS})")
    if not _IPV4.match(host) and host[-1:].isdigit():
        dotted = _browser_ipv4(host)
        if dotted is not None:
            host = dotted
        elif host.rpartition(".")[2].isdigit():  # no TLD is a number: a bad IPv4 address
            raise HostInputError(f"invalid IPv4 address {host[:80]!r}")
    if _IPV4.match(host):
        if any(int(p) > 255 for p in host.split(".")):
            raise HostInputError(f"invalid IPv4 address {host!r}")
        return ParsedHost(host, host, host, "", host, (), path.lower(), True, False, userinfo, port)
    if not _ASCII_HOST.match(host):
        if any(len(x) > MAX_LABEL_CHARS for x in host.split(".")):
            raise HostInputError(f"label longer than {MAX_LABEL_CHARS} characters")
        raise HostInputError(f"not a valid host name: {host[:80]!r}")
    if "." not in host:
        raise HostInputError(f"not a domain name (single label): {host[:80]!r}")
    return _finish(host, path.lower(), idn, userinfo, port)


_DEEP: frozenset[str] = frozenset()  # _icann_walk_sets()[1], set on first use
_new_tuple = tuple.__new__


def _finish(host: str, path: str, idn: bool, userinfo: bool, port: int | None) -> ParsedHost:
    global _DEEP
    unicode_host = host
    if "xn--" in host:
        idn = True
        unicode_host = _to_unicode(host)
    k = host.rfind(".")
    if not _DEEP:
        _DEEP = _icann_walk_sets()[1]
    sfx = _suffix_start(host) if host[k + 1 :] in _DEEP else k + 1
    if sfx == 0:
        raise HostInputError(f"{host!r} is a public suffix, not a registrable domain")
    reg = host.rfind(".", 0, sfx - 1) + 1
    subdomains: tuple[str, ...] = ()
    if reg:
        sub = host[: reg - 1]
        subdomains = _SUBDOMAINS.get(sub) or _subdomains(sub)
    return _new_tuple(ParsedHost, (
        host, unicode_host, host[reg:], host[sfx:], host[reg : sfx - 1], subdomains, path,
        False, idn, userinfo, port,
    ))


_SUBDOMAINS: dict[str, tuple[str, ...]] = {}


def _subdomains(sub: str) -> tuple[str, ...]:
    """``sub`` split at its dots; single common labels (www, m, mail) shared."""
    out = tuple(sub.split("."))
    if len(out) == 1 and len(sub) <= 8 and len(_SUBDOMAINS) < 10_000:
        _SUBDOMAINS[sub] = out
    return out


def is_plain_ascii_host(item: str) -> bool:
    """``_ASCII_HOST.match(item)`` for a string of at most ``MAX_HOST_CHARS`` characters,
    with one character-class scan and substring tests instead of the label grammar."""
    return (
        _host_chars(item) is not None
        and item[0] not in ".-" and item[-1] not in ".-"
        and ".." not in item and ".-" not in item and "-." not in item
        and (len(item) <= MAX_LABEL_CHARS
             or max(map(len, item.split("."))) <= MAX_LABEL_CHARS)
    )


def parse_many(items: Iterable[object]) -> list[ParsedHost | HostInputError]:
    """:func:`parse_host` of each item, the error in place of a bad one. The common item,
    a plain lower-case ASCII host name, is split here without the two calls."""
    global _DEEP
    if not _DEEP:
        _DEEP = _icann_walk_sets()[1]
    deep = _DEEP
    subs_cache = _SUBDOMAINS
    plain = is_plain_ascii_host
    out: list[ParsedHost | HostInputError] = []
    append = out.append
    for item in items:
        if (
            type(item) is str and 0 < len(item) <= MAX_HOST_CHARS and "." in item
            and not item[-1].isdigit() and "xn--" not in item and plain(item)
        ):
            k = item.rfind(".")
            sfx = _suffix_start(item) if item[k + 1 :] in deep else k + 1
            if sfx:
                reg = item.rfind(".", 0, sfx - 1) + 1
                if reg:
                    sub = item[: reg - 1]
                    subs = subs_cache.get(sub) or _subdomains(sub)
                else:
                    subs = ()
                append(_new_tuple(ParsedHost, (
                    item, item, item[reg:], item[sfx:], item[reg : sfx - 1], subs, "",
                    False, False, False, None,
                )))
                continue
        try:
            append(parse_host(item))
        except HostInputError as exc:
            append(exc)
    return out
