"""Scripts and user data, round 12 (stop 56, issue 9, scripts56).

*Scripts and user data, round 11 (stop 55)* and *round 11, part 2 (stop 55)* left shapes the one script reader did not
read (docs/residency-open.md, "Free text and scripts": the shell-values bullet and "A container's command beyond
``docker run``"). Reproduced on the unchanged engine (main at 8f0aa679: one-value probes, then these programs through
every front door), each offending program below passed every door:

1. **Compose** (``compose-*``): a Compose file the boot script writes whose service runs the AWS CLI image with
   ``command: [..., "--region", <abroad>]`` (list form), ``command: logs ... --region <abroad>`` (string form), an
   ``entrypoint: ["/bin/sh", "-c"]`` given the whole ``aws`` line, ``postgres:16`` with ``command: psql -h <partner>``,
   and ``docker compose run --rm SERVICE aws ... --region <abroad>`` / ``docker compose exec`` (also in an SSM Command
   document: ``ssm-compose-run-*``).
2. **Shell values** (``heredoc-arg-*``, ``loop-*``, ``last-*``, ``continued-at-*``, ``printf-format-*``, ``read-d-*``,
   ``read-t-*``, ``heredoc-text-*``): ``--region "$(cat <<EOF`` over a line naming the Region (also a buildspec's,
   ``build-heredoc-arg-*``), a ``for`` loop over ``"${R[@]}"`` of an array ``mapfile`` filled from a file the script
   writes or ``R=($(cat FILE))`` filled (``loop-unknown``: an SSM parameter's value passed, now RES-011), ``"${!#}"``
   / ``"${@: -1}"`` in a function, ``"$@"`` on a line continued from the one before, ``printf -v R '%s-%s' A B``,
   ``read -r -d '' R <<< WORD``, ``read -t 5 R <<< WORD``, and a ``while read`` loop's here-document line ``${P}-2``.
3. **Alibaba Cloud** (``ali-*``, CN / JP / DE; ECS instances): ``aliyun ecs DescribeInstances --RegionId "$(cat
   <<EOF ...)"``, a loop over a mapfile'd array, and ``docker compose run ... aliyun ...`` passed.

The ``reada-*`` rows pin ``read -a NAME <<< WORDS`` (a quoted ``IFS``, ``read -ra``, ``IFS=,``, a here-string holding
a variable) before and after its second reader was cut (the lead's review of stop 55): the verdicts are unchanged;
``reada-variable-abroad`` passed (a here-string with a variable was not split into items); since *Scripts and user
data, round 12, part 2 (stop 56)* it is RES-009 (the expectation moved, at the lead's request).

What changed (docs/residency.md, *Scripts and user data, round 12 (stop 56)*): the catalogue reads ``docker compose`` /
``docker-compose`` ``run`` and ``exec``; scripts.py's ``compose_commands`` gives a Compose file's services' commands to
the one script reader; ``cat_heredocs_written``, ``last_positional_written``, ``for_loop_words``,
``all_positional_expanded``, ``reads_as_assignments`` and ``while_read_words`` read the shell shapes above. Each refusal
has its compliant twin (the home Region, the VPC's own database address, the metadata's Region), which passes.
Ids: ``scripts56-<jurisdiction>-<shape>``. tests/test_realistic_programs.py runs them as CASES (``scripts56-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot, trust_policy

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
PARTNER = "db.partner-analytics.com"
"""A partner's database host no catalogue places."""
OWN = "10.0.1.15"
"""The VPC's own database address."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
CLI_IMAGE = "public.ecr.aws/aws-cli/aws-cli:2.22.0"
"""The AWS CLI's official image (its entrypoint is ``aws``)."""
METADATA = (
    'TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 300")\n'
)
"""An IMDSv2 token, for the shapes reading the instance's own Region."""
PAIRED = (
    "compose-cmd-list", "compose-cmd-string", "compose-entry", "compose-run", "compose-exec", "heredoc-arg",
    "loop-mapfile", "loop-array-sub", "last-bang", "last-slice", "continued-at", "printf-format", "read-d", "read-t",
    "heredoc-text", "reada-ifs-quoted", "reada-ra", "reada-ifs-comma", "ssm-compose-run", "build-heredoc-arg",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with the home Region."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in PAIRED},
    **{f"{shape}-home": set() for shape in PAIRED},
    "compose-psql-partner": {"RES-015"},
    "compose-psql-own": set(),
    "loop-unknown": {"RES-011"},
    "loop-metadata": set(),
    # scripts56b (stop 56, the lead's request): a here-string holding a variable is split into `read -a`'s items, the
    # variable's values filled in (was pinned as passing: a leak)
    "reada-variable-abroad": {"RES-009"},
    "reada-variable-home": set(),
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-heredoc-arg-abroad": {"RES-009"},
    "ali-heredoc-arg-home": set(),
    "ali-loop-mapfile-abroad": {"RES-009"},
    "ali-loop-mapfile-home": set(),
    "ali-compose-run-abroad": {"RES-009"},
    "ali-compose-run-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = (
    "compose-cmd-string-", "compose-exec-", "loop-mapfile-", "last-slice-", "read-t-", "reada-ra-", "compose-psql-",
)  # fmt: skip
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


IDLE = '    entrypoint: ["sleep", "infinity"]\n'
"""A service kept running for ``docker compose run`` / ``exec`` to use."""


def _compose(service: str) -> str:
    """A boot script writing a Compose file with one service (``service``: its lines under the service's name) and
    starting it (the Compose Specification: ``services``, ``image``, ``entrypoint``, ``command``)."""
    return (
        "mkdir -p /opt/fleet\ncat > /opt/fleet/compose.yaml <<'EOF'\nservices:\n  retention:\n"
        f"{service}    environment:\n      AWS_PAGER: ''\nEOF\ndocker compose -f /opt/fleet/compose.yaml up -d\n"
    )


def _compose_data(shape: str, region: str, host: str) -> str | None:
    """The Compose shapes (the Compose Specification; docker compose run / exec)."""
    args = RETENTION.removeprefix("aws ").split()
    if shape.startswith("compose-cmd-list-"):
        return _compose(f"    image: {CLI_IMAGE}\n    command: {json.dumps([*args, '--region', region])}\n")
    if shape.startswith("compose-cmd-string-"):
        return _compose(f"    image: amazon/aws-cli:2.22.0\n    command: {' '.join(args)} --region {region}\n")
    if shape.startswith("compose-entry-"):
        line = f"{RETENTION} --region {region} && echo retention set"
        return _compose(f'    image: {CLI_IMAGE}\n    entrypoint: ["/bin/sh", "-c"]\n    command: ["{line}"]\n')
    if shape.startswith("compose-psql-"):
        return _compose(f"    image: postgres:16\n    command: psql -h {host} -U reports -d fleet -c 'select 1'\n")
    if shape.startswith("compose-run-"):
        # "docker compose run [OPTIONS] SERVICE [COMMAND] [ARGS...]"
        return (
            _compose(f"    image: {CLI_IMAGE}\n{IDLE}")
            + "docker compose -f /opt/fleet/compose.yaml run --rm -e AWS_PAGER= --entrypoint aws retention "
            + f"{' '.join(args)} --region {region}\n"
        )
    if shape.startswith("compose-exec-"):
        # "docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]"
        return (
            _compose(f"    image: amazon/aws-cli:2.22.0\n{IDLE}")
            + f"docker compose -f /opt/fleet/compose.yaml exec -T retention {RETENTION} --region {region}\n"
        )
    return None


def _user_data(code: str, shape: str) -> str:
    """A boot script naming its destination in a Compose file, through a here-document inside an argument, a loop
    over an array an input fills, the last positional parameter, a continued line, ``printf -v``, ``read -d`` / ``-t``
    or a here-document line with text around a variable (bash(1); the Compose Specification)."""
    head = "#!/bin/bash\nset -euo pipefail\n"
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]
    host = PARTNER if shape.endswith("-partner") else OWN
    compose = _compose_data(shape, region, host)
    if compose is not None:
        return head + compose
    if shape.startswith("heredoc-arg-"):
        return f'{head}{RETENTION} --region "$(cat <<EOF\n{region}\nEOF\n)"\n'
    if shape.startswith("loop-mapfile-"):
        return (
            f"{head}mkdir -p /etc/fleet\ncat > /etc/fleet/regions <<EOF\n{AWS_HOME[code]}\n{region}\nEOF\n"
            f'mapfile -t REGIONS < /etc/fleet/regions\nfor r in "${{REGIONS[@]}}"; do\n'
            f'  {RETENTION} --region "$r"\ndone\n'
        )
    if shape.startswith("loop-array-sub-"):
        return (
            f"{head}mkdir -p /etc/fleet\nprintf '%s\\n' {AWS_HOME[code]} {region} > /etc/fleet/regions\n"
            f'REGIONS=($(cat /etc/fleet/regions))\nfor r in "${{REGIONS[@]}}"; do {RETENTION} --region "$r"; done\n'
        )
    if shape == "loop-unknown":
        return (
            f"{head}REGIONS=($(aws ssm get-parameter --name /fleet/dr-regions --query Parameter.Value --output text))\n"
            f'for r in "${{REGIONS[@]}}"; do {RETENTION} --region "$r"; done\n'
        )
    if shape == "loop-metadata":
        return (
            f"{head}{METADATA}"
            f'mapfile -t REGIONS < <(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" '
            f"http://169.254.169.254/latest/meta-data/placement/region)\n"
            f'for r in "${{REGIONS[@]}}"; do {RETENTION} --region "$r"; done\n'
        )
    return _parameter_data(code, shape, head, region)


def _parameter_data(code: str, shape: str, head: str, region: str) -> str:
    """The shapes naming the Region through positional parameters, printf, read or a here-document line."""
    if shape.startswith("last-bang-"):
        # bash(1) "Parameter Expansion": `${!#}`, the parameter whose number `$#` holds
        return f'{head}retain() {{\n  {RETENTION} --region "${{!#}}"\n}}\nretain /fleet/app {region}\n'
    if shape.startswith("last-slice-"):
        return f'{head}retain() {{ {RETENTION} --region "${{@: -1}}"; }}\nretain /fleet/app {region}\n'
    if shape.startswith("continued-at-"):
        return (
            f"{head}retain() {{\n  aws logs put-retention-policy --log-group-name /fleet/app \\\n"
            f'    --retention-in-days 30 "$@"\n}}\nretain --region {region}\n'
        )
    if shape.startswith("printf-format-"):
        area, rest = region.split("-", 1)
        return f"{head}printf -v R '%s-%s' {area} {rest}\n{RETENTION} --region \"$R\"\n"
    if shape.startswith("read-d-"):
        return f'{head}read -r -d \'\' R <<< "{region}" || true\n{RETENTION} --region "$R"\n'
    if shape.startswith("read-t-"):
        return f'{head}read -t 5 -r R <<< "{region}"\n{RETENTION} --region "$R"\n'
    if shape.startswith("heredoc-text-"):
        prefix, number = region.rsplit("-", 1)
        return f'{head}P={prefix}\nwhile read -r r; do\n  {RETENTION} --region "$r"\ndone <<EOF\n${{P}}-{number}\nEOF\n'
    if shape.startswith("reada-ifs-quoted-"):
        return f'{head}IFS=\' \' read -r -a RS <<< "{AWS_HOME[code]} {region}"\n{RETENTION} --region "${{RS[1]}}"\n'
    if shape.startswith("reada-ra-"):
        return f'{head}read -ra RS <<< "{AWS_HOME[code]} {region}"\n{RETENTION} --region "${{RS[1]}}"\n'
    if shape.startswith("reada-ifs-comma-"):
        return f'{head}IFS=, read -r -a RS <<< "{AWS_HOME[code]},{region}"\n{RETENTION} --region "${{RS[1]}}"\n'
    # reada-variable-: a here-string holding a variable
    return f'{head}DR={region}\nread -r -a RS <<< "{AWS_HOME[code]} $DR"\n{RETENTION} --region "${{RS[1]}}"\n'


def _commands(code: str, shape: str) -> list[str]:
    """The command lines of an SSM document's ``aws:runShellScript`` step or a buildspec's build phase: the user data
    shape of the same name, after the shebang and ``set`` lines."""
    return _user_data(code, shape.removeprefix("ssm-").removeprefix("build-")).splitlines()[2:]


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": _commands(code, shape)}}
            document = {"schemaVersion": "2.2", "description": "Fleet log retention", "mainSteps": [step]}
            return aws.ssm.Document("fleet-retention", name="fleet-retention", document_type="Command",
                                    document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape.startswith("build-"):
            # docs: codebuild/project (source.buildspec; CodeBuild "Build specification reference": phases.build); the
            # here-document spans lines, so the command is one item, a YAML literal block
            commands = "      - |\n" + "".join(f"        {line}\n" for line in _commands(code, shape))
            buildspec = f"version: 0.2\nphases:\n  build:\n    commands:\n{commands}"
            role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=c.aws)
            return aws.codebuild.Project(
                "fleet-retention", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
                source={"type": "NO_SOURCE", "buildspec": buildspec},
                environment={"compute_type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER",
                             "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0"},
                opts=c.aws,
            )  # fmt: skip
        if shape.startswith(LAUNCH_TEMPLATES):
            # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
            data = base64.b64encode(_user_data(code, shape).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """An aliyun CLI call given its region by a here-document inside its argument, a loop over a mapfile'd array, or
    ``docker compose run``."""
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    call = "aliyun ecs DescribeInstances --PageSize 50 --RegionId"
    if shape.startswith("ali-heredoc-arg-"):
        return f'#!/bin/bash\n{call} "$(cat <<EOF\n{region}\nEOF\n)"\n'
    if shape.startswith("ali-loop-mapfile-"):
        return (
            f"#!/bin/bash\nmkdir -p /etc/fleet\nprintf '%s\\n' {ALI_HOME[code]} {region} > /etc/fleet/regions\n"
            f'mapfile -t REGIONS < /etc/fleet/regions\nfor r in "${{REGIONS[@]}}"; do {call} "$r"; done\n'
        )
    return f"#!/bin/bash\ndocker compose -f /opt/fleet/compose.yaml run --rm -T ops {call} {region}\n"


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts56-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts56-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
