"""False alarms, round 28 (stop 61, issue 9: falsealarm61).

What stop 60 left refusing compliant programs in the one script reader (docs/residency-open.md, "Free text and
scripts"): a function whose output comes from a loop or a ``{ ...; }`` group in its body, a function called in
backquotes (`` R=`region_of_machine` ``), a function whose body is the instance metadata's Region lookup, and ``case``
arms ending in ``;&`` / ``;;&`` (bash(1) "Compound Commands": fall-through and testing the next pattern), each written
as a platform team writes its boot scripts (EC2 / ECS user data, an SSM Command document's ``runCommand`` items) in EU
/ DE / US / JP / CN (aws-cn cn-north-1) and Alibaba Cloud CN / JP / DE, with an offending twin that must stay refused
(a Region abroad, a partner's host), and a long boot script of a dozen functions combining them with stop 60's
readings (appends, ``"${@:2}"``, and-or echoes, ``printf -v``).

Reproduced on the unchanged engine (main 3c67a1f3; one-value probes, then this table through every door): 139
programs, 126 failed: every one of the 67 compliant programs was refused (RES-011 at home: the call's output unknown;
RES-015 for the VPC's hosts so made: false alarms), 59 offending twins were refused under RES-011 instead of (or
beside) their own rule (RES-009 / RES-015: wrong rules), no leak; the 13 partner twins of the hosts' shapes passed
(RES-015 already).

Fixed (components/residency/scripts.py ``_branch_paths`` and its helpers (``_branch_command``'s loops and groups,
``_branch_case``'s fall-through), ``function_outputs_written`` (backquoted calls; a body of silent commands and one
command the evaluator computes, the metadata's Region)): each compliant program passes; each twin is refused under
its own rule.

Ids: ``falsealarm61-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, Build, Row
from platform_programs_falsealarm58 import ABROAD, SECOND, _ali, _boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")

# -- a function's output made by a loop (bash(1) "Compound Commands": "for name [ [ in [ word ... ] ] ; ] do list ;
# done ... The return status is the exit status of the last command that executes"; the function's standard output is
# each iteration's) ---------------------------------------------------------------------------------------------------
LOOP_ECHO = r"""dr_regions() {
  for r in @R@ @R2@; do
    echo "$r"
  done
}
for region in $(dr_regions); do
  aws ssm get-parameter --name /fleet/boot/ready --region "$region" || true
done
"""
LOOP_ECHO_ABROAD = LOOP_ECHO.replace("for r in @R@ @R2@", "for r in @R@ @X@")

# the loop over a variable the script sets (its words)
LOOP_ECHO_VAR = r"""REGIONS="@R@ @R2@"
regions() { for r in $REGIONS; do echo "$r"; done; }
for region in $(regions); do aws sqs list-queues --region "$region"; done
"""
LOOP_ECHO_VAR_ABROAD = LOOP_ECHO_VAR.replace('REGIONS="@R@ @R2@"', 'REGIONS="@R@ @X@"')

# the VPC's peers built in a loop, then the database
PEERS = r"""peers() {
  for i in 7 8 9; do
    echo "10.20.1.$i"
  done
  echo 10.20.1.30
}
for h in $(peers); do
  nc -z -w 3 "$h" 5432 || logger -t fleet "$h unreachable"
done
"""
PEERS_PARTNER = PEERS.replace("  echo 10.20.1.30\n", "  echo @P@\n")

# -- a `{ ...; }` group in a function's body (bash(1) "Compound Commands": "{ list; } list is simply executed in the
# current shell environment"): the guard clause `[ -f F ] && { ...; return 0; }` ---------------------------------------
GROUP_GUARD = r"""target_region() {
  [ -f /etc/fleet/standby ] && { logger -t fleet "standby"; echo @R2@; return 0; }
  echo @R@
}
R=$(target_region)
aws sqs list-queues --region "$R"
"""
GROUP_GUARD_ABROAD = GROUP_GUARD.replace("echo @R2@; return 0;", "echo @X@; return 0;")

# a group whose standard error is dropped, another whose output goes to a log (silent)
GROUP_REDIRECTED = r"""primary_region() {
  {
    logger -t fleet "primary region asked"
    echo @R@
  } 2>/dev/null
  { echo "region asked by $USER"; echo checked; } >> /var/log/fleet-regions.log
}
aws logs describe-log-groups --region "$(primary_region)"
"""
GROUP_REDIRECTED_ABROAD = GROUP_REDIRECTED.replace("    echo @R@\n", "    echo @X@\n")

# -- a function called in backquotes (bash(1) "Command Substitution": "$(command) or `command`") ---------------------
BACKQUOTE = r"""dr_region() {
  if [ -f /etc/fleet/standby ]; then
    echo @R2@
  else
    echo @R@
  fi
}
DR=`dr_region`
aws s3 ls "s3://fleet-logs-@c@/" --region "$DR"
"""
BACKQUOTE_ABROAD = BACKQUOTE.replace("    echo @R2@\n", "    echo @X@\n")

# the machine's own Region through IMDSv2, in a function (EC2 User Guide, "Retrieve instance metadata": the token,
# then meta-data/placement/region), called in backquotes and with $( )
IMDS_FUNCTION = r"""region_of_machine() {
  TOKEN=$(curl -sS -X PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
  curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/placement/region
}
REGION=`region_of_machine`
aws sqs list-queues --region "$REGION"
aws logs describe-log-groups --region "$(region_of_machine)"
"""
IMDS_FUNCTION_ABROAD = IMDS_FUNCTION + 'aws s3 ls --region "$(echo @X@)"\n'

# -- case arms ending in ;& and ;;& (bash(1) "Compound Commands": "Using ;& in place of ;; causes execution to continue
# with the list associated with the next set of patterns. Using ;;& in place of ;; causes the shell to test the next
# pattern list in the statement, if any, and execute any associated list on a successful match") -------------------
CASE_FALLTHROUGH = r"""regions_for() {
  case "$1" in
    all) echo @R2@ ;&
    primary) echo @R@ ;;
    *) echo @R@ ;;
  esac
}
for r in $(regions_for all); do
  aws sqs list-queues --region "$r"
done
"""
CASE_FALLTHROUGH_ABROAD = CASE_FALLTHROUGH.replace("all) echo @R2@ ;&", "all) echo @X@ ;&")
CASE_TEST_NEXT = r"""hosts_for() {
  case "$1" in
    web|api) echo 10.20.1.7 ;;&
    api|worker) echo 10.20.1.8 ;;&
    *) echo 10.20.1.30 ;;
  esac
}
for h in $(hosts_for api); do
  nc -z -w 3 "$h" 5432 || logger -t fleet "$h down"
done
"""
CASE_TEST_NEXT_PARTNER = CASE_TEST_NEXT.replace("api|worker) echo 10.20.1.8", "api|worker) echo @P@")

# -- a long boot script of a dozen functions combining them with stop 60's readings ------------------------------------
BOOTSTRAP = r"""log() { echo "$(date -u +%FT%TZ) fleet: $*" >&2; }
region_of_machine() {
  TOKEN=$(curl -sS -X PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
  curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/placement/region
}
REGION=`region_of_machine`
DR=@R2@
target_region() {
  [ -f /etc/fleet/standby ] && { logger -t fleet "standby"; echo "$DR"; return 0; }
  echo @R@
}
all_regions() {
  for r in @R@ @R2@; do
    echo "$r"
  done
}
regions_for() {
  case "$1" in
    all) echo @R2@ ;&
    primary) echo @R@ ;;
    *) echo @R@ ;;
  esac
}
services() {
  for i in 30 40 50; do echo "10.20.1.$i"; done
}
each_region() { for r in "${@:2}"; do aws "$1" list-queues --region "$r" || true; done; }
health() { printf -v url 'http://%s:%d/healthz' "$1" 8080; curl -fsS --max-time 3 "$url" -o /dev/null; }
SUFFIX=@R@
SUFFIX+=""
main() {
  log "booting in $REGION"
  for h in $(services); do health "$h" || log "$h unhealthy"; done
  for r in $(all_regions); do aws ssm get-parameter --name /fleet/boot/ready --region "$r" || true; done
  for r in `regions_for all`; do aws sns list-topics --region "$r"; done
  each_region sqs @R@ @R2@
  aws sqs list-queues --region "`target_region`"
  aws logs describe-log-groups --region "$REGION"
  aws s3 ls "s3://fleet-logs-@c@/" --region "$SUFFIX"
  [ -n "$DR" ] && aws s3 ls "s3://fleet-logs-@c@/" --region "$DR" || true
  systemctl enable --now fleet-app
}
main "$@"
"""
BOOTSTRAP_ABROAD = BOOTSTRAP.replace("  for r in @R@ @R2@; do\n", "  for r in @R@ @X@; do\n")
BOOTSTRAP_PARTNER = BOOTSTRAP.replace('for i in 30 40 50; do echo "10.20.1.$i"; done', "echo 10.20.1.30 @P@")

AWS_SHAPES: dict[str, tuple[str, set[str]]] = {
    "loop-echo-home": (LOOP_ECHO, set()),
    "loop-echo-abroad": (LOOP_ECHO_ABROAD, {"RES-009"}),
    "loop-echo-var-home": (LOOP_ECHO_VAR, set()),
    "loop-echo-var-abroad": (LOOP_ECHO_VAR_ABROAD, {"RES-009"}),
    "peers-home": (PEERS, set()),
    "peers-partner": (PEERS_PARTNER, {"RES-015"}),
    "group-guard-home": (GROUP_GUARD, set()),
    "group-guard-abroad": (GROUP_GUARD_ABROAD, {"RES-009"}),
    "group-redirected-home": (GROUP_REDIRECTED, set()),
    "group-redirected-abroad": (GROUP_REDIRECTED_ABROAD, {"RES-009"}),
    "backquote-home": (BACKQUOTE, set()),
    "backquote-abroad": (BACKQUOTE_ABROAD, {"RES-009"}),
    "imds-function-home": (IMDS_FUNCTION, set()),
    "imds-function-abroad": (IMDS_FUNCTION_ABROAD, {"RES-009"}),
    "case-fallthrough-home": (CASE_FALLTHROUGH, set()),
    "case-fallthrough-abroad": (CASE_FALLTHROUGH_ABROAD, {"RES-009"}),
    "case-test-next-home": (CASE_TEST_NEXT, set()),
    "case-test-next-partner": (CASE_TEST_NEXT_PARTNER, {"RES-015"}),
    "bootstrap-home": (BOOTSTRAP, set()),
    "bootstrap-abroad": (BOOTSTRAP_ABROAD, {"RES-009"}),
    "bootstrap-partner": (BOOTSTRAP_PARTNER, {"RES-015"}),
}  # fmt: skip
"""Each AWS shape (EC2 instance user data) and its verdict in every jurisdiction."""

_ALI = {"10.20.": "172.16.", "@R2@": "@R@", "aws sqs list-queues --region": "aliyun ecs DescribeInstances --RegionId",
        "aws logs describe-log-groups --region": "aliyun ecs DescribeRegions --RegionId",
        "aws ssm get-parameter --name /fleet/boot/ready --region": "aliyun ecs DescribeImages --RegionId",
        "aws s3 ls \"s3://fleet-logs-@c@/\" --region": "aliyun oss ls oss://fleet-logs-@c@/ --region",
        "@M@/meta-data/placement/region": "@M@/meta-data/region-id"}  # fmt: skip


def _on_alibaba(body: str) -> str:
    for old, new in _ALI.items():
        body = body.replace(old, new)
    return body


# Alibaba Cloud ECS user data: the instance metadata's `region-id` (ECS "Instance metadata" overview: the token
# `PUT /latest/api/token` with X-aliyun-ecs-metadata-token-ttl-seconds, then `meta-data/region-id`)
ALI_IMDS = r"""region_of_machine() {
  TOKEN=$(curl -sS -X PUT "@M@/api/token" -H "X-aliyun-ecs-metadata-token-ttl-seconds: 300")
  curl -sS -H "X-aliyun-ecs-metadata-token: $TOKEN" @M@/meta-data/region-id
}
REGION=`region_of_machine`
aliyun ecs DescribeInstances --RegionId "$REGION"
"""
ALI_SHAPES: dict[str, tuple[str, set[str]]] = {
    "ali-loop-echo-home": (_on_alibaba(LOOP_ECHO_VAR), set()),
    "ali-loop-echo-abroad": (_on_alibaba(LOOP_ECHO_VAR_ABROAD), {"RES-009"}),
    "ali-backquote-home": (_on_alibaba(BACKQUOTE), set()),
    "ali-backquote-abroad": (_on_alibaba(BACKQUOTE_ABROAD), {"RES-009"}),
    "ali-case-test-next-home": (_on_alibaba(CASE_TEST_NEXT), set()),
    "ali-case-test-next-partner": (_on_alibaba(CASE_TEST_NEXT_PARTNER), {"RES-015"}),
    "ali-imds-function-home": (ALI_IMDS, set()),
    "ali-imds-function-abroad": (ALI_IMDS + 'aliyun ecs DescribeInstances --RegionId "$(echo @X@)"\n', {"RES-009"}),
}  # fmt: skip
"""Each Alibaba Cloud shape (ECS instance user data) and its verdict in every jurisdiction."""


# -- an SSM Command document whose runCommand items define the function over several items ----------------------------


def _runbook(code: str, second: str) -> Build:
    lines = [
        "dr_regions() {",
        f"  for r in {AWS_HOME[code]} {second}; do",
        '    echo "$r"',
        "  done",
        "}",
        "for region in $(dr_regions); do",
        '  aws sqs list-queues --region "$region"',
        "done",
        "pick() {",
        '  case "$1" in',
        f"    dr) echo {second} ;&",
        f"    *) echo {AWS_HOME[code]} ;;",
        "  esac",
        "}",
        "R=`pick dr`",
        'aws logs describe-log-groups --region "$R"',
    ]

    def build(c: Any) -> object:
        # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand: one line each)
        step = {"action": "aws:runShellScript", "name": "check", "inputs": {"runCommand": lines}}
        document = {"schemaVersion": "2.2", "description": "Fleet checks", "mainSteps": [step]}
        return aws.ssm.Document("fleet-checks", name="fleet-checks", document_type="Command", document_format="JSON",
                                content=json.dumps(document), opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"falsealarm61-{code.lower()}-"
        out += [
            (p + shape, code, _boot(body)(code), set(expected), []) for shape, (body, expected) in AWS_SHAPES.items()
        ]
        out += [
            (p + "runbook-home", code, _runbook(code, SECOND[code]), set(), []),
            (p + "runbook-abroad", code, _runbook(code, ABROAD[code]), {"RES-009"}, []),
        ]
    for code in ALI_CODES:
        p = f"falsealarm61-{code.lower()}-"
        out += [
            (p + shape, code, _ali(body)(code), set(expected), []) for shape, (body, expected) in ALI_SHAPES.items()
        ]
    return out
