"""Print host-analyser throughput (hosts/s, one core, batch), ``lachan classify-urls``
end to end, and /v1/verify latency.

    .venv/bin/python bench/hosts_speed.py [--repeat 5] [--verify 2000] [--no-cli]

Hosts come from $LACHAN_DATA/domains (both lists) when present, else from a generated
set of look-alike and ordinary names. ``classify_hosts`` figures on distinct hosts:
``cold`` is the first run in the process with the label caches empty (as a held-back list
would be), ``cold, repeated`` the best of --repeat runs with the caches emptied before
each (a long-running worker meeting new hosts), ``warm`` the best of --repeat runs with
the caches full. Then ``lachan classify-urls`` on a JSON Lines file of the same hosts in
a fresh process (start-up included, and alone), then p50/p99 of in-process
``GET /v1/verify`` requests through FastAPI's test client.
"""

from __future__ import annotations

import os

# one core: keep numpy's BLAS single-threaded (set before numpy is imported)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402


def sample_hosts() -> list[str]:
    try:
        from lachan.model import host_data

        items = host_data.read_lines(host_data.require(host_data.PHISHING_FILE))
        items += host_data.read_lines(host_data.require(host_data.LEGIT_FILE))
        return items
    except FileNotFoundError:
        rnd = random.Random(7)
        words = ["shop", "vietcombank", "nhanqua", "khuyenmai", "tin", "bao", "vay", "an", "hoc"]
        tlds = ["com", "vn", "com.vn", "xyz", "top", "edu.vn", "net"]
        return [
            f"{rnd.choice(words)}{rnd.randint(0, 999)}-{rnd.choice(words)}.{rnd.choice(tlds)}"
            for _ in range(25_000)
        ]


def clear_caches() -> None:
    """Empty the caches keyed by host or label (those keyed by suffix stay, as they would
    in a worker meeting new hosts)."""
    from lachan.detect import host_checks, hosts

    host_checks._LABEL_CACHE.clear()
    hosts._LABEL_TRICKS.clear()


def bench_batch(items: list[str], repeat: int) -> dict[str, float]:
    """hosts/s: ``cold`` (first run, label caches empty), ``cold_rep`` (best of ``repeat``
    runs, caches emptied before each), ``warm`` (best of ``repeat`` runs over the same
    hosts), as wall-clock and as this process's CPU time."""
    from lachan.detect.hosts import classify_items

    classify_items(items[:100])  # load the model and word lists
    clear_caches()
    w0, c0 = time.perf_counter(), time.process_time()
    classify_items(items)
    out = {"cold_wall": len(items) / (time.perf_counter() - w0),
           "cold_cpu": len(items) / (time.process_time() - c0)}
    for name, clear in (("cold_rep", True), ("warm", False)):
        best_w = best_c = float("inf")
        for _ in range(repeat):
            if clear:
                clear_caches()
            w0, c0 = time.perf_counter(), time.process_time()
            classify_items(items)
            best_w = min(best_w, time.perf_counter() - w0)
            best_c = min(best_c, time.process_time() - c0)
        out[f"{name}_wall"] = len(items) / best_w
        out[f"{name}_cpu"] = len(items) / best_c
    return out


def bench_cli(items: list[str]) -> dict[str, float]:
    """``lachan classify-urls FILE > out`` in a fresh process: seconds of wall-clock and
    CPU time for the whole file and for an empty file (start-up alone)."""
    import json
    import resource
    import subprocess
    import tempfile

    cmd = [sys.executable, "-c", "from lachan.cli import main; main()", "classify-urls"]
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        full, empty = os.path.join(tmp, "hosts.jsonl"), os.path.join(tmp, "empty.jsonl")
        with open(full, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"id": i, "url": h}) + "\n" for i, h in enumerate(items))
        open(empty, "w").close()
        for name, path in (("empty", empty), ("file", full)):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            w0 = time.perf_counter()
            proc = subprocess.run([*cmd, path], capture_output=True, check=False)
            out[f"{name}_wall"] = time.perf_counter() - w0
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            out[f"{name}_cpu"] = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
            if name == "file":
                out["lines_out"] = proc.stdout.count(b"\n")
    return out


def bench_verify(n: int) -> tuple[float, float] | None:
    try:
        from fastapi.testclient import TestClient

        from lachan.serve.app import create_app
    except Exception as exc:  # noqa: BLE001
        print(f"verify: skipped ({exc})", file=sys.stderr)
        return None
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        os.environ["LACHAN_HOME"] = home
        os.environ.pop("LACHAN_DATABASE_URL", None)
        from lachan.registry import keys as keys_mod

        app = create_app(migrate=True)
        with app.state.db.transaction() as session:  # a key: public callers are rate-limited
            key = keys_mod.create_key(session, "analyst", "bench")
        headers = {"Authorization": f"Bearer {key}"}
        with TestClient(app) as client:
            queries = ["domain=vietcombank-vn.top", "phone=1900545413", "url=https://shopee.vn/x",
                       "brandname=Vietcombank", "email=a@vnpost.vn", "domain=hcmus.edu.vn"]
            for q in queries:
                client.get(f"/v1/verify?{q}", headers=headers)
            from lachan.registry import official

            fn_lat = []
            for i in range(n):
                kind, _, value = queries[i % len(queries)].partition("=")
                t0 = time.perf_counter()
                with app.state.db.read() as session:
                    official.verify(session, kind, value)
                fn_lat.append(time.perf_counter() - t0)
            fn_lat.sort()
            print(f"registry verify() in-process (session included): "
                  f"p50 {statistics.median(fn_lat) * 1000:.2f} ms, "
                  f"p99 {fn_lat[int(0.99 * (len(fn_lat) - 1))] * 1000:.2f} ms")
            lat = []
            for i in range(n):
                t0 = time.perf_counter()
                r = client.get(f"/v1/verify?{queries[i % len(queries)]}", headers=headers)
                lat.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    print(f"verify: status {r.status_code}: {r.text[:200]}", file=sys.stderr)
                    return None
    lat.sort()
    return statistics.median(lat) * 1000, lat[int(0.99 * (len(lat) - 1))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--verify", type=int, default=2000)
    ap.add_argument("--no-cli", action="store_true", help="skip the classify-urls run")
    args = ap.parse_args()
    items = sample_hosts()
    print(f"hosts: {len(items)} distinct items")
    r = bench_batch(items, args.repeat)
    print(f"classify_hosts cold (first run, caches empty): {r['cold_wall']:,.0f} hosts/s wall, "
          f"{r['cold_cpu']:,.0f} hosts/s CPU")
    print(f"classify_hosts cold, repeated (best of {args.repeat}, caches emptied each time): "
          f"{r['cold_rep_wall']:,.0f} hosts/s wall, {r['cold_rep_cpu']:,.0f} hosts/s CPU")
    print(f"classify_hosts warm (best of {args.repeat}): {r['warm_wall']:,.0f} hosts/s wall, "
          f"{r['warm_cpu']:,.0f} hosts/s CPU")
    if not args.no_cli:
        c = bench_cli(items)
        n = len(items)
        print(f"lachan classify-urls, {n} JSON lines in, {c['lines_out']:.0f} out: "
              f"{c['file_wall']:.2f} s wall, {c['file_cpu']:.2f} s CPU "
              f"({n / c['file_cpu']:,.0f} lines/s CPU); start-up alone {c['empty_wall']:.2f} s "
              f"wall, {c['empty_cpu']:.2f} s CPU; without it "
              f"{n / max(c['file_cpu'] - c['empty_cpu'], 1e-9):,.0f} lines/s CPU")
    if args.verify:
        v = bench_verify(args.verify)
        if v:
            print(f"GET /v1/verify through TestClient: p50 {v[0]:.2f} ms, p99 {v[1]:.2f} ms "
                  f"({args.verify} requests)")


if __name__ == "__main__":
    main()
