"""Alibaba Cloud red team, round 11 (stop 53): the ROS templates of the Alibaba hub services; CLI owner accounts.

Reproduced on the unchanged engine (main 45eea1d, docs/residency.md "Alibaba Cloud red team, round 11 (stop 53)"): a
``ros.Stack`` whose template makes a Cloud Config rule (``ALIYUN::Config::Rule``), a Cloud Firewall policy
(``ALIYUN::CLOUDFW::ControlPolicy``), an ESA site (``ALIYUN::ESA::Site``), a Security Center rule
(``ALIYUN::ThreatDetection::AntiBruteForceRule``) or a WAF domain (``ALIYUN::WAF::Domain``) passed every door in JP
and DE, where the same resource written in Pulumi is RES-016 (the services are run from cn-hangzhou / cn-shanghai or
ap-southeast-1, Singapore, whatever the Region: catalogue entries ``alicloud-*-hub-region``); in CN under a provider
naming the international site (``account_type="International"``) the Config, Cloud Firewall and ESA templates passed
where their Pulumi twins are RES-016 since alired52; an ESA site of ``Coverage: overseas`` in a CN template passed
(its Pulumi twin is RES-016 by ``alicloud-esa-coverage``). No ``template_services`` entry named any of these types.

Now: a template resource of these services' ROS namespaces (``ALIYUN::Config::*``, ``ALIYUN::CLOUDFW::*``,
``ALIYUN::ESA::*``, ``ALIYUN::ThreatDetection::*``, ``ALIYUN::WAF::*``) is judged as the Pulumi resource of the
service, with the ``ros.Stack``'s provider's account site: RES-016 in JP / DE, and in CN under an international-site
provider for Config / Cloud Firewall / ESA; accepted in CN otherwise; declarable by the service's catalogue id. An ESA
site's ``Coverage`` is judged as the Pulumi ``coverage``. The compliant twins: the same templates in CN under the
team's provider or one naming the China site, a security group in the template in JP, the Config rule declared.

Then the aliyun CLI's parameters naming another account: ECS user data running ``aliyun dts ConfigureDtsJob ...
--DestinationEndpointOwnerID <partner>`` or ``aliyun vpcpeer CreateVpcPeerConnection ... --AcceptingAliUid <partner>``
passed every door in CN, JP and DE (6 programs; the Pulumi twins' owner inputs are RES-023). Now both options are read
(``script_commands`` form ``alicloud-account``) and judged as those inputs: the team's UID passes, the partner's is
RES-023, declared it passes.

Ids: ``alired53-<code>-ros-<service>[-<site or shape>]``, ``alired53-<code>-aliyun-<dts|vpc-peer>-owner-<who>``.
tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, account_rows, ali_boot, ros_template
from platform_programs_alired52 import _site_provider

CONFIG_RULE = {"Type": "ALIYUN::Config::Rule", "Properties": {
    "RuleName": "ecs-instance-no-public-ip", "SourceOwner": "ALIYUN", "SourceIdentifier": "ecs-instance-no-public-ip",
    "ConfigRuleTriggerTypes": "ConfigurationItemChangeNotification", "RiskLevel": 1,
    "ResourceTypesScope": ["ACS::ECS::Instance"]}}  # fmt: skip
"""ROS ALIYUN::Config::Rule (RuleName, SourceOwner, SourceIdentifier, ConfigRuleTriggerTypes, RiskLevel,
ResourceTypesScope): a managed rule evaluating the stack's ECS instances."""
FIREWALL_POLICY = {"Type": "ALIYUN::CLOUDFW::ControlPolicy", "Properties": {
    "AclAction": "accept", "Description": "depots to the fleet API", "Destination": "10.20.0.10/32",
    "DestinationType": "net", "Direction": "in", "Proto": "TCP", "Source": "203.0.113.0/24", "SourceType": "net",
    "DestPort": "443", "ApplicationName": "ANY"}}  # fmt: skip
"""ROS ALIYUN::CLOUDFW::ControlPolicy: an Internet-border policy letting the depot network reach the API."""


def esa_site(coverage: str) -> dict[str, Any]:
    """ROS ALIYUN::ESA::Site (InstanceId, SiteName, AccessType, Coverage: domestic / overseas / global)."""
    return {"Type": "ALIYUN::ESA::Site", "Properties": {
        "InstanceId": "esa-site-fleet01", "SiteName": "fleet-portal.example.cn", "AccessType": "NS",
        "Coverage": coverage}}  # fmt: skip


BRUTE_FORCE = {"Type": "ALIYUN::ThreatDetection::AntiBruteForceRule", "Properties": {
    "AntiBruteForceRuleName": "fleet-ssh", "DefaultRule": True, "FailCount": 5, "ForbiddenTime": 60, "Span": 10,
    "UuidList": ["inst-uuid-fleet01"]}}  # fmt: skip
"""ROS ALIYUN::ThreatDetection::AntiBruteForceRule: Security Center blocks an account after failed SSH logons."""
WAF_DOMAIN = {"Type": "ALIYUN::WAF::Domain", "Properties": {
    "InstanceId": "waf_cdnsdf3rfsd", "DomainName": "portal.fleet.example", "IsAccessProduct": 0, "HttpPort": ["80"],
    "SourceIps": ["10.20.0.10"]}}  # fmt: skip
"""ROS ALIYUN::WAF::Domain (InstanceId, DomainName, IsAccessProduct, HttpPort, SourceIps): the portal behind WAF."""
SECURITY_GROUP = {"Type": "ALIYUN::ECS::SecurityGroup", "Properties": {
    "VpcId": "vpc-fleet0001", "SecurityGroupName": "fleet-api",
    "SecurityGroupIngress": [
        {"IpProtocol": "tcp", "PortRange": "443/443", "SourceCidrIp": "203.0.113.0/24"}]}}  # fmt: skip
"""ROS ALIYUN::ECS::SecurityGroup: the regional control the hub firewall's refusal points to (the compliant twin)."""

SERVICES: dict[str, dict[str, Any]] = {
    "config-rule": CONFIG_RULE, "firewall-policy": FIREWALL_POLICY, "esa-site": esa_site("domestic"),
    "sas-brute-force": BRUTE_FORCE, "waf-domain": WAF_DOMAIN,
}  # fmt: skip
"""Each hub service's template resource (judged by its ROS namespace)."""
SITE_SERVICES = ("config-rule", "firewall-policy", "esa-site")
"""The services pulumi-alicloud keeps in Singapore for an international-site account (alired52)."""
DECLARED = {
    code: {"id": "config-history", "kind": "transfer", "match": "alicloud-config-hub-region", "destination": "SG",
           "data_classes": ["audit_logs"], "basis": basis, "reference": f"{code}-2026-053", "approved_by": "dpo",
           "expires": "2027-12-31"}
    for code, basis in (("CN", "standard-contract"), ("JP", "documented-assessment"))
}  # fmt: skip
"""Cloud Config in Singapore declared as a transfer by its catalogue entry's id (the ``-declared`` programs)."""


def ros(name: str, resource: dict[str, Any]) -> Build:
    """A ``ros.Stack`` making ``resource`` with the team's provider (docs: ros/stack ``template_body``)."""

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        body = ros_template({"Res": resource})
        return alicloud.ros.Stack(name, stack_name=name, template_body=body, opts=c.ali)

    return build


def ros_with_site(code: str, name: str, resource: dict[str, Any], site: str) -> Build:
    """The same stack under a provider naming the account ``site`` (pulumi-alicloud Provider ``account_type``)."""

    def build(c: Any) -> object:
        body = ros_template({"Res": resource})
        return alicloud.ros.Stack(name, stack_name=name, template_body=body, opts=_site_provider(code, site))

    return build


DTS_OWNER = (
    "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    "aliyun dts ConfigureDtsJob --DtsJobName fleet-sync --JobType SYNC --SourceEndpointInstanceType RDS \\\n"
    "  --SourceEndpointRegion $R --SourceEndpointInstanceID rm-fleet01 --DestinationEndpointInstanceType RDS \\\n"
    "  --DestinationEndpointRegion $R --DestinationEndpointInstanceID rm-fleet02 \\\n"
    "  --DestinationEndpointOwnerID {owner} --DestinationEndpointRoleName dts-writer --DbList file:///opt/dts/db.json"
)
"""A DTS synchronization into a database of ``DestinationEndpointOwnerID`` ("the ID of the Alibaba Cloud account to
which the destination instance belongs ... passing it performs a cross-account migration or synchronization", DTS
ConfigureDtsJob), in the instance's own Region (read from the metadata): only the account is at issue."""
VPC_PEER = (
    "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    "aliyun vpcpeer CreateVpcPeerConnection --RegionId $R --VpcId vpc-fleet01 --AcceptingRegionId $R \\\n"
    "  --AcceptingVpcId vpc-hub01 --AcceptingAliUid {owner} --Name fleet-to-hub"
)
"""A VPC peering connection to the VPC of ``AcceptingAliUid`` ("the ID of the Alibaba Cloud account to which the
accepter VPC belongs", VPC peering CreateVpcPeerConnection), in the instance's own Region."""


def cli_account(line: str) -> Any:
    """An ECS instance whose boot script runs ``line`` naming the team's account (``own``) or the partner's."""

    def make(code: str, who: str) -> Build:
        owner = OWN_UID if who == "own" else PARTNER_UID

        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            return ali_boot(c, "#!/bin/bash\n" + line.format(owner=owner) + "\n")

        return build

    return make


CLI_PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-operations-account", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the group's operations account; its contract keeps its databases and VPCs in the market's regions",
}  # fmt: skip
"""The partner's account declared by its UID (the ``-partner-declared`` programs)."""


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = [
        (f"alired53-{code.lower()}-ros-{kind}", code, ros(kind, resource), set() if code == "CN" else {"RES-016"}, [])
        for kind, resource in SERVICES.items()
        for code in ("CN", "JP", "DE")
    ]  # fmt: skip
    out += [
        (f"alired53-cn-ros-{kind}-{site.lower()}", "CN", ros_with_site("CN", kind, SERVICES[kind], site),
         {"RES-016"} if site == "International" else set(), [])
        for kind in SITE_SERVICES
        for site in ("Domestic", "International")
    ]  # fmt: skip
    out += [
        ("alired53-cn-ros-config-rule-international-declared", "CN",
         ros_with_site("CN", "config-rule", CONFIG_RULE, "International"), set(), [DECLARED["CN"]]),
        ("alired53-jp-ros-config-rule-declared", "JP", ros("config-rule", CONFIG_RULE), set(), [DECLARED["JP"]]),
        ("alired53-jp-ros-security-group", "JP", ros("fleet-api", SECURITY_GROUP), set(), []),
        ("alired53-cn-ros-esa-site-overseas", "CN", ros("esa-site", esa_site("overseas")), {"RES-016"}, []),
        ("alired53-cn-ros-esa-site-global", "CN", ros("esa-site", esa_site("global")), {"RES-016"}, []),
    ]  # fmt: skip
    out += account_rows("alired53", {"aliyun-dts-owner": cli_account(DTS_OWNER),
                                     "aliyun-vpc-peer-owner": cli_account(VPC_PEER)},
                        ("CN", "JP", "DE"), CLI_PARTNER_DECLARED)  # fmt: skip
    return out
