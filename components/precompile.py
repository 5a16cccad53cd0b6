"""``python -m components.precompile``: write bytecode for what the plan imports, two processes at once.

The installer (uv) does not byte-compile, on purpose: the provider SDKs ship about 8,000 modules and
compiling all of them is most of a ``pip install`` (issue 13). The plan imports about 1,300 of them,
and compiling those on first import costs about 2.7 s of one core. This step, run once by the
Makefile after every install, imports the toolkit in two processes split by cloud, so the compile
runs on two cores and every later run (the plan, the tests, a ``pulumi preview``) loads bytecode.

It writes bytecode even where ``PYTHONDONTWRITEBYTECODE`` is set (CI images often set it): Python
still *reads* bytecode there, so without this step such an environment would compile the same
1,300 modules again on every run.
"""

from __future__ import annotations

import subprocess
import sys

__all__ = ["GROUPS", "main"]

# One process per group. The split follows the two provider SDKs, which are most of the bytes;
# whatever a group forgets is simply compiled on first import later (slower, never wrong).
GROUPS: tuple[tuple[str, ...], ...] = (
    ("components.aws",),
    ("components.alicloud", "components.datacenter", "components.plan.cli"),
)


def _command(modules: tuple[str, ...]) -> list[str]:
    imports = "; ".join(f"import {name}" for name in modules)
    return [sys.executable, "-c", f"import sys; sys.dont_write_bytecode = False; {imports}"]


def main() -> int:
    """Run every group at once; the exit code is non-zero if any import failed."""
    processes = [subprocess.Popen(_command(group)) for group in GROUPS]
    return max(process.wait() for process in processes)


if __name__ == "__main__":
    raise SystemExit(main())
