"""Plan several stacks at once: worker processes forked after every import (issue 13).

Each stack's program runs in its own copy of the already-initialised interpreter, so the provider
SDKs (most of a plan's start-up) are imported once, in the parent, and the stacks run on every core.
Results come back in the order of the stack files, and a plan made this way is the same, byte for
byte, as one made stack after stack (tests/test_speed.py).

The stacks are queued in file order, the next free worker taking the next one. Handing them largest
first (by the CPU each stack's previous plan took, kept per user) was built and measured at stop 51
and bought nothing for the shipped stacks: the largest, ``cn``, is first by name, and the others are
too coarse to even the two workers out further (docs/performance.md, plancost51).

Where ``fork`` is unavailable (Windows, macOS's default), with one stack, one core or ``jobs=1``,
the stacks are planned one after another in this process.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from components.config.stack_file import stack_name_of
from components.plan.collect import Project, plan_stack
from components.plan.model import StackPlan
from components.precompile import GROUPS, load
from components.residency.catalogue import load_catalogue
from components.residency.endpoints import load_endpoints

__all__ = ["default_jobs", "plan_stacks"]

Progress = Callable[[str], None]


def default_jobs(loadavg: str | None = None) -> int:
    """The cores this process may use that other work is not keeping busy right now.

    Forking costs about 0.3 s of CPU (copied pages, results sent back), which pays only on idle
    cores: on the shared 2-core machine, with the other core busy, two workers were slower than one
    (issue 13, measured). Other work is the kernel's count of runnable tasks at this instant (the
    fourth field of ``/proc/loadavg``, ``loadavg`` in tests), less this process. The one-minute
    load average, used before stop 18, lags: after a few plans in a row it still counted their
    finished runs, and the next plan ran its stacks one after another on an idle machine. Where
    there is no ``/proc``, that average is still the fallback.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores - _busy_cores(loadavg))


def _busy_cores(loadavg: str | None) -> int:
    try:
        if loadavg is None:
            with open("/proc/loadavg", encoding="ascii") as file:
                loadavg = file.read()
        runnable = int(loadavg.split()[3].split("/")[0])
        return max(0, runnable - 1)  # this process is one of them
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.getloadavg()[0])
    except (AttributeError, OSError):  # no load average on this platform
        return 0


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _worker_start() -> None:
    # The parent's event loop may own executor threads (a caller that ran programs before, such as
    # a test session); they do not exist in a forked child, so work queued to them would never run.
    asyncio.set_event_loop(asyncio.new_event_loop())
    # A worker lives for one plan and its garbage goes when it exits: it never needs to collect.
    gc.disable()


def plan_stacks(
    files: Sequence[Path], project: Project, *, jobs: int | None = None, progress: Progress | None = _stderr
) -> list[StackPlan]:
    """Plan every stack file (see :func:`~components.plan.collect.plan_stack`), ``jobs`` at a time.

    ``jobs`` defaults to one per idle core (:func:`default_jobs`); 1 or less plans one stack after
    another in this process.
    """
    jobs = min(jobs or default_jobs(), len(files))

    def announce(index: int, file: Path) -> None:
        if progress is not None and len(files) > 1:
            progress(f"[{index}/{len(files)}] planning {stack_name_of(file)} ...")

    if jobs > 1 and "fork" not in multiprocessing.get_all_start_methods():
        jobs = 1
    if progress is not None and len(files) > 1:
        # Said first, so that a slow plan shows whether it ran one stack at a time (busy cores: default_jobs).
        progress(f"planning {len(files)} stacks, {jobs} at a time ...")
    if jobs <= 1:
        plans = []
        for index, file in enumerate(files, 1):
            announce(index, file)
            plans.append(plan_stack(file, project))
        return plans
    # Everything the program imports, imported before forking, so that no worker imports it again; the
    # catalogues every rule engine reads too (each worker parsed the endpoint catalogue again: about 0.2 s).
    for group in GROUPS:
        load(group)
    load_catalogue()
    load_endpoints()
    gc.freeze()  # the parent's collector then leaves the shared pages alone while the workers run
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start) as pool:
            futures = []
            for index, file in enumerate(files, 1):
                announce(index, file)  # queued in this order; the next free worker takes it
                futures.append(pool.submit(plan_stack, file, project))
            return [future.result() for future in futures]
    finally:
        gc.unfreeze()
