"""`make bench`: every benchmark in turn, each printing its measured ratios against its goal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = ("guard_bench.py", "plan_bench.py", "portal_bench.py")


def main() -> int:
    here = Path(__file__).resolve().parent
    failed = 0
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        # One process each: a benchmark's imports and caches must not warm the next one.
        failed |= subprocess.call([sys.executable, str(here / name), *sys.argv[1:]]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
