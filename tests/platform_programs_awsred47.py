"""AWS red team, round 19 (stop 47): Cloud WAN joins, connection accepters, S3 ACL grantees and pipe enrichments.

Round 19 started from what rounds 17 and 18 left open and probed, with one-value subjects on the unchanged engine (main
c0b9543), Network Manager attachments, S3 ACL grants, StackSet parameter overrides and about thirty data-moving inputs
(RAM, DataSync, Backup, DynamoDB / RDS exports, Firehose, OpenSearch, Redshift, Lake Formation, Clean Rooms, Data
Exchange, AppFlow, Pipes). These programs passed every door before and are refused now:

- a Cloud WAN VPC, Site-to-Site VPN, Connect or Direct Connect gateway attachment, or a transit gateway peering, to a
  core network the stack did not make (``core_network_id``), a route table attachment through a peering it did not
  make, an attachment accepted into its core network that it did not make, an OpenSearch inbound cross-cluster
  connection it did not request (RES-017 until the exact id is declared);
- a pipe's enrichment and a Cloud WAN peering's transit gateway of another account, an S3 bucket ACL granting a
  canonical user id or an e-mail address other than the owner the ACL names (RES-023 until pinned or declared).

``who``: ``own`` (the stack makes it, or the team's account the table's provider pins: passes), ``literal`` /
``partner`` (another's: refused), ``*-declared`` (declared: passes). The verdicts are in docs/residency.md, "AWS red
team, round 19 (stop 47)". tests/test_realistic_programs.py runs them as CASES (``awsred47-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

# The same accounts, Regions and declaration as rounds 16 to 18 (one fact, one place).
from platform_programs_awsred44 import CODES, HOME, OWN, PARTITION, PARTNER, PARTNER_DECLARED, WHO

Build = Callable[[Any], object]

CORE_NETWORK = "core-network-0a1b2c3d4e5f6a7b8"
"""The network account's core network, shared with the team through RAM (not made by the stack)."""
CORE_DECLARED: dict[str, Any] = {
    "id": "network-account-core", "kind": "resident", "match": CORE_NETWORK,
    "evidence": "the network account's core network: its policy's edge locations are the market's Regions only",
}  # fmt: skip
ATTACHMENT = "attachment-0a1b2c3d4e5f6a7b8"
"""An attachment request the stack's core network receives from an account the stack does not know."""
ATTACHMENT_DECLARED: dict[str, Any] = {
    "id": "branch-vpc-attachment", "kind": "resident", "match": ATTACHMENT,
    "evidence": "the branch account's VPC in the market's Region",
}  # fmt: skip
PEERING = "peering-0a1b2c3d4e5f6a7b8"
"""A Cloud WAN peering the network account made."""
PEERING_DECLARED: dict[str, Any] = {
    "id": "network-account-peering", "kind": "resident", "match": PEERING,
    "evidence": "the network account's peering with the market's core network edge",
}  # fmt: skip
CONNECTION = "cc-0a1b2c3d4e5f6a7b8"
"""An OpenSearch cross-cluster connection another domain requested."""
CONNECTION_DECLARED: dict[str, Any] = {
    "id": "analytics-search-connection", "kind": "resident", "match": CONNECTION,
    "evidence": "the analytics account's search domain in the market's Region",
}  # fmt: skip
CANONICAL_OWN = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
"""The team account's S3 canonical user id (the bucket owner)."""
CANONICAL_PARTNER = "a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4"
"""A partner account's S3 canonical user id."""
GRANTEE_DECLARED: dict[str, Any] = {
    "id": "auditor-read", "kind": "resident", "match": CANONICAL_PARTNER,
    "evidence": "the group's audit account (canonical id); its SCP keeps every copy in the market's Regions",
}  # fmt: skip
EMAIL_PARTNER = "s3-audit@partner.example.com"
"""A partner account's root e-mail address (an AmazonCustomerByEmail grantee)."""
EMAIL_DECLARED: dict[str, Any] = {
    "id": "auditor-read-email", "kind": "resident", "match": EMAIL_PARTNER,
    "evidence": "the group's audit account, by its root e-mail address",
}  # fmt: skip


def _arn(code: str, who: str, service: str, rest: str) -> str:
    account = OWN if who == "own" else PARTNER
    return f"arn:{PARTITION[code]}:{service}:{HOME[code]}:{account}:{rest}"


def _core_network(c: Any, shape: str) -> Any:
    """The stack's own core network's id (``own``), else the shared core network's literal id."""
    if shape != "own":
        return CORE_NETWORK
    network = aws.networkmanager.GlobalNetwork("wan", description="fleet WAN", opts=c.aws)
    return aws.networkmanager.CoreNetwork("core", global_network_id=network.id, opts=c.aws).id


# -- Cloud WAN joins by id (global_group_fields, RES-017) --------------------------------------------------------------


def vpc_attachment(code: str, shape: str) -> Build:
    # docs: networkmanager/vpcattachment — `core_network_id` "The ID of a core network for the VPC attachment".
    def build(c: Any) -> object:
        return aws.networkmanager.VpcAttachment(
            "claims-vpc", core_network_id=_core_network(c, shape), vpc_arn=_arn(code, "own", "ec2", "vpc/vpc-0a1b2c3d"),
            subnet_arns=[_arn(code, "own", "ec2", "subnet/subnet-0a1b2c3d")], opts=c.aws,
        )  # fmt: skip

    return build


def vpn_attachment(code: str, shape: str) -> Build:
    # docs: networkmanager/sitetositevpnattachment — `core_network_id`, `vpn_connection_arn`.
    def build(c: Any) -> object:
        return aws.networkmanager.SiteToSiteVpnAttachment(
            "plant-vpn", core_network_id=_core_network(c, shape),
            vpn_connection_arn=_arn(code, "own", "ec2", "vpn-connection/vpn-0a1b2c3d"), opts=c.aws,
        )  # fmt: skip

    return build


def connect_attachment(code: str, shape: str) -> Build:
    # docs: networkmanager/connectattachment — the plant SD-WAN's GRE Connect attachment at the edge of the market's
    # Region (its edge is judged as a Region; the core network it joins decides where the traffic is routed).
    def build(c: Any) -> object:
        return aws.networkmanager.ConnectAttachment(
            "plant-connect", core_network_id=_core_network(c, shape), transport_attachment_id=ATTACHMENT,
            edge_location=HOME[code], options={"protocol": "GRE"}, opts=c.aws,
        )  # fmt: skip

    return build


def dx_attachment(code: str, shape: str) -> Build:
    # docs: networkmanager/dxgatewayattachment — `core_network_id`, `direct_connect_gateway_arn`, `edge_locations`.
    def build(c: Any) -> object:
        return aws.networkmanager.DxGatewayAttachment(
            "datacentre-dx", core_network_id=_core_network(c, shape),
            direct_connect_gateway_arn=f"arn:{PARTITION[code]}:directconnect::{OWN}:dx-gateway/0a1b2c3d",
            edge_locations=[HOME[code]], opts=c.aws,
        )  # fmt: skip

    return build


def tgw_peering(code: str, shape: str) -> Build:
    # docs: networkmanager/transitgatewaypeering — `core_network_id`, `transit_gateway_arn` (the stack's own here).
    def build(c: Any) -> object:
        tgw = aws.ec2transitgateway.TransitGateway("hub", description="market hub", opts=c.aws)
        return aws.networkmanager.TransitGatewayPeering(
            "hub-peering", core_network_id=_core_network(c, shape), transit_gateway_arn=tgw.arn, opts=c.aws
        )

    return build


JOIN_KINDS: dict[str, Callable[[str, str], Build]] = {
    "cloud-wan-vpc": vpc_attachment,
    "cloud-wan-vpn": vpn_attachment,
    "cloud-wan-connect": connect_attachment,
    "cloud-wan-dx": dx_attachment,
    "cloud-wan-tgw-peering": tgw_peering,
}


def route_table_attachment(code: str, shape: str) -> Build:
    # docs: networkmanager/transitgatewayroutetableattachment — `peering_id` "The ID of the peer for the attachment".
    def build(c: Any) -> object:
        tgw = aws.ec2transitgateway.TransitGateway("hub", description="market hub", opts=c.aws)
        table = aws.ec2transitgateway.RouteTable("hub-routes", transit_gateway_id=tgw.id, opts=c.aws)
        peering: Any = PEERING
        if shape == "own":
            peering = aws.networkmanager.TransitGatewayPeering(
                "hub-peering", core_network_id=_core_network(c, "own"), transit_gateway_arn=tgw.arn, opts=c.aws
            ).id
        return aws.networkmanager.TransitGatewayRouteTableAttachment(
            "hub-routes", peering_id=peering, transit_gateway_route_table_arn=table.arn, opts=c.aws
        )

    return build


def attachment_accepter(code: str, shape: str) -> Build:
    # docs: networkmanager/attachmentaccepter — the registry example accepts the stack's own VPC attachment by its id
    # and attachment type.
    def build(c: Any) -> object:
        attachment: Any = ATTACHMENT
        if shape == "own":
            attachment = vpc_attachment(code, "own")(c)
        return aws.networkmanager.AttachmentAccepter(
            "accept", attachment_id=attachment.id if shape == "own" else attachment,
            attachment_type=attachment.attachment_type if shape == "own" else "VPC", opts=c.aws,
        )  # fmt: skip

    return build


def search_accepter(code: str, shape: str) -> Build:
    # docs: opensearch/inboundconnectionaccepter — the registry example accepts the stack's own outbound connection
    # (opensearch/outboundconnection: `local_domain_info`, `remote_domain_info` owner id, Region and domain name).
    def build(c: Any) -> object:
        connection: Any = CONNECTION
        if shape == "own":
            connection = aws.opensearch.OutboundConnection(
                "claims-search", connection_alias="claims-search",
                local_domain_info={"owner_id": OWN, "region": HOME[code], "domain_name": "claims-archive"},
                remote_domain_info={"owner_id": OWN, "region": HOME[code], "domain_name": "claims"}, opts=c.aws,
            ).id  # fmt: skip
        return aws.opensearch.InboundConnectionAccepter("claims-search", connection_id=connection, opts=c.aws)

    return build


# -- another account's resource or identity (RES-023) -----------------------------------------------------------------


def pipe_enrichment(code: str, who: str) -> Build:
    # docs: pipes/pipe — `enrichment` "Enrichment resource of the pipe (typically an ARN)"; the registry example's
    # enrichment is an API destination, here a Lambda function that adds the customer record to each order event.
    def build(c: Any) -> object:
        source = aws.sqs.Queue("orders", opts=c.aws)
        target = aws.sqs.Queue("orders-enriched", opts=c.aws)
        return aws.pipes.Pipe(
            "orders", role_arn=f"arn:{PARTITION[code]}:iam::{OWN}:role/orders-pipe", source=source.arn,
            target=target.arn, enrichment=_arn(code, who, "lambda", "function:add-customer"), opts=c.aws,
        )  # fmt: skip

    return build


def peering_transit_gateway(code: str, who: str) -> Build:
    # docs: networkmanager/transitgatewaypeering — `transit_gateway_arn` "The ARN of the transit gateway for the
    # peering request"; the stack's own core network.
    def build(c: Any) -> object:
        return aws.networkmanager.TransitGatewayPeering(
            "hub-peering", core_network_id=_core_network(c, "own"),
            transit_gateway_arn=_arn(code, who, "ec2", "transit-gateway/tgw-0a1b2c3d4e5f6a7b8"), opts=c.aws,
        )  # fmt: skip

    return build


ACCOUNT_KINDS: dict[str, Callable[[str, str], Build]] = {
    "pipe-enrichment": pipe_enrichment,
    "cloud-wan-peering-tgw": peering_transit_gateway,
}


def bucket_acl(grantee: str) -> Callable[[str, str], Build]:
    # docs: s3/bucketacl — the registry example's access control policy (owner `current.id`, a CanonicalUser grant
    # and the Log Delivery group's READ_ACP); the grant is to the owner (`own`) or to a partner's canonical id or
    # e-mail address.
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            bucket = aws.s3.Bucket("audit-exports", opts=c.aws)
            controls = aws.s3.BucketOwnershipControls(
                "audit-exports", bucket=bucket.id, rule={"object_ownership": "BucketOwnerPreferred"}, opts=c.aws
            )
            granted: dict[str, str] = {"type": "CanonicalUser", "id": CANONICAL_OWN}
            if who != "own":
                granted = (
                    {"type": "CanonicalUser", "id": CANONICAL_PARTNER}
                    if grantee == "canonical"
                    else {"type": "AmazonCustomerByEmail", "email_address": EMAIL_PARTNER}
                )
            return aws.s3.BucketAcl(
                "audit-exports", bucket=bucket.id, access_control_policy={
                    "owner": {"id": CANONICAL_OWN},
                    "grants": [
                        {"grantee": granted, "permission": "READ"},
                        {"grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"},
                         "permission": "READ_ACP"},
                    ],
                }, opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[controls])),
            )  # fmt: skip

        return build

    return make


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    for kind, make in JOIN_KINDS.items():
        for code in CODES:
            out.append((f"awsred47-{code.lower()}-{kind}-own", code, make(code, "own"), set(), []))
            out.append((f"awsred47-{code.lower()}-{kind}-literal", code, make(code, "literal"), {"RES-017"}, []))
            out.append((f"awsred47-{code.lower()}-{kind}-literal-declared", code, make(code, "literal"), set(),
                        [CORE_DECLARED]))  # fmt: skip
    for kind, make, declared in (
        ("cloud-wan-route-table", route_table_attachment, PEERING_DECLARED),
        ("cloud-wan-accepter", attachment_accepter, ATTACHMENT_DECLARED),
        ("search-accepter", search_accepter, CONNECTION_DECLARED),
    ):  # fmt: skip
        for code in CODES:
            out.append((f"awsred47-{code.lower()}-{kind}-own", code, make(code, "own"), set(), []))
            out.append((f"awsred47-{code.lower()}-{kind}-literal", code, make(code, "literal"), {"RES-017"}, []))
            out.append((f"awsred47-{code.lower()}-{kind}-literal-declared", code, make(code, "literal"), set(),
                        [declared]))  # fmt: skip
    for kind, make in ACCOUNT_KINDS.items():
        for code in CODES:
            for who in WHO:
                out.append((f"awsred47-{code.lower()}-{kind}-{who}", code, make(code, who),
                            {"RES-023"} if who == "partner" else set(),
                            [PARTNER_DECLARED] if who == "partner-declared" else []))  # fmt: skip
    for grantee, declaration in (("canonical", GRANTEE_DECLARED), ("email", EMAIL_DECLARED)):
        make = bucket_acl(grantee)
        for code in (*CODES, "US", "CN"):
            for who in WHO:
                # aws-cn lies wholly in CN: any account's grantee there is China's (as a granted account id is).
                refused = who == "partner" and code != "CN"
                out.append(
                    (
                        f"awsred47-{code.lower()}-bucket-acl-{grantee}-{who}",
                        code,
                        make(code, who),
                        {"RES-023"} if refused else set(),
                        [declaration] if who == "partner-declared" else [],
                    )
                )
    return out
