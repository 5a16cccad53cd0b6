"""Public endpoints without a grant, continued (stop 43, issue 9, RES-024): HTTP API routes (anonymous43).

publicauth43 refused a REST method with ``authorization: NONE`` whose ``AWS`` integration reads stored data, and left
open the same endpoint on an HTTP API. An ``aws.apigatewayv2.Route`` is open by default ("authorization_type: ...
Valid values: NONE (open access), AWS_IAM, CUSTOM, JWT. Defaults to NONE", pulumi-aws ``apigatewayv2/route``); its
``target`` (``integrations/<id>``) names an ``AWS_PROXY`` integration whose ``integration_subtype`` is the AWS action
it calls ("Integration subtype reference"). Two subtypes return stored data with no code in between:
``SQS-ReceiveMessage`` ("Retrieves one or more messages (up to 10), from the specified queue") and
``AppConfig-GetConfiguration`` ("Receive information about a configuration"). Reproduced on the unchanged engine:
the offending programs below passed every front door, EU / US / JP / CN (HTTP APIs and these subtypes exist in the
China Regions: the same reference page on docs.amazonaws.cn).

- Offending (RES-024 since anonymous43 unless declared): an open route (``authorization_type`` unset) to
  ``SQS-ReceiveMessage`` of the stack's own queue, an open route to ``AppConfig-GetConfiguration`` of the stack's
  hosted configuration, and the queue read through two routes of which one is open.
- Compliant twins: the same route with ``AWS_IAM`` or an authorizer (``JWT`` with a Cognito user pool's issuer; in CN a
  ``CUSTOM`` route with the stack's Lambda ``REQUEST`` authorizer); an open route to ``SQS-SendMessage``
  (writes, returns no stored data); an open route to the stack's Lambda (``AWS_PROXY`` with no subtype: code decides
  what it returns, not judged); the open SQS read declared ``public:<integration>``.

Each builder is what a team writes from pulumi-aws v7's ``apigatewayv2.Api`` / ``Integration`` / ``Route`` /
``Authorizer`` / ``Stage``, ``sqs.Queue`` and ``appconfig`` pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN = "123456789012"
CODES = ("EU", "US", "JP", "CN")
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
HANDLER = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return {'statusCode': 200}\n")})
FORMS = (
    "anonymous-sqs-receive",
    "anonymous-appconfig",
    "mixed-sqs-receive",
    "iam-sqs-receive",
    "authorizer-sqs-receive",
    "anonymous-sqs-send",
    "anonymous-lambda-proxy",
    "anonymous-sqs-receive-declared",
)
OFFENDING = frozenset({"anonymous-sqs-receive", "anonymous-appconfig", "mixed-sqs-receive"})
DECLARED: list[dict[str, Any]] = [
    {"id": "jobs-public", "kind": "resident", "match": "public:jobs-read",
     "evidence": "public job board, no personal data"},
]  # fmt: skip


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def http_api(code: str, form: str) -> Build:
    """An HTTP API with one route ``GET /jobs`` (two for ``mixed``) to one integration, and its ``$default`` stage."""

    def build(c: Any) -> object:
        role = f"arn:{_partition(code)}:iam::{OWN}:role/apigw-jobs"
        api = aws.apigatewayv2.Api("jobs", name="jobs", protocol_type="HTTP", opts=c.aws)
        if form.endswith("lambda-proxy"):
            handler = aws.lambda_.Function(
                "jobs", role=role, runtime="python3.12", handler="index.handler", code=HANDLER, opts=c.aws
            )
            made = aws.apigatewayv2.Integration(
                "jobs-read", api_id=api.id, integration_type="AWS_PROXY", integration_uri=handler.invoke_arn,
                payload_format_version="2.0", opts=c.aws,
            )  # fmt: skip
        elif form.endswith("appconfig"):
            # docs: appconfig/application, environment, configurationprofile (location_uri "hosted").
            app = aws.appconfig.Application("jobs", name="jobs", opts=c.aws)
            env = aws.appconfig.Environment("jobs", application_id=app.id, name="production", opts=c.aws)
            profile = aws.appconfig.ConfigurationProfile(
                "jobs", application_id=app.id, name="board", location_uri="hosted", opts=c.aws
            )
            # docs: "Integration subtype reference", AppConfig-GetConfiguration (Application, Environment,
            # Configuration, ClientId required).
            made = aws.apigatewayv2.Integration(
                "jobs-read", api_id=api.id, integration_type="AWS_PROXY",
                integration_subtype="AppConfig-GetConfiguration", credentials_arn=role, payload_format_version="1.0",
                request_parameters={"Application": app.id, "Environment": env.environment_id,
                                    "Configuration": profile.configuration_profile_id, "ClientId": "board"},
                opts=c.aws,
            )  # fmt: skip
        else:
            queue = aws.sqs.Queue("jobs", name="jobs", opts=c.aws)
            send = "-send" in form
            # docs: "Integration subtype reference": SQS-ReceiveMessage (QueueUrl required), SQS-SendMessage
            # (QueueUrl, MessageBody required).
            parameters: dict[str, Any] = {"QueueUrl": queue.url}
            parameters.update({"MessageBody": "$request.body"} if send else {"MaxNumberOfMessages": "10"})
            made = aws.apigatewayv2.Integration(
                "jobs-read", api_id=api.id, integration_type="AWS_PROXY",
                integration_subtype="SQS-SendMessage" if send else "SQS-ReceiveMessage", credentials_arn=role,
                payload_format_version="1.0", request_parameters=parameters, opts=c.aws,
            )  # fmt: skip
        target = made.id.apply(lambda i: f"integrations/{i}")
        auth: dict[str, Any] = {}
        if form.startswith("iam-"):
            auth = {"authorization_type": "AWS_IAM"}
        elif form.startswith("authorizer-") and code == "CN":
            # docs: apigatewayv2/authorizer (authorizer_type REQUEST, authorizer_uri,
            # authorizer_payload_format_version): the stack's Lambda authorizer (a CUSTOM route); no Cognito user
            # pool issuer is used in the China row.
            check = aws.lambda_.Function(
                "jobs-auth", role=role, runtime="python3.12", handler="index.handler", code=HANDLER, opts=c.aws
            )
            authorizer = aws.apigatewayv2.Authorizer(
                "jobs", api_id=api.id, authorizer_type="REQUEST", name="jobs", authorizer_uri=check.invoke_arn,
                identity_sources=["$request.header.Authorization"], authorizer_payload_format_version="2.0",
                enable_simple_responses=True, opts=c.aws,
            )  # fmt: skip
            auth = {"authorization_type": "CUSTOM", "authorizer_id": authorizer.id}
        elif form.startswith("authorizer-"):
            # docs: apigatewayv2/authorizer (authorizer_type JWT, jwt_configuration): a Cognito user pool's issuer.
            region = REGIONS[code]
            pool = aws.cognito.UserPool("jobs", name="jobs", opts=c.aws)
            client = aws.cognito.UserPoolClient("jobs-app", user_pool_id=pool.id, generate_secret=False, opts=c.aws)
            authorizer = aws.apigatewayv2.Authorizer(
                "jobs", api_id=api.id, authorizer_type="JWT", name="jobs",
                identity_sources=["$request.header.Authorization"],
                jwt_configuration={"audiences": [client.id],
                                   "issuer": pool.id.apply(lambda p: f"https://cognito-idp.{region}.amazonaws.com/{p}")},
                opts=c.aws,
            )  # fmt: skip
            auth = {"authorization_type": "JWT", "authorizer_id": authorizer.id}
        if form.startswith("mixed-"):
            aws.apigatewayv2.Route(
                "jobs-read-iam", api_id=api.id, route_key="POST /jobs/read", target=target,
                authorization_type="AWS_IAM", opts=c.aws,
            )  # fmt: skip
        # The route's authorization_type is left unset for an open route: its default is NONE.
        aws.apigatewayv2.Route("jobs-read", api_id=api.id, route_key="GET /jobs", target=target, **auth, opts=c.aws)
        return aws.apigatewayv2.Stage("jobs-default", api_id=api.id, name="$default", auto_deploy=True, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"anonymous43-{code.lower()}-{form}", code, http_api(code, form),
         {"RES-024"} if form in OFFENDING else set(), DECLARED if form.endswith("-declared") else [])
        for code in CODES
        for form in FORMS
    ]  # fmt: skip
