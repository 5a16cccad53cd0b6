"""Template functions, round 2: Fn::Select, Fn::Split, ROS Fn::Str, partly-variable Region texts (stop 50, issue 9).

Reproduced first on the unchanged engine (main 25d38a3, ``RuleEngine(code).check`` of each stack, then these programs
through every door): an ``Fn::Select`` by index was judged as every item of its list, so a Region picked at home
beside one abroad was RES-009 (a false alarm: ``replica-select-home``, ``ros-copy-select-home``,
``ros-copy-select-split-home``); an ROS ``Fn::Join`` holding an ``Fn::Str`` port was walked part by part, so the stack's
own OSS internal endpoint was RES-015 (``ros-sink-str-home``, a false alarm); a Region field whose ``Fn::Sub`` text is
only partly a variable (``${Prefix}-1``, a Parameter with no Default) passed unjudged (``replica-sub-prefix-unset``,
``ros-copy-sub-prefix-unset``); an ``Fn::FindInMap`` at a Region field whose map lacks the stack's own Region passed
unjudged (``replica-findinmap-missing``, ``ros-copy-findinmap-missing``); an ``Fn::Sub`` whose variable map keeps an
``Fn::ImportValue`` was walked under its ``Fn::Sub`` key, so a vendor's bare host beside the variable passed
(``sink-sub-import-abroad``). Pinned as they were (no verdict changed): a select from an ``Fn::Split`` of an ARN or a
URL, a select of the stack's own Availability Zones (``Fn::GetAZs ""``), and the template's own ``${Name.Attr}`` in an
``Fn::Sub`` (own, passes) against a name the template does not make (RES-015).

Since stop 50 the evaluation before every door (engine ``_evaluated_functions``) picks an ``Fn::Select``'s item by
its index (a list written out, or an ``Fn::Split`` of one known text) and reads ROS ``Fn::Str`` as its text; a region
field's partly-variable ``Fn::Sub`` is its Parameters' values filled in, else RES-011; an unreadable region lookup is
RES-011; an ``Fn::Sub`` with a variable map is judged at its property.

``kind`` (AWS: EU, DE, US, JP, CN; ROS: CN, JP, DE), each ``-home`` (passes) and ``-abroad`` (refused), some with a
third variant: ``replica-select`` (a global table replica's ``Region: !Select [i, [home, abroad]]``, RES-009),
``replica-select-split`` (``!Select [3, !Split [":", <topic ARN>]]``), ``replica-sub-prefix`` (``!Sub
${Prefix}-<n>``, the Prefix Parameter's Default at home or abroad; ``-unset``: no Default, RES-011),
``replica-findinmap`` (a Region map keyed by ``AWS::Region``; ``-missing``: no row for the stack's Region, RES-011),
``sink-select-split`` (a function's ``SINK_HOST`` cut from a URL by ``!Select [2, !Split ["/", url]]``, RES-015),
``sink-sub-import`` (``SINK_HOST`` ``!Sub [${H}.<domain>, {H: !ImportValue ...}]``: the stack's own API, or a vendor's
intake, RES-015; ``-declared``: the vendor's intake declared, passes), ``sink-own-attr`` (``SINK_HOST: !Sub
${Logs.RegionalDomainName}`` of the template's own bucket, or of a name it does not make, RES-015), ``subnet-getazs``
(a subnet's ``AvailabilityZone: !Select [0, !GetAZs <Region>]``, the stack's own or another, RES-008); ROS
``ros-copy-select``, ``ros-copy-select-split`` (``ALIYUN::ECS::CopyImage`` ``DestinationRegionId``, RES-009),
``ros-copy-sub-prefix`` (``-unset`` RES-011), ``ros-copy-findinmap`` (``-missing`` RES-011), ``ros-sink-str`` (an FC
function's ``SINK_URL`` ``Fn::Join`` with an ``Fn::Str`` port: the stack's OSS internal endpoint, or a vendor's intake,
RES-015).

tests/test_realistic_programs.py runs them as CASES (``fnsel50-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
    Build,
    Row,
    partition,
    ros_stack,
    ros_template,
    trust_policy,
)  # fmt: skip

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the ROS programs run in (the table's Alibaba Cloud provider Region, ``ALI_HOME``)."""
AWS_AWAY = {"EU": "us-east-1", "DE": "eu-west-1", "US": "eu-west-1", "JP": "ap-southeast-1", "CN": "ap-east-1"}
"""An AWS Region outside each jurisdiction (``eu-west-1`` is Ireland, outside DE; ``ap-east-1`` Hong Kong)."""
ALI_AWAY = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1"}
"""An Alibaba Cloud Region outside each market (``cn-hongkong`` is outside mainland China; ``eu-west-1`` London)."""
PARTNER_INTAKE = "intake.saas.example"
"""A SaaS analytics vendor's intake domain: no cloud endpoint, nowhere proven."""
PARTNER_DECLARED: dict[str, Any] = {
    "id": "analytics-intake", "kind": "resident", "match": f"*.{PARTNER_INTAKE}",
    "evidence": "the analytics vendor's in-market intake; its contract keeps the data in the market",
}  # fmt: skip


def _region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _cfn(name: str, resources: dict[str, Any], **top: Any) -> Build:
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", **top, "Resources": resources})

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, capabilities)
        return aws.cloudformation.Stack(name, template_body=document, capabilities=["CAPABILITY_IAM"], opts=c.aws)

    return build


def _table(second: Any, where: str, **top: Any) -> Build:
    # AWS::DynamoDB::GlobalTable Replicas[].Region ("The region in which this replica exists"; the stack's own Region
    # is one of them): the replica at home is the only one, the one abroad a second replica.
    replicas = [{"Region": second}] if where == "home" else [{"Region": {"Ref": "AWS::Region"}}, {"Region": second}]
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "Replicas": replicas}}  # fmt: skip
    return _cfn("trips", {"Trips": table}, **top)


def replica_select(code: str, where: str) -> Build:
    # Fn::Select [index, list]: "returns a single object from a list of objects by index" (index "1" as the guide's
    # own example writes it).
    regions = [AWS_HOME[code], AWS_AWAY[code]]
    return _table({"Fn::Select": ["0" if where == "home" else "1", regions]}, where)


def replica_select_split(code: str, where: str) -> Build:
    # Fn::Split [":", text] of a topic ARN (arn:partition:sns:region:account:name), its fourth field the Region.
    arn = f"arn:{partition(code)}:sns:{_region(code, where)}:{OWN_ACCOUNT}:trips-events"
    return _table({"Fn::Select": [3, {"Fn::Split": [":", arn]}]}, where)


def replica_sub_prefix(code: str, where: str) -> Build:
    # Fn::Sub "${Prefix}-<n>": the Region's last field written, its first fields a Parameter (its Default at home or
    # abroad; `unset`: no Default, whatever the deployer passes).
    prefix, number = _region(code, "abroad" if where == "abroad" else "home").rsplit("-", 1)
    parameter: dict[str, Any] = {"Type": "String"} if where == "unset" else {"Type": "String", "Default": prefix}
    return _table({"Fn::Sub": f"${{Prefix}}-{number}"}, where, Parameters={"Prefix": parameter})


def replica_findinmap(code: str, where: str) -> Build:
    # Fn::FindInMap [map, !Ref AWS::Region, key]: the stack's own Region's row (`missing`: the map has no row for it;
    # CloudFormation fails to create the stack, nothing proves the Region).
    rows = {"sa-east-1": {"Replica": "sa-east-1"}}
    if where != "missing":
        rows[AWS_HOME[code]] = {"Replica": _region(code, where)}
    lookup = {"Fn::FindInMap": ["ReplicaRegions", {"Ref": "AWS::Region"}, "Replica"]}
    return _table(lookup, where, Mappings={"ReplicaRegions": rows})


def _function(variables: dict[str, Any], **more: Any) -> dict[str, Any]:
    """A template's Lambda function (AWS::Lambda::Function) reading ``variables`` (Environment.Variables)."""
    return {
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": json.loads(
            trust_policy("lambda.amazonaws.com"))}},
        "Forwarder": {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
            "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
            "Environment": {"Variables": variables}}},
        **more,
    }  # fmt: skip


def sink_select_split(code: str, where: str) -> Build:
    # SINK_HOST cut from a URL: !Select [2, !Split ["/", url]] (https:, "", host, ...).
    url = ({"Fn::Sub": "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/orders"} if where == "home"
           else f"https://eu.{PARTNER_INTAKE}/v1")  # fmt: skip
    return _cfn("forwarder", _function({"SINK_HOST": {"Fn::Select": [2, {"Fn::Split": ["/", url]}]}}))


def sink_sub_import(code: str, where: str) -> Build:
    # Fn::Sub [text, {H: !ImportValue ...}]: H is another stack's export (whatever it holds), the rest of the host
    # written: the stack's own API Gateway host, or a vendor's intake.
    text = "${H}.execute-api.${AWS::Region}.${AWS::URLSuffix}" if where == "home" else f"${{H}}.{PARTNER_INTAKE}"
    value = {"Fn::Sub": [text, {"H": {"Fn::ImportValue": "fleet-shared-name"}}]}
    return _cfn("forwarder", _function({"SINK_HOST": value}))


def sink_own_attr(code: str, where: str) -> Build:
    # Fn::Sub "${Logs.RegionalDomainName}": the template's own bucket's Regional host (AWS::S3::Bucket
    # RegionalDomainName); abroad: a name the template does not make (another stack's resource, nothing proves it).
    name = "Logs" if where == "home" else "PartnerLogs"
    bucket = {"Logs": {"Type": "AWS::S3::Bucket"}}
    return _cfn("forwarder", _function({"SINK_HOST": {"Fn::Sub": f"${{{name}.RegionalDomainName}}"}}, **bucket))


def subnet_getazs(code: str, where: str) -> Build:
    # Fn::GetAZs "" ("the Availability Zones of the Region in which the stack is created") or of a Region written.
    zones = {"Fn::GetAZs": "" if where == "home" else AWS_AWAY[code]}
    subnet = {"Type": "AWS::EC2::Subnet", "Properties": {
        "VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.0.1.0/24",
        "AvailabilityZone": {"Fn::Select": [0, zones]}}}  # fmt: skip
    return _cfn("network", {"Subnet": subnet})


def _copy(region: Any, **top: Any) -> Build:
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId: the Region the image is copied to.
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    if not top:
        return ros_stack("images", {"Copy": copy})
    document = json.dumps({**json.loads(ros_template({"Copy": copy})), **top})

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ros/stack (stack_name, template_body)
        return alicloud.ros.Stack("images", stack_name="images", template_body=document, opts=c.ali)

    return build


def _ali_region(code: str, where: str) -> str:
    return ALI_HOME[code] if where != "abroad" else ALI_AWAY[code]


def ros_copy_select(code: str, where: str) -> Build:
    # ROS Fn::Select [index, list]: "returns data elements from a list ... based on an index".
    return _copy({"Fn::Select": ["0" if where == "home" else "1", [ALI_HOME[code], ALI_AWAY[code]]]})


def ros_copy_select_split(code: str, where: str) -> Build:
    # ROS Fn::Select over Fn::Split [",", "home,abroad"] (a Regions text, as a Parameter's Default often holds it).
    regions = f"{ALI_HOME[code]},{ALI_AWAY[code]}"
    return _copy({"Fn::Select": [0 if where == "home" else 1, {"Fn::Split": [",", regions]}]})


def ros_copy_sub_prefix(code: str, where: str) -> Build:
    # ROS Fn::Sub "<first field>-${Rest}" (its Parameter's Default at home or abroad; `unset`: no Default).
    first, rest = _ali_region(code, where).split("-", 1)
    parameter: dict[str, Any] = {"Type": "String"} if where == "unset" else {"Type": "String", "Default": rest}
    return _copy({"Fn::Sub": f"{first}-${{Rest}}"}, Parameters={"Rest": parameter})


def ros_copy_findinmap(code: str, where: str) -> Build:
    # ROS Fn::FindInMap [map, !Ref ALIYUN::Region, key] (`missing`: no row for the stack's Region).
    rows = {"us-west-1": {"Copy": "us-west-1"}}
    if where != "missing":
        rows[ALI_HOME[code]] = {"Copy": _ali_region(code, where)}
    lookup = {"Fn::FindInMap": ["CopyRegions", {"Ref": "ALIYUN::Region"}, "Copy"]}
    return _copy(lookup, Mappings={"CopyRegions": rows})


def ros_sink_str(code: str, where: str) -> Build:
    # ROS Fn::Join with Fn::Str ("converts a number into a string") as the port: the stack's OSS internal endpoint by
    # Ref ALIYUN::Region, or a vendor's intake.
    head: list[Any] = (["https://fleet-logs.oss-", {"Ref": "ALIYUN::Region"}, "-internal.aliyuncs.com:"]
                       if where == "home" else [f"https://eu.{PARTNER_INTAKE}:"])  # fmt: skip
    url = {"Fn::Join": ["", [*head, {"Fn::Str": 443 if where == "home" else 8443}, "/v1"]]}
    function = {"Type": "ALIYUN::FC::Function", "Properties": {
        "ServiceName": "forwarder", "FunctionName": "forward", "Runtime": "python3.10", "Handler": "index.handler",
        "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
        "EnvironmentVariables": {"SINK_URL": url}}}  # fmt: skip
    service = {"Type": "ALIYUN::FC::Service", "Properties": {"ServiceName": "forwarder"}}
    return ros_stack("forwarder", {"Service": service, "Forwarder": {**function, "DependsOn": "Service"}})


Family = Callable[[str, str], Build]
AWS_FAMILIES: dict[str, tuple[Family, str, dict[str, str]]] = {
    "replica-select": (replica_select, "RES-009", {}),
    "replica-select-split": (replica_select_split, "RES-009", {}),
    "replica-sub-prefix": (replica_sub_prefix, "RES-009", {"unset": "RES-011"}),
    "replica-findinmap": (replica_findinmap, "RES-009", {"missing": "RES-011"}),
    "sink-select-split": (sink_select_split, "RES-015", {}),
    "sink-sub-import": (sink_sub_import, "RES-015", {}),
    "sink-own-attr": (sink_own_attr, "RES-015", {}),
    "subnet-getazs": (subnet_getazs, "RES-008", {}),
}
"""Each AWS family: the rule its ``-abroad`` program breaks, and its further variants with theirs."""
ALI_FAMILIES: dict[str, tuple[Family, str, dict[str, str]]] = {
    "ros-copy-select": (ros_copy_select, "RES-009", {}),
    "ros-copy-select-split": (ros_copy_select_split, "RES-009", {}),
    "ros-copy-sub-prefix": (ros_copy_sub_prefix, "RES-009", {"unset": "RES-011"}),
    "ros-copy-findinmap": (ros_copy_findinmap, "RES-009", {"missing": "RES-011"}),
    "ros-sink-str": (ros_sink_str, "RES-015", {}),
}
"""Each ROS family, as ``AWS_FAMILIES``."""
DECLARABLE = ("sink-sub-import", "sink-select-split", "ros-sink-str")
"""The families whose ``-abroad`` program sends to the vendor's intake (declared by ``PARTNER_DECLARED``)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for families, codes in ((AWS_FAMILIES, AWS_CODES), (ALI_FAMILIES, ALI_CODES)):
        for kind, (make, rule, more) in families.items():
            for code in codes:
                prefix = f"fnsel50-{code.lower()}-{kind}"
                out.append((f"{prefix}-home", code, make(code, "home"), set(), []))
                out.append((f"{prefix}-abroad", code, make(code, "abroad"), {rule}, []))
                out += [(f"{prefix}-{where}", code, make(code, where), {r}, []) for where, r in more.items()]
                if kind in DECLARABLE and code in ("EU", "CN"):
                    out.append((f"{prefix}-declared", code, make(code, "abroad"), set(), [PARTNER_DECLARED]))
    return out
