"""Leftovers of stop 43 (stop 44, issue 9, task leftovers44): small items stop 43 left open.

**A bare Region name in a zone field.** A zone input takes a zone of one Region (pulumi-aws ``ec2/subnet``
``availability_zone``: "AZ for the subnet"; ``lightsail/instance`` ``availability_zone``: "The Availability Zone in
which to create your instance"; Alibaba ``vpc/switch`` ``zone_id``, ROS ``ALIYUN::ECS::VSwitch`` ``ZoneId``: "the ID
of the zone"). The mutation search's round 13 (stop 43) found ``availability_zone = "ap-southeast-1"`` passing every
door whatever Region it named (the engine read a zone by its Region and did not read a bare Region there); Alibaba's
``zone_id = "cn-shanghai"`` was refused as an unknown region (RES-011) in-country too. Reproduced on the unchanged
engine with the ``zone-*`` programs below. Now such a value is judged by the Region it names: abroad RES-008 (as a
zone of that Region), in-country it passes (the CN ports of the registry examples write ``cn-north-1`` there); a real
zone passes as before.

**A DomainPolicy constructed before its domain.** sqsvpc43 let a separate OpenSearch ``DomainPolicy`` with the open
policy pass when it names a VPC domain the stack makes (joined by ``domain_name``). Written before the domain (the
literal name, no ``depends_on``), the guard alone refused it (RES-024): it held for the end of construction only the
API Gateway Integrations' RES-024, not the engine's whole ``joined_public_types`` the pack reads. Reproduced with
``policy-first-vpc`` (guard RES-024, every other door passed); ``policy-first-public`` (a domain with a public
endpoint) stays RES-024 at every door.

tests/test_realistic_programs.py runs them as CASES (``leftovers44-*``); docs/residency.md, "Leftovers of stop 43
(stop 44)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
import pulumi_alicloud as alicloud

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN = "123456789012"
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
ABROAD = {"EU": "ap-southeast-1", "US": "eu-west-1", "JP": "us-west-2", "CN": "ap-southeast-1"}
"""A Region outside each jurisdiction."""
ALI_REGION = {"CN": "cn-shanghai", "JP": "ap-northeast-1"}
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "cn-hangzhou"}
PARTITION = {"EU": "aws", "US": "aws", "JP": "aws", "CN": "aws-cn"}


def subnet_zone(code: str, form: str) -> Build:
    """A subnet whose ``availability_zone`` is ``region-own`` (the stack's Region, bare), ``region-abroad`` (another
    jurisdiction's Region, bare) or ``zone-own`` (a zone of the stack's Region, the form AWS takes)."""
    zone = {"region-own": REGION[code], "region-abroad": ABROAD[code], "zone-own": f"{REGION[code]}a"}[form]

    def build(c: Any) -> object:
        # docs: ec2/vpc (cidr_block), ec2/subnet (vpc_id, cidr_block, availability_zone "AZ for the subnet").
        vpc = aws.ec2.Vpc("fleet", cidr_block="10.50.0.0/16", opts=c.aws)
        return aws.ec2.Subnet("fleet-a", vpc_id=vpc.id, cidr_block="10.50.1.0/24", availability_zone=zone, opts=c.aws)

    return build


def lightsail_zone(code: str, form: str) -> Build:
    """A Lightsail instance (not offered in the China Regions) placed by ``availability_zone`` as ``subnet_zone``."""
    zone = {"region-own": REGION[code], "region-abroad": ABROAD[code], "zone-own": f"{REGION[code]}a"}[form]

    def build(c: Any) -> object:
        # docs: lightsail/instance (availability_zone, blueprint_id, bundle_id).
        return aws.lightsail.Instance(
            "portal", availability_zone=zone, blueprint_id="amazon_linux_2023", bundle_id="nano_3_0", opts=c.aws
        )

    return build


def vswitch_zone(code: str, form: str) -> Build:
    """An Alibaba Cloud VSwitch whose ``zone_id`` is a bare Region (``region-own`` / ``region-abroad``) or a zone of
    the stack's Region (``zone-own``)."""
    zone = {"region-own": ALI_REGION[code], "region-abroad": ALI_ABROAD[code], "zone-own": f"{ALI_REGION[code]}-b"}[form]

    def build(c: Any) -> object:
        # docs: vpc/network (vpc_name, cidr_block), vpc/switch (vpc_id, cidr_block, zone_id).
        vpc = alicloud.vpc.Network("fleet", vpc_name="fleet", cidr_block="172.16.0.0/12", opts=c.ali)
        return alicloud.vpc.Switch(
            "fleet-a", vswitch_name="fleet-a", vpc_id=vpc.id, cidr_block="172.16.0.0/21", zone_id=zone, opts=c.ali
        )

    return build


def _open_search_policy(code: str, name: str) -> str:
    # docs: OpenSearch developer guide, fine-grained access control: the open domain access policy AWS recommends with
    # it (`{"AWS": "*"}`, `es:ESHttp*` on the domain's subresources).
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*",
         "Resource": f"arn:{PARTITION[code]}:es:{REGION[code]}:{OWN}:domain/{name}/*"}]})  # fmt: skip


def policy_first(code: str, form: str) -> Build:
    """The open access policy set by a DomainPolicy written before its domain, by the domain's literal name:
    ``vpc`` (the domain has ``vpc_options``) or ``public`` (a public endpoint)."""

    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("search", cidr_block="10.40.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("search-1", vpc_id=vpc.id, cidr_block="10.40.1.0/24", opts=c.aws)
        group = aws.ec2.SecurityGroup("search", vpc_id=vpc.id, description="search clients", opts=c.aws)
        # docs: opensearch/domainpolicy (domain_name "Name of the domain", access_policies).
        policy = aws.opensearch.DomainPolicy(
            "search-policy", domain_name="fleet-logs", access_policies=_open_search_policy(code, "fleet-logs"),
            opts=c.aws,
        )  # fmt: skip
        network: dict[str, Any] = (
            {"vpc_options": {"subnet_ids": [subnet.id], "security_group_ids": [group.id]}} if form == "vpc" else {}
        )
        security: Any = {"enabled": True, "internal_user_database_enabled": False, "master_user_options": {
            "master_user_arn": f"arn:{PARTITION[code]}:iam::{OWN}:role/search-admin"}}  # fmt: skip
        # docs: opensearch/domain (domain_name, engine_version, cluster_config, vpc_options, advanced_security_options).
        aws.opensearch.Domain(
            "fleet-logs", domain_name="fleet-logs", engine_version="OpenSearch_2.13",
            cluster_config={"instance_type": "r6g.large.search"}, ebs_options={"ebs_enabled": True, "volume_size": 20},
            encrypt_at_rest={"enabled": True}, node_to_node_encryption={"enabled": True},
            advanced_security_options=security, domain_endpoint_options={"enforce_https": True}, **network, opts=c.aws,
        )  # fmt: skip
        return policy

    return build


ZONE_FORMS = ("region-own", "region-abroad", "zone-own")


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    zone: list[Row] = [
        *[(f"leftovers44-{code.lower()}-zone-subnet-{form}", code, subnet_zone(code, form),
           {"RES-008"} if form == "region-abroad" else set(), [])
          for code in REGION for form in ZONE_FORMS],
        *[(f"leftovers44-{code.lower()}-zone-lightsail-{form}", code, lightsail_zone(code, form),
           {"RES-008"} if form == "region-abroad" else set(), [])
          for code in ("EU", "US", "JP") for form in ZONE_FORMS],
        *[(f"leftovers44-{code.lower()}-zone-vswitch-{form}", code, vswitch_zone(code, form),
           {"RES-008"} if form == "region-abroad" else set(), [])
          for code in ALI_REGION for form in ZONE_FORMS],
    ]  # fmt: skip
    domain: list[Row] = [
        (f"leftovers44-{code.lower()}-policy-first-{form}", code, policy_first(code, form),
         {"RES-024"} if form == "public" else set(), [])
        for code in REGION
        for form in ("vpc", "public")
    ]  # fmt: skip
    return [*zone, *domain]
