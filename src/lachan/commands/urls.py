"""`lachan` commands of this area (filled in by its issue)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:  # noqa: ARG001
    """Add this module's commands to the `lachan` application."""
