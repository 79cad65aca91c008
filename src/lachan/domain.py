"""Plain domain objects shared by every layer (no I/O, no imports from the rest of lachan)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, Protocol

Label = Literal["ham", "ad", "scam"]
LABELS: tuple[Label, ...] = ("ham", "ad", "scam")
Channel = Literal["sms", "email", "ott", "call"]
CHANNELS: tuple[str, ...] = ("sms", "email", "ott", "call")

#: Largest message the engine analyses, in characters. Longer input is refused with
#: :class:`InputTooLarge` (a clear error) rather than analysed partially.
MAX_TEXT_CHARS = 100_000


_NO_ATTRS: Mapping[str, Any] = MappingProxyType({})


class InputTooLarge(ValueError):
    """Raised when an input is over a documented size limit."""


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    sender: str | None = None
    channel: str = "sms"
    id: str | None = None


class Symbol(NamedTuple):
    """A named finding: what a detector saw, how much it weighs, and why (readable).

    A named tuple rather than a frozen dataclass: the engine makes several per message
    and a frozen dataclass costs six times as much to build."""

    name: str
    score: float
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": round(self.score, 4), "detail": self.detail}


class Entity(NamedTuple):
    """Something found in a message: a phone number, URL, e-mail, amount, account, code...

    ``value`` is the normalised form (E.164-like ``0xxxxxxxxx`` for VN phones, lower-case
    host for domains, integer VND for money ...); ``raw`` is the text as written;
    ``attrs`` holds kind-specific details (carrier, registrable domain, bank ...).
    """

    kind: str
    value: str
    raw: str = ""
    start: int = -1
    end: int = -1
    attrs: Mapping[str, Any] = _NO_ATTRS

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "value": self.value, "raw": self.raw}
        if self.attrs:
            d.update({k: v for k, v in self.attrs.items() if k not in d})
        return d


@dataclass(frozen=True, slots=True)
class Verdict:
    label: Label
    score: float
    symbols: tuple[Symbol, ...] = ()
    entities: tuple[Entity, ...] = ()
    probabilities: Mapping[str, float] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self, *, with_entities: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "label": self.label,
            "score": round(self.score, 4),
            "symbols": [s.to_dict() for s in self.symbols],
        }
        if with_entities:
            d["entities"] = [e.to_dict() for e in self.entities]
        return d


class AnalysisContext(Protocol):
    """Read-only look-ups the analysis layer may make into the registry.

    ``analyse`` never imports the registry; the registry implements this protocol.
    Every method returns ``None`` when it knows nothing.
    """

    def source_state(self, kind: str, value: str) -> str | None:
        """State of a source in the spam-source registry (listed, blocked, official...)."""

    def official_owner(self, kind: str, value: str) -> str | None:
        """Organisation that officially owns this phone / domain / brandname / e-mail."""

    def prefetch(self, keys: set[tuple[str, str]]) -> None:
        """Told, before a batch is scored, every ``(kind, value)`` it will ask about, so
        that one query per kind can answer them all. May do nothing."""


class NullContext:
    """The context used when no registry is attached: knows nothing."""

    def source_state(self, kind: str, value: str) -> str | None:  # noqa: ARG002
        return None

    def official_owner(self, kind: str, value: str) -> str | None:  # noqa: ARG002
        return None

    def prefetch(self, keys: set[tuple[str, str]]) -> None:  # noqa: ARG002
        return None
