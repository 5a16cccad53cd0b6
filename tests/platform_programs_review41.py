"""False-alarm review of stop 41's rule changes (review41): ordinary programs written the way users write them.

Stop 41 changed three readings of the one engine: ``"Principal": "*"`` limited by ``aws:PrincipalAccount`` /
``kms:CallerAccount`` / an ``aws:PrincipalArn`` now grants that account (RES-023 unless a provider pins it or it is
declared); ``sns:Endpoint`` URLs and addresses are judged as destinations; an HTTP API's OpenAPI body is joined with its
Stages. These programs check that nothing a user ordinarily writes is now refused, each in EU, US, JP and CN (aws-cn),
with the stack's provider pinned to its account (``allowed_account_ids``) as the platform's stacks do:

- **Key, bucket, secret and topic policies** (``POLICY_KINDS``), from the provider documentation's own examples: the
  KMS default key policy ("Allow access for Key Administrators", "Allow use of the key", "Allow attachment of persistent
  resources" with ``kms:GrantIsForAWSResource``); "Allow access through <service> for all principals in the account"
  (``{"AWS": "*"}`` with ``kms:CallerAccount`` and ``kms:ViaService``), written with ``json.dumps``, with the account
  from ``get_caller_identity`` through ``Output.json_dumps``, and with ``aws.iam.get_policy_document``; S3 bucket
  policies with ``aws:PrincipalAccount``, with ``aws:PrincipalArn`` role and SSO-role wildcards, with
  ``aws:PrincipalOrgID`` alone and with an organisation role in any account; a Secrets Manager policy limited to the
  account and denied unless through the VPC endpoint; two accounts, the second pinned by a second provider (the
  organisation's logging account); the SNS default topic policy (``AWS:SourceOwner``) with S3 event publishing, and a
  topic any principal of the account may subscribe to; an STS assumed-role pattern in ``aws:PrincipalArn``.
- **HTTP APIs** (``HTTP_KINDS``), from the API Gateway developer guide and the pulumi examples: a Lambda proxy
  integration in an OpenAPI body (``arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/
  invocations``, ``aws_proxy``, ``payloadFormatVersion: "2.0"``), the function ARN alone as the uri, a body in YAML, a
  stage variable naming the function's alias, ``x-amazon-apigateway-cors``, an SQS ``SendMessage`` service
  integration (``integrationSubtype``, ``requestParameters.QueueUrl``), and the Integration / Route resources with a
  ``$default`` Stage and ``auto_deploy``.
- **What the review fixed** (``PROBES`` and ``TWINS``): an OpenAPI definition's own address (``servers[].url``,
  Swagger 2.0 ``host``) was refused RES-015 as a destination (a false alarm; now ``text_fields``), its twins sending
  to a partner's host stay RES-015; an ``aws:userid`` naming an account and the account a restricting Deny lets
  through (``StringNotEquals aws:PrincipalAccount``) passed for any account (leaks; now RES-023 unless pinned).
- **Offending twins** where a change opened a form: the account a condition names is a partner's (RES-023, except in
  CN, where an aws-cn account is China's by partition), an organisation role limited by ``aws:PrincipalArn`` with any
  account and no organisation (RES-024: public), a Lambda function in another Region behind the HTTP API (RES-004).

tests/test_realistic_programs.py runs them as CASES (``review41-*``); docs/residency.md, "False-alarm review of stop
41's changes (stop 41)".
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Any
OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
LOGGING = "210987654321"
"""The organisation's central logging account, pinned by a second provider of the stack."""
PARTNER = "444455556666"
"""An analytics partner's account, which no provider of the stack is pinned to."""
REGIONS = {"EU": "eu-central-1", "JP": "ap-northeast-1", "US": "us-west-2", "CN": "cn-north-1"}
ABROAD = {"EU": "us-east-1", "JP": "us-east-1", "US": "eu-west-1", "CN": "ap-southeast-1"}
PARTITION = {"EU": "aws", "JP": "aws", "US": "aws", "CN": "aws-cn"}
SUFFIX = {"EU": "amazonaws.com", "JP": "amazonaws.com", "US": "amazonaws.com", "CN": "amazonaws.com.cn"}
ORG = "o-a1b2c3d4e5"
PARTNER_URI = "https://orders.partner.example.com/orders"
CODES = tuple(REGIONS)

POLICY_KINDS = (
    "key-default-policy",
    "key-via-service",
    "key-via-service-caller-identity",
    "key-get-policy-document",
    "bucket-principal-account",
    "bucket-principal-arn-roles",
    "bucket-org-id",
    "bucket-org-role-any-account",
    "secret-account-and-vpce",
    "secret-two-pinned-accounts",
    "topic-default-policy",
    "topic-account-subscribe",
    "key-assumed-role-arn",
)
HTTP_KINDS = (
    "http-lambda-proxy-body",
    "http-lambda-arn-body",
    "http-lambda-yaml-body",
    "http-lambda-alias-stage-variable",
    "http-cors-body",
    "http-sqs-body",
    "http-lambda-integration",
)
PROBES = (
    "http-tls-server-name-body",
    "http-tls-server-name-integration",
    "http-servers-body",
    "rest-swagger-host-body",
    "rest-servers-body",
    "http-url-stage-variable",
    "http-function-name-stage-variable",
    "http-request-authorizer-body",
    "http-jwt-authorizer-body",
    "topic-http-api-endpoint",
    "topic-function-url",
    "vpce-perimeter-policy",
    "vpce-default-policy",
    "bucket-principal-arn-role-output",
    "secret-userid-federated",
    "secret-deny-other-accounts",
)
TWINS = (
    "key-via-service-partner",
    "topic-account-subscribe-partner",
    "bucket-principal-arn-roles-partner",
    "bucket-any-account-role-no-org",
    "http-lambda-proxy-body-foreign",
    "http-servers-body-partner-uri",
    "rest-swagger-host-body-partner-uri",
    "secret-userid-federated-partner",
    "secret-userid-root-partner",
    "secret-deny-other-accounts-partner",
)


def expected(code: str, kind: str) -> set[str]:
    """The rule ids a program is refused with (empty: compliant)."""
    if kind.endswith("-partner"):
        return set() if code == "CN" else {"RES-023"}  # an aws-cn account is China's by partition
    if kind == "bucket-any-account-role-no-org":
        return {"RES-024"}
    if kind == "http-lambda-proxy-body-foreign":
        return {"RES-004"}
    if kind.endswith("-partner-uri"):
        return {"RES-015"}  # the definition's own address passes; a partner's host where it sends does not
    return set()


def jurisdictions(index: int, kind: str) -> tuple[str, ...]:
    """Each program in two stacks, to keep the table small: CN (aws-cn) and one of EU / US / JP in turn. Every shape
    was run in all four while the review was made (docs/residency.md); China's function URL host is not confirmed
    (residency-open.md), so that program runs in EU and US."""
    other = ("EU", "US", "JP")[index % 3]
    return ("EU", "US") if kind == "topic-function-url" else ("CN", other)


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"review41-{code.lower()}-{kind}", code, program(code, kind), expected(code, kind), [])
        for index, kind in enumerate((*POLICY_KINDS, *HTTP_KINDS, *PROBES, *TWINS))
        for code in jurisdictions(index, kind)
    ]


def _opts(region: str) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=[OWN]))


def _doc(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def _allow_all(sid: str, action: Any, resource: Any, condition: dict[str, Any]) -> dict[str, Any]:
    return {"Sid": sid, "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": action, "Resource": resource,
            "Condition": condition}  # fmt: skip


CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return {'statusCode': 200}\n")})
LAMBDA_ROLE = json.dumps(_doc({"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                               "Action": "sts:AssumeRole"}))  # fmt: skip


def program(code: str, kind: str) -> Build:  # noqa: C901 - one builder per documented example, kept together
    region, p, suffix = REGIONS[code], PARTITION[code], SUFFIX[code]
    account = PARTNER if kind.endswith("-partner") else OWN

    def key(opts: pulumi.ResourceOptions, policy: Any) -> aws.kms.Key:
        return aws.kms.Key("reports", description="fleet reports", enable_key_rotation=True, policy=policy, opts=opts)

    def root() -> dict[str, Any]:
        # docs: KMS "Default key policy": "Allows access to the AWS account and enables IAM policies".
        return {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
                "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"}, "Action": "kms:*", "Resource": "*"}  # fmt: skip

    def via(service: str, who: Any) -> dict[str, Any]:
        # docs: KMS "kms:ViaService" / "kms:CallerAccount": the AWS managed key's policy shape, "Allow access through
        # <service> for all principals in the account that are authorized to use <service>".
        return _allow_all(
            f"Allow access through {service}", ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                                "kms:CreateGrant", "kms:DescribeKey"], "*",
            {"StringEquals": {"kms:CallerAccount": who, "kms:ViaService": f"{service}.{region}.{suffix}"}},
        )  # fmt: skip

    def bucket_policy(opts: pulumi.ResourceOptions, statements: Any) -> aws.s3.BucketPolicy:
        # docs: s3/bucketpolicy; the policy names the stack's bucket by its ARN output, built with Output.json_dumps.
        bucket = aws.s3.Bucket("reports", opts=opts)
        document = pulumi.Output.json_dumps(_doc(*statements(bucket.arn)))
        return aws.s3.BucketPolicy("reports", bucket=bucket.id, policy=document, opts=opts)

    def read(arn: Any, condition: dict[str, Any], sid: str = "ReadReports") -> dict[str, Any]:
        return {"Sid": sid, "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": [arn, pulumi.Output.concat(arn, "/*")], "Condition": condition}  # fmt: skip

    def function(opts: pulumi.ResourceOptions, name: str = "orders") -> aws.lambda_.Function:
        role = aws.iam.Role(f"{name}-fn", assume_role_policy=LAMBDA_ROLE, opts=opts)
        return aws.lambda_.Function(name, role=role.arn, runtime="python3.12", handler="index.handler", code=CODE,
                                    opts=opts)  # fmt: skip

    def http_api(opts: pulumi.ResourceOptions, body: Any, stages: dict[str, dict[str, Any]] | None = None) -> Any:
        # docs: apigatewayv2/api `body`; apigatewayv2/stage `auto_deploy`, `stage_variables`.
        api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", body=body, opts=opts)
        for name, variables in (stages or {"$default": {}}).items():
            aws.apigatewayv2.Stage(f"orders-{name.strip('$')}", api_id=api.id, name=name, auto_deploy=True,
                                   stage_variables=variables or None, opts=opts)  # fmt: skip
        return api

    def openapi(integration: dict[str, Any], **extra: Any) -> dict[str, Any]:
        # docs: API Gateway "Working with API Gateway extensions to OpenAPI" (HTTP APIs: OpenAPI 3.0, the integration
        # on the operation, `x-amazon-apigateway-integration`).
        return {"openapi": "3.0.1", "info": {"title": "orders", "version": "2026-12-04"},
                "paths": {"/orders": {"post": {"responses": {"default": {"description": "Default response"}},
                                               "x-amazon-apigateway-integration": integration}}}, **extra}  # fmt: skip

    def lambda_uri(fn_arn: str, where: str = region) -> str:
        # docs: API Gateway "x-amazon-apigateway-integration object": a Lambda proxy integration's uri
        # `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations`.
        return f"arn:{p}:apigateway:{where}:lambda:path/2015-03-31/functions/{fn_arn}/invocations"

    def proxy(uri: Any) -> dict[str, Any]:
        # docs: "Create AWS Lambda proxy integrations for HTTP APIs" (payloadFormatVersion 1.0 or 2.0).
        return {"type": "aws_proxy", "httpMethod": "POST", "uri": uri, "payloadFormatVersion": "2.0"}

    def build(c: Any) -> object:  # noqa: C901 - one branch per example
        opts = _opts(region)
        body: Any
        document: Any
        url: Any
        integration: Any
        statement: Any
        invoke = pulumi.InvokeOptions(provider=opts.provider)
        if kind == "key-default-policy":
            # docs: KMS "Default key policy" with key administrators and key users (the console's policy).
            admins = {"Sid": "Allow access for Key Administrators", "Effect": "Allow",
                      "Principal": {"AWS": f"arn:{p}:iam::{OWN}:role/KeyAdmin"},
                      "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                                 "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                                 "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                                 "kms:CancelKeyDeletion"], "Resource": "*"}  # fmt: skip
            users = {"Sid": "Allow use of the key", "Effect": "Allow",
                     "Principal": {"AWS": [f"arn:{p}:iam::{OWN}:role/reports-writer"]},
                     "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                "kms:DescribeKey"], "Resource": "*"}  # fmt: skip
            grants = {"Sid": "Allow attachment of persistent resources", "Effect": "Allow",
                      "Principal": {"AWS": [f"arn:{p}:iam::{OWN}:role/reports-writer"]},
                      "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], "Resource": "*",
                      "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}}  # fmt: skip
            return key(opts, json.dumps(_doc(root(), admins, users, grants)))
        if kind in ("key-via-service", "key-via-service-partner"):
            return key(opts, json.dumps(_doc(root(), via("ec2", account))))
        if kind == "key-via-service-caller-identity":
            ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
            return key(opts, pulumi.Output.json_dumps(_doc(root(), via("secretsmanager", ident.account_id))))
        if kind == "key-get-policy-document":
            # docs: iam/getpolicydocument (principals type "AWS" identifiers ["*"]; conditions test, variable, values).
            document = aws.iam.get_policy_document(statements=[
                {"sid": "Enable IAM User Permissions", "actions": ["kms:*"], "resources": ["*"],
                 "principals": [{"type": "AWS", "identifiers": [f"arn:{p}:iam::{OWN}:root"]}]},
                {"sid": "Allow access through RDS", "actions": ["kms:Decrypt", "kms:GenerateDataKey*",
                                                                "kms:CreateGrant", "kms:DescribeKey"],
                 "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}],
                 "conditions": [{"test": "StringEquals", "variable": "kms:CallerAccount", "values": [OWN]},
                                {"test": "StringEquals", "variable": "kms:ViaService",
                                 "values": [f"rds.{region}.{suffix}"]}]},
            ], opts=invoke)  # fmt: skip
            return key(opts, document.json)
        if kind == "key-assumed-role-arn":
            # docs: IAM "aws:PrincipalArn" (an assumed-role session's ARN is its role's ARN; SSO roles by wildcard).
            use = _allow_all("Allow use by the platform's SSO admins", ["kms:Decrypt", "kms:DescribeKey"], "*",
                             {"ArnLike": {"aws:PrincipalArn": [
                                 f"arn:{p}:iam::{OWN}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Admin_*",
                                 f"arn:{p}:sts::{OWN}:assumed-role/reports-reader/*"]}})  # fmt: skip
            return key(opts, json.dumps(_doc(root(), use)))
        if kind == "bucket-principal-account":
            # docs: S3 "Bucket policy examples" / IAM "aws:PrincipalAccount"; plus the usual TLS-only Deny.
            return bucket_policy(opts, lambda arn: [
                read(arn, {"StringEquals": {"aws:PrincipalAccount": OWN}}),
                {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "Resource": [arn, pulumi.Output.concat(arn, "/*")],
                 "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            ])  # fmt: skip
        if kind in ("bucket-principal-arn-roles", "bucket-principal-arn-roles-partner"):
            return bucket_policy(
                opts,
                lambda arn: [
                    read(
                        arn,
                        {
                            "ArnLike": {
                                "aws:PrincipalArn": [
                                    f"arn:{p}:iam::{account}:role/data-*",
                                    f"arn:{p}:iam::{account}:role/service-role/reports-*",
                                ]
                            }
                        },
                    )
                ],
            )
        if kind == "bucket-principal-arn-role-output":
            # The stack's own role by its ARN output (IAM "aws:PrincipalArn": the role's ARN for its sessions).
            reader = aws.iam.Role("reports-reader", assume_role_policy=LAMBDA_ROLE, opts=opts)
            return bucket_policy(opts, lambda arn: [read(arn, {"ArnEquals": {"aws:PrincipalArn": reader.arn}})])
        if kind == "bucket-org-id":
            # docs: IAM "aws:PrincipalOrgID" ("Use this key to compare the identifier of the organization in AWS
            # Organizations to which the requesting principal belongs").
            return bucket_policy(opts, lambda arn: [read(arn, {"StringEquals": {"aws:PrincipalOrgID": ORG}})])
        if kind == "bucket-org-role-any-account":
            return bucket_policy(
                opts,
                lambda arn: [
                    read(
                        arn,
                        {
                            "StringEquals": {"aws:PrincipalOrgID": ORG},
                            "ArnLike": {"aws:PrincipalArn": f"arn:{p}:iam::*:role/OrgAuditor"},
                        },
                    )
                ],
            )
        if kind == "bucket-any-account-role-no-org":
            # Every account's role of that name: anyone can make one (RES-024, the statement stays public).
            return bucket_policy(
                opts, lambda arn: [read(arn, {"ArnLike": {"aws:PrincipalArn": f"arn:{p}:iam::*:role/OrgAuditor"}})]
            )
        if kind in ("secret-account-and-vpce", "secret-two-pinned-accounts"):
            # docs: secretsmanager/secretpolicy; Secrets Manager "Permissions policy examples" (aws:PrincipalAccount;
            # "Deny access unless through a VPC endpoint", aws:SourceVpce).
            accounts: Any = OWN
            if kind == "secret-two-pinned-accounts":
                logging = aws.Provider("aws-logging", region=region, allowed_account_ids=[LOGGING])
                aws.s3.Bucket("central-logs", opts=pulumi.ResourceOptions(provider=logging))
                accounts = [OWN, LOGGING]
            secret = aws.secretsmanager.Secret("reports-db", opts=opts)
            statements = [_allow_all("ReadInAccount", "secretsmanager:GetSecretValue", "*",
                                     {"StringEquals": {"aws:PrincipalAccount": accounts}})]  # fmt: skip
            if kind == "secret-account-and-vpce":
                statements.append(
                    {
                        "Sid": "OnlyThroughEndpoint",
                        "Effect": "Deny",
                        "Principal": "*",
                        "Action": "secretsmanager:GetSecretValue",
                        "Resource": "*",
                        "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60718"}},
                    }
                )
            return aws.secretsmanager.SecretPolicy("reports-db", secret_arn=secret.arn,
                                                   policy=json.dumps(_doc(*statements)), opts=opts)  # fmt: skip
        if kind.startswith("secret-deny-other-accounts"):
            # docs: Secrets Manager "Permissions policy examples"; IAM "policy evaluation logic" (an explicit deny
            # overrides the allow): everyone allowed, every caller outside one account denied.
            secret = aws.secretsmanager.Secret("reports-db", opts=opts)
            document = _doc(
                {"Sid": "Read", "Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue",
                 "Resource": "*"},
                {"Sid": "DenyOtherAccounts", "Effect": "Deny", "Principal": "*", "Action": "secretsmanager:*",
                 "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalAccount": account}}},
            )  # fmt: skip
            return aws.secretsmanager.SecretPolicy("reports-db", secret_arn=secret.arn, policy=json.dumps(document),
                                                   opts=opts)  # fmt: skip
        if kind.startswith("secret-userid-"):
            # docs: IAM "aws:userid" (the requester's principal identifier: the account id for the root user,
            # `<account>:<caller-specified name>` for a federated user). Passed for any account before review41.
            userid = account if kind.startswith("secret-userid-root") else f"{account}:reports-ci"
            secret = aws.secretsmanager.Secret("reports-db", opts=opts)
            statement = _allow_all("ReadForCi", "secretsmanager:GetSecretValue", "*",
                                   {"StringEquals": {"aws:userid": userid}})  # fmt: skip
            return aws.secretsmanager.SecretPolicy("reports-db", secret_arn=secret.arn,
                                                   policy=json.dumps(_doc(statement)), opts=opts)  # fmt: skip
        if kind == "topic-default-policy":
            # docs: SNS "Example cases for Amazon SNS access control" / the topic's default policy
            # (`__default_statement_ID`, AWS:SourceOwner) and "Configuring event notifications" (S3 publishing with
            # aws:SourceArn and aws:SourceAccount).
            topic = aws.sns.Topic("object-events", opts=opts)
            bucket = aws.s3.Bucket("uploads", opts=opts)
            document = pulumi.Output.json_dumps(_doc(
                {"Sid": "__default_statement_ID", "Effect": "Allow", "Principal": {"AWS": "*"},
                 "Action": ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission",
                            "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic",
                            "SNS:Publish"], "Resource": topic.arn,
                 "Condition": {"StringEquals": {"AWS:SourceOwner": OWN}}},
                {"Sid": "S3Publish", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                 "Action": "SNS:Publish", "Resource": topic.arn,
                 "Condition": {"ArnLike": {"aws:SourceArn": bucket.arn},
                               "StringEquals": {"aws:SourceAccount": OWN}}},
            ))  # fmt: skip
            return aws.sns.TopicPolicy("object-events", arn=topic.arn, policy=document, opts=opts)
        if kind in ("topic-account-subscribe", "topic-account-subscribe-partner"):
            topic = aws.sns.Topic("fleet-events", opts=opts)
            document = pulumi.Output.json_dumps(_doc(_allow_all(
                "SubscribeInAccount", ["SNS:Subscribe", "SNS:Receive"], topic.arn,
                {"StringEquals": {"aws:PrincipalAccount": account}})))  # fmt: skip
            return aws.sns.TopicPolicy("fleet-events", arn=topic.arn, policy=document, opts=opts)
        # -- HTTP APIs
        if kind in ("http-lambda-proxy-body", "http-lambda-proxy-body-foreign"):
            if kind.endswith("-foreign"):
                where = ABROAD[code]
                fn_arn: Any = f"arn:{'aws' if code == 'CN' else p}:lambda:{where}:{OWN}:function:orders"
                body = json.dumps(openapi(proxy(lambda_uri(fn_arn, where).replace("arn:aws-cn:", "arn:aws:"))))
            else:
                fn = function(opts)
                body = pulumi.Output.json_dumps(openapi(proxy(fn.arn.apply(lambda_uri))))
            api = http_api(opts, body)
            if not kind.endswith("-foreign"):
                # docs: lambda/permission (principal apigateway.amazonaws.com, source_arn the API's execution ARN).
                aws.lambda_.Permission("orders-api", action="lambda:InvokeFunction", function=fn.name,
                                       principal="apigateway.amazonaws.com",
                                       source_arn=api.execution_arn.apply(lambda a: f"{a}/*/*"), opts=opts)  # fmt: skip
            return api
        if kind == "http-lambda-arn-body":
            fn = function(opts)  # an HTTP API's Lambda integration uri may be the function's ARN itself
            return http_api(opts, pulumi.Output.json_dumps(openapi(proxy(fn.arn))))
        if kind == "http-lambda-yaml-body":
            fn = function(opts)
            body = fn.arn.apply(lambda arn: (
                'openapi: "3.0.1"\ninfo:\n  title: orders\n  version: "2026-12-04"\npaths:\n  /orders:\n    post:\n'
                "      responses:\n        default:\n          description: Default response\n"
                "      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n"
                f"        uri: {lambda_uri(arn)}\n        payloadFormatVersion: \"2.0\"\n"))  # fmt: skip
            return http_api(opts, body)
        if kind == "http-lambda-alias-stage-variable":
            # docs: "Use stage variables for HTTP APIs" (a Lambda function alias named by a stage variable).
            fn = function(opts)
            aws.lambda_.Alias("live", name="live", function_name=fn.name, function_version="1", opts=opts)
            body = pulumi.Output.json_dumps(
                openapi(proxy(fn.arn.apply(lambda arn: lambda_uri(f"{arn}:${{stageVariables.alias}}"))))
            )
            return http_api(opts, body, {"$default": {"alias": "live"}, "test": {"alias": "test"}})
        if kind == "http-cors-body":
            # docs: "x-amazon-apigateway-cors object" (allowOrigins: the web origins a browser may call the API from).
            fn = function(opts)
            cors = {"allowOrigins": ["https://portal.fleet.example.com"], "allowMethods": ["GET", "POST"],
                    "allowHeaders": ["authorization", "content-type"], "maxAge": 3600}  # fmt: skip
            body = pulumi.Output.json_dumps(openapi(proxy(fn.arn.apply(lambda_uri)),
                                                    **{"x-amazon-apigateway-cors": cors}))  # fmt: skip
            return http_api(opts, body)
        if kind == "http-sqs-body":
            # docs: "Working with AWS service integrations for HTTP APIs" (SQS-SendMessage: QueueUrl, MessageBody) and
            # "x-amazon-apigateway-integration object" (integrationSubtype, credentials, requestParameters).
            queue = aws.sqs.Queue("orders", opts=opts)
            role = aws.iam.Role("orders-api", assume_role_policy=LAMBDA_ROLE.replace("lambda", "apigateway"),
                                opts=opts)  # fmt: skip
            integration = {"type": "aws_proxy", "integrationSubtype": "SQS-SendMessage", "credentials": role.arn,
                           "requestParameters": {"QueueUrl": queue.url, "MessageBody": "$request.body"},
                           "payloadFormatVersion": "1.0"}  # fmt: skip
            return http_api(opts, pulumi.Output.json_dumps(openapi(integration)))
        if kind in ("http-tls-server-name-body", "http-tls-server-name-integration"):
            # docs: "x-amazon-apigateway-integration.tlsConfig object" (serverNameToVerify: "API Gateway uses it to
            # verify the hostname on the integration's certificate. The server name is also included in the TLS
            # handshake to support Server Name Indication (SNI)"); apigatewayv2/integration `tls_config`.
            link = aws.apigatewayv2.VpcLink("orders", name="orders", subnet_ids=["subnet-1", "subnet-2"],
                                            security_group_ids=["sg-1"], opts=opts)  # fmt: skip
            nlb = aws.lb.LoadBalancer("orders", load_balancer_type="network", internal=True,
                                      subnets=["subnet-1", "subnet-2"], opts=opts)  # fmt: skip
            group = aws.lb.TargetGroup("orders", port=8443, protocol="TLS", vpc_id="vpc-1", opts=opts)
            listener = aws.lb.Listener("orders", load_balancer_arn=nlb.arn, port=443, protocol="TCP",
                                       default_actions=[{"type": "forward", "target_group_arn": group.arn}],
                                       opts=opts)  # fmt: skip
            if kind == "http-tls-server-name-body":
                integration = {"type": "http_proxy", "httpMethod": "ANY", "uri": listener.arn,
                               "connectionType": "VPC_LINK", "connectionId": link.id, "payloadFormatVersion": "1.0",
                               "tlsConfig": {"serverNameToVerify": "orders.fleet.example.com"}}  # fmt: skip
                return http_api(opts, pulumi.Output.json_dumps(openapi(integration)))
            api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", opts=opts)
            aws.apigatewayv2.Integration("orders", api_id=api.id, integration_type="HTTP_PROXY",
                                         integration_method="ANY", integration_uri=listener.arn,
                                         connection_type="VPC_LINK", connection_id=link.id,
                                         tls_config={"server_name_to_verify": "orders.fleet.example.com"},
                                         opts=opts)  # fmt: skip
            aws.apigatewayv2.Stage("orders-default", api_id=api.id, name="$default", auto_deploy=True, opts=opts)
            return api
        if kind in ("http-servers-body", "http-servers-body-partner-uri"):
            # docs: "Import an HTTP API" / OpenAPI 3 `servers` (the API's own URL: here its custom domain).
            fn = function(opts)
            sends: Any = fn.arn.apply(lambda_uri)
            if kind.endswith("-partner-uri"):
                sends = {"type": "http_proxy", "httpMethod": "POST", "uri": PARTNER_URI, "payloadFormatVersion": "1.0"}
            servers = [{"url": "https://api.fleet.example.com/{basePath}",
                        "variables": {"basePath": {"default": "v1"}}}]  # fmt: skip
            cors = {"allowOrigins": ["*"], "allowMethods": ["*"], "allowHeaders": ["*"]}
            body = pulumi.Output.json_dumps(openapi(sends if isinstance(sends, dict) else proxy(sends), servers=servers,
                                                    **{"x-amazon-apigateway-cors": cors}))  # fmt: skip
            return http_api(opts, body)
        if kind in ("rest-swagger-host-body", "rest-servers-body", "rest-swagger-host-body-partner-uri"):
            # docs: apigateway/restapi `body`; API Gateway "Set the OpenAPI basePath property" (OpenAPI 2.0 `host` /
            # `basePath`; OpenAPI 3.0: "the Import API feature checks the server.url string" for the base path only).
            fn = function(opts)
            target: dict[str, Any] = {"type": "aws_proxy", "httpMethod": "POST", "uri": fn.arn.apply(lambda_uri)}
            if kind.endswith("-partner-uri"):
                target = {"type": "http_proxy", "httpMethod": "POST", "uri": PARTNER_URI}
            operation = {"x-amazon-apigateway-integration": target, "responses": {"200": {"description": "OK"}}}
            if kind.startswith("rest-swagger-host-body"):
                document = {"swagger": "2.0", "info": {"title": "orders", "version": "2026-12-04"},
                                 "host": "api.fleet.example.com", "basePath": "/v1", "schemes": ["https"],
                                 "paths": {"/orders": {"post": operation}}}  # fmt: skip
            else:
                document = {"openapi": "3.0.1", "info": {"title": "orders", "version": "2026-12-04"},
                            "servers": [{"url": "https://api.fleet.example.com/{basePath}",
                                         "variables": {"basePath": {"default": "/v1"}}}],
                            "paths": {"/orders": {"post": operation}}}  # fmt: skip
            return aws.apigateway.RestApi("orders", name="orders", body=pulumi.Output.json_dumps(document),
                                          endpoint_configuration={"types": "REGIONAL"}, opts=opts)  # fmt: skip
        if kind == "http-url-stage-variable":
            # docs: "Use stage variables for HTTP APIs" ("http://${stageVariables.url}", the variable a host and path).
            alb = aws.lb.LoadBalancer("orders", load_balancer_type="application", internal=True,
                                      subnets=["subnet-1", "subnet-2"], opts=opts)  # fmt: skip
            integration = {"type": "http_proxy", "httpMethod": "ANY", "uri": "http://${stageVariables.url}",
                           "payloadFormatVersion": "1.0"}  # fmt: skip
            return http_api(
                opts,
                json.dumps(openapi(integration)),
                {"$default": {"url": alb.dns_name.apply(lambda d: f"{d}/orders")}},
            )
        if kind == "http-function-name-stage-variable":
            fn = function(opts)
            fn_arn = f"arn:{p}:lambda:{region}:{OWN}:function:${{stageVariables.function}}"
            return http_api(opts, json.dumps(openapi(proxy(lambda_uri(fn_arn)))), {"$default": {"function": fn.name}})
        if kind == "http-request-authorizer-body":
            # docs: "x-amazon-apigateway-authorizer object" (HTTP APIs: type request, authorizerUri,
            # authorizerPayloadFormatVersion, identitySource).
            fn, auth = function(opts), function(opts, "authorizer")
            body = pulumi.Output.all(fn.arn, auth.arn).apply(lambda arns: json.dumps({
                **openapi(proxy(lambda_uri(arns[0]))),
                "components": {"securitySchemes": {"fleet-auth": {
                    "type": "apiKey", "name": "Authorization", "in": "header",
                    "x-amazon-apigateway-authorizer": {
                        "type": "request", "identitySource": "$request.header.Authorization",
                        "authorizerUri": lambda_uri(arns[1]), "authorizerPayloadFormatVersion": "2.0",
                        "authorizerResultTtlInSeconds": 300, "enableSimpleResponses": True}}}},
            }))  # fmt: skip
            return http_api(opts, body)
        if kind == "http-jwt-authorizer-body":
            # docs: "x-amazon-apigateway-authorizer object" (type jwt, jwtConfiguration issuer / audience; a Cognito
            # user pool's issuer https://cognito-idp.<region>.amazonaws.com/<pool id>).
            fn = function(opts)
            pool = aws.cognito.UserPool("owners", name="owners", opts=opts)
            client = aws.cognito.UserPoolClient("portal", user_pool_id=pool.id, opts=opts)
            body = pulumi.Output.all(fn.arn, pool.endpoint, client.id).apply(lambda v: json.dumps({
                **openapi(proxy(lambda_uri(v[0]))),
                "components": {"securitySchemes": {"owners": {
                    "type": "oauth2", "flows": {},
                    "x-amazon-apigateway-authorizer": {
                        "type": "jwt", "identitySource": "$request.header.Authorization",
                        "jwtConfiguration": {"issuer": f"https://{v[1]}", "audience": [v[2]]}}}}},
            }))  # fmt: skip
            return http_api(opts, body)
        if kind in ("topic-http-api-endpoint", "topic-function-url"):
            # docs: SNS "API permissions" (sns:Endpoint: the URL of a Subscribe request); lambda/functionurl.
            topic = aws.sns.Topic("fleet-events", opts=opts)
            if kind == "topic-function-url":
                # The URL as the console shows it after the first deployment (the mocks give FunctionUrl no
                # `function_url` output): https://<url id>.lambda-url.<region>.on.aws/ (Lambda "Function URLs").
                fn = function(opts, "hooks")
                aws.lambda_.FunctionUrl("hooks", function_name=fn.name, authorization_type="AWS_IAM", opts=opts)
                url = f"https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.{region}.on.aws/"
            else:
                api = aws.apigatewayv2.Api("hooks", name="hooks", protocol_type="HTTP", opts=opts)
                aws.apigatewayv2.Stage("hooks-default", api_id=api.id, name="$default", auto_deploy=True, opts=opts)
                url = api.api_endpoint.apply(lambda e: f"{e}/sns")
            document = pulumi.Output.json_dumps(
                _doc(
                    {
                        "Sid": "SubscribeOwnHooks",
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "SNS:Subscribe",
                        "Resource": topic.arn,
                        "Condition": {"StringEquals": {"sns:Protocol": "https", "sns:Endpoint": url}},
                    }
                )
            )
            return aws.sns.TopicPolicy("fleet-events", arn=topic.arn, policy=document, opts=opts)
        if kind in ("vpce-perimeter-policy", "vpce-default-policy"):
            # docs: ec2/vpcendpoint `policy`; VPC "Control access to VPC endpoints using endpoint policies" (the
            # default policy: full access to everyone through the endpoint; a data-perimeter policy limiting it to the
            # account's principals and resources, aws:PrincipalAccount / aws:ResourceAccount).
            statement = {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}
            if kind == "vpce-perimeter-policy":
                statement |= {"Sid": "OwnAccountOnly", "Condition": {"StringEquals": {
                    "aws:PrincipalAccount": OWN, "aws:ResourceAccount": OWN}}}  # fmt: skip
            return aws.ec2.VpcEndpoint("s3", vpc_id="vpc-1", service_name=f"com.amazonaws.{region}.s3",
                                       vpc_endpoint_type="Gateway", route_table_ids=["rtb-1"],
                                       policy=json.dumps(_doc(statement)), opts=opts)  # fmt: skip
        # http-lambda-integration: docs: apigatewayv2/integration (AWS_PROXY, integration_uri the function's
        # invoke_arn), apigatewayv2/route, apigatewayv2/stage ($default, auto_deploy).
        fn = function(opts)
        api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", opts=opts)
        integration = aws.apigatewayv2.Integration("orders", api_id=api.id, integration_type="AWS_PROXY",
                                                   integration_uri=fn.invoke_arn, integration_method="POST",
                                                   payload_format_version="2.0", opts=opts)  # fmt: skip
        aws.apigatewayv2.Route("orders", api_id=api.id, route_key="POST /orders",
                               target=integration.id.apply(lambda i: f"integrations/{i}"), opts=opts)  # fmt: skip
        aws.apigatewayv2.Stage("orders-default", api_id=api.id, name="$default", auto_deploy=True, opts=opts)
        return api

    return build
