"""Statistics for the authority: complaints per day by channel and category, top
sources, decisions, register sizes. Aggregates only: no reporter, no content."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lachan.registry.clock import as_utc, utcnow
from lachan.store.tables_centre import Complaint, Decision, DncEntry, Source

MAX_DAYS = 366


def summary(
    session: Session, days: int = 30, top: int = 10, now: datetime | None = None
) -> dict[str, Any]:
    days = max(1, min(days, MAX_DAYS))
    top = max(1, min(top, 100))
    now = now or utcnow()
    start = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)

    per_day: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"total": 0, "channels": defaultdict(int), "categories": defaultdict(int)}
    )
    rows = session.execute(
        select(Complaint.received_at, Complaint.channel, Complaint.category, Complaint.count).where(
            Complaint.received_at >= start
        )
    ).all()
    for at, channel, category, count in rows:
        day = as_utc(at).date().isoformat()
        entry = per_day[day]
        entry["total"] += count
        entry["channels"][channel] += count
        entry["categories"][category] += count
    daily = [
        {
            "day": d,
            "total": v["total"],
            "channels": dict(v["channels"]),
            "categories": dict(v["categories"]),
        }
        for d, v in sorted(per_day.items())
    ]
    top_rows = session.execute(
        select(Source.kind, Source.value, Source.state, Source.complaints, Source.reporters)
        .order_by(Source.complaints.desc(), Source.id)
        .limit(top)
    ).all()
    decisions = dict(
        session.execute(
            select(Decision.action, func.count())
            .where(Decision.at >= start)
            .group_by(Decision.action)
        ).all()
    )
    states = dict(session.execute(select(Source.state, func.count()).group_by(Source.state)).all())
    return {
        "from": start.date().isoformat(),
        "to": now.date().isoformat(),
        "days": daily,
        "top_sources": [
            {"kind": k, "value": v, "state": s, "complaints": c, "reporters": r}
            for k, v, s, c, r in top_rows
        ],
        "decisions": {k: int(v) for k, v in decisions.items()},
        "sources_by_state": {k: int(v) for k, v in states.items()},
        "dnc_numbers": int(
            session.execute(select(func.count()).select_from(DncEntry)).scalar_one()
        ),
    }
