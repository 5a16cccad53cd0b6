"""Configuration file grammars in user data, round 5 (stop 55, issue 9, config55b).

Reproduced on the unchanged engine (main at b59e64d8), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **Passed** with a partner's host (``db.partner-analytics.com``):

1. **A Compose service's environment as a flow sequence** (``compose-flow-partner``): ``environment:
   [DATABASE_HOST=<partner>, LOG_LEVEL=info]`` in the docker-compose.yml a script writes (Compose's "array syntax";
   the script text reader wants a blank or a quote before the name, and the YAML walk read no list item as
   ``KEY=VALUE``). RES-015 now; the VPC's address passes, the partner declared passes.
2. **Filebeat's configuration as JSON given with ``-c``** (``filebeat-json-partner``: ``filebeat -c
   /etc/fleet/filebeat.json``), and as YAML under another name given with ``--c`` (``filebeat-named-partner``:
   ``/etc/fleet/shipper.yml``): only ``filebeat*.yml`` was read as Filebeat's (``hosts``). RES-015 now; own passes.
3. **Vector's configuration as JSON given with ``--config``** (``vector-json-partner``): only ``vector*.yaml`` /
   ``.toml`` were read as Vector's (a sink's ``address``). RES-015 now; the VPC's collector passes.

**Refused on the unchanged engine, compliant** (a false alarm, RES-015 at every door, passes now): docker names split
across an SSM Command document's ``runCommand`` items (``--name fleet-db`` in one item, ``--link fleet-db:db`` or
``docker network connect --alias db fleet fleet-db`` in others: ``ssm-docker-link-own``, ``ssm-docker-connect-own``;
each item was read alone for these names). The machine's own ``curl http://db:5432/`` stays refused
(``ssm-docker-connect-machine``).

**Refused before and after** (pinned): the Compose block list ``- DATABASE_HOST=<partner>``
(``compose-block-partner``), an ``env_file:`` the script writes (``compose-envfile-partner``), a Fluent Bit YAML
configuration given with ``-c`` (``fluentbit-yaml-partner``).

On main b59e64d8, 33 of these 72 programs failed ``test_every_front_door_agrees``: the 25 leaks
(``compose-flow-partner``, ``filebeat-json-partner``, ``filebeat-named-partner``, ``vector-json-partner`` x4, the three
Alibaba partner shapes x3) and the 8 false alarms (``ssm-docker-link-own``, ``ssm-docker-connect-own`` x4).

Ids: ``config55b-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template).
``-declared`` twins declare the partner's host as a resident destination and pass. tests/test_realistic_programs.py
runs them as CASES (``config55b-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (docker, Filebeat and Vector baked in)."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own database in the VPC."""
PRIVATE_LOGS = "10.0.3.20"
"""The fleet's own log collector in the VPC."""
REFUSED = {"RES-015"}
DECLARED = {
    "id": "partner-analytics-db", "kind": "resident", "match": PARTNER_DB,
    "evidence": "the partner's database, hosted in the market under contract",
}  # fmt: skip
"""The partner's host declared as a resident destination (the ``-declared`` twins)."""
AWS_SHAPES = {
    "compose-flow-partner": REFUSED,
    "compose-flow-own": set(),
    "compose-flow-partner-declared": set(),
    "compose-block-partner": REFUSED,
    "compose-envfile-partner": REFUSED,
    "filebeat-json-partner": REFUSED,
    "filebeat-json-own": set(),
    "filebeat-named-partner": REFUSED,
    "filebeat-named-own": set(),
    "vector-json-partner": REFUSED,
    "vector-json-own": set(),
    "fluentbit-yaml-partner": REFUSED,
    "ssm-docker-link-own": set(),
    "ssm-docker-connect-own": set(),
    "ssm-docker-connect-machine": REFUSED,
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"compose-flow-own", "filebeat-named-partner", "vector-json-own"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset(
    {"filebeat-json-own", "compose-envfile-partner", "ssm-docker-link-own", "ssm-docker-connect-own",
     "ssm-docker-connect-machine"}
)  # fmt: skip
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {
    "ali-compose-flow-partner": REFUSED,
    "ali-filebeat-json-partner": REFUSED,
    "ali-vector-json-partner": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def compose_flow(host: str) -> str:
    """A Compose service's environment in the array syntax written as a YAML flow sequence (Compose file reference,
    services, environment: "Array syntax: environment: - RACK_ENV=development"; YAML's ``[a, b]`` is that list)."""
    return (
        "mkdir -p /opt/fleet\ncat > /opt/fleet/docker-compose.yml <<'EOF'\nservices:\n  api:\n"
        f"    image: fleet/api:3.2\n    environment: [DATABASE_HOST={host}, LOG_LEVEL=info]\n"
        "    ports: ['8080:8080']\nEOF\ndocker compose -f /opt/fleet/docker-compose.yml up -d\n"
    )


def compose_block(host: str) -> str:
    """The same environment as a block sequence."""
    return (
        "mkdir -p /opt/fleet\ncat > /opt/fleet/docker-compose.yml <<'EOF'\nservices:\n  api:\n"
        f"    image: fleet/api:3.2\n    environment:\n      - DATABASE_HOST={host}\n      - LOG_LEVEL=info\n"
        "EOF\ndocker compose -f /opt/fleet/docker-compose.yml up -d\n"
    )


def compose_env_file(host: str) -> str:
    """The environment in a file the script writes, named by the service's ``env_file``."""
    return (
        "mkdir -p /opt/fleet\ncat > /opt/fleet/api.env <<'EOF'\n"
        f"DATABASE_HOST={host}\nLOG_LEVEL=info\nEOF\n"
        "cat > /opt/fleet/docker-compose.yml <<'EOF'\nservices:\n  api:\n    image: fleet/api:3.2\n"
        "    env_file: api.env\nEOF\ndocker compose -f /opt/fleet/docker-compose.yml up -d\n"
    )


def filebeat_json(host: str) -> str:
    """Filebeat's configuration written as JSON and given with ``-c`` (libbeat's command line options: "-c <file> Pass
    the location of a configuration file for the Beat")."""
    config = {
        "filebeat.inputs": [{"type": "filestream", "id": "app", "paths": ["/var/log/app/*.log"]}],
        "output.logstash": {"hosts": [f"{host}:5044"]},
    }
    return (
        f"mkdir -p /etc/fleet\ncat > /etc/fleet/filebeat.json <<'EOF'\n{json.dumps(config)}\nEOF\n"
        "filebeat -c /etc/fleet/filebeat.json -e &\n"
    )


def filebeat_named(host: str) -> str:
    """Filebeat's YAML configuration under a name of the fleet's own, given with ``--c``."""
    return (
        "mkdir -p /etc/fleet\ncat > /etc/fleet/shipper.yml <<'EOF'\nfilebeat.inputs:\n  - type: filestream\n"
        f"    id: app\n    paths: [/var/log/app/*.log]\noutput.logstash:\n  hosts: ['{host}:5044']\nEOF\n"
        "nohup filebeat --c /etc/fleet/shipper.yml -e >/var/log/shipper.log 2>&1 &\n"
    )


def vector_json(host: str) -> str:
    """Vector's configuration written as JSON and given with ``--config`` (the format "detected from the file name",
    vector CLI reference)."""
    config = {
        "sources": {"app": {"type": "file", "include": ["/var/log/app/*.log"]}},
        "sinks": {"central": {"type": "socket", "inputs": ["app"], "mode": "tcp", "address": f"{host}:514",
                              "encoding": {"codec": "json"}}},
    }  # fmt: skip
    return (
        f"mkdir -p /etc/fleet\ncat > /etc/fleet/pipeline.json <<'EOF'\n{json.dumps(config, indent=2)}\nEOF\n"
        "vector --config /etc/fleet/pipeline.json &\n"
    )


def fluentbit_yaml(host: str) -> str:
    """Fluent Bit's YAML configuration given with ``-c``, a ``forward`` output's ``host``."""
    return (
        "mkdir -p /etc/fleet\ncat > /etc/fleet/fluent-bit.yaml <<'EOF'\npipeline:\n  inputs:\n    - name: tail\n"
        "      path: /var/log/app/*.log\n  outputs:\n    - name: forward\n      match: '*'\n"
        f"      host: {host}\n      port: 24224\nEOF\nfluent-bit -c /etc/fleet/fluent-bit.yaml &\n"
    )


def docker(shape: str) -> str:
    """Containers reaching each other by the names docker gives them (``--link NAME:ALIAS``, ``docker network connect
    --alias``), one command a line (an SSM document's ``runCommand`` items: one script on the machine), or the machine
    itself using such a name (``ssm-docker-connect-machine``)."""
    if shape == "ssm-docker-link-own":
        return (
            "docker run -d --name fleet-db postgres:16\n"
            "docker run -d --name fleet-api --link fleet-db:db -e DATABASE_URL=postgres://fleet@db:5432/fleet "
            "fleet/api:3.2\n"
        )
    use = (
        "docker run -d --network fleet --name fleet-api -e DATABASE_URL=postgres://fleet@db:5432/fleet fleet/api:3.2\n"
        if shape == "ssm-docker-connect-own"
        else "until curl -sf http://db:5432/ ; do sleep 2; done\n"
    )
    return (
        "docker network create --driver bridge fleet\ndocker run -d --name fleet-db -e POSTGRES_DB=fleet postgres:16\n"
        "docker network connect --alias db fleet fleet-db\n" + use
    )


def _body(shape: str) -> str:
    own = shape.endswith("-own")
    db = PRIVATE_DB if own else PARTNER_DB
    logs = PRIVATE_LOGS if own else PARTNER_DB
    if shape.startswith("compose-flow"):
        return compose_flow(db)
    if shape.startswith("compose-block"):
        return compose_block(db)
    if shape.startswith("compose-envfile"):
        return compose_env_file(db)
    if shape.startswith("filebeat-json"):
        return filebeat_json(logs)
    if shape.startswith("filebeat-named"):
        return filebeat_named(logs)
    if shape.startswith("vector-json"):
        return vector_json(logs)
    if shape.startswith("ssm-docker"):
        return docker(shape)
    return fluentbit_yaml(logs)


def aws_program(shape: str) -> Build:
    def build(c: Any) -> object:
        user_data = f"#!/bin/bash\nset -euo pipefail\n{_body(shape)}"
        if shape in DOCUMENT:
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            content = {
                "schemaVersion": "2.2",
                "description": "Configure the fleet's services",
                "mainSteps": [
                    {
                        "action": "aws:runShellScript",
                        "name": "configure",
                        "inputs": {"runCommand": _body(shape).splitlines()},
                    }
                ],
            }
            return aws.ssm.Document("fleet-config", document_type="Command", content=json.dumps(content), opts=c.aws)
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
    """A partner's host in a Compose flow environment, a Filebeat or Vector JSON configuration, and the own twin (the
    VPC's addresses in each)."""
    if shape == "ali-compose-flow-partner":
        return "#!/bin/bash\n" + compose_flow(PARTNER_DB)
    if shape == "ali-filebeat-json-partner":
        return "#!/bin/bash\n" + filebeat_json(PARTNER_DB)
    if shape == "ali-vector-json-partner":
        return "#!/bin/bash\n" + vector_json(PARTNER_DB)
    return "#!/bin/bash\n" + compose_flow("192.168.0.9") + filebeat_json("192.168.0.20") + vector_json("192.168.0.20")


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
        p = f"config55b-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            declared = [DECLARED] if shape.endswith("-declared") else []
            out.append((p + shape, code, aws_program(shape.removesuffix("-declared")), expected, declared))
    for code in ALI_CODES:
        p = f"config55b-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
