"""Complaints per second through ``POST /v1/complaints/batch`` of a real ``lachan serve``
(analysis, dedupe, entity links, encryption and audit included), on SQLite and on
PostgreSQL (skipped when none answers at 127.0.0.1:5432).

    .venv/bin/python bench/complaints_throughput.py [--seconds 15] [--batch 500] [--senders 2]
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from bench_server import free_port, start_server

TEMPLATES = (
    "Tai khoan Vietcombank cua ban bi tam khoa. Xac minh tai http://vcb-xacminh{n}.top ngay",
    "Chuc mung quy khach trung thuong xe SH, lien he 097{n:07d} de nhan giai",
    "[QC] Giam 50% toan bo san pham tai shop, soan TC gui 9029 de tu choi. Ma {n}",
    "Vay tien nhanh khong the chap, giai ngan 30 phut, goi 086{n:07d}",
    "Buu dien thong bao buu pham cua ban bi giu, thanh toan phi tai http://vnpost-phi{n}.vip",
    "Em chao anh, mai minh hop luc 9h nhe, ma so {n}",
)


def run(
    label: str, env: dict[str, str], seconds: float, batch: int, senders: int, workers: int
) -> None:
    port = free_port()
    proc, key = start_server(env, port, workers)
    base = f"http://127.0.0.1:{port}"
    counts = [0] * senders
    errors = [0] * senders
    stop_at = time.monotonic() + seconds

    def sender(idx: int) -> None:
        n = idx * 10_000_000
        with httpx.Client(
            base_url=base, timeout=120, headers={"Authorization": f"Bearer {key}"}
        ) as client:
            while time.monotonic() < stop_at:
                items = []
                for _ in range(batch):
                    n += 1
                    items.append(
                        {
                            "reporter": f"090{n % 10_000_000:07d}",
                            "channel": "sms",
                            "source": f"098{(n * 7) % 10_000_000:07d}",
                            "content": TEMPLATES[n % len(TEMPLATES)].format(n=n % 1000),
                        }
                    )
                resp = client.post("/v1/complaints/batch", json={"complaints": items})
                if resp.status_code != 200:
                    errors[idx] += batch
                    continue
                c = resp.json()["counts"]
                counts[idx] += c.get("created", 0) + c.get("duplicate", 0)
                errors[idx] += c.get("error", 0) + c.get("rate_limited", 0)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=sender, args=(i,)) for i in range(senders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    proc.send_signal(signal.SIGTERM)
    proc.wait(20)
    total = sum(counts)
    print(
        f"{label:<11} {total:>8} complaints in {elapsed:6.1f} s = {total / elapsed:8.0f} /s "
        f"(batch {batch}, {senders} senders, {sum(errors)} refused)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--senders", type=int, default=2)
    args = ap.parse_args()
    print(f"complaints through POST /v1/complaints/batch, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LACHAN_HOME": home}
        env.pop("LACHAN_DATABASE_URL", None)
        run("sqlite", env, args.seconds, args.batch, args.senders, args.workers)

    from lachan.store.testing import pg_available, pg_create_database, pg_drop_database

    reason = pg_available()
    if reason:
        print(f"postgresql  skipped: {reason}")
        return
    url = pg_create_database()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "LACHAN_HOME": home, "LACHAN_DATABASE_URL": url}
            run("postgresql", env, args.seconds, args.batch, args.senders, args.workers)
    finally:
        pg_drop_database(url)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    main()
