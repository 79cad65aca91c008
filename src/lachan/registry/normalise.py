"""Canonical forms of the entities the registry keeps (phone, email, domain, url, ip,
brandname). Every value from outside goes through :func:`normalise` before it is stored
or looked up; bad values raise :class:`InvalidSource` with a readable message."""

from __future__ import annotations

import ipaddress
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

KINDS: tuple[str, ...] = ("phone", "email", "domain", "url", "ip", "brandname")
MAX_VALUE_CHARS = 320
_BRANDNAME = re.compile(r"^[A-Z0-9][A-Z0-9 ._-]{0,19}$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: Bidirectional controls (right-to-left override and the like): they make a value read
#: differently from what it is ("moc.knab@x" shown as "x@bank.com"), and no phone
#: number, address, domain, link or sender name needs one.
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: What hides or turns text around in a name shown to people (an advertiser's, an evidence
#: file's): control characters (C0, C1), zero-width and bidirectional controls, the
#: byte-order mark ("hoadon\u202egnp.exe.png" shows as "hoadonexe.png").
HIDDEN_CHARS = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
#: Ports a scheme uses when none is written: ``https://x.vn:443/`` is ``https://x.vn/``.
_DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidSource(ValueError):
    """A value that is not a valid entity of its kind."""


def _host(value: str) -> str:
    from lachan.entities.domain import to_ascii

    host = value.strip().rstrip(".")
    ascii_host = to_ascii(host) if host else None
    if not ascii_host:
        raise InvalidSource(f"not a valid domain name: {value[:80]!r}")
    ascii_host = ascii_host.lower()
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or len(labels) < 2 or not all(_LABEL.match(x) for x in labels):
        raise InvalidSource(f"not a valid domain name: {value[:80]!r}")
    from lachan.entities.domain import public_suffix

    if public_suffix(ascii_host) == ascii_host:  # "com.vn", "github.io": everyone's
        raise InvalidSource(f"{ascii_host[:80]!r} is a public suffix, under which anyone "
                            "registers domains: not a source")
    return ascii_host


def _plain_ip(text: str, value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """``text`` as an IP address, ``None`` when it is none; raises :class:`InvalidSource`
    for an IPv6 address with a zone (scope) id, which names an interface of one machine
    and has no place in a registry, a feed or a DNS name."""
    try:
        addr = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(addr, ipaddress.IPv6Address) and addr.scope_id is not None:
        raise InvalidSource(
            f"IP address {value[:80]!r} has a zone id ('%{addr.scope_id[:20]}'); "
            "give the address without it"
        )
    return addr


def _ip(value: str) -> str:
    """Canonical IP address; an IPv6 address may be written in brackets (``[::1]``), and
    an IPv4-mapped one (``::ffff:203.0.113.5``) is its IPv4 address."""
    bracketed = value.startswith("[") and value.endswith("]")
    addr = _plain_ip(value[1:-1] if bracketed else value, value)
    if addr is None or (bracketed and addr.version != 6):
        raise InvalidSource(f"not a valid IP address: {value[:80]!r}")
    return _public(addr, value).compressed


def _public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address,
            value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """``addr`` (an IPv4-mapped address as IPv4) when it can be a source on the Internet;
    :class:`InvalidSource` for loopback, unspecified, private, link-local and multicast
    addresses: listed in a DNS blocklist, 127.0.0.1 would break every resolver that reads
    it (RFC 5782), and a private address is everyone's own network."""
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    private = (any(addr in net for net in _PRIVATE_V4)
               if isinstance(addr, ipaddress.IPv4Address) else addr in _ULA_V6)
    if (addr.is_loopback or addr.is_unspecified or addr.is_link_local or addr.is_multicast
            or private):
        raise InvalidSource(f"{value[:80]!r} is a loopback, private or special address, "
                            "not a source on the Internet")
    return addr


_PRIVATE_V4 = ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("172.16.0.0/12"), \
    ipaddress.ip_network("192.168.0.0/16"), ipaddress.ip_network("100.64.0.0/10")
_ULA_V6 = ipaddress.ip_network("fc00::/7")


def _url_host(hostname: str, value: str) -> str:
    """Canonical host of a URL: a domain, an IPv4 address, or an IPv6 address in
    brackets (as a URL must write it)."""
    addr = _plain_ip(hostname, value)
    if addr is None:
        return _host(hostname)
    addr = _public(addr, value)
    return f"[{addr.compressed}]" if addr.version == 6 else addr.compressed


def _email(value: str) -> str:
    """Canonical e-mail address: the local part lower-cased, the domain as :func:`_host`.
    An address has one ``@``: ``a@b@bank.vn`` is refused (which part is the mailbox?)."""
    local, at, domain = value.rpartition("@")
    if "@" in local:
        raise InvalidSource(
            f"not a valid e-mail address: {value[:80]!r} has more than one '@'"
        )
    if not at or not local or len(local) > 64 or " " in local:
        raise InvalidSource(f"not a valid e-mail address: {value[:80]!r}")
    return f"{local.lower()}@{_host(domain)}"


def _canonical_path(path: str) -> str:
    """A link's path as a browser resolves it: dot segments removed (RFC 3986 5.2.4),
    runs of slashes and a trailing slash dropped ("/a/./b//c/" is "/a/b/c"), "/" when
    empty; so that a blocked link is not passed by writing it another way."""
    if not path or path == "/":
        return "/"
    return posixpath.normpath(re.sub(r"/{2,}", "/", "/" + path))


def normalise(kind: str, value: str) -> str:
    """The canonical form of ``value`` as an entity of ``kind`` (cached: a batch of
    complaints asks for the same few values many times)."""
    if not isinstance(kind, str) or not isinstance(value, str):
        raise InvalidSource("kind and value must be strings")
    return _normalise(kind, value)


@lru_cache(maxsize=65_536)
def _normalise(kind: str, value: str) -> str:
    if kind not in KINDS:
        raise InvalidSource(f"unknown kind {kind[:20]!r}; expected one of {', '.join(KINDS)}")
    if not isinstance(value, str) or not value.strip():
        raise InvalidSource(f"empty {kind}")
    if len(value) > 2048:
        raise InvalidSource(f"{kind} longer than 2048 characters")
    if _CONTROL.search(value):
        raise InvalidSource(f"{kind} contains control characters")
    if _BIDI.search(value):
        raise InvalidSource(
            f"{kind} contains bidirectional control characters (such as U+202E, "
            "right-to-left override), which make it display as something else"
        )
    value = value.strip()
    if kind == "phone":
        from lachan.entities.phone import parse_phone

        parsed = parse_phone(value)
        if parsed is None:
            raise InvalidSource(f"not a valid phone number: {value[:80]!r}")
        return parsed.national
    if kind == "email":
        return _email(value)
    if kind == "domain":
        try:
            ipaddress.ip_address(value.strip().rstrip(".").strip("[]"))
        except ValueError:
            return _host(value)
        raise InvalidSource(f"{value[:80]!r} is an IP address, not a domain: give it as ip")
    if kind == "ip":
        return _ip(value)
    if kind == "url":
        text = value if "://" in value else "http://" + value
        # a browser reads a backslash as "/" in an http(s) link (WHATWG URL):
        # "evil.tk<backslash>@bank.vn" goes to evil.tk, so the host ends there
        cut = min((i for i in (text.find("?"), text.find("#")) if i >= 0), default=len(text))
        text = text[:cut].replace("\\", "/") + text[cut:]
        try:
            parts = urlsplit(text)
            hostname = parts.hostname
            port = parts.port
        except ValueError:
            raise InvalidSource(f"not a valid URL: {value[:80]!r}") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not hostname:
            raise InvalidSource(f"not a valid http(s) URL: {value[:80]!r}")
        host = _url_host(hostname, value)
        netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
        canonical = urlunsplit((scheme, netloc, _canonical_path(parts.path), "", ""))
        if len(canonical) > MAX_VALUE_CHARS:
            raise InvalidSource(f"URL longer than {MAX_VALUE_CHARS} characters without its query")
        return canonical
    # brandname
    name = re.sub(r"\s+", " ", value).upper()
    if not _BRANDNAME.match(name) or name.replace(" ", "").isdigit():
        raise InvalidSource(f"not a valid brandname: {value[:80]!r}")
    return name


@dataclass(frozen=True, slots=True)
class NormalisedSource:
    """A source in canonical form: making one normalises ``value`` as an entity of
    ``kind`` (:class:`InvalidSource` when it is none), so there is no other kind of
    instance. Code that receives one may use it as it is: the value was checked once,
    where it came in (the SMS gateway's parser), and is not normalised again."""

    kind: str
    value: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", normalise(self.kind, self.value))


def url_domain(url: str) -> str | None:
    """Registrable domain of a canonical URL (None for IP hosts and URL shorteners)."""
    from lachan.entities.domain import is_ip, registrable_domain
    from lachan.entities.shorteners import is_shortener

    host = urlsplit(url).hostname or ""
    if not host or is_ip(host):
        return None
    reg = registrable_domain(host)
    if reg is None or is_shortener(host, reg):
        return None
    return reg
