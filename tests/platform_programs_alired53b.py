"""Alibaba Cloud red team, round 11, part 2 (stop 53): the aliyun CLI's other owner / grantee account parameters.

Reproduced on the unchanged engine (main 7f5945bc, docs/residency.md "Alibaba Cloud red team, round 11, part 2 (stop
53)"): ECS user data running the aliyun CLI with a parameter that names the account a call shares the stack's resource
with or joins another account's resource to passed every door in CN, JP and DE with a partner's UID, where the
Pulumi twin of each call is refused: ``aliyun vpc GrantInstanceToCen --CenUid <partner>`` (the stack's VPC granted to
another account's CEN; Pulumi cen.InstanceGrant / cloudconnect.NetworkGrant, RES-023), ``aliyun cbn
CreateTransitRouterVpcAttachment --VpcOwnerId <partner>`` (another account's VPC joined to the stack's transit
router; cen.TransitRouterVpcAttachment ``vpc_owner_id``, RES-023), ``aliyun cbn AttachCenChildInstance
--ChildInstanceOwnerId <partner>`` (cen.InstanceAttachment ``child_instance_owner_id``, RES-023) and ``aliyun ecs
ModifyImageSharePermission --AddAccount.1 <partner>`` (the stack's image shared with another account; Pulumi
ecs.ImageSharePermission, RES-016 for any account), and the same ``--CenUid`` through a variable the script assigns
(``HUB_UID=<partner>``). alired53 listed only ``--DestinationEndpointOwnerID`` and ``--AcceptingAliUid``.

Now those parameters (and ``--CenOwnerId``, ``--VbrOwnerId``, the kebab-case forms of the plugin commands) are
``script_commands`` ``aliyun`` options of form ``alicloud-account``, and a RepeatList parameter (``--AddAccount.1``)
is looked up without its index: the partner's UID is RES-023, the team's passes, the partner declared by its UID
(``acs:ram::<uid>:``) passes. The caller's own ``--OwnerId`` / ``--ResourceOwnerAccount`` stay unread.

An account parameter holding a substitution the engine cannot compute (``HUB_UID=$(cat /etc/fleet/hub-uid)``, then
``--CenUid "$HUB_UID"``) was left alone; now it fails closed (RES-023), declared by the text as written it passes.

Ids: ``alired53b-<code>-aliyun-<cen-grant|cen-grant-var|tr-vpc-owner|cen-child-owner|image-share>-<own|partner|
partner-declared>``, ``alired53b-<code>-aliyun-cen-grant-file[-declared]``. tests/test_realistic_programs.py runs them
as CASES.
"""

from __future__ import annotations

from typing import Any

from platform_parts import PARTNER_UID, Row, account_rows
from platform_programs_alired53 import cli_account

_REGION = "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
"""The instance's own Region, read from the metadata service: only the account is at issue in these calls."""

CEN_GRANT = _REGION + (
    "aliyun vpc GrantInstanceToCen --RegionId $R --InstanceId vpc-fleet01 --InstanceType VPC \\\n"
    "  --CenId cen-hub01 --CenUid {owner}"
)
"""The stack's VPC granted to the CEN instance of ``CenUid`` (VPC GrantInstanceToCen: "Before you can attach a network
instance that belongs to another Alibaba Cloud account to your CEN instance, you must grant permissions")."""
CEN_GRANT_VAR = _REGION + (
    "HUB_UID={owner}\n"
    'aliyun vpc GrantInstanceToCen --RegionId "$R" --InstanceId vpc-fleet01 --InstanceType VPC \\\n'
    '  --CenId cen-hub01 --CenUid "$HUB_UID"'
)
"""The same grant with the CEN owner's UID assigned to a variable first."""
TR_VPC_OWNER = _REGION + (
    "aliyun cbn CreateTransitRouterVpcAttachment --RegionId $R --CenId cen-fleet01 --TransitRouterId tr-fleet01 \\\n"
    "  --VpcId vpc-depot01 --VpcOwnerId {owner} --TransitRouterAttachmentName depots"
)
"""The VPC of ``VpcOwnerId`` joined to the stack's transit router (CEN CreateTransitRouterVpcAttachment; the zone
mappings are left out: the transit router's own)."""
CEN_CHILD_OWNER = _REGION + (
    "aliyun cbn AttachCenChildInstance --CenId cen-fleet01 --ChildInstanceId vpc-depot01 --ChildInstanceType VPC \\\n"
    "  --ChildInstanceRegionId $R --ChildInstanceOwnerId {owner}"
)
"""The VPC of ``ChildInstanceOwnerId`` attached to the stack's CEN (CEN AttachCenChildInstance)."""
IMAGE_SHARE = _REGION + (
    "IMG=$(aliyun ecs DescribeImages --RegionId $R --ImageName fleet-golden --ImageOwnerAlias self \\\n"
    "  --output cols=ImageId rows=Images.Image[] | tail -n 1)\n"
    "aliyun ecs ModifyImageSharePermission --RegionId $R --ImageId $IMG --AddAccount.1 {owner}"
)
"""The stack's golden image shared with ``AddAccount.N`` (ECS ModifyImageSharePermission: "AddAccount.N ... The ID of
the Alibaba Cloud account ... to share the image"; a RepeatList, N from 1 to 10)."""


CEN_GRANT_FILE = _REGION + (
    "HUB_UID=$(cat /etc/fleet/hub-uid)\n"
    'aliyun vpc GrantInstanceToCen --RegionId "$R" --InstanceId vpc-fleet01 --InstanceType VPC \\\n'
    '  --CenId cen-hub01 --CenUid "$HUB_UID"'
)
"""The same grant with the CEN owner's UID read from a file the script did not write: no literal proves the account
(scripts53's reading of an uncomputed substitution through a variable: it fails closed at the destination)."""
CEN_GRANT_FILE_DECLARED: dict[str, Any] = {
    "id": "hub-uid-file", "kind": "resident", "match": "$(cat /etc/fleet/hub-uid)",
    "evidence": "the image bakes the group's network hub UID into /etc/fleet/hub-uid; its CEN stays in the market",
}  # fmt: skip
"""The file's value declared by the text as written (the ``-file-declared`` programs)."""


CLI_PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-network-account", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the group's network hub account; its contract keeps its CEN, VPCs and images in the market's regions",
}  # fmt: skip
"""The partner's account declared by its UID (the ``-partner-declared`` programs)."""


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out = account_rows("alired53b", {"aliyun-cen-grant": cli_account(CEN_GRANT),
                                      "aliyun-cen-grant-var": cli_account(CEN_GRANT_VAR),
                                      "aliyun-tr-vpc-owner": cli_account(TR_VPC_OWNER),
                                      "aliyun-cen-child-owner": cli_account(CEN_CHILD_OWNER),
                                      "aliyun-image-share": cli_account(IMAGE_SHARE)},
                        ("CN", "JP", "DE"), CLI_PARTNER_DECLARED)  # fmt: skip
    out += [
        (f"alired53b-{code.lower()}-aliyun-cen-grant-file{suffix}", code, cli_account(CEN_GRANT_FILE)(code, "own"),
         set() if declared else {"RES-023"}, [CEN_GRANT_FILE_DECLARED] if declared else [])
        for code in ("CN", "JP", "DE")
        for suffix, declared in (("", False), ("-declared", True))
    ]  # fmt: skip
    return out
