"""Complaints: dedupe, rate limits, pseudonyms and encryption at rest, links, purge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from lachan.registry import complaints as reg
from lachan.registry.complaints import ComplaintInput, EvidenceFile
from lachan.registry.privacy import SecretError, Vault
from lachan.registry.settings import CentreSettings
from lachan.store.session import Database
from lachan.store.tables_centre import Complaint, Evidence

VAULT = Vault(bytes(range(32)))
SCAM = "Tai khoan Vietcombank cua ban bi khoa, xac minh tai http://vcb-xacminh.top ngay"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture()
def db(db_url: str):
    database = Database(db_url)
    yield database
    database.dispose()


def _item(
    reporter: str = "0901234567", content: str = SCAM, source: str = "0987654321",
    channel: str = "sms", **kw
) -> ComplaintInput:
    return ComplaintInput(reporter=reporter, channel=channel, content=content, source=source,
                          **kw)


def test_created_with_links_and_encrypted_at_rest(db: Database) -> None:
    with db.transaction() as s:
        r = reg.submit(s, VAULT, _item(evidence=[EvidenceFile("shot.png", PNG)]))
    assert r.status == "created" and r.ref and r.source == ("phone", "0987654321")
    linked = {(k, v) for k, v, _ in r.sources}
    assert ("phone", "0987654321") in linked
    with db.read() as s:
        row = s.execute(select(Complaint)).scalar_one()
        ev = s.execute(select(Evidence)).scalar_one()
        assert b"vcb-xacminh" not in row.content_enc and b"Vietcombank" not in row.content_enc
        assert "0901234567" not in row.reporter and len(row.reporter) == 64
        assert PNG not in ev.data_enc and ev.size == len(PNG)
        full = reg.get(s, VAULT, r.ref)
    assert full is not None and full["content"] == SCAM
    assert full["evidence"][0]["media_type"] == "image/png"
    with db.read() as s, pytest.raises(SecretError):
        reg.get(s, Vault(b"x" * 32), r.ref)


def test_same_reporter_source_content_folds_within_window(db: Database) -> None:
    t0 = datetime(2026, 5, 1, 8, tzinfo=UTC)
    with db.transaction() as s:
        first = reg.submit(s, VAULT, _item(), now=t0)
        again = reg.submit(
            s, VAULT, _item(content=SCAM.upper() + "  "), now=t0 + timedelta(hours=3)
        )
        other = reg.submit(s, VAULT, _item(reporter="0907777777"), now=t0 + timedelta(hours=3))
        later = reg.submit(s, VAULT, _item(), now=t0 + timedelta(hours=30))
    assert again.status == "duplicate" and again.ref == first.ref
    assert other.status == "created" and other.ref != first.ref
    assert later.status == "created"
    with db.read() as s:
        counts = s.execute(select(Complaint.ref, Complaint.count)).all()
    assert dict(counts)[first.ref] == 2 and len(counts) == 3


def test_duplicates_inside_one_batch_fold(db: Database) -> None:
    with db.transaction() as s:
        results = reg.submit_many(s, VAULT, [_item(), _item(), _item(source="0987000000")])
    assert [r.status for r in results] == ["created", "duplicate", "created"]
    assert results[1].ref == results[0].ref


def test_reporter_rate_limit(db: Database) -> None:
    settings = CentreSettings(rate_per_hour=3)
    with db.transaction() as s:
        results = reg.submit_many(
            s, VAULT, [_item(source=f"098765432{i}") for i in range(5)], settings=settings
        )
        other = reg.submit(s, VAULT, _item(reporter="0908888888"), settings=settings)
    assert [r.status for r in results] == ["created"] * 3 + ["rate_limited"] * 2
    assert other.status == "created"


def test_self_declared_complaints_do_not_use_up_the_real_reporters_quota(db: Database) -> None:
    # anyone may name a number as reporter without a key; the number's owner reports
    # through the gateway, which vouches for him
    settings = CentreSettings(rate_per_hour=3)
    with db.transaction() as s:
        named = reg.submit_many(
            s, VAULT, [_item(source=f"098765432{i}") for i in range(4)], settings=settings)
        own = reg.submit(s, VAULT, _item(source="0977000111", reporter_verified=True),
                         settings=settings)
    assert [r.status for r in named] == ["created"] * 3 + ["rate_limited"]
    assert own.status == "created"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([EvidenceFile("a.exe", b"MZ")], "type not accepted"),
        ([EvidenceFile("a.png", b"GIF89a")], "not a .png"),
        ([EvidenceFile("a.pdf", b"")], "empty"),
        # shown to analysts as "hoadongnp.exe.png"... reversed: "hoadon" + "exe.png"
        ([EvidenceFile("hoadon\u202egnp.exe.png", PNG)], "text-direction"),
    ],
)
def test_bad_evidence_is_refused(db: Database, files, message: str) -> None:
    with db.transaction() as s, pytest.raises(reg.ComplaintError, match=message):
        reg.submit(s, VAULT, _item(evidence=files))


def test_oversized_evidence_is_refused(db: Database) -> None:
    big = b"%PDF-" + b"0" * (reg.MAX_EVIDENCE_BYTES)
    with db.transaction() as s, pytest.raises(ValueError, match="at most 5 MB of evidence"):
        reg.submit(s, VAULT, _item(evidence=[EvidenceFile("a.pdf", big)]))


def test_source_kind_is_inferred() -> None:
    assert reg.resolve_source(None, "scam@example.com") == ("email", "scam@example.com")
    assert reg.resolve_source(None, "VCB-XacMinh.top") == ("domain", "vcb-xacminh.top")
    assert reg.resolve_source(None, "http://x.example.com/a") == ("url", "http://x.example.com/a")
    assert reg.resolve_source(None, "+84912345678") == ("phone", "0912345678")
    assert reg.resolve_source(None, "VNPOST") == ("brandname", "VNPOST")
    assert reg.resolve_source(None, "   ") is None
    with pytest.raises(reg.InvalidSource):
        reg.resolve_source(None, "!!! ???")


def test_call_report_without_text_counts_as_advertising_call(db: Database) -> None:
    item = ComplaintInput(reporter="0901234567", channel="call", source="0987654321")
    with db.transaction() as s:
        r = reg.submit(s, VAULT, item)
    assert r.category == "ad"


def test_purge_removes_old_complaints_keeps_counters(db: Database) -> None:
    old = datetime.now(UTC) - timedelta(days=400)
    with db.transaction() as s:
        reg.submit(s, VAULT, _item(evidence=[EvidenceFile("a.png", PNG)]), now=old)
        keep = reg.submit(s, VAULT, _item(reporter="0907777777"))
    with db.transaction() as s:
        assert reg.purge(s, 365) == 1
    with db.read() as s:
        refs = s.execute(select(Complaint.ref)).scalars().all()
        assert refs == [keep.ref]
        assert s.execute(select(Evidence)).first() is None
        from lachan.registry import sources

        assert sources.lookup(s, "phone", "0987654321")["complaints"] == 2


def test_the_same_complaint_sent_twice_at_once_is_stored_once(db: Database) -> None:
    """Two requests carrying one complaint overlap: the second waits for the first and
    folds into it (PostgreSQL; SQLite writers take turns anyway)."""
    import threading

    second: list[reg.ComplaintResult] = []

    def send_again() -> None:
        with db.transaction() as s:
            second.append(reg.submit(s, VAULT, _item()))

    with db.transaction() as s:
        first = reg.submit(s, VAULT, _item())
        other = threading.Thread(target=send_again)
        other.start()
        other.join(timeout=1.0)  # it must not get past the first, still uncommitted
        if db.dialect == "sqlite":
            assert other.is_alive()  # waiting for the writer lock
    other.join()
    assert first.status == "created"
    assert second[0].status == "duplicate" and second[0].ref == first.ref
    with db.read() as s:
        counts = s.execute(select(Complaint.ref, Complaint.count)).all()
    assert counts == [(first.ref, 2)]


def test_an_ip_address_reported_without_its_kind_is_an_ip() -> None:
    assert reg.resolve_source(None, "203.0.113.7") == ("ip", "203.0.113.7")
    assert reg.resolve_source(None, "2001:db8::7") == ("ip", "2001:db8::7")
    assert reg.resolve_source(None, "[2001:db8::7]") == ("ip", "2001:db8::7")
    with pytest.raises(reg.InvalidSource, match="network"):
        reg.resolve_source(None, "198.51.100.0/24")


def test_a_look_alike_link_in_the_content_is_linked_as_written(db: Database) -> None:
    """The engine reads "vietcombаnk" (Cyrillic а) as "vietcombank"; the blocklist must get
    the host the message named, not a Latin name the sender never used."""
    content = "Tai khoan bi khoa, xac minh tai https://vietcomb\u0430nk-xacminh.com/login ngay"
    with db.transaction() as s:
        r = reg.submit(s, VAULT, _item(content=content))
    linked = {(k, v) for k, v, _ in r.sources}
    assert ("domain", "xn--vietcombnk-xacminh-ywo.com") in linked
    assert ("domain", "vietcombank-xacminh.com") not in linked
    with db.transaction() as s:
        r = reg.submit(s, VAULT, _item(reporter="0901234568",
                                       content="Nhận quà tại vcb-xacminh[.]top nhé bạn"))
    assert ("domain", "vcb-xacminh.top") in {(k, v) for k, v, _ in r.sources}


def _evidence_of(db: Database, ref: str) -> list[bytes]:
    with db.read() as s:
        full = reg.get(s, VAULT, ref)
        assert full is not None
        return [reg.evidence_file(s, VAULT, ref, e["id"])[2] for e in full["evidence"]]


def test_evidence_of_a_repeat_is_kept_with_the_earlier_complaint(db: Database) -> None:
    jpeg = b"\xff\xd8\xff" + b"\x01" * 40
    with db.transaction() as s:
        first = reg.submit(s, VAULT, _item(evidence=[EvidenceFile("a.png", PNG)]))
        again = reg.submit(s, VAULT, _item(evidence=[EvidenceFile("b.jpg", jpeg)]))
        retry = reg.submit(s, VAULT, _item(evidence=[EvidenceFile("b.jpg", jpeg)]))
    assert (again.status, again.ref, again.evidence_added) == ("duplicate", first.ref, 1)
    assert retry.evidence_added == 0  # the same bytes again are not stored twice
    assert _evidence_of(db, first.ref) == [PNG, jpeg]


def test_evidence_of_a_repeat_inside_one_batch_is_kept(db: Database) -> None:
    with db.transaction() as s:
        results = reg.submit_many(s, VAULT, [_item(), _item(evidence=[EvidenceFile("a.png", PNG)])])
    assert [r.status for r in results] == ["created", "duplicate"]
    assert results[1].evidence_added == 1
    assert _evidence_of(db, results[0].ref) == [PNG]


def test_a_repeat_whose_evidence_cannot_be_kept_is_refused(db: Database) -> None:
    files = [EvidenceFile(f"{n}.png", PNG + bytes([n])) for n in range(reg.MAX_EVIDENCE_FILES)]
    with db.transaction() as s:
        first = reg.submit(s, VAULT, _item(evidence=files))
        for n in range(1, reg.MAX_KEPT_EVIDENCE_FILES // reg.MAX_EVIDENCE_FILES):
            more = [EvidenceFile(f.filename, f.data + bytes([n])) for f in files]
            assert reg.submit(s, VAULT, _item(evidence=more)).evidence_added == len(files)
        over = reg.submit(s, VAULT, _item(evidence=[EvidenceFile("x.png", PNG + b"over")]))
    assert over.status == "refused" and over.ref is None
    assert "at most 20 files" in (over.error or "")
    with db.read() as s:
        row = s.execute(select(Complaint).where(Complaint.ref == first.ref)).scalar_one()
        n_files = len(s.execute(select(Evidence.id)).all())
    assert row.count == reg.MAX_KEPT_EVIDENCE_FILES // reg.MAX_EVIDENCE_FILES
    assert n_files == reg.MAX_KEPT_EVIDENCE_FILES


def test_only_the_filer_of_a_complaint_folds_a_repeat_into_it(db: Database) -> None:
    """QA: a repeat through another key, or without one, was folded into someone else's
    complaint and answered with its findings."""
    t0 = datetime(2026, 5, 1, 8, tzinfo=UTC)
    with db.transaction() as s:
        first = reg.submit(s, VAULT, _item(reporter_verified=True), actor="key:a", now=t0)
        retry = reg.submit(s, VAULT, _item(reporter_verified=True), actor="key:a", now=t0)
        others = [
            reg.submit(s, VAULT, _item(reporter_verified=True), actor="key:b", now=t0),
            reg.submit(s, VAULT, _item(), actor="key:a", now=t0),  # no longer vouched for
            reg.submit(s, VAULT, _item(), actor="public", now=t0),
            reg.submit(s, VAULT, _item(), actor="public", now=t0),
        ]
    assert (retry.status, retry.ref) == ("duplicate", first.ref)
    assert [r.status for r in others] == ["created"] * 4
    assert len({first.ref, *(r.ref for r in others)}) == 5
    with db.read() as s:
        counts = dict(s.execute(select(Complaint.ref, Complaint.count)).all())
        verified = dict(s.execute(select(Complaint.ref, Complaint.reporter_verified)).all())
    assert counts == {first.ref: 2, **{r.ref: 1 for r in others}}
    assert [verified[r.ref or ""] for r in others] == [True, False, False, False]


def test_a_call_report_without_words_does_not_fold_into_another_filers_call(
    db: Database,
) -> None:
    """Verified call reports fold whatever they say, but only those of one filer."""
    call = {"channel": "call", "reporter_verified": True}
    words = "goi noi la cong an, bao chuyen tien vao tai khoan 0123456789 Vietcombank"
    with db.transaction() as s:
        first = reg.submit(s, VAULT, _item(content=words, category="scam", **call),
                           actor="key:gw")
        empty = reg.submit(s, VAULT, _item(content="", channel="call"), actor="public")
        other = reg.submit(s, VAULT, _item(content="", **call), actor="key:op")
        same = reg.submit(s, VAULT, _item(content="", **call), actor="key:gw")
    assert (empty.status, other.status) == ("created", "created")
    assert empty.category == other.category == "ad" and first.category == "scam"
    assert not {"BANK_ACCOUNT", "MONEY_TRANSFER_REQUEST"} & set(empty.symbols + other.symbols)
    assert (same.status, same.ref) == ("duplicate", first.ref)
