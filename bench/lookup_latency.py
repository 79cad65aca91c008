"""Latency of ``GET /v1/lookup/{kind}/{value}`` on a real ``lachan serve`` (SQLite by
default) under concurrent open-loop load on loopback: p50 / p99 at a target rate.

    .venv/bin/python bench/lookup_latency.py [--rate 500] [--seconds 10] [--sources 5000]

The registry is first filled through the batch endpoint (complaints against
``--sources`` numbers); the load then asks for a mix of known and unknown numbers and
domains at ``--rate`` requests per second for ``--seconds`` (time-bounded).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], port: int) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "lachan.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    key = proc.stdout.readline().strip()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                return proc, key
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def fill(base: str, key: str, n_sources: int) -> None:
    with httpx.Client(
        base_url=base, timeout=300, headers={"Authorization": f"Bearer {key}"}
    ) as client:
        for start in range(0, n_sources, 500):
            items = [
                {
                    "reporter": f"090{i:07d}",
                    "channel": "sms",
                    "source": f"098{i:07d}",
                    "content": f"Vay tien nhanh, lien he 098{i:07d}",
                }
                for i in range(start, min(start + 500, n_sources))
            ]
            resp = client.post("/v1/complaints/batch", json={"complaints": items})
            resp.raise_for_status()


async def load(base: str, rate: float, seconds: float, n_sources: int) -> tuple[list[float], int]:
    rng = random.Random(7)
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:

        async def one(path: str) -> None:
            nonlocal errors
            t = time.perf_counter()
            try:
                resp = await client.get(path)
                ok = resp.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - t)
            errors += not ok

        tasks = []
        t0 = time.perf_counter()
        i = 0
        while (now := time.perf_counter() - t0) < seconds:
            due = i / rate
            if due > now:
                await asyncio.sleep(due - now)
            r = rng.random()
            if r < 0.6:
                path = f"/v1/lookup/phone/098{rng.randrange(n_sources):07d}"
            elif r < 0.9:
                path = f"/v1/lookup/phone/091{rng.randrange(10_000_000):07d}"
            else:
                path = f"/v1/lookup/domain/site{rng.randrange(1000)}.example.vn"
            tasks.append(asyncio.create_task(one(path)))
            i += 1
        await asyncio.gather(*tasks)
    return latencies, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=500.0)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--sources", type=int, default=5000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LACHAN_HOME": home}
        env.pop("LACHAN_DATABASE_URL", None)
        # Public callers are limited per address; the benchmark raises that limit.
        settings = os.path.join(home, "centre.json")
        with open(settings, "w", encoding="utf-8") as fh:
            fh.write('{"public_rate_per_minute": 10000000}')
        port = free_port()
        proc, key = start_server(env, port)
        base = f"http://127.0.0.1:{port}"
        try:
            t = time.perf_counter()
            fill(base, key, args.sources)
            print(f"registry filled with {args.sources} sources in {time.perf_counter() - t:.1f} s")
            lat, errors = asyncio.run(load(base, args.rate, args.seconds, args.sources))
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(20)
    lat_ms = sorted(x * 1000 for x in lat)
    q = statistics.quantiles(lat_ms, n=100)
    print(
        f"lookup on sqlite, {len(lat_ms)} requests at {args.rate:.0f}/s target for "
        f"{args.seconds:.0f} s ({len(lat_ms) / args.seconds:.0f}/s offered), {errors} errors"
    )
    print(f"p50 {q[49]:.2f} ms   p90 {q[89]:.2f} ms   p99 {q[98]:.2f} ms   max {lat_ms[-1]:.2f} ms")


if __name__ == "__main__":
    main()
