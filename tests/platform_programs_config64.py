"""Configuration file grammars in user data, round 15 (stop 64, issue 9, config64).

Reproduced on the unchanged engine (main at 644efda6), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **40 programs; on 644efda6 29 failed: 21 leaks, 6 false alarms, 2 wrong
rules** (the counts of docs/residency.md's section *Configuration file grammars in user data, round 15*).

**Passed every door** (leaks), each agent then sending outside the market:

1. the OpenTelemetry Collector's Datadog exporter with ``site: ${env:DD_SITE}`` / ``site: ${DD_SITE}`` and no
   ``DD_SITE`` anywhere (``otel-env-site-unset``, ``otel-bare-site-unset``): the Collector expands an unset variable
   to an empty value (opentelemetry-collector docs/rfcs/env-vars.md; the configuration specification's "it MUST be
   replaced with an empty value"), the exporter's default site, US1 ("The default value is "datadoghq.com"");
2. Grafana Alloy's ``site = sys.env("DD_SITE")`` with no ``DD_SITE`` (``alloy-sysenv-site-unset``: "If the
   environment variable doesn't exist, sys.env returns an empty string", Alloy reference "sys");
3. the Collector run in Docker with its configuration bind-mounted (``otel-docker-mounted-default``: ``-v
   /etc/otel:/etc/otelcol-contrib otel/opentelemetry-collector-contrib``): the host path matched no entry's pattern;
4. a Beat's ``-E cloud.id=<id>`` and ``-E output.elasticsearch.hosts=[...]`` on its command line
   (``filebeat-e-cloud-id``, ``metricbeat-e-hosts-partner``; "-E, --E "SETTING_NAME=VALUE" Overrides a specific
   configuration setting", Filebeat "Override configuration settings at the command line"; "metricbeat -e -E
   cloud.id="<cloud-id>"", Metricbeat "Configure the output for Elastic Cloud Hosted").

**Refused though declared** (false alarms): a Fluent Bit ``es`` output's ``Cloud_ID``, a Fluentd ``elasticsearch``
output's ``cloud_id`` and a FireLens ``es`` output's ``Cloud_ID`` naming the market's own Elastic Cloud deployment,
its host declared (``*-cloud-id-home-declared``): RES-016 by the catalogue entry's id (only a declaration of the id
covered it), while Filebeat's ``cloud.id`` (stop 63) was decoded and judged as its host. **Wrong rule**: the same
Fluent Bit output naming a deployment abroad (``fluentbit-cloud-id``) was RES-016, the Elastic Cloud host RES-015
everywhere else. One decoder now (endpoints.yaml ``encoded_host_keys``): RES-015 by the decoded host.

The twins pass: the site set where the service reads it (an EnvironmentFile the script writes) and declared, Alloy's
variable set and declared, the mounted file's site declared, the Beat's home deployment declared, the VPC's cluster on
an Alibaba Cloud machine's Filebeat command line.

Ids: ``config64-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document, an ECS task definition with a FireLens log router), Alibaba Cloud programs in CN /
JP / DE (an ECS instance). tests/test_realistic_programs.py runs them as CASES (``config64-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import SUBNETS, Build, Row, ali_boot
from platform_programs_agents62 import HOME_SITE, US1, declared, heredoc
from platform_programs_config63 import ES_ID, cloud_host, cloud_id

from components.residency.references import elastic_cloud_host

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs (a shape may run in fewer: ``AWS_SHAPES``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (the agents baked in)."""
REFUSED = {"RES-015"}
ELASTIC_HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1"}
"""An Elastic Cloud on AWS region inside each market a declared twin runs in."""
ELASTIC_ABROAD = {"EU": "us-east-1", "US": "eu-west-1", "JP": "us-east-1", "CN": "ap-northeast-1"}
"""An Elastic Cloud on AWS region outside each market."""
PARTNER_ES = "es.partner-analytics.com"
"""A log analytics vendor's Elasticsearch intake abroad."""

ALL = AWS_CODES
AWS_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "otel-env-site-unset": (REFUSED, ALL),
    "otel-bare-site-unset": (REFUSED, ("EU", "JP")),
    "otel-env-site-set-declared": (set(), ("EU", "US", "JP")),
    "alloy-sysenv-site-unset": (REFUSED, ("EU", "CN")),
    "alloy-sysenv-site-set-declared": (set(), ("EU",)),
    "otel-docker-mounted-default": (REFUSED, ALL),
    "otel-docker-mounted-declared": (set(), ("EU", "JP")),
    "filebeat-e-cloud-id": (REFUSED, ALL),
    "filebeat-e-cloud-id-declared": (set(), ("EU", "US")),
    "metricbeat-e-hosts-partner": (REFUSED, ("EU", "JP")),
    "fluentbit-cloud-id": (REFUSED, ("EU", "CN")),
    "fluentbit-cloud-id-home-declared": (set(), ("EU", "US")),
    "fluentd-cloud-id-home-declared": (set(), ("EU", "US")),
    "firelens-cloud-id-home-declared": (set(), ("EU", "US")),
}
"""Each AWS shape, its verdict and the jurisdictions it runs in."""
ENCODED = frozenset({"otel-bare-site-unset", "otel-docker-mounted-default", "metricbeat-e-hosts-partner"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"alloy-sysenv-site-unset", "filebeat-e-cloud-id-declared", "fluentd-cloud-id-home-declared"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {"ali-otel-env-site-unset": REFUSED, "ali-filebeat-e-private-hosts": set()}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def otel_datadog(site: str | None, *, set_to: str | None = None) -> str:
    """The Collector (otelcol-contrib package) with the Datadog exporter (AWS Distro for OpenTelemetry "Datadog
    Exporter": ``api: key / site``) taking its site from the environment (``${env:DD_SITE}``) or writing none, its
    package's EnvironmentFile (``/etc/otelcol-contrib/otelcol-contrib.conf``) given ``DD_SITE`` when ``set_to``."""
    api = "    api:\n      key: ${env:DD_API_KEY}\n" + (f"      site: {site}\n" if site else "")
    body = (
        "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
        f"exporters:\n  datadog:\n{api}"
        "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [datadog]\n"
    )
    env = f"echo 'DD_SITE={set_to}' >> /etc/otelcol-contrib/otelcol-contrib.conf\n" if set_to else ""
    return heredoc("/etc/otelcol-contrib/config.yaml", body) + env + "systemctl restart otelcol-contrib\n"


def alloy_datadog(set_to: str | None) -> str:
    """Grafana Alloy's ``otelcol.exporter.datadog`` block with ``site = sys.env("DD_SITE")`` (Alloy reference
    "otelcol.exporter.datadog", api block; "sys"), its package's ``/etc/default/alloy`` given ``DD_SITE`` when
    ``set_to``."""
    body = (
        'otelcol.receiver.otlp "default" {\n  grpc {}\n  output {\n'
        "    traces = [otelcol.exporter.datadog.default.input]\n  }\n}\n"
        'otelcol.exporter.datadog "default" {\n  api {\n    api_key = sys.env("DD_API_KEY")\n'
        '    site    = sys.env("DD_SITE")\n  }\n}\n'
    )
    env = f"echo 'DD_SITE={set_to}' >> /etc/default/alloy\n" if set_to else ""
    return heredoc("/etc/alloy/config.alloy", body) + env + "systemctl restart alloy\n"


def otel_docker(site: str | None) -> str:
    """The Collector's contrib image run by Docker (OpenTelemetry "Install the Collector with Docker": ``docker run
    -v $(pwd)/config.yaml:/etc/otelcol-contrib/config.yaml otel/opentelemetry-collector-contrib``) with the host's
    directory bind-mounted where the image reads its file."""
    api = "    api:\n      key: ${env:DD_API_KEY}\n" + (f"      site: {site}\n" if site else "")
    body = f"exporters:\n  datadog:\n{api}service:\n  pipelines:\n    traces:\n      exporters: [datadog]\n"
    return heredoc("/etc/otel/config.yaml", body) + (
        "docker run -d --name otel --restart unless-stopped -e DD_API_KEY -p 4317:4317 "
        "-v /etc/otel:/etc/otelcol-contrib otel/opentelemetry-collector-contrib:0.115.0\n"
    )


def beat_cloud(beat: str, region: str) -> str:
    """A Beat run in the foreground under systemd-run with its Elastic Cloud deployment on the command line."""
    return (
        f"systemd-run --unit {beat}-cloud /usr/share/{beat}/bin/{beat} -e "
        f"--path.config /etc/{beat} -E cloud.id={cloud_id(region)} -E 'cloud.auth=fleet_writer:${{ES_PWD}}'\n"
    )


def beat_hosts(beat: str, hosts: list[str]) -> str:
    """A Beat's setup then run, its Elasticsearch output's hosts given on the command line."""
    listed = ",".join(f'"{h}:9200"' for h in hosts)
    return (
        f"{beat} setup -e -E 'output.elasticsearch.hosts=[{listed}]'\n"
        f"nohup {beat} -e -E 'output.elasticsearch.hosts=[{listed}]' > /var/log/{beat}.log 2>&1 &\n"
    )


def fluent_bit_cloud(region: str) -> str:
    """Fluent Bit's ``es`` output to an Elastic Cloud deployment by its ``Cloud_ID`` (Fluent Bit manual
    "Elasticsearch": "Cloud_ID | If using Elastic's Elasticsearch Service you can specify the cloud_id of the cluster
    running")."""
    body = (
        "[INPUT]\n    Name tail\n    Path /var/log/app/*.log\n\n"
        f"[OUTPUT]\n    Name es\n    Match *\n    Cloud_ID {cloud_id(region)}\n"
        "    Cloud_Auth fleet_writer:${ES_PWD}\n    Index fleet\n    tls On\n"
    )
    return heredoc("/etc/fluent-bit/fluent-bit.conf", body) + "systemctl restart fluent-bit\n"


def fluentd_cloud(region: str) -> str:
    """Fluentd's (td-agent's) ``elasticsearch`` output by ``cloud_id`` (fluent-plugin-elasticsearch: ``config_param
    :cloud_id`` beside ``cloud_auth``)."""
    body = (
        "<source>\n  @type tail\n  path /var/log/app/*.log\n  pos_file /var/log/td-agent/app.pos\n  tag app\n"
        "  <parse>\n    @type json\n  </parse>\n</source>\n"
        f"<match app.**>\n  @type elasticsearch\n  cloud_id {cloud_id(region)}\n"
        "  cloud_auth \"fleet_writer:#{ENV['ES_PWD']}\"\n  logstash_format true\n</match>\n"
    )
    return heredoc("/etc/td-agent/td-agent.conf", body) + "systemctl restart td-agent\n"


def _body(shape: str, code: str) -> str:
    home = HOME_SITE.get(code, US1)
    if shape == "otel-env-site-unset":
        return otel_datadog("${env:DD_SITE}")
    if shape == "otel-bare-site-unset":
        return otel_datadog("${DD_SITE}")
    if shape == "otel-env-site-set-declared":
        return otel_datadog("${env:DD_SITE}", set_to=home)
    if shape.startswith("alloy"):
        return alloy_datadog(home if shape.endswith("-declared") else None)
    if shape.startswith("otel-docker"):
        return otel_docker(home if shape.endswith("-declared") else None)
    if shape.startswith("filebeat"):
        return beat_cloud("filebeat", ELASTIC_HOME[code] if shape.endswith("-declared") else ELASTIC_ABROAD[code])
    if shape == "metricbeat-e-hosts-partner":
        return beat_hosts("metricbeat", [PARTNER_ES])
    if shape == "fluentbit-cloud-id":
        return fluent_bit_cloud(ELASTIC_ABROAD[code])
    if shape == "fluentbit-cloud-id-home-declared":
        return fluent_bit_cloud(ELASTIC_HOME[code])
    return fluentd_cloud(ELASTIC_HOME[code])


def _elastic_declared(code: str) -> dict[str, Any]:
    return {"id": "elastic-cloud", "kind": "resident", "match": cloud_host(ELASTIC_HOME[code]),
            "evidence": "Elastic Cloud deployment on AWS in the market, the fleet's subscription"}  # fmt: skip


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if not shape.endswith("-declared"):
        return []
    if "cloud-id" in shape:
        return [_elastic_declared(code)]
    return [declared(code, HOME_SITE.get(code, US1))]


def firelens_cloud(code: str) -> Build:
    """An ECS task whose application container logs through the FireLens router to the market's Elastic Cloud
    deployment (ECS Developer Guide "Using FireLens": the ``awsfirelens`` options are the Fluent Bit output's keys)."""

    def build(c: Any) -> object:
        assert elastic_cloud_host(cloud_id(ELASTIC_HOME[code])) == cloud_host(ELASTIC_HOME[code])
        containers = [
            {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
             "essential": True, "firelensConfiguration": {"type": "fluentbit"}},
            {"name": "app", "image": "public.ecr.aws/nginx/nginx:latest", "essential": True,
             "logConfiguration": {"logDriver": "awsfirelens", "options": {
                 "Name": "es", "Cloud_ID": cloud_id(ELASTIC_HOME[code]), "Cloud_Auth": "fleet_writer:pa55",
                 "Index": "fleet", "tls": "On"}}},
        ]  # fmt: skip
        # docs: ecs/taskdefinition (family, requires_compatibilities, cpu, memory, network_mode, container_definitions)
        return aws.ecs.TaskDefinition("app", family="app", requires_compatibilities=["FARGATE"], cpu="256",
                                      memory="512", network_mode="awsvpc", container_definitions=json.dumps(containers),
                                      opts=c.aws)  # fmt: skip

    return build


def aws_program(shape: str, code: str) -> Build:
    if shape == "firelens-cloud-id-home-declared":
        return firelens_cloud(code)

    def build(c: Any) -> object:
        body = _body(shape, code)
        user_data = f"#!/bin/bash\nset -euo pipefail\n{body}"
        if shape in DOCUMENT:
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            content = {
                "schemaVersion": "2.2",
                "description": "Configure the fleet's agents",
                "mainSteps": [
                    {"action": "aws:runShellScript", "name": "configure", "inputs": {"runCommand": body.splitlines()}}
                ],
            }
            return aws.ssm.Document("fleet-agents", document_type="Command", content=json.dumps(content), opts=c.aws)
        if shape in ENCODED:
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            encoded = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=encoded,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def ali_program(shape: str) -> Build:
    """The Collector on an ECS instance with its Datadog site from an unset variable (US1), or Filebeat sending to the
    VPC's Elasticsearch nodes given on its command line."""

    def build(c: Any) -> object:
        if shape == "ali-otel-env-site-unset":
            return ali_boot(c, "#!/bin/bash\n" + otel_datadog("${env:DD_SITE}"))
        return ali_boot(c, "#!/bin/bash\n" + beat_hosts("filebeat", ["192.168.10.21", "192.168.10.22"]))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    assert ES_ID in cloud_host("eu-west-1")
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"config64-{code.lower()}-"
        for shape, (expected, codes) in AWS_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config64-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
