"""AWS red team, round 18 (stop 46): pulumi-aws types the table never made, tried with a partner's account.

Round 18 took round 16's inventory again (the ``aws.<module>.<Class>(`` constructors of ``tests/*.py`` against every
``class X(pulumi.CustomResource)`` of pulumi-aws 7.51.1: 712 made of 1,747) and wrote, among the 1,045 never made,
the types that send, export or share data (security findings' administrators and members, configuration
aggregation, call analytics sinks, bot conversation logs, Prometheus logs, endpoint notifications, two-way SMS,
datashare writes, traffic mirroring, model hubs, search packages, chat logs, data pipelines) as programs whose value
is a partner account's resource or id in an in-country Region, a Region abroad, a foreign host or a bucket the stack
does not make. It also decides round 16's three leftovers (traffic mirror targets, datashare writes, StackSet
instances). The verdicts are in docs/residency.md, "AWS red team, round 18 (stop 46)".

``who``: ``own`` (the team's account, which the table's provider pins: passes), ``partner`` (another account:
RES-023), ``partner-declared`` (the partner's account declared: passes). ``where``: ``home`` / ``abroad`` twins of
types already refused abroad (or with a bucket the stack does not make), so a later change cannot lose them.

tests/test_realistic_programs.py runs them as CASES (``awsred46-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import Build, Row, account_rows, home_abroad_rows

# The same accounts, Regions and declaration as rounds 16 and 17 (one fact, one place).
from platform_programs_awsred44 import (
    ABROAD,
    CODES,
    HOME,
    OWN,
    PARTITION,
    PARTNER,
    PARTNER_DECLARED,
    account_arn,
    account_of,
)


def _role(code: str) -> str:
    return f"arn:{PARTITION[code]}:iam::{OWN}:role/service-delivery"


# -- another account the stack writes into, or grants ----------------------------------------------------------------


def media_insights(sink: str) -> Callable[[str, str], Build]:
    # docs: chimesdkmediapipelines/mediainsightspipelineconfiguration — `elements` "Collection of processors and sinks
    # to transform media and deliver data"; KinesisDataStreamSinkConfiguration / LambdaFunctionSinkConfiguration
    # `insights_target` (the registry example passes the stack's stream by `arn`).
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            element: Any
            if sink == "kinesis":
                element = {
                    "type": "KinesisDataStreamSink",
                    "kinesis_data_stream_sink_configuration": {
                        "insights_target": account_arn(code, who, "kinesis", "stream/call-insights")
                    },
                }
            else:
                element = {
                    "type": "LambdaFunctionSink",
                    "lambda_function_sink_configuration": {
                        "insights_target": account_arn(code, who, "lambda", "function:call-insights")
                    },
                }
            return aws.chimesdkmediapipelines.MediaInsightsPipelineConfiguration(
                "call-analytics", name="call-analytics", resource_access_role_arn=_role(code), elements=[
                    {"type": "AmazonTranscribeCallAnalyticsProcessor",
                     "amazon_transcribe_call_analytics_processor_configuration": {"language_code": "en-US"}},
                    element,
                ], opts=c.aws,
            )  # fmt: skip

        return build

    return make


def lex_logs(code: str, who: str) -> Build:
    # docs: lex/botalias — `conversation_logs.log_settings.resource_arn` "ARN of the CloudWatch Logs log group or S3
    # bucket where the logs are delivered" (the users' utterances, TEXT logs).
    def build(c: Any) -> object:
        return aws.lex.BotAlias(
            "orders-live", bot_name="OrderFlowers", bot_version="1", name="live", conversation_logs={
                "iam_role_arn": _role(code), "log_settings": [{
                    "destination": "CLOUDWATCH_LOGS", "log_type": "TEXT",
                    "resource_arn": account_arn(code, who, "logs", "log-group:/lex/order-flowers")}],
            }, opts=c.aws,
        )  # fmt: skip

    return build


def amp_query_logs(code: str, who: str) -> Build:
    # docs: amp/queryloggingconfiguration — `destination.cloudwatch_logs.log_group_arn` "ARN of the CloudWatch log
    # group to which query logs will be sent. The ARN must end with `:*`".
    def build(c: Any) -> object:
        workspace = aws.amp.Workspace("metrics", alias="metrics", opts=c.aws)
        return aws.amp.QueryLoggingConfiguration(
            "metrics-queries", workspace_id=workspace.id, destinations=[{"cloudwatch_logs": {
                "log_group_arn": account_arn(code, who, "logs", "log-group:/amp/queries:*")},
                "filters": {"qsp_threshold": 1000}}], opts=c.aws,
        )  # fmt: skip

    return build


def amp_scraper_logs(code: str, who: str) -> Build:
    # docs: amp/scraperloggingconfiguration — `logging_destination.cloudwatch_logs.log_group_arn` "ARN of the
    # CloudWatch Logs log group. Must end with `:*`".
    def build(c: Any) -> object:
        return aws.amp.ScraperLoggingConfiguration(
            "scraper-logs", scraper_id="s-0a1b2c3d-4e5f-6789-abcd-ef0123456789", logging_destination={
                "cloudwatch_logs": {"log_group_arn": account_arn(code, who, "logs", "log-group:/amp/scraper:*")}},
            scraper_components=["COLLECTOR", "EXPORTER"], opts=c.aws,
        )  # fmt: skip

    return build


def endpoint_notification(code: str, who: str) -> Build:
    # docs: ec2/vpcendpointconnectionnotification — `connection_notification_arn` "ARN of the SNS topic for the
    # notifications" (the registry example: the stack's endpoint service, Accept / Reject events).
    def build(c: Any) -> object:
        service = aws.ec2.VpcEndpointService(
            "orders-api", acceptance_required=True,
            network_load_balancer_arns=[
                account_arn(code, "own", "elasticloadbalancing", "loadbalancer/net/orders/0a1b2c"),
            ],
            opts=c.aws,
        )  # fmt: skip
        return aws.ec2.VpcEndpointConnectionNotification(
            "orders-api-connections", vpc_endpoint_service_id=service.id, connection_events=["Accept", "Reject"],
            connection_notification_arn=account_arn(code, who, "sns", "endpoint-connections"), opts=c.aws,
        )  # fmt: skip

    return build


def two_way_sms(kind: str) -> Callable[[str, str], Build]:
    # docs: pinpoint/smsvoicev2phonenumber and smsvoicev2pool — `two_way_channel_arn` "Configuration for two-way SMS.
    # Specify an ARN to receive incoming SMS messages"; the message body goes to that SNS topic.
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            country = {"EU": "DE", "JP": "JP", "US": "US", "CN": "CN"}[code]
            number = aws.pinpoint.Smsvoicev2PhoneNumber(
                "support-line", iso_country_code=country, message_type="TRANSACTIONAL", number_capabilities=["SMS"],
                number_type="LONG_CODE",
                two_way_channel_enabled=kind == "number",
                two_way_channel_arn=account_arn(code, who, "sns", "inbound-sms") if kind == "number" else None,
                opts=c.aws,
            )  # fmt: skip
            if kind == "number":
                return number
            return aws.pinpoint.Smsvoicev2Pool(
                "support-pool", origination_identities=[number.arn], iso_country_code=country,
                message_type="TRANSACTIONAL", two_way_enabled=True,
                two_way_channel_arn=account_arn(code, who, "sns", "inbound-sms"), opts=c.aws,
            )  # fmt: skip

        return build

    return make


def security_admin(service: str) -> Callable[[str, str], Build]:
    # docs: guardduty/organizationadminaccount `admin_account_id`, securityhub/organizationadminaccount
    # `admin_account_id`, detective/organizationadminaccount `account_id`, inspector2/delegatedadminaccount
    # `account_id`, macie2/organizationadminaccount `admin_account_id`: the account that administers the service for
    # the organisation (every member's findings).
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            account = account_of(who)
            if service == "guardduty":
                return aws.guardduty.OrganizationAdminAccount("security", admin_account_id=account, opts=c.aws)
            if service == "securityhub":
                return aws.securityhub.OrganizationAdminAccount("security", admin_account_id=account, opts=c.aws)
            if service == "detective":
                return aws.detective.OrganizationAdminAccount("security", account_id=account, opts=c.aws)
            if service == "inspector":
                return aws.inspector2.DelegatedAdminAccount("security", account_id=account, opts=c.aws)
            return aws.macie2.OrganizationAdminAccount("security", admin_account_id=account, opts=c.aws)

        return build

    return make


def security_member(service: str) -> Callable[[str, str], Build]:
    # docs: guardduty/inviteaccepter `master_account_id` "AWS account ID for primary account", securityhub/
    # inviteaccepter `master_id`, detective/invitationaccepter `graph_arn` "ARN of the behavior graph that the member
    # account is accepting the invitation for", macie2/invitationaccepter `administrator_account_id`.
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            account = account_of(who)
            if service == "guardduty":
                detector = aws.guardduty.Detector("workloads", enable=True, opts=c.aws)
                return aws.guardduty.InviteAccepter("security", detector_id=detector.id, master_account_id=account,
                                                    opts=c.aws)  # fmt: skip
            if service == "securityhub":
                aws.securityhub.Account("workloads", opts=c.aws)
                return aws.securityhub.InviteAccepter("security", master_id=account, opts=c.aws)
            if service == "detective":
                return aws.detective.InvitationAccepter(
                    "security", graph_arn=account_arn(code, who, "detective", "graph:0a1b2c3d4e5f6789"), opts=c.aws
                )
            aws.macie2.Account("workloads", opts=c.aws)
            return aws.macie2.InvitationAccepter("security", administrator_account_id=account, opts=c.aws)

        return build

    return make


def config_aggregation(code: str, who: str) -> Build:
    # docs: cfg/aggregateauthorization — `account_id` "Account ID", `authorized_aws_region` "The region authorized to
    # collect aggregated data" (the aggregator account collects this account's configuration and compliance data).
    def build(c: Any) -> object:
        return aws.cfg.AggregateAuthorization("org-aggregator", account_id=account_of(who),
                                              authorized_aws_region=HOME[code], opts=c.aws)  # fmt: skip

    return build


def datashare_writes(code: str, who: str) -> Build:
    # docs: redshift/datashareconsumerassociation — `data_share_arn` "ARN of the datashare that the consumer is to
    # use", `allow_writes` "Whether to allow write operations for a datashare".
    def build(c: Any) -> object:
        return aws.redshift.DataShareConsumerAssociation(
            "shared-ledger", data_share_arn=account_arn(code, who, "redshift", "datashare:0a1b2c3d/ledger"),
            associate_entire_account=True, allow_writes=True, opts=c.aws,
        )  # fmt: skip

    return build


ACCOUNT_KINDS: dict[str, Callable[[str, str], Build]] = {
    "media-insights-kinesis": media_insights("kinesis"),
    "media-insights-lambda": media_insights("lambda"),
    "lex-logs": lex_logs,
    "amp-query-logs": amp_query_logs,
    "amp-scraper-logs": amp_scraper_logs,
    "endpoint-notification": endpoint_notification,
    "two-way-sms-number": two_way_sms("number"),
    "two-way-sms-pool": two_way_sms("pool"),
    "guardduty-admin": security_admin("guardduty"),
    "securityhub-admin": security_admin("securityhub"),
    "detective-admin": security_admin("detective"),
    "inspector-admin": security_admin("inspector"),
    "macie-admin": security_admin("macie"),
    "guardduty-member": security_member("guardduty"),
    "securityhub-member": security_member("securityhub"),
    "detective-member": security_member("detective"),
    "macie-member": security_member("macie"),
    "config-aggregation": config_aggregation,
    "datashare-writes": datashare_writes,
}


# -- compliant forms beside the closed ones ---------------------------------------------------------------------------


def datashare_read(code: str) -> Build:
    # A consumer association without `allow_writes` reads the partner's datashare into the stack: nothing is sent.
    def build(c: Any) -> object:
        return aws.redshift.DataShareConsumerAssociation(
            "shared-ledger", data_share_arn=account_arn(code, "partner", "redshift", "datashare:0a1b2c3d/ledger"),
            associate_entire_account=True, opts=c.aws,
        )  # fmt: skip

    return build


SHARED_TARGET = "tmt-0a1b2c3d4e5f67890"
MIRROR_DECLARED: dict[str, Any] = {
    "id": "network-account-mirror", "kind": "resident", "match": SHARED_TARGET,
    "evidence": "the network account's inspection appliance in the market's Region, shared through RAM",
}  # fmt: skip


def mirror(code: str, target: str) -> Build:
    # docs: ec2/trafficmirrorsession — `traffic_mirror_target_id` "ID of the traffic mirror target to be used";
    # ec2/trafficmirrortarget — the target (here an NLB of the stack's own inspection appliances).
    def build(c: Any) -> object:
        flt = aws.ec2.TrafficMirrorFilter("all-tcp", description="mirror all TCP", opts=c.aws)
        if target == "own":
            made = aws.ec2.TrafficMirrorTarget(
                "inspection", description="inspection NLB",
                network_load_balancer_arn=account_arn(
                    code, "own", "elasticloadbalancing", "loadbalancer/net/ids/0a1b2c"
                ),
                opts=c.aws,
            )  # fmt: skip
            target_id: Any = made.id
        else:
            target_id = SHARED_TARGET
        return aws.ec2.TrafficMirrorSession(
            "web-mirror", network_interface_id="eni-0a1b2c3d4e5f67890", traffic_mirror_filter_id=flt.id,
            traffic_mirror_target_id=target_id, session_number=1, opts=c.aws,
        )  # fmt: skip

    return build


PEERING = "pcx-0a1b2c3d4e5f67890"
PEERING_DECLARED: dict[str, Any] = {
    "id": "network-account-peering", "kind": "resident", "match": PEERING,
    "evidence": "the network account's shared-services VPC in the market's Region",
}  # fmt: skip


def peering_accept(code: str, shape: str) -> Build:
    # docs: ec2/vpcpeeringconnectionaccepter — `vpc_peering_connection_id` "The VPC Peering Connection ID to manage";
    # the registry example makes the requester (ec2.VpcPeeringConnection) under a second provider in the same program.
    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("claims", cidr_block="10.60.0.0/16", opts=c.aws)
        connection: Any = PEERING
        if shape == "own":
            peer = aws.ec2.Vpc("shared-services", cidr_block="10.70.0.0/16", opts=c.aws)
            connection = aws.ec2.VpcPeeringConnection(
                "claims-shared", vpc_id=peer.id, peer_vpc_id=vpc.id, peer_owner_id=OWN, peer_region=HOME[code],
                opts=c.aws,
            ).id  # fmt: skip
        return aws.ec2.VpcPeeringConnectionAccepter(
            "claims-accept", vpc_peering_connection_id=connection, auto_accept=True, opts=c.aws
        )

    return build


def stackset(code: str, shape: str) -> Build:
    # docs: cloudformation/stackset, stackinstances (`accounts` "Accounts where you want to create stack instances in
    # the specified `regions`"), stacksetinstance (`account_id` "Target AWS Account ID to create a Stack based on the
    # StackSet"). Round 16's leftover, decided in round 18: the accounts a StackSet deploys into receive the template
    # (configuration), not the stack's data; the template's resources are judged as the template's, so a baseline
    # deployed into a partner's account passes, and a template subscribing a partner's queue is refused (RES-023).
    def build(c: Any) -> object:
        endpoint = account_arn(
            code, "partner" if shape == "template-writes-partner" else "own", "sqs", "security-alerts"
        )
        template = {
            "Resources": {
                "Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "security-alerts"}},
                "AlertsToQueue": {"Type": "AWS::SNS::Subscription", "Properties": {
                    "TopicArn": {"Ref": "Alerts"}, "Protocol": "sqs", "Endpoint": endpoint}},
            }
        }  # fmt: skip
        stack_set = aws.cloudformation.StackSet(
            "security-baseline", name="security-baseline", permission_model="SELF_MANAGED",
            template_body=json.dumps(template), opts=c.aws,
        )  # fmt: skip
        if shape == "instance-partner":
            return aws.cloudformation.StackSetInstance(
                "baseline-partner", stack_set_name=stack_set.name, account_id=PARTNER,
                stack_set_instance_region=HOME[code], opts=c.aws,
            )  # fmt: skip
        return aws.cloudformation.StackInstances(
            "baseline", stack_set_name=stack_set.name, accounts=[OWN, PARTNER], regions=[HOME[code]], opts=c.aws
        )

    return build


# -- already refused: home / abroad twins -----------------------------------------------------------------------------


def media_insights_region(code: str, where: str) -> Build:
    def build(c: Any) -> object:
        region = HOME[code] if where == "home" else ABROAD[code]
        return aws.chimesdkmediapipelines.MediaInsightsPipelineConfiguration(
            "call-analytics", name="call-analytics", resource_access_role_arn=_role(code), elements=[
                {"type": "KinesisDataStreamSink", "kinesis_data_stream_sink_configuration": {
                    "insights_target": account_arn(code, "own", "kinesis", "stream/call-insights", region)}}],
            opts=c.aws,
        )  # fmt: skip

    return build


def aggregation_region(code: str, where: str) -> Build:
    def build(c: Any) -> object:
        region = HOME[code] if where == "home" else ABROAD[code]
        return aws.cfg.AggregateAuthorization("org-aggregator", account_id=OWN, authorized_aws_region=region,
                                              opts=c.aws)  # fmt: skip

    return build


def bot_association_region(code: str, where: str) -> Build:
    # docs: connect/botassociation — `lex_bot.lex_region` "The Region that the Amazon Lex (V1) bot was created in".
    def build(c: Any) -> object:
        region = HOME[code] if where == "home" else ABROAD[code]
        return aws.connect.BotAssociation("order-bot", instance_id="aaaaaaaa-bbbb-cccc-dddd-111111111111",
                                          lex_bot={"name": "OrderFlowers", "lex_region": region},
                                          opts=c.aws)  # fmt: skip

    return build


def _bucket_or_name(c: Any, where: str, name: str) -> Any:
    if where == "home":
        return aws.s3.Bucket(name, opts=c.aws).bucket
    return f"other-team-{name}"


def sagemaker_hub(code: str, where: str) -> Build:
    # docs: sagemaker/hub — `s3_storage_config.s3_output_path` "The Amazon S3 bucket prefix for hosting hub content".
    def build(c: Any) -> object:
        bucket = _bucket_or_name(c, where, "model-hub")
        return aws.sagemaker.Hub("models", hub_name="models", hub_description="approved models",
                                 s3_storage_config={"s3_output_path": f"s3://{bucket}/hub/"}
                                 if isinstance(bucket, str) else {"s3_output_path": bucket.apply(
                                     lambda b: f"s3://{b}/hub/")}, opts=c.aws)  # fmt: skip

    return build


def opensearch_package(code: str, where: str) -> Build:
    # docs: opensearch/package — `package_source.s3_bucket_name` "The name of the Amazon S3 bucket containing the
    # package".
    def build(c: Any) -> object:
        bucket = _bucket_or_name(c, where, "search-dictionaries")
        return aws.opensearch.Package("synonyms", package_name="synonyms", package_type="TXT-DICTIONARY",
                                      package_source={"s3_bucket_name": bucket, "s3_key": "synonyms.txt"},
                                      opts=c.aws)  # fmt: skip

    return build


def chat_logs(code: str, where: str) -> Build:
    # docs: ivschat/loggingconfiguration — `destination_configuration.s3.bucket_name` "Name of the Amazon S3 bucket
    # where chat activity will be logged".
    def build(c: Any) -> object:
        bucket = _bucket_or_name(c, where, "chat-logs")
        return aws.ivschat.LoggingConfiguration("chat-logs", destination_configuration={"s3": {"bucket_name": bucket}},
                                                opts=c.aws)  # fmt: skip

    return build


def pipeline_export(code: str, where: str) -> Build:
    # docs: datapipeline/pipelinedefinition — `pipeline_objects.fields.string_value` (an S3DataNode's directoryPath).
    def build(c: Any) -> object:
        bucket = _bucket_or_name(c, where, "nightly-export")
        pipeline = aws.datapipeline.Pipeline("nightly", name="nightly", opts=c.aws)
        path: Any = f"s3://{bucket}/out/" if isinstance(bucket, str) else bucket.apply(lambda b: f"s3://{b}/out/")
        return aws.datapipeline.PipelineDefinition(
            "nightly", pipeline_id=pipeline.id, pipeline_objects=[
                {"id": "Default", "name": "Default", "fields": [{"key": "scheduleType", "string_value": "ondemand"}]},
                {"id": "Output", "name": "Output", "fields": [
                    {"key": "type", "string_value": "S3DataNode"}, {"key": "directoryPath", "string_value": path}]},
            ], opts=c.aws,
        )  # fmt: skip

    return build


REGION_KINDS: dict[str, tuple[Callable[[str, str], Build], set[str]]] = {
    "media-insights-region": (media_insights_region, {"RES-004"}),
    "aggregation-region": (aggregation_region, {"RES-009"}),
    "bot-association-region": (bot_association_region, {"RES-009"}),
    "model-hub-bucket": (sagemaker_hub, {"RES-017"}),
    "search-package-bucket": (opensearch_package, {"RES-017"}),
    "chat-logs-bucket": (chat_logs, {"RES-017"}),
    "pipeline-export-bucket": (pipeline_export, {"RES-017"}),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = account_rows("awsred46", ACCOUNT_KINDS, CODES, PARTNER_DECLARED)
    for code in CODES:
        out.append((f"awsred46-{code.lower()}-datashare-read-partner", code, datashare_read(code), set(), []))
        out.append((f"awsred46-{code.lower()}-mirror-own-target", code, mirror(code, "own"), set(), []))
        out.append((f"awsred46-{code.lower()}-mirror-shared-target", code, mirror(code, "shared"), {"RES-017"}, []))
        out.append((f"awsred46-{code.lower()}-mirror-shared-target-declared", code, mirror(code, "shared"), set(),
                    [MIRROR_DECLARED]))  # fmt: skip
    for code in CODES:
        out.append((f"awsred46-{code.lower()}-peering-accept-own", code, peering_accept(code, "own"), set(), []))
        out.append((f"awsred46-{code.lower()}-peering-accept-literal", code, peering_accept(code, "literal"),
                    {"RES-017"}, []))  # fmt: skip
        out.append((f"awsred46-{code.lower()}-peering-accept-literal-declared", code, peering_accept(code, "literal"),
                    set(), [PEERING_DECLARED]))  # fmt: skip
    for code in CODES:
        for shape, rules in (("instances-partner", set()), ("instance-partner", set()),
                             ("template-writes-partner", {"RES-023"})):  # fmt: skip
            out.append((f"awsred46-{code.lower()}-stackset-{shape}", code, stackset(code, shape), rules, []))
    out += home_abroad_rows("awsred46", REGION_KINDS, CODES)
    return out
