"""Official-channel registry: organisations and their domains, hotlines, brandnames and
e-mail domains; "is this X's official channel, does it imitate X, was it reported?".

The project's seed is loaded by migration ``off_0002`` (:func:`seed_rows`); administrators
change the registry with :func:`upsert_org`, :func:`add_channel`, :func:`remove_channel`,
:func:`deactivate_org` and :func:`import_seed`, each audited in the same transaction.
:func:`official_owner` is what ``lachan.registry.sources`` and the analysis context ask.
"""

from __future__ import annotations

import json
import re
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lachan.registry import audit
from lachan.registry.clock import utcnow
from lachan.registry.normalise import InvalidSource, normalise
from lachan.registry.settings import CentreSettings
from lachan.store.tables_centre import Source, SourceChange
from lachan.store.tables_official import CHANNEL_KINDS, OfficialChannel, OfficialOrg

__all__ = [
    "CHANNEL_KINDS",
    "ChannelMatch",
    "OfficialError",
    "add_channel",
    "brandname_holder",
    "deactivate_org",
    "get_org",
    "imitated_organisation",
    "import_seed",
    "list_orgs",
    "lookup",
    "official_domains",
    "official_match",
    "official_matcher",
    "official_owner",
    "org_name",
    "remove_channel",
    "seed_rows",
    "upsert_org",
    "user_content_page",
    "verify",
]

CATEGORIES = frozenset(
    "bank wallet courier ecommerce telco public social technology gaming transport finance "
    "other".split()
)
_ORG_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_TEXT = 1000
MAX_ALIASES = 30


class OfficialError(ValueError):
    """A change the registry refuses, with a readable reason."""


class NotFound(OfficialError):
    """No such organisation or channel."""


#: Room left for the zone origin of the RPZ allowlist (``rpz.lachan.local`` and the like):
#: an official domain's wildcard owner ``*.<domain>.<origin>`` must stay a valid DNS name.
RPZ_ORIGIN_ROOM = 63
#: Longest official domain: 253 characters (a DNS name) less ``*.``, a dot and the origin.
MAX_DOMAIN_CHARS = 253 - len("*.") - 1 - RPZ_ORIGIN_ROOM


#: Longest brandname (decree 91, Article 23).
MAX_BRANDNAME_CHARS = 11


def _domain_problem(kind: str, host: str) -> str | None:
    """Why a canonical host cannot be an official ``domain`` / ``email_domain`` (an IP
    literal, a public suffix, too long for the allowlist zone), or None."""
    from lachan.entities.domain import is_ip, public_suffix

    if is_ip(host):
        return f"{host} is an IP address; an official {kind} must be a domain name"
    if public_suffix(host) == host:
        return (f"{host} is a public suffix (public-suffix list): everyone's domains end "
                f"in it, so it cannot be one organisation's official {kind}; register the "
                "organisation's own domain instead")
    platform = _user_content_platform(host)
    if platform is not None:
        where = "" if platform == host else f" (under {platform})"
        return (f"anyone publishes pages on {host}{where}: it cannot be one organisation's "
                f"official {kind}")
    if kind == "email_domain" and free_mail(host):
        return (f"{host} is a free mail service where anyone opens an address: it cannot "
                "be one organisation's official email_domain")
    if kind == "domain" and len(host) > MAX_DOMAIN_CHARS:
        return (f"domain has {len(host)} characters; official domains are limited to "
                f"{MAX_DOMAIN_CHARS} so that their allowlist rules fit in DNS")
    return None


def _user_content_platform(host: str) -> str | None:
    """The engine's user-content host that ``host`` is or lies under (``sites.google.com``
    for ``sites.google.com`` and ``x.sites.google.com``), or None."""
    from lachan.detect.host_lexicon import USER_CONTENT

    h = host
    while True:
        if h in USER_CONTENT:
            return h
        if "." not in h:
            return None
        h = h.partition(".")[2]


def channel_problem(kind: str, value: str) -> str | None:
    """Why a stored channel breaks a rule that :func:`canonical_channel` enforces on
    every write (an official domain or e-mail domain that is an IP literal, a public
    suffix or too long), or None. Migration ``off_0003`` removed the rows written before
    these rules existed."""
    if kind not in ("domain", "email_domain"):
        return None
    return _domain_problem(kind, value)


@lru_cache(maxsize=65_536)
def _usable(kind: str, value: str) -> bool:
    """Whether a stored channel may count (:func:`channel_problem` finds nothing).

    Writes refuse rows that break the rules and ``off_0003`` removed older ones, but the
    check stays on reading: one rule can come to be broken with no write, as the
    public-suffix list ships in the ``publicsuffixlist`` package, which is upgraded
    apart from Lachan (no migration runs then), and a domain the list has since made a
    suffix (a host giving out subdomains to anyone) must stop counting. The answer is
    cached per value (the list is read once a process), so a rebuild of the index costs
    a look-up a row, not a public-suffix walk."""
    return channel_problem(kind, value) is None


def canonical_channel(kind: str, value: str) -> str:
    """The stored form of a channel value; raises :class:`OfficialError`."""
    if kind not in CHANNEL_KINDS:
        expected = ", ".join(CHANNEL_KINDS)
        raise OfficialError(f"unknown channel kind {kind[:20]!r}; expected {expected}")
    try:
        if kind in ("domain", "email_domain"):
            host = normalise("domain", value)
            problem = _domain_problem(kind, host)
            if problem is not None:
                raise OfficialError(problem)
            return host
        if kind == "phone":
            digits = value.strip()
            if digits.isdigit() and 3 <= len(digits) <= 5:
                return digits  # short service codes (113, 198, 789)
            return normalise("phone", value)
        return normalise("brandname", value)
    except InvalidSource as exc:
        raise OfficialError(str(exc)) from None


def _org_id(org_id: str) -> str:
    oid = org_id.strip().lower()
    if not _ORG_ID.match(oid):
        raise OfficialError("organisation id must be 1-64 of a-z, 0-9, '-', '_'")
    return oid


def seed_rows(raw: str | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Organisation and channel rows of the bundled seed (or of ``raw`` JSON), canonical,
    each ``(kind, value)`` once (the first organisation listing it keeps it)."""
    if raw is None:
        raw = resources.files("lachan.data").joinpath("official_channels.json").read_text("utf-8")
    orgs: list[dict[str, Any]] = []
    channels: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for d in json.loads(raw)["organisations"]:
        oid = _org_id(str(d["id"]))
        source = str(d.get("source") or "")[:MAX_TEXT]
        orgs.append({
            "id": oid,
            "name": str(d["name"])[:200],
            "category": str(d.get("category") or "other"),
            "bin": str(d["bin"]) if d.get("bin") else None,
            "aliases": ",".join(str(a).lower() for a in d.get("aliases") or [])[:MAX_TEXT],
            "source": source,
        })
        for key, kind in (("domains", "domain"), ("hotlines", "phone"),
                          ("brandnames", "brandname"), ("email_domains", "email_domain")):
            for v in d.get(key) or []:
                try:
                    value = canonical_channel(kind, str(v))
                except OfficialError:
                    continue
                if (kind, value) in seen:
                    continue
                seen.add((kind, value))
                channels.append({"org_id": oid, "kind": kind, "value": value, "source": source})
    return orgs, channels


# -- reading ----------------------------------------------------------------------------


def _parents(host: str) -> list[str]:
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


#: Seconds an in-process copy of the (small) channel table is trusted. Writes through
#: this module clear it at once; other processes' writes show within this delay.
CACHE_TTL_S = 5.0
_cache_lock = threading.Lock()
_cache: weakref.WeakKeyDictionary[Any, tuple[float, dict[tuple[str, str], str]]] = (
    weakref.WeakKeyDictionary()
)


def _load_index(session: Session) -> dict[tuple[str, str], str]:
    """``(kind, value) -> organisation id`` of every active channel, read now (what this
    session sees, its own uncommitted changes included)."""
    rows = session.execute(
        select(OfficialChannel.kind, OfficialChannel.value, OfficialChannel.org_id)
        .join(OfficialOrg, OfficialOrg.id == OfficialChannel.org_id)
        .where(OfficialOrg.active.is_(True))
    ).all()
    return {(k, v): o for k, v, o in rows if _usable(k, v)}


def _index(session: Session) -> dict[tuple[str, str], str]:
    """:func:`_load_index`, cached briefly."""
    key = session.get_bind()  # one cache per engine (per app / database)
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and now - hit[0] < CACHE_TTL_S:
        return hit[1]
    index = _load_index(session)
    with _cache_lock:
        _cache[key] = (now, index)
    return index


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


@dataclass(frozen=True, slots=True)
class ChannelMatch:
    """The official channel a value falls under: ``vietcombank.com.vn`` (a domain) for
    ``https://www.vietcombank.com.vn/login`` (a URL)."""

    org_id: str
    kind: str  # a channel kind: domain, phone, brandname, email_domain
    value: str  # the channel as registered


# -- pages anyone can publish ------------------------------------------------------------

#: The front doors of a platform's site (``www.facebook.com``, ``m.facebook.com``).
_FRONT = r"(?:(?:www|m|web|mbasic|touch|mobile)\.)?"
#: Facebook's and Instagram's own first path segments; every other one is a page, a
#: profile or a group that a user made.
_FACEBOOK_OWN = (r"(?:help|policies|privacy|legal|terms|login|login\.php|recover|settings|"
                 r"business|careers|security|l\.php|dialog|sharer|sharer\.php|plugins)")
_INSTAGRAM_OWN = r"(?:accounts|about|legal|explore|direct|developer)"
#: Platforms whose links name anyone's page: ``(host, path)`` patterns (full matches,
#: lower case) of a user's page, profile, group, chat, video or meeting.
PLATFORM_PAGES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(host), re.compile(path, re.DOTALL)) for host, path in (
        (rf"{_FRONT}(?:facebook|fb)\.com", rf"/(?!{_FACEBOOK_OWN}(?:[/?#]|$))[^/?#]+.*"),
        (r"fb\.me|fb\.watch", r"/.+"),
        (rf"{_FRONT}messenger\.com", r"/t/.+"),
        (rf"{_FRONT}instagram\.com", rf"/(?!{_INSTAGRAM_OWN}(?:[/?#]|$))[^/?#]+.*"),
        (rf"{_FRONT}tiktok\.com", r"/(?:@|t/|v/).+"),
        (r"v[mt]\.tiktok\.com", r"/.+"),
        (rf"{_FRONT}zalo\.me", r"/(?!(?:pc|download)(?:[/?#]|$)).+"),
        (rf"{_FRONT}youtube\.com",
         r"/(?:@|c/|channel/|user/|watch|shorts/|live/|playlist|post/).*"),
        (r"youtu\.be", r"/.+"),
        (r"chat\.whatsapp\.com|wa\.me", r"/.+"),
        (r"api\.whatsapp\.com", r"/send.*"),
        (r"(?:[a-z0-9-]+\.)?zoom\.(?:us|com)", r"/(?:j|w|my|s|wc)/.+"),
    )
)


@lru_cache(maxsize=65_536)
def user_content_page(url: str) -> str | None:
    """Why the link ``url`` is a page that anyone can publish, not its host's owner
    speaking (``None`` when it is not one): a host of the engine's user-content list
    (``sites.google.com``, ``docs.google.com``, ``oa.zalo.me``: the engine's
    :func:`lachan.detect.host_checks.check_user_content`), or a user's page on a
    platform (``facebook.com/<page>``, ``zalo.me/<number>``, :data:`PLATFORM_PAGES`)."""
    from lachan.detect.host_checks import check_user_content
    from lachan.detect.host_parse import HostInputError, parse_host

    try:
        p = parse_host(url)
    except HostInputError:
        return None
    if p.is_ip:
        return None
    if check_user_content(p):
        return f"{p.host} serves pages that anyone can publish"
    path = p.path.partition("?")[0].partition("#")[0]
    for host, page in PLATFORM_PAGES:
        if host.fullmatch(p.host) and page.fullmatch(path):
            return f"a user's page on {p.host}, where anyone can publish"
    return None


def user_content_hosts(domain: str) -> list[str]:
    """The engine's user-content hosts at or under ``domain`` (``sites.google.com`` and
    ``docs.google.com`` for ``google.com``), sorted: an allowlist must not pass them."""
    from lachan.detect.host_lexicon import USER_CONTENT

    return sorted(h for h in USER_CONTENT if h == domain or h.endswith("." + domain))


def free_mail(domain: str) -> bool:
    """Whether ``domain`` is a free mail service's, where anyone opens an address."""
    from lachan.detect.host_lexicon import FREE_MAIL

    return domain in FREE_MAIL


def _mailbox_brand(canon: str) -> str | None:
    """The brand a free mailbox's name claims ("hotro.vietcombank.cskh@gmail.com")."""
    from lachan.detect.brands import find_brands
    from lachan.text import normalise as normalise_text

    local = canon.rpartition("@")[0]
    words = re.sub(r"[._+\-]+", " ", local)
    named = find_brands(normalise_text(words).folded)
    return named[0].id if named else None


def _userinfo_brand(raw: str) -> str | None:
    """The brand named before an "@" in a link's host ("https://vietcombank.com.vn@evil.tk"):
    the browser goes to the host after it."""
    from lachan.detect.brands import find_brands, official_domain_owner

    text = raw if "://" in raw else "http://" + raw
    try:
        user = urlsplit(text).username
    except ValueError:
        return None
    if not user:
        return None
    user = user.lower().strip(". ")
    owner = official_domain_owner(user)
    if owner is not None:
        return owner
    named = find_brands(re.sub(r"[^a-z0-9]+", " ", user))
    return named[0].id if named else None


def _candidates(kind: str, canon: str) -> tuple[str, list[str]]:
    """``(channel kind, channel values to try, most specific first)`` for a value of
    ``kind`` in its registry canonical form."""
    if kind == "domain":
        return "domain", _parents(canon)
    if kind == "url":
        if user_content_page(canon) is not None:
            return "domain", []  # anyone's page on a platform is not the platform speaking
        host = urlsplit(canon).hostname or ""
        return "domain", _parents(host) if "." in host and ":" not in host else []
    if kind == "email":
        domain = canon.rpartition("@")[2]
        if free_mail(domain):
            return "email_domain", []  # anyone's mailbox at a free mail service
        return "email_domain", _parents(domain)
    if kind in ("phone", "brandname"):
        return kind, [canon]
    return kind, []


def _match(index: dict[tuple[str, str], str], kind: str, canon: str) -> ChannelMatch | None:
    try:
        channel_kind, values = _candidates(kind, canon)
    except ValueError:  # a stored URL that no longer parses
        return None
    for v in values:  # the most specific match wins
        owner = index.get((channel_kind, v))
        if owner is not None:
            return ChannelMatch(owner, channel_kind, v)
    return None


def official_match(session: Session, kind: str, value: str) -> ChannelMatch | None:
    """The official channel that ``value`` is or falls under (``kind`` as in the
    spam-source registry: phone, email, domain, url, ip, brandname); ``None`` when none."""
    try:
        canon = canonical_channel("phone", value) if kind == "phone" else normalise(kind, value)
    except (InvalidSource, OfficialError):
        return None
    return _match(_index(session), kind, canon)


def official_owner(session: Session, kind: str, value: str) -> str | None:
    """Organisation id whose official channel ``value`` is (``kind`` as in the spam-source
    registry: phone, email, domain, url, ip, brandname); ``None`` when none."""
    match = official_match(session, kind, value)
    return None if match is None else match.org_id


def official_matcher(
    session: Session, *, fresh: bool = False
) -> Callable[[str, str], ChannelMatch | None]:
    """A check of many values already in registry canonical form (a feed's sources),
    against one snapshot of the registry: ``match(kind, value)``. ``fresh``: the
    channels as ``session`` reads them, not as cached for up to :data:`CACHE_TTL_S`."""
    index = _load_index(session) if fresh else _index(session)
    return lambda kind, value: _match(index, kind, value)


def brandname_holder(session: Session, name: str) -> str | None:
    """Id of the active organisation whose official brandname ``name`` is, read from the
    database (not the short-lived cache: this guards a write). ``name`` is normalised as
    :func:`verify` does it: case and runs of spaces do not matter."""
    try:
        canon = normalise("brandname", name)
    except InvalidSource:
        return None
    return session.execute(
        select(OfficialChannel.org_id)
        .join(OfficialOrg, OfficialOrg.id == OfficialChannel.org_id)
        .where(OfficialChannel.kind == "brandname", OfficialChannel.value == canon,
               OfficialOrg.active.is_(True))
    ).scalar_one_or_none()


def org_name(session: Session, org_id: str) -> str:
    """The organisation's name, or its id when it has none."""
    org = session.get(OfficialOrg, org_id)
    return org.name if org is not None and org.name else org_id


def _org_dict(session: Session, org: OfficialOrg, with_channels: bool = True) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": org.id,
        "name": org.name,
        "category": org.category,
        "bin": org.bin,
        "aliases": [a for a in org.aliases.split(",") if a],
        "source": org.source,
        "active": org.active,
    }
    if with_channels:
        chans = session.execute(
            select(OfficialChannel).where(OfficialChannel.org_id == org.id)
            .order_by(OfficialChannel.kind, OfficialChannel.value)
        ).scalars()
        out: dict[str, list[str]] = {k: [] for k in CHANNEL_KINDS}
        for c in chans:
            out.setdefault(c.kind, []).append(c.value)
        d["channels"] = out
    return d


def get_org(session: Session, org_id: str) -> dict[str, Any] | None:
    org = session.get(OfficialOrg, org_id.strip().lower()[:64])
    return None if org is None else _org_dict(session, org)


def list_orgs(session: Session, category: str | None = None) -> list[dict[str, Any]]:
    q = select(OfficialOrg).order_by(OfficialOrg.id)
    if category:
        q = q.where(OfficialOrg.category == category)
    return [_org_dict(session, o, with_channels=False) for o in session.execute(q).scalars()]


def official_domains(session: Session) -> list[tuple[str, str]]:
    """``(domain, organisation id)`` of every active organisation, sorted."""
    rows = session.execute(
        select(OfficialChannel.value, OfficialChannel.org_id)
        .join(OfficialOrg, OfficialOrg.id == OfficialChannel.org_id)
        .where(OfficialChannel.kind == "domain", OfficialOrg.active.is_(True))
        .order_by(OfficialChannel.value)
    ).all()
    return [(v, o) for v, o in rows if _usable("domain", v)]


# -- the blocklist feed follows the registry ----------------------------------------------

#: States of a source that an official channel takes off the blocklist feed, or that a
#: removed channel may put back on it.
_FEED_STATES = ("listed", "blocked", "official")


def _covered_query(kind: str, value: str) -> Any:
    """Sources that the channel ``(kind, value)`` may cover (a superset: :func:`_match`
    decides), in a state the blocklist feed cares about."""
    q = select(Source).where(Source.state.in_(_FEED_STATES))
    if kind in ("phone", "brandname"):
        return q.where(Source.kind == kind, Source.value == value)
    if kind == "email_domain":
        return q.where(Source.kind == "email",
                       or_(Source.value.like(f"%@{value}"), Source.value.like(f"%.{value}")))
    # domain: the domain, its subdomains, and links to them
    return q.where(or_(
        (Source.kind == "domain") & or_(Source.value == value, Source.value.like(f"%.{value}")),
        (Source.kind == "url") & or_(*(Source.value.like(f"%{sep}{value}{end}")
                                       for sep in ("://", ".") for end in ("/%", ":%"))),
    ))


#: Above this many channels at once (a seed import), one pass over the feed's sources
#: costs less than a query per channel.
_SCAN_ALL_FROM = 20


def _covered_sources(session: Session, channels: list[tuple[str, str]]) -> list[Source]:
    """Sources in a feed state that ``channels`` may cover, each once, in id order."""
    if len(channels) > _SCAN_ALL_FROM:
        queries = [select(Source).where(Source.state.in_(_FEED_STATES))]
    else:
        queries = [_covered_query(kind, value) for kind, value in channels]
    found: dict[int, Source] = {}
    for q in queries:
        for src in session.execute(q).scalars():
            found.setdefault(src.id, src)
    return [found[i] for i in sorted(found)]


def _journal_feed_changes(
    session: Session,
    channels: Iterable[tuple[str, str]],
    before: dict[tuple[str, str], str],
    *,
    settings: CentreSettings | None = None,
) -> int:
    """Tell the incremental blocklist feed what a change of the registry did to the
    sources that ``channels`` cover (``before``: :func:`_load_index` before the change).
    Returns how many feed entries were written (removals or re-listings)."""
    settings = settings or CentreSettings()
    after = _load_index(session)
    now = utcnow()
    written = 0
    for src in _covered_sources(session, list(channels)):
        official_now = _match(after, src.kind, src.value) is not None
        if (_match(before, src.kind, src.value) is not None) != official_now:
            written += _follow(session, src, official_now, settings, now)
    session.flush()
    return written


def _follow(
    session: Session, src: Source, official_now: bool, settings: CentreSettings,
    now: datetime,
) -> int:
    """Journal one source whose value became (or stopped being) official; 1 when the
    feed gained an entry. A listed or blocked source that became official gets a
    removal entry (``listed`` false, state ``official``); one that stopped being
    official goes back on (a re-listing with its state). A source stored as
    ``official`` (complaints found it official) that no longer is takes the state its
    reputation gives, journalled as any change of state."""
    from lachan.registry.sources import (
        BLOCKLIST_STATES,
        automatic_state,
        current_score,
        set_state,
    )

    if src.state == "official":
        if official_now or src.pinned:
            return 0
        new = automatic_state(src, current_score(src, settings, now), settings)
        set_state(session, src, new, now)  # journals a return to the blocklist
        return int(new in BLOCKLIST_STATES)
    if src.state not in BLOCKLIST_STATES:
        return 0
    session.add(SourceChange(
        source_id=src.id, kind=src.kind, value=src.value,
        state="official" if official_now else src.state,
        listed=not official_now, at=now,
    ))
    return 1


# -- writing (audited) ------------------------------------------------------------------


def upsert_org(
    session: Session,
    org_id: str,
    *,
    name: str,
    category: str = "other",
    bin: str | None = None,
    aliases: list[str] | None = None,
    source: str = "",
    actor: str,
) -> dict[str, Any]:
    """Create or update an organisation (and re-activate it)."""
    oid = _org_id(org_id)
    if category not in CATEGORIES:
        raise OfficialError(f"unknown category {category[:20]!r}")
    if bin is not None and not (bin.isdigit() and len(bin) == 6):
        raise OfficialError("bin must be 6 digits")
    alias_list = [a.strip().lower() for a in (aliases or []) if a.strip()][:MAX_ALIASES]
    if any(not re.fullmatch(r"[a-z0-9&.\- ]{2,40}", a) for a in alias_list):
        raise OfficialError("aliases are 2-40 of a-z, 0-9, space, '&', '.', '-'")
    org = session.get(OfficialOrg, oid)
    created = org is None
    reactivated = org is not None and not org.active
    before = _load_index(session) if reactivated else {}
    if org is None:
        org = OfficialOrg(id=oid)
        session.add(org)
    org.name = name.strip()[:200]
    org.category = category
    org.bin = bin
    org.aliases = ",".join(alias_list)[:MAX_TEXT]
    org.source = source.strip()[:MAX_TEXT]
    org.active = True
    org.updated_at = utcnow()
    session.flush()
    clear_cache()
    if reactivated:  # its channels count again: take what they cover off the feed
        _journal_feed_changes(session, _org_channels(session, oid), before)
    audit.record(session, actor, "official.org_created" if created else "official.org_updated",
                 f"official:{oid}", {"name": org.name, "category": category, "bin": bin})
    return _org_dict(session, org)


def _org_channels(session: Session, org_id: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in session.execute(
        select(OfficialChannel.kind, OfficialChannel.value)
        .where(OfficialChannel.org_id == org_id)
    ).all()]


def deactivate_org(
    session: Session, org_id: str, *, actor: str, settings: CentreSettings | None = None
) -> dict[str, Any]:
    """Deactivate an organisation: its channels stop counting as official, and the
    sources they covered go back on the blocklist feed where their state puts them."""
    org = session.get(OfficialOrg, _org_id(org_id))
    if org is None:
        raise NotFound(f"no organisation {org_id[:64]!r}")
    before = _load_index(session)
    org.active = False
    org.updated_at = utcnow()
    session.flush()
    clear_cache()
    relisted = _journal_feed_changes(session, _org_channels(session, org.id), before,
                                     settings=settings)
    audit.record(session, actor, "official.org_deactivated", f"official:{org.id}",
                 {"back_on_blocklist": relisted})
    return _org_dict(session, org)


def add_channel(
    session: Session, org_id: str, kind: str, value: str, *, source: str = "", actor: str
) -> dict[str, Any]:
    """Register ``value`` as an official channel of the organisation."""
    org = session.get(OfficialOrg, _org_id(org_id))
    if org is None:
        raise NotFound(f"no organisation {org_id[:64]!r}")
    canon = canonical_channel(kind, value)
    if kind == "brandname" and len(canon) > MAX_BRANDNAME_CHARS:
        raise OfficialError(f"brandname has {len(canon)} characters; a brandname has at most "
                            f"{MAX_BRANDNAME_CHARS} (decree 91, Article 23)")
    existing = session.execute(
        select(OfficialChannel).where(OfficialChannel.kind == kind, OfficialChannel.value == canon)
    ).scalar_one_or_none()
    if existing is not None:
        if existing.org_id != org.id:
            raise OfficialError(f"{kind} {canon} is already registered to {existing.org_id}")
        return {"org_id": org.id, "kind": kind, "value": canon, "added": False}
    before = _load_index(session)
    session.add(OfficialChannel(org_id=org.id, kind=kind, value=canon,
                                source=source.strip()[:MAX_TEXT], added_at=utcnow()))
    session.flush()
    clear_cache()
    taken_off = _journal_feed_changes(session, [(kind, canon)], before)
    audit.record(session, actor, "official.channel_added", f"official:{org.id}",
                 {"kind": kind, "value": canon, "source": source[:200],
                  "taken_off_blocklist": taken_off})
    return {"org_id": org.id, "kind": kind, "value": canon, "added": True,
            "taken_off_blocklist": taken_off}


def remove_channel(
    session: Session, org_id: str, kind: str, value: str, *, actor: str,
    settings: CentreSettings | None = None,
) -> bool:
    """Remove a channel; the sources it covered go back on the blocklist feed where
    their state puts them there (``settings``: the reputation thresholds)."""
    canon = canonical_channel(kind, value)
    row = session.execute(
        select(OfficialChannel).where(OfficialChannel.org_id == _org_id(org_id),
                                      OfficialChannel.kind == kind,
                                      OfficialChannel.value == canon)
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"{kind} {canon} is not a channel of {org_id[:64]}")
    owner = row.org_id
    before = _load_index(session)
    session.delete(row)
    session.flush()
    clear_cache()
    relisted = _journal_feed_changes(session, [(kind, canon)], before, settings=settings)
    audit.record(session, actor, "official.channel_removed", f"official:{owner}",
                 {"kind": kind, "value": canon, "back_on_blocklist": relisted})
    return True


def import_seed(session: Session, *, actor: str) -> dict[str, int]:
    """Add the seed's organisations and channels that are missing; never removes or
    overrides administrators' changes."""
    orgs, channels = seed_rows()
    now = utcnow()
    before = _load_index(session)
    added_orgs = added_channels = 0
    for o in orgs:
        if session.get(OfficialOrg, o["id"]) is None:
            session.add(OfficialOrg(**o, active=True, updated_at=now))
            added_orgs += 1
    session.flush()
    existing = set(session.execute(select(OfficialChannel.kind, OfficialChannel.value)).all())
    added: list[tuple[str, str]] = []
    for c in channels:
        if (c["kind"], c["value"]) not in existing:
            session.add(OfficialChannel(**c, added_at=now))
            added.append((c["kind"], c["value"]))
    added_channels = len(added)
    session.flush()
    counts = {"organisations_added": added_orgs, "channels_added": added_channels}
    clear_cache()
    counts["taken_off_blocklist"] = (
        _journal_feed_changes(session, added, before) if added else 0
    )
    audit.record(session, actor, "official.seed_imported", "official", counts)
    return counts


# -- verification -----------------------------------------------------------------------

VERIFY_KINDS: tuple[str, ...] = ("phone", "domain", "url", "brandname", "email")
REPORTED_STATES = frozenset({"suspected", "listed", "blocked"})
#: Graver states win when several sources cover a value (a link, its host, its domain).
_GRAVITY = {"suspected": 1, "listed": 2, "blocked": 3}


def _org_brief(session: Session, org_id: str | None) -> dict[str, Any] | None:
    if org_id is None:
        return None
    org = session.get(OfficialOrg, org_id)
    if org is None:
        from lachan.detect.brands import get_brand

        b = get_brand(org_id)
        return {"id": org_id, "name": b.name if b else org_id,
                "category": b.category if b else None}
    return {"id": org.id, "name": org.name, "category": org.category}


def _imitated_brandname(name: str, owner: str | None) -> str | None:
    from itertools import chain

    from lachan.detect.host_match import BRAND, fuzzy_brand, lookalike_brand_hits, scan

    squeezed = re.sub(r"[^a-z0-9]", "", name.lower())
    for h in chain((h for h in scan(squeezed) if h.kind == BRAND),
                   lookalike_brand_hits(squeezed)):
        if h.ref != owner:
            return h.ref
    fz = fuzzy_brand(squeezed)
    return fz[0] if fz and fz[0] != owner else None


def imitated_organisation(session: Session, name: str) -> dict[str, Any] | None:
    """The organisation that :func:`verify` says the brandname ``name`` imitates
    (``{id, name, category}``), or ``None`` (also for a name that is no brandname)."""
    try:
        out = verify(session, "brandname", name)
    except OfficialError:
        return None
    return out["organisation"] if out["verdict"] == "imitates" else None


def _registrable_chain(host: str) -> list[str]:
    """``host`` and its parent domains up to its registrable domain, most specific first
    (``a.b.shop.top``, ``b.shop.top``, ``shop.top``)."""
    from lachan.entities.domain import registrable_domain

    registrable = registrable_domain(host)
    if registrable is None or not host.endswith(registrable):
        return [host]
    return [p for p in _parents(host) if len(p) >= len(registrable)]


def _host_sources(host: str) -> list[tuple[str, str]]:
    """The registry sources that cover a link's or address's host: an IP address, or
    the domain and its parents up to the registrable domain."""
    from lachan.entities.domain import is_ip

    if is_ip(host):
        return [("ip", host)]
    return [("domain", d) for d in _registrable_chain(host)]


def _source_chain(kind: str, canon: str) -> list[tuple[str, str]]:
    """The sources whose state answers for ``canon``, most specific first: a link, then
    its host and the host's parents up to the registrable domain (a block of
    ``evil-shop.top`` covers ``https://sub.evil-shop.top/login``); an e-mail address,
    then its domain and parents; a domain and its parents."""
    if kind == "url":
        host = urlsplit(canon).hostname or ""  # lower case, no port, no IPv6 brackets
        # the same link under the other scheme: a block of https://x/a answers for the
        # "x/a" an SMS writes (read as http://), and the reverse
        scheme, _, rest = canon.partition("://")
        links = [("url", canon), ("url", ("http" if scheme == "https" else "https") + "://" + rest)]
        return [*links, *_host_sources(host)] if host else links
    if kind == "email":
        return [("email", canon), *_host_sources(canon.rpartition("@")[2])]
    if kind == "domain":
        return [("domain", d) for d in _registrable_chain(canon)]
    return [(kind, canon)]


def _registry_finding(
    session: Session, kind: str, canon: str, settings: CentreSettings | None
) -> tuple[str, str, str] | None:
    """``(kind, value, state)`` of the source that answers for ``canon`` in the
    spam-source registry, or ``None``. Walking from the most specific source up, the
    gravest reported state (suspected < listed < blocked) wins; a source an analyst
    cleared stops the walk (what was cleared is not blocked by its parent's block) and
    answers when nothing more specific was reported."""
    from lachan.registry.sources import get_state

    best: tuple[str, str, str] | None = None
    for k, v in _source_chain(kind, canon):
        try:
            state = get_state(session, k, v, settings)
        except InvalidSource:
            continue
        if state == "cleared":
            return best or (k, v, state)
        if state in REPORTED_STATES and (best is None or _GRAVITY[state] > _GRAVITY[best[2]]):
            best = (k, v, state)
    return best


def _host_analysis(kind: str, canon: str) -> dict[str, Any] | None:
    """The engine's host analyser on a domain, link or e-mail address's domain."""
    from lachan.detect.hosts import HostInputError, analyse_host

    item = {"domain": canon, "url": canon, "email": canon.rpartition("@")[2]}.get(kind)
    if item is None:
        return None
    try:
        # owner and state are known already: the analyser needs no registry look-ups
        v = analyse_host(item)
    except HostInputError:
        return None
    return {"label": v.label, "score": round(v.score, 4), "brand": v.brand,
            "symbols": [s.to_dict() for s in v.symbols]}


def _brand_in_page_path(url: str, analysis: dict[str, Any]) -> None:
    """On a platform's user page, a brand named in the path of a log-in or
    verification page (``facebook.com/vietcombank.xacminh``) is an imitation, as the
    engine reads it on other user-content hosts (``HOST_BRAND_IN_PATH``). The engine
    sees the platform's official domain there, so the finding is added here."""
    from lachan.detect.brands import official_domain_owner
    from lachan.detect.host_checks import SYMBOLS, brand_in_path, check_login_path
    from lachan.detect.host_parse import HostInputError, parse_host
    from lachan.detect.hosts import FLOOR_BRAND_IN_PATH

    if analysis["label"] == "phishing":
        return
    try:
        p = parse_host(url)
    except HostInputError:
        return
    login = check_login_path(p)
    named = brand_in_path(p) if login else None
    if named is None or named == official_domain_owner(p.host):
        return
    analysis["symbols"].append({
        "name": "HOST_BRAND_IN_PATH", "score": SYMBOLS["HOST_BRAND_IN_PATH"][0],
        "detail": f'"{named}" in a {login} page on {p.registrable}'})
    analysis.update(label="phishing", brand=named,
                    score=round(max(analysis["score"], FLOOR_BRAND_IN_PATH), 4))


def _engine_imitation(kind: str, canon: str, page: str | None) -> tuple[
        dict[str, Any] | None, str | None]:
    """``(analysis, brand id imitated)`` as the engine reads ``canon``."""
    if kind == "brandname":
        return None, _imitated_brandname(canon, None)
    analysis = _host_analysis(kind, canon)
    if analysis is None:
        return None, None
    if page is not None and kind == "url":
        _brand_in_page_path(canon, analysis)
    imitated = analysis["brand"] if analysis["label"] == "phishing" else None
    return analysis, imitated


def _where_it_leads(
    answer: Callable[[Session, str, str, CentreSettings | None], dict[str, Any]],
    session: Session, kind: str, value: str, settings: CentreSettings | None,
) -> dict[str, Any] | None:
    """``answer`` (:func:`verify` or :func:`lookup`) for the site a redirect or search
    link leads to (``google.com/url?q=...``, ``google.com/search?q=site:...``), with
    ``kind: url`` and ``via`` naming the redirector; None when ``value`` is no such
    link. The answer is about where it leads, not about the search engine whose query
    string the link borrows."""
    from lachan.detect.hosts import redirect_of

    hop = redirect_of(value) if kind == "url" and isinstance(value, str) else None
    if hop is None:
        return None
    try:
        out: dict[str, Any] | None = answer(session, "url", hop[1], settings)
    except OfficialError:  # (a target no URL form takes: its host answers)
        out = None
    if out is None or (out.get("state") in (None, "unknown") and "user_content" not in out):
        # the link itself unknown to the registry: what it knows of the host, unless that
        # is an official one (a page anyone may publish on it is no official channel)
        on_host = answer(session, "domain", urlsplit(hop[1]).hostname or hop[1], settings)
        if out is None or on_host.get("state") not in (None, "unknown", "official"):
            out = on_host
    out.update(kind="url", via=hop[0])
    return out


def verify(
    session: Session, kind: str, value: str, settings: CentreSettings | None = None
) -> dict[str, Any]:
    """Answer "is this X's official channel?": ``official`` (of X), ``imitates`` (X),
    ``reported`` (the spam-source registry has it, its host or its domain), ``cleared``
    (an analyst decided it is not spam; the engine's opinion is in ``note``) or
    ``unknown``. A link through a redirect or search page is answered for the site it
    leads to, with ``via`` naming the redirector. A page that anyone can publish on a
    platform (``sites.google.com/...``, ``facebook.com/<page>``) is no official
    channel of the platform: it is answered for its content, with ``user_content``
    saying why. Raises :class:`OfficialError` for a bad value."""
    if kind not in VERIFY_KINDS:
        expected = ", ".join(VERIFY_KINDS)
        raise OfficialError(f"unknown kind {kind[:20]!r}; expected one of {expected}")
    if (led := _where_it_leads(verify, session, kind, value, settings)) is not None:
        return led
    try:
        canon = normalise(kind, value)
    except InvalidSource as exc:
        raise OfficialError(str(exc)) from None
    out: dict[str, Any] = {"kind": kind, "value": canon, "verdict": "unknown",
                           "organisation": None, "state": "unknown", "analysis": None}
    page = user_content_page(canon) if kind in ("url", "domain") else None
    if page is not None:
        out["user_content"] = page
    if kind == "email" and free_mail(canon.rpartition("@")[2]):
        out["user_content"] = (f"{canon.rpartition('@')[2]} is a free mail service: anyone "
                               "can open an address there")
    owner = official_owner(session, kind, canon)
    if owner is not None:
        out.update(verdict="official", organisation=_org_brief(session, owner), state="official")
        if page is not None:
            out["note"] = (f"{page}: the domain is {out['organisation']['name']}'s, the "
                           "pages on it are not; verify the whole link (url=...)")
        return out
    _answer_for_content(session, kind, canon, out, page, settings)
    if out["verdict"] in ("unknown", "reported"):
        _claimed_brand(session, kind, value, canon, out)
    return out


def _claimed_brand(session: Session, kind: str, raw: str, canon: str,
                   out: dict[str, Any]) -> None:
    """A brand claimed where the engine does not look: before an "@" in a link, or in
    the name of a free mailbox; ``imitates`` it, with a note of where."""
    if kind == "url":
        brand = _userinfo_brand(raw)
        where = (f"the text before '@' names it, but the link goes to "
                 f"{urlsplit(canon).hostname}")
    elif kind == "email" and free_mail(canon.rpartition("@")[2]):
        brand = _mailbox_brand(canon)
        where = "the mailbox's name claims it, at a free mail service"
    else:
        return
    if brand is None:
        return
    out.update(verdict="imitates", organisation=_org_brief(session, brand) or {"name": brand})
    out["note"] = where


def _answer_for_content(
    session: Session, kind: str, canon: str, out: dict[str, Any], page: str | None,
    settings: CentreSettings | None,
) -> None:
    """Fill ``out`` for a value that is no official channel: the registry's state (of
    the value, its host or its domain) and the engine's reading."""
    finding = _registry_finding(session, kind, canon, settings)
    if finding is not None:
        out["state"] = finding[2]
        if finding[:2] != (kind, canon):
            out["registry_match"] = {"kind": finding[0], "value": finding[1],
                                     "state": finding[2]}
    analysis, imitated = _engine_imitation(kind, canon, page)
    out["analysis"] = analysis
    if out["state"] == "cleared":
        out["verdict"] = "cleared"
        if imitated is not None:
            brief = _org_brief(session, imitated) or {"name": imitated}
            cleared = finding[1] if finding is not None else canon
            out["note"] = (f"an analyst cleared {cleared}; the engine reads it as an "
                           f"imitation of {brief['name']}")
            out["engine_verdict"] = {"verdict": "imitates", "organisation": brief}
    elif imitated is not None:
        out.update(verdict="imitates", organisation=_org_brief(session, imitated))
    elif out["state"] in REPORTED_STATES:
        out["verdict"] = "reported"


# -- look-up --------------------------------------------------------------------------


def lookup(
    session: Session, kind: str, value: str, settings: CentreSettings | None = None
) -> dict[str, Any]:
    """The spam-source registry's look-up (:func:`lachan.registry.sources.lookup`) as
    :func:`verify` sees the value: a redirect or search link is looked up for the site
    it leads to (``via`` names the redirector, as in verify), and a value that is an
    official channel reads ``state: official`` (``registry_state`` keeps the state
    stored before it became official). Raises ``InvalidSource`` for a bad value."""
    from lachan.registry import sources

    if (led := _where_it_leads(lookup, session, kind, value, settings)) is not None:
        return led
    out = sources.lookup(session, kind, value, settings)
    if out["official_owner"] is not None and out["state"] != "official":
        out["registry_state"] = out["state"]
        out["state"] = "official"
    return out
