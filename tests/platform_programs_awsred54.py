"""AWS red team, round 26 (stop 54): template twins of account-bearing inputs no entry mapped.

Round 26 probed, on the unchanged engine (main 51ca59f), the starting points its brief named in Pulumi programs (MSK
Connect connector configuration hosts and Regions, DataSync object storage / SMB / NFS / Azure Blob hosts, Transfer
Family connector URLs, AppFlow connector profile instance URLs, EventBridge Pipes targets and enrichments, Step
Functions Tasks, CloudWatch Logs deliveries, delivery destinations, subscription filters and account policies, SMS
event destinations and two-way channels, IoT topic rule actions): every one was already refused (RES-015 host,
RES-009 Region, RES-017 bucket, RES-023 account). Their CloudFormation twins were not all: one-resource templates in a
``cloudformation.Stack`` naming another account's ARN (or account id) in the stack's own Region **passed every door**
for an OAM link's sink, a Logs account policy's subscription destination, a Logs delivery destination's resource, an
organisation centralization rule's destination account, an ECR replication destination's registry, an SMS
configuration set's event destinations and a phone number's / pool's two-way channel (``AWS::SMSVOICE``), a Cloud WAN
transit gateway peering, a Lattice service network's VPC association and VPC endpoint, a DocumentDB event
subscription's topic, a Redshift integration's target, an AgentCore gateway's Lambda target, a Chime SDK media insights
pipeline's sinks and a Bedrock agent's collaborator, while each Pulumi twin was RES-023. They are refused now
(RES-023 until pinned or declared).

``who``: ``own`` (the template's own resource by ``Ref`` / ``Fn::GetAtt``, the stack's account by
``${AWS::AccountId}``: passes), ``partner`` (another account's ARN or id: refused outside CN), ``partner-declared``
(that account declared: passes). aws-cn lies wholly in CN: every account there is China's.
tests/test_realistic_programs.py runs them as CASES (``awsred54-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from platform_parts import AWS_HOME as HOME
from platform_parts import WHO, Build, Row

# The same accounts and declaration as rounds 16 to 25, and round 23's template helpers (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED
from platform_programs_awsred51 import CODES, _own_sub, _pick, _role, _stack, _with_function


def _arn_of(logical_id: str) -> dict[str, Any]:
    return {"Fn::GetAtt": [logical_id, "Arn"]}


def _account(who: str) -> Any:
    """The stack's own account (``own``), else the partner's id."""
    return {"Ref": "AWS::AccountId"} if who == "own" else PARTNER


# -- top-level properties of the Pulumi input's own name ---------------------------------------------------------------


def oam_link(code: str, who: str) -> Build:
    # docs: AWS::Oam::Link LabelTemplate, ResourceTypes, SinkIdentifier ("The ARN of the sink in the monitoring account
    # that you want to link to"); the source account's metrics, logs and traces are shared with the sink's account.
    sink = _pick(code, who, _own_sub("oam", "sink/a1b2c3d4-5678-90ab-cdef-1234567890ab"), "oam",
                 "sink/a1b2c3d4-5678-90ab-cdef-1234567890ab")  # fmt: skip
    return _stack("observability-link", {
        "Link": {"Type": "AWS::Oam::Link", "Properties": {
            "LabelTemplate": "$AccountName", "SinkIdentifier": sink,
            "ResourceTypes": ["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"]}},
    })  # fmt: skip


def logs_account_policy(code: str, who: str) -> Build:
    # docs: AWS::Logs::AccountPolicy PolicyName, PolicyType SUBSCRIPTION_FILTER_POLICY, PolicyDocument (JSON text:
    # DestinationArn, RoleArn, FilterPattern, Distribution), Scope ALL: every log group of the account streams there.
    destination = _pick(code, who, _arn_of("Archive"), "kinesis", "stream/central-logs")
    document = {"Fn::Sub": [json.dumps({"DestinationArn": "${Destination}", "RoleArn": "${Role}", "FilterPattern": "",
                                        "Distribution": "Random"}),
                            {"Destination": destination, "Role": _arn_of("StreamRole")}]}  # fmt: skip
    return _stack("account-log-stream", {
        "Policy": {"Type": "AWS::Logs::AccountPolicy", "Properties": {
            "PolicyName": "stream-every-log-group", "PolicyType": "SUBSCRIPTION_FILTER_POLICY", "Scope": "ALL",
            "PolicyDocument": document}},
        "Archive": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
        "StreamRole": _role("logs.amazonaws.com"),
    })  # fmt: skip


def logs_delivery_destination(code: str, who: str) -> Build:
    # docs: AWS::Logs::DeliveryDestination Name, DestinationResourceArn ("The ARN of the AWS destination that this
    # delivery destination represents": a log group, an S3 bucket or a Firehose stream); AWS::Logs::DeliverySource
    # Name, ResourceArn, LogType; AWS::Logs::Delivery DeliverySourceName, DeliveryDestinationArn.
    group = _pick(code, who, _arn_of("AppLogs"), "logs", "log-group:/vendedlogs/claims-api")
    return _stack("claims-api-logs", {
        "Destination": {"Type": "AWS::Logs::DeliveryDestination", "Properties": {
            "Name": "claims-api-logs", "DestinationResourceArn": group}},
        "Source": {"Type": "AWS::Logs::DeliverySource", "Properties": {
            "Name": "claims-api", "LogType": "APPLICATION_LOGS",
            "ResourceArn": _own_sub("bedrock-agentcore", "runtime/claims_api-a1b2c3d4e5")}},
        "Delivery": {"Type": "AWS::Logs::Delivery", "DependsOn": ["Source"], "Properties": {
            "DeliverySourceName": "claims-api", "DeliveryDestinationArn": _arn_of("Destination")}},
        "AppLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 90}},
    })  # fmt: skip


def centralization_rule(code: str, who: str) -> Build:
    # docs: AWS::ObservabilityAdmin::OrganizationCentralizationRule RuleName, Rule {Source {Regions, Scope,
    # SourceLogsConfiguration {LogGroupSelectionCriteria, EncryptedLogGroupStrategy}}, Destination {Account ("The
    # destination account (within the organization) to which the telemetry data should be centralized"), Region}}.
    return _stack("central-logs", {
        "Central": {"Type": "AWS::ObservabilityAdmin::OrganizationCentralizationRule", "Properties": {
            "RuleName": "claims-logs", "Rule": {
                "Source": {"Regions": [HOME[code]], "Scope": "OrganizationId = 'o-a1b2c3d4e5'",
                           "SourceLogsConfiguration": {"LogGroupSelectionCriteria": "LogGroupName LIKE '/claims/%'",
                                                       "EncryptedLogGroupStrategy": "SKIP"}},
                "Destination": {"Account": _account(who), "Region": HOME[code]}}}},
    })  # fmt: skip


def ecr_replication(code: str, who: str) -> Build:
    # docs: AWS::ECR::ReplicationConfiguration ReplicationConfiguration {Rules [{Destinations [{Region, RegistryId}],
    # RepositoryFilters [{Filter, FilterType PREFIX_MATCH}]}]}: each pushed image is copied into that registry.
    return _stack("image-replication", {
        "Replication": {"Type": "AWS::ECR::ReplicationConfiguration", "Properties": {"ReplicationConfiguration": {
            "Rules": [{"Destinations": [{"Region": HOME[code], "RegistryId": _account(who)}],
                       "RepositoryFilters": [{"Filter": "claims/", "FilterType": "PREFIX_MATCH"}]}]}}},
    })  # fmt: skip


# -- nested otherwise than the Pulumi input ---------------------------------------------------------------------------


def sms_event_destinations(code: str, who: str) -> Build:
    # docs: AWS::SMSVOICE::ConfigurationSet ConfigurationSetName, EventDestinations [{EventDestinationName, Enabled,
    # MatchingEventTypes, CloudWatchLogsDestination {IamRoleArn, LogGroupArn}, KinesisFirehoseDestination
    # {DeliveryStreamArn, IamRoleArn}, SnsDestination {TopicArn}}] (message sending events: each recipient's number).
    group = _pick(code, who, _arn_of("SmsLogs"), "logs", "log-group:sms-events")
    topic = _pick(code, who, {"Ref": "SmsEvents"}, "sns", "sms-events")
    return _stack("sms-events", {
        "Messaging": {"Type": "AWS::SMSVOICE::ConfigurationSet", "Properties": {
            "ConfigurationSetName": "claims-notices", "EventDestinations": [
                {"EventDestinationName": "logs", "Enabled": True, "MatchingEventTypes": ["ALL"],
                 "CloudWatchLogsDestination": {"LogGroupArn": group, "IamRoleArn": _arn_of("SmsRole")}},
                {"EventDestinationName": "failures", "Enabled": True,
                 "MatchingEventTypes": ["TEXT_FAILED", "TEXT_BLOCKED"], "SnsDestination": {"TopicArn": topic}}]}},
        "SmsLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 30}},
        "SmsEvents": {"Type": "AWS::SNS::Topic", "Properties": {}},
        "SmsRole": _role("sms-voice.amazonaws.com"),
    })  # fmt: skip


def sms_two_way(code: str, who: str) -> Build:
    # docs: AWS::SMSVOICE::PhoneNumber IsoCountryCode, NumberType, NumberCapabilities, MandatoryKeywords, TwoWay
    # {ChannelArn ("The Amazon Resource Name (ARN) of the two way channel"), ChannelRole, Enabled};
    # AWS::SMSVOICE::Pool OriginationIdentities, MandatoryKeywords, TwoWay (the same): the replies recipients send.
    inbound = _pick(code, who, {"Ref": "Replies"}, "sns", "sms-replies")
    keywords = {"HELP": {"Message": "Claims service: reply STOP to opt out."},
                "STOP": {"Message": "You will receive no more messages."}}  # fmt: skip
    two_way = {"Enabled": True, "ChannelArn": inbound, "ChannelRole": _arn_of("RepliesRole")}
    return _stack("sms-replies", {
        "Number": {"Type": "AWS::SMSVOICE::PhoneNumber", "Properties": {
            "IsoCountryCode": "US", "NumberType": "TOLL_FREE", "NumberCapabilities": ["SMS"],
            "MandatoryKeywords": keywords, "TwoWay": two_way}},
        "Pool": {"Type": "AWS::SMSVOICE::Pool", "Properties": {
            "OriginationIdentities": [{"Ref": "Number"}], "MandatoryKeywords": keywords, "TwoWay": two_way}},
        "Replies": {"Type": "AWS::SNS::Topic", "Properties": {}},
        "RepliesRole": _role("sms-voice.amazonaws.com"),
    })  # fmt: skip


# -- more written destinations ----------------------------------------------------------------------------------------


def transit_gateway_peering(code: str, who: str) -> Build:
    # docs: AWS::NetworkManager::TransitGatewayPeering CoreNetworkId, TransitGatewayArn ("The ARN of the transit
    # gateway"); AWS::EC2::TransitGateway.
    gateway = _pick(code, who, _own_sub("ec2", "transit-gateway/${Hub}"), "ec2",
                    "transit-gateway/tgw-0a1b2c3d4e5f60718")  # fmt: skip
    return _stack("wan-peering", {
        "Hub": {"Type": "AWS::EC2::TransitGateway", "Properties": {"AmazonSideAsn": 64512}},
        "Peering": {"Type": "AWS::NetworkManager::TransitGatewayPeering", "Properties": {
            "CoreNetworkId": "core-network-0a1b2c3d4e5f60718", "TransitGatewayArn": gateway}},
    })  # fmt: skip


def lattice_vpc_association(code: str, who: str) -> Build:
    # docs: AWS::VpcLattice::ServiceNetworkVpcAssociation VpcIdentifier, ServiceNetworkIdentifier ("The ID or ARN of
    # the service network. You must use the ARN when the resources specified in the operation are in different
    # accounts"), SecurityGroupIds; AWS::VpcLattice::ServiceNetwork Name, AuthType.
    network = _pick(code, who, {"Ref": "Mesh"}, "vpc-lattice", "servicenetwork/sn-0a1b2c3d4e5f60718")
    return _stack("lattice-join", {
        "Mesh": {"Type": "AWS::VpcLattice::ServiceNetwork", "Properties": {"Name": "claims", "AuthType": "AWS_IAM"}},
        "Join": {"Type": "AWS::VpcLattice::ServiceNetworkVpcAssociation", "Properties": {
            "VpcIdentifier": "vpc-0a1b2c3d4e5f60718", "ServiceNetworkIdentifier": network}},
    })  # fmt: skip


def service_network_endpoint(code: str, who: str) -> Build:
    # docs: AWS::EC2::VPCEndpoint VpcId, VpcEndpointType ServiceNetwork, ServiceNetworkArn ("The Amazon Resource Name
    # (ARN) of a service network that will be associated with the VPC endpoint of type service-network",
    # CreateVpcEndpoint), SubnetIds, SecurityGroupIds; AWS::VpcLattice::ServiceNetwork (GetAtt Arn).
    network = _pick(code, who, _arn_of("Mesh"), "vpc-lattice", "servicenetwork/sn-0a1b2c3d4e5f60718")
    return _stack("lattice-endpoint", {
        "Mesh": {"Type": "AWS::VpcLattice::ServiceNetwork", "Properties": {"Name": "claims", "AuthType": "AWS_IAM"}},
        "Endpoint": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {
            "VpcId": "vpc-0a1b2c3d4e5f60718", "VpcEndpointType": "ServiceNetwork", "ServiceNetworkArn": network,
            "SubnetIds": ["subnet-0a1b2c3d4e5f60718"], "SecurityGroupIds": ["sg-0a1b2c3d4e5f60718"]}},
    })  # fmt: skip


def docdb_events(code: str, who: str) -> Build:
    # docs: AWS::DocDB::EventSubscription SubscriptionName, SnsTopicArn, SourceType, SourceIds, EventCategories,
    # Enabled.
    topic = _pick(code, who, {"Ref": "DbEvents"}, "sns", "docdb-events")
    return _stack("docdb-events", {
        "Events": {"Type": "AWS::DocDB::EventSubscription", "Properties": {
            "SubscriptionName": "claims-docdb", "SnsTopicArn": topic, "SourceType": "db-cluster",
            "SourceIds": ["claims-docdb"], "EventCategories": ["failover", "maintenance"], "Enabled": True}},
        "DbEvents": {"Type": "AWS::SNS::Topic", "Properties": {}},
    })  # fmt: skip


def redshift_integration(code: str, who: str) -> Build:
    # docs: AWS::Redshift::Integration IntegrationName, SourceArn (a DynamoDB table), TargetArn (the Redshift
    # namespace the table's items are replicated into); AWS::RedshiftServerless::Namespace (GetAtt
    # Namespace.NamespaceArn).
    target = _pick(code, who, {"Fn::GetAtt": ["Warehouse", "Namespace.NamespaceArn"]}, "redshift-serverless",
                   "namespace/a1b2c3d4-5678-90ab-cdef-1234567890ab")  # fmt: skip
    return _stack("claims-zero-etl", {
        "Claims": {"Type": "AWS::DynamoDB::Table", "Properties": {
            "BillingMode": "PAY_PER_REQUEST", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}}},
        "Warehouse": {"Type": "AWS::RedshiftServerless::Namespace", "Properties": {"NamespaceName": "claims"}},
        "ZeroEtl": {"Type": "AWS::Redshift::Integration", "Properties": {
            "IntegrationName": "claims-to-warehouse", "SourceArn": _arn_of("Claims"), "TargetArn": target}},
    })  # fmt: skip


def agentcore_lambda_target(code: str, who: str) -> Build:
    # docs: AWS::BedrockAgentCore::GatewayTarget Name, GatewayIdentifier, TargetConfiguration {Mcp {Lambda {LambdaArn
    # ("The ARN of the Lambda target configuration"), ToolSchema {InlinePayload}}}}, CredentialProviderConfigurations.
    tool = {"Name": "get_claim", "Description": "A claim's status",
            "InputSchema": {"Type": "object", "Properties": {"claim_id": {"Type": "string"}}}}  # fmt: skip
    return _stack("claims-tools", _with_function({
        "Tools": {"Type": "AWS::BedrockAgentCore::GatewayTarget", "Properties": {
            "Name": "claims-tools", "GatewayIdentifier": "claims-gateway-a1b2c3d4e5",
            "CredentialProviderConfigurations": [{"CredentialProviderType": "GATEWAY_IAM_ROLE"}],
            "TargetConfiguration": {"Mcp": {"Lambda": {
                "LambdaArn": _pick(code, who, _arn_of("Function"), "lambda", "function:claims-tools"),
                "ToolSchema": {"InlinePayload": [tool]}}}}}},
    }, who))  # fmt: skip


def media_insights(code: str, who: str) -> Build:
    # docs: AWS::ChimeSDKMediaPipelines::MediaInsightsPipelineConfiguration MediaInsightsPipelineConfigurationName,
    # ResourceAccessRoleArn, Elements [{Type, AmazonTranscribeCallAnalyticsProcessorConfiguration {LanguageCode},
    # KinesisDataStreamSinkConfiguration {InsightsTarget}}] (each call's transcript and analytics).
    stream = _pick(code, who, _arn_of("CallInsights"), "kinesis", "stream/call-insights")
    return _stack("call-analytics", {
        "Pipeline": {"Type": "AWS::ChimeSDKMediaPipelines::MediaInsightsPipelineConfiguration", "Properties": {
            "MediaInsightsPipelineConfigurationName": "claims-calls", "ResourceAccessRoleArn": _arn_of("PipelineRole"),
            "Elements": [
                {"Type": "AmazonTranscribeCallAnalyticsProcessor",
                 "AmazonTranscribeCallAnalyticsProcessorConfiguration": {"LanguageCode": "en-US"}},
                {"Type": "KinesisDataStreamSink", "KinesisDataStreamSinkConfiguration": {"InsightsTarget": stream}}]}},
        "CallInsights": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
        "PipelineRole": _role("mediapipelines.chime.amazonaws.com"),
    })  # fmt: skip


def agent_collaborator(code: str, who: str) -> Build:
    # docs: AWS::Bedrock::Agent AgentName, FoundationModel, AgentResourceRoleArn, Instruction, AgentCollaboration
    # SUPERVISOR, AgentCollaborators [{CollaboratorName, CollaborationInstruction, AgentDescriptor {AliasArn},
    # RelayConversationHistory}]; AWS::Bedrock::AgentAlias AgentId, AgentAliasName (GetAtt AgentAliasArn).
    alias = _pick(code, who, {"Fn::GetAtt": ["PolicyAlias", "AgentAliasArn"]}, "bedrock",
                  "agent-alias/POLICYAGT1/LIVEALIAS1")  # fmt: skip
    resources: dict[str, Any] = {
        "Supervisor": {"Type": "AWS::Bedrock::Agent", "Properties": {
            "AgentName": "claims-supervisor", "FoundationModel": "amazon.nova-pro-v1:0",
            "AgentResourceRoleArn": _arn_of("AgentRole"), "Instruction": "Route each claim question to a specialist.",
            "AgentCollaboration": "SUPERVISOR", "AgentCollaborators": [{
                "CollaboratorName": "policy", "CollaborationInstruction": "Answers questions about the policy.",
                "AgentDescriptor": {"AliasArn": alias}, "RelayConversationHistory": "TO_COLLABORATOR"}]}},
        "AgentRole": _role("bedrock.amazonaws.com"),
    }  # fmt: skip
    if who == "own":
        resources |= {
            "Policy": {"Type": "AWS::Bedrock::Agent", "Properties": {
                "AgentName": "policy", "FoundationModel": "amazon.nova-pro-v1:0",
                "AgentResourceRoleArn": _arn_of("AgentRole"), "Instruction": "Answer questions about the policy.",
                "AgentCollaboration": "DISABLED"}},
            "PolicyAlias": {"Type": "AWS::Bedrock::AgentAlias", "Properties": {
                "AgentId": {"Ref": "Policy"}, "AgentAliasName": "live"}},
        }  # fmt: skip
    return _stack("claims-agents", resources)


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "cfn-oam-link": (oam_link, CODES),
    "cfn-logs-account-policy": (logs_account_policy, CODES),
    "cfn-logs-delivery-destination": (logs_delivery_destination, CODES),
    "cfn-centralization-rule": (centralization_rule, CODES),
    "cfn-ecr-replication": (ecr_replication, CODES),
    "cfn-sms-event-destinations": (sms_event_destinations, CODES),
    "cfn-sms-two-way": (sms_two_way, CODES),
    "cfn-transit-gateway-peering": (transit_gateway_peering, CODES),
    "cfn-lattice-vpc-association": (lattice_vpc_association, CODES),
    "cfn-service-network-endpoint": (service_network_endpoint, CODES),
    "cfn-docdb-events": (docdb_events, CODES),
    "cfn-redshift-integration": (redshift_integration, CODES),
    "cfn-agentcore-lambda-target": (agentcore_lambda_target, CODES),
    "cfn-media-insights": (media_insights, CODES),
    "cfn-agent-collaborator": (agent_collaborator, CODES),
}
"""Kind -> (builder, jurisdictions). Every kind runs everywhere (aws-cn: services placed there are judged for
residency, not availability, docs/residency-open.md)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred54-{code.lower()}-{kind}-{who}", code, make(code, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] if who == "partner-declared" else [])
        for kind, (make, codes) in KINDS.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip
