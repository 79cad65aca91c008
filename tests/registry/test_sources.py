"""Spam-source reputation: decay, thresholds, states, look-up without reporter data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from lachan.registry import feeds, sources
from lachan.registry.settings import CentreSettings
from lachan.store.session import Database

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
S = CentreSettings()


def _complain(
    db: Database,
    value: str,
    reporter: str,
    category: str = "scam",
    at=T0,
    kind: str = "phone",
    role: str = "reported",
    verified: bool = True,
) -> str:
    with db.transaction() as s:
        src = sources.record_complaint_event(
            s,
            kind,
            value,
            category=category,
            reporter=reporter,
            role=role,
            settings=S,
            now=at,
            verified=verified,
        )
        return src.state


def test_decay_halves_per_half_life() -> None:
    assert sources.decayed(8.0, T0, T0 + timedelta(days=14), 14) == pytest.approx(4.0)
    assert sources.decayed(8.0, T0, T0 + timedelta(days=28), 14) == pytest.approx(2.0)
    assert sources.decayed(8.0, T0, T0 - timedelta(days=1), 14) == pytest.approx(8.0)


def test_one_reporter_cannot_list_a_number(db: Database) -> None:
    for i in range(10):
        state = _complain(db, "0987654321", "reporter-a", at=T0 + timedelta(minutes=i))
    assert state == "suspected"
    with db.read() as s:
        info = sources.lookup(s, "phone", "+84 987 654 321", S, now=T0 + timedelta(hours=1))
    assert info["complaints"] == 10 and info["reporters"] == 1
    assert info["state"] == "suspected"


def test_distinct_reporters_list_then_silence_unlists(db: Database) -> None:
    states = [_complain(db, "0987654321", f"r{i}") for i in range(4)]
    assert states[0] == "suspected"  # one scam complaint: 2 + 1 bonus = 3
    assert states[-1] == "listed"
    with db.read() as s:
        assert sources.get_state(s, "phone", "0987 654 321", S) == "listed"
        later = sources.lookup(s, "phone", "0987654321", S, now=T0 + timedelta(days=60))
    assert later["state"] == "unknown"  # 12 points after 60 days: ~0.6
    with db.transaction() as s:
        assert sources.refresh(s, S, now=T0 + timedelta(days=60)) == 1
    with db.read() as s:
        items, cursor = feeds.changes(s, "phone", 0)
    assert cursor == 2  # listed, then removed
    assert items == [
        {"value": "0987654321", "state": "unknown", "listed": False, "at": items[0]["at"]}
    ]


def test_self_declared_reporters_raise_the_score_but_never_list(db: Database) -> None:
    """Anyone can type four reporter numbers into the public form: those complaints make
    the number suspected for triage, never listed; verified reporters then list it."""
    states = [_complain(db, "0987333333", f"0912340{i:03}", verified=False) for i in range(6)]
    assert states[0] == "suspected" and states[-1] == "suspected"
    with db.read() as s:
        info = sources.lookup(s, "phone", "0987333333", S, now=T0)
        items, _ = feeds.changes(s, "phone", 0)
    assert info["score"] >= S.listed_score
    assert (info["reporters"], info["verified_reporters"]) == (6, 0)
    assert items == []  # never on the blocklist feed
    assert _complain(db, "0987333333", "0912340000") == "suspected"  # one of them, verified
    assert _complain(db, "0987333333", "0912340001") == "suspected"
    assert _complain(db, "0987333333", "0912340002") == "listed"
    with db.read() as s:
        info = sources.lookup(s, "phone", "0987333333", S, now=T0)
    assert (info["reporters"], info["verified_reporters"]) == (6, 3)


def test_ham_complaints_weigh_less_and_content_links_half(db: Database) -> None:
    _complain(db, "0911111111", "r1", category="ham")
    _complain(db, "0922222222", "r1", category="scam", role="content")
    with db.read() as s:
        ham = sources.lookup(s, "phone", "0911111111", S, now=T0)
        content = sources.lookup(s, "phone", "0922222222", S, now=T0)
    assert ham["score"] == pytest.approx(1.25)
    assert content["score"] == pytest.approx(1.5)
    assert ham["categories"] == {"ham": 1, "ad": 0, "scam": 0}


def test_detections_count_and_validate(db: Database) -> None:
    with db.transaction() as s:
        src = sources.record_detection(s, "domain", "VCB-XacMinh.TOP.", "scam", actor="op", now=T0)
        assert src.value == "vcb-xacminh.top"
        with pytest.raises(sources.InvalidSource):
            sources.record_detection(s, "domain", "not a domain", "scam")
        with pytest.raises(sources.InvalidSource):
            sources.record_detection(s, "ip", "1.2.3.4", "phishy")
    with db.read() as s:
        info = sources.lookup(s, "domain", "vcb-xacminh.top", S, now=T0)
    assert info["detections"] == 1 and info["score"] == pytest.approx(1.0)


def test_lookup_of_unknown_source_and_no_reporter_fields(db: Database) -> None:
    _complain(db, "0987654321", "secret-reporter-pseudonym")
    with db.read() as s:
        unknown = sources.lookup(s, "email", "Nobody@Example.COM", S)
        known = sources.lookup(s, "phone", "0987654321", S)
    assert unknown["state"] == "unknown" and unknown["value"] == "nobody@example.com"
    assert "secret-reporter-pseudonym" not in repr(known)
    counts = {"reporters", "verified_reporters"}  # how many, never who
    assert not any("reporter" in k and k not in counts for k in known)


@pytest.mark.parametrize(
    ("kind", "raw", "canonical"),
    [
        ("phone", "+84 912.345.678", "0912345678"),
        ("phone", "01662345678", "0362345678"),
        ("url", "HTTP://Vcb-XacMinh.top/login?id=1#x", "http://vcb-xacminh.top/login"),
        ("domain", "Ví-Dụ.VN", "xn--v-d-rma6749a.vn"),
        ("ip", "203.0.113.7", "203.0.113.7"),
        ("brandname", " vietcombank ", "VIETCOMBANK"),
        ("email", "Scam@MAIL.Example.com", "scam@mail.example.com"),
    ],
)
def test_normalise(kind: str, raw: str, canonical: str) -> None:
    assert sources.normalise(kind, raw) == canonical


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("phone", "12ab"),
        ("ip", "999.1.1.1"),
        ("url", "ftp://x.com/"),
        ("domain", "localhost"),
        ("email", "no-at-sign"),
        ("brandname", "12345"),
        ("phone", "0912\x00345678"),
        ("nosuchkind", "x"),
    ],
)
def test_normalise_rejects(kind: str, raw: str) -> None:
    with pytest.raises(sources.InvalidSource):
        sources.normalise(kind, raw)


def test_registry_context_answers_for_the_engine(db: Database) -> None:
    for i in range(4):
        _complain(db, "0987654321", f"r{i}", at=datetime.now(UTC))
    ctx = sources.RegistryContext(db.read, S)
    assert ctx.source_state("phone", "+84987654321") == "listed"
    assert ctx.source_state("phone", "0900000000") is None
    assert ctx.source_state("phone", "garbage") is None
    assert ctx.official_owner("phone", "garbage") is None


def _events(specs: list[tuple], prefix: str) -> list[sources.ComplaintEvent]:
    """Events from ``(value, category, reporter, role[, verified])``; verified by default."""
    return [
        sources.ComplaintEvent("phone", prefix + v[2:], cat, rep, role, *flag or [True])
        for v, cat, rep, role, *flag in specs
    ]


def test_batch_counts_like_one_event_at_a_time(db_url: str) -> None:
    """New sources (counted in Python, inserted once) and known ones (locked, updated)
    end with the same counters, score, state and feed journal as single events."""
    known = [
        ("0900000001", "scam", "r0", "reported"),
        ("0900000002", "ham", "r0", "content"),
        ("0900000005", "scam", "r5", "reported", False),  # self-declared reporter
    ]
    batch = [
        ("0900000001", "scam", "r1", "reported"),
        ("0900000001", "scam", "r2", "reported"),
        ("0900000003", "scam", "r1", "reported"),  # new: listed within the batch
        ("0900000003", "scam", "r2", "content"),
        ("0900000003", "scam", "r2", "reported"),  # same reporter again: no bonus
        ("0900000003", "scam", "r3", "reported"),
        ("0900000003", "scam", "r4", "reported"),
        ("0900000002", "ad", "r0", "reported"),
        ("0900000004", "ham", "r9", "content"),  # new, stays unknown
        ("0900000003", "scam", "u8", "reported", False),  # counts, but not as verified
        ("0900000005", "scam", "r5", "reported"),  # known pair, now vouched for
        ("0900000005", "scam", "r6", "reported", False),  # new pair: unverified ...
        ("0900000005", "scam", "r6", "reported"),  # ... then verified in the same batch
        ("0900000006", "scam", "r7", "reported", False),  # new source, same in Python
        ("0900000006", "scam", "r7", "reported"),
    ]
    results = {}
    for mode in ("batch", "single"):
        database = Database(db_url)
        try:
            prefix = "09" if mode == "batch" else "03"
            with database.transaction() as s:
                sources.record_complaint_events(s, _events(known, prefix), settings=S, now=T0)
            if mode == "batch":
                with database.transaction() as s:
                    out = sources.record_complaint_events(
                        s, _events(batch, prefix), settings=S, now=T0
                    )
                assert {k[1] for k in out} == {v for v, *_ in batch}
            else:
                for ev in _events(batch, prefix):
                    with database.transaction() as s:
                        sources.record_complaint_events(s, [ev], settings=S, now=T0)
            with database.read() as s:
                got = {}
                for v in sorted({v for v, *_ in batch}):
                    info = sources.lookup(s, "phone", prefix + v[2:], S, now=T0)
                    wanted = ("state", "score", "complaints", "reporters", "verified_reporters")
                    got[v] = {k: info[k] for k in wanted}
                    got[v]["categories"] = info["categories"]
                items, _ = feeds.changes(s, "phone", 0)
                got["journal"] = sorted(
                    ("09" + i["value"][2:], i["state"])
                    for i in items
                    if i["value"].startswith(prefix)
                )
            results[mode] = got
        finally:
            database.dispose()
    assert results["batch"] == results["single"]
    assert results["batch"]["0900000003"]["state"] == "listed"
    assert results["batch"]["0900000003"]["reporters"] == 5
    assert results["batch"]["0900000003"]["verified_reporters"] == 4
    five, six = results["batch"]["0900000005"], results["batch"]["0900000006"]
    assert (five["reporters"], five["verified_reporters"]) == (2, 2)
    assert five["state"] == "suspected"  # score 10, but two verified reporters of three
    assert (six["reporters"], six["verified_reporters"]) == (1, 1)
    assert results["batch"]["0900000004"]["state"] == "unknown"
    assert results["batch"]["journal"] == [("0900000003", "listed")]
