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

**A Fluent Bit AWS output's region from the environment.** Fluent Bit's ``cloudwatch_logs``, ``kinesis_firehose`` and
``kinesis_streams`` outputs take ``region`` ("The AWS region", required: the plugins stop at start without it), and
a classic file's ``${AWS_REGION}`` is the environment variable, read when Fluent Bit starts ("Variables"). Fluentd's
``region "#{ENV['AWS_REGION']}"`` is refused since review43; the Fluent Bit form passed every door (reproduced with
``fb-*-env-region`` on the unchanged engine). Now RES-016 unless ``fluent-bit-aws-output-region-from-environment`` is
declared (``-declared``); the stack's Region written out passes, and an output without ``region`` (Fluent Bit does not
start it) passes.

**PyIceberg's Glue catalog id.** PyIceberg's Glue catalog writes into the Glue Data Catalog ``glue.id`` names ("the
12-digit ID of the Glue Catalog"), set in ``.pyiceberg.yaml`` or as ``PYICEBERG_CATALOG__<NAME>__GLUE__ID`` (PyIceberg,
"Configuration"). glue43 judged Spark's ``spark.sql.catalog.<name>.glue.id`` only: another account's id in a Lambda
function's environment or in a ``.pyiceberg.yaml`` object passed every door (reproduced with ``pyiceberg-*-partner``).
Now RES-023 outside CN unless the account is declared (aws-cn's accounts are China's by partition); the own pinned
account passes.

**An HTTP API whose Route targets are Outputs (a guard limit, kept).** Two Integrations, the queue read behind an
``AWS_IAM`` route and the stack's Lambda behind an open route, each ``target`` computed from its Integration's ``id``
(``http_api_two_integrations``, form ``iam-queue-open-lambda``): the plan, the pack and the reviews pass it, the guard
refuses it (RES-024), because it cannot wait for a target computed from an Integration that registers only after the
judgement (anonymous43: such a Route counts for every Integration of its API). Reproduced on main and on this branch;
not in the table (the doors disagree). ``iam-queue-open-queue`` (the open route reads the queue) is RES-024 at every
door.

tests/test_realistic_programs.py runs them as CASES (``leftovers44-*``); docs/residency.md, "Leftovers of stop 43
(stop 44)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

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
    own = ALI_REGION[code]
    zone = {"region-own": own, "region-abroad": ALI_ABROAD[code], "zone-own": f"{own}-b"}[form]

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


PARTNER = "444455556666"
"""A partner's account, which no provider of the stack is pinned to (in CN an aws-cn account, China's by partition)."""
SUBNET = "subnet-0a1b2c3d4e5f60718"
FB_FORMS = ("fb-cloudwatch-env-region", "fb-cloudwatch-env-region-declared", "fb-firehose-yaml-env-region",
            "fb-cloudwatch-own-region", "fb-kinesis-no-region")  # fmt: skip
FB_OFFENDING = frozenset({"fb-cloudwatch-env-region", "fb-firehose-yaml-env-region"})


def fb_declared(code: str, form: str) -> list[dict[str, Any]]:
    if not form.endswith("-declared"):
        return []
    return [{"id": "fluent-bit-env-region", "kind": "resident",
             "match": "fluent-bit-aws-output-region-from-environment",
             "evidence": f"AWS_REGION={REGION[code]} set by the fleet's launch template (CHG-2026-140)"}]  # fmt: skip


def fluent_bit(code: str, form: str) -> Build:
    """A Fluent Bit agent's configuration: a classic ``fluent-bit.conf`` written by the instance's user data (heredoc),
    or (``-yaml-``) a YAML configuration kept in an SSM parameter the agent's start script reads."""
    region = "${AWS_REGION}" if "-env-" in form else REGION[code] if "-own-" in form else None
    line = f"    region            {region}\n" if region is not None else ""

    def build(c: Any) -> object:
        if "-yaml-" in form:
            # docs.fluentbit.io: YAML configuration (pipeline.inputs / outputs), outputs/firehose (region,
            # delivery_stream); docs: ssm/parameter (name, type, value).
            text = ("pipeline:\n  inputs:\n    - name: tail\n      path: /var/log/fleet/*.log\n      tag: app\n"
                    "  outputs:\n    - name: kinesis_firehose\n      match: '*'\n      region: ${AWS_REGION}\n"
                    "      delivery_stream: fleet-logs\n")  # fmt: skip
            return aws.ssm.Parameter("fluent-bit-config", name="/fleet/fluent-bit.yaml", type="String", value=text,
                                     opts=c.aws)  # fmt: skip
        # docs.fluentbit.io: classic configuration ([SERVICE], [INPUT] tail, [OUTPUT] cloudwatch_logs (region,
        # log_group_name, log_stream_prefix, auto_create_group) / kinesis_streams (region, stream)).
        output = "cloudwatch_logs" if "cloudwatch" in form else "kinesis_streams"
        target = ("    log_group_name    /fleet/app\n    log_stream_prefix app-\n    auto_create_group On\n"
                  if output == "cloudwatch_logs" else "    stream            fleet-app\n")  # fmt: skip
        conf = ("[SERVICE]\n    Flush        5\n    Log_Level    info\n\n[INPUT]\n    Name         tail\n"
                "    Path         /var/log/fleet/*.log\n    Tag          app\n\n"
                f"[OUTPUT]\n    Name              {output}\n    Match             *\n{line}{target}")  # fmt: skip
        script = (
            "#!/bin/bash\nset -euo pipefail\nyum install -y fluent-bit\nmkdir -p /etc/fluent-bit\n"
            f"cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'\n{conf}EOF\nsystemctl enable --now fluent-bit\n"
        )
        # docs: ec2/instance (user_data: a shell script cloud-init runs once).
        return aws.ec2.Instance("app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNET,
                                user_data=script, opts=c.aws)  # fmt: skip

    return build


ICEBERG_FORMS = ("pyiceberg-env", "pyiceberg-yaml")


def pyiceberg_declared(code: str) -> list[dict[str, Any]]:
    """The central data-platform account whose Glue Data Catalog the stack writes into, declared resident."""
    return [{"id": "central-lake-account", "kind": "resident", "match": PARTNER,
             "evidence": f"the {code} data platform account, kept in-country by an SCP"}]  # fmt: skip


def pyiceberg(code: str, form: str, account: str) -> Build:
    """A PyIceberg job writing Iceberg tables through the Glue catalog ``glue.id`` names: set in its Lambda function's
    environment (``-env``) or in a ``.pyiceberg.yaml`` the stack uploads beside the function's code (``-yaml``)."""
    partition = PARTITION[code]

    def build(c: Any) -> object:
        role = f"arn:{partition}:iam::{OWN}:role/lake-writer"
        code_asset = pulumi.AssetArchive({"index.py": pulumi.StringAsset(
            "from pyiceberg.catalog import load_catalog\n\ndef handler(event, context):\n"
            "    return load_catalog('default').list_namespaces()\n")})  # fmt: skip
        # PyIceberg "Configuration": PYICEBERG_CATALOG__DEFAULT__TYPE / __GLUE__ID / __GLUE__REGION (a double
        # underscore nests, an underscore becomes a dash); PYICEBERG_HOME names the directory of .pyiceberg.yaml.
        variables: dict[str, Any] = {"PYICEBERG_CATALOG__DEFAULT__TYPE": "glue",
                                     "PYICEBERG_CATALOG__DEFAULT__GLUE__REGION": REGION[code]}  # fmt: skip
        if form == "pyiceberg-env":
            variables["PYICEBERG_CATALOG__DEFAULT__GLUE__ID"] = account
        else:
            bucket = aws.s3.Bucket("lake-config", opts=c.aws)
            text = (f"catalog:\n  default:\n    type: glue\n    glue.id: '{account}'\n"
                    f"    glue.region: {REGION[code]}\n")  # fmt: skip
            # docs: s3/bucketobjectv2 (bucket, key, content).
            aws.s3.BucketObjectv2("pyiceberg-yaml", bucket=bucket.id, key="config/.pyiceberg.yaml", content=text,
                                  opts=c.aws)  # fmt: skip
            variables["PYICEBERG_HOME"] = "/tmp/pyiceberg"
        # docs: lambda/function (role, runtime, handler, code, environment.variables).
        return aws.lambda_.Function("lake-writer", role=role, runtime="python3.12", handler="index.handler",
                                    code=code_asset, environment={"variables": variables}, opts=c.aws)  # fmt: skip

    return build


def http_api_two_integrations(code: str, form: str) -> Build:
    """An HTTP API with two integrations, each Route's ``target`` computed from its Integration's ``id`` (the
    registry's form): the stack's queue read (``SQS-ReceiveMessage``) behind an ``AWS_IAM`` route, and the stack's
    Lambda behind an open route (``authorization_type`` unset: NONE). ``-open-queue``: the open route reads the queue
    too (RES-024 at every door)."""

    def build(c: Any) -> object:
        role = f"arn:{PARTITION[code]}:iam::{OWN}:role/apigw-jobs"
        api = aws.apigatewayv2.Api("jobs", name="jobs", protocol_type="HTTP", opts=c.aws)
        queue = aws.sqs.Queue("jobs", name="jobs", opts=c.aws)
        # docs: "Integration subtype reference": SQS-ReceiveMessage (QueueUrl required).
        read = aws.apigatewayv2.Integration(
            "jobs-read", api_id=api.id, integration_type="AWS_PROXY", integration_subtype="SQS-ReceiveMessage",
            credentials_arn=role, payload_format_version="1.0",
            request_parameters={"QueueUrl": queue.url, "MaxNumberOfMessages": "10"}, opts=c.aws,
        )  # fmt: skip
        handler = aws.lambda_.Function(
            "health", role=role, runtime="python3.12", handler="index.handler", opts=c.aws,
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return {'ok': 1}\n")}),
        )  # fmt: skip
        health = aws.apigatewayv2.Integration(
            "health", api_id=api.id, integration_type="AWS_PROXY", integration_uri=handler.invoke_arn,
            payload_format_version="2.0", opts=c.aws,
        )  # fmt: skip
        # docs: apigatewayv2/route (route_key, target "integrations/<id>", authorization_type default NONE).
        aws.apigatewayv2.Route(
            "jobs-read", api_id=api.id, route_key="POST /jobs/read", authorization_type="AWS_IAM",
            target=read.id.apply(lambda i: f"integrations/{i}"), opts=c.aws,
        )  # fmt: skip
        open_target = read if form.endswith("-open-queue") else health
        aws.apigatewayv2.Route(
            "health", api_id=api.id, route_key="GET /health",
            target=open_target.id.apply(lambda i: f"integrations/{i}"), opts=c.aws,
        )  # fmt: skip
        return aws.apigatewayv2.Stage("jobs-default", api_id=api.id, name="$default", auto_deploy=True, opts=c.aws)

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
    logs: list[Row] = [
        (f"leftovers44-{code.lower()}-{form}", code, fluent_bit(code, form),
         {"RES-016"} if form in FB_OFFENDING else set(), fb_declared(code, form))
        for code in REGION
        for form in FB_FORMS
    ]  # fmt: skip
    iceberg: list[Row] = []
    for code in REGION:
        for form in ICEBERG_FORMS:
            iceberg.append((f"leftovers44-{code.lower()}-{form}-own", code, pyiceberg(code, form, OWN), set(), []))
            iceberg.append((f"leftovers44-{code.lower()}-{form}-partner", code, pyiceberg(code, form, PARTNER),
                            set() if code == "CN" else {"RES-023"}, []))  # fmt: skip
            if code != "CN":
                iceberg.append((f"leftovers44-{code.lower()}-{form}-partner-declared", code,
                                pyiceberg(code, form, PARTNER), set(), pyiceberg_declared(code)))  # fmt: skip
    routes: list[Row] = [
        (f"leftovers44-{code.lower()}-http-{form}", code, http_api_two_integrations(code, form),
         {"RES-024"} if form.endswith("-open-queue") else set(), [])
        for code in REGION
        # Not in the table: "iam-queue-open-lambda" (the open route to the Lambda only), compliant and passing at every
        # door but the guard, which refuses it (RES-024): a guard limit, residency-open.md.
        for form in ("iam-queue-open-queue",)
    ]  # fmt: skip
    return [*zone, *domain, *logs, *iceberg, *routes]
