"""A recording resource monitor: every registration, read and invoke as a frozen record.

:class:`RecordingMonitor` subclasses Pulumi's ``MockMonitor`` and lets it do all the protocol work
(URNs, (de)serialisation, transforms); it only captures what the mocks were given and returned,
plus the request options the mocks never see (parent, protect, retain-on-delete...). Monitor calls
run on executor threads, so the hand-off from the mocks to the monitor uses a thread-local slot.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pulumi.runtime.mocks import MockCallArgs, MockMonitor, MockResourceArgs, Mocks
from pulumi.runtime.rpc import is_rpc_secret

from components._compat import ensure_event_loop
from components.simulate.loops import close_at_exit
from components.simulate.mocks import Location, Secret

__all__ = ["InvokeRecord", "RecordingMonitor", "ResourceRecord", "Secret"]

_NO_PROPERTY_DEPENDENCIES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({})


def _mark_secrets(props: dict[str, Any]) -> MappingProxyType[str, Any]:
    # Pulumi pushes secretness up to the top-level property, so one shallow pass finds every secret.
    # Only copy when there is something to mark: most resources have no secret inputs.
    for value in props.values():
        if is_rpc_secret(value):
            return MappingProxyType({k: Secret(v["value"]) if is_rpc_secret(v) else v for k, v in props.items()})
    return MappingProxyType(props)


@dataclass(frozen=True, slots=True)
class ResourceRecord:
    """One resource as the engine saw it (a registration, or a read of an existing resource)."""

    type: str
    """Type token, e.g. ``aws:s3/bucket:Bucket``."""
    name: str
    """Logical name."""
    urn: str
    """URN assigned by the mock monitor."""
    id: str
    """Physical id returned by the mocks."""
    parent: str
    """Parent URN (the stack's URN for top-level resources)."""
    provider: str
    """Provider reference ``<urn>::<id>``; ``''`` for a default provider."""
    custom: bool
    """True for provider-managed resources, False for components."""
    protect: bool
    retain_on_delete: bool
    import_id: str
    """``import`` option value, ``''`` if none."""
    read_id: str
    """Id of an existing resource read with ``.get()``, ``''`` for registrations."""
    inputs: MappingProxyType[str, Any]
    """Inputs, camelCase as the engine sees them; secret values wrapped in :class:`Secret`."""
    outputs: MappingProxyType[str, Any]
    """Outputs returned by the mocks; secret values wrapped in :class:`Secret`."""
    cloud: str | None
    """``aws``, ``alicloud`` or None (other packages, components)."""
    region: str | None
    """Region the resource lives in, as resolved from its own input or its provider."""
    dependencies: tuple[str, ...] = ()
    property_dependencies: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: _NO_PROPERTY_DEPENDENCIES
    )
    """Per input, the URNs of the resources its value was computed from (the request's ``propertyDependencies``,
    which a preview digest's ``newState`` carries as well)."""
    ignore_changes: tuple[str, ...] = ()
    additional_secret_outputs: tuple[str, ...] = ()
    remote: bool = False
    """True for a remote (multi-language) component: its children are built by its provider plugin,
    outside this process, so neither the guard nor the mocks ever see them."""

    @property
    def is_read(self) -> bool:
        """True when this records ``Resource.get()`` rather than a registration."""
        return bool(self.read_id)


@dataclass(frozen=True, slots=True)
class InvokeRecord:
    """One provider function call (invoke)."""

    token: str
    args: MappingProxyType[str, Any]
    provider: str
    result: MappingProxyType[str, Any]
    cloud: str | None
    region: str | None


def _property_dependencies(request: Any) -> MappingProxyType[str, tuple[str, ...]]:
    # Reads (ReadResourceRequest) carry no per-property record; most registrations record none either.
    recorded = getattr(request, "propertyDependencies", None)
    if not recorded:
        return _NO_PROPERTY_DEPENDENCIES
    return MappingProxyType({key: tuple(deps.urns) for key, deps in recorded.items() if deps.urns})


class _Tap(Mocks):
    """Wraps the real mocks and leaves what they saw/returned in the calling thread's slot."""

    def __init__(self, inner: Mocks, slot: threading.local) -> None:
        self.inner = inner
        self._slot = slot
        self._located_resource = getattr(inner, "new_resource_located", None)
        self._located_call = getattr(inner, "call_located", None)

    def new_resource(self, args: MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        if self._located_resource is not None:
            rid, state, loc = self._located_resource(args)
        else:
            rid, state = self.inner.new_resource(args)
            loc = _guess_location(args.typ, args.inputs)
        self._slot.resource = (args, rid, state, loc)
        return rid, state

    def call(self, args: MockCallArgs) -> Any:
        if self._located_call is not None:
            result, loc = self._located_call(args)
            answer: Any = (result, [])
        else:
            answer = self.inner.call(args)
            result = answer if isinstance(answer, dict) else answer[0]
            loc = _guess_location(args.token, args.args or {})
        self._slot.call = (args, result, loc)
        return answer

    def register_transform(self, transform: Any) -> None:
        self.inner.register_transform(transform)

    def register_invoke_transform(self, transform: Any) -> None:
        self.inner.register_invoke_transform(transform)


def _guess_location(token: str, inputs: dict[str, Any]) -> Location:
    cloud = token.split(":", 1)[0]
    if cloud not in ("aws", "alicloud"):
        return Location(None, None)
    region = inputs.get("region") or inputs.get("regionId")
    return Location(cloud, region if isinstance(region, str) else None)


class RecordingMonitor(MockMonitor):
    """A ``MockMonitor`` that records every RegisterResource, ReadResource and Invoke.

    Install with ``pulumi.runtime.set_mocks(mocks, ..., monitor=RecordingMonitor(mocks))``. Records
    are appended in the order the engine receives them; :attr:`records` and :attr:`invokes` are
    the live lists (the runner hands out tuples).
    """

    def __init__(self, mocks: Mocks) -> None:
        self._slot = threading.local()
        super().__init__(_Tap(mocks, self._slot))
        self.records: list[ResourceRecord] = []
        self.invokes: list[InvokeRecord] = []

    @property
    def inner_mocks(self) -> Mocks:
        """The mocks given to the constructor."""
        tap = self.mocks
        return tap.inner if isinstance(tap, _Tap) else tap

    def RegisterResource(self, request: Any) -> Any:
        self._slot.resource = None
        response = super().RegisterResource(request)  # type: ignore[no-untyped-call]  # MockMonitor is unannotated
        close_at_exit(ensure_event_loop())  # the SDK made one for this worker thread (see loops.py)
        self._record(
            request,
            response,
            custom=bool(request.custom),
            protect=bool(request.protect),
            retain_on_delete=bool(request.retainOnDelete),
            import_id=request.importId,
            read_id="",
            ignore_changes=tuple(request.ignoreChanges),
            remote=bool(request.remote),
        )
        return response

    def ReadResource(self, request: Any) -> Any:
        self._slot.resource = None
        response = super().ReadResource(request)  # type: ignore[no-untyped-call]  # MockMonitor is unannotated
        close_at_exit(ensure_event_loop())
        self._record(
            request, response, custom=True, protect=False, retain_on_delete=False, import_id="", read_id=request.id
        )
        return response

    def _record(self, request: Any, response: Any, **differences: Any) -> None:
        """Record what the mocks were handed for ``request``; reads and registrations differ only in ``differences``."""
        taken = self._slot.resource
        if taken is None:
            return
        self._slot.resource = None
        args, rid, state, loc = taken
        self.records.append(
            ResourceRecord(
                type=request.type,
                name=request.name,
                urn=response.urn,
                id=rid or differences["read_id"],
                parent=request.parent,
                provider=request.provider,
                inputs=_mark_secrets(args.inputs),
                outputs=_mark_secrets(state),
                cloud=loc.cloud,
                region=loc.region,
                dependencies=tuple(request.dependencies),
                property_dependencies=_property_dependencies(request),
                additional_secret_outputs=tuple(request.additionalSecretOutputs),
                **differences,
            )
        )

    def Invoke(self, request: Any) -> Any:
        self._slot.call = None
        response = super().Invoke(request)  # type: ignore[no-untyped-call]  # MockMonitor is unannotated
        close_at_exit(ensure_event_loop())
        taken = self._slot.call
        if taken is not None:
            self._slot.call = None
            args, result, loc = taken
            self.invokes.append(
                InvokeRecord(
                    token=args.token,
                    args=_mark_secrets(args.args or {}),
                    provider=args.provider or "",
                    result=MappingProxyType(dict(result)),
                    cloud=loc.cloud,
                    region=loc.region,
                )
            )
        return response
