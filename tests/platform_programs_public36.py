"""Public-access review (stop 36): a grant to everyone is refused unless restricted or declared (RES-024).

Each form of a grant to everyone, in three shapes: ``public`` (refused), ``restricted`` by what AWS's (or OSS's) own
definition of a non-public policy accepts (passes), and ``declared`` (the public form with one line in the register,
``match: public:<logical name>``: passes, reported declared). Policies are literal JSON, as a team writes a website
bucket's policy, so every front door (the first preview too) sees the statement.
tests/test_realistic_programs.py runs them as CASES (``public36-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the mocks' caller identity, the context's provider pin)."""
ORG = "o-a1b2c3d4e5"
"""The team's AWS organization."""
CODES = ("EU", "DE", "JP", "US", "CN")
SHAPES = ("public", "restricted", "declared")
AWS_FORMS = ("bucket-policy", "bucket-acl", "object-acl", "queue-policy", "secret-policy", "key-policy",
             "function-url", "layer-permission")  # fmt: skip
ALI_FORMS = ("oss-bucket-acl", "oss-acl-resource", "oss-bucket-policy")
NAMES = {
    "bucket-policy": "site-policy", "bucket-acl": "site-acl", "object-acl": "index-html", "queue-policy": "intake",
    "secret-policy": "shared-secret", "key-policy": "site-key", "function-url": "public-url",
    "layer-permission": "shared-layer-use", "oss-bucket-acl": "site", "oss-acl-resource": "site-acl",
    "oss-bucket-policy": "site-policy",
}  # fmt: skip
"""The logical name of the resource that grants, which the declaration names (``public:<name>``)."""


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _doc(statement: dict[str, Any], version: str = "2012-10-17") -> str:
    return json.dumps({"Version": version, "Statement": [statement]})


def _allow(action: Any, resource: Any, condition: dict[str, Any] | None, principal: Any = "*") -> dict[str, Any]:
    statement = {"Effect": "Allow", "Principal": principal, "Action": action, "Resource": resource}
    return statement if condition is None else {**statement, "Condition": condition}


def declared(form: str) -> dict[str, Any]:
    """The one line that lets a public resource through (docs/residency.md, "Grants to everyone")."""
    return {"id": f"public-{form}", "kind": "resident", "match": f"public:{NAMES[form]}",
            "evidence": "public website content, no personal data"}  # fmt: skip


def aws_form(form: str, code: str, shape: str) -> Build:
    """One AWS grant to everyone (``public``), or restricted (``restricted``). Docs: S3 "Setting permissions for website
    access" (a bucket policy granting s3:GetObject to `*`), S3 "Access control list (ACL) overview" (canned ACLs),
    SQS / Secrets Manager / KMS resource-based policies, Lambda "Function URLs" (auth type NONE needs a permission to
    `*`), Lambda layer version permissions (`*` or an organization)."""

    def build(c: Any) -> object:
        opts, p = c.aws, _part(code)
        public = shape != "restricted"
        bucket = f"fleet-site-{code.lower()}"
        if form == "bucket-policy":
            aws.s3.Bucket("site", bucket=bucket, opts=opts)
            vpce = {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}}
            return aws.s3.BucketPolicy("site-policy", bucket=bucket, policy=_doc(_allow(
                "s3:GetObject", f"arn:{p}:s3:::{bucket}/*", None if public else vpce)), opts=opts)  # fmt: skip
        if form == "bucket-acl":
            aws.s3.Bucket("site", bucket=bucket, opts=opts)
            aws.s3.BucketOwnershipControls("site", bucket=bucket, rule={"object_ownership": "BucketOwnerPreferred"},
                                           opts=opts)  # fmt: skip
            return aws.s3.BucketAcl("site-acl", bucket=bucket, acl="public-read" if public else "private", opts=opts)
        if form == "object-acl":
            aws.s3.Bucket("site", bucket=bucket, opts=opts)
            return aws.s3.BucketObjectv2("index-html", bucket=bucket, key="index.html", content="<h1>fleet</h1>",
                                         content_type="text/html", acl="public-read" if public else "private",
                                         opts=opts)  # fmt: skip
        if form == "queue-policy":
            queue = aws.sqs.Queue("intake-queue", opts=opts)
            org = {"StringEquals": {"aws:PrincipalOrgID": ORG}}
            return aws.sqs.QueuePolicy("intake", queue_url=queue.url, policy=_doc(_allow(
                "sqs:SendMessage", f"arn:{p}:sqs:{_region(code)}:{OWN}:intake", None if public else org,
                {"AWS": "*"})), opts=opts)  # fmt: skip
        if form == "secret-policy":
            secret = aws.secretsmanager.Secret("shared", opts=opts)
            account = {"StringEquals": {"aws:PrincipalAccount": OWN}}
            return aws.secretsmanager.SecretPolicy("shared-secret", secret_arn=secret.arn, policy=_doc(_allow(
                "secretsmanager:GetSecretValue", "*", None if public else account)), opts=opts)  # fmt: skip
        if form == "key-policy":
            root = {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"},
                    "Action": "kms:*", "Resource": "*"}  # fmt: skip
            caller = {"StringEquals": {"kms:CallerAccount": OWN}}
            # kms:ViaService alone names the service, not who calls: still public
            via = {
                "StringEquals": {"kms:ViaService": f"s3.{_region(code)}.amazonaws.com{'.cn' if code == 'CN' else ''}"}
            }
            use = _allow(["kms:Decrypt", "kms:GenerateDataKey*"], "*", via if public else {**via, **caller},
                         {"AWS": "*"})  # fmt: skip
            return aws.kms.Key("site-key", description="site key",
                               policy=json.dumps({"Version": "2012-10-17", "Statement": [root, use]}),
                               opts=opts)  # fmt: skip
        if form == "function-url":
            role = aws.iam.Role("fn-role", assume_role_policy=_doc(
                {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}),
                opts=opts)  # fmt: skip
            code_ = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass")})
            fn = aws.lambda_.Function("status", role=role.arn, runtime="python3.12", handler="index.handler",
                                      code=code_, opts=opts)  # fmt: skip
            aws.lambda_.FunctionUrl("status", function_name=fn.name, authorization_type="NONE" if public else "AWS_IAM",
                                    opts=opts)  # fmt: skip
            return aws.lambda_.Permission("public-url", action="lambda:InvokeFunctionUrl", function=fn.name,
                                          principal="*", function_url_auth_type="NONE" if public else "AWS_IAM",
                                          principal_org_id=None if public else ORG, opts=opts)  # fmt: skip
        layer = aws.lambda_.LayerVersion("shared", layer_name="shared", compatible_runtimes=["python3.12"],
                                         code=pulumi.AssetArchive({"python/x.py": pulumi.StringAsset("X = 1")}),
                                         opts=opts)  # fmt: skip
        return aws.lambda_.LayerVersionPermission("shared-layer-use", layer_name=layer.layer_name, version_number=1,
                                                  statement_id="everyone", action="lambda:GetLayerVersion",
                                                  principal="*", organization_id=None if public else ORG,
                                                  opts=opts)  # fmt: skip

    return build


def ali_form(form: str, code: str, shape: str) -> Build:
    """One OSS grant to everyone: a bucket's ``acl`` (docs: alicloud oss/bucket), the ``BucketAcl`` resource
    (oss/bucketacl), a bucket policy to ``["*"]`` (oss/bucketpolicy); restricted: ``private``, or a fixed
    ``acs:SourceVpc`` (OSS "Block Public Access": a statement with a fixed acs:SourceVpc is non-public)."""

    def build(c: Any) -> object:
        opts = c.ali
        public = shape != "restricted"
        name = f"fleet-site-{code.lower()}"
        if form == "oss-bucket-acl":
            return alicloud.oss.Bucket("site", bucket=name, acl="public-read" if public else "private", opts=opts)
        bucket = alicloud.oss.Bucket("site-bucket", bucket=name, opts=opts)
        if form == "oss-acl-resource":
            return alicloud.oss.BucketAcl("site-acl", bucket=bucket.bucket,
                                          acl="public-read-write" if public else "private", opts=opts)  # fmt: skip
        vpc = {"StringEquals": {"acs:SourceVpc": ["vpc-uf6f7l4fg90oxwxs1abcd"]}}
        statement = _allow(["oss:GetObject"], [f"acs:oss:*:*:{name}/*"], None if public else vpc, ["*"])
        return alicloud.oss.BucketPolicy("site-policy", bucket=bucket.bucket, policy=_doc(statement, "1"), opts=opts)

    return build


def referer_declared() -> dict[str, Any]:
    """The declaration the table's referer-limited site bucket (``eu-s3-referer-policy-declared``) takes."""
    return {"id": "site-assets", "kind": "resident", "match": "public:site-assets-policy",
            "evidence": "the company site's public images, no personal data"}  # fmt: skip


def _region(code: str) -> str:
    return {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}[
        code
    ]
