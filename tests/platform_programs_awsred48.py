"""AWS red team, round 20 (stop 48): pods, VPCs and S3 grants that reach another account, and made ARNs left unlisted.

Round 20 started from what round 19 and the made-ARN round 4 (stop 47) left open and probed, with one-value subjects
and these programs on the unchanged engine (main 1fd7240), the inputs they named and about forty data-moving inputs of
pulumi-aws v7. These programs passed every door before and are refused now (RES-023 until pinned or declared):

- an EKS Pod Identity association whose ``target_role_arn`` is another account's role (the pods act as that account);
- a VPC associated with another account's VPC Lattice service network, a VPC endpoint of type service-network or
  resource to another account's service network or resource configuration (the VPC's clients send to that account);
- an S3 object copy's ``grants`` and a bucket logging configuration's ``target_grants`` to a canonical user id or an
  e-mail address: no owner is named beside them, so no grantee is proven unless declared (fail closed).

And the stack's own AppSync API, HTTP API stage and Bedrock agent by their ARN output under a provider pinning no
account: refused before (RES-023), pass now (``made_account_arns``); their partner twins stay refused.

``who``: ``own`` (the stack makes it, or the team's account the table's provider pins: passes), ``partner``
(another's: refused outside CN), ``partner-declared`` (declared: passes); for the grants ``own-declared`` (the team's
own canonical id or address, declared: passes). aws-cn lies wholly in CN: every account there is China's. The verdicts
are in docs/residency.md, "AWS red team, round 20 (stop 48)". tests/test_realistic_programs.py runs them as CASES
(``awsred48-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import WHO, Build, Row, lambda_function, partition, trust_policy, unpinned

# The same accounts and declaration as rounds 16 to 19, and round 19's canonical ids (one fact, one place).
from platform_programs_awsred44 import OWN, PARTNER, PARTNER_DECLARED
from platform_programs_awsred47 import CANONICAL_OWN, CANONICAL_PARTNER, EMAIL_DECLARED, EMAIL_PARTNER, GRANTEE_DECLARED

FOUR = ("EU", "DE", "US", "JP")
"""The jurisdictions outside CN every kind runs in."""
EMAIL_OWN = "s3-owner@team.example.com"
"""The team account's root e-mail address."""
OWN_GRANTEES_DECLARED: list[dict[str, Any]] = [
    {"id": "own-canonical", "kind": "resident", "match": CANONICAL_OWN,
     "evidence": "the team's own account (its S3 canonical user id): the bucket owner"},
    {"id": "own-email", "kind": "resident", "match": EMAIL_OWN,
     "evidence": "the team's own account, by its root e-mail address"},
]  # fmt: skip
"""The declaration a team writes for its own canonical id and address: a grant naming no owner cannot prove them."""


def _account(who: str) -> str:
    return OWN if who == "own" else PARTNER


# -- workloads handed to another account (written_account_fields, RES-023) --------------------------------------------


def pod_target_role(code: str, who: str) -> Build:
    # docs: eks/podidentityassociation — `role_arn` (the pods' role) and `target_role_arn` "ARN of the IAM role to be
    # chained to the the IAM role specified as `role_arn`" (EKS: "a role in Account A and a role in Account B").
    def build(c: Any) -> object:
        role = aws.iam.Role("claims-pods", assume_role_policy=trust_policy("pods.eks.amazonaws.com"), opts=c.aws)
        target: Any = (
            aws.iam.Role("claims-writer", assume_role_policy=trust_policy("pods.eks.amazonaws.com"), opts=c.aws).arn
            if who == "own" else f"arn:{partition(code)}:iam::{PARTNER}:role/claims-writer"
        )  # fmt: skip
        return aws.eks.PodIdentityAssociation(
            "claims-api", cluster_name="claims", namespace="claims", service_account="claims-api",
            role_arn=role.arn, target_role_arn=target, opts=c.aws,
        )  # fmt: skip

    return build


def _service_network(code: str, who: str, c: Any) -> Any:
    if who == "own":
        return aws.vpclattice.ServiceNetwork("claims", name="claims", auth_type="AWS_IAM", opts=c.aws).arn
    return f"arn:{partition(code)}:vpc-lattice:{HOME[code]}:{PARTNER}:servicenetwork/sn-0a1b2c3d4e5f60718"


def lattice_vpc(code: str, who: str) -> Build:
    # docs: vpclattice/servicenetworkvpcassociation — `service_network_identifier` "The ID or Amazon Resource Identifier
    # (ARN) of the service network. You must use the ARN if the resources specified in the operation are in different
    # accounts"; the VPC's clients then call the network's services.
    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("claims", cidr_block="10.20.0.0/16", opts=c.aws)
        return aws.vpclattice.ServiceNetworkVpcAssociation(
            "claims", vpc_identifier=vpc.id, service_network_identifier=_service_network(code, who, c), opts=c.aws
        )

    return build


def endpoint_service_network(code: str, who: str) -> Build:
    # docs: ec2/vpcendpoint — `vpc_endpoint_type` "ServiceNetwork", `service_network_arn` "The ARN of a Service Network
    # to connect this VPC Endpoint to".
    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("claims", cidr_block="10.20.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("claims-a", vpc_id=vpc.id, cidr_block="10.20.1.0/24", opts=c.aws)
        return aws.ec2.VpcEndpoint(
            "claims-network", vpc_id=vpc.id, vpc_endpoint_type="ServiceNetwork", subnet_ids=[subnet.id],
            service_network_arn=_service_network(code, who, c), opts=c.aws,
        )  # fmt: skip

    return build


def endpoint_resource(code: str, who: str) -> Build:
    # docs: ec2/vpcendpoint — `vpc_endpoint_type` "Resource", `resource_configuration_arn` "ARN of a Resource
    # Configuration to connect this VPC Endpoint to"; vpclattice/resourceconfiguration (a DNS resource behind the
    # stack's resource gateway) for the own one.
    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("claims", cidr_block="10.20.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("claims-a", vpc_id=vpc.id, cidr_block="10.20.1.0/24", opts=c.aws)
        config: Any
        if who == "own":
            gateway = aws.vpclattice.ResourceGateway("ledger", name="ledger", vpc_id=vpc.id, subnet_ids=[subnet.id],
                                                     opts=c.aws)  # fmt: skip
            config = aws.vpclattice.ResourceConfiguration(
                "ledger-db", name="ledger-db", resource_gateway_identifier=gateway.id, port_ranges=["5432"],
                resource_configuration_definition={"ip_resource": {"ip_address": "10.20.1.10"}}, opts=c.aws,
            ).arn  # fmt: skip
        else:
            config = _partner_arn(code, "vpc-lattice", "resourceconfiguration/rcfg-0a1b2c3d4e5f6")
        return aws.ec2.VpcEndpoint(
            "ledger-db", vpc_id=vpc.id, vpc_endpoint_type="Resource", subnet_ids=[subnet.id],
            resource_configuration_arn=config, opts=c.aws,
        )  # fmt: skip

    return build


ACCOUNT_KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "pod-target-role": (pod_target_role, (*FOUR, "CN")),
    "lattice-vpc": (lattice_vpc, FOUR),
    "endpoint-service-network": (endpoint_service_network, FOUR),
    "endpoint-resource": (endpoint_resource, FOUR),
}
"""Kind -> (builder, jurisdictions); CN for EKS only (VPC Lattice's China availability was not checked)."""


# -- S3 grants naming no owner (acl_grantee_fields without an owner, RES-023) ----------------------------------------


def _grantee(form: str, who: str) -> tuple[str, str]:
    """(grant type, identity) of the grantee: a canonical user id or an e-mail address, the team's or a partner's."""
    if form == "canonical":
        return "CanonicalUser", CANONICAL_OWN if who == "own-declared" else CANONICAL_PARTNER
    return "AmazonCustomerByEmail", EMAIL_OWN if who == "own-declared" else EMAIL_PARTNER


def object_copy(form: str) -> Callable[[str, str], Build]:
    # docs: s3/objectcopy — `grants` "Configuration block for header grants": `type` (CanonicalUser, Group or
    # AmazonCustomerByEmail), `id` / `email` / `uri`, `permissions` (READ, READ_ACP, WRITE_ACP, FULL_CONTROL).
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            data = aws.s3.Bucket("claims", opts=c.aws)
            archive = aws.s3.Bucket("claims-archive", opts=c.aws)
            kind, identity = _grantee(form, who)
            grant: Any = {"type": kind, "permissions": ["READ"], ("id" if form == "canonical" else "email"): identity}
            return aws.s3.ObjectCopy(
                "monthly-report", bucket=archive.bucket, key="reports/2026-11.csv",
                source=data.bucket.apply(lambda b: f"{b}/reports/2026-11.csv"), grants=[grant], opts=c.aws,
            )  # fmt: skip

        return build

    return make


def logging_grant(form: str) -> Callable[[str, str], Build]:
    # docs: s3/bucketlogging — `target_grants` "Set of configuration blocks with information for granting
    # permissions", `grantee` (`type`, `id`, `email_address`, `uri`) and `permission` (FULL_CONTROL, READ, WRITE).
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            data = aws.s3.Bucket("claims", opts=c.aws)
            logs = aws.s3.Bucket("claims-access-logs", opts=c.aws)
            kind, identity = _grantee(form, who)
            grantee: Any = {"type": kind, ("id" if form == "canonical" else "email_address"): identity}
            return aws.s3.BucketLogging(
                "claims", bucket=data.id, target_bucket=logs.id, target_prefix="access/",
                target_grants=[{"grantee": grantee, "permission": "READ"}], opts=c.aws,
            )  # fmt: skip

        return build

    return make


GRANT_KINDS: dict[str, tuple[Callable[[str, str], Build], dict[str, Any]]] = {
    "object-copy-canonical": (object_copy("canonical"), GRANTEE_DECLARED),
    "object-copy-email": (object_copy("email"), EMAIL_DECLARED),
    "logging-canonical": (logging_grant("canonical"), GRANTEE_DECLARED),
    "logging-email": (logging_grant("email"), EMAIL_DECLARED),
}
"""Kind -> (builder, the partner grantee's declaration)."""
GRANT_WHO = ("own-declared", "partner", "partner-declared")


# -- the stack's own resources by their ARN output, unpinned (made_account_arns) --------------------------------------


def _partner_arn(code: str, service: str, resource: str) -> str:
    return f"arn:{partition(code)}:{service}:{HOME[code]}:{PARTNER}:{resource}"


def appsync_source(code: str, own: bool) -> Build:
    # docs: appsync/sourceapiassociation — `source_api_arn` "ARN of the source API", `merged_api_id`; the source API is
    # the stack's own GraphQL API (appsync/graphqlapi `arn`).
    def build(c: Any) -> object:
        opts = unpinned(code)
        role = aws.iam.Role("merge", assume_role_policy=trust_policy("appsync.amazonaws.com"), opts=opts)
        merged = aws.appsync.GraphQLApi(
            "claims-merged", name="claims-merged", authentication_type="AWS_IAM", api_type="MERGED",
            merged_api_execution_role_arn=role.arn, opts=opts,
        )  # fmt: skip
        source: Any = (
            aws.appsync.GraphQLApi("claims-orders", name="claims-orders", authentication_type="AWS_IAM",
                                   opts=opts).arn
            if own else _partner_arn(code, "appsync", "apis/0a1b2c3d4e5f6a7b8c9d0e1f2a")
        )  # fmt: skip
        return aws.appsync.SourceApiAssociation(
            "orders", merged_api_id=merged.id, source_api_arn=source,
            source_api_association_configs=[{"merge_type": "AUTO_MERGE"}], opts=opts,
        )  # fmt: skip

    return build


def http_stage_permission(code: str, own: bool) -> Build:
    # docs: apigatewayv2/stage — `execution_arn` "ARN prefix to be used in an `aws.lambda.Permission`'s `source_arn`
    # attribute"; lambda/permission `source_arn` (`/*/*`: any route of that stage).
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("orders", opts)
        api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", opts=opts)
        source: Any = (
            aws.apigatewayv2.Stage("live", api_id=api.id, name="live", auto_deploy=True, opts=opts).execution_arn
            if own else _partner_arn(code, "execute-api", "a1b2c3d4e5/live")
        )  # fmt: skip
        return aws.lambda_.Permission(
            "orders-from-api", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=pulumi.Output.from_input(source).apply(lambda arn: f"{arn}/*/*"), opts=opts,
        )  # fmt: skip

    return build


def agent_permission(code: str, own: bool) -> Build:
    # docs: bedrock/agentagent (`agent_arn` "ARN of the agent"); Bedrock "Resource-based policy to allow Amazon Bedrock
    # to invoke an action group Lambda function": principal bedrock.amazonaws.com, AWS:SourceArn the agent's ARN.
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("claims-lookup", opts)
        source: Any = (
            aws.bedrock.AgentAgent(
                "claims-assistant", agent_name="claims-assistant",
                foundation_model="anthropic.claude-3-haiku-20240307-v1:0",
                agent_resource_role_arn=aws.iam.Role("agent", assume_role_policy=trust_policy("bedrock.amazonaws.com"),
                                                     opts=opts).arn,
                instruction="Answer questions about the status of a customer's claims.", opts=opts,
            ).agent_arn
            if own else _partner_arn(code, "bedrock", "agent/ABCDEFGHIJ")
        )  # fmt: skip
        return aws.lambda_.Permission(
            "claims-lookup-from-agent", action="lambda:InvokeFunction", function=fn.name,
            principal="bedrock.amazonaws.com", source_arn=source, opts=opts,
        )  # fmt: skip

    return build


def endpoint_resource_unpinned(code: str, own: bool) -> Build:
    # The resource endpoint above under a provider pinning no account: the own configuration's ARN output proves it.
    def build(c: Any) -> object:
        return endpoint_resource(code, "own" if own else "partner")(_Unpinned(code))

    return build


class _Unpinned:
    """A stand-in for the table's context whose ``aws`` options use a provider pinning no account."""

    def __init__(self, code: str) -> None:
        self._opts = unpinned(code)

    @property
    def aws(self) -> pulumi.ResourceOptions:
        return self._opts


MADE_KINDS: dict[str, tuple[Callable[[str, bool], Build], tuple[str, ...]]] = {
    "appsync-source": (appsync_source, FOUR),
    "http-stage-permission": (http_stage_permission, (*FOUR, "CN")),
    "agent-permission": (agent_permission, FOUR),
    "endpoint-resource": (endpoint_resource_unpinned, FOUR),
}
"""Kind -> (builder, jurisdictions); CN where the service is offered in the China Regions (API Gateway)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for kind, (make, codes) in ACCOUNT_KINDS.items():
        for code in codes:
            for who in WHO:
                refused = who == "partner" and code != "CN"
                out.append((f"awsred48-{code.lower()}-{kind}-{who}", code, make(code, who),
                            {"RES-023"} if refused else set(),
                            [PARTNER_DECLARED] if who == "partner-declared" else []))  # fmt: skip
    for kind, (make, declaration) in GRANT_KINDS.items():
        for code in (*FOUR, "CN"):
            for who in GRANT_WHO:
                refused = who == "partner" and code != "CN"
                declared = {"own-declared": OWN_GRANTEES_DECLARED, "partner-declared": [declaration]}.get(who, [])
                out.append((f"awsred48-{code.lower()}-{kind}-{who}", code, make(code, who),
                            {"RES-023"} if refused else set(), declared))  # fmt: skip
    for kind, (make_made, codes) in MADE_KINDS.items():
        for code in codes:
            out.append((f"awsred48-{code.lower()}-{kind}-own-unpinned", code, make_made(code, True), set(), []))
            out.append((f"awsred48-{code.lower()}-{kind}-partner-unpinned", code, make_made(code, False),
                        set() if code == "CN" else {"RES-023"}, []))  # fmt: skip
    return out
