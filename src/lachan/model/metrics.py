"""Figures for a labelled set: per-class precision / recall / F1 / false-positive rate,
the scam false-positive rate on ham + ad, and spam-vs-ham F1 (ad or scam = spam)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lachan.domain import LABELS


@dataclass(slots=True)
class ClassFigures:
    label: str
    support: int
    precision: float
    recall: float
    f1: float
    fpr: float


@dataclass(slots=True)
class Figures:
    n: int
    classes: list[ClassFigures]
    scam_fpr_on_ham_ad: float
    spam_f1: float
    spam_precision: float
    spam_recall: float
    accuracy: float
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "classes": {c.label: {"support": c.support, "precision": round(c.precision, 4),
                                  "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                                  "fpr": round(c.fpr, 4)} for c in self.classes},
            "scam_fpr_on_ham_ad": round(self.scam_fpr_on_ham_ad, 4),
            "spam_vs_ham": {"precision": round(self.spam_precision, 4),
                            "recall": round(self.spam_recall, 4), "f1": round(self.spam_f1, 4)},
            "confusion": self.confusion,
        }

    def markdown(self) -> str:
        lines = ["| class | support | precision | recall | F1 | false-positive rate |",
                 "|---|---:|---:|---:|---:|---:|"]
        for c in self.classes:
            lines.append(f"| {c.label} | {c.support} | {c.precision:.3f} | {c.recall:.3f} | "
                         f"{c.f1:.3f} | {c.fpr:.4f} |")
        lines.append("")
        lines.append(f"- scam false-positive rate on ham + ad: **{self.scam_fpr_on_ham_ad:.4f}**")
        lines.append(f"- spam (ad or scam) vs ham: precision {self.spam_precision:.3f}, "
                     f"recall {self.spam_recall:.3f}, F1 **{self.spam_f1:.3f}**")
        lines.append(f"- accuracy {self.accuracy:.3f} on {self.n} messages")
        return "\n".join(lines)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def compute(y_true: Sequence[str], y_pred: Sequence[str]) -> Figures:
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    n = len(y_true)
    labels = [lab for lab in LABELS if lab in set(y_true) | set(y_pred)] or list(LABELS)
    confusion = {t: {p: 0 for p in labels} for t in labels}
    for t, p in zip(y_true, y_pred, strict=True):
        confusion.setdefault(t, {q: 0 for q in labels}).setdefault(p, 0)
        confusion[t][p] += 1
    classes = []
    for lab in labels:
        tp = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t == lab and p == lab)
        fp = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t != lab and p == lab)
        fn = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t == lab and p != lab)
        neg = sum(1 for t in y_true if t != lab)
        p_, r_, f_ = _prf(tp, fp, fn)
        classes.append(ClassFigures(lab, tp + fn, p_, r_, f_, fp / neg if neg else 0.0))
    not_scam = [p for t, p in zip(y_true, y_pred, strict=True) if t in ("ham", "ad")]
    scam_fpr = sum(1 for p in not_scam if p == "scam") / len(not_scam) if not_scam else 0.0
    spam_t = [t != "ham" for t in y_true]
    spam_p = [p != "ham" for p in y_pred]
    tp = sum(1 for t, p in zip(spam_t, spam_p, strict=True) if t and p)
    fp = sum(1 for t, p in zip(spam_t, spam_p, strict=True) if not t and p)
    fn = sum(1 for t, p in zip(spam_t, spam_p, strict=True) if t and not p)
    sp, sr, sf = _prf(tp, fp, fn)
    acc = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t == p) / n if n else 0.0
    return Figures(n, classes, scam_fpr, sf, sp, sr, acc, confusion)
