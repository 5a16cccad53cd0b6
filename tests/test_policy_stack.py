"""Stack-level policies: preview unknowns judged by provenance (RES-014); providers of the final state (RES-002)."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import pytest
import residency_pack.stack_policies as sp
from pulumi_policy import Policy
from residency_pack import build_policies
from residency_pack.jurisdiction import Engines
from residency_pack.subjects import target
from residency_pack.values import is_unknown
from test_policy_support import UNKNOWN, Diag, Pack, Res, ali_provider, aws_provider, pin_all, urn

from components.residency import provenance as provenance_module
from components.residency.catalogue import load_catalogue
from components.residency.engine import RuleEngine, Subject
from components.residency.rules import rule

CN_PROVIDER = aws_provider("cn-north-1", "cn")
PROVENANCE = rule("RES-014")


def in_country_bucket(name: str = "data") -> Res:
    return Res("aws:s3/bucket:Bucket", name, {"bucket": name, "arn": f"arn:aws-cn:s3:::{name}"}, provider=CN_PROVIDER)


def policy_from(*deps: Res, extra_urns: tuple[str, ...] = ()) -> Res:
    """A bucket policy whose `policy` input is unknown at preview and computed from ``deps``."""
    urns = [d.urn for d in deps] + list(extra_urns)
    return Res(
        "aws:s3/bucketPolicy:BucketPolicy",
        "policy",
        {"bucket": "data", "policy": UNKNOWN},
        provider=CN_PROVIDER,
        dependencies=urns,
        property_dependencies={"policy": urns},
    )


def provenance(diags: list[Diag]) -> list[Diag]:
    return [d for d in diags if d.policy == PROVENANCE.name]


def test_an_unknown_computed_from_an_in_country_resource_of_this_stack_passes(cn: Pack) -> None:
    source = in_country_bucket()
    assert cn.analyze_stack([CN_PROVIDER, source, policy_from(source)]) == []


def test_an_unknown_computed_from_random_passes(cn: Pack) -> None:
    rand = Res(
        "random:index/randomId:RandomId", "suffix", {"hex": UNKNOWN}, provider=Res("pulumi:providers:random", "r", {})
    )
    assert cn.analyze_stack([CN_PROVIDER, rand, policy_from(rand)]) == []


FOREIGN_SOURCES = [
    # stackref53 (stop 53): a StackReference is no source an unknown is judged by, read or not
    # (provenance.judged_by_its_values; the engine never gives the pack one). stackref53b (stop 53): alone, the unknown
    # now passes the preview (it is known at `up`, where it is judged): the case moved to
    # test_an_unknown_computed_only_from_reads_passes_the_preview.
    pytest.param(
        Res("aws:s3/bucket:Bucket", "us-logs", {"bucket": "l"}, provider=aws_provider("us-east-1", "us")),
        "aws:s3/bucket:Bucket 'us-logs' is not in CN: [RES-001] `region`",
        id="foreign-provider",
    ),
    pytest.param(
        Res("aws:s3/bucket:Bucket", "d", {"bucket": "d"}, provider=aws_provider("cn-north-1", "default_7_51_1")),
        "aws:s3/bucket:Bucket 'd' is not in CN: [RES-002] `provider` It would use the default provider.",
        id="default-provider",
    ),
    pytest.param(
        Res("aws:s3/bucket:Bucket", "read", {"arn": "arn:aws:s3:::us-bucket"}, provider=CN_PROVIDER),
        "aws:s3/bucket:Bucket 'read' is not in CN: [RES-004] `arn`",
        id="foreign-outputs",
    ),
    pytest.param(
        Res("sovereign-dc:index:Thing", "component", {}),
        "is not an AWS or Alibaba Cloud resource, so where it reads from cannot be proven",
        id="component",
    ),
    pytest.param(
        Res("gcp:storage/bucket:Bucket", "g", {}, provider=Res("pulumi:providers:gcp", "g", {})),
        "gcp:storage/bucket:Bucket 'g' is not an AWS or Alibaba Cloud resource",
        id="uncovered-package",
    ),
    pytest.param(
        aws_provider(UNKNOWN, "late"),
        "pulumi:providers:aws 'late' has a provider region that is itself unknown",
        id="provider-with-unknown-region",
    ),
]


@pytest.mark.parametrize(("source", "reason"), FOREIGN_SOURCES)
def test_an_unknown_computed_from_anything_else_fails_closed(cn: Pack, source: Res, reason: str) -> None:
    diags = provenance(cn.analyze_stack([CN_PROVIDER, source, policy_from(source)]))
    target = policy_from(source)
    assert [(d.urn, d.level) for d in diags] == [(target.urn, "mandatory")]
    message = diags[0].message
    assert message.startswith(f"RES-014: {PROVENANCE.message}\n[RES-014] aws:s3/bucketPolicy:BucketPolicy 'policy': ")
    assert "`policy` is unknown during preview" in message
    assert reason in message
    assert f"Fix: {PROVENANCE.fix}" in message


def test_one_foreign_source_among_in_country_ones_is_enough_to_fail(cn: Pack) -> None:
    # stackref53 (stop 53): the foreign source is a bucket abroad (a StackReference beside the in-country bucket is left
    # out since stop 53, provenance.judged_by_its_values, as the pack, never given the read, always left it out).
    good = in_country_bucket("good")
    bad = Res("aws:s3/bucket:Bucket", "us-logs", {"bucket": "l"}, provider=aws_provider("us-east-1", "us"))
    diags = provenance(cn.analyze_stack([CN_PROVIDER, good, bad, policy_from(good, bad)]))
    assert len(diags) == 1
    assert "'us-logs'" in diags[0].message
    assert "'good'" not in diags[0].message


def test_each_source_is_judged_once_per_stack(cn: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two resources, each with two unknown inputs computed from the same two sources: each source is judged once for
    the stack (stop 41; the unchanged pack judged it for every input of every resource, 8 judgements), and each input
    is still refused for the foreign one alone."""
    judged: list[str] = []
    reason = provenance_module.untrusted_reason

    def counted(engine: Any, source: Any, defer: Any) -> Any:
        judged.append(source.name)
        return reason(engine, source, defer)

    monkeypatch.setattr(provenance_module, "untrusted_reason", counted)
    good = in_country_bucket("good")
    bad = Res("aws:s3/bucket:Bucket", "us-logs", {"bucket": "l"}, provider=aws_provider("us-east-1", "us"))
    urns = [good.urn, bad.urn]
    both = {"policy": urns, "bucket": urns}
    policies = [
        Res("aws:s3/bucketPolicy:BucketPolicy", name, {"bucket": UNKNOWN, "policy": UNKNOWN}, provider=CN_PROVIDER,
            dependencies=urns, property_dependencies=both)
        for name in ("a", "b")
    ]  # fmt: skip
    diags = provenance(cn.analyze_stack([CN_PROVIDER, good, bad, *policies]))
    assert sorted(judged) == ["good", "us-logs"]
    assert [d.urn for d in diags] == [policies[0].urn] * 2 + [policies[1].urn] * 2
    unknown = r"`(\w+)` is unknown during preview and is computed from 2 resource\(s\): "
    assert sorted(key for d in diags for key in re.findall(unknown, d.message)) == [
        "bucket",
        "bucket",
        "policy",
        "policy",
    ]
    for d in diags:
        assert "aws:s3/bucket:Bucket 'us-logs' is not in CN: [RES-001] `region`" in d.message
        assert "'good'" not in d.message


def test_an_unknown_computed_only_from_reads_passes_the_preview(cn: Pack) -> None:
    """stackref53b (stop 53): pulumi-policy drops the URNs of the resources it was not given, and the engine gives the
    pack no read (a cloud `get`, a StackReference): an emptied list is an input computed only from reads, unknown at a
    preview where a read was skipped (its id unknown) and judged at `up`. It passes, as the preview review passes the
    same input (its read steps are left out there: provenance.judged_by_its_values); RES-014 here before, the review
    passing a cloud read in the jurisdiction, so a compliant program's first preview was refused."""
    elsewhere = urn("aws:ec2/vpc:Vpc", "platform")  # a read: never given to the pack
    assert provenance(cn.analyze_stack([CN_PROVIDER, policy_from(extra_urns=(elsewhere,))])) == []
    reference = Res("pulumi:pulumi:StackReference", "network", {"name": "org/net/us"})
    assert provenance(cn.analyze_stack([CN_PROVIDER, reference, policy_from(reference)])) == []


def test_an_unknown_the_resources_own_provider_computes_is_not_a_reference(cn: Pack) -> None:
    """`arn` of a bucket being created is unknown at preview; nothing flowed into it."""
    source = in_country_bucket()
    new = Res(
        "aws:s3/bucket:Bucket",
        "new",
        {"bucket": "new", "arn": UNKNOWN, "policy": "{}"},
        provider=CN_PROVIDER,
        dependencies=[source.urn],
        property_dependencies={"policy": [source.urn]},
    )
    assert cn.analyze_stack([CN_PROVIDER, source, new]) == []


@pytest.mark.parametrize(
    ("dependency", "fails"),
    [
        # stackref53 (stop 53): a resource of no covered package (a StackReference, the foreign one here before, is left
        # out of an unknown's sources since stop 53: provenance.judged_by_its_values)
        pytest.param(Res("sovereign-dc:index:Thing", "component", {}), True, id="foreign"),
        pytest.param(in_country_bucket("src"), False, id="in-country"),
    ],
)
def test_without_property_dependencies_every_dependency_must_vouch(cn: Pack, dependency: Res, fails: bool) -> None:
    res = Res(
        "aws:s3/bucketPolicy:BucketPolicy",
        "p",
        {"policy": UNKNOWN},
        provider=CN_PROVIDER,
        dependencies=[dependency.urn],
    )
    diags = provenance(cn.analyze_stack([CN_PROVIDER, dependency, res]))
    assert bool(diags) is fails
    if fails:
        assert "the resource depends on resources that cannot vouch for it" in diags[0].message


def test_an_unknown_provider_region_is_judged_by_provenance_too(cn: Pack) -> None:
    # stackref53b (stop 53): from a component of no covered package (a StackReference, a read, passes the preview
    # since stop 53: test_an_unknown_computed_only_from_reads_passes_the_preview)
    net = Res("sovereign-dc:index:Thing", "net", {})
    provider = Res(
        "pulumi:providers:aws",
        "late",
        {"region": UNKNOWN},
        dependencies=[net.urn],
        property_dependencies={"region": [net.urn]},
    )
    diags = provenance(cn.analyze_stack([net, provider]))
    assert [d.urn for d in diags] == [provider.urn]
    assert "pulumi:providers:aws 'late': `region` is unknown during preview" in diags[0].message


def test_nested_unknowns_are_judged_under_their_top_level_input(cn: Pack) -> None:
    # stackref53b (stop 53): from a component of no covered package (a StackReference is a read: see above)
    net = Res("sovereign-dc:index:Thing", "net", {})
    res = Res(
        "aws:s3/bucket:Bucket",
        "b",
        {"replicationConfiguration": {"rules": [{"destination": {"bucket": UNKNOWN}}]}},
        provider=CN_PROVIDER,
        dependencies=[net.urn],
        property_dependencies={"replicationConfiguration": [net.urn]},
    )
    diags = provenance(cn.analyze_stack([CN_PROVIDER, net, res]))
    assert len(diags) == 1
    assert "`replicationConfiguration` is unknown during preview" in diags[0].message


@pytest.mark.parametrize(
    ("provider", "fails"),
    [
        pytest.param(aws_provider("cn-north-1", "default_7_51_1"), True, id="default"),
        pytest.param(None, True, id="none"),
        pytest.param(CN_PROVIDER, False, id="explicit"),
    ],
)
def test_the_final_state_must_use_explicit_providers(cn: Pack, provider: Res | None, fails: bool) -> None:
    """Covers resources that never reached a resource-level check, such as `.get()` reads."""
    read = Res("aws:s3/bucket:Bucket", "read", {"bucket": "b"}, provider=provider)
    diags = [d for d in cn.analyze_stack([read]) if d.policy == "explicit-provider-final-state"]
    assert bool(diags) is fails
    if fails:
        assert diags[0].urn == read.urn
        assert diags[0].message.startswith(f"RES-002: {rule('RES-002').message}\n[RES-002] aws:s3/bucket:Bucket 'read'")


ALI_CN = ali_provider("cn-shanghai")


def test_provenance_and_the_final_state_provider_rule_judge_each_resource_once(
    cn: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stop 41: RES-014 (which inputs are unknown) and RES-002 over the final state read the same judgement of each
    resource, made once for the two (the unchanged pack made it in each policy), and report what each made alone.
    perf65: it is the regionless policies' judgement (with ``known``), made once for every stack policy."""
    source = Res("aws:s3/bucket:Bucket", "us-logs", {"bucket": "l"}, provider=aws_provider("us-east-1", "us"))
    read = Res("aws:s3/bucket:Bucket", "read", {"bucket": "b"}, provider=aws_provider("cn-north-1", "default_7_51_1"))
    stack = [CN_PROVIDER, source, read, policy_from(source)]
    judged: list[str] = []
    check = RuleEngine.check

    def counted(self: RuleEngine, subject: Subject, **kwargs: Any) -> Any:
        if not subject.type.startswith("pulumi:providers:"):
            judged.append(subject.name)
        return check(self, subject, **kwargs)

    monkeypatch.setattr(RuleEngine, "check", counted)
    once = cn.analyze_stack(stack)
    assert sorted(judged) == ["policy", "read", "us-logs"]
    assert {d.policy for d in once} >= {PROVENANCE.name, "explicit-provider-final-state"}
    judged.clear()
    # Each stack policy with a judgement of its own: the same diagnostics, each resource judged once per judgement.
    codes = sorted(load_catalogue().jurisdictions)
    apart = sp.regionless_policies(Engines(), codes)
    own: list[Policy] = [sp.provenance_policy(Engines(), codes), sp.explicit_provider_policy(Engines(), codes), *apart]
    stack_policies = {p.name for p in own}
    policies = [p for p in build_policies() if p.name not in stack_policies] + own
    assert Pack(policies=policies).analyze_stack(stack) == once
    assert sorted(judged) == ["policy", "policy", "policy", "read", "read", "read", "us-logs", "us-logs", "us-logs"]


@pytest.mark.parametrize(
    ("group_props", "joined", "fails"),
    [
        # The final state's outputs carry the CEN's physical id (the bridged provider's `id`): proven.
        ({"id": "cen-own1x2", "cen_instance_name": "fleet-wan"}, "cen-own1x2", False),
        # A CEN made elsewhere, though the attachment also depends on one of this stack's CENs.
        ({"id": "cen-own1x2", "cen_instance_name": "fleet-wan"}, "cen-network9z", True),
        # Its name is not its id: only what the CEN produced proves it.
        ({"cen_instance_name": "cen-network9z"}, "cen-network9z", True),
    ],
)
def test_a_cen_is_proven_by_the_id_in_the_final_state(
    cn: Pack, group_props: dict[str, str], joined: str, fails: bool
) -> None:
    cen = Res("alicloud:cen/instance:Instance", "wan", group_props, provider=ALI_CN)
    attachment = Res(
        "alicloud:cen/instanceAttachment:InstanceAttachment",
        "app-wan",
        {"instance_id": joined, "child_instance_id": "vpc-1", "child_instance_type": "VPC",
         "child_instance_region_id": "cn-shanghai"},
        provider=ALI_CN,
        dependencies=[cen.urn],
        property_dependencies={"instance_id": [cen.urn]},
    )  # fmt: skip
    diags = [d for d in cn.analyze_stack([ALI_CN, cen, attachment]) if d.policy == rule("RES-017").name]
    assert bool(diags) is fails
    if fails:
        assert diags[0].urn == attachment.urn and "multi-region group" in diags[0].message


# -- RES-015, RES-017 and RES-023 share one judgement of a stack (issue 13, stop 39) -----------------------------------

EU_PINNED = Res(
    "pulumi:providers:aws", "eu", {"region": "eu-central-1", "version": "7.51.1", "allowedAccountIds": ["123456789012"]}
)
OWN_BUCKET = Res("aws:s3/bucket:Bucket", "data", {"bucket": "eu-fleet-data"}, provider=EU_PINNED)
REGIONLESS = [rule(rule_id).name for rule_id in ("RES-015", "RES-017", "RES-023")]
"""The policies sharing the regionless judgement: the three rules', and RES-024 of an integration judged with its
Methods in view (stop 43)."""


def _workflow(parameters: dict[str, str]) -> Res:
    task = {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject", "Parameters": parameters, "End": True}
    definition = json.dumps({"StartAt": "T", "States": {"T": task}})
    return Res("aws:sfn/stateMachine:StateMachine", "flow", {"definition": definition}, provider=EU_PINNED)


def _regionless_stack(*, endpoint: str, bucket: dict[str, str], principal: str) -> list[Res]:
    """One resource for each regionless rule: an SNS subscription (RES-015), a workflow writing to a bucket (RES-017)
    and a Lambda permission (RES-023); and a bucket the stack makes."""
    return [
        EU_PINNED,
        OWN_BUCKET,
        Res(
            "aws:sns/topicSubscription:TopicSubscription",
            "hook",
            {"topic": "arn:aws:sns:eu-central-1:123456789012:t", "protocol": "https", "endpoint": endpoint},
            provider=EU_PINNED,
        ),
        _workflow(bucket),
        Res(
            "aws:lambda/permission:Permission",
            "perm",
            {"action": "lambda:InvokeFunction", "function": "f", "principal": principal},
            provider=EU_PINNED,
        ),
    ]


OFFENDING = _regionless_stack(
    endpoint="https://hooks.partner.example.com/x", bucket={"Bucket.$": "$.b"}, principal="999999999999"
)
COMPLIANT = _regionless_stack(
    endpoint="https://abc123.execute-api.eu-central-1.amazonaws.com/prod/hook",
    bucket={"Bucket": "eu-fleet-data"},
    principal="123456789012",
)


@pytest.fixture
def eu_config(stack_config: Any) -> None:
    stack_config({"sovereign-dc:jurisdiction": "EU", "aws:region": "eu-central-1"})


def _regionless_pack(shared: bool, policy_config: dict[str, dict[str, str]] | None = None) -> Pack:
    """The pack with its three regionless policies sharing one judgement (as built), or each built apart (its own)."""
    policies = build_policies()
    if not shared:
        codes = sorted(load_catalogue().jurisdictions)
        # Each built apart, the joined RES-024 policy (stop 43) with them: it shares the same judgement.
        alone: list[Policy] = list(sp.regionless_policies(Engines(), codes))
        policies = [p for p in policies if p.name not in {a.name for a in alone}] + alone
    return Pack(policy_config, policies)


def test_the_regionless_rules_judge_a_stack_once(eu_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """pulumi-policy hands every stack policy its own copy of one request: judged once for the three rules."""
    judged: list[str] = []
    views: list[int] = []
    judge, view = sp._stack_judgement, sp.StackView.__init__

    def counted(engine: Any, resource: Any, stack: Any) -> Any:
        judged.append(resource.name)
        return judge(engine, resource, stack)

    def counted_view(self: Any, engine: Any, resources: Any) -> None:
        views.append(len(resources))
        view(self, engine, resources)

    monkeypatch.setattr(sp, "_stack_judgement", counted)
    monkeypatch.setattr(sp.StackView, "__init__", counted_view)
    regionless = [(d.policy, d.urn) for d in Pack().analyze_stack(OFFENDING) if d.policy in REGIONLESS]
    assert regionless == [
        (REGIONLESS[0], OFFENDING[2].urn),
        (REGIONLESS[1], OFFENDING[3].urn),
        (REGIONLESS[2], OFFENDING[4].urn),
    ]
    assert judged == [r.name for r in OFFENDING]
    # One view for the three regionless rules; the provenance policy (RES-014) builds its own.
    assert views.count(len(OFFENDING)) == 2


def _crash_on_the_workflow(monkeypatch: pytest.MonkeyPatch) -> None:
    judge = sp._stack_judgement

    def broken(engine: Any, resource: Any, stack: Any) -> Any:
        if resource.name == "flow":
            raise RuntimeError("boom")
        return judge(engine, resource, stack)

    monkeypatch.setattr(sp, "_stack_judgement", broken)


@pytest.mark.parametrize("pinned", [False, True], ids=["stack-config", "policy-config"])
@pytest.mark.parametrize("case", ["offending", "compliant", "crash"])
def test_a_shared_judgement_reports_what_each_rule_judging_alone_reports(
    eu_config: None, monkeypatch: pytest.MonkeyPatch, case: str, pinned: bool
) -> None:
    """Same diagnostics, byte for byte, in the same order: each rule reports its own findings, worded with its own
    jurisdiction source (a policy config names the policy), and a resource the pack could not judge under every rule."""
    if case == "crash":
        _crash_on_the_workflow(monkeypatch)
    stack = COMPLIANT if case == "compliant" else OFFENDING
    config = pin_all("EU") if pinned else None
    shared = _regionless_pack(shared=True, policy_config=config).analyze_stack(stack)
    alone = _regionless_pack(shared=False, policy_config=config).analyze_stack(stack)
    assert shared == alone
    regionless = [d for d in shared if d.policy in REGIONLESS]
    if case == "compliant":
        assert regionless == []
    elif case == "offending":
        assert [d.policy for d in regionless] == REGIONLESS
        assert all("policy config" in d.message for d in regionless) is pinned
    else:
        crashes = [d for d in regionless if "could not judge aws:sfn/stateMachine:StateMachine 'flow'" in d.message]
        assert [d.policy for d in crashes] == REGIONLESS


def test_the_next_stack_is_judged_on_its_own_values(eu_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stacks that differ in one nested value, or only in a dependency, never share a judgement."""
    pack = Pack()
    judgements: list[list[str]] = []
    judge = sp._judge_stack

    def counted(engine: Any, resources: Any) -> Any:
        judgements.append([r.name for r in resources])
        return judge(engine, resources)

    monkeypatch.setattr(sp, "_judge_stack", counted)

    def refused(stack: list[Res]) -> list[str]:
        return [d.policy for d in pack.analyze_stack(stack) if d.policy in REGIONLESS]

    assert refused(OFFENDING) == REGIONLESS
    assert refused(COMPLIANT) == []
    assert refused(OFFENDING) == REGIONLESS
    assert len(judgements) == 3
    # A workflow writing to a bucket named like one of this stack's: proven only while the stack creates it.
    named = _workflow({"Bucket": "eu-fleet-data"})
    assert refused([EU_PINNED, OWN_BUCKET, named]) == []
    assert refused([EU_PINNED, named]) == [REGIONLESS[1]]
    assert refused([EU_PINNED, OWN_BUCKET, named]) == []
    # The same resources but for one dependency (outside the stack: pulumi-policy drops it, the URN list keeps it).
    assert refused([EU_PINNED, OWN_BUCKET, dataclasses.replace(named, dependencies=[OWN_BUCKET.urn])]) == []
    assert len(judgements) == 7


def _trips_stack_set(default: str) -> Res:
    """(stackinst50) A StackSet whose template replicates a global table to the Parameter `Where` (Default
    ``default``), in aws-cn."""
    body = json.dumps({
        "Parameters": {"Where": {"Type": "String", "Default": default}},
        "Resources": {"Trips": {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
            "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": {"Ref": "Where"}}]}}},
    })  # fmt: skip
    return Res("aws:cloudformation/stackSet:StackSet", "trips", {"name": "trips", "templateBody": body},
               provider=CN_PROVIDER)  # fmt: skip


def _trips_instance(stack_set: Res, where: str) -> Res:
    return Res(
        "aws:cloudformation/stackSetInstance:StackSetInstance", "trips-home",
        {"stackSetName": "trips", "accountId": "123456789012", "parameterOverrides": {"Where": where}},
        provider=CN_PROVIDER, property_dependencies={"stackSetName": [stack_set.urn]},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("default", "override", "refused"),
    [("cn-northwest-1", "ap-east-1", True), ("ap-east-1", "cn-northwest-1", False), ("ap-east-1", None, True)],
)
def test_a_stack_sets_template_is_judged_once_with_its_instances_in_view(
    stack_config: Any, default: str, override: str | None, refused: bool
) -> None:
    # (stackinst50) The resource policy leaves the StackSet's template findings out; the stack policy
    # `stack-set-instances-joined` reports each once, judged with the stack's instances' overrides.
    stack_config({"sovereign-dc:jurisdiction": "CN", "aws:region": "cn-north-1"})
    stack_set = _trips_stack_set(default)
    pack = Pack(pin_all("CN"))
    assert [d for d in pack.analyze(stack_set) if "RES-009" in d.message] == []
    resources = [stack_set] if override is None else [stack_set, _trips_instance(stack_set, override)]
    found = [(d.policy, d.urn) for d in pack.analyze_stack(resources) if "[RES-009]" in d.message]
    assert found == ([("stack-set-instances-joined", stack_set.urn)] if refused else [])


# -- perf65: one judgement of each resource for every stack policy (issue 13) -----------------------------------------

STACK_POLICIES = [
    PROVENANCE.name,
    "explicit-provider-final-state",
    *REGIONLESS,
    sp.JOINED_PUBLIC_POLICY,
    sp.HELD_DOCUMENT_POLICY,
    sp.STACK_SET_POLICY,
]
"""Every stack policy of the pack, in the order ``build_policies`` gives them."""


def _apart_pack() -> Pack:
    """The pack with each stack policy judging the stack itself (a judgement of its own, as before perf65 for the
    provenance and final-state provider policies)."""
    codes = sorted(load_catalogue().jurisdictions)
    own: list[Policy] = [
        sp.provenance_policy(Engines(), codes),
        sp.explicit_provider_policy(Engines(), codes),
        *sp.regionless_policies(Engines(), codes),
    ]
    names = {p.name for p in own}
    return Pack(policies=[p for p in build_policies() if p.name not in names] + own)


def test_perf65_a_crash_judging_a_resource_with_the_stack_in_view_refuses_it_under_every_stack_policy(
    eu_config: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash in what reads ``known`` (here the stack's proofs for the workflow, ``_known``) stops the one judgement
    every stack policy reads: each reports the resource as one it could not judge (refused), the provenance and
    final-state provider policies too (before perf65 only the regionless ones did: the other two judged without
    ``known``). The other resources are judged as before."""
    known = sp._known

    def broken(engine: Any, resource: Any, stack: Any) -> Any:
        if resource.name == "flow":
            raise RuntimeError("boom")
        return known(engine, resource, stack)

    monkeypatch.setattr(sp, "_known", broken)
    diags = Pack().analyze_stack(OFFENDING)
    crashes = [d for d in diags if d.urn == OFFENDING[3].urn]
    assert [d.policy for d in crashes] == STACK_POLICIES
    for d in crashes:
        assert re.search(
            r"\] the residency policy pack could not judge aws:sfn/stateMachine:StateMachine 'flow' "
            r"\(RuntimeError: boom\), so it is refused\.",
            d.message,
        ), d.message
    assert [(d.policy, d.urn) for d in diags if d.policy in REGIONLESS and d.urn != OFFENDING[3].urn] == [
        (REGIONLESS[0], OFFENDING[2].urn),
        (REGIONLESS[2], OFFENDING[4].urn),
    ]


@pytest.mark.parametrize("override", ["cn-northwest-1", "ap-east-1", UNKNOWN], ids=["home", "abroad", "unknown"])
@pytest.mark.parametrize("provider", ["explicit", "default"])
def test_perf65_what_the_provenance_and_provider_policies_read_is_the_same_with_known(
    stack_config: Any, monkeypatch: pytest.MonkeyPatch, override: str, provider: str
) -> None:
    """perf64's counter-example in the pack: a StackSet whose one instance's override is unknown. With ``known`` (the
    shared judgement) its template runs with that override and a replica's Region is pending; without it (the
    judgement the two policies made before) the Default runs. What they read is the same: the RES-002 findings and the
    input keys holding an unknown; the whole pack reports the same, byte for byte, as each policy judging alone."""
    stack_config({"sovereign-dc:jurisdiction": "CN", "aws:region": "cn-north-1"})
    prov = CN_PROVIDER if provider == "explicit" else aws_provider("cn-north-1", "default_7_51_1")
    stack_set = dataclasses.replace(_trips_stack_set("cn-northwest-1"), provider=prov)
    instance = dataclasses.replace(_trips_instance(stack_set, override), provider=prov)
    bucket_policy = dataclasses.replace(policy_from(stack_set, instance), provider=prov)
    stack = [prov, stack_set, instance, bucket_policy]
    seen: list[tuple[Any, Any]] = []
    judge = sp._stack_judgement

    def kept(engine: RuleEngine, resource: Any, view: Any) -> Any:
        got = judge(engine, resource, view)
        if got is not None and not resource.resource_type.startswith("pulumi:providers:"):
            alone = engine.check(target(resource.resource_type, resource.name, resource.props,
                                           resource.provider).subject, defer=is_unknown)  # fmt: skip
            seen.append((got, alone))
        return got

    monkeypatch.setattr(sp, "_stack_judgement", kept)
    shared = Pack().analyze_stack(stack)
    assert len(seen) == 3
    for got, (findings, pending) in seen:
        assert [f for f in got.findings if f.rule.id == "RES-002"] == [f for f in findings if f.rule.id == "RES-002"]
        assert [p.top_key for p in got.pending if p.top_key] == [p.top_key for p in pending if p.top_key]
    template_pending = [len(got.pending) - len(alone[1]) for got, alone in seen]
    assert template_pending == ([1, 0, 0] if override is UNKNOWN else [0, 0, 0])  # the counter-example is live
    assert shared == _apart_pack().analyze_stack(stack)
    assert any(d.policy == "explicit-provider-final-state" for d in shared) is (provider == "default")
    # RES-014: the policy's unknown is computed from the StackSet, refused by its instance abroad or its provider.
    assert any(d.policy == PROVENANCE.name for d in shared) is (provider == "default" or override == "ap-east-1")


# -- perf66: a source judged as its own review judges it (issue 13, perf65's left-open (b)) ----------------------------


@pytest.mark.parametrize(
    ("default", "override", "refused"),
    [
        ("ap-east-1", "cn-northwest-1", set()),  # a foreign Default every instance overrides home: compliant
        ("cn-northwest-1", "ap-east-1", {"stack-set-instances-joined", PROVENANCE.name}),
        ("cn-northwest-1", "cn-northwest-1", set()),
    ],
    ids=["default-abroad-overridden", "override-abroad", "home"],
)
def test_perf66_a_stack_set_vouches_for_a_value_computed_from_it_as_its_instances_run_it(
    stack_config: Any, default: str, override: str, refused: set[str]
) -> None:
    """A value unknown at preview computed from a StackSet (a policy over its ARN) is judged by the StackSet as the
    stack policies judge it, its template run with its instances' overrides (``known``: ``stacksets.with_instances``).
    Before perf66 ``provenance._own_verdict`` judged it without ``known`` first: its foreign Default, which every
    instance overrides home, refused the policy (RES-014: a false alarm, while the StackSet itself passed); its home
    Default vouched for the policy while an instance ran the template abroad (RES-009 at the StackSet only)."""
    stack_config({"sovereign-dc:jurisdiction": "CN", "aws:region": "cn-north-1"})
    stack_set = _trips_stack_set(default)
    stack = [CN_PROVIDER, stack_set, _trips_instance(stack_set, override), policy_from(stack_set)]
    diags = Pack(pin_all("CN")).analyze_stack(stack)
    assert {d.policy for d in diags} == refused
    if refused:
        (res014,) = provenance(diags)
        assert res014.urn == stack[3].urn
        assert re.search(
            r"aws:cloudformation/stackSet:StackSet 'trips' is not in CN: \[RES-009\] "
            r"`templateBody\(json\)\.Resources\.Trips\.Properties\.Replicas\[1\]\.Region`",
            res014.message,
        ), res014.message
