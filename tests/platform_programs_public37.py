"""Public-access red team (stop 36): grants to everyone that passed RES-024, each closed, in three shapes.

``public`` (refused, RES-024), ``restricted`` (the same program limited as the provider documents: passes) and
``declared`` (the public form with ``match: public:<logical name>``: passes, reported declared).

- ``event-permission``: an EventBridge ``EventPermission`` with ``principal: "*"`` and no ``condition`` lets every AWS
  account put events on the bus (PutPermission; the restricted twin names the organization, the only documented
  condition, aws:PrincipalOrgID).
- ``split-source-ip``: a bucket policy to ``*`` "restricted" by ``aws:SourceIp`` ``0.0.0.0/1`` and ``128.0.0.0/1``,
  which together are every IPv4 address (as ``0.0.0.0/0``); ``ipv6-any-source-ip``: ``0::/0`` (``::/0`` written
  otherwise). The restricted twins name the office's ranges.
- ``wildcard-source-arn``: a Lambda permission to ``*`` whose ``source_arn`` is ``arn:aws:s3:::*`` (every bucket of
  every account may invoke the function); the restricted twin names the stack's bucket.
- ``cr-repo`` / ``cr-namespace`` / ``ee-repo``: an Alibaba Cloud Container Registry repository or namespace with
  ``PUBLIC`` visibility: anyone may pull its images (docs: alicloud cr/repo, cr/namespace, cs/registryenterpriserepo).

tests/test_realistic_programs.py runs them as CASES (``public37-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

ORG = "o-a1b2c3d4e5"
"""The team's AWS organization."""
CODES = ("EU", "DE", "JP", "US", "CN")
SHAPES = ("public", "restricted", "declared")
AWS_FORMS = ("event-permission", "split-source-ip", "ipv6-any-source-ip", "wildcard-source-arn")
ALI_FORMS = ("cr-repo", "cr-namespace", "ee-repo")
ALI_CODES = ("CN", "EU")
NAMES = {
    "event-permission": "partner-events", "split-source-ip": "site-policy", "ipv6-any-source-ip": "site-policy",
    "wildcard-source-arn": "thumbs-from-s3",
    "cr-repo": "portal", "cr-namespace": "apps", "ee-repo": "portal-ee",
}  # fmt: skip
"""The logical name of the resource that grants, which the declaration names (``public:<name>``)."""


def declared(form: str) -> dict[str, Any]:
    """The one line that lets a public resource through (docs/residency.md, "Grants to everyone")."""
    return {"id": f"public-{form}", "kind": "resident", "match": f"public:{NAMES[form]}",
            "evidence": "published on purpose, no personal data"}  # fmt: skip


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def aws_form(form: str, code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        opts = c.aws
        public = shape != "restricted"
        if form == "event-permission":
            condition: Any = None if public else {"key": "aws:PrincipalOrgID", "type": "StringEquals", "value": ORG}
            return aws.cloudwatch.EventPermission("partner-events", principal="*", statement_id="OrganizationAccess",
                                                  condition=condition, opts=opts)  # fmt: skip
        bucket = f"fleet-site-{code.lower()}"
        aws.s3.Bucket("site", bucket=bucket, opts=opts)
        if form == "wildcard-source-arn":
            role = aws.iam.Role("thumbs-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}),
                opts=opts)  # fmt: skip
            archive = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass")})
            fn = aws.lambda_.Function("thumbs", role=role.arn, runtime="python3.12", handler="index.handler",
                                      code=archive, opts=opts)  # fmt: skip
            source = f"arn:{_part(code)}:s3:::*" if public else f"arn:{_part(code)}:s3:::{bucket}"
            return aws.lambda_.Permission("thumbs-from-s3", action="lambda:InvokeFunction", function=fn.name,
                                          principal="*", source_arn=source, opts=opts)  # fmt: skip
        if form == "split-source-ip":
            ranges = ["0.0.0.0/1", "128.0.0.0/1"] if public else ["198.51.100.0/24", "203.0.113.0/24"]
        else:
            ranges = ["0::/0"] if public else ["2001:db8:1200::/40"]
        statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                     "Resource": f"arn:{_part(code)}:s3:::{bucket}/*",
                     "Condition": {"IpAddress": {"aws:SourceIp": ranges}}}  # fmt: skip
        return aws.s3.BucketPolicy("site-policy", bucket=bucket,
                                   policy=json.dumps({"Version": "2012-10-17", "Statement": [statement]}),
                                   opts=opts)  # fmt: skip

    return build


def ali_form(form: str, code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        opts = c.ali
        visibility = "PRIVATE" if shape == "restricted" else "PUBLIC"
        if form == "cr-namespace":
            return alicloud.cr.Namespace("apps", name="fleet-apps", auto_create=False, default_visibility=visibility,
                                         opts=opts)  # fmt: skip
        if form == "cr-repo":
            ns = alicloud.cr.Namespace("apps", name="fleet-apps", auto_create=False, default_visibility="PRIVATE",
                                       opts=opts)  # fmt: skip
            return alicloud.cr.Repo("portal", namespace=ns.name, name="owner-portal", summary="owner portal",
                                    repo_type=visibility, opts=opts)  # fmt: skip
        instance = alicloud.cr.RegistryEnterpriseInstance("registry", payment_type="Subscription", period=1,
                                                          instance_type="Advanced", instance_name="fleet-registry",
                                                          opts=opts)  # fmt: skip
        ee_ns = alicloud.cs.RegistryEnterpriseNamespace("apps-ee", instance_id=instance.id, name="fleet-apps",
                                                     auto_create=False, default_visibility="PRIVATE",
                                                     opts=opts)  # fmt: skip
        return alicloud.cs.RegistryEnterpriseRepo("portal-ee", instance_id=instance.id, namespace=ee_ns.name,
                                                  name="owner-portal", summary="owner portal", repo_type=visibility,
                                                  opts=opts)  # fmt: skip

    return build
