"""Log-router plugins and files, continued (stop 44, issue 9, logplugins44).

Reproduced on the unchanged engine (main at 0c09d32) with the programs below, in EU and CN: each offending program
passed every front door.

- Outputs whose plugin sends to a default no one wrote, not catalogued before: Fluent Bit's ``td`` and Fluentd's
  ``tdlog`` (Treasure Data's service: api.treasuredata.com / api-import.treasuredata.com, or .co.jp with Region JP),
  Fluentd's ``loki`` without ``url`` (fluent-plugin-grafana-loki's default is Grafana Cloud's US instance), Fluentd's
  ``elasticsearch`` with ``cloud_id`` (Elastic's hosted service, the host inside the id) and fluent-plugin-bigquery's
  ``bigquery_insert``;
- a log-router file a script writes in other ways than ``cat`` / ``tee`` / ``echo``: ``install -m 644 /dev/stdin FILE
  <<EOF``, ``cp`` / ``mv`` from a file the script wrote, and ``sed -i`` substitutions (a placeholder filled with a
  partner's host; the package's own file switched to ``datadog``).

The carriers: an SSM parameter holding a Fluentd file (fetched at boot), an EC2 instance's shell user data, an Alibaba
Cloud ECS instance's shell user data (CN). Since stop 44 each output is judged by the catalogue's log-router entries
(RES-016 until declared by the entry id the finding names), a file copied, moved or installed is read where it lands,
one edited by ``sed -i`` as the edit leaves it (or, when the edit cannot be applied, its replacement judged as a value:
a partner's host is RES-015). Compliant twins: the same files sending to the stack's internal NLB or a private address,
a placeholder filled with the NLB's name, the package's file with only its log level changed, a declared Treasure Data
transfer (JP).

tests/test_realistic_programs.py runs them as CASES (``logplugins44-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

CODES = ("EU", "US", "JP", "CN")
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
PARTNER = "logs.partner-analytics.com"
FB = "/etc/fluent-bit/fluent-bit.conf"
FD = "/etc/td-agent/td-agent.conf"

# (carrier, output): the carrier decides how the file reaches the machine, the output where it sends.
AWS_SHAPES = (
    ("ssm-fluentd", "fd-forward-own-nlb"),
    ("ssm-fluentd", "fd-tdlog-default"),
    ("ssm-fluentd", "fd-loki-own-nlb"),
    ("ssm-fluentd", "fd-loki-default"),
    ("ssm-fluentd", "fd-es-private-hosts"),
    ("ssm-fluentd", "fd-es-cloud-id"),
    ("ssm-fluentd", "fd-bigquery-insert"),
    ("ec2-heredoc", "fb-td"),
    ("ec2-install", "fb-http-own-nlb"),
    ("ec2-install", "fb-datadog-default"),
    ("ec2-cp", "fb-http-own-nlb"),
    ("ec2-cp", "fb-datadog-default"),
    ("ec2-mv", "fd-forward-own-nlb"),
    ("ec2-mv", "fd-tdlog-default"),
    ("ec2-sed-placeholder", "fb-http-own-nlb"),
    ("ec2-sed-placeholder", "fb-http-partner"),
    ("ec2-sed-package", "fb-log-level"),
    ("ec2-sed-package", "fb-stdout-to-datadog"),
)
ALI_SHAPES = (
    ("ecs-sed-placeholder", "fb-http-private"),
    ("ecs-sed-placeholder", "fb-http-partner"),
    ("ecs-install", "fd-forward-private"),
    ("ecs-install", "fd-loki-default"),
    ("ecs-heredoc", "fb-td"),
)
_RES016 = {
    "fd-tdlog-default", "fd-loki-default", "fd-bigquery-insert", "fb-td", "fb-datadog-default",
    "fb-stdout-to-datadog",
}  # fmt: skip
# config64 (stop 64): fd-es-cloud-id's id is read as the Elastic Cloud host it encodes (RES-015, was RES-016)
_RES015 = {"fb-http-partner", "fd-es-cloud-id"}


def expected(code: str, carrier: str, output: str) -> set[str]:
    if carrier == "ec2-heredoc" and output == "fb-td" and code == "JP":
        return set()  # declared (below)
    return {"RES-016"} if output in _RES016 else {"RES-015"} if output in _RES015 else set()


def declared(code: str, carrier: str, output: str) -> list[dict[str, Any]]:
    """JP's Treasure Data output (Region JP, api.treasuredata.co.jp) declared by the entry id the finding names, as
    resident with the evidence the company holds (the fix the refusal names): no document read places that site."""
    if not (carrier == "ec2-heredoc" and output == "fb-td" and code == "JP"):
        return []
    evidence = "Treasure Data's Tokyo site (api.treasuredata.co.jp), DPA-2026-044 annex 2: data stored in Japan"
    return [{"id": "treasure-data-jp", "kind": "resident", "match": "log-router-treasure-data", "evidence": evidence}]


def fluent_bit(output: str, target: str | None) -> str:
    """A classic fluent-bit.conf: the service, a tail input and the one output, keys as the Fluent Bit manual writes
    them. ``fb-http-partner`` / ``-own-nlb`` under ``ec2-sed-placeholder`` hold ``@COLLECTOR@`` for sed to fill."""
    section = {
        "fb-http-own-nlb": {"Name": "http", "Match": "*", "Host": str(target), "Port": "8443", "URI": "/ingest",
                            "Format": "json", "tls": "on"},
        "fb-http-private": {"Name": "http", "Match": "*", "Host": target or "10.0.3.7", "Port": "8443",
                            "URI": "/ingest"},
        "fb-http-partner": {"Name": "http", "Match": "*", "Host": str(target), "Port": "443", "URI": "/ingest",
                            "tls": "on"},
        "fb-datadog-default": {"Name": "datadog", "Match": "*", "TLS": "on", "apikey": "${DD_API_KEY}",
                               "dd_service": "fleet-app"},
        "fb-td": {"Name": "td", "Match": "*", "API": "${TD_API_KEY}", "Database": "fleet", "Table": "app_logs",
                  "Region": "JP"},
    }[output]  # fmt: skip
    lines = ["[SERVICE]", "    Flush        5", "    Log_Level    info", "", "[INPUT]", "    Name tail",
             "    Tag  app.*", "    Path /var/log/fleet/*.log", "", "[OUTPUT]"]  # fmt: skip
    return "\n".join(lines + [f"    {k:<12} {v}" for k, v in section.items()]) + "\n"


def fluentd(output: str, target: str | None) -> str:
    """A td-agent.conf: a tail source and the one ``<match>``, parameters as each plugin's README."""
    match = {
        "fd-forward-own-nlb": ["@type forward", "<server>", f"  host {target}", "  port 24224", "</server>"],
        "fd-forward-private": ["@type forward", "<server>", "  host 10.0.3.7", "  port 24224", "</server>"],
        "fd-tdlog-default": ["@type tdlog", 'apikey "#{ENV[\'TD_API_KEY\']}"', "auto_create_table",
                             "database fleet", "table app_logs"],
        "fd-loki-own-nlb": ["@type loki", f"url http://{target}:3100", "extra_labels {\"job\":\"fleet\"}"],
        "fd-loki-default": ["@type loki", "username 123456", 'password "#{ENV[\'GRAFANA_TOKEN\']}"',
                            "extra_labels {\"job\":\"fleet\"}"],
        "fd-es-private-hosts": ["@type elasticsearch", "hosts 10.0.3.7:9200,10.0.3.8:9200", "logstash_format true"],
        "fd-es-cloud-id": ["@type elasticsearch",
                           "cloud_id fleet:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmNkZWYkZ2hpamts",
                           'cloud_auth "elastic:#{ENV[\'ES_PASSWORD\']}"', "logstash_format true"],
        "fd-bigquery-insert": ["@type bigquery_insert", "auth_method compute_engine", "project fleet-analytics",
                               "dataset logs", "table app", "fetch_schema true"],
    }[output]  # fmt: skip
    head = ["<source>", "  @type tail", "  path /var/log/fleet/*.log", "  pos_file /var/log/td-agent/app.pos",
            "  tag app.*", "  <parse>", "    @type json", "  </parse>", "</source>", "", "<match app.**>"]  # fmt: skip
    return "\n".join(head + [f"  {line}" for line in match] + ["</match>"]) + "\n"


def script(carrier: str, output: str, target: str | None) -> str:
    """User data as a shell script: install the agent, write its file the carrier's way, start it."""
    agent = "fluent-bit" if output.startswith("fb-") else "td-agent"
    file = FB if agent == "fluent-bit" else FD
    head = f"#!/bin/bash\nset -euo pipefail\nyum install -y {agent}\nmkdir -p $(dirname {file})\n"
    tail = f"systemctl enable --now {agent}\n"
    if carrier == "ec2-sed-package":
        # The package's own fluent-bit.conf (a cpu input to a stdout output), edited in place.
        edit = {"fb-log-level": "s/Log_Level    info/Log_Level    debug/",
                "fb-stdout-to-datadog": "s/Name  *stdout/Name datadog/"}[output]  # fmt: skip
        return f"{head}sed -i '{edit}' {file}\n{tail}"
    text = fluent_bit(output, "@COLLECTOR@" if "sed" in carrier else target) if agent == "fluent-bit" else None
    text = text or fluentd(output, target)
    if carrier in ("ec2-heredoc", "ecs-heredoc"):
        return f"{head}cat > {file} <<'EOF'\n{text}EOF\n{tail}"
    if carrier in ("ec2-install", "ecs-install"):
        return f"{head}install -D -m 0644 /dev/stdin {file} <<'EOF'\n{text}EOF\n{tail}"
    staged = "/tmp/" + file.rsplit("/", 1)[-1]
    if carrier in ("ec2-cp", "ec2-mv"):
        command = "cp -f" if carrier == "ec2-cp" else "mv -f"
        return f"{head}cat > {staged} <<'EOF'\n{text}EOF\nsudo {command} {staged} {file}\n{tail}"
    # ec2-sed-placeholder / ecs-sed-placeholder: a template written with a placeholder, filled in by sed.
    value = PARTNER if output == "fb-http-partner" else str(target)
    return f"{head}cat > {file} <<'EOF'\n{text}EOF\nsed -i \"s/@COLLECTOR@/{value}/\" {file}\n{tail}"


def aws_program(carrier: str, output: str) -> Build:
    def build(c: Any) -> object:
        target: Any = None
        if "own-nlb" in output:
            target = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                         opts=c.aws).dns_name  # fmt: skip
        if carrier == "ssm-fluentd":
            # The agent's configuration kept in Parameter Store, fetched at boot.
            text = pulumi.Output.from_input(target).apply(lambda t: fluentd(output, t))
            return aws.ssm.Parameter("td-agent-conf", name="/fleet/td-agent/conf", type="String", tier="Advanced",
                                     value=text, opts=c.aws)  # fmt: skip
        user_data = pulumi.Output.from_input(target).apply(lambda t: script(carrier, output, t))
        return aws.ec2.Instance(
            "app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
            user_data=user_data, opts=c.aws,
        )  # fmt: skip

    return build


def ali_program(carrier: str, output: str) -> Build:
    """Alibaba Cloud in cn-shanghai: an ECS instance whose shell user data writes the file."""

    def build(c: Any) -> object:
        target = "10.0.3.7" if carrier == "ecs-sed-placeholder" else None  # the placeholder's private value
        return alicloud.ecs.Instance(
            "app", image_id="aliyun_3_x64_20G_alibase_20240819.vhd", instance_type="ecs.g7.large",
            vswitch_id="vsw-uf6fleet0001", security_groups=["sg-uf6fleet0001"],
            user_data=script(carrier, output, target), opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"logplugins44-{code.lower()}-{carrier}-{out}", code, aws_program(carrier, out), expected(code, carrier, out),
         declared(code, carrier, out))
        for code in CODES
        for carrier, out in AWS_SHAPES
    ] + [
        (f"logplugins44-cn-ali-{carrier}-{out}", "CN", ali_program(carrier, out), expected("CN", carrier, out), [])
        for carrier, out in ALI_SHAPES
    ]  # fmt: skip
