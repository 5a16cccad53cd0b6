"""A region field holding a document's text (stop 48, issue 9: mutation search round 17, mutation48).

Round 16 left two ``region-nested`` survivors of ``alired46``: an Aliyun Green OSS stock task's ``buckets[].Region`` and
a Cloud Control resource's ``RegionId`` in ``desire_attributes``, each given a JSON document's text
(``{"Region": "cn-hongkong"}``), passed every door while the foreign Region written as the value was RES-009.
Reproduced first on the unchanged engine (main 1fd7240, ``RuleEngine(code).check``): the document text passed in CN
and JP whatever Region it held, an AWS Lambda environment variable ``REPLICA_REGION`` too (EU); ``mars-central-1``
was RES-011 and ``cn-hongkong`` RES-009. A region field's value the engine could not read as a Region and that was not
region-shaped was left alone, a document included. Since stop 48 a document's text (a JSON object or list, a YAML map)
at a region field is an unknown Region, RES-011, as an unknown Region name is (fail closed: no API documents a document
as a Region value); ``*``, an empty value or a flag are still left alone.

Round 17 also found a leak (the ``template-own`` / ``template`` kinds): a SAM function's ``DeadLetterQueue`` written
as ``Fn::Sub`` ``arn:${AWS::Partition}:sqs:${AWS::Region}:<account>:${Dlq.QueueName}`` passed with another account
written in (main 1fd7240: no finding, pinned or not), while the same ARN with a literal queue name was RES-023: a text
still holding a variable was walked under its ``Fn::Sub`` key, which no written-account field matched. ``sam-dlq-sub-*``
(EU, US, JP, CN): ``-own`` (``${AWS::AccountId}``) passes; ``-other-account`` is RES-023 outside CN (passed before)
and passes in CN (an aws-cn account is China's by partition, round 13); ``-other-account-declared`` passes.

``shape``: ``green-scan`` (``aligreen.OssStockTask`` ``buckets``, CN, JP, DE, EU, US), ``cloudcontrol-vpc``
(``cloudcontrol.Resource`` ``desire_attributes``, CN, JP), ``lambda-env`` (a Lambda function's ``REPLICA_REGION``,
EU, US, JP, CN). ``-home``: the stack's own Region as the value: passes (as before); ``-document``: a document holding
the stack's own Region: RES-011 (passed before); ``-document-abroad``: a document holding a Region outside the
jurisdiction: RES-011 (passed before); ``-document-declared``: the document declared (``sovereign-dc:destinations``,
match the text): passes.

tests/test_realistic_programs.py runs them as CASES (``mutation48-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import Build, Row

ALICLOUD_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1", "EU": "eu-central-1",
                 "US": "us-east-1"}  # fmt: skip
"""Each jurisdiction's Alibaba Cloud Region (the table's ``REGION``: the stack's alicloud provider)."""
ALICLOUD_ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1", "EU": "eu-west-1",
                   "US": "ap-southeast-1"}  # fmt: skip
"""A Region outside each jurisdiction, as Alibaba Cloud names it (``eu-west-1`` is Alibaba Cloud's London)."""
AWS_HOME = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
"""Each jurisdiction's AWS Region (the table's ``REGION``: the stack's aws provider)."""
AWS_ABROAD = {"CN": "ap-east-1", "EU": "us-east-1", "JP": "ap-southeast-1", "US": "eu-west-1"}
"""A Region outside each jurisdiction, as AWS names it (``ap-east-1`` is Hong Kong, outside mainland China)."""
ASSUME = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})  # fmt: skip
"""The function's execution role's trust policy (the Lambda service)."""


def _document(key: str, region: str) -> str:
    """A document's text naming a Region, as the round-16 ``region-nested`` mutant wrote it."""
    return json.dumps({key: region})


def green_scan(region: str) -> Build:
    # docs: aligreen/ossstocktask — `buckets`: JSON list of the buckets scanned ([{"Bucket", "Region", "Selected"}]).
    def build(c: Any) -> object:
        return alicloud.aligreen.OssStockTask(
            "photo-scan", biz_type="fleet-photos", image_opened=True, image_scan_limit=1000,
            image_scenes=["porn", "terrorism"], start_date="2026-12-01 00:00:00 +0800",
            end_date="2026-12-31 00:00:00 +0800",
            buckets=json.dumps([{"Bucket": "fleet-photos", "Region": region, "Selected": True}]), opts=c.ali,
        )  # fmt: skip

    return build


def cloud_control_vpc(region: str) -> Build:
    # docs: cloudcontrol/resource — `desire_attributes`: JSON of the resource's attributes, here a VPC's RegionId.
    def build(c: Any) -> object:
        return alicloud.cloudcontrol.Resource(
            "analytics-vpc", product="VPC", resource_code="VPC",
            desire_attributes=json.dumps({"RegionId": region, "CidrBlock": "10.50.0.0/16", "VpcName": "analytics"}),
            opts=c.ali,
        )  # fmt: skip

    return build


def lambda_env(region: str) -> Build:
    # docs: lambda/function — `environment.variables`: the Region the replicator copies to, read by the code.
    def build(c: Any) -> object:
        role = aws.iam.Role("replicator-role", assume_role_policy=ASSUME, opts=c.aws)
        return aws.lambda_.Function(
            "replicator", runtime="python3.12", handler="index.handler", role=role.arn,
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}),
            environment={"variables": {"REPLICA_REGION": region, "TABLE": "trips"}}, opts=c.aws,
        )  # fmt: skip

    return build


STRANGER = "460922110357"
"""An account no provider of the stack pins (the mutation search's stranger account)."""


PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-dlq-account", "kind": "resident", "match": f"arn:aws:iam::{STRANGER}:root",
    "evidence": "the operations partner's account; its contract keeps its queues in the EU",
}  # fmt: skip


def sam_dlq(account: str) -> Build:
    # SAM AWS::Serverless::Function DeadLetterQueue {Type: SQS, TargetArn}: the queue failed async events go to, here
    # an Fn::Sub naming the template's own queue by `${Dlq.QueueName}` in the account `account` (review46's
    # `sam-dlq-sub-pseudo-*` form, `${AWS::AccountId}` for the stack's own).
    target = f"arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:{account}:${{Dlq.QueueName}}"
    document = json.dumps({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
        "Dlq": {"Type": "AWS::SQS::Queue"},
        "Orders": {"Type": "AWS::Serverless::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler",
            "InlineCode": "def handler(event, context):\n    return None\n",
            "DeadLetterQueue": {"Type": "SQS", "TargetArn": {"Fn::Sub": target}}}},
    }})  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, capabilities)
        return aws.cloudformation.Stack(
            "orders", template_body=document, capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"], opts=c.aws
        )

    return build


def _declared(text: str) -> list[dict[str, Any]]:
    return [{"id": "replica-settings", "kind": "resident", "match": text,
             "evidence": "the settings document the service reads; its Region is the market's"}]  # fmt: skip


def _variants(key: str, home: str, abroad: str) -> list[tuple[str, str, set[str], bool]]:
    """(suffix, value, expected, declared) of one shape in one jurisdiction."""
    return [
        ("home", home, set(), False),
        ("document", _document(key, home), {"RES-011"}, False),
        ("document-abroad", _document(key, abroad), {"RES-011"}, False),
        ("document-declared", _document(key, home), set(), True),
    ]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code, home in ALICLOUD_HOME.items():
        for suffix, value, expected, declare in _variants("Region", home, ALICLOUD_ABROAD[code]):
            out.append((f"mutation48-{code.lower()}-green-scan-{suffix}", code, green_scan(value), expected,
                        _declared(value) if declare else []))  # fmt: skip
    for code in ("CN", "JP"):
        for suffix, value, expected, declare in _variants("RegionId", ALICLOUD_HOME[code], ALICLOUD_ABROAD[code]):
            out.append((f"mutation48-{code.lower()}-cloudcontrol-vpc-{suffix}", code, cloud_control_vpc(value),
                        expected, _declared(value) if declare else []))  # fmt: skip
    for code, home in AWS_HOME.items():
        for suffix, value, expected, declare in _variants("region", home, AWS_ABROAD[code]):
            out.append((f"mutation48-{code.lower()}-lambda-env-{suffix}", code, lambda_env(value), expected,
                        _declared(value) if declare else []))  # fmt: skip
    for code in AWS_HOME:
        # An aws-cn account is China's by partition whatever its id (round 13): the partner's passes in CN.
        out.append((f"mutation48-{code.lower()}-sam-dlq-sub-own", code, sam_dlq("${AWS::AccountId}"), set(), []))
        out.append((f"mutation48-{code.lower()}-sam-dlq-sub-other-account", code, sam_dlq(STRANGER),
                    set() if code == "CN" else {"RES-023"}, []))  # fmt: skip
    out.append(("mutation48-eu-sam-dlq-sub-other-account-declared", "EU", sam_dlq(STRANGER), set(), [PARTNER_DECLARED]))
    return out
