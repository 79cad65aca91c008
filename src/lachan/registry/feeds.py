"""What the feeds publish: the blocklist (sources ``listed`` or ``blocked``), read
incrementally from the ``source_changes`` journal with a cursor, or in full.

Both carry, for each source, the same :class:`FeedItem` values: its ``state``, its
``score`` and dominant complaint ``category`` as the registry holds them, and
``updated_at``, the time of the journal entry that put it on (or took it off) the
blocklist, the ``at`` of the incremental feed.

An official channel (``lachan.registry.official``) is never on the blocklist, whatever
its source's state: a source blocked before its value became official is left out of
the full list and reported as removed (``listed`` false, state ``official``) by the
incremental one. The official registry journals that removal when the channel is added
(and a re-listing when it is removed), so a client whose cursor is past the source's
listing sees it too."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lachan.registry import official
from lachan.registry.clock import as_utc, iso
from lachan.registry.sources import BLOCKLIST_STATES, CATEGORIES, SEVERITY
from lachan.store.tables_centre import Source, SourceChange

FEED_KINDS: tuple[str, ...] = ("phone", "domain", "ip", "email", "url", "brandname")
MAX_PAGE = 10_000
#: Digits of a score in every feed (JSON, CSV, JSON Lines).
SCORE_DIGITS = 4


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One source as every feed publishes it (the attributes a feed format reads).

    ``category`` is the source's dominant complaint category (``scam``, ``ad``, ``ham``;
    empty when no complaint or detection has categorised it). ``updated_at`` is when the
    source last entered or left the blocklist; ``listed`` false means: remove it."""

    kind: str
    value: str
    state: str
    score: float
    category: str
    updated_at: datetime | None
    listed: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The incremental feed's JSON item."""
        return {
            "value": self.value,
            "state": self.state,
            "listed": self.listed,
            "at": iso(self.updated_at) if self.updated_at is not None else None,
            "score": round(self.score, SCORE_DIGITS),
            "category": self.category,
        }


def category_of(cat_ham: int, cat_ad: int, cat_scam: int) -> str:
    """The category most complaints gave the source (``""`` when none did)."""
    counts = {"ham": cat_ham or 0, "ad": cat_ad or 0, "scam": cat_scam or 0}
    best = max(CATEGORIES, key=lambda c: (counts[c], SEVERITY[c]))  # a tie: the graver
    return best if counts[best] > 0 else ""


_SOURCE_COLUMNS = (
    Source.id,
    Source.kind,
    Source.value,
    Source.state,
    Source.score,
    Source.cat_ham,
    Source.cat_ad,
    Source.cat_scam,
    Source.score_at,
)


def _sources_by_id(session: Session, ids: Iterable[int]) -> dict[int, Any]:
    wanted = sorted(set(ids))
    found: dict[int, Any] = {}
    for start in range(0, len(wanted), 1000):
        chunk = wanted[start : start + 1000]
        rows = session.execute(select(*_SOURCE_COLUMNS).where(Source.id.in_(chunk))).all()
        found.update((r.id, r) for r in rows)
    return found


def change_items(
    session: Session, kind: str, since: int = 0, limit: int = 1000
) -> tuple[list[FeedItem], int]:
    """Changes of ``kind`` after cursor ``since``: ``(items, next_cursor)``.

    Only the latest change per value in the page is returned. An entry still on the
    blocklist carries its source's state now (a block of a listed source is not a new
    journal entry); a removal carries the state it left for. ``next_cursor`` is the last
    journal id read (pass it back as ``since``); it equals ``since`` when nothing is new."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = (
        session.execute(
            select(SourceChange)
            .where(SourceChange.kind == kind, SourceChange.id > since)
            .order_by(SourceChange.id)
            .limit(limit)
        )
        .scalars()
        .all()
    )
    latest: dict[str, SourceChange] = {}
    for r in rows:
        latest.pop(r.value, None)
        latest[r.value] = r
    found = _sources_by_id(session, (r.source_id for r in latest.values()))
    is_official = official.official_matcher(session)
    items = []
    for r in latest.values():
        src = found.get(r.source_id)
        listed_now = r.listed and is_official(kind, r.value) is None
        if not listed_now and r.listed:
            state = "official"
        elif listed_now and src is not None and src.state in BLOCKLIST_STATES:
            state = src.state
        else:
            state = r.state
        items.append(
            FeedItem(
                kind=kind,
                value=r.value,
                state=state,
                score=float(src.score) if src is not None else 0.0,
                category=category_of(src.cat_ham, src.cat_ad, src.cat_scam) if src else "",
                updated_at=as_utc(r.at),
                listed=listed_now,
            )
        )
    return items, (rows[-1].id if rows else since)


def changes(
    session: Session, kind: str, since: int = 0, limit: int = 1000
) -> tuple[list[dict[str, Any]], int]:
    """:func:`change_items` as ``{value, state, listed, at}`` dicts (``listed`` false
    means: remove it)."""
    items, cursor = change_items(session, kind, since, limit)
    keys = ("value", "state", "listed", "at")
    return [{k: v for k, v in i.to_dict().items() if k in keys} for i in items], cursor


#: Added to the journal's counter to make a zone's SOA serial: above the clock-based
#: serials (Unix time, about 1.8e9) that earlier versions served, so secondaries take the
#: first change after an upgrade; room for 2.29e9 changes below 2**32.
ZONE_SERIAL_BASE = 2_000_000_000


def zone_serial(session: Session, kinds: Sequence[str]) -> int:
    """The SOA serial of a zone of ``kinds``: :data:`ZONE_SERIAL_BASE` plus the feed
    journal's last change to a source of those kinds. It stays the same while the
    zone's entries do (no needless transfers to DNS secondaries) and grows with every
    entry that enters or leaves it."""
    last = session.execute(
        select(func.coalesce(func.max(SourceChange.id), 0)).where(SourceChange.kind.in_(kinds))
    ).scalar_one()
    return ZONE_SERIAL_BASE + int(last)


def current_cursor(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(SourceChange.id), 0))).scalar_one())


def _listed_batches(
    session: Session, kind: str | None, columns: tuple[Any, ...], batch: int
) -> Iterator[list[Any]]:
    """The blocklist's source rows (``columns``, the first being ``Source.id``) in id
    order, a batch at a time, official channels left out."""
    is_official = official.official_matcher(session)
    last_id = 0
    while True:
        q = select(*columns).where(Source.state.in_(BLOCKLIST_STATES), Source.id > last_id)
        if kind is not None:
            q = q.where(Source.kind == kind)
        rows = session.execute(q.order_by(Source.id).limit(batch)).all()
        if not rows:
            return
        yield [r for r in rows if is_official(r.kind, r.value) is None]
        last_id = rows[-1][0]


def listed(
    session: Session, kind: str | None = None, batch: int = 5000
) -> Iterator[tuple[str, str, str]]:
    """Every source on the blocklist now, as ``(kind, value, state)``, in id order;
    official channels left out."""
    columns = (Source.id, Source.kind, Source.value, Source.state)
    for rows in _listed_batches(session, kind, columns, batch):
        for _id, k, v, s in rows:
            yield k, v, s


def _entered_at(session: Session, ids: list[int]) -> dict[int, datetime]:
    """When each source last entered the blocklist: its latest journal entry."""
    if not ids:
        return {}
    latest = (
        select(func.max(SourceChange.id))
        .where(SourceChange.source_id.in_(ids), SourceChange.listed.is_(True))
        .group_by(SourceChange.source_id)
    )
    rows = session.execute(
        select(SourceChange.source_id, SourceChange.at).where(SourceChange.id.in_(latest))
    ).all()  # one row a source, whatever the length of its history
    return {source_id: as_utc(at) for source_id, at in rows}


def entries(session: Session, kind: str | None = None, batch: int = 5000) -> Iterator[FeedItem]:
    """Every source on the blocklist now, with its score, category and ``updated_at``
    (the incremental feed's ``at`` for it), in id order; official channels left out."""
    for rows in _listed_batches(session, kind, _SOURCE_COLUMNS, batch):
        entered = _entered_at(session, [r.id for r in rows])
        for r in rows:
            at = entered.get(r.id)
            yield FeedItem(
                kind=r.kind,
                value=r.value,
                state=r.state,
                score=float(r.score),
                category=category_of(r.cat_ham, r.cat_ad, r.cat_scam),
                updated_at=at if at is not None else as_utc(r.score_at),
            )
