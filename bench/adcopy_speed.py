"""Ad-copy checking speed.

1. p99 of checking one ad copy in-process (the Decree 91 rules on prepared facts; and
   the same plus the content engine's verdict). Goal: <= 1 ms p99.
2. Ad copies per second through the batch API (POST /v1/advertisers/{id}/copies) on
   SQLite, analysis included. Goal: >= 5,000 copies/s. The process's CPU time is shown
   too (the server runs in-process): on a shared machine it varies less than the wall
   clock.

    .venv/bin/python bench/adcopy_speed.py [--copies 20000] [--batch 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TEMPLATE = "[QC] Giam {pct} cho ban {name} tai SHOPABC. Tu choi soan TC gui 8088"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def in_process(n: int) -> None:
    import lachan
    from lachan.detect.ad_rules import AdCopy, BrandnameFacts, CopyFacts, check_copy, parse_template

    tpl = parse_template(TEMPLATE)
    brand = BrandnameFacts(
        "SHOPABC", 1, datetime(2025, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    )
    texts = [
        f"[QC] Giam {i % 50}% cho ban Khach{i} tai SHOPABC. Tu choi soan TC gui 8088"
        for i in range(n)
    ]
    base = datetime(2026, 11, 22, 8, 0, tzinfo=VN)
    copies = [
        AdCopy(1, "SHOPABC", f"09{i:08d}", "sms", base + timedelta(seconds=i * 3), t)
        for i, t in enumerate(texts)
    ]
    facts = CopyFacts(
        brandname=brand,
        consent_state="given",
        templates=(tpl,) * 5,
        advertiser_names=("SHOPABC",),
        prior_sends=1,
    )
    lachan.analyse("warm up")
    for label, with_engine in (("rules only", False), ("rules + engine verdict", True)):
        times = []
        for c in copies:
            t = time.perf_counter()
            if with_engine:
                v = lachan.analyse(c.text, sender=c.sender)
                facts.content_label, facts.content_score = v.label, v.score
            check_copy(c, facts)
            times.append((time.perf_counter() - t) * 1000)
        print(
            f"one copy in-process, {label:24s} p50 {statistics.median(times):.3f} ms  "
            f"p99 {pct(times, 0.99):.3f} ms  (n={n})   goal p99 <= 1 ms"
        )


def through_api(total: int, batch: int, distinct_texts: int | None) -> None:
    """``distinct_texts``: how many different texts a batch holds (a campaign sends one
    text to many people); None: every copy has its own text (worst case)."""
    from fastapi.testclient import TestClient

    from lachan.registry import keys
    from lachan.serve.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LACHAN_HOME"] = tmp
        url = f"sqlite:///{tmp}/bench.db"
        app = create_app(url, migrate=True)
        with app.state.db.transaction() as s:
            key = keys.create_key(s, "advertiser", "bench")
            admin = keys.create_key(s, "admin", "bench")  # a brandname valid from the past
        h = {"Authorization": f"Bearer {key}"}
        with TestClient(app) as client:
            aid = client.post("/v1/advertisers", json={"name": "Shop ABC"}, headers=h).json()["id"]
            client.post(
                f"/v1/advertisers/{aid}/brandnames",
                json={"name": "SHOPABC", "valid_from": "2026-01-01T00:00:00+07:00"},
                headers={"Authorization": f"Bearer {admin}"},
            )
            client.post(f"/v1/advertisers/{aid}/templates", json={"text": TEMPLATE}, headers=h)
            recipients = [f"09{i:08d}" for i in range(5000)]
            for i in range(0, len(recipients), 2500):
                client.post(
                    f"/v1/advertisers/{aid}/consents",
                    headers=h,
                    json={
                        "consents": [
                            {"recipient": r, "given_at": "2026-11-01T00:00:00+07:00"}
                            for r in recipients[i : i + 2500]
                        ]
                    },
                )
            base = datetime(2026, 11, 22, 7, 0, tzinfo=VN)

            def text_no(n: int) -> int:
                return n % distinct_texts if distinct_texts else n

            bodies = []
            for b in range(0, total, batch):
                bodies.append(
                    {
                        "copies": [
                            {
                                "sender": "SHOPABC",
                                "recipient": recipients[(b + i) % len(recipients)],
                                "channel": "sms",
                                "sent_at": (base + timedelta(seconds=(b + i) // 3)).isoformat(),
                                "text": f"[QC] Giam 30% cho ban Khach{text_no(b + i)} tai "
                                "SHOPABC. Tu choi soan TC gui 8088",
                            }
                            for i in range(min(batch, total - b))
                        ]
                    }
                )
            t, cpu = time.perf_counter(), time.process_time()
            violations = 0
            for body in bodies:
                r = client.post(f"/v1/advertisers/{aid}/copies", json=body, headers=h)
                assert r.status_code == 200, r.text[:300]
                violations += r.json()["with_violations"]
            dt, cpu = time.perf_counter() - t, time.process_time() - cpu
        app.state.db.dispose()
    kind = f"{distinct_texts} distinct texts" if distinct_texts else "every text distinct"
    print(
        f"batch API on SQLite ({kind}): {total:,} copies in {dt:.2f} s = "
        f"{total / dt:,.0f} copies/s (batches of {batch}, analysis included; "
        f"{violations:,} with violations)   goal >= 5,000/s\n"
        f"    CPU time {cpu:.2f} s = {total / cpu:,.0f} copies per CPU second (the figure "
        "to compare on a busy machine)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20_000)
    ap.add_argument("--batch", type=int, default=2_000)
    ap.add_argument("--single", type=int, default=5_000)
    args = ap.parse_args()
    in_process(args.single)
    through_api(args.copies, args.batch, 20)
    through_api(args.copies, args.batch, None)


if __name__ == "__main__":
    main()
