"""Configuration file grammars in user data, round 1 (stop 53, issue 9, config53).

Reproduced on the unchanged engine (main at 45eea1d), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **Passed**, with a partner's host (``db.partner-analytics.com``) or a Region
abroad:

1. **Keyword lines without ``=``** (``redis-replica-*``, ``ssh-hostname-*``, ``msmtp-*``): redis.conf's ``replicaof
   <host> <port>`` (and ``slaveof``), an OpenSSH client configuration's ``HostName`` (``~/.ssh/config``,
   ``/etc/ssh/ssh_config.d/*.conf``) and msmtp's ``host``: a ``.conf`` file was read only for its ``key = value``
   lines. RES-015 now; the stack's own private address, ``replicaof no one``, ``HostName %h.fleet.internal`` and a
   ``ProxyJump`` to the file's own ``Host bastion`` pass.
2. **``key = value`` lines under a tool's own name** (``mail-relay-*``): Postfix main.cf's ``relayhost =
   [<partner>]:587`` (main.cf was no listed file; a bracketed name under a host key was not read) and ssmtp's
   ``mailhub=<partner>:587`` (no host key). RES-015 now; the home Region's SES SMTP endpoint (CN: the VPC's relay)
   passes.
3. **s3cmd's legacy ``bucket_location``** (``s3cfg-legacy-*``): ``US`` (s3cmd: no LocationConstraint, us-east-1) in
   EU / JP / CN and ``EU`` (the constraint S3 places in eu-west-1) in US passed (no Region shape). RES-009 now; the
   jurisdiction's own (``EU`` in EU, ``US`` in US, the home Region's name in JP / CN) passes.
4. **docker ``--log-opt``'s address keys** (``logopt-*``): ``--log-opt fluentd-address=<partner>:24224`` passed (only
   ``awslogs-region`` was read; a URL with a scheme was the scan's). RES-015 now; ``localhost:24224``, a UNIX socket
   and the home Region's ``awslogs-region`` pass.
5. **nginx one-liners** (``nginx-*``): ``location ~ \\.php$ { fastcgi_pass <partner>:9000; }`` and ``upstream api
   {server <partner>:443;}`` passed. RES-015 now; the same shapes with a UNIX socket and 127.0.0.1 pass.
6. **A Compose file's link and network aliases** (``compose-alias-*``): ``postgres://fleet@database:5432/fleet``
   beside ``links: ["db:database"]`` and ``http://search:9200`` beside a network's ``aliases: [search]`` were RES-015
   (a false alarm). They pass now; a link to a service the file does not define still names a host (RES-015, before
   too).
7. **Alibaba Cloud** (``ali-*``, CN / JP / DE; an ECS instance or launch template): redis.conf ``replicaof`` a
   partner (RES-015, passed), docker ``--log-opt fluentd-address`` a partner (RES-015, passed), and the own twin
   (the VPC's private addresses, a Compose link alias) passing.

tests/test_realistic_programs.py runs them as CASES (``config53-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs (the table's Alibaba provider pins each one's region)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own primary (Redis, a database, a backup host): a private address in the VPC."""
PRIVATE_RELAY = "10.0.3.25"
"""The fleet's own mail relay in the VPC (CN: SES has no SMTP endpoint in the China Regions)."""
S3CFG_ABROAD = {"EU": "US", "US": "EU", "JP": "US", "CN": "US"}
"""s3cmd's legacy ``bucket_location`` naming a Region outside each jurisdiction (US: us-east-1; EU: eu-west-1)."""
S3CFG_HOME = {"EU": "EU", "US": "US", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The same setting at home: the legacy name where it is the home Region's, the Region's own name elsewhere."""
AWS_EXPECTED = {
    "redis-replica-partner": {"RES-015"},
    "redis-replica-own": set(),
    "ssh-hostname-partner": {"RES-015"},
    "ssh-hostname-own": set(),
    "msmtp-partner": {"RES-015"},
    "mail-relay-partner": {"RES-015"},
    "mail-relay-own": set(),
    "s3cfg-legacy-abroad": {"RES-009"},
    "s3cfg-legacy-home": set(),
    "logopt-fluentd-partner": {"RES-015"},
    "logopt-own": set(),
    "nginx-location-partner": {"RES-015"},
    "nginx-brace-partner": {"RES-015"},
    "nginx-own": set(),
    "compose-alias-own": set(),
    "compose-alias-undefined": {"RES-015"},
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"ssh-hostname-partner", "ssh-hostname-own", "s3cfg-legacy-home", "nginx-own"})
"""The shapes made as a launch template (base64 user data)."""
ALI_EXPECTED = {"ali-redis-replica-partner": {"RES-015"}, "ali-logopt-partner": {"RES-015"}, "ali-own": set()}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def redis_conf(primary: str) -> str:
    """A Redis replica's redis.conf (redis.io "Redis replication": ``replicaof <masterip> <masterport>``)."""
    return (
        "cat > /etc/redis/redis.conf <<'EOF'\nbind 0.0.0.0\nport 6379\nprotected-mode yes\n"
        f"replicaof {primary} 6379\nmasterauth ${{REDIS_PASSWORD}}\nreplica-read-only yes\ndir /var/lib/redis\nEOF\n"
        "systemctl restart redis\n"
    )


def ssh_config(host: str) -> str:
    """The nightly backup's OpenSSH client configuration (ssh_config(5): ``Host`` alias, ``HostName``)."""
    own = host == PRIVATE_DB
    jump = "  ProxyJump fleet@bastion:22\n" if own else ""
    extra = "Host bastion\n  HostName 10.0.1.5\nHost *.fleet\n  HostName %h.fleet.internal\n" if own else ""
    return (
        "mkdir -p /root/.ssh\ncat > /root/.ssh/config <<'EOF'\nHost backup\n"
        f"  HostName {host}\n  User fleet\n  IdentityFile /root/.ssh/backup_ed25519\n{jump}{extra}EOF\n"
        "echo '30 2 * * * root rsync -a /var/lib/fleet/ backup:/srv/fleet/' > /etc/cron.d/fleet-backup\n"
    )


def mail_relay(host: str) -> list[str]:
    """Postfix relaying the host's mail (postconf(5) ``relayhost = [host]:port``) and ssmtp's ``mailhub``, as the
    lines of an SSM Command document."""
    return [
        "dnf install -y postfix cyrus-sasl-plain",
        "cat >> /etc/postfix/main.cf <<'EOF'",
        f"relayhost = [{host}]:587",
        "smtp_sasl_auth_enable = yes",
        "smtp_tls_security_level = encrypt",
        "EOF",
        "cat > /etc/ssmtp/ssmtp.conf <<'EOF'",
        f"mailhub={host}:587",
        "UseSTARTTLS=YES",
        "EOF",
        "systemctl restart postfix",
    ]


def own_relay(code: str) -> str:
    """The home Region's SES SMTP endpoint (SES "Connecting to an Amazon SES SMTP endpoint"); in CN the VPC's relay."""
    return PRIVATE_RELAY if code == "CN" else f"email-smtp.{AWS_HOME[code]}.amazonaws.com"


def msmtp_cloud_config(host: str) -> str:
    """A cloud-config writing msmtp's system configuration (msmtp manual: ``host`` "The SMTP server to send the mail
    to")."""
    content = f"account default\nhost {host}\nport 587\ntls on\nauth on\nuser fleet\nfrom fleet@fleet.internal\n"
    indented = "".join(f"      {line}\n" for line in content.splitlines())
    return (
        "#cloud-config\npackages: [msmtp]\nwrite_files:\n  - path: /etc/msmtprc\n    permissions: '0600'\n"
        f"    content: |\n{indented}"
    )


def s3cfg(location: str) -> str:
    """s3cmd's configuration (``~/.s3cfg``: ``bucket_location``, the Region a bucket is made in)."""
    return f"cat > /root/.s3cfg <<'EOF'\n[default]\nbucket_location = {location}\nuse_https = True\nEOF\ns3cmd ls\n"


def logopt(code: str, shape: str) -> str:
    """The app's container started with a log driver's options (docker run ``--log-opt``)."""
    if shape == "logopt-fluentd-partner":
        return (
            "docker run -d --name fleet --log-driver fluentd "
            f"--log-opt fluentd-address={PARTNER_DB}:24224 --log-opt tag=fleet.app fleet/app:1.4\n"
        )
    return (
        "docker run -d --name fleet --log-driver fluentd --log-opt fluentd-address=localhost:24224 fleet/app:1.4\n"
        "docker run -d --name worker --log-driver syslog --log-opt syslog-address=unixgram:///dev/log fleet/worker\n"
        f"docker run -d --name jobs --log-driver awslogs --log-opt awslogs-region={AWS_HOME[code]} "
        "--log-opt awslogs-group=/fleet/jobs fleet/jobs:1.4\n"
    )


def nginx(shape: str) -> str:
    """An nginx server whose directives are written on one line with their block (nginx "Configuration File's
    Structure")."""
    if shape == "nginx-location-partner":
        body = (
            "server {\n    listen 80;\n    root /var/www/fleet;\n"
            f"    location ~ \\.php$ {{ fastcgi_pass {PARTNER_DB}:9000; include fastcgi_params; }}\n}}\n"
        )
    elif shape == "nginx-brace-partner":
        body = (
            f"upstream api {{server {PARTNER_DB}:443;}}\n"
            "server { listen 80; location / { proxy_pass https://api; } }\n"
        )
    else:
        body = (
            "upstream php {server unix:/run/php-fpm/www.sock;}\n"
            "server { listen 80; location ~ \\.php$ { fastcgi_pass 127.0.0.1:9000; } "
            "location /app{ proxy_pass http://php; } }\n"
        )
    return f"cat > /etc/nginx/conf.d/fleet.conf <<'EOF'\n{body}EOF\nsystemctl reload nginx\n"


def compose(shape: str) -> str:
    """The fleet's Compose file: the app reaches its database by a link alias and its search by a network alias
    (Compose file reference, ``links``, ``networks.aliases``)."""
    link = '["db:database"]' if shape != "compose-alias-undefined" else '["db"]'
    return (
        "mkdir -p /opt/fleet\ncat > /opt/fleet/docker-compose.yml <<'EOF'\nservices:\n  app:\n"
        "    image: fleet/app:1.4\n    environment:\n      DATABASE_URL: postgres://fleet@database:5432/fleet\n"
        f"      SEARCH_URL: http://search:9200\n    links: {link}\n    networks: [backend]\n"
        "  db:\n    image: postgres:16\n    networks: [backend]\n"
        "  opensearch:\n    image: opensearchproject/opensearch:2\n    networks:\n      backend:\n"
        "        aliases: [search]\nnetworks:\n  backend: {}\nEOF\n"
        "docker compose -f /opt/fleet/docker-compose.yml up -d\n"
    )


def _user_data(code: str, shape: str) -> str:
    if shape.startswith("redis-"):
        body = redis_conf(PARTNER_DB if shape.endswith("partner") else PRIVATE_DB)
    elif shape.startswith("ssh-"):
        body = ssh_config(PARTNER_DB if shape.endswith("partner") else PRIVATE_DB)
    elif shape.startswith("s3cfg-"):
        body = s3cfg(S3CFG_ABROAD[code] if shape.endswith("abroad") else S3CFG_HOME[code])
    elif shape.startswith("logopt-"):
        body = logopt(code, shape)
    elif shape.startswith("nginx-"):
        body = nginx(shape)
    else:
        body = compose(shape)
    return f"#!/bin/bash\nset -euo pipefail\n{body}"


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("mail-relay-"):
            host = PARTNER_DB if shape.endswith("partner") else own_relay(code)
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            content = {
                "schemaVersion": "2.2",
                "description": "Relay the fleet's mail",
                "mainSteps": [
                    {"action": "aws:runShellScript", "name": "relay", "inputs": {"runCommand": mail_relay(host)}}
                ],
            }
            return aws.ssm.Document("fleet-mail", document_type="Command", content=json.dumps(content), opts=c.aws)
        if shape == "msmtp-partner":
            # docs: ec2/launchtemplate (user_data, base64); cloud-init write_files (path, permissions, content)
            encoded = base64.b64encode(msmtp_cloud_config(PARTNER_DB).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=encoded,
                                          opts=c.aws)  # fmt: skip
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
    """A Redis replica of a partner's primary, a container logging to a partner's Fluentd, and the own twin (the
    VPC's primary and collector, the Compose file's link alias)."""
    if shape == "ali-redis-replica-partner":
        return f"#!/bin/bash\n{redis_conf(PARTNER_DB)}"
    if shape == "ali-logopt-partner":
        return f"#!/bin/bash\n{logopt('CN', 'logopt-fluentd-partner')}"
    return (
        f"#!/bin/bash\n{redis_conf('192.168.0.12')}"
        "docker run -d --log-driver fluentd --log-opt fluentd-address=192.168.0.20:24224 fleet/app:1.4\n"
        f"{compose('compose-alias-own')}"
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
        p = f"config53-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"config53-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_EXPECTED.items()]
    return out
