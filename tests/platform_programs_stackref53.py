"""StackReference values whose stack name is computed, other organisations' stacks, and instances of StackSets made
elsewhere (stackref53).

Stop 52 (stackref52) made both doors of a first preview pass one input holding a value read from a referenced stack
beside a value the program's own resources make unknown. Left open there: the same input when the StackReference's
stack name is itself computed from a resource the program makes. The engine skips that read during a preview ("The
only time we can't run is if the ID we are given is unknown", pulumi pkg/resource/deploy/step.go ``ReadStep.Apply``:
its outputs are left empty and every value the program takes from them is unknown); the preview review then named the
StackReference as a source that cannot vouch (RES-014), while the policy pack in the same preview, never given the
read, passed: the doors disagreed. Since stop 53 a StackReference is left out of an unknown's sources at both doors,
read or not (``provenance.judged_by_its_values``): its values are judged where they are known (at ``up`` by the guard
and the pack's resource policies), the unknown by the input's other sources.

The programs, AWS in EU / DE / US / JP / CN (aws-cn in CN): ``computed-*`` the platform stack read once the role
its pipeline trusts exists (its name an ``apply`` of the role's ARN: unknown at a first preview), its subnets in a
Lambda's ``vpc_config`` beside the group the program makes (passes; RES-014 at the first preview's review before, the
pack passing), with the platform's queue (passes) or a partner's queue abroad (RES-006); ``org-*`` a stack of another
Pulumi organisation (the partner's) read by ``get_output``, its queue at home (passes) or abroad (RES-006), its Region
as a provider's (RES-001 abroad); ``ext-host-home`` an instance of a StackSet made elsewhere given the Region's SQS
host under a neutral Parameter name (passes; its twin with a partner's database host passed every door on the
unchanged engine and here: left open, not a row); ``tpl-url-*`` a ``cloudformation.Stack`` whose template is kept in
S3: the team's declared bucket (passes), a partner's bucket in the stack's Region (RES-017 outside CN, whose partition
proves it), a partner's bucket abroad (RES-006 at its host).

Reproduced on the unchanged engine (main 45eea1d, with this module and the test kit's ``FirstPreviewMocks`` that skips
a read whose id is unknown): 15 of the 110 table tests failed, the 15 ``computed-*`` programs at the first preview
(docs/residency.md "Computed StackReference names, other organisations' stacks and external StackSet hosts (stop
53)"). tests/test_realistic_programs.py runs them as CASES (``stackref53-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import (
    AWS_ABROAD,
    AWS_HOME,
    OWN_ACCOUNT,
    SUBNETS,
    UNPINNED_PARTNER,
    Build,
    dns_suffix,
    trust_policy,
)

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
TRIPS = "partner-trips"
"""The organisation's trips StackSet, made by the platform team's program (none of this program's)."""
VPC_ID = "vpc-0a1b2c3d4e5f60718"
"""The platform stack's VPC."""
TEMPLATES_DECLARED: dict[str, dict[str, Any]] = {
    code: {"id": "fleet-templates", "kind": "resident", "match": f"fleet-templates-{code.lower()}",
           "evidence": "the platform team's template bucket, made in the stack's home Region (platform stack's README)"}
    for code in AWS_CODES
}  # fmt: skip
"""The platform team's template bucket, declared by name (its name proves neither its Region nor its owner outside
aws-cn)."""


def platform_stack(code: str) -> str:
    """The full name of the platform stack the program references (this organisation's)."""
    return f"fleet/platform/{code.lower()}"


def partner_stack(code: str) -> str:
    """A stack of the partner's Pulumi organisation, shared with this one (``<organization>/<project>/<stack>``)."""
    return f"partner-logistics/exchange/{code.lower()}"


def platform_outputs(code: str) -> dict[str, Any]:
    """The platform stack's outputs as ``pulumi stack output`` shows them."""
    away = AWS_ABROAD.get(code, "eu-west-1")
    return {
        "vpcId": VPC_ID,
        "privateSubnetIds": SUBNETS,
        "jobsQueueUrl": f"https://sqs.{AWS_HOME[code]}.{dns_suffix(code)}/{OWN_ACCOUNT}/fleet-jobs",
        "partnerQueueUrl": f"https://sqs.{away}.amazonaws.com/{UNPINNED_PARTNER}/fleet-jobs",
    }


def partner_outputs(code: str) -> dict[str, Any]:
    """The partner's exchange stack's outputs: its intake queue in the jurisdiction's Region and one abroad, and the
    Region of each."""
    away = AWS_ABROAD.get(code, "eu-west-1")
    return {
        "intakeQueueUrl": f"https://sqs.{AWS_HOME[code]}.{dns_suffix(code)}/{UNPINNED_PARTNER}/exchange-intake",
        "globalQueueUrl": f"https://sqs.{away}.amazonaws.com/{UNPINNED_PARTNER}/exchange-intake",
        "region": AWS_HOME[code],
        "globalRegion": away,
    }


# -- A StackReference whose stack name is computed from a resource the program makes ---------------------------------


def computed_vpc_lambda(code: str, queue: str = "") -> Build:
    # docs: pulumi StackReference (stack_name: Input[str]), Output.apply; lambda/function (vpc_config, environment);
    # ec2/securitygroup (vpc_id); iam/role. The platform stack is read once the deployer role its pipeline trusts
    # exists: its name is an apply of the role's ARN, unknown at a first preview, so the engine skips the read there.
    def build(c: Any) -> object:
        deployer = aws.iam.Role("platform-reader", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        name = deployer.arn.apply(lambda _: platform_stack(code))
        # The Python SDK annotates `stack_name` as str, but passes it on as the read's input and id (both Inputs: the
        # Node SDK's StackReferenceArgs.name is Input<string>); an Output works at run time.
        platform = pulumi.StackReference("platform", stack_name=name)  # type: ignore[arg-type]
        # The group in the platform's VPC by its id, written out (a VPC id is no place): only `vpc_config` mixes the
        # referenced subnets with a value unknown at a first preview.
        group = aws.ec2.SecurityGroup("worker", vpc_id=VPC_ID, opts=c.aws)
        variables: dict[str, Any] = {"WORKER_GROUP": group.id}
        if queue:
            variables["JOBS_QUEUE_URL"] = platform.require_output(queue)
        return aws.lambda_.Function(
            "worker", role=deployer.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            vpc_config={"subnet_ids": platform.require_output("privateSubnetIds"), "security_group_ids": [group.id]},
            environment={"variables": variables}, opts=c.aws,
        )  # fmt: skip

    return build


# -- A stack of another Pulumi organisation ---------------------------------------------------------------------------


def org_queue(code: str, key: str) -> Build:
    # docs: pulumi StackReference (a stack of another organisation, "<organization>/<project>/<stack>"), get_output;
    # lambda/function (environment.variables)
    def build(c: Any) -> object:
        exchange = pulumi.StackReference("exchange", stack_name=partner_stack(code))
        role = aws.iam.Role("forwarder", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        return aws.lambda_.Function(
            "forwarder", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            environment={"variables": {"EXCHANGE_QUEUE_URL": exchange.get_output(key)}}, opts=c.aws,
        )  # fmt: skip

    return build


def org_region(code: str, key: str) -> Build:
    # docs: aws Provider (region, allowed_account_ids): the Region the partner's exchange stack exports (get_output)
    def build(c: Any) -> object:
        exchange = pulumi.StackReference("exchange", stack_name=partner_stack(code))
        where = aws.Provider("exchange-region", region=exchange.get_output(key), allowed_account_ids=[OWN_ACCOUNT])
        return aws.sqs.Queue("exchange-outbox", opts=pulumi.ResourceOptions(provider=where))

    return build


# -- An instance of a StackSet made elsewhere given a host ---------------------------------------------------------


def ext_host(code: str, host: str) -> Build:
    # docs: aws cloudformation/stacksetinstance (stack_set_name, account_id, stack_set_instance_region,
    # parameter_overrides "Key-value map of input parameters to override from the StackSet for this Instance")
    def build(c: Any) -> object:
        return aws.cloudformation.StackSetInstance(
            "trips", stack_set_name=TRIPS, account_id=OWN_ACCOUNT, stack_set_instance_region=AWS_HOME[code],
            parameter_overrides={"Target": host, "Environment": "prod"}, opts=c.aws,
        )  # fmt: skip

    return build


def own_service_host(code: str) -> str:
    """The jurisdiction's Region's SQS endpoint (an AWS service host the Region proves)."""
    return f"sqs.{AWS_HOME[code]}.{dns_suffix(code)}"


# -- A CloudFormation stack whose template is kept in S3 --------------------------------------------------------------


def template_url(code: str, url: str) -> Build:
    # docs: aws cloudformation/stack (template_url "Location of a file containing the template body (URL located in
    # an S3 bucket in the same region as the stack)", parameters)
    def build(c: Any) -> object:
        return aws.cloudformation.Stack(
            "trips", template_url=url, parameters={"Environment": "prod"}, capabilities=["CAPABILITY_IAM"],
            opts=c.aws,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]], dict[str, Any]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations, the outputs of the stacks it references by
    stack name) for the realistic table."""
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]], dict[str, Any]]] = []
    for code in AWS_CODES:
        p = f"stackref53-{code.lower()}"
        home, away, suffix = AWS_HOME[code], AWS_ABROAD.get(code, "eu-west-1"), dns_suffix(code)
        refs = {platform_stack(code): platform_outputs(code), partner_stack(code): partner_outputs(code)}
        own_templates = [TEMPLATES_DECLARED[code]] if code != "CN" else []
        own_url = f"https://fleet-templates-{code.lower()}.s3.{home}.{suffix}/trips.json"
        partner_url = f"https://exchange-templates.s3.{home}.{suffix}/trips.json"
        abroad_url = f"https://exchange-templates.s3.{away}.amazonaws.com/trips.json"
        out += [
            (f"{p}-computed-vpc-lambda", code, computed_vpc_lambda(code), set(), [], refs),
            (f"{p}-computed-vpc-lambda-queue-home", code, computed_vpc_lambda(code, "jobsQueueUrl"), set(), [], refs),
            (f"{p}-computed-vpc-lambda-queue-abroad", code, computed_vpc_lambda(code, "partnerQueueUrl"), {"RES-006"},
             [], refs),
            (f"{p}-org-queue-home", code, org_queue(code, "intakeQueueUrl"), set(), [], refs),
            (f"{p}-org-queue-abroad", code, org_queue(code, "globalQueueUrl"), {"RES-006"}, [], refs),
            (f"{p}-org-region-home", code, org_region(code, "region"), set(), [], refs),
            (f"{p}-org-region-abroad", code, org_region(code, "globalRegion"), {"RES-001"}, [], refs),
            (f"{p}-ext-host-home", code, ext_host(code, own_service_host(code)), set(), [], refs),
            (f"{p}-tpl-url-own", code, template_url(code, own_url), set(), own_templates, refs),
            (f"{p}-tpl-url-partner-home", code, template_url(code, partner_url), set() if code == "CN" else {"RES-017"},
             [], refs),
            (f"{p}-tpl-url-partner-abroad", code, template_url(code, abroad_url), {"RES-006"}, [], refs),
        ]  # fmt: skip
    return out
