"""Alibaba Cloud red team, round 18 (stop 58): ROS twins round 33 left unmapped (a GTM address pool's addresses, an OSS
website's redirect and mirror hosts, a cloud-native API Gateway service's addresses), wildcard patterns in an
Elasticsearch reindex whitelist and the stack's own cluster by its instance domain, a PrivateLink endpoint to another
Region's service, a DataWorks data source by URL.

Reproduced on the unchanged engine (main 38135ba4, docs/residency.md "Alibaba Cloud red team, round 18 (stop 58)"): 21
programs passed every door in CN, JP and DE that must be refused: a partner's host in a ROS ``ALIYUN::DNS::AddressPool``
``Addr[].Addr``, an ``ALIYUN::OSS::Website`` routing rule's ``Redirect.HostName`` and an ``ALIYUN::APIG::Service``'s
``Addresses`` (the Pulumi twins are RES-015), and an Elasticsearch instance's ``reindex.remote.whitelist`` pattern
``*.fleet-partner.example.com:9200``, ``*:*``, ``47.100.*.*:9200`` or a partner's pattern beside a VPC address. Pinned
as they were: a Mirror rule's MirrorURL (RES-015 in Pulumi and ROS), ``*.elasticsearch.aliyuncs.com`` and
``es-cn-*.elasticsearch.aliyuncs.com`` (RES-015), ``10.20.*.*:9200`` and ``localhost:*`` (pass), the stack's own older
cluster through its instance's ``domain`` output (passes) and by its literal instance domain (RES-015: the domain names
no Region and no account; declared: passes), a PrivateLink endpoint to another Region's service by ``service_name``
(RES-006) or ``service_region_id`` (RES-009), a DataWorks data source's ``address[].host`` (RES-015 for a partner's).

Now the three ROS types are read as their Pulumi twins (``stack_templates`` resources), and a whitelist pattern is
judged as every host it matches (``host_pattern_keys``).

Ids: ``alired58-<code>-<gtm-pool|ros-gtm-pool>-<partner|partner-declared|own-oss>``,
``alired58-<code>-<oss-website|ros-oss-website>-<redirect|mirror>-<partner|partner-declared|own-oss>``,
``alired58-<code>-<apig-service|ros-apig-service>-<partner|partner-declared|vpc>``,
``alired58-<code>-es-reindex-<wildcard-*|localhost-any-port|own-cluster-domain|own-domain-literal[-declared]>``,
``alired58-<code>-privatelink-endpoint-<name|region-id>-<home|abroad>``,
``alired58-<code>-dataworks-source-url-<partner|vpc>``.

tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, Build, Row, ros_stack

CODES = ("CN", "JP", "DE")
_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
_ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "ap-southeast-1"}
"""cn-hongkong is not mainland China: a CN stack's data sent there leaves the jurisdiction."""

PARTNER_SITE = "www.fleet-partner.example.com"
PARTNER_SITE_DECLARED: dict[str, Any] = {
    "id": "partner-site", "kind": "resident", "match": PARTNER_SITE,
    "evidence": "the partner's web site, hosted in the market",
}  # fmt: skip
PARTNER_ZONE = "fleet-partner.example.com"
PARTNER_ZONE_DECLARED: dict[str, Any] = {
    "id": "partner-zone", "kind": "resident", "match": f"*.{PARTNER_ZONE}",
    "evidence": "the partner's clusters and hosts, all hosted in the market",
}  # fmt: skip
OWN_ES_DOMAIN = "es-cn-fleet0old01.elasticsearch.aliyuncs.com"
"""The stack's older cluster by its instance domain, written literally: the domain names neither a Region nor an
account (Alibaba Cloud Elasticsearch instance domains are ``<instance id>.elasticsearch.aliyuncs.com``)."""
OWN_ES_DECLARED: dict[str, Any] = {
    "id": "old-search", "kind": "resident", "match": OWN_ES_DOMAIN,
    "evidence": "the team's older search cluster, in the market's Region",
}  # fmt: skip
OWN_ADDRESS = "10.20.3.17"
"""An address in the stack's VPC (private: resident wherever it is written)."""


# -- a GTM address pool: Pulumi dns.AddressPool and its ROS twin ------------------------------------------------------


def _gtm_pool(address: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dns/addresspool (addresses [{address, attribute_info, mode SMART | ONLINE | OFFLINE, lba_weight,
        # remark}], type IPV4 | IPV6 | DOMAIN): GTM answers the pool's queries with these addresses
        return alicloud.dns.AddressPool(
            "web", address_pool_name="fleet-web", instance_id="gtm-fleet0001", lba_strategy="RATIO", type="DOMAIN",
            addresses=[{"address": address, "mode": "SMART", "lba_weight": 1,
                        "attribute_info": '{"lineCodeRectifyType":"RECTIFIED","lineCodes":["default"]}'}],
            opts=c.ali)  # fmt: skip

    return build


def _ros_gtm_pool(code: str, address: str) -> Build:
    # docs: ROS ALIYUN::DNS::AddressPool (Addr List "The addresses in the address pool": [{Addr, AttributeInfo Map,
    # LbaWeight, Mode, Remark}], InstanceId, LbaStrategy, Name, Type IPV4 | IPV6 | DOMAIN)
    pool = {"Type": "ALIYUN::DNS::AddressPool", "Properties": {
        "InstanceId": "gtm-fleet0001", "Name": "fleet-web", "LbaStrategy": "RATIO", "Type": "DOMAIN",
        "Addr": [{"Addr": address, "Mode": "SMART", "LbaWeight": 1,
                  "AttributeInfo": {"lineCodeRectifyType": "RECTIFIED", "lineCodes": ["default"]}}]}}  # fmt: skip
    return ros_stack(f"gtm-pool-{code.lower()}", {"Pool": pool})


# -- an OSS static website's routing rules: Pulumi oss.BucketWebsite and its ROS twin ---------------------------------


def _redirect(kind: str, host: str) -> dict[str, Any]:
    # docs: OSS PutBucketWebsite RoutingRule.Redirect (RedirectType Mirror | External | AliCDN, HostName "the domain
    # name used for redirection", MirrorURL "The origin URL for mirroring-based back-to-origin", Protocol)
    if kind == "mirror":
        return {"redirect_type": "Mirror", "mirror_url": f"https://{host}/", "mirror_pass_query_string": True}
    return {"redirect_type": "External", "host_name": host, "protocol": "https", "http_redirect_code": 302}


def _oss_website(kind: str, host: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: oss/bucketwebsite (index_document, error_document, routing_rules.routing_rules [{rule_number,
        # condition, redirect}]: "the static website configuration and mirror configuration of the bucket")
        rules: Any = {"routing_rules": [{"rule_number": 1, "condition": {"http_error_code_returned_equals": "404"},
                                         "redirect": _redirect(kind, host)}]}  # fmt: skip
        return alicloud.oss.BucketWebsite("site", bucket="fleet-site", index_document={"suffix": "index.html"},
                                          routing_rules=rules, opts=c.ali)  # fmt: skip

    return build


def _pascal(key: str) -> str:
    return {"mirror_url": "MirrorURL"}.get(key, "".join(w.capitalize() for w in key.split("_")))


def _ros_oss_website(code: str, kind: str, host: str) -> Build:
    # docs: ROS ALIYUN::OSS::Website (BucketName, WebsiteConfiguration {IndexDocument, ErrorDocument, RoutingRules
    # [{RuleNumber, Condition, Redirect}]}: "configures static website hosting and redirection rules" of a bucket)
    redirect = {_pascal(k): v for k, v in _redirect(kind, host).items()}
    site = {"Type": "ALIYUN::OSS::Website", "Properties": {
        "BucketName": "fleet-site", "WebsiteConfiguration": {
            "IndexDocument": {"Suffix": "index.html"},
            "RoutingRules": [{"RuleNumber": 1, "Condition": {"HttpErrorCodeReturnedEquals": "404"},
                              "Redirect": redirect}]}}}  # fmt: skip
    return ros_stack(f"site-{code.lower()}", {"Site": site})


# -- a cloud-native API Gateway service of source type DNS / VIP: Pulumi apig.Service and its ROS twin ----------------


def _apig_service(address: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: apig/service (addresses "a list of domain names or fixed addresses", gateway_id, service_name,
        # source_type DNS | VIP): the gateway routes the APIs' requests (and their bodies) to these addresses
        return alicloud.apig.Service("orders", gateway_id="gw-fleet0001", service_name="orders", source_type="DNS",
                                     addresses=[address], opts=c.ali)  # fmt: skip

    return build


def _ros_apig_service(code: str, address: str) -> Build:
    # docs: ROS ALIYUN::APIG::Service (Addresses List "The information about the addresses. You can specify up to 10 IP
    # addresses or domain names", the page's example `ros.test:80`; GatewayId, ServiceName, SourceType DNS)
    service = {"Type": "ALIYUN::APIG::Service", "Properties": {
        "GatewayId": "gw-fleet0001", "ServiceName": "orders", "SourceType": "DNS", "Addresses": [address]}}  # fmt: skip
    return ros_stack(f"apig-service-{code.lower()}", {"Orders": service})


# -- an Elasticsearch instance's reindex whitelist: patterns and the stack's own cluster -----------------------------


def _es_settings(whitelist: Any) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: elasticsearch/instance (setting_config "YML configuration file settings for the instance"); Elastic,
        # "Reindex from remote": "reindex.remote.whitelist ... a comma delimited list of allowed remote host and port
        # combinations. Scheme is ignored, only the host and port are used", e.g. "otherhost:9200, another:9200,
        # 127.0.10.*:9200, localhost:*"
        return alicloud.elasticsearch.Instance(
            "search", description="fleet-search", version="7.10_with_X-Pack", vswitch_id="vsw-fleet0001",
            password="Fleet-Es-2026", instance_charge_type="PostPaid", data_node_amount=2,
            data_node_spec="elasticsearch.sn2ne.large", data_node_disk_size=20, data_node_disk_type="cloud_ssd",
            setting_config={"reindex.remote.whitelist": whitelist, "action.auto_create_index": "+.*,-*"},
            opts=c.ali)  # fmt: skip

    return build


def _es_from_own_cluster(c: Any) -> object:
    c.ali_role = DEPLOYER
    # docs: elasticsearch/instance (`domain` output: "Instance connection domain (only VPC network access supported)");
    # Alibaba Cloud Elasticsearch "Use the reindex API to migrate data between instances": the destination's
    # whitelist names the source instance's domain and port
    old = alicloud.elasticsearch.Instance(
        "search-old", description="fleet-search-old", version="6.7_with_X-Pack", vswitch_id="vsw-fleet0001",
        password="Fleet-Es-2026", instance_charge_type="PostPaid", data_node_amount=2,
        data_node_spec="elasticsearch.sn2ne.large", data_node_disk_size=20, data_node_disk_type="cloud_ssd",
        opts=c.ali)  # fmt: skip
    return alicloud.elasticsearch.Instance(
        "search", description="fleet-search", version="7.10_with_X-Pack", vswitch_id="vsw-fleet0001",
        password="Fleet-Es-2026", instance_charge_type="PostPaid", data_node_amount=2,
        data_node_spec="elasticsearch.sn2ne.large", data_node_disk_size=20, data_node_disk_type="cloud_ssd",
        setting_config={"reindex.remote.whitelist": old.domain.apply(lambda d: f"{d}:9200")}, opts=c.ali)  # fmt: skip


# -- a PrivateLink endpoint to an endpoint service of another Region --------------------------------------------------


def _endpoint(region: str, by: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: privatelink/vpcendpoint (service_id, service_name, service_region_id "The region ID of the endpoint
        # service": a cross-region endpoint connects the VPC to a service in that Region; cross_region_bandwidth)
        by_name = by == "name"
        return alicloud.privatelink.VpcEndpoint(
            "orders", vpc_id="vpc-fleet0001", security_group_ids=["sg-fleet0001"], vpc_endpoint_name="orders",
            endpoint_type="Interface", opts=c.ali,
            service_name=f"com.aliyuncs.privatelink.{region}.epsrv-fleetorders01" if by_name else None,
            service_id=None if by_name else "epsrv-fleetorders01",
            service_region_id=None if by_name else region)  # fmt: skip

    return build


# -- a DataWorks data source in connection-string mode ---------------------------------------------------------------


def _dataworks(host: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dataworks/datasource (connection_properties JSON; the registry example's connection-string mode:
        # address [{host, port}], database, envType; Data Integration reads and writes the database there)
        properties = {"address": [{"host": host, "port": "3306"}], "database": "reporting", "username": "dw_sync",
                      "password": "not-a-real-password", "envType": "Prod"}  # fmt: skip
        return alicloud.dataworks.DataSource(
            "reporting-db", project_id=123456, data_source_name="reporting_db", type="mysql",
            connection_properties_mode="UrlMode", connection_properties=json.dumps(properties), opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        c = code.lower()
        p = f"alired58-{c}"
        pools: tuple[tuple[str, Callable[[str], Build]], ...] = (
            ("gtm-pool", _gtm_pool), ("ros-gtm-pool", functools.partial(_ros_gtm_pool, code)))  # fmt: skip
        for name, make in pools:
            out += [(f"{p}-{name}-partner", code, make(PARTNER_SITE), {"RES-015"}, []),
                    (f"{p}-{name}-partner-declared", code, make(PARTNER_SITE), set(), [PARTNER_SITE_DECLARED]),
                    (f"{p}-{name}-own-oss", code, make(f"fleet-site.oss-{_HOME[code]}.aliyuncs.com"), set(),
                     [])]  # fmt: skip
        for kind in ("redirect", "mirror"):
            sites: tuple[tuple[str, Callable[[str, str], Build]], ...] = (
                ("oss-website", _oss_website),
                ("ros-oss-website", functools.partial(_ros_oss_website, code)))  # fmt: skip
            for name, site in sites:
                out += [(f"{p}-{name}-{kind}-partner", code, site(kind, PARTNER_SITE), {"RES-015"}, []),
                        (f"{p}-{name}-{kind}-partner-declared", code, site(kind, PARTNER_SITE), set(),
                         [PARTNER_SITE_DECLARED]),
                        (f"{p}-{name}-{kind}-own-oss", code, site(kind, f"fleet-old.oss-{_HOME[code]}.aliyuncs.com"),
                         set(), [])]  # fmt: skip
        services: tuple[tuple[str, Callable[[str], Build]], ...] = (
            ("apig-service", _apig_service),
            ("ros-apig-service", functools.partial(_ros_apig_service, code)))  # fmt: skip
        for name, svc in services:
            out += [(f"{p}-{name}-partner", code, svc(f"{PARTNER_SITE}:443"), {"RES-015"}, []),
                    (f"{p}-{name}-partner-declared", code, svc(f"{PARTNER_SITE}:443"), set(), [PARTNER_SITE_DECLARED]),
                    (f"{p}-{name}-vpc", code, svc(f"{OWN_ADDRESS}:8080"), set(), [])]  # fmt: skip
        out += [(f"{p}-es-reindex-wildcard-partner", code, _es_settings(f"*.{PARTNER_ZONE}:9200"), {"RES-015"}, []),
                (f"{p}-es-reindex-wildcard-partner-declared", code, _es_settings(f"*.{PARTNER_ZONE}:9200"), set(),
                 [PARTNER_ZONE_DECLARED]),
                (f"{p}-es-reindex-wildcard-aliyun", code, _es_settings("*.elasticsearch.aliyuncs.com:9200"),
                 {"RES-015"}, []),
                (f"{p}-es-reindex-wildcard-any", code, _es_settings("*:*"), {"RES-015"}, []),
                (f"{p}-es-reindex-wildcard-instance-id", code, _es_settings("es-cn-*.elasticsearch.aliyuncs.com:9200"),
                 {"RES-015"}, []),
                (f"{p}-es-reindex-wildcard-public-block", code, _es_settings("47.100.*.*:9200"), {"RES-015"}, []),
                (f"{p}-es-reindex-wildcard-partner-beside-vpc", code,
                 _es_settings(f"{OWN_ADDRESS}:9200,*.{PARTNER_ZONE}:9200"), {"RES-015"}, []),
                (f"{p}-es-reindex-own-domain-literal", code, _es_settings(f"{OWN_ES_DOMAIN}:9200"), {"RES-015"}, []),
                (f"{p}-es-reindex-own-domain-literal-declared", code, _es_settings(f"{OWN_ES_DOMAIN}:9200"), set(),
                 [OWN_ES_DECLARED]),
                (f"{p}-es-reindex-wildcard-vpc", code, _es_settings("10.20.*.*:9200"), set(), []),
                (f"{p}-es-reindex-localhost-any-port", code, _es_settings("localhost:*"), set(), []),
                (f"{p}-es-reindex-own-cluster-domain", code, _es_from_own_cluster, set(), [])]  # fmt: skip
        out += [(f"{p}-privatelink-endpoint-{by}-home", code, _endpoint(_HOME[code], by), set(), [])
                for by in ("name", "region-id")]  # fmt: skip
        out += [(f"{p}-privatelink-endpoint-name-abroad", code, _endpoint(_ABROAD[code], "name"), {"RES-006"}, []),
                (f"{p}-privatelink-endpoint-region-id-abroad", code, _endpoint(_ABROAD[code], "region-id"),
                 {"RES-009"}, [])]  # fmt: skip
        out += [(f"{p}-dataworks-source-url-partner", code, _dataworks("db.fleet-partner.example.com"), {"RES-015"},
                 []),
                (f"{p}-dataworks-source-url-vpc", code, _dataworks(OWN_ADDRESS), set(), [])]  # fmt: skip
    return out
