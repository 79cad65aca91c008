"""Message detector: a brand named with a link or number that is not the brand's.

``detect(view) -> list[Symbol]`` (scores are log-odds towards ``scam``):

- ``URL_BRAND_MISMATCH``: the message names a brand (``find_brands`` on the folded text)
  and links to a host that is no official domain of that brand nor of any other
  registered organisation (seed or registry);
- ``URL_BRAND_SHORTENED``: the same, but the link is a URL shortener (target hidden);
- ``PHONE_NOT_OFFICIAL``: the message (or the caller) claims to be a brand's staff or
  hotline and gives, or calls from, a number not registered for that brand.
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
from lachan.domain import Entity, Symbol

#: name -> (score, meaning). Scores are log-odds towards scam.
SYMBOLS: dict[str, tuple[float, str]] = {
    "URL_BRAND_MISMATCH": (2.5, "message names a brand but links outside its official domains"),
    "URL_BRAND_SHORTENED": (1.0, "message names a brand but hides its link behind a shortener"),
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
_PHONE_TYPES_CHECKED = frozenset({"mobile", "fixed", "tollfree", "premium", "foreign"})


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
        trusted_sender = any(_sender_is_brand(view, b) for b in with_domains)
        if e.attrs.get("shortener"):
            score = SYMBOLS["URL_BRAND_SHORTENED"][0]
            out.append(Symbol("URL_BRAND_SHORTENED", score / (2 if trusted_sender else 1),
                              f"{names} -> {host}"))
        else:
            score = SYMBOLS["URL_BRAND_MISMATCH"][0]
            out.append(Symbol("URL_BRAND_MISMATCH", score / (2 if trusted_sender else 1),
                              f"{names} -> {host}"))
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
        for e in phones:
            if e.attrs.get("type") not in _PHONE_TYPES_CHECKED:
                continue
            # with no documented hotline, only a personal mobile is clearly not the brand's
            if not b.hotlines and e.attrs.get("type") != "mobile":
                continue
            if not _official_for("phone", e.value, b, view):
                out.append(Symbol("PHONE_NOT_OFFICIAL", score, f'"{b.id}" -> {e.value}'))
        sender = view.sender
        if sender and (sender[:1].isdigit() or sender.startswith("+")):
            digits = "".join(c for c in sender if c.isdigit())
            if 9 <= len(digits) <= 12 and not _official_for("phone", sender, b, view):
                out.append(Symbol("PHONE_NOT_OFFICIAL", score, f'"{b.id}" -> sender {sender}'))
    return out


def detect(view: MessageView) -> list[Symbol]:
    """Brand-impersonation findings of one message (see the module docstring)."""
    brands = find_brands(view.norm.folded)
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
