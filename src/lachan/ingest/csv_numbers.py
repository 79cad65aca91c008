"""Stream phone numbers from an uploaded file, one line at a time.

Used by the Do-Not-Call import and the advertisers' list scrubber. Two shapes:

* a plain list, one number per line (blank lines and ``#`` comments skipped; a first
  line that names a column, such as ``phone``, is taken as a header, see
  :func:`looks_like_header`);
* a CSV with a header row and a named column (``column=``, matched case- and
  diacritic-insensitively); without ``column`` a usual name is looked for
  (:data:`NUMBER_COLUMNS`: phone, msisdn, so_dien_thoai, "Số điện thoại", sdt...).

The delimiter (``,`` ``;`` or tab) is taken from the header line; a UTF-8 byte-order mark
is skipped; lines may end with CR LF, LF or a lone CR (old Mac files).
:func:`iter_numbers` yields ``(line_no, raw)`` with the cell as written
(stripped), never loading the file: memory stays bounded by :data:`MAX_LINE_BYTES`.
Numbers are not validated here (the caller normalises them and reports bad lines).
Errors are :class:`MalformedCsv` (missing column, not UTF-8, a malformed row) and
:class:`TooLarge` (line or row limits), each naming the line.

A CSV row is malformed when it has fewer or more cells than the header, or a quoted
cell that is not closed on its line (a cell may not span lines). :func:`iter_rows`
yields such a row with the reason, so that a caller can report it and go on (the list
scrubber answers every line); :func:`iter_numbers` stops at the first.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from lachan.ingest.errors import MalformedCsv, TooLarge

#: Longest line read, in bytes.
MAX_LINE_BYTES = 4_096
_DELIMITERS = (",", ";", "\t")
_BOM = "\ufeff"

#: Column names recognised without ``column=``, in order of preference (compared folded,
#: see :func:`_fold`: lower case, no diacritics, words joined by underscores). English
#: and Vietnamese, with the usual abbreviations: ``Điện thoại`` (ĐT), ``Số điện thoại``
#: (SĐT, Số ĐT), ``Di động`` (mobile), ``Điện thoại di động`` (ĐTDĐ), ``Số thuê bao``
#: (subscriber number), also written without spaces (``SoDienThoai``).
NUMBER_COLUMNS: tuple[str, ...] = (
    "phone", "phone_number", "number", "msisdn", "mobile", "tel", "so_dien_thoai", "sdt",
    "so_dt", "dien_thoai", "so_thue_bao", "thue_bao",
    "telephone", "telephone_number", "phone_no", "mobile_number", "mobile_phone",
    "mobile_no", "cell", "cellphone", "cell_phone", "cell_number", "handphone",
    "phonenumber", "mobilephone", "dt", "dtdd", "so_dtdd", "di_dong", "so_di_dong",
    "dien_thoai_di_dong", "sodienthoai", "dienthoai", "didong", "sodt", "thuebao",
    "so_may", "sdt_lien_he", "dien_thoai_lien_he", "so_lien_he",
)


class Row(NamedTuple):
    """One entry of a list: its 1-based line, the cell as written (stripped), and why the
    row cannot be read (None when it can)."""

    line: int
    raw: str
    error: str | None = None


#: A word of a column name: a run of letters and digits.
_WORD = re.compile(r"[^\W_]+")


def _fold(name: str) -> str:
    """A column name as compared: lower case, without diacritics (đ as d), its words
    (letters and digits) joined by underscores, punctuation dropped: ``Số ĐT:`` and
    ``so-dt`` are ``so_dt``, ``Tel.`` is ``tel``. A name of punctuation alone is kept
    (lower case, stripped) so that it still names its own column."""
    plain = name.strip().strip('"').replace("đ", "d").replace("Đ", "D")
    plain = "".join(
        c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c)
    ).lower()
    words = _WORD.findall(plain)
    return "_".join(words) if words else plain


#: Column names that make a first line without digits a header (as :data:`NUMBER_COLUMNS`,
#: e-mail columns and a few general names); compared as whole folded words.
HEADER_NAMES: tuple[str, ...] = (
    *NUMBER_COLUMNS, "phones", "phone_numbers", "numbers", "email", "e_mail", "emails",
    "mail", "email_address", "dia_chi_email", "thu_dien_tu", "recipient", "recipients",
    "contact", "contacts", "lien_he",
)


def looks_like_header(text: str) -> bool:
    """Whether the first line of a list names its column (``phone``, ``Số điện thoại``,
    ``SĐT``, ``Di động``, ``Telephone``, ``email``) rather than being an entry: no digit,
    no ``@``, and a known column name (:data:`HEADER_NAMES`) among its words, in any case,
    with or without diacritics or punctuation. Anything else (``abc``) is an entry,
    answered as invalid."""
    if "@" in text or any(c.isdigit() for c in text):
        return False
    words = _fold(text).split("_")
    for name in HEADER_NAMES:
        parts = name.split("_")
        if any(words[i : i + len(parts)] == parts for i in range(len(words))):
            return True
    return False


def _physical_lines(stream: IO[Any], max_line_bytes: int) -> Iterator[Any]:
    """The lines of ``stream`` (bytes or text) without their ends, which may be CR LF,
    LF or a lone CR (old Mac files); :class:`TooLarge` names a line longer than
    ``max_line_bytes``."""
    rest: Any = None
    number = 0
    while True:
        block = stream.read(1 << 16)
        if rest is None:
            if not block:
                return
            rest = block[:0]
        cr, lf = (b"\r", b"\n") if isinstance(block or rest, bytes) else ("\r", "\n")
        if not block:
            if rest:
                yield rest.removesuffix(cr)
            return
        data = rest + block
        held = cr if data.endswith(cr) else data[:0]  # a CR LF may be cut between blocks
        data = data[: len(data) - len(held)].replace(cr + lf, lf).replace(cr, lf)
        lines = data.split(lf)
        rest = lines.pop() + held
        for line in lines:
            number += 1
            if len(line) > max_line_bytes:
                raise TooLarge(f"line {number} is longer than {max_line_bytes:,} bytes")
            yield line
        if len(rest) > max_line_bytes + 1:
            raise TooLarge(f"line {number + 1} is longer than {max_line_bytes:,} bytes")


def _lines(stream: IO[Any], max_line_bytes: int) -> Iterator[tuple[int, str]]:
    number = 0
    for chunk in _physical_lines(stream, max_line_bytes):
        number += 1
        if isinstance(chunk, bytes):
            if number == 1 and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise MalformedCsv("the file is UTF-16; save it as UTF-8 (or plain text)")
            try:
                line = chunk.decode("utf-8")
            except UnicodeDecodeError:
                raise MalformedCsv(f"line {number} is not valid UTF-8") from None
        else:
            line = str(chunk)
        if number == 1:
            line = line.removeprefix(_BOM)
        yield number, line


def _delimiter(header: str) -> str | None:
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


class _BadRow(ValueError):
    """A CSV line that does not parse; the message says why."""


_CSV_ERRORS = {
    "unexpected end of data": "a quoted cell is not closed on this line",
    "expected after": "text follows the closing quote of a cell",
}


def _cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True), [])
    except csv.Error as exc:
        text = str(exc)
        reason = next((v for k, v in _CSV_ERRORS.items() if k in text), f"not a CSV row ({text})")
        raise _BadRow(reason) from None


def _numbers(lines: Iterator[tuple[int, str]], column: str | None) -> Iterator[Row]:
    for number, line in lines:
        if line.strip():
            header_no, header = number, line
            break
    else:
        return
    delimiter = _delimiter(header)
    if delimiter is None and column is None:
        if not looks_like_header(header) and not header.lstrip().startswith("#"):
            yield Row(header_no, header.strip())
        for number, line in lines:
            if line.strip() and not line.lstrip().startswith("#"):
                yield Row(number, line.strip())
        return
    try:
        names = _cells(header, delimiter) if delimiter else [header]
    except _BadRow as exc:
        raise MalformedCsv(f"line {header_no} (the header): {exc}") from None
    index = _column_index(names, column, header_no)
    for number, line in lines:
        if line.strip():
            yield _row(number, line, delimiter, len(names), index)


def _column_index(names: list[str], column: str | None, header_no: int) -> int:
    folded = [_fold(n) for n in names]
    wanted = [_fold(column)] if column is not None else list(NUMBER_COLUMNS)
    index = next((folded.index(w) for w in wanted if w in folded), None)
    if index is not None:
        return index
    shown = ", ".join(n.strip() for n in names[:20])[:300]
    if column is not None:
        raise MalformedCsv(f"column {column!r} not found in the header (line {header_no}); "
                           f"columns are: {shown}")
    raise MalformedCsv(f"the file has several columns ({shown}) and none is a phone "
                       "column; name the column that holds the numbers")


def _row(number: int, line: str, delimiter: str | None, width: int, index: int) -> Row:
    """One data line as a :class:`Row`, with the reason when it is malformed."""
    if delimiter is None:
        return Row(number, line.strip())
    try:
        cells = _cells(line, delimiter)
    except _BadRow as exc:
        return Row(number, "", f"line {number}: {exc}")
    if len(cells) != width:
        fewer = "only " if len(cells) < width else ""
        return Row(number, "", f"line {number}: {fewer}{len(cells)} cell(s) where the header "
                               f"has {width}")
    return Row(number, cells[index].strip())


def iter_rows(
    source: str | os.PathLike[str] | IO[Any],
    *,
    column: str | None = None,
    max_line_bytes: int = MAX_LINE_BYTES,
    max_rows: int | None = None,
) -> Iterator[Row]:
    """Every entry of a file path or an open binary stream as a :class:`Row`, malformed
    CSV rows included (with ``error`` set, ``raw`` empty). Arguments as for
    :func:`iter_numbers`; a file that cannot be read at all raises as there."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            stream: IO[Any] = path.open("rb")
        except OSError as exc:
            raise MalformedCsv(f"cannot open {path.name}: {exc.strerror or exc}") from None
        with stream:
            yield from _limited(_numbers(_lines(stream, max_line_bytes), column), max_rows)
        return
    yield from _limited(_numbers(_lines(source, max_line_bytes), column), max_rows)


def iter_numbers(
    source: str | os.PathLike[str] | IO[Any],
    *,
    column: str | None = None,
    max_line_bytes: int = MAX_LINE_BYTES,
    max_rows: int | None = None,
) -> Iterator[tuple[int, str]]:
    """Yield ``(line_no, raw)`` for each number in a file path or an open binary stream.

    ``column`` names the CSV column holding the numbers; ``max_rows`` bounds the rows
    yielded (:class:`TooLarge` beyond it). Line numbers count from 1 and include the
    header, as an editor shows them. A malformed CSV row raises :class:`MalformedCsv`
    naming its line (:func:`iter_rows` reports it and goes on).
    """
    for row in iter_rows(source, column=column, max_line_bytes=max_line_bytes,
                         max_rows=max_rows):
        if row.error is not None:
            raise MalformedCsv(row.error)
        yield row.line, row.raw


def _limited(rows: Iterator[Row], max_rows: int | None) -> Iterator[Row]:
    for count, row in enumerate(rows, start=1):
        if max_rows is not None and count > max_rows:
            raise TooLarge(f"the file has more than {max_rows:,} numbers")
        yield row
