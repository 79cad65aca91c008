"""Copies of ads sent: checked at once against Decree 91, stored with their violations.

:func:`submit_copies` takes one copy or a batch of thousands for one advertiser, in one
transaction: every copy is validated first (a bad one refuses the whole batch, naming
it), then the facts around the batch are read in a few set-wise queries (brandnames,
templates, consents, refusals, consent requests, earlier copies in the 24 h window,
Do-Not-Call scopes), the engine scores the texts in one batch, each copy is checked by
:func:`lachan.detect.ad_rules.check_copy` in time order (so copies in the same batch
count towards each other's frequency caps), and copies and violations are written with
two bulk inserts. An ad the engine calls scam is escalated to the centre as a detection
of its sender.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from lachan.detect import ad_rules
from lachan.detect.ad_rules import AdInputError, BrandnameFacts, CopyFacts, Template
from lachan.registry import audit
from lachan.registry.advertising import (
    AdvertisingError,
    get_advertiser,
    normalise_recipients,
    rules,
)
from lachan.registry.clock import as_utc, utcnow
from lachan.rules import AD_CHANNELS, AdRules
from lachan.store.tables_advertising import AdCopy, AdTemplate, Brandname, Consent, Refusal
from lachan.store.tables_advertising import Violation as ViolationRow

#: Most copies in one batch.
MAX_BATCH = 10_000
MAX_TEXT_CHARS = 5_000
MAX_SUBJECT_CHARS = 1_000
MAX_SENDER_CHARS = 64
_CHUNK = 500  # IN-list size per query


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


def _validate(items: Sequence[CopyInput]) -> None:
    if not items:
        raise AdvertisingError("no copies given")
    if len(items) > MAX_BATCH:
        raise AdvertisingError(f"at most {MAX_BATCH} copies per batch; got {len(items)}")
    for i, c in enumerate(items):
        if c.channel not in AD_CHANNELS:
            raise AdvertisingError(f"item {i}: channel must be sms, email or call")
        if not isinstance(c.sender, str) or not c.sender.strip():
            raise AdvertisingError(f"item {i}: sender is empty")
        if len(c.sender) > MAX_SENDER_CHARS:
            raise AdvertisingError(f"item {i}: sender over {MAX_SENDER_CHARS} characters")
        if len(c.text) > MAX_TEXT_CHARS or len(c.subject) > MAX_SUBJECT_CHARS:
            raise AdvertisingError(
                f"item {i}: text over {MAX_TEXT_CHARS} or subject over {MAX_SUBJECT_CHARS} "
                "characters"
            )
        for field_name in ("sender", "recipient", "text", "subject"):
            value = getattr(c, field_name)
            if not isinstance(value, str):
                raise AdvertisingError(f"item {i}: {field_name} must be text")
            if "\x00" in value:
                raise AdvertisingError(f"item {i}: NUL characters are not allowed in {field_name}")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise AdvertisingError(f"item {i}: {field_name} is not valid Unicode") from None
        if c.channel in ("sms", "email") and not c.text.strip():
            raise AdvertisingError(f"item {i}: an {c.channel} copy needs its text")
        if c.sent_at.tzinfo is None or c.sent_at.utcoffset() is None:
            raise AdvertisingError(
                f"item {i}: time sent must carry a time zone (e.g. 2026-11-22T09:30:00+07:00)"
            )
        if c.duration_s is not None and not 0 <= c.duration_s <= 86_400:
            raise AdvertisingError(f"item {i}: call duration must be 0 to 86400 seconds")


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


class _Facts:
    """Facts read set-wise for one batch of one advertiser."""

    def __init__(
        self,
        session: Session,
        advertiser_id: int,
        recipients: list[str],
        senders: list[str],
        t_min: datetime,
        t_max: datetime,
        r: AdRules,
    ) -> None:
        self.r = r
        window = timedelta(seconds=r.frequency_window_seconds)
        dkqc_window = timedelta(seconds=r.dkqc_reply_window_seconds)
        keys = sorted({ad_rules.brandname_key(s) for s in senders})
        self.brands: dict[str, BrandnameFacts] = {}
        for chunk in _chunks(keys):
            for b in session.execute(
                select(Brandname).where(Brandname.name_key.in_(chunk))
            ).scalars():
                self.brands[b.name_key] = BrandnameFacts(
                    b.name, b.advertiser_id, as_utc(b.valid_from), as_utc(b.valid_until)
                )
        adv = get_advertiser(session, advertiser_id)
        own = (
            session.execute(select(Brandname.name).where(Brandname.advertiser_id == advertiser_id))
            .scalars()
            .all()
        )
        self.names = (adv.name, *own)
        self.templates: dict[str, list[Template]] = {"sms": [], "email": []}
        for t in session.execute(
            select(AdTemplate).where(
                AdTemplate.advertiser_id == advertiser_id, AdTemplate.active.is_(True)
            )
        ).scalars():
            compiled = _compiled(t.id, t.text, r.template_slot_max_chars)
            if compiled is not None:
                self.templates.setdefault(t.channel, []).append(compiled)

        uniq = sorted(set(recipients))
        # events per recipient: (time, kind, channel, detail)
        self.events: dict[str, list[tuple[datetime, str, str, dict[str, Any]]]] = defaultdict(list)
        self.sends: dict[tuple[str, str], list[datetime]] = defaultdict(list)
        self.dkqc: dict[str, list[datetime]] = defaultdict(list)
        self.dnc: dict[str, str] = {}
        for chunk in _chunks(uniq):
            for c in session.execute(
                select(
                    Consent.id,
                    Consent.recipient,
                    Consent.channel,
                    Consent.method,
                    Consent.given_at,
                    Consent.withdrawn_at,
                    Consent.withdrawn_via,
                    Consent.daily_limit,
                ).where(
                    Consent.advertiser_id == advertiser_id,
                    Consent.recipient.in_(chunk),
                    Consent.given_at <= t_max,
                )
            ):
                self.events[c.recipient].append(
                    (
                        as_utc(c.given_at),
                        "given",
                        c.channel,
                        {"consent_id": c.id, "method": c.method}
                        | ({"daily_limit": c.daily_limit} if c.daily_limit else {}),
                    )
                )
                if c.withdrawn_at is not None:
                    self.events[c.recipient].append(
                        (
                            as_utc(c.withdrawn_at),
                            "withdrawn",
                            c.channel,
                            {
                                "consent_id": c.id,
                                "withdrawn_at": as_utc(c.withdrawn_at).isoformat(),
                                "via": c.withdrawn_via,
                            },
                        )
                    )
            for f in session.execute(
                select(Refusal.id, Refusal.recipient, Refusal.keyword, Refusal.received_at).where(
                    Refusal.advertiser_id == advertiser_id,
                    Refusal.recipient.in_(chunk),
                    Refusal.received_at <= t_max,
                )
            ):
                eff = as_utc(f.received_at) + timedelta(seconds=r.refusal_effective_after_seconds)
                self.events[f.recipient].append(
                    (
                        eff,
                        "refused",
                        "all",
                        {
                            "refusal_id": f.id,
                            "refused_at": as_utc(f.received_at).isoformat(),
                            "keyword": f.keyword,
                        },
                    )
                )
            for rec, ch, at, is_req in session.execute(
                select(
                    AdCopy.recipient, AdCopy.channel, AdCopy.sent_at, AdCopy.is_consent_request
                ).where(
                    AdCopy.advertiser_id == advertiser_id,
                    AdCopy.recipient.in_(chunk),
                    AdCopy.sent_at > t_min - max(window, dkqc_window),
                    AdCopy.sent_at <= t_max,
                )
            ):
                if is_req:
                    self.dkqc[rec].append(as_utc(at))
                else:
                    self.sends[(rec, ch)].append(as_utc(at))
            self._dnc(session, chunk)
        # consent requests older than the window still count as "the one request"
        for chunk in _chunks(uniq):
            for rec, at in session.execute(
                select(AdCopy.recipient, AdCopy.sent_at).where(
                    AdCopy.advertiser_id == advertiser_id,
                    AdCopy.recipient.in_(chunk),
                    AdCopy.is_consent_request.is_(True),
                    AdCopy.sent_at <= t_min - max(window, dkqc_window),
                )
            ):
                self.dkqc[rec].append(as_utc(at))
        for lst in (*self.sends.values(), *self.dkqc.values()):
            lst.sort()
        for ev in self.events.values():
            ev.sort(key=lambda e: e[0])

    def _dnc(self, session: Session, chunk: Sequence[str]) -> None:
        try:
            from lachan.store.tables_centre import DncEntry
        except ImportError:  # pragma: no cover - centre tables absent
            return
        phones = [c for c in chunk if "@" not in c]
        if phones:
            for number, scope in session.execute(
                select(DncEntry.number, DncEntry.scope).where(DncEntry.number.in_(phones))
            ):
                self.dnc[number] = scope

    def consent_state(self, rec: str, channel: str, at: datetime) -> tuple[str, dict[str, Any]]:
        state, ev = "none", {}
        for t, kind, ch, detail in self.events.get(rec, ()):
            if t > at:
                break
            if ch not in (channel, "all"):
                continue
            state, ev = kind, detail
        if state != "none":
            return state, ev
        reqs = [t for t in self.dkqc.get(rec, ()) if t <= at]
        if reqs and channel == "sms":
            first = reqs[0]
            ev = {"dkqc_sent_at": first.isoformat()}
            if at - first >= timedelta(seconds=self.r.dkqc_reply_window_seconds):
                return "dkqc_no_reply", ev
            return "dkqc_pending", ev
        return "none", {}

    def prior_sends(self, rec: str, channel: str, at: datetime) -> int:
        times = self.sends.get((rec, channel), [])
        lo = bisect.bisect_right(times, at - timedelta(seconds=self.r.frequency_window_seconds))
        hi = bisect.bisect_right(times, at)
        return hi - lo

    def prior_dkqc(self, rec: str, at: datetime) -> int:
        return bisect.bisect_right(self.dkqc.get(rec, []), at)


#: Verdicts of recently seen (text, sender, channel): a campaign sends one text to many
#: recipients, so each distinct message is analysed once. Bounded; cleared when full.
_VERDICT_CACHE: dict[tuple[str, str, str], Any] = {}
_VERDICT_CACHE_MAX = 20_000


def _verdicts(copies: Sequence[CopyInput]) -> list[Any]:
    """Engine verdicts for each copy's text (None where there is no text); each distinct
    (text, sender, channel) is analysed once."""
    out: list[Any] = [None] * len(copies)
    keys: list[tuple[str, str, str] | None] = []
    for c in copies:
        text = (c.subject + "\n" + c.text).strip()[:MAX_TEXT_CHARS]
        keys.append(
            (text, c.sender.strip(), "sms" if c.channel == "call" else c.channel) if text else None
        )
    todo = sorted({k for k in keys if k is not None and k not in _VERDICT_CACHE})
    if todo:
        try:
            import lachan

            verdicts = lachan.analyse_batch(
                [{"text": t, "sender": s, "channel": ch} for t, s, ch in todo]
            )
        except (ImportError, ValueError, TypeError):  # engine absent or refuses: no verdict
            verdicts = [None] * len(todo)
        if len(_VERDICT_CACHE) + len(todo) > _VERDICT_CACHE_MAX:
            _VERDICT_CACHE.clear()
        fresh = dict(zip(todo, verdicts, strict=True))
        _VERDICT_CACHE.update({k: v for k, v in fresh.items() if v is not None})
    else:
        fresh = {}
    for i, k in enumerate(keys):
        if k is not None:
            out[i] = fresh[k] if k in fresh else _VERDICT_CACHE.get(k)
    return out


def submit_copies(
    session: Session,
    advertiser_id: int,
    items: Sequence[CopyInput],
    *,
    actor: str = "system",
    analyse: bool = True,
    rules_in_force: AdRules | None = None,
) -> list[dict[str, Any]]:
    """Check and store ``items`` (all or none); return per copy ``{id, violations}``."""
    r = rules_in_force or rules()
    get_advertiser(session, advertiser_id)
    _validate(items)
    recipients = normalise_recipients([c.recipient for c in items], [c.channel for c in items])
    times = [as_utc(c.sent_at) for c in items]
    facts = _Facts(
        session, advertiser_id, recipients, [c.sender for c in items], min(times), max(times), r
    )
    verdicts = _verdicts(items) if analyse else [None] * len(items)
    now = utcnow()

    order = sorted(range(len(items)), key=lambda i: times[i])
    results: list[list[ad_rules.Violation]] = [[] for _ in items]
    is_req = [False] * len(items)
    for i in order:
        c, rec, at = items[i], recipients[i], times[i]
        copy = ad_rules.AdCopy(
            advertiser_id,
            c.sender.strip(),
            rec,
            c.channel,
            at,
            c.text,
            c.subject,
            c.duration_s,
            consent_prefix=r.dkqc_prefix,
        )
        is_req[i] = copy.is_consent_request
        state, ev = facts.consent_state(rec, c.channel, at)
        v = verdicts[i]
        f = CopyFacts(
            brandname=facts.brands.get(ad_rules.brandname_key(c.sender)),
            advertiser_names=facts.names,
            consent_state=state,
            consent_evidence=ev,
            dnc_scope=facts.dnc.get(rec),
            prior_sends=facts.prior_sends(rec, c.channel, at),
            agreed_daily_limit=ev.get("daily_limit") if state == "given" else None,
            prior_dkqc=facts.prior_dkqc(rec, at),
            templates=facts.templates.get(c.channel, ()),
            content_label=getattr(v, "label", None),
            content_score=getattr(v, "score", None),
            content_symbols=tuple(s.name for s in getattr(v, "symbols", ())),
            content_entities=tuple(v.entities) if v is not None else None,
        )
        try:
            results[i] = ad_rules.check_copy(copy, f, r)
        except AdInputError as exc:
            raise AdvertisingError(f"item {i}: {exc}") from None
        if copy.is_consent_request:
            bisect.insort(facts.dkqc[rec], at)
        else:
            bisect.insort(facts.sends[(rec, c.channel)], at)

    rows = [
        {
            "advertiser_id": advertiser_id,
            "sender": c.sender.strip()[:MAX_SENDER_CHARS],
            "recipient": rec,
            "channel": c.channel,
            "sent_at": at,
            "is_consent_request": req,
            "subject": c.subject,
            "text": c.text,
            "duration_s": c.duration_s,
            "content_label": getattr(v, "label", None),
            "content_score": getattr(v, "score", None),
            "violations": len(found),
            "submitted_at": now,
        }
        for c, rec, at, req, v, found in zip(
            items, recipients, times, is_req, verdicts, results, strict=True
        )
    ]
    ids = _insert_copies(session, rows)
    vrows = [
        {
            "copy_id": cid,
            "advertiser_id": advertiser_id,
            "rule": v.rule,
            "channel": items[i].channel,
            "explanation": v.explanation[:500],
            "evidence": orjson.dumps(v.evidence, default=str).decode(),
            "fine_min_vnd": v.fine.min_vnd if v.fine else None,
            "fine_max_vnd": v.fine.max_vnd if v.fine else None,
            "sent_at": times[i],
        }
        for i, (cid, found) in enumerate(zip(ids, results, strict=True))
        for v in found
    ]
    if vrows:
        session.execute(insert(ViolationRow.__table__), vrows)
    escalated = _escalate(session, items, results, actor)
    audit.record(
        session,
        actor,
        "adcopy.submit",
        f"advertiser:{advertiser_id}",
        {"copies": len(rows), "violations": len(vrows), "escalated": escalated},
    )
    return [
        {
            "id": cid,
            "recipient": rec,
            "violations": [v.to_dict() for v in found],
            "escalated": any(v.rule == "SCAM_CONTENT" for v in found),
        }
        for cid, rec, found in zip(ids, recipients, results, strict=True)
    ]


def _insert_copies(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert copies in bulk; return their ids in order. SQLite writers hold the database
    lock for the whole transaction (BEGIN IMMEDIATE), so ids can be given from max(id),
    which avoids row-by-row RETURNING; PostgreSQL returns them in order from one bulk insert.
    """
    table = AdCopy.__table__
    if session.get_bind().dialect.name == "sqlite":
        start = int(session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
        ids = list(range(start + 1, start + 1 + len(rows)))
        session.execute(insert(table), [dict(r, id=i) for r, i in zip(rows, ids, strict=True)])
        return ids
    return list(
        session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
        ).scalars()
    )


def _escalate(
    session: Session,
    items: Sequence[CopyInput],
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
