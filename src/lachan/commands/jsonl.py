"""JSON Lines plumbing shared by the batch commands (``classify``, ``classify-urls``):
numbered lines with a size limit, a progress bar on stderr for files, and the
"error object per bad line, exit 1 if any failed" contract."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True, soft_wrap=True)  # an error line stays one line, whatever the width

OnBytes = Callable[[int], None]
BOM = b"\xef\xbb\xbf"
#: C0 and C1 control characters but tab, and DEL: what a terminal may act on.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x09}


#: An id that is a number must survive the round trip: integers of 64 bits at most (orjson
#: reads longer ones as floats), floats within the 53 bits a double holds exactly.
_EXACT_FLOAT = float(2**53)


def id_problem(ident: object) -> str | None:
    """Why ``ident`` cannot be an input line's ``id``, or ``None``."""
    if ident is None or isinstance(ident, str | int):
        return None
    if isinstance(ident, float):
        if ident != ident or abs(ident) >= _EXACT_FLOAT:
            return 'field "id": a number this large cannot be kept exactly; send it as a string'
        return None
    return 'field "id" must be a string or a number'


def json_problem(exc: Exception) -> str:
    """A decoding error of a JSON line, said plainly (orjson reports bytes that are not
    UTF-8 as "str is not valid UTF-8: surrogates not allowed")."""
    said = str(exc)
    if "not valid UTF-8" in said:
        return "not UTF-8 text: each line must be JSON in UTF-8"
    return f"not valid JSON: {said}"


def printable(s: str) -> str:
    """``s`` with control characters written as ``\\xNN``: text from outside (a link in a
    message, a host) printed on a terminal must not move its cursor or retitle it."""
    return s.translate(_CONTROLS)


def from_argument(s: str) -> str:
    """A command-line argument as text: bytes that were not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD, which every later step can encode."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return s


def numbered_lines(fh: IO[bytes], on_bytes: OnBytes,
                   max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)``; ``None`` for a line over ``max_bytes`` (read past, whole)."""
    n = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if n == 1 and line.startswith(BOM):  # a file saved "UTF-8 with BOM"
            on_bytes(len(BOM))
            line = line[len(BOM):]
        on_bytes(len(line))
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversized line
                more = fh.readline(max_bytes)
                on_bytes(len(more))
                if not more or more.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line


def run_over_input(file: Path | None, label: str,
                   process: Callable[[IO[bytes], OnBytes], int]) -> None:
    """Feed ``file`` (with a progress bar on stderr) or stdin to ``process``, which
    returns how many lines failed; exit 1 when any did. ``-`` is stdin too."""
    if file is not None and str(file) == "-":
        file = None
    if file is not None and not file.is_file():
        what = "a directory, not a file" if file.is_dir() else "no such file"
        err.print(f"[red]error:[/red] {escape(printable(str(file)))}: {what}")
        raise typer.Exit(2)
    if file is None:
        if sys.stdin is None:
            err.print("[red]error:[/red] no input: standard input is closed; give a FILE")
            raise typer.Exit(2)
        failed = process(sys.stdin.buffer, lambda _n: None)
    else:
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        size = file.stat().st_size
        with Progress(TextColumn(label), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                      TimeRemainingColumn(), console=err, redirect_stdout=False,
                      redirect_stderr=False) as bar:
            task = bar.add_task(label, total=size or 1)
            with file.open("rb") as fh:
                failed = process(fh, lambda n: bar.advance(task, n))
    sys.stdout.buffer.flush()
    if failed:
        err.print(f"[yellow]{failed} line(s) could not be processed (see their error objects)")
        raise typer.Exit(1)
