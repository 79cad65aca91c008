"""The spam-source registry: entities with a time-decayed reputation and a state.

State machine (``STATES``): a source starts ``unknown``; complaints and detections raise
its score, which decays with a half-life (:class:`~lachan.registry.settings.CentreSettings`);
crossing ``suspected_score`` makes it ``suspected``, crossing ``listed_score`` with enough
distinct *verified* reporters makes it ``listed`` (shared on the blocklist). A quiet source
decays back.

Verified reporters: a complaint sent without an API key (the public route) names a
reporter that nobody checked, so anyone could invent several. Such complaints count in
``reporters`` and raise the score (a source can become ``suspected`` for analysts to
triage) but not in ``verified_reporters``, which listing needs (``listed_min_reporters``).
Reporters that a channel vouches for (the SMS gateway's msisdn, complaints pushed with
an operator or other key) count in both.

Detections: an operator's filter (or the engine) reporting a source is machine
evidence. A key's detection of a source counts once per ``detection_window_hours``
(repeats, inside one request or across requests, add nothing), and detections alone
list a source only when ``listed_min_detectors`` different keys detected it and
``listed_min_detections`` detections counted (:func:`record_detections`).

Decisions pin a state (``blocked`` / ``cleared``); the official-channel registry makes a
source ``official`` (never listed automatically).

Every entry to or exit from the blocklist (``listed`` or ``blocked``) appends a row to
``source_changes``, whose id is the incremental feed's cursor.

Decay (:func:`refresh`, run before every feed request): a quiet source's score halves
every ``half_life_days``, and the state the numbers give (:func:`automatic_state`) falls
when the score drops below ``listed_score`` or ``suspected_score``. Every write of a score
also stores ``decay_at`` (:func:`decay_due`), the moment that can first happen with no new
event, so the pass reads only the suspected and listed sources whose moment has come
(an index on ``state, decay_at``): a request when nothing is due reads no source.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, exists, false, or_, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from lachan.registry import audit
from lachan.registry.clock import as_utc, iso, utcnow
from lachan.registry.normalise import KINDS, InvalidSource, normalise
from lachan.registry.settings import CentreSettings
from lachan.store import bulk
from lachan.store.session import Database
from lachan.store.tables_centre import (
    Decision,
    Source,
    SourceChange,
    SourceDecay,
    SourceDetector,
    SourceReporter,
)

STATES: tuple[str, ...] = ("unknown", "suspected", "listed", "blocked", "cleared", "official")
BLOCKLIST_STATES = frozenset({"listed", "blocked"})
CATEGORIES: tuple[str, ...] = ("ham", "ad", "scam")
#: How grave a complaint category is: a tie or a repeat goes to the graver one.
SEVERITY = {"ham": 0, "ad": 1, "scam": 2}

__all__ = [
    "KINDS",
    "STATES",
    "Detected",
    "Detection",
    "InvalidSource",
    "RegistryContext",
    "get_state",
    "lookup",
    "normalise",
    "record_complaint_event",
    "record_detection",
    "record_detections",
    "refresh",
    "refresh_if_due",
]


def decayed(score: float, since: datetime, now: datetime, half_life_days: float) -> float:
    """``score`` at ``since`` decayed to ``now`` with the given half-life."""
    if half_life_days <= 0:
        return score
    age_days = max(0.0, (as_utc(now) - as_utc(since)).total_seconds() / 86400.0)
    return score * math.pow(0.5, age_days / half_life_days)


def current_score(src: Source, settings: CentreSettings, now: datetime | None = None) -> float:
    return decayed(src.score, src.score_at, now or utcnow(), settings.half_life_days)


def automatic_state(src: Source, score: float, settings: CentreSettings) -> str:
    """The state the numbers give (ignores pinned decisions): listed needs the score and
    either enough verified reporters or enough counted detections from enough keys."""
    if score >= settings.listed_score and (
        src.verified_reporters >= settings.listed_min_reporters
        or (
            src.detections >= settings.listed_min_detections
            and src.detectors >= settings.listed_min_detectors
        )
    ):
        return "listed"
    if score >= settings.suspected_score:
        return "suspected"
    return "unknown"


#: ``decay_at`` of a source that decay never moves (its score is below every threshold,
#: or nothing decays): later than any time the decay pass is run at.
NEVER = datetime(9999, 1, 1, tzinfo=UTC)
#: The settings that decide when decay moves a source (what ``decay_at`` depends on,
#: with the thresholds of :func:`automatic_state`).
DECAY_SETTINGS: tuple[str, ...] = (
    "half_life_days",
    "suspected_score",
    "listed_score",
    "listed_min_reporters",
    "listed_min_detections",
    "listed_min_detectors",
)


def decay_due(
    score: float, at: datetime, settings: CentreSettings, now: datetime | None = None
) -> datetime:
    """When a score of ``score`` at ``at`` decays below the highest threshold
    (``listed_score``, ``suspected_score``) it reaches at ``now`` (default: at ``at``):
    the first moment after ``now`` that the state the numbers give
    (:func:`automatic_state`) can change with no new event, a microsecond early.
    :data:`NEVER` when it reaches none, or nothing decays."""
    if settings.half_life_days <= 0 or not score > 0:
        return NEVER
    current = score if now is None else decayed(score, at, now, settings.half_life_days)
    thresholds = (settings.listed_score, settings.suspected_score)
    reached = [t for t in thresholds if 0 < t <= current]
    if not reached:
        return NEVER
    days = settings.half_life_days * math.log2(score / max(reached))
    try:
        return as_utc(at) + timedelta(days=days) - timedelta(microseconds=1)
    except (OverflowError, ValueError):  # past year 9999 (an absurd score)
        return NEVER


_OFFICIAL_OWNER: list[Callable[[Session, str, str], str | None] | None] = []


def _official_owner_fn() -> Callable[[Session, str, str], str | None] | None:
    """``lachan.registry.official.official_owner``, looked up once (None when absent)."""
    if not _OFFICIAL_OWNER:
        try:
            from lachan.registry import official  # type: ignore[attr-defined]
        except ImportError:
            _OFFICIAL_OWNER.append(None)
        else:
            _OFFICIAL_OWNER.append(getattr(official, "official_owner", None))
    return _OFFICIAL_OWNER[0]


def _official_owner(session: Session, kind: str, value: str) -> str | None:
    """Owner from the official-channel registry, when that part is installed."""
    fn = _official_owner_fn()
    if fn is None:
        return None
    try:
        return fn(session, kind, value)
    except Exception:  # the official registry must never break a complaint
        return None


def set_state(
    session: Session, src: Source, new_state: str, now: datetime, *, journal: bool = True
) -> None:
    """Change ``src.state``; journal blocklist entries and exits for the feed (unless
    ``journal`` is false: the caller journals itself)."""
    old = src.state
    if old == new_state:
        return
    src.state = new_state
    if journal and (old in BLOCKLIST_STATES) != (new_state in BLOCKLIST_STATES):
        session.add(
            SourceChange(
                source_id=src.id,
                kind=src.kind,
                value=src.value,
                state=new_state,
                listed=new_state in BLOCKLIST_STATES,
                at=now,
            )
        )


def _new_values(kind: str, value: str, now: datetime) -> dict[str, Any]:
    return {
        "kind": kind,
        "value": value,
        "state": "unknown",
        "pinned": False,
        "revoked": False,
        "appeal_pending": False,
        "complaints": 0,
        "reporters": 0,
        "verified_reporters": 0,
        "detections": 0,
        "detectors": 0,
        "cat_ham": 0,
        "cat_ad": 0,
        "cat_scam": 0,
        "score": 0.0,
        "score_at": now,
        "first_seen": now,
        "last_seen": now,
        "decay_at": None,
    }


def _select_many(
    session: Session, keys: set[tuple[str, str]], lock: bool = False
) -> dict[tuple[str, str], Source]:
    """Load sources by key; with ``lock`` (PostgreSQL) take row locks, always in
    ``(kind, value)`` order so that concurrent batches cannot deadlock on each other."""
    by_kind: dict[str, list[str]] = {}
    for kind, value in sorted(keys):
        by_kind.setdefault(kind, []).append(value)
    found: dict[tuple[str, str], Source] = {}
    for kind, values in sorted(by_kind.items()):
        for i in range(0, len(values), bulk.CHUNK):
            q = select(Source).where(
                Source.kind == kind, Source.value.in_(values[i : i + bulk.CHUNK])
            )
            if lock:
                q = (
                    q.order_by(Source.value)
                    .with_for_update()
                    .execution_options(populate_existing=True)
                )
            for src in session.execute(q).scalars():
                found[(src.kind, src.value)] = src
    return found


def get_or_create_many(
    session: Session, keys: set[tuple[str, str]], now: datetime
) -> dict[tuple[str, str], Source]:
    """Source rows for already normalised ``(kind, value)`` keys, creating the new ones.

    Safe under concurrency: on PostgreSQL new rows are inserted ``ON CONFLICT DO NOTHING``
    and every row is then locked (``FOR UPDATE``) for the rest of the transaction, so
    counters are never lost to a concurrent update; SQLite writers are serialised by
    ``BEGIN IMMEDIATE``."""
    dialect = session.get_bind().dialect.name
    with session.no_autoflush:
        found = _select_many(session, keys)
        missing = sorted(keys - set(found))
        if missing:
            rows = [_new_values(k, v, now) for k, v in missing]
            if dialect in ("sqlite", "postgresql"):
                ins = sqlite_insert if dialect == "sqlite" else pg_insert
                stmt = ins(Source).on_conflict_do_nothing(index_elements=["kind", "value"])
                session.execute(stmt, rows)  # executemany: one cached statement
            else:
                session.add_all(Source(**r) for r in rows)
                session.flush()
        if dialect == "postgresql":
            return _select_many(session, keys, lock=True)
        if missing:
            found.update(_select_many(session, set(missing)))
    return found


def get_or_create(session: Session, kind: str, value: str, now: datetime) -> Source:
    """The source row for an already normalised ``(kind, value)``, created if new."""
    return get_or_create_many(session, {(kind, value)}, now)[(kind, value)]


def _apply(
    session: Session,
    src: Source,
    weight: float,
    now: datetime,
    settings: CentreSettings,
    *,
    journal: bool = True,
) -> None:
    src.score = current_score(src, settings, now) + weight
    src.score_at = now
    src.decay_at = decay_due(src.score, now, settings)
    src.last_seen = max(as_utc(src.last_seen), now)
    if src.pinned or src.state == "official":
        return
    new_state = automatic_state(src, src.score, settings)
    # Official channels are never listed: ask the official registry only when the
    # reputation would move the source up (rare), not on every event.
    if new_state != "unknown" and new_state != src.state:
        if _official_owner(session, src.kind, src.value):
            set_state(session, src, "official", now, journal=journal)
            return
    set_state(session, src, new_state, now, journal=journal)


def _bump_category(src: Source, category: str) -> None:
    if category == "scam":
        src.cat_scam += 1
    elif category == "ad":
        src.cat_ad += 1
    else:
        src.cat_ham += 1


def _unbump_category(src: Any, category: str) -> None:
    name = f"cat_{category if category in CATEGORIES else 'ham'}"
    setattr(src, name, max(0, getattr(src, name) - 1))


@dataclass(frozen=True, slots=True)
class ComplaintEvent:
    """One complaint counted against one (normalised) source. ``verified``: the
    channel vouches for the reporter (only such reporters count toward listing)."""

    kind: str
    value: str
    category: str
    reporter: str
    role: str
    verified: bool = False


_TABLE = Source.__table__
_COLUMNS = tuple(c.name for c in _TABLE.columns)
#: Columns complaints and detections change (written back in one statement per batch).
_WRITTEN = (
    "state",
    "complaints",
    "reporters",
    "verified_reporters",
    "detections",
    "detectors",
    "cat_ham",
    "cat_ad",
    "cat_scam",
    "score",
    "score_at",
    "last_seen",
    "decay_at",
)


class SourceRow:
    """A source's columns as a plain object, for the batch path of complaints: read with
    Core, changed in Python by the same rules as :class:`Source` (``_apply``,
    ``set_state``), written back in one statement. Not in the session's identity map."""

    __slots__ = _COLUMNS

    def __init__(self, row: Any) -> None:
        for name, value in zip(_COLUMNS, row, strict=True):
            setattr(self, name, value)


def _select_rows(
    session: Session, keys: set[tuple[str, str]], lock: bool = False
) -> dict[tuple[str, str], SourceRow]:
    """Like :func:`_select_many`, as :class:`SourceRow` (no ORM objects)."""
    by_kind: dict[str, list[str]] = {}
    for kind, value in sorted(keys):
        by_kind.setdefault(kind, []).append(value)
    found: dict[tuple[str, str], SourceRow] = {}
    conn = session.connection()
    for kind, values in sorted(by_kind.items()):
        for part in bulk.parts(conn, values):
            q = select(_TABLE).where(
                _TABLE.c.kind == kind, bulk.value_in(conn, _TABLE.c.value, part)
            )
            if lock:
                q = q.order_by(_TABLE.c.value).with_for_update()
            for row in conn.execute(q):
                src = SourceRow(row)
                found[(src.kind, src.value)] = src
    return found


def _fresh_row(key: tuple[str, str], now: datetime) -> SourceRow:
    """A new source's row (no ``id`` yet), to count in Python before it is inserted."""
    kind, value = key
    return SourceRow([_new_values(kind, value, now).get(c) for c in _COLUMNS])


def _insert_counted(
    session: Session, fresh: dict[tuple[str, str], SourceRow], now: datetime
) -> dict[tuple[str, str], SourceRow]:
    """Insert sources seen for the first time with the values already counted on their
    rows, in key order (``ON CONFLICT DO NOTHING``: where a concurrent request inserted
    the same source first, its row wins and the caller counts against that one). Sets
    the ``id`` of each row inserted, journals those that enter the blocklist (a new
    source's only journal entry), and returns them by key."""
    inserted = bulk.insert_rows(
        session.connection(),
        _TABLE,
        [{c: getattr(fresh[key], c) for c in _COLUMNS if c != "id"} for key in sorted(fresh)],
        on_conflict_nothing=["kind", "value"],
        returning=("id", "kind", "value"),
    )
    out: dict[tuple[str, str], SourceRow] = {}
    for sid, kind, value in inserted:
        src = fresh[(kind, value)]
        src.id = sid
        out[(kind, value)] = src
        if src.state in BLOCKLIST_STATES:
            session.add(
                SourceChange(
                    source_id=sid, kind=kind, value=value, state=src.state, listed=True, at=now
                )
            )
    return out


_PAIRS = SourceReporter.__table__
Pair = tuple[int, str]


def _new_reporter_pairs(session: Session, pairs: dict[Pair, bool]) -> tuple[set[Pair], set[Pair]]:
    """Insert ``(source_id, reporter)`` pairs with their ``verified`` flag. Returns the
    pairs that were not there yet (known pairs, or a concurrent request's, are skipped)
    and the pairs that became verified: new verified ones, and known unverified ones
    that a verified complaint now vouches for."""
    rows = [
        {"source_id": sid, "reporter": rep, "verified": verified}
        for (sid, rep), verified in sorted(pairs.items())
    ]
    inserted = bulk.insert_rows(
        session.connection(),
        _PAIRS,
        rows,
        on_conflict_nothing=True,
        returning=("source_id", "reporter"),
    )
    new = {(s, r) for s, r in inserted}
    verified = {p for p in new if pairs[p]}
    verified |= _verify_known_pairs(session, [p for p, v in pairs.items() if v and p not in new])
    return new, verified


def _verify_known_pairs(session: Session, pairs: list[Pair]) -> set[Pair]:
    """Mark known pairs verified; return those that were not verified yet (the source
    rows are locked, so no concurrent request counts the same change). One statement
    per :data:`~lachan.store.bulk.CHUNK` pairs."""
    conn = session.connection()
    out: set[Pair] = set()
    ordered = sorted(set(pairs))
    for i in range(0, len(ordered), bulk.CHUNK):
        stmt = (
            update(_PAIRS)
            .where(
                _PAIRS.c.verified == false(),
                tuple_(_PAIRS.c.source_id, _PAIRS.c.reporter).in_(ordered[i : i + bulk.CHUNK]),
            )
            .values(verified=True)
            .returning(_PAIRS.c.source_id, _PAIRS.c.reporter)
        )
        out.update((s, r) for s, r in conn.execute(stmt))
    return out


_PG_UPDATE = text(
    "UPDATE sources SET state = v.state, complaints = v.complaints, reporters = v.reporters,"
    " verified_reporters = v.verified_reporters, detections = v.detections,"
    " detectors = v.detectors,"
    " cat_ham = v.cat_ham, cat_ad = v.cat_ad, cat_scam = v.cat_scam, score = v.score,"
    " score_at = v.score_at, last_seen = v.last_seen, decay_at = v.decay_at"
    " FROM unnest(CAST(:id AS bigint[]), CAST(:state AS text[]),"
    " CAST(:complaints AS integer[]), CAST(:reporters AS integer[]),"
    " CAST(:verified_reporters AS integer[]), CAST(:detections AS integer[]),"
    " CAST(:detectors AS integer[]),"
    " CAST(:cat_ham AS integer[]), CAST(:cat_ad AS integer[]), CAST(:cat_scam AS integer[]),"
    " CAST(:score AS double precision[]), CAST(:score_at AS timestamptz[]),"
    " CAST(:last_seen AS timestamptz[]), CAST(:decay_at AS timestamptz[]))"
    " AS v(id, state, complaints, reporters, verified_reporters, detections, detectors,"
    " cat_ham, cat_ad, cat_scam, score, score_at, last_seen, decay_at)"
    " WHERE sources.id = v.id"
)
_UPDATE_MANY = (
    update(_TABLE)
    .where(_TABLE.c.id == bindparam("b_id"))
    .values({name: bindparam(f"b_{name}") for name in _WRITTEN})
)


def _write_rows(session: Session, rows: list[SourceRow]) -> None:
    """Write the changed columns of ``rows`` back: one statement on PostgreSQL (arrays
    through ``unnest``), one ``executemany`` elsewhere."""
    if not rows:
        return
    rows = sorted(rows, key=lambda r: r.id)
    conn = session.connection()
    if session.get_bind().dialect.name == "postgresql":
        params: dict[str, list[Any]] = {"id": [r.id for r in rows]}
        for name in _WRITTEN:
            params[name] = [getattr(r, name) for r in rows]
        conn.execute(_PG_UPDATE, params)
        return
    conn.execute(
        _UPDATE_MANY,
        [{"b_id": r.id, **{f"b_{n}": getattr(r, n) for n in _WRITTEN}} for r in rows],
    )


def _category_weight(category: str, settings: CentreSettings) -> float:
    weight = settings.complaint_weight
    if category == "scam":
        weight *= settings.scam_factor
    elif category == "ham":
        weight *= settings.ham_factor
    return weight


def _role_factor(role: str, settings: CentreSettings) -> float:
    return settings.content_factor if role == "content" else 1.0


def _count_event(
    session: Session,
    src: SourceRow,
    e: ComplaintEvent,
    new_reporter: bool,
    newly_verified: bool,
    settings: CentreSettings,
    now: datetime,
    journal: bool = True,
) -> None:
    """Count one complaint: ``new_reporter`` when the reporter is new to the source,
    ``newly_verified`` when a verified complaint of theirs reaches it for the first time."""
    weight = _category_weight(e.category, settings)
    if new_reporter:
        src.reporters += 1
        weight += settings.new_reporter_bonus
    if newly_verified:
        src.verified_reporters += 1
    weight *= _role_factor(e.role, settings)
    src.complaints += 1
    _bump_category(src, e.category)  # type: ignore[arg-type]
    _apply(session, src, weight, now, settings, journal=journal)  # type: ignore[arg-type]


def record_complaint_events(
    session: Session,
    events: list[ComplaintEvent],
    *,
    settings: CentreSettings,
    now: datetime | None = None,
) -> dict[tuple[str, str], SourceRow]:
    """Count many complaints against their sources in a few statements per batch (no
    audit entry: the complaints that cause them are audited). Returns the sources'
    rows as :class:`SourceRow` (their ``id``, counters and new ``state``).

    Sources seen for the first time are counted in Python and inserted with their
    final values (``ON CONFLICT DO NOTHING``, in key order); the others (and any that a
    concurrent request inserted first) are locked on PostgreSQL (``FOR UPDATE``, in key
    order, as :func:`get_or_create_many`), counted, and written back in one statement.

    The batch path works on plain rows with Core statements: do not hold a changed
    :class:`Source` object of the same sources in ``session`` across this call."""
    now = now or utcnow()
    if not events:
        return {}
    with session.no_autoflush:
        conn = session.connection()
        keys = {(e.kind, e.value) for e in events}
        found = _select_rows(session, keys)
        missing = sorted(keys - set(found))

        # New sources: every reporter is new to them; count without the database.
        fresh = {key: _fresh_row(key, now) for key in missing}
        # (source key, reporter) -> whether a verified complaint vouches for them
        seen_fresh: dict[tuple[tuple[str, str], str], bool] = {}
        for e in events:
            key = (e.kind, e.value)
            src = fresh.get(key)
            if src is not None:
                first = (key, e.reporter) not in seen_fresh
                was_verified = seen_fresh.get((key, e.reporter), False)
                seen_fresh[(key, e.reporter)] = was_verified or e.verified
                newly = e.verified and not was_verified
                _count_event(session, src, e, first, newly, settings, now, journal=False)
        srcs = _insert_counted(session, fresh, now)

        # Known sources, and new ones a concurrent request inserted first.
        rest = keys - set(srcs)
        if rest:
            if conn.dialect.name == "postgresql":
                known = _select_rows(session, rest, lock=True)
            else:  # SQLite: this transaction already holds the write lock
                known = {k: found[k] for k in rest if k in found}
                if len(known) < len(rest):
                    known.update(_select_rows(session, rest - set(known)))
            srcs.update(known)
            pairs: dict[Pair, bool] = {}
            for e in events:
                key = (e.kind, e.value)
                if key in known:
                    pair = (known[key].id, e.reporter)
                    pairs[pair] = pairs.get(pair, False) or e.verified
            new, verified = _new_reporter_pairs(session, pairs)
            touched: dict[int, SourceRow] = {}
            for e in events:
                src = known.get((e.kind, e.value))
                if src is None:
                    continue
                pair = (src.id, e.reporter)
                newly = e.verified and pair in verified
                _count_event(session, src, e, pair in new, newly, settings, now)
                new.discard(pair)
                if newly:
                    verified.discard(pair)
                touched[src.id] = src
            _write_rows(session, list(touched.values()))

        # Reporters of the new sources (all new to them).
        fresh_pairs = sorted(
            (srcs[key].id, rep, verified)
            for (key, rep), verified in seen_fresh.items()
            if fresh.get(key) is srcs[key]
        )
        if fresh_pairs:
            bulk.insert_rows(
                conn,
                _PAIRS,
                [{"source_id": sid, "reporter": rep, "verified": v} for sid, rep, v in fresh_pairs],
                on_conflict_nothing=True,
            )
    return srcs


def _select_rows_by_id(session: Session, ids: list[int]) -> dict[int, SourceRow]:
    """Source rows by id, locked on PostgreSQL (``FOR UPDATE``, in id order)."""
    conn = session.connection()
    lock = conn.dialect.name == "postgresql"
    found: dict[int, SourceRow] = {}
    for part in bulk.parts(conn, sorted(set(ids))):
        q = select(_TABLE).where(bulk.value_in(conn, _TABLE.c.id, part))
        if lock:
            q = q.order_by(_TABLE.c.id).with_for_update()
        for row in conn.execute(q):
            src = SourceRow(row)
            found[src.id] = src
    return found


@dataclass(frozen=True, slots=True)
class Recategorised:
    """A complaint already counted against a source (``role`` as linked) whose
    category is raised from ``old`` to ``new``."""

    source_id: int
    role: str
    old: str
    new: str


def recategorise(
    session: Session,
    changes: list[Recategorised],
    *,
    settings: CentreSettings,
    now: datetime | None = None,
) -> None:
    """Move counted complaints to a graver category (a scam-call report folded into an
    earlier spam-call report of the same call): one count moves from the old category to
    the new one, and the score gains the difference of their weights (the state follows,
    journalled for the feed as usual). No audit entry: the caller audits the complaint."""
    if not changes:
        return
    now = now or utcnow()
    with session.no_autoflush:
        rows = _select_rows_by_id(session, [c.source_id for c in changes])
        for c in changes:
            src = rows.get(c.source_id)
            if src is None:
                continue
            delta = _category_weight(c.new, settings) - _category_weight(c.old, settings)
            _unbump_category(src, c.old)
            _bump_category(src, c.new)  # type: ignore[arg-type]
            _apply(session, src, delta * _role_factor(c.role, settings), now, settings)  # type: ignore[arg-type]
        _write_rows(session, list(rows.values()))


def record_complaint_event(
    session: Session,
    kind: str,
    value: str,
    *,
    category: str,
    reporter: str,
    role: str,
    settings: CentreSettings,
    now: datetime | None = None,
    verified: bool = False,
) -> Source:
    """Count one complaint against an already normalised source (``verified``: the
    channel vouches for the reporter; only such reporters count toward listing)."""
    event = ComplaintEvent(kind, value, category, reporter, role, verified)
    return record_complaint_events(session, [event], settings=settings, now=now)[(kind, value)]  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Detection:
    """One detection of a source as an operator sent it (``value`` not normalised)."""

    kind: str
    value: str
    category: str = "scam"


@dataclass(frozen=True, slots=True)
class Detected:
    """What one detection did: the source (normalised) and its state afterwards, and
    whether the detection ``counted`` (False: the same key already counted this source
    within the window, or earlier in the same request)."""

    kind: str
    value: str
    state: str
    counted: bool
    source: SourceRow


_SD = SourceDetector.__table__
Key = tuple[str, str]


def _checked_detection(d: Detection) -> Key:
    """The normalised ``(kind, value)`` of a detection; :class:`InvalidSource` otherwise."""
    if d.category not in CATEGORIES:
        raise InvalidSource(f"unknown category {d.category[:20]!r}; expected ham, ad or scam")
    return d.kind, normalise(d.kind, d.value)


def _detection_weight(category: str, settings: CentreSettings, weight: float | None) -> float:
    w = settings.detection_weight if weight is None else weight
    if category == "scam":
        return w * settings.scam_factor
    if category == "ham":
        return w * settings.ham_factor
    return w


def _count_detection(
    session: Session,
    src: SourceRow,
    category: str,
    weight: float,
    settings: CentreSettings,
    now: datetime,
    *,
    journal: bool = True,
) -> None:
    src.detections += 1
    _bump_category(src, category)  # type: ignore[arg-type]
    _apply(session, src, weight, now, settings, journal=journal)  # type: ignore[arg-type]


def _detector_times(session: Session, ids: list[int], detector: str) -> dict[int, datetime]:
    """When ``detector`` last counted a detection of each of the sources ``ids``."""
    conn = session.connection()
    found: dict[int, datetime] = {}
    for part in bulk.parts(conn, sorted(ids)):
        q = select(_SD.c.source_id, _SD.c.counted_at).where(
            _SD.c.detector == detector, bulk.value_in(conn, _SD.c.source_id, part)
        )
        found.update((sid, at) for sid, at in conn.execute(q))
    return found


def _mark_counted(
    session: Session, new: list[int], again: list[int], detector: str, now: datetime
) -> None:
    """Remember that ``detector`` counted these sources at ``now``: a row for the sources
    it detects for the first time, a new time for those it detects again."""
    conn = session.connection()
    rows = [
        {"source_id": sid, "detector": detector, "first_at": now, "counted_at": now}
        for sid in sorted(new)
    ]
    bulk.insert_rows(conn, _SD, rows, on_conflict_nothing=True)
    for part in bulk.parts(conn, sorted(again)):
        conn.execute(
            update(_SD)
            .where(_SD.c.detector == detector, bulk.value_in(conn, _SD.c.source_id, part))
            .values(counted_at=now)
        )


def _insert_fresh(
    session: Session,
    wanted: dict[Key, str],
    missing: list[Key],
    weight: float | None,
    settings: CentreSettings,
    now: datetime,
) -> dict[Key, SourceRow]:
    """Sources detected for the first time: counted in Python (one detection by one key)
    and inserted with their final values (``ON CONFLICT DO NOTHING``: a concurrent
    request's row wins and the caller counts against it). Returns those inserted."""
    fresh: dict[Key, SourceRow] = {}
    for key in missing:
        src = _fresh_row(key, now)
        src.detectors = 1
        category = wanted[key]
        w = _detection_weight(category, settings, weight)
        _count_detection(session, src, category, w, settings, now, journal=False)
        fresh[key] = src
    return _insert_counted(session, fresh, now)


def _count_known(
    session: Session,
    known: dict[Key, SourceRow],
    wanted: dict[Key, str],
    detector: str,
    weight: float | None,
    settings: CentreSettings,
    now: datetime,
) -> set[Key]:
    """Count ``detector``'s detections of sources already in the registry (rows locked
    on PostgreSQL), each once per window; write the changed rows back. Returns the keys
    that counted."""
    since = now - timedelta(hours=settings.detection_window_hours)
    last = _detector_times(session, [src.id for src in known.values()], detector)
    new: list[int] = []
    again: list[int] = []
    counted: set[Key] = set()
    for key, src in sorted(known.items()):
        at = last.get(src.id)
        if at is not None and as_utc(at) > since:
            continue  # this key already counted this source within the window
        if at is None:
            src.detectors += 1
            new.append(src.id)
        else:
            again.append(src.id)
        category = wanted[key]
        _count_detection(
            session, src, category, _detection_weight(category, settings, weight), settings, now
        )
        counted.add(key)
    _mark_counted(session, new, again, detector, now)
    _write_rows(session, [known[k] for k in counted])
    return counted


def _graver_category(current: str | None, new: str) -> str:
    if current is None or SEVERITY[new] > SEVERITY[current]:
        return new
    return current


def _expire_loaded(session: Session, keys: set[Key]) -> None:
    """Expire ORM objects of ``keys`` the session holds: their rows were written with
    Core statements, so the next attribute access reads them again."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Source) and (obj.kind, obj.value) in keys:
            session.expire(obj)


def record_detections(
    session: Session,
    items: Sequence[Detection],
    *,
    actor: str = "system",
    settings: CentreSettings | None = None,
    now: datetime | None = None,
    weight: float | None = None,
) -> list[Detected | InvalidSource]:
    """Record detections of sources by one detector, ``actor`` (an operator's key, the
    engine), with a few statements per batch. One result per item, in order: what the
    detection did, or the :class:`InvalidSource` that refused it.

    A source counts once per request and once per ``settings.detection_window_hours``
    for the same ``actor`` (the gravest category given in the request counts); a
    counted detection raises ``detections``, the category count and the score, and the
    first one from a key raises ``detectors``. One audit entry covers the request."""
    settings = settings or CentreSettings()
    now = now or utcnow()
    detector = actor[:64]
    results: list[Detected | InvalidSource | None] = [None] * len(items)
    wanted: dict[Key, str] = {}  # key -> the gravest category given
    keyed: list[tuple[int, Key]] = []
    for i, d in enumerate(items):
        try:
            key = _checked_detection(d)
        except InvalidSource as exc:
            results[i] = exc
            continue
        keyed.append((i, key))
        wanted[key] = _graver_category(wanted.get(key), d.category)
    if not wanted:
        return [r for r in results if r is not None]
    session.flush()  # pending ORM changes reach the database before the Core reads
    with session.no_autoflush:
        srcs, counted, before = _record_wanted(session, wanted, detector, weight, settings, now)
        session.flush()  # journal rows of sources that entered or left the blocklist
    _expire_loaded(session, set(srcs))
    seen: set[Key] = set()
    for i, key in keyed:
        src = srcs[key]
        results[i] = Detected(key[0], key[1], src.state, key in counted and key not in seen, src)
        seen.add(key)
    _audit_detections(session, actor, len(items), srcs, counted, before)
    return [r for r in results if r is not None]


def _record_wanted(
    session: Session,
    wanted: dict[Key, str],
    detector: str,
    weight: float | None,
    settings: CentreSettings,
    now: datetime,
) -> tuple[dict[Key, SourceRow], set[Key], dict[Key, str]]:
    """Create, lock and count the sources of ``wanted``: their rows, the keys that
    counted, and each known source's state before."""
    keys = set(wanted)
    found = _select_rows(session, keys)
    missing = sorted(keys - set(found))
    srcs = _insert_fresh(session, wanted, missing, weight, settings, now)
    counted = set(srcs)
    if srcs:
        _mark_counted(session, [src.id for src in srcs.values()], [], detector, now)
    before: dict[Key, str] = {k: "unknown" for k in srcs}
    rest = keys - set(srcs)
    if rest:
        if session.get_bind().dialect.name == "postgresql":
            known = _select_rows(session, rest, lock=True)
        else:  # SQLite: this transaction already holds the write lock
            known = {k: found[k] for k in rest if k in found}
            if len(known) < len(rest):
                known.update(_select_rows(session, rest - set(known)))
        before.update((k, src.state) for k, src in known.items())
        counted |= _count_known(session, known, wanted, detector, weight, settings, now)
        srcs.update(known)
    return srcs, counted, before


def _audit_detections(
    session: Session,
    actor: str,
    received: int,
    srcs: dict[Key, SourceRow],
    counted: set[Key],
    before: dict[Key, str],
) -> None:
    """One audit entry for a request's counted detections (none when nothing counted:
    nothing was written)."""
    if not counted:
        return
    names = sorted(f"{k}:{v}" for k, v in counted)
    changes = {
        f"{k}:{v}": [before[(k, v)], srcs[(k, v)].state]
        for k, v in sorted(counted)
        if before[(k, v)] != srcs[(k, v)].state
    }
    audit.record(
        session,
        actor,
        "source.detection",
        names[0] if len(names) == 1 else "sources",
        {
            "received": received,
            "count": len(names),
            "sources": names[:1000],
            "states": dict(list(changes.items())[:1000]),
        },
    )


def record_detection(
    session: Session,
    kind: str,
    value: str,
    category: str = "scam",
    *,
    actor: str = "system",
    settings: CentreSettings | None = None,
    now: datetime | None = None,
    weight: float | None = None,
) -> SourceRow:
    """Record one detection of a source by ``actor`` (see :func:`record_detections`;
    it counts once per window per actor). Returns the source's row.

    ``value`` is normalised here; :class:`InvalidSource` for bad values."""
    (result,) = record_detections(
        session,
        [Detection(kind, value, category)],
        actor=actor,
        settings=settings,
        now=now,
        weight=weight,
    )
    if isinstance(result, InvalidSource):
        raise result
    return result.source


def find(session: Session, kind: str, value: str) -> Source | None:
    return session.execute(
        select(Source).where(Source.kind == kind, Source.value == value)
    ).scalar_one_or_none()


#: Read-only look-up built once (Core, no ORM object): the hot path of ``lookup``.
_FIND_ROW = select(Source.__table__).where(
    Source.__table__.c.kind == bindparam("k"), Source.__table__.c.value == bindparam("v")
)
_LAST_DECISION = (
    select(Decision.__table__.c.action, Decision.__table__.c.at, Decision.__table__.c.reason)
    .where(Decision.__table__.c.source_id == bindparam("sid"))
    .order_by(Decision.__table__.c.id.desc())
    .limit(1)
)


def find_row(session: Session, kind: str, value: str) -> Any:
    """The source's columns as a row (faster than :func:`find`), or None."""
    return session.connection().execute(_FIND_ROW, {"k": kind, "v": value}).first()


def effective_state(
    session: Session,
    src: Source | None,
    kind: str,
    value: str,
    settings: CentreSettings,
    now: datetime | None = None,
) -> tuple[str, float]:
    """State and decayed score right now (decay applied without writing)."""
    if src is None:
        return ("official" if _official_owner(session, kind, value) else "unknown"), 0.0
    score = current_score(src, settings, now)
    if src.pinned or src.state == "official":
        return src.state, score
    return automatic_state(src, score, settings), score


def get_state(
    session: Session, kind: str, value: str, settings: CentreSettings | None = None
) -> str:
    """The state of a source (``unknown`` when never seen); ``value`` is normalised here."""
    settings = settings or CentreSettings()
    canonical = normalise(kind, value)
    return effective_state(session, find(session, kind, canonical), kind, canonical, settings)[0]


def lookup(
    session: Session,
    kind: str,
    value: str,
    settings: CentreSettings | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """What may be shared about a source: state, score, counts (complaints, reporters,
    verified reporters, counted detections, detecting keys), categories, official owner,
    last decision. Never who reported or detected it."""
    settings = settings or CentreSettings()
    canonical = normalise(kind, value)
    src = find_row(session, kind, canonical)
    state, score = effective_state(session, src, kind, canonical, settings, now)
    out: dict[str, Any] = {
        "kind": kind,
        "value": canonical,
        "state": state,
        "score": round(score, 3),
        "official_owner": _official_owner(session, kind, canonical),
        "complaints": 0,
        "reporters": 0,
        "verified_reporters": 0,
        "detections": 0,
        "detectors": 0,
        "categories": {"ham": 0, "ad": 0, "scam": 0},
        "first_seen": None,
        "last_seen": None,
        "revoked": False,
        "appeal_pending": False,
        "last_decision": None,
    }
    if src is None:
        return out
    out.update(
        complaints=src.complaints,
        reporters=src.reporters,
        verified_reporters=src.verified_reporters,
        detections=src.detections,
        detectors=src.detectors,
        categories={"ham": src.cat_ham, "ad": src.cat_ad, "scam": src.cat_scam},
        first_seen=iso(src.first_seen),
        last_seen=iso(src.last_seen),
        revoked=src.revoked,
        appeal_pending=src.appeal_pending,
    )
    last = session.connection().execute(_LAST_DECISION, {"sid": src.id}).first()
    if last is not None:
        out["last_decision"] = {"action": last.action, "at": iso(last.at), "reason": last.reason}
    return out


#: States that decay moves (down) when the source is not pinned.
DECAYING: tuple[str, ...] = ("suspected", "listed")
_DECAY = SourceDecay.__table__


def decay_settings(settings: CentreSettings) -> str:
    """The settings that ``decay_at`` is computed with, as recorded in ``source_decay``."""
    return json.dumps({name: getattr(settings, name) for name in DECAY_SETTINGS}, sort_keys=True)


def _decaying() -> Any:
    return and_(_TABLE.c.state.in_(DECAYING), _TABLE.c.pinned.is_(False))


def _due(now: datetime) -> tuple[Any, Any]:
    """The decaying sources whose ``decay_at`` has come, and those whose ``decay_at`` is
    not known: two conditions, each a range of ``ix_sources_state_decay_at``, read apart
    (joined by OR in one condition, SQLite and PostgreSQL scan every decaying source's
    index entry)."""
    return (
        and_(_decaying(), _TABLE.c.decay_at <= bindparam("now", now)),
        and_(_decaying(), _TABLE.c.decay_at.is_(None)),
    )


def decay_pending(session: Session, settings: CentreSettings, now: datetime) -> bool:
    """Whether :func:`refresh` has anything to do at ``now``: a decaying source is due,
    or ``decay_at`` was computed with other settings (one statement, index look-ups)."""
    recorded = select(_DECAY.c.settings).where(_DECAY.c.id == 1).scalar_subquery()
    come, unknown = _due(now)
    row = session.execute(select(recorded, exists().where(come), exists().where(unknown))).one()
    return row[0] != decay_settings(settings) or bool(row[1]) or bool(row[2])


def _settings_changed(session: Session, settings: CentreSettings) -> bool:
    """Whether ``decay_at`` was computed with other settings than ``settings`` (or is not
    known: no row). Then the row is locked (made first when missing) until the caller
    records ``settings``, so that one pass at a time reads every source."""
    conn = session.connection()
    want = decay_settings(settings)
    q = select(_DECAY.c.settings).where(_DECAY.c.id == 1)
    if conn.execute(q).scalar_one_or_none() == want:
        return False
    bulk.insert_rows(conn, _DECAY, [{"id": 1, "settings": ""}], on_conflict_nothing=True)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    return conn.execute(q).scalar_one() != want


def _write_decay(session: Session, rows: list[SourceRow]) -> None:
    """Write back what a decay pass changes, ``state`` and ``decay_at``, in id order
    (:func:`lachan.store.bulk.update_rows`: one statement on PostgreSQL, one
    ``executemany`` elsewhere)."""
    if not rows:
        return
    conn = session.connection()
    decay_at = _TABLE.c.decay_at
    bulk.update_rows(conn, _TABLE, "id", ("state", "decay_at"),
                     [(r.id, r.state, bulk.db_value(conn, decay_at, r.decay_at))
                      for r in sorted(rows, key=lambda r: r.id)])


def _to_refresh(session: Session, full: bool, now: datetime) -> list[SourceRow]:
    """The rows a decay pass reads: every decaying source when ``full``, else those due
    (:func:`_due`). On PostgreSQL they are locked, in ``kind, value`` order (the order
    complaints lock sources in), and those due are read again under the lock: a source
    that a concurrent pass moved (or a complaint raised) meanwhile is left out."""
    conn = session.connection()
    pg = conn.dialect.name == "postgresql"
    order = (_TABLE.c.kind, _TABLE.c.value)
    if full:
        q = select(_TABLE).where(_decaying())
        return [
            SourceRow(r) for r in conn.execute(q.order_by(*order).with_for_update() if pg else q)
        ]
    come, unknown = _due(now)
    rows = [
        SourceRow(r) for cond in (come, unknown) for r in conn.execute(select(_TABLE).where(cond))
    ]
    if not pg or not rows:
        return rows
    q = (
        select(_TABLE)
        .where(bulk.value_in(conn, _TABLE.c.id, [r.id for r in rows]), or_(come, unknown))
        .order_by(*order)
        .with_for_update()
    )
    return [SourceRow(r) for r in conn.execute(q)]


def refresh(
    session: Session,
    settings: CentreSettings | None = None,
    now: datetime | None = None,
    actor: str = "system",
) -> int:
    """Let decay take effect: move quiet suspected/listed sources down. Returns how many
    changed (journalled for the feed, audited as one entry).

    Reads only the sources whose ``decay_at`` has come (or is not known), with an index:
    with nothing due it reads no source. Each one read takes the state its numbers give
    now and its next ``decay_at``. When ``decay_at`` was computed with other settings
    (``source_decay``), every suspected and listed source is read once, as each pass did
    before, and the settings are recorded. On PostgreSQL the rows read are locked (in
    ``kind, value`` order, as complaints lock them): concurrent passes journal a change
    once."""
    settings = settings or CentreSettings()
    now = now or utcnow()
    session.flush()  # pending ORM changes reach the database before the Core reads
    with session.no_autoflush:
        conn = session.connection()
        full = _settings_changed(session, settings)
        rows = _to_refresh(session, full, now)
        changed = 0
        written: list[SourceRow] = []
        for src in rows:
            new = automatic_state(src, current_score(src, settings, now), settings)  # type: ignore[arg-type]
            due = decay_due(src.score, src.score_at, settings, now)
            stored = src.decay_at
            if new != src.state:
                set_state(session, src, new, now)  # type: ignore[arg-type]
                changed += 1
            elif stored is not None and as_utc(stored) == due:
                continue
            src.decay_at = due
            written.append(src)
        _write_decay(session, written)
        if full:
            conn.execute(
                update(_DECAY).where(_DECAY.c.id == 1).values(settings=decay_settings(settings))
            )
        session.flush()  # the journal entries
    _expire_loaded(session, {(src.kind, src.value) for src in written})
    if changed:
        audit.record(session, actor, "sources.decay", "sources", {"changed": changed})
    return changed


def refresh_if_due(
    db: Database,
    settings: CentreSettings | None = None,
    now: datetime | None = None,
    actor: str = "system",
) -> int:
    """:func:`refresh` in its own transaction, when :func:`decay_pending` (read first, in
    a read transaction: a request with nothing due takes no write lock and reads no
    source). Returns how many sources changed."""
    settings = settings or CentreSettings()
    now = now or utcnow()
    with db.read() as session:
        if not decay_pending(session, settings, now):
            return 0
    with db.transaction() as session:
        return refresh(session, settings, now, actor)


class _Row:
    """The columns the state needs, read without loading an ORM object."""

    __slots__ = (
        "kind",
        "value",
        "state",
        "pinned",
        "score",
        "score_at",
        "reporters",
        "verified_reporters",
        "detections",
        "detectors",
    )

    def __init__(self, row: Any) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(row, name))


_ROW_COLUMNS = tuple(getattr(Source, name) for name in _Row.__slots__)


class RegistryContext:
    """:class:`lachan.domain.AnalysisContext` backed by the registry (read-only).

    Answers are cached for the life of the context (one request or one batch)."""

    def __init__(
        self,
        session_or_factory: Session | Callable[[], Any],
        settings: CentreSettings | None = None,
    ) -> None:
        self._source = session_or_factory
        self.settings = settings or CentreSettings()
        self._states: dict[tuple[str, str], str | None] = {}
        self._owners: dict[tuple[str, str], str | None] = {}
        self._rows: dict[tuple[str, str], _Row | None] = {}

    def prefetch(self, keys: set[tuple[str, str]]) -> None:
        """Load the registry rows of many ``(kind, value)`` at once (values normalised
        here; bad ones skipped), so that later look-ups need no query. The engine calls
        this with everything a batch will ask about."""
        self._with_session(lambda session: self._prefetch(session, keys))

    def _prefetch(self, session: Session, keys: set[tuple[str, str]]) -> None:
        by_kind: dict[str, set[str]] = {}
        for kind, value in keys:
            try:
                by_kind.setdefault(kind, set()).add(normalise(kind, value))
            except InvalidSource:
                continue
        with session.no_autoflush:
            for kind, values in by_kind.items():
                ordered = sorted(values)
                for v in ordered:
                    self._rows.setdefault((kind, v), None)
                conn = session.connection()
                for part in bulk.parts(conn, ordered):
                    rows = conn.execute(
                        select(*_ROW_COLUMNS).where(
                            Source.kind == kind, bulk.value_in(conn, Source.value, part)
                        )
                    )
                    for row in rows:
                        self._rows[(row.kind, row.value)] = _Row(row)

    def _with_session(self, fn: Callable[[Session], Any]) -> Any:
        if isinstance(self._source, Session):
            with self._source.no_autoflush:
                return fn(self._source)
        with self._source() as session:
            return fn(session)

    def source_state(self, kind: str, value: str) -> str | None:
        try:
            canonical = normalise(kind, value)
        except InvalidSource:
            return None
        key = (kind, canonical)
        if key in self._states:
            return self._states[key]

        def q(session: Session) -> str | None:
            if key in self._rows:
                cached = self._rows[key]
                if cached is None:
                    return "official" if self._owner(session, kind, canonical) else None
                return effective_state(session, cached, kind, canonical, self.settings)[0]  # type: ignore[arg-type]
            row = session.execute(
                select(*_ROW_COLUMNS).where(Source.kind == kind, Source.value == canonical)
            ).first()
            if row is None:
                return "official" if self._owner(session, kind, canonical) else None
            src = _Row(row)
            return effective_state(session, src, kind, canonical, self.settings)[0]  # type: ignore[arg-type]

        state = self._with_session(q)
        self._states[key] = state
        return state

    def _owner(self, session: Session, kind: str, canonical: str) -> str | None:
        key = (kind, canonical)
        if key not in self._owners:
            self._owners[key] = _official_owner(session, kind, canonical)
        return self._owners[key]

    def official_owner(self, kind: str, value: str) -> str | None:
        try:
            canonical = normalise(kind, value)
        except InvalidSource:
            return None
        return self._with_session(lambda s: self._owner(s, kind, canonical))
