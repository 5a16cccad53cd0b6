"""False-alarm review of RES-023 (stop 35): ordinary policies a platform team writes naming its own account, AWS's
service principals or the organisation, on providers pinned to the team's account (the documented setup).

Each builder takes the stack's ``code`` (EU, DE, JP, US, CN) and is what a team copies from the AWS docs (cited per
builder): the default KMS key policy, CloudFront OAC bucket policies, load balancer / CloudTrail / Config / VPC
flow-log delivery policies, SNS / SQS / Lambda / EventBridge / ECR grants, role trust policies (GitHub OIDC, the same
account's roles), S3 replication between the stack's two pinned accounts, and the policy forms (a
``get_policy_document`` result, a JSON string, a principal list, ``"*"`` with conditions).
tests/test_realistic_programs.py runs them as CASES (``falsealarm17-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the mocks' caller identity; the stack's providers are pinned to it)."""
SECOND = "210987654321"
"""The team's second account in the market (a multi-account stack's second provider is pinned to it)."""
ORG = "o-a1b2c3d4e5"
REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
# The Regional Elastic Load Balancing account (docs: elasticloadbalancing/latest/application/enable-access-logging.html;
# aws-cn: cn-north-1 638102146993 as commonly written, not confirmed here; any aws-cn account passes by partition).
ELB_ACCOUNTS = {
    "EU": "156460612806",
    "DE": "054676820928",
    "JP": "582318560864",
    "US": "127311923021",
    "CN": "638102146993",
}


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _doc(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def kms_default(code: str) -> Build:
    """The key policy the console writes (docs: kms/latest/developerguide/key-policy-default.html): the account root
    ("Enable IAM User Permissions"), key administrators and key users of the same account, and grants for AWS
    resources (`kms:GrantIsForAWSResource`)."""

    def build(c: Any) -> object:
        p = _part(code)
        admin, user = f"arn:{p}:iam::{OWN}:role/KeyAdmins", f"arn:{p}:iam::{OWN}:role/app-runtime"
        policy = _doc(
            {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"},
             "Action": "kms:*", "Resource": "*"},
            {"Sid": "Allow access for Key Administrators", "Effect": "Allow", "Principal": {"AWS": admin},
             "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                        "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion",
                        "kms:CancelKeyDeletion"], "Resource": "*"},
            {"Sid": "Allow use of the key", "Effect": "Allow", "Principal": {"AWS": [user]},
             "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
             "Resource": "*"},
            {"Sid": "Allow attachment of persistent resources", "Effect": "Allow", "Principal": {"AWS": user},
             "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], "Resource": "*",
             "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}},
        )  # fmt: skip
        return aws.kms.Key("data", description="data key", policy=policy, opts=c.aws)

    return build


def kms_via_service(code: str) -> Build:
    """A key any principal of the account may use through S3 only (docs: kms/latest/developerguide/
    conditions-kms.html#conditions-kms-via-service, #conditions-kms-caller-account); the same account's roles (outputs
    of the stack) administer it."""

    def build(c: Any) -> object:
        p, region = _part(code), REGIONS[code]
        admin = aws.iam.Role("key-admin", assume_role_policy=_doc(
            {"Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"}, "Action": "sts:AssumeRole"}),
            opts=c.aws)  # fmt: skip
        suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
        policy = admin.arn.apply(
            lambda arn: _doc(
                {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"}, "Action": "kms:*",
                 "Resource": "*"},
                {"Sid": "Admins", "Effect": "Allow", "Principal": {"AWS": arn}, "Action": "kms:*", "Resource": "*"},
                {"Sid": "ViaS3", "Effect": "Allow", "Principal": {"AWS": "*"},
                 "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*",
                 "Condition": {"StringEquals": {"kms:ViaService": f"s3.{region}.{suffix}", "kms:CallerAccount": OWN}}},
            )
        )  # fmt: skip
        key = aws.kms.Key("data", description="s3 key", opts=c.aws)
        return aws.kms.KeyPolicy("data-policy", key_id=key.id, policy=policy, opts=c.aws)

    return build


def kms_caller(code: str) -> Build:
    """The default key policy written with `aws.get_caller_identity` and `aws.get_partition` through the stack's
    provider (docs: pulumi aws getCallerIdentity), as a `get_policy_document`."""

    def build(c: Any) -> object:
        invoke = pulumi.InvokeOptions(provider=c.aws.provider)
        me = aws.get_caller_identity(opts=invoke)
        part = aws.get_partition(opts=invoke)
        document = aws.iam.get_policy_document(
            statements=[{
                "sid": "Enable IAM User Permissions", "effect": "Allow", "actions": ["kms:*"], "resources": ["*"],
                "principals": [{"type": "AWS", "identifiers": [f"arn:{part.partition}:iam::{me.account_id}:root"]}],
            }],
            opts=invoke,
        )  # fmt: skip
        return aws.kms.Key("data", policy=document.json, opts=c.aws)

    return build


def cloudfront_oac(code: str) -> Build:
    """A bucket CloudFront reads through an origin access control (docs: AmazonCloudFront/latest/DeveloperGuide/
    private-content-restricting-access-to-s3.html): the service principal with `AWS:SourceArn` (the distribution) and
    `AWS:SourceAccount`."""

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("site", opts=c.aws)
        policy = bucket.arn.apply(
            lambda arn: _doc({
                "Sid": "AllowCloudFrontServicePrincipalReadOnly", "Effect": "Allow",
                "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject",
                "Resource": f"{arn}/*",
                "Condition": {"StringEquals": {
                    "AWS:SourceArn": f"arn:{_part(code)}:cloudfront::{OWN}:distribution/EDFDVBD6EXAMPLE",
                    "AWS:SourceAccount": OWN}},
            })
        )  # fmt: skip
        return aws.s3.BucketPolicy("site-oac", bucket=bucket.id, policy=policy, opts=c.aws)

    return build


def elb_logs(code: str, form: str) -> Build:
    """An access-log bucket for an Application / Classic Load Balancer (docs: elasticloadbalancing/latest/application/
    enable-access-logging.html): the Regional ELB account (``account``), the newer `logdelivery.elasticloadbalancing`
    service principal (``service``), or a Network Load Balancer's `delivery.logs` with `aws:SourceAccount` /
    `aws:SourceArn` (``nlb``, docs: elasticloadbalancing/latest/network/load-balancer-access-logs.html)."""

    def build(c: Any) -> object:
        p, region = _part(code), REGIONS[code]
        bucket = aws.s3.Bucket("lb-logs", opts=c.aws)
        prefix = f"arn:{p}:s3:::"

        def statements(name: str) -> str:
            resource = f"{prefix}{name}/AWSLogs/{OWN}/*"
            if form == "account":
                return _doc({"Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{ELB_ACCOUNTS[code]}:root"},
                             "Action": "s3:PutObject", "Resource": resource})  # fmt: skip
            if form == "service":
                service = "logdelivery.elasticloadbalancing.amazonaws.com"
                return _doc({"Effect": "Allow", "Principal": {"Service": service},
                             "Action": "s3:PutObject", "Resource": resource})  # fmt: skip
            logs = {"Service": "delivery.logs.amazonaws.com"}
            return _doc(
                {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": logs,
                 "Action": "s3:PutObject", "Resource": resource,
                 "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                                "aws:SourceAccount": [OWN]},
                               "ArnLike": {"aws:SourceArn": [f"arn:{p}:logs:{region}:{OWN}:*"]}}},
                {"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow",
                 "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl",
                 "Resource": f"{prefix}{name}",
                 "Condition": {"StringEquals": {"aws:SourceAccount": [OWN]},
                               "ArnLike": {"aws:SourceArn": [f"arn:{p}:logs:{region}:{OWN}:*"]}}},
            )  # fmt: skip

        return aws.s3.BucketPolicy("lb-logs", bucket=bucket.id, policy=bucket.bucket.apply(statements), opts=c.aws)

    return build


def delivery_policy(code: str, service: str) -> Build:
    """A bucket a service delivers to, restricted to the stack's account with `aws:SourceAccount` / `aws:SourceArn`:
    CloudTrail (docs: awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html), Config (docs:
    config/latest/developerguide/s3-bucket-policy.html), VPC flow logs (docs: vpc/latest/userguide/
    flow-logs-s3-permissions.html)."""

    def build(c: Any) -> object:
        p, region = _part(code), REGIONS[code]
        bucket = aws.s3.Bucket(f"{service}-logs", opts=c.aws)
        principal = {"cloudtrail": "cloudtrail.amazonaws.com", "config": "config.amazonaws.com",
                     "flowlogs": "delivery.logs.amazonaws.com"}[service]  # fmt: skip
        source = {
            "cloudtrail": {"StringEquals": {"aws:SourceArn": f"arn:{p}:cloudtrail:{region}:{OWN}:trail/org-trail"}},
            "config": {"StringEquals": {"AWS:SourceAccount": OWN}},
            "flowlogs": {"StringEquals": {"aws:SourceAccount": OWN},
                         "ArnLike": {"aws:SourceArn": f"arn:{p}:logs:{region}:{OWN}:*"}},
        }[service]  # fmt: skip

        def policy(arn: str) -> str:
            write = {**source, "StringEquals": {**source["StringEquals"], "s3:x-amz-acl": "bucket-owner-full-control"}}
            return _doc(
                {"Sid": "AclCheck", "Effect": "Allow", "Principal": {"Service": principal}, "Action": "s3:GetBucketAcl",
                 "Resource": arn, "Condition": source},
                {"Sid": "Write", "Effect": "Allow", "Principal": {"Service": principal}, "Action": "s3:PutObject",
                 "Resource": f"{arn}/AWSLogs/{OWN}/*", "Condition": write},
            )  # fmt: skip

        return aws.s3.BucketPolicy(f"{service}-logs", bucket=bucket.id, policy=bucket.arn.apply(policy), opts=c.aws)

    return build


def sns_default(code: str) -> Build:
    """The topic policy SNS writes by default (docs: sns/latest/dg/sns-access-policy-use-cases.html): `"*"` restricted
    by `AWS:SourceOwner`, plus S3 event notifications restricted by `aws:SourceArn` / `aws:SourceAccount`."""

    def build(c: Any) -> object:
        p = _part(code)
        bucket = aws.s3.Bucket("uploads", opts=c.aws)
        topic = aws.sns.Topic("uploads", opts=c.aws)
        policy = pulumi.Output.all(topic.arn, bucket.arn).apply(
            lambda a: _doc(
                {"Sid": "__default_statement_ID", "Effect": "Allow", "Principal": {"AWS": "*"},
                 "Action": ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:Subscribe", "SNS:Publish"],
                 "Resource": a[0], "Condition": {"StringEquals": {"AWS:SourceOwner": OWN}}},
                {"Sid": "S3Publish", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                 "Action": "SNS:Publish", "Resource": a[0],
                 "Condition": {"ArnLike": {"aws:SourceArn": a[1]}, "StringEquals": {"aws:SourceAccount": OWN}}},
                {"Sid": "OwnAccount", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"},
                 "Action": "SNS:Subscribe", "Resource": a[0]},
            )
        )  # fmt: skip
        return aws.sns.TopicPolicy("uploads", arn=topic.arn, policy=policy, opts=c.aws)

    return build


def sqs_from_sns(code: str) -> Build:
    """A queue subscribed to the stack's topic (docs: sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html): SNS may send
    when `aws:SourceArn` is the topic; the account's roles may read (the `policy` input of the queue itself)."""

    def build(c: Any) -> object:
        p = _part(code)
        topic = aws.sns.Topic("orders", opts=c.aws)
        policy = topic.arn.apply(
            lambda arn: _doc(
                {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage",
                 "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": arn}}},
                {"Effect": "Allow", "Principal": {"AWS": [f"arn:{p}:iam::{OWN}:role/order-worker", OWN]},
                 "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"], "Resource": "*"},
            )
        )  # fmt: skip
        queue = aws.sqs.Queue("orders", policy=policy, opts=c.aws)
        return aws.sns.TopicSubscription("orders", topic=topic.arn, protocol="sqs", endpoint=queue.arn, opts=c.aws)

    return build


def lambda_from_s3(code: str) -> Build:
    """S3 invoking a function (docs: lambda/latest/dg/with-s3.html; pulumi lambda/permission `source_account`): the
    service principal, `source_arn` the bucket and `source_account` the pinned account."""

    def build(c: Any) -> object:
        role = aws.iam.Role("fn-role", assume_role_policy=_doc(
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}),
            opts=c.aws)  # fmt: skip
        fn = aws.lambda_.Function(
            "thumbs", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            opts=c.aws,
        )  # fmt: skip
        bucket = aws.s3.Bucket("uploads", opts=c.aws)
        return aws.lambda_.Permission(
            "s3-invoke", action="lambda:InvokeFunction", function=fn.name, principal="s3.amazonaws.com",
            source_arn=bucket.arn, source_account=OWN, opts=c.aws,
        )  # fmt: skip

    return build


def events_org(code: str) -> Build:
    """A bus the organisation's accounts put events on (docs: eventbridge/latest/userguide/
    eb-event-bus-perms.html): `"*"` with `aws:PrincipalOrgID`, and an `EventPermission` for the organisation."""

    def build(c: Any) -> object:
        bus = aws.cloudwatch.EventBus("fleet", opts=c.aws)
        aws.cloudwatch.EventPermission(
            "org", principal="*", statement_id="OrgAccounts", event_bus_name=bus.name,
            condition={"key": "aws:PrincipalOrgID", "type": "StringEquals", "value": ORG}, opts=c.aws,
        )  # fmt: skip
        policy = bus.arn.apply(
            lambda arn: _doc({
                "Sid": "OrgPutEvents", "Effect": "Allow", "Principal": "*", "Action": "events:PutEvents",
                "Resource": arn, "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG}},
            })
        )  # fmt: skip
        return aws.cloudwatch.EventBusPolicy("fleet", event_bus_name=bus.name, policy=policy, opts=c.aws)

    return build


def org_paths(code: str) -> Build:
    """A bucket the organisation's market OU reads (docs: IAM/latest/UserGuide/
    reference_policies_condition-keys.html#condition-keys-principalorgpaths): `"*"` with `aws:PrincipalOrgPaths`."""

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("shared", opts=c.aws)
        policy = bucket.arn.apply(
            lambda arn: _doc({
                "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["s3:GetObject"], "Resource": f"{arn}/*",
                "Condition": {"ForAnyValue:StringLike": {
                    "aws:PrincipalOrgPaths": [f"{ORG}/r-ab12/ou-ab12-11111111/*"]}},
            })
        )  # fmt: skip
        return aws.s3.BucketPolicy("shared", bucket=bucket.id, policy=policy, opts=c.aws)

    return build


def github_oidc(code: str) -> Build:
    """A deployment role GitHub Actions assumes (docs: IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html): the
    stack's OIDC provider as `Federated` principal, restricted by `token.actions.githubusercontent.com:sub`."""

    def build(c: Any) -> object:
        oidc = aws.iam.OpenIdConnectProvider(
            "github", url="https://token.actions.githubusercontent.com", client_id_lists=["sts.amazonaws.com"],
            opts=c.aws,
        )  # fmt: skip
        trust = oidc.arn.apply(
            lambda arn: _doc({
                "Effect": "Allow", "Principal": {"Federated": arn}, "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                              "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/fleet:*"}},
            })
        )  # fmt: skip
        return aws.iam.Role("github-deploy", assume_role_policy=trust, opts=c.aws)

    return build


def same_account_trust(code: str) -> Build:
    """A role the same account's CI role assumes (docs: IAM/latest/UserGuide/id_roles_create_for-user.html): its ARN
    an output of the stack, and a literal role of the account with `sts:ExternalId`."""

    def build(c: Any) -> object:
        p = _part(code)
        ci = aws.iam.Role("ci", assume_role_policy=_doc(
            {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}),
            opts=c.aws)  # fmt: skip
        trust = ci.arn.apply(
            lambda arn: _doc(
                {"Effect": "Allow", "Principal": {"AWS": arn}, "Action": "sts:AssumeRole"},
                {"Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:role/ops/break-glass"},
                 "Action": ["sts:AssumeRole", "sts:TagSession"],
                 "Condition": {"StringEquals": {"sts:ExternalId": "x1"}}},
            )
        )  # fmt: skip
        return aws.iam.Role("deployer", assume_role_policy=trust, opts=c.aws)

    return build


def policy_forms(code: str, form: str) -> Build:
    """The same grant to the stack's own account in each form a policy takes: a `get_policy_document` with several
    principals (``document``), a Deny with `NotPrincipal` (``deny-not-principal``), a
    principal list of an id, a root ARN and an assumed-role ARN (``list``), `pulumi.Output.json_dumps`
    (``json-dumps``), and `"*"` with `aws:PrincipalAccount` (``star``)."""

    def build(c: Any) -> object:
        p = _part(code)
        bucket = aws.s3.Bucket("reports", opts=c.aws)
        root = f"arn:{p}:iam::{OWN}:root"
        if form == "document":
            document = aws.iam.get_policy_document(
                statements=[{
                    "effect": "Allow", "actions": ["s3:GetObject"], "resources": ["*"],
                    "principals": [{"type": "AWS", "identifiers": [root, f"arn:{p}:iam::{OWN}:role/reporting"]},
                                   {"type": "Service", "identifiers": ["logging.s3.amazonaws.com"]}],
                    "conditions": [{"test": "StringEquals", "variable": "aws:SourceAccount", "values": [OWN]}],
                }],
                opts=pulumi.InvokeOptions(provider=c.aws.provider),
            )  # fmt: skip
            policy: Any = document.json
        elif form == "deny-not-principal":
            policy = _doc(
                {"Effect": "Allow", "Principal": {"AWS": root}, "Action": "s3:GetObject", "Resource": "*"},
                {"Sid": "OnlyTheAccount", "Effect": "Deny",
                 "NotPrincipal": {"AWS": [root, f"arn:{p}:iam::{SECOND}:root"]}, "Action": "s3:*", "Resource": "*"},
            )  # fmt: skip
        elif form == "list":
            policy = _doc({"Effect": "Allow", "Principal": {"AWS": [OWN, root, f"arn:{p}:sts::{OWN}:assumed-role/r/s"]},
                           "Action": "s3:GetObject", "Resource": "*"})  # fmt: skip
        elif form == "json-dumps":
            policy = pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": [root]}, "Action": "s3:GetObject",
                 "Resource": bucket.arn.apply(lambda a: f"{a}/*")}]})  # fmt: skip
        else:
            policy = _doc({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*",
                           "Condition": {"StringEquals": {"aws:PrincipalAccount": [OWN]}}})  # fmt: skip
        return aws.s3.BucketPolicy("reports", bucket=bucket.id, policy=policy, opts=c.aws)

    return build


def _pinned(name: str, code: str, account: str) -> pulumi.ResourceOptions:
    p = _part(code)
    return pulumi.ResourceOptions(
        provider=aws.Provider(
            name, region=REGIONS[code], allowed_account_ids=[account],
            assume_roles=[{"role_arn": f"arn:{p}:iam::{account}:role/deployer", "session_name": "ci"}],
        )
    )  # fmt: skip


def ecr_second_account(code: str) -> Build:
    """A repository in the team's build account the team's second account (the stack's other pinned provider) pulls
    from (docs: AmazonECR/latest/userguide/repository-policy-examples.html)."""

    def build(c: Any) -> object:
        build_acct, run_acct = _pinned("aws-build", code, OWN), _pinned("aws-run", code, SECOND)
        p = _part(code)
        repo = aws.ecr.Repository("api", opts=build_acct)
        aws.iam.Role("puller", assume_role_policy=_doc(
            {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}),
            opts=run_acct)  # fmt: skip
        return aws.ecr.RepositoryPolicy("api-pull", repository=repo.name, policy=_doc({
            "Sid": "RunAccountPull", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{SECOND}:root"},
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}), opts=build_acct)  # fmt: skip

    return build


def ecr_org(code: str) -> Build:
    """A repository every account of the organisation pulls from (docs: AmazonECR/latest/userguide/
    repository-policy-examples.html): `"*"` with `aws:PrincipalOrgID`."""

    def build(c: Any) -> object:
        repo = aws.ecr.Repository("base-images", opts=c.aws)
        return aws.ecr.RepositoryPolicy("base-images", repository=repo.name, policy=_doc({
            "Sid": "OrgPull", "Effect": "Allow", "Principal": "*",
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG}}}), opts=c.aws)  # fmt: skip

    return build


def s3_replication(code: str, accounts: str) -> Build:
    """Replication of a bucket to a backup bucket (docs: AmazonS3/latest/userguide/replication-walkthrough-2.html): in
    the same account (``same``) or the team's second account, the stack's other pinned provider (``second``), whose
    bucket policy lets the source account's replication role write."""

    def build(c: Any) -> object:
        p = _part(code)
        src_opts = _pinned("aws-src", code, OWN)
        dst_opts = src_opts if accounts == "same" else _pinned("aws-dst", code, SECOND)
        dst_account = OWN if accounts == "same" else SECOND
        role = aws.iam.Role("replication", assume_role_policy=_doc(
            {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"aws:SourceAccount": OWN}}}), opts=src_opts)  # fmt: skip
        source = aws.s3.Bucket("trips", opts=src_opts)
        aws.s3.BucketVersioning("trips-versioning", bucket=source.id, versioning_configuration={"status": "Enabled"},
                                opts=src_opts)  # fmt: skip
        backup = aws.s3.Bucket("trips-backup", opts=dst_opts)
        aws.s3.BucketVersioning("trips-backup-versioning", bucket=backup.id,
                                versioning_configuration={"status": "Enabled"}, opts=dst_opts)  # fmt: skip
        aws.s3.BucketPolicy("trips-backup-policy", bucket=backup.id,
                            policy=pulumi.Output.all(role.arn, backup.arn).apply(
            lambda a: _doc(
                {"Sid": "Replicate", "Effect": "Allow", "Principal": {"AWS": a[0]},
                 "Action": ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], "Resource": f"{a[1]}/*"},
                {"Sid": "Versioning", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"},
                 "Action": ["s3:GetBucketVersioning", "s3:PutBucketVersioning"], "Resource": a[1]},
            )), opts=dst_opts)  # fmt: skip
        return aws.s3.BucketReplicationConfig(
            "trips-replication", bucket=source.id, role=role.arn,
            rules=[{"id": "backup", "status": "Enabled", "filter": {},
                    "delete_marker_replication": {"status": "Enabled"},
                    "destination": {"bucket": backup.arn, "account": dst_account,
                                    "access_control_translation": {"owner": "Destination"}}}],
            opts=src_opts,
        )  # fmt: skip

    return build


FORMS = ("document", "deny-not-principal", "list", "json-dumps", "star")
CODES = ("EU", "DE", "JP", "US", "CN")
SIMPLE: dict[str, Callable[[str], Build]] = {
    "kms-default": kms_default,
    "kms-via-service": kms_via_service,
    "kms-caller": kms_caller,
    "cloudfront-oac": cloudfront_oac,
    "sns-default": sns_default,
    "sqs-from-sns": sqs_from_sns,
    "lambda-from-s3": lambda_from_s3,
    "events-org": events_org,
    "org-paths": org_paths,
    "same-account-trust": same_account_trust,
    "ecr-org": ecr_org,
}


def team_account(code: str, account: str) -> dict[str, Any]:
    """The team's other account declared resident (docs/residency.md, "Accounts a policy grants")."""
    return {
        "id": f"{code.lower()}-team-account", "kind": "resident", "match": f"arn:{_part(code)}:iam::{account}:",
        "evidence": "the team's account; a provider of this stack is pinned to it, SCP limits it to the market",
    }  # fmt: skip


def github_issuer(code: str) -> dict[str, Any]:
    """GitHub's OIDC issuer declared (an OIDC provider's `url` is a destination, RES-015, as before RES-023)."""
    if code == "US":
        return {"id": "github-oidc", "kind": "resident", "match": "token.actions.githubusercontent.com",
                "evidence": "GitHub, Inc. (US) issues the workflow tokens; nothing of the stack is sent"}  # fmt: skip
    return {
        "id": "github-oidc", "kind": "transfer", "match": "token.actions.githubusercontent.com", "destination": "US",
        "data_classes": ["audit_logs"],
        "basis": {"EU": "scc", "DE": "scc", "CN": "standard-contract"}.get(code, "documented-assessment"),
        "reference": "DPA-GH-2026", "approved_by": "dpo", "expires": "2027-12-31",
    }  # fmt: skip
