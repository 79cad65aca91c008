"""Text normalisation (placeholder until the text module lands)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Normalised:
    original: str
    clean: str
    folded: str
    flags: frozenset[str] = frozenset()


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower()).replace("\u0111", "d")
    return "".join(c for c in s if not unicodedata.combining(c))


def normalise(text: str) -> Normalised:
    clean = unicodedata.normalize("NFC", text)
    return Normalised(text, clean, fold(clean))
