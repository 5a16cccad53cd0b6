"""Configuration file grammars in user data, round 8 (stop 57, issue 9, config57).

Reproduced on the unchanged engine (main at 44bcf26a), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Passed every door**, with a partner's host (``db.partner-analytics.com``) or a SaaS site abroad:

1. Vector's namespace subdirectories (``vector-ns-partner``, ``vector-ns-env-partner``): ``vector --config-dir
   /etc/fleet/pipe`` (or ``VECTOR_CONFIG_DIR=/etc/fleet/pipe``) reading ``/etc/fleet/pipe/sinks/central.yaml``, which
   holds the sink ``central``'s body itself (``address: <partner>:514``, no ``sinks:`` key: Vector's "automatic
   namespacing"); only files right in the directory were read, and with the sink's keys at the top;
2. Filebeat's relative ``-c NAME`` with no ``--path.config`` (``filebeat-tarball-partner``: ``cd /opt/filebeat &&
   ./filebeat -e -c shipper.yml``, a tarball's binary run by its path; ``filebeat-package-partner``: ``filebeat -e -c
   shipper.yml`` beside ``/etc/filebeat/shipper.yml``, the packages' path.config);
3. the Datadog Agent's site (``datadog-site-us``: ``site: datadoghq.com`` in ``/etc/datadog-agent/datadog.yaml``;
   ``datadog-env-us``: ``Environment="DD_SITE=datadoghq.com"`` in the agent unit's drop-in): where the agent sends
   every metric and log, not judged at all.

RES-015 now (the site is a third party's host, as a Fluent Bit ``datadog`` output's ``Host`` is); the VPC's collector,
a Datadog site declared (resident in EU / US / JP: EU1, US5, AP1; a transfer to US1 from CN) pass.

**Pinned** (refused before and after): the namespaced sink written as TOML (``vector-ns-toml-partner``: the body's
``key = value`` scan found the partner), a Fluentd ``@type tdlog`` output with Treasure Data's ``endpoint`` (RES-015,
``td-endpoint``) or without one (RES-016, ``td-default``: the catalogued default, api.treasuredata.com); its twin with
the endpoint declared passes (``td-endpoint-declared``).

Ids: ``config57-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template).
``-declared`` twins declare the SaaS host and pass. tests/test_realistic_programs.py runs them as CASES
(``config57-*``).
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
"""The fleet's machine image (Vector, Filebeat, the Datadog Agent and td-agent baked in)."""
PRIVATE_LOGS = "10.0.3.20"
"""The fleet's own log collector in the VPC."""
REFUSED = {"RES-015"}
DATADOG_SITE = {"EU": "datadoghq.eu", "US": "us5.datadoghq.com", "JP": "ap1.datadoghq.com", "CN": "datadoghq.com"}
"""The Datadog site each market's twin declares (Datadog "Getting Started with Datadog Sites": EU1, US5, AP1 in
Japan; no site in China: US1, declared as a transfer)."""
TD_ENDPOINT = {
    "EU": "api.eu01.treasuredata.com", "US": "api.treasuredata.com", "JP": "api.treasuredata.co.jp",
    "CN": "api.treasuredata.com",
}  # fmt: skip
"""The Treasure Data endpoint each market's twin declares (its EU01, US and Tokyo regions; a transfer from CN)."""


def declared(code: str, host: str) -> dict[str, Any]:
    """``host`` declared: a resident destination, or from CN a transfer to the US."""
    if code == "CN":
        return {
            "id": "saas-telemetry", "kind": "transfer", "match": host, "destination": "US",
            "data_classes": ["audit_logs"], "basis": "standard-contract", "reference": "DPA-2026-211",
            "approved_by": "dpo", "expires": "2027-12-31",
        }  # fmt: skip
    return {"id": "saas-telemetry", "kind": "resident", "match": host,
            "evidence": "the service's region in the market, under contract"}  # fmt: skip


AWS_SHAPES: dict[str, set[str]] = {
    "vector-ns-partner": REFUSED,
    "vector-ns-own": set(),
    "vector-ns-env-partner": REFUSED,
    "vector-ns-toml-partner": REFUSED,
    "filebeat-tarball-partner": REFUSED,
    "filebeat-tarball-own": set(),
    "filebeat-package-partner": REFUSED,
    "filebeat-package-own": set(),
    "datadog-site-us": REFUSED,
    "datadog-site-declared": set(),
    "datadog-env-us": REFUSED,
    "datadog-env-declared": set(),
    "syslog-include-path-partner": REFUSED,
    "syslog-include-path-own": set(),
    "cc-vector-ns-partner": REFUSED,
    "cc-filebeat-tarball-partner": REFUSED,
    "cc-own": set(),
    "docker-connect-items-own": set(),
    "docker-connect-items-partner": REFUSED,
    "td-endpoint": REFUSED,
    "td-default": {"RES-016"},
    "td-endpoint-declared": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset(
    {"vector-ns-own", "filebeat-package-partner", "datadog-env-declared", "td-default", "syslog-include-path-own"}
)
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"vector-ns-env-partner", "filebeat-tarball-own", "datadog-env-us", "syslog-include-path-partner"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {
    "ali-vector-ns-partner": REFUSED,
    "ali-filebeat-tarball-partner": REFUSED,
    "ali-datadog-site-us": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def vector_namespaced(host: str, *, by_variable: bool = False, toml: bool = False) -> str:
    """A socket sink in Vector's namespace subdirectory ``sinks/`` of the directory given with ``--config-dir`` (or
    ``VECTOR_CONFIG_DIR``): the file holds the component ``sinks.central`` itself (Vector "automatic namespacing")."""
    if toml:
        body = f'type = "socket"\ninputs = ["app_logs"]\naddress = "{host}:514"\nmode = "tcp"\n'
        body += 'encoding.codec = "json"\n'
        name = "central.toml"
    else:
        body = f"type: socket\ninputs: [app_logs]\naddress: {host}:514\nmode: tcp\nencoding:\n  codec: json\n"
        name = "central.yaml"
    source = "type: file\ninclude: [/var/log/app/*.log]\n"
    run = (
        "export VECTOR_CONFIG_DIR=/etc/fleet/pipe\nvector --watch-config &\n"
        if by_variable
        else "vector --config-dir /etc/fleet/pipe --watch-config &\n"
    )
    return (
        "mkdir -p /etc/fleet/pipe/sources /etc/fleet/pipe/sinks\n"
        f"cat > /etc/fleet/pipe/sources/app_logs.yaml <<'EOF'\n{source}EOF\n"
        f"cat > /etc/fleet/pipe/sinks/{name} <<'EOF'\n{body}EOF\n{run}"
    )


def filebeat_relative(host: str, *, tarball: bool) -> str:
    """Filebeat's ``-c NAME`` with no ``--path.config``: the name is relative to the default path.config (path.home, the
    tarball's directory; /etc/filebeat for the packages)."""
    directory = "/opt/filebeat" if tarball else "/etc/filebeat"
    body = (
        "filebeat.inputs:\n  - type: filestream\n    id: app\n    paths: [/var/log/app/*.log]\n"
        f'output.logstash:\n  hosts: ["{host}:5044"]\n'
    )
    run = "cd /opt/filebeat && ./filebeat -e -c shipper.yml &\n" if tarball else "filebeat -e -c shipper.yml &\n"
    return f"mkdir -p {directory}\ncat > {directory}/shipper.yml <<'EOF'\n{body}EOF\n{run}"


def datadog_site(site: str) -> str:
    """The Datadog Agent's main file with its site (where the agent sends its data)."""
    return (
        "cat > /etc/datadog-agent/datadog.yaml <<'EOF'\napi_key: ${DD_API_KEY}\n"
        f"site: {site}\nlogs_enabled: true\nEOF\nsystemctl restart datadog-agent\n"
    )


def datadog_env(site: str) -> str:
    """The agent's site given by its environment (``DD_SITE``), a systemd drop-in of its unit."""
    return (
        "mkdir -p /etc/systemd/system/datadog-agent.service.d\n"
        "cat > /etc/systemd/system/datadog-agent.service.d/site.conf <<'EOF'\n[Service]\n"
        f'Environment="DD_SITE={site}"\nEOF\nsystemctl daemon-reload\nsystemctl restart datadog-agent\n'
    )


def syslog_include_path(host: str) -> str:
    """syslog-ng's main file adding a directory to the ``include-path`` (after the package's, as scl.conf sets it) and
    a conf.d file including a destination by its relative name, found in that directory."""
    return (
        "mkdir -p /etc/syslog-ng/fleet /etc/syslog-ng/conf.d\n"
        "cat > /etc/syslog-ng/fleet/central.conf <<'EOF'\n"
        f'destination d_central {{ network("{host}" port(6514) transport("tls")); }};\nEOF\n'
        "cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\n@version: 4.2\n@include \"scl.conf\"\n"
        '@define include-path "`include-path`:/etc/syslog-ng/fleet"\n'
        'source s_local { system(); internal(); };\n@include "/etc/syslog-ng/conf.d/*.conf"\nEOF\n'
        "cat > /etc/syslog-ng/conf.d/fleet.conf <<'EOF'\n@include \"central.conf\"\n"
        "log { source(s_local); destination(d_central); };\nEOF\nsystemctl restart syslog-ng\n"
    )


def td_output(endpoint: str | None) -> str:
    """td-agent's Treasure Data output (fluent-plugin-td ``@type tdlog``), with or without ``endpoint``."""
    line = f"  endpoint {endpoint}\n" if endpoint else ""
    return (
        "cat > /etc/td-agent/td-agent.conf <<'EOF'\n<match td.*.*>\n  @type tdlog\n  apikey ${TD_API_KEY}\n"
        f"{line}  auto_create_table\n</match>\nEOF\nsystemctl restart td-agent\n"
    )


def cloud_config(host: str, tools: tuple[str, ...]) -> str:
    """A cloud-config whose ``write_files`` writes a namespaced Vector sink and / or a tarball Filebeat's relative file,
    and whose ``runcmd`` starts the tools naming them (``vector --config-dir DIR``, ``./filebeat -c NAME``)."""
    files, commands = "", ""
    if "vector" in tools:
        files += (
            "  - path: /etc/fleet/pipe/sinks/central.yaml\n    content: |\n      type: socket\n"
            f"      inputs: [app_logs]\n      address: {host}:514\n      mode: tcp\n"
        )
        commands += "  - vector --config-dir /etc/fleet/pipe --watch-config &\n"
    if "filebeat" in tools:
        files += (
            "  - path: /opt/filebeat/shipper.yml\n    content: |\n      output.logstash:\n"
            f'        hosts: ["{host}:5044"]\n'
        )
        commands += "  - cd /opt/filebeat && ./filebeat -e -c shipper.yml &\n"
    return f"#cloud-config\nwrite_files:\n{files}runcmd:\n{commands}"


def docker_connect_items(host: str) -> list[list[str]]:
    """An SSM Command document's three steps: the network, the database connected to it under an alias by its id,
    and a report run on the network against ``host`` (the alias ``db``, or a partner's host)."""
    return [
        ["docker network create fleet"],
        ["DB_ID=$(docker run -d -e POSTGRES_PASSWORD_FILE=/run/secrets/pg postgres:16)",
         'docker network connect --alias db fleet "$DB_ID"'],
        [f"docker run --rm --network fleet fleet/reports:1.4 psql -h {host} -U reports -c 'select 1'"],
    ]  # fmt: skip


def _body(code: str, shape: str) -> str:
    own = shape.endswith("-own")
    host = PRIVATE_LOGS if own else PARTNER_DB
    if shape.startswith("vector-ns"):
        return vector_namespaced(host, by_variable="-env" in shape, toml="-toml" in shape)
    if shape.startswith("filebeat"):
        return filebeat_relative(host, tarball="tarball" in shape)
    if shape.startswith("datadog"):
        site = DATADOG_SITE[code] if shape.endswith("-declared") else "datadoghq.com"
        return datadog_site(site) if "-site-" in shape else datadog_env(site)
    if shape.startswith("cc-"):
        return cloud_config(host, ("vector", "filebeat") if own else (shape.split("-")[1],))
    if shape.startswith("syslog"):
        return syslog_include_path(host)
    if shape == "td-default":
        return td_output(None)
    return td_output(TD_ENDPOINT[code] if shape.endswith("-declared") else "api.treasuredata.com")


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if not shape.endswith("-declared"):
        return []
    return [declared(code, DATADOG_SITE[code] if shape.startswith("datadog") else TD_ENDPOINT[code])]


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        user_data = (
            _body(code, shape) if shape.startswith("cc-") else f"#!/bin/bash\nset -euo pipefail\n{_body(code, shape)}"
        )
        if shape.startswith("docker-connect-items"):
            # docs: ssm/document (mainSteps: each aws:runShellScript step's runCommand runs in turn on the instance)
            items = docker_connect_items("db" if shape.endswith("-own") else PARTNER_DB)
            steps = [{"action": "aws:runShellScript", "name": f"step{i}", "inputs": {"runCommand": lines}}
                     for i, lines in enumerate(items)]  # fmt: skip
            content = {"schemaVersion": "2.2", "description": "Run the nightly report", "mainSteps": steps}
            return aws.ssm.Document("fleet-report", document_type="Command", content=json.dumps(content), opts=c.aws)
        if shape in DOCUMENT:
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            content = {
                "schemaVersion": "2.2",
                "description": "Configure the fleet's log and metrics agents",
                "mainSteps": [
                    {
                        "action": "aws:runShellScript",
                        "name": "configure",
                        "inputs": {"runCommand": _body(code, shape).splitlines()},
                    }
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
    """A partner's host in a namespaced Vector sink and a tarball Filebeat's relative file, the US1 Datadog site, and
    the own twin (the VPC's collector in both shippers)."""
    if shape == "ali-vector-ns-partner":
        return "#!/bin/bash\n" + vector_namespaced(PARTNER_DB)
    if shape == "ali-filebeat-tarball-partner":
        return "#!/bin/bash\n" + filebeat_relative(PARTNER_DB, tarball=True)
    if shape == "ali-datadog-site-us":
        return "#!/bin/bash\n" + datadog_site("datadoghq.com")
    own = "192.168.0.20"
    return "#!/bin/bash\n" + vector_namespaced(own, by_variable=True) + filebeat_relative(own, tarball=True)


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
        p = f"config57-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            out.append((p + shape, code, aws_program(code, shape), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config57-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
