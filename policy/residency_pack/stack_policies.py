"""Stack-level policies: judge preview unknowns by provenance (RES-014) and providers of the final state (RES-002).

A resource-level policy sees an input that is unknown at preview as a bare sentinel. Here the whole
stack is visible, with each property's dependencies: an unknown value passes only when every
resource it is computed from is an in-jurisdiction resource of this stack. Anything else (another
stack, an uncovered package, a component, a foreign or unpinned provider, a dependency the engine
could not resolve) fails closed.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from pulumi_policy import PolicyResource, StackValidationArgs, StackValidationPolicy

from components.residency import provenance, stacksets, stages
from components.residency.engine import (
    Pending,
    RuleEngine,
    held_in_bucket,
    package_of,
    prop_of,
    stack_account_keys,
)
from components.residency.provenance import Source
from components.residency.rules import Finding, Rule, RuleId, rule
from residency_pack import messages
from residency_pack.jurisdiction import Engines, Report
from residency_pack.resource_policies import config_schema
from residency_pack.subjects import is_default_provider, provider_subject, target
from residency_pack.values import is_unknown, plain, resource_key

__all__ = [
    "StackJudgement",
    "explicit_provider_policy",
    "provenance_policy",
    "regionless_policies",
    "untrusted_reason",
]

SharedJudge = Callable[
    [RuleEngine, PolicyResource, str, "StackView | None", "_Judgement | Exception | None"], list[str]
]
"""Judges one resource from the stack's shared judgement of it (``StackJudgement``): (engine, resource, config
source, the policy's own stack view or None, the resource's judgement or what stopped the pack judging it) ->
messages."""
PROVENANCE = rule(RuleId.UNKNOWN_VALUE_PROVENANCE)
EXPLICIT_PROVIDER = rule(RuleId.EXPLICIT_PROVIDER)


def _name(resource: PolicyResource) -> str:
    return f"{resource.resource_type} {resource.name!r}"


def _source(resource: PolicyResource, known: Callable[[], Callable[[str], bool]] | None = None) -> Source:
    is_provider = package_of(resource.resource_type)[1]
    provider = provider_subject(resource.provider) if resource.provider is not None and not is_provider else None
    subject = target(resource.resource_type, resource.name, resource.props, resource.provider).subject
    return Source(resource.resource_type, resource.name, subject, provider, known)


def untrusted_reason(engine: RuleEngine, dep: PolicyResource) -> str | None:
    """Why ``dep`` cannot vouch for a value computed from it, or None when it is in the jurisdiction."""
    return provenance.untrusted_reason(engine, _source(dep), is_unknown)


def _provenance(
    engine: RuleEngine,
    resource: PolicyResource,
    source: str,
    stack: StackView | None,
    judged: _Judgement | Exception | None,
) -> list[str]:
    # pulumi-policy drops dependency URNs that are not among the resources it was given, so an empty list means every
    # dependency is a read (the engine gives the pack none): provenance.unproven_unknowns passes it, as the preview
    # review passes the same input, whose read steps it leaves out (stackref53b). Each dependency is judged with what
    # the stack proves for it (its regionless names and hosts), as the regionless policies judge it.
    assert stack is not None  # built by its validation (``_shared_validate`` with ``view``)

    def source_of(dep: PolicyResource) -> Source:
        return stack.source_of(dep, lambda: _source(dep, lambda: _known(engine, dep, stack)))

    t = target(resource.resource_type, resource.name, resource.props, resource.provider)
    property_dependencies = {
        key: [source_of(dep) for dep in deps] for key, deps in (resource.property_dependencies or {}).items()
    }
    problems = provenance.unproven_unknowns(
        engine,
        t.subject,
        defer=is_unknown,
        property_dependencies=property_dependencies,
        dependencies=[source_of(dep) for dep in resource.dependencies or ()],
        pending=_judgement(judged).pending if t.subject.custom else None,
        reasons=stack.reasons,
    )
    return [
        messages.unknown_provenance(PROVENANCE, _name(resource), p.key, p.basis, list(p.reasons), source)
        for p in problems
    ]


def _same_objects(resources: list[PolicyResource], held: list[PolicyResource]) -> bool:
    """Whether a stack's resources carry the very props and provider objects of the ``held`` ones, in order: how the
    stack memos tell the request they judged last (``share_policy_arguments`` hands every stack policy of one request
    the same objects, and never one object to two requests while the held ones keep theirs alive)."""
    return len(resources) == len(held) and all(
        r.props is h.props and r.provider is h.provider for r, h in zip(resources, held, strict=True)
    )


def _shared_validate(
    the_rule: Rule, engines: Engines, shared: StackJudgement, judge: SharedJudge, *, view: bool = False
) -> Callable[[StackValidationArgs, Report], None]:
    """(perf65) A stack policy reading the stack's shared judgement of each resource (``shared``); with ``view``, the
    policy's own :class:`StackView` too (the provenance policy's sources and their reasons)."""

    def validate(args: StackValidationArgs, report_violation: Report) -> None:
        resolved = engines.resolve_or_report(the_rule, args.get_config(), report_violation)
        if resolved is None:
            return
        resources = list(args.resources)
        stack = StackView(resolved.engine, resources) if view else None
        for resource, judged in zip(resources, shared.of(resolved.engine, resources), strict=True):
            try:
                for message in judge(resolved.engine, resource, resolved.source, stack, judged):
                    report_violation(message, resource.urn)
            except Exception as exc:  # anything unexpected must refuse, never pass
                report_violation(messages.crash(the_rule, _name(resource), exc), resource.urn)

    return validate


def _explicit_provider(
    engine: RuleEngine,
    resource: PolicyResource,
    source: str,
    stack: StackView | None,
    judged: _Judgement | Exception | None,
) -> list[str]:
    t = target(resource.resource_type, resource.name, resource.props, resource.provider)
    if not t.is_cloud_resource:
        return []
    # RES-002 is read from the provider alone (``RuleEngine._check_provider_of``): the same finding with ``known``.
    return [messages.finding(f, source) for f in _judgement(judged).findings if f.rule.id == EXPLICIT_PROVIDER.id]


def provenance_policy(
    engines: Engines, codes: list[str], shared: StackJudgement | None = None
) -> StackValidationPolicy:
    """RES-014 over the whole stack: every unknown value judged by the resources it comes from (which inputs hold an
    unknown: the stack's shared judgement, ``shared``; a judgement of its own when None)."""
    return StackValidationPolicy(
        **messages.policy_wording(PROVENANCE, PROVENANCE.name),
        config_schema=config_schema(codes),
        validate=_shared_validate(
            PROVENANCE, engines, StackJudgement() if shared is None else shared, _provenance, view=True
        ),
    )


def explicit_provider_policy(
    engines: Engines, codes: list[str], shared: StackJudgement | None = None
) -> StackValidationPolicy:
    """RES-002 over the final state, which also holds resources that skip resource-level checks (reads), read from
    the stack's shared judgement (``shared``; a judgement of its own when None)."""
    return StackValidationPolicy(
        **messages.policy_wording(EXPLICIT_PROVIDER, f"{EXPLICIT_PROVIDER.name}-final-state"),
        config_schema=config_schema(codes),
        validate=_shared_validate(
            EXPLICIT_PROVIDER, engines, StackJudgement() if shared is None else shared, _explicit_provider
        ),
    )


REGIONLESS_RULES = (
    rule(RuleId.DESTINATION_HOST_PROVEN),
    rule(RuleId.REGIONLESS_REFERENCE_PROVEN),
    rule(RuleId.GRANTED_ACCOUNT_PROVEN),
)
"""Judged with the whole stack in view: a name the stack made (RES-015, RES-017), an account another AWS provider of the
stack is pinned to (RES-023, grants review, stop 36)."""
_REGIONLESS_IDS = frozenset(r.id for r in REGIONLESS_RULES)
JOINED_PUBLIC = rule(RuleId.PUBLIC_ACCESS_DECLARED)
"""RES-024 of the resources whose public reading joins another resource of the stack (``network_joined``: an
OpenSearch DomainPolicy naming a domain the stack makes in a VPC; an API Gateway Integration serving stored data, by
its Methods; stop 43), judged here with the stack in view (the
resource-level policy leaves them out), in the same judgement as the regionless rules."""
JOINED_PUBLIC_POLICY = f"{JOINED_PUBLIC.name}-joined"
HELD_DOCUMENT = rule(RuleId.DOCUMENT_WITHIN_BOUNDS)
"""(falsealarm49) RES-025 of a document held in S3 (an ``AWS::Include`` snippet, ``held_in_bucket``), which a bucket the
stack makes proves: judged here with the stack in view (the resource-level policy leaves those findings out), in the
same judgement as the regionless rules. The resource-level policy alone refused a snippet in a bucket the program makes
beside the stack, in every jurisdiction, while the guard and the reviews accepted it."""
HELD_DOCUMENT_POLICY = f"{HELD_DOCUMENT.name}-held"
STACK_SET = rule(RuleId.REGION_FIELD_IN_JURISDICTION)
"""(stackinst50) The findings of a StackSet's / stack group's template (``RuleEngine.judged_with_instances``): the
template runs once per stack instance of the stack naming it, with that instance's overrides, so only a judgement with
the stack in view reads what it runs with (the resource-level policies leave them out). Reported under each finding's
own rule (RES-009 for a Region, the one this policy is worded by; RES-015 / RES-017 / RES-023 stay their own policies').
Before stop 50 the resource policy alone judged the template with the StackSet's own values and Defaults: a foreign
Default every instance overrides was refused, a neutral-named override abroad passed."""
STACK_SET_POLICY = "stack-set-instances-joined"


class StackView:
    """The resources of one stack validation, with what the regionless judges read of the others made
    once per validation: judging each resource by every other one's converted properties was quadratic."""

    def __init__(self, engine: RuleEngine, resources: list[PolicyResource]) -> None:
        self.resources = resources
        self.created: list[tuple[PolicyResource, str]] = [
            (r, name)
            for r in resources
            if r.resource_type in engine.naming_types
            for name in [engine.created_name(r.resource_type, plain(r.props))]
            if name is not None
        ]
        """Each resource that creates a named thing (a bucket, a global group), with that name."""
        # The accounts every AWS / Alibaba Cloud provider of the stack is pinned to (a resource's provider, or a
        # provider listed itself; not the engine's default ones): a grant to one is the stack's own from any provider
        # (RES-023).
        providers = {
            r.provider.urn: (r.provider.resource_type, r.provider.props)
            for r in resources
            if r.provider is not None and not is_default_provider(r.provider)
        }
        providers |= {r.urn: (r.resource_type, r.props) for r in resources if _is_own_provider(r)}
        self.accounts: frozenset[str] = frozenset(
            key for type_, props in providers.values() for key in stack_account_keys(type_, plain(props))
        )
        """The ``account:<id>`` keys of the accounts the stack's AWS and Alibaba Cloud providers are pinned to."""
        self._produced: dict[int, list[str]] = {}
        self._engine = engine
        self._sources: dict[int, tuple[PolicyResource, Source]] = {}
        self.reasons: provenance.Reasons = {}
        """Why each dependency cannot vouch for a value computed from it (``provenance.unproven_unknowns``), judged once
        per validation, not once per input and per resource computed from it."""
        self.stages = stages.StageJoin(is_unknown)
        """The REST and HTTP APIs' Stages and Integrations, joined by API (``stages.StageJoin``)."""
        for r in resources:
            if r.resource_type in stages.MEMBER_TYPES:
                key = _input_key(r, stages.member_key_input(r.resource_type))
                self.stages.add(r.resource_type, plain(r.props), rest_api_key(r), key)
            elif stages.makes_vpc_link(r.resource_type):
                self.stages.add_link(stages.own_api_key(r.urn, plain(r.props).get("id")))
        self.stack_sets = stacksets.StackSetJoin(is_unknown)
        """(stackinst50) The stack instances of the stack, by the StackSet / stack group they name
        (``stacksets.StackSetJoin``): a StackSet's template is judged once per instance with its overrides."""
        for r in resources:
            if r.resource_type in stacksets.instance_types():
                self.stack_sets.add_instance(r.resource_type, plain(r.props), _stack_set_key(r))

    def source_of(self, resource: PolicyResource, build: Callable[[], Source]) -> Source:
        """``resource`` as a source of values (``_source``), built by ``build`` once per validation: the same object
        for every resource computed from it, so that ``reasons`` holds its judgement."""
        held = self._sources.get(id(resource))
        if held is None or held[0] is not resource:  # the resource is kept with its source: its id is never another's
            held = self._sources[id(resource)] = (resource, build())
        return held[1]

    def produced(self, resource: PolicyResource) -> list[str]:
        """The names and hosts ``resource``'s known outputs carry."""
        found = self._produced.get(id(resource))
        if found is None:  # (every resource of the view stays alive with it, so an id is never reused)
            values = {k: v for k, v in plain(resource.props).items() if not is_unknown(v)}
            found = self._produced[id(resource)] = self._engine.produced_by(resource.resource_type, values)
        return found


def rest_api_key(resource: PolicyResource) -> object:
    """The API a Stage or Integration belongs to (``stages.api_key``: the URN its API input, ``rest_api`` or ``api_id``,
    is computed from, else its literal id); a RestApi's own (its OpenAPI body: ``stages.own_api_key``)."""
    if resource.resource_type in stages.SELF_KEYED_TYPES:  # an API (its body), an Alibaba Cloud Backend (stop 44)
        return stages.own_api_key(resource.urn, plain(resource.props).get("id"))
    return _input_key(resource, stages.api_input(resource.resource_type))


def connection_key(resource: PolicyResource) -> object:
    """An Integration's ``connection_id`` keyed as ``rest_api_key`` keys an API: the URN it is computed from, else
    the literal id (``stages.VPC_LINK_MADE``)."""
    body = stages.body_private_integration(resource.resource_type)
    if body is not None:
        # An API's OpenAPI body names a link by id: the keys of the resources the body is computed from
        # (``stages.VPC_LINK_ID``; a link among them whose id it writes).
        return frozenset(("urn", d.urn) for d in (resource.property_dependencies or {}).get(body.input) or ())
    field = stages.connection_input(resource.resource_type)
    return None if field is None else _input_key(resource, field)


def _input_key(resource: PolicyResource, field: str) -> object:
    """The resource an input (``field``, snake_case) names, as ``stages.api_key`` keys it: the URNs the input is
    computed from, else its literal value."""
    urns = [d.urn for d in prop_of(resource.property_dependencies or {}, field) or ()]
    props = plain(resource.props)  # the raw values: the proxy raises on an unknown
    return stages.api_key(prop_of(props, field), urns, is_unknown)


def _stack_set_key(resource: PolicyResource) -> object:
    """The StackSet a stack instance names by what its name input is computed from (a StackSet of the stack), as the
    reviews key it (``stacksets.stack_set_key``); None when it is computed from none."""
    deps = stacksets.name_dependencies(resource.resource_type, resource.property_dependencies)
    return stacksets.stack_set_key(resource.resource_type, ((d.resource_type, d.urn) for d in deps))


def _is_own_provider(resource: PolicyResource) -> bool:
    """A provider resource the program made, not one the engine made itself (``is_default_provider``); only the AWS and
    Alibaba Cloud ones pin accounts (``stack_account_keys``)."""
    return resource.resource_type.startswith("pulumi:providers:") and not is_default_provider(resource)


class _Judgement(NamedTuple):
    """(perf65) One resource's judgement with the stack in view, ``engine.check(subject, defer=is_unknown,
    known=_known(...))``, read by every stack policy."""

    findings: list[Finding]
    """Everything found: the final-state provider policy reads its RES-002, which ``known`` does not change."""
    pending: list[Pending]
    """The unknowns deferred: the provenance policy reads only their input keys (``Pending.top_key``), which ``known``
    does not change (``components/plan/review.py`` ``_unknown_inputs`` has the proof)."""
    regionless: list[Finding]
    """The regionless policies' findings (``_regionless_of``)."""


def _judgement(judged: _Judgement | Exception | None) -> _Judgement:
    """A custom resource's judgement; what stopped the pack judging it is raised again, so that the policy reading it
    reports the resource as one it could not judge (refused)."""
    if isinstance(judged, Exception):
        raise judged
    assert judged is not None  # every custom resource is judged
    return judged


def _stack_judgement(engine: RuleEngine, resource: PolicyResource, stack: StackView) -> _Judgement | None:
    """One resource judged with the stack in view (None: not a custom resource, judged by no stack policy): names and
    hosts produced by the resources a value is computed from, or bucket names this stack creates, are proven; anything
    else is judged as the guard judges it."""
    t = target(resource.resource_type, resource.name, resource.props, resource.provider)
    if not t.subject.custom:
        return None
    findings, pending = engine.check(t.subject, defer=is_unknown, known=_known(engine, resource, stack))
    return _Judgement(findings, pending, _regionless_of(engine, resource.resource_type, findings))


def _regionless_of(engine: RuleEngine, resource_type: str, findings: list[Finding]) -> list[Finding]:
    """The regionless rules' findings among a resource's (and the joined RES-024, a held document's RES-025, a
    StackSet's template's), less those the stack declares."""
    joined = resource_type in engine.joined_public_types
    return [
        f
        for f in findings
        if (
            f.rule.id in _REGIONLESS_IDS
            or (joined and f.rule.id == JOINED_PUBLIC.id)
            or (f.rule.id == HELD_DOCUMENT.id and held_in_bucket(f))
            or engine.judged_with_instances(f)
        )
        and f.declared_by is None
    ]


Judged = list["_Judgement | Exception | None"]
"""Per resource of a stack, in its order: its judgement (None for a resource that is not custom), or what stopped the
pack judging it."""


class StackJudgement(threading.local):
    """The judgement of the last stack this thread validated, made once for every stack policy (perf65: the provenance
    and final-state provider policies too, which judged each resource again without ``known`` before).

    pulumi-policy hands each stack policy its own freshly deserialized copy of one request (``AnalyzeStack`` in
    pulumi_policy/policy.py builds the resources again for every policy), so object identity never matches across
    the policies and, without this, the stack's view was built and every resource checked once per rule: three
    times. The key is the stack's value (each resource's type, name, URN, the repr of its plain properties and its
    provider's, and the URNs of its dependencies and property dependencies: everything a judgement reads), so only an
    equal stack reads the result; one per pack (``build_policies`` hands it to every stack policy) and per thread (the
    engine's servicer may answer requests on several threads), holding one stack.

    Each resource is judged once, with ``known`` (``_stack_judgement``): the regionless policies read its findings,
    the final-state provider policy its RES-002 (read from the provider alone, ``RuleEngine._check_provider_of``), and
    the provenance policy the input keys of its unknowns (which ``known`` never changes: ``_unknown_inputs`` in
    components/plan/review.py). A crash judging a resource is reported by every stack policy (fail closed).
    """

    def __init__(self) -> None:
        self.key: tuple[Any, ...] | None = None
        self.held: list[PolicyResource] = []
        self.shape: tuple[Any, ...] | None = None
        self.judged: dict[tuple[int, dt.date], tuple[RuleEngine, Judged]] = {}

    def of(self, engine: RuleEngine, resources: list[PolicyResource]) -> Judged:
        shape = tuple(_shape(r) for r in resources)
        if not self._same_stack(shape, resources):
            key = tuple((*s[:3], *_value_key(r), *s[3:]) for s, r in zip(shape, resources, strict=True))
            if key != self.key:
                self.key, self.judged = key, {}
            # The resources are kept alive with the key: an object without a faithful repr (an asset) reads as its
            # address, which a later object could otherwise be given. An equal key's addresses are these objects' own.
            self.held, self.shape = resources, shape
        # Per day too: a declared transfer that expires at midnight no longer covers an equal stack.
        when = (id(engine), dt.date.today())
        judged = self.judged.get(when)
        if judged is None or judged[0] is not engine:
            judged = self.judged[when] = (engine, _judge_stack(engine, resources))
        return judged[1]

    def _same_stack(self, shape: tuple[Any, ...], resources: list[PolicyResource]) -> bool:
        """The stack judged last, told by identity: the pack's servicer hands every stack policy of one request the
        same props and provider objects for each resource (``share_policy_arguments``, components/_compat.py), and
        never one object to two requests (nothing is kept past a request; the held resources keep theirs alive). The
        rest of what a judgement reads (types, names, URNs, dependencies' URNs) is compared by value. Without the
        sharing each policy's objects are its own, this answers False and the value key decides, as before."""
        return self.key is not None and shape == self.shape and _same_objects(resources, self.held)


def _shape(resource: PolicyResource) -> tuple[Any, ...]:
    """What a judgement reads of one resource beside its values: its type, name, URN, and its dependencies' URNs."""
    dependencies = tuple(d.urn for d in resource.dependencies or ())
    property_dependencies = tuple(
        (k, tuple(d.urn for d in deps)) for k, deps in (resource.property_dependencies or {}).items()
    )
    return (resource.resource_type, resource.name, resource.urn, dependencies, property_dependencies)


def _value_key(resource: PolicyResource) -> tuple[Any, ...]:
    """``values.resource_key``'s value part: the repr of the resource's plain properties and its provider's."""
    return resource_key(resource.resource_type, resource.name, resource.urn, resource.props, resource.provider)[3:]


def _judge_stack(engine: RuleEngine, resources: list[PolicyResource]) -> Judged:
    stack = StackView(engine, resources)
    judged: Judged = []
    for resource in resources:
        try:
            judged.append(_stack_judgement(engine, resource, stack))
        except Exception as exc:  # anything unexpected must refuse, never pass (each stack policy reports it)
            judged.append(exc)
    return judged


def _known(engine: RuleEngine, resource: PolicyResource, stack: StackView) -> Callable[[str], bool]:
    """The regionless names and hosts proven for ``resource``: produced by the resources its values are computed from,
    its own names, or bucket names this stack creates."""
    deps = {d.urn: d for ds in (resource.property_dependencies or {}).values() for d in ds}
    deps |= {d.urn: d for d in resource.dependencies or []}
    produced = [p for d in deps.values() for p in stack.produced(d)]
    # The final state holds the resource's own outputs (bucketDomainName = <bucket>.s3.amazonaws.com).
    subject = target(resource.resource_type, resource.name, resource.props, resource.provider).subject
    values = {k: v for k, v in subject.props.items() if not is_unknown(v)}
    own = provenance.own_names(engine, resource.resource_type, values)
    bucket = provenance.own_bucket(engine, resource.resource_type, values)
    created = {name for r, name in stack.created if r is not resource} | stack.accounts
    # Only what an input is computed from (its property dependencies, as the guard reads an Output's resources): a
    # role ARN written out beside `depends_on=[role]` is judged as the guard judges a plain value.
    computed_from = {d.urn: d for ds in (resource.property_dependencies or {}).values() for d in ds}
    created.update(made_arns(engine, resource, computed_from.values()))
    known = provenance.regionless_known(created, produced, own, bucket)
    if resource.resource_type in stacksets.stack_set_types():
        return stacksets.with_instances(
            known,
            stack.stack_sets.overrides(
                resource.resource_type, plain(resource.props), [stacksets.urn_key(resource.urn)]
            ),
        )
    if resource.resource_type not in stages.JOIN_TYPES:
        return known
    props = plain(resource.props)
    own_key = stages.own_api_key(resource.urn, props.get("id"))
    key = _input_key(resource, stages.member_key_input(resource.resource_type))
    method = stages.integration_method(resource.resource_type, props, own_key, key, is_unknown)
    return stages.with_stages(
        known, stack.stages, resource.resource_type, rest_api_key(resource), connection_key(resource), method
    )


def made_arns(engine: RuleEngine, resource: PolicyResource, deps: Iterable[PolicyResource]) -> list[str]:
    """The ``made_arn_key`` keys of the role ARNs (``RuleEngine.made_arns``) of the resources ``resource``'s values are
    computed from that are made with the same provider as ``resource`` (its provider's URN; a default provider is
    the engine's, never the same): what the guard reads of an Output's resources and the reviews of the document."""
    provider = resource.provider
    if provider is None or is_default_provider(provider):
        return []
    outputs = engine.made_arn_outputs  # only the catalogued types: no other resource's props are read (perf42)
    return [
        key
        for d in deps
        if d.resource_type in outputs and d.provider is not None and d.provider.urn == provider.urn
        for key in engine.made_arns(d.resource_type, {k: v for k, v in plain(d.props).items() if not is_unknown(v)})
    ]


def regionless_policies(
    engines: Engines, codes: list[str], shared: StackJudgement | None = None
) -> list[StackValidationPolicy]:
    """RES-015, RES-017 and RES-023 over the whole stack (what the stack created, and the accounts its providers are
    pinned to, are known only there), sharing one judgement of each stack (``shared``, which the pack's other stack
    policies read too; one of their own when None)."""
    shared = StackJudgement() if shared is None else shared
    return [
        StackValidationPolicy(
            **messages.policy_wording(the_rule, name),
            config_schema=config_schema(codes),
            validate=_regionless_validate(the_rule, engines, shared, owns),
        )
        for the_rule, name, owns in [
            *((r, None, _own_rule(r)) for r in REGIONLESS_RULES),
            (JOINED_PUBLIC, JOINED_PUBLIC_POLICY, _own_rule(JOINED_PUBLIC, stack_sets=False)),
            (HELD_DOCUMENT, HELD_DOCUMENT_POLICY, _own_rule(HELD_DOCUMENT, stack_sets=False)),
            (STACK_SET, STACK_SET_POLICY, _stack_set_template),
        ]
    ]


Owns = Callable[[RuleEngine, Finding], bool]
"""Which of a resource's stack-level findings a stack policy reports: each is reported by exactly one policy."""


def _own_rule(the_rule: Rule, *, stack_sets: bool = True) -> Owns:
    """A policy's own rule's findings; with ``stack_sets`` False, less a StackSet's template's (``STACK_SET``'s)."""
    return lambda engine, f: f.rule.id == the_rule.id and (stack_sets or not engine.judged_with_instances(f))


def _stack_set_template(engine: RuleEngine, f: Finding) -> bool:
    """``STACK_SET``'s findings: a StackSet's template's, less the regionless rules' (their own policies report
    them)."""
    return engine.judged_with_instances(f) and f.rule.id not in _REGIONLESS_IDS


def _regionless_validate(
    the_rule: Rule, engines: Engines, shared: StackJudgement, owns: Owns
) -> Callable[[StackValidationArgs, Report], None]:
    def validate(args: StackValidationArgs, report_violation: Report) -> None:
        resolved = engines.resolve_or_report(the_rule, args.get_config(), report_violation)
        if resolved is None:
            return
        resources = list(args.resources)
        for resource, judged in zip(resources, shared.of(resolved.engine, resources), strict=True):
            if isinstance(judged, Exception):
                report_violation(messages.crash(the_rule, _name(resource), judged), resource.urn)
                continue
            if judged is None:
                continue
            try:
                for f in judged.regionless:
                    if owns(resolved.engine, f):
                        report_violation(messages.finding(f, resolved.source), resource.urn)
            except Exception as exc:  # anything unexpected must refuse, never pass
                report_violation(messages.crash(the_rule, _name(resource), exc), resource.urn)

    return validate
