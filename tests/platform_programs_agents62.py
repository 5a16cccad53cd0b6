"""Configuration file grammars in user data, round 13: defaults inside nested config (stop 62, issue 9, agents62).

Reproduced on the unchanged engine (main at 2519f654), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Passed every door**, each agent then sending abroad (Datadog's US1 site, an Alibaba Cloud Region abroad):

1. the OpenTelemetry Collector's ``datadog`` exporter with its API key and no ``api.site``
   (``otel-datadog-default``, also ``datadog/<name>``): the exporter's default site is ``datadoghq.com``, US1
   (opentelemetry-collector-contrib, exporter/datadogexporter: "Site is the site of the Datadog intake to send data
   to. The default value is "datadoghq.com""); only a written ``api.site`` was judged (config61);
2. Telegraf's ``[[outputs.datadog]]`` with its ``apikey`` and no ``url`` (``telegraf-datadog-default``): the plugin's
   URL is ``https://app.datadoghq.com/api/v1/series`` unless written (telegraf plugins/outputs/datadog/datadog.go,
   ``outputs.Add("datadog", ... URL: datadogAPI)``);
3. Grafana Alloy's ``otelcol.exporter.datadog`` ``api { site = "datadoghq.com" }`` (``alloy-datadog-site``: ``site``
   is no host key in a ``.conf`` line) and the block with no ``site`` (``alloy-datadog-default``: its documented
   default ``"datadoghq.com"``);
4. the Logtail / LoongCollector installer's Region argument (``logtail-install-abroad``, ``ali-logtail-install-abroad``:
   ``./logtail.sh install <region>[-internet]``, ``loongcollector.sh install <region>``): the agent sends to that
   Region's SLS endpoint, written into ``ilogtail_config.json`` by the installer at run time.

RES-015 now for 1-3 (the default is judged as if written; declare the site to pass), RES-009 for 4. The twins pass: the
home site written and declared (EU ``datadoghq.eu``, US ``datadoghq.com``, JP ``ap1.datadoghq.com``; CN has no Datadog
site: US1 declared as a transfer), the default declared, Telegraf's output to the VPC's proxy, the installer given the
home Region or ``auto`` (the machine's own Region).

Probed and read already (not tabled): ``DD_SITE`` in ``/etc/datadog-agent/environment`` (echo or here-document: the
variable judged where set, RES-015), ``OTEL_EXPORTER_OTLP_ENDPOINT`` / ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` in a
unit's ``Environment=``, an ``export`` or ``/etc/default/<app>`` (a URL or a host: RES-015 for a partner).

Ids: ``agents62-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template).
tests/test_realistic_programs.py runs them as CASES (``agents62-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (the OpenTelemetry Collector, Telegraf and Alloy baked in)."""
PRIVATE = "10.0.3.20"
"""The fleet's own Datadog proxy in the VPC."""
US1 = "datadoghq.com"
"""Datadog's US1 site: the default of every agent this round reads."""
TELEGRAF_HOST = "app.datadoghq.com"
"""The host of Telegraf's Datadog output's default URL (``https://app.datadoghq.com/api/v1/series``)."""
HOME_SITE = {"EU": "datadoghq.eu", "US": "datadoghq.com", "JP": "ap1.datadoghq.com"}
"""The Datadog site inside each market (Datadog "Getting Started with Datadog Sites": EU1, US1, AP1 in Japan); China
has none."""
ALI_ABROAD = {"EU": "cn-hangzhou", "US": "cn-hangzhou", "JP": "cn-hangzhou", "CN": "ap-southeast-1",
              "DE": "ap-southeast-1"}  # fmt: skip
"""An Alibaba Cloud Region outside each market (a Project there)."""
ALI_HOME_OF = {"EU": "eu-central-1", "US": "us-west-1", "JP": "ap-northeast-1", "CN": "cn-shanghai", **ALI_HOME}
"""The Alibaba Cloud Region inside each market (an AWS machine sending to a Project there over the internet)."""
REFUSED = {"RES-015"}
BASIS = {"EU": "scc", "JP": "documented-assessment", "CN": "standard-contract"}
"""The transfer basis each market's declaration of the US1 site cites (data_protection.yaml transfer_bases)."""


def declared(code: str, host: str) -> dict[str, Any]:
    """``host`` (a Datadog site or host) declared: resident where it is the market's own site (every US1 host in the
    US), a transfer to the US else."""
    if host == HOME_SITE.get(code) or code == "US":
        return {"id": "datadog-home", "kind": "resident", "match": host,
                "evidence": "Datadog's site in the market, the fleet's organisation, under contract"}  # fmt: skip
    return {
        "id": "datadog-us1", "kind": "transfer", "match": host, "destination": "US",
        "data_classes": ["audit_logs"], "basis": BASIS[code], "reference": "DPA-2026-462",
        "approved_by": "dpo", "expires": "2027-12-31",
    }  # fmt: skip


AWS_SHAPES: dict[str, set[str]] = {
    "otel-datadog-default": REFUSED,
    "otel-datadog-named-default": REFUSED,
    "otel-datadog-home-declared": set(),
    "otel-datadog-default-declared": set(),
    "telegraf-datadog-default": REFUSED,
    "telegraf-datadog-proxy": set(),
    "telegraf-datadog-default-declared": set(),
    "alloy-datadog-site": REFUSED,
    "alloy-datadog-default": REFUSED,
    "alloy-datadog-home-declared": set(),
    "logtail-install-abroad": {"RES-009"},
    "logtail-install-home": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"otel-datadog-named-default", "telegraf-datadog-proxy", "alloy-datadog-default"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"otel-datadog-default-declared", "telegraf-datadog-default", "logtail-install-home"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {
    "ali-logtail-install-abroad": {"RES-009"},
    "ali-loongcollector-install-abroad": {"RES-009"},
    "ali-logtail-install-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def heredoc(path: str, body: str) -> str:
    """``body`` written to ``path`` by a quoted here-document (written as it is), its directory made first."""
    return f"mkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n"


_OTEL = (
    "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
    "processors:\n  batch:\n    timeout: 10s\n"
    "exporters:\n  {name}:\n    api:\n{site}      key: ${{env:DD_API_KEY}}\n"
    "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [batch]\n"
    "      exporters: [{name}]\n    metrics:\n      receivers: [otlp]\n      processors: [batch]\n"
    "      exporters: [{name}]\n"
)


def otel_datadog(site: str | None, name: str = "datadog") -> str:
    """The OpenTelemetry Collector (contrib) package's configuration with the Datadog exporter (AWS Distro for
    OpenTelemetry, "Datadog Exporter": "datadog: api: key: ..."; ``site`` written only when given), then its service
    restarted."""
    body = _OTEL.format(name=name, site=f"      site: {site}\n" if site else "")
    return heredoc("/etc/otelcol-contrib/config.yaml", body) + "systemctl restart otelcol-contrib\n"


def telegraf_datadog(url: str | None) -> str:
    """Telegraf's main file with its CPU and memory inputs and the Datadog output (plugins/outputs/datadog README:
    ``[[outputs.datadog]]``, ``apikey``, ``url`` optional), then its service restarted."""
    url_line = f'  url = "{url}"\n' if url else ""
    body = (
        '[agent]\n  interval = "10s"\n  flush_interval = "10s"\n\n[[inputs.cpu]]\n  percpu = true\n  totalcpu = true\n'
        '\n[[inputs.mem]]\n\n[[outputs.datadog]]\n  apikey = "${DD_API_KEY}"\n'
        f'{url_line}  timeout = "5s"\n  compression = "zlib"\n'
    )
    return (
        "echo 'DD_API_KEY=0123456789abcdef' > /etc/default/telegraf\n"
        + heredoc("/etc/telegraf/telegraf.conf", body)
        + "systemctl restart telegraf\n"
    )


def alloy_datadog(site: str | None) -> str:
    """Grafana Alloy's configuration (/etc/alloy/config.alloy) receiving OTLP and sending to Datadog by
    ``otelcol.exporter.datadog`` (Alloy reference: ``api { api_key = ... site = ... }``, ``site`` default
    ``"datadoghq.com"``), then its service restarted (the community component enabled in /etc/default/alloy)."""
    site_line = f'    site    = "{site}"\n' if site else ""
    body = (
        'otelcol.receiver.otlp "default" {\n  grpc {\n    endpoint = "0.0.0.0:4317"\n  }\n  output {\n'
        "    traces  = [otelcol.exporter.datadog.dd.input]\n    metrics = [otelcol.exporter.datadog.dd.input]\n"
        '  }\n}\n\notelcol.exporter.datadog "dd" {\n  api {\n    api_key = sys.env("DD_API_KEY")\n'
        f"{site_line}  }}\n}}\n"
    )
    return (
        "echo 'CUSTOM_ARGS=\"--feature.community-components.enabled=true\"' >> /etc/default/alloy\n"
        + heredoc("/etc/alloy/config.alloy", body)
        + "systemctl restart alloy\n"
    )


def logtail_install(download: str, region: str, *, tool: str = "logtail") -> str:
    """The Logtail (or LoongCollector) installer fetched from ``download``'s release bucket and run with the Project's
    Region (SLS "Install LoongCollector on Linux": ``wget https://aliyun-observability-release-${region_id}.oss-
    ${region_id}.aliyuncs.com/loongcollector/linux64/latest/loongcollector.sh``, ``./loongcollector.sh install
    ${region_id}`` (internal network), ``${region_id}-internet``; Logtail's ``logtail.sh`` the same), then the machine
    group's identifier written."""
    if tool == "loongcollector":
        fetch = (
            f"wget https://aliyun-observability-release-{download}.oss-{download}.aliyuncs.com/loongcollector/linux64/"
            "latest/loongcollector.sh -O loongcollector.sh\nchmod +x loongcollector.sh\n"
            f"./loongcollector.sh install {region}\n"
        )
    else:
        fetch = (
            f"wget http://logtail-release-{download}.oss-{download}.aliyuncs.com/linux64/logtail.sh -O logtail.sh; "
            f"chmod 755 logtail.sh; ./logtail.sh install {region}\n"
        )
    return fetch + "mkdir -p /etc/ilogtail\necho 'fleet-web' > /etc/ilogtail/user_defined_id\n"


def _body(shape: str, code: str) -> str:
    home = HOME_SITE.get(code, US1)
    if shape in {"otel-datadog-default", "otel-datadog-default-declared"}:
        return otel_datadog(None)
    if shape == "otel-datadog-named-default":
        return otel_datadog(None, "datadog/prod")
    if shape == "otel-datadog-home-declared":
        return otel_datadog(home)
    if shape == "telegraf-datadog-proxy":
        return telegraf_datadog(f"http://{PRIVATE}:3834/api/v1/series")
    if shape.startswith("telegraf"):
        return telegraf_datadog(None)
    if shape == "alloy-datadog-site":
        return alloy_datadog(US1)
    if shape == "alloy-datadog-default":
        return alloy_datadog(None)
    if shape == "alloy-datadog-home-declared":
        return alloy_datadog(home)
    # an EC2 instance sending to an SLS Project over the internet (SLS: "公网: 适用于 ... 其他云/自建服务器")
    region = ALI_ABROAD[code] if shape.endswith("-abroad") else ALI_HOME_OF[code]
    return logtail_install(ALI_HOME_OF[code], f"{region}-internet")


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if not shape.endswith("-declared"):
        return []
    if shape.startswith("telegraf"):
        return [declared(code, TELEGRAF_HOST)]  # the host of the output's default URL
    written = shape.endswith("home-declared")
    return [declared(code, HOME_SITE.get(code, US1) if written else US1)]


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


def _ali_script(shape: str, code: str) -> str:
    """The installer on an ECS instance: a Project abroad (internal network to another Region fails, so over the
    internet; LoongCollector's own installer given the bare Region) and the home twin (the machine's own Region by
    name, and ``auto``)."""
    home = ALI_HOME[code]
    if shape == "ali-logtail-install-abroad":
        return "#!/bin/bash\n" + logtail_install(home, f"{ALI_ABROAD[code]}-internet")
    if shape == "ali-loongcollector-install-abroad":
        return "#!/bin/bash\n" + logtail_install(home, ALI_ABROAD[code], tool="loongcollector")
    return (
        "#!/bin/bash\n"
        + logtail_install(home, home)
        + logtail_install(home, "auto", tool="loongcollector").replace("mkdir -p /etc/ilogtail\n", "")
    )


def ali_program(shape: str, code: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape, code)
        if shape == "ali-logtail-install-home":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"agents62-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"agents62-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape, code), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
