"""Configuration file grammars in user data, round 18 (stop 66, issue 9, config66).

Reproduced on the unchanged engine (main at d207e72e), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door (the counts of docs/residency.md's section *Configuration file grammars in user
data, round 18*; see there for the numbers).

**Passed every door** (leaks):

1. a Beat's ``cloud.id: "${CLOUD_ID}"`` in filebeat.yml with ``CLOUD_ID`` exported from a value no reader computes
   (``export CLOUD_ID=$(curl -s http://169.254.169.254/latest/meta-data/tags/instance/...)``, the instance's own tag,
   EC2 "Work with instance tags in instance metadata"), or filled by an unquoted here-document from such a variable
   (``beat-cloudid-curl``, ``beat-cloudid-curl-unquoted``): the substitution reading of the Beat's file gave
   ``cloud.id`` (an encoded host, config63) no host key, so the unknown deployment passed;
2. Fluent Bit run by its container image (``docker run fluent/fluent-bit:<v> -i tail ... -o es -p cloud_id=<id>``,
   ``cr.fluentbit.io/fluent/fluent-bit``; fluent/fluent-bit ``dockerfiles/Dockerfile``: ``ENTRYPOINT [
   "/fluent-bit/bin/fluent-bit" ]``): the command-line reader (config65b) read a line naming the binary only
   (``fb-docker-cloudid``, ``fb-docker-datadog-default``).

**Refused though compliant** (a false alarm): the Collector's file written by a cloud-config's ``write_files`` and
merged on its ``runcmd`` line with a ``yaml:`` URI writing the market's Datadog site (``--config=<file>
--config='yaml:exporters::datadog::api::site: <site>'``; the Collector's "Configuration" page: the sources are merged)
was given its own US1 default (``otel-wf-yaml-site-home-declared``; config65's open corner: the line's merge read the
script's here-documents only). The twin whose URI writes no site (``otel-wf-nosite``) stays RES-015 (US1), now by the
line's merge.

Pinned (read already, a neighbouring shape): Fluent Bit's output given as a URL (``-o http://<host>:<port>/<uri>``,
Fluent Bit's HTTP output page: "fluent-bit -i cpu -t cpu -o http://192.168.2.3:80/something -m '*'"): a partner's host
RES-015, a private address of the fleet passes (``fb-url-partner``, ``fb-url-home``).

The twins pass: the market's own Elastic Cloud deployment written (or given to the image) and declared
(``-home-declared``).

Ids: ``config66-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data), Alibaba Cloud programs in CN / DE (an ECS instance). tests/test_realistic_programs.py runs them as CASES
(``config66-*``).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import SUBNETS, Build, Row, ali_boot
from platform_programs_agents62 import HOME_SITE, declared
from platform_programs_config63 import cloud_host, cloud_id
from platform_programs_config65b import ELASTIC_ABROAD, ELASTIC_HOME, TAIL

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs (a shape may run in fewer: ``AWS_SHAPES``)."""
ALI_CODES = ("CN", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (the agents baked in)."""
HOST = {"RES-015"}
DEFAULT = {"RES-016"}
PARTNER = "logs.partner-analytics.example.com"
"""A log collector run by a partner (a third party's host no catalogue places)."""

AWS_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "beat-cloudid-curl": (HOST, AWS_CODES),
    "beat-cloudid-curl-unquoted": (HOST, ("EU", "JP")),
    "beat-cloudid-home-declared": (set(), ("EU", "US")),
    "fb-docker-cloudid": (HOST, AWS_CODES),
    "fb-docker-datadog-default": (DEFAULT, ("EU", "JP")),
    "fb-docker-home-declared": (set(), ("EU", "US")),
    "fb-url-partner": (HOST, ("EU", "JP")),
    "fb-url-home": (set(), ("EU", "US")),
    "otel-wf-yaml-site-home-declared": (set(), ("EU", "JP")),
    "otel-wf-nosite": (HOST, ("EU", "JP")),
}
"""Each AWS shape, its verdict and the jurisdictions it runs in."""
ENCODED = frozenset({"beat-cloudid-curl-unquoted", "fb-docker-datadog-default", "fb-url-partner"})
"""The shapes made as a launch template (base64 user data)."""
ALI_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "ali-beat-cloudid-curl": (HOST, ALI_CODES),
    "ali-fb-docker-cloudid": (HOST, ALI_CODES),
}
"""Each Alibaba Cloud shape, its verdict and the jurisdictions it runs in."""

TAG = "http://169.254.169.254/latest/meta-data/tags/instance/elastic-cloud-id"
"""The instance's own tag read from its metadata (EC2 "Work with instance tags in instance metadata"): a value only
known at run time."""


def filebeat_cloud_id(assignment: str, *, quoted: bool = True) -> str:
    """Filebeat's ``cloud.id`` taken from the environment (Filebeat "Use environment variables in the configuration":
    ``${VAR}``), the variable set by ``assignment``; the file by a quoted (only the exported variables reach it, when
    Filebeat expands it) or an unquoted here-document (the shell fills it)."""
    delimiter = "'EOF'" if quoted else "EOF"
    return (
        f"{assignment}\ncat > /etc/filebeat/filebeat.yml <<{delimiter}\n"
        "filebeat.inputs:\n  - type: filestream\n    id: app\n    paths: [/var/log/app/*.log]\n"
        'cloud.id: "${CLOUD_ID}"\ncloud.auth: "fleet_writer:${ES_PWD}"\n'
        "EOF\nsystemctl enable --now filebeat\n"
    )


def fluent_bit_image(output: str, image: str = "fluent/fluent-bit:3.1") -> str:
    """Fluent Bit run by its image with the host's logs mounted (Fluent Bit "Docker": the image's entrypoint is the
    fluent-bit binary, ``docker run -ti cr.fluentbit.io/fluent/fluent-bit -i cpu -o stdout``)."""
    return (
        "docker run -d --name fluent-bit --restart unless-stopped -v /var/log/app:/var/log/app:ro "
        f"-e ES_PWD {image} {TAIL} {output}\n"
    )


def collector_cloud_config(uri: str) -> str:
    """A cloud-config writing the Collector's file (its Datadog exporter, no site: cloud-init "write_files") and
    running the Collector on it merged with a ``yaml:`` URI (the Collector's "Configuration": "--config=file:... The
    Collector merges them"), the item a shell's line (cloud-init "runcmd": a list is run as a command)."""
    return (
        "#cloud-config\nwrite_files:\n  - path: /etc/otelcol-contrib/base.yaml\n    permissions: '0640'\n"
        "    content: |\n      receivers:\n        otlp:\n          protocols:\n            grpc: {}\n"
        "      exporters:\n        datadog:\n          api:\n            key: ${env:DD_API_KEY}\n"
        "      service:\n        pipelines:\n          traces: {receivers: [otlp], exporters: [datadog]}\n"
        'runcmd:\n  - [sh, -c, "nohup otelcol-contrib --config=/etc/otelcol-contrib/base.yaml '
        f"--config='{uri}' > /var/log/otelcol.log 2>&1 &\"]\n"
    )


def _body(shape: str, code: str) -> str:
    shape = shape.removeprefix("ali-")
    if shape == "beat-cloudid-curl":
        return filebeat_cloud_id(f'export CLOUD_ID="$(curl -sf {TAG})"')
    if shape == "beat-cloudid-curl-unquoted":
        return filebeat_cloud_id(f"CLOUD_ID=$(curl -sf {TAG})", quoted=False)
    if shape == "beat-cloudid-home-declared":
        return filebeat_cloud_id(f"export CLOUD_ID='{cloud_id(ELASTIC_HOME[code])}'")
    if shape == "fb-docker-cloudid":
        return fluent_bit_image(f"-o es -m '*' -p cloud_id={cloud_id(ELASTIC_ABROAD[code])} -p tls=on")
    if shape == "fb-docker-home-declared":
        return fluent_bit_image(f"-o es -m '*' -p cloud_id={cloud_id(ELASTIC_HOME[code])} -p tls=on")
    if shape == "fb-docker-datadog-default":
        output = "-o datadog -m '*' -p apikey=${DD_API_KEY} -p TLS=on -p dd_service=app"
        return fluent_bit_image(output, "cr.fluentbit.io/fluent/fluent-bit:4.0")
    if shape == "fb-url-partner":
        return f"fluent-bit {TAIL} -o http://{PARTNER}:443/ingest -m '*' -p tls=on -p format=json &\n"
    return f"fluent-bit {TAIL} -o http://10.0.8.12:8080/ingest -m '*' -p format=json &\n"


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if not shape.endswith("-declared"):
        return []
    if shape.startswith("otel-"):
        return [declared(code, HOME_SITE[code])]
    return [{"id": "elastic-cloud", "kind": "resident", "match": cloud_host(ELASTIC_HOME[code]),
             "evidence": "Elastic Cloud deployment on AWS in the market, the fleet's subscription"}]  # fmt: skip


def aws_program(shape: str, code: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("otel-"):
            site = f": {HOME_SITE[code]}" if shape.endswith("-declared") else ""
            uri = f"yaml:exporters::datadog::api::site{site}" if site else "yaml:processors::batch::timeout: 5s"
            user_data = collector_cloud_config(uri)
        else:
            user_data = f"#!/bin/bash\nset -euo pipefail\n{_body(shape, code)}"
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
    """The log shipper on an ECS instance sending to an Elastic Cloud deployment abroad."""

    def build(c: Any) -> object:
        return ali_boot(c, "#!/bin/bash\n" + _body(shape, code))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"config66-{code.lower()}-"
        for shape, (expected, codes) in AWS_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config66-{code.lower()}-"
        for shape, (expected, codes) in ALI_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, ali_program(shape, code), expected, []))
    return out
