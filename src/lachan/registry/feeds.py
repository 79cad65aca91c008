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
listing sees it too.

Zones (:func:`zone_snapshot`) are kept in each process, by database, against the
journal's position (:func:`journal_position`): while it has not moved, a request for a
zone reads only the position and serves the entries and serial read before; any entry to
or exit from the blocklist, made by any process, moves it."""

from __future__ import annotations

import hashlib
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from lachan.registry import official
from lachan.registry.clock import as_utc, iso, utcnow
from lachan.registry.sources import BLOCKLIST_STATES, CATEGORIES, SEVERITY
from lachan.store import bulk
from lachan.store.session import Database
from lachan.store.tables_centre import Source, SourceChange, SourceJournalHead, ZoneSerial

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


#: Zones with a serial (RPZ SOA, rbldnsd), and the kinds of source they carry.
SERIAL_KINDS: dict[str, tuple[str, ...]] = {
    "rpz": ("domain", "ip"),
    "dnsbl-ip": ("ip",),
    "dnsbl-domain": ("domain",),
}
#: Where a zone's serials start: above the clock-based serials (Unix time, about 1.8e9)
#: of early versions. A zone numbered for the first time starts above the serial that
#: the versions before gave it (this plus the feed journal's last id).
ZONE_SERIAL_BASE = 2_000_000_000
#: Attempts to number a changed zone when a concurrent request numbered it first.
ZONE_ATTEMPTS = 5


#: Zones kept per database and process, by ``(zone, kind)`` (each at one journal position).
ZONE_CACHE_SIZE = 8
#: What is derived from one zone snapshot and kept with it (:meth:`ZoneSnapshot.derive`):
#: the last this many keys of no group...
ZONE_DERIVED_SIZE = 8
#: ...and of each group (such as the renders for an origin a client chose: any number of
#: origins can be asked for, and they must not push out the zone everyone is served).
ZONE_DERIVED_PER_GROUP = 4
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ZoneSnapshot:
    """A zone's entries, ``(kind, value, state)`` as :func:`listed` gives them, and the
    serial of exactly those entries (None for a zone without a serial).

    A snapshot may be served from the cache to many requests: its ``entries`` are not to
    be changed. It may carry a source's state as it was when the zone was read: a
    listed source that was blocked since is in it as ``listed`` (a change of state within
    the blocklist is no journal entry, and no zone shows the state)."""

    entries: list[tuple[str, str, str]]
    serial: int | None
    _derived: dict[str | None, OrderedDict[Any, Any]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, compare=False, repr=False
    )

    def derive(self, key: Any, make: Callable[[], T], *, group: str | None = None) -> T:
        """``make()`` (something computed from this snapshot alone, such as the zone
        rendered with given options, named by ``key``), kept with the snapshot: while the
        zone is served from the cache it is computed once. The last
        :data:`ZONE_DERIVED_SIZE` keys of no group are kept, and the last
        :data:`ZONE_DERIVED_PER_GROUP` of each ``group``, so that keys a client chooses
        (a group) replace only each other. Thread-safe: requests served from the
        thread pool share snapshots (``make`` runs outside the lock, so two requests
        that miss at once may both compute it)."""
        with self._lock:
            kept = self._derived.get(group)
            if kept is not None and key in kept:
                kept.move_to_end(key)
                return cast(T, kept[key])
        made = make()
        limit = ZONE_DERIVED_SIZE if group is None else ZONE_DERIVED_PER_GROUP
        with self._lock:
            kept = self._derived.setdefault(group, OrderedDict())
            kept[key] = made
            kept.move_to_end(key)
            while len(kept) > limit:
                kept.popitem(last=False)
        return made


#: Where the feed journal stands: its last id, its version and its epoch (see
#: :class:`lachan.store.tables_centre.SourceJournalHead`). It moves whenever a source
#: enters or leaves the blocklist or an official channel takes one off (or puts it back).
JournalPosition = tuple[int, int, str]


def journal_position(session: Session) -> JournalPosition:
    """The journal's last id, version and epoch, in one statement (index look-ups). The
    version is raised in commit order, which the ids are not on PostgreSQL; the id also
    moves for an entry written past the ORM (a migration); the epoch, drawn anew with
    each version, keeps a position from coming back after the tables were emptied or
    the database restored (``""`` while the head row is missing)."""
    head = SourceJournalHead.__table__
    last = select(func.coalesce(func.max(SourceChange.id), 0)).scalar_subquery()
    version = select(func.coalesce(func.max(head.c.version), 0)).scalar_subquery()
    epoch = select(func.coalesce(func.max(head.c.epoch), "")).scalar_subquery()
    row = session.execute(select(last, version, epoch)).one()
    return int(row[0]), int(row[1]), str(row[2])


class _ZoneCache:
    """The zones one process served from one database, each with the journal position
    it was read at; at most :data:`ZONE_CACHE_SIZE`, the least recently used leaving
    first. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._zones: OrderedDict[tuple[str, str | None], tuple[JournalPosition, ZoneSnapshot]]
        self._zones = OrderedDict()

    def get(self, key: tuple[str, str | None], position: JournalPosition) -> ZoneSnapshot | None:
        with self._lock:
            found = self._zones.get(key)
            if found is None or found[0] != position:
                return None
            self._zones.move_to_end(key)
            return found[1]

    def put(
        self, key: tuple[str, str | None], position: JournalPosition, snapshot: ZoneSnapshot
    ) -> None:
        with self._lock:
            for (_zone, kind), (at, other) in self._zones.items():
                if kind == key[1] and at == position:  # the same entries: keep one list
                    snapshot = ZoneSnapshot(other.entries, snapshot.serial)
                    break
            self._zones[key] = (position, snapshot)
            self._zones.move_to_end(key)
            while len(self._zones) > ZONE_CACHE_SIZE:
                self._zones.popitem(last=False)

    def __len__(self) -> int:
        return len(self._zones)


_zone_caches: weakref.WeakKeyDictionary[Database, _ZoneCache] = weakref.WeakKeyDictionary()
_zone_caches_lock = threading.Lock()


def _zone_cache(db: Database) -> _ZoneCache:
    with _zone_caches_lock:
        found = _zone_caches.get(db)
        if found is None:
            found = _zone_caches[db] = _ZoneCache()
        return found


def zone_digest(entries: Iterable[tuple[str, str, str]], kinds: Sequence[str]) -> str:
    """A stable digest of what a zone of ``kinds`` serves: its distinct ``kind, value``
    pairs in sorted order (the state does not show in a zone: every entry blocks)."""
    lines = sorted({f"{k}\t{v}" for k, v, _ in entries if k in kinds})
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def next_serial(serial: int) -> int:
    """The serial after ``serial``, in DNS serial arithmetic (RFC 1982: 32 bits, wraps)."""
    return (serial + 1) % 2**32


def zone_snapshot(
    db: Database, zone: str, kind: str | None = None, *, cache: bool = True
) -> ZoneSnapshot:
    """The blocklist's entries (of ``kind``, or all) and the serial of zone ``zone``,
    both from one snapshot of the database.

    The serial follows the content: while the zone's digest (:func:`zone_digest`) is the
    one last numbered, its serial stays; when it differs, the zone takes the next serial
    under a lock, so one serial never names two contents and every new content gets a
    higher serial than any served before (even one that returns to an earlier list).

    With ``cache`` (the default) a zone read before at the journal position the
    database is at now (:func:`journal_position`, one short read) is served as it was
    read, without reading the entries again; any change to the blocklist, made in this
    process or another, moves the position, and the next request reads the zone."""
    zones = _zone_cache(db) if cache else None
    if zones is not None:
        with db.read() as session:
            position = journal_position(session)
        found = zones.get((zone, kind), position)
        if found is not None:
            return found
    snapshot, position = _read_zone(db, zone, kind)
    if zones is not None:
        zones.put((zone, kind), position, snapshot)
    return snapshot


def _read_zone(db: Database, zone: str, kind: str | None) -> tuple[ZoneSnapshot, JournalPosition]:
    """:func:`zone_snapshot` read from the database, with the journal position of the
    snapshot it was read in. The official channels are read in that snapshot too (not
    the official registry's short-lived cache: a zone kept until the journal moves must
    not keep a channel added a moment ago)."""
    kinds = SERIAL_KINDS.get(zone)
    with db.read() as session:
        _one_snapshot(session)
        position = journal_position(session)
        entries = list(listed(session, kind, fresh_official=True))
        row = _serial_row(session, zone) if kinds else None
    if kinds is None:
        return ZoneSnapshot(entries, None), position
    if row is not None and row.digest == zone_digest(entries, kinds):
        return ZoneSnapshot(entries, int(row.serial)), position
    return _numbered(db, zone, kind, kinds)


def _one_snapshot(session: Session) -> None:
    """Have every statement of the session's transaction read one snapshot: REPEATABLE
    READ on PostgreSQL (called before the first statement). A SQLite transaction reads
    one snapshot already (WAL), and its writers take turns (``BEGIN IMMEDIATE``)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _serial_row(session: Session, zone: str, *, lock: bool = False) -> Any:
    q = select(ZoneSerial.digest, ZoneSerial.serial).where(ZoneSerial.zone == zone)
    return session.execute(q.with_for_update() if lock else q).first()


def _numbered(
    db: Database, zone: str, kind: str | None, kinds: Sequence[str]
) -> tuple[ZoneSnapshot, JournalPosition]:
    """Read the zone again with its serial row locked, and number it when its content
    changed. On PostgreSQL a request whose snapshot began before another one numbered
    the zone fails to lock the row (serialisation failure) and starts again with a fresh
    snapshot: a serial is only ever given to content at least as new as the last one."""
    for attempt in range(ZONE_ATTEMPTS):
        try:
            with db.transaction() as session:
                _one_snapshot(session)
                row = _locked_serial_row(session, zone, kinds)
                position = journal_position(session)
                entries = list(listed(session, kind, fresh_official=True))
                digest = zone_digest(entries, kinds)
                serial = int(row.serial)
                if row.digest != digest:
                    serial = next_serial(serial)
                    session.execute(
                        update(ZoneSerial)
                        .where(ZoneSerial.zone == zone)
                        .values(digest=digest, serial=serial, changed_at=utcnow())
                    )
                return ZoneSnapshot(entries, serial), position
        except OperationalError:  # a concurrent request numbered the zone first
            if attempt == ZONE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _locked_serial_row(session: Session, zone: str, kinds: Sequence[str]) -> Any:
    """The zone's serial row, locked; made on the zone's first numbering with the serial
    that versions before this table served (:data:`ZONE_SERIAL_BASE` plus the journal's
    last change to ``kinds``), and no digest, so that it takes the next one."""
    row = _serial_row(session, zone, lock=True)
    if row is not None:
        return row
    last = session.execute(
        select(func.coalesce(func.max(SourceChange.id), 0)).where(SourceChange.kind.in_(kinds))
    ).scalar_one()
    bulk.insert_rows(
        session.connection(),
        ZoneSerial.__table__,
        [{"zone": zone, "digest": "", "serial": ZONE_SERIAL_BASE + int(last),
          "changed_at": utcnow()}],
        on_conflict_nothing=True,
    )
    return _serial_row(session, zone, lock=True)


def current_cursor(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(SourceChange.id), 0))).scalar_one())


def _listed_batches(
    session: Session,
    kind: str | None,
    columns: tuple[Any, ...],
    batch: int,
    *,
    fresh_official: bool = False,
) -> Iterator[list[Any]]:
    """The blocklist's source rows (``columns``, the first being ``Source.id``) in id
    order, a batch at a time, official channels (read in this session when
    ``fresh_official``, else as the official registry caches them) left out."""
    is_official = official.official_matcher(session, fresh=fresh_official)
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
    session: Session, kind: str | None = None, batch: int = 5000, *, fresh_official: bool = False
) -> Iterator[tuple[str, str, str]]:
    """Every source on the blocklist now, as ``(kind, value, state)``, in id order;
    official channels left out (read in ``session`` when ``fresh_official``)."""
    columns = (Source.id, Source.kind, Source.value, Source.state)
    for rows in _listed_batches(session, kind, columns, batch, fresh_official=fresh_official):
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
