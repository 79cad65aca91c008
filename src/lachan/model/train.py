"""Reproducible training of the content model (``lachan train``).

1. Load the SMS datasets and map their labels (see :mod:`lachan.model.datasets`).
2. Run every message through the engine's own pipeline (normalise, entities, findings),
   so the model learns exactly the features it will see in production.
3. Join near-duplicates into groups and hold out a validation split by group.
4. Pick the regularisation and the scam threshold by grouped cross-validation on the
   training split only (the threshold keeps the scam false-positive rate under a target).
5. Fit on the training split, evaluate on the validation split through the real verdict
   path, write the weights (``.npz``, no pickle) and the model card.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from lachan.detect.char_ngrams import CHAR_BITS, CHAR_MAX_N, CHAR_MIN_N, CHAR_SCALE
from lachan.detect.content_model import ContentModel, build_matrix, softmax
from lachan.detect.engine import Engine, Prepared
from lachan.detect.features import LENGTH_PREFIX, MessageFeatures
from lachan.detect.verdict import VerdictMaker
from lachan.domain import LABELS
from lachan.model import metrics
from lachan.model.datasets import (
    SOURCES,
    WRITTEN_SOURCE,
    Example,
    check_trainable,
    load_examples,
    load_written,
)
from lachan.model.split import near_duplicate_groups, validation_mask

CLASSES = LABELS  # ("ham", "ad", "scam")
#: The scam false-positive rate the threshold is chosen for, out of fold: under the 0.5 %
#: goal, for the margin a small sample needs (chosen at 0.5 %, the shipped model ran at
#: 0.33 % on one retrain's validation split and at 0.50 % on the next one's).
TARGET_SCAM_FPR = 0.004
#: The sources whose ham + ad the scam false-positive rate is held on, and whose scams
#: the recall is measured on, when C and the threshold are chosen: the Vietnamese ones.
#: The English hams are easy negatives; counted in, they let the threshold sit where the
#: Vietnamese false-positive rate was 0.68 % out of fold at a pooled 0.40 %.
TARGET_SOURCES = ("vi_sms_2016", "vi_smishing_2025")
MIN_DF = 2
#: Regularisation values tried. With the character block a fit takes several seconds; in
#: grouped cross-validation over all the data (bench/content_cv.py --C) 12, 30 and 80
#: gave the same recall at 0.3 / 0.5 / 1 % FPR within 0.004: one value is tried.
C_GRID = (30.0,)
CV_REPEATS = 3  # fold assignments pooled to choose C and the threshold
#: Weight of each source's messages. 8-seed grouped CV (bench/content_cv.py), Vietnamese
#: scam recall at 0.3 / 0.5 / 1 % FPR and 2016 F1: smishing 1.5, English 0.5 gave
#: 0.758 / 0.797 / 0.829, 0.9116; smishing 1.0 gave 0.763 / 0.802 / 0.836, 0.9124; with
#: English 0.25 too, 0.769 / 0.802 / 0.837, 0.9131 (smishing 2.5: 0.772 / 0.802 / 0.836
#: but F1 0.9095; smishing 0.7: 0.754 / 0.799 / 0.837, 0.9129).
SOURCE_WEIGHT = {"vi_sms_2016": 1.0, "vi_smishing_2025": 1.0, "en_uci_sms": 0.25}
#: Weight of the project's written messages (``datasets.load_written``) against the mean
#: weight of a public message, their classes balanced among themselves (balanced with the
#: public sets' classes instead, the written scams took the scam class's large weight and
#: the model read every written-looking message as fraud). Two-seed grouped CV on the
#: public sets (written rows in every training fold, without their length class),
#: Vietnamese scam recall at 0.3 / 0.5 / 1 % FPR and 2016 F1: none 0.773 / 0.809 / 0.856,
#: 0.9147; 0.3: 0.820 / 0.838 / 0.849, 0.9164 (0.15 and 0.5 within 0.01 of it). On the
#: black-box set never tuned on (bench/black_box/q_held_out.tsv): 127 -> 139 of 150 scams,
#: false positives 4 -> 4 of 270; on the hard genuine set 24 -> 22 of 400. (Those CV
#: figures predate the written formal e-mails and later rules; with the written set as
#: shipped, bench/content_cv.py --seeds 2: 0.806 / 0.831 / 0.849, 0.9139, and
#: --no-written 0.773 / 0.809 / 0.856, 0.9147.)
WRITTEN_WEIGHT = 0.3

Progress = Callable[[str, int], Callable[[int], None]]


@dataclass(slots=True)
class TrainResult:
    model: ContentModel
    figures: metrics.Figures
    by_source: dict[str, metrics.Figures]
    n_train: int
    n_val: int
    n_groups: int
    label_counts: dict[str, dict[str, int]]
    C: float
    oof_recall: float
    data_digest: str
    validation: list[tuple[Example, str, float]]  # (example, predicted label, P(scam))


def _no_progress(_desc: str, _total: int) -> Callable[[int], None]:
    return lambda _n: None


def prepare_all(engine: Engine, examples: Sequence[Example],
                progress: Progress = _no_progress, chunk: int = 1000) -> list[Prepared]:
    step = progress("features", len(examples))
    out: list[Prepared] = []
    for i in range(0, len(examples), chunk):
        part = examples[i:i + chunk]
        for p in engine.prepare_many([(ex.text, None, "sms") for ex in part]):
            if isinstance(p, Exception):
                raise p
            out.append(p)
        step(len(part))
    return out


def build_vocab(prepared: Sequence[Prepared], min_df: int = MIN_DF) -> list[str]:
    df: Counter[str] = Counter()
    meta: set[str] = set()
    for p in prepared:
        df.update(set(p.features.content))
        meta.update(p.features.meta)
    vocab = sorted(t for t, c in df.items() if c >= min_df)
    return vocab + sorted(meta - set(vocab))


def sample_weights(examples: Sequence[Example], y: np.ndarray) -> np.ndarray:
    counts = np.bincount(y, minlength=len(CLASSES)).astype(float)
    class_w = len(y) / (len(CLASSES) * np.maximum(counts, 1))
    src = np.array([SOURCE_WEIGHT.get(e.source, 1.0) for e in examples])
    return class_w[y] * src


def prepare_written(engine: Engine, written: Sequence[Example],
                    progress: Progress = _no_progress) -> list[Prepared]:
    """The written messages prepared as training takes them: without their length class
    (the writers' long messages were mostly frauds, and taught the model that a long
    business e-mail is one; two-seed CV 0.813 / 0.824 -> 0.820 / 0.838 at 0.3 / 0.5 %
    FPR, hard genuine black-box set 33 -> 22 of 400 read scam)."""
    out = prepare_all(engine, written, progress) if written else []
    for p in out:
        p.features.form = [t for t in p.features.form if not t.startswith(LENGTH_PREFIX)]
    return out


def written_weights(y_written: np.ndarray, mean_weight: float, weight: float) -> np.ndarray:
    """Weights of the written messages: classes balanced among themselves, scaled to
    ``weight`` times the mean weight of a public message."""
    counts = np.bincount(y_written, minlength=len(CLASSES)).astype(float)
    return (len(y_written) / (len(CLASSES) * np.maximum(counts, 1)))[y_written] * (
        mean_weight * weight)


def fit_model(x, y, w, c: float) -> LogisticRegression:  # noqa: ANN001
    """L2 logistic regression on the columns that hold data in ``x``; the others (most
    of the 2^18 character buckets in a small training set) get weight 0, which is
    what a fit on every column gives them too, without carrying them through each of
    the solver's steps. The returned model takes rows of ``x``'s full width."""
    used = np.flatnonzero(x.getnnz(axis=0))
    clf = LogisticRegression(C=c, max_iter=3000, tol=1e-5)
    clf.fit(x[:, used], y, sample_weight=w)
    if len(used) < x.shape[1]:
        coef = np.zeros((clf.coef_.shape[0], x.shape[1]))
        coef[:, used] = clf.coef_
        clf.coef_ = coef
        clf.n_features_in_ = x.shape[1]
    return clf


def model_from(clf: LogisticRegression, vocab: list[str], threshold: float) -> ContentModel:
    """The shipped form of a model fitted on ``build_matrix(..., chars=True)``: the first
    ``len(vocab)`` columns are the vocabulary's, the rest the character buckets'."""
    coef = np.zeros((len(vocab), len(CLASSES)), dtype=np.float32)
    char_coef = np.zeros((clf.coef_.shape[1] - len(vocab), len(CLASSES)), dtype=np.float32)
    intercept = np.zeros(len(CLASSES), dtype=np.float32)
    for j, k in enumerate(clf.classes_):
        coef[:, k] = clf.coef_[j, : len(vocab)]
        char_coef[:, k] = clf.coef_[j, len(vocab):]
        intercept[k] = clf.intercept_[j]
    return ContentModel.from_arrays(vocab, coef, intercept, CLASSES, threshold, char_coef)


#: Only the class columns matter to :meth:`VerdictMaker.adjust`.
_PRIORS_ONLY = VerdictMaker(ContentModel.empty())


def verdict_probabilities(clf: LogisticRegression, x: sparse.csr_matrix,
                          feats: list[MessageFeatures]) -> np.ndarray:
    """Class probabilities (``CLASSES`` order) as the verdict computes them: the model's
    logits plus the fixed priors of the findings (``VerdictMaker.adjust``), so the
    threshold is chosen on the same probabilities it is applied to."""
    classes = list(clf.classes_)
    out = np.zeros((x.shape[0], len(CLASSES)))
    if len(classes) < len(CLASSES):  # a fold without some class (tiny data): no priors
        out[:, classes] = clf.predict_proba(x)
        return out
    out[:, classes] = clf.decision_function(x)
    return softmax(_PRIORS_ONLY.adjust(out, feats))


def _p_scam(clf: LogisticRegression, x: sparse.csr_matrix,
            feats: list[MessageFeatures]) -> np.ndarray:
    return verdict_probabilities(clf, x, feats)[:, CLASSES.index("scam")]


def choose_threshold(p_scam: np.ndarray, is_scam: np.ndarray, target_fpr: float) -> float:
    """Lowest threshold whose false-positive rate on non-scam stays within ``target_fpr``."""
    neg = np.sort(p_scam[~is_scam])[::-1]
    if len(neg) == 0:
        return 0.5
    allowed = int(np.floor(target_fpr * len(neg)))
    t = float(neg[allowed]) + 1e-6 if allowed < len(neg) else 0.0
    return float(min(max(t, 0.05), 0.95))


def train(data_root: Path, progress: Progress = _no_progress, seed: int = 91,
          sources: tuple[str, ...] = SOURCES,
          written_weight: float = WRITTEN_WEIGHT) -> TrainResult:
    """Train on the public sets of ``sources`` and, with ``written_weight`` > 0, the
    project's written messages; these are always on the training side (in every fold of
    the cross-validation, never in validation, in no figure)."""
    examples = load_examples(data_root, sources)
    check_trainable(examples)
    written = load_written() if written_weight > 0 else []
    digest = hashlib.sha256()
    for e in examples + written:
        digest.update(e.source.encode() + b"\0" + e.label.encode() + b"\0" + e.text.encode())
    engine = Engine(ContentModel.empty())
    prepared = prepare_all(engine, examples, progress)
    written_prep = prepare_written(engine, written, progress)
    folded = [p.view.norm.folded for p in prepared]
    groups = near_duplicate_groups(folded)
    val = validation_mask(groups, folded, seed=seed)
    tr_idx = np.flatnonzero(~val)
    va_idx = np.flatnonzero(val)
    y = np.array([CLASSES.index(e.label) for e in examples])

    real_prep = [prepared[i] for i in tr_idx]
    train_prep = real_prep + written_prep  # the written rows last
    vocab = build_vocab(train_prep)
    index = {t: i for i, t in enumerate(vocab)}
    x_tr = build_matrix([p.features for p in train_prep], index, chars=True)
    y_real = y[tr_idx]
    y_written = np.array([CLASSES.index(e.label) for e in written], dtype=np.int64)
    y_tr = np.concatenate([y_real, y_written])
    w_real = sample_weights([examples[i] for i in tr_idx], y_real)
    w_tr = np.concatenate([w_real, written_weights(y_written, float(w_real.mean()),
                                                   written_weight)])
    g_tr = groups[tr_idx]
    written_rows = np.arange(len(tr_idx), len(train_prep))

    scam = CLASSES.index("scam")
    best: tuple[float, float, float] | None = None  # (recall, C, threshold)
    folds = GroupKFold(n_splits=5)
    # CV_REPEATS fold assignments (groups renumbered at random, seeded), pooled: one
    # assignment's 0.3 % point rests on a couple of dozen messages and moved the shipped
    # threshold between 0.47 and 0.82 from one retrain to the next
    rng = np.random.RandomState(seed)
    assignments = [rng.permutation(int(g_tr.max()) + 1)[g_tr] if len(g_tr) else g_tr
                   for _ in range(CV_REPEATS)]
    in_target = np.array([examples[i].source in TARGET_SOURCES for i in tr_idx])
    # the target sources when they hold scams and non-scams, else every source
    if not ((in_target & (y_real == scam)).any() and (in_target & (y_real != scam)).any()):
        in_target[:] = True
    target = np.tile(in_target, CV_REPEATS)
    step = progress("cross-validation", len(C_GRID) * 5 * CV_REPEATS)
    for c in C_GRID:
        oof = np.zeros((CV_REPEATS, len(tr_idx)))
        for r, groups_r in enumerate(assignments):
            for fit_i, hold_i in folds.split(real_prep, y_real, groups_r):
                fit_i = np.concatenate([fit_i, written_rows])  # written: always trained on
                clf = fit_model(x_tr[fit_i], y_tr[fit_i], w_tr[fit_i], c)
                oof[r, hold_i] = _p_scam(clf, x_tr[hold_i],
                                         [train_prep[i].features for i in hold_i])
                step(1)
        is_scam = np.tile(y_real == scam, CV_REPEATS)[target]
        oof = oof.ravel()[target]
        t = choose_threshold(oof, is_scam, TARGET_SCAM_FPR)
        recall = float((oof[is_scam] >= t).mean()) if is_scam.any() else 0.0
        if best is None or recall > best[0]:
            best = (recall, c, t)
    assert best is not None
    oof_recall, c_best, threshold = best

    clf = fit_model(x_tr, y_tr, w_tr, c_best)
    model = model_from(clf, vocab, threshold)

    scorer = Engine(model, detectors=[])
    val_prep = [prepared[i] for i in va_idx]
    verdicts = scorer.score(val_prep)  # the same path as `lachan classify`
    y_true = [examples[i].label for i in va_idx]
    y_pred = [v.label for v in verdicts]
    figures = metrics.compute(y_true, y_pred)
    by_source: dict[str, metrics.Figures] = {}
    groups_of_sources = [(src, (src,)) for src in sources]
    if sum(s in sources for s in TARGET_SOURCES) > 1:
        groups_of_sources.append((" + ".join(TARGET_SOURCES), TARGET_SOURCES))
    for name, members in groups_of_sources:
        sel = [k for k, i in enumerate(va_idx) if examples[i].source in members]
        if sel:
            by_source[name] = metrics.compute([y_true[k] for k in sel], [y_pred[k] for k in sel])

    label_counts: dict[str, dict[str, int]] = {}
    for e in examples + written:
        key = f"{e.source}:{e.source_label}"
        label_counts.setdefault(key, {}).setdefault(e.label, 0)
        label_counts[key][e.label] += 1
    return TrainResult(model, figures, by_source, len(tr_idx), len(va_idx),
                       int(groups.max() + 1) if len(groups) else 0, label_counts, c_best,
                       oof_recall, digest.hexdigest()[:16],
                       [(examples[i], v.label, v.probabilities["scam"])
                        for i, v in zip(va_idx, verdicts, strict=True)])


CUTOFFS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def other_cutoffs(r: TrainResult) -> list[str]:
    """Markdown: scam recall and false-positive rate on the validation part of the
    target sources at other P(scam) cut-offs than the shipped one, for operators who
    weigh a missed scam and a blocked message otherwise (nothing here chose the
    shipped one)."""
    rows = [(p, e.label == "scam") for e, _, p in r.validation if e.source in TARGET_SOURCES]
    scams = sum(is_scam for _, is_scam in rows)
    others = len(rows) - scams
    if not scams or not others:
        return []
    lines = [f"## Other cut-offs ({' + '.join(TARGET_SOURCES)}, validation part)", "",
             "| P(scam) ≥ | scam recall | scam false-positive rate on ham + ad |",
             "|---:|---:|---:|"]
    shipped = r.model.scam_threshold
    cuts = sorted([(t, "") for t in CUTOFFS if round(t, 3) != round(shipped, 3)]
                  + [(shipped, " (shipped)")])
    for t, mark in cuts:
        hit = sum(p >= t and s for p, s in rows)
        fp = sum(p >= t and not s for p, s in rows)
        lines.append(f"| {t:.3f}{mark} | {hit / scams:.3f} | {fp / others:.4f} |")
    return [*lines, ""]


def model_card(r: TrainResult, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now(dt.UTC)
    lines = [
        "# Lachan content model card",
        "",
        f"Trained {when:%Y-%m-%d %H:%M} UTC by `lachan train`; data digest `{r.data_digest}`.",
        "",
        "## Model",
        "Multinomial logistic regression (scikit-learn, lbfgs) over word uni- and bigrams of the",
        "folded text (diacritics folded, teencode expanded, obfuscation undone, digit runs",
        "replaced by their length) and the words written with diacritics as written (`~cược`",
        "against `~cước`, which folding merges), scaled by 1/sqrt(length), plus one token",
        "per finding of the rule detectors (`§MONEY_TRANSFER_REQUEST`, `§URL_SHORTENER`,",
        "...), one for the length class of the message (under 50 characters, 120, one SMS",
        "of 160, two parts, more) and one for each pair of its findings that lean to ham or",
        "ad (`§PROMOTION&URL_OFFICIAL_DOMAIN`), weighted 1; and hashed character",
        f"{CHAR_MIN_N}- to {CHAR_MAX_N}-grams of the folded text (2^{CHAR_BITS} buckets, each "
        f"window weighted {CHAR_SCALE:g}/sqrt(windows)),",
        "which see the pieces of words spelt or glued differently from training.",
        f"Vocabulary: {len(r.model.vocab):,} features (document frequency ≥ {MIN_DF} in training).",
        f"Regularisation C = {r.C} (from {', '.join(f'{c:g}' for c in C_GRID)}) and the scam "
        f"threshold P(scam) ≥ {r.model.scam_threshold:.3f}",
        f"were chosen by 5-fold grouped cross-validation on the training split only ({CV_REPEATS}",
        "fold assignments, their out-of-fold predictions pooled), keeping the",
        f"out-of-fold scam false-positive rate on the ham + ad of {' and '.join(TARGET_SOURCES)}",
        f"≤ {TARGET_SCAM_FPR:.1%} (out-of-fold recall on their scams {r.oof_recall:.3f}).",
        "Weights: `src/lachan/data/content_model.npz` (NumPy arrays, loaded without pickle).",
        "",
        "## Data and labels",
        "Public datasets from `../shared/data/sms` (never shipped), and the messages the",
        f"project wrote itself (`{WRITTEN_SOURCE}`: `src/lachan/data/written_sms.tsv`, CC0;",
        "modern frauds and the genuine messages most like them, written by the project's",
        "helpers without reading the public sets; near-duplicates of the project's black-box",
        "test sets removed), which are always on the training side, never in a figure:",
        "",
        "| source:label | mapped to |",
        "|---|---|",
    ]
    for key, counts in sorted(r.label_counts.items()):
        mapped = ", ".join(f"{lab} {n:,}" for lab, n in sorted(counts.items()))
        lines.append(f"| {key} | {mapped} |")
    lines += [
        "",
        "Mapping: vi_sms_2016 keeps ham / ad; vi_smishing_2025 `scam` → scam, its `not_scam`",
        "→ ad when the message carries the ad label or two advertising findings (carrier",
        "and brand promotions), else ham (an SMS command alone is not enough: vi_sms_2016",
        "labels such carrier service notices ham 39 to 10); en_uci_sms `spam` → scam when a",
        "fraud finding fires (prize, credential, verification, money request, account threat),",
        "else ad (premium-rate subscriptions). English messages weigh 0.25, the Vietnamese 1;",
        f"the written ones {WRITTEN_WEIGHT:g} of a public message's mean weight, their classes",
        "balanced among themselves, without their length class (the writers' long messages",
        "were mostly frauds).",
        "",
        "## Validation",
        f"Near-duplicates (cosine ≥ 0.7 on digit-masked word 1–2-grams) form {r.n_groups:,}",
        f"groups; 20 % of groups (CRC of the group's first message) are held out: {r.n_train:,}",
        f"training and {r.n_val:,} validation messages. Figures on the validation split, through",
        "the same verdict path as `lachan classify`:",
        "",
        r.figures.markdown(),
        "",
    ]
    for src, fig in r.by_source.items():
        lines += [f"### {src} (validation part)", "", fig.markdown(), ""]
    lines += other_cutoffs(r)
    lines += [
        "## Limits",
        "- The 2025 smishing set is small (139 scams); its labels include some debatable",
        "  cases (official notices and app promotions labelled scam). Figures on the held-out",
        "  part have wide confidence intervals.",
        "- No e-mail or chat training data: those channels run through the same SMS model.",
        "- Obfuscation, registry state and look-alike links add fixed weights that training",
        "  did not see; they are listed as symbols in every verdict.",
    ]
    return "\n".join(lines) + "\n"
