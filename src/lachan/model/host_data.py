"""Reading the host datasets beside the project (never copied into it).

``$LACHAN_DATA`` (default ``../shared/data`` from the project root) holds
``domains/phishing_hosts.txt``, ``domains/legit_domains.txt`` and the SMS TSVs. The
validation split is by registrable domain: a stable hash puts every host of one
registrable domain on the same side, and training never sees the validation side.
"""

from __future__ import annotations

import csv
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from lachan.detect.host_parse import HostInputError, parse_host

PHISHING_FILE = "domains/phishing_hosts.txt"
LEGIT_FILE = "domains/legit_domains.txt"
VALIDATION_BUCKETS = 5  # 1 in 5 registrable domains is validation
MAX_LINE_CHARS = 4096


class DataMissing(FileNotFoundError):
    """The shared datasets are not where they should be (set LACHAN_DATA)."""


class DataTooSmall(ValueError):
    """Too few hosts of a class to train on (:data:`MIN_PER_CLASS` each, training side)."""


#: The fewest phishing and legitimate hosts the training side must hold: the threshold is
#: chosen on five folds of them.
MIN_PER_CLASS = 20


def data_dir() -> Path:
    env = os.environ.get("LACHAN_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


def require(rel: str) -> Path:
    p = data_dir() / rel
    if not p.is_file():
        raise DataMissing(f"dataset file not found: {p} (set LACHAN_DATA to the data folder)")
    return p


def read_lines(path: Path) -> list[str]:
    out = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#") and len(line) <= MAX_LINE_CHARS:
                out.append(line)
    return out


def registrable_of(item: str) -> str | None:
    try:
        return parse_host(item).registrable
    except HostInputError:
        return None


def is_validation(registrable: str) -> bool:
    return zlib.crc32(registrable.encode()) % VALIDATION_BUCKETS == 0


def split_hosts(items: list[str]) -> tuple[list[str], list[str]]:
    """``(train, validation)`` by registrable domain; unparsable items are dropped."""
    train, val = [], []
    for it in dict.fromkeys(items):
        reg = registrable_of(it)
        if reg is None:
            continue
        (val if is_validation(reg) else train).append(it)
    return train, val


_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})*"
    r"\.(?:com|net|org|vn|me|ly|gl|co|io|info|xyz|top|vip|online|link|to|cc|asia|biz)"
    r"(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)


def links_in(text: str) -> list[str]:
    """Links in a message: ``lachan.entities.extract`` when it finds URLs, else a regex."""
    try:
        from lachan.entities import extract

        urls = [e.value for e in extract(text) if e.kind == "url"]
    except Exception:  # noqa: BLE001 - extraction is optional here; fall back to the regex
        urls = []
    if urls:
        return urls
    return [m.group(0).rstrip(".,;:!?)") for m in _LINK.finditer(text)]


#: Which ham-SMS links :func:`ham_sms_links` yields: the held-out part (the ham-SMS link
#: FPR of the model card), the training part (extra benign training domains) or all.
HAM_LINK_PARTS = ("validation", "train", "all")


def ham_sms_links(part: str = "validation") -> Iterator[tuple[str, str]]:
    """``(source, link)`` for the links in the ham messages of the SMS sets
    (vi_sms_2016 ``ham`` and vi_smishing_2025 ``not_scam``).

    The links are split like the host lists, by registrable domain (:func:`is_validation`):
    the host model trains on the ``"train"`` part, so the default is the held-out
    ``"validation"`` part, the only one its false-positive rate may be reported on.
    Links without a registrable domain belong to neither part (only to ``"all"``)."""
    if part not in HAM_LINK_PARTS:
        raise ValueError(f"part must be one of {HAM_LINK_PARTS}, not {part!r}")
    csv.field_size_limit(sys.maxsize)
    for rel, ham in (("sms/vi_sms_2016.tsv", "ham"), ("sms/vi_smishing_2025.tsv", "not_scam")):
        with require(rel).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("label") == ham:
                    for link in links_in(row.get("text") or ""):
                        if part == "all":
                            yield rel, link
                            continue
                        reg = registrable_of(link)
                        if reg is not None and is_validation(reg) == (part == "validation"):
                            yield rel, link


def ham_link_training_domains(exclude: Iterable[str] = ()) -> list[str]:
    """Registrable domains of the training part of the ham-SMS links (first seen first,
    each once), less those in ``exclude`` (the host lists' registrable domains, so no
    domain gets both labels or comes twice). None is on the validation side."""
    skip = set(exclude)
    out: dict[str, None] = {}
    for _, link in ham_sms_links("train"):
        reg = registrable_of(link)
        if reg is not None and reg not in skip:
            out.setdefault(reg)
    return list(out)
