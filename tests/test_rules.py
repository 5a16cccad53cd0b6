"""Paired compliant / non-compliant cases for every rule, judged by the one engine.

The guard, the plan and the policy pack are thin front doors over this engine; their own tests
check the wiring, these check the rules.
"""

from __future__ import annotations

import base64
import fnmatch
import functools
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from destination_entries import PARTNER_TRANSFER
from hypothesis import given, settings
from hypothesis import strategies as st
from platform_programs_stackset49 import peering_body, trips_body

from components.residency import RULES, ProviderRef, RuleEngine, Subject
from components.residency.destinations import parse_destinations
from components.residency.docs import rules_markdown, sync_readme
from components.residency.endpoints import DeliveryActions, load_endpoints
from components.residency.engine import ACCOUNT_KEY, Place, bucket_key, group_key, made_arn_key, provider_site
from components.residency.rules import RuleId
from components.residency.service_names import _host_entries

AWS_CN = ProviderRef("aws", "cn-north", "cn-north-1")
ALI_CN = ProviderRef("alicloud", "cn-shanghai", "cn-shanghai")
AWS_EU = ProviderRef("aws", "eu", "eu-central-1")


def aws(type_: str, provider: ProviderRef | None = AWS_CN, **props: Any) -> Subject:
    return Subject(type_, "r", props, provider)


def ali(type_: str, provider: ProviderRef | None = ALI_CN, **props: Any) -> Subject:
    return Subject(type_, "r", props, provider)


def policy(*resources: str, service: str = "s3.amazonaws.com") -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Resource": list(resources)}],
        }
    )


def _state(resource: str, parameters: dict[str, Any]) -> str:
    """A one-state workflow calling ``resource`` with ``parameters``."""
    task = {"Type": "Task", "Resource": f"arn:aws:states:::{resource}", "Parameters": parameters, "End": True}
    return json.dumps({"StartAt": "T", "States": {"T": task}})


# (rule id, jurisdiction, compliant subject, non-compliant subject, offending path)
PAIRS: list[tuple[str, str, Subject, Subject, str]] = [
    (
        "RES-001",
        "CN",
        Subject("pulumi:providers:aws", "p", {"region": "cn-northwest-1"}),
        Subject("pulumi:providers:aws", "p", {"region": "ap-east-1"}),
        "region",
    ),
    (
        "RES-001",
        "CN",
        Subject("pulumi:providers:alicloud", "p", {"region": "cn-beijing"}),
        Subject("pulumi:providers:alicloud", "p", {"region": "cn-hongkong"}),
        "region",
    ),
    (
        "RES-001",
        "EU",
        Subject("pulumi:providers:aws", "p", {"region": "eu-west-1"}),
        Subject("pulumi:providers:aws", "p", {}),
        "region",
    ),
    (
        "RES-002",
        "CN",
        aws("aws:s3/bucket:Bucket"),
        aws("aws:s3/bucket:Bucket", provider=ProviderRef("aws", "", default=True)),
        "provider",
    ),
    (
        "RES-003",
        "CN",
        aws("aws:s3/bucket:Bucket", region="cn-northwest-1"),
        aws("aws:s3/bucket:Bucket", region="us-east-1"),
        "region",
    ),
    (
        "RES-003",
        "CN",
        ali("alicloud:kms/key:Key", regionId="cn-beijing"),
        ali("alicloud:kms/key:Key", regionId="cn-hongkong"),
        "regionId",
    ),
    (
        "RES-004",
        "CN",
        aws("aws:s3/bucketPolicy:BucketPolicy", bucket="b", policy=policy("arn:aws-cn:s3:::b/*")),
        aws("aws:s3/bucketPolicy:BucketPolicy", bucket="b", policy=policy("arn:aws:s3:::b/*")),
        "policy(json).Statement[0].Resource[0]",
    ),
    (
        "RES-004",
        "EU",
        aws("aws:s3/bucket:Bucket", provider=AWS_EU, kms_key_id="arn:aws:kms:eu-west-3:1:key/k"),
        aws("aws:s3/bucket:Bucket", provider=AWS_EU, kms_key_id="arn:aws:kms:eu-west-2:1:key/k"),
        "kms_key_id",
    ),
    (
        "RES-005",
        "CN",
        ali(
            "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment",
            role="acs:ram::1:role/x",
            arn="acs:kms:cn-shanghai:1:key/k",
        ),
        ali(
            "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment",
            role="acs:ram::1:role/x",
            arn="acs:kms:cn-hongkong:1:key/k",
        ),
        "arn",
    ),
    (
        "RES-006",
        "CN",
        Subject(
            "pulumi:providers:aws",
            "p",
            {"region": "cn-north-1", "endpoints": [{"s3": "https://s3.cn-north-1.amazonaws.com.cn"}]},
        ),
        Subject(
            "pulumi:providers:aws",
            "p",
            {"region": "cn-north-1", "endpoints": [{"s3": "https://s3.us-west-2.amazonaws.com"}]},
        ),
        "endpoints[0].s3",
    ),
    (
        "RES-006",
        "CN",
        ali("alicloud:oss/bucket:Bucket", website={"indexDocument": "https://b.oss-cn-shanghai.aliyuncs.com/i.html"}),
        ali(
            "alicloud:oss/bucket:Bucket", website={"indexDocument": "https://b.oss-ap-southeast-1.aliyuncs.com/i.html"}
        ),
        "website.indexDocument",
    ),
    (
        "RES-007",
        "CN",
        ali(
            "alicloud:oss/bucketReplication:BucketReplication",
            destination={"bucket": "d", "location": "oss-cn-beijing"},
        ),
        ali(
            "alicloud:oss/bucketReplication:BucketReplication",
            destination={"bucket": "d", "location": "oss-cn-hongkong"},
        ),
        "destination.location",
    ),
    (
        "RES-008",
        "CN",
        aws("aws:ec2/subnet:Subnet", availability_zone="cn-north-1b"),
        aws("aws:ec2/subnet:Subnet", availability_zone="ap-east-1a"),
        "availability_zone",
    ),
    (
        # leftovers44: a bare Region name in a zone field is judged by that Region (it passed whatever it named).
        "RES-008",
        "EU",
        aws("aws:ec2/subnet:Subnet", AWS_EU, availability_zone="eu-central-1"),
        aws("aws:ec2/subnet:Subnet", AWS_EU, availability_zone="ap-southeast-1"),
        "availability_zone",
    ),
    (
        # leftovers44: the same on Alibaba Cloud (an in-country Region was RES-011, an unknown region, before).
        "RES-008",
        "CN",
        ali("alicloud:vpc/switch:Switch", zone_id="cn-shanghai"),
        ali("alicloud:vpc/switch:Switch", zone_id="ap-southeast-1"),
        "zone_id",
    ),
    (
        # An EFS replication's One Zone replica: the zone alone names the region it is copied to.
        "RES-008",
        "EU",
        aws(
            "aws:efs/replicationConfiguration:ReplicationConfiguration",
            AWS_EU,
            source_file_system_id="fs-1",
            destination={"availability_zone_name": "eu-west-3a"},
        ),
        aws(
            "aws:efs/replicationConfiguration:ReplicationConfiguration",
            AWS_EU,
            source_file_system_id="fs-1",
            destination={"availability_zone_name": "eu-west-2a"},
        ),
        "destination.availability_zone_name",
    ),
    (
        "RES-008",
        "CN",
        ali("alicloud:vpc/switch:Switch", zoneId="cn-shanghai-b"),
        ali("alicloud:vpc/switch:Switch", zoneId="cn-hongkong-b"),
        "zoneId",
    ),
    (
        "RES-009",
        "CN",
        aws("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", peer_region="cn-northwest-1"),
        aws("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", peer_region="ap-northeast-1"),
        "peer_region",
    ),
    (
        "RES-009",
        "EU",
        aws("aws:dynamodb/table:Table", provider=AWS_EU, replicas=[{"region_name": "eu-north-1"}]),
        aws("aws:dynamodb/table:Table", provider=AWS_EU, replicas=[{"region_name": "eu-central-2"}]),
        "replicas[0].region_name",
    ),
    (
        "RES-010",
        "CN",
        Subject("aws:s3/bucket:Bucket", "r", {}, AWS_CN, read_id="arn:aws-cn:s3:::b"),
        Subject("aws:s3/bucket:Bucket", "r", {}, AWS_CN, read_id="arn:aws:s3:::b"),
        "id",
    ),
    (
        "RES-010",
        "CN",
        Subject("aws:kms/key:Key", "r", {}, AWS_CN, import_id="arn:aws-cn:kms:cn-north-1:1:key/k"),
        Subject("aws:kms/key:Key", "r", {}, AWS_CN, import_id="arn:aws:kms:us-east-1:1:key/k"),
        "import",
    ),
    (
        "RES-011",
        "CN",
        aws("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", peer_region="cn-north-1"),
        aws("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", peer_region="cn-nrth-1"),
        "peer_region",
    ),
    (
        # An ENS node id naming its carriers with underscores is region-shaped (stop 40, falsealarm24): it passed
        # unjudged; like every ENS node id it is refused as an unknown region until declared.
        "RES-011",
        "CN",
        ali("alicloud:polardb/zonalDbCluster:ZonalDbCluster", ens_region_id="cn-hangzhou"),
        ali("alicloud:polardb/zonalDbCluster:ZonalDbCluster", ens_region_id="tr-istanbul-telecom_unicom_cmcc"),
        "ens_region_id",
    ),
    (
        "RES-012",
        "CN",
        aws("aws:s3/bucket:Bucket"),
        aws("aws:s3/bucket:Bucket", provider=ProviderRef("aws", "early", verified=False)),
        "provider",
    ),
    (
        "RES-013",
        "CN",
        Subject("random:index/randomId:RandomId", "r", {"byte_length": 4}),
        Subject("gcp:storage/bucket:Bucket", "r", {"location": "ASIA-EAST2"}),
        "",
    ),
    # A workflow's output bucket or HTTP endpoint chosen at run time (`<Key>.$`, JSONata): unproven; a source's
    # `Bucket.$` and a JSONata URL under a fixed in-country host are not.
    (
        "RES-017",
        "EU",
        aws(
            "aws:sfn/stateMachine:StateMachine", AWS_EU, definition=_state("aws-sdk:s3:getObject", {"Bucket.$": "$.b"})
        ),
        aws(
            "aws:sfn/stateMachine:StateMachine", AWS_EU, definition=_state("aws-sdk:s3:putObject", {"Bucket.$": "$.b"})
        ),
        "definition(json).States.T.Parameters.Bucket.$",
    ),
    (
        "RES-017",
        "EU",
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state("aws-sdk:transcribe:startTranscriptionJob", {"OutputKey": "{% $states.input.key %}"}),
        ),
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state(
                "aws-sdk:transcribe:startTranscriptionJob", {"OutputBucketName": "{% $states.input.b %}"}
            ),
        ),
        "definition(json).States.T.Parameters.OutputBucketName",
    ),
    (
        "RES-015",
        "EU",
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state(
                "http:invoke",
                {"ApiEndpoint": "{% 'https://' & $states.input.api & '.execute-api.eu-central-1.amazonaws.com' %}"},
            ),
        ),
        aws("aws:sfn/stateMachine:StateMachine", AWS_EU, definition=_state("http:invoke", {"ApiEndpoint.$": "$.url"})),
        "definition(json).States.T.Parameters.ApiEndpoint.$",
    ),
    # An HTTP Task's ApiEndpoint written by States.Format with a fixed host (AWS CDK's HttpInvoke writes
    # `States.Format('{}/{}', '<apiRoot>', <path>)`): judged by that host (false-alarm review, stop 33); a template
    # whose host is an argument from the input stays run-time, and a fixed partner host is refused as written.
    (
        "RES-015",
        "EU",
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state(
                "http:invoke",
                {
                    "ApiEndpoint.$": "States.Format('{}/{}', 'https://abc123.execute-api.eu-central-1.amazonaws.com', "
                    "States.Format('prod/dealers/{}', $.dealerId))"
                },
            ),
        ),
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state("http:invoke", {"ApiEndpoint.$": "States.Format('https://{}/v1/orders', $.host)"}),
        ),
        "definition(json).States.T.Parameters.ApiEndpoint.$",
    ),
    (
        "RES-015",
        "EU",
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state(
                "http:invoke",
                {"ApiEndpoint.$": "States.Format('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/{}', $.id)"},
            ),
        ),
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state(
                "http:invoke", {"ApiEndpoint.$": "States.Format('{}/{}', 'https://api.partner.example.com', $.path)"}
            ),
        ),
        "definition(json).States.T.Parameters.ApiEndpoint.$",
    ),
    # Timestream for InfluxDB: `bucket` is the database's own InfluxDB bucket (server_buckets), its log delivery's
    # `bucket_name` an S3 bucket (false-alarm review, stop 33).
    (
        "RES-017",
        "EU",
        aws("aws:timestreaminfluxdb/dbInstance:DbInstance", AWS_EU, name="telemetry", bucket="vehicle-telemetry"),
        aws(
            "aws:timestreaminfluxdb/dbInstance:DbInstance",
            AWS_EU,
            name="telemetry",
            bucket="vehicle-telemetry",
            log_delivery_configuration={"s3_configuration": {"bucket_name": "partner-influx-logs", "enabled": True}},
        ),
        "log_delivery_configuration.s3_configuration.bucket_name",
    ),
    # A bucket written by States.Format from the input is run-time, whatever literal it holds.
    (
        "RES-017",
        "EU",
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state("aws-sdk:s3:putObject", {"Key.$": "States.Format('daily/{}.json', $.day)"}),
        ),
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=_state("aws-sdk:s3:putObject", {"Bucket.$": "States.Format('fleet-reports-{}', $.env)"}),
        ),
        "definition(json).States.T.Parameters.Bucket.$",
    ),
    # A PutObject task naming its bucket, and one whose whole request is its input.
    (
        "RES-017",
        "EU",
        aws("aws:sfn/stateMachine:StateMachine", AWS_EU, definition=_state("aws-sdk:s3:getObject", {})),
        aws(
            "aws:sfn/stateMachine:StateMachine",
            AWS_EU,
            definition=json.dumps(
                {
                    "StartAt": "T",
                    "States": {
                        "T": {
                            "Type": "Task",
                            "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
                            "InputPath": "$.r",
                            "End": True,
                        }
                    },
                }
            ),
        ),
        "definition(json).States.T.Resource",
    ),
    # `recipients`: an SES receipt rule's are compared with incoming mail; an application's receive it.
    (
        "RES-015",
        "EU",
        aws("aws:ses/receiptRule:ReceiptRule", AWS_EU, rule_set_name="in", recipients=["support@partner.example.com"]),
        aws(
            "aws:lambda/function:Function",
            AWS_EU,
            environment={"variables": {"NOTIFY_RECIPIENTS": "ops@partner.example.com"}},
        ),
        "environment.variables.NOTIFY_RECIPIENTS",
    ),
    # A NAS mount target named in a block (host_paths): SAE's nas_configs[].mount_domain, E-HPC's
    # shared_storages[].mount_target_domain. A NAS host of the region passes; a partner's NFS server does not.
    (
        "RES-015",
        "CN",
        ali(
            "alicloud:sae/application:Application",
            nas_configs=[{"mount_domain": "0a1b-xk71.cn-shanghai.nas.aliyuncs.com"}],
        ),
        ali("alicloud:sae/application:Application", nas_configs=[{"mount_domain": "nfs.partner.example.com"}]),
        "nas_configs[0].mount_domain",
    ),
    (
        "RES-015",
        "CN",
        ali("alicloud:ehpc/clusterV2:ClusterV2", shared_storages=[{"mount_target_domain": "10.0.3.4"}]),
        ali(
            "alicloud:ehpc/clusterV2:ClusterV2", shared_storages=[{"mount_target_domain": "filer.partner.example.com"}]
        ),
        "shared_storages[0].mount_target_domain",
    ),
    (
        "RES-015",
        "CN",
        ali(
            "alicloud:ehpc/cluster:Cluster",
            additional_volumes=[{"volume_mountpoint": "5f6e-qp24.cn-shanghai.nas.aliyuncs.com"}],
        ),
        ali("alicloud:ehpc/cluster:Cluster", additional_volumes=[{"volume_mountpoint": "scratch.partner.example.com"}]),
        "additional_volumes[0].volume_mountpoint",
    ),
    # An ECS Service Connect client alias is the name client tasks use for this service (the proxy routes it to the
    # service's own tasks); an application's endpoint variable is where its requests go.
    (
        "RES-015",
        "EU",
        aws(
            "aws:ecs/service:Service",
            AWS_EU,
            service_connect_configuration={
                "enabled": True,
                "services": [
                    {"port_name": "http", "client_alias": [{"port": 80, "dns_name": "pricing.fleet.internal"}]}
                ],
            },
        ),
        aws(
            "aws:lambda/function:Function",
            AWS_EU,
            environment={"variables": {"PRICING_ENDPOINT": "https://pricing.partner.example.com/v1"}},
        ),
        "environment.variables.PRICING_ENDPOINT",
    ),
    # A WAF 3.0 domain's back-to-origin SNI names the site to its origin; its backends are where requests go.
    (
        "RES-015",
        "CN",
        ali(
            "alicloud:wafv3/domain:Domain",
            domain="chargers.fleet.example.cn",
            redirect={"backends": ["172.16.1.10"], "sni_enabled": True, "sni_host": "chargers.fleet.example.cn"},
        ),
        ali(
            "alicloud:wafv3/domain:Domain",
            domain="chargers.fleet.example.cn",
            redirect={"backends": ["origin.partner.example.com"], "sni_enabled": True},
        ),
        "redirect.backends[0]",
    ),
    # An ALB server group's health-check host is the Host header of probes sent to its own servers; a remote server's
    # IP is where the group's requests go.
    (
        "RES-015",
        "CN",
        ali(
            "alicloud:alb/serverGroup:ServerGroup",
            server_group_name="app-api",
            health_check_config={"health_check_enabled": True, "health_check_host": "api.fleet.example.cn"},
            servers=[{"server_type": "Ip", "server_id": "172.16.1.10", "server_ip": "172.16.1.10", "port": 443}],
        ),
        ali(
            "alicloud:alb/serverGroup:ServerGroup",
            server_group_name="app-api",
            health_check_config={"health_check_enabled": True},
            servers=[
                {
                    "server_type": "Ip",
                    "server_id": "203.0.113.10",
                    "server_ip": "203.0.113.10",
                    "remote_ip_enabled": True,
                }
            ],
        ),
        "servers[0].server_ip",
    ),
]

_TRANSFER = PARTNER_TRANSFER
_INTAKE = {"variables": {"INTAKE": "https://intake.partner.example.com/v1"}}
PAIRS += [
    (
        "RES-015",
        "CN",
        aws(
            "aws:lambda/function:Function",
            environment={"variables": {"URL": "https://kms.cn-north-1.amazonaws.com.cn"}},
        ),
        aws("aws:lambda/function:Function", environment={"variables": {"URL": "https://hooks.example.com/x"}}),
        "environment.variables.URL",
    ),
    # A bucket's own name proves only its own hosts (the name, then labels under a catalogued suffix), not the
    # partner's host that starts with it: the pack and the preview/state review judge the bucket with its own names.
    (
        "RES-015",
        "EU",
        aws(
            "aws:s3/bucket:Bucket",
            AWS_EU,
            bucket="ingest",
            website={"redirect_all_requests_to": "https://ingest-v2.s3-website.eu-central-1.amazonaws.com"},
        ),
        aws(
            "aws:s3/bucket:Bucket",
            AWS_EU,
            bucket="ingest",
            website={"redirect_all_requests_to": "https://ingest.partner.example.com"},
        ),
        "website.redirect_all_requests_to",
    ),
    (
        "RES-016",
        "CN",
        ali("alicloud:cdn/domainNew:DomainNew", scope="domestic"),
        ali("alicloud:cdn/domainNew:DomainNew", scope="overseas"),
        "scope",
    ),
    # Mutation search round 7 (stop 35): S3 Transfer Acceleration's host under a bucket variable is read as the host
    # (an edge service), not as a bucket name, which in aws-cn passes by partition.
    (
        "RES-016",
        "CN",
        aws(
            "aws:lambda/function:Function",
            environment={"variables": {"LOG_BUCKET": "fleet-logs.s3.cn-north-1.amazonaws.com.cn"}},
        ),
        aws(
            "aws:lambda/function:Function",
            environment={"variables": {"LOG_BUCKET": "fleet-logs.s3-accelerate.amazonaws.com"}},
        ),
        "environment.variables.LOG_BUCKET",
    ),
]
# Phone numbers texts and calls go to, by the number's country (phonenumbers' example numbers).
_SNS_SMS = "aws:sns/topicSubscription:TopicSubscription"
_CHANNEL = "aws:ssmcontacts/contactChannel:ContactChannel"
AWS_US = ProviderRef("aws", "us", "us-east-1")
PAIRS += [
    (
        "RES-022",
        "CN",
        aws(_SNS_SMS, protocol="sms", endpoint="+86 131 2345 6789"),
        aws(_SNS_SMS, protocol="sms", endpoint="+1 201-555-0123"),
        "endpoint",
    ),
    (
        "RES-022",
        "CN",
        aws(_SNS_SMS, protocol="sms", endpoint="+8613123456789"),
        aws(_SNS_SMS, protocol="sms", endpoint="13123456789"),  # no country code: cannot be attributed
        "endpoint",
    ),
    (
        "RES-022",
        "EU",
        aws(_CHANNEL, AWS_EU, type="SMS", delivery_address={"simple_address": "+4915123456789"}),
        aws(_CHANNEL, AWS_EU, type="SMS", delivery_address={"simple_address": "+447400123456"}),  # UK: not EU
        "delivery_address.simple_address",
    ),
    (
        "RES-022",
        "US",
        aws(_SNS_SMS, AWS_US, protocol="sms", endpoint="+12015550123"),
        aws(_SNS_SMS, AWS_US, protocol="sms", endpoint="+15062345678"),  # +1 506: New Brunswick, Canada
        "endpoint",
    ),
    (
        "RES-022",
        "CN",
        ali("alicloud:cms/alarmContact:AlarmContact", channels_sms="+8613123456789"),
        ali("alicloud:cms/alarmContact:AlarmContact", channels_sms="+85251234567"),  # Hong Kong: not mainland
        "channels_sms",
    ),
    (
        "RES-022",
        "EU",
        aws("aws:connect/phoneNumber:PhoneNumber", AWS_EU, country_code="DE", type="DID", target_arn="x"),
        aws("aws:connect/phoneNumber:PhoneNumber", AWS_EU, country_code="GB", type="DID", target_arn="x"),
        "country_code",
    ),
]
# The leftovers review (stop 34): a domain delegated to name servers (a Route 53 NS record, a registered domain's
# name servers) is judged by their names; Route 53's own (ns-<n>.awsdns-<nn>.<tld>) are proven where the jurisdiction
# holds their partition. A Flink SQL script's SET options are read under their keys like its WITH options.
_R53_DOMAIN = "aws:route53domains/registeredDomain:RegisteredDomain"
_FLINK_SET = "SET 's3.endpoint' = '{}';\nCREATE TEMPORARY TABLE sink (vin STRING) WITH ('connector' = 'print');"
PAIRS += [
    (
        "RES-015",
        "EU",
        aws("aws:route53/record:Record", AWS_EU, name="fleet.example.eu", type="NS", zone_id="Z1",
            records=["ns-1536.awsdns-00.co.uk.", "ns-512.awsdns-00.net"]),
        aws("aws:route53/record:Record", AWS_EU, name="fleet.example.eu", type="NS", zone_id="Z1",
            records=["ns-1536.awsdns-00.co.uk.", "ns1.partner-dns.example.com"]),
        "records[1]",
    ),
    (
        "RES-015",
        "EU",
        aws(_R53_DOMAIN, AWS_EU, domain_name="fleet.example.eu", name_servers=[{"name": "ns-1.awsdns-01.org"}]),
        aws(_R53_DOMAIN, AWS_EU, domain_name="fleet.example.eu", name_servers=[{"name": "ns1.dns.example.com"}]),
        "name_servers[0].name",
    ),
    (
        "RES-015",
        "CN",
        ali("alicloud:realtimecompute/sqlFile:SqlFile", namespace="n", sql_script=_FLINK_SET.format("10.20.4.5:9000")),
        ali("alicloud:realtimecompute/sqlFile:SqlFile", namespace="n",
            sql_script=_FLINK_SET.format("minio.partner.example.com:9000")),
        "sql_script(sql)[1].s3.endpoint",
    ),
    # Mutation search round 6: a zone id under an application's `_AZ` key, and a list of them under `_AZS`.
    (
        "RES-008",
        "EU",
        aws("aws:lambda/function:Function", AWS_EU,
            environment={"variables": {"CACHE_AZ": "eun1-az1", "MULTI_AZ": "true"}}),
        aws("aws:lambda/function:Function", AWS_EU,
            environment={"variables": {"CACHE_AZ": "euw2-az1", "MULTI_AZ": "true"}}),
        "environment.variables.CACHE_AZ",
    ),
    (
        "RES-008",
        "CN",
        aws("aws:lambda/function:Function", environment={"variables": {"CACHE_AZS": "cnn1-az1,cnn1-az2"}}),
        aws("aws:lambda/function:Function", environment={"variables": {"CACHE_AZS": "cnn1-az1, ape1-az1"}}),
        "environment.variables.CACHE_AZS",
    ),
    # ... and a Kafka client's brokers under a plain `KAFKA` key (a flag under ENABLE_KAFKA stays unjudged).
    (
        "RES-015",
        "CN",
        aws("aws:lambda/function:Function",
            environment={"variables": {"KAFKA": "10.20.1.5:9092,10.20.1.6:9092", "ENABLE_KAFKA": "true"}}),
        aws("aws:lambda/function:Function",
            environment={"variables": {"KAFKA": "10.20.1.5:9092,kafka.partner.example.com:9092",
                                       "ENABLE_KAFKA": "true"}}),
        "environment.variables.KAFKA",
    ),
]  # fmt: skip
# The accounts review (stop 35): an AWS account a resource policy, a trust policy or a Lambda permission grants is the
# stack's own only when the resource's provider is pinned to it (allowed_account_ids, an assume_roles role's account).
_PINNED_EU = ProviderRef("aws", "eu", "eu-central-1", accounts=frozenset({"123456789012"}))
_PINNED_US = ProviderRef("aws", "us", "us-east-1", accounts=frozenset({"123456789012"}))
_PINNED_JP = ProviderRef("aws", "jp", "ap-northeast-1", accounts=frozenset({"123456789012"}))


def _grant(principal: Any) -> str:
    # sqs:ReceiveMessage reads the queue: a grant that moves data out (a SendMessage-only statement only delivers into
    # the queue and grants no account anything since stop 47, inbound47: its own pairs below).
    statement = {"Effect": "Allow", "Principal": principal, "Action": "sqs:ReceiveMessage", "Resource": "*"}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


_QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy"
_PERMISSION = "aws:lambda/permission:Permission"
PAIRS += [
    (
        "RES-023",
        "EU",
        aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_grant({"AWS": "arn:aws:iam::123456789012:root"})),
        aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_grant({"AWS": "arn:aws:iam::999999999999:root"})),
        "policy(json).Statement[0].Principal.AWS",
    ),
    (
        "RES-023",
        "EU",
        aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_grant({"AWS": ["123456789012"]})),
        aws(_QUEUE_POLICY, AWS_EU, queue_url="q", policy=_grant({"AWS": ["123456789012"]})),  # pinned to nothing
        "policy(json).Statement[0].Principal.AWS[0]",
    ),
    (
        "RES-023",
        "US",
        aws("aws:iam/role:Role", _PINNED_US, assume_role_policy=_grant({"AWS": "arn:aws:iam::123456789012:role/ci"})),
        aws("aws:iam/role:Role", _PINNED_US, assume_role_policy=_grant({"AWS": "arn:aws:iam::999999999999:role/ci"})),
        "assume_role_policy(json).Statement[0].Principal.AWS",
    ),
    (
        "RES-023",
        "JP",
        aws(_PERMISSION, _PINNED_JP, action="lambda:InvokeFunction", function="f", principal="123456789012"),
        aws(_PERMISSION, _PINNED_JP, action="lambda:InvokeFunction", function="f", principal="999999999999"),
        "principal",
    ),
    (
        "RES-023",
        "DE",
        aws(_PERMISSION, _PINNED_EU, function="f", principal="s3.amazonaws.com", source_account="123456789012"),
        aws(_PERMISSION, _PINNED_EU, function="f", principal="s3.amazonaws.com", source_account="999999999999"),
        "source_account",
    ),
    (
        "RES-023",
        "EU",
        # `*` limited to the pinned account's callers (since the mutation search's round 10, stop 41, another account
        # there is a grant to it: the pair below).
        aws("aws:kms/key:Key", _PINNED_EU, policy={"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
            "Condition": {"StringEquals": {"aws:PrincipalAccount": "123456789012"}}}]}),
        aws("aws:kms/key:Key", _PINNED_EU, policy={"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
            "Condition": {"StringEquals": {"kms:CallerAccount": "123456789012"}}},  # not public (RES-024, stop 36)
            {"Effect": "Allow", "Principal": {"AWS": "999999999999"}}]}),
        "policy.Statement[1].Principal.AWS",
    ),
]  # fmt: skip
# Grants outside a policy document (granted_account_fields, grants review, stop 36): a KMS grant's grantee and retiring
# principal, a Lambda layer version permission, a VPC endpoint service's allowed principals.
_KMS_GRANT = "aws:kms/grant:Grant"
_LAYER_PERMISSION = "aws:lambda/layerVersionPermission:LayerVersionPermission"
_VPCE_PRINCIPAL = "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple"
_VPCE_SERVICE = "aws:ec2/vpcEndpointService:VpcEndpointService"
_PINNED_DE = ProviderRef("aws", "de", "eu-central-1", accounts=frozenset({"123456789012"}))
PAIRS += [
    (
        "RES-023",
        "EU",
        aws(_KMS_GRANT, _PINNED_EU, key_id="k", operations=["Decrypt"],
            grantee_principal="arn:aws:iam::123456789012:role/reader"),
        aws(_KMS_GRANT, _PINNED_EU, key_id="k", operations=["Decrypt"],
            grantee_principal="arn:aws:iam::999999999999:role/reader"),
        "grantee_principal",
    ),
    (
        "RES-023",
        "DE",
        aws(_KMS_GRANT, _PINNED_DE, key_id="k", operations=["Decrypt"],
            grantee_principal="arn:aws:iam::123456789012:root",
            retiring_principal="arn:aws:iam::123456789012:role/admin"),
        aws(_KMS_GRANT, _PINNED_DE, key_id="k", operations=["Decrypt"],
            grantee_principal="arn:aws:iam::123456789012:root",
            retiring_principal="arn:aws:iam::999999999999:role/admin"),
        "retiring_principal",
    ),
    (
        "RES-023",
        "JP",
        aws(_LAYER_PERMISSION, _PINNED_JP, layer_name="l", version_number=1, action="lambda:GetLayerVersion",
            statement_id="s", principal="123456789012"),
        aws(_LAYER_PERMISSION, _PINNED_JP, layer_name="l", version_number=1, action="lambda:GetLayerVersion",
            statement_id="s", principal="999999999999"),
        "principal",
    ),
    (
        "RES-023",
        "US",
        aws(_VPCE_PRINCIPAL, _PINNED_US, vpc_endpoint_service_id="s", principal_arn="arn:aws:iam::123456789012:root"),
        aws(_VPCE_PRINCIPAL, _PINNED_US, vpc_endpoint_service_id="s", principal_arn="arn:aws:iam::999999999999:root"),
        "principal_arn",
    ),
    (
        "RES-023",
        "EU",
        aws(_VPCE_SERVICE, _PINNED_EU, acceptance_required=True, network_load_balancer_arns=[],
            allowed_principals=["arn:aws:iam::123456789012:root"]),
        aws(_VPCE_SERVICE, _PINNED_EU, acceptance_required=True, network_load_balancer_arns=[],
            allowed_principals=["arn:aws:iam::123456789012:root", "arn:aws:iam::999999999999:role/consumer"]),
        "allowed_principals[1]",
    ),
]  # fmt: skip
# Grants to an account outside a policy document (granted_account_fields; red team, round 12, stop 36): accepted in EU
# before whatever the account.
_OTHER = "999999999999"
_CENTRAL_RULE = "aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization"
PAIRS += [
    ("RES-023", "EU", aws("aws:kms/grant:Grant", _PINNED_EU, key_id="k", operations=["Decrypt"],
                          grantee_principal="arn:aws:iam::123456789012:role/reader"),
     aws("aws:kms/grant:Grant", _PINNED_EU, key_id="k", operations=["Decrypt"],
         grantee_principal=f"arn:aws:iam::{_OTHER}:role/reader"), "grantee_principal"),
    ("RES-023", "EU", aws("aws:s3control/accessGrant:AccessGrant", _PINNED_EU, permission="READ",
                          grantee={"grantee_type": "IAM", "grantee_identifier": "arn:aws:iam::123456789012:role/a"}),
     aws("aws:s3control/accessGrant:AccessGrant", _PINNED_EU, permission="READ",
         grantee={"grantee_type": "IAM", "grantee_identifier": f"arn:aws:iam::{_OTHER}:role/a"}),
     "grantee.grantee_identifier"),
    ("RES-023", "DE", aws("aws:redshift/endpointAuthorization:EndpointAuthorization", _PINNED_EU,
                          cluster_identifier="dw", account="123456789012"),
     aws("aws:redshift/endpointAuthorization:EndpointAuthorization", _PINNED_EU, cluster_identifier="dw",
         account=_OTHER), "account"),
    ("RES-023", "EU", aws("aws:opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess", _PINNED_EU,
                          domain_name="d", account="123456789012"),
     aws("aws:opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess", _PINNED_EU, domain_name="d",
         account=_OTHER), "account"),
    # (mutation search round 12, stop 43) a search domain's fine-grained access control master user
    ("RES-023", "EU", aws("aws:opensearch/domain:Domain", _PINNED_EU, domain_name="d", advanced_security_options={
        "enabled": True, "master_user_options": {"master_user_arn": "arn:aws:iam::123456789012:role/admin"}}),
     aws("aws:opensearch/domain:Domain", _PINNED_EU, domain_name="d", advanced_security_options={
         "enabled": True, "master_user_options": {"master_user_arn": f"arn:aws:iam::{_OTHER}:role/admin"}}),
     "advanced_security_options.master_user_options.master_user_arn"),
    ("RES-023", "JP", aws("aws:elasticsearch/domain:Domain", _PINNED_JP, domain_name="d", advanced_security_options={
        "enabled": True, "master_user_options": {"master_user_arn": "arn:aws:iam::123456789012:user/admin"}}),
     aws("aws:elasticsearch/domain:Domain", _PINNED_JP, domain_name="d", advanced_security_options={
         "enabled": True, "master_user_options": {"master_user_arn": f"arn:aws:iam::{_OTHER}:user/admin"}}),
     "advanced_security_options.master_user_options.master_user_arn"),
    ("RES-023", "JP", aws("aws:lambda/layerVersionPermission:LayerVersionPermission", _PINNED_JP, layer_name="l",
                          principal="*", organization_id="o-abc123"),  # `*` with an organization: no account
     aws("aws:lambda/layerVersionPermission:LayerVersionPermission", _PINNED_JP, layer_name="l", principal=_OTHER),
     "principal"),
    ("RES-023", "EU", aws("aws:ec2/vpcEndpointService:VpcEndpointService", _PINNED_EU,
                          allowed_principals=["arn:aws:iam::123456789012:root"]),
     aws("aws:ec2/vpcEndpointService:VpcEndpointService", _PINNED_EU,
         allowed_principals=["arn:aws:iam::123456789012:root", f"arn:aws:iam::{_OTHER}:root"]),
     "allowed_principals[1]"),
    ("RES-023", "EU", aws("aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
                          _PINNED_EU, principal_arn="arn:aws:iam::123456789012:root"),
     aws("aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple", AWS_EU,
         principal_arn="arn:aws:iam::123456789012:root"), "principal_arn"),  # pinned to nothing
    ("RES-023", "EU", aws("aws:ecr/replicationConfiguration:ReplicationConfiguration", _PINNED_EU,
                          replication_configuration={"rules": [{"destinations": [
                              {"region": "eu-central-1", "registry_id": "123456789012"}]}]}),
     aws("aws:ecr/replicationConfiguration:ReplicationConfiguration", _PINNED_EU,
         replication_configuration={"rules": [{"destinations": [{"region": "eu-central-1", "registry_id": _OTHER}]}]}),
     "replication_configuration.rules[0].destinations[0].registry_id"),
    ("RES-023", "EU", aws("aws:oam/link:Link", _PINNED_EU, label_template="$AccountName",
                          sink_identifier="arn:aws:oam:eu-central-1:123456789012:sink/abc"),
     aws("aws:oam/link:Link", _PINNED_EU, label_template="$AccountName",
         sink_identifier=f"arn:aws:oam:eu-central-1:{_OTHER}:sink/abc"), "sink_identifier"),
    # An SSM document shared with accounts written as one comma list (stage-variables review, stop 36): each judged.
    ("RES-023", "EU", aws("aws:ssm/document:Document", _PINNED_EU, document_type="Command", content="{}",
                          permissions={"type": "Share", "account_ids": "123456789012, 123456789012"}),
     aws("aws:ssm/document:Document", _PINNED_EU, document_type="Command", content="{}",
         permissions={"type": "Share", "account_ids": f"123456789012,{_OTHER}"}), "permissions.account_ids"),
    ("RES-023", "EU", aws("aws:ssm/document:Document", _PINNED_EU, document_type="Command", content="{}",
                          permissions={"type": "Share", "account_ids": "123456789012"}),
     aws("aws:ssm/document:Document", _PINNED_EU, document_type="Command", content="{}",
         permissions={"type": "Share", "account_ids": "All"}), "permissions.account_ids"),
    # A telemetry centralisation rule's destination account (mutation search, round 9, stop 36): the organisation's
    # logs are copied into it; its Region alone was judged.
    ("RES-023", "DE", aws(_CENTRAL_RULE, _PINNED_EU, rule_name="c", rule={
                              "destination": {"account": "123456789012", "region": "eu-central-1"},
                              "source": {"regions": ["eu-central-1"]}}),
     aws(_CENTRAL_RULE, _PINNED_EU, rule_name="c", rule={"destination": {"account": _OTHER, "region": "eu-central-1"},
                                                         "source": {"regions": ["eu-central-1"]}}),
     "rule.destination.account"),
    # EBS async replication (red team, round 12): the replica's Region and zone are each judged.
    ("RES-009", "CN", ali("alicloud:ebs/diskReplicaPair:DiskReplicaPair", destination_region_id="cn-beijing"),
     ali("alicloud:ebs/diskReplicaPair:DiskReplicaPair", destination_region_id="ap-southeast-1"),
     "destination_region_id"),
    ("RES-008", "CN", ali("alicloud:ebs/diskReplicaGroup:DiskReplicaGroup", destination_zone_id="cn-beijing-a"),
     ali("alicloud:ebs/diskReplicaGroup:DiskReplicaGroup", destination_zone_id="ap-southeast-1b"),
     "destination_zone_id"),
]  # fmt: skip
# The Alibaba accounts review (stop 36): an Alibaba Cloud account a RAM trust policy, an OSS bucket policy, a KMS key
# policy or a resource share grants is the stack's own only when the provider deploys as a role of it (assume_role,
# assume_role_with_oidc); no Alibaba Cloud site keeps its accounts in China, so CN is judged as any other.
_ALI_OWN, _ALI_OTHER = "1234567890123456", "5555666677778888"
_ALI_PINNED_CN = ProviderRef("alicloud", "cn", "cn-shanghai", accounts=frozenset({_ALI_OWN}))
_ALI_PINNED_JP = ProviderRef("alicloud", "jp", "ap-northeast-1", accounts=frozenset({_ALI_OWN}))


def _ram(principal: Any, action: str = "sts:AssumeRole") -> str:
    statement = {"Effect": "Allow", "Principal": principal, "Action": [action], "Resource": "*"}
    return json.dumps({"Version": "1", "Statement": [statement]})


_RAM_ROLE = "alicloud:ram/role:Role"
_OSS_POLICY = "alicloud:oss/bucketPolicy:BucketPolicy"
_SHARED_TARGET = "alicloud:resourcemanager/sharedTarget:SharedTarget"
PAIRS += [
    (
        "RES-023",
        "CN",
        ali(_RAM_ROLE, _ALI_PINNED_CN, role_name="r",
            assume_role_policy_document=_ram({"RAM": [f"acs:ram::{_ALI_OWN}:root"]})),
        ali(_RAM_ROLE, _ALI_PINNED_CN, role_name="r",
            assume_role_policy_document=_ram({"RAM": [f"acs:ram::{_ALI_OTHER}:root"]})),
        "assume_role_policy_document(json).Statement[0].Principal.RAM[0]",
    ),
    (
        "RES-023",
        "CN",
        ali(_RAM_ROLE, _ALI_PINNED_CN, role_name="r", document=_ram({"RAM": f"acs:ram::{_ALI_OWN}:role/ci"})),
        ali(_RAM_ROLE, ALI_CN, role_name="r", document=_ram({"RAM": f"acs:ram::{_ALI_OWN}:role/ci"})),  # pinned to none
        "document(json).Statement[0].Principal.RAM",
    ),
    (
        "RES-023",
        "JP",
        ali(_OSS_POLICY, _ALI_PINNED_JP, bucket="b", policy=_ram([_ALI_OWN], "oss:GetObject")),
        ali(_OSS_POLICY, _ALI_PINNED_JP, bucket="b", policy=_ram([_ALI_OTHER], "oss:GetObject")),
        "policy(json).Statement[0].Principal[0]",
    ),
    (
        "RES-023",
        "CN",
        ali("alicloud:kms/key:Key", _ALI_PINNED_CN, policy=_ram({"RAM": [f"acs:ram::{_ALI_OWN}:*"]}, "kms:*")),
        ali("alicloud:kms/key:Key", _ALI_PINNED_CN, policy=_ram({"RAM": [f"acs:ram::{_ALI_OTHER}:*"]}, "kms:*")),
        "policy(json).Statement[0].Principal.RAM[0]",
    ),
    (
        "RES-023",
        "CN",
        ali(_SHARED_TARGET, _ALI_PINNED_CN, resource_share_id="rs-1", target_id=_ALI_OWN),
        ali(_SHARED_TARGET, _ALI_PINNED_CN, resource_share_id="rs-1", target_id=_ALI_OTHER),
        "target_id",
    ),
    (
        "RES-023",
        "JP",
        ali("alicloud:resourcemanager/resourceShare:ResourceShare", _ALI_PINNED_JP, resource_share_name="s",
            targets=[_ALI_OWN, "fd-1a2b3c"]),  # a folder names no account
        ali("alicloud:resourcemanager/resourceShare:ResourceShare", _ALI_PINNED_JP, resource_share_name="s",
            targets=[_ALI_OTHER]),
        "targets[0]",
    ),
    (
        "RES-023",
        "CN",
        ali(_RAM_ROLE, _ALI_PINNED_CN, name="r", ram_users=[f"acs:ram::{_ALI_OWN}:root"]),
        ali(_RAM_ROLE, _ALI_PINNED_CN, name="r", ram_users=[f"acs:ram::{_ALI_OTHER}:root"]),
        "ram_users[0]",
    ),
]  # fmt: skip


# The public-access review (stop 36): a grant to everyone is refused unless a condition restricts who (AWS's and OSS's
# own definitions of a non-public policy) or the stack declares the resource public (RES-024).
def _public(principal: Any = "*", condition: dict[str, Any] | None = None, action: str = "s3:GetObject") -> str:
    statement: dict[str, Any] = {"Effect": "Allow", "Principal": principal, "Action": action, "Resource": "*"}
    if condition is not None:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


_BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy"
_ORG = {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}
PAIRS += [
    ("RES-024", "EU", aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=_public(condition={
        "StringEquals": {"aws:SourceVpce": "vpce-0abc"}})),
     aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=_public()), "policy(json).Statement[0].Principal"),
    # a condition on a key that restricts nobody (aws:SecureTransport), a wildcard, a negation: still public
    ("RES-024", "DE", aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_public({"AWS": "*"}, _ORG, "sqs:*")),
     aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_public({"AWS": "*"}, {
         "Bool": {"aws:SecureTransport": "true"}, "StringLike": {"aws:PrincipalOrgID": "o-*"},
         "StringNotEquals": {"aws:SourceAccount": "123456789012"}}, "sqs:*")), "policy(json).Statement[0].Principal"),
    ("RES-024", "US", aws(_BUCKET_POLICY, _PINNED_US, bucket="b", policy=_public(condition={
        "IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}})),
     aws(_BUCKET_POLICY, _PINNED_US, bucket="b", policy=_public(condition={
         "IpAddress": {"aws:SourceIp": ["0.0.0.0/0"]}})), "policy(json).Statement[0].Principal"),
    ("RES-024", "EU", aws("aws:kms/key:Key", _PINNED_EU, policy=_public(condition={
        "StringEquals": {"kms:CallerAccount": "123456789012", "kms:ViaService": "s3.eu-central-1.amazonaws.com"}},
        action="kms:Decrypt")),
     aws("aws:kms/key:Key", _PINNED_EU, policy=_public(condition={
         "StringEquals": {"kms:ViaService": "s3.eu-central-1.amazonaws.com"}}, action="kms:Decrypt")),
     "policy(json).Statement[0].Principal"),
    ("RES-024", "DE", aws("aws:s3/bucketAcl:BucketAcl", _PINNED_EU, bucket="b", acl="private"),
     aws("aws:s3/bucketAcl:BucketAcl", _PINNED_EU, bucket="b", acl="public-read"), "acl"),
    # The compliant grant is to the owner (awsred47: another canonical id than the owner's is RES-023 until declared).
    ("RES-024", "EU", aws("aws:s3/bucketAcl:BucketAcl", _PINNED_EU, bucket="b", access_control_policy={
        "owner": {"id": "o"}, "grants": [{"permission": "READ", "grantee": {"type": "CanonicalUser", "id": "o"}}]}),
     aws("aws:s3/bucketAcl:BucketAcl", _PINNED_EU, bucket="b", access_control_policy={
         "owner": {"id": "o"}, "grants": [{"permission": "READ", "grantee": {
             "type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}}]}),
     "access_control_policy.grants[0].grantee.uri"),
    ("RES-024", "JP", aws(_PERMISSION, _PINNED_JP, function="f", action="lambda:InvokeFunction", principal="*",
                          source_arn="arn:aws:execute-api:ap-northeast-1:123456789012:api/*"),
     aws(_PERMISSION, _PINNED_JP, function="f", action="lambda:InvokeFunctionUrl", principal="*",
         function_url_auth_type="NONE"), "principal"),
    ("RES-024", "US", aws("aws:lambda/layerVersionPermission:LayerVersionPermission", _PINNED_US, layer_name="l",
                          principal="*", organization_id="o-abc123", action="lambda:GetLayerVersion"),
     aws("aws:lambda/layerVersionPermission:LayerVersionPermission", _PINNED_US, layer_name="l", principal="*",
         action="lambda:GetLayerVersion"), "principal"),
    # a VPC endpoint policy's `*` only limits what passes through the endpoint: no grant (`not_grants`)
    ("RES-024", "CN", aws("aws:ec2/vpcEndpoint:VpcEndpoint", vpc_id="v", service_name="com.amazonaws.cn-north-1.s3",
                          policy=_public()),
     aws("aws:s3/bucketPolicy:BucketPolicy", bucket="b", policy=_public()), "policy(json).Statement[0].Principal"),
    ("RES-024", "CN", ali("alicloud:oss/bucketAcl:BucketAcl", bucket="b", acl="private"),
     ali("alicloud:oss/bucketAcl:BucketAcl", bucket="b", acl="public-read-write"), "acl"),
    ("RES-024", "CN", ali("alicloud:oss/bucketPolicy:BucketPolicy", bucket="b", policy=json.dumps({
        "Version": "1", "Statement": [{"Effect": "Allow", "Principal": ["*"], "Action": ["oss:GetObject"],
                                       "Resource": ["acs:oss:*:*:b/*"],
                                       "Condition": {"StringEquals": {"acs:SourceVpc": ["vpc-abc"]}}}]})),
     ali("alicloud:oss/bucketPolicy:BucketPolicy", bucket="b", policy=json.dumps({
         "Version": "1", "Statement": [{"Effect": "Allow", "Principal": ["*"], "Action": ["oss:GetObject"],
                                        "Resource": ["acs:oss:*:*:b/*"]}]})), "policy(json).Statement[0].Principal"),
    # a PrivateLink endpoint's policy limits what passes through it; a template stack's policy limits updates of its
    # own resources (its Principal is always `*`): no grant (`not_grants`, lead, stop 36, from the registry examples)
    ("RES-024", "CN", ali("alicloud:privatelink/vpcEndpoint:VpcEndpoint", vpc_id="v", service_name="com.aliyuncs.oss",
                          policy_document=json.dumps({"Version": "1", "Statement": [
                              {"Effect": "Allow", "Principal": "*", "Action": ["*"], "Resource": ["*"]}]})),
     ali("alicloud:oss/bucketPolicy:BucketPolicy", bucket="b", policy=json.dumps({"Version": "1", "Statement": [
         {"Effect": "Allow", "Principal": "*", "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:b/*"]}]})),
     "policy(json).Statement[0].Principal"),
    ("RES-024", "CN", ali("alicloud:ros/stack:Stack", stack_name="s", stack_policy_body=json.dumps({"Statement": [
        {"Action": "Update:Delete", "Resource": "*", "Effect": "Allow", "Principal": "*"}]})),
     ali("alicloud:oss/bucketPolicy:BucketPolicy", bucket="b", policy=json.dumps({"Version": "1", "Statement": [
         {"Effect": "Allow", "Principal": "*", "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:b/*"]}]})),
     "policy(json).Statement[0].Principal"),
    ("RES-024", "EU", aws("aws:cloudformation/stack:Stack", _PINNED_EU, name="s", policy_body=json.dumps({"Statement": [
        {"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"}]})),
     aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=_public()), "policy(json).Statement[0].Principal"),
]  # fmt: skip
# The public-access red team (stop 36): grants to everyone that passed RES-024. An EventBridge permission's `*` without
# the organization condition (PutPermission); a source-address "restriction" whose ranges together hold every address;
# a Container Registry repository or namespace made PUBLIC (anonymous pulls).
_EVENT_PERMISSION = "aws:cloudwatch/eventPermission:EventPermission"
PAIRS += [
    ("RES-024", "EU", aws(_EVENT_PERMISSION, _PINNED_EU, principal="*", statement_id="s", condition={
        "key": "aws:PrincipalOrgID", "type": "StringEquals", "value": "o-abc123"}),
     aws(_EVENT_PERMISSION, _PINNED_EU, principal="*", statement_id="s"), "principal"),
    ("RES-024", "US", aws(_BUCKET_POLICY, _PINNED_US, bucket="b", policy=_public(condition={
        "IpAddress": {"aws:SourceIp": ["198.51.100.0/24", "203.0.113.0/24"]}})),
     aws(_BUCKET_POLICY, _PINNED_US, bucket="b", policy=_public(condition={
         "IpAddress": {"aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"]}})), "policy(json).Statement[0].Principal"),
    ("RES-024", "CN", ali("alicloud:cr/repo:Repo", namespace="n", name="r", summary="s", repo_type="PRIVATE"),
     ali("alicloud:cr/repo:Repo", namespace="n", name="r", summary="s", repo_type="PUBLIC"), "repo_type"),
    ("RES-024", "CN", ali("alicloud:cr/namespace:Namespace", name="n", auto_create=False, default_visibility="PRIVATE"),
     ali("alicloud:cr/namespace:Namespace", name="n", auto_create=False, default_visibility="public"),
     "default_visibility"),
    # a permission's restricting input restricts only when fixed as its condition key's value would be
    ("RES-024", "DE", aws(_PERMISSION, _PINNED_EU, function="f", action="lambda:InvokeFunction", principal="*",
                          source_arn="arn:aws:sns:eu-central-1:123456789012:*"),
     aws(_PERMISSION, _PINNED_EU, function="f", action="lambda:InvokeFunction", principal="*",
         source_arn="arn:aws:s3:::*"), "principal"),
    ("RES-024", "CN", ali("alicloud:cs/registryEnterpriseRepo:RegistryEnterpriseRepo", instance_id="i", namespace="n",
                          name="r", summary="s", repo_type="PRIVATE"),
     ali("alicloud:cs/registryEnterpriseRepo:RegistryEnterpriseRepo", instance_id="i", namespace="n", name="r",
         summary="s", repo_type="PUBLIC"), "repo_type"),
]  # fmt: skip


# The false-alarm review of RES-024 (stop 36, falsealarm20): a Deny to `*` of every request not through the stack's
# VPC endpoint restricts the Allow to `*` beside it (API Gateway's private API example); a Deny that restricts nobody,
# covers less than the Allow or ANDs a second key does not.
def _private_api(deny_condition: dict[str, Any], deny_resource: str = "execute-api:/*") -> str:
    allow = {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}
    deny = {**allow, "Effect": "Deny", "Resource": deny_resource, "Condition": deny_condition}
    return json.dumps({"Version": "2012-10-17", "Statement": [deny, allow]})


_REST_API = "aws:apigateway/restApi:RestApi"


def _api(pin: Any, policy: str) -> Subject:
    return aws(_REST_API, pin, name="a", endpoint_configuration={"types": "PRIVATE"}, policy=policy)


_NOT_VPCE = {"StringNotEquals": {"aws:SourceVpce": "vpce-0abc"}}
PAIRS += [
    ("RES-024", "EU", _api(_PINNED_EU, _private_api(_NOT_VPCE)),
     _api(_PINNED_EU, _private_api({"Bool": {"aws:SecureTransport": "false"}})),
     "policy(json).Statement[1].Principal"),
    ("RES-024", "US", _api(_PINNED_US, _private_api({"NotIpAddress": {
        "aws:SourceIp": ["203.0.113.0/24"]}})),
     _api(_PINNED_US, _private_api(_NOT_VPCE, "execute-api:/prod/*")),
     "policy(json).Statement[1].Principal"),
    ("RES-024", "JP", _api(_PINNED_JP, _private_api({"StringNotEqualsIfExists": {
        "aws:SourceVpc": "vpc-0abc"}})),
     _api(_PINNED_JP, _private_api({"StringNotEquals": {
         "aws:SourceVpce": "vpce-0abc", "aws:PrincipalTag/team": "fleet"}})), "policy(json).Statement[1].Principal"),
    ("RES-024", "DE", aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=json.dumps({"Statement": [
        {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}},
        {"Effect": "Allow", "Principal": "*", "Action": "s3:Get*", "Resource": "*"}]})),
     aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=json.dumps({"Statement": [
         {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:Get*", "Resource": "*",
          "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}},
         {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]})),
     "policy(json).Statement[1].Principal"),
]  # fmt: skip
# Writing into another account's resource named by its ARN (written_account_fields, cross-account writes review, stop
# 37): the ARN's account receives the data, judged as a grant's.
_SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription"
_TARGET = "aws:cloudwatch/eventTarget:EventTarget"
PAIRS += [
    ("RES-023", "EU", aws(_SUBSCRIPTION, _PINNED_EU, topic="t", protocol="sqs",
                          endpoint="arn:aws:sqs:eu-central-1:123456789012:inbox"),
     aws(_SUBSCRIPTION, _PINNED_EU, topic="t", protocol="sqs", endpoint=f"arn:aws:sqs:eu-central-1:{_OTHER}:inbox"),
     "endpoint"),
    ("RES-023", "JP", aws(_SUBSCRIPTION, _PINNED_JP, topic="t", protocol="lambda",
                          endpoint="arn:aws:lambda:ap-northeast-1:123456789012:function:ingest"),
     aws(_SUBSCRIPTION, _PINNED_JP, topic="t", protocol="lambda",
         endpoint=f"arn:aws:lambda:ap-northeast-1:{_OTHER}:function:ingest"), "endpoint"),
    ("RES-023", "US", aws(_TARGET, _PINNED_US, rule="r", arn="arn:aws:events:us-east-1:123456789012:event-bus/central"),
     aws(_TARGET, _PINNED_US, rule="r", arn=f"arn:aws:events:us-east-1:{_OTHER}:event-bus/central"), "arn"),
    ("RES-023", "EU", aws(_TARGET, _PINNED_EU, rule="r", arn="arn:aws:sqs:eu-central-1:123456789012:work",
                          dead_letter_config={"arn": "arn:aws:sqs:eu-central-1:123456789012:dlq"}),
     aws(_TARGET, _PINNED_EU, rule="r", arn="arn:aws:sqs:eu-central-1:123456789012:work",
         dead_letter_config={"arn": f"arn:aws:sqs:eu-central-1:{_OTHER}:dlq"}), "dead_letter_config.arn"),
    ("RES-023", "EU", aws("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", _PINNED_EU, log_group="g",
                          filter_pattern="", destination_arn="arn:aws:logs:eu-central-1:123456789012:destination:c"),
     aws("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", _PINNED_EU, log_group="g", filter_pattern="",
         destination_arn=f"arn:aws:logs:eu-central-1:{_OTHER}:destination:c"), "destination_arn"),
    ("RES-023", "EU", aws("aws:redshiftserverless/endpointAccess:EndpointAccess", _PINNED_EU, endpoint_name="e",
                          workgroup_name="w", owner_account="123456789012"),
     aws("aws:redshiftserverless/endpointAccess:EndpointAccess", _PINNED_EU, endpoint_name="e", workgroup_name="w",
         owner_account=_OTHER), "owner_account"),
    ("RES-023", "CN", ali("alicloud:cloudmonitor/serviceHybridDoubleWrite:ServiceHybridDoubleWrite", _ALI_PINNED_CN,
                          source_namespace="n", source_user_id=_ALI_OWN, namespace="m", user_id=_ALI_OWN),
     ali("alicloud:cloudmonitor/serviceHybridDoubleWrite:ServiceHybridDoubleWrite", _ALI_PINNED_CN,
         source_namespace="n", source_user_id=_ALI_OWN, namespace="m", user_id=_ALI_OTHER), "user_id"),
    # CEN's `child_instance_owner_id`: realistic cases crossaccount37-cn-ali-cen-child-owner-* (the CEN instance it
    # joins must be made by the stack, RES-017, which a single subject cannot show).
]  # fmt: skip
# Red team, round 40 (stop 40; realistic cases redteam40-*): the account owning what the stack's network or data is
# joined to (granted_account_fields), and two AWS addresses under no host key (destination_fields). Each offending
# subject passed on the unchanged engine.
_DTS_SYNC = "alicloud:dts/synchronizationJob:SynchronizationJob"
_MNS_SUB = "alicloud:mns/topicSubscription:TopicSubscription"
ALI_JP_NO_ROLE = ProviderRef("alicloud", "jp", "ap-northeast-1")
PAIRS += [
    ("RES-023", "EU", aws("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", _PINNED_EU, vpc_id="vpc-1",
                          peer_vpc_id="vpc-2", peer_owner_id="123456789012", peer_region="eu-west-1"),
     aws("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", _PINNED_EU, vpc_id="vpc-1", peer_vpc_id="vpc-2",
         peer_owner_id=_OTHER, peer_region="eu-west-1"), "peer_owner_id"),
    ("RES-023", "EU", aws("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", _PINNED_EU,
                          transit_gateway_id="tgw-1", peer_transit_gateway_id="tgw-2", peer_account_id="123456789012",
                          peer_region="eu-west-1"),
     aws("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", _PINNED_EU, transit_gateway_id="tgw-1",
         peer_transit_gateway_id="tgw-2", peer_account_id=_OTHER, peer_region="eu-west-1"), "peer_account_id"),
    ("RES-023", "EU", aws("aws:ec2/networkInterfacePermission:NetworkInterfacePermission", _PINNED_EU,
                          network_interface_id="eni-1", aws_account_id="123456789012", permission="INSTANCE-ATTACH"),
     aws("aws:ec2/networkInterfacePermission:NetworkInterfacePermission", _PINNED_EU, network_interface_id="eni-1",
         aws_account_id=_OTHER, permission="INSTANCE-ATTACH"), "aws_account_id"),
    ("RES-015", "EU", aws("aws:redshift/hsmConfiguration:HsmConfiguration", AWS_EU, hsm_ip_address="10.40.0.15"),
     aws("aws:redshift/hsmConfiguration:HsmConfiguration", AWS_EU, hsm_ip_address="198.51.100.20"), "hsm_ip_address"),
    ("RES-015", "EU", aws("aws:directoryservice/trust:Trust", AWS_EU, conditional_forwarder_ip_addrs=["10.50.0.10"]),
     aws("aws:directoryservice/trust:Trust", AWS_EU, conditional_forwarder_ip_addrs=["198.51.100.53"]),
     "conditional_forwarder_ip_addrs[0]"),
    ("RES-023", "CN", ali(_DTS_SYNC, _ALI_PINNED_CN, destination_endpoint_owner_id=_ALI_OWN),
     ali(_DTS_SYNC, _ALI_PINNED_CN, destination_endpoint_owner_id=_ALI_OTHER), "destination_endpoint_owner_id"),
    ("RES-023", "CN", ali("alicloud:oss/bucketInventory:BucketInventory", _ALI_PINNED_CN,
                          destination={"oss_bucket_destination": {"bucket": "inv", "account_id": _ALI_OWN}}),
     ali("alicloud:oss/bucketInventory:BucketInventory", _ALI_PINNED_CN,
         destination={"oss_bucket_destination": {"bucket": "inv", "account_id": _ALI_OTHER}}),
     "destination.oss_bucket_destination.account_id"),
    ("RES-023", "CN", ali("alicloud:privatelink/vpcEndpointServiceUser:VpcEndpointServiceUser", _ALI_PINNED_CN,
                          service_id="epsrv-1", user_id=_ALI_OWN),
     ali("alicloud:privatelink/vpcEndpointServiceUser:VpcEndpointServiceUser", _ALI_PINNED_CN, service_id="epsrv-1",
         user_id=_ALI_OTHER), "user_id"),
    ("RES-023", "CN", ali("alicloud:vpc/peerConnection:PeerConnection", _ALI_PINNED_CN, vpc_id="vpc-1",
                          accepting_ali_uid=int(_ALI_OWN), accepting_region_id="cn-beijing", accepting_vpc_id="vpc-2"),
     ali("alicloud:vpc/peerConnection:PeerConnection", _ALI_PINNED_CN, vpc_id="vpc-1",
         accepting_ali_uid=int(_ALI_OTHER), accepting_region_id="cn-beijing", accepting_vpc_id="vpc-2"),
     "accepting_ali_uid"),
    # Alibaba accounts in written destinations (stop 40): the own account's queue, project or UID is proven only by the
    # role the provider assumes, as for an Alibaba Cloud grant; under a provider assuming none it is refused (until
    # stop 40 it was judged by its Region only, so a partner's in-country account received the data unchallenged).
    ("RES-023", "CN", ali(_MNS_SUB, _ALI_PINNED_CN, topic_name="t", name="s",
                          endpoint=f"acs:mns:cn-shanghai:{_ALI_OWN}:queues/alarms"),
     ali(_MNS_SUB, ALI_CN, topic_name="t", name="s", endpoint=f"acs:mns:cn-shanghai:{_ALI_OWN}:queues/alarms"),
     "endpoint"),
    ("RES-023", "JP", ali("alicloud:actiontrail/trail:Trail", _ALI_PINNED_JP, trail_name="t",
                          sls_project_arn=f"acs:log:ap-northeast-1:{_ALI_OWN}:project/audit"),
     ali("alicloud:actiontrail/trail:Trail", ALI_JP_NO_ROLE, trail_name="t",
         sls_project_arn=f"acs:log:ap-northeast-1:{_ALI_OTHER}:project/audit"), "sls_project_arn"),
    ("RES-023", "CN", ali(_DTS_SYNC, _ALI_PINNED_CN, destination_endpoint_owner_id=_ALI_OWN),
     ali(_DTS_SYNC, ALI_CN, destination_endpoint_owner_id=_ALI_OWN), "destination_endpoint_owner_id"),
]  # fmt: skip
# Alibaba Cloud red team (stop 43; realistic cases alired43-*): the grant and association types round 40 did not list,
# each naming the account that owns the CEN, ECR or transit router the stack's network is joined to. Each offending
# subject passed on the unchanged engine.
_ALI_JOINS = [
    ("alicloud:cen/instanceGrant:InstanceGrant", "cen_owner_id", {"child_instance_id": "vpc-1"}),
    ("alicloud:cen/transitRouterGrantAttachment:TransitRouterGrantAttachment", "cen_owner_id",
     {"instance_id": "vpc-1", "instance_type": "VPC"}),
    ("alicloud:expressconnect/routerGrantAssociation:RouterGrantAssociation", "ecr_owner_ali_uid",
     {"instance_id": "vpc-1", "instance_region_id": "cn-shanghai", "instance_type": "VPC"}),
    ("alicloud:expressconnect/routerTrAssociation:RouterTrAssociation", "transit_router_owner_id",
     {"association_region_id": "cn-shanghai", "transit_router_id": "tr-1"}),
    ("alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment", "ecr_owner_id", {}),
]  # fmt: skip
PAIRS += [
    ("RES-023", "CN", ali(token, _ALI_PINNED_CN, **{**rest, field: int(_ALI_OWN)}),
     ali(token, _ALI_PINNED_CN, **{**rest, field: int(_ALI_OTHER)}), field)
    for token, field, rest in _ALI_JOINS
]  # fmt: skip
_ALI_WRITTEN_FIX = (
    r"acs:mns:cn-shanghai:1234567890123456:queues/alarms belongs to account 1234567890123456.*accounts: none.*"
    r"assume a role of it \(assume_role=\{'role_arn': 'acs:ram::1234567890123456:role/<deployer>'\}, or "
    r"alicloud:assumeRole in the stack file\); else declare it"
)
# The Terraform registry's example programs (falsealarm22, stop 39; tests/platform_programs_falsealarm22.py): an SNS
# data protection policy's `Principal: ["*"]` says whose messages are protected and grants nothing (`not_grants`); a
# topic policy letting `*` subscribe only fixed resource ARNs (`sns:Endpoint`, `endpoint_conditions`) reaches only
# those resources, each judged as a subscription endpoint: its account (RES-023), its Region (RES-004). A pattern, an
# e-mail address or a negated operator keeps it public.
_SNS_TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy"
_DATA_PROTECTION = json.dumps(
    {
        "Name": "deny-email",
        "Version": "2021-06-01",
        "Statement": [
            {
                "Sid": "DenyInboundEmailAddress",
                "DataDirection": "Inbound",
                "Principal": ["*"],
                "Operation": {"Deny": {}},
                "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
            }
        ],
    }
)


def _audited_into(destination: dict[str, Any]) -> str:
    # An Audit statement's findings destinations stay judged in a policy that grants nothing.
    return json.dumps(
        {
            "Name": "audit-email",
            "Version": "2021-06-01",
            "Statement": [
                {
                    "Sid": "audit",
                    "DataDirection": "Inbound",
                    "Principal": ["*"],
                    "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
                    "Operation": {"Audit": {"SampleRate": "99", "FindingsDestination": destination}},
                }
            ],
        }
    )


def _subscribe_to(endpoint: Any, operator: str = "StringLike", region: str = "eu-central-1") -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "sub",
                    "Effect": "Allow",
                    "Principal": {"AWS": "*"},
                    "Action": ["sns:Subscribe", "sns:Receive"],
                    "Resource": f"arn:aws:sns:{region}:123456789012:t",
                    "Condition": {operator: {"sns:Endpoint": endpoint}},
                }
            ],
        }
    )


PAIRS += [
    ("RES-024", "EU", aws("aws:sns/dataProtectionPolicy:DataProtectionPolicy", _PINNED_EU, arn="t",
                          policy=_DATA_PROTECTION),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_DATA_PROTECTION), "policy(json).Statement[0].Principal"),
    ("RES-017", "EU", aws("aws:sns/dataProtectionPolicy:DataProtectionPolicy", _PINNED_EU, arn="t",
                          policy=_audited_into({"CloudWatchLogs": {"LogGroup": "/aws/vendedlogs/findings"}})),
     aws("aws:sns/dataProtectionPolicy:DataProtectionPolicy", _PINNED_EU, arn="t",
         policy=_audited_into({"S3": {"Bucket": "partner-findings"}})),
     "policy(json).Statement[0].Operation.Audit.FindingsDestination.S3.Bucket"),
    ("RES-004", "EU", aws("aws:sns/dataProtectionPolicy:DataProtectionPolicy", _PINNED_EU, arn="t",
                          policy=_audited_into({"Firehose": {
                              "DeliveryStream": "arn:aws:firehose:eu-central-1:123456789012:deliverystream/f"}})),
     aws("aws:sns/dataProtectionPolicy:DataProtectionPolicy", _PINNED_EU, arn="t", policy=_audited_into({"Firehose": {
         "DeliveryStream": "arn:aws:firehose:us-east-1:123456789012:deliverystream/f"}})),
     "policy(json).Statement[0].Operation.Audit.FindingsDestination.Firehose.DeliveryStream"),
    ("RES-024", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t",
                          policy=_subscribe_to(["arn:aws:sqs:eu-central-1:123456789012:inbox.fifo"])),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to("*@example.com")),
     "policy(json).Statement[0].Principal"),
    ("RES-024", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t",
                          policy=_subscribe_to("arn:aws:lambda:eu-central-1:123456789012:function:ingest")),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(
         ["arn:aws:sqs:eu-central-1:123456789012:inbox", "*@example.com"])),
     "policy(json).Statement[0].Principal"),
    ("RES-024", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t",
                          policy=_subscribe_to("arn:aws:sqs:eu-central-1:123456789012:inbox", "ArnEquals")),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t",
         policy=_subscribe_to("arn:aws:sqs:eu-central-1:123456789012:inbox", "StringNotLike")),
     "policy(json).Statement[0].Principal"),
    ("RES-023", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t",
                          policy=_subscribe_to("arn:aws:sqs:eu-central-1:123456789012:inbox")),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(f"arn:aws:sqs:eu-central-1:{_OTHER}:inbox")),
     "policy(json).Statement[0].Condition.StringLike.sns:Endpoint"),
    ("RES-023", "JP", aws(_SNS_TOPIC_POLICY, _PINNED_JP, arn="t", policy=_subscribe_to([
        "arn:aws:sqs:ap-northeast-1:123456789012:inbox", "arn:aws:lambda:ap-northeast-1:123456789012:function:f"],
        region="ap-northeast-1")),
     aws(_SNS_TOPIC_POLICY, _PINNED_JP, arn="t", policy=_subscribe_to([
         "arn:aws:sqs:ap-northeast-1:123456789012:inbox", f"arn:aws:lambda:ap-northeast-1:{_OTHER}:function:f"],
         region="ap-northeast-1")),
     "policy(json).Statement[0].Condition.StringLike.sns:Endpoint[1]"),
    ("RES-004", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t",
                          policy=_subscribe_to("arn:aws:sqs:eu-central-1:123456789012:inbox")),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to("arn:aws:sqs:us-east-1:123456789012:inbox")),
     "policy(json).Statement[0].Condition.StringLike.sns:Endpoint"),
]  # fmt: skip
# SNS endpoint conditions of URLs and e-mail addresses (snsend41, stop 41; tests/platform_programs_snsend41.py): a fixed
# URL host or mail domain in `sns:Endpoint` restricts who may subscribe, each value judged as the destination it names
# (the host as any URL's: proven cloud host, RES-006 abroad, RES-015 unproven; the domain as an SNS e-mail
# subscription's, RES-015 unless declared). A wildcard host, an address pattern whose wildcard can absorb an HTTPS URL
# and `sns:Protocol` alone restrict no one (RES-024).
_OWN_API = "https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/prod/sns"
_OWN_ALB = "https://internal-fleet-hooks-1234567890.eu-central-1.elb.amazonaws.com/sns/*"


def _subscribe_when(condition: dict[str, Any]) -> str:
    """A topic policy letting everyone subscribe under ``condition``."""
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "sub", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Subscribe",
        "Resource": "arn:aws:sns:eu-central-1:123456789012:t", "Condition": condition}]})  # fmt: skip


PAIRS += [
    ("RES-024", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(_OWN_API)),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to("https://*.execute-api.eu-central-1.amazonaws.com/*")),
     "policy(json).Statement[0].Principal"),
    ("RES-024", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(_OWN_ALB)),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_when({"StringEquals": {"sns:Protocol": "https"}})),
     "policy(json).Statement[0].Principal"),
    ("RES-024", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to([_OWN_API, _OWN_ALB])),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to([_OWN_API, "https://*"])),
     "policy(json).Statement[0].Principal"),
    ("RES-015", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(_OWN_ALB, "StringEquals")),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to("https://hooks.partner-ops.example.com/sns/*")),
     "policy(json).Statement[0].Condition.StringLike.sns:Endpoint"),
    ("RES-015", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(_OWN_API)),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to("ops@partner-ops.example.com", "StringEquals")),
     "policy(json).Statement[0].Condition.StringEquals.sns:Endpoint"),
    ("RES-015", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(
        ["arn:aws:sqs:eu-central-1:123456789012:inbox", _OWN_API])),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(
         ["arn:aws:sqs:eu-central-1:123456789012:inbox", "https://hooks.partner-ops.example.com/"])),
     "policy(json).Statement[0].Condition.StringLike.sns:Endpoint[1]"),
    ("RES-006", "EU", aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(_OWN_API)),
     aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_to(
         "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/*")),
     "policy(json).Statement[0].Condition.StringLike.sns:Endpoint"),
]  # fmt: skip

_FLEET_MAIL = {"id": "fleet", "kind": "resident", "match": "fleet.example.com",
               "evidence": "the company's mail servers in the jurisdiction"}  # fmt: skip
_MAIL_ONLY = {"StringEquals": {"sns:Protocol": ["email", "email-json"]}}
_PUBLIC_AND_HOST = [("RES-024", None), ("RES-015", "fleet")]  # public, and its URL's host judged as any URL's


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        # A fixed address names its domain: only e-mail protocols take an address (SNS Subscribe, Endpoint).
        ({"StringEquals": {"sns:Endpoint": "ops@fleet.example.com"}}, [("RES-015", "fleet")]),
        ({"StringEqualsIgnoreCase": {"sns:Endpoint": ["ops@FLEET.example.com"]}}, [("RES-015", "fleet")]),
        # A domain pattern restricts when the protocol is fixed to e-mail, or when the text before its wildcard begins
        # no URL; else `*` may be `https://partner.example/?to=x` (an HTTPS endpoint on any host).
        ({"StringLike": {"sns:Endpoint": "*@fleet.example.com"}, **_MAIL_ONLY}, [("RES-015", "fleet")]),
        ({"StringLike": {"sns:Endpoint": "alerts-*@fleet.example.com"}}, [("RES-015", "fleet")]),
        ({"StringLike": {"sns:Endpoint": "*@fleet.example.com"}}, [("RES-024", None)]),
        ({"StringLike": {"sns:Endpoint": "h*@fleet.example.com"}}, [("RES-024", None)]),
        (
            {
                "StringLike": {"sns:Endpoint": "*@fleet.example.com"},
                "StringEquals": {"sns:Protocol": ["email", "https"]},
            },
            [("RES-024", None)],
        ),
        (
            {"StringLike": {"sns:Endpoint": "*@fleet.example.com"}, "StringNotEquals": {"sns:Protocol": "https"}},
            [("RES-024", None)],
        ),
        ({"StringLike": {"sns:Endpoint": "*@*"}, **_MAIL_ONLY}, [("RES-024", None)]),
        ({"StringLike": {"sns:Endpoint": "ops@*.example.com"}, **_MAIL_ONLY}, [("RES-024", None)]),
        ({"StringLike": {"sns:Endpoint": "*"}, **_MAIL_ONLY}, [("RES-024", None)]),
        # A URL host is fixed only when no wildcard reaches it (`*` also matches "/"): host then judged by the scan.
        ({"StringLike": {"sns:Endpoint": "https://hooks.fleet.example.com/*"}}, [("RES-015", "fleet")]),
        (
            {"ForAnyValue:StringLike": {"sns:Endpoint": "https://hooks.fleet.example.com:8443/*"}},
            [("RES-015", "fleet")],
        ),
        ({"StringLike": {"sns:Endpoint": "https://*.fleet.example.com/*"}}, [("RES-024", None)]),
        ({"StringLike": {"sns:Endpoint": "https://hooks.fleet.example.com*"}}, _PUBLIC_AND_HOST),
        ({"StringLike": {"sns:Endpoint": "https://hooks.fleet.example.com:*"}}, _PUBLIC_AND_HOST),
        ({"StringNotLike": {"sns:Endpoint": "https://hooks.fleet.example.com/*"}}, _PUBLIC_AND_HOST),
        ({"ForAllValues:StringLike": {"sns:Endpoint": "ops@fleet.example.com"}}, [("RES-024", None)]),
        # sns:Protocol alone: anyone's endpoint of that protocol.
        (_MAIL_ONLY, [("RES-024", None)]),
    ],
)
def test_sns_endpoint_urls_and_addresses(condition: dict[str, Any], expected: list[tuple[str, str | None]]) -> None:
    # The declared register names the domain (its subdomains too, `*.fleet.example.com`): a mail or URL finding it
    # covers is reported declared; a public statement never is (its match is `public:<name>`).
    domain = {**_FLEET_MAIL, "match": "*.fleet.example.com"} if "hooks" in json.dumps(condition) else _FLEET_MAIL
    engine = RuleEngine("EU", destinations=parse_destinations([domain]))
    subject = aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=_subscribe_when(condition))
    findings = engine.check(subject)[0]
    assert [(f.rule.id, f.declared_by) for f in findings] == expected
    undeclared = RuleEngine("EU").check(subject)[0]
    assert [f.rule.id for f in undeclared] == [r for r, _ in expected]


def test_an_sns_endpoint_domain_is_refused_as_an_email_subscription_is() -> None:
    # The same rule and text as an SNS e-mail subscription's endpoint: the domain, and the declaration that fixes it.
    policy = _subscribe_when({"StringEquals": {"sns:Endpoint": "ops@partner-ops.example.com"}})
    (finding,) = RuleEngine("EU").check(aws(_SNS_TOPIC_POLICY, _PINNED_EU, arn="t", policy=policy))[0]
    subscription = aws("aws:sns/topicSubscription:TopicSubscription", _PINNED_EU, topic="t", protocol="email",
                       endpoint="ops@partner-ops.example.com")  # fmt: skip
    (same,) = RuleEngine("EU").check(subscription)[0]
    assert (finding.rule.id, finding.value, finding.detail) == (same.rule.id, same.value, same.detail)
    assert re.search(r"partner-ops\.example\.com", finding.message), finding.message


# Several Denies that only together cover an Allow to `*` (stop 41; residency-open.md RES-024 entry): each pair of one
# of the Allow's Action patterns and one of its Resource patterns must be covered by one Deny to `*` whose whole
# Condition is one negated operator on one restricting key with fixed values (an explicit deny overrides any allow).
_REST_API = "aws:apigateway/restApi:RestApi"
_VPCE_A, _VPCE_B = "vpce-0a1b2c3d4e5f60718", "vpce-1a1b2c3d4e5f60718"
_STAGES = ["execute-api:/prod/*", "execute-api:/staging/*"]


def _deny(resource: Any, condition: Any = None, action: Any = "execute-api:Invoke", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Deny", "Principal": "*", "Action": action, "Resource": resource,
            "Condition": condition or {"StringNotEquals": {"aws:SourceVpce": _VPCE_A}}, **extra}  # fmt: skip


@pytest.mark.parametrize(
    ("allow", "deny_statements", "public"),
    [
        (_STAGES, [_deny(_STAGES[0]), _deny(_STAGES[1], {"StringNotEquals": {"aws:SourceVpce": _VPCE_B}})], False),
        (["execute-api:/prod/*", "execute-api:/staging/*"], [_deny("execute-api:/*")], False),  # one Deny, as before
        (["execute-api:/prod/*", "execute-api:/staging/*"], [_deny("execute-api:/prod/*")], True),  # staging open
        ("execute-api:/*", [_deny("execute-api:/prod/*"), _deny("execute-api:/staging/*")], True),  # other stages
        (_STAGES, [_deny(_STAGES[0]), _deny(_STAGES[1], {"StringNotEquals": {"aws:SourceVpce": "vpce-*"}})], True),
        (["execute-api:/prod/*", "execute-api:/staging/*"],
         [_deny("execute-api:/prod/*"), _deny("execute-api:/staging/*", {"Bool": {"aws:SecureTransport": "false"}})],
         True),
        (["execute-api:/prod/*", "execute-api:/staging/*"],
         [_deny("execute-api:/prod/*"), _deny("execute-api:/staging/*", {"StringNotEquals": {
             "aws:SourceVpce": _VPCE_B, "aws:PrincipalTag/team": "fleet"}})],
         True),
        (["execute-api:/prod/*", "execute-api:/staging/*"],
         [_deny("execute-api:/prod/*"), {**_deny("execute-api:/staging/*"), "Principal": {"AWS": "123456789012"}}],
         True),
        # A NotResource Deny applies to every resource but those listed (public42, stop 42: read exactly): one of
        # `/prod/*` covers `/staging/*` (no value of both); one of `/staging/*` leaves the staging stage open.
        (["execute-api:/prod/*", "execute-api:/staging/*"],
         [_deny("execute-api:/prod/*"), {k: v for k, v in _deny("x").items() if k != "Resource"}
          | {"NotResource": "execute-api:/prod/*"}],
         False),
        (["execute-api:/prod/*", "execute-api:/staging/*"],
         [_deny("execute-api:/prod/*"), {k: v for k, v in _deny("x").items() if k != "Resource"}
          | {"NotResource": "execute-api:/staging/*"}],
         True),
    ],
)  # fmt: skip
def test_several_denies_together_restrict_an_allow(allow: Any, deny_statements: list[Any], public: bool) -> None:
    statements = [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": allow},
                  *deny_statements]  # fmt: skip
    private = {"types": "PRIVATE", "vpc_endpoint_ids": [_VPCE_A, _VPCE_B]}
    subject = aws(_REST_API, _PINNED_EU, name="internal", endpoint_configuration=private,
                  policy=json.dumps({"Statement": statements}))  # fmt: skip
    findings = RuleEngine("EU").check(subject)[0]
    assert [(f.rule.id, f.path) for f in findings] == ([("RES-024", "policy(json).Statement[0].Principal")] * public)


def test_denies_cover_every_action_and_resource_pair_of_the_allow() -> None:
    # Calls denied unless through one endpoint, connection management unless through another: together every request.
    allow = {"Effect": "Allow", "Principal": "*", "Action": ["execute-api:Invoke", "execute-api:ManageConnections"],
             "Resource": ["execute-api:/prod/*", "execute-api:/staging/*"]}  # fmt: skip
    calls = _deny("execute-api:/*")
    manage = _deny("execute-api:/*", {"StringNotEquals": {"aws:SourceVpce": _VPCE_B}}, action="execute-api:Manage*")
    private = {"types": "PRIVATE", "vpc_endpoint_ids": [_VPCE_A, _VPCE_B]}

    def findings(*statements: Any) -> list[str]:
        api = aws(_REST_API, _PINNED_EU, name="internal", endpoint_configuration=private,
                  policy=json.dumps({"Statement": [allow, *statements]}))  # fmt: skip
        return [f.rule.id for f in RuleEngine("EU").check(api)[0]]

    assert findings(calls, manage) == []
    # Connections of the staging stage are managed without an endpoint: that pair is no Deny's.
    assert findings(calls, {**manage, "Resource": "execute-api:/prod/*"}) == ["RES-024"]
    assert findings(manage) == ["RES-024"]


# More destinations written into (cross-account writes, stop 39): an IoT rule's SQS action names its queue by URL, the
# owner account the path's first segment; a dead-letter queue inside a redrive policy's JSON; the Python SDK's
# keyword-escaped `lambda_` (the guard's view) is the schema's `lambda`; a maintenance window task's notification topic.
_TOPIC_RULE = "aws:iot/topicRule:TopicRule"
_WINDOW_TASK = "aws:ssm/maintenanceWindowTask:MaintenanceWindowTask"


def _sqs_action(queue_url: str) -> dict[str, Any]:
    """An IoT rule's SQS action (iot/topicrule `sqs`): the queue by its URL."""
    return {"queue_url": queue_url, "role_arn": "arn:aws:iam::123456789012:role/iot", "use_base64": False}


def _window_notice(topic: str) -> dict[str, Any]:
    """A maintenance window Run Command task's notification settings (ssm/maintenancewindowtask)."""
    return {"run_command_parameters": {"notification_config": {
        "notification_arn": topic, "notification_events": ["Failed"], "notification_type": "Command"}}}  # fmt: skip


PAIRS += [
    ("RES-023", "EU", aws(_TOPIC_RULE, _PINNED_EU, sqs=[_sqs_action("https://sqs.eu-central-1.amazonaws.com/123456789012/q")]),
     aws(_TOPIC_RULE, _PINNED_EU, sqs=[_sqs_action(f"https://sqs.eu-central-1.amazonaws.com/{_OTHER}/q")]),
     "sqs[0].queue_url"),
    ("RES-023", "JP", aws(_TOPIC_RULE, _PINNED_JP, error_action={
        "lambda_": {"function_arn": "arn:aws:lambda:ap-northeast-1:123456789012:function:f"}}),
     aws(_TOPIC_RULE, _PINNED_JP, error_action={
         "lambda_": {"function_arn": f"arn:aws:lambda:ap-northeast-1:{_OTHER}:function:f"}}),
     "error_action.lambda_.function_arn"),
    ("RES-023", "US", aws("aws:sqs/queue:Queue", _PINNED_US, redrive_policy=json.dumps(
        {"deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq", "maxReceiveCount": 5})),
     aws("aws:sqs/queue:Queue", _PINNED_US, redrive_policy=json.dumps(
         {"deadLetterTargetArn": f"arn:aws:sqs:us-east-1:{_OTHER}:dlq", "maxReceiveCount": 5})),
     "redrive_policy(json).deadLetterTargetArn"),
    ("RES-023", "EU", aws(_WINDOW_TASK, _PINNED_EU, window_id="mw-1", task_arn="AWS-RunShellScript",
                          task_type="RUN_COMMAND",
                          task_invocation_parameters=_window_notice("arn:aws:sns:eu-central-1:123456789012:patching")),
     aws(_WINDOW_TASK, _PINNED_EU, window_id="mw-1", task_arn="AWS-RunShellScript", task_type="RUN_COMMAND",
         task_invocation_parameters=_window_notice(f"arn:aws:sns:eu-central-1:{_OTHER}:patching")),
     "task_invocation_parameters.run_command_parameters.notification_config.notification_arn"),
]  # fmt: skip
# False-alarm hunt 23 (stop 40, registry examples): an S3 ACL grant to a predefined group names the group by a URI under
# acs.amazonaws.com (an identifier, never contacted; AllUsers stays public); an EventBridge HTTP source's referers are
# compared with requests (the same domain as a rule's HTTP target stays refused); a PolarDB DynamoDB endpoint typed in.
_BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl"
_LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery"
_ALI_EVENT_SOURCE = "alicloud:eventbridge/eventSourceV2:EventSourceV2"


def _acl_grant(uri: str) -> dict[str, Any]:
    """A bucket ACL granting ``uri``'s group READ_ACP (the registry's aws.s3.BucketAcl third example)."""
    return {"owner": {"id": "c0ffee"}, "grants": [{"grantee": {"type": "Group", "uri": uri}, "permission": "READ_ACP"}]}


def _http_source(*referers: str) -> dict[str, Any]:
    return {"type": "HTTP", "security_config": "referer", "methods": ["GET", "POST"], "referers": list(referers)}


PAIRS += [
    ("RES-015", "EU", aws(_BUCKET_ACL, _PINNED_EU, bucket="b", access_control_policy=_acl_grant(_LOG_DELIVERY)),
     aws(_BUCKET_ACL, _PINNED_EU, bucket="b",
         access_control_policy=_acl_grant("http://acs.amazonaws.com.example.net/groups/s3/LogDelivery")),
     "access_control_policy.grants[0].grantee.uri"),
    ("RES-006", "CN", aws(_BUCKET_ACL, bucket="b", access_control_policy=_acl_grant(_LOG_DELIVERY)),
     aws(_BUCKET_ACL, bucket="b", access_control_policy=_acl_grant("http://s3.amazonaws.com/groups/s3/LogDelivery")),
     "access_control_policy.grants[0].grantee.uri"),
    ("RES-024", "JP", aws(_BUCKET_ACL, _PINNED_JP, bucket="b", access_control_policy=_acl_grant(_LOG_DELIVERY)),
     aws(_BUCKET_ACL, _PINNED_JP, bucket="b",
         access_control_policy=_acl_grant("http://acs.amazonaws.com/groups/global/AllUsers")),
     "access_control_policy.grants[0].grantee.uri"),
    ("RES-016", "CN", ali(_ALI_EVENT_SOURCE, event_bus_name="bus", event_source_name="web",
                          source_http_event_parameters=_http_source("www.aliyun.com", "www.taobao.com")),
     ali("alicloud:eventbridge/rule:Rule", event_bus_name="bus", rule_name="r", filter_pattern="{}",
         targets=[{"target_id": "http", "type": "acs.api.destination", "endpoint": "https://www.aliyun.com/notify"}]),
     "targets[0].endpoint"),
    ("RES-015", "CN", ali(_ALI_EVENT_SOURCE, event_bus_name="bus", event_source_name="web",
                          source_http_event_parameters=_http_source("www.taobao.com")),
     ali("alicloud:polardb/dynamoItem:DynamoItem", db_cluster_id="pc-1", table_name="t", account_name="a",
         endpoint="http://pc-2ze0example00001.rwlb.rds.aliyuncs.com:5432"),
     "endpoint"),
]  # fmt: skip
# Mutation search, round 10 (stop 41): an SAE ConfigMap is kept, and an SAE Ingress routes, in the namespace its
# `namespace_id` names (`{RegionId}:{namespace}`, region_id_fields), judged as an Application's namespace is.
_SAE_INGRESS_RULES = [{"app_id": "a-1", "app_name": "portal", "container_port": 8080, "domain": "p.example.cn",
                       "path": "/"}]  # fmt: skip
PAIRS += [
    ("RES-009", "CN", ali("alicloud:sae/configMap:ConfigMap", name="s", namespace_id="cn-shanghai:fleet", data="{}"),
     ali("alicloud:sae/configMap:ConfigMap", name="s", namespace_id="cn-hongkong:fleet", data="{}"),
     "namespace_id"),
    ("RES-009", "CN", ali("alicloud:sae/ingress:Ingress", namespace_id="cn-beijing:fleet", slb_id="lb-1",
                          listener_port=80, rules=_SAE_INGRESS_RULES),
     ali("alicloud:sae/ingress:Ingress", namespace_id="ap-southeast-1:fleet", slb_id="lb-1", listener_port=80,
         rules=_SAE_INGRESS_RULES),
     "namespace_id"),
]  # fmt: skip
# Mutation search, round 11 (stop 42): an HTTP API's SQS-SendMessage integration writes into the queue its `QueueUrl`
# names (the Integration's request_parameters, or the OpenAPI body's requestParameters), and a REST API's SQS
# integration into the queue its uri's path names; the owner account is judged as a written destination's (RES-023),
# as an IoT rule's SQS action's is.
_HTTP_INTEGRATION = "aws:apigatewayv2/integration:Integration"


def _sqs_send(account: str) -> dict[str, Any]:
    """An HTTP API integration of subtype SQS-SendMessage to a queue of ``account`` in eu-central-1."""
    return {"api_id": "a", "integration_type": "AWS_PROXY", "integration_subtype": "SQS-SendMessage",
            "credentials_arn": "arn:aws:iam::123456789012:role/api", "payload_format_version": "1.0",
            "request_parameters": {"QueueUrl": f"https://sqs.eu-central-1.amazonaws.com/{account}/orders",
                                   "MessageBody": "$request.body"}}  # fmt: skip


def _sqs_send_body(account: str) -> str:
    """The same integration in an OpenAPI body (x-amazon-apigateway-integration)."""
    integration = {"type": "aws_proxy", "integrationSubtype": "SQS-SendMessage", "payloadFormatVersion": "1.0",
                   "credentials": "arn:aws:iam::123456789012:role/api",
                   "requestParameters": {"QueueUrl": f"https://sqs.eu-central-1.amazonaws.com/{account}/orders",
                                         "MessageBody": "$request.body"}}  # fmt: skip
    return json.dumps({"openapi": "3.0.1", "info": {"title": "o", "version": "1"},
                       "paths": {"/o": {"post": {"x-amazon-apigateway-integration": integration}}}})  # fmt: skip


PAIRS += [
    ("RES-023", "EU", aws(_HTTP_INTEGRATION, _PINNED_EU, **_sqs_send("123456789012")),
     aws(_HTTP_INTEGRATION, _PINNED_EU, **_sqs_send(_OTHER)), "request_parameters.QueueUrl"),
    ("RES-023", "DE", aws("aws:apigatewayv2/api:Api", _PINNED_EU, name="o", protocol_type="HTTP",
                          body=_sqs_send_body("123456789012")),
     aws("aws:apigatewayv2/api:Api", _PINNED_EU, name="o", protocol_type="HTTP", body=_sqs_send_body(_OTHER)),
     "body(json).paths./o.post.x-amazon-apigateway-integration.requestParameters.QueueUrl"),
    # A REST API's AWS integration to SQS by path (`sqs:path/<account>/<queue>`), on the Integration or in the body.
    ("RES-023", "US", aws("aws:apigateway/integration:Integration", _PINNED_US, rest_api="r", resource_id="x",
                          http_method="POST", type="AWS", integration_http_method="POST",
                          uri="arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"),
     aws("aws:apigateway/integration:Integration", _PINNED_US, rest_api="r", resource_id="x", http_method="POST",
         type="AWS", integration_http_method="POST", uri=f"arn:aws:apigateway:us-east-1:sqs:path/{_OTHER}/orders"),
     "uri"),
    ("RES-023", "JP", aws("aws:apigateway/restApi:RestApi", _PINNED_JP, name="o",
                          endpoint_configuration={"types": "REGIONAL"}, body=json.dumps({"paths": {"/o": {"post": {
                              "x-amazon-apigateway-integration": {"type": "aws", "httpMethod": "POST",
                              "uri": "arn:aws:apigateway:ap-northeast-1:sqs:path/123456789012/orders"}}}}})),
     aws("aws:apigateway/restApi:RestApi", _PINNED_JP, name="o", endpoint_configuration={"types": "REGIONAL"},
         body=json.dumps({"paths": {"/o": {"post": {"x-amazon-apigateway-integration": {
             "type": "aws", "httpMethod": "POST",
             "uri": f"arn:aws:apigateway:ap-northeast-1:sqs:path/{_OTHER}/orders"}}}}})),
     "body(json).paths./o.post.x-amazon-apigateway-integration.uri"),
]  # fmt: skip
# sqsvpc43 (stop 43): only an SQS subtype that sends the stack's data writes into the queue. SQS-ReceiveMessage,
# -DeleteMessage and -PurgeQueue read from or empty it ("Integration subtype reference"): another account's queue is no
# transfer there (catalogue `written_account_fields` `read_only`); SendMessage, an absent, unknown or other subtype
# stays a write. An OpenSearch-managed VPC endpoint's `domain_arn` names the domain the stack's clients index into.
_READ_ONLY_SUBTYPES = ("SQS-ReceiveMessage", "SQS-DeleteMessage", "SQS-PurgeQueue")


def _sqs_subtype(subtype: Any, account: str = _OTHER, region: str = "eu-central-1") -> dict[str, Any]:
    """An HTTP API integration of ``subtype`` (None: no subtype) to a queue of ``account``."""
    props = _sqs_send(account)
    props["request_parameters"] = {"QueueUrl": f"https://sqs.{region}.amazonaws.com/{account}/orders"}
    if subtype is None:
        del props["integration_subtype"]
    else:
        props["integration_subtype"] = subtype
    return props


def _sqs_subtype_body(subtype: str, account: str = _OTHER) -> str:
    body = json.loads(_sqs_send_body(account))
    body["paths"]["/o"]["post"]["x-amazon-apigateway-integration"]["integrationSubtype"] = subtype
    return json.dumps(body)


PAIRS += [
    # (anonymous43: a ReceiveMessage integration is also RES-024 without a Route proven authorized, so the read-only
    # twin here is DeleteMessage; ReceiveMessage's RES-023 is pinned in the test below with its Routes authorized.)
    ("RES-023", "EU", aws(_HTTP_INTEGRATION, _PINNED_EU, **_sqs_subtype("SQS-DeleteMessage")),
     aws(_HTTP_INTEGRATION, _PINNED_EU, **_sqs_subtype("SQS-SendMessage")), "request_parameters.QueueUrl"),
    ("RES-023", "DE", aws("aws:apigatewayv2/api:Api", _PINNED_EU, name="o", protocol_type="HTTP",
                          body=_sqs_subtype_body("SQS-PurgeQueue")),
     aws("aws:apigatewayv2/api:Api", _PINNED_EU, name="o", protocol_type="HTTP",
         body=_sqs_subtype_body("SQS-SendMessage")),
     "body(json).paths./o.post.x-amazon-apigateway-integration.requestParameters.QueueUrl"),
    ("RES-023", "EU", aws("aws:opensearch/vpcEndpoint:VpcEndpoint", _PINNED_EU,
                          domain_arn="arn:aws:es:eu-central-1:123456789012:domain/logs",
                          vpc_options={"subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}),
     aws("aws:opensearch/vpcEndpoint:VpcEndpoint", _PINNED_EU,
         domain_arn=f"arn:aws:es:eu-central-1:{_OTHER}:domain/logs",
         vpc_options={"subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}), "domain_arn"),
    ("RES-023", "US", aws("aws:elasticsearch/vpcEndpoint:VpcEndpoint", _PINNED_US,
                          domain_arn="arn:aws:es:us-east-1:123456789012:domain/logs",
                          vpc_options={"subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}),
     aws("aws:elasticsearch/vpcEndpoint:VpcEndpoint", _PINNED_US,
         domain_arn=f"arn:aws:es:us-east-1:{_OTHER}:domain/logs",
         vpc_options={"subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}), "domain_arn"),
]  # fmt: skip


def _routes_authorized(text: str) -> bool:
    """Every Route to the integration requires authorization (anonymous43: else a ReceiveMessage is RES-024 too)."""
    return text == "method-authorized"


@pytest.mark.parametrize(
    ("subtype", "written"),
    [
        *[(s, False) for s in _READ_ONLY_SUBTYPES],
        ("SQS-SendMessage", True),
        (None, True),  # no subtype: not proven read-only
        (object(), True),  # not known yet (an Output)
        ("sqs-receivemessage", True),  # only the documented spelling
        ("SQS-ReceiveMessageBatch", True),  # not a documented subtype
    ],
)
def test_only_an_sqs_subtype_that_sends_writes_into_the_queue(subtype: Any, written: bool) -> None:
    subject = aws(_HTTP_INTEGRATION, _PINNED_EU, **_sqs_subtype(subtype))
    findings = RuleEngine("EU").check(subject, known=_routes_authorized)[0]
    assert [f.rule.id for f in findings] == ["RES-023"] * written
    if written:
        assert re.search(rf"belongs to account {_OTHER}, which receives", findings[0].message)


@pytest.mark.parametrize("subtype", _READ_ONLY_SUBTYPES)
def test_a_read_only_sqs_subtype_still_judges_the_queues_region(subtype: str) -> None:
    """Reading is no transfer of the stack's data to the queue's account; the queue's Region is judged as before."""
    props = _sqs_subtype(subtype, region="us-east-1")
    subject = aws(_HTTP_INTEGRATION, _PINNED_EU, **props)
    assert [f.rule.id for f in RuleEngine("EU").check(subject, known=_routes_authorized)[0]] == ["RES-006"]
    pending = aws(_HTTP_INTEGRATION, _PINNED_EU, **_sqs_subtype(subtype))  # a QueueUrl known only later
    place = Place("request_parameters.QueueUrl", ("request_parameters", "queue_url"), 2)
    url = f"https://sqs.eu-central-1.amazonaws.com/{_OTHER}/orders"
    assert RuleEngine("EU").check_value(pending, place, url) == []
    send = aws(_HTTP_INTEGRATION, _PINNED_EU, **_sqs_subtype("SQS-SendMessage"))
    assert [f.rule.id for f in RuleEngine("EU").check_value(send, place, url)] == ["RES-023"]


# Mutation search, round 10 (stop 41): `*` limited to the callers of one account (aws:PrincipalAccount,
# kms:CallerAccount, aws:PrincipalArn) grants that account, judged as a Principal naming it is (RES-023).
_PINNED_EU_41 = ProviderRef("aws", "eu", "eu-west-1", accounts=frozenset({"123456789012"}))
_PINNED_JP_41 = ProviderRef("aws", "jp", "ap-northeast-1", accounts=frozenset({"123456789012"}))


def _caller_policy(key: str, value: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
         "Condition": {"StringEquals": {key: value}}}]})  # fmt: skip


PAIRS += [
    ("RES-023", "EU", aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_EU_41, secret_arn="s",
                          policy=_caller_policy("aws:PrincipalAccount", "123456789012")),
     aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_EU_41, secret_arn="s",
         policy=_caller_policy("aws:PrincipalAccount", "444455556666")),
     "policy(json).Statement[0].Condition.StringEquals.aws:PrincipalAccount"),
    # False-alarm review of stop 41: an aws:userid that is an account id (the root user) or `<account>:<name>` (a
    # federated user) names that account's principals, as aws:PrincipalAccount does (passed before, a twin left open).
    ("RES-023", "EU", aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_EU_41, secret_arn="s",
                          policy=_caller_policy("aws:userid", "123456789012:reports-ci")),
     aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_EU_41, secret_arn="s",
         policy=_caller_policy("aws:userid", "444455556666:reports-ci")),
     "policy(json).Statement[0].Condition.StringEquals.aws:userid"),
    ("RES-023", "JP", aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_JP_41, secret_arn="s",
                          policy=_caller_policy("aws:userid", "123456789012")),
     aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_JP_41, secret_arn="s",
         policy=_caller_policy("aws:userid", "444455556666")),
     "policy(json).Statement[0].Condition.StringEquals.aws:userid"),
]  # fmt: skip
# orgkeys42 (stop 42): organisation, source-account and unique-id condition keys are grants (RES-023). Each offending
# subject passed on the unchanged engine (the unique id and the org-limited permissions too).
_PINNED_US_42 = ProviderRef("aws", "us", "us-east-1", accounts=frozenset({"123456789012"}))


def _statement_policy(principal: Any, condition: dict[str, Any], action: Any = "kms:Decrypt") -> str:
    statement = {"Effect": "Allow", "Principal": principal, "Action": action, "Resource": "*", "Condition": condition}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


PAIRS += [
    ("RES-023", "EU", aws("aws:kms/key:Key", _PINNED_EU_41, policy=_statement_policy(
        "*", {"StringEquals": {"aws:PrincipalAccount": "123456789012"}})),
     aws("aws:kms/key:Key", _PINNED_EU_41, policy=_statement_policy(
         "*", {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})),
     "policy(json).Statement[0].Condition.StringEquals.aws:PrincipalOrgID"),
    ("RES-023", "JP", aws("aws:kms/key:Key", _PINNED_JP_41, policy=_statement_policy(
        "*", {"StringEquals": {"aws:PrincipalAccount": "123456789012"}})),
     aws("aws:kms/key:Key", _PINNED_JP_41, policy=_statement_policy(
         "*", {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}})),
     "policy(json).Statement[0].Condition.ForAnyValue:StringLike.aws:PrincipalOrgPaths"),
    # Not a delivery-only action (since stop 47 an SNS:Publish or sqs:SendMessage statement only delivers into the
    # stack's topic or queue and grants its accounts nothing, inbound47): a subscription or a read.
    ("RES-023", "US", aws("aws:sns/topicPolicy:TopicPolicy", _PINNED_US_42, arn="t", policy=_statement_policy(
        "*", {"StringEquals": {"aws:SourceAccount": "123456789012"}}, "SNS:Subscribe")),
     aws("aws:sns/topicPolicy:TopicPolicy", _PINNED_US_42, arn="t", policy=_statement_policy(
         "*", {"StringEquals": {"aws:SourceAccount": "444455556666"}}, "SNS:Subscribe")),
     "policy(json).Statement[0].Condition.StringEquals.aws:SourceAccount"),
    ("RES-023", "EU", aws("aws:sns/topicPolicy:TopicPolicy", _PINNED_EU_41, arn="t", policy=_statement_policy(
        {"AWS": "*"}, {"StringEquals": {"AWS:SourceOwner": "123456789012"}}, ["SNS:Publish", "SNS:Subscribe"])),
     aws("aws:sns/topicPolicy:TopicPolicy", _PINNED_EU_41, arn="t", policy=_statement_policy(
         {"AWS": "*"}, {"StringEquals": {"AWS:SourceOwner": "444455556666"}}, ["SNS:Publish", "SNS:Subscribe"])),
     "policy(json).Statement[0].Condition.StringEquals.AWS:SourceOwner"),
    ("RES-023", "JP", aws(_QUEUE_POLICY, _PINNED_JP_41, queue_url="q", policy=_statement_policy(
        "*",
        {"ArnEquals": {"aws:SourceArn": "arn:aws:events:ap-northeast-1:123456789012:rule/orders"}},
        "sqs:ReceiveMessage")),
     aws(_QUEUE_POLICY, _PINNED_JP_41, queue_url="q", policy=_statement_policy(
         "*",
         {"ArnEquals": {"aws:SourceArn": "arn:aws:events:ap-northeast-1:444455556666:rule/orders"}},
         "sqs:ReceiveMessage")),
     "policy(json).Statement[0].Condition.ArnEquals.aws:SourceArn"),
    ("RES-023", "EU", aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_EU_41, secret_arn="s",
                          policy=_caller_policy("aws:userid", "123456789012:reports-ci")),
     aws("aws:secretsmanager/secretPolicy:SecretPolicy", _PINNED_EU_41, secret_arn="s",
         policy=_caller_policy("aws:userid", "AIDAJQABLZS4A3QDU576Q")),
     "policy(json).Statement[0].Condition.StringEquals.aws:userid"),
    ("RES-023", "EU", aws(_LAYER_PERMISSION, _PINNED_EU_41, layer_name="l", version_number=1,
                          action="lambda:GetLayerVersion", statement_id="s", principal="123456789012"),
     aws(_LAYER_PERMISSION, _PINNED_EU_41, layer_name="l", version_number=1, action="lambda:GetLayerVersion",
         statement_id="s", principal="*", organization_id="o-a1b2c3d4e5"),
     "organization_id"),
    ("RES-023", "US", aws("aws:lambda/permission:Permission", _PINNED_US_42, function="f",
                          action="lambda:InvokeFunction", principal="events.amazonaws.com",
                          source_arn="arn:aws:events:us-east-1:123456789012:rule/orders"),
     aws("aws:lambda/permission:Permission", _PINNED_US_42, function="f", action="lambda:InvokeFunction",
         principal="events.amazonaws.com", source_arn="arn:aws:events:us-east-1:444455556666:rule/orders"),
     "source_arn"),
    ("RES-023", "US", aws("aws:lambda/permission:Permission", _PINNED_US_42, function="f",
                          action="lambda:InvokeFunction", principal="123456789012"),
     aws("aws:lambda/permission:Permission", _PINNED_US_42, function="f", action="lambda:InvokeFunction",
         principal="*", principal_org_id="o-a1b2c3d4e5"),
     "principal_org_id"),
]  # fmt: skip
# Alibaba role fields of other accounts (stop 41; realistic cases alirole41-*): a role the account RECEIVING the data
# makes (ActionTrail's write roles: "The ActionTrail service within source accounts must assume this role to write
# events to the destination account"; an SLS OSS shipping job's write role, which "the OSS Bucket owner creates") names
# that account, judged as a written destination's (RES-023). Each offending subject passed on the unchanged engine.
_TRAIL = "alicloud:actiontrail/trail:Trail"
_OSS_EXPORT = "alicloud:log/ossExport:OssExport"
_OSS_EXPORT_SINK = "alicloud:sls/ossExportSink:OssExportSink"


def _role_of(uid: str, name: str = "actiontrail-delivery") -> str:
    return f"acs:ram::{uid}:role/{name}"


def _export_sink(read_role: str, write_role: str) -> dict[str, Any]:
    return {"logstore": "tcu", "role_arn": read_role, "from_time": 1, "to_time": 0,
            "sink": {"prefix": "tcu", "role_arn": write_role,
                     "endpoint": "https://oss-cn-shanghai-internal.aliyuncs.com"}}  # fmt: skip


PAIRS += [
    ("RES-023", "CN", ali(_TRAIL, _ALI_PINNED_CN, trail_name="t",
                          oss_write_role_arn=_role_of(_ALI_OWN)),
     ali(_TRAIL, _ALI_PINNED_CN, trail_name="t",
         oss_write_role_arn=_role_of(_ALI_OTHER)), "oss_write_role_arn"),
    ("RES-023", "JP", ali(_TRAIL, _ALI_PINNED_JP, trail_name="t", sls_write_role_arn=_role_of(_ALI_OWN)),
     ali(_TRAIL, _ALI_PINNED_JP, trail_name="t", sls_write_role_arn=_role_of(_ALI_OTHER)), "sls_write_role_arn"),
    ("RES-023", "CN", ali(_TRAIL, _ALI_PINNED_CN, trail_name="t", max_compute_write_role_arn=_role_of(_ALI_OWN)),
     ali(_TRAIL, _ALI_PINNED_CN, trail_name="t", max_compute_write_role_arn=_role_of(_ALI_OTHER)),
     "max_compute_write_role_arn"),
    ("RES-023", "CN", ali(_OSS_EXPORT, _ALI_PINNED_CN, project_name="p", logstore_name="l", export_name="e",
                          role_arn=_role_of(_ALI_OWN, "aliyunlogdefaultrole")),
     ali(_OSS_EXPORT, _ALI_PINNED_CN, project_name="p", logstore_name="l", export_name="e",
         role_arn=_role_of(_ALI_OTHER, "aliyunlogdefaultrole")), "role_arn"),
    ("RES-023", "JP", ali("alicloud:log/ossShipper:OssShipper", _ALI_PINNED_JP, project_name="p", logstore_name="l",
                          shipper_name="s", role_arn=_role_of(_ALI_OWN, "logrole")),
     ali("alicloud:log/ossShipper:OssShipper", _ALI_PINNED_JP, project_name="p", logstore_name="l", shipper_name="s",
         role_arn=_role_of(_ALI_OTHER, "logrole")), "role_arn"),
    ("RES-023", "CN", ali(_OSS_EXPORT_SINK, _ALI_PINNED_CN, project="p", job_name="j",
                          configuration=_export_sink(_role_of(_ALI_OWN), _role_of(_ALI_OWN))),
     ali(_OSS_EXPORT_SINK, _ALI_PINNED_CN, project="p", job_name="j",
         configuration=_export_sink(_role_of(_ALI_OWN), _role_of(_ALI_OTHER))), "configuration.sink.role_arn"),
]  # fmt: skip


# bodies42 (stop 42): an OpenAPI definition's own address in a CloudFormation template's RestApi / HTTP Api Body is
# text, as on the Pulumi resource (stack_templates `resources` read with text_fields); an integration uri beside it to a
# partner's host stays RES-015.
def _api_template(kind: str, uri: str | None = None, swagger: bool = False) -> str:
    operation: dict[str, Any] = {"x-amazon-apigateway-integration": {"type": "mock"}}
    if uri is not None:
        operation = {"x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "GET", "uri": uri,
                                                         "payloadFormatVersion": "1.0"}}  # fmt: skip
    body: dict[str, Any] = (
        {"swagger": "2.0", "host": "api.fleet.example.com", "basePath": "/v1", "paths": {"/orders": {"get": operation}}}
        if swagger
        else {"openapi": "3.0.1", "servers": [{"url": "https://api.fleet.example.com/v1"}],
              "paths": {"/orders": {"get": operation}}}
    )  # fmt: skip
    props: dict[str, Any] = {"Body": body}
    if kind == "AWS::ApiGateway::RestApi":
        props |= {"Name": "orders", "EndpointConfiguration": {"Types": ["REGIONAL"]}}
    return json.dumps({"Resources": {"OrdersApi": {"Type": kind, "Properties": props}}})


_PARTNER_ORDERS = "https://orders.partner.example.com/orders"
_CFN_URI = (
    "template_body(json).Resources.OrdersApi.Properties.Body.paths./orders.get.x-amazon-apigateway-integration.uri"
)
PAIRS += [
    ("RES-015", "EU", aws("aws:cloudformation/stack:Stack", AWS_EU, name="s",
                          template_body=_api_template("AWS::ApiGateway::RestApi")),
     aws("aws:cloudformation/stack:Stack", AWS_EU, name="s",
         template_body=_api_template("AWS::ApiGateway::RestApi", _PARTNER_ORDERS)), _CFN_URI),
    ("RES-015", "CN", aws("aws:cloudformation/stack:Stack", name="s",
                          template_body=_api_template("AWS::ApiGatewayV2::Api", swagger=True)),
     aws("aws:cloudformation/stack:Stack", name="s",
         template_body=_api_template("AWS::ApiGatewayV2::Api", _PARTNER_ORDERS, swagger=True)), _CFN_URI),
]  # fmt: skip


# Documents within bounds (stop 42, RES-025): per bound, a document just within it (judged as before) and one beyond it
# (refused, fail closed; before stop 42 a RecursionError, a walk that did not end, or a gzip bomb decompressed whole).
_SSM = "aws:ssm/parameter:Parameter"
_INSTANCE = "aws:ec2/instance:Instance"


def _ssm(value: str) -> Subject:
    return aws(_SSM, _PINNED_EU, name="/fleet/config", type="String", value=value)


def _laughs(width: int, levels: int = 8) -> str:
    lines = ["fleet: &l0 [telemetry]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _gzip_user_data(size: int) -> str:
    return base64.b64encode(gzip.compress(b"#!/bin/bash\n" + b"#" * size, mtime=0)).decode()


PAIRS += [
    # depth: 100 levels of an input, counted from its top (a JSON list 100 deep is judged)
    ("RES-025", "EU", _ssm("[" * 99 + '"fleet"' + "]" * 99), _ssm("[" * 101 + '"fleet"' + "]" * 101), "value"),
    ("RES-025", "EU", _ssm("x:\n" + "".join(" " * i + "- \n" for i in range(1, 99)) + "  " * 99 + "fleet\n"),
     _ssm("x:\n" + "".join(" " * i + "- \n" for i in range(1, 120)) + "  " * 120 + "fleet\n"), "value"),
    # expanded nodes: 6**6 lists of one string are judged; 6**8 are beyond 200,000 nodes
    ("RES-025", "EU", _ssm(_laughs(6, 6)), _ssm(_laughs(6, 8)), "value"),
    # an alias inside its own anchor: endless once expanded
    ("RES-025", "EU", _ssm("a: &a [fleet]\nb: [*a, *a]\n"), _ssm("a: &a [fleet, *a]\nb: 1\n"), "value"),
    # gzip user data: 1 MiB decompressed is judged, more is not decompressed
    ("RES-025", "EU", aws(_INSTANCE, _PINNED_EU, ami="ami-1", user_data_base64=_gzip_user_data(1000)),
     aws(_INSTANCE, _PINNED_EU, ami="ami-1", user_data_base64=_gzip_user_data(2 << 20)), "user_data_base64"),
]  # fmt: skip
# False-alarm hunt 26 (stop 42): the service an Organizations trusted access or a service-linked role names is a
# service principal (service_principal_fields), exempt only in the principal's shape: a regional endpoint abroad under
# the same field is judged as anywhere else. An EDAS namespace (`namespace_logical_id`, `<region>:<name>` or the Region
# alone) and the namespace an EDAS application is made in (`logical_region_id`) are judged by their Region.
_ORGANIZATION = "aws:organizations/organization:Organization"
_IAM_SLR = "aws:iam/serviceLinkedRole:ServiceLinkedRole"
_RD_SLR = "alicloud:resourcemanager/serviceLinkedRole:ServiceLinkedRole"
_ALI_JP = ProviderRef("alicloud", "ap-northeast-1", "ap-northeast-1")
PAIRS += [
    ("RES-006", "EU", aws(_ORGANIZATION, AWS_EU, aws_service_access_principals=["securityhub.amazonaws.com"]),
     aws(_ORGANIZATION, AWS_EU, aws_service_access_principals=["securityhub.us-east-1.amazonaws.com"]),
     "aws_service_access_principals[0]"),
    ("RES-006", "CN", aws(_ORGANIZATION, feature_set="ALL", aws_service_access_principals=["config.amazonaws.com"]),
     aws(_ORGANIZATION, feature_set="ALL", aws_service_access_principals=["config.amazonaws.eu"]),
     "aws_service_access_principals[0]"),
    ("RES-006", "EU", aws(_IAM_SLR, AWS_EU, aws_service_name="elasticbeanstalk.amazonaws.com"),
     aws(_IAM_SLR, AWS_EU, aws_service_name="elasticbeanstalk.us-east-1.amazonaws.com"), "aws_service_name"),
    ("RES-006", "JP", ali(_RD_SLR, _ALI_JP, service_name="ops.elasticsearch.aliyuncs.com"),
     ali(_RD_SLR, _ALI_JP, service_name="elasticsearch.cn-hangzhou.aliyuncs.com"), "service_name"),
    ("RES-009", "JP", ali("alicloud:edas/namespace:Namespace", _ALI_JP, namespace_name="n",
                          namespace_logical_id="ap-northeast-1:fleet"),
     ali("alicloud:edas/namespace:Namespace", _ALI_JP, namespace_name="n", namespace_logical_id="cn-hangzhou:fleet"),
     "namespace_logical_id"),
    ("RES-009", "CN", ali("alicloud:edas/namespace:Namespace", namespace_name="n", namespace_logical_id="cn-shanghai"),
     ali("alicloud:edas/namespace:Namespace", namespace_name="n", namespace_logical_id="ap-southeast-1"),
     "namespace_logical_id"),
    ("RES-009", "CN", ali("alicloud:edas/application:Application", application_name="a", package_type="JAR",
                          cluster_id="c-1", logical_region_id="cn-shanghai:fleet"),
     ali("alicloud:edas/application:Application", application_name="a", package_type="JAR", cluster_id="c-1",
         logical_region_id="cn-hongkong:fleet"), "logical_region_id"),
    ("RES-009", "JP", ali("alicloud:sae/namespace:Namespace", _ALI_JP, namespace_name="n",
                          namespace_id="ap-northeast-1"),
     ali("alicloud:sae/namespace:Namespace", _ALI_JP, namespace_name="n", namespace_id="cn-hangzhou"),
     "namespace_id"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("type_", "key", "value"),
    [
        (_ORGANIZATION, "aws_service_access_principals", ["securityhub.amazonaws.com"]),
        (_IAM_SLR, "aws_service_name", "elasticbeanstalk.amazonaws.com"),
    ],
)
def test_a_service_principal_field_is_no_destination_but_only_there(type_: str, key: str, value: Any) -> None:
    """The exemption is typed: the same principal under a key of no catalogued meaning stays a regionless host,
    which a shared partition cannot place (RES-015), and the error names it."""
    engine = RuleEngine("EU")
    assert engine.check(aws(type_, AWS_EU, **{key: value}))[0] == []
    (finding,) = engine.check(aws(type_, AWS_EU, **{"endpoint": value if isinstance(value, str) else value[0]}))[0]
    assert finding.rule.id == "RES-015" and finding.path == "endpoint"
    shared = r"\.amazonaws\.com names no region, and amazonaws\.com is shared"
    assert re.search(shared, finding.message), finding.message


# (emr42, stop 42) The AWS account whose Glue Data Catalog an EMR / EMR Serverless job's metastore or Iceberg catalog
# uses (account_settings), judged as a granted account; an Alibaba EMR cluster's Kafka bootstrap setting, read as hosts
# (config_items). Each passed before with another account's id / a partner's brokers.
_EMR_GLUE = "hive.metastore.glue.catalogid"


def _emr_json(properties: dict[str, str]) -> str:
    return json.dumps([{"Classification": "hive-site", "Properties": properties}])


def _serverless(account: str) -> dict[str, Any]:
    properties = {"spark.sql.catalog.lake.glue.id": account}
    return {"release_label": "emr-7.5.0", "type": "spark",
            "runtime_configurations": [{"classification": "spark-defaults", "properties": properties}]}  # fmt: skip


def _kafka(servers: str) -> list[dict[str, str]]:
    return [{"application_name": "SPARK3", "config_file_name": "spark-defaults.conf",
             "config_item_key": "spark.kafka.bootstrap.servers", "config_item_value": servers}]  # fmt: skip


PAIRS += [
    ("RES-023", "EU",
     aws("aws:emr/cluster:Cluster", _PINNED_EU, configurations_json=_emr_json({_EMR_GLUE: "123456789012"})),
     aws("aws:emr/cluster:Cluster", _PINNED_EU, configurations_json=_emr_json({_EMR_GLUE: "999999999999"})),
     "configurations_json(json)[0].Properties.hive.metastore.glue.catalogid"),
    ("RES-023", "JP",
     aws("aws:emrserverless/application:Application", _PINNED_JP, **_serverless("123456789012")),
     aws("aws:emrserverless/application:Application", _PINNED_JP, **_serverless("999999999999")),
     "runtime_configurations[0].properties.spark.sql.catalog.lake.glue.id"),
    ("RES-015", "CN",
     ali("alicloud:emrv2/cluster:Cluster", application_configs=_kafka("10.20.1.5:9092,10.20.1.6:9092")),
     ali("alicloud:emrv2/cluster:Cluster", application_configs=_kafka("kafka-1.partner.example.com:9092")),
     "application_configs[0].config_item_value"),
]  # fmt: skip


# public42 (stop 42, RES-024 false alarms left open since stop 36): a search domain's OWN access policy in a domain the
# same inputs place in a VPC (`vpc_options.subnet_ids`, catalogue `network_restricted`) reaches only callers there; a
# Deny's NotAction / NotResource covers the Allow's actions / resources none of its listed patterns matches.
_OPENSEARCH = "aws:opensearch/domain:Domain"
_ES_DOMAIN = "aws:elasticsearch/domain:Domain"
_OPEN_SEARCH_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*",
     "Resource": "arn:aws:es:eu-central-1:123456789012:domain/fleet-logs/*"}]})  # fmt: skip
_SEARCH_VPC = {"subnet_ids": ["subnet-0a1b2c3d4e5f60718"], "security_group_ids": ["sg-0a1b2c3d4e5f60718"]}
_CN_BUCKET = "arn:aws-cn:s3:::fleet-exports"


def _bucket_policy_with_deny(allow_actions: Any, **deny: Any) -> str:
    """An Allow to ``*`` on the bucket's objects beside a Deny to ``*`` unless through the stack's endpoint."""
    return json.dumps({"Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": allow_actions, "Resource": f"{_CN_BUCKET}/*"},
        {"Effect": "Deny", "Principal": "*", **deny,
         "Condition": {"StringNotEquals": {"aws:SourceVpce": _VPCE_A}}}]})  # fmt: skip


PAIRS += [
    ("RES-024", "EU", aws(_OPENSEARCH, _PINNED_EU, domain_name="fleet-logs", access_policies=_OPEN_SEARCH_POLICY,
                          vpc_options=_SEARCH_VPC),
     aws(_OPENSEARCH, _PINNED_EU, domain_name="fleet-logs", access_policies=_OPEN_SEARCH_POLICY),
     "access_policies(json).Statement[0].Principal"),
    ("RES-024", "EU", aws(_ES_DOMAIN, _PINNED_EU, domain_name="fleet-logs", access_policies=_OPEN_SEARCH_POLICY,
                          vpc_options=_SEARCH_VPC),
     aws(_ES_DOMAIN, _PINNED_EU, domain_name="fleet-logs", access_policies=_OPEN_SEARCH_POLICY,
         vpc_options={"subnet_ids": [], "security_group_ids": []}),
     "access_policies(json).Statement[0].Principal"),
    ("RES-024", "CN", aws("aws:s3/bucketPolicy:BucketPolicy", bucket="fleet-exports", policy=_bucket_policy_with_deny(
        ["s3:GetObject", "s3:PutObject"], NotAction="s3:GetBucketLocation", Resource=f"{_CN_BUCKET}/*")),
     aws("aws:s3/bucketPolicy:BucketPolicy", bucket="fleet-exports", policy=_bucket_policy_with_deny(
         ["s3:GetObject", "s3:PutObject"], NotAction="s3:Get*", Resource=f"{_CN_BUCKET}/*")),
     "policy(json).Statement[0].Principal"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("vpc_options", "public"),
    [
        (_SEARCH_VPC, False),
        ({"subnetIds": ["subnet-0a1b2c3d4e5f60718"]}, False),  # camelCase, as the pack and the state give it
        ([{"subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}], False),  # a one-item block written as a list
        ({"subnet_ids": [object()]}, False),  # a subnet id not known yet (an Output)
        (None, True),  # no vpc_options: a public endpoint
        ({"subnet_ids": []}, True),
        ({"subnet_ids": [" "]}, True),
        ({"security_group_ids": ["sg-0a1b2c3d4e5f60718"]}, True),  # security groups without subnets place nothing
    ],
)
def test_a_vpc_search_domains_own_open_policy_is_not_public(vpc_options: Any, public: bool) -> None:
    props: dict[str, Any] = {"domain_name": "fleet-logs", "access_policies": _OPEN_SEARCH_POLICY}
    if vpc_options is not None:
        props["vpc_options"] = vpc_options
    findings = RuleEngine("EU").check(aws(_OPENSEARCH, _PINNED_EU, **props))[0]
    assert [f.rule.id for f in findings] == ["RES-024"] * public
    if public:
        assert re.search(r"allows everyone \(`\*`\) with no condition that restricts who", findings[0].message)


def test_a_vpc_search_domain_still_judges_whom_its_policy_names() -> None:
    """The network restricts who reaches the endpoint, not what the policy grants: another account named there stays
    RES-023, and a separate DomainPolicy (no vpc_options of its own) stays public when no door ties it to a VPC domain
    the stack makes (no ``known`` key: ``test_a_domain_policy_joins_a_vpc_domain_the_stack_makes_by_name``)."""
    other = json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{_OTHER}:root"},
                                       "Action": "es:ESHttp*", "Resource": "*"}]})  # fmt: skip
    domain = aws(_OPENSEARCH, _PINNED_EU, domain_name="fleet-logs", access_policies=other, vpc_options=_SEARCH_VPC)
    assert [f.rule.id for f in RuleEngine("EU").check(domain)[0]] == ["RES-023"]
    policy = aws("aws:opensearch/domainPolicy:DomainPolicy", _PINNED_EU, domain_name="fleet-logs",
                 access_policies=_OPEN_SEARCH_POLICY)  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(policy)[0]] == ["RES-024"]


_DOMAIN_POLICY = "aws:opensearch/domainPolicy:DomainPolicy"


@pytest.mark.parametrize(
    ("domain_type", "domain", "policy_type", "named", "public"),
    [
        (_OPENSEARCH, {"domain_name": "fleet-logs", "vpc_options": _SEARCH_VPC}, _DOMAIN_POLICY, "fleet-logs", False),
        (
            _ES_DOMAIN,
            {"domainName": "fleet-logs", "vpcOptions": {"subnetIds": [object()]}},  # camelCase, an Output
            "aws:elasticsearch/domainPolicy:DomainPolicy",
            "fleet-logs",
            False,
        ),
        (_OPENSEARCH, {"domain_name": "fleet-logs"}, _DOMAIN_POLICY, "fleet-logs", True),  # a public endpoint
        (
            _OPENSEARCH,
            {"domain_name": "fleet-logs", "vpc_options": {"subnet_ids": []}},
            _DOMAIN_POLICY,
            "fleet-logs",
            True,
        ),
        (_OPENSEARCH, {"domain_name": "fleet-logs", "vpc_options": _SEARCH_VPC}, _DOMAIN_POLICY, "audit-logs", True),
        (_OPENSEARCH, {"domain_name": "fleet-logs", "vpc_options": _SEARCH_VPC}, _DOMAIN_POLICY, object(), True),
        # Another service's domain of that name proves nothing (one type per policy, fail closed).
        (_ES_DOMAIN, {"domain_name": "fleet-logs", "vpc_options": _SEARCH_VPC}, _DOMAIN_POLICY, "fleet-logs", True),
        (_OPENSEARCH, {"domain_name": object(), "vpc_options": _SEARCH_VPC}, _DOMAIN_POLICY, "fleet-logs", True),
    ],
)
def test_a_domain_policy_joins_a_vpc_domain_the_stack_makes_by_name(
    domain_type: str, domain: dict[str, Any], policy_type: str, named: Any, public: bool
) -> None:
    """sqsvpc43 (stop 43): the doors add ``created_name`` of every resource they see to ``known``; a VPC search
    domain's key (``network_restricted`` ``name``) makes a separate policy naming it (``network_joined``) not public."""
    engine = RuleEngine("EU")
    made = engine.created_name(domain_type, domain)
    known = {made} if made is not None else set()
    policy = aws(policy_type, _PINNED_EU, domain_name=named, access_policies=_OPEN_SEARCH_POLICY)
    assert [f.rule.id for f in engine.check(policy, known=known.__contains__)[0]] == ["RES-024"] * public
    assert [f.rule.id for f in engine.check(policy)[0]] == ["RES-024"]  # no door's `known`: refused
    assert domain_type in engine.naming_types and policy_type in engine.joined_public_types
    assert engine.context_inputs[policy_type] == frozenset({"domain_name"})  # the guard holds it while an Output


@pytest.mark.parametrize(
    ("allow", "deny", "public"),
    [
        # NotAction: every action but those listed is denied unless through the endpoint.
        (["s3:GetObject", "s3:PutObject"], {"NotAction": ["s3:GetBucketLocation"]}, False),
        ("s3:PutObject", {"NotAction": "s3:Get*"}, False),
        ("s3:GetObject", {"NotAction": "s3:Get*"}, True),  # the listed action stays allowed to everyone
        ("s3:*", {"NotAction": "s3:GetBucketLocation"}, True),  # `s3:*` holds the listed action
        ("s3:Get*", {"NotAction": "s3:*Location"}, True),  # both wildcards: s3:GetBucketLocation is in both
        ("s3:GetObject", {"NotAction": "S3:getobject"}, True),  # actions compare case-insensitively
        ("s3:GetObject", {"NotAction": "s3:GetObjec?"}, True),  # `?` is one character
        ("s3:GetObject", {"NotAction": "s3:Put?bject"}, False),
        ("s3:GetObject", {"NotAction": "s3:${aws:username}"}, True),  # a policy variable proves nothing
        ("s3:GetObject", {"NotAction": [], "Resource": f"{_CN_BUCKET}/*"}, True),
        ("s3:GetObject", {"NotAction": "s3:PutObject", "Action": "s3:GetObject"}, True),  # invalid: both elements
        # NotResource: every resource but those listed (resources compare case-sensitively).
        ("s3:GetObject", {"Action": "s3:*", "NotResource": f"{_CN_BUCKET}/public/*"}, True),  # `/*` holds /public/
        ("s3:GetObject", {"Action": "s3:*", "NotResource": "arn:aws-cn:s3:::other-bucket/*"}, False),
        ("s3:GetObject", {"Action": "s3:*", "NotResource": "arn:aws-cn:s3:::FLEET-EXPORTS/*"}, False),
        ("s3:GetObject", {"NotAction": "s3:PutObject", "NotResource": "arn:aws-cn:s3:::other-bucket/*"}, False),
        ("s3:GetObject", {"NotAction": "s3:GetObject", "NotResource": "arn:aws-cn:s3:::other-bucket/*"}, True),
    ],
)  # fmt: skip
def test_a_deny_with_not_action_or_not_resource_restricts_exactly(
    allow: Any, deny: dict[str, Any], public: bool
) -> None:
    deny = {"Resource": f"{_CN_BUCKET}/*", **deny} if "NotResource" not in deny and "Resource" not in deny else deny
    policy = _bucket_policy_with_deny(allow, **deny)
    findings = RuleEngine("CN").check(aws("aws:s3/bucketPolicy:BucketPolicy", bucket="fleet-exports", policy=policy))[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-024", "policy(json).Statement[0].Principal")] * public


def test_a_not_resource_wildcard_spans_slashes() -> None:
    """IAM's `*` matches `/` too: a private API's Deny of ``NotResource: execute-api:/*/GET/health`` leaves
    ``execute-api:/prod/POST/a/GET/health`` (a POST to /a/GET/health) allowed to everyone, so an Allow of
    ``/prod/POST/*`` stays public; the health check of one stage, written out, does not meet it."""

    def findings(listed: str) -> list[str]:
        document = json.dumps({"Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
             "Resource": "execute-api:/prod/POST/*"},
            _deny("x", action="execute-api:Invoke") | {"NotResource": listed}]})  # fmt: skip
        document = document.replace('"Resource": "x", ', "")
        api = aws(_REST_API, _PINNED_EU, name="internal", policy=document,
                  endpoint_configuration={"types": "PRIVATE", "vpc_endpoint_ids": [_VPCE_A]})  # fmt: skip
        return [f.rule.id for f in RuleEngine("EU").check(api)[0]]

    assert findings("execute-api:/*/GET/health") == ["RES-024"]
    assert findings("execute-api:/prod/GET/health") == []


def _glob_regex(pattern: str) -> re.Pattern[str]:
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern))


@settings(max_examples=200, deadline=None)
@given(st.text("ab*?", max_size=4), st.text("ab*?", max_size=4))
def test_globs_meet_exactly_when_a_string_matches_both(p: str, q: str) -> None:
    """Against brute force: a common string, if any, exists over {a, b, c} no longer than both patterns together."""
    from components.residency.engine import _globs_meet

    left, right = _glob_regex(p), _glob_regex(q)
    words = [""]
    for _ in range(len(p) + len(q)):
        words += [w + c for w in words if len(w) == len(words[-1]) for c in "abc"]
    expected = any(left.fullmatch(w) and right.fullmatch(w) for w in set(words))
    assert _globs_meet(p, q, fold=False) == expected


# Declaration rules need a register: (rule, register, compliant subject, offending subject, path).
REGISTER_PAIRS: list[tuple[str, dict[str, Any], Subject, Subject, str]] = [
    (
        "RES-018",
        {**_TRANSFER, "expires": "2099-12-31"},
        aws("aws:lambda/function:Function", environment=_INTAKE),
        aws("aws:lambda/function:Function", environment=_INTAKE),
        "environment.variables.INTAKE",
    ),
    (
        "RES-019",
        {**_TRANSFER, "expires": "2099-12-31", "resources": ["diag-*"]},
        Subject("aws:lambda/function:Function", "diag-export", {"environment": _INTAKE}, AWS_CN),
        Subject("aws:lambda/function:Function", "camera-export", {"environment": _INTAKE}, AWS_CN),
        "environment.variables.INTAKE",
    ),
]

ENGINE_TESTED = {p[0] for p in PAIRS} | {p[0] for p in REGISTER_PAIRS} | {"RES-017"}


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
def test_regionless_bucket_pair(code: str) -> None:
    """RES-017: proven only when this stack created the bucket (``known``), in shared partitions."""
    engine = RuleEngine(code)
    subject = aws("aws:s3/bucketPolicy:BucketPolicy", AWS_EU, bucket="eu-data", policy=policy("arn:aws:s3:::eu-data/*"))
    assert engine.check(subject, known=lambda name: name == "eu-data")[0] == []
    findings, _ = engine.check(subject, known=lambda name: name == "other")
    assert [(f.rule.id, f.path) for f in findings] == [
        ("RES-017", "bucket"),
        ("RES-017", "policy(json).Statement[0].Resource[0]"),
    ]


def test_regionless_bucket_is_judged_by_partition_in_cn() -> None:
    subject = aws("aws:s3/bucketPolicy:BucketPolicy", bucket="any", policy=policy("arn:aws-cn:s3:::any/*"))
    assert RuleEngine("CN").check(subject)[0] == []


POLICY_ONLY = {"RES-014"}  # judged from dependency provenance at preview: see tests/test_policy_*.py
GUARD_ONLY = {"RES-021"}  # invokes: see tests/test_guard_closure.py


@pytest.mark.parametrize(
    ("rule_id", "entry", "good", "bad", "path"), REGISTER_PAIRS, ids=[p[0] for p in REGISTER_PAIRS]
)
def test_register_rule_pair(rule_id: str, entry: dict[str, Any], good: Subject, bad: Subject, path: str) -> None:
    import datetime as dt

    from components.residency.destinations import parse_destinations

    (declared,) = parse_destinations([entry])
    today = dt.date(2026, 12, 1)
    findings, _ = RuleEngine("CN", destinations=[declared], today=today).check(good)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-015", "partner-intake")]
    later = today if rule_id != "RES-018" else dt.date(2100, 1, 1)
    findings, _ = RuleEngine("CN", destinations=[declared], today=later).check(bad)
    assert [(f.rule.id, f.path, f.declared_by) for f in findings] == [(rule_id, path, None)]


_CIRCUIT = "alicloud:expressconnect/physicalConnection:PhysicalConnection"
_IDC = "Shanghai Pudong, Zhangjiang IDC, Building 3"


@pytest.mark.parametrize(
    ("peer_location", "declared_by"),
    [
        (_IDC, "idc"),  # the declared text, as written
        ("  shanghai pudong, zhangjiang idc, building 3 ", "idc"),  # case and surrounding blanks do not matter
        ("Shanghai Pudong, Zhangjiang IDC, Building 4", None),  # another site: not covered
        ("Equinix SG3, 26A Ayer Rajah Crescent, Singapore", None),
    ],
)
def test_site_fields_are_refused_unless_declared_by_their_text(peer_location: str, declared_by: str | None) -> None:
    """site_fields: an Express Connect circuit's far end is free text no catalogue places (RES-015), declared only by
    its exact text (stop 34)."""
    from components.residency.destinations import parse_destinations

    subject = ali(_CIRCUIT, access_point_id="ap-cn-shanghai-nt-A", line_operator="CT", peer_location=peer_location)
    findings, _ = RuleEngine("CN").check(subject)
    assert [(f.rule.id, f.path) for f in findings] == [("RES-015", "peer_location")]
    assert "free text" in findings[0].detail
    entry = {"id": "idc", "kind": "resident", "match": _IDC, "evidence": "own data centre, lease SH-2024-117"}
    findings, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-015", declared_by)]


def test_a_blank_site_names_nothing() -> None:
    assert RuleEngine("CN").check(ali(_CIRCUIT, access_point_id="ap-cn-shanghai-nt-A", peer_location=" "))[0] == []


@pytest.mark.parametrize("match", ["999999999999", "arn:aws:iam::999999999999:", "arn:aws:iam::999999999999:root"])
@pytest.mark.parametrize("granted", ["999999999999", "arn:aws:iam::999999999999:root"])
def test_a_granted_account_is_declared_by_its_id_or_arn_prefix(match: str, granted: str) -> None:
    """RES-023: the register names an account by its bare id or an IAM ARN prefix, whichever form the policy writes."""
    from components.residency.destinations import parse_destinations

    entry = {"id": "analytics", "kind": "resident", "match": match, "evidence": "the company's EU analytics account"}
    subject = aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_grant({"AWS": granted}))
    findings, _ = RuleEngine("EU", destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-023", "analytics")]
    other = aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_grant({"AWS": "210987654321"}))
    findings, _ = RuleEngine("EU", destinations=parse_destinations([entry])).check(other)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-023", None)]


@pytest.mark.parametrize(
    "principal",
    [
        {"Service": "sns.amazonaws.com"},
        "*",
        {"Federated": "arn:aws:iam::999999999999:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/X"},
        {"AWS": "arn:aws:iam::999999999999:saml-provider/corp"},
        {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
    ],
)
def test_what_is_no_account_grant_is_judged_as_before(principal: Any) -> None:
    subject = aws(_QUEUE_POLICY, AWS_EU, queue_url="q", policy=_grant(principal))
    # `*` is no account (no RES-023), but everyone: public since the public-access review (stop 36, RES-024)
    expected = ["RES-024"] if principal == "*" else []
    assert [f.rule.id for f in RuleEngine("EU").check(subject)[0]] == expected


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ({"AWS": "arn:aws-cn:iam::999999999999:root"}, []),  # an aws-cn account is a China account
        ({"AWS": "999999999999"}, []),  # a bare id in an aws-cn stack: of the provider's partition
        ({"AWS": "arn:aws:iam::999999999999:root"}, ["RES-004"]),  # another partition's account, as before
    ],
)
def test_accounts_are_judged_by_partition_in_cn(principal: Any, expected: list[str]) -> None:
    subject = aws(_QUEUE_POLICY, queue_url="q", policy=_grant(principal))
    assert [f.rule.id for f in RuleEngine("CN").check(subject)[0]] == expected


@pytest.mark.parametrize(
    "subject",
    [
        # `*` and service principals are no account: judged as before (a public endpoint service). A layer permission
        # to `*` limited to an organization grants it since orgkeys42 (stop 42): a RES-023 pair in PAIRS.
        aws(_VPCE_SERVICE, _PINNED_EU, acceptance_required=True, allowed_principals=["*"]),
        aws(_KMS_GRANT, _PINNED_EU, key_id="k", operations=["Decrypt"],
            grantee_principal="arn:aws:iam::123456789012:role/app", constraints=[
                {"encryption_context_equals": {"Department": "Finance"}}]),
    ],
)  # fmt: skip
def test_what_no_granted_account_field_names_is_judged_as_before(subject: Subject) -> None:
    assert RuleEngine("EU").check(subject)[0] == []


def test_an_allow_with_not_principal_is_public_not_a_grant() -> None:
    # An Allow with NotPrincipal: "NotPrincipal must be used with "Effect":"Deny". Using it with "Effect":"Allow"
    # is not supported" (IAM reference_policies_elements_notprincipal; older pages: it allows every principal but
    # the named). The named accounts are exclusions, never grants (no RES-023); the statement is at most as public as
    # `"*"` without a condition, which RES-024 refuses since the public-access review (stop 36; it was accepted before).
    statement = {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sqs:*"}
    subject = aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=json.dumps({"Statement": [statement]}))
    findings = RuleEngine("EU").check(subject)[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-024", "policy(json).Statement[0].NotPrincipal")]


@pytest.mark.parametrize(
    ("condition", "public"),
    [
        ({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"]}}, False),
        ({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-*/r-ab12/*"]}}, True),  # any organization
        ({"ArnLike": {"aws:SourceArn": "arn:aws:logs:eu-central-1:123456789012:*"}}, False),  # one account's
        ({"ArnLike": {"aws:SourceArn": "arn:aws:logs:eu-central-1:*:log-group:*"}}, True),  # anyone's log groups
        ({"StringEquals": {"aws:SourceAccount": "${aws:PrincipalAccount}"}}, True),  # a variable: whoever calls
        ({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-0abc"}}, True),  # absent key: holds for everyone
        ({"StringEquals": {"aws:Referer": "https://www.example.eu/"}}, True),  # a header anyone can send
        ({"StringEquals": {"AWS:SourceOwner": "123456789012"}}, False),  # keys are case-insensitive
    ],
)
def test_what_restricts_who_a_public_statement_reaches(condition: dict[str, Any], public: bool) -> None:
    findings = RuleEngine("EU").check(aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=_public(condition=condition)))
    # orgkeys42 (stop 42): one organization restricts who (not public) but is a grant to its accounts (RES-023).
    granted = not public and "aws:PrincipalOrgPaths" in condition.get("ForAnyValue:StringLike", {})
    assert [f.rule.id for f in findings[0]] == (["RES-024"] if public else ["RES-023"] if granted else [])


_RESTRICTING = ["aws:SourceVpce", "aws:SourceAccount", "aws:PrincipalOrgID", "aws:SourceOwner", "kms:CallerAccount",
                "aws:PrincipalAccount", "acs:SourceVpc"]  # fmt: skip
_OPERATORS = ["StringEquals", "StringLike", "StringEqualsIgnoreCase", "ForAnyValue:StringEquals", "StringNotEquals",
              "StringEqualsIfExists", "ForAllValues:StringEquals", "Null"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_RESTRICTING),
    st.sampled_from(_OPERATORS),
    st.lists(st.text(alphabet="abc0123456789-*?${}:", min_size=0, max_size=12), min_size=0, max_size=3),
)
def test_a_statement_is_public_unless_a_positive_operator_fixes_who(key: str, operator: str, values: list[str]) -> None:
    # Restricted exactly when the operator is positive and every value is fixed (non-empty, no wildcard, no variable).
    condition = {operator: {key: values}}
    subject = aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=_public(condition=condition))
    findings = [f.rule.id for f in RuleEngine("EU").check(subject)[0]]
    positive = not any(w in operator for w in ("Not", "IfExists", "ForAllValues", "Null"))
    fixed = bool(values) and all(v.strip() and not any(c in v for c in "*?") and "${" not in v for v in values)
    assert ("RES-024" in findings) == (not (positive and fixed)), (condition, findings)


def test_a_declared_public_resource_is_reported_declared() -> None:
    from components.residency.destinations import parse_destinations

    (site,) = parse_destinations([{"id": "site", "kind": "resident", "match": "public:r",
                                    "evidence": "public website content, no personal data"}])  # fmt: skip
    engine = RuleEngine("EU", destinations=[site])
    findings = engine.check(aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=_public()))[0]
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-024", "site")]
    assert 'match": "public:r"' in findings[0].message
    other = Subject(_BUCKET_POLICY, "other", {"bucket": "b", "policy": _public()}, _PINNED_EU)
    assert [(f.rule.id, f.declared_by) for f in engine.check(other)[0]] == [("RES-024", None)]


def test_a_granted_account_field_in_cn_is_judged_by_partition() -> None:
    cn = ProviderRef("aws", "cn", "cn-north-1")
    ok = aws(_KMS_GRANT, cn, key_id="k", operations=["Decrypt"], grantee_principal="arn:aws-cn:iam::999999999999:root")
    bad = aws(_KMS_GRANT, cn, key_id="k", operations=["Decrypt"], grantee_principal="arn:aws:iam::999999999999:root")
    assert RuleEngine("CN").check(ok)[0] == []
    assert [f.rule.id for f in RuleEngine("CN").check(bad)[0]] == ["RES-004"]


def test_a_policy_document_invoke_is_judged_where_the_document_is_used() -> None:
    invoke = Subject(
        "aws:iam/getPolicyDocument:getPolicyDocument",
        "invoke",
        {"statements": [{"principals": [{"type": "AWS", "identifiers": ["999999999999"]}]}]},
        AWS_EU,
    )
    assert RuleEngine("EU").check(invoke)[0] == []


@pytest.mark.parametrize(
    ("inputs", "accounts"),
    [
        ({"allowed_account_ids": ["123456789012"]}, {"123456789012"}),
        ({"allowedAccountIds": '["123456789012","210987654321"]'}, {"123456789012", "210987654321"}),  # JSON-encoded
        ({"assumeRoles": '[{"roleArn":"arn:aws:iam::123456789012:role/deployer"}]'}, {"123456789012"}),
        ({"assume_roles": [{"role_arn": "arn:aws-cn:iam::123456789012:role/deployer"}]}, {"123456789012"}),
        ({"assume_role": {"role_arn": "arn:aws:iam::123456789012:role/deployer"}}, {"123456789012"}),
        ({"forbiddenAccountIds": '["123456789012"]'}, set()),  # forbids one; pins nothing
        ({"allowedAccountIds": ["12345"], "assumeRoles": [{"roleArn": "arn:aws:iam::x:role/r"}]}, set()),
        ({"region": "eu-central-1"}, set()),
    ],
)
def test_provider_accounts(inputs: dict[str, Any], accounts: set[str]) -> None:
    from components.residency.engine import provider_accounts

    assert provider_accounts(inputs) == accounts


@pytest.mark.parametrize(
    ("type_", "inputs", "keys"),
    [
        ("pulumi:providers:aws", {"allowedAccountIds": '["210987654321"]'}, {"account:210987654321"}),
        ("pulumi:providers:aws", {"assume_roles": [{"role_arn": "arn:aws:iam::210987654321:role/d"}]},
         {"account:210987654321"}),
        ("pulumi:providers:aws", {"region": "eu-west-1"}, set()),
        ("pulumi:providers:alicloud", {"assume_role": {"role_arn": "acs:ram::1234567890123456:role/d"}},
         {"account:1234567890123456"}),
        ("pulumi:providers:alicloud", {"account_id": "1234567890123456"}, set()),  # never checked: pins nothing
        ("aws:iam/role:Role", {"allowed_account_ids": ["210987654321"]}, set()),  # no provider: pins nothing
    ],
)  # fmt: skip
def test_stack_account_keys(type_: str, inputs: dict[str, Any], keys: set[str]) -> None:
    from components.residency.engine import stack_account_keys

    assert stack_account_keys(type_, inputs) == keys


@pytest.mark.parametrize(
    ("name", "default"),
    [("default", True), ("default_7_12_0", True), ("default-eu", False), ("defaults", False), ("", False)],
)
def test_is_default_provider_name(name: str, default: bool) -> None:
    """The one reading of an engine-made provider's name the reviews and the policy pack share (a provider the program
    made pins accounts and regions; the engine's own pins nothing the program chose)."""
    from components.residency.engine import is_default_provider_name

    assert is_default_provider_name(name) is default


@pytest.mark.parametrize("code", ["EU", "DE", "JP", "US"])
def test_an_account_another_provider_of_the_stack_pins_is_the_stacks_own(code: str) -> None:
    """RES-023 (grants review, stop 36): every front door adds the accounts of each AWS provider of the stack to what
    the stack made (``account:<id>``); a grant to one passes from any provider of the stack, another stays refused."""
    from components.residency.provenance import regionless_known

    region = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1"}[code]
    provider = ProviderRef("aws", "build", region, accounts=frozenset({"123456789012"}))
    known = regionless_known({"account:210987654321"}, [], ())
    engine = RuleEngine(code)
    for principal in ("arn:aws:iam::210987654321:root", "210987654321", "arn:aws:iam::210987654321:role/puller"):
        subject = aws(_QUEUE_POLICY, provider, queue_url="q", policy=_grant({"AWS": principal}))
        assert engine.check(subject, known=known)[0] == []
        assert [f.rule.id for f in engine.check(subject)[0]] == ["RES-023"]  # no other provider pins it
    stranger = aws(_QUEUE_POLICY, provider, queue_url="q", policy=_grant({"AWS": "999988887777"}))
    assert [f.rule.id for f in engine.check(stranger, known=known)[0]] == ["RES-023"]
    # The key is proven only by a provider's pin, never by a name the value's producers made.
    produced = regionless_known(set(), ["account:210987654321", "210987654321"], ())
    subject = aws(_QUEUE_POLICY, provider, queue_url="q", policy=_grant({"AWS": "210987654321"}))
    assert [f.rule.id for f in engine.check(subject, known=produced)[0]] == ["RES-023"]


@pytest.mark.parametrize(
    ("inputs", "accounts"),
    [
        ({"assume_role": {"role_arn": "acs:ram::1234567890123456:role/deployer"}}, {"1234567890123456"}),
        ({"assumeRole": '{"roleArn":"acs:ram::1234567890123456:role/deployer","sessionName":"ci"}'},
         {"1234567890123456"}),  # JSON-encoded, as pulumi-alicloud sends it
        ({"assumeRoleWithOidc": '{"roleArn":"acs:ram::1234567890123456:role/ci","oidcProviderArn":'
                                '"acs:ram::1234567890123456:oidc-provider/ci"}'}, {"1234567890123456"}),
        ({"account_id": "1234567890123456"}, set()),  # taken as given, never checked against the credentials
        ({"assume_role": {"role_arn": "acs:ram::1234567890123456:user/deployer"}}, set()),  # not a role
    ],
)  # fmt: skip
def test_alicloud_provider_accounts(inputs: dict[str, Any], accounts: set[str]) -> None:
    from components.residency.engine import provider_accounts

    assert provider_accounts(inputs) == accounts


@pytest.mark.parametrize("match", [_ALI_OTHER, f"acs:ram::{_ALI_OTHER}:", f"acs:ram::{_ALI_OTHER}:root"])
@pytest.mark.parametrize("granted", [[_ALI_OTHER], {"RAM": [f"acs:ram::{_ALI_OTHER}:root"]}])
def test_a_granted_alibaba_account_is_declared_by_its_uid_or_arn_prefix(match: str, granted: Any) -> None:
    """RES-023: the register names an Alibaba Cloud account by its bare UID or a RAM ARN prefix."""
    from components.residency.destinations import parse_destinations

    entry = {"id": "analytics", "kind": "resident", "match": match, "evidence": "the company's analytics account"}
    subject = ali(_OSS_POLICY, _ALI_PINNED_CN, bucket="b", policy=_ram(granted, "oss:GetObject"))
    findings, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-023", "analytics")]
    other = ali(_OSS_POLICY, _ALI_PINNED_CN, bucket="b", policy=_ram(["9999000011112222"], "oss:GetObject"))
    findings, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(other)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-023", None)]


@pytest.mark.parametrize(
    "principal",
    [
        {"Service": ["ecs.aliyuncs.com"]},
        ["*"],
        {"RAM": ["*"]},
        {"Federated": [f"acs:ram::{_ALI_OTHER}:oidc-provider/ack-rrsa"]},
        {"RAM": [f"acs:ram::{_ALI_OTHER}:saml-provider/corp"]},
    ],
)
def test_what_is_no_alibaba_account_grant_is_judged_as_before(principal: Any) -> None:
    subject = ali(_RAM_ROLE, ALI_CN, role_name="r", assume_role_policy_document=_ram(principal))
    # `*` names no account (no RES-023), but everyone: a role anyone may assume is public (RES-024, stop 36).
    public = principal in (["*"], {"RAM": ["*"]})
    assert [f.rule.id for f in RuleEngine("CN").check(subject)[0]] == (["RES-024"] if public else [])


@given(
    own=st.from_regex(r"[0-9]{16}", fullmatch=True),
    granted=st.from_regex(r"[0-9]{5,20}", fullmatch=True),
    form=st.sampled_from(
        ["{}", "acs:ram::{}:root", "acs:ram::{}:role/r", "acs:ram::{}:*", "acs:sts::{}:assumed-role/r/s"]
    ),
    code=st.sampled_from(["CN", "JP", "DE"]),
)
def test_an_alibaba_grant_is_proven_exactly_by_the_assumed_roles_account(
    own: str, granted: str, form: str, code: str
) -> None:
    """Whatever the UID and the principal form, a grant passes exactly when it names the account of the role the
    provider assumes (read by provider_accounts from the provider's own input), and is RES-023 otherwise."""
    from components.residency.engine import provider_accounts

    accounts = provider_accounts({"assumeRole": json.dumps({"roleArn": f"acs:ram::{own}:role/deployer"})})
    pinned = ProviderRef("alicloud", "p", "cn-shanghai", accounts=accounts)
    subject = ali(_OSS_POLICY, pinned, bucket="b", policy=_ram([form.format(granted)], "oss:GetObject"))
    rules = [f.rule.id for f in RuleEngine(code).check(subject)[0]]
    assert rules == ([] if granted == own else ["RES-023"])


def test_every_rule_has_a_pair() -> None:
    # Config rules (judged_by="config") have their pairs in tests/test_config_limits.py.
    assert {r.id for r in RULES if r.judged_by == "engine"} == ENGINE_TESTED | POLICY_ONLY | GUARD_ONLY


@pytest.mark.parametrize(
    ("rule_id", "code", "good", "bad", "path"), PAIRS, ids=lambda v: v if isinstance(v, str) else ""
)
def test_rule_pair(rule_id: str, code: str, good: Subject, bad: Subject, path: str) -> None:
    engine = RuleEngine(code)
    assert engine.check(good)[0] == []
    findings, _ = engine.check(bad)
    assert [(f.rule.id, f.path) for f in findings] == [(rule_id, path)]
    assert findings[0].rule.fix and findings[0].message.startswith(findings[0].rule.message)


def test_rule_ids_are_unique_and_stable() -> None:
    ids = [r.id for r in RULES]
    assert ids == sorted(set(ids)) and ids[0] == "RES-001"
    assert all(r.level == "mandatory" for r in RULES)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("CN", "replicates to us-east-1 one day"),  # free text is not a reference
        ("CN", policy("arn:aws-cn:s3:::b/*", service="s3.amazonaws.com")),  # principal, global form in aws-cn
        ("CN", policy("arn:aws-cn:s3:::b/*", service="s3.amazonaws.com.cn")),
        ("CN", "10.0.0.0/16"),
        ("US", policy("arn:aws:kms:us-east-1:1:key/k", "arn:aws-us-gov:kms:us-gov-west-1:1:key/k")),
        ("EU", "arn:aws-eusc:kms:eusc-de-east-1:1:key/k"),
        ("EU", "https://s3.eusc-de-east-1.amazonaws.eu"),
    ],
)
def test_compliant_values_are_never_refused(code: str, text: str) -> None:
    subject = Subject("aws:s3/bucketPolicy:BucketPolicy", "p", {"policy": text, "tags": {"note": "us-east-1"}}, AWS_CN)
    if code != "CN":
        subject = Subject(subject.type, subject.name, subject.props, ProviderRef("aws", "p", None))
    assert RuleEngine(code).check(subject)[0] == []


@pytest.mark.parametrize(
    ("code", "value", "rule_id"),
    [
        ("CN", "https://s3.cn-north-1.amazonaws.com", "RES-006"),  # wrong suffix for aws-cn
        ("CN", "https://oss-cn-hongkong.aliyuncs.com", "RES-006"),  # Hong Kong is not mainland
        ("EU", "https://kms.eu-west-2.amazonaws.com", "RES-006"),  # London
        ("EU", "arn:aws:kms:eu-central-2:1:key/k", "RES-004"),  # Zurich
        ("US", "arn:aws-cn:s3:::b", "RES-004"),
        ("CA", "acs:kms:cn-hangzhou:1:key/k", "RES-005"),  # no Alibaba region in Canada
        ("CN", "https://s3.cn-east-9.amazonaws.com.cn", "RES-011"),  # unknown region fails closed
        ("CN", "ec2.amazonaws.com", "RES-006"),  # principal-shaped, but not under a principal key
        ("EU", "https://s3.amazonaws.com/b", "RES-015"),  # regionless in a shared partition
        ("CN", "https://intake.example.com/v1", "RES-015"),  # not a cloud host at all
        ("CN", "https://d111.cloudfront.net/x", "RES-016"),  # worldwide edges
    ],
)
def test_out_of_jurisdiction_values_are_refused(code: str, value: str, rule_id: str) -> None:
    subject = Subject("aws:s3/bucket:Bucket", "b", {"logging_target": {"uri": value}}, ProviderRef("aws", "p", None))
    findings, _ = RuleEngine(code).check(subject)
    assert [f.rule.id for f in findings] == [rule_id]
    assert findings[0].path == "logging_target.uri"


def test_json_inside_json_string_paths() -> None:
    doc = {"Statement": [{"Resource": ["arn:aws-cn:s3:::a", "arn:aws:s3:::b"]}]}
    subject = aws("aws:iam/policy:Policy", policy=json.dumps(doc))
    findings, _ = RuleEngine("CN").check(subject)
    assert [(f.path, f.value) for f in findings] == [("policy(json).Statement[0].Resource[1]", "arn:aws:s3:::b")]


def test_deferred_values_are_returned_not_judged() -> None:
    marker = object()
    subject = aws("aws:s3/bucket:Bucket", kms_key_id=marker, rules=[{"bucket": marker}])
    findings, pending = RuleEngine("CN").check(subject, defer=lambda v: v is marker)
    assert findings == []
    assert [(p.path, p.top_key) for p in pending] == [("kms_key_id", "kms_key_id"), ("rules[0].bucket", "rules")]


def test_check_value_judges_a_resolved_value_and_redacts_secrets() -> None:
    engine = RuleEngine("CN")
    subject = aws("aws:s3/bucketPolicy:BucketPolicy")
    findings = engine.check_value(subject, Place.top("policy"), policy("arn:aws:s3:::x"), secret=True)
    assert [(f.rule.id, f.value) for f in findings] == [("RES-004", "[secret]")]


def test_component_resources_are_not_judged() -> None:
    subject = Subject("sovereign:storage:CountryStorage", "s", {"x": "arn:aws:s3:::b"}, None, custom=False)
    assert RuleEngine("CN").check(subject) == ([], [])


def test_rules_table_lists_every_rule() -> None:
    table = rules_markdown()
    for r in RULES:
        assert f"| {r.id} | `{r.name}` |" in table


def test_docs_rules_table_is_current() -> None:
    # docs/rules.md and the README's table are generated (`make docs`); a rule edited without
    # regenerating them fails here.
    root = Path(__file__).resolve().parent.parent
    assert (root / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), "run `make docs`"
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert sync_readme(readme) == readme, "run `make docs` to refresh the README's rules table"


def test_every_rule_has_a_symbol_named_after_it() -> None:
    assert {r.id for r in RULES} == {str(m) for m in RuleId}
    for r in RULES:
        assert RuleId(r.id).name == r.name.upper().replace("-", "_")


def test_a_pending_value_keeps_its_place_so_a_dotted_key_is_judged_at_its_depth() -> None:
    # A map key may hold dots; the place is built key by key, never re-parsed from the display path.
    marker = object()
    subject = aws("aws:s3/bucket:Bucket", region=marker, settings={"a.b": [marker]})
    _, pending = RuleEngine("CN").check(subject, defer=lambda v: v is marker)
    assert [(p.path, p.place.keys, p.place.depth) for p in pending] == [
        ("region", ("region",), 0),
        ("settings.a.b[0]", ("settings", "a.b"), 2),
    ]
    engine = RuleEngine("CN")
    # A region override at the top is RES-003; the same value deeper is judged as a region field.
    top = engine.check_value(subject, pending[0].place, "us-east-1")
    assert [f.rule.id for f in top] == [RuleId.RESOURCE_REGION_OVERRIDE]
    assert Place.top("region").child("region").depth == 1


def _runbook(parameter: dict[str, Any], target: str = "{{ Out }}", api: str = "PutObject") -> Subject:
    step = {"name": "s", "action": "aws:executeAwsApi", "inputs": {"Service": "s3", "Api": api, "Bucket": target}}
    content = {"schemaVersion": "0.3", "parameters": {"Out": parameter}, "mainSteps": [step]}
    return aws("aws:ssm/document:Document", AWS_EU, document_type="Automation", content=json.dumps(content))


def test_runbook_parameter_destination_is_proven_only_by_allowed_values() -> None:
    """An Automation runbook's `{{ Parameter }}` at a field it writes to: filled by whoever starts it (a default is
    overridden), so RES-017 unless allowedValues bound it (each value judged); a read (GetObject) is left alone."""
    engine = RuleEngine("EU")
    known = lambda name: name == "own-bucket"  # noqa: E731
    path = "content(json).mainSteps[0].inputs.Bucket"
    for free in ({"type": "String"}, {"type": "String", "default": "own-bucket"}):
        assert [(f.rule.id, f.path) for f in engine.check(_runbook(free), known=known)[0]] == [("RES-017", path)]
    assert engine.check(_runbook({"type": "String", "allowedValues": ["own-bucket"]}), known=known)[0] == []
    partner = _runbook({"type": "String", "allowedValues": ["own-bucket", "partner-intake"]})
    assert [(f.rule.id, f.value) for f in engine.check(partner, known=known)[0]] == [("RES-017", "partner-intake")]
    assert engine.check(_runbook({"type": "String"}, api="GetObject"), known=known)[0] == []
    assert engine.check(_runbook({"type": "String"}, "{{ global:ACCOUNT_ID }}-x"), known=known)[0] != []


@pytest.mark.parametrize(
    ("code", "account", "expected"),
    [
        ("EU", "156460612806", []),  # eu-west-1's Elastic Load Balancing account
        ("DE", "054676820928", []),  # eu-central-1's
        ("JP", "582318560864", []),  # ap-northeast-1's
        ("EU", "127311923021", ["RES-023"]),  # us-east-1's: another Region's service
        ("US", "156460612806", ["RES-023"]),
    ],
)
def test_a_service_account_is_judged_by_its_region(code: str, account: str, expected: list[str]) -> None:
    """service_accounts: an access-log bucket policy granting the Region's Elastic Load Balancing account."""
    subject = aws(_QUEUE_POLICY, AWS_EU, queue_url="q", policy=_grant({"AWS": f"arn:aws:iam::{account}:root"}))
    assert [f.rule.id for f in RuleEngine(code).check(subject)[0]] == expected


_HOOK = "https://1234567890123456.cn-shanghai.fc.aliyuncs.com/2016-08-15/proxy/fleet/hook/"


def _event_rule(url: dict[str, Any]) -> Subject:
    """An Alibaba EventBridge rule with one HTTP target whose `url` parameter is ``url``."""
    params = [
        {"resourceKey": "url", **url},
        {"resourceKey": "Body", "form": "TEMPLATE", "value": "{}", "template": "x"},
    ]
    target = {"targetId": "t1", "type": "http", "endpoint": _HOOK, "paramLists": params}
    return ali(
        "alicloud:eventbridge/rule:Rule", eventBusName="fleet", ruleName="r", filterPattern="{}", targets=[target]
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ({"form": "CONSTANT", "value": _HOOK}, []),
        ({"form": "CONSTANT", "value": "https://hooks.partner.example.com/e"}, ["RES-015"]),
        ({"form": "JSONPATH", "value": "$.data.callbackUrl"}, ["RES-015"]),
        ({"form": "ORIGINAL"}, ["RES-015"]),
        ({"form": "TEMPLATE", "value": '{"host": "$.data.host"}', "template": "https://${host}/events"}, ["RES-015"]),
        ({"form": "TEMPLATE", "value": '{"p": "$.data.p"}', "template": _HOOK + "${p}"}, []),
        (
            {"form": "TEMPLATE", "value": '{"p": "$.data.p"}', "template": "https://partner.example.com/${p}"},
            ["RES-015"],
        ),
        (
            {"form": "TEMPLATE", "value": '{"t": "$.data.t"}', "template": "https://${t}.partner.example.com/"},
            ["RES-015"],
        ),
    ],
)
def test_an_event_target_url_built_from_the_event_is_unproven(url: dict[str, Any], expected: list[str]) -> None:
    """event_built_fields (red team round 13, stop 36): a target's `url` taken from each event (JSONPATH, TEMPLATE with
    the host from the event, ORIGINAL) is a run-time destination (RES-015); a constant URL and a template whose host
    the template fixes are judged as written. The Body parameter's TEMPLATE is no destination."""
    assert [f.rule.id for f in RuleEngine("CN").check(_event_rule(url))[0]] == expected


def test_an_event_stream_sink_url_built_from_the_event_is_unproven_unless_declared() -> None:
    from components.residency.destinations import parse_destinations

    def stream(template: str) -> Subject:
        url = {"Form": "TEMPLATE", "Template": template, "Value": '{"host": "$.data.host"}'}
        sink = json.dumps({"SinkHttpsParameters": {"URL": url, "Body": {"Form": "ORIGINAL"}}})
        return ali("alicloud:eventbridge/eventStreaming:EventStreaming", eventStreamingName="s", sink=sink, source="{}")

    runtime = stream("https://${host}/events")
    assert [(f.rule.id, f.path) for f in RuleEngine("CN").check(runtime)[0]] == [
        ("RES-015", "sink(json).SinkHttpsParameters.URL")
    ]
    assert RuleEngine("CN").check(stream(_HOOK + "${host}"))[0] == []
    (declared,) = parse_destinations(
        [{"id": "cb", "kind": "resident", "match": "https://${host}/events", "evidence": "the fleet's CN callbacks"}]
    )
    findings = RuleEngine("CN", destinations=[declared]).check(runtime)[0]
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-015", "cb")]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([4, 6]), st.integers(min_value=1, max_value=6), st.data())
def test_source_ranges_that_hold_every_address_restrict_no_one(version: int, bits: int, data: st.DataObject) -> None:
    # The public-access red team (stop 36): `0.0.0.0/0` split into 2**bits ranges (or `::/0` however written) restricts
    # no one; drop one range and the rest is a fixed set of ranges (AWS's definition of non-public: passes).
    import ipaddress

    everything = ipaddress.ip_network("0.0.0.0/0" if version == 4 else "::/0")
    ranges = [str(n) for n in everything.subnets(prefixlen_diff=bits)]
    ranges = data.draw(st.permutations(ranges))
    whole = aws(_BUCKET_POLICY, _PINNED_EU, bucket="b",
                policy=_public(condition={"IpAddress": {"aws:SourceIp": ranges}}))  # fmt: skip
    part = aws(_BUCKET_POLICY, _PINNED_EU, bucket="b",
               policy=_public(condition={"IpAddress": {"aws:SourceIp": ranges[1:]}}))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(whole)[0]] == ["RES-024"]
    assert RuleEngine("EU").check(part)[0] == []


@pytest.mark.parametrize("written", ["0::/0", "::0/0", "0000:0000::/0", "0.0.0.0/00", " 0.0.0.0/0", "10.0.0.0/0"])
def test_every_address_however_written_restricts_no_one(written: str) -> None:
    subject = aws(_BUCKET_POLICY, _PINNED_EU, bucket="b", policy=_public(condition={
        "IpAddress": {"aws:SourceIp": written}}))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(subject)[0]] == ["RES-024"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab:*?", min_size=1, max_size=6),
    st.text(alphabet="ab:*", min_size=1, max_size=6),
    st.text(alphabet="ab:", min_size=0, max_size=6),
)
def test_a_deny_pattern_covers_only_what_it_matches(deny: str, allow: str, fill: str) -> None:
    # falsealarm20 (stop 36): whenever the Deny's pattern is said to cover the Allow's, every value the Allow names
    # (its `*` replaced by any text) is matched by the Deny's; a `?` in the Deny covers nothing.
    from components.residency.engine import _patterns_cover

    if _patterns_cover(deny, allow, fold=False):
        assert "?" not in deny
        value = allow.replace("*", fill)
        assert fnmatch.fnmatchcase(value, deny), (deny, allow, value)


def test_an_alibaba_destination_under_a_provider_assuming_no_role_names_the_fix() -> None:
    # Stop 40: the own account's queue is refused until the provider assumes a role of it (or the UID is declared);
    # the message names both fixes, with the account's own role ARN to write.
    subject = ali(_MNS_SUB, ALI_CN, topic_name="t", name="s", endpoint=f"acs:mns:cn-shanghai:{_ALI_OWN}:queues/alarms")
    findings, _ = RuleEngine("CN").check(subject)
    assert [f.rule.id for f in findings] == [RuleId.GRANTED_ACCOUNT_PROVEN]
    assert re.search(_ALI_WRITTEN_FIX, findings[0].detail), findings[0].detail
    declared = parse_destinations(
        [{"id": "own", "kind": "resident", "match": f"acs:ram::{_ALI_OWN}:", "evidence": "the team's own account"}]
    )
    assert [f.declared_by for f in RuleEngine("CN", destinations=list(declared)).check(subject)[0]] == ["own"]


_ROLE_FIELD_FIX = (
    r"acs:ram::5555666677778888:role/actiontrail-delivery belongs to account 5555666677778888.*accounts: "
    r"1234567890123456.*assume a role of it \(assume_role=\{'role_arn': 'acs:ram::5555666677778888:role/<deployer>'\}, "
    r"or alicloud:assumeRole in the stack file\); else declare it"
)


def test_a_write_role_of_another_account_names_its_account_and_the_fix() -> None:
    # Stop 41: the partner's ActionTrail delivery role is refused at the role field, with the account and both fixes;
    # a declaration of the partner's account, or of that role ARN, covers it; a bucket declared by name does not.
    subject = ali(_TRAIL, _ALI_PINNED_CN, trail_name="t", oss_bucket_name="group-audit",
                  oss_write_role_arn=_role_of(_ALI_OTHER))  # fmt: skip
    bucket = {"id": "bucket", "kind": "resident", "match": "group-audit", "evidence": "the group's audit bucket"}
    findings, _ = RuleEngine("CN", destinations=list(parse_destinations([bucket]))).check(subject)
    refused = [f for f in findings if f.declared_by is None]
    assert [(f.rule.id, f.path) for f in refused] == [("RES-023", "oss_write_role_arn")]
    assert re.search(_ROLE_FIELD_FIX, refused[0].detail), refused[0].detail
    for match in (f"acs:ram::{_ALI_OTHER}:", _role_of(_ALI_OTHER)):
        declared = parse_destinations([bucket, {"id": "acct", "kind": "resident", "match": match, "evidence": "audit"}])
        covered = RuleEngine("CN", destinations=list(declared)).check(subject)[0]
        assert {f.declared_by for f in covered} == {"bucket", "acct"}, match


def test_source_side_and_identity_roles_of_another_account_are_not_read_as_written() -> None:
    # Stop 41's decision: roles that only let a service act as the stack's own account, or whose owner no page read
    # says receives data, stay identities (as on AWS): a Logstore read role, an SLS BYOK key role, Serverless
    # Workflow's execution role, a Function Compute service role.
    other = _role_of(_ALI_OTHER, "r")
    subjects = [
        ali(_OSS_EXPORT_SINK, _ALI_PINNED_CN, project="p", job_name="j",
            configuration=_export_sink(other, _role_of(_ALI_OWN))),
        ali(_OSS_EXPORT, _ALI_PINNED_CN, project_name="p", logstore_name="l", export_name="e",
            role_arn=_role_of(_ALI_OWN), log_read_role_arn=other),
        ali("alicloud:log/store:Store", _ALI_PINNED_CN, project="p", name="s",
            encrypt_conf={"enable": True, "encrypt_type": "default",
                          "user_cmk_info": {"cmk_key_id": "k", "arn": other, "region_id": "cn-shanghai"}}),
        ali("alicloud:fnf/flow:Flow", _ALI_PINNED_CN, name="f", type="FDL", description="d", definition="version: v1",
            role_arn=other),
        ali("alicloud:fc/service:Service", _ALI_PINNED_CN, name="s", role=other),
    ]  # fmt: skip
    for subject in subjects:
        assert RuleEngine("CN").check(subject)[0] == [], subject.type


# Public endpoints without a grant (stop 43, publicauth43): an API Gateway AWS integration that serves stored data (S3's
# path API under GET, DynamoDB Query ...) is a grant to everyone unless every Method it serves requires authorization or
# an API key: the stage-variables join answers (``stages.METHOD_AUTHORIZED``); the engine alone, or with no Method of
# the program, proves none (fail closed). An ECR Public repository is public by kind.
_INTEGRATION = "aws:apigateway/integration:Integration"
_S3_PATH = "arn:aws:apigateway:eu-west-1:s3:path/fleet-files/{key}"


def _integration(pin: Any, uri: str, http: str = "GET", kind: str = "AWS") -> Subject:
    return aws(_INTEGRATION, pin, rest_api="a", resource_id="r", http_method="GET", type=kind,
               integration_http_method=http, uri=uri)  # fmt: skip


PAIRS += [
    # the stack's Lambda (AWS_PROXY) runs code: not judged; DynamoDB Query returns items
    ("RES-024", "US", _integration(_PINNED_US, "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                   "arn:aws:lambda:us-east-1:123456789012:function:f/invocations", "POST", "AWS_PROXY"),
     _integration(_PINNED_US, "arn:aws:apigateway:us-east-1:dynamodb:action/Query", "POST"), "uri"),
    # PutItem writes; GetItem reads
    ("RES-024", "JP", _integration(_PINNED_JP, "arn:aws:apigateway:ap-northeast-1:dynamodb:action/PutItem", "POST"),
     _integration(_PINNED_JP, "arn:aws:apigateway:ap-northeast-1:dynamodb:action/GetItem", "POST"), "uri"),
    ("RES-024", "CN", _integration(AWS_CN, "arn:aws-cn:apigateway:cn-north-1:kinesis:action/PutRecord", "POST"),
     _integration(AWS_CN, "arn:aws-cn:apigateway:cn-north-1:kinesis:action/GetRecords", "POST"), "uri"),
    # an ECR Public repository: anyone can pull (its private twin, an ECR repository, is judged as before)
    ("RES-024", "EU", aws("aws:ecr/repository:Repository", _PINNED_EU, name="fleet-agent"),
     aws("aws:ecrpublic/repository:Repository", _PINNED_EU, repository_name="fleet-agent"), "repository_name"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("methods", "integration_method", "authorized"),
    [
        ([("GET", {"authorization": "AWS_IAM"})], "GET", True),
        ([("GET", {"authorization": "NONE", "api_key_required": True})], "GET", True),  # an API key: restricted
        ([("GET", {"authorization": "NONE"})], "GET", False),
        ([("GET", {"authorization": "NONE", "api_key_required": False})], "GET", False),
        ([("POST", {"authorization": "NONE"}), ("GET", {"authorization": "COGNITO_USER_POOLS"})], "GET", True),
        ([("GET", {"authorization": "CUSTOM"}), ("ANY", {"authorization": "none"})], None, False),  # unknown: any
        ([], "GET", False),  # no Method in the program: nothing proves it restricted
        ([("POST", {"authorization": "AWS_IAM"})], "GET", False),  # another method's restriction proves nothing
    ],
)
def test_the_join_answers_whether_an_integrations_methods_require_authorization(
    methods: list[tuple[str, dict[str, Any]]], integration_method: str | None, authorized: bool
) -> None:
    from components.residency import stages

    join = stages.StageJoin()
    api, resource = ("urn", "api"), ("urn", "resource")
    for http, props in methods:
        join.add(stages.METHOD_TYPE, {"http_method": http, **props}, api, resource)
    join.add(stages.METHOD_TYPE, {"http_method": "GET", "authorization": "NONE"}, ("urn", "other-api"), resource)
    known = stages.with_stages(
        lambda _: False, join, stages.INTEGRATION_TYPE, api, None, (resource, integration_method)
    )
    assert known(stages.METHOD_AUTHORIZED) is authorized


def _own_bucket(text: str) -> bool:
    return text != "method-authorized"  # the stack's bucket; no Method proven restricted


@pytest.mark.parametrize(
    ("uri", "http", "public"),
    [
        (_S3_PATH, "GET", True),
        (_S3_PATH, "head", True),
        (_S3_PATH, "PUT", False),  # an upload endpoint serves no stored data
        (_S3_PATH, "DELETE", False),
        ("arn:aws:apigateway:eu-west-1:fleet-files.s3:path/{key}", "GET", True),  # the subdomain form
        ("arn:aws:apigateway:eu-west-1:s3:action/GetObject&Bucket=fleet-files&Key={key}", "POST", True),
        ("arn:aws:apigateway:eu-west-1:s3:action/PutObject&Bucket=fleet-files&Key={key}", "POST", False),
        ("arn:aws:apigateway:eu-west-1:sqs:action/ReceiveMessage", "POST", True),
        ("arn:aws:apigateway:eu-west-1:sqs:action/SendMessage", "POST", False),
    ],
)
def test_which_aws_integrations_serve_stored_data(uri: str, http: str, public: bool) -> None:
    findings = RuleEngine("EU").check(_integration(_PINNED_EU, uri, http), known=_own_bucket)[0]
    assert [f.rule.id for f in findings] == (["RES-024"] if public else [])


def test_an_anonymous_read_is_refused_unless_the_join_proves_its_methods_authorized() -> None:
    subject = _integration(_PINNED_EU, _S3_PATH)
    (finding,) = RuleEngine("EU").check(subject, known=_own_bucket)[0]
    assert finding.rule.id == "RES-024"
    with pytest.raises(AssertionError, match=r"serves stored data \(s3:path/\) with no code in between"):
        raise AssertionError(finding.message)
    assert 'match": "public:' in finding.message
    assert RuleEngine("EU").check(subject, known=lambda text: True)[0] == []
    # the uri's Region is still judged beside the grant: a London bucket proxy in the EU is also RES-004
    london = _integration(_PINNED_EU, "arn:aws:apigateway:eu-west-2:s3:path/fleet-files/{key}")
    assert {f.rule.id for f in RuleEngine("EU").check(london, known=_own_bucket)[0]} == {"RES-024", "RES-004"}


# Public endpoints without a grant, continued (stop 43, anonymous43): an HTTP API integration of type AWS_PROXY whose
# subtype returns stored data (SQS-ReceiveMessage, AppConfig-GetConfiguration) is a grant to everyone unless every Route
# of the program that targets it requires authorization (AWS_IAM, JWT, CUSTOM); a Route's authorization_type defaults
# to NONE. The engine alone, or with no Route of the program on it, proves none (fail closed).
_HTTP_INTEGRATION = "aws:apigatewayv2/integration:Integration"


def _http_integration(pin: Any, subtype: str, kind: str = "AWS_PROXY") -> Subject:
    """An HTTP API integration of ``subtype`` (its request parameters are judged as before: none here)."""
    return aws(_HTTP_INTEGRATION, pin, api_id="a", integration_type=kind, integration_subtype=subtype)


PAIRS += [
    # SQS-SendMessage writes; SQS-ReceiveMessage returns the queue's messages
    ("RES-024", "EU", _http_integration(_PINNED_EU, "SQS-SendMessage"),
     _http_integration(_PINNED_EU, "SQS-ReceiveMessage"), "integration_subtype"),
    # StepFunctions-StartSyncExecution runs the stack's workflow; AppConfig-GetConfiguration returns a configuration
    ("RES-024", "JP", _http_integration(_PINNED_JP, "StepFunctions-StartSyncExecution"),
     _http_integration(_PINNED_JP, "AppConfig-GetConfiguration"), "integration_subtype"),
    ("RES-024", "CN", _http_integration(AWS_CN, "SQS-DeleteMessage"),
     _http_integration(AWS_CN, "sqs-receivemessage"), "integration_subtype"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("routes", "authorized"),
    [
        ([("own", {"authorization_type": "AWS_IAM"})], True),
        ([("own", {"authorization_type": "JWT"})], True),
        ([("own", {"authorizationType": "CUSTOM"})], True),
        ([("own", {})], False),  # authorization_type's default is NONE
        ([("own", {"authorization_type": "NONE"})], False),
        ([("own", {"authorization_type": "AWS_IAM"}), ("own", {})], False),  # a second, open route
        ([("own", {"authorization_type": "AWS_IAM"}), ("other", {})], True),  # another integration's open route
        ([("own", {"authorization_type": "AWS_IAM"}), (None, {})], False),  # a target not told may be any
        ([("literal", {"authorization_type": "AWS_IAM"})], True),  # integrations/<id> names the id
        ([], False),  # no Route in the program: nothing proves it restricted
        ([("other", {"authorization_type": "AWS_IAM"})], False),
    ],
)
def test_the_join_answers_whether_an_http_integrations_routes_require_authorization(
    routes: list[tuple[str | None, dict[str, Any]]], authorized: bool
) -> None:
    from components.residency import stages

    join = stages.StageJoin()
    api = ("urn", "api")
    own = stages.own_api_key("urn:integration", "abc123")
    targets = {
        "own": ("urn", "urn:integration"),
        "other": ("urn", "urn:other"),
        "literal": ("id", "integrations/abc123"),
    }
    for target, props in routes:
        join.add(stages.ROUTE_TYPE, props, api, targets[target] if target else None)
    join.add(stages.ROUTE_TYPE, {}, ("urn", "other-api"), targets["own"])  # another API's open route
    known = stages.with_stages(lambda _: False, join, stages.HTTP_INTEGRATION_TYPE, api, None, (own, None))
    assert known(stages.METHOD_AUTHORIZED) is authorized


def test_an_open_route_to_a_reading_subtype_is_refused_unless_the_join_proves_its_routes_authorized() -> None:
    subject = _http_integration(_PINNED_EU, "SQS-ReceiveMessage")
    (finding,) = RuleEngine("EU").check(subject)[0]
    assert finding.rule.id == "RES-024"
    with pytest.raises(
        AssertionError,
        match=r"serves stored data \(sqs-receivemessage\) with no code in between "
        r"through a route that requires no authorization \(authorization_type NONE, the default\)",
    ):
        raise AssertionError(finding.message)
    assert 'match": "public:' in finding.message
    assert RuleEngine("EU").check(subject, known=lambda text: True)[0] == []
    # a subtype of a Lambda-style AWS_PROXY integration is none: a plain AWS_PROXY to the stack's code is not judged
    assert RuleEngine("EU").check(_http_integration(_PINNED_EU, "SQS-ReceiveMessage", "HTTP_PROXY"))[0] == []


# Public endpoints without a grant, OpenAPI bodies (stop 44, openapi44): the same integrations written in a RestApi's or
# an HTTP API's OpenAPI body are judged by their operation's effective security (its own, else the document's), read in
# the body itself: no join. Only schemes API Gateway enforces restrict (an authorizer, awsSigv4, a REST api_key).
_SIGV4 = {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}
_API_KEY = {"type": "apiKey", "name": "x-api-key", "in": "header"}
_BEARER = {"type": "http", "scheme": "bearer"}
_AUTHORIZER = {
    "type": "oauth2",
    "x-amazon-apigateway-authorizer": {"type": "jwt", "identitySource": "$request.header.Authorization"},
}
_QUERY = {"type": "aws", "httpMethod": "POST", "uri": "arn:aws:apigateway:eu-central-1:dynamodb:action/Query"}
_QUERY_JP = {**_QUERY, "uri": "arn:aws:apigateway:ap-northeast-1:dynamodb:action/Query"}


def _openapi(integration: dict[str, Any], operation: dict[str, Any] | None = None, **top: Any) -> str:
    return json.dumps(
        {
            "openapi": "3.0.1",
            "info": {"title": "items", "version": "1"},
            "paths": {"/items": {"get": {**(operation or {}), "x-amazon-apigateway-integration": integration}}},
            **top,
        }
    )


def _body_api(pin: Any, body: str, type_: str = "aws:apigateway/restApi:RestApi") -> Subject:
    extra = {"endpoint_configuration": {"types": "REGIONAL"}} if type_.startswith("aws:apigateway/") else {}
    return aws(type_, pin, name="items", body=body, **extra)


def _schemes(**schemes: Any) -> dict[str, Any]:
    return {"components": {"securitySchemes": schemes}}


_BODY_URI = "body(json).paths./items.get.x-amazon-apigateway-integration.uri"
_RECEIVE = {"type": "aws_proxy", "integrationSubtype": "SQS-ReceiveMessage", "payloadFormatVersion": "1.0"}

PAIRS += [
    # an IAM (awsSigv4) requirement at the top of the document restricts every operation; none leaves it open
    ("RES-024", "EU", _body_api(_PINNED_EU, _openapi(_QUERY, security=[{"sigv4": []}], **_schemes(sigv4=_SIGV4))),
     _body_api(_PINNED_EU, _openapi(_QUERY)), _BODY_URI),
    # an API key (the api_key scheme) restricts; a bearer scheme with no authorizer is not enforced by API Gateway
    ("RES-024", "JP", _body_api(_PINNED_JP, _openapi(_QUERY_JP, {"security": [{"api_key": []}]},
                                                     **_schemes(api_key=_API_KEY))),
     _body_api(_PINNED_JP, _openapi(_QUERY_JP, {"security": [{"bearer": []}]}, **_schemes(bearer=_BEARER))),
     _BODY_URI),
    # an HTTP API body: SQS-SendMessage writes; SQS-ReceiveMessage with no security returns the queue's messages
    ("RES-024", "CN", _body_api(AWS_CN, _openapi({**_RECEIVE, "integrationSubtype": "SQS-SendMessage"}),
                                "aws:apigatewayv2/api:Api"),
     _body_api(AWS_CN, _openapi(_RECEIVE), "aws:apigatewayv2/api:Api"),
     "body(json).paths./items.get.x-amazon-apigateway-integration.integrationSubtype"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("operation", "top", "rest", "authorized"),
    [
        ({}, {}, True, False),  # no security anywhere
        ({"security": []}, {}, True, False),
        ({"security": [{}]}, _schemes(sigv4=_SIGV4), True, False),  # an empty requirement: security is optional
        ({"security": [{"sigv4": []}]}, _schemes(sigv4=_SIGV4), True, True),
        ({"security": [{"sigv4": []}]}, _schemes(sigv4=_SIGV4), False, True),  # IAM on an HTTP API too
        ({}, {"security": [{"sigv4": []}], **_schemes(sigv4=_SIGV4)}, True, True),  # the document's requirement
        ({"security": []}, {"security": [{"sigv4": []}], **_schemes(sigv4=_SIGV4)}, True, False),  # overridden
        ({"security": [{"sigv4": []}, {}]}, _schemes(sigv4=_SIGV4), True, False),  # or anyone
        ({"security": [{"api_key": []}]}, _schemes(api_key=_API_KEY), True, True),
        ({"security": [{"api_key": []}]}, _schemes(api_key=_API_KEY), False, False),  # HTTP APIs have no API keys
        ({"security": [{"api_key": []}]}, {"securityDefinitions": {"api_key": _API_KEY}}, True, True),  # OpenAPI 2
        ({"security": [{"bearer": []}]}, _schemes(bearer=_BEARER), True, False),  # not enforced by API Gateway
        ({"security": [{"jwt": []}]}, _schemes(jwt=_AUTHORIZER), False, True),
        ({"security": [{"undefined": []}]}, {}, True, False),  # a scheme the document does not define
        ({}, {"x-amazon-apigateway-api-key-source": "HEADER", **_schemes(api_key=_API_KEY)}, True, False),
    ],
)
def test_an_openapi_operation_is_authorized_only_by_a_scheme_api_gateway_enforces(
    operation: dict[str, Any], top: dict[str, Any], rest: bool, authorized: bool
) -> None:
    from components.residency import stages

    document = {"openapi": "3.0.1", "paths": {"/items": {"get": operation}}, **top}
    assert stages.operation_authorized(document, operation, rest) is authorized


def test_an_open_openapi_operation_that_reads_stored_data_is_refused_unless_declared() -> None:
    subject = _body_api(_PINNED_EU, _openapi(_QUERY, {"security": []}, security=[{"sigv4": []}],
                                             **_schemes(sigv4=_SIGV4)))  # fmt: skip
    (finding,) = RuleEngine("EU").check(subject)[0]
    assert (finding.rule.id, finding.path) == ("RES-024", _BODY_URI)
    with pytest.raises(
        AssertionError,
        match=r"The AWS integration serves stored data \(dynamodb:action/query\) with no code in between through "
        r"a path of the API's OpenAPI body whose operation has no security requirement API Gateway enforces",
    ):
        raise AssertionError(finding.message)
    declared = parse_destinations(
        [
            {
                "id": "items-public",
                "kind": "resident",
                "match": "public:r",
                "evidence": "public catalogue, no personal data",
            }
        ]
    )
    (covered,) = RuleEngine("EU", destinations=declared).check(subject)[0]
    assert covered.declared_by == "items-public"
    # an open operation to the stack's code (a Lambda proxy) is not judged; a PUT by S3 path uploads (not judged)
    lambda_proxy = {"type": "aws_proxy", "httpMethod": "POST",
                    "uri": "arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/"
                           "arn:aws:lambda:eu-central-1:123456789012:function:f/invocations"}  # fmt: skip
    assert RuleEngine("EU").check(_body_api(_PINNED_EU, _openapi(lambda_proxy)))[0] == []
    upload = {"type": "aws", "httpMethod": "PUT", "uri": "arn:aws:apigateway:eu-central-1:s3:path/fleet-files/{key}"}
    own = RuleEngine("EU").check(_body_api(_PINNED_EU, _openapi(upload)), known=lambda text: True)[0]
    assert own == []


@pytest.mark.parametrize(("token", "field", "rest"), _ALI_JOINS, ids=[t.split(":")[1] for t, _, _ in _ALI_JOINS])
def test_an_alibaba_network_join_names_the_receiving_account(token: str, field: str, rest: dict[str, Any]) -> None:
    # Red team, stop 43: the other account owning the CEN / ECR / transit router is refused unless pinned or declared.
    engine = RuleEngine("CN")
    offending = ali(token, _ALI_PINNED_CN, **{**rest, field: _ALI_OTHER})
    findings = [f for f in engine.check(offending)[0] if f.rule.id == "RES-023"]
    assert [f.path for f in findings] == [field]
    assert re.search(
        r"belongs to account 5555666677778888, which receives what the stack writes there", findings[0].detail
    )
    declared = parse_destinations(
        [{"id": "hub", "kind": "resident", "match": f"acs:ram::{_ALI_OTHER}:", "evidence": "the group's hub account"}]
    )
    covered = RuleEngine("CN", destinations=declared).check(offending)[0]
    assert all(f.declared_by == "hub" for f in covered if f.rule.id == "RES-023")


# Alibaba Cloud red team (stop 45; realistic cases alired45-*): two more joins naming the other account by UID, and
# destinations named by ARN whose owner UID was not judged (the sibling field or type was). Each offending subject
# passed on the unchanged catalogue.
_ALI_JOINS_45 = [
    ("alicloud:cen/transitRouterVpnAttachment:TransitRouterVpnAttachment", "vpn_owner_id",
     {"vpn_id": "vco-1"}),
    ("alicloud:vpc/routerInterfaceConnection:RouterInterfaceConnection", "opposite_interface_owner_id",
     {"interface_id": "ri-1", "opposite_interface_id": "ri-2", "opposite_router_id": "vrt-2"}),
    ("alicloud:expressconnect/routerInterface:RouterInterface", "opposite_interface_owner_id",
     {"opposite_region_id": "cn-shanghai", "role": "InitiatingSide", "router_id": "vrt-1", "router_type": "VRouter",
      "spec": "Mini.2", "opposite_interface_id": "ri-2"}),
]  # fmt: skip
_RC_SLS = "acs:log:cn-shanghai:{}:project/org-config/logstore/changes"
_RC_OSS = "acs:oss:cn-shanghai:{}:resourcecenter-oversized"


def _rc_oversized(uid: str) -> dict[str, Any]:
    # The channel's own Logstore; the bucket for events over 1 MB in ``uid``'s account.
    return {
        "target_arn": _RC_SLS.format(_ALI_OWN),
        "sls_properties": {"oversized_data_oss_target_arn": _RC_OSS.format(uid)},
    }


def _in_region(props: dict[str, Any], region: str) -> dict[str, Any]:
    # The same subject with its ARNs in ``region`` (JP's ap-northeast-1), so only the account is judged.
    loaded: dict[str, Any] = json.loads(json.dumps(props).replace("cn-shanghai", region))
    return loaded


_ALI_WRITES_45: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("alicloud:resourcemanager/multiAccountDeliveryChannel:MultiAccountDeliveryChannel",
     "resource_change_delivery.target_arn",
     lambda uid: {"resource_change_delivery": {"target_arn": _RC_SLS.format(uid)}}),
    ("alicloud:resourcemanager/multiAccountDeliveryChannel:MultiAccountDeliveryChannel",
     "resource_snapshot_delivery.target_arn",
     lambda uid: {"resource_snapshot_delivery": {"target_type": "OSS", "target_arn": _RC_OSS.format(uid)}}),
    ("alicloud:resourcemanager/multiAccountDeliveryChannel:MultiAccountDeliveryChannel",
     "resource_change_delivery.sls_properties.oversized_data_oss_target_arn",
     lambda uid: {"resource_change_delivery": _rc_oversized(uid)}),
    ("alicloud:resourcemanager/deliveryChannel:DeliveryChannel",
     "resource_snapshot_delivery.sls_properties.oversized_data_oss_target_arn",
     lambda uid: {"resource_snapshot_delivery": _rc_oversized(uid)}),
    ("alicloud:message/serviceSubscription:ServiceSubscription", "endpoint",
     lambda uid: {"topic_name": "alarms", "subscription_name": "s", "push_type": "queue",
                  "endpoint": f"acs:mns:cn-shanghai:{uid}:queues/alarms"}),
]  # fmt: skip
PAIRS += [
    *[("RES-023", "CN", ali(token, _ALI_PINNED_CN, **{**rest, field: _ALI_OWN}),
       ali(token, _ALI_PINNED_CN, **{**rest, field: _ALI_OTHER}), field) for token, field, rest in _ALI_JOINS_45],
    *[("RES-023", "CN", ali(token, _ALI_PINNED_CN, **props(_ALI_OWN)), ali(token, _ALI_PINNED_CN, **props(_ALI_OTHER)),
       path) for token, path, props in _ALI_WRITES_45],
]  # fmt: skip


def _joined_as(field: str, rest: dict[str, Any]) -> Callable[[str], dict[str, Any]]:
    return lambda uid: {**rest, field: uid}


_ALI_STOP45: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    *[(token, field, _joined_as(field, rest)) for token, field, rest in _ALI_JOINS_45],
    *_ALI_WRITES_45,
]


@pytest.mark.parametrize(
    ("token", "field", "props"),
    _ALI_STOP45,
    ids=[f"{t.split(':')[1]}.{f}" for t, f, _ in [*_ALI_JOINS_45, *_ALI_WRITES_45]],
)
def test_an_alibaba_account_receiving_through_a_stop45_field_is_judged(
    token: str, field: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # Red team, stop 45: the partner's UID is refused at the field (message pinned) in CN and JP; the team's own passes
    # under the pinned provider; a declaration of the partner's account covers it.
    for code, provider in (("CN", _ALI_PINNED_CN), ("JP", _ALI_PINNED_JP)):
        engine = RuleEngine(code)
        own = ali(token, provider, **_in_region(props(_ALI_OWN), str(provider.region)))
        assert engine.check(own)[0] == []
        offending = ali(token, provider, **_in_region(props(_ALI_OTHER), str(provider.region)))
        findings = [f for f in engine.check(offending)[0] if f.rule.id == "RES-023"]
        assert [f.path for f in findings] == [field]
        assert re.search(r"5555666677778888.*(receives what the stack writes there|neither the provider)",
                         findings[0].detail)  # fmt: skip
        declared = parse_destinations(
            [{"id": "hub", "kind": "resident", "match": f"acs:ram::{_ALI_OTHER}:", "evidence": "the group's hub"}]
        )
        covered = [f for f in RuleEngine(code, destinations=declared).check(offending)[0] if f.rule.id == "RES-023"]
        assert covered and all(f.declared_by == "hub" for f in covered)


# Alibaba Cloud red team, stop 46: joins of the stack's network to another account's that passed with a partner's UID
# (written_account_fields): an Elastic Desktop Service office network attached to another account's CEN, a Lingjun VPD
# granted to another account's Lingjun HUB. (The office networks' `cen_id` is a global_group_fields entry, judged by
# test_endpoints.py's test_a_global_group_joined_by_name_must_be_this_stack_s.)
_ALI_JOINS_46: list[tuple[str, str, dict[str, Any]]] = [
    ("alicloud:eds/simpleOfficeSite:SimpleOfficeSite", "cen_owner_id",
     {"office_site_name": "desktops", "cidr_block": "172.16.0.0/12"}),
    ("alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite", "cen_owner_id",
     {"ad_connector_office_site_name": "desktops", "cidr_block": "10.30.0.0/16", "domain_name": "corp.example.cn",
      "dns_addresses": ["10.20.0.10"]}),
    ("alicloud:eflo/vpdGrantRule:VpdGrantRule", "grant_tenant_id", {"instance_id": "vpd-1", "er_id": "er-hub01"}),
]  # fmt: skip
PAIRS += [
    *[("RES-023", "CN", ali(token, _ALI_PINNED_CN, **{**rest, field: _ALI_OWN}),
       ali(token, _ALI_PINNED_CN, **{**rest, field: _ALI_OTHER}), field) for token, field, rest in _ALI_JOINS_46],
]  # fmt: skip


@pytest.mark.parametrize(
    ("token", "field", "rest"), _ALI_JOINS_46, ids=[f"{t.split(':')[1]}.{f}" for t, f, _ in _ALI_JOINS_46]
)
def test_an_alibaba_account_joined_through_a_stop46_field_is_judged(
    token: str, field: str, rest: dict[str, Any]
) -> None:
    # Red team, stop 46: the partner's UID is refused at the field (message pinned) in CN and JP; the team's own passes
    # under the pinned provider; a declaration of the partner's account covers it.
    for code, provider in (("CN", _ALI_PINNED_CN), ("JP", _ALI_PINNED_JP)):
        engine = RuleEngine(code)
        assert engine.check(ali(token, provider, **{**rest, field: _ALI_OWN}))[0] == []
        offending = ali(token, provider, **{**rest, field: _ALI_OTHER})
        findings = [f for f in engine.check(offending)[0] if f.rule.id == "RES-023"]
        assert [f.path for f in findings] == [field]
        assert re.search(r"5555666677778888.*(receives what the stack writes there|neither the provider)",
                         findings[0].detail)  # fmt: skip
        declared = parse_destinations(
            [{"id": "hub", "kind": "resident", "match": f"acs:ram::{_ALI_OTHER}:", "evidence": "the group's hub"}]
        )
        covered = [f for f in RuleEngine(code, destinations=declared).check(offending)[0] if f.rule.id == "RES-023"]
        assert covered and all(f.declared_by == "hub" for f in covered)


# Alibaba Cloud red team, stop 47 (alired47): inputs naming the account that receives what the stack sends, each passing
# with a partner's UID while a sibling was refused (written_account_fields): CloudMonitor alert and event targets of
# the newer types (cms.Alarm's `targets.arn` is refused), a CEN attachment's owner (the grants' is), a DataWorks data
# source of another account's instance, an SLS alert's Eventstore write role (the ETL sinks' is), a CDN trigger's
# `trigger_arn` (its `function_arn` is) and an endpoint service whitelist by ARN (its `user_id` is). (token, finding
# path, inputs for a UID and the stack's Region.)
def _dataworks_source(uid: str, region: str) -> dict[str, Any]:
    properties = {"envType": "Prod", "regionId": region, "instanceId": "rm-orders01", "database": "orders",
                  "username": "sync", "password": "not-a-secret", "crossAccountOwnerId": uid,
                  "crossAccountRoleName": "dataworks-sync"}  # fmt: skip
    return {"project_id": 1, "data_source_name": "orders", "type": "mysql",
            "connection_properties_mode": "InstanceMode", "connection_properties": json.dumps(properties)}  # fmt: skip


_ALI_RECEIVERS_47: list[tuple[str, str, Callable[[str, str], dict[str, Any]]]] = [
    ("alicloud:cms/groupMetricRule:GroupMetricRule", "targets[0].arn",
     lambda uid, r: {"group_id": "1", "group_metric_rule_name": "cpu", "category": "ecs", "metric_name": "cpu_total",
                     "namespace": "acs_ecs_dashboard", "rule_id": "cpu",
                     "targets": [{"id": "1", "arn": f"acs:mns:{r}:{uid}:/queues/ops-alerts/message"}]}),
    ("alicloud:cloudmonitor/serviceMetricAlarmRule:ServiceMetricAlarmRule", "targets[0].arn",
     lambda uid, r: {"rule_name": "cpu", "namespace": "acs_ecs_dashboard", "metric_name": "cpu_total",
                     "targets": [{"target_id": "1", "arn": f"acs:mns:{r}:{uid}:/queues/ops-alerts/message"}]}),
    ("alicloud:cloudmonitor/serviceGroupMonitoringAgentProcess:ServiceGroupMonitoringAgentProcess",
     "alert_configs[0].target_lists[0].arn",
     lambda uid, r: {"group_id": "1", "process_name": "java", "alert_configs": [{
         "escalations_level": "critical", "comparison_operator": "GreaterThanThreshold", "statistics": "Average",
         "threshold": "10", "times": "1",
         "target_lists": [{"target_list_id": "1", "arn": f"acs:mns:{r}:{uid}:/queues/ops-alerts/message"}]}]}),
    ("alicloud:cms/eventRule:EventRule", "mns_parameters[0].arn",
     lambda uid, r: {"rule_name": "ecs", "event_pattern": {"product": "ecs"}, "mns_parameters": [
         {"mns_parameters_id": "1", "region": r, "queue": "ecs-events",
          "arn": f"acs:mns:{r}:{uid}:/queues/ecs-events"}]}),
    ("alicloud:cms/eventRule:EventRule", "sls_parameters[0].arn",
     lambda uid, r: {"rule_name": "ecs", "event_pattern": {"product": "ecs"}, "sls_parameters": [
         {"sls_parameters_id": "1", "region": r, "project": "ops", "log_store": "ecs",
          "arn": f"acs:log:{r}:{uid}:project/ops/logstore/ecs"}]}),
    ("alicloud:cms/eventRule:EventRule", "fc_parameters[0].arn",
     lambda uid, r: {"rule_name": "ecs", "event_pattern": {"product": "ecs"}, "fc_parameters": [
         {"fc_parameters_id": "1", "region": r, "service_name": "ops", "function_name": "on-event",
          "arn": f"acs:fc:{r}:{uid}:services/ops/functions/on-event"}]}),
    # (the CEN itself, `instance_id`, is a global group judged apart: left out here)
    ("alicloud:cen/instanceAttachment:InstanceAttachment", "cen_owner_id",
     lambda uid, r: {"child_instance_id": "vpc-1", "child_instance_type": "VPC", "child_instance_region_id": r,
                     "cen_owner_id": int(uid)}),
    ("alicloud:dataworks/dataSource:DataSource", "connection_properties(json).crossAccountOwnerId", _dataworks_source),
    ("alicloud:sls/alert:Alert", "configuration.sink_event_store.role_arn",
     lambda uid, r: {"alert_name": "errors", "project_name": "ops", "configuration": {"sink_event_store": {
         "enabled": True, "endpoint": f"{r}-intranet.log.aliyuncs.com", "project": "ops", "event_store": "alerts",
         "role_arn": f"acs:ram::{uid}:role/aliyunlogetlrole"}}}),
    ("alicloud:cdn/fcTrigger:FcTrigger", "trigger_arn",
     lambda uid, r: {"event_meta_name": "LogFileCreated", "event_meta_version": "1.0.0", "notes": "logs",
                     "source_arn": f"acs:cdn:*:{_ALI_OWN}:domain/static.example.cn",
                     "trigger_arn": f"acs:fc:{r}:{uid}:services/logs/functions/ingest/triggers/cdn"}),
    ("alicloud:privatelink/vpcEndpointServiceUser:VpcEndpointServiceUser", "user_arn",
     lambda uid, r: {"service_id": "epsrv-1", "user_arn": f"acs:ram::{uid}:root"}),
    # the older ActionTrail type: each field its newer twin (actiontrail/trail) judges
    *[("alicloud:actiontrail/trailDeprecated:TrailDeprecated", field,
       lambda uid, r, field=field, arn=arn: {"trail_name": "audit", field: arn.format(uid=uid, r=r)})
      for field, arn in (("sls_project_arn", "acs:log:{r}:{uid}:project/audit"),
                         ("mns_topic_arn", "acs:mns:{r}:{uid}:/topics/audit"),
                         ("max_compute_project_arn", "acs:odps:{r}:{uid}:project/audit"),
                         ("sls_write_role_arn", "acs:ram::{uid}:role/aliyunactiontraildefaultrole"),
                         ("oss_write_role_arn", "acs:ram::{uid}:role/aliyunactiontraildefaultrole"),
                         ("max_compute_write_role_arn", "acs:ram::{uid}:role/aliyunactiontraildefaultrole"))],
]  # fmt: skip
PAIRS += [
    *[("RES-023", "CN", ali(token, _ALI_PINNED_CN, **make(_ALI_OWN, "cn-shanghai")),
       ali(token, _ALI_PINNED_CN, **make(_ALI_OTHER, "cn-shanghai")), path) for token, path, make in _ALI_RECEIVERS_47],
]  # fmt: skip
_ALI_PINNED_DE = ProviderRef("alicloud", "de", "eu-central-1", accounts=frozenset({_ALI_OWN}))


@pytest.mark.parametrize(
    ("token", "path", "make"), _ALI_RECEIVERS_47, ids=[f"{t.split(':')[1]}.{p}" for t, p, _ in _ALI_RECEIVERS_47]
)
def test_an_alibaba_account_receiving_through_a_stop47_field_is_judged(
    token: str, path: str, make: Callable[[str, str], dict[str, Any]]
) -> None:
    # Red team, stop 47: the partner's UID is refused at the field (message pinned) in CN, JP and DE; the team's own
    # passes under the pinned provider; a declaration of the partner's account covers it.
    for code, provider in (("CN", _ALI_PINNED_CN), ("JP", _ALI_PINNED_JP), ("DE", _ALI_PINNED_DE)):
        engine = RuleEngine(code)
        assert engine.check(ali(token, provider, **make(_ALI_OWN, str(provider.region))))[0] == []
        offending = ali(token, provider, **make(_ALI_OTHER, str(provider.region)))
        findings = [f for f in engine.check(offending)[0] if f.rule.id == "RES-023"]
        assert [f.path for f in findings] == [path]
        assert re.search(r"5555666677778888.*(receives what the stack writes there|neither the provider)",
                         findings[0].detail)  # fmt: skip
        declared = parse_destinations(
            [{"id": "hub", "kind": "resident", "match": f"acs:ram::{_ALI_OTHER}:", "evidence": "the group's hub"}]
        )
        covered = [f for f in RuleEngine(code, destinations=declared).check(offending)[0] if f.rule.id == "RES-023"]
        assert covered and all(f.declared_by == "hub" for f in covered)


@pytest.mark.parametrize(
    ("older", "newer"),
    [("alicloud:dns/ddosCooInstance:DdosCooInstance", "alicloud:ddos/ddosCooInstance:DdosCooInstance"),
     ("alicloud:configaggregate/remediation:Remediation", "alicloud:cfg/aggregateRemediation:AggregateRemediation"),
     ("alicloud:config/reportTemplate:ReportTemplate", "alicloud:cfg/reportTemplate:ReportTemplate")],
)  # fmt: skip
def test_an_older_type_of_a_hub_run_service_is_judged_as_its_twin(older: str, newer: str) -> None:
    # alired47 (stop 47): pulumi-alicloud keeps deprecated twins of Anti-DDoS Pro and Config types; they passed outside
    # CN while the newer types were refused. Now each gets its twin's verdict and message: accepted in CN (the
    # mainland hub), RES-016 on a Tokyo or Frankfurt provider.
    assert RuleEngine("CN").check(ali(older, _ALI_PINNED_CN, name="x"))[0] == []
    for code, provider in (("JP", _ALI_PINNED_JP), ("DE", _ALI_PINNED_DE)):
        engine = RuleEngine(code)
        twin = [(f.rule.id, f.detail) for f in engine.check(ali(newer, provider, name="x"))[0]]
        assert [(f.rule.id, f.detail) for f in engine.check(ali(older, provider, name="x"))[0]] == twin
        assert [rule for rule, _ in twin] == ["RES-016"]


def test_an_sls_alert_s_query_role_names_no_receiving_account() -> None:
    # alired47 (stop 47): the alert's query role reads the stack's own Logstore (the source side, as an ETL job's own
    # role): another account's is not judged as a receiver; the Eventstore sink's write role beside it is.
    query = {"region": "cn-shanghai", "project": "ops", "store": "app", "store_type": "log", "query": "* | select 1",
             "role_arn": f"acs:ram::{_ALI_OTHER}:role/aliyunlogetlrole"}  # fmt: skip
    subject = ali("alicloud:sls/alert:Alert", _ALI_PINNED_CN, alert_name="errors", project_name="ops",
                  configuration={"query_lists": [query]})  # fmt: skip
    assert RuleEngine("CN").check(subject)[0] == []


# AWS red team, round 16 (stop 44): types no round had listed that name by ARN the resource the stack writes into
# (written_account_fields), or the service network of another account the stack's VPC Lattice service joins
# (granted_account_fields). Each offending subject passed on the unchanged catalogue.
_RED44_WRITES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:pinpoint/eventStream:EventStream", "destination_stream_arn",
     lambda arn: {"application_id": "a", "role_arn": "arn:aws:iam::123456789012:role/r",
                  "destination_stream_arn": arn}),
    ("aws:kinesis/analyticsApplication:AnalyticsApplication", "outputs[0].kinesis_firehose.resource_arn",
     lambda arn: {"name": "a", "outputs": [{"name": "o", "schema": {"record_format_type": "JSON"}, "kinesis_firehose": {
         "resource_arn": arn, "role_arn": "arn:aws:iam::123456789012:role/r"}}]}),
    # the guard's view of the keyword-escaped output (`lambda_`) is the schema's `lambda`
    ("aws:kinesis/analyticsApplication:AnalyticsApplication", "outputs[0].lambda_.resource_arn",
     lambda arn: {"name": "a", "outputs": [{"name": "o", "schema": {"record_format_type": "JSON"}, "lambda_": {
         "resource_arn": arn, "role_arn": "arn:aws:iam::123456789012:role/r"}}]}),
    ("aws:cloudfront/realtimeLogConfig:RealtimeLogConfig", "endpoint.kinesis_stream_config.stream_arn",
     lambda arn: {"name": "rt", "sampling_rate": 100, "fields": ["timestamp"], "endpoint": {
         "stream_type": "Kinesis", "kinesis_stream_config": {"role_arn": "arn:aws:iam::123456789012:role/r",
                                                             "stream_arn": arn}}}),
    ("aws:s3control/objectLambdaAccessPoint:ObjectLambdaAccessPoint",
     "configuration.transformation_configurations[0].content_transformation.aws_lambda.function_arn",
     lambda arn: {"name": "olap", "configuration": {
         "supporting_access_point": "arn:aws:s3:eu-central-1:123456789012:accesspoint/ap",
         "transformation_configurations": [{"actions": ["GetObject"],
                                            "content_transformation": {"aws_lambda": {"function_arn": arn}}}]}}),
    ("aws:bedrock/agentAgentCollaborator:AgentAgentCollaborator", "agent_descriptor.alias_arn",
     lambda arn: {"agent_id": "A", "collaborator_name": "n", "collaboration_instruction": "i",
                  "agent_descriptor": {"alias_arn": arn}}),
    ("aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation", "function_arn",
     lambda arn: {"instance_id": "i", "function_arn": arn}),
    ("aws:ses/receiptRule:ReceiptRule", "workmail_actions[0].organization_arn",
     lambda arn: {"rule_set_name": "r", "name": "n", "workmail_actions": [{"position": 1, "organization_arn": arn}]}),
]  # fmt: skip
_RED44_ARN = {
    "aws:pinpoint/eventStream:EventStream": "arn:aws:firehose:eu-central-1:{}:deliverystream/events",
    "aws:kinesis/analyticsApplication:AnalyticsApplication": "arn:aws:firehose:eu-central-1:{}:deliverystream/out",
    "aws:cloudfront/realtimeLogConfig:RealtimeLogConfig": "arn:aws:kinesis:eu-central-1:{}:stream/viewer-logs",
    "aws:s3control/objectLambdaAccessPoint:ObjectLambdaAccessPoint": "arn:aws:lambda:eu-central-1:{}:function:redact",
    "aws:bedrock/agentAgentCollaborator:AgentAgentCollaborator":
        "arn:aws:bedrock:eu-central-1:{}:agent-alias/AGENT00001/ALIAS00001",
    "aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation": "arn:aws:lambda:eu-central-1:{}:function:lookup",
    "aws:ses/receiptRule:ReceiptRule": "arn:aws:workmail:eu-west-1:{}:organization/m-0123456789abcdef",
}  # fmt: skip
_LATTICE_JOINS = [
    ("aws:vpclattice/serviceNetworkServiceAssociation:ServiceNetworkServiceAssociation",
     {"service_identifier": "svc-1"}),
    ("aws:vpclattice/serviceNetworkResourceAssociation:ServiceNetworkResourceAssociation",
     {"resource_configuration_identifier": "rcfg-1"}),
]  # fmt: skip
_LATTICE_NETWORK = "arn:aws:vpc-lattice:eu-central-1:{}:servicenetwork/sn-0123456789abcdef0"
PAIRS += [
    *[("RES-023", "EU", aws(token, _PINNED_EU, **props(_RED44_ARN[token].format("123456789012"))),
       aws(token, _PINNED_EU, **props(_RED44_ARN[token].format(_OTHER))), path)
      for token, path, props in _RED44_WRITES],
    *[("RES-023", "EU",
       aws(token, _PINNED_EU, **rest, service_network_identifier=_LATTICE_NETWORK.format("123456789012")),
       aws(token, _PINNED_EU, **rest, service_network_identifier=_LATTICE_NETWORK.format(_OTHER)),
       "service_network_identifier") for token, rest in _LATTICE_JOINS],
]  # fmt: skip


# Workflows and OpenAPI bodies inside templates (cfnsfn45, stop 45): a template's state machine definition and API Body
# are judged as the Pulumi type's input (stack_templates `resources`), by the same judgement (passed before).
_STACK = "aws:cloudformation/stack:Stack"


def _sfn_template(topic: str, prop: str = "DefinitionString", **extra: Any) -> str:
    definition: Any = json.loads(_state("sns:publish", {"TopicArn": topic, "Message.$": "$.m"}))
    definition = json.dumps(definition) if prop == "DefinitionString" else definition
    return json.dumps({"Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine",
                                              "Properties": {prop: definition, **extra}}}})  # fmt: skip


def _open_api_template(security: bool) -> str:
    operation = {
        "x-amazon-apigateway-integration": {
            "type": "aws",
            "httpMethod": "GET",
            "uri": "arn:aws:apigateway:eu-central-1:s3:path/fleet-files/{key}",
        }
    }
    top: dict[str, Any] = {}
    if security:
        scheme = {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}
        top = {"security": [{"sigv4": []}], "components": {"securitySchemes": {"sigv4": scheme}}}
    body = {"openapi": "3.0.1", "paths": {"/{key}": {"get": operation}}, **top}
    return json.dumps({"Resources": {
        "FilesApi": {"Type": "AWS::ApiGateway::RestApi",
                     "Properties": {"EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": body}},
        "Files": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-files"}}}})  # fmt: skip


_CFN_TOPIC = "arn:aws:sns:eu-central-1:{}:fleet-alerts"
_CFN_TASK = "States.T.Parameters.TopicArn"
PAIRS += [
    ("RES-023", "EU", aws(_STACK, _PINNED_EU, template_body=_sfn_template(_CFN_TOPIC.format("123456789012"))),
     aws(_STACK, _PINNED_EU, template_body=_sfn_template(_CFN_TOPIC.format(_OTHER))),
     f"template_body(json).Resources.Flow.Properties.DefinitionString(json).{_CFN_TASK}"),
    ("RES-023", "EU",
     aws(_STACK, _PINNED_EU, template_body=_sfn_template(_CFN_TOPIC.format("123456789012"), "Definition")),
     aws(_STACK, _PINNED_EU, template_body=_sfn_template(_CFN_TOPIC.format(_OTHER), "Definition")),
     f"template_body(json).Resources.Flow.Properties.Definition.{_CFN_TASK}"),
    # DefinitionSubstitutions: a literal value fills its ${Name} before the definition is judged.
    ("RES-023", "EU",
     aws(_STACK, _PINNED_EU, template_body=_sfn_template(
         "${T}", "Definition", DefinitionSubstitutions={"T": _CFN_TOPIC.format("123456789012")})),
     aws(_STACK, _PINNED_EU, template_body=_sfn_template(
         "${T}", "Definition", DefinitionSubstitutions={"T": _CFN_TOPIC.format(_OTHER)})),
     f"template_body(json).Resources.Flow.Properties.Definition(json).{_CFN_TASK}"),
    ("RES-024", "EU", aws(_STACK, _PINNED_EU, template_body=_open_api_template(security=True)),
     aws(_STACK, _PINNED_EU, template_body=_open_api_template(security=False)),
     "template_body(json).Resources.FilesApi.Properties.Body.paths./{key}.get.x-amazon-apigateway-integration.uri"),
]  # fmt: skip


# More template resources judged as their Pulumi type (cfnmap45, stop 45): a template's SNS subscription, topic
# subscription list, rule targets, Lambda permission and SAM API DefinitionBody (each passed before).
_OWN_QUEUE = "arn:aws:sqs:eu-central-1:123456789012:q"
_OTHER_QUEUE = f"arn:aws:sqs:eu-central-1:{_OTHER}:q"


def _cfn(kind: str, **props: Any) -> Subject:
    return aws(_STACK, _PINNED_EU, template_body=json.dumps({"Resources": {"X": {"Type": kind, "Properties": props}}}))


def _permission(**extra: Any) -> Subject:
    return _cfn("AWS::Lambda::Permission", Action="lambda:InvokeFunction", FunctionName="f", **extra)


_CFN_SUB = {"TopicArn": "arn:aws:sns:eu-central-1:123456789012:t", "Protocol": "sqs"}
_DLQ = "deadLetterTargetArn"
_EIC, _SAM_FN = "AWS::Lambda::EventInvokeConfig", "AWS::Serverless::Function"
_OWN_API = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:a/*"
PAIRS += [
    ("RES-023", "EU", _cfn("AWS::SNS::Subscription", **_CFN_SUB, Endpoint=_OWN_QUEUE),
     _cfn("AWS::SNS::Subscription", **_CFN_SUB, Endpoint=_OTHER_QUEUE),
     "template_body(json).Resources.X.Properties.Endpoint"),
    ("RES-023", "EU",
     _cfn("AWS::SNS::Subscription", **_CFN_SUB, Endpoint=_OWN_QUEUE, RedrivePolicy={_DLQ: _OWN_QUEUE}),
     _cfn("AWS::SNS::Subscription", **_CFN_SUB, Endpoint=_OWN_QUEUE, RedrivePolicy={_DLQ: _OTHER_QUEUE}),
     "template_body(json).Resources.X.Properties.RedrivePolicy.deadLetterTargetArn"),
    ("RES-023", "EU", _cfn("AWS::SNS::Topic", Subscription=[{"Protocol": "sqs", "Endpoint": _OWN_QUEUE}]),
     _cfn("AWS::SNS::Topic", Subscription=[{"Protocol": "sqs", "Endpoint": _OTHER_QUEUE}]),
     "template_body(json).Resources.X.Properties.Subscription[0].Endpoint"),
    ("RES-023", "EU", _cfn("AWS::Events::Rule", Targets=[{"Id": "t", "Arn": _OWN_QUEUE}]),
     _cfn("AWS::Events::Rule", Targets=[{"Id": "t", "Arn": f"arn:aws:events:eu-central-1:{_OTHER}:event-bus/default"}]),
     "template_body(json).Resources.X.Properties.Targets[0].Arn"),
    ("RES-023", "EU",
     _cfn("AWS::Events::Rule", Targets=[{"Id": "t", "Arn": _OWN_QUEUE, "DeadLetterConfig": {"Arn": _OWN_QUEUE}}]),
     _cfn("AWS::Events::Rule", Targets=[{"Id": "t", "Arn": _OWN_QUEUE, "DeadLetterConfig": {"Arn": _OTHER_QUEUE}}]),
     "template_body(json).Resources.X.Properties.Targets[0].DeadLetterConfig.Arn"),
    # A `*` principal restricted by its own SourceArn passes, as the Pulumi permission does.
    ("RES-024", "EU",
     _permission(Principal="*", SourceArn={"Fn::Sub": _OWN_API}),
     _permission(Principal="*"), "template_body(json).Resources.X.Properties.Principal"),
    ("RES-023", "EU", _permission(Principal="s3.amazonaws.com", SourceAccount={"Ref": "AWS::AccountId"}),
     _permission(Principal="s3.amazonaws.com", SourceAccount=_OTHER),
     "template_body(json).Resources.X.Properties.SourceAccount"),
    ("RES-023", "EU", _cfn(_EIC, DestinationConfig={"OnFailure": {"Destination": _OWN_QUEUE}}),
     _cfn(_EIC, DestinationConfig={"OnFailure": {"Destination": _OTHER_QUEUE}}),
     "template_body(json).Resources.X.Properties.DestinationConfig.OnFailure.Destination"),
    # SAM's function EventInvokeConfig is one FunctionEventInvokeConfig (a single map, no list index).
    ("RES-023", "EU",
     _cfn(_SAM_FN, EventInvokeConfig={"DestinationConfig": {"OnSuccess": {"Destination": _OWN_QUEUE}}}),
     _cfn(_SAM_FN, EventInvokeConfig={"DestinationConfig": {"OnSuccess": {"Type": "SQS", "Destination": _OTHER_QUEUE}}}
          ),
     "template_body(json).Resources.X.Properties.EventInvokeConfig.DestinationConfig.OnSuccess.Destination"),
]  # fmt: skip

# Pipes, schedules, subscriptions and alarms inside templates (cfntypes46, stop 46): each offending template passed
# before while its Pulumi twin was RES-023; a finding's path keeps the template's own keys (an event source mapping's
# `Destination`, a bucket notification's `Queue`), though they are judged as the Pulumi `destination_arn` / `queue_arn`.
_OTHER_TOPIC = f"arn:aws:sns:eu-central-1:{_OTHER}:t"
_OWN_TOPIC = "arn:aws:sns:eu-central-1:123456789012:t"
_ALARM = {"MetricName": "m", "Namespace": "n", "ComparisonOperator": "GreaterThanThreshold", "EvaluationPeriods": 1,
          "Threshold": 1}  # fmt: skip
_SCHEDULE = {"ScheduleExpression": "rate(1 hour)", "FlexibleTimeWindow": {"Mode": "OFF"}}
_ROLE = "arn:aws:iam::123456789012:role/r"
_ESM = {"FunctionName": "f", "EventSourceArn": "arn:aws:kinesis:eu-central-1:123456789012:stream/s"}
PAIRS += [
    ("RES-023", "EU", _cfn("AWS::Pipes::Pipe", RoleArn=_ROLE, Source=_OWN_QUEUE, Target={"Fn::GetAtt": ["Q", "Arn"]}),
     _cfn("AWS::Pipes::Pipe", RoleArn=_ROLE, Source=_OWN_QUEUE, Target=_OTHER_QUEUE),
     "template_body(json).Resources.X.Properties.Target"),
    ("RES-023", "EU", _cfn("AWS::Scheduler::Schedule", **_SCHEDULE, Target={"Arn": _OWN_QUEUE, "RoleArn": _ROLE}),
     _cfn("AWS::Scheduler::Schedule", **_SCHEDULE, Target={"Arn": _OTHER_QUEUE, "RoleArn": _ROLE}),
     "template_body(json).Resources.X.Properties.Target.Arn"),
    ("RES-023", "EU",
     _cfn("AWS::Scheduler::Schedule", **_SCHEDULE,
          Target={"Arn": _OWN_QUEUE, "RoleArn": _ROLE, "DeadLetterConfig": {"Arn": _OWN_QUEUE}}),
     _cfn("AWS::Scheduler::Schedule", **_SCHEDULE,
          Target={"Arn": _OWN_QUEUE, "RoleArn": _ROLE, "DeadLetterConfig": {"Arn": _OTHER_QUEUE}}),
     "template_body(json).Resources.X.Properties.Target.DeadLetterConfig.Arn"),
    ("RES-023", "EU",
     _cfn("AWS::Logs::SubscriptionFilter", LogGroupName="g", FilterPattern="",
          DestinationArn={"Fn::Sub": "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/s"}),
     _cfn("AWS::Logs::SubscriptionFilter", LogGroupName="g", FilterPattern="",
          DestinationArn=f"arn:aws:logs:eu-central-1:{_OTHER}:destination:d"),
     "template_body(json).Resources.X.Properties.DestinationArn"),
    ("RES-023", "EU",
     _cfn("AWS::Logs::Destination", DestinationName="d", RoleArn=_ROLE,
          TargetArn="arn:aws:kinesis:eu-central-1:123456789012:stream/s"),
     _cfn("AWS::Logs::Destination", DestinationName="d", RoleArn=_ROLE,
          TargetArn=f"arn:aws:kinesis:eu-central-1:{_OTHER}:stream/s"),
     "template_body(json).Resources.X.Properties.TargetArn"),
    ("RES-023", "EU", _cfn("AWS::CloudWatch::Alarm", **_ALARM, AlarmActions=[{"Ref": "T"}]),
     _cfn("AWS::CloudWatch::Alarm", **_ALARM, AlarmActions=[_OTHER_TOPIC]),
     "template_body(json).Resources.X.Properties.AlarmActions[0]"),
    # OKActions reads `okactions` in snake_case: the entry's `inputs` names it the Pulumi `ok_actions`.
    ("RES-023", "EU", _cfn("AWS::CloudWatch::Alarm", **_ALARM, OKActions=[_OWN_TOPIC]),
     _cfn("AWS::CloudWatch::Alarm", **_ALARM, OKActions=[_OTHER_TOPIC]),
     "template_body(json).Resources.X.Properties.OKActions[0]"),
    ("RES-023", "EU",
     _cfn("AWS::CloudWatch::CompositeAlarm", AlarmRule="ALARM(a)", InsufficientDataActions=[_OWN_TOPIC]),
     _cfn("AWS::CloudWatch::CompositeAlarm", AlarmRule="ALARM(a)", InsufficientDataActions=[_OTHER_TOPIC]),
     "template_body(json).Resources.X.Properties.InsufficientDataActions[0]"),
    ("RES-023", "EU", _cfn("AWS::SQS::Queue", RedrivePolicy={_DLQ: _OWN_QUEUE, "maxReceiveCount": 3}),
     _cfn("AWS::SQS::Queue", RedrivePolicy=json.dumps({_DLQ: _OTHER_QUEUE, "maxReceiveCount": 3})),
     "template_body(json).Resources.X.Properties.RedrivePolicy(json).deadLetterTargetArn"),
    ("RES-023", "EU", _cfn("AWS::Lambda::EventSourceMapping", **_ESM, DestinationConfig={"OnFailure": {
        "Destination": {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:dlq"}}}),
     _cfn("AWS::Lambda::EventSourceMapping", **_ESM, DestinationConfig={"OnFailure": {"Destination": _OTHER_QUEUE}}),
     "template_body(json).Resources.X.Properties.DestinationConfig.OnFailure.Destination"),
    ("RES-023", "EU",
     _cfn("AWS::S3::Bucket", NotificationConfiguration={"QueueConfigurations": [
         {"Event": "s3:ObjectCreated:*", "Queue": _OWN_QUEUE}]}),
     _cfn("AWS::S3::Bucket", NotificationConfiguration={"QueueConfigurations": [
         {"Event": "s3:ObjectCreated:*", "Queue": _OTHER_QUEUE}]}),
     "template_body(json).Resources.X.Properties.NotificationConfiguration.QueueConfigurations[0].Queue"),
    ("RES-023", "EU",
     _cfn("AWS::S3::Bucket", NotificationConfiguration={"LambdaConfigurations": [
         {"Event": "s3:ObjectCreated:*", "Function": {"Fn::GetAtt": ["F", "Arn"]}}]}),
     _cfn("AWS::S3::Bucket", NotificationConfiguration={"LambdaConfigurations": [
         {"Event": "s3:ObjectCreated:*", "Function": f"arn:aws:lambda:eu-central-1:{_OTHER}:function:f"}]}),
     "template_body(json).Resources.X.Properties.NotificationConfiguration.LambdaConfigurations[0].Function"),
]  # fmt: skip


# Event bus policies inside templates (eventbus46, stop 46): an AWS::Events::EventBusPolicy's legacy form (Principal,
# Action, Condition) is cloudwatch.EventPermission: `*` without Condition passed before while the Pulumi twin was
# RES-024; another account (a PutEvents grant: it writes into the bus) was RES-023 while the Pulumi twin passed.
_EBP = "AWS::Events::EventBusPolicy"
_EP = "aws:cloudwatch/eventPermission:EventPermission"
_EBPOL = "aws:cloudwatch/eventBusPolicy:EventBusPolicy"
_BUS_ORG = {"Key": "aws:PrincipalOrgID", "Type": "StringEquals", "Value": "o-a1b2c3d4e5"}
_BUS = "arn:aws:events:eu-central-1:123456789012:event-bus/fleet"
PAIRS += [
    ("RES-024", "EU", _cfn(_EBP, StatementId="own", Action="events:PutEvents", Principal="123456789012"),
     _cfn(_EBP, StatementId="any", Action="events:PutEvents", Principal="*"),
     "template_body(json).Resources.X.Properties.Principal"),
]  # fmt: skip


def _bus_statement(action: Any, principal: Any) -> dict[str, Any]:
    return {"Sid": "s", "Effect": "Allow", "Principal": principal, "Action": action, "Resource": _BUS}


def test_a_templates_event_bus_policy_is_judged_as_the_pulumi_permission_or_policy() -> None:
    # eventbus46 (stop 46): each template form gets its Pulumi twin's ids and detail (one judgement).
    legacy: list[tuple[dict[str, Any], dict[str, Any]]] = [
        ({"Principal": "*"}, {"principal": "*"}),
        ({"Principal": "*", "Condition": _BUS_ORG},
         {"principal": "*", "condition": {k.lower(): v for k, v in _BUS_ORG.items()}}),
        ({"Principal": _OTHER}, {"principal": _OTHER}),
        ({"Principal": "123456789012", "EventBusName": "fleet"},
         {"principal": "123456789012", "event_bus_name": "fleet"}),
    ]  # fmt: skip
    for template, pulumi_form in legacy:
        found = RuleEngine("EU").check(_cfn(_EBP, StatementId="s", Action="events:PutEvents", **template))[0]
        # Named as the template resource's logical id: a `public:` declaration names each by it.
        props = {"statement_id": "s", "action": "events:PutEvents", **pulumi_form}
        twin = RuleEngine("EU").check(Subject(_EP, "X", props, _PINNED_EU))[0]
        assert [(f.resource_type, f.rule.id, f.detail) for f in found] == [
            (_STACK, f.rule.id, f.detail) for f in twin
        ], template
    (open_,) = RuleEngine("EU").check(_cfn(_EBP, StatementId="s", Action="events:PutEvents", Principal="*"))[0]
    with pytest.raises(AssertionError, match=r"`\*`.*condition"):
        raise AssertionError(open_.detail)
    # The Statement form is the Pulumi EventBusPolicy's `policy` statement: the template's statement reading gives the
    # same ids and details, a partner's PutEvents-only grant included (RES-023 until stop 47; since inbound47 it passes
    # in both, as the legacy form and EventPermission do: docs/residency.md "Action-aware resource-policy grants").
    other = {"AWS": f"arn:aws:iam::{_OTHER}:root"}
    for action in ("events:PutEvents", "events:PutRule", ["events:PutRule", "events:PutTargets"], "events:*"):
        for principal in (other, "*", {"AWS": "*"}, {"AWS": "arn:aws:iam::123456789012:root"}):
            statement = _bus_statement(action, principal)
            found = RuleEngine("EU").check(_cfn(_EBP, StatementId="s", Statement=statement))[0]
            policy_ = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
            # A template's statement is declared public by the stack's name ("r"), as every template resource policy.
            twin = RuleEngine("EU").check(aws(_EBPOL, _PINNED_EU, policy=policy_))[0]
            assert [(f.rule.id, f.detail) for f in found] == [(f.rule.id, f.detail) for f in twin], (action, principal)
    put_events = _bus_statement("events:PutEvents", other)
    assert RuleEngine("EU").check(_cfn(_EBP, StatementId="s", Statement=put_events))[0] == []
    (partner,) = RuleEngine("EU").check(_cfn(_EBP, StatementId="s", Statement=_bus_statement("events:PutRule", other)))[
        0
    ]
    assert partner.rule.id == "RES-023"


def _assert_judged_as_twin(code: str, stack: str, pairs: list[tuple[Subject, Subject]]) -> None:
    """Each template subject (a stack whose template holds one resource) has exactly one finding, with its Pulumi
    twin's rule and detail, reported on the stack type ``stack``: one judgement whichever form writes the value."""
    for template, pulumi_form in pairs:
        (finding,) = RuleEngine(code).check(template)[0]
        (twin,) = RuleEngine(code).check(pulumi_form)[0]
        assert (finding.resource_type, finding.rule.id, finding.detail) == (stack, twin.rule.id, twin.detail)


def test_a_templates_subscription_target_and_permission_are_judged_as_the_pulumi_resources() -> None:
    # cfnmap45 (stop 45): the finding is the stack's, its detail the Pulumi twin's (one judgement).
    pairs = [
        (_cfn("AWS::SNS::Subscription", **_CFN_SUB, Endpoint=_OTHER_QUEUE),
         aws("aws:sns/topicSubscription:TopicSubscription", _PINNED_EU, topic=_CFN_SUB["TopicArn"], protocol="sqs",
             endpoint=_OTHER_QUEUE)),
        (_cfn("AWS::Events::Rule", Targets=[{"Id": "t", "Arn": _OTHER_QUEUE}]),
         aws("aws:cloudwatch/eventTarget:EventTarget", _PINNED_EU, rule="r", arn=_OTHER_QUEUE)),
        (_permission(Principal="s3.amazonaws.com", SourceAccount=_OTHER),
         aws("aws:lambda/permission:Permission", _PINNED_EU, action="lambda:InvokeFunction", function="f",
             principal="s3.amazonaws.com", source_account=_OTHER)),
    ]  # fmt: skip
    _assert_judged_as_twin("EU", _STACK, pairs)
    with pytest.raises(AssertionError, match=rf"belongs to account {_OTHER}, which receives what the stack writes"):
        raise AssertionError(RuleEngine("EU").check(pairs[0][0])[0][0].detail)
    # The permission's `*` is declared public by the template resource's logical id, as a Pulumi one by its name.
    (open_,) = RuleEngine("EU").check(_permission(Principal="*"))[0]
    with pytest.raises(AssertionError, match=r"grants `\*` \(every account, anyone\) with no source_arn.*public:X"):
        raise AssertionError(open_.detail)


def test_template_pipes_schedules_subscriptions_and_alarms_are_judged_as_the_pulumi_resources() -> None:
    # cfntypes46 (stop 46): the finding is the stack's, its detail the Pulumi twin's (one judgement).
    esm = {"function_name": "f", "event_source_arn": _ESM["EventSourceArn"]}
    pairs = [
        (_cfn("AWS::Pipes::Pipe", RoleArn=_ROLE, Source=_OWN_QUEUE, Target=_OTHER_QUEUE),
         aws("aws:pipes/pipe:Pipe", _PINNED_EU, role_arn=_ROLE, source=_OWN_QUEUE, target=_OTHER_QUEUE)),
        (_cfn("AWS::Scheduler::Schedule", **_SCHEDULE, Target={"Arn": _OTHER_QUEUE, "RoleArn": _ROLE}),
         aws("aws:scheduler/schedule:Schedule", _PINNED_EU, schedule_expression="rate(1 hour)",
             flexible_time_window={"mode": "OFF"}, target={"arn": _OTHER_QUEUE, "role_arn": _ROLE})),
        (_cfn("AWS::CloudWatch::Alarm", **_ALARM, OKActions=[_OTHER_TOPIC]),
         aws("aws:cloudwatch/metricAlarm:MetricAlarm", _PINNED_EU, comparison_operator="GreaterThanThreshold",
             evaluation_periods=1, ok_actions=[_OTHER_TOPIC])),
        (_cfn("AWS::Lambda::EventSourceMapping", **_ESM,
              DestinationConfig={"OnFailure": {"Destination": _OTHER_QUEUE}}),
         aws("aws:lambda/eventSourceMapping:EventSourceMapping", _PINNED_EU, **esm,
             destination_config={"on_failure": {"destination_arn": _OTHER_QUEUE}})),
        (_cfn("AWS::S3::Bucket", NotificationConfiguration={"TopicConfigurations": [
            {"Event": "s3:ObjectCreated:*", "Topic": _OTHER_TOPIC}]}),
         aws("aws:s3/bucketNotification:BucketNotification", _PINNED_EU, bucket="b",
             topics=[{"events": ["s3:ObjectCreated:*"], "topic_arn": _OTHER_TOPIC}])),
    ]  # fmt: skip
    _assert_judged_as_twin("EU", _STACK, pairs)
    with pytest.raises(AssertionError, match=rf"belongs to account {_OTHER}, which receives what the stack writes"):
        raise AssertionError(RuleEngine("EU").check(pairs[3][0])[0][0].detail)
    # A key renamed for the Pulumi type (`keys`) is renamed only there: the same `Destination` / `Queue` key elsewhere
    # in the template, and the rename once the mapped property is left, are as before.
    sibling = {
        "Resources": {
            "X": {
                "Type": "AWS::Lambda::EventSourceMapping",
                "Properties": {**_ESM, "DestinationConfig": {"OnFailure": {"Destination": _OTHER_QUEUE}}},
            },
            "Y": {"Type": _EIC, "Properties": {"DestinationConfig": {"OnFailure": {"Destination": _OTHER_QUEUE}}}},
        }
    }
    findings = RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=json.dumps(sibling)))[0]
    assert sorted(f.path for f in findings) == [
        f"template_body(json).Resources.{x}.Properties.DestinationConfig.OnFailure.Destination" for x in "XY"
    ]


def test_template_alarm_description_and_filter_pattern_are_the_pulumi_text_and_match_fields() -> None:
    # cfntypes46 (stop 46): false alarms on main (RES-015: the runbook URL, the pattern's host) that the Pulumi twins
    # never raised: an alarm's description is a text field, a filter pattern a match field.
    runbook = "Queue backlog: follow https://runbooks.fleet-ops.example.com/queues/jobs"
    pattern = json.dumps({"data": {"origin": ["ingest.fleet-ops.example.com"]}})
    compliant = [
        _cfn("AWS::CloudWatch::Alarm", **_ALARM, AlarmDescription=runbook, AlarmActions=[_OWN_TOPIC]),
        _cfn("AWS::CloudWatch::CompositeAlarm", AlarmRule="ALARM(a)", AlarmDescription=runbook),
        _cfn("AWS::Lambda::EventSourceMapping", **_ESM, FilterCriteria={"Filters": [{"Pattern": pattern}]}),
        _cfn("AWS::Logs::SubscriptionFilter", LogGroupName="g", FilterPattern="{ $.host = \"partner.example.com\" }",
             DestinationArn="arn:aws:kinesis:eu-central-1:123456789012:stream/s"),
    ]  # fmt: skip
    for subject in compliant:
        assert RuleEngine("EU").check(subject)[0] == []
    # The same URL in a resource that is not mapped stays judged as template text.
    (finding,) = RuleEngine("EU").check(_cfn("AWS::SSM::Parameter", Type="String", Value=runbook))[0]
    assert finding.rule.id == "RES-015"


def test_a_sam_api_definition_body_is_judged_as_the_pulumi_body() -> None:
    # cfnmap45 (stop 45): SAM's DefinitionBody is the RestApi / HTTP API Body SAM generates: an open S3 read is
    # RES-024 (it passed), under IAM it passes.
    rest = json.loads(_open_api_template(security=False))["Resources"]["FilesApi"]["Properties"]["Body"]
    secured = json.loads(_open_api_template(security=True))["Resources"]["FilesApi"]["Properties"]["Body"]
    queue = "https://sqs.eu-central-1.amazonaws.com/123456789012/jobs"
    receive = {"type": "aws_proxy", "integrationSubtype": "SQS-ReceiveMessage", "payloadFormatVersion": "1.0",
               "requestParameters": {"QueueUrl": queue}}  # fmt: skip
    http = {"openapi": "3.0.1", "paths": {"/jobs": {"get": {"x-amazon-apigateway-integration": receive}}}}
    http_secured = {**http, **{k: secured[k] for k in ("security", "components")}}
    for kind, body, iam in (("AWS::Serverless::Api", rest, secured), ("AWS::Serverless::HttpApi", http, http_secured)):
        ids = {f.rule.id for f in RuleEngine("EU").check(_cfn(kind, StageName="prod", DefinitionBody=body))[0]}
        assert "RES-024" in ids, kind
        ids = {f.rule.id for f in RuleEngine("EU").check(_cfn(kind, StageName="prod", DefinitionBody=iam))[0]}
        assert "RES-024" not in ids, kind


def test_a_templates_state_machine_is_judged_as_the_pulumi_state_machine() -> None:
    # The same Task in a Pulumi sfn.StateMachine and in a template: the same finding and message, the stack's.
    offending = aws(_STACK, _PINNED_EU, template_body=_sfn_template(_CFN_TOPIC.format(_OTHER)))
    (finding,) = RuleEngine("EU").check(offending)[0]
    assert (finding.resource_type, finding.resource_name) == (_STACK, "r")
    with pytest.raises(AssertionError, match=rf"belongs to account {_OTHER}, which receives what the stack writes"):
        raise AssertionError(finding.detail)
    task = {"TopicArn": _CFN_TOPIC.format(_OTHER), "Message.$": "$.m"}
    pulumi_form = aws("aws:sfn/stateMachine:StateMachine", _PINNED_EU, definition=_state("sns:publish", task))
    (twin,) = RuleEngine("EU").check(pulumi_form)[0]
    assert twin.detail == finding.detail
    # A read of the partner's table (read_only) passes in the template as in Pulumi.
    get = _state("dynamodb:getItem", {"TableName": f"arn:aws:dynamodb:eu-central-1:{_OTHER}:table/t"})
    read = json.dumps(
        {"Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": get}}}}
    )
    assert RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=read))[0] == []


def test_a_templates_open_api_is_declared_public_by_its_logical_id() -> None:
    offending = aws(_STACK, _PINNED_EU, template_body=_open_api_template(security=False))
    (finding,) = RuleEngine("EU").check(offending)[0]
    with pytest.raises(AssertionError, match=r'"match": "public:FilesApi"'):
        raise AssertionError(finding.detail)
    declared = parse_destinations([{"id": "files", "kind": "resident", "match": "public:FilesApi",
                                    "evidence": "public website content"}])  # fmt: skip
    (covered,) = RuleEngine("EU", destinations=declared).check(offending)[0]
    assert covered.declared_by == "files"


@pytest.mark.parametrize(("token", "path", "props"), _RED44_WRITES, ids=[p for _, p, _ in _RED44_WRITES])
def test_a_resource_written_into_names_the_receiving_account(
    token: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # AWS red team, round 16 (stop 44): another account's destination is refused unless pinned or declared.
    offending = aws(token, _PINNED_EU, **props(_RED44_ARN[token].format(_OTHER)))
    findings = [f for f in RuleEngine("EU").check(offending)[0] if f.rule.id == "RES-023"]
    assert [f.path for f in findings] == [path]
    with pytest.raises(
        AssertionError, match=rf"belongs to account {_OTHER}, which receives what the stack writes there"
    ):
        raise AssertionError(findings[0].detail)
    declared = parse_destinations(
        [
            {
                "id": "partner",
                "kind": "resident",
                "match": f"arn:aws:iam::{_OTHER}:",
                "evidence": "the partner's EU account",
            }
        ]
    )
    covered = RuleEngine("EU", destinations=declared).check(offending)[0]
    assert [f.declared_by for f in covered if f.rule.id == "RES-023"] == ["partner"]


@pytest.mark.parametrize(("token", "rest"), _LATTICE_JOINS, ids=[t.split(":")[1] for t, _ in _LATTICE_JOINS])
def test_a_lattice_service_joined_to_another_accounts_network_grants_it(token: str, rest: dict[str, Any]) -> None:
    engine = RuleEngine("EU")
    offending = aws(token, _PINNED_EU, **rest, service_network_identifier=_LATTICE_NETWORK.format(_OTHER))
    (finding,) = [f for f in engine.check(offending)[0] if f.rule.id == "RES-023"]
    with pytest.raises(AssertionError, match=rf"Account {_OTHER} is granted access"):
        raise AssertionError(finding.detail)
    # the network's id names no account (an own network in the same account is used by id)
    assert engine.check(aws(token, _PINNED_EU, **rest, service_network_identifier="sn-0123456789abcdef0"))[0] == []
    # in aws-cn the account is judged by its partition
    cn = aws(
        token,
        AWS_CN,
        **rest,
        service_network_identifier=f"arn:aws-cn:vpc-lattice:cn-north-1:{_OTHER}:servicenetwork/sn-1",
    )
    assert RuleEngine("CN").check(cn)[0] == []


# AWS red team, round 17 (stop 45): more types no round had listed that name another account's resource the stack
# writes into (written_account_fields) or the account it grants its data (granted_account_fields). Each offending
# subject passed on the unchanged catalogue (the awsred45-*-partner table programs).
_RED45_WRITES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration",
     "log_configurations[0].firehose_configuration.stream_arn",
     lambda a: {"user_pool_id": "eu-central-1_abc", "log_configurations": [{
         "event_source": "userAuthEvents", "log_level": "INFO",
         "firehose_configuration": {"stream_arn": f"arn:aws:firehose:eu-central-1:{a}:deliverystream/auth"}}]}),
    ("aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration",
     "log_configurations[0].cloud_watch_logs_configuration.log_group_arn",
     lambda a: {"user_pool_id": "eu-central-1_abc", "log_configurations": [{
         "event_source": "userNotification", "log_level": "ERROR",
         "cloud_watch_logs_configuration": {"log_group_arn": f"arn:aws:logs:eu-central-1:{a}:log-group:/cognito"}}]}),
    ("aws:appsync/sourceApiAssociation:SourceApiAssociation", "source_api_arn",
     lambda a: {"merged_api_id": "m1", "source_api_arn": f"arn:aws:appsync:eu-central-1:{a}:apis/src1"}),
    ("aws:lambda/invocation:Invocation", "function_name",
     lambda a: {"function_name": f"arn:aws:lambda:eu-central-1:{a}:function:seed", "input": "{}"}),
    ("aws:customerprofiles/domain:Domain", "dead_letter_queue_url",
     lambda a: {"domain_name": "customers", "default_expiration_days": 365,
                "dead_letter_queue_url": f"https://sqs.eu-central-1.amazonaws.com/{a}/profiles-dlq"}),
]  # fmt: skip
_RED45_GRANTS: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:directoryservice/sharedDirectory:SharedDirectory", "target.id",
     lambda a: {"directory_id": "d-0123456789", "target": {"id": a}}),
    ("aws:appsync/sourceApiAssociation:SourceApiAssociation", "merged_api_arn",
     lambda a: {"source_api_id": "s1", "merged_api_arn": f"arn:aws:appsync:eu-central-1:{a}:apis/merged1"}),
    ("aws:organizations/delegatedAdministrator:DelegatedAdministrator", "account_id",
     lambda a: {"account_id": a, "service_principal": "securityhub.amazonaws.com"}),
]  # fmt: skip
PAIRS += [
    ("RES-023", "EU", aws(token, _PINNED_EU, **props("123456789012")), aws(token, _PINNED_EU, **props(_OTHER)), path)
    for token, path, props in _RED45_WRITES + _RED45_GRANTS
]


@pytest.mark.parametrize(
    ("token", "path", "props", "text"),
    [(*w, "which receives what the stack writes there") for w in _RED45_WRITES]
    + [(*g, "is granted access") for g in _RED45_GRANTS],
    ids=[f"{t.split(':')[1]}-{p}" for t, p, _ in _RED45_WRITES + _RED45_GRANTS],
)
def test_round_17_names_the_receiving_account(
    token: str, path: str, props: Callable[[str], dict[str, Any]], text: str
) -> None:
    # AWS red team, round 17 (stop 45): another account is refused unless pinned or declared; the own passes pinned.
    engine = RuleEngine("EU")
    findings = [f for f in engine.check(aws(token, _PINNED_EU, **props(_OTHER)))[0] if f.rule.id == "RES-023"]
    assert [f.path for f in findings] == [path]
    with pytest.raises(AssertionError, match=rf"{_OTHER}.*{text}|{text}.*{_OTHER}|Account {_OTHER} {text}"):
        raise AssertionError(findings[0].detail)
    assert [f for f in engine.check(aws(token, _PINNED_EU, **props("123456789012")))[0] if f.rule.id == "RES-023"] == []
    declared = parse_destinations(
        [
            {
                "id": "partner",
                "kind": "resident",
                "match": f"arn:aws:iam::{_OTHER}:",
                "evidence": "the partner's EU account",
            }
        ]
    )
    covered = RuleEngine("EU", destinations=declared).check(aws(token, _PINNED_EU, **props(_OTHER)))[0]
    assert [f.declared_by for f in covered if f.rule.id == "RES-023"] == ["partner"]


def test_a_stream_is_proven_by_its_id_not_by_its_arn_input() -> None:
    # awsred45 (stop 45): a Kinesis / Firehose stream's `arn` is an input too; only its physical `id` (its ARN, assigned
    # by the provider) proves the stream the stack made (made_account_arns `output: id`).
    engine = RuleEngine("EU")
    own = "arn:aws:kinesis:eu-central-1:123456789012:stream/logs"
    set_by_program = "arn:aws:kinesis:eu-central-1:210987654321:stream/logs"
    assert engine.made_arns("aws:kinesis/stream:Stream", {"id": own, "arn": set_by_program}) == [made_arn_key(own)]
    assert engine.made_arns("aws:kinesis/stream:Stream", {"arn": own}) == []
    firehose = "arn:aws:firehose:eu-central-1:123456789012:deliverystream/events"
    token = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"
    assert engine.made_arns(token, {"id": firehose, "arn": firehose}) == [made_arn_key(firehose)]


# AWS red team, round 18 (stop 46): more types no round had listed that name another account's resource the stack
# writes into (written_account_fields) or the account it grants its data (granted_account_fields). Each offending
# subject passed on the unchanged catalogue (the awsred46-*-partner table programs).
_RED46_WRITES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration",
     "elements[0].kinesis_data_stream_sink_configuration.insights_target",
     lambda a: {"name": "calls", "resource_access_role_arn": "arn:aws:iam::123456789012:role/r", "elements": [{
         "type": "KinesisDataStreamSink", "kinesis_data_stream_sink_configuration": {
             "insights_target": f"arn:aws:kinesis:eu-central-1:{a}:stream/calls"}}]}),
    ("aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration",
     "elements[0].sns_topic_sink_configuration.insights_target",
     lambda a: {"name": "calls", "elements": [{"type": "SnsTopicSink", "sns_topic_sink_configuration": {
         "insights_target": f"arn:aws:sns:eu-central-1:{a}:calls"}}]}),
    ("aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration",
     "elements[0].sqs_queue_sink_configuration.insights_target",
     lambda a: {"name": "calls", "elements": [{"type": "SqsQueueSink", "sqs_queue_sink_configuration": {
         "insights_target": f"arn:aws:sqs:eu-central-1:{a}:calls"}}]}),
    ("aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration",
     "elements[0].lambda_function_sink_configuration.insights_target",
     lambda a: {"name": "calls", "elements": [{"type": "LambdaFunctionSink", "lambda_function_sink_configuration": {
         "insights_target": f"arn:aws:lambda:eu-central-1:{a}:function:calls"}}]}),
    ("aws:lex/botAlias:BotAlias", "conversation_logs.log_settings[0].resource_arn",
     lambda a: {"bot_name": "b", "bot_version": "1", "name": "live", "conversation_logs": {"log_settings": [{
         "destination": "CLOUDWATCH_LOGS", "log_type": "TEXT",
         "resource_arn": f"arn:aws:logs:eu-central-1:{a}:log-group:lex"}]}}),
    ("aws:amp/queryLoggingConfiguration:QueryLoggingConfiguration", "destinations[0].cloudwatch_logs.log_group_arn",
     lambda a: {"workspace_id": "ws-1", "destinations": [{"cloudwatch_logs": {
         "log_group_arn": f"arn:aws:logs:eu-central-1:{a}:log-group:q:*"}}]}),
    ("aws:amp/scraperLoggingConfiguration:ScraperLoggingConfiguration",
     "logging_destination.cloudwatch_logs.log_group_arn",
     lambda a: {"scraper_id": "s-1", "logging_destination": {"cloudwatch_logs": {
         "log_group_arn": f"arn:aws:logs:eu-central-1:{a}:log-group:s:*"}}}),
    ("aws:ec2/vpcEndpointConnectionNotification:VpcEndpointConnectionNotification", "connection_notification_arn",
     lambda a: {"vpc_endpoint_service_id": "vpce-svc-1", "connection_events": ["Accept"],
                "connection_notification_arn": f"arn:aws:sns:eu-central-1:{a}:connections"}),
    ("aws:pinpoint/smsvoicev2PhoneNumber:Smsvoicev2PhoneNumber", "two_way_channel_arn",
     lambda a: {"iso_country_code": "DE", "message_type": "TRANSACTIONAL", "number_capabilities": ["SMS"],
                "number_type": "LONG_CODE", "two_way_channel_enabled": True,
                "two_way_channel_arn": f"arn:aws:sns:eu-central-1:{a}:inbound"}),
    ("aws:pinpoint/smsvoicev2Pool:Smsvoicev2Pool", "two_way_channel_arn",
     lambda a: {"origination_identities": ["arn:aws:sms-voice:eu-central-1:123456789012:phone-number/p-1"],
                "message_type": "TRANSACTIONAL", "two_way_enabled": True,
                "two_way_channel_arn": f"arn:aws:sns:eu-central-1:{a}:inbound"}),
    ("aws:redshift/dataShareConsumerAssociation:DataShareConsumerAssociation", "data_share_arn",
     lambda a: {"data_share_arn": f"arn:aws:redshift:eu-central-1:{a}:datashare:ns/ledger",
                "associate_entire_account": True, "allow_writes": True}),
]  # fmt: skip
_RED46_GRANTS: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:guardduty/organizationAdminAccount:OrganizationAdminAccount", "admin_account_id",
     lambda a: {"admin_account_id": a}),
    ("aws:securityhub/organizationAdminAccount:OrganizationAdminAccount", "admin_account_id",
     lambda a: {"admin_account_id": a}),
    ("aws:detective/organizationAdminAccount:OrganizationAdminAccount", "account_id", lambda a: {"account_id": a}),
    ("aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount", "account_id", lambda a: {"account_id": a}),
    ("aws:macie2/organizationAdminAccount:OrganizationAdminAccount", "admin_account_id",
     lambda a: {"admin_account_id": a}),
    ("aws:guardduty/inviteAccepter:InviteAccepter", "master_account_id",
     lambda a: {"detector_id": "d-1", "master_account_id": a}),
    ("aws:securityhub/inviteAccepter:InviteAccepter", "master_id", lambda a: {"master_id": a}),
    ("aws:detective/invitationAccepter:InvitationAccepter", "graph_arn",
     lambda a: {"graph_arn": f"arn:aws:detective:eu-central-1:{a}:graph:0a1b2c"}),
    ("aws:macie2/invitationAccepter:InvitationAccepter", "administrator_account_id",
     lambda a: {"administrator_account_id": a}),
    ("aws:cfg/aggregateAuthorization:AggregateAuthorization", "account_id",
     lambda a: {"account_id": a, "authorized_aws_region": "eu-central-1"}),
]  # fmt: skip
PAIRS += [
    ("RES-023", "EU", aws(token, _PINNED_EU, **props("123456789012")), aws(token, _PINNED_EU, **props(_OTHER)), path)
    for token, path, props in _RED46_WRITES + _RED46_GRANTS
]


@pytest.mark.parametrize(
    ("token", "path", "props", "text"),
    [(*w, "which receives what the stack writes there") for w in _RED46_WRITES]
    + [(*g, "is granted access") for g in _RED46_GRANTS],
    ids=[f"{t.split(':')[1]}-{p}" for t, p, _ in _RED46_WRITES + _RED46_GRANTS],
)
def test_round_18_names_the_receiving_account(
    token: str, path: str, props: Callable[[str], dict[str, Any]], text: str
) -> None:
    # AWS red team, round 18 (stop 46): another account is refused unless pinned or declared; the own passes pinned;
    # aws-cn by partition.
    test_round_17_names_the_receiving_account(token, path, props, text)
    cn = props(_OTHER)
    cn_subject = aws(token, AWS_CN, **json.loads(json.dumps(cn).replace("arn:aws:", "arn:aws-cn:")
                                                 .replace("eu-central-1", "cn-north-1")))  # fmt: skip
    assert [f for f in RuleEngine("CN").check(cn_subject)[0] if f.rule.id == "RES-023"] == []


_DATASHARE = "aws:redshift/dataShareConsumerAssociation:DataShareConsumerAssociation"


@pytest.mark.parametrize(
    ("beside", "judged"),
    [
        ({}, False),  # no writes: the association reads the producer's datashare into the stack
        ({"allow_writes": False}, False),
        ({"allowWrites": "false"}, False),  # camelCase and text, as the pack and a state file give it
        ({"allow_writes": True}, True),
        ({"allowWrites": "True"}, True),
        ({"allow_writes": object()}, True),  # not known yet (neither true nor false): judged, fail closed
    ],
)
def test_a_datashare_association_is_a_write_only_with_allow_writes(beside: dict[str, Any], judged: bool) -> None:
    # awsred46 (stop 46): `written_when` judges a written field only when the input beside it says the call writes.
    share = f"arn:aws:redshift:eu-central-1:{_OTHER}:datashare:ns/ledger"
    subject = aws(_DATASHARE, _PINNED_EU, data_share_arn=share, associate_entire_account=True, **beside)
    findings = [f for f in RuleEngine("EU").check(subject)[0] if f.rule.id == "RES-023"]
    assert [f.path for f in findings] == (["data_share_arn"] if judged else [])
    # Whatever `allow_writes` says, a datashare abroad is still judged by its Region (RES-004).
    abroad = aws(_DATASHARE, _PINNED_EU, data_share_arn=share.replace("eu-central-1", "us-east-1"), **beside)
    assert [f.rule.id for f in RuleEngine("EU").check(abroad)[0]] == ["RES-004"]


@pytest.mark.parametrize(
    ("token", "path", "value", "props"),
    [
        ("aws:ec2/trafficMirrorSession:TrafficMirrorSession", "traffic_mirror_target_id", "tmt-0a1b2c3d4e5f67890",
         {"network_interface_id": "eni-1", "traffic_mirror_filter_id": "tmf-1", "session_number": 1}),
        ("aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter", "vpc_peering_connection_id",
         "pcx-0a1b2c3d4e5f67890", {"auto_accept": True}),
    ],
)  # fmt: skip
def test_a_network_join_the_stack_did_not_make_is_refused_until_declared(
    token: str, path: str, value: str, props: dict[str, Any]
) -> None:
    # awsred46 (stop 46): a `tmt-` (traffic mirror target) or `pcx-` (peering) id names no account or Region: another
    # account may share its target through RAM or request the peering from any Region.
    subject = aws(token, _PINNED_EU, **{path: value}, **props)
    findings = RuleEngine("EU").check(subject)[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-017", path)]
    with pytest.raises(AssertionError, match=value):
        raise AssertionError(findings[0].detail)
    declared = parse_destinations([{"id": "net", "kind": "resident", "match": value, "evidence": "network account"}])
    covered = RuleEngine("EU", destinations=declared).check(subject)[0]
    assert [f.declared_by for f in covered] == ["net"]
    # The stack's own target or connection (its id Output) passes: awsred46-*-mirror-own-target, -peering-accept-own.


# Alibaba Cloud ANONYMOUS APIs with OSS backends (stop 44, ossbackend44): an ANONYMOUS Api with `backend_enabled` is
# served by the Backend its `backend_id` names; the join (as a Route's target names an Integration) answers whether
# that is a Backend of the program whose `backend_type` is not OSS. An id the program does not make proves nothing.
_ALI_API = "alicloud:apigateway/api:Api"


def _ali_api(auth: str = "ANONYMOUS", enabled: Any = True, backend: Any = "bk-1", pin: Any = ALI_CN) -> Subject:
    props: dict[str, Any] = {"group_id": "g", "name": "images", "auth_type": auth, "service_type": "HTTP"}
    if enabled is not None:
        props["backend_enabled"] = enabled
    if backend is not None:
        props["backend_id"] = backend
    return ali(_ALI_API, pin, **props)


@pytest.mark.parametrize(
    ("backends", "named", "not_oss"),
    [
        ([("own", {"backend_type": "FC_EVENT"})], "own", True),
        ([("own", {"backendType": "HTTP"})], "own", True),  # camelCase, as the policy pack reads it
        ([("own", {"backend_type": "OSS"})], "own", False),
        ([("own", {"backend_type": "oss"})], "own", False),  # compared case-insensitively (fail closed)
        ([("own", {})], "own", False),  # a type that is not told proves nothing
        ([("other", {"backend_type": "HTTP"})], "own", False),  # an id the program does not make
        ([], "own", False),
        ([("own", {"backend_type": "HTTP"})], None, False),  # a backend_id that cannot be told
        ([("literal", {"backend_type": "VPC"})], "literal", True),  # the Backend's own id, written out
        ([("other", {"backend_type": "OSS"})], "none", True),  # no backend_id: the Api's own service
    ],
)
def test_the_join_answers_whether_an_ali_apis_backend_is_not_oss(
    backends: list[tuple[str, dict[str, Any]]], named: str | None, not_oss: bool
) -> None:
    from components.residency import stages

    keys = {
        "own": stages.own_api_key("urn:backend", "bk-1"),
        "other": stages.own_api_key("urn:other", "bk-2"),
        "literal": stages.own_api_key("urn:backend", "bk-1"),
    }
    names = {"own": ("urn", "urn:backend"), "literal": ("id", "bk-1"), "none": stages.NO_BACKEND, None: None}
    join = stages.StageJoin()
    for which, props in backends:
        join.add(stages.BACKEND_TYPE, props, keys[which])
    known = stages.with_stages(lambda _: False, join, stages.ALI_API_TYPE, None, None, (names[named], None))
    assert known(stages.METHOD_AUTHORIZED) is not_oss


def test_the_ali_api_names_its_backend_by_backend_id_or_none() -> None:
    from components.residency import stages

    assert stages.member_key_input(stages.ALI_API_TYPE) == "backend_id"
    own = stages.own_api_key("urn:api")
    assert stages.integration_method(stages.ALI_API_TYPE, {}, own, None, lambda _: False) == (stages.NO_BACKEND, None)
    key = ("urn", "urn:backend")
    assert stages.integration_method(stages.ALI_API_TYPE, {"backendId": "x"}, own, key, lambda _: False) == (key, None)
    assert stages.ALI_API_TYPE in stages.JOINED_PUBLIC_TYPES and stages.BACKEND_TYPE in stages.SELF_KEYED_TYPES


@pytest.mark.parametrize("pin", [ALI_CN, _ALI_JP], ids=["cn", "jp"])
def test_an_anonymous_ali_api_is_refused_unless_the_join_proves_its_backend_not_oss(pin: ProviderRef) -> None:
    code = "CN" if pin is ALI_CN else "JP"
    (finding,) = RuleEngine(code).check(_ali_api(pin=pin))[0]
    assert finding.rule.id == "RES-024" and finding.path == "auth_type"
    with pytest.raises(
        AssertionError,
        match=r"The ANONYMOUS API sends every caller to the Backend its `backend_id` names \(`backend_enabled`\) "
        r"with no authentication, and that Backend is an OSS bucket \(`backend_type` OSS\), or one the program does "
        r"not make",
    ):
        raise AssertionError(finding.message)
    assert 'match": "public:' in finding.message
    assert RuleEngine(code).check(_ali_api(pin=pin), known=lambda text: True)[0] == []  # the join: not OSS
    assert RuleEngine(code).check(_ali_api("APP", pin=pin))[0] == []  # APP authentication: not judged
    assert RuleEngine(code).check(_ali_api(enabled=False, pin=pin))[0] == []  # the id is not sent
    assert RuleEngine(code).check(_ali_api(enabled=None, pin=pin))[0] == []
    assert [f.rule.id for f in RuleEngine(code).check(_ali_api(enabled="true", pin=pin))[0]] == ["RES-024"]


# API joins every door judges alike (stop 45, apijoin45): a literal `backend_id` may name a Backend of a preview
# document whose id is not known yet (its type decides; the guard learns every id, or keys it ID_NOT_KNOWN: fail
# closed); `backend_enabled` decided at deployment counts as true (fail closed where the backend would be OSS); an
# open HTTP API Route whose target the guard cannot tell yet is judged at the Route, an authorized one still counts.
@pytest.mark.parametrize(
    ("backend", "not_oss"),
    [
        ({"backend_type": "HTTP"}, True),  # a preview's Backend with no id: the literal may name it, its type decides
        ({"backend_type": "OSS"}, False),
        ("id-not-known", False),  # the guard could not learn the Backend's id: no literal matches it
        ("other-id", False),  # another id, known: not the one named
    ],
)
def test_a_literal_backend_id_may_name_a_backend_whose_id_a_preview_does_not_know(backend: Any, not_oss: bool) -> None:
    from components.residency import stages

    join = stages.StageJoin()
    if backend == "id-not-known":
        join.add(stages.BACKEND_TYPE, {"backend_type": "HTTP"}, stages.ApiKeys({("resources", 1), stages.ID_NOT_KNOWN}))
    elif backend == "other-id":
        join.add(stages.BACKEND_TYPE, {"backend_type": "HTTP"}, stages.own_api_key("urn:backend", "bk-2"))
    else:
        join.add(stages.BACKEND_TYPE, backend, stages.own_api_key("urn:backend"))
    assert join.backend_not_oss(("id", "bk-1")) is not_oss
    # a backend_id computed from another resource (its URN) is not a literal: only that resource matches
    assert join.backend_not_oss(("urn", "urn:elsewhere")) is False


def test_backend_enabled_decided_at_deployment_counts_as_true() -> None:
    deferred = _ali_api(enabled="<unknown>")
    (finding,) = RuleEngine("CN").check(deferred, defer=lambda v: v == "<unknown>")[0]
    assert finding.rule.id == "RES-024" and finding.path == "auth_type"
    with pytest.raises(AssertionError, match=r"that Backend is an OSS bucket \(`backend_type` OSS\)"):
        raise AssertionError(finding.message)
    assert RuleEngine("CN").check(deferred, defer=lambda v: v == "<unknown>", known=lambda text: True)[0] == []
    assert RuleEngine("CN").check(_ali_api(enabled=None), defer=lambda v: v == "<unknown>")[0] == []  # unset
    # the guard holds the Api's inputs while backend_enabled is an Output (judged once it resolves)
    assert "backend_enabled" in RuleEngine("CN").context_inputs[_ALI_API]


@pytest.mark.parametrize(
    ("routes", "authorized"),
    [
        ([("AWS_IAM", "later")], True),  # an authorized Route whose target is not told yet may be this one's
        ([("AWS_IAM", "later"), ("NONE", "later")], True),  # the open one is judged at the Route
        ([("NONE", "later")], False),  # no Route counted: nothing proves the callers authenticate
        ([("AWS_IAM", "later"), ("NONE", "own")], False),  # an open Route to this integration
        ([("AWS_IAM", "own"), ("NONE", None)], False),  # a target nothing tells (not the guard's Output): every one
    ],
)
def test_a_route_the_guard_judges_at_the_route_is_not_counted_for_every_integration(
    routes: list[tuple[str, Any]], authorized: bool
) -> None:
    from components.residency import stages

    own = ("resources", "integration")
    targets = {"later": stages.JUDGED_AT_ROUTE, "own": own, None: None}
    join = stages.StageJoin()
    for auth, target in routes:
        join.add(stages.ROUTE_TYPE, {"authorization_type": auth}, ("id", "api"), targets[target])
    assert join.routes_authorized(("id", "api"), own) is authorized
    assert join.route_open({}) and join.route_open({"authorizationType": "NONE"})
    assert not join.route_open({"authorization_type": "JWT"})


# ETL sinks' roles name the receiving account (etlrole46, stop 46): an SLS ETL sink's write role and a Scheduled SQL
# job's `dest_role_arn` are made in the destination account (SLS doc-detail/448356, "Role B ... within Alibaba Cloud
# Account 2"; Scheduled SQL "role-b is created in Alibaba Cloud Account B"), so their UID is judged as a written
# destination's (RES-023). Each partner subject passed on the unchanged catalogue.
_ETL_WRITE = "acs:ram::{}:role/fleet-log-writer"
_ETL_READ = f"acs:ram::{_ALI_OWN}:role/fleet-log-reader"
_ETL_ROLES_46: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("alicloud:log/etl:Etl", "etl_sinks[0].role_arn",
     lambda uid: {"etl_name": "redact", "display_name": "redact", "project": "trips", "logstore": "raw",
                  "script": "e_set('vin', '')", "role_arn": _ETL_READ,
                  "etl_sinks": [{"name": "central", "endpoint": "cn-shanghai-intranet.log.aliyuncs.com",
                                 "project": "central", "logstore": "trips", "role_arn": _ETL_WRITE.format(uid)}]}),
    ("alicloud:sls/etl:Etl", "configuration.sinks[0].role_arn",
     lambda uid: {"project": "trips", "job_name": "redact", "display_name": "redact", "configuration": {
         "logstore": "raw", "role_arn": _ETL_READ, "lang": "SPL", "script": "* | extend a=1", "from_time": 0,
         "to_time": 0, "sinks": [{"name": "central", "endpoint": "cn-shanghai-intranet.log.aliyuncs.com",
                                  "project": "central", "logstore": "trips", "role_arn": _ETL_WRITE.format(uid),
                                  "datasets": ["__UNNAMED__"]}]}}),
    ("alicloud:sls/scheduledSql:ScheduledSql", "scheduled_sql_configuration.dest_role_arn",
     lambda uid: {"project": "trips", "scheduled_sql_name": "hourly", "display_name": "hourly",
                  "schedule": {"type": "FixedRate", "interval": "60m"}, "scheduled_sql_configuration": {
                      "script": "* | select count(*) as n", "sql_type": "searchQuery", "source_logstore": "raw",
                      "dest_project": "central", "dest_logstore": "hourly",
                      "dest_endpoint": "cn-shanghai-intranet.log.aliyuncs.com", "role_arn": _ETL_READ,
                      "dest_role_arn": _ETL_WRITE.format(uid)}}),
]  # fmt: skip
PAIRS += [
    ("RES-023", "CN", ali(token, _ALI_PINNED_CN, **props(_ALI_OWN)), ali(token, _ALI_PINNED_CN, **props(_ALI_OTHER)),
     path) for token, path, props in _ETL_ROLES_46
]  # fmt: skip
_ALI_PINNED_DE = ProviderRef("alicloud", "de", "eu-central-1", accounts=frozenset({_ALI_OWN}))


@pytest.mark.parametrize(("token", "field", "props"), _ETL_ROLES_46, ids=[t.split(":")[1] for t, _, _ in _ETL_ROLES_46])
def test_an_etl_sinks_write_role_names_the_receiving_account(
    token: str, field: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # CN, JP and DE: the team's role passes under the pinned provider; a partner's is RES-023 at the field (message
    # pinned) and a declaration of its account covers it; the team's role written out under a provider assuming no
    # role is RES-023 too (nothing ties the UID to the credentials).
    for code, provider in (("CN", _ALI_PINNED_CN), ("JP", _ALI_PINNED_JP), ("DE", _ALI_PINNED_DE)):
        engine = RuleEngine(code)
        region = str(provider.region)
        assert engine.check(ali(token, provider, **_in_region(props(_ALI_OWN), region)))[0] == []
        offending = ali(token, provider, **_in_region(props(_ALI_OTHER), region))
        findings = [f for f in engine.check(offending)[0] if f.rule.id == "RES-023"]
        assert [f.path for f in findings] == [field]
        with pytest.raises(AssertionError, match=r"belongs to account 5555666677778888, which receives what the stack"):
            raise AssertionError(findings[0].detail)
        declared = parse_destinations(
            [{"id": "hub", "kind": "resident", "match": f"acs:ram::{_ALI_OTHER}:", "evidence": "the group's logs"}]
        )
        covered = [f for f in RuleEngine(code, destinations=declared).check(offending)[0] if f.rule.id == "RES-023"]
        assert covered and all(f.declared_by == "hub" for f in covered)
        unpinned = ProviderRef("alicloud", code.lower(), region)
        own_text = ali(token, unpinned, **_in_region(props(_ALI_OWN), region))
        assert [f.path for f in engine.check(own_text)[0] if f.rule.id == "RES-023"] == [field]


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("alicloud:log/etl:Etl", {"etl_name": "e", "project": "p", "logstore": "l", "role_arn": "{}"}),
        ("alicloud:sls/etl:Etl",
         {"project": "p", "job_name": "e", "configuration": {"logstore": "l", "role_arn": "{}"}}),
        ("alicloud:sls/scheduledSql:ScheduledSql",
         {"project": "p", "scheduled_sql_configuration": {"source_logstore": "l", "role_arn": "{}"}}),
    ],
)  # fmt: skip
def test_an_etl_jobs_read_role_names_no_receiving_account(token: str, props: dict[str, Any]) -> None:
    # The job's own role reads the source Logstore (the stack's): no account receives data through it (stop 46 lists
    # the write roles only), so another account's read role is not judged as a destination.
    subject = json.loads(json.dumps(props).replace("{}", _ETL_WRITE.format(_ALI_OTHER)))
    assert RuleEngine("CN").check(ali(token, _ALI_PINNED_CN, **subject))[0] == []


# -- sam46 (stop 46): SAM functions' dead-letter queues, SAM APIs' default EDGE and Globals, definitions in S3 --------
_SAM_API = "AWS::Serverless::Api"
_SPECS = {"Bucket": "fleet-specs", "Key": "flow.json"}


_PINNED_CN46 = ProviderRef("aws", "cn", "cn-north-1", accounts=frozenset({"123456789012"}))


def _in_cn(subject: Subject) -> Subject:
    # A CN pair's subject under an aws-cn provider (every front door runs it as the CN stack's program: under
    # `_PINNED_EU` the guard added RES-001 for the provider's Region).
    return subject._replace(provider=_PINNED_CN46)


def _sam(resources: dict[str, Any], **globals_: Any) -> Subject:
    template = {"Transform": "AWS::Serverless-2016-10-31", "Resources": resources}
    if globals_:
        template["Globals"] = globals_
    return aws(_STACK, _PINNED_EU, template_body=json.dumps(template))


PAIRS += [
    # SAM DeadLetterQueue {Type, TargetArn} is the Pulumi function's dead_letter_config.target_arn (a written account).
    ("RES-023", "EU", _cfn(_SAM_FN, DeadLetterQueue={"Type": "SQS", "TargetArn": _OWN_QUEUE}),
     _cfn(_SAM_FN, DeadLetterQueue={"Type": "SQS", "TargetArn": _OTHER_QUEUE}),
     "template_body(json).Resources.X.Properties.DeadLetterQueue.TargetArn"),
    # ... and so is a Globals.Function one, which every function inherits.
    ("RES-023", "EU",
     _sam({"F": {"Type": _SAM_FN}}, Function={"DeadLetterQueue": {"Type": "SQS", "TargetArn": _OWN_QUEUE}}),
     _sam({"F": {"Type": _SAM_FN}}, Function={"DeadLetterQueue": {"Type": "SQS", "TargetArn": _OTHER_QUEUE}}),
     "template_body(json).Globals.Function.DeadLetterQueue.TargetArn"),
    # A SAM Api without EndpointConfiguration is an edge-optimised RestApi (API Gateway's default), as the template
    # RestApi is; the string form and the {Type} form both say REGIONAL.
    ("RES-016", "EU", _cfn(_SAM_API, StageName="prod", EndpointConfiguration="REGIONAL"),
     _cfn(_SAM_API, StageName="prod"), "template_body(json).Resources.X.Properties.EndpointConfiguration"),
    ("RES-016", "CN", _in_cn(_cfn(_SAM_API, StageName="prod", EndpointConfiguration={"Type": "REGIONAL"})),
     _in_cn(_cfn(_SAM_API, StageName="prod", EndpointConfiguration={"Type": "EDGE"})),
     "template_body(json).Resources.X.Properties.EndpointConfiguration.Type"),
    # Globals.Api's EndpointConfiguration is the Api's when it sets none.
    ("RES-016", "EU",
     _sam({"A": {"Type": _SAM_API, "Properties": {"StageName": "prod"}}}, Api={"EndpointConfiguration": "REGIONAL"}),
     _sam({"A": {"Type": _SAM_API, "Properties": {"StageName": "prod"}}}, Api={"EndpointConfiguration": "EDGE"}),
     "template_body(json).Resources.A.Properties.EndpointConfiguration"),
    # A state machine's definition held in S3 outside the stack's own bucket: its Tasks' accounts are unproven (RES-023
    # outside aws-cn; RES-017 for the bucket beside it there: tests of the stack's own bucket below, falsealarm47).
    # An API body held in S3: whether its reads enforce a caller's identity is unproven (RES-024).
    ("RES-024", "CN", _in_cn(_cfn("AWS::ApiGateway::RestApi", EndpointConfiguration={"Types": ["REGIONAL"]}, Body={
        "openapi": "3.0.1", "paths": {}})),
     _in_cn(_cfn("AWS::ApiGateway::RestApi", EndpointConfiguration={"Types": ["REGIONAL"]}, BodyS3Location=_SPECS)),
     "template_body(json).Resources.X.Properties.BodyS3Location"),
]  # fmt: skip


def test_a_sam_dead_letter_queue_is_judged_as_the_pulumi_functions() -> None:
    # The same dead-letter queue in a SAM function and a Pulumi function: the same finding and message, the stack's.
    (finding,) = RuleEngine("EU").check(_cfn(_SAM_FN, DeadLetterQueue={"Type": "SQS", "TargetArn": _OTHER_QUEUE}))[0]
    pulumi_form = aws("aws:lambda/function:Function", _PINNED_EU, dead_letter_config={"target_arn": _OTHER_QUEUE})
    (twin,) = RuleEngine("EU").check(pulumi_form)[0]
    assert (finding.resource_type, finding.rule.id, finding.detail) == (_STACK, twin.rule.id, twin.detail)
    # In aws-cn every account of the partition is China's: passes, as in Pulumi.
    cn = aws(_STACK, template_body=json.dumps({"Resources": {"F": {"Type": _SAM_FN, "Properties": {
        "DeadLetterQueue": {"Type": "SNS", "TargetArn": "arn:aws-cn:sns:cn-north-1:444455556666:t"}}}}}))  # fmt: skip
    assert RuleEngine("CN").check(cn)[0] == []


def test_an_http_api_and_a_regional_sam_api_are_not_edge() -> None:
    # AWS::Serverless::HttpApi makes an HTTP API (no edge-optimised type); a SAM Api's own REGIONAL overrides an EDGE
    # global one ("Primitive types are overridden").
    assert RuleEngine("EU").check(_cfn("AWS::Serverless::HttpApi"))[0] == []
    regional = {"A": {"Type": _SAM_API, "Properties": {"EndpointConfiguration": {"Type": "REGIONAL"}}}}
    assert RuleEngine("EU").check(_sam(regional, Api={"EndpointConfiguration": {"Type": "EDGE"}}))[0] == []


def test_a_definition_held_in_s3_names_its_location_and_is_declared_by_it() -> None:
    engine = RuleEngine("EU")
    for kind, prop, rule in (
        ("AWS::Serverless::StateMachine", "DefinitionUri", "RES-023"),
        ("AWS::StepFunctions::StateMachine", "DefinitionS3Location", "RES-023"),
        (_SAM_API, "DefinitionUri", "RES-024"),
        ("AWS::Serverless::HttpApi", "DefinitionUri", "RES-024"),
        ("AWS::ApiGatewayV2::Api", "BodyS3Location", "RES-024"),
    ):
        props = {prop: _SPECS, "EndpointConfiguration": "REGIONAL"} if kind == _SAM_API else {prop: _SPECS}
        findings = [f for f in engine.check(_cfn(kind, **props))[0] if f.rule.id != "RES-017"]  # the bucket's own
        assert [(f.rule.id, f.value) for f in findings] == [(rule, "s3://fleet-specs/flow.json")], kind
        with pytest.raises(AssertionError, match=r"held in S3 \(s3://fleet-specs/flow\.json\), which this check "):
            raise AssertionError(findings[0].detail)
    declared = parse_destinations(
        [{"id": "reviewed-flow", "kind": "resident", "match": "s3://fleet-specs/flow.json",
          "evidence": "definition reviewed: writes only to the stack's own queue"}]
    )  # fmt: skip
    # (falsealarm47) A bucket the stack does not make: in aws-cn it passes by partition, the body's callers do not.
    regional = {"Types": ["REGIONAL"]}
    subject = _in_cn(_cfn("AWS::ApiGateway::RestApi", EndpointConfiguration=regional, BodyS3Location=_SPECS))
    findings = RuleEngine("CN", destinations=declared).check(subject)[0]
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-024", "reviewed-flow")]
    # The S3 URI form of SAM's DefinitionUri is the location as written; in aws-cn the accounts are China's.
    uri = _cfn("AWS::Serverless::StateMachine", DefinitionUri="s3://fleet-specs/flow.json")
    assert RuleEngine("CN").check(aws(_STACK, template_body=uri.props["template_body"]))[0] == []


# -- falsealarm47 (stop 47): a definition or body held in the stack's own bucket ---------------------------------------
_OWN_SPECS = {"Type": "AWS::S3::Bucket"}  # no BucketName: CloudFormation names it; `Ref` gives the name
_BY_REF = {"Bucket": {"Ref": "Specs"}, "Key": "flow.json"}
PAIRS += [
    # The template's own bucket by Ref proves who writes the object (the stack's account): the body's callers are the
    # stack's as an inline body's would be. A bucket it does not make stays RES-024 (aws-cn: the bucket itself passes).
    ("RES-024", "CN",
     _in_cn(_sam({"X": {"Type": "AWS::ApiGateway::RestApi", "Properties": {
         "EndpointConfiguration": {"Types": ["REGIONAL"]}, "BodyS3Location": _BY_REF}}, "Specs": _OWN_SPECS})),
     _in_cn(_cfn("AWS::ApiGateway::RestApi", EndpointConfiguration={"Types": ["REGIONAL"]}, BodyS3Location=_SPECS)),
     "template_body(json).Resources.X.Properties.BodyS3Location"),
]  # fmt: skip

_HELD = (
    ("AWS::StepFunctions::StateMachine", "DefinitionS3Location", "RES-023"),
    ("AWS::Serverless::StateMachine", "DefinitionUri", "RES-023"),
    ("AWS::ApiGateway::RestApi", "BodyS3Location", "RES-024"),
    ("AWS::ApiGatewayV2::Api", "BodyS3Location", "RES-024"),
    (_SAM_API, "DefinitionUri", "RES-024"),
    ("AWS::Serverless::HttpApi", "DefinitionUri", "RES-024"),
)
_HELD_PROVIDERS = {"EU": _PINNED_EU, "US": _PINNED_US, "JP": _PINNED_JP, "CN": _PINNED_CN46,
                   "DE": ProviderRef("aws", "de", "eu-central-1", accounts=frozenset({"123456789012"}))}  # fmt: skip


def _held(code: str, kind: str, prop: str, location: Any, *, bucket: Any = None, parameters: Any = None) -> Subject:
    """A stack whose template keeps ``kind``'s definition or body at ``location``; ``bucket``: the template's own
    ``Specs`` bucket; ``parameters``: the values the stack gives its ``Specs`` Parameter (declared then)."""
    props: dict[str, Any] = {prop: location}
    if kind in (_SAM_API, "AWS::ApiGateway::RestApi"):  # a REST API is edge-optimised without it (RES-016)
        props["EndpointConfiguration"] = "REGIONAL" if kind == _SAM_API else {"Types": ["REGIONAL"]}
    resources: dict[str, Any] = {"X": {"Type": kind, "Properties": props}}
    template: dict[str, Any] = {"Transform": "AWS::Serverless-2016-10-31", "Resources": resources}
    if bucket is not None:
        resources["Specs"] = bucket
    given: dict[str, Any] = {}
    if parameters is not None:
        template["Parameters"] = {"Specs": {"Type": "String"}}
        given = {"parameters": parameters} if parameters else {}
    return aws(_STACK, _HELD_PROVIDERS[code], template_body=json.dumps(template), **given)


@pytest.mark.parametrize("code", ["EU", "DE", "US", "JP", "CN"])
@pytest.mark.parametrize(("kind", "prop", "rule_id"), _HELD)
def test_a_definition_in_the_stacks_own_bucket_passes(code: str, kind: str, prop: str, rule_id: str) -> None:
    # Compliant: the template's own bucket by Ref or by its literal BucketName, a Parameter the stack gives the name of
    # a bucket it makes, a name the program's bucket gives (`known`, as every front door proves it), its s3:// URI.
    engine = RuleEngine(code)
    named = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-specs"}}
    made = lambda name: name == "fleet-specs"  # noqa: E731 - the front door's bucket names: the program's bucket
    for subject, known in (
        (_held(code, kind, prop, _BY_REF, bucket=_OWN_SPECS), None),
        (_held(code, kind, prop, _SPECS, bucket=named), None),
        (_held(code, kind, prop, _SPECS), made),
        (_held(code, kind, prop, _BY_REF, parameters={"Specs": "fleet-specs"}), made),
    ):
        assert engine.check(subject, known=known)[0] == [], subject.props
    if prop == "DefinitionUri":
        assert engine.check(_held(code, kind, prop, "s3://fleet-specs/flow.json"), known=made)[0] == []
    # Offending twins: a bucket the stack does not make (literal, a Parameter given another name or nothing, an
    # import): RES-017 for the bucket outside aws-cn beside what the object decides at the location (RES-023 outside
    # aws-cn, RES-024 everywhere).
    other = {"RES-017", rule_id} if code != "CN" else {rule_id} - {"RES-023"}
    imported = {"Bucket": {"Fn::ImportValue": "SharedSpecs"}, "Key": "flow.json"}
    for subject, known, unproven in (
        (_held(code, kind, prop, _SPECS), lambda name: name == "other-specs", other),
        (_held(code, kind, prop, _BY_REF, parameters={"Specs": "partner-specs"}), made, other),
        # A Parameter given nothing is whatever the deployer passes: RES-017 in aws-cn too (as before).
        (_held(code, kind, prop, _BY_REF, parameters={}), made, other | {"RES-017"}),
        (_held(code, kind, prop, imported), made, other | {"RES-017"}),
    ):
        assert {f.rule.id for f in engine.check(subject, known=known)[0]} == unproven, subject.props
    # The message names the location; its detail the fix (unchanged since sam46).
    if code == "EU":
        (held,) = [f for f in engine.check(_held(code, kind, prop, _SPECS))[0] if f.rule.id == rule_id]
        with pytest.raises(AssertionError, match=r"held in S3 \(s3://fleet-specs/flow\.json\)"):
            raise AssertionError(held.detail)


def test_a_template_bucket_named_by_its_own_account_proves_the_same_text() -> None:
    # falsealarm47: `BucketName: !Sub 'fleet-uploads-${AWS::AccountId}'` is the template's own bucket; a queue policy's
    # aws:SourceArn naming it the same way was RES-017. A Parameter in the name, or a name the template does not make,
    # stays RES-017.
    def template(name: Any, source: str) -> Subject:
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "s3.amazonaws.com"},
                    "Action": "sqs:SendMessage",
                    "Resource": {"Fn::GetAtt": ["Q", "Arn"]},
                    "Condition": {"ArnLike": {"aws:SourceArn": {"Fn::Sub": f"arn:${{AWS::Partition}}:s3:::{source}"}}},
                }
            ],
        }
        resources = {
            "Q": {"Type": "AWS::SQS::Queue"},
            "P": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Q"}], "PolicyDocument": policy}},
            "B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": name}}}  # fmt: skip
        document = {"Parameters": {"Env": {"Type": "String"}}, "Resources": resources}
        return aws(_STACK, _PINNED_EU, template_body=json.dumps(document))

    own = "fleet-uploads-${AWS::AccountId}"
    assert RuleEngine("EU").check(template({"Fn::Sub": own}, own))[0] == []
    assert RuleEngine("EU").check(template({"Fn::Sub": "fleet-${AWS::StackName}"}, "fleet-${AWS::StackName}"))[0] == []
    # fnsub49 (stop 49): a Parameter is one value in the whole stack, so the same text names the same bucket (RES-017
    # before: a name with a Parameter stayed unproven); a Parameter a variable map also gives does not.
    sub = "fleet-${Env}-${AWS::AccountId}"
    assert RuleEngine("EU").check(template({"Fn::Sub": sub}, sub))[0] == []
    for name, source in (
        ({"Fn::Sub": own}, "partner-uploads-${AWS::AccountId}"),
        ({"Fn::Sub": sub}, "fleet-${Stage}-${AWS::AccountId}"),
        ("fleet-uploads", own),
    ):
        assert [f.rule.id for f in RuleEngine("EU").check(template(name, source))[0]] == ["RES-017"], (name, source)


_GET_HELLO = {"Type": "Api", "Properties": {"Path": "/hello", "Method": "get"}}
_HELLO_PROPS: dict[str, Any] = {"Handler": "app.handler", "Runtime": "python3.12", "InlineCode": "x",
                                "Events": {"Hello": _GET_HELLO}}  # fmt: skip
_HELLO: dict[str, Any] = {"Type": _SAM_FN, "Properties": _HELLO_PROPS}
PAIRS += [
    # An Api event without RestApiId makes SAM's implicit ServerlessRestApi, configured by Globals.Api: edge-optimised
    # without EndpointConfiguration there (SAM's hello-world template).
    ("RES-016", "EU", _sam({"HelloFn": _HELLO}, Api={"EndpointConfiguration": "REGIONAL"}), _sam({"HelloFn": _HELLO}),
     "template_body(json).Resources.HelloFn.Properties.Events.Hello.ServerlessRestApi.Properties.EndpointConfiguration"),
]  # fmt: skip


def test_an_api_event_naming_a_declared_api_or_an_http_api_makes_no_implicit_rest_api() -> None:
    named = {**_HELLO, "Properties": {**_HELLO_PROPS, "Events": {"Hello": {"Type": "Api", "Properties": {
        "Path": "/hello", "Method": "get", "RestApiId": {"Ref": "Api"}}}}}}  # fmt: skip
    api = {"Type": _SAM_API, "Properties": {"StageName": "prod", "EndpointConfiguration": "REGIONAL"}}
    assert RuleEngine("EU").check(_sam({"HelloFn": named, "Api": api}))[0] == []
    http = {**_HELLO, "Properties": {**_HELLO_PROPS, "Events": {"Hello": {"Type": "HttpApi"}}}}
    assert RuleEngine("EU").check(_sam({"HelloFn": http}))[0] == []


# ROS template resources judged as their Pulumi type (ros46, stop 46): a ros.Stack's MNS subscription, ActionTrail
# trail and EventBridge rule target of another account, and a trail's bucket the stack does not make (each passed).
_ROS_STACK, _ALI_PARTNER = "alicloud:ros/stack:Stack", "5555666677778888"
_ROS_OWN_QUEUE = {"Fn::Sub": "acs:mns:${ALIYUN::Region}:${ALIYUN::AccountId}:queues/q"}
_ROS_PARTNER_QUEUE = f"acs:mns:cn-shanghai:{_ALI_PARTNER}:queues/q"


def _ros(kind: str, **props: Any) -> Subject:
    template = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"X": {"Type": kind, "Properties": props}}}
    return ali(_ROS_STACK, template_body=json.dumps(template))


_ROS_SUB, _ROS_TRAIL = {"TopicName": "t", "SubscriptionName": "s"}, "ALIYUN::ACTIONTRAIL::Trail"
_ROS_OWN_PROJECT = {"Fn::Sub": "acs:log:${ALIYUN::Region}:${ALIYUN::AccountId}:project/audit"}
PAIRS += [
    ("RES-023", "CN", _ros("ALIYUN::MNS::Subscription", **_ROS_SUB, Endpoint=_ROS_OWN_QUEUE),
     _ros("ALIYUN::MNS::Subscription", **_ROS_SUB, Endpoint=_ROS_PARTNER_QUEUE),
     "template_body(json).Resources.X.Properties.Endpoint"),
    ("RES-023", "CN", _ros(_ROS_TRAIL, Name="audit", SlsProjectArn=_ROS_OWN_PROJECT),
     _ros(_ROS_TRAIL, Name="audit", SlsProjectArn=f"acs:log:cn-shanghai:{_ALI_PARTNER}:project/audit"),
     "template_body(json).Resources.X.Properties.SlsProjectArn"),
    ("RES-023", "CN",
     _ros(_ROS_TRAIL, Name="audit", SlsProjectArn=_ROS_OWN_PROJECT,
          SlsWriteRoleArn={"Fn::Sub": "acs:ram::${ALIYUN::AccountId}:role/aliyunserviceroleforactiontrail"}),
     _ros(_ROS_TRAIL, Name="audit", SlsProjectArn=_ROS_OWN_PROJECT,
          SlsWriteRoleArn=f"acs:ram::{_ALI_PARTNER}:role/delivery"),
     "template_body(json).Resources.X.Properties.SlsWriteRoleArn"),
    ("RES-023", "CN",
     _ros("ALIYUN::EventBridge::Rule", EventBusName="default", RuleName="r",
          Targets=[{"Id": "t", "Type": "acs.mns.queue", "Endpoint": _ROS_OWN_QUEUE}]),
     _ros("ALIYUN::EventBridge::Rule", EventBusName="default", RuleName="r",
          Targets=[{"Id": "t", "Type": "acs.mns.queue", "Endpoint": _ROS_PARTNER_QUEUE}]),
     "template_body(json).Resources.X.Properties.Targets[0].Endpoint"),
]  # fmt: skip


def test_a_ros_templates_subscription_trail_and_rule_target_are_judged_as_the_pulumi_resources() -> None:
    # ros46 (stop 46): the finding is the stack's, its detail the pulumi-alicloud twin's (one judgement).
    pairs = [
        (_ros("ALIYUN::MNS::Subscription", **_ROS_SUB, Endpoint=_ROS_PARTNER_QUEUE),
         ali("alicloud:message/serviceSubscription:ServiceSubscription", topic_name="t", subscription_name="s",
             push_type="queue", endpoint=_ROS_PARTNER_QUEUE)),
        (_ros(_ROS_TRAIL, Name="audit", SlsProjectArn=f"acs:log:cn-shanghai:{_ALI_PARTNER}:project/audit"),
         ali("alicloud:actiontrail/trail:Trail", trail_name="audit",
             sls_project_arn=f"acs:log:cn-shanghai:{_ALI_PARTNER}:project/audit")),
        (_ros("ALIYUN::EventBridge::Rule", EventBusName="default", RuleName="r",
              Targets=[{"Id": "t", "Type": "acs.mns.queue", "Endpoint": _ROS_PARTNER_QUEUE}]),
         ali("alicloud:eventbridge/rule:Rule", event_bus_name="default", rule_name="r", filter_pattern="{}",
             targets=[{"target_id": "t", "type": "acs.mns.queue", "endpoint": _ROS_PARTNER_QUEUE}])),
    ]  # fmt: skip
    _assert_judged_as_twin("CN", _ROS_STACK, pairs)
    with pytest.raises(AssertionError, match=rf"{_ALI_PARTNER}"):
        raise AssertionError(RuleEngine("CN").check(pairs[0][0])[0][0].detail)
    # A stack group's and a ROS template resource's templates are read the same way.
    body = json.loads(pairs[0][0].props["template_body"])
    for kind, name in (("alicloud:ros/stackGroup:StackGroup", "stack_group_name"),
                       ("alicloud:ros/template:Template", "template_name")):  # fmt: skip
        subject = Subject(kind, "r", {name: "g", "template_body": json.dumps(body)}, ALI_CN)
        assert {f.rule.id for f in RuleEngine("CN").check(subject)[0]} == {"RES-023"}, kind


def test_a_ros_trails_bucket_is_judged_as_a_bucket() -> None:
    # ros46 (stop 46): a trail's OssBucketName names the bucket it delivers to (template_bucket_fields): one the stack
    # does not make is RES-017 (it passed), the template's own ALIYUN::OSS::Bucket passes.
    (finding,) = RuleEngine("CN").check(_ros(_ROS_TRAIL, Name="audit", OssBucketName="group-audit-logs"))[0]
    assert (finding.rule.id, finding.path) == ("RES-017", "template_body(json).Resources.X.Properties.OssBucketName")
    own = {
        "B": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "team-audit"}},
        "T": {"Type": _ROS_TRAIL, "Properties": {"Name": "audit", "OssBucketName": {"Fn::GetAtt": ["B", "Name"]}}},
    }
    template = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": own}  # fmt: skip
    assert RuleEngine("CN").check(ali(_ROS_STACK, template_body=json.dumps(template)))[0] == []


def _ros_replication(bucket: Any, location: str = "oss-cn-shanghai") -> Subject:
    """A ROS OSS replication rule into ``bucket`` beside the template's own ALIYUN::OSS::Bucket ``Replica``."""
    rule = {"Action": "ALL", "SyncRole": "AliyunOSSRole", "Destination": {"Bucket": bucket, "Location": location}}
    resources = {
        "Replica": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "team-replica"}},
        "X": {"Type": "ALIYUN::OSS::BucketReplication",
              "Properties": {"BucketName": "team-primary", "ReplicationConfiguration": {"Rule": rule}}},
    }  # fmt: skip
    template = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources}
    return ali(_ROS_STACK, template_body=json.dumps(template))


# alired50 (stop 50): an OSS replication's destination bucket the template does not make is RES-017 (it passed; the
# Pulumi oss.BucketReplication's `destination.bucket` is an oss_bucket_fields entry since stop 50, its pair in
# tests/test_endpoints.py `test_oss_buckets_data_is_delivered_to_are_proven_by_provenance`); the template's own bucket
# by Fn::GetAtt Name passes.
PAIRS += [
    ("RES-017", "CN", _ros_replication({"Fn::GetAtt": ["Replica", "Name"]}), _ros_replication("hub-orders-archive"),
     "template_body(json).Resources.X.Properties.ReplicationConfiguration.Rule.Destination.Bucket"),
]  # fmt: skip


def test_a_region_ref_joined_in_a_mapped_template_property_is_the_stacks_region() -> None:
    # ros46 (stop 46): an Fn::Join of `Ref ALIYUN::Region` / `Ref AWS::Region` gives the stack's own Region, as an
    # Fn::Sub does (RES-011 "Unknown region '${aliyun'" before in a mapped property: a false alarm); the account
    # written out beside it is still judged.
    def joined(region: str, account: Any) -> dict[str, Any]:
        return {"Fn::Join": ["", ["acs:mns:", {"Ref": region}, ":", account, ":queues/q"]]}

    own = joined("ALIYUN::Region", {"Ref": "ALIYUN::AccountId"})
    assert RuleEngine("CN").check(_ros("ALIYUN::MNS::Subscription", **_ROS_SUB, Endpoint=own))[0] == []
    (finding,) = RuleEngine("CN").check(
        _ros("ALIYUN::MNS::Subscription", **_ROS_SUB, Endpoint=joined("ALIYUN::Region", _ALI_PARTNER))
    )[0]
    assert (finding.rule.id, finding.value) == ("RES-023", f"acs:mns:cn-shanghai:{_ALI_PARTNER}:queues/q")
    queue = {"Fn::Join": ["", ["arn:aws:sqs:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":q"]]}
    assert RuleEngine("EU").check(_cfn("AWS::SNS::Subscription", **_CFN_SUB, Endpoint=queue))[0] == []


# samevents46 (stop 46): a SAM function's event whose generated resource writes somewhere (stack_templates `events`):
# a stream event's on-failure destination (the event source mapping's), an EventBridgeRule / Schedule event's
# dead-letter queue (the rule target's), a ScheduleV2 event's (the schedule target's), an SNS event's redrive policy
# (the subscription's). Each passed every door before with another account's queue.
_STREAM = "arn:aws:kinesis:eu-central-1:123456789012:stream/s"
_SAM_EVENTS: dict[str, tuple[dict[str, Any], Callable[[Any], dict[str, Any]], str]] = {
    "Kinesis": ({"Stream": _STREAM, "StartingPosition": "LATEST"},
                lambda q: {"DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": q}}},
                "DestinationConfig.OnFailure.Destination"),
    "DynamoDB": ({"Stream": "arn:aws:dynamodb:eu-central-1:123456789012:table/t/stream/x",
                  "StartingPosition": "LATEST"},
                 lambda q: {"DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": q}}},
                 "DestinationConfig.OnFailure.Destination"),
    "MSK": ({"Stream": "arn:aws:kafka:eu-central-1:123456789012:cluster/c/x", "Topics": ["t"],
             "StartingPosition": "LATEST"},
            lambda q: {"DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": q}}},
            "DestinationConfig.OnFailure.Destination"),
    "SelfManagedKafka": ({"KafkaBootstrapServers": ["10.0.0.5:9092"], "Topics": ["t"]},
                         lambda q: {"DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": q}}},
                         "DestinationConfig.OnFailure.Destination"),
    "EventBridgeRule": ({"Pattern": {"source": ["aws.ec2"]}}, lambda q: {"DeadLetterConfig": {"Arn": q}},
                        "DeadLetterConfig.Arn"),
    "Schedule": ({"Schedule": "rate(5 minutes)"}, lambda q: {"DeadLetterConfig": {"Arn": q}}, "DeadLetterConfig.Arn"),
    "ScheduleV2": ({"ScheduleExpression": "rate(5 minutes)"}, lambda q: {"DeadLetterConfig": {"Arn": q}},
                   "DeadLetterConfig.Arn"),
    "SNS": ({"Topic": "arn:aws:sns:eu-central-1:123456789012:t"},
            lambda q: {"RedrivePolicy": {"deadLetterTargetArn": q}}, "RedrivePolicy.deadLetterTargetArn"),
}  # fmt: skip


def _sam_event(kind: str, queue: Any) -> Subject:
    base, destination, _ = _SAM_EVENTS[kind]
    event = {"Type": kind, "Properties": {**base, **destination(queue)}}
    return _cfn(_SAM_FN, Handler="a.h", Runtime="python3.12", InlineCode="x", Events={"E": event})


PAIRS += [
    ("RES-023", "EU", _sam_event(kind, _OWN_QUEUE), _sam_event(kind, _OTHER_QUEUE),
     f"template_body(json).Resources.X.Properties.Events.E.Properties.{_SAM_EVENTS[kind][2]}")
    for kind in _SAM_EVENTS
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "twin"),
    [
        ("Kinesis", aws("aws:lambda/eventSourceMapping:EventSourceMapping", _PINNED_EU, event_source_arn=_STREAM,
                        function_name="f", destination_config={"on_failure": {"destination_arn": _OTHER_QUEUE}})),
        ("EventBridgeRule", aws("aws:cloudwatch/eventTarget:EventTarget", _PINNED_EU, rule="r", arn=_OWN_QUEUE,
                                dead_letter_config={"arn": _OTHER_QUEUE})),
        ("ScheduleV2", aws("aws:scheduler/schedule:Schedule", _PINNED_EU, schedule_expression="rate(5 minutes)",
                           flexible_time_window={"mode": "OFF"}, target={
                               "arn": _OWN_QUEUE, "role_arn": "arn:aws:iam::123456789012:role/s",
                               "dead_letter_config": {"arn": _OTHER_QUEUE}})),
        ("SNS", aws("aws:sns/topicSubscription:TopicSubscription", _PINNED_EU, protocol="lambda", endpoint=_OWN_QUEUE,
                    topic="arn:aws:sns:eu-central-1:123456789012:t",
                    redrive_policy=json.dumps({"deadLetterTargetArn": _OTHER_QUEUE}))),
    ],
)  # fmt: skip
def test_a_sam_event_destination_is_judged_as_the_pulumi_twins(kind: str, twin: Subject) -> None:
    # The same destination in a SAM event and in the Pulumi resource SAM generates for it: the same rule and message.
    (finding,) = RuleEngine("EU").check(_sam_event(kind, _OTHER_QUEUE))[0]
    (pulumi,) = RuleEngine("EU").check(twin)[0]
    assert (finding.resource_type, finding.rule.id, finding.detail) == (_STACK, pulumi.rule.id, pulumi.detail)
    with pytest.raises(AssertionError, match=r"999999999999"):
        raise AssertionError(finding.detail)


@pytest.mark.parametrize("kind", list(_SAM_EVENTS))
def test_a_sam_event_destination_of_the_stack_or_in_aws_cn_passes(kind: str) -> None:
    # The template's own queue (GetAtt, or Fn::Sub of ${AWS::AccountId}) passes; another account's in aws-cn passes in
    # CN (every account of the partition is China's), as in Pulumi; an SNS RedrivePolicy written as JSON text is read.
    sub = {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:q"}
    for own in ({"Fn::GetAtt": ["Dlq", "Arn"]}, sub):
        assert RuleEngine("EU").check(_sam_event(kind, own))[0] == [], own
    cn = _sam_event(kind, "arn:aws-cn:sqs:cn-north-1:444455556666:q").props["template_body"]
    cn = cn.replace("arn:aws:", "arn:aws-cn:").replace("eu-central-1", "cn-north-1")
    assert RuleEngine("CN").check(aws(_STACK, template_body=cn))[0] == []
    text = _cfn(_SAM_FN, Events={"E": {"Type": "SNS", "Properties": {"Topic": "t", "RedrivePolicy": json.dumps(
        {"deadLetterTargetArn": _OTHER_QUEUE})}}})  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(text)[0]] == ["RES-023"]


def test_an_sqs_event_or_an_unlisted_event_property_is_read_as_before() -> None:
    # SQS is not listed (Lambda documents on-failure destinations for stream and Kafka sources only); a Kinesis
    # event's Stream is its source (read from): neither is a written destination.
    sqs = {"Queue": _OTHER_QUEUE, "DestinationConfig": {"OnFailure": {"Destination": _OTHER_QUEUE}}}
    assert RuleEngine("EU").check(_cfn(_SAM_FN, Events={"E": {"Type": "SQS", "Properties": sqs}}))[0] == []
    source = {"Stream": f"arn:aws:kinesis:eu-central-1:{_OTHER}:stream/s", "StartingPosition": "LATEST"}
    assert RuleEngine("EU").check(_cfn(_SAM_FN, Events={"E": {"Type": "Kinesis", "Properties": source}}))[0] == []


# -- inbound47 (stop 47): action-aware resource-policy grants. A statement allowing only catalogued delivery actions
# (endpoints.yaml `delivery_actions`) lets its accounts hand data INTO the stack's queue, topic, bus, stream or log
# destination and read nothing back: its accounts are granted nothing (RES-023 no more), as the same grant made by
# `cloudwatch.EventPermission` already passed. One more action that is no delivery, a wildcard or NotAction: RES-023.
_PARTNER_ROOT = {"AWS": f"arn:aws:iam::{_OTHER}:root"}


def _inbound(action: Any, principal: Any = None, condition: dict[str, Any] | None = None, key: str = "Action") -> str:
    """A one-statement resource policy allowing ``action`` (under ``key``) to ``principal`` (the partner's root)."""
    statement: dict[str, Any] = {"Effect": "Allow", "Principal": principal or _PARTNER_ROOT, key: action,
                                 "Resource": "*"}  # fmt: skip
    if condition is not None:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


_TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy"
_BUS_POLICY = "aws:cloudwatch/eventBusPolicy:EventBusPolicy"
_STREAM_POLICY = "aws:kinesis/resourcePolicy:ResourcePolicy"
_LOG_DESTINATION_POLICY = "aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy"
_STREAM = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/telemetry"
_INBOUND_PATH = "policy(json).Statement[0].Principal.AWS"
PAIRS += [
    # one pair per catalogued service: the delivery action alone passes; with a read (or control) action beside it the
    # partner can take data out: RES-023 as before
    ("RES-023", "EU", aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_inbound("sqs:SendMessage")),
     aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_inbound(["sqs:SendMessage", "sqs:ReceiveMessage"])),
     _INBOUND_PATH),
    ("RES-023", "DE", aws(_TOPIC_POLICY, _PINNED_DE, arn="t", policy=_inbound(["sns:Publish"])),
     aws(_TOPIC_POLICY, _PINNED_DE, arn="t", policy=_inbound(["sns:Publish", "sns:Subscribe"])), _INBOUND_PATH),
    ("RES-023", "US", aws(_BUS_POLICY, _PINNED_US, policy=_inbound("events:PutEvents")),
     aws(_BUS_POLICY, _PINNED_US, policy=_inbound(["events:PutEvents", "events:PutRule", "events:PutTargets"])),
     _INBOUND_PATH),
    ("RES-023", "JP", aws(_STREAM_POLICY, _PINNED_JP, resource_arn=_STREAM, policy=_inbound(
        ["kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"])),
     aws(_STREAM_POLICY, _PINNED_JP, resource_arn=_STREAM, policy=_inbound(
         ["kinesis:PutRecords", "kinesis:GetShardIterator", "kinesis:GetRecords"])), _INBOUND_PATH),
    ("RES-023", "EU", aws(_LOG_DESTINATION_POLICY, _PINNED_EU, destination_name="d",
                          access_policy=_inbound("logs:PutSubscriptionFilter")),
     aws(_LOG_DESTINATION_POLICY, _PINNED_EU, destination_name="d",
         access_policy=_inbound(["logs:PutSubscriptionFilter", "logs:GetLogEvents"])),
     "access_policy(json).Statement[0].Principal.AWS"),
    # exact names only: a wildcard may expand to a read (`sqs:*`, `sqs:Send*` too: IAM adds actions), NotAction allows
    # every action but those
    ("RES-023", "EU", aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_inbound("SQS:sendmessage")),
     aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_inbound("sqs:Send*")), _INBOUND_PATH),
    ("RES-023", "DE", aws(_QUEUE_POLICY, _PINNED_DE, queue_url="q", policy=_inbound(["sqs:SendMessage"])),
     aws(_QUEUE_POLICY, _PINNED_DE, queue_url="q", policy=_inbound(["sqs:ReceiveMessage"], key="NotAction")),
     _INBOUND_PATH),
    # a `*` statement limited to the partner's callers or to a partner's resource a service acts for: the accounts its
    # condition names are judged as its Principal would be; since stop 48 (the lead's decision) an organization allowed
    # only delivery passes too, and one allowed a read (sns:Subscribe makes the topic send to it) stays RES-023
    ("RES-023", "US", aws(_TOPIC_POLICY, _PINNED_US, arn="t", policy=_inbound(
        "sns:Publish", "*", {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})),
     aws(_TOPIC_POLICY, _PINNED_US, arn="t", policy=_inbound(
         "sns:Subscribe", "*", {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})),
     "policy(json).Statement[0].Condition.StringEquals.aws:PrincipalOrgID"),
    ("RES-023", "US", aws(_TOPIC_POLICY, _PINNED_US, arn="t", policy=_inbound(
        "sns:Publish", "*", {"StringEquals": {"aws:SourceAccount": _OTHER}})),
     aws(_TOPIC_POLICY, _PINNED_US, arn="t", policy=_inbound(
         ["sns:Publish", "sns:Subscribe"], "*", {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})),
     "policy(json).Statement[0].Condition.StringEquals.aws:PrincipalOrgID"),
    ("RES-023", "JP", aws(_QUEUE_POLICY, _PINNED_JP, queue_url="q", policy=_inbound(
        "sqs:SendMessage", "*", {"ArnEquals": {"aws:SourceArn": f"arn:aws:sns:ap-northeast-1:{_OTHER}:orders"}})),
     aws(_QUEUE_POLICY, _PINNED_JP, queue_url="q", policy=_inbound(
         "sqs:*", "*", {"ArnEquals": {"aws:SourceArn": f"arn:aws:sns:ap-northeast-1:{_OTHER}:orders"}})),
     "policy(json).Statement[0].Condition.ArnEquals.aws:SourceArn"),
    # Alibaba Cloud: no delivery action is catalogued (SMQ / MNS has no resource policy; an OSS object belongs to its
    # writer): a partner's oss:PutObject stays RES-023
    ("RES-023", "JP", ali(_OSS_POLICY, _ALI_PINNED_JP, bucket="b", policy=_ram([_ALI_OWN], "oss:PutObject")),
     ali(_OSS_POLICY, _ALI_PINNED_JP, bucket="b", policy=_ram([_ALI_OTHER], "oss:PutObject")),
     "policy(json).Statement[0].Principal[0]"),
]  # fmt: skip


def test_a_delivery_only_grant_is_judged_by_its_statement_not_its_neighbours() -> None:
    # inbound47: each statement is read alone: the partner's delivery statement passes beside the own account's read.
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": _PARTNER_ROOT, "Action": "sqs:SendMessage", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sqs:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sqs:ReceiveMessage", "Resource": "*"},
    ]}  # fmt: skip
    found = RuleEngine("EU").check(aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=json.dumps(document)))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-023", "policy(json).Statement[2].Principal.AWS")]
    # a typed document (the SDK's PolicyDocument dict) reads the same
    typed = aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=document)
    assert [(f.rule.id, f.path) for f in RuleEngine("EU").check(typed)[0]] == [
        ("RES-023", "policy.Statement[2].Principal.AWS")
    ]
    # the public rule is untouched: a delivery-only statement to everyone is RES-024 as before
    public = aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_inbound("sqs:SendMessage", "*"))
    assert [f.rule.id for f in RuleEngine("EU").check(public)[0]] == ["RES-024"]
    # another partition's account is refused as its ARN is, delivery or not (RES-004 in CN)
    cn = aws(_QUEUE_POLICY, ProviderRef("aws", "cn", "cn-north-1", accounts=frozenset({"123456789012"})), queue_url="q",
             policy=_inbound("sqs:SendMessage"))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("CN").check(cn)[0]] == ["RES-004"]


def _delivery_actions() -> list[str]:
    return [a for entry in load_endpoints().delivery_actions for a in entry.actions]


_NOT_DELIVERY = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:PurgeQueue", "sqs:*", "sqs:Send*", "sns:Subscribe",
                 "sns:*", "events:PutRule", "events:PutTargets", "events:*", "kinesis:GetRecords",
                 "kinesis:GetShardIterator", "kinesis:SubscribeToShard", "kinesis:*", "logs:GetLogEvents",
                 "lambda:InvokeFunction", "kms:Decrypt", "s3:PutObject", "s3:PutBucketPolicy",
                 "s3:PutBucketReplication", "*", "sqs:SendMessage*", "${aws:username}", "mns:SendMessage"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_delivery_actions()), max_size=4),
    st.sampled_from(_NOT_DELIVERY),
    st.integers(min_value=0, max_value=4),
)
def test_one_action_that_is_no_delivery_keeps_the_grant(delivery: list[str], other: str, at: int) -> None:
    # inbound47: any action list holding one action that is not an exact catalogued delivery stays RES-023; the
    # delivery actions alone (any non-empty mix) pass.
    engine = RuleEngine("EU")
    actions = [*delivery[:at], other, *delivery[at:]]
    found = engine.check(aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_inbound(actions)))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-023", _INBOUND_PATH)], actions
    if delivery:
        assert engine.check(aws(_QUEUE_POLICY, _PINNED_EU, queue_url="q", policy=_inbound(delivery)))[0] == []


def test_the_delivery_actions_catalogue_holds_exact_names_with_sources() -> None:
    for entry in load_endpoints().delivery_actions:
        assert entry.sources and all(s.startswith("https://") for s in entry.sources), entry.service
    with pytest.raises(ValueError, match=r"not exact sqs actions: \['sqs:Send\*'\]"):
        DeliveryActions(cloud="aws", service="sqs", actions=("sqs:Send*",), why="w", sources=("https://x",))
    with pytest.raises(ValueError, match=r"not exact sqs actions: \['sns:Publish'\]"):
        DeliveryActions(cloud="aws", service="sqs", actions=("sns:Publish",), why="w", sources=("https://x",))


# ros47 (stop 47): ROS templates, continued. An EventBridge target's ParamList (pulumi `param_lists`) is judged as the
# Pulumi rule's (a url or phone numbers taken from the event: RES-015 / RES-022; read as text before); the template's
# own MNS queue or topic by Fn::GetAtt ARN.WithSlash / QueueUrl / TopicUrl is its own address (RES-015 before); more ROS
# types are judged as their pulumi-alicloud twins (another account: RES-023; each passed before).
_ROS_OWN_ACCOUNT = {"Ref": "ALIYUN::AccountId"}
_ROS_OWN_SMS = {"Fn::Sub": "acs:sms:${ALIYUN::Region}:${ALIYUN::AccountId}:/sms"}
_ROS_FC_URL = "https://1234567890123456.cn-shanghai.fc.aliyuncs.com/2016-08-15/proxy/s/f/"


def _ros_target(kind: str, endpoint: Any, key: str, form: str, value: str) -> Subject:
    target = {"Id": "t", "Type": kind, "Endpoint": endpoint,
              "ParamList": [{"ResourceKey": key, "Form": form, "Value": value}]}  # fmt: skip
    return _ros("ALIYUN::EventBridge::Rule", EventBusName="default", RuleName="r", Targets=[target])


def _ros_resources(resources: dict[str, Any]) -> Subject:
    return ali(_ROS_STACK, template_body=json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources}))


_ROS_QUEUE = {"Type": "ALIYUN::MNS::Queue", "Properties": {"QueueName": "q"}}
# The template's own CEN by Ref (alired49, stop 49: a literal CEN id the template does not make is RES-017 since then).
_ROS_CEN = {"CenId": {"Ref": "Cen"}, "ChildInstanceId": "vpc-1", "ChildInstanceRegionId": "cn-shanghai",
            "ChildInstanceType": "VPC"}  # fmt: skip
_ROS_FC3, _ROS_SHARE = "ALIYUN::FC3::AsyncInvokeConfig", "ALIYUN::ResourceManager::ResourceShare"
_ROS_PARTNER_DLQ = f"acs:mns:cn-shanghai:{_ALI_PARTNER}:/queues/dlq/messages"
_ROS_OWN_DLQ = {"Fn::Sub": "acs:mns:${ALIYUN::Region}:${ALIYUN::AccountId}:/queues/dlq/messages"}


def _ros_etl(role: Any) -> Subject:
    sink = {"Name": "s", "Project": "audit", "Logstore": "l", "Endpoint": "cn-shanghai-intranet.log.aliyuncs.com",
            "RoleArn": role}  # fmt: skip
    configuration = {"Script": "e_set('a', 'b')", "Logstore": "l", "Sinks": [sink]}
    return _ros("ALIYUN::SLS::Etl", ProjectName="p", Name="e", DisplayName="e", Configuration=configuration)


def _ros_delivery(target: Any) -> Subject:
    role = {"Fn::Sub": "acs:ram::${ALIYUN::AccountId}:role/aliyunserviceroleforconfig"}
    return _ros("ALIYUN::Config::DeliveryChannel", DeliveryChannelType="SLS", DeliveryChannelTargetArn=target,
                DeliveryChannelAssumeRoleArn=role)  # fmt: skip


PAIRS += [
    ("RES-022", "CN", _ros_target("acs.sms", _ROS_OWN_SMS, "PhoneNumbers", "CONSTANT", "+8613800000000"),
     _ros_target("acs.sms", _ROS_OWN_SMS, "PhoneNumbers", "JSONPATH", "$.data.phone"),
     "template_body(json).Resources.X.Properties.Targets[0].ParamList[0]"),
    ("RES-015", "CN", _ros_target("acs.api.destination", _ROS_FC_URL, "url", "CONSTANT",
                                  _ROS_FC_URL),
     _ros_target("acs.api.destination", _ROS_FC_URL, "url", "JSONPATH", "$.data.url"),
     "template_body(json).Resources.X.Properties.Targets[0].ParamList[0]"),
    ("RES-015", "CN",
     _ros_resources({"Q": _ROS_QUEUE, "X": {"Type": "ALIYUN::MNS::Subscription", "Properties": {
         **_ROS_SUB, "Endpoint": {"Fn::GetAtt": ["Q", "ARN.WithSlash"]}}}}),
     _ros_resources({"Q": _ROS_QUEUE, "X": {"Type": "ALIYUN::MNS::Subscription", "Properties": {
         **_ROS_SUB, "Endpoint": {"Fn::GetAtt": ["Q", "ARN"]}}}}),
     "template_body(json).Resources.X.Properties.Endpoint"),
    ("RES-023", "CN", _ros("ALIYUN::CEN::CenInstanceAttachment", **_ROS_CEN, ChildInstanceOwnerId=_ROS_OWN_ACCOUNT),
     _ros("ALIYUN::CEN::CenInstanceAttachment", **_ROS_CEN, ChildInstanceOwnerId=int(_ALI_PARTNER)),
     "template_body(json).Resources.X.Properties.ChildInstanceOwnerId"),
    ("RES-023", "CN", _ros("ALIYUN::ECD::SimpleOfficeSite", CidrBlock="172.16.0.0/12"),
     _ros("ALIYUN::ECD::SimpleOfficeSite", CidrBlock="172.16.0.0/12", CenId="cen-1", CenOwnerId=int(_ALI_PARTNER)),
     "template_body(json).Resources.X.Properties.CenOwnerId"),
    ("RES-023", "CN", _ros(_ROS_SHARE, ResourceShareName="s", Targets=["fd-a1b2c3"]),
     _ros(_ROS_SHARE, ResourceShareName="s", Targets=[_ALI_PARTNER]),
     "template_body(json).Resources.X.Properties.Targets[0]"),
    ("RES-023", "CN", _ros("ALIYUN::ResourceManager::ResourceShareAssociation", ResourceShareId="rs-1",
                           Targets=[_ROS_OWN_ACCOUNT]),
     _ros("ALIYUN::ResourceManager::ResourceShareAssociation", ResourceShareId="rs-1", Targets=[_ALI_PARTNER]),
     "template_body(json).Resources.X.Properties.Targets[0]"),
    ("RES-023", "CN", _ros(_ROS_FC3, FunctionName="f", DestinationConfig={"OnFailure": {"Destination": _ROS_OWN_DLQ}}),
     _ros(_ROS_FC3, FunctionName="f", DestinationConfig={"OnFailure": {"Destination": _ROS_PARTNER_DLQ}}),
     "template_body(json).Resources.X.Properties.DestinationConfig.OnFailure.Destination"),
    ("RES-023", "CN", _ros_etl({"Fn::Sub": "acs:ram::${ALIYUN::AccountId}:role/etl-sink"}),
     _ros_etl(f"acs:ram::{_ALI_PARTNER}:role/etl-sink"),
     "template_body(json).Resources.X.Properties.Configuration.Sinks[0].RoleArn"),
    ("RES-023", "CN",
     _ros_delivery({"Fn::Sub": "acs:log:${ALIYUN::Region}:${ALIYUN::AccountId}:project/config/logstore/changes"}),
     _ros_delivery(f"acs:log:cn-shanghai:{_ALI_PARTNER}:project/config/logstore/changes"),
     "template_body(json).Resources.X.Properties.DeliveryChannelTargetArn"),
]  # fmt: skip


def test_a_ros_rule_targets_param_list_is_judged_as_the_pulumi_rules() -> None:
    # ros47 (stop 47): ROS's Id / ParamList are the Pulumi target's target_id / param_lists (keys): the same rule and
    # detail as the Pulumi rule (RES-022 for numbers from the event, RES-015 for a url from the event); a constant
    # in-country value passes. Before stop 47 both passed (ParamList read as template text).
    for key, form, value, rule_id in (("PhoneNumbers", "JSONPATH", "$.data.phone", "RES-022"),
                                      ("url", "TEMPLATE", "https://${host}/x", "RES-015")):  # fmt: skip
        template = _ros_target("acs.sms", _ROS_PARTNER_QUEUE, key, form, value)
        twin = ali("alicloud:eventbridge/rule:Rule", event_bus_name="default", rule_name="r", filter_pattern="{}",
                   targets=[{"target_id": "t", "type": "acs.sms", "endpoint": _ROS_PARTNER_QUEUE, "param_lists": [
                       {"resource_key": key, "form": form, "value": value}]}])  # fmt: skip
        found = {f.rule.id: f for f in RuleEngine("CN").check(template)[0]}
        pulumi = {f.rule.id: f for f in RuleEngine("CN").check(twin)[0]}
        assert set(found) == set(pulumi) == {rule_id, "RES-023"}, key
        assert found[rule_id].detail == pulumi[rule_id].detail
        assert found[rule_id].path == "template_body(json).Resources.X.Properties.Targets[0].ParamList[0]"


def test_more_ros_types_are_judged_as_their_pulumi_twins() -> None:
    # ros47 (stop 47): the finding is the stack's, its detail the pulumi-alicloud twin's (one judgement).
    destination = {"on_failure": {"destination": _ROS_PARTNER_DLQ}}
    pairs = [
        (_ros("ALIYUN::CEN::CenInstanceAttachment", **_ROS_CEN, ChildInstanceOwnerId=int(_ALI_PARTNER)),
         ali("alicloud:cen/instanceAttachment:InstanceAttachment", child_instance_owner_id=int(_ALI_PARTNER))),
        (_ros(_ROS_SHARE, ResourceShareName="s", Targets=[_ALI_PARTNER]),
         ali("alicloud:resourcemanager/resourceShare:ResourceShare", resource_share_name="s", targets=[_ALI_PARTNER])),
        (_ros(_ROS_FC3, FunctionName="f", DestinationConfig={"OnFailure": {"Destination": _ROS_PARTNER_DLQ}}),
         ali("alicloud:fc/v3AsyncInvokeConfig:V3AsyncInvokeConfig", function_name="f", destination_config=destination)),
        (_ros_delivery(f"acs:log:cn-shanghai:{_ALI_PARTNER}:project/config/logstore/changes"),
         ali("alicloud:cfg/deliveryChannel:DeliveryChannel", delivery_channel_type="SLS",
             delivery_channel_target_arn=f"acs:log:cn-shanghai:{_ALI_PARTNER}:project/config/logstore/changes")),
    ]  # fmt: skip
    _assert_judged_as_twin("CN", _ROS_STACK, pairs)
    with pytest.raises(AssertionError, match=rf"{_ALI_PARTNER}"):
        raise AssertionError(RuleEngine("CN").check(pairs[0][0])[0][0].detail)


def test_a_ros_templates_own_mns_queue_or_topic_address_passes() -> None:
    # ros47 (stop 47): ARN.WithSlash, QueueUrl / TopicUrl of the template's own ALIYUN::MNS::Queue / Topic name it
    # (template_attributes): an EventBridge target or a FC3 destination given so passes (RES-015 before). `ARN`
    # alone is not a documented attribute: still unproven; a Parameter is unproven.
    topic = {"Type": "ALIYUN::MNS::Topic", "Properties": {"TopicName": "t"}}
    for name, attribute in (("Q", "ARN.WithSlash"), ("Q", "QueueUrl"), ("T", "ARN.WithSlash"), ("T", "TopicUrl")):
        target = {"Id": "t", "Type": "acs.mns.queue", "Endpoint": {"Fn::GetAtt": [name, attribute]}}
        rule = {"Type": "ALIYUN::EventBridge::Rule", "Properties": {"EventBusName": "default", "Targets": [target]}}
        assert RuleEngine("CN").check(_ros_resources({"Q": _ROS_QUEUE, "T": topic, "X": rule}))[0] == [], attribute
    fc3 = {"Type": _ROS_FC3, "Properties": {"FunctionName": "f", "DestinationConfig": {
        "OnFailure": {"Destination": {"Fn::GetAtt": ["Q", "ARN.WithSlash"]}}}}}  # fmt: skip
    assert RuleEngine("CN").check(_ros_resources({"Q": _ROS_QUEUE, "X": fc3}))[0] == []
    parameter = {"Type": "ALIYUN::MNS::Subscription", "Properties": {**_ROS_SUB, "Endpoint": {"Ref": "Queue"}}}
    body = {"ROSTemplateFormatVersion": "2015-09-01", "Parameters": {"Queue": {"Type": "String"}},
            "Resources": {"X": parameter}}  # fmt: skip
    (finding,) = RuleEngine("CN").check(ali(_ROS_STACK, template_body=json.dumps(body)))[0]
    assert finding.rule.id == "RES-015"


# ros48 (stop 48): the ROS twins stop 47 left unmapped (names from the ROS CDK's generated template keys), an
# ALIYUN::FC::Function's AsyncConfiguration.Destination (one level above the Pulumi destination: `paths`), and the
# same object in an Aliyun::Serverless function declared as a key of its service (`children`). Each passed every door
# with a partner's account before.
_ROS_ASG_ARN = f"acs:ess:cn-shanghai:{_ALI_PARTNER}:queue/scaling-events"
_ROS_OWN_ASG_ARN = {"Fn::Sub": "acs:ess:${ALIYUN::Region}:${ALIYUN::AccountId}:queue/scaling-events"}
# The template's own CEN and transit router (alired49, stop 49: literal ids the template does not make are RES-017).
_ROS_TR = {"CenId": {"Ref": "Cen"}, "TransitRouterId": {"Fn::GetAtt": ["Router", "TransitRouterId"]}}


def _ros_fc_async(destination: Any) -> Subject:
    return _ros("ALIYUN::FC::Function", ServiceName="s", FunctionName="f", Handler="index.handler",
                Runtime="python3.10", AsyncConfiguration={"Destination": {"OnFailure": destination}})  # fmt: skip


def _ros_serverless(destination: Any) -> Subject:
    # Alibaba's Aliyun::Serverless transform: the function is a key of its service, beside Type and Properties.
    function = {"Type": "Aliyun::Serverless::Function", "Properties": {
        "Handler": "index.handler", "Runtime": "python3", "CodeUri": "./",
        "AsyncConfiguration": {"Destination": {"OnSuccess": destination}}}}  # fmt: skip
    service = {"Type": "Aliyun::Serverless::Service", "Properties": {"Description": "orders"}, "worker": function}
    body = {"ROSTemplateFormatVersion": "2015-09-01", "Transform": "Aliyun::Serverless-2018-04-03",
            "Resources": {"orders": service}}  # fmt: skip
    return ali(_ROS_STACK, template_body=json.dumps(body))


PAIRS += [
    ("RES-023", "CN", _ros("ALIYUN::VPC::VpcPeerConnection", VpcId="vpc-1", AcceptingVpcId="vpc-2",
                           AcceptingAliUid=_ROS_OWN_ACCOUNT),
     _ros("ALIYUN::VPC::VpcPeerConnection", VpcId="vpc-1", AcceptingVpcId="vpc-2", AcceptingAliUid=int(_ALI_PARTNER)),
     "template_body(json).Resources.X.Properties.AcceptingAliUid"),
    ("RES-023", "CN", _ros("ALIYUN::CEN::TransitRouterVpcAttachment", **_ROS_TR, VpcId="vpc-1",
                           VpcOwnerId=_ROS_OWN_ACCOUNT),
     _ros("ALIYUN::CEN::TransitRouterVpcAttachment", **_ROS_TR, VpcId="vpc-1", VpcOwnerId=int(_ALI_PARTNER)),
     "template_body(json).Resources.X.Properties.VpcOwnerId"),
    ("RES-023", "CN", _ros("ALIYUN::CEN::TransitRouterVbrAttachment", **_ROS_TR, VbrId="vbr-1"),
     _ros("ALIYUN::CEN::TransitRouterVbrAttachment", **_ROS_TR, VbrId="vbr-1", VbrOwnerId=int(_ALI_PARTNER)),
     "template_body(json).Resources.X.Properties.VbrOwnerId"),
    ("RES-023", "CN", _ros("ALIYUN::CEN::TransitRouterVpnAttachment", **_ROS_TR, VpnId="vco-1"),
     _ros("ALIYUN::CEN::TransitRouterVpnAttachment", **_ROS_TR, VpnId="vco-1", VpnOwnerId=_ALI_PARTNER),
     "template_body(json).Resources.X.Properties.VpnOwnerId"),
    ("RES-023", "CN", _ros("ALIYUN::PrivateLink::VpcEndpointService", User=[_ROS_OWN_ACCOUNT]),
     _ros("ALIYUN::PrivateLink::VpcEndpointService", User=[_ROS_OWN_ACCOUNT, _ALI_PARTNER]),
     "template_body(json).Resources.X.Properties.User[1]"),
    ("RES-023", "CN", _ros("ALIYUN::ECS::NetworkInterfacePermission", NetworkInterfaceId="eni-1",
                           Permission="InstanceAttach", AccountId=_ROS_OWN_ACCOUNT),
     _ros("ALIYUN::ECS::NetworkInterfacePermission", NetworkInterfaceId="eni-1", Permission="InstanceAttach",
          AccountId=_ALI_PARTNER),
     "template_body(json).Resources.X.Properties.AccountId"),
    ("RES-023", "CN", _ros("ALIYUN::ESS::LifecycleHook", ScalingGroupId="asg-1", LifecycleTransition="SCALE_OUT",
                           NotificationArn=_ROS_OWN_ASG_ARN),
     _ros("ALIYUN::ESS::LifecycleHook", ScalingGroupId="asg-1", LifecycleTransition="SCALE_OUT",
          NotificationArn=_ROS_ASG_ARN),
     "template_body(json).Resources.X.Properties.NotificationArn"),
    ("RES-023", "CN", _ros("ALIYUN::ESS::ScalingGroup", MinSize=0, MaxSize=2, NotificationConfigurations=[
        {"NotificationArn": _ROS_OWN_ASG_ARN, "NotificationTypes": ["AUTOSCALING:SCALE_OUT_SUCCESS"]}]),
     _ros("ALIYUN::ESS::ScalingGroup", MinSize=0, MaxSize=2, NotificationConfigurations=[
         {"NotificationArn": _ROS_ASG_ARN, "NotificationTypes": ["AUTOSCALING:SCALE_OUT_SUCCESS"]}]),
     "template_body(json).Resources.X.Properties.NotificationConfigurations[0].NotificationArn"),
    ("RES-023", "CN", _ros("ALIYUN::CMS::MetricRuleTargets", RuleId="cpu-high", Targets=[
        {"Id": "1", "Level": "CRITICAL", "Arn": _ROS_OWN_DLQ}]),
     _ros("ALIYUN::CMS::MetricRuleTargets", RuleId="cpu-high", Targets=[
         {"Id": "1", "Level": "CRITICAL", "Arn": _ROS_PARTNER_DLQ}]),
     "template_body(json).Resources.X.Properties.Targets[0].Arn"),
    ("RES-023", "CN", _ros_fc_async(_ROS_OWN_DLQ), _ros_fc_async(_ROS_PARTNER_DLQ),
     "template_body(json).Resources.X.Properties.AsyncConfiguration.Destination.OnFailure"),
    ("RES-023", "CN", _ros_serverless(_ROS_OWN_DLQ), _ros_serverless(_ROS_PARTNER_DLQ),
     "template_body(json).Resources.orders.worker.Properties.AsyncConfiguration.Destination.OnSuccess"),
]  # fmt: skip


def test_the_third_round_of_ros_types_is_judged_as_their_pulumi_twins() -> None:
    # ros48 (stop 48): the finding is the stack's, its rule and detail the pulumi-alicloud twin's (one judgement).
    async_config = {"on_failure": {"destination": _ROS_PARTNER_DLQ}}
    on_success = {"on_success": {"destination": _ROS_PARTNER_DLQ}}
    fc_async = "alicloud:fc/functionAsyncInvokeConfig:FunctionAsyncInvokeConfig"
    pairs = [
        (_ros("ALIYUN::VPC::VpcPeerConnection", VpcId="vpc-1", AcceptingVpcId="vpc-2",
              AcceptingAliUid=int(_ALI_PARTNER)),
         ali("alicloud:vpc/peerConnection:PeerConnection", vpc_id="vpc-1", accepting_vpc_id="vpc-2",
             accepting_ali_uid=int(_ALI_PARTNER))),
        (_ros("ALIYUN::CEN::TransitRouterVpnAttachment", VpnId="vco-1", VpnOwnerId=_ALI_PARTNER),
         ali("alicloud:cen/transitRouterVpnAttachment:TransitRouterVpnAttachment", vpn_id="vco-1",
             vpn_owner_id=_ALI_PARTNER)),
        (_ros("ALIYUN::PrivateLink::VpcEndpointService", User=[_ALI_PARTNER]),
         ali("alicloud:privatelink/vpcEndpointServiceUser:VpcEndpointServiceUser", service_id="epsrv-1",
             user_id=_ALI_PARTNER)),
        (_ros("ALIYUN::ESS::ScalingGroup", MinSize=0, MaxSize=2, NotificationConfigurations=[
            {"NotificationArn": _ROS_ASG_ARN, "NotificationTypes": ["AUTOSCALING:SCALE_OUT_SUCCESS"]}]),
         ali("alicloud:ess/notification:Notification", scaling_group_id="asg-1", notification_arn=_ROS_ASG_ARN,
             notification_types=["AUTOSCALING:SCALE_OUT_SUCCESS"])),
        (_ros_fc_async(_ROS_PARTNER_DLQ),
         ali(fc_async, service_name="s", function_name="f", destination_config=async_config)),
        (_ros_serverless(_ROS_PARTNER_DLQ),
         ali(fc_async, service_name="s", function_name="f", destination_config=on_success)),
    ]  # fmt: skip
    _assert_judged_as_twin("CN", _ROS_STACK, pairs)
    with pytest.raises(AssertionError, match=rf"{_ALI_PARTNER}"):
        raise AssertionError(RuleEngine("CN").check(pairs[-1][0])[0][0].detail)


# alired49 (stop 49): a flow's FDL task names the function each execution's input is sent to (`resourceArn`); a ROS
# CEN attachment names the network the stack's VPC joins. Each passed every door in a ROS template.
def _fdl(account: str, region: str = "cn-shanghai") -> str:
    arn = f"acs:fc:{region}:{account}:services/orders/functions/enrich"
    return f"version: v1\ntype: flow\nsteps:\n  - type: task\n    name: enrich\n    resourceArn: {arn}\n"


_ROS_OWN_FDL = {"Fn::Sub": _fdl("${ALIYUN::AccountId}", "${ALIYUN::Region}")}
PAIRS += [
    ("RES-023", "CN", _ros("ALIYUN::FNF::Flow", Name="f", Definition=_ROS_OWN_FDL),
     _ros("ALIYUN::FNF::Flow", Name="f", Definition=_fdl(_ALI_PARTNER)),
     "template_body(json).Resources.X.Properties.Definition(yaml).steps[0].resourceArn"),
    ("RES-017", "CN", _ros("ALIYUN::CEN::CenInstanceAttachment", **_ROS_CEN),
     _ros("ALIYUN::CEN::CenInstanceAttachment", **{**_ROS_CEN, "CenId": "cen-hubnetwork00001"}),
     "template_body(json).Resources.X.Properties.CenId"),
    ("RES-009", "CN", ali("alicloud:bp/studioApplication:StudioApplication", application_name="a", template_id="t",
                          area_id="cn-hangzhou"),
     ali("alicloud:bp/studioApplication:StudioApplication", application_name="a", template_id="t",
         area_id="ap-southeast-1"), "area_id"),
]  # fmt: skip


def test_ros_flows_are_judged_as_the_pulumi_flow() -> None:
    # alired49: ALIYUN::FNF::Flow's Definition and Funcraft's Aliyun::Serverless::Flow's (text or a YAML map) are the
    # fnf.Flow `definition`: a partner's function is the twin's RES-023, with its detail; a function abroad is RES-005
    # (before and after); the stack's own (ROS pseudo parameters) passes.
    twin = ali("alicloud:fnf/flow:Flow", name="f", description="d", type="FDL", definition=_fdl(_ALI_PARTNER))
    serverless = {"ROSTemplateFormatVersion": "2015-09-01", "Transform": "Aliyun::Serverless-2018-04-03"}

    def flow(definition: Any) -> Subject:
        props = {"Description": "d", "Definition": definition}
        body = {**serverless, "Resources": {"X": {"Type": "Aliyun::Serverless::Flow", "Properties": props}}}
        return ali(_ROS_STACK, template_body=json.dumps(body))

    fnf = _ros("ALIYUN::FNF::Flow", Name="f", Definition=_fdl(_ALI_PARTNER))
    _assert_judged_as_twin("CN", _ROS_STACK, [(fnf, twin), (flow(_fdl(_ALI_PARTNER)), twin)])
    (as_map,) = RuleEngine("JP").check(flow(yaml.safe_load(_fdl(_ALI_PARTNER, "ap-northeast-1"))))[0]
    assert (as_map.rule.id, as_map.path) == ("RES-023", "template_body(json).Resources.X.Properties.Definition"
                                                        ".steps[0].resourceArn")  # fmt: skip
    assert RuleEngine("CN").check(flow(_ROS_OWN_FDL))[0] == []
    (abroad,) = RuleEngine("CN").check(_ros("ALIYUN::FNF::Flow", Name="f", Definition=_fdl(_ALI_OWN, "us-west-1")))[0]
    assert abroad.rule.id == "RES-005"


def test_a_ros_cen_attachment_names_only_the_templates_own_network() -> None:
    # alired49: CenId / TransitRouterId are the Pulumi twins' global group fields. A literal id the template does not
    # make is RES-017 with the twin's detail; the template's own CEN and transit router by Ref, Fn::GetAtt or an
    # Fn::Sub of one variable pass; an Fn::Sub of a Parameter (no Default) is whatever the deployer passes: RES-017.
    own = {"Cen": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "c"}},
           "Router": {"Type": "ALIYUN::CEN::TransitRouter", "Properties": {"CenId": {"Ref": "Cen"}}}}  # fmt: skip
    kind = "ALIYUN::CEN::TransitRouterVpcAttachment"

    def attach(cen: Any, router: Any, parameters: dict[str, Any] | None = None) -> Subject:
        x = {"Type": kind, "Properties": {"CenId": cen, "TransitRouterId": router, "VpcId": "vpc-1"}}
        body = {"ROSTemplateFormatVersion": "2015-09-01", "Parameters": parameters or {}, "Resources": {**own, "X": x}}
        return ali(_ROS_STACK, template_body=json.dumps(body))

    twin = ali("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", vpc_id="vpc-1",
               cen_id="cen-hubnetwork00001", transit_router_id="tr-hubrouter0000001")  # fmt: skip
    found = RuleEngine("CN").check(attach("cen-hubnetwork00001", "tr-hubrouter0000001"))[0]
    expected = RuleEngine("CN").check(twin)[0]
    assert [(f.rule.id, f.path.rsplit(".", 1)[-1], f.detail) for f in found] == [
        ("RES-017", "CenId", expected[0].detail),
        ("RES-017", "TransitRouterId", expected[1].detail),
    ]
    for cen, router in (({"Ref": "Cen"}, {"Fn::GetAtt": ["Router", "TransitRouterId"]}),
                        ({"Fn::Sub": "${Cen}"}, {"Fn::Sub": "${Router.TransitRouterId}"})):  # fmt: skip
        assert RuleEngine("CN").check(attach(cen, router))[0] == [], cen
    given = attach({"Fn::Sub": "${HubCen}"}, {"Ref": "Router"}, {"HubCen": {"Type": "String"}})
    assert [(f.rule.id, f.value) for f in RuleEngine("CN").check(given)[0]] == [("RES-017", "${HubCen}")]


def _ros_cen_parameter(default: str | None = None, given: Any = None, function: str = "Ref") -> Subject:
    """A ROS CEN instance attachment whose CenId is a ``Ref`` to the Parameter HubCen (or an ``Fn::Select`` of a
    literal list naming ``default``), the Parameter's Default and the stack's given value as asked."""
    spec: dict[str, Any] = {"Type": "String", **({"Default": default} if default is not None else {})}
    cen = {"Ref": "HubCen"} if function == "Ref" else {"Fn::Select": [0, [default]]}
    x = {"Type": "ALIYUN::CEN::CenInstanceAttachment", "Properties": {**_ROS_CEN, "CenId": cen}}
    body = {"ROSTemplateFormatVersion": "2015-09-01", "Parameters": {"HubCen": spec}, "Resources": {"X": x}}
    props: dict[str, Any] = {"template_body": json.dumps(body)}
    if given is not None:
        props["parameters"] = [{"parameter_key": "HubCen", "parameter_value": given}]
    return ali(_ROS_STACK, **props)


PAIRS += [
    ("RES-017", "CN", _ros("ALIYUN::CEN::CenInstanceAttachment", **_ROS_CEN),
     _ros_cen_parameter("cen-hubnetwork00001"), "template_body(json).Resources.X.Properties.CenId"),
]  # fmt: skip


def test_a_ros_cen_id_from_a_parameter_is_the_value_it_is_given() -> None:
    # alired50: a CenId that is a Ref to a Parameter passed unjudged whatever the Parameter held (any template function
    # under the key did). It is the value the stack gives (else the Default), judged as that id: a partner's RES-017
    # (declarable by the id), the declared id passes; no value at all RES-017 (declarable by `${HubCen}`); an
    # Fn::Select of a literal list is each id it may give. A value given but not known yet (an output at a first
    # preview) is nothing to judge, as on the Pulumi attachment.
    def judged(subject: Subject, destinations: list[dict[str, Any]] | None = None) -> list[tuple[str, Any, Any]]:
        engine = RuleEngine("CN", destinations=list(parse_destinations(destinations or [])))
        return [(f.rule.id, f.value, f.declared_by) for f in engine.check(subject)[0]]

    partner = "cen-hubnetwork00001"
    assert judged(_ros_cen_parameter(partner)) == [("RES-017", partner, None)]
    assert judged(_ros_cen_parameter("cen-backbone", given=partner)) == [("RES-017", partner, None)]
    assert judged(_ros_cen_parameter(function="Select", default=partner)) == [("RES-017", partner, None)]
    hub = {"id": "hub", "kind": "resident", "match": partner, "evidence": "the hub CEN (network contract annex 2)"}
    assert judged(_ros_cen_parameter(partner), [hub]) == [("RES-017", partner, "hub")]
    (unset,) = RuleEngine("CN").check(_ros_cen_parameter())[0]
    assert (unset.rule.id, unset.value) == ("RES-017", "Ref HubCen")
    assert re.search(r"Parameter HubCen, which has no Default .* Give the Parameter the id", unset.detail), unset.detail
    named = {"id": "param", "kind": "resident", "match": "${HubCen}", "evidence": "the hub CEN given at deployment"}
    assert judged(_ros_cen_parameter(), [named]) == [("RES-017", "Ref HubCen", "param")]
    body = json.loads(_ros_cen_parameter().props["template_body"])
    pending = ali(_ROS_STACK, template_body=json.dumps(body), parameters=[{"parameter_key": "HubCen",
                                                                           "parameter_value": None}])  # fmt: skip
    assert judged(pending) == []


def test_a_ros_parameter_given_as_the_sdks_input_type_is_read() -> None:
    # alired50: the guard sees `parameters=[ros.StackParameterArgs(...)]` as input-type objects, not maps; their values
    # were not read, so a Region given abroad by one took the Parameter's Default (home) and passed. Read as the map.
    from pulumi_alicloud.ros import StackParameterArgs

    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-1", "DestinationRegionId": {"Ref": "T"}}}
    body = {"ROSTemplateFormatVersion": "2015-09-01", "Parameters": {"T": {"Type": "String", "Default": "cn-beijing"}},
            "Resources": {"X": copy}}  # fmt: skip

    def judged(region: str) -> list[tuple[str, Any]]:
        given = [StackParameterArgs(parameter_key="T", parameter_value=region)]
        subject = ali(_ROS_STACK, template_body=json.dumps(body), parameters=given)
        return [(f.rule.id, f.value) for f in RuleEngine("CN").check(subject)[0]]

    assert judged("ap-southeast-1") == [("RES-009", "ap-southeast-1")]
    assert judged("cn-hangzhou") == []


def test_a_serverless_function_is_read_as_a_child_of_its_service_only() -> None:
    # ros48 (stop 48): `children` reads an Aliyun::Serverless::Function declared as a key of its
    # Aliyun::Serverless::Service (or, as any typed resource, at the top of Resources); under a parent of another type
    # it is no function the transform makes (walked as text, as before). The function's own queue (Fn::GetAtt
    # ARN.WithSlash) passes.
    leak = _ros_serverless(_ROS_PARTNER_DLQ)
    body = json.loads(leak.props["template_body"])
    function = body["Resources"]["orders"]["worker"]
    top = {**body, "Resources": {"worker": function}}
    (finding,) = RuleEngine("CN").check(ali(_ROS_STACK, template_body=json.dumps(top)))[0]
    assert finding.path == "template_body(json).Resources.worker.Properties.AsyncConfiguration.Destination.OnSuccess"
    other_parent = {**body, "Resources": {"orders": {"Type": "Aliyun::Serverless::Log", "worker": function}}}
    assert RuleEngine("CN").check(ali(_ROS_STACK, template_body=json.dumps(other_parent)))[0] == []
    own_queue = {"Fn::GetAtt": ["Dlq", "ARN.WithSlash"]}
    body["Resources"]["Dlq"] = _ROS_QUEUE
    function["Properties"]["AsyncConfiguration"]["Destination"] = {"OnSuccess": own_queue, "OnFailure": own_queue}
    assert RuleEngine("CN").check(ali(_ROS_STACK, template_body=json.dumps(body)))[0] == []
    assert [f.rule.id for f in RuleEngine("CN").check(leak)[0]] == ["RES-023"]


# samsfn47 (stop 47): a SAM state machine's EventBridgeRule / CloudWatchEvent / Schedule event writes failed starts to
# the generated rule target's dead-letter queue, a ScheduleV2 event to the generated schedule target's; a SAM function's
# CloudWatchEvent event the same as its EventBridgeRule; an SNS event's SqsSubscription subscribes QueueArn to the topic
# (the generated subscription's Endpoint). Each passed every door before with another account's queue.
_SAM_SM = "AWS::Serverless::StateMachine"
_SAM_SM_DEFINITION = {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}
_SAM_SM_EVENTS: dict[str, dict[str, Any]] = {
    "EventBridgeRule": {"Pattern": {"source": ["aws.ec2"]}},
    "CloudWatchEvent": {"Pattern": {"source": ["aws.ec2"]}},
    "Schedule": {"Schedule": "rate(5 minutes)"},
    "ScheduleV2": {"ScheduleExpression": "rate(5 minutes)"},
}


def _sam_sm_event(kind: str, queue: Any, **extra: Any) -> Subject:
    event = {"Type": kind, "Properties": {**_SAM_SM_EVENTS[kind], "DeadLetterConfig": {"Arn": queue}, **extra}}
    return _cfn(_SAM_SM, Definition=_SAM_SM_DEFINITION, Events={"E": event})


def _sam_cwe(queue: Any) -> Subject:
    event = {
        "Type": "CloudWatchEvent",
        "Properties": {"Pattern": {"source": ["aws.ec2"]}, "DeadLetterConfig": {"Arn": queue}},
    }
    return _cfn(_SAM_FN, Handler="a.h", Runtime="python3.12", InlineCode="x", Events={"E": event})


def _sam_sqs_subscription(queue: Any) -> Subject:
    url = {"Fn::Sub": "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/q"}
    sns = {"Topic": "arn:aws:sns:eu-central-1:123456789012:t", "SqsSubscription": {"QueueArn": queue, "QueueUrl": url}}
    return _cfn(
        _SAM_FN, Handler="a.h", Runtime="python3.12", InlineCode="x", Events={"E": {"Type": "SNS", "Properties": sns}}
    )


PAIRS += [
    ("RES-023", "EU", _sam_sm_event(kind, _OWN_QUEUE), _sam_sm_event(kind, _OTHER_QUEUE),
     "template_body(json).Resources.X.Properties.Events.E.Properties.DeadLetterConfig.Arn")
    for kind in _SAM_SM_EVENTS
]  # fmt: skip
PAIRS += [
    ("RES-023", "EU", _sam_cwe(_OWN_QUEUE), _sam_cwe(_OTHER_QUEUE),
     "template_body(json).Resources.X.Properties.Events.E.Properties.DeadLetterConfig.Arn"),
    ("RES-023", "EU", _sam_sqs_subscription(_OWN_QUEUE), _sam_sqs_subscription(_OTHER_QUEUE),
     "template_body(json).Resources.X.Properties.Events.E.Properties.SqsSubscription.QueueArn"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("subject", "twin"),
    [
        (_sam_sm_event("EventBridgeRule", _OTHER_QUEUE),
         aws("aws:cloudwatch/eventTarget:EventTarget", _PINNED_EU, rule="r",
             arn="arn:aws:states:eu-central-1:123456789012:stateMachine:s", dead_letter_config={"arn": _OTHER_QUEUE})),
        (_sam_sm_event("ScheduleV2", _OTHER_QUEUE),
         aws("aws:scheduler/schedule:Schedule", _PINNED_EU, schedule_expression="rate(5 minutes)",
             flexible_time_window={"mode": "OFF"}, target={
                 "arn": "arn:aws:states:eu-central-1:123456789012:stateMachine:s",
                 "role_arn": "arn:aws:iam::123456789012:role/s", "dead_letter_config": {"arn": _OTHER_QUEUE}})),
        (_sam_cwe(_OTHER_QUEUE),
         aws("aws:cloudwatch/eventTarget:EventTarget", _PINNED_EU, rule="r",
             arn="arn:aws:lambda:eu-central-1:123456789012:function:f", dead_letter_config={"arn": _OTHER_QUEUE})),
        (_sam_sqs_subscription(_OTHER_QUEUE),
         aws("aws:sns/topicSubscription:TopicSubscription", _PINNED_EU, protocol="sqs", endpoint=_OTHER_QUEUE,
             topic="arn:aws:sns:eu-central-1:123456789012:t")),
    ],
    ids=["sm-eventbridgerule", "sm-schedulev2", "fn-cloudwatchevent", "fn-sns-sqssubscription"],
)  # fmt: skip
def test_a_sam_state_machine_or_function_event_destination_is_judged_as_the_pulumi_twins(
    subject: Subject, twin: Subject
) -> None:
    # The same destination in a SAM event and in the Pulumi resource SAM generates for it: the same rule and message.
    (finding,) = RuleEngine("EU").check(subject)[0]
    (pulumi,) = RuleEngine("EU").check(twin)[0]
    assert (finding.resource_type, finding.rule.id, finding.detail) == (_STACK, pulumi.rule.id, pulumi.detail)
    assert _OTHER in finding.detail


@pytest.mark.parametrize("kind", list(_SAM_SM_EVENTS))
def test_a_sam_state_machine_event_destination_of_the_stack_or_in_aws_cn_passes(kind: str) -> None:
    # The template's own queue (GetAtt, Fn::Sub of ${AWS::AccountId}) and a queue SAM makes (Type: SQS) pass; another
    # account's in aws-cn passes in CN (every account of the partition is China's), as in Pulumi.
    sub = {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:q"}
    for own in ({"Fn::GetAtt": ["Dlq", "Arn"]}, sub):
        assert RuleEngine("EU").check(_sam_sm_event(kind, own))[0] == [], own
    made = _cfn(_SAM_SM, Definition=_SAM_SM_DEFINITION, Events={"E": {"Type": kind, "Properties": {
        **_SAM_SM_EVENTS[kind], "DeadLetterConfig": {"Type": "SQS"}}}})  # fmt: skip
    assert RuleEngine("EU").check(made)[0] == []
    cn = _sam_sm_event(kind, "arn:aws-cn:sqs:cn-north-1:444455556666:q").props["template_body"]
    assert RuleEngine("CN").check(aws(_STACK, template_body=cn))[0] == []


def test_a_sam_event_role_or_target_id_is_read_as_before() -> None:
    # RoleArn (the role the rule or schedule assumes) and Target ({Id}) are not written destinations: the Pulumi
    # twins' role_arn is not judged either, so another account's passes in both places. (sam48: EventBusName is judged
    # since stop 48, test_a_rule_on_another_accounts_bus_is_judged_in_every_form.)
    role = f"arn:aws:iam::{_OTHER}:role/r"
    for kind, extra in (("Schedule", {"RoleArn": role}), ("ScheduleV2", {"RoleArn": role}),
                        ("EventBridgeRule", {"Target": {"Id": "t"}})):  # fmt: skip
        assert RuleEngine("EU").check(_sam_sm_event(kind, _OWN_QUEUE, **extra))[0] == [], kind
    twin = aws("aws:cloudwatch/eventTarget:EventTarget", _PINNED_EU, rule="r", role_arn=role,
               arn="arn:aws:states:eu-central-1:123456789012:stateMachine:s")  # fmt: skip
    assert RuleEngine("EU").check(twin)[0] == []


@pytest.mark.parametrize(
    ("code", "provider", "home", "abroad"),
    [("EU", _PINNED_EU, "eu-west-1", "us-east-1"), ("JP", _PINNED_JP, "ap-northeast-3", "us-east-1"),
     ("US", _PINNED_US, "us-west-2", "eu-west-1"), ("CN", AWS_CN, "cn-northwest-1", "ap-east-1")],
)  # fmt: skip
def test_a_sam_sns_events_region_is_judged_as_a_region(
    code: str, provider: ProviderRef, home: str, abroad: str
) -> None:
    # An SNS event's Region (the topic's Region, passed to the generated AWS::SNS::Subscription's Region) was already a
    # region field (RES-009) before stop 47: checked, not changed. An in-country Region and the stack's own pass.
    def sns(region: Any) -> Subject:
        event = {"Type": "SNS", "Properties": {"Topic": {"Ref": "T"}, "Region": region}}
        template = {"Resources": {"T": {"Type": "AWS::SNS::Topic"}, "X": {"Type": _SAM_FN, "Properties": {
            "Handler": "a.h", "Runtime": "python3.12", "InlineCode": "x", "Events": {"E": event}}}}}  # fmt: skip
        return aws(_STACK, provider, template_body=json.dumps(template))

    for region in (home, {"Ref": "AWS::Region"}):
        assert RuleEngine(code).check(sns(region))[0] == [], region
    (finding,) = RuleEngine(code).check(sns(abroad))[0]
    assert (finding.rule.id, finding.path) == (
        "RES-009",
        "template_body(json).Resources.X.Properties.Events.E.Properties.Region",
    )
    assert RuleEngine(code).check(sns("eu-mars-1"))[0][0].rule.id == "RES-011"


# samsfn47 (stop 47): a state machine's log group in a template (CloudFormation LoggingConfiguration, SAM Logging:
# Destinations[].CloudWatchLogsLogGroup.LogGroupArn) is the Pulumi state machine's
# logging_configuration.log_destination.
_PARTNER_LOG_GROUP = f"arn:aws:logs:eu-central-1:{_OTHER}:log-group:/fleet/flows:*"


def _sfn_logging(kind: str, log_group: Any) -> Subject:
    destinations = {"Level": "ALL", "Destinations": [{"CloudWatchLogsLogGroup": {"LogGroupArn": log_group}}]}
    if kind == _SAM_SM:
        return _cfn(kind, Definition=_SAM_SM_DEFINITION, Logging=destinations)
    return _cfn(kind, Definition=_SAM_SM_DEFINITION, RoleArn="arn:aws:iam::123456789012:role/r",
                LoggingConfiguration=destinations)  # fmt: skip


PAIRS += [
    ("RES-023", "EU", _sfn_logging(kind, "arn:aws:logs:eu-central-1:123456789012:log-group:/fleet/flows:*"),
     _sfn_logging(kind, _PARTNER_LOG_GROUP),
     f"template_body(json).Resources.X.Properties.{prop}.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn")
    for kind, prop in ((_SAM_SM, "Logging"), ("AWS::StepFunctions::StateMachine", "LoggingConfiguration"))
]  # fmt: skip


@pytest.mark.parametrize("kind", [_SAM_SM, "AWS::StepFunctions::StateMachine"])
def test_a_template_state_machines_log_group_is_judged_as_the_pulumi_twins(kind: str) -> None:
    # The same log group in the template and in the Pulumi state machine: the same rule and message. The template's own
    # log group (GetAtt, Fn::Sub of ${AWS::AccountId}) passes, another account's in aws-cn passes in CN; the level and
    # the other keys of the configuration are read as before (nothing judged).
    twin = aws("aws:sfn/stateMachine:StateMachine", _PINNED_EU, role_arn="arn:aws:iam::123456789012:role/r",
               definition=json.dumps(_SAM_SM_DEFINITION),
               logging_configuration={"level": "ALL", "log_destination": _PARTNER_LOG_GROUP})  # fmt: skip
    (finding,) = RuleEngine("EU").check(_sfn_logging(kind, _PARTNER_LOG_GROUP))[0]
    (pulumi,) = RuleEngine("EU").check(twin)[0]
    assert (finding.resource_type, finding.rule.id, finding.detail) == (_STACK, pulumi.rule.id, pulumi.detail)
    sub = {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/fleet/flows:*"}
    for own in ({"Fn::GetAtt": ["FlowLogs", "Arn"]}, sub):
        assert RuleEngine("EU").check(_sfn_logging(kind, own))[0] == [], own
    cn = _sfn_logging(kind, "arn:aws-cn:logs:cn-north-1:444455556666:log-group:/fleet/flows:*").props["template_body"]
    assert RuleEngine("CN").check(aws(_STACK, template_body=cn.replace("arn:aws:", "arn:aws-cn:")))[0] == []


# AWS red team, round 19 (stop 47): a pipe's enrichment receives every event (written_account_fields); an S3 ACL grant
# to a canonical id or e-mail address other than the owner the ACL names (acl_grantee_fields). Each offending subject
# passed on main c0b9543 (the awsred47-*-partner table programs).
_RED47_PIPE = "aws:pipes/pipe:Pipe"
_RED47_QUEUE = "arn:aws:sqs:eu-central-1:123456789012:orders"
_RED47_OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
_RED47_OTHER_ID = "a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4"


def _red47_acl(grantee: dict[str, str], owner: Any = _RED47_OWNER) -> dict[str, Any]:
    return {"owner": {"id": owner}, "grants": [{"grantee": grantee, "permission": "READ"}]}


PAIRS += [
    ("RES-023", "EU", aws(_RED47_PIPE, _PINNED_EU, role_arn="arn:aws:iam::123456789012:role/p", source=_RED47_QUEUE,
                          target=_RED47_QUEUE, enrichment="arn:aws:lambda:eu-central-1:123456789012:function:f"),
     aws(_RED47_PIPE, _PINNED_EU, role_arn="arn:aws:iam::123456789012:role/p", source=_RED47_QUEUE,
         target=_RED47_QUEUE, enrichment=f"arn:aws:lambda:eu-central-1:{_OTHER}:function:f"), "enrichment"),
    ("RES-023", "EU", aws("aws:s3/bucketAcl:BucketAcl", _PINNED_EU, bucket="b", access_control_policy=_red47_acl(
        {"type": "CanonicalUser", "id": _RED47_OWNER})),
     aws("aws:s3/bucketAcl:BucketAcl", _PINNED_EU, bucket="b", access_control_policy=_red47_acl(
         {"type": "CanonicalUser", "id": _RED47_OTHER_ID})), "access_control_policy.grants[0].grantee.id"),
    ("RES-023", "JP", aws("aws:s3/bucketAclV2:BucketAclV2", _PINNED_JP, bucket="b", access_control_policy=_red47_acl(
        {"type": "CanonicalUser", "id": _RED47_OWNER})),
     aws("aws:s3/bucketAclV2:BucketAclV2", _PINNED_JP, bucket="b", access_control_policy=_red47_acl(
         {"type": "AmazonCustomerByEmail", "email_address": "audit@partner.example.com"})),
     "access_control_policy.grants[0].grantee.email_address"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("props", "refused"),
    [
        (_red47_acl({"type": "CanonicalUser", "id": _RED47_OWNER}), False),  # the owner: nothing new granted
        (_red47_acl({"type": "CanonicalUser", "id": f" {_RED47_OWNER} "}), False),  # as written, spaces aside
        (
            {
                "owner": {"id": _RED47_OWNER},
                "grants": [  # camelCase, as the pack and a state file give it
                    {"grantee": {"type": "AmazonCustomerByEmail", "emailAddress": "audit@partner.example.com"}}
                ],
            },
            True,
        ),
        (_red47_acl({"type": "CanonicalUser", "id": _RED47_OTHER_ID}), True),
        (_red47_acl({"type": "CanonicalUser", "id": _RED47_OWNER}, owner=object()), True),  # owner unknown: fail closed
        (_red47_acl({"type": "CanonicalUser", "id": _RED47_OWNER}, owner=None), True),  # no owner beside it
        (_red47_acl({"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}), False),  # AWS's own
    ],
)
def test_an_acl_grantee_other_than_the_owner_is_another_account(props: dict[str, Any], refused: bool) -> None:
    # awsred47 (stop 47): a canonical id or e-mail address names no account number, so only the owner the same policy
    # names is proven; another is RES-023 until declared by its exact id or address; in aws-cn every account is China's.
    subject = aws("aws:s3/bucketAcl:BucketAcl", _PINNED_EU, bucket="b", access_control_policy=props)
    findings = RuleEngine("EU").check(subject)[0]
    assert [f.rule.id for f in findings] == ["RES-023"] * refused
    if refused:
        with pytest.raises(AssertionError, match=r"an identity other than the owner the ACL names"):
            raise AssertionError(findings[0].detail)
        grantee = findings[0].value.strip()
        declared = parse_destinations([{"id": "audit", "kind": "resident", "match": grantee, "evidence": "audit"}])
        assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]] == ["audit"]
    assert (
        RuleEngine("CN").check(aws("aws:s3/bucketAcl:BucketAcl", AWS_CN, bucket="b", access_control_policy=props))[0]
        == []
    )


@pytest.mark.parametrize(
    ("token", "path", "value", "props"),
    [
        ("aws:networkmanager/vpcAttachment:VpcAttachment", "core_network_id", "core-network-0a1b2c3d4e5f6a7b8",
         {"vpc_arn": "arn:aws:ec2:eu-central-1:123456789012:vpc/vpc-1",
          "subnet_arns": ["arn:aws:ec2:eu-central-1:123456789012:subnet/subnet-1"]}),
        ("aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment", "core_network_id",
         "core-network-0a1b2c3d4e5f6a7b8",
         {"vpn_connection_arn": "arn:aws:ec2:eu-central-1:123456789012:vpn-connection/vpn-1"}),
        ("aws:networkmanager/connectAttachment:ConnectAttachment", "core_network_id", "core-network-0a1b2c3d4e5f6a7b8",
         {"transport_attachment_id": "attachment-1", "edge_location": "eu-central-1", "options": {"protocol": "GRE"}}),
        ("aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment", "core_network_id",
         "core-network-0a1b2c3d4e5f6a7b8",
         {"edge_locations": ["eu-central-1"],
          "direct_connect_gateway_arn": "arn:aws:directconnect::123456789012:dx-gateway/a"}),
        ("aws:networkmanager/transitGatewayPeering:TransitGatewayPeering", "core_network_id",
         "core-network-0a1b2c3d4e5f6a7b8",
         {"transit_gateway_arn": "arn:aws:ec2:eu-central-1:123456789012:transit-gateway/tgw-1"}),
        ("aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment", "peering_id",
         "peering-0a1b2c3d4e5f6a7b8",
         {"transit_gateway_route_table_arn": "arn:aws:ec2:eu-central-1:123456789012:transit-gateway-route-table/r"}),
        ("aws:networkmanager/attachmentAccepter:AttachmentAccepter", "attachment_id", "attachment-0a1b2c3d4e5f6a7b8",
         {"attachment_type": "VPC"}),
        ("aws:opensearch/inboundConnectionAccepter:InboundConnectionAccepter", "connection_id", "cc-0a1b2c3d4e5f6a7b8",
         {}),
    ],
)  # fmt: skip
def test_a_cloud_wan_or_search_join_the_stack_did_not_make_is_refused_until_declared(
    token: str, path: str, value: str, props: dict[str, Any]
) -> None:
    # awsred47 (stop 47): a core network, peering, attachment or cross-cluster connection id names no account or
    # Region: the core network's edges and segments, the requesting domain are out of sight.
    subject = aws(token, _PINNED_EU, **{path: value}, **props)
    findings = RuleEngine("EU").check(subject)[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-017", path)]
    with pytest.raises(AssertionError, match=value):
        raise AssertionError(findings[0].detail)
    declared = parse_destinations([{"id": "net", "kind": "resident", "match": value, "evidence": "network account"}])
    assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]] == ["net"]
    # The stack's own (its id Output, a dependency's value) passes: awsred47-*-own.
    assert RuleEngine("EU").check(subject, known=lambda name: name == group_key(value))[0] == []


def test_a_cloud_wan_peering_s_transit_gateway_is_judged_by_its_account() -> None:
    # awsred47 (stop 47): the transit gateway exchanges routes and traffic with the core network
    # (written_account_fields).
    def peering(account: str) -> Subject:
        tgw = f"arn:aws:ec2:eu-central-1:{account}:transit-gateway/tgw-1"
        return aws("aws:networkmanager/transitGatewayPeering:TransitGatewayPeering", _PINNED_EU,
                   core_network_id="core-network-1", transit_gateway_arn=tgw)  # fmt: skip

    def own_core(name: str) -> bool:
        return name == group_key("core-network-1")

    assert RuleEngine("EU").check(peering("123456789012"), known=own_core)[0] == []
    findings = RuleEngine("EU").check(peering(_OTHER), known=own_core)[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-023", "transit_gateway_arn")]


# awsred47 (stop 47): a function, bus or principal of another account that receives each request or event of the stack
# (written_account_fields) or reaches its cluster (granted_account_fields). Each offending subject passed on main.
def _red47_invocation(account: str) -> str:
    function = f"arn:aws:lambda:eu-central-1:{account}:function:orders"
    return f"arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/{function}/invocations"


_RED47_WRITES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:pipes/pipe:Pipe", "enrichment",
     lambda a: {"role_arn": "arn:aws:iam::123456789012:role/p", "source": _RED47_QUEUE, "target": _RED47_QUEUE,
                "enrichment": f"arn:aws:lambda:eu-central-1:{a}:function:f"}),
    ("aws:apigateway/integration:Integration", "uri",
     lambda a: {"rest_api": "a", "resource_id": "r", "http_method": "POST", "type": "AWS_PROXY",
                "integration_http_method": "POST", "uri": _red47_invocation(a)}),
    ("aws:apigateway/authorizer:Authorizer", "authorizer_uri",
     lambda a: {"rest_api": "a", "name": "token", "authorizer_uri": _red47_invocation(a)}),
    ("aws:apigatewayv2/authorizer:Authorizer", "authorizer_uri",
     lambda a: {"api_id": "a", "authorizer_type": "REQUEST", "name": "auth", "authorizer_uri": _red47_invocation(a)}),
    ("aws:apigatewayv2/integration:Integration", "integration_uri",
     lambda a: {"api_id": "a", "integration_type": "AWS_PROXY",
                "integration_uri": f"arn:aws:lambda:eu-central-1:{a}:function:orders"}),
    ("aws:appsync/dataSource:DataSource", "lambda_config.function_arn",
     lambda a: {"api_id": "a", "name": "d", "type": "AWS_LAMBDA",
                "lambda_config": {"function_arn": f"arn:aws:lambda:eu-central-1:{a}:function:orders"}}),
    ("aws:appsync/dataSource:DataSource", "event_bridge_config.event_bus_arn",
     lambda a: {"api_id": "a", "name": "d", "type": "AMAZON_EVENTBRIDGE",
                "event_bridge_config": {"event_bus_arn": f"arn:aws:events:eu-central-1:{a}:event-bus/orders"}}),
    ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
     "extended_s3_configuration.processing_configuration.processors[0].parameters[0].parameter_value",
     lambda a: {"name": "f", "destination": "extended_s3", "extended_s3_configuration": {
         "role_arn": "arn:aws:iam::123456789012:role/f", "bucket_arn": "arn:aws:s3:::eu-central-1-own",
         "processing_configuration": {"enabled": True, "processors": [{"type": "Lambda", "parameters": [
             {"parameter_name": "LambdaArn", "parameter_value": f"arn:aws:lambda:eu-central-1:{a}:function:t"}]}]}}}),
    ("aws:cognito/userPool:UserPool", "lambda_config.pre_sign_up",
     lambda a: {"name": "u", "lambda_config": {"pre_sign_up": f"arn:aws:lambda:eu-central-1:{a}:function:signup"}}),
    ("aws:cognito/userPool:UserPool", "lambda_config.custom_sms_sender.lambda_arn",
     lambda a: {"name": "u", "lambda_config": {
         "kms_key_id": "arn:aws:kms:eu-central-1:123456789012:key/k",
         "custom_sms_sender": {"lambda_version": "V1_0",
                               "lambda_arn": f"arn:aws:lambda:eu-central-1:{a}:function:sms"}}}),
]  # fmt: skip
_RED47_GRANTS: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:eks/accessEntry:AccessEntry", "principal_arn",
     lambda a: {"cluster_name": "c", "principal_arn": f"arn:aws:iam::{a}:role/operators"}),
    ("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "principal_arn",
     lambda a: {"cluster_name": "c", "principal_arn": f"arn:aws:iam::{a}:role/operators",
                "access_scope": {"type": "cluster"},
                "policy_arn": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"}),
]  # fmt: skip
PAIRS += [
    ("RES-023", "EU", aws(token, _PINNED_EU, **props("123456789012")), aws(token, _PINNED_EU, **props(_OTHER)), path)
    for token, path, props in _RED47_WRITES + _RED47_GRANTS
    if "firehose" not in token  # its bucket is no bucket the subject makes (RES-017): judged in the test below
]


@pytest.mark.parametrize(
    ("token", "path", "props", "text"),
    [(*w, "which receives what the stack writes there") for w in _RED47_WRITES]
    + [(*g, "is granted access") for g in _RED47_GRANTS],
    ids=[f"{t.split(':')[1]}-{p}" for t, p, _ in _RED47_WRITES + _RED47_GRANTS],
)
def test_round_19_names_the_receiving_account(
    token: str, path: str, props: Callable[[str], dict[str, Any]], text: str
) -> None:
    # AWS red team, round 19 (stop 47): another account is refused unless pinned or declared; the own passes pinned;
    # aws-cn by partition.
    test_round_18_names_the_receiving_account(token, path, props, text)


def test_an_invocation_uri_is_judged_as_the_function_it_invokes() -> None:
    # awsred47 (stop 47): the stack's own function's `invoke_arn` under a provider pinning no account is proven by the
    # function's ARN output (made_arns), as its `arn` is; another account's is RES-023 naming the function.
    unpinned = ProviderRef("aws", "eu", "eu-central-1")
    own = "arn:aws:lambda:eu-central-1:123456789012:function:orders"
    subject = aws("aws:apigateway/authorizer:Authorizer", unpinned, rest_api="a", name="token",
                  authorizer_uri=_red47_invocation("123456789012"))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(subject)[0]] == ["RES-023"]
    assert RuleEngine("EU").check(subject, known=lambda name: name == made_arn_key(own))[0] == []
    other = aws("aws:apigateway/authorizer:Authorizer", _PINNED_EU, rest_api="a", name="token",
                authorizer_uri=_red47_invocation(_OTHER))  # fmt: skip
    (finding,) = RuleEngine("EU").check(other)[0]
    with pytest.raises(AssertionError, match=rf"arn:aws:lambda:eu-central-1:{_OTHER}:function:orders belongs to"):
        raise AssertionError(finding.detail)
    # Another integration form names no owner this way: an HTTP URL's host is judged as a host (here in-country).
    http = aws("aws:apigateway/integration:Integration", _PINNED_EU, rest_api="a", resource_id="r", http_method="GET",
               type="HTTP_PROXY", uri="https://orders.eu-central-1.elb.amazonaws.com/")  # fmt: skip
    assert RuleEngine("EU").check(http)[0] == []


@pytest.mark.parametrize(
    ("arn", "shared"),
    [
        ("arn:aws:sagemaker:eu-central-1:123456789012:feature-group/customers", True),
        ("arn:aws:ssm:eu-central-1:123456789012:parameter/claims/warehouse", True),
        ("arn:aws:sagemaker:eu-central-1:123456789012:pipeline/train", False),  # a pipeline runs in place: not data
        ("arn:aws:ec2:eu-central-1:123456789012:subnet/subnet-0a1b2c3d", False),
    ],
)
def test_a_ram_share_of_features_or_parameters_is_a_share_of_data(arn: str, shared: bool) -> None:
    # awsred47 (stop 47): `aws-ram-data-share` reads a feature group or an SSM parameter as data (RES-016); aws-cn lies
    # wholly in CN.
    share = "arn:aws:ram:eu-central-1:123456789012:resource-share/73da1ab9"
    subject = aws("aws:ram/resourceAssociation:ResourceAssociation", _PINNED_EU, resource_arn=arn,
                  resource_share_arn=share)  # fmt: skip
    assert [(f.rule.id, f.path) for f in RuleEngine("EU").check(subject)[0]] == [("RES-016", "resource_arn")] * shared
    cn = aws("aws:ram/resourceAssociation:ResourceAssociation", resource_arn=arn.replace("arn:aws:", "arn:aws-cn:")
             .replace("eu-central-1", "cn-north-1"), resource_share_arn=share.replace("arn:aws:", "arn:aws-cn:")
             .replace("eu-central-1", "cn-north-1"))  # fmt: skip
    assert RuleEngine("CN").check(cn)[0] == []


# sam48 (stop 48): SAM and CloudFormation templates, what stop 47 left. Each offending subject passed on main 1fd7240:
# an API's access log group (SAM Api / HttpApi, under Globals too, CloudFormation stages) and a rule's bus of another
# account (Pulumi EventRule / EventTarget, template Rule, SAM events), a snippet included from S3 (AWS::Include) in a
# bucket the stack does not make (CN) or at a location it cannot read.
_OTHER_LOGS = f"arn:aws:logs:eu-central-1:{_OTHER}:log-group:g"
_OWN_LOGS = "arn:aws:logs:eu-central-1:123456789012:log-group:g"
_OTHER_BUS = f"arn:aws:events:eu-central-1:{_OTHER}:event-bus/b"
_OWN_BUS = "arn:aws:events:eu-central-1:123456789012:event-bus/b"
_SAM_API_BODY = {"openapi": "3.0.1", "info": {"title": "a", "version": "1"}, "paths": {}}


def _access_log(kind: str, group: str) -> Subject:
    """An API's access log destination in each template form (SAM Api, HttpApi, their Globals; CloudFormation
    stages)."""
    log = {"DestinationArn": group, "Format": "$context.requestId"}
    api = {"StageName": "p", "EndpointConfiguration": "REGIONAL", "DefinitionBody": _SAM_API_BODY}
    forms: dict[str, dict[str, Any]] = {
        "sam-api": {"Resources": {"X": {"Type": "AWS::Serverless::Api", "Properties": {
            **api, "AccessLogSetting": log}}}},
        "sam-globals-api": {"Globals": {"Api": {"AccessLogSetting": log}},
                            "Resources": {"X": {"Type": "AWS::Serverless::Api", "Properties": api}}},
        "sam-httpapi": {"Resources": {"X": {"Type": "AWS::Serverless::HttpApi", "Properties": {
            "AccessLogSettings": log}}}},
        "sam-globals-httpapi": {"Globals": {"HttpApi": {"AccessLogSettings": log}},
                                "Resources": {"X": {"Type": "AWS::Serverless::HttpApi"}}},
        "cfn-stage": {"Resources": {"X": {"Type": "AWS::ApiGateway::Stage", "Properties": {
            "RestApiId": "a", "StageName": "p", "AccessLogSetting": log}}}},
        "cfn-v2-stage": {"Resources": {"X": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {
            "ApiId": "a", "StageName": "p", "AccessLogSettings": log}}}},
    }  # fmt: skip
    template = {"Transform": "AWS::Serverless-2016-10-31", **forms[kind]}
    return aws(_STACK, _PINNED_EU, template_body=json.dumps(template))


_ACCESS_LOG_PATHS = {
    "sam-api": "Resources.X.Properties.AccessLogSetting.DestinationArn",
    "sam-globals-api": "Globals.Api.AccessLogSetting.DestinationArn",
    "sam-httpapi": "Resources.X.Properties.AccessLogSettings.DestinationArn",
    "sam-globals-httpapi": "Globals.HttpApi.AccessLogSettings.DestinationArn",
    "cfn-stage": "Resources.X.Properties.AccessLogSetting.DestinationArn",
    "cfn-v2-stage": "Resources.X.Properties.AccessLogSettings.DestinationArn",
}
PAIRS += [
    ("RES-023", "EU", _access_log(kind, _OWN_LOGS), _access_log(kind, _OTHER_LOGS), f"template_body(json).{where}")
    for kind, where in _ACCESS_LOG_PATHS.items()
]  # fmt: skip


@pytest.mark.parametrize("kind", list(_ACCESS_LOG_PATHS))
def test_a_template_apis_access_log_group_is_judged_as_the_pulumi_stages(kind: str) -> None:
    # The same log group in a template and on the Pulumi stage it becomes: the same rule and message (sam48). The
    # template's own log group by Fn::Sub of ${AWS::AccountId} passes; another aws-cn account passes in CN.
    token = "aws:apigatewayv2/stage:Stage" if "httpapi" in kind or "v2" in kind else "aws:apigateway/stage:Stage"
    twin = aws(token, _PINNED_EU, access_log_settings={"destination_arn": _OTHER_LOGS, "format": "x"})
    (finding,) = RuleEngine("EU").check(_access_log(kind, _OTHER_LOGS))[0]
    (pulumi,) = RuleEngine("EU").check(twin)[0]
    assert (finding.resource_type, finding.rule.id, finding.detail) == (_STACK, pulumi.rule.id, pulumi.detail)
    own = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:g"
    assert RuleEngine("EU").check(_access_log(kind, own))[0] == []
    cn = _access_log(kind, f"arn:aws-cn:logs:cn-north-1:{_OTHER}:log-group:g").props["template_body"]
    assert RuleEngine("CN").check(aws(_STACK, template_body=cn))[0] == []


def _bus_rule(kind: str, bus: Any, target: str = _OWN_QUEUE) -> Subject:
    """A rule on a bus: the Pulumi EventRule / EventTarget, a template AWS::Events::Rule, a SAM function's
    EventBridgeRule event, a SAM state machine's CloudWatchEvent event."""
    if kind == "pulumi-rule":
        return aws("aws:cloudwatch/eventRule:EventRule", _PINNED_EU, event_bus_name=bus, event_pattern="{}")
    if kind == "pulumi-target":
        return aws("aws:cloudwatch/eventTarget:EventTarget", _PINNED_EU, rule="r", event_bus_name=bus, arn=target)
    if kind == "cfn-rule":
        return _cfn("AWS::Events::Rule", EventBusName=bus, EventPattern={"source": ["a"]},
                    Targets=[{"Id": "q", "Arn": target}])  # fmt: skip
    event = {"Pattern": {"source": ["aws.ec2"]}, "EventBusName": bus}
    if kind == "sam-fn-eventbridgerule":
        return _cfn(_SAM_FN, Handler="a.h", Runtime="python3.12", InlineCode="x",
                    Events={"E": {"Type": "EventBridgeRule", "Properties": event}})  # fmt: skip
    return _cfn(_SAM_SM, Definition=_SAM_SM_DEFINITION, Events={"E": {"Type": "CloudWatchEvent", "Properties": event}})


_BUS_PATHS = {
    "pulumi-rule": "event_bus_name",
    "pulumi-target": "event_bus_name",
    "cfn-rule": "template_body(json).Resources.X.Properties.EventBusName",
    "sam-fn-eventbridgerule": "template_body(json).Resources.X.Properties.Events.E.Properties.EventBusName",
    "sam-sm-cloudwatchevent": "template_body(json).Resources.X.Properties.Events.E.Properties.EventBusName",
}
PAIRS += [("RES-023", "EU", _bus_rule(kind, _OWN_BUS), _bus_rule(kind, _OTHER_BUS), where)
          for kind, where in _BUS_PATHS.items()]  # fmt: skip


@pytest.mark.parametrize("kind", list(_BUS_PATHS))
def test_a_rule_on_another_accounts_bus_is_judged_in_every_form(kind: str) -> None:
    # PutRule / PutTargets accept another account's bus ARN and store the rule and its targets there (sam48): the
    # receiving account is named as on any written destination. A bus name (the provider's own account's), the
    # template's own bus by Ref and another aws-cn account in CN pass.
    (finding,) = RuleEngine("EU").check(_bus_rule(kind, _OTHER_BUS))[0]
    assert _OTHER in finding.detail
    for own in ("fleet", "default", {"Ref": "Bus"}):
        if isinstance(own, str) or not kind.startswith("pulumi-"):
            assert RuleEngine("EU").check(_bus_rule(kind, own))[0] == [], own
    cn = _bus_rule(kind, f"arn:aws-cn:events:cn-north-1:{_OTHER}:event-bus/b", "arn:aws-cn:sqs:cn-north-1:1:q")
    assert RuleEngine("CN").check(Subject(cn.type, cn.name, cn.props, AWS_CN))[0] == []


def _include(location: Any, **resources: Any) -> Subject:
    """Fn::Transform AWS::Include at the Resources level, the transform's documented form."""
    body = {"Resources": {**resources, "Q": {"Type": "AWS::SQS::Queue"},
                          "Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": location}}}}  # fmt: skip
    return aws(_STACK, _PINNED_CN46, template_body=json.dumps(body))


_SNIPPETS = {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-snippets"}}}
PAIRS += [
    ("RES-025", "CN", _include("s3://fleet-snippets/x.yaml", **_SNIPPETS), _include("s3://shared-snippets/x.yaml"),
     "template_body(json).Resources.Fn::Transform.Parameters.Location"),
]  # fmt: skip


def test_a_snippet_included_from_s3_is_refused_unless_the_stack_makes_its_bucket() -> None:
    # AWS::Include (sam48): no front door reads the snippet, so it is unproven (RES-025) unless the stack's own bucket
    # holds it (falsealarm47's ruling for a definition held in S3: the bucket's owner decides who writes it) or its
    # location is declared. Outside CN a bucket the stack does not make is RES-017 beside it (as before).
    region_bucket = {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {
        "Fn::Sub": "fleet-snippets-${AWS::Region}"}}}}  # fmt: skip
    for own in (_include("s3://fleet-snippets/x.yaml", **_SNIPPETS), _include({"Fn::Sub": "s3://${B}/x.yaml"}, B={
            "Type": "AWS::S3::Bucket"}), _include({"Fn::Sub": "s3://fleet-snippets-${AWS::Region}/x.yaml"},
                                                  **region_bucket)):  # fmt: skip
        assert RuleEngine("CN").check(own)[0] == []
    (finding,) = RuleEngine("CN").check(_include({"Ref": "Location"}))[0]
    assert finding.rule.id == "RES-025"
    assert "cannot read" in finding.detail
    shared = _include("s3://shared-snippets/x.yaml").props["template_body"]
    found = RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=shared))[0]
    assert sorted(f.rule.id for f in found) == ["RES-017", "RES-025"]
    entry = {"id": "snippets", "kind": "resident", "match": "shared-snippets", "evidence": "reviewed"}
    declared = RuleEngine("EU", destinations=parse_destinations([entry]))
    assert all(f.declared_by == "snippets" for f in declared.check(aws(_STACK, _PINNED_EU, template_body=shared))[0])
    other = {"Resources": {"Fn::Transform": {"Name": "Fleet::Macro", "Parameters": {}}}}
    assert RuleEngine("CN").check(aws(_STACK, _PINNED_CN46, template_body=json.dumps(other)))[0] == []


def test_a_bucket_named_with_the_region_is_the_templates_own_under_the_same_text() -> None:
    # falsealarm47 left `${AWS::Region}` in a bucket name not tried (sam48): the template reading fills the Region in
    # the BucketName and in the reference alike, so the same text names the same bucket (already so on main). A
    # different name, or the same name with another Region written in, stays RES-017.
    def policy(source: Any) -> Subject:
        statement = {
            "Effect": "Allow",
            "Principal": {"Service": "s3.amazonaws.com"},
            "Action": "sqs:SendMessage",
            "Resource": {"Fn::GetAtt": ["Q", "Arn"]},
            "Condition": {"ArnLike": {"aws:SourceArn": source}},
        }
        body = {"Resources": {
            "B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "fleet-a-${AWS::Region}"}}},
            "Q": {"Type": "AWS::SQS::Queue"},
            "P": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Q"}], "PolicyDocument": {
                "Version": "2012-10-17", "Statement": [statement]}}}}}  # fmt: skip
        return aws(_STACK, _PINNED_EU, template_body=json.dumps(body))

    for own in ({"Fn::Sub": "arn:${AWS::Partition}:s3:::fleet-a-${AWS::Region}"}, "arn:aws:s3:::fleet-a-eu-central-1"):
        assert RuleEngine("EU").check(policy(own))[0] == [], own
    for other in ({"Fn::Sub": "arn:${AWS::Partition}:s3:::partner-${AWS::Region}"}, "arn:aws:s3:::fleet-a-us-east-1"):
        assert [f.rule.id for f in RuleEngine("EU").check(policy(other))[0]] == ["RES-017"], other


def test_a_sam_connector_is_judged_as_the_policy_it_generates() -> None:
    # AWS::Serverless::Connector (and a resource's Connectors) generate an IAM identity policy on the source's role
    # naming the Destination (sam48). The Pulumi twin, a role policy allowing sqs:SendMessage on another account's
    # queue, passes (identity policies' Resource accounts are not judged: the queue's owner grants by its own policy,
    # judged where it is made), so the connector passes too; the Destination ARN's Region is judged as any ARN's.
    def connector(destination: dict[str, Any], embedded: bool = False) -> Subject:
        fn = {"Type": _SAM_FN, "Properties": {"Handler": "a.h", "Runtime": "python3.12", "InlineCode": "x"}}
        properties = {"Destination": destination, "Permissions": ["Write"]}
        if embedded:
            return aws(_STACK, _PINNED_EU, template_body=json.dumps({"Resources": {"F": {
                **fn, "Connectors": {"C": {"Properties": properties}}}}}))  # fmt: skip
        body = {"Resources": {"F": fn, "Q": {"Type": "AWS::SQS::Queue"}, "C": {
            "Type": "AWS::Serverless::Connector", "Properties": {"Source": {"Id": "F"}, **properties}}}}  # fmt: skip
        return aws(_STACK, _PINNED_EU, template_body=json.dumps(body))

    partner = {"Arn": _OTHER_QUEUE, "Type": "AWS::SQS::Queue"}
    policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": _OTHER_QUEUE}]})  # fmt: skip
    twin = aws("aws:iam/rolePolicy:RolePolicy", _PINNED_EU, role="r", policy=policy)
    assert RuleEngine("EU").check(twin)[0] == []
    for passing in (connector({"Id": "Q"}), connector(partner), connector(partner, embedded=True)):
        assert RuleEngine("EU").check(passing)[0] == []
    abroad = {"Arn": f"arn:aws:sqs:us-east-1:{_OTHER}:q", "Type": "AWS::SQS::Queue"}
    assert [f.rule.id for f in RuleEngine("EU").check(connector(abroad))[0]] == ["RES-004"]


# alired48 (stop 48): Alibaba Cloud red team. Numbers that certificate authorities and SLS alerts text or call: an SSL
# certificate application's contact's `mobile` and company's `company_phone` (phone_fields), and an SLS alert user's
# `phone`, read with the `country_code` beside it in the record's JSON value (`country_code_key`). Each offending
# subject passed on the unchanged catalogue.
_SLS_USER = "alicloud:log/resourceRecord:ResourceRecord"


def _sls_user(phone: str, country_code: str | int | None) -> dict[str, Any]:
    user: dict[str, Any] = {"user_id": "oncall", "user_name": "on-call", "phone": phone, "sms_enabled": True,
                            "voice_enabled": True, "enabled": True}  # fmt: skip
    if country_code is not None:
        user["country_code"] = country_code
    return {"resource_name": "sls.common.user", "record_id": "oncall", "tag": "on-call", "value": json.dumps(user)}


PAIRS += [
    ("RES-022", "CN", ali("alicloud:sslcertificatesservice/contact:Contact", name="pki", mobile="+8613312345678"),
     ali("alicloud:sslcertificatesservice/contact:Contact", name="pki", mobile="+4915123456789"), "mobile"),
    ("RES-022", "CN", ali("alicloud:sslcertificatesservice/company:Company", company_name="Fleet",
                          company_phone="+8615101081174"),
     ali("alicloud:sslcertificatesservice/company:Company", company_name="Fleet", company_phone="+81312345678"),
     "company_phone"),
    ("RES-022", "CN", ali(_SLS_USER, **_sls_user("18888888889", "86")), ali(_SLS_USER, **_sls_user("18888888889", "1")),
     "value(json).phone"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "phone", "country_code", "country"),
    [
        ("CN", "18888888889", "86", None),  # the registry's example: passes in CN
        ("CN", "18888888889", 86, None),  # the code as a JSON number
        ("CN", "9012345678", "81", "JP"),
        ("JP", "9012345678", "81", None),
        ("JP", "18888888889", "86", "CN"),
        ("DE", "15123456789", "49", None),
        ("DE", "+8618888888889", "49", "CN"),  # a number written with its own code is judged by that code
        ("JP", "9012345678", None, "none"),  # no code beside it: nothing proves the country
        ("JP", "9012345678", "+81", None),  # the code written with its plus
        ("JP", "9012345678", "JP", "none"),  # no calling code
    ],
)
def test_an_sls_alert_user_s_phone_is_read_with_its_country_code(
    code: str, phone: str, country_code: str | int | None, country: str | None
) -> None:
    # alired48 (stop 48): before, the phone was not judged at all (a +49 user in a CN stack passed).
    findings = RuleEngine(code).check(ali(_SLS_USER, None, **_sls_user(phone, country_code)))[0]
    phones = [f for f in findings if f.rule.id == "RES-022"]
    if country is None:
        assert phones == []
        return
    assert [f.path for f in phones] == ["value(json).phone"]
    where = "has no country code" if country == "none" else f"is a number in {country}, not in one of"
    with pytest.raises(AssertionError, match=rf"Phone number {re.escape(phone)}.*{where}"):
        raise AssertionError(phones[0].detail)


def test_an_sls_alert_user_s_phone_abroad_is_declared_by_its_full_number() -> None:
    # The declaration names the number as texts reach it (country code and number), however the record splits it.
    subject = ali(_SLS_USER, **_sls_user("15123456789", "49"))
    (finding,) = [f for f in RuleEngine("CN").check(subject)[0] if f.rule.id == "RES-022"]
    assert "(country code 49 beside it) is a number in DE" in finding.detail
    declared = parse_destinations(
        [{**PARTNER_TRANSFER, "id": "oncall-de", "match": "+4915123456789", "expires": "2030-12-31"}]
    )
    (covered,) = [f for f in RuleEngine("CN", destinations=declared).check(subject)[0] if f.rule.id == "RES-022"]
    assert covered.declared_by == "oncall-de"


@pytest.mark.parametrize("code", ["JP", "DE"])
@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("alicloud:cas/serviceCertificate:ServiceCertificate", {"certificate_name": "portal", "cert": "c", "key": "k"}),
        ("alicloud:sslcertificatesservice/contact:Contact", {"name": "pki", "mobile": "+819012345678"}),
        ("alicloud:sslcertificatesservicecertificate/apply:Apply", {"instance_id": "cas-1", "domain": "a.example"}),
        ("alicloud:das/switchDasPro:SwitchDasPro", {"instance_id": "rm-0a1b2c3d", "sql_retention": 30}),
    ],
)
def test_certificate_and_database_autonomy_services_are_resident_only_in_cn(
    code: str, token: str, props: dict[str, Any]
) -> None:
    # alired48 (stop 48): pulumi-alicloud sends these to cas.aliyuncs.com / cas.ap-southeast-1 and das.cn-shanghai
    # whatever the provider's region: they passed on Tokyo and Frankfurt providers. In CN they pass (the hub is there).
    provider = _ALI_PINNED_JP if code == "JP" else _ALI_PINNED_DE
    mobiles = {"CN": "+8613312345678", "JP": "+819012345678", "DE": "+4915123456789"}  # each stack's own country's

    def own(where: str) -> dict[str, Any]:
        return {**props, "mobile": mobiles[where]} if "mobile" in props else props

    assert RuleEngine("CN").check(ali(token, _ALI_PINNED_CN, **own("CN")))[0] == []
    findings = RuleEngine(code).check(ali(token, provider, **own(code)))[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-016", "")]
    assert re.search(r"\[alicloud-(cas|das)-hub-region\]", findings[0].detail)


@pytest.mark.parametrize(
    "token",
    [
        "alicloud:sslcertificatesservicecertificate/validation:Validation",
        "alicloud:sslcertificatesserviceinstance/certificate:Certificate",
        "alicloud:sslcertificatesservicepcacert/sync:Sync",
    ],
)
def test_certificate_service_resources_that_send_nothing_new_pass_abroad(token: str) -> None:
    # alired48: waiting on an order, reading an issued certificate by id and copying private-CA certificates inside the
    # service send nothing of the stack's: not refused as the hub's other resources are.
    assert RuleEngine("JP").check(ali(token, _ALI_PINNED_JP, instance_id="cas-1", certificate_id=1))[0] == []


# A region field holding a document's text (mutation48, round 16's two `region-nested` survivors): an unknown Region,
# RES-011, as an unknown Region name is; the Region written as the value passes / is RES-009 as before.
_GREEN_SCAN = "alicloud:aligreen/ossStockTask:OssStockTask"
_CLOUD_CONTROL = "alicloud:cloudcontrol/resource:Resource"


def _green_buckets(region: str) -> str:
    return json.dumps([{"Bucket": "fleet-photos", "Region": region, "Selected": True}])


def _desired_vpc(region: str) -> str:
    return json.dumps({"RegionId": region, "CidrBlock": "10.50.0.0/16", "VpcName": "analytics"})


PAIRS += [
    ("RES-011", "CN", ali(_GREEN_SCAN, buckets=_green_buckets("cn-shanghai")),
     ali(_GREEN_SCAN, buckets=_green_buckets(json.dumps({"Region": "cn-shanghai"}))), "buckets(json)[0].Region"),
    ("RES-011", "JP", ali(_CLOUD_CONTROL, _ALI_JP, product="VPC", resource_code="VPC",
                          desire_attributes=_desired_vpc("ap-northeast-1")),
     ali(_CLOUD_CONTROL, _ALI_JP, product="VPC", resource_code="VPC",
         desire_attributes=_desired_vpc(json.dumps({"RegionId": "ap-northeast-1"}))),
     "desire_attributes(json).RegionId"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("region", "verdict"),
    [
        ("cn-shanghai", []),
        ("cn-hongkong", ["RES-009"]),
        (json.dumps({"Region": "cn-hongkong"}), ["RES-011"]),
        (json.dumps({"Region": "cn-shanghai"}), ["RES-011"]),  # no API takes a document as a Region
        # A JSON list of Regions is a list, judged item by item as a comma list is (the lead's review, stop 48: an
        # in-country list was RES-011); a list of maps is no list of Regions.
        ('["cn-hongkong"]', ["RES-009"]),
        ('["cn-shanghai", "cn-beijing"]', []),
        ('["cn-shanghai", "cn-hongkong"]', ["RES-009"]),
        ("[]", []),
        (json.dumps([{"Region": "cn-shanghai"}]), ["RES-011"]),
        ("Region: cn-hongkong\nBucket: b\n", ["RES-011"]),  # YAML text, not read word by word
        ("Region: cn-shanghai\nBucket: b\n", ["RES-011"]),
        ("*", []),  # not region-shaped and no document: left alone, as before
        ("", []),
    ],
)
def test_a_region_field_holding_a_document_is_an_unknown_region(region: str, verdict: list[str]) -> None:
    subject = ali(_GREEN_SCAN, buckets=_green_buckets(region))
    assert [f.rule.id for f in RuleEngine("CN").check(subject)[0]] == verdict


def _sam_dlq(account: str) -> str:
    target = f"arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:{account}:${{Dlq.QueueName}}"
    return json.dumps({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
        "Dlq": {"Type": "AWS::SQS::Queue"},
        "Orders": {"Type": "AWS::Serverless::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.h", "InlineCode": "x",
            "DeadLetterQueue": {"Type": "SQS", "TargetArn": {"Fn::Sub": target}}}}}})  # fmt: skip


# mutation48: a template's written destination as an Fn::Sub text still holding a variable (`${Dlq.QueueName}`) is
# judged at its property, as the same text with no variable left is: another account's queue is RES-023.
PAIRS += [
    ("RES-023", "EU", aws(_STACK, _PINNED_EU, name="s", template_body=_sam_dlq("${AWS::AccountId}")),
     aws(_STACK, _PINNED_EU, name="s", template_body=_sam_dlq(_OTHER)),
     "template_body(json).Resources.Orders.Properties.DeadLetterQueue.TargetArn.Fn::Sub"),
]  # fmt: skip


# mutation49 (mutation search, round 18): an `Fn::Join` nested in a template resource's property (a state machine
# definition's `TopicArn`, a ROS EventBridge target's `Endpoint`) is judged as the text it gives, as the text written
# out is: another Region or account joined in passed on main 3b6f8c1 (its parts were walked one by one).
def _sfn_join(region: Any, account: Any) -> str:
    topic = {"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "sns", region, account, "alerts"]]}
    task = {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "End": True,
            "Parameters": {"TopicArn": topic, "Message.$": "$"}}  # fmt: skip
    definition = {"StartAt": "Notify", "States": {"Notify": task}}
    flow = {"Type": "AWS::StepFunctions::StateMachine",
            "Properties": {"RoleArn": "arn:aws:iam::123456789012:role/flow", "Definition": definition}}  # fmt: skip
    return json.dumps({"Resources": {"Flow": flow}})


def _ros_rule_join(account: Any) -> Subject:
    endpoint = {"Fn::Join": ["", ["acs:mns:", {"Ref": "ALIYUN::Region"}, ":", account, ":queues/orders"]]}
    target = {"Id": "orders", "Type": "acs.mns.queue", "Endpoint": endpoint}
    return _ros("ALIYUN::EventBridge::Rule", EventBusName="default", RuleName="r", Targets=[target])


# Since fnsub49 (stop 49) a template's Fn::Join is evaluated before any door reads it: a join holding a pseudo parameter
# the engine cannot fill is read as the Fn::Sub text it equals, its ARN reported at the join the template wrote
# (fnsel50, stop 50; `.Fn::Sub` at stop 49), a written account at the property.
_SFN_JOIN_PATH = "template_body(json).Resources.Flow.Properties.Definition.States.Notify.Parameters.TopicArn"
_OWN_REGION, _OWN_ACCOUNT = {"Ref": "AWS::Region"}, {"Ref": "AWS::AccountId"}
PAIRS += [
    ("RES-004", "JP", aws(_STACK, _PINNED_JP, name="s", template_body=_sfn_join(_OWN_REGION, _OWN_ACCOUNT)),
     aws(_STACK, _PINNED_JP, name="s", template_body=_sfn_join("ap-northeast-2", _OWN_ACCOUNT)),
     f"{_SFN_JOIN_PATH}.Fn::Join"),
    ("RES-023", "EU", aws(_STACK, _PINNED_EU, name="s", template_body=_sfn_join(_OWN_REGION, _OWN_ACCOUNT)),
     aws(_STACK, _PINNED_EU, name="s", template_body=_sfn_join(_OWN_REGION, "444455556666")), _SFN_JOIN_PATH),
    ("RES-023", "CN", _ros_rule_join({"Ref": "ALIYUN::AccountId"}), _ros_rule_join(_ALI_PARTNER),
     "template_body(json).Resources.X.Properties.Targets[0].Endpoint"),
]  # fmt: skip


# AWS red team, round 20 (stop 48): inputs that hand the stack's workload to another account (written_account_fields:
# an EKS Pod Identity target role, a VPC Lattice service network a VPC joins, a service-network or resource VPC
# endpoint), and S3 grants that name no owner beside the grantee (acl_grantee_fields without `owner`). Each offending
# subject passed on main 1fd7240 (the awsred48-*-partner table programs).
_RED48_WRITES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:eks/podIdentityAssociation:PodIdentityAssociation", "target_role_arn",
     lambda a: {"cluster_name": "c", "namespace": "n", "service_account": "s",
                "role_arn": "arn:aws:iam::123456789012:role/pods", "target_role_arn": f"arn:aws:iam::{a}:role/writer"}),
    ("aws:vpclattice/serviceNetworkVpcAssociation:ServiceNetworkVpcAssociation", "service_network_identifier",
     lambda a: {"vpc_identifier": "vpc-1",
                "service_network_identifier": f"arn:aws:vpc-lattice:eu-central-1:{a}:servicenetwork/sn-0a1b2c3d"}),
    ("aws:ec2/vpcEndpoint:VpcEndpoint", "service_network_arn",
     lambda a: {"vpc_id": "vpc-1", "vpc_endpoint_type": "ServiceNetwork",
                "service_network_arn": f"arn:aws:vpc-lattice:eu-central-1:{a}:servicenetwork/sn-0a1b2c3d"}),
    ("aws:ec2/vpcEndpoint:VpcEndpoint", "resource_configuration_arn",
     lambda a: {"vpc_id": "vpc-1", "vpc_endpoint_type": "Resource",
                "resource_configuration_arn": f"arn:aws:vpc-lattice:eu-central-1:{a}:resourceconfiguration/rcfg-1"}),
]  # fmt: skip
PAIRS += [
    ("RES-023", "EU", aws(token, _PINNED_EU, **props("123456789012")), aws(token, _PINNED_EU, **props(_OTHER)), path)
    for token, path, props in _RED48_WRITES
]


@pytest.mark.parametrize(
    ("token", "path", "props"), _RED48_WRITES, ids=[f"{t.split(':')[1]}-{p}" for t, p, _ in _RED48_WRITES]
)
def test_round_20_names_the_receiving_account(token: str, path: str, props: Callable[[str], dict[str, Any]]) -> None:
    # AWS red team, round 20 (stop 48): another account is refused unless pinned or declared; the own passes pinned;
    # aws-cn by partition.
    test_round_18_names_the_receiving_account(token, path, props, "which receives what the stack writes there")


def test_a_lattice_network_named_by_its_id_names_no_account() -> None:
    # awsred48: a service network's `sn-` id names no account (its ARN is required across accounts: "You must use the
    # ARN if the resources specified in the operation are in different accounts"), as the service association's entry.
    subject = aws("aws:vpclattice/serviceNetworkVpcAssociation:ServiceNetworkVpcAssociation", _PINNED_EU,
                  vpc_identifier="vpc-1", service_network_identifier="sn-0a1b2c3d4e5f60718")  # fmt: skip
    assert RuleEngine("EU").check(subject)[0] == []


_RED48_CANONICAL = "a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4"
# (type, grant path, props given the grantee identity): each input names no owner beside its grants.
_RED48_GRANTS: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:s3/objectCopy:ObjectCopy", "grants[0].id",
     lambda g: {"bucket": "b", "key": "k", "source": "b/src",
                "grants": [{"type": "CanonicalUser", "id": g, "permissions": ["READ"]}]}),
    ("aws:s3/objectCopy:ObjectCopy", "grants[0].email",
     lambda g: {"bucket": "b", "key": "k", "source": "b/src",
                "grants": [{"type": "AmazonCustomerByEmail", "email": g, "permissions": ["READ"]}]}),
    ("aws:s3/bucket:Bucket", "grants[0].id",
     lambda g: {"grants": [{"type": "CanonicalUser", "id": g, "permissions": ["FULL_CONTROL"]}]}),
    ("aws:s3/bucketV2:BucketV2", "grants[0].id",
     lambda g: {"grants": [{"type": "CanonicalUser", "id": g, "permissions": ["READ"]}]}),
    ("aws:s3/bucketLogging:BucketLogging", "target_grants[0].grantee.id",
     lambda g: {"bucket": "b", "target_bucket": "logs", "target_prefix": "access/",
                "target_grants": [{"grantee": {"type": "CanonicalUser", "id": g}, "permission": "READ"}]}),
    ("aws:s3/bucketLogging:BucketLogging", "target_grants[0].grantee.email_address",
     lambda g: {"bucket": "b", "target_bucket": "logs", "target_prefix": "access/",
                "target_grants": [{"grantee": {"type": "AmazonCustomerByEmail", "email_address": g},
                                   "permission": "READ"}]}),
    ("aws:s3/bucketLoggingV2:BucketLoggingV2", "target_grants[0].grantee.id",
     lambda g: {"bucket": "b", "target_bucket": "logs", "target_prefix": "access/",
                "target_grants": [{"grantee": {"type": "CanonicalUser", "id": g}, "permission": "READ"}]}),
]  # fmt: skip
_LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery"
PAIRS += [
    # The compliant twin grants a group by URI (no account): the Log Delivery group is AWS's own.
    ("RES-023", "EU", aws("aws:s3/objectCopy:ObjectCopy", _PINNED_EU, bucket="b", key="k", source="b/src",
                          grants=[{"type": "Group", "uri": _LOG_DELIVERY, "permissions": ["READ"]}]),
     aws("aws:s3/objectCopy:ObjectCopy", _PINNED_EU, **_RED48_GRANTS[0][2](_RED48_CANONICAL)), "grants[0].id"),
    ("RES-023", "JP", aws("aws:s3/bucketLogging:BucketLogging", _PINNED_JP, bucket="b", target_bucket="logs",
                          target_prefix="access/"),
     aws("aws:s3/bucketLogging:BucketLogging", _PINNED_JP, **_RED48_GRANTS[5][2]("audit@partner.example.com")),
     "target_grants[0].grantee.email_address"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("token", "path", "props"), _RED48_GRANTS, ids=[f"{t.split(':')[1]}-{p}" for t, p, _ in _RED48_GRANTS]
)
def test_a_grant_naming_no_owner_proves_no_grantee(
    token: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred48 (stop 48): with no owner beside the grants, even the owner's own canonical id cannot be told from
    # another's: any id or address is RES-023 until declared by its exact text; a group URI is judged as before (Log
    # Delivery AWS's own: the PAIRS twin above); aws-cn lies wholly in CN.
    grantee = "audit@partner.example.com" if "email" in path else _RED48_CANONICAL
    findings = RuleEngine("EU").check(aws(token, _PINNED_EU, **props(grantee)))[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-023", path)]
    with pytest.raises(AssertionError, match=r"an identity other than an owner \(the input names none\)"):
        raise AssertionError(findings[0].detail)
    declared = parse_destinations([{"id": "audit", "kind": "resident", "match": grantee, "evidence": "audit"}])
    assert [
        f.declared_by
        for f in RuleEngine("EU", destinations=declared).check(aws(token, _PINNED_EU, **props(grantee)))[0]
    ] == ["audit"]
    assert RuleEngine("CN").check(aws(token, AWS_CN, **props(grantee)))[0] == []


def test_a_grant_naming_no_owner_reads_camel_case_keys() -> None:
    # awsred48: the pack and a state file give the inputs in camelCase (targetGrants, emailAddress).
    grantee = {"type": "AmazonCustomerByEmail", "emailAddress": "audit@partner.example.com"}
    subject = aws("aws:s3/bucketLogging:BucketLogging", _PINNED_EU, bucket="b", targetBucket="logs",
                  targetGrants=[{"grantee": grantee, "permission": "READ"}])  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(subject)[0]] == ["RES-023"]


def _stack_set_in_template(default: str, override: str | None = None) -> str:
    """(stackset49) A CloudFormation template making an AWS::CloudFormation::StackSet whose global table is replicated
    to the Parameter `Where` (a neutral name, Default ``default``), its one instance group overriding it with
    ``override`` (None: overriding nothing)."""
    group: dict[str, Any] = {"DeploymentTargets": {"Accounts": ["123456789012"]}, "Regions": ["cn-north-1"]}
    if override is not None:
        group["ParameterOverrides"] = [{"ParameterKey": "Where", "ParameterValue": override}]
    stack_set = {"StackSetName": "trips", "PermissionModel": "SELF_MANAGED", "StackInstancesGroup": [group],
                 "TemplateBody": trips_body(default)}  # fmt: skip
    return json.dumps({"Resources": {"TripsSet": {"Type": "AWS::CloudFormation::StackSet", "Properties": stack_set}}})


def _stack_group_in_template(default: str) -> str:
    """(stackset49) An ROS template making an ALIYUN::ROS::StackGroup whose peering's region is the Parameter `Where`
    (Default ``default``), no instance overriding it."""
    group = {"StackGroupName": "peering", "TemplateBody": peering_body(default)}
    return json.dumps({"ROSTemplateFormatVersion": "2015-09-01",
                       "Resources": {"Group": {"Type": "ALIYUN::ROS::StackGroup", "Properties": group}}})  # fmt: skip


PAIRS += [
    # stackset49 (stop 49): a StackSet / stack group written in a template runs with its instance groups' overrides
    # and the Defaults they leave (a neutral-named Parameter used as a replica or peer Region: passed before). Since
    # stop 52 (stackref52) an override abroad is refused at the override too, so this pair gives the Default the group
    # leaves (test_a_template_stack_sets_override_abroad_is_refused_where_given_and_where_used: the override).
    ("RES-009", "CN", aws("aws:cloudformation/stack:Stack", template_body=_stack_set_in_template("cn-northwest-1")),
     aws("aws:cloudformation/stack:Stack", template_body=_stack_set_in_template("ap-east-1")),
     "template_body(json).Resources.TripsSet.Properties.TemplateBody.Resources.Trips.Properties.Replicas[1].Region"),
    ("RES-009", "CN", ali("alicloud:ros/stack:Stack", template_body=_stack_group_in_template("cn-beijing")),
     ali("alicloud:ros/stack:Stack", template_body=_stack_group_in_template("ap-southeast-1")),
     "template_body(json).Resources.Group.Properties.TemplateBody.Resources.Peer.Properties.AcceptingRegionId"),
]  # fmt: skip


def _red49_arn(service: str, resource: str, account: str) -> str:
    return f"arn:aws:{service}:eu-central-1:{account}:{resource}"


def _fn49(account: str) -> str:
    return _red49_arn("lambda", "function:handler", account)


def _logs49(account: str) -> str:
    return _red49_arn("logs", "log-group:audit", account)


_RED49_ROLE = "arn:aws:iam::123456789012:role/service"
_ENRICH = "custom_document_enrichment_configuration"
_CONFLICT = "sync_config.lambda_conflict_handler_config.lambda_conflict_handler_arn"
# AWS red team, round 21 (stop 49): topics, functions, streams and log destinations that receive the stack's data,
# named by an ARN whose account no entry read (written_account_fields). Each offending subject passed on main 3b6f8c1
# (a foreign Region was RES-004 already); (type, finding path, props given the receiving account).
_RED49_WRITES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:ses/receiptRule:ReceiptRule", "lambda_actions[0].topic_arn",
     lambda a: {"name": "r", "rule_set_name": "s", "lambda_actions": [
         {"function_arn": _red49_arn("lambda", "function:f", "123456789012"), "position": 1,
          "topic_arn": _red49_arn("sns", "mail-events", a)}]}),
    ("aws:codedeploy/deploymentGroup:DeploymentGroup", "trigger_configurations[0].trigger_target_arn",
     lambda a: {"app_name": "a", "deployment_group_name": "g", "service_role_arn": _RED49_ROLE,
                "trigger_configurations": [{"trigger_events": ["DeploymentFailure"], "trigger_name": "t",
                                            "trigger_target_arn": _red49_arn("sns", "deployments", a)}]}),
    ("aws:applicationinsights/application:Application", "ops_item_sns_topic_arn",
     lambda a: {"resource_group_name": "g", "ops_center_enabled": True,
                "ops_item_sns_topic_arn": _red49_arn("sns", "ops-items", a)}),
    ("aws:sagemaker/labelingJob:LabelingJob", "output_config.sns_topic_arn",
     lambda a: {"output_config": {"sns_topic_arn": _red49_arn("sns", "labels", a)}}),
    ("aws:cfg/rule:Rule", "source.source_identifier",
     lambda a: {"name": "n", "source": {"owner": "CUSTOM_LAMBDA", "source_identifier": _fn49(a),
                                        "source_details": [{"message_type": "ConfigurationItemChangeNotification"}]}}),
    ("aws:cfg/organizationCustomRule:OrganizationCustomRule", "lambda_function_arn",
     lambda a: {"name": "n", "trigger_types": ["ConfigurationItemChangeNotification"],
                "lambda_function_arn": _red49_arn("lambda", "function:c", a)}),
    ("aws:secretsmanager/secretRotation:SecretRotation", "rotation_lambda_arn",
     lambda a: {"secret_id": "s", "rotation_lambda_arn": _red49_arn("lambda", "function:rotate", a),
                "rotation_rules": {"automatically_after_days": 30}}),
    *[("aws:kendra/dataSource:DataSource", f"{_ENRICH}.{hook}_extraction_hook_configuration.lambda_arn",
       lambda a, hook=hook: {"index_id": "i", "name": "d", "type": "WEBCRAWLER", _ENRICH: {
           "role_arn": _RED49_ROLE, f"{hook}_extraction_hook_configuration": {"lambda_arn": _fn49(a)}}})
      for hook in ("pre", "post")],
    ("aws:bedrock/agentFlow:AgentFlow", "definition.nodes[0].configuration.lambda_function.lambda_arn",
     lambda a: {"name": "f", "execution_role_arn": _RED49_ROLE, "definition": {"nodes": [
         {"name": "L", "type": "LambdaFunction",
          "configuration": {"lambda_function": {"lambda_arn": _red49_arn("lambda", "function:f", a)}}}]}}),
    ("aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget", "target_configuration.mcp.lambda_.lambda_arn",
     lambda a: {"name": "t", "gateway_identifier": "g", "target_configuration": {"mcp": {
         "lambda_": {"lambda_arn": _red49_arn("lambda", "function:tools", a)}}}}),
    ("aws:iot/authorizer:Authorizer", "authorizer_function_arn",
     lambda a: {"authorizer_function_arn": _red49_arn("lambda", "function:auth", a), "signing_disabled": True}),
    ("aws:iot/provisioningTemplate:ProvisioningTemplate", "pre_provisioning_hook.target_arn",
     lambda a: {"name": "t", "provisioning_role_arn": _RED49_ROLE, "template_body": "{}",
                "pre_provisioning_hook": {"target_arn": _red49_arn("lambda", "function:hook", a)}}),
    ("aws:ec2clientvpn/endpoint:Endpoint", "client_connect_options.lambda_function_arn",
     lambda a: {"client_cidr_block": "10.0.0.0/16", "connection_log_options": {"enabled": False},
                "client_connect_options": {"enabled": True,
                                           "lambda_function_arn": _red49_arn("lambda", "function:AWSClientVPN-c", a)}}),
    ("aws:appsync/resolver:Resolver", _CONFLICT,
     lambda a: {"api_id": "a", "type": "Mutation", "field": "f", "sync_config": {"conflict_handler": "LAMBDA",
                "lambda_conflict_handler_config": {"lambda_conflict_handler_arn": _fn49(a)}}}),
    ("aws:appsync/function:Function", _CONFLICT,
     lambda a: {"api_id": "a", "name": "f", "data_source": "d", "sync_config": {"conflict_handler": "LAMBDA",
                "lambda_conflict_handler_config": {"lambda_conflict_handler_arn": _fn49(a)}}}),
    ("aws:chime/sdkvoiceSipMediaApplication:SdkvoiceSipMediaApplication", "endpoints.lambda_arn",
     lambda a: {"aws_region": "eu-central-1", "name": "s", "endpoints": {"lambda_arn": _fn49(a)}}),
    ("aws:ecs/service:Service", "deployment_configuration.lifecycle_hooks[0].hook_target_arn",
     lambda a: {"name": "s", "deployment_configuration": {"strategy": "BLUE_GREEN", "lifecycle_hooks": [
         {"hook_target_arn": _red49_arn("lambda", "function:h", a), "role_arn": _RED49_ROLE,
          "lifecycle_stages": ["POST_TEST_TRAFFIC_SHIFT"]}]}}),
    ("aws:bedrock/agentcoreMemory:AgentcoreMemory", "stream_delivery_resources.resource.kinesis.data_stream_arn",
     lambda a: {"name": "m", "event_expiry_duration": 30, "stream_delivery_resources": {"resource": {"kinesis": {
         "data_stream_arn": _red49_arn("kinesis", "stream/memory", a),
         "content_configuration": {"type": "MEMORY_RECORDS", "level": "FULL_CONTENT"}}}}}),
    ("aws:workspacesweb/userAccessLoggingSettings:UserAccessLoggingSettings", "kinesis_stream_arn",
     lambda a: {"kinesis_stream_arn": _red49_arn("kinesis", "stream/amazon-workspaces-web-access", a)}),
    ("aws:pipes/pipe:Pipe", "log_configuration.firehose_log_destination.delivery_stream_arn",
     lambda a: {"role_arn": _RED49_ROLE, "source": _red49_arn("sqs", "q", "123456789012"),
                "target": _red49_arn("sqs", "q2", "123456789012"), "log_configuration": {
                    "level": "TRACE", "include_execution_datas": ["ALL"],
                    "firehose_log_destination": {
                        "delivery_stream_arn": _red49_arn("firehose", "deliverystream/p", a)}}}),
    ("aws:pipes/pipe:Pipe", "log_configuration.cloudwatch_logs_log_destination.log_group_arn",
     lambda a: {"role_arn": _RED49_ROLE, "source": _red49_arn("sqs", "q", "123456789012"),
                "target": _red49_arn("sqs", "q2", "123456789012"), "log_configuration": {
                    "level": "ERROR", "cloudwatch_logs_log_destination": {"log_group_arn": _logs49(a)}}}),
    ("aws:storagegateway/nfsFileShare:NfsFileShare", "audit_destination_arn",
     lambda a: {"client_lists": ["10.0.0.0/8"], "role_arn": _RED49_ROLE,
                "audit_destination_arn": _red49_arn("logs", "log-group:audit", a)}),
    ("aws:storagegateway/smbFileShare:SmbFileShare", "audit_destination_arn",
     lambda a: {"role_arn": _RED49_ROLE, "audit_destination_arn": _red49_arn("logs", "log-group:audit", a)}),
    ("aws:storagegateway/fileSystemAssociation:FileSystemAssociation", "audit_destination_arn",
     lambda a: {"username": "admin", "audit_destination_arn": _red49_arn("logs", "log-group:audit", a)}),
    ("aws:storagegateway/gateway:Gateway", "cloudwatch_log_group_arn",
     lambda a: {"gateway_name": "g", "gateway_timezone": "GMT", "cloudwatch_log_group_arn": _logs49(a)}),
    *[("aws:ec2/vpnConnection:VpnConnection", f"{tunnel}_log_options.cloudwatch_log_options.{field}",
       lambda a, tunnel=tunnel, field=field: {"customer_gateway_id": "cgw-1", "type": "ipsec.1",
                                              f"{tunnel}_log_options": {"cloudwatch_log_options": {
                                                  "log_enabled": True, field: _logs49(a)}}})
      for tunnel in ("tunnel1", "tunnel2") for field in ("log_group_arn", "bgp_log_group_arn")],
    ("aws:datasync/task:Task", "cloudwatch_log_group_arn",
     lambda a: {"cloudwatch_log_group_arn": _red49_arn("logs", "log-group:datasync", a)}),
    ("aws:amp/workspace:Workspace", "logging_configuration.log_group_arn",
     lambda a: {"logging_configuration": {"log_group_arn": _red49_arn("logs", "log-group:amp:*", a)}}),
    ("aws:kinesis/analyticsApplication:AnalyticsApplication", "cloudwatch_logging_options.log_stream_arn",
     lambda a: {"name": "a", "cloudwatch_logging_options": {
         "log_stream_arn": _red49_arn("logs", "log-group:ka:log-stream:s", a), "role_arn": _RED49_ROLE}}),
    ("aws:kinesisanalyticsv2/application:Application", "cloudwatch_logging_options.log_stream_arn",
     lambda a: {"name": "a", "runtime_environment": "FLINK-1_20", "service_execution_role": _RED49_ROLE,
                "cloudwatch_logging_options": {"log_stream_arn": _red49_arn("logs", "log-group:ka:log-stream:s", a)}}),
]  # fmt: skip
PAIRS += [
    ("RES-023", "EU", aws(token, _PINNED_EU, **props("123456789012")), aws(token, _PINNED_EU, **props(_OTHER)), path)
    for token, path, props in (_RED49_WRITES[i] for i in (0, 1, 2, 4, 6, 18, 21, 23))
]


@pytest.mark.parametrize(
    ("token", "path", "props"), _RED49_WRITES, ids=[f"{t.split(':')[1]}-{p}" for t, p, _ in _RED49_WRITES]
)
def test_round_21_names_the_receiving_account(token: str, path: str, props: Callable[[str], dict[str, Any]]) -> None:
    # AWS red team, round 21 (stop 49): another account is refused unless pinned or declared; the own passes pinned;
    # aws-cn by partition.
    test_round_18_names_the_receiving_account(token, path, props, "which receives what the stack writes there")


def test_a_config_managed_rule_names_no_function() -> None:
    # awsred49: a managed rule's `source_identifier` is the rule's name (S3_BUCKET_VERSIONING_ENABLED), no ARN: it
    # names no account.
    subject = aws("aws:cfg/rule:Rule", _PINNED_EU, name="versioning",
                  source={"owner": "AWS", "source_identifier": "S3_BUCKET_VERSIONING_ENABLED"})  # fmt: skip
    assert RuleEngine("EU").check(subject)[0] == []


_RED49_CORS = {"AllowOrigins": ["https://portal.partner.example.com"], "AllowMethods": ["GET"]}


def test_a_template_function_urls_cors_origins_are_judged_as_the_pulumi_function_url() -> None:
    # awsred49 (stop 49): an origin allowed to call a function URL is a match field on the Pulumi FunctionUrl (no
    # destination); AWS::Lambda::Url `Cors` and a SAM function's `FunctionUrlConfig` were RES-015 on main 3b6f8c1.
    sam = aws(_STACK, _PINNED_EU, template_body=json.dumps({"Transform": "AWS::Serverless-2016-10-31", "Resources": {
        "Fn": {"Type": "AWS::Serverless::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.h", "InlineCode": "x",
            "FunctionUrlConfig": {"AuthType": "AWS_IAM", "Cors": _RED49_CORS}}}}}))  # fmt: skip
    url = _cfn("AWS::Lambda::Url", TargetFunctionArn="arn:aws:lambda:eu-central-1:123456789012:function:f",
               AuthType="AWS_IAM", Cors=_RED49_CORS)  # fmt: skip
    twin = aws("aws:lambda/functionUrl:FunctionUrl", _PINNED_EU, function_name="f", authorization_type="AWS_IAM",
               cors={"allow_origins": _RED49_CORS["AllowOrigins"], "allow_methods": ["GET"]})  # fmt: skip
    assert [RuleEngine("EU").check(s)[0] for s in (sam, url, twin)] == [[], [], []]
    # The rest of the URL is still judged: its function in a foreign Region is RES-004.
    abroad = _cfn("AWS::Lambda::Url", TargetFunctionArn="arn:aws:lambda:us-east-1:123456789012:function:f",
                  AuthType="AWS_IAM", Cors=_RED49_CORS)  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(abroad)[0]] == ["RES-004"]


# Template functions that still hid a value (fnsub49, stop 49): an Fn::Sub text beside a variable under a host or bucket
# key, an Fn::Sub variable map's value, an Fn::FindInMap Region row, ROS Fn::Replace (each partner's passed before).
def _cfn_stack(provider: ProviderRef, resources: dict[str, Any], **top: Any) -> Subject:
    return aws(_STACK, provider, template_body=json.dumps({**top, "Resources": resources}))


def _fn_env(variables: dict[str, Any], provider: ProviderRef = _PINNED_EU, **top: Any) -> Subject:
    function = {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": variables}}}
    return _cfn_stack(provider, {"X": function}, **top)


def _replica_from_map(row: str) -> Subject:
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "Replicas": [{"Region": {"Fn::FindInMap": ["Replicas", {"Ref": "AWS::Region"}, "Second"]}}]}}  # fmt: skip
    return _cfn_stack(AWS_CN, {"X": table}, Mappings={"Replicas": {"cn-north-1": {"Second": row}}})


def _ros_fc_env(variables: dict[str, Any]) -> Subject:
    return _ros("ALIYUN::FC::Function", ServiceName="s", FunctionName="f", EnvironmentVariables=variables)


_FNSUB_ENV = "template_body(json).Resources.X.Properties.Environment.Variables"
_FNSUB_PARAMETERS = {"Env": {"Type": "String"}, "ApiId": {"Type": "String"}}
PAIRS += [
    ("RES-015", "EU", _fn_env({"SINK_HOST": {"Fn::Sub": "${ApiId}.execute-api.${AWS::Region}.amazonaws.com"}},
                              Parameters=_FNSUB_PARAMETERS),
     _fn_env({"SINK_HOST": {"Fn::Sub": "${Env}.intake.saas.example"}}, Parameters=_FNSUB_PARAMETERS),
     f"{_FNSUB_ENV}.SINK_HOST.Fn::Sub"),
    # The compliant twin names the template's own bucket by its very name (a Parameter is one value in the stack).
    ("RES-017", "EU", _cfn_stack(_PINNED_EU, {
        "B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "fleet-${Env}-exports"}}},
        "X": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {
            "EXPORT_BUCKET": {"Fn::Sub": "fleet-${Env}-exports"}}}}}}, Parameters=_FNSUB_PARAMETERS),
     _fn_env({"EXPORT_BUCKET": {"Fn::Sub": "partner-${Env}-exports"}}, Parameters=_FNSUB_PARAMETERS),
     f"{_FNSUB_ENV}.EXPORT_BUCKET.Fn::Sub"),
    ("RES-009", "EU", _fn_env({"REPLICA_REGION": {"Fn::Sub": ["${R}", {"R": "eu-west-1"}]}}),
     _fn_env({"REPLICA_REGION": {"Fn::Sub": ["${R}", {"R": "us-east-1"}]}}), f"{_FNSUB_ENV}.REPLICA_REGION"),
    ("RES-009", "CN", _replica_from_map("cn-northwest-1"), _replica_from_map("ap-east-1"),
     "template_body(json).Resources.X.Properties.Replicas[0].Region"),
    ("RES-015", "CN",
     _ros_fc_env({"SINK_URL": {"Fn::Replace": [{"__R__": {"Ref": "ALIYUN::Region"}}, "https://oss-__R__.aliyuncs.com/"]}}),
     _ros_fc_env({"SINK_URL": {"Fn::Replace": [{"__H__": "collector.intake.saas.example"}, "https://__H__/v1"]}}),
     "template_body(json).Resources.X.Properties.EnvironmentVariables.SINK_URL"),
]  # fmt: skip


def _replica_sub(parameter: dict[str, Any]) -> Subject:
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {"Replicas": [{"Region": {"Fn::Sub": "${P}-1"}}]}}
    return _cfn_stack(_PINNED_EU, {"X": table}, Parameters={"P": {"Type": "String", **parameter}})


def _ros_copy(region: Any, **top: Any) -> Subject:
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-1", "DestinationRegionId": region}}
    template = {"ROSTemplateFormatVersion": "2015-09-01", **top, "Resources": {"X": copy}}
    return ali(_ROS_STACK, template_body=json.dumps(template))


_FNSEL_IMPORT = {"Fn::ImportValue": "x"}
_ROS_LOOKUP = {"Fn::FindInMap": ["Copies", {"Ref": "ALIYUN::Region"}, "To"]}
_ROS_COPY = "template_body(json).Resources.X.Properties.DestinationRegionId"
_ROS_STR_URL = ["https://oss-", {"Ref": "ALIYUN::Region"}, "-internal.aliyuncs.com:", {"Fn::Str": 443}, "/"]
# fnsel50 (stop 50): Fn::Select picks by its index; ROS Fn::Str is its text; a region field's Fn::Sub partly a
# Parameter with no value and a region lookup the map cannot answer are RES-011; an Fn::Sub whose map keeps an import
# is judged at its property.
PAIRS += [
    ("RES-011", "EU", _replica_sub({"Default": "eu-central"}), _replica_sub({}),
     "template_body(json).Resources.X.Properties.Replicas[0].Region.Fn::Sub"),
    ("RES-011", "CN", _ros_copy(_ROS_LOOKUP, Mappings={"Copies": {"cn-shanghai": {"To": "cn-beijing"}}}),
     _ros_copy(_ROS_LOOKUP, Mappings={"Copies": {"cn-beijing": {"To": "cn-beijing"}}}), f"{_ROS_COPY}.Fn::FindInMap"),
    ("RES-009", "CN", _ros_copy({"Fn::Select": ["0", ["cn-beijing", "cn-hongkong"]]}),
     _ros_copy({"Fn::Select": ["1", ["cn-beijing", "cn-hongkong"]]}), _ROS_COPY),
    ("RES-015", "EU",
     _fn_env({"SINK_HOST": {"Fn::Sub": ["${H}.execute-api.${AWS::Region}.amazonaws.com", {"H": _FNSEL_IMPORT}]}}),
     _fn_env({"SINK_HOST": {"Fn::Sub": ["${H}.intake.saas.example", {"H": _FNSEL_IMPORT}]}}),
     f"{_FNSUB_ENV}.SINK_HOST.Fn::Sub[0]"),
    ("RES-015", "CN", _ros_fc_env({"SINK_URL": {"Fn::Join": ["", _ROS_STR_URL]}}),
     _ros_fc_env({"SINK_URL": {"Fn::Join": ["", ["https://eu.intake.saas.example:", {"Fn::Str": 443}, "/"]]}}),
     "template_body(json).Resources.X.Properties.EnvironmentVariables.SINK_URL"),
]  # fmt: skip

# fnb64_51 (stop 51): a ROS Fn::Select by a map's key and a Base64Decode of a host; a template Glue crawler's
# dead-letter queue and an Aurora member of a global database the template does not make (each passed before).
_FNB64_DLQ = "arn:aws:sqs:eu-central-1:{}:dlq"


def _crawler(dlq: str) -> Subject:
    crawler = {"Type": "AWS::Glue::Crawler", "Properties": {"Role": "r", "DatabaseName": "d", "Targets": {
        "S3Targets": [{"Path": {"Fn::Sub": "s3://${L}/x/"}, "DlqEventQueueArn": dlq}]}}}  # fmt: skip
    return _cfn_stack(_PINNED_EU, {"X": crawler, "L": {"Type": "AWS::S3::Bucket"}})


def _global_member(name: str) -> Subject:
    member = {"Type": "AWS::RDS::DBCluster", "Properties": {"Engine": "aurora-mysql", "GlobalClusterIdentifier": name}}
    own = {"Type": "AWS::RDS::GlobalCluster", "Properties": {"GlobalClusterIdentifier": "orders-global"}}
    return _cfn_stack(_PINNED_EU, {"X": member, "G": own})


_FNB64_REGIONS = {"primary": "cn-beijing", "dr": "cn-hongkong"}
PAIRS += [
    ("RES-009", "CN", _ros_copy({"Fn::Select": ["primary", _FNB64_REGIONS]}),
     _ros_copy({"Fn::Select": ["dr", _FNB64_REGIONS]}), _ROS_COPY),
    ("RES-015", "CN", _ros_fc_env({"SINK_HOST": {"Fn::Base64Decode": "b3NzLWNuLXNoYW5naGFpLmFsaXl1bmNzLmNvbQ=="}}),
     _ros_fc_env({"SINK_HOST": {"Fn::Base64Decode": "ZXUuaW50YWtlLnNhYXMuZXhhbXBsZQ=="}}),
     "template_body(json).Resources.X.Properties.EnvironmentVariables.SINK_HOST"),
    ("RES-023", "EU", _crawler(_FNB64_DLQ.format("123456789012")), _crawler(_FNB64_DLQ.format("444455556666")),
     "template_body(json).Resources.X.Properties.Targets.S3Targets[0].DlqEventQueueArn"),
    ("RES-017", "EU", _global_member("orders-global"), _global_member("partner-global"),
     "template_body(json).Resources.X.Properties.GlobalClusterIdentifier"),
]  # fmt: skip

# fnros52 (stop 52): ROS Fn::Jq and Fn::ListMerge give the Region they compute (each passed abroad before); a
# CloudFormation Fn::FindInMap's DefaultValue where the map lacks the stack's row (RES-011 at home and abroad before);
# a DocumentDB member of a global cluster the template does not make (passed before).
_FNROS_JSON = '{{"copy": {{"to": "{}"}}}}'


def _docdb_member(name: str) -> Subject:
    member = {"Type": "AWS::DocDB::DBCluster", "Properties": {"GlobalClusterIdentifier": name}}
    own = {"Type": "AWS::DocDB::GlobalCluster", "Properties": {"GlobalClusterIdentifier": "orders-global"}}
    return _cfn_stack(_PINNED_EU, {"X": member, "G": own})


def _default_replica(default: str) -> Subject:
    lookup = {"Fn::FindInMap": ["Replicas", {"Ref": "AWS::Region"}, "Second", {"DefaultValue": default}]}
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {"Replicas": [{"Region": lookup}]}}
    return _cfn_stack(_PINNED_EU, {"X": table}, Mappings={"Replicas": {"us-east-1": {"Second": "us-west-2"}}})


PAIRS += [
    ("RES-009", "CN", _ros_copy({"Fn::Jq": ["First", ".copy.to", _FNROS_JSON.format("cn-beijing")]}),
     _ros_copy({"Fn::Jq": ["First", ".copy.to", _FNROS_JSON.format("cn-hongkong")]}), _ROS_COPY),
    ("RES-009", "CN", _ros_copy({"Fn::Select": ["1", {"Fn::ListMerge": [["cn-shanghai"], ["cn-beijing"]]}]}),
     _ros_copy({"Fn::Select": ["1", {"Fn::ListMerge": [["cn-shanghai"], ["cn-hongkong"]]}]}), _ROS_COPY),
    # fnros53 (stop 53): the unread filter is one outside the jq subset (`.copy | .to`, this pair's until stop 52, is
    # a pipe the evaluation now reads). fnros54 (stop 54): `to_entries` (this pair's until stop 53) joined the subset;
    # fnros54b (stop 54): so did `ltrimstr` (this pair's until then); fnros55 (stop 55): and `reduce` (this pair's
    # until then); fnros55b (stop 55): and `getpath` (this pair's until then); fnros56 (stop 56): and `group_by` (this
    # pair's until then); fnros57 (stop 57): and `paths` (this pair's until then); fnros58 (stop 58): and `path(f)`
    # (this pair's until then); fnros59 (stop 59): and a slice's path (this pair's until then); an `if` without `else`
    # in a path expression (jq 1.7's) is outside it.
    ("RES-011", "CN", _ros_copy({"Fn::Jq": ["First", ".copy.to", _FNROS_JSON.format("cn-beijing")]}),
     _ros_copy({"Fn::Jq": ["First", "[.copy | path(if .to then .to end)] | .[0][0]",
                           _FNROS_JSON.format("cn-beijing")]}),
     f"{_ROS_COPY}.Fn::Jq"),
    ("RES-009", "EU", _default_replica("eu-central-1"), _default_replica("us-east-1"),
     "template_body(json).Resources.X.Properties.Replicas[0].Region"),
    ("RES-017", "EU", _docdb_member("orders-global"), _docdb_member("partner-global"),
     "template_body(json).Resources.X.Properties.GlobalClusterIdentifier"),
]  # fmt: skip

# fnros53 (stop 53): a Region picked by an index ROS's Fn::Index / Fn::Calculate of Fn::Length computes, and one a jq
# filter with a pipe and select gives (every item judged, or RES-011, before: the compliant twins were refused).
_FNROS53_TARGETS = '{{"targets": [{{"role": "archive", "region": "{}"}}, {{"role": "backup", "region": "{}"}}]}}'
_FNROS53_JQ = '.targets[] | select(.role == "backup") | .region'


def _ros_copy_backup(archive: str, backup: str) -> Subject:
    return _ros_copy({"Fn::Jq": ["First", _FNROS53_JQ, _FNROS53_TARGETS.format(archive, backup)]})


def _ros_copy_last(regions: list[str]) -> Subject:
    return _ros_copy({"Fn::Select": [{"Fn::Calculate": ["{0}-1", 0, [{"Fn::Length": regions}]]}, regions]})


PAIRS += [
    ("RES-009", "CN", _ros_copy({"Fn::Select": [{"Fn::Index": ["b", ["a", "b"]]}, ["cn-hongkong", "cn-beijing"]]}),
     _ros_copy({"Fn::Select": [{"Fn::Index": ["b", ["a", "b"]]}, ["cn-beijing", "cn-hongkong"]]}), _ROS_COPY),
    ("RES-009", "CN", _ros_copy_last(["cn-hongkong", "cn-beijing"]), _ros_copy_last(["cn-beijing", "cn-hongkong"]),
     _ROS_COPY),
    ("RES-009", "CN", _ros_copy_backup("cn-hongkong", "cn-beijing"), _ros_copy_backup("cn-beijing", "cn-hongkong"),
     _ROS_COPY),
    ("RES-011", "CN", _ros_copy({"Fn::Select": [1, {"Fn::Add": [["cn-shanghai"], ["cn-beijing"]]}]}),
     _ros_copy({"Fn::Select": [1, {"Fn::Add": [["cn-shanghai"], {"Ref": "Targets"}]}]},
               Parameters={"Targets": {"Type": "Json"}}), f"{_ROS_COPY}.Fn::Select[0].Fn::Add"),
]  # fmt: skip


# fnros54 (stop 54): a replica in the first Region of an outer Fn::ForEach holding an inner one (the inner loop's copies
# shared one key: the last outer item's was kept, so the first passed), and a Region a jq array built gives (RES-011 at
# home before: `[f]` was outside the subset).
def _nested_replicas(first: str) -> Subject:
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {"Replicas": [{"Region": {"Ref": "R"}}]}}
    tables = {"Fn::ForEach::Tables": ["T", ["Orders"], {"&{T}&{R}": table}]}
    loops = {"Fn::ForEach::Regions": ["R", [first, "eu-west-1"], tables]}
    return _cfn_stack(_PINNED_EU, loops, Transform="AWS::LanguageExtensions")


_FNROS54_TARGETS = '{{"t": [{{"r": "{}"}}, {{"r": "{}"}}]}}'


def _ros_copy_second(first: str, second: str) -> Subject:
    return _ros_copy({"Fn::Jq": ["First", "[.t[].r][1]", _FNROS54_TARGETS.format(first, second)]})


PAIRS += [
    ("RES-009", "EU", _nested_replicas("eu-central-1"), _nested_replicas("us-east-1"),
     "template_body(json).Resources.Ordersuseast1.Properties.Replicas[0].Region"),
    ("RES-009", "CN", _ros_copy_second("cn-hongkong", "cn-beijing"), _ros_copy_second("cn-beijing", "cn-hongkong"),
     _ROS_COPY),
]  # fmt: skip


# fnros54b (stop 54): a Region a jq `if` picks out of an object built (RES-011 at home and abroad before: objects and
# `if` were outside the jq subset).
def _ros_copy_if(dr: str) -> Subject:
    script = '{to: .copy.to, on: true} | if .on then .to else "cn-beijing" end'
    return _ros_copy({"Fn::Jq": ["First", script, _FNROS_JSON.format(dr)]})


PAIRS += [
    ("RES-009", "CN", _ros_copy_if("cn-shanghai"), _ros_copy_if("cn-hongkong"), _ROS_COPY),
]  # fmt: skip


# fnros60 (stop 60): ROS Fn::Jq filters with functions of parameters (jq manual, "Defining Functions": a `$name`
# parameter, a filter parameter used as a path, recursion) give the Region they compute (RES-011 at home and abroad
# before: functions with parameters were read in value position only, never `$name` or a recursion).
_FNROS60_FILTERS = [
    'def pick($k): .copy | getpath([$k]); pick("to")',
    "def drop(f): del(f); drop(.copy.from) | .copy.to",
    "def after($n): if $n == 0 then .copy.to else after($n - 1) end; after(3)",
]


def _ros_copy_fnros60(script: str, dr: str) -> Subject:
    return _ros_copy({"Fn::Jq": ["First", script, _FNROS_JSON.format(dr)]})


PAIRS += [
    ("RES-009", "CN", _ros_copy_fnros60(script, "cn-shanghai"), _ros_copy_fnros60(script, "cn-hongkong"), _ROS_COPY)
    for script in _FNROS60_FILTERS
]  # fmt: skip


@pytest.mark.parametrize("script", _FNROS60_FILTERS)
def test_fnros60_a_ros_jq_function_with_parameters_gives_its_region(script: str) -> None:
    for dr, expected in (("cn-shanghai", []), ("cn-hongkong", ["RES-009"])):
        findings = RuleEngine("CN").check(_ros_copy_fnros60(script, dr))[0]
        assert sorted({f.rule.id for f in findings}) == expected, (script, dr)


def test_fnros60_a_ros_jq_path_through_reduce_is_unknown() -> None:
    # jq 1.6's "Invalid path expression" (its reduce keeps no path through the accumulator): no Region, RES-011
    script = 'del(reduce ("copy", "to") as $k (.; .[$k])) | .copy.to'
    findings = RuleEngine("CN").check(_ros_copy_fnros60(script, "cn-shanghai"))[0]
    assert sorted({f.rule.id for f in findings}) == ["RES-011"]


_FNSUB_IMPORT = {"Fn::ImportValue": "shared-name"}
_FNSUB_LOGS = {"Logs": {"Type": "AWS::S3::Bucket"}}
_FNSUB_BRANCHES = ["C", "sqs.eu-central-1.amazonaws.com", {"Fn::Sub": "sqs.${AWS::Region}.amazonaws.com"}]


@pytest.mark.parametrize(
    ("variables", "resources", "expected"),
    [
        # A variable whose value cannot be known (an import) stays a variable: the literal parts decide.
        ({"SINK_URL": {"Fn::Sub": ["https://${H}.intake.saas.example/v1", {"H": _FNSUB_IMPORT}]}}, {}, "RES-015"),
        ({"SINK_URL": {"Fn::Sub": ["https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${N}",
                                   {"N": _FNSUB_IMPORT}]}}, {}, None),
        ({"SINK_URL": {"Fn::Sub": ["https://${H}/v1", {"H": _FNSUB_IMPORT}]}}, {}, "RES-015"),
        # ... and still shadows the template's own resource of its name (what fills it is the import).
        ({"EXPORT_URL": {"Fn::Sub": ["s3://${Logs}/x", {"Logs": _FNSUB_IMPORT}]}}, _FNSUB_LOGS, "RES-017"),
        ({"EXPORT_URL": {"Fn::Sub": "s3://${Logs}/x"}}, _FNSUB_LOGS, None),
        # A value's Fn::If gives each branch (both at home: passes; RES-015 before, the map unread).
        ({"SINK_HOST": {"Fn::Sub": ["${H}", {"H": {"Fn::If": _FNSUB_BRANCHES}}]}}, {}, None),
        ({"SINK_HOST": {"Fn::Sub": ["${H}", {"H": {"Fn::If": ["C", "a.intake.saas.example", _FNSUB_BRANCHES[2]]}}]}},
         {}, "RES-015"),
        # An Fn::Join is the text it gives wherever it is written (its parts were judged one by one before).
        ({"SETTINGS": {"Fn::Join": ["", ["sink=https://", {"Ref": "Env"}, ".intake.saas.example/v1"]]}}, {}, "RES-015"),
        ({"SETTINGS": {"Fn::Join": ["", ["sink=https://sqs.", {"Ref": "AWS::Region"}, ".amazonaws.com/q"]]}}, {}, None),
    ],
)  # fmt: skip
def test_a_template_text_function_is_judged_as_the_text_it_gives(
    variables: dict[str, Any], resources: dict[str, Any], expected: str | None
) -> None:
    # fnsub49 (stop 49): engine._evaluated_functions, read once before every door judges the template.
    function = {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": variables}}}
    subject = _cfn_stack(_PINNED_EU, {"X": function, **resources}, Parameters={"Env": {"Type": "String"}})
    rules = {f.rule.id for f in RuleEngine("EU").check(subject)[0]}
    assert rules == ({expected} if expected else set())


def test_a_region_map_row_is_read_for_the_stacks_own_region_else_every_row() -> None:
    # fnsub49: keyed by the stack's own Region, only its row is what the stack reads (another row abroad passes); a
    # StackSet's template (run in every instance's Region) reads every row, each judged.
    mappings = {"Replicas": {"eu-central-1": {"Second": "eu-west-1"}, "us-east-1": {"Second": "us-west-2"}}}
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "Replicas": [{"Region": {"Fn::FindInMap": ["Replicas", {"Ref": "AWS::Region"}, "Second"]}}]}}  # fmt: skip
    body = json.dumps({"Mappings": mappings, "Resources": {"X": table}})
    assert RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=body))[0] == []
    stack_set = aws("aws:cloudformation/stackSet:StackSet", _PINNED_EU, template_body=body)
    findings = RuleEngine("EU").check(stack_set)[0]
    assert [(f.rule.id, f.value) for f in findings] == [("RES-009", "us-west-2")]


# AWS red team, round 22 (stop 50): a Transfer Family server's structured logs and workflow functions, an EventBridge
# global endpoint's buses, a Cognito user pool's SES identity, a Glue crawler's dead-letter queue
# (written_account_fields) and a CodeArtifact repository's domain owner (account_fields). Each offending subject passed
# on main 25d38a3 (a foreign Region was RES-004 already).
_RED50_WRITES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:transfer/server:Server", "structured_log_destinations[0]",
     lambda a: {"protocols": ["SFTP"], "structured_log_destinations": [_red49_arn("logs", "log-group:sftp:*", a)]}),
    ("aws:transfer/workflow:Workflow", "steps[0].custom_step_details.target",
     lambda a: {"steps": [{"type": "CUSTOM", "custom_step_details": {"name": "scan", "target": _fn49(a)}}]}),
    ("aws:transfer/workflow:Workflow", "on_exception_steps[0].custom_step_details.target",
     lambda a: {"steps": [{"type": "DELETE", "delete_step_details": {"name": "drop"}}],
                "on_exception_steps": [
                    {"type": "CUSTOM", "custom_step_details": {"name": "alert", "target": _fn49(a)}}]}),
    ("aws:cloudwatch/eventEndpoint:EventEndpoint", "event_buses[0].event_bus_arn",
     lambda a: {"name": "orders", "event_buses": [{"event_bus_arn": _red49_arn("events", "event-bus/orders", a)}],
                "routing_config": {"failover_config": {"primary": {"health_check": "arn:aws:route53:::healthcheck/h"},
                                                       "secondary": {"route": "eu-central-1"}}}}),
    ("aws:cognito/userPool:UserPool", "email_configuration.source_arn",
     lambda a: {"name": "customers", "email_configuration": {
         "email_sending_account": "DEVELOPER", "from_email_address": "no-reply@example.com",
         "source_arn": _red49_arn("ses", "identity/example.com", a)}}),
    ("aws:glue/crawler:Crawler", "s3_targets[0].dlq_event_queue_arn",
     lambda a: {"database_name": "d", "role": _RED49_ROLE, "recrawl_policy": {"recrawl_behavior": "CRAWL_EVENT_MODE"},
                "s3_targets": [{"path": "s3://claims", "event_queue_arn": _red49_arn("sqs", "crawl", "123456789012"),
                                "dlq_event_queue_arn": _red49_arn("sqs", "crawl-dlq", a)}]}),
    ("aws:glue/crawler:Crawler", "catalog_targets[0].dlq_event_queue_arn",
     lambda a: {"database_name": "d", "role": _RED49_ROLE, "catalog_targets": [
         {"database_name": "d", "tables": ["t"], "event_queue_arn": _red49_arn("sqs", "crawl", "123456789012"),
          "dlq_event_queue_arn": _red49_arn("sqs", "crawl-dlq", a)}]}),
]  # fmt: skip
_RED50_DOMAIN: tuple[str, str, Callable[[str], dict[str, Any]]] = (
    "aws:codeartifact/repository:Repository", "domain_owner",
    lambda a: {"repository": "libs", "domain": "fleet", "domain_owner": a})  # fmt: skip
# (The S3-target crawler is no pair: its S3 path names a bucket no subject can make, RES-017 in both; the table's
# glue-crawler-dlq programs make it.)
PAIRS += [
    ("RES-023", "EU", aws(token, _PINNED_EU, **props("123456789012")), aws(token, _PINNED_EU, **props(_OTHER)), path)
    for token, path, props in (*_RED50_WRITES, _RED50_DOMAIN)
    if not path.startswith("s3_targets")
]


@pytest.mark.parametrize(
    ("token", "path", "props", "text"),
    [(*w, "which receives what the stack writes there") for w in _RED50_WRITES]
    + [(*_RED50_DOMAIN, "owns the CodeArtifact domain this repository's packages are stored in")],
    ids=[f"{t.split(':')[1]}-{p}" for t, p, _ in (*_RED50_WRITES, _RED50_DOMAIN)],
)
def test_round_22_names_the_receiving_account(
    token: str, path: str, props: Callable[[str], dict[str, Any]], text: str
) -> None:
    # AWS red team, round 22 (stop 50): another account is refused unless pinned or declared; the own passes pinned;
    # aws-cn by partition.
    test_round_18_names_the_receiving_account(token, path, props, text)


_RED50_TEMPLATES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("AWS::Transfer::Server", "StructuredLogDestinations[0]",
     lambda a: {"StructuredLogDestinations": [_red49_arn("logs", "log-group:sftp:*", a)]}),
    ("AWS::Transfer::Workflow", "Steps[0].CustomStepDetails.Target",
     lambda a: {"Steps": [{"Type": "CUSTOM", "CustomStepDetails": {"Name": "scan", "Target": _fn49(a)}}]}),
    ("AWS::Transfer::Workflow", "OnExceptionSteps[0].CustomStepDetails.Target",
     lambda a: {"Steps": [{"Type": "DELETE", "DeleteStepDetails": {"Name": "drop"}}],
                "OnExceptionSteps": [{"Type": "CUSTOM", "CustomStepDetails": {"Name": "alert", "Target": _fn49(a)}}]}),
    ("AWS::Events::Endpoint", "EventBuses[0].EventBusArn",
     lambda a: {"Name": "orders", "EventBuses": [{"EventBusArn": _red49_arn("events", "event-bus/orders", a)}],
                "RoutingConfig": {"FailoverConfig": {"Primary": {"HealthCheck": "arn:aws:route53:::healthcheck/h"},
                                                     "Secondary": {"Route": "eu-central-1"}}}}),
    ("AWS::Cognito::UserPool", "EmailConfiguration.SourceArn",
     lambda a: {"EmailConfiguration": {"EmailSendingAccount": "DEVELOPER", "From": "no-reply@example.com",
                                       "SourceArn": _red49_arn("ses", "identity/example.com", a)}}),
    ("AWS::CodeArtifact::Repository", "DomainOwner",
     lambda a: {"RepositoryName": "libs", "DomainName": "fleet", "DomainOwner": a}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "path", "props"), _RED50_TEMPLATES, ids=[f"{k.split('::')[1]}-{p}" for k, p, _ in _RED50_TEMPLATES]
)
def test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_22(
    kind: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred50 (stop 50): the template twins of round 22's inputs passed in a template on main 25d38a3 (their ARN's
    # Region was read as text, its account not); each maps to its Pulumi type's input.
    engine = RuleEngine("EU")
    assert engine.check(_cfn(kind, **props("123456789012")))[0] == []
    findings = engine.check(_cfn(kind, **props(_OTHER)))[0]
    assert [(f.rule.id, f.path) for f in findings] == [
        ("RES-023", f"template_body(json).Resources.X.Properties.{path}")
    ]


# awsred51 (stop 51): the CloudFormation twins of written destinations the Pulumi types judge (written_account_fields)
# that no stack_templates entry mapped; each passed in a template on main 54b9529 with another account's ARN in the
# stack's Region (only the ARN's Region was read, as template text).
_ROLE51 = "arn:aws:iam::123456789012:role/r"


def _sns51(account: str) -> str:
    return _red49_arn("sns", "t", account)


_RED51_TEMPLATES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("AWS::CloudWatch::MetricStream", "FirehoseArn",
     lambda a: {"OutputFormat": "json", "RoleArn": _ROLE51,
                "FirehoseArn": _red49_arn("firehose", "deliverystream/f", a)}),
    ("AWS::EC2::FlowLog", "LogDestination",
     lambda a: {"ResourceId": "vpc-1", "ResourceType": "VPC", "TrafficType": "ALL",
                "LogDestination": _red49_arn("logs", "log-group:flows", a)}),
    ("AWS::CloudTrail::Trail", "CloudWatchLogsLogGroupArn",
     lambda a: {"IsLogging": True, "CloudWatchLogsLogGroupArn": _red49_arn("logs", "log-group:trail:*", a)}),
    ("AWS::CloudTrail::Trail", "SnsTopicName", lambda a: {"IsLogging": True, "SnsTopicName": _sns51(a)}),
    ("AWS::Route53Resolver::ResolverQueryLoggingConfig", "DestinationArn",
     lambda a: {"DestinationArn": _red49_arn("logs", "log-group:dns", a)}),
    ("AWS::WAFv2::LoggingConfiguration", "LogDestinationConfigs[0]",
     lambda a: {"ResourceArn": _red49_arn("wafv2", "regional/webacl/w/1", "123456789012"),
                "LogDestinationConfigs": [_red49_arn("logs", "log-group:aws-waf-logs-w", a)]}),
    ("AWS::Logs::Delivery", "DeliveryDestinationArn",
     lambda a: {"DeliverySourceName": "s", "DeliveryDestinationArn": _red49_arn("logs", "delivery-destination:d", a)}),
    ("AWS::AutoScaling::LifecycleHook", "NotificationTargetARN",
     lambda a: {"AutoScalingGroupName": "g", "LifecycleTransition": "autoscaling:EC2_INSTANCE_TERMINATING",
                "NotificationTargetARN": _red49_arn("sqs", "q", a), "RoleARN": _ROLE51}),
    ("AWS::AutoScaling::AutoScalingGroup", "LifecycleHookSpecificationList[0].NotificationTargetARN",
     lambda a: {"MinSize": "1", "MaxSize": "1", "LifecycleHookSpecificationList": [
         {"LifecycleHookName": "h", "LifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING",
          "NotificationTargetARN": _red49_arn("sqs", "q", a), "RoleARN": _ROLE51}]}),
    ("AWS::AutoScaling::AutoScalingGroup", "NotificationConfigurations[0].TopicARN",
     lambda a: {"MinSize": "1", "MaxSize": "1", "NotificationConfigurations": [
         {"TopicARN": _sns51(a), "NotificationTypes": ["autoscaling:EC2_INSTANCE_LAUNCH"]}]}),
    ("AWS::Config::DeliveryChannel", "SnsTopicARN", lambda a: {"S3BucketName": "b", "SnsTopicARN": _sns51(a)}),
    ("AWS::Config::ConfigRule", "Source.SourceIdentifier",
     lambda a: {"Source": {"Owner": "CUSTOM_LAMBDA", "SourceIdentifier": _fn49(a)}}),
    ("AWS::Config::OrganizationConfigRule", "OrganizationCustomRuleMetadata.LambdaFunctionArn",
     lambda a: {"OrganizationConfigRuleName": "r", "OrganizationCustomRuleMetadata": {
         "LambdaFunctionArn": _fn49(a),
         "OrganizationConfigRuleTriggerTypes": ["ConfigurationItemChangeNotification"]}}),
    ("AWS::CodeCommit::Repository", "Triggers[0].DestinationArn",
     lambda a: {"RepositoryName": "r", "Triggers": [{"Name": "t", "DestinationArn": _sns51(a),
                                                     "Events": ["all"]}]}),
    ("AWS::CodeStarNotifications::NotificationRule", "Targets[0].TargetAddress",
     lambda a: {"Name": "n", "DetailType": "FULL", "EventTypeIds": ["x"],
                "Resource": _red49_arn("codecommit", "r", "123456789012"),
                "Targets": [{"TargetType": "SNS", "TargetAddress": _sns51(a)}]}),
    ("AWS::CodeDeploy::DeploymentGroup", "TriggerConfigurations[0].TriggerTargetArn",
     lambda a: {"ApplicationName": "app", "ServiceRoleArn": _ROLE51, "TriggerConfigurations": [
         {"TriggerName": "t", "TriggerTargetArn": _sns51(a), "TriggerEvents": ["DeploymentFailure"]}]}),
    ("AWS::SecretsManager::RotationSchedule", "RotationLambdaARN",
     lambda a: {"SecretId": "s", "RotationLambdaARN": _fn49(a)}),
    ("AWS::RDS::EventSubscription", "SnsTopicArn", lambda a: {"SnsTopicArn": _sns51(a)}),
    ("AWS::Redshift::EventSubscription", "SnsTopicArn",
     lambda a: {"SubscriptionName": "s", "SnsTopicArn": _sns51(a)}),
    ("AWS::Neptune::EventSubscription", "SnsTopicArn", lambda a: {"SnsTopicArn": _sns51(a)}),
    ("AWS::DMS::EventSubscription", "SnsTopicArn", lambda a: {"SnsTopicArn": _sns51(a)}),
    ("AWS::ElastiCache::CacheCluster", "NotificationTopicArn",
     lambda a: {"CacheNodeType": "cache.t3.micro", "Engine": "redis", "NumCacheNodes": 1,
                "NotificationTopicArn": _sns51(a)}),
    ("AWS::ElastiCache::ReplicationGroup", "NotificationTopicArn",
     lambda a: {"ReplicationGroupDescription": "d", "NotificationTopicArn": _sns51(a)}),
    ("AWS::Pinpoint::EventStream", "DestinationStreamArn",
     lambda a: {"ApplicationId": "p", "RoleArn": _ROLE51,
                "DestinationStreamArn": _red49_arn("kinesis", "stream/s", a)}),
    ("AWS::Backup::BackupPlan", "BackupPlan.BackupPlanRule[0].CopyActions[0].DestinationBackupVaultArn",
     lambda a: {"BackupPlan": {"BackupPlanName": "p", "BackupPlanRule": [
         {"RuleName": "r", "TargetBackupVault": "v",
          "CopyActions": [{"DestinationBackupVaultArn": _red49_arn("backup", "backup-vault:v", a)}]}]}}),
    ("AWS::Backup::BackupVault", "Notifications.SNSTopicArn",
     lambda a: {"BackupVaultName": "v", "Notifications": {"BackupVaultEvents": ["BACKUP_JOB_COMPLETED"],
                                                           "SNSTopicArn": _sns51(a)}}),
    ("AWS::Glue::Crawler", "Targets.CatalogTargets[0].DlqEventQueueArn",
     lambda a: {"Role": _ROLE51, "DatabaseName": "d", "Targets": {"CatalogTargets": [
         {"DatabaseName": "d", "Tables": ["t"], "DlqEventQueueArn": _red49_arn("sqs", "dlq", a)}]}}),
    ("AWS::DataSync::Task", "CloudWatchLogGroupArn",
     lambda a: {"SourceLocationArn": _red49_arn("datasync", "location/loc-1", "123456789012"),
                "DestinationLocationArn": _red49_arn("datasync", "location/loc-2", "123456789012"),
                "CloudWatchLogGroupArn": _red49_arn("logs", "log-group:sync", a)}),
    ("AWS::MSK::VpcConnection", "TargetClusterArn",
     lambda a: {"Authentication": "SASL_IAM", "ClientSubnets": ["s"], "SecurityGroups": ["sg"], "VpcId": "vpc-1",
                "TargetClusterArn": _red49_arn("kafka", "cluster/c/1", a)}),
    ("AWS::EKS::PodIdentityAssociation", "TargetRoleArn",
     lambda a: {"ClusterName": "c", "Namespace": "n", "ServiceAccount": "s", "RoleArn": _ROLE51,
                "TargetRoleArn": f"arn:aws:iam::{a}:role/t"}),
    ("AWS::Cognito::LogDeliveryConfiguration", "LogConfigurations[0].CloudWatchLogsConfiguration.LogGroupArn",
     lambda a: {"UserPoolId": "p", "LogConfigurations": [{"LogLevel": "ERROR", "EventSource": "userNotification",
                "CloudWatchLogsConfiguration": {"LogGroupArn": _red49_arn("logs", "log-group:auth", a)}}]}),
    ("AWS::ApplicationInsights::Application", "OpsItemSNSTopicArn",
     lambda a: {"ResourceGroupName": "g", "OpsItemSNSTopicArn": _sns51(a)}),
    ("AWS::IoT::TopicRule", "TopicRulePayload.Actions[0].Lambda.FunctionArn",
     lambda a: {"TopicRulePayload": {"Sql": "SELECT * FROM 't'", "Actions": [{"Lambda": {"FunctionArn": _fn49(a)}}]}}),
    ("AWS::IoT::TopicRule", "TopicRulePayload.ErrorAction.Sqs.QueueUrl",
     lambda a: {"TopicRulePayload": {"Sql": "SELECT * FROM 't'", "Actions": [], "ErrorAction": {"Sqs": {
         "QueueUrl": f"https://sqs.eu-central-1.amazonaws.com/{a}/errors", "RoleArn": _ROLE51}}}}),
    ("AWS::SES::ReceiptRule", "Rule.Actions[0].LambdaAction.FunctionArn",
     lambda a: {"RuleSetName": "rs", "Rule": {"Actions": [{"LambdaAction": {"FunctionArn": _fn49(a)}}]}}),
    ("AWS::SES::ReceiptRule", "Rule.Actions[0].SNSAction.TopicArn",
     lambda a: {"RuleSetName": "rs", "Rule": {"Actions": [{"SNSAction": {"TopicArn": _sns51(a)}}]}}),
    ("AWS::CloudFront::RealtimeLogConfig", "EndPoints[0].KinesisStreamConfig.StreamArn",
     lambda a: {"Name": "n", "SamplingRate": 100, "Fields": ["timestamp"], "EndPoints": [{"StreamType": "Kinesis",
                "KinesisStreamConfig": {"RoleArn": _ROLE51, "StreamArn": _red49_arn("kinesis", "stream/s", a)}}]}),
    ("AWS::Connect::InstanceStorageConfig", "KinesisStreamConfig.StreamArn",
     lambda a: {"InstanceArn": "i", "ResourceType": "CONTACT_TRACE_RECORDS", "StorageType": "KINESIS_STREAM",
                "KinesisStreamConfig": {"StreamArn": _red49_arn("kinesis", "stream/s", a)}}),
    ("AWS::Connect::InstanceStorageConfig", "KinesisFirehoseConfig.FirehoseArn",
     lambda a: {"InstanceArn": "i", "ResourceType": "AGENT_EVENTS", "StorageType": "KINESIS_FIREHOSE",
                "KinesisFirehoseConfig": {"FirehoseArn": _red49_arn("firehose", "deliverystream/f", a)}}),
    ("AWS::RDS::Integration", "TargetArn",
     lambda a: {"SourceArn": _red49_arn("rds", "cluster:c", "123456789012"),
                "TargetArn": _red49_arn("redshift-serverless", "namespace/n", a)}),
    ("AWS::AppSync::DataSource", "LambdaConfig.LambdaFunctionArn",
     lambda a: {"ApiId": "a", "Name": "d", "Type": "AWS_LAMBDA", "LambdaConfig": {"LambdaFunctionArn": _fn49(a)}}),
    ("AWS::AppSync::DataSource", "EventBridgeConfig.EventBusArn",
     lambda a: {"ApiId": "a", "Name": "d", "Type": "AMAZON_EVENTBRIDGE",
                "EventBridgeConfig": {"EventBusArn": _red49_arn("events", "event-bus/b", a)}}),
    ("AWS::ApiGateway::Authorizer", "AuthorizerUri",
     lambda a: {"RestApiId": "a", "Name": "n", "Type": "TOKEN", "AuthorizerUri":
                f"arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/{_fn49(a)}/invocations"}),
    ("AWS::ApiGatewayV2::Authorizer", "AuthorizerUri",
     lambda a: {"ApiId": "a", "Name": "n", "AuthorizerType": "REQUEST", "AuthorizerUri":
                f"arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/{_fn49(a)}/invocations"}),
    ("AWS::ECS::Service", "DeploymentConfiguration.LifecycleHooks[0].HookTargetArn",
     lambda a: {"Cluster": "c", "DeploymentConfiguration": {"LifecycleHooks": [
         {"HookTargetArn": _fn49(a), "RoleArn": _ROLE51, "LifecycleStages": ["PRE_SCALE_UP"]}]}}),
    ("AWS::SSMIncidents::ResponsePlan", "IncidentTemplate.NotificationTargets[0].SnsTopicArn",
     lambda a: {"Name": "p", "IncidentTemplate": {"Title": "t", "Impact": 3,
                                                  "NotificationTargets": [{"SnsTopicArn": _sns51(a)}]}}),
    ("AWS::KinesisFirehose::DeliveryStream", "AmazonopensearchserviceDestinationConfiguration.DomainARN",
     lambda a: {"DeliveryStreamType": "DirectPut", "AmazonopensearchserviceDestinationConfiguration": {
         "DomainARN": _red49_arn("es", "domain/d", a), "IndexName": "i", "RoleARN": _ROLE51}}),
    ("AWS::DynamoDB::Table", "KinesisStreamSpecification.StreamArn",
     lambda a: {"KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}],
                "KinesisStreamSpecification": {"StreamArn": _red49_arn("kinesis", "stream/s", a)}}),
    ("AWS::DMS::Endpoint", "KinesisSettings.StreamArn",
     lambda a: {"EndpointType": "target", "EngineName": "kinesis", "KinesisSettings": {
         "StreamArn": _red49_arn("kinesis", "stream/s", a), "ServiceAccessRoleArn": _ROLE51, "MessageFormat": "json"}}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "path", "props"), _RED51_TEMPLATES, ids=[f"{k.split('::', 1)[1]}-{p}" for k, p, _ in _RED51_TEMPLATES]
)
def test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_23(
    kind: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred51 (stop 51): the own account passes under the pinned provider, another's is RES-023 at the template's own
    # path (the Pulumi twin's judgement), and the same template in aws-cn passes (every account there is China's).
    test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_22(kind, path, props)
    body = json.dumps({"Resources": {"X": {"Type": kind, "Properties": props(_OTHER)}}})
    cn_body = body.replace("arn:aws:", "arn:aws-cn:").replace("eu-central-1", "cn-north-1")
    cn_body = cn_body.replace("amazonaws.com/", "amazonaws.com.cn/")
    assert [f for f in RuleEngine("CN").check(aws(_STACK, AWS_CN, template_body=cn_body))[0]] == []


def test_a_template_twin_names_its_own_resources_by_reference_round_23() -> None:
    # awsred51: the template's own topic / log group / vault by Ref or Fn::GetAtt, and the stack's account by
    # ${AWS::AccountId}, pass under an unpinned provider too; a vault abroad of the stack's own account stays RES-004.
    unpinned = ProviderRef("aws", "eu", "eu-central-1")
    own = {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {}},
           "Group": {"Type": "AWS::Logs::LogGroup", "Properties": {}}}  # fmt: skip

    def check(kind: str, **props: Any) -> list[tuple[str, str]]:
        body = json.dumps({"Resources": {**own, "X": {"Type": kind, "Properties": props}}})
        findings = RuleEngine("EU").check(aws(_STACK, unpinned, template_body=body))[0]
        return [(f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties.")) for f in findings]

    assert check("AWS::Config::DeliveryChannel", S3BucketName="b", SnsTopicARN={"Ref": "Topic"}) == []
    assert check("AWS::EC2::FlowLog", ResourceId="vpc-1", ResourceType="VPC", TrafficType="ALL",
                 LogDestination={"Fn::GetAtt": ["Group", "Arn"]}) == []  # fmt: skip
    copy = "arn:${AWS::Partition}:backup:%s:${AWS::AccountId}:backup-vault:dr"

    def plan(region: str) -> dict[str, Any]:
        return {"BackupPlanName": "p", "BackupPlanRule": [{"RuleName": "r", "TargetBackupVault": "v", "CopyActions": [
            {"DestinationBackupVaultArn": {"Fn::Sub": copy % region}}]}]}  # fmt: skip

    assert check("AWS::Backup::BackupPlan", BackupPlan=plan("eu-west-1")) == []
    assert check("AWS::Backup::BackupPlan", BackupPlan=plan("us-east-1")) == [
        ("RES-004", "BackupPlan.BackupPlanRule[0].CopyActions[0].DestinationBackupVaultArn.Fn::Sub")
    ]


_RED51_REPLICA = "aws:dynamodb/tableReplica:TableReplica"
# Through every front door (tests/test_front_doors.py): the table replica, and four template twins (a metric stream, a
# flow log, a backup plan's copy action, an IoT rule's action).
_RED51_PAIRED = {"AWS::CloudWatch::MetricStream", "AWS::EC2::FlowLog", "AWS::Backup::BackupPlan", "AWS::IoT::TopicRule"}
PAIRS += [
    ("RES-023", "EU",
     aws(_RED51_REPLICA, _PINNED_EU, global_table_arn=_red49_arn("dynamodb", "table/t", "123456789012")),
     aws(_RED51_REPLICA, _PINNED_EU, global_table_arn=_red49_arn("dynamodb", "table/t", _OTHER)), "global_table_arn"),
    *[("RES-023", "EU", _cfn(kind, **props("123456789012")), _cfn(kind, **props(_OTHER)),
       f"template_body(json).Resources.X.Properties.{path}")
      for kind, path, props in _RED51_TEMPLATES
      if kind in _RED51_PAIRED and "ErrorAction" not in path],
]  # fmt: skip


# Alibaba Cloud red team, round 9 (stop 51, alired51): an Alibaba provider's `endpoints` override is the host every
# call of the product goes to (destination_fields); a partner's host holding "oss-" under a host key and in
# ALIBABA_CLOUD_ENDPOINT_<PRODUCT> (host_key_prefixes) is a destination host; the aliyun CLI's --ZoneId is a zone and
# its --DestinationRegionId a Region. Each offending subject passed on main 54b9529.
_ALI51_PROVIDER = "pulumi:providers:alicloud"
_ALI51_FUNCTION = "alicloud:fc/v3Function:V3Function"
_ALI51_PINNED_DE = ProviderRef("alicloud", "de", "eu-central-1", accounts=frozenset({_ALI_OWN}))


def _ali51_boot(script: str) -> Subject:
    return ali("alicloud:ecs/instance:Instance", _ALI_PINNED_CN, image_id="m", instance_type="ecs.g7.large",
               user_data=f"#!/bin/bash\n{script}\n")  # fmt: skip


PAIRS += [
    ("RES-015", "CN",
     Subject(_ALI51_PROVIDER, "p", {"region": "cn-shanghai",
                                    "endpoints": [{"oss": "oss-cn-shanghai-internal.aliyuncs.com"}]}),
     Subject(_ALI51_PROVIDER, "p", {"region": "cn-shanghai", "endpoints": [{"oss": "objects.partner-analytics.com"}]}),
     "endpoints[0].oss"),
    ("RES-015", "JP",
     ali(_ALI51_FUNCTION, _ALI_PINNED_JP, function_name="f",
         environment_variables={"OSS_ENDPOINT": "oss-ap-northeast-1-internal.aliyuncs.com"}),
     ali(_ALI51_FUNCTION, _ALI_PINNED_JP, function_name="f",
         environment_variables={"OSS_ENDPOINT": "oss-gateway.partner-analytics.com"}),
     "environment_variables.OSS_ENDPOINT"),
    ("RES-015", "DE",
     ali(_ALI51_FUNCTION, _ALI51_PINNED_DE, function_name="f",
         environment_variables={"ALIBABA_CLOUD_ENDPOINT_SLS": "eu-central-1-intranet.log.aliyuncs.com"}),
     ali(_ALI51_FUNCTION, _ALI51_PINNED_DE, function_name="f",
         environment_variables={"ALIBABA_CLOUD_ENDPOINT_SLS": "sls-relay.partner-analytics.com"}),
     "environment_variables.ALIBABA_CLOUD_ENDPOINT_SLS"),
    ("RES-015", "EU",
     aws("aws:lambda/function:Function", _PINNED_EU, role="r",
         environment={"variables": {"DB_HOST": "s3.eu-central-1.amazonaws.com"}}),
     aws("aws:lambda/function:Function", _PINNED_EU, role="r",
         environment={"variables": {"DB_HOST": "oss-sync.partner-analytics.com"}}),
     "environment.variables.DB_HOST"),
    ("RES-008", "CN",
     _ali51_boot("aliyun vpc CreateVSwitch --VpcId vpc-1 --ZoneId cn-shanghai-b --CidrBlock 10.0.8.0/24"),
     _ali51_boot("aliyun vpc CreateVSwitch --VpcId vpc-1 --ZoneId cn-hongkong-b --CidrBlock 10.0.8.0/24"),
     "user_data.aliyun"),
    ("RES-009", "CN", _ali51_boot("aliyun ecs CopyImage --ImageId m-1 --DestinationRegionId cn-beijing"),
     _ali51_boot("aliyun ecs CopyImage --ImageId m-1 --DestinationRegionId cn-hongkong"), "user_data.aliyun"),
]  # fmt: skip


# falsealarm51 (stop 51): nginx's `proxy_pass http://<group>;` names the `upstream <group> { server ...; }` the same
# text defines (server_groups): the group's servers are judged on their `server` lines, the group's name is no host.
def _nginx_boot(upstream: str, proxy: str = "http://api") -> Subject:
    conf = f"upstream api {{\n  server {upstream};\n}}\nserver {{\n  location / {{ proxy_pass {proxy}; }}\n}}\n"
    script = f"#!/bin/bash\ncat > /etc/nginx/conf.d/fleet.conf <<'EOF'\n{conf}EOF\nsystemctl restart nginx\n"
    return aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=script)


PAIRS += [
    ("RES-015", "EU", _nginx_boot("10.20.1.15:8080"), _nginx_boot("intake.partner-analytics.com:443"),
     "user_data.server"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("upstream", "proxy", "found"),
    [
        ("10.20.1.15:8080", "http://api", []),  # RES-015 at user_data before (main 54b9529)
        ("10.20.1.15:8080", "grpc://api", []),
        ("10.20.1.15:8080", "http://api:8080", [("RES-015", "user_data")]),  # with a port nginx reads a host
        ("10.20.1.15:8080", "http://intake", [("RES-015", "user_data")]),  # no group of that name
        ("10.20.1.15:8080", "http://api; }\n  # curl http://api", [("RES-015", "user_data")]),  # not a directive's URL
        ("intake.partner-analytics.com:443", "https://api", [("RES-015", "user_data.server")]),
    ],
)
def test_an_nginx_upstream_name_is_its_servers_not_a_host(upstream: str, proxy: str, found: list[Any]) -> None:
    findings, _ = RuleEngine("EU").check(_nginx_boot(upstream, proxy))
    assert [(f.rule.id, f.path) for f in findings] == found


# stackjoin51 (stop 51): a stack instance's override of a Region's form is judged as a Region whatever its Parameter's
# name (typed_region_fields): the StackSet it names may be made elsewhere, its template out of view. On main 54b9529 the
# offending twins passed (`Where` is no region key).
_STACK_SET_INSTANCE = "aws:cloudformation/stackSetInstance:StackSetInstance"
_STACK_INSTANCES = "aws:cloudformation/stackInstances:StackInstances"
_ROS_STACK_INSTANCE = "alicloud:ros/stackInstance:StackInstance"
PAIRS += [
    ("RES-009", "CN", aws(_STACK_SET_INSTANCE, stack_set_name="partner-trips",
                          parameter_overrides={"Where": "cn-northwest-1", "Environment": "prod"}),
     aws(_STACK_SET_INSTANCE, stack_set_name="partner-trips",
         parameter_overrides={"Where": "ap-east-1", "Environment": "prod"}), "parameter_overrides.Where"),
    ("RES-009", "CN", aws(_STACK_INSTANCES, stack_set_name="trips", parameter_overrides={"Where": "cn-north-1"}),
     aws(_STACK_INSTANCES, stack_set_name="trips", parameter_overrides={"Where": "us-east-1"}),
     "parameter_overrides.Where"),
    ("RES-009", "CN", ali(_ROS_STACK_INSTANCE, stack_group_name="peering",
                          parameter_overrides=[{"parameter_key": "Where", "parameter_value": "cn-beijing"}]),
     ali(_ROS_STACK_INSTANCE, stack_group_name="peering",
         parameter_overrides=[{"parameter_key": "Where", "parameter_value": "ap-southeast-1"}]),
     "parameter_overrides[0].parameter_value"),
]  # fmt: skip


@pytest.mark.parametrize("value", ["prod", "us-east-prod", "trips-table", "10", "true"])
def test_an_instance_override_of_no_region_form_is_not_judged_as_a_region(value: str) -> None:
    # stackjoin51: only a Region's form is judged there (region_field: no shape, no finding), so an everyday override
    # of an external StackSet (an environment, a name, a number) is no false alarm.
    engine = RuleEngine("EU")
    eu = ProviderRef("aws", "p", "eu-west-1")
    for subject in (
        Subject(_STACK_SET_INSTANCE, "r", {"stack_set_name": "baseline", "parameter_overrides": {"Env": value}}, eu),
        Subject(_STACK_INSTANCES, "r", {"stackSetName": "baseline", "parameterOverrides": {"Env": value}}, eu),
    ):
        assert engine.check(subject)[0] == []


@pytest.mark.parametrize(("value", "expected"), [("fleet-uploads-home", []), ("cn-hongkong", ["RES-009"]),
                                                ("cn-beijing", [])])  # fmt: skip
def test_a_ros_instance_override_that_only_looks_like_a_region_is_none(value: str, expected: list[str]) -> None:
    # The lead (stop 51): an Alibaba Region's shape is loose (`fleet-uploads-home` has it), so at a place that may hold
    # a Region among other values (`catalogued_only`) only a catalogued Region's id is one: falsealarm14's ROS
    # instance overriding its bucket name was RES-011 at the guard; Hong Kong stays refused in CN.
    pairs = [{"parameter_key": "BucketName", "parameter_value": value}]
    findings = RuleEngine("CN").check(ali(_ROS_STACK_INSTANCE, stack_group_name="uploaders", parameter_overrides=pairs))
    assert [f.rule.id for f in findings[0]] == expected


def test_an_instance_override_of_no_region_form_keeps_its_judgement_by_name() -> None:
    # stackjoin51: a typed region place (typed_region_fields) judges a Region's form only; a value of another form there
    # is judged as any other value: a partner's host under `ExportHost` stays RES-015 (alired11's instance).
    pairs = [{"parameter_key": "ExportHost", "parameter_value": "intake.partner.example.com"}]
    findings = RuleEngine("CN").check(ali(_ROS_STACK_INSTANCE, stack_group_name="uploaders", parameter_overrides=pairs))
    assert [(f.rule.id, f.path) for f in findings[0]] == [("RES-015", "parameter_overrides[0].parameter_value")]


# Alibaba Cloud red team, round 10 (stop 52, alired52): the aliyun CLI's business parameters are an API's request
# parameters, named as its inputs are: one named as a Region or zone input is judged as one (script_commands
# `named_options`, by the engine's is_region_key / is_zone_key). Each offending subject passed on main faa992a.
PAIRS += [
    ("RES-009", "CN",
     _ali51_boot("aliyun rds ModifyInstanceCrossBackupPolicy --DBInstanceId rm-1 --CrossBackupRegion cn-beijing"),
     _ali51_boot("aliyun rds ModifyInstanceCrossBackupPolicy --DBInstanceId rm-1 --CrossBackupRegion cn-hongkong"),
     "user_data.aliyun"),
    ("RES-008", "CN",
     _ali51_boot("aliyun ebs CreateDiskReplicaPair --SourceDiskId d-1 --DestinationZoneId cn-beijing-h"),
     _ali51_boot("aliyun ebs CreateDiskReplicaPair --SourceDiskId d-1 --DestinationZoneId cn-hongkong-b"),
     "user_data.aliyun"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("aliyun dts ConfigureDtsJob --DestinationEndpointRegion=cn-hongkong", ["RES-009"]),
        ("aliyun cbn CreateFlowlog --RegionIds.1 cn-beijing --RegionIds.2 cn-hongkong", ["RES-009"]),
        ("aliyun kms replicate-key --key-id k-1 --replica-region-id cn-hongkong", ["RES-009"]),
        ("aliyun vpc CreateVSwitch --VpcId vpc-1 --ZoneId cn-hongkong-b --CidrBlock 10.0.8.0/24", ["RES-008"]),
        ("aliyun dts ConfigureDtsJob --SourceEndpointRegion cn-shanghai --DestinationEndpointRegion cn-beijing", []),
        ("aliyun rds ModifyInstanceCrossBackupPolicy --CrossBackupRegion $TARGET", []),
        ("aliyun cbn CreateCenBandwidthPackage --GeographicRegionAId China --GeographicRegionBId China", []),
        ("aliyun rds DescribeRegions --RegionName hangzhou-prod --Name cn-hongkong", []),
    ],
)
def test_an_aliyun_parameter_named_as_a_region_or_zone_input_is_one(line: str, expected: list[str]) -> None:
    # alired52: the name decides, in either case style, with the value attached (`=`) or a RepeatList index (`.1`); a
    # variable the script gives no value, a CEN area (`GeographicRegion*`, judged as a global service on the resource)
    # and an option named otherwise are left alone, so an everyday call stays compliant.
    findings, _ = RuleEngine("CN").check(_ali51_boot(line))
    assert [f.rule.id for f in findings] == expected


# alired52: a provider naming the international site (`account_type: International`) has Cloud Config (and Cloud
# Firewall, ESA) run from Singapore (terraform-provider-alicloud connectivity/endpoint.go): RES-016 in CN too, where a
# China-site (or unnamed) account's Shanghai hub is accepted. The offending subject passed on main faa992a.
_ALI52_INTL_CN = ProviderRef("alicloud", "cn", "cn-shanghai", accounts=frozenset({_ALI_OWN}), site="International")
_ALI52_RECORDER = "alicloud:cfg/configurationRecorder:ConfigurationRecorder"
PAIRS += [
    ("RES-016", "CN", ali(_ALI52_RECORDER, _ALI_PINNED_CN, resource_types=["ACS::ECS::Instance"]),
     ali(_ALI52_RECORDER, _ALI52_INTL_CN, resource_types=["ACS::ECS::Instance"]), ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("inputs", "site"),
    [
        ({"account_type": "International"}, "International"),  # the SDK's inputs (the guard)
        ({"accountType": "International", "region": "cn-shanghai"}, "International"),  # a document's (pack, reviews)
        ({"accountType": "Domestic"}, "Domestic"),
        ({"region": "cn-shanghai"}, None),  # none: detected at run time, out of view
        ({"accountType": ""}, None),
    ],
)
def test_every_door_reads_a_providers_account_site_in_one_place(inputs: dict[str, Any], site: str | None) -> None:
    assert provider_site(inputs) == site


# awsred52 (stop 52): the CloudFormation twins round 23 left open and those of the remaining written destinations (a
# budget's subscriber, a domain's log map, a VPN tunnel's log group, a table bucket's replication, a file share's audit
# log group, a stream processor's channel and result stream, a workteam's, a QLDB stream's and a scheduled query's
# destination, a pipe's enrichment and logs), and IoT Events' detector and alarm actions (no pulumi-aws type: judged as
# the topic rule's actions of the same shapes) and a Lex V2 alias's logs (as the Lex bot alias's): each passed in a
# template on main faa992a with another account's ARN in the stack's Region.
_ROLE52 = "arn:aws:iam::123456789012:role/r"


def _iotevents52(where: str, action: dict[str, Any]) -> dict[str, Any]:
    events = [{"EventName": "e", "Condition": "true", "Actions": [action]}]
    phase, kind = where.split(".")
    state: dict[str, Any] = {"StateName": "s", phase: {kind: events}}
    return {"RoleArn": _ROLE52, "DetectorModelDefinition": {"InitialStateName": "s", "States": [state]}}


def _alarm52(**props: Any) -> dict[str, Any]:
    rule = {"SimpleRule": {"InputProperty": "$input.i.x", "ComparisonOperator": "GREATER", "Threshold": "1"}}
    return {"RoleArn": _ROLE52, "AlarmRule": rule, **props}


def _budget52(address: str, kind: str = "SNS") -> dict[str, Any]:
    notification = {"NotificationType": "ACTUAL", "ComparisonOperator": "GREATER_THAN", "Threshold": 80}
    subscribers = [{"SubscriptionType": kind, "Address": address}]
    return {"Budget": {"BudgetType": "COST", "TimeUnit": "MONTHLY", "BudgetLimit": {"Amount": 10, "Unit": "USD"}},
            "NotificationsWithSubscribers": [{"Notification": notification, "Subscribers": subscribers}]}  # fmt: skip


def _share52(a: str) -> dict[str, Any]:
    return {"GatewayARN": _red49_arn("storagegateway", "gateway/sgw-1", "123456789012"),
            "LocationARN": {"Fn::GetAtt": ["B", "Arn"]}, "Role": _ROLE51,
            "AuditDestinationARN": _red49_arn("logs", "log-group:audit", a)}  # fmt: skip


_RED52_TEMPLATES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    *[("AWS::IoTEvents::DetectorModel",
       f"DetectorModelDefinition.States[0].{where}[0].Actions[0].{kind}.{key}",
       lambda a, where=where, kind=kind, key=key, value=value: _iotevents52(where, {kind: {key: value(a)}}))
      for where in ("OnInput.Events", "OnInput.TransitionEvents", "OnEnter.Events", "OnExit.Events")
      for kind, key, value in (("Sns", "TargetArn", _sns51), ("Lambda", "FunctionArn", _fn49),
                               ("Sqs", "QueueUrl", lambda a: f"https://sqs.eu-central-1.amazonaws.com/{a}/q"))],
    ("AWS::IoTEvents::AlarmModel", "AlarmEventActions.AlarmActions[0].Sns.TargetArn",
     lambda a: _alarm52(AlarmEventActions={"AlarmActions": [{"Sns": {"TargetArn": _sns51(a)}}]})),
    ("AWS::IoTEvents::AlarmModel", "AlarmEventActions.AlarmActions[0].Lambda.FunctionArn",
     lambda a: _alarm52(AlarmEventActions={"AlarmActions": [{"Lambda": {"FunctionArn": _fn49(a)}}]})),
    ("AWS::IoTEvents::AlarmModel", "AlarmNotification.NotificationActions[0].Action.LambdaAction.FunctionArn",
     lambda a: _alarm52(AlarmNotification={"NotificationActions": [
         {"Action": {"LambdaAction": {"FunctionArn": _fn49(a)}}}]})),
    ("AWS::Budgets::Budget", "NotificationsWithSubscribers[0].Subscribers[0].Address", lambda a: _budget52(_sns51(a))),
    *[(kind, f"LogPublishingOptions.{log}.CloudWatchLogsLogGroupArn",
       lambda a, log=log: {"LogPublishingOptions": {
           log: {"CloudWatchLogsLogGroupArn": _red49_arn("logs", "log-group:l", a), "Enabled": True}}})
      for kind in ("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain")
      for log in ("INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "ES_APPLICATION_LOGS", "AUDIT_LOGS")],
    *[("AWS::EC2::VPNConnection", f"VpnTunnelOptionsSpecifications[1].LogOptions.CloudwatchLogOptions.{key}",
       lambda a, key=key: {"Type": "ipsec.1", "CustomerGatewayId": "cgw-1", "VpnGatewayId": "vgw-1",
                           "VpnTunnelOptionsSpecifications": [{}, {"LogOptions": {"CloudwatchLogOptions": {
                               key: _red49_arn("logs", "log-group:vpn", a)}}}]})
      for key in ("LogGroupArn", "BgpLogGroupArn")],
    ("AWS::S3Tables::TableBucket", "ReplicationConfiguration.Rules[0].Destinations[0].DestinationTableBucketArn",
     lambda a: {"TableBucketName": "b", "ReplicationConfiguration": {"Role": _ROLE52, "Rules": [
         {"Destinations": [{"DestinationTableBucketArn": _red49_arn("s3tables", "bucket/d", a)}]}]}}),
    ("AWS::StorageGateway::NFSFileShare", "AuditDestinationARN", _share52),
    ("AWS::StorageGateway::SMBFileShare", "AuditDestinationARN", _share52),
    ("AWS::GameLift::GameSessionQueue", "NotificationTarget", lambda a: {"Name": "q", "NotificationTarget": _sns51(a)}),
    ("AWS::GameLift::MatchmakingConfiguration", "NotificationTarget",
     lambda a: {"Name": "m", "AcceptanceRequired": False, "RequestTimeoutSeconds": 60, "RuleSetName": "r",
                "FlexMatchMode": "STANDALONE", "NotificationTarget": _sns51(a)}),
    ("AWS::IoTSiteWise::Portal", "Alarms.NotificationLambdaArn",
     lambda a: {"PortalName": "p", "PortalContactEmail": "ops@example.com", "RoleArn": _ROLE52,
                "Alarms": {"AlarmRoleArn": _ROLE52, "NotificationLambdaArn": _fn49(a)}}),
    ("AWS::Rekognition::StreamProcessor", "NotificationChannel.Arn",
     lambda a: {"RoleArn": _ROLE52, "NotificationChannel": {"Arn": _sns51(a)}}),
    ("AWS::Rekognition::StreamProcessor", "KinesisDataStream.Arn",
     lambda a: {"RoleArn": _ROLE52, "KinesisDataStream": {"Arn": _red49_arn("kinesis", "stream/k", a)}}),
    ("AWS::SageMaker::Workteam", "NotificationConfiguration.NotificationTopicArn",
     lambda a: {"Description": "d", "NotificationConfiguration": {"NotificationTopicArn": _sns51(a)}}),
    ("AWS::QLDB::Stream", "KinesisConfiguration.StreamArn",
     lambda a: {"LedgerName": "l", "StreamName": "s", "RoleArn": _ROLE52,
                "KinesisConfiguration": {"StreamArn": _red49_arn("kinesis", "stream/k", a)}}),
    ("AWS::Timestream::ScheduledQuery", "NotificationConfiguration.SnsConfiguration.TopicArn",
     lambda a: {"QueryString": "SELECT 1", "NotificationConfiguration": {"SnsConfiguration": {"TopicArn": _sns51(a)}}}),
    ("AWS::Pipes::Pipe", "Enrichment",
     lambda a: {"RoleArn": _ROLE52, "Source": _red49_arn("sqs", "in", "123456789012"), "Enrichment": _fn49(a),
                "Target": _red49_arn("sqs", "out", "123456789012")}),
    ("AWS::Pipes::Pipe", "LogConfiguration.CloudwatchLogsLogDestination.LogGroupArn",
     lambda a: {"RoleArn": _ROLE52, "Source": _red49_arn("sqs", "in", "123456789012"),
                "Target": _red49_arn("sqs", "out", "123456789012"), "LogConfiguration": {
                    "Level": "INFO", "CloudwatchLogsLogDestination": {
                        "LogGroupArn": _red49_arn("logs", "log-group:pipe", a)}}}),
    ("AWS::Lex::BotAlias", "ConversationLogSettings.TextLogSettings[0].Destination.CloudWatch.CloudWatchLogGroupArn",
     lambda a: {"BotId": "b", "BotAliasName": "live", "ConversationLogSettings": {"TextLogSettings": [
         {"Enabled": True, "Destination": {"CloudWatch": {
             "CloudWatchLogGroupArn": _red49_arn("logs", "log-group:lex", a), "LogPrefix": "p"}}}]}}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "path", "props"), _RED52_TEMPLATES, ids=[f"{k.split('::', 1)[1]}-{p}" for k, p, _ in _RED52_TEMPLATES]
)
def test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_24(
    kind: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred52: the own account passes under the pinned provider, another's is RES-023 at the template's own path (the
    # Pulumi twin's judgement), and the same template in aws-cn passes (every account there is China's).
    test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_23(kind, path, props)


def test_what_a_round_24_twin_does_not_name_stays_unjudged() -> None:
    # awsred52: a budget's EMAIL subscriber names no account (as the Pulumi `subscriber_email_addresses`); a Lex V2
    # alias's audio logs to an S3 bucket ARN name no account either (the bucket is judged as a bucket: RES-017 for one
    # the stack does not make, as before); the template's own log group by Fn::GetAtt under an unpinned provider passes.
    # awsred57 (stop 57): the EMAIL subscriber's domain is judged as the Pulumi twin's recipient (RES-015 until
    # declared; it passed in a template before), still no account (no RES-023).
    engine = RuleEngine("EU")
    mailed = engine.check(_cfn("AWS::Budgets::Budget", **_budget52("finops@example.com", "EMAIL")))[0]
    assert [(f.rule.id, f.value) for f in mailed] == [("RES-015", "example.com")]  # the domain receives the mail
    unpinned = ProviderRef("aws", "eu", "eu-central-1")
    body = {"Resources": {"G": {"Type": "AWS::Logs::LogGroup", "Properties": {}}, "X": {
        "Type": "AWS::OpenSearchService::Domain", "Properties": {"LogPublishingOptions": {
            "AUDIT_LOGS": {"CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["G", "Arn"]}, "Enabled": True}}}}}}  # fmt: skip
    assert engine.check(aws(_STACK, unpinned, template_body=json.dumps(body)))[0] == []
    audio = {"BotId": "b", "BotAliasName": "live", "ConversationLogSettings": {"AudioLogSettings": [
        {"Enabled": True, "Destination": {"S3Bucket": {"S3BucketArn": "arn:aws:s3:::partner-audio"}}}]}}  # fmt: skip
    findings = engine.check(_cfn("AWS::Lex::BotAlias", **audio))[0]
    assert {f.rule.id for f in findings} <= {"RES-017"}


_RED52_PROCESSOR = "aws:rekognition/streamProcessor:StreamProcessor"


def _processor52(account: str) -> Subject:
    return aws(_RED52_PROCESSOR, _PINNED_EU, name="p", role_arn=_ROLE52,
               input={"kinesis_video_stream": {"arn": _red49_arn("kinesisvideo", "stream/v/1", "123456789012")}},
               output={"kinesis_data_stream": {"arn": _red49_arn("kinesis", "stream/k", account)}},
               settings={"face_search": {"collection_id": "c"}})  # fmt: skip


# Through every front door (tests/test_front_doors.py): the Pulumi stream processor's result stream, and four template
# twins (an IoT Events detector's SNS action, a budget's subscriber, an OpenSearch slow-log group, a table bucket's
# replication destination).
_RED52_PAIRED = {
    ("AWS::IoTEvents::DetectorModel", "DetectorModelDefinition.States[0].OnInput.Events[0].Actions[0].Sns.TargetArn"),
    ("AWS::Budgets::Budget", "NotificationsWithSubscribers[0].Subscribers[0].Address"),
    ("AWS::OpenSearchService::Domain", "LogPublishingOptions.INDEX_SLOW_LOGS.CloudWatchLogsLogGroupArn"),
    ("AWS::S3Tables::TableBucket", "ReplicationConfiguration.Rules[0].Destinations[0].DestinationTableBucketArn"),
}
PAIRS += [
    ("RES-023", "EU", _processor52("123456789012"), _processor52(_OTHER), "output.kinesis_data_stream.arn"),
    *[("RES-023", "EU", _cfn(kind, **props("123456789012")), _cfn(kind, **props(_OTHER)),
       f"template_body(json).Resources.X.Properties.{path}")
      for kind, path, props in _RED52_TEMPLATES
      if (kind, path) in _RED52_PAIRED],
]  # fmt: skip


# awsred53 (stop 53): the template twins of written destinations the Pulumi types judge (written_account_fields) that
# no stack_templates entry mapped, and a Lex V2 alias's code-hook function (as the Lex intent's code hook); each passed
# every door on main 45eea1d with another account's ARN in the stack's Region (only the ARN's Region was read).
def _locale53(function: Any) -> dict[str, Any]:
    hook = {"LambdaCodeHook": {"CodeHookInterfaceVersion": "1.0", "LambdaArn": function}}
    return {"BotAliasLocaleSettings": [
        {"LocaleId": "en_US", "BotAliasLocaleSetting": {"Enabled": True, "CodeHookSpecification": hook}}]}  # fmt: skip


def _hook53(a: str) -> dict[str, Any]:
    return _locale53(_fn49(a))


def _lex_bot53(settings: dict[str, Any]) -> dict[str, Any]:
    return {"Name": "claims", "RoleArn": _ROLE52, "DataPrivacy": {"ChildDirected": False},
            "IdleSessionTTLInSeconds": 300, "TestBotAliasSettings": settings}  # fmt: skip


def _ses53(destination: dict[str, Any]) -> dict[str, Any]:
    return {"ConfigurationSetName": "c",
            "EventDestination": {"Enabled": True, "MatchingEventTypes": ["send", "bounce"], **destination}}  # fmt: skip


def _kda53(output: dict[str, Any]) -> dict[str, Any]:
    schema = {"RecordFormatType": "JSON"}
    return {"ApplicationName": "a", "Output": {"Name": "o", "DestinationSchema": schema, **output}}


_STREAM53 = functools.partial(_red49_arn, "kinesis", "stream/s")
_FIREHOSE53 = functools.partial(_red49_arn, "firehose", "deliverystream/f")
_HOOK53 = "BotAliasLocaleSettings[0].BotAliasLocaleSetting.CodeHookSpecification.LambdaCodeHook.LambdaArn"
_RED53_TEMPLATES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("AWS::Lex::BotAlias", _HOOK53,
     lambda a: {"BotId": "b", "BotAliasName": "live", "BotVersion": "1", **_hook53(a)}),
    ("AWS::Lex::Bot", f"TestBotAliasSettings.{_HOOK53}", lambda a: _lex_bot53(_hook53(a))),
    ("AWS::Lex::Bot",
     "TestBotAliasSettings.ConversationLogSettings.TextLogSettings[0].Destination.CloudWatch.CloudWatchLogGroupArn",
     lambda a: _lex_bot53({"ConversationLogSettings": {"TextLogSettings": [{"Enabled": True, "Destination": {
         "CloudWatch": {"CloudWatchLogGroupArn": _red49_arn("logs", "log-group:lex", a), "LogPrefix": "p"}}}]}})),
    ("AWS::DAX::Cluster", "NotificationTopicARN",
     lambda a: {"NodeType": "dax.r5.large", "ReplicationFactor": 3, "IAMRoleARN": _ROLE52,
                "NotificationTopicARN": _sns51(a)}),
    ("AWS::MemoryDB::Cluster", "SnsTopicArn",
     lambda a: {"ClusterName": "c", "NodeType": "db.r6g.large", "ACLName": "open-access", "SnsTopicArn": _sns51(a)}),
    ("AWS::ImageBuilder::InfrastructureConfiguration", "SnsTopicArn",
     lambda a: {"Name": "i", "InstanceProfileName": "p", "SnsTopicArn": _sns51(a)}),
    ("AWS::EC2::VPCEndpointConnectionNotification", "ConnectionNotificationArn",
     lambda a: {"ServiceId": "vpce-svc-1", "ConnectionEvents": ["Connect"], "ConnectionNotificationArn": _sns51(a)}),
    ("AWS::VpcLattice::AccessLogSubscription", "DestinationArn",
     lambda a: {"ResourceIdentifier": "sn-1", "DestinationArn": _red49_arn("logs", "log-group:lattice", a)}),
    ("AWS::ServiceCatalog::CloudFormationProvisionedProduct", "NotificationArns[0]",
     lambda a: {"ProductName": "p", "ProvisioningArtifactName": "v1", "NotificationArns": [_sns51(a)]}),
    ("AWS::CloudFormation::Stack", "NotificationARNs[0]",
     lambda a: {"TemplateURL": "https://s3.eu-central-1.amazonaws.com/b/t.yaml", "NotificationARNs": [_sns51(a)]}),
    ("AWS::CustomerProfiles::Domain", "DeadLetterQueueUrl",
     lambda a: {"DomainName": "d", "DefaultExpirationDays": 365,
                "DeadLetterQueueUrl": f"https://sqs.eu-central-1.amazonaws.com/{a}/dlq"}),
    ("AWS::WorkSpacesWeb::UserAccessLoggingSettings", "KinesisStreamArn",
     lambda a: {"KinesisStreamArn": _STREAM53(a)}),
    ("AWS::IoT::Authorizer", "AuthorizerFunctionArn",
     lambda a: {"AuthorizerFunctionArn": _fn49(a), "SigningDisabled": True}),
    ("AWS::DevOpsGuru::NotificationChannel", "Config.Sns.TopicArn",
     lambda a: {"Config": {"Sns": {"TopicArn": _sns51(a)}}}),
    ("AWS::FIS::ExperimentTemplate", "LogConfiguration.CloudWatchLogsConfiguration.LogGroupArn",
     lambda a: {"Description": "d", "RoleArn": _ROLE52, "StopConditions": [{"Source": "none"}], "LogConfiguration": {
         "LogSchemaVersion": 2,
         "CloudWatchLogsConfiguration": {"LogGroupArn": _red49_arn("logs", "log-group:fis", a)}}}),
    *[("AWS::SageMaker::EndpointConfig", f"AsyncInferenceConfig.OutputConfig.NotificationConfig.{topic}",
       lambda a, topic=topic: {"ProductionVariants": [{"ModelName": "m", "VariantName": "v"}], "AsyncInferenceConfig": {
           "OutputConfig": {"NotificationConfig": {topic: _sns51(a)}}}})
      for topic in ("SuccessTopic", "ErrorTopic")],
    ("AWS::SSM::MaintenanceWindowTask",
     "TaskInvocationParameters.MaintenanceWindowRunCommandParameters.NotificationConfig.NotificationArn",
     lambda a: {"WindowId": "mw-1", "TaskType": "RUN_COMMAND", "TaskArn": "AWS-RunPatchBaseline", "Priority": 1,
                "TaskInvocationParameters": {"MaintenanceWindowRunCommandParameters": {"ServiceRoleArn": _ROLE52,
                    "NotificationConfig": {"NotificationArn": _sns51(a), "NotificationEvents": ["All"]}}}}),
    ("AWS::SES::ConfigurationSetEventDestination", "EventDestination.SnsDestination.TopicARN",
     lambda a: _ses53({"SnsDestination": {"TopicARN": _sns51(a)}})),
    ("AWS::SES::ConfigurationSetEventDestination", "EventDestination.KinesisFirehoseDestination.DeliveryStreamARN",
     lambda a: _ses53({"KinesisFirehoseDestination": {"IAMRoleARN": _ROLE52, "DeliveryStreamARN": _FIREHOSE53(a)}})),
    ("AWS::SES::ConfigurationSetEventDestination", "EventDestination.EventBridgeDestination.EventBusArn",
     lambda a: _ses53({"EventBridgeDestination": {"EventBusArn": _red49_arn("events", "event-bus/default", a)}})),
    ("AWS::CE::AnomalySubscription", "Subscribers[0].Address",
     lambda a: {"SubscriptionName": "s", "Frequency": "IMMEDIATE", "MonitorArnList": [], "Threshold": 100,
                "Subscribers": [{"Type": "SNS", "Address": _sns51(a)}]}),
    ("AWS::Budgets::BudgetsAction", "Subscribers[0].Address",
     lambda a: {"BudgetName": "b", "NotificationType": "ACTUAL", "ActionType": "APPLY_IAM_POLICY",
                "ActionThreshold": {"Type": "PERCENTAGE", "Value": 100}, "ExecutionRoleArn": _ROLE52,
                "Subscribers": [{"Type": "SNS", "Address": _sns51(a)}]}),
    # awsred58 (stop 58): CloudFormation's type is AWS::APS::Workspace (AWS::AMP was no template's type: the case pinned
    # the catalogue's misspelling, and a real template's log group passed).
    ("AWS::APS::Workspace", "LoggingConfiguration.LogGroupArn",
     lambda a: {"Alias": "w", "LoggingConfiguration": {"LogGroupArn": _red49_arn("logs", "log-group:amp", a)}}),
    ("AWS::IoT::ProvisioningTemplate", "PreProvisioningHook.TargetArn",
     lambda a: {"TemplateBody": "{}", "ProvisioningRoleArn": _ROLE52,
                "PreProvisioningHook": {"TargetArn": _fn49(a), "PayloadVersion": "2020-04-01"}}),
    ("AWS::EC2::ClientVpnEndpoint", "ClientConnectOptions.LambdaFunctionArn",
     lambda a: {"ClientCidrBlock": "10.0.0.0/22", "ConnectionLogOptions": {"Enabled": False},
                "ClientConnectOptions": {"Enabled": True, "LambdaFunctionArn": _fn49(a)}}),
    *[(kind, "SyncConfig.LambdaConflictHandlerConfig.LambdaConflictHandlerArn",
       lambda a: {"ApiId": "a", "SyncConfig": {"ConflictDetection": "VERSION", "ConflictHandler": "LAMBDA",
                                               "LambdaConflictHandlerConfig": {"LambdaConflictHandlerArn": _fn49(a)}}})
      for kind in ("AWS::AppSync::Resolver", "AWS::AppSync::FunctionConfiguration")],
    ("AWS::S3ObjectLambda::AccessPoint",
     "ObjectLambdaConfiguration.TransformationConfigurations[0].ContentTransformation.AwsLambda.FunctionArn",
     lambda a: {"ObjectLambdaConfiguration": {
         "SupportingAccessPoint": "arn:aws:s3:eu-central-1:123456789012:accesspoint/ap",
         "TransformationConfigurations": [{"Actions": ["GetObject"],
                                           "ContentTransformation": {"AwsLambda": {"FunctionArn": _fn49(a)}}}]}}),
    *[("AWS::Kendra::DataSource", f"CustomDocumentEnrichmentConfiguration.{hook}.LambdaArn",
       lambda a, hook=hook: {"IndexId": "i", "Name": "d", "Type": "S3", "CustomDocumentEnrichmentConfiguration": {
           "RoleArn": _ROLE52, hook: {"LambdaArn": _fn49(a), "S3Bucket": "b"}}})
      for hook in ("PreExtractionHookConfiguration", "PostExtractionHookConfiguration")],
    ("AWS::Lambda::Function", "DeadLetterConfig.TargetArn",
     lambda a: {"Role": _ROLE52, "Handler": "index.handler", "Runtime": "python3.12", "Code": {"ZipFile": "x"},
                "DeadLetterConfig": {"TargetArn": _red49_arn("sqs", "dlq", a)}}),
    ("AWS::Events::EventBus", "DeadLetterConfig.Arn",
     lambda a: {"Name": "b", "DeadLetterConfig": {"Arn": _red49_arn("sqs", "dlq", a)}}),
    ("AWS::DynamoDB::GlobalTable", "Replicas[0].KinesisStreamSpecification.StreamArn",
     lambda a: {"KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}],
                "Replicas": [{"Region": "eu-central-1", "KinesisStreamSpecification": {"StreamArn": _STREAM53(a)}}]}),
    ("AWS::Bedrock::Flow", "Definition.Nodes[0].Configuration.LambdaFunction.LambdaArn",
     lambda a: {"Name": "f", "ExecutionRoleArn": _ROLE52, "Definition": {"Nodes": [
         {"Name": "n", "Type": "LambdaFunction", "Configuration": {"LambdaFunction": {"LambdaArn": _fn49(a)}}}]}}),
    ("AWS::Bedrock::Agent", "ActionGroups[0].ActionGroupExecutor.Lambda",
     lambda a: {"AgentName": "a", "ActionGroups": [{"ActionGroupName": "g",
                                                     "ActionGroupExecutor": {"Lambda": _fn49(a)}}]}),
    *[("AWS::SES::MailManagerRuleSet", f"Rules[0].Actions[0].{action}.{key}",
       lambda a, action=action, key=key, value=value: {"Rules": [{"Name": "r", "Actions": [
           {action: {key: value(a), "RoleArn": _ROLE52}}]}]})
      for action, key, value in (("InvokeLambda", "FunctionArn", _fn49), ("PublishToSns", "TopicArn", _sns51),
                                 ("DeliverToMailbox", "MailboxArn",
                                  functools.partial(_red49_arn, "ses", "mailmanager-mailbox/m")))],
    *[("AWS::AppConfig::Extension", f"Actions.{point}[0].Uri",
       lambda a, point=point: {"Name": "e", "Actions": {point: [{"Name": "n", "Uri": _fn49(a), "RoleArn": _ROLE52}]}})
      for point in ("PRE_CREATE_HOSTED_CONFIGURATION_VERSION", "PRE_START_DEPLOYMENT", "AT_DEPLOYMENT_TICK",
                    "ON_DEPLOYMENT_START", "ON_DEPLOYMENT_STEP", "ON_DEPLOYMENT_BAKING", "ON_DEPLOYMENT_COMPLETE",
                    "ON_DEPLOYMENT_ROLLED_BACK")],
    *[(kind, f"Output.{output}.ResourceARN",
       lambda a, output=output, value=value: _kda53({output: {"ResourceARN": value(a)}}))
      for kind in ("AWS::KinesisAnalyticsV2::ApplicationOutput", "AWS::KinesisAnalytics::ApplicationOutput")
      for output, value in (("KinesisStreamsOutput", _STREAM53), ("KinesisFirehoseOutput", _FIREHOSE53),
                            ("LambdaOutput", _fn49))],
    ("AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption", "CloudWatchLoggingOption.LogStreamARN",
     lambda a: {"ApplicationName": "a", "CloudWatchLoggingOption": {
         "LogStreamARN": _red49_arn("logs", "log-group:kda:log-stream:s", a)}}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "path", "props"), _RED53_TEMPLATES, ids=[f"{k.split('::', 1)[1]}-{p}" for k, p, _ in _RED53_TEMPLATES]
)
def test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_25(
    kind: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred53: the own account passes under the pinned provider, another's is RES-023 at the template's own path (the
    # Pulumi twin's judgement), and the same template in aws-cn passes (every account there is China's).
    test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_23(kind, path, props)


def test_what_a_round_25_twin_does_not_name_stays_unjudged() -> None:
    # awsred53: an anomaly subscription's / budget action's EMAIL subscriber names no account; its domain is judged as
    # the Pulumi `subscribers[].address` is (destination_fields: RES-015 until the host is declared, as before stop 53
    # in Pulumi; the template text passed on main 45eea1d). A maintenance task's Lambda `TaskArn` is not mapped (a
    # task's ARN is as often a shared Automation document it reads: left open); the template's own function and topic
    # by Fn::GetAtt / Ref under an unpinned provider pass.
    engine = RuleEngine("EU")
    email = {"Type": "EMAIL", "Address": "finops@fleet.example.com"}
    for kind, props in (
        (
            "AWS::CE::AnomalySubscription",
            {"SubscriptionName": "s", "Frequency": "DAILY", "MonitorArnList": [], "Threshold": 100},
        ),
        ("AWS::Budgets::BudgetsAction", {"BudgetName": "b"}),
    ):
        findings = engine.check(_cfn(kind, **props, Subscribers=[email]))[0]
        assert [(f.rule.id, f.path) for f in findings] == [
            ("RES-015", "template_body(json).Resources.X.Properties.Subscribers[0].Address")
        ]
        declared = RuleEngine("EU", destinations=parse_destinations([_FLEET_MAIL]))
        assert [f.declared_by for f in declared.check(_cfn(kind, **props, Subscribers=[email]))[0]] == ["fleet"]
    assert engine.check(_cfn("AWS::SSM::MaintenanceWindowTask", WindowId="mw-1", TaskType="LAMBDA",
                             TaskArn=_fn49(_OTHER), Priority=1))[0] == []  # fmt: skip
    unpinned = ProviderRef("aws", "eu", "eu-central-1")
    body = {"Resources": {
        "Fulfil": {"Type": "AWS::Lambda::Function", "Properties": {"Role": _ROLE52, "Handler": "i.h",
                                                                   "Runtime": "python3.12", "Code": {"ZipFile": "x"}}},
        "Alerts": {"Type": "AWS::SNS::Topic", "Properties": {}},
        "Live": {"Type": "AWS::Lex::BotAlias", "Properties": {
            "BotId": "b", "BotAliasName": "live", **_locale53({"Fn::GetAtt": ["Fulfil", "Arn"]})}},
        "Insights": {"Type": "AWS::DevOpsGuru::NotificationChannel",
                     "Properties": {"Config": {"Sns": {"TopicArn": {"Ref": "Alerts"}}}}}}}  # fmt: skip
    assert engine.check(aws(_STACK, unpinned, template_body=json.dumps(body)))[0] == []


def _intent53(account: str, dialog: bool = True) -> Subject:
    hook = {"message_version": "1.0", "uri": _fn49(account)}
    return aws("aws:lex/intent:Intent", _PINNED_EU, name="claims", sample_utterances=["file a claim"],
               fulfillment_activity={"type": "CodeHook", "code_hook": hook},
               **({"dialog_code_hook": hook} if dialog else {}))  # fmt: skip


def _action_group53(account: str) -> Subject:
    return aws(
        "aws:bedrock/agentAgentActionGroup:AgentAgentActionGroup",
        _PINNED_EU,
        agent_id="A1",
        agent_version="DRAFT",
        action_group_name="claims",
        action_group_executor={"lambda": _fn49(account)},
    )


def _bus53(account: str) -> Subject:
    return aws(
        "aws:cloudwatch/eventBus:EventBus",
        _PINNED_EU,
        name="claims",
        dead_letter_config={"arn": _red49_arn("sqs", "claims-dlq", account)},
    )


def test_a_round_25_pulumi_input_names_the_receiving_account() -> None:
    # awsred53: a Lex intent's two code hooks, a Bedrock action group's executor and an event bus's dead-letter queue of
    # another account passed on main 45eea1d; the own account passes, another's is RES-023 at each input, aws-cn passes.
    engine = RuleEngine("EU")
    for make, paths in (
        (_intent53, ["dialog_code_hook.uri", "fulfillment_activity.code_hook.uri"]),
        (_action_group53, ["action_group_executor.lambda"]),
        (_bus53, ["dead_letter_config.arn"]),
    ):
        assert engine.check(make("123456789012"))[0] == []
        findings = engine.check(make(_OTHER))[0]
        assert sorted((f.rule.id, f.path) for f in findings) == [("RES-023", p) for p in paths]  # fmt: skip


# Through every front door (tests/test_front_doors.py): the three Pulumi inputs, and four template twins (a Lex V2
# alias's code hook, a DevOps Guru channel's topic, a function's dead-letter queue, an SES event destination's stream).
_RED53_PAIRED = {
    ("AWS::Lex::BotAlias", _HOOK53),
    ("AWS::DevOpsGuru::NotificationChannel", "Config.Sns.TopicArn"),
    ("AWS::Lambda::Function", "DeadLetterConfig.TargetArn"),
    ("AWS::SES::ConfigurationSetEventDestination", "EventDestination.KinesisFirehoseDestination.DeliveryStreamARN"),
}
PAIRS += [
    ("RES-023", "EU", _intent53("123456789012", dialog=False), _intent53(_OTHER, dialog=False),
     "fulfillment_activity.code_hook.uri"),
    ("RES-023", "EU", _action_group53("123456789012"), _action_group53(_OTHER), "action_group_executor.lambda"),
    ("RES-023", "EU", _bus53("123456789012"), _bus53(_OTHER), "dead_letter_config.arn"),
    *[("RES-023", "EU", _cfn(kind, **props("123456789012")), _cfn(kind, **props(_OTHER)),
       f"template_body(json).Resources.X.Properties.{path}")
      for kind, path, props in _RED53_TEMPLATES
      if (kind, path) in _RED53_PAIRED],
]  # fmt: skip


# awsred54 (stop 54): template twins of account-bearing inputs the Pulumi types judge (written_account_fields,
# granted_account_fields) that no entry mapped: each passed every door on main 51ca59f with another account's ARN or id
# (only an ARN's Region read, as template text). A Logs delivery destination's top-level DestinationResourceArn is the
# Pulumi input's nested `delivery_destination_configuration.destination_resource_arn` (a one-key `paths` entry).
_SMS54 = {"HELP": {"Message": "h"}, "STOP": {"Message": "s"}}
_RED54_TEMPLATES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("AWS::Oam::Link", "SinkIdentifier",
     lambda a: {"LabelTemplate": "$AccountName", "ResourceTypes": ["AWS::Logs::LogGroup"],
                "SinkIdentifier": _red49_arn("oam", "sink/s1", a)}),
    ("AWS::Logs::AccountPolicy", "PolicyDocument(json).DestinationArn",
     lambda a: {"PolicyName": "p", "PolicyType": "SUBSCRIPTION_FILTER_POLICY", "PolicyDocument": json.dumps(
         {"DestinationArn": _red49_arn("kinesis", "stream/s", a), "FilterPattern": ""})}),
    ("AWS::Logs::DeliveryDestination", "DestinationResourceArn",
     lambda a: {"Name": "d", "DestinationResourceArn": _red49_arn("logs", "log-group:vended", a)}),
    ("AWS::ObservabilityAdmin::OrganizationCentralizationRule", "Rule.Destination.Account",
     lambda a: {"RuleName": "r", "Rule": {"Source": {"Regions": ["eu-central-1"]},
                                          "Destination": {"Account": a, "Region": "eu-central-1"}}}),
    ("AWS::ECR::ReplicationConfiguration", "ReplicationConfiguration.Rules[0].Destinations[0].RegistryId",
     lambda a: {"ReplicationConfiguration": {"Rules": [{"Destinations": [{"Region": "eu-central-1",
                                                                           "RegistryId": a}]}]}}),
    *[("AWS::SMSVOICE::ConfigurationSet", f"EventDestinations[0].{kind}.{key}",
       lambda a, kind=kind, key=key, value=value: {"ConfigurationSetName": "c", "EventDestinations": [{
           "EventDestinationName": "e", "Enabled": True, "MatchingEventTypes": ["ALL"],
           kind: {key: value(a), **({"IamRoleArn": _ROLE52} if kind != "SnsDestination" else {})}}]})
      for kind, key, value in (("CloudWatchLogsDestination", "LogGroupArn",
                                functools.partial(_red49_arn, "logs", "log-group:sms")),
                               ("KinesisFirehoseDestination", "DeliveryStreamArn", _FIREHOSE53),
                               ("SnsDestination", "TopicArn", _sns51))],
    ("AWS::SMSVOICE::PhoneNumber", "TwoWay.ChannelArn",
     lambda a: {"IsoCountryCode": "US", "NumberType": "TOLL_FREE", "NumberCapabilities": ["SMS"],
                "MandatoryKeywords": _SMS54, "TwoWay": {"Enabled": True, "ChannelArn": _sns51(a)}}),
    ("AWS::SMSVOICE::Pool", "TwoWay.ChannelArn",
     lambda a: {"OriginationIdentities": ["+18005550100"], "MandatoryKeywords": _SMS54,
                "TwoWay": {"Enabled": True, "ChannelArn": _sns51(a)}}),
    ("AWS::NetworkManager::TransitGatewayPeering", "TransitGatewayArn",
     lambda a: {"CoreNetworkId": "core-network-1", "TransitGatewayArn": _red49_arn("ec2", "transit-gateway/tgw-1", a)}),
    ("AWS::VpcLattice::ServiceNetworkVpcAssociation", "ServiceNetworkIdentifier",
     lambda a: {"VpcIdentifier": "vpc-1",
                "ServiceNetworkIdentifier": _red49_arn("vpc-lattice", "servicenetwork/sn-1", a)}),
    ("AWS::DocDB::EventSubscription", "SnsTopicArn", lambda a: {"SnsTopicArn": _sns51(a), "SourceType": "db-cluster"}),
    *[("AWS::EC2::VPCEndpoint", key,
       lambda a, key=key, resource=resource, kind=kind: {"VpcId": "vpc-1", "VpcEndpointType": kind,
                                                         key: _red49_arn("vpc-lattice", resource, a)})
      for key, resource, kind in (("ServiceNetworkArn", "servicenetwork/sn-1", "ServiceNetwork"),
                                  ("ResourceConfigurationArn", "resourceconfiguration/rcfg-1", "Resource"))],
    ("AWS::Redshift::Integration", "TargetArn",
     lambda a: {"SourceArn": _red49_arn("dynamodb", "table/t", "123456789012"),
                "TargetArn": _red49_arn("redshift-serverless", "namespace/n1", a)}),
    ("AWS::BedrockAgentCore::GatewayTarget", "TargetConfiguration.Mcp.Lambda.LambdaArn",
     lambda a: {"Name": "t", "GatewayIdentifier": "g",
                "TargetConfiguration": {"Mcp": {"Lambda": {"LambdaArn": _fn49(a), "ToolSchema": {}}}}}),
    *[("AWS::ChimeSDKMediaPipelines::MediaInsightsPipelineConfiguration", f"Elements[0].{sink}.InsightsTarget",
       lambda a, sink=sink, value=value: {"MediaInsightsPipelineConfigurationName": "m",
                                          "ResourceAccessRoleArn": _ROLE52,
                                          "Elements": [{"Type": sink[:-13], sink: {"InsightsTarget": value(a)}}]})
      for sink, value in (("KinesisDataStreamSinkConfiguration", _STREAM53), ("SnsTopicSinkConfiguration", _sns51),
                          ("SqsQueueSinkConfiguration", functools.partial(_red49_arn, "sqs", "q")),
                          ("LambdaFunctionSinkConfiguration", _fn49))],
    ("AWS::Bedrock::Agent", "AgentCollaborators[0].AgentDescriptor.AliasArn",
     lambda a: {"AgentName": "s", "AgentCollaboration": "SUPERVISOR", "AgentCollaborators": [{
         "CollaboratorName": "c", "CollaborationInstruction": "i",
         "AgentDescriptor": {"AliasArn": _red49_arn("bedrock", "agent-alias/A1/B1", a)}}]}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "path", "props"), _RED54_TEMPLATES, ids=[f"{k.split('::', 1)[1]}-{p}" for k, p, _ in _RED54_TEMPLATES]
)
def test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_26(
    kind: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred54: the own account passes under the pinned provider, another's is RES-023 at the template's own path (the
    # Pulumi twin's judgement), and the same template in aws-cn passes (every account there is China's).
    test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_23(kind, path, props)


def test_a_round_26_twin_names_its_own_resources_by_reference() -> None:
    # awsred54: the template's own log group, topic and stream by Fn::GetAtt / Ref and the stack's account by
    # ${AWS::AccountId} pass under an unpinned provider; a delivery destination's top-level ARN abroad stays RES-004
    # (its Region, read as before: one finding, not a second one from the Pulumi path).
    unpinned = ProviderRef("aws", "eu", "eu-central-1")
    own = {"Group": {"Type": "AWS::Logs::LogGroup", "Properties": {}},
           "Topic": {"Type": "AWS::SNS::Topic", "Properties": {}}}  # fmt: skip

    def check(kind: str, **props: Any) -> list[tuple[str, str]]:
        body = json.dumps({"Resources": {**own, "X": {"Type": kind, "Properties": props}}})
        findings = RuleEngine("EU").check(aws(_STACK, unpinned, template_body=body))[0]
        return [(f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties.")) for f in findings]

    group = {"Fn::GetAtt": ["Group", "Arn"]}
    assert check("AWS::Logs::DeliveryDestination", Name="d", DestinationResourceArn=group) == []
    abroad = "arn:aws:logs:us-east-1:123456789012:log-group:vended"
    assert check("AWS::Logs::DeliveryDestination", Name="d", DestinationResourceArn=abroad) == [
        ("RES-004", "DestinationResourceArn")
    ]
    assert check("AWS::SMSVOICE::PhoneNumber", IsoCountryCode="DE", NumberType="LONG_CODE",
                 NumberCapabilities=["SMS"], MandatoryKeywords=_SMS54,
                 TwoWay={"Enabled": True, "ChannelArn": {"Ref": "Topic"}}) == []  # fmt: skip
    assert check("AWS::SMSVOICE::ConfigurationSet", EventDestinations=[{
        "EventDestinationName": "e", "Enabled": True, "MatchingEventTypes": ["ALL"],
        "CloudWatchLogsDestination": {"LogGroupArn": group, "IamRoleArn": _ROLE52}}]) == []  # fmt: skip
    assert check("AWS::ECR::ReplicationConfiguration", ReplicationConfiguration={"Rules": [{"Destinations": [
        {"Region": "eu-west-1", "RegistryId": {"Ref": "AWS::AccountId"}}]}]}) == []  # fmt: skip
    assert check("AWS::ObservabilityAdmin::OrganizationCentralizationRule", RuleName="r", Rule={
        "Source": {"Regions": ["eu-central-1"]},
        "Destination": {"Account": {"Ref": "AWS::AccountId"}, "Region": "eu-central-1"}}) == []  # fmt: skip


# Through every front door (tests/test_front_doors.py): an OAM link's sink, a delivery destination's top-level ARN (the
# one-key path), an SMS event destination's topic and an ECR replication destination's registry.
_RED54_PAIRED = {
    ("AWS::Oam::Link", "SinkIdentifier"),
    ("AWS::Logs::DeliveryDestination", "DestinationResourceArn"),
    ("AWS::SMSVOICE::ConfigurationSet", "EventDestinations[0].SnsDestination.TopicArn"),
    ("AWS::ECR::ReplicationConfiguration", "ReplicationConfiguration.Rules[0].Destinations[0].RegistryId"),
}
PAIRS += [
    ("RES-023", "EU", _cfn(kind, **props("123456789012")), _cfn(kind, **props(_OTHER)),
     f"template_body(json).Resources.X.Properties.{path}")
    for kind, path, props in _RED54_TEMPLATES
    if (kind, path) in _RED54_PAIRED
]  # fmt: skip


# awsred54b (stop 54): the template twins round 26 left open; each passed every door on main 0bf4fb91 with another
# account's ARN while its Pulumi twin was RES-023: an AppSync source API association's source API (written) and merged
# API (granted), an AgentCore memory's stream delivery, a SIP media application's endpoint and a Connect integration
# association's function (a one-key path to lambdaFunctionAssociation's `function_arn`).
_RED54B_TEMPLATES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("AWS::AppSync::SourceApiAssociation", "SourceApiIdentifier",
     lambda a: {"SourceApiIdentifier": _red49_arn("appsync", "apis/source1", a), "MergedApiIdentifier": "merged1"}),
    ("AWS::AppSync::SourceApiAssociation", "MergedApiIdentifier",
     lambda a: {"SourceApiIdentifier": "source1", "MergedApiIdentifier": _red49_arn("appsync", "apis/merged1", a)}),
    ("AWS::BedrockAgentCore::Memory", "StreamDeliveryResources.Resources[0].Kinesis.DataStreamArn",
     lambda a: {"Name": "m", "EventExpiryDuration": 30, "StreamDeliveryResources": {"Resources": [{"Kinesis": {
         "DataStreamArn": _STREAM53(a), "ContentConfigurations": [{"Type": "MEMORY_RECORDS"}]}}]}}),
    ("AWS::ChimeSDKVoice::SipMediaApplication", "Endpoints[0].LambdaArn",
     lambda a: {"Name": "s", "AwsRegion": "eu-central-1", "Endpoints": [{"LambdaArn": _fn49(a)}]}),
    ("AWS::Connect::IntegrationAssociation", "IntegrationArn",
     lambda a: {"InstanceId": _red49_arn("connect", "instance/i1", "123456789012"),
                "IntegrationType": "LAMBDA_FUNCTION", "IntegrationArn": _fn49(a)}),
    *[(f"AWS::ElasticBeanstalk::{kind}", "OptionSettings[0].Value",
       lambda a: {"ApplicationName": "a", "OptionSettings": [{"Namespace": "aws:elasticbeanstalk:sns:topics",
                                                              "OptionName": "Notification Topic ARN",
                                                              "Value": _sns51(a)}]})
      for kind in ("Environment", "ConfigurationTemplate")],
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "path", "props"), _RED54B_TEMPLATES, ids=[f"{k.split('::', 1)[1]}-{p}" for k, p, _ in _RED54B_TEMPLATES]
)
def test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_27(
    kind: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred54b: the own account passes under the pinned provider, another's is RES-023 at the template's own path
    # (the Pulumi twin's judgement), and the same template in aws-cn passes (every account there is China's).
    test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_23(kind, path, props)


def test_a_round_27_twin_names_its_own_resources_by_reference() -> None:
    # awsred54b: under an unpinned provider, the template's own APIs, stream and function by Fn::GetAtt, and an AppSync
    # API by its id (which names no account, as the Pulumi `source_api_id` / `merged_api_id`), pass; the stack's own
    # source API abroad stays one RES-004 (its Region, read as before).
    unpinned = ProviderRef("aws", "eu", "eu-central-1")
    own = {"Api": {"Type": "AWS::AppSync::GraphQLApi", "Properties": {"Name": "a", "AuthenticationType": "AWS_IAM"}},
           "Stream": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
           "Fn": {"Type": "AWS::Lambda::Function", "Properties": {}}}  # fmt: skip

    def check(kind: str, **props: Any) -> list[tuple[str, str]]:
        body = json.dumps({"Resources": {**own, "X": {"Type": kind, "Properties": props}}})
        findings = RuleEngine("EU").check(aws(_STACK, unpinned, template_body=body))[0]
        return [(f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties.")) for f in findings]

    association = "AWS::AppSync::SourceApiAssociation"
    assert check(association, SourceApiIdentifier={"Fn::GetAtt": ["Api", "Arn"]}, MergedApiIdentifier="merged1") == []
    assert check(association, SourceApiIdentifier="a1b2c3d4e5", MergedApiIdentifier="z9y8x7w6v5") == []
    abroad = "arn:aws:appsync:us-east-1:123456789012:apis/source1"
    assert check(association, SourceApiIdentifier=abroad, MergedApiIdentifier="merged1") == [
        ("RES-004", "SourceApiIdentifier")
    ]
    stream = {"Kinesis": {"DataStreamArn": {"Fn::GetAtt": ["Stream", "Arn"]},
                          "ContentConfigurations": [{"Type": "MEMORY_RECORDS"}]}}  # fmt: skip
    assert check("AWS::BedrockAgentCore::Memory", Name="m", EventExpiryDuration=30,
                 StreamDeliveryResources={"Resources": [stream]}) == []  # fmt: skip
    function = {"Fn::GetAtt": ["Fn", "Arn"]}
    assert check("AWS::ChimeSDKVoice::SipMediaApplication", Name="s", AwsRegion="eu-central-1",
                 Endpoints=[{"LambdaArn": function}]) == []  # fmt: skip
    assert check("AWS::Connect::IntegrationAssociation", InstanceId="i1", IntegrationType="LAMBDA_FUNCTION",
                 IntegrationArn=function) == []  # fmt: skip


def test_a_template_lake_formation_grant_is_judged_as_its_pulumi_twin() -> None:
    # awsred54b: an AWS::LakeFormation::Permissions' DataLakePrincipal is the Pulumi permissions' `principal`: another
    # account's id (or an organization) RES-016 as aws-lakeformation-cross-account-grant judges it, the stack's role
    # passes, and aws-cn accepts the share. Before, another account's id passed as template text.
    def grant(principal: Any, provider: ProviderRef = _PINNED_EU) -> Subject:
        props = {"DataLakePrincipal": {"DataLakePrincipalIdentifier": principal}, "Permissions": ["DESCRIBE"],
                 "Resource": {"DatabaseResource": {"CatalogId": "123456789012", "Name": "claims"}}}  # fmt: skip
        body = json.dumps({"Resources": {"X": {"Type": "AWS::LakeFormation::Permissions", "Properties": props}}})
        return aws(_STACK, provider, template_body=body)

    path = "template_body(json).Resources.X.Properties.DataLakePrincipal.DataLakePrincipalIdentifier"
    assert RuleEngine("EU").check(grant("arn:aws:iam::123456789012:role/analysts"))[0] == []
    for principal in (_OTHER, "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5"):
        findings = RuleEngine("EU").check(grant(principal))[0]
        assert [(f.rule.id, f.path) for f in findings] == [("RES-016", path)], principal
    assert RuleEngine("CN").check(grant(_OTHER, AWS_CN))[0] == []


def test_a_template_option_setting_is_judged_by_its_namespace() -> None:
    # awsred54b: an Elastic Beanstalk OptionSetting {Namespace, OptionName, Value} is the Pulumi `settings` item
    # {namespace, name, value}, judged by the same config_items: a partner's notification address (RES-015), an
    # environment property naming a bucket the stack does not make (RES-017); the template's own topic and ordinary
    # settings pass. Before, each passed as template text.
    def check(*settings: tuple[str, str, Any]) -> list[tuple[str, str]]:
        options = [{"Namespace": n, "OptionName": o, "Value": v} for n, o, v in settings]
        body = json.dumps(
            {
                "Resources": {
                    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {}},
                    "X": {
                        "Type": "AWS::ElasticBeanstalk::Environment",
                        "Properties": {"ApplicationName": "a", "OptionSettings": options},
                    },
                }
            }
        )
        findings = RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=body))[0]
        return [(f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties.")) for f in findings]

    sns, env = "aws:elasticbeanstalk:sns:topics", "aws:elasticbeanstalk:application:environment"
    assert (
        check(
            (sns, "Notification Topic ARN", {"Ref": "Topic"}),
            (env, "LOG_LEVEL", "info"),
            ("aws:autoscaling:launchconfiguration", "InstanceType", "t3.small"),
            ("aws:elasticbeanstalk:environment", "ServiceRole", "aws-elasticbeanstalk-service-role"),
        )
        == []
    )
    assert check((sns, "Notification Endpoint", "ops@partner-soc.example.net")) == [
        ("RES-015", "OptionSettings[0].Value")
    ]
    assert check((env, "EXPORT_BUCKET", "partner-exports")) == [("RES-017", "OptionSettings[0].Value")]


# Through every front door (tests/test_front_doors.py): an AppSync association's merged API (a granted path) and a
# Connect integration association's function (a one-key path).
_RED54B_PAIRED = {
    ("AWS::AppSync::SourceApiAssociation", "MergedApiIdentifier"),
    ("AWS::Connect::IntegrationAssociation", "IntegrationArn"),
}
PAIRS += [
    ("RES-023", "EU", _cfn(kind, **props("123456789012")), _cfn(kind, **props(_OTHER)),
     f"template_body(json).Resources.X.Properties.{path}")
    for kind, path, props in _RED54B_TEMPLATES
    if (kind, path) in _RED54B_PAIRED
]  # fmt: skip


# falsealarm52 (stop 52): a Compose file's services and a manifest's Kubernetes Services are hosts of the same YAML text
# (service_names): `postgres://db:5432/fleet` beside `services: {db: ...}` sends to the project's `db` container. On
# main faa992a the compliant cases were RES-015 (the YAML walk and the script's text).
_COMPOSE52 = (
    "services:\n  app:\n    image: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/fleet-app:1.4\n"
    "    environment:\n      DATABASE_URL: postgres://{db}:5432/fleet\n{extra}"
    "  db:\n    image: postgres:16\n"
)
_MANIFEST52 = (
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n{namespace}spec:\n{spec}  ports: [{{port: 8080}}]\n---\n"
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n"
    "        - name: web\n          image: nginx:1.27\n          env:\n            - name: API_URL\n"
    "              value: {url}\n"
)


def _compose52(db: str = "db", extra: str = "", after: str = "") -> Subject:
    compose = _COMPOSE52.format(db=db, extra=extra)
    script = f"#!/bin/bash\ncat > /opt/fleet/docker-compose.yml <<'EOF'\n{compose}EOF\ndocker compose up -d\n{after}"
    return aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=script)


def _manifest52(url: str, spec: str = "  selector: {app: api}\n", namespace: str = "") -> Subject:
    manifest = _MANIFEST52.format(url=url, spec=spec, namespace=namespace)
    script = f"#!/bin/bash\ncat > /opt/k8s/app.yaml <<'EOF'\n{manifest}EOF\nkubectl apply -f /opt/k8s/app.yaml\n"
    return aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=script)


def _cloud_config52(db: str = "db") -> Subject:
    content = "".join(f"      {line}\n" for line in _COMPOSE52.format(db=db, extra="").splitlines())
    cloud_config = f"#cloud-config\nwrite_files:\n  - path: /opt/fleet/compose.yaml\n    content: |\n{content}"
    return aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=cloud_config)


_COMPOSE52_PATH = "user_data(heredoc:/opt/fleet/docker-compose.yml)(yaml).services.app.environment.DATABASE_URL"
PAIRS += [
    ("RES-015", "EU", _cloud_config52(), _cloud_config52("db.partner-analytics.com"),
     "user_data(yaml).write_files[0].content(yaml).services.app.environment.DATABASE_URL"),
    ("RES-015", "EU", _manifest52("http://api:8080"), _manifest52("http://api.partner-analytics.com:8080"),
     "user_data"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("subject", "found"),
    [
        (_compose52(), []),  # RES-015 at the YAML walk's path and at user_data on main faa992a
        (_compose52("cache"), [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),  # no service of that name
        # a name that may resolve elsewhere: an /etc/hosts entry, a container outside the project, the machine's DNS
        (_compose52(extra='    extra_hosts: ["db:203.0.113.10"]\n'),
         [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        (_compose52(extra="    external_links: [partner_db:db]\n"),
         [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        (_compose52(extra="    network_mode: host\n"), [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        # the script's own command is run on the machine, outside the project's network
        (_compose52(after="psql postgres://db:5432/fleet -c 'select 1'\n"), [("RES-015", "user_data")]),
    ],
)  # fmt: skip
def test_a_compose_service_name_is_that_service_not_a_host(subject: Subject, found: list[Any]) -> None:
    findings, _ = RuleEngine("EU").check(subject)
    assert [(f.rule.id, f.path) for f in findings] == found


# config53 (stop 53): a Compose service's other names, `links: ["SERVICE:ALIAS"]` and a network's `aliases` (Compose
# file reference), are that service. On main 45eea1d the URL naming an alias was RES-015 (a false alarm); a link to a
# service the file does not define, or an alias beside `extra_hosts`, names a host as before.
@pytest.mark.parametrize(
    ("db", "extra", "found"),
    [
        ("database", '    links: ["db:database"]\n', []),
        ("primary", "    networks:\n      backend:\n        aliases: [primary]\n", []),
        ("database", '    links: ["cache:database"]\n', [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        ("database", '    links: ["db"]\n', [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        ("database", '    links: ["db:database"]\n    extra_hosts: ["database:203.0.113.10"]\n',
         [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        # falsealarm57b (stop 57): a dotted alias is a name for the services on its network (falsealarm56b: where every
        # service joins it); here app gives itself the alias on `backend` and names it: its own container (was RES-015)
        ("db.partner-analytics.com", "    networks:\n      backend:\n        aliases: [db.partner-analytics.com]\n",
         []),
        # the same alias given by another service on a network app does not join: a host, as before
        ("db.partner-analytics.com", "    networks: [front]\n  cache:\n    image: redis:7\n    networks:\n"
         "      backend:\n        aliases: [db.partner-analytics.com]\n",
         [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
    ],
)  # fmt: skip
def test_config53_a_compose_alias_is_that_service(db: str, extra: str, found: list[Any]) -> None:
    findings, _ = RuleEngine("EU").check(_compose52(db, extra))
    assert [(f.rule.id, f.path) for f in findings] == found


# perf59 (stop 59): a reference scan's three service-name readers (the services a YAML text defines, its networks'
# dotted aliases, its ExternalName Services) read the text's YAML runs once between them (ManifestRuns): a Compose
# file's run was parsed by PyYAML once per reader, the largest share of the costliest stop-57 / stop-58 programs. Each
# reader's answer is the same with the shared runs as without them; the runs are read once, and only when asked.
_COMPOSE59 = (
    "services:\n  app:\n    image: fleet/app\n    environment:\n"
    "      DATABASE_URL: postgres://fleet@pg.fleet-app.internal:5432/fleet\n    networks: [backend]\n"
    "  db:\n    image: postgres:16\n    networks:\n      backend:\n        aliases: [pg.fleet-app.internal]\n"
    "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: reports\nspec:\n  type: ExternalName\n"
    "  externalName: reports.partner-analytics.com\n"
)


def test_perf59_the_readers_of_one_scan_read_a_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from components.residency import service_names
    from components.residency.references import is_private_address

    catalogue = load_endpoints().service_names
    assert catalogue is not None
    text = f"#!/bin/bash\ncat > /opt/fleet/docker-compose.yml <<'EOF'\n{_COMPOSE59}EOF\ndocker compose up -d\n"

    def readers(runs: service_names.ManifestRuns | None) -> tuple[Any, ...]:
        return (
            service_names.defined_spans(text, catalogue, is_private_address, runs),
            service_names.network_alias_spans(text, catalogue, runs),
            service_names.external_names(text, catalogue, runs),
        )

    alone = readers(None)
    assert all(alone)  # each reader finds something in the text: the comparison below is not of empty answers
    read: list[str] = []
    manifest_runs = service_names._manifest_runs

    def counted(t: str, c: Any) -> Any:
        read.append(t)
        return manifest_runs(t, c)

    monkeypatch.setattr(service_names, "_manifest_runs", counted)
    runs = service_names.ManifestRuns(text, catalogue)
    assert read == []  # not read until a reader asks
    assert readers(runs) == alone
    assert read == [text]


# mutation54 (stop 54): a Compose file's keys quoted (`"services":`, as YAML allows) or the whole file written as JSON
# (YAML reads it) names its services as the plain spelling does. On main 51ca59f each compliant one was RES-015 (a
# false alarm: the services were not found); a URL to a name the file does not define is still a host.
def _compose54(document: str, url: str = "http://search:9200") -> Subject:
    script = f"#!/bin/bash\ncat > /opt/fleet/docker-compose.yml <<'EOF'\n{document}\nEOF\ndocker compose up -d\n"
    return aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small",
               user_data=script.replace("URL", url))  # fmt: skip


_COMPOSE54 = {"services": {"app": {"image": "app", "environment": {"SEARCH_URL": "URL"}},
                           "es": {"image": "es", "networks": {"backend": {"aliases": ["search"]}}}},
              "networks": {"backend": {}}}  # fmt: skip


@pytest.mark.parametrize(
    "document",
    [
        json.dumps(_COMPOSE54),
        json.dumps(_COMPOSE54, indent=2),
        '"services":\n  "app":\n    "image": app\n    "environment": {"SEARCH_URL": "URL"}\n'
        "  'es':\n    image: es\n    networks: {backend: {aliases: [search]}}\n",
    ],
)
def test_mutation54_a_quoted_or_json_compose_file_names_its_services(document: str) -> None:
    assert RuleEngine("EU").check(_compose54(document))[0] == []
    findings, _ = RuleEngine("EU").check(_compose54(document, "http://search.partner-analytics.com:9200"))
    assert {f.rule.id for f in findings} == {"RES-015"}


def test_a_cloud_config_compose_file_names_its_services() -> None:
    # RES-015 at user_data(yaml).write_files[0].content(yaml).services.app.environment.DATABASE_URL on main faa992a
    assert RuleEngine("EU").check(_cloud_config52())[0] == []
    findings, _ = RuleEngine("EU").check(_cloud_config52("database"))  # no service of that name
    assert [f.rule.id for f in findings] == ["RES-015"]


@pytest.mark.parametrize(
    ("subject", "found"),
    [
        (_manifest52("http://api:8080"), []),  # RES-015 at user_data on main faa992a
        (_manifest52("http://api.default.svc.cluster.local:8080"), []),
        (_manifest52("http://api.fleet:8080", namespace="  namespace: fleet\n"), []),
        # the Deployment is in `default`, the Service in `fleet`: `api` is looked up in the pod's namespace
        (_manifest52("http://api:8080", namespace="  namespace: fleet\n"), [("RES-015", "user_data")]),
        # no selector: someone else writes its endpoints; ExternalName: a CNAME to another host
        (_manifest52("http://api:8080", spec=""), [("RES-015", "user_data")]),
        # config55 (stop 55): the partner's `externalName` is judged where written too (script_commands
        # `externalName:`), beside the Service's own name at the URL (a CNAME the scan does not follow)
        (_manifest52("http://api:8080", spec="  type: ExternalName\n  externalName: intake.partner-analytics.com\n"),
         [("RES-015", "user_data.externalName:"), ("RES-015", "user_data")]),
        (_manifest52("http://api:8080", spec="  selector: {app: api}\n  externalName: x\n"),
         [("RES-015", "user_data")]),
        (_manifest52("http://web:8080"), [("RES-015", "user_data")]),  # no Service of that name
    ],
)  # fmt: skip
def test_a_kubernetes_service_name_is_that_service_not_a_host(subject: Subject, found: list[Any]) -> None:
    findings, _ = RuleEngine("EU").check(subject)
    assert [(f.rule.id, f.path) for f in findings] == found


# falsealarm53 (stop 53): a Compose service's `extra_hosts` is read entry by entry (service_names `host_entries`): an
# entry mapping a service's own name (or one not read) still closes the document; one mapping another name does not;
# one mapping a name to `host-gateway` makes that name the machine itself, as a script's `docker run --add-host
# NAME:host-gateway` does for its text; the daemon's `host-gateway-ip` closes both. (`extra` follows the app's
# environment: a variable first, then the service's key.) On main 45eea1d the compliant
# compose cases were RES-015 (`db` once any extra_hosts entry was there; `host.docker.internal` always).
_GATEWAY53 = '    extra_hosts: ["host.docker.internal:host-gateway"]\n'
_OTLP53 = "      OTEL_EXPORTER_OTLP_ENDPOINT: http://{host}:4317\n"
_MOVED53 = 'cat > /etc/docker/daemon.json <<\'EOF\'\n{"host-gateway-ip": "203.0.113.10"}\nEOF\n'
_OTLP53_PATH = _COMPOSE52_PATH.replace("DATABASE_URL", "OTEL_EXPORTER_OTLP_ENDPOINT")


def _docker_run53(add_host: str, host: str = "host.docker.internal", before: str = "") -> Subject:
    script = f"#!/bin/bash\n{before}docker run -d {add_host} -e OTEL_EXPORTER_OTLP_ENDPOINT=http://{host}:4317 img:1\n"
    return aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=script)


PAIRS += [
    ("RES-015", "EU", _compose52(extra=_OTLP53.format(host="host.docker.internal") + _GATEWAY53),
     _compose52(extra=_OTLP53.format(host="host.docker.internal") + _GATEWAY53, after=_MOVED53), "user_data"),
    ("RES-015", "EU", _docker_run53("--add-host=host.docker.internal:host-gateway"),
     _docker_run53("--add-host=host.docker.internal:203.0.113.10"), "user_data"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("subject", "found"),
    [
        (_compose52(extra=_GATEWAY53), []),  # RES-015 (db) on main 45eea1d: any extra_hosts closed the document
        (_compose52(extra=_OTLP53.format(host="host.docker.internal") + _GATEWAY53), []),
        (_compose52(extra=_OTLP53.format(host="host.docker.internal")
                    + "    extra_hosts: {host.docker.internal: host-gateway}\n"), []),  # the mapping form
        (_compose52(extra='    extra_hosts: ["metrics=203.0.113.10"]\n'), []),  # another name: no service's
        # a name an entry maps outside is judged as a host; a service's name mapped (either form) closes the document
        (_compose52(extra=_OTLP53.format(host="metrics") + '    extra_hosts: ["metrics:203.0.113.10"]\n'),
         [("RES-015", _OTLP53_PATH), ("RES-015", "user_data")]),
        (_compose52(extra='    extra_hosts: ["db=203.0.113.10"]\n'),
         [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        (_compose52(extra="    extra_hosts: [12]\n"), [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        # the daemon's gateway moved: the name is no longer the machine's (refused by the script's text, which holds
        # the daemon's setting; the here-document's own walk does not see it)
        (_compose52(extra=_OTLP53.format(host="host.docker.internal") + _GATEWAY53, after=_MOVED53),
         [("RES-015", "user_data")]),
        (_docker_run53("--add-host=host.docker.internal:host-gateway"), []),
        (_docker_run53("--add-host 'host.docker.internal:host-gateway'"), []),
        (_docker_run53("--add-host=gw.internal=host-gateway", host="gw.internal"), []),
        (_docker_run53("--add-host=host.docker.internal:host-gateway", host="metrics"), [("RES-015", "user_data")]),
        (_docker_run53("--add-host=host.docker.internal:host-gateway", before=_MOVED53), [("RES-015", "user_data")]),
        (_docker_run53(""), [("RES-015", "user_data")]),  # no entry: Docker Engine on Linux resolves no such name
        # config53's link alias is the service's name too: an entry mapping it elsewhere closes the document as well
        (_compose52("database", extra='    links: ["db:database"]\n'), []),
        (_compose52("database", extra='    links: ["db:database"]\n    extra_hosts: ["database:203.0.113.10"]\n'),
         [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
    ],
)  # fmt: skip
def test_a_host_gateway_name_is_the_machine_itself(subject: Subject, found: list[Any]) -> None:
    findings, _ = RuleEngine("EU").check(subject)
    assert [(f.rule.id, f.path) for f in findings] == found


_ENTRY53 = st.text(alphabet="ab.:=-[]19 ", max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(_ENTRY53, max_size=4), st.dictionaries(_ENTRY53, _ENTRY53, max_size=4), st.integers()))
def test_extra_hosts_entries_are_read_whole_or_not_at_all(value: Any) -> None:
    # falsealarm53: every entry read as (name, address) or none at all (the document then defines no name).
    entries = _host_entries(value)
    assert entries is None or len(entries) == len(value)


@pytest.mark.parametrize(
    ("location", "found"),
    [
        ("proxy_pass http://unix:/run/gunicorn/fleet.sock;", []),  # RES-015 ("unix") on main 45eea1d
        ("proxy_pass http://unix:/tmp/backend.socket:/uri/;", []),  # nginx's own example
        ("grpc_pass grpc://unix:/run/api.sock;", []),
        ("proxy_pass http://unix:8080/;", ["RES-015"]),  # a host named unix, with a port: no socket
        ("proxy_pass http://unix.partner-analytics.com:/x;", ["RES-015"]),
        ("proxy_pass http://ip6-localhost:8080;", []),  # Debian's / Docker's /etc/hosts name of ::1
        ("proxy_pass http://ip6-localhost.partner-analytics.com;", ["RES-015"]),
    ],
)
def test_an_nginx_unix_socket_and_the_loopback_names_are_the_machine(location: str, found: list[str]) -> None:
    # falsealarm53: ngx_http_proxy_module proxy_pass "If the proxied server is a UNIX-domain socket: proxy_pass
    # http://unix:/tmp/backend.socket:/uri/;"; Debian's and Docker's /etc/hosts: "::1 localhost ip6-localhost
    # ip6-loopback".
    conf = f"server {{\n  location / {{ {location} }}\n}}\n"
    script = f"#!/bin/bash\ncat > /etc/nginx/conf.d/a.conf <<'EOF'\n{conf}EOF\n"
    subject = aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=script)
    assert [f.rule.id for f in RuleEngine("EU").check(subject)[0]] == found


# stackref52 (stop 52): a template's StackSet instance group and a ROS template's StackInstances are judged as the
# Pulumi instances (template resources `items` / `properties`): an override of a catalogued Region's id is a Region,
# whether the template they run is in view or not. On main faa992a the offending twins passed (a StackSet kept in S3 by
# `TemplateURL`, StackInstances of a stack group the template does not make: no body read, `Where` no region key).
def _template_url_stack_set(where: str) -> Subject:
    group = {"DeploymentTargets": {"Accounts": ["123456789012"]}, "Regions": ["cn-north-1"],
             "ParameterOverrides": [{"ParameterKey": "Where", "ParameterValue": where},
                                    {"ParameterKey": "Environment", "ParameterValue": "prod"}]}  # fmt: skip
    body = {"Resources": {"TripsSet": {"Type": "AWS::CloudFormation::StackSet", "Properties": {
        "StackSetName": "trips", "PermissionModel": "SELF_MANAGED", "StackInstancesGroup": [group],
        "TemplateURL": "https://fleet-templates-cn.s3.cn-north-1.amazonaws.com.cn/trips.json"}}}}  # fmt: skip
    return aws("aws:cloudformation/stack:Stack", template_body=json.dumps(body))


def _ros_external_instances(where: str) -> Subject:
    body = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"Instances": {
        "Type": "ALIYUN::ROS::StackInstances", "Properties": {
            "StackGroupName": "partner-peering", "RegionIds": ["cn-shanghai"], "AccountIds": ["1234567890123456"],
            "ParameterOverrides": {"Where": where, "Environment": "prod"}}}}}  # fmt: skip
    return ali("alicloud:ros/stack:Stack", template_body=json.dumps(body))


PAIRS += [
    ("RES-009", "CN", _template_url_stack_set("cn-northwest-1"), _template_url_stack_set("ap-east-1"),
     "template_body(json).Resources.TripsSet.Properties.StackInstancesGroup[0].ParameterOverrides[0].ParameterValue"),
    ("RES-009", "CN", _ros_external_instances("cn-beijing"), _ros_external_instances("ap-southeast-1"),
     "template_body(json).Resources.Instances.Properties.ParameterOverrides.Where"),
]  # fmt: skip


def test_a_template_stack_sets_override_abroad_is_refused_where_given_and_where_used() -> None:
    # stackref52: an instance group's override of a catalogued Region is a Region where it is given (as a Pulumi
    # instance's override is, stackjoin51), and the StackSet's body read with it (stackset49) refuses its use too: the
    # same two findings the Pulumi StackSet and its instance give (stop 50 reported both).
    subject = aws("aws:cloudformation/stack:Stack", template_body=_stack_set_in_template("cn-northwest-1", "ap-east-1"))
    findings, _ = RuleEngine("CN").check(subject)
    assert sorted((f.rule.id, f.path) for f in findings) == [
        ("RES-009", "template_body(json).Resources.TripsSet.Properties.StackInstancesGroup[0].ParameterOverrides[0]"
         ".ParameterValue"),
        ("RES-009", "template_body(json).Resources.TripsSet.Properties.TemplateBody.Resources.Trips.Properties"
         ".Replicas[1].Region"),
    ]  # fmt: skip


# mutation52 (stop 52): nginx's bare `*_pass` addresses and a block's first directive on its line (script_commands
# fastcgi_pass ... proxy_pass, upstream / location / http / stream leading to the directive after the brace); a group
# only a comment names is none; a script command's region is its CLI's cloud's (script_commands `cloud`). Each
# offending twin passed on main faa992a.
def _nginx52_boot(conf: str, provider: ProviderRef = _PINNED_EU) -> Subject:
    script = f"#!/bin/bash\ncat > /etc/nginx/conf.d/fleet.conf <<'EOF'\n{conf}\nEOF\nsystemctl restart nginx\n"
    if provider.package == "alicloud":
        return ali("alicloud:ecs/instance:Instance", provider, image_id="m", instance_type="ecs.g7.large",
                   user_data=script)  # fmt: skip
    return aws("aws:ec2/instance:Instance", provider, ami="ami-1", instance_type="t3.small", user_data=script)


def _boot52_on(provider: ProviderRef, script: str) -> Subject:
    """A machine of ``provider``'s cloud running ``script`` as its user data."""
    if provider.package == "alicloud":
        return ali("alicloud:ecs/instance:Instance", provider, image_id="m", instance_type="ecs.g7.large",
                   user_data=f"#!/bin/bash\n{script}\n")  # fmt: skip
    return aws("aws:ec2/instance:Instance", provider, ami="ami-1", instance_type="t3.small",
               user_data=f"#!/bin/bash\n{script}\n")  # fmt: skip


_PRINTF_CRON = "printf '%s\\n' '*/5 * * * * root aws s3 ls --region {region}' > /etc/cron.d/fleet"
_ALI52_EU = ProviderRef("alicloud", "eu", "eu-central-1", accounts=frozenset({_ALI_OWN}))
PAIRS += [
    ("RES-015", "EU", _nginx52_boot("server {\n  location ~ \\.php$ { fastcgi_pass unix:/run/php/fpm.sock; }\n}"),
     _nginx52_boot("server {\n  listen 80;\n  location / { fastcgi_pass intake.partner-analytics.com:9000; }\n}"),
     "user_data.fastcgi_pass"),
    ("RES-015", "CN", _nginx52_boot("upstream api { server 10.20.1.15:8080; }", _ALI_PINNED_CN),
     _nginx52_boot("upstream api { server intake.partner-analytics.com:443; }", _ALI_PINNED_CN), "user_data.server"),
    ("RES-015", "DE", _nginx52_boot("stream {\n  server { listen 5432; proxy_pass 10.20.1.16:5432; }\n}", _PINNED_DE),
     _nginx52_boot("stream {\n  server { listen 5432; proxy_pass db.partner-analytics.com:5432; }\n}", _PINNED_DE),
     "user_data.proxy_pass"),
    ("RES-015", "JP", _nginx52_boot("upstream api {\n  server 10.20.1.15:8080;\n}\nserver {\n"
                                    "  location / { proxy_pass http://api; }\n}", _PINNED_JP),
     _nginx52_boot("# upstream api {\nserver {\n  location / { proxy_pass http://api; }\n}", _PINNED_JP), "user_data"),
    ("RES-009", "EU", _boot52_on(_PINNED_EU, "aliyun ecs CopyImage --RegionId eu-central-1 --ImageId m-1 "
                                                 "--DestinationRegionId eu-central-1"),
     _boot52_on(_PINNED_EU, "aliyun ecs CopyImage --RegionId eu-central-1 --ImageId m-1 "
                                "--DestinationRegionId eu-west-1"), "user_data.aliyun"),
    ("RES-009", "EU", _boot52_on(_PINNED_EU, _PRINTF_CRON.format(region="eu-west-1")),
     _boot52_on(_PINNED_EU, _PRINTF_CRON.format(region="eu-west-2")), "user_data.aws"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("provider", "line", "expected"),
    [
        (_ALI52_EU, "aws logs describe-log-groups --region eu-west-1", []),  # RES-009 on main faa992a
        (_ALI52_EU, "aws logs describe-log-groups --region eu-west-2", ["RES-009"]),
        (_ALI52_EU, "aliyun ecs DescribeInstances --RegionId eu-west-1", ["RES-009"]),  # Alibaba's eu-west-1: London
        (_PINNED_EU, "aws s3 ls --region eu-west-1", []),
        (_PINNED_EU, "aliyun ecs DescribeInstances --RegionId eu-central-1", []),
        (_ALI_PINNED_CN, "aws s3 ls --endpoint-url https://oss-cn-shanghai.aliyuncs.com --region cn-shanghai", []),
    ],
)
def test_a_script_commands_region_is_its_clouds(provider: ProviderRef, line: str, expected: list[str]) -> None:
    # mutation52: the aws CLI's Regions are AWS's and the Alibaba Cloud CLI's Alibaba Cloud's on either cloud's machine
    # (eu-west-1 is Ireland to one, London to the other); a name only the other cloud has stays that cloud's (the aws
    # CLI signing for OSS's S3-compatible endpoint with an Alibaba Region).
    subject = _boot52_on(provider, line)
    code = "CN" if provider is _ALI_PINNED_CN else "EU"
    assert sorted({f.rule.id for f in RuleEngine(code).check(subject)[0]}) == expected


# alired53 (stop 53): a ROS template's resource of a hub service's namespace (ALIYUN::Config::*, ALIYUN::CLOUDFW::*,
# ALIYUN::ESA::*, ALIYUN::ThreatDetection::*, ALIYUN::WAF::*) is the service, judged as its Pulumi twin with the
# ros.Stack's provider's account site: RES-016 in JP, and in CN under a provider naming the international site. Each
# offending subject passed on main 45eea1d.
def _ros53(kind: str, provider: ProviderRef, **props: Any) -> Subject:
    template = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"X": {"Type": kind, "Properties": props}}}
    return ali(_ROS_STACK, provider, template_body=json.dumps(template))


_ROS53_RULE = {"RuleName": "r", "SourceOwner": "ALIYUN", "SourceIdentifier": "ecs-instance-no-public-ip",
               "ConfigRuleTriggerTypes": "ConfigurationItemChangeNotification", "RiskLevel": 1}  # fmt: skip
_ROS53_POLICY = {"AclAction": "accept", "Description": "d", "Destination": "10.0.0.1/32", "DestinationType": "net",
                 "Direction": "in", "Proto": "TCP", "Source": "203.0.113.0/24", "SourceType": "net"}  # fmt: skip
PAIRS += [
    ("RES-016", "CN", _ros53("ALIYUN::Config::Rule", _ALI_PINNED_CN, **_ROS53_RULE),
     _ros53("ALIYUN::Config::Rule", _ALI52_INTL_CN, **_ROS53_RULE), "template_body(json).Resources.X"),
    ("RES-016", "JP", _ros53("ALIYUN::ECS::SecurityGroup", _ALI_PINNED_JP, VpcId="vpc-1"),
     _ros53("ALIYUN::CLOUDFW::ControlPolicy", _ALI_PINNED_JP, **_ROS53_POLICY), "template_body(json).Resources.X"),
    ("RES-016", "CN", _ros53("ALIYUN::ESA::Site", _ALI_PINNED_CN, SiteName="s.example.cn", Coverage="domestic"),
     _ros53("ALIYUN::ESA::Site", _ALI_PINNED_CN, SiteName="s.example.cn", Coverage="overseas"),
     "template_body(json).Resources.X.Properties.Coverage"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "provider", "kind", "expected"),
    [
        ("JP", _ALI_PINNED_JP, "ALIYUN::ThreatDetection::AntiBruteForceRule", ["RES-016"]),
        ("JP", _ALI_PINNED_JP, "ALIYUN::WAF::Domain", ["RES-016"]),
        ("JP", _ALI_PINNED_JP, "ALIYUN::ESA::SomeTypeAddedLater", ["RES-016"]),  # the namespace, not a type list
        ("JP", _ALI_PINNED_JP, "ALIYUN::ESAX::Site", []),  # another namespace sharing the prefix
        ("CN", _ALI_PINNED_CN, "ALIYUN::ThreatDetection::AntiBruteForceRule", []),  # resident in CN, any site
        ("CN", _ALI52_INTL_CN, "ALIYUN::ThreatDetection::AntiBruteForceRule", []),  # no site_resident_in
        ("CN", _ALI52_INTL_CN, "ALIYUN::CLOUDFW::FwSwitch", ["RES-016"]),
        ("CN", _ALI52_INTL_CN, "ALIYUN::ECS::SecurityGroup", []),  # a regional type under the same provider
    ],
)
def test_a_templates_hub_service_is_judged_by_namespace_and_site(
    code: str, provider: ProviderRef, kind: str, expected: list[str]
) -> None:
    # alired53: the namespace wildcard and the provider's site, as for the Pulumi resources (alired52).
    assert [f.rule.id for f in RuleEngine(code).check(_ros53(kind, provider))[0]] == expected


# alired53 (stop 53): the aliyun CLI's parameters naming the account that owns what the call writes into or joins
# (script_commands form `alicloud-account`) are judged as the resources' owner inputs (RES-023 unless the stack's own
# or declared). The offending subject passed on main 45eea1d.
_DTS53 = "aliyun dts ConfigureDtsJob --DestinationEndpointInstanceID rm-2 --DestinationEndpointOwnerID"
PAIRS += [
    ("RES-023", "CN", _ali51_boot(f"{_DTS53} {_ALI_OWN}"), _ali51_boot(f"{_DTS53} {_ALI_OTHER}"), "user_data.aliyun"),
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"aliyun vpcpeer CreateVpcPeerConnection --VpcId vpc-1 --AcceptingAliUid {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun vpcpeer CreateVpcPeerConnection --VpcId vpc-1 --AcceptingAliUid={_ALI_OTHER}", ["RES-023"]),
        (f"P={_ALI_OTHER}\naliyun vpcpeer CreateVpcPeerConnection --VpcId vpc-1 --AcceptingAliUid $P", ["RES-023"]),
        (f"aliyun vpcpeer CreateVpcPeerConnection --VpcId vpc-1 --AcceptingAliUid {_ALI_OWN}", []),
        # A source's owner sends data in; the RPC common parameters name the caller: neither is read.
        (f"aliyun dts ConfigureDtsJob --SourceEndpointOwnerID {_ALI_OTHER}", []),
        (f"aliyun ecs DescribeInstances --OwnerId {_ALI_OTHER} --ResourceOwnerAccount ops", []),
        # alired53b: a substitution the engine cannot compute fails closed (it was left alone before).
        ("aliyun dts ConfigureDtsJob --DestinationEndpointOwnerID $(cat /etc/partner-uid)", ["RES-023"]),
    ],
)
def test_an_aliyun_parameter_naming_an_owner_account_is_judged_as_one(line: str, expected: list[str]) -> None:
    # alired53: listed options only (script_commands aliyun `alicloud-account`), the value filled like any other.
    findings, _ = RuleEngine("CN").check(_ali51_boot(line))
    assert [f.rule.id for f in findings] == expected


# alired53b (stop 53): the other owner / grantee parameters (CEN grants, transit router and CEN child attachments, an
# image share's RepeatList `--AddAccount.N`, the plugin commands' kebab-case forms) are read as the listed two are; a
# substitution the engine cannot compute, directly or through a variable, fails closed (scripts53's reading). The
# caller's parameters, a source's owner and an unshare stay unread. The offending lines passed on main 7f5945bc.
_CEN53B = "aliyun vpc GrantInstanceToCen --CenId cen-1 --InstanceId vpc-1 --InstanceType VPC"
PAIRS += [
    ("RES-023", "CN", _ali51_boot(f"{_CEN53B} --CenUid {_ALI_OWN}"), _ali51_boot(f"{_CEN53B} --CenUid {_ALI_OTHER}"),
     "user_data.aliyun"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"{_CEN53B} --CenOwnerId {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun cbn CreateTransitRouterVpcAttachment --VpcId vpc-2 --VpcOwnerId {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun cbn CreateTransitRouterVbrAttachment --VbrId vbr-2 --VbrOwnerId {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun cbn AttachCenChildInstance --ChildInstanceId vpc-2 --ChildInstanceOwnerId {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun ecs ModifyImageSharePermission --ImageId m-1 --AddAccount.1 {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun ecs ModifyImageSharePermission --ImageId m-1 --AddAccount.10={_ALI_OTHER}", ["RES-023"]),
        (f"aliyun ecs ModifyImageSharePermission --ImageId m-1 --AddAccount.1 {_ALI_OWN}", []),
        (f"aliyun ecs ModifyImageSharePermission --ImageId m-1 --RemoveAccount.1 {_ALI_OTHER}", []),  # an unshare
        (f"aliyun vpc grant-instance-to-cen --cen-id cen-1 --cen-uid {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun dts configure-dts-job --destination-endpoint-owner-id {_ALI_OTHER}", ["RES-023"]),
        (f'HUB={_ALI_OTHER}\n{_CEN53B} --CenUid "$HUB"', ["RES-023"]),
        (f'HUB={_ALI_OWN}\n{_CEN53B} --CenUid "$HUB"', []),
        (f"HUB=$(cat /etc/hub-uid)\n{_CEN53B} --CenUid $HUB", ["RES-023"]),
        # never set: alired54 (stop 54) fails it closed (it was left alone, "judged where it is set", before)
        (f"{_CEN53B} --CenUid $HUB", ["RES-023"]),
        (f"aliyun ecs DescribeImages --ImageOwnerId {_ALI_OTHER} --OwnerId {_ALI_OTHER}", []),  # a source, the caller
        (f"aliyun ecs DescribeInstances --Tag.1.Key {_ALI_OTHER}", []),  # an indexed option no entry lists
    ],
)
def test_the_aliyun_clis_other_owner_parameters_are_judged_as_accounts(line: str, expected: list[str]) -> None:
    # alired53b: catalogue entries (script_commands aliyun `alicloud-account`), a RepeatList index read off.
    findings, _ = RuleEngine("CN").check(_ali51_boot(line))
    assert [f.rule.id for f in findings] == expected


# alired54 (stop 54): the aliyun CLI's other grants to an account, each the twin of a catalogued input: Resource
# Sharing `--Targets.N` (form `alicloud-account`), a RAM role's trust policy and a KMS key policy given as the
# document they are (form `alicloud-policy`, walked as the Pulumi document input: a `RAM` principal is a grant, a
# `Service` principal none and no host); an owner parameter holding a variable no line sets fails closed. Each
# offending line passed on main 51ca59f4 (the service trust was RES-015 there: `ecs.aliyuncs.com` read as a host).
_TRUST54 = '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"%s":["%s"]}}],"Version":"1"}'
_ROLE54 = "aliyun ram CreateRole --RoleName r --AssumeRolePolicyDocument"
_ALI_MD54 = "http://100.100.100.200/latest/meta-data"  # the ECS instance metadata service (lead, stop 54)
_KEY54 = (
    "aliyun kms SetKeyPolicy --KeyId key-1 --Policy "
    """'{"Version":"1","Statement":[{"Effect":"%s","Principal":{"RAM":["acs:ram::%s:*"]},"Action":["kms:Decrypt"],"""
    """"Resource":["*"]}]}'"""
)
_SHARE54 = "aliyun resourcesharing AssociateResourceShare --ResourceShareId rs-1 --Targets.1"
PAIRS += [
    ("RES-023", "CN", _ali51_boot(f"{_SHARE54} {_ALI_OWN}"), _ali51_boot(f"{_SHARE54} {_ALI_OTHER}"),
     "user_data.aliyun"),
    ("RES-023", "CN", _ali51_boot(f"{_ROLE54} '{_TRUST54 % ('Service', 'ecs.aliyuncs.com')}'"),
     _ali51_boot(f"{_ROLE54} '{_TRUST54 % ('RAM', f'acs:ram::{_ALI_OTHER}:root')}'"),
     "user_data.aliyun(json).Statement[0].Principal.RAM[0]"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"aliyun resourcesharing CreateResourceShare --ResourceShareName s --Targets.1 {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun resourcesharing CreateResourceShare --ResourceShareName s --Targets.2={_ALI_OTHER}", ["RES-023"]),
        (f"{_SHARE54} rd-3G4fA2", []),  # a resource directory's id names no account (as SharedTarget target_id)
        (
            f"aliyun resourcesharing associate-resource-share --resource-share-id rs-1 --targets {_ALI_OTHER}",
            ["RES-023"],
        ),
        (f"{_ROLE54} '{_TRUST54 % ('RAM', f'acs:ram::{_ALI_OWN}:root')}'", []),
        (
            f"aliyun ram UpdateRole --RoleName r --NewAssumeRolePolicyDocument "
            f"'{_TRUST54 % ('RAM', f'acs:ram::{_ALI_OTHER}:root')}'",
            ["RES-023"],
        ),
        (f"{_ROLE54} '{_TRUST54 % ('Service', 'ecs.aliyuncs.com')}'", []),  # a service: no account, no host
        (f"{_ROLE54} '{_TRUST54 % ('Federated', f'acs:ram::{_ALI_OWN}:saml-provider/idp')}'", []),
        (_KEY54 % ("Allow", _ALI_OTHER), ["RES-023"]),
        (_KEY54 % ("Allow", _ALI_OWN), []),
        (_KEY54 % ("Deny", _ALI_OTHER), []),  # a Deny restricts
        ("aliyun ess CreateScalingRule --ScalingGroupId asg-1 --Policy simple", []),  # another API's non-JSON value
        ('aliyun kms SetKeyPolicy --KeyId key-1 --Policy "$(cat /opt/kms/policy.json)"', ["RES-023"]),  # unwritten
        (f"P='{_TRUST54 % ('RAM', f'acs:ram::{_ALI_OTHER}:root')}'\n{_ROLE54} \"$P\"", ["RES-023"]),
        (f"P='{_TRUST54 % ('RAM', f'acs:ram::{_ALI_OWN}:root')}'\n{_ROLE54} \"$P\"", []),
        (f"{_CEN53B} --CenUid ${{HUB:-{_ALI_OWN}}}", []),  # an unset variable's default word: the team's own
        (f"{_CEN53B} --CenUid ${{HUB:-{_ALI_OTHER}}}", ["RES-023"]),
        (f"HUB={_ALI_OWN}\n{_CEN53B} --CenUid $HUB", []),
        ("aliyun ecs DescribeInstances --OwnerId $ME", []),  # the caller's own parameter: no destination
        # lead (stop 54): an owner set only from the instance metadata is the instance's own account; set from
        # another command, or set from the metadata and then from a literal of another account, it is judged
        (f"OWNER=$(curl -s {_ALI_MD54}/owner-account-id)\n{_CEN53B} --CenUid $OWNER", []),
        (f'OWNER=$(curl -s {_ALI_MD54}/owner-account-id)\n{_CEN53B} --CenUid "$OWNER"', []),
        (f"OWNER=$(cat /etc/fleet/uid)\n{_CEN53B} --CenUid $OWNER", ["RES-023"]),
        (f"OWNER=$(curl -s {_ALI_MD54}/owner-account-id)\nOWNER={_ALI_OTHER}\n{_CEN53B} --CenUid $OWNER", ["RES-023"]),
    ],
)
def test_the_aliyun_clis_grants_and_unset_owners_are_judged(line: str, expected: list[str]) -> None:
    # alired54: catalogue entries (script_commands aliyun `alicloud-account` / `alicloud-policy`) and the fail-closed
    # reading of an unset variable at an owner parameter.
    findings, _ = RuleEngine("CN").check(_ali51_boot(line))
    assert [f.rule.id for f in findings] == expected


@pytest.mark.parametrize(
    ("code", "provider", "kind", "expected"),
    [
        ("JP", _ALI_PINNED_JP, "ALIYUN::DDoSPro::WebRule", ["RES-016"]),
        ("JP", _ALI_PINNED_JP, "ALIYUN::DDoSPro::SchedulerRule", ["RES-016"]),
        ("JP", _ALI_PINNED_JP, "ALIYUN::CAS::UserCertificate", ["RES-016"]),
        ("CN", _ALI_PINNED_CN, "ALIYUN::CAS::Certificate", []),  # resident in CN
        ("JP", _ALI_PINNED_JP, "ALIYUN::DDoSBGP::Instance", []),  # another namespace sharing no prefix
    ],
)
def test_the_anti_ddos_pro_and_cas_templates_are_judged_by_namespace(
    code: str, provider: ProviderRef, kind: str, expected: list[str]
) -> None:
    # alired54 (stop 54): template_services namespaces for the two hub services (their Pulumi entries' facts).
    assert [f.rule.id for f in RuleEngine(code).check(_ros53(kind, provider))[0]] == expected


# alired54b (stop 54): the aliyun CLI's accounts and policy documents read as Alibaba Cloud's on an AWS machine; a
# policy left an unfilled variable and an `acs:ram::$VAR` principal fail closed; a here-document read back has the
# script's variables filled; OSS replication given to ossutil judged as oss.BucketReplication's destination. On main
# 0bf4fb91 each refused line passed.
_TRUST54B = (
    '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow",'
    '"Principal":{"RAM":["acs:ram::%s:root"]}}],"Version":"1"}'
)
_ROLE54B = "aliyun ram CreateRole --RoleName r --AssumeRolePolicyDocument "
_REPL54B = (
    "<ReplicationConfiguration><Rule><Action>ALL</Action><Destination><Bucket>%s</Bucket><Location>oss-%s</Location>"
    "</Destination></Rule></ReplicationConfiguration>"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (_ROLE54B + "'" + _TRUST54B % _ALI_OTHER + "'", ["RES-023"]),
        (_ROLE54B + "'" + _TRUST54B % _ALI_OWN + "'", []),  # the stack's other provider is pinned to it
        (f"aliyun resourcesharing AssociateResourceShare --ResourceShareId rs-1 --Targets.1 {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun vpc GrantInstanceToCen --InstanceId vpc-1 --CenId cen-1 --CenUid {_ALI_OTHER}", ["RES-023"]),
        (f"aliyun vpc GrantInstanceToCen --InstanceId vpc-1 --CenId cen-1 --CenUid {_ALI_OWN}", []),
        ("aliyun ecs DescribeInstances --RegionId eu-central-1", []),
    ],
)
def test_the_aliyun_clis_grants_are_alibaba_clouds_on_an_aws_machine(line: str, expected: list[str]) -> None:
    # alired54b: the command's cloud (script_commands `cloud: alicloud`), not the machine's, reads its accounts.
    subject = aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small",
                  user_data=f"#!/bin/bash\n{line}\n")  # fmt: skip
    known = {ACCOUNT_KEY + _ALI_OWN}
    assert [f.rule.id for f in RuleEngine("EU").check(subject, known=known.__contains__)[0]] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a document assigned by `$(cat <<EOF ...)` over several lines: not computed, an unfilled variable
        (f'UID={_ALI_OTHER}\nPOLICY=$(cat <<EOF\n{_TRUST54B % "$UID"}\nEOF\n)\n{_ROLE54B}"$POLICY"', ["RES-023"]),
        (f'{_ROLE54B}"$POLICY"', ["RES-023"]),  # set by no line
        (f"POLICY='{_TRUST54B % _ALI_OWN}'\n{_ROLE54B}\"$POLICY\"", []),  # set: filled, the team's own
        (f"POLICY='{_TRUST54B % _ALI_OTHER}'\n{_ROLE54B}\"$POLICY\"", ["RES-023"]),
        # a principal built from a variable: set (filled) or never set (fails closed)
        (_ROLE54B + '"' + (_TRUST54B % "$HUB").replace('"', '\\"') + '"', ["RES-023"]),
        (f"HUB={_ALI_OWN}\n" + _ROLE54B + '"' + (_TRUST54B % "$HUB").replace('"', '\\"') + '"', []),
        (f"HUB={_ALI_OTHER}\n" + _ROLE54B + '"' + (_TRUST54B % "$HUB").replace('"', '\\"') + '"', ["RES-023"]),
        # a here-document written to a file, read back: the shell expands $UID in it
        (f'UID={_ALI_OWN}\ncat > /tmp/t.json <<EOF\n{_TRUST54B % "$UID"}\nEOF\n{_ROLE54B}"$(cat /tmp/t.json)"', []),
        (
            f'UID={_ALI_OTHER}\ncat > /tmp/t.json <<EOF\n{_TRUST54B % "$UID"}\nEOF\n{_ROLE54B}"$(cat /tmp/t.json)"',
            ["RES-023", "RES-023"],
        ),  # the document, and the whole-script scan's reading of the written file
        ("aliyun ecs CreateImage --RegionId cn-shanghai --InstanceId i-1", []),
    ],
)
def test_policy_documents_from_variables_and_here_documents_are_judged(line: str, expected: list[str]) -> None:
    # alired54b: `_judge_script_policy` / `_judge_unset_script_value`; `_judge_found_hosts` fills a read-back file.
    assert [f.rule.id for f in RuleEngine("CN").check(_ali51_boot(line))[0]] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "cat > /tmp/r.xml <<'EOF'\n"
            + _REPL54B % ("fleet-dr", "cn-beijing")
            + "\nEOF\nossutil replication --method put oss://fleet-exports /tmp/r.xml",
            [],
        ),
        (
            "cat > /tmp/r.xml <<'EOF'\n"
            + _REPL54B % ("fleet-dr", "ap-southeast-1")
            + "\nEOF\nossutil replication --method put oss://fleet-exports /tmp/r.xml",
            ["RES-009"],
        ),
        (
            "cat > /tmp/r.xml <<'EOF'\n"
            + _REPL54B % ("partner-dr", "cn-beijing")
            + "\nEOF\nossutil replication --method put oss://fleet-exports /tmp/r.xml",
            ["RES-017"],
        ),
        (
            "ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "
            """'{"Rule":{"Destination":{"Bucket":"fleet-dr","Location":"oss-us-west-1"}}}'""",
            ["RES-009"],
        ),
        (
            "ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "
            """'{"Rule":{"Destination":{"Bucket":"fleet-dr","Location":"oss-cn-hangzhou"}}}'""",
            [],
        ),
        (
            "F=/tmp/r.xml\ncat > $F <<'EOF'\n"
            + _REPL54B % ("fleet-dr", "ap-southeast-1")
            + "\nEOF\nossutil api put-bucket-replication --bucket fleet-exports --replication-configuration file://$F",
            ["RES-009"],
        ),
        (
            "ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration file:///etc/dr.xml",
            ["RES-011"],
        ),  # a file no line writes: where the copies go is unknown
        ("ossutil replication --method get oss://fleet-exports", []),
        ("ossutil replication --method delete oss://fleet-exports rule-1", []),
        ("ossutil cp /var/log/boot.log oss://fleet-exports/boot/", []),
    ],
)
def test_oss_replication_given_to_ossutil_is_judged(line: str, expected: list[str]) -> None:
    # alired54b: script_commands `ossutil` (form oss-replication), `_judge_script_replication`.
    known = {bucket_key("alicloud", "fleet-exports"), bucket_key("alicloud", "fleet-dr")}.__contains__
    found = RuleEngine("CN").check(_ali51_boot(line), known=known)[0]
    assert [f.rule.id for f in found] == expected


# falsealarm54 (stop 54): a name a container's hosts file maps only to private addresses is that address: a Compose
# `extra_hosts` entry, a script's `docker run --add-host NAME:ADDRESS`, an ECS container's `extraHosts` (a
# CloudFormation task's `ExtraHosts`), a pod's `hostAliases`; and a Compose service's `container_name` is that
# service (Docker's embedded DNS). On main 51ca59f each compliant case was RES-015; a public address, a name mapped to
# a private and a public address, or the name used by another container stays RES-015.
_DB54 = "db.fleet.internal"


def _ecs54(extra_hosts: list[dict[str, str]], *, cfn: bool = False, one: bool = False) -> Subject:
    if cfn:
        container = {"Name": "api", "Image": "img:1", "ExtraHosts": extra_hosts,
                     "Environment": [{"Name": "DB_HOST", "Value": _DB54}]}  # fmt: skip
        template = {"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition",
                                           "Properties": {"ContainerDefinitions": [container]}}}}  # fmt: skip
        return aws("aws:cloudformation/stack:Stack", _PINNED_EU, template_body=json.dumps(template))
    environment = [
        {"name": "DB_HOST", "value": _DB54},
        {"name": "DATABASE_URL", "value": f"postgres://{_DB54}:5432/fleet"},
    ]
    containers = [
        {"name": "api", "image": "img:1", "extraHosts": extra_hosts, "environment": environment[: 1 if one else 2]}
    ]
    return aws("aws:ecs/taskDefinition:TaskDefinition", _PINNED_EU, family="api", network_mode="bridge",
               container_definitions=json.dumps(containers))  # fmt: skip


_DB54_URL = f"      DB54_URL: postgres://{_DB54}:5432/fleet\n"


def _named54(db: str) -> Subject:
    """The Compose file of _compose52 whose db service is given ``container_name: fleet-postgres``."""
    compose = _COMPOSE52.format(db=db, extra="") + "    container_name: fleet-postgres\n"
    script = f"#!/bin/bash\ncat > /opt/fleet/docker-compose.yml <<'EOF'\n{compose}EOF\ndocker compose up -d\n"
    return aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=script)


_DB54_PATH = _COMPOSE52_PATH.replace("DATABASE_URL", "DB54_URL")
PAIRS += [
    ("RES-015", "EU", _docker_run53("--add-host=otel.fleet.internal:10.20.0.9", host="otel.fleet.internal"),
     _docker_run53("--add-host=otel.fleet.internal:203.0.113.10", host="otel.fleet.internal"), "user_data"),
    ("RES-015", "EU", _ecs54([{"hostname": _DB54, "ipAddress": "10.20.1.30"}], one=True),
     _ecs54([{"hostname": "other.fleet.internal", "ipAddress": "10.20.1.30"}], one=True),
     "container_definitions(json)[0].environment[0].value"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("subject", "found"),
    [
        (_compose52(extra=_DB54_URL + f'    extra_hosts: ["{_DB54}:10.20.1.30"]\n'), []),
        (_compose52(extra=_DB54_URL + f"    extra_hosts: {{{_DB54}: 10.20.1.30}}\n"), []),  # the mapping form
        (_compose52(extra=_DB54_URL + f'    extra_hosts: ["{_DB54}=[fd00::1e]"]\n'), []),  # a unique local address
        (_compose52(extra=_DB54_URL + f'    extra_hosts: ["{_DB54}:10.20.1.30", "{_DB54}:203.0.113.10"]\n'),
         [("RES-015", _DB54_PATH), ("RES-015", "user_data")]),  # mapped twice: one address is public
        (_compose52(extra=_DB54_URL + f'    extra_hosts: ["{_DB54}:203.0.113.10"]\n'),
         [("RES-015", _DB54_PATH), ("RES-015", "user_data")]),
        # a service's container_name is that service; another name is not
        (_named54("fleet-postgres"), []),
        (_named54("postgres-1"), [("RES-015", _COMPOSE52_PATH), ("RES-015", "user_data")]),
        (_docker_run53("--add-host=metrics.fleet.internal:10.20.0.9", host="metrics.fleet.internal"), []),
        (_docker_run53("--add-host metrics.fleet.internal:10.20.0.9", host="metrics.fleet.internal"), []),
        (_docker_run53("--add-host=metrics.fleet.internal:203.0.113.10", host="metrics.fleet.internal"),
         [("RES-015", "user_data")]),
        (_docker_run53("--add-host=metrics.fleet.internal:10.20.0.9 --add-host=metrics.fleet.internal:203.0.113.10",
                       host="metrics.fleet.internal"), [("RES-015", "user_data")]),
        (_docker_run53("--add-host=other.fleet.internal:10.20.0.9", host="metrics.fleet.internal"),
         [("RES-015", "user_data")]),
        (_ecs54([{"hostname": _DB54, "ipAddress": "10.20.1.30"}]), []),
        (_ecs54([{"hostname": _DB54.upper(), "ipAddress": "127.0.0.1"}]), []),
        (_ecs54([{"hostname": _DB54, "ipAddress": "203.0.113.10"}]),
         [("RES-015", "container_definitions(json)[0].extraHosts[0].ipAddress"),
          ("RES-015", "container_definitions(json)[0].environment[0].value"),
          ("RES-015", "container_definitions(json)[0].environment[1].value")]),
        (_ecs54([{"hostname": _DB54}]),  # no address read: the name stays a host
         [("RES-015", "container_definitions(json)[0].environment[0].value"),
          ("RES-015", "container_definitions(json)[0].environment[1].value")]),
        (_ecs54([{"Hostname": _DB54, "IpAddress": "10.20.1.30"}], cfn=True), []),
        (_ecs54([{"Hostname": _DB54, "IpAddress": "203.0.113.10"}], cfn=True),
         [("RES-015", "template_body(json).Resources.Task.Properties.ContainerDefinitions[0].ExtraHosts[0].IpAddress"),
          ("RES-015", "template_body(json).Resources.Task.Properties.ContainerDefinitions[0].Environment[0].Value")]),
    ],
)  # fmt: skip
def test_falsealarm54_a_name_a_containers_hosts_file_maps_privately_is_that_address(
    subject: Subject, found: list[Any]
) -> None:
    findings, _ = RuleEngine("EU").check(subject)
    assert [(f.rule.id, f.path) for f in findings] == found


# alired55 (stop 55): OSS replication and bucket policies through the Alibaba Cloud CLI's ossutil commands (`aliyun oss`
# runs ossutil 1.x's, `aliyun ossutil` 2.0's), a configuration read back by `"$(cat FILE)"`, a bucket policy inline
# (2.0 `--body`) or from a file no line writes, and ossutil 1.x's `--method`: its file operand is an input only with
# `put`. On main a7fee677 each refused line passed, and `replication --method get oss://b FILE` was RES-011.
_POLICY55 = (
    '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Principal":["%s"],'
    '"Resource":["acs:oss:*:%s:fleet-exports/*"]}]}'
)
_WRITE55 = "cat > /tmp/r.xml <<'EOF'\n" + _REPL54B % ("fleet-dr", "%s") + "\nEOF\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (_WRITE55 % "ap-southeast-1" + "aliyun oss replication --method put oss://fleet-exports /tmp/r.xml",
         ["RES-009"]),
        (_WRITE55 % "cn-beijing" + "aliyun oss replication --method put oss://fleet-exports /tmp/r.xml", []),
        ("aliyun oss replication --method put oss://fleet-exports /etc/fleet/r.xml", ["RES-011"]),
        ("aliyun ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "
         """'{"Rule":{"Destination":{"Bucket":"fleet-dr","Location":"oss-us-west-1"}}}'""", ["RES-009"]),
        (_WRITE55 % "ap-southeast-1"
         + 'ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "$(cat /tmp/r.xml)"',
         ["RES-009"]),
        (_WRITE55 % "cn-beijing"
         + 'ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "$(cat /tmp/r.xml)"',
         []),
        ('ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "$(cat /etc/r.xml)"',
         ["RES-011"]),  # a file no line writes: where the copies go is unknown
        ("ossutil replication --method get oss://fleet-exports /tmp/current.xml", []),  # RES-011 on main: an output
        (_WRITE55 % "ap-southeast-1" + "ossutil replication --method=PUT oss://fleet-exports /tmp/r.xml", ["RES-009"]),
        ("aliyun oss cp /var/log/boot.log oss://fleet-exports/boot/ --region us-west-1", ["RES-009"]),  # the CLI's own
        ("aliyun oss cp /var/log/boot.log oss://fleet-exports/boot/ --region cn-shanghai", []),
        (f"ossutil api put-bucket-policy --bucket fleet-exports --body '{_POLICY55 % (_ALI_OTHER, _ALI_OWN)}'",
         ["RES-023"]),
        (f"ossutil api put-bucket-policy --bucket fleet-exports --body '{_POLICY55 % (_ALI_OWN, _ALI_OWN)}'", []),
        (f"aliyun ossutil api put-bucket-policy --bucket fleet-exports --body '{_POLICY55 % (_ALI_OTHER, _ALI_OWN)}'",
         ["RES-023"]),
        ("ossutil api put-bucket-policy --bucket fleet-exports --body file:///etc/fleet/policy.json", ["RES-023"]),
        ("aliyun oss bucket-policy --method put oss://fleet-exports /etc/fleet/policy.json", ["RES-023"]),
        ("ossutil bucket-policy --method get oss://fleet-exports /tmp/current.json", []),  # saved to a local file
        ("ossutil bucket-policy --method delete oss://fleet-exports", []),
        (f"cat > /tmp/p.json <<'EOF'\n{_POLICY55 % (_ALI_OTHER, _ALI_OWN)}\nEOF\n"
         "aliyun oss bucket-policy --method put oss://fleet-exports /tmp/p.json", ["RES-023"]),  # read once, the file
        (f"cat > /tmp/p.json <<'EOF'\n{_POLICY55 % (_ALI_OWN, _ALI_OWN)}\nEOF\n"
         "aliyun oss bucket-policy --method put oss://fleet-exports /tmp/p.json", []),
    ],
)  # fmt: skip
def test_oss_configurations_given_to_the_aliyun_cli_and_ossutil_are_judged(line: str, expected: list[str]) -> None:
    # alired55: script_commands aliyun `oss` / `ossutil` (&ossutil-commands), form oss-policy, operands_when,
    # engine `_oss_configurations` / `_judge_script_bucket_policy`.
    known = {bucket_key("alicloud", "fleet-exports"), bucket_key("alicloud", "fleet-dr")}.__contains__
    found = RuleEngine("CN").check(_ali51_boot(line), known=known)[0]
    assert [f.rule.id for f in found] == expected


@pytest.mark.parametrize(("uid", "expected"), [(_ALI_OTHER, ["RES-023"]), (_ALI_OWN, [])])
def test_a_bucket_policy_file_written_on_an_aws_machine_is_alibaba_clouds(uid: str, expected: list[str]) -> None:
    # alired55: the written file's own reading walks it as the machine's cloud's (AWS), which reads no bare Alibaba
    # UID principal; the ossutil command walks it as Alibaba Cloud's (a partner's grant passed there).
    script = (
        f"#!/bin/bash\ncat > /tmp/p.json <<'EOF'\n{_POLICY55 % (uid, _ALI_OWN)}\nEOF\n"
        "ossutil bucket-policy --method put oss://fleet-exports /tmp/p.json\n"
    )
    subject = aws("aws:ec2/instance:Instance", _PINNED_EU, ami="ami-1", instance_type="t3.small", user_data=script)
    known = {bucket_key("alicloud", "fleet-exports"), ACCOUNT_KEY + _ALI_OWN}.__contains__
    assert [f.rule.id for f in RuleEngine("EU").check(subject, known=known)[0]] == expected


@pytest.mark.parametrize(
    ("code", "provider", "kind", "expected"),
    [
        ("JP", _ALI_PINNED_JP, "ALIYUN::BPStudio::Application", ["RES-016"]),
        ("CN", _ALI_PINNED_CN, "ALIYUN::BPStudio::Application", []),  # the hub is in the mainland
        ("JP", _ALI_PINNED_JP, "ALIYUN::ComputeNest::ServiceInstance", ["RES-016"]),
        ("CN", _ALI_PINNED_CN, "ALIYUN::ComputeNest::ServiceInstance", []),
        ("JP", _ALI_PINNED_JP, "DATASOURCE::ComputeNest::ServiceInstances", []),  # a read, no listed type
    ],
)
def test_the_bp_studio_and_compute_nest_templates_are_judged_as_their_pulumi_twins(
    code: str, provider: ProviderRef, kind: str, expected: list[str]
) -> None:
    # alired55 (stop 55): template_services entries for alicloud-bpstudio-hub-region / alicloud-compute-nest-hub-region.
    assert [f.rule.id for f in RuleEngine(code).check(_ros53(kind, provider))[0]] == expected


# alired56 (stop 56): ossutil's CORS rules (script_commands form oss-cors: 1.x `cors --method put`, 2.0 `api
# put-bucket-cors --cors-configuration`, `cors-options --origin`): an origin is compared with a browser's Origin header,
# never contacted, so it is left out of the whole-script scan and a written CORS file is no settings file (each `[]`
# line with a partner origin was RES-015 on main 8f0aa679). The same host contacted by another command, an origin the
# shell computes, and an origin in a file no CORS command reads stay judged.
_ORIGIN56 = "https://portal.partner-example.com"
_CORS56_XML = (f"<CORSConfiguration><CORSRule><AllowedOrigin>{_ORIGIN56}</AllowedOrigin><AllowedMethod>GET"
               "</AllowedMethod></CORSRule></CORSConfiguration>")  # fmt: skip
_CORS56_JSON = '{"CORSRule":[{"AllowedOrigin":["' + _ORIGIN56 + '"],"AllowedMethod":["GET"]}]}'
_CORS56_ESCAPED = _CORS56_JSON.replace('"', '\\"')  # the JSON in a double-quoted shell word


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"cat > /tmp/c.xml <<'EOF'\n{_CORS56_XML}\nEOF\nossutil cors --method put oss://fleet-exports /tmp/c.xml", []),
        (f"cat > /tmp/c.xml <<'EOF'\n{_CORS56_XML}\nEOF\naliyun oss cors --method PUT oss://fleet-exports /tmp/c.xml",
         []),
        (f"ossutil api put-bucket-cors --bucket fleet-exports --cors-configuration '{_CORS56_JSON}'", []),
        (f"aliyun ossutil api put-bucket-cors --bucket fleet-exports --cors-configuration '{_CORS56_XML}'", []),
        (f"cat > /tmp/c.json <<'EOF'\n{_CORS56_JSON}\nEOF\n"
         "ossutil api put-bucket-cors --bucket fleet-exports --cors-configuration file:///tmp/c.json", []),
        (f"cat > /tmp/c.xml <<'EOF'\n{_CORS56_XML}\nEOF\n"
         'ossutil api put-bucket-cors --bucket fleet-exports --cors-configuration "$(cat /tmp/c.xml)"', []),
        (f'ossutil api put-bucket-cors --bucket fleet-exports --cors-configuration "{_CORS56_ESCAPED}"', []),
        (f"ossutil cors-options oss://fleet-exports/index.html --acr-method GET --origin '{_ORIGIN56}'", []),
        (f"ossutil cors-options --origin={_ORIGIN56} oss://fleet-exports/index.html", []),
        ("ossutil cors --method put oss://fleet-exports /etc/fleet/cors.xml", []),  # no origin is contacted
        # a bucket operand is no origin, whatever word precedes it: another account's bucket stays RES-017
        ("ossutil cors --method put --loglevel debug oss://partner-exports /etc/fleet/cors.xml", ["RES-017"]),
        ("ossutil cors --method put -f oss://partner-exports /etc/fleet/cors.xml", ["RES-017"]),
        # the same host contacted, or computed by the shell as the file is written: judged as before
        (f"ossutil cors-options oss://fleet-exports/i --origin {_ORIGIN56}\ncurl -T /tmp/x {_ORIGIN56}", ["RES-015"]),
        (f"ossutil cors-options oss://fleet-exports/i --origin {_ORIGIN56}\ncurl {_ORIGIN56}/upload", ["RES-015"]),
        (f"cat > /tmp/c.xml <<'EOF'\n{_CORS56_XML}\nEOF\nossutil cors --method put oss://fleet-exports /tmp/c.xml\n"
         f"curl -T /var/log/x {_ORIGIN56}/upload", ["RES-015"]),
        ("cat > /tmp/c.xml <<EOF\n<CORSConfiguration><CORSRule><AllowedOrigin>$(curl -s https://cfg.partner-example.com)"
         "</AllowedOrigin></CORSRule></CORSConfiguration>\nEOF\n"
         "ossutil cors --method put oss://fleet-exports /tmp/c.xml", ["RES-015"]),
        # an application's own settings file (walked by key, and scanned): no CORS command reads it
        (f"cat > /tmp/c.json <<'EOF'\n{_CORS56_JSON}\nEOF\nnode /opt/app/server.js --config /tmp/c.json",
         ["RES-015", "RES-015"]),
        (f"cat > /tmp/c.xml <<'EOF'\n{_CORS56_XML}\nEOF\nossutil cors --method get oss://fleet-exports /tmp/c.xml",
         ["RES-015"]),  # `get` saves the bucket's rules over the file: the written text is given to nothing
    ],
)  # fmt: skip
def test_cors_rules_given_to_ossutil_are_compared_not_contacted(line: str, expected: list[str]) -> None:
    known = {bucket_key("alicloud", "fleet-exports")}.__contains__
    found = RuleEngine("CN").check(_ali51_boot(line), known=known)[0]
    assert [f.rule.id for f in found] == expected


# alired56 (stop 56): ROS ALIYUN::POLARDB::DBCluster GDNId -> polardb/cluster `gdn_id` (a global group field): a GDN the
# template does not make passed every door on main 8f0aa679; the template's own (a function) passes.
_ROS56_POLARDB = {"DBType": "MySQL", "DBVersion": "8.0", "DBNodeClass": "polar.mysql.x4.large", "PayType": "Postpaid",
                  "CreationOption": "CreateGdnStandby"}  # fmt: skip
PAIRS += [
    ("RES-017", "CN", _ros("ALIYUN::POLARDB::DBCluster", **_ROS56_POLARDB, GDNId={"Fn::GetAtt": ["Gdn", "GdnId"]}),
     _ros("ALIYUN::POLARDB::DBCluster", **_ROS56_POLARDB, GDNId="gd-m5ex5wqfqbou12345"),
     "template_body(json).Resources.X.Properties.GDNId"),
]  # fmt: skip


# alired56b (stop 56): ROS ALIYUN::DTS::SynchronizationJob DestinationEndpoint.IP -> dts/synchronizationJob
# `destination_endpoint_ip`: a partner's database host passed every door in a template while the Pulumi twin was
# RES-015; the stack's own RDS instance by id passes.
_ROS56B_DTS = {"SynchronizationJobClass": "small", "SourceRegion": "cn-shanghai", "DestRegion": "cn-shanghai",
               "SourceEndpoint": {"InstanceType": "RDS", "InstanceId": "rm-fleet0001"}}  # fmt: skip
PAIRS += [
    ("RES-015", "CN",
     _ros("ALIYUN::DTS::SynchronizationJob", **_ROS56B_DTS,
          DestinationEndpoint={"InstanceType": "RDS", "InstanceId": "rm-fleetdr01", "Region": "cn-shanghai"}),
     _ros("ALIYUN::DTS::SynchronizationJob", **_ROS56B_DTS,
          DestinationEndpoint={"InstanceType": "Express", "IP": "db.fleet-partner.example.com", "Port": "3306"}),
     "template_body(json).Resources.X.Properties.DestinationEndpoint.IP"),
]  # fmt: skip


# alired56b (stop 56): a RAM role trusted by the account's own SAML identity provider holds the sign-in page's URL in
# its `saml:recipient` condition (RAM's documented trust policy): compared with the assertion's Recipient, never
# contacted by the stack (a match key). It was RES-016 (aliyun.com, the portals' edge suffix) in CN, JP and DE; the
# same URL as a CloudMonitor webhook stays refused.
def _saml_trust56b(key: str) -> str:
    return json.dumps({"Version": "1", "Statement": [{
        "Action": "sts:AssumeRole", "Effect": "Allow",
        "Principal": {"Federated": ["acs:ram::1234567890123456:saml-provider/fleet-idp"]},
        "Condition": {"StringEquals": {key: "https://signin.aliyun.com/saml-role/sso"}}}]})  # fmt: skip


@pytest.mark.parametrize("code, region", [("CN", "cn-shanghai"), ("JP", "ap-northeast-1"), ("DE", "eu-central-1")])
def test_saml_recipient_in_a_trust_policy_is_compared_not_contacted(code: str, region: str) -> None:
    home = ProviderRef("alicloud", region, region)
    role = ali("alicloud:ram/role:Role", home, role_name="sso",
               assume_role_policy_document=_saml_trust56b("saml:recipient"))  # fmt: skip
    assert RuleEngine(code).check(role)[0] == []
    hook = ali("alicloud:arms/alertRobot:AlertRobot", home, robot_type="webhook",
               robot_addr="https://signin.aliyun.com/saml-role/sso")  # fmt: skip
    assert [f.rule.id for f in RuleEngine(code).check(hook)[0]] == ["RES-016"]


# alired56b (stop 56): IAM's twin, `SAML:aud` (the endpoint URL SAML assertions are presented to) in an IAM role for
# SAML 2.0 federation, was RES-015; another SAML key holding the same URL stays judged.
@pytest.mark.parametrize(("key", "expected"), [("SAML:aud", []), ("saml:aud", []), ("SAML:sub", ["RES-015"])])
def test_saml_aud_in_an_iam_trust_policy_is_compared_not_contacted(key: str, expected: list[str]) -> None:
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRoleWithSAML",
        "Principal": {"Federated": "arn:aws:iam::123456789012:saml-provider/idp"},
        "Condition": {"StringEquals": {key: "https://signin.aws.amazon.com/saml"}}}]})  # fmt: skip
    role = Subject("aws:iam/role:Role", "r", {"assume_role_policy": trust}, ProviderRef("aws", "eu-central-1", None))
    assert [f.rule.id for f in RuleEngine("DE").check(role)[0]] == expected


# alired57 (stop 57): the ROS DTS jobs' other endpoints, judged as the Pulumi job's flat inputs (stack_templates paths):
# the old job's SourceEndpoint.IP, SynchronizationJob2's SourceEndpoint.IP / DestinationEndpoint.IP (RES-015) and its
# DestinationEndpoint.OwnerId (RES-023), MigrationJob2's DestinationEndpoint.IP (RES-015, the migration job's). Each
# passed every door before; an instance id at home passes.
_ROS57_SRC = {"InstanceType": "RDS", "InstanceId": "rm-fleet0001", "Region": "cn-shanghai"}
_ROS57_DEST = {"InstanceType": "RDS", "InstanceId": "rm-fleetdr01", "Region": "cn-shanghai"}
_ROS57_PARTNER = {"InstanceType": "OTHER", "IP": "db.fleet-partner.example.com", "Port": "3306"}
_ROS57_JOB2 = "ALIYUN::DTS::SynchronizationJob2"
PAIRS += [
    ("RES-015", "CN",
     _ros("ALIYUN::DTS::SynchronizationJob", **_ROS56B_DTS, DestinationEndpoint=_ROS57_DEST),
     _ros("ALIYUN::DTS::SynchronizationJob", **{**_ROS56B_DTS, "SourceEndpoint": _ROS57_PARTNER},
          DestinationEndpoint=_ROS57_DEST),
     "template_body(json).Resources.X.Properties.SourceEndpoint.IP"),
    ("RES-015", "CN",
     _ros(_ROS57_JOB2, DtsInstanceId="dts1", SourceEndpoint=_ROS57_SRC, DestinationEndpoint=_ROS57_DEST),
     _ros(_ROS57_JOB2, DtsInstanceId="dts1", SourceEndpoint=_ROS57_SRC, DestinationEndpoint=_ROS57_PARTNER),
     "template_body(json).Resources.X.Properties.DestinationEndpoint.IP"),
    ("RES-015", "CN",
     _ros(_ROS57_JOB2, DtsInstanceId="dts1", SourceEndpoint=_ROS57_SRC, DestinationEndpoint=_ROS57_DEST),
     _ros(_ROS57_JOB2, DtsInstanceId="dts1", SourceEndpoint=_ROS57_PARTNER, DestinationEndpoint=_ROS57_DEST),
     "template_body(json).Resources.X.Properties.SourceEndpoint.IP"),
    ("RES-023", "CN",
     _ros(_ROS57_JOB2, DtsInstanceId="dts1", SourceEndpoint=_ROS57_SRC, DestinationEndpoint=_ROS57_DEST),
     _ros(_ROS57_JOB2, DtsInstanceId="dts1", SourceEndpoint=_ROS57_SRC,
          DestinationEndpoint={**_ROS57_DEST, "OwnerId": "5555666677778888", "Role": "dts-cross"}),
     "template_body(json).Resources.X.Properties.DestinationEndpoint.OwnerId"),
    ("RES-015", "CN",
     _ros("ALIYUN::DTS::MigrationJob2", SourceEndpoint=_ROS57_SRC, DestinationEndpoint=_ROS57_DEST),
     _ros("ALIYUN::DTS::MigrationJob2", SourceEndpoint=_ROS57_SRC, DestinationEndpoint=_ROS57_PARTNER),
     "template_body(json).Resources.X.Properties.DestinationEndpoint.IP"),
]  # fmt: skip


# alired57b (stop 57): MigrationJob2's DestinationEndpoint.OwnerId (the migrated rows written into that account's
# database) is judged as the synchronisation job's `destination_endpoint_owner_id` (RES-023); it passed every door
# before. A source in another account is data coming in: unjudged (SourceEndpoint.OwnerId of either job).
# Elasticsearch's `reindex.remote.whitelist` (an instance's `setting_config`) names the remote clusters the instance
# connects to and reads from: a host key (RES-015 for a partner's; the stack's VPC address passes).
_ES57B: dict[str, Any] = {"version": "7.10_with_X-Pack", "vswitch_id": "vsw-1", "password": "P-2026-es",
                          "data_node_amount": 2}  # fmt: skip
PAIRS += [
    ("RES-023", "CN",
     _ros("ALIYUN::DTS::MigrationJob2", SourceEndpoint=_ROS57_SRC, DestinationEndpoint=_ROS57_DEST),
     _ros("ALIYUN::DTS::MigrationJob2", SourceEndpoint=_ROS57_SRC,
          DestinationEndpoint={**_ROS57_DEST, "OwnerId": "5555666677778888", "Role": "dts-cross"}),
     "template_body(json).Resources.X.Properties.DestinationEndpoint.OwnerId"),
    ("RES-015", "CN",
     ali("alicloud:elasticsearch/instance:Instance", **_ES57B,
         setting_config={"reindex.remote.whitelist": "10.20.3.17:9200"}),
     ali("alicloud:elasticsearch/instance:Instance", **_ES57B,
         setting_config={"reindex.remote.whitelist": "10.20.3.17:9200, es.partner.example.com:9200"}),
     "setting_config.reindex.remote.whitelist"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("whitelist", "expected"),
    [("10.20.3.17:9200", []), ("10.20.3.17:9200,10.20.3.18:9200", []), ("localhost:*", []),
     ("es.partner.example.com:9200", ["RES-015"]), ("10.20.3.17:9200, es.partner.example.com:9200", ["RES-015"]),
     ("es-de.example.eu:9200", ["RES-015"])],
)  # fmt: skip
def test_a_reindex_whitelist_names_the_clusters_the_instance_reads(whitelist: str, expected: list[str]) -> None:
    # alired57b (stop 57): each listed host is judged; the other settings of the map are no hosts. (A wildcard pattern,
    # `*.partner.example.com:9200` or `*:*`: alired58's test below.)
    settings = {"reindex.remote.whitelist": whitelist, "action.auto_create_index": "+.*,-*",
                "indices.fielddata.cache.size": "20%", "action.destructive_requires_name": "true"}  # fmt: skip
    es = ali("alicloud:elasticsearch/instance:Instance", **_ES57B, setting_config=settings)
    assert sorted({f.rule.id for f in RuleEngine("CN").check(es)[0]}) == expected


# alired57 (stop 57): a RAM role trusting the account's own OIDC provider compares `oidc:iss` with the token's issuer
# (RAM "Create a RAM role for a trusted IdP": "The value must be the URL of the issuer"): a match key. A GitHub Actions
# issuer was RES-015 there in CN, JP and DE; the OIDC provider's `issuer_url` (where RAM reads the issuer's keys) and
# the same URL as a webhook stay RES-015.
@pytest.mark.parametrize("code, region", [("CN", "cn-shanghai"), ("JP", "ap-northeast-1"), ("DE", "eu-central-1")])
def test_oidc_issuer_in_a_trust_policy_is_compared_not_contacted(code: str, region: str) -> None:
    home = ProviderRef("alicloud", region, region)
    issuer = "https://token.actions.githubusercontent.com"
    trust = json.dumps({"Version": "1", "Statement": [{
        "Action": "sts:AssumeRole", "Effect": "Allow",
        "Principal": {"Federated": ["acs:ram::1234567890123456:oidc-provider/github"]},
        "Condition": {"StringEquals": {"oidc:iss": issuer, "oidc:aud": "sts.aliyuncs.com"}}}]})  # fmt: skip
    role = ali("alicloud:ram/role:Role", home, role_name="ci", assume_role_policy_document=trust)
    assert RuleEngine(code).check(role)[0] == []
    provider = ali("alicloud:ims/oidcProvider:OidcProvider", home, oidc_provider_name="github", issuer_url=issuer)
    assert [f.rule.id for f in RuleEngine(code).check(provider)[0]] == ["RES-015"]
    hook = ali("alicloud:arms/alertRobot:AlertRobot", home, robot_type="webhook", robot_addr=issuer)
    assert [f.rule.id for f in RuleEngine(code).check(hook)[0]] == ["RES-015"]


# awsred55 (stop 55): template twins of newer services' destinations; each passed every door on main a7fee677 with
# another account's ARN or id: an IoT Wireless destination's SNS topic (the topic rule's `sns.target_arn`), a
# MediaConnect entitlement's subscribers (an SSM document's shared `permissions.account_ids`), an IoT FleetWise
# campaign's Timestream table and MQTT topic (a pipe's `target`).
_FLEETWISE55 = {"Name": "c", "SignalCatalogArn": "s", "TargetArn": "t",
                "CollectionScheme": {"TimeBasedCollectionScheme": {"PeriodMs": 10000}}}  # fmt: skip
_RED55_TEMPLATES: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("AWS::IoTWireless::Destination", "Expression",
     lambda a: {"Name": "d", "ExpressionType": "SnsTopic", "Expression": _sns51(a), "RoleArn": _ROLE51}),
    ("AWS::MediaConnect::FlowEntitlement", "Subscribers[0]",
     lambda a: {"FlowArn": _red49_arn("mediaconnect", "flow:1-a:f", "123456789012"), "Name": "e", "Description": "d",
                "Subscribers": [a]}),
    ("AWS::IoTFleetWise::Campaign", "DataDestinationConfigs[0].TimestreamConfig.TimestreamTableArn",
     lambda a: {**_FLEETWISE55, "DataDestinationConfigs": [{"TimestreamConfig": {
         "TimestreamTableArn": _red49_arn("timestream", "database/d/table/t", a), "ExecutionRoleArn": _ROLE51}}]}),
    ("AWS::IoTFleetWise::Campaign", "DataDestinationConfigs[0].MqttTopicConfig.MqttTopicArn",
     lambda a: {**_FLEETWISE55, "DataDestinationConfigs": [{"MqttTopicConfig": {
         "MqttTopicArn": _red49_arn("iot", "topic/vehicles", a), "ExecutionRoleArn": _ROLE51}}]}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "path", "props"), _RED55_TEMPLATES, ids=[f"{k.split('::', 1)[1]}-{p}" for k, p, _ in _RED55_TEMPLATES]
)
def test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_28(
    kind: str, path: str, props: Callable[[str], dict[str, Any]]
) -> None:
    # awsred55: the own account passes under the pinned provider, another's is RES-023 at the template's own path
    # (the Pulumi twin's judgement), and the same template in aws-cn passes (every account there is China's).
    test_a_template_names_the_receiving_account_as_its_pulumi_twin_round_23(kind, path, props)


def test_a_round_28_twin_names_its_own_resources_by_reference() -> None:
    # awsred55: under an unpinned provider the template's own topic and table by Ref / Fn::GetAtt and the stack's
    # account by Ref AWS::AccountId pass; a rule name or MQTT topic as an IoT Wireless expression names no account and
    # passes; another account's subscriber is RES-023 (the unpinned provider proves no account), and the stack's own
    # topic abroad stays one RES-004 (its Region, read as before).
    unpinned = ProviderRef("aws", "eu", "eu-central-1")
    own = {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {}},
           "Table": {"Type": "AWS::Timestream::Table", "Properties": {"DatabaseName": "d"}}}  # fmt: skip

    def check(kind: str, **props: Any) -> list[tuple[str, str]]:
        body = json.dumps({"Resources": {**own, "X": {"Type": kind, "Properties": props}}})
        findings = RuleEngine("EU").check(aws(_STACK, unpinned, template_body=body))[0]
        return [(f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties.")) for f in findings]

    wireless = "AWS::IoTWireless::Destination"
    assert check(wireless, Name="d", ExpressionType="SnsTopic", Expression={"Ref": "Topic"}, RoleArn=_ROLE51) == []
    assert check(wireless, Name="d", ExpressionType="RuleName", Expression="uplink_rule", RoleArn=_ROLE51) == []
    assert check(wireless, Name="d", ExpressionType="MqttTopic", Expression="lorawan/uplinks", RoleArn=_ROLE51) == []
    abroad = "arn:aws:sns:us-east-1:123456789012:t"
    assert check(wireless, Name="d", ExpressionType="SnsTopic", Expression=abroad, RoleArn=_ROLE51) == [
        ("RES-004", "Expression")
    ]
    entitlement = {"FlowArn": "f", "Name": "e", "Description": "d"}
    assert check("AWS::MediaConnect::FlowEntitlement", **entitlement, Subscribers=[{"Ref": "AWS::AccountId"}]) == []
    assert check("AWS::MediaConnect::FlowEntitlement", **entitlement, Subscribers=[_OTHER]) == [
        ("RES-023", "Subscribers[0]")
    ]
    table = {"TimestreamConfig": {"TimestreamTableArn": {"Fn::GetAtt": ["Table", "Arn"]}, "ExecutionRoleArn": _ROLE51}}
    assert check("AWS::IoTFleetWise::Campaign", **_FLEETWISE55, DataDestinationConfigs=[table]) == []


def test_a_template_clean_rooms_collaboration_is_judged_as_its_pulumi_twin() -> None:
    # awsred55: an AWS::CleanRooms::Collaboration's Members are the Pulumi collaboration's `members`: a member who
    # receives results (or a model's output) RES-016 as aws-cleanrooms-member-receives-results judges it, a member who
    # only contributes its tables and the creator's own abilities pass, and aws-cn accepts it. Before, it passed as
    # template text.
    def collaboration(abilities: list[str], provider: ProviderRef = _PINNED_EU) -> Subject:
        props = {"Name": "c", "Description": "d", "CreatorDisplayName": "me", "QueryLogStatus": "ENABLED",
                 "CreatorMemberAbilities": ["CAN_QUERY", "CAN_RECEIVE_RESULTS"],
                 "Members": [{"AccountId": _OTHER, "DisplayName": "p", "MemberAbilities": abilities}]}  # fmt: skip
        body = json.dumps({"Resources": {"X": {"Type": "AWS::CleanRooms::Collaboration", "Properties": props}}})
        return aws(_STACK, provider, template_body=body)

    assert RuleEngine("EU").check(collaboration([]))[0] == []
    path = "template_body(json).Resources.X.Properties.Members[0].MemberAbilities[0]"
    findings = RuleEngine("EU").check(collaboration(["CAN_RECEIVE_RESULTS"]))[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-016", path)]
    assert RuleEngine("CN").check(collaboration(["CAN_RECEIVE_RESULTS"], AWS_CN))[0] == []


@pytest.mark.parametrize(
    ("destination", "found"),
    [
        ("10.20.4.15", []),  # the team's receiver in its VPC
        ({"Fn::GetAtt": ["Recorder", "PrivateIp"]}, []),  # the template's own instance
        ("ingest.partner-broadcast.example.net", [("RES-015", "Destination")]),
        ("198.51.100.20", [("RES-015", "Destination")]),
    ],
)
def test_a_template_mediaconnect_output_address_is_judged_as_a_host(destination: Any, found: list[Any]) -> None:
    # awsred55: an AWS::MediaConnect::FlowOutput's Destination ("The IP address where you want to send the output") is
    # judged as a MediaLive channel destination's `url`: a partner's host or public address nothing places RES-015 (in
    # every jurisdiction: a host, not an account), a private address or the template's own instance passes. Before, any
    # address passed as template text.
    props = {"FlowArn": "f", "Name": "o", "Protocol": "rtp", "Port": 5004, "Destination": destination}
    body = json.dumps({"Resources": {"Recorder": {"Type": "AWS::EC2::Instance", "Properties": {}},
                                     "X": {"Type": "AWS::MediaConnect::FlowOutput", "Properties": props}}})  # fmt: skip
    for code, provider in (("EU", _PINNED_EU), ("CN", AWS_CN)):
        findings = RuleEngine(code).check(aws(_STACK, provider, template_body=body))[0]
        assert [(f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties.")) for f in findings] == (
            found
        ), code


# Through every front door (tests/test_front_doors.py): an IoT Wireless destination's topic and a MediaConnect
# entitlement's subscriber.
_RED55_PAIRED = {
    ("AWS::IoTWireless::Destination", "Expression"),
    ("AWS::MediaConnect::FlowEntitlement", "Subscribers[0]"),
}
PAIRS += [
    ("RES-023", "EU", _cfn(kind, **props("123456789012")), _cfn(kind, **props(_OTHER)),
     f"template_body(json).Resources.X.Properties.{path}")
    for kind, path, props in _RED55_TEMPLATES
    if (kind, path) in _RED55_PAIRED
]  # fmt: skip


# mutation55 (stop 55): a template (or any document input) written in YAML's flow style begins with a brace and is no
# JSON: it was read as no document (a replica abroad passed every door); it is YAML now (YAML 1.2: flow mappings;
# CloudFormation "Template formats": JSON or YAML). The same text as JSON or block YAML keeps its verdict.
def _flow55(region: str, style: str) -> Subject:
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "TableName": "orders", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "Replicas": [{"Region": region}]}}  # fmt: skip
    document = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Orders": table}}
    if style == "json":
        body = json.dumps(document)
    else:  # a flow style spread over lines (PyYAML wraps at 80), on one line, or block style
        body = yaml.safe_dump(
            document, default_flow_style=style != "block", width=10_000 if style == "one-line" else 80
        )
    return aws("aws:cloudformation/stack:Stack", _PINNED_EU, name="orders", template_body=body)


@pytest.mark.parametrize("style", ["flow", "one-line", "json", "block"])
def test_mutation55_a_flow_style_template_is_read_as_yaml(style: str) -> None:
    assert RuleEngine("EU").check(_flow55("eu-central-1", style))[0] == []
    findings, _ = RuleEngine("EU").check(_flow55("us-west-2", style))
    assert {f.rule.id for f in findings} == {"RES-009"}


def test_mutation55_a_flow_style_input_document_is_yaml() -> None:
    from components.residency.documents import input_document, load_document

    assert input_document("{region: us-west-2, retention: 7}") == {"region": "us-west-2", "retention": 7}
    assert load_document("{Resources: {A: {Type: 'AWS::SNS::Topic'}}}") == {
        "Resources": {"A": {"Type": "AWS::SNS::Topic"}}
    }
    assert input_document('{"region": "us-west-2"}') == {"region": "us-west-2"}  # JSON first, as before
    assert input_document("{not: [closed}") is None  # neither: a plain value, as before


# mutation56 (stop 56): YAML lets a document begin with comment lines, directives and `---` before its content; a
# flow-style template so written was read as no document on main 8f0aa679 (it did not begin with a brace): a replica
# abroad passed every door. A script's `#!` line is never such a preamble.
@pytest.mark.parametrize("preamble", ["# orders\n", "---\n", "%YAML 1.1\n---\n", "# a\n\n# b\n--- "])
def test_mutation56_a_flow_style_template_after_a_preamble(preamble: str) -> None:
    def stack(region: str) -> Subject:
        body = _flow55(region, "flow").props["template_body"]
        return aws("aws:cloudformation/stack:Stack", _PINNED_EU, name="orders", template_body=preamble + body)

    assert RuleEngine("EU").check(stack("eu-central-1"))[0] == []
    assert {f.rule.id for f in RuleEngine("EU").check(stack("us-west-2"))[0]} == {"RES-009"}


def test_mutation56_flow_after_preamble() -> None:
    from components.residency.documents import flow_after_preamble, input_document

    assert input_document("# settings\n{region: us-west-2, retention: 7}") == {"region": "us-west-2", "retention": 7}
    assert input_document("---\n[eu-west-1, eu-central-1]") == ["eu-west-1", "eu-central-1"]
    assert not flow_after_preamble("#!/bin/bash\n{ echo a; } > /tmp/x")  # a script's brace group
    assert not flow_after_preamble("# note\nregion: us-west-2")  # block style: read as before
    assert not flow_after_preamble("- a\n- b")


# mutation57 (stop 57): a template_services field given by `Ref` of a Parameter is judged as the value the stack gives
# it, else its Default (the reading a Region field's Ref has): an EFS replica's Region by a Parameter whose Default is
# in the jurisdiction was RES-016 on main 44bcf26a (a false alarm), one abroad RES-009 and RES-016. The stack's given
# value wins over the Default; a Parameter with neither stays unproven (RES-011 as a Region, RES-016 as before).
def _efs57(parameter: dict[str, Any], **stack: Any) -> Subject:
    files = {"Type": "AWS::EFS::FileSystem", "Properties": {
        "ReplicationConfiguration": {"Destinations": [{"Region": {"Ref": "ReplicaRegion"}}]}}}  # fmt: skip
    body = json.dumps({"Parameters": {"ReplicaRegion": {"Type": "String", **parameter}}, "Resources": {"X": files}})
    return aws(_STACK, _PINNED_EU, template_body=body, **stack)


@pytest.mark.parametrize(
    ("parameter", "stack", "expected"),
    [
        ({"Default": "eu-west-1"}, {}, set()),
        ({"Default": "us-east-1"}, {}, {"RES-009"}),
        ({"Default": "eu-west-1"}, {"parameters": {"ReplicaRegion": "us-east-1"}}, {"RES-009"}),
        ({"Default": "us-east-1"}, {"parameters": {"ReplicaRegion": "eu-west-1"}}, set()),
        ({}, {}, {"RES-011", "RES-016"}),  # unproven, as before
    ],
)
def test_mutation57_template_service_parameter_default(
    parameter: dict[str, Any], stack: dict[str, Any], expected: set[str]
) -> None:
    assert {f.rule.id for f in RuleEngine("EU").check(_efs57(parameter, **stack))[0]} == expected


# alired58 (stop 58): three ROS twins round 33 left unmapped, each judged at its Pulumi input's path: a GTM address
# pool's `Addr[].Addr` (dns/addressPool `addresses.address`), an OSS website routing rule's `Redirect.HostName`
# (oss/bucketWebsite), a cloud-native API Gateway service's `Addresses` (apig/service). A partner's host passed every
# door in each before; the region's OSS host and the VPC's address pass.
_POOL58 = {"InstanceId": "gtm-1", "Name": "web", "LbaStrategy": "RATIO", "Type": "DOMAIN"}


def _site58(host: str) -> dict[str, Any]:
    redirect = {"RedirectType": "External", "HostName": host, "Protocol": "https"}
    return {"IndexDocument": {"Suffix": "index.html"},
            "RoutingRules": [{"RuleNumber": 1, "Condition": {"HttpErrorCodeReturnedEquals": "404"},
                              "Redirect": redirect}]}  # fmt: skip


PAIRS += [
    ("RES-015", "CN",
     _ros("ALIYUN::DNS::AddressPool", **_POOL58, Addr=[{"Addr": "site.oss-cn-shanghai.aliyuncs.com", "Mode": "SMART"}]),
     _ros("ALIYUN::DNS::AddressPool", **_POOL58, Addr=[{"Addr": "www.partner.example.com", "Mode": "SMART"}]),
     "template_body(json).Resources.X.Properties.Addr[0].Addr"),
    ("RES-015", "CN",
     _ros("ALIYUN::OSS::Website", BucketName="site", WebsiteConfiguration=_site58("old.oss-cn-shanghai.aliyuncs.com")),
     _ros("ALIYUN::OSS::Website", BucketName="site", WebsiteConfiguration=_site58("www.partner.example.com")),
     "template_body(json).Resources.X.Properties.WebsiteConfiguration.RoutingRules[0].Redirect.HostName"),
    ("RES-015", "CN",
     _ros("ALIYUN::APIG::Service", GatewayId="gw-1", ServiceName="s", SourceType="DNS", Addresses=["10.20.3.17:8080"]),
     _ros("ALIYUN::APIG::Service", GatewayId="gw-1", ServiceName="s", SourceType="DNS",
          Addresses=["api.partner.example.com:443"]),
     "template_body(json).Resources.X.Properties.Addresses[0]"),
]  # fmt: skip


# alired58 (stop 58): a reindex whitelist takes host patterns ("127.0.10.*:9200, localhost:*", Elastic's "Reindex from
# remote"), each naming every host it matches (`host_pattern_keys`): wildcards in the leading labels only name hosts
# under the fixed domain (RES-015 for a partner's, declared by the domain's `*.` match); an IPv4 pattern inside one
# private range passes; any other pattern (`*:*`, a public block, a wildcard after a fixed label) is unproven. Each
# refused one passed every door before (tests/platform_programs_alired58.py).
@pytest.mark.parametrize(
    ("whitelist", "expected"),
    [("*.partner.example.com:9200", ["RES-015"]), ("es-*.partner.example.com:*", ["RES-015"]),
     ("*:*", ["RES-015"]), ("*", ["RES-015"]), ("47.100.*.*:9200", ["RES-015"]), ("10.*:9200", []),
     ("10.20.*.*:9200", []), ("127.0.10.*:9200", []), ("192.168.*.*:9200", []), ("172.*.*.*:9200", ["RES-015"]),
     ("es.*.example.com:9200", ["RES-015"]), ("10.20.3.17:9200,*.partner.example.com:9200", ["RES-015"]),
     ("localhost:*,10.20.*.*:9200", []), ("*.elasticsearch.aliyuncs.com:9200", ["RES-015"])],
)  # fmt: skip
def test_alired58_a_reindex_whitelist_pattern_names_every_host_it_matches(whitelist: str, expected: list[str]) -> None:
    es = ali("alicloud:elasticsearch/instance:Instance", **_ES57B,
             setting_config={"reindex.remote.whitelist": whitelist})  # fmt: skip
    assert sorted({f.rule.id for f in RuleEngine("CN").check(es)[0]}) == expected


# mutation58b (stop 58): a fixed host with any port (`host:*`, Elastic's "localhost:*") is that host: a partner's (a
# name, a public IPv4 or IPv6 address) is RES-015 (each passed every door on main: `host:*` was no host shape), the
# VPC's address, a private IPv6 address and loopback pass, and a declared partner is declared by its host.
@pytest.mark.parametrize(
    ("whitelist", "expected"),
    [("es.partner.example.com:*", ["RES-015"]), ("[2001:db8::5]:*", ["RES-015"]), ("203.0.113.10:*", ["RES-015"]),
     ("10.20.3.17:*, es.partner.example.com:*", ["RES-015"]), ("10.20.3.17:*", []), ("[fd00::5]:*", []),
     ("[::1]:*", []), ("localhost:*", []), ("[2001:db8::5]:9200", ["RES-015"]), ("[fd00::5]:9200", [])],
)  # fmt: skip
def test_mutation58b_a_whitelisted_host_with_any_port_is_that_host(whitelist: str, expected: list[str]) -> None:
    es = ali("alicloud:elasticsearch/instance:Instance", **_ES57B,
             setting_config={"reindex.remote.whitelist": whitelist})  # fmt: skip
    assert sorted({f.rule.id for f in RuleEngine("CN").check(es)[0]}) == expected
    partner = parse_destinations([{"id": "p", "kind": "resident", "match": "es.partner.example.com", "evidence": "e"}])
    if whitelist == "es.partner.example.com:*":
        findings = RuleEngine("CN", destinations=partner).check(es)[0]
        assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-015", "p")]


def test_alired58_a_domain_pattern_is_declared_by_the_domains_wildcard() -> None:
    es = ali("alicloud:elasticsearch/instance:Instance", **_ES57B,
             setting_config={"reindex.remote.whitelist": "*.partner.example.com:9200"})  # fmt: skip
    partner = parse_destinations([{"id": "p", "kind": "resident", "match": "*.partner.example.com", "evidence": "e"}])
    findings = RuleEngine("CN", destinations=partner).check(es)[0]
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-015", "p")]
    # A pattern of no domain is not declared by one: its hosts are anywhere.
    es = ali("alicloud:elasticsearch/instance:Instance", **_ES57B,
             setting_config={"reindex.remote.whitelist": "*:9200"})  # fmt: skip
    findings = RuleEngine("CN", destinations=partner).check(es)[0]
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-015", None)]


# alired59 (stop 59): a ROS PrivateZone forwarding rule's ForwardIp [{Ip, Port}] is judged as pvtz/rule `forward_ips`
# (the resolvers every query for ZoneName goes to): a partner's public resolver passed every door in a template while
# the Pulumi rule was RES-015; the VPC's or on-premises resolver's private address passes in both.
_PVTZ59 = {"EndpointId": "hr-1", "RuleName": "partner-zone", "Type": "OUTBOUND", "ZoneName": "partner.example.com"}
PAIRS += [
    ("RES-015", "CN",
     _ros("ALIYUN::PVTZ::Rule", **_PVTZ59, ForwardIp=[{"Ip": "10.20.0.53", "Port": 53}]),
     _ros("ALIYUN::PVTZ::Rule", **_PVTZ59, ForwardIp=[{"Ip": "203.0.113.53", "Port": 53}]),
     "template_body(json).Resources.X.Properties.ForwardIp[0].Ip"),
]  # fmt: skip


def test_alired59_a_ros_forwarding_rule_is_judged_as_its_pulumi_twin() -> None:
    """The same resolver gives the same verdict in Pulumi and in ROS, and a declaration covers both."""
    partner = parse_destinations([{"id": "p", "kind": "resident", "match": "203.0.113.53", "evidence": "e"}])
    for ip, expected in (("203.0.113.53", ["RES-015"]), ("10.20.0.53", []), ("192.168.10.53", [])):
        pulumi_rule = ali("alicloud:pvtz/rule:Rule", endpoint_id="hr-1", rule_name="r", type="OUTBOUND",
                          zone_name="partner.example.com", forward_ips=[{"ip": ip, "port": 53}])  # fmt: skip
        ros_rule = _ros("ALIYUN::PVTZ::Rule", **_PVTZ59, ForwardIp=[{"Ip": ip, "Port": 53}])
        for subject in (pulumi_rule, ros_rule):
            assert [f.rule.id for f in RuleEngine("CN").check(subject)[0]] == expected
            declared = RuleEngine("CN", destinations=partner).check(subject)[0]
            assert [(f.rule.id, f.declared_by) for f in declared] == [(r, "p") for r in expected]


# fnros59 (stop 59): a template Parameter's Ref at a host field is the value the stack gives it, else its Default, as
# the same Parameter inside an Fn::Sub text is (ROS / CloudFormation "Parameters", Default: the value used when none
# is given at creation); before, `DB_HOST: !Ref DbHost` of a private address Default was RES-015 while `!Sub
# ${DbHost}` passed. A Parameter Store typed Parameter's Default (or given value) is the stored parameter's name, not
# the host: unproven both ways (its Fn::Sub passed every door before, the name read as the host).
_FNROS59_SSM = {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/orders/db-host"}


@pytest.mark.parametrize("form", [{"Ref": "DbHost"}, {"Fn::Sub": "${DbHost}"}, {"Fn::Sub": "${DbHost}:5432"}])
@pytest.mark.parametrize(
    ("parameter", "expected"),
    [({"Type": "String", "Default": "10.1.2.3"}, []), ({"Type": "String", "Default": "192.168.20.15"}, []),
     ({"Type": "String", "Default": "db.partner.example.com"}, ["RES-015"]), ({"Type": "String"}, ["RES-015"]),
     (_FNROS59_SSM, ["RES-015"]), ({**_FNROS59_SSM, "Default": "db-host"}, ["RES-015"]),
     ({"Type": "AWS::SSM::Parameter::Value<String>"}, ["RES-015"])],
)  # fmt: skip
def test_fnros59_a_parameter_s_ref_and_its_sub_are_judged_alike(
    form: dict[str, Any], parameter: dict[str, Any], expected: list[str]
) -> None:
    subject = _fn_env({"DB_HOST": form}, Parameters={"DbHost": parameter})
    assert sorted({f.rule.id for f in RuleEngine("EU").check(subject)[0]}) == expected


@pytest.mark.parametrize("form", [{"Ref": "H"}, {"Fn::Sub": "${H}"}])
@pytest.mark.parametrize(
    ("parameter", "expected"),
    [({"Type": "String", "Default": "192.168.20.15"}, []),
     ({"Type": "String", "Default": "db.partner.example.com"}, ["RES-015"]),
     ({"Type": "ALIYUN::OOS::Parameter::Value", "Default": "orders-db-host"}, ["RES-015"]),
     ({"Type": "ALIYUN::OOS::SecretParameter::Value", "Default": "orders-db-host"}, ["RES-015"])],
)  # fmt: skip
def test_fnros59_a_ros_parameter_s_ref_and_its_sub_are_judged_alike(
    form: dict[str, Any], parameter: dict[str, Any], expected: list[str]
) -> None:
    target = {"InstanceType": "OTHER", "EngineName": "MYSQL", "IP": form, "Port": "3306"}
    job = {"Type": "ALIYUN::DTS::MigrationJob2", "Properties": {"DtsJobName": "m", "DestinationEndpoint": target}}
    template = {"ROSTemplateFormatVersion": "2015-09-01", "Parameters": {"H": parameter}, "Resources": {"X": job}}
    subject = ali(_ROS_STACK, template_body=json.dumps(template))
    assert sorted({f.rule.id for f in RuleEngine("CN").check(subject)[0]}) == expected


def test_fnros59_a_given_parameter_store_name_is_no_value() -> None:
    # The stack gives the Parameter Store name (`parameters`): still the stored value, not the name, at the host.
    template = {"Parameters": {"DbHost": {"Type": "AWS::SSM::Parameter::Value<String>"}},
                "Resources": {"X": {"Type": "AWS::Lambda::Function", "Properties": {
                    "Environment": {"Variables": {"DB_HOST": {"Ref": "DbHost"}}}}}}}  # fmt: skip
    for values in ({"DbHost": "/orders/db-host"}, {"DbHost": "10.1.2.3"}):
        subject = aws(_STACK, _PINNED_EU, template_body=json.dumps(template), parameters=values)
        assert {f.rule.id for f in RuleEngine("EU").check(subject)[0]} == {"RES-015"}


@pytest.mark.parametrize("form", [{"Ref": "R"}, {"Fn::Sub": "${R}"}])
@pytest.mark.parametrize(("kind", "expected"), [("String", []), ("ALIYUN::OOS::Parameter::Value", ["RES-011"])])
def test_fnros59_a_parameter_store_region_is_unknown(form: dict[str, Any], kind: str, expected: list[str]) -> None:
    # A region field of a Parameter Store typed Parameter: its Default names the stored parameter (passed on main).
    subject = _ros_copy(form, Parameters={"R": {"Type": kind, "Default": "cn-beijing"}})
    assert sorted({f.rule.id for f in RuleEngine("CN").check(subject)[0]}) == expected


# fnros59 (stop 59): a CloudFormation dynamic reference at a host, bucket or region field is fetched at deployment
# (RES-015 / RES-017 / RES-011; passed as text before); at any other field (a password, a token) it is no destination.
@pytest.mark.parametrize(
    ("variables", "expected"),
    [({"DB_HOST": "{{resolve:ssm:/orders/db-host}}"}, ["RES-015"]),
     ({"DB_HOST": "{{resolve:ssm:/orders/db-host:3}}"}, ["RES-015"]),
     ({"DB_HOST": {"Fn::Sub": "{{resolve:secretsmanager:db:SecretString:host}}"}}, ["RES-015"]),
     ({"ARCHIVE_BUCKET": "{{resolve:ssm:/orders/archive-bucket}}"}, ["RES-017"]),
     ({"DB_HOST": "10.1.2.3", "DB_PASSWORD": "{{resolve:secretsmanager:db:SecretString:password}}"}, []),
     ({"DB_HOST": "10.1.2.3", "TOKEN": "{{resolve:ssm-secure:/orders/token}}"}, []),
     ({"DB_HOST": "{{resolve:ssm}}"}, [])],
)  # fmt: skip
def test_fnros59_a_dynamic_reference_at_a_destination_is_unknown(
    variables: dict[str, Any], expected: list[str]
) -> None:
    assert sorted({f.rule.id for f in RuleEngine("EU").check(_fn_env(variables))[0]}) == expected


@pytest.mark.parametrize(("region", "expected"), [("{{resolve:ssm:/orders/replica-region}}", ["RES-011"]),
                                                  ("eu-central-1", [])])  # fmt: skip
def test_fnros59_a_dynamic_reference_at_a_region_field_is_unknown(region: str, expected: list[str]) -> None:
    # A global table's replica Region from Parameter Store (passed every door on main).
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {"Replicas": [{"Region": region}]}}
    findings = RuleEngine("EU").check(_cfn_stack(_PINNED_EU, {"X": table}))[0]
    assert sorted({f.rule.id for f in findings}) == expected


# alired60 (stop 60): ROS twins of Pulumi types whose catalogue entries name a written account, an OSS bucket, a
# network joined or a phone number (stack_templates `resources`): each offending template passed every door while its
# Pulumi twin was refused; now both give the same rule at the template's path, and the compliant twin (the stack's own
# account, the template's own bucket or CEN, a number with the country code) passes. A CPFS data flow's bucket, RES-017
# in a template before, passes as the Pulumi twin does (same_region_buckets).
def _ros60(resources: dict[str, Any], provider: ProviderRef = _ALI_PINNED_CN) -> Subject:
    template = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources}
    return ali(_ROS_STACK, provider, template_body=json.dumps(template))


_OWN_BUCKET60 = {"Archive": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-archive"}}}
_OWN_CEN60 = {"Network": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "fleet"}}}
_CR_SYNC60 = {"InstanceId": "cri-1", "NamespaceName": "n", "SyncRuleName": "s", "TargetInstanceId": "cri-2",
              "TargetNamespaceName": "n", "TargetRegionId": "cn-shanghai"}  # fmt: skip
_SINK60 = {"Name": "s", "Project": "p2", "Logstore": "l", "Endpoint": "cn-shanghai-intranet.log.aliyuncs.com"}
_EXPORT_SINK60 = {"Endpoint": "https://oss-cn-shanghai-internal.aliyuncs.com", "ContentType": "json", "Prefix": "t/"}
_ALERT60 = {"Name": "a", "DisplayName": "a", "Schedule": {"Type": "FixedRate", "Interval": "5m"}}
_GET_BUCKET60 = {"Fn::GetAtt": ["Archive", "Name"]}


def _own_role60(uid: str) -> str:
    return f"acs:ram::{uid}:role/aliyunlogdefaultrole"


# (kind, (compliant properties, extra compliant resources), offending properties, the offending path below
# Properties, its rule)
_TWINS60: list[tuple[str, tuple[dict[str, Any], dict[str, Any]], dict[str, Any], str, str]] = [
    ("ALIYUN::CR::RepoSyncRule", ({**_CR_SYNC60, "TargetUserId": _ALI_OWN}, {}),
     {**_CR_SYNC60, "TargetUserId": _ALI_OTHER}, "TargetUserId", "RES-023"),
    ("ALIYUN::CR::InstanceV2", ({"InstanceName": "r", "CustomOssBucket": _GET_BUCKET60}, _OWN_BUCKET60),
     {"InstanceName": "r", "CustomOssBucket": "partner-images"}, "CustomOssBucket", "RES-017"),
    ("ALIYUN::SLS::EtlV2",
     ({"Project": "p", "Name": "e", "Configuration": {"Sinks": [{**_SINK60, "RoleArn": _own_role60(_ALI_OWN)}]}}, {}),
     {"Project": "p", "Name": "e", "Configuration": {"Sinks": [{**_SINK60, "RoleArn": _own_role60(_ALI_OTHER)}]}},
     "Configuration.Sinks[0].RoleArn", "RES-023"),
    ("ALIYUN::SLS::OssExport",
     ({"ProjectName": "p", "Configuration": {"Logstore": "l", "Sink": {
         **_EXPORT_SINK60, "Bucket": _GET_BUCKET60, "RoleArn": _own_role60(_ALI_OWN)}}}, _OWN_BUCKET60),
     {"ProjectName": "p", "Configuration": {"Logstore": "l", "Sink": {
         **_EXPORT_SINK60, "Bucket": _GET_BUCKET60, "RoleArn": _own_role60(_ALI_OTHER)}}},
     "Configuration.Sink.RoleArn", "RES-023"),
    ("ALIYUN::SLS::OssExport",
     ({"ProjectName": "p", "Configuration": {"Logstore": "l", "Sink": {
         **_EXPORT_SINK60, "Bucket": _GET_BUCKET60, "RoleArn": _own_role60(_ALI_OWN)}}}, _OWN_BUCKET60),
     {"ProjectName": "p", "Configuration": {"Logstore": "l", "Sink": {
         **_EXPORT_SINK60, "Bucket": "partner-archive", "RoleArn": _own_role60(_ALI_OWN)}}},
     "Configuration.Sink.Bucket", "RES-017"),
    ("ALIYUN::SLS::Alert",
     ({"Project": "p", "Detail": {**_ALERT60, "Configuration": {"NotificationList": [
         {"Type": "SMS", "MobileList": ["+8613800138000"], "Content": "x"}]}}}, {}),
     {"Project": "p", "Detail": {**_ALERT60, "Configuration": {"NotificationList": [
         {"Type": "SMS", "MobileList": ["13800138000"], "Content": "x"}]}}},
     "Detail.Configuration.NotificationList[0].MobileList[0]", "RES-022"),
    ("ALIYUN::FC3::Function",
     ({"FunctionName": "f", "OssMountConfig": {"MountPoints": [{"BucketName": _GET_BUCKET60, "MountDir": "/m"}]}},
      _OWN_BUCKET60),
     {"FunctionName": "f", "OssMountConfig": {"MountPoints": [{"BucketName": "partner-archive", "MountDir": "/m"}]}},
     "OssMountConfig.MountPoints[0].BucketName", "RES-017"),
    ("ALIYUN::SAE::Application",
     ({"AppName": "a", "OssMountDescs": [{"bucketName": _GET_BUCKET60, "mountPath": "/m"}]}, _OWN_BUCKET60),
     {"AppName": "a", "OssMountDescs": [{"bucketName": "partner-archive", "mountPath": "/m"}]},
     "OssMountDescs[0].bucketName", "RES-017"),
    ("ALIYUN::CEN::TransitRouter", ({"CenId": {"Ref": "Network"}}, _OWN_CEN60), {"CenId": "cen-partner0001"},
     "CenId", "RES-017"),
    ("ALIYUN::CEN::TransitRouterGrantAttachment",
     ({"CenId": {"Ref": "Network"}, "CenOwnerId": _ALI_OWN, "InstanceId": "vpc-1", "InstanceType": "VPC"},
      _OWN_CEN60),
     {"CenId": {"Ref": "Network"}, "CenOwnerId": _ALI_OTHER, "InstanceId": "vpc-1", "InstanceType": "VPC"},
     "CenOwnerId", "RES-023"),
    ("ALIYUN::DTS::JobMonitorRule", ({"DtsJobId": "j", "Type": "delay", "Phones": ["+8613800138000"]}, {}),
     {"DtsJobId": "j", "Type": "delay", "Phones": ["+8613800138000", "13800138000"]}, "Phones[1]", "RES-022"),
    ("ALIYUN::ResourceManager::DeliveryChannel",
     ({"DeliveryChannelName": "d", "ResourceChangeDelivery": {
         "TargetArn": f"acs:log:cn-shanghai:{_ALI_OWN}:project/p/logstore/l"}}, {}),
     {"DeliveryChannelName": "d", "ResourceChangeDelivery": {
         "TargetArn": f"acs:log:cn-shanghai:{_ALI_OTHER}:project/p/logstore/l"}},
     "ResourceChangeDelivery.TargetArn", "RES-023"),
    ("ALIYUN::ResourceManager::SharedTarget", ({"ResourceShareId": "rs-1", "TargetId": _ALI_OWN}, {}),
     {"ResourceShareId": "rs-1", "TargetId": _ALI_OTHER}, "TargetId", "RES-023"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "compliant", "offending", "where", "rule"), _TWINS60, ids=[f"{t[0]}-{t[3]}" for t in _TWINS60]
)
def test_alired60_a_ros_twin_is_judged_as_its_pulumi_type(
    kind: str, compliant: tuple[dict[str, Any], dict[str, Any]], offending: dict[str, Any], where: str, rule: str
) -> None:
    props, extra = compliant
    engine = RuleEngine("CN")
    assert engine.check(_ros60({**extra, "X": {"Type": kind, "Properties": props}}))[0] == []
    found = engine.check(_ros60({**extra, "X": {"Type": kind, "Properties": offending}}))[0]
    assert [(f.rule.id, f.path) for f in found] == [(rule, f"template_body(json).Resources.X.Properties.{where}")]


def test_alired60_the_ros_and_pulumi_twins_agree() -> None:
    """The same partner account, bucket or number in the ROS type and its Pulumi twin: one verdict, declarable alike."""
    other = f"acs:ram::{_ALI_OTHER}:"
    pairs = [
        (_ros60({"X": {"Type": "ALIYUN::CR::RepoSyncRule", "Properties": {**_CR_SYNC60, "TargetUserId": _ALI_OTHER}}}),
         ali("alicloud:cs/registryEnterpriseSyncRule:RegistryEnterpriseSyncRule", _ALI_PINNED_CN,
             **{_snake_key(k): v for k, v in _CR_SYNC60.items()}, target_user_id=_ALI_OTHER), "RES-023", other),
        (_ros60({"X": {"Type": "ALIYUN::ResourceManager::SharedTarget",
                       "Properties": {"ResourceShareId": "rs-1", "TargetId": _ALI_OTHER}}}),
         ali(_SHARED_TARGET, _ALI_PINNED_CN, resource_share_id="rs-1", target_id=_ALI_OTHER), "RES-023", other),
        (_ros60({"X": {"Type": "ALIYUN::DTS::JobMonitorRule",
                       "Properties": {"DtsJobId": "j", "Type": "delay", "Phones": ["13800138000"]}}}),
         ali("alicloud:dts/jobMonitorRule:JobMonitorRule", _ALI_PINNED_CN, dts_job_id="j", type="delay",
             phone="13800138000"), "RES-022", "13800138000"),
    ]  # fmt: skip
    for ros_subject, pulumi_subject, rule, match in pairs:
        declared = parse_destinations([{"id": "p", "kind": "resident", "match": match, "evidence": "e"}])
        for subject in (ros_subject, pulumi_subject):
            assert [f.rule.id for f in RuleEngine("CN").check(subject)[0]] == [rule]
            assert [(f.rule.id, f.declared_by) for f in RuleEngine("CN", destinations=declared).check(subject)[0]] == [
                (rule, "p")
            ]


def _snake_key(key: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


@pytest.mark.parametrize("bucket", ["fleet-training-data", "partner-training-data"])
def test_alired60_a_ros_data_flow_s_bucket_is_in_its_region_as_in_pulumi(bucket: str) -> None:
    """CreateDataFlow refuses an OSS bucket outside the file system's Region (same_region_buckets): the template's
    ``SourceStorage`` passes as the Pulumi ``source_storage`` does (RES-017 in a template before)."""
    props = {"FileSystemId": "cpfs-1", "FsetId": "fset-1", "SourceStorage": f"oss://{bucket}", "Throughput": 600}
    assert RuleEngine("CN").check(_ros60({"X": {"Type": "ALIYUN::NAS::DataFlow", "Properties": props}}))[0] == []
    twin = ali("alicloud:nas/dataFlow:DataFlow", _ALI_PINNED_CN, file_system_id="cpfs-1", fset_id="fset-1",
               source_storage=f"oss://{bucket}", throughput=600)  # fmt: skip
    assert RuleEngine("CN").check(twin)[0] == []


# alired61 (stop 61): four more ROS twins of Pulumi types naming another account or its network (stack_templates
# `resources`): each offending template passed every door while its Pulumi twin was RES-023; now both give the same rule
# at the template's path, and the compliant twin (the stack's own account, the template's own CEN) passes.
_ROUTER61 = {"RouterId": "vrt-1", "RouterType": "VRouter", "Role": "InitiatingSide", "Spec": "Large.2",
             "OppositeRegionId": "cn-shanghai", "OppositeRouterId": "vrt-2",
             "OppositeRouterType": "VRouter"}  # fmt: skip
_BINDING61 = {"RouterInterfaceId": "ri-1", "OppositeInterfaceId": "ri-2", "OppositeRouterId": "vrt-2"}
_FILTER61 = {"AccountScopes": ["fd-1"], "ResourceTypes": ["ACS::ECS::Instance"]}


def _delivery61(uid: str, block: str = "ResourceChangeDelivery") -> dict[str, Any]:
    return {"MultiAccountDeliveryChannelName": "m", "DeliveryChannelDescription": "d",
            "DeliveryChannelFilter": _FILTER61,
            block: {"TargetArn": f"acs:log:cn-shanghai:{uid}:project/p/logstore/l"}}  # fmt: skip


# (kind, (compliant properties, extra compliant resources), offending properties, the offending path below Properties)
_TWINS61: list[tuple[str, tuple[dict[str, Any], dict[str, Any]], dict[str, Any], str]] = [
    ("ALIYUN::ResourceManager::MultiAccountDeliveryChannel", (_delivery61(_ALI_OWN), {}), _delivery61(_ALI_OTHER),
     "ResourceChangeDelivery.TargetArn"),
    ("ALIYUN::ResourceManager::MultiAccountDeliveryChannel",
     (_delivery61(_ALI_OWN, "ResourceSnapshotDelivery"), {}), _delivery61(_ALI_OTHER, "ResourceSnapshotDelivery"),
     "ResourceSnapshotDelivery.TargetArn"),
    ("ALIYUN::VPC::RouterInterface", ({**_ROUTER61, "OppositeInterfaceOwnerId": _ALI_OWN}, {}),
     {**_ROUTER61, "OppositeInterfaceOwnerId": _ALI_OTHER}, "OppositeInterfaceOwnerId"),
    ("ALIYUN::VPC::PeeringRouterInterfaceBinding", ({**_BINDING61, "OppositeInterfaceOwnerId": _ALI_OWN}, {}),
     {**_BINDING61, "OppositeInterfaceOwnerId": _ALI_OTHER}, "OppositeInterfaceOwnerId"),
    # CenOwnerId is an Integer in ROS (the page's Parameter is a Number): judged as the account it names.
    ("ALIYUN::VPC::GrantInstanceToCen",
     ({"InstanceId": "vpc-1", "InstanceType": "VPC", "CenId": {"Ref": "Network"}, "CenOwnerId": int(_ALI_OWN)},
      _OWN_CEN60),
     {"InstanceId": "vpc-1", "InstanceType": "VPC", "CenId": {"Ref": "Network"}, "CenOwnerId": int(_ALI_OTHER)},
     "CenOwnerId"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "compliant", "offending", "where"), _TWINS61, ids=[f"{t[0]}-{t[3]}" for t in _TWINS61]
)
def test_alired61_a_ros_twin_is_judged_as_its_pulumi_type(
    kind: str, compliant: tuple[dict[str, Any], dict[str, Any]], offending: dict[str, Any], where: str
) -> None:
    props, extra = compliant
    engine = RuleEngine("CN")
    assert engine.check(_ros60({**extra, "X": {"Type": kind, "Properties": props}}))[0] == []
    found = engine.check(_ros60({**extra, "X": {"Type": kind, "Properties": offending}}))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-023", f"template_body(json).Resources.X.Properties.{where}")]


def test_alired61_a_ros_grant_to_a_partner_s_cen_is_refused_as_in_pulumi() -> None:
    """``ALIYUN::VPC::GrantInstanceToCen`` naming a partner's CEN and its owner: RES-017 for the CEN (a global group
    the template does not make) and RES-023 for the account, as ``cen.InstanceGrant``; both pass once declared."""
    cen = "cen-partner0hub0001"
    ros = _ros60({"X": {"Type": "ALIYUN::VPC::GrantInstanceToCen", "Properties": {
        "InstanceId": "vpc-1", "InstanceType": "VPC", "CenId": cen, "CenOwnerId": int(_ALI_OTHER)}}})  # fmt: skip
    twin = ali("alicloud:cen/instanceGrant:InstanceGrant", _ALI_PINNED_CN, cen_id=cen, child_instance_id="vpc-1",
               cen_owner_id=_ALI_OTHER)  # fmt: skip
    declared = parse_destinations([
        {"id": "hub", "kind": "resident", "match": cen, "evidence": "e"},
        {"id": "group", "kind": "resident", "match": f"acs:ram::{_ALI_OTHER}:", "evidence": "e"},
    ])  # fmt: skip
    for subject, paths in ((ros, ("Resources.X.Properties.CenId", "Resources.X.Properties.CenOwnerId")),
                           (twin, ("cen_id", "cen_owner_id"))):  # fmt: skip
        found = RuleEngine("CN").check(subject)[0]
        assert sorted((f.rule.id, f.path.removeprefix("template_body(json).")) for f in found) == [
            ("RES-017", paths[0]),
            ("RES-023", paths[1]),
        ]
        assert all(f.declared_by for f in RuleEngine("CN", destinations=declared).check(subject)[0])


def test_alired61_the_ros_and_pulumi_twins_agree() -> None:
    """The same partner account in the ROS type and its Pulumi twin: one verdict, declarable alike."""
    router = {**_ROUTER61, "OppositeInterfaceOwnerId": _ALI_OTHER}
    target = f"acs:log:cn-shanghai:{_ALI_OTHER}:project/p/logstore/l"
    pairs = [
        (_ros60({"X": {"Type": "ALIYUN::VPC::RouterInterface", "Properties": router}}),
         ali("alicloud:expressconnect/routerInterface:RouterInterface", _ALI_PINNED_CN,
             **{_snake_key(k): v for k, v in router.items()})),
        (_ros60({"X": {"Type": "ALIYUN::VPC::PeeringRouterInterfaceBinding",
                       "Properties": {**_BINDING61, "OppositeInterfaceOwnerId": _ALI_OTHER}}}),
         ali("alicloud:vpc/routerInterfaceConnection:RouterInterfaceConnection", _ALI_PINNED_CN, interface_id="ri-1",
             opposite_interface_id="ri-2", opposite_interface_owner_id=_ALI_OTHER)),
        (_ros60({"X": {"Type": "ALIYUN::ResourceManager::MultiAccountDeliveryChannel",
                       "Properties": _delivery61(_ALI_OTHER)}}),
         ali("alicloud:resourcemanager/multiAccountDeliveryChannel:MultiAccountDeliveryChannel", _ALI_PINNED_CN,
             multi_account_delivery_channel_name="m", resource_change_delivery={"target_arn": target})),
    ]  # fmt: skip
    group = {"id": "p", "kind": "resident", "match": f"acs:ram::{_ALI_OTHER}:", "evidence": "e"}
    declared = parse_destinations([group])
    for ros_subject, pulumi_subject in pairs:
        for subject in (ros_subject, pulumi_subject):
            assert [f.rule.id for f in RuleEngine("CN").check(subject)[0]] == ["RES-023"]
            assert [(f.rule.id, f.declared_by) for f in RuleEngine("CN", destinations=declared).check(subject)[0]] == [
                ("RES-023", "p")
            ]


# alired61 (stop 61): an SLS RDS external store's Host given by the template's own ALIYUN::RDS::DBInstance (Fn::GetAtt
# or Fn::Sub of a catalogued attribute, template_attributes) is the template's own database (RES-015 before); a
# hand-written RDS endpoint (its name carries no Region), a partner's host, another attribute or another template's
# instance stay refused (its Region abroad, RES-009, is pinned by the table's rows).
_DB61 = {"Db": {"Type": "ALIYUN::RDS::DBInstance", "Properties": {"Engine": "MySQL", "EngineVersion": "8.0"}}}


def _rds_store61(host: Any, extra: dict[str, Any] | None = None) -> Subject:
    store = {"Project": "p", "ExternalStoreName": "e", "StoreType": "rds-vpc", "Host": host, "Port": 3306,
             "Username": "u", "Password": "x", "Db": "d", "Table": "t", "VpcId": "vpc-1",
             "Region": "cn-hangzhou"}  # fmt: skip
    return _ros60({**(extra or {}), "X": {"Type": "ALIYUN::SLS::RdsExternalStore", "Properties": store}})


@pytest.mark.parametrize(
    ("host", "extra", "expected"),
    [({"Fn::GetAtt": ["Db", "InnerConnectionString"]}, _DB61, []),
     ({"Fn::GetAtt": ["Db", "PublicConnectionString"]}, _DB61, []),
     ({"Fn::GetAtt": ["Db", "InnerIPAddress"]}, _DB61, []),
     ({"Fn::Sub": "${Db.InnerConnectionString}"}, _DB61, []),
     ("10.20.1.30", None, []),
     ({"Fn::GetAtt": ["Db", "DBInstanceId"]}, _DB61, ["RES-015"]),
     ({"Fn::GetAtt": ["Other", "InnerConnectionString"]}, {"Other": {"Type": "ALIYUN::ECS::Instance"}}, ["RES-015"]),
     ("rm-uf6fleet0001.mysql.rds.aliyuncs.com", None, ["RES-015"]),
     ("db.partner-analytics.com", None, ["RES-015"])],
)  # fmt: skip
def test_alired61_an_rds_external_store_s_own_database_is_its_own(
    host: Any, extra: dict[str, Any] | None, expected: list[str]
) -> None:
    found = RuleEngine("CN").check(_rds_store61(host, extra=extra))[0]
    assert [(f.rule.id, f.path) for f in found] == [
        (rule, "template_body(json).Resources.X.Properties.Host") for rule in expected
    ]


# alired62 (stop 62): the ROS twins of Pulumi types whose phone fields text an alarm (stack_templates `resources`): a
# SchedulerX application group's MonitorContacts and the DTS jobs' DelayPhone / ErrorPhone passed every door while the
# Pulumi twin was RES-022; now the template's value is judged as the twin's, at the template's path.
def _contacts62(phone: str) -> dict[str, Any]:
    return {"AppName": "a", "GroupId": "g", "Namespace": "n", "NamespaceName": "n", "NamespaceSource": "schedulerx",
            "MonitorConfig": {"sendChannel": "sms"},
            "MonitorContacts": [{"userName": "oncall", "userPhone": phone}]}  # fmt: skip


def _dts62(phone: str) -> dict[str, Any]:
    return {"DtsJobName": "j", "DbList": {}, "DelayNotice": True, "DelayPhone": phone, "ErrorNotice": True,
            "ErrorPhone": phone}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "provider", "kind", "props", "expected"),
    [("CN", _ALI_PINNED_CN, "ALIYUN::SchedulerX::AppGroup", _contacts62("+8613800138000"), []),
     ("CN", _ALI_PINNED_CN, "ALIYUN::SchedulerX::AppGroup", _contacts62("+6581234567"),
      [("RES-022", "MonitorContacts[0].userPhone")]),
     ("JP", _ALI_PINNED_JP, "ALIYUN::SchedulerX::AppGroup", _contacts62("+819012345678"), []),
     ("JP", _ALI_PINNED_JP, "ALIYUN::SchedulerX::AppGroup", _contacts62("13800138000"),
      [("RES-022", "MonitorContacts[0].userPhone")]),
     ("CN", _ALI_PINNED_CN, "ALIYUN::DTS::SubscriptionJob2", _dts62("13800138000"), []),
     ("JP", _ALI_PINNED_JP, "ALIYUN::DTS::SubscriptionJob2", _dts62("13800138000"),
      [("RES-022", "DelayPhone"), ("RES-022", "ErrorPhone")]),
     ("CN", _ALI_PINNED_CN, "ALIYUN::DTS::SynchronizationJob2", _dts62("13800138000"), []),
     ("JP", _ALI_PINNED_JP, "ALIYUN::DTS::SynchronizationJob2", _dts62("13800138000"),
      [("RES-022", "DelayPhone"), ("RES-022", "ErrorPhone")]),
     ("JP", _ALI_PINNED_JP, "ALIYUN::DTS::MigrationJob2", _dts62("13800138000"),
      [("RES-022", "DelayPhone"), ("RES-022", "ErrorPhone")])],
)  # fmt: skip
def test_alired62_a_ros_alarm_number_is_judged_as_its_pulumi_type(
    code: str, provider: ProviderRef, kind: str, props: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    found = RuleEngine(code).check(_ros60({"X": {"Type": kind, "Properties": props}}, provider))[0]
    assert sorted((f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties.")) for f in found) == (
        expected
    )


def test_alired62_the_ros_and_pulumi_alarm_numbers_agree() -> None:
    """The same numbers in the ROS type and its Pulumi twin: one verdict (RES-022 in JP), none at home."""
    contacts = json.dumps([{"userName": "oncall", "userPhone": "+6581234567"}])
    pairs = [
        (_ros60({"X": {"Type": "ALIYUN::SchedulerX::AppGroup", "Properties": _contacts62("+6581234567")}},
                _ALI_PINNED_JP),
         ali("alicloud:schedulerx/appGroup:AppGroup", _ALI_PINNED_JP, app_name="a", group_id="g", namespace="n",
             namespace_name="n", monitor_contacts_json=contacts)),
        (_ros60({"X": {"Type": "ALIYUN::DTS::SubscriptionJob2", "Properties": _dts62("13800138000")}},
                _ALI_PINNED_JP),
         ali("alicloud:dts/subscriptionJob:SubscriptionJob", _ALI_PINNED_JP, payment_type="PayAsYouGo",
             delay_phone="13800138000", error_phone="13800138000")),
    ]  # fmt: skip
    for ros_subject, pulumi_subject in pairs:
        verdicts = [sorted(f.rule.id for f in RuleEngine("JP").check(s)[0]) for s in (ros_subject, pulumi_subject)]
        assert verdicts[0] == verdicts[1] and verdicts[0] and set(verdicts[0]) == {"RES-022"}


# alired62 (stop 62): the address attributes of the template's own databases other than ALIYUN::RDS::DBInstance
# (template_attributes): a host or URL written from them was RES-015 (a false alarm); an id attribute, another type's
# attribute and a Parameter stay refused.
_DBS62 = {
    "Prepay": {"Type": "ALIYUN::RDS::PrepayDBInstance", "Properties": {"Engine": "MySQL"}},
    "Clone": {"Type": "ALIYUN::RDS::DBInstanceClone", "Properties": {"DBInstanceId": "rm-1"}},
    "Replica": {"Type": "ALIYUN::RDS::ReadOnlyDBInstance", "Properties": {"DBInstanceId": "rm-1"}},
    "Polar": {"Type": "ALIYUN::POLARDB::DBCluster", "Properties": {"DBType": "MySQL"}},
    "PolarPublic": {"Type": "ALIYUN::POLARDB::DBClusterEndpointAddress", "Properties": {"DBClusterId": "pc-1"}},
    "Cache": {"Type": "ALIYUN::REDIS::Instance", "Properties": {"InstanceClass": "redis.master.small.default"}},
    "Mongo": {"Type": "ALIYUN::MONGODB::Instance", "Properties": {"DBInstanceClass": "dds.mongo.mid"}},
}


@pytest.mark.parametrize(
    ("host", "expected"),
    [({"Fn::GetAtt": ["Prepay", "InnerConnectionString"]}, []),
     ({"Fn::GetAtt": ["Prepay", "PublicIPAddress"]}, []),
     ({"Fn::GetAtt": ["Clone", "InnerConnectionString"]}, []),
     ({"Fn::Sub": "${Clone.PublicConnectionString}"}, []),
     ({"Fn::GetAtt": ["Replica", "ConnectionString"]}, []),
     ({"Fn::GetAtt": ["Polar", "PrimaryConnectionString"]}, []),
     ({"Fn::GetAtt": ["Polar", "ClusterConnectionString"]}, []),
     ({"Fn::GetAtt": ["PolarPublic", "ConnectionString"]}, []),
     ({"Fn::GetAtt": ["PolarPublic", "Address"]}, []),
     ({"Fn::GetAtt": ["Cache", "ConnectionDomain"]}, []),
     ({"Fn::GetAtt": ["Replica", "DBInstanceId"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Prepay", "OrderId"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Polar", "CustomConnectionStrings"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Replica", "InnerConnectionString"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Mongo", "DBInstanceId"]}, ["RES-015"])],
)  # fmt: skip
def test_alired62_the_template_s_own_database_address_is_its_own(host: Any, expected: list[str]) -> None:
    found = RuleEngine("CN").check(_rds_store61(host, extra=_DBS62))[0]
    assert [(f.rule.id, f.path) for f in found] == [
        (rule, "template_body(json).Resources.X.Properties.Host") for rule in expected
    ]


@pytest.mark.parametrize(
    ("uri", "expected"),
    [({"Fn::GetAtt": ["Mongo", "ConnectionURI"]}, []),
     ({"Fn::Sub": "redis://${Cache.ConnectionDomain}:6379/0"}, []),
     ({"Fn::Sub": "mysql://${Polar.PrimaryConnectionString}:3306/fleet"}, []),
     ({"Fn::Sub": "mysql://${Polar.DBClusterId}:3306/fleet"}, ["RES-015"]),
     ("mongodb://archive:x@mongo.partner-analytics.com:3717/trips", ["RES-015"])],
)  # fmt: skip
def test_alired62_a_function_s_database_url_from_the_template_s_own_database(uri: Any, expected: list[str]) -> None:
    function = {"Type": "ALIYUN::FC3::Function", "Properties": {
        "FunctionName": "f", "Runtime": "python3.10", "Handler": "index.handler",
        "EnvironmentVariables": {"DATABASE_URI": uri}}}  # fmt: skip
    found = RuleEngine("CN").check(_ros60({**_DBS62, "F": function}))[0]
    assert [f.rule.id for f in found] == expected


# alired62 (stop 62): a URL in a template's text whose host is one template variable after a userinfo (RFC 3986
# `user:password@`): the userinfo hid the variable, so a Parameter host passed every door (a ROS server's user data
# `mysql://app@${DbHost}:3306/`, a CloudFormation one's `postgres://app:${DbPassword}@${DbHost}:5432/`); now the host
# is judged as the same URL's without a userinfo, reported without it (no password in a finding).
def _user_data62(text: str) -> Subject:
    template = {"ROSTemplateFormatVersion": "2015-09-01",
                "Parameters": {"DbHost": {"Type": "String"}, "DbPassword": {"Type": "String", "NoEcho": True}},
                "Resources": {**_DBS62, "App": {"Type": "ALIYUN::ECS::Instance", "Properties": {
                    "ImageId": "i", "InstanceType": "ecs.g7.large", "UserData": {"Fn::Sub": text}}}}}  # fmt: skip
    return ali(_ROS_STACK, _ALI_PINNED_CN, template_body=json.dumps(template))


@pytest.mark.parametrize(
    ("url", "expected"),
    [("mysql://app@${Polar.PrimaryConnectionString}:3306/fleet", []),
     ("mysql://app:${DbPassword}@${Polar.PrimaryConnectionString}:3306/fleet", []),
     ("redis://:${DbPassword}@${Cache.ConnectionDomain}:6379/0", []),
     ("https://${Polar.PrimaryConnectionString}/x", []),
     ("mysql://app@${DbHost}:3306/fleet", ["mysql://${DbHost}"]),
     ("mysql://app:${DbPassword}@${DbHost}:3306/fleet", ["mysql://${DbHost}"]),
     ("https://app%40fleet:s3cr3t@${DbHost}/x", ["https://${DbHost}"]),
     ("mysql://app@${Polar.DBClusterId}:3306/fleet", ["mysql://${Polar.DBClusterId}"]),
     ("https://${DbHost}/x", ["https://${DbHost}"])],
)  # fmt: skip
def test_alired62_a_url_s_userinfo_does_not_hide_its_template_host(url: str, expected: list[str]) -> None:
    found = RuleEngine("CN").check(_user_data62(f'#!/bin/bash\necho "DATABASE_URL={url}" > /etc/app.env\n'))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == [("RES-015", value) for value in expected]


_USERINFO62 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%:!*+,;="


@functools.cache
def _cn62() -> RuleEngine:
    return RuleEngine("CN")


@settings(max_examples=10, deadline=None)
@given(
    userinfo=st.text(alphabet=_USERINFO62, max_size=24),
    scheme=st.sampled_from(["https", "mysql", "postgres", "redis", "mongodb"]),
)
def test_alired62_any_userinfo_before_a_parameter_host_is_judged(userinfo: str, scheme: str) -> None:
    """Whatever RFC 3986 userinfo precedes it (unreserved, percent-encoded, sub-delims, `:`), a Parameter host is
    refused, reported as the URL without it; the template's own database passes."""
    for host, expected in (("${DbHost}", [("RES-015", f"{scheme}://${{DbHost}}")]),
                           ("${Polar.PrimaryConnectionString}", [])):  # fmt: skip
        text = f"#!/bin/bash\necho 'URL={scheme}://{userinfo}@{host}:3306/fleet' > /etc/app.env\n"
        found = _cn62().check(_user_data62(text))[0]
        assert [(f.rule.id, str(f.value)) for f in found] == expected


def test_alired62_a_cloudformation_url_s_userinfo_does_not_hide_its_host() -> None:
    def stack(url: str) -> Subject:
        template = {"Parameters": {"DbHost": {"Type": "String"}, "DbPassword": {"Type": "String", "NoEcho": True}},
                    "Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "postgres"}},
                                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
                                      "Runtime": "python3.12", "Handler": "index.handler", "Role": "r",
                                      "Environment": {"Variables": {"DATABASE_URL": {"Fn::Sub": url}}}}}}}  # fmt: skip
        return aws("aws:cloudformation/stack:Stack", AWS_EU, name="s", template_body=json.dumps(template))

    own = stack("postgres://app:${DbPassword}@${Db.Endpoint.Address}:5432/claims")
    assert RuleEngine("EU").check(own)[0] == []
    found = RuleEngine("EU").check(stack("postgres://app:${DbPassword}@${DbHost}:5432/claims"))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == [("RES-015", "postgres://${DbHost}")]


# awsred61 (stop 61): what a DMS replication task / config, a Verified Access endpoint and an SFTP connector write into,
# named by an ARN of another account (written_account_fields; the template twins through stack_templates). Each passed
# every door with another account in the stack's Region on main 3c67a1f3 (a Region abroad was RES-004).
def _dms61(account: str) -> str:
    return f"arn:aws:dms:eu-central-1:{account}:endpoint:TGT0A1B2C3D4E5F6"


def _va61(account: str) -> str:
    return f"arn:aws:elasticloadbalancing:eu-central-1:{account}:loadbalancer/app/claims/50dc6c495c0c9188"


def _lattice61(account: str) -> str:
    return f"arn:aws:vpc-lattice:eu-central-1:{account}:resourceconfiguration/rcfg-0a1b2c3d4e5f60718"


_RED61_WRITTEN: list[tuple[str, str, str, Callable[[str], dict[str, Any]], Callable[[str], dict[str, Any]]]] = [
    ("aws:dms/replicationTask:ReplicationTask", "AWS::DMS::ReplicationTask", "TargetEndpointArn",
     lambda a: {"replication_task_id": "t", "migration_type": "cdc", "table_mappings": "{}",
                "replication_instance_arn": "arn:aws:dms:eu-central-1:123456789012:rep:R",
                "source_endpoint_arn": _dms61("123456789012"), "target_endpoint_arn": _dms61(a)},
     lambda a: {"MigrationType": "cdc", "TableMappings": "{}",
                "ReplicationInstanceArn": "arn:aws:dms:eu-central-1:123456789012:rep:R",
                "SourceEndpointArn": _dms61("123456789012"), "TargetEndpointArn": _dms61(a)}),
    ("aws:dms/replicationConfig:ReplicationConfig", "AWS::DMS::ReplicationConfig", "TargetEndpointArn",
     lambda a: {"replication_config_identifier": "c", "replication_type": "cdc", "table_mappings": "{}",
                "compute_config": {"replication_subnet_group_id": "g"},
                "source_endpoint_arn": _dms61("123456789012"), "target_endpoint_arn": _dms61(a)},
     lambda a: {"ReplicationConfigIdentifier": "c", "ReplicationType": "cdc", "TableMappings": {},
                "ComputeConfig": {"MaxCapacityUnits": 4},
                "SourceEndpointArn": _dms61("123456789012"), "TargetEndpointArn": _dms61(a)}),
    ("aws:verifiedaccess/endpoint:Endpoint", "AWS::EC2::VerifiedAccessEndpoint", "LoadBalancerOptions.LoadBalancerArn",
     lambda a: {"attachment_type": "vpc", "endpoint_type": "load-balancer", "verified_access_group_id": "vagr-1",
                "load_balancer_options": {"load_balancer_arn": _va61(a), "port": 443, "protocol": "https"}},
     lambda a: {"AttachmentType": "vpc", "EndpointType": "load-balancer", "VerifiedAccessGroupId": "vagr-1",
                "LoadBalancerOptions": {"LoadBalancerArn": _va61(a), "Port": 443, "Protocol": "https"}}),
    ("aws:verifiedaccess/endpoint:Endpoint", "AWS::EC2::VerifiedAccessEndpoint", "RdsOptions.RdsDbProxyArn",
     lambda a: {"attachment_type": "vpc", "endpoint_type": "rds", "verified_access_group_id": "vagr-1",
                "rds_options": {"rds_db_proxy_arn": f"arn:aws:rds:eu-central-1:{a}:db-proxy:prx-1", "port": 5432}},
     lambda a: {"AttachmentType": "vpc", "EndpointType": "rds", "VerifiedAccessGroupId": "vagr-1",
                "RdsOptions": {"RdsDbProxyArn": f"arn:aws:rds:eu-central-1:{a}:db-proxy:prx-1", "Port": 5432}}),
    ("aws:transfer/connector:Connector", "AWS::Transfer::Connector", "EgressConfig.VpcLattice.ResourceConfigurationArn",
     lambda a: {"access_role": "arn:aws:iam::123456789012:role/c", "sftp_config": {"user_secret_id": "s"},
                "egress_config": {"vpc_lattice": {"resource_configuration_arn": _lattice61(a), "port_number": 22}}},
     lambda a: {"AccessRole": "arn:aws:iam::123456789012:role/c", "SftpConfig": {"UserSecretId": "s"},
                "EgressConfig": {"VpcLattice": {"ResourceConfigurationArn": _lattice61(a), "PortNumber": 22}}}),
]  # fmt: skip
# The engine table (and so every front door, tests/test_front_doors.py): one Pulumi and one template pair per service.
PAIRS += [
    ("RES-023", "EU", aws(type_, _PINNED_EU, **pulumi_props("123456789012")), aws(type_, _PINNED_EU,
     **pulumi_props(_OTHER)), ".".join(_snake_key(p) for p in path.split(".")))
    for type_, _, path, pulumi_props, _ in _RED61_WRITTEN[::2]
] + [
    ("RES-023", "EU", _cfn(kind, **cfn_props("123456789012")), _cfn(kind, **cfn_props(_OTHER)),
     f"template_body(json).Resources.X.Properties.{path}")
    for _, kind, path, _, cfn_props in _RED61_WRITTEN[1::2]
]  # fmt: skip


@pytest.mark.parametrize(
    "type_,kind,path,pulumi_props,cfn_props", _RED61_WRITTEN, ids=[f"{e[1]}.{e[2]}" for e in _RED61_WRITTEN]
)
def test_awsred61_what_a_replication_an_access_endpoint_or_a_connector_writes_into_is_judged_by_its_account(
    type_: str, kind: str, path: str, pulumi_props: Callable[[str], dict[str, Any]],
    cfn_props: Callable[[str], dict[str, Any]],
) -> None:  # fmt: skip
    pulumi_path = ".".join(_snake_key(p) for p in path.split("."))
    for account, found in (("123456789012", []), (_OTHER, [("RES-023", pulumi_path)])):
        subject = aws(type_, _PINNED_EU, **pulumi_props(account))
        assert [(f.rule.id, f.path) for f in RuleEngine("EU").check(subject)[0]] == found, account
        template = [(f.rule.id, f.path.removeprefix("template_body(json).Resources.X.Properties."))
                    for f in RuleEngine("EU").check(_cfn(kind, **cfn_props(account)))[0]]  # fmt: skip
        assert template == [(rule, path) for rule, _ in found], account
    declared = parse_destinations([{"id": "msp", "kind": "resident", "match": f"arn:aws:iam::{_OTHER}:",
                                    "evidence": "the partner's account; its SCP keeps it in the EU"}])  # fmt: skip
    findings = RuleEngine("EU", destinations=declared).check(aws(type_, _PINNED_EU, **pulumi_props(_OTHER)))[0]
    assert [f.declared_by for f in findings] == ["msp"]
    # aws-cn: an account of the partition is China's.
    cn = aws(type_, AWS_CN, **json.loads(json.dumps(pulumi_props(_OTHER)).replace("arn:aws:", "arn:aws-cn:")
                                         .replace("eu-central-1", "cn-north-1")))  # fmt: skip
    assert RuleEngine("CN").check(cn)[0] == []


def test_awsred61_a_dms_tasks_source_endpoint_is_no_destination() -> None:
    """A task reads from its source endpoint: another account's passes (judging a source owner as a transfer is a
    rejected idea); its Region abroad stays RES-004."""
    props = dict(_RED61_WRITTEN[0][3]("123456789012"), source_endpoint_arn=_dms61(_OTHER))
    assert RuleEngine("EU").check(aws("aws:dms/replicationTask:ReplicationTask", _PINNED_EU, **props))[0] == []
    props["source_endpoint_arn"] = _dms61("123456789012").replace("eu-central-1", "us-west-2")
    found = RuleEngine("EU").check(aws("aws:dms/replicationTask:ReplicationTask", _PINNED_EU, **props))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-004", "source_endpoint_arn")]


def _put_events61(resource: str, request: dict[str, Any], key: str = "Parameters") -> str:
    task = {"Type": "Task", "Resource": f"arn:aws:states:::{resource}", key: request, "End": True}
    return json.dumps({"StartAt": "T", "States": {"T": task}})


_ENTRIES61 = [{"Detail": {"claim": 1}, "DetailType": "ClaimFiled", "EventBusName": "claims", "Source": "claims"}]


@pytest.mark.parametrize(
    "resource,request_,key,found",
    [
        ("events:putEvents", {"Entries": _ENTRIES61}, "Parameters", []),
        ("events:putEvents", {"Entries": _ENTRIES61, "EndpointId": "abcde.veo"}, "Parameters", ["RES-015"]),
        (
            "events:putEvents.waitForTaskToken",
            {"Entries": _ENTRIES61, "EndpointId": "abcde.veo"},
            "Parameters",
            ["RES-015"],
        ),
        ("events:putEvents", {"Entries": _ENTRIES61, "EndpointId": "abcde.veo"}, "Arguments", ["RES-015"]),
        (
            "aws-sdk:eventbridge:putEvents",
            {"Entries": _ENTRIES61, "EndpointId": "abcde.veo"},
            "Parameters",
            ["RES-015"],
        ),
        # Another action's EndpointId names no host (S3 on Outposts DeleteEndpoint, Pinpoint GetEndpoint).
        (
            "aws-sdk:s3outposts:deleteEndpoint",
            {"EndpointId": "ec2-0a1b2c3d", "OutpostId": "op-0a1b2c3d"},
            "Parameters",
            [],
        ),
        ("aws-sdk:pinpoint:getEndpoint", {"ApplicationId": "a1", "EndpointId": "device.claims7"}, "Parameters", []),
    ],
)
def test_awsred61_a_workflows_put_events_through_a_global_endpoint_is_a_destination(
    resource: str, request_: dict[str, Any], key: str, found: list[str]
) -> None:
    # EventBridge PutEvents EndpointId ("The URL subdomain of the endpoint"), the pipe's endpoint_id (awsred60) given
    # to a Step Functions task: the events go to the endpoint's secondary Region on failover. Passed every door before.
    definition = _put_events61(resource, request_, key)
    machine = aws("aws:sfn/stateMachine:StateMachine", _PINNED_EU, role_arn="arn:aws:iam::123456789012:role/f",
                  definition=definition)  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(machine)[0]] == found
    template = _cfn("AWS::StepFunctions::StateMachine", RoleArn="arn:aws:iam::123456789012:role/f",
                    DefinitionString=definition)  # fmt: skip
    assert [f.rule.id for f in RuleEngine("EU").check(template)[0]] == found
    if found:
        declared = parse_destinations([{"id": "g", "kind": "resident", "match": "abcde.veo",
                                        "evidence": "the team's global endpoint: both Regions in the EU"}])  # fmt: skip
        assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(machine)[0]] == ["g"]


def _global_endpoint61(second: str) -> dict[str, Any]:
    return {"Type": "AWS::Events::Endpoint", "Properties": {
        "Name": "claims", "RoleArn": "arn:aws:iam::123456789012:role/r", "ReplicationConfig": {"State": "ENABLED"},
        "RoutingConfig": {"FailoverConfig": {"Primary": {"HealthCheck": "arn:aws:route53:::healthcheck/abc"},
                                             "Secondary": {"Route": second}}},
        "EventBuses": [{"EventBusArn": "arn:aws:events:eu-central-1:123456789012:event-bus/claims"},
                       {"EventBusArn": f"arn:aws:events:{second}:123456789012:event-bus/claims"}]}}  # fmt: skip


@pytest.mark.parametrize(
    "endpoint_id,second,found",
    [
        ({"Fn::GetAtt": ["Global", "EndpointId"]}, "eu-west-1", []),
        # Another logical id (no such resource) or a literal id: unproven, as before.
        ({"Fn::GetAtt": ["Elsewhere", "EndpointId"]}, "eu-west-1", [("RES-015", "X")]),
        ("abcde.veo", "eu-west-1", [("RES-015", "X")]),
        # The template's own endpoint failing over abroad is refused at the endpoint (its bus, its Route).
        ({"Fn::GetAtt": ["Global", "EndpointId"]}, "us-west-2", [("RES-004", "Global"), ("RES-009", "Global")]),
    ],
)
def test_awsred61_a_pipe_through_the_templates_own_global_endpoint_is_judged_at_the_endpoint(
    endpoint_id: Any, second: str, found: list[tuple[str, str]]
) -> None:
    # template_attributes: AWS::Events::Endpoint EndpointId / EndpointUrl (Fn::GetAtt) name the template's own endpoint,
    # whose buses and secondary Region are judged where it is made. On main 3c67a1f3 the first case was RES-015.
    pipe = {"Type": "AWS::Pipes::Pipe", "Properties": {
        "RoleArn": "arn:aws:iam::123456789012:role/p", "Source": "arn:aws:sqs:eu-central-1:123456789012:q",
        "Target": "arn:aws:events:eu-central-1:123456789012:event-bus/claims",
        "TargetParameters": {"EventBridgeEventBusParameters": {"DetailType": "c",
                                                               "EndpointId": endpoint_id}}}}  # fmt: skip
    body = json.dumps({"Resources": {"Global": _global_endpoint61(second), "X": pipe}})
    findings = RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=body))[0]
    assert sorted((f.rule.id, f.path.split(".")[2]) for f in findings) == found


def test_awsred61_a_pass_states_endpoint_id_is_data() -> None:
    """Outside a task (a Pass state's Parameters are data it passes on) the id names no host; in PutEvents it does."""
    put = {"Entries": _ENTRIES61, "EndpointId": "abcde.veo"}
    for state, found in (({"Type": "Pass", "Parameters": {"EndpointId": "abcde.veo"}}, []),
                         ({"Type": "Task", "Resource": "arn:aws:states:::events:putEvents", "Parameters": put},
                          ["RES-015"])):  # fmt: skip
        definition = json.dumps({"StartAt": "T", "States": {"T": {**state, "End": True}}})
        machine = aws("aws:sfn/stateMachine:StateMachine", _PINNED_EU, role_arn="r", definition=definition)
        assert [f.rule.id for f in RuleEngine("EU").check(machine)[0]] == found


# ecs61 (stop 61): a container definition read as the `docker run` line it is (endpoints.yaml `containers`), in a
# Pulumi task, a template's AWS::ECS::TaskDefinition (the Pulumi task's twin, stack_templates `resources`) and a Batch
# job definition: the Datadog Agent's image with its API key alone is its default site (RES-015), an exec-form
# command's Region abroad RES-009, a template's or a Batch job's `sh -c` command a script. Each offending subject
# passed every door on main 3c67a1f3.
_ECS61_TASK = "aws:ecs/taskDefinition:TaskDefinition"
_ECS61_JOB = "aws:batch/jobDefinition:JobDefinition"
_ECS61_CLI = "public.ecr.aws/aws-cli/aws-cli:2.17.0"
_ECS61_KEY = [{"name": "DD_API_KEY", "valueFrom": "arn:aws:secretsmanager:eu-central-1:123456789012:secret:dd-Ab1"}]


def _ecs61_task(**container: Any) -> Subject:
    definitions = json.dumps([{"name": "c", "essential": True, **container}])
    return aws(_ECS61_TASK, _PINNED_EU, family="t", container_definitions=definitions)


def _ecs61_copy(region: str) -> list[str]:
    return ["ec2", "copy-snapshot", "--source-region", "eu-central-1", "--source-snapshot-id", "snap-1", "--region",
            region]  # fmt: skip


def _ecs61_sh_c(region: str) -> list[str]:
    return ["sh", "-c", " ".join(["aws", *_ecs61_copy(region)])]


PAIRS += [
    ("RES-015", "EU",
     _ecs61_task(image="public.ecr.aws/datadog/agent:7", secrets=_ECS61_KEY,
                 environment=[{"name": "DD_DD_URL", "value": "https://10.0.3.20:3834"}]),
     _ecs61_task(image="public.ecr.aws/datadog/agent:7", secrets=_ECS61_KEY),
     "container_definitions(json)[0](docker run)(image)(default).host"),
    ("RES-009", "EU", _ecs61_task(image=_ECS61_CLI, command=_ecs61_copy("eu-central-1")),
     _ecs61_task(image=_ECS61_CLI, command=_ecs61_copy("us-west-2")), "container_definitions(json)[0](docker run).aws"),
    ("RES-009", "EU",
     _cfn("AWS::ECS::TaskDefinition", ContainerDefinitions=[{"Name": "c", "Image": _ECS61_CLI,
                                                             "Command": _ecs61_sh_c("eu-central-1")}]),
     _cfn("AWS::ECS::TaskDefinition", ContainerDefinitions=[{"Name": "c", "Image": _ECS61_CLI,
                                                             "Command": _ecs61_sh_c("us-west-2")}]),
     "template_body(json).Resources.X.Properties.ContainerDefinitions[0].Command[2].aws"),
    ("RES-009", "EU",
     aws(_ECS61_JOB, _PINNED_EU, name="j", type="container",
         container_properties=json.dumps({"image": _ECS61_CLI, "command": _ecs61_sh_c("eu-central-1")})),
     aws(_ECS61_JOB, _PINNED_EU, name="j", type="container",
         container_properties=json.dumps({"image": _ECS61_CLI, "command": _ecs61_sh_c("us-west-2")})),
     "container_properties(json).command[2].aws"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        ({"Image": "public.ecr.aws/datadog/agent:7", "Secrets": [{"Name": "DD_API_KEY", "ValueFrom": "k"}]},
         ("RES-015", "datadoghq.com")),
        ({"Image": _ECS61_CLI, "Command": _ecs61_copy("us-west-2")}, ("RES-009", "us-west-2")),
        ({"Image": _ECS61_CLI, "EntryPoint": ["sh", "-c"], "Command": [" ".join(["aws", *_ecs61_copy("us-west-2")])]},
         ("RES-009", "us-west-2")),
        ({"Image": "postgres:16", "Command": ["pg_dump", "--host", "db.partner-analytics.com", "orders"]},
         ("RES-015", "db.partner-analytics.com")),
    ],
)  # fmt: skip
def test_ecs61_a_template_container_is_judged_as_the_pulumi_tasks(
    container: dict[str, Any], expected: tuple[str, str]
) -> None:
    """The same container in a template's task definition, a Batch job's ``ContainerProperties`` / ``EcsProperties``
    and the Pulumi task: one verdict (before stop 61 every template one passed every door in EU)."""

    def camel(value: Any) -> Any:
        if isinstance(value, dict):
            return {k[:1].lower() + k[1:]: camel(v) for k, v in value.items()}
        return [camel(v) for v in value] if isinstance(value, list) else value

    named = {"Name": "c", **container}
    ecs_properties = {"TaskProperties": [{"Containers": [named]}]}
    subjects = [
        _cfn("AWS::ECS::TaskDefinition", ContainerDefinitions=[named]),
        _cfn("AWS::Batch::JobDefinition", Type="container", ContainerProperties=container),
        _cfn("AWS::Batch::JobDefinition", Type="container", EcsProperties=ecs_properties),
        aws(_ECS61_TASK, _PINNED_EU, family="t", container_definitions=json.dumps([camel(named)])),
        aws(_ECS61_JOB, _PINNED_EU, name="j", type="container", container_properties=json.dumps(camel(container))),
    ]
    engine = RuleEngine("EU")
    for subject in subjects:
        assert {(f.rule.id, str(f.value)) for f in engine.check(subject)[0]} == {expected}, subject.type


# awsred62 (stop 62): a workflow's PutEvents through a global endpoint chosen at run time (`EndpointId.$`, JSONata),
# the rows of a template's Mappings no Fn::FindInMap of the stack reaches, and a StackSet template's containers. Each
# offending subject passed every door on main 2519f654, each compliant Mappings subject was refused there.
def _put_events62(request: dict[str, Any], key: str = "Parameters", resource: str = "events:putEvents") -> str:
    task = {"Type": "Task", "Resource": f"arn:aws:states:::{resource}", key: request, "End": True}
    top = {"QueryLanguage": "JSONata"} if key == "Arguments" else {}
    return json.dumps({**top, "StartAt": "T", "States": {"T": task}})


def _machine62(definition: str) -> Subject:
    return aws("aws:sfn/stateMachine:StateMachine", _PINNED_EU, role_arn="arn:aws:iam::123456789012:role/f",
               definition=definition)  # fmt: skip


@pytest.mark.parametrize(
    "request_,key,resource,found",
    [
        ({"Entries": _ENTRIES61, "EndpointId.$": "$.endpoint"}, "Parameters", "events:putEvents", ["RES-015"]),
        ({"Entries": _ENTRIES61, "EndpointId.$": "$.endpoint"}, "Parameters", "aws-sdk:eventbridge:putEvents",
         ["RES-015"]),
        ({"Entries": _ENTRIES61, "EndpointId": "{% $states.input.endpoint %}"}, "Arguments", "events:putEvents",
         ["RES-015"]),
        # Fixed labels after the input's choose no endpoint (any id ending so): unknown.
        ({"Entries": _ENTRIES61, "EndpointId.$": "States.Format('{}.veo', $.e)"}, "Parameters", "events:putEvents",
         ["RES-015"]),
        # Another action's EndpointId.$ names no host (S3 on Outposts DeleteEndpoint), nor does one outside PutEvents.
        ({"EndpointId.$": "$.endpoint", "OutpostId": "op-0a1b2c3d"}, "Parameters", "aws-sdk:s3outposts:deleteEndpoint",
         []),
        ({"Entries": _ENTRIES61}, "Parameters", "events:putEvents", []),
    ],
)  # fmt: skip
def test_awsred62_a_workflows_put_events_through_an_endpoint_chosen_at_run_time_is_refused(
    request_: dict[str, Any], key: str, resource: str, found: list[str]
) -> None:
    # EventBridge PutEvents EndpointId ("The URL subdomain of the endpoint"): round 38 judged a literal id only; from
    # the execution input any endpoint (a secondary Region abroad) may be named. RES-015 unless the expression is
    # declared, in Pulumi and in a template alike.
    definition = _put_events62(request_, key, resource)
    assert [f.rule.id for f in RuleEngine("EU").check(_machine62(definition))[0]] == found
    template = _cfn("AWS::StepFunctions::StateMachine", RoleArn="r", DefinitionString=definition)
    assert [f.rule.id for f in RuleEngine("EU").check(template)[0]] == found
    if found:
        findings = RuleEngine("EU").check(_machine62(definition))[0]
        assert "chosen at run time" in findings[0].detail
        expression = str(request_.get("EndpointId.$", request_.get("EndpointId")))
        declared = parse_destinations([{"id": "g", "kind": "resident", "match": expression,
                                        "evidence": "every caller passes the team's endpoint"}])  # fmt: skip
        assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(_machine62(definition))[0]] == [
            "g"
        ]


def test_awsred62_a_pass_states_run_time_endpoint_id_is_data() -> None:
    state = {"Type": "Pass", "End": True, "Parameters": {"EndpointId.$": "$.endpoint"}}
    definition = json.dumps({"StartAt": "P", "States": {"P": state}})
    assert RuleEngine("EU").check(_machine62(definition))[0] == []


def _mapped62(top_key: Any, transform: Any = None, map_name: Any = "RegionConfig") -> dict[str, Any]:
    """A template whose map has a row for the stack's Region (eu-central-1) and one for us-east-1, read at a Lambda's
    BACKUP_REGION by ``top_key``."""
    mappings = {
        "RegionConfig": {"eu-central-1": {"BackupRegion": "eu-west-1"}, "us-east-1": {"BackupRegion": "us-west-2"}}
    }
    function = {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {
        "BACKUP_REGION": {"Fn::FindInMap": [map_name, top_key, "BackupRegion"]}}}}}  # fmt: skip
    template: dict[str, Any] = {"Mappings": mappings, "Resources": {"X": function}}
    if transform is not None:
        template["Transform"] = transform
    return template


@pytest.mark.parametrize(
    "template,type_,found",
    [
        # Read by the Region only, in a stack of one Region: the us-east-1 row is never read (RES-009 before).
        (_mapped62({"Ref": "AWS::Region"}), _STACK, []),
        (_mapped62({"Ref": "AWS::Region"}, transform="AWS::LanguageExtensions"), _STACK, []),
        # The row read by its key written out, or by a Parameter (any row): judged.
        (_mapped62("us-east-1"), _STACK, ["RES-009", "RES-009"]),
        ({**_mapped62({"Ref": "AWS::Region"}), "Parameters": {"Where": {"Type": "String"}},
          "Outputs": {"O": {"Value": {"Fn::FindInMap": ["RegionConfig", {"Ref": "Where"}, "BackupRegion"]}}}}, _STACK,
         ["RES-009"]),
        # A StackSet's template runs in every instance's Region: every row is read.
        (_mapped62({"Ref": "AWS::Region"}), "aws:cloudformation/stackSet:StackSet", ["RES-009", "RES-009"]),
        # A macro may rewrite the template, and a map named by a function may be any: every row, as before.
        (_mapped62({"Ref": "AWS::Region"}, transform="FleetMacro"), _STACK, ["RES-009"]),
        (_mapped62({"Ref": "AWS::Region"}, map_name={"Ref": "MapName"}), _STACK, ["RES-009"]),
    ],
)  # fmt: skip
def test_awsred62_a_templates_mappings_rows_no_lookup_reaches_are_no_destinations(
    template: dict[str, Any], type_: str, found: list[str]
) -> None:
    subject = aws(type_, _PINNED_EU, template_body=json.dumps(template))
    findings = RuleEngine("EU").check(subject)[0]
    assert sorted(f.rule.id for f in findings) == found, [(f.rule.id, f.path) for f in findings]


def test_awsred62_a_mappings_row_is_read_again_where_its_region_is_the_stacks() -> None:
    """Only the stack's own Region's row is kept: one abroad there is still refused (at the row and where read)."""
    template = _mapped62({"Ref": "AWS::Region"})
    template["Mappings"]["RegionConfig"]["eu-central-1"]["BackupRegion"] = "us-west-2"
    findings = RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=json.dumps(template)))[0]
    assert sorted((f.rule.id, f.path) for f in findings) == [
        ("RES-009", "template_body(json).Mappings.RegionConfig.eu-central-1.BackupRegion"),
        ("RES-009", "template_body(json).Resources.X.Properties.Environment.Variables.BACKUP_REGION"),
    ]


_STACK_SET62 = "aws:cloudformation/stackSet:StackSet"


@pytest.mark.parametrize(
    "container,found",
    [
        ({"Name": "a", "Image": "public.ecr.aws/datadog/agent:7", "Secrets": _ECS61_KEY}, ["RES-015"]),
        ({"Name": "a", "Image": "public.ecr.aws/datadog/agent:7", "Secrets": _ECS61_KEY,
          "Environment": [{"Name": "DD_DD_URL", "Value": "https://10.0.3.20:3834"}]}, []),
        ({"Name": "c", "Image": _ECS61_CLI, "Command": _ecs61_copy("us-west-2")}, ["RES-009"]),
        ({"Name": "c", "Image": _ECS61_CLI, "Command": _ecs61_copy("eu-central-1")}, []),
        ({"Name": "c", "Image": _ECS61_CLI, "Command": _ecs61_sh_c("us-west-2")}, ["RES-009"]),
    ],
)  # fmt: skip
def test_awsred62_a_stacksets_task_definition_is_read_as_a_stacks(container: dict[str, Any], found: list[str]) -> None:
    # containers / script_fields for aws:cloudformation/stackSet:StackSet (ecs61 read a cloudformation.Stack's only).
    body = json.dumps({"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition",
                                           "Properties": {"ContainerDefinitions": [container]}}}})  # fmt: skip
    stack_set = aws(_STACK_SET62, _PINNED_EU, template_body=body, permission_model="SERVICE_MANAGED")
    assert sorted(f.rule.id for f in RuleEngine("EU").check(stack_set)[0]) == found
    assert sorted(f.rule.id for f in RuleEngine("EU").check(aws(_STACK, _PINNED_EU, template_body=body))[0]) == found


PAIRS += [
    ("RES-015", "EU", _machine62(_put_events62({"Entries": _ENTRIES61})),
     _machine62(_put_events62({"Entries": _ENTRIES61, "EndpointId.$": "$.endpoint"})),
     "definition(json).States.T.Parameters.EndpointId.$"),
    ("RES-009", "EU",
     aws(_STACK_SET62, _PINNED_EU, template_body=json.dumps({"Resources": {"T": {
         "Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
             {"Name": "c", "Image": _ECS61_CLI, "Command": _ecs61_copy("eu-central-1")}]}}}})),
     aws(_STACK_SET62, _PINNED_EU, template_body=json.dumps({"Resources": {"T": {
         "Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
             {"Name": "c", "Image": _ECS61_CLI, "Command": _ecs61_copy("us-west-2")}]}}}})),
     "template_body(json).Resources.T.Properties.ContainerDefinitions[0](docker run).aws"),
]  # fmt: skip


# k8s62 (stop 62): the same `docker run` reading of a container in the other APIs that define one (endpoints.yaml
# `containers` `form`, `container_forms`): a Batch job's EKS pod (Pulumi `commands` / `args`, its template twin's
# `Command` / `Args`), a Lightsail deployment's container (`commands`, an `environment` map), an ECI container group's
# containers (Pulumi `commands` / `args` / `environment_vars`, ROS `Command` / `Arg`), an SAE application (`command`,
# `command_args` JSON), and the Agent's DD_SITE given by a container secret (RES-015, declared by the reference's text).
# Each offending subject passed every door on main 2519f654.
_K8S62_PG = "registry-vpc.cn-shanghai.aliyuncs.com/fleet-mirror/postgres:16"
_K8S62_PARTNER = "db.partner-analytics.com"


def _k8s62_eks(region: str, **extra: Any) -> Subject:
    container = {"name": "c", "image": _ECS61_CLI, "commands": ["aws"], "args": _ecs61_copy(region), **extra}
    return aws(_ECS61_JOB, _PINNED_EU, name="j", type="container",
               eks_properties={"pod_properties": {"containers": [container]}})  # fmt: skip


def _k8s62_cfn_eks(region: str) -> Subject:
    container = {"Name": "c", "Image": _ECS61_CLI, "Command": ["aws"], "Args": _ecs61_copy(region)}
    return _cfn(
        "AWS::Batch::JobDefinition", Type="container", EksProperties={"PodProperties": {"Containers": [container]}}
    )


def _k8s62_lightsail(**container: Any) -> Subject:
    return aws("aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion", _PINNED_EU,
               service_name="s", containers=[{"container_name": "c", **container}])  # fmt: skip


def _k8s62_eci(host: str) -> Subject:
    container = {"name": "c", "image": _K8S62_PG, "commands": ["pg_dump"], "args": ["--host", host, "orders"]}
    return ali("alicloud:eci/containerGroup:ContainerGroup", container_group_name="g", security_group_id="sg-1",
               vswitch_id="vsw-1", containers=[container])  # fmt: skip


def _k8s62_ros_eci(host: str) -> Subject:
    container = {"Name": "c", "Image": _K8S62_PG, "Command": ["pg_dump"], "Arg": ["--host", host, "orders"]}
    return _ros("ALIYUN::ECI::ContainerGroup", ContainerGroupName="g", SecurityGroupId="sg-1", VSwitchId="vsw-1",
                Container=[container])  # fmt: skip


def _k8s62_sae(host: str) -> Subject:
    return ali("alicloud:sae/application:Application", app_name="a", package_type="Image", image_url=_K8S62_PG,
               command="mysqldump", command_args=json.dumps(["-h", host, "orders"]))  # fmt: skip


_K8S62_SITE = "arn:aws:ssm:eu-central-1:123456789012:parameter/datadog/site"

PAIRS += [
    ("RES-009", "EU", _k8s62_eks("eu-central-1"), _k8s62_eks("us-west-2"),
     "eks_properties.pod_properties.containers[0](docker run).aws"),
    ("RES-009", "EU", _k8s62_cfn_eks("eu-central-1"), _k8s62_cfn_eks("us-west-2"),
     "template_body(json).Resources.X.Properties.EksProperties.PodProperties.Containers[0](docker run).aws"),
    ("RES-009", "EU", _k8s62_lightsail(image=_ECS61_CLI, commands=_ecs61_copy("eu-central-1")),
     _k8s62_lightsail(image=_ECS61_CLI, commands=_ecs61_copy("us-west-2")), "containers[0](docker run).aws"),
    ("RES-015", "EU",
     _k8s62_lightsail(image="public.ecr.aws/datadog/agent:7",
                      environment={"DD_API_KEY": "k", "DD_DD_URL": "https://10.0.3.20:3834"}),
     _k8s62_lightsail(image="public.ecr.aws/datadog/agent:7", environment={"DD_API_KEY": "k"}),
     "containers[0](docker run)(image)(default).host"),
    ("RES-015", "CN", _k8s62_eci("10.0.5.12"), _k8s62_eci(_K8S62_PARTNER), "containers[0](docker run).pg_dump"),
    ("RES-015", "CN", _k8s62_ros_eci("10.0.5.12"), _k8s62_ros_eci(_K8S62_PARTNER),
     "template_body(json).Resources.X.Properties.Container[0](docker run).pg_dump"),
    ("RES-015", "CN", _k8s62_sae("10.0.5.12"), _k8s62_sae(_K8S62_PARTNER), "(docker run).mysqldump"),
    ("RES-015", "EU",
     _ecs61_task(image="public.ecr.aws/datadog/agent:7", secrets=_ECS61_KEY,
                 environment=[{"name": "DD_DD_URL", "value": "https://10.0.3.20:3834"}]),
     _ecs61_task(image="public.ecr.aws/datadog/agent:7",
                 secrets=[*_ECS61_KEY, {"name": "DD_SITE", "valueFrom": _K8S62_SITE}]),
     "container_definitions(json)[0](variables)[1].DD_SITE"),
]  # fmt: skip


def test_k8s62_a_secret_site_is_unknown_until_declared() -> None:
    """The Agent's ``DD_SITE`` from a container secret: RES-015 by the secret's reference (ecs61 counted it set and
    passed it), the finding's text naming the fix (declared
    by that text it passes: tests/test_scripts.py). A secret for another variable
    (``DD_API_KEY``) and a secret ``DD_SITE`` of a container that is no Agent's are no destination."""
    secrets = [*_ECS61_KEY, {"name": "DD_SITE", "valueFrom": _K8S62_SITE}]
    findings = RuleEngine("EU").check(_ecs61_task(image="public.ecr.aws/datadog/agent:7", secrets=secrets))[0]
    assert [(f.rule.id, str(f.value)) for f in findings] == [("RES-015", _K8S62_SITE)]
    assert (
        "DD_SITE is given by" in findings[0].detail and "declare it in sovereign-dc:destinations" in findings[0].detail
    )
    assert RuleEngine("EU").check(_ecs61_task(image="orders-api:3", secrets=secrets))[0] == []


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        # a shell's `-c` script of several lines in `args` (Kubernetes' "Run a command in a shell")
        ({"commands": ["/bin/sh", "-c"], "args": ["set -e\naws " + " ".join(_ecs61_copy("us-west-2"))]},
         ("RES-009", "us-west-2")),
        # `envs` naming DD_SITE empty: the Agent's default site
        ({"image": "public.ecr.aws/datadog/agent:7", "envs": [{"name": "DD_SITE", "value": ""}]},
         ("RES-015", "datadoghq.com")),
    ],
)  # fmt: skip
def test_k8s62_a_batch_eks_container_is_its_docker_run_line(
    container: dict[str, Any], expected: tuple[str, str]
) -> None:
    """A Batch EKS container's shell script and variables, read as a Kubernetes container's (before stop 62 each
    passed every door in EU)."""
    pod = {"pod_properties": {"containers": [{"name": "c", "image": _ECS61_CLI, **container}]}}
    subject = aws(_ECS61_JOB, _PINNED_EU, name="j", type="container", eks_properties=pod)
    assert {(f.rule.id, str(f.value)) for f in RuleEngine("EU").check(subject)[0]} == {expected}


# the lead (stop 62): a script's host option holding a whole template variable of the one-text Fn::Sub the script is
# (`mysql -h ${DbHost}`) was read as a shell variable no line sets and passed every door (alired62's open finding); it
# is what the template gives there, judged as a URL's template host is. And the template's escape `${!H}` is the text
# `${H}` (AWS / ROS "Fn::Sub"), read with the value the script gives H (it was bash's indirect `${!H}`: RES-015, a false
# alarm).
def _ec2_user_data62(text: str, parameters: dict[str, Any]) -> Subject:
    instance = {"Type": "AWS::EC2::Instance",
                "Properties": {"ImageId": "ami-1", "UserData": {"Fn::Base64": {"Fn::Sub": text}}}}  # fmt: skip
    db = {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "postgres"}}
    return _cfn_stack(_PINNED_EU, {"App": instance, "Db": db}, Parameters=parameters)


@pytest.mark.parametrize(
    ("script", "parameters", "expected"),
    [
        ("psql -h ${DbHost} -U app\n", {"DbHost": {"Type": "String"}}, [("RES-015", "${DbHost}")]),
        ("mysql --host=${DbHost} -u app\n", {"DbHost": {"Type": "String"}}, [("RES-015", "${DbHost}")]),
        ("psql -h ${DbHost} -U app\n", {"DbHost": {"Type": "String", "Default": "10.0.3.7"}}, []),
        ("psql -h ${Db.Endpoint.Address} -U app\n", {}, []),
        ("H=10.0.3.7\npsql -h ${!H} -U app\n", {}, []),
        ("H=db.partner.example.com\npsql -h ${!H} -U app\n", {}, [("RES-015", "db.partner.example.com")]),
        ("R=H\nH=10.0.3.7\npsql -h ${!!R} -U app\n", {}, []),
    ],
)
def test_lead62_a_template_variable_at_a_script_host_option(
    script: str, parameters: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    found = RuleEngine("EU").check(_ec2_user_data62("#!/bin/bash\n" + script, parameters))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("mysql -h ${DbHost} -u app fleet\n", [("RES-015", "${DbHost}")]),
        ("redis-cli -h ${DbHost} ping\n", [("RES-015", "${DbHost}")]),
        ("mysql -h ${Polar.PrimaryConnectionString} -u app fleet\n", []),
        ("H=10.0.0.5\nmysql -h ${!H} -u app fleet\n", []),
    ],
)
def test_lead62_a_ros_template_variable_at_a_script_host_option(script: str, expected: list[tuple[str, str]]) -> None:
    found = RuleEngine("CN").check(_user_data62("#!/bin/bash\n" + script))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == expected


# alired63 (stop 63): the address attributes of the ROS database types round 22 left (template_attributes): an
# AnalyticDB for MySQL cluster, an AnalyticDB for PostgreSQL instance (elastic too) and its public connection, a
# PolarDB-X instance and an RDS public connection, each by its ConnectionString. A host or URL written from one was
# RES-015 (a false alarm); an id or port attribute, an attribute the type does not give, and the address types with no
# address attribute (a MongoDB sharded cluster, an RDS database proxy) stay refused.
_DBS63 = {
    "Adb": {"Type": "ALIYUN::ADB::DBCluster", "Properties": {"DBClusterCategory": "MixedStorage"}},
    "Gp": {"Type": "ALIYUN::GPDB::DBInstance", "Properties": {"EngineVersion": "6.0"}},
    "GpElastic": {"Type": "ALIYUN::GPDB::ElasticDBInstance", "Properties": {"EngineVersion": "6.0"}},
    "GpPublic": {"Type": "ALIYUN::GPDB::InstancePublicConnection", "Properties": {"DBInstanceId": {"Ref": "Gp"}}},
    "Px": {"Type": "ALIYUN::PolarDBX::DBInstance", "Properties": {"DBNodeClass": "polarx.x4.large.2e"}},
    "RdsPublic": {"Type": "ALIYUN::RDS::Connection", "Properties": {"DBInstanceId": "rm-1", "Port": 3306}},
    "Shards": {"Type": "ALIYUN::MONGODB::ShardingInstance", "Properties": {"EngineVersion": "7.0"}},
    "Proxy": {"Type": "ALIYUN::RDS::DBProxy", "Properties": {"DBInstanceId": "rm-1"}},
}


@pytest.mark.parametrize(
    ("host", "expected"),
    [({"Fn::GetAtt": ["Adb", "ConnectionString"]}, []),
     ({"Fn::GetAtt": ["Gp", "ConnectionString"]}, []),
     ({"Fn::GetAtt": ["GpElastic", "ConnectionString"]}, []),
     ({"Fn::Sub": "${GpPublic.ConnectionString}"}, []),
     ({"Fn::GetAtt": ["Px", "ConnectionString"]}, []),
     ({"Fn::GetAtt": ["RdsPublic", "ConnectionString"]}, []),
     ({"Fn::GetAtt": ["Adb", "DBClusterId"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Px", "Port"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Gp", "DBInstanceId"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Adb", "PrimaryConnectionString"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Shards", "DBInstanceId"]}, ["RES-015"]),
     ({"Fn::GetAtt": ["Proxy", "ConnectionString"]}, ["RES-015"]),
     ("am-partner0001.ads.aliyuncs.com", ["RES-015"])],
)  # fmt: skip
def test_alired63_the_template_s_own_warehouse_address_is_its_own(host: Any, expected: list[str]) -> None:
    found = RuleEngine("CN").check(_rds_store61(host, extra=_DBS63))[0]
    assert [(f.rule.id, f.path) for f in found] == [
        (rule, "template_body(json).Resources.X.Properties.Host") for rule in expected
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [({"Fn::Sub": "mysql://${Adb.ConnectionString}:3306/fleet"}, []),
     ({"Fn::Sub": "postgres://reports@${GpPublic.ConnectionString}:5432/fleet"}, []),
     ({"Fn::Sub": "mysql://${Px.ConnectionString}:${Px.Port}/fleet"}, []),
     ({"Fn::Sub": "mysql://${Adb.OrderId}:3306/fleet"}, ["RES-015"]),
     ("postgres://reports@gp-partner0001-master.gpdb.rds.aliyuncs.com:5432/fleet", ["RES-015"])],
)  # fmt: skip
def test_alired63_a_function_s_warehouse_url_from_the_template_s_own_database(url: Any, expected: list[str]) -> None:
    function = {"Type": "ALIYUN::FC3::Function", "Properties": {
        "FunctionName": "f", "Runtime": "python3.10", "Handler": "index.handler",
        "EnvironmentVariables": {"WAREHOUSE_URL": url}}}  # fmt: skip
    found = RuleEngine("CN").check(_ros60({**_DBS63, "F": function}))[0]
    assert [f.rule.id for f in found] == expected


# -- awsred63 (stop 63): Oracle Database@AWS through another account's shared network or infrastructure, endpoint
# policies that grant nothing (an ODB network's, a template VPC endpoint's), CloudTrail's and Audit Manager's delegated
# administrators.
_PARTNER63 = "444455556666"


def _odb63(account: str, resource: str) -> str:
    return f"arn:aws:odb:eu-central-1:{account}:{resource}"


@pytest.mark.parametrize(
    ("type_", "props", "paths"),
    [
        ("aws:odb/networkPeeringConnection:NetworkPeeringConnection",
         {"odb_network_arn": _odb63(_PARTNER63, "odb-network/odbnet_1"), "peer_network_id": "vpc-1"},
         ["odb_network_arn"]),
        ("aws:odb/networkPeeringConnection:NetworkPeeringConnection",
         {"odb_network_id": _odb63(_PARTNER63, "odb-network/odbnet_1"), "peer_network_id": "vpc-1"},
         ["odb_network_id"]),
        ("aws:odb/networkPeeringConnection:NetworkPeeringConnection",
         {"odb_network_id": "odbnet_3l9st3litg", "peer_network_id": "vpc-1"}, []),
        ("aws:odb/networkPeeringConnection:NetworkPeeringConnection",
         {"odb_network_arn": _odb63("123456789012", "odb-network/odbnet_1"), "peer_network_id": "vpc-1"}, []),
        ("aws:odb/cloudVmCluster:CloudVmCluster",
         {"odb_network_arn": _odb63(_PARTNER63, "odb-network/odbnet_1"),
          "cloud_exadata_infrastructure_arn": _odb63(_PARTNER63, "cloud-exadata-infrastructure/exa_1")},
         ["cloud_exadata_infrastructure_arn", "odb_network_arn"]),
        ("aws:odb/cloudAutonomousVmCluster:CloudAutonomousVmCluster",
         {"odb_network_arn": _odb63("123456789012", "odb-network/odbnet_1"),
          "cloud_exadata_infrastructure_arn": _odb63(_PARTNER63, "cloud-exadata-infrastructure/exa_1")},
         ["cloud_exadata_infrastructure_arn"]),
        ("aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
         {"account_id": _PARTNER63}, ["account_id"]),
        ("aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
         {"account_id": "123456789012"}, []),
        ("aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration",
         {"admin_account_id": _PARTNER63}, ["admin_account_id"]),
        ("aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration",
         {"admin_account_id": "123456789012"}, []),
    ],
)  # fmt: skip
def test_awsred63_another_accounts_odb_network_and_delegated_administrators_are_refused(
    type_: str, props: dict[str, Any], paths: list[str]
) -> None:
    found = RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0]
    assert sorted((f.rule.id, f.path) for f in found) == [("RES-023", p) for p in paths]


def test_awsred63_a_shared_odb_network_is_refused_in_a_template_and_declared_by_its_account() -> None:
    peering = {"Type": "AWS::ODB::OdbPeeringConnection", "Properties": {
        "OdbNetworkId": _odb63(_PARTNER63, "odb-network/odbnet_1"), "PeerNetworkId": "vpc-1"}}  # fmt: skip
    cluster = {"Type": "AWS::ODB::CloudVmCluster", "Properties": {
        "OdbNetworkId": {"Ref": "Network"},
        "CloudExadataInfrastructureId": _odb63(_PARTNER63, "cloud-exadata-infrastructure/exa_1")}}  # fmt: skip
    subject = _cfn_stack(_PINNED_EU, {"Peering": peering, "Cluster": cluster})
    found = RuleEngine("EU").check(subject)[0]
    assert sorted(f.path.rsplit(".", 1)[-1] for f in found) == ["CloudExadataInfrastructureId", "OdbNetworkId"]
    assert {f.rule.id for f in found} == {"RES-023"}
    assert all(_PARTNER63 in (f.detail or "") for f in found)
    entry = {"id": "dba-msp", "kind": "resident", "match": f"arn:aws:iam::{_PARTNER63}:",
             "evidence": "the DBA service provider's account, its SCP keeps the market's Regions"}  # fmt: skip
    declared = RuleEngine("EU", destinations=parse_destinations([entry])).check(subject)[0]
    assert declared and all(f.declared_by == "dba-msp" for f in declared)
    own = json.loads(json.dumps(peering).replace(_PARTNER63, "123456789012"))
    assert RuleEngine("EU").check(_cfn_stack(_PINNED_EU, {"Peering": own}))[0] == []


def _everyone63(actions: list[str], resource: Any) -> dict[str, Any]:
    return {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": "*", "Action": actions, "Resource": resource}]}  # fmt: skip


_KMS63 = _everyone63(["kms:Decrypt", "kms:GenerateDataKey"], "*")
_OWN_BUCKET63 = _everyone63(["s3:GetObject"], {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Exports}/*"})


@pytest.mark.parametrize(
    ("resources", "expected"),
    [
        ({"E": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcId": "vpc-1", "PolicyDocument": _KMS63}}}, []),
        ({"Exports": {"Type": "AWS::S3::Bucket", "Properties": {}},
          "E": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcId": "vpc-1", "PolicyDocument": _OWN_BUCKET63}}},
         []),
        ({"E": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {
            "VpcId": "vpc-1", "PolicyDocument": _everyone63(["s3:GetObject"], "arn:aws:s3:::partner-exports/*")}}},
         [("RES-017", "PolicyDocument.Statement[0].Resource")]),
        ({"N": {"Type": "AWS::ODB::OdbNetwork", "Properties": {"KmsPolicyDocument": json.dumps(_KMS63),
                                                               "StsPolicyDocument": json.dumps(_KMS63)}}}, []),
        # A policy that does grant (a bucket policy) beside them stays refused.
        ({"B": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": "b", "PolicyDocument": _everyone63(
            ["s3:GetObject"], {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Exports}/*"})}},
          "Exports": {"Type": "AWS::S3::Bucket", "Properties": {}},
          "E": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcId": "vpc-1", "PolicyDocument": _KMS63}}},
         [("RES-024", "PolicyDocument.Statement[0].Principal")]),
    ],
)  # fmt: skip
def test_awsred63_a_templates_endpoint_policy_grants_nothing(
    resources: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    found = RuleEngine("EU").check(_cfn_stack(_PINNED_EU, resources))[0]
    assert [(f.rule.id, f.path.split(".Properties.", 1)[1]) for f in found] == expected


@pytest.mark.parametrize(
    ("props", "expected"),
    [
        ({"kms_policy_document": json.dumps(_KMS63), "sts_policy_document": json.dumps(_KMS63)}, []),
        ({"s3_policy_document": json.dumps(_everyone63(["s3:GetObject"], "arn:aws:s3:::partner-exports/*"))},
         [("RES-017", "s3_policy_document(json).Statement[0].Resource")]),
        ({"cross_region_s3_restore_sources_accesses": ["us-west-2"]},
         [("RES-009", "cross_region_s3_restore_sources_accesses[0]")]),
    ],
)  # fmt: skip
def test_awsred63_an_odb_networks_endpoint_policies_grant_nothing(
    props: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    found = RuleEngine("EU").check(aws("aws:odb/network:Network", _PINNED_EU, display_name="n", **props))[0]
    assert [(f.rule.id, f.path) for f in found] == expected


# k8s63 (stop 63): an App Runner service's start command (App Runner API ImageConfiguration / CodeConfigurationValues
# StartCommand, one string that overrides the image's start command) is read as a command line (script_fields): a
# partner's database or a Region abroad there passed every door in EU (Pulumi and the AWS::AppRunner::Service twin).
_K8S63_RUNNER = "aws:apprunner/service:Service"


def _k8s63_image_runner(start: str) -> Subject:
    image = {"image_identifier": "public.ecr.aws/aws-cli/aws-cli:2", "image_repository_type": "ECR_PUBLIC",
             "image_configuration": {"port": "8080", "start_command": start}}  # fmt: skip
    return aws(_K8S63_RUNNER, _PINNED_EU, service_name="s", source_configuration={"image_repository": image})


def _k8s63_code_runner(start: str) -> Subject:
    code = {"configuration_source": "API", "code_configuration_values": {"runtime": "PYTHON_3", "start_command": start}}
    repository = {"repository_url": "https://git-codecommit.eu-central-1.amazonaws.com/v1/repos/api",
                  "code_configuration": code, "source_code_version": {"type": "BRANCH", "value": "main"}}  # fmt: skip
    return aws(_K8S63_RUNNER, _PINNED_EU, service_name="s", source_configuration={"code_repository": repository})


def _k8s63_cfn_runner(start: str) -> Subject:
    image = {"ImageIdentifier": "public.ecr.aws/aws-cli/aws-cli:2", "ImageRepositoryType": "ECR_PUBLIC",
             "ImageConfiguration": {"Port": "8080", "StartCommand": start}}  # fmt: skip
    service = {"Type": "AWS::AppRunner::Service", "Properties": {"SourceConfiguration": {"ImageRepository": image}}}
    return _cfn_stack(_PINNED_EU, {"Api": service})


_K8S63_PUT = "aws ssm put-parameter --name /api/up --value 1 --region {}"


@pytest.mark.parametrize("make", [_k8s63_image_runner, _k8s63_code_runner, _k8s63_cfn_runner])
@pytest.mark.parametrize(
    ("home", "away", "expected"),
    [
        ("psql -h 10.0.5.12 -c 'select 1'", "psql -h db.partner-analytics.com -c 'select 1'",
         ("RES-015", "db.partner-analytics.com")),
        (_K8S63_PUT.format("eu-central-1"), _K8S63_PUT.format("us-west-2"), ("RES-009", "us-west-2")),
        (f'/bin/sh -c "{_K8S63_PUT.format("eu-central-1")} && exec gunicorn app:app"',
         f'/bin/sh -c "{_K8S63_PUT.format("us-west-2")} && exec gunicorn app:app"', ("RES-009", "us-west-2")),
        ("gunicorn -b 0.0.0.0:8080 app:app", "gunicorn -b 0.0.0.0:8080 app:app", None),
    ],
)  # fmt: skip
def test_k8s63_an_app_runner_start_command_is_a_command_line(
    make: Callable[[str], Subject], home: str, away: str, expected: tuple[str, str] | None
) -> None:
    assert RuleEngine("EU").check(make(home))[0] == []
    found = RuleEngine("EU").check(make(away))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == ([expected] if expected else [])
    assert all("startcommand" in f.path.lower().replace("_", "") for f in found)


# k8s63 (stop 63): an ROS ALIYUN::SAE::Application is one container, as its Pulumi twin is (stack_templates `resources`
# maps it to sae/application, whose inputs are one container: containers path ""): its ImageUrl / Command / CommandArgs
# / Envs are read as the `docker run` line they are (a partner's database in CommandArgs, and the Datadog Agent's image
# with its API key alone, passed every door in CN before).
_K8S63_SAE = {"AppName": "a", "NamespaceId": "cn-shanghai:fleet", "PackageType": "Image", "Replicas": 1}
_K8S63_MIRROR = "registry-vpc.cn-shanghai.aliyuncs.com/fleet-mirror"
_K8S63_KEY = {"name": "DD_API_KEY", "value": "k"}


@pytest.mark.parametrize(
    ("home", "away", "expected"),
    [
        ({"ImageUrl": f"{_K8S63_MIRROR}/mysql:8.4", "Command": "mysqldump",
          "CommandArgs": json.dumps(["-h", "10.0.5.12", "-u", "ro", "orders"])},
         {"ImageUrl": f"{_K8S63_MIRROR}/mysql:8.4", "Command": "mysqldump",
          "CommandArgs": json.dumps(["-h", "db.partner-analytics.com", "-u", "ro", "orders"])},
         ("RES-015", "db.partner-analytics.com")),
        # the Agent's image: its site the VPC's proxy (DD_DD_URL), or its API key alone (the default site, US1)
        ({"ImageUrl": f"{_K8S63_MIRROR}/datadog/agent:7",
          "Envs": json.dumps([_K8S63_KEY, {"name": "DD_DD_URL", "value": "http://10.0.5.20:3834"}])},
         {"ImageUrl": f"{_K8S63_MIRROR}/datadog/agent:7", "Envs": json.dumps([_K8S63_KEY])},
         ("RES-015", "datadoghq.com")),
    ],
)  # fmt: skip
def test_k8s63_an_ros_sae_application_is_one_container(
    home: dict[str, Any], away: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert RuleEngine("CN").check(_ros("ALIYUN::SAE::Application", **_K8S63_SAE, **home))[0] == []
    found = RuleEngine("CN").check(_ros("ALIYUN::SAE::Application", **_K8S63_SAE, **away))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == [expected]
    assert found[0].path.startswith("template_body(json).Resources.X.Properties(docker run)")
    # the same properties under another type are no container (the reading is the SAE twin's only)
    assert RuleEngine("CN").check(_ros("ALIYUN::SAE::Namespace", **_K8S63_SAE, **away))[0] == []


# mutation63 (stop 63): a Batch EKS container's `$(NAME)` references are Kubernetes' (Batch EksContainer: "Environment
# variable references are expanded using the container's environment"; container_forms `kubernetes`:
# variable_references): `args: [..., "--region", "$(T)"]` with `T` a home Region was RES-011 on main 86a0559b (a false
# alarm; abroad RES-011 for RES-009); a reference no variable resolves stays unknown (fail closed).
@pytest.mark.parametrize(
    ("envs", "expected"),
    [
        ([{"name": "T", "value": "eu-central-1"}], set()),
        ([{"name": "T", "value": "us-west-2"}], {("RES-009", "us-west-2")}),
        ([], {("RES-011", "$(T)")}),
    ],
)
def test_mutation63_a_batch_eks_containers_variable_reference(envs: list[Any], expected: set[tuple[str, str]]) -> None:
    container = {"name": "c", "image": _ECS61_CLI, "args": [*_ecs61_copy("$(T)")], "envs": envs}
    subject = aws(_ECS61_JOB, _PINNED_EU, name="j", type="container",
                  eks_properties={"pod_properties": {"containers": [container]}})  # fmt: skip
    assert {(f.rule.id, str(f.value)) for f in RuleEngine("EU").check(subject)[0]} == expected


# fnros63 (stop 63): a template variable reaching a script's host or Region option through a shell variable of the
# one-text Fn::Sub the script is (`R=${TargetRegion}` then `--region "$R"`): the template fills the text before the
# machine runs it, so the option holds what the template gives (it was read as a shell variable no line sets and
# passed every door).
@pytest.mark.parametrize(
    ("script", "parameters", "expected"),
    [
        ("R=${TargetRegion}\naws s3 ls --region $R\n", {"TargetRegion": {"Type": "String"}},
         [("RES-015", "${TargetRegion}")]),
        ('R="${TargetRegion}"\naws s3 ls --region "$R"\n', {"TargetRegion": {"Type": "String"}},
         [("RES-015", "${TargetRegion}")]),
        ('H=${DbHost}\npsql -h "$H" -U app\n', {"DbHost": {"Type": "String"}}, [("RES-015", "${DbHost}")]),
        ('H=${DbHost}.internal\npsql -h "$H" -U app\n', {"DbHost": {"Type": "String"}},
         [("RES-015", "${DbHost}.internal")]),
        ("R=${TargetRegion}\naws s3 ls --region $R\n", {"TargetRegion": {"Type": "String", "Default": "us-east-1"}},
         [("RES-009", "us-east-1")]),
        # compliant twins
        ("R=${TargetRegion}\naws s3 ls --region $R\n", {"TargetRegion": {"Type": "String", "Default": "eu-central-1"}},
         []),
        ("R=${AWS::Region}\naws s3 ls --region $R\n", {}, []),
        ('H=${Db.Endpoint.Address}\npsql -h "$H" -U app\n', {}, []),
        ('X=10.0.3.7\nH=${!X}\npsql -h "$H" -U app\n', {}, []),
        # a shell variable the script sets itself is read as before
        ("R=eu-west-1\naws s3 ls --region $R\n", {}, []),
    ],
)  # fmt: skip
def test_fnros63_a_template_variable_assigned_to_a_shell_variable_at_an_option(
    script: str, parameters: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    found = RuleEngine("EU").check(_ec2_user_data62("#!/bin/bash\n" + script, parameters))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('R=${TargetRegion}\naliyun ecs DescribeInstances --region "$R"\n', [("RES-015", "${TargetRegion}")]),
        ('H=${DbHost}\nmysql -h "$H" -u app fleet\n', [("RES-015", "${DbHost}")]),
        ('R=${ALIYUN::Region}\naliyun ecs DescribeInstances --region "$R"\n', []),
        ('H=${Polar.PrimaryConnectionString}\nmysql -h "$H" -u app fleet\n', []),
    ],
)
def test_fnros63_a_ros_template_variable_assigned_to_a_shell_variable(
    script: str, expected: list[tuple[str, str]]
) -> None:
    found = RuleEngine("CN").check(_user_data62("#!/bin/bash\n" + script))[0]
    assert [(f.rule.id, str(f.value)) for f in found] == expected


# -- awsred64 (stop 64): AWS red team, round 41 ----------------------------------------------------------------------

_PARTNER64 = "444455556666"
_OWN64 = "123456789012"


def _awsred64_subjects(account: str) -> list[tuple[str, dict[str, Any], str]]:
    evidently = f"arn:aws:evidently:eu-central-1:{account}:project/web/experiment/form"
    return [
        ("aws:datazone/environment:Environment", {"name": "lake", "domain_identifier": "dzd_1",
         "project_identifier": "prj_1", "profile_identifier": "ep_1", "account_identifier": account,
         "account_region": "eu-central-1"}, "account_identifier"),
        ("aws:datazone/environmentProfile:EnvironmentProfile", {"name": "lake", "domain_identifier": "dzd_1",
         "project_identifier": "prj_1", "environment_blueprint_identifier": "bp_1", "aws_account_id": account,
         "aws_account_region": "eu-central-1"}, "aws_account_id"),
        ("aws:opensearchingest/pipelineEndpoint:PipelineEndpoint", {"pipeline_arn":
         f"arn:aws:osis:eu-central-1:{account}:pipeline/logs", "vpc_options": {"subnet_ids": ["subnet-1"]}},
         "pipeline_arn"),
        ("aws:rum/metricsDestination:MetricsDestination", {"app_monitor_name": "web", "destination": "Evidently",
         "destination_arn": evidently, "iam_role_arn": f"arn:aws:iam::{_OWN64}:role/rum"}, "destination_arn"),
    ]  # fmt: skip


@pytest.mark.parametrize("index", range(4))
def test_awsred64_an_environment_pipeline_or_metrics_destination_of_another_account_is_refused(index: int) -> None:
    type_, props, path = _awsred64_subjects(_PARTNER64)[index]
    found = RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-023", path)]
    assert _PARTNER64 in (found[0].detail or "")
    type_, props, _ = _awsred64_subjects(_OWN64)[index]
    assert RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0] == []
    # an aws-cn account is China's by partition
    type_, props, _ = _awsred64_subjects(_PARTNER64)[index]
    cn = json.loads(json.dumps(props).replace("arn:aws:", "arn:aws-cn:").replace("eu-central-1", "cn-north-1"))
    assert RuleEngine("CN").check(aws(type_, _PINNED_CN46, **cn))[0] == []


def _awsred64_template(account: Any, arn: Any) -> dict[str, Any]:
    return {
        "Env": {"Type": "AWS::DataZone::Environment", "Properties": {"DomainIdentifier": "dzd_1",
                "ProjectIdentifier": "prj_1", "Name": "lake", "EnvironmentAccountIdentifier": account}},
        "Profile": {"Type": "AWS::DataZone::EnvironmentProfile", "Properties": {"DomainIdentifier": "dzd_1",
                    "ProjectIdentifier": "prj_1", "Name": "lake", "EnvironmentBlueprintIdentifier": "bp_1",
                    "AwsAccountId": account, "AwsAccountRegion": {"Ref": "AWS::Region"}}},
        "Endpoint": {"Type": "AWS::OSIS::PipelineEndpoint", "Properties": {
                     "PipelineArn": arn("osis", "pipeline/logs"), "VpcOptions": {"SubnetIds": ["subnet-1"]}}},
        "Monitor": {"Type": "AWS::RUM::AppMonitor", "Properties": {"Name": "web", "Domain": "web.example.eu",
                    "AppMonitorConfiguration": {"MetricDestinations": [{"Destination": "Evidently",
                    "DestinationArn": arn("evidently", "project/web/experiment/form")}]}}},
    }  # fmt: skip


def _account_twins_refused_and_declared(
    template: Callable[[Any, Callable[[str, str], Any]], dict[str, Any]],
    partner_id: str,
    paths: list[str],
    entry: dict[str, str],
) -> None:
    """A template's resources naming ``partner_id``'s account at ``paths`` (RES-023 each, in the EU), all declared by
    ``entry`` (a resident declaration of that account), and the twin naming the stack's own account passing."""
    partner = template(partner_id, lambda s, r: f"arn:aws:{s}:eu-central-1:{partner_id}:{r}")
    found = RuleEngine("EU").check(_cfn_stack(_PINNED_EU, partner))[0]
    assert sorted((f.rule.id, f.path.split(".Resources.", 1)[1]) for f in found) == [("RES-023", p) for p in paths]
    declared = RuleEngine("EU", destinations=parse_destinations([entry])).check(_cfn_stack(_PINNED_EU, partner))[0]
    assert len(declared) == len(paths) and all(f.declared_by == entry["id"] for f in declared)
    own = template({"Ref": "AWS::AccountId"}, lambda s, r: {
        "Fn::Sub": f"arn:${{AWS::Partition}}:{s}:${{AWS::Region}}:${{AWS::AccountId}}:{r}"})  # fmt: skip
    assert RuleEngine("EU").check(_cfn_stack(_PINNED_EU, own))[0] == []


def test_awsred64_the_template_twins_are_refused_and_declared_by_their_account() -> None:
    paths = [
        "Endpoint.Properties.PipelineArn",
        "Env.Properties.EnvironmentAccountIdentifier",
        "Monitor.Properties.AppMonitorConfiguration.MetricDestinations[0].DestinationArn",
        "Profile.Properties.AwsAccountId",
    ]
    entry = {"id": "analytics-partner", "kind": "resident", "match": f"arn:aws:iam::{_PARTNER64}:",
             "evidence": "the analytics partner's account, its SCP keeps the market's Regions"}  # fmt: skip
    _account_twins_refused_and_declared(_awsred64_template, _PARTNER64, paths, entry)


_PAGES64 = {"included_pages": ["https://web.example.eu/claims/*"]}


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (_PAGES64, []),
        ({**_PAGES64, "identity_pool_id": "us-west-2:0a1b2c3d-1111-2222-3333-444455556666"},
         [("RES-009", "app_monitor_configuration.identity_pool_id")]),
        ({"excluded_pages": ["https://web.example.eu/admin"], "favorite_pages": ["https://web.example.eu/claims/new"]},
         []),
    ],
)  # fmt: skip
def test_awsred64_a_rum_app_monitors_page_filters_are_no_destinations(
    config: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    subject = aws("aws:rum/appMonitor:AppMonitor", _PINNED_EU, name="web", domain="web.example.eu",
                  app_monitor_configuration=config)  # fmt: skip
    assert [(f.rule.id, f.path) for f in RuleEngine("EU").check(subject)[0]] == expected


def test_awsred64_a_templates_rum_page_filters_are_no_destinations() -> None:
    monitor = {"Type": "AWS::RUM::AppMonitor", "Properties": {"Name": "web", "Domain": "web.example.eu",
               "AppMonitorConfiguration": {"IncludedPages": _PAGES64["included_pages"]}}}  # fmt: skip
    assert RuleEngine("EU").check(_cfn_stack(_PINNED_EU, {"Monitor": monitor}))[0] == []
    other = json.loads(json.dumps(monitor))
    del other["Properties"]["AppMonitorConfiguration"]["IncludedPages"]
    other["Properties"]["AppMonitorConfiguration"]["ExcludedPages"] = ["https://web.example.eu/admin"]
    other["Properties"]["AppMonitorConfiguration"]["FavoritePages"] = ["https://web.example.eu/claims/new"]
    other["Properties"]["AppMonitorConfiguration"]["IdentityPoolId"] = "us-west-2:0a1b2c3d-1111-2222-3333-444455556666"
    found = RuleEngine("EU").check(_cfn_stack(_PINNED_EU, {"Monitor": other}))[0]
    assert [(f.rule.id, f.path.rsplit(".", 1)[-1]) for f in found] == [("RES-009", "IdentityPoolId")]


# -- stop 65, AWS red team round 42 (awsred65): Incident Manager engagements of another account, a RAM share's exclusive
# associations, another account's KMS key (decided: judged by its Region only) --------------------------------------

_PARTNER65 = "444455556666"


def _awsred65_subjects(
    account: str, partition: str = "aws", region: str = "eu-central-1"
) -> list[tuple[str, dict[str, Any], str]]:
    contact = f"arn:{partition}:ssm-contacts:{region}:{account}:contact/sre"
    channel = f"arn:{partition}:ssm-contacts:{region}:{account}:contact-channel/sre/0a1b2c3d"
    own = f"arn:{partition}:ssm-contacts:{region}:{_OWN64}:contact/escalation"
    template = {"title": "Claims API unavailable", "impact": 1}
    return [
        ("aws:ssmcontacts/plan:Plan", {"contact_id": own, "stages": [{"duration_in_minutes": 5, "targets": [
            {"contact_target_info": {"contact_id": contact, "is_essential": True}}]}]},
         "stages[0].targets[0].contact_target_info.contact_id"),
        ("aws:ssmcontacts/plan:Plan", {"contact_id": own, "stages": [{"duration_in_minutes": 5, "targets": [
            {"channel_target_info": {"contact_channel_id": channel, "retry_interval_in_minutes": 2}}]}]},
         "stages[0].targets[0].channel_target_info.contact_channel_id"),
        ("aws:ssmincidents/responsePlan:ResponsePlan", {"name": "sev1", "incident_template": template,
                                                        "engagements": [contact]}, "engagements[0]"),
        ("aws:ssmincidents/responsePlan:ResponsePlan", {"name": "sev1", "incident_template": template,
         "chat_channels": [f"arn:{partition}:sns:{region}:{account}:incidents-chat"]}, "chat_channels[0]"),
    ]  # fmt: skip


@pytest.mark.parametrize("index", range(4))
def test_awsred65_an_incident_engagement_of_another_account_is_refused(index: int) -> None:
    type_, props, path = _awsred65_subjects(_PARTNER65)[index]
    found = RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-023", path)]
    assert _PARTNER65 in (found[0].detail or "")
    entry = {"id": "claims-msp", "kind": "resident", "match": f"arn:aws:iam::{_PARTNER65}:",
             "evidence": "the managed-service partner's account; its SCP keeps the market's Regions"}  # fmt: skip
    declared = RuleEngine("EU", destinations=parse_destinations([entry])).check(aws(type_, _PINNED_EU, **props))[0]
    assert [f.declared_by for f in declared] == ["claims-msp"]
    type_, props, _ = _awsred65_subjects(_OWN64)[index]
    assert RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0] == []
    # an aws-cn account is China's by partition
    type_, props, _ = _awsred65_subjects(_PARTNER65, "aws-cn", "cn-north-1")[index]
    assert RuleEngine("CN").check(aws(type_, _PINNED_CN46, **props))[0] == []
    # another account's contact in a Region abroad is refused by its Region as well
    type_, props, path = _awsred65_subjects(_PARTNER65, region="us-west-2")[index]
    rules = {f.rule.id for f in RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0]}
    assert "RES-004" in rules


def _awsred65_template(account: Any, arn: Callable[[str, str], Any]) -> dict[str, Any]:
    targets = [{"ContactTargetInfo": {"ContactId": arn("ssm-contacts", "contact/sre"), "IsEssential": True}},
               {"ChannelTargetInfo": {"ChannelId": arn("ssm-contacts", "contact-channel/sre/0a1b2c3d"),
                                      "RetryIntervalInMinutes": 2}}]  # fmt: skip
    return {
        "Plan": {"Type": "AWS::SSMContacts::Plan", "Properties": {"ContactId": {"Ref": "Escalation"},
                 "Stages": [{"DurationInMinutes": 5, "Targets": targets}]}},
        "Escalation": {"Type": "AWS::SSMContacts::Contact", "Properties": {"Alias": "esc", "DisplayName": "Esc",
                       "Type": "ESCALATION", "Plan": [{"DurationInMinutes": 5, "Targets": targets}]}},
        "Response": {"Type": "AWS::SSMIncidents::ResponsePlan", "Properties": {"Name": "sev1",
                     "IncidentTemplate": {"Title": "t", "Impact": 1},
                     "Engagements": [arn("ssm-contacts", "contact/sre")],
                     "ChatChannel": {"ChatbotSns": [arn("sns", "incidents-chat")]}}},
    }  # fmt: skip


def test_awsred65_the_template_twins_are_refused_and_declared_by_their_account() -> None:
    paths = [
        "Escalation.Properties.Plan[0].Targets[0].ContactTargetInfo.ContactId",
        "Escalation.Properties.Plan[0].Targets[1].ChannelTargetInfo.ChannelId",
        "Plan.Properties.Stages[0].Targets[0].ContactTargetInfo.ContactId",
        "Plan.Properties.Stages[0].Targets[1].ChannelTargetInfo.ChannelId",
        "Response.Properties.ChatChannel.ChatbotSns[0]",
        "Response.Properties.Engagements[0]",
    ]
    entry = {"id": "claims-msp", "kind": "resident", "match": f"arn:aws:iam::{_PARTNER65}:",
             "evidence": "the managed-service partner's account; its SCP keeps the market's Regions"}  # fmt: skip
    _account_twins_refused_and_declared(_awsred65_template, _PARTNER65, paths, entry)  # round 41's body


_EXCLUSIVE65 = "aws:ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive"


@pytest.mark.parametrize(
    ("code", "resources", "expected"),
    [
        ("EU", ["arn:aws:glue:eu-central-1:123456789012:database/claims"], [("RES-016", "resource_arns[0]")]),
        ("EU", ["arn:aws:ec2:eu-central-1:123456789012:subnet/subnet-0a1b2c3d",
                "arn:aws:rds:eu-central-1:123456789012:cluster:claims"], [("RES-016", "resource_arns[1]")]),
        ("EU", ["arn:aws:ec2:eu-central-1:123456789012:subnet/subnet-0a1b2c3d"], []),
        ("CN", ["arn:aws-cn:glue:cn-north-1:123456789012:database/claims"], []),
    ],
)  # fmt: skip
def test_awsred65_a_ram_shares_exclusive_associations_are_judged_by_what_they_share(
    code: str, resources: list[str], expected: list[tuple[str, str]]
) -> None:
    provider = _PINNED_CN46 if code == "CN" else _PINNED_EU
    partition = "aws-cn" if code == "CN" else "aws"
    subject = aws(_EXCLUSIVE65, provider, resource_share_arn=f"arn:{partition}:ram:{provider.region}:123456789012:"
                  "resource-share/claims", principals=[_PARTNER65], resource_arns=resources)  # fmt: skip
    found = RuleEngine(code).check(subject)[0]
    assert [(f.rule.id, f.path) for f in found] == expected
    assert all("aws-ram-data-share" in (f.detail or "") for f in found)


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        ("aws:cloudwatch/logGroup:LogGroup", {"name": "/claims/api", "kms_key_id": "{key}"}),
        ("aws:kinesis/stream:Stream", {"shard_count": 1, "encryption_type": "KMS", "kms_key_id": "{key}"}),
        ("aws:rds/clusterActivityStream:ClusterActivityStream",
         {"resource_arn": "arn:aws:rds:eu-central-1:123456789012:cluster:claims", "mode": "async",
          "kms_key_id": "{key}"}),
        ("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
         {"bucket": "claims-docs", "rules": [{"apply_server_side_encryption_by_default": {
             "sse_algorithm": "aws:kms", "kms_master_key_id": "{key}"}}]}),
    ],
)  # fmt: skip
def test_awsred65_another_accounts_kms_key_is_judged_by_its_region_not_its_account(
    type_: str, props: dict[str, Any]
) -> None:
    # Decided (stop 65): the data and its ciphertext stay in the stack's resource; the key's account can allow or refuse
    # the service's use of the key and sees the request records, never the data. The key's Region is where every
    # cryptographic operation runs: judged as any ARN's.
    def subject(region: str) -> Subject:
        key = f"arn:aws:kms:{region}:{_PARTNER65}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        return aws(type_, _PINNED_EU, **json.loads(json.dumps(props).replace("{key}", key)))

    def key_findings(region: str) -> set[str]:  # the bucket named by a literal is judged as a bucket, apart
        return {f.rule.id for f in RuleEngine("EU").check(subject(region))[0] if "kms" in f.path}

    assert key_findings("eu-central-1") == set()
    assert key_findings("us-west-2") == {"RES-004"}


# alired65 (stop 65): pulumi-alicloud's plural instance type, ros/stackInstances, is judged as ros/stackInstance: an
# override of a Region's form is a Region (typed_region_fields, catalogued Regions only), whatever the Parameter's name,
# and the group it names is joined when the program makes it (stack_set_instances; the table's
# alired65-*-stack-instances-*). On bc352e13 the offending twin passed.
_ROS_STACK_INSTANCES = "alicloud:ros/stackInstances:StackInstances"
PAIRS += [
    ("RES-009", "CN", ali(_ROS_STACK_INSTANCES, stack_group_name="hub-peering", region_ids=["cn-shanghai"],
                          parameter_overrides=[{"parameter_key": "Where", "parameter_value": "cn-beijing"}]),
     ali(_ROS_STACK_INSTANCES, stack_group_name="hub-peering", region_ids=["cn-shanghai"],
         parameter_overrides=[{"parameter_key": "Where", "parameter_value": "ap-southeast-1"}]),
     "parameter_overrides[0].parameter_value"),
]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), [("fleet-uploads-home", []), ("cn-hongkong", ["RES-009"]),
                                                ("cn-beijing", []), ("prod", [])])  # fmt: skip
def test_alired65_a_ros_stack_instances_override_is_judged_as_the_singular_s(value: str, expected: list[str]) -> None:
    pairs = [{"parameter_key": "Target", "parameter_value": value}]
    subject = ali(
        _ROS_STACK_INSTANCES, stack_group_name="uploaders", region_ids=["cn-shanghai"], parameter_overrides=pairs
    )
    assert [f.rule.id for f in RuleEngine("CN").check(subject)[0]] == expected


# awsred66 (stop 66): where a resource of another account receives the stack's data, by account_fields (a QuickSight
# asset's `aws_account_id`) or written_account_fields (an MQ CRDR replica's primary, a knowledge base's vector store, a
# data source's transformation Lambda, an IVS chat room's review handler, a Scheduler universal target's or an
# Automation step's SDK request). Each passed every door with a partner's account on d207e72e (the table's
# awsred66-*-partner rows).
_PARTNER66 = "444455556666"


_Subjects66 = list[tuple[str, dict[str, Any], str]]


def _awsred66_subjects(account: str, part: str = "aws", region: str = "eu-central-1") -> _Subjects66:
    def arn(service: str, resource: str) -> str:
        return f"arn:{part}:{service}:{region}:{account}:{resource}"

    kb = "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase"
    store = {"rds_configuration": {"resource_arn": arn("rds", "cluster:kb"), "database_name": "kb"},
             "opensearch_serverless_configuration": {"collection_arn": arn("aoss", "collection/0a1b2c3d")},
             "opensearch_managed_cluster_configuration": {"domain_arn": arn("es", "domain/kb")},
             "neptune_analytics_configuration": {"graph_arn": arn("neptune-graph", "graph/g-0a1b2c3d")},
             "s3_vectors_configuration": {"index_arn": arn("s3vectors", "bucket/kb/index/claims")}}  # fmt: skip
    function = {"transformation_lambda_configuration": {"lambda_arn": arn("lambda", "function:t")}}
    transform = {
        "custom_transformation_configuration": {
            "transformation": {"step_to_apply": "POST_CHUNKING", "transformation_function": function}
        }
    }
    queue = f"https://sqs.{region}.amazonaws.com{'.cn' if part == 'aws-cn' else ''}/{account}/claims"

    def schedule(action: str, request: dict[str, Any]) -> dict[str, Any]:
        target = {"arn": f"arn:{part}:scheduler:::aws-sdk:{action}", "input": json.dumps(request)}
        return {"schedule_expression": "rate(1 day)", "flexible_time_window": {"mode": "OFF"}, "target": target}

    def runbook(action: str, inputs: dict[str, Any]) -> dict[str, Any]:
        steps = [{"name": "s", "action": action, "inputs": inputs}]
        return {"document_type": "Automation", "content": json.dumps({"schemaVersion": "0.3", "mainSteps": steps})}

    return [
        *[(f"aws:quicksight/{t}", {"aws_account_id": account, "name": "claims"}, "aws_account_id")
          for t in ("dataSource:DataSource", "dataSet:DataSet", "ingestion:Ingestion", "vpcConnection:VpcConnection",
                    "analysis:Analysis", "dashboard:Dashboard", "refreshSchedule:RefreshSchedule")],
        ("aws:mq/broker:Broker", {"broker_name": "r", "data_replication_mode": "CRDR",
         "data_replication_primary_broker_arn": arn("mq", "broker:p:b-0a1b2c3d")},
         "data_replication_primary_broker_arn"),
        *[(kb, {"name": "kb", "storage_configuration": {k: v}}, f"storage_configuration.{k}.{next(iter(v))}")
          for k, v in store.items()],
        ("aws:bedrock/agentDataSource:AgentDataSource", {"name": "ds", "vector_ingestion_configuration": transform},
         "vector_ingestion_configuration.custom_transformation_configuration.transformation.transformation_function."
         "transformation_lambda_configuration.lambda_arn"),
        ("aws:ivschat/room:Room", {"name": "r", "message_review_handler": {"uri": arn("lambda", "function:review")}},
         "message_review_handler.uri"),
        ("aws:scheduler/schedule:Schedule", schedule("sqs:sendMessage", {"QueueUrl": queue, "MessageBody": "x"}),
         "target.input(json).QueueUrl"),
        ("aws:scheduler/schedule:Schedule", schedule("sns:publish", {"TopicArn": arn("sns", "t"), "Message": "x"}),
         "target.input(json).TopicArn"),
        ("aws:scheduler/schedule:Schedule", schedule("lambda:invoke", {"FunctionName": arn("lambda", "function:f")}),
         "target.input(json).FunctionName"),
        ("aws:scheduler/schedule:Schedule", schedule("eventbridge:putEvents", {"Entries": [
            {"EventBusName": arn("events", "event-bus/b"), "Source": "claims", "DetailType": "d", "Detail": "{}"}]}),
         "target.input(json).Entries[0].EventBusName"),
        ("aws:scheduler/schedule:Schedule", schedule("dynamodb:putItem", {"TableName": arn("dynamodb", "table/t"),
         "Item": {"id": {"S": "1"}}}), "target.input(json).TableName"),
        ("aws:scheduler/schedule:Schedule", schedule("sfn:startExecution", {"StateMachineArn": arn("states",
         "stateMachine:m")}), "target.input(json).StateMachineArn"),
        ("aws:scheduler/schedule:Schedule", schedule("kinesis:putRecord", {"StreamARN": arn("kinesis", "stream/s"),
         "Data": "eA==", "PartitionKey": "k"}), "target.input(json).StreamARN"),
        ("aws:ssm/document:Document", runbook("aws:executeAwsApi", {"Service": "sqs", "Api": "SendMessage",
         "QueueUrl": queue, "MessageBody": "x"}), "content(json).mainSteps[0].inputs.QueueUrl"),
        ("aws:ssm/document:Document", runbook("aws:executeAwsApi", {"Service": "sns", "Api": "Publish",
         "TopicArn": arn("sns", "t"), "Message": "x"}), "content(json).mainSteps[0].inputs.TopicArn"),
        ("aws:ssm/document:Document", runbook("aws:executeAwsApi", {"Service": "dynamodb", "Api": "PutItem",
         "TableName": arn("dynamodb", "table/t")}), "content(json).mainSteps[0].inputs.TableName"),
        ("aws:ssm/document:Document", runbook("aws:invokeLambdaFunction", {"FunctionName": arn("lambda",
         "function:f")}), "content(json).mainSteps[0].inputs.FunctionName"),
    ]  # fmt: skip


@pytest.mark.parametrize("index", range(len(_awsred66_subjects(_PARTNER66))))
def test_awsred66_a_resource_of_another_account_receiving_the_stacks_data_is_refused(index: int) -> None:
    type_, props, path = _awsred66_subjects(_PARTNER66)[index]
    found = RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-023", path)]
    assert _PARTNER66 in (found[0].detail or "")
    entry = {"id": "claims-msp", "kind": "resident", "match": f"arn:aws:iam::{_PARTNER66}:",
             "evidence": "the managed-service partner's account; its SCP keeps the market's Regions"}  # fmt: skip
    declared = RuleEngine("EU", destinations=parse_destinations([entry])).check(aws(type_, _PINNED_EU, **props))[0]
    assert [f.declared_by for f in declared] == ["claims-msp"]
    type_, props, _ = _awsred66_subjects("123456789012")[index]
    assert RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0] == []
    # an aws-cn account is China's by partition
    type_, props, _ = _awsred66_subjects(_PARTNER66, "aws-cn", "cn-north-1")[index]
    assert RuleEngine("CN").check(aws(type_, _PINNED_CN46, **props))[0] == []


def _awsred66_template(account: Any, arn: Callable[[str, str], Any]) -> dict[str, Any]:
    steps = [{"name": "s", "action": "aws:executeAwsApi",
              "inputs": {"Service": "sns", "Api": "Publish", "TopicArn": arn("sns", "t"), "Message": "x"}}]  # fmt: skip
    function = {"TransformationLambdaConfiguration": {"LambdaArn": arn("lambda", "function:t")}}
    transformations = [{"StepToApply": "POST_CHUNKING", "TransformationFunction": function}]
    return {
        "Source": {"Type": "AWS::QuickSight::DataSource", "Properties": {"AwsAccountId": account, "DataSourceId": "s",
                   "Name": "s", "Type": "ATHENA"}},
        "Set": {"Type": "AWS::QuickSight::DataSet", "Properties": {"AwsAccountId": account, "DataSetId": "d",
                "Name": "d", "ImportMode": "SPICE"}},
        "Replica": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"BrokerName": "r", "DataReplicationMode": "CRDR",
                    "DataReplicationPrimaryBrokerArn": arn("mq", "broker:p:b-0a1b2c3d")}},
        "Kb": {"Type": "AWS::Bedrock::KnowledgeBase", "Properties": {"Name": "kb", "StorageConfiguration": {
               "Type": "RDS", "RdsConfiguration": {"ResourceArn": arn("rds", "cluster:kb")}}}},
        "Docs": {"Type": "AWS::Bedrock::DataSource", "Properties": {"Name": "d", "KnowledgeBaseId": "KB1",
                 "VectorIngestionConfiguration": {"CustomTransformationConfiguration": {
                     "Transformations": transformations}}}},
        "Room": {"Type": "AWS::IVSChat::Room", "Properties": {"MessageReviewHandler": {"Uri": arn("lambda",
                 "function:review")}}},
        "Runbook": {"Type": "AWS::SSM::Document", "Properties": {"DocumentType": "Automation",
                    "Content": {"schemaVersion": "0.3", "mainSteps": steps}}},
    }  # fmt: skip


def test_awsred66_the_template_twins_are_refused_and_declared_by_their_account() -> None:
    paths = [
        "Docs.Properties.VectorIngestionConfiguration.CustomTransformationConfiguration.Transformations[0]."
        "TransformationFunction.TransformationLambdaConfiguration.LambdaArn",
        "Kb.Properties.StorageConfiguration.RdsConfiguration.ResourceArn",
        "Replica.Properties.DataReplicationPrimaryBrokerArn",
        "Room.Properties.MessageReviewHandler.Uri",
        "Runbook.Properties.Content.mainSteps[0].inputs.TopicArn",
        "Set.Properties.AwsAccountId",
        "Source.Properties.AwsAccountId",
    ]
    entry = {"id": "claims-msp", "kind": "resident", "match": f"arn:aws:iam::{_PARTNER66}:",
             "evidence": "the managed-service partner's account; its SCP keeps the market's Regions"}  # fmt: skip
    _account_twins_refused_and_declared(_awsred66_template, _PARTNER66, paths, entry)


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        # Scheduler universal targets reading or emptying the partner's queue, topic or table (read_only)
        ("aws:scheduler/schedule:Schedule", {"target": {"arn": "arn:aws:scheduler:::aws-sdk:sqs:purgeQueue",
         "input": json.dumps({"QueueUrl": f"https://sqs.eu-central-1.amazonaws.com/{_PARTNER66}/q"})}}),
        ("aws:scheduler/schedule:Schedule", {"target": {"arn": "arn:aws:scheduler:::aws-sdk:sns:getTopicAttributes",
         "input": json.dumps({"TopicArn": f"arn:aws:sns:eu-central-1:{_PARTNER66}:t"})}}),
        ("aws:scheduler/schedule:Schedule", {"target": {"arn": "arn:aws:scheduler:::aws-sdk:dynamodb:getItem",
         "input": json.dumps({"TableName": f"arn:aws:dynamodb:eu-central-1:{_PARTNER66}:table/t"})}}),
        # an Automation step whose Api reads (written_when: only the catalogued writes are judged)
        ("aws:ssm/document:Document", {"document_type": "Automation", "content": json.dumps({"schemaVersion": "0.3",
         "mainSteps": [{"name": "r", "action": "aws:executeAwsApi", "inputs": {"Service": "sqs",
         "Api": "ReceiveMessage", "QueueUrl": f"https://sqs.eu-central-1.amazonaws.com/{_PARTNER66}/q"}}]})}),
        # a QuickSight account subscription names the account it signs up (no data): not judged
        ("aws:quicksight/accountSubscription:AccountSubscription", {"aws_account_id": _PARTNER66,
         "account_name": "claims", "edition": "ENTERPRISE", "authentication_method": "IAM_AND_QUICKSIGHT"}),
    ],
)  # fmt: skip
def test_awsred66_reads_of_another_accounts_resource_are_not_judged(type_: str, props: dict[str, Any]) -> None:
    assert RuleEngine("EU").check(aws(type_, _PINNED_EU, **props))[0] == []


def test_awsred66_a_scheduled_write_abroad_is_refused_by_its_region_as_well() -> None:
    request = {"TopicArn": "arn:aws:sns:us-west-2:123456789012:claims", "Message": "x"}
    target = {"arn": "arn:aws:scheduler:::aws-sdk:sns:publish", "input": json.dumps(request)}
    found = RuleEngine("EU").check(aws("aws:scheduler/schedule:Schedule", _PINNED_EU, target=target))[0]
    assert [(f.rule.id, f.path) for f in found] == [("RES-004", "target.input(json).TopicArn")]
