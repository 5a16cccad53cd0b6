"""AWS red team, round 27 (stop 54): template twins of account-bearing inputs round 26 left open.

Round 27 probed, on the unchanged engine (main 0bf4fb91), the items round 26 left open and the brief's new candidates
as one-value subjects and one-resource CloudFormation templates in a ``cloudformation.Stack`` (EU, provider pinned to
the team's account). Already refused (no change): a Security Lake subscriber's ``subscriber_identity.principal`` of
another account (Pulumi and ``AWS::SecurityLake::Subscriber``: RES-023), a Backup plan's copy action to another
account's vault (RES-023), a Clean Rooms membership's result bucket and a Data Exchange event action's export bucket
the stack does not make (RES-017). **Passed every door** while each Pulumi twin was RES-023: another account's ARN in
an ``AWS::AppSync::SourceApiAssociation``'s ``SourceApiIdentifier`` (another account's source API merged into the
stack's merged API: its callers' queries reach that account's resolvers) or ``MergedApiIdentifier`` (the stack's source
API merged into another account's API), an ``AWS::BedrockAgentCore::Memory``'s
``StreamDeliveryResources.Resources[].Kinesis.DataStreamArn`` (every memory record streamed there), an
``AWS::ChimeSDKVoice::SipMediaApplication``'s ``Endpoints[].LambdaArn`` (each call's numbers and events) and an
``AWS::Connect::IntegrationAssociation``'s ``IntegrationArn`` (a function the contact flows invoke with the caller's
data), and an Elastic Beanstalk ``Environment``'s / ``ConfigurationTemplate``'s ``OptionSettings`` naming another
account's topic as ``aws:elasticbeanstalk:sns:topics`` ``Notification Topic ARN`` (an option setting was read as a
name/value pair without its namespace: ``OptionName``, not Pulumi's ``name``). They are refused now (RES-023 until the
provider pins the account or the account is declared). And an ``AWS::LakeFormation::Permissions``' ``DataLakePrincipal``
naming another account passed while the Pulumi ``lakeformation.Permissions`` grant was RES-016 (the newer
``AWS::LakeFormation::PrincipalPermissions`` was already RES-023 by its key): RES-016 now, declared by the catalogue id.
On main 0bf4fb91 the 120 programs here: 32 failed (every ``partner`` program outside CN), 88 passed.

``who``: ``own`` (the template's own resource by ``Ref`` / ``Fn::GetAtt``: passes), ``partner`` (another account's ARN
in the stack's Region: refused outside CN), ``partner-declared`` (that account declared: passes). aws-cn lies wholly in
CN: every account there is China's. tests/test_realistic_programs.py runs them as CASES (``awsred54b-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from platform_parts import AWS_HOME as HOME
from platform_parts import WHO, Build, Row

# The same accounts and declaration as rounds 16 to 26, and round 23's template helpers (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED
from platform_programs_awsred51 import CODES, _own_sub, _pick, _role, _stack, _with_function

_SCHEMA = "type Query { claim(id: ID!): Claim }\ntype Claim { id: ID! status: String }\n"


def _api(api_type: str) -> dict[str, Any]:
    # docs: AWS::AppSync::GraphQLApi Name, AuthenticationType, ApiType (GRAPHQL | MERGED), MergedApiExecutionRoleArn
    # (required for a MERGED API); GetAtt ApiId, Arn.
    props: dict[str, Any] = {"Name": f"claims-{api_type.lower()}", "AuthenticationType": "AWS_IAM", "ApiType": api_type}
    if api_type == "MERGED":
        props["MergedApiExecutionRoleArn"] = {"Fn::GetAtt": ["MergeRole", "Arn"]}
    return {"Type": "AWS::AppSync::GraphQLApi", "Properties": props}


def _association(source: Any, merged: Any, resources: dict[str, Any]) -> dict[str, Any]:
    # docs: AWS::AppSync::SourceApiAssociation SourceApiIdentifier, MergedApiIdentifier ("In most cases, source APIs
    # (especially in your account) only require the API ID value or ARN of the source API. However, source APIs from
    # other accounts (cross-account use cases) strictly require the full resource ARN of the source API"),
    # SourceApiAssociationConfig {MergeType AUTO_MERGE | MANUAL_MERGE}.
    return resources | {"Association": {"Type": "AWS::AppSync::SourceApiAssociation", "Properties": {
        "SourceApiIdentifier": source, "MergedApiIdentifier": merged,
        "SourceApiAssociationConfig": {"MergeType": "AUTO_MERGE"}}}}  # fmt: skip


def appsync_source(code: str, who: str) -> Build:
    """The stack's merged API merging a source API (another account's, shared through RAM)."""
    resources = {"Merged": _api("MERGED"), "MergeRole": _role("appsync.amazonaws.com")}
    if who == "own":
        resources["Source"] = _api("GRAPHQL")
    source = _pick(code, who, {"Fn::GetAtt": ["Source", "Arn"]}, "appsync", "apis/a1b2c3d4e5f6g7h8i9j0k1l2m3")
    return _stack("claims-merged-api", _association(source, {"Fn::GetAtt": ["Merged", "ApiId"]}, resources))


def appsync_merged(code: str, who: str) -> Build:
    """The stack's source API merged into a merged API (another account's: its callers run the stack's resolvers)."""
    resources = {"Source": _api("GRAPHQL")}
    if who == "own":
        resources |= {"Merged": _api("MERGED"), "MergeRole": _role("appsync.amazonaws.com")}
    merged = _pick(code, who, {"Fn::GetAtt": ["Merged", "Arn"]}, "appsync", "apis/z9y8x7w6v5u4t3s2r1q0p9o8n7")
    return _stack("claims-source-api", _association({"Fn::GetAtt": ["Source", "ApiId"]}, merged, resources))


def agentcore_memory(code: str, who: str) -> Build:
    # docs: AWS::BedrockAgentCore::Memory Name, EventExpiryDuration, MemoryExecutionRoleArn, StreamDeliveryResources
    # {Resources [{Kinesis {DataStreamArn ("ARN of the Kinesis Data Stream", KinesisResource), ContentConfigurations
    # [{Type MEMORY_RECORDS, Level FULL_CONTENT}]}}]} (memory-record-streaming: "push-based events").
    stream = _pick(code, who, {"Fn::GetAtt": ["MemoryEvents", "Arn"]}, "kinesis", "stream/memory-events")
    return _stack("claims-agent-memory", {
        "Memory": {"Type": "AWS::BedrockAgentCore::Memory", "Properties": {
            "Name": "claims_memory", "EventExpiryDuration": 30,
            "MemoryExecutionRoleArn": {"Fn::GetAtt": ["MemoryRole", "Arn"]},
            "StreamDeliveryResources": {"Resources": [{"Kinesis": {
                "DataStreamArn": stream,
                "ContentConfigurations": [{"Type": "MEMORY_RECORDS", "Level": "FULL_CONTENT"}]}}]}}},
        "MemoryEvents": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
        "MemoryRole": _role("bedrock-agentcore.amazonaws.com"),
    })  # fmt: skip


def sip_media_application(code: str, who: str) -> Build:
    # docs: AWS::ChimeSDKVoice::SipMediaApplication Name, AwsRegion, Endpoints [{LambdaArn ("Valid Amazon Resource Name
    # (ARN) of the Lambda function, version, or alias. The function must be created in the same AWS Region as the SIP
    # media application")}]: invoked with each call's events (caller and called numbers).
    handler = _pick(code, who, {"Fn::GetAtt": ["Function", "Arn"]}, "lambda", "function:call-handler")
    return _stack("claims-ivr", _with_function({
        "Ivr": {"Type": "AWS::ChimeSDKVoice::SipMediaApplication", "Properties": {
            "Name": "claims-ivr", "AwsRegion": HOME[code], "Endpoints": [{"LambdaArn": handler}]}},
    }, who))  # fmt: skip


def connect_integration(code: str, who: str) -> Build:
    # docs: AWS::Connect::IntegrationAssociation InstanceId ("The Amazon Resource Name (ARN) of the instance"),
    # IntegrationType LEX_BOT | LAMBDA_FUNCTION | APPLICATION, IntegrationArn ("ARN of the integration being associated
    # with the instance"): "the association of an AWS resource such as Lex bot (both v1 and v2) and Lambda function with
    # an Amazon Connect instance"; contact flows invoke the function with the contact's attributes.
    function = _pick(code, who, {"Fn::GetAtt": ["Function", "Arn"]}, "lambda", "function:claim-lookup")
    return _stack("claims-contact-centre", _with_function({
        "Lookup": {"Type": "AWS::Connect::IntegrationAssociation", "Properties": {
            "InstanceId": _own_sub("connect", "instance/a1b2c3d4-5678-90ab-cdef-1234567890ab"),
            "IntegrationType": "LAMBDA_FUNCTION", "IntegrationArn": function}},
    }, who))  # fmt: skip


def _beanstalk(kind: str, code: str, who: str) -> Build:
    # docs: AWS::ElasticBeanstalk::Environment / ConfigurationTemplate ApplicationName, SolutionStackName,
    # OptionSettings [{Namespace, OptionName, Value}] ("Key-value pairs defining configuration options"): the
    # `aws:elasticbeanstalk:sns:topics` namespace's `Notification Topic ARN` ("Amazon Resource Name for the topic you
    # subscribed to", general options) receives environment events and health changes.
    topic = _pick(code, who, {"Ref": "EnvEvents"}, "sns", "beanstalk-events")
    settings = [
        {"Namespace": "aws:elasticbeanstalk:sns:topics", "OptionName": "Notification Topic ARN", "Value": topic},
        {"Namespace": "aws:autoscaling:launchconfiguration", "OptionName": "InstanceType", "Value": "t3.small"},
        {"Namespace": "aws:elasticbeanstalk:application:environment", "OptionName": "LOG_LEVEL", "Value": "info"},
    ]
    props: dict[str, Any] = {
        "ApplicationName": {"Ref": "App"},
        "SolutionStackName": "64bit Amazon Linux 2023 v4.3.0 running Python 3.12",
        "OptionSettings": settings,
    }
    return _stack(f"claims-web-{kind.lower()}", {
        "App": {"Type": "AWS::ElasticBeanstalk::Application", "Properties": {"ApplicationName": "claims-web"}},
        "Web": {"Type": f"AWS::ElasticBeanstalk::{kind}", "Properties": props},
        "EnvEvents": {"Type": "AWS::SNS::Topic", "Properties": {}},
    })  # fmt: skip


def beanstalk_environment(code: str, who: str) -> Build:
    return _beanstalk("Environment", code, who)


def beanstalk_template(code: str, who: str) -> Build:
    return _beanstalk("ConfigurationTemplate", code, who)


def lakeformation_grant(code: str, who: str) -> Build:
    # docs: AWS::LakeFormation::Permissions DataLakePrincipal {DataLakePrincipalIdentifier ("An identifier for the Lake
    # Formation principal")}, Resource {DatabaseResource {CatalogId, Name}}, Permissions, PermissionsWithGrantOption:
    # the older twin of AWS::LakeFormation::PrincipalPermissions; a grant to another account shares the database.
    principal = {"Fn::GetAtt": ["Analysts", "Arn"]} if who == "own" else PARTNER
    return _stack("claims-lake-grant", {
        "Claims": {"Type": "AWS::Glue::Database", "Properties": {
            "CatalogId": {"Ref": "AWS::AccountId"}, "DatabaseInput": {"Name": "claims"}}},
        "Grant": {"Type": "AWS::LakeFormation::Permissions", "Properties": {
            "DataLakePrincipal": {"DataLakePrincipalIdentifier": principal},
            "Resource": {"DatabaseResource": {"CatalogId": {"Ref": "AWS::AccountId"}, "Name": {"Ref": "Claims"}}},
            "Permissions": ["DESCRIBE"], "PermissionsWithGrantOption": []}},
        "Analysts": _role("athena.amazonaws.com"),
    })  # fmt: skip


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "cfn-appsync-source": (appsync_source, CODES),
    "cfn-appsync-merged": (appsync_merged, CODES),
    "cfn-agentcore-memory-stream": (agentcore_memory, CODES),
    "cfn-sip-media-application": (sip_media_application, CODES),
    "cfn-connect-integration": (connect_integration, CODES),
    "cfn-beanstalk-environment-topic": (beanstalk_environment, CODES),
    "cfn-beanstalk-template-topic": (beanstalk_template, CODES),
    "cfn-lakeformation-grant": (lakeformation_grant, CODES),
}
"""Kind -> (builder, jurisdictions). Every kind runs everywhere (aws-cn: services placed there are judged for
residency, not availability, docs/residency-open.md)."""


LAKE_GRANT_DECLARED: dict[str, Any] = {
    "id": "group-shared-services-lake", "kind": "resident", "match": "aws-lakeformation-cross-account-grant",
    "evidence": "the group's shared-services account; its SCP keeps every resource link in the market's Regions",
}  # fmt: skip
"""A grant of the lake to another account is refused as a share (RES-016, its Pulumi twin's global_services entry),
declared by the catalogue id, as a Pulumi ``lakeformation.Permissions`` grant is."""
REFUSED = {"cfn-lakeformation-grant": "RES-016"}
"""The rule a ``partner`` program of a kind is refused by (RES-023 unless listed)."""
DECLARED = {"cfn-lakeformation-grant": LAKE_GRANT_DECLARED}
"""The declaration a ``partner-declared`` program of a kind makes (the partner's account unless listed)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred54b-{code.lower()}-{kind}-{who}", code, make(code, who),
         {REFUSED.get(kind, "RES-023")} if who == "partner" and code != "CN" else set(),
         [DECLARED.get(kind, PARTNER_DECLARED)] if who == "partner-declared" else [])
        for kind, (make, codes) in KINDS.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip
