"""Benchmark of the owner data service's record query path; prints figures, asserts nothing.

Starts the service the production way (``uvicorn --factory portal.__main__:app_from_env``, one
worker, settings from the environment) on 127.0.0.1 against a seeded store (SQLite by default,
``--database-url`` for PostgreSQL), then drives it with a concurrent HTTP client (httpx2, asyncio):

1. record list: ``GET /v1/vehicles/{vin}/data-classes/vehicle_telemetry/records`` over a random
   one-day window inside the owner's period, 50 per page (token verification, ownership check,
   index query, access-log write and commit, JSON);
2. record fetch: ``GET .../records/{id}`` (the same plus reading the object from the folder store).

Printed: requests/s, p50 and p99 latency per path, and the error count. Client and server share this
machine's cores, so the figures are a floor for this hardware, not a capacity plan.

    python benchmarks/portal_bench.py [--requests 2000] [--concurrency 16] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _drive(base: str, token: str, paths: list[str], total: int, concurrency: int) -> dict[str, Any]:
    import httpx2

    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx2.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            for _ in counter:
                path = random.choice(paths)
                t0 = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - t0)
                if response.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": _percentile(latencies, 0.99) * 1000,
        "errors": errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--days", type=int, default=10, help="days of sample data (24 records/day/class/VIN)")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite in a temp dir)")
    args, _unknown = parser.parse_known_args()  # `make bench` passes every benchmark the same arguments

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from portal.db import Base, Record, make_engine
    from portal.dev import DevKey, dev_settings_env, seed
    from portal.settings import Settings
    from portal.storage import LocalFolderStore

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        directory = Path(tmp)
        env = dev_settings_env(directory)
        if args.database_url:
            env["PORTAL_DATABASE_URL"] = args.database_url
        settings = Settings.from_env(env)
        key = DevKey.generate()
        (directory / "jwks.json").write_text(json.dumps(key.jwks()))
        engine = make_engine(settings.database_url)
        Base.metadata.drop_all(engine)
        with engine.begin() as conn:  # and Alembic's version table: the seed below migrates from scratch
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        t0 = time.perf_counter()
        sample = seed(engine, LocalFolderStore(settings.storage_root), days=args.days, per_day=24)
        with Session(engine) as session:
            n_records = len(session.scalars(select(Record.id)).all())
            ids = list(
                session.scalars(
                    select(Record.id).where(
                        Record.vin == sample.sold_vin,
                        Record.data_class == "vehicle_telemetry",
                        Record.recorded_at >= sample.transfer_at,
                    )
                )
            )
        engine.dispose()
        print(f"seeded {n_records} records in {time.perf_counter() - t0:.1f} s ({settings.database_url.split(':')[0]})")

        return _measure(args, env, key, sample, ids)


def _measure(args: argparse.Namespace, env: dict[str, str], key: Any, sample: Any, ids: list[str]) -> int:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "portal.__main__:app_from_env",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("portal did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        token = key.token("owner-bob")
        vin = sample.sold_vin
        days = max(1, (sample.days - sample.days // 2) - 1)
        lists = [
            f"/v1/vehicles/{vin}/data-classes/vehicle_telemetry/records?limit=50"
            f"&from={(sample.transfer_at + timedelta(days=d)).isoformat().replace('+00:00', 'Z')}"
            f"&until={(sample.transfer_at + timedelta(days=d + 1)).isoformat().replace('+00:00', 'Z')}"
            for d in range(days)
        ]
        fetches = [f"/v1/vehicles/{vin}/data-classes/vehicle_telemetry/records/{i}" for i in ids]
        asyncio.run(_drive(base, token, lists + fetches, 200, args.concurrency))  # warm-up
        print(
            f"{args.requests} requests per path, {args.concurrency} concurrent,"
            f" 1 uvicorn worker, {os.cpu_count()} cores"
        )
        for name, paths in (("record list (50/page)", lists), ("record fetch", fetches)):
            r = asyncio.run(_drive(base, token, paths, args.requests, args.concurrency))
            print(
                f"  {name:22} {r['rps']:8.1f} req/s   p50 {r['p50_ms']:7.1f} ms   p99 {r['p99_ms']:7.1f} ms"
                f"   errors {r['errors']}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
