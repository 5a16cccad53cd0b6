"""Template functions, round 6: nested Fn::ForEach loops, an Fn::Indent of a line partly a variable, ROS
Fn::GetJsonValue and Fn::Jq over a Parameter, jq's + and [f] and builtins (stop 54, issue 9).

Reproduced first on the unchanged engine (main 51ca59f, these programs through every door): a CloudFormation
``Fn::ForEach`` loop over Regions holding a loop over tables (AWS::LanguageExtensions: "Fn::ForEach can contain other
intrinsic functions, including Fn::ForEach itself") kept only the last Region's copy of the inner loop (each copy has
the inner loop's key), and left it unexpanded, so a global table replica in the first Region, abroad, passed every
door (``cfn-replica-foreach-nested-abroad``). A ROS ``Fn::Indent`` of one line partly a variable (``!Indent [!Sub
"https://${SinkHost}/ingest", 1]``) was RES-015 at a host key when the stack gives the Parameter its own endpoint
(``ros-fc-indent-url-home``; the ``Fn::Sub`` alone passes), and its ``-abroad`` twin RES-015 instead of RES-006. ROS
``Fn::GetJsonValue`` and ``Fn::Jq`` over a ``Json`` Parameter the stack gives (or its Default) were RES-011 at a
region field, at home too (``ros-copy-getjsonvalue-param-home``, ``ros-copy-jq-default-home``; their ``-abroad``
twins were RES-011 beside the RES-009 of the given text). ``Fn::Jq`` filters with jq's ``+`` (a host built),
an array built ``[f]``, ``to_entries`` or ``ascii_downcase`` were outside the jq subset: RES-015 / RES-011 at home
(``ros-fc-jq-host``, ``ros-copy-jq-array``, ``ros-copy-jq-entries``), the same abroad. 41 of the 46 rows failed there
(every one but the five ``cfn-replica-foreach-nested-home``).

Since stop 54 the one evaluation (engine ``_evaluated_functions``) expands a nested loop in each outer copy
(``_expanded_loops``), reads an indented line with a variable as the line (``_indented``), and reads a ``Ref`` to a
Parameter as the value the stack gives it, else its Default, where a JSON function reads its data (``_known_json``);
the one jq reader (``components/residency/jq.py``) reads ``a + b``, ``[f]``, ``ascii_downcase`` / ``ascii_upcase``,
``tostring``, ``to_entries`` and ``keys``.

``kind`` (ROS: CN, JP, DE; CloudFormation: EU, DE, US, JP, CN): ``-home`` passes, ``-abroad`` refused (RES-009; the
indent and jq host families RES-006, an OSS endpoint of another Region).

tests/test_realistic_programs.py runs them as CASES (``fnros54-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, Build, Row, home_abroad_rows, ros_stack
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY, AWS_CODES, LANGUAGE_EXTENSIONS

AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region inside each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia); Germany has one."""


def _region(code: str, where: str) -> str:
    # The Alibaba Cloud Region the program names: the stack's own, or one outside the market.
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _copy(region: Any, parameters: dict[str, Any] | None = None, given: dict[str, str] | None = None) -> Build:
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId (the Region the image is copied to), in a template with
    # `parameters`, the stack giving `given` (docs: ros/stack, parameters: "parameter_key", "parameter_value").
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    if parameters is None:
        return ros_stack("images", {"Copy": copy})
    document = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Parameters": parameters,
                           "Resources": {"Copy": copy}})  # fmt: skip
    pairs: list[Any] = [{"parameter_key": k, "parameter_value": v} for k, v in (given or {}).items()]

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.ros.Stack("images", stack_name="images", template_body=document, opts=c.ali,
                                  parameters=pairs or None)  # fmt: skip

    return build


def _sink(variable: str, value: Any, host: str | None = None) -> Build:
    # An FC function whose `variable` is `value`, in a template whose SinkHost Parameter the stack gives `host` (none
    # without a host).
    function = {"Type": "ALIYUN::FC::Function", "Properties": {
        "ServiceName": "images", "FunctionName": "thumbnails", "Handler": "index.handler", "Runtime": "python3.10",
        "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
        "EnvironmentVariables": {variable: value}}}  # fmt: skip
    if host is None:
        return ros_stack("images", {"Thumbnails": function})
    document = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Parameters": {"SinkHost": {"Type": "String"}},
                           "Resources": {"Thumbnails": function}})  # fmt: skip

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ros/stack (parameters: "parameter_key", "parameter_value")
        return alicloud.ros.Stack("images", stack_name="images", template_body=document, opts=c.ali,
                                  parameters=[{"parameter_key": "SinkHost", "parameter_value": host}])  # fmt: skip

    return build


def ros_fc_indent_url(code: str, where: str) -> Build:
    # ROS Fn::Indent ("adjusts the indentation format of a string") of a one-line URL built from the SinkHost
    # Parameter, which the program gives the OSS internal endpoint of the Region the function writes to.
    url = {"Fn::Indent": [{"Fn::Sub": "https://${SinkHost}/ingest"}, 1]}
    return _sink("SINK_URL", url, f"oss-{_region(code, where)}-internal.aliyuncs.com")


def ros_copy_getjsonvalue_param(code: str, where: str) -> Build:
    # ROS Fn::GetJsonValue ("parses a JSON string and obtains the value of a key") of the Settings Parameter, a JSON
    # text the stack gives: the copy's Region.
    settings = json.dumps({"region": _region(code, where), "retention": 7})
    region = {"Fn::GetJsonValue": ["region", {"Ref": "Settings"}]}
    return _copy(region, {"Settings": {"Type": "Json"}}, {"Settings": settings})


def ros_copy_jq_default(code: str, where: str) -> Build:
    # ROS Fn::Jq over the Plan Parameter's Default (a Json Parameter, its Default written as JSON text): the Region of
    # the copy target whose role is "backup".
    plan = json.dumps({"targets": [{"role": "backup", "region": _region(code, where)}]})
    region = {"Fn::Jq": ["First", '.targets[] | select(.role == "backup") | .region', {"Ref": "Plan"}]}
    return _copy(region, {"Plan": {"Type": "Json", "Default": plan}})


def ros_copy_jq_array(code: str, where: str) -> Build:
    # ROS Fn::Jq with jq's array construction `[f]` ("collects all the results of f into one array") and `first`: the
    # first Region among the copy plan's backup targets.
    targets = [{"role": "archive", "region": "-"}, {"role": "backup", "region": _region(code, where)}]
    settings = json.dumps({"targets": targets})
    return _copy({"Fn::Jq": ["First", '[.targets[] | select(.role == "backup") | .region] | first', settings]})


def ros_copy_jq_entries(code: str, where: str) -> Build:
    # ROS Fn::Jq with jq's `to_entries` ("an array of {key, value}" of an object) and `ascii_downcase`: the Region (a
    # key of the roles map, written in capitals by whoever filled it) whose role is "backup".
    roles = {"CN-NORTH-X": "archive", _region(code, where).upper(): "backup"}
    script = '.roles | to_entries[] | select(.value == "backup") | .key | ascii_downcase'
    return _copy({"Fn::Jq": ["First", script, json.dumps({"roles": roles})]})


def ros_fc_jq_host(code: str, where: str) -> Build:
    # ROS Fn::Jq with jq's addition of strings ("Strings are added by being joined into a larger string"): the OSS
    # internal endpoint of the Region the settings name, as the function's SINK_HOST.
    settings = json.dumps({"sink": {"region": _region(code, where)}})
    host = {"Fn::Jq": ["First", '"oss-" + .sink.region + "-internal.aliyuncs.com"', settings]}
    return _sink("SINK_HOST", host)


def cfn_replica_foreach_nested(code: str, where: str) -> Build:
    # CloudFormation Fn::ForEach over the replica Regions holding an Fn::ForEach over the tables (AWS's nested-loop
    # form): one global table per table and Region, its replica in that Region. Abroad, the first Region is outside
    # the jurisdiction; at home both are inside (Germany has one Region).
    home = AWS_HOME[code]
    first = AWS_AWAY[code] if where == "abroad" else AWS_SECOND.get(code, home)
    regions = [first, home] if first != home else [home]
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "TableName": {"Fn::Sub": "${Table}-${Region}"}, "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": {"Ref": "Region"}}]}}  # fmt: skip
    tables = {"Fn::ForEach::Tables": ["Table", ["Orders", "Trips"], {"&{Table}&{Region}": table}]}
    resources = {"Fn::ForEach::Regions": ["Region", regions, tables]}
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Transform": LANGUAGE_EXTENSIONS,
                           "Resources": resources})  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("tables", name="tables", template_body=document, opts=c.aws)

    return build


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "ros-fc-indent-url": (ros_fc_indent_url, {"RES-006"}, ALI_CODES),
    "ros-copy-getjsonvalue-param": (ros_copy_getjsonvalue_param, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-default": (ros_copy_jq_default, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-array": (ros_copy_jq_array, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-entries": (ros_copy_jq_entries, {"RES-009"}, ALI_CODES),
    "ros-fc-jq-host": (ros_fc_jq_host, {"RES-006"}, ALI_CODES),
    "cfn-replica-foreach-nested": (cfn_replica_foreach_nested, {"RES-009"}, AWS_CODES),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros54", HOME_ABROAD)
