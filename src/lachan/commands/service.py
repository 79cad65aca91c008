"""`lachan serve`, `lachan db upgrade`, `lachan keys create`, `lachan audit verify`, ...

Data goes to stdout, messages to stderr; errors end with a readable message and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True, soft_wrap=True)  # an error line stays one line, whatever the width

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
keys_app = typer.Typer(help="API keys.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)


#: Most days ``purge --older-than`` takes (100 years); more cannot be a date.
MAX_PURGE_DAYS = 36_525


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _database() -> Any:
    from lachan.store.session import Database

    return Database()


def _ready_database() -> Any:
    """The configured database, once it is known to be a migrated Lachan database (a
    readable error, exit 1, otherwise)."""
    from lachan.store.migrate import DatabaseNotReady, check_ready

    try:
        check_ready()
    except DatabaseNotReady as exc:
        _fail(exc.message)
    return _database()


@contextmanager
def _readable_errors(doing: str) -> Iterator[None]:
    """Turn a database or key error met while ``doing`` something into one line, exit 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from lachan.registry.privacy import SecretError
    from lachan.store.migrate import describe_error

    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except SecretError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(f"could not {doing}: {describe_error(exc)}")
    except ValueError:
        raise  # the caller's own message (a bad option value)
    except Exception as exc:  # a readable message, not a traceback
        _fail(f"could not {doing}: {exc}")


def _upgrade() -> str:
    from lachan.store.migrate import describe_error, new_database_note, upgrade
    from lachan.store.session import database_url

    url = database_url()
    try:
        new = upgrade(url)
    except Exception as exc:  # a readable message, not a traceback
        _fail(f"could not migrate the database: {describe_error(exc, url)}")
    if new:
        err.print(f"[yellow]{escape(new_database_note(url))}[/yellow]")
    return url


def _ensure_admin_key() -> str | None:
    """Create the first admin key when none exists; return it (to print once)."""
    from lachan.registry import keys

    db = _database()
    try:
        with db.transaction() as session:
            if keys.has_admin(session):
                return None
            return keys.create_key(session, "admin", "first admin key", actor="system")
    finally:
        db.dispose()


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    workers: int = typer.Option(1, min=1, max=64, help="Worker processes."),
) -> None:
    """Start the complaint-centre service (applies migrations first)."""
    import uvicorn

    from lachan.registry.privacy import Vault
    from lachan.registry.settings import CentreSettings

    try:
        Vault.from_environment()  # creates the key file (mode 0600) on the first start
        CentreSettings.load()
    except (ValueError, OSError) as exc:
        _fail(str(exc), 2)
    url = _upgrade()
    key = _ensure_admin_key()
    if key:
        err.print("[bold]First start: an admin API key was created. It is shown only once:[/bold]")
        print(key, flush=True)
    err.print(f"database: {url.split('@')[-1]}; listening on http://{host}:{port} (docs at /docs)")
    os.environ["LACHAN_WORKERS"] = str(workers)  # each worker's share of the address limit
    uvicorn.run(
        "lachan.serve.main:app",
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every migration (all branches) to the configured database."""
    url = _upgrade()
    err.print(f"database at {url.split('@')[-1]} is up to date")


@keys_app.command("create")
def keys_create(
    role: str = typer.Option(..., help="gateway, operator, advertiser, analyst or admin"),
    label: str = typer.Option("", help="A note on who holds the key."),
    expires: str | None = typer.Option(
        None, help="When the key stops working: an ISO 8601 date or time (UTC without an "
        "offset), in the future. Default: no expiry."
    ),
) -> None:
    """Print a new API key for ROLE (shown once; only its hash is kept)."""
    from lachan.registry import keys

    if role not in keys.ROLES:
        _fail(f"unknown role {role!r}; choose one of {', '.join(keys.ROLES)}", 2)
    if len(label) > keys.MAX_LABEL_CHARS:
        _fail(f"a key's label is at most {keys.MAX_LABEL_CHARS} characters; got {len(label):,}",
              2)
    expires_at = _expiry(expires) if expires is not None else None
    _upgrade()
    db = _database()
    try:
        with _readable_errors("create the key"), db.transaction() as session:
            key = keys.create_key(session, role, label, actor="cli", expires_at=expires_at)
    except ValueError as exc:
        _fail(str(exc), 2)
    finally:
        db.dispose()
    print(key)


def _expiry(text: str) -> datetime:
    """``--expires`` as aware UTC; exit 2 with the reason when it is not a date or time."""
    from lachan.ingest.times import to_utc

    try:
        return to_utc(datetime.fromisoformat(text.strip()), "--expires")
    except ValueError as exc:
        _fail(f"--expires {text[:40]!r} is not an ISO 8601 date or time "
              f"(such as 2027-06-30 or 2027-06-30T17:00:00+07:00): {exc}", 2)
        raise


@keys_app.command("revoke")
def keys_revoke(key_id: str = typer.Argument(..., help="The key's id (see `lachan keys list`).")
                ) -> None:
    """Revoke a key: it stops working within a second in every worker. The last live
    admin key cannot be revoked: create another admin key first."""
    from lachan.registry import keys

    db = _ready_database()
    try:
        with _readable_errors("revoke the key"), db.transaction() as session:
            done = keys.revoke_key(session, key_id.strip()[:32], "cli")
    except keys.LastAdminKey as exc:
        _fail(str(exc), 1)
    finally:
        db.dispose()
    if not done:
        _fail(f"no live key with id {key_id[:32]!r} (see `lachan keys list`)", 1)
    print(orjson.dumps({"revoked": key_id.strip()}).decode())


@keys_app.command("list")
def keys_list() -> None:
    """List keys (ids and roles; never the secrets) as JSON Lines."""
    from lachan.registry import keys

    db = _ready_database()
    try:
        with _readable_errors("list the keys"), db.read() as session:
            for row in keys.list_keys(session):
                sys.stdout.write(orjson.dumps(row).decode() + "\n")
    finally:
        db.dispose()


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit log's hash chain; exit 1 if it was tampered with."""
    from lachan.registry import audit

    db = _ready_database()
    try:
        with _readable_errors("read the audit log"), db.read() as session:
            result = audit.verify(session)
    finally:
        db.dispose()
    print(orjson.dumps(result.to_dict()).decode())
    if not result.ok:
        where = f" at entry {result.first_bad_id}" if result.first_bad_id is not None else ""
        _fail(f"audit log broken{where}: {result.reason}")
    err.print(f"audit log intact: {result.entries} entries")


feeds_app = typer.Typer(help="Blocklist feeds.", no_args_is_help=True)


@feeds_app.command("export")
def feeds_export(
    fmt: str = typer.Option(
        "rpz", "--format", help="rpz, dnsbl-ip, dnsbl-domain, hosts, adblock, csv or jsonl"
    ),
    output: str = typer.Option("-", "--output", "-o", help="File to write (- = stdout)."),
    origin: str = typer.Option("rpz.lachan.local", help="Zone origin (RPZ only)."),
) -> None:
    """Write the current blocklist in a DNS, filter or tabular format."""
    from lachan.registry import feeds, sources
    from lachan.registry.settings import CentreSettings
    from lachan.serve import feeds_format
    from lachan.serve.api.feeds import ZONE_KINDS, zone_entries, zone_options

    if fmt not in feeds_format.FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of {', '.join(feeds_format.FORMATS)}", 2)
    if output != "-":
        _check_output(output)
    db = _ready_database()
    try:
        with _readable_errors("export the feed"):
            sources.refresh_if_due(db, CentreSettings.load(), actor="cli")
            entries: list[Any]
            options: dict[str, Any] = {}
            if fmt in ZONE_KINDS:  # zones: entries and serial in one snapshot, as served
                snapshot = feeds.zone_snapshot(db, fmt)
                entries = zone_entries(snapshot)
                options = zone_options(snapshot.serial, fmt, origin)
            else:  # the formats that carry score, category, time
                with db.read() as session:
                    entries = list(feeds.entries(session))
            rendered = feeds_format.render(fmt, entries, **options)
    except ValueError as exc:
        _fail(str(exc), 2)
    finally:
        db.dispose()
    if output == "-":
        sys.stdout.write(rendered.text)
    else:
        _write_output(output, rendered.text)
    note = f" ({rendered.skipped_note})" if rendered.skipped_note else ""
    err.print(f"{rendered.written} entries written, {rendered.skipped_total} skipped{note}")


def _check_output(output: str) -> None:
    """Refuse (exit 2) an output path that cannot be a file to write, before any work."""
    if os.path.isdir(output):
        _fail(f"cannot write {output}: it is a directory; give a file name", 2)
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):
        _fail(f"cannot write {output}: no such directory {parent}", 2)


def _write_output(output: str, text: str) -> None:
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}", 2)


def purge(
    older_than: float = typer.Option(..., "--older-than", min=0, help="Age in days."),
) -> None:
    """Delete complaints (with evidence) older than DAYS; source counters are kept."""
    from lachan.registry import complaints

    if not math.isfinite(older_than) or not 0 <= older_than <= MAX_PURGE_DAYS:
        _fail(f"--older-than must be a number of days from 0 to {MAX_PURGE_DAYS:,} "
              f"(100 years); got {older_than}", 2)
    db = _ready_database()
    try:
        with _readable_errors("purge"), db.transaction() as session:
            n = complaints.purge(session, older_than, actor="cli")
    finally:
        db.dispose()
    print(orjson.dumps({"deleted": n, "older_than_days": older_than}).decode())


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `lachan` application."""
    app.command("serve")(serve)
    app.add_typer(db_app, name="db")
    app.add_typer(keys_app, name="keys")
    app.add_typer(audit_app, name="audit")
    app.add_typer(feeds_app, name="feeds")
    app.command("purge")(purge)
