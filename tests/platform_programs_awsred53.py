"""AWS red team, round 25 (stop 53): a Lex V2 code hook and other accounts' destinations in types no entry mapped.

Round 25 probed, on the unchanged engine (main 45eea1d), the open item round 24 left (docs/residency.md, "AWS red team,
round 24 (stop 52)": a Lex V2 bot alias's code-hook function) and the CloudFormation twins of the remaining Pulumi types
with a ``written_account_fields`` entry, as one-resource templates in a ``cloudformation.Stack`` with another account's
ARN in the stack's own Region: a Lex V2 alias's and a Lex V2 bot's test-alias code-hook function, a DevOps Guru
notification channel's topic, a Lambda function's dead-letter queue, an SES configuration set's event stream, an FIS
experiment template's log group, an AppConfig extension's action, a Kinesis Data Analytics application output's stream,
an event bus's dead-letter queue and an Image Builder infrastructure configuration's topic all **passed every door**
(only the ARN's Region was read, as template text) while the Pulumi twin, where one exists, was RES-023. And three
Pulumi inputs passed: a Lex intent's code hook (``fulfillment_activity.code_hook.uri``), a Bedrock agent action group's
executor (``action_group_executor.lambda``) and an event bus's ``dead_letter_config.arn``. They are refused now (RES-023
until pinned or declared).

``who``: ``own`` (the template's own resource by ``Ref`` / ``Fn::GetAtt``, the stack's account by
``${AWS::AccountId}``, or the pinned account in Pulumi: passes), ``partner`` (another account's ARN: refused outside
CN), ``partner-declared`` (that account declared: passes). aws-cn lies wholly in CN: every account there is China's.
tests/test_realistic_programs.py runs them as CASES (``awsred53-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, WHO, Build, Row, partition

# The same accounts and declaration as rounds 16 to 24, and round 23's template helpers (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED
from platform_programs_awsred51 import CODES, _own_sub, _pick, _role, _stack, _with_function


def _arn_of(logical_id: str) -> dict[str, Any]:
    return {"Fn::GetAtt": [logical_id, "Arn"]}


def _function_of(code: str, who: str, name: str) -> Any:
    """The template's own function (``own``), else the partner's of that name."""
    return _pick(code, who, _arn_of("Function"), "lambda", f"function:{name}")


# -- Lex V2 code hooks (no pulumi-aws Lex V2 alias) -------------------------------------------------------------------


def _locale(function: Any) -> list[dict[str, Any]]:
    # docs: AWS::Lex::BotAlias BotAliasLocaleSettingsItem {LocaleId, BotAliasLocaleSetting {Enabled,
    # CodeHookSpecification {LambdaCodeHook {CodeHookInterfaceVersion, LambdaArn}}}}.
    hook = {"LambdaCodeHook": {"CodeHookInterfaceVersion": "1.0", "LambdaArn": function}}
    return [{"LocaleId": "en_GB", "BotAliasLocaleSetting": {"Enabled": True, "CodeHookSpecification": hook}}]


def lex_alias_code_hook(code: str, who: str) -> Build:
    # docs: AWS::Lex::BotAlias BotId, BotAliasName, BotVersion, BotAliasLocaleSettings; the function Lex calls to
    # validate and fulfil each turn of the conversation.
    return _stack("claims-bot-live", _with_function({
        "Live": {"Type": "AWS::Lex::BotAlias", "Properties": {
            "BotId": "CLAIMSBOT1", "BotAliasName": "live", "BotVersion": "1",
            "BotAliasLocaleSettings": _locale(_function_of(code, who, "claims-fulfilment"))}},
    }, who))  # fmt: skip


def lex_bot_test_alias(code: str, who: str) -> Build:
    # docs: AWS::Lex::Bot Name, RoleArn, DataPrivacy, IdleSessionTTLInSeconds, BotLocales, TestBotAliasSettings
    # {BotAliasLocaleSettings, ConversationLogSettings} (the built-in test alias TSTALIASID).
    return _stack("claims-bot", _with_function({
        "Bot": {"Type": "AWS::Lex::Bot", "Properties": {
            "Name": "claims", "RoleArn": _arn_of("BotRole"), "DataPrivacy": {"ChildDirected": False},
            "IdleSessionTTLInSeconds": 300, "AutoBuildBotLocales": True,
            "BotLocales": [{"LocaleId": "en_GB", "NluConfidenceThreshold": 0.4, "Intents": [
                {"Name": "FallbackIntent", "ParentIntentSignature": "AMAZON.FallbackIntent"}]}],
            "TestBotAliasSettings": {"BotAliasLocaleSettings": _locale(_function_of(code, who, "claims-test"))}}},
        "BotRole": _role("lexv2.amazonaws.com"),
    }, who))  # fmt: skip


# -- template twins of written destinations ---------------------------------------------------------------------------


def devops_guru_topic(code: str, who: str) -> Build:
    # docs: AWS::DevOpsGuru::NotificationChannel Config {Sns {TopicArn}, Filters {Severities, MessageTypes}} ("If you
    # use an Amazon SNS topic in another account, you must attach a policy to it that grants DevOps Guru permission").
    topic = _pick(code, who, {"Ref": "Insights"}, "sns", "devops-insights")
    return _stack("devops-insights", {
        "Channel": {"Type": "AWS::DevOpsGuru::NotificationChannel", "Properties": {"Config": {
            "Sns": {"TopicArn": topic}, "Filters": {"Severities": ["HIGH", "MEDIUM"]}}}},
        "Insights": {"Type": "AWS::SNS::Topic", "Properties": {}},
    })  # fmt: skip


def function_dead_letters(code: str, who: str) -> Build:
    # docs: AWS::Lambda::Function DeadLetterConfig {TargetArn} ("The Amazon Resource Name (ARN) of an Amazon SQS queue
    # or Amazon SNS topic"); the events of asynchronous invocations that failed.
    queue = _pick(code, who, _arn_of("Failed"), "sqs", "claims-failed")
    return _stack("claims-worker", {
        "Worker": {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "Role": _arn_of("WorkerRole"),
            "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
            "DeadLetterConfig": {"TargetArn": queue}}},
        "Failed": {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600}},
        "WorkerRole": _role("lambda.amazonaws.com"),
    })  # fmt: skip


def ses_event_stream(code: str, who: str) -> Build:
    # docs: AWS::SES::ConfigurationSet Name; AWS::SES::ConfigurationSetEventDestination ConfigurationSetName,
    # EventDestination {Enabled, MatchingEventTypes, KinesisFirehoseDestination {DeliveryStreamARN, IAMRoleARN}}.
    name = "deliverystream/mail-events"
    stream = _pick(code, who, _own_sub("firehose", name), "firehose", name)
    return _stack("mail-events", {
        "Mail": {"Type": "AWS::SES::ConfigurationSet", "Properties": {"Name": "claims-mail"}},
        "Events": {"Type": "AWS::SES::ConfigurationSetEventDestination", "Properties": {
            "ConfigurationSetName": {"Ref": "Mail"}, "EventDestination": {
                "Enabled": True, "MatchingEventTypes": ["send", "delivery", "bounce", "complaint"],
                "KinesisFirehoseDestination": {"DeliveryStreamARN": stream,
                                               "IAMRoleARN": _arn_of("EventsRole")}}}},
        "EventsRole": _role("ses.amazonaws.com"),
    })  # fmt: skip


def fis_logs(code: str, who: str) -> Build:
    # docs: AWS::FIS::ExperimentTemplate Description, RoleArn, Targets, Actions, StopConditions, LogConfiguration
    # {LogSchemaVersion, CloudWatchLogsConfiguration {LogGroupArn}}.
    group = _pick(code, who, _arn_of("Experiments"), "logs", "log-group:fis-experiments")
    return _stack("az-drill", {
        "Drill": {"Type": "AWS::FIS::ExperimentTemplate", "Properties": {
            "Description": "stop one instance of the claims service", "RoleArn": _arn_of("DrillRole"),
            "Targets": {"claims": {"ResourceType": "aws:ec2:instance", "SelectionMode": "COUNT(1)",
                                   "ResourceTags": {"service": "claims"}}},
            "Actions": {"stop": {"ActionId": "aws:ec2:stop-instances", "Targets": {"Instances": "claims"}}},
            "StopConditions": [{"Source": "none"}], "Tags": {"Name": "az-drill"},
            "LogConfiguration": {"LogSchemaVersion": 2, "CloudWatchLogsConfiguration": {"LogGroupArn": group}}}},
        "Experiments": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 90}},
        "DrillRole": _role("fis.amazonaws.com"),
    })  # fmt: skip


def appconfig_extension(code: str, who: str) -> Build:
    # docs: AWS::AppConfig::Extension Name, Actions {<action point>: [{Name, Uri, RoleArn}]} (Uri "an Amazon Resource
    # Name (ARN) for one of the following: an AWS Lambda function, an Amazon Simple Queue Service queue, ..."),
    # Parameters.
    return _stack("config-guard", _with_function({
        "Guard": {"Type": "AWS::AppConfig::Extension", "Properties": {
            "Name": "validate-before-deploy", "Actions": {"PRE_START_DEPLOYMENT": [{
                "Name": "validate", "Uri": _function_of(code, who, "config-validator"),
                "RoleArn": _arn_of("ExtensionRole")}]}}},
        "ExtensionRole": _role("appconfig.amazonaws.com"),
    }, who))  # fmt: skip


def analytics_output(code: str, who: str) -> Build:
    # docs: AWS::KinesisAnalyticsV2::Application RuntimeEnvironment SQL-1_0; AWS::KinesisAnalyticsV2::ApplicationOutput
    # ApplicationName, Output {Name, DestinationSchema {RecordFormatType}, KinesisStreamsOutput {ResourceARN}}.
    stream = _pick(code, who, _arn_of("Alerts"), "kinesis", "stream/pressure-alerts")
    return _stack("pressure-analytics", {
        "App": {"Type": "AWS::KinesisAnalyticsV2::Application", "Properties": {
            "RuntimeEnvironment": "SQL-1_0", "ServiceExecutionRole": _arn_of("AppRole")}},
        "AppOutput": {"Type": "AWS::KinesisAnalyticsV2::ApplicationOutput", "Properties": {
            "ApplicationName": {"Ref": "App"}, "Output": {
                "Name": "DESTINATION_SQL_STREAM", "DestinationSchema": {"RecordFormatType": "JSON"},
                "KinesisStreamsOutput": {"ResourceARN": stream}}}},
        "Alerts": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
        "AppRole": _role("kinesisanalytics.amazonaws.com"),
    })  # fmt: skip


def image_builder_topic(code: str, who: str) -> Build:
    # docs: AWS::ImageBuilder::InfrastructureConfiguration Name, InstanceProfileName, InstanceTypes, SnsTopicArn ("The
    # Amazon Resource Name (ARN) for the SNS topic to which we send image build event notifications").
    topic = _pick(code, who, {"Ref": "Builds"}, "sns", "image-builds")
    return _stack("golden-image-infra", {
        "Infra": {"Type": "AWS::ImageBuilder::InfrastructureConfiguration", "Properties": {
            "Name": "golden-image", "InstanceProfileName": "image-builder", "InstanceTypes": ["m7i.large"],
            "SnsTopicArn": topic}},
        "Builds": {"Type": "AWS::SNS::Topic", "Properties": {}},
    })  # fmt: skip


def bus_dead_letters_template(code: str, who: str) -> Build:
    # docs: AWS::Events::EventBus Name, DeadLetterConfig {Arn}.
    queue = _pick(code, who, _arn_of("Undelivered"), "sqs", "claims-bus-dlq")
    return _stack("claims-bus", {
        "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "claims", "DeadLetterConfig": {"Arn": queue}}},
        "Undelivered": {"Type": "AWS::SQS::Queue", "Properties": {}},
    })  # fmt: skip


# -- Pulumi inputs ----------------------------------------------------------------------------------------------------


def _account(who: str) -> str:
    return OWN_ACCOUNT if who == "own" else PARTNER


def lex_intent_code_hook(code: str, who: str) -> Build:
    # docs: lex/intent — `fulfillment_activity` {type CodeHook, code_hook {message_version, uri}} ("The Amazon Resource
    # Name (ARN) of the Lambda function"), `sample_utterances`.
    def build(c: Any) -> object:
        function = f"arn:{partition(code)}:lambda:{HOME[code]}:{_account(who)}:function:claims-fulfilment"
        return aws.lex.Intent(
            "file-claim", name="FileClaim", sample_utterances=["I want to file a claim", "report damage"],
            fulfillment_activity={"type": "CodeHook", "code_hook": {"message_version": "1.0", "uri": function}},
            opts=c.aws)  # fmt: skip

    return build


def bedrock_action_group(code: str, who: str) -> Build:
    # docs: bedrock/agentagentactiongroup — `agent_id`, `agent_version`, `action_group_name`, `action_group_executor`
    # {lambda} ("ARN of the Lambda function containing the business logic that is carried out upon invoking the
    # action"), `function_schema`.
    def build(c: Any) -> object:
        function = f"arn:{partition(code)}:lambda:{HOME[code]}:{_account(who)}:function:claims-lookup"
        schema: aws.bedrock.AgentAgentActionGroupFunctionSchemaArgsDict = {"member_functions": {"functions": [{
                  "name": "get_claim", "description": "A claim's status",
                  "parameters": [{"map_block_key": "claim_id", "type": "string", "required": True}]}]}}  # fmt: skip
        return aws.bedrock.AgentAgentActionGroup(
            "claims-lookup", agent_id="AGENT12345", agent_version="DRAFT", action_group_name="claims-lookup",
            action_group_executor={"lambda_": function}, function_schema=schema, opts=c.aws)  # fmt: skip

    return build


def bus_dead_letters(code: str, who: str) -> Build:
    # docs: cloudwatch/eventbus — `name`, `dead_letter_config` {arn} ("The ARN of the SQS queue specified as the target
    # for the dead-letter queue").
    def build(c: Any) -> object:
        queue = f"arn:{partition(code)}:sqs:{HOME[code]}:{_account(who)}:claims-bus-dlq"
        return aws.cloudwatch.EventBus("claims", name="claims", dead_letter_config={"arn": queue}, opts=c.aws)

    return build


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "cfn-lex-alias-code-hook": (lex_alias_code_hook, CODES),
    "cfn-lex-bot-test-alias": (lex_bot_test_alias, CODES),
    "cfn-devops-guru-topic": (devops_guru_topic, CODES),
    "cfn-function-dead-letters": (function_dead_letters, CODES),
    "cfn-ses-event-stream": (ses_event_stream, CODES),
    "cfn-fis-logs": (fis_logs, CODES),
    "cfn-appconfig-extension": (appconfig_extension, CODES),
    "cfn-analytics-output": (analytics_output, CODES),
    "cfn-image-builder-topic": (image_builder_topic, CODES),
    "cfn-bus-dead-letters": (bus_dead_letters_template, CODES),
    "lex-intent-code-hook": (lex_intent_code_hook, ("EU", "US")),
    "bedrock-action-group": (bedrock_action_group, ("EU", "US", "JP")),
    "bus-dead-letters": (bus_dead_letters, CODES),
}
"""Kind -> (builder, jurisdictions). Lex (V1) intents run in EU and US only (V1 is offered in few Regions; no V1 in
Frankfurt or Tokyo was checked), Bedrock agents in EU, US and JP (Bedrock Agents in the China Regions was not
checked). The template kinds run everywhere (aws-cn: services placed there are judged for residency, not availability,
docs/residency-open.md)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred53-{code.lower()}-{kind}-{who}", code, make(code, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] if who == "partner-declared" else [])
        for kind, (make, codes) in KINDS.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip
