"""Brandnames that pass for a bank or a public body: its code or name with a separator or
a service word (``VCB-CSKH``, ``TCB_CSKH``, ``BIDVHOTRO``, ``CSGT``).

:func:`lachan.registry.official.verify` answers for whole names (``VCB``, ``VIETC0MBANK``);
a short code glued to "customer care" escapes it, and such names are what scammers
register. An advertiser's brandname is refused when, once split at its separators
(``-``, ``_``, ``.``, space) and stripped of service words (:data:`SERVICE_WORDS`),
what is left names a protected organisation, or one of its parts does. Protected are:

- every bank of the bundled lexicon (``lachan/data/vn-banks.json``: code and short name);
- the active organisations of the official-channel registry in
  :data:`PROTECTED_CATEGORIES` (id, aliases, official brandnames);
- the abbreviations of public bodies in :data:`PUBLIC_BODY_CODES`.

Only an administrator, having checked that the advertiser is that organisation, may
register such a name (as for an official brandname).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

#: Categories of the official-channel registry whose names are protected.
PROTECTED_CATEGORIES = ("bank", "wallet", "public", "telco")
#: Abbreviations of public bodies that the registry's aliases do not hold (they name
#: nothing a company may advertise under): abbreviation -> who it names.
PUBLIC_BODY_CODES: dict[str, str] = {
    "csgt": "Canh sat giao thong (traffic police)",
    "cand": "Cong an nhan dan (People's Police)",
    "bca": "Bo Cong an (Ministry of Public Security)",
    "pccc": "Canh sat PCCC (fire police)",
    "tand": "Toa an nhan dan (People's Court)",
    "vksnd": "Vien kiem sat nhan dan (People's Procuracy)",
    "ubnd": "Uy ban nhan dan (People's Committee)",
}
#: Words that turn a code into a channel of the organisation ("customer care",
#: "support", "notice", ...): they are stripped before the rest is compared.
SERVICE_WORDS = frozenset({
    "cskh", "chamsoc", "chamsockhachhang", "khachhang", "hotro", "support", "care",
    "customercare", "help", "helpdesk", "service", "services", "dichvu", "tongdai",
    "hotline", "info", "thongbao", "tb", "otp", "xacminh", "xacthuc", "baomat",
    "security", "official", "chinhthuc", "vn", "online", "app", "ebank", "ibank",
    "digital", "bank", "nganhang",
})
#: Codes that are also ordinary words ("cake", "mb" for megabytes): protected when
#: alone or with service words only, not as one part among others ("CAKE-HOUSE").
ORDINARY_WORD_CODES = frozenset({"mb", "cake", "nab", "bab", "mbv", "nh"})

_SEPARATORS = re.compile(r"[-_. ]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True, slots=True)
class Lookalike:
    """A protected name found in a brandname: the part that matched, and whose it is."""

    part: str
    owner: str


def squeeze(text: str) -> str:
    """Lower case, letters and digits only (``MB-Bank`` -> ``mbbank``)."""
    return _NOT_ALNUM.sub("", text.lower())


@lru_cache(maxsize=1)
def _lexicon_banks() -> dict[str, str]:
    """``squeezed code or short name -> bank name`` from the bundled bank lexicon."""
    raw = resources.files("lachan.data").joinpath("vn-banks.json").read_text("utf-8")
    out: dict[str, str] = {}
    for bank in json.loads(raw)["banks"]:
        name = str(bank["name"])
        for label in (str(bank["code"]), name):
            key = squeeze(label)
            if len(key) >= 2:
                out.setdefault(key, name)
    return out


def protected_names(session: Session) -> dict[str, str]:
    """Every protected name, squeezed, with the organisation it belongs to."""
    from lachan.store.tables_official import OfficialChannel, OfficialOrg

    names = dict(_lexicon_banks())
    names.update(PUBLIC_BODY_CODES)
    orgs = session.execute(
        select(OfficialOrg.id, OfficialOrg.name, OfficialOrg.aliases).where(
            OfficialOrg.active.is_(True), OfficialOrg.category.in_(PROTECTED_CATEGORIES))
    ).all()
    owner = {oid: name or oid for oid, name, _a in orgs}
    for oid, _name, aliases in orgs:
        for label in (oid, *(aliases or "").split(",")):
            key = squeeze(label)
            if len(key) >= 2:
                names.setdefault(key, owner[oid])
    for oid, value in session.execute(
        select(OfficialChannel.org_id, OfficialChannel.value).where(
            OfficialChannel.kind == "brandname", OfficialChannel.org_id.in_(list(owner)))
    ):
        key = squeeze(value)
        if len(key) >= 2:
            names.setdefault(key, owner[oid])
    return names


_EDGE_DIGITS = re.compile(r"^[0-9]+|[0-9]+$")


def _bare_forms(word: str) -> list[str]:
    """``word`` and what it becomes as service words or digits glued at its start or
    end come off, one at a time (``vcbcskh`` -> ``vcb``, ``hotrobidv`` -> ``bidv``,
    ``agribank1`` -> ``agribank``, ``agri``)."""
    forms = [word]
    bare = _EDGE_DIGITS.sub("", word)
    if bare and bare != word:
        forms.append(bare)
        word = bare
    changed = True
    while changed:
        changed = False
        for service in sorted(SERVICE_WORDS, key=len, reverse=True):
            if len(word) > len(service) and word.endswith(service):
                word, changed = word[: -len(service)], True
            elif len(word) > len(service) and word.startswith(service):
                word, changed = word[len(service) :], True
            if changed:
                forms.append(word)
                break
    return forms


def find_lookalike(name: str, names: dict[str, str]) -> Lookalike | None:
    """The protected name that the brandname ``name`` carries (see the module's rule),
    or ``None``."""
    parts = [squeeze(p) for p in _SEPARATORS.split(name)]
    parts = [p for p in parts if p]
    kept = [p for p in parts if p not in SERVICE_WORDS]
    if not kept:
        return None
    whole = "".join(kept)
    for candidate in _bare_forms(whole):
        if candidate in names:
            return Lookalike(candidate, names[candidate])
    for part in kept:
        for candidate in _bare_forms(part):
            if candidate in names and candidate not in ORDINARY_WORD_CODES:
                return Lookalike(candidate, names[candidate])
    return None


def refuse_lookalike(session: Session, name: str) -> str | None:
    """Why an advertiser may not register ``name`` (a readable reason), or ``None``."""
    found = find_lookalike(name, protected_names(session))
    if found is None:
        return None
    return (
        f"brandname {name!r} carries {found.part.upper()!r}, a name of {found.owner}: "
        "a brandname made of a bank's or public body's code or name with separators or "
        "service words (CSKH, HOTRO, SUPPORT, ...) passes for that organisation. If you "
        "are that organisation, ask the centre's administrator to register it for you"
    )
