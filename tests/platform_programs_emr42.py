"""EMR and Spark settings left open by stop 41 (issue 9, branch emr42): another account's Glue Data Catalog, Kafka
bootstrap lists in Alibaba EMR settings, EMR Serverless and EMR on EKS destinations.

Reproduced on the unchanged engine (stop 41's main) with one-value programs and then with the programs below:

- AWS. ``hive.metastore.glue.catalogid`` in an EMR cluster's ``configurations_json`` (``hive-site`` /
  ``spark-hive-site``), ``spark.hadoop.hive.metastore.glue.catalogid`` in an EMR Serverless application's
  ``runtime_configurations`` or an EMR on EKS job template's ``application_configurations``, and an Iceberg catalog's
  ``spark.sql.catalog.<name>.glue.id``, naming another account (210987654321), passed in EU, US and JP: the job reads
  and writes that account's Glue Data Catalog (EMR, "Using the AWS Glue Data Catalog as the metastore for Hive"; EMR
  Serverless "Metastore configuration": "in the same AWS account as your application, or in a different AWS account";
  Iceberg GlueProperties ``glue.id``). Since stop 42 the value is judged as an account a grant names (catalogue
  ``account_settings``): RES-023 unless a provider of the stack is pinned to it (the team's own, 123456789012, passes)
  or it is declared (``-glue-other-account-declared``). In CN aws-cn's accounts are in-country: both twins pass.
- EMR Serverless and EMR on EKS destinations were reviewed field by field and were already judged: the S3 log URI
  (``monitoring_configuration.s3_monitoring_configuration.log_uri``, RES-017 for a bucket the stack does not make,
  outside aws-cn), the Prometheus remote-write URL (RES-015 for a partner's host, RES-006 for another Region's
  workspace), CloudWatch log groups (a name in the application's own Region and account), KMS keys and image URIs by
  their ARN / Region. The twins below keep that.
- Alibaba. An EMR cluster's Kafka bootstrap setting (``spark.kafka.bootstrap.servers``, ``kafka.bootstrap.servers``,
  ``bootstrap.servers``) given as ``{config_item_key, config_item_value}`` was read under ``config_item_value``, no
  host key, so a partner's broker list passed (the setting's name is what makes it a host list: the reference scan's
  ``bootstrap_servers`` host key never saw it); an ApsaraMQ for Kafka host written by hand was judged by its suffix
  (RES-015, no region label). Since stop 42 these settings are ``config_items`` of kind host: the partner's list is
  RES-015; the stack's own instance's ``end_point`` output passes.

tests/test_realistic_programs.py runs them as CASES (``emr42-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = ("EU", "US", "JP", "CN")
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
OWN = "123456789012"
OTHER = "210987654321"


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def declared_account(code: str) -> list[dict[str, Any]]:
    """The central data-platform account whose Glue Data Catalog the jobs use, declared resident (its catalog and
    buckets kept in the jurisdiction's Regions by a service control policy)."""
    return [{"id": "central-lake-account", "kind": "resident", "match": OTHER,
             "evidence": f"the {code} data platform account, kept in-country by an SCP"}]  # fmt: skip


def emr_glue(code: str, account: str) -> Build:
    """An EMR cluster (Hive, Spark, Trino) whose metastore is the Glue Data Catalog of ``account`` (hive-site and
    spark-hive-site ``hive.metastore.glue.catalogid``, the EMR cross-account form), its warehouse the stack's bucket."""

    def build(c: Any) -> object:
        warehouse = aws.s3.Bucket("warehouse", opts=c.aws)
        logs = aws.s3.Bucket("emr-logs", opts=c.aws)
        glue = {"hive.metastore.client.factory.class":
                "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory",
                "hive.metastore.glue.catalogid": account}  # fmt: skip

        def configurations(bucket: str) -> str:
            return json.dumps([
                {"Classification": "hive-site", "Properties": {**glue, "hive.metastore.warehouse.dir": f"s3://{bucket}/hive/"}},
                {"Classification": "spark-hive-site", "Properties": glue},
                {"Classification": "trino-connector-hive", "Properties": {"hive.metastore": "glue",
                                                                         "hive.metastore.glue.catalogid": account}},
                {"Classification": "spark-defaults", "Properties": {
                    "spark.sql.catalogImplementation": "hive",
                    "spark.hadoop.fs.s3a.endpoint": f"s3.{REGIONS[code]}.{_suffix(code)}"}},
            ])  # fmt: skip

        return aws.emr.Cluster(
            "lake", name="lake", release_label="emr-7.5.0", applications=["Hive", "Spark", "Trino"],
            service_role=f"arn:{_partition(code)}:iam::{OWN}:role/EMR_DefaultRole_V2",
            ec2_attributes={"subnet_id": SUBNETS[0], "instance_profile": "EMR_EC2_DefaultRole"},
            master_instance_group={"instance_type": "m6g.xlarge"},
            core_instance_group={"instance_type": "m6g.xlarge", "instance_count": 2},
            log_uri=logs.bucket.apply(lambda b: f"s3://{b}/emr/"),
            configurations_json=warehouse.bucket.apply(configurations), opts=c.aws,
        )  # fmt: skip

    return build


def serverless(code: str, shape: str) -> Build:
    """An EMR Serverless Spark application: Iceberg tables in a Glue catalog (``spark.sql.catalog.lake.glue.id``) and
    the Hive metastore on Glue, logs to the stack's bucket and CloudWatch, metrics to the stack's Prometheus workspace
    (outside CN). ``glue-other-account``: the catalogs are another account's; ``prometheus-partner``: metrics
    remote-written to a partner's Prometheus."""

    def build(c: Any) -> object:
        logs = aws.s3.Bucket("spark-logs", opts=c.aws)
        warehouse = aws.s3.Bucket("iceberg-warehouse", opts=c.aws)
        account = OTHER if shape == "glue-other-account" else OWN
        monitoring: Any = {
            "s3_monitoring_configuration": {"log_uri": logs.bucket.apply(lambda b: f"s3://{b}/emr-serverless/")},
            "cloudwatch_logging_configuration": {"enabled": True, "log_group_name": "/emr-serverless/lake"},
        }
        if shape == "prometheus-partner":
            monitoring["prometheus_monitoring_configuration"] = {
                "remote_write_url": "https://prometheus.partner-observability.example.com/api/v1/write"}  # fmt: skip
        elif code != "CN":
            ws = aws.amp.Workspace("spark-metrics", alias="spark-metrics", opts=c.aws)
            monitoring["prometheus_monitoring_configuration"] = {
                "remote_write_url": ws.prometheus_endpoint.apply(lambda e: f"{e}api/v1/remote_write")}  # fmt: skip
        properties = warehouse.bucket.apply(lambda b: {
            "spark.sql.extensions": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
            "spark.sql.catalog.lake": "org.apache.iceberg.spark.SparkCatalog",
            "spark.sql.catalog.lake.catalog-impl": "org.apache.iceberg.aws.glue.GlueCatalog",
            "spark.sql.catalog.lake.warehouse": f"s3://{b}/iceberg/",
            "spark.sql.catalog.lake.glue.id": account,
            "spark.hadoop.hive.metastore.client.factory.class":
                "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory",
            "spark.hadoop.hive.metastore.glue.catalogid": account,
        })  # fmt: skip
        capacities: Any = [{"initial_capacity_type": "Driver", "initial_capacity_config": {
            "worker_count": 2, "worker_configuration": {"cpu": "2 vCPU", "memory": "10 GB"}}}]  # fmt: skip
        runtime: Any = [{"classification": "spark-defaults", "properties": properties}]
        return aws.emrserverless.Application(
            "lake-spark", name="lake-spark", release_label="emr-7.5.0", type="spark", initial_capacities=capacities,
            maximum_capacity={"cpu": "64 vCPU", "memory": "256 GB"}, runtime_configurations=runtime,
            monitoring_configuration=monitoring, opts=c.aws,
        )  # fmt: skip

    return build


def on_eks(code: str, shape: str) -> Build:
    """EMR on EKS: a virtual cluster on the team's EKS cluster's ``spark`` namespace and a job template whose Spark
    jobs use the Glue catalog as metastore, log to the stack's bucket and log group. ``glue-other-account``: another
    account's catalog; ``log-partner-bucket``: logs to a bucket the stack does not make."""

    def build(c: Any) -> object:
        logs = aws.s3.Bucket("emr-eks-logs", opts=c.aws)
        group = aws.cloudwatch.LogGroup("emr-eks", name="/emr-on-eks/lake", retention_in_days=30, opts=c.aws)
        aws.emrcontainers.VirtualCluster(
            "lake", name="lake", container_provider={"id": "fleet-eks", "type": "EKS",
                                                     "info": {"eks_info": {"namespace": "spark"}}}, opts=c.aws,
        )  # fmt: skip
        account = OTHER if shape == "glue-other-account" else OWN
        log_uri = (
            pulumi.Output.from_input("s3://partner-spark-logs/emr-on-eks/")
            if shape == "log-partner-bucket"
            else logs.bucket.apply(lambda b: f"s3://{b}/emr-on-eks/")
        )
        return aws.emrcontainers.JobTemplate(
            "nightly", name="nightly", job_template_data={
                "execution_role_arn": f"arn:{_partition(code)}:iam::{OWN}:role/emr-eks-job",
                "release_label": "emr-7.5.0-latest",
                "job_driver": {"spark_submit_job_driver": {
                    "entry_point": logs.bucket.apply(lambda b: f"s3://{b}/jobs/nightly.py"),
                    "spark_submit_parameters": "--conf spark.executor.instances=4 --conf spark.executor.memory=8G"}},
                "configuration_overrides": {
                    "application_configurations": [{"classification": "spark-defaults", "properties": {
                        "spark.hadoop.hive.metastore.client.factory.class":
                            "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory",
                        "spark.hadoop.hive.metastore.glue.catalogid": account}}],
                    "monitoring_configuration": {
                        "persistent_app_ui": "ENABLED",
                        "cloud_watch_monitoring_configuration": {"log_group_name": group.name,
                                                                 "log_stream_name_prefix": "nightly"},
                        "s3_monitoring_configuration": {"log_uri": log_uri}}}},
            opts=c.aws,
        )  # fmt: skip

    return build


def ali_emr_kafka(shape: str, *, older: bool = False) -> Build:
    """An Alibaba Cloud EMR cluster (``emrv2.Cluster``; ``older``: ``emr.Cluster``) in cn-shanghai whose Spark
    streaming jobs read the Kafka bootstrap list from spark-defaults (``spark.kafka.bootstrap.servers``) and whose
    Kafka Connect workers write to ``bootstrap.servers``: the stack's own ApsaraMQ for Kafka instance's ``end_point``
    (``own-instance``), a partner's brokers (``partner``), or an instance's bootstrap written by hand (``by-hand``)."""

    def build(c: Any) -> object:
        kafka = alicloud.alikafka.Instance(
            "events", name="events", partition_num=50, disk_type=1, disk_size=500, deploy_type=5, io_max=20,
            vswitch_id="vsw-uf6fleet0001", security_group="sg-uf6fleet0001", opts=c.ali,
        )  # fmt: skip
        hand = ",".join(f"alikafka-post-cn-7mz2abcd0001-{n}-vpc.alikafka.aliyuncs.com:9092" for n in (1, 2))
        partner = "kafka-1.partner-mobility.example.com:9092,kafka-2.partner-mobility.example.com:9092"
        servers = kafka.end_point.apply(lambda own: {"partner": partner, "by-hand": hand}.get(shape, own))
        settings = {"spark.kafka.bootstrap.servers": servers, "spark.streaming.kafka.maxRatePerPartition": "1000"}
        if older:
            configs: Any = [{"service_name": "SPARK", "file_name": "spark-defaults", "config_key": k, "config_value": v}
                            for k, v in settings.items()]  # fmt: skip
            return alicloud.emr.Cluster(
                "stream", name="stream", emr_ver="EMR-3.40.0", cluster_type="HADOOP", zone_id="cn-shanghai-l",
                security_group_id="sg-uf6fleet0001", vswitch_id="vsw-uf6fleet0001", charge_type="PostPaid",
                host_groups=[{"host_group_name": "master", "host_group_type": "MASTER", "node_count": "1",
                              "instance_type": "ecs.g7.xlarge", "disk_type": "cloud_essd", "disk_capacity": "80",
                              "disk_count": "1", "sys_disk_type": "cloud_essd", "sys_disk_capacity": "120"}],
                configs=configs, opts=c.ali,
            )  # fmt: skip
        items: list[Any] = [{"application_name": "SPARK3", "config_file_name": "spark-defaults.conf",
                             "config_item_key": k, "config_item_value": v, "config_scope": "CLUSTER"}
                            for k, v in settings.items()]  # fmt: skip
        items.append({"application_name": "KAFKA", "config_file_name": "connect-distributed.properties",
                      "config_item_key": "bootstrap.servers", "config_item_value": servers,
                      "config_scope": "CLUSTER"})  # fmt: skip
        return alicloud.emrv2.Cluster(
            "stream", cluster_name="stream", cluster_type="DATAFLOW", release_version="EMR-5.16.0",
            payment_type="PayAsYouGo", deploy_mode="NORMAL", applications=["SPARK3", "KAFKA"],
            application_configs=items,
            node_attributes=[{"vpc_id": "vpc-uf6fleet0001", "zone_id": "cn-shanghai-l",
                              "security_group_id": "sg-uf6fleet0001", "ram_role": "AliyunECSInstanceForEMRRole",
                              "key_pair_name": "emr-ops"}],
            node_groups=[{"node_group_type": "MASTER", "node_group_name": "master", "node_count": 1,
                          "instance_types": ["ecs.g7.xlarge"], "vswitch_ids": ["vsw-uf6fleet0001"],
                          "system_disk": {"category": "cloud_essd", "size": 120, "count": 1},
                          "data_disks": [{"category": "cloud_essd", "size": 80, "count": 1}]}],
            opts=c.ali,
        )  # fmt: skip

    return build


AWS_SHAPES = ("emr-glue-own-account", "emr-glue-other-account", "emr-glue-other-account-declared",
              "serverless-own", "serverless-glue-other-account", "serverless-prometheus-partner",
              "eks-own", "eks-glue-other-account", "eks-log-partner-bucket")  # fmt: skip


def _aws_build(code: str, shape: str) -> Build:
    if shape.startswith("emr-"):
        return emr_glue(code, OWN if shape == "emr-glue-own-account" else OTHER)
    if shape.startswith("serverless-"):
        return serverless(code, shape.removeprefix("serverless-"))
    return on_eks(code, shape.removeprefix("eks-"))


def expected_aws(code: str, shape: str) -> set[str]:
    if shape.endswith("glue-other-account"):
        return set() if code == "CN" else {"RES-023"}  # aws-cn accounts are in China
    if shape == "serverless-prometheus-partner":
        return {"RES-015"}
    if shape == "eks-log-partner-bucket":
        return set() if code == "CN" else {"RES-017"}  # every aws-cn bucket is in China
    return set()


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"emr42-{code.lower()}-{shape}", code, _aws_build(code, shape), expected_aws(code, shape),
         declared_account(code) if shape.endswith("-declared") else [])
        for code in CODES
        for shape in AWS_SHAPES
        if not (code == "CN" and shape.endswith("-declared"))
    ] + [
        ("emr42-cn-ali-emrv2-kafka-own-instance", "CN", ali_emr_kafka("own-instance"), set(), []),
        ("emr42-cn-ali-emrv2-kafka-partner", "CN", ali_emr_kafka("partner"), {"RES-015"}, []),
        ("emr42-cn-ali-emrv2-kafka-by-hand", "CN", ali_emr_kafka("by-hand"), {"RES-015"}, []),
        ("emr42-cn-ali-emr-v1-kafka-own-instance", "CN", ali_emr_kafka("own-instance", older=True), set(), []),
        ("emr42-cn-ali-emr-v1-kafka-partner", "CN", ali_emr_kafka("partner", older=True), {"RES-015"}, []),
    ]  # fmt: skip
