"""Vietnam's numbering plan: prefixes, original carriers and the 2018-19 conversion.

Every value here comes from ``../shared/spec/decree91.md`` ("Vietnamese phone numbers").
Numbers can be ported between carriers since 16 Nov 2018, so a prefix only names the
*original* carrier. Rows the spec marks "uncertain" carry ``certain=False``; callers see
that as ``PhoneNumber.carrier_certain`` / the ``carrier_certain`` attribute, and
:data:`INCLUDE_UNCERTAIN` (env ``LACHAN_PHONE_UNCERTAIN_CARRIERS=0`` turns it off) decides
whether an uncertain carrier is named at all.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple


class PrefixRow(NamedTuple):
    prefix: str  # today's mobile prefix, with the leading 0 ("032")
    carrier: str  # original carrier
    old_prefix: str  # the 11-digit prefix converted to it in 2018-19 ("0162"), or ""
    certain: bool  # False where the spec marks the assignment uncertain


#: The one table of VN mobile prefixes (decree91.md). Order is irrelevant.
PREFIX_TABLE: tuple[PrefixRow, ...] = (
    # Viettel: 086, 096-098, 032-039 (032-039 were 0162-0169)
    PrefixRow("086", "Viettel", "", True),
    PrefixRow("096", "Viettel", "", True),
    PrefixRow("097", "Viettel", "", True),
    PrefixRow("098", "Viettel", "", True),
    PrefixRow("032", "Viettel", "0162", True),
    PrefixRow("033", "Viettel", "0163", True),
    PrefixRow("034", "Viettel", "0164", True),
    PrefixRow("035", "Viettel", "0165", True),
    PrefixRow("036", "Viettel", "0166", True),
    PrefixRow("037", "Viettel", "0167", True),
    PrefixRow("038", "Viettel", "0168", True),
    PrefixRow("039", "Viettel", "0169", True),
    # Vinaphone: 088, 091, 094, 081-085
    PrefixRow("088", "Vinaphone", "", True),
    PrefixRow("091", "Vinaphone", "", True),
    PrefixRow("094", "Vinaphone", "", True),
    PrefixRow("081", "Vinaphone", "0127", True),
    PrefixRow("082", "Vinaphone", "0129", True),
    PrefixRow("083", "Vinaphone", "0123", True),
    PrefixRow("084", "Vinaphone", "0124", True),
    PrefixRow("085", "Vinaphone", "0125", True),
    # Mobifone: 089, 090, 093, 070, 076-079
    PrefixRow("089", "Mobifone", "", True),
    PrefixRow("090", "Mobifone", "", True),
    PrefixRow("093", "Mobifone", "", True),
    PrefixRow("070", "Mobifone", "0120", True),
    PrefixRow("076", "Mobifone", "0126", True),
    PrefixRow("077", "Mobifone", "0122", True),
    PrefixRow("078", "Mobifone", "0128", True),
    PrefixRow("079", "Mobifone", "0121", True),
    # Vietnamobile: 056, 058 (092, 052 uncertain)
    PrefixRow("056", "Vietnamobile", "0186", True),
    PrefixRow("058", "Vietnamobile", "0188", True),
    PrefixRow("092", "Vietnamobile", "", False),
    PrefixRow("052", "Vietnamobile", "", False),
    # Gmobile: 059 (099 uncertain)
    PrefixRow("059", "Gmobile", "0199", True),
    PrefixRow("099", "Gmobile", "", False),
    # iTel 087 and Reddi 055 (uncertain)
    PrefixRow("087", "iTel", "", False),
    PrefixRow("055", "Reddi", "", False),
)

#: Name uncertain carriers too (default on); ``LACHAN_PHONE_UNCERTAIN_CARRIERS=0`` turns off.
INCLUDE_UNCERTAIN: bool = os.environ.get("LACHAN_PHONE_UNCERTAIN_CARRIERS", "1") != "0"

#: Two digits after the 0 -> (carrier, certain).
CARRIER_BY_PREFIX: dict[str, tuple[str, bool]] = {
    row.prefix[1:]: (row.carrier, row.certain) for row in PREFIX_TABLE
}

#: Old national significant prefix (3 digits after the 0, "162") -> new one ("32").
OLD_TO_NEW: dict[str, str] = {
    row.old_prefix[1:]: row.prefix[1:] for row in PREFIX_TABLE if row.old_prefix
}

#: libphonenumber's VN mobile pattern from the spec (9 digits after the 0).
MOBILE_NSN = re.compile(
    r"(?:5(?:2[238]|59)|89[6-9]|99[013-9])\d{6}|(?:3\d|5[689]|7[06-9]|8[1-8]|9[0-8])\d{7}",
    re.ASCII,
)


def _fixed_line_pattern() -> str:
    """libphonenumber's VN fixed-line pattern (area code 2xx + 7 digits), read from the
    installed phonenumbers metadata so new area codes arrive with library updates."""
    import phonenumbers

    meta = phonenumbers.PhoneMetadata.metadata_for_region("VN")
    desc = meta.fixed_line if meta is not None else None
    pattern = desc.national_number_pattern if desc is not None else None
    return pattern or (
        r"2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])"
        r"\d{7}"
    )


#: Fixed lines: 0 + area code 2xx + 7 digits.
FIXED_NSN = re.compile(_fixed_line_pattern(), re.ASCII)
#: Toll-free 1800 + 4-6 digits; premium 1900 + 4-6 digits (dialled without a 0).
TOLLFREE = re.compile(r"1800\d{4,6}", re.ASCII)
PREMIUM = re.compile(r"1900\d{4,6}", re.ASCII)


def carrier_of(nsn: str) -> tuple[str | None, bool]:
    """Original carrier of a 9-digit mobile national significant number, and certainty."""
    hit = CARRIER_BY_PREFIX.get(nsn[:2])
    if hit is None or (not hit[1] and not INCLUDE_UNCERTAIN):
        return None, False
    return hit
