"""normalise() over the real SMS sets beside the project (skipped when they are absent).

No message is copied or printed: failures report only the row number.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from lachan.text import normalise

FILES = ("vi_sms_2016.tsv", "vi_smishing_2025.tsv", "en_uci_sms.tsv")
MAX_FILE_BYTES = 20_000_000


def _texts(path: Path) -> list[str]:
    if not path.is_file():
        pytest.skip(f"{path.name} not found under {path.parent}")
    if path.stat().st_size > MAX_FILE_BYTES:
        pytest.fail(f"{path.name} is larger than {MAX_FILE_BYTES} bytes")
    with path.open(newline="", encoding="utf-8") as fh:
        return [row.get("text") or "" for row in csv.DictReader(fh, delimiter="\t")]


def _strip_accents(s: str) -> str:
    """The same message typed without accents (case kept)."""
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))


@pytest.mark.parametrize("name", FILES)
def test_real_messages_normalise_and_fold_the_same_without_accents(
    shared_data: Path, name: str
) -> None:
    texts = _texts(shared_data / "sms" / name)
    assert texts
    mismatched = []
    for i, text in enumerate(texts):
        n = normalise(text)
        assert n.original == text
        assert n.folded == n.folded.lower()
        plain = normalise(_strip_accents(n.clean))
        if plain.folded != n.folded:
            mismatched.append(i)
    assert not mismatched, f"rows whose unaccented form folds differently: {mismatched[:20]}"
