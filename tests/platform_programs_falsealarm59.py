"""False alarms, round 24 (stop 59, issue 9: falsealarm59).

Everyday compliant programs over the script reader's fail-closed bounds (stop 58: a text of several variables past 64
combinations, a ``"$@"`` wrapper's calls past 64 differing in more than eight words, a variable past 32 values built
from others) and over stop 58's readings (``${A:-$B}``, a NUL-separated ``mapfile``, substrings, a function's one
echo), written as a platform team would (its own Region, account, bucket, VPC, private addresses), in EU / DE / US /
JP / CN (aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1), each with an offending twin that must
stay refused.

Reproduced on the unchanged engine (main 8801eb8a; one-value probes, then this table through every door): the
compliant programs past a bound were refused (RES-015, the value ``$(more combinations than the reader keeps)``,
``$(more values than the reader keeps)`` or ``$(more calls than the reader keeps)``):

- ``octets-home``: ``nc -z "10.20.${RACK}.${SLOT}" 22`` over two loops of nine octets (81 combinations);
- ``hostport-home``: ``curl "$h:$p/healthz"`` over nine private hosts and nine ports (81 combinations);
- ``assign-hostport-home``: ``A="$h:$p"`` over 30 private hosts and two ports (60 values: past the 32 a variable
  holds) then ``curl "http://$A/healthz"``;
- ``wrapper-home``: ``run() { ssh -o ... "$@"; }`` called for 81 private hosts (the calls past 64 differ in more than
  eight words at the host's place).

Fixed (components/residency/scripts.py): a variable judged apart, each value once and not in every combination, where
no combination can judge otherwise (``_judged_apart``: a port after an authority's one ``:``, every value a port
number; an octet of a dotted quad whose literal first part(s) name a private network, every value a decimal octet);
a wrapper's merged calls write each distinct word of a place once up to 1,024 (was 8; linear in the calls' words).
The offending twins stay refused: a partner's host among the hosts or the calls (RES-015), ``"${NET}.${OCT}.0.N"``
whose first part is a variable (``192.17.0.N`` is public: judged in every combination, past the bound unknown), a
"port" ``80@<partner>`` (a URL's user information, the host the partner's), a Region abroad (RES-009).
Pinned (passed before and after, twins refused before and after): ``${A:-$B}``, a NUL list, a function that logs then
echoes, a substring, rsyslog's ``$IncludeConfig`` of a directory outside /etc/rsyslog.d, ``read -d ,`` of a
written file.

Ids: ``falsealarm59-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from platform_parts import Row
from platform_programs_falsealarm58 import _ali, _boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
NINE = "1 2 3 4 5 6 7 8 9"

# Two loops of nine octets under the VPC's literal 10.20.0.0/16 (81 addresses, all private).
OCTETS = f"""for RACK in {NINE}; do
  for SLOT in {NINE}; do
    nc -z -w 3 "10.20.${{RACK}}.${{SLOT}}" 22 || logger -t fleet "10.20.$RACK.$SLOT down"
  done
done
for RACK in {NINE}; do
  for SLOT in {NINE}; do
    H="10.20.$RACK.$SLOT"
    redis-cli -h "$H" -p 6379 ping
  done
done
"""
OCTETS_PARTNER = OCTETS + 'redis-cli -h "@P@" -p 6379 ping\n'
# The counter case: the first part a variable, so that one pair names a public address (192.17.0.N).
SPLIT = """for NET in 10 192; do
  for OCT in 168 17 2 20 3 4 5 6 7; do
    for N in 1 2 3 4 5 6 7 8 9; do
      psql -h "${NET}.${OCT}.0.${N}" -U fleet -c 'select 1'
    done
  done
done
"""
SPLIT_HOME = SPLIT.replace("168 17 2 20 3 4 5 6 7", "168")

# Nine private hosts and nine ports (RFC 3986 3.2.2 / 3.2.3: host, then ":" port).
_HOSTS9 = " ".join(f"10.20.1.{n}" for n in range(11, 20))
_PORTS9 = " ".join(str(p) for p in range(8080, 8089))
HOSTPORT = f"""for h in {_HOSTS9}; do
  for p in {_PORTS9}; do
    curl -fsS --max-time 3 "$h:$p/healthz" -o /dev/null || logger -t fleet "$h:$p unhealthy"
    curl -fsS --max-time 3 "http://$h:$p/metrics" -o "/var/tmp/metrics-$h-$p"
  done
done
"""
HOSTPORT_PARTNER = HOSTPORT.replace("10.20.1.19", "@P@")
# A "port" holding a URL's user information: the host is the partner's (not a port: judged in every combination).
HOSTPORT_USERINFO = HOSTPORT.replace(" 8088;", " 80@@P@;")

# 30 private hosts and two ports built into one variable (60 values), then used at a URL.
_HOSTS30 = " ".join(f"10.20.2.{n}" for n in range(1, 31))
ASSIGN_HOSTPORT = f"""for h in {_HOSTS30}; do
  for p in 8080 9100; do
    A="$h:$p"
    curl -fsS --max-time 3 "http://$A/healthz" -o /dev/null || logger -t fleet "$A unhealthy"
  done
done
"""
ASSIGN_HOSTPORT_PARTNER = ASSIGN_HOSTPORT.replace("10.20.2.30", "@P@")

# A wrapper passing its words on (bash(1) "Special Parameters": "$@"), called for 81 hosts of the VPC.
WRAPPER = 'run() { ssh -o StrictHostKeyChecking=no -o ConnectTimeout=5 "$@"; }\n' + "".join(
    f"run ec2-user@10.20.{r}.{s} sudo systemctl restart fleet-agent\n" for r in range(1, 10) for s in range(1, 10)
)
WRAPPER_PARTNER = WRAPPER + "run ec2-user@@P@ sudo systemctl restart fleet-agent\n"
WRAPPER_MIDDLE_PARTNER = WRAPPER.replace("ec2-user@10.20.7.7 ", "ec2-user@@P@ ")

# Stop 58's readings, everyday: a default of another variable, a NUL-separated list, a function that logs then echoes.
EVERYDAY = r"""HOME_REGION=@R@
R=${FLEET_REGION:-$HOME_REGION}
aws sqs list-queues --region "$R"
mapfile -t -d '' RS < <(printf '%s\0' @R@ @R2@)
for r in "${RS[@]}"; do aws ssm get-parameter --name /fleet/boot/ready --region "$r" || true; done
dr_region() { logger -t fleet "choosing the DR Region"; echo @R2@; }
DR="$(dr_region)"
aws s3 ls s3://fleet-logs-@c@/ --region "$DR"
PLAN="fleet-@R@-blue"
aws logs describe-log-groups --region "${PLAN:6:-5}"
"""
EVERYDAY_ABROAD = EVERYDAY.replace("HOME_REGION=@R@", "HOME_REGION=@X@")
EVERYDAY_NUL_ABROAD = EVERYDAY.replace("printf '%s\\0' @R@ @R2@", "printf '%s\\0' @R@ @X@")

# rsyslog's include of a directory outside /etc/rsyslog.d (stop 58's reading) forwarding to the VPC's collector, and
# `read -d ,` of a file the script writes (bash(1) "read": "-d delim The first character of delim is used to
# terminate the input line").
RSYSLOG_INCLUDE = r"""mkdir -p /etc/fleet/rsyslog
cat > /etc/fleet/rsyslog/forward.conf <<'EOF'
action(type="omfwd" target="10.20.1.60" port="514" protocol="tcp")
EOF
echo '$IncludeConfig /etc/fleet/rsyslog/*.conf' >> /etc/rsyslog.conf
systemctl restart rsyslog
"""
RSYSLOG_INCLUDE_PARTNER = RSYSLOG_INCLUDE.replace('target="10.20.1.60"', 'target="@P@"')
READ_DELIM = r"""printf '%s,%s\n' @R@ blue > /etc/fleet/plan
read -r -d , R < /etc/fleet/plan || true
aws sqs list-queues --region "$R"
"""
READ_DELIM_ABROAD = READ_DELIM.replace("@R@ blue", "@X@ blue")

ALI_HOSTPORT = HOSTPORT.replace("10.20.1.", "172.16.1.")
ALI_HOSTPORT_PARTNER = ALI_HOSTPORT.replace("172.16.1.19", "@P@")
ALI_OCTETS = OCTETS.replace("10.20.", "172.16.")
ALI_OCTETS_PARTNER = ALI_OCTETS + 'redis-cli -h "@P@" -p 6379 ping\n'

AWS_SHAPES: dict[str, tuple[str, set[str]]] = {
    "octets-home": (OCTETS, set()),
    "octets-partner": (OCTETS_PARTNER, {"RES-015"}),
    "split-home": (SPLIT_HOME, set()),
    "split-public": (SPLIT, {"RES-015"}),
    "hostport-home": (HOSTPORT, set()),
    "hostport-partner": (HOSTPORT_PARTNER, {"RES-015"}),
    "hostport-userinfo": (HOSTPORT_USERINFO, {"RES-015"}),
    "assign-hostport-home": (ASSIGN_HOSTPORT, set()),
    "assign-hostport-partner": (ASSIGN_HOSTPORT_PARTNER, {"RES-015"}),
    "wrapper-home": (WRAPPER, set()),
    "wrapper-partner": (WRAPPER_PARTNER, {"RES-015"}),
    "wrapper-middle-partner": (WRAPPER_MIDDLE_PARTNER, {"RES-015"}),
    "everyday-home": (EVERYDAY, set()),
    "everyday-abroad": (EVERYDAY_ABROAD, {"RES-009"}),
    "everyday-nul-abroad": (EVERYDAY_NUL_ABROAD, {"RES-009"}),
    "rsyslog-include-home": (RSYSLOG_INCLUDE, set()),
    "rsyslog-include-partner": (RSYSLOG_INCLUDE_PARTNER, {"RES-015"}),
    "read-delim-home": (READ_DELIM, set()),
    "read-delim-abroad": (READ_DELIM_ABROAD, {"RES-009"}),
}  # fmt: skip
"""Each AWS shape (EC2 instance user data) and its verdict in every jurisdiction."""
ALI_SHAPES: dict[str, tuple[str, set[str]]] = {
    "ali-hostport-home": (ALI_HOSTPORT, set()),
    "ali-hostport-partner": (ALI_HOSTPORT_PARTNER, {"RES-015"}),
    "ali-octets-home": (ALI_OCTETS, set()),
    "ali-octets-partner": (ALI_OCTETS_PARTNER, {"RES-015"}),
}  # fmt: skip
"""Each Alibaba Cloud shape (ECS instance user data) and its verdict in every jurisdiction."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"falsealarm59-{code.lower()}-"
        out += [
            (p + shape, code, _boot(body)(code), set(expected), []) for shape, (body, expected) in AWS_SHAPES.items()
        ]
    for code in ALI_CODES:
        p = f"falsealarm59-{code.lower()}-"
        out += [
            (p + shape, code, _ali(body)(code), set(expected), []) for shape, (body, expected) in ALI_SHAPES.items()
        ]
    return out
