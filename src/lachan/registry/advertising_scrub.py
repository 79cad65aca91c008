"""Scrubbing number lists against the Do-Not-Call register and an advertiser's consents
and refusals; bulk import of a Do-Not-Call register.

The register lives in the centre's ``dnc`` table (:mod:`lachan.registry.dnc`); for speed
:func:`dnc_index` keeps a :class:`~lachan.registry.dnc_index.DncIndex` built from it,
persisted under ``$LACHAN_HOME/dnc_index`` and rebuilt when the register's version (row
count and last history id) changes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import numpy as np
import orjson
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from lachan.registry import audit
from lachan.registry.advertising import AdvertisingError, get_advertiser
from lachan.registry.advertising_numbers import (
    INVALID,
    MAX_NUMBER_CHARS,
    format_national,
    normalise_numbers,
)
from lachan.registry.clock import as_utc, utcnow
from lachan.registry.dnc import iter_numbers
from lachan.registry.dnc_index import CODE_SCOPES, DncIndex, DncIndexError
from lachan.store.session import lachan_home
from lachan.store.tables_advertising import Consent, Refusal
from lachan.store.tables_centre import DncEntry, DncEvent

CHUNK = 100_000
MAX_LINE_BYTES = 4_096
_SETS = {"sms": {"sms"}, "call": {"call"}, "all": {"sms", "call"}}


class MalformedList(AdvertisingError):
    code = "malformed_csv"


# ------------------------------------------------------------------------ reading lists


def chunked(items: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    buf: list[str] = []
    for it in items:
        buf.append(it)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def iter_chunks(
    stream: IO[bytes], column: str | None = None, size: int = CHUNK
) -> Iterator[list[str]]:
    """Lists of at most ``size`` entries from ``stream``: one entry per line (blank lines
    and ``#`` comments skipped), read in large blocks, which is what makes big files
    fast; or, with ``column``, that column of a CSV file with a header. Raises
    :class:`MalformedList` naming the line."""
    if column is not None:
        yield from chunked(_csv_column(stream, column), size)
        return
    rest = b""
    first = True
    lineno = 0
    while True:
        block = stream.read(1 << 22)
        if not block:
            break
        if first:
            block = block.removeprefix(b"\xef\xbb\xbf")
            first = False
        lines = (rest + block).split(b"\n")
        rest = lines.pop()
        if len(rest) > MAX_LINE_BYTES:
            raise MalformedList(f"line {lineno + len(lines) + 1} is over {MAX_LINE_BYTES} bytes")
        lineno += len(lines)
        yield from _decoded(lines, lineno - len(lines), size)
    if rest:
        yield from _decoded([rest], lineno, size)


def _csv_column(stream: IO[bytes], column: str) -> Iterator[str]:
    """The named column of a CSV file, read by :mod:`lachan.ingest.csv_numbers`
    (delimiter from the header, column names matched without case or diacritics)."""
    from lachan.ingest.csv_numbers import iter_numbers
    from lachan.ingest.errors import IngestError

    try:
        for _line, raw in iter_numbers(stream, column=column):
            if raw:
                yield raw
    except IngestError as exc:
        raise MalformedList(exc.message) from None


def _decoded(lines: list[bytes], first_lineno: int, size: int) -> Iterator[list[str]]:
    out: list[str] = []
    for j, raw in enumerate(lines):
        raw = raw.strip()
        if not raw or raw.startswith(b"#"):
            continue
        if len(raw) > MAX_LINE_BYTES:
            raise MalformedList(f"line {first_lineno + j + 1} is over {MAX_LINE_BYTES} bytes")
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise MalformedList(f"line {first_lineno + j + 1} is not UTF-8 text") from None
        if len(out) >= size:
            yield out
            out = []
    if out:
        yield out


# --------------------------------------------------------------------------- DNC index

_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, int], DncIndex]] = {}


def register_version(session: Session) -> tuple[int, int]:
    count = session.execute(select(func.count()).select_from(DncEntry)).scalar_one()
    last = session.execute(select(func.max(DncEvent.id))).scalar_one()
    return int(count), int(last or 0)


def _build_from_db(session: Session) -> DncIndex:
    buckets: dict[str, list[int]] = {"sms": [], "call": [], "all": []}
    for number, scope in iter_numbers(session, batch=50_000):
        if number.isdigit() and scope in buckets and int(number) <= 4_294_967_295:
            buckets[scope].append(int(number))
    return DncIndex({k: np.asarray(v, dtype=np.int64) for k, v in buckets.items()})


def dnc_index(session: Session, directory: Path | None = None) -> DncIndex:
    """The index of the register as it is now (memory, then disk, then the database)."""
    version = register_version(session)
    key = str(session.get_bind().url)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
    directory = directory or (lachan_home() / "dnc_index")
    idx: DncIndex | None = None
    try:
        disk = DncIndex.load(directory)
        if disk.meta.get("version") == list(version) and disk.meta.get("db") == _db_tag(key):
            idx = disk
    except DncIndexError:
        idx = None
    if idx is None:
        idx = _build_from_db(session)
        try:
            idx.save(directory, version=list(version), db=_db_tag(key))
        except OSError:
            pass  # a read-only home still scrubs, from memory
    with _cache_lock:
        _cache[key] = (version, idx)
    return idx


def _db_tag(url: str) -> str:
    import hashlib

    return hashlib.sha256(url.encode()).hexdigest()[:16]


# ------------------------------------------------------------------------- consent view


@dataclass(slots=True)
class ConsentView:
    """An advertiser's consents and refusals as they stand at one time, per channel."""

    allowed: np.ndarray  # sorted nsn with live consent for the channel
    withdrawn: np.ndarray
    refused: np.ndarray
    emails_allowed: set[str]
    emails_withdrawn: set[str]
    emails_refused: set[str]


def consent_view(
    session: Session, advertiser_id: int, channel: str, at: datetime | None = None
) -> ConsentView:
    at = as_utc(at) if at else utcnow()
    events: dict[str, list[tuple[datetime, str]]] = {}
    for rec, _ch, given, withdrawn in session.execute(
        select(Consent.recipient, Consent.channel, Consent.given_at, Consent.withdrawn_at).where(
            Consent.advertiser_id == advertiser_id,
            Consent.channel.in_((channel, "all")),
        )
    ):
        events.setdefault(rec, []).append((as_utc(given), "given"))
        if withdrawn is not None:
            events[rec].append((as_utc(withdrawn), "withdrawn"))
    for rec, received in session.execute(
        select(Refusal.recipient, Refusal.received_at).where(Refusal.advertiser_id == advertiser_id)
    ):
        events.setdefault(rec, []).append((as_utc(received), "refused"))
    state: dict[str, str] = {}
    for rec, evs in events.items():
        evs.sort()
        cur = None
        for t, kind in evs:
            if t > at:
                break
            cur = kind
        if cur:
            state[rec] = cur

    def arr(kind: str) -> np.ndarray:
        nums = [int(r) for r, s in state.items() if s == kind and r.isdigit()]
        return np.unique(np.asarray(nums, dtype=np.int64))

    def emails(kind: str) -> set[str]:
        return {r for r, s in state.items() if s == kind and "@" in r}

    return ConsentView(
        arr("given"),
        arr("withdrawn"),
        arr("refused"),
        emails("given"),
        emails("withdrawn"),
        emails("refused"),
    )


def _isin(sorted_arr: np.ndarray, q: np.ndarray) -> np.ndarray:
    if sorted_arr.size == 0:
        return np.zeros(q.size, dtype=bool)
    pos = np.searchsorted(sorted_arr, q)
    pos[pos == sorted_arr.size] = sorted_arr.size - 1
    return sorted_arr[pos] == q


# ------------------------------------------------------------------------------ scrub


#: Consent part of the scrub code: 0 consent, 1 refused, 2 withdrawn, 3 no consent.
_CONSENT_REASON = {0: None, 1: "refused", 2: "consent_withdrawn", 3: "no_consent"}


def _reasons(code: int) -> list[str]:
    """Reasons for a scrub code (bit 0-1 DNC scope code, bits 2-3 consent, 16 invalid)."""
    if code & 16:
        return ["invalid_number"]
    out = []
    if code & 3:
        out.append(f"dnc:{CODE_SCOPES[code & 3]}")
    consent = _CONSENT_REASON[(code >> 2) & 3]
    if consent:
        out.append(consent)
    return out


def scrub_codes(
    items: Sequence[str], channel: str, index: DncIndex, view: ConsentView
) -> tuple[np.ndarray, np.ndarray]:
    """National numbers and one small code per item (see :func:`_reasons`); vectorised."""
    nsn = normalise_numbers(items)
    invalid = nsn == INVALID
    codes = index.scope_codes(nsn).astype(np.int64)
    bit = 1 if channel == "sms" else 2
    codes = np.where((codes & bit) != 0, codes, 0)
    consent = np.full(nsn.size, 3, dtype=np.int64)
    consent[_isin(view.allowed, nsn)] = 0
    consent[_isin(view.withdrawn, nsn)] = 2
    consent[_isin(view.refused, nsn)] = 1
    codes = codes | (consent << 2)
    codes[invalid] = 16
    return nsn, codes


def scrub_chunk(
    items: Sequence[str], channel: str, index: DncIndex, view: ConsentView
) -> list[dict[str, Any]]:
    """``{number, allowed, reasons}`` for each item."""
    if channel == "email":
        return [_scrub_email(it, view) for it in items]
    nsn, codes = scrub_codes(items, channel, index, view)
    reasons = {c: _reasons(c) for c in set(codes.tolist())}
    return [
        {"number": raw[:MAX_NUMBER_CHARS], "allowed": False, "reasons": ["invalid_number"]}
        if c == 16
        else {"number": f"0{n}", "allowed": not reasons[c], "reasons": list(reasons[c])}
        for raw, n, c in zip(items, nsn.tolist(), codes.tolist(), strict=True)
    ]


def scrub_jsonl(
    items: Sequence[str], channel: str, index: DncIndex, view: ConsentView
) -> tuple[str, int]:
    """The same as :func:`scrub_chunk`, as JSON Lines text (fast path for big files),
    and how many items are allowed."""
    if channel == "email":
        rows = [_scrub_email(it, view) for it in items]
        text = "".join(orjson.dumps(r).decode() + "\n" for r in rows)
        return text, sum(1 for r in rows if r["allowed"])
    nsn, codes = scrub_codes(items, channel, index, view)
    tails = {
        c: ',"allowed":'
        + ("false" if _reasons(c) else "true")
        + ',"reasons":'
        + orjson.dumps(_reasons(c)).decode()
        + "}\n"
        for c in set(codes.tolist())
    }
    parts = [
        '{"number":' + orjson.dumps(raw[:MAX_NUMBER_CHARS]).decode() + tails[16]
        if c == 16
        else '{"number":"0' + str(n) + '"' + tails[c]
        for raw, n, c in zip(items, nsn.tolist(), codes.tolist(), strict=True)
    ]
    return "".join(parts), int((codes == 0).sum())


def _scrub_email(item: str, view: ConsentView) -> dict[str, Any]:
    v = item.strip().lower()
    local, at, domain = v.rpartition("@")
    if not at or not local or "." not in domain or len(v) > 254 or " " in v:
        return {"number": item[:254], "allowed": False, "reasons": ["invalid_address"]}
    if v in view.emails_refused:
        reasons = ["refused"]
    elif v in view.emails_withdrawn:
        reasons = ["consent_withdrawn"]
    elif v not in view.emails_allowed:
        reasons = ["no_consent"]
    else:
        reasons = []
    return {"number": v, "allowed": not reasons, "reasons": reasons}


def _prepare(session: Session, advertiser_id: int, channel: str) -> tuple[DncIndex, ConsentView]:
    if channel not in ("sms", "email", "call"):
        raise AdvertisingError("channel must be sms, email or call")
    get_advertiser(session, advertiser_id)
    index = dnc_index(session) if channel != "email" else DncIndex()
    return index, consent_view(session, advertiser_id, channel)


def scrub(
    session: Session, advertiser_id: int, channel: str, chunks: Iterable[Sequence[str]]
) -> Iterator[list[dict[str, Any]]]:
    """Scrub chunks of a list for ``advertiser_id`` on ``channel``; yields per chunk.
    The advertiser and channel are checked at once (before the first chunk is read)."""
    index, view = _prepare(session, advertiser_id, channel)
    return (scrub_chunk(chunk, channel, index, view) for chunk in chunks)


def scrub_lines(
    session: Session, advertiser_id: int, channel: str, chunks: Iterable[Sequence[str]]
) -> Iterator[tuple[str, int, int]]:
    """Like :func:`scrub`, yielding ``(JSON Lines text, items, allowed)`` per chunk."""
    index, view = _prepare(session, advertiser_id, channel)

    def run() -> Iterator[tuple[str, int, int]]:
        for chunk in chunks:
            text, allowed = scrub_jsonl(chunk, channel, index, view)
            yield text, len(chunk), allowed

    return run()


# -------------------------------------------------------------------------- DNC import


def import_dnc(
    session: Session,
    items: Iterable[str],
    scope: str = "all",
    *,
    actor: str = "system",
    via: str = "import",
) -> dict[str, int]:
    """Bulk-load numbers onto the register for ``scope`` (added to what each has).
    Any malformed number refuses the whole load (nothing written), naming its place."""
    if scope not in _SETS:
        raise AdvertisingError("scope must be sms, call or all")
    now = utcnow()
    added = changed = unchanged = 0
    seen = 0
    for chunk in chunked(items, 50_000):
        nsn = normalise_numbers(chunk)
        bad = np.flatnonzero(nsn == INVALID)
        if bad.size:
            first = [f"item {seen + int(i) + 1}: {chunk[int(i)][:30]!r}" for i in bad[:3]]
            raise AdvertisingError(
                f"{bad.size} malformed number(s) in the file, nothing imported; " + "; ".join(first)
            )
        numbers = sorted({format_national(int(n)) for n in nsn.tolist()})
        seen += len(chunk)
        existing: dict[str, DncEntry] = {}
        for i in range(0, len(numbers), 500):
            for row in session.execute(
                select(DncEntry).where(DncEntry.number.in_(numbers[i : i + 500]))
            ).scalars():
                existing[row.number] = row
        new_rows, events = [], []
        for number in numbers:
            row = existing.get(number)
            if row is None:
                new_rows.append(
                    {"number": number, "scope": scope, "registered_at": now, "updated_at": now}
                )
                events.append(
                    {
                        "number": number,
                        "action": "register",
                        "scope": scope,
                        "scope_after": scope,
                        "via": via,
                        "at": now,
                    }
                )
                added += 1
                continue
            after_set = _SETS[row.scope] | _SETS[scope]
            after = "all" if after_set == _SETS["all"] else next(iter(after_set))
            if after == row.scope:
                unchanged += 1
                continue
            row.scope, row.updated_at = after, now
            events.append(
                {
                    "number": number,
                    "action": "register",
                    "scope": scope,
                    "scope_after": after,
                    "via": via,
                    "at": now,
                }
            )
            changed += 1
        if new_rows:
            session.execute(insert(DncEntry), new_rows)
        if events:
            session.execute(insert(DncEvent), events)
        session.flush()
    audit.record(
        session,
        actor,
        "dnc.import",
        "dnc:register",
        {"scope": scope, "added": added, "changed": changed, "unchanged": unchanged},
    )
    return {"read": seen, "added": added, "changed": changed, "unchanged": unchanged}
