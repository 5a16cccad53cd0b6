"""Configuration file grammars in user data, round 14 (stop 63, issue 9, config63).

Reproduced on the unchanged engine (main at 86a0559b), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Passed every door**, each agent then sending outside the market or to a destination no reader proved:

1. Vector's Datadog sinks (``datadog_logs`` / ``datadog_metrics``, YAML and TOML) with ``site: datadoghq.com``
   (``vector-datadog-site``) and with the API key alone (``vector-datadog-default``): the sinks' ``site`` is "The
   Datadog site to send data to", default ``datadoghq.com`` (vectordotdev/vector website/cue/reference/components/
   sinks/datadog.cue; Vector "Datadog logs", https://vector.dev/docs/reference/configuration/sinks/datadog_logs/);
   only ``endpoint`` was read;
2. Filebeat's ``cloud.id`` (``filebeat-cloud-id``): the Elastic Cloud cluster's host is base64 inside the id
   (Filebeat "Configure the output for Elastic Cloud"; libbeat/cloudid/cloudid.go), never written;
3. the OpenTelemetry Collector's configuration URIs (``otel-yaml-uri-site``: ``--config='yaml:exporters::datadog::
   api::site: datadoghq.com'``; ``otel-env-uri-site``: ``--config=env:OTEL_CONFIG`` with the exporter in the
   variable; ``otel-https-uri``: ``--config=https://10.0.3.5/otel.yaml`` from the VPC's config server, content read at
   run time) (OpenTelemetry "Configuration", https://opentelemetry.io/docs/collector/configuration/);
4. the Splunk universal forwarder's CLI, ``splunk add forward-server <indexer>:9997`` and ``splunk set deploy-poll
   <server>:8089`` (Splunk "Forwarding configuration options for the Universal Forwarder": ``add forward-server``
   writes outputs.conf's ``server =``, which was read);
5. a public CIDR block under a host key (``db-host-public-cidr``: ``DB_HOST: 203.0.113.0/24`` passed, ``203.0.113.5``
   was RES-015; awsred62's open item).

RES-015 now for each (declare the site / host / URI to pass). The twins pass: the market's Datadog site declared (EU
``datadoghq.eu``, US ``datadoghq.com``, JP ``ap1.datadoghq.com``; CN has none: US1 declared as a transfer), a Vector
Datadog sink's ``endpoint`` at the VPC's proxy, the decoded Elastic Cloud host declared, a ``yaml:`` URI's endpoint in
the VPC, the https URI declared, the VPC's indexer and a private CIDR block.

Probed and read already (not tabled): Vector's ``aws_s3`` / ``aws_cloudwatch_logs`` ``region`` and ``http`` ``uri``,
Fluentd's ``@type datadog`` (default host: RES-016), ``@type s3`` ``s3_region``, ``@type http`` ``endpoint``,
``@type forward``'s servers, Promtail's and the Grafana Agent's ``clients: - url:``, Promtail's ``-client.url``, Elastic
Agent's ``install --url``, Splunk's outputs.conf ``server =`` and deploymentclient.conf ``targetUri``, Sumo Logic's
user.properties ``url`` and a Telegraf ``url = "${DD_URL}"`` with DD_URL set in ``/etc/default/telegraf``.

Ids: ``config63-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS instance).
tests/test_realistic_programs.py runs them as CASES (``config63-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import SUBNETS, Build, Row, ali_boot
from platform_programs_agents62 import HOME_SITE, PRIVATE, US1, declared, heredoc

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs (a shape may run in fewer: ``AWS_SHAPES``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (Vector, Filebeat, the Collector and the forwarder baked in)."""
CONFIG_SERVER = "https://10.0.3.5/otel/collector.yaml"
"""The fleet's configuration server in the VPC, serving the Collector's configuration."""
REFUSED = {"RES-015"}
ES_ID = "4fa8821e75634032bed1cf22110e2f97"
"""The Elastic Cloud deployment's Elasticsearch id."""
ELASTIC_HOME = {"EU": "eu-west-1", "US": "us-east-1"}
"""An Elastic Cloud on AWS region inside each market a declared twin runs in."""
ELASTIC_ABROAD = {"EU": "us-east-1", "US": "eu-west-1", "JP": "us-east-1", "CN": "ap-northeast-1"}
"""An Elastic Cloud on AWS region outside each market (the deployment the refused twin sends to)."""

ALL = AWS_CODES
AWS_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "vector-datadog-site": (REFUSED, ALL),
    "vector-datadog-default": (REFUSED, ALL),
    "vector-datadog-home-declared": (set(), ALL),
    "vector-datadog-proxy": (set(), ("EU", "CN")),
    "filebeat-cloud-id": (REFUSED, ALL),
    "filebeat-cloud-id-declared": (set(), ("EU", "US")),
    "otel-yaml-uri-site": (REFUSED, ALL),
    "otel-yaml-uri-private": (set(), ("EU", "JP")),
    "otel-env-uri-site": (REFUSED, ALL),
    "otel-https-uri": (REFUSED, ALL),
    "otel-https-uri-declared": (set(), ("US", "CN")),
    "splunk-forward-server": (REFUSED, ALL),
    "splunk-deploy-poll": (REFUSED, ("EU", "JP")),
    "splunk-forward-server-home": (set(), ("EU", "CN")),
    "db-host-public-cidr": (REFUSED, ("EU", "US")),
    "db-host-private-cidr": (set(), ("EU", "US")),
}
"""Each AWS shape, its verdict and the jurisdictions it runs in."""
ENCODED = frozenset({"vector-datadog-default", "otel-env-uri-site", "splunk-deploy-poll", "db-host-private-cidr"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"filebeat-cloud-id-declared", "otel-https-uri", "splunk-forward-server-home"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {"ali-vector-datadog-default": REFUSED, "ali-vector-datadog-proxy": set()}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def vector_datadog(sink: str, settings: dict[str, str], *, toml: bool = False) -> str:
    """Vector's configuration (the package's /etc/vector/vector.yaml, or vector.toml) tailing the application's logs
    into a Datadog sink (Vector "Datadog logs": ``type: datadog_logs``, ``default_api_key``, optional ``site`` /
    ``endpoint``), then its service restarted."""
    extra = {"default_api_key": "${DD_API_KEY}", **settings}
    if toml:
        lines = "".join(f'{k} = "{v}"\n' for k, v in extra.items())
        body = (
            '[sources.app]\ntype = "file"\ninclude = ["/var/log/app/*.log"]\n\n'
            f'[sinks.datadog]\ntype = "{sink}"\ninputs = ["app"]\n{lines}'
        )
        path = "/etc/vector/vector.toml"
    else:
        lines = "".join(f"    {k}: {v}\n" for k, v in extra.items())
        body = (
            "sources:\n  app:\n    type: file\n    include: [/var/log/app/*.log]\n"
            f"sinks:\n  datadog:\n    type: {sink}\n    inputs: [app]\n{lines}"
        )
        path = "/etc/vector/vector.yaml"
    return (
        "echo 'DD_API_KEY=0123456789abcdef' > /etc/default/vector\n"
        + heredoc(path, body)
        + "systemctl restart vector\n"
    )


def cloud_id(region: str) -> str:
    """An Elastic Cloud id (``<deployment>:<base64 of "<domain>$<es id>$<kibana id>">``, Filebeat "Configure the
    output for Elastic Cloud") of a deployment on AWS in ``region``."""
    raw = f"{region}.aws.found.io${ES_ID}$5ac1e2d3b4a5968778695a4b3c2d1e0f"
    return "fleet-logs:" + base64.b64encode(raw.encode()).decode()


def cloud_host(region: str) -> str:
    """The Elasticsearch host :func:`cloud_id` encodes."""
    return f"{ES_ID}.{region}.aws.found.io"


def filebeat_cloud(region: str) -> str:
    """Filebeat's configuration shipping the application's logs to Elastic Cloud (``cloud.id`` / ``cloud.auth``: "The
    Cloud ID ... overwrites the output.elasticsearch.hosts and setup.kibana.host settings"), then its service
    restarted."""
    body = (
        "filebeat.inputs:\n- type: filestream\n  id: app\n  paths: [/var/log/app/*.log]\n"
        f'cloud.id: "{cloud_id(region)}"\ncloud.auth: "fleet_writer:${{ES_PWD}}"\n'
    )
    return heredoc("/etc/filebeat/filebeat.yml", body) + "systemctl restart filebeat\n"


_OTEL_BASE = (
    "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
    "exporters:\n  otlp:\n    endpoint: 10.0.3.9:4317\n    tls:\n      insecure: true\n"
    "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp]\n"
)


def otel_options(config: str) -> str:
    """The Collector package's base file, then its options file (``OTELCOL_OPTIONS``, which the package's unit passes
    to ``/usr/bin/otelcol-contrib``) given a second ``--config`` (the Collector's "Configuration": several ``--config``
    values are merged), then the service restarted."""
    options = f"OTELCOL_OPTIONS=\"--config=/etc/otelcol-contrib/config.yaml --config='{config}'\"\n"
    return (
        heredoc("/etc/otelcol-contrib/config.yaml", _OTEL_BASE)
        + heredoc("/etc/otelcol-contrib/otelcol-contrib.conf", options)
        + "systemctl restart otelcol-contrib\n"
    )


def otel_env(site: str) -> str:
    """The Collector run with its configuration in an environment variable (``--config=env:OTEL_CONFIG``), the
    variable given the Datadog exporter by a here-document."""
    return (
        'export OTEL_CONFIG="$(cat <<EOF\n'
        f"exporters:\n  datadog:\n    api:\n      site: {site}\n      key: $DD_API_KEY\n"
        "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [datadog]\n"
        'EOF\n)"\n'
        "nohup /usr/bin/otelcol-contrib --config=/etc/otelcol-contrib/config.yaml --config=env:OTEL_CONFIG "
        "> /var/log/otelcol.log 2>&1 &\n"
    )


def splunk(subcommand: str, server: str) -> str:
    """The Splunk universal forwarder (installed in the image) started and pointed at an indexer or a deployment
    server by its CLI (``./splunk [command] [object] [-parameter <value>]``), then a log monitored."""
    bin_ = "/opt/splunkforwarder/bin/splunk"
    return (
        f'{bin_} start --accept-license --answer-yes --no-prompt --seed-passwd "$SPLUNK_PW"\n'
        f'{bin_} {subcommand} {server} -auth admin:"$SPLUNK_PW"\n'
        f'{bin_} add monitor /var/log/app -auth admin:"$SPLUNK_PW"\n'
    )


def app_settings(db_host: str) -> str:
    """The application's settings file naming its database (a host key), then its service restarted."""
    body = f"DB_HOST: {db_host}\nDB_PORT: 5432\nDB_NAME: fleet\n"
    return heredoc("/etc/fleet/app.yaml", body) + "systemctl restart fleet-app\n"


def _body(shape: str, code: str) -> str:
    home = HOME_SITE.get(code, US1)
    if shape == "vector-datadog-site":
        return vector_datadog("datadog_logs", {"site": US1})
    if shape == "vector-datadog-default":
        return vector_datadog("datadog_metrics", {}, toml=True)
    if shape == "vector-datadog-home-declared":
        return vector_datadog("datadog_logs", {"site": home})
    if shape == "vector-datadog-proxy":
        return vector_datadog("datadog_logs", {"endpoint": f"http://{PRIVATE}:8282"})
    if shape.startswith("filebeat"):
        return filebeat_cloud(ELASTIC_HOME[code] if shape.endswith("-declared") else ELASTIC_ABROAD[code])
    if shape == "otel-yaml-uri-site":
        return otel_options(f"yaml:exporters::datadog::api::site: {US1}")
    if shape == "otel-yaml-uri-private":
        return otel_options("yaml:exporters::otlp::endpoint: 10.0.3.10:4317")
    if shape == "otel-env-uri-site":
        return otel_env(US1)
    if shape.startswith("otel-https"):
        return otel_options(CONFIG_SERVER)
    if shape == "splunk-forward-server":
        return splunk("add forward-server", "idx1.partner-analytics.com:9997")
    if shape == "splunk-deploy-poll":
        return splunk("set deploy-poll", "ds.partner-analytics.com:8089")
    if shape == "splunk-forward-server-home":
        return splunk("add forward-server", "10.0.3.30:9997")
    return app_settings("203.0.113.0/24" if shape == "db-host-public-cidr" else "10.0.40.0/24")


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "vector-datadog-home-declared":
        return [declared(code, HOME_SITE.get(code, US1))]
    if shape == "filebeat-cloud-id-declared":
        return [{"id": "elastic-cloud", "kind": "resident", "match": cloud_host(ELASTIC_HOME[code]),
                 "evidence": "Elastic Cloud deployment on AWS in the market, the fleet's subscription"}]  # fmt: skip
    if shape == "otel-https-uri-declared":
        evidence = "the fleet's configuration server in the VPC; its collector.yaml names the VPC's gateway"
        return [{"id": "otel-config-server", "kind": "resident", "match": CONFIG_SERVER, "evidence": evidence}]
    return []


def aws_program(shape: str, code: str) -> Build:
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
    """Vector on an ECS instance sending its metrics to Datadog with the API key alone (US1), or to the VPC's
    proxy."""

    def build(c: Any) -> object:
        settings = {"endpoint": f"http://{PRIVATE}:8282"} if shape.endswith("proxy") else {}
        return ali_boot(c, "#!/bin/bash\n" + vector_datadog("datadog_metrics", settings))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"config63-{code.lower()}-"
        for shape, (expected, codes) in AWS_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config63-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
