"""Fluent Bit configuration files outside FireLens options (stop 42, issue 9, fluentbit42).

Reproduced on the unchanged engine (main at 0ba0a0f) with the programs below: a Fluent Bit configuration written as a
FILE passed every front door whatever its outputs, in EU, US, JP and CN:

- classic configurations (``[OUTPUT]`` sections, ``key value`` lines) were free text to the engine: an output with no
  host (``Name newrelic`` without ``endpoint``, ``Name datadog`` without ``Host``, ``Name logdna``, ``Name
  stackdriver``, ``Name bigquery``), a bare partner host (``Host es.partner.example.com``) and a foreign ``region``
  under ``cloudwatch_logs`` all passed; only URLs and cloud hosts the free-text scan recognises were judged;
- YAML configurations (``pipeline: outputs:``) were walked as documents, so a host or region under its key was judged,
  but an output whose destination is its default passed.

The carriers are the ways such a file reaches a machine or a container in this toolkit's clouds: an EC2 instance's
cloud-config ``write_files`` (classic), a launch template's base64 cloud-config (YAML ``fluent-bit.yaml``), an SSM
parameter the agent reads its configuration from, an S3 object a FireLens task loads (``config-file-type: s3``, the
stack's own bucket, ``config-file-value`` its ARN); on Alibaba Cloud (CN) an ECS instance's cloud-config, an SAE
ConfigMap's ``data`` (JSON of files) and an OSS object. Since stop 42 the engine reads both formats as documents
(``components.residency.documents.fluent_bit_classic``) and judges each output with the same catalogue entries as
FireLens options (global_services with ``fluent_bit_output``): RES-016 for a default outside the country unless
declared by the entry id; the sections' hosts, regions and buckets as in FireLens options. Compliant twins:
``cloudwatch_logs`` in the stack's Region, ``es`` to the stack's own OpenSearch domain, ``http`` to the stack's
internal NLB (or a private address in the VPC on Alibaba Cloud), a declared Datadog default.

tests/test_realistic_programs.py runs them as CASES (``fluentbit42-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import yaml

Build = Callable[[Any], object]

REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = ("EU", "US", "JP", "CN")
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

# (carrier, output) pairs per AWS jurisdiction; the carrier decides the format (classic or YAML).
AWS_SHAPES = (
    ("ec2-classic", "cloudwatch-own-region"),
    ("ec2-classic", "newrelic-default"),
    ("ec2-classic", "datadog-default"),
    ("ec2-classic", "datadog-declared"),
    ("ec2-classic", "es-partner-host"),
    ("ec2-classic", "cloudwatch-foreign-region"),
    ("lt-yaml", "es-own-domain"),
    ("lt-yaml", "nrlogs-default"),
    ("ssm-classic", "http-own-nlb"),
    ("ssm-classic", "logdna-default"),
    ("s3obj-classic", "cloudwatch-own-region"),
    ("s3obj-classic", "stackdriver"),
)
ALI_SHAPES = (
    ("ecs-classic", "http-private"),
    ("ecs-classic", "datadog-default"),
    ("sae-configmap", "http-private"),
    ("sae-configmap", "newrelic-default"),
    ("oss-object", "http-private"),
    ("oss-object", "bigquery"),
)


def _foreign(code: str) -> str:
    return "eu-west-1" if code in ("US", "JP") else "us-east-1" if code == "EU" else "ap-southeast-1"


def expected(code: str, output: str) -> set[str]:
    if output in ("newrelic-default", "nrlogs-default", "datadog-default", "logdna-default", "stackdriver", "bigquery"):
        return {"RES-016"}
    if output == "es-partner-host":
        return {"RES-015"}
    if output == "cloudwatch-foreign-region":
        return {"RES-009"}
    return set()


def declared(code: str, output: str) -> list[dict[str, Any]]:
    """The Datadog default declared by the entry id the finding names (the same id as for FireLens options): a
    transfer to the US under a basis the jurisdiction accepts; in the US a resident service."""
    if output != "datadog-declared":
        return []
    if code == "US":
        return [{"id": "datadog-logs", "kind": "resident", "match": "firelens-datadog-default-host",
                 "evidence": "Datadog US1 site (http-intake.logs.datadoghq.com), MSA 2026-03"}]  # fmt: skip
    basis = {"EU": "scc", "CN": "cac-security-assessment"}.get(code, "documented-assessment")
    return [{
        "id": "datadog-logs", "kind": "transfer", "match": "firelens-datadog-default-host", "destination": "US",
        "data_classes": ["audit_logs"], "basis": basis,
        "reference": f"TIA-{code}-2026-091 (host logs to Datadog US1)", "approved_by": "dpo@example.com",
        "expires": "2099-12-31",
    }]  # fmt: skip


def output_section(code: str, output: str, region: str, target: str | None) -> dict[str, str]:
    """The output's keys as the Fluent Bit manual writes them (classic names; the YAML form lower-cases them)."""
    if output == "cloudwatch-own-region":
        return {"Name": "cloudwatch_logs", "Match": "app.*", "region": region,
                "log_group_name": "/fleet/app", "log_stream_prefix": "host-", "auto_create_group": "false"}  # fmt: skip
    if output == "cloudwatch-foreign-region":
        return {"Name": "cloudwatch_logs", "Match": "app.*", "region": _foreign(code),
                "log_group_name": "/central/app", "log_stream_prefix": "host-"}  # fmt: skip
    if output in ("newrelic-default",):
        return {"Name": "newrelic", "Match": "*", "licenseKey": "eu01xxLICENSEKEYNRAL"}
    if output == "nrlogs-default":
        return {"Name": "nrlogs", "Match": "*", "license_key": "eu01xxLICENSEKEYNRAL", "compress": "gzip"}
    if output in ("datadog-default", "datadog-declared"):
        return {"Name": "datadog", "Match": "*", "TLS": "on", "apikey": "${DD_API_KEY}", "dd_service": "fleet-app",
                "dd_source": "python"}  # fmt: skip
    if output == "es-partner-host":
        return {"Name": "es", "Match": "*", "Host": "es.partner-analytics.example.com", "Port": "443", "tls": "On",
                "Index": "fleet-app"}  # fmt: skip
    if output == "es-own-domain":
        return {"Name": "es", "Match": "*", "Host": str(target), "Port": "443", "tls": "On", "AWS_Auth": "On",
                "AWS_Region": region, "Index": "fleet-app"}  # fmt: skip
    if output in ("http-own-nlb", "http-private"):
        return {"Name": "http", "Match": "*", "Host": str(target or "10.0.3.7"), "Port": "8443", "URI": "/ingest",
                "Format": "json", "tls": "on"}  # fmt: skip
    if output == "logdna-default":
        return {"Name": "logdna", "Match": "*", "api_key": "${LOGDNA_KEY}", "app": "fleet-app"}
    if output == "stackdriver":
        return {"Name": "stackdriver", "Match": "*", "google_service_credentials": "/etc/fb/gcp.json",
                "resource": "global"}  # fmt: skip
    if output == "bigquery":
        return {"Name": "bigquery", "Match": "*", "google_service_credentials": "/etc/fb/gcp.json",
                "project_id": "fleet-analytics", "dataset_id": "logs", "table_id": "app"}  # fmt: skip
    raise ValueError(output)


def classic(section: dict[str, str]) -> str:
    """A classic fluent-bit.conf: the service, a tail input, a record filter and ``section`` as the one output."""
    lines = ["[SERVICE]", "    Flush        5", "    Log_Level    info", "    Parsers_File parsers.conf",
             "    HTTP_Server  On", "    HTTP_Listen  0.0.0.0", "    HTTP_Port    2020", "",
             "@INCLUDE inputs-extra.conf", "", "[INPUT]", "    Name             tail", "    Tag              app.*",
             "    Path             /var/log/fleet/*.log", "    DB               /var/lib/fluent-bit/app.db",
             "    Mem_Buf_Limit    50MB", "", "[FILTER]", "    Name   record_modifier", "    Match  *",
             "    Record hostname ${HOSTNAME}", "", "[OUTPUT]"]  # fmt: skip
    lines += [f"    {k:<18} {v}" for k, v in section.items()]
    return "\n".join(lines) + "\n"


def yaml_config(section: dict[str, str]) -> str:
    """A fluent-bit.yaml (Fluent Bit's YAML configuration): the same pipeline, keys lower-cased."""
    return yaml.safe_dump({
        "service": {"flush": 5, "log_level": "info", "http_server": "on", "http_port": 2020},
        "pipeline": {
            "inputs": [{"name": "tail", "tag": "app.*", "path": "/var/log/fleet/*.log"}],
            "outputs": [{k.lower(): v for k, v in section.items()}],
        },
    }, sort_keys=False)  # fmt: skip


def cloud_config(path: str, content: str) -> str:
    return "#cloud-config\n" + yaml.safe_dump({
        "packages": ["fluent-bit"],
        "write_files": [{"path": path, "permissions": "0644", "content": content}],
        "runcmd": ["systemctl enable --now fluent-bit"],
    }, sort_keys=False)  # fmt: skip


def aws_program(code: str, carrier: str, output: str) -> Build:
    region = REGIONS[code]
    partition = "aws-cn" if code == "CN" else "aws"

    def build(c: Any) -> object:
        target: Any = None
        if output == "http-own-nlb":
            target = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                         opts=c.aws).dns_name  # fmt: skip
        elif output == "es-own-domain":
            target = aws.opensearch.Domain(
                "app-logs", domain_name="app-logs", engine_version="OpenSearch_2.13",
                cluster_config={"instance_type": "r6g.large.search", "instance_count": 2},
                ebs_options={"ebs_enabled": True, "volume_size": 100},
                vpc_options={"subnet_ids": SUBNETS, "security_group_ids": ["sg-search"]},
                encrypt_at_rest={"enabled": True}, node_to_node_encryption={"enabled": True},
                domain_endpoint_options={"enforce_https": True}, opts=c.aws,
            ).endpoint  # fmt: skip
        section = pulumi.Output.from_input(target).apply(lambda t: output_section(code, output, region, t))
        if carrier == "ec2-classic":
            return aws.ec2.Instance(
                "app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
                user_data=section.apply(lambda s: cloud_config("/etc/fluent-bit/fluent-bit.conf", classic(s))),
                opts=c.aws,
            )  # fmt: skip
        if carrier == "lt-yaml":
            return aws.ec2.LaunchTemplate(
                "app", image_id="ami-0a1b2c3d4e5f60718", instance_type="t3.medium",
                user_data=section.apply(lambda s: base64.b64encode(
                    cloud_config("/etc/fluent-bit/fluent-bit.yaml", yaml_config(s)).encode()).decode()),
                opts=c.aws,
            )  # fmt: skip
        if carrier == "ssm-classic":
            return aws.ssm.Parameter("fluent-bit-conf", name="/fleet/fluent-bit/conf", type="String", tier="Advanced",
                                     value=section.apply(classic), opts=c.aws)  # fmt: skip
        # s3obj-classic: the configuration as an object of the stack's bucket, loaded by a FireLens log router
        # (config-file-type s3, config-file-value the object's ARN).
        bucket = aws.s3.Bucket("fluent-bit-config", opts=c.aws)
        aws.s3.BucketObjectv2("fluent-bit-conf", bucket=bucket.id, key="extra.conf", content=section.apply(classic),
                              opts=c.aws)  # fmt: skip

        def containers(name: str) -> str:
            return json.dumps([
                {"name": "log_router", "essential": True,
                 "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                 "firelensConfiguration": {"type": "fluentbit", "options": {
                     "config-file-type": "s3", "config-file-value": f"arn:{partition}:s3:::{name}/extra.conf"}}},
                {"name": "app", "essential": True, "image": "nginx:1.27",
                 "logConfiguration": {"logDriver": "awsfirelens"}},
            ])  # fmt: skip

        return aws.ecs.TaskDefinition(
            "app", family="app", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512",
            memory="1024", container_definitions=bucket.bucket.apply(containers), opts=c.aws,
        )  # fmt: skip

    return build


def ali_program(carrier: str, output: str) -> Build:
    """Alibaba Cloud in cn-shanghai: the configuration in an ECS instance's cloud-config, an SAE ConfigMap's data, or
    an OSS object of the stack's bucket; the compliant output an ``http`` collector at a private address."""

    def build(c: Any) -> object:
        text = classic(output_section("CN", output, "cn-shanghai", None))
        if carrier == "ecs-classic":
            return alicloud.ecs.Instance(
                "app", image_id="aliyun_3_x64_20G_alibase_20240819.vhd", instance_type="ecs.g7.large",
                vswitch_id="vsw-uf6fleet0001", security_groups=["sg-uf6fleet0001"],
                user_data=cloud_config("/etc/fluent-bit/fluent-bit.conf", text), opts=c.ali,
            )  # fmt: skip
        if carrier == "sae-configmap":
            return alicloud.sae.ConfigMap(
                "fluent-bit", name="fluent-bit", namespace_id="cn-shanghai:fleet",
                data=json.dumps({"fluent-bit.conf": text, "parsers.conf": "[PARSER]\n    Name json\n    Format json"}),
                opts=c.ali,
            )  # fmt: skip
        bucket = alicloud.oss.Bucket("fluent-bit-config", opts=c.ali)
        return alicloud.oss.BucketObject("fluent-bit-conf", bucket=bucket.id, key="fluent-bit.conf", content=text,
                                         opts=c.ali)  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"fluentbit42-{code.lower()}-{carrier}-{out}", code, aws_program(code, carrier, out), expected(code, out),
         declared(code, out))
        for code in CODES
        for carrier, out in AWS_SHAPES
    ] + [
        (f"fluentbit42-cn-ali-{carrier}-{out}", "CN", ali_program(carrier, out), expected("CN", out), [])
        for carrier, out in ALI_SHAPES
    ]  # fmt: skip
