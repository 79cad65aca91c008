"""Speed of lachan.text.normalise on synthetic, invented SMS (no real data).

Prints CPU microseconds per message and messages per second on one core for each kind:
short plain, plain unaccented ~160 chars, accented ~160 chars, obfuscated ~160 chars.
Budget (issue 2): <= 8 us for a typical 160-character SMS, <= 3 us for a short one.

    .venv/bin/python bench/normalise_speed.py [--n 20000]

When the real SMS sets are beside the project ($LACHAN_DATA, default ../shared/data)
it also times every message of each file (figures only; no message is printed).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

from lachan.text import fold, normalise

BRANDS = ["Vietcombank", "Techcombank", "Shopee", "MoMo", "Viettel", "VNPost", "BIDV"]
AMOUNTS = ["500.000d", "2 trieu", "5tr", "300k", "1.500.000 VND", "50k"]

SHORT = [
    "Ok e, toi nay 8h nhe",
    "Me oi con ve muon",
    "Ma OTP cua ban la 482913",
    "Chieu nay hop luc 3h",
    "Da nhan, cam on anh",
]

PLAIN_TEMPLATES = [
    "{brand} thong bao: tai khoan cua quy khach se bi tam khoa do chua cap nhat thong tin."
    " Vui long truy cap https://{host}.top de xac minh truoc 24h. Hotline 0912345678",
    "Chuc mung thue bao da trung thuong {amount} tu chuong trinh tri an khach hang cua"
    " {brand}. Soan DK gui 9029 de nhan qua, chi tiet lh 0987654321 trong hom nay.",
    "Anh oi chieu nay em ko ve kip, anh don con giup em nhe. Toi em chuyen {amount} tien"
    " hoc them cho con, nho nhan tin lai cho em biet la da nhan duoc tien roi nha.",
]

ACCENTED_TEMPLATES = [
    "{brand} thông báo: tài khoản của quý khách sẽ bị tạm khóa do chưa cập nhật thông tin."
    " Vui lòng truy cập https://{host}.top để xác minh trước 24h. Hotline 0912345678",
    "Chúc mừng thuê bao đã trúng thưởng {amount} từ chương trình tri ân khách hàng của"
    " {brand}. Soạn DK gửi 9029 để nhận quà, chi tiết liên hệ 0987654321 trong hôm nay.",
    "Anh ơi chiều nay em không về kịp, anh đón con giúp em nhé. Tối em chuyển {amount}"
    " tiền học thêm cho con, nhớ nhắn tin lại cho em biết là đã nhận được tiền rồi nha.",
]

OBFUSCATED_TEMPLATES = [
    "V I E T C O M B A N K thông báo: tài khoản của quý khách bị khóa, truy cập"
    " hxxps://{host}[.]top để xác minh ngay, hỗ trợ 0912345678",
    "Vi\u0435tc\u043embank: quý khách nhận {amount}, vào {host} chấm com để nhận,"
    " ko dc chia sẻ mã OTP cho ng khác. ＨＯＴＬＩＮＥ １９００１２３４",
    "Sh0pee tặng b\u200bạn voucher {amount}, đăng nhập tại {host}(.)xyz trước 23h59"
    " hôm nay, m0m0 hoàn tiền ngay. Liên hệ 0987.654.321 nếu cần hỗ trợ nhé",
]


def _fill(template: str, rng: random.Random) -> str:
    brand = rng.choice(BRANDS)
    host = f"{fold(brand)}-xacminh{rng.randint(1, 99)}"
    return template.format(brand=brand, host=host, amount=rng.choice(AMOUNTS))


def _messages(templates: list[str], n: int, rng: random.Random) -> list[str]:
    # Distinct strings (a varying suffix) so no cache or interning flatters the figures.
    return [_fill(rng.choice(templates), rng) + f" #{i}" for i in range(n)]


def _time(fn: Callable[[str], object], messages: list[str], rounds: int = 7) -> float:
    """Best-of-rounds CPU time per message (process CPU time: robust on a busy machine)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for m in messages:
            fn(m)
        best = min(best, time.process_time() - start)
    return best / len(messages)


DATA_FILES = ("vi_sms_2016.tsv", "vi_smishing_2025.tsv", "en_uci_sms.tsv")
MAX_DATA_BYTES = 20_000_000


def _real_sets() -> dict[str, list[str]]:
    root = Path(__file__).resolve().parents[1]
    data = Path(os.environ.get("LACHAN_DATA", root / ".." / "shared" / "data")) / "sms"
    sets: dict[str, list[str]] = {}
    for name in DATA_FILES:
        path = data / name
        if not path.is_file() or path.stat().st_size > MAX_DATA_BYTES:
            continue
        with path.open(newline="", encoding="utf-8") as fh:
            sets[name] = [row.get("text") or "" for row in csv.DictReader(fh, delimiter="\t")]
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="messages per kind")
    args = parser.parse_args()
    rng = random.Random(20261122)
    kinds = {
        "short plain": [rng.choice(SHORT) + f" {i}" for i in range(args.n)],
        "plain (unaccented)": _messages(PLAIN_TEMPLATES, args.n, rng),
        "accented": _messages(ACCENTED_TEMPLATES, args.n, rng),
        "obfuscated": _messages(OBFUSCATED_TEMPLATES, args.n, rng),
    }
    print(f"{'kind':<22} {'avg chars':>9} {'us/msg':>8} {'msgs/s':>10}")
    for kind, messages in kinds.items():
        per = _time(normalise, messages)
        chars = sum(map(len, messages)) / len(messages)
        print(f"{kind:<22} {chars:>9.0f} {per * 1e6:>8.2f} {1 / per:>10,.0f}")
    real = _real_sets()
    if not real:
        print("(real SMS sets not found: set LACHAN_DATA to time them too)")
    for name, messages in real.items():
        sms_sized = [m for m in messages if 140 <= len(m) <= 180]
        for label, subset in ((name, messages), ("  140-180 chars", sms_sized)):
            if not subset:
                continue
            per = _time(normalise, subset)
            chars = sum(map(len, subset)) / len(subset)
            print(f"{label:<22} {chars:>9.0f} {per * 1e6:>8.2f} {1 / per:>10,.0f}")


if __name__ == "__main__":
    main()
