"""Speed settings for mocked program runs (issue 13); they change how fast, never what is recorded.

While a program runs under :class:`~components.simulate.program.MockSession`:

- the cyclic garbage collector is paused and everything alive before the run is frozen out of its
  view: about half of a large mocked run's CPU was full collections over a heap that only grows
  while the program runs (the SDK's modules and every resource, Output and future stay alive to
  the end). Collection resumes when the run ends; the garbage is collected then, as usual;
- the SDK's per-registration stack walk for source positions is skipped (the mocks never read it;
  see :func:`components._compat.source_positions_off`).

``TUNED = False`` runs exactly as the bare SDK would; tests/test_speed.py checks both give the same
plan, byte for byte.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from components._compat import source_positions_off

__all__ = ["TUNED", "collect", "collector_paused", "tuned_run"]

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


@contextmanager
def tuned_run() -> Iterator[None]:
    """The settings above, unless :data:`TUNED` is off."""
    if not TUNED:
        yield
        return
    with source_positions_off(), collector_paused():
        yield
