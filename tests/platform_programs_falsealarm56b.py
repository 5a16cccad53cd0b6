"""False alarms, round 20 (stop 56, issue 9: falsealarm56b).

Everyday compliant programs over what stop 56's first wave changed (docs/residency.md, the "(stop 56)" sections),
written from the tools' manuals (jq 1.7's regular expressions, the Compose Specification's networks ``aliases``,
ossutil 2.0 ``api put-bucket-cors``, bash(1)) and the pulumi-aws v7 / pulumi-alicloud instance pages as a platform team
would (its own account, Region, VPC, private addresses, metadata): a jq program whose regular expression is written
like an ARN or a URL (``capture("^arn:aws:sqs:(?<r>[a-z0-9-]+):")``, ``test("^https://sqs\\.R\\.amazonaws\\.com/")``),
a Compose service's dotted network alias (``aliases: [pg.fleet-app.internal]``) named by another service's
``command: psql -h`` and at a host key (``PGHOST``), CORS rules given to ossutil as an inline JSON document over
several lines (single-quoted, or double-quoted with its quotes escaped), with ``\\/`` escapes, or as XML; and pins of
stop 56's Compose ``command:``, ``docker compose run`` and ``printf -v`` readings at home; EU / DE / US / JP / CN
(aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1).

Reproduced on the unchanged engine (main 1ae99877): see docs/residency.md "False alarms, round 20 (stop 56)" for the
counts (``jq-regex``: RES-011 / RES-015 / RES-017 at home for the patterns; ``compose-dotted-alias``: RES-015 for the
alias; ``ossutil2-cors-lines`` / ``-dq-lines``: RES-015 for the origins). The refused twins stay refused.

Ids: ``falsealarm56b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    ALI_METADATA,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
    PARTNER_DB,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    partition,
)
from platform_parts import dns_suffix as _suffix

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"
ABROAD = {"EU": "us-west-2", "DE": "us-west-2", "US": "eu-west-1", "JP": "us-west-2", "CN": "us-west-2"}
"""A Region outside each jurisdiction (in the stack's own partition where one exists)."""
PARTNER_ORIGIN = "portal.fleet-partner.example.com"
"""A partner's web portal: allowed as a CORS origin (compared, never contacted); a host the machine would reach when
a command connects to it (RES-015 until declared)."""


def _fill(body: str, values: dict[str, str]) -> str:
    """``body`` with each ``@KEY@`` replaced (no ``str.format``: the programs are full of shell and jq braces)."""
    for key, value in values.items():
        body = body.replace(f"@{key}@", value)
    return body


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` with the stack's Region (``@R@``), a Region abroad (``@X@``), its
    DNS suffix (``@S@``), the lower-case code (``@c@``), the partition (``@p@``), the account (``@A@``) and a partner's
    host (``@P@``); the stack's buckets ``fleet-logs-<c>`` / ``fleet-data-<c>`` and its queue ``fleet-jobs``
    beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            values = {"R": AWS_HOME[code], "X": ABROAD[code], "S": _suffix(code), "c": code.lower(),
                      "A": OWN_ACCOUNT, "P": PARTNER_DB, "p": partition(code)}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            aws.s3.Bucket("data", bucket=f"fleet-data-{code.lower()}", opts=c.aws)
            aws.sqs.Queue("jobs", name="fleet-jobs", opts=c.aws)
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + _fill(body, values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(body: str) -> Callable[[str], Build]:
    """An ECS instance (the team's deployment role: its account is the stack's own) whose user data is ``body`` with
    the region (``@R@``), the lower-case code (``@c@``), the metadata's base URL (``@M@``) and the partner's origin
    (``@O@``); the stack's buckets ``fleet-logs-<c>`` / ``fleet-web-<c>`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            alicloud.oss.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.ali)
            alicloud.oss.Bucket("web", bucket=f"fleet-web-{code.lower()}", opts=c.ali)
            values = {"R": ALI_HOME[code], "c": code.lower(), "M": ALI_METADATA, "O": PARTNER_ORIGIN}
            return ali_boot(c, "#!/bin/bash\nset -e\n" + _fill(body, values))

        return build

    return make


# jq 1.7 manual, "Regular expressions": `test(re)`, `match(re)`, `capture(re)`, `scan(re)`, `split(re; flags)`,
# `sub(re; tostring)`: the first argument is a PCRE pattern the input is matched against, never contacted. A team
# reads its own queue's, bucket's and functions' ARNs and URLs back with them.
JQ_REGEX = r"""Q=$(aws sqs get-queue-url --queue-name fleet-jobs --region @R@ --query QueueUrl --output text)
ARN=$(aws sqs get-queue-attributes --queue-url "$Q" --attribute-names QueueArn --region @R@ | jq -r '.Attributes.QueueArn')
QREGION=$(jq -rn --arg a "$ARN" '$a | capture("^arn:@p@:sqs:(?<r>[a-z0-9-]+):(?<acct>[0-9]{12}):") | .r')
logger -t fleet "jobs queue in $QREGION"
aws sqs list-queues --region @R@ | jq -r '.QueueUrls[] | select(test("^https://sqs\\.@R@\\.amazonaws\\.com/"))' > /tmp/queues
aws resourcegroupstaggingapi get-resources --region @R@ \
  | jq -r '.ResourceTagMappingList[].ResourceARN | select(test("^arn:@p@:s3:::fleet-"))' > /tmp/buckets
aws lambda list-functions --region @R@ \
  | jq -r '.Functions[].FunctionArn | capture("^arn:@p@:lambda:(?<region>[^:]+):(?<acct>[0-9]{12}):function:(?<name>.+)$") | .name' > /tmp/functions
"""  # noqa: E501
# The pattern is left out, nothing else: a queue abroad the script asks for stays RES-009, and a jq `sub` whose
# replacement (its output) rewrites the queue's URL to another Region, given to the AWS CLI, is a host the engine
# cannot compute (the URL is read at run time): RES-015 (RES-011 on main, for the pattern).
JQ_REGEX_SEND_ABROAD = JQ_REGEX + "aws sqs get-queue-url --queue-name fleet-jobs-dr --region @X@\n"
JQ_REGEX_SUB_ABROAD = JQ_REGEX + (
    'DR=$(jq -rn --arg a "$Q" \'$a | sub("^https://sqs\\\\.[a-z0-9-]+\\\\."; "https://sqs.@X@.")\')\n'
    'aws sqs send-message --queue-url "$DR" --message-body booted\n'
)

# The Compose Specification, services.networks: "aliases declares alternative hostnames for the service on the
# network. Other containers on the same network can use either the service name or this alias to connect to one of
# the service's containers"; Docker's embedded DNS server answers them for containers on that network.
COMPOSE_DOTTED_ALIAS = r"""mkdir -p /opt/fleet
cat > /opt/fleet/compose.yaml <<'EOF'
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/pg
    networks:
      back:
        aliases:
          - pg.fleet-app.internal
  migrate:
    image: postgres:16
    command: psql -h pg.fleet-app.internal -U fleet -c "select 1"
    networks:
      - back
  app:
    image: fleet/app:1.4
    environment:
      PGHOST: pg.fleet-app.internal
      PGPORT: "5432"
    networks:
      - back
networks:
  back: {}
EOF
docker compose -f /opt/fleet/compose.yaml up -d
"""
# The same alias named by a service on another network only: Docker's DNS does not answer it there (a lookup goes to
# the machine's resolver): still a host no text proves (RES-015).
COMPOSE_DOTTED_ALIAS_OTHER_NETWORK = COMPOSE_DOTTED_ALIAS.replace(
    '      PGPORT: "5432"\n    networks:\n      - back\n', '      PGPORT: "5432"\n    networks:\n      - front\n'
).replace("networks:\n  back: {}\n", "networks:\n  back: {}\n  front: {}\n")
# The machine's own command outside the Compose file: the alias is no name there (RES-015).
COMPOSE_DOTTED_ALIAS_ON_HOST = COMPOSE_DOTTED_ALIAS + "psql -h pg.fleet-app.internal -U fleet -c 'select 1'\n"

# The project's `default` network (every service without `networks` joins it), the alias given there.
COMPOSE_DOTTED_ALIAS_DEFAULT = r"""mkdir -p /opt/fleet
cat > /opt/fleet/compose.yaml <<'EOF'
services:
  cache:
    image: redis:7
    networks:
      default:
        aliases:
          - cache.fleet-app.internal
  worker:
    image: fleet/worker:2.3
    command: ["fleet-worker", "--redis-url", "redis://cache.fleet-app.internal:6379/0"]
    environment:
      REDIS_HOST: cache.fleet-app.internal
EOF
docker compose -f /opt/fleet/compose.yaml up -d
"""

# Pins of stop 56's first-wave readings at home: a Compose service running the AWS CLI image with a `command:` list,
# `docker compose run --rm SERVICE aws ...`, `printf -v`.
COMPOSE_CLI_HOME = r"""mkdir -p /opt/fleet
cat > /opt/fleet/compose.yaml <<'EOF'
services:
  sync:
    image: public.ecr.aws/aws-cli/aws-cli:2.17.0
    command: ["s3", "sync", "/data", "s3://fleet-data-@c@/exports/", "--region", "@R@", "--only-show-errors"]
    volumes:
      - /srv/exports:/data:ro
  tools:
    image: amazon/aws-cli:2.17.0
    entrypoint: ["/bin/sh", "-c"]
    command: ["aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region @R@"]
EOF
docker compose -f /opt/fleet/compose.yaml run --rm tools aws sqs get-queue-url --queue-name fleet-jobs --region @R@
printf -v BUCKET 'fleet-%s-%s' logs @c@
aws s3 cp /var/log/cloud-init.log "s3://$BUCKET/boot/" --region @R@
"""

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "jq-regex": (JQ_REGEX, set()),
    "jq-regex-send-abroad": (JQ_REGEX_SEND_ABROAD, {"RES-009"}),
    "jq-regex-sub-abroad": (JQ_REGEX_SUB_ABROAD, {"RES-015"}),
    "compose-dotted-alias": (COMPOSE_DOTTED_ALIAS, set()),
    "compose-dotted-alias-default": (COMPOSE_DOTTED_ALIAS_DEFAULT, set()),
    "compose-dotted-alias-other-network": (COMPOSE_DOTTED_ALIAS_OTHER_NETWORK, {"RES-015"}),
    "compose-dotted-alias-on-host": (COMPOSE_DOTTED_ALIAS_ON_HOST, {"RES-015"}),
    "compose-cli-home": (COMPOSE_CLI_HOME, set()),
}
"""shape -> (user data, expected rule ids) for every AWS code."""

# ossutil 2.0 `api put-bucket-cors --cors-configuration`: "Accepts a file path (file://<filename>) or an inline JSON
# string"; OSS PutBucketCors compares a request's Origin header with each AllowedOrigin. A JSON document over several
# lines in single quotes, in double quotes with its quotes escaped, and with JSON's `\/` escape.
CORS_LINES = r"""ossutil api put-bucket-cors --bucket fleet-web-@c@ --region @R@ --cors-configuration '{
  "CORSRule": [
    {
      "AllowedOrigin": [
        "https://@O@",
        "https://admin.fleet-partner.example.com"
      ],
      "AllowedMethod": ["GET", "HEAD"],
      "AllowedHeader": ["*"],
      "MaxAgeSeconds": 600
    }
  ]
}'
"""
CORS_DQ_LINES = r"""ossutil api put-bucket-cors --bucket fleet-web-@c@ --region @R@ --cors-configuration "{\"CORSRule\":[{\"AllowedOrigin\":[\"https://@O@\",
  \"https://admin.fleet-partner.example.com\"],\"AllowedMethod\":[\"GET\",\"HEAD\"],\"MaxAgeSeconds\":600}]}"
"""
CORS_ESCAPED_SLASH = r"""ossutil api put-bucket-cors --bucket fleet-web-@c@ --region @R@ --cors-configuration "{\"CORSRule\":[{\"AllowedOrigin\":[\"https:\/\/@O@\"],\"AllowedMethod\":[\"GET\"]}]}"
cat > /tmp/cors.json <<'EOF'
{"CORSRule": [{"AllowedOrigin": ["https:\/\/@O@"], "AllowedMethod": ["GET", "PUT"]}]}
EOF
ossutil api put-bucket-cors --bucket fleet-logs-@c@ --region @R@ --cors-configuration file:///tmp/cors.json
"""  # noqa: E501
# The origin is left out of the scan, nothing else: an upload to the partner's portal beside the rules stays judged.
CORS_LINES_AND_UPLOAD = CORS_LINES + "curl -sf -T /var/log/cloud-init.log https://@O@/upload\n"

ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "ossutil2-cors-lines": (CORS_LINES, set()),
    "ossutil2-cors-dq-lines": (CORS_DQ_LINES, set()),
    "ossutil2-cors-escaped-slash": (CORS_ESCAPED_SLASH, set()),
    "ossutil2-cors-lines-and-upload": (CORS_LINES_AND_UPLOAD, {"RES-015"}),
}
"""shape -> (user data, expected rule ids) for every Alibaba Cloud code."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm56b-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm56b-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
