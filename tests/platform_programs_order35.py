"""Ordinary programs that name, by its literal text, something the stack makes later in the program (stop 35).

Each builder is what an EV platform team writes from the provider docs, in the order people write programs: the
service first, the bucket, zone or database it writes to further down the file (or in a module imported after it).
``order`` says where the named resource is made: ``before`` the resource naming it (the form the table held until stop
35), ``after`` it (the registration-order question), or ``never`` (nothing in the stack makes it: the offending twin,
which stays refused wherever it sits). The names are the resource's own inputs, written out; nothing is taken from an
output, so no dependency ties the two resources (the engine may create them in either order, see docs/residency.md,
"Left open by the registration-order review (stop 35)"). tests/test_realistic_programs.py runs them as CASES
(``order35-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function
from platform_programs_cn import _fc

Build = Any
Order = Literal["before", "after", "never"]

VPC = "vpc-0a1b2c3d4e5f60718"
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
ALI_VPC = "vpc-uf6f7l4fg90oxxxxxxxxx"


def _ordered(order: Order, make: Callable[[], object], use: Callable[[], object]) -> object:
    """``make`` the named resource before or after ``use`` (or not at all); the program's value is ``use``'s."""
    if order == "before":
        make()
    used = use()
    if order == "after":
        make()
    return used


# -- S3: a bucket named in a function's environment ---------------------------------------------------------------


def s3_archive_export(region: str, order: Order) -> Build:
    # docs: lambda/function (`environment.variables`), s3/bucketv2, s3/bucketpublicaccessblock,
    # s3/bucketserversideencryptionconfigurationv2: the nightly trip exporter writes Parquet files to the archive
    # bucket, told its name under ARCHIVE_BUCKET; the bucket is declared further down with its settings.
    name = f"fleet-trip-archive-{region}"

    def build(c: Any) -> object:
        opts = _aws(region)

        def make() -> object:
            bucket = aws.s3.BucketV2("trip-archive", bucket=name, opts=opts)
            aws.s3.BucketPublicAccessBlock(
                "trip-archive", bucket=bucket.id, block_public_acls=True, block_public_policy=True,
                ignore_public_acls=True, restrict_public_buckets=True, opts=opts,
            )  # fmt: skip
            aws.s3.BucketServerSideEncryptionConfigurationV2(
                "trip-archive", bucket=bucket.id,
                rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}}], opts=opts,
            )  # fmt: skip
            return bucket

        def use() -> object:
            env = {"ARCHIVE_BUCKET": name, "ARCHIVE_PREFIX": "trips/parquet/"}
            return _function("trip-exporter", opts, env, timeout=300)

        return _ordered(order, make, use)

    return build


# -- OSS: a Flink workspace's state bucket and a function's bucket ---------------------------------------------------


def oss_flink_state(region: str, order: Order) -> Build:
    # docs: realtimecompute/vvpinstance (`storage.oss.bucket`: checkpoints, savepoints and logs), oss/bucket,
    # oss/bucketpublicaccessblock: the Flink workspace is declared first, its state bucket below it by its name.
    name = f"fleet-flink-state-{region}"

    def build(c: Any) -> object:
        opts = _ali(region)

        def make() -> object:
            bucket = alicloud.oss.Bucket("flink-state", bucket=name, opts=opts)
            alicloud.oss.BucketPublicAccessBlock("flink-state", bucket=bucket.bucket, block_public_access=True,
                                                 opts=opts)  # fmt: skip
            return bucket

        def use() -> object:
            return alicloud.realtimecompute.VvpInstance(
                "soc-jobs", vvp_instance_name="soc-jobs", payment_type="PayAsYouGo", zone_id=f"{region}-h",
                vpc_id=ALI_VPC, vswitch_ids=["vsw-flink"], storage={"oss": {"bucket": name}},
                resource_spec={"cpu": 8, "memory_gb": 32}, opts=opts,
            )  # fmt: skip

        return _ordered(order, make, use)

    return build


# -- private zones: a name of a record the stack makes ---------------------------------------------------------------


def route53_private_record(region: str, order: Order) -> Build:
    # docs: route53/zone (`vpcs`: a private hosted zone), route53/record (A records of the cache nodes' private
    # addresses), lambda/function environment: the trip service is declared first, the zone and records of its
    # network module after it.
    zone = "fleet.internal"

    def build(c: Any) -> object:
        opts = _aws(region)

        def make() -> object:
            hosted = aws.route53.Zone("fleet-private", name=zone, vpcs=[{"vpc_id": VPC, "vpc_region": region}],
                                      opts=opts)  # fmt: skip
            return aws.route53.Record("cache", zone_id=hosted.zone_id, name=f"cache.{zone}", type="A", ttl=60,
                                      records=["10.40.4.21"], opts=opts)  # fmt: skip

        def use() -> object:
            env = {"REDIS_URL": f"rediss://cache.{zone}:6379/0"}
            network = {"subnet_ids": SUBNETS, "security_group_ids": ["sg-0a1b2c3d4e5f60718"]}
            return _function("trip-service", opts, env, vpc_config=network)

        return _ordered(order, make, use)

    return build


def pvtz_private_record(region: str, order: Order) -> Build:
    # docs: pvtz/zone (`zone_name`), pvtz/zoneattachment (`vpc_ids`), pvtz/zonerecord (`rr`, `type`, `value`),
    # fc/v3function `environment_variables`: the function is declared first, the PrivateZone zone and record after it.
    zone = "fleet.internal"

    def build(c: Any) -> object:
        opts = _ali(region)

        def make() -> object:
            pz = alicloud.pvtz.Zone("fleet", zone_name=zone, opts=opts)
            alicloud.pvtz.ZoneAttachment("fleet", zone_id=pz.id, vpc_ids=[ALI_VPC], opts=opts)
            return alicloud.pvtz.ZoneRecord("cache", zone_id=pz.id, rr="cache", type="A", ttl=60,
                                            value="172.16.3.21", opts=opts)  # fmt: skip

        def use() -> object:
            return _fc("trip-service", opts, {"REDIS_URL": f"redis://cache.{zone}:6379/0"})

        return _ordered(order, make, use)

    return build


# -- a bucket inside a database (created_server_buckets) -------------------------------------------------------------


def influxdb_bucket(region: str, order: Order) -> Build:
    # docs: timestreaminfluxdb/dbinstance (`bucket`: "the name of the initial InfluxDB bucket"), lambda/function
    # environment: the telemetry writer is told the database's bucket under INFLUXDB_BUCKET, by its name.
    def build(c: Any) -> object:
        opts = _aws(region)

        def make() -> object:
            return aws.timestreaminfluxdb.DbInstance(
                "telemetry", name="fleet-telemetry", allocated_storage=20, db_instance_type="db.influx.medium",
                bucket="vehicle-telemetry", organization="fleet", username="admin", password="example-password-1",
                vpc_subnet_ids=SUBNETS, vpc_security_group_ids=["sg-0a1b2c3d4e5f60718"], opts=opts,
            )  # fmt: skip

        def use() -> object:
            env = {"INFLUXDB_BUCKET": "vehicle-telemetry", "INFLUXDB_ORG": "fleet"}
            return _function("telemetry-writer", opts, env)

        return _ordered(order, make, use)

    return build
