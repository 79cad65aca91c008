"""Speed of lachan.entities.extract on invented SMS-length messages (prints µs/message).

Run: .venv/bin/python bench/entities_speed.py [--rounds N] [--real]

Budget (issue 2): <= 6 µs for a typical 160-character SMS without entities, <= 20 µs with
two or three. Also times parse_phone and normalise_msisdn (bulk scrubbing).
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from lachan.entities import extract
from lachan.entities.phone import normalise_msisdn, parse_phone

PLAIN = [
    "Chào anh, tối nay mình đi ăn ở quán cũ nhé. Nhớ mang theo áo mưa vì trời có thể mưa "
    "to. Em đợi anh ở cổng trường, đừng đến muộn nha anh!",
    "Mẹ ơi con về tới nhà rồi. Chiều nay con đi học thêm, tối con ăn cơm ở nhà bạn nên mẹ "
    "không cần phần cơm cho con đâu. Thương mẹ nhiều.",
    "Cam on ban da ung ho cua hang trong thoi gian qua. Chuc ban va gia dinh mot nam moi "
    "an khang thinh vuong, van su nhu y. Hen gap lai ban.",
    "Sang mai 7h hop phong 3 nhe moi nguoi, nho mang theo bao cao tuan. Ai ban thi bao "
    "truoc cho minh. Cam on ca nha, chuc buoi toi vui ve!",
]
RICH = [
    "Vietcombank thong bao: tai khoan cua quy khach bi tam khoa. Vui long truy cap "
    "vcb-xacminh.top de xac minh. Hotline 0912.345.678",
    "Ban da trung thuong 5tr tu Shopee! Nhan qua tai https://bit.ly/3xYzAbc truoc 24h. "
    "LH 0162 912 3456 de duoc ho tro.",
    "[QC] Uu dai 50% data: soan DK V90 gui 9029 (10.000d/ngay). Chi tiet "
    "vinaphone.com.vn. Tu choi QC soan TC gui 9029.",
    "Chuyen khoan 2.500.000đ vao STK 0071 0001 23456 Vietcombank chu TK Nguyen Van A "
    "de hoan tat ho so vay. Ma OTP 483920.",
]


def _per_call_us(fn: Callable[[str], object], items: Sequence[str], rounds: int) -> float:
    for s in items:  # warm caches the way a long-running worker would have them
        fn(s)
    runs = []
    for _ in range(7):
        t0 = time.process_time()  # CPU time of this process: other load on the host
        for _ in range(rounds):  # inflates wall time, not this
            for s in items:
                fn(s)
        runs.append((time.process_time() - t0) / (rounds * len(items)) * 1e6)
    return min(runs)


def _reference_us() -> float:
    """µs for ``sum(range(1000))`` on this machine now: divide figures by it to compare
    runs on different or busy machines (about 5-8 µs on a quiet modern core)."""
    runs = []
    for _ in range(7):
        t0 = time.process_time()
        for _ in range(2000):
            sum(range(1000))
        runs.append((time.process_time() - t0) / 2000 * 1e6)
    return min(runs)


def _real_messages() -> list[str] | None:
    """Texts of the Vietnamese SMS sets in $LACHAN_DATA (default ../shared/data), or
    None when they are absent. Only timings and counts are printed, never a message."""
    root = Path(os.environ.get("LACHAN_DATA", Path(__file__).resolve().parents[1] / ".."
                               / "shared" / "data"))
    files = [root / "sms" / "vi_sms_2016.tsv", root / "sms" / "vi_smishing_2025.tsv"]
    if not all(f.is_file() for f in files):
        return None
    csv.field_size_limit(10_000_000)
    texts: list[str] = []
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            texts += [row["text"] for row in csv.DictReader(fh, delimiter="\t")]
    return texts


def _real_data_figures() -> None:
    texts = _real_messages()
    if texts is None:
        print("real SMS sets not found (set LACHAN_DATA): skipped", file=sys.stderr)
        return
    kinds: Counter[str] = Counter()
    for t in texts:
        kinds.update(e.kind for e in extract(t))
    runs = []
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            extract(t)
        runs.append((time.process_time() - t0) / len(texts) * 1e6)
    mean_len = statistics.mean(len(t) for t in texts)
    print(f"real VN SMS ({len(texts)} messages, {mean_len:.0f} chars on average): "
          f"{min(runs):6.2f} µs/message; entities found: {dict(sorted(kinds.items()))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=2000)
    ap.add_argument("--real", action="store_true",
                    help="also time the Vietnamese SMS sets in $LACHAN_DATA")
    args = ap.parse_args()
    print(f"reference sum(range(1000)): {_reference_us():6.2f} µs")
    plain_len = statistics.mean(len(s) for s in PLAIN)
    rich_len = statistics.mean(len(s) for s in RICH)
    rich_ents = statistics.mean(len(extract(s)) for s in RICH)
    print(f"plain  ({plain_len:.0f} chars, 0 entities): "
          f"{_per_call_us(extract, PLAIN, args.rounds):6.2f} µs/message")
    print(f"rich   ({rich_len:.0f} chars, {rich_ents:.1f} entities): "
          f"{_per_call_us(extract, RICH, args.rounds):6.2f} µs/message")
    for s in RICH:
        print(f"  {_per_call_us(extract, [s], args.rounds // 4):6.2f} µs  {s[:60]}…")
    numbers = ["+84 912 345 678", "0912.345.678", "84987654321", "01629123456", "0283 822 1234"]
    print(f"parse_phone:      {_per_call_us(parse_phone, numbers, args.rounds):6.2f} µs/number")
    print(f"normalise_msisdn: {_per_call_us(normalise_msisdn, numbers, args.rounds):6.2f} "
          "µs/number")
    if args.real:
        _real_data_figures()
    print(f"reference sum(range(1000)): {_reference_us():6.2f} µs")


if __name__ == "__main__":
    main()
