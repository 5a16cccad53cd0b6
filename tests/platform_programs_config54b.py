"""Configuration file grammars in user data, round 3 (stop 54, issue 9, config54b).

Reproduced on the unchanged engine (main at 0bf4fb9), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **Passed**, with a partner's host (``db.partner-analytics.com``) or a public
resolver (``8.8.8.8``):

1. **rsyslog** (``relp-*``): omrelp's legacy action ``*.* :omrelp:<partner>:2514;RSYSLOG_ForwardFormat`` and omkafka's
   ``action(type="omkafka" broker=["<partner>:9092"])`` (an array: only a quoted string was caught by the text scan).
   RES-015 now; the VPC's collector passes.
2. **syslog-ng** (``failover-*``): ``network("10.0.3.20" failover(servers("<partner>")))``: the failover server was
   not read (only the driver's first argument). RES-015 now; a private failover server passes.
3. **cloud-init ``write_files``** (``writefiles-*``): filebeat.yml's ``output.logstash.hosts`` and a Vector sink's
   ``address`` written by a cloud-config (read there by shape, not by the files' own names). RES-015 now; the VPC's
   collector passes.
4. **rclone** (``rclone-*``): an S3 remote of ``provider = AWS`` with neither ``region`` nor ``endpoint`` (rclone's
   documented default, us-east-1). RES-009 now in EU / JP / CN; it passes in US (its home Region). The twin writes the
   home Region, and a Ceph remote of ``region = other-v2-signature`` with a private ``endpoint`` (no Region: passes).
5. **Redis** (``redis-*``): ``redis-cli CONFIG SET replicaof "<partner> 6379"``, a mixed-case ``ReplicaOf``,
   ``redis-server --replicaof "<partner> 6379"`` (one quoted argument), ``printf 'replicaof %s 6379\\n' <partner> >>
   redis.conf`` and ``sed -i '$a replicaof <partner> 6379' /etc/redis/redis.conf`` (the package's file: its content is
   not known). RES-015 now; each with the VPC's primary passes.
6. **Postfix** (``postfix-*``): ``postconf -e 'relayhost = [<partner>]:587'`` and a main.cf ``relayhost =`` continued
   on an indented line. RES-015 now; the VPC's relay passes.
7. **Resolvers** (``*-resolver-public``, ``*-dns-public``): nginx ``resolver 8.8.8.8 valid=30s;``, a Compose
   ``dns: [8.8.8.8]`` and ``docker run --dns 8.8.8.8``: judged as a resolv.conf ``nameserver`` was (every name the
   machine looks up goes there). RES-015 now; the VPC's resolver (169.254.169.253) and a loopback one pass.
8. **Pinned** (``pinned-*``, the same verdicts before and after): a Vector Kafka sink's ``bootstrap_servers`` and an
   Elasticsearch sink's scheme-less ``endpoints`` naming a partner (RES-015 by the text scan), a redis.conf
   ``ReplicaOf <partner> 6379`` (RES-015 by the ``words`` reader, case-insensitive); their private twins pass.
9. **Alibaba Cloud** (``ali-*``, CN / JP / DE; an ECS instance or launch template): ``CONFIG SET replicaof``,
   ``postconf -e`` and nginx's ``resolver`` naming a partner or a public resolver (RES-015, passed), and the own twin
   (the VPC's addresses, Alibaba Cloud's resolver 100.100.2.136) passing.

tests/test_realistic_programs.py runs them as CASES (``config54b-*``).
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
"""The fleet's machine image."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own Redis primary in the VPC."""
PRIVATE_LOGS = "10.0.3.20"
"""The fleet's own log collector in the VPC."""
PRIVATE_RELAY = "10.0.3.25"
"""The fleet's own mail relay in the VPC."""
PUBLIC_RESOLVER = "8.8.8.8"
"""A public DNS resolver."""
AWS_RESOLVER = "169.254.169.253"
"""The Amazon DNS server's link-local address in every VPC."""
HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""Each jurisdiction's home Region."""
REFUSED = {"RES-015"}
AWS_SHAPES = (
    "relp-partner",
    "relp-own",
    "failover-partner",
    "failover-own",
    "writefiles-partner",
    "writefiles-own",
    "rclone-default",
    "rclone-home",
    "redis-runtime-partner",
    "redis-mixedcase-partner",
    "redis-quoted-partner",
    "redis-appended-partner",
    "redis-sed-partner",
    "redis-own",
    "postconf-partner",
    "postfix-continued-partner",
    "postfix-own",
    "nginx-resolver-public",
    "compose-dns-public",
    "docker-dns-public",
    "resolver-own",
    "pinned-partner",
    "pinned-own",
)
"""The AWS shapes (a ``-partner`` / ``-public`` one is RES-015, ``rclone-default`` RES-009 outside US)."""
ENCODED = frozenset({"failover-partner", "failover-own", "writefiles-partner", "writefiles-own", "redis-own"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"redis-runtime-partner", "postconf-partner", "resolver-own"})
"""The shapes made as an SSM Command document."""
ALI_SHAPES = {"ali-redis-partner": REFUSED, "ali-postconf-partner": REFUSED, "ali-resolver-public": REFUSED,
              "ali-own": set()}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def aws_expected(code: str, shape: str) -> set[str]:
    """The verdict of an AWS shape in a jurisdiction."""
    if shape == "rclone-default":
        return set() if code == "US" else {"RES-009"}  # us-east-1, rclone's default, is the US stack's home
    return REFUSED if shape.endswith(("-partner", "-public")) else set()


def rsyslog(host: str) -> str:
    """rsyslog relaying over RELP (omrelp's legacy action, "*.* :omrelp:centralserv:2514;RSYSLOG_ForwardFormat") and
    to Kafka (omkafka ``broker``: "Specifies the broker(s) to use", an array)."""
    return (
        "cat > /etc/rsyslog.d/60-relp.conf <<'EOF'\n$ModLoad omrelp\n"
        f"*.* :omrelp:{host}:2514;RSYSLOG_ForwardFormat\nEOF\n"
        "cat > /etc/rsyslog.d/70-kafka.conf <<'EOF'\nmodule(load=\"omkafka\")\n"
        f'local0.* action(type="omkafka" topic="fleet-logs" broker=["{host}:9092"]\n'
        '         confParam=["compression.codec=snappy"])\nEOF\nsystemctl restart rsyslog\n'
    )


def syslog_ng(failover: str) -> str:
    """syslog-ng sending to the VPC's collector with a failover server (syslog-ng OSE guide, "Client-side failover":
    ``failover(servers(...))``)."""
    return (
        "cat > /etc/syslog-ng/conf.d/fleet.conf <<'EOF'\n"
        "destination d_central {\n"
        f'    network("{PRIVATE_LOGS}" port(6514) transport("tcp")\n'
        f'        failover( servers("{failover}", "10.0.3.21") failback(successful-probes-required(3))));\n'
        "};\nlog { source(s_src); destination(d_central); };\nEOF\nsystemctl restart syslog-ng\n"
    )


def write_files(host: str) -> str:
    """A cloud-config writing Filebeat's and Vector's configuration (cloud-init ``write_files``) and starting them."""
    return (
        "#cloud-config\nwrite_files:\n  - path: /etc/filebeat/filebeat.yml\n    permissions: '0644'\n    content: |\n"
        "      filebeat.inputs:\n        - type: filestream\n          id: fleet\n"
        "          paths: [/var/log/fleet/*.log]\n"
        f'      output.logstash:\n        hosts: ["{host}:5044"]\n'
        "  - path: /etc/vector/vector.yaml\n    content: |\n      sources:\n        journal:\n"
        "          type: journald\n"
        "      sinks:\n        aggregator:\n          type: vector\n          inputs: [journal]\n"
        f"          address: {host}:6000\n"
        "runcmd:\n  - systemctl enable --now filebeat vector\n"
    )


def rclone(code: str, shape: str) -> str:
    """An rclone S3 remote (rclone "Amazon S3 Storage Providers": ``region`` "us-east-1: The default endpoint")."""
    if shape == "rclone-default":
        remote = "[backup]\ntype = s3\nprovider = AWS\nenv_auth = true\nacl = private\n"
    else:
        remote = (
            f"[backup]\ntype = s3\nprovider = AWS\nenv_auth = true\nregion = {HOME[code]}\n\n"
            "[ceph]\ntype = s3\nprovider = Ceph\nregion = other-v2-signature\nendpoint = http://10.0.3.30:7480\n"
        )
    return (
        f"mkdir -p /root/.config/rclone\ncat > /root/.config/rclone/rclone.conf <<'EOF'\n{remote}EOF\n"
        "rclone sync /var/lib/fleet backup:fleet-backup-nightly\n"
    )


def redis(shape: str, host: str) -> str:
    """A Redis replica of the fleet's primary, set each way a script sets it."""
    lines = {
        "redis-runtime-partner": f'redis-cli -h 127.0.0.1 CONFIG SET replicaof "{host} 6379"\n',
        "redis-mixedcase-partner": f"redis-cli -h 127.0.0.1 ReplicaOf {host} 6379\n",
        "redis-quoted-partner": f'redis-server /etc/redis/redis.conf --daemonize yes --replicaof "{host} 6379"\n',
        "redis-appended-partner": f"printf 'replicaof %s 6379\\n' {host} >> /etc/redis/redis.conf\n",
        "redis-sed-partner": f"sed -i '$a replicaof {host} 6379' /etc/redis/redis.conf\n",
    }
    body = "".join(lines.values()) if shape == "redis-own" else lines[shape]
    return f"dnf install -y redis6\n{body}systemctl restart redis6\n"


def postfix(shape: str, relay: str) -> str:
    """Postfix relaying through a smart host (postconf(5) ``relayhost``), set with ``postconf -e`` or in main.cf."""
    if shape == "postconf-partner":
        return (
            f"postconf -e 'relayhost = [{relay}]:587' 'smtp_tls_security_level = encrypt'\nsystemctl reload postfix\n"
        )
    return (
        "cat > /etc/postfix/main.cf <<'EOF'\nmyhostname = fleet.internal\nsmtp_tls_security_level = encrypt\n"
        f"relayhost =\n    [{relay}]:587\nEOF\n"
        + ("" if shape != "postfix-own" else f"postconf -e relayhost=[{relay}]:587\n")
        + "systemctl reload postfix\n"
    )


def resolvers(shape: str, resolver: str) -> str:
    """nginx's ``resolver``, a Compose service's ``dns`` and ``docker run --dns``."""
    nginx = (
        "cat > /etc/nginx/conf.d/api.conf <<'EOF'\nserver {\n    listen 80;\n"
        f"    resolver {resolver} valid=30s ipv6=off;\n    resolver_timeout 5s;\n"
        "    location / { proxy_pass http://10.0.3.40:8080; }\n}\nEOF\n"
    )
    compose = (
        "cat > /opt/fleet/docker-compose.yml <<'EOF'\nservices:\n  api:\n    image: fleet/api:3.2\n"
        f"    dns:\n      - {resolver}\n    environment:\n      DB_HOST: db\n  db:\n    image: postgres:16\nEOF\n"
    )
    docker = f"docker run -d --name exporter --dns {resolver} fleet/exporter:2.1\n"
    if shape == "nginx-resolver-public":
        return nginx
    if shape == "compose-dns-public":
        return compose
    if shape == "docker-dns-public":
        return docker
    return nginx.replace(f"resolver {resolver}", f"resolver {resolver} 127.0.0.53:53") + compose + docker


def pinned(host: str) -> str:
    """A Vector Kafka and Elasticsearch sink, and a redis.conf written with a mixed-case keyword."""
    return (
        "cat > /etc/vector/vector.yaml <<'EOF'\nsinks:\n  kafka:\n    type: kafka\n    inputs: [journal]\n"
        f"    bootstrap_servers: {host}:9092\n    topic: fleet\n  search:\n    type: elasticsearch\n"
        f'    inputs: [journal]\n    endpoints: ["{host}:9200"]\nEOF\n'
        f"cat > /etc/redis/redis.conf <<'EOF'\nbind 0.0.0.0\nReplicaOf {host} 6379\nEOF\n"
    )


def _body(code: str, shape: str) -> str:
    own = shape.endswith("-own") or shape == "rclone-home"
    host = PRIVATE_DB if own else PARTNER_DB
    if shape.startswith("relp-"):
        return rsyslog(PRIVATE_LOGS if own else PARTNER_DB)
    if shape.startswith("failover-"):
        return syslog_ng("10.0.4.20" if own else PARTNER_DB)
    if shape.startswith("rclone-"):
        return rclone(code, shape)
    if shape.startswith("redis-"):
        return redis(shape, host)
    if shape.startswith(("postconf-", "postfix-")):
        return postfix(shape, PRIVATE_RELAY if own else PARTNER_DB)
    if shape.startswith("pinned-"):
        return pinned(host)
    return resolvers(shape, AWS_RESOLVER if own else PUBLIC_RESOLVER)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("writefiles-"):
            user_data = write_files(PRIVATE_LOGS if shape.endswith("own") else PARTNER_DB)
        else:
            user_data = f"#!/bin/bash\nset -euo pipefail\n{_body(code, shape)}"
        if shape in DOCUMENT:
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            lines = _body(code, shape).splitlines()
            content = {
                "schemaVersion": "2.2",
                "description": "Configure the fleet's services",
                "mainSteps": [{"action": "aws:runShellScript", "name": "configure", "inputs": {"runCommand": lines}}],
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
    """A replica of a partner's Redis set at run time, Postfix relaying through a partner, nginx resolving through a
    public resolver, and the own twin (the VPC's addresses, Alibaba Cloud's private DNS 100.100.2.136)."""
    if shape == "ali-redis-partner":
        return f'#!/bin/bash\nredis-cli CONFIG SET replicaof "{PARTNER_DB} 6379"\n'
    if shape == "ali-postconf-partner":
        return f"#!/bin/bash\npostconf -e 'relayhost = [{PARTNER_DB}]:587'\n"
    if shape == "ali-resolver-public":
        return "#!/bin/bash\n" + resolvers("nginx-resolver-public", PUBLIC_RESOLVER)
    return (
        '#!/bin/bash\nredis-cli CONFIG SET replicaof "192.168.0.12 6379"\n'
        "postconf -e 'relayhost = [192.168.0.25]:587'\n" + resolvers("nginx-resolver-public", "100.100.2.136")
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
        p = f"config54b-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), aws_expected(code, shape), []) for shape in AWS_SHAPES]
    for code in ALI_CODES:
        p = f"config54b-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
