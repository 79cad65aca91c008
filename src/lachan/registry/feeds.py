"""What the feeds publish: the blocklist (sources ``listed`` or ``blocked``), read
incrementally from the ``source_changes`` journal with a cursor, or in full.

An official channel (``lachan.registry.official``) is never on the blocklist, whatever
its source's state: a source blocked before its value became official is left out of
the full list and reported as removed (``listed`` false, state ``official``) by the
incremental one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lachan.registry import official
from lachan.registry.clock import iso
from lachan.store.tables_centre import Source, SourceChange

FEED_KINDS: tuple[str, ...] = ("phone", "domain", "ip", "email", "url", "brandname")
MAX_PAGE = 10_000


def changes(
    session: Session, kind: str, since: int = 0, limit: int = 1000
) -> tuple[list[dict[str, Any]], int]:
    """Changes of ``kind`` after cursor ``since``: ``(items, next_cursor)``.

    Each item is ``{value, state, listed, at}``; ``listed`` false means: remove it. Only the
    latest change per value in the page is returned. ``next_cursor`` is the last journal id
    read (pass it back as ``since``); it equals ``since`` when nothing is new."""
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
    is_official = official.official_matcher(session)
    items = []
    for r in latest.values():
        listed_now = r.listed and is_official(kind, r.value) is None
        state = r.state if listed_now or not r.listed else "official"
        items.append({"value": r.value, "state": state, "listed": listed_now, "at": iso(r.at)})
    return items, (rows[-1].id if rows else since)


def current_cursor(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(SourceChange.id), 0))).scalar_one())


def listed(
    session: Session, kind: str | None = None, batch: int = 5000
) -> Iterator[tuple[str, str, str]]:
    """Every source on the blocklist now, as ``(kind, value, state)``, in id order;
    official channels left out."""
    is_official = official.official_matcher(session)
    last_id = 0
    while True:
        q = select(Source.id, Source.kind, Source.value, Source.state).where(
            Source.state.in_(("listed", "blocked")), Source.id > last_id
        )
        if kind is not None:
            q = q.where(Source.kind == kind)
        rows = session.execute(q.order_by(Source.id).limit(batch)).all()
        if not rows:
            return
        for _id, k, v, s in rows:
            if is_official(k, v) is None:
                yield k, v, s
        last_id = rows[-1][0]
