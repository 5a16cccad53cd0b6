"""Log-router outputs whose destination is a default, and EMR configurations (stop 41, issue 9, leftovers41).

Two "not judged" entries of docs/residency-open.md, reproduced on the unchanged engine with the programs below:

- FireLens (an ECS task's or Batch job's ``logConfiguration``, ``logDriver: awsfirelens``, ``options`` being the Fluent
  Bit output). A New Relic output without ``endpoint`` (New Relic's Go plugin, ``Name newrelic``) or ``base_uri``
  (Fluent Bit's built-in ``nrlogs``) ships every log line to https://log-api.newrelic.com/log/v1, New Relic's US
  endpoint (docs.fluentbit.io, new-relic: "By default the value points to the US end-point"); ``azure`` posts to
  ``<customer_id>.ods.opinsights.azure.com`` (fluent-bit plugins/out_azure/azure.h), ``azure_blob`` to
  ``<account_name>.blob.core.windows.net`` unless ``endpoint`` is set. All passed in EU, US, JP and CN; since stop 41
  each is refused like the catalogued Datadog default (RES-016, global_services ``firelens-*``) unless declared (the
  entry id, as a transfer) or, where the output takes one, an endpoint the engine judges is set. Compliant twins: the
  ``cloudwatch_logs`` output in the stack's Region, an ``http`` output to the stack's own internal NLB (its
  ``dns_name``), an ``s3`` output to the stack's own bucket without ``region`` (Fluent Bit defaults it to us-east-1,
  which only picks the endpoint: the objects land in the bucket's Region, and the bucket is the stack's); offending
  twins: New Relic's EU endpoint set by hand (a third party's host, RES-015 everywhere), ``cloudwatch_logs`` in a
  foreign Region (RES-009, judged before too).
- EMR. ``aws.emr.Cluster(configurations_json=...)``: hosts, regions and buckets in the classifications' properties
  were already judged (a URL or host anywhere, ``*.region`` / ``*.endpoint`` keys, ``s3://`` buckets): these twins keep
  that (the own RDS metastore by its output, the own warehouse bucket; a partner metastore, RES-015). Alibaba's older
  ``emr.Cluster`` (``configs``: ``{config_key, config_value}``) did not read ``dlf.catalog.region`` by name as the
  ``emrv2.Cluster`` does: a Singapore catalog passed in a CN cluster; refused since stop 41 (RES-009).

tests/test_realistic_programs.py runs them as CASES (``leftovers41-*``).
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

OUTPUTS = ("cloudwatch-own-region", "http-own-nlb", "s3-own-bucket-no-region", "newrelic-default", "nrlogs-default",
           "newrelic-declared", "newrelic-eu-endpoint", "azure", "azure-blob", "cloudwatch-foreign-region")  # fmt: skip


def _foreign(code: str) -> str:
    return "eu-west-1" if code in ("US", "JP") else "us-east-1" if code == "EU" else "ap-southeast-1"


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def expected_firelens(code: str, output: str) -> set[str]:
    if output in ("newrelic-default", "nrlogs-default", "azure", "azure-blob"):
        return {"RES-016"}
    if output == "newrelic-eu-endpoint":
        return {"RES-015"}
    if output == "cloudwatch-foreign-region":
        # aws-cn's partition holds no foreign Region to name (ap-southeast-1 is aws's): judged as a region all the same.
        return {"RES-009"}
    return set()


def declared_firelens(code: str, output: str) -> list[dict[str, Any]]:
    """The New Relic default declared by the entry id the finding names: a transfer to the US under a basis the
    jurisdiction accepts; in the US a resident service (New Relic's US region)."""
    if output != "newrelic-declared":
        return []
    if code == "US":
        return [{"id": "newrelic-logs", "kind": "resident", "match": "firelens-newrelic-default-endpoint",
                 "evidence": "New Relic account in its US region (log-api.newrelic.com), MSA 2026-02"}]  # fmt: skip
    basis = {"EU": "scc", "CN": "cac-security-assessment"}.get(code, "documented-assessment")
    return [{
        "id": "newrelic-logs", "kind": "transfer", "match": "firelens-newrelic-default-endpoint", "destination": "US",
        "data_classes": ["audit_logs"], "basis": basis,
        "reference": f"TIA-{code}-2026-077 (application logs to New Relic US)", "approved_by": "dpo@example.com",
        "expires": "2099-12-31",
    }]  # fmt: skip


def firelens(code: str, output: str) -> Build:
    """A Fargate task whose app container's logs go through a FireLens Fluent Bit router to ``output``; the router's
    own logs go to the stack's log group (awslogs, in the Region)."""
    region = REGIONS[code]

    def build(c: Any) -> object:
        group = aws.cloudwatch.LogGroup("app-logs", opts=c.aws)
        target: Any = None
        if output == "http-own-nlb":
            nlb = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                      opts=c.aws)  # fmt: skip
            target = nlb.dns_name
        elif output == "s3-own-bucket-no-region":
            target = aws.s3.Bucket("app-log-archive", opts=c.aws).bucket

        def options(values: list[Any]) -> dict[str, str]:
            log_group, tgt = values
            if output == "cloudwatch-own-region":
                return {"Name": "cloudwatch_logs", "region": region, "log_group_name": log_group,
                        "log_stream_prefix": "app-", "auto_create_group": "false"}  # fmt: skip
            if output == "cloudwatch-foreign-region":
                return {"Name": "cloudwatch_logs", "region": _foreign(code), "log_group_name": "central-app-logs",
                        "log_stream_prefix": "app-"}  # fmt: skip
            if output == "http-own-nlb":
                return {"Name": "http", "Host": tgt, "Port": "8443", "URI": "/ingest", "Format": "json", "tls": "on"}
            if output == "s3-own-bucket-no-region":
                return {"Name": "s3", "bucket": tgt, "total_file_size": "50M", "upload_timeout": "5m"}
            if output in ("newrelic-default", "newrelic-declared"):
                # New Relic's FireLens example: its image (newrelic/newrelic-fluentbit-output), licenseKey only.
                return {"Name": "newrelic", "licenseKey": "eu01xxLICENSEKEYNRAL"}
            if output == "nrlogs-default":
                return {"Name": "nrlogs", "license_key": "eu01xxLICENSEKEYNRAL", "compress": "gzip"}
            if output == "newrelic-eu-endpoint":
                return {"Name": "newrelic", "licenseKey": "eu01xxLICENSEKEYNRAL",
                        "endpoint": "https://log-api.eu.newrelic.com/log/v1"}  # fmt: skip
            if output == "azure":
                return {"Name": "azure", "Customer_ID": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "Shared_Key": "k",
                        "Log_Type": "FleetApp"}  # fmt: skip
            if output == "azure-blob":
                return {"Name": "azure_blob", "account_name": "fleetlogs", "shared_key": "k",
                        "container_name": "app", "auto_create_container": "on"}  # fmt: skip
            raise ValueError(output)

        def containers(values: list[Any]) -> str:
            return json.dumps([
                {"name": "log_router", "essential": True,
                 "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                 "firelensConfiguration": {"type": "fluentbit", "options": {"enable-ecs-log-metadata": "true"}},
                 "logConfiguration": {"logDriver": "awslogs", "options": {
                     "awslogs-group": values[0], "awslogs-region": region, "awslogs-stream-prefix": "firelens"}}},
                {"name": "app", "essential": True, "image": f"123456789012.dkr.ecr.{region}.{_suffix(code)}/app:2.1",
                 "logConfiguration": {"logDriver": "awsfirelens", "options": options(values)}},
            ])  # fmt: skip

        return aws.ecs.TaskDefinition(
            "app", family="app", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512",
            memory="1024", container_definitions=pulumi.Output.all(group.name, target).apply(containers), opts=c.aws,
        )  # fmt: skip

    return build


EMR_SHAPES = ("own-metastore-and-warehouse", "partner-metastore")


def aws_emr(code: str, shape: str) -> Build:
    """An EMR cluster (Hive and Spark) whose Hive metastore is the stack's RDS MySQL (its ``address``) and whose
    warehouse is the stack's bucket; S3A addressed through the Region's endpoint. ``partner-metastore``: the
    metastore a partner runs (``hive.metastore.uris``, thrift)."""
    region = REGIONS[code]

    def build(c: Any) -> object:
        warehouse = aws.s3.Bucket("warehouse", opts=c.aws)
        db = aws.rds.Instance("hive-metastore", engine="mysql", instance_class="db.t4g.medium", allocated_storage=20,
                              username="hive", manage_master_user_password=True, skip_final_snapshot=True,
                              opts=c.aws)  # fmt: skip

        def configurations(values: list[Any]) -> str:
            bucket, address = values
            hive: dict[str, str] = {"hive.metastore.warehouse.dir": f"s3://{bucket}/hive/"}
            if shape == "own-metastore-and-warehouse":
                hive["javax.jdo.option.ConnectionURL"] = (
                    f"jdbc:mysql://{address}:3306/hive?createDatabaseIfNotExist=true"
                )
                hive["javax.jdo.option.ConnectionDriverName"] = "org.mariadb.jdbc.Driver"
            else:
                hive["hive.metastore.uris"] = "thrift://metastore.partner-lake.example.com:9083"
            return json.dumps([
                {"Classification": "hive-site", "Properties": hive},
                {"Classification": "spark-defaults", "Properties": {
                    "spark.hadoop.fs.s3a.endpoint": f"s3.{region}.{_suffix(code)}",
                    "spark.eventLog.dir": f"s3a://{bucket}/spark-events/", "spark.dynamicAllocation.enabled": "true"}},
                {"Classification": "emrfs-site", "Properties": {"fs.s3.consistent": "false"}},
            ])  # fmt: skip

        return aws.emr.Cluster(
            "lake", name="lake", release_label="emr-7.5.0", applications=["Hive", "Spark"],
            service_role="arn:aws:iam::123456789012:role/EMR_DefaultRole_V2" if code != "CN"
            else "arn:aws-cn:iam::123456789012:role/EMR_DefaultRole_V2",
            ec2_attributes={"subnet_id": SUBNETS[0], "instance_profile": "EMR_EC2_DefaultRole"},
            master_instance_group={"instance_type": "m6g.xlarge"}, core_instance_group={"instance_type": "m6g.xlarge",
                                                                                        "instance_count": 2},
            configurations_json=pulumi.Output.all(warehouse.bucket, db.address).apply(configurations), opts=c.aws,
        )  # fmt: skip

    return build


def ali_emr_v1(catalog_region: str) -> Build:
    """An Alibaba Cloud EMR cluster of the older type (``emr.Cluster``) in cn-shanghai whose Hive metastore is the DLF
    catalog of ``catalog_region`` (the ``configs`` entries EMR's "use DLF as the metastore" page lists), reached through
    the cluster Region's endpoint: only the region setting differs, which passed before stop 41."""

    def build(c: Any) -> object:
        configs: list[Any] = [
            {"service_name": "HIVE", "file_name": "hive-site", "config_key": key, "config_value": value}
            for key, value in {
                "hive.metastore.type": "DLF",
                "dlf.catalog.region": catalog_region,
                "dlf.catalog.endpoint": "dlf-vpc.cn-shanghai.aliyuncs.com",
                "dlf.catalog.akMode": "EMR_AUTO",
            }.items()
        ]
        return alicloud.emr.Cluster(
            "lake", name="lake", emr_ver="EMR-3.40.0", cluster_type="HADOOP", zone_id="cn-shanghai-l",
            security_group_id="sg-uf6fleet0001", vswitch_id="vsw-uf6fleet0001", charge_type="PostPaid",
            host_groups=[{"host_group_name": "master", "host_group_type": "MASTER", "node_count": "1",
                          "instance_type": "ecs.g7.xlarge", "disk_type": "cloud_essd", "disk_capacity": "80",
                          "disk_count": "1", "sys_disk_type": "cloud_essd", "sys_disk_capacity": "120"}],
            configs=configs, opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"leftovers41-{code.lower()}-firelens-{out}", code, firelens(code, out), expected_firelens(code, out),
         declared_firelens(code, out))
        for code in CODES
        for out in OUTPUTS
    ] + [
        (f"leftovers41-{code.lower()}-emr-{shape}", code, aws_emr(code, shape),
         {"RES-015"} if shape == "partner-metastore" else set(), [])
        for code in CODES
        for shape in EMR_SHAPES
    ] + [
        ("leftovers41-cn-ali-emr-v1-dlf-region-abroad", "CN", ali_emr_v1("ap-southeast-1"), {"RES-009"}, []),
        ("leftovers41-cn-ali-emr-v1-dlf-region-in-country", "CN", ali_emr_v1("cn-hangzhou"), set(), []),
    ]  # fmt: skip
