"""Configuration file grammars in user data, round 9 (stop 58, issue 9, config58).

Reproduced on the unchanged engine (main at 38135ba4), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Passed every door**, with a partner's host (``db.partner-analytics.com``) or Datadog's default site abroad:

1. the Datadog Agent's default site (``datadog-default``, ``datadog-default-installed``, ``cc-datadog-default``):
   ``/etc/datadog-agent/datadog.yaml`` with an ``api_key`` and neither ``site`` nor ``dd_url``, the agent started
   (``systemctl restart datadog-agent``), installed after the file (``apt-get install -y datadog-agent``) or started
   by a cloud-config's ``runcmd``: it sends to US1, ``datadoghq.com`` (the Agent's config template: "site ...
   default: datadoghq.com"), which was not judged (no document default);
2. a Filebeat configuration named by a wildcard (``filebeat-glob-partner``: ``filebeat -e -c
   '/etc/fleet/beats/*.yml'`` beside ``/etc/fleet/beats/central.yml``): only a file named exactly was read;
3. rsyslog's includes of a directory outside ``/etc/rsyslog.d`` (``rsyslog-include-partner``: ``$IncludeConfig
   /etc/fleet/rsyslog/*.conf``; ``rsyslog-include-object-partner``: ``include(file="/etc/fleet/rsyslog/*.conf")``):
   the included file was read as a generic ``.conf`` file, its ``action(type="omfwd" target=...)`` not at all;
4. a log router's main file named at ``-c`` outside the package's directory (``fluent-bit-include-partner``:
   ``fluent-bit -c /opt/fleet/fluent/main.conf``; ``fluentd-include-partner``: ``fluentd -c ...``), its ``@INCLUDE
   outputs/*.conf`` / ``@include outputs/*.conf`` naming the file with the forward output: only paths under the
   packages' directories were read as a router's.

**Refused on main, compliant** (a false alarm): ``pipe-select-own`` and ``pipe-file-select-own``, the VPC's own
addresses through a two-stage pipe into ``while read`` (``printf '%s\\n' 10.0.3.7 10.0.3.8 | grep -v '^#' | while
read -r h; do ssh ...``, ``cat FILE | grep ... | while read``): the loop's input was unknown (RES-015). Now each line
of the first stage is a value (the stages only select whole lines): the VPC's addresses pass, a partner's host
piped in stays RES-015 (``pipe-select-partner``).

RES-015 now for 1-4 (the default site is a third party's host, as ``site: datadoghq.com`` is since stop 57); the VPC's
collector, a file nobody runs (``datadog-unused``), the default site declared (resident in the US, a transfer from
EU / JP / CN) pass.

**Pinned** (refused before and after): a Vector configuration named by a wildcard in ``VECTOR_CONFIG``
(``vector-glob-partner``), syslog-ng's ``@include "/etc/fleet/syslog-ng/*.conf"`` (``syslog-ng-glob-partner``),
nginx's ``include /etc/fleet/nginx/*.conf`` with an upstream server (``nginx-glob-partner``), ``docker compose run``
of a service with no ``command:`` whose ``environment:`` names the partner (``compose-run-partner``), a Compose
``env_file:`` (``compose-env-file-partner``) and ``docker run --env-file`` (``docker-env-file-partner``); the twin
with the VPC's database passes (``compose-own``).

Ids: ``config58-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document, a cloud-config), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch
template). tests/test_realistic_programs.py runs them as CASES (``config58-*``).
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
"""The fleet's machine image (the Datadog Agent, Filebeat, Vector, rsyslog, syslog-ng, nginx and Docker baked in)."""
PRIVATE = "10.0.3.20"
"""The fleet's own collector / database in the VPC."""
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
        "data_classes": ["audit_logs"], "basis": BASIS[code], "reference": "DPA-2026-311",
        "approved_by": "dpo", "expires": "2027-12-31",
    }  # fmt: skip


AWS_SHAPES: dict[str, set[str]] = {
    "datadog-default": REFUSED,
    "datadog-default-installed": REFUSED,
    "cc-datadog-default": REFUSED,
    "datadog-default-declared": set(),
    "datadog-unused": set(),
    "filebeat-glob-partner": REFUSED,
    "filebeat-glob-own": set(),
    "rsyslog-include-partner": REFUSED,
    "rsyslog-include-object-partner": REFUSED,
    "rsyslog-include-own": set(),
    "fluent-bit-include-partner": REFUSED,
    "fluentd-include-partner": REFUSED,
    "fluent-bit-include-own": set(),
    "pipe-select-own": set(),
    "pipe-file-select-own": set(),
    "pipe-select-partner": REFUSED,
    "vector-glob-partner": REFUSED,
    "syslog-ng-glob-partner": REFUSED,
    "nginx-glob-partner": REFUSED,
    "compose-run-partner": REFUSED,
    "compose-env-file-partner": REFUSED,
    "docker-env-file-partner": REFUSED,
    "compose-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset(
    {"datadog-default-installed", "filebeat-glob-own", "rsyslog-include-own", "pipe-file-select-own",
     "fluent-bit-include-own"}
)  # fmt: skip
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset(
    {"rsyslog-include-object-partner", "pipe-select-partner", "compose-env-file-partner", "fluentd-include-partner"}
)
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {
    "ali-datadog-default": REFUSED,
    "ali-rsyslog-include-partner": REFUSED,
    "ali-pipe-select-own": set(),
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def heredoc(path: str, body: str) -> str:
    """``body`` written to ``path`` by a quoted here-document, its directory made first."""
    return f"mkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n"


def datadog_default(*, run: str = "systemctl restart datadog-agent\n") -> str:
    """The Datadog Agent's main file with its API key and no site (the agent sends to US1), then ``run``."""
    body = "api_key: ${DD_API_KEY}\nlogs_enabled: true\nprocess_config:\n  process_collection:\n    enabled: true\n"
    return heredoc("/etc/datadog-agent/datadog.yaml", body) + run


def cc_datadog_default() -> str:
    """A cloud-config writing the agent's file with no site and restarting the agent."""
    return (
        "#cloud-config\nwrite_files:\n  - path: /etc/datadog-agent/datadog.yaml\n    permissions: '0640'\n"
        "    content: |\n      api_key: ${DD_API_KEY}\n      logs_enabled: true\n"
        "runcmd:\n  - systemctl restart datadog-agent\n"
    )


def filebeat_glob(host: str) -> str:
    """Filebeat's configuration named by a quoted wildcard at ``-c``."""
    body = (
        "filebeat.inputs:\n  - type: filestream\n    id: app\n    paths: [/var/log/app/*.log]\n"
        f'output.logstash:\n  hosts: ["{host}:5044"]\n'
    )
    return heredoc("/etc/fleet/beats/central.yml", body) + "filebeat -e -c '/etc/fleet/beats/*.yml' &\n"


def rsyslog_include(host: str, *, rainerscript: bool = False) -> str:
    """rsyslog's main file including the fleet's directory (``$IncludeConfig`` or the ``include()`` object), and the
    forwarding action in an included file."""
    include = (
        'include(file="/etc/fleet/rsyslog/*.conf" mode="optional")\n'
        if rainerscript
        else "$IncludeConfig /etc/fleet/rsyslog/*.conf\n"
    )
    action = f'*.* action(type="omfwd" target="{host}" port="514" protocol="tcp")\n'
    main = 'module(load="imuxsock")\nmodule(load="imjournal")\n' + include
    return (
        heredoc("/etc/fleet/rsyslog/forward.conf", action)
        + heredoc("/etc/rsyslog.conf", main)
        + ("systemctl restart rsyslog\n")
    )


def log_router_include(host: str, *, fluentd: bool = False) -> str:
    """A log router run with its main file named at ``-c`` outside the package's directory, the main file including
    its outputs' directory by a wildcard relative to it (Fluent Bit ``@INCLUDE``, Fluentd ``@include``), a forward
    output to ``host`` there."""
    if fluentd:
        output = (
            f"<match app.**>\n  @type forward\n  <server>\n    host {host}\n    port 24224\n  </server>\n</match>\n"
        )
        main = "<source>\n  @type tail\n  path /var/log/app/*.log\n  tag app.log\n  <parse>\n    @type none\n"
        main += "  </parse>\n</source>\n@include outputs/*.conf\n"
        run = "fluentd -c /opt/fleet/fluent/main.conf -d /run/fluentd.pid\n"
    else:
        output = f"[OUTPUT]\n    Name  forward\n    Match app.*\n    Host  {host}\n    Port  24224\n"
        main = "[SERVICE]\n    Flush 5\n[INPUT]\n    Name tail\n    Path /var/log/app/*.log\n    Tag  app.log\n"
        main += "@INCLUDE outputs/*.conf\n"
        run = "fluent-bit -c /opt/fleet/fluent/main.conf &\n"
    return (
        heredoc("/opt/fleet/fluent/outputs/central.conf", output) + heredoc("/opt/fleet/fluent/main.conf", main) + run
    )


def pipe_select(hosts: tuple[str, ...], *, from_file: bool = False) -> str:
    """The fleet's hosts through a two-stage pipe into ``while read`` (comments dropped by grep), each reached by
    ssh."""
    loop = "while read -r h; do ssh -o BatchMode=yes ec2-user@\"$h\" 'sudo systemctl restart app'; done\n"
    if from_file:
        listing = "".join(f"{h}\n" for h in ("# the fleet's app servers", *hosts))
        return heredoc("/etc/fleet/hosts.txt", listing) + f"cat /etc/fleet/hosts.txt | grep -v '^#' | {loop}"
    return f"printf '%s\\n' {' '.join(hosts)} | grep -v '^#' | sort -u | {loop}"


def vector_glob(host: str) -> str:
    """Vector's configuration named by a wildcard in ``VECTOR_CONFIG``."""
    body = f"sinks:\n  central:\n    type: socket\n    inputs: [app]\n    address: {host}:514\n    mode: tcp\n"
    return heredoc("/etc/fleet/vector/central.yaml", body) + (
        "export VECTOR_CONFIG='/etc/fleet/vector/*.yaml'\nvector --watch-config &\n"
    )


def syslog_ng_glob(host: str) -> str:
    """syslog-ng's main file including the fleet's directory by a wildcard pattern."""
    dest = f'destination d_central {{ network("{host}" port(6514) transport("tls")); }};\n'
    dest += "log { source(s_local); destination(d_central); };\n"
    main = '@version: 4.2\n@include "scl.conf"\nsource s_local { system(); internal(); };\n'
    main += '@include "/etc/fleet/syslog-ng/*.conf"\n'
    return (
        heredoc("/etc/fleet/syslog-ng/central.conf", dest)
        + heredoc("/etc/syslog-ng/syslog-ng.conf", main)
        + ("systemctl restart syslog-ng\n")
    )


def nginx_glob(host: str) -> str:
    """nginx's main file including the fleet's directory, an upstream server in an included file."""
    upstream = f"upstream reports {{\n  server {host}:8443;\n}}\n"
    main = "events {}\nhttp {\n  include /etc/fleet/nginx/*.conf;\n  server {\n    listen 80;\n"
    main += "    location / { proxy_pass https://reports; }\n  }\n}\n"
    return (
        heredoc("/etc/fleet/nginx/upstream.conf", upstream)
        + heredoc("/etc/nginx/nginx.conf", main)
        + ("systemctl restart nginx\n")
    )


def compose(host: str, how: str) -> str:
    """A report service relying on its image's entrypoint, its database given by the service's ``environment:``
    (``run``), an ``env_file:`` the script writes (``env-file``), or ``docker run --env-file`` (``docker``)."""
    if how == "docker":
        return heredoc("/opt/reports/db.env", f"DATABASE_HOST={host}\nDATABASE_PORT=5432\n") + (
            "docker run -d --name reports --env-file /opt/reports/db.env fleet/reports:1.4\n"
        )
    if how == "env-file":
        service = "    env_file:\n      - db.env\n"
        files = heredoc("/opt/reports/db.env", f"DATABASE_HOST={host}\nDATABASE_PORT=5432\n")
        run = "cd /opt/reports && docker compose up -d\n"
    else:
        service = f"    environment:\n      DATABASE_HOST: {host}\n      DATABASE_PORT: '5432'\n"
        files, run = "", "cd /opt/reports && docker compose run --rm reports\n"
    body = f"services:\n  reports:\n    image: fleet/reports:1.4\n{service}"
    return files + heredoc("/opt/reports/compose.yaml", body) + run


def _body(shape: str) -> str:
    own = shape.endswith("-own")
    host = PRIVATE if own else PARTNER_DB
    if shape in ("datadog-default", "datadog-default-declared"):
        return datadog_default()
    if shape == "datadog-default-installed":
        return datadog_default(run="apt-get update\napt-get install -y datadog-agent\n")
    if shape == "datadog-unused":
        return datadog_default(run="")
    if shape == "cc-datadog-default":
        return cc_datadog_default()
    if shape.startswith("filebeat"):
        return filebeat_glob(host)
    if shape.startswith("rsyslog"):
        return rsyslog_include(host, rainerscript="-object-" in shape)
    if shape.startswith("fluent"):
        return log_router_include(host, fluentd=shape.startswith("fluentd"))
    if shape.startswith("pipe"):
        hosts = ("10.0.3.7", "10.0.3.8") if own else ("10.0.3.7", PARTNER_DB)
        return pipe_select(hosts, from_file="-file-" in shape)
    if shape.startswith("vector"):
        return vector_glob(host)
    if shape.startswith("syslog-ng"):
        return syslog_ng_glob(host)
    if shape.startswith("nginx"):
        return nginx_glob(host)
    if shape == "compose-own":
        return compose(host, "run") + compose(host, "env-file") + compose(host, "docker")
    return compose(
        host, "docker" if shape.startswith("docker") else shape.removeprefix("compose-").removesuffix("-partner")
    )


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
    """The default Datadog site, a partner in an rsyslog include, the VPC's addresses through a two-stage pipe, and
    the own twin (the VPC's collector in the include, the agent's file never run)."""
    if shape == "ali-datadog-default":
        return "#!/bin/bash\n" + datadog_default()
    if shape == "ali-rsyslog-include-partner":
        return "#!/bin/bash\n" + rsyslog_include(PARTNER_DB)
    if shape == "ali-pipe-select-own":
        return "#!/bin/bash\n" + pipe_select(("192.168.0.7", "192.168.0.8"), from_file=True)
    return "#!/bin/bash\n" + rsyslog_include("192.168.0.20", rainerscript=True) + datadog_default(run="")


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
        p = f"config58-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            out.append((p + shape, code, aws_program(shape), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config58-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
