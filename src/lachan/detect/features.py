"""Turning one analysed message into model features and findings.

Two kinds of feature feed the content model:

* *content* tokens: word unigrams and bigrams of the folded text (digit runs replaced by
  their shape, so "0912345678" and "0987654321" are the same feature ``§d10``);
* *meta* tokens: one per finding (``§ACCOUNT_LOCK_THREAT``, ``§URL_SHORTENER``,
  ``§MONEY``...). They are what generalises beyond the training messages: a new scam
  wording still trips the same finding, and the model has learned how much it weighs.

Findings are also what the verdict shows, each with a readable detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lachan.detect.phrases import RULES_BY_NAME, match_phrases
from lachan.domain import Entity

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_DIGIT_SHAPES = tuple(f"§d{n}" for n in range(13))
META_PREFIX = "§"


@dataclass(slots=True)
class Finding:
    """A detector's finding before the verdict weighs it.

    ``learned`` findings are model features (their weight comes from training);
    the others carry a fixed ``weight`` added to the logit of ``leans``.
    """

    name: str
    leans: str
    detail: str
    learned: bool = True
    weight: float = 0.0


@dataclass(slots=True)
class MessageFeatures:
    content: list[str]
    findings: dict[str, Finding] = field(default_factory=dict)

    @property
    def meta(self) -> list[str]:
        return [META_PREFIX + f.name for f in self.findings.values() if f.learned]

    def add(self, finding: Finding) -> None:
        if finding.name not in self.findings:
            self.findings[finding.name] = finding


def tokenize(folded: str) -> list[str]:
    """Folded text → tokens, digit runs replaced by their shape."""
    shapes = _DIGIT_SHAPES
    return [shapes[min(len(t), 12)] if t.isdigit() else t for t in _TOKEN_RE.findall(folded)]


def content_features(folded: str) -> tuple[list[str], list[str], list[str]]:
    """Return ``(tokens, bigrams, features)`` where features = tokens + bigrams."""
    tokens = tokenize(folded)
    bigrams = [a + " " + b for a, b in zip(tokens, tokens[1:], strict=False)]
    return tokens, bigrams, tokens + bigrams


def phrase_findings(tokens: list[str], bigrams: list[str], out: MessageFeatures) -> None:
    for name, phrase in match_phrases(tokens, bigrams).items():
        rule = RULES_BY_NAME[name]
        out.add(Finding(name, rule.leans, f'{rule.detail}: "{phrase}"'))


# --- entity findings -------------------------------------------------------------------

_BIG_AMOUNT = 10_000_000  # VND; amounts from ten million up are typical of loan/debt scams


def entity_findings(entities: list[Entity], out: MessageFeatures) -> None:
    """Findings from the entities of a message (links, numbers, money, accounts...)."""
    for e in entities:
        a = e.attrs
        kind = e.kind
        if kind == "url":
            host = a.get("host") or e.value
            out.add(Finding("URL_PRESENT", "scam", f"link to {host}"))
            if a.get("shortener"):
                out.add(Finding("URL_SHORTENER", "scam", f"link hidden behind shortener {host}"))
            if a.get("is_ip"):
                out.add(Finding("URL_IP_HOST", "scam", f"link to a bare IP address {host}"))
            if not a.get("scheme_given", True) or a.get("bare"):
                out.add(Finding("URL_BARE_DOMAIN", "scam", f"bare domain {host} without http"))
        elif kind == "phone":
            ptype = a.get("type", "")
            if ptype == "mobile":
                out.add(Finding("PHONE_MOBILE", "scam", f"personal mobile number {e.value}"))
            elif ptype in ("premium",):
                out.add(Finding("PHONE_PREMIUM", "ad", f"premium-rate number {e.value}"))
            elif ptype in ("tollfree", "shortcode", "fixed"):
                out.add(Finding("PHONE_SERVICE", "ham", f"service number {e.value}"))
            elif ptype == "foreign":
                out.add(Finding("PHONE_FOREIGN", "scam", f"foreign number {e.value}"))
        elif kind == "money":
            amount = a.get("amount") or 0
            out.add(Finding("MONEY", "scam", f"amount of money {e.raw or e.value}"))
            if isinstance(amount, int) and amount >= _BIG_AMOUNT:
                out.add(Finding("MONEY_LARGE", "scam", f"large amount {amount:,} VND"))
        elif kind == "account":
            bank = a.get("bank") or "a bank"
            out.add(Finding("BANK_ACCOUNT", "scam", f"bank account number at {bank}"))
        elif kind == "otp":
            out.add(Finding("OTP_CODE", "ham", "carries a one-time verification code"))
        elif kind == "sms_command":
            kw, sc = a.get("keyword", ""), a.get("shortcode", "")
            out.add(Finding("SMS_COMMAND", "ad", f"SMS command syntax: {kw} to {sc}".strip()))
        elif kind == "email":
            out.add(Finding("EMAIL_ADDRESS", "scam", f"e-mail address {e.value}"))


# --- obfuscation, labels, length -------------------------------------------------------

#: Fixed weights (logit of scam) for deliberate obfuscation: legitimate senders have no
#: reason to hide words from filters, and the training data holds too few examples to learn
#: it.
OBFUSCATION_WEIGHTS = {
    "homoglyph": 2.0,
    "zero_width": 2.0,
    "spaced_letters": 1.0,
    "leet": 1.5,
    "fullwidth": 0.5,
    "defanged_link": 1.0,
}

_AD_LABEL_RE = re.compile(r"^\W{0,3}(qc|ad|adv|quang cao)\b")


def text_findings(folded: str, flags: frozenset[str], out: MessageFeatures) -> None:
    if _AD_LABEL_RE.match(folded):
        out.add(Finding("AD_LABEL", "ad", "starts with the advertising label [QC]/[AD]"))
    tricks = sorted(f for f in flags if f in OBFUSCATION_WEIGHTS)
    if tricks:
        weight = max(OBFUSCATION_WEIGHTS[f] for f in tricks)
        out.add(Finding("TEXT_OBFUSCATED", "scam",
                        "text hides words from filters: " + ", ".join(tricks),
                        learned=False, weight=weight))
    if "teencode" in flags:
        out.add(Finding("TEENCODE", "ham", "chat abbreviations (teencode)"))
