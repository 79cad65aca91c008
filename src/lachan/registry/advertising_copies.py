"""Copies of ads sent: checked at once against Decree 91, stored with their violations.

:func:`submit_copies` takes one copy or a batch of thousands for one advertiser, in one
transaction: every copy is validated first (a bad one refuses the whole batch, naming
it), then the facts around the batch are read in a few set-wise queries (brandnames,
templates, consents, refusals, consent requests, earlier copies in the 24 h window,
Do-Not-Call scopes), the engine scores the texts in one batch, each copy is checked by
:func:`lachan.detect.ad_rules.check_copy` in time order (so copies in the same batch
count towards each other's frequency caps), and copies and violations are written with
two bulk inserts. The 24-hour caps look at the busiest window around each copy's time
sent, copies sent after it included (a copy may arrive after later ones); a copy
submitted again is the same copy, answered as such and not stored or counted twice.
An ad the engine calls scam is escalated to the centre as a detection of its sender.
Recipients are read and written as their keyed pseudonyms, and stored encrypted besides
(:mod:`lachan.registry.advertising_recipients`): never in clear. A copy's text and
subject, and its violations' explanations and evidence (which quote them), are stored
encrypted too; the only stored ones read back are those of the copies sent at the same
moment as one of the batch's, decrypted to tell a copy submitted again.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, Protocol

import orjson
from sqlalchemy import String, bindparam, func, insert, or_, select, type_coerce
from sqlalchemy import column as column_of
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from lachan.detect import ad_rules
from lachan.detect.ad_rules import AdInputError, BrandnameFacts, CopyFacts, Template
from lachan.gc_pause import gc_paused
from lachan.ingest.times import EARLIEST, MAX_CLOCK_SKEW, ImplausibleTime, check_plausible
from lachan.registry import audit
from lachan.registry.advertising import (
    AdvertisingError,
    get_advertiser,
    normalise_recipient,
    normalise_recipients,
    rules,
)
from lachan.registry.advertising_parts import PART_UNITS, opt_out_not_at_end
from lachan.registry.advertising_recipients import (
    COPY_RECIPIENT,
    COPY_SUBJECT,
    COPY_TEXT,
    VIOLATION_EVIDENCE,
    VIOLATION_EXPLANATION,
    Recipients,
    context,
    violation_text,
)
from lachan.registry.audit import session_vault
from lachan.registry.clock import as_utc, utcnow
from lachan.rules import AD_CHANNELS, AdRules
from lachan.store.tables_advertising import AdCopy, AdTemplate, Brandname, Consent, Refusal
from lachan.store.tables_advertising import Violation as ViolationRow

#: Most copies in one batch.
MAX_BATCH = 10_000
MAX_TEXT_CHARS = 5_000
MAX_SUBJECT_CHARS = 1_000
MAX_SENDER_CHARS = 64


@dataclass(frozen=True, slots=True)
class CopyInput:
    sender: str
    recipient: str
    channel: str
    sent_at: datetime
    text: str = ""
    subject: str = ""
    duration_s: int | None = None


@lru_cache(maxsize=4096)
def _compiled(template_id: int, text: str, slot_max: int) -> Template | None:
    from lachan.rules import with_overrides

    try:
        return ad_rules.parse_template(
            text, with_overrides(rules(), {"template_slot_max_chars": slot_max}), id=template_id
        )
    except AdInputError:
        return None


class CopyLike(Protocol):
    """What :func:`submit_copies` reads of a copy: :class:`CopyInput` or the API's model."""

    @property
    def sender(self) -> str: ...
    @property
    def recipient(self) -> str: ...
    @property
    def channel(self) -> str: ...
    @property
    def sent_at(self) -> datetime: ...
    @property
    def text(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def duration_s(self) -> int | None: ...


#: Beyond this many sends in the 24 h before a copy, the window after it is not searched
#: for a busier one (the copy is over any cap already; bounds the work per copy).
MAX_WINDOW_SCAN = 256

#: Lines of the caller's file, one a copy (``None``: copies are named by position).
Lines = Sequence[int] | None


def _place(i: int, lines: Lines) -> str:
    """How a message names copy ``i``: ``line N`` when the caller gave the line of each
    copy in its file, else ``item i`` (0-based, as the API has always named them)."""
    return f"line {lines[i]}" if lines is not None else f"item {i}"


def _validate(items: Sequence[CopyLike], lines: Lines = None) -> None:
    if not items:
        raise AdvertisingError("no copies given")
    if len(items) > MAX_BATCH:
        raise AdvertisingError(f"at most {MAX_BATCH} copies per batch; got {len(items)}")
    latest = datetime.now(UTC) + MAX_CLOCK_SKEW
    for i, c in enumerate(items):
        # one quick test per copy; the checks below name what is wrong with a copy failing it
        try:
            sender, text, subject = c.sender, c.text, c.subject
            joined = sender + c.recipient + text + subject
            fine = (
                type(joined) is str
                and c.channel in AD_CHANNELS
                and len(sender) <= MAX_SENDER_CHARS
                and len(text) <= MAX_TEXT_CHARS
                and len(subject) <= MAX_SUBJECT_CHARS
                and storable_text(joined)
                and bool(sender.strip())
                and (c.channel == "call" or bool(text.strip()))
                and c.sent_at.utcoffset() is not None
                and EARLIEST <= c.sent_at <= latest
                and (c.duration_s is None or 0 <= c.duration_s <= 86_400)
            )
        except (TypeError, AttributeError):
            fine = False
        if not fine:
            _validate_one(_place(i, lines), c)


def storable_text(value: str) -> bool:
    """Text every database can store: no NUL, no lone surrogates."""
    if "\x00" in value:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _validate_one(place: str, c: CopyLike) -> None:
    """Raise naming what is wrong with the copy at ``place`` (:func:`_place`)."""
    if c.channel not in AD_CHANNELS:
        raise AdvertisingError(f"{place}: channel must be sms, email or call")
    if not isinstance(c.sender, str) or not c.sender.strip():
        raise AdvertisingError(f"{place}: sender is empty")
    if len(c.sender) > MAX_SENDER_CHARS:
        raise AdvertisingError(f"{place}: sender over {MAX_SENDER_CHARS} characters")
    if len(c.text) > MAX_TEXT_CHARS or len(c.subject) > MAX_SUBJECT_CHARS:
        raise AdvertisingError(
            f"{place}: text over {MAX_TEXT_CHARS} or subject over {MAX_SUBJECT_CHARS} "
            "characters"
        )
    for field_name in ("sender", "recipient", "text", "subject"):
        value = getattr(c, field_name)
        if not isinstance(value, str):
            raise AdvertisingError(f"{place}: {field_name} must be text")
        if "\x00" in value:
            raise AdvertisingError(f"{place}: NUL characters are not allowed in {field_name}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise AdvertisingError(f"{place}: {field_name} is not valid Unicode") from None
    if c.channel in ("sms", "email") and not c.text.strip():
        raise AdvertisingError(f"{place}: an {c.channel} copy needs its text")
    if c.sent_at.tzinfo is None or c.sent_at.utcoffset() is None:
        raise AdvertisingError(
            f"{place}: time sent must carry a time zone (e.g. 2026-11-22T09:30:00+07:00)"
        )
    try:  # (as the API does: not before 2000, not in the future; the CLI reads files too)
        check_plausible(c.sent_at, "time sent")
    except ImplausibleTime as exc:
        raise AdvertisingError(f"{place}: {exc}") from None
    if c.duration_s is not None and not 0 <= c.duration_s <= 86_400:
        raise AdvertisingError(f"{place}: call duration must be 0 to 86400 seconds")


def _recipients(items: Sequence[CopyLike], channels: list[str], lines: Lines) -> list[str]:
    """The copies' recipients in stored form; a bad one refuses the batch, named by
    :func:`_place` (the first bad line of the file when ``lines`` are given)."""
    values = [c.recipient for c in items]
    try:
        return normalise_recipients(values, channels)
    except AdvertisingError as exc:
        if lines is None:
            raise  # already names the copy as "item i"
        refused = exc
    for i, (value, channel) in enumerate(zip(values, channels, strict=True)):
        try:
            normalise_recipient(value, channel)
        except AdvertisingError as exc:
            raise AdvertisingError(f"{_place(i, lines)}: {exc.message}") from None
    raise refused


def _member(column: Any, name: str, dialect: str) -> Any:
    """``column IN (the list bound as :name)`` as one parameter, so a batch of thousands
    of recipients is one query whose SQL never changes: a JSON array read by
    ``json_each`` on SQLite, an array on PostgreSQL (bind with :func:`_listed`).
    Expanding a 500-value IN list cost more than running the query."""
    if dialect == "sqlite":
        values = select(column_of("value", String)).select_from(
            func.json_each(bindparam(name, type_=String))
        )
        return column.in_(values)
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY

        # not = ANY(:array): under a prepared generic plan PostgreSQL may scan the array
        # for every row (see lachan.store.bulk.value_in); the sub-select becomes a join
        return column.in_(select(func.unnest(bindparam(name, type_=ARRAY(String)))))
    return column.in_(bindparam(name, expanding=True))


def _listed(values: Sequence[str], dialect: str) -> Any:
    return orjson.dumps(list(values)).decode() if dialect == "sqlite" else list(values)


@lru_cache(maxsize=4)
def _queries(dialect: str) -> dict[str, Any]:
    """The set-wise reads of one batch, built once per dialect (their compiled form is
    then cached by SQLAlchemy)."""
    b, t, c, f, a = (
        Brandname.__table__.c,
        AdTemplate.__table__.c,
        Consent.__table__.c,
        Refusal.__table__.c,
        AdCopy.__table__.c,
    )
    adv, t_max = bindparam("adv"), bindparam("t_max")
    return {
        "brands": select(b.name, b.name_key, b.advertiser_id, b.valid_from, b.valid_until).where(
            _member(b.name_key, "keys", dialect)
        ),
        "own": select(b.name).where(b.advertiser_id == adv),
        "templates": select(t.id, t.channel, t.text).where(
            t.advertiser_id == adv, t.active.is_(True)
        ),
        # recipients are looked up by their pseudonyms (advertising_recipients)
        "consents": select(
            c.id, c.recipient_pseudonym, c.channel, c.method, c.given_at, c.withdrawn_at,
            c.withdrawn_via, c.daily_limit,
        ).where(c.advertiser_id == adv, _member(c.recipient_pseudonym, "recs", dialect),
                c.given_at <= t_max),
        "refusals": select(f.id, f.recipient_pseudonym, f.keyword, f.received_at).where(
            f.advertiser_id == adv, _member(f.recipient_pseudonym, "recs", dialect),
            f.received_at <= t_max,
        ),
        # sends in the windows around the batch's copies (24 h before the first to 24 h
        # after the last: a copy that arrives late counts towards copies stored before
        # it), and consent requests of any age ("only one request"); on SQLite the time
        # is read as stored, text that sorts as time does (see _Facts)
        "copies": select(
            a.id,
            a.recipient_pseudonym,
            a.channel,
            type_coerce(a.sent_at, String) if dialect == "sqlite" else a.sent_at,
            a.is_consent_request,
        ).where(
            a.advertiser_id == adv,
            _member(a.recipient_pseudonym, "recs", dialect),
            a.sent_at < bindparam("t_hi"),
            or_(a.sent_at > bindparam("t_lo"), a.is_consent_request.is_(True)),
        ),
        # the stored copies sent at the same moment as one of the batch's (see _Facts)
        "same_time": select(
            a.id, a.sender, a.recipient_pseudonym, a.channel,
            type_coerce(a.sent_at, String) if dialect == "sqlite" else a.sent_at,
            a.text_enc, a.subject_enc, a.duration_s,
        ).where(a.advertiser_id == adv, a.id.in_(bindparam("ids", expanding=True))),
        "dnc": _dnc_query(dialect),
        "dnc_history": _dnc_history_query(dialect),
    }


def _dnc_query(dialect: str) -> Any:
    try:
        from lachan.store.tables_centre import DncEntry
    except ImportError:  # pragma: no cover - centre tables absent
        return None
    d = DncEntry.__table__.c
    return select(d.pseudonym, d.scope, d.registered_at).where(
        _member(d.pseudonym, "keys", dialect))


def _dnc_history_query(dialect: str) -> Any:
    """The register's changes up to the batch's last send, per number (pseudonym) in
    time order."""
    try:
        from lachan.store.tables_centre import DncEvent
    except ImportError:  # pragma: no cover - centre tables absent
        return None
    e = DncEvent.__table__.c
    return (select(e.pseudonym, e.at, e.scope_after)
            .where(_member(e.pseudonym, "keys", dialect), e.at <= bindparam("t_max"))
            .order_by(e.pseudonym, e.at, e.id))


def _dnc_changes(
    session: Session, conn: Any, q: dict[str, Any], phones: list[str], t_max: datetime
) -> dict[str, list[tuple[datetime, str | None]]]:
    """Per recipient on the Do-Not-Call register, its changes up to ``t_max`` in time
    order: ``(time, scope after it or None)``. The register holds pseudonyms, so the
    recipients are looked up by theirs (:func:`lachan.registry.dnc.pseudonym`)."""
    vault = session_vault(session)
    of_key = {vault.dnc_pseudonym(rec): rec for rec in phones}
    keys = _listed(sorted(of_key), conn.dialect.name)
    changes: dict[str, list[tuple[datetime, str | None]]] = defaultdict(list)
    for key, at, after in conn.execute(q["dnc_history"], {"keys": keys, "t_max": t_max}).all():
        changes[of_key[key]].append((as_utc(at), None if after == "none" else after))
    for key, scope, registered_at in conn.execute(q["dnc"], {"keys": keys}).all():
        if of_key[key] not in changes:  # on the register with no history (an old load)
            changes[of_key[key]].append((as_utc(registered_at), scope))
    return dict(changes)


class _Facts:
    """Facts read set-wise for one batch of one advertiser: one query per kind of fact,
    whatever the size of the batch.

    Earlier sends are kept per (recipient, channel) as sorted *time keys*: on SQLite the
    text SQLAlchemy stores (``2026-11-22 02:30:00.000000``, UTC, fixed width, so it
    sorts as the times do, as SQLite itself compares them), elsewhere the UTC datetime.
    A batch reads thousands of them only to count them; parsing each cost more than the
    rest of the reading.
    """

    def __init__(
        self,
        session: Session,
        advertiser_id: int,
        recipients: list[str],
        senders: list[str],
        channels: list[str],
        times: list[datetime],
        r: AdRules,
        advertiser_name: str | None = None,
    ) -> None:
        t_min, t_max = min(times), max(times)
        self.r = r
        self.window = timedelta(seconds=r.frequency_window_seconds)
        window = self.window
        dkqc_window = timedelta(seconds=r.dkqc_reply_window_seconds)
        conn = session.connection()
        dialect = conn.dialect.name
        q = _queries(dialect)
        keys = sorted({ad_rules.brandname_key(s) for s in senders})
        self.brands: dict[str, BrandnameFacts] = {}
        for name, key, owner, valid_from, valid_until in conn.execute(
            q["brands"], {"keys": _listed(keys, dialect)}
        ):
            self.brands[key] = BrandnameFacts(name, owner, as_utc(valid_from), as_utc(valid_until))
        if advertiser_name is None:
            advertiser_name = get_advertiser(session, advertiser_id).name
        own = conn.execute(q["own"], {"adv": advertiser_id}).scalars().all()
        self.names = (advertiser_name, *own)
        self.templates: dict[str, list[Template]] = {"sms": [], "email": []}
        for tid, channel, text in conn.execute(q["templates"], {"adv": advertiser_id}):
            compiled = _compiled(tid, text, r.template_slot_max_chars)
            if compiled is not None:
                self.templates.setdefault(channel, []).append(compiled)

        uniq = sorted(set(recipients))
        # the tables hold recipients only as keyed pseudonyms: each of the batch's is
        # looked up by its own, and what is found is mapped back to the recipient
        self.keyed = Recipients.of(session)
        self.pseudonyms = self.keyed.pseudonyms(uniq)
        self.of_pseudonym = of_key = {p: rec for rec, p in self.pseudonyms.items()}
        recs = _listed(sorted(of_key), dialect)
        # events per recipient: (time, kind, channel, detail)
        self.events: dict[str, list[tuple[datetime, str, str, dict[str, Any]]]] = defaultdict(list)
        self.sends: dict[tuple[str, str], list[Any]] = defaultdict(list)
        self.dkqc: dict[str, list[datetime]] = defaultdict(list)
        # per number: (time, scope after it or None), in time order; the register's scope
        # at a send is the last change at or before it (Art. 13 is judged at the send)
        self.dnc: dict[str, list[tuple[datetime, str | None]]] = {}
        params = {"adv": advertiser_id, "recs": recs, "t_max": t_max}
        for cid, key, channel, method, given_at, withdrawn_at, via, limit in conn.execute(
            q["consents"], params
        ).all():
            detail: dict[str, Any] = {"consent_id": cid, "method": method}
            if limit:
                detail["daily_limit"] = limit
            events = self.events[of_key[key]]
            events.append((as_utc(given_at), "given", channel, detail))
            if withdrawn_at is not None:
                withdrawn = as_utc(withdrawn_at)
                events.append(
                    (
                        withdrawn,
                        "withdrawn",
                        channel,
                        {"consent_id": cid, "withdrawn_at": withdrawn.isoformat(), "via": via},
                    )
                )
        delay = timedelta(seconds=r.refusal_effective_after_seconds)
        for fid, key, keyword, received_at in conn.execute(q["refusals"], params).all():
            received = as_utc(received_at)
            self.events[of_key[key]].append(
                (
                    received + delay,
                    "refused",
                    "all",
                    {"refusal_id": fid, "refused_at": received.isoformat(), "keyword": keyword},
                )
            )
        t_lo = t_min - max(window, dkqc_window)
        sends, dkqc = self.sends, self.dkqc
        sqlite = dialect == "sqlite"
        self.time_key = stamp = _sqlite_time if sqlite else _same
        moments = set(zip(recipients, channels, map(stamp, times), strict=True))
        #: stored copies sent to a recipient of the batch at the moment one of its copies
        #: was sent on the same channel: the only ones that can be the same copy again
        self.same_moment: list[int] = []
        for cid, key, channel, at, is_req in conn.execute(
            q["copies"], params | {"t_lo": t_lo, "t_hi": t_max + window}
        ).all():
            rec = of_key[key]
            if (rec, channel, at if sqlite else as_utc(at)) in moments:
                self.same_moment.append(cid)
            if is_req:
                dkqc[rec].append(_from_sqlite_time(at) if sqlite else as_utc(at))
            else:
                sends[(rec, channel)].append(at if sqlite else as_utc(at))
        phones = [rec for rec in uniq if "@" not in rec]
        if phones and q["dnc"] is not None:
            self.dnc = _dnc_changes(session, conn, q, phones, t_max)
        for lst in (*self.sends.values(), *self.dkqc.values()):
            lst.sort()
        for ev in self.events.values():
            ev.sort(key=_first)

    def dnc_scope(self, rec: str, at: datetime) -> str | None:
        """The recipient's Do-Not-Call scope at ``at``: the last change at or before it."""
        changes = self.dnc.get(rec)
        if not changes:
            return None
        i = bisect.bisect_right(changes, at, key=_first)
        return changes[i - 1][1] if i else None

    def consent_state(self, rec: str, channel: str, at: datetime) -> tuple[str, dict[str, Any]]:
        state, ev = "none", {}
        for t, kind, ch, detail in self.events.get(rec, ()):
            if t > at:
                break
            if ch != channel and ch != "all":
                continue
            state, ev = kind, detail
        if state != "none":
            return state, ev
        if channel != "sms":
            return "none", {}
        reqs = self.dkqc.get(rec)
        if reqs and reqs[0] <= at:
            first = reqs[0]
            ev = {"dkqc_sent_at": first.isoformat()}
            if at - first >= timedelta(seconds=self.r.dkqc_reply_window_seconds):
                return "dkqc_no_reply", ev
            return "dkqc_pending", ev
        return "none", {}

    def window_sends(self, rec: str, channel: str, at: datetime) -> int:
        """Other sends to ``rec`` on ``channel`` in the busiest 24-hour window that holds
        ``at``: the window is re-examined on both sides of the copy, so a copy that
        arrives after copies sent later than it still counts with them.

        Windows are half-open, ``[start, start + 24 h)``; the busiest one holding ``at``
        starts at ``at`` or at a send less than 24 h before it. When no send lies after
        ``at`` in the window (copies arriving in time order), that is simply the sends
        in ``(at - 24 h, at]``."""
        times = self.sends.get((rec, channel))
        if not times:
            return 0
        key, window = self.time_key, self.window
        at_key = key(at)
        lo = bisect.bisect_right(times, key(at - window))
        hi = bisect.bisect_right(times, at_key)
        before = hi - lo  # sends in (at - 24 h, at]
        if hi == len(times) or times[hi] >= key(at + window) or before >= MAX_WINDOW_SCAN:
            return before
        busiest = bisect.bisect_left(times, key(at + window)) - bisect.bisect_left(times, at_key)
        for j in range(lo, hi):
            if j > lo and times[j] == times[j - 1]:
                continue
            start = _from_sqlite_time(times[j]) if isinstance(times[j], str) else times[j]
            busiest = max(busiest, bisect.bisect_left(times, key(start + window)) - j)
        return busiest

    def prior_dkqc(self, rec: str, at: datetime) -> int:
        times = self.dkqc.get(rec)
        return bisect.bisect_right(times, at) if times else 0


def _first(event: tuple[Any, ...]) -> Any:
    return event[0]


def _sqlite_time(dt: datetime) -> str:
    """A UTC datetime as SQLAlchemy stores ``DateTime`` on SQLite
    (``2026-11-22 02:30:00.000000``): the time key of :class:`_Facts`, and what the fast
    insert path hands the driver."""
    return dt.replace(tzinfo=None).isoformat(" ", "microseconds")


def _from_sqlite_time(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _same(dt: datetime) -> datetime:
    return dt


#: Verdicts of recently seen (text, sender, channel): a campaign sends one text to many
#: recipients, so each distinct message is analysed once. Bounded; cleared when full.
#: Only texts met more than once are kept (repeated within a batch, or seen in an earlier
#: one, by hash in ``_SEEN``): a cached verdict is a dozen objects that the garbage
#: collector walks on every full collection, and caching thousands of one-off texts made
#: those collections cost more than the checks of a batch.
_VERDICT_CACHE: dict[tuple[str, str, str], Any] = {}
_VERDICT_CACHE_MAX = 20_000
_SEEN: set[int] = set()
_SEEN_MAX = 200_000


def _verdicts(copies: Sequence[CopyLike]) -> list[Any]:
    """Engine verdicts for each copy's text (None where there is no text); each distinct
    (text, sender, channel) is analysed once."""
    out: list[Any] = [None] * len(copies)
    keys: list[tuple[str, str, str] | None] = []
    in_batch: set[tuple[str, str, str]] = set()
    repeated: set[tuple[str, str, str]] = set()
    for c in copies:
        text = (c.subject + "\n" + c.text).strip()[:MAX_TEXT_CHARS]
        if not text:
            keys.append(None)
            continue
        key = (text, c.sender.strip(), "sms" if c.channel == "call" else c.channel)
        keys.append(key)
        if key in in_batch:
            repeated.add(key)
        else:
            in_batch.add(key)
    cache = _VERDICT_CACHE
    todo = sorted(k for k in in_batch if k not in cache)
    fresh: dict[tuple[str, str, str], Any] = {}
    if todo:
        try:
            import lachan

            verdicts = lachan.analyse_batch(
                [{"text": t, "sender": s, "channel": ch} for t, s, ch in todo]
            )
        except (ImportError, ValueError, TypeError):  # engine absent or refuses: no verdict
            verdicts = [None] * len(todo)
        fresh = dict(zip(todo, verdicts, strict=True))
        keep = {}
        for k, v in fresh.items():
            if v is None:
                continue
            h = hash(k)
            if k in repeated or h in _SEEN:
                keep[k] = v
            else:
                _SEEN.add(h)
        if len(_SEEN) > _SEEN_MAX:
            _SEEN.clear()
        if len(cache) + len(keep) > _VERDICT_CACHE_MAX:
            cache.clear()
        cache.update(keep)
    for i, k in enumerate(keys):
        if k is not None:
            out[i] = fresh[k] if k in fresh else cache.get(k)
    return out


def submit_copies(
    session: Session,
    advertiser_id: int,
    items: Sequence[CopyLike],
    *,
    actor: str = "system",
    analyse: bool = True,
    rules_in_force: AdRules | None = None,
    lines: Sequence[int] | None = None,
) -> list[dict[str, Any]]:
    """Check and store ``items`` (all or none); return per copy ``{id, violations}``.

    ``items`` are :class:`CopyInput` or anything with the same attributes (the API passes
    its validated models as they are). A bad copy refuses the batch with a message
    naming it as ``item i`` (its 0-based place), or as ``line N`` when ``lines`` gives
    the line of each copy in the caller's file."""
    if lines is not None and len(lines) != len(items):
        raise ValueError(f"{len(lines)} line numbers for {len(items)} copies")
    r = rules_in_force or rules()
    advertiser = get_advertiser(session, advertiser_id)
    _validate(items, lines)
    _one_submission_at_a_time(session, advertiser_id)
    with gc_paused():
        return _submit(session, advertiser_id, advertiser.name, items, actor, analyse, r, lines)


#: The first key of the advisory locks that serialise an advertiser's submissions on
#: PostgreSQL (the second is the advertiser's id; two-key locks are a key space of their
#: own, apart from the single-key locks of the audit log and the complaints).
_PG_SUBMIT_LOCK = 0x0AD5


def _one_submission_at_a_time(session: Session, advertiser_id: int) -> None:
    """PostgreSQL: an advertiser's submissions take turns, until the transaction ends.

    Without this, a client retrying a request while the first still runs gets both
    stored: each reads the copies stored before it (none yet), so neither sees the other,
    both answer ``duplicate: false`` and both count towards the 24-hour caps (as do two
    different copies sent at once to one recipient). The lock is taken before anything
    of the batch's facts is read; under READ COMMITTED the second then reads what the
    first committed. SQLite writers already take turns (``BEGIN IMMEDIATE``)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        sql_text("SELECT pg_advisory_xact_lock(:ns, :adv)"),
        {"ns": _PG_SUBMIT_LOCK, "adv": advertiser_id},
    )


def _submit(
    session: Session,
    advertiser_id: int,
    advertiser_name: str,
    items: Sequence[CopyLike],
    actor: str,
    analyse: bool,
    r: AdRules,
    lines: Lines,
) -> list[dict[str, Any]]:
    n = len(items)
    channels = [c.channel for c in items]
    recipients = _recipients(items, channels, lines)
    times = [as_utc(c.sent_at) for c in items]
    senders = [c.sender.strip() for c in items]
    facts = _Facts(
        session, advertiser_id, recipients, senders, channels, times, r, advertiser_name
    )
    again = _copies_again(session, advertiser_id, facts, items, recipients, senders, times)
    verdicts = _verdicts(items) if analyse else [None] * n
    now = utcnow()

    sqlite = session.get_bind().dialect.name == "sqlite"
    stamp = facts.time_key
    sent = [stamp(at) for at in times]  # time keys, also the stored form on SQLite
    brands = {s: facts.brands.get(ad_rules.brandname_key(s)) for s in set(senders)}
    no_templates: list[Template] = []
    templates = {ch: facts.templates.get(ch, no_templates) for ch in AD_CHANNELS}
    names, prefix = facts.names, r.dkqc_prefix
    check_copy, AdCopyFacts, Copy = ad_rules.check_copy, CopyFacts, ad_rules.AdCopy
    consent_state, window_sends = facts.consent_state, facts.window_sends
    prior_dkqc = facts.prior_dkqc
    dnc_scope, sends, dkqc = facts.dnc_scope, facts.sends, facts.dkqc
    insort = bisect.insort
    results: list[list[ad_rules.Violation]] = [[] for _ in items]
    is_req = [False] * n
    for i in sorted(range(n), key=times.__getitem__):
        if i in again:
            continue  # the same copy again: checked and counted once
        c, rec, at, channel, sender = items[i], recipients[i], times[i], channels[i], senders[i]
        copy = Copy(
            advertiser_id, sender, rec, channel, at, c.text, c.subject, c.duration_s, prefix
        )
        request = copy.is_consent_request
        is_req[i] = request
        state, ev = consent_state(rec, channel, at)
        v = verdicts[i]
        # positional, in CopyFacts' field order (keywords cost ~0.7 us a copy)
        f = AdCopyFacts(
            brands[sender],
            names,
            state,
            ev,
            dnc_scope(rec, at),
            window_sends(rec, channel, at),
            ev.get("daily_limit") if state == "given" else None,
            prior_dkqc(rec, at) if request else 0,  # read only for consent requests
            templates[channel],
        )
        if v is not None:
            label = v.label
            f.content_label, f.content_score = label, v.score
            if label == "scam":  # the symbols are shown only in the scam violation
                f.content_symbols = tuple([s.name for s in v.symbols])
            f.content_entities = tuple(v.entities)
        try:
            results[i] = check_copy(copy, f, r)
        except AdInputError as exc:
            raise AdvertisingError(f"{_place(i, lines)}: {exc}") from None
        if channel == "sms" and not request and len(c.text) > _ONE_PART_ALWAYS:
            _check_opt_out_in_last_part(c.text, results[i], r)
        if request:
            insort(dkqc[rec], at)
        else:
            insort(sends[(rec, channel)], sent[i])

    submitted = stamp(now)
    pseudonyms = facts.pseudonyms  # each copy's recipient: its pseudonym, and encrypted
    keyed = facts.keyed
    sealed = keyed.seal_many(COPY_RECIPIENT, advertiser_id, recipients)
    subjects = keyed.seal_many(COPY_SUBJECT, advertiser_id, [c.subject for c in items])
    texts = keyed.seal_many(COPY_TEXT, advertiser_id, [c.text for c in items])
    rows = [
        (
            advertiser_id,
            sender[:MAX_SENDER_CHARS],
            pseudonyms[rec],
            enc,
            c.channel,
            at,
            req,
            subject,
            text,
            c.duration_s,
            v.label if v is not None else None,
            v.score if v is not None else None,
            len(found),
            submitted,
        )
        for c, sender, rec, enc, subject, text, at, req, v, found in zip(
            items, senders, recipients, sealed, subjects, texts, sent, is_req, verdicts,
            results, strict=True,
        )
    ]
    fresh = [i for i in range(n) if i not in again]
    if again:
        rows = [rows[i] for i in fresh]
    ids = _insert_copies(session, rows, sqlite) if rows else []
    if again:
        ids = _ids_with_copies_again(n, fresh, ids, again)
    stored = [
        (cid, i, v)
        for i, (cid, found) in enumerate(zip(ids, results, strict=True))
        if i not in again
        for v in found
    ]
    # the explanations and evidence quote the copies: encrypted as their texts are
    explained = keyed.seal_many(VIOLATION_EXPLANATION, advertiser_id,
                                [v.explanation[:500] for _c, _i, v in stored])
    evidence = keyed.vault.encrypt_many(
        [orjson.dumps(v.evidence, default=str) for _c, _i, v in stored],
        context(VIOLATION_EVIDENCE, advertiser_id))
    vrows = [
        (
            cid,
            advertiser_id,
            v.rule,
            channels[i],
            why,
            proof,
            v.fine.min_vnd if v.fine else None,
            v.fine.max_vnd if v.fine else None,
            sent[i],
        )
        for (cid, i, v), why, proof in zip(stored, explained, evidence, strict=True)
    ]
    if vrows:
        _insert_rows(session, ViolationRow.__table__, _VIOLATION_COLUMNS, vrows, sqlite)
    escalated = _escalate(session, items, results, actor)
    audit.record(
        session,
        actor,
        "adcopy.submit",
        f"advertiser:{advertiser_id}",
        {"copies": len(rows), "violations": len(vrows), "escalated": escalated,
         "duplicates": len(again)},
    )
    out = []
    for cid, rec, found in zip(ids, recipients, results, strict=True):
        out.append(
            {
                "id": cid,
                "recipient": rec,
                "violations": [v.to_dict() for v in found],
                "escalated": any(v.rule == "SCAM_CONTENT" for v in found),
                "duplicate": False,
            }
            if found
            else {"id": cid, "recipient": rec, "violations": [], "escalated": False,
                  "duplicate": False}
        )
    if again:
        _answer_copies_again(session, keyed, out, again)
    return out


#: No SMS this short is sent in more than one part (70 UCS-2 units, astral characters 2).
_ONE_PART_ALWAYS = 35
#: Rules the engine reports before OPT_OUT_MISSING (lachan.detect.ad_rules.CHECKS order).
_BEFORE_OPT_OUT = frozenset({
    "SENDER_PHONE_NUMBER", "BRANDNAME_NOT_REGISTERED", "BRANDNAME_NOT_OWNED",
    "BRANDNAME_EXPIRED", "AD_LABEL_MISSING", "EMAIL_SUBJECT_TAG_MISSING",
})


def _check_opt_out_in_last_part(
    text: str, found: list[ad_rules.Violation], r: AdRules
) -> None:
    """Add OPT_OUT_MISSING to ``found`` when an SMS sent in several parts does not carry
    the opt-out instruction in its last part (:mod:`lachan.registry.advertising_parts`)
    and the engine's check of the last characters did not already report it."""
    if any(v.rule == "OPT_OUT_MISSING" for v in found):
        return
    parts = opt_out_not_at_end(text, r)
    if parts is None:
        return
    per_part = PART_UNITS[parts.encoding][1]
    violation = ad_rules.Violation(
        "OPT_OUT_MISSING",
        f"the instruction to refuse further ads is not at the end: this SMS is sent in "
        f"{parts.parts} parts of {per_part} characters ({parts.encoding}) and its last "
        "part does not hold it",
        {"parts": parts.parts, "encoding": parts.encoding,
         "last_part": text.strip()[parts.last_part_start :][:60]},
        r.fine_band("OPT_OUT_MISSING", "sms"),
    )
    at = sum(1 for v in found if v.rule in _BEFORE_OPT_OUT)
    found.insert(at, violation)


#: What makes two copies the same copy: recipient, channel, time sent (as a time key),
#: sender, text, subject and call duration (the advertiser is the batch's).
_Fingerprint = tuple[str, str, Any, str, str, str, "int | None"]


def _copies_again(
    session: Session,
    advertiser_id: int,
    facts: _Facts,
    items: Sequence[CopyLike],
    recipients: list[str],
    senders: list[str],
    times: list[datetime],
) -> dict[int, int]:
    """The copies of the batch sent before: ``{index: stored copy id}`` for a copy
    already stored, ``{index: -1 - j}`` for a repeat of the batch's own copy ``j``.
    A resubmitted copy (the same advertiser, recipient, channel, time sent, sender and
    content) is the same copy: it is neither stored nor counted again."""
    stamp = facts.time_key
    stored: dict[_Fingerprint, int] = {}
    if facts.same_moment:
        conn = session.connection()
        q = _queries(conn.dialect.name)["same_time"]
        sqlite = conn.dialect.name == "sqlite"
        of_key, open_ = facts.of_pseudonym, facts.keyed.open
        for cid, sender, pseudonym, channel, at, text, subject, duration in conn.execute(
            q, {"adv": advertiser_id, "ids": facts.same_moment}
        ):
            key = at if sqlite else as_utc(at)
            # (only these few are decrypted: sent at the moment one of the batch's was)
            stored.setdefault(
                (of_key[pseudonym], channel, key, sender, open_(COPY_TEXT, advertiser_id, text),
                 open_(COPY_SUBJECT, advertiser_id, subject), duration), cid)
    again: dict[int, int] = {}
    first: dict[_Fingerprint, int] = {}
    for i, c in enumerate(items):
        fp = (recipients[i], c.channel, stamp(times[i]), senders[i][:MAX_SENDER_CHARS],
              c.text, c.subject, c.duration_s)
        if fp in stored:
            again[i] = stored[fp]
        elif fp in first:
            again[i] = -1 - first[fp]
        else:
            first[fp] = i
    return again


def _ids_with_copies_again(
    n: int, fresh: list[int], new_ids: list[int], again: dict[int, int]
) -> list[int]:
    """The copy id of each of the batch's ``n`` copies: a new one's, or the id of the
    copy it repeats (stored before, or earlier in the batch)."""
    ids = [0] * n
    for i, cid in zip(fresh, new_ids, strict=True):
        ids[i] = cid
    for i, target in again.items():
        ids[i] = target if target >= 0 else ids[-1 - target]
    return ids


def _answer_copies_again(
    session: Session, keyed: Recipients, out: list[dict[str, Any]], again: dict[int, int]
) -> None:
    """Answer each repeated copy as the copy it repeats, marked ``duplicate``: the
    violations found when it was first submitted (read back when it was stored by an
    earlier request)."""
    stored_ids = sorted({cid for cid in again.values() if cid >= 0})
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if stored_ids:
        q = (select(ViolationRow).where(ViolationRow.copy_id.in_(stored_ids))
             .order_by(ViolationRow.id))
        for v in session.execute(q).scalars():
            fine = (None if v.fine_min_vnd is None
                    else {"min_vnd": v.fine_min_vnd, "max_vnd": v.fine_max_vnd})
            found[v.copy_id].append({"rule": v.rule, **violation_text(keyed, v), "fine": fine})
    for i, target in again.items():
        if target >= 0:
            violations = found.get(target, [])
            out[i] = {
                "id": target,
                "recipient": out[i]["recipient"],
                "violations": violations,
                "escalated": any(v["rule"] == "SCAM_CONTENT" for v in violations),
            }
        else:
            out[i] = dict(out[-1 - target])
        out[i]["duplicate"] = True


_COPY_COLUMNS = (
    "advertiser_id",
    "sender",
    "recipient_pseudonym",
    "recipient_enc",
    "channel",
    "sent_at",
    "is_consent_request",
    "subject_enc",
    "text_enc",
    "duration_s",
    "content_label",
    "content_score",
    "violations",
    "submitted_at",
)
_VIOLATION_COLUMNS = (
    "copy_id",
    "advertiser_id",
    "rule",
    "channel",
    "explanation_enc",
    "evidence_enc",
    "fine_min_vnd",
    "fine_max_vnd",
    "sent_at",
)


def _insert_rows(
    session: Session,
    table: Any,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
    sqlite: bool,
) -> None:
    """One executemany of ``rows`` (tuples in ``columns`` order). On SQLite the tuples
    go to the driver as they are (datetimes already in SQLAlchemy's text form, see
    :func:`_sqlite_time`): SQLAlchemy's per-row parameter processing costs about as much
    as the insert itself. Elsewhere an ordinary Core executemany."""
    if sqlite:
        conn = session.connection()
        conn.exec_driver_sql(_driver_insert(table, tuple(columns), conn.dialect), rows)
    else:
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


@lru_cache(maxsize=16)
def _driver_insert(table: Any, columns: tuple[str, ...], dialect: Any) -> str:
    """The dialect's INSERT of ``columns`` with positional parameters in that order."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    if tuple(compiled.positiontup or ()) != columns:
        raise AssertionError(f"columns of {table.name} out of order: {compiled.positiontup}")
    return compiled.string


def _insert_copies(session: Session, rows: list[tuple[Any, ...]], sqlite: bool) -> list[int]:
    """Insert copies (tuples in ``_COPY_COLUMNS`` order) in bulk; return their ids in
    order. SQLite writers hold the database lock for the whole transaction (BEGIN
    IMMEDIATE), so ids can be given from max(id), which avoids row-by-row RETURNING;
    PostgreSQL returns them in order from one bulk insert."""
    table = AdCopy.__table__
    if sqlite:
        start = int(session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
        ids = list(range(start + 1, start + 1 + len(rows)))
        _insert_rows(
            session,
            table,
            ("id", *_COPY_COLUMNS),
            [(i, *row) for i, row in zip(ids, rows, strict=True)],
            True,
        )
        return ids
    return list(
        session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [dict(zip(_COPY_COLUMNS, row, strict=True)) for row in rows],
        ).scalars()
    )


def _escalate(
    session: Session,
    items: Sequence[CopyLike],
    results: list[list[ad_rules.Violation]],
    actor: str,
) -> int:
    """A scam sent as an "ad": a complaint-grade detection of its sender at the centre."""
    n = 0
    try:
        from lachan.registry.normalise import InvalidSource
        from lachan.registry.sources import record_detection
    except ImportError:  # pragma: no cover - centre absent
        return 0
    for c, found in zip(items, results, strict=True):
        if not any(v.rule == "SCAM_CONTENT" for v in found):
            continue
        kind = "phone" if ad_rules.is_phone_sender(c.sender) else "brandname"
        if c.channel == "email":
            kind = "email" if "@" in c.sender else "brandname"
        try:
            record_detection(session, kind, c.sender.strip(), "scam", actor=actor)
            n += 1
        except InvalidSource:
            continue
    return n
