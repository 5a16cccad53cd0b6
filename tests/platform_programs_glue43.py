"""Glue Data Catalog ids of other accounts wherever they are written (issue 9, branch glue43, RES-023).

Left open by stop 42 (emr42 judged ``hive.metastore.glue.catalogid`` and an Iceberg catalog's ``glue.id`` only as EMR
configuration properties). Reproduced on the unchanged engine (stop 42's main) with one-value programs
(``RuleEngine(code).check(Subject(...))``, the provider pinned to the team's account 123456789012) and then with the
programs below: each of these passed naming another account (210987654321) in EU, US and JP:

- Glue resources' own ``catalog_id`` (a database, table, partition, partition index, user-defined function or
  connection created in that account's Data Catalog: "ID of the Glue Catalog to create the database in. If omitted,
  this defaults to the AWS Account ID"), a resource link's ``target_database.catalog_id`` /
  ``target_table.catalog_id``, and an Athena data catalog of type GLUE with ``parameters.catalog-id`` (Athena's
  cross-account Glue catalog). The stack's metadata, a connection's URL and credentials, and what its queries and
  jobs write through the link or catalog go to the other account. Since stop 43 these inputs are catalogue
  ``account_fields``, judged as ``account_settings`` values are.
- The same Spark settings written as ``--conf key=value`` strings: a Glue job's ``default_arguments`` ``--conf``, an
  EMR step's ``args`` item, an EMR on EKS job template's ``spark_submit_parameters``. Since stop 43 a ``key=value``
  pair in any AWS string is read by the ``account_settings`` key list (one fact for both forms).
- An Iceberg REST catalog on the AWS Glue Iceberg REST endpoint (``type=rest``,
  ``uri=https://glue.<region>.<suffix>/iceberg``) whose ``warehouse`` is another account's catalog
  (``<account>:s3tablescatalog/<bucket>``, or the bare account id for its default catalog): AWS Glue, "Connecting to the
  Data Catalog using AWS Glue Iceberg REST endpoint". Since stop 43 ``spark.sql.catalog.<name>.warehouse`` is an
  ``account_settings`` key (only a value beginning with twelve digits is judged as an account).

Twins: the team's own account under the pinned provider passes; another account is RES-023 outside CN (aws-cn's
accounts are in China: it passes in CN); declared (``kind: resident``) it passes.

tests/test_realistic_programs.py runs them as CASES (``glue43-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]

REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = ("EU", "US", "JP", "CN")
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
OWN = "123456789012"
OTHER = "210987654321"
GLUE_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                         "Principal": {"Service": "glue.amazonaws.com"}}]})  # fmt: skip


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def declared_account(code: str) -> list[dict[str, Any]]:
    """The central data-platform account whose Glue Data Catalog the stack writes into, declared resident."""
    return [{"id": "central-lake-account", "kind": "resident", "match": OTHER,
             "evidence": f"the {code} data platform account, kept in-country by an SCP"}]  # fmt: skip


def catalog(code: str, account: str) -> Build:
    """A lake's catalog objects created in ``account``'s Glue Data Catalog: a database, a table whose data is in the
    stack's bucket, a partition and its index, a user-defined function, a JDBC connection to a private database, and
    an Athena data catalog of type GLUE registering that catalog for the team's queries."""

    def build(c: Any) -> object:
        data = aws.s3.Bucket("lake-data", opts=c.aws)
        db = aws.glue.CatalogDatabase(
            "sales", name="sales", catalog_id=account,
            location_uri=data.bucket.apply(lambda b: f"s3://{b}/sales/"), opts=c.aws,
        )  # fmt: skip
        table = aws.glue.CatalogTable(
            "orders", name="orders", database_name=db.name, catalog_id=account, table_type="EXTERNAL_TABLE",
            parameters={"classification": "parquet"},
            partition_keys=[{"name": "dt", "type": "string"}],
            storage_descriptor={
                "location": data.bucket.apply(lambda b: f"s3://{b}/sales/orders/"),
                "input_format": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "output_format": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "columns": [{"name": "order_id", "type": "string"}, {"name": "amount", "type": "double"}],
            },
            opts=c.aws,
        )  # fmt: skip
        aws.glue.Partition(
            "orders-2026-12-04", catalog_id=account, database_name=db.name, table_name=table.name,
            partition_values=["2026-12-04"],
            storage_descriptor={"location": data.bucket.apply(lambda b: f"s3://{b}/sales/orders/dt=2026-12-04/")},
            opts=c.aws,
        )  # fmt: skip
        aws.glue.PartitionIndex(
            "orders-dt", catalog_id=account, database_name=db.name, table_name=table.name,
            partition_index={"index_name": "dt-idx", "keys": ["dt"]}, opts=c.aws,
        )  # fmt: skip
        aws.glue.UserDefinedFunction(
            "mask", name="mask_email", catalog_id=account, database_name=db.name,
            class_name="com.example.udf.MaskEmail", owner_name="data-team", owner_type="GROUP",
            resource_uris=[{"resource_type": "JAR", "uri": data.bucket.apply(lambda b: f"s3://{b}/udf/mask.jar")}],
            opts=c.aws,
        )  # fmt: skip
        aws.glue.Connection(
            "orders-db", name="orders-db", catalog_id=account,
            connection_properties={"JDBC_CONNECTION_URL": "jdbc:postgresql://10.20.0.15:5432/orders",
                                   "USERNAME": "etl", "PASSWORD": "not-a-real-password"},
            physical_connection_requirements={"subnet_id": SUBNETS[0], "availability_zone": f"{REGIONS[code]}a"},
            opts=c.aws,
        )  # fmt: skip
        return aws.athena.DataCatalog(
            "sales-catalog", name="sales_catalog", type="GLUE", description="the sales lake's catalog",
            parameters={"catalog-id": account}, opts=c.aws,
        )  # fmt: skip

    return build


def links(code: str, account: str) -> Build:
    """Resource links in the stack's own catalog to a database and a table of ``account``'s catalog (the team's jobs
    then read and write through them)."""

    def build(c: Any) -> object:
        aws.glue.CatalogDatabase(
            "shared-sales", name="shared_sales",
            target_database={"catalog_id": account, "database_name": "sales", "region": REGIONS[code]}, opts=c.aws,
        )  # fmt: skip
        return aws.glue.CatalogTable(
            "shared-orders", name="shared_orders", database_name="local",
            target_table={"catalog_id": account, "database_name": "sales", "name": "orders"}, opts=c.aws,
        )  # fmt: skip

    return build


def spark_conf(code: str, account: str) -> Build:
    """The Glue metastore and an Iceberg Glue catalog of ``account`` given as ``--conf key=value`` strings: a Glue
    job's ``default_arguments``, an EMR step's ``spark-submit`` arguments, an EMR on EKS job template's
    ``spark_submit_parameters``."""

    def build(c: Any) -> object:
        scripts = aws.s3.Bucket("etl-scripts", opts=c.aws)
        role = aws.iam.Role("glue-etl", assume_role_policy=GLUE_TRUST, opts=c.aws)
        iceberg = (
            "spark.sql.catalog.lake=org.apache.iceberg.spark.SparkCatalog"
            " --conf spark.sql.catalog.lake.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog"
            f" --conf spark.sql.catalog.lake.glue.id={account}"
            " --conf spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
        )
        aws.glue.Job(
            "orders-etl", name="orders-etl", role_arn=role.arn, glue_version="5.0", worker_type="G.1X",
            number_of_workers=2,
            command={"name": "glueetl", "python_version": "3",
                     "script_location": scripts.bucket.apply(lambda b: f"s3://{b}/jobs/orders.py")},
            default_arguments={"--datalake-formats": "iceberg", "--conf": iceberg,
                               "--enable-glue-datacatalog": "true"},
            opts=c.aws,
        )  # fmt: skip
        logs = aws.s3.Bucket("emr-logs", opts=c.aws)
        aws.emr.Cluster(
            "batch", name="batch", release_label="emr-7.5.0", applications=["Spark"],
            service_role=f"arn:{_partition(code)}:iam::{OWN}:role/EMR_DefaultRole_V2",
            ec2_attributes={"subnet_id": SUBNETS[0], "instance_profile": "EMR_EC2_DefaultRole"},
            master_instance_group={"instance_type": "m6g.xlarge"},
            core_instance_group={"instance_type": "m6g.xlarge", "instance_count": 2},
            log_uri=logs.bucket.apply(lambda b: f"s3://{b}/emr/"),
            steps=[{"name": "orders", "action_on_failure": "CONTINUE", "hadoop_jar_step": {
                "jar": "command-runner.jar",
                "args": ["spark-submit", "--deploy-mode", "cluster",
                         "--conf", f"spark.hadoop.hive.metastore.glue.catalogid={account}",
                         "--conf", "spark.sql.catalogImplementation=hive",
                         scripts.bucket.apply(lambda b: f"s3://{b}/jobs/orders.py")]}}],
            opts=c.aws,
        )  # fmt: skip
        return aws.emrcontainers.JobTemplate(
            "orders-on-eks", name="orders-on-eks",
            job_template_data={
                "release_label": "emr-7.5.0-latest",
                "execution_role_arn": f"arn:{_partition(code)}:iam::{OWN}:role/emr-eks-job",
                "job_driver": {"spark_submit_job_driver": {
                    "entry_point": scripts.bucket.apply(lambda b: f"s3://{b}/jobs/orders.py"),
                    "spark_submit_parameters": f"--conf spark.executor.instances=2 "
                    f"--conf spark.hadoop.hive.metastore.glue.catalogid={account} --conf spark.executor.memory=4G"}},
            },
            opts=c.aws,
        )  # fmt: skip

    return build


def iceberg_rest(code: str, account: str) -> Build:
    """An EMR Serverless Spark application whose Iceberg catalog is the AWS Glue Iceberg REST endpoint of the
    stack's Region, its warehouse ``account``'s S3 Tables catalog (the default catalog's bare account id in CN)."""

    def build(c: Any) -> object:
        logs = aws.s3.Bucket("spark-logs", opts=c.aws)
        warehouse = account if code == "CN" else f"{account}:s3tablescatalog/lake-tables"
        properties = {
            "spark.sql.catalog.s3t": "org.apache.iceberg.spark.SparkCatalog",
            "spark.sql.catalog.s3t.type": "rest",
            "spark.sql.catalog.s3t.uri": f"https://glue.{REGIONS[code]}.{_suffix(code)}/iceberg",
            "spark.sql.catalog.s3t.warehouse": warehouse,
            "spark.sql.catalog.s3t.rest.sigv4-enabled": "true",
            "spark.sql.catalog.s3t.rest.signing-name": "glue",
            "spark.sql.defaultCatalog": "s3t",
        }
        return aws.emrserverless.Application(
            "tables", name="tables", release_label="emr-7.5.0", type="spark",
            runtime_configurations=[{"classification": "spark-defaults", "properties": properties}],
            monitoring_configuration={"s3_monitoring_configuration": {
                "log_uri": logs.bucket.apply(lambda b: f"s3://{b}/emr-serverless/")}},
            opts=c.aws,
        )  # fmt: skip

    return build


_BUILDERS: dict[str, Callable[[str, str], Build]] = {
    "catalog": catalog, "links": links, "spark-conf": spark_conf, "iceberg-rest": iceberg_rest,
}  # fmt: skip


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table: per jurisdiction
    and shape, the own account (passes), another account (RES-023 outside CN; aws-cn's accounts are in China) and,
    outside CN, another account declared (passes)."""
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    for code in CODES:
        for shape, make in _BUILDERS.items():
            prefix = f"glue43-{code.lower()}-{shape}"
            out.append((f"{prefix}-own-account", code, make(code, OWN), set(), []))
            out.append((f"{prefix}-other-account", code, make(code, OTHER),
                        set() if code == "CN" else {"RES-023"}, []))  # fmt: skip
            if code != "CN":
                out.append((f"{prefix}-other-account-declared", code, make(code, OTHER), set(),
                            declared_account(code)))  # fmt: skip
    return out
