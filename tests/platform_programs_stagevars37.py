"""Programs of the stage-variables join (stop 37): an API Gateway REST integration whose S3 bucket is a stage variable
(``${stageVariables.bucket}`` in the uri, or a path placeholder mapped to ``stageVariables.bucket``), joined to every
Stage of its RestApi the program makes.

The integration's bucket is proven when at least one Stage of the same API is in the program and every one sets the
variable; each Stage's value is then judged as a bucket (RES-017 at the Stage: the stack's own bucket, or declared). An
API with no Stage in the program, a Stage that leaves the variable unset, or only a Stage of another API: refused at the
Integration as before. tests/test_realistic_programs.py runs them as CASES (``stagevars37-*``); docs/residency.md,
"Left open by the stage-variables join (stop 37)".
"""

from __future__ import annotations

from typing import Any, Literal

import pulumi
import pulumi_aws as aws

Build = Any
OWN = "123456789012"
REGIONS = {"EU": "eu-central-1", "JP": "ap-northeast-1", "US": "us-west-2", "CN": "cn-north-1"}
PARTNER_BUCKET = "partner-diag-uploads"

Shape = Literal[
    "own",  # one Stage, the stack's bucket (and a Lambda alias variable no integration reads as a bucket)
    "partner",  # one Stage naming a partner's bucket: RES-017 at the Stage
    "two-own",  # prod and test Stages, each naming a bucket the stack makes
    "own-and-unset",  # prod names the stack's bucket, test sets no `bucket`: RES-017 at the Integration
    "other-api-stage",  # no Stage of this API; another API's Stage sets `bucket`: RES-017 at the Integration
    "mapped-own",  # `s3:path/{bucket}/{key}` with integration.request.path.bucket = stageVariables.bucket
    "mapped-partner",
    "camel-own",  # `${stageVariables.uploadBucket}`, the Stage's `uploadBucket`
    "stage-first-partner",  # the Stage constructed before the Integration (the guard waits for construction)
    "stage-first-own",
    "table-named",  # the Stage's value is a DynamoDB table's name, equal to a partner's bucket: another kind's name
    # proves no bucket (RES-017 at the Stage; the join's predicate kept the bucket answer only since the final review)
    "output-partner",  # a partner's bucket given as an Output, beside a bucket the provider names: RES-017 at the Stage
]


SHAPES: tuple[Shape, ...] = (
    "own", "partner", "two-own", "own-and-unset", "other-api-stage", "mapped-own", "mapped-partner", "camel-own",
    "stage-first-partner", "stage-first-own", "table-named", "output-partner",
)  # fmt: skip


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def apigw_stage_bucket(code: str, shape: Shape) -> Build:
    # docs: aws apigateway/integration (type AWS, uri "arn:aws:apigateway:<region>:s3:path/${stageVariables.bucket}/
    # {key}"; `request_parameters` "integration.request.path.bucket" = "stageVariables.bucket"), apigateway/deployment,
    # apigateway/stage (`variables`: "Map that defines the stage variables"); API Gateway "Use stage variables for a
    # REST API" and "Tutorial: Create a REST API as an Amazon S3 proxy". The diagnostics upload API of the EV platform:
    # each Stage writes to its own bucket.
    region = REGIONS[code]
    variable = "uploadBucket" if shape == "camel-own" else "bucket"

    def build(c: Any) -> object:
        opts = pulumi.ResourceOptions(
            provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=[OWN])
        )  # fmt: skip
        prod = aws.s3.BucketV2("diag-uploads", bucket="fleet-diag-uploads", opts=opts)
        test = aws.s3.BucketV2("diag-uploads-test", bucket="fleet-diag-uploads-test", opts=opts)
        api = aws.apigateway.RestApi("uploads", name="uploads", endpoint_configuration={"types": "REGIONAL"},
                                     opts=opts)  # fmt: skip

        def stage(name: str, deployment: aws.apigateway.Deployment, on: aws.apigateway.RestApi,
                  variables: dict[str, Any]) -> aws.apigateway.Stage:  # fmt: skip
            return aws.apigateway.Stage(f"{on._name}-{name}", rest_api=on.id, deployment=deployment.id,
                                        stage_name=name, variables=variables, opts=opts)  # fmt: skip

        early: aws.apigateway.Deployment | None = None
        if shape.startswith("stage-first"):
            # A Stage of an earlier Deployment, constructed before the Integration (nothing orders them).
            early = aws.apigateway.Deployment("uploads-v1", rest_api=api.id, opts=opts)
            named = PARTNER_BUCKET if shape.endswith("partner") else prod.bucket
            stage("prod", early, api, {"bucket": named})
        resource = aws.apigateway.Resource("object", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="{key}", opts=opts)  # fmt: skip
        method = aws.apigateway.Method("put-object-method", rest_api=api.id, resource_id=resource.id,
                                       http_method="PUT", authorization="AWS_IAM",
                                       request_parameters={"method.request.path.key": True}, opts=opts)  # fmt: skip
        mapped = shape.startswith("mapped")
        bucket_part = "{bucket}" if mapped else f"${{stageVariables.{variable}}}"
        parameters = {"integration.request.path.key": "method.request.path.key"}
        if mapped:
            parameters["integration.request.path.bucket"] = "stageVariables.bucket"
        integration = aws.apigateway.Integration(
            "put-object", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="PUT", type="AWS",
            uri=f"arn:{_part(code)}:apigateway:{region}:s3:path/{bucket_part}/{{key}}",
            credentials=f"arn:{_part(code)}:iam::{OWN}:role/apigw-uploads",
            request_parameters=parameters, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "uploads", rest_api=api.id, opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                depends_on=[integration])),
        )  # fmt: skip
        if shape in ("own", "mapped-own", "camel-own"):
            stage("prod", deployment, api, {variable: prod.bucket, "lambdaAlias": "live"})
        elif shape in ("partner", "mapped-partner"):
            stage("prod", deployment, api, {"bucket": PARTNER_BUCKET})
        elif shape == "two-own":
            stage("prod", deployment, api, {"bucket": prod.bucket})
            stage("test", deployment, api, {"bucket": test.bucket})
        elif shape == "own-and-unset":
            stage("prod", deployment, api, {"bucket": prod.bucket})
            stage("test", deployment, api, {"lambdaAlias": "test"})
        elif shape == "table-named":
            table = aws.dynamodb.Table("uploads-index", name=PARTNER_BUCKET, hash_key="key",
                                       billing_mode="PAY_PER_REQUEST", attributes=[{"name": "key", "type": "S"}],
                                       opts=opts)  # fmt: skip
            stage("prod", deployment, api, {"bucket": table.name})
        elif shape == "output-partner":
            aws.s3.BucketV2("diag-uploads-auto", opts=opts)  # named by the provider
            stage("prod", deployment, api, {"bucket": pulumi.Output.from_input(PARTNER_BUCKET).apply(str)})
        elif shape == "other-api-stage":
            # A second API (its own mock integration) whose Stage sets `bucket`: it proves nothing for `uploads`.
            other = aws.apigateway.RestApi("status", name="status", endpoint_configuration={"types": "REGIONAL"},
                                           opts=opts)  # fmt: skip
            status = aws.apigateway.Method("status-get", rest_api=other.id, resource_id=other.root_resource_id,
                                           http_method="GET", authorization="NONE", opts=opts)  # fmt: skip
            mock = aws.apigateway.Integration("status-mock", rest_api=other.id, resource_id=other.root_resource_id,
                                              http_method=status.http_method, type="MOCK", opts=opts)  # fmt: skip
            released = aws.apigateway.Deployment("status", rest_api=other.id, opts=pulumi.ResourceOptions.merge(
                opts, pulumi.ResourceOptions(depends_on=[mock])))  # fmt: skip
            stage("prod", released, other, {"bucket": prod.bucket})
        return deployment

    return build
