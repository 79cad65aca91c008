"""Figures of the shipped content model on the validation split of `lachan train`, through
the verdicts `lachan classify` gives (needs ../shared/data; skips without it).

These are regression guards a little under what the shipped model reaches (see its
model card), not the issue's targets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lachan.detect.engine import default_engine
from lachan.model.datasets import SOURCES, Example, load_examples
from lachan.model.split import near_duplicate_groups, validation_mask
from lachan.model.train import TARGET_SOURCES, prepare_all


@pytest.fixture(scope="module")
def validation(shared_data: Path) -> list[tuple[Example, str]]:
    examples = load_examples(shared_data, SOURCES)
    engine = default_engine()
    prepared = prepare_all(engine, examples)
    folded = [p.view.norm.folded for p in prepared]
    val = np.flatnonzero(validation_mask(near_duplicate_groups(folded), folded))
    verdicts = engine.score([prepared[i] for i in val])  # what `lachan classify` runs
    return [(examples[i], v.label) for i, v in zip(val, verdicts, strict=True)]


def test_vietnamese_scams_are_caught_without_blocking_ham_or_ads(validation) -> None:
    rows = [(e.label, got) for e, got in validation if e.source in TARGET_SOURCES]
    scams = [got for want, got in rows if want == "scam"]
    others = [got for want, got in rows if want != "scam"]
    assert len(scams) >= 20 and len(others) >= 500
    fpr = sum(got == "scam" for got in others) / len(others)
    recall = sum(got == "scam" for got in scams) / len(scams)
    assert fpr <= 0.005, fpr
    assert recall >= 0.7, recall


def test_spam_f1_on_the_2016_set(validation) -> None:
    rows = [(e.label != "ham", got != "ham") for e, got in validation
            if e.source == "vi_sms_2016"]
    tp = sum(w and g for w, g in rows)
    fp = sum(g and not w for w, g in rows)
    fn = sum(w and not g for w, g in rows)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9
