"""AWS red team, round 24 (stop 52): another account's destinations in CloudFormation types no entry mapped.

Round 24 probed, on the unchanged engine (main faa992a), the CloudFormation twins round 23 left open (docs/residency.md,
"AWS red team, round 24 (stop 52)") and those of the remaining Pulumi types with a ``written_account_fields`` entry, as
one-resource templates in a ``cloudformation.Stack`` with another account's ARN in the stack's own Region: an IoT
Events detector model's and alarm model's actions (no pulumi-aws type), a budget's SNS subscriber, an OpenSearch
domain's slow-log group (a map keyed by log type), a VPN connection's tunnel log group, an S3 table bucket's
replication destination, a Storage Gateway file share's audit log group, a Lex V2 bot alias's conversation log group,
a Rekognition stream processor's result stream and an EventBridge pipe's enrichment function all **passed every door**
(only the ARN's Region was read, as template text) while the Pulumi twin was RES-023; the Pulumi stream processor's
result stream (``output.kinesis_data_stream.arn``) passed too. They are refused now (RES-023 until pinned or declared).

``who``: ``own`` (the template's own resource by ``Ref`` / ``Fn::GetAtt``, or the stack's account by
``${AWS::AccountId}``: passes), ``partner`` (another account's ARN: refused outside CN), ``partner-declared`` (that
account declared: passes). aws-cn lies wholly in CN: every account there is China's. tests/test_realistic_programs.py
runs them as CASES (``awsred52-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, WHO, Build, Row, partition

# The same accounts and declaration as rounds 16 to 23, and round 23's template helpers (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED
from platform_programs_awsred51 import CODES, REPLICA_HOME, _own_sub, _pick, _role, _stack, _with_function

SECOND_REGION = {**REPLICA_HOME, "DE": "eu-central-1"}
"""A second Region inside the jurisdiction (China's is cn-northwest-1, beside the table's cn-north-1); Germany has one
AWS Region, so a DE replica stays in eu-central-1."""
CUSTOMER_GATEWAY = "cgw-0a1b2c3d4e5f60718"
"""The branch office's customer gateway (made by the network stack) a VPN connection ends at."""
VPN_GATEWAY = "vgw-0a1b2c3d4e5f60718"
"""The team's virtual private gateway (made by the network stack)."""


def _partner_in(code: str, service: str, resource: str) -> str:
    """An ARN of the partner's account in the jurisdiction's second Region (only its account is foreign)."""
    return f"arn:{partition(code)}:{service}:{SECOND_REGION[code]}:{PARTNER}:{resource}"


def _group(logical_id: str, days: int = 90) -> dict[str, Any]:
    return {logical_id: {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": days}}}


def _arn_of(logical_id: str) -> dict[str, Any]:
    return {"Fn::GetAtt": [logical_id, "Arn"]}


# -- IoT Events (no pulumi-aws type) ----------------------------------------------------------------------------------


def detector_model(code: str, who: str) -> Build:
    # docs: AWS::IoTEvents::DetectorModel DetectorModelDefinition {InitialStateName, States [{StateName, OnInput
    # {Events [{EventName, Condition, Actions [{Sns {TargetArn}}]}]}}]}, RoleArn; AWS::IoTEvents::Input.
    topic = _pick(code, who, {"Ref": "Alerts"}, "sns", "boiler-alerts")
    return _stack("boiler-detector", {
        "Telemetry": {"Type": "AWS::IoTEvents::Input", "Properties": {"InputDefinition": {
            "Attributes": [{"JsonPath": "boilerId"}, {"JsonPath": "pressure"}]}}},
        "Detector": {"Type": "AWS::IoTEvents::DetectorModel", "Properties": {
            "Key": "boilerId", "RoleArn": {"Fn::GetAtt": ["DetectorRole", "Arn"]},
            "DetectorModelDefinition": {"InitialStateName": "normal", "States": [
                {"StateName": "normal", "OnInput": {"Events": [{
                    "EventName": "overpressure", "Condition": "$input.Telemetry.pressure > 12",
                    "Actions": [{"Sns": {"TargetArn": topic}}]}]}}]}}},
        "Alerts": {"Type": "AWS::SNS::Topic", "Properties": {}},
        "DetectorRole": _role("iotevents.amazonaws.com"),
    })  # fmt: skip


def alarm_model(code: str, who: str) -> Build:
    # docs: AWS::IoTEvents::AlarmModel AlarmRule {SimpleRule {InputProperty, ComparisonOperator, Threshold}},
    # AlarmEventActions {AlarmActions [{Lambda {FunctionArn}}]}, RoleArn.
    function = _pick(code, who, {"Fn::GetAtt": ["Function", "Arn"]}, "lambda", "function:page-on-call")
    return _stack("pressure-alarm", _with_function({
        "Alarm": {"Type": "AWS::IoTEvents::AlarmModel", "Properties": {
            "RoleArn": {"Fn::GetAtt": ["AlarmRole", "Arn"]}, "Severity": 1,
            "AlarmRule": {"SimpleRule": {"InputProperty": "$input.Telemetry.pressure",
                                         "ComparisonOperator": "GREATER", "Threshold": "12"}},
            "AlarmEventActions": {"AlarmActions": [{"Lambda": {"FunctionArn": function}}]}}},
        "AlarmRole": _role("iotevents.amazonaws.com"),
    }, who))  # fmt: skip


# -- the template twins of written destinations ----------------------------------------------------------------------


def budget_topic(code: str, who: str) -> Build:
    # docs: AWS::Budgets::Budget Budget {BudgetType, TimeUnit, BudgetLimit}, NotificationsWithSubscribers
    # [{Notification {NotificationType, ComparisonOperator, Threshold}, Subscribers [{SubscriptionType, Address}]}].
    topic = _pick(code, who, {"Ref": "CostAlerts"}, "sns", "cost-alerts")
    return _stack("monthly-budget", {
        "Budget": {"Type": "AWS::Budgets::Budget", "Properties": {
            "Budget": {"BudgetType": "COST", "TimeUnit": "MONTHLY", "BudgetLimit": {"Amount": 5000, "Unit": "USD"}},
            "NotificationsWithSubscribers": [{
                "Notification": {"NotificationType": "ACTUAL", "ComparisonOperator": "GREATER_THAN", "Threshold": 80},
                "Subscribers": [{"SubscriptionType": "SNS", "Address": topic},
                                {"SubscriptionType": "EMAIL", "Address": "finops@example.com"}]}]}},
        "CostAlerts": {"Type": "AWS::SNS::Topic", "Properties": {}},
    })  # fmt: skip


def search_logs(code: str, who: str) -> Build:
    # docs: AWS::OpenSearchService::Domain EngineVersion, LogPublishingOptions {<log type>: {CloudWatchLogsLogGroupArn,
    # Enabled}} (a map keyed by INDEX_SLOW_LOGS | SEARCH_SLOW_LOGS | ES_APPLICATION_LOGS | AUDIT_LOGS).
    group = _pick(code, who, _arn_of("SlowLogs"), "logs", "log-group:/aws/opensearch/claims/slow")
    return _stack("claims-search", {
        "Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {
            "EngineVersion": "OpenSearch_2.11", "LogPublishingOptions": {
                "INDEX_SLOW_LOGS": {"CloudWatchLogsLogGroupArn": group, "Enabled": True},
                "SEARCH_SLOW_LOGS": {"CloudWatchLogsLogGroupArn": group, "Enabled": True}}}},
        **_group("SlowLogs", 30),
    })  # fmt: skip


def vpn_tunnel_logs(code: str, who: str) -> Build:
    # docs: AWS::EC2::VPNConnection Type, CustomerGatewayId, VpnGatewayId, StaticRoutesOnly,
    # VpnTunnelOptionsSpecifications [{LogOptions {CloudwatchLogOptions {LogEnabled, LogGroupArn, LogOutputFormat}}}].
    group = _pick(code, who, _arn_of("TunnelLogs"), "logs", "log-group:vpn-tunnels")
    tunnel = {"LogOptions": {"CloudwatchLogOptions": {"LogEnabled": True, "LogGroupArn": group,
                                                      "LogOutputFormat": "json"}}}  # fmt: skip
    return _stack("branch-vpn", {
        "Vpn": {"Type": "AWS::EC2::VPNConnection", "Properties": {
            "Type": "ipsec.1", "CustomerGatewayId": CUSTOMER_GATEWAY, "VpnGatewayId": VPN_GATEWAY,
            "StaticRoutesOnly": True, "VpnTunnelOptionsSpecifications": [tunnel, tunnel]}},
        **_group("TunnelLogs"),
    })  # fmt: skip


def table_bucket_replication(code: str, who: str) -> Build:
    # docs: AWS::S3Tables::TableBucket TableBucketName, ReplicationConfiguration {Role, Rules [{Destinations
    # [{DestinationTableBucketArn}]}]}; the destination in the jurisdiction's second Region.
    region = SECOND_REGION[code]
    arn = f"arn:${{AWS::Partition}}:s3tables:{region}:${{AWS::AccountId}}:bucket/claims-tables-replica"
    destination = {"Fn::Sub": arn} if who == "own" else _partner_in(code, "s3tables", "bucket/claims-tables-replica")
    return _stack("claims-tables", {
        "Tables": {"Type": "AWS::S3Tables::TableBucket", "Properties": {
            "TableBucketName": "claims-tables", "ReplicationConfiguration": {
                "Role": {"Fn::GetAtt": ["ReplicationRole", "Arn"]},
                "Rules": [{"Destinations": [{"DestinationTableBucketArn": destination}]}]}}},
        "ReplicationRole": _role("replication.s3tables.amazonaws.com"),
    })  # fmt: skip


def file_share_audit(code: str, who: str) -> Build:
    # docs: AWS::StorageGateway::NFSFileShare GatewayARN, LocationARN, Role, AuditDestinationARN ("The Amazon Resource
    # Name (ARN) of the storage used for audit logs"); AWS::S3::Bucket (GetAtt Arn).
    group = _pick(code, who, _arn_of("ShareAudit"), "logs", "log-group:file-share-audit")
    gateway = _own_sub("storagegateway", "gateway/sgw-12A3456B")
    return _stack("scans-share", {
        "Share": {"Type": "AWS::StorageGateway::NFSFileShare", "Properties": {
            "GatewayARN": gateway, "LocationARN": {"Fn::GetAtt": ["Scans", "Arn"]},
            "Role": {"Fn::GetAtt": ["ShareRole", "Arn"]}, "AuditDestinationARN": group}},
        "Scans": {"Type": "AWS::S3::Bucket", "Properties": {}},
        "ShareRole": _role("storagegateway.amazonaws.com"),
        **_group("ShareAudit", 365),
    })  # fmt: skip


def lex_alias_logs(code: str, who: str) -> Build:
    # docs: AWS::Lex::BotAlias BotId, BotAliasName, BotVersion, ConversationLogSettings {TextLogSettings [{Enabled,
    # Destination {CloudWatch {CloudWatchLogGroupArn, LogPrefix}}}]}.
    group = _pick(code, who, _arn_of("Conversations"), "logs", "log-group:lex-conversations")
    return _stack("claims-bot-alias", {
        "Live": {"Type": "AWS::Lex::BotAlias", "Properties": {
            "BotId": "CLAIMSBOT1", "BotAliasName": "live", "BotVersion": "1", "ConversationLogSettings": {
                "TextLogSettings": [{"Enabled": True, "Destination": {"CloudWatch": {
                    "CloudWatchLogGroupArn": group, "LogPrefix": "live/"}}}]}}},
        **_group("Conversations", 30),
    })  # fmt: skip


def rekognition_results(code: str, who: str) -> Build:
    # docs: AWS::Rekognition::StreamProcessor RoleArn, KinesisVideoStream {Arn}, KinesisDataStream {Arn},
    # FaceSearchSettings {CollectionId}; AWS::Kinesis::Stream, AWS::KinesisVideo::Stream (GetAtt Arn).
    stream = _pick(code, who, _arn_of("Matches"), "kinesis", "stream/face-matches")
    return _stack("lobby-faces", {
        "Processor": {"Type": "AWS::Rekognition::StreamProcessor", "Properties": {
            "RoleArn": {"Fn::GetAtt": ["ProcessorRole", "Arn"]}, "KinesisVideoStream": {"Arn": _arn_of("Lobby")},
            "KinesisDataStream": {"Arn": stream}, "FaceSearchSettings": {"CollectionId": "staff"}}},
        "Lobby": {"Type": "AWS::KinesisVideo::Stream", "Properties": {"DataRetentionInHours": 24}},
        "Matches": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
        "ProcessorRole": _role("rekognition.amazonaws.com"),
    })  # fmt: skip


def pipe_enrichment(code: str, who: str) -> Build:
    # docs: AWS::Pipes::Pipe RoleArn, Source, Enrichment ("The ARN of the enrichment resource"), Target.
    function = _pick(code, who, {"Fn::GetAtt": ["Function", "Arn"]}, "lambda", "function:claims-enrich")
    return _stack("claims-pipe", _with_function({
        "Pipe": {"Type": "AWS::Pipes::Pipe", "Properties": {
            "RoleArn": {"Fn::GetAtt": ["PipeRole", "Arn"]}, "Source": _arn_of("Incoming"),
            "Enrichment": function, "Target": _arn_of("Enriched")}},
        "Incoming": {"Type": "AWS::SQS::Queue", "Properties": {}},
        "Enriched": {"Type": "AWS::SQS::Queue", "Properties": {}},
        "PipeRole": _role("pipes.amazonaws.com"),
    }, who))  # fmt: skip


# -- a Pulumi input: a Rekognition stream processor's result stream ---------------------------------------------------


def stream_processor_output(code: str, who: str) -> Build:
    # docs: rekognition/streamprocessor — `input.kinesis_video_stream.arn`, `output.kinesis_data_stream.arn`
    # ("Amazon Kinesis Data Streams stream to which the Amazon Rekognition stream processor streams the analysis
    # results"), `settings.face_search.collection_id`, `role_arn`.
    def build(c: Any) -> object:
        account = OWN_ACCOUNT if who == "own" else PARTNER
        arn = f"arn:{partition(code)}:kinesis:{HOME[code]}:{account}:stream/face-matches"
        video = f"arn:{partition(code)}:kinesisvideo:{HOME[code]}:{OWN_ACCOUNT}:stream/lobby/1700000000000"
        return aws.rekognition.StreamProcessor(
            "lobby-faces", name="lobby-faces", role_arn=f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/rekognition",
            input={"kinesis_video_stream": {"arn": video}}, output={"kinesis_data_stream": {"arn": arn}},
            settings={"face_search": {"collection_id": "staff"}}, opts=c.aws)  # fmt: skip

    return build


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "cfn-iotevents-detector": (detector_model, CODES),
    "cfn-iotevents-alarm": (alarm_model, CODES),
    "cfn-budget-topic": (budget_topic, CODES),
    "cfn-search-logs": (search_logs, CODES),
    "cfn-vpn-tunnel-logs": (vpn_tunnel_logs, CODES),
    "cfn-table-bucket-replication": (table_bucket_replication, CODES),
    "cfn-file-share-audit": (file_share_audit, CODES),
    "cfn-lex-alias-logs": (lex_alias_logs, CODES),
    "cfn-rekognition-results": (rekognition_results, ("EU", "US", "JP")),
    "cfn-pipe-enrichment": (pipe_enrichment, CODES),
    "stream-processor-output": (stream_processor_output, ("EU", "US", "JP")),
}
"""Kind -> (builder, jurisdictions). The stream processor kinds run in EU, US and JP only: whether Rekognition Video
stream processors are offered in Frankfurt or the China Regions was not checked."""


FINANCE_MAILBOX: dict[str, Any] = {
    "id": "finance-mailbox", "kind": "resident", "match": "example.com",
    "evidence": "the finance team's mail domain, hosted in the market (mail service contract)",
}  # fmt: skip
"""(awsred57, stop 57) The budget's e-mail subscriber (``finops@example.com``) declared: a template's budget
subscribers were read as SNS topics only, so the address passed there; since stop 57 it is RES-015 until declared,
as the Pulumi budget's ``subscriber_email_addresses`` (a recipient path). The programs declare it (the one-line fix
users apply) and keep their verdicts, which are about the SNS topic's account."""
MAILBOX_KINDS = {"cfn-budget-topic"}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred52-{code.lower()}-{kind}-{who}", code, make(code, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] * (who == "partner-declared") + [FINANCE_MAILBOX] * (kind in MAILBOX_KINDS))
        for kind, (make, codes) in KINDS.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip
