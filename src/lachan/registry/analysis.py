"""Calls into the analysis engine for complaints (batched, with the registry as context)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from lachan.domain import AnalysisContext, Message, Symbol, Verdict

log = logging.getLogger("lachan.registry")

#: Engine channel for each complaint channel (web reports are chat-like text).
ENGINE_CHANNEL = {"sms": "sms", "call": "call", "email": "email", "ott": "ott", "web": "ott"}


def analyse_messages(
    messages: Sequence[Message], context: AnalysisContext | None = None
) -> list[Verdict]:
    """Verdicts for ``messages``; an engine that is missing or fails gives a neutral
    verdict with an ``ENGINE_UNAVAILABLE`` symbol rather than losing the complaint."""
    if not messages:
        return []
    try:
        import lachan

        verdicts = lachan.analyse_batch(list(messages), context=context)
        if len(verdicts) == len(messages):
            return list(verdicts)
        log.error("engine returned %d verdicts for %d messages", len(verdicts), len(messages))
    except Exception:  # the complaint must be kept even when the engine breaks
        log.exception("analysis engine failed; complaints kept with a neutral verdict")
    fallback = Verdict("ham", 0.0, (Symbol("ENGINE_UNAVAILABLE", 0.0, "analysis failed"),))
    return [fallback for _ in messages]
