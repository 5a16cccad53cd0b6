"""Mutation search, round 33: stop 61's readings spelled another way (stop 62, issue 9: mutation62).

Round 33 mutated the realistic programs stop 61 added (ecs61, scripts61, config61, fnros61, falsealarm61, awsred61,
alired61) with the mutants tool (no finding: docs/residency.md "Mutation search, round 33 (stop 62)"), then stop 61's
readings by hand (``RuleEngine(code).check`` of ECS task definitions, Batch job definitions and EC2 user data, a
scratch probe kept out of the tree). Reproduced on the unchanged engine (main 2519f654), each offending program below
passing every door:

- a copy of the AWS CLI's image under another registry or prefix (``image_entrypoint``): an ECR pull-through cache
  (``<account>.dkr.ecr.<Region>.amazonaws.com/ecr-public/aws-cli/aws-cli:2.17.0``, Amazon ECR "Pulling an image with
  a pull through cache rule") in a Fargate task's exec-form command (``ecs-cli-pull-through``), and a registry mirror
  (``.../mirror/amazon/aws-cli``) in ``docker run`` of user data (``docker-cli-mirror``): only the two official names
  ran ``aws``, so ``ec2 copy-snapshot ... --region <abroad>`` was no aws call;
- a backquoted substitution no reader computes spliced unquoted among a command's options (``EXTRA=`cat FILE```,
  then ``aws ... --region <home> $EXTRA``, ``splice-backquote``; ``psql -h <VPC> $PGOPTS``, ``psql-splice-backquote``):
  scripts61 failed the ``$(...)`` spelling closed (RES-011 / RES-015), the backquoted value was read as a literal word;
- a URL whose host is a backquoted substitution (``curl https://`cat /etc/fleet/collector`/v1/logs``,
  ``url-backquote``; the file naming a partner's intake, or a file the script does not write, ``url-backquote-unread``):
  the URL readers looked for ``://$(`` only, so neither the computed host nor the unknown one was judged;
- the OpenTelemetry Collector's configuration named by a ``file:`` URI (``otelcol-contrib
  --config=file:/etc/fleet/otel/config.yaml``, the Collector's "Configuration" page; ``otel-config-uri``) with the
  Datadog exporter's ``api.site: datadoghq.com``: the option's value was matched as a path alone.

Ids ``mutation62-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; the home twin uses a second Region inside the
jurisdiction, the VPC's database or collector, or the declared site; ``ecs-cli-pull-through`` in EU / US / JP: ECR
Public, the cache's upstream, is not offered in the China Regions); ``mutation62-<code>-url-backquote-unread`` (the
file not written: RES-015, unknown).
tests/test_realistic_programs.py runs them as CASES (``mutation62-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, OWN_ACCOUNT, PARTNER_INTAKE, Build, Row, dns_suffix, home_abroad_rows, trust_policy

# The same helpers as rounds 25-32 (one fact, one place): the Regions and the machines; config61's Datadog US1 site,
# its declaration and the Collector's file.
from platform_programs_config60 import heredoc
from platform_programs_config61 import _OTEL, DEFAULT_SITE, declared
from platform_programs_mutation56 import _aws, _region

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
CACHE_CODES = ("EU", "US", "JP")
"""The jurisdictions of the pull-through cache task (ECR Public, its upstream, is not offered in the China Regions)."""
SNAPSHOT = "snap-0a1b2c3d4e5f60718"
PRIVATE_DB = "10.0.5.12"
"""The VPC's own PostgreSQL."""
COLLECTOR = "10.0.3.20"
"""The fleet's own collector in the VPC."""


def _registry(code: str) -> str:
    return f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{dns_suffix(code)}"


def _copy_words(code: str, region: str) -> list[str]:
    """``aws ec2 copy-snapshot``'s words after ``aws`` (the copy is made in ``--region``)."""
    return ["ec2", "copy-snapshot", "--source-region", AWS_HOME[code], "--source-snapshot-id", SNAPSHOT,
            "--description", "nightly orders-db copy", "--region", region]  # fmt: skip


def ecs_cli_pull_through(code: str, where: str) -> Build:
    # Amazon ECR "Pulling an image with a pull through cache rule": "docker pull aws_account_id.dkr.ecr.region.
    # amazonaws.com/ecr-public/repository_name/image_name:tag" (the rule's prefix, then the upstream path); the AWS CLI
    # image's entrypoint is aws ("docker run --rm -it repository/name - The equivalent of the aws executable").
    image = f"{_registry(code)}/ecr-public/aws-cli/aws-cli:2.17.0"
    container = {"name": "copy", "image": image, "essential": True, "command": _copy_words(code, _region(code, where))}

    def build(c: Any) -> object:
        # docs: ecs/taskdefinition (family, requires_compatibilities, network_mode, cpu, memory, execution_role_arn,
        # container_definitions)
        role = aws.iam.Role("snapshot-copy-execution", assume_role_policy=trust_policy("ecs-tasks.amazonaws.com"),
                            opts=c.aws)  # fmt: skip
        return aws.ecs.TaskDefinition(
            "snapshot-copy", family="snapshot-copy", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
            cpu="512", memory="1024", execution_role_arn=role.arn, container_definitions=json.dumps([container]),
            opts=c.aws,
        )  # fmt: skip

    return build


def docker_cli_mirror(code: str, where: str) -> str:
    # docker container run: "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]"; the image a copy of amazon/aws-cli in the
    # team's own registry (a mirror keeps the upstream path under its prefix).
    words = " ".join(_copy_words(code, _region(code, where)))
    return f"docker run --rm {_registry(code)}/mirror/amazon/aws-cli:2.17.0 {words}\n"


def splice_backquote(code: str, where: str) -> str:
    # bash(1) "Command Substitution": "$(command) or `command`"; "Word Splitting": the unquoted value's words become
    # options. The home twin writes --region after the splice (argparse keeps the last), the offending one before it.
    copy = f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id {SNAPSHOT}"
    region = f"--region {AWS_HOME[code]}"
    line = f"{copy} $EXTRA {region}" if where == "home" else f"{copy} {region} $EXTRA"
    return f"EXTRA=`cat /etc/fleet/copy-extra-args`\n{line}\n"


def psql_splice_backquote(code: str, where: str) -> str:
    # psql(1): "-h hostname"; getopt keeps the last -h, so `-h` after the splice decides.
    line = (f"psql $PGOPTS -h {PRIVATE_DB} -U app -c 'select 1'" if where == "home"
            else f"psql -h {PRIVATE_DB} -U app $PGOPTS -c 'select 1'")  # fmt: skip
    return f"PGOPTS=`cat /etc/fleet/pgopts`\n{line}\n"


def url_backquote(code: str, where: str) -> str:
    # A collector's address written at boot, then the boot report posted to it (curl's URL, its host backquoted).
    host = COLLECTOR if where == "home" else PARTNER_INTAKE
    return (f"mkdir -p /etc/fleet\necho {host} > /etc/fleet/collector\n"
            "curl -sS -X POST https://`cat /etc/fleet/collector`/v1/logs -d @/var/log/fleet-boot.json\n")  # fmt: skip


def url_backquote_unread(code: str, where: str) -> str:
    # The file comes with the machine image (no line writes it): the host is not proven.
    return "curl -sS -X POST https://`cat /etc/fleet/collector`/v1/logs -d @/var/log/fleet-boot.json\n"


def otel_config_uri(code: str, where: str) -> str:
    # The Collector's "Configuration" page: "otelcol --config=file:/path/to/first/file"; the Datadog exporter's
    # `api.site` (AWS Distro for OpenTelemetry, "Datadog Exporter"). Both twins send to US1: the home one declares it.
    exporter = f"  datadog:\n    api:\n      key: ${{env:DD_API_KEY}}\n      site: {DEFAULT_SITE}\n"
    body = _OTEL.format(exporter=exporter, name="datadog")
    run = "otelcol-contrib --config=file:/etc/fleet/otel/config.yaml &\n"
    return heredoc("/etc/fleet/otel/config.yaml", body) + run


REGION = {"RES-009"}
HOST = {"RES-015"}
UNKNOWN_REGION = {"RES-011"}


KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "ecs-cli-pull-through": (ecs_cli_pull_through, REGION, CACHE_CODES),
    "docker-cli-mirror": (_aws(docker_cli_mirror), REGION, AWS_CODES),
    "splice-backquote": (_aws(splice_backquote), UNKNOWN_REGION, AWS_CODES),
    "psql-splice-backquote": (_aws(psql_splice_backquote), HOST, AWS_CODES),
    "url-backquote": (_aws(url_backquote), HOST, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation62", KINDS)
    for code in AWS_CODES:
        p = f"mutation62-{code.lower()}-"
        out.append((f"{p}url-backquote-unread", code, _aws(url_backquote_unread)(code, "abroad"), HOST, []))
        otel = _aws(otel_config_uri)(code, "abroad")
        out.append((f"{p}otel-config-uri-home", code, otel, set(), [declared(code, DEFAULT_SITE)]))
        out.append((f"{p}otel-config-uri-abroad", code, otel, HOST, []))
    return out
