"""Lachan (lá chắn): anti-spam and anti-fraud engine and services for Vietnam.

Embedding the engine::

    import lachan
    verdict = lachan.analyse("Tai khoan cua ban bi khoa, dang nhap http://vcb-xacminh.top")
    verdict.label, verdict.score, [s.name for s in verdict.symbols]

    verdicts = lachan.analyse_batch([{"text": "..."}, {"text": "...", "sender": "0912345678"}])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lachan import native  # first: it picks the compiled or the pure build  # noqa: F401, I001
from lachan.domain import Entity, Message, Symbol, Verdict

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lachan.domain import AnalysisContext

__version__ = "0.1.0"
__all__ = ["Entity", "Message", "Symbol", "Verdict", "analyse", "analyse_batch", "__version__"]


def analyse(
    text: str,
    sender: str | None = None,
    channel: str = "sms",
    context: AnalysisContext | None = None,
) -> Verdict:
    """Analyse one message and return its verdict (label, score, symbols)."""
    from lachan.detect.engine import default_engine

    return default_engine().analyse(text, sender=sender, channel=channel, context=context)


def analyse_batch(
    messages: Iterable[Message | dict[str, Any] | str],
    context: AnalysisContext | None = None,
) -> list[Verdict]:
    """Analyse many messages at once (faster per message than :func:`analyse`)."""
    from lachan.detect.engine import default_engine

    return default_engine().analyse_batch(messages, context=context)
