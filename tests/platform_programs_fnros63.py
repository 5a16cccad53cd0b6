"""Template functions, round 17: a template variable reaching a script's host or Region option through a shell
variable (stop 63, issue 9; stop 62's open finding: a template variable inside a host word or at a Region option).

A one-text ``Fn::Sub`` user data (AWS "Fn::Sub": "the variables ... are substituted" before the instance runs the
text; ROS "Fn::Sub" the same; ``${!Literal}`` writes ``${Literal}``) whose script assigns a template variable to a
shell variable first (``R=${TargetRegion}``, ``H=${DbHost}``, ``H=${DbHost}.internal``) and then uses the shell
variable at ``--region`` / ``-h``:

- ``cfn-*`` (EU / US): an ``aws.cloudformation.Stack`` (docs: cloudformation/stack ``template_body``,
  ``parameters``) whose ``AWS::EC2::Instance`` ``UserData`` copies the nightly snapshot with ``aws ec2 copy-snapshot
  --region "$R"`` (the copy is made in the Region the call goes to) and connects ``psql -h "$H"``;
- ``ros-*`` (CN / JP / DE): an ``alicloud.ros.Stack`` (docs: ros/stack ``template_body``) whose
  ``ALIYUN::ECS::Instance`` ``UserData`` runs ``aliyun ecs DescribeInstances --region "$R"`` and ``mysql -h "$H"``.

``-home``: the Parameter given a home value by the stack, or the template's own database's address (passes);
``-abroad``: given a Region abroad (RES-009); ``-unset``: the Parameter with no Default and none given (whatever the
deployer passes: RES-015). On the unchanged engine (86a0559b) the ``-unset`` rows passed every door (a leak: the shell
reader read ``${TargetRegion}`` as a variable no line sets); see docs/residency.md, *Template functions, round 17
(stop 63)*, for the counts. tests/test_realistic_programs.py runs them as CASES (``fnros63-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, Build, Row, home_abroad_rows
from platform_programs_fnros53 import ALI_AWAY, AWS_AWAY

Family = Callable[[str, str], Build]

AWS_CODES = ("EU", "US")
ALI_CODES = ("CN", "JP", "DE")

_AWS_COPY = (
    "aws ec2 copy-snapshot --source-region ${AWS::Region} --source-snapshot-id snap-0a1b2c3d4e5f60718 "
    '--description nightly-dr --region "$R"\n'
)
_ALI_CALL = 'aliyun ecs DescribeInstances --region "$R"\n'


def _cfn(script: str, given: dict[str, str]) -> Build:
    template = {
        "Parameters": {"TargetRegion": {"Type": "String"}, "DbHost": {"Type": "String"}},
        "Resources": {
            "Db": {"Type": "AWS::RDS::DBInstance",
                   "Properties": {"Engine": "postgres", "DBInstanceClass": "db.t3.micro"}},
            "App": {"Type": "AWS::EC2::Instance", "Properties": {
                "ImageId": "ami-0a1b2c3d4e5f60718", "InstanceType": "t3.small",
                "UserData": {"Fn::Base64": {"Fn::Sub": "#!/bin/bash\nset -euo pipefail\n" + script}}}},
        },
    }  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (name, template_body, parameters)
        return aws.cloudformation.Stack("fleet", name="fleet", template_body=json.dumps(template),
                                        parameters=given, opts=c.aws)  # fmt: skip

    return build


def _ros(script: str, given: dict[str, str]) -> Build:
    template = {
        "ROSTemplateFormatVersion": "2015-09-01",
        "Parameters": {"TargetRegion": {"Type": "String"}, "DbHost": {"Type": "String"}},
        "Resources": {
            "Polar": {"Type": "ALIYUN::POLARDB::DBCluster", "Properties": {"DBType": "MySQL"}},
            "App": {"Type": "ALIYUN::ECS::Instance", "Properties": {
                "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "InstanceType": "ecs.g7.large",
                "UserData": {"Fn::Sub": "#!/bin/bash\nset -euo pipefail\n" + script}}},
        },
    }  # fmt: skip

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ros/stack (stack_name, template_body, parameters: parameter_key / parameter_value)
        return alicloud.ros.Stack("fleet", stack_name="fleet", template_body=json.dumps(template),
                                  parameters=[{"parameter_key": k, "parameter_value": v} for k, v in given.items()],
                                  opts=c.ali)  # fmt: skip

    return build


def _region_value(cloud: str, code: str, where: str) -> str:
    if cloud == "aws":
        return AWS_HOME[code] if where == "home" else AWS_AWAY[code]
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _region(cloud: str, quoted: bool) -> Family:
    # R=${TargetRegion} (or R="${TargetRegion}"), then the call at --region "$R"; the stack gives TargetRegion.
    assign = 'R="${TargetRegion}"\n' if quoted else "R=${TargetRegion}\n"

    def family(code: str, where: str) -> Build:
        given = {"TargetRegion": _region_value(cloud, code, where)}
        return _cfn(assign + _AWS_COPY, given) if cloud == "aws" else _ros(assign + _ALI_CALL, given)

    return family


HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "cfn-region-assigned": (_region("aws", False), {"RES-009"}, AWS_CODES),
    "cfn-region-assigned-quoted": (_region("aws", True), {"RES-009"}, AWS_CODES),
    "ros-region-assigned": (_region("ali", False), {"RES-009"}, ALI_CODES),
}
"""The Region given by the stack through a shell variable (passed and refused alike on the unchanged engine: the
given value is filled in before the script is read; pinned beside the ``-unset`` rows)."""

UNSET: dict[str, tuple[Callable[[str], Build], tuple[str, ...]]] = {
    "cfn-region-assigned": (lambda code: _cfn("R=${TargetRegion}\n" + _AWS_COPY, {}), AWS_CODES),
    "cfn-host-assigned": (lambda code: _cfn('H=${DbHost}\npsql -h "$H" -U app -c "select 1"\n', {}), AWS_CODES),
    "cfn-host-word-assigned": (
        lambda code: _cfn('H=${DbHost}.internal\npsql -h "$H" -U app -c "select 1"\n', {}),
        AWS_CODES,
    ),
    "ros-region-assigned": (lambda code: _ros("R=${TargetRegion}\n" + _ALI_CALL, {}), ALI_CODES),
    "ros-host-assigned": (lambda code: _ros('H=${DbHost}\nmysql -h "$H" -u app fleet\n', {}), ALI_CODES),
}
"""The template variable with no value (no Default, none given) reaching the option through a shell variable."""

OWN: dict[str, tuple[Callable[[str], Build], tuple[str, ...]]] = {
    # the template's own database: its address attribute is catalogued as the stack's own Region's (passes)
    "cfn-host-assigned": (
        lambda code: _cfn('H=${Db.Endpoint.Address}\npsql -h "$H" -U app -c "select 1"\n', {}),
        AWS_CODES,
    ),
    "ros-host-assigned": (
        lambda code: _ros('H=${Polar.PrimaryConnectionString}\nmysql -h "$H" -u app fleet\n', {}),
        ALI_CODES,
    ),
}
"""The host given by the template's own resource through a shell variable (compliant)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = home_abroad_rows("fnros63", HOME_ABROAD)
    for kind, (make, codes) in UNSET.items():
        out += [(f"fnros63-{code.lower()}-{kind}-unset", code, make(code), {"RES-015"}, []) for code in codes]
    for kind, (make, codes) in OWN.items():
        out += [(f"fnros63-{code.lower()}-{kind}-own", code, make(code), set(), []) for code in codes]
    return out
