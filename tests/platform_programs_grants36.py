"""Grants review (stop 36): RES-023 with every AWS provider of the stack, and the grants it did not judge yet.

A stack with two pinned AWS providers (the team's build account and its run account, or a source and a backup account)
grants one account from a resource of the other: the stack's providers are all its owner's, so a grant to an account
any of them is pinned to is the stack's own, whichever registers first (the guard holds the grant until construction
is over). An account no provider pins stays refused unless declared.
tests/test_realistic_programs.py runs them as CASES (``grants36-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the mocks' caller identity)."""
SECOND = "210987654321"
"""The team's second account in the market, which the stack's other provider is pinned to."""
STRANGER = "999988887777"
"""An account no provider of the stack is pinned to."""
REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
CODES = ("EU", "DE", "JP", "US", "CN")
ORDERS = ("before", "after")
PINS = ("allowed", "assume")


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _doc(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def _provider(name: str, code: str, account: str, pin: str = "allowed") -> aws.Provider:
    """A provider pinned to ``account`` by ``allowed_account_ids`` (``allowed``) or only by the role it assumes
    (``assume``: `assume_roles[].role_arn`, docs: pulumi registry aws provider configuration)."""
    if pin == "allowed":
        return aws.Provider(name, region=REGIONS[code], allowed_account_ids=[account])
    role = f"arn:{_part(code)}:iam::{account}:role/deployer"
    return aws.Provider(name, region=REGIONS[code], assume_roles=[{"role_arn": role, "session_name": "ci"}])


def ecr_other_provider(code: str, order: str, grantee: str, pin: str = "allowed") -> Build:
    """A repository in the build account (provider ``aws-build``) that the run account pulls from (docs:
    AmazonECR/latest/userguide/repository-policy-examples.html, "Allow another account"); the run account's provider
    ``aws-run`` is pinned to ``SECOND`` and registers ``before`` or ``after`` the repository policy. ``grantee`` is the
    account the policy names (``SECOND``: the stack's own; ``STRANGER``: nobody's provider)."""

    def build(c: Any) -> object:
        build_opts = pulumi.ResourceOptions(provider=_provider("aws-build", code, OWN))
        run_provider = _provider("aws-run", code, SECOND, pin) if order == "before" else None
        repo = aws.ecr.Repository("api", opts=build_opts)
        policy = aws.ecr.RepositoryPolicy("api-pull", repository=repo.name, policy=_doc({
            "Sid": "RunAccountPull", "Effect": "Allow", "Principal": {"AWS": f"arn:{_part(code)}:iam::{grantee}:root"},
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}), opts=build_opts)  # fmt: skip
        if run_provider is None:
            run_provider = _provider("aws-run", code, SECOND, pin)
        aws.iam.Role("puller", assume_role_policy=_doc(
            {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}),
            opts=pulumi.ResourceOptions(provider=run_provider))  # fmt: skip
        return policy

    return build


def lambda_other_provider(code: str, order: str, grantee: str) -> Build:
    """A function in the run account invoked by the build account's role (a Lambda permission's ``principal`` a 12-digit
    account, docs: lambda/latest/dg/permissions-function-cross-account.html), the build account's provider registering
    ``before`` or ``after`` the permission; its value an Output (computed from the function)."""

    def build(c: Any) -> object:
        first = _provider("aws-build", code, SECOND) if order == "before" else None
        run_opts = pulumi.ResourceOptions(provider=_provider("aws-run", code, OWN))
        role = aws.iam.Role("fn-role", assume_role_policy=_doc(
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}),
            opts=run_opts)  # fmt: skip
        fn = aws.lambda_.Function("fn", role=role.arn, runtime="python3.12", handler="index.handler",
                                  code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass")}),
                                  opts=run_opts)  # fmt: skip
        permission = aws.lambda_.Permission("build-invoke", action="lambda:InvokeFunction", function=fn.name,
                                            principal=fn.arn.apply(lambda _a: grantee), opts=run_opts)  # fmt: skip
        if first is None:
            first = _provider("aws-build", code, SECOND)
        aws.s3.Bucket("artifacts", opts=pulumi.ResourceOptions(provider=first))
        return permission

    return build


def second_account(code: str, account: str) -> dict[str, Any]:
    """The account declared resident (docs/residency.md, "Accounts a policy grants")."""
    return {
        "id": f"{code.lower()}-other-account", "kind": "resident", "match": f"arn:{_part(code)}:iam::{account}:",
        "evidence": "the team's account; SCP limits it to the market",
    }  # fmt: skip


GRANTS = ("kms-grant", "kms-retiring", "layer-permission", "vpce-principal", "vpce-service")


def grant(kind: str, code: str, account: str) -> Build:
    """A grant outside a policy document (``granted_account_fields``) to ``account``, from a provider pinned to ``OWN``:
    a KMS grant's grantee (docs: kms/latest/APIReference/API_CreateGrant.html) or retiring principal, a Lambda layer
    version permission (docs: lambda/layerversionpermission), a VPC endpoint service's allowed principal, standalone
    (docs: ec2/vpcendpointserviceallowedprinciple) or in the service's list (docs: ec2/vpcendpointservice)."""

    def build(c: Any) -> object:
        p = _part(code)
        opts = pulumi.ResourceOptions(provider=_provider("aws", code, OWN))
        if kind in ("kms-grant", "kms-retiring"):
            key = aws.kms.Key("data", description="data key", opts=opts)
            role = f"arn:{p}:iam::{account}:role/reader"
            own = f"arn:{p}:iam::{OWN}:role/key-admin"
            return aws.kms.Grant("reader", key_id=key.key_id, operations=["Decrypt", "DescribeKey"],
                                 grantee_principal=role if kind == "kms-grant" else own,
                                 retiring_principal=own if kind == "kms-grant" else role, opts=opts)  # fmt: skip
        if kind == "layer-permission":
            layer = aws.lambda_.LayerVersion("shared", layer_name="shared", compatible_runtimes=["python3.12"],
                                             code=pulumi.AssetArchive({"python/x.py": pulumi.StringAsset("X = 1")}),
                                             opts=opts)  # fmt: skip
            return aws.lambda_.LayerVersionPermission("shared-use", layer_name=layer.layer_name,
                                                      version_number=1,
                                                      statement_id="other-account", action="lambda:GetLayerVersion",
                                                      principal=account, opts=opts)  # fmt: skip
        vpc = aws.ec2.Vpc("svc", cidr_block="10.40.0.0/16", opts=opts)
        subnet = aws.ec2.Subnet("svc", vpc_id=vpc.id, cidr_block="10.40.1.0/24", opts=opts)
        nlb = aws.lb.LoadBalancer("svc", load_balancer_type="network", internal=True, subnets=[subnet.id], opts=opts)
        principal = f"arn:{p}:iam::{account}:root"
        if kind == "vpce-service":
            return aws.ec2.VpcEndpointService("svc", acceptance_required=True, network_load_balancer_arns=[nlb.arn],
                                              allowed_principals=[f"arn:{p}:iam::{OWN}:root", principal],
                                              opts=opts)  # fmt: skip
        service = aws.ec2.VpcEndpointService("svc", acceptance_required=True, network_load_balancer_arns=[nlb.arn],
                                             opts=opts)  # fmt: skip
        return aws.ec2.VpcEndpointServiceAllowedPrinciple("consumer", vpc_endpoint_service_id=service.id,
                                                          principal_arn=principal, opts=opts)  # fmt: skip

    return build


def kms_grant_other_provider(code: str, order: str) -> Build:
    """A KMS grant to the run account's role, the run account's provider registering ``before`` or ``after`` it."""

    def build(c: Any) -> object:
        first = _provider("aws-run", code, SECOND) if order == "before" else None
        opts = pulumi.ResourceOptions(provider=_provider("aws", code, OWN))
        key = aws.kms.Key("data", description="data key", opts=opts)
        result = aws.kms.Grant("run-reader", key_id=key.key_id, operations=["Decrypt"],
                               grantee_principal=f"arn:{_part(code)}:iam::{SECOND}:role/reader", opts=opts)  # fmt: skip
        if first is None:
            first = _provider("aws-run", code, SECOND)
        aws.s3.Bucket("run-data", opts=pulumi.ResourceOptions(provider=first))
        return result

    return build
