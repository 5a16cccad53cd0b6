"""The construction-time guard: ``enforce("CN")`` and every later resource is checked.

It is an in-process stack transformation, the mechanism that runs identically in ``pulumi up``
and under ``pulumi.runtime.set_mocks`` (the newer resource transforms are not run by the mock
monitor). Plain inputs are judged synchronously inside the transformation; for inputs holding an
Output the transformation holds the registration: the SDK awaits the guard's judgement of the
resolved values before it prepares (serialises) the registration, and a refusal fails it there,
so an offending resource never reaches the engine (see ``components._compat.hold_registration``).
A regionless name or host among the plain inputs (RES-015 / RES-017, undeclared) is held the same way and judged once
the program's construction is over, against every name the program made, so a bucket or record made further down the
program proves it as at the policy pack and the reviews (``Guard._judge_later``, docs/residency.md, stop 35). Of a
bucket the program makes without a name, the guard learns the name the provider assigns once it registers
(``Guard._by_assigned_names``, stop 37), as the policy pack and the reviews read it from the final state.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import inspect
from collections.abc import Awaitable, Callable, Hashable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

import pulumi

from components import _compat
from components._compat import is_input_type
from components.errors import ConfigError
from components.residency import stacksets, stages
from components.residency.catalogue import Catalogue
from components.residency.destinations import Destination, DestinationProblem, check_destinations, parse_destinations
from components.residency.engine import (
    ACCOUNT_KEY,
    CLOUD_PACKAGES,
    CREATOR_ATTRS,
    PINNING_INPUTS,
    REGIONLESS_PACKAGES,
    Pending,
    Place,
    ProviderRef,
    RuleEngine,
    Subject,
    held_in_bucket,
    package_of,
    prop_of,
    provider_accounts,
    provider_site,
    snake_case,
    stack_account_keys,
)
from components.residency.known import Either
from components.residency.provenance import regionless_known
from components.residency.rules import Finding, RuleId, rule
from components.yamlfile import shorten

__all__ = ["Guard", "Mode", "audit_session", "enforce"]

Mode = Literal["raise", "audit"]

# Set only inside ``audit_session()``: lets the offline plan run an unmodified ``__main__.py``
# (which calls ``enforce(code)``) in audit mode and collect its guard. A ContextVar, not a global,
# so concurrent or nested sessions cannot see each other.
_AUDIT_SESSION: ContextVar[list[Guard] | None] = ContextVar("sovereign_audit_session", default=None)


# Exact types that are never awaitable: most inputs are one of them, and answering from the type
# alone costs far less than ``inspect.isawaitable`` (a subclass still takes the full test).
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None), dict, list, tuple})


def _is_output(value: Any) -> bool:
    # Any awaitable input (asyncio Future, Task, coroutine) is deferred like an Output: the SDK
    # resolves it before sending, so it must be judged when it resolves.
    if type(value) in _PLAIN_TYPES:
        return False
    return isinstance(value, pulumi.Output) or inspect.isawaitable(value)


def _as_outputs(value: Any, made: dict[int, pulumi.Output[Any]]) -> Any:
    """``value`` with every awaitable that is not an Output wrapped in one (containers and input types
    copied); ``made`` maps each wrapped awaitable's id to its Output."""
    if isinstance(value, pulumi.Output):
        return value
    if inspect.isawaitable(value):
        made[id(value)] = pulumi.Output.from_input(value)
        return made[id(value)]
    if isinstance(value, Mapping):
        return {k: _as_outputs(v, made) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_as_outputs(v, made) for v in value)
    if is_input_type(type(value)):
        clone = copy.copy(value)
        vars(clone).update(_as_outputs(vars(value), made))
        return clone
    return value


async def _api_of(value: Any) -> object:
    """The RestApi a Stage or Integration names, as the guard can tell it: the resources its ``rest_api`` Output is
    computed from (the same RestApi for every member using ``api.id``), else the literal id (``stages.api_key``'s key);
    None when neither is known. An Output is awaited: callers bound the wait (``Guard._known_for``)."""
    if _is_output(value):
        resources = await value.resources()
        if resources:
            return ("resources", frozenset(resources))
        value, is_known, _, _ = await _compat.resolved(value)
        if not is_known:
            return None
    return ("id", value) if isinstance(value, str) and value else None


async def _target_key(route: Subject) -> object:
    """A Route's ``target`` keyed as ``_api_of`` keys an API: a literal ``integrations/<id>``, or an Output that has
    resolved (the resources it is computed from; nothing is awaited). One not resolved yet is
    ``stages.JUDGED_AT_ROUTE``: never awaited here, since the target is computed from the Integration's id, which
    resolves only once the Integration registers, and its registration waits on the very judgement that asks about its
    Routes (anonymous43); an open such Route is judged at the Route once it resolves (``Guard._judge_route``, stop
    45)."""
    value = prop_of(route.props, "target")
    if _is_output(value):
        return await _api_of(value) if _compat.settled(value) else stages.JUDGED_AT_ROUTE
    return ("id", value) if isinstance(value, str) and value else None


def _hold_for_context(subject: Subject, context: frozenset[str]) -> Subject:
    """A resource whose context inputs (a DNS record's type and name, a CDN feature's ``function_name``:
    ``RuleEngine.context_inputs``) are not all known yet: its other plain inputs are held too (as Outputs of their
    own, in the judged subject only) and judged once the context resolves, as the plan and the policy pack judge the
    final resource (a DKIM key's CNAME under a computed ``_domainkey`` name is no destination; a computed feature's
    origin host is one)."""
    if not any(_holds_output(prop_of(subject.props, key)) for key in context):
        return subject
    return _held(subject, lambda key: key not in context)


_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
"""Exact types that neither are nor hold an awaitable: answered from the type alone (perf55: ``_note_name`` asks about
every input of a bucket the provider names, most of them None, and ``Mapping``'s ABC test costs a frame each)."""


def _holds_output(value: Any) -> bool:
    """An Output itself, or a map / list with one inside (a stack's ``parameters`` with an Output value)."""
    if type(value) in _SCALAR_TYPES:
        return False
    if isinstance(value, Mapping):
        return any(_holds_output(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_holds_output(v) for v in value)
    return _is_output(value)


def _outputs_in(value: Any) -> Iterator[pulumi.Output[Any]]:
    """The Outputs in an input: itself, or those inside its maps, lists and input types (``_holds_output``'s)."""
    if isinstance(value, pulumi.Output):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _outputs_in(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _outputs_in(v)
    elif value is not None and is_input_type(type(value)):
        yield from _outputs_in(vars(value))


def _hold_setting(subject: Subject, name_key: str, value_keys: frozenset[str]) -> Subject:
    """A stored setting whose name is still an Output: its plain values are held too (as Outputs of their
    own, in the judged subject only), to be judged under the name once it resolves, as the policy pack
    and the plan of the final state judge them (``/fleet/{stack}/export_region`` = ``us-east-1``)."""
    if not _is_output(prop_of(subject.props, name_key)):
        return subject
    return _held(subject, value_keys.__contains__)


def _held(subject: Subject, hold: Callable[[str], bool]) -> Subject:
    """``subject`` with each plain input whose snake_case key ``hold`` names wrapped in an Output of its own, so the
    engine defers it and the guard judges it with the others once they resolve (the registration's inputs are not
    changed)."""
    return subject._replace(
        props={
            k: pulumi.Output.from_input(v) if v is not None and not _is_output(v) and hold(snake_case(k)) else v
            for k, v in subject.props.items()
        }
    )


# Findings a resource of this stack may prove wrong by having produced the name or host itself.
# A granted account (RES-023) is held the same way: the provider's `allowed_account_ids` / `assume_roles` reach the
# guard as Outputs (pulumi-aws sends a provider's list and object inputs JSON-encoded,
# `.apply(pulumi.runtime.to_json)`), read once construction is over.
_REGIONLESS = frozenset(
    {RuleId.DESTINATION_HOST_PROVEN, RuleId.REGIONLESS_REFERENCE_PROVEN, RuleId.GRANTED_ACCOUNT_PROVEN}
)
_NAMES = frozenset({RuleId.DESTINATION_HOST_PROVEN, RuleId.REGIONLESS_REFERENCE_PROVEN})
"""The regionless findings a name the provider assigned to one of the stack's buckets may prove wrong
(``_unproven_name``)."""


def _judged_later(
    type_: str, finding: Finding, joined: frozenset[str], with_instances: Callable[[Finding], bool]
) -> bool:
    """A finding judged again once construction is over (``Guard._judge_later``): a regionless name or host the program
    may make further down, an object held in a bucket it may make further down, and any finding at a Stage's variable,
    which is judged as the Integrations of its API read it (a bucket, the host of a URL, or a bare host: stage-variables
    join), whatever their order in the program."""
    return finding.declared_by is None and (
        finding.rule.id in _REGIONLESS
        # (falsealarm49) An object held in S3 (an included snippet, an API body, a definition): its bucket may be one
        # the program makes further down, which proves it (``held_in_bucket``).
        or held_in_bucket(finding)
        or (type_ in stages.STAGE_TYPES and stages.variable_path(finding.path))
        # A type whose grant to everyone is the stack's answer (``RuleEngine.joined_public_types``, the one set the
        # policy pack's stack policy reads): an Integration serving stored data, by its Methods / Routes (stop 43), and
        # an OpenSearch DomainPolicy, by the domain its `domain_name` names, which the program may construct after it
        # (stop 44: the guard alone refused that order before, reading only the Integrations' set).
        or (type_ in joined and finding.rule.id == RuleId.PUBLIC_ACCESS_DECLARED)
        # (stackinst50) A StackSet's / stack group's template runs with the overrides of the program's stack instances
        # naming it, constructed after it (they name it by its `name` output): ``RuleEngine.judged_with_instances``.
        or with_instances(finding)
    )


_OTHER_STACK_SET = ("resources", None)
"""(stackinst50) How the guard keys a stack instance named by an Output that is none of the judged StackSet's own."""


async def _named_by_output(
    name: pulumi.Output[Any], stack_set: pulumi.Resource, same_type: bool, own: AbstractSet[int]
) -> tuple[object, Any]:
    """(stackjoin51) How a stack instance whose name input is an Output names the judged ``stack_set`` (of its
    StackSet type when ``same_type``; ``own``: the ids of its own Outputs), and the name the join reads then. Nothing is
    awaited that is not resolved: the StackSet's own Output (``stack_set.name``) names it by identity; an Output not
    resolved yet (``stack_set.name.apply(...)`` resolves only once the StackSet registers, which waits on this very
    judgement) or unknown (a preview's) may name it, and is joined to it (fail closed: the reviews and the pack join it
    by its property dependencies); one resolved names the StackSet its text names, as a literal name does (another
    StackSet of the program, registered already, by its own ``name``; the judged one cannot have registered)."""
    if id(name) in own:
        return ("resources", id(stack_set)), None
    if not same_type:
        return _OTHER_STACK_SET, None
    if not _compat.settled(name):
        return ("resources", id(stack_set)), None
    value, is_known, _, _ = await _compat.resolved(name)
    return (("resources", id(stack_set)), None) if not is_known else (None, value)


def _outputs_as_none(value: Any, _why: object = None) -> Any:
    """``value`` (maps and lists, ``_as_maps``) with each Output in it read as no value (None): one the guard cannot
    wait for proves nothing. ``_resolved_input``'s ``not_known`` for a StackSet's instance overrides (stackinst50)."""
    if _is_output(value):
        return None
    if isinstance(value, Mapping):
        return {k: _outputs_as_none(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_outputs_as_none(v) for v in value]
    return value


def _as_sentinel(_value: Any, why: object) -> object:
    """The stage-variables join's ``not_known``: the whole value is the sentinel of why it is not known."""
    return why


async def _resolved_input(
    value: Any,
    patience: float | None,
    after: AbstractSet[int] = frozenset(),
    not_known: Callable[[Any, object], Any] = _as_sentinel,
) -> Any:
    """An input as the plan and the policy pack see it: input types as maps, Outputs resolved (waited for at most
    ``patience``: one may wait on the judged resource). One holding an Output of ``after`` (``Guard._registers_after``:
    it resolves only once the judged resource has registered) is not known at once, as it was once ``patience`` had
    passed. What a value not known becomes is ``not_known(value, why)`` (``why``: ``_NOT_KNOWN`` when not resolved by
    then, fail closed; ``_AT_DEPLOYMENT`` when unknown, a preview's, judged at deployment): the stage-variables join
    (``stages.join_inputs``) takes the sentinel for the whole value (``_as_sentinel``), a StackSet's instance overrides
    read each Output in it as None (``_outputs_as_none``, stackinst50)."""
    value = _as_maps(value)
    if not _holds_output(value):
        return value
    if after and any(id(o) in after for o in _outputs_in(value)):
        return not_known(value, _NOT_KNOWN)
    whole = pulumi.Output.from_input(value)
    await _compat.settle([whole], patience)
    if not _compat.settled(whole):
        return not_known(value, _NOT_KNOWN)
    resolved, is_known, _, _ = await _compat.resolved(whole)
    return _as_maps(resolved) if is_known else not_known(value, _AT_DEPLOYMENT)


_NOT_KNOWN = object()
_AT_DEPLOYMENT = object()
"""Unknown in a preview: judged by the guard at deployment (the join takes it as the policy pack's unknown)."""


async def _may_read_stage_variables(subject: Subject, pending: list[Pending]) -> bool:
    """Whether a held member of the stage-variables join needs the join: always, but for a RestApi or an HTTP API
    (stop 41) whose OpenAPI body (resolved now, or plain) names no stage variable. Such a body reads none, so the join
    could tell its judgement nothing, and waiting for it would only cost time: a Stage whose ``rest_api`` (``api_id``)
    is computed from the API's id (``api.id.apply(...)``) resolves after the API registers, so the API's join waited
    ``patience`` seconds for it (stop 40: 30 s in ``pulumi up``, same verdict)."""
    if subject.type not in stages.API_TYPES:
        return True
    body = prop_of(subject.props, "body")
    for p in pending:
        if p.top_key == "body":
            body, is_known, _, _ = await _compat.resolved(p.value)
            if not is_known:
                return True
    return body is not None and stages.VARIABLE_PREFIX.lower() in str(body).lower()


async def _may_name_a_link(subject: Subject, pending: list[Pending]) -> bool:
    """Whether a held API's OpenAPI body (resolved now) may hold a private integration (``stages.VPC_LINK_ID``, stop
    42): then the VPC links it is computed from are read, without the stage-variables join's wait for other APIs."""
    entry = stages.body_private_integration(subject.type)
    if entry is None:
        return False
    for p in pending:
        if p.top_key == entry.input:
            body, is_known, _, _ = await _compat.resolved(p.value)
            return is_known and "vpc_link" in str(body).lower()
    return False


async def _read_join_input(
    props: Any, keys: list[str], into: dict[str, Any], patience: float | None, after: AbstractSet[int]
) -> None:
    """The input at ``keys`` below ``props`` (``stages.join_inputs``), written at the same keys of ``into``: each map on
    the way resolved when it is an Output (``_resolved_input``, not waited for when it is one of ``after``), nothing
    written where the way ends (no canary)."""
    value = _as_maps(props)
    for depth, key in enumerate(keys):
        if _is_output(value):
            value = await _resolved_input(value, patience, after)
        if not isinstance(value, Mapping):
            if value is _NOT_KNOWN or value is _AT_DEPLOYMENT:
                into[key] = value  # a map on the way not known: the join takes what it holds for the same
            return
        value = prop_of(value, key)
        if value is None:
            return
        if depth < len(keys) - 1:
            into = into.setdefault(key, {})
    into[keys[-1]] = await _resolved_input(value, patience, after)


def _as_maps(value: Any) -> Any:
    """``value`` with its input types (``StageCanarySettingsArgs``) as maps of their fields, Outputs kept."""
    if value is not None and is_input_type(type(value)):
        return {k: _as_maps(v) for k, v in vars(value).items() if v is not None}
    if isinstance(value, Mapping):
        return {k: _as_maps(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_maps(v) for v in value]
    return value


def _unproven_name(findings: list[Finding]) -> bool:
    """A finding a name the provider assigns to one of the stack's buckets may prove wrong: a regionless name, or an
    object held in S3 (falsealarm49, ``held_in_bucket``)."""
    return any((f.rule.id in _NAMES or held_in_bucket(f)) and f.declared_by is None for f in findings)


async def _findings(result: list[Finding] | Awaitable[list[Finding]]) -> list[Finding]:
    return await result if inspect.isawaitable(result) else result


def _as_invoke_findings(token: str, findings: list[Finding]) -> list[Finding]:
    """Findings about a provider function's arguments, under the invoke rule (RES-021) naming the rule broken."""
    invoke_rule = rule(RuleId.INVOKE_IN_JURISDICTION)
    return [
        Finding(invoke_rule, token, f.resource_name, f.path, f.value, f"[{f.rule.id}] {f.detail}", f.declared_by)
        for f in findings
    ]


def _own_urn(urn: object) -> bool:
    """Whether ``urn`` names a resource of the running stack and project (``urn:pulumi:<stack>::<project>::...``).

    The SDK rebuilds a resource reference through the built-in provider's ``getResource``, which looks the URN up
    among this deployment's registrations and reads only (pulumi/pulumi ``pkg/resource/deploy/builtins.go``,
    ``getResource``: ``p.news`` then ``p.reads``, else "unknown resource"; docs "The built-in provider": it is used for
    "rehydrating resource references")."""
    # Almost every registration has no `urn` option: the stack and project are read only for one that has.
    return isinstance(urn, str) and urn.startswith(f"urn:pulumi:{pulumi.get_stack()}::{pulumi.get_project()}::")


class Guard:
    """The state of one ``enforce()`` call: its engine, mode, providers seen and findings."""

    def __init__(self, engine: RuleEngine, mode: Mode) -> None:
        self.engine = engine
        self.mode: Mode = mode
        self.findings: list[Finding] = []
        """Every violation seen, in order (in raise mode, the one raised is the last)."""
        # Plain (strong) containers: the program keeps every resource alive while it runs anyway, and a
        # weak one costs a weak reference per lookup and per resource.
        self._providers: dict[pulumi.ProviderResource, ProviderRef] = {}
        self._pinning: dict[ProviderRef, pulumi.Output[Any]] = {}
        """A provider's account-pinning inputs that were Outputs at its registration (read by _with_accounts)."""
        self._pinned: dict[ProviderRef, ProviderRef] = {}
        self._late_pins: set[ProviderRef] = set()
        """Providers whose pin had not resolved in time (_stack_accounts), warned about once."""
        self._created: set[str] = set()
        """The names of the buckets and the group keys of the global groups this stack registered (regionless
        references to them are proven: ``RuleEngine.created_name``)."""
        self._judged: dict[pulumi.Resource, str] = {}
        """The resources judged compliant, with their type tokens (which own addresses they produce)."""
        self._made_with: dict[pulumi.Resource, ProviderRef | None] = {}
        """The provider each role of the program (``made_account_arns`` types) was registered with, as ``_provider_of``
        gave it: its ARN proves the account of a resource made with the same provider (``_made_arns``)."""
        self._unnamed: dict[pulumi.Resource, tuple[str, bool]] = {}
        """The buckets this stack makes whose name no plain input gives (the provider assigns it, or an Output does),
        with their type tokens and whether the guard may wait for the name (``_by_assigned_names``); a bucket leaves it
        once its name is known (then in ``_created``) or never will be."""
        self._waiting: set[pulumi.Resource | None] = set()
        """The resources whose held judgement waits for assigned bucket names (never waited for in turn)."""
        self.patience: float | None = None
        """Seconds a held judgement waits for assigned bucket names and Output pins (None:
        ``_compat.OUTPUT_PATIENCE_SECONDS``)."""
        self._bucket_types = engine.endpoints.bucket_types
        self._naming_types = engine.naming_types
        self._join_members = stages.join_member_types() | stacksets.instance_types()
        """The types ``_note_join_member`` keeps (the stage-variables join's members and the VPC links; the stack
        instances, stackinst50)."""
        self._joining = stages.joining_types()
        """The types ``_joined_known`` may join for (every other type is judged against ``_known``)."""
        self._made_arn_types = engine.made_arn_outputs
        """The types whose own ARN outputs prove the account (``made_account_arns``), with those outputs' names."""
        self._joined = engine.joined_public_types
        """The types whose RES-024 is judged with the whole stack in view (``_judged_later``)."""
        self._settings = engine.setting_inputs
        self._context_inputs = engine.context_inputs
        self._api_members: list[tuple[Subject, pulumi.CustomResource]] = []
        """The REST APIs' Stages and Integrations the program made, and the RestApis (their OpenAPI bodies), each with
        its resource (``stages.StageJoin``, joined once construction is over)."""
        self._vpc_links: list[pulumi.CustomResource] = []
        """The VPC links the program made (``stages.VPC_LINK_MADE``)."""
        self._stack_set_types = stacksets.stack_set_types()
        self._held_types = stages.STAGE_TYPES | self._stack_set_types
        """The types whose judgement is always held until construction is over (``_judge_later``)."""
        self._with_instances = engine.judged_with_instances
        self._stack_instances: list[Subject] = []
        """(stackinst50) The stack instances the program made (``stacksets.instance_types``): a StackSet's template is
        judged once construction is over, once per instance naming it (``_instance_overrides``)."""
        self._member_outputs: list[tuple[pulumi.Resource, frozenset[int], frozenset[int]]] = []
        """Each of ``_api_members`` (in order) with the ids of the Outputs among its inputs and of its own Outputs
        (``_registers_after``)."""

    @property
    def jurisdiction(self) -> str:
        """The code of the jurisdiction being enforced."""
        return self.engine.jurisdiction.code

    # -- the transformation -------------------------------------------------------------------

    def __call__(self, args: pulumi.ResourceTransformationArgs) -> pulumi.ResourceTransformationResult | None:
        # Runs for every resource of the program: attributes are read once into locals.
        type_, resource, props, opts = args.type_, args.resource, args.props, args.opts
        package, is_provider = package_of(type_)
        if not isinstance(resource, pulumi.CustomResource) or type_ == "pulumi:pulumi:StackReference":
            self._check_component(args, package)
            return None  # components are judged through their children
        if opts.urn is not None and _own_urn(opts.urn):  # almost no registration has a `urn` option
            # A reference to a resource of this stack, rebuilt from its URN: the SDK's `get` of a resource output
            # (an input given a resource, `role=lambda_role`, comes back as a resource reference under the mocks and
            # from a remote component), `ResourceOptions(urn=...)`. It reads the engine's state of a resource this
            # stack registered (judged at that registration) and creates or sends nothing.
            return None
        subject = Subject(
            type_, args.name, props, None if is_provider else self._provider_of(args, package), opts.id, opts.import_
        )
        setting = self._settings.get(type_)
        if setting is not None:
            subject = _hold_setting(subject, *setting)
        context = self._context_inputs.get(type_)  # DNS records and feature configs only: one dict lookup for the rest
        if context is not None:
            subject = _hold_for_context(subject, context)
        findings, pending = self.engine.check(subject, defer=_is_output, known=self._known)
        if type_ in self._made_arn_types:
            self._made_with[resource] = subject.provider
        if type_ in self._naming_types:  # created_name answers None for every other type
            self._note_name(type_, props, opts, resource)
        joined, with_instances = self._joined, self._with_instances
        later = [f for f in findings if _judged_later(type_, f, joined, with_instances)] if findings else findings
        if type_ in self._join_members:
            self._note_join_member(subject, resource)
        if later or type_ in self._held_types:
            # A Stage is held too: whether its variables are buckets or hosts depends on the Integrations of its API,
            # which may be constructed after it (stage-variables join, stops 37 and 39). So is a StackSet: its
            # template runs with the overrides of the stack instances the program makes of it (stackinst50).
            # A regionless name or host the stack may make further down the program (a bucket, a private zone's
            # record, a database's bucket): judged once construction is over, against every name the program made,
            # as the policy pack and the reviews judge the whole stack; the registration waits (_judge_later).
            findings = [f for f in findings if not _judged_later(type_, f, self._joined, self._with_instances)]
            _compat.hold_registration(resource, lambda: self._judge_later(subject, resource, type_, bool(findings)))
        elif not findings:
            self._judged[resource] = type_
        if is_provider and package in CLOUD_PACKAGES:
            self._learn_provider(resource, package, args.name, type_, props)
        if findings:
            self._report(findings)
        if not pending:
            return None
        for p in pending:
            if not isinstance(p.value, pulumi.Output):
                return self._hold_awaitables(args, subject, pending)
        # A partial, not a lambda: the hook calls it without a Python frame of its own (stop 49).
        _compat.hold_registration(resource, functools.partial(self._judge_held, subject, resource, pending))
        return None

    def _note_name(
        self, type_: str, props: Mapping[str, Any], opts: pulumi.ResourceOptions, resource: pulumi.CustomResource
    ) -> None:
        """The name a resource of a naming type (``RuleEngine.naming_types``) gives what it creates, kept for the
        ``known`` predicate; a bucket whose name is not given yet, kept for ``_learn_names``."""
        created = self.engine.created_name(type_, props)
        if created is not None:
            self._created.add(created)
        elif type_ in self._bucket_types and opts.id is None:
            # (falsealarm49) A bucket read by `get` (`opts.id`) is not made: its name proves nothing (an included
            # snippet or API body held there stays refused in CN, where nothing else refuses the read).
            # A bucket the provider names (no `bucket` input: "If omitted, Pulumi will assign a random, unique name"),
            # or an Output does: its name is learned from its `bucket` output once registered (_learn_names), as the
            # policy pack and the reviews read it from the final state. Waited for only when nothing it is given can
            # come from the judged resource (plain inputs, no resource it waits for but its provider): a wait could
            # close a cycle otherwise.
            plain = (
                not opts.depends_on
                and opts.deleted_with is None
                and not isinstance(opts.parent, pulumi.CustomResource)
                and not any(_holds_output(v) for v in props.values())
            )
            self._unnamed[resource] = (type_, plain)

    def _learn_provider(
        self, resource: pulumi.Resource, package: str, name: str, type_: str, props: Mapping[str, Any]
    ) -> None:
        """An AWS / Alibaba Cloud provider of the program: its region and the accounts it pins (RES-023)."""
        region = props.get("region")
        pinning = {k: props[k] for k in PINNING_INPUTS if props.get(k) is not None}
        held = {k: v for k, v in pinning.items() if _is_output(v)}
        ref = ProviderRef(
            package,
            name,
            region if isinstance(region, str) else None,
            accounts=provider_accounts({k: v for k, v in pinning.items() if k not in held}),
            site=provider_site(props),
        )
        self._providers[resource] = ref  # type: ignore[index]
        # Its plain pins are the stack's accounts now; those that are Outputs once construction is over
        # (_stack_accounts): a grant to either is the stack's own from any of its providers (RES-023).
        self._created.update(stack_account_keys(type_, {k: v for k, v in pinning.items() if k not in held}))
        if held:
            self._pinning[ref] = pulumi.Output.all(**held)

    def _hold_awaitables(
        self, args: pulumi.ResourceTransformationArgs, subject: Subject, pending: list[Pending]
    ) -> pulumi.ResourceTransformationResult:
        """Inputs holding other awaitables (Futures, Tasks, coroutines) wrapped in Outputs, which are held.

        A coroutine can be awaited only once, by the SDK, so the judgement needs an Output of its own
        over it: the SDK is given the wrapped inputs, and the judgement awaits the same Outputs.
        """
        made: dict[int, pulumi.Output[Any]] = {}  # the awaitables are alive (in args) while it is used
        props = {k: _as_outputs(v, made) for k, v in args.props.items()}
        opts = pulumi.ResourceOptions.merge(args.opts, pulumi.ResourceOptions())
        opts.id = _as_outputs(opts.id, made)
        opts.import_ = _as_outputs(opts.import_, made)
        held = [p if isinstance(p.value, pulumi.Output) else p._replace(value=made[id(p.value)]) for p in pending]
        _compat.hold_registration(args.resource, functools.partial(self._judge_held, subject, args.resource, held))
        return pulumi.ResourceTransformationResult(props, opts)

    async def _judge_later(self, subject: Subject, resource: pulumi.Resource, type_: str, refused: bool) -> None:
        """The regionless names and hosts of ``subject``'s plain inputs, judged before its registration is prepared,
        once the program's construction is over (``_compat.construction_over``): a name the program makes later than
        the resource naming it (a Flink workspace's ``storage.oss.bucket`` above the bucket) is proven as when it is
        made first, and one nothing makes is refused here, before anything is sent (the registration fails)."""
        await _compat.construction_over()
        subject = await self._with_accounts(subject)
        known = await self._known_for(subject, resource)
        if subject.type in self._stack_set_types:
            known = stacksets.with_instances(known, await self._instance_overrides(subject, resource))
        findings, _ = self.engine.check(subject, defer=_is_output, known=known)
        if any(f.rule.id == RuleId.GRANTED_ACCOUNT_PROVEN and f.declared_by is None for f in findings):
            # The account may be another provider's of the stack, pinned by an Output (only grants wait for them).
            await self._stack_accounts()
            findings, _ = self.engine.check(subject, defer=_is_output, known=known)
        if self._unnamed and _unproven_name(findings):
            findings = await self._by_assigned_names(
                resource, findings, lambda: self.engine.check(subject, defer=_is_output, known=known)[0]
            )
        regionless = [f for f in findings if _judged_later(type_, f, self._joined, self._with_instances)]
        if regionless:
            self._report(regionless)
        elif not refused:
            self._judged[resource] = type_

    async def _with_accounts(self, subject: Subject) -> Subject:
        """``subject`` with its provider's accounts read from the provider's pinning inputs that were Outputs (an
        unknown adds none: a grant to an account nothing proves stays refused)."""
        ref = subject.provider
        if ref is None or ref not in self._pinning:
            return subject
        return subject._replace(provider=await self._pinned_ref(ref))

    async def _pinned_ref(self, ref: ProviderRef) -> ProviderRef:
        """``ref`` with the accounts of its pinning inputs that were Outputs at its registration, read once."""
        pinned = self._pinned.get(ref)
        if pinned is None:
            value, is_known, _, _ = await _compat.resolved(self._pinning[ref])
            accounts = provider_accounts(value) if is_known and isinstance(value, Mapping) else frozenset()
            pinned = self._pinned[ref] = dataclasses.replace(ref, accounts=ref.accounts | accounts)
        return pinned

    async def _stack_accounts(self) -> None:
        """Every AWS / Alibaba Cloud provider's accounts whose pins were Outputs, added to what the stack made
        (``stack_account_keys``) once construction is over: a provider registered after the resource granting its
        account counts as one registered before (an unknown pin adds none).

        A pin still unresolved ``patience`` seconds after the wait began adds none either (fail closed, with a
        warning naming the provider): it may wait on the very resource this judgement holds (a provider assuming a
        role whose trust policy is being judged), which would otherwise never register, and the program would hang.
        """
        refs = [ref for ref in self._pinning if ref.package in CLOUD_PACKAGES]
        waiting = [ref for ref in refs if ref not in self._pinned]
        await _compat.settle([self._pinning[ref] for ref in waiting], self.patience)
        late = {ref for ref in waiting if _compat.settled(self._pinning[ref]) is False}
        for ref in refs:
            if ref in late:
                if ref not in self._late_pins:
                    self._late_pins.add(ref)
                    waited = _compat.OUTPUT_PATIENCE_SECONDS if self.patience is None else self.patience
                    pulumi.log.warn(
                        f"sovereign-dc: the account pin of provider '{ref.name}' had not resolved {waited:g} s after "
                        "the program's construction (it may wait on a resource whose grant is being judged): grants "
                        "to its account are not proven by it. Fix: pin the account as a plain value "
                        "(allowed_account_ids, or a role ARN written out), or declare it."
                    )
                continue
            pinned = await self._pinned_ref(ref)
            self._created.update(ACCOUNT_KEY + account for account in pinned.accounts)

    async def _judge_held(self, subject: Subject, resource: pulumi.Resource, pending: list[Pending]) -> None:
        """Judge each deferred input once it resolves, before the SDK prepares the registration."""
        if self._pinning:  # no provider pinned by an Output: _with_accounts would return the subject as it is
            subject = await self._with_accounts(subject)
        # Only a type that joins (stages.joining_types) asks _joined_known anything: every other gets _known.
        known = await self._joined_known(subject, resource, pending) if subject.type in self._joining else self._known
        if subject.type in self._settings:
            subject, pending = await self._place_setting(subject, pending)
        context = self._context_inputs.get(subject.type)
        producers: set[pulumi.Resource] = set()
        if context is not None:
            subject, producers = await self._with_resolved(subject, pending, context)
        for p in pending:
            # Its state awaited as the SDK's one future (no coroutine per held input: stop 49, guardcost49).
            state = await _compat.output_state(p.value)
            value, is_known, is_secret, depends_on = state.value, state.is_known, state.is_secret, state.resources
            if producers:
                # A context input's value is judged inside this one (a stack's given `parameters` fill the template's
                # Fn::Sub): what it is computed from produced this value too, as the pack and the reviews read a
                # resource's producers over all its inputs (review45: the own topic's `arn` given as a Parameter).
                depends_on = depends_on | producers
            # Unknown during preview: nothing to judge here; the policy pack judges it by provenance.
            if not is_known:
                continue
            findings = self.engine.check_value(subject, p.place, value, secret=is_secret, known=known)
            if not findings:
                continue
            regionless = any(f.rule.id in _REGIONLESS and f.declared_by is None for f in findings)
            if any(f.rule.id == RuleId.GRANTED_ACCOUNT_PROVEN and f.declared_by is None for f in findings):
                # The account may be another provider's of the stack, registered later or pinned by an Output.
                await _compat.construction_over()
                await self._stack_accounts()
                findings = self.engine.check_value(subject, p.place, value, secret=is_secret, known=known)
                if not findings:
                    continue
            if regionless and _compat.pumping():
                # Resolved inside a synchronous invoke's pump: the program may still make the name (_judge_later).
                await _compat.construction_over()
                findings = self.engine.check_value(subject, p.place, value, secret=is_secret, known=known)
                if not findings:
                    continue
            if regionless and any(d in self._judged for d in depends_on):
                # Only then look further: a regionless name or host a judged resource produced.
                findings = await self._judge_by_producers(subject, p.place, value, is_secret, depends_on, known)
            if self._unnamed and _unproven_name(findings):
                judge = functools.partial(self._judge_value, subject, p.place, value, is_secret, depends_on, known)
                findings = await self._by_assigned_names(resource, findings, judge)
            self._report(findings)

    async def _joined_known(
        self, subject: Subject, resource: pulumi.Resource, pending: list[Pending]
    ) -> Callable[[str], bool]:
        """What the program makes, as the held values of ``subject`` are judged against it: with the API's Stages and
        Integrations for a joined type that may read stage variables, with the links a body's private integration is
        computed from, else the program's made names (``_known``)."""
        if subject.type in stages.JOIN_TYPES and await _may_read_stage_variables(subject, pending):
            # A Stage's variables and an Integration's bucket are judged against every Stage and Integration of the
            # API, all constructed by then (other APIs' ids waited for at most ``patience``: ``_known_for``).
            await _compat.construction_over()
            return await self._known_for(subject, resource)
        if stages.body_private_integration(subject.type) is not None and await _may_name_a_link(subject, pending):
            # A private integration in the body, no stage variable: only the links it is computed from (made before
            # it: it waits on their ids), not the Stages (a Stage computed from this API's id would wait `patience`).
            join = stages.StageJoin(lambda value: value is _AT_DEPLOYMENT)
            link = await self._body_links(subject, join)
            return stages.with_stages(self._known, join, subject.type, ("resources", frozenset({resource})), link)
        return self._known

    async def _place_setting(self, subject: Subject, pending: list[Pending]) -> tuple[Subject, list[Pending]]:
        """A stored setting's held values, placed under the setting's name, which has resolved now (as the
        plan of the final state and the policy pack judge them)."""
        top = {p.top_key: (await _compat.resolved(p.value))[0] for p in pending if p.top_key and not p.place.depth}
        subject = subject._replace(props={**subject.props, **top})
        return subject, [p._replace(place=self.engine.setting_place(subject, p.place)) for p in pending]

    @staticmethod
    async def _with_resolved(
        subject: Subject, pending: list[Pending], keys: frozenset[str]
    ) -> tuple[Subject, set[pulumi.Resource]]:
        """The held context inputs (a DNS record's type and name, a feature's ``function_name``), resolved into the
        subject before its other inputs are judged: how they are judged depends on them (a DKIM key's CNAME under
        ``_domainkey`` is no destination). Still unknown (a preview): left as they are, and the values are judged as
        with an unknown context (fail closed). Also the resources the resolved context values are computed from."""
        top: dict[str, Any] = {}
        producers: set[pulumi.Resource] = set()
        for p in pending:
            if p.top_key in keys and not p.place.depth:
                value, is_known, _, deps = await _compat.resolved(p.value)
                if is_known:
                    top[p.top_key] = value
                    producers |= deps
        for key, held in subject.props.items():
            # A map or list holding Outputs (a stack's given ``parameters``): the whole of it, once all are known.
            if snake_case(key) in keys and not _is_output(held) and _holds_output(held):
                value, is_known, _, deps = await _compat.resolved(pulumi.Output.from_input(held))
                if is_known:
                    top[key] = value
                    producers |= deps
        return (subject._replace(props={**subject.props, **top}) if top else subject), producers

    def _known(self, text: str) -> bool:
        return text in self._created

    async def _judge_value(
        self,
        subject: Subject,
        place: Place,
        value: Any,
        secret: bool,
        depends_on: set[pulumi.Resource],
        known: Callable[[str], bool],
    ) -> list[Finding]:
        """A resolved value judged again with ``known`` (by its judged producers too, as ``_judge_held`` judges it)."""
        if any(d in self._judged for d in depends_on):
            return await self._judge_by_producers(subject, place, value, secret, depends_on, known)
        return self.engine.check_value(subject, place, value, secret=secret, known=known)

    async def _by_assigned_names(
        self,
        resource: pulumi.Resource | None,
        findings: list[Finding],
        judge: Callable[[], list[Finding] | Awaitable[list[Finding]]],
    ) -> list[Finding]:
        """``findings`` (a regionless name unproven) judged again (``judge``) once the names the provider assigned to
        the stack's auto-named buckets are known, as the policy pack and the reviews read them from the final state
        (an SSM parameter's `value`, a Glue crawler's `s3://<name>/raw/` computed from `bucket.bucket`).

        A value computed from a bucket's name resolves after that name, so the names already resolved are read first,
        without waiting. A name written some other way (plain text) waits for the names still to come, of the buckets
        whose registration cannot wait on ``resource`` (plain inputs, no depends_on, not waiting themselves), for at
        most ``patience`` seconds; a bucket made later inside an ``apply``, one whose registration fails, or one
        that could close a cycle is not waited for: the finding stands (fail closed, never a hang)."""
        if await self._learn_names():
            findings = await _findings(judge())
            if not _unproven_name(findings):
                return findings
        waitable = [
            name
            for bucket, (_, plain) in self._unnamed.items()
            if plain and bucket is not resource and bucket not in self._waiting
            if isinstance(name := getattr(bucket, "bucket", None), pulumi.Output)
        ]
        if not waitable:
            return findings
        self._waiting.add(resource)
        try:
            await _compat.settle(waitable, self.patience)
        finally:
            self._waiting.discard(resource)
        if await self._learn_names():
            findings = await _findings(judge())
        return findings

    async def _learn_names(self) -> bool:
        """The names of the stack's auto-named buckets that have resolved, added to ``_created`` (a bucket whose name
        will never be known is dropped); True when one was added. Nothing here waits."""
        learned = False
        for bucket, (type_, _) in list(self._unnamed.items()):
            name = getattr(bucket, "bucket", None)
            if not isinstance(name, pulumi.Output):
                continue  # not set yet (its constructor has not returned): asked again next time
            state = _compat.settled(name)
            if state is False or self._unnamed.pop(bucket, None) is None:
                continue  # not yet, or another judgement has just read it
            if state is None:
                continue  # its registration failed: no name, nothing proven
            value, is_known, _, _ = await _compat.resolved(name)
            created = self.engine.created_name(type_, {"bucket": value}) if is_known else None
            if created is not None:
                self._created.add(created)
                learned = True
        return learned

    async def _instance_overrides(self, subject: Subject, resource: pulumi.Resource) -> list[Any] | None:
        """(stackinst50) The overrides of the program's stack instances naming the StackSet ``subject`` (``resource``):
        by one of its own Outputs (``stack_set.name``, told by identity as ``_known_for`` tells `rest_api=api.id`), by
        another Output (``_named_by_output``, stackjoin51), or by its literal name. Overrides given as Outputs (the SDK
        hands a list of input objects as one; another resource's output) are read once resolved, waited for at most
        ``patience``; one not known then is no value (None: the template's Parameter is then nothing the guard can
        prove, fail closed)."""
        own = _compat.own_outputs(resource)
        join = stacksets.StackSetJoin()
        for instance in self._stack_instances:
            entry = stacksets.instance_entry(instance.type)
            if entry is None:
                continue
            props = dict(instance.props)
            name = prop_of(props, entry.name)
            key: object = None
            if _is_output(name):
                key, props[entry.name] = await _named_by_output(name, resource, entry.stack_set == subject.type, own)
            overrides = prop_of(props, entry.overrides)
            props[entry.overrides] = await _resolved_input(overrides, self.patience, not_known=_outputs_as_none)
            join.add_instance(instance.type, props, key)
        return join.overrides(subject.type, subject.props, [("resources", id(resource))])

    def _note_join_member(self, subject: Subject, resource: pulumi.CustomResource) -> None:
        """A member of the stage-variables join (a Stage, an Integration, a RestApi) or a VPC link, kept for
        ``_known_for``."""
        if subject.type in stages.MEMBER_TYPES:
            self._api_members.append((subject, resource))
            if subject.type == stages.ROUTE_TYPE and _is_output(prop_of(subject.props, "target")):
                _compat.hold_registration(resource, lambda: self._judge_route(subject, resource))
        elif stages.makes_vpc_link(subject.type):
            self._vpc_links.append(resource)
        else:  # a stack instance (stacksets.instance_types)
            self._stack_instances.append(subject)

    async def _known_for(
        self, subject: Subject, resource: pulumi.Resource, held: pulumi.Resource | None = None
    ) -> Callable[[str], bool]:
        """``_known``, with the stage-variables join's questions answered for an API Gateway Stage or Integration, or a
        RestApi whose OpenAPI body reads stage variables (called once construction is over: every member of the
        program has been seen), from the judgement ``held``'s registration waits on (``resource``'s unless told)."""
        if subject.type not in stages.JOIN_TYPES:
            return self._known
        # What cannot resolve before this judgement ends is not waited for (stop 46: in a first preview a RestApi's
        # body is unknown, so its judgement joins, and read its Integration's `http_method = method.http_method`, an
        # output of a Method made with `rest_api=api.id`: it waited `patience` for it, 30 s, and read it not known).
        after = self._registers_after(resource if held is None else held)
        # A RestApi is its own API; a member whose API input is a RestApi's `id` Output itself (`rest_api=api.id`) is
        # told by it without waiting: that id resolves only once the RestApi registers, which may wait on this very
        # judgement (its body's stage variables, stop 40).
        rest_apis = {id(r.id): r for m, r in self._api_members if m.type in stages.API_TYPES}
        # An Alibaba Cloud Api naming its Backend by a literal id (stop 45, apijoin45): each Backend is keyed by its id
        # too, as the plan and the pack key it (``stages.own_api_key``), else the guard alone refused it.
        by_id = subject.type == stages.ALI_API_TYPE and isinstance(prop_of(subject.props, "backend_id"), str)

        async def api_of(member: Subject, member_resource: pulumi.Resource) -> object:
            if member.type == stages.BACKEND_TYPE and by_id:
                return await self._backend_keys(member, member_resource, after)
            if member.type in stages.SELF_KEYED_TYPES:  # an API, an Alibaba Cloud Backend (as a backend_id names it)
                return ("resources", frozenset({member_resource}))
            api = prop_of(member.props, stages.api_input(member.type))
            made = rest_apis.get(id(api)) if _is_output(api) else None
            if made is not None:
                return ("resources", frozenset({made}))
            return await _api_of(api)

        # Its own API first: the resource cannot register before it anyway.
        own = await api_of(subject, resource)
        join = stages.StageJoin(lambda value: value is _AT_DEPLOYMENT)
        apis = [
            None if m.type in stages.API_TYPES else prop_of(m.props, stages.api_input(m.type))
            for m, _ in self._api_members
        ]
        # Another API's id may wait on this very resource (a RestApi described by this Stage's `invoke_url`): waited
        # for at most `patience`; one still unknown then is taken as any API's (the join's fail-closed reading).
        waited: list[pulumi.Output[Any]] = [
            a for a in apis if isinstance(a, pulumi.Output) and id(a) not in rest_apis and id(a) not in after
        ]
        await _compat.settle(waited, self.patience)
        for (member, member_resource), api in zip(self._api_members, apis, strict=True):
            told = (
                await api_of(member, member_resource)
                if not isinstance(api, pulumi.Output) or id(api) in rest_apis or _compat.settled(api)
                else None
            )
            # What the join reads, as the plan and the pack read it (a Stage's variables given as an Output, the
            # canary's settings as an input type): a verdict of the guard must be theirs.
            read: dict[str, Any] = {}
            for path in stages.join_inputs(member.type):
                await _read_join_input(member.props, path.split("."), read, self.patience, after)
            # Only an Integration asks about its Methods (stages.METHOD_AUTHORIZED): no other member waits on a
            # resource id (a RestApi's root resource id is its own output: waiting for it there would wait `patience`).
            keyed = subject.type == stages.INTEGRATION_TYPE and member.type in (stages.METHOD_TYPE, subject.type)
            resource_key = await self._resource_key(member, after) if keyed else None
            if member.type == stages.ROUTE_TYPE:
                resource_key = await _target_key(member)
            join.add(member.type, read, told, resource_key)
        method = await self._join_method(subject, resource, after)
        link: object = None
        private = stages.private_integration(subject.type)
        if (
            private is not None
            and private.host_header is not None
            and private.private(prop_of(subject.props, private.connection_type))
        ):
            # The link its `connection_id` names: a VpcLink's `id` Output itself, else what that Output is computed
            # from (waited for at most `patience`), else the literal id.
            links = {id(r.id): r for r in self._vpc_links}
            for made in self._vpc_links:
                join.add_link(("resources", frozenset({made})))
            connection = prop_of(subject.props, private.connection)
            if _is_output(connection) and id(connection) in links:
                link = ("resources", frozenset({links[id(connection)]}))
            elif isinstance(connection, pulumi.Output):
                await _compat.settle([] if id(connection) in after else [connection], self.patience)
                link = await _api_of(connection) if _compat.settled(connection) else None
            else:
                link = await _api_of(connection)
        if stages.body_private_integration(subject.type) is not None:
            link = await self._body_links(subject, join)
        return stages.with_stages(self._known, join, subject.type, own, link, method)

    def _registers_after(self, held: pulumi.Resource) -> set[int]:
        """The ids of the Outputs that resolve only once ``held`` has registered, which its registration's judgement
        (``_compat.hold_registration``) cannot wait for: ``held``'s own Outputs, and those of each member of the join
        given one of them among its inputs, by identity (as ``rest_apis`` tells `rest_api=api.id`), again and again (an
        Integration given `method.http_method` of a Method given `api.id`). A resource registers only once every Output
        among its inputs has resolved (``prepare_resource`` awaits them), and its Outputs resolve once it has
        registered (in a preview too), so waiting for one of these waited ``patience`` and read it not known: each is
        read not known at once instead (stop 46, patience46). Exact, never more: an input computed from ``held`` by
        ``apply`` is another Output, not in the set, and waited for as before."""
        for member, made in self._api_members[len(self._member_outputs) :]:
            # Read once per member (every member has been constructed when a join is read: construction is over).
            self._member_outputs.append(
                (made, frozenset(id(o) for o in _outputs_in(member.props)), frozenset(_compat.own_outputs(made)))
            )
        after = _compat.own_outputs(held)
        left = [entry for entry in self._member_outputs if entry[0] is not held]
        grew = True
        while grew and left:
            grew = False
            for entry in list(left):
                if not after.isdisjoint(entry[1]):
                    after |= entry[2]
                    left.remove(entry)
                    grew = True
        return after

    async def _judge_route(self, route: Subject, resource: pulumi.Resource) -> None:
        """An HTTP API Route whose ``target`` is an Output, judged once it resolves, before the Route registers (stop
        45, apijoin45): an open Route (``stages.StageJoin.route_open``) to an Integration of the program that serves
        stored data (RES-024 unless declared: the Integration's judgement, with this Route's target now known) is
        refused here, at the Route, which is what opens it to everyone. The Integration's own judgement could not wait
        for this target (``stages.JUDGED_AT_ROUTE``); the Route's registration waits for it anyway, so nothing waits
        longer than without the guard."""
        if not stages.StageJoin(lambda value: value is _AT_DEPLOYMENT).route_open(route.props):
            return
        value, is_known, _, depends_on = await _compat.resolved(prop_of(route.props, "target"))
        if not is_known:
            return  # a preview: the pack and the reviews judge it by its property dependency
        await _compat.construction_over()
        for member, member_resource in list(self._api_members):
            if member.type != stages.HTTP_INTEGRATION_TYPE or member_resource not in depends_on:
                continue
            known = await self._known_for(member, member_resource, held=resource)
            findings, _ = self.engine.check(member, defer=_is_output, known=known)
            self._report(
                [
                    dataclasses.replace(
                        f,
                        resource_type=route.type,
                        resource_name=route.name,
                        path="target",
                        value=value,
                        detail=f"(the route requires no authorization and targets integration `{member.name}`) "
                        + f.detail,
                    )
                    for f in findings
                    if f.rule.id == RuleId.PUBLIC_ACCESS_DECLARED and f.declared_by is None
                ]
            )

    async def _backend_keys(
        self, backend: Subject, resource: pulumi.Resource, after: AbstractSet[int]
    ) -> stages.ApiKeys:
        """An Alibaba Cloud Backend's keys when an Api names its Backend by a literal id (stop 45): its resource, and
        its id: the one it is adopted or read by (``import_`` / ``id``, known now), else its own ``id`` once it resolves
        (waited for at most ``patience``: a Backend does not wait on the Api that names it). An id not known then is
        a key no literal matches (``stages.ID_NOT_KNOWN``: fail closed), never one that matches any (at once for an id
        of ``after``: ``Guard._registers_after``)."""
        keys: set[Hashable] = {("resources", frozenset({resource}))}
        given = backend.import_id if isinstance(backend.import_id, str) else backend.read_id
        if isinstance(given, str) and given:
            keys.add(("id", given))
            return stages.ApiKeys(keys)
        own = getattr(resource, "id", None)
        if isinstance(own, pulumi.Output):
            await _compat.settle([] if id(own) in after else [own], self.patience)
            value, is_known = (await _compat.resolved(own))[:2] if _compat.settled(own) else (None, False)
            keys.add(("id", value) if is_known and isinstance(value, str) and value else stages.ID_NOT_KNOWN)
        return stages.ApiKeys(keys)

    async def _join_method(
        self, subject: Subject, resource: pulumi.Resource, after: AbstractSet[int]
    ) -> tuple[object, str | None] | None:
        """What ``subject`` asks the join about its callers (``stages.METHOD_AUTHORIZED``): the one answer of
        ``stages.integration_method``, as the plan and the pack ask it, with the keys this door can read: its own
        resource (as a Route's target computed from it is keyed), a REST Integration's ``resource_id`` and HTTP method,
        an Alibaba Cloud Api's ``backend_id`` (the resources its Output is computed from: a Backend's `id` is known
        without waiting for it to register; else the literal id). None for a member that asks nothing."""
        if subject.type not in stages.JOINED_PUBLIC_TYPES:
            return None
        own = ("resources", frozenset({resource}))
        props: dict[str, Any] = {}
        key: object = None
        if subject.type == stages.ALI_API_TYPE:
            backend = props["backend_id"] = prop_of(subject.props, "backend_id")
            key = None if backend is None else await _api_of(backend)
        elif subject.type == stages.INTEGRATION_TYPE:
            props["http_method"] = await _resolved_input(prop_of(subject.props, "http_method"), self.patience, after)
            key = await self._resource_key(subject, after)
        return stages.integration_method(subject.type, props, own, key, lambda v: v is _AT_DEPLOYMENT)

    async def _resource_key(self, member: Subject, after: AbstractSet[int]) -> object:
        """A REST Method's or Integration's ``resource_id`` keyed as ``_api_of`` keys an API (the stage-variables join's
        method key, stop 43): the resources its Output is computed from (waited for at most ``patience``, not at all
        for one of ``after``), else the literal id; None when neither is known."""
        value = prop_of(member.props, "resource_id")
        if isinstance(value, pulumi.Output):
            await _compat.settle([] if id(value) in after else [value], self.patience)
            if not _compat.settled(value):
                return None
        return await _api_of(value)

    async def _body_links(self, subject: Subject, join: stages.StageJoin) -> frozenset[object]:
        """The VPC links the program makes that an API's OpenAPI body is computed from (``stages.VPC_LINK_ID``), each
        added to ``join`` with its resolved id, as the plan and the pack key a link by its URN and id; the keys of
        those links. A plain body is computed from none (a literal ``connectionId`` proves no link)."""
        entry = stages.body_private_integration(subject.type)
        assert entry is not None
        body = prop_of(subject.props, entry.input)
        if not isinstance(body, pulumi.Output):
            return frozenset()
        await _compat.settle([body], self.patience)
        if not _compat.settled(body):
            return frozenset()
        made = set(self._vpc_links) & set(await body.resources())
        keys: set[object] = set()
        for link in made:
            value, is_known, _, _ = await _compat.resolved(link.id)
            key = ("resources", frozenset({link}))
            if is_known and isinstance(value, str) and value:
                join.add_link(stages.ApiKeys({key, ("id", value)}))
                keys.add(key)
        return frozenset(keys)

    async def _judge_by_producers(
        self,
        subject: Subject,
        place: Place,
        value: Any,
        secret: bool,
        depends_on: set[pulumi.Resource],
        known: Callable[[str], bool],
    ) -> list[Finding]:
        """Judge a resolved value again; a regionless name or host is proven when a resource of this
        stack that the guard judged compliant produced it (one of its own names or addresses), or by ``known`` (the
        judgement's own predicate: a REST Stage's or Integration's answers of the stage-variables join)."""
        # The same predicate the policy pack and the preview review use (case-insensitive).
        made = await self._made_arns(depends_on, subject.provider)
        created = self._created | set(made) if made else self._created
        produced = regionless_known(created, await self._produced(depends_on), ())
        return self.engine.check_value(subject, place, value, secret=secret, known=Either(known, produced))

    async def _made_arns(self, depends_on: set[pulumi.Resource], provider: ProviderRef | None) -> list[str]:
        """The ``made_arn_key`` keys of the role ARNs (``RuleEngine.made_arns``) of the judged resources a value is
        computed from that were registered with ``provider`` (the one ``ProviderRef`` the guard keeps per provider
        resource, or its copy with the accounts of Output pins: ``_pinned``; a default or unseen provider's is made
        afresh for each resource, so never the same), as the pack and the reviews read them (stop 42)."""
        if provider is None or provider.default or not provider.verified:
            return []
        made: list[str] = []
        for dep in depends_on:
            type_ = self._judged.get(dep)
            if type_ is None or type_ not in self._made_arn_types or dep not in self._made_with:
                continue
            ref = self._made_with[dep]
            if ref is None or (ref is not provider and self._pinned.get(ref) is not provider):
                continue
            values = {}
            for key in self._made_arn_types[type_]:
                attr = getattr(dep, key, None)
                if isinstance(attr, pulumi.Output):
                    values[key] = await attr.future()
            made += self.engine.made_arns(type_, values)
        return made

    async def _produced(self, depends_on: set[pulumi.Resource]) -> list[str]:
        # The dependencies have registered (the value was computed from their outputs), so their
        # output attributes are resolved and awaiting them cannot wait on this resource.
        produced: list[str] = []
        for dep in depends_on:
            type_ = self._judged.get(dep) if isinstance(dep, pulumi.CustomResource) else None
            if type_ is None:
                continue
            # Only the attributes produced_by reads are awaited (CREATOR_ATTRS, the type's own address outputs:
            # self_address_outputs, and nested blocks, where a bucket field may be: a Firehose stream's
            # `extended_s3_configuration.bucket_arn`), not every output.
            own = self.engine.endpoints.self_address_keys(type_)
            roots = {path.split(".", 1)[0] for path in own}
            values = {}
            for name, attr in vars(dep).items():
                if not isinstance(attr, pulumi.Output):
                    continue
                if any(c in name for c in CREATOR_ATTRS) or name in roots:
                    values[name] = await attr.future()
                elif isinstance(nested := await attr.future(), (Mapping, list, tuple)) or is_input_type(type(nested)):
                    values[name] = nested
            produced += self.engine.produced_by(type_, values)
        return produced

    def judge_invoke(self, token: str, args: Any, opts: pulumi.InvokeOptions | None = None) -> Mapping[str, Any] | None:
        """A provider function's arguments: a foreign region, endpoint or ARN is refused (RES-021).

        Plain arguments are judged now. An argument holding an Output (``*_output`` functions, or an Output
        passed to any of them) is judged once it resolves, before the SDK sends the invoke: the arguments
        returned hold it wrapped in an Output that judges the resolved value first (the SDK awaits every
        argument before it sends an invoke). None when nothing needs wrapping.

        The function runs where its provider is, as for a resource: a pinned provider this guard judged; the
        default provider (the ambient region) or one the guard never saw is refused.
        """
        package, _ = package_of(token)
        if package not in CLOUD_PACKAGES or not isinstance(args, Mapping):
            return None
        subject = Subject(type=token, name="invoke", props=args, provider=self._invoke_provider(token, package, opts))
        findings, pending = self.engine.check(subject, defer=_is_output, known=self._known)
        self._report(_as_invoke_findings(token, findings))
        held = {p.top_key for p in pending if p.top_key is not None}
        if not held:
            return None
        return {
            key: self._judged_argument(subject, key, value) if key in held else value for key, value in args.items()
        }

    def _invoke_provider(self, token: str, package: str, opts: pulumi.InvokeOptions | None) -> ProviderRef:
        # As the SDK picks it (pulumi/runtime/invoke.py _invoke): the given provider, else the parent's.
        provider = opts.provider if opts is not None else None
        if provider is None and opts is not None and opts.parent is not None:
            provider = opts.parent.get_provider(token)
        if provider is None:
            return ProviderRef(package, "", default=True)
        known = self._providers.get(provider)
        return known if known is not None else ProviderRef(package, provider.pulumi_resource_name, verified=False)

    def _judged_argument(self, subject: Subject, key: str, value: Any) -> pulumi.Output[Any]:
        """``value`` (holding Outputs at any depth) as an Output that is judged once it resolves."""
        whole = pulumi.Output.from_input(value)  # keeps input types, secrecy and dependencies

        async def judge(resolved: Any) -> Any:
            place, secret = Place.top(key), await whole.is_secret()
            findings = self.engine.check_value(subject, place, resolved, secret=secret, known=self._known)
            if any(f.rule.id in _REGIONLESS and f.declared_by is None for f in findings):
                depends_on = await whole.resources()
                if any(d in self._judged for d in depends_on):
                    findings = await self._judge_by_producers(subject, place, resolved, secret, depends_on, self._known)
                if self._unnamed and _unproven_name(findings):
                    again = functools.partial(
                        self._judge_value, subject, place, resolved, secret, depends_on, self._known
                    )
                    findings = await self._by_assigned_names(None, findings, again)
            self._report(_as_invoke_findings(subject.type, findings))
            return resolved

        return whole.apply(judge)

    def _check_component(self, args: pulumi.ResourceTransformationArgs, package: str) -> None:
        """A remote component's children register in another process, out of this guard's sight."""
        if package in CLOUD_PACKAGES or package in REGIONLESS_PACKAGES:
            return
        if _compat.registering_remote_component():
            # Judged as a resource of its package, exactly as the plan and the engine-time front doors
            # judge it (RES-013 unless the package is covered): its children are out of sight here.
            subject = Subject(type=args.type_, name=args.name, props=args.props, custom=True)
            self._report(self.engine.check(subject, defer=lambda _value: False)[0])

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
            return ProviderRef(package, provider.pulumi_resource_name, verified=False)
        return known

    @property
    def violations(self) -> list[Finding]:
        """Findings no declaration covers (the ones that fail the stack)."""
        return [f for f in self.findings if f.declared_by is None]

    @property
    def declared(self) -> list[Finding]:
        """Findings covered by a ``sovereign-dc:destinations`` entry (reported, never raised)."""
        return [f for f in self.findings if f.declared_by is not None]

    def _report(self, findings: list[Finding]) -> None:
        if not findings:
            return
        self.findings.extend(findings)
        if self.mode == "raise":
            refused = [f for f in findings if f.declared_by is None]
            if refused:
                raise refused[0].to_violation()


def _destination_entries(entries: object) -> list[Destination]:
    """``enforce(destinations=...)``: :class:`Destination` objects or the stack file's mappings, validated alike."""
    if isinstance(entries, Sequence) and not isinstance(entries, str):
        if all(isinstance(entry, Destination) for entry in entries):
            return list(entries)
        return parse_destinations([e.model_dump() if isinstance(e, Destination) else e for e in entries])
    return parse_destinations(entries)  # refuses anything but a list, naming what it got


def enforce(
    jurisdiction: str,
    *,
    mode: Mode = "raise",
    catalogue: Catalogue | None = None,
    register: Callable[[Any], None] | None = None,
    destinations: Sequence[Destination | Mapping[str, Any]] = (),
) -> Guard:
    """Check every AWS and Alibaba Cloud resource registered from now on against ``jurisdiction``.

    ``mode="raise"`` (the default) stops the program with :class:`ResidencyViolation` before the
    first offending resource is registered. ``mode="audit"`` lets the program run and collects
    every finding in the returned guard's ``findings`` (the offline plan uses it).

    ``destinations`` is the transfer register (``sovereign-dc:destinations``): what it covers is
    reported as declared instead of refused. Entries are :class:`Destination` objects or mappings as the
    stack file writes them; a bad entry is a :class:`ConfigError` naming it.

    Call it once, before creating any provider. It needs no Pulumi config and no stack file. The
    guard stays the last stack transformation even if others are registered after it.
    """
    if mode not in ("raise", "audit"):
        raise ValueError(f"mode must be 'raise' or 'audit', not {mode!r}. Fix: pass mode='raise' or mode='audit'")
    if not isinstance(jurisdiction, str) or not jurisdiction.strip():
        # Typically pulumi.Config().get(...) of a key the stack does not set: say so here, not as an
        # AttributeError deep in the engine.
        raise ConfigError(
            "enforce()",
            "jurisdiction",
            f"expected a jurisdiction code such as 'CN', got {shorten(jurisdiction)}",
            "pass the code, e.g. enforce('CN'), or the stack's `sovereign-dc:jurisdiction` (set it in the stack file)",
        )
    try:
        # Entries as the stack file writes them (mappings) are validated as the stack file's are.
        destinations = _destination_entries(destinations)
        engine = RuleEngine(jurisdiction, catalogue, destinations=destinations)
        check_destinations(engine.jurisdiction.code, engine.destinations)
    except DestinationProblem as exc:
        raise ConfigError("enforce(destinations=...)", exc.key("destinations"), exc.problem, exc.fix) from None
    _compat.install_registration_hook()  # before anything is registered: Output inputs are judged there
    session = _AUDIT_SESSION.get()
    guard = Guard(engine, "audit" if session is not None else mode)
    if session is not None:
        session.append(guard)
    if register is None:
        pulumi.runtime.register_stack_transformation(guard)
        _compat.keep_stack_transformation_last(guard)
        _compat.install_invoke_hook(guard.judge_invoke)
    else:
        register(guard)
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
