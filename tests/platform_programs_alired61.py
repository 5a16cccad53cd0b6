"""Alibaba Cloud red team, round 21 (stop 61): what round 20 left open (an SLS RDS external store's ``Host`` and
``Region``, SAE's ``SlsConfigs``) and the ROS twins of Pulumi types whose written-account or network-group entries name
another account where the ROS form was left unread: a Resource Center multi-account delivery channel, a VPC router
interface and its peering binding to another account's router, and a VPC / VBR granted to another account's CEN.

Reproduced on the unchanged engine (main 3c67a1f3, docs/residency.md "Alibaba Cloud red team, round 21 (stop 61)"):
18 of 72 programs failed, 12 leaks and 6 false alarms, no wrong rule. Leaks:
``ALIYUN::ResourceManager::MultiAccountDeliveryChannel`` delivering every member account's resource changes to a
partner's Logstore, ``ALIYUN::VPC::RouterInterface`` /
``ALIYUN::VPC::PeeringRouterInterfaceBinding`` connected to a partner's router interface
(``OppositeInterfaceOwnerId``) and ``ALIYUN::VPC::GrantInstanceToCen`` granting the stack's VPC to a partner's CEN
(``CenOwnerId``) passed every door in CN, JP and DE while each Pulumi twin was RES-023. False alarms: an RDS external
store whose ``Host`` is the template's own ``ALIYUN::RDS::DBInstance``'s ``InnerConnectionString`` (``Fn::GetAtt``) was
RES-015. Already judged alike (pinned): the store's ``Region`` abroad (RES-009; ``cn-hongkong`` for CN), a partner's
MySQL host (RES-015), a literal RDS endpoint (``rm-....mysql.rds.aliyuncs.com`` names no Region: RES-015 until
declared), a router interface's ``OppositeRegionId`` abroad (RES-009). SAE's ``SlsConfigs`` names a project by name,
which SLS resolves in the application's Region (passes in Pulumi and ROS alike, as a function's ``log_config``).

Now each ROS type is read as its Pulumi twin (``stack_templates`` ``resources``) and the template's own RDS instance's
addresses are its own (``template_attributes``): each offending template is refused under the twin's rule and its
compliant twin (the stack's own account, the template's own database, the partner declared) passes.

Ids: ``alired61-<code>-<ros-multi-delivery|ros-router-interface|ros-router-binding>-<own|partner|partner-declared>``
(``account_rows``), ``alired61-<code>-ros-cen-grant-vpc-<own|partner|partner-declared>``, the pinned Pulumi twins
``alired61-<code>-<multi-delivery|router-interface|cen-grant-vpc>-partner``, ``alired61-<code>-ros-rds-store-<own|
own-public|region-abroad|partner-host|rds-host|rds-host-declared>``, ``alired61-<code>-ros-router-interface-abroad``
and ``alired61-<code>-<sae-sls-configs|ros-sae-sls-configs>``.

tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, account_rows, ros_stack

CODES = ("CN", "JP", "DE")
ABROAD = {"CN": "cn-hongkong", "JP": "cn-hangzhou", "DE": "cn-hangzhou"}
"""A Region outside each market (Hong Kong is not mainland China); ``cn-hangzhou`` is one the external store accepts."""
GROUP_DECLARED: dict[str, Any] = {
    "id": "group-shared-services", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the group's shared-services account; its contract keeps its networks and logs in the market",
}  # fmt: skip
PARTNER_CEN = "cen-partner0hub0001"
"""The group hub's CEN instance, made by another account's stack."""
CEN_DECLARED: dict[str, Any] = {
    "id": "group-network-hub", "kind": "resident", "match": PARTNER_CEN,
    "evidence": "the group's network hub CEN, with transit routers in the market's regions only",
}  # fmt: skip
PARTNER_DB = "db.partner-analytics.com"
"""A partner's MySQL server, reached over the Internet."""
RDS_HOST = "rm-fleetdim0001.mysql.rds.aliyuncs.com"
"""An ApsaraDB RDS endpoint written by hand: its name carries no Region (whose instance, where, nothing proves)."""
RDS_DECLARED: dict[str, Any] = {
    "id": "fleet-dimensions-db", "kind": "resident", "match": RDS_HOST,
    "evidence": "the fleet dimensions database, an RDS instance of the team's account in the market's Region",
}  # fmt: skip


def _uid(who: str) -> str:
    return OWN_UID if who == "own" else PARTNER_UID


# -- Resource Center: a multi-account delivery channel to another account's Logstore ---------------------------------


def _ros_multi_delivery(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::ResourceManager::MultiAccountDeliveryChannel (MultiAccountDeliveryChannelName,
    # DeliveryChannelDescription, DeliveryChannelFilter {AccountScopes, ResourceTypes}, ResourceChangeDelivery
    # {TargetArn, SlsProperties {OversizedDataOssTargetArn}}): every member account's resource changes delivered there
    channel = {"Type": "ALIYUN::ResourceManager::MultiAccountDeliveryChannel", "Properties": {
        "MultiAccountDeliveryChannelName": "fleet-config-changes",
        "DeliveryChannelDescription": "configuration changes of the fleet's member accounts",
        "DeliveryChannelFilter": {"AccountScopes": ["fd-fleet0001"],
                                  "ResourceTypes": ["ACS::ECS::Instance", "ACS::RDS::DBInstance"]},
        "ResourceChangeDelivery": {
            "TargetArn": f"acs:log:{ALI_HOME[code]}:{_uid(who)}:project/config-audit/logstore/changes"}}}  # fmt: skip
    return ros_stack(f"multi-delivery-{code.lower()}", {"MemberChanges": channel})


def _multi_delivery(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: resourcemanager/multiaccountdeliverychannel (multi_account_delivery_channel_name,
        # delivery_channel_filter {account_scopes, resource_types}, resource_change_delivery {target_arn})
        target = f"acs:log:{ALI_HOME[code]}:{PARTNER_UID}:project/config-audit/logstore/changes"
        return alicloud.resourcemanager.MultiAccountDeliveryChannel(
            "member-changes", multi_account_delivery_channel_name="fleet-config-changes",
            delivery_channel_description="configuration changes of the fleet's member accounts",
            delivery_channel_filter={"account_scopes": ["fd-fleet0001"], "resource_types": ["ACS::ECS::Instance"]},
            resource_change_delivery={"target_arn": target}, opts=c.ali)  # fmt: skip

    return build


# -- VPC: router interfaces connected to another account's router ---------------------------------------------------


def _ros_router_interface(code: str, who: str, region: str = "") -> Build:
    # docs: ROS ALIYUN::VPC::RouterInterface (RouterId, RouterType, Role InitiatingSide, Spec, OppositeRegionId,
    # OppositeRouterId, OppositeRouterType, OppositeInterfaceOwnerId "The ID of the Alibaba Cloud account to which the
    # peer router interface belongs"): the stack's VPC router connected to the peer's
    interface = {"Type": "ALIYUN::VPC::RouterInterface", "Properties": {
        "RouterId": "vrt-fleet0001", "RouterType": "VRouter", "Role": "InitiatingSide", "Spec": "Large.2",
        "OppositeRegionId": region or ALI_HOME[code], "OppositeRouterId": "vrt-group0001",
        "OppositeRouterType": "VRouter", "OppositeInterfaceOwnerId": _uid(who), "Name": "to-group"}}  # fmt: skip
    return ros_stack(f"router-interface-{code.lower()}", {"ToGroup": interface})


def _ros_router_abroad(code: str) -> Build:
    return _ros_router_interface(code, "own", ABROAD[code])


def _router_interface(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: expressconnect/routerinterface (router_id, router_type, role, spec, opposite_region_id,
        # opposite_router_id, opposite_interface_owner_id)
        return alicloud.expressconnect.RouterInterface(
            "to-group", router_id="vrt-fleet0001", router_type="VRouter", role="InitiatingSide", spec="Large.2",
            opposite_region_id=ALI_HOME[code], opposite_router_id="vrt-group0001", opposite_router_type="VRouter",
            opposite_interface_owner_id=PARTNER_UID, payment_type="PayAsYouGo", opts=c.ali)  # fmt: skip

    return build


def _ros_router_binding(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::VPC::PeeringRouterInterfaceBinding (RouterInterfaceId, OppositeInterfaceId, OppositeRouterId,
    # OppositeInterfaceOwnerId "The ID of the account to which the peer router interface belongs"): the two interfaces
    # bound, the traffic between the routers flowing
    binding = {"Type": "ALIYUN::VPC::PeeringRouterInterfaceBinding", "Properties": {
        "RouterInterfaceId": "ri-fleet0001", "OppositeInterfaceId": "ri-group0001",
        "OppositeRouterId": "vrt-group0001", "OppositeInterfaceOwnerId": _uid(who)}}  # fmt: skip
    return ros_stack(f"router-binding-{code.lower()}", {"ToGroupBinding": binding})


# -- CEN: the stack's VPC granted to another account's network ------------------------------------------------------


def _ros_cen_grant_vpc(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::VPC::GrantInstanceToCen (InstanceId, InstanceType VPC | VBR | CCN, CenId, CenOwnerId Integer
    # "The UID of the account to which the Cloud Enterprise Network instance belongs"): the stack's VPC granted to that
    # network, which may then attach it
    grant = {"Type": "ALIYUN::VPC::GrantInstanceToCen", "Properties": {
        "InstanceId": "vpc-fleet0001", "InstanceType": "VPC",
        "CenId": {"Ref": "Network"} if who == "own" else PARTNER_CEN, "CenOwnerId": int(_uid(who))}}  # fmt: skip
    own = {"Network": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "fleet"}}} if who == "own" else {}
    return ros_stack(f"cen-grant-vpc-{code.lower()}", {**own, "Grant": grant})


def _cen_grant_vpc(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: cen/instancegrant (cen_id, child_instance_id, cen_owner_id)
        return alicloud.cen.InstanceGrant("to-group", cen_id=PARTNER_CEN, child_instance_id="vpc-fleet0001",
                                          cen_owner_id=PARTNER_UID, opts=c.ali)  # fmt: skip

    return build


# -- SLS: an RDS external store (a MySQL table joined into the project's queries) -------------------------------------


def _own_db() -> dict[str, Any]:
    # docs: ROS ALIYUN::RDS::DBInstance (Engine, EngineVersion, DBInstanceClass, DBInstanceStorage, SecurityIPList,
    # VpcId, VSwitchId); Fn::GetAtt InnerConnectionString "DB instance connection url by Intranet"
    return {"Type": "ALIYUN::RDS::DBInstance", "Properties": {
        "Engine": "MySQL", "EngineVersion": "8.0", "DBInstanceClass": "mysql.n2.medium.1", "DBInstanceStorage": 50,
        "DBInstanceNetType": "Intranet", "SecurityIPList": "10.20.0.0/16", "VpcId": "vpc-fleet0001",
        "VSwitchId": "vsw-fleet0001"}}  # fmt: skip


def _ros_rds_store(code: str, shape: str) -> Build:
    # docs: ROS ALIYUN::SLS::RdsExternalStore (Project, ExternalStoreName, StoreType rds-vpc, Host "The private or
    # public endpoint of the ApsaraDB RDS for MySQL instance", Port, Username, Password, Db, Table, VpcId, Region "The
    # region where the ApsaraDB RDS for MySQL instance resides", InstanceId): the table joined into the project's
    # queries (CreateRdsExternalStore)
    own = shape in ("own", "own-public")
    hosts: dict[str, Any] = {
        "own": {"Fn::GetAtt": ["Dimensions", "InnerConnectionString"]},
        "own-public": {"Fn::GetAtt": ["Dimensions", "PublicConnectionString"]},
        "partner-host": PARTNER_DB, "rds-host": RDS_HOST, "rds-host-declared": RDS_HOST,
    }  # fmt: skip
    host = hosts.get(shape, "10.20.1.30")
    props: dict[str, Any] = {
        "Project": "fleet-telemetry", "ExternalStoreName": "vehicle_dimensions", "StoreType": "rds-vpc",
        "Host": host, "Port": 3306, "Username": "sls_reader", "Password": "fleet-reader-password",
        "Db": "fleet", "Table": "vehicles", "VpcId": "vpc-fleet0001",
        "Region": ABROAD[code] if shape == "region-abroad" else {"Ref": "ALIYUN::Region"}}  # fmt: skip
    if own:
        props["InstanceId"] = {"Ref": "Dimensions"}
    store = {"Type": "ALIYUN::SLS::RdsExternalStore", "Properties": props}
    return ros_stack(f"rds-store-{code.lower()}", {**({"Dimensions": _own_db()} if own else {}), "Vehicles": store})


# -- SAE: log collection into an SLS project named by name ----------------------------------------------------------

SLS_CONFIGS = [{"projectName": "fleet-app-logs", "logType": "stdout", "logDir": "", "logstoreName": "trip-api",
                "logtailName": ""},
               {"projectName": "fleet-app-logs", "logDir": "/home/admin/logs/app.log", "logstoreName": "trip-api-file",
                "logtailName": ""}]  # fmt: skip
"""SAE's custom SLS resources (UpdateNamespaceSlsConfigs / CreateApplication SlsConfigs: projectName, logType, logDir,
logstoreName, logtailName): the project is named by name, with no Region or account."""


def _sae_sls_configs(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: sae/application (app_name, namespace_id, package_type, image_url, replicas, cpu, memory, sls_configs
        # "Configuration for log collection to SLS": a JSON text)
        return alicloud.sae.Application(
            "trip-api", app_name="trip-api", namespace_id=f"{ALI_HOME[code]}:fleet", package_type="Image",
            image_url=f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet/trip-api:2.1", replicas=2, cpu=1000,
            memory=2048, sls_configs=json.dumps(SLS_CONFIGS), opts=c.ali)  # fmt: skip

    return build


def _ros_sae_sls_configs(code: str) -> Build:
    # docs: ROS ALIYUN::SAE::Application (AppName, NamespaceId, PackageType, ImageUrl, Replicas, Cpu, Memory,
    # SlsConfigs: the same JSON text)
    app = {"Type": "ALIYUN::SAE::Application", "Properties": {
        "AppName": "trip-api", "NamespaceId": f"{ALI_HOME[code]}:fleet", "PackageType": "Image", "Replicas": 2,
        "ImageUrl": f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet/trip-api:2.1", "Cpu": 1000, "Memory": 2048,
        "SlsConfigs": json.dumps(SLS_CONFIGS)}}  # fmt: skip
    return ros_stack(f"sae-sls-{code.lower()}", {"TripApi": app})


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out = account_rows(
        "alired61",
        {"ros-multi-delivery": _ros_multi_delivery, "ros-router-interface": _ros_router_interface,
         "ros-router-binding": _ros_router_binding},
        CODES, GROUP_DECLARED,
    )  # fmt: skip
    for code in CODES:
        p = f"alired61-{code.lower()}"
        # Pinned: the Pulumi twins, refused before and after.
        out += [(f"{p}-multi-delivery-partner", code, _multi_delivery(code), {"RES-023"}, []),
                (f"{p}-router-interface-partner", code, _router_interface(code), {"RES-023"}, []),
                (f"{p}-cen-grant-vpc-partner", code, _cen_grant_vpc(code), {"RES-023"}, [CEN_DECLARED])]  # fmt: skip
        # A grant to the group hub's CEN, declared by its id (as alired60's rows): what remains is the account.
        out += [(f"{p}-ros-cen-grant-vpc-own", code, _ros_cen_grant_vpc(code, "own"), set(), []),
                (f"{p}-ros-cen-grant-vpc-partner", code, _ros_cen_grant_vpc(code, "partner"), {"RES-023"},
                 [CEN_DECLARED]),
                (f"{p}-ros-cen-grant-vpc-partner-declared", code, _ros_cen_grant_vpc(code, "partner"), set(),
                 [CEN_DECLARED, GROUP_DECLARED])]  # fmt: skip
        # The RDS external store: the template's own database passes (RES-015 before); a Region abroad, a partner's
        # host and a hand-written RDS endpoint are refused (pinned), the endpoint declared passes.
        out += [(f"{p}-ros-rds-store-own", code, _ros_rds_store(code, "own"), set(), []),
                (f"{p}-ros-rds-store-own-public", code, _ros_rds_store(code, "own-public"), set(), []),
                (f"{p}-ros-rds-store-region-abroad", code, _ros_rds_store(code, "region-abroad"), {"RES-009"}, []),
                (f"{p}-ros-rds-store-partner-host", code, _ros_rds_store(code, "partner-host"), {"RES-015"}, []),
                (f"{p}-ros-rds-store-rds-host", code, _ros_rds_store(code, "rds-host"), {"RES-015"}, []),
                (f"{p}-ros-rds-store-rds-host-declared", code, _ros_rds_store(code, "rds-host-declared"), set(),
                 [RDS_DECLARED])]  # fmt: skip
        # A router interface to another Region (pinned), SAE's project names (pinned passing).
        out += [(f"{p}-ros-router-interface-abroad", code, _ros_router_abroad(code), {"RES-009"}, []),
                (f"{p}-sae-sls-configs", code, _sae_sls_configs(code), set(), []),
                (f"{p}-ros-sae-sls-configs", code, _ros_sae_sls_configs(code), set(), [])]  # fmt: skip
    return out
