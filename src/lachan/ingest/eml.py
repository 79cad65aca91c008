"""Forwarded spam e-mail: find the original message and what a complaint needs from it.

:func:`parse_forwarded` accepts the raw bytes of an RFC 822 message that a citizen
forwarded to the complaint address, in one of three shapes (``mode``):

* ``attachment``: the original carried as a ``message/rfc822`` part (or an attached
  ``.eml`` file). Preferred when present: its headers are complete.
* ``inline``: the original quoted in the body under a "Forwarded message" block (Gmail,
  Outlook, Apple Mail, Thunderbird, Vietnamese labels "Từ:", "Tiêu đề:"...), or its raw
  headers pasted in the body.
* ``direct``: no forwarding found; the message itself is the spam (uploaded as is).

From the original it takes From, Reply-To, Return-Path, Subject, Date, Message-ID, the
IP of the first external ``Received`` hop (top-most ``from`` clause whose address is
public: private, loopback, link-local, shared and documentation ranges are skipped), all
URLs (``href`` and text) and the text body (HTML converted with :mod:`html.parser`).

Hostile input is refused before or while parsing, always as :class:`MalformedEmail` or
:class:`TooLarge`: total size, header block size, number of MIME containers and parts,
MIME nesting depth. Invalid encodings and unknown charsets are decoded with replacement
characters, never raised.
"""

from __future__ import annotations

import binascii
import codecs
import ipaddress
import quopri
import re
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import Literal

from lachan.domain import MAX_TEXT_CHARS
from lachan.ingest.errors import IngestError, MalformedEmail, TooLarge
from lachan.ingest.html_text import html_to_text
from lachan.ingest.times import ImplausibleTime, check_plausible

Mode = Literal["attachment", "inline", "direct"]

#: Largest raw message accepted, in bytes.
MAX_EMAIL_BYTES = 10 * 1024 * 1024
#: Largest header block of any one message or part, in bytes (characters).
MAX_HEADER_BYTES = 256 * 1024
#: Deepest MIME nesting (multipart in multipart, attached messages) accepted.
MAX_DEPTH = 10
#: Most MIME parts (leaves and containers) in one message.
MAX_PARTS = 500
#: Most ``multipart/*`` and ``message/*`` declarations before parsing starts.
MAX_CONTAINERS = 100
#: Most URLs kept, and the longest URL kept (longer ones are dropped).
MAX_URLS = 1_000
MAX_URL_CHARS = 2_048
#: Longest body text kept (characters); longer text is cut and ``text_truncated`` set.
MAX_BODY_CHARS = MAX_TEXT_CHARS
#: Longest text or HTML part read (characters); the rest is cut (``text_truncated``).
MAX_PART_CHARS = 1_000_000
#: Longest note the forwarder wrote above the forwarded block.
MAX_NOTE_CHARS = 2_000
#: Most ``Received`` headers read when looking for the first external hop.
MAX_RECEIVED = 100


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to the original message (never its content)."""

    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class ForwardedEmail:
    """What a complaint needs from a forwarded spam e-mail (the original message's data)."""

    mode: Mode
    from_addr: str | None = None
    from_name: str | None = None
    reply_to: tuple[str, ...] = ()
    return_path: str | None = None
    subject: str | None = None
    date: datetime | None = None
    date_raw: str | None = None
    #: Why a Date header that parsed was not used (out of range, before 2000, in the
    #: future): the complaint then takes the time the centre received it.
    date_note: str | None = None
    message_id: str | None = None
    received_ip: str | None = None
    urls: tuple[str, ...] = ()
    text: str = ""
    text_truncated: bool = False
    attachments: tuple[Attachment, ...] = ()
    forwarded_by: str | None = None
    forwarder_note: str = ""
    defects: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "from": self.from_addr,
            "from_name": self.from_name,
            "reply_to": list(self.reply_to),
            "return_path": self.return_path,
            "subject": self.subject,
            "date": self.date.isoformat() if self.date else None,
            "date_note": self.date_note,
            "message_id": self.message_id,
            "received_ip": self.received_ip,
            "urls": list(self.urls),
            "text": self.text,
            "text_truncated": self.text_truncated,
            "attachments": [
                {"filename": a.filename, "content_type": a.content_type, "size": a.size}
                for a in self.attachments
            ],
            "forwarded_by": self.forwarded_by,
        }


# --------------------------------------------------------------------------------------
# Size checks and parsing
# --------------------------------------------------------------------------------------

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_FIRST_LINE = re.compile(rb"(?:From [^\r\n]*\r?\n)?[!-9;-~]{1,76}:")
_BOUNDARY = re.compile(rb'(?i)boundary\s*=\s*"?([^"\s;]{1,70})')
_CONTAINER = re.compile(rb"(?i)content-type\s*:\s*(?:multipart|message)\s*/")


def _check_raw(raw: bytes, max_bytes: int, what: str) -> None:
    if len(raw) > max_bytes:
        raise TooLarge(f"{what} is {len(raw):,} bytes; the limit is {max_bytes:,} bytes")
    if not raw.strip():
        raise MalformedEmail(f"{what} is empty")
    m = _HEADER_END.search(raw, 0, MAX_HEADER_BYTES + 4)
    if m is None and len(raw) > MAX_HEADER_BYTES:
        raise TooLarge(f"{what}: header block is over {MAX_HEADER_BYTES:,} bytes")
    if not _FIRST_LINE.match(raw.lstrip(b"\r\n")):
        raise MalformedEmail(f"{what} does not start with an RFC 822 header (Name: value)")
    if raw.count(b"\n--") > MAX_PARTS + MAX_CONTAINERS:
        # Many delimiter-like lines: count real boundary delimiters before the parser
        # builds one object per part.
        boundaries = set(_BOUNDARY.findall(raw)[: MAX_CONTAINERS + 1])
        delimiters = sum(raw.count(b"\n--" + b) for b in boundaries)
        if delimiters > MAX_PARTS + MAX_CONTAINERS:
            raise TooLarge(f"{what} has more than {MAX_PARTS} MIME parts")
    containers = len(_CONTAINER.findall(raw))
    if containers > MAX_CONTAINERS:
        raise TooLarge(
            f"{what} declares {containers} MIME containers; the limit is {MAX_CONTAINERS}"
        )


def _walk(root: Message, what: str) -> Iterator[tuple[Message, int]]:
    """Every part with its depth, breadth first; enforces depth, part and header limits."""
    queue: deque[tuple[Message, int]] = deque([(root, 0)])
    seen = 0
    while queue:
        part, depth = queue.popleft()
        seen += 1
        if seen > MAX_PARTS:
            raise TooLarge(f"{what} has more than {MAX_PARTS} MIME parts")
        if depth > MAX_DEPTH:
            raise TooLarge(f"{what}: MIME nesting is deeper than {MAX_DEPTH} levels")
        header_size = sum(len(k) + len(v) + 4 for k, v in part.raw_items())
        if header_size > MAX_HEADER_BYTES:
            raise TooLarge(
                f"{what}: a part's headers are {header_size:,} bytes; "
                f"the limit is {MAX_HEADER_BYTES:,}"
            )
        yield part, depth
        payload = part.get_payload()
        if isinstance(payload, list):
            queue.extend((child, depth + 1) for child in payload if isinstance(child, Message))


def _parse_bytes(raw: bytes, what: str) -> Message:
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    for _ in _walk(msg, what):
        pass
    return msg


# --------------------------------------------------------------------------------------
# Decoding helpers
# --------------------------------------------------------------------------------------


def _decode_bytes(data: bytes, charset: str | None) -> str:
    try:
        codec = codecs.lookup(charset or "utf-8").name
    except (LookupError, ValueError):
        codec = "utf-8"
    try:
        return data.decode(codec, errors="replace")
    except Exception:  # noqa: BLE001 - non-text codecs ("base64", "rot13") named as charset
        return data.decode("utf-8", errors="replace")


def _unescape(value: str) -> str:
    """Header text parsed from bytes keeps non-ASCII as surrogate escapes: read as UTF-8."""
    try:
        return value.encode("ascii", "surrogateescape").decode("utf-8", "replace")
    except UnicodeError:
        return value.encode("utf-8", "replace").decode("utf-8", "replace")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean_header(value: str) -> str:
    value = re.sub(r"\r?\n[ \t]*", " ", value)
    try:
        chunks = decode_header(value)
    except Exception:  # noqa: BLE001 - malformed encoded words
        chunks = [(value, None)]
    out: list[str] = []
    for chunk, charset in chunks:
        out.append(_unescape(chunk) if isinstance(chunk, str) else _decode_bytes(chunk, charset))
    return _CONTROL.sub(" ", "".join(out)).strip()


def _raw_headers(msg: Message, name: str) -> list[str]:
    name = name.lower()
    return [str(v) for k, v in msg.raw_items() if k.lower() == name]


def _header(msg: Message, name: str) -> str | None:
    values = _raw_headers(msg, name)
    if not values:
        return None
    return _clean_header(values[0]) or None


def _addresses(value: str | None) -> list[tuple[str, str]]:
    if not value:
        return []
    value = re.sub(r"\[mailto:([^\]\s]+)\]", r"<\1>", value)  # Outlook "Name [mailto:a@b]"
    value = value.replace("**", "").replace("*", "")
    try:
        pairs = getaddresses([value])
    except Exception:  # noqa: BLE001
        return []
    out = []
    for name, addr in pairs:
        addr = addr.strip().strip("<>")
        if "@" not in addr or any(c.isspace() for c in addr) or len(addr) > 320:
            continue
        local, _, domain = addr.rpartition("@")
        out.append((name.strip().strip('"') or "", f"{local}@{domain.lower()}"))
    return out


_DATE_FORMATS = (
    "%a, %b %d, %Y at %I:%M %p",  # Gmail: "Mon, Nov 16, 2026 at 9:12 AM"
    "%a, %b %d, %Y, %I:%M %p",
    "%A, %B %d, %Y %I:%M %p",  # Outlook: "Monday, November 16, 2026 9:12 AM"
    "%A, %B %d, %Y %I:%M:%S %p",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
)
_VN_TZ = timezone(timedelta(hours=7))


def _checked_date(value: str | None) -> tuple[datetime | None, str | None]:
    """The Date header as a time, with the note saying why it was set aside when it is
    not plausible (:mod:`lachan.ingest.times`): a forged or broken Date must not refuse
    the complaint, so the receive time stands in for it."""
    date = _parse_date(value)
    if date is None:
        return None, None
    try:
        check_plausible(date, "the e-mail's Date header")
    except ImplausibleTime as exc:
        return None, f"{exc}; the time the centre received the complaint is used instead"
    return date, None


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    text = re.sub(r"[\u202f\u00a0\s]+", " ", value).strip()
    text = re.sub(r"^(?:Vào |lúc )", "", text)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=_VN_TZ)
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------------------
# Received hops, URLs, bodies
# --------------------------------------------------------------------------------------

_IP_CANDIDATE = re.compile(
    r"(?<![\w.:])((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}"
    r"(?:(?:\d{1,3}\.){3}\d{1,3})?)(?![\w.:])"
)


def _public_ip(text: str) -> str | None:
    for candidate in _IP_CANDIDATE.findall(text):
        try:
            ip = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if ip.is_global and not ip.is_multicast:
            return str(ip)
    return None


_BY_CLAUSE = re.compile(r"(?i)(?:^|\s)by\s")


def first_external_ip(received: list[str]) -> str | None:
    """The public IP in the ``from`` clause of the top-most ``Received`` that has one."""
    for value in received[:MAX_RECEIVED]:
        text = re.sub(r"\s+", " ", value)
        text = re.sub(r"(?i)ipv6:", " ", text)
        m = _BY_CLAUSE.search(text)
        from_clause = text[: m.start()] if m else text
        ip = _public_ip(from_clause)
        if ip is not None:
            return ip
    return None


_URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`\[\]{}()|\\^]+")
_URL_TRAIL = ".,;:!?*'\")]}>"


def _keep_url(url: str) -> str | None:
    url = url.strip().rstrip(_URL_TRAIL)
    if not url or len(url) > MAX_URL_CHARS or _CONTROL.search(url) or " " in url:
        return None
    low = url.lower()
    if not (low.startswith(("http://", "https://", "www.")) and len(url) > len("www.") + 2):
        return None
    return url


def _collect_urls(texts: list[str], hrefs: list[str]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for href in hrefs:
        url = _keep_url(href)
        if url is not None:
            found.setdefault(url)
    for text in texts:
        for m in _URL_RE.finditer(text):
            url = _keep_url(m.group(0))
            if url is not None:
                found.setdefault(url)
            if len(found) >= MAX_URLS:
                break
    return tuple(list(found)[:MAX_URLS])


def _is_attachment(part: Message) -> bool:
    disposition = (_header(part, "content-disposition") or "").lower()
    return disposition.startswith("attachment") or _filename(part) is not None


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001 - broken RFC 2231 parameters
        return None
    return _clean_header(str(name))[:255] if name else None


def _payload_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken transfer encodings
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


def _part_text(part: Message) -> str:
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001
        charset = None
    return _decode_bytes(_payload_bytes(part), charset)


@dataclass
class _Body:
    plain: list[str] = field(default_factory=list)
    html_text: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    truncated: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(t for t in (self.plain or self.html_text) if t.strip())


def _leaves(msg: Message) -> Iterator[Message]:
    """Leaf parts of one message, not descending into attached messages."""
    stack = [msg]
    while stack:
        part = stack.pop()
        payload = part.get_payload()
        if isinstance(payload, list):
            if part is not msg and part.get_content_maintype() == "message":
                yield part
                continue
            stack.extend(reversed([p for p in payload if isinstance(p, Message)]))
        else:
            yield part


def _body(msg: Message) -> _Body:
    body = _Body()
    for part in _leaves(msg):
        ctype = part.get_content_type()
        if part.get_content_maintype() == "message":
            body.attachments.append(Attachment(_filename(part), ctype, 0))
            continue
        if _is_attachment(part) and part is not msg:
            body.attachments.append(
                Attachment(_filename(part), ctype, len(_payload_bytes(part)))
            )
            continue
        if part.get_content_maintype() != "text":
            body.attachments.append(Attachment(None, ctype, len(_payload_bytes(part))))
            continue
        content = _part_text(part)
        if len(content) > MAX_PART_CHARS:
            content, body.truncated = content[:MAX_PART_CHARS], True
        if ctype == "text/html":
            text, hrefs = html_to_text(content)
            body.html_text.append(text)
            body.hrefs.extend(hrefs)
        else:
            body.plain.append(content)
    return body


# --------------------------------------------------------------------------------------
# Finding the original message
# --------------------------------------------------------------------------------------


def _attached_original(msg: Message, budget: int) -> Message | None:
    """The shallowest attached message: message/rfc822, or an ``.eml`` file."""
    for part, depth in _walk(msg, "forwarded e-mail"):
        if part is msg:
            continue
        ctype = part.get_content_type()
        payload = part.get_payload()
        if ctype in ("message/rfc822", "message/global") and isinstance(payload, list):
            inner = next((p for p in payload if isinstance(p, Message)), None)
            encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
            if inner is not None and encoding in ("base64", "quoted-printable"):
                # RFC 2046 forbids it, but mail clients do it: the parser leaves the
                # encoded text as the body of a message without headers
                data = _decoded_attachment(inner.as_bytes(), encoding)
                _check_raw(data, budget, "attached e-mail")
                return _parse_bytes(data, "attached e-mail")
            if inner is not None and (inner.keys() or inner.get_payload()):
                return inner
        filename = (_filename(part) or "").lower()
        if filename.endswith(".eml") and depth < MAX_DEPTH:
            data = _payload_bytes(part)
            if data.strip() and len(data) <= budget:
                try:
                    _check_raw(data, budget, "attached .eml file")
                except MalformedEmail:
                    continue
                return _parse_bytes(data, "attached .eml file")
    return None


def _decoded_attachment(encoded: bytes, encoding: str) -> bytes:
    """An attached message sent in base64 or quoted-printable, decoded; a broken base64
    is :class:`MalformedEmail` (the complaint would otherwise file the encoded text)."""
    if encoding == "quoted-printable":
        return quopri.decodestring(encoded)
    try:
        return binascii.a2b_base64(b"".join(encoded.split()), strict_mode=True)
    except (binascii.Error, ValueError):
        raise MalformedEmail(
            "the attached e-mail (message/rfc822) is declared base64 but is not valid base64"
        ) from None


_MARKER_WORDS = re.compile(r"forward|original|chuy[eể]n ti[eế]p|transf[eé]r", re.IGNORECASE)
#: Lines looked at for forwarding markers, candidate blocks tried, lines per quoted block.
MAX_INLINE_LINES = 20_000
MAX_INLINE_CANDIDATES = 20
MAX_QUOTED_HEADER_LINES = 60


def _is_marker(line: str) -> bool:
    """A "Forwarded message" / "Original Message" separator line (linear time)."""
    s = line.strip(" \t>")
    if len(s) > 200:
        return False
    if s.startswith("--") and s.endswith("--"):
        return _MARKER_WORDS.search(s) is not None
    if s.lower().rstrip(":").strip() == "begin forwarded message":
        return True
    return len(s) >= 10 and set(s) == {"_"}


_LABEL_LINE = re.compile(r"^[ \t>]*\**([^\W\d_][\w\- ]{0,29}?)\**[ \t]*:\**[ \t]*(.*)$")

#: Labels of quoted header lines (folded: lower-case, no diacritics) -> field.
INLINE_LABELS: dict[str, str] = {
    "from": "from", "tu": "from", "nguoi gui": "from", "de": "from", "von": "from",
    "reply-to": "reply-to", "tra loi": "reply-to", "tra loi den": "reply-to",
    "return-path": "return-path",
    "subject": "subject", "tieu de": "subject", "chu de": "subject", "objet": "subject",
    "betreff": "subject",
    "date": "date", "sent": "date", "ngay": "date", "ngay gui": "date", "da gui": "date",
    "gui": "date", "thoi gian": "date", "envoye": "date", "datum": "date",
    "to": "to", "den": "to", "gui toi": "to", "cc": "to", "a": "to", "an": "to",
    "received": "received", "message-id": "message-id", "delivered-to": "to",
}


def _fold(label: str) -> str:
    label = label.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", label)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@dataclass
class _Inline:
    headers: dict[str, list[str]]
    body: str
    note: str


def _quoted_headers(lines: list[str], start: int) -> tuple[dict[str, list[str]], int]:
    headers: dict[str, list[str]] = {}
    i = start
    while i < len(lines) and not lines[i].strip(" \t>"):
        i += 1
    last: str | None = None
    stop = min(len(lines), i + MAX_QUOTED_HEADER_LINES)
    while i < stop:
        line = lines[i]
        if not line.strip(" \t>"):
            break
        m = _LABEL_LINE.match(line) if len(line) <= 2_000 else None
        key = INLINE_LABELS.get(_fold(m.group(1))) if m else None
        if key is not None and m is not None:
            headers.setdefault(key, []).append(m.group(2).strip())
            last = key
        elif last is not None and line[:1] in (" ", "\t") and headers[last]:
            headers[last][-1] += " " + line.strip()
        elif m is not None and headers:
            last = None  # an unknown header (X-Mailer:...) inside the block
        else:
            break
        i += 1
    return headers, i


def _candidate_starts(lines: list[str]) -> Iterator[tuple[int, bool]]:
    """(line index, after a marker) where a quoted header block may start, in order."""
    yield 0, False
    found = 0
    for number, line in enumerate(lines[:MAX_INLINE_LINES]):
        if found >= MAX_INLINE_CANDIDATES:
            return
        if _is_marker(line):
            found += 1
            yield number + 1, True
            continue
        m = _LABEL_LINE.match(line) if len(line) <= 2_000 else None
        if m is not None and INLINE_LABELS.get(_fold(m.group(1))) == "from":
            found += 1
            yield number, False


def _inline_original(text: str) -> _Inline | None:
    lines = text.split("\n")
    for start, marked in _candidate_starts(lines):
        headers, end = _quoted_headers(lines, start)
        if "from" not in headers:
            continue
        if not marked and not ({"subject", "date"} & headers.keys()):
            continue
        note = "\n".join(lines[: max(start - 1, 0)]).strip()[:MAX_NOTE_CHARS] if start else ""
        body_lines = [re.sub(r"^> ?", "", line) for line in lines[end:]]
        return _Inline(headers, "\n".join(body_lines).strip(), note)
    return None


# --------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------


def _truncate(text: str) -> tuple[str, bool]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\x00", "")
    if len(text) > MAX_BODY_CHARS:
        return text[:MAX_BODY_CHARS], True
    return text, False


def _outer_sender(msg: Message) -> str | None:
    pairs = _addresses(_header(msg, "from"))
    return pairs[0][1] if pairs else None


def _from_message(
    original: Message, mode: Mode, forwarded_by: str | None, note: str = "",
    body: _Body | None = None,
) -> ForwardedEmail:
    senders = _addresses(_header(original, "from"))
    return_path = _addresses(_header(original, "return-path"))
    date_raw = _header(original, "date")
    date, date_note = _checked_date(date_raw)
    body = body if body is not None else _body(original)
    text, truncated = _truncate(body.text)
    truncated = truncated or body.truncated
    return ForwardedEmail(
        mode=mode,
        from_addr=senders[0][1] if senders else None,
        from_name=(senders[0][0] or None) if senders else None,
        reply_to=tuple(addr for _, addr in _addresses(_header(original, "reply-to"))),
        return_path=return_path[0][1] if return_path else None,
        subject=_header(original, "subject"),
        date=date,
        date_raw=date_raw,
        date_note=date_note,
        message_id=_header(original, "message-id"),
        received_ip=first_external_ip([_clean_header(v) for v in
                                       _raw_headers(original, "received")]),
        urls=_collect_urls(body.plain + body.html_text, body.hrefs),
        text=text,
        text_truncated=truncated,
        attachments=tuple(body.attachments),
        forwarded_by=forwarded_by,
        forwarder_note=note,
        defects=tuple(sorted({type(d).__name__ for d in original.defects})),
    )


def _from_inline(outer: Message, found: _Inline, outer_body: _Body) -> ForwardedEmail:
    h = found.headers
    first = {k: (v[0] if v else None) for k, v in h.items()}
    senders = _addresses(first.get("from"))
    if not senders and first.get("from"):
        bare = re.search(r"[^\s<>\"'\[\]():;,]+@[^\s<>\"'\[\]():;,]+", first["from"] or "")
        senders = [("", bare.group(0).lower())] if bare else []
    return_path = _addresses(first.get("return-path"))
    text, truncated = _truncate(found.body)
    name = senders[0][0] if senders else None
    date, date_note = _checked_date(first.get("date"))
    return ForwardedEmail(
        mode="inline",
        from_addr=senders[0][1] if senders else None,
        from_name=name or None,
        reply_to=tuple(addr for _, addr in _addresses(first.get("reply-to"))),
        return_path=return_path[0][1] if return_path else None,
        subject=first.get("subject") or None,
        date=date,
        date_raw=first.get("date"),
        date_note=date_note,
        message_id=first.get("message-id"),
        received_ip=first_external_ip(h.get("received", [])),
        urls=_collect_urls([found.body], outer_body.hrefs),
        text=text,
        text_truncated=truncated,
        attachments=tuple(outer_body.attachments),
        forwarded_by=_outer_sender(outer),
        forwarder_note=found.note,
        defects=tuple(sorted({type(d).__name__ for d in outer.defects})),
    )


def _parse(raw: bytes, max_bytes: int) -> ForwardedEmail:
    _check_raw(raw, max_bytes, "e-mail")
    outer = _parse_bytes(raw, "e-mail")
    attached = _attached_original(outer, max_bytes)
    if attached is not None:
        body = _body(outer)
        note, _ = _truncate(body.text[:MAX_NOTE_CHARS])
        return _from_message(attached, "attachment", _outer_sender(outer), note.strip())
    outer_body = _body(outer)
    for text in (outer_body.plain, outer_body.html_text):
        found = _inline_original("\n\n".join(text).replace("\r\n", "\n"))
        if found is not None:
            return _from_inline(outer, found, outer_body)
    return _from_message(outer, "direct", None, body=outer_body)


def parse_forwarded(raw: bytes, max_bytes: int = MAX_EMAIL_BYTES) -> ForwardedEmail:
    """Parse a forwarded spam e-mail (raw RFC 822 bytes) into a :class:`ForwardedEmail`.

    Raises :class:`TooLarge` over a limit (``max_bytes``, :data:`MAX_HEADER_BYTES`,
    :data:`MAX_DEPTH`, :data:`MAX_PARTS`, :data:`MAX_CONTAINERS`) and
    :class:`MalformedEmail` for anything that is not a parseable message; never any
    other exception.
    """
    if isinstance(raw, bytearray | memoryview):
        raw = bytes(raw)
    if not isinstance(raw, bytes):
        raise MalformedEmail(f"e-mail must be bytes, not {type(raw).__name__}")
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")
    try:
        return _parse(raw, max_bytes)
    except IngestError:
        raise
    except RecursionError as exc:
        raise TooLarge(f"e-mail: MIME nesting is deeper than {MAX_DEPTH} levels") from exc
    except Exception as exc:  # noqa: BLE001 - the promise: only IngestError escapes
        raise MalformedEmail(f"e-mail could not be parsed ({type(exc).__name__})") from exc
