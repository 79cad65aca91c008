"""The one table of Decree 91/2020/ND-CP values used in code.

Every value carries a comment naming the article and the line of
``../shared/spec/decree91.md`` it comes from. Values the spec marks "uncertain" (and the
thresholds it says are not public) are listed in :data:`UNCERTAIN` and can be overridden
by configuration: a JSON object in the file named by ``LACHAN_AD_RULES`` (or passed to
:func:`load_rules`), whose keys are field names of :class:`AdRules`. Confirmed values can
be overridden too (the fines "may have changed"), but :func:`load_rules` reports which
confirmed values were overridden so that an operator sees it.

Other parts may import this module (it imports nothing from lachan).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

#: Time zone of every hour rule: "Hours, Vietnam time (Asia/Ho_Chi_Minh)" (Art. 13).
TIMEZONE = "Asia/Ho_Chi_Minh"

#: Channels an ad copy can be sent on (issue 4, item 2).
AD_CHANNELS: tuple[str, ...] = ("sms", "email", "call")

#: Largest configuration file we read, in bytes.
MAX_RULES_FILE_BYTES = 64_000

MINUTES_PER_DAY = 24 * 60


def hm(text: str) -> int:
    """``"07:00"`` -> minutes after midnight (420)."""
    hours, _, minutes = text.partition(":")
    value = int(hours) * 60 + int(minutes or 0)
    if not 0 <= value <= MINUTES_PER_DAY:
        raise ValueError(f"not a time of day: {text!r}")
    return value


@dataclass(frozen=True, slots=True)
class FineBand:
    """A fine range in VND, from the spec's "Fines" section."""

    min_vnd: int
    max_vnd: int

    def to_dict(self) -> dict[str, int]:
        return {"min_vnd": self.min_vnd, "max_vnd": self.max_vnd}

    def __str__(self) -> str:
        return f"{self.min_vnd // 1_000_000}-{self.max_vnd // 1_000_000}M VND"


@dataclass(frozen=True, slots=True)
class AdRules:
    """Decree 91 values. Hours are half-open ``[start, end)`` minutes after midnight."""

    # --- Article 13: sending hours, Vietnam time --------------------------------------
    # spec: "Hours, Vietnam time (Asia/Ho_Chi_Minh): SMS 07:00-22:00; calls 08:00-17:00."
    # The decree forbids sending "from 22h to 7h" (and calls from 17h to 8h), so the end
    # minute itself is outside: 22:00 and 17:00 are violations, 21:59 and 16:59 are not.
    # E-mail has no hour rule in the spec: ``None`` means any hour.
    sending_hours: dict[str, tuple[int, int] | None] = field(
        default_factory=lambda: {
            "sms": (hm("07:00"), hm("22:00")),
            "call": (hm("08:00"), hm("17:00")),
            "email": None,
        }
    )

    # --- Article 13: frequency caps per recipient, per advertiser, per 24 hours ---------
    # spec: "at most 3 SMS, 3 e-mails, 1 call, unless the recipient agreed otherwise".
    frequency_caps: dict[str, int] = field(
        default_factory=lambda: {"sms": 3, "email": 3, "call": 1}
    )
    # The window is (t - 24 h, t]: an ad sent exactly 24 h after an earlier one no longer
    # counts that earlier one. spec: "per 24 hours".
    frequency_window_seconds: int = 24 * 3600

    # --- Article 13: senders ------------------------------------------------------------
    # spec: "Ads only from a registered brandname; an ordinary phone number may not send
    # ad SMS or make ad calls."
    phone_number_may_advertise: bool = False

    # --- Articles 14-20: message format -------------------------------------------------
    # spec: "Ad SMS starts with `[QC]` or `[AD]`" (confirmed).
    sms_labels: tuple[str, ...] = ("[QC]", "[AD]")
    # spec: "Subject tag `[QC]` or `[ADV]` (uncertain: old decree)". Configurable.
    email_subject_tags: tuple[str, ...] = ("[QC]", "[ADV]")
    # spec: "opt-out instructions at the end; opting out must work by SMS and by call".
    # Phrases (diacritics folded, lower case) that show an opt-out instruction; the spec
    # gives no wording, so the list is configurable (uncertain).
    opt_out_phrases: tuple[str, ...] = (
        "tu choi",
        "tuchoi",
        "huy",
        "ngung nhan",
        "dung nhan",
        "khong nhan",
        "soan tc",
        "opt out",
        "opt-out",
        "unsubscribe",
        "stop",
    )
    # spec: "opt-out instructions at the end": how many trailing characters of the text
    # (SMS) or body (e-mail) must hold the instruction (uncertain: no length given).
    opt_out_tail_chars: int = 160
    # spec: "paid services show the price" (confirmed). An ad that offers a service by an
    # SMS command ("soan DK gui 9xxx") must state an amount, or say it is free: phrases
    # (folded) that count as saying so; the wording is not given (uncertain).
    free_of_charge_phrases: tuple[str, ...] = ("mien phi", "0d", "0 d", "0 dong", "free")

    # --- Article 23: brandnames ---------------------------------------------------------
    # spec: "At most 11 characters: Latin letters, digits, `-`, `_`, `.`, space;
    # case-insensitive; not digits only; unique nationwide; valid 3 years."
    brandname_max_len: int = 11
    brandname_charset: str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_. "
    brandname_valid_years: int = 3

    # --- Article 13 (draft): the consent-request ("registration") message ---------------
    # spec: "One consent-request message is allowed; it starts with `DKQC`, is sent only
    # 07:00-22:00, says who the advertiser is and how to accept or refuse; no reply within
    # 24 hours counts as refusal" (draft confirmed; final wording uncertain).
    dkqc_prefix: str = "DKQC"
    dkqc_hours: tuple[int, int] = (hm("07:00"), hm("22:00"))
    dkqc_max_per_recipient: int = 1
    dkqc_reply_window_seconds: int = 24 * 3600
    # Words (folded) that show "how to accept": not given by the spec (uncertain).
    dkqc_accept_phrases: tuple[str, ...] = ("dong y", "dy", "chap nhan", "accept", "yes")

    # --- Refusal replies ----------------------------------------------------------------
    # issue 4 item 4: "TC", "HUY", "TU CHOI", "KHONG", with or without diacritics. The
    # spec says only that opting out must work by SMS (uncertain wording): configurable.
    refusal_keywords: tuple[str, ...] = ("TC", "HUY", "TU CHOI", "KHONG", "STOP")
    # spec: "On an opt-out the advertiser at once sends one confirmation": seconds after
    # the refusal from which every ad is a violation (0 = at once).
    refusal_effective_after_seconds: int = 0

    # --- Do-Not-Call ----------------------------------------------------------------
    # spec: "`DK DNC` ... SMS and calls; `DK DNC S` SMS only; `DK DNC V` calls only".
    # Channel -> DNC scopes that bar it. E-mail is not on the DNC register.
    dnc_scopes: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {"sms": ("sms", "all"), "call": ("call", "all"), "email": ()}
    )
    # spec: "Nothing to numbers on the Do-Not-Call (DNC) register, nor to anyone who has
    # not consented": a consent does not lift the DNC bar. Whether an explicit consent
    # given to one advertiser overrides the register is not settled (uncertain).
    consent_overrides_dnc: bool = False

    # --- Templates (issue 4, beyond the decree, as India's DLT does) --------------------
    # "a sent ad must match one of its sender's templates". An advertiser with no
    # template is then in breach for every SMS / e-mail ad; set False to check only
    # advertisers who registered templates.
    require_template: bool = True
    # Longest text one variable slot may stand for (DLT uses 30; uncertain).
    template_slot_max_chars: int = 60

    # --- Fines (spec "Fines (for the violation report; may have changed)") -------------
    # Keys: "RULE" or "RULE:channel" (the channel-specific key wins).
    fine_bands: dict[str, FineBand] = field(
        default_factory=lambda: {
            # "20-30M VND: breaking call count or call hours"
            "FREQUENCY_CAP_EXCEEDED:call": FineBand(20_000_000, 30_000_000),
            "OUTSIDE_SENDING_HOURS:call": FineBand(20_000_000, 30_000_000),
            # "80-100M VND: contacting DNC numbers"
            "DNC_LISTED": FineBand(80_000_000, 100_000_000),
            # "5-10M VND: no consent" (a refusal or withdrawal leaves no consent)
            "NO_CONSENT": FineBand(5_000_000, 10_000_000),
            "CONSENT_WITHDRAWN": FineBand(5_000_000, 10_000_000),
            "RECIPIENT_REFUSED": FineBand(5_000_000, 10_000_000),
            "DKQC_NO_REPLY": FineBand(5_000_000, 10_000_000),
        }
    )

    # --- Content verdict ----------------------------------------------------------------
    # Not a decree value: the engine's scam score at which an ad copy is escalated to the
    # centre as a complaint-grade detection (issue 4 item 3). Configurable.
    scam_escalation_score: float = 0.5

    def hours_for(self, channel: str) -> tuple[int, int] | None:
        return self.sending_hours.get(channel)

    def cap_for(self, channel: str) -> int | None:
        return self.frequency_caps.get(channel)

    def fine_band(self, rule: str, channel: str | None = None) -> FineBand | None:
        if channel is not None and f"{rule}:{channel}" in self.fine_bands:
            return self.fine_bands[f"{rule}:{channel}"]
        return self.fine_bands.get(rule)


#: Field names whose value the spec marks uncertain or does not give (configurable).
UNCERTAIN: frozenset[str] = frozenset(
    {
        "email_subject_tags",
        "opt_out_phrases",
        "opt_out_tail_chars",
        "free_of_charge_phrases",
        "dkqc_prefix",
        "dkqc_hours",
        "dkqc_max_per_recipient",
        "dkqc_reply_window_seconds",
        "dkqc_accept_phrases",
        "refusal_keywords",
        "refusal_effective_after_seconds",
        "fine_bands",
        "scam_escalation_score",
        "consent_overrides_dnc",
        "require_template",
        "template_slot_max_chars",
    }
)

DEFAULT_RULES = AdRules()


class RulesConfigError(ValueError):
    """A rules configuration file or value that cannot be used (readable message)."""


def _coerce(name: str, value: Any, current: Any) -> Any:
    if name == "fine_bands":
        if not isinstance(value, dict):
            raise RulesConfigError("fine_bands must be an object of RULE -> [min, max]")
        out = dict(current)
        for key, band in value.items():
            if band is None:
                out.pop(key, None)
                continue
            if not (isinstance(band, list | tuple) and len(band) == 2):
                raise RulesConfigError(f"fine_bands[{key!r}] must be [min_vnd, max_vnd]")
            out[str(key)] = FineBand(int(band[0]), int(band[1]))
        return out
    if name in ("sending_hours",):
        if not isinstance(value, dict):
            raise RulesConfigError("sending_hours must be an object of channel -> [HH:MM, HH:MM]")
        out_h = dict(current)
        for ch, span in value.items():
            out_h[str(ch)] = None if span is None else (hm(str(span[0])), hm(str(span[1])))
        return out_h
    if name == "dkqc_hours":
        return (hm(str(value[0])), hm(str(value[1])))
    if isinstance(current, dict):
        if not isinstance(value, dict):
            raise RulesConfigError(f"{name} must be an object")
        merged = dict(current)
        merged.update(value)
        return merged
    if isinstance(current, tuple):
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise RulesConfigError(f"{name} must be a list of strings")
        return tuple(value)
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise RulesConfigError(f"{name} must be true or false")
        return value
    if isinstance(current, int | float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RulesConfigError(f"{name} must be a number")
        return type(current)(value)
    return value


def with_overrides(base: AdRules, overrides: dict[str, Any]) -> AdRules:
    """A copy of ``base`` with ``overrides`` (field name -> JSON value) applied."""
    known = {f.name for f in fields(AdRules)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise RulesConfigError(f"unknown rule names in configuration: {', '.join(unknown)}")
    changes: dict[str, Any] = {}
    try:
        for name, value in overrides.items():
            changes[name] = _coerce(name, value, getattr(base, name))
    except (TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, RulesConfigError):
            raise
        raise RulesConfigError(f"bad value in rules configuration: {exc}") from exc
    return replace(base, **changes)


def load_rules(path: str | os.PathLike[str] | None = None) -> AdRules:
    """The rules in force: defaults plus the JSON overrides in ``path`` or
    ``$LACHAN_AD_RULES`` (no file -> the defaults)."""
    path = path or os.environ.get("LACHAN_AD_RULES")
    if not path:
        return DEFAULT_RULES
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise RulesConfigError(f"cannot read rules configuration {p}: {exc.strerror}") from exc
    key = (str(p.resolve()), st.st_mtime_ns, st.st_size)
    hit = _LOADED.get(key)
    if hit is not None:
        return hit
    size = st.st_size
    if size > MAX_RULES_FILE_BYTES:
        raise RulesConfigError(f"rules configuration {p} is over {MAX_RULES_FILE_BYTES} bytes")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RulesConfigError(f"rules configuration {p} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesConfigError(f"rules configuration {p} must be a JSON object")
    rules = with_overrides(DEFAULT_RULES, data)
    if len(_LOADED) > 16:
        _LOADED.clear()
    _LOADED[key] = rules
    return rules


#: Parsed configuration files by (path, mtime, size): a changed file is read again.
_LOADED: dict[tuple[str, int, int], AdRules] = {}


def overridden_confirmed(rules: AdRules) -> list[str]:
    """Names of confirmed (not uncertain) values that differ from the defaults."""
    return [
        f.name
        for f in fields(AdRules)
        if f.name not in UNCERTAIN and getattr(rules, f.name) != getattr(DEFAULT_RULES, f.name)
    ]
