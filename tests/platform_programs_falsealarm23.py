"""False-alarm hunt over the registry's example programs of data-carrying types not ported yet (stop 40,
``falsealarm23``).

The ``## Example Usage`` programs of the pulumi-aws 7.51.1 and pulumi-alicloud 4.0.0 resource docstrings, which are the
Pulumi registry's API pages (``https://www.pulumi.com/registry/packages/<aws|alicloud>/api-docs/<module>/<type>/``, each
example's ``docs`` in the fixture), for 60 types that ``tests/fixtures/registry_examples36.yaml`` (stop 36,
``falsealarm18``) did not hold: storage (S3 inventory, analytics, intelligent tiering, directory buckets, ACL grants;
OSS versioning, encryption, inventory, WORM), databases and their backups and exports (DynamoDB Kinesis streaming and S3
export, RDS activity streams and snapshot copies, DocumentDB elastic clusters, Redshift Serverless and data shares,
ElastiCache users; ApsaraDB RDS backups and read-only instances, PolarDB backup policies and its DynamoDB-compatible
tables, Redis backups and audit logs, MongoDB backups, AnalyticDB for PostgreSQL databases, Tablestore tunnels), backup
services (AWS Backup vault locks, report plans, air-gapped vaults, restore testing, EFS backup policies; Cloud Backup
OSS / NAS / SAP HANA plans, NAS snapshots and mount targets), streaming and messaging (Kinesis consumers, EventBridge
archives, Pipes; ApsaraMQ for Kafka / RabbitMQ / RocketMQ, MNS subscriptions, EventBridge HTTP sources, Function Compute
triggers), logging (CloudWatch Logs resource and data protection policies; SLS OSS export and scheduled SQL, API Gateway
log configuration, CloudMonitor process alarms), ML (SageMaker models), data catalogues (Glue tables, registries,
connections, Athena queries), search (OpenSearch Serverless) and KMS (external keys, Alibaba key versions, Secrets
Manager resource policies). Copied verbatim into ``tests/fixtures/registry_examples_falsealarm23.yaml``.

Sources, each the registry page ``https://www.pulumi.com/registry/packages/aws/api-docs/<module>/<type>/`` (``#3``: the
page's third example): s3.BucketAcl#3, s3.Inventory, s3.AnalyticsConfiguration,
s3.BucketIntelligentTieringConfiguration, s3.DirectoryBucket, dynamodb.KinesisStreamingDestination,
dynamodb.TableExport, backup.VaultLockConfiguration, backup.ReportPlan, backup.LogicallyAirGappedVault,
backup.RestoreTestingPlan, kinesis.StreamConsumer, secretsmanager.SecretPolicy, kms.ExternalKey, glue.CatalogTable,
glue.Registry, athena.NamedQuery, cloudwatch.EventArchive, cloudwatch.LogResourcePolicy,
cloudwatch.LogDataProtectionPolicy, efs.BackupPolicy, rds.SnapshotCopy, docdb.ElasticCluster, rds.ClusterActivityStream,
redshiftserverless.Workgroup, opensearch.ServerlessCollection, elasticache.User, sagemaker.Model, pipes.Pipe,
redshift.DataShareAuthorization, glue.Connection. And
``https://www.pulumi.com/registry/packages/alicloud/api-docs/<module>/<type>/``: eventbridge.EventSourceV2,
polardb.DynamoItem, oss.BucketVersioning, oss.BucketServerSideEncryption, oss.BucketInventory, oss.BucketWorm,
log.OssExport, nas.MountTarget, hbr.OssBackupPlan, hbr.NasBackupPlan, hbr.HanaInstance, rds.RdsBackup,
rds.ReadOnlyInstance, kms.KeyVersion, kvstore.BackupPolicy, kvstore.AuditLogConfig, ots.Tunnel, alikafka.Topic,
amqp.Queue, rocketmq.RocketMQTopic, message.ServiceSubscription, fc.V3Trigger, nas.Snapshot, mongodb.Backup,
cloudmonitor.ServiceGroupMonitoringAgentProcess, apigateway.LogConfig, sls.ScheduledSql, polardb.BackupPolicy,
gpdb.Database.

Each runs as a user copies it (:func:`platform_programs_review36.program`): the stack's explicit provider on every
resource and provider function (AWS pinned to the team's account), regions, zones and account ids written in literals
become the stack's, ``arn:aws:`` becomes ``arn:aws-cn:`` in CN, ``pulumi_random.Integer`` a fixed number. One more
literal is localised here: an AWS zone id (``usw2-az1``: an S3 directory bucket's location and its name) becomes the
stack Region's (``euw1-az1``), as the zone name ``us-west-2a`` becomes ``eu-west-1a``.

Every example runs in CN and in one other stack of its cloud, in turn (AWS: EU, DE, JP, US; Alibaba Cloud: DE, JP,
US). A refusal is a false alarm (fixed in the catalogue, with an offending twin that stays refused) or genuine (kept,
with a declared twin ``-declared``); ``REFUSED`` carries the verdicts and the reasons.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import platform_programs_review36 as rx36
import yaml

Build = Callable[[Any], object]

EXAMPLES: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "registry_examples_falsealarm23.yaml").read_text(encoding="utf-8")
)
"""Example key (``aws.s3.Inventory``, ``aws.s3.BucketAcl#3`` for a type's third example) -> ``docs`` (the registry
page) and ``source`` (the example as the registry prints it)."""

_ZONE_ID = re.compile(r"\b(?:use|usw|euw|euc|eun|eus|apne|apse|aps|cnn|cnnw|cac|sae|mec|afs)[0-9]-az[0-9]\b")
_ZONE_IDS = {"EU": "euw1-az1", "DE": "euc1-az1", "JP": "apne1-az1", "US": "use1-az1", "CN": "cnn1-az1"}
"""AWS zone ids (``usw2-az1``: "AZ IDs", AWS RAM user guide), one per stack Region."""


def example(key: str, code: str) -> Build:
    """The example ``key`` as a program of a ``code`` stack."""
    source = EXAMPLES[key]["source"]
    if rx36.cloud_of(key) == "aws":
        source = _ZONE_ID.sub(_ZONE_IDS[code], source)
    return rx36.program(key, source, code)


def slug(key: str) -> str:
    """The table id part of a registry example's key (``aws.s3.BucketV2#2`` -> ``bucketv2-ex2``), for hunts 23-26."""
    return key.split(".", 1)[1].replace("_", "").replace("#", "-ex").replace(".", "-").lower()


def stacks(examples: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(example, stack): each example (this hunt's, or ``examples``: hunt 26's) in CN and in one other stack of its
    cloud, in turn."""
    others = {"aws": ("EU", "DE", "JP", "US"), "alicloud": ("DE", "JP", "US")}
    turn = {"aws": 0, "alicloud": 0}
    out: list[tuple[str, str]] = []
    for key in EXAMPLES if examples is None else examples:
        cloud = rx36.cloud_of(key)
        out += [(key, "CN"), (key, others[cloud][turn[cloud] % len(others[cloud])])]
        turn[cloud] += 1
    return out


def _resident(id_: str, match: str, evidence: str) -> dict[str, Any]:
    return {"id": id_, "kind": "resident", "match": match, "evidence": evidence}


REFUSED: dict[tuple[str, str], str] = {
    # The JDBC connection's `jdbc:mysql://example.com/exampledatabase`: a database host no catalogue places.
    ("aws.glue.Connection", "CN"): "RES-015",
    ("aws.glue.Connection", "JP"): "RES-015",
    # The report plan delivers its reports into `example-bucket-name`, a bucket the stack does not make: bucket names
    # are global in the partition (aws-cn's are China's: accepted there).
    ("aws.backup.ReportPlan", "EU"): "RES-017",
    # A datashare authorised for an account: the consumer reads it from whichever Regions it associates it in.
    ("aws.redshift.DataShareAuthorization", "DE"): "RES-016",
    # The SLS export writes the logstore into OSS bucket `example-bucket`, which the stack does not make: OSS bucket
    # names are global in Alibaba Cloud, in CN too.
    ("alicloud.log.OssExport", "CN"): "RES-017",
    ("alicloud.log.OssExport", "DE"): "RES-017",
    # Cloud Backup for SAP HANA connects to the database at `1.1.1.1`: an IP literal nothing places.
    ("alicloud.hbr.HanaInstance", "CN"): "RES-015",
    ("alicloud.hbr.HanaInstance", "JP"): "RES-015",
    # An MNS subscription pushing the topic's messages to `http://example.com`.
    ("alicloud.message.ServiceSubscription", "CN"): "RES-015",
    ("alicloud.message.ServiceSubscription", "US"): "RES-015",
    # A process alarm's webhook `https://www.aliyun.com`: Alibaba Cloud's portal, served from edge locations.
    ("alicloud.cloudmonitor.ServiceGroupMonitoringAgentProcess", "CN"): "RES-016",
    ("alicloud.cloudmonitor.ServiceGroupMonitoringAgentProcess", "DE"): "RES-016",
    # Stop 46 (etlrole46): a Scheduled SQL job's `dest_role_arn` is the destination account's write role (SLS "Grant a
    # RAM role the permissions to access Logstores across Alibaba Cloud accounts"), judged as a written destination's
    # account (written_account_fields). The example writes the registry's own account (1395894005868720, which the
    # port keeps) under a provider assuming no role. The pinned twin (the team's UID, its deployment role assumed) is
    # etlrole46-falsealarm23-sls-scheduledsql-<stack>-pinned (tests/platform_programs_etlrole46.py).
    ("alicloud.sls.ScheduledSql", "CN"): "RES-023",
    ("alicloud.sls.ScheduledSql", "US"): "RES-023",
}
"""Genuine refusals, kept: (example, stack) -> rule. Each has its declared twin in ``DECLARED``."""

_DATASHARE = {"id": "datashare-consumer", "kind": "transfer", "match": "aws-redshift-datashare-authorization",
              "destination": "US", "data_classes": ["owner_personal_data"], "basis": "scc",
              "reference": "DPIA-2026-401 (datashare consumer)", "approved_by": "dpo@example.com",
              "expires": "2099-12-31"}  # fmt: skip

DECLARED: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("aws.glue.Connection", "CN"): [_resident("jdbc-host", "example.com", "the team's MySQL server in Beijing")],
    ("aws.glue.Connection", "JP"): [_resident("jdbc-host", "example.com", "the team's MySQL server in Tokyo")],
    ("aws.backup.ReportPlan", "EU"): [_resident("report-bucket", "example-bucket-name",
                                                "the audit account's bucket in eu-west-1")],
    ("aws.redshift.DataShareAuthorization", "DE"): [_DATASHARE],
    ("alicloud.log.OssExport", "CN"): [_resident("export-bucket", "example-bucket", "the ops bucket in cn-hangzhou")],
    ("alicloud.log.OssExport", "DE"): [_resident("export-bucket", "example-bucket", "the ops bucket in eu-central-1")],
    ("alicloud.hbr.HanaInstance", "CN"): [_resident("hana-host", "1.1.1.1", "the HANA server's EIP in cn-hangzhou")],
    ("alicloud.hbr.HanaInstance", "JP"): [_resident("hana-host", "1.1.1.1", "the HANA server's EIP in Tokyo")],
    ("alicloud.message.ServiceSubscription", "CN"): [_resident("push-endpoint", "example.com",
                                                               "the application's callback in cn-hangzhou")],
    ("alicloud.message.ServiceSubscription", "US"): [_resident("push-endpoint", "example.com",
                                                               "the application's callback in us-east-1")],
    ("alicloud.cloudmonitor.ServiceGroupMonitoringAgentProcess", "CN"): [
        _resident("alarm-webhook", "www.aliyun.com", "placeholder webhook of the registry example")],
    ("alicloud.cloudmonitor.ServiceGroupMonitoringAgentProcess", "DE"): [
        _resident("alarm-webhook", "www.aliyun.com", "placeholder webhook of the registry example")],
    ("alicloud.sls.ScheduledSql", "CN"): [_resident("registry-account", "acs:ram::1395894005868720:",
                                                    "the account whose Logstores the job writes, in cn-hangzhou")],
    ("alicloud.sls.ScheduledSql", "US"): [_resident("registry-account", "acs:ram::1395894005868720:",
                                                    "the account whose Logstores the job writes, in us-east-1")],
}  # fmt: skip
"""(example, stack) -> the declarations that let the stack run it (the one-line fix the refusal's message gives)."""

TWINS: dict[str, tuple[str, tuple[tuple[str, str], ...], str, tuple[str, ...]]] = {
    # The false alarms' offending twins, each the example with one literal changed: name -> (example, (old, new)
    # replacements, rule it must stay refused under, stacks).
    # The grant to the Log Delivery group becomes a grant to everyone (AllUsers): public (RES-024).
    "allusers": ("aws.s3.BucketAcl#3", (("/groups/s3/LogDelivery", "/groups/global/AllUsers"),), "RES-024",
                 ("EU", "CN")),
    # The same group path under a host that is not S3's group namespace.
    "lookalike-host": ("aws.s3.BucketAcl#3", (("acs.amazonaws.com", "acs.amazonaws.com.example.net"),), "RES-015",
                       ("EU", "CN")),
    # The referers' domain as the bus's destination: a rule pushing the source's events to an HTTP endpoint there.
    "http-target": ("alicloud.eventbridge.EventSourceV2", (("\n    })\n", """\n    })
default_rule = alicloud.eventbridge.Rule("default",
    event_bus_name=default_event_bus.event_bus_name,
    rule_name=name,
    filter_pattern="{}",
    targets=[{
        "target_id": "http",
        "type": "acs.api.destination",
        "endpoint": "https://www.aliyun.com/notify",
        "param_lists": [{"resource_key": "Name", "form": "CONSTANT", "value": "example"}],
    }])
"""),), "RES-016", ("CN", "DE")),
    # The table's endpoint typed in (the host shape the cluster's endpoint has, of no resource of this stack).
    "typed-endpoint": ("alicloud.polardb.DynamoItem", (
        ('endpoint=dynamo_public.connection_string.apply(lambda connection_string: f"http://{connection_string}:5432"),'
         '\n    db_cluster_id=default_cluster.id,\n    account_name=dynamo.account_name,\n'
         '    account_auth=dynamo.dynamodb_auth_password,\n    table_name=default_dynamo_table.table_name,',
         'endpoint="http://pc-2ze0example00001.rwlb.rds.aliyuncs.com:5432",'
         '\n    db_cluster_id=default_cluster.id,\n    account_name=dynamo.account_name,\n'
         '    account_auth=dynamo.dynamodb_auth_password,\n    table_name=default_dynamo_table.table_name,'),
    ), "RES-015", ("CN", "JP")),
}  # fmt: skip
"""Offending twins of the fixed false alarms (``falsealarm23-<example>-<stack>-<twin>``)."""


def twin(name: str, code: str) -> Build:
    key, replacements, _, _ = TWINS[name]
    source = EXAMPLES[key]["source"]
    for old, new in replacements:
        assert source.count(old) == 1, (name, old)
        source = source.replace(old, new)
    if rx36.cloud_of(key) == "aws":
        source = _ZONE_ID.sub(_ZONE_IDS[code], source)
    return rx36.program(key, source, code)


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for key, code in stacks():
        name = f"falsealarm23-{slug(key)}-{code.lower()}"
        refused = REFUSED.get((key, code))
        yield name, code, example(key, code), {refused} if refused else set(), []
        if (key, code) in DECLARED:
            yield f"{name}-declared", code, example(key, code), set(), DECLARED[(key, code)]
    for twin_name, (key, _, rule, codes) in TWINS.items():
        for code in codes:
            yield f"falsealarm23-{slug(key)}-{code.lower()}-{twin_name}", code, twin(twin_name, code), {rule}, []
