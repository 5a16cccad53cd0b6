"""Configuration file grammars in user data, round 17 (stop 65, issue 9, config65b).

Reproduced on the unchanged engine (main at 23bea94d), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **32 programs; on 23bea94d 24 failed: 24 leaks, 0 false alarms, 0 wrong
rules** (the counts of docs/residency.md's section *Configuration file grammars in user data, round 17*).

**Passed every door** (leaks):

1. Fluent Bit configured on its command line ("Configure Fluent Bit", "Command line interface",
   https://docs.fluentbit.io/manual/4.1/administration/configuring-fluent-bit: "-o, --output=OUTPUT set an output",
   "-p, --prop="A=B" set plugin configuration property"): ``fluent-bit -i tail ... -o es -p cloud_id=<id>``
   (``fb-es-cloudid``, ``fb-prop-eq-cloudid``: the Elastic Cloud id was not decoded), ``-o datadog -p apikey=...``
   with no ``Host`` (``fb-datadog-default``: the output's default host, "Host ... Default:
   http-intake.logs.datadoghq.com", https://docs.fluentbit.io/manual/pipeline/outputs/datadog), ``-o nrlogs`` with
   no ``endpoint`` (``fb-nrlogs-default``: New Relic's US endpoint, https://docs.fluentbit.io/manual/pipeline/outputs/
   new-relic): the same outputs in a classic file were judged (config64, fluentbit42), the command line's were not;
2. a Beat's ``-E=cloud.id=<id>`` (``beat-E-eq-cloudid``): the Beats' ``-E`` is a pflag shorthand (libbeat/cmd/root.go
   ``AddGoFlag(flag.CommandLine.Lookup("E"))``), and pflag reads ``-E=VALUE`` as VALUE (``parseSingleShortArg``);
   the reader took ``=cloud.id=...`` as the setting;
3. a Beat's keystore key given on standard input (``echo <id> | filebeat keystore add CLOUD_ID --stdin``, ``... <<<
   <id>``) and referenced as ``cloud.id: "${CLOUD_ID}"`` in filebeat.yml (``beat-keystore-cloudid``; Filebeat "Secrets
   keystore for secure settings"): the reference was filled only from an exported variable.

The twins pass: the market's own Elastic Cloud deployment declared (``-home-declared``), the market's Datadog intake
given by ``-p Host=`` and declared.

Ids: ``config65b-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data), Alibaba Cloud programs in CN / DE (an ECS instance). tests/test_realistic_programs.py runs them as CASES
(``config65b-*``).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import SUBNETS, Build, Row, ali_boot
from platform_programs_config63 import cloud_host, cloud_id

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs (a shape may run in fewer: ``AWS_SHAPES``)."""
ALI_CODES = ("CN", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (the agents baked in)."""
ELASTIC_HOME = {"EU": "eu-west-1", "US": "us-east-1", "DE": "eu-central-1"}
"""An Elastic Cloud on AWS region inside each market a declared twin runs in."""
ELASTIC_ABROAD = {"EU": "us-east-1", "US": "eu-west-1", "JP": "us-east-1", "CN": "ap-northeast-1", "DE": "us-east-1"}
"""An Elastic Cloud on AWS region outside each market (the deployment the refused twin sends to)."""
DATADOG_HOME = {"EU": "http-intake.logs.datadoghq.eu", "JP": "http-intake.logs.ap1.datadoghq.com"}
"""The Datadog logs intake inside each market a declared twin runs in (Datadog "Getting Started with Datadog Sites")."""
HOST = {"RES-015"}
DEFAULT = {"RES-016"}

AWS_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "fb-es-cloudid": (HOST, AWS_CODES),
    "fb-es-cloudid-home-declared": (set(), ("EU", "US")),
    "fb-prop-eq-cloudid": (HOST, ("EU", "JP")),
    "fb-datadog-default": (DEFAULT, ("EU", "JP", "CN")),
    "fb-datadog-home-declared": (set(), ("EU", "JP")),
    "fb-nrlogs-default": (DEFAULT, ("EU", "JP")),
    "beat-E-eq-cloudid": (HOST, AWS_CODES),
    "beat-E-eq-home-declared": (set(), ("EU", "US")),
    "beat-keystore-cloudid": (HOST, AWS_CODES),
    "beat-keystore-home-declared": (set(), ("EU", "US")),
}
"""Each AWS shape, its verdict and the jurisdictions it runs in."""
ENCODED = frozenset({"fb-prop-eq-cloudid", "fb-datadog-home-declared", "beat-E-eq-cloudid", "beat-keystore-cloudid"})
"""The shapes made as a launch template (base64 user data)."""
ALI_SHAPES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "ali-fb-es-cloudid": (HOST, ALI_CODES),
    "ali-beat-E-eq-cloudid": (HOST, ALI_CODES),
    "ali-beat-keystore-cloudid": (HOST, ("DE",)),
}
"""Each Alibaba Cloud shape, its verdict and the jurisdictions it runs in."""

TAIL = "-i tail -p path=/var/log/app/*.log -p tag=app"
"""Fluent Bit's tail input of the application's logs ("-i, --input=INPUT set an input")."""


def fluent_bit_es(region: str, *, long: bool = False) -> str:
    """Fluent Bit run by a systemd-less boot script, its Elasticsearch output given by ``Cloud_ID`` ("Cloud_ID | If
    using Elastic's Elasticsearch Service you can specify the cloud_id of the cluster running",
    https://docs.fluentbit.io/manual/pipeline/outputs/elasticsearch), short or long options."""
    if long:
        return (
            f"nohup /opt/fluent-bit/bin/fluent-bit --input=tail --prop=path=/var/log/app/*.log --output=es "
            f"--match='*' --prop=cloud_id={cloud_id(region)} --prop='cloud_auth=fleet_writer:${{ES_PWD}}' &\n"
        )
    return (
        f"nohup /opt/fluent-bit/bin/fluent-bit {TAIL} -o es -m '*' -p cloud_id={cloud_id(region)} "
        "-p 'cloud_auth=fleet_writer:${ES_PWD}' -p tls=on > /var/log/fluent-bit.log 2>&1 &\n"
    )


def fluent_bit_datadog(host: str | None) -> str:
    """Fluent Bit's Datadog output ("apikey", "Host ... Default: http-intake.logs.datadoghq.com",
    https://docs.fluentbit.io/manual/pipeline/outputs/datadog)."""
    given = f" -p Host={host}" if host else ""
    return (
        f"fluent-bit {TAIL} -o datadog -m '*' -p apikey=${{DD_API_KEY}} -p TLS=on{given} "
        "-p dd_service=app -p dd_source=fleet &\n"
    )


def fluent_bit_nrlogs() -> str:
    """Fluent Bit's New Relic output with no ``endpoint`` (its default, New Relic's US log API,
    https://docs.fluentbit.io/manual/pipeline/outputs/new-relic)."""
    return f"td-agent-bit {TAIL} -o nrlogs -m '*' -p license_key=${{NR_LICENSE_KEY}} &\n"


def filebeat_eq(region: str) -> str:
    """Filebeat given its Elastic Cloud deployment with pflag's ``-E=SETTING`` spelling."""
    return (
        f"filebeat -e --path.config /etc/filebeat -E=cloud.id={cloud_id(region)} "
        "-E='cloud.auth=fleet_writer:${ES_PWD}' &\n"
    )


def filebeat_keystore(region: str, *, here_string: bool = False) -> str:
    """Filebeat's Elastic Cloud id kept in its keystore and referenced from filebeat.yml (Filebeat "Secrets keystore for
    secure settings": "filebeat keystore add ES_PWD --stdin", "The syntax for referencing keys is identical to the
    syntax for environment variables: ${KEY}")."""
    added = (
        f"filebeat keystore add CLOUD_ID --stdin --force <<< '{cloud_id(region)}'\n"
        if here_string
        else f"echo '{cloud_id(region)}' | filebeat keystore add CLOUD_ID --stdin --force\n"
    )
    return (
        "filebeat keystore create --force\n" + added + "cat > /etc/filebeat/filebeat.yml <<'EOF'\n"
        "filebeat.inputs:\n  - type: filestream\n    id: app\n    paths: [/var/log/app/*.log]\n"
        'cloud.id: "${CLOUD_ID}"\ncloud.auth: "fleet_writer:${ES_PWD}"\n'
        "EOF\nsystemctl enable --now filebeat\n"
    )


def _body(shape: str, code: str) -> str:
    if shape in ("fb-es-cloudid", "ali-fb-es-cloudid"):
        return fluent_bit_es(ELASTIC_ABROAD[code])
    if shape == "fb-es-cloudid-home-declared":
        return fluent_bit_es(ELASTIC_HOME[code])
    if shape == "fb-prop-eq-cloudid":
        return fluent_bit_es(ELASTIC_ABROAD[code], long=True)
    if shape == "fb-datadog-default":
        return fluent_bit_datadog(None)
    if shape == "fb-datadog-home-declared":
        return fluent_bit_datadog(DATADOG_HOME[code])
    if shape == "fb-nrlogs-default":
        return fluent_bit_nrlogs()
    if shape == "beat-keystore-cloudid":
        return filebeat_keystore(ELASTIC_ABROAD[code])
    if shape == "ali-beat-keystore-cloudid":
        return filebeat_keystore(ELASTIC_ABROAD[code], here_string=True)
    if shape == "beat-keystore-home-declared":
        return filebeat_keystore(ELASTIC_HOME[code])
    if shape in ("beat-E-eq-cloudid", "ali-beat-E-eq-cloudid"):
        return filebeat_eq(ELASTIC_ABROAD[code])
    return filebeat_eq(ELASTIC_HOME[code])


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if not shape.endswith("-declared"):
        return []
    if "datadog" in shape:
        return [{"id": "datadog-home", "kind": "resident", "match": DATADOG_HOME[code],
                 "evidence": "Datadog's site in the market, the fleet's organisation, under contract"}]  # fmt: skip
    return [{"id": "elastic-cloud", "kind": "resident", "match": cloud_host(ELASTIC_HOME[code]),
             "evidence": "Elastic Cloud deployment on AWS in the market, the fleet's subscription"}]  # fmt: skip


def aws_program(shape: str, code: str) -> Build:
    def build(c: Any) -> object:
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
        p = f"config65b-{code.lower()}-"
        for shape, (expected, codes) in AWS_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config65b-{code.lower()}-"
        for shape, (expected, codes) in ALI_SHAPES.items():
            if code in codes:
                out.append((p + shape, code, ali_program(shape, code), expected, []))
    return out
