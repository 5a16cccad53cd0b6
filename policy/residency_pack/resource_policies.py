"""One resource-validation policy per rule the engine can judge from a single resource's inputs.

Each policy runs the shared rule engine on the resource and on its provider (``args.provider``)
and reports only the findings of its own rule, so a rule can be given its own enforcement level
through policy config without touching the others.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

from pulumi_policy import PolicyConfigSchema, ResourceValidationArgs, ResourceValidationPolicy

from components.residency.engine import REGIONLESS_PACKAGES, RuleEngine, held_in_bucket, package_of
from components.residency.rules import Finding, Rule, RuleId, rule
from residency_pack import messages
from residency_pack.jurisdiction import Engines, Report
from residency_pack.subjects import Target, is_default_provider, provider_subject, target
from residency_pack.values import is_unknown, resource_key

__all__ = ["RESOURCE_RULES", "resource_findings", "resource_policy"]

RESOURCE_RULES: tuple[str, ...] = (
    RuleId.PROVIDER_REGION_PINNED,
    RuleId.EXPLICIT_PROVIDER,
    RuleId.RESOURCE_REGION_OVERRIDE,
    RuleId.AWS_ARN_IN_JURISDICTION,
    RuleId.ALICLOUD_ARN_IN_JURISDICTION,
    RuleId.ENDPOINT_IN_JURISDICTION,
    RuleId.OSS_LOCATION_IN_JURISDICTION,
    RuleId.ZONE_IN_JURISDICTION,
    RuleId.REGION_FIELD_IN_JURISDICTION,
    RuleId.KNOWN_REGION,
    RuleId.COVERED_PACKAGE,
    RuleId.GLOBAL_SERVICE_IN_JURISDICTION,
    RuleId.DECLARED_TRANSFER_CURRENT,
    RuleId.DECLARED_TRANSFER_IN_SCOPE,
    RuleId.DESTINATION_PHONE_PROVEN,
    RuleId.PUBLIC_ACCESS_DECLARED,
    RuleId.DOCUMENT_WITHIN_BOUNDS,
)
"""Rules judged per resource at ``pulumi preview``/``up``; RES-014/015/017/023 are stack-level (they need
the stack's other resources to know what it created, or which accounts its providers are pinned to), RES-010/012/020/021
guard-only."""


def resource_findings(engine: RuleEngine, t: Target) -> list[tuple[Finding, str | None]]:
    """Every finding on the resource, then on its provider (paired with the resource it was found through)."""
    # Unknowns are deferred, never judged here: this resource-level view has no dependency graph.
    # The stack policy judges each of them by where it comes from (RES-014).
    findings: list[tuple[Finding, str | None]] = [(f, None) for f in engine.check(t.subject, defer=is_unknown)[0]]
    if t.subject.type in engine.joined_public_types:
        # A resource joined to another of the stack (a DomainPolicy to its VPC domain, an Integration to its Methods):
        # its RES-024 needs the stack's other resources: judged by the stack policy (stack_policies.JOINED_PUBLIC).
        # Stop 43.
        findings = [(f, via) for f, via in findings if f.rule.id != RuleId.PUBLIC_ACCESS_DECLARED]
    # (falsealarm49) A document held in S3 (an included snippet) is proven by a bucket the stack makes: judged by the
    # stack policy (stack_policies.HELD_DOCUMENT), with the stack's buckets in view.
    findings = [
        (f, via) for f, via in findings if not (f.rule.id == RuleId.DOCUMENT_WITHIN_BOUNDS and held_in_bucket(f))
    ]
    # (stackinst50) A StackSet's template runs with the overrides of the stack's instances naming it: its findings are
    # judged by the stack policy (stack_policies.STACK_SET), with the instances in view.
    findings = [(f, via) for f, via in findings if not engine.judged_with_instances(f)]
    if t.is_cloud_resource and t.provider is not None and not is_default_provider(t.provider):
        via = f"{t.subject.type} {t.subject.name!r}"
        findings += [(f, via) for f in engine.check(provider_subject(t.provider), defer=is_unknown)[0]]
    return findings


def config_schema(codes: list[str]) -> PolicyConfigSchema:
    """The schema every policy declares, so ``--policy-pack-config`` can pin the jurisdiction."""
    return PolicyConfigSchema(
        properties={
            "jurisdiction": {
                "type": "string",
                "enum": codes,
                "description": "Jurisdiction code; must agree with sovereign-dc:jurisdiction if the stack sets it.",
            }
        }
    )


def _needs_jurisdiction(t: Target) -> bool:
    return t.subject.custom and package_of(t.subject.type)[0] not in REGIONLESS_PACKAGES


class _LastResource(threading.local):
    """The resource this thread judged last, converted and judged once for all the pack's policies.

    pulumi-policy hands each resource policy in turn its own freshly deserialized copy of one request
    (``Analyze`` in pulumi_policy/policy.py), so without this the resource was converted and judged
    once per rule: 15 times. The key is the request's value (its type, name, URN and the repr of its
    plain properties and provider), so only an equal request reads the result; the engine servicer may
    answer requests on several threads, hence one entry per thread. The policies after the first tell the
    same request by identity instead (``_same_request``), without computing the key again.
    """

    def __init__(self) -> None:
        self.key: tuple[Any, ...] | None = None
        self.target: Target | None = None
        self.held: tuple[Any, Any] = (None, None)
        self.findings: dict[tuple[int, dt.date], tuple[RuleEngine, list[tuple[Finding, str | None]]]] = {}

    def target_of(self, args: ResourceValidationArgs) -> Target:
        provider = args.provider
        if self._same_request(args):
            return self.target  # type: ignore[return-value]  # _same_request checked it
        key = resource_key(args.resource_type, args.name, args.urn, args.props, provider)
        if key != self.key or self.target is None:
            self.key, self.findings = None, {}
            self.target = target(args.resource_type, args.name, args.props, provider)
            self.key = key
        # Kept alive with the key: an object without a faithful repr (an asset) reads as its address, which a later
        # object could otherwise be given (an equal key's addresses are these objects' own). The newest request's
        # objects, so the policies after this one tell it by identity (_same_request).
        self.held = (args.props, None if provider is None else provider.props)
        return self.target

    def _same_request(self, args: ResourceValidationArgs) -> bool:
        """The request judged last, told by identity: the pack's servicer hands every policy of one request the same
        props and provider objects (``share_policy_arguments``, components/_compat.py), and never one object to two
        requests (nothing is kept past a request; the objects held here stay alive, so none is another's). Without
        the sharing each policy's objects are its own, this answers False and the value key decides, as before."""
        if self.key is None or self.target is None or args.props is not self.held[0]:
            return False
        if (args.resource_type, args.name, args.urn) != self.key[:3]:
            return False
        provider, provider_key = args.provider, self.key[4]
        if provider is None or provider_key is None:
            return provider is None and provider_key is None
        same_provider = (provider.resource_type, provider.name, provider.urn) == provider_key[:3]
        return provider.props is self.held[1] and same_provider

    def findings_of(self, engine: RuleEngine, t: Target) -> list[tuple[Finding, str | None]]:
        # Per day too: a declared transfer that expires at midnight no longer covers an equal request.
        key = (id(engine), dt.date.today())
        judged = self.findings.get(key)
        if judged is None or judged[0] is not engine:
            judged = self.findings[key] = (engine, resource_findings(engine, t))
        return judged[1]


_LAST = _LastResource()


def _validate(the_rule: Rule, engines: Engines) -> Callable[[ResourceValidationArgs, Any], None]:
    def validate(args: ResourceValidationArgs, report_violation: Report) -> None:
        try:
            t = _LAST.target_of(args)
            if not _needs_jurisdiction(t):
                return
            resolved = engines.resolve_or_report(the_rule, args.get_config(), report_violation)
            if resolved is None:
                return
            for found, via in _LAST.findings_of(resolved.engine, t):
                if found.rule.id == the_rule.id and found.declared_by is None:
                    report_violation(messages.finding(found, resolved.source, via=via), None)
        except Exception as exc:  # anything unexpected must refuse, never pass
            report_violation(messages.crash(the_rule, f"{args.resource_type} {args.name!r}", exc), None)

    return validate


def resource_policy(rule_id: str, engines: Engines, codes: list[str]) -> ResourceValidationPolicy:
    """The resource-validation policy for ``rule_id``, worded from the rules table."""
    the_rule = rule(rule_id)
    return ResourceValidationPolicy(
        **messages.policy_wording(the_rule),
        config_schema=config_schema(codes),
        validate=_validate(the_rule, engines),
    )
