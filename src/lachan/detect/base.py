"""What a detector sees and returns.

A detector is a plain function ``detect(view: MessageView) -> list[Symbol]``: it reads one
message (its normalised text, its entities, sender, channel and a read-only registry
context) and returns named findings. ``lachan.detect.engine`` runs them all and
``lachan.detect.verdict`` combines the symbols into a label and a score.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lachan.domain import AnalysisContext, Entity, NullContext, Symbol
from lachan.text import Normalised


@dataclass(slots=True)
class MessageView:
    norm: Normalised
    entities: list[Entity]
    sender: str | None = None
    channel: str = "sms"
    context: AnalysisContext = field(default_factory=NullContext)

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]


Detector = Callable[[MessageView], list[Symbol]]
