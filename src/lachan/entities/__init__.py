"""Entity extraction (placeholder until the entities module lands)."""

from __future__ import annotations

from lachan.domain import Entity


def extract(text: str) -> list[Entity]:  # noqa: ARG001
    return []
