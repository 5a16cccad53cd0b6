"""Every use of a private Pulumi or pulumi-policy detail, in one place (checked against pulumi 3.272.0
and pulumi-policy 1.21.0).

Nothing else in the library touches a private SDK name (``tests/test_compat.py`` greps for it), so an
SDK upgrade is re-checked here and only here.

Each helper names the SDK behaviour it depends on. Where one can, it falls back to public behaviour
when the private detail is gone, so a newer SDK makes the toolkit slower, never wrong; where there is
no public equivalent (the registration hook the guard judges Output inputs in), it refuses to run;
``tests/test_compat.py`` is the canary that fails first, naming the detail, when the SDK changes.
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import functools
import inspect
import sys
import threading
import types
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar
from typing import get_origin as _get_origin

import pulumi
import pulumi.runtime.config as _runtime_config
import pulumi.runtime.known_types as _known_types
import pulumi.runtime.resource as _runtime_resource
import pulumi.runtime.settings as _runtime_settings
import pulumi.runtime.stack as _runtime_stack
import pulumi.runtime.sync_await as _runtime_sync_await
from pulumi import _types as _pulumi_types
from pulumi.runtime import get_root_resource
from pulumi.runtime import rpc as _rpc

from components.errors import SovereignError

__all__ = [
    "CHECKED_PULUMI_POLICY_VERSION",
    "CHECKED_PULUMI_VERSION",
    "SECRET_SIG",
    "SECRET_SIG_KEY",
    "RuntimeSnapshot",
    "clear_failed_rpcs",
    "convert_policy_requests_once",
    "share_policy_arguments",
    "construction_over",
    "contains_unknowns",
    "ensure_event_loop",
    "failed_rpc",
    "has_private_details",
    "has_private_policy_details",
    "hold_registration",
    "install_invoke_hook",
    "install_registration_hook",
    "is_input_type",
    "keep_stack_transformation_last",
    "lean_output_tracking",
    "lean_type_unwrapping",
    "lean_unknowns_check",
    "massage_output",
    "OutputState",
    "output_state",
    "policy_proxy_target",
    "pumping",
    "registration_unhooked",
    "registering_remote_component",
    "reset_runtime_state",
    "resolved",
    "run_shutdown_callbacks",
    "settle",
    "settled",
    "runtime_config_keys",
    "source_positions_off",
    "sync_await",
    "UnsupportedSdkError",
    "under_mocks",
    "unwrap_type",
    "wait_for_rpcs",
]

T = TypeVar("T")

CHECKED_PULUMI_VERSION = "3.272.0"
"""The SDK version whose private details below were read and tested."""

CHECKED_PULUMI_POLICY_VERSION = "1.21.0"
"""The pulumi-policy version whose private proxy classes (:func:`policy_proxy_target`) were read and tested."""

_STACK_TRACE = "_get_stack_trace"


def has_private_details() -> dict[str, bool]:
    """Which private details this module relies on are present (the canary test asserts all)."""
    output_data = getattr(pulumi.output, "_OutputData", None)
    return {
        "pulumi.runtime.resource._get_stack_trace": callable(getattr(_runtime_resource, _STACK_TRACE, None)),
        # lean_unknowns_check replaces it while a mocked program runs; every caller looks it up on the module.
        "pulumi.runtime.rpc.contains_unknowns": callable(getattr(_rpc, _CONTAINS_UNKNOWNS, None)),
        # lean_output_tracking replaces it while a mocked program runs (Output.__init__ and _from_data call it).
        "pulumi.Output._track adds _data to SETTINGS.outputs": _track_reads_settings_outputs(),
        # lean_type_unwrapping replaces it while a mocked program runs (serialize_property looks it up on _types).
        "pulumi._types.unwrap_type as checked": _unwraps_types_as_checked(),
        # install_registration_hook wraps it; the wrapper passes the resource first and the rest through.
        "pulumi.runtime.resource.prepare_resource(res, ...)": _prepare_takes_resource_first(),
        "pulumi.output._OutputData": output_data is not None,
        "pulumi.Output._from_data": callable(getattr(pulumi.Output, "_from_data", None)),
        "pulumi.Resource.__init__(remote=...)": "remote" in inspect.signature(pulumi.Resource.__init__).parameters,
        # register_stack_transformation appends to the root's list (see keep_stack_transformation_last).
        "pulumi.Resource._transformations": "_transformations" in pulumi.Resource.__init__.__code__.co_names,
        **{f"pulumi.runtime.{name}": callable(getattr(pulumi.runtime, name, None)) for name in _INVOKE_NAMES},
        "pulumi._types.is_input_type": callable(getattr(_pulumi_types, "is_input_type", None)),
        "pulumi.runtime.rpc._special_sig_key": isinstance(getattr(_rpc, "_special_sig_key", None), str),
        "pulumi.runtime.rpc._special_secret_sig": isinstance(getattr(_rpc, "_special_secret_sig", None), str),
        "pulumi.runtime.sync_await._sync_await": callable(getattr(_runtime_sync_await, "_sync_await", None)),
        # construction_over tells its pump (``loop._run_once()`` called from ``_sync_await``) by these names.
        "pulumi.runtime.sync_await._sync_await pumps loop._run_once": "_run_once"
        in getattr(getattr(_runtime_sync_await, "_sync_await", None), "__code__", _NO_CODE).co_names,
        "pulumi.runtime.sync_await._ensure_event_loop": callable(
            getattr(_runtime_sync_await, "_ensure_event_loop", None)
        ),
        "pulumi.runtime.settings._shutdown_callbacks": callable(
            getattr(_runtime_settings, "_shutdown_callbacks", None)
        ),
        "pulumi.runtime.settings.ROOT/SETTINGS": hasattr(_runtime_settings, "ROOT")
        and hasattr(_runtime_settings, "SETTINGS"),
        "pulumi.runtime.settings.Settings ContextProperty._data": bool(_settings_properties()),
        f"pulumi.runtime.settings.{_PROPERTY_DEFAULT}": all(
            hasattr(prop, _PROPERTY_DEFAULT) for prop in _settings_properties()
        ),
        "pulumi.runtime.stack.massage/wait_for_rpcs": callable(getattr(_runtime_stack, "massage", None))
        and callable(getattr(_runtime_stack, "wait_for_rpcs", None)),
        "pulumi.runtime.config.CONFIG": isinstance(getattr(_runtime_config, "CONFIG", None), contextvars.ContextVar),
        "pulumi.runtime.settings.get_monitor": callable(getattr(_runtime_settings, "get_monitor", None)),
    }


def _prepare_takes_resource_first() -> bool:
    prepare = getattr(_runtime_resource, _PREPARE, None)
    prepare = getattr(prepare, "__wrapped__", prepare)
    if not inspect.iscoroutinefunction(prepare):
        return False
    return next(iter(inspect.signature(prepare).parameters), None) == "res"


def has_private_policy_details() -> dict[str, bool]:
    """Which private pulumi-policy details :func:`policy_proxy_target`, :func:`convert_policy_requests_once` and
    :func:`share_policy_arguments` rely on are present."""
    from pulumi_policy import proxy

    return {
        "pulumi_policy.proxy._DictProxy": isinstance(getattr(proxy, "_DictProxy", None), type),
        "pulumi_policy.proxy._ListProxy": isinstance(getattr(proxy, "_ListProxy", None), type),
        'pulumi_policy proxy["__target"]': _proxy_target_works(proxy),
        **_conversion_details(),
        **_sharing_details(),
    }


def _proxy_target_works(proxy: Any) -> bool:
    try:
        target = {"a": proxy.UNKNOWN_STRING_VALUE}
        items = [1]
        return proxy._DictProxy(target, [])["__target"] is target and proxy._ListProxy(items, [])["__target"] is items
    except Exception:
        return False


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
_invoke_judges: list[tuple[Any, Callable[[str, Any, Any], Any]]] = []


def install_invoke_hook(judge: Callable[[str, Any, Any], Any]) -> None:
    """Call ``judge(token, args, opts)`` before every provider function of the current program.

    A judge may return arguments to send instead (e.g. with Outputs it judges as they resolve); None keeps them.

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
        opts = args[2] if len(args) > 2 else kwargs.get("opts")
        root = get_root_resource()
        replaced = False
        for judge_root, judge in list(_invoke_judges):
            if judge_root is root and isinstance(tok, str):
                judged = judge(tok, props, opts)
                if judged is not None:
                    props, replaced = judged, True
        if replaced:
            if len(args) > 1:
                args = (args[0], props, *args[2:])
            else:
                kwargs["props"] = props
        return original(*args, **kwargs)

    hooked._sovereign_hook = True  # type: ignore[attr-defined]
    hooked.__wrapped__ = original  # type: ignore[attr-defined]
    return hooked


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
    with _swapped(_runtime_resource, _STACK_TRACE, _no_stack_trace):
        yield


@contextmanager
def _swapped(module: Any, name: str, replacement: Any) -> Iterator[None]:
    """``module.name`` is ``replacement`` while the block runs, then the SDK's own again; nothing changes where the
    SDK has no such name (a newer SDK is then slower, never wrong)."""
    original = getattr(module, name, None)
    if original is None:
        yield
        return
    setattr(module, name, replacement)
    try:
        yield
    finally:
        setattr(module, name, original)


_CONTAINS_UNKNOWNS = "contains_unknowns"


def contains_unknowns(val: Any) -> bool:
    """The SDK's ``rpc.contains_unknowns``, answer for answer, without the closure it makes per call.

    The SDK defines its walk as a nested function that refers to itself: each call leaves a function and
    its cell in a reference cycle, garbage only a collection frees, and the call costs about three times
    this one. It runs for every Output made with a known value (``Output.__init__``) and every resolved
    input: 43,559 calls in a plan of the shipped stacks (issue 13). Same walk: a value is unknown, or a
    dict's values or a list's items contain one, each container visited once.
    """
    is_unknown = _known_types.is_unknown
    if is_unknown(val):
        return True
    if not isinstance(val, dict | list):
        return False
    seen = {id(val)}
    pending: list[Any] = [val]
    while pending:
        container = pending.pop()
        for item in [container[key] for key in container] if isinstance(container, dict) else container:
            if is_unknown(item):
                return True
            if isinstance(item, dict | list) and id(item) not in seen:
                seen.add(id(item))
                pending.append(item)
    return False


@contextmanager
def lean_unknowns_check() -> Iterator[None]:
    """:func:`contains_unknowns` in the SDK's place while the block runs (only for mocked runs).

    Every SDK caller (``pulumi.output``, ``pulumi.runtime.invoke``) looks the function up on the rpc
    module when it calls it, so swapping the module's attribute is enough. Where the SDK has no such
    function, nothing changes.
    """
    with _swapped(_rpc, _CONTAINS_UNKNOWNS, contains_unknowns):
        yield


_TRACK = "_track"


def _settings_property(name: str) -> Any:
    """The ``Settings`` class's ContextProperty ``name`` (its ``fget()`` reads the value this context holds)."""
    return vars(_runtime_settings.Settings).get(name)


def _track_reads_settings_outputs() -> bool:
    # The SDK's Output._track as checked (pulumi 3.272.0): under SETTINGS.lock, add self._data to SETTINGS.outputs,
    # and a done callback that removes it once it resolves (neither cancelled nor failed).
    track = getattr(pulumi.Output, _TRACK, None)
    names = getattr(getattr(track, "__code__", None), "co_names", ())
    props = [_settings_property(name) for name in ("lock", "outputs")]
    return all(n in names for n in ("SETTINGS", "lock", "outputs", "add", "_data", "add_done_callback")) and all(
        callable(getattr(prop, "fget", None)) for prop in props
    )


def _lean_track(self: Any) -> None:
    """``Output._track`` as the SDK does it (pulumi 3.272.0), reading ``SETTINGS.lock`` / ``SETTINGS.outputs`` through
    their ContextProperty's ``fget()`` once each, and one done callback shared by every Output.

    perf56 (stop 56): the SDK reads each property through the descriptor's ``__get__``, which calls ``fget()`` twice
    (whether the value is a dict, then the value) and makes a new ``cleanup`` closure per Output: about 12 Python
    calls per Output made, 91,000 Outputs in 200 table programs (2.7% of their calls). The values read are the same
    objects (neither is ever a dict, so ``__get__`` always returns ``fget()``)."""
    data = self._data
    with _LOCK_PROPERTY.fget():
        _OUTPUTS_PROPERTY.fget().add(data)
    data.add_done_callback(_untrack_when_resolved)


def _untrack_when_resolved(fut: asyncio.Future[Any]) -> None:
    """The SDK's ``cleanup`` in ``Output._track``: a cancelled or failed future stays in ``SETTINGS.outputs`` (the SDK
    picks it up at the program's end), a resolved one leaves it (already gone when ``wait_for_rpcs`` took it)."""
    if fut.cancelled() or fut.exception() is not None:
        return
    with _LOCK_PROPERTY.fget():
        _OUTPUTS_PROPERTY.fget().discard(fut)


_LOCK_PROPERTY = _settings_property("lock")
_OUTPUTS_PROPERTY = _settings_property("outputs")


@contextmanager
def lean_output_tracking() -> Iterator[None]:
    """:func:`_lean_track` in the SDK's ``Output._track`` place while the block runs (only for mocked runs); where the
    SDK's differs from the one checked (the canary ``has_private_details``), nothing changes."""
    if not _track_reads_settings_outputs():
        yield
        return
    with _swapped(pulumi.Output, _TRACK, _lean_track):
        yield


_UNWRAP_TYPE = "unwrap_type"

# perf57 (stop 57): the names the SDK's type-hint unwrapping reads (pulumi 3.272.0), which the fast path below follows:
# ``unwrap_type`` changes a hint only when its origin is ``Output`` or a union (``_is_union_type``:
# ``typing.Union`` / ``types.UnionType``), ``unwrap_optional_type`` / ``_is_optional_type`` only a union or ``None``.
_UNWRAP_NAMES = {
    "unwrap_type": ("", "Output", "typing", "get_origin", "get_args", "len", "_is_union_type", "type",
                    "unwrap_optional_type"),
    "unwrap_optional_type": ("_is_optional_type", "typing", "get_args", "len", "type"),
    "_is_union_type": ("get_origin", "Union", "types", "UnionType"),
    "_is_optional_type": ("type", "_is_union_type", "any", "typing", "get_args"),
}  # fmt: skip


def _unwraps_types_as_checked() -> bool:
    """The SDK's unwrapping functions read the names they read when checked (``unwrap_type`` as this module found it
    on import, so the answer holds while it is swapped), and ``serialize_property`` looks ``unwrap_type`` up on the
    ``_types`` module when it calls it (so swapping the module's attribute is enough)."""
    serialize = getattr(getattr(_rpc, "serialize_property", None), "__code__", _NO_CODE).co_names
    return (
        "_types" in serialize
        and _UNWRAP_TYPE in serialize
        and all(
            getattr(
                _SDK_UNWRAP_TYPE if name == _UNWRAP_TYPE else getattr(_pulumi_types, name, None), "__code__", _NO_CODE
            ).co_names
            == names
            for name, names in _UNWRAP_NAMES.items()
        )
    )


def unwrap_type(val: Any) -> Any:
    """The SDK's ``_types.unwrap_type``, answer for answer, without its five ``typing.get_origin`` calls for the hints
    it returns unchanged.

    perf57 (stop 57): ``serialize_property`` unwraps the type hint of every value it serialises, again at each level
    (an Output's value, a list's items): 55,500 calls in 216 table programs, about 4% of their profiled time, and
    85% of the hints are returned as they are. A class (``str``, an Args class) has no origin, or ``Generic``;
    a generic alias whose origin is a class other than ``Output`` and ``types.UnionType`` (``Sequence[str]``,
    ``Mapping[str, str]``, ``list[str]``) is neither an Output, a union nor ``None``: the SDK returns both unchanged.
    Everything else (an ``Input[T]``, an ``Optional[T]``, an ``Output[T]``) is the SDK's own answer. Nothing is
    remembered between calls."""
    if isinstance(val, type):
        return val
    origin = _get_origin(val)
    if isinstance(origin, type) and origin is not pulumi.Output and origin is not _UnionType:
        return val
    return _SDK_UNWRAP_TYPE(val)


_SDK_UNWRAP_TYPE: Any = getattr(_pulumi_types, _UNWRAP_TYPE, None)  # None: no swap (_unwraps_types_as_checked)
_UnionType = types.UnionType


@contextmanager
def lean_type_unwrapping() -> Iterator[None]:
    """:func:`unwrap_type` in the SDK's place while the block runs (only for mocked runs); where the SDK's unwrapping
    differs from the one checked (the canary ``has_private_details``), nothing changes."""
    if not _unwraps_types_as_checked():
        yield
        return
    with _swapped(_pulumi_types, _UNWRAP_TYPE, unwrap_type):
        yield


# -- judging a registration before the SDK prepares it ----------------------------------------

_PREPARE = "prepare_resource"
_HELD_ATTR = "_sovereign_held"


class UnsupportedSdkError(SovereignError):
    """The installed pulumi SDK lacks a detail the residency guard needs to judge before registration."""


def install_registration_hook() -> None:
    """Let :func:`hold_registration` work: wrap the SDK's ``prepare_resource`` (once per process).

    Every registration, read and lookup of a resource goes through
    ``pulumi.runtime.resource.prepare_resource``, which serialises its inputs for the engine (awaiting
    every Output among them) before anything is sent; ``register_resource`` and ``read_resource`` call
    it through the module at run time, so wrapping the module attribute sees each one. Without it the
    guard could not judge Output inputs, so it refuses to run rather than run blind (fail closed).
    """
    original = getattr(_runtime_resource, _PREPARE, None)
    if getattr(original, "_sovereign_hook", False):
        return
    if not inspect.iscoroutinefunction(original):
        raise UnsupportedSdkError(
            f"pulumi {_installed_pulumi()} has no coroutine pulumi.runtime.resource.{_PREPARE}, where the residency "
            f"guard judges Output inputs before a registration is sent. Fix: install the version it was checked "
            f"against (pip install pulumi=={CHECKED_PULUMI_VERSION}), or re-check components/_compat.py for this one."
        )

    async def prepare_held(res: Any, *args: Any, **kwargs: Any) -> Any:
        # The judgements transformations held on this resource, taken off it (each runs once).
        held = res.__dict__.pop(_HELD_ATTR, None)
        if held is not None:
            for judge in held:
                await judge()
        return await original(res, *args, **kwargs)

    prepare_held._sovereign_hook = True  # type: ignore[attr-defined]
    prepare_held.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(_runtime_resource, _PREPARE, prepare_held)


def hold_registration(resource: pulumi.Resource, judge: Callable[[], Awaitable[None]]) -> None:
    """Have the SDK await ``judge()`` before it prepares ``resource``'s registration.

    Called from a transformation: ``judge`` runs in the resource's own registration task, where it may
    await the resource's input Outputs; raising fails the registration before anything reaches the
    engine, exactly as a failed input Output would. Judgements are kept on the resource itself, so
    they live and die with it and no other program can see them; each guard of the program adds its
    own, in order. Needs :func:`install_registration_hook`.
    """
    if not getattr(getattr(_runtime_resource, _PREPARE, None), "_sovereign_hook", False):
        # Never held where nothing would run it: that would let the registration through unjudged.
        raise UnsupportedSdkError(
            f"pulumi.runtime.resource.{_PREPARE} is not the guard's hook (it was never installed, or something "
            "replaced it after enforce()), so Output inputs could not be judged. Fix: call enforce() after "
            "whatever replaces it, and before the resources it must judge."
        )
    resource.__dict__.setdefault(_HELD_ATTR, []).append(judge)


@contextmanager
def registration_unhooked() -> Iterator[None]:
    """The SDK's own ``prepare_resource`` while the block runs (a benchmark's unguarded variant)."""
    hooked = getattr(_runtime_resource, _PREPARE, None)
    original = getattr(hooked, "__wrapped__", None) if getattr(hooked, "_sovereign_hook", False) else None
    if original is None:
        yield
        return
    setattr(_runtime_resource, _PREPARE, original)
    try:
        yield
    finally:
        setattr(_runtime_resource, _PREPARE, hooked)


# -- the end of a program's construction ----------------------------------------------------------

_NO_CODE = (lambda: None).__code__
_PUMP_POLL_SECONDS = 0.005
PUMP_PATIENCE_SECONDS = 30.0
"""How long a held judgement waits on one ``_sync_await`` pump before it takes the program as blocked on the resource
itself (a synchronous invoke given one of its Outputs) and judges with what has registered (fail closed)."""


def _pump() -> Any:
    """The frame of the ``_sync_await`` pumping the event loop below the running task, or None.

    pulumi's ``_sync_await`` (pulumi/runtime/sync_await.py), called while the loop runs (a synchronous invoke inside
    the program, e.g. ``aws.get_caller_identity()``), pumps it by calling ``loop._run_once()`` itself: every task it
    runs meanwhile has that call below it on the thread's stack, while the program's construction is suspended in the
    invoke. Outside a pump the task's ``_run_once`` was called by ``run_forever`` (the program has returned, or is
    awaiting in an async entry point).
    """
    code = _runtime_sync_await._sync_await.__code__
    frame: Any = sys._getframe(1)
    while frame is not None:
        caller = frame.f_back
        if frame.f_code.co_name == "_run_once" and caller is not None and caller.f_code is code:
            return caller
        frame = caller
    return None


def pumping() -> bool:
    """True when the running task runs inside a ``_sync_await`` pump (the program is suspended in a synchronous
    invoke, its construction not over: ``construction_over``)."""
    return _pump() is not None


async def construction_over(patience: float | None = None) -> None:
    """Return once the program's synchronous construction is over, from a task of its registrations.

    A Python program constructs its resources synchronously: their registration tasks first run once the program
    function has returned (``run_in_stack`` awaits it, pulumi/runtime/stack.py), so by then every resource the program
    constructs has passed its transformations. The one exception is a ``_sync_await`` pump inside the program (a
    synchronous invoke): tasks run while the program is suspended there; this waits until no pump is below the task.
    A pump that outlasts ``patience`` seconds (``PUMP_PATIENCE_SECONDS``) is taken as waiting on the caller's own
    resource (an Output of it given to a synchronous invoke), and this returns so the caller judges with what it has
    (fail closed) rather than hang. An async entry point (``pulumi.run``) is not waited for: what it constructs later
    is not seen.
    """
    pump = _pump()
    if pump is None:
        return
    loop = asyncio.get_running_loop()
    limit = PUMP_PATIENCE_SECONDS if patience is None else patience
    since = loop.time()
    while pump is not None:
        if loop.time() - since > limit:
            return
        await asyncio.sleep(_PUMP_POLL_SECONDS)
        now = _pump()
        if now is not pump:
            pump, since = now, loop.time()


# Read once: whether this SDK keeps an Output's state in one ``_OutputData`` future (resolved).
_OUTPUT_DATA = getattr(pulumi.Output, "_from_data", None) is not None


class OutputState(Protocol):
    """An Output's state once it resolves, as the SDK's ``_OutputData`` holds it (pulumi/output.py)."""

    value: Any
    is_known: bool
    is_secret: bool
    resources: set[pulumi.Resource]


@dataclasses.dataclass
class _PublicState:
    """:class:`OutputState` read through the public API (an SDK without ``_OutputData``)."""

    value: Any
    is_known: bool
    is_secret: bool
    resources: set[pulumi.Resource]


def output_state(output: pulumi.Output[Any]) -> Awaitable[OutputState]:
    """An awaitable of an Output's :class:`OutputState`: the SDK's single ``_OutputData`` future itself (awaiting it
    suspends exactly as awaiting a coroutine awaiting it would, with no coroutine made or resumed per value: the guard
    awaits one per held input, stop 49), else one reading the public API."""
    data = getattr(output, "_data", None)
    if _OUTPUT_DATA and isinstance(data, asyncio.Future):
        return data
    return _public_state(output)


async def _public_state(output: pulumi.Output[Any]) -> OutputState:
    value = await output.future(with_unknowns=True)
    return _PublicState(value, await output.is_known(), await output.is_secret(), await output.resources())


async def resolved(output: pulumi.Output[Any]) -> tuple[Any, bool, bool, set[pulumi.Resource]]:
    """An Output's (value, is_known, is_secret, dependencies) once it resolves (:func:`output_state`)."""
    state = await output_state(output)
    return state.value, state.is_known, state.is_secret, state.resources


OUTPUT_PATIENCE_SECONDS = 30.0
"""How long a held judgement waits for Outputs of other resources that might, in turn, wait on the judged resource (the
names the provider assigns to the stack's auto-named buckets; other providers' account pins) before it judges with
what it has (fail closed): a wait that would close a cycle ends there instead of hanging the program."""


def own_outputs(resource: pulumi.Resource) -> set[int]:
    """The ids of a resource's own Outputs: its ``urn``, ``id`` and output properties, which resolve only once its
    registration has been answered. The SDK keeps each in the instance's ``__dict__`` from the constructor on
    (``register_resource``: ``res.__dict__["urn"]``, ``["id"]``, and ``rpc.transfer_properties`` one per property) and
    the generated getters read it there (``pulumi.get``: ``self.__dict__.get(name)``), so ``api.id`` and
    ``method.http_method`` are these very objects wherever the program passes them."""
    return {id(v) for v in vars(resource).values() if isinstance(v, pulumi.Output)}


def settled(output: pulumi.Output[Any]) -> bool | None:
    """Whether an Output has resolved, without waiting: True (awaiting it returns at once), False (not yet), None (it
    never will: its registration failed or was cancelled). Read from the SDK's ``_OutputData`` future (or the older
    ``_future``); an SDK with neither says False, so nothing is taken as known (fail closed)."""
    data = _state_future(output)
    if data is None or not data.done():
        return False
    return None if data.cancelled() or data.exception() is not None else True


async def settle(outputs: Sequence[pulumi.Output[Any]], patience: float | None = None) -> None:
    """Return once every one of ``outputs`` has resolved (or failed), or after ``patience`` seconds
    (``OUTPUT_PATIENCE_SECONDS``), whichever is first; nothing is cancelled."""
    futures = [data for output in outputs if (data := _state_future(output)) is not None and not data.done()]
    if futures:
        await asyncio.wait(futures, timeout=OUTPUT_PATIENCE_SECONDS if patience is None else patience)


def _state_future(output: pulumi.Output[Any]) -> asyncio.Future[Any] | None:
    # The SDK's ``_OutputData`` future, or an older SDK's ``_future`` instance attribute: read from the instance's own
    # dict, because the current SDK's class attribute of that name is an async property (reading it makes a coroutine).
    data = output.__dict__.get("_data" if _OUTPUT_DATA else "_future")
    return data if isinstance(data, asyncio.Future) else None


def _installed_pulumi() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pulumi")
    except PackageNotFoundError:  # pragma: no cover - pulumi is imported above
        return "(unknown version)"


# -- input types -------------------------------------------------------------------------------


def is_input_type(cls: type) -> bool:
    """True for a generated ``*Args`` input class (``@pulumi.input_type``); its fields are ``vars()``."""
    return bool(_pulumi_types.is_input_type(cls))


# -- serialised secrets ------------------------------------------------------------------------

SECRET_SIG_KEY: str = _rpc._special_sig_key
"""The signature key of a serialised special value (``4dabf181...``)."""
SECRET_SIG: str = _rpc._special_secret_sig
"""The signature marking a serialised secret (``1b470612...``)."""


# -- the runtime's event loop, settings and shutdown -------------------------------------------


def ensure_event_loop() -> asyncio.AbstractEventLoop:
    """The SDK's event loop for this thread, created the SDK's way when there is none."""
    # Unannotated in the SDK (pulumi 3.272.0); an unused ignore (mypy strict) says when it gets types.
    loop: asyncio.AbstractEventLoop = _runtime_sync_await._ensure_event_loop()  # type: ignore[no-untyped-call]
    return loop


def sync_await(awaitable: Awaitable[T]) -> T:
    """Run ``awaitable`` to completion on the SDK's loop, as the SDK does for its own sync calls."""
    result: T = _runtime_sync_await._sync_await(awaitable)
    return result


async def run_shutdown_callbacks() -> None:
    """Run what the SDK runs when a program ends (e.g. the callbacks server's shutdown)."""
    await _runtime_settings._shutdown_callbacks()  # type: ignore[no-untyped-call]  # unannotated in the SDK


async def wait_for_rpcs() -> None:
    """Wait for every outstanding registration and apply; raises the first failed RPC."""
    await _runtime_stack.wait_for_rpcs()


def massage_output(value: Any) -> Any:
    """A stack export prepared the way ``pulumi.export`` values are before they are sent."""
    return _runtime_stack.massage(value, [])


def clear_failed_rpcs() -> None:
    """Forget a failure an earlier program run left in the RPC manager."""
    _runtime_settings.SETTINGS.rpc_manager.clear()


def failed_rpc() -> BaseException | None:
    """The first failed RPC the SDK saw in this run (``wait_for_rpcs`` may raise a later one)."""
    error: BaseException | None = _runtime_settings.SETTINGS.rpc_manager.unhandled_exception
    return error


def reset_runtime_state() -> None:
    """Start a program from no root stack and no registered outputs, packages or providers."""
    # A root stack left by earlier code would parent the new program's resources.
    _runtime_settings.ROOT.set(None)
    _runtime_settings.SETTINGS.outputs = set()
    _runtime_settings.SETTINGS.package_refs = {}
    _runtime_settings.SETTINGS.base_providers_by_ref = {}


def runtime_config_keys() -> set[str]:
    """Every config key set in this process (``set_all_config``/mocks), without the environment's."""
    return set(_runtime_config.CONFIG.get())


# The last scan of the pulumi modules: (len(sys.modules), the pulumi modules seen, their context variables).
_SCANNED: list[tuple[int, dict[str, Any], list[contextvars.ContextVar[Any]]]] = []


def _pulumi_context_vars() -> list[contextvars.ContextVar[Any]]:
    # Scanning sys.modules (thousands of provider modules) cost about 3 ms per mocked session; the answer changes
    # only when pulumi modules come or go, so it is reused while the module count and every pulumi module seen are
    # unchanged (a new pulumi module changes the count unless as many other modules went in between).
    if _SCANNED:
        count, modules, found = _SCANNED[0]
        if count == len(sys.modules) and all(sys.modules.get(name) is m for name, m in modules.items()):
            return list(found)
    modules = {}
    by_id: dict[int, contextvars.ContextVar[Any]] = {}
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "pulumi" or module_name.startswith("pulumi.")):
            continue
        modules[module_name] = module
        for value in list(vars(module).values()):
            if isinstance(value, contextvars.ContextVar):
                by_id[id(value)] = value
    for prop in _settings_properties():
        by_id[id(prop._data)] = prop._data
    _SCANNED[:] = [(len(sys.modules), modules, list(by_id.values()))]
    return list(by_id.values())


def _settings_properties() -> list[Any]:
    # ``Settings`` keeps each field in a ContextProperty whose ContextVar is ``_data``.
    return [v for v in vars(_runtime_settings.Settings).values() if hasattr(v, "_data") and hasattr(v, "fget")]


_MISSING = object()
# ContextProperty keeps a class-level fallback for threads that never saw the variable set.
_PROPERTY_DEFAULT = "_ContextProperty__default"


class RuntimeSnapshot:
    """Every Pulumi context variable and ContextProperty fallback, restorable later.

    Pulumi keeps its runtime state in context variables (settings, root stack, config) plus a few
    class-level defaults; restoring all of them undoes whatever a program run changed.
    """

    def __init__(self) -> None:
        self._vars = _pulumi_context_vars()
        ctx = contextvars.copy_context()
        self._values = [(var, ctx.get(var, _MISSING)) for var in self._vars]
        self._defaults = [(prop, getattr(prop, _PROPERTY_DEFAULT, _MISSING)) for prop in _settings_properties()]

    def restore(self) -> None:
        """Put every variable and fallback back to what it was when the snapshot was taken."""
        empty = contextvars.Context()
        for var, saved in self._values:
            value = saved
            if value is _MISSING:
                # Never set before: put back the variable's own default (read in an empty context). Not
                # ``var.get(_MISSING)``: a default given to get() wins over the variable's own.
                try:
                    value = empty.run(var.get)
                except LookupError:
                    continue  # no default either; a context variable cannot be unset
                if isinstance(value, dict | set):
                    value = type(value)()
            var.set(value)
        for prop, default in self._defaults:
            if default is not _MISSING:
                setattr(prop, _PROPERTY_DEFAULT, default)


# -- pulumi-policy's argument proxies ----------------------------------------------------------


def policy_proxy_target(value: Any) -> Any:
    """The plain dict or list behind one of pulumi-policy's ``props`` proxies, else ``value``.

    The proxies expose their target under ``"__target"`` (pulumi-policy's own serializer uses it the
    same way); going through the Mapping/Sequence API instead raises on the first unknown value.
    """
    # Only a proxy needs the lookup: the packs convert every value of every resource (plain() in
    # policy/residency_pack/values.py), so the proxy classes are looked up once, not per value.
    if isinstance(value, _policy_proxy_types()):
        target: Any = value
        return target["__target"]
    return value


@functools.cache
def _policy_proxy_types() -> tuple[type, ...]:
    """pulumi-policy's proxy classes, imported on first use (pulumi-policy is the policy extra's)."""
    from pulumi_policy import proxy

    return (proxy._DictProxy, proxy._ListProxy)


# -- telling a mocked run from a real one ---------------------------------------------------------


def under_mocks() -> bool:
    """True while a program runs under ``pulumi.runtime.set_mocks`` (tests, the offline plan).

    ``set_mocks`` installs a ``MockMonitor`` (or the subclass it is given, such as the recorder) as
    the runtime's resource monitor (pulumi/runtime/mocks.py); a real ``pulumi preview``/``up`` talks
    to the engine's gRPC monitor. For checks of local files only a real deployment reads (e.g. the
    portal's Lambda package), which mocks never open. If the SDK stops exposing the monitor, this
    answers False: the check then runs under mocks too, and the tests that need it fail, naming it.
    """
    from pulumi.runtime.mocks import MockMonitor

    get_monitor = getattr(_runtime_settings, "get_monitor", None)
    return callable(get_monitor) and isinstance(get_monitor(), MockMonitor)


# -- pulumi-policy's conversion of a request, once per request --------------------------------------

_SERVICER = "_PolicyAnalyzerServicer"
# The servicer methods that convert the request afresh for every policy (AnalyzeStack: every resource, for every stack
# policy), and the names of pulumi_policy.policy they convert it with: ``deserialize_properties(json_format.
# MessageToDict(message))``, directly and through ``_get_provider_resource``.
_CONVERTING_METHODS = ("Analyze", "AnalyzeStack")
_CONVERSION_NAMES = ("json_format", "deserialize_properties")
_conversion = threading.local()


def _policy_module() -> Any:
    from pulumi_policy import policy

    return policy


def _conversion_details() -> dict[str, bool]:
    module = _policy_module()
    servicer = getattr(module, _SERVICER, None)
    details = {f"pulumi_policy.policy.{_SERVICER}": isinstance(servicer, type)}
    provider = getattr(servicer, "_get_provider_resource", None)
    provider = getattr(provider, "__wrapped__", provider)  # share_policy_arguments wraps it
    for name in _CONVERTING_METHODS:
        method = getattr(servicer, name, None)
        method = getattr(method, "__wrapped__", method)
        names = getattr(getattr(method, "__code__", None), "co_names", ())
        details[f"{_SERVICER}.{name} converts with deserialize_properties(json_format.MessageToDict(...))"] = all(
            n in names for n in (*_CONVERSION_NAMES, "MessageToDict")
        )
    details[f"{_SERVICER}._get_provider_resource converts the same way"] = all(
        n in getattr(getattr(provider, "__code__", None), "co_names", ()) for n in (*_CONVERSION_NAMES, "MessageToDict")
    )
    json_format = getattr(module, "json_format", None)
    json_format = getattr(json_format, "_sovereign_original", json_format)
    details["pulumi_policy.policy.json_format.MessageToDict"] = callable(getattr(json_format, "MessageToDict", None))
    deserialize = getattr(module, "deserialize_properties", None)
    details["pulumi_policy.policy.deserialize_properties"] = callable(getattr(deserialize, "__wrapped__", deserialize))
    return details


def _remembered(kind: str, source: Any, extra: Any, convert: Callable[[], Any]) -> Any:
    """``convert()``, made once per (kind, source object, extra) while a request is analysed on this thread.

    ``source`` is kept alive with the result, so its id cannot be given to another object meanwhile; outside a request
    (``Remediate``, whose later policies must see the earlier ones' changes, or any other caller) nothing is kept.
    """
    memo: dict[tuple[str, int, Any], tuple[Any, Any]] | None = getattr(_conversion, "memo", None)
    if memo is None:
        return convert()
    key = (kind, id(source), extra)
    kept = memo.get(key)
    if kept is not None and kept[0] is source:
        return kept[1]
    result = convert()
    memo[key] = (source, result)
    return result


class _OnceJsonFormat:
    """``google.protobuf.json_format`` as pulumi_policy.policy sees it: ``MessageToDict`` of one message made once per
    analysed request (the same message object: protobuf hands out one Python object per sub-message while its parent
    lives), everything else the module's own."""

    def __init__(self, original: Any) -> None:
        self._sovereign_original = original

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sovereign_original, name)

    def MessageToDict(self, message: Any, *args: Any, **kwargs: Any) -> Any:  # the protobuf API's name
        original = self._sovereign_original.MessageToDict
        if args or kwargs:
            return original(message, *args, **kwargs)
        return _remembered("dict", message, None, lambda: original(message))


def _once_deserialize(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def deserialize_properties(props: Any, proxy_secrets: bool = False) -> Any:
        return _remembered("deserialized", props, proxy_secrets, lambda: original(props, proxy_secrets))

    return deserialize_properties


def _once_per_request(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def analyze(self: Any, request: Any, context: Any) -> Any:
        if getattr(_conversion, "memo", None) is not None:  # re-entered on this thread: the outer request's memo
            return method(self, request, context)
        _conversion.memo = {}
        try:
            return method(self, request, context)
        finally:
            _conversion.memo = None

    analyze._sovereign_hook = True  # type: ignore[attr-defined]
    return analyze


def convert_policy_requests_once() -> bool:
    """Make pulumi-policy's servicer convert each analysed request once, not once per policy; True when it does.

    ``_PolicyAnalyzerServicer.Analyze`` (pulumi_policy/policy.py, what ``PolicyPack`` serves) turns the request's
    properties into Python values (``deserialize_properties(json_format.MessageToDict(request.properties))``) and its
    provider's (``_get_provider_resource``) inside its loop over the policies, and ``AnalyzeStack`` does so for every
    resource inside its loop over the stack policies: the same message, converted once per policy. While one of those
    two methods runs, each message's ``MessageToDict`` and its ``deserialize_properties`` are made once and the result
    reused. On its own, each policy still gets its own ``unknown_checking_proxy`` over the shared value, its own
    options, provider and (stack) resources, built by pulumi-policy as before (:func:`share_policy_arguments`, which
    the pack installs, shares the proxy, options and provider too): the proxies copy every dict and list they wrap, so a
    policy that writes into its props changes only its own copy, as today; only leaf values (strings, numbers, an
    Asset) are shared, and pulumi-policy's own ``Remediate`` already shares them between policies.

    Patches the servicer class and the two names in pulumi_policy.policy, once per process. Without the details
    (``has_private_policy_details``) it changes nothing: each request is converted per policy, slower, never wrong.
    """
    module = _policy_module()
    if not all(_conversion_details().values()):
        return False
    servicer = getattr(module, _SERVICER)
    if not isinstance(module.json_format, _OnceJsonFormat):
        module.json_format = _OnceJsonFormat(module.json_format)
    if not hasattr(module.deserialize_properties, "__wrapped__"):
        module.deserialize_properties = _once_deserialize(module.deserialize_properties)
    for name in _CONVERTING_METHODS:
        method = getattr(servicer, name)
        if not getattr(method, "_sovereign_hook", False):
            setattr(servicer, name, _once_per_request(method))
    return True


# -- one proxy, provider and options per request, for every policy ---------------------------------------------------

# The servicer's per-policy builders, each called with one request message (``Analyze``: the request; ``AnalyzeStack``:
# each of its resources) inside the loop over the policies, and what they build: the properties' proxy
# (``unknown_checking_proxy(deserialized)``), a ``PolicyProviderResource`` (its own proxy inside) and a
# ``PolicyResourceOptions``.
_PROXY = "unknown_checking_proxy"
_SHARED_METHODS = ("_get_provider_resource", "_get_resource_options")


def _sharing_details() -> dict[str, bool]:
    module = _policy_module()
    servicer = getattr(module, _SERVICER, None)
    proxy = getattr(module, _PROXY, None)
    details = {f"pulumi_policy.policy.{_PROXY}": callable(getattr(proxy, "__wrapped__", proxy))}
    for name in _CONVERTING_METHODS:
        method = getattr(servicer, name, None)
        method = getattr(method, "__wrapped__", method)
        names = getattr(getattr(method, "__code__", None), "co_names", ())
        details[f"{_SERVICER}.{name} builds each policy's arguments with {_PROXY} and {'/'.join(_SHARED_METHODS)}"] = (
            all(n in names for n in (_PROXY, *_SHARED_METHODS))
        )
    for name in _SHARED_METHODS:
        method = getattr(servicer, name, None)
        method = getattr(method, "__wrapped__", method)
        details[f"{_SERVICER}.{name}(self, request)"] = _takes_self_and_request(method)
    return details


def _takes_self_and_request(method: Any) -> bool:
    try:
        return list(inspect.signature(method).parameters) == ["self", "request"]
    except (TypeError, ValueError):
        return False


def _shared_proxy(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def unknown_checking_proxy(props: Any) -> Any:
        return _remembered("proxy", props, None, lambda: original(props))

    return unknown_checking_proxy


def _shared_builder(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def build(self: Any, request: Any) -> Any:
        return _remembered(method.__name__, request, id(self), lambda: method(self, request))

    build._sovereign_hook = True  # type: ignore[attr-defined]
    return build


def share_policy_arguments() -> bool:
    """Give every policy of an analysed request the same properties proxy, provider and options; True when it does.

    pulumi-policy's servicer builds, inside its loop over the policies, a fresh ``unknown_checking_proxy`` over the
    request's properties (a copy of every dict and list in them), a fresh ``PolicyProviderResource`` (another proxy)
    and fresh ``PolicyResourceOptions`` for each policy (``Analyze``; ``AnalyzeStack`` for every resource, for every
    stack policy): 16 copies of one resource per request. While one of those methods runs (the same per-request memo
    as :func:`convert_policy_requests_once`, which this needs: the proxy is keyed on the converted value it wraps),
    each is built once and handed to every policy. What a policy receives is equal to before; only its identity is
    shared, so a policy that wrote into its props or provider would now reach the next policy: the pack's policies
    only read, which ``tests/test_pack_reads_only.py`` proves with proxies that refuse every write. The
    ``ResourceValidationArgs`` and each stack policy's ``PolicyResource`` objects (whose parent and dependencies the
    servicer fills in) stay per policy; ``Remediate`` (each policy sees the previous one's changes) is untouched.

    Without the details (``has_private_policy_details``), or without the conversion memo, it changes nothing: each
    policy gets its own copies, slower, never wrong.
    """
    module = _policy_module()
    if not (all(_sharing_details().values()) and convert_policy_requests_once()):
        return False
    servicer = getattr(module, _SERVICER)
    if not hasattr(getattr(module, _PROXY), "__wrapped__"):
        setattr(module, _PROXY, _shared_proxy(getattr(module, _PROXY)))
    for name in _SHARED_METHODS:
        method = getattr(servicer, name)
        if not getattr(method, "_sovereign_hook", False):
            setattr(servicer, name, _shared_builder(method))
    return True
