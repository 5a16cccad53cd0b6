"""Red team of the proofs "made by this stack" (stop 35): a foreign destination passing as a name the stack makes.

Each builder is an ordinary program of an EV platform team that names a bucket, by its literal text or through an
Output, beside a resource the stack makes. ``made`` says what the stack makes under that name: the kind the reference
names (the compliant twin), another cloud's or another kind's resource of the same name (the offending form, which
proves nothing about the bucket the reference names), or a resource it only reads. tests/test_realistic_programs.py
runs them as CASES (``madeby35-*``); docs/residency.md, "Left open by the made-by-this-stack review (stop 35)".
"""

from __future__ import annotations

from typing import Any, Literal

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function
from platform_programs_cn import _fc

Build = Any
Made = Literal["s3", "oss", "none"]

ALI_VPC = "vpc-uf6f7l4fg90oxxxxxxxxx"
EU = ("eu-central-1", "eu-central-1")
"""The AWS and Alibaba Cloud regions of an EU or DE stack (Frankfurt on both clouds)."""
CN = ("cn-north-1", "cn-hangzhou")
FRA = "eu-central-1"


def _s3_bucket(name: str, opts: pulumi.ResourceOptions) -> aws.s3.BucketV2:
    bucket = aws.s3.BucketV2("mirror-s3", bucket=name, opts=opts)
    aws.s3.BucketPublicAccessBlock(
        "mirror-s3", bucket=bucket.id, block_public_acls=True, block_public_policy=True, ignore_public_acls=True,
        restrict_public_buckets=True, opts=opts,
    )  # fmt: skip
    return bucket


def _oss_bucket(name: str, opts: pulumi.ResourceOptions) -> alicloud.oss.Bucket:
    bucket = alicloud.oss.Bucket("mirror-oss", bucket=name, opts=opts)
    alicloud.oss.BucketPublicAccessBlock("mirror-oss", bucket=bucket.bucket, block_public_access=True, opts=opts)
    return bucket


# -- 1. cross-cloud: an S3 name proven by an OSS bucket of the same name, and the reverse ----------------------------


def s3_export_named_like_oss(regions: tuple[str, str], made: Made) -> Build:
    # docs: lambda/function (`environment.variables`), s3/bucketv2, oss/bucket: the multi-cloud telemetry team keeps
    # the same bucket name on both clouds; the AWS exporter writes to the S3 bucket `fleet-telemetry-mirror-<region>`
    # by its name. ``made``: which of the two buckets this stack makes (an OSS bucket is no S3 bucket: the S3 name
    # is anyone's, in any region, a bucket-squatting target).
    aws_region, ali_region = regions
    name = f"fleet-telemetry-mirror-{aws_region}"

    def build(c: Any) -> object:
        if made == "s3":
            _s3_bucket(name, _aws(aws_region))
        elif made == "oss":
            _oss_bucket(name, _ali(ali_region))
        return _function("mirror-exporter", _aws(aws_region), {"EXPORT_BUCKET": name, "EXPORT_PREFIX": "trips/"})

    return build


def oss_state_named_like_s3(regions: tuple[str, str], made: Made) -> Build:
    # docs: realtimecompute/vvpinstance (`storage.oss.bucket`), oss/bucket, s3/bucketv2: the Flink workspace's state
    # bucket is named as the team's S3 bucket of the same data; ``made``: which of the two this stack makes.
    aws_region, ali_region = regions
    name = f"fleet-flink-state-{ali_region}"

    def build(c: Any) -> object:
        if made == "s3":
            _s3_bucket(name, _aws(aws_region))
        elif made == "oss":
            _oss_bucket(name, _ali(ali_region))
        opts = _ali(ali_region)
        return alicloud.realtimecompute.VvpInstance(
            "soc-jobs", vvp_instance_name="soc-jobs", payment_type="PayAsYouGo", zone_id=f"{ali_region}-h",
            vpc_id=ALI_VPC, vswitch_ids=["vsw-flink"], storage={"oss": {"bucket": name}},
            resource_spec={"cpu": 8, "memory_gb": 32}, opts=opts,
        )  # fmt: skip

    return build


def fc_oss_uri_named_like_s3(regions: tuple[str, str], made: Made) -> Build:
    # docs: fc/v3function (`environment_variables`), oss/bucket: an FC function told the OSS URL of its export
    # bucket, `oss://<name>/exports/`; ``made``: which of the two buckets this stack makes.
    aws_region, ali_region = regions
    name = f"fleet-exports-{ali_region}"

    def build(c: Any) -> object:
        if made == "s3":
            _s3_bucket(name, _aws(aws_region))
        elif made == "oss":
            _oss_bucket(name, _ali(ali_region))
        return _fc("export-writer", _ali(ali_region), {"EXPORT_URI": f"oss://{name}/exports/"})

    return build


def s3_uri_named_like_oss(regions: tuple[str, str], made: Made) -> Build:
    # docs: lambda/function, s3/bucketv2, oss/bucket: the exporter given the S3 URL `s3://<name>/trips/`.
    aws_region, ali_region = regions
    name = f"fleet-exports-{aws_region}"

    def build(c: Any) -> object:
        if made == "s3":
            _s3_bucket(name, _aws(aws_region))
        elif made == "oss":
            _oss_bucket(name, _ali(ali_region))
        return _function("trip-exporter", _aws(aws_region), {"EXPORT_URI": f"s3://{name}/trips/"})

    return build


# -- 1b. cross-cloud and cross-kind through an Output: the value's producer is no bucket of the kind named -----------


def s3_env_from_oss_output(regions: tuple[str, str], made: Made) -> Build:
    # docs: lambda/function, oss/bucket (`bucket` output), s3/bucketv2: the exporter is given the mirror bucket's
    # name from the bucket resource (``made``: an OSS bucket, whose name is no S3 bucket's, or the S3 bucket).
    aws_region, ali_region = regions
    name = f"fleet-telemetry-mirror-{aws_region}"

    def build(c: Any) -> object:
        bucket: Any = _s3_bucket(name, _aws(aws_region)) if made == "s3" else _oss_bucket(name, _ali(ali_region))
        return _function("mirror-exporter", _aws(aws_region), {"EXPORT_BUCKET": bucket.bucket})

    return build


def s3_env_from_glue_database(region: str, made: Literal["glue", "s3"]) -> Build:
    # docs: glue/catalogdatabase (`name`, `arn`: arn:aws:glue:<region>:<account>:database/<name>), s3/bucketv2,
    # lambda/function: the lake's raw zone is one name for the Glue database and its S3 bucket; the loader is given
    # the bucket's name from the database resource (``glue``: the database's name, which no S3 bucket of the stack
    # carries) or from the bucket (``s3``).
    name = f"fleet-lake-raw-{region}"

    def build(c: Any) -> object:
        opts = _aws(region)
        db = aws.glue.CatalogDatabase("lake-raw", name=name, opts=opts)
        source: Any = db.name if made == "glue" else _s3_bucket(name, opts).bucket
        return _function("raw-loader", opts, {"RAW_BUCKET": source, "GLUE_DATABASE": db.name})

    return build


# -- 2. read, not made ------------------------------------------------------------------------------------------------


def s3_env_from_read_bucket(region: str, how: Literal["get", "data", "made"]) -> Build:
    # docs: s3/bucketv2 (`BucketV2.get`: "Get an existing BucketV2 resource's state"), s3/getbucket (data source),
    # lambda/function: the exporter writes to the partner's archive bucket, looked up by its name; ``made``: the
    # stack's own bucket of that name (the twin).
    name = "partner-trip-archive"

    def build(c: Any) -> object:
        opts = _aws(region)
        if how == "get":
            source: Any = aws.s3.BucketV2.get("partner-archive", name, opts=opts).bucket
        elif how == "data":
            source = aws.s3.get_bucket_output(bucket=name, opts=pulumi.InvokeOptions(provider=opts.provider)).bucket
        else:
            source = _s3_bucket(name, opts).bucket
        return _function("partner-exporter", opts, {"EXPORT_BUCKET": source})

    return build


# -- 4. spelling: a name that is part of a made one -------------------------------------------------------------------


def s3_env_part_of_made_name(region: str, legacy: bool) -> Build:
    # docs: lambda/function, s3/bucketv2: the environment is built from the bucket's name in one apply, beside the
    # legacy bucket the old exporter used (``legacy``: `fleet-exports`, which this stack does not make although its
    # name is part of the made `fleet-exports-<region>`), or only the made bucket's name (the twin).
    name = f"fleet-exports-{region}"

    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = _s3_bucket(name, opts)

        def env(made: str) -> dict[str, str]:
            return {"EXPORT_BUCKET": made, "LEGACY_BUCKET": "fleet-exports"} if legacy else {"EXPORT_BUCKET": made}

        return aws.lambda_.Function(
            "exporter", role=aws.iam.Role("exporter-role", assume_role_policy=_trust_lambda(), opts=opts).arn,
            runtime="python3.12", handler="index.handler", code=_code(),
            environment={"variables": bucket.bucket.apply(env)}, opts=opts,
        )  # fmt: skip

    return build


def _trust_lambda() -> str:
    from platform_programs import _trust

    return _trust("lambda.amazonaws.com")


def _code() -> Any:
    from platform_programs import CODE

    return CODE
