"""Configuration file grammars in user data, round 11 (stop 60, issue 9, config60).

Reproduced on the unchanged engine (main at 0183f733), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Passed every door**, with a partner's host (``db.partner-analytics.com``) or Datadog's default site abroad:

1. a log router's main file at its package path, started by its service, including a directory of files the script
   writes elsewhere by a wildcard (``fluent-bit-include-wildcard-partner``: ``/etc/fluent-bit/fluent-bit.conf`` with
   ``@INCLUDE /opt/fleet/outputs/*.conf``; ``fluentd-include-wildcard-partner``: ``/etc/fluent/fluentd.conf`` with
   ``@include /opt/fleet/forward/*.conf``): the includes of a router file were followed only where the script named
   a router's ``-c`` / ``--config`` option;
2. a bracket expression the include's glob(3) reads differently from Python's ``fnmatch``
   (``rsyslog-include-caret-partner``: ``$IncludeConfig /opt/fleet/rsyslog/[^_]*.conf``, a negation to glibc and
   bash, a literal ``^`` to fnmatch; ``syslog-ng-include-class-partner``: ``[[:digit:]]*.conf``, a POSIX class
   fnmatch does not know);
3. a bracket expression alone at a tool's option (``filebeat-option-bracket-partner``: ``filebeat -c
   '/etc/fleet/beats/shipper-[ab].yml'``; ``vector-option-bracket-partner``: ``vector --config
   /etc/fleet/pipeline/sink-[0-9].yaml``): a pattern was a word holding ``*`` or ``?``;
4. the Datadog Agent's container pulled from a private mirror (``dd-container-mirror-ecr``: an ECR pull-through
   cache's ``<account>.dkr.ecr.<region>.amazonaws.com/docker-hub/datadog/agent:7``; ``dd-container-mirror-renamed``:
   ``<registry>/platform/datadog-agent:7``; ``dd-container-azure``: Datadog's own ``datadoghq.azurecr.io/agent``):
   the images were recognised by their documented names only.

RES-015 now for 1-4; the twins pass: the VPC's collector in the included files, an include naming no file the script
writes (the package's or the image's: not read), the mirror sending to the VPC's Datadog proxy (``DD_DD_URL``), the
default site declared (resident in the US, a transfer from EU / JP / CN), another vendor's agent and Datadog's cluster
agent from the same mirror.

Ids: ``config60-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template).
tests/test_realistic_programs.py runs them as CASES (``config60-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, OWN_ACCOUNT, PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (Docker, Fluent Bit, Fluentd, rsyslog, syslog-ng, Filebeat and Vector baked in)."""
PRIVATE = "10.0.3.20"
"""The fleet's own collector in the VPC."""
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
        "data_classes": ["audit_logs"], "basis": BASIS[code], "reference": "DPA-2026-360",
        "approved_by": "dpo", "expires": "2027-12-31",
    }  # fmt: skip


AWS_SHAPES: dict[str, set[str]] = {
    "fluent-bit-include-wildcard-partner": REFUSED,
    "fluent-bit-include-wildcard-own": set(),
    "fluent-bit-include-unwritten": set(),
    "fluentd-include-wildcard-partner": REFUSED,
    "fluentd-include-wildcard-own": set(),
    "rsyslog-include-caret-partner": REFUSED,
    "rsyslog-include-caret-own": set(),
    "syslog-ng-include-class-partner": REFUSED,
    "syslog-ng-include-class-own": set(),
    "filebeat-option-bracket-partner": REFUSED,
    "filebeat-option-bracket-own": set(),
    "vector-option-bracket-partner": REFUSED,
    "dd-container-mirror-ecr": REFUSED,
    "dd-container-mirror-renamed": REFUSED,
    "dd-container-azure": REFUSED,
    "dd-container-mirror-proxy-own": set(),
    "dd-container-mirror-declared": set(),
    "other-agents-mirror": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"fluentd-include-wildcard-own", "syslog-ng-include-class-partner", "dd-container-mirror-renamed",
                     "other-agents-mirror"})  # fmt: skip
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"rsyslog-include-caret-own", "filebeat-option-bracket-partner", "dd-container-mirror-proxy-own"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {
    "ali-dd-container-mirror-acr": REFUSED,
    "ali-fluent-bit-include-wildcard-partner": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def heredoc(path: str, body: str) -> str:
    """``body`` written to ``path`` by a quoted here-document (written as it is), its directory made first."""
    return f"mkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n"


_FB_MAIN = "[SERVICE]\n    Flush 5\n[INPUT]\n    Name tail\n    Path /var/log/app/*.log\n    Tag  app.log\n"
_FB_OUTPUT = "[OUTPUT]\n    Name  forward\n    Match app.*\n    Host  {}\n    Port  24224\n"


def fluent_bit_include(host: str | None) -> str:
    """Fluent Bit's package file including the fleet's output files by a wildcard (Fluent Bit "Configuration file",
    "@INCLUDE": wildcards "@INCLUDE input_*.conf"), started by its service; ``None``: the include names the package's
    conf.d, which the script writes nothing into."""
    conf = "/etc/fluent-bit/fluent-bit.conf"
    if host is None:
        return (
            heredoc(conf, _FB_MAIN + _FB_OUTPUT.format(PRIVATE) + "@INCLUDE /etc/fluent-bit/conf.d/*.conf\n")
            + "systemctl enable --now fluent-bit\n"
        )
    return (
        heredoc("/opt/fleet/outputs/central.conf", _FB_OUTPUT.format(host))
        + heredoc(conf, _FB_MAIN + "@INCLUDE /opt/fleet/outputs/*.conf\n")
        + "systemctl enable --now fluent-bit\n"
    )


def fluentd_include(host: str) -> str:
    """Fluentd's package file including the fleet's outputs by a glob (Fluentd "Config File Syntax": "The @include
    directive supports regular file path, glob pattern, and http URL conventions")."""
    output = f"<match app.**>\n  @type forward\n  <server>\n    host {host}\n    port 24224\n  </server>\n</match>\n"
    main = "<source>\n  @type tail\n  path /var/log/app/app.log\n  tag app.log\n  <parse>\n    @type none\n  </parse>\n"
    return (
        heredoc("/opt/fleet/forward/10-forward.conf", output)
        + heredoc("/etc/fluent/fluentd.conf", main + "</source>\n@include /opt/fleet/forward/*.conf\n")
        + "systemctl restart fluentd\n"
    )


def rsyslog_include(host: str) -> str:
    """rsyslog's main file including the fleet's rules by a bracket expression negated with ``^`` (glibc's glob(3),
    which rsyslog's $IncludeConfig uses, and bash read ``[^...]`` as ``[!...]``), files starting with ``_`` kept
    aside."""
    return (
        heredoc("/opt/fleet/rsyslog/50-forward.conf", f"*.* @@{host}:514\n")
        + heredoc("/etc/rsyslog.conf", 'module(load="imuxsock")\n$IncludeConfig /opt/fleet/rsyslog/[^_]*.conf\n')
        + "systemctl restart rsyslog\n"
    )


def syslog_ng_include(host: str) -> str:
    """syslog-ng's main file including the fleet's numbered files by a POSIX character class (syslog-ng "@include":
    "a file, a directory or a wildcard pattern")."""
    destination = (
        f'destination d_central {{ network("{host}" port(514) transport("tcp")); }};\n'
        "log { source(s_src); destination(d_central); };\n"
    )
    main = '@version: 4.2\nsource s_src { system(); internal(); };\n@include "/opt/fleet/central/[[:digit:]]*.conf"\n'
    return (
        heredoc("/opt/fleet/central/50-central.conf", destination)
        + heredoc("/etc/syslog-ng/syslog-ng.conf", main)
        + "systemctl restart syslog-ng\n"
    )


def filebeat_bracket(host: str) -> str:
    """Filebeat run with its configuration named by a bracket expression (no ``*`` or ``?``)."""
    body = (
        "filebeat.inputs:\n  - type: filestream\n    id: app\n    paths: [/var/log/app/*.log]\n"
        f'output.logstash:\n  hosts: ["{host}:5044"]\n'
    )
    return heredoc("/etc/fleet/beats/shipper-a.yml", body) + "filebeat -e -c '/etc/fleet/beats/shipper-[ab].yml' &\n"


def vector_bracket(host: str) -> str:
    """Vector run with its sink named by a bracket expression (the vector CLI reference: "Wildcard paths are
    supported")."""
    body = f"sinks:\n  central:\n    type: socket\n    inputs: [app]\n    address: {host}:514\n    mode: tcp\n"
    return heredoc("/etc/fleet/pipeline/sink-1.yaml", body) + "vector --config /etc/fleet/pipeline/sink-[0-9].yaml &\n"


def registry(code: str) -> str:
    """The fleet's ECR registry in the market's home Region."""
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    return f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{suffix}"


def dd_container(image: str, env: str = "") -> str:
    """The Datadog Agent's container (Datadog "Docker Agent": ``docker run -d --cgroupns host --pid host --name
    dd-agent -v ... -e DD_SITE=<DATADOG_SITE> -e DD_API_KEY=<DATADOG_API_KEY> gcr.io/datadoghq/agent:7``), its image
    from ``image``, logged in to the registry first."""
    mounts = "-v /var/run/docker.sock:/var/run/docker.sock:ro -v /proc/:/host/proc/:ro"
    host = image.split("/", 1)[0]
    login = ""
    if ".dkr.ecr." in host:
        region = host.split(".")[3]
        login = f"aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {host}\n"
    return (
        login + f"docker run -d --cgroupns host --pid host --name dd-agent {mounts} "
        f"{env}-e DD_API_KEY=0123456789abcdef0123456789abcdef {image}\n"
    )


def _body(shape: str, code: str) -> str:
    host = PARTNER_DB if shape.endswith("-partner") else PRIVATE
    if shape == "fluent-bit-include-unwritten":
        return fluent_bit_include(None)
    if shape.startswith("fluent-bit-include"):
        return fluent_bit_include(host)
    if shape.startswith("fluentd-include"):
        return fluentd_include(host)
    if shape.startswith("rsyslog"):
        return rsyslog_include(host)
    if shape.startswith("syslog-ng"):
        return syslog_ng_include(host)
    if shape.startswith("filebeat"):
        return filebeat_bracket(host)
    if shape.startswith("vector"):
        return vector_bracket(host)
    if shape == "dd-container-mirror-renamed":
        return dd_container(f"{registry(code)}/platform/datadog-agent:7")
    if shape == "dd-container-azure":
        return dd_container("datadoghq.azurecr.io/agent:7")
    if shape == "dd-container-mirror-proxy-own":
        # the VPC's Datadog proxy (Datadog "Agent Proxy Configuration": DD_DD_URL)
        return dd_container(f"{registry(code)}/docker-hub/datadog/agent:7", f"-e DD_DD_URL=https://{PRIVATE}:3834 ")
    if shape == "other-agents-mirror":
        # Grafana's agent and Datadog's cluster agent from the same mirror: no Datadog Agent runs here
        return (
            f"docker run -d --name grafana-agent {registry(code)}/docker-hub/grafana/agent:v0.40.0\n"
            f"docker run -d --name dd-cluster-agent -e DD_CLUSTER_AGENT_AUTH_TOKEN=0123456789abcdef0123456789abcdef"
            f" {registry(code)}/docker-hub/datadog/cluster-agent:7.60.0\n"
        )
    # an ECR pull-through cache of Docker Hub (docker pull aws_account_id.dkr.ecr.region.amazonaws.com/docker-hub/...)
    return dd_container(f"{registry(code)}/docker-hub/datadog/agent:7")


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


def _ali_script(shape: str, code: str) -> str:
    """The Agent's container from the team's Container Registry namespace in the market's region, a partner's
    collector in a wildcard include, and the own twin (the VPC's Datadog proxy, the VPC's collector)."""
    acr = f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/platform"
    if shape == "ali-dd-container-mirror-acr":
        return "#!/bin/bash\n" + dd_container(f"{acr}/datadog-agent:7")
    if shape == "ali-fluent-bit-include-wildcard-partner":
        return "#!/bin/bash\n" + fluent_bit_include(PARTNER_DB)
    return (
        "#!/bin/bash\n"
        + dd_container(f"{acr}/datadog-agent:7", "-e DD_DD_URL=https://192.168.0.20:3834 ")
        + fluent_bit_include("192.168.0.20")
    )


def ali_program(shape: str, code: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape, code)
        if shape == "ali-own":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"config60-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            out.append((p + shape, code, aws_program(shape, code), expected, _declared(code, shape)))
    for code in ALI_CODES:
        p = f"config60-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape, code), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
