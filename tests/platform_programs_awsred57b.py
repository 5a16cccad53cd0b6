"""Template twins, round 33 (stop 57): the Alibaba Cloud ``destination_fields`` through their ROS twins.

Round 32 (tests/platform_programs_awsred57.py) probed each AWS ``destination_fields`` type through its CloudFormation
twin; this round does the same for the Alibaba Cloud types, each written as the ROS resource the Alibaba ROS
transformer (aliyun/alibabacloud-ros-tool-transformer, rostran/rules/terraform/alicloud/*.yml: the Terraform resource
each ROS type is, property by property) names as its twin, one resource in an ``alicloud.ros.Stack`` each (CN / JP /
DE, the team's deployer role).

Reproduced on the unchanged engine (main 11fbebba), **passing every door** while the Pulumi twin is RES-015 (a host,
address or mailbox the resource sends to, proven only when something places it, else declared): an
``ALIYUN::DNS::DomainRecord``'s ``Value`` (a CNAME to a partner's host), an ``ALIYUN::PVTZ::ZoneRecord``'s ``Value``,
an ``ALIYUN::VPC::CustomerGateway``'s ``IpAddress``, an ``ALIYUN::BastionHost::Host``'s ``HostPrivateAddress``, an
``ALIYUN::ECI::ContainerGroup``'s ``HostAliase[].Ip`` and an ``ALIYUN::ESS::EciScalingConfiguration``'s
``HostAliases[].Ip``, an ``ALIYUN::ALB::BackendServerAttachment``'s ``Servers[].ServerIp`` (a remote IP), an
``ALIYUN::WAF::Domain``'s ``SourceIps`` (CN), an ``ALIYUN::EHPC::Cluster``'s
``VolumeMountpoint``, and the mailboxes of an ``ALIYUN::CMS::Contact`` (``Channels.Mail``), an
``ALIYUN::ARMS::AlertContact`` (``Email``) and an ``ALIYUN::ResourceManager::MessageContact`` (``EmailAddress``): 34
leaks. **Refused, a false alarm**: an ``ALIYUN::DNS::DomainRecord`` TXT (SPF) record naming Alibaba's DirectMail
senders (``include:spf1.dm.aliyun.com``) was RES-016 as template text, while the Pulumi record passes (its type makes
its value no destination): 3 false alarms. On main's engine and catalogue the table's every-door test: 37 failed / 80
passed (the 117 programs).

Now ``stack_templates`` ``resources`` maps each ROS property to the Pulumi input of the same API call (one judgement,
the ``destination_fields`` entry's), and a template record's own ``Type`` decides whether its value is a destination,
as the Pulumi record's does (``dns_records``).

A WAF domain is probed in CN only: outside the mainland the WAF itself is refused (RES-016,
alicloud-waf-hub-region), in a template as in Pulumi. ``ros-dns-txt-spf`` (and its Pulumi twin
``pulumi-dns-txt-spf``): a TXT (SPF) record naming the partner's and DirectMail's senders passes, as the Pulumi record
(its Type says its value is no destination).

Ids ``awsred57b-<code>-<kind>-<variant>``: ``home`` (an address of the VPC's private ranges, the region's own OSS
host: passes), ``partner`` (a partner's host, public address or mailbox: RES-015), ``partner-declared`` (the partner
declared ``kind: resident``: passes). Mailbox kinds have no ``home`` (an address names no place). ``pulumi-*`` kinds
are the Pulumi twins of two ROS kinds, judged alike. tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, Build, Row, ros_stack

CODES = ("CN", "JP", "DE")
PARTNER = "fleet-partner.example.com"
"""The partner's domain abroad: its hosts and mailboxes are the offending twins' destinations."""
PARTNER_IP = "203.0.113.47"
"""A public address of the partner's (a VPN device, an origin server, an NFS server behind a public address)."""
PRIVATE_IP = {"server": "10.20.1.15", "gateway": "10.30.0.1", "nas": "10.20.5.20"}
"""Addresses inside the VPC's private ranges (or reached over Express Connect): the compliant twins'."""


def _pick(variant: str, home: Any, partner: Any) -> Any:
    return home if variant == "home" else partner


def _one(name: str, kind: str, props: dict[str, Any]) -> Build:
    return ros_stack(name, {"Resource": {"Type": kind, "Properties": props}})


def _image(code: str) -> str:
    """The team's worker image in its Container Registry of the market's region (pulled over the VPC)."""
    return f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet/worker:1.4"


def _docs_host(code: str) -> str:
    """The team's OSS bucket's public host in the market's region (a static site a CNAME points at)."""
    return f"fleet-docs.oss-{ALI_HOME[code]}.aliyuncs.com"


# -- ROS kinds naming a place -------------------------------------------------------------------------------------


def dns_record(code: str, variant: str) -> Build:
    # docs: ALIYUN::DNS::DomainRecord {RR, DomainName, Value ("The record value"), Type, TTL, Line}: resolvers are
    # sent to the CNAME's target (rostran alidns_record.yml: value -> Value).
    return _one("fleet-docs-cname", "ALIYUN::DNS::DomainRecord", {
        "DomainName": "fleet.example.cn", "RR": "docs", "Type": "CNAME", "TTL": 600,
        "Value": _pick(variant, _docs_host(code), f"docs.{PARTNER}")})  # fmt: skip


def pvtz_record(code: str, variant: str) -> Build:
    # docs: ALIYUN::PVTZ::ZoneRecord {ZoneId, Rr, Type, Value, Ttl} (rostran pvtz_zone_record.yml: value -> Value):
    # the VPC's clients resolving db.fleet.internal connect there.
    return _one("fleet-db-record", "ALIYUN::PVTZ::ZoneRecord", {
        "ZoneId": "b1a2c3d4e5f60718fleet", "Rr": "db", "Type": "A", "Ttl": 60,
        "Value": _pick(variant, PRIVATE_IP["server"], PARTNER_IP)})  # fmt: skip


def customer_gateway(code: str, variant: str) -> Build:
    # docs: ALIYUN::VPC::CustomerGateway {IpAddress ("The IP address of the customer gateway"), Asn, Name,
    # Description} (rostran vpn_customer_gateway.yml: ip_address -> IpAddress); a private address for a VPN over
    # Express Connect.
    return _one("plant-gateway", "ALIYUN::VPC::CustomerGateway", {
        "IpAddress": _pick(variant, PRIVATE_IP["gateway"], PARTNER_IP), "Asn": 65010,
        "Name": "plant-edge-01"})  # fmt: skip


def bastion_host(code: str, variant: str) -> Build:
    # docs: ALIYUN::BastionHost::Host {InstanceId, HostName, Source Local, OSType, ActiveAddressType,
    # HostPrivateAddress (a domain name or an IP address), HostPublicAddress} (rostran bastionhost_host.yml): the
    # bastion opens its operators' sessions there.
    return _one("plant-host", "ALIYUN::BastionHost::Host", {
        "InstanceId": "bastionhost-cn-fleet0001", "HostName": "plant-scada", "Source": "Local", "OSType": "Linux",
        "ActiveAddressType": "Private",
        "HostPrivateAddress": _pick(variant, PRIVATE_IP["server"], f"scada.{PARTNER}")})  # fmt: skip


def eci_host_alias(code: str, variant: str) -> Build:
    # docs: ALIYUN::ECI::ContainerGroup HostAliase [{Ip, Hostname}] (rostran eci_container_group.yml: host_aliases ->
    # HostAliase, ip -> Ip): the containers' /etc/hosts, so the name reaches that address.
    return _one("fleet-worker", "ALIYUN::ECI::ContainerGroup", {
        "ContainerGroupName": "fleet-worker", "SecurityGroupId": "sg-uf6fleet0001", "VSwitchId": "vsw-uf6fleet0001",
        "Container": [{"Name": "worker", "Image": _image(code),
                       "Cpu": 1, "Memory": 2}],
        "HostAliase": [{"Ip": _pick(variant, PRIVATE_IP["server"], PARTNER_IP),
                        "Hostname": ["orders-db.internal"]}]})  # fmt: skip


def ess_eci_host_alias(code: str, variant: str) -> Build:
    # docs: ALIYUN::ESS::EciScalingConfiguration HostAliases [{Ip, Hostnames}] (rostran
    # ess_eci_scaling_configuration.yml: host_aliases -> HostAliases, ip -> Ip).
    return _one("fleet-worker-scaling", "ALIYUN::ESS::EciScalingConfiguration", {
        "ScalingGroupId": "asg-uf6fleet0001", "ContainerGroupName": "fleet-worker",
        "SecurityGroupId": "sg-uf6fleet0001",
        "Containers": [{"Name": "worker", "Image": _image(code)}],
        "HostAliases": [{"Ip": _pick(variant, PRIVATE_IP["server"], PARTNER_IP),
                         "Hostnames": ["orders-db.internal"]}]})  # fmt: skip


def alb_servers(code: str, variant: str) -> Build:
    # docs: ALIYUN::ALB::BackendServerAttachment {ServerGroupId, Servers [{ServerType Ip, ServerId ("If ServerType is
    # set to Ip: the IP address"), ServerIp, Port, Weight, RemoteIpEnabled}]}: the group's requests are forwarded there
    # (a remote IP outside the VPC with RemoteIpEnabled).
    address = _pick(variant, PRIVATE_IP["server"], PARTNER_IP)
    return _one("orders-backends", "ALIYUN::ALB::BackendServerAttachment", {
        "ServerGroupId": "sgp-fleet0001orders", "Servers": [{
            "ServerType": "Ip", "ServerId": address, "ServerIp": address, "Port": 8080, "Weight": 100,
            "RemoteIpEnabled": variant != "home"}]})  # fmt: skip


def waf_domain(code: str, variant: str) -> Build:
    # docs: ALIYUN::WAF::Domain {InstanceId, DomainName, IsAccessProduct, HttpPort, SourceIps (the origin servers'
    # addresses WAF forwards the filtered requests to), ...} (rostran waf_domain.yml: source_ips -> SourceIps).
    return _one("fleet-waf", "ALIYUN::WAF::Domain", {
        "InstanceId": "waf_cdnsdf3****", "DomainName": "shop.fleet.example.cn", "IsAccessProduct": 0,
        "HttpPort": ["80"], "SourceIps": [_pick(variant, PRIVATE_IP["server"], PARTNER_IP)]})  # fmt: skip


def dns_spf(code: str) -> Build:
    # docs: ALIYUN::DNS::DomainRecord Type TXT: an SPF record naming the partner's mail servers (RFC 7208 `include:`)
    # is read by receivers, no client sends data there (dns_records not_destinations): it passes as the Pulumi twin.
    return _one("fleet-spf", "ALIYUN::DNS::DomainRecord", {
        "DomainName": "fleet.example.cn", "RR": "@", "Type": "TXT", "TTL": 600,
        "Value": f"v=spf1 include:spf.{PARTNER} include:spf1.dm.aliyun.com -all"})  # fmt: skip


def ehpc_volume(code: str, variant: str) -> Build:
    # docs: ALIYUN::EHPC::Cluster VolumeType nas, VolumeProtocol nfs, VolumeMountpoint ("The mount target of the file
    # system"), RemoteDirectory (rostran ehpc_cluster.yml: volume_mountpoint -> VolumeMountpoint): every node mounts it.
    return _one("fleet-hpc", "ALIYUN::EHPC::Cluster", {
        "Name": "fleet-hpc", "OsTag": "CentOS_7.6_64", "VSwitchId": "vsw-uf6fleet0001", "EcsOrderManagerInstanceType":
        "ecs.g7.large", "EcsOrderComputeInstanceType": "ecs.g7.large", "EcsOrderComputeCount": 2,
        "Password": "Fleet-Hpc-2026", "VolumeType": "nas", "VolumeProtocol": "nfs", "VolumeId": "0a1b2c3d4e",
        "VolumeMountpoint": _pick(variant, PRIVATE_IP["nas"], f"nfs.{PARTNER}"), "RemoteDirectory": "/"})  # fmt: skip


# -- ROS kinds naming a mailbox -----------------------------------------------------------------------------------


def cms_contact(code: str, variant: str) -> Build:
    # docs: ALIYUN::CMS::Contact {ContactName, Describe, Channels {Mail, SMS, DingWebHook, AliIM}} (rostran
    # cms_alarm_contact.yml: channels_mail -> Channels.Mail): the alert e-mails are sent there.
    return _one("oncall-contact", "ALIYUN::CMS::Contact", {
        "ContactName": "oncall", "Describe": "on-call", "Channels": {"Mail": f"oncall@{PARTNER}"}})  # fmt: skip


def arms_contact(code: str, variant: str) -> Build:
    # docs: ALIYUN::ARMS::AlertContact {ContactName, Email, PhoneNum, DingRobotWebhookUrl, SystemNoc} (rostran
    # arms_alert_contact.yml: email -> Email).
    return _one("oncall-arms", "ALIYUN::ARMS::AlertContact", {
        "ContactName": "oncall", "Email": f"oncall@{PARTNER}", "SystemNoc": False})  # fmt: skip


def message_contact(code: str, variant: str) -> Build:
    # docs: ALIYUN::ResourceManager::MessageContact {MessageContactName, EmailAddress, Title, MessageTypes}
    # (rostran resource_manager_message_contact.yml: email_address -> EmailAddress): the resource directory's
    # notices (billing, security, products) go there.
    return _one("finance-contact", "ALIYUN::ResourceManager::MessageContact", {
        "MessageContactName": "finance", "EmailAddress": f"finance@{PARTNER}", "Title": "FinanceDirector",
        "MessageTypes": ["AccountExpenses"]})  # fmt: skip


# -- the Pulumi twins -----------------------------------------------------------------------------------------------


def pulumi_dns_record(code: str, variant: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dns/alidnsrecord (domain_name, rr, type, value "The value of domain record")
        return alicloud.dns.AlidnsRecord("fleet-docs-cname", domain_name="fleet.example.cn", rr="docs", type="CNAME",
                                         value=_pick(variant, _docs_host(code), f"docs.{PARTNER}"),
                                         opts=c.ali)  # fmt: skip

    return build


def pulumi_dns_spf(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dns/alidnsrecord type TXT (the same SPF record as dns_spf's)
        return alicloud.dns.AlidnsRecord("fleet-spf", domain_name="fleet.example.cn", rr="@", type="TXT",
                                         value=f"v=spf1 include:spf.{PARTNER} include:spf1.dm.aliyun.com -all",
                                         opts=c.ali)  # fmt: skip

    return build


def pulumi_customer_gateway(code: str, variant: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: vpn/customergateway (ip_address "The IP address of the customer gateway", asn)
        return alicloud.vpn.CustomerGateway("plant-gateway", ip_address=_pick(variant, PRIVATE_IP["gateway"],
                                                                               PARTNER_IP),
                                            asn="65010", customer_gateway_name="plant-edge-01",
                                            opts=c.ali)  # fmt: skip

    return build


PLACES: dict[str, Callable[[str, str], Build]] = {
    "ros-dns-record": dns_record,
    "ros-pvtz-record": pvtz_record,
    "ros-customer-gateway": customer_gateway,
    "ros-bastion-host": bastion_host,
    "ros-eci-host-alias": eci_host_alias,
    "ros-ess-eci-host-alias": ess_eci_host_alias,
    "ros-alb-servers": alb_servers,
    "ros-waf-domain": waf_domain,
    "ros-ehpc-volume": ehpc_volume,
    "pulumi-dns-record": pulumi_dns_record,
    "pulumi-customer-gateway": pulumi_customer_gateway,
}
"""Kinds naming a host or address (``home`` passes, ``partner`` RES-015, ``partner-declared`` passes)."""
MAILBOXES: dict[str, Callable[[str, str], Build]] = {
    "ros-cms-contact": cms_contact,
    "ros-arms-contact": arms_contact,
    "ros-message-contact": message_contact,
}
"""Kinds naming a mailbox (``partner`` RES-015, ``partner-declared`` passes)."""


def _declared(kind: str) -> dict[str, Any]:
    """The partner declared by what the kind names: its address, its host, or its domain (a mailbox)."""
    match = PARTNER
    if kind.endswith(("-pvtz-record", "-customer-gateway", "-host-alias", "-waf-domain", "-alb-servers")):
        match = PARTNER_IP
    elif kind.endswith("-dns-record"):
        match = f"docs.{PARTNER}"
    elif kind == "ros-bastion-host":
        match = f"scada.{PARTNER}"
    elif kind == "ros-ehpc-volume":
        match = f"nfs.{PARTNER}"
    return {"id": "fleet-partner", "kind": "resident", "match": match,
            "evidence": "the partner's data centre in the home market (DPA-57b, site audit 2026-11)"}  # fmt: skip


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    kinds: list[tuple[str, Callable[[str, str], Build], tuple[str, ...]]] = [
        (kind, make, ("home", "partner", "partner-declared")) for kind, make in PLACES.items()
    ]
    kinds += [(kind, make, ("partner", "partner-declared")) for kind, make in MAILBOXES.items()]
    places: list[Row] = [
        (f"awsred57b-{code.lower()}-{kind}-{variant}", code, make(code, variant),
         {"RES-015"} if variant == "partner" else set(),
         [_declared(kind)] if variant == "partner-declared" else [])
        for kind, make, variants in kinds
        for code in CODES
        for variant in variants
        if code == "CN" or kind != "ros-waf-domain"  # WAF outside CN is RES-016 itself (alicloud-waf-hub-region)
    ]  # fmt: skip
    spf: list[Row] = [
        (f"awsred57b-{code.lower()}-{kind}-txt-spf", code, make(code), set(), [])
        for kind, make in (("ros-dns", dns_spf), ("pulumi-dns", pulumi_dns_spf))
        for code in CODES
    ]
    return places + spf
