"""Template functions, round 13: jq's path expressions through a slice, ``if`` and a defined function, ``|=`` giving
no value, and a template Parameter's ``Ref`` at a host field read as its ``Fn::Sub`` is (stop 59, issue 9).

Reproduced first on the unchanged engine (main 8801eb8a, these programs through every door): see docs/residency.md,
*Template functions, round 13 (stop 59)*, for the count.

- jq (ROS ``Fn::Jq`` at an image copy's ``DestinationRegionId``; EC2 user data's ``jq -r`` at ``aws ec2
  copy-snapshot --region``): ``del(.targets[:1])``, ``.targets[1:] |= ...``, ``.targets[:1] = []``, ``del(if ...
  then ... else ... end)``, ``def archive: ...; del(archive)`` and ``... |= empty`` were unread: RES-011 at home (a
  false alarm) and the same abroad (where the rule of what they compute is RES-009). ``-home`` passes, ``-abroad``
  RES-009.
- A ROS DTS job's ``DestinationEndpoint.IP`` / a CloudFormation Lambda function's ``DB_HOST`` given ``{"Ref":
  "TargetHost"}``, the Parameter's Default a private address (``-ref-home``), was RES-015 while ``{"Fn::Sub":
  "${TargetHost}"}`` of the same Parameter (``-sub-home``) passed: the Ref is now read as the Fn::Sub is (the value
  used when the stack gives none: ROS and CloudFormation "Parameters", ``Default``). ``-abroad``: a partner's host
  as the Default, RES-015 both ways.
- A Parameter Store typed Parameter (CloudFormation ``AWS::SSM::Parameter::Value<String>``, ROS
  ``ALIYUN::OOS::Parameter::Value``) whose Default is the stored parameter's *name* passed at a host field through
  ``Fn::Sub`` (the name read as the host): the value is fetched at deployment, unknown here, RES-015 (``-store-sub``,
  ``-store-ref``); so is a CloudFormation dynamic reference written at the host (``{{resolve:ssm:/orders/db-host}}``,
  ``-dynamic``, ``-dynamic-sub``: passed every door as text); their compliant twin is the String Parameter's
  ``-sub-home``.

tests/test_realistic_programs.py runs them as CASES (``fnros59-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, Build, Row, home_abroad_rows
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY
from platform_programs_fnros55 import USER_DATA_CODES, _copy, _copy_to, _jq, _user_data

Family = Callable[[str, str], Build]

PRIVATE_DB = "192.168.20.15"
"""The fleet's database on its own VPC (a private address: in the stack's network)."""
PARTNER_DB = "db.fleet-partner.example.com"
"""A partner's database host (a public name nothing proves in the jurisdiction)."""


def _targets(code: str, where: str) -> dict[str, Any]:
    # The image copy plan as a runbook keeps it: the archive at home first, then the disaster-recovery copy.
    dr = ALI_HOME[code] if where == "home" else ALI_AWAY[code]
    return {"plan": {"archive": {"tier": "cold", "region": ALI_HOME[code]}, "copy": {"tier": "warm", "dr_region": dr}},
            "targets": [{"role": "archive", "region": ALI_HOME[code]}, {"role": "backup", "region": dr}]}  # fmt: skip


def _ros(script: str) -> Family:
    return lambda code, where: _copy(_jq(script, _targets(code, where)))


# Each ROS Fn::Jq filter at an image copy's DestinationRegionId (jq manual, https://jqlang.org/manual/v1.6/).
ROS_FILTERS = {
    # `del(path_expression)` through a slice ("Array/String Slice: .[10:15]"): the archive (the first target) gone.
    "ros-copy-jq-del-slice": "del(.targets[:1]) | .targets[0].region",
    # `|=` of a slice ("Update-assignment"): the targets after the first replaced by their Regions.
    "ros-copy-jq-update-slice": ".targets[1:] |= map(.region) | .targets[1]",
    # `if ... then ... else ... end` as a path expression ("if-then-else-end").
    "ros-copy-jq-del-if": 'del(if .plan.archive.tier == "cold" then .plan.archive else .plan.copy end) | '
    ".plan[].dr_region",
    # a defined function as a path expression ("Defining Functions": `def name: body;`).
    "ros-copy-jq-del-def": "def archive: .plan.archive; del(archive) | .plan[].dr_region",
    # `|=` whose update gives no value: jq deletes the path (builtin.jq's `_modify`).
    "ros-copy-jq-update-empty": ".plan.archive |= empty | .plan[].dr_region",
}


def _aws_plan(code: str, where: str) -> str:
    dr = AWS_HOME[code] if where == "home" else AWS_AWAY[code]
    return json.dumps({"targets": [{"role": "archive", "region": AWS_HOME[code]}, {"role": "backup", "region": dr}]})


def _script(program: str) -> Family:
    # A user data script reading the plan with jq -r, then copying the snapshot to the Region it gives.
    return lambda code, where: _user_data(
        f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{program}')\n" + _copy_to(code, "$DR")
    )


SCRIPT_FILTERS = {
    "jq-copy-del-slice": _script("del(.targets[:1]) | .targets[0].region"),
    "jq-copy-assign-slice": _script(".targets[:1] = [] | .targets[0].region"),
    "jq-copy-del-if": _script("del(if (.targets | length) > 1 then .targets[0] else empty end) | .targets[0].region"),
    "jq-copy-del-def": _script(
        'def archived: .targets[] | select(.role == "archive"); del(archived) | .targets[0].region'
    ),
    "jq-copy-update-empty": _script('(.targets[] | select(.role == "archive")) |= empty | .targets[0].region'),
}


def _dts(code: str, host: Any, parameter: dict[str, Any]) -> Build:
    # docs: ROS ALIYUN::DTS::MigrationJob2 DestinationEndpoint (InstanceType OTHER: a self-managed database, IP
    # "required only when InstanceType is set to OTHER, EXPRESS, DG, or CEN", Port); Parameters (Type, Default: "If
    # no value is specified at stack creation, ROS uses this default").
    source = {"InstanceType": "RDS", "EngineName": "MYSQL", "InstanceId": "rm-fleetsrc01", "Region": ALI_HOME[code],
              "UserName": "dts", "Password": "Fleet-Dts-2026"}  # fmt: skip
    target = {"InstanceType": "OTHER", "EngineName": "MYSQL", "IP": host, "Port": "3306", "UserName": "dts",
              "Password": "Fleet-Dts-2026"}  # fmt: skip
    job = {"Type": "ALIYUN::DTS::MigrationJob2", "Properties": {
        "DtsJobName": "orders-move", "SourceEndpoint": source, "DestinationEndpoint": target,
        "DbList": {"orders": {"name": "orders", "all": True}}, "StructureInitialization": True,
        "DataInitialization": True, "DataSynchronization": False}}  # fmt: skip
    document = {"ROSTemplateFormatVersion": "2015-09-01", "Parameters": {"TargetHost": parameter},
                "Resources": {"Move": job}}  # fmt: skip

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ros/stack (stack_name, template_body; no `parameters`: each Parameter takes its Default)
        return alicloud.ros.Stack(f"dts-{code.lower()}", stack_name=f"dts-{code.lower()}",
                                  template_body=json.dumps(document), opts=c.ali)  # fmt: skip

    return build


def _host(where: str) -> str:
    return PRIVATE_DB if where == "home" else PARTNER_DB


def ros_dts_ref(code: str, where: str) -> Build:
    return _dts(code, {"Ref": "TargetHost"}, {"Type": "String", "Default": _host(where)})


def ros_dts_sub(code: str, where: str) -> Build:
    return _dts(code, {"Fn::Sub": "${TargetHost}"}, {"Type": "String", "Default": _host(where)})


def _lambda(host: Any, parameter: dict[str, Any]) -> Build:
    # docs: CloudFormation AWS::Lambda::Function Environment.Variables; Parameters (Default: "A value of the
    # appropriate type for the template to use if no value is specified when a stack is created").
    role = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders"}
    function = {"Type": "AWS::Lambda::Function", "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler", "Role": role,
        "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
        "Environment": {"Variables": {"DB_HOST": host, "DB_PORT": "5432"}}}}  # fmt: skip
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {"DbHost": parameter},
                           "Resources": {"Orders": function}})  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (name, template_body, capabilities)
        return aws.cloudformation.Stack("orders", name="orders", template_body=document,
                                        capabilities=["CAPABILITY_IAM"], opts=c.aws)  # fmt: skip

    return build


def cfn_lambda_ref(code: str, where: str) -> Build:
    return _lambda({"Ref": "DbHost"}, {"Type": "String", "Default": _host(where)})


def cfn_lambda_sub(code: str, where: str) -> Build:
    return _lambda({"Fn::Sub": "${DbHost}:5432"}, {"Type": "String", "Default": _host(where)})


HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    **{name: (_ros(script), {"RES-009"}, ALI_CODES) for name, script in ROS_FILTERS.items()},
    **{name: (family, {"RES-009"}, USER_DATA_CODES) for name, family in SCRIPT_FILTERS.items()},
    "ros-dts-ref": (ros_dts_ref, {"RES-015"}, ALI_CODES),
    "ros-dts-sub": (ros_dts_sub, {"RES-015"}, ALI_CODES),
    "cfn-lambda-ref": (cfn_lambda_ref, {"RES-015"}, ("EU", "US", "JP")),
    "cfn-lambda-sub": (cfn_lambda_sub, {"RES-015"}, ("EU", "US", "JP")),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""

# A Parameter Store typed Parameter: CloudFormation "SSM parameter types" ("CloudFormation fetches values stored in
# Parameter Store"), ROS "Parameters" Type `ALIYUN::OOS::Parameter::Value` ("a common parameter that is stored in
# Parameter Store of CloudOps Orchestration Service (OOS)"): the Default names the stored parameter, not the host.
_SSM = {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/orders/db-host"}
_OOS = {"Type": "ALIYUN::OOS::Parameter::Value", "Default": "orders-db-host"}
STORE: dict[str, tuple[Family, tuple[str, ...]]] = {
    "cfn-lambda-store-sub": (lambda code, _: _lambda({"Fn::Sub": "${DbHost}"}, _SSM), ("EU", "US", "JP")),
    "cfn-lambda-store-ref": (lambda code, _: _lambda({"Ref": "DbHost"}, _SSM), ("EU",)),
    "ros-dts-store-sub": (lambda code, _: _dts(code, {"Fn::Sub": "${TargetHost}"}, _OOS), ALI_CODES),
    "ros-dts-store-ref": (lambda code, _: _dts(code, {"Ref": "TargetHost"}, _OOS), ("CN",)),
    # A CloudFormation dynamic reference ("Get values stored in other services using dynamic references":
    # `{{resolve:ssm:parameter-name}}`, retrieved "during stack and change set operations") as the host: the same
    # stored value, written in the property (passed every door before, as text).
    "cfn-lambda-dynamic": (
        lambda code, _: _lambda("{{resolve:ssm:/orders/db-host}}", {"Type": "String"}),
        ("EU", "US", "JP"),
    ),
    "cfn-lambda-dynamic-sub": (
        lambda code, _: _lambda({"Fn::Sub": "{{resolve:ssm:/orders/db-host:3}}:5432"}, {"Type": "String"}),
        ("EU",),
    ),
}
"""Refused (RES-015) in each jurisdiction: the host is whatever the parameter store holds at deployment."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = home_abroad_rows("fnros59", HOME_ABROAD)
    for kind, (make, codes) in STORE.items():
        out += [(f"fnros59-{code.lower()}-{kind}", code, make(code, ""), {"RES-015"}, []) for code in codes]
    return out
