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

import dataclasses
from collections.abc import Callable, Sequence

import numpy as np

from lachan.detect.content_model import ContentModel
from lachan.detect.features import Finding, MessageFeatures, shared_findings
from lachan.domain import Entity, Symbol, Verdict

CONTENT_SYMBOL = "CONTENT_MODEL"


class VerdictMaker:
    def __init__(self, model: ContentModel) -> None:
        self.model = model
        self.classes = model.classes
        self._col = {c: i for i, c in enumerate(model.classes)}
        self._ham, self._ad, self._scam = (self._col[c] for c in ("ham", "ad", "scam"))
        self._learned: dict[tuple[str, str], float] = {}
        #: The symbol of each shared finding (``features.shared_findings``), by ``id``:
        #: those findings live as long as the process and are never changed, so an ``id``
        #: found here is that very finding.
        self._shared: dict[int, Symbol] = {
            id(fd): self._symbol(fd, self._learned) for fd in shared_findings()
        }

    def _learned_weight(self, f: Finding) -> float:
        key = (f.name, f.leans)
        w = self._learned.get(key)
        if w is None:
            target = "scam" if f.leans == "ham" else f.leans
            w = round(self.model.meta_weight(f.name, target), 4)
            self._learned[key] = w
        return w

    def _symbol(self, fd: Finding, learned: dict[tuple[str, str], float]) -> Symbol:
        if fd.learned:
            w = learned.get((fd.name, fd.leans))
            if w is None:
                w = self._learned_weight(fd)
        else:
            w = 0.0
        if fd.weight:
            w = round(w + (-fd.weight if fd.leans == "ham" else fd.weight), 4)
        return _new_symbol(Symbol, (fd.name, w, fd.detail))

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
        # round(x, 4), NaN as 0.0 (the one float unequal to itself): see _r
        r_ham = round(p_ham, 4) if p_ham == p_ham else 0.0
        r_ad = round(p_ad, 4) if p_ad == p_ad else 0.0
        r_scam = round(p_scam, 4) if p_scam == p_scam else 0.0
        if p_scam >= self.model.scam_threshold:
            label, score, rounded = "scam", p_scam, r_scam
        elif p_ad > p_ham:
            label, score, rounded = "ad", p_ad, r_ad
        else:
            label, score, rounded = "ham", p_ham, r_ham
        learned = self._learned
        shared = self._shared
        symbols: list[Symbol] = []
        append = symbols.append
        for fd in f.findings.values():
            sym = shared.get(id(fd))
            if sym is not None:
                append(sym)
                continue
            if fd.learned:  # as in _symbol (inline: no call per finding)
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
        # %-formatting: the same text as an f-string with .2f, a quarter cheaper
        detail = "%s %.2f (ham %.2f, ad %.2f, scam %.2f)" % (  # noqa: UP031
            label, score, p_ham, p_ad, p_scam)
        if explain:
            terms = self.model.top_terms(f, label)
            if terms:
                detail += "; words: " + ", ".join(t for t, _ in terms)
        symbols.insert(0, _new_symbol(Symbol, (CONTENT_SYMBOL, rounded, detail)))
        return _new_verdict(label, rounded, tuple(symbols), entities,
                            {"ham": r_ham, "ad": r_ad, "scam": r_scam})


#: ``Symbol(name, score, detail)`` built in C: the named tuple's own ``__new__`` is a
#: Python function, and the verdict builds several per message.
_new_symbol = tuple.__new__


#: The slots of :class:`Verdict`, set through their descriptors: the frozen dataclass's
#: ``__init__`` goes through ``object.__setattr__`` once per field, twice as slow.
_VERDICT_SLOTS = ("label", "score", "symbols", "entities", "probabilities")


def _slot_setter(name: str) -> Callable[[Verdict, object], None]:
    return Verdict.__dict__[name].__set__  # type: ignore[no-any-return]


if (tuple(f.name for f in dataclasses.fields(Verdict)) == _VERDICT_SLOTS
        and getattr(Verdict, "__slots__", None) == _VERDICT_SLOTS
        and not hasattr(Verdict, "__post_init__")):
    _set_label, _set_score, _set_symbols, _set_entities, _set_probs = map(
        _slot_setter, _VERDICT_SLOTS)

    def _new_verdict(label: str, score: float, symbols: tuple[Symbol, ...],
                     entities: tuple[Entity, ...], probabilities: dict[str, float]) -> Verdict:
        v = _new_object(Verdict)
        _set_label(v, label)
        _set_score(v, score)
        _set_symbols(v, symbols)
        _set_entities(v, entities)
        _set_probs(v, probabilities)
        return v
else:  # Verdict changed shape: its own constructor
    _new_verdict = Verdict  # type: ignore[assignment]

_new_object = object.__new__


def _strength(s: Symbol) -> float:
    return -abs(s.score)


def _r(x: float) -> float:
    return round(x, 4) if x == x else 0.0  # NaN is the one float unequal to itself
