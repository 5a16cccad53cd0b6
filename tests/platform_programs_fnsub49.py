"""Template functions that still hid a value: Fn::Sub, Fn::Join, Fn::FindInMap, ROS Fn::Replace (stop 49, issue 9).

docs/residency-open.md "Template functions not evaluated" and mutation48's "the Fn::Sub key path still hides host /
region / grant checks" left these open in CloudFormation templates (a Pulumi ``aws.cloudformation.Stack``'s
``template_body``) and ROS templates (``alicloud.ros.Stack``). Reproduced first on the unchanged engine (main 3b6f8c1,
``RuleEngine(code).check`` of the stack, and these programs through every door): an ``Fn::Sub`` text still holding a
variable was walked under its own key ``Fn::Sub``, so under a host or bucket key (``SINK_HOST: !Sub
${Env}.intake.saas.example``, ``EXPORT_BUCKET: !Sub partner-${Env}-exports``) no host or bucket test matched and a
partner's host or bucket passed, where the same text with no variable was RES-015 / RES-017; an ``Fn::Sub`` variable
map's values were not read as the variables they fill (``[${R}, {R: us-east-1}]`` at a Region field passed, while
``https://sqs.${R}.amazonaws.com/...`` with ``R: !Ref AWS::Region`` was refused as the unknown host
``sqs.v0.amazonaws.com``, RES-015, a false alarm); an ``Fn::Join`` under a key no host key names was walked part by
part (``SETTINGS: !Join ['', [sink=https://, !Ref Env, .intake.saas.example/v1]]`` passed, its ``Fn::Sub`` twin was
RES-015); an ``Fn::FindInMap`` at a Region field was not judged (a Region map's row for the stack's own Region naming
``us-east-1`` passed in EU); ROS's ``Fn::Replace`` was walked part by part (a partner's host put in by it passed; the
stack's own OSS endpoint put in by ``Ref ALIYUN::Region`` was RES-015, a false alarm).

Since stop 49 the template is read with each text function evaluated before any door judges it (engine
``_evaluated_functions``): an ``Fn::Sub`` variable map fills its variables, an ``Fn::Join`` / ``Fn::Replace`` is the
text it gives, an ``Fn::FindInMap`` keyed by ``AWS::Region`` / ``ALIYUN::Region`` reads the stack's own Region's row;
an ``Fn::Sub`` text still holding a variable is judged at its property.

``shape`` (AWS: EU, DE, US, JP, CN; ROS: CN, JP, DE): ``sink-host-sub`` (a Lambda function's ``SINK_HOST``
``Fn::Sub``: ``-own`` the stack's API by ``${ApiId}.execute-api.${AWS::Region}.${AWS::URLSuffix}`` passes, ``-partner``
``${Env}.intake.saas.example`` RES-015, passed before), ``settings-join`` (``SETTINGS`` ``Fn::Join``: ``-own`` the
stack's SQS queue URL from its pseudo parameters passes, ``-partner`` a SaaS intake URL RES-015, passed before),
``queue-sub-map`` (``QUEUE_URL`` ``Fn::Sub`` with a variable map: ``-own`` ``R: !Ref AWS::Region`` passes, RES-015
before; ``-partner`` the queue in another market's Region RES-006), ``replica-sub-map`` (``REPLICA_REGION`` ``Fn::Sub``
``[${R}, {R: <Region>}]``: ``-own`` a Region at home passes, ``-partner`` one abroad RES-009, passed before),
``replica-findinmap`` (a DynamoDB global table's ``Replicas[].Region`` from a Region map keyed by ``AWS::Region``:
``-own`` the row names a Region at home, passes; ``-partner`` it names one abroad, RES-009, passed before),
``export-bucket-sub`` (``EXPORT_BUCKET`` ``Fn::Sub``: ``-own`` the template's own bucket's very name passes,
``-partner`` ``partner-${Env}-exports`` RES-017 outside CN (passed before; aws-cn by partition passes in CN));
ROS ``ros-sink-replace`` (an FC function's ``SINK_URL`` ``Fn::Replace``: ``-own`` the stack's OSS internal endpoint
passes, RES-015 before; ``-partner`` a SaaS intake RES-015, passed before), ``ros-sink-sub-map`` (``Fn::Sub`` with a
variable map of an ``Fn::Join``: ``-own`` passes, RES-015 before; ``-partner`` a Parameter's foreign Default RES-015),
``ros-sink-host-sub`` (``SINK_HOST`` ``Fn::Sub`` beside a variable: ``-partner`` RES-015, passed before),
``ros-oos-join`` (an ``ALIYUN::OOS::Template`` ``Content`` built by ``Fn::Join``, its runbook uploading to the OSS
endpoint of its ``logRegion`` Parameter's Default: ``-own`` at home passes, RES-015 before; ``-partner`` abroad RES-006,
RES-015 before: the parts were judged one by one, the ``{{ logRegion }}`` placeholder unfilled). Each
``-partner-declared`` (EU, CN): the partner's host declared, passes.

tests/test_realistic_programs.py runs them as CASES (``fnsub49-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, Build, Row, trust_policy

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the ROS programs run in (the table's Alibaba Cloud provider Region, ``ALI_HOME``)."""
AWS_NEAR = {"EU": "eu-central-1", "DE": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3",
            "CN": "cn-northwest-1"}  # fmt: skip
"""A Region inside each jurisdiction a replica may live in (DE's only AWS Region is its home, eu-central-1)."""
AWS_ABROAD = {"EU": "us-east-1", "DE": "eu-west-1", "US": "eu-west-1", "JP": "ap-southeast-1", "CN": "ap-east-1"}
"""A Region outside each jurisdiction (``ap-east-1`` is Hong Kong, outside mainland China; ``eu-west-1`` is Ireland)."""
PARTNER_INTAKE = "intake.saas.example"
"""A SaaS analytics vendor's intake domain: no cloud endpoint, nowhere proven."""
PARTNER_DECLARED: dict[str, Any] = {
    "id": "analytics-intake", "kind": "resident", "match": f"*.{PARTNER_INTAKE}",
    "evidence": "the analytics vendor's in-market intake; its contract keeps the data in the market",
}  # fmt: skip
ENV_PARAMETER = {"Env": {"Type": "String", "Description": "the deployment's environment name"}}
"""A Parameter with no Default: whatever the deployer passes."""


def _cfn(name: str, resources: dict[str, Any], **top: Any) -> Build:
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", **top, "Resources": resources})

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, capabilities)
        return aws.cloudformation.Stack(name, template_body=document, capabilities=["CAPABILITY_IAM"], opts=c.aws)

    return build


def _function(variables: dict[str, Any]) -> dict[str, Any]:
    """A template's Lambda function (AWS::Lambda::Function) reading ``variables`` (Environment.Variables)."""
    return {
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": json.loads(
            trust_policy("lambda.amazonaws.com"))}},
        "Forwarder": {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
            "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
            "Environment": {"Variables": variables}}},
    }  # fmt: skip


def sink_host_sub(code: str, who: str) -> Build:
    # CloudFormation Fn::Sub (a text with ${Var}); AWS::Lambda::Function Environment.Variables: the host the code sends
    # to. The stack's own API by its id Parameter and its Region and suffix; or a vendor's host beside a variable.
    host = ("${ApiId}.execute-api.${AWS::Region}.${AWS::URLSuffix}" if who == "own"
            else f"${{Env}}.{PARTNER_INTAKE}")  # fmt: skip
    parameters = {**ENV_PARAMETER, "ApiId": {"Type": "String"}}
    return _cfn("forwarder", _function({"SINK_HOST": {"Fn::Sub": host}}), Parameters=parameters)


def settings_join(code: str, who: str) -> Build:
    # CloudFormation Fn::Join ["", [parts]]: the text the parts give, under a variable no host key names.
    parts: list[Any] = (
        ["sink=https://sqs.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}, "/", {"Ref": "AWS::AccountId"},
         "/orders"]
        if who == "own" else ["sink=https://", {"Ref": "Env"}, f".{PARTNER_INTAKE}/v1"]
    )  # fmt: skip
    return _cfn("forwarder", _function({"SETTINGS": {"Fn::Join": ["", parts]}}), Parameters=ENV_PARAMETER)


def queue_sub_map(code: str, who: str) -> Build:
    # CloudFormation Fn::Sub [text, {Var: value}]: "the value that CloudFormation substitutes for the associated
    # variable name"; here the queue's Region (the stack's own by Ref AWS::Region, or another market's).
    region: Any = {"Ref": "AWS::Region"} if who == "own" else AWS_ABROAD[code]
    text = "https://sqs.${R}.${Suffix}/${AWS::AccountId}/orders"
    value = {"Fn::Sub": [text, {"R": region, "Suffix": {"Ref": "AWS::URLSuffix"}}]}
    return _cfn("forwarder", _function({"QUEUE_URL": value}))


def replica_sub_map(code: str, who: str) -> Build:
    # Fn::Sub [${R}, {R: <Region>}] as the Region the function copies to (a region variable, read by the code).
    region = AWS_NEAR[code] if who == "own" else AWS_ABROAD[code]
    return _cfn("forwarder", _function({"REPLICA_REGION": {"Fn::Sub": ["${R}", {"R": region}]}}))


def replica_findinmap(code: str, who: str) -> Build:
    # AWS::DynamoDB::GlobalTable Replicas[].Region ("The region in which this replica exists"), the second replica's
    # Region read from a Region map (Fn::FindInMap [map, !Ref AWS::Region, key]): the stack's own Region's row.
    row = {"Replica": AWS_NEAR[code] if who == "own" else AWS_ABROAD[code]}
    mappings = {"ReplicaRegions": {AWS_HOME[code]: row, "sa-east-1": {"Replica": "sa-east-1"}}}
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "Replicas": [{"Region": {"Ref": "AWS::Region"}},
                     {"Region": {"Fn::FindInMap": ["ReplicaRegions", {"Ref": "AWS::Region"}, "Replica"]}}]},
    }  # fmt: skip
    return _cfn("trips", {"Trips": table}, Mappings=mappings)


def export_bucket_sub(code: str, who: str) -> Build:
    # AWS::S3::Bucket BucketName (the template's own bucket, named from the Env Parameter) and the function's
    # EXPORT_BUCKET: the own bucket's very name, or a partner's bucket beside a variable.
    name = "fleet-${Env}-exports" if who == "own" else "partner-${Env}-exports"
    own = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "fleet-${Env}-exports"}}}
    resources = {"Exports": own,
                 **_function({"EXPORT_BUCKET": {"Fn::Sub": name}})}  # fmt: skip
    return _cfn("exporter", resources, Parameters=ENV_PARAMETER)


def _ros(name: str, resources: dict[str, Any], **top: Any) -> Build:
    document = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", **top, "Resources": resources})

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ros/stack (stack_name, template_body)
        return alicloud.ros.Stack(name, stack_name=name, template_body=document, opts=c.ali)

    return build


def _fc(variables: dict[str, Any]) -> dict[str, Any]:
    """A ROS FC service and function (ALIYUN::FC::Service, ALIYUN::FC::Function) reading ``variables``
    (EnvironmentVariables)."""
    return {
        "Service": {"Type": "ALIYUN::FC::Service", "Properties": {"ServiceName": "forwarder"}},
        "Forwarder": {"Type": "ALIYUN::FC::Function", "DependsOn": "Service", "Properties": {
            "ServiceName": "forwarder", "FunctionName": "forward", "Runtime": "python3.10", "Handler": "index.handler",
            "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
            "EnvironmentVariables": variables}},
    }  # fmt: skip


def ros_sink_replace(code: str, who: str) -> Build:
    # ROS Fn::Replace [{old: new}, text]: "replaces all occurrences of a substring in a string with a new string".
    new: Any = {"Ref": "ALIYUN::Region"} if who == "own" else f"collector.{PARTNER_INTAKE}"
    text = "https://oss-__PLACE__-internal.aliyuncs.com/" if who == "own" else "https://__PLACE__/v1"
    return _ros("forwarder", _fc({"SINK_URL": {"Fn::Replace": [{"__PLACE__": new}, text]}}))


def ros_sink_sub_map(code: str, who: str) -> Build:
    # ROS Fn::Sub [text, {Var: value}]: the stack's OSS internal endpoint built by Fn::Join of Ref ALIYUN::Region, or
    # a Parameter whose Default is a vendor's host.
    host: Any = (
        {"Fn::Join": ["", ["oss-", {"Ref": "ALIYUN::Region"}, "-internal.aliyuncs.com"]]}
        if who == "own" else {"Ref": "SinkHost"}
    )  # fmt: skip
    parameters = {"SinkHost": {"Type": "String", "Default": f"eu.{PARTNER_INTAKE}"}}
    return _ros(
        "forwarder", _fc({"SINK_URL": {"Fn::Sub": ["https://${Host}/", {"Host": host}]}}), Parameters=parameters
    )


def ros_sink_host_sub(code: str, who: str) -> Build:
    # ROS Fn::Sub text with a Parameter: the host the function sends to (${Env} with no Default stays a variable).
    host = "${Env}.oss-${ALIYUN::Region}-internal.aliyuncs.com" if who == "own" else f"${{Env}}.{PARTNER_INTAKE}"
    return _ros("forwarder", _fc({"SINK_HOST": {"Fn::Sub": host}}), Parameters=ENV_PARAMETER)


ALI_ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1"}
"""A Region outside each market, as Alibaba Cloud names it (``eu-west-1`` is Alibaba Cloud's London)."""


def ros_oos_join(code: str, who: str) -> Build:
    # ROS ALIYUN::OOS::Template (Content: the OOS template's text), here built by Fn::Join around Ref ALIYUN::Region
    # (the task's regionId); OOS template Parameters (Default) and {{ name }}; ACS::ECS::RunCommand. The log-shipping
    # runbook uploads to the internal OSS endpoint of the Region its `logRegion` Parameter names (its Default).
    region = ALI_HOME[code] if who == "own" else ALI_ABROAD[code]
    parameters = {"instanceId": {"Type": "String"}, "logRegion": {"Type": "String", "Default": region}}
    head = json.dumps({"FormatVersion": "OOS-2019-06-01", "Parameters": parameters})[:-1]
    upload = "curl -sf -T /tmp/logs.tgz https://fleet-logs.oss-{{ logRegion }}-internal.aliyuncs.com/daily/logs.tgz"
    before = '"Tasks": [{"Name": "shipLogs", "Action": "ACS::ECS::RunCommand", "Properties": {"regionId": "'
    after = (
        f'", "instanceId": "{{{{ instanceId }}}}", "commandType": "RunShellScript", "commandContent": "{upload}"}}}}]}}'
    )
    content = {"Fn::Join": ["", [f"{head}, {before}", {"Ref": "ALIYUN::Region"}, after]]}
    return _ros("platform", {"ShipLogs": {"Type": "ALIYUN::OOS::Template", "Properties": {
        "TemplateName": "fleet-ship-logs", "Content": content}}})  # fmt: skip


Family = Callable[[str, str], Build]
AWS_FAMILIES: dict[str, tuple[Family, str]] = {
    "sink-host-sub": (sink_host_sub, "RES-015"),
    "settings-join": (settings_join, "RES-015"),
    "queue-sub-map": (queue_sub_map, "RES-006"),
    "replica-sub-map": (replica_sub_map, "RES-009"),
    "replica-findinmap": (replica_findinmap, "RES-009"),
    "export-bucket-sub": (export_bucket_sub, "RES-017"),
}
"""Each AWS program family and the rule its ``-partner`` program breaks."""
ALI_FAMILIES: dict[str, tuple[Family, str]] = {
    "ros-sink-replace": (ros_sink_replace, "RES-015"),
    "ros-sink-sub-map": (ros_sink_sub_map, "RES-015"),
    "ros-sink-host-sub": (ros_sink_host_sub, "RES-015"),
    "ros-oos-join": (ros_oos_join, "RES-006"),
}
"""Each ROS program family and the rule its ``-partner`` program breaks."""
DECLARABLE = ("sink-host-sub", "settings-join", "ros-sink-replace", "ros-sink-host-sub")
"""The families whose partner is the vendor's intake host (declared by ``PARTNER_DECLARED``)."""


def _expected(code: str, rule: str) -> set[str]:
    # A bucket in aws-cn is China's by partition (regionless references, round 4): the partner's passes in CN.
    return set() if (code == "CN" and rule == "RES-017") else {rule}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for families, codes in ((AWS_FAMILIES, AWS_CODES), (ALI_FAMILIES, ALI_CODES)):
        for shape, (make, rule) in families.items():
            for code in codes:
                prefix = f"fnsub49-{code.lower()}-{shape}"
                out.append((f"{prefix}-own", code, make(code, "own"), set(), []))
                out.append((f"{prefix}-partner", code, make(code, "partner"), _expected(code, rule), []))
                if shape in DECLARABLE and code in ("EU", "CN"):
                    out.append((f"{prefix}-partner-declared", code, make(code, "partner"), set(), [PARTNER_DECLARED]))
    return out
