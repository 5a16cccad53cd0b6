"""False alarms, round 29 (stop 62, issue 9: falsealarm62).

What stop 61 left refusing compliant programs in the one reader of a function's output (docs/residency-open.md, "A
function's output, what round 28 left"): a function choosing its output by a command that prints or a fallback echo
(``region() { curl -sf <IMDS>/meta-data/placement/region || echo <home>; }``: the metadata's Region is the machine's
own), a function echoing an array (``echo "${RS[@]}"``, ``printf '%s\\n' "${RS[@]}"``, a ``for`` loop over
``"${RS[@]}"`` in its body), a predicate function as a branch's test (``standby && { echo <DR>; return 0; }``); then a
hunt through boot scripts written the way platform teams write them (``set -euo pipefail``, a trap, a retry helper,
``getopts``, ``case`` on ``$1``, IMDSv2's token, ``aws configure set region``, ``source /etc/profile.d/*.sh``), in EU
/ US / JP / CN (aws-cn cn-north-1) on AWS and CN / JP on Alibaba Cloud, each with a twin abroad (or naming a partner)
that must stay refused.

Reproduced on the unchanged engine (main 2519f654; one-value probes, then this table through every door): 84
programs, 80 failed: 36 false alarms (every compliant program but IMDSv2's fallback: RES-011 at home, the call's
output unknown), 40 wrong rules (the twins abroad refused under RES-011 instead of or beside RES-009) and 4 leaks
(``imds-token-or-echo-abroad``: the double-quoted substitution ``"$(curl -sf -H "X-...: $token" ... || echo
<abroad>)"`` cut at its inner quote by the word splitter, so ``--region`` held an open substitution no reader judged;
its compliant twin passed for the same wrong reason).

Fixed (components/residency/scripts.py: ``_branch_command`` / ``_branch_if`` read a command that prints on a way,
``_echoed_values`` an array's items, ``function_outputs_written`` a predicate function as a silent test, ``_words`` a
double-quoted substitution as one word, ``_SILENT_COMMAND`` the standard output's redirection only): each compliant
program passes; each twin is refused under RES-009. docs/residency.md, "False alarms, round 29 (stop 62)".

Ids: ``falsealarm62-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from platform_parts import Row
from platform_programs_falsealarm58 import _ali, _boot

AWS_CODES = ("EU", "US", "JP", "CN")
ALI_CODES = ("CN", "JP")

# -- a function choosing its output by a command that prints or a fallback echo (bash(1) "Lists": "command2 is executed
# if, and only if, command1 returns a non-zero exit status"; the function's output is both commands'); the EC2 User
# Guide's "Retrieve instance metadata": placement/region is the instance's own Region ----------------------------------
IMDS_OR_ECHO = r"""region() {
  curl -sf --max-time 2 @M@/meta-data/placement/region || echo @R@
}
REGION="$(region)"
aws sqs list-queues --region "$REGION"
"""
IMDS_OR_ECHO_ABROAD = IMDS_OR_ECHO.replace("|| echo @R@", "|| echo @X@")

# IMDSv2: the token in a local, then the lookup with its fallback
IMDS_TOKEN_OR_ECHO = r"""region_of_machine() {
  local token
  token=$(curl -sf -X PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
  curl -sf -H "X-aws-ec2-metadata-token: $token" @M@/meta-data/placement/region || echo "@R@"
}
aws logs describe-log-groups --region "$(region_of_machine)"
"""
IMDS_TOKEN_OR_ECHO_ABROAD = IMDS_TOKEN_OR_ECHO.replace('|| echo "@R@"', '|| echo "@X@"')

# -- a function echoing an array (bash(1) "Arrays": "${name[@]} expands each element of name to a separate word") -----
ARRAY_ECHO = r"""REGIONS=(@R@ @R2@)
regions() { echo "${REGIONS[@]}"; }
for r in $(regions); do
  aws ssm get-parameter --name /fleet/boot/ready --region "$r" || true
done
"""
ARRAY_ECHO_ABROAD = ARRAY_ECHO.replace("REGIONS=(@R@ @R2@)", "REGIONS=(@R@ @X@)")
ARRAY_PRINTF = r"""REGIONS=(@R@ @R2@)
regions() {
  printf '%s\n' "${REGIONS[@]}"
}
for r in $(regions); do aws sqs list-queues --region "$r"; done
"""
ARRAY_PRINTF_ABROAD = ARRAY_PRINTF.replace("REGIONS=(@R@ @R2@)", "REGIONS=(@R@ @X@)")
ARRAY_LOOP = r"""REGIONS=(@R@ @R2@)
regions() {
  for r in "${REGIONS[@]}"; do
    echo "$r"
  done
}
for r in $(regions); do aws sns list-topics --region "$r"; done
"""
ARRAY_LOOP_ABROAD = ARRAY_LOOP.replace("REGIONS=(@R@ @R2@)", "REGIONS=(@R@ @X@)")

# -- a predicate function as a branch's test (bash(1) "Shell Functions": its status is its last command's; a body of
# tests prints nothing) ----------------------------------------------------------------------------------------------
PREDICATE = r"""standby() { [ -f /etc/fleet/standby ]; }
target_region() {
  standby && { logger -t fleet "standby"; echo @R2@; return 0; }
  echo @R@
}
aws sqs list-queues --region "$(target_region)"
"""
PREDICATE_ABROAD = PREDICATE.replace("echo @R2@; return 0;", "echo @X@; return 0;")
PREDICATE_IF = r"""is_standby() {
  [[ -f /etc/fleet/standby ]] || grep -q '^role=standby$' /etc/fleet/role 2>/dev/null
}
dr_region() {
  if is_standby; then
    echo @R2@
  else
    echo @R@
  fi
}
DR=$(dr_region)
aws s3 ls "s3://fleet-logs-@c@/" --region "$DR"
"""
PREDICATE_IF_ABROAD = PREDICATE_IF.replace("    echo @R2@\n", "    echo @X@\n")

# -- the hunt: aws configure set region from IMDSv2 (the EC2 User Guide's own example; AWS CLI "configure set") --------
CONFIGURE_SET = r"""TOKEN=$(curl -sS -X PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
aws configure set region "$(curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/placement/region)"
aws configure set output json
aws sqs list-queues
"""
CONFIGURE_SET_ABROAD = CONFIGURE_SET + "aws configure set profile.dr.region @X@\n"

# -- the hunt: a boot script as platform teams write it --------------------------------------------------------------
BOOTSTRAP = r"""trap 'logger -t fleet "boot failed at line $LINENO"' ERR
for f in /etc/profile.d/*.sh; do
  # shellcheck disable=SC1090
  source "$f"
done
log() { logger -t fleet -- "$*"; }
retry() {
  local n=0
  until "$@"; do
    n=$((n + 1))
    [ "$n" -ge 5 ] && return 1
    sleep $((n * 2))
  done
}
region_of_machine() {
  local token
  token=$(curl -sf -X PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
  curl -sf -H "X-aws-ec2-metadata-token: $token" @M@/meta-data/placement/region || echo @R@
}
REGIONS=(@R@ @R2@)
all_regions() { printf '%s\n' "${REGIONS[@]}"; }
standby() { [ -f /etc/fleet/standby ]; }
target_region() {
  standby && { echo @R2@; return 0; }
  echo @R@
}
ROLE=app
while getopts ":r:" opt; do
  case "$opt" in
    r) ROLE="$OPTARG" ;;
    *) log "unknown option -$OPTARG" ;;
  esac
done
shift $((OPTIND - 1))
REGION="$(region_of_machine)"
aws configure set region "$REGION"
case "${1:-run}" in
  check)
    for r in $(all_regions); do aws ssm get-parameter --name "/fleet/$ROLE/ready" --region "$r" || true; done
    ;;
  *)
    retry aws sqs list-queues --region "$(target_region)"
    aws s3 cp /var/log/cloud-init-output.log "s3://fleet-logs-@c@/boot/$(hostname -s).log" --region "$REGION"
    ;;
esac
log "booted in $REGION"
"""
BOOTSTRAP_ABROAD = BOOTSTRAP.replace("REGIONS=(@R@ @R2@)", "REGIONS=(@R@ @X@)")
BOOTSTRAP_FALLBACK_ABROAD = BOOTSTRAP.replace(
    "@M@/meta-data/placement/region || echo @R@", "@M@/meta-data/placement/region || echo @X@"
)

AWS_SHAPES: dict[str, tuple[str, set[str]]] = {
    "imds-or-echo-home": (IMDS_OR_ECHO, set()),
    "imds-or-echo-abroad": (IMDS_OR_ECHO_ABROAD, {"RES-009"}),
    "imds-token-or-echo-home": (IMDS_TOKEN_OR_ECHO, set()),
    "imds-token-or-echo-abroad": (IMDS_TOKEN_OR_ECHO_ABROAD, {"RES-009"}),
    "array-echo-home": (ARRAY_ECHO, set()),
    "array-echo-abroad": (ARRAY_ECHO_ABROAD, {"RES-009"}),
    "array-printf-home": (ARRAY_PRINTF, set()),
    "array-printf-abroad": (ARRAY_PRINTF_ABROAD, {"RES-009"}),
    "array-loop-home": (ARRAY_LOOP, set()),
    "array-loop-abroad": (ARRAY_LOOP_ABROAD, {"RES-009"}),
    "predicate-home": (PREDICATE, set()),
    "predicate-abroad": (PREDICATE_ABROAD, {"RES-009"}),
    "predicate-if-home": (PREDICATE_IF, set()),
    "predicate-if-abroad": (PREDICATE_IF_ABROAD, {"RES-009"}),
    "configure-set-home": (CONFIGURE_SET, set()),
    "configure-set-abroad": (CONFIGURE_SET_ABROAD, {"RES-009"}),
    "bootstrap-home": (BOOTSTRAP, set()),
    "bootstrap-abroad": (BOOTSTRAP_ABROAD, {"RES-009"}),
    "bootstrap-fallback-abroad": (BOOTSTRAP_FALLBACK_ABROAD, {"RES-009"}),
}  # fmt: skip
"""Each AWS shape (EC2 instance user data) and its verdict in every jurisdiction."""

# Alibaba Cloud ECS user data: the metadata's `region-id` (ECS "Instance metadata") with a fallback, an array of regions
ALI_IMDS_OR_ECHO = r"""region() {
  curl -sf --max-time 2 @M@/meta-data/region-id || echo @R@
}
aliyun ecs DescribeInstances --RegionId "$(region)"
"""
ALI_ARRAY = r"""REGIONS=(@R@)
regions() { printf '%s\n' "${REGIONS[@]}"; }
for r in $(regions); do aliyun ecs DescribeImages --RegionId "$r"; done
"""
ALI_SHAPES: dict[str, tuple[str, set[str]]] = {
    "ali-imds-or-echo-home": (ALI_IMDS_OR_ECHO, set()),
    "ali-imds-or-echo-abroad": (ALI_IMDS_OR_ECHO.replace("|| echo @R@", "|| echo @X@"), {"RES-009"}),
    "ali-array-home": (ALI_ARRAY, set()),
    "ali-array-abroad": (ALI_ARRAY.replace("REGIONS=(@R@)", "REGIONS=(@R@ @X@)"), {"RES-009"}),
}  # fmt: skip
"""Each Alibaba Cloud shape (ECS instance user data) and its verdict in every jurisdiction."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"falsealarm62-{code.lower()}-"
        out += [
            (p + shape, code, _boot(body)(code), set(expected), []) for shape, (body, expected) in AWS_SHAPES.items()
        ]
    for code in ALI_CODES:
        p = f"falsealarm62-{code.lower()}-"
        out += [
            (p + shape, code, _ali(body)(code), set(expected), []) for shape, (body, expected) in ALI_SHAPES.items()
        ]
    return out
