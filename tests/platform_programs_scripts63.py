"""Scripts and user data, round 19 (stop 63, issue 9, scripts63): the Agent's site on a docker run line, flag groups,
wrappers in loops over expansions, inline splices and substituted URL hosts.

What *Scripts and user data, round 18 (stop 62)*, *False alarms, round 29 (stop 62)*, *Mutation search, round 33
(stop 62)* and *The lead's review of stop 62* left open in the one script reader (residency-open.md, "Free text and
scripts"). Each shape was probed on the unchanged engine (main 86a0559b) first; see docs/residency.md, *Scripts and
user data, round 19 (stop 63)*. On 86a0559b **33 of these 57 programs failed, all leaks** (passed every door though
they must be refused); no false alarm, no wrong rule.

1. **The Datadog Agent's site on a ``docker run`` line** (Datadog "Docker Agent", https://docs.datadoghq.com/agent/
   docker/: ``docker run -d ... -e DD_SITE=<DATADOG_SITE> -e DD_API_KEY=... gcr.io/datadoghq/agent:7``): ``-e
   DD_SITE="$S"`` with ``S=$(cat /etc/fleet/dd_site)`` (``dd-site-unknown``: a value no reader computes, RES-015 until
   the substitution's text is declared) and ``-e DD_SITE`` with nothing exported (``dd-site-passed``: docker passes the
   shell's value, none here, so the Agent sends to its default US1 site, RES-015 ``datadoghq.com``). Each passed: the
   variable named dropped the default site and only a literal value was judged.
2. **A shell's ``-c`` in a group of flags**: ``sudo -u ec2-user bash -ec 'aws ... --region R'`` (``bash-ec-*``; bash(1)
   "-c ... commands are read from the first non-option argument"): the line was not read.
3. **A wrapper called in a loop over an expansion** (``retry() { until "$@"; do sleep 5; done; }``): ``for r in
   $TARGETS`` (``loop-var-*``: the words of ``TARGETS="<home> <R>"``; ``TARGETS=$(aws ssm get-parameter ...)``, a value
   no reader computes, RES-011) and ``while read -r r; ... done <<EOF`` (``while-read-*``): the call's word passed
   every door (the lead's stop-62 mend read loops of literal words only).
4. **A command substitution spliced inline among options**: ``aws ... --region <home> $(aws ssm get-parameter ...)``
   (``inline-splice-unknown``: its output is split into words, options among them: RES-011); written before the
   ``--region`` it is overridden (``inline-splice-home``, passes, as the variable's twin since scripts61).
5. **A URL host under a fixed domain given by a substitution**: ``https://$(cat /etc/fleet/tenant).partner-analytics.
   com/v1/hook`` (``url-sub-partner``: RES-015 as the variable's twin); the team's own API Gateway stage
   (``https://$(cat /etc/fleet/api_id).execute-api.<home>.<suffix>/prod/ingest``, ``url-sub-home``) passes.

Ids: ``scripts63-<code>-<shape>``; AWS programs in EU / US / CN (an EC2 instance or a launch template with base64
user data), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template, platform_parts.ali_boot).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot, dns_suffix
from platform_programs_agents62 import HOME_SITE, US1, declared

AWS_CODES = ("EU", "US", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "CN": "cn-northwest-1"}
"""A second AWS Region in each jurisdiction (Frankfurt, Oregon, Ningxia)."""
ALI_SECOND = {"CN": "cn-hangzhou", "JP": "ap-northeast-1", "DE": "eu-central-1"}
"""A second Alibaba Cloud Region of each market's fleet (Japan and Germany have one Region each)."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "cn-hangzhou", "DE": "cn-hangzhou"}
"""An Alibaba Cloud Region outside each market."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
AGENT = "gcr.io/datadoghq/agent:7"
"""The Datadog Agent's image (Datadog "Docker Agent")."""
SITE_FILE = "/etc/fleet/dd_site"
"""The file the fleet's image bakes the Datadog site into (a value no reader computes)."""
SITE_TEXT = f"$(cat {SITE_FILE})"
"""The substitution giving the site, as the declaration names it."""
RETRY = 'retry() { until "$@"; do sleep 5; done; }\n'
"""The fleet's retry wrapper (passes its words on: ``"$@"``)."""
QUEUES = "aws sqs list-queues --queue-name-prefix fleet"
"""A call whose Region each shape gives."""
PARAMETER = "aws ssm get-parameter --name /fleet/{name} --query Parameter.Value --output text"
"""A value read from Parameter Store at boot (no reader computes it)."""
PARTNER_DOMAIN = "partner-analytics.com"
"""A partner's domain abroad, under which a tenant's host is named at run time."""
REFUSED = {"RES-015"}
AWS_SHAPES: dict[str, set[str]] = {
    "dd-site-unknown": REFUSED,
    "dd-site-unknown-declared": set(),
    "dd-site-passed": REFUSED,
    "dd-site-passed-home-declared": set(),
    "bash-ec-abroad": {"RES-009"},
    "bash-ec-home": set(),
    "loop-var-abroad": {"RES-009"},
    "loop-var-home": set(),
    "loop-var-unknown": {"RES-011"},
    "while-read-abroad": {"RES-009"},
    "while-read-home": set(),
    "inline-splice-unknown": {"RES-011"},
    "inline-splice-home": set(),
    "url-sub-partner": REFUSED,
    "url-sub-home": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_SHAPES: dict[str, set[str]] = {
    "ali-bash-ec-abroad": {"RES-009"},
    "ali-bash-ec-home": set(),
    "ali-loop-var-abroad": {"RES-009"},
    "ali-dd-site-unknown": REFUSED,
}
"""Each Alibaba Cloud shape and its verdict in every market."""
ENCODED = ("loop-", "url-sub-", "dd-site-passed")
"""The AWS shapes booted by a launch template (base64 user data); the others by an instance."""


def _agent(site: str) -> str:
    """The Agent's container run with ``site`` (the ``-e`` word of DD_SITE, or nothing)."""
    return (f"docker run -d --name dd-agent --restart unless-stopped \\\n  -e DD_API_KEY=\"$DD_API_KEY\" {site}\\\n"
            f"  -v /var/run/docker.sock:/var/run/docker.sock:ro -v /proc/:/host/proc/:ro \\\n  {AGENT}\n")  # fmt: skip


def _dd_script(shape: str, code: str) -> str:
    key = f"DD_API_KEY=$({PARAMETER.format(name='dd-api-key')} --with-decryption)\n"
    if shape.startswith("dd-site-unknown"):
        return f"{key}S={SITE_TEXT}\n" + _agent('-e DD_SITE="$S" ')
    if shape == "dd-site-passed-home-declared":
        return f"{key}export DD_SITE={HOME_SITE.get(code, US1)}\n" + _agent("-e DD_SITE ")
    return key + _agent("-e DD_SITE ")  # docker: the shell's DD_SITE, none here


def _region_script(shape: str, home: str, second: str, region: str) -> str:
    """The lines giving the call the Region ``region`` by the shape's reading."""
    scripts = {
        "bash-ec-": f"sudo -u ec2-user bash -ec '{QUEUES} --region {region}'\n",
        "loop-var-": f'{RETRY}TARGETS="{home} {region}"\nfor r in $TARGETS; do\n  retry {QUEUES} --region "$r"\ndone\n',
        "while-read-": f'{RETRY}while read -r r; do\n  retry {QUEUES} --region "$r"\ndone <<EOF\n'
                       f"{second}\n{region}\nEOF\n",
    }  # fmt: skip
    return next(v for k, v in scripts.items() if shape.startswith(k))


def _aws_script(shape: str, code: str) -> str:
    home = AWS_HOME[code]
    if shape.startswith("dd-site-"):
        return _dd_script(shape, code)
    if shape == "loop-var-unknown":
        return (f"{RETRY}TARGETS=$({PARAMETER.format(name='regions')})\nfor r in $TARGETS; do\n"
                f'  retry {QUEUES} --region "$r"\ndone\n')  # fmt: skip
    if shape.startswith("inline-splice-"):
        extra = f"$({PARAMETER.format(name='copy-options')})"
        # bash(1) "Word Splitting": an unquoted substitution's output is split into words; argparse keeps the last
        options = f"--region {home} {extra}" if shape.endswith("-unknown") else f"{extra} --region {home}"
        return f"{QUEUES} {options}\n"
    if shape.startswith("url-sub-"):
        host = (f"$(cat /etc/fleet/tenant).{PARTNER_DOMAIN}" if shape.endswith("-partner")
                else f"$(cat /etc/fleet/api_id).execute-api.{home}.{dns_suffix(code)}")  # fmt: skip
        return f"curl -sf -X POST --data-binary @/var/log/fleet/boot.json https://{host}/prod/ingest\n"
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_SECOND[code]
    return _region_script(shape, home, AWS_SECOND[code], region)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        user_data = f"#!/bin/bash\nset -euo pipefail\n{_aws_script(shape, code)}"
        if shape.startswith(ENCODED):
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            data = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def _ali_script(shape: str, code: str) -> str:
    home = ALI_HOME[code]
    region = ALI_ABROAD[code] if shape.endswith("-abroad") else ALI_SECOND[code]
    # aliyun CLI: `aliyun ecs DescribeInstances --RegionId R` (the API's RegionId)
    call = "aliyun ecs DescribeInstances --RegionId"
    if shape.startswith("ali-bash-ec-"):
        return f"bash -ec '{call} {region}'\n"
    if shape == "ali-loop-var-abroad":
        return f'{RETRY}TARGETS="{home} {region}"\nfor r in $TARGETS; do retry {call} "$r"; done\n'
    return f"S={SITE_TEXT}\n" + _agent('-e DD_SITE="$S" ')


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, f"#!/bin/bash\nset -euo pipefail\n{_ali_script(shape, code)}",
                        launch_template=shape.endswith("-home"))  # fmt: skip

    return build


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "dd-site-unknown-declared":
        # the baked site's substitution, declared by its text (the fleet's image writes its market's site)
        return [{**declared(code, HOME_SITE.get(code, US1)), "match": SITE_TEXT}]
    if shape == "dd-site-passed-home-declared":
        return [declared(code, HOME_SITE.get(code, US1))]
    return []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        out += [(f"scripts63-{code.lower()}-{shape}", code, aws_program(code, shape), expected, _declared(code, shape))
                for shape, expected in AWS_SHAPES.items()]  # fmt: skip
    for code in ALI_CODES:
        out += [(f"scripts63-{code.lower()}-{shape}", code, ali_program(code, shape), expected, [])
                for shape, expected in ALI_SHAPES.items()]  # fmt: skip
    return out
