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
from collections.abc import Iterator
from pathlib import Path

from lachan.detect.host_parse import HostInputError, parse_host

PHISHING_FILE = "domains/phishing_hosts.txt"
LEGIT_FILE = "domains/legit_domains.txt"
VALIDATION_BUCKETS = 5  # 1 in 5 registrable domains is validation
MAX_LINE_CHARS = 4096


class DataMissing(FileNotFoundError):
    """The shared datasets are not where they should be (set LACHAN_DATA)."""


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


def ham_sms_links() -> Iterator[tuple[str, str]]:
    """``(source, link)`` for every link in the ham messages of the SMS sets
    (vi_sms_2016 ``ham`` and vi_smishing_2025 ``not_scam``)."""
    csv.field_size_limit(sys.maxsize)
    for rel, ham in (("sms/vi_sms_2016.tsv", "ham"), ("sms/vi_smishing_2025.tsv", "not_scam")):
        with require(rel).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("label") == ham:
                    for link in links_in(row.get("text") or ""):
                        yield rel, link
