"""Fluentd and Fluent Bit outputs, continued (stop 43, issue 9, fluentd43).

Reproduced on the unchanged engine (main at 1cd1701) with the programs below, in EU, US, JP and CN: each offending
program passed every front door.

- Fluentd outputs whose plugin sends to a default no one wrote: ``@type logdna`` (fluent-plugin-logdna's
  ``ingester_domain`` default https://logs.logdna.com), ``@type honeycomb`` (``api_host`` default
  https://api.honeycomb.io), ``@type mackerel`` (Mackerel's hosted service), ``@type google_cloud`` (Cloud Logging),
  ``@type azure-loganalytics`` (a workspace whose region nothing shows), and the AWS outputs ``kinesis_firehose`` /
  ``kinesis_streams`` / ``cloudwatch_logs`` without ``region`` (the SDK takes it from the machine's environment);
- Fluent Bit outputs not catalogued: ``chronicle`` (Google Chronicle) and ``oracle_log_analytics`` (OCI Logging
  Analytics);
- a Fluent Bit or Fluentd configuration written by a shell here-document in user data (``cat >
  /etc/fluent-bit/fluent-bit.conf <<'EOF'``), whatever its outputs: the script was read as a script, the body as text.

The carriers: an EC2 instance's shell user data (heredoc, classic Fluent Bit or Fluentd), a launch template's
cloud-config whose ``runcmd`` item writes the file by heredoc, an SSM parameter holding a Fluentd file, an Alibaba
Cloud ECS instance's shell user data (CN). Since stop 43 each output is judged by the catalogue's log-router entries
(RES-016 until declared by the entry id the finding names); the heredoc body is read by the same readers as a file
found in any other input (``log_router_files``). Compliant twins: ``http`` / ``forward`` / ``elasticsearch`` to the
stack's internal NLB or a private address, ``kinesis_firehose`` and ``cloudwatch_logs`` with the stack's Region, a
declared region-from-environment output, honeycomb with an ``api_host`` in the VPC.

tests/test_realistic_programs.py runs them as CASES (``fluentd43-*``).
"""

from __future__ import annotations

import base64
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

# (carrier, output): the carrier decides how the file reaches the machine, the output's format which file it is.
AWS_SHAPES = (
    ("ec2-heredoc", "fb-http-own-nlb"),
    ("ec2-heredoc", "fb-datadog-default"),
    ("ec2-heredoc", "fb-oracle"),
    ("ec2-heredoc", "fd-firehose-own-region"),
    ("ec2-heredoc", "fd-firehose-no-region"),
    ("ec2-heredoc", "fd-firehose-declared"),
    ("ec2-heredoc", "fd-honeycomb-default"),
    ("lt-runcmd", "fb-http-own-nlb"),
    ("lt-runcmd", "fb-chronicle"),
    ("ssm-fluentd", "fd-cloudwatch-own-region"),
    ("ssm-fluentd", "fd-cloudwatch-no-region"),
    ("ssm-fluentd", "fd-logdna-default"),
    ("ssm-fluentd", "fd-google-cloud"),
    ("ssm-fluentd", "fd-azure-loganalytics"),
)
ALI_SHAPES = (
    ("ecs-heredoc", "fb-http-private"),
    ("ecs-heredoc", "fb-chronicle"),
    ("ecs-heredoc", "fd-forward-private"),
    ("ecs-heredoc", "fd-mackerel-default"),
)
_REFUSED = {
    "fb-datadog-default", "fb-oracle", "fb-chronicle", "fd-firehose-no-region", "fd-honeycomb-default",
    "fd-cloudwatch-no-region", "fd-logdna-default", "fd-google-cloud", "fd-azure-loganalytics", "fd-mackerel-default",
}  # fmt: skip


def expected(code: str, output: str) -> set[str]:
    return {"RES-016"} if output in _REFUSED else set()


def declared(code: str, output: str) -> list[dict[str, Any]]:
    """The region the AWS SDK reads from the environment, declared by the entry id the finding names: the launch
    template sets AWS_REGION to the stack's Region (evidence), a resident declaration."""
    if output != "fd-firehose-declared":
        return []
    evidence = f"AWS_REGION={REGIONS[code]} exported by the fleet's systemd drop-in (CHG-2026-114)"
    return [{"id": "fluentd-env-region", "kind": "resident", "match": "fluentd-aws-output-region-from-environment",
             "evidence": evidence}]  # fmt: skip


def fluent_bit(output: str, target: str | None) -> str:
    """A classic fluent-bit.conf: the service, a tail input and the one output, keys as the Fluent Bit manual writes
    them."""
    section = {
        "fb-http-own-nlb": {"Name": "http", "Match": "*", "Host": str(target), "Port": "8443", "URI": "/ingest",
                            "Format": "json", "tls": "on"},
        "fb-http-private": {"Name": "http", "Match": "*", "Host": "10.0.3.7", "Port": "8443", "URI": "/ingest",
                            "Format": "json"},
        "fb-datadog-default": {"Name": "datadog", "Match": "*", "TLS": "on", "apikey": "${DD_API_KEY}",
                               "dd_service": "fleet-app"},
        "fb-oracle": {"Name": "oracle_log_analytics", "Match": "*", "config_file_location": "/etc/oci/config",
                      "profile_name": "DEFAULT", "namespace": "fleet",
                      "oci_la_log_group_id": "ocid1.loganalyticsloggroup.oc1..aaaa", "oci_la_log_source_name": "app"},
        "fb-chronicle": {"Name": "chronicle", "Match": "*", "google_service_credentials": "/etc/fb/secops.json",
                         "customer_id": "c0ffee00-1234-5678-9abc-def012345678", "log_type": "NIX_SYSTEM"},
    }[output]  # fmt: skip
    lines = ["[SERVICE]", "    Flush        5", "    Log_Level    info", "", "[INPUT]", "    Name tail",
             "    Tag  app.*", "    Path /var/log/fleet/*.log", "", "[OUTPUT]"]  # fmt: skip
    return "\n".join(lines + [f"    {k:<24} {v}" for k, v in section.items()]) + "\n"


def fluentd(output: str, region: str) -> str:
    """A td-agent.conf / fluentd.conf: a tail source and the one ``<match>``, parameters as each plugin's README."""
    match = {
        "fd-firehose-own-region": ["@type kinesis_firehose", f"region {region}", "delivery_stream_name fleet-app"],
        "fd-firehose-no-region": ["@type kinesis_firehose", "delivery_stream_name fleet-app"],
        "fd-firehose-declared": ["@type kinesis_firehose", "delivery_stream_name fleet-app"],
        "fd-cloudwatch-own-region": ["@type cloudwatch_logs", f"region {region}", "log_group_name /fleet/app",
                                     "log_stream_name host", "auto_create_stream true"],
        "fd-cloudwatch-no-region": ["@type cloudwatch_logs", "log_group_name /fleet/app", "log_stream_name host",
                                    "auto_create_stream true"],
        "fd-honeycomb-default": ["@type honeycomb", 'writekey "${HONEYCOMB_KEY}"', "dataset fleet-app"],
        "fd-logdna-default": ["@type logdna", "api_key ${LOGDNA_KEY}", "hostname fleet-app", "app fleet"],
        "fd-google-cloud": ["@type google_cloud", "use_metadata_service false", "project_id fleet-analytics"],
        "fd-azure-loganalytics": ["@type azure-loganalytics", "customer_id 0f0e0d0c-aaaa-bbbb-cccc-1234567890ab",
                                  "shared_key ${LA_KEY}", "log_type FleetApp"],
        "fd-forward-private": ["@type forward", "<server>", "  host 10.0.3.7", "  port 24224", "</server>"],
        "fd-mackerel-default": ["@type mackerel", "api_key ${MACKEREL_KEY}", "service fleet",
                                "metrics_name http_status.${out_key}", "out_keys 2xx_count,4xx_count"],
    }[output]  # fmt: skip
    head = ["<source>", "  @type tail", "  path /var/log/fleet/*.log", "  pos_file /var/log/td-agent/app.pos",
            "  tag app.*", "  <parse>", "    @type json", "  </parse>", "</source>", "", "<match app.**>"]  # fmt: skip
    return "\n".join(head + [f"  {line}" for line in match] + ["</match>"]) + "\n"


def config_file(output: str, region: str, target: str | None) -> tuple[str, str]:
    """(the file the package reads, its text) for ``output``."""
    if output.startswith("fb-"):
        return "/etc/fluent-bit/fluent-bit.conf", fluent_bit(output, target)
    return "/etc/td-agent/td-agent.conf", fluentd(output, region)


def heredoc_script(file: str, text: str) -> str:
    """User data as a shell script: install the agent, write its file with a quoted heredoc, start it."""
    service = "fluent-bit" if "fluent-bit" in file else "td-agent"
    return (f"#!/bin/bash\nset -euo pipefail\nyum install -y {service}\nmkdir -p $(dirname {file})\n"
            f"cat > {file} <<'EOF'\n{text}EOF\nsystemctl enable --now {service}\n")  # fmt: skip


def aws_program(code: str, carrier: str, output: str) -> Build:
    region = REGIONS[code]

    def build(c: Any) -> object:
        target: Any = None
        if output == "fb-http-own-nlb":
            target = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                         opts=c.aws).dns_name  # fmt: skip
        written = pulumi.Output.from_input(target).apply(lambda t: config_file(output, region, t))
        if carrier == "ec2-heredoc":
            return aws.ec2.Instance(
                "app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
                user_data=written.apply(lambda f: heredoc_script(*f)), opts=c.aws,
            )  # fmt: skip
        if carrier == "lt-runcmd":
            # cloud-init runs each runcmd item with sh: a multi-line item is a script, its heredoc writes the file.
            def cloud_config(f: tuple[str, str]) -> str:
                config = {"packages": ["fluent-bit"], "runcmd": [heredoc_script(*f), "systemctl restart fluent-bit"]}
                return base64.b64encode(("#cloud-config\n" + yaml.safe_dump(config, sort_keys=False)).encode()).decode()

            return aws.ec2.LaunchTemplate(
                "app", image_id="ami-0a1b2c3d4e5f60718", instance_type="t3.medium",
                user_data=written.apply(cloud_config), opts=c.aws,
            )  # fmt: skip
        # ssm-fluentd: the agent's configuration kept in Parameter Store, fetched at boot.
        return aws.ssm.Parameter("td-agent-conf", name="/fleet/td-agent/conf", type="String", tier="Advanced",
                                 value=written.apply(lambda f: f[1]), opts=c.aws)  # fmt: skip

    return build


def ali_program(carrier: str, output: str) -> Build:
    """Alibaba Cloud in cn-shanghai: an ECS instance whose shell user data writes the file by heredoc."""

    def build(c: Any) -> object:
        file, text = config_file(output, "cn-shanghai", None)
        return alicloud.ecs.Instance(
            "app", image_id="aliyun_3_x64_20G_alibase_20240819.vhd", instance_type="ecs.g7.large",
            vswitch_id="vsw-uf6fleet0001", security_groups=["sg-uf6fleet0001"],
            user_data=heredoc_script(file, text), opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"fluentd43-{code.lower()}-{carrier}-{out}", code, aws_program(code, carrier, out), expected(code, out),
         declared(code, out))
        for code in CODES
        for carrier, out in AWS_SHAPES
    ] + [
        (f"fluentd43-cn-ali-{carrier}-{out}", "CN", ali_program(carrier, out), expected("CN", out), [])
        for carrier, out in ALI_SHAPES
    ]  # fmt: skip
