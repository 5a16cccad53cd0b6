"""Scripts and user data, round 12, part 2 (stop 56, issue 9, scripts56b).

*Scripts and user data, round 12 (stop 56)* pinned a leak as passing: ``scripts56-*-reada-variable-abroad``
(``DR=us-west-2; read -r -a RS <<< "eu-central-1 $DR"``, then ``--region "${RS[1]}"``). Reproduced on the unchanged
engine (main at 1ae99877: one-value probes, then these programs through every front door), each offending program
below passed every door:

1. **A here-string holding a variable** split into ``read -a``'s items (``reada-variable-*``, ``reada-first-*``:
   the variable first, ``reada-ifs-comma-var-*``: ``IFS=,``), into several names (``read-names-var-*``: ``read -r
   APP R <<< "fleet $DR"``), or holding a substitution the engine cannot compute (``reada-unknown``: RES-011), also in
   a CodeBuild buildspec (``build-reada-variable-*``) and an Alibaba ECS instance's user data (``ali-reada-*``).
2. **A compound assignment's item holding a variable** (``array-var-*``: ``RS=(eu-central-1 "$DR")`` then
   ``${RS[1]}``, in an SSM Command document), or a substitution (``array-unknown``: RES-011).

3. **``select NAME in WORDS``** (``select-*``) and an **associative array** (``assoc-*``: ``declare -A
   M=([home]=... [dr]=...)`` then ``${M[dr]}`` or ``${M[$k]}``; ``assoc-other-key``: ``${M[home]}`` beside a key
   holding a Region abroad, which passes).
4. **``printf -v R`` with another conversion** (``printf-decimal-*``: ``'%s-%d' us-west 2``; ``printf-width-*``:
   ``'%-16s'``, then ``$R`` unquoted).

The ``case-*``, ``until-*``, ``local-*`` and ``export-child-*`` rows pin shapes the task named that were refused on
main already (a ``case`` branch's assignment, an ``until`` loop's condition, ``local R=...`` in a function, ``export
R=...`` then ``bash -c '... $R'``), each with its compliant twin, which passes.

What changed (docs/residency.md, *Scripts and user data, round 12, part 2 (stop 56)*): scripts.py's
``_split_here_string`` splits a here-string whose expansions are whole variables or one-word substitutions
(``_expanded_fields``), each field holding one written double-quoted; ``array_elements(references=True)`` keeps an
item holding an expansion, and the engine's ``_with_parameters`` fills it as a positional parameter's word
(``_word_values``: a variable's values, a substitution held apart: RES-011 at a destination); ``_FOR_IN`` reads
``select`` as ``for``; ``array_elements`` reads an associative array's ``[key]=value`` items (``_KEYED_ITEM``);
``_printf_strings`` prints ``%d`` / ``%i`` of a decimal number and a conversion's flags, width and precision.
Each refusal has its compliant twin (the home Region in the variable), which passes. Ids:
``scripts56b-<jurisdiction>-<shape>``.
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
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
UNKNOWN = "$(aws ssm get-parameter --name /fleet/dr-region --query Parameter.Value --output text)"
"""A Region read at run time, never proven."""
PAIRED = (
    "reada-variable", "reada-first", "reada-ifs-comma-var", "read-names-var", "array-var", "build-reada-variable",
    "case", "until", "local", "export-child", "select", "assoc", "assoc-var", "printf-decimal", "printf-width",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with the home Region."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in PAIRED},
    **{f"{shape}-home": set() for shape in PAIRED},
    "reada-unknown": {"RES-011"},
    "array-unknown": {"RES-011"},
    "assoc-other-key": set(),
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {"ali-reada-variable-abroad": {"RES-009"}, "ali-reada-variable-home": set()}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = (
    "reada-first-", "read-names-var-", "until-", "export-child-", "select-", "assoc-var-", "printf-width-",
)  # fmt: skip
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region reaches ``--region`` through a here-string or an array item holding a variable, a
    ``case`` branch, an ``until`` loop, ``local`` or an exported variable read by a child shell (bash(1))."""
    head = "#!/bin/bash\nset -euo pipefail\n"
    home = AWS_HOME[code]
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else home
    dr = f"DR={UNKNOWN}\n" if shape.endswith("-unknown") else f"DR={region}\n"
    if shape.startswith(("reada-variable-", "reada-unknown")):
        # bash(1) "Here Strings": the word undergoes parameter expansion; read -a: "The words are assigned to
        # sequential indices of the array variable aname, starting at 0"
        return f'{head}{dr}read -r -a RS <<< "{home} $DR"\n{RETENTION} --region "${{RS[1]}}"\n'
    if shape.startswith("reada-first-"):
        return f'{head}{dr}read -r -a RS <<< "$DR {home}"\n{RETENTION} --region "${{RS[0]}}"\n'
    if shape.startswith("reada-ifs-comma-var-"):
        return f'{head}{dr}IFS=, read -r -a RS <<< "{home},$DR"\n{RETENTION} --region "${{RS[1]}}"\n'
    if shape.startswith("read-names-var-"):
        return f'{head}{dr}read -r APP R <<< "fleet $DR"\n{RETENTION} --region "$R"\n'
    if shape.startswith(("array-var-", "array-unknown")):
        return f'{head}{dr}RS=({home} "$DR")\n{RETENTION} --region "${{RS[1]}}"\n'
    if shape.startswith("printf-decimal-"):
        # bash(1) "printf" (printf -v, the format's conversions); printf(1) "%d: signed decimal"
        prefix, number = region.rsplit("-", 1)
        return f"{head}printf -v R '%s-%d' {prefix} {number}\n{RETENTION} --region \"$R\"\n"
    if shape.startswith("printf-width-"):
        return f"{head}printf -v R '%-16s' {region}\n{RETENTION} --region $R\n"
    if shape.startswith("select-"):
        # bash(1) "Compound Commands": select's "list of words following in is expanded, generating a list of items"
        return f'{head}select R in {home} {region}; do\n  {RETENTION} --region "$R"\n  break\ndone <<< 1\n'
    if shape.startswith("assoc"):
        # bash(1) "Arrays": "Associative arrays are created using declare -A name"; `[subscript]=string` items
        abroad = AWS_ABROAD[code] if shape == "assoc-other-key" else region
        use = {"assoc-var-": 'k=dr\n{r} --region "${{M[$k]}}"', "assoc-other-key": '{r} --region "${{M[home]}}"'}
        line = next((v for k, v in use.items() if shape.startswith(k)), '{r} --region "${{M[dr]}}"')
        return f"{head}declare -A M=([home]={home} [dr]={abroad})\n" + line.format(r=RETENTION) + "\n"
    if shape.startswith("case-"):
        branches = f"  prod) R={region};;\n  *) R={home};;\n"
        return f'{head}ENV=prod\ncase "$ENV" in\n{branches}esac\n{RETENTION} --region "$R"\n'
    if shape.startswith("until-"):
        return f'{head}R={region}\nuntil {RETENTION} --region "$R"; do sleep 5; done\n'
    if shape.startswith("local-"):
        return f'{head}retain() {{\n  local R={region}\n  {RETENTION} --region "$R"\n}}\nretain\n'
    # export-child-: an exported variable read by a child shell (bash(1) "Environment")
    return f"{head}export R={region}\nbash -c '{RETENTION} --region $R'\n"


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("array-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            lines = _user_data(code, shape).splitlines()[2:]
            step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": lines}}
            document = {"schemaVersion": "2.2", "description": "Fleet log retention", "mainSteps": [step]}
            return aws.ssm.Document("fleet-retention", name="fleet-retention", document_type="Command",
                                    document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape.startswith("build-"):
            # docs: codebuild/project (source.buildspec; CodeBuild "Build specification reference": phases.build)
            lines = _user_data(code, shape.removeprefix("build-")).splitlines()[2:]
            commands = "      - |\n" + "".join(f"        {line}\n" for line in lines)
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
    """An aliyun CLI call given its region by ``read -a`` from a here-string holding a variable."""
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    return (
        f'#!/bin/bash\nDR={region}\nread -r -a RS <<< "{ALI_HOME[code]} $DR"\n'
        f'aliyun ecs DescribeInstances --PageSize 50 --RegionId "${{RS[1]}}"\n'
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts56b-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts56b-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
