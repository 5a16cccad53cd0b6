"""Configuration file grammars in user data, round 16 (stop 65, issue 9, config65).

Reproduced on the unchanged engine (main at bc352e13), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **30 programs; on bc352e13 25 failed: 19 leaks, 6 false alarms, 0 wrong
rules** (the counts of docs/residency.md's section *Configuration file grammars in user data, round 16*).

The OpenTelemetry Collector merges every ``--config`` of its line into one configuration ("--config=file:/path/to/
first/file --config=file:/path/to/second/file", the Collector's "Configuration" page,
https://opentelemetry.io/docs/collector/configuration/), so the Datadog exporter's default site (US1, "The default value
is "datadoghq.com"", exporter/datadogexporter) applies only where no source of the line writes ``api.site``:

**Refused though compliant** (false alarms): a file writing the market's site and an ``env:`` document adding a setting
of the same exporter (``otel-merge-file-env-home-declared``, both orders: ``otel-merge-env-file-home-declared``), and a
file writing none with a ``yaml:`` URI writing the site (``otel-merge-yaml-site-home-declared``): the source without
the site was given US1 on its own.

**Passed every door** (leaks):

1. a ``yaml:`` URI alone naming the exporter without a site (``otel-yaml-key-default``): a ``yaml:`` URI got no default;
2. ``site: $SITE`` in the Collector's file written by an unquoted here-document after ``SITE=$(curl ...)``
   (``otel-site-curl``): the substitution reading took the key as written (``site``), no host key alone;
3. the Collector run by Docker with ``--config='yaml:...'`` / ``--config=env:NAME`` after its image
   (``otel-docker-yaml-site``, ``otel-docker-env-doc``; OpenTelemetry "Install the Collector with Docker", the image's
   ``ENTRYPOINT ["/otelcol-contrib"]``): a line was read only where it named the binary;
4. two ``yaml:`` URIs on one line, the second writing the site (``otel-two-yaml-uris``): only the first was read.

The twins pass: the site written literally into the file through a variable the script sets (declared), the Docker
line's home site declared. Pinned: no source writing a site is still US1 (``otel-merge-nosite-home-declared``).

Ids: ``config65-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS instance).
tests/test_realistic_programs.py runs them as CASES (``config65-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import SUBNETS, Build, Row, ali_boot
from platform_programs_agents62 import HOME_SITE, US1, declared, heredoc

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs (a shape may run in fewer: ``AWS_SHAPES``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (the agents baked in)."""
REFUSED = {"RES-015"}
COLLECTOR = "otel/opentelemetry-collector-contrib:0.115.0"
"""The Collector's contrib image (OpenTelemetry "Install the Collector with Docker")."""

AWS_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "otel-merge-file-env-home-declared": (set(), ("EU", "JP")),
    "otel-merge-env-file-home-declared": (set(), ("EU", "JP")),
    "otel-merge-yaml-site-home-declared": (set(), ("EU", "JP")),
    "otel-merge-nosite-home-declared": (REFUSED, ("EU", "JP")),
    "otel-yaml-key-default": (REFUSED, ("EU", "JP", "CN")),
    "otel-site-curl": (REFUSED, AWS_CODES),
    "otel-site-literal-declared": (set(), ("EU", "JP")),
    "otel-docker-yaml-site": (REFUSED, ("EU", "JP", "CN")),
    "otel-docker-env-doc": (REFUSED, ("EU", "JP")),
    "otel-docker-yaml-home-declared": (set(), ("EU",)),
    "otel-two-yaml-uris": (REFUSED, ("EU", "JP")),
}
"""Each AWS shape, its verdict and the jurisdictions it runs in."""
ENCODED = frozenset({"otel-merge-env-file-home-declared", "otel-site-curl", "otel-docker-env-doc"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"otel-merge-yaml-site-home-declared", "otel-yaml-key-default", "otel-two-yaml-uris"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "ali-otel-site-curl": (REFUSED, ALI_CODES),
    "ali-otel-docker-yaml-site": (REFUSED, ("CN", "DE")),
}
"""Each Alibaba Cloud shape, its verdict and the jurisdictions it runs in."""


def _exporter(site: str | None) -> str:
    api = "    api:\n      key: ${env:DD_API_KEY}\n" + (f"      site: {site}\n" if site else "")
    return f"exporters:\n  datadog:\n{api}"


def otel_file(path: str, site: str | None) -> str:
    """The Collector's file with the Datadog exporter (AWS Distro for OpenTelemetry "Datadog Exporter": ``api: key /
    site``), written by a quoted here-document."""
    body = (
        "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
        f"{_exporter(site)}"
        "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [datadog]\n"
    )
    return heredoc(path, body)


def env_document(name: str, body: str) -> str:
    """A variable holding one YAML document for ``--config=env:NAME`` (the Collector's "env:" provider)."""
    return f"export {name}=\"$(cat <<'EOF'\n{body}EOF\n)\"\n"


HOST_METADATA = (
    "exporters:\n  datadog:\n    host_metadata:\n      enabled: true\n      hostname_source: first_resource\n"
)
"""An ``env:`` document adding a setting of the same exporter (its host metadata), no site."""


def merge_file_env(site: str | None, *, env_first: bool = False) -> str:
    """The file and an ``env:`` document merged on one line (both orders)."""
    configs = ["--config=/etc/otel/config.yaml", "--config=env:OTEL_DD_EXTRA"]
    if env_first:
        configs.reverse()
    return (
        otel_file("/etc/otel/config.yaml", site)
        + env_document("OTEL_DD_EXTRA", HOST_METADATA)
        + f"nohup /usr/bin/otelcol-contrib {' '.join(configs)} > /var/log/otelcol.log 2>&1 &\n"
    )


def merge_yaml_site(site: str) -> str:
    """The file without a site and the site given by a ``yaml:`` URI ("--config=yaml:exporters::debug::verbosity:
    detailed", the Collector's "Configuration" page)."""
    return otel_file("/etc/otel/config.yaml", None) + (
        f"otelcol-contrib --config=/etc/otel/config.yaml --config='yaml:exporters::datadog::api::site: {site}' &\n"
    )


def site_from_variable(assign: str) -> str:
    """The file written by an unquoted here-document (the script's variables expanded) with ``site: $SITE``."""
    body = otel_file("/etc/otelcol-contrib/config.yaml", "$SITE").replace("<<'EOF'", "<<EOF")
    body = body.replace("${env:DD_API_KEY}", "\\${env:DD_API_KEY}")
    return f"{assign}\n{body}systemctl restart otelcol-contrib\n"


def docker_yaml(site: str) -> str:
    """The Collector's image run with its Datadog exporter's settings given by ``yaml:`` URIs after the image."""
    return (
        "docker run -d --name otel --restart unless-stopped -e DD_API_KEY -p 4317:4317 -v /opt/fleet/otel:/conf:ro "
        f"{COLLECTOR} --config=/conf/base.yaml "
        f"--config='yaml:exporters::datadog::api::site: {site}'\n"
    )


def docker_env(site: str) -> str:
    """The Collector's image run with an ``env:`` document the container is given (``-e NAME``)."""
    return env_document("OTEL_DD", _exporter(site)) + (
        f"docker run -d --name otel -e DD_API_KEY -e OTEL_DD -p 4317:4317 -v /opt/fleet/otel:/conf:ro {COLLECTOR} "
        "--config=/conf/base.yaml --config=env:OTEL_DD\n"
    )


def _body(shape: str, code: str) -> str:
    home = HOME_SITE.get(code, US1)
    bodies: dict[str, Callable[[], str]] = {
        "otel-merge-file-env-home-declared": lambda: merge_file_env(home),
        "otel-merge-env-file-home-declared": lambda: merge_file_env(home, env_first=True),
        "otel-merge-yaml-site-home-declared": lambda: merge_yaml_site(home),
        "otel-merge-nosite-home-declared": lambda: merge_file_env(None),
        "otel-yaml-key-default": lambda: (
            "otelcol-contrib --config=/etc/otelcol-contrib/config.yaml "
            "--config='yaml:exporters::datadog::api::key: ${env:DD_API_KEY}' &\n"
        ),
        "otel-site-curl": lambda: site_from_variable("SITE=$(curl -sf http://10.0.8.12/fleet/datadog-site)"),
        "otel-site-literal-declared": lambda: site_from_variable(f"SITE={home}"),
        "otel-docker-yaml-site": lambda: docker_yaml(US1 if code != "US" else HOME_SITE["EU"]),
        "otel-docker-env-doc": lambda: docker_env(US1),
        "otel-docker-yaml-home-declared": lambda: docker_yaml(home),
        "otel-two-yaml-uris": lambda: (
            "otelcol-contrib --config=/etc/otelcol-contrib/config.yaml "
            "--config='yaml:processors::batch::timeout: 5s' "
            f"--config='yaml:exporters::datadog::api::site: {US1}' &\n"
        ),
    }
    return bodies[shape]()


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, HOME_SITE[code])] if shape.endswith("-declared") else []


def aws_program(shape: str, code: str) -> Build:
    def build(c: Any) -> object:
        body = _body(shape, code)
        user_data = f"#!/bin/bash\nset -euo pipefail\n{body}"
        if shape in DOCUMENT:
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            content = {
                "schemaVersion": "2.2",
                "description": "Configure the fleet's Collector",
                "mainSteps": [
                    {"action": "aws:runShellScript", "name": "configure", "inputs": {"runCommand": body.splitlines()}}
                ],
            }
            return aws.ssm.Document("fleet-otel", document_type="Command", content=json.dumps(content), opts=c.aws)
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


def ali_program(shape: str, code: str) -> Build:
    """The Collector on an ECS instance: its site from a variable no reader computes, or the Docker line's US1 site
    (abroad in every market here)."""

    def build(c: Any) -> object:
        if shape == "ali-otel-site-curl":
            body = site_from_variable("SITE=$(curl -sf http://100.100.100.200/latest/meta-data/tags/dd-site)")
        else:
            body = docker_yaml(US1)
        return ali_boot(c, "#!/bin/bash\n" + body)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"config65-{code.lower()}-"
        for shape, (expected, codes) in AWS_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config65-{code.lower()}-"
        for shape, (expected, codes) in ALI_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, ali_program(shape, code), expected, []))
    return out
