"""Complaint submissions as JSON: pydantic 2 models with a limit on every field.

:class:`Complaint` is one report (``POST /v1/complaints``); :class:`ComplaintBatch` holds
up to :data:`MAX_BATCH` of them (``POST /v1/complaints/batch``, for gateways that buffer).
Unknown fields are refused (``extra="forbid"``). :func:`load_complaint` and
:func:`load_batch` read raw JSON bytes and raise :class:`MalformedComplaint` (or
:class:`TooLarge`) with a readable message instead of pydantic's ``ValidationError``.

Example::

    {"reporter": "0912345678", "channel": "sms", "source": "VIETTEL-KM",
     "content": "Chuc mung ban trung thuong...", "time": "2026-11-20T09:15:00+07:00",
     "evidence": [{"filename": "anh.png", "content_type": "image/png", "data": "iVBOR..."}]}

``reporter`` is a phone number (normalised to ``0xxxxxxxxx``) or an e-mail address
(domain lower-cased). ``time`` is ISO 8601; without an offset it is Vietnam time; by
default it is now. Evidence files are jpg, jpeg, png, amr, mp3, mp4 or pdf, checked by
extension, MIME type and magic bytes, at most :data:`MAX_EVIDENCE_BYTES` in all per
complaint (the registry's limit, which the route's body limit fits), decoded from standard
base64 (a ``data:...;base64,`` prefix is allowed).
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from lachan.ingest.errors import MalformedComplaint, TooLarge
from lachan.ingest.sms_gateway import lookup_phone
from lachan.ingest.times import check_plausible

Channel = Literal["sms", "call", "email", "ott", "web"]
CHANNELS: tuple[str, ...] = ("sms", "call", "email", "ott", "web")

#: Largest evidence file after base64 decoding (decree91.md: 5 MB).
MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
#: Longest base64 text accepted for one file (checked before decoding).
MAX_EVIDENCE_B64_CHARS = 4 * math.ceil(MAX_EVIDENCE_BYTES / 3) + 200
#: Most evidence files per complaint, and decoded evidence bytes per batch.
MAX_EVIDENCE_FILES = 5
MAX_BATCH_EVIDENCE_BYTES = 25 * 1024 * 1024
#: Most complaints in one batch.
MAX_BATCH = 1_000
#: Field limits (characters).
MAX_REPORTER_CHARS = 254
MAX_SOURCE_CHARS = 320
MAX_CONTENT_CHARS = 10_000
MAX_FILENAME_CHARS = 255
#: Largest raw JSON accepted by :func:`load_complaint` / :func:`load_batch` (bytes).
MAX_COMPLAINT_JSON_BYTES = 8 * 1024 * 1024
MAX_BATCH_JSON_BYTES = 32 * 1024 * 1024
VIETNAM_TZ = timezone(timedelta(hours=7))


def _jpeg(data: bytes) -> bool:
    return data.startswith(b"\xff\xd8\xff")


def _png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n")


def _amr(data: bytes) -> bool:
    return data.startswith((b"#!AMR\n", b"#!AMR-WB\n"))


def _mp3(data: bytes) -> bool:
    return data.startswith(b"ID3") or (len(data) >= 2 and data[0] == 0xFF
                                       and data[1] & 0xE0 == 0xE0)


def _mp4(data: bytes) -> bool:
    return len(data) >= 12 and data[4:8] == b"ftyp"


def _pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-")


#: Evidence types: extension -> (accepted MIME types, magic-bytes check).
EVIDENCE_TYPES: dict[str, tuple[frozenset[str], Callable[[bytes], bool]]] = {
    "jpg": (frozenset({"image/jpeg", "image/jpg", "image/pjpeg"}), _jpeg),
    "jpeg": (frozenset({"image/jpeg", "image/jpg", "image/pjpeg"}), _jpeg),
    "png": (frozenset({"image/png"}), _png),
    "amr": (frozenset({"audio/amr", "audio/amr-wb"}), _amr),
    "mp3": (frozenset({"audio/mpeg", "audio/mp3"}), _mp3),
    "mp4": (frozenset({"video/mp4", "audio/mp4"}), _mp4),
    "pdf": (frozenset({"application/pdf"}), _pdf),
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTENT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+"
                    r"[A-Za-z]{2,63}")
_DATA_URL = re.compile(r"data:[\w.+/-]{1,100};base64,", re.IGNORECASE)


def _decode_base64(value: Any) -> bytes:
    if isinstance(value, bytes):  # built in Python, already decoded
        return value
    if not isinstance(value, str):
        raise ValueError("data must be a base64 string")
    if len(value) > MAX_EVIDENCE_B64_CHARS:
        raise ValueError(f"file is over {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB")
    m = _DATA_URL.match(value)
    if m:
        value = value[m.end():]
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("data is not valid base64") from None
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValueError(f"file is over {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB")
    if not data:
        raise ValueError("file is empty")
    return data


Base64Data = Annotated[
    bytes,
    BeforeValidator(_decode_base64),
    WithJsonSchema({"type": "string", "contentEncoding": "base64",
                    "maxLength": MAX_EVIDENCE_B64_CHARS}),
]


class Evidence(BaseModel):
    """One evidence file: a screenshot, a call recording, a PDF."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    filename: str = Field(min_length=1, max_length=MAX_FILENAME_CHARS)
    content_type: str = Field(min_length=3, max_length=100)
    data: Base64Data

    @field_validator("filename")
    @classmethod
    def _filename(cls, value: str) -> str:
        if _CONTROL.search(value) or any(c in value for c in "/\\") or value in (".", ".."):
            raise ValueError("filename must be a plain file name (no path, no control characters)")
        ext = value.rsplit(".", 1)[-1].lower() if "." in value else ""
        if ext not in EVIDENCE_TYPES:
            raise ValueError(f"file type .{ext or '?'} is not accepted; use one of "
                             + ", ".join(EVIDENCE_TYPES))
        return value

    @field_validator("content_type")
    @classmethod
    def _content_type(cls, value: str) -> str:
        return value.split(";", 1)[0].strip().lower()

    @model_validator(mode="after")
    def _matches(self) -> Evidence:
        mimes, magic = EVIDENCE_TYPES[self.extension]
        if self.content_type not in mimes:
            raise ValueError(f"content type {self.content_type} does not match .{self.extension}"
                             f" (expected {' or '.join(sorted(mimes))})")
        if not magic(self.data):
            raise ValueError(f"file content is not a .{self.extension} file")
        return self

    @property
    def extension(self) -> str:
        return self.filename.rsplit(".", 1)[-1].lower()


def strip_control(text: str) -> str:
    """Message text without NUL and the other control characters that no database text
    column takes (tabs and line breaks kept): complaint contents are stripped, while
    identifiers (reporter, source, file names) with control characters are refused."""
    return _CONTENT_CONTROL.sub("", text)


def _reject_control(value: str, what: str) -> str:
    if _CONTROL.search(value):
        raise ValueError(f"{what} contains control characters")
    return value


def normalise_reporter(value: str) -> str:
    """A reporter as stored: a phone number as ``0xxxxxxxxx`` (foreign ones E.164) or
    an e-mail address with its domain lower-cased; ``ValueError`` with a readable
    reason otherwise (the same rule for JSON complaints and forwarded e-mails)."""
    value = value.strip()
    _reject_control(value, "reporter")
    if len(value) < 3 or len(value) > MAX_REPORTER_CHARS:
        raise ValueError(f"reporter must have 3 to {MAX_REPORTER_CHARS} characters")
    if "@" in value:
        if not _EMAIL.fullmatch(value):
            raise ValueError("reporter is not a valid e-mail address")
        local, _, domain = value.rpartition("@")
        return f"{local}@{domain.lower()}"
    phone = lookup_phone(value)
    if phone is None or phone[1] not in ("mobile", "fixed", "foreign", "phone"):
        raise ValueError("reporter must be a valid phone number or e-mail address")
    return phone[0]


def _parse_time(value: Any) -> Any:
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("time must be an ISO 8601 string such as 2026-11-20T09:15:00+07:00")
    return value


class Complaint(BaseModel):
    """One complaint: who reports, which channel, which source, what it said, when."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    reporter: str = Field(min_length=3, max_length=MAX_REPORTER_CHARS,
                          description="the reporter's phone number or e-mail address")
    channel: Channel
    source: str = Field(min_length=1, max_length=MAX_SOURCE_CHARS,
                        description="the reported number, brandname, address, domain or URL")
    content: str = Field(default="", max_length=MAX_CONTENT_CHARS)
    time: Annotated[datetime, BeforeValidator(_parse_time)] = Field(
        default_factory=lambda: datetime.now(UTC),
        description="ISO 8601; Vietnam time when no offset is given; default now",
    )
    evidence: list[Evidence] = Field(
        default_factory=list,
        max_length=MAX_EVIDENCE_FILES,
        description=f"at most {MAX_EVIDENCE_FILES} files and "
        f"{MAX_EVIDENCE_BYTES // (1024 * 1024)} MB in all (413 otherwise)",
    )

    @field_validator("reporter")
    @classmethod
    def _reporter(cls, value: str) -> str:
        return normalise_reporter(value)

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        return _reject_control(value, "source")

    @field_validator("content")
    @classmethod
    def _content(cls, value: str) -> str:
        return strip_control(value)

    @field_validator("time")
    @classmethod
    def _time(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            value = value.replace(tzinfo=VIETNAM_TZ)
        check_plausible(value, "time")
        return value

    @property
    def reporter_kind(self) -> Literal["phone", "email"]:
        return "email" if "@" in self.reporter else "phone"


class ComplaintBatch(BaseModel):
    """Up to :data:`MAX_BATCH` complaints: ``{"complaints": [...]}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    complaints: list[Complaint] = Field(min_length=1, max_length=MAX_BATCH)

    @model_validator(mode="after")
    def _evidence_total(self) -> ComplaintBatch:
        total = sum(len(e.data) for c in self.complaints for e in c.evidence)
        if total > MAX_BATCH_EVIDENCE_BYTES:
            raise ValueError(f"evidence in one batch is over "
                             f"{MAX_BATCH_EVIDENCE_BYTES // (1024 * 1024)} MB in total")
        return self


class ComplaintItems(BaseModel):
    """A batch as a route receives it: ``{"complaints": [...]}`` with up to
    :data:`MAX_BATCH` items, each checked on its own by :func:`check_items` (one
    malformed item does not refuse the others, as :class:`ComplaintBatch` does)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    complaints: list[Any] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        description="complaints, each as the body of POST /v1/complaints",
        json_schema_extra={"items": {"type": "object"}},
    )


def check_items(items: list[Any]) -> list[Complaint | str]:
    """Each item as a :class:`Complaint`, or in its place the readable reason it was
    refused. :class:`TooLarge` when the accepted items' evidence together is over
    :data:`MAX_BATCH_EVIDENCE_BYTES` (a limit of the batch, not of one item)."""
    out: list[Complaint | str] = []
    for item in items:
        try:
            out.append(Complaint.model_validate(item))
        except ValidationError as exc:
            out.append(describe_validation_error(exc))
    total = sum(len(e.data) for c in out if isinstance(c, Complaint) for e in c.evidence)
    if total > MAX_BATCH_EVIDENCE_BYTES:
        raise TooLarge(f"evidence in one batch is over "
                       f"{MAX_BATCH_EVIDENCE_BYTES // (1024 * 1024)} MB in total")
    return out


def describe_validation_error(exc: ValidationError, limit: int = 5) -> str:
    """A readable one-line summary of a pydantic error: ``field.path: message; ...``."""
    parts = []
    for err in exc.errors(include_url=False, include_input=False)[:limit]:
        where = ".".join(str(p) for p in err.get("loc", ())) or "body"
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {message}")
    more = exc.error_count() - len(parts)
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


def _load(model: type[BaseModel], raw: bytes | str, limit: int) -> Any:
    size = len(raw.encode("utf-8")) if isinstance(raw, str) else len(raw)
    if size > limit:
        raise TooLarge(f"complaint JSON is {size:,} bytes; the limit is {limit:,} bytes")
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise MalformedComplaint(describe_validation_error(exc)) from None


def load_complaint(raw: bytes | str) -> Complaint:
    """Parse one complaint from JSON; :class:`MalformedComplaint` with a readable reason."""
    result: Complaint = _load(Complaint, raw, MAX_COMPLAINT_JSON_BYTES)
    return result


def load_batch(raw: bytes | str) -> ComplaintBatch:
    """Parse a batch ``{"complaints": [...]}`` from JSON."""
    result: ComplaintBatch = _load(ComplaintBatch, raw, MAX_BATCH_JSON_BYTES)
    return result
