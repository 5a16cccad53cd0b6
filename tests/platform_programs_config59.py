"""Configuration file grammars in user data, round 10 (stop 59, issue 9, config59).

Reproduced on the unchanged engine (main at 8801eb8a), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Passed every door**, with a partner's host (``db.partner-analytics.com``) or Datadog's default site abroad:

1. the Datadog Agent in a container configured by its environment with ``DD_API_KEY`` alone (``dd-container-default``:
   ``docker run -d ... -e DD_API_KEY=... gcr.io/datadoghq/agent:7``; ``dd-container-key-variable``: the key read
   from a file, ``datadog/agent:latest``, the command continued over lines; ``cc-dd-container-default``: a
   cloud-config's ``runcmd``): the agent sends to its default site, US1 ``datadoghq.com`` (stop 58 judged it for a
   datadog.yaml without a site, not for a container with no file);
2. ``sed -i "s/^# site:.*/site: ${SITE}/" /etc/datadog-agent/datadog.yaml`` with ``SITE=datadoghq.com``
   (``dd-sed-site-variable``) or a site read at boot (``dd-sed-site-substitution``: ``SITE=$(curl ...)``): the
   edit's line was read as written, ``site: ${SITE}``;
3. a Filebeat file named by a relative wildcard after a ``cd`` (``filebeat-relative-glob-partner``: ``cd /etc/fleet
   && filebeat -e -c 'beats/*.yml'``): only an absolute pattern was matched;
4. Fluent Bit's ``Host ${H}`` in an unquoted here-document appended in a loop or written after a branch (two values
   of ``H``: ``fluent-bit-loop-partner``, ``fluent-bit-branch-partner``), or ``Host ${LOG_SINK}`` in a quoted one, the
   variable given by a systemd drop-in's ``Environment=`` the script writes (``fluent-bit-unit-env-partner``) or
   exported before the script runs the router (``fluent-bit-export-partner``): a log router's file was judged as
   written, its ``${NAME}`` filled only by ``@SET`` lines.

RES-015 now for 1-4; the twins pass: the default site declared (resident in the US, a transfer from EU / JP / CN),
the Agent sending to the VPC's proxy (``DD_DD_URL``), an image only pulled, the VPC's collector in the relative
wildcard's file, the loop's / branch's / unit's values all the VPC's addresses.

**Pinned** (refused before and after): Fluent Bit's ``cd DIR && fluent-bit -c *.conf`` (a classic file is read by
its shape wherever it is written), ``vector --config-dir DIR``, ``filebeat --path.config DIR`` (its
``filebeat.yml``), ``td-agent-bit -c FILE`` with ``@INCLUDE conf.d/*.conf`` relative to it (the include resolver now
shared with syslog-ng's and rsyslog's), ``docker run ... -e DD_SITE=datadoghq.com`` (the written site).

Ids: ``config59-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document, a cloud-config), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch
template). tests/test_realistic_programs.py runs them as CASES (``config59-*``).
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
"""The fleet's machine image (Docker, the Datadog Agent, Filebeat, Vector and Fluent Bit baked in)."""
PRIVATE = ("10.0.3.20", "10.0.3.21")
"""The fleet's own collectors in the VPC."""
DEFAULT_SITE = "datadoghq.com"
"""The Datadog Agent's default site, US1 (the Agent's config_template.yaml: "site ... default: datadoghq.com")."""
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
        "data_classes": ["audit_logs"], "basis": BASIS[code], "reference": "DPA-2026-359",
        "approved_by": "dpo", "expires": "2027-12-31",
    }  # fmt: skip


AWS_SHAPES: dict[str, set[str]] = {
    "dd-container-default": REFUSED,
    "dd-container-key-variable": REFUSED,
    "cc-dd-container-default": REFUSED,
    "dd-container-declared": set(),
    "dd-container-proxy-own": set(),
    "dd-container-pulled": set(),
    "dd-sed-site-variable": REFUSED,
    "dd-sed-site-substitution": REFUSED,
    "dd-sed-site-declared": set(),
    "filebeat-relative-glob-partner": REFUSED,
    "filebeat-relative-glob-own": set(),
    "fluent-bit-loop-partner": REFUSED,
    "fluent-bit-branch-partner": REFUSED,
    "fluent-bit-unit-env-partner": REFUSED,
    "fluent-bit-export-partner": REFUSED,
    "fluent-bit-loop-own": set(),
    "fluent-bit-branch-own": set(),
    "fluent-bit-unit-env-own": set(),
    "fluent-bit-cd-glob-partner": REFUSED,
    "vector-config-dir-partner": REFUSED,
    "filebeat-path-config-partner": REFUSED,
    "td-agent-bit-include-partner": REFUSED,
    "td-agent-bit-include-own": set(),
    "dd-container-site": REFUSED,
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset(
    {"dd-container-key-variable", "filebeat-relative-glob-own", "fluent-bit-branch-partner", "fluent-bit-loop-own",
     "td-agent-bit-include-own", "dd-container-pulled"}
)  # fmt: skip
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset(
    {"dd-container-proxy-own", "fluent-bit-export-partner", "vector-config-dir-partner", "fluent-bit-unit-env-own"}
)
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {
    "ali-dd-container-default": REFUSED,
    "ali-fluent-bit-loop-partner": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def heredoc(path: str, body: str, *, quoted: bool = True) -> str:
    """``body`` written to ``path`` by a here-document (quoted: written as it is), its directory made first."""
    delimiter = "'EOF'" if quoted else "EOF"
    return f"mkdir -p {path.rpartition('/')[0]}\ncat > {path} <<{delimiter}\n{body}EOF\n"


def dd_container(how: str) -> str:
    """The Datadog Agent's container (Datadog "Docker Agent": ``docker run -d --cgroupns host --pid host --name
    dd-agent -v ... -e DD_SITE=<DATADOG_SITE> -e DD_API_KEY=<DATADOG_API_KEY> gcr.io/datadoghq/agent:7``)."""
    mounts = "-v /var/run/docker.sock:/var/run/docker.sock:ro -v /proc/:/host/proc/:ro"
    if how == "key-variable":
        return (
            'DD_API_KEY="$(cat /etc/fleet/dd-api-key)"\n'
            "docker run -d --restart unless-stopped --name dd-agent \\\n"
            f"  {mounts} \\\n"
            '  -e DD_API_KEY="$DD_API_KEY" -e DD_LOGS_ENABLED=true \\\n'
            "  datadog/agent:latest\n"
        )
    if how == "pulled":
        # an image baked into the machine image for later use: nothing runs it here
        return "docker pull gcr.io/datadoghq/agent:7\ndocker image ls gcr.io/datadoghq/agent\n"
    env = {
        "site": f"-e DD_SITE={DEFAULT_SITE} ",
        "proxy": f"-e DD_DD_URL=https://{PRIVATE[0]}:3834 ",  # the VPC's Datadog proxy
    }.get(how, "")
    return (
        f"docker run -d --cgroupns host --pid host --name dd-agent {mounts} "
        f"{env}-e DD_API_KEY=0123456789abcdef0123456789abcdef gcr.io/datadoghq/agent:7\n"
    )


def cc_dd_container() -> str:
    """A cloud-config running the Agent's container with its API key alone."""
    return (
        "#cloud-config\npackages: [docker.io]\nruncmd:\n  - systemctl enable --now docker\n"
        "  - docker run -d --name dd-agent -e DD_API_KEY=0123456789abcdef0123456789abcdef"
        " public.ecr.aws/datadog/agent:7\n"
    )


def dd_sed_site(how: str) -> str:
    """The package's datadog.yaml given its site by a ``sed -i`` of the commented line (Datadog's documented way),
    the site from a variable."""
    site = "$(cat /etc/fleet/dd-site)" if how == "substitution" else ""  # a file the image holds: not known
    assign = f"SITE={site or DEFAULT_SITE}\n"
    return (
        assign + 'sed -i "s/^# site:.*/site: ${SITE}/" /etc/datadog-agent/datadog.yaml\n'
        "systemctl restart datadog-agent\n"
    )


def filebeat_relative_glob(host: str) -> str:
    """Filebeat's configuration named by a wildcard relative to the directory the script changes to."""
    body = (
        "filebeat.inputs:\n  - type: filestream\n    id: app\n    paths: [/var/log/app/*.log]\n"
        f'output.logstash:\n  hosts: ["{host}:5044"]\n'
    )
    return heredoc("/etc/fleet/beats/central.yml", body) + "cd /etc/fleet && filebeat -e -c 'beats/*.yml' &\n"


_FB_MAIN = "[SERVICE]\n    Flush 5\n[INPUT]\n    Name tail\n    Path /var/log/app/*.log\n    Tag  app.log\n"
_FB_OUTPUT = "[OUTPUT]\n    Name  forward\n    Match app.*\n    Host  {}\n    Port  24224\n"


def fluent_bit_values(hosts: tuple[str, str], how: str) -> str:
    """Fluent Bit's file whose output's ``Host`` is a variable given two values (a loop writing the file for each,
    a branch), given by a systemd drop-in's ``Environment=`` or exported before the router runs."""
    conf = "/etc/fluent-bit/fluent-bit.conf"
    if how == "loop":
        # one forward output appended for each collector
        return (
            heredoc(conf, _FB_MAIN)
            + f"for H in {' '.join(hosts)}; do\n  cat >> {conf} <<EOF\n{_FB_OUTPUT.format('${H}')}EOF\ndone\n"
            + "systemctl restart fluent-bit\n"
        )
    if how == "branch":
        return (
            f"if grep -q prod /etc/fleet/role; then\n  H={hosts[1]}\nelse\n  H={hosts[0]}\nfi\n"
            + heredoc(conf, _FB_MAIN + _FB_OUTPUT.format("${H}"), quoted=False)
            + "systemctl restart fluent-bit\n"
        )
    if how == "unit-env":
        unit = f"[Service]\nEnvironment=LOG_SINK={hosts[1]}\nEnvironment=LOG_LEVEL=info\n"
        return (
            heredoc("/etc/systemd/system/fluent-bit.service.d/sink.conf", unit)
            + heredoc(conf, _FB_MAIN + _FB_OUTPUT.format("${LOG_SINK}"))
            + "systemctl daemon-reload\nsystemctl restart fluent-bit\n"
        )
    return (
        f"export LOG_SINK={hosts[1]}\n"
        + heredoc(conf, _FB_MAIN + _FB_OUTPUT.format("${LOG_SINK}"))
        + "nohup fluent-bit -c /etc/fluent-bit/fluent-bit.conf >/var/log/fluent-bit.log 2>&1 &\n"
    )


def pinned(shape: str, host: str) -> str:
    """The directory options and relative includes refused before and after."""
    if shape.startswith("fluent-bit-cd-glob"):
        return (
            heredoc("/opt/fleet/fluent/central.conf", _FB_MAIN + _FB_OUTPUT.format(host))
            + "cd /opt/fleet/fluent && fluent-bit -c *.conf &\n"
        )
    if shape.startswith("vector"):
        body = f"sinks:\n  central:\n    type: socket\n    inputs: [app]\n    address: {host}:514\n    mode: tcp\n"
        return heredoc("/opt/vector/central.yaml", body) + "vector --config-dir /opt/vector/ &\n"
    if shape.startswith("filebeat"):
        body = f'output.logstash:\n  hosts: ["{host}:5044"]\n'
        return heredoc("/opt/fb/filebeat.yml", body) + "filebeat -e --path.config /opt/fb &\n"
    return (
        heredoc("/opt/fleet/td/conf.d/central.conf", _FB_OUTPUT.format(host))
        + heredoc("/opt/fleet/td/main.conf", _FB_MAIN + "@INCLUDE conf.d/*.conf\n")
        + "td-agent-bit -c /opt/fleet/td/main.conf &\n"
    )


def _body(shape: str) -> str:
    own = shape.endswith("-own")
    host = PRIVATE[0] if own else PARTNER_DB
    if shape.startswith("cc-"):
        return cc_dd_container()
    if shape.startswith("dd-container"):
        how = shape.removeprefix("dd-container-").removesuffix("-own")
        return dd_container({"declared": "default"}.get(how, how))
    if shape.startswith("dd-sed-site"):
        return dd_sed_site(shape.removeprefix("dd-sed-site-"))
    if shape.startswith("filebeat-relative"):
        return filebeat_relative_glob(host)
    if shape in ("fluent-bit-loop-partner", "fluent-bit-loop-own", "fluent-bit-branch-partner", "fluent-bit-branch-own",
                 "fluent-bit-unit-env-partner", "fluent-bit-unit-env-own", "fluent-bit-export-partner"):  # fmt: skip
        how = shape.removeprefix("fluent-bit-").removesuffix("-own").removesuffix("-partner")
        return fluent_bit_values(PRIVATE if own else (PRIVATE[0], PARTNER_DB), how)
    return pinned(shape, host)


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, DEFAULT_SITE)] if shape.endswith("-declared") else []


def aws_program(shape: str) -> Build:
    def build(c: Any) -> object:
        body = _body(shape)
        user_data = body if shape.startswith("cc-") else f"#!/bin/bash\nset -euo pipefail\n{body}"
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
    """The Agent's container with its key alone, a partner's host among a loop's values, and the own twin (the VPC's
    Datadog proxy, the loop over the VPC's collectors)."""
    if shape == "ali-dd-container-default":
        return "#!/bin/bash\n" + dd_container("default")
    if shape == "ali-fluent-bit-loop-partner":
        return "#!/bin/bash\n" + fluent_bit_values(("192.168.0.20", PARTNER_DB), "loop")
    return "#!/bin/bash\n" + dd_container("proxy") + fluent_bit_values(("192.168.0.20", "192.168.0.21"), "loop")


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
        p = f"config59-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            out.append((p + shape, code, aws_program(shape), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config59-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
