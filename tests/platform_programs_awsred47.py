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

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import WHO, Build, Row, account_rows

# The same accounts, Regions and declaration as rounds 16 to 18 (one fact, one place).
from platform_programs_awsred44 import (
    CODES,
    HOME,
    OWN,
    PARTITION,
    PARTNER,
    PARTNER_DECLARED,
    account_arn,
)

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
            "claims-vpc", core_network_id=_core_network(c, shape),
            vpc_arn=account_arn(code, "own", "ec2", "vpc/vpc-0a1b2c3d"),
            subnet_arns=[account_arn(code, "own", "ec2", "subnet/subnet-0a1b2c3d")], opts=c.aws,
        )  # fmt: skip

    return build


def vpn_attachment(code: str, shape: str) -> Build:
    # docs: networkmanager/sitetositevpnattachment — `core_network_id`, `vpn_connection_arn`.
    def build(c: Any) -> object:
        return aws.networkmanager.SiteToSiteVpnAttachment(
            "plant-vpn", core_network_id=_core_network(c, shape),
            vpn_connection_arn=account_arn(code, "own", "ec2", "vpn-connection/vpn-0a1b2c3d"), opts=c.aws,
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
            target=target.arn, enrichment=account_arn(code, who, "lambda", "function:add-customer"), opts=c.aws,
        )  # fmt: skip

    return build


def peering_transit_gateway(code: str, who: str) -> Build:
    # docs: networkmanager/transitgatewaypeering — `transit_gateway_arn` "The ARN of the transit gateway for the
    # peering request"; the stack's own core network.
    def build(c: Any) -> object:
        return aws.networkmanager.TransitGatewayPeering(
            "hub-peering", core_network_id=_core_network(c, "own"),
            transit_gateway_arn=account_arn(code, who, "ec2", "transit-gateway/tgw-0a1b2c3d4e5f6a7b8"), opts=c.aws,
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
            policy: Any = {
                "owner": {"id": CANONICAL_OWN},
                "grants": [
                    {"grantee": granted, "permission": "READ"},
                    {"grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"},
                     "permission": "READ_ACP"},
                ],
            }  # fmt: skip
            return aws.s3.BucketAcl(
                "audit-exports", bucket=bucket.id, access_control_policy=policy,
                opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[controls])),
            )  # fmt: skip

        return build

    return make


# -- a Lambda function, bus or principal of another account that receives the stack's requests (RES-023) --------------


def _function(code: str, who: str) -> str:
    return account_arn(code, who, "lambda", "function:orders-handler")


def _invocation(code: str, who: str) -> str:
    # docs: apigateway/integration `uri` — "For AWS integrations ... arn:aws:apigateway:{region}:lambda:path/2015-03-31/
    # functions/{function ARN}/invocations" (a function's `invoke_arn`).
    service = f"arn:{PARTITION[code]}:apigateway:{HOME[code]}:lambda"
    return f"{service}:path/2015-03-31/functions/{_function(code, who)}/invocations"


def _made_function(c: Any, code: str) -> Any:
    """The stack's own function (its `invoke_arn` proves it whatever the provider pins)."""
    role = f"arn:{PARTITION[code]}:iam::{OWN}:role/orders-handler"
    return aws.lambda_.Function(
        "orders-handler", role=role, runtime="python3.12", handler="index.handler",
        code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")}), opts=c.aws,
    )  # fmt: skip


def rest_authorizer(code: str, who: str) -> Build:
    # docs: apigateway/authorizer — `authorizer_uri` "The authorizer's Uniform Resource Identifier (URI). This must be a
    # well-formed Lambda function URI in the form of arn:aws:apigateway:{region}:lambda:path/{service_api}"; the
    # registry example passes the function's `invoke_arn`.
    def build(c: Any) -> object:
        api = aws.apigateway.RestApi("orders", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
        uri: Any = _made_function(c, code).invoke_arn if who == "own" else _invocation(code, who)
        return aws.apigateway.Authorizer("orders-token", rest_api=api.id, authorizer_uri=uri, opts=c.aws)

    return build


def rest_integration(code: str, who: str) -> Build:
    # docs: apigateway/integration — the registry's Lambda example (`type` AWS_PROXY, `uri` the function's invoke_arn).
    def build(c: Any) -> object:
        api = aws.apigateway.RestApi("orders", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
        resource = aws.apigateway.Resource(
            "orders", rest_api=api.id, parent_id=api.root_resource_id, path_part="orders", opts=c.aws
        )
        method = aws.apigateway.Method("orders-post", rest_api=api.id, resource_id=resource.id, http_method="POST",
                                       authorization="NONE", opts=c.aws)  # fmt: skip
        return aws.apigateway.Integration(
            "orders-post", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST", type="AWS_PROXY", uri=_invocation(code, who), opts=c.aws,
        )  # fmt: skip

    return build


def http_integration(code: str, who: str) -> Build:
    # docs: apigatewayv2/integration — `integration_uri` "For a Lambda integration, specify the URI of a Lambda
    # function".
    def build(c: Any) -> object:
        api = aws.apigatewayv2.Api("orders", protocol_type="HTTP", opts=c.aws)
        return aws.apigatewayv2.Integration(
            "orders", api_id=api.id, integration_type="AWS_PROXY", integration_method="POST",
            integration_uri=_function(code, who), payload_format_version="2.0", opts=c.aws,
        )  # fmt: skip

    return build


def http_authorizer(code: str, who: str) -> Build:
    # docs: apigatewayv2/authorizer — the registry's HTTP API Lambda authorizer example (REQUEST, `authorizer_uri` the
    # function's invoke_arn, payload format 2.0).
    def build(c: Any) -> object:
        api = aws.apigatewayv2.Api("orders", protocol_type="HTTP", opts=c.aws)
        return aws.apigatewayv2.Authorizer(
            "orders-auth", api_id=api.id, authorizer_type="REQUEST", authorizer_uri=_invocation(code, who),
            identity_sources=["$request.header.Authorization"], name="orders-auth",
            authorizer_payload_format_version="2.0", opts=c.aws,
        )  # fmt: skip

    return build


def rest_body(code: str, who: str) -> Build:
    # docs: apigateway/restapi `body` — an OpenAPI definition whose method's x-amazon-apigateway-integration invokes
    # the function (API Gateway extensions to OpenAPI, x-amazon-apigateway-integration `uri`).
    def build(c: Any) -> object:
        body = {
            "openapi": "3.0.1", "info": {"title": "orders", "version": "1.0"},
            "paths": {"/orders": {"post": {"x-amazon-apigateway-integration": {
                "type": "aws_proxy", "httpMethod": "POST", "uri": _invocation(code, who)}}}},
        }  # fmt: skip
        return aws.apigateway.RestApi("orders", body=json.dumps(body), endpoint_configuration={"types": "REGIONAL"},
                                      opts=c.aws)  # fmt: skip

    return build


def appsync_lambda(code: str, who: str) -> Build:
    # docs: appsync/datasource — `lambda_config.function_arn` "ARN for the Lambda function" (type AWS_LAMBDA).
    def build(c: Any) -> object:
        api = aws.appsync.GraphQLApi("orders", authentication_type="AWS_IAM", name="orders", opts=c.aws)
        return aws.appsync.DataSource(
            "orders-resolver", api_id=api.id, name="orders_resolver", type="AWS_LAMBDA",
            service_role_arn=f"arn:{PARTITION[code]}:iam::{OWN}:role/appsync-orders",
            lambda_config={"function_arn": _function(code, who)}, opts=c.aws,
        )  # fmt: skip

    return build


def appsync_bus(code: str, who: str) -> Build:
    # docs: appsync/datasource — `event_bridge_config.event_bus_arn` "ARN for the EventBridge bus" (AMAZON_EVENTBRIDGE).
    def build(c: Any) -> object:
        api = aws.appsync.GraphQLApi("orders", authentication_type="AWS_IAM", name="orders", opts=c.aws)
        return aws.appsync.DataSource(
            "orders-events", api_id=api.id, name="orders_events", type="AMAZON_EVENTBRIDGE",
            service_role_arn=f"arn:{PARTITION[code]}:iam::{OWN}:role/appsync-orders",
            event_bridge_config={"event_bus_arn": account_arn(code, who, "events", "event-bus/orders")}, opts=c.aws,
        )  # fmt: skip

    return build


def firehose_transform(code: str, who: str) -> Build:
    # docs: kinesis/firehosedeliverystream — the registry's extended S3 example with a Lambda processor
    # (`processing_configuration.processors[].parameters` `LambdaArn`).
    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("clickstream", opts=c.aws)
        role = f"arn:{PARTITION[code]}:iam::{OWN}:role/firehose-clickstream"
        return aws.kinesis.FirehoseDeliveryStream(
            "clickstream", name="clickstream", destination="extended_s3", extended_s3_configuration={
                "role_arn": role, "bucket_arn": bucket.arn, "processing_configuration": {"enabled": True,
                    "processors": [{"type": "Lambda", "parameters": [
                        {"parameter_name": "LambdaArn", "parameter_value": f"{_function(code, who)}:$LATEST"}]}]},
            }, opts=c.aws,
        )  # fmt: skip

    return build


def cognito_trigger(code: str, who: str) -> Build:
    # docs: cognito/userpool — `lambda_config` (pre_sign_up "Pre-registration AWS Lambda trigger", custom_email_sender).
    def build(c: Any) -> object:
        key = aws.kms.Key("cognito-sender", description="custom sender codes", opts=c.aws)
        return aws.cognito.UserPool(
            "customers", name="customers", lambda_config={
                "pre_sign_up": _function(code, who), "kms_key_id": key.arn,
                "custom_email_sender": {"lambda_arn": account_arn(code, who, "lambda", "function:send-mail"),
                                        "lambda_version": "V1_0"},
            }, opts=c.aws,
        )  # fmt: skip

    return build


def eks_access(kind: str) -> Callable[[str, str], Build]:
    # docs: eks/accessentry — `principal_arn` "The IAM Principal ARN which requires Authentication access to the EKS
    # cluster"; eks/accesspolicyassociation — the same principal given a cluster access policy.
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            principal = f"arn:{PARTITION[code]}:iam::{OWN if who == 'own' else PARTNER}:role/platform-operators"
            if kind == "entry":
                return aws.eks.AccessEntry(
                    "operators", cluster_name="claims", principal_arn=principal, type="STANDARD", opts=c.aws
                )
            return aws.eks.AccessPolicyAssociation(
                "operators-view", cluster_name="claims", principal_arn=principal,
                policy_arn=f"arn:{PARTITION[code]}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
                access_scope={"type": "cluster"}, opts=c.aws,
            )  # fmt: skip

        return build

    return make


def ram_share(resource: str) -> Callable[[str], Build]:
    # docs: ram/resourceassociation — `resource_arn` "Amazon Resource Name (ARN) of the resource to associate with the
    # RAM Resource Share"; the share granted to the group's analytics account (ram/principalassociation).
    def make(code: str) -> Build:
        def build(c: Any) -> object:
            share = aws.ram.ResourceShare("analytics", name="analytics", allow_external_principals=False, opts=c.aws)
            aws.ram.PrincipalAssociation("analytics", principal=PARTNER, resource_share_arn=share.arn, opts=c.aws)
            arn: Any
            if resource == "parameter":  # docs: ssm/parameter — an advanced-tier parameter (shareable)
                arn = aws.ssm.Parameter("warehouse-name", name="/claims/warehouse-name", type="String",
                                        tier="Advanced", value="claims-warehouse-v3", opts=c.aws).arn  # fmt: skip
            else:  # docs: sagemaker/featuregroup — the registry example's online feature group
                arn = aws.sagemaker.FeatureGroup(
                    "customers", feature_group_name="customers", record_identifier_feature_name="customer_id",
                    event_time_feature_name="updated_at", role_arn=f"arn:{PARTITION[code]}:iam::{OWN}:role/features",
                    feature_definitions=[{"feature_name": "customer_id", "feature_type": "String"},
                                         {"feature_name": "updated_at", "feature_type": "String"}],
                    online_store_config={"enable_online_store": True}, opts=c.aws,
                ).arn  # fmt: skip
            return aws.ram.ResourceAssociation("analytics", resource_arn=arn, resource_share_arn=share.arn, opts=c.aws)

        return build

    return make


INVOKED_KINDS: dict[str, Callable[[str, str], Build]] = {
    "rest-authorizer": rest_authorizer,
    "rest-integration": rest_integration,
    "rest-body-integration": rest_body,
    "http-integration": http_integration,
    "http-authorizer": http_authorizer,
    "appsync-lambda": appsync_lambda,
    "appsync-bus": appsync_bus,
    "firehose-transform": firehose_transform,
    "cognito-trigger": cognito_trigger,
    "eks-access-entry": eks_access("entry"),
    "eks-access-policy": eks_access("policy"),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
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
    out += account_rows("awsred47", {**ACCOUNT_KINDS, **INVOKED_KINDS}, CODES, PARTNER_DECLARED)
    for resource in ("feature-group", "parameter"):
        for code in (*CODES, "CN"):
            # aws-cn lies wholly in CN (allowed_partitions): every account's Regions are China's.
            out.append((f"awsred47-{code.lower()}-ram-{resource}-share", code, ram_share(resource)(code),
                        set() if code == "CN" else {"RES-016"}, []))  # fmt: skip
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
