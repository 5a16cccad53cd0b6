"""AWS red team, round 40 (stop 63): Oracle Database@AWS (``aws.odb``: an ODB network's endpoint policies, its peering
with a VPC through a network another account shared, VM clusters on shared Exadata infrastructure), a CloudFormation
VPC endpoint's policy, and a sweep of pulumi-aws v7 resources no round had probed (two more services' organisation
delegated administrators: CloudTrail, Audit Manager).

Probed first through ``RuleEngine`` (one-value subjects, Pulumi and CloudFormation, EU / US / CN), then written here
as the programs a platform team writes, each beside its ``cloudformation.Stack`` twin where CloudFormation has the
type (it has none for CloudTrail's or Audit Manager's delegated administrator). Reproduced on the unchanged engine
(main 86a0559b); the counts are in docs/residency.md, *AWS red team, round 40 (stop 63)*:

- A peering connection of the stack's VPC with an ODB network another account shared (``odb_network_arn``, "If
  underlying odb network is shared, ARN must be used") and a VM cluster on another account's shared network and
  Exadata infrastructure (``odb_network_arn`` / ``cloud_exadata_infrastructure_arn``) **passed every door**, Pulumi
  and template (``OdbNetworkId`` / ``CloudExadataInfrastructureId``): the application traffic and the databases go
  into that account's network and infrastructure.
- An ODB network's endpoint policies (``s3_policy_document``, ``kms_policy_document``, ``sts_policy_document``:
  "Endpoint policy for Amazon S3 access from the ODB network") allowing ``*`` to reach the stack's own bucket and key
  were RES-024 (a **false alarm**: an endpoint policy limits what passes through the endpoint and grants nothing, as a
  VPC endpoint's, which passed); the template twin alike, and a template's ``AWS::EC2::VPCEndpoint``
  ``PolicyDocument`` to ``*`` (AWS's own examples' form) was RES-024 while its Pulumi twin passed.
- The CloudTrail and Audit Manager organisation delegated administrator given to a partner's account **passed every
  door** (GuardDuty's, Security Hub's, Macie's ... were RES-023 since stop 46).

Pinned alike (already right): a partner's bucket in an ODB network's S3 endpoint policy (RES-017 outside CN), a
cross-Region S3 restore source abroad on an ODB network (RES-009), an aws-cn account as CloudTrail's administrator in
CN (China's by partition). Oracle Database@AWS is offered in a few US, Asia Pacific and European Regions (not in the
China Regions; eu-west-1 not confirmed from a page): the EU and US programs are the same shapes. Audit Manager in the
China Regions was not confirmed: no CN program.

Ids ``awsred63-<code>-<kind>-<variant>``: ``own`` / ``home`` (compliant), ``partner`` (refused), ``partner-declared``
(declared: passes). tests/test_realistic_programs.py runs them as CASES (``awsred63-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD as ABROAD
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, partition
from platform_programs_awsred51 import _stack
from platform_programs_awsred58 import ACCOUNT_DECLARED, PARTNER_ACCOUNT

Program = Callable[[str, str], Build]
PARTNER_BUCKET = "partner-oracle-backups"
"""A partner's bucket (a DBA service provider's), which the stack does not make."""
ZONE = {"EU": "euw1-az1", "US": "use1-az4"}
"""An Availability Zone id of the jurisdiction's Region (an ODB network's ``availability_zone_id``)."""


def _odb_arn(code: str, who: str, resource: str) -> str:
    account = OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT
    return f"arn:{partition(code)}:odb:{HOME[code]}:{account}:{resource}"


def _declared(who: str) -> list[dict[str, Any]]:
    return [ACCOUNT_DECLARED] if who == "partner-declared" else []


# -- an ODB peering connection through a shared network; VM clusters on shared infrastructure -------------------------


def pulumi_peering(code: str, who: str) -> Build:
    # docs: odb/networkpeeringconnection (display_name, odb_network_arn "ARN of the ODB network that initiates the
    # peering connection"; "If underlying odb network is shared, ARN must be used while creating network peering",
    # peer_network_id: the VPC); Oracle Database@AWS user guide "Configuring ODB peering" (cross-account ODB peering
    # "after the ODB network has been shared using AWS RAM").
    def build(c: Any) -> object:
        return aws.odb.NetworkPeeringConnection("claims-odb-peering", display_name="claims-odb-peering",
            odb_network_arn=_odb_arn(code, who, "odb-network/odbnet_3l9st3litg"),
            peer_network_id="vpc-0a1b2c3d4e5f60718", opts=c.aws)  # fmt: skip

    return build


def cfn_peering(code: str, who: str) -> Build:
    # docs: AWS::ODB::OdbPeeringConnection DisplayName, OdbNetworkId, PeerNetworkId (CreateOdbPeeringConnection
    # `odbNetworkId` takes an id or an ARN).
    return _stack("claims-odb-peering", {"Peering": {"Type": "AWS::ODB::OdbPeeringConnection", "Properties": {
        "DisplayName": "claims-odb-peering", "OdbNetworkId": _odb_arn(code, who, "odb-network/odbnet_3l9st3litg"),
        "PeerNetworkId": "vpc-0a1b2c3d4e5f60718"}}})  # fmt: skip


def pulumi_vm_cluster(code: str, who: str) -> Build:
    # docs: odb/cloudvmcluster ("Either the combination of cloud_exadata_infrastructure_id and odb_network_id or
    # cloud_exadata_infrastructure_arn and odb_network_arn must be used"; cpu_core_count, data_storage_size_in_tbs,
    # db_servers, gi_version, hostname_prefix, ssh_public_keys, license_model).
    def build(c: Any) -> object:
        return aws.odb.CloudVmCluster("claims-vmc", display_name="claims-vmc",
            cloud_exadata_infrastructure_arn=_odb_arn(code, who, "cloud-exadata-infrastructure/exa_0a1b2c3d4e"),
            odb_network_arn=_odb_arn(code, who, "odb-network/odbnet_3l9st3litg"), cpu_core_count=16,
            gi_version="23.0.0.0", hostname_prefix="claims", ssh_public_keys=["ssh-ed25519 AAAAC3Nza dba@claims"],
            data_storage_size_in_tbs=20, db_servers=["dbs-0a1b2c3d", "dbs-1a1b2c3d"], license_model="LICENSE_INCLUDED",
            is_local_backup_enabled=True, data_collection_options={"is_diagnostics_events_enabled": False,
            "is_health_monitoring_enabled": True, "is_incident_logs_enabled": False}, opts=c.aws)  # fmt: skip

    return build


def pulumi_autonomous_vm_cluster(code: str, who: str) -> Build:
    # docs: odb/cloudautonomousvmcluster (cloud_exadata_infrastructure_arn, odb_network_arn,
    # autonomous_data_storage_size_in_tbs, cpu_core_count_per_node, db_servers, memory_per_oracle_compute_unit_in_gbs,
    # total_container_databases, scan_listener_port_tls / _non_tls, maintenance_window).
    def build(c: Any) -> object:
        return aws.odb.CloudAutonomousVmCluster("claims-avmc", display_name="claims-avmc",
            cloud_exadata_infrastructure_arn=_odb_arn(code, who, "cloud-exadata-infrastructure/exa_0a1b2c3d4e"),
            odb_network_arn=_odb_arn(code, who, "odb-network/odbnet_3l9st3litg"),
            autonomous_data_storage_size_in_tbs=5, cpu_core_count_per_node=40, db_servers=["dbs-0a1b2c3d"],
            memory_per_oracle_compute_unit_in_gbs=2, total_container_databases=1, scan_listener_port_tls=2484,
            scan_listener_port_non_tls=1521, maintenance_window={"preference": "NO_PREFERENCE"},
            opts=c.aws)  # fmt: skip

    return build


def cfn_vm_cluster(code: str, who: str) -> Build:
    # docs: AWS::ODB::CloudVmCluster CloudExadataInfrastructureId, OdbNetworkId, CpuCoreCount, GiVersion, Hostname,
    # SshPublicKeys, DbServers, LicenseModel.
    return _stack("claims-vmc", {"Cluster": {"Type": "AWS::ODB::CloudVmCluster", "Properties": {
        "DisplayName": "claims-vmc",
        "CloudExadataInfrastructureId": _odb_arn(code, who, "cloud-exadata-infrastructure/exa_0a1b2c3d4e"),
        "OdbNetworkId": _odb_arn(code, who, "odb-network/odbnet_3l9st3litg"), "CpuCoreCount": 16,
        "GiVersion": "23.0.0.0", "Hostname": "claims", "SshPublicKeys": ["ssh-ed25519 AAAAC3Nza dba@claims"],
        "DbServers": ["dbs-0a1b2c3d", "dbs-1a1b2c3d"], "LicenseModel": "LICENSE_INCLUDED"}}})  # fmt: skip


SHARED: dict[str, tuple[Program, tuple[str, ...]]] = {
    "pulumi-odb-peering-shared-network": (pulumi_peering, ("EU", "US")),
    "cfn-odb-peering-shared-network": (cfn_peering, ("EU", "US")),
    "pulumi-odb-vm-cluster-shared-infrastructure": (pulumi_vm_cluster, ("US",)),
    "pulumi-odb-autonomous-vm-cluster-shared-infrastructure": (pulumi_autonomous_vm_cluster, ("EU",)),
    "cfn-odb-vm-cluster-shared-infrastructure": (cfn_vm_cluster, ("US",)),
}
"""``own`` (the team's own network, by ARN: passes) / ``partner`` (RES-023) / ``partner-declared``."""


# -- an ODB network's endpoint policies -------------------------------------------------------------------------------


def _endpoint_policy(code: str, actions: list[str], resources: Any) -> dict[str, Any]:
    # docs: VPC endpoint policies ("Control access to VPC endpoints using endpoint policies": Principal "*" with the
    # actions and resources that may be reached through the endpoint).
    return {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": "*", "Action": actions, "Resource": resources}]}  # fmt: skip


def _key_policy(code: str) -> dict[str, Any]:
    key = f"arn:{partition(code)}:kms:{HOME[code]}:{OWN_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    return _endpoint_policy(code, ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"], key)


def _sts_policy(code: str) -> dict[str, Any]:
    return _endpoint_policy(code, ["sts:AssumeRole"], f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/claims-odb-*")


def _bucket_policy(code: str, bucket: str) -> dict[str, Any]:
    arn = f"arn:{partition(code)}:s3:::{bucket}"
    return _endpoint_policy(code, ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], [arn, f"{arn}/*"])


def pulumi_odb_network(code: str, who: str) -> Build:
    # docs: odb/network (display_name, availability_zone_id, client_subnet_cidr, backup_subnet_cidr, s3_access,
    # s3_policy_document "Endpoint policy for Amazon S3 access from the ODB network", kms_access, kms_policy_document,
    # sts_access, sts_policy_document, cross_region_s3_restore_sources_accesses "List of regions enabled for
    # cross-region restore in the ODB network"). ``home``: the backups bucket is the stack's own; ``partner``: a
    # partner's bucket (RES-017); ``restore-abroad``: a restore source Region abroad (RES-009).
    def build(c: Any) -> object:
        if who == "partner":
            s3: Any = json.dumps(_bucket_policy(code, PARTNER_BUCKET))
        else:
            bucket = aws.s3.Bucket("claims-oracle-backups", opts=c.aws)
            s3 = bucket.bucket.apply(lambda b: json.dumps(_bucket_policy(code, b)))
        more: dict[str, Any] = {}
        if who == "restore-abroad":
            more["cross_region_s3_restore_sources_accesses"] = [ABROAD[code]]
        return aws.odb.Network("claims-odb", display_name="claims-odb", availability_zone_id=ZONE[code],
            client_subnet_cidr="10.33.1.0/24", backup_subnet_cidr="10.33.0.0/24", zero_etl_access="DISABLED",
            s3_access="ENABLED", s3_policy_document=s3, kms_access="ENABLED",
            kms_policy_document=json.dumps(_key_policy(code)), sts_access="ENABLED",
            sts_policy_document=json.dumps(_sts_policy(code)), opts=c.aws, **more)  # fmt: skip

    return build


def cfn_odb_network(code: str, who: str) -> Build:
    # docs: AWS::ODB::OdbNetwork DisplayName, AvailabilityZoneId, ClientSubnetCidr, BackupSubnetCidr, S3Access,
    # S3PolicyDocument, KmsAccess, KmsPolicyDocument, StsAccess, StsPolicyDocument (Strings: the policy's JSON text).
    arn = "arn:${AWS::Partition}:s3:::${Backups}"
    s3 = json.dumps(_endpoint_policy(code, ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], [arn, f"{arn}/*"]))
    return _stack("claims-odb", {
        "Backups": {"Type": "AWS::S3::Bucket", "Properties": {}},
        "Network": {"Type": "AWS::ODB::OdbNetwork", "Properties": {
            "DisplayName": "claims-odb", "AvailabilityZoneId": ZONE[code], "ClientSubnetCidr": "10.33.1.0/24",
            "BackupSubnetCidr": "10.33.0.0/24", "S3Access": "ENABLED",
            "S3PolicyDocument": {"Fn::Sub": s3},
            "KmsAccess": "ENABLED", "KmsPolicyDocument": json.dumps(_key_policy(code)),
            "StsAccess": "ENABLED", "StsPolicyDocument": json.dumps(_sts_policy(code))}},
    })  # fmt: skip


# -- a template's VPC endpoint policy ---------------------------------------------------------------------------------


def cfn_vpc_endpoints(code: str, who: str) -> Build:
    # docs: AWS::EC2::VPCEndpoint VpcId, ServiceName, VpcEndpointType (Gateway / Interface), RouteTableIds, SubnetIds,
    # PolicyDocument ("An endpoint policy, which controls access to the service from the VPC"; the user guide's
    # examples allow Principal "*" the actions on the resources reachable through the endpoint).
    region = HOME[code]
    prefix = "cn.com.amazonaws" if code == "CN" else "com.amazonaws"
    s3 = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject",
          "s3:PutObject"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Exports}/*"}]}]}  # fmt: skip
    kms = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["kms:Decrypt",
           "kms:GenerateDataKey"], "Resource": "*"}]}  # fmt: skip
    return _stack("claims-endpoints", {
        "Exports": {"Type": "AWS::S3::Bucket", "Properties": {}},
        "S3Endpoint": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {
            "VpcId": "vpc-0a1b2c3d4e5f60718", "ServiceName": f"com.amazonaws.{region}.s3", "VpcEndpointType": "Gateway",
            "RouteTableIds": ["rtb-0a1b2c3d4e5f60718"], "PolicyDocument": s3}},
        "KmsEndpoint": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {
            "VpcId": "vpc-0a1b2c3d4e5f60718", "ServiceName": f"{prefix}.{region}.kms", "VpcEndpointType": "Interface",
            "PrivateDnsEnabled": True, "SubnetIds": ["subnet-0a1b2c3d4e5f60718"], "PolicyDocument": kms}},
    })  # fmt: skip


def pulumi_vpc_endpoint(code: str, who: str) -> Build:
    # docs: ec2/vpcendpoint (vpc_id, service_name, vpc_endpoint_type, policy): the Pulumi twin (pinned: passed).
    def build(c: Any) -> object:
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                  "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*"}]}  # fmt: skip
        return aws.ec2.VpcEndpoint("claims-kms", vpc_id="vpc-0a1b2c3d4e5f60718",
            service_name=f"com.amazonaws.{HOME[code]}.kms", vpc_endpoint_type="Interface", private_dns_enabled=True,
            subnet_ids=["subnet-0a1b2c3d4e5f60718"], policy=json.dumps(policy), opts=c.aws)  # fmt: skip

    return build


# -- organisation delegated administrators (the sweep) ----------------------------------------------------------------


def pulumi_cloudtrail_admin(code: str, who: str) -> Build:
    # docs: cloudtrail/organizationdelegatedadminaccount (account_id "An organization member account ID that you want
    # to designate as a delegated administrator"); CloudTrail RegisterOrganizationDelegatedAdmin.
    def build(c: Any) -> object:
        account = OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT
        return aws.cloudtrail.OrganizationDelegatedAdminAccount("trail-admin", account_id=account, opts=c.aws)

    return build


def pulumi_auditmanager_admin(code: str, who: str) -> Build:
    # docs: auditmanager/organizationadminaccountregistration (admin_account_id "Identifier for the organization
    # administrator account"); Audit Manager RegisterOrganizationAdminAccount.
    def build(c: Any) -> object:
        account = OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT
        return aws.auditmanager.OrganizationAdminAccountRegistration("audit-admin", admin_account_id=account,
                                                                     opts=c.aws)  # fmt: skip

    return build


ADMINS: dict[str, tuple[Program, tuple[str, ...]]] = {
    "pulumi-cloudtrail-delegated-admin": (pulumi_cloudtrail_admin, ("EU", "US")),
    "pulumi-auditmanager-delegated-admin": (pulumi_auditmanager_admin, ("EU", "US")),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for table in (SHARED, ADMINS):
        out += [(f"awsred63-{code.lower()}-{kind}-{who}", code, make(code, who),
                 {"RES-023"} if who == "partner" else set(), _declared(who))
                for kind, (make, codes) in table.items() for code in codes
                for who in ("own", "partner", "partner-declared")]  # fmt: skip
    out += [("awsred63-cn-pulumi-cloudtrail-delegated-admin-aws-cn-partner", "CN",
             pulumi_cloudtrail_admin("CN", "partner"), set(), [])]  # fmt: skip
    out += [(f"awsred63-{code.lower()}-{kind}-home", code, make(code, "home"), set(), [])
            for kind, make in (("pulumi-odb-network-endpoint-policies", pulumi_odb_network),
                               ("cfn-odb-network-endpoint-policies", cfn_odb_network),
                               ("cfn-vpc-endpoint-policies", cfn_vpc_endpoints))
            for code in ("EU", "US")]  # fmt: skip
    out += [("awsred63-cn-cfn-vpc-endpoint-policies-home", "CN", cfn_vpc_endpoints("CN", "home"), set(), []),
            ("awsred63-eu-pulumi-vpc-endpoint-policy-home", "EU", pulumi_vpc_endpoint("EU", "home"), set(), []),
            ("awsred63-eu-pulumi-odb-network-endpoint-policies-partner", "EU", pulumi_odb_network("EU", "partner"),
             {"RES-017"}, []),
            ("awsred63-us-pulumi-odb-network-endpoint-policies-restore-abroad", "US",
             pulumi_odb_network("US", "restore-abroad"), {"RES-009"}, [])]  # fmt: skip
    return out
