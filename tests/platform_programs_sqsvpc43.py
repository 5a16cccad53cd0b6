"""Programs of stop 43's RES-023 / RES-024 leftovers of stop 42 (task sqsvpc43, issue 9).

**Read-only SQS subtypes.** Stop 42 judged the owner account of an HTTP API SQS integration's ``QueueUrl`` as a written
destination's (``mutation42-*``), whatever the integration's subtype. Only SQS-SendMessage "Delivers a message to the
specified queue"; SQS-ReceiveMessage "Retrieves one or more messages (up to 10), from the specified queue",
SQS-DeleteMessage "Deletes the specified message from the specified queue" (its ``ReceiptHandle``, which the queue gave)
and SQS-PurgeQueue "Deletes all messages in the specified queue" (API Gateway developer guide, "Integration subtype
reference"; the same page on docs.amazonaws.cn lists the four subtypes for the China Regions) send the queue nothing of
the stack's: a receive pulls the queue owner's messages to the API's caller. A partner's queue with one of those three
subtypes was refused (RES-023, the false alarm stop 42 accepted); it passes now. ``send`` is the offending twin (RES-023
outside CN, where an aws-cn account is China's by partition). ``where``: ``body`` (the Api's OpenAPI body,
``integrationSubtype`` beside ``requestParameters``) or ``integration`` (the Integration resource).

**OpenSearch-managed VPC endpoints.** ``opensearch.VpcEndpoint`` connects the stack's subnets to a domain named by its
ARN (CreateVpcEndpoint ``DomainArn``, "The Amazon Resource Name (ARN) of the domain to grant access to"): what the
stack's clients index through it goes into that domain. A partner's domain in the stack's Region passed every door
(only the ARN's Region was judged); it is RES-023 now unless declared (aws-cn's passes in CN), the own domain (its
``arn`` output) passes. ``AuthorizeVpcEndpointAccess`` ``account`` (letting another account make such an endpoint to
the stack's domain) was judged already as a granted account (stop 36); its programs here pin that: the own account
passes, a partner's is RES-023 unless declared.

tests/test_realistic_programs.py runs them as CASES (``sqsvpc43-*``); docs/residency.md, "SQS subtypes, domain policies
and VPC endpoint grants (stop 43)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
PARTNER = "444455556666"
"""A partner's account, which no provider of the stack is pinned to."""
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
PARTITION = {"EU": "aws", "US": "aws", "JP": "aws", "CN": "aws-cn"}
SUFFIX = {"EU": "amazonaws.com", "US": "amazonaws.com", "JP": "amazonaws.com", "CN": "amazonaws.com.cn"}
SUBTYPES = {"send": "SQS-SendMessage", "receive": "SQS-ReceiveMessage", "delete": "SQS-DeleteMessage",
            "purge": "SQS-PurgeQueue"}  # fmt: skip
# docs: "Integration subtype reference": each subtype's parameters (MessageBody for SendMessage, ReceiptHandle for
# DeleteMessage, MaxNumberOfMessages optional for ReceiveMessage, none but QueueUrl for PurgeQueue).
PARAMETERS = {"send": {"MessageBody": "$request.body"}, "receive": {"MaxNumberOfMessages": "10"},
              "delete": {"ReceiptHandle": "$request.querystring.receipt"}, "purge": {}}  # fmt: skip
PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-account", "kind": "resident", "match": PARTNER,
    "evidence": "the partner's account; its contract and an SCP keep it in the market's Regions",
}  # fmt: skip
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"},
]})  # fmt: skip


def http_sqs(code: str, where: str, op: str) -> Build:
    """An HTTP API integration of SQS subtype ``op`` to a partner's queue in the stack's Region."""
    url = f"https://sqs.{REGION[code]}.{SUFFIX[code]}/{PARTNER}/partner-orders"

    def build(c: Any) -> object:
        # docs: "Working with AWS service integrations for HTTP APIs": the integration assumes `credentials` (a role
        # of the stack's account the partner's queue policy allows) and calls the subtype's action on QueueUrl.
        role = aws.iam.Role("orders-api", assume_role_policy=TRUST, opts=c.aws)
        parameters = {"QueueUrl": url, **PARAMETERS[op]}
        if where == "body":
            # docs: "x-amazon-apigateway-integration object" (integrationSubtype, credentials, requestParameters).
            integration = {"type": "aws_proxy", "integrationSubtype": SUBTYPES[op], "credentials": role.arn,
                           "requestParameters": parameters, "payloadFormatVersion": "1.0"}  # fmt: skip
            body = role.arn.apply(lambda arn: json.dumps({
                "openapi": "3.0.1", "info": {"title": "orders", "version": "2026-12-04"},
                "paths": {"/orders": {"post": {"responses": {"default": {"description": "Default response"}},
                                               "x-amazon-apigateway-integration": {**integration,
                                                                                   "credentials": arn}}}},
            }))  # fmt: skip
            return aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", body=body, opts=c.aws)
        # docs: apigatewayv2/integration (integration_subtype, credentials_arn, request_parameters), apigatewayv2/route.
        api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", opts=c.aws)
        made = aws.apigatewayv2.Integration(
            "orders", api_id=api.id, integration_type="AWS_PROXY", integration_subtype=SUBTYPES[op],
            credentials_arn=role.arn, payload_format_version="1.0", request_parameters=parameters, opts=c.aws,
        )  # fmt: skip
        aws.apigatewayv2.Route("orders", api_id=api.id, route_key="POST /orders",
                               target=made.id.apply(lambda i: f"integrations/{i}"), opts=c.aws)  # fmt: skip
        return aws.apigatewayv2.Stage("orders-default", api_id=api.id, name="$default", auto_deploy=True, opts=c.aws)

    return build


def search_endpoint(code: str, form: str, who: str) -> Build:
    """``endpoint``: an OpenSearch-managed VPC endpoint in the stack's subnets to the own domain (its ``arn`` output)
    or a partner's (its ARN written out). ``authorize``: the stack's VPC domain letting an account make such endpoints
    (``AuthorizeVpcEndpointAccess``), the own account or a partner's."""

    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("search", cidr_block="10.30.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("search-1", vpc_id=vpc.id, cidr_block="10.30.1.0/24", opts=c.aws)
        group = aws.ec2.SecurityGroup("search", vpc_id=vpc.id, description="search clients", opts=c.aws)
        if form == "endpoint" and who != "own":
            domain_arn: Any = f"arn:{PARTITION[code]}:es:{REGION[code]}:{PARTNER}:domain/partner-logs"
        else:
            # docs: opensearch/domain (domain_name, engine_version, cluster_config, vpc_options, ebs_options).
            domain = aws.opensearch.Domain(
                "fleet-logs", domain_name="fleet-logs", engine_version="OpenSearch_2.13",
                cluster_config={"instance_type": "r6g.large.search"},
                ebs_options={"ebs_enabled": True, "volume_size": 20},
                vpc_options={"subnet_ids": [subnet.id], "security_group_ids": [group.id]}, opts=c.aws,
            )  # fmt: skip
            if form == "authorize":
                # docs: opensearch/authorizevpcendpointaccess (domain_name, account): "The AWS account ID to grant
                # access to" (AuthorizeVpcEndpointAccess).
                return aws.opensearch.AuthorizeVpcEndpointAccess(
                    "analytics", domain_name=domain.domain_name, account=OWN if who == "own" else PARTNER, opts=c.aws
                )
            domain_arn = domain.arn
        # docs: opensearch/vpcendpoint (domain_arn, vpc_options.subnet_ids / security_group_ids).
        return aws.opensearch.VpcEndpoint(
            "search", domain_arn=domain_arn,
            vpc_options={"subnet_ids": [subnet.id], "security_group_ids": [group.id]}, opts=c.aws,
        )  # fmt: skip

    return build


def _open_search_policy(code: str, name: str) -> str:
    # docs: OpenSearch developer guide, fine-grained access control: the open domain access policy AWS recommends with
    # it (`{"AWS": "*"}`, `es:ESHttp*` on the domain's subresources).
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*",
         "Resource": f"arn:{PARTITION[code]}:es:{REGION[code]}:{OWN}:domain/{name}/*"}]})  # fmt: skip


def domain_policy(code: str, form: str) -> Build:
    """The open access policy set by a separate DomainPolicy. ``vpc-literal``: on a VPC OpenSearch domain the stack
    makes, named by its literal name (the policy waits on the domain); ``es-vpc``: a legacy Elasticsearch VPC domain,
    named by its ``domain_name`` output; ``public``: a domain with a public endpoint (no ``vpc_options``);
    ``not-made``: a domain the program does not make (nothing proves where it is); ``other``: the stack makes a VPC
    domain but the policy names its other, public domain."""

    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("search", cidr_block="10.40.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("search-1", vpc_id=vpc.id, cidr_block="10.40.1.0/24", opts=c.aws)
        group = aws.ec2.SecurityGroup("search", vpc_id=vpc.id, description="search clients", opts=c.aws)
        network: dict[str, Any] = {"vpc_options": {"subnet_ids": [subnet.id], "security_group_ids": [group.id]}}
        security: Any = {"enabled": True, "internal_user_database_enabled": False, "master_user_options": {
            "master_user_arn": f"arn:{PARTITION[code]}:iam::{OWN}:role/search-admin"}}  # fmt: skip
        common: Any = {"ebs_options": {"ebs_enabled": True, "volume_size": 20}, "encrypt_at_rest": {"enabled": True},
                       "node_to_node_encryption": {"enabled": True}, "advanced_security_options": security,
                       "domain_endpoint_options": {"enforce_https": True}}  # fmt: skip
        if form == "es-vpc":
            # docs: elasticsearch/domain, elasticsearch/domainpolicy (domain_name, access_policies).
            es = aws.elasticsearch.Domain(
                "fleet-logs", domain_name="fleet-logs", elasticsearch_version="7.10",
                cluster_config={"instance_type": "r6g.large.elasticsearch"}, **network, **common, opts=c.aws,
            )  # fmt: skip
            return aws.elasticsearch.DomainPolicy(
                "fleet-logs", domain_name=es.domain_name, access_policies=_open_search_policy(code, "fleet-logs"),
                opts=c.aws,
            )  # fmt: skip
        made: list[Any] = []
        if form != "not-made":
            # docs: opensearch/domain (domain_name, engine_version, cluster_config, vpc_options).
            made.append(aws.opensearch.Domain(
                "fleet-logs", domain_name="fleet-logs", engine_version="OpenSearch_2.13",
                cluster_config={"instance_type": "r6g.large.search"}, **({} if form == "public" else network),
                **common, opts=c.aws,
            ))  # fmt: skip
        if form == "other":
            made.append(aws.opensearch.Domain(
                "audit-logs", domain_name="audit-logs", engine_version="OpenSearch_2.13",
                cluster_config={"instance_type": "r6g.large.search"}, **common, opts=c.aws,
            ))  # fmt: skip
        name = {"other": "audit-logs", "not-made": "partner-logs"}.get(form, "fleet-logs")
        # docs: opensearch/domainpolicy (domain_name "Name of the domain", access_policies).
        return aws.opensearch.DomainPolicy(
            "search-policy", domain_name=name, access_policies=_open_search_policy(code, name),
            opts=c.aws.merge(pulumi.ResourceOptions(depends_on=made)) if made else c.aws,
        )  # fmt: skip

    return build


Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    foreign = {"EU", "US", "JP"}  # a partner's aws account; CN's partner is an aws-cn account, China's by partition
    subtypes: list[Row] = [
        (f"sqsvpc43-{code.lower()}-http-sqs-{op}-{where}-partner", code, http_sqs(code, where, op),
         {"RES-023"} if op == "send" and code in foreign
         # anonymous43 (stop 43): its route's authorization_type is unset (NONE), so anyone on the Internet receives
         # the queue's messages through it: a grant to everyone (RES-024), whoever owns the queue. openapi44 (stop 44):
         # the body form's operation has no `security` either, so it is the same grant (RES-024).
         else {"RES-024"} if op == "receive"
         else set(), [])
        for code in REGION
        for where in ("body", "integration")
        for op in SUBTYPES
    ]  # fmt: skip
    endpoints: list[Row] = [
        (f"sqsvpc43-{code.lower()}-search-{form}-{who}", code, search_endpoint(code, form, who),
         {"RES-023"} if who == "partner" and code in foreign else set(),
         [PARTNER_DECLARED] if who == "declared" else [])
        for code in REGION
        for form in ("endpoint", "authorize")
        for who in ("own", "partner", "declared")
        if code in foreign or who != "declared"
    ]  # fmt: skip
    policies: list[Row] = [
        (f"sqsvpc43-{code.lower()}-search-policy-{form}", code, domain_policy(code, form),
         set() if form in ("vpc-literal", "es-vpc") else {"RES-024"}, [])
        for code in REGION
        for form in ("vpc-literal", "es-vpc", "public", "not-made", "other")
    ]  # fmt: skip
    return subtypes + endpoints + policies
