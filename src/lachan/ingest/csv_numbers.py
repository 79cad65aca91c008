"""Stream phone numbers from an uploaded file, one line at a time.

Used by the Do-Not-Call import and the advertisers' list scrubber. Two shapes:

* a plain list, one number per line (blank lines and ``#`` comments skipped; a first
  line without any digit, such as ``phone``, is taken as a header);
* a CSV with a header row and a named column (``column=``, matched case- and
  diacritic-insensitively); without ``column`` a usual name is looked for
  (:data:`NUMBER_COLUMNS`: phone, msisdn, so_dien_thoai, "Số điện thoại", sdt...).

The delimiter (``,`` ``;`` or tab) is taken from the header line; a UTF-8 byte-order mark
is skipped. :func:`iter_numbers` yields ``(line_no, raw)`` with the cell as written
(stripped), never loading the file: memory stays bounded by :data:`MAX_LINE_BYTES`.
Numbers are not validated here (the caller normalises them and reports bad lines).
Errors are :class:`MalformedCsv` (missing column, not UTF-8) and :class:`TooLarge`
(line or row limits), each naming the line.
"""

from __future__ import annotations

import csv
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lachan.ingest.errors import MalformedCsv, TooLarge

#: Longest line read, in bytes.
MAX_LINE_BYTES = 4_096
_DELIMITERS = (",", ";", "\t")
_BOM = "\ufeff"

#: Column names recognised without ``column=`` (compared folded: lower case, no
#: diacritics, spaces and dashes as underscores).
NUMBER_COLUMNS: tuple[str, ...] = (
    "phone", "phone_number", "number", "msisdn", "mobile", "tel", "so_dien_thoai", "sdt",
    "so_dt", "dien_thoai", "so_thue_bao", "thue_bao",
)


def _fold(name: str) -> str:
    name = name.strip().strip('"').replace("đ", "d").replace("Đ", "D")
    name = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return "_".join(name.lower().replace("-", " ").split())


def _lines(stream: IO[Any], max_line_bytes: int) -> Iterator[tuple[int, str]]:
    number = 0
    while True:
        chunk = stream.readline(max_line_bytes + 1)
        if not chunk:
            return
        number += 1
        ended = chunk.endswith(b"\n" if isinstance(chunk, bytes) else "\n")
        if not ended and len(chunk) > max_line_bytes:
            raise TooLarge(f"line {number} is longer than {max_line_bytes:,} bytes")
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
        yield number, line.rstrip("\r\n")


def _delimiter(header: str) -> str | None:
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def _cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as exc:
        raise MalformedCsv(f"cannot read the CSV line: {exc}") from None


def _numbers(lines: Iterator[tuple[int, str]], column: str | None) -> Iterator[tuple[int, str]]:
    for number, line in lines:
        if line.strip():
            header_no, header = number, line
            break
    else:
        return
    delimiter = _delimiter(header)
    if delimiter is None and column is None:
        if any(c.isdigit() for c in header):
            if not header.lstrip().startswith("#"):
                yield header_no, header.strip()
        for number, line in lines:
            if line.strip() and not line.lstrip().startswith("#"):
                yield number, line.strip()
        return
    names = _cells(header, delimiter) if delimiter else [header]
    folded = [_fold(n) for n in names]
    if column is not None:
        wanted = [_fold(column)]
    else:
        wanted = list(NUMBER_COLUMNS)
    index = next((folded.index(w) for w in wanted if w in folded), None)
    if index is None:
        shown = ", ".join(n.strip() for n in names[:20])[:300]
        if column is not None:
            raise MalformedCsv(f"column {column!r} not found in the header (line {header_no}); "
                               f"columns are: {shown}")
        raise MalformedCsv(f"the file has several columns ({shown}) and none is a phone "
                           "column; name the column that holds the numbers")
    for number, line in lines:
        if not line.strip():
            continue
        cells = _cells(line, delimiter) if delimiter else [line]
        yield number, cells[index].strip() if index < len(cells) else ""


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
    header, as an editor shows them.
    """
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


def _limited(rows: Iterator[tuple[int, str]], max_rows: int | None) -> Iterator[tuple[int, str]]:
    for count, row in enumerate(rows, start=1):
        if max_rows is not None and count > max_rows:
            raise TooLarge(f"the file has more than {max_rows:,} numbers")
        yield row
