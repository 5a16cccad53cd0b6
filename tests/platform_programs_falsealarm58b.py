"""False alarms, round 24 (stop 58, issue 9: falsealarm58b).

Everyday compliant programs over what stop 58's first wave added, written as a platform team would (its own Region,
account, bucket, queue, VPC, private addresses, the instance metadata), in EU / DE / US / JP / CN (aws-cn cn-north-1;
Alibaba cn-shanghai, ap-northeast-1, eu-central-1), each with an offending twin that must stay refused.

Reproduced on the unchanged engine (main 290bcb02; 123 programs of 27 shapes then, every door): **46 failed**:

- compliant programs refused: ``seq-hosts`` (``for i in $(seq 1 50); do nc -z "10.20.1.$i" 22; done``: RES-015, the
  substitution unknown), ``fluent-bit-set`` (Fluent Bit ``@SET region=<home>`` then ``region ${region}`` at a
  ``cloudwatch_logs`` output: RES-016), and two left open (not in this table; docs/residency-open.md): a helper
  echoing the Region in two branches (``if ...; then echo R2; else echo R; fi``: RES-011) and jq's output redirected
  to a file then read (RES-011 / RES-015);
- leaks: ``read-file-partner`` (``printf '%s\0' A <partner> > FILE`` then ``mapfile -d '' -t L < FILE``: printf's
  ``\0`` was kept as text, so the list was one value), ``fluent-bit-set-partner`` (``@SET collector=<partner>``
  then ``Host ${collector}``: unread); ``read-pipe-partner`` (``printf '%s\0' ... | while IFS= read -d '' -r p``: the
  loop was not read) was found while fixing the first.

Fixed: ``seq`` of literal integers computed (scripts.py ``_seq_values``, 256 numbers at most); printf's ``\0`` a NUL
and a NUL ends a record (``_ESCAPES``, ``_redirected_lines``, ``_piped_lines``, ``_WHILE_READ`` with ``-d ''``);
Fluent Bit's ``@SET`` filled (documents.py ``fluent_bit_sets``, engine ``_router_sets`` for ``@INCLUDE``d files).
Pinned (passed before and after): a wrapper called 70 times with the home Region, 50 hosts in a list and an array,
``${21}`` / ``${25}``, the Region from the metadata's zone (``${AZ::-1}``, ``${AZ%?}``), substrings and defaults,
``read -d ''`` of a written file, a Datadog Agent through the VPC's proxy (``dd_url``) or removed; their twins (a
Region abroad RES-009, a partner RES-015) refused before and after.

Ids: ``falsealarm58b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from platform_parts import Row
from platform_programs_falsealarm58 import _ali, _boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")

# A wrapper called 70 times with the home Region (scripts58's calls past 64 fail closed).
WRAPPER_70 = 'awsr() { aws --region "$1" "${@:2}"; }\n' + "".join(
    f"awsr @R@ ssm put-parameter --name /fleet/boot/step{n} --value done --type String --overwrite\n" for n in range(70)
)
WRAPPER_70_ABROAD = WRAPPER_70 + "awsr @X@ sqs list-queues\n"

# A loop over 50 hosts of the VPC: a list variable, an array, seq and a brace expansion (bash(1) "Brace Expansion").
_FIFTY = " ".join(f"10.20.1.{n}" for n in range(1, 51))
FIFTY_HOSTS = f"""HOSTS="{_FIFTY}"
for h in $HOSTS; do nc -z -w 3 "$h" 22 || logger -t fleet "$h down"; done
WEB=({_FIFTY})
for h in "${{WEB[@]}}"; do curl -fsS "http://$h:8080/healthz" -o /dev/null; done
"""
FIFTY_HOSTS_PARTNER = FIFTY_HOSTS.replace("10.20.1.50", "@P@")
SEQ_HOSTS = r"""for i in $(seq 1 50); do nc -z -w 3 "10.20.1.$i" 22; done
for h in 10.20.2.{1..50}; do ssh -o StrictHostKeyChecking=no ec2-user@"$h" uptime; done
"""
SEQ_HOSTS_PARTNER = SEQ_HOSTS + 'for i in $(seq 1 3); do nc -z -w 3 "shard$i.@P@" 5432; done\n'

# Positional parameters past ${20} (set -- of 25 hosts).
POSITIONAL = (
    "set -- "
    + " ".join(f"10.20.3.{n}" for n in range(1, 26))
    + '\nredis-cli -h "${21}" ping\npsql -h "${25}" -U fleet -c "select 1"\n'
)
POSITIONAL_PARTNER = POSITIONAL.replace("10.20.3.25", "@P@")

# The Region from the metadata's zone name, substring and operation words (bash(1) "Parameter Expansion").
ZONE_REGION = r"""TOKEN=$(curl -sX PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
AZ=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/placement/availability-zone)
REGION=${AZ::-1}
R2=${AZ%?}
aws s3 ls s3://fleet-logs-@c@/ --region "$REGION"
aws sqs list-queues --region "$R2"
"""
SUBSTRING = r"""PLAN="@R@:fleet-logs-@c@"
R=${PLAN%%:*}
B=${PLAN#*:}
aws s3 cp /var/log/cloud-init.log "s3://$B/boot/" --region "$R"
DR=${DR_REGION:-@R@}
aws sqs list-queues --region "$DR"
"""
SUBSTRING_ABROAD = SUBSTRING.replace('PLAN="@R@:', 'PLAN="@X@:')

# Reading a file the script writes: read -d '' / read -N, mapfile -d ''.
READ_FILE = r"""printf '%s' @R@ > /etc/fleet/region
read -r -d '' R < /etc/fleet/region || true
aws sqs list-queues --region "$R"
printf '%s\0' 10.20.1.7 10.20.1.8 > /etc/fleet/peers0
mapfile -d '' -t PEERS < /etc/fleet/peers0
for p in "${PEERS[@]}"; do nc -z -w 3 "$p" 22; done
while IFS= read -r -d '' p; do redis-cli -h "$p" ping; done < /etc/fleet/peers0
printf '%s\0' 10.20.1.9 10.20.1.10 | while IFS= read -d '' -r p; do ssh ec2-user@"$p" uptime; done
"""
READ_FILE_PARTNER = READ_FILE.replace("10.20.1.8 >", "@P@ >")
READ_PIPE_PARTNER = READ_FILE.replace("10.20.1.9 10.20.1.10", "10.20.1.9 @P@")

# A log router's file at -c with @SET variables and @INCLUDE of local outputs (Fluent Bit "Configuration File":
# "@SET: set a configuration variable", "${MY_VARIABLE}"), the Region's CloudWatch Logs and the stack's bucket.
FLUENT_BIT_SET = r"""mkdir -p /opt/fleet/fluent/outputs
cat > /opt/fleet/fluent/main.conf <<'EOF'
@SET collector=10.20.1.50
@SET region=@R@
[SERVICE]
    Flush 5
[INPUT]
    Name systemd
    Tag  host.*
@INCLUDE outputs/*.conf
EOF
cat > /opt/fleet/fluent/outputs/forward.conf <<'EOF'
[OUTPUT]
    Name  forward
    Match *
    Host  ${collector}
    Port  24224
EOF
cat > /opt/fleet/fluent/outputs/cloud.conf <<'EOF'
[OUTPUT]
    Name              cloudwatch_logs
    Match             *
    region            ${region}
    log_group_name    /fleet/boot
    log_stream_prefix web-
    auto_create_group On
[OUTPUT]
    Name   s3
    Match  *
    bucket fleet-logs-@c@
    region @R@
EOF
fluent-bit -c /opt/fleet/fluent/main.conf &
"""
FLUENT_BIT_SET_PARTNER = FLUENT_BIT_SET.replace("@SET collector=10.20.1.50", "@SET collector=@P@")

# The Datadog Agent through the VPC's proxy (Datadog "Agent Proxy Configuration": dd_url at a proxy) and an agent
# removed from the image (nothing runs it).
DATADOG_PROXY = r"""cat > /etc/datadog-agent/datadog.yaml <<'EOF'
api_key: 0123456789abcdef0123456789abcdef
dd_url: http://10.20.1.80:3834
logs_enabled: false
EOF
systemctl restart datadog-agent
"""
DATADOG_PROXY_PARTNER = DATADOG_PROXY.replace("http://10.20.1.80:3834", "http://@P@:3834")
DATADOG_REMOVED = r"""systemctl disable --now datadog-agent || true
apt-get purge -y datadog-agent || true
rm -rf /etc/datadog-agent
"""

# Alibaba Cloud ECS: a wrapper called 70 times, 50 hosts, the zone's region, a function's echoes.
ALI_WRAPPER_70 = 'a() { aliyun --region "$1" "${@:2}"; }\n' + "".join(
    f"a @R@ ecs DescribeInstances --PageNumber {n}\n" for n in range(1, 71)
)
ALI_WRAPPER_70_ABROAD = ALI_WRAPPER_70 + "a @X@ ecs DescribeRegions\n"
ALI_FIFTY = FIFTY_HOSTS.replace("10.20.1.", "172.16.1.")
ALI_FIFTY_PARTNER = ALI_FIFTY.replace("172.16.1.50", "@P@")
AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "wrapper-70": (WRAPPER_70, set()),
    "wrapper-70-abroad": (WRAPPER_70_ABROAD, {"RES-009"}),
    "fifty-hosts": (FIFTY_HOSTS, set()),
    "fifty-hosts-partner": (FIFTY_HOSTS_PARTNER, {"RES-015"}),
    "seq-hosts": (SEQ_HOSTS, set()),
    "seq-hosts-partner": (SEQ_HOSTS_PARTNER, {"RES-015"}),
    "positional": (POSITIONAL, set()),
    "positional-partner": (POSITIONAL_PARTNER, {"RES-015"}),
    "zone-region": (ZONE_REGION, set()),
    "substring": (SUBSTRING, set()),
    "substring-abroad": (SUBSTRING_ABROAD, {"RES-009"}),
    "read-file": (READ_FILE, set()),
    "read-file-partner": (READ_FILE_PARTNER, {"RES-015"}),
    "read-pipe-partner": (READ_PIPE_PARTNER, {"RES-015"}),
    "fluent-bit-set": (FLUENT_BIT_SET, set()),
    "fluent-bit-set-partner": (FLUENT_BIT_SET_PARTNER, {"RES-015"}),
    "datadog-proxy": (DATADOG_PROXY, set()),
    "datadog-proxy-partner": (DATADOG_PROXY_PARTNER, {"RES-015"}),
    "datadog-removed": (DATADOG_REMOVED, set()),
}
ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "ali-wrapper-70": (ALI_WRAPPER_70, set()),
    "ali-wrapper-70-abroad": (ALI_WRAPPER_70_ABROAD, {"RES-009"}),
    "ali-fifty-hosts": (ALI_FIFTY, set()),
    "ali-fifty-hosts-partner": (ALI_FIFTY_PARTNER, {"RES-015"}),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm58b-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm58b-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
