"""Host names: IDN both ways, public suffix and registrable domain.

Uses the public-suffix list bundled inside the ``publicsuffixlist`` package (read from
its own data file, built once, never downloaded or updated at run time). Both the
ICANN and the private sections count, so ``shop-vcb.web.app`` is its own registrable
domain, as it is its own owner's. Unknown top-level domains are *not* public suffixes:
``registrable_domain("file.txt")`` is ``None``.

Every function accepts any ``str`` and never raises: an invalid host (bad IDN, empty
label, over 253 characters) gives ``None``. Results are cached (``functools.lru_cache``).
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

import idna
from publicsuffixlist import PublicSuffixList

#: Longest host accepted, in characters (DNS limit for the ASCII form).
MAX_HOST_CHARS = 253
_MAX_RAW_CHARS = 1024  # before IDN mapping (Unicode forms may be longer than ASCII ones)

_ASCII_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?", re.ASCII)


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    # source=None reads the list file shipped in the package; nothing is fetched.
    return PublicSuffixList(accept_unknown=False)


def _prepare(host: object) -> str | None:
    if not isinstance(host, str) or not host or len(host) > _MAX_RAW_CHARS:
        return None
    h = host.strip()
    if h.endswith("."):
        h = h[:-1]
    if h.startswith("[") and h.endswith("]"):  # IPv6 literal as written in a URL
        h = h[1:-1]
    return h or None


@lru_cache(maxsize=65536)
def _to_ascii(h: str) -> str | None:
    if h.isascii():
        a = h.lower()
        if is_ip(a):
            return a
        if len(a) > MAX_HOST_CHARS:
            return None
        for label in a.split("."):
            if not _ASCII_LABEL.fullmatch(label):
                return None
        if "xn--" in a:
            try:
                idna.decode(a)
            except (idna.IDNAError, UnicodeError, ValueError):
                return None
        return a
    try:
        a = idna.encode(h, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None
    return a if len(a) <= MAX_HOST_CHARS else None


def to_ascii(host: str) -> str | None:
    """ASCII (punycode) form of ``host``, lower-case: ``"việtcombank.vn"`` gives
    ``"xn--vitcombank-dv3e.vn"``. ``None`` when the host is not a valid name."""
    h = _prepare(host)
    return _to_ascii(h) if h is not None else None


@lru_cache(maxsize=65536)
def _to_unicode(a: str) -> str | None:
    if "xn--" not in a:
        return a
    try:
        return idna.decode(a)
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def to_unicode(host: str) -> str | None:
    """Unicode form of ``host``, lower-case: ``"xn--80ak6aa92e.com"`` gives ``"аррӏе.com"``
    (Cyrillic look-alikes stay visible as such). ``None`` when the host is invalid."""
    a = to_ascii(host)
    return _to_unicode(a) if a is not None else None


def is_ip(host: str) -> bool:
    """True when ``host`` is an IPv4 or IPv6 address literal."""
    if not host or not (host[0].isdigit() or ":" in host):
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=65536)
def _suffix_pair(a: str) -> tuple[str | None, str | None]:
    if is_ip(a):
        return None, None
    psl = _psl()
    return psl.publicsuffix(a), psl.privatesuffix(a)


def public_suffix(host: str) -> str | None:
    """Public suffix of ``host`` in ASCII (``"a.b.com.vn"`` gives ``"com.vn"``), or
    ``None`` for an IP address, an unknown top-level domain or an invalid host."""
    a = to_ascii(host)
    return _suffix_pair(a)[0] if a is not None else None


def registrable_domain(host: str) -> str | None:
    """Registrable domain of ``host`` in ASCII (``"www.vietcombank.com.vn"`` gives
    ``"vietcombank.com.vn"``); ``None`` for an IP, a bare suffix, an unknown top-level
    domain or an invalid host."""
    a = to_ascii(host)
    return _suffix_pair(a)[1] if a is not None else None
