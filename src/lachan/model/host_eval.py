"""Evaluate the host analyser: recall, precision and false-positive rate.

Figures come from the full analyser (``lachan.detect.hosts.classify_items``: checks,
official seed, model, floors), exactly what ``lachan classify-urls`` answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lachan.detect.hosts import HostInputError, classify_items


@dataclass(frozen=True, slots=True)
class HostFigures:
    phishing: int
    legit: int
    true_positives: int
    false_positives: int
    errors: int

    @property
    def recall(self) -> float:
        return self.true_positives / self.phishing if self.phishing else 0.0

    @property
    def fpr(self) -> float:
        return self.false_positives / self.legit if self.legit else 0.0

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "phishing": self.phishing,
            "legit": self.legit,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "fpr": round(self.fpr, 4),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "errors": self.errors,
        }


def flagged(items: Sequence[str]) -> tuple[int, int, int, list[str]]:
    """``(analysed, flagged as phishing, errors, flagged items)``."""
    analysed = hits = errors = 0
    flagged_items: list[str] = []
    for item, r in zip(items, classify_items(list(items)), strict=True):
        if isinstance(r, HostInputError):
            errors += 1
            continue
        analysed += 1
        if r.label == "phishing":
            hits += 1
            flagged_items.append(item)
    return analysed, hits, errors, flagged_items


def evaluate(phishing: Sequence[str], legit: Sequence[str]) -> HostFigures:
    n_p, tp, e_p, _ = flagged(phishing)
    n_l, fp, e_l, _ = flagged(legit)
    return HostFigures(n_p, n_l, tp, fp, e_p + e_l)


def tradeoff(
    phishing: Sequence[str], legit: Sequence[str], links: Sequence[str] = (),
    cuts: Sequence[float] = (0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2),
) -> list[dict[str, float]]:
    """Recall and false-positive rates if the phishing cut-off on the calibrated score
    were ``cut`` instead of 0.5 (for operators who prefer another balance)."""

    def scores(items: Sequence[str]) -> list[float]:
        return [r.score for r in classify_items(list(items)) if not isinstance(r, HostInputError)]

    sp, sl, sk = scores(phishing), scores(legit), scores(links)
    out = []
    for cut in cuts:
        row = {
            "cut": cut,
            "recall": round(sum(x >= cut for x in sp) / max(len(sp), 1), 4),
            "fpr": round(sum(x >= cut for x in sl) / max(len(sl), 1), 4),
        }
        if sk:
            row["ham_link_fpr"] = round(sum(x >= cut for x in sk) / len(sk), 4)
        out.append(row)
    return out
