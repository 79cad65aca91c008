"""Phone numbers: Vietnam's numbering plan on a fast path, phonenumbers for the rest.

Public helpers for other parts:

* :func:`parse_phone` reads one user-typed number (complaint forms, the Do-Not-Call
  register, official channels) and returns a :class:`PhoneNumber` or ``None``.
* :func:`normalise_msisdn` is the bulk form for scrubbing millions of numbers: the
  national significant number as an ``int`` (9 digits for a mobile, without the 0).

Both accept any ``str`` and never raise; input longer than :data:`MAX_PHONE_CHARS` is
not a phone number (``None``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import phonenumbers

from lachan.entities.numbering import (
    FIXED_NSN,
    MOBILE_NSN,
    OLD_TO_NEW,
    PREMIUM,
    TOLLFREE,
    carrier_of,
)

PhoneType = Literal["mobile", "fixed", "tollfree", "premium", "shortcode", "foreign"]

#: Longest string :func:`parse_phone` / :func:`normalise_msisdn` consider (characters).
MAX_PHONE_CHARS = 64

_SEPARATORS = str.maketrans("", "", " .-()/\t\u00a0")


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A recognised number.

    ``national``: ``0xxxxxxxxx`` for VN mobiles and fixed lines, ``1800xxxx`` /
    ``1900xxxx`` for toll-free and premium, the digits of a short code, and the E.164
    form for a foreign number. ``e164``: ``+84...`` (``None`` for short codes).
    ``converted_from``: the old 11-digit form when an 01xx number was mapped to today's
    10 digits. ``carrier``: original carrier by prefix (mobiles only).
    """

    national: str
    e164: str | None
    type: PhoneType
    carrier: str | None = None
    converted_from: str | None = None
    carrier_certain: bool = False
    region: str | None = None


# A classified VN number: (type, national significant number, converted_from or None).
_Nsn = tuple[str, str, str | None]


def _vn_nsn(nsn: str) -> _Nsn | None:
    """Classify a VN national significant number (digits after the trunk 0)."""
    n = len(nsn)
    if n == 9:
        if MOBILE_NSN.fullmatch(nsn):
            return ("mobile", nsn, None)
    elif n == 10:
        new = OLD_TO_NEW.get(nsn[:3])
        if new is not None:
            converted = new + nsn[3:]
            if MOBILE_NSN.fullmatch(converted):
                return ("mobile", converted, "0" + nsn)
            return None
        if FIXED_NSN.fullmatch(nsn):
            return ("fixed", nsn, None)
    if 8 <= n <= 10 and nsn[0] == "1":
        if TOLLFREE.fullmatch(nsn):
            return ("tollfree", nsn, None)
        if PREMIUM.fullmatch(nsn):
            return ("premium", nsn, None)
    return None


def classify_digits(digits: str, international: bool) -> _Nsn | None:
    """Classify ASCII ``digits`` as a VN number; ``international`` when written with +.

    Returns ``("foreign", digits_with_country_code, None)`` for a + number outside +84
    (validity of those is left to :func:`foreign_number`).
    """
    # prefix tests by slicing: str.startswith's argument parsing costs more (hot path)
    if digits[:2] == "00":
        digits = digits[2:]
        international = True
    if international:
        if digits[:2] != "84":
            return ("foreign", digits, None) if 7 <= len(digits) <= 15 else None
        nsn = digits[2:]
        if nsn[:1] == "0":  # "+84 (0) 912 ..."
            nsn = nsn[1:]
        return _vn_nsn(nsn)
    if digits[:1] == "0":
        return _vn_nsn(digits[1:])
    if digits[:2] == "84" and 11 <= len(digits) <= 13:
        nsn = digits[2:]
        if nsn[:1] == "0":
            nsn = nsn[1:]
        return _vn_nsn(nsn)
    if digits[:4] in ("1800", "1900"):
        return _vn_nsn(digits)
    return None


@lru_cache(maxsize=4096)
def foreign_number(digits: str) -> PhoneNumber | None:
    """A valid non-VN number from its digits with country code (no +), else ``None``."""
    try:
        num = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    if num.country_code == 84 or not phonenumbers.is_valid_number(num):
        return None
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_number(num)
    return PhoneNumber(national=e164, e164=e164, type="foreign", region=region)


#: The fields of a :class:`PhoneNumber` in declaration order, as a plain tuple: the
#: extractor reads these, since building the frozen dataclass costs about 0.8 us.
PhoneFields = tuple[str, str | None, str, str | None, str | None, bool, str | None]


def phone_fields(hit: _Nsn) -> PhoneFields | None:
    """The :class:`PhoneNumber` fields for a :func:`classify_digits` result."""
    kind, nsn, converted = hit
    if kind == "mobile":
        carrier, certain = carrier_of(nsn)
        return ("0" + nsn, "+84" + nsn, "mobile", carrier, converted, certain, None)
    if kind == "fixed":
        return ("0" + nsn, "+84" + nsn, "fixed", None, None, False, None)
    if kind == "foreign":
        num = foreign_number(nsn)
        if num is None:
            return None
        return (num.national, num.e164, num.type, num.carrier, num.converted_from,
                num.carrier_certain, num.region)
    return (nsn, "+84" + nsn, kind, None, None, False, None)


def to_phone_number(hit: _Nsn) -> PhoneNumber | None:
    """Build the public :class:`PhoneNumber` from a :func:`classify_digits` result."""
    if hit[0] == "foreign":
        return foreign_number(hit[1])
    fields = phone_fields(hit)
    return PhoneNumber(*fields) if fields is not None else None  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def lookup(digits: str, international: bool) -> PhoneNumber | None:
    """:func:`classify_digits` then :func:`to_phone_number`, cached: spam campaigns repeat
    their numbers."""
    hit = classify_digits(digits, international)
    return to_phone_number(hit) if hit is not None else None


@lru_cache(maxsize=65536)
def lookup_fields(digits: str, international: bool) -> PhoneFields | None:
    """:func:`lookup` as :data:`PhoneFields`: the extractor's hot path, once per number."""
    hit = classify_digits(digits, international)
    return phone_fields(hit) if hit is not None else None


def parse_phone(s: object) -> PhoneNumber | None:
    """Parse one user-typed number ("+84 912 345 678", "0162.912.3456", "1900 6060", "156").

    Spaces, dots, dashes, slashes and brackets are ignored; a leading ``tel:`` is allowed;
    anything else (letters, several numbers) gives ``None``. A bare 3-5 digit number is a
    short code. Never raises.
    """
    if not isinstance(s, str) or len(s) > MAX_PHONE_CHARS:
        return None
    t = unicodedata.normalize("NFKC", s).strip()
    if t[:4].lower() == "tel:":
        t = t[4:]
    t = t.translate(_SEPARATORS)
    plus = t.startswith("+")
    if plus:
        t = t[1:]
    if not t or not t.isascii() or not t.isdigit():
        return None
    if not plus and 3 <= len(t) <= 5 and t[0] != "0":
        return PhoneNumber(t, None, "shortcode")
    hit = classify_digits(t, plus)
    return to_phone_number(hit) if hit is not None else None


def normalise_msisdn(s: object) -> int | None:
    """The national significant number of a VN mobile or fixed line as an ``int``.

    ``"+84 912 345 678"``, ``"0912.345.678"`` and ``"84912345678"`` all give
    ``912345678``; old 11-digit mobiles are converted (``"01629123456"`` gives
    ``329123456``). Toll-free, premium, short and foreign numbers give ``None``.
    Meant for bulk scrubbing: no phonenumbers call, no allocation beyond the digits.
    """
    if not isinstance(s, str) or len(s) > MAX_PHONE_CHARS:
        return None
    t = s.strip().translate(_SEPARATORS)
    plus = t.startswith("+")
    if plus:
        t = t[1:]
    if not t.isascii() or not t.isdigit():
        return None
    hit = classify_digits(t, plus)
    if hit is None or hit[0] not in ("mobile", "fixed"):
        return None
    return int(hit[1])
