"""Log shipper plugins, round 2 (stop 46, issue 9, plugins46).

Reproduced on the unchanged engine (main at d043642) with the programs below, in EU, US, JP and CN: each offending
program passed every front door.

- Fluent Bit's ``arvancloud_cloudlogs`` output posts to a fixed endpoint, napi.arvancloud.ir, that no key moves
  (fluent-bit-docs pipeline/outputs/arvancloud_cloudlogs.md): a third party's service, refused however written;
- Fluentd's ``slack`` output (fluent-plugin-slack) with only ``token`` posts to Slack's Web API, its client's
  ``DEFAULT_ENDPOINT = "https://slack.com/api/"``; with ``webhook_url`` (or ``slackbot_url``) written it posts there,
  judged as a URL;
- Fluentd's ``sqs`` output (fluent-plugin-sqs) defaults ``region`` to ap-northeast-1: a ``queue_name`` without
  ``region`` creates and fills a queue in Tokyo, inside JP only; ``sqs_url`` sends to that URL (the SDK moves the
  request there), judged as a URL.

Carriers: an ECS Fargate task definition whose app container logs through FireLens (the options being the Fluent Bit
output), an EC2 instance whose user data writes a fluent-bit.conf by heredoc, an SSM parameter holding a Fluentd file
(fetched at boot), and an Alibaba Cloud ECS instance (cn-shanghai) whose shell user data writes either file. Compliant
twins: an ``http`` output to the stack's internal NLB, the Slack webhook relayed by the stack's NLB (or a private
address), the SQS region written out, the stack's own queue's URL, and (JP) the sqs default itself. Fluentd's and
Fluent Bit's ``gcs`` (Google Cloud Storage) are refused too since this stop; their bucket key was already judged as a
bucket name (RES-017 outside CN), so the unit tests pin them (tests/test_endpoints.py), not this table.

tests/test_realistic_programs.py runs them as CASES (``plugins46-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

CODES = ("EU", "US", "JP", "CN")
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
FB = "/etc/fluent-bit/fluent-bit.conf"
FD = "/etc/td-agent/td-agent.conf"

# (carrier, output): the carrier decides where the output is written, the output where it sends.
AWS_SHAPES = (
    ("ecs-firelens", "fb-arvancloud"),
    ("ecs-firelens", "fb-http-own-nlb"),
    ("ec2-heredoc", "fb-arvancloud"),
    ("ec2-heredoc", "fb-http-own-nlb"),
    ("ssm-fluentd", "fd-slack-token"),
    ("ssm-fluentd", "fd-slack-webhook-own-nlb"),
    ("ssm-fluentd", "fd-sqs-queue-name"),
    ("ssm-fluentd", "fd-sqs-own-region"),
    ("ssm-fluentd", "fd-sqs-own-queue-url"),
)
ALI_SHAPES = (
    ("ecs-heredoc", "fb-arvancloud"),
    ("ecs-heredoc", "fb-http-private"),
    ("ecs-heredoc", "fd-slack-token"),
    ("ecs-heredoc", "fd-slack-webhook-private"),
)
_RES016 = {"fb-arvancloud", "fd-slack-token", "fd-sqs-queue-name"}


def expected(code: str, output: str) -> set[str]:
    if output == "fd-sqs-queue-name" and code == "JP":
        return set()  # the plugin's default Region, ap-northeast-1, is Tokyo (resident_in JP)
    return {"RES-016"} if output in _RES016 else set()


def fluent_bit(output: str, target: str | None) -> dict[str, str]:
    """The Fluent Bit output's keys, as each output's manual page writes them (arvancloud_cloudlogs: apikey, the only
    required key; http: Host, Port, URI, Format)."""
    return {
        "fb-arvancloud": {"Name": "arvancloud_cloudlogs", "Match": "*", "apikey": "${ARVAN_API_KEY}",
                          "log_type": "fleet-app", "gzip": "true"},
        "fb-http-own-nlb": {"Name": "http", "Match": "*", "Host": str(target), "Port": "8443", "URI": "/ingest",
                            "Format": "json", "tls": "on"},
        "fb-http-private": {"Name": "http", "Match": "*", "Host": "10.0.3.7", "Port": "8443", "URI": "/ingest",
                            "Format": "json", "tls": "on"},
    }[output]  # fmt: skip


def fluent_bit_file(output: str, target: str | None) -> str:
    section = fluent_bit(output, target)
    lines = ["[SERVICE]", "    Flush        5", "    Log_Level    info", "", "[INPUT]", "    Name  tail",
             "    Path  /var/log/fleet/*.log", "    Tag   app.*", "", "[OUTPUT]"]  # fmt: skip
    return "\n".join(lines + [f"    {k} {v}" for k, v in section.items()]) + "\n"


def fluentd(code: str, output: str, target: str | None) -> str:
    """A td-agent.conf: a tail source and the one ``<match>``, parameters as each plugin's source declares them
    (fluent-plugin-slack: webhook_url / token, channel; fluent-plugin-sqs: queue_name / sqs_url, region)."""
    match = {
        "fd-slack-token": ["@type slack", 'token "#{ENV[\'SLACK_TOKEN\']}"', "channel fleet-alerts",
                           "username fleet", "message_keys message", "flush_interval 60s"],
        "fd-slack-webhook-own-nlb": ["@type slack", f"webhook_url https://{target}/hooks/fleet-alerts",
                                     "channel fleet-alerts", "username fleet", "flush_interval 60s"],
        "fd-slack-webhook-private": ["@type slack", "webhook_url https://10.0.3.7/hooks/fleet-alerts",
                                     "channel fleet-alerts", "username fleet", "flush_interval 60s"],
        "fd-sqs-queue-name": ["@type sqs", "queue_name fleet-app-logs", "create_queue false"],
        "fd-sqs-own-region": ["@type sqs", "queue_name fleet-app-logs", "create_queue false",
                              f"region {REGION[code]}"],
        "fd-sqs-own-queue-url": ["@type sqs", f"sqs_url {target}", "create_queue false"],
    }[output]  # fmt: skip
    head = ["<source>", "  @type tail", "  path /var/log/fleet/*.log", "  pos_file /var/log/td-agent/app.pos",
            "  tag app.*", "  <parse>", "    @type json", "  </parse>", "</source>", "", "<match app.**>"]  # fmt: skip
    return "\n".join(head + [f"  {line}" for line in match] + ["</match>"]) + "\n"


def script(code: str, output: str, target: str | None) -> str:
    """User data as a shell script: install the agent, write its file by heredoc, start it."""
    agent = "fluent-bit" if output.startswith("fb-") else "td-agent"
    file = FB if agent == "fluent-bit" else FD
    text = fluent_bit_file(output, target) if agent == "fluent-bit" else fluentd(code, output, target)
    return (
        f"#!/bin/bash\nset -euo pipefail\nyum install -y {agent}\nmkdir -p $(dirname {file})\n"
        f"cat > {file} <<'EOF'\n{text}EOF\nsystemctl enable --now {agent}\n"
    )


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def aws_program(code: str, carrier: str, output: str) -> Build:
    region = REGION[code]

    def build(c: Any) -> object:
        target: Any = None
        if "own-nlb" in output:
            target = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                         opts=c.aws).dns_name  # fmt: skip
        if output == "fd-sqs-own-queue-url":
            target = aws.sqs.Queue("fleet-app-logs", name="fleet-app-logs", opts=c.aws).url
        if carrier == "ssm-fluentd":
            # The agent's configuration kept in Parameter Store, fetched at boot.
            text = pulumi.Output.from_input(target).apply(lambda t: fluentd(code, output, t))
            return aws.ssm.Parameter("td-agent-conf", name="/fleet/td-agent/conf", type="String", tier="Advanced",
                                     value=text, opts=c.aws)  # fmt: skip
        if carrier == "ec2-heredoc":
            user_data = pulumi.Output.from_input(target).apply(lambda t: script(code, output, t))
            return aws.ec2.Instance("app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium",
                                    subnet_id=SUBNETS[0], user_data=user_data, opts=c.aws)  # fmt: skip
        image = f"123456789012.dkr.ecr.{region}.{_suffix(code)}/app:2.1"
        router = {"name": "log_router", "essential": True,
                  "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                  "firelensConfiguration": {"type": "fluentbit",
                                            "options": {"enable-ecs-log-metadata": "true"}}}  # fmt: skip

        def containers(t: Any) -> str:
            # ECS Developer Guide, "Example Amazon ECS task definition: Route logs to FireLens" (no Match in options).
            options = {k: v for k, v in fluent_bit(output, t).items() if k != "Match"}
            app = {"name": "app", "essential": True, "image": image,
                   "logConfiguration": {"logDriver": "awsfirelens", "options": options}}  # fmt: skip
            return json.dumps([router, app])

        return aws.ecs.TaskDefinition(
            "app", family="app", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512",
            memory="1024", container_definitions=pulumi.Output.from_input(target).apply(containers), opts=c.aws,
        )  # fmt: skip

    return build


def ali_program(output: str) -> Build:
    """Alibaba Cloud in cn-shanghai: an ECS instance whose shell user data writes the file."""

    def build(c: Any) -> object:
        return alicloud.ecs.Instance(
            "app", image_id="aliyun_3_x64_20G_alibase_20240819.vhd", instance_type="ecs.g7.large",
            vswitch_id="vsw-uf6fleet0001", security_groups=["sg-uf6fleet0001"],
            user_data=script("CN", output, None), opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table (none declared)."""
    table: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = [
        (f"plugins46-{code.lower()}-{carrier}-{out}", code, aws_program(code, carrier, out), expected(code, out), [])
        for code in CODES
        for carrier, out in AWS_SHAPES
    ]
    table += [
        (f"plugins46-cn-ali-{carrier}-{out}", "CN", ali_program(out), expected("CN", out), [])
        for carrier, out in ALI_SHAPES
    ]
    return table
