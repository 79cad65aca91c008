"""Errors of the store layer that callers catch without loading the database libraries
(the ``lachan`` command catches them around every command, most of which need no
database)."""

from __future__ import annotations


class DatabaseUrlError(ValueError):
    """``LACHAN_DATABASE_URL`` names no database this installation can open."""
