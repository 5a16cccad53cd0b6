"""Configuration file grammars in user data, round 12 (stop 61, issue 9, config61).

Reproduced on the unchanged engine (main at 3c67a1f3), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Passed every door**, with a partner's host (``db.partner-analytics.com``) or Datadog's US1 site abroad:

1. a directory option holding a wildcard (``vector-config-dir-glob-partner``: ``vector --config-dir
   /etc/fleet/*/pipeline``, bash expanding the pattern to the one directory; ``VECTOR_CONFIG_DIR`` the same): only a
   directory named as written was read;
2. a brace list at a tool's option (``vector-config-brace-partner``: ``vector --config=/etc/fleet/pipeline/{base,
   central}.yaml``, which bash expands into one ``--config=`` per file): a pattern was a word holding ``*``, ``?`` or
   a bracket expression, and a ``,`` ended the word;
3. Fluent Bit's YAML configuration's ``env`` section (``fluent-bit-yaml-env-partner``: ``env: {AGGREGATOR:
   <partner>}`` and an output's ``host: ${AGGREGATOR}``) and its ``includes`` list
   (``fluent-bit-yaml-includes-partner``: the output in ``/opt/fleet/outputs/forward.yaml``, the variable in the main
   file): the classic format's ``@SET`` was read, the YAML ``env`` not; an included file was read only as any YAML
   file (no router's reading);
4. the OpenTelemetry Collector's Datadog exporter (``otel-datadog-site``: ``exporters.datadog.api.site:
   datadoghq.com``): ``site`` is a host only in datadog.yaml's entry;
5. Grafana Alloy's configuration (``alloy-otlp-partner``: ``otelcol.exporter.otlp`` ``client { endpoint =
   "<partner>:4317" }``; ``alloy-awsemf-abroad``: ``otelcol.exporter.awsemf`` ``region = "<abroad>"``): a
   ``.alloy`` file was read by no entry (only its ``url = "https://..."`` values, by the script's URL scan).

RES-015 now for 1-5 (RES-009 for the Region abroad); the twins pass: the VPC's collector (the same shapes), the site
declared (resident in the US, a transfer from EU / JP / CN), an OTLP exporter to the VPC's collector, Alloy sending to
the VPC's collector and the home Region.

Ids: ``config61-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template).
tests/test_realistic_programs.py runs them as CASES (``config61-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (Fluent Bit, Vector and the OpenTelemetry Collector baked in)."""
PRIVATE = "10.0.3.20"
"""The fleet's own collector in the VPC."""
ALI_PRIVATE = "192.168.0.20"
"""The fleet's own collector in the Alibaba Cloud VPC."""
DEFAULT_SITE = "datadoghq.com"
"""Datadog's US1 site (the Datadog exporter's default, and the site the offending twin writes)."""
REFUSED = {"RES-015"}
BASIS = {"EU": "scc", "JP": "documented-assessment", "CN": "standard-contract"}
"""The transfer basis each market's declaration of the US1 site cites (data_protection.yaml transfer_bases)."""


def declared(code: str, host: str) -> dict[str, Any]:
    """``host`` (Datadog's US1 site) declared: resident in the US, a transfer to the US from elsewhere."""
    if code == "US":
        return {"id": "datadog-us1", "kind": "resident", "match": host,
                "evidence": "Datadog US1, the fleet's organisation, under contract"}  # fmt: skip
    return {
        "id": "datadog-us1", "kind": "transfer", "match": host, "destination": "US",
        "data_classes": ["audit_logs"], "basis": BASIS[code], "reference": "DPA-2026-361",
        "approved_by": "dpo", "expires": "2027-12-31",
    }  # fmt: skip


AWS_SHAPES: dict[str, set[str]] = {
    "vector-config-dir-glob-partner": REFUSED,
    "vector-config-dir-glob-own": set(),
    "vector-config-brace-partner": REFUSED,
    "vector-config-brace-own": set(),
    "fluent-bit-yaml-env-partner": REFUSED,
    "fluent-bit-yaml-includes-partner": REFUSED,
    "fluent-bit-yaml-includes-own": set(),
    "otel-datadog-site": REFUSED,
    "otel-datadog-declared": set(),
    "otel-otlp-own": set(),
    "alloy-otlp-partner": REFUSED,
    "alloy-awsemf-abroad": {"RES-009"},
    "alloy-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset(
    {"vector-config-brace-partner", "fluent-bit-yaml-includes-own", "otel-datadog-site", "alloy-awsemf-abroad"}
)
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"vector-config-dir-glob-own", "fluent-bit-yaml-env-partner", "otel-otlp-own"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {
    "ali-vector-config-dir-glob-partner": REFUSED,
    "ali-fluent-bit-yaml-includes-partner": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def heredoc(path: str, body: str) -> str:
    """``body`` written to ``path`` by a quoted here-document (written as it is), its directory made first."""
    return f"mkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n"


_VECTOR_SOURCE = "sources:\n  app:\n    type: file\n    include: [/var/log/app/*.log]\n"
_VECTOR_SINK = (
    "sinks:\n  central:\n    type: socket\n    inputs: [app]\n    address: {}:514\n    mode: tcp\n"
    "    encoding:\n      codec: json\n"
)


def vector_config_dir_glob(host: str) -> str:
    """Vector's pipeline in a per-team directory named by a wildcard at ``--config-dir`` (the vector CLI reference:
    "-C, --config-dir: Read configuration from files in one or more directories"; bash expands the unquoted pattern to
    the one directory before Vector starts)."""
    return (
        heredoc("/etc/fleet/logs/pipeline/source.yaml", _VECTOR_SOURCE)
        + heredoc("/etc/fleet/logs/pipeline/sink.yaml", _VECTOR_SINK.format(host))
        + "vector --config-dir /etc/fleet/*/pipeline &\n"
    )


def vector_config_brace(host: str) -> str:
    """Vector run with its two files named by a brace list (bash(1) "Brace Expansion": ``--config=/etc/fleet/pipeline/
    {base,central}.yaml`` is ``--config=/etc/fleet/pipeline/base.yaml --config=/etc/fleet/pipeline/central.yaml``)."""
    return (
        heredoc("/etc/fleet/pipeline/base.yaml", _VECTOR_SOURCE)
        + heredoc("/etc/fleet/pipeline/central.yaml", _VECTOR_SINK.format(host))
        + "vector --config=/etc/fleet/pipeline/{base,central}.yaml &\n"
    )


_FB_OUTPUT = (
    "pipeline:\n  outputs:\n    - name: forward\n      match: 'app.*'\n      host: ${AGGREGATOR}\n      port: 24224\n"
)
_FB_INPUT = "    - name: tail\n      path: /var/log/app/*.log\n      tag: app.log\n"


def fluent_bit_yaml_env(host: str) -> str:
    """Fluent Bit's YAML configuration with the forward output's host in its ``env`` section (Fluent Bit "YAML
    Configuration File": "The env section allows the definition of configuration variables that will be used later
    in the configuration file")."""
    body = f"env:\n  AGGREGATOR: {host}\nservice:\n  flush: 5\n" + _FB_OUTPUT.replace(
        "  outputs:\n", f"  inputs:\n{_FB_INPUT}  outputs:\n"
    )
    return heredoc("/etc/fluent-bit/fluent-bit.yaml", body) + "fluent-bit -c /etc/fluent-bit/fluent-bit.yaml &\n"


def fluent_bit_yaml_includes(host: str) -> str:
    """Fluent Bit's YAML configuration including the fleet's output file by its ``includes`` list (Fluent Bit "YAML
    Configuration File": "The includes section allows the files to be merged into the YAML configuration to be
    identified as a list of filenames"), the output's host a variable the main file's ``env`` section sets."""
    main = (
        f"env:\n  AGGREGATOR: {host}\nincludes:\n  - /opt/fleet/outputs/forward.yaml\nservice:\n  flush: 5\n"
        f"pipeline:\n  inputs:\n{_FB_INPUT}"
    )
    return (
        heredoc("/opt/fleet/outputs/forward.yaml", _FB_OUTPUT)
        + heredoc("/etc/fluent-bit/fluent-bit.yaml", main)
        + "fluent-bit -c /etc/fluent-bit/fluent-bit.yaml &\n"
    )


_OTEL = (
    "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
    "processors:\n  batch:\n    timeout: 10s\n"
    "exporters:\n{exporter}"
    "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [batch]\n"
    "      exporters: [{name}]\n"
)


def otel_collector(exporter: str, name: str) -> str:
    """The OpenTelemetry Collector (contrib) package's configuration file, its traces pipeline sending to
    ``exporter`` (YAML under ``exporters:``), then its service restarted."""
    body = _OTEL.format(exporter=exporter, name=name)
    return heredoc("/etc/otelcol-contrib/config.yaml", body) + "systemctl restart otelcol-contrib\n"


def alloy(host: str, region: str) -> str:
    """Grafana Alloy's configuration (the package's /etc/alloy/config.alloy, Grafana Alloy "Configuration syntax":
    "ATTRIBUTE_NAME = ATTRIBUTE_VALUE" inside blocks) sending traces to an OTLP collector and metrics to CloudWatch
    (``otelcol.exporter.awsemf``'s ``region``), then its service restarted."""
    body = (
        'otelcol.receiver.otlp "default" {\n  grpc {\n    endpoint = "0.0.0.0:4317"\n  }\n  output {\n'
        "    traces  = [otelcol.exporter.otlp.central.input]\n    metrics = [otelcol.exporter.awsemf.cw.input]\n"
        '  }\n}\n\notelcol.exporter.otlp "central" {\n  client {\n'
        f'    endpoint = "{host}:4317"\n  }}\n}}\n\notelcol.exporter.awsemf "cw" {{\n  region = "{region}"\n'
        '  log_group_name = "/fleet/metrics"\n}\n'
    )
    return heredoc("/etc/alloy/config.alloy", body) + "systemctl restart alloy\n"


def _body(shape: str, code: str) -> str:
    host = PARTNER_DB if shape.endswith("-partner") else PRIVATE
    if shape.startswith("alloy"):
        return alloy(host, AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code])
    if shape.startswith("vector-config-dir"):
        return vector_config_dir_glob(host)
    if shape.startswith("vector-config-brace"):
        return vector_config_brace(host)
    if shape.startswith("fluent-bit-yaml-env"):
        return fluent_bit_yaml_env(host)
    if shape.startswith("fluent-bit-yaml-includes"):
        return fluent_bit_yaml_includes(host)
    if shape == "otel-otlp-own":
        return otel_collector(f"  otlp:\n    endpoint: {PRIVATE}:4317\n    tls:\n      insecure: true\n", "otlp")
    # the Datadog exporter (AWS Distro for OpenTelemetry, "Datadog Exporter": "datadog: api: key: ... To send the
    # data to the Datadog EU site, also set the site parameter")
    exporter = f"  datadog:\n    api:\n      site: {DEFAULT_SITE}\n      key: ${{env:DD_API_KEY}}\n"
    return otel_collector(exporter, "datadog")


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, DEFAULT_SITE)] if shape.endswith("-declared") else []


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


def _ali_script(shape: str) -> str:
    """A partner's collector in a directory a wildcard names and in a file a YAML ``includes`` list names, and the own
    twin (the VPC's collector in both)."""
    if shape == "ali-vector-config-dir-glob-partner":
        return "#!/bin/bash\n" + vector_config_dir_glob(PARTNER_DB)
    if shape == "ali-fluent-bit-yaml-includes-partner":
        return "#!/bin/bash\n" + fluent_bit_yaml_includes(PARTNER_DB)
    return "#!/bin/bash\n" + vector_config_dir_glob(ALI_PRIVATE) + fluent_bit_yaml_includes(ALI_PRIVATE)


def ali_program(shape: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape)
        if shape == "ali-own":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"config61-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config61-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
