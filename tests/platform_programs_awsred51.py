"""AWS red team, round 23 (stop 51): another account's destinations written in a CloudFormation template.

Round 23 probed, on the unchanged engine (main 54b9529), the lead's candidates (docs/residency.md, "AWS red team, round
23 (stop 51)") as one-value subjects, then the CloudFormation twin of every Pulumi input the engine judges as a written
destination (``written_account_fields``) that no ``stack_templates`` entry mapped. The template twins passed every door
with another account's ARN in the jurisdiction's own Region (only the ARN's Region was read, as template text) while
the Pulumi twin was RES-023: a metric stream's Firehose stream, a VPC flow log's log group, a trail's log group, a
backup plan's copy action, a Config delivery channel's topic, a secret's rotation function, an IoT rule's function, a
Glue crawler's dead-letter queue, an Auto Scaling lifecycle hook's queue, an RDS event subscription's topic, a DynamoDB
table's Kinesis stream, a Firehose stream's OpenSearch domain and an AppSync data source's function (and the other
types the stop-51 section lists, unit-tested in tests/test_rules.py). They are refused now (RES-023 until pinned
or declared), as their Pulumi twins are; and a DynamoDB table replica joining another account's global table (a
Pulumi input) likewise.

``who``: ``own`` (the template's own resource by ``Ref`` / ``Fn::GetAtt``, or the stack's account by
``${AWS::AccountId}``: passes), ``partner`` (another account's ARN: refused outside CN), ``partner-declared`` (that
account declared: passes). aws-cn lies wholly in CN: every account there is China's. tests/test_realistic_programs.py
runs them as CASES (``awsred51-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, WHO, Build, Row, partition, trust_policy

# The same accounts and declaration as rounds 16 to 22 (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED

CODES = ("EU", "DE", "US", "JP", "CN")
"""Every jurisdiction: CloudFormation and each service below are offered in the China Regions too."""
REPLICA_HOME = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""The Region of the global table a replica in the stack's Region joins, inside the jurisdiction; Germany has one AWS
Region (eu-central-1), so a DE stack holds no two replicas at home: the replica kind runs in EU, US, JP and CN."""
VPC = "vpc-0a1b2c3d4e5f60718"
"""The team's VPC (made by the network stack) whose traffic a flow log records."""


def _partner_arn(code: str, service: str, resource: str) -> str:
    """An ARN of the partner's account in the jurisdiction's own Region (only its account is foreign)."""
    return f"arn:{partition(code)}:{service}:{HOME[code]}:{PARTNER}:{resource}"


def _own_sub(service: str, resource: str) -> dict[str, str]:
    """The stack's own account's resource of that name, written with CloudFormation's pseudo parameters."""
    return {"Fn::Sub": f"arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{resource}"}


def _stack(name: str, resources: dict[str, Any]) -> Build:
    # docs: cloudformation/stack — `template_body`.
    def build(c: Any) -> object:
        body = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources})
        return aws.cloudformation.Stack(name, name=name, template_body=body, capabilities=["CAPABILITY_IAM"],
                                        opts=c.aws)  # fmt: skip

    return build


def _role(service: str) -> dict[str, Any]:
    return {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": json.loads(trust_policy(service))}}


def _function() -> dict[str, Any]:
    return {"Type": "AWS::Lambda::Function", "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["FunctionRole", "Arn"]},
        "Code": {"ZipFile": "def handler(event, context):\n    return event\n"}}}  # fmt: skip


def _with_function(resources: dict[str, Any], who: str) -> dict[str, Any]:
    """The template's own function (and its role) when ``who`` is ``own``."""
    if who == "own":
        resources |= {"Function": _function(), "FunctionRole": _role("lambda.amazonaws.com")}
    return resources


def _pick(code: str, who: str, own: Any, service: str, resource: str) -> Any:
    return own if who == "own" else _partner_arn(code, service, resource)


# -- each kind: one template resource writing to a destination by ARN -------------------------------------------------


def metric_stream(code: str, who: str) -> Build:
    # docs: AWS::CloudWatch::MetricStream FirehoseArn, RoleArn, OutputFormat.
    stream = _pick(code, who, _own_sub("firehose", "deliverystream/metrics"), "firehose", "deliverystream/metrics")
    return _stack("metric-stream", {
        "Stream": {"Type": "AWS::CloudWatch::MetricStream", "Properties": {
            "OutputFormat": "json", "FirehoseArn": stream, "RoleArn": {"Fn::GetAtt": ["StreamRole", "Arn"]}}},
        "StreamRole": _role("streams.metrics.cloudwatch.amazonaws.com"),
    })  # fmt: skip


def flow_log(code: str, who: str) -> Build:
    # docs: AWS::EC2::FlowLog ResourceId, ResourceType, TrafficType, LogDestinationType, LogDestination,
    # DeliverLogsPermissionArn; AWS::Logs::LogGroup (GetAtt Arn).
    group = _pick(code, who, {"Fn::GetAtt": ["FlowLogs", "Arn"]}, "logs", "log-group:vpc-flow-logs")
    return _stack("vpc-flow-logs", {
        "FlowLog": {"Type": "AWS::EC2::FlowLog", "Properties": {
            "ResourceId": VPC, "ResourceType": "VPC", "TrafficType": "ALL", "LogDestinationType": "cloud-watch-logs",
            "LogDestination": group, "DeliverLogsPermissionArn": {"Fn::GetAtt": ["FlowLogRole", "Arn"]}}},
        "FlowLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 90}},
        "FlowLogRole": _role("vpc-flow-logs.amazonaws.com"),
    })  # fmt: skip


def trail_logs(code: str, who: str) -> Build:
    # docs: AWS::CloudTrail::Trail IsLogging, S3BucketName, CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn.
    group = _pick(code, who, {"Fn::GetAtt": ["TrailLogs", "Arn"]}, "logs", "log-group:cloudtrail:*")
    return _stack("audit-trail", {
        "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {
            "IsLogging": True, "S3BucketName": {"Ref": "TrailBucket"}, "CloudWatchLogsLogGroupArn": group,
            "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["TrailRole", "Arn"]}}},
        "TrailBucket": {"Type": "AWS::S3::Bucket", "Properties": {}},
        "TrailLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
        "TrailRole": _role("cloudtrail.amazonaws.com"),
    })  # fmt: skip


def backup_copy(code: str, who: str) -> Build:
    # docs: AWS::Backup::BackupPlan BackupPlan {BackupPlanName, BackupPlanRule [{RuleName, TargetBackupVault,
    # ScheduleExpression, CopyActions [{DestinationBackupVaultArn}]}]}; AWS::Backup::BackupVault (GetAtt
    # BackupVaultArn).
    vault = _pick(code, who, {"Fn::GetAtt": ["CopyVault", "BackupVaultArn"]}, "backup", "backup-vault:claims-copies")
    return _stack("claims-backup", {
        "Plan": {"Type": "AWS::Backup::BackupPlan", "Properties": {"BackupPlan": {
            "BackupPlanName": "claims-daily", "BackupPlanRule": [{
                "RuleName": "daily", "TargetBackupVault": {"Ref": "Vault"}, "ScheduleExpression": "cron(0 3 * * ? *)",
                "CopyActions": [{"DestinationBackupVaultArn": vault}]}]}}},
        "Vault": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "claims"}},
        "CopyVault": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "claims-copies"}},
    })  # fmt: skip


def config_channel(code: str, who: str) -> Build:
    # docs: AWS::Config::DeliveryChannel S3BucketName, SnsTopicARN; AWS::SNS::Topic (Ref: its ARN).
    topic = _pick(code, who, {"Ref": "ConfigTopic"}, "sns", "config-changes")
    return _stack("config-delivery", {
        "Channel": {"Type": "AWS::Config::DeliveryChannel", "Properties": {
            "S3BucketName": {"Ref": "ConfigBucket"}, "SnsTopicARN": topic}},
        "ConfigBucket": {"Type": "AWS::S3::Bucket", "Properties": {}},
        "ConfigTopic": {"Type": "AWS::SNS::Topic", "Properties": {}},
    })  # fmt: skip


def secret_rotation(code: str, who: str) -> Build:
    # docs: AWS::SecretsManager::RotationSchedule SecretId, RotationLambdaARN, RotationRules {AutomaticallyAfterDays};
    # the rotation function is handed the secret's value.
    rotator = _pick(code, who, {"Fn::GetAtt": ["Function", "Arn"]}, "lambda", "function:rotate-db-secret")
    return _stack("db-secret", _with_function({
        "Secret": {"Type": "AWS::SecretsManager::Secret", "Properties": {"GenerateSecretString": {}}},
        "Rotation": {"Type": "AWS::SecretsManager::RotationSchedule", "Properties": {
            "SecretId": {"Ref": "Secret"}, "RotationLambdaARN": rotator,
            "RotationRules": {"AutomaticallyAfterDays": 30}}},
    }, who))  # fmt: skip


def iot_rule(code: str, who: str) -> Build:
    # docs: AWS::IoT::TopicRule TopicRulePayload {Sql, AwsIotSqlVersion, RuleDisabled, Actions [{Lambda
    # {FunctionArn}}]}.
    function = _pick(code, who, {"Fn::GetAtt": ["Function", "Arn"]}, "lambda", "function:telemetry-ingest")
    return _stack("telemetry-rule", _with_function({
        "Rule": {"Type": "AWS::IoT::TopicRule", "Properties": {"TopicRulePayload": {
            "Sql": "SELECT * FROM 'fleet/+/telemetry'", "AwsIotSqlVersion": "2016-03-23", "RuleDisabled": False,
            "Actions": [{"Lambda": {"FunctionArn": function}}]}}},
    }, who))  # fmt: skip


def crawler_dlq(code: str, who: str) -> Build:
    # docs: AWS::Glue::Crawler Role, DatabaseName, Targets {CatalogTargets [{DatabaseName, Tables, EventQueueArn,
    # DlqEventQueueArn}]}, RecrawlPolicy; AWS::SQS::Queue (GetAtt Arn).
    dlq = _pick(code, who, {"Fn::GetAtt": ["CrawlDlq", "Arn"]}, "sqs", "claims-crawl-dlq")
    return _stack("claims-crawler", {
        "Crawler": {"Type": "AWS::Glue::Crawler", "Properties": {
            "Role": {"Fn::GetAtt": ["CrawlerRole", "Arn"]}, "DatabaseName": "claims",
            "RecrawlPolicy": {"RecrawlBehavior": "CRAWL_EVENT_MODE"},
            "Targets": {"CatalogTargets": [{"DatabaseName": "claims", "Tables": ["landing"],
                                            "EventQueueArn": {"Fn::GetAtt": ["CrawlEvents", "Arn"]},
                                            "DlqEventQueueArn": dlq}]}}},
        "CrawlEvents": {"Type": "AWS::SQS::Queue", "Properties": {}},
        "CrawlDlq": {"Type": "AWS::SQS::Queue", "Properties": {}},
        "CrawlerRole": _role("glue.amazonaws.com"),
    })  # fmt: skip


def lifecycle_hook(code: str, who: str) -> Build:
    # docs: AWS::AutoScaling::LifecycleHook AutoScalingGroupName, LifecycleTransition, NotificationTargetARN, RoleARN,
    # HeartbeatTimeout.
    queue = _pick(code, who, {"Fn::GetAtt": ["Drain", "Arn"]}, "sqs", "web-drain")
    return _stack("web-drain-hook", {
        "Hook": {"Type": "AWS::AutoScaling::LifecycleHook", "Properties": {
            "AutoScalingGroupName": "web", "LifecycleTransition": "autoscaling:EC2_INSTANCE_TERMINATING",
            "NotificationTargetARN": queue, "RoleARN": {"Fn::GetAtt": ["HookRole", "Arn"]}, "HeartbeatTimeout": 300}},
        "Drain": {"Type": "AWS::SQS::Queue", "Properties": {}},
        "HookRole": _role("autoscaling.amazonaws.com"),
    })  # fmt: skip


def rds_events(code: str, who: str) -> Build:
    # docs: AWS::RDS::EventSubscription SnsTopicArn, SourceType, EventCategories, Enabled.
    topic = _pick(code, who, {"Ref": "DbEvents"}, "sns", "db-events")
    return _stack("db-events", {
        "Subscription": {"Type": "AWS::RDS::EventSubscription", "Properties": {
            "SnsTopicArn": topic, "SourceType": "db-instance", "EventCategories": ["failure", "maintenance"],
            "Enabled": True}},
        "DbEvents": {"Type": "AWS::SNS::Topic", "Properties": {}},
    })  # fmt: skip


def table_stream(code: str, who: str) -> Build:
    # docs: AWS::DynamoDB::Table KinesisStreamSpecification {StreamArn} (every item change streamed);
    # AWS::Kinesis::Stream (GetAtt Arn).
    stream = _pick(code, who, {"Fn::GetAtt": ["Changes", "Arn"]}, "kinesis", "stream/order-changes")
    return _stack("orders-table", {
        "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {
            "BillingMode": "PAY_PER_REQUEST", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KinesisStreamSpecification": {"StreamArn": stream}}},
        "Changes": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
    })  # fmt: skip


def firehose_search(code: str, who: str) -> Build:
    # docs: AWS::KinesisFirehose::DeliveryStream AmazonopensearchserviceDestinationConfiguration {DomainARN, IndexName,
    # RoleARN, S3Configuration {BucketARN, RoleARN}}; AWS::OpenSearchService::Domain (GetAtt Arn).
    domain = _pick(code, who, {"Fn::GetAtt": ["Search", "Arn"]}, "es", "domain/claims-search")
    resources: dict[str, Any] = {
        "Delivery": {"Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": {
            "DeliveryStreamType": "DirectPut", "AmazonopensearchserviceDestinationConfiguration": {
                "DomainARN": domain, "IndexName": "claims", "RoleARN": {"Fn::GetAtt": ["DeliveryRole", "Arn"]},
                "S3Configuration": {"BucketARN": {"Fn::GetAtt": ["Backup", "Arn"]},
                                    "RoleARN": {"Fn::GetAtt": ["DeliveryRole", "Arn"]}}}}},
        "Backup": {"Type": "AWS::S3::Bucket", "Properties": {}},
        "DeliveryRole": _role("firehose.amazonaws.com"),
    }  # fmt: skip
    if who == "own":
        resources["Search"] = {"Type": "AWS::OpenSearchService::Domain",
                               "Properties": {"EngineVersion": "OpenSearch_2.11"}}  # fmt: skip
    return _stack("claims-search-delivery", resources)


def appsync_lambda(code: str, who: str) -> Build:
    # docs: AWS::AppSync::DataSource ApiId, Name, Type AWS_LAMBDA, LambdaConfig {LambdaFunctionArn},
    # ServiceRoleArn; AWS::AppSync::GraphQLApi (GetAtt ApiId).
    function = _pick(code, who, {"Fn::GetAtt": ["Function", "Arn"]}, "lambda", "function:claims-resolver")
    return _stack("claims-graphql", _with_function({
        "Api": {"Type": "AWS::AppSync::GraphQLApi", "Properties": {"Name": "claims", "AuthenticationType": "AWS_IAM"}},
        "Resolver": {"Type": "AWS::AppSync::DataSource", "Properties": {
            "ApiId": {"Fn::GetAtt": ["Api", "ApiId"]}, "Name": "claims", "Type": "AWS_LAMBDA",
            "LambdaConfig": {"LambdaFunctionArn": function},
            "ServiceRoleArn": {"Fn::GetAtt": ["SourceRole", "Arn"]}}},
        "SourceRole": _role("appsync.amazonaws.com"),
    }, who))  # fmt: skip


# -- a Pulumi input: a DynamoDB table replica joining a global table -------------------------------------------------


def table_replica(code: str, who: str) -> Build:
    # docs: dynamodb/tablereplica — `global_table_arn` "ARN of the _main_ or global table which this resource will
    # replicate" (the replica is made in the provider's Region, the table lives in another).
    def build(c: Any) -> object:
        account = OWN_ACCOUNT if who == "own" else PARTNER
        table = f"arn:{partition(code)}:dynamodb:{REPLICA_HOME[code]}:{account}:table/orders"
        return aws.dynamodb.TableReplica("orders-replica", global_table_arn=table, opts=c.aws)

    return build


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "cfn-metric-stream": (metric_stream, CODES),
    "cfn-flow-log": (flow_log, CODES),
    "cfn-trail-logs": (trail_logs, CODES),
    "cfn-backup-copy": (backup_copy, CODES),
    "cfn-config-channel": (config_channel, CODES),
    "cfn-secret-rotation": (secret_rotation, CODES),
    "cfn-iot-rule": (iot_rule, CODES),
    "cfn-crawler-dlq": (crawler_dlq, CODES),
    "cfn-lifecycle-hook": (lifecycle_hook, CODES),
    "cfn-rds-events": (rds_events, CODES),
    "cfn-table-stream": (table_stream, CODES),
    "cfn-firehose-search": (firehose_search, CODES),
    "cfn-appsync-lambda": (appsync_lambda, ("EU", "DE", "US", "JP")),
    "table-replica": (table_replica, ("EU", "US", "JP", "CN")),
}
"""Kind -> (builder, jurisdictions); AppSync's China availability was not checked (EU, DE, US, JP)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred51-{code.lower()}-{kind}-{who}", code, make(code, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] if who == "partner-declared" else [])
        for kind, (make, codes) in KINDS.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip
