"""Worst-case time of one message: texts at the size limit that repeat the opening words
of the engine's patterns, where a pattern with an unbounded ".*" (or look-ahead) would
rescan the rest of the text at every repeat. Prints the seconds each text takes through
``lachan.analyse`` (figures only; the limit is ``lachan.domain.MAX_TEXT_CHARS``).

    .venv/bin/python bench/adversarial_inputs.py
"""

from __future__ import annotations

import time

import lachan
from lachan.domain import MAX_TEXT_CHARS

#: Phrases that open a pattern's branch and are followed, in it, by a search to the right.
PHRASES = (
    "mat dien thoai chuyen tien ", "lost my phone send me ", "vao tk moi chuyen khoan ",
    "clip nay chuyen tien ", "bat chia se man hinh ", "nap 5tr nhan ", "chuyen 2tr de ",
    "giam 50% ", "ma otp ", "doc ma ", "vietcombank ", "https://a.vn ", "0912345678 ",
    "a ", "v i e t . c o m ", "hxxp[.] ", "ck truoc ", "tai nan chuyen gap ",
)


def main() -> None:
    lachan.analyse("warm up")
    worst = 0.0
    for phrase in PHRASES:
        text = (phrase * (MAX_TEXT_CHARS // len(phrase)))[:MAX_TEXT_CHARS]
        start = time.perf_counter()
        lachan.analyse(text)
        took = time.perf_counter() - start
        worst = max(worst, took)
        print(f"{took:8.3f} s  {phrase!r} x {MAX_TEXT_CHARS // len(phrase):,}")
    print(f"worst {worst:.3f} s for one message of {MAX_TEXT_CHARS:,} characters")


if __name__ == "__main__":
    main()
