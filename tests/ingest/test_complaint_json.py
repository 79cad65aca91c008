"""Complaint JSON models: limits, evidence checks, readable errors."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta, timezone

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.ingest.complaint_json import (
    MAX_BATCH,
    MAX_CONTENT_CHARS,
    MAX_EVIDENCE_BYTES,
    Complaint,
    ComplaintBatch,
    load_batch,
    load_complaint,
)
from lachan.ingest.errors import IngestError, MalformedComplaint, TooLarge

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"
AMR = b"#!AMR\n\x3c\x91\x17\x16"
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00"
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def complaint(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "reporter": "+84 912 345 678",
        "channel": "sms",
        "source": "VIETTEL-KM",
        "content": "Chuc mung ban trung thuong xe SH, bam http://quatang-sh.vip",
        "time": "2026-11-20T09:15:00+07:00",
    }
    body.update(overrides)
    return body


def load(body: dict[str, object]) -> Complaint:
    return load_complaint(orjson.dumps(body))


def test_valid_complaint_is_normalised() -> None:
    c = load(complaint())
    assert c.reporter == "0912345678"
    assert c.reporter_kind == "phone"
    assert c.channel == "sms"
    assert c.source == "VIETTEL-KM"
    assert c.time == datetime(2026, 11, 20, 2, 15, tzinfo=UTC)
    assert c.evidence == []


def test_email_reporter_and_naive_time_in_vietnam() -> None:
    c = load(complaint(reporter="Nguyen.An@Gmail.COM", time="2026-11-20T09:15:00",
                       channel="email"))
    assert c.reporter == "Nguyen.An@gmail.com"
    assert c.reporter_kind == "email"
    assert c.time.utcoffset() == timedelta(hours=7)


def test_time_defaults_to_now() -> None:
    body = complaint()
    del body["time"]
    before = datetime.now(UTC)
    c = load(body)
    assert before <= c.time <= datetime.now(UTC)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"reporter": "hello"}, "reporter must be a valid phone number"),
        ({"reporter": "156"}, "reporter must be a valid phone number"),
        ({"reporter": "a@b"}, "not a valid e-mail"),
        ({"channel": "fax"}, "channel"),
        ({"source": ""}, "source"),
        ({"source": "0912\n345678"}, "control characters"),
        ({"content": "x" * (MAX_CONTENT_CHARS + 1)}, "content"),
        ({"time": "yesterday"}, "time"),
        ({"time": 1763600000}, "ISO 8601"),
        ({"time": (datetime.now(UTC) + timedelta(days=3)).isoformat()}, "future"),
        ({"time": "1999-12-31T23:00:00Z"}, "before 2000"),
        ({"priority": "high"}, "priority: Extra inputs are not permitted"),
    ],
)
def test_invalid_fields_give_a_readable_error(override: dict[str, object], message: str) -> None:
    with pytest.raises(MalformedComplaint, match=message):
        load(complaint(**override))


def test_content_control_characters_are_removed_but_lines_kept() -> None:
    c = load(complaint(content="dong 1\ndong\x00 2\x07"))
    assert c.content == "dong 1\ndong 2"


@pytest.mark.parametrize(
    ("filename", "content_type", "data"),
    [
        ("anh chup.png", "image/png", PNG),
        ("ANH.JPG", "image/jpeg", JPG),
        ("anh.jpeg", "image/jpeg", JPG),
        ("ghi-am.amr", "audio/amr", AMR),
        ("ghi-am.mp3", "audio/mpeg", MP3),
        ("video.mp4", "video/mp4", MP4),
        ("hoa-don.pdf", "application/pdf; charset=binary", PDF),
    ],
)
def test_every_accepted_evidence_type(filename: str, content_type: str, data: bytes) -> None:
    c = load(complaint(evidence=[{"filename": filename, "content_type": content_type,
                                  "data": b64(data)}]))
    assert c.evidence[0].data == data
    assert c.evidence[0].extension == filename.rsplit(".", 1)[1].lower()


def test_data_url_prefix_is_accepted() -> None:
    ev = {"filename": "a.png", "content_type": "image/png",
          "data": "data:image/png;base64," + b64(PNG)}
    assert load(complaint(evidence=[ev])).evidence[0].data == PNG


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"filename": "virus.exe", "content_type": "image/png", "data": b64(PNG)},
         "not accepted"),
        ({"filename": "../../etc/a.png", "content_type": "image/png", "data": b64(PNG)},
         "plain file name"),
        ({"filename": "a.png", "content_type": "application/pdf", "data": b64(PNG)},
         "does not match"),
        ({"filename": "a.pdf", "content_type": "application/pdf", "data": b64(PNG)},
         "not a .pdf file"),
        ({"filename": "a.png", "content_type": "image/png", "data": "not base64!!"},
         "not valid base64"),
        ({"filename": "a.png", "content_type": "image/png", "data": ""}, "empty"),
        ({"filename": "a.png", "content_type": "image/png", "data": b64(PNG), "x": 1},
         "Extra inputs"),
    ],
)
def test_bad_evidence_is_refused(evidence: dict[str, object], message: str) -> None:
    with pytest.raises(MalformedComplaint, match=message):
        load(complaint(evidence=[evidence]))


def test_evidence_over_5_mb_is_refused() -> None:
    big = PNG + b"\x00" * (MAX_EVIDENCE_BYTES - len(PNG) + 1)
    ev = {"filename": "a.png", "content_type": "image/png", "data": b64(big)}
    with pytest.raises(MalformedComplaint, match="over 5 MB"):
        load(complaint(evidence=[ev]))
    ok = {"filename": "a.png", "content_type": "image/png", "data": b64(big[:-1])}
    assert len(load(complaint(evidence=[ok])).evidence[0].data) == MAX_EVIDENCE_BYTES


def test_too_many_evidence_files() -> None:
    ev = {"filename": "a.png", "content_type": "image/png", "data": b64(PNG)}
    with pytest.raises(MalformedComplaint, match="evidence"):
        load(complaint(evidence=[ev] * 6))


def test_batch_limits() -> None:
    batch = load_batch(orjson.dumps({"complaints": [complaint()] * 3}))
    assert isinstance(batch, ComplaintBatch) and len(batch.complaints) == 3
    with pytest.raises(MalformedComplaint, match="complaints"):
        load_batch(orjson.dumps({"complaints": [complaint()] * (MAX_BATCH + 1)}))
    with pytest.raises(MalformedComplaint, match="complaints"):
        load_batch(b'{"complaints": []}')
    with pytest.raises(MalformedComplaint, match=r"complaints\.1\.channel"):
        load_batch(orjson.dumps({"complaints": [complaint(), complaint(channel="x")]}))


def test_raw_json_problems_are_clear_errors() -> None:
    with pytest.raises(MalformedComplaint, match="Invalid JSON|invalid"):
        load_complaint(b'{"reporter": ')
    with pytest.raises(MalformedComplaint):
        load_complaint(b'{"reporter": "\xff\xfe"}')
    with pytest.raises(TooLarge):
        load_complaint(b" " * (8 * 1024 * 1024 + 1))


def test_models_work_without_json() -> None:
    c = Complaint(reporter="0912345678", channel="call", source="0987654321",
                  time=datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=7))))
    assert c.channel == "call"
    assert Complaint.model_json_schema()["additionalProperties"] is False


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["reporter", "channel", "source", "content", "time",
                                        "evidence", "other"]),
                       st.one_of(st.text(max_size=30), st.integers(), st.none(),
                                 st.lists(st.dictionaries(st.text(max_size=8),
                                                          st.text(max_size=8)), max_size=2))))
def test_load_complaint_raises_only_ingest_errors(body: dict[str, object]) -> None:
    try:
        load_complaint(json.dumps(body))  # stdlib: also writes integers beyond 64 bits
    except IngestError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_ingest_errors(raw: bytes) -> None:
    try:
        load_complaint(raw)
    except IngestError:
        pass
