"""Brand lexicon: organisations often imitated, with their official channels.

The data is the seed ``lachan/data/official_channels.json`` (written by the project, each
entry with a note of where it is documented). This module only reads it:

- :func:`find_brands` finds brands named in a *folded* message text
  (``lachan.text.fold``: lower case, no diacritics);
- :func:`official_domain_owner`, :func:`official_phone_owner`,
  :func:`official_brandname_owner`, :func:`official_email_owner` answer "whose official
  channel is this?" from the seed alone (the registry adds administrators' changes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from lachan.domain import Entity

SEED_RESOURCE = "official_channels.json"

#: Extra ways a message names an organisation (folded text, words separated by spaces).
TEXT_ALIASES: dict[str, tuple[str, ...]] = {
    "vnpost": ("buu dien", "buu chinh", "vietnam post", "vn post"),
    "viettelpost": ("viettel post",),
    "ghn": ("giao hang nhanh",),
    "ghtk": ("giao hang tiet kiem",),
    "jtexpress": ("j&t", "j&t express", "jt express"),
    "mbbank": ("mb bank", "ngan hang quan doi"),
    "vietcombank": ("ngan hang ngoai thuong",),
    "vietinbank": ("ngan hang cong thuong",),
    "agribank": ("ngan hang nong nghiep",),
    "police": ("cong an", "canh sat", "bo cong an"),
    "tax": ("cuc thue", "chi cuc thue", "tong cuc thue", "co quan thue"),
    "courts": ("toa an", "toa an nhan dan"),
    "socialinsurance": ("bao hiem xa hoi",),
    "evn": ("dien luc",),
    "publicservices": ("dich vu cong",),
    "vietnamairlines": ("vietnam airlines",),
    "viettelmoney": ("viettel money",),
    "tiktok": ("tiktok shop",),
}

#: Aliases this short match only as whole words (text) or whole tokens (host labels).
SHORT_ALIAS_LEN = 4


@dataclass(frozen=True, slots=True)
class Brand:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    hotlines: tuple[str, ...]
    brandnames: tuple[str, ...]
    email_domains: tuple[str, ...]
    source: str
    bin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "bin": self.bin,
            "aliases": list(self.aliases),
            "domains": list(self.domains),
            "hotlines": list(self.hotlines),
            "brandnames": list(self.brandnames),
            "email_domains": list(self.email_domains),
            "source": self.source,
        }


def brand_from_dict(d: dict[str, Any]) -> Brand:
    """Build a :class:`Brand` from one seed entry (raises ``KeyError``/``TypeError``)."""

    def strs(key: str) -> tuple[str, ...]:
        return tuple(str(x).strip().lower() for x in d.get(key) or () if str(x).strip())

    return Brand(
        id=str(d["id"]).strip().lower(),
        name=str(d["name"]),
        category=str(d.get("category") or "other"),
        aliases=strs("aliases"),
        domains=strs("domains"),
        hotlines=tuple(normalise_phone(x) for x in d.get("hotlines") or ()),
        brandnames=tuple(str(x) for x in d.get("brandnames") or ()),
        email_domains=strs("email_domains"),
        source=str(d.get("source") or ""),
        bin=(str(d["bin"]) if d.get("bin") else None),
    )


def normalise_phone(s: str) -> str:
    """Digits of a Vietnamese number in national form (``+84 24…`` -> ``024…``)."""
    digits = "".join(c for c in str(s) if c.isdigit())
    if str(s).strip().startswith("+84") or (digits.startswith("84") and len(digits) >= 11):
        digits = "0" + digits[2:]
    return digits


@lru_cache(maxsize=1)
def load_brands() -> tuple[Brand, ...]:
    """The seed's organisations (read once)."""
    raw = resources.files("lachan.data").joinpath(SEED_RESOURCE).read_text("utf-8")
    return tuple(brand_from_dict(d) for d in json.loads(raw)["organisations"])


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Brand]:
    return {b.id: b for b in load_brands()}


def get_brand(brand_id: str) -> Brand | None:
    return _by_id().get(brand_id)


@lru_cache(maxsize=1)
def _indexes() -> dict[str, dict[str, str]]:
    idx: dict[str, dict[str, str]] = {"domain": {}, "phone": {}, "brandname": {}, "email": {}}
    for b in load_brands():
        for d in b.domains:
            idx["domain"].setdefault(d, b.id)
        for p in b.hotlines:
            idx["phone"].setdefault(p, b.id)
        for n in b.brandnames:
            idx["brandname"].setdefault(_squeeze(n), b.id)
        for e in b.email_domains:
            idx["email"].setdefault(e, b.id)
    return idx


def _squeeze(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def official_domains_index() -> dict[str, str]:
    """``official domain -> brand id`` of the seed (read-only; for fast exact look-ups)."""
    return _indexes()["domain"]


def official_domain_owner(host: str) -> str | None:
    """Brand id whose official domain is ``host`` or one of its parent domains."""
    dom = _indexes()["domain"]
    h = host.lower().rstrip(".")
    while h:
        owner = dom.get(h)
        if owner is not None:
            return owner
        _, _, h = h.partition(".")
    return None


def official_phone_owner(phone: str) -> str | None:
    return _indexes()["phone"].get(normalise_phone(phone))


def official_brandname_owner(name: str) -> str | None:
    return _indexes()["brandname"].get(_squeeze(name))


def official_email_owner(email_or_domain: str) -> str | None:
    domain = email_or_domain.rpartition("@")[2].lower()
    em = _indexes()["email"]
    h = domain
    while h:
        owner = em.get(h)
        if owner is not None:
            return owner
        _, _, h = h.partition(".")
    return None


_WORD_RE = re.compile(r"[0-9a-z&]+")
#: Bytes table for :func:`find_brands`: [0-9a-z&] stay, every other byte becomes a space.
_WORD_BYTES = bytes(c if chr(c) in "0123456789abcdefghijklmnopqrstuvwxyz&" else 32
                    for c in range(256))


@lru_cache(maxsize=1)
def _name_tables() -> tuple[dict[str, str], dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Brand names as words: one-word names (and every multi-word name glued into one
    word, "viettel post" → "viettelpost") in ``single``; longer names under their first
    word in ``multi``, longest first."""
    single: dict[str, str] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for b in load_brands():
        names = list(b.aliases) + [n.lower() for n in b.brandnames]
        names += list(TEXT_ALIASES.get(b.id, ()))
        for n in names:
            words = tuple(_WORD_RE.findall(n.lower()))
            if not words:
                continue
            single.setdefault("".join(words), b.id)
            if len(words) > 1:
                multi.setdefault(words[0], []).append((words, b.id))
    for entries in multi.values():
        entries.sort(key=lambda e: -len(e[0]))
    return single, multi


@lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    """Every word a brand name can start with (the keys of both name tables)."""
    single, multi = _name_tables()
    return frozenset(single) | frozenset(multi)


def find_brands(folded: str) -> list[Brand]:
    """Brands named in a folded text, in order of first mention, each once.

    Names match whole words, with any run of spaces, dots, hyphens or underscores (or
    none) between the words of a multi-word name; at each place the longest name wins
    ("viettel post" is Viettel Post, not Viettel). A set look-up finds whether any name
    can start in the text at all before any position is examined; the positions of the
    few words that can are then found with C-level list searches."""
    # _WORD_RE.findall(folded), several times faster: the class is ASCII, so every other
    # character ("?" after encoding) separates words like a space does.
    words = folded.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split()
    starts = _start_words().intersection(words)
    if not starts:
        return []
    single, multi = _name_tables()
    index = words.index
    positions: list[int] = []
    for w in starts:
        i = index(w)
        positions.append(i)
        for _ in range(words.count(w) - 1):
            i = index(w, i + 1)
            positions.append(i)
    if len(positions) > 1:
        positions.sort()
    by_id = _by_id()
    seen: dict[str, Brand] = {}
    covered = 0
    for i in positions:
        if i < covered:
            continue
        w = words[i]
        length, bid = 0, None
        for name, candidate in multi.get(w, ()):
            if tuple(words[i:i + len(name)]) == name:
                length, bid = len(name), candidate
                break
        if bid is None:
            bid = single.get(w)
            if bid is None:
                continue
            length = 1
        covered = i + length
        if bid not in seen:
            brand = by_id.get(bid)
            if brand is not None:
                seen[bid] = brand
    return list(seen.values())


#: The name a brand signs its SMS with: "Pepsi: ...", "[Coca-Cola] ...".
_SIGNATURE_RE = re.compile(r"\A\W{0,2}([a-z0-9][a-z0-9 &.'-]{0,30}?)\s*[:\]]")
_NAME_PIECE_RE = re.compile(r"[a-z0-9]+")


def signed_brand_site(folded: str, entities: Sequence[Entity]) -> str | None:
    """The linked domain whose name is the brand the message is signed with ("Pepsi: ...
    pepsi.com.vn", "Coca-Cola Viet Nam: ... coca-cola.com"),
    or ``None``. A look-alike ("pepsi-tri-an.top") is not the name itself."""
    sig = _SIGNATURE_RE.match(folded)
    if sig is None:
        return None
    words = _NAME_PIECE_RE.findall(sig.group(1))
    names = {"".join(words[i:j]) for i in range(len(words))
             for j in range(i + 1, min(i + 4, len(words) + 1))}
    for e in entities:
        if e.kind != "url":
            continue
        domain = str(e.attrs.get("registrable_domain") or "")
        if domain and domain.split(".", 1)[0].replace("-", "") in names:
            return domain
    return None
