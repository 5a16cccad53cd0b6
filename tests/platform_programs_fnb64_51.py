"""Template functions, round 3: Base64 user data, ROS Fn::Select by key, slice and default, and template twins of a
Glue crawler's dead-letter queue and an Aurora global database member (stop 51, issue 9).

Reproduced first on the unchanged engine (main 54b9529, ``RuleEngine(code).check`` of each template, then these programs
through every door on a copy of main's ``components``): a machine's ``UserData: Fn::Base64`` (CloudFormation) or
``Fn::Base64Encode`` (ROS) of a script was walked under the function's own key, so no script rule ran on it: a
``--region`` abroad in an ``Fn::Sub``, ``Fn::Join`` or a Parameter's Default passed (``userdata-b64-*-abroad``,
``ros-userdata-b64-*-abroad``), as did a ``psql -h`` to a partner's database (``launchtemplate-b64-psql-abroad``; only a
URL in the text was read). ROS ``Fn::Base64Decode`` of a literal was never decoded: a script abroad passed
(``ros-userdata-b64decode-abroad``), a vendor's host under a host key too (``ros-sink-b64decode-abroad``). ROS
``Fn::Select`` by a map's key (written, or ``Ref ALIYUN::Region``) and one with a default value gave no region at all
(``ros-copy-select-key-abroad``, ``ros-copy-select-region-abroad``, ``ros-copy-select-default-abroad`` passed), and a
slice was read as every item, a false alarm (``ros-copy-select-slice-home``, RES-009); a ROS ``Fn::GetJsonValue`` of a
JSON text naming a Region abroad passed (``ros-copy-getjson-abroad``). An ``AWS::Glue::Crawler``'s ``DlqEventQueueArn``
of another account passed (``cfn-crawler-dlq-partner``; RES-023 on the Pulumi crawler since stop 50) and an
``AWS::RDS::DBCluster`` joining another's global database by name passed (``cfn-global-member-partner``; RES-017 on the
Pulumi cluster).

Since stop 51 an ``Fn::Base64`` / ``Fn::Base64Encode`` / ``Fn::Base64Decode`` is judged as its text under the property's
key (the script rules of user data run on it), a decoded literal is its text (engine ``_evaluated_functions``), ROS
``Fn::Select`` picks a map's key, a slice and a default, ``Fn::GetJsonValue`` a JSON text's key, and the catalogue maps
the crawler's dead-letter queues and the cluster's ``GlobalClusterIdentifier`` (a template's own
``AWS::RDS::GlobalCluster`` by name is the stack's group: ``cfn-global-member-own`` passes).

``kind`` (AWS: EU, DE, US, JP, CN; ROS: CN, JP, DE): ``-home`` passes, ``-abroad`` refused; ``cfn-crawler-dlq`` and
``cfn-global-member`` ``-own`` (passes), ``-partner`` (refused outside CN: aws-cn lies wholly in CN), and
``-partner-declared`` (passes).

tests/test_realistic_programs.py runs them as CASES (``fnb64_51-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, OWN_ACCOUNT, PARTNER_DB, WHO, Build, Row, partition, ros_stack

# The same partner account and declaration as the red-team rounds since stop 44 (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the ROS programs run in (the table's Alibaba Cloud provider Region, ``ALI_HOME``)."""
AWS_AWAY = {"EU": "us-east-1", "DE": "eu-west-1", "US": "eu-west-1", "JP": "ap-southeast-1", "CN": "ap-east-1"}
"""An AWS Region outside each jurisdiction (``eu-west-1`` is Ireland, outside DE; ``ap-east-1`` Hong Kong)."""
ALI_AWAY = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1"}
"""An Alibaba Cloud Region outside each market (``cn-hongkong`` is outside mainland China; ``eu-west-1`` London)."""
VENDOR_HOST = "eu.intake.saas.example"
"""A SaaS vendor's intake host: no cloud endpoint, nowhere proven."""
PARTNER_GLOBAL = "partner-orders-global"
"""A partner's Aurora global database, which no resource of the stack makes."""
GLOBAL_DECLARED: dict[str, Any] = {
    "id": "partner-orders-global", "kind": "resident", "match": PARTNER_GLOBAL,
    "evidence": "the partner's global database; its contract keeps every member in the market's Regions",
}  # fmt: skip


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _cfn(name: str, resources: dict[str, Any], **top: Any) -> Build:
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", **top, "Resources": resources})

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack(name, name=name, template_body=document, opts=c.aws)

    return build


def _instance(user_data: Any, **top: Any) -> Build:
    # AWS::EC2::Instance UserData ("The parameters or scripts to store and run when the instance is launched ... must
    # be base64-encoded"; the usual form is `Fn::Base64: !Sub |` a shell script).
    vm = {"Type": "AWS::EC2::Instance", "Properties": {
        "ImageId": "ami-0a1b2c3d4e5f60718", "InstanceType": "t3.micro", "SubnetId": "subnet-0a1b2c3d4e5f60718",
        "UserData": user_data}}  # fmt: skip
    return _cfn("fleet-node", {"Node": vm}, **top)


_CONFIG = "aws ssm get-parameter --name /fleet/app/env --query Parameter.Value --output text"
"""The boot script's configuration read (Systems Manager Parameter Store), sent to the Region its ``--region`` names."""


def userdata_b64_sub(code: str, where: str) -> Build:
    # Fn::Base64 of Fn::Sub: the stack's own Region by ${AWS::Region}, or a Region written abroad.
    region = "${AWS::Region}" if where == "home" else AWS_AWAY[code]
    script = f"#!/bin/bash\nset -euo pipefail\n{_CONFIG} --region {region} > /etc/fleet/app.env\n"
    return _instance({"Fn::Base64": {"Fn::Sub": script}})


def userdata_b64_join(code: str, where: str) -> Build:
    # Fn::Base64 of Fn::Join lines, the Region a `Ref AWS::Region` part or written abroad.
    region: Any = {"Ref": "AWS::Region"} if where == "home" else AWS_AWAY[code]
    lines = ["#!/bin/bash\n", f"{_CONFIG} --region ", region, " > /etc/fleet/app.env\n"]
    return _instance({"Fn::Base64": {"Fn::Join": ["", lines]}})


def userdata_b64_param(code: str, where: str) -> Build:
    # Fn::Base64 of Fn::Sub with a Parameter whose Default is the Region (at home, or abroad).
    script = f"#!/bin/bash\n{_CONFIG} --region ${{ConfigRegion}} > /etc/fleet/app.env\n"
    parameters = {"ConfigRegion": {"Type": "String", "Default": _aws_region(code, where)}}
    return _instance({"Fn::Base64": {"Fn::Sub": script}}, Parameters=parameters)


def launchtemplate_b64_psql(code: str, where: str) -> Build:
    # AWS::EC2::LaunchTemplate LaunchTemplateData.UserData: a boot script loading the schema with `psql -h` into the
    # team's Aurora cluster in the stack's own Region, or a partner's database host.
    host = "orders.cluster-c1a2b3c4d5e6.${AWS::Region}.rds.${AWS::URLSuffix}" if where == "home" else PARTNER_DB
    script = f"#!/bin/bash\npsql -h {host} -U loader -d orders -f /opt/fleet/schema.sql\n"
    template = {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateName": "fleet-node",
                "LaunchTemplateData": {"ImageId": "ami-0a1b2c3d4e5f60718",
                                       "UserData": {"Fn::Base64": {"Fn::Sub": script}}}}}  # fmt: skip
    return _cfn("fleet-node", {"NodeTemplate": template})


def cfn_crawler_dlq(code: str, who: str) -> Build:
    # AWS::Glue::Crawler Targets.S3Targets [S3Target {Path, EventQueueArn, DlqEventQueueArn "A valid Amazon dead-letter
    # SQS ARN"}], RecrawlPolicy CRAWL_EVENT_MODE: the template's own queue, or a partner's.
    dlq: Any = ({"Fn::GetAtt": ["Dlq", "Arn"]} if who == "own"
                else f"arn:{partition(code)}:sqs:{AWS_HOME[code]}:{PARTNER}:claims-landing-dlq")  # fmt: skip
    crawler = {"Type": "AWS::Glue::Crawler", "Properties": {
        "Role": f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/claims-crawler", "DatabaseName": "claims",
        "RecrawlPolicy": {"RecrawlBehavior": "CRAWL_EVENT_MODE"},
        "Targets": {"S3Targets": [{"Path": {"Fn::Sub": "s3://${Landing}/landing/"},
                                   "EventQueueArn": {"Fn::GetAtt": ["Events", "Arn"]},
                                   "DlqEventQueueArn": dlq}]}}}  # fmt: skip
    resources = {"Landing": {"Type": "AWS::S3::Bucket"}, "Events": {"Type": "AWS::SQS::Queue"},
                 "Dlq": {"Type": "AWS::SQS::Queue"}, "Crawler": crawler}  # fmt: skip
    return _cfn("claims-crawler", resources)


def cfn_global_member(code: str, who: str) -> Build:
    # AWS::RDS::DBCluster GlobalClusterIdentifier (a secondary member of the global database named): the template's
    # own AWS::RDS::GlobalCluster by its literal GlobalClusterIdentifier, or a partner's global database.
    name = "orders-global" if who == "own" else PARTNER_GLOBAL
    member = {"Type": "AWS::RDS::DBCluster", "Properties": {
        "Engine": "aurora-postgresql", "EngineVersion": "15.4", "DBSubnetGroupName": "fleet-db",
        "GlobalClusterIdentifier": name}}  # fmt: skip
    resources: dict[str, Any] = {"Member": member}
    if who == "own":
        resources["Global"] = {"Type": "AWS::RDS::GlobalCluster", "Properties": {
            "GlobalClusterIdentifier": name, "Engine": "aurora-postgresql", "EngineVersion": "15.4"}}  # fmt: skip
        member["DependsOn"] = "Global"
    return _cfn("orders-db", resources)


# -- ROS -------------------------------------------------------------------------------------------------------------


def _ros_instance(user_data: Any) -> Build:
    # ROS ALIYUN::ECS::Instance UserData ("The user data to be used when you create the instance"; Fn::Base64Encode of
    # an Fn::Sub script is the function index's own example of the full form).
    vm = {"Type": "ALIYUN::ECS::Instance", "Properties": {
        "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "InstanceType": "ecs.g7.large",
        "VSwitchId": "vsw-uf6fleet0001", "SecurityGroupId": "sg-uf6fleet0001", "UserData": user_data}}  # fmt: skip
    return ros_stack("fleet-node", {"Node": vm})


_SECRET = "aliyun kms GetSecretValue --SecretName fleet/app"
"""The boot script's secret read (KMS), sent to the Region its ``--region`` names."""


def _ali_script(region: str) -> str:
    return f"#!/bin/bash\n{_SECRET} --region {region} > /etc/fleet/app.env\n"


def ros_userdata_b64_sub(code: str, where: str) -> Build:
    # ROS Fn::Base64Encode of Fn::Sub: ${ALIYUN::Region}, or a Region written abroad.
    region = "${ALIYUN::Region}" if where == "home" else ALI_AWAY[code]
    return _ros_instance({"Fn::Base64Encode": {"Fn::Sub": _ali_script(region)}})


def ros_userdata_b64_join(code: str, where: str) -> Build:
    # ROS Fn::Base64Encode of Fn::Join, the Region a `Ref ALIYUN::Region` part or written abroad.
    region: Any = {"Ref": "ALIYUN::Region"} if where == "home" else ALI_AWAY[code]
    lines = ["#!/bin/bash\n", f"{_SECRET} --region ", region, " > /etc/fleet/app.env\n"]
    return _ros_instance({"Fn::Base64Encode": {"Fn::Join": ["", lines]}})


def ros_userdata_b64decode(code: str, where: str) -> Build:
    # ROS Fn::Base64Decode ("Decodes a Base64-encoded string and returns the original string") of the script.
    region = ALI_HOME[code] if where == "home" else ALI_AWAY[code]
    return _ros_instance({"Fn::Base64Decode": base64.b64encode(_ali_script(region).encode()).decode()})


def ros_sink_b64decode(code: str, where: str) -> Build:
    # An FC function's SINK_HOST, Fn::Base64Decode of the stack's own OSS internal endpoint or a vendor's host.
    host = f"fleet-logs.oss-{ALI_HOME[code]}-internal.aliyuncs.com" if where == "home" else VENDOR_HOST
    encoded = base64.b64encode(host.encode()).decode()
    function = {"Type": "ALIYUN::FC::Function", "Properties": {
        "ServiceName": "forwarder", "FunctionName": "forward", "Runtime": "python3.10", "Handler": "index.handler",
        "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
        "EnvironmentVariables": {"SINK_HOST": {"Fn::Base64Decode": encoded}}}}  # fmt: skip
    service = {"Type": "ALIYUN::FC::Service", "Properties": {"ServiceName": "forwarder"}}
    return ros_stack("forwarder", {"Service": service, "Forwarder": {**function, "DependsOn": "Service"}})


def _copy(region: Any) -> Build:
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId: the Region the image is copied to.
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    return ros_stack("images", {"Copy": copy})


def _ali_region(code: str, where: str) -> str:
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def ros_copy_select_key(code: str, where: str) -> Build:
    # ROS Fn::Select [key, {key: value, ...}] ("Query the value of a key from a dictionary or mapping table").
    regions = {"primary": ALI_HOME[code], "dr": ALI_AWAY[code]}
    return _copy({"Fn::Select": ["primary" if where == "home" else "dr", regions]})


def ros_copy_select_region(code: str, where: str) -> Build:
    # ROS Fn::Select [Ref ALIYUN::Region, map]: the row of the stack's own Region (its value at home or abroad).
    regions = {ALI_HOME[code]: _ali_region(code, where), "us-west-1": "us-west-1"}
    return _copy({"Fn::Select": [{"Ref": "ALIYUN::Region"}, regions]})


def ros_copy_select_default(code: str, where: str) -> Build:
    # ROS Fn::Select [index, list, default_value]: out of range, the default value (at home or abroad).
    return _copy({"Fn::Select": ["3", ["us-west-1"], _ali_region(code, where)]})


def ros_copy_select_slice(code: str, where: str) -> Build:
    # ROS Fn::Select ["start:stop", list] "returns a list"; its first item picked by index.
    regions = [ALI_HOME[code], ALI_AWAY[code]]
    return _copy({"Fn::Select": [0, {"Fn::Select": ["0:1" if where == "home" else "1:", regions]}]})


def ros_copy_getjson(code: str, where: str) -> Build:
    # ROS Fn::GetJsonValue [key, json_string]: the value of the JSON text's first-level key (a Region at home or
    # abroad; the other key's Region is never used).
    regions = json.dumps({"copy_to": _ali_region(code, where), "unused": ALI_HOME[code]})
    return _copy({"Fn::GetJsonValue": ["copy_to", regions]})


Family = Callable[[str, str], Build]
AWS_FAMILIES: dict[str, tuple[Family, str]] = {
    "userdata-b64-sub": (userdata_b64_sub, "RES-009"),
    "userdata-b64-join": (userdata_b64_join, "RES-009"),
    "userdata-b64-param": (userdata_b64_param, "RES-009"),
    "launchtemplate-b64-psql": (launchtemplate_b64_psql, "RES-015"),
}
"""Each AWS home / abroad family and the rule its ``-abroad`` program breaks."""
ALI_FAMILIES: dict[str, tuple[Family, str]] = {
    "ros-userdata-b64-sub": (ros_userdata_b64_sub, "RES-009"),
    "ros-userdata-b64-join": (ros_userdata_b64_join, "RES-009"),
    "ros-userdata-b64decode": (ros_userdata_b64decode, "RES-009"),
    "ros-sink-b64decode": (ros_sink_b64decode, "RES-015"),
    "ros-copy-select-key": (ros_copy_select_key, "RES-009"),
    "ros-copy-select-region": (ros_copy_select_region, "RES-009"),
    "ros-copy-select-default": (ros_copy_select_default, "RES-009"),
    "ros-copy-select-slice": (ros_copy_select_slice, "RES-009"),
    "ros-copy-getjson": (ros_copy_getjson, "RES-009"),
}
"""Each ROS home / abroad family, as ``AWS_FAMILIES``."""
WHO_FAMILIES: dict[str, tuple[Family, str, dict[str, Any]]] = {
    "cfn-crawler-dlq": (cfn_crawler_dlq, "RES-023", PARTNER_DECLARED),
    "cfn-global-member": (cfn_global_member, "RES-017", GLOBAL_DECLARED),
}
"""Each own / partner family: the rule its ``-partner`` program breaks outside CN, and the declaration that lets it."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for families, codes in ((AWS_FAMILIES, AWS_CODES), (ALI_FAMILIES, ALI_CODES)):
        for kind, (make, rule) in families.items():
            for code in codes:
                prefix = f"fnb64_51-{code.lower()}-{kind}"
                out.append((f"{prefix}-home", code, make(code, "home"), set(), []))
                out.append((f"{prefix}-abroad", code, make(code, "abroad"), {rule}, []))
    for kind, (make, rule, declared) in WHO_FAMILIES.items():
        for code in AWS_CODES:
            out += [(f"fnb64_51-{code.lower()}-{kind}-{who}", code, make(code, who),
                     {rule} if who == "partner" and code != "CN" else set(),
                     [declared] if who == "partner-declared" else []) for who in WHO]  # fmt: skip
    return out
