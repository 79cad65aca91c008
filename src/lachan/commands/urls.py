"""Link and domain commands: ``check-url``, ``classify-urls``, ``evaluate-urls``, ``train-urls``."""

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

err = Console(stderr=True, soft_wrap=True)  # an error line stays one line, whatever the width

#: Largest input line ``classify-urls`` reads (bytes); longer lines get an error object.
MAX_LINE_BYTES = 16 * 1024
BATCH = 4096


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `lachan` application."""
    app.command("check-url")(check_url)
    app.command("classify-urls")(classify_urls)
    app.command("evaluate-urls")(evaluate_urls)
    app.command("train-urls")(train_urls)


# -- registry context -------------------------------------------------------------------

_REGISTRY_HELP = ("Also ask the registry (LACHAN_DATABASE_URL or the SQLite file under "
                  "LACHAN_HOME): reported and official domains.")


def _registry_context() -> Any:
    """A read-only :class:`lachan.registry.sources.RegistryContext` on the configured
    database, or exit with a clear message when there is none."""
    from sqlalchemy.exc import SQLAlchemyError

    from lachan.registry.sources import RegistryContext
    from lachan.store.migrate import DatabaseNotReady, check_ready
    from lachan.store.session import Database

    try:
        check_ready()  # (before opening it: a SQLite file that is not there is not made)
        db = Database()
    except (SQLAlchemyError, DatabaseNotReady, OSError) as exc:
        err.print(f"[red]error:[/red] registry unavailable: {exc}", highlight=False)
        raise typer.Exit(2) from None
    return RegistryContext(db.read)


# -- check-url --------------------------------------------------------------------------


def check_url(
    url: Annotated[str, typer.Argument(help="A URL or a bare host name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False,
    registry: Annotated[bool, typer.Option(help=_REGISTRY_HELP)] = False,
) -> None:
    """Analyse one link or host and print the verdict with its reasons."""
    from lachan.detect.hosts import HostInputError, analyse_host

    context = _registry_context() if registry else None
    url = from_argument(url)
    try:
        v = analyse_host(url, context)
    except HostInputError as exc:
        err.print(f"[red]error:[/red] {escape(printable(str(exc)))}", markup=True, highlight=False)
        raise typer.Exit(2) from exc
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(v.to_dict()) + b"\n")
        return
    out = Console(soft_wrap=True)
    colour = "bold red" if v.label == "phishing" else "green"
    brand = f"  imitates {v.brand}" if v.brand and v.label == "phishing" else ""
    if v.brand and v.label == "benign" and any(
        s.name in ("HOST_OFFICIAL", "HOST_REGISTRY_OFFICIAL") for s in v.symbols
    ):
        brand = f"  official domain of {v.brand}"
    out.print(f"[{colour}]{v.label.upper()}[/{colour}]  score {v.score:.2f}  "
              f"{escape(printable(v.host + brand))}")
    for s in v.symbols:
        out.print(f"  {s.name:<28} {s.score:+6.2f}  {printable(s.detail)}",
                  markup=False, highlight=False)


# -- classify-urls ----------------------------------------------------------------------


class LineError(ValueError):
    """A refused line, with the id it gave when it gave a usable one."""

    def __init__(self, reason: str, ident: Any = None) -> None:
        super().__init__(reason)
        self.ident = ident


def parse_line(raw: bytes) -> tuple[Any, str]:
    """``(id, url-or-host)`` from one input line; raises :class:`LineError` with the
    reason (and the line's id, when it is a JSON object with a usable one).

    A line is a JSON object with ``url`` or ``host`` (and optional ``id``), a JSON
    string, or - for convenience - a bare host or URL that is not JSON at all.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("line is not valid UTF-8") from None
    stripped = text.strip()
    if stripped[:1] not in ('{', '"', "["):
        if any(c.isspace() for c in stripped):
            raise ValueError("not JSON and not a single URL or host")
        return None, stripped
    try:
        obj = orjson.loads(stripped)
    except orjson.JSONDecodeError as exc:
        raise ValueError(json_problem(exc)) from None
    if isinstance(obj, str):
        return None, obj
    if not isinstance(obj, dict):
        raise ValueError('each line must be a JSON object with "url" or "host"')
    ident = obj.get("id")
    problem = id_problem(ident)
    if problem is not None:
        raise ValueError(problem)
    value = obj.get("url")
    if value is None:
        value = obj.get("host")
    if not isinstance(value, str):
        raise LineError('field "url" or "host" (a string) is required', ident)
    return ident, value


def _fast_line(raw: bytes) -> tuple[Any, str] | None:
    """:func:`parse_line` for the common line, a JSON object with a string ``url`` or
    ``host``, straight from bytes; ``None`` sends the line to :func:`parse_line` (which
    gives the same answer for every line this one accepts, and explains the others)."""
    if raw[:1] != b"{":
        return None
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if type(obj) is not dict:
        return None
    ident = obj.get("id")
    value = obj.get("url")
    if value is None:
        value = obj.get("host")
    if type(value) is not str or id_problem(ident) is not None:
        return None
    return ident, value


_SYMBOL_DICTS: dict[Any, dict[str, Any]] = {}


def _verdict_object(ident: Any, v: Any) -> dict[str, Any]:
    """``{"id": ident, **v.to_dict()}``, with the symbols' dicts shared between lines."""
    symbols = []
    for s in v.symbols:
        d = _SYMBOL_DICTS.get(s)
        if d is None:
            d = s.to_dict()
            if len(_SYMBOL_DICTS) < 100_000:
                _SYMBOL_DICTS[s] = d
        symbols.append(d)
    return {"id": ident, "host": v.host, "label": v.label, "score": round4(v.score),
            "brand": v.brand, "symbols": symbols}


def round4(x: float) -> float:
    """``round(x, 4)`` for a score, cheaper: for ``0 < x <= 1`` the ten-thousandths are
    ``x * 10000`` rounded to an integer unless that product lies within 1e-6 of a half
    (its rounding error is below 1e-12), and ``k / 10000`` is the same float Python's
    correctly rounded ``round`` gives (both the double nearest to k/10000)."""
    if 0.0 < x <= 1.0:
        y = x * 10000.0
        k = round(y)
        if abs(abs(y - k) - 0.5) >= 1e-6:
            return k / 10000
    return round(x, 4)


def classify_stream(
    fh: IO[bytes], out: IO[bytes], on_bytes: Callable[[int], None], context: Any = None
) -> int:
    """Classify JSON Lines from ``fh`` into ``out``; returns how many lines failed.
    Lines are read, classified and written a batch at a time (the progress callback too)."""
    from lachan.detect.hosts import HostInputError, classify_items
    from lachan.gc_pause import gc_paused

    failed = 0
    read = 0
    batch: list[tuple[int, Any, str | None, str | None]] = []  # line, id, item, error

    def count(n: int) -> None:
        nonlocal read
        read += n

    def flush() -> None:
        nonlocal failed, read
        items = [it for _, _, it, e in batch if e is None]
        results = iter(classify_items(items, context)) if items else iter(())
        chunks = []
        dumps = orjson.dumps
        for ln, ident, _item, error in batch:
            if error is None:
                r = next(results)
                if not isinstance(r, HostInputError):
                    chunks.append(dumps(_verdict_object(ident, r)))
                    continue
                error = str(r)
            failed += 1
            chunks.append(dumps({"id": ident, "line": ln, "error": error}))
        if chunks:
            chunks.append(b"")
            out.write(b"\n".join(chunks))
        batch.clear()
        on_bytes(read)
        read = 0

    with gc_paused():  # lines, verdicts and output objects are freed by reference counts
        _read_batches(fh, count, batch, flush)
    out.flush()
    return failed


def _read_batches(
    fh: IO[bytes], count: Callable[[int], None],
    batch: list[tuple[int, Any, str | None, str | None]], flush: Callable[[], None],
) -> None:
    """Fill ``batch`` from the lines of ``fh``, calling ``flush`` at each ``BATCH`` lines
    and at the end."""
    for ln, raw in numbered_lines(fh, count, MAX_LINE_BYTES):
        if raw is None:
            batch.append((ln, None, None, f"line longer than {MAX_LINE_BYTES:,} bytes"))
        else:
            fast = _fast_line(raw)
            if fast is not None:
                batch.append((ln, fast[0], fast[1], None))
            elif raw.strip():
                try:
                    ident, item = parse_line(raw)
                    batch.append((ln, ident, item, None))
                except ValueError as exc:
                    batch.append((ln, getattr(exc, "ident", None), None, str(exc)))
            else:
                continue
        if len(batch) >= BATCH:
            flush()
    flush()


def classify_urls(
    file: Annotated[Path | None, typer.Argument(
        help="JSON Lines file ({\"url\"|\"host\", \"id\"?}); stdin when absent or '-'.",
        dir_okay=False)] = None,
    registry: Annotated[bool, typer.Option(help=_REGISTRY_HELP)] = False,
) -> None:
    """Classify links/hosts from JSON Lines into JSON Lines verdicts
    ({id, host, label: phishing|benign, score, brand, symbols})."""
    out = sys.stdout.buffer
    context = _registry_context() if registry else None
    run_over_input(file, "classify-urls",
                   lambda fh, on_bytes: classify_stream(fh, out, on_bytes, context))


# -- evaluate-urls / train-urls -----------------------------------------------------------


def _read_list(path: Path, problems: list[str]) -> list[str]:
    """The hosts or URLs of a user's file, one a line (blank and ``#`` lines skipped);
    each line that is too long or is not a host goes into ``problems`` with its file and
    line number (and out of the figures)."""
    from lachan.detect.host_parse import HostInputError, parse_host
    from lachan.model.host_data import MAX_LINE_CHARS

    items = []
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if len(line) > MAX_LINE_CHARS:
                problems.append(f"{path.name}:{n}: line longer than {MAX_LINE_CHARS:,} characters")
                continue
            try:
                parse_host(line)
            except HostInputError as exc:
                problems.append(f"{path.name}:{n}: {exc}")
                continue
            items.append(line)
    if not items:
        problems.append(f"{path.name}: no host or URL in the file")
    return items


def _figures(phishing: list[str], legit: list[str], with_sms: bool) -> dict[str, Any]:
    from lachan.model.host_data import DataMissing, ham_sms_links
    from lachan.model.host_eval import evaluate, flagged

    figs: dict[str, Any] = {"validation": evaluate(phishing, legit).to_dict()}
    if with_sms:
        # the held-out part (never trained on), and every link, as the issue asks (the
        # training-side domains among them are benign examples of the model)
        for key, part in (("ham_sms_links", "validation"), ("ham_sms_links_all", "all")):
            try:
                links = [link for _, link in ham_sms_links(part)]
            except DataMissing as exc:
                err.print(f"[yellow]ham SMS links skipped:[/yellow] {exc}")
                break
            n, fp, errors, _ = flagged(links)
            figs[key] = {"links": n, "false_positives": fp, "errors": errors,
                         "fpr": round(fp / n, 4) if n else 0.0}
    return figs


def evaluate_urls(
    phishing: Annotated[Path | None, typer.Option(
        help="File of phishing hosts/URLs, one a line (default: validation split).",
        exists=True, dir_okay=False)] = None,
    legit: Annotated[Path | None, typer.Option(
        help="File of legitimate hosts/URLs, one a line (default: validation split).",
        exists=True, dir_okay=False)] = None,
    sms: Annotated[bool, typer.Option(help="Also report the FPR on links in ham SMS.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print figures as JSON.")] = False,
) -> None:
    """Print recall, precision and false-positive rate of the host analyser."""
    from lachan.model import host_data

    try:
        if phishing is None or legit is None:
            _, p_val = host_data.split_hosts(
                host_data.read_lines(host_data.require(host_data.PHISHING_FILE)))
            _, l_val = host_data.split_hosts(
                host_data.read_lines(host_data.require(host_data.LEGIT_FILE)))
        problems: list[str] = []
        p_items = _read_list(phishing, problems) if phishing else p_val
        l_items = _read_list(legit, problems) if legit else l_val
    except host_data.DataMissing as exc:
        err.print(f"[red]error:[/red] {escape(printable(str(exc)))}")
        raise typer.Exit(2) from exc
    if not p_items or not l_items:
        for line in problems:
            err.print(f"[red]error:[/red] {escape(printable(line))}", highlight=False)
        raise typer.Exit(2)
    figs = _figures(p_items, l_items, sms and (phishing is None or legit is None))
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(figs) + b"\n")
        _report_problems(problems)
        return
    v = figs["validation"]
    out = Console()
    out.print(f"phishing {v['phishing']}, legitimate {v['legit']}, unparsable {v['errors']}")
    out.print(f"recall {v['recall']:.4f}  precision {v['precision']:.4f}  FPR {v['fpr']:.4f}")
    for key, what in (("ham_sms_links", "held-out"), ("ham_sms_links_all", "all")):
        if key in figs:
            h = figs[key]
            out.print(f"ham SMS links ({what}): {h['links']}, flagged "
                      f"{h['false_positives']}, FPR {h['fpr']:.4f}")
    _report_problems(problems)


def _report_problems(problems: list[str], shown: int = 20) -> None:
    """The lines left out of the figures, on stderr; exit 1 when there are any."""
    if not problems:
        return
    for line in problems[:shown]:
        err.print(f"[yellow]skipped:[/yellow] {escape(printable(line))}", highlight=False)
    if len(problems) > shown:
        err.print(f"[yellow]... and {len(problems) - shown} more[/yellow]")
    err.print(f"[yellow]{len(problems)} line(s) left out of the figures[/yellow]")
    raise typer.Exit(1)


def train_urls(
    out: Annotated[Path | None, typer.Option(
        help="Where to write host_model.npz (default: inside the package).")] = None,
    card: Annotated[Path | None, typer.Option(
        help="Where to write the model card (default: docs/host-model-card.md).")] = None,
) -> None:
    """Train the host model from $LACHAN_DATA/domains; write weights and model card."""
    from lachan.detect import host_model
    from lachan.model import host_data, host_train

    try:
        with err.status("training the host model"):
            result = host_train.train()
    except (host_data.DataMissing, host_data.DataTooSmall) as exc:
        err.print(f"[red]error:[/red] {escape(printable(str(exc)))}")
        raise typer.Exit(2) from exc
    path = out or host_train.model_path()
    if path.is_dir():
        path = path / "host_model.npz"
    elif path.suffix != ".npz":  # (numpy would add it without saying)
        path = path.with_name(path.name + ".npz")
    try:
        result.model.save(path)
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write {escape(printable(str(path)))}: "
                  f"{escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from exc
    err.print(f"weights written to {path}")
    if out is None:
        host_model.bundled_model.cache_clear()
    else:
        err.print("[yellow]figures below use the bundled model, not --out[/yellow]")
    with err.status("evaluating on the validation split"):
        figs = _figures(result.val_phishing, result.val_legit, True)
        try:
            links = [link for _, link in host_data.ham_sms_links()]
        except host_data.DataMissing:
            links = []
        from lachan.model.host_eval import tradeoff

        curve = tradeoff(result.val_phishing, result.val_legit, links)
    flat: dict[str, Any] = {}
    for set_name, d in figs.items():
        for k, val in d.items():
            flat[f"{set_name}:{k}"] = val
    card_path = card or host_train.card_path()
    try:
        card_path.parent.mkdir(parents=True, exist_ok=True)
        card_path.write_text(host_train.describe(result, flat, curve), encoding="utf-8")
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write {escape(printable(str(card_path)))}: "
                  f"{escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from exc
    err.print(f"model card written to {card_path}")
    sys.stdout.buffer.write(orjson.dumps(figs) + b"\n")
