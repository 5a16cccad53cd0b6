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

__all__ = [
    "PULUMI_VERSION_TESTED",
    "install_invoke_hook",
    "keep_stack_transformation_last",
    "registering_remote_component",
]

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


_INVOKE_NAMES = ("invoke", "invoke_single", "invoke_output", "invoke_output_single", "invoke_async")
_invoke_judges: list[tuple[Any, Callable[[str, Any], None]]] = []


def install_invoke_hook(judge: Callable[[str, Any], None]) -> None:
    """Call ``judge(token, args)`` before every provider function of the current program.

    Generated SDKs call ``pulumi.runtime.invoke``/``invoke_output``... through the ``pulumi.runtime``
    module at call time (e.g. pulumi_aws/ec2/get_vpc_endpoint_service.py), so wrapping those module
    attributes sees every invoke. Judges are bound to the root resource of the program that installed
    them, so a later program (another test, another stack in the offline plan) is not judged by them.
    """
    from pulumi import runtime

    root = get_root_resource()
    _invoke_judges[:] = [(r, j) for r, j in _invoke_judges if r is root]
    _invoke_judges.append((root, judge))
    for name in _INVOKE_NAMES:
        original = getattr(runtime, name)
        if getattr(original, "_sovereign_hook", False):
            continue
        setattr(runtime, name, _hooked(original))


def _hooked(original: Callable[..., Any]) -> Callable[..., Any]:
    def hooked(*args: Any, **kwargs: Any) -> Any:
        tok = args[0] if args else kwargs.get("tok")
        props = args[1] if len(args) > 1 else kwargs.get("props")
        root = get_root_resource()
        for judge_root, judge in list(_invoke_judges):
            if judge_root is root and isinstance(tok, str):
                judge(tok, props)
        return original(*args, **kwargs)

    hooked._sovereign_hook = True  # type: ignore[attr-defined]
    hooked.__wrapped__ = original  # type: ignore[attr-defined]
    return hooked
