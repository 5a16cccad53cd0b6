"""AWS red team, round 35 (stop 58): template twins of granted and written accounts, round 2; a network of brokers and
a custom engine version's installation files, each in a template and in Pulumi.

Reproduced on the unchanged engine (main 290bcb02), one resource in a ``cloudformation.Stack`` each (provider pinned to
the team's account) beside its Pulumi twin, EU / DE / US / JP / CN (Redshift Serverless, SES: not CN): another account
(RES-023 in Pulumi) as an ``AWS::EC2::TransitGatewayPeeringAttachment``'s ``PeerAccountId`` or an
``AWS::RedshiftServerless::EndpointAccess``'s ``OwnerAccount`` **passed every door** (EU / DE / US / JP: 8 leaks; no
``stack_templates`` ``resources`` entry mapped the type). Already judged alike, pinned: a Lambda layer version
permission's ``Principal``, an ECR replication rule's ``RegistryId``, an Auto Scaling group's notification topic, an SES
configuration set's SNS event destination, an SQS queue's dead-letter queue, an EventBridge rule's target bus (another
account's: RES-023 outside CN in both), a Lake Formation ``PrincipalPermissions`` grant to another account's role
(RES-023 in a template), an ActiveMQ network connector to a partner's broker in a broker configuration (``Fn::Base64``
of the XML in a template, the XML in Pulumi: RES-015), and an RDS Custom engine version reading its installation files
from a contractor's bucket (a source: passes in both).

Found and left open (docs/residency-open.md): a RAM resource share's ``Principals`` is RES-023 in a template while the
Pulumi ``ram.PrincipalAssociation`` passes by design (stop 34: the share's data association is judged); a Lake Formation
grant to another account's IAM role passes in Pulumi (``aws-lakeformation-cross-account-grant`` refuses an account id
or an organization only); an ``AWS::AmazonMQ::Configuration``'s ``Data`` written as a base64 literal is not decoded.
Those programs are not in the table.

Now: ``stack_templates`` ``resources`` maps ``PeerAccountId`` to the Pulumi attachment's ``peer_account_id`` and
``OwnerAccount`` to the Pulumi endpoint access's ``owner_account`` (one judgement each, no engine change): 8 failed /
285 passed on main's catalogue, all 293 pass now.

Ids ``awsred58b-<code>-<kind>-<who>``: ``own`` / ``home`` (the template's own account by ``Ref AWS::AccountId`` /
``Fn::Sub`` / ``Fn::GetAtt``, the Pulumi program's own resource or the pinned account, the Region's own broker:
passes), ``partner`` (a partner's account: RES-023 outside CN, an aws-cn account being China's by partition; a
partner's broker: RES-015; a contractor's source bucket: passes), ``partner-declared`` (the partner declared ``kind:
resident``: passes). ``cfn-*`` kinds are a resource in a template, ``pulumi-*`` kinds the Pulumi resource of the same
API call, judged alike. tests/test_realistic_programs.py runs them as CASES (``awsred58b-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, WHO, Program, Row, account_rows, dns_suffix, partition

# The same accounts and template helpers as rounds 23 to 34 (one fact, one place).
from platform_programs_awsred51 import CODES
from platform_programs_awsred55 import _one
from platform_programs_awsred58 import ACCOUNT_DECLARED, NO_CN, PARTNER_ACCOUNT

Build = Any


def _account(who: str) -> Any:
    return {"Ref": "AWS::AccountId"} if who == "own" else PARTNER_ACCOUNT


def _pulumi_account(who: str) -> str:
    return OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT


def _partner(code: str, service: str, resource: str) -> str:
    return f"arn:{partition(code)}:{service}:{HOME[code]}:{PARTNER_ACCOUNT}:{resource}"


# -- another account let in (granted_account_fields) ------------------------------------------------------------------


def cfn_tgw_peering(code: str, who: str) -> Build:
    # docs: AWS::EC2::TransitGatewayPeeringAttachment TransitGatewayId, PeerTransitGatewayId, PeerAccountId ("The ID
    # of the AWS account that owns the transit gateway"), PeerRegion: the two transit gateways route to each other.
    return _one("claims-tgw-peering", "AWS::EC2::TransitGatewayPeeringAttachment", {
        "TransitGatewayId": "tgw-0a1b2c3d4e5f60718", "PeerTransitGatewayId": "tgw-1a1b2c3d4e5f60718",
        "PeerAccountId": _account(who), "PeerRegion": HOME[code]})  # fmt: skip


def pulumi_tgw_peering(code: str, who: str) -> Build:
    # docs: ec2transitgateway/peeringattachment (peer_account_id, peer_region, peer_transit_gateway_id,
    # transit_gateway_id).
    def build(c: Any) -> object:
        return aws.ec2transitgateway.PeeringAttachment("claims-tgw-peering", transit_gateway_id="tgw-0a1b2c3d4e5f60718",
                                                       peer_transit_gateway_id="tgw-1a1b2c3d4e5f60718",
                                                       peer_account_id=_pulumi_account(who), peer_region=HOME[code],
                                                       opts=c.aws)  # fmt: skip

    return build


_LAYER = {"Type": "AWS::Lambda::LayerVersion", "Properties": {
    "LayerName": "claims-common", "CompatibleRuntimes": ["python3.12"],
    "Content": {"S3Bucket": {"Ref": "AWS::NoValue"}, "S3Key": "layers/claims-common.zip"}}}  # fmt: skip


def cfn_layer_permission(code: str, who: str) -> Build:
    # docs: AWS::Lambda::LayerVersionPermission Action lambda:GetLayerVersion, LayerVersionArn, Principal ("An account
    # ID, or * to grant layer usage permission to all accounts"): that account reads the layer's code.
    return _one("claims-layer-share", "AWS::Lambda::LayerVersionPermission", {
        "Action": "lambda:GetLayerVersion", "LayerVersionArn": {"Ref": "Layer"}, "Principal": _account(who)},
        Layer=_LAYER)  # fmt: skip


def pulumi_layer_permission(code: str, who: str) -> Build:
    # docs: lambda/layerversionpermission (layer_name, version_number, statement_id, action, principal).
    def build(c: Any) -> object:
        return aws.lambda_.LayerVersionPermission("claims-layer-share", layer_name="claims-common", version_number=1,
                                                  statement_id="share", action="lambda:GetLayerVersion",
                                                  principal=_pulumi_account(who), opts=c.aws)  # fmt: skip

    return build


def cfn_lakeformation_grant(code: str, who: str) -> Build:
    # docs: AWS::LakeFormation::PrincipalPermissions Principal {DataLakePrincipalIdentifier ("An identifier for the
    # Lake Formation principal")}, Resource {Database {CatalogId, Name}}, Permissions, PermissionsWithGrantOption.
    principal = ({"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-analysts"} if who == "own"
                 else f"arn:{partition(code)}:iam::{PARTNER_ACCOUNT}:role/claims-analysts")  # fmt: skip
    return _one("claims-lake-grant", "AWS::LakeFormation::PrincipalPermissions", {
        "Principal": {"DataLakePrincipalIdentifier": principal},
        "Resource": {"Database": {"CatalogId": {"Ref": "AWS::AccountId"}, "Name": "claims"}},
        "Permissions": ["DESCRIBE"], "PermissionsWithGrantOption": []})  # fmt: skip


def cfn_ecr_replication(code: str, who: str) -> Build:
    # docs: AWS::ECR::ReplicationConfiguration ReplicationConfiguration {Rules [{Destinations [{Region, RegistryId
    # ("The Amazon Web Services account ID of the Amazon ECR private registry to replicate to")}]}]}: every image
    # pushed is copied into that registry.
    return _one("claims-image-copy", "AWS::ECR::ReplicationConfiguration", {
        "ReplicationConfiguration": {"Rules": [{"Destinations": [
            {"Region": HOME[code], "RegistryId": _account(who)}]}]}})  # fmt: skip


def pulumi_ecr_replication(code: str, who: str) -> Build:
    # docs: ecr/replicationconfiguration (replication_configuration.rules.destinations {region, registry_id}).
    def build(c: Any) -> object:
        return aws.ecr.ReplicationConfiguration("claims-image-copy", replication_configuration={"rules": [{
            "destinations": [{"region": HOME[code], "registry_id": _pulumi_account(who)}]}]}, opts=c.aws)  # fmt: skip

    return build


# -- another account's resource written into (written_account_fields) --------------------------------------------------


def cfn_redshift_serverless_endpoint(code: str, who: str) -> Build:
    # docs: AWS::RedshiftServerless::EndpointAccess EndpointName, WorkgroupName, SubnetIds, OwnerAccount ("Account Id of
    # the resource owner"): the stack's clients connect to that account's workgroup through the endpoint.
    return _one("claims-dw-endpoint", "AWS::RedshiftServerless::EndpointAccess", {
        "EndpointName": "claims-dw", "WorkgroupName": "claims", "SubnetIds": ["subnet-0a1b2c3d4e5f60718"],
        "OwnerAccount": _account(who)})  # fmt: skip


def pulumi_redshift_serverless_endpoint(code: str, who: str) -> Build:
    # docs: redshiftserverless/endpointaccess (endpoint_name, workgroup_name, subnet_ids, owner_account).
    def build(c: Any) -> object:
        return aws.redshiftserverless.EndpointAccess("claims-dw-endpoint", endpoint_name="claims-dw",
                                                     workgroup_name="claims", subnet_ids=["subnet-0a1b2c3d4e5f60718"],
                                                     owner_account=_pulumi_account(who), opts=c.aws)  # fmt: skip

    return build


_TOPIC = {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "claims-alerts"}}


def _topic(code: str, who: str) -> Any:
    return {"Ref": "Topic"} if who == "own" else _partner(code, "sns", "claims-alerts")


def cfn_asg_notification(code: str, who: str) -> Build:
    # docs: AWS::AutoScaling::AutoScalingGroup NotificationConfigurations [{NotificationTypes, TopicARN ("The Amazon
    # Resource Name (ARN) of the Amazon SNS topic")}]: each scaling event is published there.
    return _one("claims-workers", "AWS::AutoScaling::AutoScalingGroup", {
        "MinSize": "1", "MaxSize": "4", "VPCZoneIdentifier": ["subnet-0a1b2c3d4e5f60718"],
        "LaunchTemplate": {"LaunchTemplateId": "lt-0a1b2c3d4e5f60718", "Version": "1"},
        "NotificationConfigurations": [{"TopicARN": _topic(code, who),
                                        "NotificationTypes": ["autoscaling:EC2_INSTANCE_LAUNCH_ERROR"]}]},
        Topic=_TOPIC)  # fmt: skip


def pulumi_asg_notification(code: str, who: str) -> Build:
    # docs: autoscaling/notification (group_names, notifications, topic_arn).
    def build(c: Any) -> object:
        topic = aws.sns.Topic("claims-alerts", name="claims-alerts", opts=c.aws)
        arn: Any = topic.arn if who == "own" else _partner(code, "sns", "claims-alerts")
        return aws.autoscaling.Notification("claims-workers", group_names=["claims-workers"],
                                            notifications=[aws.autoscaling.NotificationType.INSTANCE_LAUNCH_ERROR],
                                            topic_arn=arn, opts=c.aws)  # fmt: skip

    return build


def cfn_ses_event_destination(code: str, who: str) -> Build:
    # docs: AWS::SES::ConfigurationSetEventDestination ConfigurationSetName, EventDestination {Enabled,
    # MatchingEventTypes, SnsDestination {TopicARN}}: each bounce (the recipient's address) is published there.
    return _one("claims-mail-events", "AWS::SES::ConfigurationSetEventDestination", {
        "ConfigurationSetName": "claims", "EventDestination": {
            "Enabled": True, "MatchingEventTypes": ["bounce", "complaint"],
            "SnsDestination": {"TopicARN": _topic(code, who)}}}, Topic=_TOPIC)  # fmt: skip


def pulumi_ses_event_destination(code: str, who: str) -> Build:
    # docs: ses/eventdestination (configuration_set_name, enabled, matching_types, sns_destination.topic_arn).
    def build(c: Any) -> object:
        topic = aws.sns.Topic("claims-alerts", name="claims-alerts", opts=c.aws)
        arn: Any = topic.arn if who == "own" else _partner(code, "sns", "claims-alerts")
        return aws.ses.EventDestination("claims-mail-events", configuration_set_name="claims", enabled=True,
                                        matching_types=["bounce", "complaint"], sns_destination={"topic_arn": arn},
                                        opts=c.aws)  # fmt: skip

    return build


def cfn_sqs_redrive(code: str, who: str) -> Build:
    # docs: AWS::SQS::Queue RedrivePolicy {deadLetterTargetArn, maxReceiveCount}: a failed message is moved there.
    target = {"Fn::GetAtt": ["Dlq", "Arn"]} if who == "own" else _partner(code, "sqs", "claims-dlq")
    return _one("claims-intake", "AWS::SQS::Queue", {
        "QueueName": "claims-intake", "RedrivePolicy": {"deadLetterTargetArn": target, "maxReceiveCount": 5}},
        Dlq={"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "claims-dlq"}})  # fmt: skip


def pulumi_sqs_redrive(code: str, who: str) -> Build:
    # docs: sqs/redrivepolicy (queue_url, redrive_policy).
    def build(c: Any) -> object:
        queue = aws.sqs.Queue("claims-intake", name="claims-intake", opts=c.aws)
        dlq = aws.sqs.Queue("claims-dlq", name="claims-dlq", opts=c.aws)
        target: Any = dlq.arn if who == "own" else _partner(code, "sqs", "claims-dlq")
        policy = target.apply(lambda a: json.dumps({"deadLetterTargetArn": a, "maxReceiveCount": 5})) if who == "own" \
            else json.dumps({"deadLetterTargetArn": target, "maxReceiveCount": 5})  # fmt: skip
        return aws.sqs.RedrivePolicy("claims-intake", queue_url=queue.id, redrive_policy=policy, opts=c.aws)

    return build


def cfn_event_target(code: str, who: str) -> Build:
    # docs: AWS::Events::Rule EventPattern, Targets [{Arn ("The Amazon Resource Name (ARN) of the target"), Id,
    # RoleArn}]: each matching event is put on that bus.
    bus = {"Fn::GetAtt": ["Bus", "Arn"]} if who == "own" else _partner(code, "events", "event-bus/claims")
    return _one("claims-forward", "AWS::Events::Rule", {
        "EventPattern": {"source": ["claims.intake"]}, "Targets": [{"Arn": bus, "Id": "bus"}]},
        Bus={"Type": "AWS::Events::EventBus", "Properties": {"Name": "claims"}})  # fmt: skip


def pulumi_event_target(code: str, who: str) -> Build:
    # docs: cloudwatch/eventtarget (rule, arn, role_arn).
    def build(c: Any) -> object:
        bus = aws.cloudwatch.EventBus("claims", name="claims", opts=c.aws)
        rule = aws.cloudwatch.EventRule(
            "claims-forward", event_pattern=json.dumps({"source": ["claims.intake"]}), opts=c.aws
        )
        arn: Any = bus.arn if who == "own" else _partner(code, "events", "event-bus/claims")
        return aws.cloudwatch.EventTarget("claims-forward", rule=rule.name, arn=arn, opts=c.aws)

    return build


ACCOUNTS: dict[str, Program] = {
    "cfn-tgw-peering": cfn_tgw_peering,
    "pulumi-tgw-peering": pulumi_tgw_peering,
    "cfn-layer-permission": cfn_layer_permission,
    "pulumi-layer-permission": pulumi_layer_permission,
    "cfn-lakeformation-grant": cfn_lakeformation_grant,
    "cfn-ecr-replication": cfn_ecr_replication,
    "pulumi-ecr-replication": pulumi_ecr_replication,
    "cfn-asg-notification": cfn_asg_notification,
    "pulumi-asg-notification": pulumi_asg_notification,
    "cfn-sqs-redrive": cfn_sqs_redrive,
    "pulumi-sqs-redrive": pulumi_sqs_redrive,
    "cfn-event-target": cfn_event_target,
    "pulumi-event-target": pulumi_event_target,
}
"""Offered in every jurisdiction: (program) x EU / DE / US / JP / CN."""
NO_CN_ACCOUNTS: dict[str, Program] = {
    "cfn-redshift-serverless-endpoint": cfn_redshift_serverless_endpoint,
    "pulumi-redshift-serverless-endpoint": pulumi_redshift_serverless_endpoint,
    "cfn-ses-event-destination": cfn_ses_event_destination,
    "pulumi-ses-event-destination": pulumi_ses_event_destination,
}
"""Redshift Serverless and SES (not confirmed in / not offered in the China Regions): EU / DE / US / JP."""


# -- a network of brokers: every message is forwarded to the other broker ----------------------------------------------

PARTNER_BROKER = "b-0a1b2c3d-1.mq.partner-analytics.com"
"""The partner's ActiveMQ broker abroad."""


def _broker_xml(code: str, variant: str) -> str:
    # docs: Amazon MQ "Creating and configuring an Amazon MQ network of brokers": a <networkConnector> with
    # uri="static:(ssl://<broker endpoint>:61617)" forwards messages to that broker.
    host = (f"b-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-1.mq.{HOME[code]}.{dns_suffix(code)}" if variant == "home"
            else PARTNER_BROKER)  # fmt: skip
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<broker xmlns="http://activemq.apache.org/schema/core">\n'
            '  <networkConnectors>\n'
            f'    <networkConnector name="claims_to_hub" duplex="true" networkTTL="5" userName="claims"\n'
            f'                      uri="static:(ssl://{host}:61617)"/>\n'
            '  </networkConnectors>\n'
            '</broker>\n')  # fmt: skip


def cfn_mq_network(code: str, variant: str) -> Build:
    # docs: AWS::AmazonMQ::Configuration Name, EngineType ACTIVEMQ, EngineVersion, Data ("The base64-encoded XML
    # configuration"), written as the page's example does, `Fn::Base64` of the XML (a literal base64 text is left open:
    # docs/residency-open.md).
    data = {"Fn::Base64": _broker_xml(code, variant)}
    return _one("claims-broker-config", "AWS::AmazonMQ::Configuration", {
        "Name": "claims-broker", "EngineType": "ACTIVEMQ", "EngineVersion": "5.18", "Data": data})  # fmt: skip


def pulumi_mq_network(code: str, variant: str) -> Build:
    # docs: mq/configuration (name, engine_type ActiveMQ, engine_version, data: "Broker configuration in XML format").
    def build(c: Any) -> object:
        return aws.mq.Configuration("claims-broker-config", name="claims-broker", engine_type="ActiveMQ",
                                    engine_version="5.18", data=_broker_xml(code, variant), opts=c.aws)  # fmt: skip

    return build


BROKERS: dict[str, Program] = {
    "cfn-mq-network-of-brokers": cfn_mq_network,
    "pulumi-mq-network-of-brokers": pulumi_mq_network,
}
BROKER_DECLARED: dict[str, Any] = {
    "id": "claims-hub", "kind": "resident", "match": PARTNER_BROKER,
    "evidence": "the partner's broker in the home market (DPA-58)",
}  # fmt: skip


# -- read from, not written to: a custom engine version's installation files ------------------------------------------

PARTNER_MEDIA = "partner-oracle-media"
"""The DBA contractor's bucket holding the Oracle installation files (read by RDS, nothing written there)."""


def cfn_rds_cev(code: str, variant: str) -> Build:
    # docs: AWS::RDS::CustomDBEngineVersion Engine custom-oracle-ee, EngineVersion,
    # DatabaseInstallationFilesS3BucketName ("The name of an Amazon S3 bucket that contains database installation files
    # for your CEV"), Manifest: RDS reads the installation files from there; nothing is written to it.
    bucket: Any = {"Ref": "Media"} if variant == "own" else PARTNER_MEDIA
    return _one("claims-oracle-cev", "AWS::RDS::CustomDBEngineVersion", {
        "Engine": "custom-oracle-ee", "EngineVersion": "19.cdb_cev1", "DatabaseInstallationFilesS3BucketName": bucket,
        "DatabaseInstallationFilesS3Prefix": "oracle/19",
        "Manifest": json.dumps({"databaseInstallationFileNames": ["V982063-01.zip"]})},
        Media={"Type": "AWS::S3::Bucket", "Properties": {}})  # fmt: skip


def pulumi_rds_cev(code: str, variant: str) -> Build:
    # docs: rds/customdbengineversion (engine, engine_version, database_installation_files_s3_bucket_name, manifest).
    def build(c: Any) -> object:
        media = aws.s3.Bucket("claims-oracle-media", opts=c.aws)
        bucket: Any = media.bucket if variant == "own" else PARTNER_MEDIA
        return aws.rds.CustomDbEngineVersion("claims-oracle-cev", engine="custom-oracle-ee",
                                             engine_version="19.cdb_cev1",
                                             database_installation_files_s3_bucket_name=bucket,
                                             database_installation_files_s3_prefix="oracle/19",
                                             manifest=json.dumps({"databaseInstallationFileNames": ["V982063-01.zip"]}),
                                             opts=c.aws)  # fmt: skip

    return build


SOURCES: dict[str, Program] = {
    "cfn-rds-custom-engine-media": cfn_rds_cev,
    "pulumi-rds-custom-engine-media": pulumi_rds_cev,
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = account_rows("awsred58b", ACCOUNTS, NO_CN, ACCOUNT_DECLARED)
    # An aws-cn account is China's by its partition: every CN program passes.
    out += [(f"awsred58b-cn-{kind}-{who}", "CN", make("CN", who), set(),
             [ACCOUNT_DECLARED] if who == "partner-declared" else [])
            for kind, make in ACCOUNTS.items() for who in WHO]  # fmt: skip
    out += account_rows("awsred58b", NO_CN_ACCOUNTS, NO_CN, ACCOUNT_DECLARED)
    out += [
        (
            f"awsred58b-{code.lower()}-{kind}-{variant}",
            code,
            make(code, variant),
            {"RES-015"} if variant == "partner" else set(),
            [BROKER_DECLARED] if variant == "partner-declared" else [],
        )
        for kind, make in BROKERS.items()
        for code in CODES
        for variant in ("home", "partner", "partner-declared")
    ]
    out += [(f"awsred58b-{code.lower()}-{kind}-{who}", code, make(code, who), set(), [])
            for kind, make in SOURCES.items() for code in CODES for who in ("own", "partner")]  # fmt: skip
    return out
