"""StackSet instances whose StackSet another program made, and StackReference values at a first preview (stackref52).

Stop 51 (stackjoin51) judged an instance of a StackSet / stack group the program does not make by its overrides: a
foreign Region under any Parameter name is RES-009 (the template nobody here can read is no proof), an in-country one
passes. These programs are the rest of that door: an instance of the organisation's StackSet made elsewhere
(``partner-trips``, a literal name, or the name another stack exports through ``pulumi.StackReference``), in the
stack's own account and Region with in-country overrides (passes), in a Region abroad (its stack is made there), in
a partner's account, and the same written in a template: an ``AWS::CloudFormation::StackSet`` whose template is an
S3 ``TemplateURL`` (no body to read), an ``ALIYUN::ROS::StackInstances`` naming a stack group the template does not
make. And the StackReference part: a Lambda's ``vpc_config`` holding the network stack's subnets beside the security
group the program makes (RES-014 at the first preview's review, passed by the pack, before stop 52; both pass now),
and its twin whose environment gives a partner's queue read from the network stack beside the group's id (RES-006).

Reproduced on the unchanged engine (main faa992a; docs/residency.md "StackReference values at a first preview, and
StackSet instances made elsewhere (stop 52)"). ``shape`` and the rules refusing it, AWS in EU / DE / US / JP / CN
(aws-cn in CN) and ROS in CN / JP / DE (see ``AWS_SHAPES`` / ``ALI_SHAPES``).
tests/test_realistic_programs.py runs them as CASES (``stackref52-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_ABROAD,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
    OWN_UID,
    PARTNER_UID,
    SUBNETS,
    UNPINNED_PARTNER,
    Build,
    Row,
    dns_suffix,
    ros_template,
    trust_policy,
)
from platform_programs_stackset49 import ALI_PEER_ABROAD, ALI_PEER_HOME, AWS_REPLICA_ABROAD, AWS_REPLICA_HOME

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
TRIPS = "partner-trips"
"""The organisation's trips StackSet, made by the platform team's program (none of this program's)."""
PEERING = "partner-peering"
"""The organisation's peering stack group, made by the platform team's program."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-east-1"}
"""An Alibaba Cloud Region outside each jurisdiction, where an instance's stack would be made."""
TEMPLATES_DECLARED: dict[str, dict[str, Any]] = {
    code: {"id": "fleet-templates", "kind": "resident", "match": f"fleet-templates-{code.lower()}",
           "evidence": "the platform team's template bucket, made in the stack's home Region (platform stack's README)"}
    for code in AWS_CODES
}  # fmt: skip
"""The platform team's template bucket, declared by name: its name proves neither its Region nor its owner (RES-017
outside aws-cn, whose partition proves it), so the ``tpl-url-*`` programs declare it, as a user would."""
VPC_ID = "vpc-0a1b2c3d4e5f60718"
"""The network stack's VPC."""


def network_stack(code: str) -> str:
    """The full name of the platform stack the program references."""
    return f"fleet/platform/{code.lower()}"


def platform_outputs(code: str) -> dict[str, Any]:
    """The platform stack's outputs as ``pulumi stack output`` shows them: the StackSet's and stack group's names, the
    network's VPC and subnets, and a partner's queue abroad (read by the offending twin)."""
    away = AWS_ABROAD.get(code, "eu-west-1")
    return {
        "tripsStackSet": TRIPS,
        "peeringStackGroup": PEERING,
        "vpcId": VPC_ID,
        "privateSubnetIds": SUBNETS,
        "jobsQueueUrl": f"https://sqs.{AWS_HOME[code]}.{dns_suffix(code)}/{OWN_ACCOUNT}/fleet-jobs",
        "partnerQueueUrl": f"https://sqs.{away}.amazonaws.com/{UNPINNED_PARTNER}/fleet-jobs",
    }


def _platform(code: str) -> pulumi.StackReference:
    # docs: pulumi StackReference (name: "<organization>/<project>/<stack>"), require_output
    return pulumi.StackReference("platform", stack_name=network_stack(code))


# -- AWS: instances of a StackSet made elsewhere ---------------------------------------------------------------------

AWS_SHAPES: dict[str, set[str]] = {
    "ext-home": set(),
    "ext-instances-home": set(),
    "ext-region-abroad": {"RES-009"},
    "ext-instances-regions-abroad": {"RES-009"},
    "ext-partner-account": set(),
    "ext-targets-partner": set(),
    "stackref-home": set(),
    "stackref-abroad": {"RES-009"},
    "tpl-url-home": set(),
    "tpl-url-override-abroad": {"RES-009"},
    "tpl-url-region-abroad": {"RES-009"},
}
"""AWS program shapes and the rules refusing them."""


def _overrides(code: str, where: str) -> dict[str, str]:
    """What the instance gives the external template: the replica Region `Where` and a value of no Region's form."""
    return {"Where": AWS_REPLICA_HOME[code] if where == "home" else AWS_REPLICA_ABROAD[code], "Environment": "prod"}


def aws_external(code: str, shape: str) -> Build:
    # docs: aws cloudformation/stacksetinstance (stack_set_name, account_id, stack_set_instance_region "Target AWS
    # Region to create a Stack based on the StackSet", parameter_overrides), cloudformation/stackinstances (accounts,
    # regions, deployment_targets.accounts, parameter_overrides)
    def build(c: Any) -> object:
        home, abroad = AWS_HOME[code], AWS_ABROAD.get(code, "eu-west-1")
        name: Any = _platform(code).require_output("tripsStackSet") if shape.startswith("stackref-") else TRIPS
        given = _overrides(code, "abroad" if shape == "stackref-abroad" else "home")
        if shape.startswith("ext-instances") or shape == "ext-targets-partner":
            regions = [home, abroad] if shape == "ext-instances-regions-abroad" else [home]
            accounts: dict[str, Any] = (
                {"deployment_targets": {"accounts": [UNPINNED_PARTNER]}}
                if shape == "ext-targets-partner"
                else {"accounts": [OWN_ACCOUNT]}
            )
            return aws.cloudformation.StackInstances(
                "trips", stack_set_name=name, regions=regions, parameter_overrides=given, opts=c.aws, **accounts
            )
        return aws.cloudformation.StackSetInstance(
            "trips", stack_set_name=name,
            account_id=UNPINNED_PARTNER if shape == "ext-partner-account" else OWN_ACCOUNT,
            stack_set_instance_region=abroad if shape == "ext-region-abroad" else home,
            parameter_overrides=given, opts=c.aws,
        )  # fmt: skip

    return build


def aws_template_url(code: str, shape: str) -> Build:
    # docs: AWS::CloudFormation::StackSet (TemplateURL "Location of file containing the template body", PermissionModel
    # SELF_MANAGED, StackInstancesGroup [{DeploymentTargets.Accounts, Regions, ParameterOverrides}]) in a Pulumi
    # cloudformation/stack's template_body: the organisation's trips template kept in the platform team's bucket.
    def build(c: Any) -> object:
        home, abroad = AWS_HOME[code], AWS_ABROAD.get(code, "eu-west-1")
        url = f"https://fleet-templates-{code.lower()}.s3.{home}.{dns_suffix(code)}/trips.json"
        where = "abroad" if shape == "tpl-url-override-abroad" else "home"
        overrides = [{"ParameterKey": k, "ParameterValue": v} for k, v in _overrides(code, where).items()]
        group = {
            "DeploymentTargets": {"Accounts": [OWN_ACCOUNT]},
            "Regions": [home, abroad] if shape == "tpl-url-region-abroad" else [home],
            "ParameterOverrides": overrides,
        }
        template = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"TripsSet": {
            "Type": "AWS::CloudFormation::StackSet", "Properties": {
                "StackSetName": "trips", "PermissionModel": "SELF_MANAGED", "TemplateURL": url,
                "StackInstancesGroup": [group]}}}}  # fmt: skip
        return aws.cloudformation.Stack("trips-rollout", template_body=json.dumps(template), opts=c.aws)

    return build


# -- Alibaba Cloud: instances of a stack group made elsewhere --------------------------------------------------------

ALI_SHAPES: dict[str, set[str]] = {
    "ros-ext-home": set(),
    "ros-ext-region-abroad": {"RES-009"},
    "ros-ext-partner-account": set(),
    "ros-stackref-home": set(),
    "ros-stackref-abroad": {"RES-009"},
    "ros-tpl-home": set(),
    "ros-tpl-override-abroad": {"RES-009"},
    "ros-tpl-region-abroad": {"RES-009"},
}
"""ROS program shapes and the rules refusing them."""


def _ali_overrides(code: str, where: str) -> dict[str, str]:
    return {"Where": ALI_PEER_HOME[code] if where == "home" else ALI_PEER_ABROAD[code], "Environment": "prod"}


def ali_external(code: str, shape: str) -> Build:
    # docs: alicloud ros/stackinstance (stack_group_name, stack_instance_account_id, stack_instance_region_id,
    # parameter_overrides [{parameter_key, parameter_value}]); ALIYUN::ROS::StackInstances (StackGroupName, AccountIds,
    # RegionIds, ParameterOverrides Map) in a Pulumi ros/stack's template_body
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        home, abroad = ALI_HOME[code], ALI_ABROAD[code]
        where = "abroad" if shape in ("ros-stackref-abroad", "ros-tpl-override-abroad") else "home"
        given = _ali_overrides(code, where)
        if shape.startswith("ros-tpl-"):
            regions = [home, abroad] if shape == "ros-tpl-region-abroad" else [home]
            resources = {"Instances": {"Type": "ALIYUN::ROS::StackInstances", "Properties": {
                "StackGroupName": PEERING, "RegionIds": regions, "AccountIds": [OWN_UID],
                "ParameterOverrides": given}}}  # fmt: skip
            return alicloud.ros.Stack("peering-rollout", stack_name="peering-rollout",
                                      template_body=ros_template(resources), opts=c.ali)  # fmt: skip
        name: Any = _platform(code).require_output("peeringStackGroup") if "stackref" in shape else PEERING
        return alicloud.ros.StackInstance(
            "peering", stack_group_name=name,
            stack_instance_account_id=PARTNER_UID if shape == "ros-ext-partner-account" else OWN_UID,
            stack_instance_region_id=abroad if shape == "ros-ext-region-abroad" else home,
            parameter_overrides=[{"parameter_key": k, "parameter_value": v} for k, v in given.items()], opts=c.ali,
        )  # fmt: skip

    return build


# -- StackReference values beside a value unknown at a first preview --------------------------------------------------


def vpc_lambda(code: str, queue: str = "") -> Build:
    # docs: lambda/function (vpc_config: subnet_ids from the platform stack, security_group_ids of the group the
    # program makes; environment.variables), ec2/securitygroup (vpc_id)
    def build(c: Any) -> object:
        platform = _platform(code)
        group = aws.ec2.SecurityGroup("worker", vpc_id=platform.require_output("vpcId"), opts=c.aws)
        role = aws.iam.Role("worker", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        variables: dict[str, Any] = {"WORKER_GROUP": group.id}
        if queue:
            variables["JOBS_QUEUE_URL"] = platform.require_output(queue)
        return aws.lambda_.Function(
            "worker", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            vpc_config={"subnet_ids": platform.require_output("privateSubnetIds"), "security_group_ids": [group.id]},
            environment={"variables": variables}, opts=c.aws,
        )  # fmt: skip

    return build


def _rows() -> list[Row]:
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"stackref52-{code.lower()}"
        for shape, rules in AWS_SHAPES.items():
            make = aws_template_url if shape.startswith("tpl-") else aws_external
            declared = [TEMPLATES_DECLARED[code]] if shape.startswith("tpl-") and code != "CN" else []
            out.append((f"{p}-{shape}", code, make(code, shape), set(rules), declared))
        out += [
            (f"{p}-vpc-lambda", code, vpc_lambda(code), set(), []),
            (f"{p}-vpc-lambda-queue-home", code, vpc_lambda(code, "jobsQueueUrl"), set(), []),
            (f"{p}-vpc-lambda-queue-abroad", code, vpc_lambda(code, "partnerQueueUrl"), {"RES-006"}, []),
        ]
    for code in ALI_CODES:
        out += [(f"stackref52-{code.lower()}-{shape}", code, ali_external(code, shape), set(rules), [])
                for shape, rules in ALI_SHAPES.items()]  # fmt: skip
    return out


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]], dict[str, Any]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations, the outputs of the stacks it references by
    stack name) for the realistic table."""
    return [
        (id_, code, build, expected, declared, {network_stack(code): platform_outputs(code)})
        for id_, code, build, expected, declared in _rows()
    ]
