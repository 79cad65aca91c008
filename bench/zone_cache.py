"""Per-request cost of a DNS zone (RPZ, rbldnsd) with and without the zone cache.

    .venv/bin/python bench/zone_cache.py [--sources 100000] [--repeat 7] [--url URL]

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

Then ``sources.refresh``, the decay pass every feed request runs first (the sources here
are blocked, which it does not read: its floor).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from lachan.registry import decisions, feeds, sources
from lachan.registry.settings import CentreSettings
from lachan.serve import feeds_format
from lachan.serve.api.feeds import ZONE_KINDS, zone_entries, zone_options
from lachan.store import bulk
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.tables_centre import Source, SourceChange

ZONES = ("rpz", "dnsbl-domain", "dnsbl-ip")


def fill(db: Database, n: int, batch: int = 10_000) -> None:
    now = datetime.now(UTC)
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
                    "state": "blocked",
                    "pinned": True,
                    "revoked": False,
                    "appeal_pending": False,
                    "complaints": 0,
                    "reporters": 0,
                    "verified_reporters": 0,
                    "detections": 0,
                    "detectors": 0,
                    "cat_ham": 0,
                    "cat_ad": 0,
                    "cat_scam": 1,
                    "score": 5.0,
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
                SourceChange(source_id=i, kind=k, value=v, state="blocked", listed=True, at=now)
                for i, k, v in ids
            )


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--url", default=None, help="an empty database (default: SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'zone.db'}"
        upgrade(url)
        db = Database(url)
        try:
            t = time.perf_counter()
            fill(db, args.sources)
            print(
                f"{db.dialect}: {args.sources:,} blocked sources "
                f"(filled in {time.perf_counter() - t:.1f} s)"
            )
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
                with db.transaction() as s:
                    sources.refresh(s, CentreSettings())

            print(
                f"sources.refresh (decay pass before each feed request): "
                f"{median_ms(refresh, args.repeat):.2f}ms"
            )
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
