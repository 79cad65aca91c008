"""Combining findings and the content model's logits into a verdict.

* Learned findings are already inside the model's logits (as finding tokens); their symbol
  score is the weight the model learned for them: log-odds towards the label they lean to
  (towards scam, against ham, for findings that lean to ham; so negative means "looks
  legitimate").
* A finding's fixed ``weight`` (registry state, rare obfuscation tricks) is added to the
  logit of scam (subtracted for findings that lean to ham); the symbol score is the sum
  of the learned and the fixed part.
* The label is ``scam`` when P(scam) reaches the model's calibrated threshold, otherwise the
  likelier of ``ham`` and ``ad``. ``score`` is the probability of the chosen label.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lachan.detect.content_model import ContentModel
from lachan.detect.features import Finding, MessageFeatures
from lachan.domain import Entity, Symbol, Verdict

CONTENT_SYMBOL = "CONTENT_MODEL"


class VerdictMaker:
    def __init__(self, model: ContentModel) -> None:
        self.model = model
        self.classes = model.classes
        self._col = {c: i for i, c in enumerate(model.classes)}
        self._ham, self._ad, self._scam = (self._col[c] for c in ("ham", "ad", "scam"))
        self._learned: dict[tuple[str, str], float] = {}

    def _learned_weight(self, f: Finding) -> float:
        key = (f.name, f.leans)
        w = self._learned.get(key)
        if w is None:
            target = "scam" if f.leans == "ham" else f.leans
            w = round(self.model.meta_weight(f.name, target), 4)
            self._learned[key] = w
        return w

    def adjust(self, logits: np.ndarray, feats: list[MessageFeatures]) -> np.ndarray:
        """Add the fixed weights of findings to the logits (in place)."""
        col = self._col
        scam = col["scam"]
        for row, f in enumerate(feats):
            for fd in f.findings.values():
                if fd.weight:
                    if fd.leans == "ham":
                        logits[row, scam] -= fd.weight
                    else:
                        logits[row, col.get(fd.leans, scam)] += fd.weight
        return logits

    def make(self, probs: Sequence[float], f: MessageFeatures,
             entities: tuple[Entity, ...] = (), explain: bool = False) -> Verdict:
        """Verdict for one message from its class probabilities (in ``classes`` order)."""
        p_ham, p_ad, p_scam = probs[self._ham], probs[self._ad], probs[self._scam]
        if p_scam >= self.model.scam_threshold:
            label, score = "scam", p_scam
        elif p_ad > p_ham:
            label, score = "ad", p_ad
        else:
            label, score = "ham", p_ham
        learned = self._learned
        symbols: list[Symbol] = []
        append = symbols.append
        for fd in f.findings.values():
            if fd.learned:
                w = learned.get((fd.name, fd.leans))
                if w is None:
                    w = self._learned_weight(fd)
            else:
                w = 0.0
            if fd.weight:
                w = round(w + (-fd.weight if fd.leans == "ham" else fd.weight), 4)
            append(_new_symbol(Symbol, (fd.name, w, fd.detail)))
        if len(symbols) > 1:
            symbols.sort(key=_strength)
        detail = f"{label} {score:.2f} (ham {p_ham:.2f}, ad {p_ad:.2f}, scam {p_scam:.2f})"
        if explain:
            terms = self.model.top_terms(f, label)
            if terms:
                detail += "; words: " + ", ".join(t for t, _ in terms)
        # round(x, 4), NaN as 0.0 (the one float unequal to itself): see _r
        score = round(score, 4) if score == score else 0.0
        symbols.insert(0, _new_symbol(Symbol, (CONTENT_SYMBOL, score, detail)))
        return Verdict(
            label, score, tuple(symbols), entities,
            {"ham": round(p_ham, 4) if p_ham == p_ham else 0.0,
             "ad": round(p_ad, 4) if p_ad == p_ad else 0.0,
             "scam": round(p_scam, 4) if p_scam == p_scam else 0.0},
        )


#: ``Symbol(name, score, detail)`` built in C: the named tuple's own ``__new__`` is a
#: Python function, and the verdict builds several per message.
_new_symbol = tuple.__new__


def _strength(s: Symbol) -> float:
    return -abs(s.score)


def _r(x: float) -> float:
    return round(x, 4) if x == x else 0.0  # NaN is the one float unequal to itself
