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

from lachan.entities.extractor import KINDS, extract

__all__ = ["KINDS", "extract"]
