"""SMS-gateway commands to the complaint centre (5656 / hotline 156), and their replies.

``parse_command(text)`` reads one subscriber SMS and returns a :class:`Command`;
``reply_for(command, outcome)`` gives the text the subscriber gets back. Syntaxes
(decree91.md, "Complaint centre syntaxes"):

========================  =====================  ==========================================
text                      action                 notes
========================  =====================  ==========================================
``S <source> <content>``  ``report_sms``         also ``S (source)(content)``, ``[ ]``;
                                                 source: number, brandname, e-mail, link
``V <number> [content]``  ``report_call``        content optional
``LD (number)(content)``  ``report_scam_call``   hotline 156; content optional
``FW <content>``          ``forward``            older forwarding syntax
``DK DNC [S|V]``          ``dnc_register``       ``S`` = SMS only, ``V`` = calls only
``HUY DNC [S|V]``         ``dnc_unregister``     default scope: SMS and calls
anything else             ``help``               ``reason`` says why
========================  =====================  ==========================================

Parsing is tolerant: any case, missing or extra spaces, round or square brackets,
separators (``:``, ``,``, ``-``...), Vietnamese diacritics in keywords ("ĐK DNC",
"Hủy DNC") and full-width characters. Replies are plain ASCII Vietnamese (GSM-7 safe) and
fit one SMS (160 characters); :func:`sms_segments` counts segments for any text.

Every keyword, scope word, reason and reply template lives in the tables below.
"""

from __future__ import annotations

import ipaddress
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, Literal
from urllib.parse import urlsplit

from lachan.ingest.errors import MalformedCommand, TooLarge
from lachan.registry.normalise import InvalidSource, NormalisedSource
from lachan.text.defang import restore_links

Action = Literal[
    "report_sms",
    "report_call",
    "report_scam_call",
    "forward",
    "dnc_register",
    "dnc_unregister",
    "help",
]
Scope = Literal["sms", "call", "all"]
Outcome = Literal["ok", "duplicate", "upgraded", "already", "rate_limited", "error"]

#: Longest command text accepted (10 concatenated SMS of 160 characters).
MAX_COMMAND_CHARS = 1_600
#: Longest reported source (number, brandname, address) kept in a command.
MAX_SOURCE_CHARS = 64

# --------------------------------------------------------------------------------------
# Tables: keywords, scope words, help reasons, reply templates.
# Keywords are matched on the folded text (upper case, diacritics removed, đ -> d).
# --------------------------------------------------------------------------------------

#: (regular expression on folded text, action, canonical keyword). Order matters.
KEYWORDS: tuple[tuple[str, Action, str], ...] = (
    (r"(?:DK|DANG\s*KY)\s*[-_.:]?\s*DNC", "dnc_register", "DK DNC"),
    (r"HUY(?:\s*DK)?\s*[-_.:]?\s*DNC", "dnc_unregister", "HUY DNC"),
    (r"(?:HELP|HD|HUONG\s*DAN|TRO\s*GIUP)(?![A-Z])", "help", "HELP"),
    (r"LD(?![A-Z])", "report_scam_call", "LD"),
    (r"FW(?![A-Z])", "forward", "FW"),
    (r"S(?![A-Z])", "report_sms", "S"),
    (r"V(?![A-Z])", "report_call", "V"),
)

#: Scope words after ``DK DNC`` / ``HUY DNC`` (folded, spaces removed).
SCOPE_WORDS: dict[str, Scope] = {
    "": "all",
    "ALL": "all",
    "TATCA": "all",
    "S": "sms",
    "SMS": "sms",
    "TN": "sms",
    "TINNHAN": "sms",
    "V": "call",
    "CALL": "call",
    "CG": "call",
    "GOI": "call",
    "CUOCGOI": "call",
}

#: Why a text became ``help``: code -> (readable reason, reply prefix in ASCII Vietnamese).
REASONS: dict[str, tuple[str, str]] = {
    "requested": ("the subscriber asked for help", "Huong dan"),
    "empty": ("the message is empty", "Tin nhan trong"),
    "unknown_keyword": ("the message starts with no known keyword", "Sai cu phap"),
    "missing_source": ("the number or brandname reported is missing", "Thieu so/ten nguoi gui"),
    "bad_source": (
        "the source reported is not a valid phone number, brandname, e-mail, link or host",
        "So/ten/link nguoi gui khong hop le",
    ),
    "missing_content": ("the content of the spam message is missing", "Thieu noi dung tin rac"),
    "bad_scope": ("the DNC scope is not S (SMS) or V (calls)", "Sai cu phap DNC"),
}

#: Words for a DNC scope in replies.
SCOPE_TEXT: dict[Scope, str] = {
    "all": "tin nhan va cuoc goi",
    "sms": "tin nhan",
    "call": "cuoc goi",
}

#: Reply templates: (action or "*", outcome) -> text. Placeholders: {source}, {scope},
#: {ref} (" Ma phan anh: X." or empty), {shortcode}, {reason}. Plain ASCII, <= 160 chars
#: once filled with the longest source and reference (tested).
REPLIES: dict[tuple[str, str], str] = {
    ("report_sms", "ok"): "Cam on ban da phan anh tin nhan rac tu {source}.{ref} "
    "Trung tam se xac minh va xu ly.",
    ("report_sms", "duplicate"): "Phan anh tin nhan rac tu {source} da duoc ghi nhan "
    "truoc do.{ref} Cam on ban.",
    ("report_call", "ok"): "Cam on ban da phan anh cuoc goi rac tu {source}.{ref} "
    "Trung tam se xac minh va xu ly.",
    ("report_call", "duplicate"): "Phan anh cuoc goi rac tu {source} da duoc ghi nhan "
    "truoc do.{ref} Cam on ban.",
    ("report_scam_call", "ok"): "Cam on ban da bao cuoc goi lua dao tu {source}.{ref} "
    "Khong chuyen tien, khong cung cap ma OTP cho nguoi la.",
    ("report_scam_call", "duplicate"): "Cuoc goi lua dao tu {source} da duoc ghi nhan "
    "truoc do.{ref} Khong chuyen tien, khong cung cap ma OTP.",
    ("report_scam_call", "upgraded"): "Phan anh ve {source} da duoc cap nhat thanh cuoc goi "
    "lua dao.{ref} Khong chuyen tien, khong cung cap ma OTP.",
    ("forward", "ok"): "Cam on ban da chuyen tiep tin nhan rac.{ref} "
    "Trung tam se xac minh va xu ly.",
    ("forward", "duplicate"): "Tin nhan rac nay da duoc ghi nhan truoc do.{ref} Cam on ban.",
    ("dnc_register", "ok"): "Ban da dang ky khong nhan quang cao qua {scope}. "
    "De huy, soan HUY DNC gui {shortcode}.",
    ("dnc_register", "already"): "So cua ban da co trong danh sach khong nhan quang cao "
    "qua {scope}. De huy, soan HUY DNC gui {shortcode}.",
    ("dnc_unregister", "ok"): "Ban da huy dang ky khong nhan quang cao qua {scope}. "
    "De dang ky lai, soan DK DNC gui {shortcode}.",
    ("dnc_unregister", "already"): "So cua ban chua dang ky khong nhan quang cao qua "
    "{scope}. De dang ky, soan DK DNC gui {shortcode}.",
    ("help", "ok"): "{reason}. Bao tin rac: S (so/ten)(noi dung). Cuoc goi rac: V so. "
    "Chan QC: DK DNC (S/V). Bo chan: HUY DNC. Gui {shortcode}.",
    ("*", "upgraded"): "Phan anh ve {source} da duoc cap nhat theo noi dung moi.{ref} "
    "Cam on ban.",
    ("*", "rate_limited"): "Ban da gui qua nhieu phan anh trong thoi gian ngan. "
    "Vui long thu lai sau.",
    ("*", "error"): "He thong dang ban, chua ghi nhan duoc yeu cau cua ban. "
    "Vui long thu lai sau.",
}

OUTCOMES: tuple[str, ...] = ("ok", "duplicate", "upgraded", "already", "rate_limited", "error")

# Brackets and separators accepted around sources and contents.
_OPEN = "([{<"
_CLOSE = ")]}>"
_BRACKET_MAP = str.maketrans(
    {
        "【": "[", "】": "]", "〔": "[", "〕": "]", "「": "[", "」": "]",
        "『": "[", "』": "]", "《": "<", "》": ">", "〈": "<", "〉": ">",
        "“": '"', "”": '"', "‘": "'", "’": "'",
    }
)
_LEAD_SEPS = " \t\r\n:;,.-_/|*#=\"'"
_QUOTES = "\"'"
_URL_RE = re.compile(r"(?i)https?://[^\s<>\"'()\[\]{}]+")
#: Any other address with a scheme ("hxxps://vcb[.]top", "ftp://...", "javascript:..."):
#: the whole token is the source (restored when defanged, else refused), never the word
#: before its colon read as a brandname ("HXXPS").
_SCHEME_TOKEN_RE = re.compile(
    r"(?i)(?:[a-z][a-z0-9+.\-]{1,15}://\S+|(?:javascript|data|vbscript|file|blob):\S+)")
_DOTTED_QUAD_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_TOKEN_RE = re.compile(r"[^\s()\[\]{}<>,;:\"']+")
_PHONEISH_RE = re.compile(r"\+?\(?\d[\d .\-()]*\d")
_PHONE_CHARS_RE = re.compile(r"[+\d .\-()]+")
_BRANDNAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_. ]{0,10}")
_EMAIL_RE = re.compile(r"[^\s@]{1,64}@[A-Za-z0-9.\-]{1,190}\.[A-Za-z]{2,24}")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_KEYWORD_RES: tuple[tuple[re.Pattern[str], Action, str], ...] = tuple(
    (re.compile(pattern), action, canonical) for pattern, action, canonical in KEYWORDS
)
_SCOPE_RE = re.compile(r"[\s\-_.:,;()\[\]{}<>]*([A-Z ]*?)[\s\-_.:,;()\[\]{}<>]*")


@dataclass(frozen=True, slots=True)
class Command:
    """One parsed subscriber command.

    ``source`` is the reported number, brandname or address normalised (VN phones as
    ``0xxxxxxxxx``, brandnames upper-case, e-mails and domains lower-case, links as
    written); ``source_raw`` is the text as written; ``source_kind`` is ``phone`` (a valid
    number), ``shortcode`` (3-5 digits), ``brandname``, ``email``, ``url``, ``domain`` or
    ``ip`` (see :func:`normalise_source`: anything else is refused with ``bad_source``).
    ``registry_source`` is the same source as the registry keeps it (its canonical form,
    a short code as a ``phone``): a report's source is checked once, here, and filed as
    it is; one the registry refuses is refused with ``bad_source`` too.
    ``scope`` is set for DNC commands only. For ``help``, ``reason`` is a code from
    :data:`REASONS`.
    """

    action: Action
    source: str | None = None
    source_raw: str | None = None
    source_kind: str | None = None
    content: str = ""
    scope: Scope | None = None
    reason: str | None = None
    keyword: str = ""
    registry_source: NormalisedSource | None = None

    @property
    def reason_text(self) -> str | None:
        """The readable reason of a ``help`` command."""
        return REASONS[self.reason][0] if self.reason in REASONS else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------------------
# Text preparation
# --------------------------------------------------------------------------------------


def _fold_char(c: str) -> str:
    """One character folded to one character: base letter, upper case, đ -> D."""
    if c in "đĐ":
        return "D"
    base = unicodedata.normalize("NFD", c)[:1] or c
    up = base.upper()
    return up if len(up) == 1 else base


def _prepare(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).translate(_BRACKET_MAP)
    t = _CONTROL_RE.sub(" ", t)
    return unicodedata.normalize("NFC", t).strip()


def fold_keyword(text: str) -> str:
    """Upper-case, diacritic-free form of ``text`` with the same length (for matching)."""
    return "".join(_fold_char(c) for c in text)


# --------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------


@cache
def _entities_parse_phone() -> Callable[[str], Any] | None:
    try:
        from lachan.entities.phone import parse_phone
    except ImportError:
        return None
    return parse_phone  # type: ignore[no-any-return]


def _fallback_phone(raw: str) -> str | None:
    import phonenumbers

    digits = re.sub(r"[\s.\-()]", "", raw)
    if not re.fullmatch(r"\+?\d{3,15}", digits):
        return None
    if digits.startswith("84") and len(digits) == 11:
        digits = "+" + digits
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if number.country_code == 84:
        return "0" + str(number.national_number)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _as_phone(result: Any) -> tuple[str, str] | None:
    """(value, type) from whatever :func:`lachan.entities.phone.parse_phone` returned."""
    if result is None or result is False:
        return None
    if isinstance(result, str):
        return (result, "phone") if result else None
    for attr in ("national", "value", "e164"):
        value = getattr(result, attr, None)
        if isinstance(value, str) and value:
            return value, str(getattr(result, "type", "phone"))
    return None


def lookup_phone(raw: str) -> tuple[str, str] | None:
    """(normalised number, type) or None; type is entities' ``mobile``, ``fixed``,
    ``tollfree``, ``premium``, ``shortcode``, ``foreign`` (``phone`` in the fallback)."""
    parse = _entities_parse_phone()
    if parse is not None:
        try:
            found = _as_phone(parse(raw))
        except Exception:  # noqa: BLE001 - another part's bug must not break the gateway
            found = None
        if found is not None:
            return found
    value = _fallback_phone(raw)
    return (value, "phone") if value is not None else None


def normalise_phone(raw: str) -> str | None:
    """A VN number as ``0xxxxxxxxx`` (foreign ones as E.164), or None when not valid.

    Uses :func:`lachan.entities.phone.parse_phone` when that module is present (it also
    converts old 11-digit numbers and knows short codes), and ``phonenumbers`` otherwise.
    """
    found = lookup_phone(raw)
    return found[0] if found is not None else None


def _ip_address(s: str) -> str | None:
    try:
        return ipaddress.ip_address(s).compressed
    except ValueError:
        return None


def _host_ok(host: str) -> bool:
    """A public host: an IP address, or a domain under a known public suffix."""
    from lachan.entities.domain import is_ip, registrable_domain, to_ascii

    if is_ip(host.strip("[]")):
        return True
    ascii_host = to_ascii(host.rstrip("."))
    return bool(ascii_host) and registrable_domain(ascii_host.lower()) is not None


def _link(s: str) -> tuple[str, str] | None:
    """``(value, "url")`` for a link, ``(host, "domain")`` for a bare host, else None."""
    if "://" in s or "/" in s or s.lower().startswith("www."):
        try:
            parts = urlsplit(s if "://" in s else "http://" + s)
            host = parts.hostname
        except ValueError:
            return None
        if parts.scheme.lower() not in ("http", "https") or not host or not _host_ok(host):
            return None
        return s, "url"
    if "." in s and not any(ch.isspace() for ch in s) and _host_ok(s):
        return s.lower().rstrip("."), "domain"
    return None


def _brandname(s: str) -> tuple[str, str] | None:
    if _BRANDNAME_RE.fullmatch(s) and not s.replace(" ", "").isdigit():
        return s.upper(), "brandname"
    return None


def _number(s: str) -> tuple[str, str] | None:
    """A phone number or short code; a dotted quad that is an IP address is an ``ip``
    (``1.2.3.4`` would otherwise read as short code 1234). Digits that are neither give
    None: a source the registry could not link must not be acknowledged."""
    if _DOTTED_QUAD_RE.fullmatch(s):
        ip = _ip_address(s)
        if ip is not None:
            return ip, "ip"
    phone = lookup_phone(s)
    if phone is None:
        return None
    return phone[0], "shortcode" if phone[1] == "shortcode" else "phone"


def normalise_source(raw: str) -> tuple[str, str] | None:
    """(normalised value, kind) of a reported source, or None when it is not usable.

    Kinds: ``phone`` and ``shortcode`` (valid numbers only), ``ip``, ``email``, ``url``
    (a link with a public host), ``domain`` (a bare public host such as ``evil.top``),
    ``brandname`` (letters, digits, ``-_.`` and spaces, at most 11 characters). A dotted
    name written in capitals that fits a brandname (``SHOP.VN``) is a brandname, as sender
    names are shown in capitals; otherwise a valid host is a domain. Anything else (digits
    that are no number, ``999.999.999.999``, stray punctuation) gives None."""
    s = raw.strip().strip(_LEAD_SEPS)
    if not s or len(s) > MAX_SOURCE_CHARS:
        return None
    if _PHONE_CHARS_RE.fullmatch(s) and sum(ch.isdigit() for ch in s) >= 3:
        return _number(s)
    if _EMAIL_RE.fullmatch(s):
        return s.lower(), "email"
    if s.isupper() and _brandname(s):
        return _brandname(s)
    link = _link(s)
    if link is not None:
        return link
    if "." in s and not s.isupper():
        return None  # a host that is none ("xn--zz.com"): no brandname either
    return _brandname(s)


# --------------------------------------------------------------------------------------
# Splitting "<source> <content>"
# --------------------------------------------------------------------------------------


def _closing(text: str, start: int) -> int:
    """Index of the bracket closing the one at ``start`` (any bracket kind), or -1."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _strip_content(text: str) -> str:
    c = text.strip().lstrip(_LEAD_SEPS.replace('"', "").replace("'", "")).strip()
    if c[:1] in _OPEN:
        end = _closing(c, 0)
        if end == len(c) - 1:
            c = c[1:-1]
        elif end == -1:
            c = c[1:]
    elif c[-1:] in _CLOSE and not any(ch in _OPEN for ch in c):
        c = c[:-1]
    return c.strip()


def _phone_prefix(rest: str) -> tuple[str, str] | None:
    """A phone number written in digit groups ("0912 345 678") at the start of ``rest``."""
    m = _PHONEISH_RE.match(rest)
    if m is None:
        return None
    groups = list(re.finditer(r"\S+", m.group(0)))
    first = groups[0].group(0)
    if normalise_phone(first) is not None:
        return first, rest[groups[0].end():]
    for g in groups[1:]:
        candidate = rest[: g.end()]
        if sum(ch.isdigit() for ch in candidate) > 12:
            break
        if normalise_phone(candidate) is not None:
            return candidate, rest[g.end():]
    # Old 11-digit numbers ("0162 345 6789") are no longer valid but still reported.
    best = None
    for g in groups:
        candidate = rest[: g.end()]
        digits = sum(ch.isdigit() for ch in candidate)
        if digits > 11:
            break
        if digits >= 10 and candidate.lstrip("(").startswith("0"):
            best = (candidate, rest[g.end():])
    return best


def _quoted(r: str) -> tuple[str, str]:
    """A source in quotes: the quoted text and what follows. An unclosed quote gives the
    quote alone as the source (refused): ``S ' OR 1=1--`` names no sender."""
    end = r.find(r[0], 1)
    if end == -1:
        return r[0], r[1:]
    return r[1:end], r[end + 1:]


def _split_source(rest: str) -> tuple[str | None, str]:
    r = rest.lstrip(_LEAD_SEPS.replace('"', "").replace("'", ""))
    if r and r[0] in _QUOTES:
        return _quoted(r)
    r = r.lstrip(_LEAD_SEPS)
    if not r:
        return None, ""
    url = _URL_RE.match(r)
    if url is not None and r[url.end():url.end() + 1] != "[":  # (an IPv6 host: below)
        return url.group(0).rstrip(".,"), r[len(url.group(0).rstrip(".,")):]
    scheme = _SCHEME_TOKEN_RE.match(r)
    if scheme is not None:
        token = scheme.group(0).rstrip(".,")
        return restore_links(token) or token, r[len(token):]
    if r[0] in _OPEN:
        end = _closing(r, 0)
        if end != -1:
            return r[1:end], r[end + 1:]
        m = _TOKEN_RE.match(r, 1)
        if m is None:
            return None, r[1:]
        return m.group(0), r[m.end():]
    phone = _phone_prefix(r)
    if phone is not None:
        return phone
    m = _TOKEN_RE.match(r)
    if m is None:
        return None, r
    return m.group(0).rstrip(".-_"), r[m.end():]


# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------


def _help(reason: str, keyword: str = "") -> Command:
    return Command(action="help", reason=reason, keyword=keyword)


#: Registry kind of a source kind the parser tells apart (the others are the same).
_REGISTRY_KIND = {"shortcode": "phone"}


def _report(action: Action, keyword: str, rest: str, *, content_required: bool) -> Command:
    raw_source, remainder = _split_source(rest)
    if raw_source is None or not raw_source.strip():
        return _help("missing_source", keyword)
    source = normalise_source(raw_source)
    if source is None:
        return _help("bad_source", keyword)
    is_number = source[1] in ("phone", "shortcode")
    if action in ("report_call", "report_scam_call") and not is_number:
        return _help("bad_source", keyword)
    content = _strip_content(remainder)
    if content_required and not content:
        return _help("missing_content", keyword)
    try:
        registry_source = NormalisedSource(_REGISTRY_KIND.get(source[1], source[1]), source[0])
    except InvalidSource:
        return _help("bad_source", keyword)
    return Command(
        action=action,
        source=source[0],
        source_raw=raw_source.strip(),
        source_kind=source[1],
        content=content,
        keyword=keyword,
        registry_source=registry_source,
    )


def _dnc(action: Action, keyword: str, rest_folded: str) -> Command:
    m = _SCOPE_RE.fullmatch(rest_folded)
    word = m.group(1).replace(" ", "") if m else None
    if word is None or word not in SCOPE_WORDS:
        return _help("bad_scope", keyword)
    return Command(action=action, scope=SCOPE_WORDS[word], keyword=keyword)


def parse_command(text: str) -> Command:
    """Parse one SMS sent to the complaint centre. Never raises for any text content.

    Raises :class:`~lachan.ingest.errors.MalformedCommand` when ``text`` is not a string
    and :class:`~lachan.ingest.errors.TooLarge` over :data:`MAX_COMMAND_CHARS`; every other
    input gives a :class:`Command` (``help`` with a ``reason`` when it is not a command).
    """
    if not isinstance(text, str):
        raise MalformedCommand(f"command text must be a string, not {type(text).__name__}")
    if len(text) > MAX_COMMAND_CHARS:
        raise TooLarge(
            f"command text has {len(text)} characters; the limit is {MAX_COMMAND_CHARS}"
        )
    t = _prepare(text)
    t = t.lstrip(_LEAD_SEPS)
    if not t:
        return _help("empty")
    folded = fold_keyword(t)
    for pattern, action, canonical in _KEYWORD_RES:
        m = pattern.match(folded)
        if m is None:
            continue
        rest, rest_folded = t[m.end():], folded[m.end():]
        if action == "help":
            return _help("requested", canonical)
        if action in ("dnc_register", "dnc_unregister"):
            return _dnc(action, canonical, rest_folded)
        if action == "forward":
            content = _strip_content(rest)
            if not content:
                return _help("missing_content", canonical)
            return Command(action="forward", content=content, keyword=canonical)
        return _report(action, canonical, rest, content_required=action == "report_sms")
    return _help("unknown_keyword")


# --------------------------------------------------------------------------------------
# Replies
# --------------------------------------------------------------------------------------

#: GSM 03.38 basic character set (one septet each) and extension table (two septets).
GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = "^{}\\[~]|€\f"


def gsm7_length(text: str) -> int | None:
    """Septets ``text`` takes in GSM-7, or None when it needs UCS-2."""
    n = 0
    for ch in text:
        if ch in GSM7_BASIC:
            n += 1
        elif ch in GSM7_EXTENSION:
            n += 2
        else:
            return None
    return n


def sms_segments(text: str) -> int:
    """How many SMS segments ``text`` needs (GSM-7: 160/153, otherwise UCS-2: 70/67)."""
    septets = gsm7_length(text)
    if septets is not None:
        return 1 if septets <= 160 else math.ceil(septets / 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else math.ceil(units / 67)


_MAX_REPLY_SOURCE = 20
_MAX_REF = 16


def _ascii_safe(value: str, allowed: str, limit: int) -> str:
    folded = "".join(_fold_char(c) if not c.isascii() else c for c in value)
    kept = "".join(c for c in folded if c.isascii() and (c.isalnum() or c in allowed))
    kept = kept.strip()
    if len(kept) > limit:
        kept = kept[: limit - 2] + ".."
    return kept


def reply_for(
    command: Command,
    outcome: Outcome | str = "ok",
    *,
    ref: str | None = None,
    shortcode: str = "5656",
) -> str:
    """The SMS the subscriber gets back: plain ASCII Vietnamese, GSM-7 safe.

    ``outcome`` is what the centre did: ``ok`` (accepted), ``duplicate`` (already
    reported), ``already`` (DNC already in that state), ``rate_limited`` or ``error``.
    ``ref`` is the complaint reference to quote. A ``help`` command always gets the help
    text. Replies are one segment (<= 160 characters) for every source and reference.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}; expected one of {', '.join(OUTCOMES)}")
    action = command.action
    if action == "help":
        key: tuple[str, str] = ("help", "ok")
    elif (action, outcome) in REPLIES:
        key = (action, outcome)
    elif ("*", outcome) in REPLIES:
        key = ("*", outcome)
    else:
        key = (action, "ok")
    safe_ref = _ascii_safe(ref or "", "-", _MAX_REF)
    source = _ascii_safe(
        command.source or command.source_raw or "", "+._@-:/ ", _MAX_REPLY_SOURCE
    )
    reason = REASONS.get(command.reason or "requested", REASONS["requested"])[1]
    return REPLIES[key].format(
        source=source or "nguoi gui nay",
        scope=SCOPE_TEXT[command.scope or "all"],
        ref=f" Ma phan anh: {safe_ref}." if safe_ref else "",
        shortcode=_ascii_safe(shortcode, "", 8) or "5656",
        reason=reason,
    )
