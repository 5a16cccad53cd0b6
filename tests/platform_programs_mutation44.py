"""Programs of the mutation search's round 14 (stop 44): what the search found over the programs stop 43's second wave
added (review43, leftovers43, anonymous43, alired43, falsealarm28).

Three places where a Region abroad passed every front door on the unchanged engine, each found by a ``region`` mutant
of a compliant program and reproduced here from the provider documents:

1. **An S3 Tables warehouse in a Region abroad** (``leftovers43-*-s3tables-rest-own-account``): Iceberg's Spark
   catalog ``warehouse`` holding a table bucket ARN (Amazon S3, "Accessing Amazon S3 tables with the Amazon S3 Tables
   Catalog for Apache Iceberg": ``--conf spark.sql.catalog.s3tablesbucket.warehouse=arn:aws:s3tables:us-east-1:
   111122223333:bucket/amzn-s3-demo-table-bucket``, catalog-impl ``software.amazon.s3tables.iceberg.S3TablesCatalog``)
   in an EMR Serverless application's ``spark-defaults`` map: leftovers43 judged the ARN's account
   (``account_settings``) and stopped there, so the ARN's Region, where the tables are stored, was no longer judged
   (the same ARN in a ``--conf`` string was). ``s3tables-catalog-abroad`` is RES-004 now; ``-home`` passes. EU, US, JP
   (in CN an ``arn:aws:`` ARN is refused by its partition, before and after).
2. **Iceberg's client Region in a ``--conf`` string** (``leftovers43-*-assume-role-own-account``):
   ``spark.sql.catalog.<name>.client.region`` (Iceberg ``AwsClientProperties`` ``client.region``: "If set, all AWS
   clients except STS client will use the given region instead of the default region chain") and
   ``client.assume-role.region`` (``AwsProperties``, the Region of the clients ``AssumeRoleAwsClientFactory`` makes) are
   judged as Region fields in a Spark properties map (a dotted key ending in ``region``), but a Glue job's ``--conf``
   argument holding them passed with any Region. ``iceberg-client-region-abroad`` is RES-009 now; ``-home`` passes.
   EU, US, JP, CN.
3. **A systemd unit's ``Environment=AWS_REGION=...``** (``review43-*-fd-firehose-heredocs``): user data writing a
   service unit whose ``Environment=`` sets AWS_REGION (systemd.exec, ``Environment=``: "Takes a space-separated list
   of variable assignments", ``Environment="VAR1=word1 word2" VAR2=word3``) for a program using an AWS SDK (the SDKs'
   default Region provider chain reads AWS_REGION): ``export AWS_REGION=...`` in the same script is judged as the
   script's Region, the unit's line was read as one assignment to ``Environment`` and passed. ``systemd-region-abroad``
   is RES-009 now; ``-home`` passes. EU, US, JP, CN.

tests/test_realistic_programs.py runs them as CASES (``mutation44-*``); docs/residency.md, "Mutation search, round 14
(stop 44)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
ABROAD = {"EU": "eu-central-2", "US": "ca-central-1", "JP": "ap-northeast-2", "CN": "ap-east-1"}
"""A Region just outside each jurisdiction: Zurich beside the EU, Canada beside the US, Seoul beside Tokyo, Hong Kong
beside the mainland."""
PARTITION = {"EU": "aws", "US": "aws", "JP": "aws", "CN": "aws-cn"}
SUBNET = "subnet-0a1b2c3d4e5f60718"
GLUE_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "glue.amazonaws.com"}}]})  # fmt: skip


def _where(code: str, where: str) -> str:
    return REGION[code] if where == "home" else ABROAD[code]


def s3tables_catalog(code: str, where: str) -> Build:
    """An EMR Serverless application whose Iceberg catalog is the team's table bucket, in the stack's Region or
    abroad."""
    region = _where(code, where)

    def build(c: Any) -> object:
        # docs: emrserverless/application (runtime_configurations, classification spark-defaults); Amazon S3, "Accessing
        # Amazon S3 tables with the Amazon S3 Tables Catalog for Apache Iceberg" (catalog-impl S3TablesCatalog, the
        # table bucket ARN as warehouse).
        logs = aws.s3.Bucket("spark-logs", opts=c.aws)
        properties = {
            "spark.sql.catalog.s3tablesbucket": "org.apache.iceberg.spark.SparkCatalog",
            "spark.sql.catalog.s3tablesbucket.catalog-impl": "software.amazon.s3tables.iceberg.S3TablesCatalog",
            "spark.sql.catalog.s3tablesbucket.warehouse": f"arn:{PARTITION[code]}:s3tables:{region}:{OWN}:bucket/lake",
            "spark.sql.extensions": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
        }
        return aws.emrserverless.Application(
            "tables", name="tables", release_label="emr-7.5.0", type="spark",
            runtime_configurations=[{"classification": "spark-defaults", "properties": properties}],
            monitoring_configuration={"s3_monitoring_configuration": {
                "log_uri": logs.bucket.apply(lambda b: f"s3://{b}/emr-serverless/")}},
            opts=c.aws,
        )  # fmt: skip

    return build


def iceberg_client_region(code: str, where: str) -> Build:
    """A Glue job whose Iceberg catalog's clients (Glue, S3) are sent to a Region by ``client.region``."""
    region = _where(code, where)

    def build(c: Any) -> object:
        # docs: glue/job (default_arguments `--conf`); Iceberg AWS integrations ("Glue Catalog", catalog-impl
        # GlueCatalog, warehouse, io-impl S3FileIO) and AwsClientProperties `client.region`.
        lake = aws.s3.Bucket("lake", opts=c.aws)
        role = aws.iam.Role("glue-etl", assume_role_policy=GLUE_TRUST, opts=c.aws)
        conf = lake.bucket.apply(lambda b: (
            "spark.sql.catalog.lake=org.apache.iceberg.spark.SparkCatalog"
            " --conf spark.sql.catalog.lake.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog"
            " --conf spark.sql.catalog.lake.io-impl=org.apache.iceberg.aws.s3.S3FileIO"
            f" --conf spark.sql.catalog.lake.warehouse=s3://{b}/warehouse/"
            f" --conf spark.sql.catalog.lake.client.region={region}"
            " --conf spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
        ))  # fmt: skip
        return aws.glue.Job(
            "orders-etl", name="orders-etl", role_arn=role.arn, glue_version="5.0", worker_type="G.1X",
            number_of_workers=2,
            command={"name": "glueetl", "python_version": "3",
                     "script_location": lake.bucket.apply(lambda b: f"s3://{b}/jobs/orders.py")},
            default_arguments={"--datalake-formats": "iceberg", "--conf": conf},
            opts=c.aws,
        )  # fmt: skip

    return build


def systemd_region(code: str, where: str) -> Build:
    """EC2 user data installing an exporter as a systemd service whose AWS SDK Region the unit's ``Environment=``
    sets."""
    region = _where(code, where)

    def build(c: Any) -> object:
        # docs: ec2/instance (user_data: a shell script cloud-init runs once); systemd.exec `Environment=` (space-
        # separated assignments, a quoted one may hold blanks); the AWS SDKs' Region provider chain (AWS_REGION).
        unit = (
            "[Unit]\nDescription=orders exporter\nAfter=network-online.target\n\n[Service]\n"
            f'Environment=AWS_REGION={region} "EXPORT_PREFIX=orders/daily"\n'
            "ExecStart=/opt/orders/bin/exporter --queue orders-export\nRestart=always\n\n"
            "[Install]\nWantedBy=multi-user.target\n"
        )
        script = (
            "#!/bin/bash\nset -euo pipefail\n"
            f"cat > /etc/systemd/system/orders-exporter.service <<'EOF'\n{unit}EOF\n"
            "systemctl daemon-reload\nsystemctl enable --now orders-exporter\n"
        )
        return aws.ec2.Instance("exporter", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNET,
                                user_data=script, opts=c.aws)  # fmt: skip

    return build


SHAPES: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...], str]] = {
    "s3tables-catalog": (s3tables_catalog, ("EU", "US", "JP"), "RES-004"),
    "iceberg-client-region": (iceberg_client_region, ("EU", "US", "JP", "CN"), "RES-009"),
    "systemd-region": (systemd_region, ("EU", "US", "JP", "CN"), "RES-009"),
}
"""shape -> (builder, jurisdictions, the rule its program abroad breaks)."""


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"mutation44-{code.lower()}-{shape}-{where}", code, builder(code, where),
         set() if where == "home" else {rule}, [])
        for shape, (builder, codes, rule) in SHAPES.items()
        for code in codes
        for where in ("home", "abroad")
    ]  # fmt: skip
