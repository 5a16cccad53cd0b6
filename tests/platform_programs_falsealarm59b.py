"""False alarms, round 26 (stop 59, issue 9: falsealarm59b).

Everyday compliant programs over what stop 59 changed (array slices and keys, ANSI-C quoting, IFS here-strings,
``read -d`` loops, ``printf -v`` elements, variable substring bounds, branch echoes, jq output files, ``readarray``,
positional operations, ``:=`` defaults with variable words, ``read -n`` / ``-d``, nested rsyslog includes, Fluent
Bit's variables, an empty Datadog ``site`` behind the VPC's proxy, a port judged apart, stage variables' numbers,
Parameter Store references), written as a platform team would (its own Region, account, VPC, private addresses), in
EU / DE / US / JP / CN (aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1), each with an offending
twin that must stay refused.

Reproduced on the unchanged engine (main a15e0128, every door; this table there: 23 of 150 rows failed): **8 false
alarms** in one shape, and a leak (10 rows) found while deciding mutation59's trade-off (5 rows refused now by it):

- ``assign-40-home`` / ``ali-assign-40-home``: ``A="$h:$p"`` over 40 private hosts and two ports (41 values: the port
  judged apart, falsealarm59) then ``curl "http://$A/healthz"``: RES-015 (``$(more values than the reader keeps)``:
  the cap was the 40 loop words). A variable now keeps every value its assignments give in the first pass
  (engine ``_values_anywhere``); the partner's host among them (``-partner``) is RES-015 by name.
- mutation59's trade-off (``: "${R:=<abroad>}"`` in a function body, R set to the home Region before every call):
  refused where R was set after the definition (``fn-default-after-decided``, ``fn-default-branch-decided``), passed
  where R was set before it (``fn-default-set-decided``) -- by text order, not proof: the same program with ``R=`` or
  ``unset R`` before the call (``fn-default-emptied``, ``fn-default-unset-later``) passed every door with the Region
  abroad (a leak). Decided: the word of a default assignment is one of the variable's values anywhere (a function
  runs when called; A may be unset or empty then): all five are RES-009. What the team writes instead passes:
  the default at home (``fn-home-default``), ``${R:?message}`` (``fn-require``), a top-level default after R's value.
- A CloudFormation dynamic reference ``{{resolve:ssm:/orders/db-host}}`` at a host is RES-015 even beside the stack's
  own ``ssm.Parameter`` holding a private address (``store-own-home``, decided fail closed by fnros59: the template
  is resolved at deployment); the one way through is declaring its exact text (``store-own-declared`` passes); the
  refusal says "Write the host in the template (or a Parameter's value), or declare the destination".

Pinned (passed before and after; twins refused before and after): stop 59's shell readings (``everyday``,
``reads``, ``jq``), logs to the VPC's collectors (``logs``: nested rsyslog include, Fluent Bit ``${FLB_HOST}``,
Datadog ``site: ""`` with ``dd_url`` at the VPC's proxy), a variable default word (``fn-default-var``), stage
variables of every number shape (``stage-variables-home``).

Ids: ``falsealarm59b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, PARTNER_DB, Build, Row
from platform_programs_falsealarm58 import _ali, _boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")

# mutation59's trade-off: a function giving A a default (bash(1) "${parameter:=word}": "If parameter is unset or
# null, the expansion of word is assigned to parameter") while every call comes after A is set to the home Region.
FN_DEFAULT = r"""R=@R@
ensure_region() {
  : "${R:=@X@}"
  aws sqs list-queues --region "$R"
}
ensure_region
"""
FN_DEFAULT_UNSET = FN_DEFAULT.replace("R=@R@\n", "")
# The counter cases of a value set before the definition: emptied or unset before the call (the default abroad is used).
FN_DEFAULT_EMPTIED = FN_DEFAULT.replace("ensure_region\n", "R=\nensure_region\n")
FN_DEFAULT_UNSET_LATER = FN_DEFAULT.replace("ensure_region\n", "unset R\nensure_region\n")
# A set after the function's definition, in either branch of an `if`, before the one call.
FN_DEFAULT_BRANCH = r"""ensure_region() {
  : "${R:=@X@}"
  aws sqs list-queues --region "$R"
}
if [ -f /etc/fleet/standby ]; then R=@R2@; else R=@R@; fi
ensure_region
"""
# A set at the top level after the function's definition, before the one call.
FN_DEFAULT_AFTER = FN_DEFAULT_BRANCH.replace("if [ -f /etc/fleet/standby ]; then R=@R2@; else R=@R@; fi", "R=@R@")
# What the team writes instead: `${R:?message}` (bash(1): "If parameter is null or unset, the expansion of word ... is
# written to the standard error and the shell, if it is not interactive, exits"): no value abroad to judge.
FN_REQUIRE = FN_DEFAULT_BRANCH.replace(': "${R:=@X@}"', ': "${R:?set R before ensure_region}"')
FN_HOME_DEFAULT = FN_DEFAULT_BRANCH.replace(': "${R:=@X@}"', ': "${R:=@R@}"')
TOP_EMPTIED = 'R=@R@\nR=\n: "${R:=@X@}"\naws sqs list-queues --region "$R"\n'
# The counter case: A set in one branch only (the other leaves it unset: the default abroad is used there).
FN_DEFAULT_ONE_BRANCH = FN_DEFAULT_BRANCH.replace("; else R=@R@; fi", "; fi")
# The same with a variable word (the default another variable, itself the home Region).
FN_DEFAULT_VAR = r"""HOME_REGION=@R@
R=@R@
ensure_region() {
  : "${R:=$HOME_REGION}"
  aws sqs list-queues --region "$R"
}
ensure_region
"""
FN_DEFAULT_VAR_ABROAD = FN_DEFAULT_VAR.replace("HOME_REGION=@R@", "HOME_REGION=@X@").replace("R=@R@\n", "")

# 40 private hosts by two ports built into one variable (80 values: past the 32 a variable holds).
_HOSTS40 = " ".join(f"10.20.3.{n}" for n in range(1, 41))
ASSIGN_40 = f"""for h in {_HOSTS40}; do
  for p in 8080 9100; do
    A="$h:$p"
    curl -fsS --max-time 3 "http://$A/healthz" -o /dev/null || logger -t fleet "$A unhealthy"
  done
done
"""
ASSIGN_40_PARTNER = ASSIGN_40.replace("10.20.3.40", "@P@")

# Stop 59's shell readings, everyday (bash(1) "Arrays", "QUOTING" ($'string'), "Here Strings", "read", "printf -v").
EVERYDAY = r"""RS=(@R@ @R2@ @R@)
for r in "${RS[@]:0:2}"; do aws sqs list-queues --region "$r"; done
for i in "${!RS[@]}"; do aws ssm get-parameter --name /fleet/boot/ready --region "${RS[$i]}" || true; done
Q=$'@R@'
aws logs describe-log-groups --region "$Q"
IFS=, read -r A B <<< "@R@,@R2@"
aws sqs list-queues --region "$B"
printf -v 'DR[1]' '%s' @R2@
aws s3 ls s3://fleet-logs-@c@/ --region "${DR[1]}"
readarray -t LS < <(printf '%s\n' @R@ @R2@)
aws sqs list-queues --region "${LS[1]}"
deploy() { aws sqs list-queues --region "${1#fleet-}"; }
deploy fleet-@R@
PLAN="fleet-@R@"
N=6
aws sqs list-queues --region "${PLAN:$N}"
pick() { case "$1" in dr) echo @R2@ ;; *) echo @R@ ;; esac; }
aws sqs list-queues --region "$(pick dr)"
HOME_REGION=@R@
: "${REGION:=$HOME_REGION}"
aws sqs list-queues --region "$REGION"
"""
EVERYDAY_ABROAD = EVERYDAY.replace("HOME_REGION=@R@", "HOME_REGION=@X@")
EVERYDAY_READARRAY_ABROAD = EVERYDAY.replace("printf '%s\\n' @R@ @R2@", "printf '%s\\n' @R@ @X@")

# read -n / -N / -d from a file the script writes, and a here-document (bash(1) "read").
READS = r"""mkdir -p /etc/fleet
printf '%s\n' @R@ > /etc/fleet/region
read -r -n 32 R < /etc/fleet/region
aws sqs list-queues --region "$R"
read -r -d : D <<EOF
@R2@:standby
EOF
aws sqs list-queues --region "$D"
while IFS= read -r -d ';' r; do aws sqs list-queues --region "$r"; done <<< "@R@;@R2@;"
"""
READS_ABROAD = READS.replace("@R2@:standby", "@X@:standby")

# jq's output written to a file and read back; slices, if and a defined function over the team's plan.
JQ = r"""mkdir -p /etc/fleet
cat > /etc/fleet/plan.json <<'EOF'
{"regions": ["@R@", "@R2@"], "dr": {"enabled": true, "region": "@R2@"}}
EOF
jq -r '.regions[0]' /etc/fleet/plan.json > /etc/fleet/region
aws sqs list-queues --region "$(cat /etc/fleet/region)"
aws sqs list-queues --region "$(jq -r '.regions[1:][0]' /etc/fleet/plan.json)"
aws sqs list-queues --region "$(jq -r 'if .dr.enabled then .dr.region else .regions[0] end' /etc/fleet/plan.json)"
aws sqs list-queues --region "$(jq -r 'def dr: .dr.region; dr' /etc/fleet/plan.json)"
"""
JQ_ABROAD = JQ.replace('"region": "@R2@"', '"region": "@X@"')

# Logs to the VPC's collectors through nested rsyslog includes, Fluent Bit's variables and the Datadog Agent with an
# empty site behind the VPC's proxy (datadog-agent endpoints.go GetMainEndpoint: dd_url first when set).
LOGS = r"""mkdir -p /etc/fleet/rsyslog /etc/fluent-bit /etc/datadog-agent
cat > /etc/fleet/rsyslog/forward.conf <<'EOF'
action(type="omfwd" target="10.20.1.60" port="514" protocol="tcp")
EOF
cat > /etc/rsyslog.d/10-fleet.conf <<'EOF'
$IncludeConfig /etc/fleet/rsyslog/*.conf
EOF
export FLB_HOST=10.20.1.61
cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'
[OUTPUT]
    Name  forward
    Match *
    Host  ${FLB_HOST}
    Port  24224
EOF
cat > /etc/datadog-agent/datadog.yaml <<'EOF'
api_key: 0123456789abcdef0123456789abcdef
site: ""
dd_url: http://10.20.1.62:3834
EOF
systemctl restart rsyslog fluent-bit datadog-agent
"""
LOGS_PARTNER = LOGS.replace('target="10.20.1.60"', 'target="@P@"')
LOGS_FLB_PARTNER = LOGS.replace("FLB_HOST=10.20.1.61", "FLB_HOST=@P@")

AWS_SHAPES: dict[str, tuple[str, set[str]]] = {
    "fn-default-set-decided": (FN_DEFAULT, {"RES-009"}),
    "fn-default-unset": (FN_DEFAULT_UNSET, {"RES-009"}),
    "fn-default-emptied": (FN_DEFAULT_EMPTIED, {"RES-009"}),
    "fn-default-unset-later": (FN_DEFAULT_UNSET_LATER, {"RES-009"}),
    "fn-default-after-decided": (FN_DEFAULT_AFTER, {"RES-009"}),
    "fn-require": (FN_REQUIRE, set()),
    "fn-home-default": (FN_HOME_DEFAULT, set()),
    "top-emptied": (TOP_EMPTIED, {"RES-009"}),
    "fn-default-branch-decided": (FN_DEFAULT_BRANCH, {"RES-009"}),
    "fn-default-one-branch": (FN_DEFAULT_ONE_BRANCH, {"RES-009"}),
    "fn-default-var": (FN_DEFAULT_VAR, set()),
    "fn-default-var-abroad": (FN_DEFAULT_VAR_ABROAD, {"RES-009"}),
    "assign-40-home": (ASSIGN_40, set()),
    "assign-40-partner": (ASSIGN_40_PARTNER, {"RES-015"}),
    "everyday-home": (EVERYDAY, set()),
    "everyday-abroad": (EVERYDAY_ABROAD, {"RES-009"}),
    "everyday-readarray-abroad": (EVERYDAY_READARRAY_ABROAD, {"RES-009"}),
    "reads-home": (READS, set()),
    "reads-abroad": (READS_ABROAD, {"RES-009"}),
    "jq-home": (JQ, set()),
    "jq-abroad": (JQ_ABROAD, {"RES-009"}),
    "logs-home": (LOGS, set()),
    "logs-partner": (LOGS_PARTNER, {"RES-015"}),
    "logs-flb-partner": (LOGS_FLB_PARTNER, {"RES-015"}),
}  # fmt: skip
"""Each AWS shape (EC2 instance user data) and its verdict in every jurisdiction."""

ALI_LOGS = LOGS.replace("10.20.1.", "172.16.1.")
ALI_ASSIGN_40 = ASSIGN_40.replace("10.20.3.", "172.16.3.")
ALI_SHAPES: dict[str, tuple[str, set[str]]] = {
    "ali-logs-home": (ALI_LOGS, set()),
    "ali-logs-partner": (ALI_LOGS.replace('target="172.16.1.60"', 'target="@P@"'), {"RES-015"}),
    "ali-assign-40-home": (ALI_ASSIGN_40, set()),
    "ali-assign-40-partner": (ALI_ASSIGN_40.replace("172.16.3.40", "@P@"), {"RES-015"}),
}  # fmt: skip
"""Each Alibaba Cloud shape (ECS instance user data) and its verdict in every jurisdiction."""


STORE_DECLARED = {
    "id": "orders-db-host",
    "kind": "resident",
    "match": "{{resolve:ssm:/orders/db-host}}",
    "evidence": "the stack's own Parameter Store parameter /orders/db-host: the orders database's private address",
}
"""The one way through for a dynamic reference: declaring it by its exact text (the refusal says so)."""


def _stored_host(host: Any, stored: str | None) -> Build:
    """A CloudFormation stack whose Lambda function's DB_HOST is ``host`` (a Parameter Store reference), beside the
    stack's own Parameter Store parameter ``/orders/db-host`` holding ``stored`` (None: no such parameter)."""
    role = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders"}
    function = {"Type": "AWS::Lambda::Function", "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler", "Role": role,
        "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
        "Environment": {"Variables": {"DB_HOST": host, "DB_PORT": "5432"}}}}  # fmt: skip
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Orders": function}})

    def build(c: Any) -> object:
        if stored is not None:
            # docs: ssm/parameter (name, type, value)
            aws.ssm.Parameter("db-host", name="/orders/db-host", type="String", value=stored, opts=c.aws)
        # docs: cloudformation/stack (name, template_body, capabilities)
        return aws.cloudformation.Stack("orders", name="orders", template_body=document,
                                        capabilities=["CAPABILITY_IAM"], opts=c.aws)  # fmt: skip

    return build


def _stage_variables(code: str, backend: str) -> dict[str, str]:
    """A team's everyday stage variables (API Gateway "Use stage variables": a Lambda alias, a backend host, any value a
    mapping template or the function reads): numbers of every shape beside the VPC's database and the home Region."""
    return {"lambdaAlias": "live", "backend": backend, "region": AWS_HOME[code], "release": "2026.12.07",
            "timeoutMs": "29000", "sampleRate": "0.25", "apiVersion": "v1.2", "maxBodyBytes": "10485760",
            "schema": "3.1", "build": "4.18.2.1109", "retryJitter": "0.5"}  # fmt: skip


def _stages(backend: str) -> Callable[[str], Build]:
    # docs: apigateway/restapi (endpoint_configuration.types REGIONAL), apigateway/stage (variables), apigatewayv2/stage
    # (stage_variables)
    def make(code: str) -> Build:
        def build(c: Any) -> object:
            variables = _stage_variables(code, backend)
            api = aws.apigateway.RestApi("claims", name="claims", endpoint_configuration={"types": "REGIONAL"},
                                         opts=c.aws)  # fmt: skip
            deployment = aws.apigateway.Deployment("claims", rest_api=api.id, opts=c.aws)
            aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
                                 variables=variables, opts=c.aws)  # fmt: skip
            http = aws.apigatewayv2.Api("claims-http", name="claims-http", protocol_type="HTTP", opts=c.aws)
            return aws.apigatewayv2.Stage("prod-http", api_id=http.id, name="prod", auto_deploy=True,
                                          stage_variables=variables, opts=c.aws)  # fmt: skip

        return build

    return make


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"falsealarm59b-{code.lower()}-"
        out += [
            (p + shape, code, _boot(body)(code), set(expected), []) for shape, (body, expected) in AWS_SHAPES.items()
        ]
    for code in ALI_CODES:
        p = f"falsealarm59b-{code.lower()}-"
        out += [
            (p + shape, code, _ali(body)(code), set(expected), []) for shape, (body, expected) in ALI_SHAPES.items()
        ]
    for code in AWS_CODES:
        p = f"falsealarm59b-{code.lower()}-"
        out += [
            (p + "stage-variables-home", code, _stages("10.20.1.30")(code), set(), []),
            (p + "stage-variables-partner", code, _stages(PARTNER_DB)(code), {"RES-015"}, []),
        ]
    resolve = "{{resolve:ssm:/orders/db-host}}"
    for code in ("EU", "US"):
        p = f"falsealarm59b-{code.lower()}-"
        out += [
            (p + "store-own-home", code, _stored_host(resolve, "10.20.1.30"), {"RES-015"}, []),
            (p + "store-own-partner", code, _stored_host(resolve, "db.partner-analytics.com"), {"RES-015"}, []),
            (p + "store-absent", code, _stored_host(resolve, None), {"RES-015"}, []),
            (p + "store-own-declared", code, _stored_host(resolve, "10.20.1.30"), set(), [STORE_DECLARED]),
        ]
    return out
