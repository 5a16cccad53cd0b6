"""StackSets and stack groups written in a template, run with their instances' overrides (stop 49, issue 9: stackset49).

Round 20 (awsred48) left a StackSet's instance overrides unjoined to its template. Reproduced on the unchanged engine
(main 3b6f8c1, ``RuleEngine(code).check`` of each program's resource, and this table's programs): an
``AWS::CloudFormation::StackSet`` written in a CloudFormation template (a Pulumi ``cloudformation.Stack``'s
``template_body``) had its ``TemplateBody`` walked as one parsed document with its Parameters unread, so a global
table replicating to the Parameter ``Where`` passed whatever Region it took: a foreign ``Default``, a foreign value in
the StackSet's own ``Parameters``, or in an instance group's ``StackInstancesGroup[].ParameterOverrides`` (every door).
The same in ROS: an ``ALIYUN::ROS::StackGroup`` written in an ROS template (its ``TemplateBody`` a map, walked as plain
data) passed a VPC peering to a foreign Region by Default, or by the override of an ``ALIYUN::ROS::StackInstances`` of
the same template. Now the body is read as the Pulumi StackSet's / stack group's template, once per instance group
with its overrides over the StackSet's Parameters: a foreign Region any instance runs with is RES-009, and a foreign
Default every instance group overrides with an in-country Region passes.

``shape`` (AWS, EU / DE / US / JP / CN; aws-cn StackSets exist in the China Regions): ``tpl-home`` the Default at home,
one group overriding nothing: passes; ``tpl-override-abroad`` a group overriding it abroad: RES-009 (passed before);
``tpl-default-abroad-overridden`` a foreign Default every group overrides at home: passes (before too: nothing read);
``tpl-default-abroad`` a foreign Default one group leaves: RES-009 (passed before). ROS (CN / JP / DE): ``ros-group-*``
the same four with ``ALIYUN::ROS::StackInstances`` naming the group. ``pulumi-*``: the Pulumi resources (a
``cloudformation.StackSet`` and ``StackSetInstance``; ``ros.StackGroup`` and ``ros.StackInstance``), whose join is not
made by any door this stop (docs/residency.md "StackSet instances and their StackSet (stop 49)"): the StackSet's own
foreign value is RES-009 (before = after), an in-country override of an in-country Default passes.

tests/test_realistic_programs.py runs them as CASES (``stackset49-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, OWN_ACCOUNT, OWN_UID, Build, Row, partition

AWS_REPLICA_HOME = {"EU": "eu-north-1", "DE": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3",
                    "CN": "cn-northwest-1"}  # fmt: skip
"""A second Region of the jurisdiction, where the trips table's replica may live."""
AWS_REPLICA_ABROAD = {"EU": "us-east-1", "DE": "us-east-1", "US": "eu-west-1", "JP": "us-east-1", "CN": "ap-east-1"}
"""A Region outside the jurisdiction (for CN, Hong Kong: outside mainland China)."""
ALI_PEER_ABROAD = {"CN": "ap-southeast-1", "JP": "cn-shanghai", "DE": "ap-northeast-1"}
"""An Alibaba Cloud region in another market, where a peered VPC would be."""
ALI_PEER_HOME = {"CN": "cn-beijing", "JP": "ap-northeast-1", "DE": "eu-central-1"}
"""A region of the market, where the hub VPC is."""


def trips_body(default: str) -> str:
    """A StackSet's template: the trips global table, replicated to the Parameter `Where` (Default ``default``; a
    neutral name: only where the template uses it says it is a Region). docs: AWS::DynamoDB::GlobalTable
    Replicas[].Region."""
    return json.dumps({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": {"Where": {"Type": "String", "Default": default}},
        "Resources": {"Trips": {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
            "TableName": "trips", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": {"Ref": "Where"}}]}}},
    })  # fmt: skip


def _aws_values(code: str, shape: str) -> tuple[str, list[str | None]]:
    """The body's Default and each instance group's override of `Where` (None: the group overrides nothing)."""
    home, abroad = AWS_REPLICA_HOME[code], AWS_REPLICA_ABROAD[code]
    shapes: dict[str, tuple[str, list[str | None]]] = {
        "tpl-home": (home, [None]),
        "tpl-override-abroad": (home, [abroad]),
        "tpl-default-abroad-overridden": (abroad, [home, home]),
        "tpl-default-abroad": (abroad, [home, None]),
    }
    return shapes[shape]


def template_stack_set(code: str, shape: str) -> Build:
    # docs: AWS::CloudFormation::StackSet (TemplateBody, PermissionModel SELF_MANAGED, StackInstancesGroup
    # [{DeploymentTargets.Accounts, Regions, ParameterOverrides [{ParameterKey, ParameterValue}]}]) in a Pulumi
    # cloudformation/stack's template_body: the organisation's trips table rolled out from one stack.
    def build(c: Any) -> object:
        default, overrides = _aws_values(code, shape)
        groups = [
            {"DeploymentTargets": {"Accounts": [OWN_ACCOUNT]}, "Regions": [AWS_HOME[code]],
             **({"ParameterOverrides": [{"ParameterKey": "Where", "ParameterValue": o}]} if o else {})}
            for o in overrides
        ]  # fmt: skip
        template = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"TripsSet": {
            "Type": "AWS::CloudFormation::StackSet", "Properties": {
                "StackSetName": "trips", "PermissionModel": "SELF_MANAGED", "TemplateBody": trips_body(default),
                "StackInstancesGroup": groups}}}}  # fmt: skip
        return aws.cloudformation.Stack("trips-rollout", template_body=json.dumps(template), opts=c.aws)

    return build


def pulumi_stack_set(code: str, shape: str) -> Build:
    # docs: aws cloudformation/stackset (parameters, SELF_MANAGED) and cloudformation/stacksetinstance
    # (stack_set_name, parameter_overrides, region). `own-abroad`: the StackSet's own parameters give `Where` abroad;
    # `override-home`: the instance overrides the in-country Default with another in-country Region.
    def build(c: Any) -> object:
        p = partition(code)
        given = {"Where": AWS_REPLICA_ABROAD[code]} if shape == "own-abroad" else None
        stack_set = aws.cloudformation.StackSet(
            "trips", name="trips", template_body=trips_body(AWS_HOME[code]), parameters=given,
            permission_model="SELF_MANAGED",
            administration_role_arn=f"arn:{p}:iam::{OWN_ACCOUNT}:role/AWSCloudFormationStackSetAdministrationRole",
            execution_role_name="AWSCloudFormationStackSetExecutionRole", opts=c.aws,
        )  # fmt: skip
        overrides = {"Where": AWS_REPLICA_HOME[code]} if shape == "override-home" else None
        return aws.cloudformation.StackSetInstance(
            "trips-home", stack_set_name=stack_set.name, account_id=OWN_ACCOUNT, region=AWS_HOME[code],
            parameter_overrides=overrides, opts=c.aws,
        )  # fmt: skip

    return build


def peering_body(default: str) -> dict[str, Any]:
    """A stack group's template: a VPC peering to the hub VPC in the Parameter `Where`'s region (Default
    ``default``). docs: ALIYUN::VPC::VpcPeerConnection AcceptingRegionId (the accepter VPC's region)."""
    return {
        "ROSTemplateFormatVersion": "2015-09-01",
        "Parameters": {"Where": {"Type": "String", "Default": default}},
        "Resources": {"Peer": {"Type": "ALIYUN::VPC::VpcPeerConnection", "Properties": {
            "VpcId": "vpc-app01", "AcceptingVpcId": "vpc-hub01", "AcceptingRegionId": {"Ref": "Where"},
            "AcceptingAliUid": {"Ref": "ALIYUN::AccountId"}, "Name": "app-to-hub"}}},
    }  # fmt: skip


def template_stack_group(code: str, shape: str) -> Build:
    # docs: ALIYUN::ROS::StackGroup (StackGroupName, TemplateBody Map) and ALIYUN::ROS::StackInstances
    # (StackGroupName, RegionIds, AccountIds, ParameterOverrides Map) in a Pulumi ros/stack's template_body.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        home, abroad = ALI_PEER_HOME[code], ALI_PEER_ABROAD[code]
        shapes: dict[str, tuple[str, list[str | None]]] = {
            "ros-group-home": (home, [None]),
            "ros-group-override-abroad": (home, [abroad]),
            "ros-group-default-abroad-overridden": (abroad, [home]),
            "ros-group-default-abroad": (abroad, [home, None]),
        }
        default, overrides = shapes[shape]
        resources: dict[str, Any] = {"Group": {"Type": "ALIYUN::ROS::StackGroup", "Properties": {
            "StackGroupName": "peering", "TemplateBody": peering_body(default)}}}  # fmt: skip
        for i, o in enumerate(overrides):
            resources[f"Instances{i}"] = {"Type": "ALIYUN::ROS::StackInstances", "Properties": {
                "StackGroupName": "peering", "RegionIds": [ALI_HOME[code]], "AccountIds": [OWN_UID],
                **({"ParameterOverrides": {"Where": o}} if o else {})}}  # fmt: skip
        body = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources})
        return alicloud.ros.Stack("peering-rollout", stack_name="peering-rollout", template_body=body, opts=c.ali)

    return build


def pulumi_stack_group(code: str, shape: str) -> Build:
    # docs: alicloud ros/stackgroup (template_body, parameters) and ros/stackinstance (stack_group_name,
    # stack_instance_account_id, stack_instance_region_id, parameter_overrides).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        abroad: alicloud.ros.StackGroupParameterArgsDict = {
            "parameter_key": "Where",
            "parameter_value": ALI_PEER_ABROAD[code],
        }
        given = [abroad] if shape == "own-abroad" else None
        group = alicloud.ros.StackGroup(
            "peering", stack_group_name="peering", template_body=json.dumps(peering_body(ALI_PEER_HOME[code])),
            parameters=given, opts=c.ali,
        )  # fmt: skip
        home: alicloud.ros.StackInstanceParameterOverrideArgsDict = {
            "parameter_key": "Where",
            "parameter_value": ALI_HOME[code],
        }
        overrides = [home] if shape == "override-home" else None
        return alicloud.ros.StackInstance(
            "peering-home", stack_group_name=group.stack_group_name, stack_instance_account_id=OWN_UID,
            stack_instance_region_id=ALI_HOME[code], parameter_overrides=overrides, opts=c.ali,
        )  # fmt: skip

    return build


AWS_SHAPES = {"tpl-home": set(), "tpl-override-abroad": {"RES-009"}, "tpl-default-abroad-overridden": set(),
              "tpl-default-abroad": {"RES-009"}}  # fmt: skip
ROS_SHAPES = {"ros-group-home": set(), "ros-group-override-abroad": {"RES-009"},
              "ros-group-default-abroad-overridden": set(), "ros-group-default-abroad": {"RES-009"}}  # fmt: skip
PULUMI_SHAPES = {"own-abroad": {"RES-009"}, "override-home": set()}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in ("EU", "DE", "US", "JP", "CN"):
        c = code.lower()
        out += [(f"stackset49-{c}-{s}", code, template_stack_set(code, s), set(r), []) for s, r in AWS_SHAPES.items()]
        out += [(f"stackset49-{c}-pulumi-stackset-{s}", code, pulumi_stack_set(code, s), set(r), [])
                for s, r in PULUMI_SHAPES.items()]  # fmt: skip
    for code in ("CN", "JP", "DE"):
        c = code.lower()
        out += [(f"stackset49-{c}-{s}", code, template_stack_group(code, s), set(r), []) for s, r in ROS_SHAPES.items()]
        out += [(f"stackset49-{c}-pulumi-stackgroup-{s}", code, pulumi_stack_group(code, s), set(r), [])
                for s, r in PULUMI_SHAPES.items()]  # fmt: skip
    return out
