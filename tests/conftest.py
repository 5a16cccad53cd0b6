"""Fixtures shared by several test files (one definition each; a file's own fixtures stay in the file).

* The Pulumi mock runtime for one test is the toolkit's own ``pulumi_mocks`` fixture
  (``components.testing.fixtures``, a pytest plugin registered in pyproject.toml); no copy here.
* ``stack_config`` / ``cn``: the stack config the Pulumi engine hands a policy pack (``PULUMI_CONFIG``),
  and the residency pack driven for a CN stack (see ``test_policy_support.py`` for the driver).
* ``once_per_run``: a slow result made once for the whole run, whichever xdist worker asks first;
  ``shipped_stacks_unchanged``: the shared runs of ``tests/shipped.py`` are checked unchanged at the end;
  ``shipped_cli_run``: the plan command of every shipped stack in a subprocess, once per run.
* The run's shape (issue 13, the suite's time): tests marked ``early`` start first, and xdist workers
  skip the interpreter's teardown once they are done.
"""

from __future__ import annotations

import atexit
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

try:
    import fcntl
except ImportError:  # not on POSIX: each xdist worker makes its own (once_per_run below)
    fcntl = None  # type: ignore[assignment]

import pulumi.runtime.config
import pytest
from hypothesis import settings

try:  # pytest's own count of end-of-session collections (pytester sets it; see pytest_unconfigure below)
    from _pytest.unraisableexception import gc_collect_iterations_key
except ImportError:  # another pytest: its end of session is left as it is
    gc_collect_iterations_key = None  # type: ignore[assignment]

from components.plan import server as plan_server

# Hypothesis's per-example deadline (200 ms) is a timing test: on this 2-core machine, with the suite's other worker
# and other processes beside it, an example that takes 0.3 ms alone took 253 ms once. Speed lives in benchmarks/.
settings.register_profile("sovereign-dc", deadline=None)
settings.load_profile("sovereign-dc")

ROOT = Path(__file__).resolve().parents[1]
POLICY_DIR = ROOT / "policy"
# `python -m pulumi.policy <engine> .` runs the pack with runpy, which puts the pack directory first on
# sys.path; every test file imports the pack's modules (`residency_pack`) the same way.
if str(POLICY_DIR) not in sys.path:
    sys.path.insert(0, str(POLICY_DIR))

if TYPE_CHECKING:
    from test_policy_support import Pack

SetConfig = Callable[[Mapping[str, Any] | None], None]
T = TypeVar("T")
OncePerRun = Callable[[str, Callable[[Path], T]], T]


@pytest.fixture
def stack_config(monkeypatch: pytest.MonkeyPatch) -> Iterator[SetConfig]:
    """Set the stack config the engine would pass in PULUMI_CONFIG; restores pulumi's global config."""
    for var in ("PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_DRY_RUN", "PULUMI_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    saved = dict(pulumi.runtime.config.CONFIG.get())

    def set_config(values: Mapping[str, Any] | None) -> None:
        if values is None:
            monkeypatch.delenv("PULUMI_CONFIG", raising=False)
        else:
            monkeypatch.setenv("PULUMI_CONFIG", json.dumps(dict(values)))

    yield set_config
    # pulumi-policy's servicer copies PULUMI_CONFIG into pulumi's process-wide config on every call.
    live = pulumi.runtime.config.CONFIG.get()
    live.clear()
    live.update(saved)


@pytest.fixture
def cn(stack_config: SetConfig) -> Pack:
    """The pack for a stack whose config says ``sovereign-dc:jurisdiction: CN``."""
    from test_policy_support import Pack

    stack_config({"sovereign-dc:jurisdiction": "CN", "aws:region": "cn-north-1"})
    return Pack()


@pytest.fixture(scope="session", autouse=True)
def shipped_stacks_unchanged() -> Iterator[None]:
    """Fails the session if a test changed a shipped stack's run that tests share (tests/shipped.py)."""
    yield
    shipped = sys.modules.get("shipped")
    changed = shipped.check_unchanged() if shipped is not None else []
    assert not changed, f"a test changed the shared runs of {changed}; copy a value before editing it"


@pytest.fixture(scope="session")
def once_per_run(tmp_path_factory: pytest.TempPathFactory) -> OncePerRun[Any]:
    """``once_per_run(key, make)``: ``make(folder)`` run once for the whole test run, however many
    pytest-xdist workers ask for ``key`` (each worker has its own session, so a session fixture alone
    would run once per worker). The first to ask makes it under a lock in the run's shared temporary
    folder, the others wait and read the pickled result. For slow, read-only results: the Lambda
    package build, the plain-path plan in a fresh interpreter, the plan command in a subprocess."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None:
        root = root.parent  # the controller's folder, shared by every worker of this run

    def once(key: str, make: Callable[[Path], T]) -> T:
        folder = root / f"once-{key}"
        result = root / f"once-{key}.pickle"
        with open(root / f"once-{key}.lock", "a+b") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)
            if result.exists():
                value: T = pickle.loads(result.read_bytes())
                return value
            folder.mkdir(exist_ok=True)
            value = make(folder)
            partial = result.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(value))
            partial.replace(result)
            return value

    return once


JOBS = ("--jobs", "2")


@pytest.fixture(scope="session")
def shipped_cli_run(once_per_run: OncePerRun[subprocess.CompletedProcess[str]]) -> subprocess.CompletedProcess[str]:
    """One JSON plan of every shipped stack, through the real command line in a fresh interpreter, as a
    reviewer runs it (ResourceWarnings shown, so an event loop left open at exit would be reported).
    Two jobs whatever this machine has, so the stacks are planned in forked workers: the path that
    tests/test_speed.py compares with the plain plan, byte for byte. Once per test run."""
    return once_per_run(
        "plan-cli-json",
        lambda _: subprocess.run(
            [sys.executable, "-W", "always::ResourceWarning", "-m", "components.plan", "--format", "json", *JOBS],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        ),
    )


def _exit_now() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def pytest_configure(config: pytest.Config) -> None:
    # Commands the tests start plan in their own process unless a test asks for the warm plan server
    # (tests/test_plan_server.py): a developer's exported SOVEREIGN_PLAN_SERVER=on would otherwise
    # leave a server behind in their own runtime folder.
    os.environ[plan_server.ENV] = "off"
    # An xdist worker is done once its session has ended and the atexit handlers registered after this
    # one (loops.close_at_exit's among them) have run: skip the interpreter's teardown of a heap of about
    # 850,000 objects, which took ~3 s of CPU per worker while the run waited for the last worker to exit
    # (issue 13, measured). pytest's own end-of-session checks (unraisable exceptions) have run by then.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        atexit.register(_exit_now)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    # pytest's unraisable-exception plugin makes a full collection in its own pytest_unconfigure (which runs
    # before this trylast one) so that a finaliser raising in cyclic garbage is reported, and then a second one in
    # its cleanup, after every plugin's unconfigure. On CPython the first frees every cycle (pytest's own comment:
    # "CPython frees cycles in one pass"); the second found nothing to collect in the table's runs (suitecost46,
    # gc callbacks: 0 objects) but still traversed the whole heap, every xdist worker's last ~0.3-2.8 s of CPU at
    # the end of the run, while the other worker waits. Its report of unraisable exceptions still runs.
    if gc_collect_iterations_key is not None:
        config.stash[gc_collect_iterations_key] = 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The few tests marked `early` take seconds each (a subprocess, a package build): run first, they
    # overlap the many short tests on the other xdist worker instead of being the last test of the
    # run while the other worker idles. Otherwise the collected order stands (the sort is stable).
    items.sort(key=lambda item: item.get_closest_marker("early") is None)
