"""Programs that move car data (telemetry, owner records) out of a stack by joining another account (round 40).

Round 40 looked for what still passes, as a new team would write it from the provider's registry pages (pulumi-aws v7,
pulumi-alicloud; the field texts are quoted from the installed SDKs): first a sweep of every resource input whose name
says it holds an address, an account or a region (each set alone to a partner's value and run through
``RuleEngine.check``), then the realistic programs below for the inputs that passed and carry data somewhere. Most
inputs tried were already refused (EventBridge Pipes targets, AppSync HTTP data sources, Transfer Family connectors,
OpenSearch Ingestion YAML sinks, IoT Kafka actions, Glue JDBC / Kafka connections, Firehose HTTP endpoints, MSK
Replicator, S3 Tables replication, Amazon MQ networks of brokers, DataZone Regions, AgentCore gateway targets;
Alibaba EventBridge HTTP targets, SLS alert webhooks and ETL sinks, DataWorks data sources, DTS Regions, GTM pools,
PrivateZone forwarders). What passed is mostly one shape: the input that names the OTHER ACCOUNT owning what the
stack's network or data is joined to (a peering, an attachment, a synchronization, a registry sync, an inventory, a
grant), plus two AWS addresses under no host key (a Redshift HSM, a directory trust's DNS forwarders).

``dest`` says where the program sends the data: ``"home"`` the team's own account, or an in-country private address
(the compliant twin), ``"abroad"`` a partner's account or a public address nothing places. AWS programs run under the
realistic table's provider (account 123456789012 pinned); Alibaba Cloud programs under a provider that assumes the
team's deployment role (its UID pinned, as tests/platform_programs_crossaccount39.py does), so the team's own UID is
proven. tests/test_realistic_programs.py runs them as CASES (``redteam40-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]
Make = Callable[..., Build]
RES = str

OWN = "123456789012"
"""The team's own AWS account (the realistic table's provider pins it)."""
PARTNER = "999999999999"
"""Another AWS account (a partner's), which no provider of the stack pins."""
PEER = {"EU": "eu-central-1", "JP": "ap-northeast-3", "US": "us-west-2", "CN": "cn-northwest-1"}
ALI_OWN = "1234567890123456"
"""The team's Alibaba Cloud UID (the role the stack's provider assumes belongs to it)."""
ALI_PARTNER = "5123456789012345"
"""Another Alibaba Cloud account's UID."""
ALI_REGION = "cn-shanghai"


def _account(dest: str) -> str:
    return OWN if dest == "home" else PARTNER


def _uid(dest: str) -> str:
    return ALI_OWN if dest == "home" else ALI_PARTNER


def _ali(c: Any) -> pulumi.ResourceOptions:
    """The team's own Alibaba Cloud provider, assuming its deployment role (its UID is proven)."""
    role = f"acs:ram::{ALI_OWN}:role/deployer"
    provider = alicloud.Provider(
        "ali-cn-deploy", region=ALI_REGION, assume_role={"role_arn": role, "session_name": "ci"}
    )
    return pulumi.ResourceOptions(provider=provider)


# -- AWS ---------------------------------------------------------------------------------------------------------------


def vpc_peering(dest: str, code: str = "EU") -> Build:
    # docs: ec2/vpcpeeringconnection — `peerOwnerId`: "AWS account ID of the target peer VPC. Defaults to the account
    # ID the AWS provider is currently connected to, so must be managed if connecting cross-account." The telemetry
    # VPC peered with an analytics VPC in the jurisdiction's other Region: the team's own, or a partner's.
    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("telemetry", cidr_block="10.10.0.0/16", opts=c.aws)
        return aws.ec2.VpcPeeringConnection(
            "to-analytics", vpc_id=vpc.id, peer_vpc_id="vpc-0a1b2c3d4e5f67890", peer_owner_id=_account(dest),
            peer_region=PEER[code], opts=c.aws,
        )  # fmt: skip

    return build


def tgw_peering(dest: str, code: str = "EU") -> Build:
    # docs: ec2transitgateway/peeringattachment — `peerAccountId`: "Account ID of EC2 Transit Gateway to peer with.
    # Defaults to the account ID the AWS provider is currently connected to."
    def build(c: Any) -> object:
        tgw = aws.ec2transitgateway.TransitGateway("fleet-core", description="fleet core network", opts=c.aws)
        return aws.ec2transitgateway.PeeringAttachment(
            "to-analytics", transit_gateway_id=tgw.id, peer_transit_gateway_id="tgw-0a1b2c3d4e5f67890",
            peer_account_id=_account(dest), peer_region=PEER[code], opts=c.aws,
        )  # fmt: skip

    return build


def eni_permission(dest: str, code: str = "EU") -> Build:
    # docs: ec2/networkinterfacepermission — "Grant an Amazon Web Services-authorized account permission to attach the
    # specified network interface to an instance in their account" (`awsAccountId`, `permission` INSTANCE-ATTACH): the
    # other account's instance then sits in the telemetry subnet.
    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("telemetry", cidr_block="10.10.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("ingest", vpc_id=vpc.id, cidr_block="10.10.1.0/24", opts=c.aws)
        eni = aws.ec2.NetworkInterface("collector", subnet_id=subnet.id, opts=c.aws)
        return aws.ec2.NetworkInterfacePermission(
            "collector-attach", network_interface_id=eni.id, aws_account_id=_account(dest),
            permission="INSTANCE-ATTACH", opts=c.aws,
        )  # fmt: skip

    return build


def redshift_hsm(dest: str, code: str = "EU") -> Build:
    # docs: redshift/hsmconfiguration — `hsmIpAddress`: "The IP address that the Amazon Redshift cluster must use to
    # access the HSM" (the HSM holding the warehouse's keys): the team's HSM in its data centre, reached over Direct
    # Connect at a private address, or a key-management vendor's HSM at a public one.
    address = "10.40.0.15" if dest == "home" else "198.51.100.20"

    def build(c: Any) -> object:
        return aws.redshift.HsmConfiguration(
            "fleet-hsm", description="fleet warehouse keys", hsm_configuration_identifier="fleet-hsm",
            hsm_ip_address=address, hsm_partition_name="fleet", hsm_partition_password="placeholder-password",
            hsm_server_public_certificate="-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
            opts=c.aws,
        )  # fmt: skip

    return build


def directory_trust(dest: str, code: str = "EU") -> Build:
    # docs: directoryservice/trust — `conditionalForwarderIpAddrs`: "Set of IPv4 addresses for the DNS server
    # associated with the remote Directory" (a trust with the dealer network's forest: lookups of its names, and the
    # trust's authentication, go there).
    addresses = ["10.50.0.10", "10.50.0.11"] if dest == "home" else ["198.51.100.53", "198.51.100.54"]

    def build(c: Any) -> object:
        directory = aws.directoryservice.Directory(
            "corp", name="corp.fleet.internal", password="Placeholder-Passw0rd", edition="Standard",
            type="MicrosoftAD", vpc_settings={"vpc_id": "vpc-0a1b2c3d4e5f67890",
                                              "subnet_ids": ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]},
            opts=c.aws,
        )  # fmt: skip
        return aws.directoryservice.Trust(
            "dealers", directory_id=directory.id, remote_domain_name="dealers.fleet.internal",
            trust_direction="Two-Way", trust_password="Placeholder-Passw0rd",
            conditional_forwarder_ip_addrs=addresses, opts=c.aws,
        )  # fmt: skip

    return build


# -- Alibaba Cloud (CN) ------------------------------------------------------------------------------------------------


def dts_sync(dest: str) -> Build:
    # docs: dts/synchronizationjob — `destinationEndpointOwnerId`: "The ID of the Alibaba Cloud account to which the
    # target RDS MySQL instance belongs ... used to migrate or synchronize data across Alibaba Cloud accounts"
    # (with `destinationEndpointRole`). Owner records synchronized into the analytics database.
    def build(c: Any) -> object:
        opts = _ali(c)
        instance = alicloud.dts.SynchronizationInstance(
            "owners-sync", payment_type="PayAsYouGo", source_endpoint_engine_name="MySQL",
            source_endpoint_region=ALI_REGION, destination_endpoint_engine_name="MySQL",
            destination_endpoint_region=ALI_REGION, instance_class="small", sync_architecture="oneway", opts=opts,
        )  # fmt: skip
        return alicloud.dts.SynchronizationJob(
            "owners-sync", dts_instance_id=instance.id, dts_job_name="owners-to-analytics",
            source_endpoint_instance_type="RDS", source_endpoint_instance_id="rm-uf6owners0000001",
            source_endpoint_engine_name="MySQL", source_endpoint_region=ALI_REGION,
            source_endpoint_user_name="sync", source_endpoint_password="placeholder-password",
            destination_endpoint_instance_type="RDS", destination_endpoint_instance_id="rm-uf6analytics00001",
            destination_endpoint_engine_name="MySQL", destination_endpoint_region=ALI_REGION,
            destination_endpoint_user_name="sync", destination_endpoint_password="placeholder-password",
            destination_endpoint_owner_id=_uid(dest), destination_endpoint_role="dts-cross-account",
            db_list='{"owners":{"name":"owners","all":true}}', structure_initialization=True,
            data_initialization=True, data_synchronization=True, status="Synchronizing", opts=opts,
        )  # fmt: skip

    return build


def oss_inventory(dest: str) -> Build:
    # docs: oss/bucketinventory — `destination.ossBucketDestination`: `bucket` "The name of the bucket", `accountId`
    # "The account ID granted by the Bucket owner" (the inventory lists every object: keys that hold VINs).
    def build(c: Any) -> object:
        opts = _ali(c)
        drives = alicloud.oss.Bucket("drives", bucket="fleet-drives", opts=opts)
        target: Any = (
            alicloud.oss.Bucket("inventories", bucket="fleet-inventories", opts=opts).bucket
            if dest == "home"
            else "partner-fleet-inventories"
        )
        return alicloud.oss.BucketInventory(
            "drives-weekly", bucket=drives.bucket, inventory_id="weekly", is_enabled=True,
            included_object_versions="Current", schedule={"frequency": "Weekly"},
            destination={"oss_bucket_destination": {
                "format": "CSV", "account_id": _uid(dest), "role_arn": f"acs:ram::{_uid(dest)}:role/AliyunOSSRole",
                "bucket": target, "prefix": "drives/"}},
            opts=opts,
        )  # fmt: skip

    return build


def cr_sync(dest: str) -> Build:
    # docs: cs/registryenterprisesyncrule — `targetUserId`: "The UID of the account to which the target instance
    # belongs" (the telemetry decoder's images synchronized to another instance).
    def build(c: Any) -> object:
        return alicloud.cs.RegistryEnterpriseSyncRule(
            "decoder-sync", instance_id="cri-fleet0000000001", namespace_name="telemetry", name="decoder-sync",
            target_instance_id="cri-analytics000001", target_namespace_name="telemetry",
            target_region_id="cn-beijing", tag_filter=".*", target_user_id=_uid(dest), opts=_ali(c),
        )  # fmt: skip

    return build


def _transit_router(opts: pulumi.ResourceOptions) -> tuple[Any, Any]:
    cen = alicloud.cen.Instance("fleet-core", cen_instance_name="fleet-core", opts=opts)
    return cen, alicloud.cen.TransitRouter("fleet-core-sh", cen_id=cen.id, opts=opts)


def tr_vpc_attachment(dest: str) -> Build:
    # docs: cen/transitroutervpcattachment — `vpcOwnerId` (CreateTransitRouterVpcAttachment VpcOwnerId, "The ID of the
    # Alibaba Cloud account to which the VPC belongs"): another account's VPC joined to the stack's transit router.
    def build(c: Any) -> object:
        opts = _ali(c)
        cen, router = _transit_router(opts)
        return alicloud.cen.TransitRouterVpcAttachment(
            "analytics-vpc", cen_id=cen.id, transit_router_id=router.transit_router_id, vpc_id="vpc-uf6analytics0001",
            vpc_owner_id=_uid(dest), zone_mappings=[{"vswitch_id": "vsw-uf6analytics001", "zone_id": "cn-shanghai-b"}],
            opts=opts,
        )  # fmt: skip

    return build


def tr_vbr_attachment(dest: str) -> Build:
    # docs: cen/transitroutervbrattachment — `vbrOwnerId` (CreateTransitRouterVbrAttachment VbrOwnerId): another
    # account's virtual border router (its data centre's line) joined to the stack's transit router.
    def build(c: Any) -> object:
        opts = _ali(c)
        cen, router = _transit_router(opts)
        return alicloud.cen.TransitRouterVbrAttachment(
            "plant-line", cen_id=cen.id, transit_router_id=router.transit_router_id, vbr_id="vbr-uf6plant00000001",
            vbr_owner_id=_uid(dest), opts=opts,
        )  # fmt: skip

    return build


def _express_connect_router(opts: pulumi.ResourceOptions) -> Any:
    return alicloud.expressconnect.RouterExpressConnectRouter("fleet-ecr", alibaba_side_asn=65533, opts=opts)


def ecr_vpc_association(dest: str) -> Build:
    # docs: expressconnect/routervpcassociation — `vpcOwnerId`: "The ID of the Alibaba Cloud account that owns the VPC".
    def build(c: Any) -> object:
        opts = _ali(c)
        ecr = _express_connect_router(opts)
        return alicloud.expressconnect.RouterVpcAssociation(
            "analytics-vpc", ecr_id=ecr.id, vpc_id="vpc-uf6analytics0001", association_region_id=ALI_REGION,
            vpc_owner_id=int(_uid(dest)), opts=opts,
        )  # fmt: skip

    return build


def ecr_vbr_child(dest: str) -> Build:
    # docs: expressconnect/routervbrchildinstance — `childInstanceOwnerId`: "The ID of the Alibaba Cloud account
    # (primary account) to which the VBR instance belongs".
    def build(c: Any) -> object:
        opts = _ali(c)
        ecr = _express_connect_router(opts)
        return alicloud.expressconnect.RouterVbrChildInstance(
            "plant-line", ecr_id=ecr.id, child_instance_id="vbr-uf6plant00000001", child_instance_type="VBR",
            child_instance_region_id=ALI_REGION, child_instance_owner_id=_uid(dest), opts=opts,
        )  # fmt: skip

    return build


def vbr_grant_to_cen(dest: str) -> Build:
    # docs: expressconnect/grantruletocen — `cenOwnerId`: "The user ID (UID) of the Alibaba Cloud account to which the
    # CEN instance belongs" (the stack's line handed to that account's CEN, which peers it with any region).
    def build(c: Any) -> object:
        opts = _ali(c)
        vbr = alicloud.expressconnect.VirtualBorderRouter(
            "plant-line", physical_connection_id="pc-uf6plant00000001", vlan_id=120, local_gateway_ip="10.60.0.1",
            peer_gateway_ip="10.60.0.2", peering_subnet_mask="255.255.255.252", opts=opts,
        )  # fmt: skip
        return alicloud.expressconnect.GrantRuleToCen(
            "plant-line-grant", cen_id="cen-analytics0000001", cen_owner_id=_uid(dest), instance_id=vbr.id, opts=opts
        )

    return build


def ccn_grant(dest: str) -> Build:
    # docs: cloudconnect/networkgrant — `cenUid`: "The ID of the account to which the CEN instance belongs" (the
    # branch offices' Cloud Connect Network handed to that account's CEN).
    def build(c: Any) -> object:
        opts = _ali(c)
        ccn = alicloud.cloudconnect.Network("dealers", cidr_block="192.168.0.0/16", is_default=False, opts=opts)
        return alicloud.cloudconnect.NetworkGrant(
            "dealers-grant", ccn_id=ccn.id, cen_id="cen-analytics0000001", cen_uid=_uid(dest), opts=opts
        )

    return build


def privatelink_user(dest: str) -> Build:
    # docs: privatelink/vpcendpointserviceuser — `userId`: "The ID of the Alibaba Cloud account in the whitelist of the
    # endpoint service" (that account's endpoints then reach the telemetry API behind the service).
    def build(c: Any) -> object:
        opts = _ali(c)
        service = alicloud.privatelink.VpcEndpointService(
            "telemetry-api", service_description="telemetry API", connect_bandwidth=103, auto_accept_connection=False,
            opts=opts,
        )  # fmt: skip
        return alicloud.privatelink.VpcEndpointServiceUser(
            "telemetry-api-user", service_id=service.id, user_id=_uid(dest), opts=opts
        )

    return build


def eni_permission_ali(dest: str) -> Build:
    # docs: ecs/ecsnetworkinterfacepermission — `accountId`: "Alibaba Cloud Partner (Certified ISV) account ID or
    # individual user ID" (`permission` InstanceAttach: the other account's instance attaches the ENI).
    def build(c: Any) -> object:
        opts = _ali(c)
        eni = alicloud.ecs.EcsNetworkInterface(
            "collector", vswitch_id="vsw-uf6telemetry0001", security_group_ids=["sg-uf6telemetry0001"], opts=opts
        )
        return alicloud.ecs.EcsNetworkInterfacePermission(
            "collector-attach", account_id=_uid(dest), network_interface_id=eni.id, permission="InstanceAttach",
            force=True, opts=opts,
        )  # fmt: skip

    return build


def vpc_peer_ali(dest: str) -> Build:
    # docs: vpc/peerconnection — `acceptingAliUid`: "The ID of the Alibaba Cloud account to which the accepter VPC
    # belongs".
    def build(c: Any) -> object:
        opts = _ali(c)
        vpc = alicloud.vpc.Network("telemetry", vpc_name="telemetry", cidr_block="10.20.0.0/16", opts=opts)
        return alicloud.vpc.PeerConnection(
            "to-analytics", vpc_id=vpc.id, accepting_ali_uid=int(_uid(dest)), accepting_region_id="cn-beijing",
            accepting_vpc_id="vpc-2zeanalytics0001", opts=opts,
        )  # fmt: skip

    return build


AWS: dict[str, tuple[Make, set[RES]]] = {
    "vpc-peering": (vpc_peering, {"RES-023"}),
    "tgw-peering": (tgw_peering, {"RES-023"}),
    "eni-permission": (eni_permission, {"RES-023"}),
    "redshift-hsm": (redshift_hsm, {"RES-015"}),
    "directory-trust": (directory_trust, {"RES-015"}),
}
"""AWS leaks (EU, JP, US): name -> (builder, the rules the "abroad" program breaks)."""
AWS_CN_PASSES = ("vpc-peering", "tgw-peering", "eni-permission")
"""Every aws-cn account is China's by partition: another account's peering passes in CN."""
ALI_CN: dict[str, tuple[Make, set[RES]]] = {
    "dts-sync": (dts_sync, {"RES-023"}),
    "oss-inventory": (oss_inventory, {"RES-023"}),
    "cr-sync": (cr_sync, {"RES-023"}),
    "tr-vpc-attachment": (tr_vpc_attachment, {"RES-023"}),
    "tr-vbr-attachment": (tr_vbr_attachment, {"RES-023"}),
    "ecr-vpc-association": (ecr_vpc_association, {"RES-023"}),
    "ecr-vbr-child": (ecr_vbr_child, {"RES-023"}),
    "vbr-grant-to-cen": (vbr_grant_to_cen, {"RES-023"}),
    "ccn-grant": (ccn_grant, {"RES-023"}),
    "privatelink-user": (privatelink_user, {"RES-023"}),
    "eni-permission": (eni_permission_ali, {"RES-023"}),
    "vpc-peer": (vpc_peer_ali, {"RES-023"}),
}
"""Alibaba Cloud leaks (CN): name -> (builder, the rules the "abroad" program breaks)."""

PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-analytics-account", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's analytics account in the same jurisdiction; an SCP limits it to in-country Regions",
}  # fmt: skip
ALI_PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-analytics-uid", "kind": "resident", "match": f"acs:ram::{ALI_PARTNER}:",
    "evidence": "the group's China analytics account on the China site, contract annex 2: resources in cn-* only",
}  # fmt: skip
HOSTS_DECLARED: dict[str, list[dict[str, Any]]] = {
    "redshift-hsm": [{"id": "key-vendor-hsm", "kind": "resident", "match": "198.51.100.20",
                      "evidence": "the key vendor's HSM in its Frankfurt data centre (contract KMS-7)"}],
    "directory-trust": [
        {"id": f"dealer-dns-{n}", "kind": "resident", "match": f"198.51.100.{n}",
         "evidence": "the dealer network's DNS servers in Munich (network contract DN-2)"} for n in (53, 54)
    ],
}  # fmt: skip


ALI_PLACES_DECLARED: dict[str, list[dict[str, Any]]] = {
    "vbr-grant-to-cen": [{"id": "group-analytics-cen", "kind": "resident", "match": "cen-analytics0000001",
                          "evidence": "the group's analytics CEN: transit routers in cn-* regions only (network "
                                      "contract annex 3)"}],
}  # fmt: skip
"""The CEN a grant names by id, declared in every program of that name (since stop 47 a GrantRuleToCen's ``cen_id``
is judged as cen.InstanceGrant's is: a CEN the stack does not make is RES-017 until declared, the lead's decision);
each program then tests the account the grant names, as before."""


def rows() -> list[tuple[str, str, Build, set[RES], list[dict[str, Any]]]]:
    """Every table case: (id, jurisdiction, program, expected rule ids, declared destinations)."""
    out: list[tuple[str, str, Build, set[RES], list[dict[str, Any]]]] = []
    for name, (make, rules) in AWS.items():
        for code in ("EU", "JP", "US"):
            for dest in ("home", "abroad"):
                out.append((f"redteam40-{code.lower()}-{name}-{dest}", code, make(dest, code),
                            rules if dest == "abroad" else set(), []))  # fmt: skip
    for name in AWS_CN_PASSES:
        out.append((f"redteam40-cn-{name}-abroad", "CN", AWS[name][0]("abroad", "CN"), set(), []))
    for name in ("vpc-peering", "tgw-peering", "eni-permission"):
        out.append((f"redteam40-eu-{name}-declared", "EU", AWS[name][0]("abroad", "EU"), set(), [PARTNER_DECLARED]))
    for name, declared in HOSTS_DECLARED.items():
        out.append((f"redteam40-eu-{name}-declared", "EU", AWS[name][0]("abroad", "EU"), set(), declared))
    for name, (make, rules) in ALI_CN.items():
        places = ALI_PLACES_DECLARED.get(name, [])
        for dest in ("home", "abroad"):
            out.append((f"redteam40-cn-ali-{name}-{dest}", "CN", make(dest), rules if dest == "abroad" else set(),
                        places))  # fmt: skip
        if rules == {"RES-023"}:
            out.append((f"redteam40-cn-ali-{name}-declared", "CN", make("abroad"), set(),
                        [*places, ALI_PARTNER_DECLARED]))  # fmt: skip
    return out
