"""Complaints: intake (single and batch), dedupe, rate limits, analysis, entity links.

The reporter is kept only as a keyed HMAC pseudonym; content, verdict details, e-mail
headers and evidence are encrypted (AES-GCM) with :class:`~lachan.registry.privacy.Vault`.

``ComplaintInput.reporter_verified`` says whether the channel vouches for the reporter
(the SMS gateway's msisdn, a client with an API key) or the reporter is self-declared
(the public route). Only verified reporters count toward the distinct reporters that
listing a source needs (:mod:`lachan.registry.sources`); the default is unverified.

A complaint is folded into an earlier one only when its filer filed that one: the same
API key (``filed_by``; an internal actor such as ``system`` counts as one filer), with
the same reporter verification (``reporter_verified``), about the same reporter, source,
channel and content, within the dedupe window (:func:`_dedupe_key`). Such a repeat is a
retry or a follow-up of the filer's own report: it is answered ``duplicate`` (or
``upgraded``) with the earlier reference, counted once, and skips the rate limit. A
complaint from anyone else is a complaint of its own whatever it repeats: its own row,
reference and analysis of its own words, counted, under the rate limits, with its own
evidence. The public route (no key) has no filer that one can tell apart, so a keyless
complaint is never folded. Nobody is told anything about a complaint they did not file.

When a fold names a graver category (``LD``, a scam call, after ``V``, a spam call,
about the same number), the earlier complaint is raised to that category and its
sources' counts follow (status ``upgraded``). Verified call reports of one filer repeat
one another whatever they say (:func:`_one_per_number`): the words of a later one
complete the complaint, which is analysed again and linked to the sources the new words
name.

Evidence that a folded repeat brings is kept with the earlier complaint (files it
already keeps, byte for byte, are not stored twice; ``evidence_added`` counts the new
ones). A repeat whose new files would pass what one complaint keeps
(:data:`MAX_KEPT_EVIDENCE_FILES`, :data:`MAX_KEPT_EVIDENCE_BYTES`) is ``refused`` with
the reason, and nothing of it is counted.

A reporter over the rate limits gets ``rate_limited`` with ``retry_after``: the seconds
until the oldest complaint counted against the limit leaves its window.
"""

from __future__ import annotations

import math
import re
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Integer, bindparam, case, delete, func, select, text, update
from sqlalchemy.orm import Session

from lachan.domain import MAX_TEXT_CHARS, Entity, InputTooLarge, Message, Verdict
from lachan.registry import audit
from lachan.registry.analysis import ENGINE_CHANNEL, analyse_messages
from lachan.registry.clock import as_utc, iso, utcnow
from lachan.registry.normalise import (
    HIDDEN_CHARS,
    InvalidSource,
    NormalisedSource,
    normalise,
    url_domain,
)
from lachan.registry.privacy import Vault
from lachan.registry.settings import CentreSettings
from lachan.registry.sources import (
    SEVERITY,
    ComplaintEvent,
    Recategorised,
    RegistryContext,
    recategorise,
    record_complaint_events,
)
from lachan.store import bulk
from lachan.store.tables_centre import Complaint, ComplaintSource, Evidence, Source

CHANNELS: tuple[str, ...] = ("sms", "call", "email", "ott", "web")
MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
MAX_EVIDENCE_FILES = 5
#: What one complaint keeps in all when repeats bring more evidence (four submissions'
#: worth); a repeat whose new files would pass it is refused, never dropped.
MAX_KEPT_EVIDENCE_FILES = 4 * MAX_EVIDENCE_FILES
MAX_KEPT_EVIDENCE_BYTES = 4 * MAX_EVIDENCE_BYTES
#: Allowed evidence types (decree91.md): extension -> (media type, magic-number check).
EVIDENCE_TYPES: dict[str, str] = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "mp3": "audio/mpeg",
    "mp4": "video/mp4",
    "amr": "audio/amr",
}


class ComplaintError(ValueError):
    """A complaint that cannot be accepted (bad field, bad evidence)."""


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    filename: str
    data: bytes


@dataclass(slots=True)
class ComplaintInput:
    """One complaint to take. ``source`` is the reported source as sent (normalised by
    :func:`submit_many`, its kind inferred when ``source_kind`` is None), or a
    :class:`~lachan.registry.normalise.NormalisedSource` that the channel already
    checked (used as it is; ``source_kind``, if given, must be its kind)."""

    reporter: str
    channel: str
    content: str = ""
    source: str | NormalisedSource | None = None
    source_kind: str | None = None
    reported_at: datetime | None = None
    via: str = "api"
    category: str | None = None
    reporter_verified: bool = False
    linked: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    evidence: list[EvidenceFile] = field(default_factory=list)


#: The order of a complaint's links in answers: what was reported, then who sent it.
_ROLE_ORDER = {"reported": 0, "sender": 1, "content": 2}


def _in_order(
    links: Sequence[tuple[str, str, str]],
) -> list[tuple[str, str, str]]:
    """``(kind, value, role)`` links in one order however they were found or stored (a
    new complaint and a repeat answered as one read the same)."""
    return sorted(links, key=lambda x: (_ROLE_ORDER.get(x[2], 3), x[0], x[1]))


@dataclass(frozen=True, slots=True)
class ComplaintResult:
    """What became of one complaint. A repeat its filer sent again is ``duplicate`` (or
    ``upgraded``) with the earlier complaint's ``ref``; ``retry_after`` (seconds) is set
    when ``rate_limited``."""

    status: str  # created | duplicate | upgraded | rate_limited | refused
    ref: str | None = None
    category: str | None = None
    score: float | None = None
    symbols: tuple[str, ...] = ()
    sources: tuple[tuple[str, str, str], ...] = ()
    source: tuple[str, str] | None = None
    retry_after: int | None = None
    #: Evidence files a repeat added to the earlier complaint (None: it brought none).
    evidence_added: int | None = None
    #: Why a repeat was refused (status ``refused``): its evidence could not be kept.
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "status": self.status,
            "ref": self.ref,
            "category": self.category,
            "score": None if self.score is None else round(self.score, 4),
            "symbols": list(self.symbols),
            "source": None
            if self.source is None
            else {"kind": self.source[0], "value": self.source[1]},
            "linked": [{"kind": k, "value": v, "role": r} for k, v, r in _in_order(self.sources)],
        }
        if self.retry_after is not None:
            out["retry_after"] = self.retry_after
        if self.evidence_added is not None:
            out["evidence_added"] = self.evidence_added
        if self.error is not None:
            out["error"] = self.error
        return out


def _magic_ok(ext: str, data: bytes) -> bool:
    if ext in ("jpg", "jpeg"):
        return data[:3] == b"\xff\xd8\xff"
    if ext == "png":
        return data[:8] == b"\x89PNG\r\n\x1a\n"
    if ext == "pdf":
        return data[:5] == b"%PDF-"
    if ext == "mp4":
        return data[4:8] == b"ftyp"
    if ext == "amr":
        return data[:5] == b"#!AMR"
    if ext == "mp3":
        return data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)
    return False


def check_evidence(files: Sequence[EvidenceFile]) -> list[tuple[str, str, bytes]]:
    """Validated ``(filename, media_type, data)``; :class:`ComplaintError` otherwise."""
    if len(files) > MAX_EVIDENCE_FILES:
        raise ComplaintError(f"at most {MAX_EVIDENCE_FILES} evidence files per complaint")
    total = sum(len(f.data) for f in files)
    if total > MAX_EVIDENCE_BYTES:
        raise InputTooLarge(
            f"the evidence files hold {total} bytes together; a complaint carries at most "
            f"{MAX_EVIDENCE_BYTES // (1024 * 1024)} MB of evidence in all "
            f"({MAX_EVIDENCE_BYTES} bytes, up to {MAX_EVIDENCE_FILES} files)"
        )
    out = []
    for f in files:
        name = f.filename.strip()[:200]
        if HIDDEN_CHARS.search(name):  # "hoadon\u202egnp.exe.png" shows as "...exe.png"
            raise ComplaintError("evidence file name holds control or text-direction "
                                 "characters")
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ext not in EVIDENCE_TYPES:
            raise ComplaintError(
                f"evidence {name[:60]!r}: type not accepted; use "
                + ", ".join(sorted(EVIDENCE_TYPES))
            )
        if not f.data:
            raise ComplaintError(f"evidence {name[:60]!r} is empty")
        if not _magic_ok(ext, f.data):
            raise ComplaintError(f"evidence {name[:60]!r}: content is not a .{ext} file")
        out.append((name, EVIDENCE_TYPES[ext], f.data))
    return out


_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _infer_source(value: str) -> tuple[str, str]:
    """Kind and canonical value of a reported source given without its kind."""
    v = value.strip()
    ip = _as_ip(v)  # before phone and brandname: "203.0.113.7" is neither
    if ip is not None:
        return "ip", ip
    if "/" in v and "://" not in v and _as_ip(v.partition("/")[0]) is not None:
        raise InvalidSource(f"{value[:60]!r} is a network; report one address of it")
    order = ["phone"]
    if "@" in v:
        order = ["email", "phone"]
    elif "/" in v or v.lower().startswith(("http:", "https:", "www.")):
        order = ["url", "phone"]
    elif "." in v and not v.replace(".", "").replace(" ", "").isdigit():
        order = ["ip", "domain", "phone"]
    for kind in [*order, "brandname"]:
        try:
            return kind, normalise(kind, v)
        except InvalidSource:
            continue
    raise InvalidSource(
        f"reported source {value[:60]!r} is not a phone number, e-mail, "
        "domain, URL, IP address or brandname"
    )


def _as_ip(v: str) -> str | None:
    """The canonical IP address ``v`` is (``normalise("ip")``), or None."""
    try:
        return normalise("ip", v)
    except InvalidSource:
        return None


def resolve_source(
    kind: str | None, value: str | NormalisedSource | None
) -> tuple[str, str] | None:
    """The ``(kind, canonical value)`` of a reported source; None when none is given.

    A string is normalised here (as ``kind``, or as the kind it reads as when ``kind``
    is None): :class:`InvalidSource` when it is not usable. A
    :class:`~lachan.registry.normalise.NormalisedSource` was normalised when it was made
    and is taken as it is."""
    if isinstance(value, NormalisedSource):
        if kind and kind != value.kind:
            raise InvalidSource(
                f"source kind {kind[:20]!r} does not match the {value.kind} source given"
            )
        return value.kind, value.value
    if value is None or not value.strip():
        return None
    if kind:
        return kind, normalise(kind, value)
    return _infer_source(value)


def _content_sources(entities: Sequence[Entity], content: str = "") -> list[tuple[str, str]]:
    """The phone numbers, links (with their sites) and e-mail addresses a complaint's
    content names, as sources. Links are the ones the message really names: the engine
    reads them through its look-alike mapping ("vietcombаnk" with a Cyrillic "а" becomes
    "vietcombank"), which would put a Latin name the sender never used on the blocklist;
    such a link is taken from the content as written (its punycode host) instead."""
    out: list[tuple[str, str]] = []
    entities = _links_as_written(entities, content)
    for e in entities:
        kind = {"phone": "phone", "url": "url", "email": "email"}.get(e.kind)
        if kind is None:
            continue
        try:
            value = normalise(kind, e.value)
        except InvalidSource:
            continue
        if kind == "phone" and e.attrs.get("type") == "shortcode":
            continue
        out.append((kind, value))
        if kind == "url":
            dom = url_domain(value)
            if dom:
                out.append(("domain", dom))
    return out


def _links_as_written(entities: Sequence[Entity], content: str) -> Sequence[Entity]:
    """``entities`` with each link whose site name does not occur in ``content`` (the
    look-alike mapping changed it) replaced by the links extracted from the content as
    written. Defanged links ("vcb[.]top") keep their site name and stay."""
    if not content or content.isascii():
        return entities
    written = unicodedata.normalize("NFC", content).casefold()
    changed = [e for e in entities if e.kind == "url"
               and _site_label(e) not in written]
    if not changed:
        return entities
    from lachan.entities import extract

    raw = [e for e in extract(unicodedata.normalize("NFC", content[:MAX_TEXT_CHARS]))
           if e.kind == "url"]
    return [e for e in entities if e not in changed] + raw


def _site_label(e: Entity) -> str:
    """The registrable label of a link entity ("vcb-xacminh" of vcb-xacminh.top)."""
    reg = str(e.attrs.get("registrable_domain") or e.attrs.get("host") or "")
    suffix = str(e.attrs.get("suffix") or "")
    label = reg[: -len(suffix) - 1] if suffix and reg.endswith("." + suffix) else reg
    return label.rsplit(".", 1)[-1]


@dataclass(slots=True)
class _Pending:
    index: int
    item: ComplaintInput
    reporter: str
    source: tuple[str, str] | None
    dedupe_key: str
    evidence: list[tuple[str, str, bytes]]


@dataclass(slots=True)
class _Kept:
    """The evidence a complaint keeps, for repeats that bring more: the files already
    stored (size and encrypted data, decrypted only to compare with a file of the same
    size) and the files this batch adds (``added``)."""

    ref: str
    stored: list[tuple[int, bytes]] = field(default_factory=list)
    added: list[tuple[str, str, bytes]] = field(default_factory=list)

    def holds(self, vault: Vault, data: bytes) -> bool:
        """Whether the complaint already keeps a file with exactly these bytes (a client
        that sends its report again, evidence and all)."""
        if any(d == data for _, _, d in self.added):
            return True
        return any(
            size == len(data) and vault.decrypt(enc, self.ref.encode()) == data
            for size, enc in self.stored
        )

    def take(
        self, vault: Vault, files: list[tuple[str, str, bytes]]
    ) -> tuple[list[tuple[str, str, bytes]], str | None]:
        """The files of ``files`` the complaint does not keep yet, added to it; or, when
        they would pass what one complaint keeps, none and the reason."""
        new: list[tuple[str, str, bytes]] = []
        for f in files:
            if not self.holds(vault, f[2]) and all(f[2] != n[2] for n in new):
                new.append(f)
        count = len(self.stored) + len(self.added) + len(new)
        size = (sum(s for s, _ in self.stored) + sum(len(d) for _, _, d in self.added)
                + sum(len(d) for _, _, d in new))
        if count > MAX_KEPT_EVIDENCE_FILES or size > MAX_KEPT_EVIDENCE_BYTES:
            return [], (
                f"the complaint this report repeats cannot keep {len(new)} more evidence "
                f"file(s): one complaint keeps at most {MAX_KEPT_EVIDENCE_FILES} files and "
                f"{MAX_KEPT_EVIDENCE_BYTES // (1024 * 1024)} MB; nothing was filed"
            )
        self.added.extend(new)
        return new, None


def _stored_evidence(session: Session, folded: dict[int, str]) -> dict[int, _Kept]:
    """The evidence that complaints (id -> ref) already keep."""
    kept = {cid: _Kept(ref) for cid, ref in folded.items()}
    conn = session.connection()
    ev = Evidence.__table__
    for part in bulk.parts(conn, sorted(folded)):
        for cid, size, enc in conn.execute(
            select(ev.c.complaint_id, ev.c.size, ev.c.data_enc)
            .where(bulk.value_in(conn, ev.c.complaint_id, part))
            .order_by(ev.c.id)
        ):
            kept[cid].stored.append((int(size), enc))
    return kept


def _folded_text(text: str) -> str:
    """``text`` as repeats are compared: spaces collapsed, case folded."""
    return _SPACES.sub(" ", text.strip()).casefold()


def _one_per_number(item: ComplaintInput) -> bool:
    """Whether ``item`` is a call report from a channel that vouches for its reporter:
    those make one complaint per filer, reporter, number and dedupe window whatever each
    report says (``V 0987...`` and then ``LD 0987... <what the caller said>`` through the
    same gateway are one call, raised to a scam and completed with the words), not one
    per wording."""
    return item.channel == "call" and item.reporter_verified


def _dedupe_key(
    vault: Vault,
    reporter: str,
    source: tuple[str, str] | None,
    item: ComplaintInput,
    filer: str | None,
) -> str:
    """The key under which ``item`` folds into an earlier complaint: its filer (the key
    that sends it) and reporter verification, reporter, source, channel and content
    (none for :func:`_one_per_number` call reports). A keyless caller is nobody one can
    tell apart from another, so its complaint gets a key of its own and never folds:
    otherwise typing someone's number and words would fold into their complaint."""
    content = "" if _one_per_number(item) else _folded_text(item.content)
    who = filer if filer is not None else "public:" + secrets.token_hex(16)
    trust = "verified" if item.reporter_verified else "self-declared"
    return vault.keyed_hash(reporter, *(source or ("", "")), item.channel, content, who, trust)


def _merged(old: str, new: str) -> str:
    """A complaint's ``old`` content completed with a repeat's ``new`` words (kept once)."""
    o, n = old.strip(), new.strip()
    if not n or _folded_text(n) in _folded_text(o):
        return old
    if not o or _folded_text(o) in _folded_text(n):
        return n
    return f"{o}\n{n}"[:MAX_TEXT_CHARS]


def _category(item: ComplaintInput, verdict: Verdict) -> str:
    cat = verdict.label
    forced = item.category
    if forced is None and item.channel == "call" and len(item.content.strip()) < 20:
        forced = "ad"  # a spam call report with no text: an unsolicited advertising call
    return _graver(cat, forced) or cat


def _graver(current: str, forced: str | None) -> str | None:
    """``forced`` when it outranks ``current`` (scam > ad > ham), else None."""
    if forced is not None and SEVERITY.get(forced, 0) > SEVERITY.get(current, 0):
        return forced
    return None


def _new_ref() -> str:
    return "C" + secrets.token_hex(5).upper()


def validate(item: ComplaintInput) -> None:
    if item.channel not in CHANNELS:
        raise ComplaintError(
            f"unknown channel {item.channel[:20]!r}; expected " + ", ".join(CHANNELS)
        )
    if not item.reporter or not item.reporter.strip():
        raise ComplaintError("reporter is required (their number or e-mail address)")
    if len(item.reporter) > 320:
        raise ComplaintError("reporter longer than 320 characters")
    if _CONTROL.search(item.reporter):
        raise ComplaintError("reporter contains control characters")
    if len(item.content) > MAX_TEXT_CHARS:
        raise InputTooLarge(
            f"content has {len(item.content)} characters; the limit is {MAX_TEXT_CHARS}"
        )
    if item.category is not None and item.category not in SEVERITY:
        raise ComplaintError("category must be ham, ad or scam")


_C = Complaint.__table__


def _serialise(session: Session, keys: list[str]) -> None:
    """PostgreSQL: transactions that hold the same dedupe keys or reporters take turns.

    Otherwise two requests carrying the same complaint at the same moment would both find
    no earlier one and both store it, and a reporter's rate limit could be overrun by
    parallel batches. One transaction-scoped advisory lock per key (from the keyed hash),
    taken in sorted order so that overlapping batches cannot deadlock. SQLite writers
    already take turns (``BEGIN IMMEDIATE``)."""
    if not keys or session.get_bind().dialect.name != "postgresql":
        return
    ids = sorted({int(k[:16], 16) - (1 << 63) for k in keys})
    session.execute(
        text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:ids AS bigint[])) AS k"),
        {"ids": ids},
    )


def _recent_by_key(session: Session, keys: list[str], since: datetime) -> dict[str, Any]:
    """The newest complaint within the window per dedupe key (id, ref, category, score,
    reporter, whether it is verified)."""
    found: dict[str, Any] = {}
    conn = session.connection()
    for part in bulk.parts(conn, keys):
        q = (
            select(
                _C.c.id,
                _C.c.ref,
                _C.c.category,
                _C.c.score,
                _C.c.dedupe_key,
                _C.c.reporter,
                _C.c.reporter_verified,
            )
            .where(bulk.value_in(conn, _C.c.dedupe_key, part), _C.c.last_at >= since)
            .order_by(_C.c.id)
        )
        if session.get_bind().dialect.name == "postgresql":
            q = q.with_for_update()  # the fold count must not lose a concurrent update
        for row in conn.execute(q):
            found[row.dedupe_key] = row  # the newest wins
    return found


@dataclass(frozen=True, slots=True)
class _Sent:
    """A reporter's complaints in the rate-limit windows: counts, and the oldest of each
    window (when it leaves the window, the count drops by one)."""

    hour: int = 0
    day: int = 0
    first_in_hour: datetime | None = None
    first_in_day: datetime | None = None


def _counts_since(
    session: Session, reporters: list[str], hour_ago: datetime, day_ago: datetime,
    verified: bool,
) -> dict[str, _Sent]:
    """Complaints per reporter received since ``hour_ago`` and since ``day_ago``, of those
    whose reporter was ``verified`` (by the gateway or a vouching key) or not: anyone may
    name a number as reporter without a key, and those self-declared complaints must not
    use up the quota of the number's real owner, who reports through the gateway."""
    out: dict[str, _Sent] = {}
    conn = session.connection()
    in_hour = _C.c.received_at >= hour_ago
    for part in bulk.parts(conn, reporters):
        rows = conn.execute(
            select(
                _C.c.reporter,
                func.sum(case((in_hour, 1), else_=0)),
                func.count(),
                func.min(case((in_hour, _C.c.received_at), else_=None)),
                func.min(_C.c.received_at),
            )
            .where(bulk.value_in(conn, _C.c.reporter, part), _C.c.received_at >= day_ago,
                   _C.c.reporter_verified.is_(True) if verified
                   else _C.c.reporter_verified.is_not(True))
            .group_by(_C.c.reporter)
        )
        for r, h, d, first_h, first_d in rows:
            out[r] = _Sent(int(h or 0), int(d), _as_time(first_h), _as_time(first_d))
    return out


def _as_time(value: datetime | None) -> datetime | None:
    """An aggregated time in UTC (SQLite gives it back without its zone)."""
    return None if value is None else as_utc(value)


def _retry_after(sent: _Sent, extra: int, settings: CentreSettings, now: datetime) -> int | None:
    """Seconds until a reporter who sent ``sent`` (plus ``extra`` taken in this batch)
    may complain again; None while under both limits."""
    waits: list[float] = []
    if sent.hour + extra >= settings.rate_per_hour:
        waits.append(((sent.first_in_hour or now) + timedelta(hours=1) - now).total_seconds())
    if sent.day + extra >= settings.rate_per_day:
        waits.append(((sent.first_in_day or now) + timedelta(days=1) - now).total_seconds())
    if not waits:
        return None
    return max(1, math.ceil(max(waits)))


def _as_sent(source: str | NormalisedSource | None) -> str | None:
    """The reported source as given to :func:`submit_many` (a normalised one's value)."""
    return source.value if isinstance(source, NormalisedSource) else source


def _filer(actor: str) -> str | None:
    """Who files: the caller's key (``key:<id>``, or an internal actor); None for the
    public route, whose callers nobody can tell apart."""
    return None if actor == "public" else actor[:64]


_FOLD = (
    update(_C)
    .where(_C.c.id == bindparam("b_id"))
    .values(count=_C.c.count + bindparam("b_n", type_=Integer), last_at=bindparam("b_at"))
)


def _insert_complaints(session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert complaint rows (one statement, or one per 500 rows); their ids by ref."""
    inserted = bulk.insert_rows(session.connection(), _C, rows, returning=("id", "ref"))
    ids = {ref: cid for cid, ref in inserted}
    if len(ids) != len(rows):
        raise RuntimeError(f"inserted {len(rows)} complaints but {len(ids)} ids came back")
    return ids


def submit_many(
    session: Session,
    vault: Vault,
    items: Sequence[ComplaintInput],
    *,
    settings: CentreSettings | None = None,
    actor: str = "system",
    now: datetime | None = None,
) -> list[ComplaintResult]:
    """Take complaints in one transaction, with a few statements per batch (not per item).

    Invalid items raise :class:`ComplaintError` or :class:`InvalidSource` (callers validate
    first to report per-item errors)."""
    settings = settings or CentreSettings()
    now = now or utcnow()
    window = now - timedelta(hours=settings.dedupe_window_hours)
    hour_ago, day_ago = now - timedelta(hours=1), now - timedelta(days=1)

    filer = _filer(actor)
    prepared = []
    for item in items:
        validate(item)
        reporter = vault.pseudonym(item.reporter)
        source = resolve_source(item.source_kind, item.source)
        evidence = check_evidence(item.evidence)
        key = _dedupe_key(vault, reporter, source, item, filer)
        prepared.append((item, reporter, source, evidence, key))

    results: list[ComplaintResult | None] = [None] * len(items)
    pending: list[_Pending] = []
    first_index: dict[str, int] = {}
    batch_dupes: list[tuple[int, str]] = []
    folded: dict[str, Any] = {}
    folds: dict[int, int] = {}
    amends: dict[int, _Amend] = {}  # folded complaints that a repeat changes
    with session.no_autoflush:
        _serialise(session, [p[4] for p in prepared] + [p[1] for p in prepared])
        recent = _recent_by_key(session, sorted({p[4] for p in prepared}), window)
        reporters = sorted({p[1] for p in prepared})
        sent = {v: _counts_since(session, reporters, hour_ago, day_ago, v)
                for v in {bool(p[0].reporter_verified) for p in prepared}}
        kept = _stored_evidence(session, {
            recent[p[4]].id: recent[p[4]].ref for p in prepared if p[3] and p[4] in recent
        })
    taken: dict[tuple[str, bool], int] = {}
    added: dict[int, int] = {}  # evidence files each repeat adds to an earlier complaint
    for i, (item, reporter, source, evidence, key) in enumerate(prepared):
        if key in first_index:
            if evidence:
                first = pending[first_index[key]]
                new, refused = _Kept("", added=first.evidence).take(vault, evidence)
                if refused:
                    results[i] = ComplaintResult("refused", source=source, error=refused)
                    continue
                added[i] = len(new)
            if _one_per_number(item):
                first = pending[first_index[key]]
                first.item = replace(first.item, content=_merged(first.item.content, item.content))
            batch_dupes.append((i, key))
            continue
        existing = recent.get(key)
        if existing is not None:
            new_files: list[tuple[str, str, bytes]] = []
            if evidence:
                new_files, refused = kept[existing.id].take(vault, evidence)
                if refused:
                    results[i] = ComplaintResult("refused", source=source, error=refused)
                    continue
            folds[existing.id] = folds.get(existing.id, 0) + 1
            folded[existing.ref] = existing
            amend = amends.setdefault(existing.id, _Amend(existing))
            current = amend.category or existing.category
            raised = _graver(current, item.category)
            if raised:
                amend.category = raised
            amend.indices.append(i)
            if _one_per_number(item) and item.content.strip():
                amend.contents.append(item.content)
            results[i] = ComplaintResult(
                "upgraded" if raised else "duplicate",
                existing.ref,
                raised or current,
                existing.score,
                source=source,
                evidence_added=len(new_files) if evidence else None,
            )
            continue
        quota = (reporter, bool(item.reporter_verified))
        extra = taken.get(quota, 0)
        wait = _retry_after(sent[quota[1]].get(reporter, _Sent()), extra, settings, now)
        if wait is not None:
            results[i] = ComplaintResult("rate_limited", source=source, retry_after=wait)
            continue
        taken[quota] = extra + 1
        first_index[key] = len(pending)
        pending.append(_Pending(i, item, reporter, source, key, evidence))

    context = RegistryContext(session, settings)  # the engine prefetches what it will ask
    messages = [
        Message(
            text=p.item.content,
            sender=p.source[1] if p.source else None,
            channel=ENGINE_CHANNEL[p.item.channel],
            id=str(p.index),
        )
        for p in pending
    ]
    with session.no_autoflush:
        verdicts = analyse_messages(messages, context)
        completed = _complete_folded(session, vault, amends, context)

    dupes_per_key: dict[str, int] = {}
    dupe_category: dict[str, str | None] = {}  # the gravest forced category of repeats
    for i, key in batch_dupes:
        dupes_per_key[key] = dupes_per_key.get(key, 0) + 1
        forced = items[i].category
        if _graver(dupe_category.get(key) or "ham", forced):
            dupe_category[key] = forced
    rows: list[dict[str, Any]] = []
    links_per_row: list[dict[tuple[str, str], str]] = []
    for p, verdict in zip(pending, verdicts, strict=True):
        item = p.item
        category = _category(item, verdict)
        category = _graver(category, dupe_category.get(p.dedupe_key)) or category
        payload = {
            "content": item.content,
            "source_raw": _as_sent(item.source),
            "meta": item.meta,
            "verdict": verdict.to_dict(with_entities=True),
        }
        ref = _new_ref()
        rows.append(
            {
                "ref": ref,
                "received_at": now,
                "last_at": now,
                "reported_at": as_utc(item.reported_at) if item.reported_at else None,
                "channel": item.channel,
                "via": item.via[:16],
                "reporter": p.reporter,
                "reporter_verified": item.reporter_verified,
                "filed_by": filer,
                "source_kind": p.source[0] if p.source else None,
                "source_value": p.source[1] if p.source else None,
                "category": category,
                "score": float(verdict.score),
                "symbols": orjson.dumps([s.name for s in verdict.symbols]).decode(),
                "dedupe_key": p.dedupe_key,
                "count": 1 + dupes_per_key.get(p.dedupe_key, 0),
                "content_enc": vault.encrypt(orjson.dumps(payload, default=str), ref.encode()),
            }
        )
        links: dict[tuple[str, str], str] = {}
        if p.source:
            links[p.source] = "reported"
            dom = url_domain(p.source[1]) if p.source[0] == "url" else None
            if dom:
                links[("domain", dom)] = "reported"  # blocklists of hosts need the site
        for kind, raw, role in item.linked:
            try:
                value = normalise(kind, raw)
            except InvalidSource:
                continue
            links.setdefault((kind, value), role)
            dom = url_domain(value) if kind == "url" else None
            if dom:
                links.setdefault(("domain", dom), role)
        for kv in _content_sources(verdict.entities, item.content):
            links.setdefault(kv, "content")
        links_per_row.append(links)

    conn = session.connection()
    if folds:
        conn.execute(_FOLD, [{"b_id": i, "b_n": n, "b_at": now} for i, n in sorted(folds.items())])
    ids = _insert_complaints(session, rows)
    evidence_rows = [
        {
            "complaint_id": ids[row["ref"]],
            "filename": name,
            "media_type": media_type,
            "size": len(data),
            "data_enc": vault.encrypt(data, row["ref"].encode()),
        }
        for p, row in zip(pending, rows, strict=True)
        for name, media_type, data in p.evidence
    ] + [
        {
            "complaint_id": cid,
            "filename": name,
            "media_type": media_type,
            "size": len(data),
            "data_enc": vault.encrypt(data, k.ref.encode()),
        }
        for cid, k in kept.items()
        for name, media_type, data in k.added
    ]
    bulk.insert_rows(conn, Evidence.__table__, evidence_rows)
    events = [
        ComplaintEvent(kind, value, row["category"], p.reporter, role, row["reporter_verified"])
        for p, links, row in zip(pending, links_per_row, rows, strict=True)
        for (kind, value), role in links.items()
    ]
    srcs = record_complaint_events(session, events, settings=settings, now=now)
    _amend_folded(session, amends, settings=settings, actor=actor, now=now)
    _link_completed(session, completed, amends, settings=settings, now=now)
    link_rows = [
        {"complaint_id": ids[row["ref"]], "source_id": srcs[kv].id, "role": role}
        for row, links in zip(rows, links_per_row, strict=True)
        for kv, role in links.items()
    ]
    bulk.insert_rows(conn, ComplaintSource.__table__, link_rows)

    created: dict[str, ComplaintResult] = {}
    for p, row, links in zip(pending, rows, links_per_row, strict=True):
        result = ComplaintResult(
            "created",
            row["ref"],
            row["category"],
            row["score"],
            tuple(json_names(row["symbols"])),
            tuple((k, v, r) for (k, v), r in links.items()),
            p.source,
        )
        results[p.index] = result
        created[p.dedupe_key] = result
    for i, key in batch_dupes:
        first = created[key]
        results[i] = ComplaintResult(
            "duplicate", first.ref, first.category, first.score, source=first.source,
            evidence_added=added.get(i),
        )
    _answer_completed(completed, amends, results)
    session.flush()  # journal rows of sources that entered or left the blocklist
    refs = [row["ref"] for row in rows]
    if refs:
        audit.record(
            session,
            actor,
            "complaint.create",
            f"complaint:{refs[0]}" if len(refs) == 1 else "complaints",
            {"refs": refs[:1000], "count": len(refs)},
        )
    if folded:
        audit.record(
            session,
            actor,
            "complaint.fold",
            f"complaint:{next(iter(folded))}" if len(folded) == 1 else "complaints",
            {"refs": sorted(folded)[:1000], "count": len(folded),
             "evidence_added": sum(len(k.added) for k in kept.values())},
        )
    return [r for r in results if r is not None]


@dataclass(slots=True)
class _Amend:
    """What repeats change in a folded complaint: a graver category they named
    (``category``)."""

    row: Any  # the folded complaint: id, ref, category, reporter, reporter_verified
    category: str | None = None
    #: What repeats said that the complaint may not hold yet (call reports, see
    #: :func:`_one_per_number`), and the indices of the repeats folded into it.
    contents: list[str] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)


_RECATEGORISE = (
    update(_C).where(_C.c.id == bindparam("b_id")).values(category=bindparam("b_category"))
)
_CS = ComplaintSource.__table__


def _linked_sources(session: Session, ids: list[int]) -> list[tuple[int, int, str]]:
    """``(complaint_id, source_id, role)`` of the complaints ``ids``."""
    conn = session.connection()
    return [
        (cid, sid, role)
        for part in bulk.parts(conn, ids)
        for cid, sid, role in conn.execute(
            select(_CS.c.complaint_id, _CS.c.source_id, _CS.c.role)
            .where(bulk.value_in(conn, _CS.c.complaint_id, part))
            .order_by(_CS.c.complaint_id, _CS.c.source_id)
        )
    ]


def _amend_folded(
    session: Session,
    amends: dict[int, _Amend],
    *,
    settings: CentreSettings,
    actor: str,
    now: datetime,
) -> None:
    """Apply the graver categories that repeats named to folded complaints, with their
    sources' counts (:func:`lachan.registry.sources.recategorise`)."""
    raised = {i: a for i, a in amends.items() if a.category}
    if not raised:
        return
    ids = sorted(raised)
    links = _linked_sources(session, ids)
    session.connection().execute(
        _RECATEGORISE, [{"b_id": i, "b_category": raised[i].category} for i in ids]
    )
    changes = [
        Recategorised(sid, role, raised[cid].row.category, raised[cid].category or "")
        for cid, sid, role in links
    ]
    recategorise(session, changes, settings=settings, now=now)
    refs = {raised[i].row.ref: raised[i].category for i in ids}
    audit.record(
        session,
        actor,
        "complaint.recategorise",
        f"complaint:{next(iter(refs))}" if len(refs) == 1 else "complaints",
        {"categories": dict(list(refs.items())[:1000]), "count": len(refs)},
    )


@dataclass(frozen=True, slots=True)
class _Completed:
    """A folded complaint whose content repeats completed: its new findings, and the
    sources its new words name that it was not linked to."""

    score: float
    symbols: tuple[str, ...]
    new_links: tuple[tuple[str, str], ...]


def _complete_folded(
    session: Session, vault: Vault, amends: dict[int, _Amend], context: RegistryContext
) -> dict[int, _Completed]:
    """Add what repeats said (``_Amend.contents``) to the content of the complaints they
    fold into, analyse the completed content, and store it with its findings; a graver
    label of the engine raises the complaint (``_Amend.category``)."""
    wanted = {cid: a for cid, a in amends.items() if a.contents}
    if not wanted:
        return {}
    rows = session.execute(
        select(_C.c.id, _C.c.ref, _C.c.content_enc, _C.c.source_value, _C.c.channel)
        .where(_C.c.id.in_(sorted(wanted)))
    ).all()
    todo: list[tuple[Any, dict[str, Any], str]] = []
    for row in rows:
        payload = orjson.loads(vault.decrypt(row.content_enc, row.ref.encode()))
        before = str(payload.get("content", ""))
        content = before
        for words in wanted[row.id].contents:
            content = _merged(content, words)
        if content != before:
            todo.append((row, payload, content))
    verdicts = analyse_messages(
        [Message(text=c, sender=r.source_value, channel=ENGINE_CHANNEL[r.channel], id=str(r.id))
         for r, _, c in todo],
        context,
    )
    linked = _links_of(session, [r.id for r, _, _ in todo])
    done: dict[int, _Completed] = {}
    for (row, payload, content), verdict in zip(todo, verdicts, strict=True):
        amend = wanted[row.id]
        raised = _graver(amend.category or amend.row.category, verdict.label)
        if raised:
            amend.category = raised
        payload["content"] = content
        payload["verdict"] = verdict.to_dict(with_entities=True)
        symbols = tuple(s.name for s in verdict.symbols)
        session.execute(
            update(_C).where(_C.c.id == row.id).values(
                content_enc=vault.encrypt(orjson.dumps(payload, default=str), row.ref.encode()),
                score=float(verdict.score),
                symbols=orjson.dumps(list(symbols)).decode(),
            )
        )
        have = {(k, v) for k, v, _ in linked.get(row.id, [])}
        new_links = tuple(dict.fromkeys(
            kv for kv in _content_sources(verdict.entities, content) if kv not in have
        ))
        done[row.id] = _Completed(float(verdict.score), symbols, new_links)
    return done


def _link_completed(
    session: Session,
    completed: dict[int, _Completed],
    amends: dict[int, _Amend],
    *,
    settings: CentreSettings,
    now: datetime,
) -> None:
    """Link completed complaints to the sources their new words name, counted with the
    complaint's (final) category."""
    events = []
    for cid, c in completed.items():
        a = amends[cid]
        for kind, value in c.new_links:
            events.append(ComplaintEvent(
                kind, value, a.category or a.row.category, a.row.reporter, "content",
                bool(a.row.reporter_verified),
            ))
    if not events:
        return
    srcs = record_complaint_events(session, events, settings=settings, now=now)
    bulk.insert_rows(session.connection(), _CS, [
        {"complaint_id": cid, "source_id": srcs[kv].id, "role": "content"}
        for cid, c in completed.items()
        for kv in c.new_links
    ])


def _answer_completed(
    completed: dict[int, _Completed],
    amends: dict[int, _Amend],
    results: list[ComplaintResult | None],
) -> None:
    """Answers to repeats that completed a complaint: its new category and findings."""
    for cid, c in completed.items():
        a = amends[cid]
        category = a.category or a.row.category
        for i in a.indices:
            r = results[i]
            if r is None:
                continue
            status = "upgraded" if category != a.row.category else r.status
            results[i] = replace(r, status=status, category=category, score=c.score)


def _links_of(session: Session, ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    """The ``(kind, value, role)`` links of complaints ``ids``."""
    conn = session.connection()
    linked: dict[int, list[tuple[str, str, str]]] = {}
    for part in bulk.parts(conn, sorted(ids)):
        for cid, kind, value, role in conn.execute(
            select(_CS.c.complaint_id, Source.kind, Source.value, _CS.c.role)
            .join(Source, Source.id == _CS.c.source_id)
            .where(bulk.value_in(conn, _CS.c.complaint_id, part))
            .order_by(_CS.c.complaint_id, _CS.c.source_id)
        ):
            linked.setdefault(cid, []).append((kind, value, role))
    return linked


def json_names(symbols: str) -> list[str]:
    return list(orjson.loads(symbols))


def submit(session: Session, vault: Vault, item: ComplaintInput, **kwargs: Any) -> ComplaintResult:
    return submit_many(session, vault, [item], **kwargs)[0]


def _by_ref(session: Session, ref: str) -> Complaint | None:
    """The complaint whose reference is ``ref``."""
    return session.execute(select(Complaint).where(Complaint.ref == ref)).scalar_one_or_none()


def get(session: Session, vault: Vault, ref: str) -> dict[str, Any] | None:
    """A complaint for an analyst: decrypted content and verdict, reporter pseudonym only."""
    row = _by_ref(session, ref)
    if row is None:
        return None
    payload = orjson.loads(vault.decrypt(row.content_enc, row.ref.encode()))
    linked = session.execute(
        select(Source.kind, Source.value, ComplaintSource.role)
        .join(ComplaintSource, ComplaintSource.source_id == Source.id)
        .where(ComplaintSource.complaint_id == row.id)
    ).all()
    ev = session.execute(
        select(Evidence.id, Evidence.filename, Evidence.media_type, Evidence.size).where(
            Evidence.complaint_id == row.id
        )
    ).all()
    return {
        "ref": row.ref,
        "received_at": iso(row.received_at),
        "last_at": iso(row.last_at),
        "reported_at": iso(row.reported_at) if row.reported_at else None,
        "channel": row.channel,
        "via": row.via,
        "reporter": row.reporter,
        "reporter_verified": bool(row.reporter_verified),
        "source": None
        if row.source_kind is None
        else {"kind": row.source_kind, "value": row.source_value},
        "category": row.category,
        "score": row.score,
        "count": row.count,
        "content": payload.get("content", ""),
        "meta": payload.get("meta", {}),
        "verdict": payload.get("verdict", {}),
        "linked": [{"kind": k, "value": v, "role": r} for k, v, r in linked],
        "evidence": [{"id": i, "filename": f, "media_type": m, "size": s} for i, f, m, s in ev],
    }


def listing(
    session: Session,
    *,
    before: int | None = None,
    limit: int = 50,
    channel: str | None = None,
    category: str | None = None,
    source: tuple[str, str] | None = None,
) -> tuple[list[dict[str, Any]], int | None]:
    """Newest complaints first, as summaries (no content, no reporter; whether the
    reporter is verified): for triage.
    Returns ``(items, next_before)``; pass ``next_before`` as ``before`` for the next page."""
    q = (
        select(
            Complaint.id,
            Complaint.ref,
            Complaint.received_at,
            Complaint.last_at,
            Complaint.channel,
            Complaint.via,
            Complaint.reporter_verified,
            Complaint.category,
            Complaint.score,
            Complaint.count,
            Complaint.source_kind,
            Complaint.source_value,
        )
        .order_by(Complaint.id.desc())
        .limit(max(1, min(limit, 500)))
    )
    if before is not None:
        q = q.where(Complaint.id < before)
    if channel:
        q = q.where(Complaint.channel == channel)
    if category:
        q = q.where(Complaint.category == category)
    if source:
        q = q.where(Complaint.source_kind == source[0], Complaint.source_value == source[1])
    rows = session.execute(q).all()
    items = [
        {
            "ref": r.ref,
            "received_at": iso(r.received_at),
            "last_at": iso(r.last_at),
            "channel": r.channel,
            "via": r.via,
            "reporter_verified": bool(r.reporter_verified),
            "category": r.category,
            "score": r.score,
            "count": r.count,
            "source": None
            if r.source_kind is None
            else {"kind": r.source_kind, "value": r.source_value},
        }
        for r in rows
    ]
    return items, (rows[-1].id if rows and len(rows) == max(1, min(limit, 500)) else None)


def evidence_file(
    session: Session, vault: Vault, ref: str, evidence_id: int
) -> tuple[str, str, bytes] | None:
    """``(filename, media_type, data)`` of one evidence file of complaint ``ref``."""
    complaint = _by_ref(session, ref)
    if complaint is None:
        return None
    row = session.execute(
        select(Evidence.filename, Evidence.media_type, Evidence.data_enc).where(
            Evidence.complaint_id == complaint.id, Evidence.id == evidence_id
        )
    ).first()
    if row is None:
        return None
    return row[0], row[1], vault.decrypt(row[2], complaint.ref.encode())


def exists(session: Session, ref: str) -> bool:
    return _by_ref(session, ref) is not None


def purge(
    session: Session, older_than_days: float, *, actor: str = "system", now: datetime | None = None
) -> int:
    """Delete complaints (with evidence and links) last seen more than ``older_than_days``
    ago. Source reputation counters are kept (they hold no personal data)."""
    if older_than_days < 0:
        raise ValueError("older_than_days must not be negative")
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    ids = select(Complaint.id).where(Complaint.last_at < cutoff)
    session.execute(delete(Evidence).where(Evidence.complaint_id.in_(ids)))
    session.execute(delete(ComplaintSource).where(ComplaintSource.complaint_id.in_(ids)))
    n = session.execute(delete(Complaint).where(Complaint.last_at < cutoff)).rowcount or 0
    audit.record(
        session,
        actor,
        "complaints.purge",
        "complaints",
        {"older_than_days": older_than_days, "cutoff": iso(cutoff), "deleted": n},
    )
    return int(n)
