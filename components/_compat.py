"""The few private details of the Pulumi Python SDK the toolkit relies on, in one place.

Each helper names the SDK behaviour it depends on; ``tests/test_compat.py`` is the canary that
fails on an SDK upgrade that changes it (tested with pulumi ``PULUMI_VERSION_TESTED``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pulumi
from pulumi.runtime.stack import get_root_resource

__all__ = ["PULUMI_VERSION_TESTED", "keep_stack_transformation_last", "registering_remote_component"]

PULUMI_VERSION_TESTED = "3.272.0"


class _LastStays(list[Any]):
    """The root resource's transformation list, keeping one transformation at its end.

    ``pulumi.runtime.register_stack_transformation`` appends with ``root._transformations + [t]``
    (pulumi/runtime/stack.py), so ``__add__`` is where a later registration lands.
    """

    def __init__(self, items: list[Any], last: Callable[..., Any]) -> None:
        super().__init__(items)
        self._last = last

    def __add__(self, other: list[Any]) -> _LastStays:  # type: ignore[override,unused-ignore]
        items = [t for t in [*self, *other] if t is not self._last]
        return _LastStays([*items, self._last], self._last)


def keep_stack_transformation_last(transformation: Callable[..., Any]) -> None:
    """Make ``transformation`` (already registered) stay the last stack transformation.

    Resources run their own and their parents' transformations before the root's (pulumi/resource.py,
    ``Resource.__init__``), so the last root transformation sees every input as it will be sent.
    """
    root = get_root_resource()
    if root is None:  # pragma: no cover - register_stack_transformation has raised already
        return
    current = [t for t in (root._transformations or []) if t is not transformation]
    root._transformations = _LastStays([*current, transformation], transformation)


def registering_remote_component(max_depth: int = 8) -> bool:
    """True while a transformation runs for a remote (multi-language) component.

    ``ComponentResource._remote`` is set only after ``Resource.__init__`` has run the
    transformations, so the flag is read from that constructor's ``remote`` argument on the stack.
    """
    init_code = pulumi.Resource.__init__.__code__
    frame = sys._getframe(1)
    for _ in range(max_depth):
        if frame is None:
            return False
        if frame.f_code is init_code:
            return bool(frame.f_locals.get("remote", False))
        frame = frame.f_back  # type: ignore[assignment]
    return False
