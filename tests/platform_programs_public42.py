"""RES-024 false alarms left open since stop 36: VPC search domains and Denies written with NotAction / NotResource.

Two shapes AWS documents, refused RES-024 at every front door before stop 42 (issue 9, residency-open.md's RES-024
entry, reproduced on the unchanged engine):

- **An OpenSearch (or legacy Elasticsearch) domain inside a VPC** whose access policy lets ``{"AWS": "*"}`` send
  ``es:ESHttp*``: the open policy AWS recommends for a VPC domain with fine-grained access control. A domain made with
  ``vpc_options.subnet_ids`` has no public endpoint (CreateDomain ``VPCOptions``: "If you don't specify these values,
  OpenSearch Service creates the domain with a public endpoint"), so only callers in the VPC reach it: not public.
  Offending twin: the same policy on a domain without ``vpc_options`` (a public endpoint: RES-024). The open policy
  set by a separate ``DomainPolicy`` on a VPC domain was RES-024 in stop 42 (the pack judged one resource at a time);
  since stop 43 every door joins the policy to the domain by name and it passes (docs/residency.md, "SQS subtypes,
  domain policies and VPC endpoint grants (stop 43)"; its public-domain twins are ``sqsvpc43-*``).
- **A Deny with NotAction / NotResource** beside an Allow to ``*``, unless through the stack's VPC endpoint: a Deny of
  ``NotAction: [s3:GetBucketLocation]`` denies every other action (IAM JSON policy elements: NotAction), so it covers
  an Allow of ``s3:GetObject`` / ``s3:PutObject``; a private API's Deny of ``NotResource`` the health check covers the
  Allow's other methods. Offending twins: the Allow also names what the Deny's list leaves allowed
  (``s3:GetBucket*`` holds ``s3:GetBucketLocation``, ``/prod/*`` the health check): public (RES-024).

Each builder is what a team writes from pulumi-aws v7's ``opensearch.Domain``, ``elasticsearch.Domain``,
``s3.BucketPolicy`` and ``apigateway.RestApi`` pages. tests/test_realistic_programs.py runs them as CASES
(``public42-*``) in EU, US, JP and CN (aws-cn has OpenSearch Service, S3 and API Gateway).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's own account (the mocks' caller identity, pinned by the realistic table's provider)."""
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = ("EU", "US", "JP", "CN")
VPCE = "vpce-0a1b2c3d4e5f60718"
"""The stack's VPC endpoint (S3 gateway endpoint, or execute-api interface endpoint)."""

DOMAIN_FORMS = ("vpc-domain", "public-domain", "vpc-es-domain", "public-es-domain", "vpc-domain-separate-policy")
DENY_FORMS = (
    "notaction-deny",
    "notaction-deny-leaves-bucket-location",
    "notresource-deny",
    "notresource-deny-leaves-health",
)
OFFENDING = frozenset(
    ("public-domain", "public-es-domain", "notaction-deny-leaves-bucket-location",
     "notresource-deny-leaves-health")
)  # fmt: skip


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _open_search_policy(code: str, name: str) -> str:
    # The developer guide's open policy for a VPC domain with fine-grained access control: everyone in the network,
    # the HTTP methods of the domain's subresources.
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*",
         "Resource": f"arn:{_partition(code)}:es:{REGIONS[code]}:{OWN}:domain/{name}/*"}]})  # fmt: skip


def domain(code: str, form: str) -> Build:
    """A search domain with the open access policy, in the stack's VPC (its subnets' outputs or written ids) or with a
    public endpoint; the separate-policy form sets the same policy through ``opensearch.DomainPolicy``."""

    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("search", cidr_block="10.20.0.0/16", opts=c.aws)
        subnets = [
            aws.ec2.Subnet(f"search-{i}", vpc_id=vpc.id, cidr_block=f"10.20.{i}.0/24", opts=c.aws) for i in (1, 2)
        ]
        group = aws.ec2.SecurityGroup("search", vpc_id=vpc.id, description="search clients in the VPC", opts=c.aws)
        in_vpc = form.startswith("vpc-")
        network: dict[str, Any] = {}
        if form == "vpc-es-domain":
            # Legacy Elasticsearch, subnets written as ids (an existing network of the account).
            network = {"vpc_options": {"subnet_ids": ["subnet-0a1b2c3d4e5f60718"], "security_group_ids": [group.id]}}
        elif in_vpc:
            network = {"vpc_options": {"subnet_ids": [s.id for s in subnets], "security_group_ids": [group.id]}}
        admin = f"arn:{_partition(code)}:iam::{OWN}:role/search-admin"
        security: Any = {"enabled": True, "internal_user_database_enabled": False,
                    "master_user_options": {"master_user_arn": admin}}  # fmt: skip
        common: Any = {
            "domain_name": "fleet-logs",
            "ebs_options": {"ebs_enabled": True, "volume_size": 20},
            "encrypt_at_rest": {"enabled": True},
            "node_to_node_encryption": {"enabled": True},
            "domain_endpoint_options": {"enforce_https": True, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"},
            **network,
        }  # fmt: skip
        policy = _open_search_policy(code, "fleet-logs")
        if form.endswith("es-domain"):
            return aws.elasticsearch.Domain(
                "fleet-logs", elasticsearch_version="7.10", access_policies=policy,
                cluster_config={"instance_type": "r6g.large.elasticsearch"},
                advanced_security_options=security, **common, opts=c.aws,
            )  # fmt: skip
        if form == "vpc-domain-separate-policy":
            made = aws.opensearch.Domain(
                "fleet-logs", engine_version="OpenSearch_2.13", cluster_config={"instance_type": "r6g.large.search"},
                advanced_security_options=security, **common, opts=c.aws,
            )  # fmt: skip
            return aws.opensearch.DomainPolicy(
                "fleet-logs", domain_name=made.domain_name, access_policies=policy, opts=c.aws
            )
        return aws.opensearch.Domain(
            "fleet-logs", engine_version="OpenSearch_2.13", access_policies=policy,
            cluster_config={"instance_type": "r6g.large.search"}, advanced_security_options=security, **common,
            opts=c.aws,
        )  # fmt: skip

    return build


def _deny_unless_endpoint(**elements: Any) -> dict[str, Any]:
    return {"Sid": "OnlyThroughTheEndpoint", "Effect": "Deny", "Principal": "*", **elements,
            "Condition": {"StringNotEquals": {"aws:SourceVpce": VPCE}}}  # fmt: skip


def denies(code: str, form: str) -> Build:
    """An Allow to ``*`` restricted by a Deny written with NotAction (a bucket: every action but
    ``s3:GetBucketLocation`` denied unless through the endpoint) or NotResource (a private API: every method but the
    health check denied unless through the endpoint)."""

    def build(c: Any) -> object:
        if form.startswith("notaction"):
            bucket = aws.s3.Bucket("exports", opts=c.aws)
            leaves = form == "notaction-deny-leaves-bucket-location"
            actions = ["s3:GetObject", "s3:PutObject"] + (["s3:GetBucket*"] if leaves else [])
            policy = bucket.arn.apply(lambda arn: json.dumps({"Version": "2012-10-17", "Statement": [
                {"Sid": "AnyoneThroughTheEndpoint", "Effect": "Allow", "Principal": "*", "Action": actions,
                 "Resource": [arn, f"{arn}/*"]},
                _deny_unless_endpoint(NotAction=["s3:GetBucketLocation"], Resource=[arn, f"{arn}/*"]),
            ]}))  # fmt: skip
            return aws.s3.BucketPolicy("exports", bucket=bucket.id, policy=policy, opts=c.aws)
        leaves = form == "notresource-deny-leaves-health"
        allowed = (
            ["execute-api:/prod/*"] if leaves else ["execute-api:/prod/POST/*", "execute-api:/prod/GET/vehicles/*"]
        )
        document = json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": allowed},
            _deny_unless_endpoint(Action="execute-api:Invoke", NotResource=["execute-api:/prod/GET/health"]),
        ]})  # fmt: skip
        return aws.apigateway.RestApi(
            "internal", name="internal", policy=document,
            endpoint_configuration={"types": "PRIVATE", "vpc_endpoint_ids": [VPCE]}, opts=c.aws,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"public42-{code.lower()}-{form}", code, domain(code, form) if form in DOMAIN_FORMS else denies(code, form),
         {"RES-024"} if form in OFFENDING else set(), [])
        for code in CODES
        for form in (*DOMAIN_FORMS, *DENY_FORMS)
    ]  # fmt: skip
