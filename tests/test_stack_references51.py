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
import pytest
import test_realistic_programs as table
from engine_documents import FirstPreviewMocks, first_preview_document
from platform_parts import SUBNETS

from components.plan.documents import UNKNOWN, is_unknown
from components.plan.preview import parse_preview
from components.plan.review import review_document
from components.residency import audit_session
from components.residency.engine import ProviderRef, RuleEngine, Subject
from components.residency.provenance import STACK_REFERENCE, Source, judged_by_its_values, unproven_unknowns
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
