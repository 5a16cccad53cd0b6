"""Configuration file grammars in user data, round 2 (stop 54, issue 9, config54).

Reproduced on the unchanged engine (main at 51ca59f), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **Passed**, with a partner's host (``db.partner-analytics.com``):

1. **Redis Sentinel** (``sentinel-*``): sentinel.conf's ``sentinel monitor <name> <host> <port> <quorum>`` (no ``=``,
   no catalogued keyword; the host is the argument after the master's name). RES-015 now; the VPC's primary passes.
2. **rsyslog forwarding** (``rsyslog-*``): a legacy ``*.* @@<partner>:514`` line and a RainerScript
   ``action(type="omfwd" target="<partner>" ...)`` across lines, in an SSM Command document. RES-015 now; the VPC's
   collector (a target pool of private addresses, a legacy ``@`` to one) passes.
3. **syslog-ng** (``syslogng-*``): ``destination d_net { network("<partner>" port(514)); };``. RES-015 now; a
   ``network(ip(0.0.0.0))`` source (where it listens) and a private destination pass.
4. **stunnel and HAProxy** (``tunnel-*``): stunnel's ``connect = <partner>:6380`` (no host key) and HAProxy's
   ``server-template srv 3 <partner>:5432`` (``server`` was read as an INI host key, ``server-template`` not). RES-015
   now; ``connect = 6379`` (localhost), a private ``connect``, ``server db1 ipv4@10.0.3.9:5432`` and ``server s unix@``
   a socket pass.
5. **ssh** (``ssh-*``): a client configuration read with ``ssh -F FILE`` (``/opt/backup/ssh.conf``: no listed path)
   whose ``HostName`` is a partner's, and ``ProxyCommand ssh -W %h:%p ops@<partner>`` in ``~/.ssh/config``. RES-015
   now. **False alarms**: ``ssh -F FILE fleet@backup.fleet`` beside that file's ``Host backup.fleet`` / ``HostName
   10.0.3.9``, and a cloud-config's ``write_files`` ssh configuration with ``runcmd`` ``ssh fleet@backup.fleet``, were
   RES-015 (the alias judged as a host); they pass now.
6. **The machine itself** (``machine-own``, a **false alarm**): ``host.containers.internal`` /
   ``host.docker.internal`` (the names Podman adds to every container's /etc/hosts for its host) in a Podman
   container's settings, and ``curl --unix-socket /run/podman/podman.sock http://d/...`` (a local socket: curl resolves
   no host) were RES-015; they pass now. (Docker's ``host.docker.internal`` passes where ``--add-host
   NAME:host-gateway`` maps it, since falsealarm53; Docker adds no such name itself.)
7. **Log shippers** (``shipper-*``): Filebeat's ``output.logstash: {hosts: ["<partner>:5044"]}`` and a Vector YAML
   sink's ``address: <partner>:6000`` (``hosts`` and ``address`` no host keys). RES-015 now; the VPC's collector and a
   source's listen ``address: 0.0.0.0:9000`` pass.
8. **Pinned** (``pinned-*``, the same verdicts before and after): a Fluent Bit ``[OUTPUT]`` ``Host <partner>`` and a
   restic repository ``s3:https://<partner>/fleet-backup`` were already RES-015 (the log-router reader, the URL scan);
   restic's ``s3:s3.<home Region>.amazonaws.com/...`` passes.
9. **Alibaba Cloud** (``ali-*``, CN / JP / DE; an ECS instance or launch template): sentinel.conf and rsyslog naming a
   partner (RES-015, passed), and the own twin (the VPC's private addresses, Podman's ``host.containers.internal``)
   passing.

tests/test_realistic_programs.py runs them as CASES (``config54-*``).
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
"""The jurisdictions of the Alibaba Cloud programs (the table's Alibaba provider pins each one's region)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own primary (Redis, a database, a backup host): a private address in the VPC."""
PRIVATE_LOGS = "10.0.3.20"
"""The fleet's own log collector in the VPC."""
S3_SUFFIX = {"EU": "amazonaws.com", "US": "amazonaws.com", "JP": "amazonaws.com", "CN": "amazonaws.com.cn"}
"""The S3 endpoint's DNS suffix in each jurisdiction's partition."""
HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""Each jurisdiction's home Region."""
AWS_EXPECTED = {
    "sentinel-partner": {"RES-015"},
    "sentinel-own": set(),
    "rsyslog-partner": {"RES-015"},
    "rsyslog-own": set(),
    "syslogng-partner": {"RES-015"},
    "syslogng-own": set(),
    "tunnel-partner": {"RES-015"},
    "tunnel-own": set(),
    "ssh-file-partner": {"RES-015"},
    "ssh-proxycommand-partner": {"RES-015"},
    "ssh-own": set(),
    "ssh-cloud-config-own": set(),
    "machine-own": set(),
    "shipper-partner": {"RES-015"},
    "shipper-own": set(),
    "pinned-partner": {"RES-015"},
    "pinned-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"syslogng-partner", "syslogng-own", "ssh-cloud-config-own", "tunnel-own", "shipper-own"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"rsyslog-partner", "rsyslog-own"})
"""The shapes made as an SSM Command document."""
ALI_EXPECTED = {"ali-sentinel-partner": {"RES-015"}, "ali-rsyslog-partner": {"RES-015"}, "ali-own": set()}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def sentinel_conf(primary: str) -> str:
    """A Redis Sentinel watching the fleet's primary (redis.io "High availability with Redis Sentinel": ``sentinel
    monitor <master-name> <ip> <redis-port> <quorum>``)."""
    return (
        "cat > /etc/redis/sentinel.conf <<'EOF'\nport 26379\nsentinel resolve-hostnames yes\n"
        f"sentinel monitor fleet {primary} 6379 2\nsentinel down-after-milliseconds fleet 5000\n"
        "sentinel failover-timeout fleet 60000\nEOF\nsystemctl restart redis-sentinel\n"
    )


def rsyslog_lines(host: str, own: bool) -> list[str]:
    """rsyslog forwarding the host's logs (rsyslog omfwd: ``action(type="omfwd" target=...)``, a target pool; the
    legacy ``@@host:port`` TCP / ``@host`` UDP action), as the lines of an SSM Command document."""
    target = '["10.0.3.20", "10.0.3.21"]' if own else f'"{host}"'
    return [
        "cat > /etc/rsyslog.d/60-forward.conf <<'EOF'",
        'module(load="imfile")',
        '*.* action(type="omfwd"',
        f'       target={target} port="514" protocol="tcp"',
        '       queue.type="linkedList")',
        "EOF",
        "cat > /etc/rsyslog.d/50-auth.conf <<'EOF'",
        f"auth,authpriv.* @@{host}:514" if not own else "auth,authpriv.* @10.0.3.20",
        "EOF",
        "systemctl restart rsyslog",
    ]


def syslog_ng(host: str) -> str:
    """syslog-ng sending to the collector (syslog-ng OSE guide, ``network()`` destination); its source listens on
    every interface (``network(ip(0.0.0.0))``)."""
    return (
        "cat > /etc/syslog-ng/conf.d/fleet.conf <<'EOF'\n"
        'source s_net { network(ip(0.0.0.0) port(601) transport("tcp")); };\n'
        f'destination d_central {{\n    network("{host}" port(6514) transport("tls")\n'
        '        tls(ca-dir("/etc/syslog-ng/ca.d")));\n};\n'
        "log { source(s_src); source(s_net); destination(d_central); };\nEOF\nsystemctl restart syslog-ng\n"
    )


def tunnel(own: bool) -> str:
    """stunnel wrapping the Redis replica's link in TLS (stunnel(8) ``connect = [host:]port``) and HAProxy balancing
    the database (HAProxy configuration manual 5.1 ``server``, 5.3 ``server-template``)."""
    connect = (
        f"connect = {PRIVATE_DB}:6380\n[local]\naccept = 127.0.0.1:6390\nconnect = 6379\n"
        if own
        else f"connect = {PARTNER_DB}:6380\n"
    )
    servers = (
        f"    server db1 ipv4@{PRIVATE_DB}:5432 check\n    server local unix@/run/pgbouncer.sock\n"
        if own
        else f"    server-template db 3 {PARTNER_DB}:5432 check resolvers dns\n"
    )
    return (
        "cat > /etc/stunnel/redis.conf <<'EOF'\n[redis]\nclient = yes\naccept = 127.0.0.1:6379\n"
        f"{connect}EOF\n"
        "cat > /etc/haproxy/haproxy.cfg <<'EOF'\nglobal\n    log 127.0.0.1 local0\ndefaults\n    mode tcp\n"
        f"frontend pg\n    bind *:5432\n    default_backend db\nbackend db\n{servers}EOF\n"
        "systemctl restart stunnel haproxy\n"
    )


def ssh_shape(shape: str) -> str:
    """The nightly backup reaching its host over ssh: a configuration given with ``ssh -F`` (ssh(1)), or a
    ``ProxyCommand`` (ssh_config(5))."""
    if shape == "ssh-proxycommand-partner":
        return (
            "mkdir -p /root/.ssh\ncat > /root/.ssh/config <<'EOF'\nHost backup\n"
            f"  HostName {PRIVATE_DB}\n  ProxyCommand ssh -W %h:%p ops@{PARTNER_DB}\nEOF\n"
            "rsync -a /var/lib/fleet/ backup:/srv/fleet/\n"
        )
    host, alias = (PARTNER_DB, "backup") if shape == "ssh-file-partner" else (PRIVATE_DB, "backup.fleet")
    jump = "" if shape == "ssh-file-partner" else "  ProxyCommand ssh -W %h:%p fleet@10.0.1.5\n"
    return (
        f"cat > /opt/backup/ssh.conf <<'EOF'\nHost {alias}\n  HostName {host}\n  User fleet\n"
        f"  IdentityFile /opt/backup/id_ed25519\n{jump}EOF\n"
        f"ssh -F /opt/backup/ssh.conf fleet@{alias} 'mkdir -p /srv/fleet'\n"
        f"rsync -e 'ssh -F /opt/backup/ssh.conf' -a /var/lib/fleet/ fleet@{alias}:/srv/fleet/\n"
    )


def ssh_cloud_config() -> str:
    """A cloud-config writing the backup's ssh client configuration (cloud-init ``write_files``) and running it
    (``runcmd``)."""
    return (
        "#cloud-config\nwrite_files:\n  - path: /root/.ssh/config\n    permissions: '0600'\n    content: |\n"
        f"      Host backup.fleet\n        HostName {PRIVATE_DB}\n        User fleet\n"
        "runcmd:\n  - ssh fleet@backup.fleet 'mkdir -p /srv/fleet'\n"
        "  - rsync -a /var/lib/fleet/ fleet@backup.fleet:/srv/fleet/\n"
    )


def machine() -> str:
    """The fleet's exporter in a Podman container reaching services on its own host (``host.containers.internal``,
    which Podman adds to every container's /etc/hosts), and Podman's API through its socket (curl ``--unix-socket``)."""
    return (
        "mkdir -p /opt/fleet\ncat > /opt/fleet/exporter.json <<'EOF'\n"
        '{"db_host": "host.containers.internal", "scrape_url": "http://host.docker.internal:9100/metrics"}\nEOF\n'
        "podman run -d --name exporter -v /opt/fleet:/etc/fleet:Z "
        "-e DB_URL=postgres://fleet@host.containers.internal:5432/fleet fleet/exporter:2.1\n"
        "curl -s --unix-socket /run/podman/podman.sock http://d/v4.0.0/libpod/containers/json | jq length\n"
    )


def shipper(host: str) -> str:
    """Filebeat shipping to Logstash (``output.logstash.hosts``) and Vector sending to an aggregator (a ``vector``
    sink's ``address``), each beside an input that listens on every interface."""
    return (
        "cat > /etc/filebeat/filebeat.yml <<'EOF'\nfilebeat.inputs:\n  - type: filestream\n    id: fleet\n"
        f'    paths: [/var/log/fleet/*.log]\noutput.logstash:\n  hosts: ["{host}:5044"]\n  ssl.enabled: true\nEOF\n'
        "cat > /etc/vector/vector.yaml <<'EOF'\nsources:\n  journal:\n    type: journald\n  metrics_in:\n"
        "    type: socket\n    mode: tcp\n    address: 0.0.0.0:9000\nsinks:\n  aggregator:\n    type: vector\n"
        f"    inputs: [journal, metrics_in]\n    address: {host}:6000\nEOF\nsystemctl restart filebeat vector\n"
    )


def pinned(code: str, own: bool) -> str:
    """A Fluent Bit output and a restic backup (restic "Preparing a new repository", Amazon S3: ``s3:s3.<region>.
    amazonaws.com/bucket``), the verdicts the log-router reader and the URL scan gave before this round."""
    if own:
        return (
            f"export RESTIC_REPOSITORY=s3:s3.{HOME[code]}.{S3_SUFFIX[code]}/fleet-backup\n"
            "restic backup /var/lib/fleet\n"
            "cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'\n[OUTPUT]\n    Name  forward\n    Match *\n"
            f"    Host  {PRIVATE_LOGS}\n    Port  24224\nEOF\n"
        )
    return (
        f"restic -r s3:https://{PARTNER_DB}/fleet-backup backup /var/lib/fleet\n"
        "cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'\n[OUTPUT]\n    Name  forward\n    Match *\n"
        f"    Host  {PARTNER_DB}\n    Port  24224\nEOF\n"
    )


def _user_data(code: str, shape: str) -> str:
    own = shape.endswith("own")
    if shape.startswith("sentinel-"):
        body = sentinel_conf(PRIVATE_DB if own else PARTNER_DB)
    elif shape.startswith("syslogng-"):
        body = syslog_ng(PRIVATE_LOGS if own else PARTNER_DB)
    elif shape.startswith("tunnel-"):
        body = tunnel(own)
    elif shape == "ssh-cloud-config-own":
        return ssh_cloud_config()
    elif shape.startswith("ssh-"):
        body = ssh_shape(shape)
    elif shape == "machine-own":
        body = machine()
    elif shape.startswith("shipper-"):
        body = shipper(PRIVATE_LOGS if own else PARTNER_DB)
    else:
        body = pinned(code, own)
    return f"#!/bin/bash\nset -euo pipefail\n{body}"


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape in DOCUMENT:
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            lines = rsyslog_lines(PARTNER_DB, own=shape.endswith("own"))
            content = {
                "schemaVersion": "2.2",
                "description": "Forward the fleet's logs",
                "mainSteps": [{"action": "aws:runShellScript", "name": "forward", "inputs": {"runCommand": lines}}],
            }
            return aws.ssm.Document("fleet-logs", document_type="Command", content=json.dumps(content), opts=c.aws)
        user_data = _user_data(code, shape)
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
    """A Sentinel watching a partner's primary, rsyslog forwarding to a partner's collector, and the own twin (the
    VPC's primary and collector, a Podman container reaching its host)."""
    if shape == "ali-sentinel-partner":
        return f"#!/bin/bash\n{sentinel_conf(PARTNER_DB)}"
    if shape == "ali-rsyslog-partner":
        return "#!/bin/bash\n" + "\n".join(rsyslog_lines(PARTNER_DB, own=False)) + "\n"
    return (
        f"#!/bin/bash\n{sentinel_conf('192.168.0.12')}" + "\n".join(rsyslog_lines("", own=True)) + "\n"
        "podman run -d -e DB_HOST=host.containers.internal fleet/app:1.4\n"
    )


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
        p = f"config54-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"config54-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_EXPECTED.items()]
    return out
