"""Decree 91 checks of one advertising copy: pure functions, no database.

The registry gathers what it knows about a copy (its brandname, consent, refusals, the
Do-Not-Call scope of the recipient, how many ads the advertiser already sent that
recipient in the window, its templates, the engine's verdict) into :class:`CopyFacts`;
:func:`check_copy` runs every named rule of :data:`CHECKS` and returns the violations,
each with a readable explanation, its evidence and the fine band of
:mod:`lachan.rules`.

Also here, because they are pure and shared by the API, the CLI and the checks:
:func:`validate_brandname` (Article 23) and :func:`parse_template` (templates with
variable slots, ``{name}``; ``{{`` and ``}}`` stand for literal braces).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from lachan.domain import MAX_TEXT_CHARS, Entity
from lachan.entities import extract
from lachan.rules import DEFAULT_RULES, TIMEZONE, AdRules, FineBand
from lachan.text import fold

VN_TZ = ZoneInfo(TIMEZONE)

#: Largest template, ad text and subject we accept, in characters.
MAX_TEMPLATE_CHARS = 2_000
MAX_SLOTS = 30

# Rule names (UPPER_SNAKE), each with a one-line description.
RULES: dict[str, str] = {
    "AD_LABEL_MISSING": "An ad SMS must start with [QC] or [AD] (Art. 14-20).",
    "EMAIL_SUBJECT_TAG_MISSING": "An ad e-mail subject must carry the ad tag (Art. 14-20).",
    "OPT_OUT_MISSING": "An ad must end with instructions to refuse further ads (Art. 14-20).",
    "PRICE_MISSING": "An ad for a paid service must show its price (Art. 14-20).",
    "OUTSIDE_SENDING_HOURS": "SMS only 07:00-22:00, calls only 08:00-17:00, Vietnam time "
    "(Art. 13).",
    "FREQUENCY_CAP_EXCEEDED": "At most 3 SMS, 3 e-mails, 1 call per recipient per advertiser "
    "per 24 hours (Art. 13).",
    "SENDER_PHONE_NUMBER": "An ordinary phone number may not send ad SMS or make ad calls "
    "(Art. 13).",
    "BRANDNAME_NOT_REGISTERED": "Ads only from a registered brandname (Art. 13, 23).",
    "BRANDNAME_NOT_OWNED": "The brandname is registered to another advertiser (Art. 23).",
    "BRANDNAME_EXPIRED": "The brandname registration is not valid at the time sent (Art. 23).",
    "NO_CONSENT": "No prior consent of the recipient (Art. 11, 13).",
    "CONSENT_WITHDRAWN": "The recipient withdrew consent before this ad (Art. 11, 13).",
    "RECIPIENT_REFUSED": "The recipient refused ads from this advertiser (Art. 14-20).",
    "DKQC_NO_REPLY": "The recipient did not answer the DKQC consent request within 24 h: "
    "silence is refusal (Art. 13, draft).",
    "DNC_LISTED": "The recipient is on the Do-Not-Call register for this channel (Art. 13).",
    "DKQC_OUTSIDE_HOURS": "A DKQC consent request only 07:00-22:00 (Art. 13, draft).",
    "DKQC_REPEATED": "Only one DKQC consent request per recipient (Art. 13, draft).",
    "DKQC_INCOMPLETE": "A DKQC request must name the advertiser and say how to accept or "
    "refuse (Art. 13, draft).",
    "TEMPLATE_MISMATCH": "The ad matches none of the advertiser's registered templates.",
    "SCAM_CONTENT": "The content engine calls this ad a scam: escalated to the centre.",
}

CONSENT_STATES = ("given", "none", "withdrawn", "refused", "dkqc_pending", "dkqc_no_reply")

_PHONE_SENDER = re.compile(r"^\+?[\d .\-()]+$")


class AdInputError(ValueError):
    """Bad advertiser input (brandname, template, copy): the message says what is wrong."""


class BrandnameError(AdInputError):
    pass


class TemplateError(AdInputError):
    pass


# ---------------------------------------------------------------------------- brandnames


def brandname_key(name: str) -> str:
    """The case-insensitive key under which brandnames are unique (upper case, stripped,
    runs of spaces as one: "DIEN  MAY" is "Dien May")."""
    return " ".join(name.split()).upper()


def validate_brandname(name: object, rules: AdRules = DEFAULT_RULES) -> str:
    """Check a brandname against Article 23 and return it stripped; raise
    :class:`BrandnameError` saying which rule it breaks."""
    if not isinstance(name, str):
        raise BrandnameError("brandname must be text")
    value = name.strip()
    if not value:
        raise BrandnameError("brandname is empty")
    if len(value) > rules.brandname_max_len:
        raise BrandnameError(
            f"brandname {value[:40]!r} has {len(value)} characters; at most "
            f"{rules.brandname_max_len} are allowed (Art. 23)"
        )
    bad = sorted({c for c in value if c not in rules.brandname_charset})
    if bad:
        shown = ", ".join(repr(c) for c in bad[:5])
        raise BrandnameError(
            f"brandname {value!r} has characters not allowed ({shown}); only Latin letters, "
            "digits, '-', '_', '.' and space (Art. 23)"
        )
    if not any(c.isalnum() for c in value):
        raise BrandnameError(f"brandname {value!r} must hold a letter (Art. 23)")
    if value.replace(" ", "").isdigit():
        raise BrandnameError(f"brandname {value!r} must not be digits only (Art. 23)")
    return re.sub(" {2,}", " ", value)  # "DIEN  MAY" is "DIEN MAY"


def brandname_valid_until(valid_from: datetime, rules: AdRules = DEFAULT_RULES) -> datetime:
    """End of validity (exclusive): ``valid_from`` plus the Article 23 term (3 years)."""
    years = rules.brandname_valid_years
    try:
        return valid_from.replace(year=valid_from.year + years)
    except ValueError:  # 29 February -> 1 March
        return (valid_from + timedelta(days=1)).replace(year=valid_from.year + years)


@lru_cache(maxsize=1024)
def is_phone_sender(sender: str) -> bool:
    """True when a sender is an ordinary phone number (digits, '+', separators only)."""
    s = sender.strip()
    return bool(_PHONE_SENDER.match(s)) and sum(c.isdigit() for c in s) >= 3


# ----------------------------------------------------------------------------- templates


@dataclass(frozen=True, slots=True)
class Template:
    """A registered template: fixed text with variable slots."""

    text: str
    slots: tuple[str, ...]
    pattern: re.Pattern[str] = field(compare=False, repr=False)
    id: Any = None

    def matches(self, text: str) -> bool:
        return self.pattern.fullmatch(" ".join(text.split())) is not None

    def fill(self, values: dict[str, str]) -> str:
        """The text with each slot replaced (for tests and examples)."""
        out: list[str] = []
        for kind, value in _tokens(self.text):
            out.append(values.get(value, "") if kind == "slot" else value)
        return "".join(out)


_SLOT_NAME = re.compile(r"[A-Za-z0-9_#]*")


def _tokens(text: str) -> list[tuple[str, str]]:
    """Split a template into ("lit", text) and ("slot", name) tokens; raise
    :class:`TemplateError` on unbalanced braces."""
    tokens: list[tuple[str, str]] = []
    lit: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "{":
            if text.startswith("{{", i):
                lit.append("{")
                i += 2
                continue
            end = text.find("}", i + 1)
            nxt = text.find("{", i + 1)
            if end < 0 or (0 <= nxt < end):
                raise TemplateError(
                    f"unbalanced slot: '{{' at character {i + 1} has no closing '}}'"
                )
            name = text[i + 1 : end].strip()
            if not _SLOT_NAME.fullmatch(name):
                raise TemplateError(
                    f"slot name {name[:30]!r} at character {i + 1} may hold only letters, "
                    "digits, '_' and '#'"
                )
            if lit:
                tokens.append(("lit", "".join(lit)))
                lit = []
            tokens.append(("slot", name))
            i = end + 1
        elif c == "}":
            if text.startswith("}}", i):
                lit.append("}")
                i += 2
                continue
            raise TemplateError(f"unbalanced slot: '}}' at character {i + 1} has no opening '{{'")
        else:
            lit.append(c)
            i += 1
    if lit:
        tokens.append(("lit", "".join(lit)))
    return tokens


def parse_template(text: object, rules: AdRules = DEFAULT_RULES, id: Any = None) -> Template:
    """Parse a template such as ``"[QC] Giam {pct}% cho {name}. Tu choi: soan TC gui 9xxx"``.

    Whitespace runs match any whitespace run; a slot matches 1 to
    ``rules.template_slot_max_chars`` characters. Raises :class:`TemplateError` for an
    empty or oversized template, unbalanced braces, bad slot names, adjacent slots or a
    template with no fixed text.
    """
    if not isinstance(text, str) or not text.strip():
        raise TemplateError("template is empty")
    if len(text) > MAX_TEMPLATE_CHARS:
        raise TemplateError(f"template is over {MAX_TEMPLATE_CHARS} characters")
    tokens = _tokens(" ".join(text.split()))
    slots = tuple(v for k, v in tokens if k == "slot")
    if len(slots) > MAX_SLOTS:
        raise TemplateError(f"template has {len(slots)} slots; at most {MAX_SLOTS}")
    if not any(k == "lit" and v.strip() for k, v in tokens):
        raise TemplateError("template has no fixed text, only slots")
    for (k1, _), (k2, _) in zip(tokens, tokens[1:], strict=False):
        if k1 == k2 == "slot":
            raise TemplateError("two slots side by side cannot be told apart; put text between")
    span = max(1, int(rules.template_slot_max_chars))
    parts = []
    for kind, value in tokens:
        if kind == "slot":
            parts.append(f"(.{{1,{span}}}?)")
        else:
            parts.append(re.escape(value).replace(r"\ ", r"\s+"))
    pattern = re.compile("".join(parts), re.DOTALL)
    return Template(text=text, slots=slots, pattern=pattern, id=id)


# -------------------------------------------------------------------------- copies, facts


_set = object.__setattr__


@dataclass(frozen=True, slots=True, init=False)
class AdCopy:
    """A copy of one ad as sent (issue 4 item 2)."""

    advertiser_id: Any
    sender: str
    recipient: str
    channel: str
    sent_at: datetime
    text: str = ""
    subject: str = ""
    duration_s: int | None = None
    #: The consent-request prefix in force (``AdRules.dkqc_prefix``).
    consent_prefix: str = DEFAULT_RULES.dkqc_prefix
    #: True for a consent request: an SMS starting with the prefix (computed, not given).
    is_consent_request: bool = field(init=False, default=False)

    def __init__(
        self,
        advertiser_id: Any,
        sender: str,
        recipient: str,
        channel: str,
        sent_at: datetime,
        text: str = "",
        subject: str = "",
        duration_s: int | None = None,
        consent_prefix: str = DEFAULT_RULES.dkqc_prefix,
    ) -> None:
        # written out: the generated __init__ of a frozen dataclass plus __post_init__
        # cost half as much again, once per copy checked
        _set(self, "advertiser_id", advertiser_id)
        _set(self, "sender", sender)
        _set(self, "recipient", recipient)
        _set(self, "channel", channel)
        _set(self, "sent_at", sent_at)
        _set(self, "text", text)
        _set(self, "subject", subject)
        _set(self, "duration_s", duration_s)
        _set(self, "consent_prefix", consent_prefix)
        request = False
        if channel == "sms" and consent_prefix:
            prefix = consent_prefix.upper()
            request = bool(prefix) and text.lstrip()[: len(prefix)].upper() == prefix
        _set(self, "is_consent_request", request)


@dataclass(frozen=True, slots=True)
class BrandnameFacts:
    name: str
    advertiser_id: Any
    valid_from: datetime
    valid_until: datetime


@dataclass(slots=True)
class CopyFacts:
    """What the registry knows around one copy."""

    brandname: BrandnameFacts | None = None
    advertiser_names: tuple[str, ...] = ()
    consent_state: str = "none"
    consent_evidence: dict[str, Any] = field(default_factory=dict)
    dnc_scope: str | None = None
    prior_sends: int = 0
    #: the recipient's own daily limit from the consent in force (None: the decree's cap)
    agreed_daily_limit: int | None = None
    prior_dkqc: int = 0
    templates: Sequence[Template] = ()
    content_label: str | None = None
    content_score: float | None = None
    content_symbols: tuple[str, ...] = ()
    #: entities the engine found in the copy (None: not analysed; the price check then
    #: extracts them itself)
    content_entities: tuple[Entity, ...] | None = None


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    explanation: str
    evidence: dict[str, Any]
    fine: FineBand | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "explanation": self.explanation,
            "evidence": self.evidence,
            "fine": self.fine.to_dict() if self.fine else None,
        }


Check = Callable[[AdCopy, CopyFacts, AdRules], "Violation | None"]


def local_time(dt: datetime) -> datetime:
    """``dt`` in Vietnam time; naive datetimes are refused (ambiguous)."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise AdInputError("time sent must carry a time zone (e.g. 2026-11-22T09:30:00+07:00)")
    return dt.astimezone(VN_TZ)


def _fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _v(rule: str, copy: AdCopy, rules: AdRules, why: str, **evidence: Any) -> Violation:
    return Violation(rule, why, evidence, rules.fine_band(rule, copy.channel))


def _in_hours(dt: datetime, span: tuple[int, int]) -> tuple[bool, str]:
    local = local_time(dt)
    hour, minute_of_hour = local.hour, local.minute
    minute = hour * 60 + minute_of_hour
    start, end = span
    ok = start <= minute < end if start <= end else (minute >= start or minute < end)
    # the local time is shown only in a violation; strftime costs ~3 us a call
    return ok, "" if ok else f"{hour:02d}:{minute_of_hour:02d}"


@lru_cache(maxsize=64)
def _upper(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(i.upper() for i in items)


@lru_cache(maxsize=64)
def _folded_upper(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(k).upper() for k in items)


@lru_cache(maxsize=64)
def _phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True) if p)
    return re.compile(rf"(?<![a-z0-9])(?:{alts})(?![a-z0-9])")


# ---------------------------------------------------------------------------- the checks


def check_label(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if copy.channel != "sms" or copy.is_consent_request:
        return None
    head = copy.text.lstrip()[:16].upper()
    if head.startswith(_upper(tuple(rules.sms_labels))):
        return None
    return _v(
        "AD_LABEL_MISSING", copy, rules,
        f"the SMS starts with {copy.text.strip()[:12]!r}, not with "
        f"{' or '.join(rules.sms_labels)}",
        start=copy.text.strip()[:20],
    )


def check_subject_tag(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if copy.channel != "email":
        return None
    head = copy.subject.lstrip()[:16].upper()
    if head.startswith(_upper(tuple(rules.email_subject_tags))):
        return None
    return _v(
        "EMAIL_SUBJECT_TAG_MISSING", copy, rules,
        f"the subject {copy.subject.strip()[:40]!r} does not start with "
        f"{' or '.join(rules.email_subject_tags)}",
        subject=copy.subject.strip()[:80],
    )


def check_opt_out(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if copy.channel not in ("sms", "email") or copy.is_consent_request:
        return None
    tail = fold(copy.text.strip()[-rules.opt_out_tail_chars :])
    if _phrase_re(tuple(rules.opt_out_phrases)).search(tail):
        return None
    return _v(
        "OPT_OUT_MISSING", copy, rules,
        f"no instruction to refuse further ads in the last {rules.opt_out_tail_chars} "
        "characters",
        end=copy.text.strip()[-60:],
    )


@lru_cache(maxsize=1024)
def _is_refusal(keyword: str, refusals: frozenset[str]) -> bool:
    kw = " ".join(fold(keyword).upper().split())
    return kw in refusals or kw.split(" ")[0] in refusals


def check_price(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    """A service sold by SMS command ("soan DK V90 gui 9123") must show what it costs:
    an amount of money, or a phrase saying it is free."""
    if copy.channel not in ("sms", "email") or copy.is_consent_request:
        return None
    found = facts.content_entities
    if found is None:
        found = tuple(extract(copy.text[:MAX_TEXT_CHARS]))
    if not found:
        return None
    refusals = _folded_upper(tuple(rules.refusal_keywords))
    commands = [e for e in found if e.kind == "sms_command"
                and not _is_refusal(str(e.attrs.get("keyword", "")), refusals)]
    if not commands or any(e.kind == "money" for e in found):
        return None
    if _phrase_re(tuple(rules.free_of_charge_phrases)).search(fold(copy.text)):
        return None
    c = commands[0]
    return _v(
        "PRICE_MISSING", copy, rules,
        f"offers a service by SMS command ({c.raw!r}) but states no price",
        command=c.raw[:60],
    )


def check_hours(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    span = rules.hours_for(copy.channel)
    if span is None or copy.is_consent_request:
        return None
    ok, at = _in_hours(copy.sent_at, span)
    if ok:
        return None
    window = f"{_fmt(span[0])}-{_fmt(span[1])}"
    return _v(
        "OUTSIDE_SENDING_HOURS", copy, rules,
        f"{copy.channel} ad sent at {at} Vietnam time, outside {window}",
        local_time=at, allowed=window,
    )


def check_frequency(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    cap = rules.cap_for(copy.channel)
    if facts.agreed_daily_limit is not None and facts.consent_state == "given":
        cap = facts.agreed_daily_limit  # "unless the recipient agreed otherwise"
    if cap is None or copy.is_consent_request:
        return None
    count = facts.prior_sends + 1
    if count <= cap:
        return None
    hours = rules.frequency_window_seconds // 3600
    return _v(
        "FREQUENCY_CAP_EXCEEDED", copy, rules,
        f"{ordinal(count)} {copy.channel} ad to this recipient within {hours} h; at most {cap}",
        count=count, cap=cap, window_hours=hours,
    )


def check_sender(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if copy.channel not in ("sms", "call"):
        return None
    if is_phone_sender(copy.sender):
        if rules.phone_number_may_advertise:
            return None
        return _v(
            "SENDER_PHONE_NUMBER", copy, rules,
            f"sent from the ordinary phone number {copy.sender.strip()!r}, not a brandname",
            sender=copy.sender.strip(),
        )
    b = facts.brandname
    if b is None:
        return _v(
            "BRANDNAME_NOT_REGISTERED", copy, rules,
            f"the brandname {copy.sender.strip()!r} is not registered",
            sender=copy.sender.strip(),
        )
    if b.advertiser_id != copy.advertiser_id:
        return _v(
            "BRANDNAME_NOT_OWNED", copy, rules,
            f"the brandname {b.name!r} belongs to another advertiser",
            sender=b.name, owner=str(b.advertiser_id),
        )
    if not (b.valid_from <= copy.sent_at < b.valid_until):
        return _v(
            "BRANDNAME_EXPIRED", copy, rules,
            f"the brandname {b.name!r} is valid from {b.valid_from.date()} until "
            f"{b.valid_until.date()}, not when this ad was sent",
            sender=b.name, valid_from=b.valid_from.isoformat(),
            valid_until=b.valid_until.isoformat(),
        )
    return None


def check_consent(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if copy.is_consent_request:
        return None
    state = facts.consent_state
    ev = dict(facts.consent_evidence)
    if state == "given":
        return None
    if state == "refused":
        return _v(
            "RECIPIENT_REFUSED", copy, rules,
            f"the recipient refused ads from this advertiser at {ev.get('refused_at', '?')}",
            **ev,
        )
    if state == "withdrawn":
        return _v(
            "CONSENT_WITHDRAWN", copy, rules,
            f"the recipient withdrew consent at {ev.get('withdrawn_at', '?')}",
            **ev,
        )
    if state == "dkqc_no_reply":
        return _v(
            "DKQC_NO_REPLY", copy, rules,
            f"no reply to the DKQC request sent at {ev.get('dkqc_sent_at', '?')} within "
            f"{rules.dkqc_reply_window_seconds // 3600} h: silence counts as refusal",
            **ev,
        )
    why = "no consent of the recipient is recorded for this advertiser"
    if state == "dkqc_pending":
        why = "the DKQC consent request has not been accepted yet"
    return _v("NO_CONSENT", copy, rules, why, **ev)


def check_dnc(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    scope = facts.dnc_scope
    if scope is None or scope not in rules.dnc_scopes.get(copy.channel, ()):
        return None
    if rules.consent_overrides_dnc and facts.consent_state == "given":
        return None
    return _v(
        "DNC_LISTED", copy, rules,
        f"the recipient is on the Do-Not-Call register (scope {scope}) for {copy.channel}",
        scope=scope,
    )


def check_dkqc(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if not copy.is_consent_request:
        return None
    ok, at = _in_hours(copy.sent_at, rules.dkqc_hours)
    if not ok:
        window = f"{_fmt(rules.dkqc_hours[0])}-{_fmt(rules.dkqc_hours[1])}"
        return _v(
            "DKQC_OUTSIDE_HOURS", copy, rules,
            f"DKQC request sent at {at} Vietnam time, outside {window}",
            local_time=at, allowed=window,
        )
    if facts.prior_dkqc >= rules.dkqc_max_per_recipient:
        return _v(
            "DKQC_REPEATED", copy, rules,
            f"{ordinal(facts.prior_dkqc + 1)} DKQC request to this recipient; only "
            f"{rules.dkqc_max_per_recipient} allowed",
            count=facts.prior_dkqc + 1,
        )
    text = fold(copy.text)
    names = [fold(n) for n in facts.advertiser_names if n and n.strip()]
    missing = []
    if names and not any(n in text for n in names):
        missing.append("who the advertiser is")
    if not _phrase_re(tuple(rules.dkqc_accept_phrases)).search(text):
        missing.append("how to accept")
    refuse = tuple(rules.opt_out_phrases) + tuple(rules.refusal_keywords)
    if not _phrase_re(refuse).search(text):
        missing.append("how to refuse")
    if missing:
        return _v(
            "DKQC_INCOMPLETE", copy, rules,
            "the DKQC request does not say " + ", ".join(missing),
            missing=missing,
        )
    return None


def check_template(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if copy.channel not in ("sms", "email") or copy.is_consent_request:
        return None
    if not facts.templates:
        if not rules.require_template:
            return None
        return _v(
            "TEMPLATE_MISMATCH", copy, rules,
            "the advertiser has no registered template", templates=0,
        )
    squeezed = " ".join(copy.text.split())  # as Template.matches, once for all templates
    for t in facts.templates:
        if t.pattern.fullmatch(squeezed) is not None:
            return None
    return _v(
        "TEMPLATE_MISMATCH", copy, rules,
        f"the text matches none of the advertiser's {len(facts.templates)} templates",
        templates=len(facts.templates), text=copy.text.strip()[:80],
    )


def check_content(copy: AdCopy, facts: CopyFacts, rules: AdRules) -> Violation | None:
    if facts.content_label != "scam":
        return None
    score = facts.content_score if facts.content_score is not None else 1.0
    if score < rules.scam_escalation_score:
        return None
    return _v(
        "SCAM_CONTENT", copy, rules,
        f"the content engine calls this ad a scam (score {score:.2f}); escalated to the centre",
        score=round(score, 4), symbols=list(facts.content_symbols),
    )


#: Every check, in report order: (rule names it may return, function).
CHECKS: tuple[Check, ...] = (
    check_sender,
    check_label,
    check_subject_tag,
    check_opt_out,
    check_price,
    check_hours,
    check_frequency,
    check_consent,
    check_dnc,
    check_dkqc,
    check_template,
    check_content,
)


def check_copy(
    copy: AdCopy, facts: CopyFacts | None = None, rules: AdRules = DEFAULT_RULES
) -> list[Violation]:
    """Every Decree 91 violation of one ad copy (empty list: none found)."""
    if copy.channel not in rules.frequency_caps and copy.channel not in rules.sending_hours:
        raise AdInputError(f"unknown channel {copy.channel!r}; use sms, email or call")
    if copy.sent_at.utcoffset() is None:
        local_time(copy.sent_at)  # refuses naive times with a clear error
    facts = facts if facts is not None else CopyFacts()
    out: list[Violation] = []
    for check in CHECKS:
        v = check(copy, facts, rules)
        if v is not None:
            out.append(v)
    return out


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
