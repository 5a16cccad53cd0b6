"""RAM service roles: a role a cloud service assumes, with one custom policy attached."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pulumi
import pulumi_alicloud as alicloud

__all__ = [
    "ROLE_NAME_LIMIT",
    "assume_role_document",
    "invoke_functions_document",
    "invoke_functions_policy",
    "service_role",
]

ROLE_NAME_LIMIT = 64
"""RAM role and policy names are at most 64 characters (RAM API reference, CreateRole / CreatePolicy)."""


def assume_role_document(principal: str) -> str:
    """Trust policy letting the service ``principal`` (e.g. ``oss.aliyuncs.com``) assume a RAM role."""
    return json.dumps(
        {
            "Version": "1",
            "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": [principal]}}],
        }
    )


def invoke_functions_document(region: str, account: str, functions: list[str]) -> str:
    """``fc:InvokeFunction`` on exactly ``functions`` of this account, in this region (the policy of a
    role a service assumes to call our functions: API Gateway, IoT rules, OSS triggers)."""
    return json.dumps(
        {
            "Version": "1",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["fc:InvokeFunction"],
                    "Resource": sorted(f"acs:fc:{region}:{account}:functions/{f}" for f in functions),
                }
            ],
        }
    )


def invoke_functions_policy(
    region: str, account: pulumi.Input[str], functions: Sequence[pulumi.Input[str]]
) -> pulumi.Output[str]:
    """:func:`invoke_functions_document` once the account id and the function names are known."""
    return pulumi.Output.all(account, *functions).apply(
        lambda values: invoke_functions_document(region, values[0], list(values[1:]))
    )


def service_role(
    base: str,
    role_name: str,
    principal: str,
    description: str,
    document: pulumi.Output[str],
    tags: dict[str, str],
    opts: pulumi.ResourceOptions,
) -> alicloud.ram.Role:
    """``{base}-role`` assumable by the service ``principal``, ``{base}-policy`` (``document``) and
    ``{base}-attachment`` between them; names cut to ``ROLE_NAME_LIMIT``."""
    role = alicloud.ram.Role(
        f"{base}-role",
        role_name=role_name[:ROLE_NAME_LIMIT],
        description=description,
        assume_role_policy_document=assume_role_document(principal),
        tags=tags,
        opts=opts,
    )
    policy = alicloud.ram.Policy(
        f"{base}-policy",
        policy_name=role_name[:ROLE_NAME_LIMIT],
        description=description,
        policy_document=document,
        opts=opts,
    )
    alicloud.ram.RolePolicyAttachment(
        f"{base}-attachment", role_name=role.role_name, policy_name=policy.policy_name, policy_type="Custom", opts=opts
    )
    return role
