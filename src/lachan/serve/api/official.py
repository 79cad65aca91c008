"""Official channels: ``GET /v1/verify`` for everyone, the registry of organisations and
their channels (read for everyone, changed by admins), and feeds built from it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from lachan.registry import feeds, official
from lachan.registry.keys import Caller
from lachan.serve import feeds_format
from lachan.serve.auth import require_roles
from lachan.serve.deps import db_of, limit_public, settings_of
from lachan.serve.fields import FreeText

router = APIRouter(prefix="/v1", tags=["official"])
PUBLIC = require_roles("public")
ADMIN = require_roles("admin")
FEED = require_roles("operator", "gateway", "analyst")
MAX_VALUE = 2048

ChannelKind = Literal["domain", "phone", "brandname", "email_domain"]


def _fail(exc: official.OfficialError) -> HTTPException:
    if isinstance(exc, official.NotFound):
        return HTTPException(404, str(exc))
    return HTTPException(422, str(exc))


@router.get("/verify")
def verify(
    request: Request,
    phone: str | None = Query(None, max_length=MAX_VALUE),
    domain: str | None = Query(None, max_length=MAX_VALUE),
    url: str | None = Query(None, max_length=MAX_VALUE),
    brandname: str | None = Query(None, max_length=MAX_VALUE),
    email: str | None = Query(None, max_length=MAX_VALUE),
    caller: Caller = Depends(PUBLIC),
) -> dict[str, Any]:
    """Is this number, domain, link, sender name or e-mail an official channel of an
    organisation (``official``), an imitation of one (``imitates``), reported to the
    spam-source registry (``reported``: it, or the domain it is on), cleared by an
    analyst (``cleared``), or ``unknown``? A page anyone can publish on a platform
    (``sites.google.com/...``, ``facebook.com/<page>``) is answered for its content,
    never as the platform's official channel. Give exactly one parameter."""
    limit_public(request, caller)
    given = {k: v for k, v in (("phone", phone), ("domain", domain), ("url", url),
                               ("brandname", brandname), ("email", email)) if v is not None}
    repeated = [k for k in given if len(request.query_params.getlist(k)) > 1]
    if len(given) != 1 or repeated:  # "domain=a.com&domain=b.com" asks two questions
        raise HTTPException(422, "give exactly one of phone, domain, url, brandname, email"
                                 + (f" (once: {', '.join(repeated)} was repeated)"
                                    if repeated else ""))
    (kind, value), = given.items()
    with db_of(request).read() as session:
        try:
            return official.verify(session, kind, value, settings_of(request))
        except official.OfficialError as exc:
            raise _fail(exc) from None


@router.get("/official/orgs")
def list_orgs(
    request: Request,
    category: str | None = Query(None, max_length=32),
    caller: Caller = Depends(PUBLIC),
) -> dict[str, Any]:
    """Registered organisations (without their channels)."""
    limit_public(request, caller)
    with db_of(request).read() as session:
        return {"organisations": official.list_orgs(session, category)}


@router.get("/official/orgs/{org_id}")
def get_org(org_id: str, request: Request, caller: Caller = Depends(PUBLIC)) -> dict[str, Any]:
    """One organisation with its official domains, hotlines, brandnames, e-mail domains."""
    limit_public(request, caller)
    with db_of(request).read() as session:
        org = official.get_org(session, org_id[:64])
    if org is None:
        raise HTTPException(404, f"no organisation {org_id[:64]!r}")
    return org


class OrgIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: FreeText = Field(..., min_length=1, max_length=200)
    category: FreeText = Field("other", max_length=32)
    bin: FreeText | None = Field(None, min_length=6, max_length=6)
    aliases: list[FreeText] = Field(default_factory=list, max_length=official.MAX_ALIASES)
    source: FreeText = Field(..., min_length=1, max_length=official.MAX_TEXT,
                             description="Where the organisation documents these channels")


@router.put("/official/orgs/{org_id}")
def put_org(
    org_id: str, body: OrgIn, request: Request, caller: Caller = Depends(ADMIN)
) -> dict[str, Any]:
    """Create or update an organisation."""
    with db_of(request).transaction() as session:
        try:
            return official.upsert_org(session, org_id, name=body.name, category=body.category,
                                       bin=body.bin, aliases=body.aliases, source=body.source,
                                       actor=caller.actor)
        except official.OfficialError as exc:
            raise _fail(exc) from None


@router.delete("/official/orgs/{org_id}")
def delete_org(org_id: str, request: Request, caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    """Deactivate an organisation: its channels stop counting as official."""
    with db_of(request).transaction() as session:
        try:
            return official.deactivate_org(session, org_id, actor=caller.actor,
                                           settings=settings_of(request))
        except official.OfficialError as exc:
            raise _fail(exc) from None


class ChannelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: ChannelKind
    value: str = Field(..., min_length=1, max_length=320)
    source: FreeText = Field(..., min_length=1, max_length=official.MAX_TEXT)


@router.post("/official/orgs/{org_id}/channels", status_code=201)
def add_channel(
    org_id: str, body: ChannelIn, request: Request, caller: Caller = Depends(ADMIN)
) -> dict[str, Any]:
    """Register an official domain, hotline, brandname or e-mail domain. Listed or
    blocked sources that it covers leave the incremental blocklist feed (a removal
    entry each; ``taken_off_blocklist`` counts them)."""
    with db_of(request).transaction() as session:
        try:
            return official.add_channel(session, org_id, body.kind, body.value,
                                        source=body.source, actor=caller.actor)
        except official.OfficialError as exc:
            raise _fail(exc) from None


@router.delete("/official/orgs/{org_id}/channels/{kind}/{value}")
def remove_channel(
    org_id: str, kind: ChannelKind, value: str, request: Request, caller: Caller = Depends(ADMIN)
) -> dict[str, Any]:
    """Remove one channel from an organisation. Listed or blocked sources it covered go
    back on the incremental blocklist feed."""
    with db_of(request).transaction() as session:
        try:
            official.remove_channel(session, org_id, kind, value[:320], actor=caller.actor,
                                    settings=settings_of(request))
        except official.OfficialError as exc:
            raise _fail(exc) from None
    return {"removed": True, "org_id": org_id, "kind": kind}


@router.post("/official/seed")
def import_seed(request: Request, caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    """Add what is missing from the project's seed (never removes admins' changes)."""
    with db_of(request).transaction() as session:
        return official.import_seed(session, actor=caller.actor)


# -- feeds ------------------------------------------------------------------------------


def allowlist(
    domains: list[str], fmt: str, now: datetime, origin: str,
    exclude: dict[str, list[str]] | None = None,
) -> feeds_format.Rendered:
    """Official domains as an AdGuard/uBlock exception list or RPZ passthru rules, never
    passing the user-content hosts of ``exclude``."""
    if fmt == "adblock":
        return feeds_format.adblock_allowlist(domains, now=now, exclude=exclude)
    try:
        return feeds_format.rpz_passthru_zone(domains, origin=origin, now=now,
                                              serial=int(now.timestamp()), exclude=exclude)
    except ValueError as exc:  # a bad origin
        raise HTTPException(422, str(exc)) from None


def _user_content_under(domains: list[str]) -> dict[str, list[str]]:
    """``domain -> user-content hosts under it`` (``google.com -> sites.google.com``...)
    for the official domains that have some."""
    return {d: hosts for d in domains if (hosts := official.user_content_hosts(d))}


@router.get("/official/feed/{fmt}")
def feed(
    fmt: Literal["hosts", "adblock", "rpz", "json"],
    request: Request,
    list_: Literal["allow", "imitations"] = Query("imitations", alias="list"),
    origin: str = Query("rpz.lachan.local", max_length=200,
                        description="RPZ zone origin (rules that would not fit are left out)"),
    caller: Caller = Depends(FEED),
) -> Response:
    """``list=imitations``: blocked or listed domains that imitate a registered brand, as a
    hosts file, AdGuard list, RPZ zone or JSON. ``list=allow``: the official domains as
    AdGuard exceptions, RPZ passthru rules or JSON (a hosts file cannot allow). The
    allowlist never passes hosts where anyone can publish (``sites.google.com``): AdGuard
    rules exclude them with ``$denyallow``, RPZ lets such a domain through without its
    wildcard, and JSON names them in ``except``."""
    from lachan.detect.hosts import HostInputError, classify_items

    now = datetime.now(UTC)
    with db_of(request).read() as session:
        if list_ == "allow":
            pairs = official.official_domains(session)
        else:
            listed = [(value, state) for _k, value, state in feeds.listed(session, "domain")]
            verdicts = classify_items([v for v, _ in listed])  # one vectorised batch
            pairs = [
                (value, f"{r.brand}:{state}")
                for (value, state), r in zip(listed, verdicts, strict=True)
                if not isinstance(r, HostInputError) and r.brand and r.label == "phishing"
            ]
    carved = _user_content_under([d for d, _ in pairs]) if list_ == "allow" else {}
    if fmt == "json":
        items = [{"domain": d, ("organisation" if list_ == "allow" else "imitates"):
                  o.split(":")[0], **({"except": carved[d]} if d in carved else {})}
                 for d, o in pairs]
        return Response(
            orjson.dumps({"list": list_, "items": items}),
            media_type="application/json",
        )
    if list_ == "allow":
        if fmt == "hosts":
            raise HTTPException(422, "a hosts file cannot express an allowlist; use adblock or rpz")
        rendered = allowlist([d for d, _ in pairs], fmt, now, origin, carved)
        return Response(rendered.text, media_type=rendered.media_type,
                        headers={"X-Entries": str(rendered.written)})
    entries = [feeds_format.FeedEntry(value=d, kind="domain", state=o.split(":")[1])
               for d, o in pairs]
    try:
        rendered = feeds_format.render(fmt, entries, **({"origin": origin} if fmt == "rpz"
                                                        else {}))
    except ValueError as exc:  # a bad origin
        raise HTTPException(422, str(exc)) from None
    return Response(rendered.text, media_type=rendered.media_type,
                    headers={"X-Entries": str(rendered.written)})
