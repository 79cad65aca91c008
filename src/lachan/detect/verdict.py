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
from lachan.detect.features import Finding, MessageFeatures, shared_findings
from lachan.domain import Entity, Label, Symbol, Verdict

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
            id(fd): self._symbol(fd) for fd in shared_findings()
        }

    def _learned_weight(self, f: Finding) -> float:
        key = (f.name, f.leans)
        w = self._learned.get(key)
        if w is None:
            target = "scam" if f.leans == "ham" else f.leans
            w = round(self.model.meta_weight(f.name, target), 4)
            self._learned[key] = w
        return w

    def _symbol(self, fd: Finding) -> Symbol:
        if fd.learned:
            w = self._learned.get((fd.name, fd.leans))
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
             entities: tuple[Entity, ...] = (), explain: bool = False,
             shown: tuple[list[float], list[str | None]] | None = None) -> Verdict:
        """Verdict for one message from its class probabilities (in ``classes`` order).

        ``shown``: the row of :func:`shown_rows` for these probabilities (a batch computes
        them at once); made here when not given."""
        p_ham, p_ad, p_scam = probs[self._ham], probs[self._ad], probs[self._scam]
        if shown is None:
            r_ham, r_ad, r_scam = _r(p_ham), _r(p_ad), _r(p_scam)
            t_ham = t_ad = t_scam = None
        else:
            r, t = shown
            r_ham, r_ad, r_scam = r[self._ham], r[self._ad], r[self._scam]
            t_ham, t_ad, t_scam = t[self._ham], t[self._ad], t[self._scam]
        # each probability as "%.2f" writes it (from shown_rows where it could tell)
        if t_ham is None:
            t_ham = "%.2f" % p_ham  # noqa: UP031
        if t_ad is None:
            t_ad = "%.2f" % p_ad  # noqa: UP031
        if t_scam is None:
            t_scam = "%.2f" % p_scam  # noqa: UP031
        label: Label
        if p_scam >= self.model.scam_threshold:
            label, rounded, text = "scam", r_scam, t_scam
        elif p_ad > p_ham:
            label, rounded, text = "ad", r_ad, t_ad
        else:
            label, rounded, text = "ham", r_ham, t_ham
        shared = self._shared
        symbols = [shared.get(id(fd)) or self._symbol(fd) for fd in f.findings.values()]
        if len(symbols) > 1:
            symbols.sort(key=_strength)
        detail = f"{label} {text} (ham {t_ham}, ad {t_ad}, scam {t_scam})"
        if explain:
            terms = self.model.top_terms(f, label)
            if terms:
                detail += "; words: " + ", ".join(t for t, _ in terms)
        symbols.insert(0, _new_symbol(Symbol, (CONTENT_SYMBOL, rounded, detail)))
        return Verdict(label, rounded, tuple(symbols), entities,
                       {"ham": r_ham, "ad": r_ad, "scam": r_scam})


#: ``"%.2f" % (k / 100)`` for k = 0..100.
_HUNDREDTHS = tuple("%d.%02d" % divmod(k, 100) for k in range(101))  # noqa: UP031


def shown_rows(probs: np.ndarray) -> list[tuple[list[float], list[str | None]]]:
    """For each row of probabilities: each one as ``round(p, 4)`` and as ``"%.2f" % p``
    writes it (``None`` where this cannot tell), computed for the whole batch at once.

    Both are correctly rounded: for ``0 < p <= 1`` they are the nearest multiple of 1e-4
    (1e-2) unless ``p`` is a tie, and ``p * 1e4`` in doubles is within 1e-12 of the exact
    product; so a product farther than 1e-4 from a tie rounds the same way as the exact
    value, and ``n / 1e4`` (a correctly rounded division) is the double ``round`` returns.
    Every other value (ties, 0, NaN, out of range) falls back to ``round(p, 4)`` (NaN as
    0.0, as in :meth:`VerdictMaker.make`) and ``None``."""
    x = np.asarray(probs, dtype=np.float64)
    with np.errstate(all="ignore"):  # NaN and infinities fall back below
        inside = (x > 0.0) & (x <= 1.0)
        y = x * 10000.0
        n = np.floor(y + 0.5)
        sure = inside & (np.abs(y - n) < 0.4999)
        y = x * 100.0
        k = np.floor(y + 0.5)
        sure_k = inside & (np.abs(y - k) < 0.4999)
    rounded = (n / 10000.0).tolist()
    if not sure.all():
        values = x.tolist()
        for i, j in zip(*np.nonzero(~sure), strict=True):
            rounded[i][j] = _r(values[i][j])
    hundredths = np.where(sure_k, k, -1).astype(np.intp).tolist()
    table = _HUNDREDTHS
    texts: list[list[str | None]] = [
        [table[h] if h >= 0 else None for h in row] for row in hundredths]
    return list(zip(rounded, texts, strict=True))


#: ``Symbol(name, score, detail)`` built in C: the named tuple's own ``__new__`` is a
#: Python function, and the verdict builds several per message.
_new_symbol = tuple.__new__


def _strength(s: Symbol) -> float:
    return -abs(s.score)


def _r(x: float) -> float:
    return round(x, 4) if x == x else 0.0  # NaN is the one float unequal to itself
