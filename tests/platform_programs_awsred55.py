"""AWS red team, round 28 (stop 55): template twins of newer services' destinations.

Round 28 probed, on the unchanged engine (main a7fee677), what round 27 left open and newer services' pulumi-aws
resources and CloudFormation types as one-value subjects and one-resource templates in a ``cloudformation.Stack`` (EU,
provider pinned to the team's account). Already refused (no change): a Q Business data accessor's ``Principal`` of
another account (RES-023), a DataZone blueprint configuration's Regions abroad (RES-009), a Region switch plan's Region
abroad (RES-009), an Evidently project's, AppFabric ingestion destination's, Entity Resolution workflow's, B2B Data
Interchange capability's, IVS recording's and FleetWise campaign's S3 bucket the stack does not make (RES-017), a
MediaLive channel's RTMP destination of a partner (RES-015), and EventBridge Pipes targets. **Passed every door**: an
``AWS::CleanRooms::Collaboration`` inviting another account as the member who receives results (the Pulumi
collaboration RES-016), an ``AWS::IoTWireless::Destination`` handing the devices' uplinks to another account's SNS
topic (``ExpressionType: SnsTopic``), an ``AWS::MediaConnect::FlowEntitlement`` granting another account the flow's
live content (``Subscribers``), an ``AWS::IoTFleetWise::Campaign`` writing the vehicles' signals to another account's
Timestream table, and an ``AWS::MediaConnect::FlowOutput`` pushing the flow to a partner's address (``Destination``).
They are refused now (``stack_templates`` entries: each judged as a Pulumi input of the same fact). On main a7fee677
the 75 programs here: 21 failed (16 ``partner`` programs outside CN, the output's 5 ``partner`` programs), 54 passed.

``who``: ``own`` (the template's own resource by ``Ref`` / ``Fn::GetAtt``, the stack's account, a member that only
contributes its tables, an address in the team's VPC: passes), ``partner`` (another account's or a partner's: refused,
outside CN for an account), ``partner-declared`` (that account, catalogue id or host declared: passes). aws-cn lies
wholly in CN: every account there is China's; a partner's host is no more placed there than elsewhere.
tests/test_realistic_programs.py runs them as CASES (``awsred55-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from platform_parts import WHO, Build, Row

# The same accounts and declaration as rounds 16 to 27, and round 23's template helpers (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED
from platform_programs_awsred51 import CODES, _pick, _role, _stack


def cleanrooms_collaboration(code: str, who: str) -> Build:
    """A claims-fraud collaboration: the team queries, the partner contributes its tables or receives the results."""
    # docs: AWS::CleanRooms::Collaboration Name, Description, CreatorDisplayName, CreatorMemberAbilities,
    # QueryLogStatus, Members [MemberSpecification {AccountId, DisplayName, MemberAbilities (CAN_QUERY |
    # CAN_RECEIVE_RESULTS)}]: "If the invited member is the member who can receive results, they specify the results
    # destination and format" (create-membership: their own membership's S3 location).
    abilities = [] if who == "own" else ["CAN_RECEIVE_RESULTS"]
    return _stack("claims-fraud-clean-room", {
        "Collaboration": {"Type": "AWS::CleanRooms::Collaboration", "Properties": {
            "Name": "claims-fraud", "Description": "Shared fraud signals",
            "CreatorDisplayName": "claims-team", "CreatorMemberAbilities": ["CAN_QUERY"],
            "QueryLogStatus": "ENABLED",
            "Members": [{"AccountId": PARTNER, "DisplayName": "partner-insurer", "MemberAbilities": abilities}]}},
    })  # fmt: skip


def iotwireless_destination(code: str, who: str) -> Build:
    # docs: AWS::IoTWireless::Destination Name, ExpressionType (RuleName | MqttTopic | SnsTopic), Expression ("The rule
    # name to send messages to"), RoleArn: the LoRaWAN devices' uplink messages are handed to the expression.
    topic = _pick(code, who, {"Ref": "Uplinks"}, "sns", "meter-uplinks")
    return _stack("meter-lorawan", {
        "Destination": {"Type": "AWS::IoTWireless::Destination", "Properties": {
            "Name": "meter-uplinks", "ExpressionType": "SnsTopic", "Expression": topic,
            "RoleArn": {"Fn::GetAtt": ["DestinationRole", "Arn"]}}},
        "Uplinks": {"Type": "AWS::SNS::Topic", "Properties": {}},
        "DestinationRole": _role("iotwireless.amazonaws.com"),
    })  # fmt: skip


def _flow() -> dict[str, Any]:
    # docs: AWS::MediaConnect::Flow Name, Source {Name, Protocol, IngestPort, WhitelistCidr}; Ref returns the flow ARN.
    source = {"Name": "studio", "Protocol": "srt-listener", "IngestPort": 5000, "WhitelistCidr": "10.20.0.0/16"}
    return {"Type": "AWS::MediaConnect::Flow", "Properties": {"Name": "claims-hearing-live", "Source": source}}


def mediaconnect_entitlement(code: str, who: str) -> Build:
    # docs: AWS::MediaConnect::FlowEntitlement FlowArn, Name, Description, Subscribers ("The AWS account IDs that you
    # want to share your content with. The receiving accounts (subscribers) will be allowed to create their own flow
    # using your content as the source", API Entitlement).
    subscriber = {"Ref": "AWS::AccountId"} if who == "own" else PARTNER
    return _stack("claims-hearing-feed", {
        "Flow": _flow(),
        "Entitlement": {"Type": "AWS::MediaConnect::FlowEntitlement", "Properties": {
            "FlowArn": {"Ref": "Flow"}, "Name": "hearing-feed", "Description": "Live hearing feed",
            "Subscribers": [subscriber]}},
    })  # fmt: skip


def fleetwise_campaign(code: str, who: str) -> Build:
    # docs: AWS::IoTFleetWise::Campaign Name, SignalCatalogArn, TargetArn, CollectionScheme, DataDestinationConfigs
    # [DataDestinationConfig {TimestreamConfig {TimestreamTableArn, ExecutionRoleArn}}]: the vehicles' collected signals
    # are written to the table.
    table = _pick(code, who, {"Fn::GetAtt": ["Signals", "Arn"]}, "timestream", "database/fleet/table/signals")
    own = "arn:${AWS::Partition}:iotfleetwise:${AWS::Region}:${AWS::AccountId}"
    return _stack("fleet-telemetry-campaign", {
        "Campaign": {"Type": "AWS::IoTFleetWise::Campaign", "Properties": {
            "Name": "brake-wear", "Action": "APPROVE", "SignalCatalogArn": {"Fn::Sub": f"{own}:signal-catalog/fleet"},
            "TargetArn": {"Fn::Sub": f"{own}:fleet/vans"},
            "CollectionScheme": {"TimeBasedCollectionScheme": {"PeriodMs": 10000}},
            "DataDestinationConfigs": [{"TimestreamConfig": {
                "TimestreamTableArn": table, "ExecutionRoleArn": {"Fn::GetAtt": ["CampaignRole", "Arn"]}}}]}},
        "Fleet": {"Type": "AWS::Timestream::Database", "Properties": {"DatabaseName": "fleet"}},
        "Signals": {"Type": "AWS::Timestream::Table", "Properties": {
            "DatabaseName": {"Ref": "Fleet"}, "TableName": "signals"}},
        "CampaignRole": _role("iotfleetwise.amazonaws.com"),
    })  # fmt: skip


PARTNER_INGEST = "ingest.partner-broadcast.example.net"
"""A partner broadcaster's ingest address, which no catalogue places."""


def mediaconnect_output(code: str, who: str) -> Build:
    # docs: AWS::MediaConnect::FlowOutput FlowArn, Protocol, Destination ("The IP address where you want to send the
    # output"), Port, VpcInterfaceAttachment: the flow's live content is pushed to the destination.
    props: dict[str, Any] = {"FlowArn": {"Ref": "Flow"}, "Name": "archive", "Protocol": "rtp", "Port": 5004}
    if who == "own":  # the team's recorder in its VPC, reached through the flow's VPC interface
        props |= {"Destination": "10.20.4.15", "VpcInterfaceAttachment": {"VpcInterfaceName": "recorder-vpc"}}
    else:
        props["Destination"] = PARTNER_INGEST
    return _stack("claims-hearing-output", {
        "Flow": _flow(),
        "Output": {"Type": "AWS::MediaConnect::FlowOutput", "Properties": props},
    })  # fmt: skip


KINDS: dict[str, Callable[[str, str], Build]] = {
    "cfn-cleanrooms-collaboration-results": cleanrooms_collaboration,
    "cfn-iotwireless-destination-topic": iotwireless_destination,
    "cfn-mediaconnect-entitlement": mediaconnect_entitlement,
    "cfn-fleetwise-campaign-table": fleetwise_campaign,
    "cfn-mediaconnect-output-host": mediaconnect_output,
}
"""Kind -> builder. Every kind runs in every jurisdiction (aws-cn: judged for residency, not availability)."""

CLEANROOMS_DECLARED: dict[str, Any] = {
    "id": "partner-insurer-clean-room", "kind": "resident", "match": "aws-cleanrooms-member-receives-results",
    "evidence": "the partner insurer's membership writes results to its bucket in the market's Region (contract CR-3)",
}  # fmt: skip
"""A member that receives results is refused as a share (RES-016, the Pulumi collaboration's global_services entry),
declared by the catalogue id, as for a Pulumi ``cleanrooms.Collaboration``."""
INGEST_DECLARED: dict[str, Any] = {
    "id": "partner-broadcast-ingest", "kind": "resident", "match": PARTNER_INGEST,
    "evidence": "the partner broadcaster's ingest, hosted in the market (contract BC-12)",
}  # fmt: skip
REFUSED = {"cfn-cleanrooms-collaboration-results": "RES-016", "cfn-mediaconnect-output-host": "RES-015"}
"""The rule a ``partner`` program of a kind is refused by (RES-023 unless listed)."""
DECLARED = {
    "cfn-cleanrooms-collaboration-results": CLEANROOMS_DECLARED,
    "cfn-mediaconnect-output-host": INGEST_DECLARED,
}
"""The declaration a ``partner-declared`` program of a kind makes (the partner's account unless listed)."""
EVERYWHERE = {"cfn-mediaconnect-output-host"}
"""Kinds whose ``partner`` is refused in CN too (a host, not an account)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred55-{code.lower()}-{kind}-{who}", code, make(code, who),
         {REFUSED.get(kind, "RES-023")} if who == "partner" and (code != "CN" or kind in EVERYWHERE) else set(),
         [DECLARED.get(kind, PARTNER_DECLARED)] if who == "partner-declared" else [])
        for kind, make in KINDS.items()
        for code in CODES
        for who in WHO
    ]  # fmt: skip
