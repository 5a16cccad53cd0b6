"""Alibaba Cloud red team, round 12 (stop 54): the aliyun CLI's grants to another account; Anti-DDoS Pro and CAS in ROS.

Reproduced on the unchanged engine (main 51ca59f4, docs/residency.md "Alibaba Cloud red team, round 12 (stop 54)"):
ECS user data running the aliyun CLI with a parameter that grants another account the stack's resource passed every
door in CN, JP and DE with a partner's UID, where the Pulumi twin of each call is refused (RES-023):
``aliyun resourcesharing CreateResourceShare`` / ``AssociateResourceShare --Targets.1 <partner>`` (the stack's
vSwitch shared; resourcemanager.ResourceShare ``targets`` / SharedTarget ``target_id``), ``aliyun ram CreateRole
--AssumeRolePolicyDocument`` whose trust policy names ``acs:ram::<partner>:root`` (ram.Role
``assume_role_policy_document``) and ``aliyun kms SetKeyPolicy --Policy`` granting ``acs:ram::<partner>:*`` the key
(kms.Key ``policy``). An owner parameter holding a variable the script never sets (``--CenUid "$HUB_UID"``) passed
("judged where it is set": nowhere). A ``ros.Stack`` whose template makes an Anti-DDoS Pro rule
(``ALIYUN::DDoSPro::WebRule``) or a CAS certificate (``ALIYUN::CAS::Certificate``: its private key) passed in JP and
DE, where the Pulumi resources are RES-016 (``alicloud-anti-ddos-proxy-hub-region``, ``alicloud-cas-hub-region``).

Now ``--Targets`` is an ``alicloud-account`` option (a resource directory or folder id names no account and passes, as
in Pulumi), ``--AssumeRolePolicyDocument`` / ``--NewAssumeRolePolicyDocument`` / ``--Policy`` are read as the policy
document they are (form ``alicloud-policy``: each Allow statement's ``RAM`` principal judged as the Pulumi
document's), an owner parameter holding a variable no line sets fails closed (RES-023, declarable by the text), and
``ALIYUN::DDoSPro::*`` / ``ALIYUN::CAS::*`` are those services' template namespaces. The compliant twins: the team's
UID, the partner declared by ``acs:ram::<uid>:``, a service trust policy, ``${HUB_UID:-<own>}``, the caller's own
``--OwnerId $ME``, the same templates in CN, a JP certificate declared.

Ids: ``alired54-<code>-aliyun-<share-create|share-associate|role-trust|key-policy>-<own|partner|partner-declared>``,
``alired54-<code>-aliyun-cen-grant-unset[-declared]``, ``alired54-<code>-aliyun-<cen-grant-default-own|
service-trust|caller-unset>``, ``alired54-<code>-ros-<ddospro-web-rule|cas-certificate>[-declared]``.
tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

from platform_parts import OWN_UID, PARTNER_UID, Row, account_rows
from platform_programs_alired53 import cli_account, ros

_REGION = "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
"""The instance's own Region, read from the metadata service: only the account is at issue in these calls."""

SHARE_CREATE = _REGION + (
    "aliyun resourcesharing CreateResourceShare --RegionId $R --ResourceShareName fleet-subnets \\\n"
    "  --Resources.1.ResourceType VSwitch --Resources.1.ResourceId vsw-fleet01 --Targets.1 {owner}"
)
"""The stack's vSwitch shared with ``Targets.N`` (Resource Sharing CreateResourceShare: "Targets ... The ID of the
principal", "share the vSwitch ... with member 172050525300****")."""
SHARE_ASSOCIATE = _REGION + (
    "aliyun resourcesharing AssociateResourceShare --RegionId $R --ResourceShareId rs-fleet01 --Targets.1 {owner}"
)
"""A principal added to the stack's existing share (Resource Sharing AssociateResourceShare, the same ``Targets.N``)."""


def _line(document: dict[str, Any]) -> str:
    """``document`` as compact JSON for a command line whose ``@OWNER@`` becomes the ``{owner}`` :func:`cli_account`
    fills (its other braces escaped for ``str.format``)."""
    text = json.dumps(document, separators=(",", ":"))
    return text.replace("{", "{{").replace("}", "}}").replace("@OWNER@", "{owner}")


def _trust(principal: dict[str, Any]) -> str:
    """A RAM trust policy (CreateRole ``AssumeRolePolicyDocument``'s own example shape) trusting ``principal``."""
    statement = {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": principal}
    return _line({"Statement": [statement], "Version": "1"})


ROLE_TRUST = (
    "aliyun ram CreateRole --RoleName fleet-reader \\\n"
    "  --AssumeRolePolicyDocument '" + _trust({"RAM": ["acs:ram::@OWNER@:root"]}) + "'\n"
    "aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunOSSReadOnlyAccess --RoleName fleet-reader"
)
"""A role the account in its trust policy may assume, given read access to every bucket (RAM CreateRole:
"AssumeRolePolicyDocument ... the principals that can assume the RAM role: an Alibaba Cloud account, an Alibaba Cloud
service or an identity provider"; ``acs:ram::<uid>:root``: any RAM user or role of that account)."""
_KEY_STATEMENT = {"Sid": "partner decrypt", "Effect": "Allow", "Principal": {"RAM": ["acs:ram::@OWNER@:*"]},
                  "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": ["*"]}  # fmt: skip
KEY_POLICY = (
    "aliyun kms SetKeyPolicy --KeyId key-fleet01 --PolicyName default --Policy '"
    + _line({"Version": "1", "Statement": [_KEY_STATEMENT]})
    + "'"
)
"""The stack's KMS key usable by the account in its policy (KMS SetKeyPolicy: "Policy ... The key policy ... in the JSON
format", its example principal ``acs:ram::<uid>:*``)."""
SERVICE_TRUST = (
    "aliyun ram CreateRole --RoleName fleet-ecs --AssumeRolePolicyDocument '"
    + _trust({"Service": ["ecs.aliyuncs.com"]})
    + "'"
)
"""A role trusted by ECS in the caller's own account (a service principal grants no account: the compliant twin)."""
CEN_GRANT = (
    "aliyun vpc GrantInstanceToCen --RegionId $R --InstanceId vpc-fleet01 --InstanceType VPC --CenId cen-hub01 \\\n"
    '  --CenUid "{uid}"'
)
CEN_GRANT_UNSET = _REGION + CEN_GRANT.format(uid="$HUB_UID")
"""The stack's VPC granted to the CEN of an account in a variable no line of the script sets (an environment the image
may or may not give): nothing proves the account."""
CEN_GRANT_DEFAULT_OWN = _REGION + CEN_GRANT.format(uid="${{HUB_UID:-" + OWN_UID + "}}")
"""The same with the team's own UID as the variable's default (the shell's ``${VAR:-word}``): the default is read."""
CALLER_UNSET = _REGION + "aliyun ecs DescribeInstances --RegionId $R --OwnerId $ME"
"""The caller's own ``OwnerId`` in an unset variable: no destination (the compliant twin of the unset grant)."""
UNSET_DECLARED: dict[str, Any] = {
    "id": "hub-uid-env", "kind": "resident", "match": "$HUB_UID",
    "evidence": "the image's /etc/environment gives HUB_UID, the group's network hub; its CEN stays in the market",
}  # fmt: skip
"""The unset variable declared by its text as written (the ``-unset-declared`` programs)."""

DDOSPRO_WEB_RULE = {"Type": "ALIYUN::DDoSPro::WebRule", "Properties": {
    "Domain": "portal.fleet.example", "RsType": 0, "InstanceIds": ["ddoscoo-cn-fleet01"],
    "Rules": json.dumps([{"ProxyRules": [{"ProxyPort": 443, "RealServers": ["10.20.0.10"]}], "ProxyType": "https"}]),
}}  # fmt: skip
"""ROS ALIYUN::DDoSPro::WebRule (Domain, RsType, InstanceIds, Rules): the portal's traffic through Anti-DDoS Pro, to
the origin's private address (a public one is judged besides as any address: RES-015 until declared)."""
CAS_CERTIFICATE = {"Type": "ALIYUN::CAS::Certificate", "Properties": {
    "Name": "fleet-portal", "Cert": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
    "Key": "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"}}  # fmt: skip
"""ROS ALIYUN::CAS::Certificate (Name, Cert, Key: "The private key of the certificate"): uploaded to CAS."""
TEMPLATES: dict[str, dict[str, Any]] = {"ddospro-web-rule": DDOSPRO_WEB_RULE, "cas-certificate": CAS_CERTIFICATE}
CAS_DECLARED: dict[str, Any] = {
    "id": "certificates", "kind": "transfer", "match": "alicloud-cas-hub-region", "destination": "SG",
    "data_classes": ["audit_logs"], "basis": "documented-assessment", "reference": "JP-2026-054", "approved_by": "dpo",
    "expires": "2027-12-31",
}  # fmt: skip
"""CAS declared as a transfer by its catalogue entry's id (the ``-declared`` program)."""

CLI_PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-shared-services", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the group's shared-services account; its contract keeps its copies in the market's regions",
}  # fmt: skip
"""The partner's account declared by its UID (the ``-partner-declared`` programs)."""
CODES = ("CN", "JP", "DE")


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out = account_rows("alired54", {"aliyun-share-create": cli_account(SHARE_CREATE),
                                    "aliyun-share-associate": cli_account(SHARE_ASSOCIATE),
                                    "aliyun-role-trust": cli_account(ROLE_TRUST),
                                    "aliyun-key-policy": cli_account(KEY_POLICY)},
                       CODES, CLI_PARTNER_DECLARED)  # fmt: skip
    for code in CODES:
        c = code.lower()
        out += [
            (f"alired54-{c}-aliyun-cen-grant-unset", code, cli_account(CEN_GRANT_UNSET)(code, "own"), {"RES-023"}, []),
            (f"alired54-{c}-aliyun-cen-grant-unset-declared", code, cli_account(CEN_GRANT_UNSET)(code, "own"), set(),
             [UNSET_DECLARED]),
            (f"alired54-{c}-aliyun-cen-grant-default-own", code, cli_account(CEN_GRANT_DEFAULT_OWN)(code, "own"), set(),
             []),
            (f"alired54-{c}-aliyun-service-trust", code, cli_account(SERVICE_TRUST)(code, "own"), set(), []),
            (f"alired54-{c}-aliyun-caller-unset", code, cli_account(CALLER_UNSET)(code, "own"), set(), []),
        ]  # fmt: skip
        out += [
            (f"alired54-{c}-ros-{kind}", code, ros(kind, resource), set() if code == "CN" else {"RES-016"}, [])
            for kind, resource in TEMPLATES.items()
        ]  # fmt: skip
    out.append(("alired54-jp-ros-cas-certificate-declared", "JP", ros("cas-certificate", CAS_CERTIFICATE), set(),
                [CAS_DECLARED]))  # fmt: skip
    return out
