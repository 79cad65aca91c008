"""The blocklist feeds carry each source's real state, score, category and time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, event, select

from lachan.registry import decisions, feeds, official, sources
from lachan.registry.clock import as_utc, iso
from lachan.registry.settings import CentreSettings
from lachan.store.session import Database
from lachan.store.tables_centre import Source, SourceChange, SourceJournalHead

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
S = CentreSettings()


def _detect(db: Database, kind: str, value: str, category: str, times: int) -> None:
    """``times`` detections, each from another operator's key (a key counts once a day)."""
    with db.transaction() as s:
        for i in range(times):
            sources.record_detection(
                s, kind, value, category, actor=f"key:{category}{i}", settings=S, now=T0
            )


def _list_number(db: Database, value: str) -> None:
    """Twelve scam detections from twelve operators' keys: the number is listed."""
    _detect(db, "phone", value, "scam", S.listed_min_detections + 2)


def test_full_list_carries_score_category_and_listing_time(db: Database) -> None:
    _list_number(db, "0987654321")
    _detect(db, "domain", "shop-khuyenmai.vip", "ad", 2)
    _detect(db, "domain", "shop-khuyenmai.vip", "scam", 1)
    with db.transaction() as s:
        decisions.decide(s, "domain", "shop-khuyenmai.vip", "block", reason="ads", actor="t")
    with db.read() as s:
        assert sources.get_state(s, "phone", "0987654321", S) == "listed"
        items = {i.value: i for i in feeds.entries(s)}
        stored = {r.value: r for r in s.execute(select(Source)).scalars()}
        journal = {r.value: r.at for r in s.execute(select(SourceChange)).scalars()}
    phone, domain = items["0987654321"], items["shop-khuyenmai.vip"]
    assert (phone.state, phone.category) == ("listed", "scam")
    assert phone.score == pytest.approx(stored["0987654321"].score) and phone.score > 10
    assert phone.updated_at == as_utc(journal["0987654321"])
    assert (domain.state, domain.category) == ("blocked", "ad")
    assert domain.score == pytest.approx(stored["shop-khuyenmai.vip"].score)
    assert domain.score > 0
    assert domain.updated_at is not None


def test_incremental_feed_agrees_with_the_full_list(db: Database) -> None:
    _list_number(db, "0987654321")
    with db.transaction() as s:  # listed -> blocked is no new journal entry
        decisions.decide(s, "phone", "0987654321", "block", reason="confirmed", actor="t")
    with db.read() as s:
        (full,) = list(feeds.entries(s, "phone"))
        (change,), _ = feeds.change_items(s, "phone", 0)
    assert change.listed and change.state == full.state == "blocked"
    assert (change.score, change.category, change.updated_at) == (
        full.score, full.category, full.updated_at,
    )
    assert full.updated_at is not None
    assert change.to_dict() == {
        "value": "0987654321", "state": "blocked", "listed": True,
        "at": iso(full.updated_at), "score": round(full.score, 4), "category": "scam",
    }


def test_category_is_the_most_given_and_the_graver_on_a_tie() -> None:
    assert feeds.category_of(0, 0, 0) == ""
    assert feeds.category_of(3, 1, 0) == "ham"
    assert feeds.category_of(1, 2, 2) == "scam"
    assert feeds.category_of(2, 2, 0) == "ad"


def _block(db: Database, value: str, action: str = "block") -> None:
    with db.transaction() as s:
        decisions.decide(s, "domain", value, action, reason="phishing", actor="t")


def test_a_zones_first_serial_is_above_the_one_the_journal_gave(db: Database) -> None:
    """Secondaries that took a zone from a version that numbered it by the journal take
    the first zone this version serves."""
    for i in range(3):
        _block(db, f"lua-dao-{i}.top")
    with db.read() as s:
        old = feeds.ZONE_SERIAL_BASE + feeds.current_cursor(s)
    first = feeds.zone_snapshot(db, "dnsbl-domain")
    assert first.serial is not None and first.serial > old
    assert {v for _, v, _ in first.entries} == {f"lua-dao-{i}.top" for i in range(3)}
    assert feeds.zone_snapshot(db, "dnsbl-domain").serial == first.serial
    assert feeds.zone_snapshot(db, "hosts").serial is None  # a hosts file has none


def test_concurrent_readers_never_see_one_serial_name_two_contents(db: Database) -> None:
    """Zones read while domains are blocked one after another: each serial names one
    list, and each reader sees its serials grow with the list."""
    import threading

    seen: list[list[tuple[int, str]]] = [[] for _ in range(4)]
    errors: list[BaseException] = []
    done = threading.Event()

    def read(out: list[tuple[int, str]]) -> None:
        try:
            while not done.is_set():
                z = feeds.zone_snapshot(db, "dnsbl-domain")
                out.append((z.serial or 0, feeds.zone_digest(z.entries, ("domain",))))
        except BaseException as exc:  # noqa: BLE001 (reported by the test below)
            errors.append(exc)

    readers = [threading.Thread(target=read, args=(out,)) for out in seen]
    for t in readers:
        t.start()
    try:
        for i in range(8):
            _block(db, f"lua-dao-{i}.top")
    finally:
        done.set()
        for t in readers:
            t.join()
    assert not errors
    names: dict[int, set[str]] = {}
    for out in seen:
        assert out and all(b[0] >= a[0] for a, b in zip(out, out[1:], strict=False))
        for serial, digest in out:
            names.setdefault(serial, set()).add(digest)
    assert all(len(d) == 1 for d in names.values())
    last = feeds.zone_snapshot(db, "dnsbl-domain")
    assert len(last.entries) == 8 and last.serial is not None
    assert last.serial >= max(names)


class _Counted:
    """Calls of a function of :mod:`lachan.registry.feeds`, counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.calls = 0
        real = getattr(feeds, name)

        def counted(*args: object, **kwargs: object) -> object:
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(feeds, name, counted)


def _source_reads(db: Database) -> list[str]:
    """The statements that read ``sources`` from now on, on either engine of ``db``."""
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "FROM sources" in statement:
            seen.append(statement)

    for engine in {db.engine, db.read_engine}:
        event.listen(engine, "before_cursor_execute", note)
    return seen


def test_an_unchanged_zone_is_served_without_reading_it_again(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        _block(db, f"lua-dao-{i}.top")
    first = feeds.zone_snapshot(db, "dnsbl-domain", "domain")
    reads, digests = _Counted(monkeypatch, "listed"), _Counted(monkeypatch, "zone_digest")
    statements = _source_reads(db)
    again = feeds.zone_snapshot(db, "dnsbl-domain", "domain")
    assert again == first and (reads.calls, digests.calls, statements) == (0, 0, [])
    _block(db, "lua-dao-3.top")  # a change: the next request reads the zone
    changed = feeds.zone_snapshot(db, "dnsbl-domain", "domain")
    assert reads.calls >= 1 and digests.calls >= 1 and statements
    assert "lua-dao-3.top" in {v for _, v, _ in changed.entries}
    assert changed.serial is not None and first.serial is not None
    assert changed.serial > first.serial
    assert feeds.zone_snapshot(db, "dnsbl-domain", "domain", cache=False) == changed


def _worker(db: Database) -> Database:
    """Another worker on ``db``'s database: its own engines (and zone cache), the same
    audit seal key."""
    other = Database(db.url)
    for factory in (other.sessions, other.read_sessions):
        factory.configure(info=dict(db.sessions.kw.get("info", {})))
    return other


def test_a_change_made_by_another_worker_is_seen_at_the_next_request(db: Database) -> None:
    """Two workers, each with its own engine and cache: what one writes, the other
    serves at its next request (the cache is keyed by the database's journal)."""
    other = _worker(db)
    try:
        _block(db, "lua-dao-0.top")
        first = feeds.zone_snapshot(db, "rpz")
        assert feeds.zone_snapshot(other, "rpz") == first
        _block(other, "lua-dao-1.top")
        seen = feeds.zone_snapshot(db, "rpz")
        assert {v for _, v, _ in seen.entries} == {"lua-dao-0.top", "lua-dao-1.top"}
        assert seen.serial is not None and first.serial is not None
        assert seen.serial > first.serial
        _block(other, "lua-dao-1.top", "release")  # back to the first entries
        back = feeds.zone_snapshot(db, "rpz")
        assert back.entries == first.entries and back.serial is not None
        assert back.serial > seen.serial
        assert feeds.zone_snapshot(other, "rpz") == back
    finally:
        other.dispose()


def test_an_official_channel_added_elsewhere_leaves_the_zone_at_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another worker registers a blocked domain as official: this one's zone drops it at
    the next request, though its official registry cache still has the old channels."""
    _block(db, "thu-bank.vn")
    _block(db, "lua-dao.top")
    assert len(feeds.zone_snapshot(db, "dnsbl-domain", "domain").entries) == 2
    with db.read() as s:
        stale = official._load_index(s)
    monkeypatch.setattr(official, "_index", lambda _session: stale)  # another process's
    other = _worker(db)
    try:
        with other.transaction() as s:
            official.upsert_org(s, "thubank", name="Thu Bank", actor="t")
            official.add_channel(s, "thubank", "domain", "thu-bank.vn", actor="t")
    finally:
        other.dispose()
    zone = feeds.zone_snapshot(db, "dnsbl-domain", "domain")
    assert [v for _, v, _ in zone.entries] == ["lua-dao.top"]


def test_the_journal_position_moves_with_journalling_commits_only(db: Database) -> None:
    with db.read() as s:
        start = feeds.journal_position(s)
    with pytest.raises(RuntimeError), db.transaction() as s:  # rolled back: no change
        decisions.decide(s, "domain", "lua-dao.top", "block", reason="phishing", actor="t")
        raise RuntimeError
    with db.transaction() as s:  # a write that puts nothing on the blocklist
        sources.record_detection(s, "phone", "0987654321", "scam", actor="key:a", settings=S)
    with db.read() as s:
        assert feeds.journal_position(s) == start
    _block(db, "lua-dao.top")
    with db.read() as s:
        last, version, epoch = feeds.journal_position(s)
    assert last > start[0] and version == start[1] + 1 and epoch != start[2]


def test_the_zone_cache_keeps_a_bounded_number_of_zones(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feeds, "ZONE_CACHE_SIZE", 2)
    _block(db, "lua-dao.top")
    for zone, kind in [
        ("rpz", None),
        ("dnsbl-domain", "domain"),
        ("hosts", "domain"),
        ("dnsbl-ip", "ip"),
    ]:
        feeds.zone_snapshot(db, zone, kind)
    cache = feeds._zone_cache(db)
    assert len(cache) == 2
    reads = _Counted(monkeypatch, "listed")
    feeds.zone_snapshot(db, "dnsbl-ip", "ip")  # kept: the most recent
    assert reads.calls == 0
    feeds.zone_snapshot(db, "rpz")  # the oldest: no longer kept, read again
    assert reads.calls == 1 and len(cache) == 2


def test_the_journal_version_is_kept_when_its_row_was_removed(db: Database) -> None:
    with db.transaction() as s:
        s.execute(delete(SourceJournalHead))
    first = feeds.zone_snapshot(db, "dnsbl-domain", "domain")
    _block(db, "lua-dao.top")
    with db.read() as s:
        assert feeds.journal_position(s)[1] == 1
    _block(db, "lua-dao-2.top")
    with db.read() as s:
        assert feeds.journal_position(s)[1] == 2
    assert len(feeds.zone_snapshot(db, "dnsbl-domain", "domain").entries) == 2
    assert first.entries == []


def _empty(db: Database, head: tuple[int, str] | None = None) -> None:
    """Every table emptied and the journal's ids started again, as a restore of an empty
    backup (or a test's emptying) leaves them; with ``head``, the journal's head row
    as the backup held it (version, epoch)."""
    from sqlalchemy import text

    from lachan.store.base import Base

    with db.transaction() as s:
        for t in reversed(Base.metadata.sorted_tables):
            s.execute(delete(t))
        if s.get_bind().dialect.name == "postgresql":
            sequence = "pg_get_serial_sequence('source_changes', 'id')"
            s.execute(text(f"SELECT setval({sequence}, 1, false)"))
        if head is not None:
            s.add(SourceJournalHead(id=1, version=head[0], epoch=head[1]))


def _domains(db: Database) -> list[str]:
    return [v for _, v, _ in feeds.zone_snapshot(db, "dnsbl-domain", "domain").entries]


def test_a_zone_cached_before_the_tables_were_emptied_is_not_served_after(db: Database) -> None:
    _block(db, "lua-dao.top")
    assert _domains(db) == ["lua-dao.top"]
    _empty(db)
    _block(db, "other-scam.top")  # the same last id and version as lua-dao.top's
    assert _domains(db) == ["other-scam.top"]


def test_a_zone_cached_before_a_restore_is_not_served_after(db: Database) -> None:
    with db.transaction() as s:  # the backup: an empty blocklist, its journal at version 0
        s.execute(delete(SourceJournalHead))
        s.add(SourceJournalHead(id=1, version=0, epoch="backup"))
    _block(db, "lua-dao.top")
    assert _domains(db) == ["lua-dao.top"]
    _empty(db, head=(0, "backup"))  # restored
    _block(db, "other-scam.top")  # the same last id and version as lua-dao.top's
    assert _domains(db) == ["other-scam.top"]


def test_a_snapshot_shared_by_many_threads_derives_without_error() -> None:
    """FastAPI serves zones from a thread pool: requests share a cached snapshot and
    derive (render) from it at once; none fails, and it keeps no more than its bound."""
    import sys
    import threading

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch often: the race shows within a few rounds
    errors: list[str] = []
    try:
        for _ in range(60):
            snap = feeds.ZoneSnapshot([], 1)

            def render(thread: int, snap: feeds.ZoneSnapshot = snap) -> None:
                try:
                    for i in range(300):
                        assert snap.derive((thread, i), lambda i=i: i) == i
                except Exception as exc:  # noqa: BLE001
                    errors.append(repr(exc))

            threads = [threading.Thread(target=render, args=(t,)) for t in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert errors == []
    finally:
        sys.setswitchinterval(interval)


def test_a_group_of_derived_values_replaces_only_its_own() -> None:
    snap = feeds.ZoneSnapshot([], 1)
    made: list[str] = []

    def derive(key: str, group: str | None = None) -> str:
        return snap.derive(key, lambda: made.append(key) or key, group=group)

    derive("default")
    for i in range(50):  # keys a client chooses
        derive(f"origin-{i}", "origin")
    made.clear()
    assert derive("default") == "default" and made == []  # still kept
    assert derive("origin-49", "origin") == "origin-49" and made == []  # the last few too
    assert derive("origin-0", "origin") == "origin-0" and made == ["origin-0"]
