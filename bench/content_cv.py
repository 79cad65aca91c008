"""Grouped cross-validation of the content model over all the SMS data, through the same
verdict path as `lachan classify` (the model's logits plus the fixed priors of the
findings). It prints figures only, never a message.

The validation split of `lachan train` holds 64 scams, so one message moves recall by
1.6 points. This script pools several fold assignments over all 12,000 messages instead:
it is how the commit messages compare one change of features with the next. It trains
nothing that ships.

Figures, averaged over the fold assignments:
- Vietnamese scam recall at a scam false-positive rate of 0.3 %, 0.5 % and 1 % on the
  ham + ad of both Vietnamese sources (the held-back evaluation's measure);
- vi_sms_2016 spam (ad or scam) against ham F1, with each message labelled as the verdict
  labels it (scam at the threshold of 0.4 % out-of-fold Vietnamese FPR, else ad or ham by
  probability).

With ``--written`` (the default) each training fold also holds the project's written
messages (``lachan.model.datasets.load_written``) as `lachan train` takes them: prepared
without their length class (``train.prepare_written``), in the fold's vocabulary, weighted
by ``train.written_weights`` at ``--written-weight`` (default ``train.WRITTEN_WEIGHT``)
of the mean weight of the fold's public messages; they are never in a validation fold
and in no figure. ``--no-written`` trains on the public sets only.

    .venv/bin/python bench/content_cv.py [--seeds 8] [--C 30] [--no-written]

With the character n-gram block, 8 assignments take about 5 minutes on two cores.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from rich.progress import Progress
from sklearn.model_selection import GroupKFold

from lachan.detect.content_model import ContentModel, build_matrix
from lachan.detect.engine import Engine
from lachan.model import train as T
from lachan.model.datasets import SOURCES, data_dir, load_examples, load_written
from lachan.model.split import near_duplicate_groups

FPRS = (0.003, 0.005, 0.01)


def recall_at(p: np.ndarray, is_scam: np.ndarray, fpr: float) -> float:
    t = T.choose_threshold(p, is_scam, fpr)
    return float((p[is_scam] >= t).mean())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=8, help="fold assignments to pool")
    ap.add_argument("--C", type=float, default=30.0, help="regularisation")
    ap.add_argument("--written", action=argparse.BooleanOptionalAction, default=True,
                    help="train each fold on the written messages too, as `lachan train` "
                         "does (never validated on)")
    ap.add_argument("--written-weight", type=float, default=T.WRITTEN_WEIGHT,
                    help="their weight against a public message's mean weight")
    args = ap.parse_args()
    t0 = time.perf_counter()
    examples = load_examples(data_dir(), SOURCES)
    engine = Engine(ContentModel.empty())
    prepared = T.prepare_all(engine, examples)
    written = load_written() if args.written and args.written_weight > 0 else []
    written_prep = T.prepare_written(engine, written)
    written_feats = [p.features for p in written_prep]
    y_written = np.array([T.CLASSES.index(e.label) for e in written], dtype=np.int64)
    groups = near_duplicate_groups([p.view.norm.folded for p in prepared])
    y = np.array([T.CLASSES.index(e.label) for e in examples])
    feats = [p.features for p in prepared]
    source = np.array([e.source for e in examples])
    scam = T.CLASSES.index("scam")
    runs = []
    with Progress(transient=True) as bar:
        task = bar.add_task("cross-validation", total=args.seeds * 5)
        for seed in range(1, args.seeds + 1):
            g = np.random.RandomState(seed).permutation(groups.max() + 1)[groups]
            probs = np.zeros((len(examples), len(T.CLASSES)))
            for fit_i, hold_i in GroupKFold(5).split(np.zeros(len(y)), y, g):
                # the written messages last, as `lachan train` orders them
                vocab = T.build_vocab([prepared[i] for i in fit_i] + written_prep)
                index = {t: i for i, t in enumerate(vocab)}
                w_fit = T.sample_weights([examples[i] for i in fit_i], y[fit_i])
                w_written = T.written_weights(y_written, float(w_fit.mean()),
                                              args.written_weight)
                clf = T.fit_model(
                    build_matrix([feats[i] for i in fit_i] + written_feats, index,
                                 chars=True),
                    np.concatenate([y[fit_i], y_written]),
                    np.concatenate([w_fit, w_written]), args.C)
                probs[hold_i] = T.verdict_probabilities(
                    clf, build_matrix([feats[i] for i in hold_i], index, chars=True),
                    [feats[i] for i in hold_i])
                bar.advance(task)
            runs.append(probs)
    vn = np.isin(source, T.TARGET_SOURCES)
    is_scam = y == scam
    pooled = np.concatenate([r[vn, scam] for r in runs])
    threshold = T.choose_threshold(pooled, np.tile(is_scam[vn], len(runs)), 0.004)
    f1s = []
    s16 = source == "vi_sms_2016"
    for r in runs:
        spam = (r[s16, 1] > r[s16, 0]) | (r[s16, scam] >= threshold)
        truth = y[s16] != T.CLASSES.index("ham")
        tp, fp, fn = (spam & truth).sum(), (spam & ~truth).sum(), (~spam & truth).sum()
        f1s.append(2 * tp / (2 * tp + fp + fn))
    print(f"grouped 5-fold CV, {args.seeds} fold assignments, C={args.C}, "
          f"{len(examples):,} messages ({time.perf_counter() - t0:.0f} s)")
    if written:
        print(f"each training fold also held the {len(written):,} written messages "
              f"(weight {args.written_weight:g}; never validated on)")
    else:
        print("trained on the public sets only (no written messages)")
    for fpr in FPRS:
        rec = np.mean([recall_at(r[vn, scam], is_scam[vn], fpr) for r in runs])
        print(f"Vietnamese scam recall at {fpr:.1%} FPR on Vietnamese ham + ad: {rec:.3f}")
    print(f"vi_sms_2016 spam vs ham F1 at the 0.4 % threshold ({threshold:.3f}): "
          f"{np.mean(f1s):.4f} (per assignment {' '.join(f'{f:.3f}' for f in f1s)})")


if __name__ == "__main__":
    main()
