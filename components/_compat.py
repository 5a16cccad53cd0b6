"""Every use of a private Pulumi SDK detail, in one place (checked against pulumi 3.272.0).

Each helper falls back to public behaviour when the private detail is gone, so a newer SDK makes
the toolkit slower, never wrong; tests/test_compat.py is the canary that fails first, naming the
detail, when the SDK changes under us.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pulumi
import pulumi.runtime.resource as _runtime_resource

__all__ = ["CHECKED_PULUMI_VERSION", "has_private_details", "judged_output", "source_positions_off"]

CHECKED_PULUMI_VERSION = "3.272.0"
"""The SDK version whose private details below were read and tested."""

_STACK_TRACE = "_get_stack_trace"


def has_private_details() -> dict[str, bool]:
    """Which private details this module relies on are present (the canary test asserts all)."""
    output_data = getattr(pulumi.output, "_OutputData", None)
    return {
        "pulumi.runtime.resource._get_stack_trace": callable(getattr(_runtime_resource, _STACK_TRACE, None)),
        "pulumi.output._OutputData": output_data is not None,
        "pulumi.Output._from_data": callable(getattr(pulumi.Output, "_from_data", None)),
    }


# -- source positions --------------------------------------------------------------------------


def _no_stack_trace() -> Any:
    from pulumi.runtime.proto import source_pb2

    return source_pb2.StackTrace()


@contextmanager
def source_positions_off() -> Iterator[None]:
    """Skip the SDK's per-registration stack walk while the block runs.

    The SDK calls ``traceback.extract_stack()`` for every resource to send the engine a source
    position; the mock monitor never reads it, and the walk is about a tenth of a mocked
    registration. There is no public setting for it, hence this module. Only for mocked runs.
    """
    original = getattr(_runtime_resource, _STACK_TRACE, None)
    if original is None:
        yield
        return
    setattr(_runtime_resource, _STACK_TRACE, _no_stack_trace)
    try:
        yield
    finally:
        setattr(_runtime_resource, _STACK_TRACE, original)


# -- judged outputs ----------------------------------------------------------------------------

Judge = Callable[[Any, bool, bool], None]
"""Called with (value, is_known, is_secret) once the Output resolves; raising fails the Output."""


def judged_output(output: pulumi.Output[Any], judge: Judge) -> pulumi.Output[Any]:
    """An Output equal to ``output`` (value, secretness, dependencies) that calls ``judge`` first.

    Built on the SDK's single ``_OutputData`` future: one future and one callback per Output, no
    task, which keeps the guard's gating near free. Without it, the same with public API only.
    """
    from_data = getattr(pulumi.Output, "_from_data", None)
    data = getattr(output, "_data", None)
    if from_data is None or not isinstance(data, asyncio.Future):
        return _judged_output_public(output, judge)
    # A plain future completed by a callback on the source's data: no task, no coroutine.
    judged: asyncio.Future[Any] = data.get_loop().create_future()

    def settle(source: asyncio.Future[Any]) -> None:
        if judged.cancelled():
            return
        if source.cancelled():
            judged.cancel()
            return
        error = source.exception()
        if error is None:
            resolved = source.result()
            try:
                judge(resolved.value, resolved.is_known, resolved.is_secret)
            except BaseException as exc:  # the judge's refusal is this Output's failure
                error = exc
            else:
                judged.set_result(resolved)
                return
        judged.set_exception(error)

    data.add_done_callback(settle)
    # Not tracked in the SDK's set of outstanding Outputs (what ``_from_data`` would add): the only
    # consumer is the registration it was made for, which awaits it and reports its failure.
    result: pulumi.Output[Any] = object.__new__(pulumi.Output)
    result._data = judged
    return result


def _judged_output_public(output: pulumi.Output[Any], judge: Judge) -> pulumi.Output[Any]:
    loop = asyncio.get_event_loop()
    resources: asyncio.Future[set[pulumi.Resource]] = loop.create_future()
    known: asyncio.Future[bool] = loop.create_future()
    secret: asyncio.Future[bool] = loop.create_future()

    async def judged() -> Any:
        # Metadata goes to plain futures, so a judgement that raises leaves nothing un-awaited.
        try:
            value = await output.future(with_unknowns=True)
            is_known, is_secret = await output.is_known(), await output.is_secret()
            depends_on = await output.resources()
        except BaseException:
            resources.set_result(set())
            known.set_result(False)
            secret.set_result(False)
            raise
        resources.set_result(depends_on)
        known.set_result(is_known)
        secret.set_result(is_secret)
        judge(value, is_known, is_secret)
        return value

    return pulumi.Output(resources, asyncio.ensure_future(judged()), known, secret)
