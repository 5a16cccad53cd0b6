"""Scripts and user data, round 10, part 2 (stop 54, issue 9, scripts54b).

*Scripts and user data, round 10 (stop 54)* and *Mutation search, round 23 (stop 54)* left shell expansions the one
script reader did not compute (docs/residency-open.md, "Shell values the script reader does not compute"). Reproduced
on the unchanged engine (main at 0bf4fb91), these programs through every front door; the offending ones marked
"passed" each passed every door:

1. **A settings file's field holding an uncomputed substitution** (``settings-json-*``, ``settings-yaml-host-*``; EC2
   user data, EU / US / JP / CN): ``R=$(cat /etc/fleet/region)`` then an application's JSON ``"region": "$R"`` passed,
   and ``DB=$(cat /etc/fleet/db-host)`` then a YAML ``host: $DB`` passed (the document was walked with the literal
   values only; an INI ``region = $R`` was RES-011 since stop 53): RES-011 / RES-015 now, as the INI line. The
   metadata's own Region, and a literal own database host, pass.
2. **A quoted here-document** (``quoted-heredoc-*``): ``R=<abroad>`` then ``cat > app.yaml <<'EOF'`` with ``region:
   $R`` was RES-009, but bash writes ``$R`` as written there (a false alarm): it passes now; the same file after
   ``export R=<abroad>`` (a program expanding the file from its environment would read it) stays RES-009.
3. **Positional parameters** (``func-region-*``, ``set-args-*``): ``retain() { aws logs ... --region "$1"; }; retain
   <abroad>`` passed, and ``set -- <abroad>`` then ``--region "$1"``: RES-009 now; the home Region passes.
4. **Other assignments** (``herestring-*``, ``printf-v-*``, ``read-two-*``): ``read -r R <<< "$(cat FILE)"`` then
   ``--region "$R"`` passed (RES-011 now; the metadata's Region passes), ``printf -v R '%s' <abroad>`` passed and
   ``while read -r app region; do ... --region "$region"; done <<EOF`` over ``fleet <abroad>`` passed: RES-009 now.
5. **Arrays, brace expansion, `${A:+word}` with a blank** (``array-index-*``, ``brace-*``, ``alternate-blank-*``):
   ``REGIONS=(<home> <abroad>)`` then ``--region "${REGIONS[1]}"`` passed (``${REGIONS[0]}`` passes), ``for r in
   {<home>,<abroad>}`` passed and ``${DR:+--region <abroad>}`` passed: RES-009 now.
6. **Alibaba Cloud** (``ali-*``, CN / JP / DE; ECS instances): ``~/.aliyun/config.json``'s ``"region_id": "$R"``
   after ``R=$(cat /etc/fleet/region)`` passed (RES-011 now; the metadata's region-id passes), and an aliyun CLI call
   in a function given a region abroad as ``$1`` passed (RES-009 now).

Ids: ``scripts54b-<jurisdiction>-<shape>``. tests/test_realistic_programs.py runs them as CASES (``scripts54b-*``).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, ALI_METADATA, AWS_ABROAD, AWS_HOME, IMDS, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
SECOND_HOME = {"EU": "eu-central-1", "US": "us-east-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region inside each jurisdiction (a loop over both passes)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is the argument each shape gives."""
AWS_EXPECTED = {
    "settings-json-unknown": {"RES-011"},
    "settings-json-own": set(),
    "settings-yaml-host-unknown": {"RES-015"},
    "settings-yaml-host-own": set(),
    "quoted-heredoc-unexported": set(),
    "quoted-heredoc-exported": {"RES-009"},
    "func-region-abroad": {"RES-009"},
    "func-region-home": set(),
    "set-args-abroad": {"RES-009"},
    "set-args-home": set(),
    "herestring-unknown": {"RES-011"},
    "herestring-own": set(),
    "printf-v-abroad": {"RES-009"},
    "printf-v-home": set(),
    "read-two-abroad": {"RES-009"},
    "read-two-home": set(),
    "array-index-abroad": {"RES-009"},
    "array-index-home": set(),
    "brace-abroad": {"RES-009"},
    "brace-home": set(),
    "alternate-blank-abroad": {"RES-009"},
    "alternate-blank-home": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-config-json-unknown": {"RES-011"},
    "ali-config-json-own": set(),
    "ali-func-region-abroad": {"RES-009"},
    "ali-func-region-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("settings-json-", "func-region-", "printf-v-", "array-index-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def _user_data(code: str, shape: str) -> str:
    """A boot script giving a Region or host through a shell expansion (bash(1) "Parameter Expansion", "Positional
    Parameters", "Arrays", "Brace Expansion", "Here Documents", "Here Strings", the read and printf builtins)."""
    head = "#!/bin/bash\nset -euo pipefail\n"
    home, abroad = AWS_HOME[code], AWS_ABROAD[code]
    region = abroad if shape.endswith(("-abroad", "-exported")) else home
    own_region = f"$(curl -s {IMDS}/meta-data/placement/region)"
    if shape.startswith("settings-json-"):
        value = "$(cat /etc/fleet/region)" if shape.endswith("unknown") else own_region
        return (
            f"{head}R={value}\nmkdir -p /etc/fleet\ncat > /etc/fleet/uploader.json <<EOF\n"
            '{"region": "$R", "queue": "fleet-reports", "batch": 50}\nEOF\nsystemctl restart fleet-uploader\n'
        )
    if shape.startswith("settings-yaml-host-"):
        own_db = f"fleet.cluster-c1a2b3.{home}.rds.{_suffix(code)}"
        value = "$(cat /etc/fleet/db-host)" if shape.endswith("unknown") else own_db
        return (
            f"{head}DB={value}\nmkdir -p /etc/fleet\ncat > /etc/fleet/app.yaml <<EOF\ndatabase:\n  host: $DB\n"
            "  port: 5432\n  name: fleet\nEOF\nsystemctl restart fleet-app\n"
        )
    if shape.startswith("quoted-heredoc-"):
        export = "export " if shape.endswith("-exported") else ""
        return (
            f"{head}{export}R={abroad}\nmkdir -p /etc/fleet\ncat > /etc/fleet/app.yaml <<'EOF'\nstorage:\n"
            "  region: $R\n  bucket_prefix: fleet\nEOF\nsystemctl restart fleet-app\n"
        )
    if shape.startswith("func-region-"):
        return f'{head}retain() {{\n  {RETENTION} --region "$1"\n}}\nretain {region}\n'
    if shape.startswith("set-args-"):
        return f'{head}set -- {region} /fleet/app\n{RETENTION} --region "$1"\n'
    if shape.startswith("herestring-"):
        value = '"$(cat /etc/fleet/region)"' if shape.endswith("unknown") else f'"{own_region}"'
        return f'{head}read -r R <<< {value}\n{RETENTION} --region "$R"\n'
    if shape.startswith("printf-v-"):
        return f"{head}printf -v R '%s' {region}\n{RETENTION} --region \"$R\"\n"
    if shape.startswith("read-two-"):
        return (
            f'{head}while read -r app region; do\n  {RETENTION} --region "$region"\ndone <<EOF\n'
            f"fleet-app {region}\nEOF\n"
        )
    if shape.startswith("array-index-"):
        index = 1 if shape.endswith("abroad") else 0
        return f'{head}REGIONS=({home} {abroad})\n{RETENTION} --region "${{REGIONS[{index}]}}"\n'
    if shape.startswith("brace-"):
        words = f"{{{home},{region if shape.endswith('abroad') else SECOND_HOME[code]}}}"
        return f'{head}for r in {words}; do\n  {RETENTION} --region "$r"\ndone\n'
    return f"{head}{RETENTION} --region {home} ${{DR:+--region {region}}}\n"


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
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
    """The aliyun CLI's own configuration (Alibaba Cloud CLI "Configure profiles": ~/.aliyun/config.json's
    ``region_id``), or a call given its region as a function's argument."""
    own = f"$(curl -s {ALI_METADATA}/meta-data/region-id)"
    if shape.startswith("ali-config-json-"):
        value = "$(cat /etc/fleet/region)" if shape.endswith("unknown") else own
        return (
            f"#!/bin/bash\nR={value}\nmkdir -p /root/.aliyun\ncat > /root/.aliyun/config.json <<EOF\n"
            '{"current": "default", "profiles": [{"name": "default", "mode": "EcsRamRole", '
            '"ram_role_name": "fleet-ecs", "region_id": "$R", "output_format": "json", "language": "en"}]}\n'
            "EOF\naliyun ecs DescribeInstances\n"
        )
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    return f'#!/bin/bash\nlist() {{\n  aliyun ecs DescribeInstances --region "$1"\n}}\nlist {region}\n'


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts54b-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts54b-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
