"""Scrubbing number lists against the Do-Not-Call register and an advertiser's consents
and refusals; bulk import of a Do-Not-Call register.

The register lives in the centre's ``dnc`` table (:mod:`lachan.registry.dnc`), which
holds each number only as its keyed pseudonym; for speed :func:`dnc_index` keeps a
:class:`~lachan.registry.dnc_index.DncIndex` of the pseudonyms' first 8 bytes built from it,
persisted under ``$LACHAN_HOME/dnc_index`` and rebuilt when the register's version
(:func:`register_version`) changes. The version names the database's contents, not only
their size: besides the row count and the last history id it holds a digest of the last
history event and of the audit entry that recorded it, whose hash chains every write
before it. A database replaced or restored from a copy with as many rows therefore
never reuses an index built for another.

An advertiser's consents and refusals are read as they stand by their recipients'
pseudonyms, as the tables hold them: no recipient is held in clear. A scrub reads them
through :class:`ConsentLookup`: only the list's own recipients while the list is shorter
than what the advertiser holds, else all of them at once (:func:`consent_view`).

Lists are read in chunks (:class:`Entries`): the entries, the 1-based line of each, and
the lines that could not be read (a malformed CSV row), which the scrubber answers with
an error object in their place, so that the output has one line per entry.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import numpy as np
import orjson
from sqlalchemy import Connection, Select, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lachan.gc_pause import gc_paused
from lachan.registry import audit
from lachan.registry.advertising import AdvertisingError, get_advertiser
from lachan.registry.advertising_numbers import (
    FIXED_NSN_MIN,
    INVALID,
    MAX_NUMBER_CHARS,
    normalise_numbers,
)
from lachan.registry.audit import session_vault
from lachan.registry.clock import as_utc, iso, utcnow
from lachan.registry.dnc import AUDIT_TARGET, iter_pseudonyms
from lachan.registry.dnc_index import (
    CODE_SCOPES,
    DncIndex,
    DncIndexError,
    keys_of_pseudonyms,
    sorted_unique,
)
from lachan.store import bulk
from lachan.store.session import lachan_home
from lachan.store.tables_advertising import Consent, Refusal
from lachan.store.tables_centre import AuditEntry, DncEntry, DncEvent

CHUNK = 100_000
MAX_LINE_BYTES = 4_096
#: Most bad lines one error message lists (the count says how many there were).
MAX_LISTED_ERRORS = 20
_SETS = {"sms": {"sms"}, "call": {"call"}, "all": {"sms", "call"}}


class MalformedList(AdvertisingError):
    code = "malformed_csv"


class Entries(list[str]):
    """A chunk of a list: the entries as written, ``lines`` (the 1-based line of each) and
    ``errors`` (position in the chunk -> why that line could not be read; its entry is
    empty). A plain list of strings works wherever this does, with items counted
    instead of lines."""

    def __init__(self, items: Iterable[str] = (), lines: Iterable[int] = (),
                 errors: dict[int, str] | None = None) -> None:
        super().__init__(items)
        self.lines: list[int] = list(lines)
        self.errors: dict[int, str] = errors or {}


def place(chunk: Sequence[str], i: int, offset: int = 0) -> str:
    """Where entry ``i`` of ``chunk`` is, for a message: ``line N`` when the chunk knows
    its lines, else ``item N`` (1-based, ``offset`` entries before the chunk)."""
    lines = getattr(chunk, "lines", None)
    if lines:
        return f"line {lines[i]}"
    return f"item {offset + i + 1}"


def chunk_errors(chunk: Sequence[str]) -> dict[int, str]:
    """The unreadable lines of ``chunk`` (none for a plain list)."""
    return getattr(chunk, "errors", None) or {}


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
) -> Iterator[Entries]:
    """Chunks of at most ``size`` entries from ``stream``: one entry per line, ended by
    CR LF, LF or a lone CR (blank lines and ``#`` comments skipped; a first line that
    names a column, such as ``phone``, is a header: :func:`_is_header`), read in large
    blocks, which is what makes big files fast;
    or, with ``column``, that column of a CSV file with a header. A file that cannot be
    read raises :class:`MalformedList` naming the line; a malformed CSV row is kept in
    its chunk's ``errors``."""
    if column is not None:
        yield from _csv_column(stream, column, size)
        return
    rest = b""
    state = _ListState(size)
    lineno = 0
    while True:
        block = stream.read(1 << 22)
        if not block:
            break
        if lineno == 0 and not rest:
            block = block.removeprefix(b"\xef\xbb\xbf")
        lines, rest = _split_lines(rest + block)
        if len(rest) > MAX_LINE_BYTES:
            raise MalformedList(f"line {lineno + len(lines) + 1} is over {MAX_LINE_BYTES} bytes")
        yield from state.add(lines, lineno)
        lineno += len(lines)
    if rest:
        yield from state.add([rest], lineno)
    yield from state.flush()


def _split_lines(data: bytes) -> tuple[list[bytes], bytes]:
    """The complete lines of ``data`` and what is left of it: lines end with CR LF, LF or
    a lone CR (old Mac files). A CR at the very end is kept in what is left, since the
    LF of a CR LF may start the next block."""
    held = b"\r" if data.endswith(b"\r") else b""
    if held:
        data = data[:-1]
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    lines = data.split(b"\n")
    return lines, lines.pop() + held


class _ListState:
    """Collects the entries of a plain list into :class:`Entries` chunks."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: list[str] = []
        self.lines: list[int] = []
        self.seen_entry = False

    def add(self, raw_lines: list[bytes], before: int) -> Iterator[Entries]:
        """Take ``raw_lines`` (the first is line ``before + 1``); yield full chunks.

        A block whose entries are all short UTF-8 lines (nearly every one) is taken in
        a few list operations; any other goes line by line (:meth:`_add_lines`), which
        names the line at fault."""
        stripped = [raw.strip() for raw in raw_lines]
        kept = [j for j, raw in enumerate(stripped) if raw and raw[0] != 0x23]  # "#"
        if not kept:
            return
        entries = [stripped[j] for j in kept]
        try:
            if max(map(len, entries)) > MAX_LINE_BYTES:
                raise ValueError
            texts = b"\n".join(entries).decode("utf-8").split("\n")
        except ValueError:  # (UnicodeDecodeError too) the slow way, to name the line
            yield from self._add_lines(raw_lines, before)
            return
        numbers = [before + j + 1 for j in kept]
        if not self.seen_entry:
            self.seen_entry = True
            if _is_header(texts[0]):
                del texts[0], numbers[0]
        at = 0
        while at < len(texts):
            room = self.size - len(self.items)
            self.items.extend(texts[at : at + room])
            self.lines.extend(numbers[at : at + room])
            at += room
            if len(self.items) >= self.size:
                yield from self.flush()

    def _add_lines(self, raw_lines: list[bytes], before: int) -> Iterator[Entries]:
        items, lines = self.items, self.lines
        for j, raw in enumerate(raw_lines):
            raw = raw.strip()
            if not raw or raw.startswith(b"#"):
                continue
            lineno = before + j + 1
            if len(raw) > MAX_LINE_BYTES:
                raise MalformedList(f"line {lineno} is over {MAX_LINE_BYTES} bytes")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise MalformedList(f"line {lineno} is not UTF-8 text") from None
            if not self.seen_entry:
                self.seen_entry = True
                if _is_header(text):
                    continue
            items.append(text)
            lines.append(lineno)
            if len(items) >= self.size:
                yield from self.flush()
                items, lines = self.items, self.lines

    def flush(self) -> Iterator[Entries]:
        if self.items:
            yield Entries(self.items, self.lines)
            self.items, self.lines = [], []


def _is_header(text: str) -> bool:
    """A first line naming the column (``phone``, ``Số điện thoại``, ``email``), not an
    entry (:func:`lachan.ingest.csv_numbers.looks_like_header`): a first line ``abc`` is
    an entry, answered as invalid, not dropped."""
    from lachan.ingest.csv_numbers import looks_like_header

    return looks_like_header(text)


def _csv_column(stream: IO[bytes], column: str, size: int) -> Iterator[Entries]:
    """The named column of a CSV file, read by :mod:`lachan.ingest.csv_numbers`
    (delimiter from the header, column names matched without case or diacritics).
    Malformed rows, and rows whose cell in the column is empty, are kept as errors (the
    scrubber answers them, an import refuses them); blank lines are skipped."""
    from lachan.ingest.csv_numbers import iter_rows
    from lachan.ingest.errors import IngestError

    chunk = Entries()
    try:
        for row in iter_rows(stream, column=column):
            if row.error is not None:
                chunk.errors[len(chunk)] = row.error
            elif not row.raw:
                chunk.errors[len(chunk)] = f"line {row.line}: the {column!r} cell is empty"
            chunk.append(row.raw)
            chunk.lines.append(row.line)
            if len(chunk) >= size:
                yield chunk
                chunk = Entries()
    except IngestError as exc:
        raise MalformedList(exc.message) from None
    if chunk:
        yield chunk


# --------------------------------------------------------------------------- DNC index

_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, int, str], DncIndex]] = {}


def register_version(session: Session) -> tuple[int, int, str]:
    """What names the register's contents: row count, last history id, and a digest of
    that last event and of the audit entry recording it (whose hash chains every earlier
    write), so that another database with as many rows and events is another version.
    A few indexed look-ups, whatever the register's size."""
    count = int(session.execute(select(func.count()).select_from(DncEntry)).scalar_one())
    last = session.execute(
        select(DncEvent).order_by(DncEvent.id.desc()).limit(1)
    ).scalar_one_or_none()
    if last is None:
        return count, 0, ""
    audit_hash = session.execute(
        select(AuditEntry.hash)
        .where(AuditEntry.target == AUDIT_TARGET)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    event = "\x1f".join(
        (last.pseudonym, last.action, last.scope, last.scope_after, last.via, iso(last.at),
         audit_hash or "")
    )
    return count, int(last.id), hashlib.sha256(event.encode()).hexdigest()[:32]


#: Pseudonyms held as text at once while the index is built: each batch becomes 8-byte
#: keys before the next is read (50 million 64-digit strings would take about 6 GB).
_BUILD_BATCH = 50_000


def _build_from_db(session: Session) -> DncIndex:
    pending: dict[str, list[str]] = {"sms": [], "call": [], "all": []}
    keys: dict[str, list[np.ndarray]] = {k: [] for k in pending}
    for pseudonym, scope in iter_pseudonyms(session, batch=_BUILD_BATCH):
        bucket = pending.get(scope)
        if bucket is None:
            continue
        bucket.append(pseudonym)
        if len(bucket) >= _BUILD_BATCH:
            keys[scope].append(keys_of_pseudonyms(bucket))
            bucket.clear()
    for scope, bucket in pending.items():
        keys[scope].append(keys_of_pseudonyms(bucket))
    return DncIndex({k: np.concatenate(v) for k, v in keys.items()})


def dnc_index(session: Session, directory: Path | None = None) -> DncIndex:
    """The index of the register as it is now (memory, then disk, then the database),
    keying the numbers asked about with the session's vault."""
    return _index(session, directory).keyed(session_vault(session).dnc_digests)


def _index(session: Session, directory: Path | None) -> DncIndex:
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
    return hashlib.sha256(url.encode()).hexdigest()[:16]


# ------------------------------------------------------------------------- consent view


#: Consent part of a scrub code per state of a recipient: 0 consent, 1 refused, 2
#: consent withdrawn (3: none, see :data:`_CONSENT_REASON`).
_STATE_CODES = {"given": 0, "refused": 1, "withdrawn": 2}
NO_CONSENT = 3

Digests = Callable[[Iterable[bytes]], Iterator[bytes]]


class _RecipientCodes:
    """What the scrubber asks of an advertiser's consents: :meth:`codes` of normalised
    recipients, and the two forms built on it."""

    __slots__ = ()

    def codes(self, recipients: Sequence[bytes]) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def number_codes(self, nsn: np.ndarray) -> np.ndarray:
        """The consent code of each national significant number (``NO_CONSENT`` for
        none, and for an entry that is not a number)."""
        out = np.full(nsn.size, NO_CONSENT, dtype=np.int64)
        valid = np.flatnonzero(nsn > 0)
        if valid.size:
            out[valid] = self.codes([b"0%09d" % n for n in nsn[valid].tolist()])
        return out

    def address_code(self, address: str) -> int:
        """The consent code of a normalised e-mail address."""
        return int(self.codes([address.encode("utf-8", "surrogatepass")])[0])


@dataclass(slots=True)
class ConsentView(_RecipientCodes):
    """An advertiser's consents and refusals as they stand at one time, for one channel.

    The tables hold recipients only as keyed pseudonyms
    (:mod:`lachan.registry.advertising_recipients`), and so does the view: ``words``
    holds the 32-byte digest of each recipient's pseudonym as four ``uint64`` (rows
    sorted by the first), ``codes`` its consent code (0 consent, 1 refused, 2 withdrawn).
    The recipients asked about are keyed with ``digests``
    (:meth:`~lachan.registry.privacy.Vault.ad_recipient_digests`: one HMAC each, only
    when the advertiser has any consent or refusal) and looked up by the first word,
    then compared whole, vectorised: no number reads as consented by chance."""

    words: np.ndarray
    states: np.ndarray
    digests: Digests

    @classmethod
    def of(cls, states: dict[bytes, int], digests: Digests) -> ConsentView:
        """The view of ``states`` (digest of a pseudonym -> consent code)."""
        words = _words(b"".join(states))
        codes = np.fromiter(states.values(), dtype=np.int64, count=len(states))
        order = np.argsort(words[:, 0], kind="stable")
        return cls(words[order], codes[order], digests)

    def codes(self, recipients: Sequence[bytes]) -> np.ndarray:
        """The consent code of each normalised recipient (UTF-8 bytes)."""
        if self.words.shape[0] == 0 or not recipients:  # nothing to key them for
            return np.full(len(recipients), NO_CONSENT, dtype=np.int64)
        return self._codes_of(b"".join(self.digests(recipients)))

    def _codes_of(self, raw: bytes) -> np.ndarray:
        """The consent code of each digest in ``raw`` (32 bytes each): found by its first
        word, then compared whole (only the few whose first word matches)."""
        be = np.frombuffer(raw, dtype=">u8").reshape(-1, 4)
        out = np.full(be.shape[0], NO_CONSENT, dtype=np.int64)
        n = self.words.shape[0]
        if n == 0 or be.shape[0] == 0:
            return out
        first = be[:, 0].astype(np.uint64)
        pos = np.minimum(np.searchsorted(self.words[:, 0], first), n - 1)
        cand = np.flatnonzero(self.words[pos, 0] == first)
        hit = cand[(self.words[pos[cand]] == be[cand].astype(np.uint64)).all(axis=1)]
        out[hit] = self.states[pos[hit]]
        return out


def _words(raw: bytes) -> np.ndarray:
    """32-byte digests as rows of four native ``uint64`` (big-endian words)."""
    return np.frombuffer(raw, dtype=">u8").reshape(-1, 4).astype(np.uint64)


def _consent_query(advertiser_id: int, channel: str) -> Select[Any]:
    return select(Consent.recipient_pseudonym, Consent.given_at, Consent.withdrawn_at).where(
        Consent.advertiser_id == advertiser_id, Consent.channel.in_((channel, "all")))


def _refusal_query(advertiser_id: int) -> Select[Any]:
    return select(Refusal.recipient_pseudonym, Refusal.received_at).where(
        Refusal.advertiser_id == advertiser_id)


def _recipient_states(
    consents: Iterable[Any], refusals: Iterable[Any], at: datetime
) -> dict[bytes, int]:
    """Digest of each pseudonym -> its consent code at ``at`` (aware UTC), from the rows
    of :func:`_consent_query` and :func:`_refusal_query` (every row of each recipient).

    Events are replayed in time order: a consent given makes the recipient consenting, its
    withdrawal ends that consent only, a refusal ends every consent given before it;
    events after ``at`` are not yet. The state is that of the last event replayed."""
    events: dict[str, list[tuple[datetime, str]]] = {}
    for key, given, withdrawn in consents:
        evs = events.get(key)
        if evs is None:
            evs = events[key] = []
        evs.append((given, "given"))
        if withdrawn is not None:
            evs.append((withdrawn, "withdrawn"))
    for key, received in refusals:
        evs = events.get(key)
        if evs is None:
            evs = events[key] = []
        evs.append((received, "refused"))
    naive_at = at.replace(tzinfo=None)  # the times SQLite gives back are naive UTC
    states: dict[bytes, int] = {}
    for key, evs in events.items():
        if len(evs) == 1:  # most recipients: one consent never withdrawn, or one refusal
            t, kind = evs[0]
            if t <= (naive_at if t.tzinfo is None else at):
                states[bytes.fromhex(key)] = _STATE_CODES[kind]
            continue
        cur = None
        live = 0  # consents given and not yet withdrawn: a withdrawal ends its own only
        for t, kind in sorted((as_utc(t), kind) for t, kind in evs):
            if t > at:
                break
            if kind == "given":
                live += 1
            elif kind == "withdrawn":
                live = max(live - 1, 0)
            else:  # a refusal ends every consent before it
                live = 0
            cur = "given" if live else kind
        if cur:
            states[bytes.fromhex(key)] = _STATE_CODES[cur]
    return states


def consent_view(
    session: Session, advertiser_id: int, channel: str, at: datetime | None = None
) -> ConsentView:
    """Every consent and refusal of ``advertiser_id`` for ``channel`` as they stand at
    ``at`` (default now), read at once."""
    at = as_utc(at) if at else utcnow()
    conn = session.connection()  # plain rows: no ORM work for each of many consents
    states = _recipient_states(conn.execute(_consent_query(advertiser_id, channel)).all(),
                               conn.execute(_refusal_query(advertiser_id)).all(), at)
    return ConsentView.of(states, session_vault(session).ad_recipient_digests)


#: Pseudonyms a look-up of :class:`ConsentLookup` names in one statement.
LOOKUP_BATCH = 500
#: :class:`ConsentLookup` looks recipients up while the advertiser holds at least this
#: many times as many consents and refusals as the recipients asked about so far: a
#: recipient looked up costs two to three times what a consent read with all the others
#: does (SQLite, 100,000 consents: about 14 and 5 microseconds).
LOOKUP_RATIO = 3


class ConsentLookup(_RecipientCodes):
    """An advertiser's consents and refusals for one channel as they stand at ``at``,
    read as a scrub needs them. While the recipients asked about are few next to what
    the advertiser holds (:data:`LOOKUP_RATIO`), only their own rows are read, by their
    pseudonyms (:data:`LOOKUP_BATCH` a statement, on the tables' index of advertiser and
    pseudonym): checking ten numbers does not read a hundred thousand consents. Past
    that, the whole :func:`consent_view` is read once and answers the rest. Both answer
    alike (:func:`_recipient_states`), and an advertiser holding nothing is answered
    without keying any recipient (its view is empty).

    How much the advertiser holds is counted only up to what the decision needs, on the
    index alone (every channel: reading the view reads them all), and remembered for the
    scrub: a later chunk counts again only when it needs more than was counted, and then
    up to at least twice as far (:class:`_HeldCount`), so that a long list scrubbed
    against an advertiser holding millions reads their index a few times in all, not
    once per chunk (which grew as the square of the list's length). Every read takes the
    rows as they stand at ``at``; on a database where each statement sees what was
    committed before it (PostgreSQL's default), a consent recorded during a long scrub,
    backdated to before ``at``, counts for the chunks read after it."""

    __slots__ = ("_asked", "_held", "_view", "advertiser_id", "at", "channel", "digests",
                 "session")

    def __init__(self, session: Session, advertiser_id: int, channel: str,
                 at: datetime | None = None) -> None:
        self.session, self.advertiser_id, self.channel = session, advertiser_id, channel
        self.at = as_utc(at) if at else utcnow()
        self.digests: Digests = session_vault(session).ad_recipient_digests
        self._asked = 0
        self._held = _HeldCount(session, advertiser_id)
        self._view: ConsentView | None = None

    def codes(self, recipients: Sequence[bytes]) -> np.ndarray:
        """The consent code of each normalised recipient (UTF-8 bytes)."""
        if not recipients:
            return np.full(0, NO_CONSENT, dtype=np.int64)
        if self._view is None:
            wanted = LOOKUP_RATIO * (self._asked + len(recipients))
            if self._held.at_least(wanted):
                self._asked += len(recipients)
                return self._looked_up(recipients)
            self._view = consent_view(self.session, self.advertiser_id, self.channel, self.at)
        return self._view.codes(recipients)

    def _looked_up(self, recipients: Sequence[bytes]) -> np.ndarray:
        digests = list(self.digests(recipients))
        keys = sorted({d.hex() for d in digests})
        conn = self.session.connection()
        states: dict[bytes, int] = {}
        for i in range(0, len(keys), LOOKUP_BATCH):
            batch = keys[i : i + LOOKUP_BATCH]
            consents = conn.execute(_consent_query(self.advertiser_id, self.channel).where(
                Consent.recipient_pseudonym.in_(batch))).all()
            refusals = conn.execute(_refusal_query(self.advertiser_id).where(
                Refusal.recipient_pseudonym.in_(batch))).all()
            states.update(_recipient_states(consents, refusals, self.at))
        return np.fromiter((states.get(d, NO_CONSENT) for d in digests), dtype=np.int64,
                           count=len(digests))


#: What the scrubber reads consents through: the whole view or the look-up.
Consents = ConsentView | ConsentLookup


def _count_held(session: Session, advertiser_id: int, limit: int) -> int:
    """How many consents and refusals ``advertiser_id`` holds (any channel), counted no
    further than ``limit`` (the count, or ``limit`` when it holds that many or more)."""
    held = 0
    for table in (Consent, Refusal):
        first = select(table.id).where(table.advertiser_id == advertiser_id).limit(
            limit - held)
        held += int(session.execute(
            select(func.count()).select_from(first.subquery())).scalar_one())
        if held >= limit:
            return limit
    return held


class _HeldCount:
    """How many consents and refusals an advertiser holds, as far as one scrub asked
    (:meth:`at_least`): counted once up to what is asked, and again only when more is
    asked than was counted, then up to at least twice as far. Asked ever more (a long
    list's chunks), the index is read no more than about four times as far as the
    largest question, in all; a count that stopped short of its limit is the whole
    count, and answers every later question without another read."""

    __slots__ = ("advertiser_id", "counted", "limit", "session")

    def __init__(self, session: Session, advertiser_id: int) -> None:
        self.session, self.advertiser_id = session, advertiser_id
        self.limit = 0  # how far the last count went
        self.counted = 0  # what it found (below ``limit``: everything held)

    def at_least(self, n: int) -> bool:
        """Whether the advertiser holds ``n`` or more."""
        if n > self.limit and self.counted >= self.limit:  # not counted that far yet
            self.limit = max(n, 2 * self.limit)
            self.counted = _count_held(self.session, self.advertiser_id, self.limit)
        return self.counted >= n


def _isin(sorted_arr: np.ndarray, q: np.ndarray) -> np.ndarray:
    if sorted_arr.size == 0:
        return np.zeros(q.size, dtype=bool)
    pos = np.searchsorted(sorted_arr, q)
    pos[pos == sorted_arr.size] = sorted_arr.size - 1
    return sorted_arr[pos] == q


# ------------------------------------------------------------------------------ scrub


#: Consent part of the scrub code: 0 consent, 1 refused, 2 withdrawn, 3 no consent.
_CONSENT_REASON = {0: None, 1: "refused", 2: "consent_withdrawn", 3: "no_consent"}


#: Scrub codes of numbers that cannot be reached on the channel at all.
INVALID_CODE = 16
NOT_MOBILE_CODE = 32


def _reasons(code: int) -> list[str]:
    """Reasons for a scrub code (bit 0-1 DNC scope code, bits 2-3 consent, 16 invalid,
    32 a fixed line asked for SMS)."""
    if code & INVALID_CODE:
        return ["invalid_number"]
    if code & NOT_MOBILE_CODE:
        return ["not_mobile"]
    out = []
    if code & 3:
        out.append(f"dnc:{CODE_SCOPES[code & 3]}")
    consent = _CONSENT_REASON[(code >> 2) & 3]
    if consent:
        out.append(consent)
    return out


def scrub_codes(
    items: Sequence[str], channel: str, index: DncIndex, view: Consents
) -> tuple[np.ndarray, np.ndarray]:
    """National numbers and one small code per item (see :func:`_reasons`); vectorised.
    Fixed lines are numbers for calls (they can be on the register for calls); asked for
    SMS, a fixed line is a valid number that cannot receive one: ``not_mobile``."""
    nsn = normalise_numbers(items, fixed=True)
    invalid = nsn == INVALID
    codes = index.number_codes(nsn).astype(np.int64)
    bit = 1 if channel == "sms" else 2
    codes = np.where((codes & bit) != 0, codes, 0)
    codes = codes | (view.number_codes(nsn) << 2)
    if channel == "sms":
        codes[nsn >= FIXED_NSN_MIN] = NOT_MOBILE_CODE
    codes[invalid] = INVALID_CODE
    return nsn, codes


def error_object(line: int | None, message: str) -> dict[str, Any]:
    """What the scrubber answers for a line it could not read: not allowed, with why."""
    return {"line": line, "number": None, "allowed": False, "reasons": ["malformed_row"],
            "error": message}


def _with_errors(rows: list[Any], items: Sequence[str], render: Any = None) -> list[Any]:
    """``rows`` with the unreadable lines of ``items`` answered by their error object."""
    errors = chunk_errors(items)
    if errors:
        lines = getattr(items, "lines", None) or []
        for i, message in errors.items():
            obj = error_object(lines[i] if i < len(lines) else None, message)
            rows[i] = obj if render is None else render(obj)
    return rows


def scrub_chunk(
    items: Sequence[str], channel: str, index: DncIndex, view: Consents
) -> list[dict[str, Any]]:
    """``{number, allowed, reasons}`` for each item (an error object for a line that
    could not be read, see :func:`error_object`)."""
    if channel == "email":
        return _with_errors(_scrub_emails(items, view), items)
    nsn, codes = scrub_codes(items, channel, index, view)
    reasons = {c: _reasons(c) for c in set(codes.tolist())}
    rows = [
        {"number": raw[:MAX_NUMBER_CHARS], "allowed": False, "reasons": ["invalid_number"]}
        if c == INVALID_CODE
        else {"number": f"0{n}", "allowed": not reasons[c], "reasons": list(reasons[c])}
        for raw, n, c in zip(items, nsn.tolist(), codes.tolist(), strict=True)
    ]
    return _with_errors(rows, items)


def _jsonl(row: dict[str, Any]) -> str:
    return orjson.dumps(row).decode() + "\n"


def scrub_jsonl(
    items: Sequence[str], channel: str, index: DncIndex, view: Consents
) -> tuple[str, int]:
    """The same as :func:`scrub_chunk`, as JSON Lines text (fast path for big files),
    and how many items are allowed."""
    if channel == "email":
        rows = _with_errors(_scrub_emails(items, view), items)
        text = "".join(_jsonl(r) for r in rows)
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
        '{"number":' + orjson.dumps(raw[:MAX_NUMBER_CHARS]).decode() + tails[INVALID_CODE]
        if c == INVALID_CODE
        else '{"number":"0' + str(n) + '"' + tails[c]
        for raw, n, c in zip(items, nsn.tolist(), codes.tolist(), strict=True)
    ]
    return "".join(_with_errors(parts, items, _jsonl)), int((codes == 0).sum())


def _email(item: str) -> str | None:
    """The normalised address of a list's entry, or None when it is not one."""
    v = item.strip().lower()
    local, at, domain = v.rpartition("@")
    if not at or not local or "." not in domain or len(v) > 254 or " " in v:
        return None
    return v


def _scrub_emails(items: Sequence[str], view: Consents) -> list[dict[str, Any]]:
    """``{number, allowed, reasons}`` of each e-mail address: the chunk's consents are
    looked up at once."""
    addresses = [_email(it) for it in items]
    valid = [a.encode("utf-8", "surrogatepass") for a in addresses if a is not None]
    codes = iter(view.codes(valid).tolist())
    rows: list[dict[str, Any]] = []
    for item, address in zip(items, addresses, strict=True):
        if address is None:
            rows.append({"number": item[:254], "allowed": False, "reasons": ["invalid_address"]})
            continue
        reason = _CONSENT_REASON[next(codes)]
        reasons = [reason] if reason else []
        rows.append({"number": address, "allowed": not reasons, "reasons": reasons})
    return rows


def _prepare(session: Session, advertiser_id: int, channel: str) -> tuple[DncIndex, Consents]:
    if channel not in ("sms", "email", "call"):
        raise AdvertisingError("channel must be sms, email or call")
    get_advertiser(session, advertiser_id)
    index = dnc_index(session) if channel != "email" else DncIndex()
    return index, ConsentLookup(session, advertiser_id, channel)


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


class BadLines(AdvertisingError):
    """Lines of a file that cannot be loaded; ``problems`` names the first of them."""

    code = "malformed_list"

    def __init__(self, total: int, problems: list[str]) -> None:
        more = f"\n  ... and {total - len(problems)} more" if total > len(problems) else ""
        super().__init__(
            f"{total} bad line(s) in the file, nothing imported:\n  "
            + "\n  ".join(problems) + more
        )
        self.total, self.problems = total, problems


def import_dnc(
    session: Session,
    items: Iterable[str],
    scope: str = "all",
    *,
    actor: str = "system",
    via: str = "import",
) -> dict[str, int]:
    """Bulk-load numbers onto the register for ``scope`` (see :func:`import_dnc_lists`);
    bad entries are named by their place (item N)."""
    return import_dnc_lists(session, chunked(items, 50_000), scope, actor=actor, via=via)


def import_dnc_lists(
    session: Session,
    chunks: Iterable[Sequence[str]],
    scope: str = "all",
    *,
    actor: str = "system",
    via: str = "import",
) -> dict[str, int]:
    """Bulk-load the chunks of a list (:func:`iter_chunks`) onto the register for
    ``scope`` (added to what each number has). Mobile numbers and fixed lines are taken.

    All or nothing: the whole file is read, and any malformed number or row refuses the
    load with :class:`BadLines` naming each bad line (the first
    :data:`MAX_LISTED_ERRORS`). The counts add up: ``read = added + changed + unchanged
    + duplicates``: each distinct number of the file is added (new), changed (scope
    widened) or unchanged (already present with that scope), once; a duplicate is a
    number met earlier in the same file, in any chunk. Nothing is removed."""
    if scope not in _SETS:
        raise AdvertisingError("scope must be sms, call or all")
    load = _Import(session, scope, via)
    problems: list[str] = []
    bad = 0
    read = 0
    # an import makes millions of short-lived strings and tuples, which reference
    # counting frees: the cyclic collector only walked them, again and again
    with gc_paused(), _import_cache(load.conn):
        for chunk in chunks:
            nsn = normalise_numbers(chunk, fixed=True)
            errors = chunk_errors(chunk)
            wrong = sorted({*errors, *np.flatnonzero(nsn == INVALID).tolist()})
            for i in wrong:
                if len(problems) < MAX_LISTED_ERRORS:
                    problems.append(errors.get(i) or f"{place(chunk, i, read)}: not a "
                                    f"Vietnamese phone number: {chunk[i][:30]!r}")
            bad += len(wrong)
            read += len(chunk)
            if not bad:
                load.add(nsn)
    load.done()
    if bad:
        raise BadLines(bad, problems)
    audit.record(
        session,
        actor,
        "dnc.import",
        "dnc:register",
        {"scope": scope, "added": load.added, "changed": load.changed,
         "unchanged": load.unchanged, "duplicates": load.duplicates},
    )
    return {"read": read, "added": load.added, "changed": load.changed,
            "unchanged": load.unchanged, "duplicates": load.duplicates}


class _SeenNumbers:
    """The distinct numbers met so far in one import (national numbers, 8 bytes each, in
    memory for the import only), kept as a few sorted runs of geometrically falling
    sizes (a log-structured merge): a chunk is looked up in each run by binary search,
    and its new numbers become a run that is merged with the runs no larger than twice
    its size. Each number is merged O(log n) times, so a file of n lines costs
    O(n log n) in all; merging the whole set again for every chunk (``np.union1d``)
    made an import of 5M lines quadratic (two minutes of its time)."""

    def __init__(self) -> None:
        self.runs: list[np.ndarray] = []

    def __len__(self) -> int:
        return sum(run.size for run in self.runs)

    def met_before(self, unique: np.ndarray) -> np.ndarray:
        """For each of ``unique`` (sorted, distinct): whether it was met before."""
        again = np.zeros(unique.size, dtype=bool)
        for run in self.runs:
            again |= _isin(run, unique)
        return again

    def add(self, fresh: np.ndarray) -> None:
        """Remember ``fresh`` (sorted, distinct, none of them met before)."""
        if fresh.size == 0:
            return
        runs = self.runs
        runs.append(fresh)
        while len(runs) > 1 and runs[-2].size <= 2 * runs[-1].size:
            top = runs.pop()
            # disjoint sorted runs: the stable sort (timsort) merges them in linear time
            runs[-1] = np.sort(np.concatenate((runs[-1], top)), kind="stable")


class _Import:
    """The writes of one import. The numbers met so far (:class:`_SeenNumbers`) tell a
    number met again in a later chunk as a duplicate, whether the import added, changed
    or found it already on the register. The register itself is written and read by
    pseudonym.

    Each chunk is a handful of bulk statements on the session's connection, in the
    session's transaction (:mod:`lachan.store.bulk`): one look-up of the chunk's
    pseudonyms, then the new entries (``COPY`` on PostgreSQL, one ``executemany`` on
    SQLite), the widened scopes and the history rows, each in pseudonym order, so that
    the indexes are written in one sweep per chunk. Nothing goes through the ORM's
    per-row work, which was most of the time of a large import.

    On SQLite, where the import's transaction holds the database's write lock from its
    start, a register found empty at the start stays empty but for what the import
    writes, and numbers are never looked up (each distinct number is met once)."""

    def __init__(self, session: Session, scope: str, via: str) -> None:
        self.session, self.scope, self.via = session, scope, via
        self.now = utcnow()
        self.added = self.changed = self.unchanged = self.duplicates = 0
        self.seen = _SeenNumbers()
        self.pseudonyms = session_vault(session).dnc_pseudonyms
        session.flush()  # what the session holds is written before the register is read
        self.conn = conn = session.connection()
        self.at = bulk.db_value(conn, _DNC.c.updated_at, self.now)
        # the register's entry after this import, by the scope it had before
        self.after = {before: _scope_after(before, scope) for before in _SETS}
        self.empty = (
            conn.dialect.name == "sqlite"
            and conn.execute(select(_DNC.c.pseudonym).limit(1)).first() is None
        )

    def add(self, nsn: np.ndarray) -> None:
        unique = sorted_unique(nsn.astype(np.int64, copy=False))
        again = self.seen.met_before(unique)
        self.duplicates += int(nsn.size - unique.size) + int(again.sum())
        fresh = unique[~again]
        self.seen.add(fresh)
        # the numbers as the register keys them (see Vault.dnc_pseudonym): national
        # numbers of 9 or 10 digits, so "0%d" is format_national
        keys = self.pseudonyms([b"0%d" % n for n in fresh.tolist()])
        keys.sort()
        existing = {} if self.empty else self._existing(keys)
        scope, via, at = self.scope, self.via, self.at
        if not existing:
            new = keys
            events = [(key, "register", scope, scope, via, at) for key in keys]
            widened: list[tuple[str, str, Any]] = []
        else:
            new, events, widened = [], [], []
            after_of = self.after
            for key in keys:
                before = existing.get(key)
                if before is None:
                    new.append(key)
                    events.append((key, "register", scope, scope, via, at))
                    continue
                after = after_of[before]
                if after == before:
                    self.unchanged += 1
                    continue
                widened.append((key, after, at))
                events.append((key, "register", scope, after, via, at))
        self.added += len(new)
        self.changed += len(widened)
        conn = self.conn
        if new:
            bulk.load_rows(conn, _DNC, _ENTRY_COLUMNS, [(key, scope, at, at) for key in new])
        if widened:
            bulk.update_rows(conn, _DNC, "pseudonym", ("scope", "updated_at"), widened)
        if events:
            bulk.load_rows(conn, _HISTORY, _EVENT_COLUMNS, events)

    def done(self) -> None:
        """Entries of the register that the session had loaded are read again when
        next used (the import wrote past the ORM)."""
        for obj in list(self.session.identity_map.values()):
            if isinstance(obj, DncEntry):
                self.session.expire(obj)

    def _existing(self, keys: list[str]) -> dict[str, str]:
        """The scope of each of ``keys`` (sorted) on the register (those on it)."""
        return dict(bulk.rows_in(self.conn, _DNC, "pseudonym", ("scope",), keys))


#: SQLite page cache (KiB) of the connection during an import: pseudonyms are random, so
#: each chunk writes all over the indexes of the register and its history, and with the
#: default 2 MiB SQLite read most of their pages again for each chunk (writing a million
#: entries took about twice the CPU time). Memory only, and set back after the import.
IMPORT_CACHE_KIB = 256 * 1024


@contextmanager
def _import_cache(conn: Connection) -> Iterator[None]:
    """On SQLite, a page cache of :data:`IMPORT_CACHE_KIB` for the import's connection."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(IMPORT_CACHE_KIB)}")
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # (never hiding why the import stopped)
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


_DNC = DncEntry.__table__
_HISTORY = DncEvent.__table__
_ENTRY_COLUMNS = ("pseudonym", "scope", "registered_at", "updated_at")
_EVENT_COLUMNS = ("pseudonym", "action", "scope", "scope_after", "via", "at")


def _scope_after(before: str, scope: str) -> str:
    """The scope of an entry that had ``before`` once ``scope`` is registered on it."""
    parts = _SETS[before] | _SETS[scope]
    return "all" if parts == _SETS["all"] else next(iter(parts))
