"""Message detector: a brand named with a link or number that is not the brand's.

``detect(view) -> list[Symbol]`` (scores are log-odds towards ``scam``):

- ``URL_BRAND_MISMATCH``: the message names a brand (``find_brands`` on the folded text)
  and links to a host that is no official domain of that brand nor of any other
  registered organisation (seed or registry), and the host analyser calls it phishing;
- ``URL_BRAND_OTHER_DOMAIN``: the same with an ordinary-looking host (weak: brands use
  marketing domains the registry may not list yet);
- ``URL_BRAND_SHORTENED``: the same, but the link is a URL shortener (target hidden);
- ``PHONE_NOT_OFFICIAL``: the message (or the caller) claims to be a brand's staff or
  hotline and gives (right after a contact cue such as "liên hệ", "Zalo"), or calls
  from, a personal mobile or foreign number not registered for that brand.
"""

from __future__ import annotations

import re

from lachan.detect.base import MessageView
from lachan.detect.brands import (
    Brand,
    find_brands,
    official_brandname_owner,
    official_domain_owner,
    official_phone_owner,
)
from lachan.detect.features import CONTACT_CUE_RE, host_facts
from lachan.detect.host_checks import VN_RESTRICTED
from lachan.domain import Entity, Symbol
from lachan.text import fold

#: name -> (score, meaning). Scores are log-odds towards scam.
SYMBOLS: dict[str, tuple[float, str]] = {
    "URL_BRAND_MISMATCH": (
        2.5, "message names a brand but links to a look-alike or suspicious host"),
    "URL_BRAND_OTHER_DOMAIN": (
        0.5, "message names a brand but links to a domain not registered as the brand's"),
    "URL_BRAND_SHORTENED": (0.5, "message names a brand but hides its link behind a shortener"),
    "PHONE_NOT_OFFICIAL": (2.0, "claims to be a brand's staff with a number not registered to it"),
}

#: DoS limits: entities looked at per message, symbols returned per message.
MAX_ENTITIES = 20
MAX_SYMBOLS = 6

#: Words that present the message or caller as an organisation's staff or hotline.
_STAFF_CLAIM = re.compile(
    r"(?<![a-z])(?:nhan vien|tong dai|tong dai vien|cskh|cham soc khach hang|hotline|"
    r"bo phan|can bo|chuyen vien|trung tam|lien he|lien lac|goi (?:ngay|lai|den|toi|so)|"
    r"goi|call|sdt|so dien thoai|dien thoai|zalo|toi la|day la|thay mat|dai dien)(?![a-z])"
)
#: Registered businesses answer on 1800/1900 and fixed lines; staff impostors give
#: personal mobiles (or foreign numbers).
_PHONE_TYPES_CHECKED = frozenset({"mobile", "foreign"})
#: A contact cue must come this close before the number ("liên hệ 09…", "Zalo: 09…").
CUE_WINDOW = 40


def _official_for(kind: str, value: str, brand: Brand, view: MessageView) -> bool:
    """Is ``value`` an official channel of ``brand`` (seed or registry)?"""
    if kind == "domain":
        if official_domain_owner(value) == brand.id:
            return True
    elif official_phone_owner(value) == brand.id:
        return True
    owner = view.context.official_owner(kind, value)
    return owner is not None and owner.lower() in (brand.id, brand.name.lower())


def _any_official_domain(host: str, registrable: str, view: MessageView) -> bool:
    if official_domain_owner(host) is not None:
        return True
    for value in dict.fromkeys((host, registrable)):
        if value and view.context.official_owner("domain", value):
            return True
    return False


def _sender_is_brand(view: MessageView, brand: Brand) -> bool:
    s = view.sender
    if not s or any(c.isdigit() for c in s[:1]) or s.startswith("+"):
        return False
    if official_brandname_owner(s) == brand.id:
        return True
    owner = view.context.official_owner("brandname", s)
    return owner is not None and owner.lower() in (brand.id, brand.name.lower())




def _in_restricted_zone(host: str) -> bool:
    """Under gov.vn or edu.vn (``host_checks.VN_RESTRICTED``), which only the state and
    accredited schools can register."""
    return any(host == z or host.endswith("." + z) for z in VN_RESTRICTED)


def _link_symbols(view: MessageView, brands: list[Brand], urls: list[Entity]) -> list[Symbol]:
    out: list[Symbol] = []
    with_domains = [b for b in brands if b.domains]
    if not with_domains:
        return out
    for e in urls:
        host = str(e.attrs.get("host") or "")
        reg = str(e.attrs.get("registrable_domain") or host)
        if not host or _any_official_domain(host, reg, view):
            continue
        names = ", ".join(f'"{b.id}"' for b in with_domains[:3])
        divisor = 2 if any(_sender_is_brand(view, b) for b in with_domains) else 1
        verdict = host_facts(host)  # cached: the engine analysed the batch's hosts at once
        if e.attrs.get("shortener") or verdict.shortener:
            name = "URL_BRAND_SHORTENED"
        elif not verdict.parsed or verdict.label == "phishing":
            name = "URL_BRAND_MISMATCH"
        elif _in_restricted_zone(host):
            # a state portal or a school's (only the state registers under gov.vn, only
            # accredited schools under edu.vn): "pay the fee via BIDV or ctt.hust.edu.vn"
            continue
        else:
            name = "URL_BRAND_OTHER_DOMAIN"  # an ordinary-looking domain: weak evidence
        out.append(Symbol(name, SYMBOLS[name][0] / divisor, f"{names} -> {host}"))
    return out


def _phone_symbols(view: MessageView, brands: list[Brand], phones: list[Entity]) -> list[Symbol]:
    out: list[Symbol] = []
    folded = view.norm.folded
    if not _STAFF_CLAIM.search(folded):
        return out
    score = SYMBOLS["PHONE_NOT_OFFICIAL"][0]
    for b in brands[:3]:
        if _sender_is_brand(view, b):
            continue  # a registered brandname of the brand itself
        if b.category == "social":
            continue  # "ket ban Zalo 09...": a contact on the platform, not its staff
        for e in phones:
            if e.attrs.get("type") not in _PHONE_TYPES_CHECKED:
                continue
            before = fold(view.norm.clean[max(0, e.start - CUE_WINDOW) : max(e.start, 0)])
            if not CONTACT_CUE_RE.search(before):
                continue  # e.g. the subscriber's own number in a carrier notice
            if not _official_for("phone", e.value, b, view):
                out.append(Symbol("PHONE_NOT_OFFICIAL", score, f'"{b.id}" -> {e.value}'))
        sender = view.sender
        if sender and (sender[:1].isdigit() or sender.startswith("+")):
            digits = "".join(c for c in sender if c.isdigit())
            if 9 <= len(digits) <= 12 and not _official_for("phone", sender, b, view):
                out.append(Symbol("PHONE_NOT_OFFICIAL", score, f'"{b.id}" -> sender {sender}'))
    return out


#: How far from an account number its bank's name may stand ("so 0011 2345 678,
#: Vietcombank So giao dich", "tai khoan Vietcombank 1234...").
ACCOUNT_BANK_REACH = 25


def _account_banks_only(view: MessageView, brands: list[Brand]) -> list[Brand]:
    """``brands`` less those named only as the bank that holds an account of the message
    (a charity's "TK ... tai Vietcombank" with its own site's link imitates no bank)."""
    accounts = view.of_kind("account")
    if not accounts:
        return brands
    clean = view.norm.clean
    near: set[str] = set()
    blanked = list(clean)
    for e in accounts[:MAX_ENTITIES]:
        if e.start < 0:
            continue
        lo, hi = max(0, e.start - ACCOUNT_BANK_REACH), min(len(clean), e.end + ACCOUNT_BANK_REACH)
        near.update(b.id for b in find_brands(fold(clean[lo:hi])))
        blanked[lo:hi] = " " * (hi - lo)
    if not near:
        return brands
    elsewhere = {b.id for b in find_brands(fold("".join(blanked)))}
    return [b for b in brands if b.id not in near or b.id in elsewhere]


#: Social insurance named as a job's benefit ("dong BHXH day du", "che do BHXH, BHYT"):
#: the employer's link is no imitation of the insurer.
_BENEFIT_RE = re.compile(
    r"\b(?:dong|che\s+do|tham\s+gia|huong|full|day\s+du)\s+(?:\S+\s+)?(?:bhxh|bao\s+hiem\s+xa\s+hoi)"
    r"|\b(?:bhxh|bao\s+hiem\s+xa\s+hoi)\s*,?\s*(?:bhyt|bhtn|day\s+du|theo\s+luat)\b")


def _benefit_only(view: MessageView, brands: list[Brand]) -> list[Brand]:
    """``brands`` less social insurance where it is named only as a job's benefit."""
    folded = view.norm.folded
    if not any(b.id == "socialinsurance" for b in brands) or _BENEFIT_RE.search(folded) is None:
        return brands
    if any(b.id == "socialinsurance" for b in find_brands(_BENEFIT_RE.sub(" ", folded))):
        return brands  # named elsewhere too
    return [b for b in brands if b.id != "socialinsurance"]


def detect(view: MessageView) -> list[Symbol]:
    """Brand-impersonation findings of one message (see the module docstring)."""
    brands = find_brands(view.norm.folded)
    if brands:
        brands = _benefit_only(view, _account_banks_only(view, brands))
    if not brands:
        return []
    urls = view.of_kind("url")[:MAX_ENTITIES]
    phones = view.of_kind("phone")[:MAX_ENTITIES]
    out = _link_symbols(view, brands, urls) + _phone_symbols(view, brands, phones)
    seen: set[tuple[str, str]] = set()
    unique = []
    for s in out:
        if (s.name, s.detail) not in seen:
            seen.add((s.name, s.detail))
            unique.append(s)
    return unique[:MAX_SYMBOLS]
