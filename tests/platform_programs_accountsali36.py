"""Ordinary programs that grant another Alibaba Cloud account access to the stack's data (Alibaba accounts review,
stop 36).

Each builder is what a team writes from the provider docs: a RAM role's trust policy, an OSS bucket policy (the
bucket's own ``policy`` or an ``oss.BucketPolicy``), a KMS key policy, a Resource Directory role's trust policy, or a
Resource Sharing target naming an account. ``account`` is the account granted; ``pinned`` says how the stack's
provider is pinned to the team's own account: ``"role"`` (``assume_role.role_arn`` ``acs:ram::<uid>:role/...``, the
provider then works in that account), ``"oidc"`` (``assume_role_with_oidc.role_arn``), ``"account_id"`` (the
provider's ``account_id``, which the provider takes as given and never checks against the credentials: no pin) or
``None``. A grant to the pinned account passes; one to another account is refused (RES-023) unless the register
declares it. No Alibaba Cloud site keeps an account in China, so a CN grant is judged as any other.
tests/test_realistic_programs.py runs them as CASES (``accountsali36-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud

Build = Callable[[Any], object]

OWN = "1234567890123456"
"""The team's own account (the mocks' caller identity)."""
PARTNER = "5555666677778888"
"""Another account: the company's account on the international site, or a partner's."""
REGIONS = {"CN": "cn-shanghai", "EU": "eu-central-1", "JP": "ap-northeast-1", "SG": "ap-southeast-1"}
PIN = Any  # "role", "oidc", "account_id" or None


def provider(code: str, pinned: PIN) -> pulumi.ResourceOptions:
    extra: dict[str, Any] = {}
    if pinned == "role":  # docs: alicloud provider `assumeRole` — the deployment role of the team's account
        extra["assume_role"] = {"role_arn": f"acs:ram::{OWN}:role/deployer", "session_name": "ci"}
    elif pinned == "oidc":  # docs: provider `assumeRoleWithOidc` (an ACK RRSA or CI OIDC identity)
        extra["assume_role_with_oidc"] = {
            "role_arn": f"acs:ram::{OWN}:role/ci-deployer",
            "oidc_provider_arn": f"acs:ram::{OWN}:oidc-provider/ci",
            "oidc_token_file": "/var/run/secrets/tokens/oidc-token",
        }
    elif pinned == "account_id":  # docs: provider `accountId` — "the account ID for some service API operations"
        extra["account_id"] = OWN
    return pulumi.ResourceOptions(provider=alicloud.Provider(f"ali-{code.lower()}", region=REGIONS[code], **extra))


def _document(principal: Any, action: str, resource: Any = "*") -> str:
    # docs: RAM policy language (Version "1"), the OSS bucket policy and KMS key policy syntax
    return json.dumps(
        {
            "Version": "1",
            "Statement": [{"Effect": "Allow", "Principal": principal, "Action": [action], "Resource": resource}],
        }
    )


def _ram_principal(account: str, form: str) -> Any:
    if form == "root":
        return {"RAM": [f"acs:ram::{account}:root"]}
    if form == "role":
        return {"RAM": [f"acs:ram::{account}:role/fleet-reader"]}
    if form == "any":  # a KMS key policy's form: every RAM identity of the account
        return {"RAM": [f"acs:ram::{account}:*"]}
    if form == "bare":
        return {"RAM": account}
    raise ValueError(form)


KINDS = ("ram-role", "ram-role-document", "oss-bucket-policy", "oss-bucket", "kms-key", "rd-role", "shared-target")


def grant(kind: str, code: str, account: str, *, pinned: PIN = "role", form: str = "root") -> Build:
    """A ``kind`` of grant to ``account`` in a ``code`` stack (docs: each resource's registry page)."""

    def build(c: Any) -> object:
        opts = provider(code, pinned)
        if kind == "ram-role":  # docs: ram/role — `assumeRolePolicyDocument`, the trust policy
            trust = _document(_ram_principal(account, form), "sts:AssumeRole")
            return alicloud.ram.Role("reader", role_name="fleet-reader", assume_role_policy_document=trust, opts=opts)
        if kind == "ram-role-document":  # docs: ram/role — `document` (deprecated, the same trust policy)
            trust = _document(_ram_principal(account, form), "sts:AssumeRole")
            return alicloud.ram.Role("reader", name="fleet-reader", document=trust, opts=opts)
        if kind == "oss-bucket-policy":  # docs: oss/bucketpolicy — `Principal` the granted UIDs
            bucket = alicloud.oss.Bucket("trips", bucket="trips-data-7f3a", opts=opts)
            policy = _document([account], "oss:GetObject", [f"acs:oss:*:{OWN}:trips-data-7f3a/*"])
            return alicloud.oss.BucketPolicy("trips-grant", bucket=bucket.bucket, policy=policy, opts=opts)
        if kind == "oss-bucket":  # docs: oss/bucket — `policy`, the bucket policy set with the bucket
            policy = _document([account], "oss:GetObject", [f"acs:oss:*:{OWN}:trips-data-7f3a/*"])
            return alicloud.oss.Bucket("trips", bucket="trips-data-7f3a", policy=policy, opts=opts)
        if kind == "kms-key":  # docs: kms/key — `policy`, the key policy (SetKeyPolicy)
            return alicloud.kms.Key(
                "data", policy=_document(_ram_principal(account, "any" if form == "root" else form), "kms:*"), opts=opts
            )
        if kind == "rd-role":  # docs: resourcemanager/role — a Resource Directory role's trust policy
            trust = _document(_ram_principal(account, form), "sts:AssumeRole")
            return alicloud.resourcemanager.Role(
                "auditor", role_name="fleet-auditor", assume_role_policy_document=trust, opts=opts
            )
        if kind == "shared-target":  # docs: resourcemanager/sharedtarget — `targetId`, the account shared with
            share = alicloud.resourcemanager.ResourceShare("fleet", resource_share_name="fleet", opts=opts)
            return alicloud.resourcemanager.SharedTarget(
                "fleet-target", resource_share_id=share.id, target_id=account, opts=opts
            )
        raise ValueError(kind)

    return build


def share_targets(code: str, account: str, *, pinned: PIN = "role") -> Build:
    """A resource share naming its targets inline (docs: resourcemanager/resourceshare — `targets`)."""

    def build(c: Any) -> object:
        opts = provider(code, pinned)
        return alicloud.resourcemanager.ResourceShare(
            "fleet", resource_share_name="fleet", targets=[account], allow_external_targets=True, opts=opts
        )

    return build


def not_grants(code: str) -> Build:
    """What names no account to trust: a service principal, a federated (OIDC) principal of the stack's own account,
    ``*`` restricted by a condition, a Deny statement; each passes with the provider pinned to nothing."""

    def build(c: Any) -> object:
        opts = provider(code, None)
        service = _document({"Service": ["ecs.aliyuncs.com"]}, "sts:AssumeRole")
        alicloud.ram.Role("ecs", role_name="ecs-worker", assume_role_policy_document=service, opts=opts)
        oidc = _document({"Federated": [f"acs:ram::{PARTNER}:oidc-provider/ack-rrsa"]}, "sts:AssumeRole")
        alicloud.ram.Role("rrsa", role_name="rrsa-worker", assume_role_policy_document=oidc, opts=opts)
        restricted = json.dumps(
            {
                "Version": "1",
                "Statement": [
                    {
                        "Effect": "Deny", "Principal": ["*"], "Action": ["oss:*"],
                        "Resource": ["acs:oss:*:*:trips-data-7f3a/*"],
                        "Condition": {"StringNotEquals": {"acs:SourceVpc": ["vpc-1a2b3c"]},
                                      "StringEquals": {"acs:PrincipalAccount": [PARTNER]}},
                    }
                ],
            }
        )  # fmt: skip
        return alicloud.oss.Bucket("trips", bucket="trips-data-7f3a", policy=restricted, opts=opts)

    return build


def own_account_grant(code: str, pinned: PIN) -> Build:
    """A key policy granting the account `alicloud.get_account_output()` reads (the stack's own, as the toolkit's key
    policy does): passes when the provider is pinned by its role; without one nothing proves the credentials' account
    is the stack's (RES-023)."""

    def build(c: Any) -> object:
        opts = provider(code, pinned)
        me = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).id
        policy = me.apply(lambda uid: _document({"RAM": [f"acs:ram::{uid}:*"]}, "kms:*"))
        return alicloud.kms.Key("data", policy=policy, opts=opts)

    return build


def resident(code: str, match: str) -> dict[str, Any]:
    return {
        "id": f"{code.lower()}-analytics", "kind": "resident", "match": match,
        "evidence": "the company's analytics account; its RAM control policy limits it to the market's regions",
    }  # fmt: skip


def transfer(code: str) -> dict[str, Any]:
    return {
        "id": "partner-analytics", "kind": "transfer", "match": f"acs:ram::{PARTNER}:", "destination": "SG",
        "data_classes": ["vehicle_telemetry"], "basis": "scc" if code == "EU" else "documented-assessment",
        "reference": "DPA-2026-131", "approved_by": "dpo", "expires": "2027-12-31",
    }  # fmt: skip


def second_provider_grant(code: str, account: str, *, second_first: bool) -> Build:
    """A stack with two providers, each deploying as a role of its own account (the team's two accounts): the first
    provider's bucket policy grants ``account``. The second provider's account is the stack's own as the first's is
    (RES-023 counts every provider of the stack, as for AWS), whichever registers first; another account is not."""

    def build(c: Any) -> object:
        def second() -> None:
            # The second provider makes something of its own, as a team's analytics account does.
            alicloud.ram.Role(
                "reader",
                role_name="fleet-reader",
                assume_role_policy_document=_document({"Service": ["ecs.aliyuncs.com"]}, "sts:AssumeRole"),
                opts=pulumi.ResourceOptions(
                    provider=alicloud.Provider(
                        f"ali-{code.lower()}-analytics",
                        region=REGIONS[code],
                        assume_role={"role_arn": f"acs:ram::{ANALYTICS}:role/deployer", "session_name": "ci"},
                    )
                ),
            )

        if second_first:
            second()
        opts = provider(code, "role")
        policy = _document([account], "oss:GetObject", [f"acs:oss:*:{OWN}:trips-data-7f3a/*"])
        bucket = alicloud.oss.Bucket("trips", bucket="trips-data-7f3a", policy=policy, opts=opts)
        if not second_first:
            second()
        return bucket

    return build


ANALYTICS = "2222333344445555"
"""The team's second account, which the stack's second provider deploys to."""
