"""False alarms, round 16 (stop 54, issue 9: falsealarm54b).

The false alarms stop 54's first wave left open (docs/residency.md "False alarms, round 15 (stop 54)", Left open), and
everyday compliant programs over what that wave changed (config54's sentinel / rsyslog / syslog-ng / stunnel / HAProxy
/ Filebeat readers, ``ssh -F``, Podman's host names, ``curl --unix-socket``; mutation54's valkey and Compose JSON;
scripts54's ``while read`` loops), written from the tools' manuals and the pulumi-aws v7 / pulumi-alicloud instance
pages, in EU / DE / US / JP / CN (aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1):

- ``docker network create fleet`` then ``docker run --network fleet --network-alias db`` / ``--name fleet-cache`` and
  another container of the network given ``postgres://fleet@db:5432/fleet`` / ``DB_HOST=db`` (Docker's embedded DNS);
- the ``~/.s3cfg`` that ``s3cmd --configure`` writes (every option with its default: ``website_endpoint``,
  ``cloudfront_host``) and ``s3cmd put`` / ``ls`` to the stack's bucket;
- ssh_config written with ``=`` (``Host=app.fleet``, ``HostName=10.20.1.7``: ssh_config(5) allows "optional whitespace
  and exactly one '='");
- chrony / ntpd at the cloud's own time service: the Amazon Time Sync Service (``169.254.169.123``,
  ``fd00:ec2::123``) on EC2 and Alibaba Cloud's NTP servers' VPC endpoints (``ntp.cloud.aliyuncs.com``, ``ntp7`` to
  ``ntp12``) on ECS, as each provider's page configures them.

Reproduced on the unchanged engine (main 0bf4fb91): see docs/residency.md "False alarms, round 16 (stop 54)" for the
counts; the docker network, s3cfg, ``Host=`` and Alibaba NTP programs were refused at every door (RES-015; RES-006 for
the s3cfg defaults in CN). What changed: a docker network's container names are defined on its containers' run lines;
s3cmd's unused settings are no destination; ssh_config's ``Host=`` line is the file's own entry; Alibaba Cloud's NTP VPC
endpoints are the network's own from an Alibaba Cloud resource. The refused twins (the machine's own ``curl`` to a
container name, a network the script does not create, ``--cf-invalidate`` with the default CloudFront host, a partner's
``HostName``, a third party's NTP pool, Alibaba's NTP names from an AWS instance) stay refused.

Ids: ``falsealarm54b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, DEPLOYER, IMDS, OWN_ACCOUNT, SUBNETS, Build, Row, ali_boot, dns_suffix

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` formatted with the stack's Region (``{region}``), its DNS suffix
    (``{suffix}``), the lower-case code (``{c}``), the metadata's base URL (``{imds}``) and the account
    (``{account}``); the stack's bucket ``fleet-logs-<c>`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            values = {"region": AWS_HOME[code], "suffix": dns_suffix(code), "c": code.lower(), "imds": IMDS,
                      "account": OWN_ACCOUNT}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + body.format(**values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


# docker network create (a user-defined bridge network), docker container run `--network`, `--network-alias` ("Add
# network-scoped alias for the container") and `--name`: the embedded DNS answers both for the network's containers.
DOCKER_NETWORK = """docker network create --driver bridge fleet
docker run -d --restart unless-stopped --network fleet --network-alias db --name fleet-db \\
  -v /var/lib/fleet/pg:/var/lib/postgresql/data postgres:16
docker run -d --network=fleet --name fleet-cache redis:7
docker run -d --network fleet --name api -p 8080:8080 \\
  -e DATABASE_URL=postgres://fleet@db:5432/fleet \\
  -e REDIS_URL=redis://fleet-cache:6379/0 -e DB_HOST=db \\
  -e AWS_REGION={region} {account}.dkr.ecr.{region}.{suffix}/api:1.4
"""
# The machine itself asks its own resolver, which knows no container name.
DOCKER_NETWORK_HOST_CURL = DOCKER_NETWORK + "curl -fsS http://fleet-cache:6379/ping\n"
# The default bridge (no `docker network create`): containers reach each other by address only.
DOCKER_NETWORK_NOT_CREATED = (
    DOCKER_NETWORK.replace("docker network create --driver bridge fleet\n", "")
    .replace("--network fleet", "--network bridge")
    .replace("--network=fleet", "--network=bridge")
)

# `s3cmd --configure` writes every option of S3/Config.py with its value: the Region's hosts, and the defaults of the
# two it does not ask about (`website_endpoint`, printed by `ws-info`; `cloudfront_host`, where the `cf*` commands go).
S3CFG_GENERATED = """cat > /root/.s3cfg <<'EOF'
[default]
access_key =
secret_key =
bucket_location = {region}
host_base = s3.{region}.{suffix}
host_bucket = %(bucket)s.s3.{region}.{suffix}
website_endpoint = http://%(bucket)s.s3-website-%(location)s.amazonaws.com/
cloudfront_host = cloudfront.amazonaws.com
use_https = True
signature_v2 = False
invalidate_on_cf = False
EOF
s3cmd ls s3://fleet-logs-{c}/
tar czf /tmp/etc.tgz /etc && s3cmd put /tmp/etc.tgz s3://fleet-logs-{c}/backups/etc.tgz
"""
# The same file with `--cf-invalidate`: s3cmd then calls CloudFront at the file's cloudfront_host.
S3CFG_CF_INVALIDATE = S3CFG_GENERATED + "s3cmd sync --cf-invalidate /var/www/ s3://fleet-logs-{c}/www/\n"

# ssh_config(5): "Configuration options may be separated by whitespace or optional whitespace and exactly one '='".
SSH_CONFIG_EQUALS = """mkdir -p /root/.ssh
cat > /root/.ssh/config <<'EOF'
Host=app.fleet
  HostName=10.20.1.7
  User=ec2-user
  IdentityFile=/root/.ssh/fleet.pem
Host = db.fleet
  HostName = 10.20.1.30
EOF
ssh app.fleet sudo systemctl restart fleet-api
rsync -az /opt/fleet/releases/ app.fleet:/opt/fleet/releases/
ssh -L 5432:localhost:5432 -N -f db.fleet
"""
SSH_CONFIG_EQUALS_PARTNER = SSH_CONFIG_EQUALS.replace("HostName=10.20.1.7", "HostName=app.partner.example.com")

# Amazon Time Sync Service ("Set the time for your EC2 instance": `server 169.254.169.123 prefer iburst minpoll 4
# maxpoll 4` in chrony.conf; IPv6 `fd00:ec2::123` on Nitro instances); ntpd's ntp.conf the same address.
CHRONY_AMAZON = """sed -i 's/^pool /#pool /' /etc/chrony.conf
cat >> /etc/chrony.conf <<'EOF'
server 169.254.169.123 prefer iburst minpoll 4 maxpoll 4
server fd00:ec2::123 iburst
EOF
echo 'server 169.254.169.123 iburst' > /etc/ntp.conf
systemctl restart chronyd
chronyc sources -v
"""
# A third party's pool: every host the machine connects to is proven or declared (the lead's decision).
CHRONY_THIRD_PARTY = CHRONY_AMAZON.replace("server fd00:ec2::123 iburst", "pool 2.pool.ntp.org iburst")
# Alibaba Cloud's NTP names on an AWS instance: not that cloud's network, so nothing proves where they answer.
CHRONY_ALIBABA_FROM_AWS = CHRONY_AMAZON.replace("server fd00:ec2::123 iburst", "server ntp.cloud.aliyuncs.com iburst")

# Everyday config54 / mutation54 shapes to the VPC's own hosts: rsyslog `@@host:514` and omfwd, syslog-ng network(),
# Filebeat's Logstash output, stunnel's `connect`, HAProxy's `server-template`, Redis Sentinel, valkey.conf and
# redis-cli REPLICAOF, all at private addresses or the machine's loopback.
LOG_AND_CACHE_OWN = """cat > /etc/rsyslog.d/60-forward.conf <<'EOF'
*.* @@10.20.0.9:514
action(type="omfwd" target="10.20.0.9" port="514" protocol="tcp")
EOF
cat > /etc/syslog-ng/conf.d/forward.conf <<'EOF'
destination d_central {{ network("10.20.0.9" port(514) transport("tcp")); }};
EOF
cat > /etc/filebeat/filebeat.yml <<'EOF'
filebeat.inputs:
  - type: filestream
    paths: ["/var/log/fleet/*.log"]
output.logstash:
  hosts: ["10.20.0.9:5044"]
EOF
cat > /etc/stunnel/redis.conf <<'EOF'
[redis]
client = yes
accept = 127.0.0.1:6379
connect = 10.20.1.40:6380
EOF
cat > /etc/haproxy/haproxy.cfg <<'EOF'
backend db
    server-template db 3 10.20.1.30:5432 check
EOF
cat > /etc/redis/sentinel.conf <<'EOF'
sentinel monitor fleet 10.20.1.40 6379 2
EOF
cat > /etc/valkey/valkey.conf <<'EOF'
replicaof 10.20.1.40 6379
EOF
redis-cli -h 127.0.0.1 REPLICAOF 10.20.1.40 6379
systemctl restart rsyslog syslog-ng filebeat stunnel haproxy
"""

# config54 / scripts54: an ssh client file given by `-F`, Podman's host name for the machine, curl over a unix socket,
# a Compose file written as JSON and a `while read` loop over the VPC's hosts.
CONTAINERS_AND_LOOPS_OWN = """mkdir -p /opt/backup /opt/fleet
cat > /opt/backup/ssh.conf <<'EOF'
Host backup
  HostName 10.20.1.8
  User backup
EOF
ssh -F /opt/backup/ssh.conf backup /usr/local/bin/snapshot
podman run -d --name exporter -e METRICS_URL=http://host.containers.internal:9100/metrics \\
  {account}.dkr.ecr.{region}.{suffix}/exporter:1.2
curl -fsS --unix-socket /run/podman/podman.sock http://d/v4.0.0/libpod/info
cat > /opt/fleet/compose.json <<'EOF'
{{"services": {{"db": {{"image": "postgres:16"}},
  "api": {{"image": "{account}.dkr.ecr.{region}.{suffix}/api:1.4",
          "environment": {{"DATABASE_URL": "postgres://fleet@db:5432/fleet"}}}}}}}}
EOF
docker compose -f /opt/fleet/compose.json up -d
printf '10.20.1.7\\n10.20.1.8\\n' > /etc/fleet/nodes
while read -r node; do
  curl -fsS "http://$node:8080/healthz"
done < /etc/fleet/nodes
"""

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "docker-network-names": (DOCKER_NETWORK, set()),
    "docker-network-host-curl": (DOCKER_NETWORK_HOST_CURL, {"RES-015"}),
    "docker-network-not-created": (DOCKER_NETWORK_NOT_CREATED, {"RES-015"}),
    "s3cfg-generated": (S3CFG_GENERATED, set()),
    "ssh-config-equals": (SSH_CONFIG_EQUALS, set()),
    "ssh-config-equals-partner": (SSH_CONFIG_EQUALS_PARTNER, {"RES-015"}),
    "chrony-amazon-time-sync": (CHRONY_AMAZON, set()),
    "chrony-third-party-pool": (CHRONY_THIRD_PARTY, {"RES-015"}),
    "chrony-alibaba-ntp-from-aws": (CHRONY_ALIBABA_FROM_AWS, {"RES-015"}),
    "log-and-cache-own": (LOG_AND_CACHE_OWN, set()),
    "containers-and-loops-own": (CONTAINERS_AND_LOOPS_OWN, set()),
}
"""shape -> (user data, expected rule ids) for every AWS code; ``s3cfg-cf-invalidate`` is listed by code below."""


def _cf_expected(code: str) -> set[str]:
    """``--cf-invalidate`` at the default ``cloudfront.amazonaws.com``: a global host (RES-015), in CN another
    partition's host (RES-006)."""
    return {"RES-006"} if code == "CN" else {"RES-015"}


# Alibaba Cloud's chrony configuration ("Synchronize ECS instance clocks with Alibaba Cloud NTP servers": `server
# ntp.cloud.aliyuncs.com minpoll 4 maxpoll 10 iburst` and ntp7 to ntp12 the same) on ECS.
ALI_CHRONY = (
    "#!/bin/bash\nset -e\n"
    "sed -i 's/^server /#server /' /etc/chrony.conf\n"
    "cat >> /etc/chrony.conf <<'EOF'\n"
    + "".join(
        f"server {host}.cloud.aliyuncs.com minpoll 4 maxpoll 10 iburst\n"
        for host in ("ntp", "ntp10", "ntp11", "ntp12", "ntp7", "ntp8", "ntp9")
    )
    + "EOF\nsystemctl restart chronyd.service\nchronyc tracking\n"
)
# The public servers (ntp.aliyun.com: internet hosts, not the VPC endpoints) are not proven.
ALI_CHRONY_PUBLIC = ALI_CHRONY.replace("server ntp.cloud.aliyuncs.com", "server ntp.aliyun.com")


def ali_chrony(script: str) -> Callable[[str], Build]:
    def make(code: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            return ali_boot(c, script)

        return build

    return make


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm54b-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    cf = _boot(S3CFG_CF_INVALIDATE)
    out += [(f"falsealarm54b-{code.lower()}-s3cfg-cf-invalidate", code, cf(code), _cf_expected(code), [])
            for code in AWS_CODES]  # fmt: skip
    for shape, script, expected in (("ali-chrony-vpc-ntp", ALI_CHRONY, set()),
                                    ("ali-chrony-public-ntp", ALI_CHRONY_PUBLIC, {"RES-016"})):  # fmt: skip
        out += [(f"falsealarm54b-{code.lower()}-{shape}", code, ali_chrony(script)(code), expected, [])
                for code in ALI_CODES]  # fmt: skip
    return out
