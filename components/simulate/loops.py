"""Event loops Pulumi creates and never closes, closed when the interpreter exits.

Pulumi's ``_ensure_event_loop`` creates an event loop for every thread that needs one and nothing
ever closes them: the runner's own thread, and each worker thread of the default executor the SDK
runs mock RPCs in (``MockMonitor.RegisterResource`` and ``Invoke`` call it on the worker thread).
The garbage collector then closes them during interpreter shutdown, when asyncio's modules are half
torn down, which intermittently prints "Exception ignored in: <function BaseEventLoop.__del__>"
after a perfectly clean plan. Closing them from ``atexit`` runs before that teardown (and after
the executor's worker threads have been joined, which ``threading`` does before ``atexit``).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import threading

__all__ = ["close_at_exit"]

_registered: set[int] = set()
_lock = threading.Lock()


def close_at_exit(loop: asyncio.AbstractEventLoop) -> None:
    """Close ``loop`` (cancelling what is left on it) when the interpreter exits; idempotent."""
    with _lock:
        if id(loop) in _registered:
            return
        _registered.add(id(loop))
    atexit.register(_close, loop)


def _close(loop: asyncio.AbstractEventLoop) -> None:
    if loop.is_closed() or loop.is_running():
        return
    with contextlib.suppress(Exception):
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
