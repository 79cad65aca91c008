"""Every symbol a verdict can carry, in one table: its name, the label it points to,
what it means and which part of the engine emits it.

The tables of the detectors are the source (phrase rules, combinations, obfuscation
tricks, brand-link checks, host checks); the findings written inline in
:mod:`lachan.detect.features` and the engine are described here. ``lachan symbols``
prints the catalogue and ``docs/symbols.md`` is generated from it; a test checks that
every symbol name in the source is listed, so a new finding cannot ship undocumented.
"""

from __future__ import annotations

from typing import NamedTuple

from lachan.detect import (
    brand_link,
    host_checks,
    illicit,
    offers,
    personal_frauds,
    pretexts,
    requests,
    schemes,
    services,
    tactics,
)
from lachan.detect.features import COMBINATIONS, OBFUSCATION_FINDINGS
from lachan.detect.phrases import PHRASE_RULES


class SymbolInfo(NamedTuple):
    name: str
    leans: str  # ham | ad | scam | phishing | benign | none
    meaning: str
    source: str  # the part of the engine that emits it

    def to_dict(self) -> dict[str, str]:
        return self._asdict()


#: Findings written inline by :mod:`lachan.detect.features` and :mod:`lachan.detect.engine`.
_MESSAGE_FINDINGS: tuple[tuple[str, str, str, str], ...] = (
    ("URL_PRESENT", "scam", "the message carries a link", "entities"),
    ("URL_SHORTENER", "scam", "a link hidden behind a URL shortener", "entities"),
    ("URL_IP_HOST", "scam", "a link to a bare IP address", "entities"),
    ("URL_BARE_DOMAIN", "scam", "a domain written without http(s)://", "entities"),
    ("URL_REDIRECT", "scam",
     "a redirect or search link (google.com/url?q=, /search?q=) whose target is another "
     "site: that site is analysed too", "entities"),
    ("PHONE_MOBILE", "scam", "a personal mobile number", "entities"),
    ("PHONE_PREMIUM", "ad", "a premium-rate (1900) number", "entities"),
    ("PHONE_SERVICE", "ham", "a toll-free, fixed-line or short-code service number", "entities"),
    ("PHONE_FOREIGN", "scam", "a foreign number", "entities"),
    ("MONEY", "scam", "an amount of money", "entities"),
    ("MONEY_LARGE", "scam", "an amount of ten million VND or more", "entities"),
    ("BANK_ACCOUNT", "scam", "a bank account number near a bank's name", "entities"),
    ("OTP_CODE", "ham", "a one-time verification code", "entities"),
    ("SMS_COMMAND", "ad", "SMS command syntax (\"soan DK gui 9xxx\")", "entities"),
    ("EMAIL_ADDRESS", "scam", "an e-mail address", "entities"),
    ("CONTACT_ONLY", "ham",
     "the text is only a phone number or an e-mail address: a contact passed on", "entities"),
    ("URL_PHISHING_HOST", "scam", "the host analyser calls a link's host phishing", "links"),
    ("URL_IMITATES_BRAND", "scam",
     "a link whose host the host analyser calls phishing and that imitates a brand: one the "
     "analyser names, or a name the message writes that the host glues to other words",
     "links"),
    ("URL_BENIGN_HOST", "ham", "a link whose host the host analyser reads as an ordinary site",
     "links"),
    ("URL_OFFICIAL_DOMAIN", "ham", "a link to an official domain of a registered brand",
     "links"),
    ("URL_PLATFORM_PAGE", "scam",
     "a link to a social or chat platform (zalo.me, facebook.com), where anyone can publish",
     "links"),
    ("AUTHORITY_LINK_NOT_GOV", "scam",
     "names police, court, tax office or another authority but links outside gov.vn",
     "links"),
    ("AD_LABEL", "ad", "starts with the advertising label [QC]/[AD] (Decree 91)", "text"),
    ("TEENCODE", "ham", "chat abbreviations (teencode), as friends write", "text"),
    ("PRODUCT_CODE", "ad",
     "a package or product code of letters and digits (ST5K, MI5N), as carriers write",
     "text"),
    ("PUNCTUATION_NOISE", "scam", "words broken up by stray punctuation to evade filters",
     "text shape"),
    ("DIGITS_DISGUISED", "scam", "letter O written for zero inside numbers", "text shape"),
    ("RANDOM_CASE_TOKENS", "scam", "tokens in random upper/lower case", "text shape"),
    ("SENDER_OFFICIAL", "ham", "the sender is a registered official channel", "registry"),
    ("SOURCE_BLOCKED", "scam", "a sender, number, link or address the registry blocks",
     "registry"),
    ("SOURCE_LISTED", "scam", "a source the registry lists as spam or fraud", "registry"),
    ("SOURCE_SUSPECTED", "scam", "a source the registry has reports about", "registry"),
    ("CONTENT_MODEL", "none",
     "the trained content model: the chosen label's probability and each class's",
     "content model"),
    ("PERSONAL_NUMBER_AD", "none",
     "advertising from an ordinary phone number (Decree 91 Art. 13: brandnames only)",
     "decree 91"),
    ("ENGINE_UNAVAILABLE", "none",
     "the engine failed; the complaint was kept with a neutral verdict", "complaint centre"),
)


def message_symbols() -> list[SymbolInfo]:
    """Every symbol a message verdict can carry."""
    # (a symbol may have two rules: "quay so" has its own exceptions under PRIZE_LURE)
    out = list({r.name: SymbolInfo(r.name, r.leans, r.detail, "phrases")
                for r in PHRASE_RULES}.values())
    out += [SymbolInfo(*row) for row in _MESSAGE_FINDINGS]
    out += [SymbolInfo(name, "scam", f"text hides words from filters ({flag})", "text")
            for flag, (name, _prior) in OBFUSCATION_FINDINGS.items()]
    out += [SymbolInfo(name, "scam", meaning, "requests") for name, meaning in requests.SYMBOLS]
    out += [SymbolInfo(name, "ham", meaning, "requests")
            for name, meaning in requests.HAM_SYMBOLS]
    out += [SymbolInfo(name, "scam", meaning, "illicit") for name, meaning in illicit.SYMBOLS]
    out += [SymbolInfo(name, "scam", meaning, "schemes") for name, meaning in schemes.SYMBOLS]
    out += [SymbolInfo(name, "scam", meaning, "pretexts") for name, meaning in pretexts.SYMBOLS]
    out += [SymbolInfo(name, "scam", meaning, "tactics") for name, meaning in tactics.SYMBOLS]
    out += [SymbolInfo(name, "scam", meaning, "personal_frauds")
            for name, meaning in personal_frauds.SYMBOLS]
    out += [SymbolInfo(name, "ad", meaning, "offers") for name, meaning in offers.SYMBOLS]
    out += [SymbolInfo(name, "ad", meaning, "services") for name, meaning in services.SYMBOLS]
    out += [SymbolInfo(name, "scam", detail, "combinations")
            for name, _firsts, _seconds, detail in COMBINATIONS]
    out += [SymbolInfo(name, "scam", meaning, "brand links")
            for name, (_score, meaning) in brand_link.SYMBOLS.items()]
    return out


def host_symbols() -> list[SymbolInfo]:
    """Every symbol a link or host verdict can carry."""
    return [SymbolInfo(name, "benign" if score < 0 else "phishing", meaning, "hosts")
            for name, (score, meaning) in host_checks.SYMBOLS.items()]


def all_symbols() -> list[SymbolInfo]:
    return message_symbols() + host_symbols()


def markdown() -> str:
    """``docs/symbols.md``."""
    lines = [
        "# Symbols",
        "",
        "Every verdict explains itself with symbols: a name, a score and a short detail.",
        "A message symbol's score is its weight in log-odds towards the label it leans to",
        "(negative: looks legitimate); a host symbol's score is the weight shown by",
        "`lachan check-url`. Generated from `lachan.detect.catalogue` (`lachan symbols`).",
        "",
    ]
    for title, rows in (("Messages", message_symbols()), ("Links and hosts", host_symbols())):
        lines += [f"## {title}", "", "| symbol | leans | meaning | from |", "|---|---|---|---|"]
        lines += [f"| `{s.name}` | {s.leans} | {s.meaning} | {s.source} |" for s in rows]
        lines.append("")
    return "\n".join(lines)
