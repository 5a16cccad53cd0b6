"""Speed settings for mocked program runs (issue 13); they change how fast, never what is recorded.

While a program runs under :class:`~components.simulate.program.MockSession`:

- the cyclic garbage collector is paused and everything alive before the run is frozen out of its
  view: about half of a large mocked run's CPU was full collections over a heap that only grows
  while the program runs (the SDK's modules and every resource, Output and future stay alive to
  the end). Collection resumes when the run ends; the garbage is collected then, as usual;
- the SDK's per-registration stack walk for source positions is skipped (the mocks never read it;
  see :func:`components._compat.source_positions_off`);
- the SDK's check for unknown values inside an Output's value runs without the closure it makes per
  call (:func:`components._compat.lean_unknowns_check`: same answers, about a third of the time, no
  cyclic garbage);
- each Output is tracked (``SETTINGS.outputs``, what ``wait_for_rpcs`` waits for) without the SDK's two
  descriptor reads per setting and its closure per Output (:func:`components._compat.lean_output_tracking`:
  the same set, the same lock, the same removal once resolved; perf56, stop 56);
- the type hint of each value serialised is unwrapped without the SDK's five ``typing.get_origin`` calls where
  it comes back unchanged (a class, ``Sequence[str]``: 85% of them;
  :func:`components._compat.lean_type_unwrapping`: the SDK's own answer for every other hint; perf57, stop 57);
- the mocked RPCs (the SDK runs each ``RegisterResource`` / ``Invoke`` in the event loop's default
  executor) run on one worker thread instead of asyncio's default of ``min(32, cores + 4)``: the
  mocks are pure Python, so more threads only fight over the GIL (on the 2-core machine the
  5,000-resource guard benchmark ran about 10% faster, and gating Output inputs, as the guard did
  until stop 20, no longer changed how the threads interleave).

``TUNED = False`` runs exactly as the bare SDK would; tests/test_speed.py checks both give the same
plan, byte for byte.
"""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from components._compat import (
    lean_output_tracking,
    lean_type_unwrapping,
    lean_unknowns_check,
    source_positions_off,
)

__all__ = ["TUNED", "collect", "collector_paused", "rpc_executor", "tuned_run", "tuned_setup"]

TUNED = True

FULL_COLLECTION_AFTER = 1_000_000
"""Objects that pauses may move to the oldest generation untraversed before the next pause starts
with a full collection. Without it a long-lived process running many programs (a test session)
would keep every run's cyclic garbage: full collections wait for survivors of young collections,
which paused runs never make. A single run (the plan, a benchmark) never pays it."""

_promoted = [0]  # in a list so that the functions below update it without a global statement


def collect() -> None:
    """A full collection now (e.g. between benchmark runs, so that neither run pays for it)."""
    gc.collect()
    _promoted[0] = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; objects alive before it are never traversed by it."""
    was_enabled = gc.isenabled()
    if was_enabled and _promoted[0] > FULL_COLLECTION_AFTER:
        collect()
    gc.freeze()  # O(1): moves every tracked object to the permanent generation
    gc.disable()
    try:
        yield
    finally:
        # Freeze again, now with the run's objects, and thaw: everything lands in the oldest
        # generation without a traversal (both calls are O(1)). Re-enabling without this would
        # start with a young collection over every object the run made, about a third of the run.
        # The run's garbage is collected by a later full collection (see FULL_COLLECTION_AFTER).
        _promoted[0] += gc.get_count()[0]  # objects the run made, net (freeze above reset the count)
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


# Per event loop, the executor each mode runs the mocked RPCs in: one worker (tuned), or what asyncio
# would create lazily as the loop's default (plain). Made once per loop and kept with it.
_EXECUTORS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[bool, ThreadPoolExecutor]] = (
    weakref.WeakKeyDictionary()
)


def rpc_executor(loop: asyncio.AbstractEventLoop, *, tuned: bool) -> ThreadPoolExecutor:
    """The executor a run on ``loop`` gives the SDK's mocked RPCs (see the module docstring)."""
    executors = _EXECUTORS.setdefault(loop, {})
    if tuned not in executors:
        # Plain: asyncio's own default (BaseEventLoop.run_in_executor creates exactly this one lazily).
        executors[tuned] = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="mock-rpc")
            if tuned
            else ThreadPoolExecutor(thread_name_prefix="asyncio")
        )
    return executors[tuned]


@contextmanager
def tuned_run(loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """The settings above for a run on ``loop``, unless :data:`TUNED` is off."""
    loop.set_default_executor(rpc_executor(loop, tuned=TUNED))
    if not TUNED:
        yield
        return
    with (
        source_positions_off(),
        lean_unknowns_check(),
        lean_output_tracking(),
        lean_type_unwrapping(),
        collector_paused(),
    ):
        yield


@contextmanager
def tuned_setup() -> Iterator[None]:
    """The settings for installing a run's mocks, where the SDK registers the root stack: its source position is
    never read either (it was the one stack walk left per mocked run, about 1 ms in a test session's deep stack)."""
    if not TUNED:
        yield
        return
    with source_positions_off():
        yield
