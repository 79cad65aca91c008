"""ASGI entry point for ``uvicorn lachan.serve.main:app`` (configured from the environment)."""

from __future__ import annotations

from lachan.serve.app import create_app

app = create_app()
