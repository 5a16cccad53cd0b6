"""The construction-time guard: ``enforce("CN")`` and every later resource is checked.

It is an in-process stack transformation, the mechanism that runs identically in ``pulumi up``
and under ``pulumi.runtime.set_mocks`` (the newer resource transforms are not run by the mock
monitor). Plain inputs are judged synchronously inside the transformation; inputs holding an
Output are gated: the guard replaces them with an Output that judges the resolved value and
raises before the SDK serialises the registration, so an offending resource never reaches the
engine.
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

import pulumi
from pulumi import _types as pulumi_types

from components._compat import judged_output
from components.residency.catalogue import Catalogue
from components.residency.engine import CLOUD_PACKAGES, ProviderRef, RuleEngine, Subject, is_free_text, package_of
from components.residency.rules import Finding

__all__ = ["Guard", "Mode", "audit_session", "enforce"]

Mode = Literal["raise", "audit"]

# Set only inside ``audit_session()``: lets the offline plan run an unmodified ``__main__.py``
# (which calls ``enforce(code)``) in audit mode and collect its guard. A ContextVar, not a global,
# so concurrent or nested sessions cannot see each other.
_AUDIT_SESSION: ContextVar[list[Guard] | None] = ContextVar("sovereign_audit_session", default=None)


def _is_output(value: Any) -> bool:
    return isinstance(value, pulumi.Output)


class Guard:
    """The state of one ``enforce()`` call: its engine, mode, providers seen and findings."""

    def __init__(self, engine: RuleEngine, mode: Mode) -> None:
        self.engine = engine
        self.mode: Mode = mode
        self.findings: list[Finding] = []
        """Every violation seen, in order (in raise mode, the one raised is the last)."""
        self.checked: int = 0
        """How many resources the guard judged (for reports and tests)."""
        self._providers: weakref.WeakKeyDictionary[pulumi.ProviderResource, ProviderRef] = weakref.WeakKeyDictionary()

    @property
    def jurisdiction(self) -> str:
        """The code of the jurisdiction being enforced."""
        return self.engine.jurisdiction.code

    # -- the transformation -------------------------------------------------------------------

    def __call__(self, args: pulumi.ResourceTransformationArgs) -> pulumi.ResourceTransformationResult | None:
        package, is_provider = package_of(args.type_)
        if not isinstance(args.resource, pulumi.CustomResource) or args.type_ == "pulumi:pulumi:StackReference":
            return None  # components are judged through their children
        self.checked += 1
        subject = Subject(
            type=args.type_,
            name=args.name,
            props=args.props,
            provider=None if is_provider else self._provider_of(args, package),
            read_id=args.opts.id,
            import_id=args.opts.import_,
        )
        findings, pending = self.engine.check(subject, defer=_is_output)
        if is_provider and package in CLOUD_PACKAGES:
            region = args.props.get("region")
            self._providers[args.resource] = ProviderRef(  # type: ignore[index]
                package, args.name, region if isinstance(region, str) else None
            )
        self._report(findings)
        if not pending:
            return None
        props = dict(args.props)
        for key in {p.top_key for p in pending if p.top_key is not None}:
            props[key] = self._gated(subject, props[key], key)
        opts = args.opts
        if any(p.top_key is None for p in pending):
            opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions())
            read_id: Any = opts.id
            import_id: Any = opts.import_
            if isinstance(read_id, pulumi.Output):
                opts.id = self._gate(subject, "id", read_id)
            if isinstance(import_id, pulumi.Output):
                opts.import_ = self._gate(subject, "import", import_id)  # type: ignore[assignment]
        return pulumi.ResourceTransformationResult(props, opts)

    def _gated(self, subject: Subject, value: Any, path: str) -> Any:
        """``value`` with every Output leaf gated; containers are copied only where a leaf changed.

        Gating leaves (one Output each) rather than re-resolving whole inputs keeps the guard's cost
        close to zero, and copying instead of mutating leaves the caller's Args objects untouched.
        Paths are spelled exactly as the engine spells them.
        """
        if isinstance(value, pulumi.Output):
            return self._gate(subject, path, value)
        if isinstance(value, Mapping):
            changed = {
                k: new
                for k, v in value.items()
                if v is not None
                and not is_free_text(str(k))
                and (new := self._gated(subject, v, f"{path}.{k}")) is not v
            }
            return {**value, **changed} if changed else value
        if isinstance(value, (list, tuple)):
            items = [self._gated(subject, v, f"{path}[{i}]") for i, v in enumerate(value)]
            return type(value)(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
        if pulumi_types.is_input_type(type(value)):
            fields = vars(value)
            gated = self._gated(subject, fields, path)
            if gated is fields:
                return value
            clone = copy.copy(value)
            vars(clone).update(gated)
            return clone
        return value

    def _gate(self, subject: Subject, path: str, output: pulumi.Output[Any]) -> pulumi.Output[Any]:
        """An Output equal to ``output`` that judges the value before anything can consume it."""

        def judge(value: Any, is_known: bool, is_secret: bool) -> None:
            # Unknown during preview: nothing to judge here; the policy pack judges it by provenance.
            if is_known:
                self._report(self.engine.check_value(subject, path, value, secret=is_secret))

        # One task per gated leaf, reusing the SDK's resolved data (see components/_compat.py).
        return judged_output(output, judge)

    def _provider_of(self, args: pulumi.ResourceTransformationArgs, package: str) -> ProviderRef | None:
        if package not in CLOUD_PACKAGES:
            return None
        opts = args.opts
        provider: pulumi.ProviderResource | None = None
        if opts.provider is not None and opts.provider.package == package:
            provider = opts.provider
        elif isinstance(opts.providers, Mapping):
            provider = opts.providers.get(package)
        elif opts.providers:
            provider = next((p for p in opts.providers if p.package == package), None)
        if provider is None and opts.parent is not None:
            provider = opts.parent.get_provider(args.type_)
        if provider is None:
            return ProviderRef(package, "", default=True)
        known = self._providers.get(provider)
        if known is None:
            return ProviderRef(package, getattr(provider, "_name", "?"), verified=False)
        return known

    def _report(self, findings: list[Finding]) -> None:
        if not findings:
            return
        self.findings.extend(findings)
        if self.mode == "raise":
            raise findings[0].to_violation()


def enforce(
    jurisdiction: str,
    *,
    mode: Mode = "raise",
    catalogue: Catalogue | None = None,
    register: Callable[[Any], None] | None = None,
) -> Guard:
    """Check every AWS and Alibaba Cloud resource registered from now on against ``jurisdiction``.

    ``mode="raise"`` (the default) stops the program with :class:`ResidencyViolation` before the
    first offending resource is registered. ``mode="audit"`` lets the program run and collects
    every finding in the returned guard's ``findings`` (the offline plan uses it).

    Call it once, before creating any provider. It needs no Pulumi config and no stack file.
    """
    if mode not in ("raise", "audit"):
        raise ValueError(f"mode must be 'raise' or 'audit', not {mode!r}")
    session = _AUDIT_SESSION.get()
    guard = Guard(RuleEngine(jurisdiction, catalogue), "audit" if session is not None else mode)
    if session is not None:
        session.append(guard)
    (register or pulumi.runtime.register_stack_transformation)(guard)
    return guard


@contextmanager
def audit_session() -> Iterator[list[Guard]]:
    """Run a program whose ``enforce()`` calls are switched to audit mode; yields their guards.

    with audit_session() as guards:
        run_pulumi_program(Path("__main__.py"), ...)
    findings = [f for g in guards for f in g.findings]
    """
    guards: list[Guard] = []
    token = _AUDIT_SESSION.set(guards)
    try:
        yield guards
    finally:
        _AUDIT_SESSION.reset(token)
