"""A template's own account or Region written as a foreign one (stop 47, issue 9: mutation search round 16, mutation47).

Round 16 ran the mutation search over the compliant programs stop 46 added. Their templates (a ``cloudformation.Stack``
or ``ros.Stack`` ``template_body``) name the stack's own account and Region by pseudo parameters (``${AWS::AccountId}``
in an ``Fn::Sub``, ``{"Ref": "ALIYUN::Region"}`` in an ``Fn::Join``), so no kind of the search reached their
destinations (one mutant per program, the provider's region). The search's new opt-in kind ``template`` writes each
reference as a foreign literal, one at a time: every destination so written was refused on the unchanged engine
(main d328c13: the Region RES-004 / RES-005, the account RES-023), the survivors were roles a service runs as, a bucket
name, and CN programs' aws-cn accounts (round 13's decision). No leak; these programs pin the verdicts the round found
so a later change of the template reading cannot lose them.

``shape``: ``ros-mns-*`` (an ``ALIYUN::MNS::Subscription`` ``Endpoint``, CN, JP, DE), ``cfn-esm-*`` (an
``AWS::Lambda::EventSourceMapping`` ``DestinationConfig.OnFailure.Destination``, EU, US, JP, CN). ``-home``: the stack's
own Region and account by pseudo parameters: passes; ``-foreign-region``: a Region outside the jurisdiction written in
the ARN (the account still the pseudo parameter): RES-005 / RES-004; ``cn-cfn-esm-other-account``: another aws-cn
account written out in a CN program: passes (an aws-cn account is China's by partition, round 13).

tests/test_realistic_programs.py runs them as CASES (``mutation47-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import Build, Row, ros_stack

FOREIGN_ALICLOUD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1"}
"""A Region outside each jurisdiction, as Alibaba Cloud names it (``eu-west-1`` is Alibaba Cloud's London)."""
FOREIGN_AWS = {"CN": "ap-east-1", "EU": "us-east-1", "US": "eu-west-1", "JP": "ap-southeast-1"}
"""A Region outside each jurisdiction, as AWS names it (``ap-east-1`` is Hong Kong, outside mainland China)."""
OTHER_CN_ACCOUNT = "460922110357"
"""Another aws-cn account, one no provider of the stack pins (the search's stranger account)."""


def ros_subscription(region: str) -> Build:
    # ROS ALIYUN::MNS::Subscription Endpoint: QueueEndpoint "acs:mns:{REGION}:{AccountID}:queues/{QueueName}".
    endpoint = {"Fn::Sub": f"acs:mns:{region}:${{ALIYUN::AccountId}}:queues/fulfilment"}
    return ros_stack("order-events", {
        "Topic": {"Type": "ALIYUN::MNS::Topic", "Properties": {"TopicName": "order-events"}},
        "ToQueue": {"Type": "ALIYUN::MNS::Subscription", "Properties": {
            "TopicName": {"Fn::GetAtt": ["Topic", "TopicName"]}, "SubscriptionName": "to-fulfilment",
            "Endpoint": endpoint, "PushType": "queue"}},
    })  # fmt: skip


def cfn_mapping(region: str, account: str) -> Build:
    # AWS::Lambda::EventSourceMapping DestinationConfig {OnFailure {Destination}}: the queue failed batches go to.
    failed = {"Fn::Sub": f"arn:${{AWS::Partition}}:sqs:{region}:{account}:jobs-dlq"}
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
        "JobsDlq": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs-dlq"}},
        "Audit": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
        "Ingest": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
            "FunctionName": "ingest", "EventSourceArn": {"Fn::GetAtt": ["Audit", "Arn"]}, "StartingPosition": "LATEST",
            "DestinationConfig": {"OnFailure": {"Destination": failed}}}},
    }})  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("fleet-ingest", template_body=document, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code, foreign in FOREIGN_ALICLOUD.items():
        out.append((f"mutation47-{code.lower()}-ros-mns-home", code, ros_subscription("${ALIYUN::Region}"), set(), []))
        out.append((f"mutation47-{code.lower()}-ros-mns-foreign-region", code, ros_subscription(foreign), {"RES-005"},
                    []))  # fmt: skip
    own = "${AWS::AccountId}"
    for code, foreign in FOREIGN_AWS.items():
        out.append((f"mutation47-{code.lower()}-cfn-esm-home", code, cfn_mapping("${AWS::Region}", own), set(), []))
        out.append((f"mutation47-{code.lower()}-cfn-esm-foreign-region", code, cfn_mapping(foreign, own), {"RES-004"},
                    []))  # fmt: skip
    out.append(
        ("mutation47-cn-cfn-esm-other-account", "CN", cfn_mapping("${AWS::Region}", OTHER_CN_ACCOUNT), set(), [])
    )
    return out
