"""Template functions, round 5: ROS Fn::Index, Fn::Length, Fn::Add, Fn::Calculate, Fn::Max, Fn::Min as a Region
list's index, and jq filters beyond a path in ROS Fn::Jq (stop 53, issue 9).

Reproduced first on the unchanged engine (main 45eea1d, these programs through every door): an ``Fn::Select`` whose
index a ROS number function computes (``!Index``, ``!Calculate`` of ``!Length``, ``!Add``, ``!Max``, ``!Min``) judged
every item of its list, so a copy to the stack's own Region picked from a list that also holds a Region abroad was
RES-009, a false alarm (``ros-copy-<function>-home``); CloudFormation's ``Fn::Length`` (AWS::LanguageExtensions) as a
replica list's index alike (``replica-select-length-home``). An ``Fn::Add`` of lists picked by index abroad passed every
door (``ros-copy-add-abroad``). A ``Fn::Jq`` filter with a pipe, ``.[]``, ``select(...)``, ``map(...)`` or ``first``
was RES-011 at a region field, at home too (``ros-copy-jq-select-home``, ``ros-copy-jq-first-home``: false alarms;
the ``-abroad`` twins were RES-011, now RES-009, the Region they compute). A function's ``SINK_HOST: !Indent [!Ref
SinkHost, 0]`` given the stack's own OSS endpoint was RES-015 (``ros-fc-indent-host-home``; the ``Ref`` alone passes).
38 of the 58 rows failed there.

Since stop 53 the one evaluation (engine ``_evaluated_functions``) reads those number functions over values written out
(``_NUMBER_FUNCTIONS``), a small, documented jq subset (``_jq_outputs``; a filter outside it is still refused at a
region field, RES-011) and an indented whole variable as the variable.

``kind`` (ROS: CN, JP, DE; CloudFormation: EU, DE, US, JP, CN): ``-home`` passes, ``-abroad`` refused (RES-009; the
indent family RES-006, an OSS endpoint of another Region).

tests/test_realistic_programs.py runs them as CASES (``fnros53-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, Build, Row, home_abroad_rows, ros_stack

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the CloudFormation programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the ROS programs run in (the table's Alibaba Cloud provider Region, ``ALI_HOME``)."""
AWS_AWAY = {"EU": "us-east-1", "DE": "eu-west-1", "US": "eu-west-1", "JP": "ap-southeast-1", "CN": "ap-east-1"}
"""An AWS Region outside each jurisdiction (``eu-west-1`` is Ireland, outside DE; ``ap-east-1`` Hong Kong)."""
ALI_AWAY = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1"}
"""An Alibaba Cloud Region outside each market (``cn-hongkong`` is outside mainland China; ``eu-west-1`` London)."""
LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions"
"""The transform giving CloudFormation ``Fn::Length`` ("You must use the AWS::LanguageExtensions transform")."""


def _pair(code: str, where: str) -> tuple[str, str]:
    # The Region picked, and the other Region the list holds (abroad at home: the false alarm; home abroad).
    return (ALI_HOME[code], ALI_AWAY[code]) if where == "home" else (ALI_AWAY[code], ALI_HOME[code])


def _copy(region: Any) -> Build:
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId: the Region the image is copied to.
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    return ros_stack("images", {"Copy": copy})


def ros_copy_index(code: str, where: str) -> Build:
    # ROS Fn::Index ("queries the index of an element in a list"): the copy target is the Region at the index of the
    # `backup` role among the roles, the two lists kept side by side.
    picked, other = _pair(code, where)
    index = {"Fn::Index": ["backup", ["archive", "backup"]]}
    return _copy({"Fn::Select": [index, [other, picked]]})


def ros_copy_length(code: str, where: str) -> Build:
    # ROS Fn::Calculate ("({0}-1)", the numbers list) of Fn::Length ("the number of elements in a list"): the last
    # Region of the list.
    picked, other = _pair(code, where)
    regions = [other, picked]
    last = {"Fn::Calculate": ["{0}-1", 0, [{"Fn::Length": regions}]]}
    return _copy({"Fn::Select": [last, regions]})


def ros_copy_add(code: str, where: str) -> Build:
    # ROS Fn::Add of lists ("List: returns a single combined list") and of numbers ("returns the sum of all values").
    picked, other = _pair(code, where)
    regions = {"Fn::Add": [[other], [picked]]}
    return _copy({"Fn::Select": [{"Fn::Add": [0, 1]}, regions]})


def ros_copy_max(code: str, where: str) -> Build:
    # ROS Fn::Max ("returns the largest number from a list of numbers") as the index.
    picked, other = _pair(code, where)
    return _copy({"Fn::Select": [{"Fn::Max": [0, 1]}, [other, picked]]})


def ros_copy_min(code: str, where: str) -> Build:
    # ROS Fn::Min ("the smallest number in a list of numbers") as the index.
    picked, other = _pair(code, where)
    return _copy({"Fn::Select": [{"Fn::Min": [1, 2]}, [other, picked]]})


def ros_copy_jq_select(code: str, where: str) -> Build:
    # ROS Fn::Jq [First, filter, JSON text] with a jq filter: the Region of the copy target whose role is "backup".
    picked, other = _pair(code, where)
    settings = json.dumps({"targets": [{"role": "archive", "region": other}, {"role": "backup", "region": picked}]})
    return _copy({"Fn::Jq": ["First", '.targets[] | select(.role == "backup") | .region', settings]})


def ros_copy_jq_first(code: str, where: str) -> Build:
    # ROS Fn::Jq with jq's `first(f)` and `map(f)`: the first Region of the copy plan's targets.
    picked, other = _pair(code, where)
    settings = json.dumps({"plan": {"targets": [{"region": picked}, {"region": other}]}})
    return _copy({"Fn::Jq": ["First", "first(.plan.targets | map(.region) | .[])", settings]})


def ros_fc_indent_host(code: str, where: str) -> Build:
    # ROS Fn::Indent ("adjusts the indentation format of a string") of the SinkHost Parameter, which the program gives
    # the OSS internal endpoint of the Region the function writes to (the stack's own, or one abroad).
    host = f"oss-{_pair(code, where)[0]}-internal.aliyuncs.com"
    function = {"Type": "ALIYUN::FC::Function", "Properties": {
        "ServiceName": "images", "FunctionName": "thumbnails", "Handler": "index.handler", "Runtime": "python3.10",
        "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
        "EnvironmentVariables": {"SINK_HOST": {"Fn::Indent": [{"Ref": "SinkHost"}, 0]}}}}  # fmt: skip
    parameters = {"SinkHost": {"Type": "String"}}
    document = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Parameters": parameters,
                           "Resources": {"Thumbnails": function}})  # fmt: skip

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ros/stack (parameters: "parameter_key", "parameter_value")
        return alicloud.ros.Stack("images", stack_name="images", template_body=document, opts=c.ali,
                                  parameters=[{"parameter_key": "SinkHost", "parameter_value": host}])  # fmt: skip

    return build


def replica_select_length(code: str, where: str) -> Build:
    # CloudFormation Fn::Length (AWS::LanguageExtensions: "returns the number of elements within an array") of the
    # primary Regions as the index of the replica Region: the one after the primaries.
    home, away = AWS_HOME[code], AWS_AWAY[code]
    picked, other = (home, away) if where == "home" else (away, home)
    region = {"Fn::Select": [{"Fn::Length": [{"Ref": "AWS::Region"}]}, [other, picked]]}
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": region}]}}  # fmt: skip
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Transform": LANGUAGE_EXTENSIONS,
                           "Resources": {"Trips": table}})  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("trips", name="trips", template_body=document, opts=c.aws)

    return build


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "ros-copy-index": (ros_copy_index, {"RES-009"}, ALI_CODES),
    "ros-copy-length": (ros_copy_length, {"RES-009"}, ALI_CODES),
    "ros-copy-add": (ros_copy_add, {"RES-009"}, ALI_CODES),
    "ros-copy-max": (ros_copy_max, {"RES-009"}, ALI_CODES),
    "ros-copy-min": (ros_copy_min, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-select": (ros_copy_jq_select, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-first": (ros_copy_jq_first, {"RES-009"}, ALI_CODES),
    "ros-fc-indent-host": (ros_fc_indent_host, {"RES-006"}, ALI_CODES),
    "replica-select-length": (replica_select_length, {"RES-009"}, AWS_CODES),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros53", HOME_ABROAD)
