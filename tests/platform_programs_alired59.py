"""Alibaba Cloud red team, round 19 (stop 59): a PrivateZone forwarding rule's resolvers and a CloudMonitor site
monitor's detection points through their ROS twins, a site monitor's empty detection city list, and the ROS types round
18 left unread or the brief named (a node pool's KubernetesConfig, an OSS website's secondary mirror origins, a transit
router peer attachment, an image copy, an ECI container group's DNS servers) with Alibaba international registry hosts.

Reproduced on the unchanged engine (main 8801eb8a, docs/residency.md "Alibaba Cloud red team, round 19 (stop 59)"): 14
of 84 programs passed every door in CN, JP and DE that must be refused: a ROS ``ALIYUN::PVTZ::Rule`` whose
``ForwardIp[].Ip`` is a partner's public resolver (3; its Pulumi twin, ``pvtz.Rule`` ``forward_ips.ip``, is RES-015: no
``stack_templates`` entry mapped the ROS type), a ROS ``ALIYUN::CMS::SiteMonitor`` without ``IspCities`` or with an
empty list (three random detection points; 6) or with a Beijing point in JP / DE (2), while the Pulumi site monitor is
RES-016 (no ``template_services`` entry named the type), and a Pulumi ``cms.SiteMonitor`` with ``isp_cities=[]`` (3: a
list, even empty, was taken as set). Pinned as they were: the Pulumi rule and monitor, a ROS transit router peer
attachment and image copy to a Region abroad (RES-009), a ROS node pool's ``KubernetesConfig.UserData`` fetching a
partner's script (RES-015), an OSS website Mirror rule's secondary and probe origins (``MirrorURLSlave`` /
``mirror_url_slave``, ``MirrorURLProbe`` / ``mirror_url_probe``: RES-015 in ROS and Pulumi), a ROS ECI container
group's ``DnsConfig.NameServer`` (RES-015), an international registry host (``registry-intl-vpc.<region>.aliyuncs.com``:
read by its Region label, RES-006 abroad).

Now the ROS forwarding rule is read as its Pulumi twin (``stack_templates`` resources, ``ForwardIp`` as
``forward_ips``), the ROS site monitor's ``IspCities.City`` as the Pulumi ``isp_cities.city`` (``template_services``),
and an empty list at a global service's omitted-field check is no value (the default applies).

Ids: ``alired59-<code>-<pvtz-rule|ros-pvtz-rule>-<partner|partner-declared|vpc>``,
``alired59-<code>-ros-cen-peer-<home|abroad>``, ``alired59-<code>-ros-copy-image-<home|abroad>``,
``alired59-<code>-ros-nodepool-userdata-<partner|own-oss>``,
``alired59-<code>-<oss-website|ros-oss-website>-mirror-secondary-<partner|own-oss>``,
``alired59-<code>-ros-eci-dns-<partner|vpc>``, ``alired59-<code>-acr-intl-<home|abroad>``,
``alired59-<code>-<site-monitor|ros-site-monitor>-<random|random-declared|beijing|empty-list>``.

tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, Build, Row, ros_stack

CODES = ("CN", "JP", "DE")
_ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "ap-southeast-1"}
"""cn-hongkong is not mainland China: a CN stack's data sent there leaves the jurisdiction."""

PARTNER_RESOLVER = "203.0.113.53"
"""The partner's public DNS resolver (its answers for the partner's zone; every query names a host the fleet uses)."""
PARTNER_RESOLVER_DECLARED: dict[str, Any] = {
    "id": "partner-resolver", "kind": "resident", "match": PARTNER_RESOLVER,
    "evidence": "the partner's resolver, hosted in the market",
}  # fmt: skip
VPC_RESOLVER = "10.20.0.53"
"""The on-premises resolver reached over the VPC's VPN (a private address: resident wherever it is written)."""
PARTNER_SITE = "www.fleet-partner.example.com"


# -- a PrivateZone outbound forwarding rule: Pulumi pvtz.Rule and its ROS twin ---------------------------------------


def _pvtz_rule(resolver: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: pvtz/rule (endpoint_id, forward_ips [{ip, port}] "The ip of the forwarding destination", rule_name,
        # type OUTBOUND, zone_name): queries for zone_name from the bound VPCs are forwarded to these resolvers
        return alicloud.pvtz.Rule(
            "partner-zone", endpoint_id="hr-fleet0001", rule_name="partner-zone", type="OUTBOUND",
            zone_name="fleet-partner.example.com", forward_ips=[{"ip": resolver, "port": 53}], opts=c.ali)  # fmt: skip

    return build


def _ros_pvtz_rule(code: str, resolver: str) -> Build:
    # docs: ROS ALIYUN::PVTZ::Rule (ForwardIp List [{Ip "The IP address of the destination external server", Port}],
    # ZoneName, Type OUTBOUND "DNS traffic is forwarded to external IP addresses", EndpointId, RuleName)
    rule = {"Type": "ALIYUN::PVTZ::Rule", "Properties": {
        "EndpointId": "hr-fleet0001", "RuleName": "partner-zone", "Type": "OUTBOUND",
        "ZoneName": "fleet-partner.example.com", "ForwardIp": [{"Ip": resolver, "Port": 53}]}}  # fmt: skip
    return ros_stack(f"pvtz-rule-{code.lower()}", {"PartnerZone": rule})


# -- a transit router's inter-Region connection and an image copy: ROS's region properties ---------------------------


def _ros_cen_peer(code: str, region: str) -> Build:
    # docs: ROS ALIYUN::CEN::TransitRouterPeerAttachment (CenId, TransitRouterId, PeerTransitRouterId,
    # PeerTransitRouterRegionId, BandwidthType); CreateTransitRouterPeerAttachment "creates an inter-region connection"
    peer = {"Type": "ALIYUN::CEN::TransitRouterPeerAttachment", "Properties": {
        "CenId": "cen-fleet0001", "TransitRouterId": "tr-fleet0001", "PeerTransitRouterId": "tr-fleet0002",
        "PeerTransitRouterRegionId": region, "BandwidthType": "DataTransfer", "Bandwidth": 10,
        "TransitRouterAttachmentName": "fleet-peer"}}  # fmt: skip
    return ros_stack(f"cen-peer-{code.lower()}", {"Peer": peer})


def _ros_copy_image(code: str, region: str) -> Build:
    # docs: ROS ALIYUN::ECS::CopyImage ("Copies a custom image from one region to another region": ImageId,
    # DestinationRegionId "The ID of the destination region", DestinationImageName, Encrypted, AllowCopyInSameRegion)
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {
        "ImageId": "m-fleet0telemetry1", "DestinationRegionId": region, "DestinationImageName": "fleet-telemetry",
        "Encrypted": True, "AllowCopyInSameRegion": True}}  # fmt: skip
    return ros_stack(f"copy-image-{code.lower()}", {"Copy": copy})


# -- an ACK node pool's KubernetesConfig through ROS ------------------------------------------------------------------


def _ros_nodepool(code: str, script_host: str) -> Build:
    # docs: ROS ALIYUN::CS::ClusterNodePool (ClusterId, ScalingGroup, KubernetesConfig {CpuPolicy, Runtime, CmsEnabled,
    # UserData, NodeNameMode, RuntimeVersion, Labels, Unschedulable, ...}: the page's KubernetesConfig syntax; UserData
    # runs on every node the pool adds)
    user_data = f"#!/bin/bash\nset -euo pipefail\ncurl -fsS https://{script_host}/node/bootstrap.sh | bash\n"
    pool = {"Type": "ALIYUN::CS::ClusterNodePool", "Properties": {
        "ClusterId": "c-fleet0001", "NodePoolInfo": {"Name": "telemetry"}, "Count": 2,
        "ScalingGroup": {"VSwitchIds": ["vsw-fleet0001"], "InstanceTypes": ["ecs.g7.xlarge"],
                         "SystemDiskCategory": "cloud_essd", "SystemDiskSize": 120},
        "KubernetesConfig": {"Runtime": "containerd", "RuntimeVersion": "1.6.28", "CmsEnabled": True,
                             "UserData": user_data}}}  # fmt: skip
    return ros_stack(f"nodepool-{code.lower()}", {"Pool": pool})


# -- an OSS website's Mirror rule with secondary and probe origins: Pulumi and ROS ----------------------------------


def _mirror(primary: str, secondary: str) -> dict[str, Any]:
    # docs: OSS PutBucketWebsite RoutingRule.Redirect (RedirectType Mirror, MirrorURL "The origin URL for
    # mirroring-based back-to-origin", MirrorURLSlave "The secondary origin URL", MirrorURLProbe "The origin URL the
    # health check probes"): OSS fetches a missing object from these origins
    return {"redirect_type": "Mirror", "mirror_url": f"https://{primary}/", "mirror_url_slave": f"https://{secondary}/",
            "mirror_url_probe": f"https://{secondary}/", "mirror_pass_query_string": True}  # fmt: skip


def _oss_website(code: str, secondary: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: oss/bucketwebsite (routing_rules.routing_rules [{rule_number, condition, redirect {mirror_url,
        # mirror_url_slave, mirror_url_probe, ...}}])
        rules: Any = {"routing_rules": [{
            "rule_number": 1, "condition": {"http_error_code_returned_equals": "404"},
            "redirect": _mirror(f"fleet-old.oss-{ALI_HOME[code]}.aliyuncs.com", secondary)}]}  # fmt: skip
        return alicloud.oss.BucketWebsite("site", bucket="fleet-site", index_document={"suffix": "index.html"},
                                          routing_rules=rules, opts=c.ali)  # fmt: skip

    return build


def _pascal(key: str) -> str:
    return {"mirror_url": "MirrorURL", "mirror_url_slave": "MirrorURLSlave", "mirror_url_probe": "MirrorURLProbe"}.get(
        key, "".join(w.capitalize() for w in key.split("_")))  # fmt: skip


def _ros_oss_website(code: str, secondary: str) -> Build:
    # docs: ROS ALIYUN::OSS::Website (BucketName, WebsiteConfiguration {IndexDocument, ErrorDocument, RoutingRules
    # [{RuleNumber, Condition, Redirect}]}); Redirect's elements as PutBucketWebsite names them
    redirect = {_pascal(k): v for k, v in _mirror(f"fleet-old.oss-{ALI_HOME[code]}.aliyuncs.com", secondary).items()}
    site = {"Type": "ALIYUN::OSS::Website", "Properties": {
        "BucketName": "fleet-site", "WebsiteConfiguration": {
            "IndexDocument": {"Suffix": "index.html"},
            "RoutingRules": [{"RuleNumber": 1, "Condition": {"HttpErrorCodeReturnedEquals": "404"},
                              "Redirect": redirect}]}}}  # fmt: skip
    return ros_stack(f"site-{code.lower()}", {"Site": site})


# -- an ECI container group's DNS servers through ROS ----------------------------------------------------------------


def _ros_eci_dns(code: str, resolver: str) -> Build:
    # docs: ROS ALIYUN::ECI::ContainerGroup (DnsConfig {NameServer List, Search List, Option List}: the containers'
    # resolv.conf; Container, VSwitchId, SecurityGroupId)
    group = {"Type": "ALIYUN::ECI::ContainerGroup", "Properties": {
        "ContainerGroupName": "fleet-ingest", "VSwitchId": "vsw-fleet0001", "SecurityGroupId": "sg-fleet0001",
        "Cpu": 2, "Memory": 4, "RestartPolicy": "Always",
        "Container": [{"Name": "ingest", "Image": f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet/ingest:1.4"}],
        "DnsConfig": {"NameServer": [resolver], "Search": ["fleet.internal"]}}}  # fmt: skip
    return ros_stack(f"eci-dns-{code.lower()}", {"Ingest": group})


# -- an international Container Registry host (registry-intl) ---------------------------------------------------------


def _acr_intl(region: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: Container Registry "Endpoints": the international site's registries are
        # registry-intl[-vpc].<region>.aliyuncs.com, the same aliyuncs.com suffix as the China site's
        # registry[-vpc].<region>.aliyuncs.com; eci/containergroup (containers [{image, environment_vars}])
        registry = f"registry-intl-vpc.{region}.aliyuncs.com"
        return alicloud.eci.ContainerGroup(
            "ingest", container_group_name="fleet-ingest", security_group_id="sg-fleet0001",
            vswitch_id="vsw-fleet0001", cpu=2, memory=4, restart_policy="Always", opts=c.ali,
            containers=[{"name": "ingest", "image": f"{registry}/fleet/ingest:1.4",
                         "environment_vars": [{"key": "PUSH_REGISTRY", "value": registry}]}])  # fmt: skip

    return build


# -- a CloudMonitor site monitor's detection points: Pulumi cms.SiteMonitor and its ROS twin -------------------------

PROBES_DECLARED: dict[str, Any] = {
    "id": "portal-probes", "kind": "resident", "match": "alicloud-cms-site-monitor-probe-cities",
    "evidence": "DescribeSiteMonitorISPCityList: the detection points the task uses are in the market",
}  # fmt: skip
BEIJING = [{"city": "546", "isp": "465"}]
"""A detection point in Beijing (city 546, the pulumi-alicloud example's; carrier 465)."""


def _health_url(code: str) -> str:
    return f"https://fleet-portal.oss-{ALI_HOME[code]}.aliyuncs.com/health"


def _site_monitor(code: str, cities: list[dict[str, str]] | None) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: cms/sitemonitor (address, task_name, task_type HTTP, isp_cities [{city, isp}]: "If this parameter is
        # not specified, three detection points will be chosen randomly"): the points request the address
        isp_cities: Any = cities
        return alicloud.cms.SiteMonitor("portal-health", address=_health_url(code), task_name="portal_health",
                                        task_type="HTTP", interval="5", isp_cities=isp_cities, opts=c.ali)  # fmt: skip

    return build


def _ros_site_monitor(code: str, cities: list[dict[str, str]] | None) -> Build:
    # docs: ROS ALIYUN::CMS::SiteMonitor (Address "监控任务的URL或IP地址", TaskName, TaskType, Interval, IspCities
    # [{Isp, City}] "探针信息。如果该参数取值为空,则系统随机选择3个探测点": left empty, three random points)
    props: dict[str, Any] = {"Address": _health_url(code), "TaskName": "portal_health", "TaskType": "HTTP",
                             "Interval": 5}  # fmt: skip
    if cities is not None:
        props["IspCities"] = [{"Isp": p["isp"], "City": p["city"]} for p in cities]
    return ros_stack(f"site-monitor-{code.lower()}", {"PortalHealth": {"Type": "ALIYUN::CMS::SiteMonitor",
                                                                       "Properties": props}})  # fmt: skip


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        home, abroad = ALI_HOME[code], _ABROAD[code]
        p = f"alired59-{code.lower()}"
        rules: tuple[tuple[str, Callable[[str], Build]], ...] = (
            ("pvtz-rule", _pvtz_rule), ("ros-pvtz-rule", functools.partial(_ros_pvtz_rule, code)))  # fmt: skip
        for name, rule in rules:
            out += [(f"{p}-{name}-partner", code, rule(PARTNER_RESOLVER), {"RES-015"}, []),
                    (f"{p}-{name}-partner-declared", code, rule(PARTNER_RESOLVER), set(), [PARTNER_RESOLVER_DECLARED]),
                    (f"{p}-{name}-vpc", code, rule(VPC_RESOLVER), set(), [])]  # fmt: skip
        out += [(f"{p}-ros-cen-peer-home", code, _ros_cen_peer(code, home), set(), []),
                (f"{p}-ros-cen-peer-abroad", code, _ros_cen_peer(code, abroad), {"RES-009"}, []),
                (f"{p}-ros-copy-image-home", code, _ros_copy_image(code, home), set(), []),
                (f"{p}-ros-copy-image-abroad", code, _ros_copy_image(code, abroad), {"RES-009"}, []),
                (f"{p}-ros-nodepool-userdata-partner", code, _ros_nodepool(code, PARTNER_SITE), {"RES-015"}, []),
                (f"{p}-ros-nodepool-userdata-own-oss", code,
                 _ros_nodepool(code, f"fleet-boot.oss-{home}-internal.aliyuncs.com"), set(), [])]  # fmt: skip
        sites: tuple[tuple[str, Callable[[str, str], Build]], ...] = (
            ("oss-website", _oss_website), ("ros-oss-website", _ros_oss_website))  # fmt: skip
        for name, site in sites:
            out += [(f"{p}-{name}-mirror-secondary-partner", code, site(code, PARTNER_SITE), {"RES-015"}, []),
                    (f"{p}-{name}-mirror-secondary-own-oss", code,
                     site(code, f"fleet-archive.oss-{home}.aliyuncs.com"), set(), [])]  # fmt: skip
        out += [(f"{p}-ros-eci-dns-partner", code, _ros_eci_dns(code, PARTNER_RESOLVER), {"RES-015"}, []),
                (f"{p}-ros-eci-dns-vpc", code, _ros_eci_dns(code, VPC_RESOLVER), set(), []),
                (f"{p}-acr-intl-home", code, _acr_intl(home), set(), []),
                (f"{p}-acr-intl-abroad", code, _acr_intl(abroad), {"RES-006"}, [])]  # fmt: skip
        monitors: tuple[tuple[str, Callable[[str, list[dict[str, str]] | None], Build]], ...] = (
            ("site-monitor", _site_monitor), ("ros-site-monitor", _ros_site_monitor))  # fmt: skip
        for name, monitor in monitors:
            out += [(f"{p}-{name}-random", code, monitor(code, None), {"RES-016"}, []),
                    (f"{p}-{name}-random-declared", code, monitor(code, None), set(), [PROBES_DECLARED])]  # fmt: skip
            # Beijing's point places the probe in the mainland: in CN it passes; elsewhere it is abroad.
            out += [(f"{p}-{name}-beijing", code, monitor(code, BEIJING), set() if code == "CN" else {"RES-016"}, [])]
        # The team's list of detection cities read from config, left empty: the provider sends no IspCities.
        out += [(f"{p}-site-monitor-empty-list", code, _site_monitor(code, []), {"RES-016"}, []),
                (f"{p}-ros-site-monitor-empty-list", code, _ros_site_monitor(code, []), {"RES-016"}, [])]  # fmt: skip
    return out
