"""Alibaba Cloud red team, round 16 (stop 57): the ROS DTS jobs' other endpoints (the old job's ``SourceEndpoint.IP``,
``ALIYUN::DTS::SynchronizationJob2``'s source, destination and owner), a RAM role trusting an OIDC issuer, another
account's SAML provider, cross-Region image copies and Log Service exports.

Reproduced on the unchanged engine (main 44bcf26a, docs/residency.md "Alibaba Cloud red team, round 16 (stop 57)"): a
ROS ``ALIYUN::DTS::SynchronizationJob`` reading from a partner's self-managed database by ``SourceEndpoint.IP``, and a
``ALIYUN::DTS::SynchronizationJob2`` (the type ROS recommends now) with a partner's host at either endpoint's ``IP`` or
a partner's account as ``DestinationEndpoint.OwnerId``, passed every door in CN, JP and DE, where the Pulumi twin
(dts.SynchronizationJob ``source_endpoint_ip`` / ``destination_endpoint_ip``: RES-015;
``destination_endpoint_owner_id``: RES-023) is refused (12 leaks); a RAM role trusting the account's own OIDC provider
for GitHub Actions, with RAM's documented ``oidc:iss`` condition (``https://token.actions.githubusercontent.com``), was
RES-015 in Pulumi and ROS (6 false alarms). Pinned as they were: the OIDC provider's own ``issuer_url`` (RES-015,
declared: pass; RAM fetches the issuer's keys there), a role trusting another account's SAML provider (passes: a
``Federated`` principal is no grant, docs/residency-open.md), SynchronizationJob2 to another Region (RES-009),
ecs.ImageCopy from another Region (RES-009) and a Log Service OSS export sink writing through another Region's OSS
endpoint (RES-006), a Container Registry sync rule to another Region (RES-009) or another account's instance (RES-023),
each with its home twin.

Now the two ROS job types' endpoint hosts and owner are judged as the Pulumi job's inputs (``stack_templates`` paths),
and ``oidc:iss`` is a match key (compared with the token's ``iss`` claim, never contacted).

Ids: ``alired57-<code>-ros-dts-sync-src-ip-<partner|partner-declared>``, ``alired57-<code>-ros-dts-sync2-<dest-ip|
src-ip>-<partner|partner-declared>``, ``alired57-<code>-ros-dts-sync2-owner-<own|partner|partner-declared>``,
``alired57-<code>-ros-dts-sync2-<home|abroad>``, ``alired57-<code>-ros-dts-migration2-dest-ip-<partner|
partner-declared>``, ``alired57-<code>-<ram-role|ros-ram-role>-trust-oidc-github``,
``alired57-<code>-ims-oidc-provider-github-<undeclared|declared>``, ``alired57-<code>-ram-role-trust-saml-partner-idp``,
``alired57-<code>-image-copy-abroad``, ``alired57-cn-image-copy-home``, ``alired57-<code>-sls-oss-sink-<home|abroad>``,
``alired57-<code>-cr-sync-rule-<home|abroad|partner>``.
tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, ros_stack

CODES = ("CN", "JP", "DE")
_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
_ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "ap-southeast-1"}
"""cn-hongkong is not mainland China: a CN stack's data sent there leaves the jurisdiction."""

PARTNER_DB = "db.fleet-partner.example.com"
PARTNER_DB_DECLARED: dict[str, Any] = {
    "id": "partner-db", "kind": "resident", "match": PARTNER_DB,
    "evidence": "the partner's order database, hosted in the market",
}  # fmt: skip
PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-account", "kind": "resident", "match": PARTNER_UID,
    "evidence": "the partner's account; its databases are in the market's regions",
}  # fmt: skip
GITHUB_ISSUER = "https://token.actions.githubusercontent.com"
GITHUB_DECLARED: dict[str, Any] = {
    "id": "github-oidc", "kind": "resident", "match": "token.actions.githubusercontent.com",
    "evidence": "the CI's token issuer; RAM reads only its public keys, no data of the market goes there",
}  # fmt: skip


def _endpoint(kind: str, code: str, *, ip: str | None = None, owner: str | None = None) -> dict[str, Any]:
    # docs: ROS ALIYUN::DTS::SynchronizationJob2 SourceEndpoint / DestinationEndpoint (InstanceType RDS | OTHER |
    # EXPRESS ..., InstanceId, IP "required only when InstanceType is set to OTHER, EXPRESS, DG, or CEN", Port, Region,
    # OwnerId "The ID of the Alibaba Cloud account to which the destination database belongs", Role)
    if ip is not None:
        return {"InstanceType": "OTHER", "EngineName": "MYSQL", "IP": ip, "Port": "3306", "UserName": "dts",
                "Password": "Fleet-Dts-2026"}  # fmt: skip
    out: dict[str, Any] = {"InstanceType": "RDS", "EngineName": "MYSQL", "InstanceId": f"rm-fleet{kind}01",
                           "Region": _HOME[code], "UserName": "dts", "Password": "Fleet-Dts-2026"}  # fmt: skip
    if owner is not None:
        out |= {"OwnerId": owner, "Role": "dts-cross-account"}
    return out


def _sync2(code: str, source: dict[str, Any], dest: dict[str, Any]) -> Build:
    # docs: ROS ALIYUN::DTS::Instance (Type SYNC, SourceRegion, DestinationRegion) and ALIYUN::DTS::SynchronizationJob2
    # (DtsInstanceId, DtsJobName, SourceEndpoint, DestinationEndpoint, DbList, StructureInitialization, ...)
    region = dest.get("Region", _HOME[code])
    resources = {
        "Dts": {"Type": "ALIYUN::DTS::Instance", "Properties": {
            "Type": "SYNC", "PayType": "PostPaid", "InstanceClass": "small", "SourceRegion": _HOME[code],
            "DestinationRegion": region, "SourceEndpointEngineName": "MySQL",
            "DestinationEndpointEngineName": "MySQL"}},
        "Job": {"Type": "ALIYUN::DTS::SynchronizationJob2", "Properties": {
            "DtsInstanceId": {"Fn::GetAtt": ["Dts", "InstanceId"]}, "DtsJobName": "orders-sync",
            "SourceEndpoint": source, "DestinationEndpoint": dest,
            "DbList": {"orders": {"name": "orders", "all": True}}, "StructureInitialization": True,
            "DataInitialization": True, "DataSynchronization": True}},
    }  # fmt: skip
    return ros_stack(f"dts-sync2-{code.lower()}", resources)


def _migration2(code: str) -> Build:
    # docs: ROS ALIYUN::DTS::MigrationJob2 (DtsJobName, SourceEndpoint, DestinationEndpoint with the same properties as
    # SynchronizationJob2's: IP, Port, Region, OwnerId, Role; DbList, StructureInitialization, DataInitialization)
    job = {"Type": "ALIYUN::DTS::MigrationJob2", "Properties": {
        "DtsJobName": "orders-move", "SourceEndpoint": _endpoint("src", code),
        "DestinationEndpoint": _endpoint("dst", code, ip=PARTNER_DB),
        "DbList": {"orders": {"name": "orders", "all": True}}, "StructureInitialization": True,
        "DataInitialization": True, "DataSynchronization": False}}  # fmt: skip
    return ros_stack(f"dts-migration2-{code.lower()}", {"Move": job})


def _sync_src_ip(code: str) -> Build:
    # docs: ROS ALIYUN::DTS::SynchronizationJob SourceEndpoint (InstanceType Express | LocalInstance, IP, Port: a
    # self-managed database DTS reads from)
    job = {"Type": "ALIYUN::DTS::SynchronizationJob", "Properties": {
        "SynchronizationJobClass": "small", "SourceRegion": _HOME[code], "DestRegion": _HOME[code],
        "SourceEndpoint": {"InstanceType": "Express", "IP": PARTNER_DB, "Port": "3306", "UserName": "dts",
                           "Password": "Fleet-Dts-2026"},
        "DestinationEndpoint": {"InstanceType": "RDS", "InstanceId": "rm-fleet0001", "UserName": "dts",
                                "Password": "Fleet-Dts-2026"},
        "SynchronizationObjects": [{"DBName": "orders"}]}}  # fmt: skip
    return ros_stack(f"dts-src-ip-{code.lower()}", {"Sync": job})


def _trust(principal: str, condition: dict[str, Any]) -> dict[str, Any]:
    # docs: RAM "Create a RAM role for a trusted IdP" (Principal.Federated the IdP's ARN; OIDC conditions oidc:iss "The
    # value must be the URL of the issuer", oidc:aud the client id, oidc:sub the subject; SAML: saml:recipient)
    return {"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                           "Principal": {"Federated": [principal]},
                                           "Condition": {"StringEquals": condition}}]}  # fmt: skip


_GITHUB_TRUST = _trust(
    f"acs:ram::{OWN_UID}:oidc-provider/github-actions",
    {"oidc:iss": GITHUB_ISSUER, "oidc:aud": "sts.aliyuncs.com", "oidc:sub": "repo:fleet/infra:ref:refs/heads/main"},
)
_PARTNER_SAML_TRUST = _trust(
    f"acs:ram::{PARTNER_UID}:saml-provider/partner-idp",
    {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"},
)


def _ram_role(document: dict[str, Any]) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ram/role (assume_role_policy_document)
        return alicloud.ram.Role("ci", role_name="ci-deployer", assume_role_policy_document=json.dumps(document),
                                 opts=c.ali)  # fmt: skip

    return build


def _ros_role(code: str, document: dict[str, Any]) -> Build:
    # docs: ROS ALIYUN::RAM::Role (RoleName, AssumeRolePolicyDocument)
    role = {"Type": "ALIYUN::RAM::Role", "Properties": {"RoleName": "ci-deployer",
                                                          "AssumeRolePolicyDocument": document}}  # fmt: skip
    return ros_stack(f"ci-role-{code.lower()}", {"Role": role})


def _oidc_provider(c: Any) -> object:
    c.ali_role = DEPLOYER
    # docs: ims/oidcprovider (issuer_url "The URL of the issuer", client_ids, fingerprints: RAM verifies the
    # issuer's HTTPS certificate by them and reads its keys)
    return alicloud.ims.OidcProvider("github", oidc_provider_name="github-actions", issuer_url=GITHUB_ISSUER,
                                     client_ids=["sts.aliyuncs.com"],
                                     fingerprints=["6938fd4d98bab03faadb97b34396831e3780aea1"],
                                     opts=c.ali)  # fmt: skip


def _image_copy(region: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ecs/imagecopy (source_image_id, source_region_id "The ID of the region to which the source custom
        # image belongs")
        return alicloud.ecs.ImageCopy("golden", source_image_id="m-fleetgolden01", source_region_id=region,
                                      image_name="fleet-golden", opts=c.ali)  # fmt: skip

    return build


def _oss_sink(code: str, region: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        bucket = alicloud.oss.Bucket("exports", bucket="fleet-log-exports", opts=c.ali)
        role = f"acs:ram::{OWN_UID}:role/aliyunlogdefaultrole"
        # docs: sls/ossexportsink (configuration.sink: endpoint "The OSS internal endpoint", bucket, role_arn, ...)
        configuration: Any = {
            "logstore": "app",
            "role_arn": role,
            "from_time": 1732165733,
            "to_time": 0,
            "sink": {
                "endpoint": f"oss-{region}-internal.aliyuncs.com",
                "bucket": bucket.bucket,
                "role_arn": role,
                "prefix": "app",
                "suffix": "",
                "path_format": "%Y/%m/%d/%H/%M",
                "time_zone": "+0800",
                "content_type": "json",
                "compression_type": "none",
                "buffer_interval": "300",
                "buffer_size": "256",
            },
        }
        return alicloud.sls.OssExportSink("exports", project="fleet-logs", job_name="to-oss", display_name="to-oss",
                                          configuration=configuration, opts=c.ali)  # fmt: skip

    return build


def _cr_sync(code: str, where: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: cs/registryenterprisesyncrule (target_region_id "The target region to be synchronized",
        # target_instance_id, target_user_id "The UID of the account to which the target instance belongs")
        extra = {"target_user_id": PARTNER_UID} if where == "partner" else {}
        return alicloud.cs.RegistryEnterpriseSyncRule(
            "to-dr",
            instance_id="cri-fleet0001",
            namespace_name="fleet",
            sync_rule_name="to-dr",
            tag_filter=".*",
            target_instance_id="cri-fleetdr01",
            target_namespace_name="fleet",
            target_region_id=_ABROAD[code] if where == "abroad" else _HOME[code],
            opts=c.ali,
            **extra,
        )

    return build


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        c = code.lower()
        p = f"alired57-{c}"
        own_src, own_dest = _endpoint("src", code), _endpoint("dst", code)
        out += [(f"{p}-ros-dts-sync-src-ip-partner", code, _sync_src_ip(code), {"RES-015"}, []),
                (f"{p}-ros-dts-sync-src-ip-partner-declared", code, _sync_src_ip(code), set(),
                 [PARTNER_DB_DECLARED])]  # fmt: skip
        for where, src, dest in (("dest-ip", own_src, _endpoint("dst", code, ip=PARTNER_DB)),
                                 ("src-ip", _endpoint("src", code, ip=PARTNER_DB), own_dest)):  # fmt: skip
            out += [(f"{p}-ros-dts-sync2-{where}-partner", code, _sync2(code, src, dest), {"RES-015"}, []),
                    (f"{p}-ros-dts-sync2-{where}-partner-declared", code, _sync2(code, src, dest), set(),
                     [PARTNER_DB_DECLARED])]  # fmt: skip
        out += [(f"{p}-ros-dts-migration2-dest-ip-partner", code, _migration2(code), {"RES-015"}, []),
                (f"{p}-ros-dts-migration2-dest-ip-partner-declared", code, _migration2(code), set(),
                 [PARTNER_DB_DECLARED])]  # fmt: skip
        partner_dest = _endpoint("dst", code, owner=PARTNER_UID)
        out += [(f"{p}-ros-dts-sync2-owner-own", code, _sync2(code, own_src, _endpoint("dst", code, owner=OWN_UID)),
                 set(), []),
                (f"{p}-ros-dts-sync2-owner-partner", code, _sync2(code, own_src, partner_dest), {"RES-023"}, []),
                (f"{p}-ros-dts-sync2-owner-partner-declared", code, _sync2(code, own_src, partner_dest), set(),
                 [PARTNER_DECLARED])]  # fmt: skip
        abroad_dest = {**own_dest, "Region": _ABROAD[code]}
        out += [(f"{p}-ros-dts-sync2-home", code, _sync2(code, own_src, own_dest), set(), []),
                (f"{p}-ros-dts-sync2-abroad", code, _sync2(code, own_src, abroad_dest), {"RES-009"}, [])]  # fmt: skip
        out += [(f"{p}-ram-role-trust-oidc-github", code, _ram_role(_GITHUB_TRUST), set(), []),
                (f"{p}-ros-ram-role-trust-oidc-github", code, _ros_role(code, _GITHUB_TRUST), set(), []),
                (f"{p}-ims-oidc-provider-github-undeclared", code, _oidc_provider, {"RES-015"}, []),
                (f"{p}-ims-oidc-provider-github-declared", code, _oidc_provider, set(), [GITHUB_DECLARED]),
                (f"{p}-ram-role-trust-saml-partner-idp", code, _ram_role(_PARTNER_SAML_TRUST), set(), [])]  # fmt: skip
        out += [(f"{p}-image-copy-abroad", code, _image_copy(_ABROAD[code]), {"RES-009"}, []),
                (f"{p}-sls-oss-sink-home", code, _oss_sink(code, _HOME[code]), set(), []),
                (f"{p}-sls-oss-sink-abroad", code, _oss_sink(code, _ABROAD[code]), {"RES-006"}, [])]  # fmt: skip
        out += [(f"{p}-cr-sync-rule-home", code, _cr_sync(code, "home"), set(), []),
                (f"{p}-cr-sync-rule-abroad", code, _cr_sync(code, "abroad"), {"RES-009"}, []),
                (f"{p}-cr-sync-rule-partner", code, _cr_sync(code, "partner"), {"RES-023"}, [])]  # fmt: skip
    out.append(("alired57-cn-image-copy-home", "CN", _image_copy("cn-beijing"), set(), []))
    return out
