"""pulumi.StackReference outputs at every front door (falsealarm51, stop 51; stackref52, stop 52; issue 9).

The tables (tests/platform_programs_falsealarm51.py, ``falsealarm51-*-stackref-*``; platform_programs_stackref52.py) run
programs reading the network stack's outputs, given through the mocks (``SovereignMocks(stack_outputs=...)``).
The engine reads a referenced stack during a preview as at ``up`` (a read step: "Unlike most steps, Read steps run
during previews", pulumi pkg/resource/deploy/step.go ``ReadStep.Apply``), so the doors judge the values themselves.

One input holding a value read from the referenced stack beside a value unknown at a first preview (a Lambda's
``vpc_config``: the network stack's subnets and the security group the program creates) was RES-014 at the preview
review and passed by the policy pack in the same preview (stop 51, left open). Since stop 52 both pass it: a read
whose outputs are all known at the preview cannot be where an unknown comes from, the values it gives are judged where
they stand, and the unknown is judged by the input's other sources (the security group, in the stack's own Region).
The pack never sees the read (pulumi-policy drops a dependency it was not given): both doors now make the same
judgement. Since stop 53 (stackref53) so is a StackReference whose stack name is unknown at the preview (the engine
skips its read; its values are judged at ``up``): ``provenance.judged_by_its_values``. The table rows
``stackref53-*-computed-*`` run such programs through every door and a first preview.
"""

from __future__ import annotations

import json
from typing import Any

import platform_programs_falsealarm51 as fa51
import platform_programs_stackref54 as sr54
import pytest
import test_realistic_programs as table
from engine_documents import FirstPreviewMocks, first_preview_document
from platform_parts import SUBNETS

from components.plan.documents import UNKNOWN, is_unknown
from components.plan.preview import parse_preview
from components.plan.review import review_document
from components.residency import audit_session
from components.residency.engine import ProviderRef, RuleEngine, Subject
from components.residency.provenance import (
    STACK_REFERENCE,
    Source,
    judged_by_its_values,
    refused_itself,
    unproven_unknowns,
)
from components.testing import run_pulumi_program


@pytest.mark.parametrize("code", ["EU", "CN"])
def test_a_referenced_value_beside_a_first_preview_unknown_passes_both_doors_of_that_preview(
    code: str, stack_config: Any
) -> None:
    case = table.Case(
        f"falsealarm51-{code.lower()}-stackref-vpc-lambda", code, fa51.stackref_vpc_lambda(code),
        references={fa51.network_stack(code): fa51.network_outputs(code)},
    )  # fmt: skip
    # `pulumi up`, `make plan`, the pack over the final state and both reviews of known values: compliant.
    assert table.guard_rules(case) == set()
    run, plan = table.plan_run(case)
    assert plan == set()
    assert table.pack_rules(case, run, stack_config) == set()
    preview, _, state = table.review_rules(case, run)
    assert preview == set() and state == set()
    # The first preview: the group's id is unknown, and `vpc_config` depends on it and on the StackReference.
    with audit_session():
        first = run_pulumi_program(
            table._program(case, "raise"), project="sovereign-dc", stack=code.lower(), config=table._config(case),
            preview=True, mocks=FirstPreviewMocks(table._mocks(case)),
        )  # fmt: skip
    assert first.error is None, first.error
    document = first_preview_document(first.resources, table._config(case))
    reviewed = review_document(parse_preview(document, "f.json"))
    # The read ran during the preview: the network stack's subnets are known and judged as values; the unknown is the
    # security group's id, judged by the group (in the stack's Region). The policy pack, never given the read, agrees.
    assert [(v.rule, v.resource_name, v.path) for v in reviewed.violations] == []
    assert table.pack_rules(case, first, stack_config, preview=True) == set()
    # stackref53: the same document whose read step shows no outputs (a stack name unknown at the preview: the engine
    # skips the read, step.go ReadStep.Apply) was RES-014 at `vpcConfig` here while the pack passed; the StackReference
    # is left out of the unknown's sources read or not (provenance.judged_by_its_values), as the pack leaves it out.
    unread = json.loads(document)
    for step in unread["steps"]:
        if step["newState"]["type"] == "pulumi:pulumi:StackReference":
            step["newState"].pop("outputs")
    reviewed = review_document(parse_preview(json.dumps(unread), "f.json"))
    assert [(v.rule, v.resource_name, v.path) for v in reviewed.violations] == []


def test_a_stack_reference_read_at_the_preview_or_not_is_no_source_of_an_unknown() -> None:
    # stackref52, stackref53: the one engine function both doors use (provenance.unproven_unknowns). A StackReference,
    # read at the preview (its values known, judged where they stand) or not (its stack name unknown: its values
    # unknown there and judged at `up`), is no source an unknown is judged by; the input's other sources judge it (the
    # pack, never given the read, judges the same list). stackref53b (stop 53): an unknown with no other recorded
    # source passes the preview (RES-014 before), as the pack, whose list is emptied, passes it; a cloud resource the
    # program reads (`Vpc.get`, Source.read) is left out too, read by a known id or not.
    engine = RuleEngine("EU")
    eu = ProviderRef("aws", "eu", "eu-west-1")
    worker = Subject(
        "aws:lambda/function:Function", "worker",
        {"vpc_config": {"subnet_ids": list(SUBNETS), "security_group_ids": [UNKNOWN]}}, eu,
    )  # fmt: skip
    group = Source(
        "aws:ec2/securityGroup:SecurityGroup", "worker",
        Subject("aws:ec2/securityGroup:SecurityGroup", "worker", {"vpc_id": "vpc-0a1b2c3d4e5f60718"}, eu),
    )  # fmt: skip
    read = Source(STACK_REFERENCE, "network", Subject(STACK_REFERENCE, "network", {"name": "fleet/network/eu"}))
    unread = Source(STACK_REFERENCE, "network", Subject(STACK_REFERENCE, "network", {"name": UNKNOWN}, read_id=UNKNOWN))
    abroad = Source(
        "aws:ec2/securityGroup:SecurityGroup", "partner",
        Subject("aws:ec2/securityGroup:SecurityGroup", "partner", {"vpc_id": "vpc-0a1b2c3d4e5f60718"},
                ProviderRef("aws", "us", "us-east-1")),
        Subject("pulumi:providers:aws", "us", {"region": "us-east-1"}),
    )  # fmt: skip

    def problems(*sources: Source) -> list[tuple[str, str, tuple[str, ...]]]:
        found = unproven_unknowns(
            engine, worker, defer=is_unknown, property_dependencies={"vpc_config": list(sources)}, dependencies=[]
        )
        return [(p.key, p.basis, p.reasons) for p in found]

    vpc = Source(
        "aws:ec2/vpc:Vpc", "platform", Subject("aws:ec2/vpc:Vpc", "platform", {}, eu, read_id=UNKNOWN), read=True
    )
    vpc_abroad = Source(
        "aws:ec2/vpc:Vpc", "platform",
        Subject("aws:ec2/vpc:Vpc", "platform", {}, ProviderRef("aws", "us", "us-east-1"), read_id=UNKNOWN),
        Subject("pulumi:providers:aws", "us", {"region": "us-east-1"}), read=True,
    )  # fmt: skip
    assert judged_by_its_values(read) and judged_by_its_values(unread) and not judged_by_its_values(group)
    assert judged_by_its_values(vpc) and judged_by_its_values(vpc_abroad)
    assert problems(group, read) == [] and problems(group, unread) == [] and problems(group, vpc) == []
    assert problems(read) == [] and problems(unread) == [] and problems(vpc) == [] and problems(vpc_abroad) == []
    # (the read's provider abroad is its own RES-001 at every door: a resource of the stack)
    # The other sources still judge: a group abroad beside an unread StackReference is refused by the group.
    [(key, basis, (reason,))] = problems(abroad, unread)
    assert (key, basis) == ("vpc_config", "is computed from 1 resource(s)")
    assert reason.startswith("aws:ec2/securityGroup:SecurityGroup 'partner' is not in EU: [RES-001] `region`"), reason


# stackref54 (stop 54): an unknown whose document records no source (an invoke's result: pulumi 3.272.0
# `runtime/invoke.py` resolves it with no resources) is proven when every step of the preview vouches (falsealarm50).
# A read (a StackReference, a cloud `get`) is judged by its values, as provenance.unproven_unknowns leaves it out of a
# recorded list, and a step refused by a finding of its own (a provider abroad) is reported at every door: neither
# keeps the unknown from being proven. Before, a StackReference in the program made the registry's bucket-policy example
# (get_policy_document_output over the bucket's ARN) RES-014 at its first preview's review, and a VPC looked up under a
# provider abroad added RES-014 beside the provider's RES-001 there; the policy pack, never given an invoke, passed the
# first and said RES-001 alone for the second. A step that cannot vouch and is not refused by the engine (a resource of
# no cloud package the catalogue covers) still leaves the unknown unproven.
def _first_preview(case: table.Case) -> Any:
    with audit_session():
        first = run_pulumi_program(
            table._program(case, "raise"), project="sovereign-dc", stack=case.code.lower(), config=table._config(case),
            preview=True, mocks=FirstPreviewMocks(table._mocks(case)),
        )  # fmt: skip
    assert first.error is None, first.error
    return first


@pytest.mark.parametrize("code", ["EU", "CN"])
def test_an_unknown_no_step_records_is_judged_as_the_pack_judges_it(code: str, stack_config: Any) -> None:
    refs = {sr54.platform_stack(code): sr54.platform_outputs(code)}
    policy = table.Case("policy", code, sr54.ref_policy_document(code), references=refs)
    run = _first_preview(policy)
    document = first_preview_document(run.resources, table._config(policy))
    assert [v.rule for v in review_document(parse_preview(document, "f.json")).violations] == []
    assert table.pack_rules(policy, run, stack_config, preview=True) == set()
    # A step of no covered package beside them cannot vouch: the bucket policy's `policy` stays unproven.
    steps = json.loads(document)
    read = next(s for s in steps["steps"] if s["newState"]["type"] == "pulumi:pulumi:StackReference")
    other = {**read["newState"], "type": "kubernetes:core/v1:ConfigMap", "urn": read["urn"] + "-cm", "custom": True}
    steps["steps"].append({"op": "create", "urn": other["urn"], "provider": "", "newState": other})
    reviewed = review_document(parse_preview(json.dumps(steps), "f.json"))
    assert ("RES-014", "exports", "policy") in {(v.rule, v.resource_name, v.path) for v in reviewed.violations}
    # A VPC looked up under a provider abroad by a filter unknown at the preview: the provider's RES-001, alone.
    abroad = table.Case("abroad", code, sr54.invoke_vpc_abroad())
    run = _first_preview(abroad)
    reviewed = review_document(parse_preview(first_preview_document(run.resources, table._config(abroad)), "f.json"))
    assert [(v.rule, v.resource_name) for v in reviewed.violations] == [("RES-001", "abroad")]
    assert table.pack_rules(abroad, run, stack_config, preview=True) == {"RES-001"}


def test_a_step_is_refused_itself_only_by_a_finding_of_its_own() -> None:
    # stackref54: provenance.refused_itself, what the review's every-step test leaves out.
    engine = RuleEngine("EU")
    us = Subject("pulumi:providers:aws", "us", {"region": "us-east-1"})
    eu = Subject("pulumi:providers:aws", "eu", {"region": "eu-west-1"})
    unknown = Subject("pulumi:providers:aws", "later", {"region": UNKNOWN})
    group = Subject("aws:ec2/securityGroup:SecurityGroup", "g", {}, ProviderRef("aws", "eu", "eu-west-1"))
    in_us = Subject("aws:ec2/securityGroup:SecurityGroup", "g", {}, ProviderRef("aws", "us", "us-east-1"))
    assert refused_itself(engine, Source(us.type, "us", us), is_unknown)
    assert refused_itself(engine, Source(in_us.type, "g", in_us, us), is_unknown)
    assert not refused_itself(engine, Source(eu.type, "eu", eu), is_unknown)
    assert not refused_itself(engine, Source(group.type, "g", group, eu), is_unknown)
    # Not refused, yet no voucher (RES-014 stays where an unknown may come from them): a provider whose region is
    # unknown at the preview, a StackReference, a resource of no covered package, a dependency not in the document.
    assert not refused_itself(engine, Source(unknown.type, "later", unknown), is_unknown)
    assert not refused_itself(engine, Source(STACK_REFERENCE, "p", Subject(STACK_REFERENCE, "p", {})), is_unknown)
    cm = Subject("kubernetes:core/v1:ConfigMap", "cm", {})
    assert not refused_itself(engine, Source(cm.type, "cm", cm), is_unknown)
    assert not refused_itself(engine, "urn:pulumi:eu::p::aws:s3/bucket:Bucket::gone", is_unknown)
