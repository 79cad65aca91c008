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
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from lachan.registry import audit
from lachan.registry.clock import utcnow
from lachan.registry.normalise import InvalidSource, normalise
from lachan.store.tables_official import CHANNEL_KINDS, OfficialChannel, OfficialOrg

__all__ = [
    "CHANNEL_KINDS",
    "ChannelMatch",
    "OfficialError",
    "add_channel",
    "brandname_holder",
    "deactivate_org",
    "get_org",
    "import_seed",
    "list_orgs",
    "official_domains",
    "official_match",
    "official_matcher",
    "official_owner",
    "org_name",
    "remove_channel",
    "seed_rows",
    "upsert_org",
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
    if kind == "domain" and len(host) > MAX_DOMAIN_CHARS:
        return (f"domain has {len(host)} characters; official domains are limited to "
                f"{MAX_DOMAIN_CHARS} so that their allowlist rules fit in DNS")
    return None


def _usable(kind: str, value: str) -> bool:
    """Whether a stored channel may count (rows stored before the checks of
    :func:`canonical_channel` existed may not)."""
    return kind not in ("domain", "email_domain") or _domain_problem(kind, value) is None


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


def _index(session: Session) -> dict[tuple[str, str], str]:
    """``(kind, value) -> organisation id`` of every active channel (cached briefly)."""
    key = session.get_bind()  # one cache per engine (per app / database)
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and now - hit[0] < CACHE_TTL_S:
        return hit[1]
    rows = session.execute(
        select(OfficialChannel.kind, OfficialChannel.value, OfficialChannel.org_id)
        .join(OfficialOrg, OfficialOrg.id == OfficialChannel.org_id)
        .where(OfficialOrg.active.is_(True))
    ).all()
    index = {(k, v): o for k, v, o in rows if _usable(k, v)}
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


def _candidates(kind: str, canon: str) -> tuple[str, list[str]]:
    """``(channel kind, channel values to try, most specific first)`` for a value of
    ``kind`` in its registry canonical form."""
    if kind == "domain":
        return "domain", _parents(canon)
    if kind == "url":
        host = urlsplit(canon).hostname or ""
        return "domain", _parents(host) if "." in host and ":" not in host else []
    if kind == "email":
        return "email_domain", _parents(canon.rpartition("@")[2])
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


def official_matcher(session: Session) -> Callable[[str, str], ChannelMatch | None]:
    """A check of many values already in registry canonical form (a feed's sources),
    against one snapshot of the registry: ``match(kind, value)``."""
    index = _index(session)
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
    audit.record(session, actor, "official.org_created" if created else "official.org_updated",
                 f"official:{oid}", {"name": org.name, "category": category, "bin": bin})
    return _org_dict(session, org)


def deactivate_org(session: Session, org_id: str, *, actor: str) -> dict[str, Any]:
    org = session.get(OfficialOrg, _org_id(org_id))
    if org is None:
        raise NotFound(f"no organisation {org_id[:64]!r}")
    org.active = False
    org.updated_at = utcnow()
    clear_cache()
    audit.record(session, actor, "official.org_deactivated", f"official:{org.id}", {})
    return _org_dict(session, org)


def add_channel(
    session: Session, org_id: str, kind: str, value: str, *, source: str = "", actor: str
) -> dict[str, Any]:
    """Register ``value`` as an official channel of the organisation."""
    org = session.get(OfficialOrg, _org_id(org_id))
    if org is None:
        raise NotFound(f"no organisation {org_id[:64]!r}")
    canon = canonical_channel(kind, value)
    existing = session.execute(
        select(OfficialChannel).where(OfficialChannel.kind == kind, OfficialChannel.value == canon)
    ).scalar_one_or_none()
    if existing is not None:
        if existing.org_id != org.id:
            raise OfficialError(f"{kind} {canon} is already registered to {existing.org_id}")
        return {"org_id": org.id, "kind": kind, "value": canon, "added": False}
    session.add(OfficialChannel(org_id=org.id, kind=kind, value=canon,
                                source=source.strip()[:MAX_TEXT], added_at=utcnow()))
    session.flush()
    clear_cache()
    audit.record(session, actor, "official.channel_added", f"official:{org.id}",
                 {"kind": kind, "value": canon, "source": source[:200]})
    return {"org_id": org.id, "kind": kind, "value": canon, "added": True}


def remove_channel(session: Session, org_id: str, kind: str, value: str, *, actor: str) -> bool:
    canon = canonical_channel(kind, value)
    row = session.execute(
        select(OfficialChannel).where(OfficialChannel.org_id == _org_id(org_id),
                                      OfficialChannel.kind == kind,
                                      OfficialChannel.value == canon)
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"{kind} {canon} is not a channel of {org_id[:64]}")
    session.delete(row)
    clear_cache()
    audit.record(session, actor, "official.channel_removed", f"official:{row.org_id}",
                 {"kind": kind, "value": canon})
    return True


def import_seed(session: Session, *, actor: str) -> dict[str, int]:
    """Add the seed's organisations and channels that are missing; never removes or
    overrides administrators' changes."""
    orgs, channels = seed_rows()
    now = utcnow()
    added_orgs = added_channels = 0
    for o in orgs:
        if session.get(OfficialOrg, o["id"]) is None:
            session.add(OfficialOrg(**o, active=True, updated_at=now))
            added_orgs += 1
    session.flush()
    existing = set(session.execute(select(OfficialChannel.kind, OfficialChannel.value)).all())
    for c in channels:
        if (c["kind"], c["value"]) not in existing:
            session.add(OfficialChannel(**c, added_at=now))
            added_channels += 1
    session.flush()
    counts = {"organisations_added": added_orgs, "channels_added": added_channels}
    clear_cache()
    audit.record(session, actor, "official.seed_imported", "official", counts)
    return counts


# -- verification -----------------------------------------------------------------------

VERIFY_KINDS: tuple[str, ...] = ("phone", "domain", "url", "brandname", "email")
REPORTED_STATES = frozenset({"suspected", "listed", "blocked"})


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
    from lachan.detect.host_match import BRAND, ascii_skeleton, fuzzy_brand, scan

    squeezed = re.sub(r"[^a-z0-9]", "", name.lower())
    for s in dict.fromkeys((squeezed, ascii_skeleton(squeezed))):
        for h in scan(s):
            if h.kind == BRAND and h.ref != owner:
                return h.ref
    fz = fuzzy_brand(squeezed)
    return fz[0] if fz and fz[0] != owner else None


def verify(session: Session, kind: str, value: str) -> dict[str, Any]:
    """Answer "is this X's official channel?": ``official`` (of X), ``imitates`` (X),
    ``reported`` (the spam-source registry has it), or ``unknown``. A link through a
    redirect or search page is answered for the site it leads to, with ``via`` naming
    the redirector.
    Raises :class:`OfficialError` for a bad value."""
    from lachan.detect.hosts import HostInputError, analyse_host, redirect_of
    from lachan.registry.sources import get_state

    if kind not in VERIFY_KINDS:
        expected = ", ".join(VERIFY_KINDS)
        raise OfficialError(f"unknown kind {kind[:20]!r}; expected one of {expected}")
    hop = redirect_of(value) if kind == "url" and isinstance(value, str) else None
    if hop is not None:
        # google.com/url?q=..., google.com/search?q=site: the answer is about where it
        # leads, not about the search engine whose query string the link borrows
        out = verify(session, "domain", hop[1])
        out.update(kind="url", via=hop[0])
        return out
    try:
        canon = normalise(kind, value)
    except InvalidSource as exc:
        raise OfficialError(str(exc)) from None
    out: dict[str, Any] = {"kind": kind, "value": canon, "verdict": "unknown",
                           "organisation": None, "state": "unknown", "analysis": None}
    owner = official_owner(session, kind, canon)
    if owner is not None:
        out.update(verdict="official", organisation=_org_brief(session, owner), state="official")
        return out
    state = get_state(session, kind, canon)
    out["state"] = state
    imitated: str | None = None
    host_item = {"domain": canon, "url": canon, "email": canon.rpartition("@")[2]}.get(kind)
    if host_item is not None:
        try:
            # owner and state are known already: the analyser needs no registry look-ups
            v = analyse_host(host_item)
        except HostInputError:
            v = None
        if v is not None:
            out["analysis"] = {"label": v.label, "score": round(v.score, 4), "brand": v.brand,
                               "symbols": [s.to_dict() for s in v.symbols]}
            if v.label == "phishing" and v.brand:
                imitated = v.brand
    elif kind == "brandname":
        imitated = _imitated_brandname(canon, None)
    if imitated is not None:
        out.update(verdict="imitates", organisation=_org_brief(session, imitated))
    elif state in REPORTED_STATES:
        out["verdict"] = "reported"
    return out
