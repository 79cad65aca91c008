"""Per-request cost of a DNS zone (RPZ, rbldnsd) with and without the zone cache.

    .venv/bin/python bench/zone_cache.py [--sources 100000] [--repeat 7] [--url URL]
                                         [--listed]

Fills a fresh database (SQLite in a temporary directory, or ``--url``, which must be an
empty database: PostgreSQL ``postgresql+psycopg://...``) with ``--sources`` blocked
sources (nine domains to one IPv4 address), each journalled as the registry does, then
prints, per zone, the median of ``--repeat`` calls (milliseconds):

* ``snapshot uncached``: :func:`lachan.registry.feeds.zone_snapshot` with
  ``cache=False``: every entry read, the zone hashed to decide its serial;
* ``snapshot cached``: the zone unchanged since the last call: the journal position
  read, the entries and serial as read before;
* ``request uncached``: what ``GET /v1/feeds/zone/{fmt}`` cost per request before the
  cache (after its decay pass): the snapshot read and the text rendered;
* ``request cached``: the same with the cache, the zone unchanged: the position read,
  the text as rendered before;
* ``request changed``: one more domain blocked before each call (the change itself
  not timed): the zone read (twice: it is renumbered) and rendered again.

Then ``sources.refresh_if_due``, the decay pass every feed request runs first (the
sources here are blocked, which it does not read: its floor).

With ``--listed`` the sources are ``listed`` (by their numbers, not pinned: what decay
moves), written as a database migrated to centre_0011 holds them (``decay_at`` not
known yet), with scores that no pass reaches for weeks. It prints, in milliseconds:

* ``before``: the decay pass as it was before centre_0011 (:func:`full_scan_refresh`,
  kept here: every suspected and listed source read, on every feed request), alone and
  with a cached RPZ request after it;
* ``first pass``: the first ``refresh_if_due`` after the migration (once): every source
  read, its ``decay_at`` written, the settings recorded;
* ``after``: ``refresh_if_due`` with nothing due (one read), alone and with the cached
  RPZ request after it;
* ``due``: ``--due`` sources made due before each call (not timed): the pass decays
  them (journalled), alone, and with the RPZ read, numbered and rendered again after.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lachan.registry import decisions, feeds, sources
from lachan.registry.settings import CentreSettings
from lachan.serve import feeds_format
from lachan.serve.api.feeds import ZONE_KINDS, zone_entries, zone_options
from lachan.store import bulk
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.tables_centre import Source, SourceChange, SourceDecay

ZONES = ("rpz", "dnsbl-domain", "dnsbl-ip")


def fill(db: Database, n: int, batch: int = 10_000, *, listed: bool = False) -> None:
    """``n`` sources, blocked (pinned), or with ``listed`` listed by their numbers
    (score 40 now, four verified reporters: listed for 28 days; ``decay_at`` not known)."""
    now = datetime.now(UTC)
    state = "listed" if listed else "blocked"
    for start in range(0, n, batch):
        rows = []
        for i in range(start, min(start + batch, n)):
            if i % 10 == 9:
                kind, value = "ip", f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"
            else:
                kind, value = "domain", f"lua-dao-{i}.top"
            rows.append(
                {
                    "kind": kind,
                    "value": value,
                    "state": state,
                    "pinned": not listed,
                    "revoked": False,
                    "appeal_pending": False,
                    "complaints": 4 if listed else 0,
                    "reporters": 4 if listed else 0,
                    "verified_reporters": 4 if listed else 0,
                    "detections": 0,
                    "detectors": 0,
                    "cat_ham": 0,
                    "cat_ad": 0,
                    "cat_scam": 1,
                    "score": 40.0 if listed else 5.0,
                    "score_at": now,
                    "first_seen": now,
                    "last_seen": now,
                }
            )
        with db.transaction() as s:
            ids = bulk.insert_rows(
                s.connection(), Source.__table__, rows, returning=("id", "kind", "value")
            )
            s.add_all(
                SourceChange(source_id=i, kind=k, value=v, state=state, listed=True, at=now)
                for i, k, v in ids
            )


def full_scan_refresh(session: Session, settings: CentreSettings, now: datetime) -> int:
    """``sources.refresh`` as it was before centre_0011 (for comparison): every suspected
    and listed source loaded, on every call."""
    changed = 0
    rows = session.execute(
        select(Source).where(Source.state.in_(("suspected", "listed")), Source.pinned.is_(False))
    ).scalars()
    for src in rows:
        new = sources.automatic_state(src, sources.current_score(src, settings, now), settings)
        if new != src.state:
            sources.set_state(session, src, new, now)
            changed += 1
    return changed


def median_ms(
    call: Callable[[], object], repeat: int, before: Callable[[], object] | None = None
) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def one_zone(db: Database, zone: str, repeat: int, change: Callable[[], None]) -> str:
    """One line of figures for ``zone``: the snapshot alone, then a whole request as
    ``render_zone`` serves it (snapshot, then the rendered text)."""
    kind = ZONE_KINDS[zone]

    def request(cache: bool) -> feeds_format.Rendered:
        snap = feeds.zone_snapshot(db, zone, kind, cache=cache)
        options = zone_options(snap.serial, zone)
        make = lambda: feeds_format.render(zone, zone_entries(snap), **options)  # noqa: E731
        return snap.derive(("rendered", zone), make) if cache else make()

    request(True)  # numbered and cached
    read = median_ms(lambda: feeds.zone_snapshot(db, zone, kind, cache=False), repeat)
    hit = median_ms(lambda: feeds.zone_snapshot(db, zone, kind), repeat)
    before = median_ms(lambda: request(False), repeat)
    cached = median_ms(lambda: request(True), repeat)
    changed = median_ms(lambda: request(True), repeat, before=change)
    entries = len(feeds.zone_snapshot(db, zone, kind).entries)
    return (
        f"{zone:13} {entries:>8,} {read:>9.1f} {hit:>9.2f} {before:>10.1f} {cached:>9.2f} "
        f"{changed:>9.1f}"
    )


def rpz_request(db: Database) -> feeds_format.Rendered:
    """The RPZ as ``render_zone`` serves it (cached, rendered once per snapshot)."""
    snap = feeds.zone_snapshot(db, "rpz", ZONE_KINDS["rpz"])
    options = zone_options(snap.serial, "rpz")
    return snap.derive(
        ("rendered", "rpz"), lambda: feeds_format.render("rpz", zone_entries(snap), **options)
    )


def decay_figures(db: Database, repeat: int, due: int) -> None:
    """The decay pass with every source listed: before centre_0011 and after."""
    settings = CentreSettings()

    def before() -> None:
        with db.transaction() as s:
            full_scan_refresh(s, settings, datetime.now(UTC))

    def after() -> None:
        sources.refresh_if_due(db, settings)

    made_due = iter(range(1, 10**9, 10))  # domains only (every tenth source is an ip)

    def make_due() -> None:  # ``due`` listed domains quiet for 60 days (not timed)
        ids = [next(made_due) for _ in range(due)]
        old = datetime.now(UTC) - timedelta(days=60)
        with db.transaction() as s:
            s.execute(
                update(Source)
                .where(Source.id.in_(ids))
                .values(score_at=old, decay_at=old)
                .execution_options(synchronize_session=False)
            )

    rpz_request(db)  # numbered and cached
    with db.read() as s:
        assert s.execute(select(SourceDecay.settings)).first() is None
    before()  # warm (statements compiled, pages cached), as for the passes after
    old_pass = median_ms(before, repeat)
    old_request = median_ms(lambda: (before(), rpz_request(db)), repeat)
    t = time.perf_counter()
    assert sources.refresh_if_due(db, settings) == 0
    first = (time.perf_counter() - t) * 1000
    new_pass = median_ms(after, repeat)
    cached = median_ms(lambda: rpz_request(db), repeat)
    new_request = median_ms(lambda: (after(), rpz_request(db)), repeat)
    due_pass = median_ms(after, repeat, before=lambda: (rpz_request(db), make_due()))
    due_request = median_ms(lambda: (after(), rpz_request(db)), repeat, before=make_due)
    print("milliseconds, median of --repeat (first pass: once)")
    for label, ms in (
        ("cached RPZ request alone (the zone cache)", cached),
        ("before: decay pass (every listed source read)", old_pass),
        ("before: decay pass + cached RPZ request", old_request),
        ("after:  first pass after the migration (once)", first),
        ("after:  decay pass, nothing due", new_pass),
        ("after:  decay pass + cached RPZ request", new_request),
        (f"after:  {due} due: decay pass alone", due_pass),
        (f"after:  {due} due: pass + RPZ read and rendered", due_request),
    ):
        print(f"{label:52} {ms:>10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--url", default=None, help="an empty database (default: SQLite)")
    parser.add_argument(
        "--listed", action="store_true", help="listed sources: the decay pass, before and after"
    )
    parser.add_argument("--due", type=int, default=100, help="with --listed: sources made due")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'zone.db'}"
        upgrade(url)
        db = Database(url)
        try:
            t = time.perf_counter()
            fill(db, args.sources, listed=args.listed)
            print(
                f"{db.dialect}: {args.sources:,} {'listed' if args.listed else 'blocked'} "
                f"sources (filled in {time.perf_counter() - t:.1f} s)"
            )
            if args.listed:
                decay_figures(db, args.repeat, args.due)
                return
            blocked = iter(range(10**9))

            def one_more() -> None:
                with db.transaction() as s:
                    decisions.decide(
                        s,
                        "domain",
                        f"moi-{next(blocked)}.top",
                        "block",
                        reason="bench",
                        actor="bench",
                    )

            print(
                "milliseconds, median of --repeat; snapshot: zone_snapshot alone; request: "
                "snapshot and rendered text, as GET /v1/feeds/zone/{fmt} (after refresh)"
            )
            print(
                f"{'':13} {'':>8} {'snapshot':>9} {'snapshot':>9} {'request':>10} "
                f"{'request':>9} {'request':>9}"
            )
            print(
                f"{'zone':13} {'entries':>8} {'uncached':>9} {'cached':>9} {'uncached':>10} "
                f"{'cached':>9} {'changed':>9}"
            )
            for zone in ZONES:
                print(one_zone(db, zone, args.repeat, one_more))

            def refresh() -> None:
                sources.refresh_if_due(db, CentreSettings())

            print(
                f"sources.refresh (decay pass before each feed request): "
                f"{median_ms(refresh, args.repeat):.2f}ms"
            )
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
