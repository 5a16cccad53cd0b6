"""False alarms, round 27 (stop 60, issue 9: falsealarm60).

Everyday compliant programs over stop 58-59's readings in combinations and at scale, written as a platform team would
(its own Region, account, VPC, private addresses, its own collectors), in EU / DE / US / JP / CN (aws-cn cn-north-1;
Alibaba cn-shanghai, ap-northeast-1, eu-central-1), each with an offending twin that must stay refused: a long boot
script of many functions (IMDSv2, a retry wrapper, array slices, ANSI-C quoting, IFS here-strings, ``read -d`` loops,
branch echoes, words quoted in parts), 40 services' hosts and ports in variables, a collector configuration of many
outputs all to the VPC's collectors (Fluent Bit, Vector, OpenTelemetry, Telegraf, Prometheus, rsyslog, HAProxy), a
CloudFormation template of 48 resources (a RAM share of its subnets, Lake Formation grants to its own roles, an MQ
configuration's base64 XML, stage variables, functions reading a Parameter's Ref), an SSM Command document's
``runCommand`` items.

Reproduced on the unchanged engine (main 0183f733; one-value probes, then this table through every door): two
everyday shell forms were refused with the home values (false alarms), and one leak was found beside them:

- ``printf-url-home``: ``url=$(printf 'http://%s:%d/healthz' "$h" 8080)`` in a loop over the VPC's hosts, and an SQS
  queue URL built the same way from ``"$R"``: RES-015 (the substitution's argument a variable: not computed; the
  queue's host read as a placeholder). Literal arguments and ``printf -v url ...`` were computed.
- ``jq-arg-home``: ``jq -r --arg role "$role" '.regions[$role]' plan.json`` (the jq variable named as the shell's, the
  manual's idiom) in a loop or an assignment: RES-011 (the shell's value was written into the single-quoted program,
  ``.regions[primary]``; in an assignment the ``--arg`` value stayed ``$role``). Abroad it was RES-011, not RES-009.
- a leak: ``printf -v url 'http://%s:%d/healthz' <partner> 8080`` then ``curl "$url"`` passed every door
  (``printf-v-url-partner``): the URL printf prints was in no text the reference scan read.

Fixed (components/residency/scripts.py ``printf_as_assignments``, ``_printf_unread``, ``substitution_filled``,
``_jq_file_values`` (its runs per value through ``_jq_arguments_resolved``); engine ``_assigned_urls`` /
``_printed_urls``, ``_judge_found_hosts``,
the scan's gate in ``_judge_script``): ``NAME=$(printf FORMAT ARGS)`` is ``printf -v NAME FORMAT ARGS``'s assignment;
the URL scan reads both rewritten, and the URL a printf substitution in an argument prints; an unread ``printf -v`` is
an unknown value (it was unset); a command substitution's single-quoted text is not filled with the shell's values; jq
over a written file runs once for each value an ``--arg NAME "$VAR"`` holds. The twins stay refused: a partner's host
among the hosts (RES-015), a Region abroad (RES-009), a queue URL abroad (RES-006).

Pinned (passed before and after; twins refused before and after): the boot script, the 40 services, the collectors,
the 48-resource template (its twins: a partner's database as the Parameter's Default RES-015, a Lake Formation grant
to a partner's role RES-023 outside CN, a partner's broker in the MQ XML RES-015), the SSM document's literal items.

Ids: ``falsealarm60-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, PARTNER_DB, Build, Row
from platform_programs_awsred58 import PARTNER_ACCOUNT
from platform_programs_awsred58b import _broker_xml
from platform_programs_falsealarm58 import ABROAD, SECOND, _ali, _boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")

# -- the false alarms: printf's output assigned by a substitution, jq's variable named as the shell's ----------------

# bash(1) "printf": "printf [-v var] format [arguments]"; "Command Substitution": the output, trailing newlines deleted.
PRINTF_URL = r"""R=@R@
for h in 10.20.1.7 10.20.1.8 10.20.1.9; do
  url=$(printf 'http://%s:%d/healthz' "$h" 8080)
  curl -fsS --max-time 3 "$url" -o /dev/null || logger -t fleet "$h unhealthy"
done
Q=$(printf 'https://sqs.%s.%s/%s/fleet-jobs' "$R" @S@ @A@)
aws sqs send-message --queue-url "$Q" --message-body ready --region "$R"
"""
PRINTF_URL_PARTNER = PRINTF_URL.replace("10.20.1.9;", "@P@;")
PRINTF_URL_ABROAD = PRINTF_URL.replace("R=@R@", "R=@X@").replace('--region "$R"', "--region @R@")
# printf -v (bash(1): "The -v option causes the output to be assigned to the variable var")
PRINTF_V_URL = r"""for h in 10.20.1.7 10.20.1.8; do
  printf -v url 'http://%s:%d/healthz' "$h" 8080
  curl -fsS --max-time 3 "$url" -o /dev/null
done
printf -v metrics 'http://%s:%d/metrics' 10.20.1.9 9100
curl -fsS "$metrics" -o /var/tmp/metrics
"""
PRINTF_V_URL_PARTNER = PRINTF_V_URL.replace("10.20.1.9 9100", "@P@ 9100")

# jq 1.7 manual, "Invoking jq": "--arg name value: This option passes a value to the jq program as a predefined
# variable. If you run jq with --arg foo bar, then $foo is available in the program and has the value "bar""; the
# program single-quoted (bash(1) "Single Quotes"), so `$role` in it is jq's.
JQ_ARG = r"""mkdir -p /etc/fleet
cat > /etc/fleet/plan.json <<'EOF'
{"regions": {"primary": "@R@", "dr": "@R2@"},
 "services": {"db": {"host": "10.20.1.30", "port": 5432}, "cache": {"host": "10.20.1.40", "port": 6379}}}
EOF
for role in primary dr; do
  aws sqs list-queues --region "$(jq -r --arg role "$role" '.regions[$role]' /etc/fleet/plan.json)"
done
role=primary
R=$(jq -r --arg role "$role" '.regions[$role]' /etc/fleet/plan.json)
aws logs describe-log-groups --region "$R"
for svc in db cache; do
  h=$(jq -r --arg svc "$svc" '.services[$svc].host' /etc/fleet/plan.json)
  nc -z -w 3 "$h" 22 || logger -t fleet "$svc unreachable"
done
"""
JQ_ARG_ABROAD = JQ_ARG.replace('"dr": "@R2@"', '"dr": "@X@"')
JQ_ARG_PARTNER = JQ_ARG.replace('"host": "10.20.1.40"', '"host": "@P@"')

# -- pinned: a long boot script of many functions over stop 58-59's readings ------------------------------------------

BOOTSTRAP = r"""log() { echo "$(date -u +%FT%TZ) fleet: $*" >&2; }
imds_token() { curl -sS -X PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"; }
TOKEN=$(imds_token)
REGION=$(curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/placement/region)
retry() { local n=0; until "$@"; do n=$((n+1)); [ "$n" -ge 5 ] && return 1; sleep 2; done; }
fetch() { retry aws s3 cp "s3://fleet-logs-@c@/releases/$1" "/opt/fleet/$1" --region "$REGION"; }
target_region() {
  if [ -f /etc/fleet/standby ]; then
    echo @R2@
  else
    echo @R@
  fi
}
declare -A SVC=([db]=10.20.1.30 [cache]=10.20.1.40 [queue]=10.20.1.50)
probe_all() { for k in "${!SVC[@]}"; do nc -z -w 3 "${SVC[$k]}" 22 || log "$k down"; done; }
RS=(@R@ @R2@ @R@)
each_region() { for r in "$@"; do aws sqs list-queues --region "$r" || true; done; }
parse() { IFS=: read -r DBH DBP <<< "$1"; }
Q=$'@R@'
DR="@R2@"
BUCKET="fleet-logs-"@c@
usage() { echo "usage: $0 [-r region]" >&2; exit 1; }
TARGET=@R@
while getopts "r:h" opt; do
  case "$opt" in
    r) TARGET="$OPTARG" ;;
    *) usage ;;
  esac
done
main() {
  log "installing the agent"
  yum install -y amazon-cloudwatch-agent
  fetch app.tar.gz
  fetch config.tar.gz
  probe_all
  each_region "${RS[@]:0:2}"
  for i in "${!RS[@]}"; do aws ssm get-parameter --name /fleet/boot/ready --region "${RS[$i]}" || true; done
  parse 10.20.1.30:5432
  psql -h "$DBH" -p "$DBP" -U fleet -c 'select 1'
  while IFS= read -r -d ';' r; do aws sqs list-queues --region "$r"; done <<< "@R@;@R2@;"
  aws logs describe-log-groups --region "$Q"
  aws sqs list-queues --region "$(target_region)"
  aws s3 ls "s3://$BUCKET/" --region "$DR"
  aws sqs list-queues --region "$TARGET"
  systemctl enable --now fleet-app
}
main "$@"
"""
BOOTSTRAP_ABROAD = BOOTSTRAP.replace("    echo @R2@\n", "    echo @X@\n")

# 40 services' hosts and ports, each in a variable of its own, checked by one helper.
MANY_VARIABLES = (
    'log() { logger -t fleet "$*"; }\n'
    + "".join(f"SVC{i}_HOST=10.20.{i}.10\nSVC{i}_PORT=80{i:02d}\n" for i in range(1, 41))
    + "".join(f'curl -fsS "http://${{SVC{i}_HOST}}:${{SVC{i}_PORT}}/healthz" || log "svc{i}"\n' for i in range(1, 41))
)
MANY_VARIABLES_PARTNER = MANY_VARIABLES.replace("SVC23_HOST=10.20.23.10", "SVC23_HOST=@P@")

# -- pinned: a collector configuration of many outputs, all to the VPC's collectors ------------------------------------

COLLECTORS = r"""mkdir -p /etc/fluent-bit /etc/vector /etc/otelcol-contrib /etc/telegraf /etc/prometheus /etc/haproxy
cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'
[SERVICE]
    Flush 5
[INPUT]
    Name tail
    Path /var/log/fleet/*.log
    Tag fleet.*
[OUTPUT]
    Name forward
    Match fleet.app
    Host 10.20.1.61
    Port 24224
[OUTPUT]
    Name syslog
    Match fleet.sys
    Host 10.20.1.63
    Port 514
    Mode tcp
[OUTPUT]
    Name http
    Match fleet.metrics
    Host 10.20.1.64
    Port 8080
    URI /ingest
[OUTPUT]
    Name es
    Match fleet.search
    Host 10.20.1.65
    Port 9200
[OUTPUT]
    Name loki
    Match fleet.loki
    Host 10.20.1.66
    Port 3100
[OUTPUT]
    Name cloudwatch_logs
    Match fleet.cw
    region @R@
    log_group_name /fleet/app
    log_stream_prefix fleet-
EOF
cat > /etc/vector/vector.yaml <<'EOF'
sources:
  app:
    type: file
    include: [/var/log/fleet/*.log]
sinks:
  loki:
    type: loki
    inputs: [app]
    endpoint: http://10.20.1.66:3100
    encoding: {codec: json}
  es:
    type: elasticsearch
    inputs: [app]
    endpoints: [http://10.20.1.65:9200]
  syslog:
    type: socket
    inputs: [app]
    mode: tcp
    address: 10.20.1.63:514
    encoding: {codec: text}
  kafka:
    type: kafka
    inputs: [app]
    bootstrap_servers: 10.20.1.70:9092,10.20.1.71:9092
    topic: fleet-logs
    encoding: {codec: json}
  cw:
    type: aws_cloudwatch_logs
    inputs: [app]
    region: @R@
    group_name: /fleet/app
    stream_name: "{{ host }}"
    encoding: {codec: json}
EOF
cat > /etc/otelcol-contrib/config.yaml <<'EOF'
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
exporters:
  otlp/tempo:
    endpoint: 10.20.1.90:4317
    tls:
      insecure: true
  prometheusremotewrite:
    endpoint: http://10.20.1.67:9090/api/v1/write
  awsxray:
    region: @R@
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [otlp/tempo, awsxray]
    metrics:
      receivers: [otlp]
      exporters: [prometheusremotewrite]
EOF
cat > /etc/telegraf/telegraf.conf <<'EOF'
[[outputs.influxdb_v2]]
  urls = ["http://10.20.1.80:8086"]
  organization = "fleet"
  bucket = "metrics"
[[outputs.kafka]]
  brokers = ["10.20.1.70:9092", "10.20.1.71:9092"]
  topic = "telegraf"
[[outputs.graphite]]
  servers = ["10.20.1.81:2003"]
[[outputs.cloudwatch]]
  region = "@R@"
  namespace = "Fleet"
EOF
cat > /etc/prometheus/prometheus.yml <<'EOF'
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['10.20.1.7:9100', '10.20.1.8:9100', '10.20.1.9:9100']
remote_write:
  - url: http://10.20.1.67:9090/api/v1/write
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['10.20.1.95:9093']
EOF
cat > /etc/rsyslog.d/60-fleet.conf <<'EOF'
if $programname == 'fleet-app' then {
  action(type="omfwd" target="10.20.1.60" port="514" protocol="tcp")
}
*.* @@10.20.1.62:514
EOF
cat > /etc/haproxy/haproxy.cfg <<'EOF'
global
  log 10.20.1.60:514 local0
backend be
  balance roundrobin
  server app1 10.20.1.7:8080 check
  server app2 10.20.1.8:8080 check
EOF
systemctl restart fluent-bit vector otelcol-contrib telegraf prometheus rsyslog haproxy
"""
COLLECTORS_PARTNER = COLLECTORS.replace("endpoint: 10.20.1.90:4317", "endpoint: @P@:4317")

AWS_SHAPES: dict[str, tuple[str, set[str]]] = {
    "printf-url-home": (PRINTF_URL, set()),
    "printf-url-partner": (PRINTF_URL_PARTNER, {"RES-015"}),
    "printf-url-abroad": (PRINTF_URL_ABROAD, {"RES-006"}),
    "printf-v-url-home": (PRINTF_V_URL, set()),
    "printf-v-url-partner": (PRINTF_V_URL_PARTNER, {"RES-015"}),
    "jq-arg-home": (JQ_ARG, set()),
    "jq-arg-abroad": (JQ_ARG_ABROAD, {"RES-009"}),
    "jq-arg-partner": (JQ_ARG_PARTNER, {"RES-015"}),
    "bootstrap-home": (BOOTSTRAP, set()),
    "bootstrap-abroad": (BOOTSTRAP_ABROAD, {"RES-009"}),
    "many-variables-home": (MANY_VARIABLES, set()),
    "many-variables-partner": (MANY_VARIABLES_PARTNER, {"RES-015"}),
    "collectors-home": (COLLECTORS, set()),
    "collectors-partner": (COLLECTORS_PARTNER, {"RES-015"}),
}  # fmt: skip
"""Each AWS shape (EC2 instance user data) and its verdict in every jurisdiction."""

_ALI = {"10.20.": "172.16.", "@R2@": "@R@"}


def _on_alibaba(body: str) -> str:
    for old, new in _ALI.items():
        body = body.replace(old, new)
    return body


ALI_SHAPES: dict[str, tuple[str, set[str]]] = {
    "ali-printf-url-home": (_on_alibaba(PRINTF_V_URL + PRINTF_URL.split("Q=", maxsplit=1)[0]), set()),
    "ali-printf-url-partner": (_on_alibaba(PRINTF_V_URL + PRINTF_URL_PARTNER.split("Q=")[0]), {"RES-015"}),
    "ali-jq-arg-home": (_on_alibaba(JQ_ARG).replace("aws sqs list-queues --region", "aliyun ecs DescribeInstances "
                        "--RegionId").replace("aws logs describe-log-groups --region", "aliyun ecs DescribeInstances "
                        "--RegionId"), set()),
    "ali-collectors-home": (_on_alibaba(COLLECTORS), set()),
    "ali-collectors-partner": (_on_alibaba(COLLECTORS_PARTNER), {"RES-015"}),
}  # fmt: skip
"""Each Alibaba Cloud shape (ECS instance user data) and its verdict in every jurisdiction."""
ALI_SHAPES["ali-jq-arg-abroad"] = (
    ALI_SHAPES["ali-jq-arg-home"][0].replace('"dr": "@R@"', '"dr": "@X@"'),
    {"RES-009"},
)

# -- pinned: a CloudFormation template of 48 resources -----------------------------------------------------------------


def _template(code: str, variant: str) -> dict[str, Any]:
    """The team's claims platform in one template: a VPC of three subnets shared with a partner's account (RAM: used in
    place), Lake Formation grants to its own roles, an MQ configuration (base64 XML: a network connector to its own
    broker), a regional REST API's stage variables, eight queues, topics, log groups and functions reading the database
    host from a Parameter's Ref, and an SSM Command document's items (``variant``: ``home``, or the one value that
    offends: ``partner-db``, ``partner-grant``, ``partner-broker``)."""
    own_role = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/"
    res: dict[str, Any] = {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.40.0.0/16"}}}
    for i, az in enumerate("ABC"):
        res[f"Subnet{az}"] = {"Type": "AWS::EC2::Subnet", "Properties": {
            "VpcId": {"Ref": "Vpc"}, "CidrBlock": f"10.40.{i + 1}.0/24",
            "AvailabilityZone": {"Fn::Select": [i, {"Fn::GetAZs": ""}]}}}  # fmt: skip
    # docs: AWS::RAM::ResourceShare ResourceArns, Principals (awsred59: a subnet share is used in place)
    res["SubnetShare"] = {"Type": "AWS::RAM::ResourceShare", "Properties": {
        "Name": "claims-subnets", "AllowExternalPrincipals": True, "Principals": [PARTNER_ACCOUNT],
        "ResourceArns": [{"Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/${Subnet"
                          + az + "}"} for az in "ABC"]}}  # fmt: skip
    res["ClaimsDb"] = {"Type": "AWS::Glue::Database", "Properties": {
        "CatalogId": {"Ref": "AWS::AccountId"}, "DatabaseInput": {"Name": "claims"}}}  # fmt: skip
    # docs: AWS::LakeFormation::PrincipalPermissions Principal {DataLakePrincipalIdentifier}, Resource, Permissions
    for i, who in enumerate(("claims-analysts", "claims-etl", "claims-auditors")):
        principal: Any = {"Fn::Sub": own_role + who}
        if variant == "partner-grant" and i == 2:
            principal = f"arn:aws{'-cn' if code == 'CN' else ''}:iam::{PARTNER_ACCOUNT}:role/{who}"
        res[f"LakeGrant{i}"] = {"Type": "AWS::LakeFormation::PrincipalPermissions", "Properties": {
            "Principal": {"DataLakePrincipalIdentifier": principal},
            "Resource": {"Database": {"CatalogId": {"Ref": "AWS::AccountId"}, "Name": "claims"}},
            "Permissions": ["DESCRIBE"], "PermissionsWithGrantOption": []}}  # fmt: skip
    # docs: AWS::AmazonMQ::Configuration Data ("The base64-encoded XML configuration")
    broker = _broker_xml(code, "partner" if variant == "partner-broker" else "home")
    res["BrokerConfig"] = {"Type": "AWS::AmazonMQ::Configuration", "Properties": {
        "Name": "claims-broker", "EngineType": "ACTIVEMQ", "EngineVersion": "5.18",
        "Data": base64.b64encode(broker.encode()).decode()}}  # fmt: skip
    # docs: AWS::ApiGateway::RestApi (REGIONAL), AWS::ApiGateway::Stage Variables
    res["Api"] = {"Type": "AWS::ApiGateway::RestApi", "Properties": {
        "Name": "claims", "EndpointConfiguration": {"Types": ["REGIONAL"]}}}  # fmt: skip
    res["Deployment"] = {"Type": "AWS::ApiGateway::Deployment", "Properties": {"RestApiId": {"Ref": "Api"}}}
    res["Prod"] = {"Type": "AWS::ApiGateway::Stage", "Properties": {
        "RestApiId": {"Ref": "Api"}, "DeploymentId": {"Ref": "Deployment"}, "StageName": "prod",
        "Variables": {"lambdaAlias": "live", "backend": "10.40.1.30", "version": "2.3.1", "pageSize": "20000000",
                      "region": AWS_HOME[code]}}}  # fmt: skip
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}  # fmt: skip
    res["FunctionRole"] = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": trust}}
    for i, name in enumerate(("Intake", "Score", "Notify", "Archive", "Report", "Purge", "Audit", "Export")):
        res[f"Queue{name}"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": f"claims-{name.lower()}"}}
        res[f"Topic{name}"] = {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": f"claims-{name.lower()}"}}
        res[f"Logs{name}"] = {"Type": "AWS::Logs::LogGroup", "Properties": {
            "LogGroupName": f"/claims/{name.lower()}", "RetentionInDays": 30}}  # fmt: skip
        res[f"Fn{name}"] = {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["FunctionRole", "Arn"]},
            "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
            "Environment": {"Variables": {
                "DB_HOST": {"Ref": "DbHost"}, "CACHE_HOST": f"10.40.{i % 3 + 1}.40",
                "QUEUE_URL": {"Ref": f"Queue{name}"}, "TOPIC_ARN": {"Ref": f"Topic{name}"},
                "REGION": {"Ref": "AWS::Region"}}}}}  # fmt: skip
    # docs: AWS::SSM::Document Content (schemaVersion 2.2, aws:runShellScript runCommand: one line an item)
    lines = [f"RS=({AWS_HOME[code]} {SECOND[code]})",
             'for r in "${RS[@]:0:1}"; do aws sqs list-queues --region "$r"; done',
             'IFS=: read -r H P <<< "10.40.1.30:5432"', "psql -h \"$H\" -p \"$P\" -U claims -c 'select 1'",
             "url=$(printf 'http://%s:%d/healthz' 10.40.1.31 8080)", 'curl -fsS "$url"']  # fmt: skip
    res["Runbook"] = {"Type": "AWS::SSM::Document", "Properties": {"DocumentType": "Command", "Content": {
        "schemaVersion": "2.2", "description": "claims checks", "mainSteps": [
            {"action": "aws:runShellScript", "name": "check", "inputs": {"runCommand": lines}}]}}}  # fmt: skip
    db = PARTNER_DB if variant == "partner-db" else "10.40.1.30"
    params = {"DbHost": {"Type": "String", "Default": db, "Description": "the claims database's private address"}}
    return {"AWSTemplateFormatVersion": "2010-09-09", "Parameters": params, "Resources": res}


def _stack(variant: str) -> Callable[[str], Build]:
    def make(code: str) -> Build:
        def build(c: Any) -> object:
            # docs: cloudformation/stack (name, template_body, capabilities)
            body = json.dumps(_template(code, variant))
            return aws.cloudformation.Stack("claims", name="claims", template_body=body,
                                            capabilities=["CAPABILITY_IAM"], opts=c.aws)  # fmt: skip

        return build

    return make


# -- an SSM Command document of runCommand items (one shell): the new readings across items ---------------------------


def _runbook(code: str, host: str, region: str) -> Build:
    lines = [
        "mkdir -p /etc/fleet",
        f"""echo '{{"regions": {{"primary": "{AWS_HOME[code]}", "dr": "{region}"}}}}' > /etc/fleet/plan.json""",
        "for role in primary dr; do",
        "  R=$(jq -r --arg role \"$role\" '.regions[$role]' /etc/fleet/plan.json)",
        '  aws sqs list-queues --region "$R"',
        "done",
        f"for h in 10.20.1.7 {host}; do",
        "  url=$(printf 'http://%s:%d/healthz' \"$h\" 8080)",
        '  curl -fsS --max-time 3 "$url" -o /dev/null',
        "done",
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
        p = f"falsealarm60-{code.lower()}-"
        out += [
            (p + shape, code, _boot(body)(code), set(expected), []) for shape, (body, expected) in AWS_SHAPES.items()
        ]
        out += [
            (p + "runbook-home", code, _runbook(code, "10.20.1.8", SECOND[code]), set(), []),
            (p + "runbook-partner", code, _runbook(code, PARTNER_DB, SECOND[code]), {"RES-015"}, []),
            (p + "runbook-abroad", code, _runbook(code, "10.20.1.8", ABROAD[code]), {"RES-009"}, []),
            (p + "template-home", code, _stack("home")(code), set(), []),
            (p + "template-partner-db", code, _stack("partner-db")(code), {"RES-015"}, []),
            (p + "template-partner-broker", code, _stack("partner-broker")(code), {"RES-015"}, []),
        ]
        if code != "CN":  # aws-cn lies wholly in CN: a partner's role there is China's (awsred59)
            out.append((p + "template-partner-grant", code, _stack("partner-grant")(code), {"RES-023"}, []))
    for code in ALI_CODES:
        p = f"falsealarm60-{code.lower()}-"
        out += [
            (p + shape, code, _ali(body)(code), set(expected), []) for shape, (body, expected) in ALI_SHAPES.items()
        ]
    return out
