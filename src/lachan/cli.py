"""The ``lachan`` command. Each group of commands lives in ``lachan.commands.<area>``
and adds itself to the one Typer application through ``register(app)``."""

from __future__ import annotations

import importlib

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
    app()


if __name__ == "__main__":
    main()
