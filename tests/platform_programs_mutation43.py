"""Programs of the mutation search's round 12 (stop 43): what the search found over the programs stop 42 added.

A search domain with fine-grained access control names its master user by ARN
(``advanced_security_options.master_user_options.master_user_arn``, pulumi-aws opensearch/domain and
elasticsearch/domain; CloudFormation MasterUserOptions: "Amazon Resource Name (ARN) for the master user. The ARN can
point to an IAM user or role"). Once the domain's access policy lets a request through, fine-grained access control
"fetches all roles mapped to that user" (developer guide, "Fine-grained access control in Amazon OpenSearch
Service"), and the master user is the one mapped to every role of the domain's data. A master user of another account
reads the whole domain as a ``Principal`` naming that account in the domain's ``access_policies`` would, which the
engine refuses (RES-023, VPC domains too); the search's account mutant of ``public42-*-vpc-domain`` and
``public42-*-vpc-es-domain`` (the own account swapped for one no provider pins) passed every front door, and so did
the ``partner`` programs below on the unchanged engine.

``engine``: ``opensearch`` (``aws.opensearch.Domain``) or ``elasticsearch`` (the legacy ``aws.elasticsearch.Domain``),
both in the stack's VPC with the open access policy AWS recommends with fine-grained access control (public42).
``who``: ``own`` (a role the stack makes, by its ``arn`` output), ``partner`` (a role of an account no provider pins:
RES-023, except in CN, where an aws-cn account is China's by partition), ``declared`` (the partner, declared by its
bare id).

tests/test_realistic_programs.py runs them as CASES (``mutation43-*``); docs/residency.md, "Mutation search, round 12
(stop 43)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
PARTNER = "444455556666"
"""A search consultancy's account, which no provider of the stack is pinned to."""
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
PARTITION = {"EU": "aws", "US": "aws", "JP": "aws", "CN": "aws-cn"}
ENGINES = ("opensearch", "elasticsearch")
WHO = ("own", "partner", "declared")
PARTNER_DECLARED: dict[str, Any] = {
    "id": "search-consultancy-account", "kind": "resident", "match": PARTNER,
    "evidence": "the search consultancy's account; its contract and an SCP keep it in the market's Regions",
}  # fmt: skip
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{OWN}:root"}, "Action": "sts:AssumeRole"},
]})  # fmt: skip


def search_domain(code: str, engine: str, who: str) -> Build:
    partition = PARTITION[code]

    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("search", cidr_block="10.20.0.0/16", opts=c.aws)
        subnets = [
            aws.ec2.Subnet(f"search-{i}", vpc_id=vpc.id, cidr_block=f"10.20.{i}.0/24", opts=c.aws) for i in (1, 2)
        ]
        group = aws.ec2.SecurityGroup("search", vpc_id=vpc.id, description="search clients in the VPC", opts=c.aws)
        if who == "own":
            trust = TRUST.replace("arn:aws:", f"arn:{partition}:")
            master: Any = aws.iam.Role("search-admin", assume_role_policy=trust, opts=c.aws).arn
        else:
            master = f"arn:{partition}:iam::{PARTNER}:role/search-admin"
        # docs: opensearch/domain `advanced_security_options` (enabled, internal_user_database_enabled false, an IAM
        # master user); the open policy of a VPC domain with fine-grained access control (public42).
        security: Any = {"enabled": True, "internal_user_database_enabled": False,
                         "master_user_options": {"master_user_arn": master}}  # fmt: skip
        policy = json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*",
             "Resource": f"arn:{partition}:es:{REGION[code]}:{OWN}:domain/fleet-search/*"}]})  # fmt: skip
        common: Any = {
            "domain_name": "fleet-search",
            "access_policies": policy,
            "advanced_security_options": security,
            "ebs_options": {"ebs_enabled": True, "volume_size": 20},
            "encrypt_at_rest": {"enabled": True},
            "node_to_node_encryption": {"enabled": True},
            "domain_endpoint_options": {"enforce_https": True, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"},
            "vpc_options": {"subnet_ids": [s.id for s in subnets], "security_group_ids": [group.id]},
        }  # fmt: skip
        if engine == "elasticsearch":
            return aws.elasticsearch.Domain(
                "fleet-search", elasticsearch_version="7.10",
                cluster_config={"instance_type": "r6g.large.elasticsearch"}, **common, opts=c.aws,
            )  # fmt: skip
        return aws.opensearch.Domain(
            "fleet-search", engine_version="OpenSearch_2.13", cluster_config={"instance_type": "r6g.large.search"},
            **common, opts=c.aws,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"mutation43-{code.lower()}-{engine}-master-user-{who}", code, search_domain(code, engine, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] if who == "declared" else [])
        for code in REGION
        for engine in ENGINES
        for who in WHO
        if code != "CN" or who != "declared"
    ]  # fmt: skip
