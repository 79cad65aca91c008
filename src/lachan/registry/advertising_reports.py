"""Violation reports: per advertiser and rule over time (day or month, Vietnam time),
with the fine bands summed, as rows or CSV; and the violations of one advertiser, their
explanations and evidence decrypted (they quote the copies: stored encrypted)."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from lachan.ingest.times import ImplausibleTime, to_utc
from lachan.registry.advertising import AdvertisingError
from lachan.registry.advertising_recipients import Recipients, violation_text
from lachan.registry.clock import as_utc, iso
from lachan.store.tables_advertising import Advertiser
from lachan.store.tables_advertising import Violation as ViolationRow

PERIODS = ("day", "month")
REPORT_COLUMNS = (
    "period",
    "advertiser_id",
    "advertiser",
    "rule",
    "violations",
    "fine_min_vnd",
    "fine_max_vnd",
)


#: Reporting days are Vietnam days.
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_BARE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def report_bound(text: str, what: str, *, end: bool = False) -> datetime:
    """A report's ``since`` (``end`` false) or ``until`` (``end`` true) as aware UTC.

    A bare date (``2026-11-23``) is a Vietnam day, as the report's periods are: ``since``
    is its first moment (00:00 Vietnam time), ``until`` its last, so the day is included
    (``until`` is the start of the next Vietnam day, exclusive). A date and time is
    taken as given, in Vietnam time when it carries no offset; ``until`` is exclusive."""
    value = (text or "").strip()
    try:
        if _BARE_DATE.fullmatch(value):
            day = date.fromisoformat(value) + timedelta(days=1 if end else 0)
            return to_utc(datetime(day.year, day.month, day.day, tzinfo=VN_TZ), what)
        return to_utc(datetime.fromisoformat(value), what, naive=VN_TZ)
    except ImplausibleTime as exc:
        raise AdvertisingError(str(exc)) from None
    except (ValueError, OverflowError):
        raise AdvertisingError(
            f"{what} {value[:40]!r} is neither a date (YYYY-MM-DD, a Vietnam day) nor an "
            "ISO 8601 date and time (2026-11-23T08:00:00+07:00)"
        ) from None


def report_bounds(
    since: str | None, until: str | None
) -> tuple[datetime | None, datetime | None]:
    """:func:`report_bound` of both bounds; refuses an empty period (``since`` not
    before ``until``)."""
    lo = report_bound(since, "since") if since is not None else None
    hi = report_bound(until, "until", end=True) if until is not None else None
    if lo is not None and hi is not None and lo >= hi:
        raise AdvertisingError(f"since {since!r} is not before until {until!r}")
    return lo, hi


def _period_expr(session: Session, period: str) -> Any:
    if period not in PERIODS:
        raise AdvertisingError("period must be day or month")
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        fmt = "%Y-%m-%d" if period == "day" else "%Y-%m"
        return func.strftime(fmt, ViolationRow.sent_at, "+7 hours")
    fmt = "YYYY-MM-DD" if period == "day" else "YYYY-MM"
    return func.to_char(
        func.timezone(literal_column("'Asia/Ho_Chi_Minh'"), ViolationRow.sent_at), fmt
    )


def violation_report(
    session: Session,
    *,
    advertiser_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    period: str = "day",
    rule: str | None = None,
) -> list[dict[str, Any]]:
    """Rows ``{period, advertiser_id, advertiser, rule, violations, fine_min_vnd,
    fine_max_vnd}`` ordered by period, advertiser, rule."""
    p = _period_expr(session, period).label("period")
    q = (
        select(
            p,
            ViolationRow.advertiser_id,
            Advertiser.name,
            ViolationRow.rule,
            func.count().label("n"),
            func.sum(ViolationRow.fine_min_vnd),
            func.sum(ViolationRow.fine_max_vnd),
        )
        .join(Advertiser, Advertiser.id == ViolationRow.advertiser_id)
        .group_by(p, ViolationRow.advertiser_id, Advertiser.name, ViolationRow.rule)
        .order_by(p, ViolationRow.advertiser_id, ViolationRow.rule)
    )
    if advertiser_id is not None:
        q = q.where(ViolationRow.advertiser_id == advertiser_id)
    if since is not None:
        q = q.where(ViolationRow.sent_at >= as_utc(since))
    if until is not None:
        q = q.where(ViolationRow.sent_at < as_utc(until))
    if rule:
        q = q.where(ViolationRow.rule == rule[:40])
    return [
        {
            "period": per,
            "advertiser_id": adv,
            "advertiser": name,
            "rule": r,
            "violations": int(n),
            "fine_min_vnd": int(fmin or 0),
            "fine_max_vnd": int(fmax or 0),
        }
        for per, adv, name, r, n, fmin, fmax in session.execute(q)
    ]


def report_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REPORT_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: _cell(row[k]) for k in REPORT_COLUMNS})
    return buf.getvalue()


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is quoted (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def list_violations(
    session: Session,
    advertiser_id: int,
    *,
    limit: int = 100,
    after_id: int = 0,
) -> list[dict[str, Any]]:
    q = (
        select(ViolationRow)
        .where(ViolationRow.advertiser_id == advertiser_id, ViolationRow.id > after_id)
        .order_by(ViolationRow.id)
        .limit(max(1, min(limit, 1000)))
    )
    keyed = Recipients.of(session)  # explanations and evidence are stored encrypted
    return [
        {
            "id": v.id,
            "copy_id": v.copy_id,
            "rule": v.rule,
            "channel": v.channel,
            **violation_text(keyed, v),
            "fine": (
                {"min_vnd": v.fine_min_vnd, "max_vnd": v.fine_max_vnd}
                if v.fine_min_vnd is not None
                else None
            ),
            "sent_at": iso(v.sent_at),
        }
        for v in session.execute(q).scalars()
    ]
