"""Advertising registries: advertisers, brandnames, templates, consents, refusals.

Every write records an audit entry in the same transaction. Errors are
:class:`AdvertisingError` subclasses with a readable message and an HTTP-like status, so
the API and the CLI show them as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lachan.detect.ad_rules import (
    AdInputError,
    brandname_key,
    brandname_valid_until,
    parse_template,
    validate_brandname,
)
from lachan.ingest.refusal import RefusalError, confirmation_text, parse_refusal
from lachan.ingest.times import MAX_CLOCK_SKEW
from lachan.registry import audit
from lachan.registry.advertising_lookalikes import refuse_lookalike
from lachan.registry.advertising_numbers import (
    FIXED_NSN_MIN,
    INVALID,
    format_national,
    normalise_numbers,
)
from lachan.registry.advertising_parts import instruction_rest_pattern, opt_out_pattern
from lachan.registry.advertising_recipients import (
    CONSENT_PROOF,
    CONSENT_RECIPIENT,
    REFUSAL_RECIPIENT,
    REFUSAL_REPLY,
    Recipients,
)
from lachan.registry.clock import as_utc, iso, utcnow
from lachan.registry.normalise import HIDDEN_CHARS, InvalidSource, normalise
from lachan.rules import AD_CHANNELS, AdRules, load_rules
from lachan.store.tables_advertising import (
    AdTemplate,
    Advertiser,
    AdvertiserKey,
    Brandname,
    Consent,
    Refusal,
)

CONSENT_CHANNELS = (*AD_CHANNELS, "all")
CONSENT_METHODS = ("reply", "online", "paper", "call", "text", "software")
MAX_EMAIL_CHARS = 254


class AdvertisingError(ValueError):
    """Bad input or state; ``status`` is what the API answers, ``message`` is readable."""

    status = 422
    code = "invalid_input"
    #: True when an administrator may do what was refused (official_ok): a brandname
    #: refused as an organisation's own, or as imitating or abbreviating one.
    admin_may_override = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(AdvertisingError):
    status = 404
    code = "not_found"


class Conflict(AdvertisingError):
    status = 409
    code = "conflict"


class Forbidden(AdvertisingError):
    status = 403
    code = "forbidden"


def rules() -> AdRules:
    """The rules in force (defaults + ``LACHAN_AD_RULES``)."""
    return load_rules()


# ------------------------------------------------------------------------- recipients


#: Channels a fixed line (landline) is reached on: it takes calls, and can be on the
#: Do-Not-Call register for them, but cannot receive an SMS.
FIXED_LINE_CHANNELS = frozenset({"call"})
#: Pseudo-channel of :func:`normalise_recipient` for a recipient named whatever the
#: channel (a withdrawal, a refusal, a look-up): a mobile number or a fixed line.
ANY_PHONE = "phone"


def normalise_recipient(value: str, channel: str) -> str:
    """``0xxxxxxxxx`` for sms / call (a fixed line, ``02xxxxxxxxx``, for calls and
    :data:`ANY_PHONE` only), lower-case address for e-mail; raise
    :class:`AdvertisingError` for anything else."""
    if not isinstance(value, str) or not value.strip():
        raise AdvertisingError("recipient is empty")
    if channel == "email":
        v = value.strip().lower()
        local, at, domain = v.rpartition("@")
        if not at or not local or "." not in domain or len(v) > MAX_EMAIL_CHARS or " " in v:
            raise AdvertisingError(f"not an e-mail address: {value[:60]!r}")
        return v
    if channel in ("sms", "call", "all", ANY_PHONE):
        n = int(normalise_numbers([value], fixed=True)[0])
        problem = _phone_problem(n, channel)
        if problem:
            raise AdvertisingError(f"{problem}: {value[:40]!r}")
        return format_national(n)
    raise AdvertisingError(f"unknown channel {channel[:20]!r}; use sms, email or call")


def _phone_problem(nsn: int, channel: str) -> str | None:
    """Why national number ``nsn`` cannot be a recipient on ``channel``, or None."""
    if nsn == INVALID:
        if channel in FIXED_LINE_CHANNELS or channel == ANY_PHONE:
            return "not a Vietnamese phone number"
        return "not a Vietnamese mobile number"
    if nsn >= FIXED_NSN_MIN and channel not in FIXED_LINE_CHANNELS and channel != ANY_PHONE:
        return f"a fixed line (landline) cannot receive {channel} messages, only calls"
    return None


def normalise_recipients(values: list[str], channels: list[str]) -> list[str]:
    """Many recipients at once (numbers vectorised); raise naming the first bad one."""
    phone_idx = [i for i, c in enumerate(channels) if c != "email"]
    out = list(values)
    if phone_idx:
        nsn = normalise_numbers(
            [values[i] if isinstance(values[i], str) else "" for i in phone_idx], fixed=True
        )
        for i, n in zip(phone_idx, nsn.tolist(), strict=True):
            problem = _phone_problem(n, channels[i])
            if problem:
                raise AdvertisingError(f"item {i}: {problem}: {str(values[i])[:40]!r}")
            out[i] = format_national(n)
    for i, c in enumerate(channels):
        if c == "email":
            try:
                out[i] = normalise_recipient(values[i], "email")
            except AdvertisingError as exc:
                raise AdvertisingError(f"item {i}: {exc.message}") from None
    return out


# ------------------------------------------------------------------------ advertisers


def advertiser_dict(a: Advertiser) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "tax_code": a.tax_code,
        "contact": a.contact,
        "created_at": iso(a.created_at),
    }


#: A Vietnamese tax code (mã số thuế): 10 digits, a branch's 13 (10, a hyphen, 3).
_TAX_CODE = re.compile(r"\d{10}(?:-\d{3})?")


def create_advertiser(
    session: Session,
    name: str,
    tax_code: str = "",
    contact: str = "",
    *,
    actor: str = "system",
    key_id: str | None = None,
) -> Advertiser:
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise AdvertisingError("advertiser name must have 1 to 200 characters")
    if len(tax_code) > 32 or len(contact) > 200:
        raise AdvertisingError("tax code is at most 32 characters, contact at most 200")
    for what, value in (("name", name), ("contact", contact)):
        if HIDDEN_CHARS.search(value):
            raise AdvertisingError(f"advertiser {what} holds control or text-direction "
                                   f"characters")
    tax_code = tax_code.strip()
    if tax_code and not _TAX_CODE.fullmatch(tax_code):
        raise AdvertisingError(f"tax code {tax_code[:32]!r} is not a Vietnamese tax code "
                               f"(10 digits, or 10-3 for a branch: 0101234567-001)")
    if tax_code:
        same = session.scalar(select(Advertiser.id).where(Advertiser.tax_code == tax_code))
        if same is not None:
            raise Conflict(f"advertiser {same} already has tax code {tax_code}")
    a = Advertiser(
        name=name, tax_code=tax_code, contact=contact.strip(), created_at=utcnow()
    )
    session.add(a)
    session.flush()
    if key_id:
        bind_key(session, a.id, key_id, actor=actor)
    audit.record(session, actor, "advertiser.create", f"advertiser:{a.id}", {"name": name})
    return a


def get_advertiser(session: Session, advertiser_id: int) -> Advertiser:
    ok = isinstance(advertiser_id, int) and 1 <= advertiser_id <= 2**31 - 1
    a = session.get(Advertiser, advertiser_id) if ok else None
    if a is None:
        raise NotFound(f"unknown advertiser {advertiser_id!r}")
    return a


def list_advertisers(session: Session, limit: int = 1000) -> list[Advertiser]:
    return list(session.execute(select(Advertiser).order_by(Advertiser.id).limit(limit)).scalars())


def bind_key(session: Session, advertiser_id: int, key_id: str, *, actor: str = "system") -> None:
    """Let the API key ``key_id`` (role advertiser) act for ``advertiser_id`` only."""
    get_advertiser(session, advertiser_id)
    row = session.get(AdvertiserKey, key_id)
    if row is not None and row.advertiser_id != advertiser_id:
        raise Conflict("this key already acts for another advertiser")
    if row is None:
        session.add(AdvertiserKey(key_id=key_id, advertiser_id=advertiser_id))
        audit.record(
            session, actor, "advertiser.bind_key", f"advertiser:{advertiser_id}", {"key_id": key_id}
        )


def advertiser_of_key(session: Session, key_id: str | None) -> int | None:
    if not key_id:
        return None
    row = session.get(AdvertiserKey, key_id)
    return row.advertiser_id if row else None


# ------------------------------------------------------------------------- brandnames


def brandname_dict(b: Brandname, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    return {
        "id": b.id,
        "name": b.name,
        "advertiser_id": b.advertiser_id,
        "valid_from": iso(b.valid_from),
        "valid_until": iso(b.valid_until),
        "renewals": b.renewals,
        "valid": as_utc(b.valid_from) <= now < as_utc(b.valid_until),
    }


def register_brandname(
    session: Session,
    advertiser_id: int,
    name: str,
    *,
    valid_from: datetime | None = None,
    actor: str = "system",
    official_ok: bool = False,
    backdate_ok: bool = False,
) -> Brandname:
    """Register a brandname (Article 23: rules, unique case-insensitively, 3 years).

    An organisation's official brandname (official-channel registry), or a name that
    ``/v1/verify`` calls an imitation of one (409), or a bank's or public body's code or
    name with separators or service words (``VCB-CSKH``, ``CSGT``: 422, see
    :mod:`lachan.registry.advertising_lookalikes`), is refused unless ``official_ok``:
    an administrator has checked that the advertiser is that organisation (advertisers
    are not linked to organisations in the data).

    ``valid_from`` may not lie in the past (a few minutes of clock skew aside) unless
    ``backdate_ok``: an administrator records a brandname granted earlier. An advertiser
    backdating its own brandname would make earlier ads look sent from it."""
    r = rules()
    get_advertiser(session, advertiser_id)
    backdated = valid_from is not None and _in_the_past(valid_from)
    if valid_from is not None and not backdate_ok:
        _refuse_backdating(valid_from)
    try:
        clean = validate_brandname(name, r)
    except AdInputError as exc:
        raise AdvertisingError(str(exc)) from None
    override: str | None = None
    try:
        _refuse_official_brandname(session, clean)
        lookalike = refuse_lookalike(session, clean)
        if lookalike is not None:
            raise AdvertisingError(lookalike)
    except AdvertisingError as exc:
        if not official_ok:
            exc.admin_may_override = True
            raise
        override = exc.message  # what an administrator's check let through
    key = brandname_key(clean)
    existing = session.execute(
        select(Brandname).where(Brandname.name_key == key)
    ).scalar_one_or_none()
    if existing is not None:
        raise Conflict(
            f"brandname {clean!r} is already registered (names are unique "
            "case-insensitively, Art. 23)"
        )
    start = as_utc(valid_from) if valid_from else utcnow()
    b = Brandname(
        name=clean,
        name_key=key,
        advertiser_id=advertiser_id,
        valid_from=start,
        valid_until=brandname_valid_until(start, r),
        registered_at=utcnow(),
        renewals=0,
    )
    session.add(b)
    session.flush()
    details: dict[str, Any] = {"advertiser_id": advertiser_id,
                               "valid_from": iso(b.valid_from),
                               "valid_until": iso(b.valid_until)}
    if backdated:
        details["backdated"] = True  # an administrator recorded an earlier grant
    if override is not None:
        details["official_override"] = override[:300]
    audit.record(session, actor, "brandname.register", f"brandname:{key}", details)
    return b


#: How far ahead a brandname's ``valid_from`` may lie.
MAX_VALID_FROM_AHEAD = timedelta(days=366)


def _in_the_past(valid_from: datetime) -> bool:
    """Whether ``valid_from`` lies before now, less the clock skew tolerated of clients."""
    return as_utc(valid_from) < utcnow() - MAX_CLOCK_SKEW


def _refuse_backdating(valid_from: datetime) -> None:
    """Raise :class:`AdvertisingError` when ``valid_from`` lies before now (less the
    clock skew tolerated of clients)."""
    now = utcnow()
    if _in_the_past(valid_from):
        raise AdvertisingError(
            f"valid_from {iso(valid_from)} is in the past (server time {iso(now)}): an "
            "advertiser's brandname is valid from its registration or a later date; only "
            "the centre's administrator can record one granted earlier"
        )


def _refuse_official_brandname(session: Session, name: str) -> None:
    """Raise :class:`Conflict` when ``name`` is an organisation's official brandname, or
    a name that ``/v1/verify`` calls an imitation of an organisation (``VCB``,
    ``VIETC0MBANK`` for Vietcombank)."""
    from lachan.registry import official

    org_id = official.brandname_holder(session, name)
    if org_id is not None:
        raise Conflict(
            f"brandname {name!r} is the official brandname of {official.org_name(session, org_id)} "
            f"({org_id}) in the official-channel registry; an advertiser cannot register "
            "it. If you are that organisation, ask the centre's administrator to register "
            "it for you"
        )
    imitated = official.imitated_organisation(session, name)
    if imitated is not None:
        raise Conflict(
            f"brandname {name!r} imitates {imitated['name']} ({imitated['id']}): "
            "/v1/verify answers 'imitates' for it, so an advertiser cannot register it. "
            "If you are that organisation, ask the centre's administrator to register it "
            "for you"
        )
    from lachan.registry.sources import BLOCKLIST_STATES
    from lachan.store.tables_centre import Source

    try:
        key = normalise("brandname", name)
    except InvalidSource:
        return
    state = session.scalar(select(Source.state).where(Source.kind == "brandname",
                                                      Source.value == key))
    if state in BLOCKLIST_STATES:
        raise Conflict(
            f"brandname {name!r} is {state} in the spam-source registry; an advertiser "
            "cannot register it until an analyst clears it"
        )


def find_brandname(session: Session, name: str) -> Brandname | None:
    return session.execute(
        select(Brandname).where(Brandname.name_key == brandname_key(name))
    ).scalar_one_or_none()


def renew_brandname(
    session: Session,
    advertiser_id: int,
    name: str,
    *,
    actor: str = "system",
    now: datetime | None = None,
) -> Brandname:
    """Another 3 years: from the current end if still valid, else from now."""
    b = find_brandname(session, name)
    if b is None or b.advertiser_id != advertiser_id:
        raise NotFound(f"advertiser {advertiser_id} has no brandname {name[:20]!r}")
    now = as_utc(now) if now else utcnow()
    start = max(as_utc(b.valid_until), now)
    b.valid_until = brandname_valid_until(start, rules())
    b.renewals += 1
    if as_utc(b.valid_from) > now:
        b.valid_from = now
    audit.record(
        session,
        actor,
        "brandname.renew",
        f"brandname:{b.name_key}",
        {"valid_until": iso(b.valid_until), "renewals": b.renewals},
    )
    session.flush()
    return b


def list_brandnames(session: Session, advertiser_id: int) -> list[Brandname]:
    return list(
        session.execute(
            select(Brandname).where(Brandname.advertiser_id == advertiser_id).order_by(Brandname.id)
        ).scalars()
    )


# -------------------------------------------------------------------------- templates


def template_dict(t: AdTemplate) -> dict[str, Any]:
    slots = list(parse_template(t.text).slots)
    return {
        "id": t.id,
        "advertiser_id": t.advertiser_id,
        "channel": t.channel,
        "text": t.text,
        "slots": slots,
        "active": t.active,
        "created_at": iso(t.created_at),
    }


def register_template(
    session: Session,
    advertiser_id: int,
    text: str,
    channel: str = "sms",
    *,
    actor: str = "system",
) -> AdTemplate:
    get_advertiser(session, advertiser_id)
    if channel not in ("sms", "email"):
        raise AdvertisingError("templates are for sms or email")
    r = rules()
    try:
        parse_template(text, r)
    except AdInputError as exc:
        raise AdvertisingError(f"template refused: {exc}") from None
    problem = template_format_problem(text, channel, r)
    if problem is not None:
        raise AdvertisingError(f"template refused: {problem}")
    t = AdTemplate(
        advertiser_id=advertiser_id, channel=channel, text=text, created_at=utcnow(), active=True
    )
    session.add(t)
    session.flush()
    audit.record(
        session,
        actor,
        "template.register",
        f"template:{t.id}",
        {"advertiser_id": advertiser_id, "channel": channel},
    )
    return t


#: A slot of a template (``{name}``); ``{{`` is a literal brace.
_SLOT = re.compile(r"\{[^{}]*\}")


def fixed_parts(text: str) -> list[str]:
    """The fixed text of a (well-formed) template between its slots, in order."""
    return [p.replace("\x00", "{") for p in _SLOT.split(text.replace("{{", "\x00"))]


def slot_names(text: str) -> list[str]:
    """The slots of a (well-formed) template, in order, as written (``{name}``)."""
    return _SLOT.findall(text.replace("{{", "\x00"))


#: Where a template's one slot after the opt-out phrase stands for the instruction's
#: shortcode (folded): after "gui", "den tong dai"...; in an e-mail also for its
#: unsubscribe link: after "tai", "link", "click" or right after the phrase
#: ("Unsubscribe: {link}").
_SHORTCODE_PLACE = re.compile(
    r"(?<![a-z0-9])(?:gui|den|toi|ve|so|dau\s+so|tong\s+dai|sms|send|to)[\W_]*$"
)
_LINK_PLACE = re.compile(
    r"(?:^|(?<![a-z0-9])(?:tai|at|here|link|vao|bam|click|qua|o\s+day|trang))[\W_]*$"
)


def template_format_problem(text: str, channel: str, r: AdRules) -> str | None:
    """What keeps ``text`` from being an ad template under Articles 14-20, or ``None``.

    Every message filled from a template must be lawful, so the template's fixed text
    (not a slot) must carry what the decree requires of every ad: an SMS starts with the
    label (``rules.sms_labels``: ``[QC]``, ``[AD]``), and SMS and e-mail bodies end with
    the opt-out instruction (one of ``rules.opt_out_phrases``). After its last phrase at
    most one slot may follow, and only as the instruction's shortcode (``gui
    {shortcode}``; in an e-mail also its link, ``Unsubscribe: {link}``), with nothing
    after it but the rest of the instruction (punctuation, ``(mien phi)``): a slot may
    stand for 60 characters of anything, so a slot after a whole instruction (``... gui
    8088 {body}``), or two slots, would put the ad after its opt-out. An e-mail's label is
    its subject tag, which a template does not hold."""
    from lachan.text import fold

    parts = fixed_parts(text)
    if channel == "sms":
        head = parts[0].lstrip().upper()
        if not head.startswith(tuple(label.upper() for label in r.sms_labels)):
            return (
                f"an SMS ad must start with the label {' or '.join(r.sms_labels)} in the "
                f"template's fixed text (Decree 91); it starts with {text.strip()[:20]!r}"
            )
    opt_out = opt_out_pattern(tuple(r.opt_out_phrases))
    rest_of_instruction = instruction_rest_pattern(tuple(r.refusal_keywords))
    folded = [fold(p) for p in parts]
    with_phrase = [i for i, p in enumerate(folded) if opt_out.search(p)]
    j = with_phrase[-1] if with_phrase else -1
    if j < 0 or not all(rest_of_instruction.fullmatch(p) for p in folded[j + 1 :]):
        where = ("its fixed text has none" if j < 0
                 else "its fixed text has one, but not at the end (after the instruction, "
                 "at most one slot may follow: gui {shortcode})")
        return _opt_out_problem(where)
    after = slot_names(text)[j:]  # the slots after the part with the last phrase
    if not after:
        return None
    if len(after) > 1:
        return _opt_out_problem(
            f"its fixed text has one, but not at the end: {len(after)} slots follow it "
            f"({', '.join(after)}); after the instruction only its shortcode may "
            "(gui {shortcode})")
    rest = folded[j][[*opt_out.finditer(folded[j])][-1].end() :]
    if not _slot_place_ok(rest, channel, rest_of_instruction):
        link = ", or its link: Unsubscribe: {link}" if channel == "email" else ""
        return _opt_out_problem(
            f"its fixed text has one, but not at the end: the slot {after[0]} follows it "
            f"where only the instruction's shortcode may (gui {{shortcode}}{link})")
    return None


#: Most characters between an e-mail's opt-out phrase and its link slot.
_EMAIL_LINK_LEAD = 30


def _slot_place_ok(rest: str, channel: str, rest_of_instruction: re.Pattern[str]) -> bool:
    """Whether a slot after ``rest`` (the folded fixed text after the opt-out phrase)
    stands for the instruction's shortcode (no shortcode given yet, nothing but the
    instruction's words: "soan TC gui {shortcode}"), or in an e-mail for its link."""
    if any(c.isdigit() for c in rest):
        return False
    if channel == "email" and len(rest) <= _EMAIL_LINK_LEAD and (
            _LINK_PLACE.search(rest) or _SHORTCODE_PLACE.search(rest)):
        return True
    return (_SHORTCODE_PLACE.search(rest) is not None
            and rest_of_instruction.fullmatch(rest) is not None)


def _opt_out_problem(where: str) -> str:
    return (
        "an ad must end with how to refuse further ads, in the template's fixed text "
        f"(for example 'Tu choi soan TC gui 8xxx', Decree 91); {where}"
    )


def list_templates(session: Session, advertiser_id: int) -> list[AdTemplate]:
    return list(
        session.execute(
            select(AdTemplate)
            .where(AdTemplate.advertiser_id == advertiser_id, AdTemplate.active.is_(True))
            .order_by(AdTemplate.id)
        ).scalars()
    )


# --------------------------------------------------------------------------- consents


@dataclass(frozen=True, slots=True)
class ConsentInput:
    recipient: str
    channel: str = "all"
    method: str = "online"
    proof_ref: str = ""
    given_at: datetime | None = None
    daily_limit: int | None = None


def consent_dict(c: Consent, recipients: Recipients) -> dict[str, Any]:
    """What the API and the CLI show of a consent; its recipient and proof reference are
    decrypted (this is where they are shown back: to the consent's advertiser, and to
    the centre, which shows the proof to the regulator on request)."""
    return {
        "id": c.id,
        "advertiser_id": c.advertiser_id,
        "recipient": recipient_of(c, recipients),
        "channel": c.channel,
        "method": c.method,
        "proof_ref": recipients.open(CONSENT_PROOF, c.advertiser_id, c.proof_ref_enc),
        "given_at": iso(c.given_at),
        "withdrawn_at": iso(c.withdrawn_at) if c.withdrawn_at else None,
        "withdrawn_via": c.withdrawn_via or None,
        "daily_limit": c.daily_limit,
    }


def recipient_of(c: Consent, recipients: Recipients) -> str:
    """The recipient of a consent, decrypted."""
    return recipients.open(CONSENT_RECIPIENT, c.advertiser_id, c.recipient_enc)


def consent_dicts(session: Session, rows: Iterable[Consent]) -> list[dict[str, Any]]:
    """:func:`consent_dict` of each row, with the session's vault."""
    recipients = Recipients.of(session)
    return [consent_dict(c, recipients) for c in rows]


def _consent(recipients: Recipients, advertiser_id: int, recipient: str,
             **fields: Any) -> Consent:
    """A new consent row for a normalised ``recipient`` (stored as its pseudonym and
    encrypted, never in clear); ``fields`` carry its proof reference already encrypted
    (``proof_ref_enc``)."""
    return Consent(
        advertiser_id=advertiser_id,
        recipient_pseudonym=recipients.pseudonym(recipient),
        recipient_enc=recipients.seal(CONSENT_RECIPIENT, advertiser_id, recipient),
        **fields,
    )


def record_consents(
    session: Session,
    advertiser_id: int,
    items: Iterable[ConsentInput],
    *,
    actor: str = "system",
) -> list[Consent]:
    """Record consents (all or none: the first bad item refuses the lot)."""
    get_advertiser(session, advertiser_id)
    items = list(items)
    for i, it in enumerate(items):
        if it.channel not in CONSENT_CHANNELS:
            raise AdvertisingError(
                f"item {i}: channel must be one of {', '.join(CONSENT_CHANNELS)}"
            )
        if it.method not in CONSENT_METHODS:
            raise AdvertisingError(f"item {i}: method must be one of {', '.join(CONSENT_METHODS)}")
        if len(it.proof_ref) > 200:
            raise AdvertisingError(f"item {i}: proof reference over 200 characters")
        if it.daily_limit is not None and not 1 <= it.daily_limit <= 100:
            raise AdvertisingError(f"item {i}: daily limit must be 1 to 100")
    recipients = normalise_recipients(
        [it.recipient for it in items],
        ["email" if it.channel == "email" or "@" in it.recipient else it.channel
         for it in items],
    )
    now = utcnow()
    keyed = Recipients.of(session)  # (thousands a request: keyed and sealed at once)
    pseudonyms = keyed.pseudonyms(recipients)
    sealed = keyed.seal_many(CONSENT_RECIPIENT, advertiser_id, recipients)
    proofs = keyed.seal_many(CONSENT_PROOF, advertiser_id, [it.proof_ref for it in items])
    rows = [
        Consent(
            advertiser_id=advertiser_id,
            recipient_pseudonym=pseudonyms[r],
            recipient_enc=enc,
            channel=it.channel,
            method=it.method,
            proof_ref_enc=proof,
            given_at=as_utc(it.given_at) if it.given_at else now,
            withdrawn_via="",
            daily_limit=it.daily_limit,
        )
        for it, r, enc, proof in zip(items, recipients, sealed, proofs, strict=True)
    ]
    session.add_all(rows)
    session.flush()
    audit.record(
        session, actor, "consent.record", f"advertiser:{advertiser_id}", {"count": len(rows)}
    )
    return rows


def withdraw_consent(
    session: Session,
    advertiser_id: int,
    recipient: str,
    channel: str = "all",
    *,
    via: str = "api",
    at: datetime | None = None,
    actor: str = "system",
) -> int:
    """Withdraw the recipient's live consents (for ``channel``; ``all``: every channel).
    Returns how many were withdrawn."""
    get_advertiser(session, advertiser_id)
    if channel not in CONSENT_CHANNELS:
        raise AdvertisingError(f"channel must be one of {', '.join(CONSENT_CHANNELS)}")
    rec = normalise_recipient(recipient, "email" if "@" in (recipient or "") else ANY_PHONE)
    at = as_utc(at) if at else utcnow()
    keyed = Recipients.of(session)
    q = select(Consent).where(
        Consent.advertiser_id == advertiser_id,
        Consent.recipient_pseudonym == keyed.pseudonym(rec),
        Consent.withdrawn_at.is_(None),
    )
    if channel != "all":
        q = q.where(Consent.channel.in_((channel, "all")))
    rows = list(session.execute(q).scalars())
    kept: list[Consent] = []
    for c in rows:
        c.withdrawn_at = at
        c.withdrawn_via = via[:16]
        if channel != "all" and c.channel == "all":
            kept += _split_consent(keyed, c, rec, channel)
    session.add_all(kept)
    # the recipient's own pseudonym (Vault.ad_recipient_pseudonym), as the consents hold
    # it: not the reporter pseudonym audit.record would give, which complaints share
    audit.record(
        session,
        actor,
        "consent.withdraw",
        f"advertiser:{advertiser_id}",
        {"recipient": keyed.pseudonym(rec), "channel": channel, "count": len(rows),
         "kept_channels": [k.channel for k in kept]},
    )
    session.flush()
    return len(rows)


def _split_consent(
    recipients: Recipients, c: Consent, recipient: str, withdrawn: str
) -> list[Consent]:
    """The consents that stay when one channel of an ``all`` consent is withdrawn: one per
    other channel the recipient can be reached on (a phone number: SMS and calls), with
    the original's method, proof (its ciphertext as it is: same column and advertiser),
    date and daily limit."""
    reachable = ("email",) if "@" in recipient else ("sms", "call")
    return [
        _consent(recipients, c.advertiser_id, recipient, channel=ch, method=c.method,
                 proof_ref_enc=c.proof_ref_enc, given_at=c.given_at,
                 daily_limit=c.daily_limit)
        for ch in reachable if ch != withdrawn
    ]


def list_consents(
    session: Session, advertiser_id: int, recipient: str | None = None, limit: int = 1000
) -> list[Consent]:
    q = select(Consent).where(Consent.advertiser_id == advertiser_id)
    if recipient:
        ch = "email" if "@" in recipient else ANY_PHONE
        rec = normalise_recipient(recipient, ch)
        q = q.where(Consent.recipient_pseudonym == Recipients.of(session).pseudonym(rec))
    return list(session.execute(q.order_by(Consent.id).limit(limit)).scalars())


# --------------------------------------------------------------------------- refusals


def record_refusal(
    session: Session,
    advertiser_id: int,
    recipient: str,
    reply: str,
    *,
    received_at: datetime | None = None,
    actor: str = "system",
) -> dict[str, Any]:
    """Read a recipient's reply; when it is a refusal, record it and return the
    confirmation text the advertiser must send. ``{"refusal": False}`` otherwise."""
    adv = get_advertiser(session, advertiser_id)
    r = rules()
    try:
        parsed = parse_refusal(reply, r)
    except RefusalError as exc:
        raise AdvertisingError(str(exc)) from None
    channel = "email" if "@" in (recipient or "") else ANY_PHONE
    rec = normalise_recipient(recipient, channel)
    if parsed is None:
        return _maybe_accept(session, advertiser_id, rec, reply, received_at, r, actor)
    at = as_utc(received_at) if received_at else utcnow()
    stops = at + timedelta(seconds=r.refusal_effective_after_seconds)
    names = [b.name for b in list_brandnames(session, advertiser_id)]
    who = names[0] if names else adv.name
    text = confirmation_text(who, at, stops)
    keyed = Recipients.of(session)
    row = Refusal(
        advertiser_id=advertiser_id,
        recipient_pseudonym=keyed.pseudonym(rec),
        recipient_enc=keyed.seal(REFUSAL_RECIPIENT, advertiser_id, rec),
        keyword=parsed.keyword,
        reply_enc=keyed.seal(REFUSAL_REPLY, advertiser_id, reply[:1000]),
        received_at=at,
        confirmation=text[:500],
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "refusal.record",
        f"advertiser:{advertiser_id}",
        {"recipient": row.recipient_pseudonym, "keyword": parsed.keyword},
    )
    return {
        "refusal": True,
        "id": row.id,
        "recipient": rec,
        "keyword": parsed.keyword,
        "target": parsed.target,
        "received_at": iso(at),
        "stops_at": iso(stops),
        "confirmation": text,
    }


def _maybe_accept(
    session: Session,
    advertiser_id: int,
    rec: str,
    reply: str,
    received_at: datetime | None,
    r: AdRules,
    actor: str,
) -> dict[str, Any]:
    """A reply accepting a DKQC consent request (one of ``rules.dkqc_accept_phrases``,
    within the reply window after the request) records a consent given by reply; its
    ``proof_ref`` names the phrase of the rules the reply matched."""
    from lachan.store.tables_advertising import AdCopy
    from lachan.text import fold

    out: dict[str, Any] = {"refusal": False, "consent": False, "recipient": rec}
    words = " ".join("".join(ch if ch.isalnum() else " " for ch in fold(reply)).split())
    phrase = {fold(p): p for p in r.dkqc_accept_phrases}.get(words)
    if phrase is None:
        out["detail"] = "the reply is neither a refusal nor an acceptance; nothing recorded"
        return out
    at = as_utc(received_at) if received_at else utcnow()
    keyed = Recipients.of(session)
    request_at = session.execute(
        select(AdCopy.sent_at)
        .where(
            AdCopy.advertiser_id == advertiser_id,
            AdCopy.recipient_pseudonym == keyed.pseudonym(rec),
            AdCopy.is_consent_request.is_(True),
            AdCopy.sent_at <= at,
        )
        .order_by(AdCopy.sent_at.desc())
        .limit(1)
    ).scalar_one_or_none()
    if request_at is None:
        out["detail"] = "an acceptance, but no DKQC request was sent to this recipient"
        return out
    if at - as_utc(request_at) > timedelta(seconds=r.dkqc_reply_window_seconds):
        out["detail"] = (
            "an acceptance received after the reply window of the DKQC request: silence "
            "already counted as refusal; nothing recorded"
        )
        return out
    row = _consent(
        keyed,
        advertiser_id,
        rec,
        channel="sms",
        method="reply",
        # the accepted phrase of the rules it matched, not the subscriber's words;
        # encrypted as every proof reference is
        proof_ref_enc=keyed.seal(CONSENT_PROOF, advertiser_id, f"DKQC reply: {phrase}"[:200]),
        given_at=at,
        withdrawn_via="",
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "consent.record",
        f"advertiser:{advertiser_id}",
        {"count": 1, "method": "reply"},
    )
    out.update({"consent": True, "consent_id": row.id, "given_at": iso(at)})
    return out
