"""Ordinary programs that grant an AWS account access to the stack's data (accounts review, stop 35).

Each builder is what a team writes from the provider docs: a resource policy, a role's trust policy or a Lambda
permission naming an account. ``account`` is the account granted; ``pinned`` says whether the stack's provider is pinned
to the team's own account (``allowed_account_ids``, or the account of an ``assume_roles`` role), as a team's own stack
is. A grant to the pinned account passes; one to another account is refused (RES-023) unless the register declares it;
in aws-cn every account of the partition is a China account. tests/test_realistic_programs.py runs them as CASES
(``accounts35-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's own account (the mocks' caller identity)."""
PARTNER = "999999999999"
"""Another account: the company's analytics account in the market, or a partner abroad."""
REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
PIN = Any  # "allowed" (allowed_account_ids), "role" (assume_roles), or None


def _provider(code: str, pinned: PIN) -> pulumi.ResourceOptions:
    region = REGIONS[code]
    partition = "aws-cn" if code == "CN" else "aws"
    extra: dict[str, Any] = {}
    if pinned == "allowed":
        extra["allowed_account_ids"] = [OWN]
    elif pinned == "role":  # docs: provider `assumeRoles` (v7): the deployment role of the team's account
        extra["assume_roles"] = [{"role_arn": f"arn:{partition}:iam::{OWN}:role/deployer", "session_name": "ci"}]
    return pulumi.ResourceOptions(provider=aws.Provider(f"aws-{code.lower()}", region=region, **extra))


def _statement(principal: Any, action: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "Grant", "Effect": "Allow", "Principal": principal, "Action": action, "Resource": "*"}
            ],
        }
    )


def _principal(code: str, account: str, form: str) -> Any:
    partition = "aws-cn" if code == "CN" else "aws"
    if form == "root":
        return {"AWS": f"arn:{partition}:iam::{account}:root"}
    if form == "id":
        return {"AWS": account}
    if form == "role":
        return {"AWS": [f"arn:{partition}:iam::{account}:role/fleet-reader"]}
    if form == "foreign-partition":  # an aws account named in a China stack
        return {"AWS": f"arn:aws:iam::{account}:root"}
    raise ValueError(form)


def grant(kind: str, code: str, account: str, *, pinned: PIN = "allowed", form: str = "root") -> Build:
    """A ``kind`` of grant to ``account`` in a ``code`` stack (docs: each resource's registry page)."""

    def build(c: Any) -> object:
        opts = _provider(code, pinned)
        principal = _principal(code, account, form)
        if kind == "sns":  # docs: sns/topicpolicy — `policy` of the topic
            topic = aws.sns.Topic("alerts", opts=opts)
            return aws.sns.TopicPolicy(
                "alerts-grant", arn=topic.arn, policy=_statement(principal, "sns:Subscribe"), opts=opts
            )
        if kind == "sqs":  # docs: sqs/queuepolicy
            queue = aws.sqs.Queue("trips", opts=opts)
            return aws.sqs.QueuePolicy(
                "trips-grant", queue_url=queue.url, policy=_statement(principal, "sqs:ReceiveMessage"), opts=opts
            )
        if kind == "s3":  # docs: s3/bucketpolicy
            bucket = aws.s3.Bucket("telemetry", opts=opts)
            return aws.s3.BucketPolicy(
                "telemetry-grant", bucket=bucket.id, policy=_statement(principal, "s3:GetObject"), opts=opts
            )
        if kind == "kms":  # docs: kms/key — `policy`, the key policy
            return aws.kms.Key("data", policy=_statement(principal, "kms:Decrypt"), opts=opts)
        if kind == "role":  # docs: iam/role — `assume_role_policy`, the trust policy
            return aws.iam.Role("reader", assume_role_policy=_statement(principal, "sts:AssumeRole"), opts=opts)
        if kind == "lambda":  # docs: lambda/permission — `principal` an account id
            role = aws.iam.Role("fn-role", assume_role_policy=_statement({"Service": "lambda.amazonaws.com"},
                                                                        "sts:AssumeRole"), opts=opts)  # fmt: skip
            fn = aws.lambda_.Function(
                "ingest", role=role.arn, runtime="python3.12", handler="index.handler",
                code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
                opts=opts,
            )  # fmt: skip
            return aws.lambda_.Permission(
                "cross-account", action="lambda:InvokeFunction", function=fn.name, principal=account, opts=opts
            )
        if kind == "events":  # docs: cloudwatch/eventbuspolicy
            bus = aws.cloudwatch.EventBus("fleet", opts=opts)
            return aws.cloudwatch.EventBusPolicy(
                "fleet-grant", event_bus_name=bus.name, policy=_statement(principal, "events:PutEvents"), opts=opts
            )
        if kind == "secrets":  # docs: secretsmanager/secretpolicy
            secret = aws.secretsmanager.Secret("db", opts=opts)
            return aws.secretsmanager.SecretPolicy(
                "db-grant",
                secret_arn=secret.arn,
                policy=_statement(principal, "secretsmanager:GetSecretValue"),
                opts=opts,
            )
        if kind == "ecr":  # docs: ecr/repositorypolicy
            repo = aws.ecr.Repository("ingest", opts=opts)
            return aws.ecr.RepositoryPolicy(
                "ingest-grant", repository=repo.name, policy=_statement(principal, "ecr:BatchGetImage"), opts=opts
            )
        if kind == "logs":  # docs: cloudwatch/logresourcepolicy
            return aws.cloudwatch.LogResourcePolicy(
                "share", policy_name="share", policy_document=_statement(principal, "logs:GetLogEvents"), opts=opts
            )
        if kind == "glue":  # docs: glue/resourcepolicy — the Data Catalog's resource policy
            return aws.glue.ResourcePolicy("catalog", policy=_statement(principal, "glue:GetTable"), opts=opts)
        if kind == "backup":  # docs: backup/vaultpolicy
            vault = aws.backup.Vault("fleet", opts=opts)
            return aws.backup.VaultPolicy(
                "fleet-grant", backup_vault_name=vault.name, policy=_statement(principal, "backup:CopyIntoBackupVault"),
                opts=opts,
            )  # fmt: skip
        raise ValueError(kind)

    return build


def policy_document_grant(code: str, account: str) -> Build:
    """An SQS queue policy built with aws.iam.get_policy_document (``principals[].identifiers``) through the stack's
    pinned provider."""

    def build(c: Any) -> object:
        opts = _provider(code, "allowed")
        partition = "aws-cn" if code == "CN" else "aws"
        queue = aws.sqs.Queue("trips", opts=opts)
        document = aws.iam.get_policy_document(
            statements=[{
                "effect": "Allow", "actions": ["sqs:ReceiveMessage"], "resources": ["*"],
                "principals": [{"type": "AWS", "identifiers": [f"arn:{partition}:iam::{account}:root"]}],
            }],
            opts=pulumi.InvokeOptions(provider=opts.provider),
        )  # fmt: skip
        return aws.sqs.QueuePolicy("trips-grant", queue_url=queue.url, policy=document.json, opts=opts)

    return build


def caller_identity_grant(code: str, pinned: PIN) -> Build:
    """A key policy granting the account `aws.get_caller_identity()` reads (the stack's own): passes when the provider
    is pinned; without a pin nothing proves the account the credentials belong to is the stack's (RES-023)."""

    def build(c: Any) -> object:
        opts = _provider(code, pinned)
        me = aws.get_caller_identity(opts=pulumi.InvokeOptions(provider=opts.provider))
        partition = "aws-cn" if code == "CN" else "aws"
        return aws.kms.Key(
            "data", policy=_statement({"AWS": f"arn:{partition}:iam::{me.account_id}:root"}, "kms:*"), opts=opts
        )

    return build


KINDS = ("sns", "sqs", "s3", "kms", "role", "lambda", "events", "secrets", "ecr", "logs", "glue", "backup")

RESIDENT = {
    "id": "eu-analytics", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the company's analytics account; SCP limits it to the market's Regions",
}  # fmt: skip


def resident(code: str, match: str) -> dict[str, Any]:
    return {**RESIDENT, "id": f"{code.lower()}-analytics", "match": match}


def transfer(code: str) -> dict[str, Any]:
    basis = {"EU": "scc", "DE": "scc"}.get(code, "documented-assessment")
    return {
        "id": "partner-analytics", "kind": "transfer", "match": PARTNER, "destination": "CH" if code == "US" else "US",
        "data_classes": ["vehicle_telemetry"], "basis": basis, "reference": "DPA-2026-118", "approved_by": "dpo",
        "expires": "2027-12-31",
    }  # fmt: skip
