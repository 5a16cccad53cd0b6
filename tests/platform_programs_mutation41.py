"""Programs of the mutation search's round 10 (stop 41): what the search found over the programs stops 37-40 added.

An SAE (Serverless App Engine) ConfigMap is kept in the namespace its ``namespace_id`` names, "The NamespaceId of
ConfigMap ... The value is in format `{RegionId}:{namespace}`" (pulumi-alicloud sae/configmap); its ``data`` is the
configuration the applications mount or read as their environment (connection strings, endpoints, keys), stored in
that namespace's Region. An SAE Ingress routes the applications' requests in the namespace its ``namespace_id`` names
(same format, sae/ingress). Round 2 (stop 32) judged an Application's and a Namespace's ``namespace_id``
(``region_id_fields``); a ConfigMap's was not: the search's region mutant of ``redteam38-cn-ali-sae-config-map-home``
(``cn-shanghai:fleet`` -> ``us-east-1:fleet``) passed every front door, and so did the same programs written with
``cn-hongkong:fleet`` or ``ap-southeast-1:fleet`` below, and an Ingress in such a namespace.

``where`` is the namespace's Region: ``home`` (the provider's, written as the platform team's namespace id),
``made`` (the namespace the stack makes, by its output), ``hongkong`` / ``singapore`` (a namespace in cn-hongkong or
ap-southeast-1, outside the mainland: refused, RES-009).

A policy statement allowing everyone (``"Principal": "*"``) that its Condition limits to callers of one account
(``aws:PrincipalAccount``, ``kms:CallerAccount``, the account of an ``aws:PrincipalArn``: IAM "AWS global condition
context keys", KMS "AWS KMS condition keys") grants that account exactly as ``"Principal": {"AWS": "<id>"}`` does,
and the engine judged the latter (RES-023) but not the former: the search's account mutant of
``falsealarm20-eu-opensearch-vpc`` and ``public36-eu-secret-policy-restricted`` (the own account swapped for one no
provider pins) passed every front door. ``who``: ``own`` (the account the provider is pinned to), ``partner`` (an
account nothing pins: RES-023, except in CN, where an aws-cn account is China's by partition), ``declared`` (the
partner, declared). tests/test_realistic_programs.py runs them as CASES (``mutation41-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

HOME = {"CN": "cn-shanghai"}
"""The table's Alibaba Cloud provider Region of each jurisdiction these programs run in (test_realistic_programs
``REGION``). SAE is written for CN only, as round 14's red team program (``redteam38-cn-ali-sae-config-map-*``)."""
ABROAD = {"hongkong": "cn-hongkong", "singapore": "ap-southeast-1"}
WHERE = ("home", "made", *ABROAD)


def _namespace_id(c: Any, code: str, where: str) -> Any:
    if where == "made":
        ns = alicloud.sae.Namespace("ns", namespace_id=f"{HOME[code]}:fleet", namespace_name="fleet", opts=c.ali)
        return ns.namespace_id
    return f"{ABROAD.get(where, HOME[code])}:fleet"


def sae_config_map(code: str, where: str) -> Build:
    # docs: sae/configmap — `data`: "ConfigMap instance data" (the JSON the applications mount or read as their
    # environment); `namespace_id`: the namespace (and Region, `{RegionId}:{namespace}`) the ConfigMap is kept in.
    def build(c: Any) -> object:
        return alicloud.sae.ConfigMap(
            "settings", name="fleet-settings", namespace_id=_namespace_id(c, code, where),
            data=json.dumps({"DB_USER": "fleet", "LOG_LEVEL": "info", "FEATURE_FLAGS": "eta,trips"}), opts=c.ali,
        )  # fmt: skip

    return build


def sae_ingress(code: str, where: str) -> Build:
    # docs: sae/ingress — `namespace_id`: "The ID of Namespace ... The value is in format `{RegionId}:{namespace}`";
    # `rules`: "Forward traffic to the specified application according to the domain name and path".
    def build(c: Any) -> object:
        return alicloud.sae.Ingress(
            "portal", namespace_id=_namespace_id(c, code, where), slb_id="lb-uf6xc7wybefehnv45prmr",
            listener_port=80, description="owner-portal",
            rules=[{"app_id": "a1b2c3d4-5e6f-7a8b-9c0d-ef1234567890", "app_name": "owner-portal",
                    "container_port": 8080, "domain": "portal.fleet.example.cn", "path": "/"}],
            opts=c.ali,
        )  # fmt: skip

    return build


OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
PARTNER = "444455556666"
"""The analytics partner's account, which no provider of the stack is pinned to."""
PARTITION = {"EU": "aws", "JP": "aws", "US": "aws", "CN": "aws-cn"}
ACCOUNT_CODES = tuple(PARTITION)
WHO = ("own", "partner", "declared")
ACCOUNT_KINDS = ("secret-principal-account", "key-caller-account", "bucket-principal-arn")
PARTNER_DECLARED: dict[str, Any] = {
    "id": "analytics-partner-account", "kind": "resident", "match": PARTNER,
    "evidence": "the partner's analytics account; its contract and an SCP keep it in the market's Regions",
}  # fmt: skip


def _statement(action: Any, resource: Any, condition: dict[str, Any]) -> dict[str, Any]:
    return {"Effect": "Allow", "Principal": "*", "Action": action, "Resource": resource, "Condition": condition}


def caller_account_grant(kind: str, code: str, who: str) -> Build:
    account = OWN if who == "own" else PARTNER
    p = PARTITION[code]

    def build(c: Any) -> object:
        if kind == "secret-principal-account":
            # docs: secretsmanager/secretpolicy; Secrets Manager "Permissions policy examples": a resource policy
            # reads `*` with aws:PrincipalAccount to let that account's principals read the secret.
            secret = aws.secretsmanager.Secret("reports-db", opts=c.aws)
            doc = _statement("secretsmanager:GetSecretValue", "*", {"StringEquals": {"aws:PrincipalAccount": account}})
            return aws.secretsmanager.SecretPolicy("reports-db", secret_arn=secret.arn,
                                                   policy=json.dumps({"Version": "2012-10-17", "Statement": [doc]}),
                                                   opts=c.aws)  # fmt: skip
        if kind == "key-caller-account":
            # docs: kms/key `policy`; KMS "kms:CallerAccount": a statement to `*` for the callers of one account.
            root = {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"},
                    "Action": "kms:*", "Resource": "*"}  # fmt: skip
            use = _statement(["kms:Decrypt", "kms:DescribeKey"], "*", {"StringEquals": {"kms:CallerAccount": account}})
            return aws.kms.Key("reports", description="fleet reports", enable_key_rotation=True,
                               policy=json.dumps({"Version": "2012-10-17", "Statement": [root, use]}),
                               opts=c.aws)  # fmt: skip
        # docs: s3/bucketpolicy; IAM "aws:PrincipalArn" ("the ARN of the principal that made the request"): `*`
        # limited to one account's analyst roles.
        bucket = aws.s3.Bucket("reports", opts=c.aws)
        arn = f"arn:{p}:iam::{account}:role/analyst-*"
        return aws.s3.BucketPolicy("reports", bucket=bucket.id, policy=bucket.arn.apply(lambda b: json.dumps({
            "Version": "2012-10-17",
            "Statement": [_statement("s3:GetObject", f"{b}/*", {"ArnLike": {"aws:PrincipalArn": arn}})],
        })), opts=c.aws)  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        *[
            (f"mutation41-{code.lower()}-ali-sae-{kind}-{where}", code, make(code, where),
             {"RES-009"} if where in ABROAD else set(), [])
            for code in HOME
            for kind, make in (("config-map", sae_config_map), ("ingress", sae_ingress))
            for where in WHERE
        ],
        *[
            (f"mutation41-{code.lower()}-{kind}-{who}", code, caller_account_grant(kind, code, who),
             {"RES-023"} if who == "partner" and code != "CN" else set(),
             [PARTNER_DECLARED] if who == "declared" else [])
            for code in ACCOUNT_CODES
            for kind in ACCOUNT_KINDS
            for who in WHO
            if code != "CN" or who != "declared"
        ],
    ]  # fmt: skip
