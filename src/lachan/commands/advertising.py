"""Advertising commands: `lachan scrub`, `lachan dnc import|audit`, `lachan advertiser ...`.

Data goes to stdout (JSON Lines, or CSV for reports); progress bars and messages to
stderr. Bad input ends with a readable message and exit status 1 (2 for usage), never a
traceback, and nothing half-written is kept (each command is one transaction).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True, soft_wrap=True)  # an error line stays one line, whatever the width

dnc_app = typer.Typer(
    help="The Do-Not-Call register (bulk loads, audit trail).", no_args_is_help=True
)
adv_app = typer.Typer(
    help="Advertisers, brandnames, templates, consents, copies, reports.", no_args_is_help=True
)

#: Files at least this big get a progress bar.
PROGRESS_BYTES = 1 << 20
MAX_JSONL_LINE = 64_000


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


#: Output of the write transactions under way: shown only once they are committed.
_pending: list[list[str]] = []


@contextmanager
def _db(write: bool = True) -> Iterator[Any]:
    """A migrated database session (one transaction); readable errors. What a write
    command prints (:func:`_out`) inside it reaches stdout only after the commit, so
    a failed commit never shows rows that were not kept."""
    from sqlalchemy.exc import SQLAlchemyError

    from lachan.registry.advertising import AdvertisingError
    from lachan.registry.privacy import SecretError
    from lachan.store.migrate import describe_error, new_database_note, upgrade
    from lachan.store.session import Database, database_url

    url = database_url()
    try:
        new = upgrade(url)
    except Exception as exc:  # a readable message, not a traceback
        _fail(f"could not open the database: {describe_error(exc, url)}")
    if new:
        err.print(f"[yellow]{escape(new_database_note(url))}[/yellow]")
    db = Database(url)
    held: list[str] = []
    if write:
        _pending.append(held)
    try:
        with db.transaction() if write else db.read() as session:
            yield session
    except AdvertisingError as exc:
        _fail(exc.message)
    except SecretError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(describe_error(exc, url))
    finally:
        if write:
            _pending.pop()
        db.dispose()
    sys.stdout.write("".join(held))


def _out(obj: Any) -> None:
    line = orjson.dumps(obj, default=str).decode() + "\n"
    if _pending:
        _pending[-1].append(line)
    else:
        sys.stdout.write(line)


class _Counting:
    """A binary file wrapper reporting bytes read to a progress bar."""

    def __init__(self, fh: IO[bytes], advance: Any) -> None:
        self.fh, self.advance = fh, advance

    def read(self, n: int = -1) -> bytes:
        b = self.fh.read(n)
        self.advance(len(b))
        return b

    def read1(self, n: int = -1) -> bytes:
        b = self.fh.read1(n)  # type: ignore[attr-defined]
        self.advance(len(b))
        return b

    def readinto(self, buf: Any) -> int:
        n = self.fh.readinto(buf)  # type: ignore[attr-defined]
        self.advance(n or 0)
        return n

    def readable(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fh, name)


@contextmanager
def _open_list(path: Path, label: str) -> Iterator[IO[bytes]]:
    if not path.is_file():
        _fail(f"no such file: {path}")
    size = path.stat().st_size
    with path.open("rb") as fh:
        if size < PROGRESS_BYTES:
            yield fh
            return
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        # the bar draws on stderr and leaves stdout alone: by default Rich sends what is
        # written to sys.stdout meanwhile through its console, so the data went to the
        # terminal instead of the file stdout was redirected to
        with Progress(
            TextColumn(label),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        ) as progress:
            task = progress.add_task(label, total=size)
            yield _Counting(fh, lambda n: progress.advance(task, n))  # type: ignore[misc]


def scrub_command(
    file: Path = typer.Argument(..., help="One number per line, or a CSV file (see --column)."),
    advertiser: int = typer.Option(..., "--advertiser", help="Advertiser id."),
    channel: str = typer.Option(..., "--channel", help="sms, email or call."),
    column: str | None = typer.Option(None, "--column", help="CSV column holding the numbers."),
) -> None:
    """Scrub a list against the Do-Not-Call register and the advertiser's consents and
    refusals: one JSON line `{number, allowed, reasons}` per entry on stdout. A CSV row
    that cannot be read gets `{line, error, allowed: false, ...}` in its place, and the
    command then ends with exit status 1."""
    from lachan.registry.advertising_scrub import iter_chunks, scrub_lines

    if channel not in ("sms", "email", "call"):
        _fail("--channel must be sms, email or call", 2)
    total = allowed = 0
    bad = _BadLineLog()
    with _db(write=False) as session, _open_list(file, "scrubbing") as fh:
        chunks = bad.watch(iter_chunks(fh, column))
        for text, n, ok in scrub_lines(session, advertiser, channel, chunks):
            sys.stdout.write(text)
            total += n
            allowed += ok
    sys.stdout.flush()
    err.print(f"{total} checked, {allowed} allowed, {total - allowed} not allowed",
              highlight=False)
    if bad.count:
        bad.report()
        raise typer.Exit(1)


class _BadLineLog:
    """Counts the unreadable lines of the chunks passing through, keeping the first."""

    def __init__(self) -> None:
        self.count = 0
        self.first: list[str] = []

    def watch(self, chunks: Iterable[Sequence[str]]) -> Iterator[Sequence[str]]:
        from lachan.registry.advertising_scrub import MAX_LISTED_ERRORS, chunk_errors

        for chunk in chunks:
            errors = chunk_errors(chunk)
            self.count += len(errors)
            room = MAX_LISTED_ERRORS - len(self.first)
            self.first.extend(message for _i, message in sorted(errors.items())[:max(room, 0)])
            yield chunk

    def report(self) -> None:
        for message in self.first:
            err.print(f"[yellow]warning:[/yellow] {escape(message)}", highlight=False)
        more = self.count - len(self.first)
        tail = f" ({more} more not shown)" if more else ""
        err.print(f"[red]error:[/red] {self.count} line(s) could not be read; each has an "
                  f"error object in the output{tail}", highlight=False)


@dnc_app.command("import")
def dnc_import(
    file: Path = typer.Argument(..., help="One number per line, or a CSV file (see --column)."),
    scope: str = typer.Option("all", help="sms, call or all."),
    column: str | None = typer.Option(None, "--column", help="CSV column holding the numbers."),
) -> None:
    """Bulk-load numbers (mobile or fixed lines) onto the Do-Not-Call register, all or
    nothing: prints `{read, added, changed, unchanged, duplicates}`."""
    from lachan.registry.advertising_scrub import import_dnc_lists, iter_chunks

    if scope not in ("sms", "call", "all"):
        _fail("--scope must be sms, call or all", 2)
    with _db() as session, _open_list(file, "importing") as fh:
        stats = import_dnc_lists(session, iter_chunks(fh, column), scope, actor="cli")
    _out(stats)


@dnc_app.command("audit")
def dnc_audit(
    number: str = typer.Argument(..., help="The number, in any usual form (0912..., +84...)."),
    limit: int = typer.Option(100, min=1, max=1000, help="At most this many entries."),
    after_id: int = typer.Option(0, "--after-id", min=0, help="Only entries after this id."),
) -> None:
    """The audit log's entries of the register's changes to NUMBER, oldest first, one
    JSON object a line: `{id, at, actor, action, details}` (the number is named in
    `details` by its pseudonym, as the log holds it)."""
    from lachan.registry import dnc

    if len(number) > 32:  # as the API's routes refuse it
        _fail("number longer than 32 characters", 2)
    try:
        canonical = dnc.normalise_number(number)
    except dnc.InvalidNumber as exc:
        _fail(str(exc), 2)
    with _db(write=False) as session:
        entries = dnc.audit_entries(session, canonical, limit, after_id=after_id)
    for entry in entries:
        _out(entry)


# ----------------------------------------------------------------------- advertisers


@adv_app.command("create")
def adv_create(
    name: str, tax_code: str = typer.Option(""), contact: str = typer.Option("")
) -> None:
    """Register an advertiser; prints it with its id."""
    from lachan.registry import advertising as adv

    with _db() as session:
        a = adv.create_advertiser(session, name, tax_code, contact, actor="cli")
        _out(adv.advertiser_dict(a))


@adv_app.command("list")
def adv_list() -> None:
    from lachan.registry import advertising as adv

    with _db(write=False) as session:
        for a in adv.list_advertisers(session):
            _out(adv.advertiser_dict(a))


@adv_app.command("brandname")
def adv_brandname(
    advertiser: int,
    name: str,
    renew: bool = typer.Option(False, help="Renew for another term."),
    valid_from: str | None = typer.Option(
        None, "--valid-from",
        help="Start of validity: a Vietnam day (YYYY-MM-DD) or moment (ISO 8601; Vietnam "
        "time without an offset); default now, at most a year ahead. A date in the past "
        "records a brandname granted earlier (the audit log marks it backdated)."),
    official: bool = typer.Option(
        False, "--official",
        help="Register an organisation's official brandname, or a name that imitates or "
        "abbreviates one (VCB, VCB-CSKH), having checked that the advertiser is that "
        "organisation (the audit log records what was overridden)."),
) -> None:
    """Register (or --renew) a brandname of ADVERTISER (Article 23 rules).

    The CLI acts with the centre administrator's authority, as an admin key does through
    the API: it may set --valid-from in the past and, with --official, register an
    organisation's own brandname."""
    from lachan.registry import advertising as adv

    if renew and (valid_from is not None or official):
        _fail("--valid-from and --official are for a new registration, not --renew", 2)
    start = _valid_from(valid_from) if valid_from is not None else None
    with _db() as session:
        if renew:
            b = adv.renew_brandname(session, advertiser, name, actor="cli")
        else:
            try:
                b = adv.register_brandname(session, advertiser, name, valid_from=start,
                                           actor="cli", official_ok=official, backdate_ok=True)
            except adv.AdvertisingError as exc:
                if exc.admin_may_override:
                    _fail(f"{exc.message} (as the administrator: pass --official once you "
                          "have checked that the advertiser is that organisation)")
                raise
        _out(adv.brandname_dict(b))


def _valid_from(text: str) -> datetime:
    """``--valid-from`` as aware UTC: a Vietnam day's first moment, or an ISO 8601 moment
    (Vietnam time without an offset), from 2000 to a year ahead; exit 1 saying why."""
    from lachan.ingest.times import ImplausibleTime, in_range
    from lachan.registry.advertising import MAX_VALID_FROM_AHEAD, AdvertisingError
    from lachan.registry.advertising_reports import report_bound

    try:
        start = report_bound(text, "--valid-from")
        return in_range(start, "--valid-from", ahead=MAX_VALID_FROM_AHEAD)
    except (AdvertisingError, ImplausibleTime) as exc:
        _fail(getattr(exc, "message", None) or str(exc))
        raise  # unreachable: _fail exits


@adv_app.command("template")
def adv_template(
    advertiser: int, text: str, channel: str = typer.Option("sms", help="sms or email")
) -> None:
    """Register a template with {slots}, e.g. "[QC] Giam {pct} ... Tu choi soan TC"."""
    from lachan.registry import advertising as adv

    with _db() as session:
        _out(
            adv.template_dict(
                adv.register_template(session, advertiser, text, channel, actor="cli")
            )
        )


@adv_app.command("consent")
def adv_consent(
    advertiser: int,
    recipient: str,
    channel: str = typer.Option("all", help="sms, email, call or all"),
    method: str = typer.Option("online", help="reply, online, paper, call, text, software"),
    proof: str = typer.Option("", help="Reference to the proof of consent."),
    withdraw: bool = typer.Option(False, help="Withdraw instead of record."),
    daily_limit: int | None = typer.Option(
        None, help="Ads per 24 h the recipient agreed to (instead of the decree's cap)."
    ),
) -> None:
    """Record (or --withdraw) a recipient's consent."""
    from lachan.registry import advertising as adv

    with _db() as session:
        if withdraw:
            _out(
                {
                    "withdrawn": adv.withdraw_consent(
                        session, advertiser, recipient, channel, actor="cli"
                    )
                }
            )
        else:
            rows = adv.record_consents(
                session,
                advertiser,
                [adv.ConsentInput(recipient, channel, method, proof, None, daily_limit)],
                actor="cli",
            )
            _out(adv.consent_dicts(session, rows)[0])


@adv_app.command("refusal")
def adv_refusal(advertiser: int, recipient: str, reply: str) -> None:
    """Record a recipient's reply; prints the confirmation text to send when it refuses."""
    from lachan.registry import advertising as adv

    with _db() as session:
        _out(adv.record_refusal(session, advertiser, recipient, reply, actor="cli"))


_COPY_FIELDS = frozenset(
    {"sender", "recipient", "channel", "sent_at", "text", "subject", "duration_s"}
)
_REQUIRED_TEXT = ("sender", "recipient", "channel", "sent_at")
_OPTIONAL_TEXT = ("text", "subject")


def _text_field(d: dict[str, Any], name: str, required: bool) -> str:
    """Field ``name`` of a copy: a string (an absent optional one is empty)."""
    if name not in d:
        if required:
            raise ValueError(f"missing field {name!r}")
        return ""
    value = d[name]
    if not isinstance(value, str):
        shown = "null" if value is None else type(value).__name__
        raise ValueError(f"{name} must be a string, not {shown}")
    return value


def _duration(d: dict[str, Any]) -> int | None:
    value = d.get("duration_s")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise ValueError("duration_s must be a whole number of seconds")
    return int(value)


def _parse_copy(lineno: int, line: bytes) -> Any:
    """One JSON line as a copy; a readable error naming the line otherwise."""
    from lachan.registry.advertising_copies import CopyInput

    if len(line) > MAX_JSONL_LINE:
        _fail(f"line {lineno}: over {MAX_JSONL_LINE} bytes")
    try:
        d = orjson.loads(line)
        if not isinstance(d, dict):
            raise ValueError("not a JSON object")
        unknown = set(d) - _COPY_FIELDS
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        text = {name: _text_field(d, name, True) for name in _REQUIRED_TEXT}
        text.update({name: _text_field(d, name, False) for name in _OPTIONAL_TEXT})
        return CopyInput(
            sender=text["sender"],
            recipient=text["recipient"],
            channel=text["channel"],
            sent_at=datetime.fromisoformat(text["sent_at"]),
            text=text["text"],
            subject=text["subject"],
            duration_s=_duration(d),
        )
    except (orjson.JSONDecodeError, ValueError, TypeError, OverflowError) as exc:
        _fail(f"line {lineno}: {exc}")


def _read_copies(file: Path) -> tuple[list[Any], list[int]]:
    """The copies of a JSON Lines file and the line of each (a UTF-8 BOM is skipped)."""
    if not file.is_file():
        _fail(f"no such file: {file}")
    from lachan.commands.jsonl import numbered_lines

    items: list[Any] = []
    lines: list[int] = []
    with file.open("rb") as fh:
        for lineno, line in numbered_lines(fh, lambda _n: None, MAX_JSONL_LINE):
            if line is None:
                _fail(f"line {lineno}: over {MAX_JSONL_LINE} bytes")
            elif line.strip():
                items.append(_parse_copy(lineno, line))
                lines.append(lineno)
    return items, lines


@adv_app.command("copies")
def adv_copies(advertiser: int, file: Path) -> None:
    """Submit copies of ads sent (JSON Lines: sender, recipient, channel, sent_at, text,
    subject, duration_s); prints each copy's violations. All or nothing."""
    from lachan.registry.advertising_copies import MAX_BATCH, submit_copies

    items, lines = _read_copies(file)
    with _db() as session:
        for i in range(0, max(len(items), 1), MAX_BATCH):
            # a bad copy is named by its line in the file ("line 7: ...")
            results = submit_copies(session, advertiser, items[i : i + MAX_BATCH],
                                    actor="cli", lines=lines[i : i + MAX_BATCH])
            for res in results:
                _out(res)


@adv_app.command("report")
def adv_report(
    advertiser: int | None = typer.Option(None, help="Only this advertiser."),
    period: str = typer.Option("day", help="day or month"),
    since: str | None = typer.Option(
        None, help="First day (YYYY-MM-DD, a Vietnam day) or moment (ISO 8601; Vietnam "
        "time without an offset)."),
    until: str | None = typer.Option(
        None, help="Last day, included (YYYY-MM-DD, a Vietnam day), or moment, excluded."),
    csv: bool = typer.Option(False, "--csv", help="CSV instead of JSON Lines."),
) -> None:
    """Violations per advertiser and rule per day or month (Vietnam time)."""
    from lachan.registry.advertising import AdvertisingError
    from lachan.registry.advertising_reports import report_bounds, report_csv, violation_report

    try:
        lo, hi = report_bounds(since, until)
    except AdvertisingError as exc:
        _fail(exc.message)
    with _db(write=False) as session:
        rows = violation_report(
            session, advertiser_id=advertiser, since=lo, until=hi, period=period
        )
    if csv:
        sys.stdout.write(report_csv(rows))
    else:
        for r in rows:
            _out(r)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `lachan` application."""
    app.command("scrub")(scrub_command)
    app.add_typer(dnc_app, name="dnc")
    app.add_typer(adv_app, name="advertiser")
