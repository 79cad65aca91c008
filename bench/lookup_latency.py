"""Latency of ``GET /v1/lookup/{kind}/{value}`` on a real ``lachan serve`` (SQLite by
default) under concurrent open-loop load on loopback: p50 / p99 at a target rate.

    .venv/bin/python bench/lookup_latency.py [--rates 100,250,500] [--seconds 8] [--sources 5000]

The registry is first filled through the batch endpoint (complaints against
``--sources`` numbers); the load then asks for a mix of known and unknown numbers and
domains at each rate of ``--rates`` (requests per second) for ``--seconds`` each
(time-bounded). Latency is measured from each request's scheduled start, so a server that
falls behind shows it (no coordinated omission); requests unanswered after 10 s count as
errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import tempfile
import time

import httpx
from bench_server import (  # only to fill the registry and wait for the server
    free_port,
    start_server,
)


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


class _Conn:
    """One keep-alive HTTP/1.1 connection with a minimal client (far less CPU than a full
    client library, so the load generator leaves the server its share of the machine)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(
            f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nConnection: keep-alive\r\n\r\n".encode()
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await self.reader.readexactly(length)
        return status


async def load(
    host: str, port: int, rate: float, seconds: float, n_sources: int, connections: int = 32
) -> tuple[list[float], int]:
    rng = random.Random(7)
    latencies: list[float] = []
    errors = 0
    idle: asyncio.Queue[_Conn] = asyncio.Queue()
    for _ in range(connections):
        idle.put_nowait(_Conn(host, port))

    async def one(path: str, scheduled: float) -> None:
        nonlocal errors
        conn = await idle.get()
        try:
            ok = await asyncio.wait_for(conn.get(path), 10) == 200
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            ok = False
            conn.writer = None
        idle.put_nowait(conn)
        latencies.append(time.perf_counter() - scheduled)
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
        tasks.append(asyncio.create_task(one(path, t0 + due)))
        i += 1
    await asyncio.gather(*tasks)
    return latencies, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rates", default="100,250,500")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--seconds", type=float, default=8.0)
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
        proc, key = start_server(env, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            t = time.perf_counter()
            fill(base, key, args.sources)
            print(f"registry filled with {args.sources} sources in {time.perf_counter() - t:.1f} s")
            for rate in [float(r) for r in args.rates.split(",")]:
                lat, errors = asyncio.run(load("127.0.0.1", port, rate, args.seconds, args.sources))
                report(rate, args.seconds, lat, errors)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(20)


def report(rate: float, seconds: float, lat: list[float], errors: int) -> None:
    lat_ms = sorted(x * 1000 for x in lat)
    q = statistics.quantiles(lat_ms, n=100)
    print(
        f"sqlite lookup at {rate:5.0f}/s for {seconds:.0f} s: {len(lat_ms)} requests, "
        f"{errors} errors; p50 {q[49]:.2f} ms  p90 {q[89]:.2f} ms  p99 {q[98]:.2f} ms  "
        f"max {lat_ms[-1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
