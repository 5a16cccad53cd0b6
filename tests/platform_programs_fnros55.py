"""Template functions, round 8: jq's test, reduce, limit, def, arithmetic, entries and @base64d; ROS / CloudFormation
functions over computed values (stop 55, issue 9).

Reproduced first on the unchanged engine (main a7fee677, these programs through every door: 62 of 74 failed): ROS
``Fn::Jq`` filters (CN / JP / DE) and a script's ``jq`` (EU / US; the one reader, ``components/residency/jq.py``) using
jq's ``test(re)``, ``reduce``, ``limit(n; f)``, ``-`` of arrays, ``from_entries``, ``with_entries``, ``def name: ...;``
(with a filter parameter) and ``@base64d`` were left unread, so each compliant program was refused at home (RES-011 at
a Region field, RES-015 at a host) and its abroad twin got that unproven-value rule instead of the rule of what jq
computes (RES-009 / RES-006). Three leaks, each passing every door: a script's ``jq -r 'reduce .targets[] as $t (...)'``
giving a Region abroad to ``--region "$DR"`` (the program's ``$t``, inside single quotes, was taken for a shell variable
the script never set, so the substitution was held to be the machine's own value); ``jq -r '$ENV.DR_REGION //
.dr.region'`` and ``jq -r 'env.DR_REGION // .dr.region'`` over ``echo "$PLAN"`` (a variable holding the plan): the
machine's environment is unknown, yet the substitution read a variable holding a literal and no opaque one, so it too
was the machine's own (and ``env.X`` inline gave its own program text as a host, which a Region argument leaves alone).
CloudFormation ``Fn::FindInMap`` keyed by ``!Ref AWS::Region`` was right already (pinned: 8 rows).

Since this round the jq reader reads those forms (each checked against jq 1.6 on this machine), a ``$`` inside single
quotes is no shell reference, an unread jq program's own text is no host it writes, and an unread filter over a
variable holding a literal is an unknown value (RES-011 at a Region argument, RES-015 at a host).

``kind`` (ROS: CN, JP, DE; user data: EU, US; CloudFormation: EU, US, JP, CN): ``-home`` passes, ``-abroad`` refused
(RES-009 a Region; RES-006 an endpoint of another Region); ``jq-copy-env-var`` / ``-env-builtin`` are refused in both
EU and US (RES-011: the environment is the machine's, unknown), their twin ``jq-copy-env-plan`` passes.

tests/test_realistic_programs.py runs them as CASES (``fnros55-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, SUBNETS, Build, Row, home_abroad_rows, ros_stack
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY

USER_DATA_CODES = ("EU", "US")
"""The jurisdictions of the user data programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region inside each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia); Germany has one."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
OWN_ACCOUNT = "123456789012"


def _region(code: str, where: str) -> str:
    # The Alibaba Cloud Region the program names: the stack's own, or one outside the market.
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _copy(region: Any) -> Build:
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId: the Region the image is copied to.
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    return ros_stack("images", {"Copy": copy})


def _sink(host: Any) -> Build:
    # An FC function whose SINK_HOST is `host` (the function writes thumbnails to that OSS endpoint).
    function = {"Type": "ALIYUN::FC::Function", "Properties": {
        "ServiceName": "images", "FunctionName": "thumbnails", "Handler": "index.handler", "Runtime": "python3.10",
        "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
        "EnvironmentVariables": {"SINK_HOST": host}}}  # fmt: skip
    return ros_stack("images", {"Thumbnails": function})


def _jq(script: str, data: Any) -> dict[str, Any]:
    # ROS Fn::Jq [method, script, object] ("First: the first value that is sorted by the filter").
    return {"Fn::Jq": ["First", script, json.dumps(data)]}


def _targets(code: str, where: str) -> list[dict[str, str]]:
    # The image copy plan's targets: an archive at home, then the disaster-recovery copy (home or abroad).
    return [{"name": "archive-1", "role": "archive", "tier": "cold", "region": ALI_HOME[code]},
            {"name": "dr-1", "role": "backup", "tier": "warm", "region": _region(code, where)}]  # fmt: skip


def ros_copy_jq_test(code: str, where: str) -> Build:
    # jq `test(regex)` ("Like match, but does not return match objects, only true or false"): the target named dr-*.
    script = '.targets[] | select(.name | test("^dr-")) | .region'
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_reduce(code: str, where: str) -> Build:
    # jq `reduce` ("combine all the results of an expression by accumulating them into a single answer"): the last
    # backup target's Region.
    script = 'reduce .targets[] as $t (null; if $t.role == "backup" then $t.region else . end)'
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_limit(code: str, where: str) -> Build:
    # jq `limit(n; exp)` ("outputs up to n outputs from exp"): the first warm target.
    script = 'limit(1; .targets[] | select(.tier == "warm")) | .region'
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_minus(code: str, where: str) -> Build:
    # jq "Subtraction: -" of arrays ("removes all occurrences of the second array's elements from the first array"):
    # the first copy site of the plan that is not being retired (the on-premises one).
    plan = {"sites": ["legacy-dc", _region(code, where)], "retired": ["legacy-dc"]}
    return _copy(_jq(".sites - .retired | first", plan))


def ros_copy_jq_from_entries(code: str, where: str) -> Build:
    # jq `from_entries` ({key, value} pairs into an object): the sites keyed by role, then the backup one.
    script = "[.targets[] | {key: .role, value: .region}] | from_entries | .backup"
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_with_entries(code: str, where: str) -> Build:
    # jq `with_entries(f)` ("a shorthand for to_entries | map(f) | from_entries"): the Region whose role is backup.
    roles = {ALI_HOME[code]: "archive", _region(code, where): "backup"}
    script = '.roles | with_entries(select(.value == "backup")) | keys | first'
    return _copy(_jq(script, {"roles": roles}))


def ros_copy_jq_def(code: str, where: str) -> Build:
    # jq "Defining Functions" (`def name: body;`): a helper picking the backup targets, then its Region.
    script = 'def backup: .targets[] | select(.role == "backup"); backup | .region'
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_fc_jq_base64d(code: str, where: str) -> Build:
    # jq `@base64d` ("The inverse of @base64, input is decoded as specified by RFC 4648"): the sink's endpoint, kept
    # encoded in the settings.
    host = f"oss-{_region(code, where)}-internal.aliyuncs.com"
    encoded = base64.b64encode(host.encode()).decode()
    return _sink(_jq(".sink.endpoint | @base64d", {"sink": {"endpoint": encoded}}))


def _user_data(script: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=f"#!/bin/bash\nset -euo pipefail\n{script}", opts=c.aws)  # fmt: skip

    return build


def _copy_to(code: str, region: str) -> str:
    # aws ec2 copy-snapshot: the copy is made in the Region the call goes to (--region).
    return (f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id snap-0a1b2c3d4e5f60718 "
            f'--description nightly-dr --region "{region}"\n')  # fmt: skip


def _aws_plan(code: str, where: str) -> str:
    targets = [{"name": "archive-1", "role": "archive", "region": AWS_HOME[code]},
               {"name": "dr-1", "role": "backup", "region": _aws_region(code, where)}]  # fmt: skip
    return json.dumps({"targets": targets})


def jq_copy_test(code: str, where: str) -> Build:
    script = f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '.targets[] | select(.name | test(\"^dr-\")) | .region')\n"
    return _user_data(script + _copy_to(code, "$DR"))


def jq_copy_reduce(code: str, where: str) -> Build:
    jq = 'reduce .targets[] as $t (null; if $t.role == "backup" then $t.region else . end)'
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def jq_sqs_def(code: str, where: str) -> Build:
    # A jq function building the SQS endpoint of a queue's Region.
    queue = json.dumps({"queue": {"region": _aws_region(code, where), "name": "jobs"}})
    jq = 'def endpoint(r): "sqs." + r + ".amazonaws.com"; endpoint(.queue.region)'
    script = f"Q=$(echo '{queue}' | jq -r '{jq}')\ncurl -fsS \"https://$Q/{OWN_ACCOUNT}/jobs\"\n"
    return _user_data(script)


def _env_copy(code: str, program: str) -> Build:
    # The DR Region from the copy plan, which an operator may override in the machine's environment (jq's `$ENV` /
    # `env`: "An object representing the environment variables as set when the jq program started").
    plan = json.dumps({"dr": {"region": AWS_SECOND[code]}})
    return _user_data(f"PLAN='{plan}'\nDR=$(echo \"$PLAN\" | jq -r '{program}')\n" + _copy_to(code, "$DR"))


ENV_PROGRAMS = {"env-var": "$ENV.DR_REGION // .dr.region", "env-builtin": "env.DR_REGION // .dr.region",
                "env-plan": ".dr.region"}  # fmt: skip
"""jq programs reading the machine's environment (unknown to the engine: RES-011, fail closed) and the twin reading
the plan only (passes)."""


def env_rows() -> list[Row]:
    """The environment rows: refused at home too (the environment is the machine's, unknown), the plan alone passes."""
    return [(f"fnros55-{code.lower()}-jq-copy-{kind}", code, _env_copy(code, program),
             set() if kind == "env-plan" else {"RES-011"}, [])
            for code in USER_DATA_CODES for kind, program in ENV_PROGRAMS.items()]  # fmt: skip


def _global_table(replica: Any, mappings: dict[str, Any]) -> Build:
    # A DynamoDB global table with a replica in the stack's Region and one in `replica`.
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "TableName": "orders", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": replica}]}}  # fmt: skip
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Mappings": mappings,
                           "Resources": {"Orders": table}})  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("tables", name="tables", template_body=document, opts=c.aws)

    return build


def cfn_replica_findinmap_region(code: str, where: str) -> Build:
    # CloudFormation Fn::FindInMap with the stack's own Region as the key (`!FindInMap [Replicas, !Ref AWS::Region,
    # Second]`): the second Region of the map row for where the stack is deployed.
    home = AWS_HOME[code]
    second = AWS_AWAY[code] if where == "abroad" else AWS_SECOND.get(code, home)
    mappings = {"Replicas": {home: {"Second": second}, "ap-south-1": {"Second": "ap-southeast-1"}}}
    return _global_table({"Fn::FindInMap": ["Replicas", {"Ref": "AWS::Region"}, "Second"]}, mappings)


def _cfn(resources: dict[str, Any], name: str = "network") -> Build:
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources})

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack(name, name=name, template_body=document, opts=c.aws)

    return build


def cfn_subnet_getazs(code: str, where: str) -> Build:
    # CloudFormation Fn::Cidr ("returns an array of CIDR address blocks") and Fn::GetAZs ("returns an array that lists
    # Availability Zones for a specified Region"; "" is the stack's Region): a subnet in the first zone of the Region
    # the template names (the stack's own, written "", or another), its block the VPC's first /24.
    region = "" if where == "home" else AWS_AWAY[code]
    subnet = {"Type": "AWS::EC2::Subnet", "Properties": {
        "VpcId": {"Ref": "Vpc"}, "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": region}]},
        "CidrBlock": {"Fn::Select": [0, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 4, 8]}]}}}  # fmt: skip
    vpc = {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.20.0.0/16"}}
    return _cfn({"Vpc": vpc, "Private": subnet})


def cfn_function_queue_select(code: str, where: str) -> Build:
    # A Lambda function's QUEUE_URL: Fn::Sub of an SQS URL whose Region is Fn::Select over a list Fn::Split makes of
    # an Fn::Join of the stack's Region and the DR Region.
    regions = {"Fn::Split": [",", {"Fn::Join": [",", [{"Ref": "AWS::Region"}, _aws_region(code, where)]]}]}
    select = {"Fn::Select": [1, regions]}
    url = {"Fn::Sub": ["https://sqs.${R}.${AWS::URLSuffix}/${AWS::AccountId}/jobs", {"R": select}]}
    role = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/jobs"}
    function = {"Type": "AWS::Lambda::Function", "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler", "Role": role,
        "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
        "Environment": {"Variables": {"QUEUE_URL": url}}}}  # fmt: skip
    return _cfn({"Jobs": function}, "jobs")


def ros_copy_add_lists(code: str, where: str) -> Build:
    # ROS Fn::Add of lists ("All parameters in a list must be of the same type: Number, List, or Dictionary"): the
    # second Region of the archive list joined with the DR list.
    return _copy({"Fn::Select": [1, {"Fn::Add": [[ALI_HOME[code]], [_region(code, where)]]}]})


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "ros-copy-jq-test": (ros_copy_jq_test, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-reduce": (ros_copy_jq_reduce, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-limit": (ros_copy_jq_limit, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-minus": (ros_copy_jq_minus, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-from-entries": (ros_copy_jq_from_entries, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-with-entries": (ros_copy_jq_with_entries, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-def": (ros_copy_jq_def, {"RES-009"}, ALI_CODES),
    "ros-fc-jq-base64d": (ros_fc_jq_base64d, {"RES-006"}, ALI_CODES),
    "jq-copy-test": (jq_copy_test, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-reduce": (jq_copy_reduce, {"RES-009"}, USER_DATA_CODES),
    "jq-sqs-def": (jq_sqs_def, {"RES-006"}, USER_DATA_CODES),
    "cfn-subnet-getazs": (cfn_subnet_getazs, {"RES-008"}, ("EU", "DE", "US", "JP", "CN")),
    "cfn-function-queue-select": (cfn_function_queue_select, {"RES-006"}, ("EU", "DE", "US", "JP", "CN")),
    "ros-copy-add-lists": (ros_copy_add_lists, {"RES-009"}, ALI_CODES),
    "cfn-replica-findinmap-region": (cfn_replica_findinmap_region, {"RES-009"}, ("EU", "US", "JP", "CN")),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros55", HOME_ABROAD) + env_rows()
