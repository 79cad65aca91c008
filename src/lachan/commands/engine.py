"""Engine commands: ``check``, ``classify``, ``train``, ``evaluate``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape

from lachan.commands.jsonl import (
    from_argument,
    id_problem,
    json_problem,
    numbered_lines,
    printable,
    run_over_input,
)
from lachan.domain import MAX_TEXT_CHARS
from lachan.gc_pause import freeze_startup

err = Console(stderr=True, soft_wrap=True)  # an error line stays one line, whatever the width

#: Largest JSON line ``lachan classify`` accepts (bytes): a text at the engine's limit
#: of 100,000 characters fits even when a JSON writer escapes every character, as
#: Python's ``json.dumps`` does by default (``\\uXXXX``, 12 bytes for a character
#: outside the Basic Multilingual Plane), with room for the other fields.
MAX_LINE_BYTES = 12 * MAX_TEXT_CHARS + 64 * 1024
BATCH = 1024
#: Serialised verdicts remembered by ``classify`` (per verdict object; see ``body``).
BODY_CACHE_SIZE = 8192


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("classify")(classify)
    app.command("train")(train)
    app.command("evaluate")(evaluate)
    app.command("symbols")(symbols)


# -- check ------------------------------------------------------------------------------

_COLOURS = {"ham": "green", "ad": "yellow", "scam": "bold red"}


def _read_stdin_text() -> str:
    """The message from standard input (``lachan check -``), bytes that are not UTF-8 as
    U+FFFD; one character over the engine's limit is enough to refuse it."""
    data = sys.stdin.buffer.read(4 * MAX_TEXT_CHARS + 4)
    return data.decode("utf-8", "replace").removesuffix("\n")


def check(
    text: Annotated[str, typer.Argument(
        help='The message to analyse; "-" reads it from standard input. A message that '
             'starts with "-" goes after "--": lachan check -- "-50% hom nay".')],
    sender: Annotated[str | None, typer.Option(help="Sender: number or brandname.")] = None,
    channel: Annotated[str, typer.Option(help="sms, email, ott or call.")] = "sms",
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False,
) -> None:
    """Analyse one message and print the verdict with its reasons."""
    from lachan.detect.engine import default_engine

    text = _read_stdin_text() if text == "-" else from_argument(text)
    sender = from_argument(sender) if sender is not None else None
    if not text.strip():
        err.print("[red]error:[/red] the message is empty: nothing to analyse")
        raise typer.Exit(2)
    try:
        verdict = default_engine().analyse(text, sender=sender, channel=channel.lower(),
                                           explain=True)
    except (ValueError, TypeError) as exc:
        err.print(f"[red]error:[/red] {escape(printable(str(exc)))}")
        raise typer.Exit(2) from exc
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(verdict.to_dict(with_entities=True)) + b"\n")
        return
    out = Console(soft_wrap=True)
    colour = _COLOURS[verdict.label]
    out.print(f"[{colour}]{verdict.label.upper()}[/{colour}]  score {verdict.score:.2f}")
    for s in verdict.symbols:
        out.print(f"  {s.name:<28} {s.score:+7.2f}  {printable(s.detail)}",
                  markup=False, highlight=False)
    if verdict.entities:
        out.print("entities:")
        for e in verdict.entities:
            extra = ", ".join(f"{k}={v}" for k, v in e.attrs.items() if v not in (None, "", False))
            line = f"  {e.kind:<12} {e.value}" + (f"  ({extra})" if extra else "")
            out.print(printable(line), markup=False, highlight=False)


# -- symbols ----------------------------------------------------------------------------

def symbols(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per symbol.")] = False,
) -> None:
    """List every symbol a verdict can carry: name, the label it leans to, its meaning."""
    from lachan.detect.catalogue import all_symbols

    if as_json:
        sys.stdout.buffer.write(b"".join(orjson.dumps(s.to_dict()) + b"\n"
                                         for s in all_symbols()))
        return
    out = Console(soft_wrap=True)
    for s in all_symbols():
        out.print(f"{s.name:<28} {s.leans:<8} {s.source:<14} {s.meaning}",
                  markup=False, highlight=False)


# -- classify ---------------------------------------------------------------------------

def _parse(line: bytes) -> tuple[Any, dict[str, Any] | str]:
    """``(id, object)`` of a good line; ``(id, error text)`` of a refused one, the id kept
    when the line is a JSON object with a usable one so that the error can be matched to
    its input."""
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return None, json_problem(exc)
    if not isinstance(obj, dict):
        return None, "each line must be a JSON object"
    ident = obj.get("id")
    problem = id_problem(ident)
    if problem is not None:
        return None, problem
    if not isinstance(obj.get("text"), str):
        return ident, 'field "text" (a string) is required'
    for key in ("sender", "channel"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return ident, f'field "{key}" must be a string'
    return ident, obj


def classify(
    file: Annotated[Path | None, typer.Argument(
        help="JSON Lines file; stdin when absent or '-'.", dir_okay=False)] = None,
    entities: Annotated[bool, typer.Option(help="Include the entities found.")] = False,
) -> None:
    """Classify JSON Lines ({"text", "id"?, "sender"?, "channel"?}) into JSON Lines verdicts."""
    from lachan.detect.engine import default_engine

    engine = default_engine()
    freeze_startup()  # the model and lexicons stay out of the collector's walks
    out = sys.stdout.buffer
    failed = 0

    bodies: dict[int, tuple[Any, bytes]] = {}

    def body(v: Any) -> bytes:
        """A verdict's JSON after its opening brace, serialised once per verdict object:
        the engine answers a repeated text with the same object (a campaign's copies)."""
        hit = bodies.get(id(v))
        if hit is not None and hit[0] is v:  # the object is held, so its id is not reused
            return hit[1]
        if len(bodies) >= BODY_CACHE_SIZE:
            bodies.clear()
        b = orjson.dumps(v.to_dict(with_entities=entities))[1:]
        bodies[id(v)] = (v, b)
        return b

    def flush(batch: list[tuple[int, Any, Any]]) -> None:
        """``batch``: (line, id, parsed object or error text)."""
        nonlocal failed
        ok = [obj for _, _, obj in batch if not isinstance(obj, str)]
        verdicts = iter(engine.analyse_many(
            [(o["text"], o.get("sender"), (o.get("channel") or "sms").lower()) for o in ok]))
        chunks = []
        dumps = orjson.dumps
        for ln, ident, obj in batch:
            v = obj if isinstance(obj, str) else next(verdicts)
            if isinstance(v, (str, Exception)):
                failed += 1
                chunks.append(dumps({"id": ident, "line": ln, "error": str(v)}))
            else:  # {"id": ident, **v.to_dict()}, byte for byte
                chunks.append(b'{"id":' + dumps(ident) + b"," + body(v))
        if chunks:
            out.write(b"\n".join(chunks) + b"\n")
        batch.clear()

    def run(fh: IO[bytes], on_bytes: Callable[[int], None]) -> int:
        batch: list[tuple[int, Any, Any]] = []
        for ln, raw in numbered_lines(fh, on_bytes, MAX_LINE_BYTES):
            if raw is None:
                batch.append((ln, None, f"line longer than {MAX_LINE_BYTES:,} bytes"))
                continue
            if not raw.strip():
                continue
            ident, obj = _parse(raw)
            batch.append((ln, ident, obj))
            if len(batch) >= BATCH:
                flush(batch)
        flush(batch)
        return failed

    run_over_input(file, "classify", run)


# -- train / evaluate -------------------------------------------------------------------

def _progress_factory(bar: Any) -> Callable[[str, int], Callable[[int], None]]:
    def make(desc: str, total: int) -> Callable[[int], None]:
        task = bar.add_task(desc, total=total)
        return lambda n: bar.advance(task, n)
    return make


def train(
    data_dir: Annotated[Path | None, typer.Option(
        help="Folder holding sms/*.tsv (default $LACHAN_DATA or ../shared/data).")] = None,
    out_dir: Annotated[Path | None, typer.Option(
        help="Where to write content_model.npz and the model card (default: the package).",
    )] = None,
) -> None:
    """Train the content model from the SMS datasets; write weights and model card."""
    from rich.progress import Progress

    from lachan.model.datasets import DataError, DataNotFound
    from lachan.model.datasets import data_dir as find_data
    from lachan.model.train import model_card
    from lachan.model.train import train as run_training

    try:
        root = find_data(data_dir)
        with Progress(console=err) as bar:
            result = run_training(root, _progress_factory(bar))
    except (DataNotFound, DataError) as exc:
        err.print(f"[red]error:[/red] {escape(printable(str(exc)))}")
        raise typer.Exit(2) from exc
    target = out_dir or _package_data_dir()
    try:
        target.mkdir(parents=True, exist_ok=True)
        result.model.save(target / "content_model.npz")
        (target / "content_model_card.md").write_text(model_card(result), encoding="utf-8")
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write into {escape(printable(str(target)))}: "
                  f"{escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from exc
    err.print(result.figures.markdown())
    err.print(f"wrote {target / 'content_model.npz'} and the model card")
    summary = {"validation": result.figures.as_dict(),
               "by_source": {k: v.as_dict() for k, v in result.by_source.items()},
               "scam_threshold": result.model.scam_threshold, "C": result.C}
    sys.stdout.buffer.write(orjson.dumps(summary) + b"\n")


def _package_data_dir() -> Path:
    import lachan.data

    return Path(next(iter(lachan.data.__path__)))


def evaluate(
    file: Annotated[Path, typer.Argument(help="TSV with label and text columns.",
                                         exists=True, dir_okay=False)],
) -> None:
    """Print precision, recall, F1 and false-positive rates of the engine on a labelled TSV.

    Labels ham / ad / scam are taken as they are; ``not_scam`` counts as ham and ``spam``
    as spam for the spam-vs-ham figures.
    """
    from rich.progress import track

    from lachan.detect.engine import default_engine
    from lachan.model import metrics
    from lachan.model.datasets import read_labelled_tsv

    try:
        rows = read_labelled_tsv(file)
    except (ValueError, UnicodeDecodeError) as exc:
        err.print(f"[red]error:[/red] {escape(printable(str(exc)))}")
        raise typer.Exit(2) from exc
    engine = default_engine()
    y_true: list[str] = []
    y_pred: list[str] = []
    chunk: list[tuple[str, str]] = []

    def score() -> None:
        prepared = engine.prepare_many([(t[:MAX_TEXT_CHARS], None, "sms") for _, t in chunk])
        verdicts = engine.score([p for p in prepared if not isinstance(p, Exception)])
        if len(verdicts) != len(chunk):  # cannot happen: texts are strings cut to the limit
            raise RuntimeError("a message of the evaluation set was refused")
        y_true.extend("ham" if lab == "not_scam" else lab for lab, _ in chunk)
        y_pred.extend(v.label for v in verdicts)
        chunk.clear()

    for row in track(rows, description="evaluate", console=err):
        chunk.append(row)
        if len(chunk) >= BATCH:
            score()
    score()
    figures = metrics.compute(y_true, y_pred)
    err.print(figures.markdown())
    sys.stdout.buffer.write(orjson.dumps(figures.as_dict()) + b"\n")
