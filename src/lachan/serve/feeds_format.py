"""Blocklist feed formats (pure: no database, no HTTP).

Given :class:`FeedEntry` items (``value, kind, state, score, category, updated_at,
listed``) this module renders:

========================  ==============================  ===========================
format                    function                        entries used
========================  ==============================  ===========================
``rpz``                   :func:`rpz_zone`                domain, ip (blocking states)
``dnsbl-ip``              :func:`dnsbl_ip4set`            IPv4 (blocking states)
``dnsbl-domain``          :func:`dnsbl_dnset`             domain (blocking states)
``hosts``                 :func:`hosts_file`              domain (blocking states)
``adblock``               :func:`adblock_list`            domain (blocking states)
``csv``                   :func:`csv_feed`                every kind and state, listed
``jsonl``                 :func:`jsonl_feed`              every kind and state, listed
========================  ==============================  ===========================

DNS and filter formats list only entries whose state is in :data:`BLOCKING_STATES` (and
that are not removals, ``listed`` false); CSV and JSON Lines carry every state and a
``listed`` column so incremental consumers see clearances and removals too.
:func:`rpz_passthru_zone` writes the opposite RPZ: host names to let through (the
official domains), and :func:`adblock_allowlist` the same allowlist as AdGuard / uBlock
exceptions. No RPZ writer emits an owner name over 255 octets with its origin.

Every value is validated before it is written: host names must be valid LDH names (IDN
converted to punycode), IPs must parse, and anything with whitespace, control
characters, ``;``, quotes or other characters that could break a line is skipped and
counted in :attr:`Rendered.skipped` (reason -> count). No line of any output can be
injected into. IPv6 addresses with a zone id (``fe80::1%eth0``) are skipped as invalid.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import idna
import orjson

from lachan.entities.domain import public_suffix

T = TypeVar("T")

#: States that put an entry into the DNS, hosts and filter-list feeds.
BLOCKING_STATES: frozenset[str] = frozenset({"listed", "blocked"})
#: Longest value written to a CSV or JSON Lines feed.
MAX_VALUE_CHARS = 2_048
#: Largest category written (longer or unsafe categories are left empty).
MAX_CATEGORY_CHARS = 64

KINDS: frozenset[str] = frozenset({"phone", "email", "domain", "url", "ip", "brandname"})

_HOST = re.compile(
    r"(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
)
_BAD_HOST_CHARS = re.compile(
    r"[\x00-\x20\x7f-\x9f;\"'\\`$()<>{}|,\u2028\u2029\ufeff/:@?#*\[\]=%&!~^+]"
)
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f;\"'\\`$()<>{}|,\u2028\u2029\ufeff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CATEGORY = re.compile(r"[A-Za-z0-9_.:/+-]{1,64}")
_TXT_SAFE = re.compile(r"[ -~]{0,200}")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One source in a feed. ``value`` is the registry's normalised value."""

    value: str
    kind: str
    state: str = "listed"
    score: float = 0.0
    category: str | None = None
    updated_at: datetime | None = None
    #: False: the entry leaves the blocklist (an incremental feed's removal).
    listed: bool = True


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered feed: its ``text``, how many entries were ``written`` and ``skipped``."""

    text: str
    written: int
    skipped: Mapping[str, int] = field(default_factory=dict)
    media_type: str = "text/plain; charset=utf-8"

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    @property
    def skipped_note(self) -> str:
        """What was left out, as ``reason=count`` pairs (``too_long=2, invalid=1``);
        empty when nothing was."""
        return ", ".join(f"{k}={n}" for k, n in sorted(self.skipped.items()) if n)


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------


def valid_hostname(value: str) -> str | None:
    """``value`` as a lower-case ASCII host name safe in every format, or None."""
    if not isinstance(value, str) or not value or len(value) > 253 * 4:
        return None
    if _BAD_HOST_CHARS.search(value):
        return None
    host = value.strip().rstrip(".").lower()
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError, ValueError):
            return None
    if len(host) > 253 or not _HOST.fullmatch(host):
        return None
    return host


def blockable_hostname(value: str) -> str | None:
    """:func:`valid_hostname`, but never a public suffix: blocking "com.vn" (stored before
    the registry refused such sources) would block every bank under it. (An allowlist may
    carve a user-content suffix such as github.io out; a blocklist may not list it.)"""
    host = valid_hostname(value)
    return None if host is None or public_suffix(host) == host else host


IpLike = ipaddress.IPv4Network | ipaddress.IPv6Network


def valid_ip(value: str) -> IpLike | None:
    """An IP address or CIDR network (host bits clear), or None. An IPv6 address with a
    zone id (``fe80::1%eth0``) is None: it names one machine's interface, and no feed
    format can carry it."""
    if not isinstance(value, str) or not value or len(value) > 64 or _UNSAFE.search(value):
        return None
    if "%" in value:
        return None
    try:
        net = ipaddress.ip_network(value.strip(), strict=True)
    except ValueError:
        return None
    # (a loopback or unspecified address, stored before the registry refused them, would
    # answer every query of a resolver that loads the list: RFC 5782 forbids 127.0.0.1)
    return None if net.is_loopback or net.is_unspecified else net


def _category(value: Any) -> str:
    if isinstance(value, str) and _CATEGORY.fullmatch(value):
        return value
    return ""


def _as_entry(item: Any) -> FeedEntry:
    if isinstance(item, FeedEntry):
        return item
    get: Callable[[str], Any]
    if isinstance(item, Mapping):
        get = item.get
    else:
        def get(name: str) -> Any:
            return getattr(item, name, None)
    score = get("score")
    listed = get("listed")
    return FeedEntry(
        value=get("value"),
        kind=get("kind"),
        state=get("state") or "listed",
        score=float(score) if isinstance(score, int | float) and math.isfinite(score) else 0.0,
        category=get("category"),
        updated_at=get("updated_at"),
        listed=listed is not False,
    )


def _iso(ts: datetime | None) -> str:
    if not isinstance(ts, datetime):
        return ""
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _serial(entries: list[FeedEntry], serial: int | None, now: datetime | None) -> int:
    if serial is None:
        stamps = [e.updated_at for e in entries if isinstance(e.updated_at, datetime)]
        latest = max((_utc(s) for s in stamps), default=None) or _utc(now or datetime.now(UTC))
        serial = int(latest.timestamp())
    if not 0 <= serial < 2**32:
        raise ValueError(f"zone serial {serial} is outside 0..2**32-1")
    return serial


def _utc(ts: datetime) -> datetime:
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


#: Longest DNS name in presentation form, without the final dot: 255 octets on the wire.
MAX_DNS_NAME_CHARS = 253


def owner_fits(owner: str, origin: str) -> bool:
    """Whether the relative owner name ``owner`` under ``origin`` stays within the DNS
    limit of 255 octets (253 characters written out without the final dot)."""
    return len(owner) + 1 + len(origin) <= MAX_DNS_NAME_CHARS


def _dns_name(value: str, what: str) -> str:
    host = valid_hostname(value)
    if host is None:
        raise ValueError(f"{what} {value!r} is not a valid host name")
    return host


class _Selection:
    """Entries of the wanted kinds and states, validated; counts what it skips."""

    def __init__(self, entries: Iterable[Any], kinds: set[str], states: frozenset[str] | None):
        self.states = states
        self.skipped: Counter[str] = Counter()
        self.items: list[FeedEntry] = []
        for item in entries:
            entry = _as_entry(item)
            if not isinstance(entry.value, str) or not isinstance(entry.kind, str):
                self.skipped["invalid"] += 1
            elif entry.kind not in kinds:
                self.skipped["unsupported_kind"] += 1
            elif states is not None and (entry.state not in states or not entry.listed):
                self.skipped["state"] += 1  # a removal is never a blocklist line
            else:
                self.items.append(entry)

    def _valid(self, kind: str, check: Callable[[str], T | None]) -> list[T]:
        """The valid values of ``kind``, each once, counting what was skipped."""
        seen: dict[T, None] = {}
        for entry in self.items:
            if entry.kind != kind:
                continue
            value = check(entry.value)
            if value is None:
                self.skipped["invalid"] += 1
            elif value in seen:
                self.skipped["duplicate"] += 1
            else:
                seen[value] = None
        return list(seen)

    def hosts(self) -> list[str]:
        return self._valid("domain", valid_hostname if self.states is None
                           or not self.states <= BLOCKING_STATES else blockable_hostname)

    def networks(self) -> list[IpLike]:
        return self._valid("ip", valid_ip)


# --------------------------------------------------------------------------------------
# DNS response policy zone (BIND)
# --------------------------------------------------------------------------------------


def rpz_ip_owner(net: IpLike) -> str:
    """The ``rpz-ip`` owner name of a network (``32.5.113.0.203.rpz-ip``)."""
    if isinstance(net, ipaddress.IPv4Network):
        octets = str(net.network_address).split(".")
        return f"{net.prefixlen}." + ".".join(reversed(octets)) + ".rpz-ip"
    compressed = net.network_address.compressed
    if "::" in compressed:
        left, right = compressed.split("::")
        groups = (right.split(":") if right else [])[::-1] + ["zz"]
        groups += (left.split(":") if left else [])[::-1]
    else:
        groups = compressed.split(":")[::-1]
    return f"{net.prefixlen}." + ".".join(groups) + ".rpz-ip"


@dataclass(frozen=True, slots=True)
class _ZoneHead:
    """The checked start of an RPZ zone file: origin, SOA and NS lines."""

    origin: str
    lines: list[str]


def _rpz_head(
    title: str, origin: str, serial: int, ttl: int, nameserver: str, hostmaster: str,
    now: datetime | None,
) -> _ZoneHead:
    origin_name = _dns_name(origin, "zone origin")
    ns = _dns_name(nameserver, "name server") if "." in nameserver else None
    if ns is None and nameserver != "localhost":
        raise ValueError(f"name server {nameserver!r} is not a valid host name")
    rname = _dns_name(hostmaster, "hostmaster")
    if not 0 <= ttl < 2**31:
        raise ValueError("ttl must be between 0 and 2**31-1")
    return _ZoneHead(origin_name, [
        f"; Lachan {title} {origin_name}, generated {_iso(now or datetime.now(UTC))}",
        f"$TTL {ttl}",
        f"@ IN SOA {ns or nameserver}. {rname}. ( {serial} 3600 600 604800 {ttl} )",
        f"@ IN NS {ns or nameserver}.",
    ])


def _rpz_host_rules(
    hosts: Iterable[str], origin: str, target: str, skipped: Counter[str]
) -> tuple[list[str], int]:
    """``host CNAME target`` and ``*.host CNAME target`` for each host whose wildcard
    owner fits under ``origin`` (the others are counted as ``too_long``)."""
    lines: list[str] = []
    written = 0
    for host in hosts:
        if not owner_fits(f"*.{host}", origin):
            skipped["too_long"] += 1
            continue
        lines.append(f"{host} CNAME {target}")
        lines.append(f"*.{host} CNAME {target}")
        written += 1
    return lines, written


def rpz_zone(
    entries: Iterable[Any],
    *,
    origin: str = "rpz.lachan.local",
    serial: int | None = None,
    ttl: int = 300,
    nameserver: str = "localhost",
    hostmaster: str = "hostmaster.lachan.local",
    now: datetime | None = None,
) -> Rendered:
    """A BIND response-policy zone: ``host CNAME .`` and ``*.host CNAME .`` (NXDOMAIN) for
    blocked domains, ``<prefix>.<reversed ip>.rpz-ip CNAME .`` for blocked IPs. An owner
    that would be over 255 octets under ``origin`` is skipped (``too_long``), and a
    comment line after the SOA and NS lines counts what was left out and why.

    ``serial`` defaults to the newest ``updated_at`` as a Unix time (so it only grows).
    """
    selection = _Selection(entries, {"domain", "ip"}, BLOCKING_STATES)
    head = _rpz_head("response policy zone", origin, _serial(selection.items, serial, now),
                     ttl, nameserver, hostmaster, now)
    lines, written = _rpz_host_rules(selection.hosts(), head.origin, ".", selection.skipped)
    for net in selection.networks():
        owner = rpz_ip_owner(net)
        if not owner_fits(owner, head.origin):
            selection.skipped["too_long"] += 1
            continue
        lines.append(f"{owner} CNAME .")
        written += 1
    if selection.skipped["too_long"]:
        lines.insert(0, f"; left out: {selection.skipped['too_long']} name(s) too long for "
                        f"DNS under {head.origin} (over {MAX_DNS_NAME_CHARS} characters)")
    return Rendered("\n".join(head.lines + lines) + "\n", written, dict(selection.skipped),
                    "text/dns; charset=us-ascii")


def rpz_passthru_zone(
    hosts: Iterable[str],
    *,
    origin: str = "rpz.lachan.local",
    serial: int | None = None,
    ttl: int = 300,
    nameserver: str = "localhost",
    hostmaster: str = "hostmaster.lachan.local",
    now: datetime | None = None,
    exclude: Mapping[str, Iterable[str]] | None = None,
) -> Rendered:
    """A response-policy zone that lets ``hosts`` and their subdomains through
    (``host CNAME rpz-passthru.``): an allowlist placed before blocking zones. Invalid
    hosts and owners over 255 octets under ``origin`` are skipped and counted.

    ``exclude`` maps a host to names under it that must not be let through (pages
    anyone can publish: ``sites.google.com`` under ``google.com``). RPZ has no rule
    that carves a name out of a wildcard and lets later zones decide, so such a host is
    let through without its wildcard: the host itself and ``www.<host>``, with a
    comment naming what is left to the blocking zones. A host that is itself excluded
    is skipped (``user_content``)."""
    skipped: Counter[str] = Counter()
    valid = _valid_hosts(hosts, skipped)
    zone_serial = _serial([], serial, now)
    head = _rpz_head("official domains (RPZ passthru)", origin, zone_serial, ttl, nameserver,
                     hostmaster, now)
    excluded = _exclusions(valid, exclude or {})
    plain = [h for h in valid if h not in excluded]
    lines, written = _rpz_host_rules(plain, head.origin, "rpz-passthru.", skipped)
    for host, carved in excluded.items():
        if host in carved:
            skipped["user_content"] += 1
            continue
        lines.append(f"; *.{host} is not passed: {', '.join(carved)} serve pages anyone "
                     "can publish")
        for name in (host, f"www.{host}"):
            if name not in carved and owner_fits(name, head.origin):
                lines.append(f"{name} CNAME rpz-passthru.")
        written += 1
    return Rendered("\n".join(head.lines + lines) + "\n", written, dict(skipped),
                    "text/dns; charset=us-ascii")


def adblock_allowlist(
    hosts: Iterable[str],
    *,
    title: str = "Lachan official domains (allowlist)",
    now: datetime | None = None,
    exclude: Mapping[str, Iterable[str]] | None = None,
) -> Rendered:
    """The AdGuard / uBlock twin of :func:`rpz_passthru_zone`: an exception list that
    lets ``hosts`` and their subdomains through (``@@||host^$important``). Invalid and
    repeated hosts are skipped and counted.

    ``exclude`` maps a host to names under it that must not be let through (pages
    anyone can publish); unlike RPZ, a filter list can carve them out of the exception,
    with ``$denyallow``. Only valid names under the host are written (others are
    ignored, as in RPZ). A host that is itself excluded is skipped (``user_content``)."""
    skipped: Counter[str] = Counter()
    valid = _valid_hosts(hosts, skipped)
    excluded = _exclusions(valid, exclude or {})
    lines = ["[Adblock Plus 2.0]", f"! Title: {_safe_title(title)}",
             f"! Last modified: {_iso(now or datetime.now(UTC))}", "! Expires: 1 hours"]
    written = 0
    for host in valid:
        carved = excluded.get(host, [])
        if host in carved:
            skipped["user_content"] += 1
            continue
        lines.append(f"@@||{host}^$important"
                     + (f",denyallow={'|'.join(carved)}" if carved else ""))
        written += 1
    return Rendered("\n".join(lines) + "\n", written, dict(skipped))


def _valid_hosts(hosts: Iterable[str], skipped: Counter[str]) -> dict[str, None]:
    """The valid host names of ``hosts``, each once, in order (counting the others)."""
    valid: dict[str, None] = {}
    for value in hosts:
        host = valid_hostname(value)
        if host is None:
            skipped["invalid"] += 1
        elif host in valid:
            skipped["duplicate"] += 1
        else:
            valid[host] = None
    return valid


def _exclusions(
    hosts: Iterable[str], exclude: Mapping[str, Iterable[str]]
) -> dict[str, list[str]]:
    """``host -> valid names to carve out of it`` for the hosts that have some."""
    out: dict[str, list[str]] = {}
    for host in hosts:
        names = [n for v in exclude.get(host, ()) if (n := valid_hostname(v)) is not None
                 and (n == host or n.endswith("." + host))]
        if names:
            out[host] = sorted(set(names))
    return out


# --------------------------------------------------------------------------------------
# rbldnsd zones
# --------------------------------------------------------------------------------------


def _rbldnsd_header(
    selection: _Selection, serial: int | None, ttl: int, txt: str, now: datetime | None,
    kind: str,
) -> list[str]:
    if not _TXT_SAFE.fullmatch(txt) or ":" in txt:
        raise ValueError("txt must be printable ASCII without ':' (at most 200 characters)")
    zone_serial = _serial(selection.items, serial, now)
    return [
        f"# Lachan DNSBL ({kind}), serial {zone_serial}, generated "
        f"{_iso(now or datetime.now(UTC))}",
        f"$TTL {ttl}",
        f":127.0.0.2:{txt}",
    ]


def dnsbl_ip4set(
    entries: Iterable[Any],
    *,
    serial: int | None = None,
    ttl: int = 300,
    txt: str = "Listed by Lachan, see $",
    now: datetime | None = None,
) -> Rendered:
    """An rbldnsd ``ip4set`` data file: blocked IPv4 addresses and networks (CIDR).

    IPv6 entries are skipped (``unsupported_kind``): ip4set holds IPv4 only.
    """
    selection = _Selection(entries, {"ip"}, BLOCKING_STATES)
    lines = _rbldnsd_header(selection, serial, ttl, txt, now, "ip4set")
    lines.append("127.0.0.2")  # the test entry every IPv4 DNSBL must list (RFC 5782, 5)
    written = 0
    for net in selection.networks():
        if not isinstance(net, ipaddress.IPv4Network):
            selection.skipped["unsupported_kind"] += 1
            continue
        lines.append(str(net.network_address) if net.prefixlen == 32 else str(net))
        written += 1
    return Rendered("\n".join(lines) + "\n", written, dict(selection.skipped))


def dnsbl_dnset(
    entries: Iterable[Any],
    *,
    serial: int | None = None,
    ttl: int = 300,
    txt: str = "Listed by Lachan, see $",
    now: datetime | None = None,
) -> Rendered:
    """An rbldnsd ``dnset`` data file: each blocked domain and (``*.host``) its subdomains."""
    selection = _Selection(entries, {"domain"}, BLOCKING_STATES)
    lines = _rbldnsd_header(selection, serial, ttl, txt, now, "dnset")
    lines.append("test")  # the test name every domain DNSBL must list (RFC 5782, 5)
    written = 0
    for host in selection.hosts():
        lines.append(host)
        lines.append(f"*.{host}")
        written += 1
    return Rendered("\n".join(lines) + "\n", written, dict(selection.skipped))


# --------------------------------------------------------------------------------------
# Hosts file and AdGuard / uBlock filter list
# --------------------------------------------------------------------------------------


def _safe_title(title: str) -> str:
    return _CONTROL.sub(" ", title)[:200]


def hosts_file(
    entries: Iterable[Any], *, title: str = "Lachan blocklist", now: datetime | None = None
) -> Rendered:
    """A hosts file: ``0.0.0.0 host`` for every blocked domain."""
    selection = _Selection(entries, {"domain"}, BLOCKING_STATES)
    hosts = selection.hosts()
    lines = [f"# {_safe_title(title)}", f"# Generated {_iso(now or datetime.now(UTC))}",
             f"# Entries: {len(hosts)}"]
    lines += [f"0.0.0.0 {host}" for host in hosts]
    return Rendered("\n".join(lines) + "\n", len(hosts), dict(selection.skipped))


def adblock_list(
    entries: Iterable[Any], *, title: str = "Lachan blocklist", now: datetime | None = None
) -> Rendered:
    """An AdGuard / uBlock Origin filter list: ``||host^`` for every blocked domain."""
    selection = _Selection(entries, {"domain"}, BLOCKING_STATES)
    hosts = selection.hosts()
    lines = ["[Adblock Plus 2.0]", f"! Title: {_safe_title(title)}",
             f"! Last modified: {_iso(now or datetime.now(UTC))}", "! Expires: 1 hours"]
    lines += [f"||{host}^" for host in hosts]
    return Rendered("\n".join(lines) + "\n", len(hosts), dict(selection.skipped))


# --------------------------------------------------------------------------------------
# CSV and JSON Lines
# --------------------------------------------------------------------------------------

#: ``listed`` is ``true`` for an entry to add (or keep) and ``false`` for one to remove
#: (the incremental feed's removals); a full export carries only ``true``.
CSV_COLUMNS: tuple[str, ...] = (
    "value", "kind", "state", "score", "category", "updated_at", "listed",
)


_PHONE = re.compile(r"\+?\d{3,15}")
_EMAIL = re.compile(r"[^\s@\x00-\x1f\x7f\"',;<>()\[\]\\]{1,64}@[A-Za-z0-9.-]{1,253}")
_BRANDNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_. ]{0,10}")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}://[!-~]{1,2030}")


def plain_value(kind: str, value: str) -> str | None:
    """``value`` checked (and normalised) for its kind, for CSV and JSON Lines; or None."""
    if not isinstance(value, str) or not value or len(value) > MAX_VALUE_CHARS:
        return None
    if _CONTROL.search(value) or value[0] in "=@+-\t" and kind != "phone":
        return None
    if kind == "domain":
        return valid_hostname(value)
    if kind == "ip":
        net = valid_ip(value)
        if net is None:
            return None
        return str(net.network_address) if net.prefixlen == net.max_prefixlen else str(net)
    if kind == "phone":
        return value if _PHONE.fullmatch(value) else None
    if kind == "email":
        return value if _EMAIL.fullmatch(value) else None
    if kind == "brandname":
        return value if _BRANDNAME.fullmatch(value) else None
    if kind == "url":
        return value if _URL.fullmatch(value) else None
    return None


def _rows(entries: Iterable[Any], states: frozenset[str] | None) -> tuple[list[dict[str, Any]],
                                                                          Counter[str]]:
    selection = _Selection(entries, set(KINDS), states)
    rows = []
    for entry in selection.items:
        value = plain_value(entry.kind, entry.value)
        if value is None:
            selection.skipped["invalid"] += 1
            continue
        rows.append({
            "value": value,
            "kind": entry.kind,
            "state": _category(entry.state) or "unknown",
            "score": round(entry.score, 4) if math.isfinite(entry.score) else 0.0,
            "category": _category(entry.category),
            "updated_at": _iso(entry.updated_at),
            "listed": entry.listed,
        })
    return rows, selection.skipped


def csv_feed(entries: Iterable[Any], *, states: frozenset[str] | None = None) -> Rendered:
    """CSV with a header row (:data:`CSV_COLUMNS`), RFC 4180 quoting, ``\\r\\n`` lines."""
    rows, skipped = _rows(entries, states)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({**row, "listed": "true" if row["listed"] else "false"} for row in rows)
    return Rendered(out.getvalue(), len(rows), dict(skipped), "text/csv; charset=utf-8")


def jsonl_feed(entries: Iterable[Any], *, states: frozenset[str] | None = None) -> Rendered:
    """JSON Lines: one object per entry with the :data:`CSV_COLUMNS` keys (``listed`` a
    JSON boolean)."""
    rows, skipped = _rows(entries, states)
    text = "".join(orjson.dumps(row).decode("utf-8") + "\n" for row in rows)
    return Rendered(text, len(rows), dict(skipped), "application/x-ndjson")


FORMATS: dict[str, Callable[..., Rendered]] = {
    "rpz": rpz_zone,
    "dnsbl-ip": dnsbl_ip4set,
    "dnsbl-domain": dnsbl_dnset,
    "hosts": hosts_file,
    "adblock": adblock_list,
    "csv": csv_feed,
    "jsonl": jsonl_feed,
}


def render(fmt: str, entries: Iterable[Any], **options: Any) -> Rendered:
    """Render ``entries`` in the named format (a key of :data:`FORMATS`)."""
    try:
        formatter = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown feed format {fmt!r}; one of {', '.join(FORMATS)}") from None
    return formatter(entries, **options)
