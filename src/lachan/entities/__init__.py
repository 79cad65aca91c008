"""Entity extraction: phone numbers, URLs, e-mails, money, bank accounts, OTPs, commands.

``extract(clean) -> list[Entity]`` reads the ``clean`` view of
:func:`lachan.text.normalise` (case and diacritics kept, invisible characters and
defanged links already repaired) and returns entities in order of position (then by
kind). ``start``/``end`` index into ``clean``; ``raw`` is ``clean[start:end]``. Each
stretch of text becomes at most one entity, except where noted below.

Kinds, with ``value`` and ``attrs``:

``phone``
    value: ``0xxxxxxxxx`` for VN mobiles (old 11-digit ``01xx`` numbers mapped to today's
    10 digits), ``0`` + area code + number for fixed lines, ``1800xxxx`` / ``1900xxxx``,
    the digits of a short code, E.164 for a foreign number.
    attrs: ``type`` (``mobile`` | ``fixed`` | ``tollfree`` | ``premium`` | ``shortcode`` |
    ``foreign``), ``e164`` (``None`` for short codes), ``carrier`` (original carrier by
    prefix, mobiles only, else ``None``), ``carrier_certain`` (with a carrier: ``False``
    where the spec marks the prefix uncertain), ``converted_from`` (the old 11-digit form,
    only when converted), ``region`` (ISO country, foreign numbers only). Short codes
    (3-5 digits) are reported only after "gọi", "gửi", "call", "hotline", "SMS ... to"
    and the like, including inside an ``sms_command``.
``url``
    value: the URL with a lower-case scheme (``http://`` added when missing) and the
    host in lower-case ASCII (punycode), path as written. Bare domains count only with
    a real public suffix and letters in the name ("1.000.000", "TP.HCM", "v.v",
    "file.txt", "2.5tr" are not URLs). attrs: ``host`` (ASCII), ``host_unicode``,
    ``registrable_domain``, ``suffix`` (``None`` for IPs), ``is_ip``, ``shortener``
    (bool), ``userinfo`` (only when the URL has ``user@`` before the host).
``email``
    value: the address in lower case. attrs: ``domain`` (ASCII), ``registrable_domain``.
    Hosts inside e-mail addresses are not URLs.
``money``
    value: the integer amount as a string ("5tr" -> ``"5000000"``). attrs: ``amount``
    (int), ``currency`` (``VND`` unless ``$``/USD/đô or €/EUR is written).
``account``
    value: the account digits without spaces. attrs: ``bank`` (lexicon code such as
    ``VCB``, ``MB``, ``MOMO``) when a bank or wallet is named nearby. A number is an
    account when 6-19 digits sit within 40 characters of a bank / wallet name, short
    name, BIN or "ngân hàng", or right after "STK", "số tài khoản", "TK", "account".
    A valid phone number is an account only after such a keyword; after a wallet name
    ("MoMo 0912345678") it is reported twice, as ``phone`` and as ``account``. Masked
    numbers ("9704...6789"), dates, times, amounts and references glued to letters
    ("FT2611...") are never accounts.
``otp``
    value: the code (4-8 digits, or 6 upper-case letters and digits) within 40
    characters after or 30 before "OTP", "mã xác thực / xác nhận", "verification
    (code)", "passcode"; after a bare "code" / "PIN" digits only. attrs: ``keyword``.
``sms_command``
    value: ``"<KEYWORD> <shortcode>"``. attrs: ``keyword`` (upper case, single spaces,
    "DK V90"), ``shortcode`` ("9029", or a placeholder such as "9xxx"). Opens with
    "soạn (tin)", "nhắn (tin)", "SMS", "text" or "cú pháp" and ends with "gửi / đến /
    tới / to" and the short code. Spans the whole instruction ("soạn DK gửi 9029"); its
    short code is also a ``phone``.

Speed: one scan for digits drives amounts, phones, accounts and commands; keywords are
found with ``str.find`` before any pattern is tried; regexes start with a literal or a
class (so Python's engine skips text fast) and are possessive where numbers are read;
host, number and word look-ups are cached. ``bench/entities_speed.py`` prints figures.

Text longer than :data:`lachan.domain.MAX_TEXT_CHARS` raises
:class:`lachan.domain.InputTooLarge`; any other ``str`` is read without error.

Helpers for other parts: :func:`lachan.entities.phone.parse_phone`,
:func:`lachan.entities.phone.normalise_msisdn`,
:func:`lachan.entities.domain.registrable_domain`, ``public_suffix``, ``to_ascii``,
``to_unicode``.
"""

from __future__ import annotations

from lachan.domain import MAX_TEXT_CHARS, Entity, InputTooLarge
from lachan.entities.commands import find_commands
from lachan.entities.digits import (
    find_accounts,
    find_phones,
    find_runs,
    find_shortcodes,
    pieces,
)
from lachan.entities.money import find_money
from lachan.entities.otp import find_otps
from lachan.entities.spans import Claims
from lachan.entities.urls import find_bare_urls, find_emails, find_scheme_urls
from lachan.entities.vi_regex import lower_same_length

__all__ = ["KINDS", "extract"]

#: Every kind :func:`extract` reports.
KINDS: tuple[str, ...] = ("phone", "url", "email", "money", "account", "otp", "sms_command")

_KIND_ORDER = {k: i for i, k in enumerate(("sms_command", "url", "email", "money", "phone",
                                           "account", "otp"))}


def _key(e: Entity) -> tuple[int, int]:
    return e.start, _KIND_ORDER[e.kind]


def extract(clean: str) -> list[Entity]:
    """Entities in ``clean``, ordered by position. See the module docstring."""
    if len(clean) > MAX_TEXT_CHARS:
        raise InputTooLarge(
            f"text is {len(clean)} characters; the limit is {MAX_TEXT_CHARS}"
        )
    if not clean:
        return []
    # the one scan for digits: a message with no run has no ASCII digit at all
    runs = find_runs(clean)
    has_digit = bool(runs)
    claims = Claims()
    out: list[Entity] = []
    if "://" in clean:
        out += find_scheme_urls(clean, claims)
    if "@" in clean:
        out += find_emails(clean, claims)
    if "." in clean:
        out += find_bare_urls(clean, claims, has_digit)
    if has_digit:
        low = clean.lower()
        if len(low) != len(clean):  # rare ("İ"): keep positions (a call saved otherwise)
            low = lower_same_length(clean)
        numbers = pieces(clean, runs)
        out += find_money(clean, low, claims, numbers)
        said: dict[int, bool] = {}  # call_word_before answers, shared by the next two
        out += find_commands(clean, low, claims, numbers, said)
        phones, leftovers = find_phones(clean, low, claims, runs)
        out += phones
        if leftovers:
            out += find_shortcodes(clean, low, leftovers, claims, said)
        out += find_otps(clean, low, claims)
        if leftovers:
            out += find_accounts(clean, low, leftovers, claims)
    n = len(out)
    if n == 2:  # the most common case: at most one swap, without a key call per entity
        a, b = out
        if b.start < a.start or (b.start == a.start and _KIND_ORDER[b.kind] < _KIND_ORDER[a.kind]):
            out.reverse()
    elif n > 2:
        out.sort(key=_key)
    return out
