"""The ``lachan`` command. Each group of commands lives in ``lachan.commands.<area>``
and adds itself to the one Typer application through ``register(app)``."""

from __future__ import annotations

import importlib
import os
import sys

import typer

app = typer.Typer(
    name="lachan",
    help="Lachan (lá chắn): anti-spam and anti-fraud engine, complaint centre and feeds.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Command modules, in the order their commands appear in --help.
COMMAND_MODULES = (
    "lachan.commands.engine",
    "lachan.commands.urls",
    "lachan.commands.service",
    "lachan.commands.advertising",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    """Run the command; an output or input that fails (a full disk, a closed pipe or
    stream) ends it with one line on stderr and exit status 1, not a traceback."""
    from lachan.store.errors import DatabaseUrlError  # (not .session: no SQLAlchemy)

    try:
        app()
    except DatabaseUrlError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise SystemExit(2) from None
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (``| head``): nothing more to say
        raise SystemExit(1) from None
    except OSError as exc:
        _quiet_stdout()
        sys.stderr.write(f"error: {exc.strerror or exc}\n")
        raise SystemExit(1) from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what could not
    be written does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    main()
