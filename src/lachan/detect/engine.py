"""The analysis engine: normalise → entities → detectors → content model → verdict.

``Engine.analyse_batch`` does the per-message Python work in one pass per message and
scores the whole batch with one sparse matrix product; ``Engine.analyse`` is a batch of
one. ``default_engine()`` loads the bundled model once per process.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from lachan import entities as entity_extractor
from lachan import text as text_normaliser
from lachan.detect.base import Detector, MessageView
from lachan.detect.content_model import ContentModel, softmax
from lachan.detect.features import (
    Finding,
    MessageFeatures,
    combination_findings,
    contact_findings,
    content_features,
    entity_findings,
    evidence_pairs,
    host_findings,
    length_token,
    link_hosts,
    phrase_findings,
    shape_findings,
    text_findings,
    warm_hosts,
    without_link_paths,
)
from lachan.detect.illicit import illicit_findings
from lachan.detect.offers import offer_findings, prize_terms_findings
from lachan.detect.personal_frauds import personal_fraud_findings
from lachan.detect.pretexts import pretext_findings
from lachan.detect.requests import (
    official_channel_findings,
    own_site_findings,
    refund_settled_findings,
    request_findings,
)
from lachan.detect.schemes import scheme_findings
from lachan.detect.services import service_findings
from lachan.detect.tactics import tactic_findings
from lachan.detect.verdict import VerdictMaker, shown_rows
from lachan.domain import (
    CHANNELS,
    MAX_TEXT_CHARS,
    AnalysisContext,
    Entity,
    InputTooLarge,
    Message,
    NullContext,
    Symbol,
    Verdict,
)
from lachan.entities.domain import registrable_domain
from lachan.gc_pause import gc_paused
from lachan.text import Normalised

MAX_SENDER_CHARS = 64

#: Detectors from other modules, ``"module:function"``; each is
#: ``detect(view) -> list[Symbol]``. Their symbols become learned findings leaning to scam
#: (the model weighs them; the detector's own score is not used).
#: Each comes with the entity kinds it needs ("sender" for a known sender): a message
#: with none of them skips the detector.
PLUGIN_DETECTORS: tuple[tuple[str, frozenset[str]], ...] = (
    ("lachan.detect.brand_link:detect", frozenset({"url", "phone", "sender"})),
)

_NO_CONTEXT = NullContext()
_entity_kind = attrgetter("kind")

#: Verdicts remembered across calls (no registry context only), by (text, sender, channel).
VERDICT_CACHE_SIZE = 8192

#: Fixed weights (log-odds towards scam) for what the registry knows about a source.
REGISTRY_WEIGHTS = {"blocked": 4.0, "listed": 3.0, "suspected": 1.0, "official": -3.0}


@dataclass(slots=True)
class Prepared:
    features: MessageFeatures
    view: MessageView


def _validate(text: Any, sender: Any, channel: Any) -> None:
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLarge(
            f"text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    if sender is not None and (not isinstance(sender, str) or len(sender) > MAX_SENDER_CHARS):
        raise ValueError(f"sender must be a string of at most {MAX_SENDER_CHARS} characters")
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {', '.join(CHANNELS)}")


def _load_plugins(
    names: Sequence[tuple[str, frozenset[str]]],
) -> list[tuple[Detector, frozenset[str]]]:
    found: list[tuple[Detector, frozenset[str]]] = []
    for spec, needs in names:
        module, _, func = spec.partition(":")
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                continue  # that detector is not part of this installation
            raise
        found.append((getattr(mod, func), needs))
    return found


class Engine:
    def __init__(self, model: ContentModel, detectors: Sequence[Detector] | None = None) -> None:
        """``detectors``: extra message detectors, run on every message; ``None`` loads
        :data:`PLUGIN_DETECTORS`."""
        self.model = model
        self.verdicts = VerdictMaker(model)
        self._verdicts: dict[tuple[Any, Any, Any], Verdict] = {}
        self.detectors: list[tuple[Detector, frozenset[str]]] = (
            _load_plugins(PLUGIN_DETECTORS) if detectors is None
            else [(d, frozenset()) for d in detectors]
        )

    # -- per message -----------------------------------------------------------------
    def _read(self, text: str, sender: str | None, channel: str) -> tuple[Normalised, list[Entity]]:
        _validate(text, sender, channel)
        norm = text_normaliser.normalise(text)
        return norm, entity_extractor.extract(norm.clean)

    def _finish(self, norm: Normalised, ents: list[Entity], sender: str | None, channel: str,
                context: AnalysisContext | None) -> Prepared:
        tokens, bigrams, content = content_features(norm.folded, norm.clean)
        feats = MessageFeatures(content, form=[length_token(len(norm.clean))], text=norm.folded)
        phrase_findings(tokens, bigrams, feats)
        entity_findings(ents, feats)
        host_findings(ents, feats)
        text_findings(norm.folded, norm.flags, feats)
        request_findings(norm.folded, tokens, bigrams, feats)  # after the phrases
        illicit_findings(norm.folded, tokens, bigrams, feats)
        offer_findings(norm.folded, tokens, feats)
        scheme_findings(norm.folded, tokens, bigrams, feats)  # after the entity findings
        pretext_findings(norm.folded, tokens, bigrams, feats)
        tactic_findings(norm.folded, tokens, bigrams, feats)
        personal_fraud_findings(norm.folded, tokens, bigrams, feats)
        prize_terms_findings(norm.folded, feats, ents)  # after every fixed-prior scam finding
        official_channel_findings(norm.folded, feats)  # likewise
        service_findings(norm.folded, tokens, bigrams, feats)  # after the offers and the schemes
        shape_findings(without_link_paths(norm.clean, ents), feats)
        contact_findings(norm.clean, ents, feats)
        view = MessageView(norm, ents, sender, channel, context or _NO_CONTEXT)
        if context is not None and not isinstance(context, NullContext):
            _registry_findings(view, feats)
        for detect, needs in self.detectors:
            # skip a detector when the message has none of the entity kinds it needs
            if (needs and not (sender and "sender" in needs)
                    and needs.isdisjoint(map(_entity_kind, ents))):
                continue
            for sym in detect(view):
                feats.add(Finding(sym.name, "scam", sym.detail))
        combination_findings(feats)  # last: pairs may include the detectors' findings
        own_site_findings(norm.folded, ents, feats)  # after every finding leaning to scam
        refund_settled_findings(norm.folded, feats)  # likewise
        evidence_pairs(feats)
        return Prepared(feats, view)

    def prepare(self, text: str, sender: str | None = None, channel: str = "sms",
                context: AnalysisContext | None = None) -> Prepared:
        """Everything but the model for one message; raises ``ValueError``/``TypeError``
        (``InputTooLarge`` included) for input it refuses."""
        norm, ents = self._read(text, sender, channel)
        return self._finish(norm, ents, sender, channel, context)

    def prepare_many(
        self, items: Sequence[tuple[Any, Any, Any]], context: AnalysisContext | None = None,
    ) -> list[Prepared | Exception]:
        """:meth:`prepare` for ``(text, sender, channel)`` items; a refused item gets its
        exception in its place. The links of the whole batch go through the host analyser
        in one vectorised call."""
        read: list[tuple[Normalised, list[Entity]] | Exception] = []
        for text, sender, channel in items:
            try:
                read.append(self._read(text, sender, channel))
            except (ValueError, TypeError) as exc:
                read.append(exc)
        warm_hosts([h for r in read if not isinstance(r, Exception) for h in link_hosts(r[1])])
        if context is not None and not isinstance(context, NullContext):
            prefetch = getattr(context, "prefetch", None)
            if prefetch is not None:
                prefetch({(kind, value)
                          for r, (_, sender, _c) in zip(read, items, strict=True)
                          if not isinstance(r, Exception)
                          for _, kind, value in registry_lookups(sender, r[1])})
        return [
            r if isinstance(r, Exception) else self._finish(r[0], r[1], sender, channel, context)
            for r, (_, sender, channel) in zip(read, items, strict=True)
        ]

    # -- public ----------------------------------------------------------------------
    def analyse(self, text: str, sender: str | None = None, channel: str = "sms",
                context: AnalysisContext | None = None, explain: bool = False) -> Verdict:
        return self.score([self.prepare(text, sender, channel, context)], explain)[0]

    def analyse_batch(
        self, messages: Iterable[Message | Mapping[str, Any] | str],
        context: AnalysisContext | None = None,
    ) -> list[Verdict]:
        items: list[tuple[Any, Any, Any]] = []
        for m in messages:
            if isinstance(m, str):
                items.append((m, None, "sms"))
            elif isinstance(m, Message):
                items.append((m.text, m.sender, m.channel))
            else:
                items.append((m.get("text"), m.get("sender"), m.get("channel") or "sms"))
        out = self.analyse_many(items, context)
        for v in out:
            if isinstance(v, Exception):
                raise v
        return out  # type: ignore[return-value]

    def analyse_many(
        self, items: Sequence[tuple[Any, Any, Any]], context: AnalysisContext | None = None,
    ) -> list[Verdict | Exception]:
        """Verdicts for ``(text, sender, channel)`` items; a refused item gets its exception
        in its place. Identical items are analysed once: a campaign sends one text to many
        recipients. Without a registry context (whose answers change) verdicts are also
        remembered across calls in a bounded cache (:data:`VERDICT_CACHE_SIZE`)."""
        cacheable = context is None or isinstance(context, NullContext)
        cache = self._verdicts
        out: list[Verdict | Exception | None] = [None] * len(items)
        todo: dict[Any, list[int]] = {}
        for i, item in enumerate(items):
            try:
                hit = cache.get(item) if cacheable else None
                positions = todo.get(item)
            except TypeError:  # an unhashable field: refused below
                todo[(i, id(item))] = [i]
                continue
            if hit is not None:
                out[i] = hit
            elif positions is not None:
                positions.append(i)
            else:
                todo[item] = [i]
        if todo:
            firsts = [items[pos[0]] for pos in todo.values()]
            with gc_paused():
                prepared = self.prepare_many(firsts, context)
                good = [p for p in prepared if not isinstance(p, Exception)]
                scored = iter(self.score(good)) if good else iter(())
            if cacheable and len(cache) + len(todo) > VERDICT_CACHE_SIZE:
                cache.clear()  # cheaper than LRU book-keeping; campaigns refill it at once
            for (key, positions), p in zip(todo.items(), prepared, strict=True):
                v: Verdict | Exception = p if isinstance(p, Exception) else next(scored)
                if cacheable and not isinstance(v, Exception):
                    cache[key] = v  # (an unhashable item is always refused: never here)
                for i in positions:
                    out[i] = v
        return out  # type: ignore[return-value]

    def score(self, prepared: list[Prepared], explain: bool = False) -> list[Verdict]:
        if not prepared:
            return []
        feats = [p.features for p in prepared]
        logits = self.verdicts.adjust(self.model.logits(feats), feats)
        probs_array = softmax(logits)
        probs = probs_array.tolist()
        out: list[Verdict] = []
        append = out.append
        make = self.verdicts.make
        for p, row, shown in zip(prepared, probs, shown_rows(probs_array), strict=True):
            view = p.view
            v = make(row, p.features, tuple(view.entities), explain, shown)
            append(_decree_symbols(v, view))
        return out


def registry_lookups(sender: str | None,
                     entities: list[Entity]) -> list[tuple[str, str, str]]:
    """``(role, kind, value)`` of everything in a message the registry is asked about."""
    looked: list[tuple[str, str, str]] = []
    if sender:
        looked.append(("sender", "phone" if sender.strip("+").isdigit() else "brandname",
                       sender.strip()))
    for e in entities:
        if e.kind == "phone":
            looked.append(("number", "phone", e.value))
        elif e.kind == "url":
            looked.append(("link", "domain", str(e.attrs.get("registrable_domain") or e.value)))
            target = e.attrs.get("redirect_host")
            if target:  # a redirect or search link: where it leads is asked about too
                looked.append(("link", "domain", str(registrable_domain(target) or target)))
        elif e.kind == "email":
            looked.append(("address", "email", e.value))
    return looked


def _registry_findings(view: MessageView, feats: MessageFeatures) -> None:
    ctx = view.context
    for role, kind, value in registry_lookups(view.sender, view.entities):
        state = ctx.source_state(kind, value)
        owner = ctx.official_owner(kind, value)
        if owner and role == "sender":
            feats.add(Finding("SENDER_OFFICIAL", "ham", f"sender is an official channel of {owner}",
                              learned=False, weight=-REGISTRY_WEIGHTS["official"]))
        elif state in ("blocked", "listed", "suspected"):
            feats.add(Finding(f"SOURCE_{state.upper()}", "scam",
                              f"{role} {value} is {state} in the spam-source registry",
                              learned=False, weight=REGISTRY_WEIGHTS[state]))


def _decree_symbols(v: Verdict, view: MessageView) -> Verdict:
    """Decree 91 findings that don't change the label but matter to the authority."""
    if v.label != "ad" or not view.sender:
        return v
    from lachan.entities.phone import parse_phone  # local: optional until entities land

    num = parse_phone(view.sender)
    if num is not None and getattr(num, "type", "") == "mobile":
        sym = Symbol("PERSONAL_NUMBER_AD", 0.0,
                     f"advertising sent from an ordinary phone number {num.national}: "
                     "Decree 91 Art. 13 allows ads only from a registered brandname")
        return Verdict(v.label, v.score, (*v.symbols, sym), v.entities, v.probabilities)
    return v


_lock = threading.Lock()
_default: Engine | None = None


def default_engine() -> Engine:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Engine(ContentModel.load())
    return _default


_rules_only: Engine | None = None


def rule_findings(text: str) -> dict[str, Finding]:
    """The findings of the rules alone for ``text``: no model, no plugin detectors. What
    the training data's label mapping reads (``model.datasets``), and what the rules'
    tests check."""
    global _rules_only
    if _rules_only is None:
        _rules_only = Engine(ContentModel.empty(), detectors=[])
    return _rules_only.prepare(text).features.findings
