"""Computed reads, StackSets and first previews, round 3 (stackref54).

Continues stackref53 / stackref53b (docs/residency.md "Computed StackReference names, ... (stop 53)", "Cloud resources
read by a computed id at a first preview (stop 53)"). What each door is given: an invoke whose argument is unknown at
a preview is not called, and the SDK resolves its result unknown with no resources (pulumi 3.272.0
``runtime/invoke.py``), so the preview document records no source for a value taken from it and the policy pack, never
given invokes, sees an unknown with no dependency (it passes it). The review proves such an unknown when every step of
the document vouches (falsealarm50, ``review._every_step_vouches``).

Reproduced on the unchanged engine (main 51ca59f4, this module): **29 of the 134 table tests failed** (21 programs):

- ``invoke-vpc-abroad`` (AWS, EU / DE / US / JP / CN) and ``ali-invoke-networks-abroad`` (CN / JP / DE): a VPC looked
  up by ``aws.ec2.get_vpc_output`` / ``alicloud.vpc.get_networks_output`` with a filter computed from a role the
  program makes, under a provider abroad, a security group made at home in it. Every door refuses the provider
  (RES-001); at the first preview the review added RES-014 for the group's ``vpcId`` (the provider's step does not
  vouch) and the pack did not: 8 first-preview failures.
- ``ref-policy-document`` (EU / DE / US / JP / CN): the registry's bucket-policy example (the policy from
  ``aws.iam.get_policy_document_output`` over the bucket's ARN) in a program that also reads the platform stack's
  ``vpcId`` by a StackReference: compliant, refused at its first preview by the review (RES-014 "the document records
  no resource it is computed from": the StackReference's read step does not vouch), passed by the pack: 5 failures.
- ``stackset-body-host-home`` (EU / DE / US / JP / CN): a StackSet the program makes whose inline template reads its
  function's ``DB_HOST`` from the Parameter ``Target``, its instance giving the Region's own SQS host: RES-015 at
  every door ("takes its host from Target ...: a Parameter ... is whatever the deployer passes"), while the same
  template in a ``cloudformation.Stack`` given that host passed: a false alarm, 10 failures (both tests); its ROS twin
  ``ali-group-host-home`` (CN / JP / DE: an ``alicloud.ros.StackGroup`` whose FC function reads ``DB_HOST`` from the
  Parameter its ``ros.StackInstance`` gives as the Region's OSS intranet endpoint), 6 failures.

What changed: a StackSet's (stack group's) template read once per instance run receives that run's Parameter values
(``engine._given_parameter``); the review's every-step test leaves out reads and steps refused by a finding of their
own (``review._step_vouches``, ``provenance.refused_itself``). Pinned, passing before and after: the secret queue URL
of another stack read by ``require_output``, ``get_output`` and an awaited ``get_output_details`` (home passes, abroad
RES-006 at every door; the preview blinds the secret and the pack reads it), the StackSet's instance giving a
partner's host (RES-015), a StackSet whose template is kept in S3 (``template_url``) given the Region's host, and the
Alibaba ``get_networks`` lookup at home. Left open (not a row: it would pin a leak as compliant): the same
``template_url`` StackSet's instance giving a partner's database host under the neutral name ``Target`` passed every
door (5 programs): no template is in view and a host-form reading of neutral overrides would refuse instance types
(``t3.micro``), handlers (``index.handler``) and file names.

Ids: ``stackref54-<code>-<shape>``. tests/test_realistic_programs.py runs them as CASES (``stackref54-*``).
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
    PARTNER_DB,
    UNPINNED_PARTNER,
    Build,
    dns_suffix,
    trust_policy,
)

from components.simulate.mocks import Secret

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
VPC_ID = "vpc-0a1b2c3d4e5f60718"
"""The platform stack's VPC."""
ALI_ABROAD = {"CN": "us-west-1", "JP": "us-west-1", "DE": "us-west-1"}
TRIPS = "fleet-trips"
"""The StackSet the program makes (its template kept in S3, or inline)."""
TEMPLATES_DECLARED: dict[str, dict[str, Any]] = {
    code: {"id": "fleet-templates", "kind": "resident", "match": f"fleet-templates-{code.lower()}",
           "evidence": "the platform team's template bucket, made in the stack's home Region (platform stack's README)"}
    for code in AWS_CODES
}  # fmt: skip
"""The platform team's template bucket, declared by name outside aws-cn (stackref53's ``tpl-url-own``)."""


def platform_stack(code: str) -> str:
    """The platform stack the programs reference (this organisation's)."""
    return f"fleet/platform/{code.lower()}"


def platform_outputs(code: str) -> dict[str, Any]:
    """The platform stack's outputs as ``pulumi stack output --show-secrets`` shows them: its queue URLs are secret
    outputs (``pulumi.export(..., pulumi.Output.secret(...))``), the intake at home and the partner's abroad."""
    away = AWS_ABROAD.get(code, "eu-west-1")
    return {
        "vpcId": VPC_ID,
        "jobsQueueUrl": Secret(f"https://sqs.{AWS_HOME[code]}.{dns_suffix(code)}/{OWN_ACCOUNT}/fleet-jobs"),
        "partnerQueueUrl": Secret(f"https://sqs.{away}.amazonaws.com/{UNPINNED_PARTNER}/fleet-jobs"),
    }


def aws_abroad(code: str) -> pulumi.ResourceOptions:
    """A provider pinned to the team's account in a Region abroad."""
    where = aws.Provider("abroad", region=AWS_ABROAD.get(code, "eu-west-1"), allowed_account_ids=[OWN_ACCOUNT])
    return pulumi.ResourceOptions(provider=where)


# -- An invoke with a computed argument -------------------------------------------------------------------------------


def invoke_vpc_abroad() -> Build:
    # docs: aws ec2/getvpc (get_vpc_output(filters=...), InvokeOutputOptions(provider=...)), ec2/securitygroup (vpc_id).
    # The VPC is looked up by a tag naming the role the program makes (unknown at a first preview: the SDK makes no
    # call and resolves the result unknown, with no dependency), under a provider pinned to a Region abroad.
    def build(c: Any) -> object:
        reader = aws.iam.Role("platform-reader", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        vpc = aws.ec2.get_vpc_output(
            filters=reader.name.apply(lambda n: [aws.ec2.GetVpcFilterArgs(name="tag:Reader", values=[n])]),
            opts=pulumi.InvokeOutputOptions(provider=aws_abroad(c.code).provider),
        )
        return aws.ec2.SecurityGroup("worker", vpc_id=vpc.id, description="workers", opts=c.aws)

    return build


def ali_invoke_networks(abroad: bool) -> Build:
    # docs: alicloud vpc/getnetworks (get_networks_output(name_regex=...): "This data source provides VPCs available
    # to the user"), ecs/securitygroup (vpc_id), ram/role. The VPC is looked up by a name the role the program makes
    # gives (unknown at a first preview).
    def build(c: Any) -> object:
        reader = alicloud.ram.Role(
            "platform-reader", role_name="platform-reader", opts=c.ali,
            assume_role_policy_document='{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow",'
            '"Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}',
        )  # fmt: skip
        provider = alicloud.Provider("abroad", region=ALI_ABROAD[c.code]) if abroad else c.ali.provider
        networks = alicloud.vpc.get_networks_output(
            name_regex=reader.role_name.apply(lambda _: "^default$"), opts=pulumi.InvokeOutputOptions(provider=provider)
        )
        return alicloud.ecs.SecurityGroup("worker", vpc_id=networks.ids[0], security_group_name="workers", opts=c.ali)

    return build


# -- A StackReference beside an invoke over the stack's own values -----------------------------------------------------


def ref_policy_document(code: str) -> Build:
    # docs: pulumi StackReference (require_output); iam/getpolicydocument (get_policy_document_output), s3/bucket,
    # s3/bucketpolicy; ec2/securitygroup. The registry's bucket-policy example (the policy from
    # get_policy_document_output over the bucket's ARN) in a program that also reads the platform stack.
    def build(c: Any) -> object:
        platform = pulumi.StackReference("platform", stack_name=platform_stack(code))
        aws.ec2.SecurityGroup("worker", vpc_id=platform.require_output("vpcId"), description="workers", opts=c.aws)
        bucket = aws.s3.Bucket("exports", opts=c.aws)
        # As the registry's example writes it, the resources the bucket's ARN Outputs (typed Any: the SDK's statement
        # types take the invoke's plain arguments, and Outputs work at run time).
        statement: Any = {
            "sid": "DenyInsecure", "effect": "Deny", "actions": ["s3:*"],
            "principals": [{"type": "*", "identifiers": ["*"]}],
            "resources": [bucket.arn, bucket.arn.apply(lambda a: f"{a}/*")],
            "conditions": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
        }  # fmt: skip
        document = aws.iam.get_policy_document_output(
            statements=[statement], opts=pulumi.InvokeOutputOptions(provider=c.aws.provider)
        )
        return aws.s3.BucketPolicy("exports", bucket=bucket.id, policy=document.json, opts=c.aws)

    return build


# -- A secret output of another stack ---------------------------------------------------------------------------------


def ref_secret_queue(code: str, key: str, how: str) -> Build:
    # docs: pulumi StackReference (get_output / require_output: "a secret output is returned as a secret"),
    # lambda/function (environment.variables)
    def build(c: Any) -> object:
        platform = pulumi.StackReference("platform", stack_name=platform_stack(code))
        url: Any
        if how == "details":
            # docs: pulumi StackReference get_output_details ("The returned object has its `value` or `secret_value`
            # fields set depending on whether the output is a secret"): awaited, its value is a plain Output with no
            # resources (no dependency on the read), the secret unwrapped.
            async def details() -> Any:
                found = await platform.get_output_details(key)
                return found.secret_value if found.secret_value is not None else found.value

            url = pulumi.Output.from_input(details())
        else:
            url = platform.require_output(key) if how == "require" else platform.get_output(key)
        role = aws.iam.Role("forwarder", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        return aws.lambda_.Function(
            "forwarder", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            environment={"variables": {"JOBS_QUEUE_URL": url}}, opts=c.aws,
        )  # fmt: skip

    return build


# -- A StackSet the program makes, its template external or inline, and its instance's override ---------------------


def trips_template() -> str:
    """The trips StackSet's template: a function whose database host is the ``Target`` Parameter."""
    return json.dumps({
        "Parameters": {"Target": {"Type": "String"}, "Environment": {"Type": "String", "Default": "prod"}},
        "Resources": {
            "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
                "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                        "Principal": {"Service": "lambda.amazonaws.com"}}]}}},
            "Trips": {"Type": "AWS::Lambda::Function", "Properties": {
                "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
                "Code": {"ZipFile": "def handler(e, c):\n    return e\n"},
                "Environment": {"Variables": {"DB_HOST": {"Ref": "Target"}, "ENVIRONMENT": {"Ref": "Environment"}}}}},
        },
    })  # fmt: skip


def stack_set_host(code: str, host: str, *, inline: bool) -> Build:
    # docs: aws cloudformation/stackset (template_body, template_url "String containing the location of a file
    # containing the CloudFormation template body. The URL must point to a template that is located in an Amazon S3
    # bucket", parameters, permission_model, administration_role_arn, execution_role_name),
    # cloudformation/stacksetinstance (stack_set_name, parameter_overrides)
    def build(c: Any) -> object:
        home, suffix = AWS_HOME[code], dns_suffix(code)
        admin = aws.iam.Role(
            "stackset-admin", assume_role_policy=trust_policy("cloudformation.amazonaws.com"), opts=c.aws
        )
        source: dict[str, Any] = (
            {"template_body": trips_template()}
            if inline
            else {"template_url": f"https://fleet-templates-{code.lower()}.s3.{home}.{suffix}/trips.json"}
        )
        trips = aws.cloudformation.StackSet(
            "trips", name=TRIPS, administration_role_arn=admin.arn, execution_role_name="StackSetExecution",
            parameters={"Environment": "prod"}, capabilities=["CAPABILITY_IAM"], opts=c.aws, **source,
        )  # fmt: skip
        return aws.cloudformation.StackSetInstance(
            "trips", stack_set_name=trips.name, account_id=OWN_ACCOUNT, stack_set_instance_region=home,
            parameter_overrides={"Target": host}, opts=c.aws,
        )  # fmt: skip

    return build


def ali_group_host(code: str, host: str) -> Build:
    # docs: alicloud ros/stackgroup (stack_group_name, template_body), ros/stackinstance (stack_group_name,
    # stack_instance_account_id, stack_instance_region_id, parameter_overrides [{parameter_key, parameter_value}]);
    # ALIYUN::FC::Function (EnvironmentVariables). The ROS twin of ``stack_set_host(inline=True)``.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        body = {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Parameters": {"Target": {"Type": "String"}},
            "Resources": {"Trips": {"Type": "ALIYUN::FC::Function", "Properties": {
                "ServiceName": "trips", "FunctionName": "trips", "Runtime": "python3.10", "Handler": "index.handler",
                "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
                "EnvironmentVariables": {"DB_HOST": {"Ref": "Target"}}}}},
        }  # fmt: skip
        group = alicloud.ros.StackGroup("trips", stack_group_name="trips", template_body=json.dumps(body), opts=c.ali)
        return alicloud.ros.StackInstance(
            "trips", stack_group_name=group.stack_group_name, stack_instance_account_id=OWN_UID,
            stack_instance_region_id=ALI_HOME[code], opts=c.ali,
            parameter_overrides=[{"parameter_key": "Target", "parameter_value": host}],
        )  # fmt: skip

    return build


def own_service_host(code: str) -> str:
    """The jurisdiction's Region's SQS endpoint (an AWS service host the Region proves)."""
    return f"sqs.{AWS_HOME[code]}.{dns_suffix(code)}"


Row = tuple[str, str, Build, set[str], list[dict[str, Any]], dict[str, Any]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations, the outputs of the stacks it references by
    stack name) for the realistic table."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"stackref54-{code.lower()}"
        refs = {platform_stack(code): platform_outputs(code)}
        templates = [TEMPLATES_DECLARED[code]] if code != "CN" else []
        out += [
            (f"{p}-invoke-vpc-abroad", code, invoke_vpc_abroad(), {"RES-001"}, [], {}),
            (f"{p}-ref-policy-document", code, ref_policy_document(code), set(), [], refs),
            (f"{p}-ref-secret-require-home", code, ref_secret_queue(code, "jobsQueueUrl", "require"), set(), [], refs),
            (f"{p}-ref-secret-require-abroad", code, ref_secret_queue(code, "partnerQueueUrl", "require"),
             {"RES-006"}, [], refs),
            (f"{p}-ref-secret-get-home", code, ref_secret_queue(code, "jobsQueueUrl", "get"), set(), [], refs),
            (f"{p}-ref-secret-get-abroad", code, ref_secret_queue(code, "partnerQueueUrl", "get"), {"RES-006"}, [],
             refs),
            (f"{p}-ref-secret-details-home", code, ref_secret_queue(code, "jobsQueueUrl", "details"), set(), [], refs),
            (f"{p}-ref-secret-details-abroad", code, ref_secret_queue(code, "partnerQueueUrl", "details"),
             {"RES-006"}, [], refs),
            (f"{p}-stackset-body-host-home", code, stack_set_host(code, own_service_host(code), inline=True), set(),
             [], {}),
            (f"{p}-stackset-body-host-partner", code, stack_set_host(code, PARTNER_DB, inline=True), {"RES-015"}, [],
             {}),
            (f"{p}-stackset-url-host-home", code, stack_set_host(code, own_service_host(code), inline=False), set(),
             templates, {}),
        ]  # fmt: skip
    for code in ALI_CODES:
        p = f"stackref54-{code.lower()}"
        oss_home = f"oss-{ALI_HOME[code]}-internal.aliyuncs.com"  # the Region's OSS intranet endpoint
        out += [
            (f"{p}-ali-invoke-networks-group", code, ali_invoke_networks(False), set(), [], {}),
            (f"{p}-ali-invoke-networks-abroad", code, ali_invoke_networks(True), {"RES-001"}, [], {}),
            (f"{p}-ali-group-host-home", code, ali_group_host(code, oss_home), set(), [], {}),
            (f"{p}-ali-group-host-partner", code, ali_group_host(code, PARTNER_DB), {"RES-015"}, [], {}),
        ]
    assert ALI_HOME.keys() >= set(ALI_CODES)
    return out
