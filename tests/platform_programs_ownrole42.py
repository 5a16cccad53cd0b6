"""Programs of the own-role review (stop 42): a role the stack itself makes, named by its ARN output.

A stack makes a role and passes ``role.arn`` where an account is judged (RES-023): an Alibaba Cloud ActionTrail's
``oss_write_role_arn`` or an SLS OSS export's ``role_arn`` (stop 41's role fields, whose role names the account that
receives the data), an AWS bucket, key or topic policy's ``Principal``. The role is made by the SAME provider as the
resource naming it, so both are in the one account those credentials reach: the data stays in the deploying account.
Until stop 42 the engine proved an account only by a provider's pin (``allowed_account_ids``) or assumed role
(``assume_role``), so these programs were refused under a provider with neither, at every front door; each door sees
the value's producer (the guard the Output's resources, the plan the guard's findings, the pack and the reviews the
input's property dependencies with the role's ``arn`` output), and the value is accepted when it IS that output of a
role made under the same provider (pulumi-alicloud 4.0.0 ram/role ``arn`` "The role arn"; pulumi-aws v7 iam/role
``arn`` "Amazon Resource Name (ARN) specifying the role").

``shape``: ``own-*`` (passes), and the offending twins (RES-023): ``second-provider`` (the role made by a second
provider of the stack, which may run with another account's credentials: it assumes no role, or, for Alibaba, one of
the partner's), ``partner-literal`` (another account's role ARN written out), ``partner-format`` (an ARN built by
``pulumi.Output.format`` from a partner UID and the own role's name: computed from the own role, not its ARN),
``own-literal`` (Alibaba: the own role's ARN written by hand: nothing ties the UID to the provider's account).
tests/test_realistic_programs.py runs them as CASES (``ownrole42-*``): Alibaba in CN and JP, AWS in EU, US and JP
(aws-cn accounts are China's by partition, so CN proves nothing here).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN_UID = "1234567890123456"
"""The mocks' Alibaba Cloud account: what a RAM role made by any provider is given as its ARN's UID."""
PARTNER_UID = "5555666677778888"
PARTNER_ACCOUNT = "444455556666"
ALI_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1"}
AWS_HOME = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-1"}
ALI_SHAPES = ("own-trail-oss", "own-sls-oss-export", "second-provider", "partner-literal", "partner-format",
              "own-literal")  # fmt: skip
AWS_SHAPES = ("own-bucket-policy", "own-key-policy", "own-topic-policy", "second-provider", "partner-literal",
              "partner-format")  # fmt: skip

ACTIONTRAIL_TRUST = json.dumps({
    "Version": "1",
    "Statement": [
        {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["actiontrail.aliyuncs.com"]}}
    ],
})  # fmt: skip
LOG_TRUST = json.dumps({
    "Version": "1",
    "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["log.aliyuncs.com"]}}],
})  # fmt: skip
EC2_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def expected(shape: str) -> set[str]:
    return set() if shape.startswith("own-") and shape != "own-literal" else {"RES-023"}


def ali_program(code: str, shape: str) -> Build:
    # docs: ram/role (role_name, assume_role_policy_document "Version": "1"; output arn), oss/bucket, actiontrail/trail
    # (oss_bucket_name, oss_write_role_arn), log/project, log/store, log/ossexport (role_arn "the OSS Bucket owner
    # creates the role"); the provider assumes no role (access keys of the team's account).
    region = ALI_HOME[code]

    def build(c: Any) -> object:
        team = alicloud.Provider("team", region=region)
        opts = pulumi.ResourceOptions(provider=team)
        maker = opts
        if shape == "second-provider":
            # The ops account's provider: its own credentials (a profile of another account), the partner's role.
            ops = alicloud.Provider(
                "ops", region=region, profile="ops",
                assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=f"acs:ram::{PARTNER_UID}:role/deployer"),
            )  # fmt: skip
            maker = pulumi.ResourceOptions(provider=ops)
        trust = LOG_TRUST if shape == "own-sls-oss-export" else ACTIONTRAIL_TRUST
        role = alicloud.ram.Role(
            "trail-writer", role_name=f"fleet-audit-writer-{region}", assume_role_policy_document=trust,
            description="written to by the audit trail", opts=maker,
        )  # fmt: skip
        arn: Any = role.arn
        if shape == "partner-literal":
            arn = f"acs:ram::{PARTNER_UID}:role/actiontrail-delivery"
        elif shape == "partner-format":
            arn = pulumi.Output.format("acs:ram::{0}:role/{1}", PARTNER_UID, role.role_name)
        elif shape == "own-literal":
            arn = f"acs:ram::{OWN_UID}:role/fleet-audit-writer-{region}"
        if shape == "own-literal":
            # The own role's ARN as the cloud gives it, written out, the trail waiting for the role: nothing the value
            # is computed from ties it to the role (a plain value at the guard, no property dependency elsewhere).
            opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[role]))
        bucket = alicloud.oss.Bucket("audit", bucket=f"fleet-audit-{region}", opts=opts)
        if shape == "own-sls-oss-export":
            project = alicloud.log.Project("vehicle-logs", project_name=f"fleet-vehicle-logs-{region}", opts=opts)
            store = alicloud.log.Store(
                "tcu", project_name=project.project_name, logstore_name="tcu", retention_period=30, opts=opts
            )
            return alicloud.log.OssExport(
                "tcu-archive", project_name=project.project_name, logstore_name=store.logstore_name,
                export_name="tcu-archive", display_name="tcu-archive", bucket=bucket.bucket, prefix="tcu",
                suffix=".json", buffer_interval=300, buffer_size=256, compress_type="snappy", content_type="json",
                path_format="%Y/%m/%d/%H/%M", time_zone="+0800", role_arn=arn, opts=opts,
            )  # fmt: skip
        return alicloud.actiontrail.Trail(
            "fleet-audit", trail_name="fleet-audit", event_rw="All", trail_region="All", oss_bucket_name=bucket.bucket,
            oss_key_prefix="actiontrail", oss_write_role_arn=arn, opts=opts,
        )  # fmt: skip

    return build


def _statement(principal: Any, action: Any, resource: Any) -> dict[str, Any]:
    return {"Sid": "AppRole", "Effect": "Allow", "Principal": {"AWS": principal}, "Action": action,
            "Resource": resource}  # fmt: skip


def aws_program(code: str, shape: str) -> Build:
    # docs: iam/role (assume_role_policy; output arn), s3/bucket, s3/bucketpolicy, kms/key (policy), sns/topic,
    # sns/topicpolicy; the provider pins no account (no allowed_account_ids, no assume_roles).
    region = AWS_HOME[code]

    def build(c: Any) -> object:
        team = aws.Provider("team", region=region)
        opts = pulumi.ResourceOptions(provider=team)
        maker = opts
        if shape == "second-provider":
            maker = pulumi.ResourceOptions(provider=aws.Provider("ops", region=region, profile="ops"))
        role = aws.iam.Role("app", assume_role_policy=EC2_TRUST, opts=maker)
        principal: Any = role.arn
        if shape == "partner-literal":
            principal = f"arn:aws:iam::{PARTNER_ACCOUNT}:role/analytics-reader"
        elif shape == "partner-format":
            principal = pulumi.Output.format("arn:aws:iam::{0}:role/{1}", PARTNER_ACCOUNT, role.name)
        if shape == "own-key-policy":
            policy = pulumi.Output.json_dumps({
                "Version": "2012-10-17",
                "Statement": [_statement(principal, ["kms:Decrypt", "kms:GenerateDataKey"], "*")],
            })  # fmt: skip
            return aws.kms.Key("app-data", description="the app's data key", policy=policy, opts=opts)
        if shape == "own-topic-policy":
            topic = aws.sns.Topic("fleet-events", opts=opts)
            policy = pulumi.Output.json_dumps({
                "Version": "2012-10-17",
                "Statement": [_statement(principal, "sns:Publish", topic.arn)],
            })  # fmt: skip
            return aws.sns.TopicPolicy("fleet-events", arn=topic.arn, policy=policy, opts=opts)
        bucket = aws.s3.Bucket("app-data", opts=opts)
        policy = pulumi.Output.json_dumps({
            "Version": "2012-10-17",
            "Statement": [
                _statement(principal, ["s3:GetObject", "s3:PutObject"], pulumi.Output.concat(bucket.arn, "/*"))
            ],
        })  # fmt: skip
        return aws.s3.BucketPolicy("app-data", bucket=bucket.id, policy=policy, opts=opts)

    return build


Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    ali: list[Row] = [
        (f"ownrole42-{code.lower()}-ali-{shape}", code, ali_program(code, shape), expected(shape), [])
        for code in ALI_HOME
        for shape in ALI_SHAPES
    ]
    return ali + [
        (f"ownrole42-{code.lower()}-aws-{shape}", code, aws_program(code, shape), expected(shape), [])
        for code in AWS_HOME
        for shape in AWS_SHAPES
    ]
