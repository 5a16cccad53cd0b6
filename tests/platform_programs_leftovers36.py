"""Items left open by stop 35, closed or pinned by the leftovers review (stop 36).

Each builder is an ordinary program of an EV platform team. ``made`` / ``how`` says what the stack makes or writes: the
compliant form (the stack's own bucket) and the offending one (another kind's name, a bucket the stack does not make).
tests/test_realistic_programs.py runs them as CASES (``leftovers36-*``); docs/residency.md, "Left open by the leftovers
review (stop 36)".
"""

from __future__ import annotations

from typing import Any, Literal

import pulumi
import pulumi_aws as aws
from platform_programs import _aws, _function

Build = Any
FRA = "eu-central-1"


def _s3_bucket(name: str, opts: Any) -> aws.s3.BucketV2:
    bucket = aws.s3.BucketV2("lake-raw", bucket=name, opts=opts)
    aws.s3.BucketPublicAccessBlock(
        "lake-raw", bucket=bucket.id, block_public_acls=True, block_public_policy=True, ignore_public_acls=True,
        restrict_public_buckets=True, opts=opts,
    )  # fmt: skip
    return bucket


# -- 1. another kind's name through an Output proves no S3 bucket ----------------------------------------------------


def s3_env_from_table(region: str, source: Literal["table", "bucket", "object"]) -> Build:
    # docs: dynamodb/table (`name`; the table's id is its name, its ARN
    # arn:aws:dynamodb:<region>:<account>:table/<name>), s3/bucketv2, s3/bucketobjectv2 (`bucket` output: "Name of the
    # bucket to put the file in"), lambda/function: the lake's raw zone is one name for the DynamoDB manifest table and
    # its S3 bucket; the loader is given the bucket's name from the table (``table``: a table's name, which proves no S3
    # bucket of that name, anyone's, in any region), from the bucket (``bucket``) or from the manifest object the stack
    # writes into the bucket (``object``).
    name = f"fleet-lake-raw-{region}"

    def build(c: Any) -> object:
        opts = _aws(region)
        table = aws.dynamodb.Table(
            "lake-manifest", name=name, billing_mode="PAY_PER_REQUEST", hash_key="object_key",
            attributes=[aws.dynamodb.TableAttributeArgs(name="object_key", type="S")], opts=opts,
        )  # fmt: skip
        if source == "table":
            raw: Any = table.name
        else:
            bucket = _s3_bucket(name, opts)
            raw = bucket.bucket
            if source == "object":
                manifest = aws.s3.BucketObjectv2(
                    "lake-manifest", bucket=bucket.id, key="manifest.json", content="{}", opts=opts
                )
                raw = manifest.bucket
        return _function("raw-loader", opts, {"RAW_BUCKET": raw, "MANIFEST_TABLE": table.name})

    return build


# -- 2. the legacy global virtual host of the stack's own bucket, written out or from the output ----------------------


def s3_global_host(region: str, how: Literal["literal", "output", "path", "foreign"]) -> Build:
    # docs: s3/bucketv2 (`bucket_domain_name`: "Bucket domain name. Will be of format bucketname.s3.amazonaws.com"),
    # lambda/function; AmazonS3 userguide VirtualHosting.html ("Virtual-hosted-style requests for other Regions": on
    # the legacy global endpoint "Amazon S3 updates the DNS record to reroute the request to the correct location").
    # The exporter is given its bucket's global virtual host: written out (``literal``), from the bucket's output
    # (``output``), path-style on the global endpoint (``path``: no DNS label names the bucket; the request goes to
    # us-east-1), or the host of a bucket the stack does not make (``foreign``). The name holds no region (a name ending
    # in one, `fleet-exports-eu-central-1`, has its host read in that region, judged as a bucket name).
    name = "fleet-trip-exports"

    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = _s3_bucket(name, opts)
        url: Any = {
            "literal": f"https://{name}.s3.amazonaws.com/trips/",
            "output": bucket.bucket_domain_name.apply(lambda h: f"https://{h}/trips/"),
            "path": f"https://s3.amazonaws.com/{name}/trips/",
            "foreign": "https://partner-exports.s3.amazonaws.com/trips/",
        }[how]
        return _function("trip-exporter", opts, {"EXPORT_URL": url})

    return build


# -- 3. API Gateway `${stageVariables.bucket}`: every Stage the stack makes names its own bucket (kept refused) -------


def apigw_stage_variable_bucket(region: str) -> Build:
    # docs: aws apigateway/integration (type AWS, uri "arn:aws:apigateway:<region>:s3:path/${stageVariables.bucket}/
    # {key}"), apigateway/deployment, apigateway/stage (`variables`: "Map that defines the stage variables"), API
    # Gateway "Use stage variables for a REST API" (an S3 integration's bucket from a stage variable): the workshop's
    # upload API, whose only Stage sets `bucket` to the stack's bucket. Kept refused (RES-017) at stop 36; passes since
    # the stage-variables join (stop 37: every Stage of the API sets it, the Stage's value judged as a bucket).
    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = _s3_bucket("fleet-diag-uploads", opts)
        api = aws.apigateway.RestApi("uploads", name="uploads", endpoint_configuration={"types": "REGIONAL"},
                                     opts=opts)  # fmt: skip
        resource = aws.apigateway.Resource("object", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="{key}", opts=opts)  # fmt: skip
        method = aws.apigateway.Method("put-object-method", rest_api=api.id, resource_id=resource.id,
                                       http_method="PUT", authorization="AWS_IAM",
                                       request_parameters={"method.request.path.key": True}, opts=opts)  # fmt: skip
        integration = aws.apigateway.Integration(
            "put-object", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="PUT", type="AWS",
            uri=f"arn:aws:apigateway:{region}:s3:path/${{stageVariables.bucket}}/{{key}}",
            credentials="arn:aws:iam::123456789012:role/apigw-uploads",
            request_parameters={"integration.request.path.key": "method.request.path.key"}, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "uploads", rest_api=api.id, opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                depends_on=[integration])),
        )  # fmt: skip
        return aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
                                    variables={"bucket": bucket.bucket}, opts=opts)  # fmt: skip

    return build
