"""False alarms, round 14 (stop 53, issue 9: falsealarm53b).

Everyday compliant programs over stop 53's new readings (docs/residency.md, the "(stop 53)" sections), written from
the tools' manuals and the pulumi-aws v7 / pulumi-alicloud instance and ROS stack pages: redis.conf ``replicaof`` the
stack's own ElastiCache primary (and a private address), ssh_config to a bastion in the VPC (``Host`` aliases,
``ProxyJump``), Postfix ``relayhost`` / msmtp ``host`` / ssmtp ``mailhub`` at the home Region's SES SMTP endpoint (a
relay in the VPC in CN, where SES is not offered; DirectMail on Alibaba Cloud in CN), s3cmd's ``bucket_location``,
docker ``--log-opt`` addresses on the machine or in the VPC, nginx one-line ``location`` / ``upstream`` blocks to
local ports and sockets, ``for az in <home>a <home>b``, an array loop, ``for f in *.log``, ``${AWS_REGION:-<home>}``,
``R=$(curl -s <IMDS>/...)``, ``TOKEN=$(aws ssm get-parameter ...)`` used as a password, ``$(date +%F)`` backups
glued into a key, ``$(...);`` and ``echo ... | sudo tee FILE``; Alibaba Cloud's ECS boot scripts with the same
shapes, a ROS template with Cloud Config and WAF in CN under a ``Domestic`` provider, and a ROS template sizing its
disks with ``Fn::Calculate``; in EU / DE / US / JP / CN (aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1,
eu-central-1).

Reproduced on the unchanged engine (main 7f5945b): **5 of the 52 compliant programs were refused** at every door and
at the first preview (10 of 104 tests failed), all ``ssh-dotted-alias`` (RES-015: an ssh_config ``Host`` alias with a
dot, ``bastion.fleet``, named by ``ssh ec2-user@bastion.fleet`` and ``ProxyJump fleet@bastion.fleet:22``, was read as
a host although the file the script writes gives it ``HostName 10.20.0.5``); the other 47 passed there too (pinned).
What changed: the ssh client file's names with a ``HostName`` are those hosts for the script's ssh, scp, sftp and
rsync destinations and its ``user@name:path`` texts (docs/residency.md "False alarms, round 14 (stop 53)").

Ids: ``falsealarm53b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    DEPLOYER,
    IMDS,
    OWN_ACCOUNT,
    OWN_UID,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
    ros_template,
)

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"
CACHE_REGION = {"EU": "euw1", "DE": "euc1", "US": "use1", "JP": "apne1", "CN": "cnn1"}
"""ElastiCache's Region code in its endpoints (``<name>.<id>.ng.0001.euw1.cache.amazonaws.com``, ElastiCache user
guide "Finding connection endpoints")."""
TOKEN = (
    'TOKEN=$(curl -sX PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\n'
)
"""IMDSv2: the session token every later metadata request sends."""


def _instance(c: Any, script: str) -> object:
    # docs: ec2/instance (user_data)
    return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0], user_data=script,
                            opts=c.aws)  # fmt: skip


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` formatted with the stack's Region (``{region}``), its DNS suffix
    (``{suffix}``), ElastiCache's Region code (``{cache}``), the lower-case code (``{c}``) and the mail relay
    (``{smtp}``: SES's SMTP endpoint in the Region; the VPC's relay in CN, where SES is not offered)."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            region = AWS_HOME[code]
            smtp = "10.20.0.25" if code == "CN" else f"email-smtp.{region}.{dns_suffix(code)}"
            values = {"region": region, "suffix": dns_suffix(code), "cache": CACHE_REGION[code], "c": code.lower(),
                      "smtp": smtp, "imds": IMDS, "account": OWN_ACCOUNT}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            return _instance(c, "#!/bin/bash\nset -euo pipefail\n" + body.format(**values))

        return build

    return make


# redis.conf(5) `replicaof <masterip> <masterport>`, `masterauth`; the primary endpoint of the stack's ElastiCache
# replication group; the password from Parameter Store (a password, not a host).
REDIS_REPLICA = """PASS=$(aws ssm get-parameter --name /fleet/redis-auth --with-decryption --query Parameter.Value \\
  --output text --region {region})
cat > /etc/redis/redis.conf <<'EOF'
bind 127.0.0.1 -::1
port 6379
dir /var/lib/redis
replica-read-only yes
replicaof master.fleet-cache.x1y2z3.{cache}.cache.{suffix} 6379
EOF
echo "masterauth $PASS" | sudo tee -a /etc/redis/redis.conf > /dev/null
echo 'replicaof 10.20.1.40 6379' | sudo tee /etc/redis/standby.conf
systemctl restart redis
redis-cli -h 127.0.0.1 -a "$PASS" ping
"""

# ssh_config(5): a bastion in the VPC by its private address, `ProxyJump` naming the file's own `Host` alias.
SSH_BASTION = """mkdir -p /home/ec2-user/.ssh
cat > /home/ec2-user/.ssh/config <<'EOF'
Host bastion
  HostName 10.20.0.5
  User ec2-user
  IdentityFile ~/.ssh/fleet.pem
Host db-1
  HostName 10.20.1.30
  ProxyJump bastion
Host 10.20.*
  ProxyJump ec2-user@bastion:22
  StrictHostKeyChecking accept-new
Host *
  ServerAliveInterval 60
EOF
chown -R ec2-user /home/ec2-user/.ssh
sudo -u ec2-user scp /opt/fleet/schema.sql db-1:/tmp/
"""

# The same bastion under a dotted alias (ssh_config(5) Host PATTERNS: any name), named by ssh and by ProxyJump.
SSH_DOTTED_ALIAS = """mkdir -p /root/.ssh
cat > /root/.ssh/config <<'EOF'
Host bastion.fleet
  HostName 10.20.0.5
  User ec2-user
Host db.fleet
  HostName 10.20.1.30
  ProxyJump fleet@bastion.fleet:22
EOF
ssh ec2-user@bastion.fleet uptime
ssh -o BatchMode=yes db.fleet 'pg_isready -h 127.0.0.1'
"""

# postconf(5) relayhost, msmtp `host`, ssmtp.conf(5) `mailhub`: the Region's SES SMTP endpoint (SES developer guide,
# "Connecting to an Amazon SES SMTP endpoint": email-smtp.<region>.amazonaws.com, ports 587 / 2587).
MAIL_RELAY = """cat >> /etc/postfix/main.cf <<'EOF'
relayhost = [{smtp}]:587
smtp_sasl_auth_enable = yes
smtp_sasl_security_options = noanonymous
smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd
smtp_tls_security_level = encrypt
inet_interfaces = loopback-only
EOF
SMTP_PASS=$(aws ssm get-parameter --name /fleet/smtp --with-decryption --query Parameter.Value --output text \\
  --region {region})
echo "[{smtp}]:587 fleet-smtp:$SMTP_PASS" | sudo tee /etc/postfix/sasl_passwd > /dev/null
postmap hash:/etc/postfix/sasl_passwd
cat > /etc/msmtprc <<'EOF'
defaults
auth on
tls on
account ses
host {smtp}
port 587
from alerts@fleet.example.com
account default : ses
EOF
cat > /etc/ssmtp/ssmtp.conf <<'EOF'
mailhub={smtp}:587
UseSTARTTLS=YES
EOF
systemctl restart postfix
"""

# bash(1) "Compound Commands" (`for name in words`), "Arrays", "Parameter Expansion" (`${parameter:-word}`).
LOOPS_DEFAULTS = """REGION=${{AWS_REGION:-{region}}}
for az in {region}a {region}b; do
  aws ec2 create-volume --availability-zone $az --size 20 --volume-type gp3 --region "$REGION"
done
AZS=({region}a {region}c)
for az in "${{AZS[@]}}"; do aws ec2 describe-subnets --filters Name=availability-zone,Values=$az --region $REGION; done
for f in /var/log/fleet/*.log; do
  gzip -9 "$f"
  aws s3 cp "$f.gz" s3://fleet-logs-{c}/$(hostname -s)/ --region ${{AWS_DEFAULT_REGION:-{region}}}
done
for i in $(seq 1 5); do curl -fsS http://127.0.0.1:8080/healthz && break; sleep $i; done
for svc in fleet-api fleet-worker; do systemctl enable --now $svc; done
"""

# The metadata's Region (IMDSv2), a secret as a password, a dated backup key, `$(...);`, `| sudo tee`.
SUBSTITUTIONS = (
    TOKEN
    + """R=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/placement/region)
INSTANCE=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/instance-id); aws ec2 create-tags \\
  --resources $INSTANCE --tags Key=Role,Value=fleet --region $R
DB_PASS=$(aws ssm get-parameter --name /fleet/db-password --with-decryption --query Parameter.Value --output text \\
  --region $R)
PGPASSWORD=$DB_PASS pg_dump -h 10.20.1.30 -U fleet fleet | gzip > /var/backups/fleet-$(date +%F).sql.gz
aws s3 cp /var/backups/fleet-$(date +%F).sql.gz s3://fleet-logs-{c}/db/$(date +%Y/%m)/ --region $R
echo 'vm.max_map_count=262144' | sudo tee /etc/sysctl.d/99-fleet.conf
printf '[default]\\nregion = {region}\\n' | sudo tee /root/.aws/config > /dev/null
cd $(mktemp -d) && aws s3 cp s3://fleet-logs-{c}/tools/agent.tgz . --region $R && tar xzf agent.tgz
"""
)

# nginx "Configuration File's Structure": block directives on one line; proxy_pass to the app on the machine.
NGINX = """cat > /etc/nginx/conf.d/fleet.conf <<'EOF'
upstream app {{ server 127.0.0.1:8080; server 127.0.0.1:8081; keepalive 16; }}
server {{
  listen 80;
  server_name _;
  location / {{ proxy_pass http://127.0.0.1:8080; proxy_set_header Host $host; }}
  location /api/ {{ proxy_pass http://app; }}
  location ~ \\.php$ {{ fastcgi_pass unix:/run/php-fpm/www.sock; include fastcgi_params; }}
  location = /healthz {{ return 200; }}
}}
EOF
systemctl reload nginx
"""

# docker logging drivers: awslogs in the Region, fluentd on the machine, syslog at the VPC's collector.
DOCKER_LOGS = """docker run -d --name api --log-driver awslogs --log-opt awslogs-region={region} \\
  --log-opt awslogs-group=/fleet/api --log-opt awslogs-create-group=true {account}.dkr.ecr.{region}.{suffix}/api:1.4
docker run -d --name worker --log-driver fluentd --log-opt fluentd-address=127.0.0.1:24224 --log-opt tag=fleet.worker \\
  {account}.dkr.ecr.{region}.{suffix}/worker:1.4
docker run -d --name cron --log-driver syslog --log-opt syslog-address=udp://10.20.0.9:514 \\
  {account}.dkr.ecr.{region}.{suffix}/cron:1.4
"""

# s3cmd's configuration: the Region's bucket location and endpoint.
S3CFG = """cat > /root/.s3cfg <<'EOF'
[default]
bucket_location = {region}
host_base = s3.{region}.{suffix}
host_bucket = %(bucket)s.s3.{region}.{suffix}
use_https = True
EOF
s3cmd ls s3://fleet-logs-{c}
"""

AWS_PROGRAMS: dict[str, str] = {
    "redis-replica-own": REDIS_REPLICA,
    "ssh-bastion": SSH_BASTION,
    "ssh-dotted-alias": SSH_DOTTED_ALIAS,
    "mail-relay-own": MAIL_RELAY,
    "loops-defaults": LOOPS_DEFAULTS,
    "substitutions-own": SUBSTITUTIONS,
    "nginx-local": NGINX,
    "docker-logs-own": DOCKER_LOGS,
    "s3cfg-home": S3CFG,
}


# -- Alibaba Cloud ----------------------------------------------------------------------------------------------------

ALI_ZONE = {"CN": "cn-shanghai-l", "JP": "ap-northeast-1a", "DE": "eu-central-1a"}
"""A zone of each market's Region (ECS DescribeZones)."""


def ali_boot_own(code: str) -> Build:
    def build(c: Any) -> object:
        # The same shapes on ECS: the metadata's Region (100.100.100.200), a default word, a zone loop, a redis
        # replica and an ssh bastion in the VPC, nginx, DirectMail's SMTP in CN (smtpdm.aliyun.com, DirectMail "SMTP
        # service address").
        c.ali_role = DEPLOYER
        region = ALI_HOME[code]
        mail = (
            "cat > /etc/msmtprc <<'EOF'\naccount default\nhost smtpdm.aliyun.com\nport 465\nEOF\n"
            if code == "CN"
            else ""
        )
        script = (
            "#!/bin/bash\nset -e\nR=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
            f"aliyun ecs DescribeInstances --RegionId ${{ALIBABA_CLOUD_REGION_ID:-{region}}}\n"
            f"for z in {ALI_ZONE[code]}; do aliyun ecs DescribeAvailableResource --RegionId $R --ZoneId $z "
            "--DestinationResource InstanceType; done\n"
            "echo 'replicaof 192.168.1.40 6379' | sudo tee -a /etc/redis.conf\n"
            "cat > /root/.ssh/config <<'EOF'\nHost bastion\n  HostName 192.168.0.5\nHost app\n  HostName 192.168.1.7\n"
            "  ProxyJump root@bastion\nEOF\n"
            "cat > /etc/nginx/conf.d/a.conf <<'EOF'\nlocation / { proxy_pass http://127.0.0.1:8080; }\nEOF\n"
            "docker run -d --log-driver fluentd --log-opt fluentd-address=127.0.0.1:24224 fleet/api:1.4\n" + mail
        )
        return ali_boot(c, script)

    return build


def ali_ros_calculate(code: str) -> Build:
    def build(c: Any) -> object:
        # ROS Fn::Calculate ("calculates a math expression", a format string and a numbers list): the data disk twice
        # the system disk, in the stack's own vSwitch.
        c.ali_role = DEPLOYER
        size = {"Fn::Calculate": ["{0}*2", 0, [{"Ref": "SystemDiskSize"}]]}
        template = json.loads(ros_template({"Server": {"Type": "ALIYUN::ECS::Instance", "Properties": {
            "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "InstanceType": "ecs.g7.large",
            "VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "SecurityGroupId": "sg-fleet0001",
            "SystemDiskSize": {"Ref": "SystemDiskSize"}, "DiskMappings": [{"Size": size, "Category": "cloud_essd"}],
            "ZoneId": ALI_ZONE[code]}}}))  # fmt: skip
        template["Parameters"] = {"SystemDiskSize": {"Type": "Number", "Default": 40}}
        return alicloud.ros.Stack("sized", stack_name="sized", template_body=json.dumps(template), opts=c.ali)

    return build


def ali_ros_config_waf_domestic(code: str) -> Build:
    def build(c: Any) -> object:
        # ROS ALIYUN::Config::Rule and ALIYUN::Config::DeliveryChannel (to the stack's SLS logstore) and
        # ALIYUN::WAF::Domain, in CN under a provider naming the China site (pulumi-alicloud Provider account_type
        # "Domestic"): the hub services run in mainland China for a China-site account (alired53).
        region = ALI_HOME[code]
        provider = alicloud.Provider("domestic", region=region, account_type="Domestic",
                                     assume_role={"role_arn": DEPLOYER, "session_name": "ci"})  # fmt: skip
        body = ros_template({
            "Rule": {"Type": "ALIYUN::Config::Rule", "Properties": {
                "RuleName": "ecs-instance-no-public-ip", "SourceOwner": "ALIYUN",
                "SourceIdentifier": "ecs-instance-no-public-ip",
                "ConfigRuleTriggerTypes": "ConfigurationItemChangeNotification", "RiskLevel": 1}},
            "Channel": {"Type": "ALIYUN::Config::DeliveryChannel", "Properties": {
                "DeliveryChannelType": "SLS", "DeliveryChannelName": "fleet-config",
                "DeliveryChannelAssumeRoleArn": f"acs:ram::{OWN_UID}:role/aliyunserviceroleforconfig",
                "DeliveryChannelTargetArn": f"acs:log:{region}:{OWN_UID}:project/fleet-config/logstore/config"}},
            "Waf": {"Type": "ALIYUN::WAF::Domain", "Properties": {
                "InstanceId": "waf_cn_fleet0001", "DomainName": "portal.fleet.example.cn", "IsAccessProduct": 0,
                "HttpPort": ["80"], "SourceIps": ["47.100.10.20"]}},
        })  # fmt: skip
        opts = pulumi.ResourceOptions(provider=provider)
        return alicloud.ros.Stack("hub", stack_name="hub", template_body=body, opts=opts)

    return build


WAF_ORIGIN_DECLARED: dict[str, Any] = {
    "id": "portal-origin", "kind": "resident", "match": "47.100.10.20",
    "evidence": "the portal's origin, an EIP of the team's ECS instance in cn-hangzhou",
}  # fmt: skip
"""(awsred57b, stop 57) The WAF domain's origin: a public address nothing in the template places, RES-015 since a ROS
WAF domain's SourceIps are the Pulumi waf.Domain's `source_ips` (as the Pulumi twin's); declared, the one-line fix."""
ALI_PROGRAMS: dict[str, tuple[Callable[[str], Build], tuple[str, ...]]] = {
    "ali-boot-own": (ali_boot_own, ALI_CODES),
    "ali-ros-calculate": (ali_ros_calculate, ALI_CODES),
    "ali-ros-config-waf-domestic": (ali_ros_config_waf_domestic, ("CN",)),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table: every program is
    compliant and passes."""
    out: list[Row] = []
    for shape, body in AWS_PROGRAMS.items():
        out += [(f"falsealarm53b-{code.lower()}-{shape}", code, _boot(body)(code), set(), []) for code in AWS_CODES]
    for shape, (make, codes) in ALI_PROGRAMS.items():
        declared = [WAF_ORIGIN_DECLARED] if shape == "ali-ros-config-waf-domestic" else []
        out += [(f"falsealarm53b-{code.lower()}-{shape}", code, make(code), set(), declared) for code in codes]
    return out
