"""AWS red team, round 21 (stop 49): topics, functions, streams and log destinations of another account.

Round 21 started from what round 20 and the SAM / CloudFormation round of stop 48 left open (event source mappings'
on-failure destinations, CloudWatch Logs resource policies and log deliveries, ``lambda_.Permission.source_arn`` of
a secret, receipt rule, Config rule, broker or Lex bot, function URLs and API domain names, EventBridge global
endpoints: each already judged, or no leak; docs/residency.md) and then probed every input of pulumi-aws v7 whose name
says it names a destination (about 5,800 input paths, one-value subjects on the unchanged engine, main 3b6f8c1).
These programs passed every door before and are refused now (RES-023 until pinned or declared): the stack hands its
data to a resource named by an ARN of another account in the jurisdiction's own Region (a foreign Region was RES-004
before, by the ARN):

- an SES receipt rule's Lambda action topic (the message's headers), a CodeDeploy deployment group's trigger topic;
- an AWS Config custom Lambda rule's function (every configuration item), a Secrets Manager rotation function (the
  secret's values), an IoT custom authorizer's function (each device's token), a Kendra enrichment hook (each
  document);
- an AgentCore memory's record stream (the memory records);
- an EventBridge pipe's Firehose log destination (payloads, with execution data), a Storage Gateway file share's audit
  log group, a Site-to-Site VPN tunnel's log group.

``who``: ``own`` (the stack makes it with the table's provider, which pins the team's account: passes), ``partner``
(another's: refused outside CN), ``partner-declared`` (declared: passes). aws-cn lies wholly in CN: every account
there is China's. The verdicts are in docs/residency.md, "AWS red team, round 21 (stop 49)".
tests/test_realistic_programs.py runs them as CASES (``awsred49-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import (
    WHO,
    Build,
    Row,
    lambda_function,
    partition,
    partner_arn,
    trust_policy,
    unpinned,
    unpinned_rows,
)

# The same accounts and declaration as rounds 16 to 20 (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED

FOUR = ("EU", "DE", "US", "JP")
"""The jurisdictions outside CN every kind runs in."""
WITH_CN = (*FOUR, "CN")
"""The same and CN, for services the China Regions offer (CodeDeploy, Config, Secrets Manager, IoT Core, Storage
Gateway, Site-to-Site VPN)."""


def _partner_arn(code: str, service: str, resource: str) -> str:
    """An ARN of the partner's account in the jurisdiction's own Region (only its account is foreign)."""
    return f"arn:{partition(code)}:{service}:{HOME[code]}:{PARTNER}:{resource}"


def _topic(code: str, who: str, c: Any, name: str) -> Any:
    return aws.sns.Topic(name, opts=c.aws).arn if who == "own" else _partner_arn(code, "sns", name)


def _function(code: str, who: str, c: Any, name: str) -> Any:
    return lambda_function(name, c.aws).arn if who == "own" else _partner_arn(code, "lambda", f"function:{name}")


def _log_group(code: str, who: str, c: Any, name: str) -> Any:
    if who == "own":
        return aws.cloudwatch.LogGroup(name.strip("/").replace("/", "-"), name=name, opts=c.aws).arn
    return _partner_arn(code, "logs", f"log-group:{name}")


# -- topics told of the stack's events ------------------------------------------------------------------------------


def ses_lambda_topic(code: str, who: str) -> Build:
    # docs: ses/receiptrule — `lambda_actions` (`function_arn`, `invocation_type`, `position`, `topic_arn` "The ARN of
    # an SNS topic to notify"); SES LambdaAction TopicArn "to notify when the Lambda action is taken".
    def build(c: Any) -> object:
        rules = aws.ses.ReceiptRuleSet("inbound", rule_set_name="inbound", opts=c.aws)
        fn = lambda_function("claims-intake", c.aws)
        return aws.ses.ReceiptRule(
            "claims", name="claims", rule_set_name=rules.rule_set_name, recipients=["claims@mail.example.com"],
            enabled=True, scan_enabled=True,
            lambda_actions=[{"function_arn": fn.arn, "invocation_type": "Event", "position": 1,
                             "topic_arn": _topic(code, who, c, "mail-intake")}],
            opts=c.aws,
        )  # fmt: skip

    return build


def codedeploy_trigger(code: str, who: str) -> Build:
    # docs: codedeploy/deploymentgroup — `trigger_configurations` (`trigger_events`, `trigger_name`,
    # `trigger_target_arn` "The ARN of the SNS topic through which notifications are sent").
    def build(c: Any) -> object:
        app = aws.codedeploy.Application("claims", compute_platform="Server", opts=c.aws)
        role = aws.iam.Role("codedeploy", assume_role_policy=trust_policy("codedeploy.amazonaws.com"), opts=c.aws)
        return aws.codedeploy.DeploymentGroup(
            "claims-live", app_name=app.name, deployment_group_name="live", service_role_arn=role.arn,
            ec2_tag_sets=[{"ec2_tag_filters": [{"key": "app", "type": "KEY_AND_VALUE", "value": "claims"}]}],
            trigger_configurations=[{"trigger_events": ["DeploymentFailure", "DeploymentSuccess"],
                                     "trigger_name": "deployments",
                                     "trigger_target_arn": _topic(code, who, c, "deployments")}],
            opts=c.aws,
        )  # fmt: skip

    return build


# -- functions handed the stack's data ------------------------------------------------------------------------------


def config_rule_lambda(code: str, who: str) -> Build:
    # docs: cfg/rule — `source` (`owner` CUSTOM_LAMBDA, `source_identifier` "the ARN of the rule's AWS Lambda
    # function", `source_details`); Config invokes the function with each configuration item.
    def build(c: Any) -> object:
        return aws.cfg.Rule(
            "tagged-volumes", name="tagged-volumes",
            source={"owner": "CUSTOM_LAMBDA", "source_identifier": _function(code, who, c, "config-tagged-volumes"),
                    "source_details": [{"message_type": "ConfigurationItemChangeNotification"}]},
            scope={"compliance_resource_types": ["AWS::EC2::Volume"]}, opts=c.aws,
        )  # fmt: skip

    return build


def secret_rotation(code: str, who: str) -> Build:
    # docs: secretsmanager/secretrotation — `secret_id`, `rotation_lambda_arn` "Specifies the ARN of the Lambda
    # function that can rotate the secret", `rotation_rules.automatically_after_days`.
    def build(c: Any) -> object:
        secret = aws.secretsmanager.Secret("claims-db", name="claims-db", opts=c.aws)
        return aws.secretsmanager.SecretRotation(
            "claims-db", secret_id=secret.id, rotation_lambda_arn=_function(code, who, c, "rotate-claims-db"),
            rotation_rules={"automatically_after_days": 30}, opts=c.aws,
        )  # fmt: skip

    return build


def iot_authorizer(code: str, who: str) -> Build:
    # docs: iot/authorizer — `authorizer_function_arn` "The ARN of the authorizer's Lambda function",
    # `signing_disabled`, `status`.
    def build(c: Any) -> object:
        return aws.iot.Authorizer(
            "fleet-tokens", name="fleet-tokens", authorizer_function_arn=_function(code, who, c, "fleet-tokens"),
            signing_disabled=True, status="ACTIVE", opts=c.aws,
        )  # fmt: skip

    return build


def kendra_enrichment(code: str, who: str) -> Build:
    # docs: kendra/datasource — `custom_document_enrichment_configuration` (`role_arn`,
    # `pre_extraction_hook_configuration.lambda_arn` "The ARN of a Lambda Function that can manipulate your document
    # metadata fields or attributes and content", `s3_bucket` the hook's working bucket).
    def build(c: Any) -> object:
        role = aws.iam.Role("kendra", assume_role_policy=trust_policy("kendra.amazonaws.com"), opts=c.aws)
        index = aws.kendra.Index("policies", name="policies", role_arn=role.arn, edition="DEVELOPER_EDITION",
                                 opts=c.aws)  # fmt: skip
        documents = aws.s3.Bucket("policy-documents", opts=c.aws)
        work = aws.s3.Bucket("policy-enrichment", opts=c.aws)
        return aws.kendra.DataSource(
            "policies", index_id=index.id, name="policies", type="S3", role_arn=role.arn,
            configuration={"s3_configuration": {"bucket_name": documents.bucket}},
            custom_document_enrichment_configuration={
                "role_arn": role.arn,
                "pre_extraction_hook_configuration": {"lambda_arn": _function(code, who, c, "redact-policies"),
                                                      "s3_bucket": work.bucket}},
            opts=c.aws,
        )  # fmt: skip

    return build


# -- streams copying the stack's records ----------------------------------------------------------------------------


def memory_stream(code: str, who: str) -> Build:
    # docs: bedrock/agentcorememory — `stream_delivery_resources.resource.kinesis` (`data_stream_arn`,
    # `content_configuration` type MEMORY_RECORDS, level FULL_CONTENT: the records' bodies).
    def build(c: Any) -> object:
        stream: Any = (
            aws.kinesis.Stream("memory-records", shard_count=1, opts=c.aws).arn
            if who == "own" else _partner_arn(code, "kinesis", "stream/memory-records")
        )  # fmt: skip
        return aws.bedrock.AgentcoreMemory(
            "claims-assistant", name="claims_assistant", event_expiry_duration=30,
            stream_delivery_resources={"resource": {"kinesis": {
                "data_stream_arn": stream,
                "content_configuration": {"type": "MEMORY_RECORDS", "level": "FULL_CONTENT"}}}},
            opts=c.aws,
        )  # fmt: skip

    return build


# -- log destinations ------------------------------------------------------------------------------------------------


def pipe_log_firehose(code: str, who: str) -> Build:
    # docs: pipes/pipe — `log_configuration` (`level`, `include_execution_datas` ["ALL"]: "payload, awsRequest, and
    # awsResponse fields" in the logs, `firehose_log_destination.delivery_stream_arn`).
    def build(c: Any) -> object:
        role = aws.iam.Role("pipe", assume_role_policy=trust_policy("pipes.amazonaws.com"), opts=c.aws)
        source = aws.sqs.Queue("claims-in", opts=c.aws)
        target = aws.sqs.Queue("claims-out", opts=c.aws)
        stream: Any
        if who == "own":
            logs = aws.s3.Bucket("pipe-logs", opts=c.aws)
            delivery = aws.iam.Role("pipe-logs", assume_role_policy=trust_policy("firehose.amazonaws.com"), opts=c.aws)
            stream = aws.kinesis.FirehoseDeliveryStream(
                "pipe-logs", name="pipe-logs", destination="extended_s3",
                extended_s3_configuration={"role_arn": delivery.arn, "bucket_arn": logs.arn}, opts=c.aws,
            ).arn  # fmt: skip
        else:
            stream = _partner_arn(code, "firehose", "deliverystream/pipe-logs")
        return aws.pipes.Pipe(
            "claims", role_arn=role.arn, source=source.arn, target=target.arn,
            log_configuration={"level": "TRACE", "include_execution_datas": ["ALL"],
                               "firehose_log_destination": {"delivery_stream_arn": stream}},
            opts=c.aws,
        )  # fmt: skip

    return build


def storage_gateway_audit(code: str, who: str) -> Build:
    # docs: storagegateway/smbfileshare — `gateway_arn`, `location_arn` (the stack's bucket), `role_arn`,
    # `audit_destination_arn` "The Amazon Resource Name (ARN) of the CloudWatch Log Group used for the audit logs".
    def build(c: Any) -> object:
        gateway = aws.storagegateway.Gateway(
            "branch-office", gateway_name="branch-office", gateway_timezone="GMT", gateway_type="FILE_S3",
            gateway_ip_address="10.20.1.15", opts=c.aws,
        )  # fmt: skip
        bucket = aws.s3.Bucket("branch-files", opts=c.aws)
        role = aws.iam.Role("gateway", assume_role_policy=trust_policy("storagegateway.amazonaws.com"), opts=c.aws)
        return aws.storagegateway.SmbFileShare(
            "branch-files", gateway_arn=gateway.arn, location_arn=bucket.arn, role_arn=role.arn,
            authentication="ActiveDirectory", audit_destination_arn=_log_group(code, who, c, "/storagegateway/audit"),
            opts=c.aws,
        )  # fmt: skip

    return build


BRANCH_GATEWAY = "cgw-0a1b2c3d4e5f60718"
"""The branch office's customer gateway, registered by the network team (its public address is that team's to
declare, not this program's)."""


def vpn_tunnel_log(code: str, who: str) -> Build:
    # docs: ec2/vpnconnection — `tunnel1_log_options.cloudwatch_log_options` (`log_enabled`, `log_group_arn` "The
    # Amazon Resource Name (ARN) of the CloudWatch log group to send logs to", `log_output_format`).
    def build(c: Any) -> object:
        gateway = aws.ec2.VpnGateway("claims", opts=c.aws)
        return aws.ec2.VpnConnection(
            "branch-office", customer_gateway_id=BRANCH_GATEWAY, vpn_gateway_id=gateway.id, type="ipsec.1",
            static_routes_only=True,
            tunnel1_log_options={"cloudwatch_log_options": {
                "log_enabled": True, "log_output_format": "json",
                "log_group_arn": _log_group(code, who, c, "/vpn/branch-office")}},
            opts=c.aws,
        )  # fmt: skip

    return build


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "ses-lambda-topic": (ses_lambda_topic, FOUR),
    "codedeploy-trigger": (codedeploy_trigger, WITH_CN),
    "config-rule-lambda": (config_rule_lambda, WITH_CN),
    "secret-rotation": (secret_rotation, WITH_CN),
    "iot-authorizer": (iot_authorizer, WITH_CN),
    "kendra-enrichment": (kendra_enrichment, FOUR),
    "memory-stream": (memory_stream, FOUR),
    "pipe-log-firehose": (pipe_log_firehose, FOUR),
    "storage-gateway-audit": (storage_gateway_audit, WITH_CN),
    "vpn-tunnel-log": (vpn_tunnel_log, WITH_CN),
}
"""Kind -> (builder, jurisdictions); CN where the China Regions offer the service (SES, Kendra, AgentCore and
Pipes there were not checked, so not written)."""


# -- the stack's own secret, receipt rule and Config rule by their ARN output, unpinned (made_account_arns) -----------


def _permission(principal: str, make_source: Callable[[Any], Any], partner: str) -> Callable[[str, str], Build]:
    """A Lambda permission letting ``principal`` invoke the stack's function for the source ``make_source`` makes (the
    own program) or for ``partner``'s resource (the partner program), under a provider pinning no account."""

    def make(code: str, shape: str) -> Build:
        def build(c: Any) -> object:
            opts = unpinned(code)
            fn = lambda_function("handler", opts)
            source: Any = make_source(opts) if "-own-" in shape else partner_arn(code, *partner.split(" ", 1))
            return aws.lambda_.Permission(
                "handler-invoke", action="lambda:InvokeFunction", function=fn.name, principal=principal,
                source_arn=source, opts=opts,
            )  # fmt: skip

        return build

    return make


def _secret(opts: Any) -> Any:
    # docs: secretsmanager/secret (`arn` "ARN of the secret"); the rotation function's permission names it.
    return aws.secretsmanager.Secret("claims-db", name="claims-db", opts=opts).arn


def _receipt_rule(opts: Any) -> Any:
    # docs: ses/receiptrule (`arn` "The SES receipt rule ARN"); SES conditions its permissions on the rule's ARN.
    rules = aws.ses.ReceiptRuleSet("inbound", rule_set_name="inbound", opts=opts)
    return aws.ses.ReceiptRule(
        "claims", name="claims", rule_set_name=rules.rule_set_name, recipients=["claims@mail.example.com"],
        enabled=True, opts=opts,
    ).arn  # fmt: skip


def _config_rule(opts: Any) -> Any:
    # docs: cfg/rule (`arn` "The ARN of the config rule"); a custom rule whose function is the stack's own.
    return aws.cfg.Rule(
        "tagged-volumes", name="tagged-volumes",
        source={"owner": "CUSTOM_LAMBDA", "source_identifier": lambda_function("config-check", opts).arn,
                "source_details": [{"message_type": "ConfigurationItemChangeNotification"}]},
        opts=opts,
    ).arn  # fmt: skip


MADE_BUILDERS: dict[str, Callable[[str, str], Build]] = {
    "secret-permission": _permission("secretsmanager.amazonaws.com", _secret, "secretsmanager secret:claims-db-AbCdEf"),
    "receipt-rule-permission": _permission(
        "ses.amazonaws.com", _receipt_rule, "ses receipt-rule-set/inbound:receipt-rule/claims"
    ),
    "config-rule-permission": _permission(
        "config.amazonaws.com", _config_rule, "config config-rule/config-rule-a1b2c3"
    ),
}
"""Family -> builder of its ``-own-unpinned`` / ``-partner-unpinned`` programs."""
MADE_SHAPES: dict[str, tuple[str, ...]] = {
    "secret-permission": WITH_CN,
    "receipt-rule-permission": FOUR,
    "config-rule-permission": WITH_CN,
}
"""Family -> jurisdictions (SES receiving is not written in CN)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred49-{code.lower()}-{kind}-{who}", code, make(code, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] if who == "partner-declared" else [])
        for kind, (make, codes) in KINDS.items()
        for code in codes
        for who in WHO
    ] + unpinned_rows("awsred49", MADE_SHAPES, MADE_BUILDERS)  # fmt: skip
