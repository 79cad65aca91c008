"""Errors raised by the ingest parsers.

Every parser in :mod:`lachan.ingest` raises only :class:`IngestError` (or a subclass) for
bad outside input. Each error carries a readable ``message`` (safe to show to the sender
of the input) and a stable machine ``code`` that routes and CLI commands map to a status.
"""

from __future__ import annotations


class IngestError(ValueError):
    """Outside input that cannot be accepted. ``code`` is stable, ``message`` is readable."""

    code: str = "invalid_input"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, str]:
        """The error as a JSON-ready body: ``{"error": code, "message": message}``."""
        return {"error": self.code, "message": self.message}


class TooLarge(IngestError):
    """The input (or one part of it) is over a documented size or count limit."""

    code = "too_large"


class MalformedCommand(IngestError):
    """An SMS-gateway text that is not a command (the gateway itself is misused)."""

    code = "malformed_command"


class MalformedEmail(IngestError):
    """A forwarded e-mail that cannot be parsed safely."""

    code = "malformed_email"


class MalformedComplaint(IngestError):
    """A complaint submission (JSON) that does not validate."""

    code = "malformed_complaint"


class MalformedCsv(IngestError):
    """A number list or CSV file that cannot be read (encoding, missing column...)."""

    code = "malformed_csv"
