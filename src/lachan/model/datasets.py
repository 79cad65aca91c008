"""Loading the public SMS datasets and mapping their labels to ham / ad / scam.

Label mapping (also written into the model card):

* ``vi_sms_2016``: ``ham`` → ham, ``ad`` → ad.
* ``vi_smishing_2025``: ``scam`` → scam. Its ``not_scam`` mixes personal / transactional
  messages with carrier and brand promotions, so it is split by the engine's own
  advertising evidence: the ad label (``[QC]``/``(QC)``) or at least two advertising
  findings (the advertising phrases, or a commercial offer: ``detect/offers.py``) → ad;
  otherwise ham. This keeps carrier promotions from teaching the
  model that advertising is personal mail, and it never moves a message across the
  scam / not-scam line the source drew. An SMS command alone ("soạn UT gửi 9118") is not
  advertising evidence: in vi_sms_2016, whose annotators drew the ham / ad line, the
  messages whose only such evidence is a command are 39 ham to 10 ad (carrier service
  notices: credit advances, renewals, opt-outs, re-activation).
* ``en_uci_sms``: ``ham`` → ham. ``spam`` mixes prize-claim fraud with premium-rate
  subscription ads: → scam when a fraud finding fires (prize lure, credential or
  verification request, money request, account threat), otherwise ad. English fraud
  then teaches the model English scam wording without teaching it that every SMS
  command is fraud.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lachan.detect.engine import rule_findings
from lachan.domain import LABELS, MAX_TEXT_CHARS

SOURCES = ("vi_sms_2016", "vi_smishing_2025", "en_uci_sms")
#: Messages the project wrote itself (``lachan/data/written_sms.tsv``, CC0): modern frauds
#: and the genuine messages most like them, which the public sets hold few of. Training
#: only: never in a validation split, never counted in a figure.
WRITTEN_SOURCE = "lachan_written"
WRITTEN_RESOURCE = "written_sms.tsv"
FRAUD_FINDINGS = frozenset({
    "PRIZE_LURE", "CREDENTIAL_REQUEST", "ACCOUNT_VERIFICATION_LURE",
    "MONEY_TRANSFER_REQUEST", "ACCOUNT_LOCK_THREAT",
})
AD_FINDINGS = frozenset({"PROMOTION", "TELCO_PACKAGE", "OPT_OUT_PRESENT", "REAL_ESTATE_AD",
                         "COMMERCIAL_OFFER"})


class DataNotFound(FileNotFoundError):
    pass


class DataError(ValueError):
    """A dataset that cannot be trained on: not UTF-8, no label or text column, a label the
    source does not have, or too few messages of a class."""


#: The fewest messages of each class (ham, ad, scam) training accepts: the grouped
#: five-fold cross-validation needs several groups of each.
MIN_PER_CLASS = 20


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str  # ham | ad | scam after mapping
    source: str
    source_label: str
    sender_type: str | None = None


def data_dir(explicit: str | Path | None = None) -> Path:
    """Where the shared datasets are: the argument, else $LACHAN_DATA, else ../shared/data
    (from the working directory, then from the source checkout). A folder named by the
    argument or the variable must hold ``sms/``; it is never silently replaced."""
    named = explicit or os.environ.get("LACHAN_DATA")
    if named:
        candidates = [Path(named)]
    else:
        candidates = [Path.cwd() / ".." / "shared" / "data",
                      Path(__file__).resolve().parents[3] / ".." / "shared" / "data"]
    for c in candidates:
        if (c / "sms").is_dir():
            return c.resolve()
    raise DataNotFound(
        f"SMS datasets not found in {', '.join(str(c) for c in candidates)}: pass --data-dir "
        "or set LACHAN_DATA to the folder holding sms/"
    )


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header (quoted fields may hold newlines)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(newline="", encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t")


def map_label(source: str, label: str, text: str) -> str:
    label = label.strip().lower()
    if source == "vi_sms_2016":
        return label
    if source == "vi_smishing_2025":
        if label == "scam":
            return "scam"
        return "ad" if looks_like_ad(text) else "ham"
    if source == "en_uci_sms":
        if label == "ham":
            return "ham"
        return "scam" if fraud_evidence(text) else "ad"
    raise ValueError(f"unknown source {source}")


def _findings(text: str) -> set[str]:
    return set(rule_findings(text))


def looks_like_ad(text: str) -> bool:
    found = _findings(text)
    return "AD_LABEL" in found or len(found & AD_FINDINGS) >= 2


def fraud_evidence(text: str) -> bool:
    return bool(_findings(text) & FRAUD_FINDINGS)


def load_examples(root: Path, sources: tuple[str, ...] = SOURCES) -> list[Example]:
    out: list[Example] = []
    for source in sources:
        path = root / "sms" / f"{source}.tsv"
        if not path.is_file():
            raise DataNotFound(f"missing dataset {path}")
        try:
            rows = list(read_tsv(path))
        except UnicodeDecodeError as exc:
            raise DataError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except csv.Error as exc:
            raise DataError(f"{path}: not a tab-separated file ({exc})") from None
        if rows and not {"label", "text"} <= set(rows[0]):
            raise DataError(f"{path}: needs 'label' and 'text' columns; the header has "
                            f"{sorted(k for k in rows[0] if k)[:6]}")
        known = _SOURCE_LABELS.get(source)
        for n, row in enumerate(rows, start=2):
            text = (row.get("text") or "").strip()
            if not text:
                continue
            src_label = row.get("label") or ""
            if known is not None and src_label.strip().lower() not in known:
                raise DataError(f"{path}: row {n}: label {src_label[:40]!r} is not one of "
                                f"{known}")
            out.append(Example(text, map_label(source, src_label, text), source, src_label,
                               row.get("sender_type") or None))
    return out


def load_written() -> list[Example]:
    """The project's own written messages (labels ham / ad / scam as written)."""
    from importlib import resources

    text = resources.files("lachan.data").joinpath(WRITTEN_RESOURCE).read_text(encoding="utf-8")
    out: list[Example] = []
    for n, row in enumerate(csv.DictReader(text.splitlines(), delimiter="\t"), start=2):
        label = (row.get("label") or "").strip()
        body = (row.get("text") or "").strip()
        if label not in LABELS or not body:
            raise DataError(f"{WRITTEN_RESOURCE}: row {n}: needs a label of {LABELS} and a text")
        out.append(Example(body, label, WRITTEN_SOURCE, label, None))
    return out


#: The labels each source's file uses.
_SOURCE_LABELS = {"vi_sms_2016": ["ad", "ham"], "vi_smishing_2025": ["not_scam", "scam"],
                  "en_uci_sms": ["ham", "spam"]}


def check_trainable(examples: list[Example]) -> None:
    """:class:`DataError` unless each class has :data:`MIN_PER_CLASS` messages."""
    counts = dict.fromkeys(LABELS, 0)
    for e in examples:
        counts[e.label] += 1
    short = {c: n for c, n in counts.items() if n < MIN_PER_CLASS}
    if short:
        raise DataError(f"too few messages to train on: {short} (at least {MIN_PER_CLASS} "
                        f"of each class are needed)")


#: Labels ``lachan evaluate`` reads: the engine's three, the 2025 set's ``not_scam`` (ham)
#: and the English set's ``spam`` (counted for the spam-vs-ham figures).
EVALUATION_LABELS = frozenset({"ham", "ad", "scam", "not_scam", "spam"})
#: A text holding a line break followed by a label and a tab: a stray double quote at the
#: start of an earlier text made the CSV reader swallow the rows after it.
_SWALLOWED_ROW = re.compile(r"\n(?:ham|ad|scam|not_scam|spam)\t", re.IGNORECASE)


def read_labelled_tsv(path: Path) -> list[tuple[str, str]]:
    """``(label, text)`` pairs from any TSV with ``label`` and ``text`` columns, written by
    Python's csv module (a quoted text may hold line breaks). Raises ``ValueError`` naming
    the lines of rows it cannot trust: an unknown or empty label, no text column, a text
    over the engine's size limit, rows swallowed by a stray quote, no rows at all."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    rows: list[tuple[str, str]] = []
    problems: list[str] = []
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = {"label", "text"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        start = reader.line_num + 1
        for row in reader:
            label = (row["label"] or "").strip().lower()
            text = row["text"] or ""
            if row["text"] is None:
                problems.append(f"line {start}: no text column (a tab missing?)")
            elif len(text) > MAX_TEXT_CHARS:
                problems.append(f"line {start}: a text of {len(text):,} characters, over the "
                                f"engine's limit of {MAX_TEXT_CHARS:,}")
            elif label not in EVALUATION_LABELS:
                problems.append(f"line {start}: unknown label {label[:30]!r} (expected one of "
                                f"{', '.join(sorted(EVALUATION_LABELS))})")
            elif _SWALLOWED_ROW.search(text):
                problems.append(f"line {start}: the text runs over the next rows (a stray "
                                '" at its start?): quote it whole or remove the quote')
            else:
                rows.append((label, text))
            start = reader.line_num + 1
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise ValueError(f"{path}: " + "; ".join(problems[:5]) + more)
    if not rows:
        raise ValueError(f"{path}: no rows to evaluate")
    return rows
