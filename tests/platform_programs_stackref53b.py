"""Cloud resources read by an id computed from a resource the program makes, at a first preview (stackref53b).

stackref53 left open (docs/residency.md "Computed StackReference names, ... (stop 53)", "Left open"): a value taken
only from a cloud resource the program reads by an id unknown at the preview (``aws.ec2.Vpc.get(id=<an apply of a
role's ARN>)``) passed the first preview's review (the read step's provider is in the jurisdiction) and was RES-014 at
the pack in the same preview: the doors disagreed, and the pack, a mandatory policy, refused a compliant program's
first preview (so its ``pulumi up``, which previews first). The engine skips such a read during a preview ("The only
time we can't run is if the ID we are given is unknown", pulumi pkg/resource/deploy/step.go ``ReadStep.Apply``, its
outputs left empty, each resolved unknown by the SDK), and the policy pack is never given a read (pulumi-policy
``policy.py`` keeps only the dependency URNs of the resources it was given: an input whose only source is a read has
an empty list there). Since stop 53 (stackref53b) every read, a StackReference or a cloud ``get``, is left out of an
unknown's sources at both doors (``provenance.judged_by_its_values``) and an input whose every source is a read passes
the preview: its values are known at ``up``, where the guard and the pack's resource policies judge them before the
resource registers; the read's provider is a resource of the stack, judged at every door.

The programs, AWS in EU / DE / US / JP / CN (aws-cn in CN) and Alibaba Cloud in CN / JP / DE: ``read-vpc-group`` the
platform VPC read once the role its pipeline trusts exists (its id an ``apply`` of the role's ARN), a security group
made in it (``vpc_id`` from the read only: passes; RES-014 at the pack's first preview before, the review passing);
``read-vpc-lambda`` its id beside the group's in a Lambda's ``vpc_config`` (passes, as before); ``read-vpc-abroad``
the VPC read under a provider abroad (RES-001 at the provider, every door; at the first preview the review added
RES-014 for the group the pack did not see); ``ali-read-vpc-group`` / ``-abroad`` the Alibaba Cloud twins
(``alicloud.vpc.Network.get``, an ``ecs.SecurityGroup`` in it); ``invoke-vpc-group`` the VPC looked up by
``aws.ec2.get_vpc_output`` with a filter naming the role (unknown at a first preview: passes, as on main). Its twin
under a provider abroad is RES-001 at every door, but at the first preview the review adds RES-014 (the invoke's
result has no recorded source and a step of the document, the provider abroad, does not vouch: ``_every_step_vouches``)
and the pack does not: the same on main, left open, not a row. ``ref-vpc-group`` the group's ``vpc_id`` taken only from
a StackReference whose stack name is computed (stackref53's Left open: RES-014 at both doors of the first preview
before; passes now).

Reproduced on the unchanged engine (main 7f5945bc, this module with main's ``components``): 13 of the 62 table tests
of the 31 programs failed, all at the first preview: the 8 ``read-vpc-group`` / ``ali-read-vpc-group`` programs (the
pack RES-014, the review passing) and the 5 ``ref-vpc-group`` programs (RES-014 at both doors); the rest pass on main
and here (docs/residency.md "Cloud resources read by a computed id at a first preview (stop 53)").
tests/test_realistic_programs.py runs them as CASES
(``stackref53b-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import AWS_ABROAD, OWN_ACCOUNT, SUBNETS, Build, trust_policy

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
VPC_ID = "vpc-0a1b2c3d4e5f60718"
"""The platform team's VPC (AWS)."""
ALI_VPC_ID = "vpc-bp1a2b3c4d5e6f7g8h9i0"
"""The platform team's VPC (Alibaba Cloud)."""
ALI_ABROAD = {"CN": "us-west-1", "JP": "us-west-1", "DE": "us-west-1"}


def aws_abroad(code: str) -> pulumi.ResourceOptions:
    """A provider pinned to the team's account in a Region abroad."""
    where = aws.Provider("abroad", region=AWS_ABROAD.get(code, "eu-west-1"), allowed_account_ids=[OWN_ACCOUNT])
    return pulumi.ResourceOptions(provider=where)


def read_vpc_group(abroad: bool) -> Build:
    # docs: aws ec2/vpc (Vpc.get(resource_name, id, opts): "Get an existing Vpc resource's state with the given name,
    # id"); ec2/securitygroup (vpc_id); iam/role. The VPC is read once the role the platform pipeline trusts exists:
    # its id an apply of the role's ARN, unknown at a first preview, so the engine skips the read there.
    def build(c: Any) -> object:
        reader = aws.iam.Role("platform-reader", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        opts = aws_abroad(c.code) if abroad else c.aws
        vpc = aws.ec2.Vpc.get("platform", reader.arn.apply(lambda _: VPC_ID), opts=opts)
        return aws.ec2.SecurityGroup("worker", vpc_id=vpc.id, description="workers", opts=c.aws)

    return build


def read_vpc_lambda() -> Build:
    # docs: aws ec2/vpc (Vpc.get), lambda/function (vpc_config), ec2/securitygroup
    def build(c: Any) -> object:
        reader = aws.iam.Role("platform-reader", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        vpc = aws.ec2.Vpc.get("platform", reader.arn.apply(lambda _: VPC_ID), opts=c.aws)
        group = aws.ec2.SecurityGroup("worker", vpc_id=VPC_ID, opts=c.aws)
        return aws.lambda_.Function(
            "worker", role=reader.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            vpc_config={"subnet_ids": SUBNETS, "security_group_ids": [group.id]},
            environment={"variables": {"WORKER_GROUP": group.id, "PLATFORM_VPC": vpc.id}}, opts=c.aws,
        )  # fmt: skip

    return build


def invoke_vpc_group() -> Build:
    # docs: aws ec2/getvpc (get_vpc_output(filters=[{"name": ..., "values": [...]}]): "provides details about a
    # specific VPC"), ec2/securitygroup (vpc_id). The VPC is looked up by a tag naming the role the program makes (a
    # filter unknown at a first preview: the SDK makes no call and resolves the result unknown).
    def build(c: Any) -> object:
        reader = aws.iam.Role("platform-reader", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        vpc = aws.ec2.get_vpc_output(
            filters=reader.name.apply(lambda n: [aws.ec2.GetVpcFilterArgs(name="tag:Reader", values=[n])]),
            opts=pulumi.InvokeOutputOptions(provider=c.aws.provider),
        )
        return aws.ec2.SecurityGroup("worker", vpc_id=vpc.id, description="workers", opts=c.aws)

    return build


def ali_read_vpc_group(abroad: bool) -> Build:
    # docs: alicloud vpc/network (Network.get(resource_name, id, opts)); ecs/securitygroup (vpc_id); ram/role
    def build(c: Any) -> object:
        reader = alicloud.ram.Role(
            "platform-reader", role_name="platform-reader", opts=c.ali,
            assume_role_policy_document='{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow",'
            '"Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}',
        )  # fmt: skip
        if abroad:
            where = alicloud.Provider("abroad", region=ALI_ABROAD[c.code])
            opts = pulumi.ResourceOptions(provider=where)
        else:
            opts = c.ali
        vpc = alicloud.vpc.Network.get("platform", reader.arn.apply(lambda _: ALI_VPC_ID), opts=opts)
        return alicloud.ecs.SecurityGroup("worker", vpc_id=vpc.id, security_group_name="workers", opts=c.ali)

    return build


def platform_stack(code: str) -> str:
    """The platform stack the ``ref-vpc-group`` programs reference (this organisation's)."""
    return f"fleet/platform/{code.lower()}"


def ref_vpc_group() -> Build:
    # docs: pulumi StackReference (stack_name, require_output); ec2/securitygroup (vpc_id). stackref53's Left open: the
    # platform stack read once the role its pipeline trusts exists (its name an apply of the role's ARN), the group's
    # `vpc_id` taken only from it.
    def build(c: Any) -> object:
        reader = aws.iam.Role("platform-reader", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        # The Python SDK annotates `stack_name` as str; an Output works at run time (stackref53's table module).
        platform = pulumi.StackReference(
            "platform",
            stack_name=reader.arn.apply(lambda _: platform_stack(c.code)),  # type: ignore[arg-type]
        )
        return aws.ec2.SecurityGroup(
            "worker", vpc_id=platform.require_output("vpcId"), description="workers", opts=c.aws
        )

    return build


Row = tuple[str, str, Build, set[str], list[dict[str, Any]], dict[str, Any]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations, the outputs of the stacks it references by
    stack name) for the realistic table."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"stackref53b-{code.lower()}"
        refs = {platform_stack(code): {"vpcId": VPC_ID, "privateSubnetIds": SUBNETS}}
        out += [
            (f"{p}-read-vpc-group", code, read_vpc_group(False), set(), [], {}),
            (f"{p}-read-vpc-lambda", code, read_vpc_lambda(), set(), [], {}),
            (f"{p}-read-vpc-abroad", code, read_vpc_group(True), {"RES-001"}, [], {}),
            (f"{p}-invoke-vpc-group", code, invoke_vpc_group(), set(), [], {}),
            (f"{p}-ref-vpc-group", code, ref_vpc_group(), set(), [], refs),
        ]
    for code in ALI_CODES:
        p = f"stackref53b-{code.lower()}"
        out += [
            (f"{p}-ali-read-vpc-group", code, ali_read_vpc_group(False), set(), [], {}),
            (f"{p}-ali-read-vpc-abroad", code, ali_read_vpc_group(True), {"RES-001"}, [], {}),
        ]
    return out
