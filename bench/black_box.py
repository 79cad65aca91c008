"""Scores of the engine on the black-box message sets of ``bench/black_box`` (see its
README for which were tuned on): scams caught and genuine messages read as scams. Prints
figures only.

    .venv/bin/python bench/black_box.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import lachan

SETS = Path(__file__).with_name("black_box")


def main() -> None:
    for path in sorted(SETS.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        verdicts = lachan.analyse_batch([r["text"] for r in rows])
        scams = [v.label == "scam" for r, v in zip(rows, verdicts, strict=True)
                 if r["label"] == "scam"]
        others = [v.label == "scam" for r, v in zip(rows, verdicts, strict=True)
                  if r["label"] != "scam"]
        caught = f"{sum(scams)}/{len(scams)} scams caught" if scams else "no scams"
        print(f"{path.stem:<16} {caught:<22} {sum(others)}/{len(others)} genuine read as scam")


if __name__ == "__main__":
    main()
