"""Scripts and user data, round 11 (stop 55, issue 9, scripts55).

*Scripts and user data, round 10, part 2 (stop 54)* left shell expansions the one script reader did not compute
(docs/residency-open.md, "Shell values the script reader does not compute"). Reproduced on the unchanged engine (main
at a7fee677), these programs through every front door; the offending ones marked "passed" each passed every door:

1. **Positional parameters passed on** (``wrap-args-*``, ``shift-*``, ``set-loop-*``; EC2 user data, EU / US / JP /
   CN): ``retain() { ... --region "$1"; }; run() { retain "$@"; }; run <abroad>`` passed, so did ``shift`` then
   ``"$1"`` in a function given ``/fleet/app <abroad>``, and ``set -- <home> <abroad>`` then ``for r in "$@"``.
2. **Arrays** (``element-*``, ``element-var-*``, ``read-a-*``, ``mapfile-*``): ``R[1]=<abroad>`` then
   ``"${R[1]}"`` passed, so did ``"${REGIONS[$i]}"`` in a loop over the indexes, ``read -r -a REGIONS <<< "<home>
   <abroad>"`` then ``"${REGIONS[@]}"`` and ``mapfile -t REGIONS <<EOF`` then ``"${REGIONS[1]}"``.
3. **Brace expansion outside a loop's words** (``brace-arg-*``, ``brace-seq-*``): ``--region={<abroad>,<home>}`` (two
   words, ``--region=<abroad> --region=<home>``) passed, and a sequence ``for r in us-west-{1..2}`` passed.
4. **A here-document read by ``$(cat <<EOF ... EOF)``** (``heredoc-sub-*``): ``R=$(cat <<EOF`` over a line naming a
   Region abroad, then ``--region "$R"``, passed.
5. **The command a container runs** (``docker-cli-*``, ``docker-psql-*``): ``docker run ... public.ecr.aws/aws-cli/
   aws-cli:2.22.0 logs put-retention-policy ... --region <abroad>`` (the image's entrypoint is the aws executable)
   passed, and ``docker run ... postgres:16 psql -h <partner>`` passed (the words after the image were not read).
   The same two shapes as an SSM Command document's ``aws:runShellScript`` lines (``ssm-docker-cli-*``) and a
   CodeBuild buildspec's build commands (``build-brace-arg-*``) passed too.
6. **Alibaba Cloud** (``ali-*``, CN / JP / DE; ECS instances): an aliyun CLI call given its region through a wrapper's
   ``"$@"`` passed, and one given ``${REGIONS[1]}`` of a ``mapfile``.

On main a7fee677, ``test_every_front_door_agrees`` failed for all 62 refused programs of the 124 (each passed every
door) and agreed for the 62 compliant twins.

What changed (docs/residency.md, *Scripts and user data, round 11 (stop 55)*): scripts.py's ``positional_words``
follows ``"$@"`` / ``$*`` and ``shift``, ``for_loop_words`` reads ``"$@"``; ``array_elements`` reads ``R[k]=``,
``read -a``, ``mapfile`` / ``readarray`` and a variable subscript; ``_words`` brace-expands every unquoted word
(sequences too); ``cat_heredoc_value`` gives ``R=$(cat <<EOF ...)`` its body (engine ``_match_values``); and the
catalogue's ``docker run`` reads the command after the image (``entrypoints``: the AWS CLI images run ``aws``).
Each refusal has its compliant twin (the home Region, a second Region inside the jurisdiction, the VPC's own database
address), which passes.
Ids: ``scripts55-<jurisdiction>-<shape>``. tests/test_realistic_programs.py runs them as CASES (``scripts55-*``).
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
SECOND_HOME = {"EU": "eu-central-1", "US": "us-east-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region inside each jurisdiction."""
HOME_SEQUENCE = {
    "EU": "eu-south-{1..2}",
    "US": "us-east-{1..2}",
    "JP": "ap-northeast-{1..3..2}",
    "CN": "cn-north-{1..1}",
}
"""A brace sequence giving only Regions inside each jurisdiction (bash(1) "Brace Expansion": ``{x..y[..incr]}``)."""
ABROAD_SEQUENCE = {"EU": "us-west-{1..2}", "US": "eu-west-{1..3}", "JP": "us-west-{1..2}", "CN": "us-west-{1..2}"}
"""A brace sequence giving Regions outside each jurisdiction."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is the argument each shape gives."""
AWS_EXPECTED = {
    "wrap-args-abroad": {"RES-009"},
    "wrap-args-home": set(),
    "shift-abroad": {"RES-009"},
    "shift-home": set(),
    "set-loop-abroad": {"RES-009"},
    "set-loop-home": set(),
    "element-abroad": {"RES-009"},
    "element-home": set(),
    "element-var-abroad": {"RES-009"},
    "element-var-home": set(),
    "read-a-abroad": {"RES-009"},
    "read-a-home": set(),
    "mapfile-abroad": {"RES-009"},
    "mapfile-home": set(),
    "brace-arg-abroad": {"RES-009"},
    "brace-arg-home": set(),
    "brace-seq-abroad": {"RES-009"},
    "brace-seq-home": set(),
    "heredoc-sub-abroad": {"RES-009"},
    "heredoc-sub-home": set(),
    "docker-cli-abroad": {"RES-009"},
    "docker-cli-home": set(),
    "docker-psql-partner": {"RES-015"},
    "docker-psql-own": set(),
    "ssm-docker-cli-abroad": {"RES-009"},
    "ssm-docker-cli-home": set(),
    "build-brace-arg-abroad": {"RES-009"},
    "build-brace-arg-home": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-wrap-args-abroad": {"RES-009"},
    "ali-wrap-args-home": set(),
    "ali-mapfile-abroad": {"RES-009"},
    "ali-mapfile-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("wrap-args-", "element-var-", "mapfile-", "brace-seq-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _user_data(code: str, shape: str) -> str:
    """A boot script giving a Region through a shell expansion (bash(1) "Positional Parameters", "Special
    Parameters", "Arrays", "Brace Expansion", "Here Documents", the shift, set, read and mapfile builtins)."""
    head = "#!/bin/bash\nset -euo pipefail\n"
    home = AWS_HOME[code]
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else SECOND_HOME[code]
    if shape.startswith("wrap-args-"):
        return (
            f'{head}retain() {{\n  {RETENTION} --region "$1"\n}}\nrun() {{\n  echo "retention for $*"\n'
            f'  retain "$@"\n}}\nrun {region}\n'
        )
    if shape.startswith("shift-"):
        return (
            f'{head}retain() {{\n  local group="$1"\n  shift\n  aws logs put-retention-policy --log-group-name '
            f'"$group" --retention-in-days 30 --region "$1"\n}}\nretain /fleet/app {region}\n'
        )
    if shape.startswith("set-loop-"):
        return f'{head}set -- {home} {region}\nfor r in "$@"; do\n  {RETENTION} --region "$r"\ndone\n'
    if shape.startswith("element-var-"):
        return f'{head}REGIONS=({home} {region})\nfor i in 0 1; do\n  {RETENTION} --region "${{REGIONS[$i]}}"\ndone\n'
    if shape.startswith("element-"):
        return f'{head}R[0]={home}\nR[1]={region}\n{RETENTION} --region "${{R[1]}}"\n'
    if shape.startswith("read-a-"):
        return (
            f'{head}read -r -a REGIONS <<< "{home} {region}"\nfor r in "${{REGIONS[@]}}"; do\n'
            f'  {RETENTION} --region "$r"\ndone\n'
        )
    if shape.startswith("mapfile-"):
        return f'{head}mapfile -t REGIONS <<EOF\n{home}\n{region}\nEOF\n{RETENTION} --region "${{REGIONS[1]}}"\n'
    if shape.startswith("brace-arg-"):
        return f"{head}{RETENTION} --region={{{region},{home}}}\n"
    if shape.startswith("brace-seq-"):
        words = ABROAD_SEQUENCE[code] if shape.endswith("-abroad") else HOME_SEQUENCE[code]
        return f'{head}for r in {words}; do\n  {RETENTION} --region "$r"\ndone\n'
    if shape.startswith("docker-cli-"):
        # AWS CLI user guide, "Running the official Amazon ECR Public or Docker images for the AWS CLI"
        return (
            f"{head}docker run --rm -v /var/log/fleet:/logs -e AWS_PAGER= public.ecr.aws/aws-cli/aws-cli:2.22.0 "
            f"{RETENTION.removeprefix('aws ')} --region {region}\n"
        )
    if shape.startswith("docker-psql-"):
        host = "reports.partner.example.com" if shape.endswith("-partner") else "10.0.1.15"
        return (
            f"{head}docker run --rm --name nightly -h fleet-reports -e PGPASSWORD -v /srv/sql:/sql postgres:16 "
            f"psql -h {host} -U reports -d fleet -f /sql/nightly.sql\n"
        )
    return f'{head}R=$(cat <<EOF\n{region}\nEOF\n)\n{RETENTION} --region "$R"\n'


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
            # docs: codebuild/project (source.buildspec; CodeBuild "Build specification reference": phases.build)
            commands = "".join(f"      - {json.dumps(line)}\n" for line in _commands(code, shape))
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
    """An aliyun CLI call given its region through a wrapper function's ``"$@"``, or an array ``mapfile`` fills."""
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    if shape.startswith("ali-wrap-args-"):
        return (
            '#!/bin/bash\nlist() {\n  aliyun ecs DescribeInstances --region "$1"\n}\nwith_retry() {\n'
            f'  for n in 1 2 3; do list "$@" && return 0; sleep 5; done\n}}\nwith_retry {region}\n'
        )
    return (
        f"#!/bin/bash\nmapfile -t REGIONS <<EOF\n{ALI_HOME[code]}\n{region}\nEOF\n"
        'aliyun ecs DescribeInstances --region "${REGIONS[1]}"\n'
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts55-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts55-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
