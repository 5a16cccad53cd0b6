"""Organisation, source-account and unique-id condition keys as grants (orgkeys42, stop 42; issue 9).

A resource policy's ``"Principal": "*"`` limited by ``aws:PrincipalOrgID`` / ``aws:PrincipalOrgPaths`` (or a Lambda
permission's ``principal_org_id``) reaches every account of an organisation, and an organisation's accounts are not
kept in one country (the EV maker's has US, EU and JP accounts): no provider pin places them, so the grant is refused
(RES-023) unless the stack declares the organisation (one line, ``match: o-...``). A statement to ``*`` limited by
``aws:SourceAccount`` / ``AWS:SourceOwner`` / the account of ``aws:SourceArn`` reaches that account's resources: the
account is judged as a ``{"AWS": "<id>"}`` principal is, whatever the action (the pinned account passes, another is
RES-023); a Lambda permission's ``source_arn`` likewise. On a statement to a SERVICE principal the same keys are
confused-deputy protection that only narrows it (the statement without them is accepted), so they are not judged
there: the ``topic-s3-partner`` and ``queue-events-partner-rule`` programs pass (the lead's review of stop 42). An
``aws:userid``
unique id (``AROA...:*``) names a principal but no account: RES-023 unless declared. In CN (aws-cn) an organisation,
account or principal is China's by partition, as an aws-cn account is.

These programs, written from the AWS documentation's own examples (S3 "Bucket policy examples", KMS key policies with
``aws:PrincipalOrgPaths``, SNS "Example cases for Amazon SNS access control", EventBridge "Using resource-based policies
for Amazon EventBridge" (SQS target), Secrets Manager "Permissions policy examples", S3's "restrict access to a
specific role" with ``aws:userId``, Lambda AddPermission), run in EU, US, JP and CN with the provider pinned to the
team's account (the table's ``c.aws``): the own-account twins pass everywhere, the organisation, partner-account and
unique-id twins are RES-023 outside CN and pass in CN, the service-principal partner twins and the declared twins pass
everywhere.

tests/test_realistic_programs.py runs them as CASES (``orgkeys42-*``); docs/residency.md, "Organisation and
source-account condition keys (stop 42)".
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Any
OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
PARTNER = "444455556666"
"""A partner's account, which no provider of the stack is pinned to."""
ORG = "o-a1b2c3d4e5"
ROLE_ID = "AROAJQABLZS4A3QDU576Q"
"""The unique id of the reporting role (IAM "Unique identifiers": a role's begins with AROA)."""
REGIONS = {"EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
PARTITION = {"EU": "aws", "JP": "aws", "US": "aws", "CN": "aws-cn"}
SUFFIX = {"EU": "amazonaws.com", "JP": "amazonaws.com", "US": "amazonaws.com", "CN": "amazonaws.com.cn"}
CODES = ("EU", "US", "JP", "CN")
ORG_DECLARED: dict[str, Any] = {
    "id": "fleet-organisation", "kind": "resident", "match": ORG,
    "evidence": "the organisation's member accounts are all in the jurisdiction (Organizations console export)",
}  # fmt: skip
ROLE_DECLARED: dict[str, Any] = {
    "id": "reporting-role", "kind": "resident", "match": ROLE_ID,
    "evidence": "the unique id of the team's reporting role in the pinned account (iam get-role RoleId)",
}  # fmt: skip
SHAPES: dict[str, tuple[bool, list[dict[str, Any]]]] = {
    # shape: (refused outside CN, destinations)
    "bucket-org": (True, []),
    "bucket-org-declared": (False, [ORG_DECLARED]),
    "key-org-paths": (True, []),
    "topic-s3-own": (False, []),
    "topic-s3-partner": (False, []),  # a service principal's source keys only narrow it (lead's review, stop 42)
    "topic-default-policy": (False, []),
    "queue-events-own-rule": (False, []),
    "queue-events-partner-rule": (False, []),  # as above: not judged on a service principal
    "secret-userid-role": (True, []),
    "secret-userid-role-declared": (False, [ROLE_DECLARED]),
    "lambda-org": (True, []),
    "lambda-source-partner": (True, []),
}


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"orgkeys42-{code.lower()}-{shape}", code, program(code, shape),
         {"RES-023"} if refused and code != "CN" else set(), declared)
        for shape, (refused, declared) in SHAPES.items()
        for code in CODES
    ]  # fmt: skip


def _doc(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})
LAMBDA_ROLE = _doc({"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})


def program(code: str, shape: str) -> Build:
    region, p = REGIONS[code], PARTITION[code]

    def build(c: Any) -> object:
        opts = c.aws
        if shape.startswith("bucket-org"):
            # S3 "Bucket policy examples": "Restrict access to principals in your organization".
            bucket = aws.s3.Bucket("shared-datasets", opts=opts)
            document = bucket.arn.apply(lambda arn: _doc({
                "Sid": "AllowOrgRead", "Effect": "Allow", "Principal": "*",
                "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": [arn, f"{arn}/*"],
                "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG}}}))  # fmt: skip
            return aws.s3.BucketPolicy("shared-datasets", bucket=bucket.id, policy=document, opts=opts)
        if shape == "key-org-paths":
            # KMS key policy: the account's root, and decrypt for the organisation unit's principals.
            return aws.kms.Key("fleet-reports", description="fleet reports", enable_key_rotation=True, policy=_doc(
                {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
                 "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"}, "Action": "kms:*", "Resource": "*"},
                {"Sid": "AllowOuDecrypt", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt",
                 "Resource": "*", "Condition": {"ForAnyValue:StringLike": {
                     "aws:PrincipalOrgPaths": [f"{ORG}/r-ab12/ou-ab12-11111111/*"]}}}), opts=opts)  # fmt: skip
        if shape.startswith("topic-"):
            topic = aws.sns.Topic("object-events", opts=opts)
            if shape == "topic-default-policy":
                # SNS's default topic policy: every principal, limited to the owner account (AWS:SourceOwner).
                document = topic.arn.apply(lambda arn: _doc({
                    "Sid": "__default_statement_ID", "Effect": "Allow", "Principal": {"AWS": "*"},
                    "Action": ["SNS:GetTopicAttributes", "SNS:Subscribe", "SNS:Publish"], "Resource": arn,
                    "Condition": {"StringEquals": {"AWS:SourceOwner": OWN}}}))  # fmt: skip
                return aws.sns.TopicPolicy("object-events", arn=topic.arn, policy=document, opts=opts)
            # SNS "Example cases": S3 event notifications, with aws:SourceAccount and the bucket's ARN.
            bucket = aws.s3.Bucket("uploads", opts=opts)
            account = PARTNER if shape.endswith("partner") else OWN
            document = pulumi.Output.all(topic.arn, bucket.arn).apply(lambda a: _doc({
                "Sid": "AllowS3Publish", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                "Action": "SNS:Publish", "Resource": a[0],
                "Condition": {"StringEquals": {"aws:SourceAccount": account},
                              "ArnLike": {"aws:SourceArn": a[1]}}}))  # fmt: skip
            return aws.sns.TopicPolicy("object-events", arn=topic.arn, policy=document, opts=opts)
        if shape.startswith("queue-events"):
            # EventBridge "Using resource-based policies": an SQS target, limited to the rule's ARN.
            queue = aws.sqs.Queue("order-events", opts=opts)
            rule = aws.cloudwatch.EventRule("orders", event_pattern=json.dumps({"source": ["fleet.orders"]}), opts=opts)
            partner_rule = f"arn:{p}:events:{region}:{PARTNER}:rule/orders"
            source = rule.arn if shape.endswith("own-rule") else pulumi.Output.from_input(partner_rule)
            document = pulumi.Output.all(queue.arn, source).apply(lambda a: _doc({
                "Sid": "AllowRule", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                "Action": "sqs:SendMessage", "Resource": a[0],
                "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}}}))  # fmt: skip
            return aws.sqs.QueuePolicy("order-events", queue_url=queue.id, policy=document, opts=opts)
        if shape.startswith("secret-userid"):
            # S3 / Secrets Manager: limit to every session of one role by its unique id (aws:userId, StringLike).
            secret = aws.secretsmanager.Secret("reports-db", opts=opts)
            document = secret.arn.apply(lambda arn: _doc({
                "Sid": "ReportingRoleOnly", "Effect": "Allow", "Principal": "*",
                "Action": "secretsmanager:GetSecretValue", "Resource": arn,
                "Condition": {"StringLike": {"aws:userId": f"{ROLE_ID}:*"}}}))  # fmt: skip
            return aws.secretsmanager.SecretPolicy("reports-db", secret_arn=secret.arn, policy=document, opts=opts)
        role = aws.iam.Role("fn-role", assume_role_policy=LAMBDA_ROLE, opts=opts)
        fn = aws.lambda_.Function("ingest", runtime="python3.12", handler="index.handler", role=role.arn, code=CODE,
                                  opts=opts)  # fmt: skip
        if shape == "lambda-org":
            # Lambda AddPermission: PrincipalOrgID "The identifier for your organization in AWS Organizations. Use
            # this to grant permissions to all the AWS accounts under this organization."
            return aws.lambda_.Permission("org-invoke", action="lambda:InvokeFunction", function=fn.name, principal="*",
                                          principal_org_id=ORG, opts=opts)  # fmt: skip
        # lambda-source-partner: a rule of the partner's account invokes the function.
        return aws.lambda_.Permission("partner-rule", action="lambda:InvokeFunction", function=fn.name,
                                      principal="events.amazonaws.com",
                                      source_arn=f"arn:{p}:events:{region}:{PARTNER}:rule/orders",
                                      opts=opts)  # fmt: skip

    return build
