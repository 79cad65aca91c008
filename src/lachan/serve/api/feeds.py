"""Feeds: the incremental blocklist (JSON or CSV with a cursor) and full zones for DNS
resolvers and filters (RPZ, rbldnsd ip4set/dnset, hosts, AdGuard)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from sqlalchemy.exc import OperationalError

from lachan.registry import feeds, sources
from lachan.registry.keys import Caller
from lachan.serve import feeds_format
from lachan.serve.auth import require_roles
from lachan.serve.deps import db_of, settings_of

router = APIRouter(prefix="/v1/feeds", tags=["feeds"])
READ = require_roles("operator", "gateway", "analyst")
ZONE_FORMATS = ("rpz", "dnsbl-ip", "dnsbl-domain", "hosts", "adblock")


def refresh(request: Request, caller: Caller) -> None:
    """Apply decay so quiet sources leave the feeds (journalled for the cursor): only
    the sources due, and nothing (one short read) when none is."""
    sources.refresh_if_due(db_of(request), settings_of(request), actor=caller.actor)


def _publishable(kind: str, value: str) -> bool:
    """Whether a feed may carry ``value``: IPs and domains must be valid as such."""
    if kind == "ip":
        return feeds_format.valid_ip(value) is not None
    if kind == "domain":
        return feeds_format.valid_hostname(value) is not None
    return True


@router.get(
    "/blocklist",
    responses={200: {
        "content": {"text/csv": {}},
        "headers": {"X-Next-Cursor": {
            "description": "format=csv: the cursor to pass as `since` next time",
            "schema": {"type": "integer"},
        }},
    }},
)
def blocklist(
    request: Request,
    kind: Literal["phone", "domain", "ip", "email", "url", "brandname"] = Query("phone"),
    format: Literal["json", "csv"] = Query("json"),
    since: int = Query(0, ge=0, le=2**31 - 1, description="Cursor from the previous answer"),
    limit: int = Query(1000, ge=1, le=feeds.MAX_PAGE),
    caller: Caller = Depends(READ),
) -> Any:
    """Changes to the blocklist after ``since``: entries to add (``listed: true``) or
    remove (``listed: false``: the source left the blocklist, or became an official
    channel, state ``official``), and ``next_cursor`` to pass as ``since`` next time.
    Each entry carries the source's ``state``, ``score`` and ``category`` and when it
    changed (``at``). ``format=csv`` has the columns ``value, kind, state, score,
    category, updated_at, listed`` (``true``/``false``) and gives the next cursor in the
    ``X-Next-Cursor`` header. Values that no feed can carry (an IPv6 address with a zone
    id stored before it was refused) are left out."""
    refresh(request, caller)
    with db_of(request).read() as session:
        items, cursor = feeds.change_items(session, kind, since, limit)
    items = [i for i in items if _publishable(kind, i.value)]
    if format == "json":
        return {
            "kind": kind,
            "since": since,
            "next_cursor": cursor,
            "items": [i.to_dict() for i in items],
        }
    rendered = feeds_format.csv_feed(items)
    return Response(
        rendered.text, media_type=rendered.media_type, headers={"X-Next-Cursor": str(cursor)}
    )


#: The kinds each zone format lists (None: every kind; the formatter picks).
ZONE_KINDS: dict[str, str | None] = {
    "rpz": None,
    "dnsbl-ip": "ip",
    "dnsbl-domain": "domain",
    "hosts": "domain",
    "adblock": "domain",
}
def zone_options(serial: int | None, fmt: str, origin: str | None = None) -> dict[str, Any]:
    """The formatter options of a zone: its serial (from
    :func:`lachan.registry.feeds.zone_snapshot`, with the entries) and, for RPZ, the
    origin."""
    options: dict[str, Any] = {}
    if serial is not None:
        options["serial"] = serial
    if fmt == "rpz" and origin:
        # as the RPZ writer reads it (lower case, no final dot, IDNA): one render for
        # every spelling of an origin; one that is no host name is refused by the writer
        options["origin"] = feeds_format.valid_hostname(origin) or origin
    return options


def zone_entries(snapshot: feeds.ZoneSnapshot) -> list[feeds_format.FeedEntry]:
    return [feeds_format.FeedEntry(value=v, kind=k, state=s) for k, v, s in snapshot.entries]


def render_zone(request: Request, fmt: str, origin: str | None = None) -> feeds_format.Rendered:
    """The zone ``fmt``: its entries and serial read in one snapshot, rendered once per
    snapshot and options (a zone unchanged since the last request is served as rendered
    then, its generation time included)."""
    try:
        snapshot = feeds.zone_snapshot(db_of(request), fmt, ZONE_KINDS[fmt])
    except OperationalError:
        raise HTTPException(503, "the zone is being renumbered; retry shortly") from None
    options = zone_options(snapshot.serial, fmt, origin)
    return snapshot.derive(
        ("rendered", fmt, tuple(sorted(options.items()))),
        lambda: feeds_format.render(fmt, zone_entries(snapshot), **options),
        # an origin a client chose: kept among the last few such, never in place of the
        # zone rendered with the default origin
        group="origin" if "origin" in options else None,
    )


@router.get(
    "/zone/{fmt}",
    responses={200: {"headers": {
        "X-Entries": {"description": "entries written", "schema": {"type": "integer"}},
        "X-Skipped": {"description": "entries left out, as reason=count pairs (too_long: "
                                     "an RPZ name too long for DNS under the origin)",
                      "schema": {"type": "string"}},
    }}},
)
def zone(
    fmt: Literal["rpz", "dnsbl-ip", "dnsbl-domain", "hosts", "adblock"],
    request: Request,
    origin: str | None = Query(None, max_length=200, description="RPZ zone origin"),
    caller: Caller = Depends(READ),
) -> Response:
    """The whole current blocklist as a zone or filter file. The SOA serial (RPZ) and
    the rbldnsd serial are read with the entries, in one snapshot: they stay while the
    zone's entries do and take a higher value whenever they change, never one served
    for other entries. Entries left
    out (an RPZ name too long for DNS under the origin, an invalid value) are counted in
    ``X-Skipped`` and, for names too long, in a comment line of the RPZ zone."""
    refresh(request, caller)
    rendered = render_zone(request, fmt, origin)
    headers = {"X-Entries": str(rendered.written)}
    if rendered.skipped_note:
        headers["X-Skipped"] = rendered.skipped_note
    return Response(rendered.text, media_type=rendered.media_type, headers=headers)
