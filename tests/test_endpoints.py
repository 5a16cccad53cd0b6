"""The endpoint catalogue (endpoints.yaml): every suffix, short code, edge suffix and global service,
each with a compliant and an offending case; region discovery in keys, lists, documents and payloads."""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable
from typing import Any

import pulumi
import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from platform_programs_stackset49 import AWS_REPLICA_ABROAD, AWS_REPLICA_HOME, peering_body, trips_body

from components.errors import ResidencyViolation
from components.residency import Destination, RuleEngine, Subject, load_catalogue, stacksets
from components.residency.catalogue import Cloud
from components.residency.destinations import parse_destinations
from components.residency.endpoints import GlobalService, load_endpoints
from components.residency.engine import (
    ACCOUNT_KEY,
    ProviderRef,
    bucket_key,
    group_key,
    made_arn_key,
    parse_properties,
    parse_sql_options,
)
from components.residency.rules import Finding

CATALOGUE = load_catalogue()
ENDPOINTS = load_endpoints()
CODES = sorted(CATALOGUE.jurisdictions)
ENGINES = {code: RuleEngine(code) for code in CODES}
OSS_KEY = bucket_key("alicloud", "")


def provider(code: str, cloud: Cloud = "aws") -> ProviderRef:
    # An AWS provider pinned to the account the cases write their own ARNs with (123456789012): a target, topic or log
    # destination of that account is the stack's own (RES-023 judges the account of a resource written into since the
    # cross-account writes review, stop 37).
    regions = sorted(CATALOGUE.jurisdictions[code].regions(cloud))
    accounts = frozenset({"123456789012"}) if cloud == "aws" else frozenset()
    return ProviderRef(cloud, "p", regions[0] if regions else None, accounts=accounts)


def rule_ids(code: str, subject: Subject) -> set[str]:
    return {f.rule.id for f in ENGINES[code].check(subject)[0]}


def url_subject(url: str, cloud: Cloud = "aws", code: str = "CN") -> Subject:
    token = "aws:lambda/function:Function" if cloud == "aws" else "alicloud:fc/function:Function"
    return Subject(token, "fn", {"environment": {"variables": {"TARGET": url}}}, provider(code, cloud))


# -- every regional suffix x every region, both verdicts ----------------------------------------------

AWS_SUFFIX_REGIONS = [
    (suffix, region)
    for suffix, entry in ENDPOINTS.aws.suffixes.items()
    # A suffix of every partition (compute.internal) or of one region (ec2.internal): test_ec2_private_dns_names_*.
    if entry.partition in CATALOGUE.aws_partitions and entry.region is None
    for region in sorted(CATALOGUE.aws_partitions[entry.partition].regions)  # type: ignore[index]
]
ALI_SUFFIX_REGIONS = [
    (suffix, region) for suffix in ENDPOINTS.alicloud.suffixes for region in sorted(CATALOGUE.alicloud_regions)
]


def _aws_host(shape: int, region: str, suffix: str) -> str:
    return [
        f"kms.{region}.{suffix}",
        f"fleet-ap-123456789012.s3-accesspoint.{region}.{suffix}",  # (a bucket host: test_s3_url_buckets.py)
        f"abc123.lambda-url.{region}.{suffix}",
        f"vpce-0a1b.kms.{region}.vpce.{suffix}",
        f"s3.dualstack.{region}.{suffix}",
    ][shape]


def _ali_host(shape: int, region: str, suffix: str) -> str:
    return [
        f"oss-{region}.{suffix}",
        f"oss-{region}-internal.{suffix}",
        f"{region}-intranet.log.{suffix}",
        f"ecs-vpc.{region}.{suffix}",
        f"1234567.{region}.fc.{suffix}",
        f"service.{region}-vpc.{suffix}",  # MaxCompute's VPC endpoint shape
        f"dh-{region}-int-vpc.{suffix}",  # DataHub's VPC endpoint shape
        f"hgpostcn-cn-7mz2abcd0002-{region}-vpc-st.hologres.{suffix}",  # Hologres's dedicated-VPC endpoint shape
    ][shape]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(AWS_SUFFIX_REGIONS), st.integers(0, 4), st.sampled_from(CODES))
def test_every_aws_suffix_and_region_is_proven_exactly_where_it_is(
    pair: tuple[str, str], shape: int, code: str
) -> None:
    suffix, region = pair
    host = _aws_host(shape, region, suffix)
    jurisdiction = CATALOGUE.jurisdictions[code]
    partition = ENDPOINTS.aws.suffixes[suffix].partition
    inside = region in jurisdiction.aws.regions and partition in jurisdiction.aws.partitions
    found = rule_ids(code, url_subject(f"https://{host}/x", "aws", code))
    assert (found == set()) is inside, (host, code, found)
    if not inside:
        assert found <= {"RES-006"}


@pytest.mark.parametrize(
    ("code", "host", "rules"),
    [
        ("EU", "ip-10-40-5-11.eu-west-1.compute.internal", set()),
        ("DE", "i-0a1b2c3d4e5f60718.eu-central-1.compute.internal", set()),  # resource-based naming
        ("JP", "ip-10-40-5-11.ap-northeast-1.compute.internal", set()),
        ("US", "ip-10-40-5-11.ec2.internal", set()),  # us-east-1's form
        ("US", "ip-10-40-5-11.us-west-2.compute.internal", set()),
        ("CN", "ip-10-40-5-11.cn-north-1.compute.internal", set()),
        ("CN", "ip-10-40-5-11.cn-northwest-1.compute.internal", set()),
        ("EU", "ip-10-40-5-11.us-east-2.compute.internal", {"RES-006"}),  # a peered VPC in another Region
        ("EU", "ip-10-40-5-11.ec2.internal", {"RES-006"}),  # us-east-1
        ("CN", "ip-10-40-5-11.ap-east-1.compute.internal", {"RES-006"}),
        ("CN", "ip-10-40-5-11.ec2.internal", {"RES-006"}),
        ("EU", "ip-10-40-5-11.eu-west-9.compute.internal", {"RES-011"}),  # no such Region
        ("EU", "kafka-1.compute.internal", {"RES-015"}),  # names no Region
        ("CN", "kafka-1.compute.internal", {"RES-015"}),
    ],
)
def test_ec2_private_dns_names_are_judged_by_their_region(code: str, host: str, rules: set[str]) -> None:
    # EC2 private DNS hostnames (endpoints.yaml aws.suffixes compute.internal / ec2.internal): an MSK Replicator's
    # self-managed brokers by these names were refused (RES-015; false-alarm review of stop 34's refusals).
    assert rule_ids(code, url_subject(f"kafka://{host}:9096", "aws", code)) == rules
    assert rule_ids(code, url_subject(host, "aws", code)) == rules  # a bare host


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALI_SUFFIX_REGIONS), st.integers(0, 7), st.sampled_from(CODES))
def test_every_alicloud_suffix_and_region_is_proven_exactly_where_it_is(
    pair: tuple[str, str], shape: int, code: str
) -> None:
    suffix, region = pair
    host = _ali_host(shape, region, suffix)
    inside = region in CATALOGUE.jurisdictions[code].alicloud.regions
    found = rule_ids(code, url_subject(f"https://{host}/x", "alicloud", code))
    assert (found == set()) is inside, (host, code, found)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(ENDPOINTS.aws.short_codes.codes.items())), st.sampled_from(CODES))  # type: ignore[union-attr]
def test_every_short_region_code_is_read_as_its_region(item: tuple[str, str], code: str) -> None:
    short, region = item
    suffix = CATALOGUE.partition_of(region).dns_suffix  # type: ignore[union-attr]
    host = f"sessions.abc123.{short}.cache.{suffix}"
    jurisdiction = CATALOGUE.jurisdictions[code]
    inside = region in jurisdiction.aws.regions
    subject = Subject(
        "aws:lambda/function:Function", "fn", {"environment": {"variables": {"REDIS_HOST": host}}}, provider(code)
    )
    assert (rule_ids(code, subject) == set()) is inside


@pytest.mark.parametrize(
    ("code", "host", "expected"),
    [
        ("CN", "fleet-sessions-01.redis.rds.aliyuncs.com", {"RES-015"}),  # regionless: not proven, not "unknown region"
        ("CN", "s3.amazonaws.com.cn", set()),  # regionless, but aws-cn lies wholly in CN
        ("EU", "s3.amazonaws.com", {"RES-015"}),  # regionless in a shared partition
        ("CN", "s3.cn-east-9.amazonaws.com.cn", {"RES-011"}),  # region-shaped label next to the suffix
        ("CN", "api.example.cn", {"RES-015"}),  # not a cloud host
        ("CN", "10.40.1.20", set()),  # inside the VPC
        ("CN", "47.88.1.10", {"RES-015"}),  # a public address proves nothing
        # DataHub VPC endpoints (dh-<region>-int-vpc) and MaxCompute endpoints under aliyun.com /
        # aliyun-inc.com: proven by their region label like any aliyuncs.com host, and only by it.
        ("CN", "dh-cn-shanghai-int-vpc.aliyuncs.com", set()),
        ("EU", "dh-eu-central-1-int-vpc.aliyuncs.com", set()),
        ("CN", "dh-ap-southeast-1-int-vpc.aliyuncs.com", {"RES-006"}),
        ("CN", "service.cn-shanghai-vpc.maxcompute.aliyun-inc.com", set()),
        ("CN", "dt.cn-shanghai.maxcompute.aliyun.com", set()),
        ("CN", "service.ap-southeast-1-vpc.maxcompute.aliyun-inc.com", {"RES-006"}),
        ("EU", "service.cn-shanghai.maxcompute.aliyun.com", {"RES-006"}),
        ("CN", "service.maxcompute.aliyun.com", {"RES-015"}),  # no region label: nothing proves it
        ("CN", "service.cn-shanghai.dataworks.aliyun.com", {"RES-016"}),  # the rest of aliyun.com stays edge
        # Hologres: <instanceID>-<region>[-internal|-vpc|-vpc-st].hologres.aliyuncs.com, its region in the label.
        ("CN", "hgpostcn-cn-7mz2abcd0002-cn-beijing-vpc-st.hologres.aliyuncs.com", set()),
        ("CN", "hgpostcn-cn-7mz2abcd0002-cn-beijing-vpc.hologres.aliyuncs.com", set()),
        ("CN", "hgpostcn-cn-7mz2abcd0002-cn-hongkong-vpc-st.hologres.aliyuncs.com", {"RES-006"}),
        ("EU", "hgpostcn-cn-7mz2abcd0002-eu-central-1-vpc-st.hologres.aliyuncs.com", set()),
        ("CN", "hgpostcn-cn-7mz2abcd0002-vpc-st.hologres.aliyuncs.com", {"RES-015"}),  # no region: nothing proves it
    ],
)
def test_hosts_that_prove_nothing_are_refused_and_in_network_ones_pass(
    code: str, host: str, expected: set[str]
) -> None:
    subject = Subject(
        "aws:lambda/function:Function", "fn", {"environment": {"variables": {"DB_HOST": host}}}, provider(code)
    )
    assert rule_ids(code, subject) == expected


# -- edge suffixes ------------------------------------------------------------------------------------


EDGE_CASES = {
    "cloudfront.net": ("CN", "d111111abcdef8.cloudfront.net", False),
    "cloudfront.cn": ("CN", "d111111abcdef8.cloudfront.cn", True),
    "awsglobalaccelerator.com": ("EU", "a1234567890abcdef.awsglobalaccelerator.com", False),
    "accesspoint.s3-global.amazonaws.com": ("EU", "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com", False),
    "awsapps.com": ("US", "d-1234567890.awsapps.com", False),
    # S3 Transfer Acceleration (stop 35): the stack's own bucket named there enters at a CloudFront edge location.
    "s3-accelerate.amazonaws.com": ("EU", "fleet-data.s3-accelerate.amazonaws.com", False),
    "s3-accelerate.dualstack.amazonaws.com": ("CN", "fleet-data.s3-accelerate.dualstack.amazonaws.com", False),
    "alicdn.com": ("CN", "img.alicdn.com", False),
    "kunlunsl.com": ("CN", "static.example.cn.w.kunlunsl.com", False),
    "kunlungr.com": ("CN", "static.example.cn.w.kunlungr.com", False),
    "alikunlun.com": ("CN", "static.example.cn.w.alikunlun.com", False),
    "cdngslb.com": ("CN", "static.example.cn.w.cdngslb.com", False),
    "oss-accelerate.aliyuncs.com": ("CN", "fleet-data.oss-accelerate.aliyuncs.com", False),
    "oss-accelerate-overseas.aliyuncs.com": ("CN", "fleet-data.oss-accelerate-overseas.aliyuncs.com", False),
    "aliyun.com": ("CN", "signin.aliyun.com", False),
    "aliyun-inc.com": ("CN", "x.aliyun-inc.com", False),
    # Model Studio workspace domains of the regions serving the Global deployment scope (the scope is not in the host).
    "eu-central-1.maas.aliyuncs.com": ("DE", "ws-fleet01.eu-central-1.maas.aliyuncs.com", False),
    "us-east-1.maas.aliyuncs.com": ("US", "ws-fleet01.us-east-1.maas.aliyuncs.com", False),
}


def test_every_edge_suffix_has_a_case() -> None:
    assert set(EDGE_CASES) == set(ENDPOINTS.aws.edge_suffixes) | set(ENDPOINTS.alicloud.edge_suffixes)


@pytest.mark.parametrize("suffix", sorted(EDGE_CASES))
def test_edge_hosts_are_global_unless_their_edges_stay_in_the_partition(suffix: str) -> None:
    code, host, resident = EDGE_CASES[suffix]
    found = rule_ids(code, url_subject(f"https://{host}/x", "aws", code))
    assert found == (set() if resident else {"RES-016"})
    if resident:  # the same edge network elsewhere is global
        assert rule_ids("EU", url_subject(f"https://{host}/x", "aws", "EU")) != set()


# -- service principals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "principal", "expected"),
    [
        ("CN", "s3.amazonaws.com", set()),  # AWS China uses the global form for most services
        ("CN", "logging.s3.amazonaws.com", set()),
        ("CN", "ec2.amazonaws.com.cn", set()),
        ("CN", "s3.us-east-1.amazonaws.com", {"RES-006"}),  # not a principal shape: a regional host
        # A catalogued principal of three labels (CloudWatch metric streams), in its global form in China too;
        # the same label under another partition's suffix, with a region, or an uncatalogued three-label
        # name (a virtual-hosted bucket) stays judged.
        ("CN", "streams.metrics.cloudwatch.amazonaws.com", set()),
        ("EU", "streams.metrics.cloudwatch.amazonaws.com", set()),
        ("EU", "streams.metrics.cloudwatch.amazonaws.com.cn", {"RES-006"}),
        ("CN", "streams.metrics.cloudwatch.us-east-1.amazonaws.com", {"RES-006"}),
        ("EU", "streams.metrics.cloudwatch.aliyuncs.com", {"RES-015"}),  # an AWS label under Alibaba's suffix
        # CloudWatch alarms' Lambda action principal (stop 46): exempt in its exact global form only.
        ("EU", "lambda.alarms.cloudwatch.amazonaws.com", set()),
        ("CN", "lambda.alarms.cloudwatch.amazonaws.com", set()),
        ("EU", "lambda.alarms.cloudwatch.us-east-1.amazonaws.com", {"RES-006"}),
        ("EU", "sms.alarms.cloudwatch.amazonaws.com", {"RES-015"}),  # an uncatalogued three-label name
        ("EU", "exports.eu.s3.amazonaws.com", {"RES-015"}),
        ("EU", "ec2.amazonaws.com.cn", {"RES-006"}),  # China suffix outside China
        ("EU", "oss.aliyuncs.com", set()),
        ("CA", "oss.aliyuncs.com", {"RES-015"}),  # no Alibaba region in Canada... judged as a host
    ],
)
def test_principals_are_exempt_only_in_their_exact_shape_and_partition(
    code: str, principal: str, expected: set[str]
) -> None:
    document = json.dumps(
        {"Statement": [{"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}]}
    )
    subject = Subject("aws:iam/role:Role", "r", {"assume_role_policy": document}, provider(code))
    found = rule_ids(code, subject)
    assert found == expected or (expected and found and found <= {"RES-006", "RES-015"})


@pytest.mark.parametrize("host", ["sqs.amazonaws.com", "streams.metrics.cloudwatch.amazonaws.com"])
def test_a_principal_shape_outside_a_principal_key_is_a_host(host: str) -> None:
    subject = Subject(
        "aws:lambda/function:Function",
        "fn",
        {"environment": {"variables": {"HOST": host}}},
        provider("EU"),
    )
    assert rule_ids("EU", subject) == {"RES-015"}


def test_catalogued_principal_labels_are_longer_than_the_general_shape_and_sourced() -> None:
    labels = {**ENDPOINTS.aws.principal_labels, **ENDPOINTS.alicloud.principal_labels}
    assert labels
    for label, sources in labels.items():
        assert label.count(".") >= 2, label  # one or two labels need no entry
        assert sources and all(s.startswith("https://") for s in sources), label


# -- global services: every catalogue entry, paired ------------------------------------------------------

_TITAN = "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-lite-v1"
_EU_PROFILE = "arn:aws:bedrock:eu-west-1:1:inference-profile/eu.amazon.nova-lite-v1:0"
_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0"
_EU_LLM = "https://llm.vpce-0a1b2c3d.bedrock-runtime.eu-west-1.vpce.amazonaws.com/v1"
_IN_EU_WEST = json.dumps({"aws_region_name": "eu-west-1"})
_KEY_SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:model-key"


def _flow_prompt(model_id: str) -> dict[str, Any]:
    return {"prompt": {"source_configuration": {"inline": {"model_id": model_id, "template_type": "TEXT"}}}}


_CEN = "alicloud:cen/bandwidthPackage:BandwidthPackage"
_MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint"
_S3TA = "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration"
_OSSTA = "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration"
_CONTACT_ARN = "arn:aws:ssm-contacts:ap-northeast-1:123456789012:contact/fleet-oncall"
_POOL_HOST = "cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC123"


def _parsing_model(arn: str) -> dict[str, Any]:
    """A knowledge base data source parsing its documents with ``arn`` (docs: bedrock/agentdatasource)."""
    model = {"bedrock_foundation_model_configuration": {"model_arn": arn, "parsing_modality": "MULTIMODAL"}}
    parsing = {"parsing_strategy": "BEDROCK_FOUNDATION_MODEL", **model}
    return {"knowledge_base_id": "KB12345678", "vector_ingestion_configuration": {"parsing_configuration": parsing}}


def _container(log_configuration: dict[str, Any]) -> dict[str, Any]:
    return {"name": "app", "image": "nginx", "essential": True, "logConfiguration": log_configuration}


_PEM_CERT = "-----BEGIN CERTIFICATE-----\nMIIDeDCCAmCgAwIBAgIEN3ZT6zANBgkqhkiG9w0BAQsFADBV\n-----END CERTIFICATE-----"
_PEM_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAzkk9NJUH7PLSQK4RRrGQ\n-----END RSA PRIVATE KEY-----"

GLOBAL_CASES: dict[str, tuple[str, Cloud, str, dict[str, Any], dict[str, Any]]] = {
    # id: (jurisdiction, cloud, type, compliant props, offending props)
    "aws-cloudfront": ("CN", "aws", "aws:cloudfront/distribution:Distribution", {"enabled": True}, {"enabled": True}),
    "aws-global-accelerator": ("EU", "aws", "aws:globalaccelerator/accelerator:Accelerator", {}, {"enabled": True}),
    "aws-s3-multi-region-access-point": ("EU", "aws", _MRAP, {}, {}),
    "aws-s3-transfer-acceleration": ("EU", "aws", _S3TA, {"status": "Suspended"}, {"status": "Enabled"}),
    "aws-apigateway-edge": (
        "EU",
        "aws",
        "aws:apigateway/restApi:RestApi",
        {"endpoint_configuration": {"types": "REGIONAL"}},
        {"endpoint_configuration": {"types": "EDGE"}},
    ),
    # The body's own EDGE is refused beside a REGIONAL endpoint_configuration (which alone passes).
    "aws-apigateway-edge-openapi": (
        "EU",
        "aws",
        "aws:apigateway/restApi:RestApi",
        {
            "endpoint_configuration": {"types": "REGIONAL"},
            "body": json.dumps(
                {"openapi": "3.0.1", "x-amazon-apigateway-endpoint-configuration": {"types": ["REGIONAL"]}}
            ),
        },
        {
            "endpoint_configuration": {"types": "REGIONAL"},
            "body": json.dumps({"openapi": "3.0.1", "x-amazon-apigateway-endpoint-configuration": {"types": ["EDGE"]}}),
        },
    ),
    "aws-bedrock-cross-region-profile": (
        "EU",
        "aws",
        "aws:bedrock/inferenceProfile:InferenceProfile",
        {"model_source": {"copy_from": _TITAN}},
        {"model_source": {"copy_from": _EU_PROFILE}},
    ),
    "aws-bedrock-cross-region-model": (
        "US",
        "aws",
        "aws:bedrock/agentAgent:AgentAgent",
        {"foundation_model": _HAIKU},
        {"foundation_model": f"global.{_HAIKU}"},
    ),
    "aws-bedrock-cross-region-prompt": (
        "EU",
        "aws",
        "aws:bedrock/agentPrompt:AgentPrompt",
        {"variants": [{"name": "v", "model_id": _HAIKU}]},
        {"variants": [{"name": "v", "model_id": f"eu.{_HAIKU}"}]},
    ),
    "aws-bedrock-cross-region-nested-model": (
        "EU",
        "aws",
        "aws:bedrock/agentFlow:AgentFlow",
        {"definition": {"nodes": [{"name": "P", "type": "Prompt", "configuration": _flow_prompt(_HAIKU)}]}},
        {"definition": {"nodes": [{"name": "P", "type": "Prompt", "configuration": _flow_prompt(f"eu.{_HAIKU}")}]}},
    ),
    "aws-agentcore-gemini-model": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        {"model": {"bedrock_model_config": {"model_id": _HAIKU}}},
        {"model": {"gemini_model_config": {"model_id": "gemini-2.5-pro", "api_key_arn": _KEY_SECRET}}},
    ),
    "aws-agentcore-openai-model": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        {"model": {"bedrock_model_config": {"model_id": _HAIKU}}},
        {"model": {"openai_model_config": {"model_id": "gpt-5", "api_key_arn": _KEY_SECRET}}},
    ),
    # LiteLLM: the provider's public API unless api_base says where; Bedrock in the region aws_region_name names.
    "aws-agentcore-litellm-provider": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        {"model": {"litellm_model_config": {"model_id": "openai/fleet-summariser", "api_base": _EU_LLM}}},
        {"model": {"litellm_model_config": {"model_id": "openai/gpt-4o", "api_key_arn": _KEY_SECRET}}},
    ),
    "aws-agentcore-litellm-bedrock-region": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        {"model": {"litellm_model_config": {"model_id": f"bedrock/{_HAIKU}", "additional_params": _IN_EU_WEST}}},
        {"model": {"litellm_model_config": {"model_id": f"bedrock/{_HAIKU}"}}},
    ),
    "aws-agentcore-litellm-cross-region-profile": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        {
            "model": {
                "litellm_model_config": {"model_id": f"bedrock/converse/{_HAIKU}", "additional_params": _IN_EU_WEST}
            }
        },
        {
            "model": {
                "litellm_model_config": {"model_id": f"bedrock/converse/eu.{_HAIKU}", "additional_params": _IN_EU_WEST}
            }
        },
    ),
    "aws-agentcore-litellm-sagemaker-region": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreHarness:AgentcoreHarness",
        {"model": {"litellm_model_config": {"model_id": "sagemaker/fleet-endpoint", "additional_params": _IN_EU_WEST}}},
        {"model": {"litellm_model_config": {"model_id": "sagemaker/fleet-endpoint"}}},
    ),
    "aws-route53-health-check-all-regions": (
        "US",
        "aws",
        "aws:route53/healthCheck:HealthCheck",
        {"type": "HTTPS", "fqdn": "portal.example.com", "regions": ["us-east-1", "us-west-1", "us-west-2"]},
        {"type": "HTTPS", "fqdn": "portal.example.com", "resource_path": "/health"},
    ),
    # The logConfiguration inside the container definitions' JSON document (ECS) or container properties (Batch).
    "container-logentries-driver": (
        "EU",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {"logDriver": "awslogs", "options": {"awslogs-region": "eu-west-1", "awslogs-group": "app"}}
                    )
                ]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "logentries",
                            "options": {"logentries-token": "abcd1234-12ab-34cd-5678-0123456789ab"},
                        }
                    )
                ]
            ),
        },
    ),
    "aws-agentcore-gateway-inference-connector": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget",
        {
            "gateway_identifier": "gw-1",
            "target_configuration": {
                "inference": {"provider": {"endpoint": "https://bedrock-runtime.eu-west-1.amazonaws.com/openai/v1"}}
            },
        },
        {
            "gateway_identifier": "gw-1",
            "target_configuration": {"inference": {"connector": {"source": {"connector_id": "openai"}}}},
        },
    ),
    "aws-efs-replica-region-unstated": (
        "DE",
        "aws",
        "aws:efs/replicationConfiguration:ReplicationConfiguration",
        {"source_file_system_id": "fs-1", "destination": {"region": "eu-central-1"}},
        {"source_file_system_id": "fs-1", "destination": {"kms_key_id": "alias/aws/elasticfilesystem"}},
    ),
    "firelens-datadog-default-host": (
        "EU",
        "aws",
        "aws:batch/jobDefinition:JobDefinition",
        {
            "type": "container",
            "container_properties": json.dumps(
                _container(
                    {"logDriver": "awsfirelens", "options": {"Name": "datadog", "Host": "10.0.3.7", "apikey": "k"}}
                )
            ),
        },  # an Observability Pipelines Worker in the VPC
        {
            "type": "container",
            "container_properties": json.dumps(
                _container(
                    {
                        "logDriver": "awsfirelens",
                        "options": {"Name": "datadog", "apikey": "k", "dd_service": "etl", "TLS": "on"},
                    }
                )
            ),
        },
    ),
    # Stop 41: New Relic's outputs with endpoint / base_uri set (judged as that URL: the stack's own NLB-fronted
    # collector in the Region here); Azure's, whose host derives from the workspace or account: no compliant form but
    # another output (cloudwatch_logs in the Region), or azure_blob with an endpoint the engine proves.
    "firelens-newrelic-default-endpoint": (
        "EU",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            "options": {
                                "Name": "nrlogs",
                                "license_key": "k",
                                "base_uri": "https://internal-logs-123456789.eu-west-1.elb.amazonaws.com/log/v1",
                            },
                        }
                    )
                ]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [_container({"logDriver": "awsfirelens", "options": {"Name": "newrelic", "licenseKey": "k"}})]
            ),
        },
    ),
    "firelens-azure-log-analytics": (
        "JP",
        "aws",
        "aws:batch/jobDefinition:JobDefinition",
        {
            "type": "container",
            "container_properties": json.dumps(
                _container(
                    {
                        "logDriver": "awsfirelens",
                        "options": {"Name": "cloudwatch_logs", "region": "ap-northeast-1", "log_group_name": "etl"},
                    }
                )
            ),
        },
        {
            "type": "container",
            "container_properties": json.dumps(
                _container(
                    {"logDriver": "awsfirelens", "options": {"Name": "azure", "Customer_ID": "abc", "Shared_Key": "k"}}
                )
            ),
        },
    ),
    "firelens-azure-blob-account-host": (
        "CN",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            "options": {
                                "Name": "azure_blob",
                                "account_name": "fleet",
                                "endpoint": "http://10.0.3.7:10000",
                            },
                        }
                    )
                ]
            ),
        },  # an Azurite emulator in the VPC
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            "options": {"Name": "azure_blob", "account_name": "fleet", "container_name": "logs"},
                        }
                    )
                ]
            ),
        },
    ),
    # Stop 42: LogDNA with logdna_host set (judged as that host: a collector in the VPC here); the Google outputs have
    # no compliant form but another output (cloudwatch_logs in the Region).
    "firelens-logdna-default-host": (
        "US",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            "options": {"Name": "logdna", "api_key": "k", "logdna_host": "10.0.3.7"},
                        }
                    )
                ]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [_container({"logDriver": "awsfirelens", "options": {"Name": "logdna", "api_key": "k"}})]
            ),
        },
    ),
    # review42: an es output to the stack's cluster by Host passes; with Cloud_ID it goes to Elastic's hosted service.
    "firelens-elastic-cloud-id": (
        "EU",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [_container({"logDriver": "awsfirelens", "options": {"Name": "es", "Host": "10.0.3.7"}})]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            # config64: a written id is read as the host it encodes (RES-015); the entry refuses an
                            # id no reader decodes (the router's environment fills it)
                            "options": {"Name": "es", "Cloud_ID": "${ELASTIC_CLOUD_ID}"},
                        }
                    )
                ]
            ),
        },
    ),
    "firelens-google-cloud-outputs": (
        "JP",
        "aws",
        "aws:batch/jobDefinition:JobDefinition",
        {
            "type": "container",
            "container_properties": json.dumps(
                _container(
                    {
                        "logDriver": "awsfirelens",
                        "options": {"Name": "cloudwatch_logs", "region": "ap-northeast-1", "log_group_name": "etl"},
                    }
                )
            ),
        },
        {
            "type": "container",
            "container_properties": json.dumps(
                _container({"logDriver": "awsfirelens", "options": {"Name": "stackdriver", "resource": "global"}})
            ),
        },
    ),
    # fluentd43: OCI Logging Analytics has no compliant form but another output (cloudwatch_logs in the Region).
    "log-router-oci-logging-analytics": (
        "EU",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {"logDriver": "awsfirelens", "options": {"Name": "cloudwatch_logs", "region": "eu-west-1"}}
                    )
                ]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            "options": {
                                "Name": "oracle_log_analytics",
                                "namespace": "fleet",
                                "profile_name": "DEFAULT",
                            },
                        }
                    )
                ]
            ),
        },
    ),
    # logplugins44: Treasure Data has no compliant Fluent Bit form (no host option) but another output
    # (cloudwatch_logs in the Region); Fluentd's tdlog with its endpoint written is judged as a host.
    "log-router-treasure-data": (
        "JP",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {"logDriver": "awsfirelens", "options": {"Name": "cloudwatch_logs", "region": "ap-northeast-1"}}
                    )
                ]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            "options": {"Name": "td", "API": "k", "Database": "fleet", "Table": "app", "Region": "JP"},
                        }
                    )
                ]
            ),
        },
    ),
    "fluentd-loki-default-url": (
        "EU",
        "aws",
        "aws:ssm/parameter:Parameter",
        {"type": "String", "value": "<match **>\n  @type loki\n  url http://10.0.3.7:3100\n</match>\n"},
        {"type": "String", "value": "<match **>\n  @type loki\n  username u\n  password p\n</match>\n"},
    ),
    # logplugins45: Calyptia Cloud unless cloud_host is written (judged as a host); Scalyr's US service unless
    # scalyr_server is; Coralogix's plugin names no host (the twin is an http output to a private address).
    "log-router-calyptia-cloud": (
        "CN",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [
                    _container(
                        {
                            "logDriver": "awsfirelens",
                            "options": {"Name": "calyptia", "api_key": "k", "cloud_host": "10.0.3.7"},
                        }
                    )
                ]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [_container({"logDriver": "awsfirelens", "options": {"Name": "calyptia", "api_key": "k"}})]
            ),
        },
    ),
    "fluentd-scalyr-default-server": (
        "JP",
        "aws",
        "aws:ssm/parameter:Parameter",
        {
            "type": "String",
            "value": "<match **>\n  @type scalyr\n  api_write_token t\n  scalyr_server https://10.0.3.7/\n</match>\n",
        },
        {"type": "String", "value": "<match **>\n  @type scalyr\n  api_write_token t\n</match>\n"},
    ),
    "fluentd-coralogix-service": (
        "EU",
        "aws",
        "aws:ssm/parameter:Parameter",
        {"type": "String", "value": "<match **>\n  @type http\n  endpoint https://10.0.3.7/logs\n</match>\n"},
        {
            "type": "String",
            "value": "<match **>\n  @type coralogix\n  privatekey k\n  appname a\n  subsystemname s\n</match>\n",
        },
    ),
    # plugins46: ArvanCloud CloudLogs' fixed endpoint (no key moves it: the twin is an http output to a private
    # address); fluent-plugin-slack's Web API default unless webhook_url is written; fluent-plugin-sqs's default
    # Region (ap-northeast-1) unless region is written.
    "log-router-arvancloud-cloudlogs": (
        "EU",
        "aws",
        "aws:ecs/taskDefinition:TaskDefinition",
        {
            "family": "app",
            "container_definitions": json.dumps(
                [_container({"logDriver": "awsfirelens", "options": {"Name": "http", "Host": "10.0.3.7"}})]
            ),
        },
        {
            "family": "app",
            "container_definitions": json.dumps(
                [_container({"logDriver": "awsfirelens", "options": {"Name": "arvancloud_cloudlogs", "apikey": "k"}})]
            ),
        },
    ),
    "fluentd-slack-web-api": (
        "US",
        "aws",
        "aws:ssm/parameter:Parameter",
        {
            "type": "String",
            "value": "<match **>\n  @type slack\n  webhook_url https://10.0.3.7/hooks/ops\n  channel ops\n</match>\n",
        },
        {"type": "String", "value": "<match **>\n  @type slack\n  token xoxb-1\n  channel ops\n</match>\n"},
    ),
    "fluentd-sqs-default-region": (
        "EU",
        "aws",
        "aws:ssm/parameter:Parameter",
        {"type": "String", "value": "<match **>\n  @type sqs\n  queue_name q\n  region eu-central-1\n</match>\n"},
        {"type": "String", "value": "<match **>\n  @type sqs\n  queue_name q\n</match>\n"},
    ),
    # fluentd43: Fluentd plugins with no Fluent Bit twin (no types), judged in a Fluentd configuration (an SSM
    # parameter here): the setting that decides the destination written (judged as itself) or not.
    "fluentd-honeycomb-default-api-host": (
        "EU",
        "aws",
        "aws:ssm/parameter:Parameter",
        {
            "type": "String",
            "value": "<match **>\n  @type honeycomb\n  writekey k\n  dataset app\n"
            "  api_host http://10.0.3.7\n</match>\n",
        },
        {"type": "String", "value": "<match **>\n  @type honeycomb\n  writekey k\n  dataset app\n</match>\n"},
    ),
    "fluentd-mackerel-default-origin": (
        "JP",
        "aws",
        "aws:ssm/parameter:Parameter",
        {
            "type": "String",
            "value": "<match **>\n  @type mackerel\n  api_key k\n  service app\n  origin https://10.0.3.7\n</match>\n",
        },
        {"type": "String", "value": "<match **>\n  @type mackerel\n  api_key k\n  service app\n</match>\n"},
    ),
    "fluentd-aws-output-region-from-environment": (
        "CN",
        "aws",
        "aws:ssm/parameter:Parameter",
        {
            "type": "String",
            "value": "<match **>\n  @type kinesis_firehose\n  region cn-north-1\n"
            "  delivery_stream_name app\n</match>\n",
        },
        {"type": "String", "value": "<match **>\n  @type kinesis_firehose\n  delivery_stream_name app\n</match>\n"},
    ),
    # leftovers44: a Fluent Bit AWS output's region as an environment variable (a region written out is judged as one).
    "fluent-bit-aws-output-region-from-environment": (
        "EU",
        "aws",
        "aws:ssm/parameter:Parameter",
        {
            "type": "String",
            "value": "[OUTPUT]\n    Name cloudwatch_logs\n    region eu-central-1\n    log_group_name app\n",
        },
        {
            "type": "String",
            "value": "[OUTPUT]\n    Name cloudwatch_logs\n    region ${AWS_REGION}\n    log_group_name app\n",
        },
    ),
    # An OIDC IdP's issuer is judged as a host instead (an in-region Cognito or declared company IdP passes).
    "aws-cognito-social-idp": (
        "EU",
        "aws",
        "aws:cognito/identityProvider:IdentityProvider",
        {"provider_type": "OIDC", "provider_details": {"oidc_issuer": "https://cognito-idp.eu-west-1.amazonaws.com/x"}},
        {"provider_type": "Google", "provider_details": {"client_id": "123.apps.googleusercontent.com"}},
    ),
    # A connection through a Host of an installed provider (GitHub Enterprise Server) is judged by the Host's endpoint.
    "aws-codeconnections-cloud-provider": (
        "EU",
        "aws",
        "aws:codestarconnections/connection:Connection",
        {"name": "firmware", "host_arn": "arn:aws:codestar-connections:eu-west-1:123456789012:host/plant-ghe-1a2b3c"},
        {"name": "firmware", "provider_type": "GitHub"},
    ),
    # App Runner offers only cloud-hosted providers: the compliant twin builds from an image, with no connection.
    "aws-apprunner-cloud-provider": (
        "EU",
        "aws",
        "aws:apprunner/connection:Connection",
        {"connection_name": "fleet-src"},
        {"connection_name": "fleet-src", "provider_type": "GITHUB"},
    ),
    "aws-codebuild-cloud-provider-credential": (
        "EU",
        "aws",
        "aws:codebuild/sourceCredential:SourceCredential",
        {"auth_type": "PERSONAL_ACCESS_TOKEN", "server_type": "GITHUB_ENTERPRISE", "token": "ghp_x"},
        {"auth_type": "PERSONAL_ACCESS_TOKEN", "server_type": "GITHUB", "token": "ghp_x"},
    ),
    "aws-cognito-identity-pool-public-login": (
        "EU",
        "aws",
        "aws:cognito/identityPool:IdentityPool",
        {"identity_pool_name": "fleet", "openid_connect_provider_arns": ["arn:aws:iam::123456789012:oidc-provider/x"]},
        {"identity_pool_name": "fleet", "supported_login_providers": {"graph.facebook.com": "1234567890123"}},
    ),
    "aws-bedrock-cross-region-guardrail": (
        "EU",
        "aws",
        "aws:bedrock/guardrail:Guardrail",
        {"name": "g", "blocked_input_messaging": "no"},
        {"cross_region_config": {"guardrail_profile_identifier": "eu.guardrail.v1:0"}},
    ),
    "alicloud-cdn-scope": (
        "CN",
        "alicloud",
        "alicloud:cdn/domainNew:DomainNew",
        {"scope": "domestic"},
        {"scope": "overseas"},
    ),
    "alicloud-esa-coverage": (
        "CN",
        "alicloud",
        "alicloud:esa/site:Site",
        {"coverage": "domestic"},
        {"coverage": "global"},
    ),
    "alicloud-esa-delivery-data-center": (
        "CN",
        "alicloud",
        "alicloud:esa/siteDeliveryTask:SiteDeliveryTask",
        {"data_center": "cn", "delivery_type": "sls"},
        {"data_center": "oversea", "delivery_type": "sls"},
    ),
    # Alibaba Cloud red team, stop 46: the cache reserve region (PurchaseCacheReserve CrRegion: HK or CN-beijing).
    "alicloud-esa-cache-reserve-region": (
        "CN",
        "alicloud",
        "alicloud:esa/cacheReserveInstance:CacheReserveInstance",
        {"cr_region": "CN-beijing", "payment_type": "Subscription"},
        {"cr_region": "HK", "payment_type": "Subscription"},
    ),
    "alicloud-cen-bandwidth-package": (
        "CN",
        "alicloud",
        _CEN,
        {"geographic_region_a_id": "China", "geographic_region_b_id": "China"},
        {"geographic_region_a_id": "China", "geographic_region_b_id": "Europe"},
    ),
    "aws-chatbot": (
        "EU",
        "aws",
        "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration",
        {"slack_channel_id": "C0", "slack_team_id": "T0"},
        {"slack_channel_id": "C0", "slack_team_id": "T0"},
    ),
    "aws-sns-mobile-push": (
        "JP",
        "aws",
        "aws:sns/platformApplication:PlatformApplication",
        {"platform": "GCM"},
        {"platform": "GCM"},
    ),
    "aws-pinpoint-push": (
        "JP",
        "aws",
        "aws:pinpoint/gcmChannel:GcmChannel",
        {"application_id": "app", "api_key": "k"},
        {"application_id": "app", "api_key": "k"},
    ),
    "aws-location-data-provider": (
        "EU",
        "aws",
        "aws:location/placeIndex:PlaceIndex",
        {"index_name": "owners", "data_source": "Here"},
        {"index_name": "owners", "data_source": "Esri"},
    ),
    "aws-location-map-provider": (
        "EU",
        "aws",
        "aws:location/map:Map",
        {"configuration": {"style": "VectorOpenDataStandardLight"}},
        {"configuration": {"style": "VectorHereExplore"}},
    ),
    "aws-appflow-application-destination": (
        "EU",
        "aws",
        "aws:appflow/flow:Flow",
        {
            "destination_flow_configs": [{"connector_type": "S3"}],
            "source_flow_config": {"connector_type": "Salesforce"},
        },
        {"destination_flow_configs": [{"connector_type": "Salesforce", "connector_profile_name": "crm"}]},
    ),
    "aws-lightsail-distribution": (
        "US",
        "aws",
        "aws:lightsail/distribution:Distribution",
        {"name": "cdn", "bundle_id": "small_1_0"},
        {"name": "cdn", "bundle_id": "small_1_0"},
    ),
    "aws-ivs": ("EU", "aws", "aws:ivs/channel:Channel", {"latency_mode": "LOW"}, {"latency_mode": "LOW"}),
    # Authorised in aws-cn, the consumer account is in the China regions; its twin, the same in EU, is refused.
    "aws-redshift-datashare-authorization": (
        "CN",
        "aws",
        "aws:redshift/dataShareAuthorization:DataShareAuthorization",
        {
            "data_share_arn": "arn:aws-cn:redshift:cn-north-1:123456789012:datashare:b3bf/fleet",
            "consumer_identifier": "210987654321",
        },
        {
            "data_share_arn": "arn:aws:redshift:eu-west-1:123456789012:datashare:b3bf/fleet",
            "consumer_identifier": "210987654321",
        },
    ),
    # A Lake Formation grant to the stack's own role is accepted; to another account it is refused (that account can
    # query the table from any region through resource links).
    "aws-lakeformation-cross-account-grant": (
        "EU",
        "aws",
        "aws:lakeformation/permissions:Permissions",
        {
            "principal": "arn:aws:iam::123456789012:role/analysts",
            "permissions": ["SELECT"],
            "table": {"database_name": "fleet", "name": "trips"},
        },
        {"principal": "210987654321", "permissions": ["SELECT"], "table": {"database_name": "fleet", "name": "trips"}},
    ),
    # A RAM share of a subnet is used in place; of a Glue database, queried from the other account's regions.
    "aws-ram-data-share": (
        "EU",
        "aws",
        "aws:ram/resourceAssociation:ResourceAssociation",
        {
            "resource_arn": "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0a1b2c3d",
            "resource_share_arn": "arn:aws:ram:eu-west-1:123456789012:resource-share/73da1ab9",
        },
        {
            "resource_arn": "arn:aws:glue:eu-west-1:123456789012:database/fleet",
            "resource_share_arn": "arn:aws:ram:eu-west-1:123456789012:resource-share/73da1ab9",
        },
    ),
    # The managed knowledge base connector stays with the stack's knowledge bases; the Web Search Tool is not placed.
    "aws-agentcore-gateway-connector": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget",
        {
            "gateway_identifier": "gw",
            "name": "kb",
            "target_configuration": {"mcp": {"connector": {"source": {"connector_id": "bedrock-knowledge-bases"}}}},
        },
        {
            "gateway_identifier": "gw",
            "name": "search",
            "target_configuration": {"mcp": {"connector": {"source": {"connector_id": "web-search"}}}},
        },
    ),
    # A partner who only queries moves nothing out; one who receives the results writes them where it chooses.
    "aws-cleanrooms-member-receives-results": (
        "EU",
        "aws",
        "aws:cleanrooms/collaboration:Collaboration",
        {
            "name": "c",
            "creator_display_name": "fleet",
            "creator_member_abilities": ["CAN_RECEIVE_RESULTS"],
            "members": [{"account_id": "210987654321", "display_name": "insurer", "member_abilities": ["CAN_QUERY"]}],
        },
        {
            "name": "c",
            "creator_display_name": "fleet",
            "creator_member_abilities": ["CAN_QUERY"],
            "members": [
                {"account_id": "210987654321", "display_name": "insurer", "member_abilities": ["CAN_RECEIVE_RESULTS"]}
            ],
        },
    ),
    # A built-in memory strategy runs on cross-region inference; an override names its model (judged by its id).
    "aws-agentcore-memory-builtin-strategy": (
        "EU",
        "aws",
        "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy",
        {"memory_id": "m", "name": "facts", "type": "CUSTOM", "configuration": {"type": "SEMANTIC_OVERRIDE"}},
        {"memory_id": "m", "name": "facts", "type": "SEMANTIC"},
    ),
    # A built-in evaluator runs on cross-region inference; a custom one on the model it names.
    "aws-agentcore-builtin-evaluator": (
        "DE",
        "aws",
        "aws:bedrock/agentcoreOnlineEvaluationConfig:AgentcoreOnlineEvaluationConfig",
        {"online_evaluation_config_name": "e", "evaluators": [{"evaluator_id": "tone-AbCd123456"}]},
        {"online_evaluation_config_name": "e", "evaluators": [{"evaluator_id": "Builtin.Helpfulness"}]},
    ),
    # A lifecycle policy that keeps its snapshots, and one that shares them with another account.
    "aws-dlm-snapshot-share": (
        "EU",
        "aws",
        "aws:dlm/lifecyclePolicy:LifecyclePolicy",
        {"policy_details": {"schedules": [{"name": "daily", "retain_rule": {"count": 7}}]}},
        {"policy_details": {"schedules": [{"name": "daily", "share_rules": [{"target_accounts": ["210987654321"]}]}]}},
    ),
    # A snapshot kept in the account, and one shared with another account.
    "aws-rds-snapshot-share": (
        "EU",
        "aws",
        "aws:rds/clusterSnapshot:ClusterSnapshot",
        {"db_cluster_identifier": "fleet", "db_cluster_snapshot_identifier": "fleet-2026-12"},
        {
            "db_cluster_identifier": "fleet",
            "db_cluster_snapshot_identifier": "fleet-2026-12",
            "shared_accounts": ["210987654321"],
        },
    ),
    # An AMI distributed to an in-country Region of the account, and one shared with (or copied into) another account.
    "aws-imagebuilder-ami-launch-permission": (
        "EU",
        "aws",
        "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
        {"name": "d", "distributions": [{"region": "eu-west-1", "ami_distribution_configuration": {"name": "x"}}]},
        {
            "name": "d",
            "distributions": [
                {
                    "region": "eu-west-1",
                    "ami_distribution_configuration": {"launch_permission": {"user_ids": ["210987654321"]}},
                }
            ],
        },
    ),
    "aws-imagebuilder-ami-target-accounts": (
        "EU",
        "aws",
        "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
        {"name": "d", "distributions": [{"region": "eu-west-1", "ami_distribution_configuration": {"name": "x"}}]},
        {
            "name": "d",
            "distributions": [
                {"region": "eu-west-1", "ami_distribution_configuration": {"target_account_ids": ["210987654321"]}}
            ],
        },
    ),
    # A workflow calling a model in its Region, and one calling an EU geographic profile (London, Zurich) from DE.
    "aws-bedrock-cross-region-workflow-model": (
        "DE",
        "aws",
        "aws:lambda/function:Function",
        {"environment": {"variables": {"BEDROCK_MODEL_ID": "anthropic.claude-3-haiku-20240307-v1:0"}}},
        {"environment": {"variables": {"BEDROCK_MODEL_ID": "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"}}},
    ),
    # An agent step (or an embedding model) on a model of the Region, and on an EU geographic profile from DE.
    "aws-bedrock-cross-region-agent-step-model": (
        "DE",
        "aws",
        "aws:bedrock/agentAgent:AgentAgent",
        {"prompt_override_configurations": [{"prompt_configurations": [{"foundation_model": "anthropic.claude-v2"}]}]},
        {
            "prompt_override_configurations": [
                {"prompt_configurations": [{"foundation_model": "eu.anthropic.claude-v2"}]}
            ]
        },
    ),
    "aws-bedrock-cross-region-embedding-model": (
        "DE",
        "aws",
        "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
        {
            "knowledge_base_configuration": {
                "vector_knowledge_base_configuration": {
                    "embedding_model_arn": "arn:aws:bedrock:eu-central-1::foundation-model/cohere.embed-v4:0"
                }
            }
        },
        {
            "knowledge_base_configuration": {
                "vector_knowledge_base_configuration": {
                    "embedding_model_arn": "arn:aws:bedrock:eu-central-1:1:inference-profile/eu.cohere.embed-v4:0"
                }
            }
        },
    ),
    # Launch permission in aws-cn: the other account copies the AMI only to the China regions; in EU to any region.
    "aws-ec2-ami-launch-permission": (
        "CN",
        "aws",
        "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
        {"image_id": "ami-0a1b2c3d4e5f60718", "account_id": "210987654321"},
        {"image_id": "ami-0a1b2c3d4e5f60718", "account_id": "210987654321"},
    ),
    "aws-ebs-snapshot-create-volume-permission": (
        "CN",
        "aws",
        "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission",
        {"snapshot_id": "snap-0a1b2c3d4e5f60718", "account_id": "210987654321"},
        {"snapshot_id": "snap-0a1b2c3d4e5f60718", "account_id": "210987654321"},
    ),
    # Linking every Region: in aws-cn that is Beijing and Ningxia only (CN passes), in the aws partition any Region.
    "aws-securityhub-all-regions": (
        "CN",
        "aws",
        "aws:securityhub/findingAggregator:FindingAggregator",
        {"linking_mode": "ALL_REGIONS"},
        {"linking_mode": "ALL_REGIONS_EXCEPT_SPECIFIED", "specified_regions": ["eu-west-3"]},
    ),
    "aws-securityhub-v2-all-regions": (
        "CN",
        "aws",
        "aws:securityhub/aggregatorV2:AggregatorV2",
        {"region_linking_mode": "ALL_REGIONS"},
        {"region_linking_mode": "ALL_REGIONS"},
    ),
    # A pipeline distributing its images to the account's own Regions, and one sharing them with another account.
    "alicloud-ecs-image-pipeline-share": (
        "CN",
        "alicloud",
        "alicloud:ecs/ecsImagePipeline:EcsImagePipeline",
        {"base_image_type": "IMAGE", "base_image": "m-bp1", "to_region_ids": ["cn-beijing"]},
        {"base_image_type": "IMAGE", "base_image": "m-bp1", "add_accounts": ["5123456789012345"]},
    ),
    # Any Alibaba account can copy an image shared with it to any region: the twin is a declaration.
    "alicloud-ecs-image-share": (
        "CN",
        "alicloud",
        "alicloud:ecs/imageSharePermission:ImageSharePermission",
        {"image_id": "m-bp1g7004ksh0oeuc****", "account_id": "1234567890123456"},
        {"image_id": "m-bp1g7004ksh0oeuc****", "account_id": "1234567890123456"},
    ),
    "aws-amplify-hosting": ("EU", "aws", "aws:amplify/app:App", {"name": "portal"}, {"name": "portal"}),
    "aws-appstream-third-party-storage": (
        "EU",
        "aws",
        "aws:appstream/stack:Stack",
        {"name": "tools", "storage_connectors": [{"connector_type": "HOMEFOLDERS"}]},
        {"name": "tools", "storage_connectors": [{"connector_type": "ONE_DRIVE", "domains": ["example.eu"]}]},
    ),
    # No input places a Security Hub connector's ITSM: every connector is refused; an aggregator is not a connector.
    "aws-securityhub-itsm-connector": (
        "EU",
        "aws",
        "aws:securityhub/connectorV2:ConnectorV2",
        {"name": "jira-connector", "connector_provider": {"jira_cloud": {"project_key": "SEC"}}},
        {
            "name": "snow-connector",
            "connector_provider": {
                "service_now": {
                    "instance_name": "acme",
                    "secret_arn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:snow",
                }
            },
        },
    ),
    # A plan's own escalations stay in the region; a PagerDuty integration creates each incident in PagerDuty.
    "aws-incident-manager-pagerduty": (
        "JP",
        "aws",
        "aws:ssmincidents/responsePlan:ResponsePlan",
        {"name": "rp", "incident_template": {"title": "Outage", "impact": 2}, "engagements": [_CONTACT_ARN]},
        {
            "name": "rp",
            "incident_template": {"title": "Outage", "impact": 2},
            "integration": {"pagerduties": [{"name": "pd", "service_id": "PXJ4Q2T", "secret_id": "pd-key"}]},
        },
    ),
    # A registered domain's name servers and renewal hand over no contact; its contacts go to registrar and registry.
    "aws-route53-domain-contacts": (
        "DE",
        "aws",
        "aws:route53domains/registeredDomain:RegisteredDomain",
        {"domain_name": "example.de", "auto_renew": True, "name_servers": [{"name": "ns-1.awsdns-01.org"}]},
        {"domain_name": "example.de", "registrant_contact": {"email": "hostmaster@example.de", "country_code": "DE"}},
    ),
    # A tenant vendor given its issuer is judged by that host; a built-in vendor names none.
    "aws-agentcore-oauth2-vendor": (
        "JP",
        "aws",
        "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider",
        {
            "credential_provider_vendor": "CognitoOauth2",
            "oauth2_provider_config": {
                "included_oauth2_provider_config": {
                    "client_id": "c",
                    "issuer": "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_AbC123",
                }
            },
        },
        {
            "credential_provider_vendor": "SlackOauth2",
            "oauth2_provider_config": {"slack_oauth2_provider_config": {"client_id": "c", "client_secret": "s"}},
        },
    ),
    # An SNS topic target is judged by its ARN; a chat client target posts to Slack or Teams.
    "aws-chatbot-notification-targets": (
        "JP",
        "aws",
        "aws:codestarnotifications/notificationRule:NotificationRule",
        {"targets": [{"address": "arn:aws:sns:ap-northeast-1:123456789012:repo-events", "type": "SNS"}]},
        {
            "targets": [
                {
                    "address": "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/x",
                    "type": "AWSChatbotSlack",
                }
            ]
        },
    ),
    # In US: elsewhere every User Notifications channel is refused (aws-user-notifications-home-region).
    "aws-notifications-chat-and-mobile-channels": (
        "US",
        "aws",
        "aws:notifications/channelAssociation:ChannelAssociation",
        {"arn": "arn:aws:notifications-contacts::123456789012:emailcontact/abc123"},
        {"arn": "arn:aws:consoleapp::123456789012:devices/abc123"},
    ),
    "aws-securityhub-itsm-automation": (
        "EU",
        "aws",
        "aws:securityhub/automationRuleV2:AutomationRuleV2",
        {"rule_name": "r", "action": {"type": "FINDING_FIELDS_UPDATE", "finding_fields_update": {"comment": "x"}}},
        {
            "rule_name": "r",
            "action": {
                "type": "EXTERNAL_INTEGRATION",
                "external_integration_configuration": {
                    "connector_arn": "arn:aws:securityhub:eu-west-1:123456789012:connectorv2/abc"
                },
            },
        },
    ),
    "aws-glue-application-connection": (
        "JP",
        "aws",
        "aws:glue/connection:Connection",
        {"connection_type": "NETWORK", "physical_connection_requirements": {"subnet_id": "subnet-0a1b2c3d"}},
        {"connection_type": "GOOGLESHEETS", "connection_properties": {"ROLE_ARN": "arn:aws:iam::123456789012:role/g"}},
    ),
    "aws-sagemaker-external-workforce": (
        "EU",
        "aws",
        "aws:sagemaker/labelingJob:LabelingJob",
        {"human_task_config": {"workteam_arn": "arn:aws:sagemaker:eu-west-1:123456789012:workteam/private-crowd/l"}},
        {
            "human_task_config": {
                "workteam_arn": "arn:aws:sagemaker:eu-west-1:394669845002:workteam/public-crowd/default"
            }
        },
    ),
    "aws-bedrock-cross-region-evaluation-model": (
        "EU",
        "aws",
        "aws:bedrock/evaluationJob:EvaluationJob",
        {"inference_config": {"models": [{"bedrock_model": {"model_identifier": _HAIKU}}]}},
        {"inference_config": {"models": [{"bedrock_model": {"model_identifier": f"eu.{_HAIKU}"}}]}},
    ),
    "aws-bedrock-cross-region-evaluation-rag-model": (
        "EU",
        "aws",
        "aws:bedrock/evaluationJob:EvaluationJob",
        {
            "inference_config": {
                "rag_configs": [
                    {
                        "knowledge_base_config": {
                            "retrieve_and_generate_config": {
                                "model_arn": f"arn:aws:bedrock:eu-west-1::foundation-model/{_HAIKU}"
                            }
                        }
                    }
                ]
            }
        },
        {
            "inference_config": {
                "rag_configs": [
                    {
                        "knowledge_base_config": {
                            "retrieve_and_generate_config": {
                                "model_arn": f"arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.{_HAIKU}"
                            }
                        }
                    }
                ]
            }
        },
    ),
    "aws-bedrock-cross-region-ingestion-model": (
        "EU",
        "aws",
        "aws:bedrock/agentDataSource:AgentDataSource",
        _parsing_model(f"arn:aws:bedrock:eu-west-1::foundation-model/{_HAIKU}"),
        _parsing_model(f"arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.{_HAIKU}"),
    ),
    "aws-workspacesweb-social-idp": (
        "EU",
        "aws",
        "aws:workspacesweb/identityProvider:IdentityProvider",
        {"identity_provider_type": "OIDC", "identity_provider_details": {"client_id": "c"}},
        {"identity_provider_type": "Google", "identity_provider_details": {"client_id": "c"}},
    ),
    "aws-bedrock-cross-region-lex-model": (
        "EU",
        "aws",
        "aws:lex/v2modelsIntent:V2modelsIntent",
        {
            "qna_intent_configuration": {
                "bedrock_model_configuration": {"model_arn": f"arn:aws:bedrock:eu-west-1::foundation-model/{_HAIKU}"}
            }
        },
        {
            "qna_intent_configuration": {
                "bedrock_model_configuration": {
                    "model_arn": f"arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.{_HAIKU}"
                }
            }
        },
    ),
    "aws-bedrock-cross-region-batch-model": (
        "EU",
        "aws",
        "aws:bedrockmodel/invocationJob:InvocationJob",
        {"model_id": _HAIKU},
        {"model_id": f"eu.{_HAIKU}"},
    ),
    "alicloud-global-accelerator": ("CN", "alicloud", "alicloud:ga/accelerator:Accelerator", {}, {"spec": "1"}),
    "aws-cloud-wan": (
        "CN",
        "aws",
        "aws:networkmanager/coreNetwork:CoreNetwork",
        {"global_network_id": "gn-1"},
        {"global_network_id": "gn-1"},
    ),
    "alicloud-oss-transfer-acceleration": ("CN", "alicloud", _OSSTA, {"enabled": False}, {"enabled": True}),
    "alicloud-cms-site-monitor-probe-cities": (
        "CN",
        "alicloud",
        "alicloud:cms/siteMonitor:SiteMonitor",
        {"task_name": "portal", "task_type": "HTTP", "isp_cities": [{"city": "546", "isp": "465"}]},
        {"task_name": "portal", "task_type": "HTTP"},
    ),
    "alicloud-dns-gtm-monitor-nodes": (
        "CN",
        "alicloud",
        "alicloud:dns/monitorConfig:MonitorConfig",
        {"addr_pool_id": "pool-1", "isp_city_nodes": [{"city_code": "503", "isp_code": "465"}]},
        {"addr_pool_id": "pool-1", "isp_city_nodes": [{"city_code": "357", "isp_code": "465"}]},
    ),
    "alicloud-oss-bucket-transfer-acceleration": (
        "CN",
        "alicloud",
        "alicloud:oss/bucket:Bucket",
        {"bucket": "fleet-data", "transfer_acceleration": {"enabled": False}},
        {"bucket": "fleet-data", "transfer_acceleration": {"enabled": True}},
    ),
    # No ARMS city code is placed by a document: the compliant twin is a declaration (test_global_service_pair).
    "alicloud-arms-synthetic-monitor-points": (
        "CN",
        "alicloud",
        "alicloud:arms/syntheticTask:SyntheticTask",
        {"synthetic_task_name": "portal", "monitors": [{"city_code": "1200101", "operator_code": "246"}]},
        {"synthetic_task_name": "portal", "monitors": [{"city_code": "1200101", "operator_code": "246"}]},
    ),
    "alicloud-cloudsso-global-access": (
        "CN",
        "alicloud",
        "alicloud:cloudsso/directory:Directory",
        {"directory_name": "fleet", "directory_global_access_status": "Disabled"},
        {"directory_name": "fleet", "directory_global_access_status": "Enabled"},
    ),
    # Resident only in CN (the mainland hub): outside it the twin is a declaration (test_global_service_pair).
    "alicloud-waf-hub-region": ("JP", "alicloud", "alicloud:wafv3/instance:Instance", {}, {}),
    "alicloud-waf2-package-region": (
        "CN",
        "alicloud",
        "alicloud:waf/instance:Instance",
        {"package_code": "version_3", "subscription_type": "Subscription"},
        {"package_code": "version_pro_asia", "subscription_type": "Subscription"},
    ),
    "alicloud-security-center-hub-region": (
        "US",
        "alicloud",
        "alicloud:threatdetection/logMeta:LogMeta",
        {"log_meta_name": "aegis-log-login", "status": "enabled"},
        {"log_meta_name": "aegis-log-login", "status": "enabled"},
    ),
    "alicloud-data-security-center-hub-region": (
        "EU",
        "alicloud",
        "alicloud:sddp/dataLimit:DataLimit",
        {"resource_type": "OSS", "parent_id": "fleet-data", "service_region_id": "eu-central-1"},
        {"resource_type": "OSS", "parent_id": "fleet-data", "service_region_id": "eu-central-1"},
    ),
    "alicloud-eds-convenience-users-hub-region": (
        "JP",
        "alicloud",
        "alicloud:eds/user:User",
        {"end_user_id": "tech_0042", "email": "tech0042@example.jp"},
        {"end_user_id": "tech_0042", "email": "tech0042@example.jp"},
    ),
    "alicloud-anycast-eip": (
        "US",
        "alicloud",
        "alicloud:eipanycast/anycastEipAddress:AnycastEipAddress",
        {"service_location": "international", "bandwidth": 200},
        {"service_location": "international", "bandwidth": 200},
    ),
    # An NLB zone's public address: a regional EIP (eip-...) stays in the region, an Anycast EIP (aeip-...) does not.
    "alicloud-anycast-eip-load-balancer": (
        "JP",
        "alicloud",
        "alicloud:nlb/loadBalancer:LoadBalancer",
        {
            "address_type": "Internet",
            "zone_mappings": [
                {"zone_id": "ap-northeast-1a", "vswitch_id": "vsw-a", "allocation_id": "eip-6we2nnfz0bdcsb3a4i4ow"}
            ],
        },
        {
            "address_type": "Internet",
            "zone_mappings": [
                {"zone_id": "ap-northeast-1a", "vswitch_id": "vsw-a", "allocation_id": "aeip-6we2nnfz0bdcsb3a4i4ow"}
            ],
        },
    ),
    # An SCDN domain: its acceleration region is unproven (outside CN since stop 33, in CN since its second round).
    "alicloud-scdn-domain": (
        "JP",
        "alicloud",
        "alicloud:scdn/domain:Domain",
        {"domain_name": "portal.example.jp", "sources": [{"content": "10.0.0.1", "type": "ipaddr", "port": 80}]},
        {"domain_name": "portal.example.jp", "sources": [{"content": "10.0.0.1", "type": "ipaddr", "port": 80}]},
    ),
    # An ALB zone's EIP type: `Common` (a regional EIP) is proven, any other value (an Anycast EIP) is not (stop 33).
    "alicloud-alb-zone-eip-type": (
        "CN",
        "alicloud",
        "alicloud:alb/loadBalancer:LoadBalancer",
        {
            "address_type": "Internet",
            "zone_mappings": [{"zone_id": "cn-shanghai-l", "vswitch_id": "vsw-a", "eip_type": "Common"}],
        },
        {
            "address_type": "Internet",
            "zone_mappings": [{"zone_id": "cn-shanghai-l", "vswitch_id": "vsw-a", "eip_type": "Anycast"}],
        },
    ),
    "alicloud-anti-ddos-proxy-hub-region": (
        "DE",
        "alicloud",
        "alicloud:ddos/domainResource:DomainResource",
        {"domain": "portal.example.de", "instance_ids": ["ddoscoo-cn-1"], "real_servers": ["10.0.0.1"], "rs_type": 0},
        {"domain": "portal.example.de", "instance_ids": ["ddoscoo-cn-1"], "real_servers": ["10.0.0.1"], "rs_type": 0},
    ),
    # Resident only in US (us-east-1 keeps every configuration and notification): elsewhere the twin is a declaration.
    "aws-user-notifications-home-region": (
        "EU",
        "aws",
        "aws:notifications/notificationConfiguration:NotificationConfiguration",
        {"name": "ops-alerts", "description": "Operations alerts"},
        {"name": "ops-alerts", "description": "Operations alerts"},
    ),
    "alicloud-cloud-firewall-hub-region": (
        "JP",
        "alicloud",
        "alicloud:cloudfirewall/addressBook:AddressBook",
        {"group_name": "portal", "group_type": "ip", "description": "portal", "address_lists": ["10.20.0.0/16"]},
        {"group_name": "portal", "group_type": "ip", "description": "portal", "address_lists": ["10.20.0.0/16"]},
    ),
    "alicloud-cms-event-robot-channel": (
        "CN",
        "alicloud",
        "alicloud:cms/eventNotifyPolicy:EventNotifyPolicy",
        {"notify_strategy": {"routes": [{"channels": [{"channel_type": "CONTACT", "receivers": ["c-1"]}]}]}},
        {"notify_strategy": {"routes": [{"channels": [{"channel_type": "SLACK", "receivers": ["r-1"]}]}]}},
    ),
    "alicloud-dataworks-alarm-robot-receiver": (
        "CN",
        "alicloud",
        "alicloud:dataworks/diAlarmRule:DiAlarmRule",
        {"notification_settings": {"notification_receivers": [{"receiver_type": "AliyunUid"}]}},
        {"notification_settings": {"notification_receivers": [{"receiver_type": "DingToken"}]}},
    ),
    "alicloud-edge-kv-worldwide": (
        "CN",
        "alicloud",
        "alicloud:esa/kv:Kv",
        {"namespace": "charging", "key": "tariff", "value": "peak"},
        {"namespace": "charging", "key": "tariff", "value": "peak"},
    ),
    "alicloud-esa-hub-region": (
        "DE",
        "alicloud",
        "alicloud:esa/kvNamespace:KvNamespace",
        {"kv_namespace": "sessions", "description": "edge sessions"},
        {"kv_namespace": "sessions", "description": "edge sessions"},
    ),
    "alicloud-governance-hub-region": (
        "JP",
        "alicloud",
        "alicloud:governance/baseline:Baseline",
        {"baseline_name": "fleet-accounts", "description": "fleet member accounts"},
        {"baseline_name": "fleet-accounts", "description": "fleet member accounts"},
    ),
    "alicloud-config-hub-region": (
        "US",
        "alicloud",
        "alicloud:cfg/configurationRecorder:ConfigurationRecorder",
        {"resource_types": ["ACS::ECS::Instance"]},
        {"resource_types": ["ACS::ECS::Instance"]},
    ),
    # alired48: Certificate Management Service (Hangzhou or Singapore) and Database Autonomy Service (Shanghai).
    "alicloud-cas-hub-region": (
        "DE",
        "alicloud",
        "alicloud:cas/serviceCertificate:ServiceCertificate",
        {"certificate_name": "portal", "cert": _PEM_CERT, "key": _PEM_KEY},
        {"certificate_name": "portal", "cert": _PEM_CERT, "key": _PEM_KEY},
    ),
    "alicloud-das-hub-region": (
        "JP",
        "alicloud",
        "alicloud:das/sqlLogConfig:SqlLogConfig",
        {"instance_id": "rm-0a1b2c3d", "enable_sql_log": True, "sql_retention": 30},
        {"instance_id": "rm-0a1b2c3d", "enable_sql_log": True, "sql_retention": 30},
    ),
    # alired49: Cloud Architect Design Tools and Compute Nest (Hangzhou or Singapore whatever the provider's region).
    "alicloud-bpstudio-hub-region": (
        "JP",
        "alicloud",
        "alicloud:bp/studioApplication:StudioApplication",
        {"application_name": "orders", "template_id": "YAUUQIYRSV1CMFGX"},
        {"application_name": "orders", "template_id": "YAUUQIYRSV1CMFGX"},
    ),
    "alicloud-compute-nest-hub-region": (
        "DE",
        "alicloud",
        "alicloud:compute/nestServiceInstance:NestServiceInstance",
        {"service_id": "service-dd475e6e468348799f0f", "service_version": "1"},
        {"service_id": "service-dd475e6e468348799f0f", "service_version": "1"},
    ),
}


def test_an_any_depth_field_matches_the_end_of_a_path() -> None:
    service = GlobalService(id="x", types=("*",), why="w", field="*.model_id", sources=("s",))
    assert service.field_matches(("model_id",))
    assert service.field_matches(("definition", "nodes", "configuration", "prompt", "model_id"))
    assert not service.field_matches(("model_id", "arn"))
    assert not service.field_matches(("foundation_model",))


# A geographic inference profile whose documented destinations all lie in one jurisdiction is resident there only:
# `jp.` (Tokyo, Osaka) in JP, `us.`/`us-gov.` in US, `au.` in AU; `eu.` reaches London and Zurich, `apac.` Seoul and the
# UAE, `global.` every region, so they stay refused everywhere.
_GEO_PROFILES = [
    ("JP", "jp", set()), ("JP", "apac", {"RES-016"}), ("JP", "global", {"RES-016"}), ("JP", "us", {"RES-016"}),
    ("US", "us", set()), ("US", "us-gov", set()), ("US", "jp", {"RES-016"}), ("US", "global", {"RES-016"}),
    ("AU", "au", set()), ("AU", "apac", {"RES-016"}), ("KR", "apac", {"RES-016"}), ("KR", "jp", {"RES-016"}),
    ("DE", "eu", {"RES-016"}), ("EU", "eu", {"RES-016"}), ("CN", "jp", {"RES-016"}),
]  # fmt: skip


@pytest.mark.parametrize(("code", "geo", "expected"), _GEO_PROFILES)
def test_a_geographic_inference_profile_is_resident_only_in_its_own_jurisdiction(
    code: str, geo: str, expected: set[str]
) -> None:
    region = next(iter(sorted(CATALOGUE.get(code).aws.regions)))
    partition = CATALOGUE.aws_region_partition[region]
    arn = f"arn:{partition}:bedrock:{region}:123456789012:inference-profile/{geo}.{_HAIKU}"
    subjects = [
        Subject("aws:bedrock/agentAgent:AgentAgent", "a", {"foundation_model": f"{geo}.{_HAIKU}"}, provider(code)),
        Subject("aws:bedrock/inferenceProfile:InferenceProfile", "p", {"model_source": {"copy_from": arn}},
                provider(code)),
        Subject("aws:bedrock/agentPrompt:AgentPrompt", "s",
                {"variants": [{"name": "v", "model_id": f"{geo}.{_HAIKU}"}]}, provider(code)),
        Subject("aws:bedrock/agentcoreHarness:AgentcoreHarness", "h",
                {"model": {"litellm_model_config": {"model_id": f"bedrock/converse/{geo}.{_HAIKU}",
                                                    "additional_params": json.dumps({"aws_region_name": region})}}},
                provider(code)),
    ]  # fmt: skip
    for subject in subjects:
        assert rule_ids(code, subject) == expected, subject.type


@pytest.mark.parametrize(
    ("code", "profile", "expected"),
    [
        ("US", "us.guardrail.v1:0", set()),
        ("US", "us-gov.guardrail.v1:0", set()),
        ("US", "arn:aws:bedrock:us-west-2:123456789012:guardrail-profile/us.guardrail.v1:0", set()),
        ("US", "eu.guardrail.v1:0", {"RES-016"}),
        ("US", "apac.guardrail.v1:0", {"RES-016"}),
        ("JP", "us.guardrail.v1:0", {"RES-016"}),
        ("JP", "apac.guardrail.v1:0", {"RES-016"}),
        ("DE", "eu.guardrail.v1:0", {"RES-016"}),
    ],
)
def test_a_guardrail_profile_is_resident_only_where_its_destination_table_stays(
    code: str, profile: str, expected: set[str]
) -> None:
    # guardrails-cross-region-support.html: us.guardrail.v1:0 routes among us-east-1, us-east-2, us-west-1, us-west-2.
    props = {"name": "g", "blocked_input_messaging": "no", "blocked_outputs_messaging": "no",
             "cross_region_config": {"guardrail_profile_identifier": profile}}  # fmt: skip
    assert rule_ids(code, Subject("aws:bedrock/guardrail:Guardrail", "g", props, provider(code))) == expected


def test_resident_profile_patterns_name_jurisdictions_whose_regions_hold_the_whole_geography() -> None:
    # The documented destinations of each geography (geographic-cross-region-inference.html, AWS CDK bedrock-alpha).
    destinations = {
        "jp": {"ap-northeast-1", "ap-northeast-3"},
        "au": {"ap-southeast-2", "ap-southeast-4"},
        "us": {"us-east-1", "us-east-2", "us-west-1", "us-west-2"},
        "us-gov": {"us-gov-east-1", "us-gov-west-1"},
    }
    seen = set()
    for service in ENDPOINTS.global_services:
        for code in service.resident_patterns:
            assert code in CATALOGUE.jurisdictions, (service.id, code)
            for geo, regions in destinations.items():
                profile = f"{geo}.{_HAIKU}"
                forms = (profile, f"bedrock/{profile}", f"arn:aws:bedrock:r:1:inference-profile/{profile}")
                # A form the entry refuses where no pattern makes it resident (CN), but not in `code`: resident there.
                if any(service.refuses(v, "CN") and not service.refuses(v, code) for v in forms):
                    assert regions <= CATALOGUE.get(code).aws.regions, (service.id, code, geo)
                    seen.add((code, geo))
    assert seen == {("JP", "jp"), ("AU", "au"), ("US", "us"), ("US", "us-gov")}


@pytest.mark.parametrize(("code", "expected"), [("CN", {"RES-016"}), ("EU", set()), ("US", set()), ("JP", set())])
def test_cloud_wan_is_refused_only_where_it_is_not_offered(code: str, expected: set[str]) -> None:
    # refused_in: outside CN a core network is judged by its edge locations, not refused as a whole. The core network
    # is the stack's own (awsred47: one the stack did not make is RES-017 until declared).
    subject = Subject("aws:networkmanager/vpcAttachment:VpcAttachment", "a", {"core_network_id": "core-network-1"},
                      provider(code))  # fmt: skip
    assert rule_ids_known(code, subject, lambda name: name == group_key("core-network-1")) == expected


def test_refused_in_names_catalogued_jurisdictions() -> None:
    codes = set(CATALOGUE.jurisdictions)
    assert all(set(s.refused_in) <= codes for s in ENDPOINTS.global_services)
    assert any(s.refused_in for s in ENDPOINTS.global_services)
    assert all(set(s.resident_in) <= codes for s in ENDPOINTS.global_services)
    assert any(s.resident_in for s in ENDPOINTS.global_services)


_HUB_TYPES: dict[str, tuple[str, dict[str, Any]]] = {
    # Cloud Firewall, ESA and Cloud Config: one hub per account type (Hangzhou/Shanghai or Singapore), never the
    # provider's region.
    "alicloud-cloud-firewall-hub-region": (
        "alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy",
        {"nat_gateway_id": "ngw-1", "acl_action": "log", "direction": "out", "proto": "ANY", "source": "10.0.0.0/8"},
    ),
    "alicloud-esa-hub-region": (
        "alicloud:esa/originPool:OriginPool",
        {"site_id": "7654321", "origin_pool_name": "static", "origins": [{"name": "lb", "address": "10.0.0.9"}]},
    ),
    "alicloud-config-hub-region": (
        "alicloud:cfg/compliancePack:CompliancePack",
        {"compliance_pack_name": "ecs-baseline", "risk_level": 1, "description": "ECS baseline"},
    ),
    "alicloud-security-center-hub-region": (
        "alicloud:threatdetection/honeypotNode:HoneypotNode",
        {"node_name": "decoy", "available_probe_num": 20, "security_group_probe_ip_lists": ["10.0.0.0/8"]},
    ),
    "alicloud-data-security-center-hub-region": (
        "alicloud:sddp/dataLimit:DataLimit",
        {"resource_type": "RDS", "parent_id": "rm-0a1b2c3d.fleet", "engine_type": "MySQL", "user_name": "dsc"},
    ),
    # alired48: an uploaded certificate's private key and a private CA's certificate (cas.aliyuncs.com or
    # cas.ap-southeast-1 whatever the provider's region); DAS Enterprise Edition on an instance (das.cn-shanghai).
    "alicloud-cas-hub-region": (
        "alicloud:sslcertificatesservice/pcaCertificate:PcaCertificate",
        {"organization": "Fleet", "years": 1, "locality": "City", "state": "State", "common_name": "fleet-root-ca"},
    ),
    "alicloud-das-hub-region": (
        "alicloud:das/switchDasPro:SwitchDasPro",
        {"instance_id": "rm-0a1b2c3d", "sql_retention": 30},
    ),
    # alired49: a BP Studio application (bpstudio.cn-hangzhou / ap-southeast-1) and a Compute Nest service instance
    # (computenest.cn-hangzhou), whatever the provider's region.
    "alicloud-bpstudio-hub-region": (
        "alicloud:bp/studioApplication:StudioApplication",
        {"application_name": "orders", "template_id": "YAUUQIYRSV1CMFGX", "configuration": {"enableMonitor": "1"}},
    ),
    "alicloud-compute-nest-hub-region": (
        "alicloud:compute/nestServiceInstance:NestServiceInstance",
        {"service_id": "service-dd475e6e468348799f0f", "service_version": "1", "service_instance_name": "search"},
    ),
    "alicloud-waf-hub-region": (
        "alicloud:wafv3/domain:Domain",
        {"domain": "portal.example.com", "instance_id": "waf-1", "access_type": "share"},
    ),
    "alicloud-anti-ddos-proxy-hub-region": (
        "alicloud:ddos/port:Port",
        {
            "instance_id": "ddoscoo-cn-1",
            "frontend_port": "443",
            "frontend_protocol": "tcp",
            "real_servers": ["10.0.0.9"],
        },
    ),
}


@pytest.mark.parametrize("service_id", sorted(_HUB_TYPES))
@pytest.mark.parametrize("code", [c for c in CODES if CATALOGUE.jurisdictions[c].regions("alicloud")])
def test_a_hub_region_service_is_resident_only_in_its_hub_jurisdiction(service_id: str, code: str) -> None:
    # WAF, Anti-DDoS Pro/Premium, Security Center, Data Security Center (and Cloud Firewall, ESA, Cloud Config by
    # account type) run from a mainland hub or from
    # ap-southeast-1 (and DSC cn-hongkong) whatever the provider's region: refused on
    # every stack's own provider but in CN, Singapore's included (the international hub serves every region outside
    # the mainland, and no document says where it keeps a protected domain's traffic).
    token, props = _HUB_TYPES[service_id]
    findings, _ = ENGINES[code].check(Subject(token, "r", props, provider(code, "alicloud")))
    if code == "CN":
        assert findings == []
    else:
        assert [(f.rule.id, f.path) for f in findings] == [("RES-016", "")], code
        assert f"[{service_id}]" in findings[0].detail


_USER_NOTIFICATIONS: dict[str, dict[str, Any]] = {
    "aws:notifications/notificationConfiguration:NotificationConfiguration": {"name": "ops", "description": "Ops"},
    "aws:notifications/eventRule:EventRule": {
        "notification_configuration_arn": "arn:aws:notifications::111122223333:configuration/a01",
        "source": "aws.cloudwatch",
        "event_type": "CloudWatch Alarm State Change",
        "regions": ["REGION"],
    },
    "aws:notifications/channelAssociation:ChannelAssociation": {
        "arn": "arn:aws:notifications-contacts::111122223333:emailcontact/a02",
        "notification_configuration_arn": "arn:aws:notifications::111122223333:configuration/a01",
    },
    "aws:notifications/notificationHub:NotificationHub": {"notification_hub_region": "REGION"},
}


@pytest.mark.parametrize("token", sorted(_USER_NOTIFICATIONS))
@pytest.mark.parametrize("code", [c for c in CODES if CATALOGUE.jurisdictions[c].regions("aws")])
def test_user_notifications_are_resident_only_in_us(token: str, code: str) -> None:
    # User Notifications keeps configurations and notifications in us-east-1 besides the hub and rule Regions, whatever
    # the provider's region: refused on every stack's own provider (its own region named in the rule or hub) but in US.
    region = provider(code, "aws").region or ""
    partition = "aws-cn" if region.startswith("cn-") else "aws"  # the stack's own ARNs are of its partition

    def own(value: Any) -> Any:
        if isinstance(value, list):
            return [own(v) for v in value]
        return value.replace("REGION", region).replace("arn:aws:", f"arn:{partition}:")

    props = {k: own(v) for k, v in _USER_NOTIFICATIONS[token].items()}
    findings, _ = ENGINES[code].check(Subject(token, "r", props, provider(code, "aws")))
    if code == "US":
        assert findings == []
    else:
        assert [(f.rule.id, f.path) for f in findings] == [("RES-016", "")], code
        assert "[aws-user-notifications-home-region]" in findings[0].detail


def test_user_notifications_e_mail_contact_and_organizations_access_are_not_refused_as_global() -> None:
    # An e-mail contact is judged by its address (a resident mail domain passes); OrganizationsAccess holds no data.
    engine = ENGINES["DE"]
    contact = {"name": "oncall", "email_address": "oncall@example.de"}
    token = "aws:notifications/contactsEmailContact:ContactsEmailContact"
    assert "RES-016" not in {f.rule.id for f in engine.check(Subject(token, "r", contact, provider("DE")))[0]}
    token = "aws:notifications/organizationsAccess:OrganizationsAccess"
    access = Subject(token, "r", {"enabled": True}, provider("DE"))
    assert engine.check(access)[0] == []


@pytest.mark.parametrize("code", [c for c in CODES if CATALOGUE.jurisdictions[c].regions("alicloud")])
def test_cloud_governance_is_resident_where_it_has_an_endpoint(code: str) -> None:
    # Cloud Governance Center's endpoints are Hangzhou, Singapore and Frankfurt: a CN stack's and a Frankfurt (DE, EU)
    # stack's enrolled accounts stay in the jurisdiction; every other stack's provider reaches a hub abroad.
    props = {"baseline_id": "afb-0a1b2c3d", "display_name": "fleet-analytics", "account_name_prefix": "fleet-analytics"}
    findings, _ = ENGINES[code].check(
        Subject("alicloud:governance/account:Account", "r", props, provider(code, "alicloud"))
    )
    if code in {"CN", "DE", "EU"}:
        assert findings == []
    else:
        assert [(f.rule.id, f.path) for f in findings] == [("RES-016", "")], code
        assert "[alicloud-governance-hub-region]" in findings[0].detail


def test_resident_in_and_refused_in_are_exclusive() -> None:
    with pytest.raises(ValueError, match="refused_in or resident_in"):
        GlobalService(id="x", types=("t",), why="w", refused_in=("CN",), resident_in=("JP",), sources=("s",))
    service = GlobalService(id="x", types=("t",), why="w", resident_in=("CN",), sources=("s",))
    assert not service.judges_in("CN") and service.judges_in("JP") and service.judges_in("ZZ")


def test_a_site_replaces_resident_in_only_for_a_provider_naming_it() -> None:
    # alired52: a hub chosen by the account's site (Cloud Firewall, ESA, Cloud Config: Singapore for an international
    # account) is resident in CN only while the provider names no international site; another site keeps resident_in.
    with pytest.raises(ValueError, match="give resident_in too"):
        GlobalService(id="x", types=("t",), why="w", site_resident_in={"International": ()}, sources=("s",))
    service = GlobalService(
        id="x", types=("t",), why="w", resident_in=("CN",), site_resident_in={"International": ()}, sources=("s",)
    )
    assert not service.judges_in("CN") and not service.judges_in("CN", "Domestic")
    assert service.judges_in("CN", "International") and service.judges_in("JP", "International")


def test_every_global_service_has_a_pair() -> None:
    assert set(GLOBAL_CASES) == {s.id for s in ENDPOINTS.global_services}


@pytest.mark.parametrize("service_id", sorted(GLOBAL_CASES))
def test_global_service_pair(service_id: str) -> None:
    code, cloud, token, good, bad = GLOBAL_CASES[service_id]
    service = next(s for s in ENDPOINTS.global_services if s.id == service_id)
    # A place index or route calculator must name a data provider, and every one is a third party; an ARMS monitoring
    # point's city code is placed by no document, and the field is required.
    # An entry with no types (a Fluentd plugin only, fluentd43) has a compliant form: its deciding setting written.
    if (service.field is None and service.types and not service.allowed_partitions) or service_id in {
        "aws-location-data-provider",
        "alicloud-arms-synthetic-monitor-points",
    }:
        # A resource that is global in itself has no compliant form; its twin is a declaration.
        from components.residency.destinations import parse_destinations

        entry = {"id": "ga", "kind": "resident", "match": token, "evidence": "accepted by the DPO, ticket 1"}
        engine = RuleEngine(code, destinations=parse_destinations([entry]))
        findings, _ = engine.check(Subject(token, "r", good, provider(code, cloud)))
        assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "ga")]
    else:
        assert rule_ids(code, Subject(token, "r", good, provider(code, cloud))) == set()
    # A service its partition keeps in-country (aws-cn) is refused in a jurisdiction of the global partition.
    offending_code = "EU" if service.allowed_partitions else code
    findings, _ = ENGINES[offending_code].check(Subject(token, "r", bad, provider(offending_code, cloud)))
    assert [f.rule.id for f in findings] == ["RES-016"] * len(findings) and findings
    assert f"[{service_id}]" in findings[0].detail


@pytest.mark.parametrize(
    ("token", "props", "refused"),
    [
        # Domain's billing contacts are a list (billing_contacts), RegisteredDomain's one block (billing_contact).
        ("aws:route53domains/domain:Domain", {"billing_contacts": [{"email": "billing@example.de"}]}, True),
        ("aws:route53domains/registeredDomain:RegisteredDomain", {"billing_contact": {"phone_number": "+49.30"}}, True),
        # Privacy flags and the transfer lock are settings of the registration, not contacts.
        (
            "aws:route53domains/registeredDomain:RegisteredDomain",
            {"admin_privacy": True, "registrant_privacy": True, "tech_privacy": True, "transfer_lock": True},
            False,
        ),
    ],
)
def test_route53_domain_contacts_are_refused_in_every_jurisdiction(
    token: str, props: dict[str, Any], refused: bool
) -> None:
    for code in ("DE", "JP", "US"):
        findings, _ = ENGINES[code].check(Subject(token, "d", {"domain_name": "example.de", **props}, provider(code)))
        assert [f.rule.id for f in findings][:1] == (["RES-016"] if refused else [])
        assert all("[aws-route53-domain-contacts]" in f.detail for f in findings)


_OAUTH = "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider"


@pytest.mark.parametrize(
    ("vendor", "config", "expected"),
    [
        # A built-in vendor's own block names no host: its authorization server is the vendor's.
        ("GithubOauth2", {"github_oauth2_provider_config": {"client_id": "c"}}, ["RES-016"]),
        ("XOauth2", {"included_oauth2_provider_config": {"client_id": "c"}}, ["RES-016"]),
        ("OktaOauth2", {"included_oauth2_provider_config": {"client_id": "c"}}, ["RES-016"]),
        # A tenant's endpoints decide where the flows go, and are judged as hosts instead.
        ("OktaOauth2", {"included_oauth2_provider_config": {"issuer": "https://fleet.okta.com"}}, ["RES-015"]),
        (
            "Auth0Oauth2",
            {"included_oauth2_provider_config": {"token_endpoint": "https://fleet.eu.auth0.com/oauth/token"}},
            ["RES-015"],
        ),
        (
            "CognitoOauth2",
            {"included_oauth2_provider_config": {"authorization_endpoint": f"https://{_POOL_HOST}/oauth2/authorize"}},
            [],
        ),
        (
            "CustomOauth2",
            {"custom_oauth2_provider_config": {"oauth_discovery": {"discovery_url": f"https://{_POOL_HOST}/.wk"}}},
            [],
        ),
    ],
)
def test_agentcore_oauth_vendors_are_judged_by_their_authorization_server(
    vendor: str, config: dict[str, Any], expected: list[str]
) -> None:
    props = {"credential_provider_vendor": vendor, "oauth2_provider_config": config}
    findings, _ = ENGINES["JP"].check(Subject(_OAUTH, "o", props, provider("JP")))
    assert [f.rule.id for f in findings] == expected


_EXTENSION = "x-amazon-apigateway-endpoint-configuration"


@pytest.mark.parametrize("code", ["EU", "CN", "US"])
def test_a_rest_api_without_an_endpoint_type_is_edge_optimised(code: str) -> None:
    # EDGE is API Gateway's default for REST APIs and their custom domain names: an omitted endpoint_configuration
    # (or its types) is judged as EDGE. An OpenAPI body proves no other type (stop 39): neither the body's
    # x-amazon-apigateway-endpoint-configuration `types` (not a documented property), at the top or in a Server
    # object, nor the import parameter endpointConfigurationTypes (the provider calls PutRestApi, not an import).
    token = "aws:apigateway/restApi:RestApi"
    regional = {"types": ["REGIONAL"]}
    omitted: tuple[dict[str, Any], ...] = (
        {"name": "alerts"},
        {"name": "alerts", "endpoint_configuration": {}},
        {"body": json.dumps({"openapi": "3.0.1", "paths": {}})},
        {"body": json.dumps({"swagger": "2.0", "x-amazon-apigateway-endpoint-configuration": regional})},
        {
            "body": json.dumps(
                {"openapi": "3.0.1", "servers": [{"x-amazon-apigateway-endpoint-configuration": regional}]}
            )
        },
        {"body": json.dumps({"openapi": "3.0.1"}), "parameters": {"endpointConfigurationTypes": "REGIONAL"}},
    )
    domain = "aws:apigateway/domainName:DomainName"
    cases = [(token, props) for props in omitted] + [(domain, {"domain_name": "api.example.eu"})]
    for type_token, props in cases:
        findings, _ = ENGINES[code].check(Subject(type_token, "api", props, provider(code)))
        assert [(f.rule.id, f.path) for f in findings] == [("RES-016", "endpoint_configuration.types")], props
        assert "the default when omitted" in findings[0].detail
    # The twins: REGIONAL or PRIVATE set (beside a body too: the resource's value overrides what the body imports); a
    # block still pending (judged once it resolves); a REGIONAL custom domain name.
    twins: tuple[tuple[str, dict[str, Any]], ...] = (
        (token, {"endpoint_configuration": {"types": "REGIONAL"}}),
        (token, {"endpoint_configuration": {"types": "PRIVATE"}}),
        (token, {"endpoint_configuration": {"types": "REGIONAL"}, "body": json.dumps({"openapi": "3.0.1"})}),
        (token, {"endpoint_configuration": pulumi.Output.from_input({"types": "REGIONAL"})}),
        (domain, {"domain_name": "api.example.eu", "endpoint_configuration": {"types": "REGIONAL"}}),
    )
    for type_token, props in twins:
        assert ENGINES[code].check(Subject(type_token, "api", props, provider(code)), defer=_is_output)[0] == []


@pytest.mark.parametrize("code", ["EU", "CN"])
def test_an_openapi_body_saying_edge_is_read_at_any_depth(code: str) -> None:
    # Beside a REGIONAL endpoint_configuration, a body naming EDGE is refused wherever the extension's page puts it:
    # at the top (Swagger 2.0) or in a Server object (OpenAPI 3.0); a body naming REGIONAL there adds nothing.
    token = "aws:apigateway/restApi:RestApi"
    edge, regional = {"types": ["EDGE"]}, {"types": ["REGIONAL"]}
    for extension, expected in ((edge, ["RES-016"]), (regional, [])):
        for document in (
            {"swagger": "2.0", "x-amazon-apigateway-endpoint-configuration": extension},
            {"openapi": "3.0.1", "servers": [{"url": "/", "x-amazon-apigateway-endpoint-configuration": extension}]},
        ):
            props = {"endpoint_configuration": {"types": "REGIONAL"}, "body": json.dumps(document)}
            findings, _ = ENGINES[code].check(Subject(token, "api", props, provider(code)))
            assert [f.rule.id for f in findings] == expected, document
            assert all("[aws-apigateway-edge-openapi]" in f.detail for f in findings)


def _is_output(value: object) -> bool:
    return isinstance(value, pulumi.Output)


@pytest.mark.parametrize(
    ("code", "token", "expected"),
    [
        ("CN", "alicloud:cdn/domainNew:DomainNew", set()),
        ("CN", "alicloud:vod/domain:Domain", set()),
        ("EU", "alicloud:cdn/domainNew:DomainNew", {"RES-016"}),
        ("JP", "alicloud:vod/domain:Domain", {"RES-016"}),
        # DCDN and DCDN IPA domains default to `domestic` as well (AddDcdnDomain, AddDcdnIpaDomain).
        ("CN", "alicloud:dcdn/domain:Domain", set()),
        ("CN", "alicloud:dcdn/ipaDomain:IpaDomain", set()),
        ("JP", "alicloud:dcdn/domain:Domain", {"RES-016"}),
        ("DE", "alicloud:dcdn/ipaDomain:IpaDomain", {"RES-016"}),
        # So do ApsaraVideo Live domains (alicloud_live_domain: "`domestic` (default): Mainland China").
        ("CN", "alicloud:live/domain:Domain", set()),
        ("JP", "alicloud:live/domain:Domain", {"RES-016"}),
    ],
)
def test_an_omitted_scope_is_judged_as_its_documented_default(code: str, token: str, expected: set[str]) -> None:
    # `domestic` (mainland China edges) is the default: resident in CN, outside China it caches in China.
    findings, _ = ENGINES[code].check(
        Subject(token, "cdn", {"domain_name": "static.example.com"}, provider(code, "alicloud"))
    )
    assert {f.rule.id for f in findings} == expected
    assert all("'domestic', the default when omitted" in f.detail and f.path == "scope" for f in findings)
    # Set explicitly, the value is judged where it is (once), not the default as well.
    explicit, _ = ENGINES[code].check(Subject(token, "cdn", {"scope": "global"}, provider(code, "alicloud")))
    assert [f.path for f in explicit] == ["scope"] and "default" not in explicit[0].detail


@pytest.mark.parametrize(
    "token",
    [
        "alicloud:ga/listener:Listener",
        "alicloud:ga/endpointGroup:EndpointGroup",
        "alicloud:ga/ipSet:IpSet",
        "alicloud:ga/basicEndpoint:BasicEndpoint",
        "alicloud:ga/customRoutingEndpointGroup:CustomRoutingEndpointGroup",
        "aws:globalaccelerator/listener:Listener",
        "aws:globalaccelerator/endpointGroup:EndpointGroup",
        "aws:globalaccelerator/customRoutingListener:CustomRoutingListener",
        "aws:globalaccelerator/customRoutingEndpointGroup:CustomRoutingEndpointGroup",
    ],
)
def test_attaching_to_an_existing_global_accelerator_is_global_unless_declared(token: str) -> None:
    # accelerator_id / listener_arn of an accelerator made elsewhere: the attachment puts in-country backends on it.
    cloud: Cloud = "aws" if token.startswith("aws:") else "alicloud"
    code = "EU" if cloud == "aws" else "CN"
    service = "aws-global-accelerator" if cloud == "aws" else "alicloud-global-accelerator"
    ref = {"listener_arn": "arn:aws:globalaccelerator::123456789012:accelerator/1234abcd/listener/0123vxyz"}
    props = ref if cloud == "aws" else {"accelerator_id": "ga-bp1odcab8tmno0hdq****"}
    subject = Subject(token, "ga", props, provider(code, cloud))
    findings, _ = ENGINES[code].check(subject)
    assert [f.rule.id for f in findings] == ["RES-016"] and f"[{service}]" in findings[0].detail
    from components.residency.destinations import parse_destinations

    entry = {"id": "ga", "kind": "resident", "match": service, "evidence": "DPO ticket 7"}
    declared, _ = RuleEngine(code, destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in declared] == [("RES-016", "ga")]


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("aws:cloudfront/keyValueStore:KeyValueStore", {"name": "routing"}),
        ("aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey", {"key": "VIN123", "value": "owner-42"}),
        ("aws:cloudfront/keyvaluestoreKeysExclusive:KeyvaluestoreKeysExclusive",
         {"resource_key_value_pairs": [{"key": "VIN123", "value": "owner-42"}]}),
        # A VPC origin puts the stack's load balancer behind CloudFront for a distribution that may be made elsewhere.
        ("aws:cloudfront/vpcOrigin:VpcOrigin", {"vpc_origin_endpoint_config": {"name": "alb", "http_port": 80}}),
    ],
)  # fmt: skip
def test_cloudfront_key_value_stores_are_kept_at_the_edges(token: str, props: dict[str, Any]) -> None:
    # A "global" datastore read by CloudFront Functions at the edge locations: CloudFront's edges, in aws-cn China's.
    assert rule_ids("CN", Subject(token, "kvs", props, provider("CN"))) == set()
    findings, _ = ENGINES["EU"].check(Subject(token, "kvs", props, provider("EU")))
    assert [f.rule.id for f in findings] == ["RES-016"] and "[aws-cloudfront]" in findings[0].detail


def test_a_load_balancer_alone_is_not_global() -> None:
    # The compliant twin: the same backend without an accelerator stays regional.
    subject = Subject("aws:lb/loadBalancer:LoadBalancer", "alb", {"internal": False}, provider("EU"))
    assert rule_ids("EU", subject) == set()


@pytest.mark.parametrize(
    ("token", "props", "expected"),
    [
        ("alicloud:dts/synchronizationJob:SynchronizationJob", {"destination_endpoint_ip": "10.40.0.12"}, set()),
        ("alicloud:dts/synchronizationJob:SynchronizationJob", {"destination_endpoint_ip": "47.88.1.10"}, {"RES-015"}),
        ("alicloud:dts/migrationJob:MigrationJob", {"source_endpoint_ip": "db.partner.example.com"}, {"RES-015"}),
        ("alicloud:vpn/customerGateway:CustomerGateway", {"ip_address": "203.0.113.10"}, {"RES-015"}),
        ("aws:ec2/customerGateway:CustomerGateway", {"ip_address": "203.0.113.10", "type": "ipsec.1"}, {"RES-015"}),
        # The same key naming the resource's own address is not a destination.
        ("alicloud:ecs/eipAddress:EipAddress", {"ip_address": "47.88.1.10"}, set()),
    ],
)
def test_database_and_vpn_peer_addresses_are_destinations(
    token: str, props: dict[str, Any], expected: set[str]
) -> None:
    cloud: Cloud = "aws" if token.startswith("aws:") else "alicloud"
    assert rule_ids("CN", Subject(token, "r", props, provider("CN", cloud))) == expected


# Coverage red team (stop 33): alarm and forwarding e-mail fields and a delivery bucket that passed unjudged.
_FIREWALL_ALARMS = "alicloud:cloudfirewall/userAlarmConfig:UserAlarmConfig"
_SCHEDULERX_JOB = "alicloud:schedulerx/job:Job"
_MEMORY_STRATEGY = "aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy"
_MAIL_RULES = "aws:mailmanager/ruleSet:RuleSet"


def _replace_recipients(recipients: list[str]) -> dict[str, Any]:
    return {"rules": [{"actions": [{"replace_recipient": {"replace_withs": recipients}}]}]}


def _payload_bucket(bucket: str) -> dict[str, Any]:
    invocation = {"payload_delivery_bucket_name": bucket}
    return {"configuration": {"self_managed_configuration": {"invocation_configuration": invocation}}}


@pytest.mark.parametrize(
    ("code", "token", "props", "expected"),
    [
        ("CN", _FIREWALL_ALARMS, {"contact_configs": [{"name": "secops", "mobile_phone": "+8613123456789"}]}, set()),
        ("CN", _FIREWALL_ALARMS, {"contact_configs": [{"name": "secops", "email": "secops@gmail.com"}]}, {"RES-015"}),
        ("CN", _FIREWALL_ALARMS, {"notify_configs": [{"notify_type": "sms", "notify_value": "+8613123456789"}]}, set()),
        (
            "CN",
            _FIREWALL_ALARMS,
            {"notify_configs": [{"notify_type": "mail", "notify_value": "soc@partner.example.com"}]},
            {"RES-015"},
        ),
        ("CN", _SCHEDULERX_JOB, {"job_monitor_info": {"contact_infos": [{"user_name": "oncall"}]}}, set()),
        (
            "CN",
            _SCHEDULERX_JOB,
            {"job_monitor_info": {"contact_infos": [{"user_mail": "oncall@partner.example.com"}]}},
            {"RES-015"},
        ),
        # A Mail Manager rule re-addressing inbound mail: the replacement mailboxes receive it (a condition's values are
        # only compared).
        ("EU", _MAIL_RULES, _replace_recipients(["claims@partner.example.com"]), {"RES-015"}),
        (
            "EU",
            _MAIL_RULES,
            {"rules": [{"conditions": [{"string_expression": {"values": ["a@partner.example.com"]}}]}]},
            set(),
        ),
        # A bucket name carries no Region: outside the aws-cn partition it is proven only when the stack makes it.
        ("EU", _MEMORY_STRATEGY, {"memory_id": "m", "type": "CUSTOM"}, set()),
        ("EU", _MEMORY_STRATEGY, _payload_bucket("partner-conversations"), {"RES-017"}),
        ("CN", _MEMORY_STRATEGY, _payload_bucket("fleet-conversations"), set()),
    ],
)
def test_alarm_and_forwarding_mailboxes_and_a_memory_s_payload_bucket_are_destinations(
    code: str, token: str, props: dict[str, Any], expected: set[str]
) -> None:
    cloud: Cloud = "aws" if token.startswith("aws:") else "alicloud"
    assert rule_ids(code, Subject(token, "r", props, provider(code, cloud))) == expected


def test_a_declared_vpn_peer_is_accepted_as_declared() -> None:
    from components.residency.destinations import parse_destinations

    entry = {"id": "idc", "kind": "resident", "match": "203.0.113.10", "evidence": "Shanghai IDC, contract HC-2"}
    subject = Subject(
        "alicloud:vpn/customerGateway:CustomerGateway",
        "idc",
        {"ip_address": "203.0.113.10"},
        provider("CN", "alicloud"),
    )
    findings, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-015", "idc")]


@pytest.mark.parametrize("entry", ENDPOINTS.oss_bucket_fields, ids=lambda e: e.type)
def test_oss_buckets_data_is_delivered_to_are_proven_by_provenance(entry: Any) -> None:
    # OSS bucket names carry no region and share one namespace worldwide: only this stack's bucket is proven.
    def findings(known: Any) -> list[str]:
        *outer, last = entry.path.split(".")
        props: dict[str, Any] = {last: "audit-archive-01"}
        for key in reversed(outer):  # a nested field is a list of blocks (SAE oss_mount_descs_v2s)
            props = {key: [props]}
        subject = Subject(entry.type, "r", props, provider("CN", "alicloud"))
        return [f.rule.id for f in ENGINES["CN"].check(subject, known=known)[0]]

    # The stack's OSS bucket of that name (asked for under its cloud's key, stop 35), not its S3 bucket of that name.
    assert findings(lambda name: name == bucket_key("alicloud", "audit-archive-01")) == []
    assert findings(lambda name: name == "audit-archive-01") == ["RES-017"]
    assert findings(lambda name: False) == ["RES-017"]


def test_a_group_id_is_judged_only_in_its_documented_field() -> None:
    # The same key on another type (a global cluster being created) names what it creates.
    props = {"global_cluster_identifier": "fleet"}
    subject = Subject("aws:rds/globalCluster:GlobalCluster", "g", props, provider("EU"))
    assert rule_ids("EU", subject) == set()


def test_an_oss_bucket_read_by_name_is_regionless_in_cn_too() -> None:
    # OSS bucket names are one namespace worldwide (cn-hongkong and abroad included), unlike aws-cn's S3.
    def read(type_token: str, name: str, cloud: Cloud, known: Any = None) -> list[str]:
        subject = Subject(type_token, "existing", {}, provider("CN", cloud), read_id=name)
        return [f.rule.id for f in ENGINES["CN"].check(subject, known=known)[0]]

    assert read("alicloud:oss/bucket:Bucket", "partner-archive", "alicloud") == ["RES-017"]
    oss, s3 = bucket_key("alicloud", "partner-archive"), bucket_key("aws", "partner-archive")
    assert read("alicloud:oss/bucket:Bucket", "partner-archive", "alicloud", lambda n: n == oss) == []
    assert read("alicloud:oss/bucket:Bucket", "partner-archive", "alicloud", lambda n: n == s3) == ["RES-017"]
    assert read("aws:s3/bucket:Bucket", "partner-archive", "aws") == []  # every aws-cn region is in CN


# -- region discovery -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("destinationRegion", "ap-east-1"),
        ("replica-regions", ["cn-north-1", "ap-east-1"]),
        ("backup_region_lists", "cn-north-1, ap-east-1"),
        ("allowedRegions", "cn-north-1 ap-east-1"),
        ("copy_region_ids", "cn-northwest-1;ap-east-1"),
        ("replicaRegionName", "ap-east-1"),  # a name key whose head is "region": a region
        ("s3.region", "ap-east-1"),  # Kafka Connect / Flink properties: dotted keys
        ("fs.s3a.endpoint.region", "ap-east-1"),  # Hadoop configuration (EMR configurations)
    ],
)
def test_region_values_are_found_in_normalised_keys_and_lists(key: str, value: Any) -> None:
    subject = Subject("aws:ssm/parameter:Parameter", "p", {"settings": {key: value}}, provider("CN"))
    assert rule_ids("CN", subject) == {"RES-009"}
    compliant = json.loads(json.dumps(value).replace("ap-east-1", "cn-northwest-1"))
    assert rule_ids("CN", Subject(subject.type, "p", {"settings": {key: compliant}}, provider("CN"))) == set()


def test_names_that_look_like_regions_are_not_regions() -> None:
    props = {"name": "fleet-sessions-01", "bucket": "oss-migration-staging", "tags": {"copy": "us-east-1"}}
    assert rule_ids("CN", Subject("alicloud:oss/bucket:Bucket", "b", props, provider("CN", "alicloud"))) == set()


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("inter_region_traffic_qos_policy_name", "sh-bj-qos", set()),
        ("inter_region_traffic_qos_queue_description", "high-priority telemetry", set()),
        ("region_name", "cn-hongkong", {"RES-009"}),
        ("peer_transit_router_region_id", "cn-hongkong", {"RES-009"}),
        ("region_name", "cn-east-9", {"RES-011"}),
    ],
)
def test_a_name_or_description_beside_a_region_token_is_not_a_region(key: str, value: str, expected: set[str]) -> None:
    props = {"transit_router_id": "tr-1", key: value}
    subject = Subject(
        "alicloud:cen/interRegionTrafficQosPolicy:InterRegionTrafficQosPolicy", "q", props, provider("CN", "alicloud")
    )
    assert rule_ids("CN", subject) == expected


def test_documents_are_parsed_whether_or_not_they_hold_an_arn() -> None:
    yaml_doc = "apiVersion: v1\nkind: ConfigMap\ndata:\n  target_region: us-east-1\n"
    json_doc = json.dumps({"replication": {"destinationRegion": "us-east-1"}})
    for doc in (yaml_doc, json_doc):
        subject = Subject("aws:ssm/parameter:Parameter", "p", {"value": doc}, provider("CN"))
        assert rule_ids("CN", subject) == {"RES-009"}
        clean = Subject(subject.type, "p", {"value": doc.replace("us-east-1", "cn-north-1")}, provider("CN"))
        assert rule_ids("CN", clean) == set()


@pytest.mark.parametrize("compress", [False, True], ids=["base64", "gzip"])
def test_user_data_is_decoded(compress: bool) -> None:
    def payload(host: str) -> str:
        raw = f"#!/bin/sh\ncurl -T /var/log/app.log https://{host}/logs/\n".encode()
        return base64.b64encode(gzip.compress(raw) if compress else raw).decode()

    bad = Subject(
        "aws:ec2/instance:Instance", "vm", {"user_data_base64": payload("s3.us-east-1.amazonaws.com")}, provider("CN")
    )
    good = Subject(
        "aws:ec2/instance:Instance",
        "vm",
        {"user_data_base64": payload("s3.cn-north-1.amazonaws.com.cn")},
        provider("CN"),
    )
    findings, _ = ENGINES["CN"].check(bad)
    assert [(f.rule.id, f.path) for f in findings] == [
        ("RES-006", f"user_data_base64({'base64+gzip' if compress else 'base64'})")
    ]
    assert rule_ids("CN", good) == set()


@pytest.mark.parametrize(
    ("cloud", "token", "key"),
    [
        ("alicloud", "alicloud:ecs/command:Command", "command_content"),  # Cloud Assistant: base64 by the API
        ("alicloud", "alicloud:cs/nodePool:NodePool", "pre_user_data"),
        ("alicloud", "alicloud:cs/nodePool:NodePool", "user_data"),
        ("alicloud", "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate", "userdata"),
        ("alicloud", "alicloud:ecs/launchTemplate:LaunchTemplate", "userdata"),
        (
            "aws",
            "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
            "on_start",
        ),
        ("aws", "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig", "studio_lifecycle_config_content"),
    ],
)
def test_every_payload_key_is_decoded(cloud: Cloud, token: str, key: str) -> None:
    assert key in ENDPOINTS.payload_keys
    host = "oss-{}-internal.aliyuncs.com" if cloud == "alicloud" else "s3.{}.amazonaws.com.cn"

    def subject(region: str) -> Subject:
        script = f"#!/bin/bash\ncurl -T /var/log/app.log https://{host.format(region)}/logs/\n"
        return Subject(token, "r", {key: base64.b64encode(script.encode()).decode()}, provider("CN", cloud))

    foreign = "ap-southeast-1" if cloud == "alicloud" else "us-east-1"
    findings, _ = ENGINES["CN"].check(subject(foreign))
    assert [(f.rule.id, f.path) for f in findings] == [("RES-006", f"{key}(base64)")]
    assert rule_ids("CN", subject("cn-shanghai" if cloud == "alicloud" else "cn-north-1")) == set()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("PGHOST=db.partner.example.com psql -c 'select 1'", [("RES-015", "user_data(base64).PGHOST")]),
        ('export DB_HOST="db.partner.example.com"', [("RES-015", "user_data(base64).DB_HOST")]),
        (
            "KAFKA_BOOTSTRAP_SERVERS=b1.partner.example.com:9092,b2.partner.example.com:9092 ./ingest",
            [
                ("RES-015", "user_data(base64).KAFKA_BOOTSTRAP_SERVERS"),
                ("RES-015", "user_data(base64).KAFKA_BOOTSTRAP_SERVERS"),
            ],
        ),
        # Quoted words and option values (echo "NAME=..." into an env file, docker run -e / --env=), a properties line
        # or a Java system property with a dotted name.
        ('echo "DB_HOST=db.partner.example.com" >> /etc/app.env', [("RES-015", "user_data(base64).DB_HOST")]),
        ("docker run -e 'DB_HOST=db.partner.example.com' app", [("RES-015", "user_data(base64).DB_HOST")]),
        ("docker run --env=DB_HOST=db.partner.example.com app", [("RES-015", "user_data(base64).DB_HOST")]),
        # scripts50: the .properties file is also read by key (app_config_files): the same host, judged there too
        (
            "echo 'db.host=db.partner.example.com' >> app.properties",
            [
                ("RES-015", "user_data(base64).db.host"),
                ("RES-015", "user_data(base64)(echo:app.properties)(properties).db.host"),
            ],
        ),
        ("java -Ddb.host=db.partner.example.com -jar app.jar", [("RES-015", "user_data(base64).db.host")]),
        ("echo 'spring.redis.host=10.0.0.5' >> app.properties; java -Dserver.address=0.0.0.0 -jar app.jar", []),
        # The twins: private and listening addresses, a value computed at boot, a variable that names the machine
        # itself, an allow-list, and a URL (judged once, by the scan of the whole script).
        ("echo DB_HOST=10.0.0.5 >> /etc/app.env", []),
        ("export BIND_HOST=0.0.0.0", []),
        ("export DB_HOST=$(cat /etc/fleet/db-host)", []),
        ("HOSTNAME=edge-7.example.cn", []),
        ("export NO_PROXY=.partner.example.com,169.254.169.254", []),
        ("API_URL=https://api.partner.example.com/v1", [("RES-015", "user_data(base64)")]),
    ],
)
def test_a_script_s_host_assignments_are_destinations(line: str, expected: list[tuple[str, str]]) -> None:
    script = base64.b64encode(f"#!/bin/sh\n{line}\n".encode()).decode()
    subject = Subject("alicloud:ecs/instance:Instance", "vm", {"user_data": script}, provider("CN", "alicloud"))
    findings, _ = ENGINES["CN"].check(subject)
    assert [(f.rule.id, f.path) for f in findings] == expected


_ENV_GZ = base64.b64encode(gzip.compress(b"PGHOST=db.partner.example.com\n")).decode()


@pytest.mark.parametrize(
    ("cloud_config", "expected"),
    [
        ("runcmd:\n  - export DB_HOST=db.partner.example.com\n  - ./sync", ["(yaml).runcmd[0].DB_HOST"]),
        ("runcmd:\n  - [sh, -c, 'DB_HOST=db.partner.example.com ./sync']", ["(yaml).runcmd[0][2].DB_HOST"]),
        ("bootcmd:\n  - echo PGHOST=db.partner.example.com >> /etc/environment", ["(yaml).bootcmd[0].PGHOST"]),
        (
            "write_files:\n  - path: /etc/app.env\n    content: |\n"
            "      PGHOST=db.partner.example.com\n      PGPORT=5432",
            ["(yaml).write_files[0].content.PGHOST"],
        ),
        (
            f"write_files:\n  - path: /etc/app.env\n    encoding: gz+b64\n    content: {_ENV_GZ}",
            ["(yaml).write_files[0].content(base64+gzip).PGHOST"],
        ),
        (
            f"write_files:\n  - path: /etc/app.env\n    encoding: gzip\n    content: !!binary |\n      {_ENV_GZ}",
            ["(yaml).write_files[0].content(binary).PGHOST"],
        ),
        # The twins: the stack's region's database, private and listening addresses, a value computed at boot, the
        # machine's own name, commands and files that assign no host.
        (
            "runcmd:\n  - export DB_HOST=fleet.abc123.cn-north-1.rds.amazonaws.com.cn\n  - [systemctl, restart, app]",
            [],
        ),
        ("bootcmd:\n  - echo PGHOST=$(cat /etc/fleet/db) >> /etc/environment\n  - echo done", []),
        (
            "write_files:\n  - path: /etc/app.env\n    content: |\n      PGHOST=10.0.3.17\n      BIND_HOST=0.0.0.0\n"
            "      HOSTNAME=edge-7.example.cn\n  - path: /etc/nginx/conf.d/app.conf\n    content: |\n"
            "      server { listen 80; server_name app.example.cn; }",
            [],
        ),
    ],
)
@pytest.mark.parametrize(
    ("token", "key", "encode"),
    [
        ("aws:ec2/instance:Instance", "user_data", False),
        ("aws:ec2/instance:Instance", "user_data_base64", True),
        ("aws:ec2/launchTemplate:LaunchTemplate", "user_data", True),
        ("alicloud:ecs/instance:Instance", "user_data", False),
        ("alicloud:ecs/launchTemplate:LaunchTemplate", "user_data", True),
    ],
)
def test_a_cloud_config_s_commands_and_files_are_read_like_a_script(
    cloud_config: str, expected: list[str], token: str, key: str, encode: bool
) -> None:
    text = f"#cloud-config\n{cloud_config}\n"
    value = base64.b64encode(text.encode()).decode() if encode else text
    subject = Subject(token, "vm", {key: value}, provider("CN", "aws" if token.startswith("aws") else "alicloud"))
    findings, _ = ENGINES["CN"].check(subject)
    prefix = f"{key}(base64)" if encode else key
    assert [(f.rule.id, f.path) for f in findings] == [("RES-015", prefix + e) for e in expected]


def test_a_deny_statement_restricts_it_does_not_transfer() -> None:
    deny = {"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::foreign/*",
            "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}}  # fmt: skip
    allow = {**deny, "Effect": "Allow"}
    for statement, expected in ((deny, set()), (allow, {"RES-004", "RES-009"})):
        document = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
        assert rule_ids("CN", Subject("aws:iam/policy:Policy", "p", {"policy": document}, provider("CN"))) == expected


@given(st.text(alphabet=st.characters(whitelist_categories=("L", "Nd", "Zs")), max_size=60))
def test_a_verdict_never_depends_on_unrelated_text_in_the_document(text: str) -> None:
    base = {"Statement": [{"Effect": "Allow", "Resource": "arn:aws-cn:s3:::b/*"}]}
    with_text = {**base, "Comment": text, "Id": text}
    engine = ENGINES["CN"]
    verdicts = [
        [
            f.rule.id
            for f in engine.check(Subject("aws:iam/policy:Policy", "p", {"policy": json.dumps(d)}, provider("CN")))[0]
        ]
        for d in (base, with_text)
    ]
    assert verdicts[0] == verdicts[1] == []


def test_service_names_in_condition_keys_are_principals() -> None:
    statement = {
        "Effect": "Allow",
        "Action": "kms:Decrypt",
        "Resource": "*",
        "Condition": {"StringEquals": {"aws:PrincipalServiceName": "cloudtrail.amazonaws.com"}},
    }
    document = json.dumps({"Statement": [statement]})
    for code in ("CN", "EU"):
        assert rule_ids(code, Subject("aws:kms/key:Key", "k", {"policy": document}, provider(code))) == set()


@pytest.mark.parametrize(
    ("token", "props", "cloud"),
    [
        ("aws:cloudfront/distribution:Distribution", {"origins": [{"domain_name": "{host}", "origin_id": "o"}]}, "aws"),
        ("alicloud:cdn/domainNew:DomainNew", {"sources": [{"content": "{host}", "type": "domain"}]}, "alicloud"),
        # ApsaraVideo VOD's origin: `source_content`, found by the mutation search (tests/residency_mutants.py).
        ("alicloud:vod/domain:Domain", {"sources": [{"source_content": "{host}", "source_type": "oss"}]}, "alicloud"),
    ],
)
def test_cdn_origins_are_destinations(token: str, props: dict[str, Any], cloud: Cloud) -> None:
    def subject(host: str) -> Subject:
        return Subject(token, "cdn", json.loads(json.dumps(props).replace("{host}", host)), provider("CN", cloud))

    good = "fleet.s3.cn-north-1.amazonaws.com.cn" if cloud == "aws" else "oss-cn-shanghai.aliyuncs.com"
    assert rule_ids("CN", subject(good)) == set()
    assert rule_ids("CN", subject("origin.example.com")) == {"RES-015"}


SAML = """<?xml version="1.0"?>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://{idp}/saml">
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <KeyDescriptor><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></KeyDescriptor>
    <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://{idp}/sso"/>
  </IDPSSODescriptor>
</EntityDescriptor>"""


def test_namespace_identifiers_are_not_destinations_but_the_idp_is() -> None:
    def subject(idp: str) -> Subject:
        return Subject(
            "aws:iam/samlProvider:SamlProvider", "sso", {"saml_metadata_document": SAML.format(idp=idp)}, provider("CN")
        )

    findings, _ = ENGINES["CN"].check(subject("login.partner.example.com"))
    assert {(f.rule.id, f.value) for f in findings} == {("RES-015", "login.partner.example.com")}
    from components.residency.destinations import parse_destinations

    entry = {"id": "idp", "kind": "resident", "match": "idp.example.cn", "evidence": "own IdP in Shanghai"}
    declared, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject("idp.example.cn"))
    assert {f.declared_by for f in declared} == {"idp"}


# Alibaba's SAML providers take the same metadata base64-encoded: RAM's `encodedsaml_metadata_document`, CloudSSO's
# `saml_identity_provider_configuration.encoded_metadata_document` (endpoints.yaml payload_keys).
_ALI_SAML: list[tuple[str, Callable[[str], dict[str, Any]]]] = [
    ("alicloud:ram/samlProvider:SamlProvider",
     lambda doc: {"saml_provider_name": "corp", "encodedsaml_metadata_document": doc}),
    ("alicloud:cloudsso/directory:Directory",
     lambda doc: {"directory_name": "fleet",
                  "saml_identity_provider_configuration": {"encoded_metadata_document": doc}}),
]  # fmt: skip


@pytest.mark.parametrize(("token", "props"), _ALI_SAML)
def test_an_alibaba_idp_in_base64_metadata_is_judged_like_aws_plain_metadata(
    token: str, props: Callable[[str], dict[str, Any]]
) -> None:
    from components.residency.destinations import parse_destinations

    def subject(idp: str) -> Subject:
        encoded = base64.b64encode(SAML.format(idp=idp).encode()).decode()
        return Subject(token, "sso", props(encoded), provider("CN", "alicloud"))

    findings, _ = ENGINES["CN"].check(subject("login.partner.example.com"))
    # The IdP, not the XML namespaces (www.w3.org, identifier_hosts) beside it.
    assert {(f.rule.id, f.value) for f in findings} == {("RES-015", "login.partner.example.com")}
    entry = {"id": "idp", "kind": "resident", "match": "idp.example.cn", "evidence": "own IdP in Shanghai"}
    declared, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject("idp.example.cn"))
    assert {f.declared_by for f in declared} == {"idp"}
    # A value that is no base64 (an Output's placeholder, a typo) is not decoded and names no host.
    assert rule_ids("CN", Subject(token, "sso", props("not base64!"), provider("CN", "alicloud"))) == set()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,12}[a-z0-9]", fullmatch=True), min_size=1, max_size=3),
       st.sampled_from(["com", "cn", "net", "io", "de"]), st.sampled_from(range(len(_ALI_SAML))))  # fmt: skip
def test_encoded_and_plain_saml_metadata_name_the_same_destinations(labels: list[str], tld: str, index: int) -> None:
    idp = ".".join([*labels, tld])
    document = SAML.format(idp=idp)
    plain = Subject("aws:iam/samlProvider:SamlProvider", "sso", {"saml_metadata_document": document}, provider("CN"))
    token, props = _ALI_SAML[index]
    encoded = Subject(token, "sso", props(base64.b64encode(document.encode()).decode()), provider("CN", "alicloud"))

    def found(subject: Subject) -> set[tuple[str, str]]:
        return {(f.rule.id, f.value) for f in ENGINES["CN"].check(subject)[0]}

    assert found(encoded) == found(plain)


@pytest.mark.parametrize(
    ("scope", "expected"), [("overseas", {"RES-016"}), ("global", {"RES-016"}), ("domestic", set()), (None, set())]
)
def test_a_dcdn_ipa_domain_is_judged_by_its_scope(scope: str | None, expected: set[str]) -> None:
    # An omitted scope is IPA's documented default, `domestic` (AddDcdnIpaDomain): resident in CN.
    props: dict[str, Any] = {"domain_name": "game.fleet.example.cn"}
    if scope is not None:
        props["scope"] = scope
    subject = Subject("alicloud:dcdn/ipaDomain:IpaDomain", "ipa", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(("data_center", "expected"), [("oversea", {"RES-016"}), ("cn", set()), (None, set())])
def test_an_esa_log_delivery_is_judged_by_its_data_center(data_center: str | None, expected: set[str]) -> None:
    # "cn: the Chinese mainland; oversea: outside the Chinese mainland"; no default is documented, so an omitted
    # data center is not judged. The SLS region the logs go to is judged as a region.
    props: dict[str, Any] = {
        "task_name": "logs",
        "delivery_type": "sls",
        "sls_delivery": {"sls_project": "esa", "sls_log_store": "a", "sls_region": "cn-shanghai"},
    }
    if data_center is not None:
        props["data_center"] = data_center
    subject = Subject("alicloud:esa/siteDeliveryTask:SiteDeliveryTask", "logs", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected
    props["sls_delivery"]["sls_region"] = "ap-southeast-1"
    assert rule_ids("CN", subject._replace(props=props)) == expected | {"RES-009"}


@pytest.mark.parametrize(
    "token",
    ["alicloud:expressconnect/routerVpcAssociation:RouterVpcAssociation",
     "alicloud:expressconnect/routerTrAssociation:RouterTrAssociation",
     "alicloud:expressconnect/routerVbrChildInstance:RouterVbrChildInstance",
     "alicloud:cen/transitRouterEcrAttachment:TransitRouterEcrAttachment",
     "alicloud:expressconnect/routerGrantAssociation:RouterGrantAssociation"],
)  # fmt: skip
def test_an_express_connect_router_is_a_global_group(token: str) -> None:
    # An ECR reaches VBRs, VPCs and transit routers in several regions: one made elsewhere is unproven.
    subject = Subject(token, "ecr", {"ecr_id": "ecr-0123456789abcdef"}, provider("CN", "alicloud"))
    assert [f.rule.id for f in ENGINES["CN"].check(subject)[0]] == ["RES-017"]
    assert ENGINES["CN"].check(subject, known=lambda v: v == group_key("ecr-0123456789abcdef"))[0] == []


@pytest.mark.parametrize(("collector", "expected"), [("203.0.113.20", {"RES-015"}), ("10.20.0.9", set())])
def test_a_smart_access_gateway_netflow_collector_is_a_destination(collector: str, expected: set[str]) -> None:
    props = {"flow_log_name": "branch", "output_type": "netflow", "netflow_server_ip": collector}
    subject = Subject("alicloud:sag/smartagFlowLog:SmartagFlowLog", "fl", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("origin", "expected"),
    [("api.partner.example.com", {"RES-015"}), ("203.0.113.30", {"RES-015"}),
     ("fleet-api.oss-cn-shanghai.aliyuncs.com", set()), ("10.20.0.40", set())],
)  # fmt: skip
def test_an_esa_origin_rule_dns_record_is_a_destination(origin: str, expected: set[str]) -> None:
    # The SNI sent to the origin names it to itself, and is not judged.
    props = {"rule_name": "api", "dns_record": origin, "origin_sni": "api.partner.example.com"}
    subject = Subject("alicloud:esa/originRule:OriginRule", "r", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


def test_a_dbs_backup_plan_bucket_is_an_oss_bucket_to_prove() -> None:
    def subject(props: dict[str, Any]) -> Subject:
        base = {"backup_plan_name": "orders", "source_endpoint_region": "cn-shanghai", "storage_region": "cn-shanghai"}
        return Subject("alicloud:dbs/backupPlan:BackupPlan", "plan", {**base, **props}, provider("CN", "alicloud"))

    assert rule_ids("CN", subject({"oss_bucket_name": "partner-db-backups"})) == {"RES-017"}
    # Without a bucket DBS uses its built-in storage, in the plan's storage_region (judged as a region).
    assert rule_ids("CN", subject({"backup_storage_type": "system"})) == set()


@pytest.mark.parametrize(
    ("address", "expected"),
    [("203.0.113.10", {"RES-015"}), ("ops.partner.example.com", {"RES-015"}), ("10.20.0.15", set())],
)
def test_a_bastion_host_public_address_is_a_destination(address: str, expected: set[str]) -> None:
    props = {"host_name": "orders-db-1", "source": "Local", "active_address_type": "Public",
             "host_public_address": address}  # fmt: skip
    subject = Subject("alicloud:bastionhost/host:Host", "db", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected
    # The host's own name is the bastion's label for it, not an address.
    named = {**props, "host_name": "ops.partner.example.com", "host_public_address": "10.20.0.15"}
    assert rule_ids("CN", subject._replace(props=named)) == set()


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("47.88.1.10", {"RES-015"}),  # a public address given as the private one: reached through NAT (stop 33)
        ("db1.corp.example.cn", {"RES-015"}),  # a name resolves wherever its DNS says: declare the domain
        ("10.20.0.15", set()),
        ("172.16.0.10", set()),  # the provider's example
        ("orders-db-1", set()),  # one label: names no domain
        ("rm-uf6wjk5xxxxxxx.mysql.rds.aliyuncs.com", {"RES-015"}),  # a cloud host naming no region
    ],
)
def test_a_bastion_host_private_address_is_a_destination(address: str, expected: set[str]) -> None:
    props = {"host_name": "orders-db-1", "source": "Local", "active_address_type": "Private",
             "host_private_address": address}  # fmt: skip
    subject = Subject("alicloud:bastionhost/host:Host", "db", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("token", "props"),
    [
        # A person's own account mail (invitations, verification, one-time codes): no data of the stack (stop 33).
        (
            "aws:identitystore/user:User",
            {
                "identity_store_id": "d-1",
                "user_name": "jana",
                "display_name": "Jana",
                "name": {"given_name": "Jana", "family_name": "Berger"},
                "emails": {"value": "jana@{host}", "primary": True},
            },
        ),
        ("alicloud:cloudsso/user:User", {"directory_id": "d-1", "user_name": "jana", "email": "jana@{host}"}),
        ("alicloud:ram/user:User", {"name": "jana", "email": "jana@{host}"}),
        # A mailbox of the stack's own WorkMail organization, kept in its region.
        (
            "aws:workmail/user:User",
            {"organization_id": "m-1", "name": "jana", "display_name": "Jana", "email": "jana@{host}"},
        ),
        # A member account's invitation: findings flow from the member to the administrator.
        (
            "aws:guardduty/member:Member",
            {"account_id": "210987654321", "detector_id": "d", "email": "aws-dealer@{host}", "invite": True},
        ),
        ("aws:macie2/member:Member", {"account_id": "210987654321", "email": "aws-dealer@{host}", "invite": True}),
        ("aws:securityhub/member:Member", {"account_id": "210987654321", "email": "aws-dealer@{host}"}),
        (
            "aws:detective/member:Member",
            {
                "account_id": "210987654321",
                "graph_arn": "arn:aws:detective:eu-west-1:123456789012:graph:abc",
                "email_address": "aws-dealer@{host}",
            },
        ),
    ],
)
def test_addresses_that_only_identify_a_person_or_account_are_not_destinations(
    token: str, props: dict[str, Any]
) -> None:
    # Pinned by the contacts review (docs/residency.md): refusing these would be a false alarm, not a closed leak.
    filled = json.loads(json.dumps(props).replace("{host}", "partner.example.com"))
    assert rule_ids("EU", Subject(token, "r", filled, provider("EU"))) == set()


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_a_sitewise_portal_contact_address_is_no_destination(code: str) -> None:
    # Mutation search round 8 (docs/residency.md): "The AWS administrator's contact email address", the portal's
    # support contact its users write to (administer-portals.html); the service sends the stack's data nowhere there.
    partition = "aws-cn" if code == "CN" else "aws"
    portal = {
        "Type": "AWS::IoTSiteWise::Portal",
        "Properties": {
            "PortalName": "plant",
            "PortalContactEmail": "plant-quality@partner.example.com",
            "RoleArn": f"arn:{partition}:iam::123456789012:role/sitewise-portal",
        },
    }
    body = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Portal": portal}})
    subject = Subject("aws:cloudformation/stack:Stack", "s", {"name": "plant", "template_body": body}, provider(code))
    assert rule_ids(code, subject) == set()


@pytest.mark.parametrize("path", ["cluster_id", "sub_cluster_id"])
def test_an_ack_one_fleet_membership_is_a_global_group(path: str) -> None:
    # A fleet (or member cluster) made elsewhere may be in any region ACK One fleets are offered in, Hong Kong and
    # Singapore among them: proven only when this stack made it, or declared.
    from components.residency.destinations import parse_destinations

    props = {"cluster_id": "c-fleet0123456789", "sub_cluster_id": "c-apps0123456789"}
    subject = Subject(
        "alicloud:ackone/membershipAttachment:MembershipAttachment", "m", props, provider("CN", "alicloud")
    )
    findings, _ = ENGINES["CN"].check(subject)
    assert ("RES-017", props[path]) in {(f.rule.id, f.value) for f in findings}
    entry = {"id": "fleet", "kind": "resident", "match": props[path], "evidence": "Shanghai fleet (PLAT-12)"}
    declared, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject)
    assert {f.value for f in declared if f.declared_by is None} == {v for k, v in props.items() if k != path}


MQ_BROKER = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<broker xmlns="http://activemq.apache.org/schema/core">
  <plugins><forcePersistencyModeBrokerPlugin persistenceFlag="true"/></plugins>{network}
</broker>"""


def test_an_activemq_configuration_namespace_is_no_destination_but_a_network_connector_is() -> None:
    # Amazon MQ's documented configuration names the ActiveMQ schema as its XML namespace (never fetched);
    # a network connector forwards the broker's messages to another broker.
    def subject(network: str) -> Subject:
        props = {"engine_type": "ActiveMQ", "engine_version": "5.18", "data": MQ_BROKER.format(network=network)}
        return Subject("aws:mq/configuration:Configuration", "mq", props, provider("EU"))

    assert rule_ids("EU", subject("")) == set()
    bridge = (
        '<networkConnectors><networkConnector uri="static:(ssl://mq.partner.example.com:61617)"/></networkConnectors>'
    )
    assert rule_ids("EU", subject(bridge)) == {"RES-015"}


@pytest.mark.parametrize(
    ("key", "value"),
    [("host_name", "web01.fleet.internal"), ("hostname", "collector.example.cn"), ("private_ip", "10.41.2.7")],
)
def test_a_resource_s_own_names_are_not_destinations(key: str, value: str) -> None:
    props = {key: value, "instance_type": "ecs.g7.large"}
    assert rule_ids("CN", Subject("alicloud:ecs/instance:Instance", "vm", props, provider("CN", "alicloud"))) == set()


@pytest.mark.parametrize(
    ("servers", "expected"), [(["10.40.0.2", "169.254.169.123"], set()), (["8.8.8.8"], {"RES-015"})]
)
def test_dns_and_ntp_servers_are_destinations(servers: list[str], expected: set[str]) -> None:
    subject = Subject("aws:ec2/vpcDhcpOptions:VpcDhcpOptions", "dhcp", {"domain_name_servers": servers}, provider("CN"))
    assert rule_ids("CN", subject) == expected


def test_a_hosted_zone_s_name_servers_are_its_own_names() -> None:
    # Route 53 assigns them: an NS record listing them delegates to this stack's zone (a list of names).
    from components.residency.engine import produced_names
    from components.residency.provenance import own_names

    zone = {"nameServers": ["NS-1.awsdns-01.com", "ns-2.awsdns-02.net"], "comment": ["partner.example.com"]}
    assert produced_names(zone) == ["ns-1.awsdns-01.com", "ns-2.awsdns-02.net"]
    assert own_names(ENGINES["EU"], "aws:route53/zone:Zone", zone) == ["ns-1.awsdns-01.com", "ns-2.awsdns-02.net"]
    assert own_names(ENGINES["EU"], "aws:route53/record:Record", zone) == []


# -- Route 53's name servers, where a domain is delegated (endpoints.yaml name_servers; leftovers review, stop 34) ---


def _delegations(name_server: str) -> list[Subject]:
    """An NS record and a registered domain (and a domain registration) delegating to ``name_server``."""
    return [
        Subject("aws:route53/record:Record", "ns",
                {"zone_id": "Z1", "name": "telemetry.fleet.example.com", "type": "NS", "records": [name_server]}, None),
        Subject("aws:route53domains/registeredDomain:RegisteredDomain", "d",
                {"domain_name": "fleet.example.com", "name_servers": [{"name": name_server}]}, None),
        Subject("aws:route53domains/domain:Domain", "d",
                {"domain_name": "fleet.example.com", "name_servers": [{"name": name_server}]}, None),
    ]  # fmt: skip


def _delegation_verdicts(code: str, name_server: str) -> list[set[str]]:
    return [
        {f.rule.id for f in ENGINES[code].check(s._replace(provider=provider(code)))[0]}
        for s in _delegations(name_server)
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 2047),
    st.integers(0, 99),
    st.sampled_from(["com", "net", "org", "co.uk"]),
    st.booleans(),
    st.booleans(),
    st.sampled_from(CODES),
)
def test_route53_name_servers_are_proven_where_a_domain_is_delegated_in_their_partition(
    n: int, nn: int, tld: str, dotted: bool, upper: bool, code: str
) -> None:
    # ns-<n>.awsdns-<nn>.<tld>, as Route 53 assigns them (a trailing dot or capitals as written in a zone file): the
    # name servers of the aws partition's hosted zones, proven only where the jurisdiction holds that partition.
    host = f"ns-{n}.awsdns-{nn:02d}.{tld}" + ("." if dotted else "")
    host = host.upper() if upper else host
    holds_aws = "aws" in CATALOGUE.jurisdictions[code].aws.partitions
    assert _delegation_verdicts(code, host) == [set() if holds_aws else {"RES-015"}] * 3


@pytest.mark.parametrize(
    "host",
    [
        "ns1.partner-dns.example.com",  # a partner's DNS provider: every resolver asks it, it says where clients go
        "ns-1.awsdns-01.org.partner.example.com",  # the shape under another domain
        "ns-1.awsdns-1.org",  # one digit: not Route 53's shape
        "ns-1.awsdns-01.io",
        "ns-1234.awsdns-cn-12.cn",  # Route 53 in China: its shape was not found in an AWS page (declare it)
        "52.94.0.1",  # a name server's public address
    ],
)
def test_other_name_servers_stay_judged_where_a_domain_is_delegated(host: str) -> None:
    for code in ("EU", "DE", "CN"):
        assert _delegation_verdicts(code, host) == [{"RES-015"}] * 3


def test_route53_s_name_server_shape_proves_nothing_outside_a_delegation() -> None:
    # A CNAME (or an URL, a DNS resolver address) at a Route 53 name server is no delegation: judged as any host.
    cname = Subject("aws:route53/record:Record", "www", {"zone_id": "Z1", "name": "www.fleet.example.eu",
                                                         "type": "CNAME", "records": ["ns-1.awsdns-01.org"]},
                    provider("EU"))  # fmt: skip
    assert rule_ids("EU", cname) == {"RES-015"}
    assert rule_ids("EU", url_subject("https://ns-1.awsdns-01.org/collect", code="EU")) == {"RES-015"}
    dhcp = Subject("aws:ec2/vpcDhcpOptions:VpcDhcpOptions", "dhcp", {"domain_name_servers": ["ns-1.awsdns-01.org"]},
                   provider("EU"))  # fmt: skip
    assert rule_ids("EU", dhcp) == {"RES-015"}
    # An NS record whose type is not known yet (an Output the guard would hold) proves nothing either.
    unknown = Subject("aws:route53/record:Record", "ns",
                      {"zone_id": "Z1", "name": "x.fleet.example.eu", "records": ["ns-1.awsdns-01.org"]},
                      provider("EU"))  # fmt: skip
    assert rule_ids("EU", unknown) == {"RES-015"}


@pytest.mark.parametrize(
    ("record_type", "name", "created"),
    [
        ("A", "Portal.Fleet.example.eu.", "record:portal.fleet.example.eu"),
        ("CNAME", "api.fleet.example.eu", "record:api.fleet.example.eu"),
        ("AAAA", "portal", "record:portal"),  # relative to its zone: completed by a zone the stack makes (below)
        ("TXT", "portal.fleet.example.eu", None),  # names nothing that receives data
        ("CAA", "fleet.example.eu", None),
        ("A", "", None),
    ],
)
def test_an_address_record_this_stack_makes_proves_its_name(record_type: str, name: str, created: str | None) -> None:
    # created_hosts (false-alarm review, stop 32): an alias record to `portal.fleet.example.eu`, a record the stack
    # made by that name, was refused by the guard and the plan (RES-015) while the pack accepted it.
    engine = ENGINES["EU"]
    token = "aws:route53/record:Record"
    assert token in engine.naming_types
    assert engine.created_name(token, {"type": record_type, "name": name}) == created
    assert engine.created_name("aws:route53/zone:Zone", {"name": "fleet.example.eu"}) == "zone:fleet.example.eu"
    alias = Subject(
        token, "apex", {"type": "A", "name": "fleet.example.eu", "aliases": [{"name": "portal.fleet.example.eu"}]},
        provider("EU"),
    )  # fmt: skip
    found = {f.rule.id for f in engine.check(alias, known=lambda text: text == created)[0]}
    assert found == (set() if created == "record:portal.fleet.example.eu" else {"RES-015"})
    # Only as an alias target: elsewhere the name reaches the stack's record only through the domain's delegation, which
    # no document of the stack shows (an ALB redirect to it stays refused).
    redirect = Subject(
        "aws:lb/listenerRule:ListenerRule", "bare-to-portal",
        {"actions": [{"type": "redirect", "redirect": {"host": "portal.fleet.example.eu"}}]}, provider("EU"),
    )  # fmt: skip
    assert {f.rule.id for f in engine.check(redirect, known=lambda text: text == created)[0]} == {"RES-015"}


@pytest.mark.parametrize(
    ("record_name", "zones", "target", "proven"),
    [
        ("portal", ["fleet.example.eu"], "portal.fleet.example.eu", True),  # the provider joins name and zone
        ("Portal.", ["Fleet.Example.eu."], "portal.fleet.example.eu", True),
        ("eu.portal", ["fleet.example.eu"], "eu.portal.fleet.example.eu", True),
        ("portal", ["other.example.eu", "fleet.example.eu"], "portal.fleet.example.eu", True),
        ("portal", [], "portal.fleet.example.eu", False),  # the zone only looked up: no name in any document
        ("portal", ["fleet.example.eu"], "portal.partner.example.com", False),  # not that zone's
        ("portal", ["fleet.example.eu"], "api.fleet.example.eu", False),  # not that record
        ("portal", ["example.eu"], "portal.fleet.example.eu", False),  # `portal.example.eu`, not this host
    ],
)
def test_a_record_named_relative_to_a_zone_this_stack_makes_proves_its_full_name(
    record_name: str, zones: list[str], target: str, proven: bool
) -> None:
    # Since stop 33: `name = "portal"` in the zone fleet.example.eu is portal.fleet.example.eu (the provider's
    # ExpandRecordName); an alias to that full name was refused (fa32-eu-route53-alias-relative-record).
    engine = ENGINES["EU"]
    created = {engine.created_name("aws:route53/record:Record", {"type": "A", "name": record_name})}
    created |= {engine.created_name("aws:route53/zone:Zone", {"name": zone}) for zone in zones}
    alias = Subject(
        "aws:route53/record:Record", "www", {"type": "A", "name": "www", "aliases": [{"name": target}]}, provider("EU")
    )
    found = {f.rule.id for f in engine.check(alias, known=lambda text: text in created)[0]}
    assert found == (set() if proven else {"RES-015"})


# -- private DNS names and same-zone CNAMEs (false-alarm review, DNS, stop 34) ---------------------------------------

_RECORD = "aws:route53/record:Record"
_ZONE = "aws:route53/zone:Zone"


def _made(engine: RuleEngine, resources: list[tuple[str, dict[str, Any]]]) -> set[str]:
    return {n for token, props in resources if (n := engine.created_name(token, props)) is not None}


def _env_rules(engine: RuleEngine, code: str, env: dict[str, str], made: set[str]) -> set[str]:
    fn = Subject("aws:lambda/function:Function", "fn", {"environment": {"variables": env}}, provider(code))
    return {f.rule.id for f in engine.check(fn, known=lambda text: text in made)[0]}


@pytest.mark.parametrize(
    ("zone", "vpcs", "record", "record_type", "host", "proven"),
    [
        ("db.fleet.internal", True, "writer", "CNAME", "writer.db.fleet.internal", True),  # relative to the zone
        ("db.fleet.internal", True, "writer.db.fleet.internal.", "CNAME", "writer.db.fleet.internal", True),
        ("fleet.internal", True, "cache", "A", "cache.fleet.internal:6379", True),
        ("depot.home.arpa", True, "chargers", "AAAA", "chargers.depot.home.arpa", True),  # RFC 8375
        ("fleet.internal", True, "fleet.internal", "A", "fleet.internal", True),  # the zone's apex record
        ("db.fleet.internal", True, "writer", "CNAME", "reader.db.fleet.internal", False),  # no record of that name
        ("db.fleet.internal", True, "writer", "TXT", "writer.db.fleet.internal", False),  # no address record
        ("db.fleet.internal", False, "writer", "CNAME", "writer.db.fleet.internal", False),  # a public zone
        ("db.fleet.example.eu", True, "writer", "CNAME", "writer.db.fleet.example.eu", False),  # a public domain
        ("fleet.local", True, "orders", "A", "orders.fleet.local", False),  # mDNS (RFC 6762), not private use
        ("other.internal", True, "writer", "CNAME", "writer.db.fleet.internal", False),  # not that zone's name
    ],
)
def test_a_name_of_a_private_zone_under_a_private_use_suffix_is_proven_wherever_written(
    zone: str, vpcs: bool, record: str, record_type: str, host: str, proven: bool
) -> None:
    # `DB_WRITER=writer.db.fleet.internal` with the stack's private zone and its CNAME to the cluster was refused
    # (RES-015, falsealarm10-*-db-endpoints-private-zone): no public resolver answers under `.internal`, and inside the
    # zone's VPCs the name resolves to the record the stack writes, whose value is judged.
    engine = ENGINES["EU"]
    zone_props: dict[str, Any] = {"name": zone, "vpcs": [{"vpc_id": "vpc-0a1b2c3d"}] if vpcs else []}
    made = _made(engine, [(_ZONE, zone_props), (_RECORD, {"type": record_type, "name": record})])
    assert _env_rules(engine, "EU", {"DB_WRITER": host}, made) == (set() if proven else {"RES-015"})
    url = f"postgresql://trips@{host}/trips"
    assert _env_rules(engine, "EU", {"DATABASE_URL": url}, made) == (set() if proven else {"RES-015"})


def test_the_innermost_zone_holding_a_private_use_name_decides() -> None:
    # A public zone this stack makes inside its private one: the name's innermost zone is the public one, so the
    # private zone's record of another name proves nothing for it.
    engine = ENGINES["DE"]
    made = _made(
        engine,
        [
            (_ZONE, {"name": "fleet.internal", "vpcs": [{"vpc_id": "vpc-0a1b2c3d"}]}),
            (_ZONE, {"name": "api.fleet.internal"}),
            (_RECORD, {"type": "A", "name": "v1.api.fleet.internal"}),
        ],
    )
    assert _env_rules(engine, "DE", {"API_HOST": "v1.api.fleet.internal"}, made) == {"RES-015"}


def test_private_zones_of_alibaba_privatezone_and_cloud_map_namespaces() -> None:
    engine = ENGINES["CN"]
    record = {"rr": "db", "type": "CNAME", "value": "rm-1.mysql.rds.aliyuncs.com"}
    pvtz = [
        ("alicloud:pvtz/zone:Zone", {"zone_name": "fleet.internal"}),
        ("alicloud:pvtz/zoneRecord:ZoneRecord", record),
    ]
    made = _made(engine, pvtz)
    assert made == {"private-zone:fleet.internal", "record:db"}
    fc = Subject("alicloud:fc/v3Function:V3Function", "fn", {"environment_variables": {"DB_HOST": "db.fleet.internal"}},
                 provider("CN", "alicloud"))  # fmt: skip
    assert engine.check(fc, known=lambda text: text in made)[0] == []
    namespace = ("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", {"name": "fleet.internal", "vpc": "v"})
    service = ("aws:servicediscovery/service:Service", {"name": "orders", "dns_config": {"namespace_id": "ns-1"}})
    made = _made(ENGINES["JP"], [namespace, service])
    assert made == {"private-zone:fleet.internal", "record:orders"}
    assert _env_rules(ENGINES["JP"], "JP", {"ORDERS_URL": "http://orders.fleet.internal:8080/"}, made) == set()
    assert _env_rules(ENGINES["JP"], "JP", {"ORDERS_URL": "http://billing.fleet.internal:8080/"}, made) == {"RES-015"}


@given(
    st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}[a-z0-9]", fullmatch=True), min_size=1, max_size=3),
    st.sampled_from(["internal", "home.arpa", "local", "example.eu", "corp"]),
    st.booleans(),
    st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_private_use_proof_property(labels: list[str], suffix: str, private: bool, recorded: bool) -> None:
    # Proven exactly when the suffix is a private-use one, the zone is private and the stack gives the name a record.
    engine = ENGINES["US"]
    zone = f"{labels[-1]}.{suffix}"
    host = ".".join([*labels[:-1], "svc", zone])
    resources: list[tuple[str, dict[str, Any]]] = [
        (_ZONE, {"name": zone, "vpcs": [{"vpc_id": "v"}] if private else []})
    ]
    if recorded:
        resources.append((_RECORD, {"type": "A", "name": host}))
    proven = suffix in ("internal", "home.arpa") and private and recorded
    rules = _env_rules(engine, "US", {"SERVICE_HOST": host}, _made(engine, resources))
    assert rules == (set() if proven else {"RES-015"})


@pytest.mark.parametrize(
    ("cname", "target", "zones", "records", "proven"),
    [
        ("www", "portal.fleet.example.eu", ["fleet.example.eu"], ["portal"], True),  # relative, same zone
        ("www.fleet.example.eu", "portal.fleet.example.eu", ["fleet.example.eu"], ["portal.fleet.example.eu"], True),
        ("www", "fleet.example.eu", ["fleet.example.eu"], ["fleet.example.eu"], True),  # the apex record
        ("www", "portal.fleet.example.eu", ["fleet.example.eu"], [], False),  # no record of the stack gives it
        ("www", "portal.fleet.example.eu", [], ["portal.fleet.example.eu"], False),  # a zone only looked up
        # the target in another zone this stack makes: its own delegation decides where it resolves
        ("www.fleet.example.eu", "status.fleet-status.example.eu", ["fleet.example.eu", "fleet-status.example.eu"],
         ["status.fleet-status.example.eu"], False),
        # a child zone of the CNAME's zone (delegated by NS records): not the same zone
        ("www.fleet.example.eu", "v1.api.fleet.example.eu", ["fleet.example.eu", "api.fleet.example.eu"],
         ["v1.api.fleet.example.eu"], False),
        ("www", "portal.partner.example.com", ["fleet.example.eu"], ["portal"], False),
    ],
)  # fmt: skip
def test_a_cname_to_a_record_of_the_same_zone_is_proven(
    cname: str, target: str, zones: list[str], records: list[str], proven: bool
) -> None:
    # `www CNAME portal.<zone>` in a zone the stack makes was refused (RES-015, falsealarm10-*-route53-relative): a
    # resolver that got the CNAME from the zone asks the same authority for the target, whose record the stack writes.
    engine = ENGINES["EU"]
    made = _made(
        engine, [*((_ZONE, {"name": z}) for z in zones), *((_RECORD, {"type": "A", "name": r}) for r in records)]
    )
    www = Subject(_RECORD, "www", {"type": "CNAME", "name": cname, "records": [target]}, provider("EU"))
    found = {f.rule.id for f in engine.check(www, known=lambda text: text in made)[0]}
    assert found == (set() if proven else {"RES-015"})
    # Only as the record's own value: elsewhere a public zone's name reaches it only through its delegation.
    assert _env_rules(engine, "EU", {"PORTAL_HOST": target}, made) == {"RES-015"}


@pytest.mark.parametrize(
    ("value", "bucket_type", "rules"),
    [
        ("vehicle-telemetry", "aws:timestreaminfluxdb/dbInstance:DbInstance", set()),
        ("vehicle-telemetry", "aws:timestreaminfluxdb/dbCluster:DbCluster", set()),
        ("partner-telemetry", "aws:timestreaminfluxdb/dbInstance:DbInstance", {"RES-017"}),  # not that bucket
        ("s3://vehicle-telemetry/raw/", "aws:timestreaminfluxdb/dbInstance:DbInstance", {"RES-017"}),  # an S3 URI
        ("vehicle-telemetry", None, {"RES-017"}),  # no database of the stack has that bucket
    ],
)
def test_a_bucket_variable_naming_the_stack_s_influxdb_bucket(
    value: str, bucket_type: str | None, rules: set[str]
) -> None:
    # `INFLUXDB_BUCKET` = the Timestream for InfluxDB instance's `bucket` was judged as an S3 bucket (RES-017,
    # falsealarm10-*-influxdb-bucket-variables): a database bucket this stack makes, where the database is.
    engine = ENGINES["EU"]
    made = _made(engine, [(bucket_type, {"bucket": "vehicle-telemetry"})] if bucket_type else [])
    assert _env_rules(engine, "EU", {"INFLUXDB_BUCKET": value}, made) == rules
    # Only under a *_BUCKET variable: an S3 resource's own bucket input stays an S3 bucket name.
    policy = Subject("aws:s3/bucketPolicy:BucketPolicy", "p", {"bucket": "vehicle-telemetry"}, provider("EU"))
    assert {f.rule.id for f in engine.check(policy, known=lambda text: text in made)[0]} == {"RES-017"}


@pytest.mark.parametrize(
    ("value", "rules"),
    [
        ("ChargingSessions", set()),  # the database's bucket as written (InfluxDB bucket names may hold capitals)
        ("PartnerSessions", {"RES-017"}),  # folded to an S3 bucket name no database or bucket of the stack has
        ("chargingsessions", {"RES-017"}),  # another bucket name (InfluxDB compares names as written)
    ],
)
def test_a_bucket_variable_naming_the_stack_s_influxdb_bucket_in_capitals(value: str, rules: set[str]) -> None:
    # False-alarm review of stop 34's refusals: round 5 folds a bucket variable in capitals to its S3 name
    # (`PARTNER-CDN-LOGS`), which hid the database bucket `ChargingSessions` the stack makes (RES-017 on the unchanged
    # engine; falsealarm13-*-influxdb-bucket-chargingsessions).
    engine = ENGINES["EU"]
    made = _made(engine, [("aws:timestreaminfluxdb/dbInstance:DbInstance", {"bucket": "ChargingSessions"})])
    assert _env_rules(engine, "EU", {"INFLUXDB_BUCKET": value}, made) == rules


def test_created_only_keys_are_never_proven_by_text() -> None:
    from components.residency.engine import private_zone_key, record_key, server_bucket_key
    from components.residency.provenance import regionless_known

    for key in (
        record_key("portal.fleet.internal"),
        private_zone_key("fleet.internal"),
        server_bucket_key("telemetry"),
    ):
        assert not regionless_known([], [key, f"x{key}"], [key.split(":", 1)[1]])(key)
        assert regionless_known([key], [], [])(key)


def test_a_zone_key_is_proven_only_by_the_zone_itself() -> None:
    # A record's own name (`fleet.example.eu`, the apex) holds the zone's name as text: that proves no zone this stack
    # makes (only created_zones does).
    from components.residency.engine import zone_key
    from components.residency.provenance import regionless_known

    assert not regionless_known([], ["fleet.example.eu"], ["fleet.example.eu"])(zone_key("fleet.example.eu"))
    assert regionless_known([zone_key("fleet.example.eu")], [], [])(zone_key("fleet.example.eu"))


def test_a_record_s_own_name_proves_no_host_under_it() -> None:
    # The apex record `fleet.example.eu` named by the program is no address the provider made: it used to prove, in
    # the policy pack and the reviews, every `<label>.fleet.example.eu` its alias named (another stack's record too),
    # while the guard refused it. Its provider-made outputs stay its own.
    from components.residency.provenance import own_names

    token = "aws:route53/record:Record"
    apex = {"name": "fleet.example.eu", "fqdn": "fleet.example.eu", "type": "A"}
    assert own_names(ENGINES["EU"], token, apex) == []
    relative = {"name": "portal", "fqdn": "portal.fleet.example.eu", "type": "A"}
    assert own_names(ENGINES["EU"], token, relative) == ["portal.fleet.example.eu"]


@pytest.mark.parametrize(
    "token",
    [
        "aws:s3/bucketLogging:BucketLogging",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketVersioning:BucketVersioning",
    ],
)
def test_a_bucket_sub_resource_s_id_does_not_prove_the_bucket_it_configures(token: str) -> None:
    # The Terraform provider gives a bucket's sub-resource the configured bucket's name for its id: the pack sees
    # id = bucket in the final state, the state review gets it as the physical id. Neither makes it this stack's.
    from components.residency.provenance import own_bucket, own_names, regionless_known

    state = {"id": "partner-exchange", "bucket": "partner-exchange", "targetBucket": "central-access-logs", "arn": ""}
    assert own_names(ENGINES["EU"], token, state) == []
    assert own_names(ENGINES["EU"], token, {"bucket": "Partner-Exchange"}, ["partner-exchange"]) == []
    subject = Subject(token, "r", {"bucket": "partner-exchange"}, provider("EU"))
    known = regionless_known([], [], own_names(ENGINES["EU"], token, state))
    assert {f.rule.id for f in ENGINES["EU"].check(subject, known=known)[0]} == {"RES-017"}
    # A bucket's own id and name are its own (exactly, and in its hosts: own_bucket); so is the id of a resource that
    # configures no bucket.
    bucket = {"id": "fleet-data", "bucket": "fleet-data"}
    assert own_names(ENGINES["EU"], "aws:s3/bucket:Bucket", bucket) == []
    assert own_bucket(ENGINES["EU"], "aws:s3/bucket:Bucket", bucket).names == ("fleet-data",)
    assert own_bucket(ENGINES["EU"], token, state).names == ()
    assert own_names(ENGINES["EU"], "aws:elasticache/replicationGroup:ReplicationGroup", {"id": "sessions"}) == [
        "sessions"
    ]
    # An id that differs from the configured bucket still names the resource (an access point's account:name id).
    point = {"id": "123456789012:exports-ap", "bucket": "fleet-data"}
    assert own_names(ENGINES["EU"], "aws:s3/accessPoint:AccessPoint", point) == ["123456789012:exports-ap"]


def test_a_name_the_program_chose_proves_no_host_that_contains_it() -> None:
    # A function's id is its name: "ingest" is a label of the partner's host, not the function's own address. The
    # guard and the plan never see the id; the policy pack and the state review did, and accepted the host.
    from components.residency.provenance import own_names, regionless_known

    arn = "arn:aws:lambda:eu-west-1:123456789012:function:ingest"
    own = own_names(ENGINES["EU"], "aws:lambda/function:Function", {"id": "ingest", "name": "ingest", "arn": arn})
    assert own == [arn]
    assert own_names(ENGINES["CN"], "alicloud:fc/v3Function:V3Function", {"functionName": "ingest"}, ["ingest"]) == []
    env = {"environment": {"variables": {"API_URL": "https://ingest.partner.example.com/v1"}}}
    subject = Subject("aws:lambda/function:Function", "f", env, provider("EU"))
    found = ENGINES["EU"].check(subject, known=regionless_known([], [], own))[0]
    assert [f.rule.id for f in found] == ["RES-015"]
    # A provider-made id inside the resource's own address still names it (a Network Load Balancer's DNS name, under
    # a suffix the catalogue does not list): without it the address would be refused.
    nlb = {
        "id": "nlb-wb7r6dlwetvt5j",
        "loadBalancerName": "fleet",
        "dnsName": "nlb-wb7r6dlwetvt5j.cn-hangzhou.nlb.aliyuncsslb.com",
    }
    token = "alicloud:nlb/loadBalancer:LoadBalancer"
    own = own_names(ENGINES["CN"], token, nlb)
    assert own == ["nlb-wb7r6dlwetvt5j"]
    subject = Subject(token, "n", nlb, provider("CN", "alicloud"))
    assert ENGINES["CN"].check(subject, known=regionless_known([], [], own))[0] == []
    assert rule_ids("CN", subject) == {"RES-015"}


_INGEST = {"id": "ingest", "bucket": "ingest", "arn": "arn:aws:s3:::ingest"}


@pytest.mark.parametrize(
    ("website", "expected"),
    [
        # The bucket's name is a label of the partner's host: it proves nothing there.
        ({"redirectAllRequestsTo": "https://ingest.partner.example.com"}, {"RES-015"}),
        ({"redirectAllRequestsTo": "https://ingest.s3.amazonaws.com.partner.example.com/"}, {"RES-015"}),
        ({"redirectAllRequestsTo": "ingest.s3.amazonaws.com.partner.example.com"}, {"RES-015"}),
        # The bucket's own host (its bucketDomainName) is proven by the name and the catalogued suffix after it.
        ({"redirectAllRequestsTo": "https://ingest.s3.amazonaws.com"}, set()),
    ],
)
def test_a_bucket_s_own_name_proves_only_its_own_hosts(website: dict[str, str], expected: set[str]) -> None:
    # The policy pack and the state review judge a bucket's final state with its own names; the guard never had them
    # and refused the partner's host, while the pack took any host containing "ingest" for the bucket's own.
    from components.residency.provenance import own_bucket, own_names, regionless_known

    token = "aws:s3/bucket:Bucket"
    state = {**_INGEST, "bucketDomainName": "ingest.s3.amazonaws.com", "website": website}
    known = regionless_known([], [], own_names(ENGINES["EU"], token, state), own_bucket(ENGINES["EU"], token, state))
    subject = Subject(token, "ingest", state, provider("EU"))
    assert {f.rule.id for f in ENGINES["EU"].check(subject, known=known)[0]} == expected


def test_a_bucket_s_own_arn_proves_its_objects_not_a_bucket_it_prefixes() -> None:
    from components.residency.provenance import own_bucket

    bucket = own_bucket(ENGINES["EU"], "aws:s3/bucket:Bucket", _INGEST)
    assert bucket.proves("arn:aws:s3:::ingest") and bucket.proves("arn:aws:s3:::ingest/uploads/*")
    assert not bucket.proves("arn:aws:s3:::ingest-partner") and not bucket.proves("arn:aws:s3:::ingest-partner/*")
    assert bucket.proves("ingest") and not bucket.proves("ingest-partner")
    # The suffix alone is no host of the bucket: a service label must come between.
    assert not bucket.proves("ingest.amazonaws.com")
    assert bucket.proves("ingest.oss-cn-shanghai.aliyuncs.com")


@settings(max_examples=200, deadline=None)
@given(
    name=st.from_regex(r"[a-z0-9][a-z0-9-]{2,20}", fullmatch=True),
    labels=st.lists(st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), min_size=1, max_size=3),
    tld=st.sampled_from(["example.com", "partner.example.eu", "example.cn", "amazonaws.com.example.net"]),
)
def test_a_bucket_name_never_proves_a_host_outside_the_catalogued_suffixes(
    name: str, labels: list[str], tld: str
) -> None:
    from components.residency.provenance import own_bucket

    bucket = own_bucket(ENGINES["EU"], "aws:s3/bucket:Bucket", {"id": name, "bucket": name})
    host = ".".join([name, *labels, tld])
    assert not bucket.proves(host)
    assert bucket.proves(".".join([name, *labels, "amazonaws.com"]))


_KMS_INSTANCE = "alicloud:kms/instance:Instance"


def test_a_kms_instance_s_gateway_is_built_from_its_own_id() -> None:
    # No output carries <kst-id>.cryptoservice.kms.aliyuncs.com: the catalogue builds it from the instance's id, and a
    # value computed from this stack's instance is proven; the same host with an id typed in is not.
    from components.residency.engine import produced_names
    from components.residency.provenance import regionless_known

    hosts = ENDPOINTS.self_address_hosts(_KMS_INSTANCE)
    assert hosts == ("{id}.cryptoservice.kms.aliyuncs.com",)
    assert ENDPOINTS.self_address_hosts("alicloud:kms/key:Key") == ()
    produced = produced_names({"id": "kst-shh65f176a0ogplgq1a2b"}, ENDPOINTS.self_address_keys(_KMS_INSTANCE), hosts)
    assert "kst-shh65f176a0ogplgq1a2b.cryptoservice.kms.aliyuncs.com" in produced
    # An id that is no single DNS label builds no host.
    assert produced_names({"id": "kst-a.partner.example.com"}, (), hosts) == ["kst-a.partner.example.com"]

    def subject(host: str) -> Subject:
        script = f"#!/bin/sh\necho KMS_ENDPOINT=https://{host} >> /etc/app.env\n"
        return Subject("alicloud:ecs/instance:Instance", "vm", {"user_data": script}, provider("CN", "alicloud"))

    own = "kst-shh65f176a0ogplgq1a2b.cryptoservice.kms.aliyuncs.com"
    known = regionless_known([], produced, ())
    assert ENGINES["CN"].check(subject(own), known=known)[0] == []
    assert {f.rule.id for f in ENGINES["CN"].check(subject(own))[0]} == {"RES-015"}
    other = "kst-bjj11f176a0ogplgq9z9z.cryptoservice.kms.aliyuncs.com"
    assert {f.rule.id for f in ENGINES["CN"].check(subject(other), known=known)[0]} == {"RES-015"}


@pytest.mark.parametrize("host", ["api.{id}.example.com", "{id}", "{id}.{id}.example.com", "{id}-gw.example.com"])
def test_an_id_host_must_start_with_the_id_as_a_label(host: str) -> None:
    from components.residency.endpoints import SelfAddressOutput

    with pytest.raises(ValueError, match="id_hosts"):
        SelfAddressOutput(type=_KMS_INSTANCE, id_hosts=(host,), source="s")


_SHARDING = "alicloud:mongodb/shardingInstance:ShardingInstance"


def test_a_sharded_cluster_s_node_addresses_are_its_own_hosts() -> None:
    # mongo_lists[] / config_server_lists[] connect_string (s-<id>.mongodb.rds.aliyuncs.com): computed by the cloud,
    # no region in the host. A value computed from them is proven; the same host typed in is not.
    from components.residency.engine import produced_names
    from components.residency.provenance import regionless_known

    mongos = "s-uf6e4d1a2b3c4d50.mongodb.rds.aliyuncs.com"
    outputs = {"mongoLists": [{"nodeClass": "mdb.shard.2x.xlarge.d", "connectString": mongos, "port": 3717}],
               "configServerLists": [{"connectString": "cs-uf6e4d1a2b3c4d50.mongodb.rds.aliyuncs.com"}]}  # fmt: skip
    produced = produced_names(outputs, ENDPOINTS.self_address_keys(_SHARDING))
    assert mongos in produced and "cs-uf6e4d1a2b3c4d50.mongodb.rds.aliyuncs.com" in produced
    env = {"user_data": f"#!/bin/sh\necho MONGO_URI=mongodb://{mongos}:3717/telemetry >> /etc/app.env\n"}
    subject = Subject("alicloud:ecs/instance:Instance", "vm", env, provider("CN", "alicloud"))
    assert ENGINES["CN"].check(subject, known=regionless_known([], produced, ()))[0] == []
    assert rule_ids("CN", subject) == {"RES-015"}
    # A program names node classes only: an address written into the inputs is judged as a destination.
    written = {"mongo_lists": [{"node_class": "mdb.shard.2x.xlarge.d", "connect_string": "db.partner.example.com"}]}
    assert rule_ids("CN", Subject(_SHARDING, "c", written, provider("CN", "alicloud"))) == {"RES-015"}
    assert (
        rule_ids("CN", Subject(_SHARDING, "c", {"mongo_lists": [{"node_class": "x"}]}, provider("CN", "alicloud")))
        == set()
    )


def test_a_tair_instance_s_connection_domain_is_its_own_host() -> None:
    # kvstore/instance outputs connection_domain (r-<id>.redis.rds.aliyuncs.com, no region): a value computed from
    # it names a host this stack made; a host under another attribute (a comment) proves nothing.
    from components.residency.engine import produced_names
    from components.residency.provenance import regionless_known

    host = "r-bp1abc.redis.rds.aliyuncs.com"
    assert produced_names({"connectionDomain": host.upper(), "comment": "r-bp1xyz.redis.rds.aliyuncs.com"}) == [host]
    subject = Subject("alicloud:fc/v3Function:V3Function", "fn", {"environmentVariables": {"REDIS": host}},
                      provider("CN", "alicloud"))  # fmt: skip
    known = regionless_known((), produced_names({"connectionDomain": host}), ())
    assert ENGINES["CN"].check(subject, known=known)[0] == []
    other = regionless_known((), produced_names({"connectionDomain": "r-bp1xyz.redis.rds.aliyuncs.com"}), ())
    assert [f.rule.id for f in ENGINES["CN"].check(subject, known=other)[0]] == ["RES-015"]


_MONGO = "alicloud:mongodb/instance:Instance"


@pytest.mark.parametrize(
    ("token", "props", "host"),
    [
        ("alicloud:elasticsearch/instance:Instance", {"domain": "es-cn-abc.elasticsearch.aliyuncs.com"},
         "es-cn-abc.elasticsearch.aliyuncs.com"),
        ("alicloud:elasticsearch/instance:Instance", {"kibanaDomain": "es-cn-abc.kibana.elasticsearch.aliyuncs.com"},
         "es-cn-abc.kibana.elasticsearch.aliyuncs.com"),
        # Through the list of replica sets, in SDK (snake_case) and engine (camelCase) spelling alike.
        (_MONGO, {"replica_sets": [{"connection_domain": "dds-a.mongodb.rds.aliyuncs.com"},
                                   {"connection_domain": "dds-b.mongodb.rds.aliyuncs.com"}]},
         "dds-b.mongodb.rds.aliyuncs.com"),
        (_MONGO, {"replicaSets": [{"connectionDomain": "dds-a.mongodb.rds.aliyuncs.com"}]},
         "dds-a.mongodb.rds.aliyuncs.com"),
    ],
)  # fmt: skip
def test_a_generic_output_proves_a_host_only_for_its_catalogued_type(
    token: str, props: dict[str, Any], host: str
) -> None:
    # `domain` names anyone's domain on an SES identity, its own endpoint on an Elasticsearch instance: the type's
    # catalogue entry (self_address_outputs) decides, not the attribute's name.
    from components.residency.engine import produced_names
    from components.residency.provenance import regionless_known

    subject = Subject("alicloud:fc/v3Function:V3Function", "fn", {"environmentVariables": {"SEARCH": f"http://{host}"}},
                      provider("CN", "alicloud"))  # fmt: skip
    own = ENDPOINTS.self_address_keys(token)
    assert host in produced_names(props, own)
    assert ENGINES["CN"].check(subject, known=regionless_known((), produced_names(props, own), ()))[0] == []
    ses = ENDPOINTS.self_address_keys("aws:ses/domainIdentity:DomainIdentity")
    for unlisted in (ses, frozenset()):  # the same properties on a type that lists no such output prove nothing
        known = regionless_known((), produced_names(props, unlisted), ())
        assert [f.rule.id for f in ENGINES["CN"].check(subject, known=known)[0]] == ["RES-015"]


_LEAF = st.text(alphabet="abcdefgh.-", min_size=1, max_size=12)


@given(st.lists(st.one_of(st.none(), _LEAF, st.lists(_LEAF, max_size=3)), max_size=5), st.booleans())
def test_strings_at_reads_every_item_of_a_list_on_the_way(leaves: list[Any], camel: bool) -> None:
    from components.residency.engine import strings_at

    key = "connectionDomain" if camel else "connection_domain"
    items = [{key: leaf, "role": "Primary"} for leaf in leaves] + [{"other": "x.example.com"}, "not-a-map"]
    expected = [s for leaf in leaves for s in ([leaf] if isinstance(leaf, str) else leaf or [])]
    assert list(strings_at({"replicaSets" if camel else "replica_sets": items}, "replica_sets.connection_domain")) == (
        expected
    )


def test_an_apsaramq_kafka_instance_s_end_point_lists_its_own_hosts() -> None:
    from components.residency.engine import produced_names
    from components.residency.provenance import regionless_known

    servers = (
        "alikafka-pre-cn-abc-1-vpc.alikafka.aliyuncs.com:9092,alikafka-pre-cn-abc-2-vpc.alikafka.aliyuncs.com:9092"
    )
    subject = Subject("alicloud:fc/v3Function:V3Function", "fn", {"environmentVariables": {"KAFKA_BOOTSTRAP_SERVERS":
                      servers}}, provider("CN", "alicloud"))  # fmt: skip
    assert ENGINES["CN"].check(subject, known=regionless_known((), produced_names({"endPoint": servers}), ()))[0] == []
    other = regionless_known((), produced_names({"endPoint": servers.replace("abc", "xyz")}), ())
    assert [f.rule.id for f in ENGINES["CN"].check(subject, known=other)[0]] == ["RES-015", "RES-015"]
    # The instance's own final state lists its servers: each host is its own, a port-less host elsewhere is not.
    from components.residency.provenance import own_names

    own = own_names(
        ENGINES["CN"], "alicloud:alikafka/instance:Instance", {"endPoint": servers, "name": "x.example.com"}
    )
    assert own == [s.rsplit(":", 1)[0] for s in servers.split(",")]
    assert own_names(ENGINES["CN"], "alicloud:fc/v3Function:V3Function", {"endPoint": servers}) == []


_LABEL = st.from_regex(r"[a-z][a-z0-9-]{0,12}[a-z0-9]", fullmatch=True)
_TLD = st.sampled_from(["com", "cn", "net", "io", "de", "example"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LABEL, min_size=1, max_size=3), _TLD, st.sampled_from(["https", "wss", "postgres", "rediss"]))
def test_any_host_outside_the_catalogue_is_refused_unless_declared(labels: list[str], tld: str, scheme: str) -> None:
    from components.residency.destinations import parse_destinations

    host = ".".join([*labels, tld])
    catalogued = [*ENDPOINTS.aws.suffixes, *ENDPOINTS.aws.edge_suffixes, *ENDPOINTS.alicloud.suffixes]
    catalogued += [*ENDPOINTS.alicloud.edge_suffixes, *ENDPOINTS.identifier_hosts.hosts]  # type: ignore[union-attr]
    assume(not any(host == s or host.endswith("." + s) for s in catalogued))
    subject = url_subject(f"{scheme}://{host}:443/x")
    findings, _ = ENGINES["CN"].check(subject)
    assert [(f.rule.id, f.value) for f in findings] == [("RES-015", host)]
    entry = {"id": "own", "kind": "resident", "match": host, "evidence": "in-country, contract 1"}
    declared, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in declared] == [("RES-015", "own")]


@pytest.mark.parametrize(
    ("code", "host", "expected"),
    [
        # Dual-stack endpoints under api.aws are judged by their region label like amazonaws.com ones.
        ("EU", "s3.dualstack.eu-west-1.api.aws", set()),
        ("EU", "ec2.eu-central-1.api.aws", set()),
        ("US", "ec2.us-east-1.api.aws", set()),
        ("EU", "s3.dualstack.us-east-1.api.aws", {"RES-006"}),
        ("EU", "ec2.us-east-1.api.aws", {"RES-006"}),
        ("EU", "kms.eu-west-2.api.aws", {"RES-006"}),  # London is not in the EU
        ("CN", "s3.dualstack.cn-north-1.api.aws", {"RES-006"}),  # api.aws is the aws partition, never aws-cn
    ],
)
def test_dual_stack_api_aws_endpoints_are_judged_by_their_region(code: str, host: str, expected: set[str]) -> None:
    assert rule_ids(code, url_subject(f"https://{host}/x", "aws", code)) == expected


# -- match expressions, same-region buckets, policy conditions, Cognito domains ----------------------------

_SAAS = "https://intake.partner.example.com/x"


def _at(path: str, value: Any) -> dict[str, Any]:
    """``value`` at a dotted key path (lists where the SDK has them do not change the key path)."""
    *parents, last = path.split(".")
    props: dict[str, Any] = {last: value}
    for key in reversed(parents):
        props = {key: props}
    return props


REGION_HOSTS = [
    (cloud, host, entry.region)
    for cloud, table in (("aws", ENDPOINTS.aws.region_hosts), ("alicloud", ENDPOINTS.alicloud.region_hosts))
    for host, entry in table.items()
]


def _home_and_abroad(cloud: Cloud, region: str) -> tuple[str, str]:
    """A jurisdiction holding ``region`` and one of the same cloud that does not."""
    home = next(c for c in CODES if region in CATALOGUE.jurisdictions[c].regions(cloud))
    abroad = next(
        c
        for c in CODES
        if CATALOGUE.jurisdictions[c].regions(cloud) and region not in CATALOGUE.jurisdictions[c].regions(cloud)
    )
    return home, abroad


@pytest.mark.parametrize(("cloud", "host", "region"), REGION_HOSTS, ids=[h for _, h, _ in REGION_HOSTS])
def test_a_one_region_endpoint_is_judged_by_its_documented_region(cloud: Cloud, host: str, region: str) -> None:
    assert region in CATALOGUE.known_regions(cloud)
    # Only hosts under a catalogued suffix of the cloud are looked up (others are plain hosts).
    table = ENDPOINTS.aws if cloud == "aws" else ENDPOINTS.alicloud
    assert any(host.endswith("." + s) for s in (*table.suffixes, *table.edge_suffixes))
    home, abroad = _home_and_abroad(cloud, region)
    for value in (f"smtps://{host}:465", f"https://{host}/?Action=SingleSendMail"):
        assert rule_ids(home, url_subject(value, cloud, home)) == set()
        assert rule_ids(abroad, url_subject(value, cloud, abroad)) == {"RES-006"}
    bare = Subject("alicloud:fc/v3Function:V3Function", "f", {"environment_variables": {"SMTP_HOST": host}},
                   provider(home, "alicloud"))  # fmt: skip
    assert rule_ids(home, bare) == set()


@settings(max_examples=40, deadline=None)
@given(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True))
def test_only_the_exact_one_region_endpoint_is_proven(label: str) -> None:
    # A name under it, or one that merely starts with it, is another host: an aliyun.com portal host stays edge,
    # an aliyuncs.com host without a region label stays unproven.
    assert rule_ids("CN", url_subject(f"smtps://{label}.smtpdm.aliyun.com:465", "alicloud")) == {"RES-016"}
    assert rule_ids("CN", url_subject(f"https://{label}.dm.aliyuncs.com/", "alicloud")) == {"RES-015"}
    assume(label != "dm")
    # stop 60 (a CI run's example `ap-`): a first label that reads as a Region's (`ap-dm`, `cn-dm`: a catalogue
    # Region's area and a dash) is an unknown Region, RES-011, as on every earlier stop's engine; refused either way,
    # never proven
    assert rule_ids("CN", url_subject(f"https://{label}dm.aliyuncs.com/", "alicloud")) in ({"RES-015"}, {"RES-011"})


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ap-", {"RES-011"}),
        ("ap-south-", {"RES-011"}),
        ("a-", {"RES-015"}),
        ("ab-", {"RES-015"}),
        ("ap1-", {"RES-015"}),
    ],
)
def test_a_region_shaped_label_before_dm_is_an_unknown_region(label: str, expected: set[str]) -> None:
    # the examples hypothesis drew at stop 60 (`ap-`), pinned whatever it draws next
    assert rule_ids("CN", url_subject(f"https://{label}dm.aliyuncs.com/", "alicloud")) == expected


@pytest.mark.parametrize(
    ("code", "url", "expected"),
    [
        # Model Studio: Beijing's DashScope domain and workspace domain are mainland-only ("Chinese mainland (inference
        # restricted to China)"); Singapore's, Virginia's and Hong Kong's DashScope hosts are theirs.
        ("CN", "https://dashscope.aliyuncs.com/compatible-mode/v1", set()),
        ("CN", "https://dashscope.aliyuncs.com/api/v1/services/aigc/text-generation/generation", set()),
        ("CN", "https://ws-fleet01.cn-beijing.maas.aliyuncs.com/compatible-mode/v1", set()),
        ("CN", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", {"RES-015"}),
        ("CN", "https://dashscope-us.aliyuncs.com/compatible-mode/v1", {"RES-015"}),
        ("CN", "https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1", {"RES-006"}),
        ("DE", "https://dashscope.aliyuncs.com/compatible-mode/v1", {"RES-006"}),
        # Frankfurt and Virginia serve the Global scope too, and the host does not say which scope a call uses.
        ("DE", "https://ws-fleet01.eu-central-1.maas.aliyuncs.com/compatible-mode/v1", {"RES-016"}),
        ("EU", "https://ws-fleet01.eu-central-1.maas.aliyuncs.com/compatible-mode/v1", {"RES-016"}),
        ("US", "https://ws-fleet01.us-east-1.maas.aliyuncs.com/compatible-mode/v1", {"RES-016"}),
        ("CN", "https://ws-fleet01.eu-central-1.maas.aliyuncs.com/compatible-mode/v1", {"RES-016"}),
    ],
)
def test_model_studio_domains_are_judged_by_region_and_deployment_scope(
    code: str, url: str, expected: set[str]
) -> None:
    assert rule_ids(code, url_subject(url, "alicloud", code)) == expected


@pytest.mark.parametrize(
    ("code", "url", "expected"),
    [
        # Managed Service for OpenTelemetry: the mainland endpoints named by an abbreviation are their region's.
        ("CN", "http://tracing-analysis-dc-sh-internal.aliyuncs.com/adapt_a@b_c@d/api/otlp/traces", set()),
        ("CN", "tracing-analysis-dc-bj.aliyuncs.com:8090", set()),
        ("DE", "http://tracing-analysis-dc-hz-internal.aliyuncs.com/adapt_a@b_c@d/api/otlp/traces", {"RES-006"}),
        ("JP", "http://tracing-analysis-dc-jp-internal.aliyuncs.com/adapt_a@b_c@d/api/otlp/traces", set()),
        ("CN", "http://tracing-analysis-dc-hk-internal.aliyuncs.com/adapt_a@b_c@d/api/otlp/traces", {"RES-006"}),
        # ARMS Application Monitoring's Hangzhou trace endpoint; another region's abbreviation is not catalogued.
        ("CN", "arms-dc-hz-internal.aliyuncs.com:80", set()),
        ("CN", "arms-dc-sh-internal.aliyuncs.com:80", {"RES-015"}),
        # An abbreviation the catalogue does not hold names no region.
        ("CN", "http://tracing-analysis-dc-xx-internal.aliyuncs.com/adapt_a/api/otlp/traces", {"RES-015"}),
        ("CN", "http://tracing-analysis-dc-frankfurt.aliyuncs.com/adapt_a/api/otlp/traces", {"RES-015"}),
    ],
)
def test_tracing_endpoints_named_by_an_abbreviation_are_their_regions(code: str, url: str, expected: set[str]) -> None:
    assert rule_ids(code, url_subject(url, "alicloud", code)) == expected


def test_an_endpoint_shared_by_several_regions_is_not_a_one_region_endpoint() -> None:
    # Alibaba SMS: dysmsapi.aliyuncs.com is the endpoint of the mainland regions and of Hong Kong alike.
    assert "dysmsapi.aliyuncs.com" not in ENDPOINTS.alicloud.region_hosts
    assert rule_ids("CN", url_subject("https://dysmsapi.aliyuncs.com/", "alicloud")) == {"RES-015"}
    # Its regional endpoints carry their region.
    for host in ("dysmsapi.eu-central-1.aliyuncs.com", "dysmsapi-xman-vpc.eu-central-1.aliyuncs.com"):
        assert rule_ids("DE", url_subject(f"https://{host}/", "alicloud", "DE")) == set()
    # No mainland region has an SMS host of its own; Hong Kong's VPC endpoint is Singapore's too.
    assert rule_ids("CN", url_subject("https://dysmsapi-xman.vpc-proxy.aliyuncs.com/", "alicloud")) == {"RES-015"}


_APPFLOW = "aws:appflow/flow:Flow"
_APPFLOW_AWS_DESTINATIONS = ("S3", "Redshift", "EventBridge", "LookoutMetrics", "CustomerProfiles")


def _flow(destination: str, source: str = "S3") -> Subject:
    props = {"source_flow_config": {"connector_type": source},
             "destination_flow_configs": [{"connector_type": destination, "connector_profile_name": "p"}]}  # fmt: skip
    return Subject(_APPFLOW, "flow", props, provider("EU"))


@pytest.mark.parametrize("destination", _APPFLOW_AWS_DESTINATIONS)
def test_an_appflow_flow_into_an_aws_service_of_its_region_is_not_refused(destination: str) -> None:
    # The flow reads from an application (records come into AWS) and writes to an AWS service of its own region.
    assert rule_ids("EU", _flow(destination, source="Salesforce")) == set()


@pytest.mark.parametrize(
    "destination", ["Salesforce", "Zendesk", "SAPOData", "Snowflake", "Upsolver", "CustomConnector"]
)
def test_an_appflow_flow_into_an_application_outside_aws_is_refused(destination: str) -> None:
    findings, _ = ENGINES["EU"].check(_flow(destination))
    assert [f.rule.id for f in findings] == ["RES-016"]
    assert "[aws-appflow-application-destination]" in findings[0].detail
    # The same connector as the flow's source only brings records in: not refused.
    assert rule_ids("EU", _flow("S3", source=destination)) == set()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0-_ ", min_size=1, max_size=20))
def test_every_appflow_destination_but_the_aws_services_is_refused(destination: str) -> None:
    # Fail-closed: a connector type AppFlow adds later (or a misspelt one) is refused until catalogued.
    assume(destination.strip().lower() not in {d.lower() for d in _APPFLOW_AWS_DESTINATIONS})
    assert rule_ids("EU", _flow(destination)) == {"RES-016"}
    # A known AWS destination with a longer name is not the service itself.
    assert rule_ids("EU", _flow(f"S3{destination.strip() or 'x'}")) == {"RES-016"}


@pytest.mark.parametrize("entry", ENDPOINTS.server_buckets, ids=lambda e: f"{e.type}:{e.path}")
def test_a_bucket_on_a_self_managed_server_is_judged_by_its_server(entry: Any) -> None:
    host_key = "server_hostname"
    for code in ("EU", "US", "JP"):
        # A MinIO bucket on the stack's own network: no S3 bucket, nothing to prove but the private server.
        on_prem = {**_at(entry.path, "exports"), host_key: "10.20.0.5"}
        assert rule_ids(code, Subject(entry.type, "r", on_prem, provider(code))) == set()
        # The server decides: a partner's object store is refused (and accepted once declared), the bucket name
        # adds nothing.
        partner = {**_at(entry.path, "exports"), host_key: "storage.partner.example.com"}
        assert rule_ids(code, Subject(entry.type, "r", partner, provider(code))) == {"RES-015"}
    # Another cloud's regional object store is judged by the region in its host.
    oss = {**_at(entry.path, "fleet-archive"), host_key: "oss-eu-central-1.aliyuncs.com"}
    assert rule_ids("EU", Subject(entry.type, "r", oss, provider("EU"))) == set()
    us = {**oss, host_key: "oss-us-east-1.aliyuncs.com"}
    assert rule_ids("DE", Subject(entry.type, "r", us, provider("DE"))) == {"RES-006"}  # a host in a foreign region
    # The same name under an S3 bucket key of the same resource is an S3 bucket, still proven or declared.
    s3_elsewhere = {**_at(entry.path, "exports"), host_key: "10.20.0.5", "s3_bucket_arn": "arn:aws:s3:::exports"}
    assert rule_ids("EU", Subject(entry.type, "r", s3_elsewhere, provider("EU"))) == {"RES-017"}
    # An S3 location's bucket is an S3 bucket.
    s3 = Subject("aws:datasync/s3Location:S3Location", "r", {"s3_bucket_arn": "arn:aws:s3:::exports"}, provider("EU"))
    assert rule_ids("EU", s3) == {"RES-017"}


_CODEBUILD = {
    "service_role": "r",
    "artifacts": {"type": "NO_ARTIFACTS"},
    "environment": {"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0"},
}


@pytest.mark.parametrize("entry", ENDPOINTS.bucket_prefix_fields, ids=lambda e: f"{e.type}:{e.path}")
def test_a_bucket_with_a_key_prefix_is_judged_by_its_bucket(entry: Any) -> None:
    # CodeBuild writes its S3 logs and cache to `<bucket>/<prefix>` and reads an S3 source from `<bucket>/<key>`:
    # a bucket this stack did not make is refused (it was accepted before: no bucket key names the field).
    def judged(code: str, value: str, known: Callable[[str], bool] | None = None) -> set[str]:
        subject = Subject(entry.type, "r", {**_CODEBUILD, **_at(entry.path, value)}, provider(code))
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    values = ("partner-builds", "partner-builds/logs", "partner-builds/src/app.zip", "arn:aws:s3:::partner-builds/x")
    for value in values:
        assert judged("EU", value) == {"RES-017"}, value
        # The bucket this stack made (its name is the first segment) proves it, whatever the prefix.
        assert judged("EU", value, known=lambda name: name == "partner-builds") == set(), value
        # Every aws-cn region is in China: any bucket of the partition is resident.
        assert judged("CN", value.replace("arn:aws:", "arn:aws-cn:")) == set(), value
    assert judged("EU", "arn:aws-cn:s3:::partner-builds/x") == {"RES-004"}
    # A repository URL in the same field (a GITHUB or CODECOMMIT source) is a URL, judged by its host.
    assert judged("EU", "https://github.com/acme/app.git") == {"RES-015"}
    assert judged("EU", "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app") == set()
    assert judged("EU", "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app") == {"RES-006"}


@settings(max_examples=80, deadline=None)
@given(
    st.from_regex(r"[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]", fullmatch=True),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_./", max_size=30),
)
def test_the_bucket_of_a_prefixed_location_is_its_first_segment(bucket: str, prefix: str) -> None:
    assume(".." not in bucket and not bucket.replace(".", "").isdigit())
    value = f"{bucket}/{prefix}"
    props = {**_CODEBUILD, **_at("logs_config.s3_logs.location", value)}
    subject = Subject("aws:codebuild/project:Project", "r", props, provider("EU"))
    findings, _ = ENGINES["EU"].check(subject)
    assert [(f.rule.id, f.value) for f in findings] == [("RES-017", value)]
    # Only the bucket proves it: any prefix under this stack's bucket, never another bucket's name in the prefix.
    assert ENGINES["EU"].check(subject, known=lambda name: name == bucket)[0] == []
    assert [f.rule.id for f in ENGINES["EU"].check(subject, known=lambda name: name == f"x{bucket}")[0]] == ["RES-017"]


_TRANSFER_LANDINGS = [e for e in ENDPOINTS.bucket_prefix_fields if e.type.startswith("aws:transfer/")]


def test_transfer_family_landing_directories_are_catalogued() -> None:
    # A user's and a directory group's home directory and mappings, and an AS2 agreement's landing directory.
    assert {(e.type.split(":")[1], e.path) for e in _TRANSFER_LANDINGS} == {
        ("transfer/user", "home_directory"),
        ("transfer/user", "home_directory_mappings.target"),
        ("transfer/access", "home_directory"),
        ("transfer/access", "home_directory_mappings.target"),
        ("transfer/agreement", "base_directory"),
    }


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(_TRANSFER_LANDINGS),
    st.from_regex(r"[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]", fullmatch=True),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_./", max_size=30),
)
def test_a_transfer_landing_directory_names_its_bucket_first(entry: Any, bucket: str, prefix: str) -> None:
    # Transfer Family writes uploads (and AS2 messages) to `/<bucket>/<prefix>`, the bucket in any Region: the first
    # item after the leading `/` is judged as a bucket (it passed unjudged before: no bucket key names these fields).
    assume(".." not in bucket and not bucket.replace(".", "").isdigit())
    value = f"/{bucket}/{prefix}"
    subject = Subject(entry.type, "r", {"server_id": "s-1234567890abcdef0", **_at(entry.path, value)}, provider("EU"))
    findings, _ = ENGINES["EU"].check(subject)
    assert [(f.rule.id, f.value) for f in findings] == [("RES-017", value)]
    # The stack's own bucket (or its own EFS file system's id, which an Output of it carries) proves it.
    assert ENGINES["EU"].check(subject, known=lambda name: name == bucket)[0] == []
    assert [f.rule.id for f in ENGINES["EU"].check(subject, known=lambda name: name == f"x{bucket}")[0]] == ["RES-017"]
    # Every aws-cn region is in China: any bucket of the partition is resident.
    cn = Subject(entry.type, "r", {"server_id": "s-1", **_at(entry.path, value)}, provider("CN"))
    assert ENGINES["CN"].check(cn)[0] == []


@pytest.mark.parametrize("entry", ENDPOINTS.match_fields, ids=lambda e: f"{e.type}:{e.path}")
def test_match_expressions_are_compared_not_contacted(entry: Any) -> None:
    # A host, a service name and a bucket named inside a pattern are compared with events, never contacted;
    # the same value at another key of the same resource, or at the same key of another type, is a destination.
    cloud: Cloud = "aws" if entry.type.startswith("aws:") else "alicloud"
    # A leading "*": nested at any depth; a later one: any one key (a Security Hub rule's criteria.<filter>.value).
    parts = entry.path.split(".")
    nested = ["rules.statement.not_statement.statement" if p == "*" and i == 0 else "any_key" if p == "*" else p
              for i, p in enumerate(parts)]  # fmt: skip
    path = ".".join(nested)
    pattern = json.dumps({"detail": {"eventSource": ["s3.amazonaws.com"], "bucketName": ["partner-drop"]}})
    # What the type itself is refused for in EU, whatever its fields (Alibaba Cloud WAF is run from Singapore outside
    # the mainland: RES-016 for any of its resources); the field adds nothing to it.
    alone = rule_ids("EU", Subject(entry.type, "r", {}, provider("EU", cloud)))
    for value in (_SAAS, pattern, "{ ($.eventSource = kms.amazonaws.com) }"):
        subject = Subject(entry.type, "r", _at(path, value), provider("EU", cloud))
        assert rule_ids("EU", subject) == alone, value
    # A path ending in "*" takes every key of its map (a REST integration's request parameters): elsewhere is outside.
    elsewhere = path.rsplit(".", 1)[0] + ".endpoint" if "." in path and parts[-1] != "*" else "endpoint"
    assert rule_ids("EU", Subject(entry.type, "r", _at(elsewhere, _SAAS), provider("EU", cloud))) == alone | {"RES-015"}
    other = "aws:lambda/function:Function" if cloud == "aws" else "alicloud:fc/function:Function"
    assert rule_ids("EU", Subject(other, "r", _at(path, _SAAS), provider("EU", cloud))) == {"RES-015"}


@pytest.mark.parametrize("entry", ENDPOINTS.text_fields, ids=lambda e: f"{e.type}:{e.path}")
def test_text_for_humans_in_documents_is_not_contacted(entry: Any) -> None:
    # OpenAPI contact / license / external-docs URLs and a dashboard's Markdown are shown to people; the same URL
    # elsewhere in the document (an integration's uri, a widget's endpoint) or in another type is a destination.
    # A leading "*": any depth; a later "*": any one key (a Prometheus rule's annotations, named by the user).
    path = entry.path.replace("*.", "body.paths./vehicles.get.", 1) if entry.path[:2] == "*." else entry.path
    path = path.replace("*", "runbook_url")
    # What the type itself is refused for in EU, whatever its fields (a REST API without an endpoint type is
    # edge-optimised: RES-016, its OpenAPI body or not); the text adds nothing to it.
    alone = rule_ids("EU", Subject(entry.type, "r", {}, provider("EU")))
    for value in (
        _SAAS,
        "[Runbook](https://wiki.partner.example.com/ops) and [console](https://console.aws.amazon.com)",
    ):
        assert rule_ids("EU", Subject(entry.type, "r", _at(path, value), provider("EU"))) == alone, value
    stem = path.split(".runbook_url")[0]  # beside the text (a sibling key), or at the top for a top-level map
    elsewhere = stem.rsplit(".", 1)[0] + ".uri" if "." in stem else "uri"
    assert rule_ids("EU", Subject(entry.type, "r", _at(elsewhere, _SAAS), provider("EU"))) == alone | {"RES-015"}
    assert rule_ids("EU", Subject("aws:lambda/function:Function", "r", _at(path, _SAAS), provider("EU"))) == {"RES-015"}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("CORS_ALLOWED_ORIGINS", "https://app.partner.example.com,https://admin.partner.example.com"),
        ("CORS_ORIGINS", "https://app.partner.example.com https://admin.partner.example.com"),
        ("CORS_ORIGIN", "https://app.partner.example.com"),
        ("APP_CORS_ALLOW_ORIGINS", '["https://app.partner.example.com"]'),
        ("CSRF_TRUSTED_ORIGINS", "https://app.partner.example.com"),
    ],
)
def test_a_cors_allow_list_in_a_variable_is_compared_not_contacted(key: str, value: str) -> None:
    # The origins a server compares a request's Origin header with (Flask-CORS, django-cors-headers, Express,
    # Django CSRF): the browser on that origin reads the answer, the server sends nothing there.
    def function(variables: dict[str, str]) -> Subject:
        return Subject("aws:lambda/function:Function", "f", {"environment": {"variables": variables}}, provider("EU"))

    assert rule_ids("EU", function({key: value})) == set()
    # The twin: a URL the application calls, even with CORS in its name, is a destination.
    assert rule_ids("EU", function({"CORS_PROXY_URL": "https://app.partner.example.com"})) == {"RES-015"}
    assert rule_ids("EU", function({"ORIGIN": "https://app.partner.example.com"})) == {"RES-015"}


def test_a_rest_api_s_cors_header_mapping_is_compared_not_contacted() -> None:
    # The OPTIONS integration response of AWS's "Enable CORS" recipe maps Access-Control-Allow-Origin to a literal.
    def response(parameters: dict[str, str]) -> Subject:
        props = {"rest_api": "a1", "resource_id": "r1", "http_method": "OPTIONS", "status_code": "200",
                 "response_parameters": parameters}  # fmt: skip
        return Subject("aws:apigateway/integrationResponse:IntegrationResponse", "cors", props, provider("EU"))

    origin = {"method.response.header.Access-Control-Allow-Origin": "'https://app.partner.example.com'"}
    assert rule_ids("EU", response(origin)) == set()
    location = {"method.response.header.Location": "'https://app.partner.example.com/moved'"}
    assert rule_ids("EU", response(location)) == {"RES-015"}


@pytest.mark.parametrize(
    ("token", "cloud", "condition"),
    [
        (
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws",
            {"StringLike": {"aws:Referer": ["https://www.partner.example.com/*"]}},
        ),
        (
            "alicloud:oss/bucketPolicy:BucketPolicy",
            "alicloud",
            {"StringLike": {"acs:Referer": ["https://www.partner.example.com/*"]}},
        ),
    ],
)
def test_a_referer_condition_is_compared_not_contacted(token: str, cloud: Cloud, condition: dict[str, Any]) -> None:
    # AWS's "Restricting access to a specific HTTP referer": the Referer header is compared with the pages allowed
    # to link to the objects. The twin: a foreign ARN in the same condition is still judged.
    def policy(statement_condition: dict[str, Any]) -> Subject:
        statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*",
                     "Condition": statement_condition}  # fmt: skip
        document = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
        return Subject(token, "p", {"policy": document}, provider("EU", cloud))

    # A Referer restricts no one (anyone can send the header): the statement is public (RES-024, public-access review,
    # stop 36: AWS's definition of a public policy lists no aws:Referer, OSS's no acs:Referer), and nothing else.
    assert rule_ids("EU", policy(condition)) == {"RES-024"}
    foreign = {**condition, "ArnLike": {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t"}}
    assert rule_ids("EU", policy(foreign)) == {"RES-004"}  # a fixed aws:SourceArn restricts who: not public


def test_a_partition_projection_enum_is_compared_not_contacted() -> None:
    # An Athena table over an organisation's CloudTrail logs projects the regions whose logs sit in the stack's
    # bucket (us-east-1 holds the global services' events): Athena reads the bucket, never those regions.
    def table(location: str, variables: dict[str, str] | None = None) -> Subject:
        parameters = {"projection.enabled": "true", "projection.region.type": "enum",
                      "projection.region.values": "eu-west-1,eu-central-1,us-east-1",
                      "storage.location.template": location + "/${region}/${date}", **(variables or {})}  # fmt: skip
        return Subject("aws:glue/catalogTable:CatalogTable", "t", {"parameters": parameters}, provider("EU"))

    def judged(subject: Subject) -> set[str]:  # eu-trail is the stack's own bucket
        return {f.rule.id for f in ENGINES["EU"].check(subject, known=lambda name: name == "eu-trail")[0]}

    assert judged(table("s3://eu-trail/AWSLogs/111122223333/CloudTrail")) == set()
    # The twins: the bucket Athena reads is judged; a region list that is not a projection still names regions.
    assert judged(table("s3://org-trail-us/AWSLogs/111122223333/CloudTrail")) == {"RES-017"}
    assert judged(table("s3://eu-trail/x", {"replica.region": "us-east-1"})) == {"RES-009"}
    env = {"environment": {"variables": {"PROJECTION_REGION_VALUES": "us-east-1"}}}
    assert rule_ids("EU", Subject("aws:lambda/function:Function", "f", env, provider("EU"))) == {"RES-009"}


_S3_SAME_REGION = [e for e in ENDPOINTS.same_region_buckets if e.type.startswith("aws:")]
_OSS_SAME_REGION = [e for e in ENDPOINTS.same_region_buckets if e.type.startswith("alicloud:")]


@pytest.mark.parametrize("entry", _OSS_SAME_REGION, ids=lambda e: f"{e.type}:{e.path}")
def test_an_oss_bucket_the_service_requires_in_its_own_region_needs_no_provenance(entry: Any) -> None:
    # An Alibaba resource has no region override: its provider's region is the bucket's, and that region is judged
    # where the provider is registered.
    *_, last = entry.path.split(".")
    value = "central-access-logs" if last in ENDPOINTS.bucket_keys else "oss://central-access-logs"
    subject = Subject(entry.type, "r", _at(entry.path, value), provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == set()
    # The same oss:// URL in a field of the resource that does not require its region still needs provenance.
    elsewhere = Subject(entry.type, "r", {"description": "x", "environment_variables": {"SOURCE": "oss://central-access-logs"}},
                        provider("CN", "alicloud"))  # fmt: skip
    assert rule_ids("CN", elsewhere) == {"RES-017"}
    # The same name in a field that may name a bucket of any region still needs provenance.
    trail = Subject(
        "alicloud:actiontrail/trail:Trail", "t", {"oss_bucket_name": "central-access-logs"}, provider("CN", "alicloud")
    )
    assert rule_ids("CN", trail) == {"RES-017"}


@pytest.mark.parametrize("entry", _S3_SAME_REGION, ids=lambda e: f"{e.type}:{e.path}")
def test_a_bucket_the_service_requires_in_its_own_region_needs_no_provenance(entry: Any) -> None:
    *parents, last = entry.path.split(".")
    value = "ci-artifacts-prod" if last in ENDPOINTS.bucket_keys else "s3://ci-artifacts-prod/models/1.tar.gz"
    for code in ("EU", "US", "JP"):
        assert rule_ids(code, Subject(entry.type, "r", _at(entry.path, value), provider(code))) == set()
    # The resource's own region is what proves the bucket: a foreign override is refused ...
    moved = {**_at(entry.path, value), "region": "us-east-1"}
    assert rule_ids("EU", Subject(entry.type, "r", moved, provider("EU"))) == {"RES-003"}
    # ... and the same value elsewhere in the same resource (an environment variable) still needs provenance.
    elsewhere = ".".join([*parents, "environment", last])
    assert rule_ids("EU", Subject(entry.type, "r", _at(elsewhere, value), provider("EU"))) == {"RES-017"}
    # A bucket ARN of another partition is still another partition; of the resource's own, it is the bucket.
    arn = "arn:aws-cn:s3:::ci-artifacts-prod/models/1.tar.gz"
    assert rule_ids("EU", Subject(entry.type, "r", _at(entry.path, arn), provider("EU"))) == {"RES-004"}
    own_partition = "arn:aws:s3:::ci-artifacts-prod"
    assert rule_ids("EU", Subject(entry.type, "r", _at(entry.path, own_partition), provider("EU"))) == set()


@pytest.mark.parametrize(
    ("code", "condition", "expected"),
    [
        ("EU", {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}, set()),
        ("CN", {"StringEquals": {"iam:PassedToService": ["ec2.amazonaws.com.cn", "ecs-tasks.amazonaws.com"]}}, set()),
        ("US", {"StringLike": {"iam:AWSServiceName": "autoscaling.amazonaws.com"}}, set()),
        ("JP", {"StringEquals": {"oidc.eks.ap-northeast-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}, set()),
        ("CN", {"StringEquals": {"oidc:aud": "sts.aliyuncs.com"}}, set()),
        # Still judged inside a condition: a regional endpoint of a foreign region, a host that is not a
        # principal shape, and a China-only suffix outside China.
        ("EU", {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}, {"RES-006"}),
        ("EU", {"StringEquals": {"iam:PassedToService": "exports.eu.s3.amazonaws.com"}}, {"RES-015"}),
        ("EU", {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com.cn"}}, {"RES-006"}),
    ],
)
def test_service_principals_in_policy_conditions_are_identities(
    code: str, condition: dict[str, Any], expected: set[str]
) -> None:
    statement = {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": condition}
    subject = Subject("aws:iam/policy:Policy", "p", {"policy": json.dumps({"Statement": [statement]})}, provider(code))
    assert rule_ids(code, subject) == expected
    # The same condition in aws.iam.get_policy_document's shape (conditions[].values).
    ((test, pairs),) = condition.items()
    ((variable, values),) = pairs.items()
    invoke = {"statements": [{"conditions": [{"test": test, "variable": variable, "values": values}]}]}
    assert (
        rule_ids(code, Subject("aws:iam/getPolicyDocument:getPolicyDocument", "i", invoke, provider(code))) == expected
    )


@pytest.mark.parametrize(
    ("cloud", "token", "key", "audience"),
    [
        ("aws", "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "client_id_lists", "sts.amazonaws.com"),
        ("alicloud", "alicloud:ims/oidcProvider:OidcProvider", "client_ids", "sts.aliyuncs.com"),
    ],
)
def test_an_oidc_audience_is_an_identity_but_the_issuer_is_a_destination(
    cloud: Cloud, token: str, key: str, audience: str
) -> None:
    assert rule_ids("CN", Subject(token, "oidc", {key: [audience]}, provider("CN", cloud))) == set()
    issuer = {key: [audience], "url": "https://token.actions.githubusercontent.com"}
    assert rule_ids("CN", Subject(token, "oidc", issuer, provider("CN", cloud))) == {"RES-015"}
    assert rule_ids("CN", Subject(token, "oidc", {key: [f"x.y.{audience}"]}, provider("CN", cloud))) != set()


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        ("JP", "bedrock.amazonaws.com", set()),  # the services let in privately: an identity, never contacted
        ("DE", "bedrock.amazonaws.com", set()),
        ("JP", "exports.jp.s3.amazonaws.com", {"RES-015"}),  # a virtual-hosted bucket's shape is not a principal
        ("JP", "bedrock.amazonaws.com.collector.example.com", {"RES-015"}),
        ("DE", "bedrock.amazonaws.com.cn", {"RES-006"}),  # the aws-cn partition's suffix
    ],
)
def test_an_opensearch_serverless_network_policy_source_service_is_an_identity(
    code: str, source: str, expected: set[str]
) -> None:
    # docs: opensearch/serverlesssecuritypolicy (type network) "SourceServices": the AWS services with private access.
    rule = {"Rules": [{"Resource": ["collection/kb"], "ResourceType": "collection"}], "AllowFromPublic": False}
    policy = json.dumps([{**rule, "SourceServices": [source]}])
    subject = Subject(
        "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", "kb-network",
        {"name": "kb-network", "type": "network", "policy": policy}, provider(code),
    )  # fmt: skip
    assert rule_ids(code, subject) == expected


@pytest.mark.parametrize(
    ("code", "host", "expected"),
    [
        ("EU", "myapp.auth.eu-west-1.amazoncognito.com", set()),
        ("US", "myapp.auth.us-west-2.amazoncognito.com", set()),
        ("JP", "myapp.auth.ap-northeast-1.amazoncognito.com", set()),
        ("EU", "myapp.auth.us-east-1.amazoncognito.com", {"RES-006"}),
        ("EU", "eu-west-1.auth.us-east-1.amazoncognito.com", {"RES-006"}),  # a prefix named like a region
        ("CN", "myapp.auth.cn-north-1.amazoncognito.com", {"RES-006"}),  # the aws partition's suffix only
        ("EU", "myapp.amazoncognito.com", {"RES-015"}),  # names no region
    ],
)
def test_cognito_prefix_domains_are_judged_by_their_region(code: str, host: str, expected: set[str]) -> None:
    assert rule_ids(code, url_subject(f"https://{host}/oauth2/token", "aws", code)) == expected


# -- destinations under generic keys, lists of hosts, name/value pairs ----------------------------------


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("aws:datasync/nfsLocation:NfsLocation", {"server_hostname": "{host}", "subdirectory": "/x"}),
        ("aws:datasync/locationHdfs:LocationHdfs", {"name_nodes": [{"hostname": "{host}", "port": 8020}]}),
        ("aws:dms/endpoint:Endpoint", {"server_name": "{host}", "engine_name": "postgres"}),
        ("aws:mailmanager/relay:Relay", {"server_name": "{host}", "server_port": 587}),
        ("aws:appmesh/virtualNode:VirtualNode", {"spec": {"service_discovery": {"dns": {"hostname": "{host}"}}}}),
        ("aws:route53/resolverRule:ResolverRule", {"target_ips": [{"ip": "{ip}"}]}),
        ("aws:directoryservice/conditionalForwarder:ConditionalForwarder", {"dns_ips": ["{ip}"]}),
        ("aws:ec2/customerGateway:CustomerGateway", {"ip_address": "{ip}", "bgp_asn": "65000"}),
        ("aws:ecs/taskDefinition:TaskDefinition", {"container_definitions": json.dumps(
            [{"name": "a", "logConfiguration": {"logDriver": "fluentd", "options": {"fluentd-address": "{host}:24224"}},
              "extraHosts": [{"hostname": "db", "ipAddress": "{ip}"}]}])}),
        ("aws:sns/topicSubscription:TopicSubscription", {"protocol": "email", "endpoint": "ops@{host}"}),
        ("aws:ssmcontacts/contactChannel:ContactChannel",
         {"type": "EMAIL", "delivery_address": {"simple_address": "ops@{host}"}}),
        ("aws:costexplorer/anomalySubscription:AnomalySubscription",
         {"frequency": "DAILY", "subscribers": [{"type": "EMAIL", "address": "finance@{host}"}]}),
        ("alicloud:arms/alertContact:AlertContact", {"alert_contact_name": "ops", "email": "ops@{host}"}),
        # An SSL certificate application's contact and company (alired48, stop 48): the CA mails them about the order.
        ("alicloud:sslcertificatesservice/contact:Contact", {"name": "ops", "email": "ops@{host}"}),
        ("alicloud:sslcertificatesservice/company:Company", {"company_name": "Fleet", "company_email": "pki@{host}"}),
        # An SLS alert user record (stop 46): its JSON value's `email` list receives the alert notifications.
        ("alicloud:log/resourceRecord:ResourceRecord", {"resource_name": "sls.common.user", "record_id": "ops",
         "tag": "ops", "value": json.dumps({"user_id": "ops", "user_name": "ops", "email": ["ops@{host}"]})}),
        ("aws:notifications/contactsEmailContact:ContactsEmailContact", {"name": "ops", "email_address": "ops@{host}"}),
        # A budget action's e-mail subscribers; the Shield Response Team's e-mail contacts.
        ("aws:budgets/budgetAction:BudgetAction",
         {"budget_name": "b", "subscribers": [{"subscription_type": "EMAIL", "address": "finance@{host}"}]}),
        ("aws:shield/proactiveEngagement:ProactiveEngagement",
         {"enabled": True, "emergency_contacts": [{"email_address": "soc@{host}"}]}),
        # An account's alternate (billing, operations, security) contact; a member account's root user e-mail.
        ("aws:account/alternativeContact:AlternativeContact",
         {"alternate_contact_type": "BILLING", "name": "AP", "title": "AP", "email_address": "ap@{host}"}),
        ("aws:organizations/account:Account", {"name": "fleet-prod", "email": "aws-prod@{host}"}),
        # A QuickSight user's registered address: where the dashboards' scheduled reports are mailed (stop 33).
        ("aws:quicksight/user:User",
         {"user_name": "analyst", "identity_type": "QUICKSIGHT", "user_role": "READER", "email": "analyst@{host}"}),
        # A QuickSight account's author's address, where its notices go (its notification_email: a host key).
        ("aws:quicksight/accountSubscription:AccountSubscription",
         {"account_name": "fleet-bi", "edition": "ENTERPRISE_AND_Q", "email_address": "bi-author@{host}"}),
        # Oracle Database@AWS maintenance contacts, handed to Oracle (OCI), which mails them.
        ("aws:odb/cloudExadataInfrastructure:CloudExadataInfrastructure",
         {"shape": "Exadata.X11M", "customer_contacts_to_send_to_ocis": [{"email": "dba@{host}"}]}),
        ("aws:odb/autonomousDatabase:AutonomousDatabase",
         {"db_name": "fleet", "customer_contacts_to_send_to_ocis": [{"email": "dba@{host}"}]}),
        ("aws:route53/trafficPolicy:TrafficPolicy", {"name": "failover", "document": json.dumps(
            {"AWSPolicyFormatVersion": "2015-10-01", "RecordType": "CNAME", "StartEndpoint": "site",
             "Endpoints": {"site": {"Type": "value", "Value": "{host}"}}})}),
        ("aws:servicediscovery/instance:Instance", {"attributes": {"AWS_INSTANCE_IPV4": "{ip}"}}),
        ("aws:servicediscovery/instance:Instance", {"attributes": {"AWS_INSTANCE_CNAME": "{host}"}}),
        ("aws:glue/connection:Connection", {"connection_properties": {"KAFKA_BOOTSTRAP_SERVERS": "{host}:9092"}}),
        ("aws:iot/topicRule:TopicRule", {"kafkas": [{"client_properties": {"bootstrap.servers": "{host}:9092"}}]}),
        ("aws:datasync/agent:Agent", {"ip_address": "{ip}", "name": "plant-nas"}),
        ("aws:storagegateway/gateway:Gateway", {"gateway_ip_address": "{ip}", "gateway_type": "FILE_S3"}),
        # The Active Directory servers an S3 File Gateway joins (address, or host with its LDAP port).
        ("aws:storagegateway/gateway:Gateway", {"gateway_type": "FILE_S3", "smb_active_directory_settings": {
            "domain_name": "corp.example.com", "username": "u", "domain_controllers": ["{ip}"]}}),
        ("aws:storagegateway/gateway:Gateway", {"gateway_type": "FILE_S3", "smb_active_directory_settings": {
            "domain_name": "corp.example.com", "username": "u", "domain_controllers": ["{host}:389"]}}),
        ("aws:ec2transitgateway/connectPeer:ConnectPeer", {"peer_address": "{ip}", "bgp_asn": "65000"}),
        # An ActiveMQ broker's LDAP servers (users' credentials); QuickSight VPC resolvers; Lightsail DNS records.
        ("aws:mq/broker:Broker", {"authentication_strategy": "ldap", "ldap_server_metadata": {"hosts": ["{host}"]}}),
        ("aws:quicksight/vpcConnection:VpcConnection", {"name": "bi", "dns_resolvers": ["{ip}"]}),
        ("aws:lightsail/domainEntry:DomainEntry",
         {"domain_name": "example.com", "name": "www", "type": "A", "target": "{ip}"}),
        ("aws:lightsail/domainEntry:DomainEntry",
         {"domain_name": "example.com", "name": "www", "type": "CNAME", "target": "{host}"}),
        ("aws:vpclattice/resourceConfiguration:ResourceConfiguration",
         {"resource_configuration_definition": {"dns_resource": {"domain_name": "{host}", "ip_address_type": "IPV4"}}}),
        ("aws:vpclattice/resourceConfiguration:ResourceConfiguration",
         {"resource_configuration_definition": {"ip_resource": {"ip_address": "{ip}"}}}),
        # Kafka Connect properties naming the server a connector reads or writes (Debezium, Snowflake sink).
        # A PrivateZone record's A/AAAA address or CNAME target; a DNS Firewall rule's override CNAME.
        ("alicloud:pvtz/zoneRecord:ZoneRecord", {"rr": "api", "type": "CNAME", "value": "{host}"}),
        ("alicloud:pvtz/zoneRecord:ZoneRecord", {"rr": "api", "type": "A", "value": "{ip}"}),
        ("aws:route53/resolverFirewallRule:ResolverFirewallRule",
         {"action": "BLOCK", "block_response": "OVERRIDE", "block_override_domain": "{host}"}),
        ("aws:mskconnect/connector:Connector", {"connector_configuration": {"database.hostname": "{host}"}}),
        ("aws:mskconnect/connector:Connector", {"connector_configuration": {"snowflake.url.name": "{host}:443"}}),
        # API Gateway stage variables an integration takes its backend from (https://${stageVariables.backend}/).
        ("aws:apigateway/stage:Stage", {"stage_name": "prod", "variables": {"backend": "{host}"}}),
        # Its canary's overrides serve the canary's share of requests (stagehosts39, stop 39: unjudged before).
        ("aws:apigateway/stage:Stage", {"stage_name": "prod", "canary_settings": {
            "deployment_id": "d1", "percent_traffic": 10, "stage_variable_overrides": {"backend": "{host}"}}}),
        ("aws:apigatewayv2/stage:Stage", {"name": "prod", "stage_variables": {"orderService": "http://{ip}:8080"}}),
    ],
)  # fmt: skip
def test_destinations_under_documented_generic_keys(token: str, props: dict[str, Any]) -> None:
    def subject(host: str, ip: str) -> Subject:
        text = json.dumps(props).replace("{host}", host).replace("{ip}", ip)
        return Subject(token, "r", json.loads(text), provider("CN"))

    assert rule_ids("CN", subject("db.c1ab2cd3.cn-north-1.rds.amazonaws.com.cn", "10.20.0.2")) == set()
    assert rule_ids("CN", subject("nas.partner.example.com", "203.0.113.9")) == {"RES-015"}


def test_an_account_primary_contact_website_is_no_destination() -> None:
    # The primary contact's website is part of the owner's record (text_fields): never contacted, so not judged, while
    # a URL under a catalogued destination of the same kind of record (an alternate contact's e-mail) still is.
    contact = {"full_name": "Ops", "country_code": "US", "phone_number": "+12065550100",
               "website_url": "https://www.examplecorp.com"}  # fmt: skip
    assert rule_ids("EU", Subject("aws:account/primaryContact:PrimaryContact", "p", contact, provider("EU"))) == set()
    # The same key on another type is judged as a URL (the exemption is the primary contact's alone).
    other = {"website_url": "https://www.examplecorp.com"}
    assert rule_ids("EU", Subject("aws:account/alternativeContact:AlternativeContact", "a", other, provider("EU"))) == {
        "RES-015"
    }


@pytest.mark.parametrize(
    ("switch", "expected"),
    [
        (False, set()),  # opted out: nothing is sent to the Region
        ("false", set()),  # as a document may carry it
        (True, {"RES-009"}),  # opted in: the account's IAM resources are distributed there
        (None, {"RES-009"}),  # no switch given: not proven off
        ("[unknown]", {"RES-009"}),  # not known yet: judged
    ],
)
def test_an_account_region_is_judged_unless_switched_off(switch: object, expected: set[str]) -> None:
    props: dict[str, object] = {"region_name": "me-south-1"}
    if switch is not None:
        props["enabled"] = switch
    assert rule_ids("EU", Subject("aws:account/region:Region", "r", props, provider("EU"))) == expected
    # In the jurisdiction the switch does not matter; and only the catalogued type's switch turns a region off.
    assert rule_ids("EU", Subject("aws:account/region:Region", "r", {**props, "region_name": "eu-west-3"},
                                  provider("EU"))) == set()  # fmt: skip
    other = {"region_name": "me-south-1", "enabled": False}
    assert rule_ids("EU", Subject("aws:ssoadmin/region:Region", "r", other, provider("EU"))) == {"RES-009"}


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted({r for p in CATALOGUE.aws_partitions.values() for r in p.regions})),
    st.sampled_from(CODES),
    st.sampled_from([False, "false", " FALSE ", True, "true", None, "[unknown]"]),
)
def test_an_account_region_switch_is_read_exactly(region: str, code: str, switch: object) -> None:
    # Only a switch that says "off" (a bool, or its string as a document carries it) spares a region; any other switch
    # leaves it judged as a region field: refused exactly where the region is outside the jurisdiction.
    props: dict[str, object] = {"region_name": region}
    if switch is not None:
        props["enabled"] = switch
    off = switch is False or (isinstance(switch, str) and switch.strip().lower() == "false")
    inside = region in CATALOGUE.jurisdictions[code].aws.regions
    found = rule_ids(code, Subject("aws:account/region:Region", "r", props, provider(code)))
    assert found == (set() if off or inside else {"RES-009"}), (region, code, switch, found)


def test_a_cloud_wan_connect_peer_is_judged_by_its_appliance_address() -> None:
    # Cloud WAN is refused in CN as a service (aws-cloud-wan): its Connect peer is judged in EU, where
    # the core network may run, like a Transit Gateway Connect peer: a private appliance address passes.
    def peer(address: str) -> Subject:
        props = {
            "connect_attachment_id": "attachment-0a1b",
            "peer_address": address,
            "bgp_options": {"peer_asn": 65010},
        }
        return Subject("aws:networkmanager/connectPeer:ConnectPeer", "p", props, provider("EU"))

    assert rule_ids("EU", peer("10.40.0.10")) == set()
    assert rule_ids("EU", peer("203.0.113.40")) == {"RES-015"}


def test_stage_variables_that_name_no_host_and_a_containers_own_hostname_are_not_destinations() -> None:
    # Stage variables also hold Lambda function and alias names, versions: a bare word is no host. A container's own
    # `hostname` names the container, and plain `hostname` is not a host key (Debezium's `database.hostname` is).
    stage = {"stage_name": "prod", "variables": {"fn": "orders-handler", "alias": "prod", "version": "v2"}}
    assert rule_ids("EU", Subject("aws:apigateway/stage:Stage", "s", stage, provider("EU"))) == set()
    task = {"container_definitions": json.dumps([{"name": "a", "image": "nginx", "hostname": "app.fleet.example.com"}])}
    assert rule_ids("EU", Subject("aws:ecs/taskDefinition:TaskDefinition", "t", task, provider("EU"))) == set()
    # The wildcard is one key: a stage's own settings beside the variables are not judged as hosts.
    stage = {"stage_name": "api.partner.example.com", "variables": {"backend": "api.partner.example.com"}}
    findings, _ = ENGINES["EU"].check(Subject("aws:apigateway/stage:Stage", "s", stage, provider("EU")))
    assert [(f.rule.id, f.path) for f in findings] == [("RES-015", "variables.backend")]


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("alicloud:mns/topicSubscription:TopicSubscription", {"endpoint": "mail:directmail:ops@{host}"}),
        ("alicloud:message/serviceSubscription:ServiceSubscription", {"push_type": "email", "endpoint": "ops@{host}"}),
        ("alicloud:log/alert:Alert", {"notification_lists": [{"type": "Email", "email_lists": ["ops@{host}"]}]}),
        ("alicloud:cms/alarmContact:AlarmContact", {"channels_mail": "ops@{host}"}),
        # Cloud Firewall's alarm contacts and a SchedulerX job's (stop 33): alarms and reports by e-mail.
        ("alicloud:cloudfirewall/userAlarmConfig:UserAlarmConfig",
         {"contact_configs": [{"name": "soc", "email": "soc@{host}", "mobile_phone": "+8613800138000"}]}),
        ("alicloud:schedulerx/job:Job",
         {"job_name": "j", "job_monitor_info": {"contact_infos": [{"user_name": "ops", "user_mail": "ops@{host}"}]}}),
        # Message Center and Resource Directory message contacts: the account's subscribed messages by e-mail.
        ("alicloud:index/mscSubContract:MscSubContract",
         {"contact_name": "ops", "position": "Other", "mobile": "+8613800138000", "email": "ops@{host}"}),
        ("alicloud:resourcemanager/messageContact:MessageContact", {"message_contact_name": "ops",
            "title": "TechnicalDirector", "message_types": ["AccountExpenses"], "email_address": "ops@{host}"}),
        ("alicloud:eventbridge/rule:Rule", {"targets": [{"type": "acs.mail", "endpoint": "acs:mail:cn-shanghai:123",
            "param_lists": [{"resource_key": "ToAddress", "form": "CONSTANT", "value": "ops@{host}"}]}]}),
        # The policy pack sees the engine's camelCase keys.
        ("alicloud:eventbridge/rule:Rule", {"targets": [{"type": "acs.mail", "endpoint": "acs:mail:cn-shanghai:123",
            "paramLists": [{"resourceKey": "ToAddress", "form": "CONSTANT", "value": "ops@{host}"}]}]}),
    ],
)  # fmt: skip
def test_alibaba_mail_recipients_are_destinations(token: str, props: dict[str, Any]) -> None:
    def subject(host: str) -> Subject:
        return Subject(token, "r", json.loads(json.dumps(props).replace("{host}", host)), provider("CN", "alicloud"))

    assert rule_ids("CN", subject("dm.cn-hangzhou.aliyuncs.com")) == set()
    assert rule_ids("CN", subject("partner.example.com")) == {"RES-015"}


_WEBSITE = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration"
_REDIRECT_RULE = {"Condition": {"KeyPrefixEquals": "docs/"}, "Redirect": {"HostName": "{host}", "Protocol": "https"}}


@pytest.mark.parametrize(
    ("token", "props"),
    [
        (_WEBSITE, {"redirect_all_requests_to": {"host_name": "{host}", "protocol": "https"}}),
        (_WEBSITE, {"index_document": {"suffix": "index.html"}, "routing_rules": [
            {"condition": {"key_prefix_equals": "docs/"}, "redirect": {"host_name": "{host}"}}]}),
        (_WEBSITE, {"index_document": {"suffix": "index.html"}, "routing_rule_details": json.dumps([_REDIRECT_RULE])}),
        # The policy pack sees the engine's camelCase keys.
        (_WEBSITE, {"redirectAllRequestsTo": {"hostName": "{host}"}}),
        ("aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
         {"redirect_all_requests_to": {"host_name": "{host}"}}),
        ("aws:s3/bucket:Bucket", {"website": {"redirect_all_requests_to": "{host}"}}),
        ("aws:s3/bucket:Bucket", {"website": {"redirect_all_requests_to": "https://{host}"}}),
        ("aws:s3/bucket:Bucket", {"website": {"index_document": "index.html",
                                              "routing_rules": json.dumps([_REDIRECT_RULE])}}),
        ("aws:s3/bucketV2:BucketV2", {"websites": [{"redirect_all_requests_to": "{host}"}]}),
    ],
)  # fmt: skip
def test_a_static_websites_redirect_host_is_a_destination(token: str, props: dict[str, Any]) -> None:
    # Readers asking the bucket's website endpoint are redirected there, with the paths they asked for.
    def subject(code: str, host: str) -> Subject:
        text = json.dumps(props).replace("{host}", host)  # (the bucket itself is the stack's: not named here)
        return Subject(token, "r", json.loads(text), provider(code))

    assert rule_ids("CN", subject("CN", "d111abcdef8.cloudfront.cn")) == set()  # its CloudFront, in aws-cn
    assert rule_ids("CN", subject("CN", "fleet-site.s3-website.cn-north-1.amazonaws.com.cn")) == set()
    assert rule_ids("EU", subject("EU", "fleet-site.s3-website.eu-west-1.amazonaws.com")) == set()
    assert rule_ids("CN", subject("CN", "www.partner.example.com")) == {"RES-015"}
    assert rule_ids("EU", subject("EU", "www.partner.example.com")) == {"RES-015"}
    assert rule_ids("EU", subject("EU", "d111abcdef8.cloudfront.net")) == {"RES-016"}  # served from edges worldwide


@pytest.mark.parametrize(
    ("host", "expected"), [("static.example.cn", {"RES-015"}), ("oss-cn-shanghai.aliyuncs.com", set())]
)
def test_an_oss_websites_redirect_host_is_a_destination(host: str, expected: set[str]) -> None:
    rule = {"rule_number": 1, "redirect": {"redirect_type": "External", "host_name": host, "protocol": "https"}}
    props = {"bucket": "fleet-site", "routing_rules": {"routing_rules": [rule]}}
    website = Subject("alicloud:oss/bucketWebsite:BucketWebsite", "w", props, provider("CN", "alicloud"))
    assert rule_ids("CN", website) == expected


@pytest.mark.parametrize(("region", "expected"), [("cn-shanghai", set()), ("cn-hongkong", {"RES-009"})])
def test_an_eventbridge_target_parameter_is_judged_by_its_resource_key(region: str, expected: set[str]) -> None:
    # acs.eventbridge targets name the destination bus's region in a {resource_key: RegionId, value} pair.
    params = [{"resource_key": "RegionId", "form": "CONSTANT", "value": region},
              {"resource_key": "EventBusName", "form": "CONSTANT", "value": "default"}]  # fmt: skip
    target = {"type": "acs.eventbridge", "endpoint": "acs:eventbridge:cn-shanghai:123:eventbus/default"}
    props = {"targets": [{**target, "param_lists": params}]}
    subject = Subject("alicloud:eventbridge/rule:Rule", "r", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("alicloud:pvtz/rule:Rule", {"type": "OUTBOUND", "forward_ips": [{"ip": "{ip}", "port": 53}]}),
        ("alicloud:waf/domain:Domain", {"domain_name": "portal.example.cn", "source_ips": ["{ip}", "{host}"]}),
        ("alicloud:esa/originPool:OriginPool", {"origins": [{"name": "o", "address": "{host}", "type": "domain"}]}),
        ("alicloud:esa/transportLayerApplication:TransportLayerApplication",
         {"rules": [{"source": "{ip}", "source_type": "ip", "source_port": "22", "protocol": "TCP"}]}),
        ("alicloud:dns/addressPool:AddressPool", {"type": "IPV4", "addresses": [{"address": "{ip}", "mode": "SMART"}]}),
        ("alicloud:apig/service:Service", {"source_type": "DNS", "addresses": ["{host}:443"]}),
        ("alicloud:apig/service:Service", {"source_type": "VIP", "addresses": ["{ip}:8080"]}),
        ("alicloud:alidnscloudgtmaddress/alidnsCloudGtmAddress:AlidnsCloudGtmAddress",
         {"type": "domain", "address": "{host}", "name": "origin"}),
        # An API Gateway API's HTTP backend, written as a bare host or address with a port (no scheme).
        ("alicloud:apigateway/api:Api", {"service_type": "HTTP", "http_service_config": {"address": "{host}:8080",
         "method": "GET", "path": "/status", "timeout": 12}}),
        ("alicloud:apigateway/api:Api", {"service_type": "HTTP", "http_service_config": {"address": "{ip}:8080",
         "method": "GET", "path": "/status", "timeout": 12}}),
        # The policy pack sees the engine's camelCase keys.
        ("alicloud:apigateway/api:Api", {"serviceType": "HTTP", "httpServiceConfig": {"address": "{host}"}}),
        ("alicloud:waf/domain:Domain", {"domainName": "portal.example.cn", "sourceIps": ["{ip}", "{host}"]}),
        ("alicloud:pvtz/rule:Rule", {"type": "OUTBOUND", "forwardIps": [{"ip": "{ip}", "port": 53}]}),
    ],
)  # fmt: skip
def test_alibaba_origins_dns_answers_and_forwarders_are_destinations(token: str, props: dict[str, Any]) -> None:
    # Where WAF 2.0 and ESA forward every request (origins), where GTM's answers send clients, and where
    # PrivateZone forwards the zone's queries.
    def subject(host: str, ip: str) -> Subject:
        text = json.dumps(props).replace("{host}", host).replace("{ip}", ip)
        return Subject(token, "r", json.loads(text), provider("CN", "alicloud"))

    assert rule_ids("CN", subject("fleet-static.oss-cn-shanghai.aliyuncs.com", "10.20.0.2")) == set()
    assert rule_ids("CN", subject("origin.partner.example.com", "47.88.1.10")) == {"RES-015"}


def test_an_esa_layer_4_origin_named_by_pool_id_is_not_a_host() -> None:
    rules = [{"source": "1234567", "source_type": "OP", "source_port": "22", "edge_port": "22", "protocol": "TCP"}]
    token = "alicloud:esa/transportLayerApplication:TransportLayerApplication"
    assert rule_ids("CN", Subject(token, "ssh", {"rules": rules}, provider("CN", "alicloud"))) == set()


_AMQ = '<broker xmlns="http://activemq.apache.org/schema/core"><plugins><statisticsBrokerPlugin/></plugins>{}</broker>'


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        ("", set()),
        ('<networkConnectors><networkConnector uri="static:(ssl://mq.partner.example.com:61617)"/></networkConnectors>',
         {"RES-015"}),
    ],
)  # fmt: skip
def test_an_activemq_namespace_is_an_identifier_but_a_network_connector_is_a_destination(
    network: str, expected: set[str]
) -> None:
    props = {"name": "broker", "engine_type": "ActiveMQ", "data": _AMQ.format(network)}
    assert rule_ids("EU", Subject("aws:mq/configuration:Configuration", "mq", props, provider("EU"))) == expected


def test_alibaba_customer_gateway_address_is_a_destination() -> None:
    def subject(ip: str) -> Subject:
        token = "alicloud:vpn/customerGateway:CustomerGateway"
        return Subject(token, "cgw", {"ip_address": ip}, provider("CN", "alicloud"))

    assert rule_ids("CN", subject("10.20.0.1")) == set()
    assert rule_ids("CN", subject("47.88.1.10")) == {"RES-015"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("b-1.x.c2.kafka.cn-north-1.amazonaws.com.cn:9094,b-2.x.c2.kafka.cn-north-1.amazonaws.com.cn:9094", set()),
        ("10.20.1.5:9092, 10.20.2.5:9092", set()),
        ("b1.kafka.partner.example.com:9092,b2.kafka.partner.example.com:9092", {"RES-015"}),
        # A proven host first in the list must not hide the foreign one after it.
        ("b-1.x.c2.kafka.cn-north-1.amazonaws.com.cn:9094,kafka.partner.example.com:9092", {"RES-015"}),
        ("b-1.x.c2.kafka.cn-north-1.amazonaws.com.cn:9094 b-2.x.c2.kafka.ap-east-1.amazonaws.com:9094", {"RES-006"}),
    ],
)
def test_every_host_in_a_list_under_a_host_key_is_judged(value: str, expected: set[str]) -> None:
    props = {"self_managed_event_source": {"endpoints": {"KAFKA_BOOTSTRAP_SERVERS": value}}}
    subject = Subject("aws:lambda/eventSourceMapping:EventSourceMapping", "esm", props, provider("CN"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://sqs.cn-north-1.amazonaws.com.cn/1/intake, 10.20.1.5", set()),
        ("10.20.1.5 https://sqs.cn-north-1.amazonaws.com.cn/1/intake", set()),
        # A bare host beside a URL, before or after it, is judged, not hidden by the URL.
        ("intake.partner.example.com,https://sqs.cn-north-1.amazonaws.com.cn/1/intake", {"RES-015"}),
        ("https://sqs.cn-north-1.amazonaws.com.cn/1/intake intake.partner.example.com", {"RES-015"}),
        ("https://sqs.cn-north-1.amazonaws.com.cn/1/intake;ops@partner.example.com", {"RES-015"}),
        ("sqs.us-east-1.amazonaws.com, https://sqs.cn-north-1.amazonaws.com.cn/1/intake", {"RES-006"}),
        # What follows a URL's authority across commas or semicolons is the URL's own: more hosts of a
        # multi-host connection string (judged by the URL scan), JDBC properties, a query's values.
        ("mongodb://db-1.cn-north-1.docdb.amazonaws.com.cn:27017,db-2.partner.example.com:27017/fleet", {"RES-015"}),
        ("jdbc:sqlserver://db.c1ab2cd3.cn-north-1.rds.amazonaws.com.cn:1433;databaseName=fleet;encrypt=true", set()),
        ("https://sqs.cn-north-1.amazonaws.com.cn/1/intake?attributes=1,2", set()),
        # Dotted query (or fragment) values across commas are the URL's too, not hosts beside it ...
        ("https://vpc-logs.cn-north-1.es.amazonaws.com.cn/fleet/_search?_source_includes=vehicle.vin,vehicle.model",
         set()),
        ("https://sqs.cn-north-1.amazonaws.com.cn/1/intake#fields=vehicle.vin;vehicle.model", set()),
        # ... while a host after whitespace, or after a path without a query, is still judged.
        ("https://sqs.cn-north-1.amazonaws.com.cn/1/intake?attributes=1,2 intake.partner.example.com", {"RES-015"}),
        ("https://sqs.cn-north-1.amazonaws.com.cn/1/intake,intake.partner.example.com", {"RES-015"}),
    ],
)  # fmt: skip
def test_a_host_list_mixing_urls_and_bare_hosts_judges_every_item(value: str, expected: set[str]) -> None:
    subject = Subject("aws:lambda/function:Function", "f", {"endpoint": value}, provider("CN"))
    assert rule_ids("CN", subject) == expected


# Mutation search round 15 (stop 45): a bare host whose last labels only look like a cloud suffix is a name under
# another registrable domain (`eu-west-1-amazonaws.com`, `log-aliyuncs.com`), which anyone may hold. The reference
# prefilter took the suffix inside it for a cloud host, the scan (a dot before the suffix) found none, and the value
# passed unjudged under a host key; the same host in a URL was refused. Real host / lookalike pairs.
_FLUENT_BIT = "[OUTPUT]\n    Name http\n    Match *\n    Host {}\n    Port 8443\n"


@pytest.mark.parametrize(
    ("code", "token", "inputs", "real", "lookalike"),
    [
        ("EU", "aws:lambda/function:Function", "SEARCH_HOST", "vpc-logs-3kx7.eu-west-1.es.amazonaws.com",
         "vpc-logs-3kx7.eu-west-1.es-amazonaws.com"),
        ("US", "aws:lambda/function:Function", "SEARCH_HOST", "vpc-logs-3kx7.us-east-1.es.amazonaws.com",
         "vpc-logs-3kx7.us-east-1.esamazonaws.com"),
        ("CN", "aws:lambda/function:Function", "SEARCH_HOST", "vpc-logs-3kx7.cn-north-1.es.amazonaws.com.cn",
         "vpc-logs-3kx7.cn-north-1.es-amazonaws.com.cn"),
        ("CN", "alicloud:fc/v3Function:V3Function", "SLS_HOST", "cn-shanghai-intranet.log.aliyuncs.com",
         "cn-shanghai-intranet.log-aliyuncs.com"),
        ("JP", "alicloud:fc/v3Function:V3Function", "SLS_HOST", "ap-northeast-1-intranet.log.aliyuncs.com",
         "ap-northeast-1-intranet.logaliyuncs.com"),
        ("EU", "aws:ssm/parameter:Parameter", "fluent-bit",
         "internal-collector-0a1b.elb.eu-west-1.amazonaws.com", "internal-collector-0a1b.elb.eu-west-1-amazonaws.com"),
        ("JP", "aws:lambda/function:Function", "ALERT_HOST", "email-smtp.ap-northeast-1.amazonaws.com",
         "email-smtp.ap-northeast-1-amazonaws.com:587"),
    ],
)  # fmt: skip
def test_a_host_whose_last_labels_only_look_like_a_cloud_suffix_is_unproven(
    code: str, token: str, inputs: str, real: str, lookalike: str
) -> None:
    cloud: Cloud = "alicloud" if token.startswith("alicloud:") else "aws"

    def subject(host: str) -> Subject:
        if inputs == "fluent-bit":
            props: dict[str, Any] = {"name": "/fleet/fluent-bit/conf", "value": _FLUENT_BIT.format(host)}
        elif cloud == "alicloud":
            props = {"environment_variables": {inputs: host}}
        else:
            props = {"environment": {"variables": {inputs: host}}}
        return Subject(token, "r", props, provider(code, cloud))

    assert rule_ids(code, subject(real)) == set()
    findings, _ = ENGINES[code].check(subject(lookalike))
    assert {f.rule.id for f in findings} == {"RES-015"}
    host = lookalike.rsplit(":", 1)[0]
    assert findings[0].detail.startswith(f"{host} is a host under no catalogued cloud suffix; nothing proves it is in")


@pytest.mark.parametrize(
    ("token", "path"),
    [
        ("aws:lambda/function:Function", "environment.variables"),
        ("alicloud:fc/v3Function:V3Function", "environment_variables"),
        ("aws:apprunner/service:Service",
         "source_configuration.image_repository.image_configuration.runtime_environment_variables"),
        ("aws:glue/job:Job", "default_arguments"),
        ("aws:cloudformation/stack:Stack", "parameters"),
        ("aws:cloudformation/stackSet:StackSet", "parameters"),
        ("aws:serverlessrepository/cloudFormationStack:CloudFormationStack", "parameters"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("name", ["DESCRIPTION", "TAGS", "LABELS", "description"])
def test_a_variable_named_like_free_text_is_still_judged(token: str, path: str, name: str) -> None:
    # The free-text exemption is for a resource's own fields; in a map of names the user chose, a
    # variable called DESCRIPTION is a variable and its value is judged.
    cloud: Cloud = "alicloud" if token.startswith("alicloud") else "aws"

    def subject(value: str) -> Subject:
        inner: Any = {name: value}
        for key in reversed(path.split(".")):
            inner = {key: inner}
        return Subject(token, "r", inner, provider("CN", cloud))

    assert rule_ids("CN", subject("https://intake.cn-north-1.amazonaws.com.cn/fleet")) == set()
    assert rule_ids("CN", subject("https://intake.partner.example.com/fleet")) == {"RES-015"}


@pytest.mark.parametrize(
    ("name", "inside", "foreign", "expected"),
    [
        ("DB_HOST", "10.20.0.8:3306", "db.partner.example.com", "RES-015"),
        ("EXPORT_REGION", "cn-shanghai", "ap-southeast-1", "RES-009"),
    ],
)
def test_a_key_value_environment_entry_is_judged_under_its_key(
    name: str, inside: str, foreign: str, expected: str
) -> None:
    def subject(value: str) -> Subject:
        env = [{"key": name, "value": value}, {"key": "LOG_LEVEL", "value": "info"}]
        props = {"containers": [{"name": "exporter", "image": "exporter:1.4", "environment_vars": env}]}
        return Subject("alicloud:eci/containerGroup:ContainerGroup", "g", props, provider("CN", "alicloud"))

    assert rule_ids("CN", subject(inside)) == set()
    assert rule_ids("CN", subject(foreign)) == {expected}


@pytest.mark.parametrize(
    ("token", "path"),
    [
        ("alicloud:ros/stack:Stack", "parameters"),
        ("alicloud:ros/stackGroup:StackGroup", "parameters"),
        ("alicloud:ros/stackInstance:StackInstance", "parameter_overrides"),
    ],
)
@pytest.mark.parametrize(
    ("name", "inside", "foreign", "expected"),
    [
        ("ExportHost", "oss-cn-shanghai-internal.aliyuncs.com", "intake.partner.example.com", "RES-015"),
        ("ReplicaRegion", "cn-beijing", "us-west-1", "RES-009"),
    ],
)
@pytest.mark.parametrize("camel", [False, True])
def test_a_ros_stack_parameter_is_judged_under_its_name(
    token: str, path: str, name: str, inside: str, foreign: str, expected: str, camel: bool
) -> None:
    # user_keyed_fields (since stop 34): a ROS {parameter_key, parameter_value} entry (parameterKey in the engine's
    # documents) is classified by its parameter's name, as a CloudFormation stack's parameters map is.
    key, value = ("parameterKey", "parameterValue") if camel else ("parameter_key", "parameter_value")

    def subject(given: str) -> Subject:
        pairs = [{key: name, value: given}, {key: "InstanceType", value: "ecs.g7.large"}]
        return Subject(token, "s", {path: pairs}, provider("CN", "alicloud"))

    assert rule_ids("CN", subject(inside)) == set()
    assert rule_ids("CN", subject(foreign)) == {expected}


@pytest.mark.parametrize(
    ("token", "extra"),
    [
        ("alicloud:eci/containerGroup:ContainerGroup", {"vswitch_id": "vsw-1"}),
        ("alicloud:ess/eciScalingConfiguration:EciScalingConfiguration", {"scaling_group_id": "asg-1"}),
    ],
)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OSS_ENDPOINT=oss-cn-shanghai-internal.aliyuncs.com\n", set()),
        ("LOG_LEVEL=info\nEXPORT_HOST=intake.partner.example.com\n", {"RES-015"}),
        ("export_url = https://intake.partner.example.com/v1\n", {"RES-015"}),
        ("export AWS_REGION=us-east-1\n", {"RES-009"}),
    ],
)
def test_an_eci_config_file_is_decoded_and_read(
    token: str, extra: dict[str, Any], text: str, expected: set[str]
) -> None:
    # script_fields (since stop 34): a ConfigFile volume's content is the file, Base64-encoded (CreateContainerGroup).
    content = base64.b64encode(text.encode()).decode()
    volume = {"name": "env", "type": "ConfigFileVolume",
              "config_file_volume_config_file_to_paths": [{"path": "app.env", "content": content}]}  # fmt: skip
    subject = Subject(token, "g", {**extra, "volumes": [volume]}, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("cloud", "default", "given", "expected"),
    [
        ("aws", "cn-northwest-1", None, set()),
        ("aws", "us-west-2", None, {"RES-009"}),
        ("aws", "us-west-2", "cn-northwest-1", set()),  # the stack gives the parameter: its default is not used
        ("aws", "cn-north-1", "us-west-2", {"RES-009"}),
        ("alicloud", "cn-beijing", None, set()),
        ("alicloud", "eu-central-1", None, {"RES-009"}),
        ("alicloud", "eu-central-1", "cn-beijing", set()),
        ("alicloud", "cn-beijing", "ap-southeast-1", {"RES-009"}),
    ],
)
def test_a_templates_region_field_given_by_a_parameter_is_judged(
    cloud: Cloud, default: str, given: str | None, expected: set[str]
) -> None:
    # Since stop 34: a region field that is a Parameter's Ref is the value the stack gives it, else its Default. The
    # parameter is named `Target` so that only its use, not its name, says it is a region.
    field = {"aws": ("AWS::DynamoDB::GlobalTable", "Replicas", "Region"),
             "alicloud": ("ALIYUN::ECS::CopyImage", None, "DestinationRegionId")}[cloud]  # fmt: skip
    kind, outer, key = field
    props: dict[str, Any] = {key: {"Ref": "Target"}}
    resources = {"R": {"Type": kind, "Properties": {outer: [props]} if outer else props}}
    stack = _typed_stack(resources, "CN", cloud, Parameters={"Target": {"Type": "String", "Default": default}})
    if given is not None:
        parameters = {"Target": given} if cloud == "aws" else [{"parameterKey": "Target", "parameterValue": given}]
        stack = stack._replace(props={**stack.props, "parameters": parameters})
    assert rule_ids("CN", stack) == expected


@pytest.mark.parametrize("cloud", ["aws", "alicloud"])
@pytest.mark.parametrize(
    ("region", "given", "expected"),
    [
        ({"Ref": "Target"}, None, {"RES-011"}),  # no Default, nothing given: whatever the deployer passes
        ({"Ref": "Target"}, "home", set()),  # the stack gives its own Region
        ({"Ref": "Target"}, "abroad", {"RES-009"}),
        ({"Ref": "<pseudo>"}, None, set()),  # the stack's own Region, no Parameter
    ],
)
def test_a_templates_region_field_from_a_parameter_with_no_value_is_refused(
    cloud: Cloud, region: dict[str, str], given: str | None, expected: set[str]
) -> None:
    # The lead, stop 49 (stackset49's probe): a region field whose Parameter has no Default and is given nothing the
    # engine can read passed unjudged; the deployer's value is the Region, so nothing proves it resident.
    kind, outer, key = {"aws": ("AWS::DynamoDB::GlobalTable", "Replicas", "Region"),
                        "alicloud": ("ALIYUN::ECS::CopyImage", None, "DestinationRegionId")}[cloud]  # fmt: skip
    pseudo = {"aws": "AWS::Region", "alicloud": "ALIYUN::Region"}[cloud]
    props: dict[str, Any] = {key: {"Ref": pseudo} if region["Ref"] == "<pseudo>" else region}
    resources = {"R": {"Type": kind, "Properties": {outer: [props]} if outer else props}}
    stack = _typed_stack(resources, "CN", cloud, Parameters={"Target": {"Type": "String"}})
    if given is not None:
        value = {"home": {"aws": "cn-northwest-1", "alicloud": "cn-beijing"},
                 "abroad": {"aws": "us-west-2", "alicloud": "ap-southeast-1"}}[given][cloud]  # fmt: skip
        parameters = {"Target": value} if cloud == "aws" else [{"parameterKey": "Target", "parameterValue": value}]
        stack = stack._replace(props={**stack.props, "parameters": parameters})
    assert rule_ids("CN", stack) == expected


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ({"Fn::If": ["Dr", "cn-beijing", "cn-hangzhou"]}, set()),
        ({"Fn::If": ["Dr", "us-west-1", "cn-beijing"]}, {"RES-009"}),
        ({"Fn::If": ["Dr", {"Ref": "ALIYUN::Region"}, "cn-beijing"]}, set()),
        ({"Fn::If": ["Dr", {"Ref": "Target"}, "cn-beijing"]}, {"RES-009"}),  # the Parameter's Default, us-west-1
        ({"Fn::Select": ["1", ["cn-beijing", "ap-southeast-1"]]}, {"RES-009"}),
        ({"Fn::Select": ["0", ["cn-beijing", "cn-hangzhou"]]}, set()),
    ],
)
def test_a_templates_region_field_given_by_a_choice_is_judged_as_each_value(region: Any, expected: set[str]) -> None:
    # Since stop 34: an Fn::If / Fn::Select as a whole region field is each value it may give.
    resources = {
        "R": {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-1", "DestinationRegionId": region}}
    }
    extra = {"Parameters": {"Target": {"Type": "String", "Default": "us-west-1"}},
             "Conditions": {"Dr": {"Fn::Equals": ["a", "a"]}}}  # fmt: skip
    assert rule_ids("CN", _typed_stack(resources, "CN", "alicloud", **extra)) == expected


@pytest.mark.parametrize(
    ("token", "default", "given", "expected"),
    [
        ("alicloud:oos/template:Template", "cn-beijing", None, set()),
        ("alicloud:oos/template:Template", "eu-central-1", None, {"RES-009"}),
        ("alicloud:oos/execution:Execution", "eu-central-1", "cn-beijing", set()),
        ("alicloud:oos/execution:Execution", "cn-beijing", "ap-southeast-1", {"RES-009"}),
    ],
)
@pytest.mark.parametrize("yaml_form", [False, True])
def test_an_oos_templates_region_placeholder_is_judged(
    token: str, default: str, given: str | None, expected: set[str], yaml_form: bool
) -> None:
    # placeholder_documents (since stop 34): `{{ target }}` under a region field is the execution's value, else the
    # parameter's Default; `{{ ACS::RegionId }}` is the execution's own region (its provider's, judged there).
    document = {
        "FormatVersion": "OOS-2019-06-01",
        "Parameters": {"target": {"Type": "String", "Default": default}},
        "Tasks": [{"Name": "copy", "Action": "ACS::ExecuteApi", "Properties": {"Service": "ECS", "API": "CopyImage",
                   "Parameters": {"RegionId": "{{ ACS::RegionId }}", "DestinationRegionId": "{{ target }}"}}}],
    }  # fmt: skip
    text = yaml.safe_dump(document) if yaml_form else json.dumps(document)
    key = "content" if token.endswith("Template") else "template_content"
    props: dict[str, Any] = {key: text}
    if given is not None:
        props["parameters"] = json.dumps({"target": given})
    assert rule_ids("CN", Subject(token, "t", props, provider("CN", "alicloud"))) == expected


@pytest.mark.parametrize(
    ("default", "expected"),
    [
        ("10.20.0.8", set()),
        ("backup.partner.example.com", {"RES-015"}),
        (None, set()),  # no Default and none given: the placeholder stays as written, naming nothing
    ],
)
def test_an_oos_templates_placeholders_are_filled_in_before_it_is_read(default: str | None, expected: set[str]) -> None:
    # placeholder_documents: every {{ name }} of a declared parameter (in a script too) is what the template runs with;
    # the declarations themselves are not read as a task's request.
    declared: dict[str, Any] = {"Type": "String"} if default is None else {"Type": "String", "Default": default}
    document = {
        "FormatVersion": "OOS-2019-06-01",
        "Parameters": {"backupHost": declared},
        "Tasks": [{"Name": "copy", "Action": "ACS::ECS::RunCommand", "Properties": {
            "regionId": "{{ ACS::RegionId }}", "commandType": "RunShellScript",
            "commandContent": "rsync -a /var/spool/ backup@{{ backupHost }}:/srv/spool/"}}],
    }  # fmt: skip
    subject = Subject(
        "alicloud:oos/template:Template", "t", {"content": json.dumps(document)}, provider("CN", "alicloud")
    )
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("code", "region", "script", "expected"),
    [
        ("CN", "cn-hangzhou", "-e https://oss-{{ ACS::RegionId }}-internal.aliyuncs.com", set()),
        ("CN", "cn-hangzhou", "-e https://oss-{{ endpointRegion }}-internal.aliyuncs.com", set()),
        ("JP", "ap-northeast-1", "-e oss-{{ACS::RegionId}}-internal.aliyuncs.com", set()),
        ("CN", "cn-hangzhou", "-e https://oss-{{ abroad }}-internal.aliyuncs.com", {"RES-006"}),
        # The provider's region is not proven (none pinned, or not a plain value): the placeholder stays as written.
        ("CN", None, "-e https://oss-{{ ACS::RegionId }}-internal.aliyuncs.com", {"RES-015"}),
        # Another spelling is not OOS's placeholder: left as written, unproven.
        ("CN", "cn-hangzhou", "-e https://oss-{{ acs::regionid }}-internal.aliyuncs.com", {"RES-015"}),
    ],
)  # fmt: skip
@pytest.mark.parametrize("token", ["alicloud:oos/template:Template", "alicloud:oos/execution:Execution"])
def test_an_oos_templates_region_id_is_the_executions_own_region(
    code: str, region: str | None, script: str, expected: set[str], token: str
) -> None:
    # False-alarm review of stop 34's second round: OOS templates and executions are regional
    # (acs:oos:<region>:<account>:template/<name>) and `{{ ACS::RegionId }}` is the region they run in (Cloud
    # Assistant's built-in parameter of the same name: "the region ID"); a parameter's Default may name it too.
    document = {
        "FormatVersion": "OOS-2019-06-01",
        "Parameters": {"endpointRegion": {"Type": "String", "Default": "{{ ACS::RegionId }}"},
                       "abroad": {"Type": "String", "Default": "ap-southeast-1"}},
        "Tasks": [{"Name": "upload", "Action": "ACS::ECS::RunCommand", "Properties": {
            "regionId": "{{ ACS::RegionId }}", "commandType": "RunShellScript", "instanceId": "i-fleet0001",
            "commandContent": f"ossutil cp -r /var/spool/ oss://fleet-spool/ {script}"}}],
    }  # fmt: skip
    key = "content" if token.endswith("Template") else "template_content"
    subject = Subject(token, "t", {key: json.dumps(document)}, ProviderRef("alicloud", "p", region))
    found = rule_ids(code, subject) - {"RES-017"}  # the bucket is not made here; judged as in the realistic programs
    assert found == expected


_SUB_TEMPLATE = {
    "ROSTemplateFormatVersion": "2015-09-01",
    "Parameters": {"SinkHost": {"Type": "String", "Default": "10.20.0.8"},
                   "OssRegion": {"Type": "String", "Default": "cn-hangzhou"}},
    "Resources": {"Uploader": {"Type": "ALIYUN::ECS::Instance", "Properties": {"ImageId": "m-1", "UserData": {
        "Fn::Sub": "#!/bin/sh\ncurl -T spool.tar https://${SinkHost}/in\nossutil ls -e "
                   "https://oss-${OssRegion}-internal.aliyuncs.com\n"}}}},
}  # fmt: skip


@pytest.mark.parametrize(
    ("given", "sub", "expected"),
    [
        (None, None, set()),  # each Default is what runs
        ([("SinkHost", "10.20.0.9")], None, set()),
        ([("SinkHost", "sink.partner.example.com")], None, {"RES-015"}),  # the stack's value wins over the Default
        ([("OssRegion", "cn-beijing")], None, set()),
        # A variable map's own name shadows the Parameter inside that Fn::Sub: its value is judged instead.
        (None, {"SinkHost": "sink.partner.example.com"}, {"RES-015"}),
    ],
)  # fmt: skip
def test_a_parameter_inside_an_fn_sub_is_the_stacks_value_or_its_default(
    given: list[tuple[str, str]] | None, sub: dict[str, str] | None, expected: set[str]
) -> None:
    # False-alarm review of stop 34's second round: `https://oss-${OssRegion}-internal.aliyuncs.com` was unproven
    # (RES-015) whatever the Parameter's value; it is read as the value the stack gives it, else its Default.
    document = json.loads(json.dumps(_SUB_TEMPLATE))
    user_data = document["Resources"]["Uploader"]["Properties"]["UserData"]
    if sub is not None:
        user_data["Fn::Sub"] = [user_data["Fn::Sub"], sub]
    props: dict[str, Any] = {"template_body": json.dumps(document)}
    if given is not None:
        props["parameters"] = [{"parameter_key": k, "parameter_value": v} for k, v in given]
    subject = Subject("alicloud:ros/stack:Stack", "s", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


def test_a_parameter_inside_a_stack_groups_fn_sub_stays_unproven() -> None:
    # A stack group's (or StackSet's) instances may each override the Parameter; overrides are not joined to the
    # template, so its Default proves nothing there (fail closed, as before this review).
    subject = Subject(
        "alicloud:ros/stackGroup:StackGroup",
        "g",
        {"template_body": json.dumps(_SUB_TEMPLATE)},
        provider("CN", "alicloud"),
    )
    assert rule_ids("CN", subject) == {"RES-015"}


def test_a_parameter_inside_an_fn_sub_with_no_value_or_escaped_stays_unproven() -> None:
    # No Default and none given, or `${!Name}` (a literal "${Name}" in the text): nothing proves where it points.
    document = json.loads(json.dumps(_SUB_TEMPLATE))
    del document["Parameters"]["SinkHost"]["Default"]
    subject = Subject(
        "alicloud:ros/stack:Stack", "s", {"template_body": json.dumps(document)}, provider("CN", "alicloud")
    )
    assert rule_ids("CN", subject) == {"RES-015"}
    escaped = json.loads(json.dumps(_SUB_TEMPLATE))
    props = escaped["Resources"]["Uploader"]["Properties"]
    props["UserData"]["Fn::Sub"] = props["UserData"]["Fn::Sub"].replace("${OssRegion}", "${!OssRegion}")
    subject = Subject(
        "alicloud:ros/stack:Stack", "s", {"template_body": json.dumps(escaped)}, provider("CN", "alicloud")
    )
    assert rule_ids("CN", subject) == {"RES-015"}


def _nested(child: dict[str, Any], given: dict[str, Any] | None = None, *, text: bool = False) -> dict[str, Any]:
    properties: dict[str, Any] = {"TemplateBody": json.dumps(child) if text else child}
    if given is not None:
        properties["Parameters"] = given
    return {"ROSTemplateFormatVersion": "2015-09-01",
            "Parameters": {"ParentSink": {"Type": "String", "Default": "sink.partner.example.com"},
                           "ParentRegion": {"Type": "String", "Default": "cn-beijing"}},
            "Resources": {"Child": {"Type": "ALIYUN::ROS::Stack", "Properties": properties}}}  # fmt: skip


@pytest.mark.parametrize("text", [False, True])
@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, set()),  # the child's Defaults
        ({"SinkHost": "10.20.0.9"}, set()),
        ({"SinkHost": "sink.partner.example.com"}, {"RES-015"}),  # the parent's value wins over the child's Default
        ({"OssRegion": "ap-southeast-1"}, {"RES-006", "RES-009"}),  # the endpoint, and the value by its name
        # A Parameter's Ref under a host key is unproven anywhere in a template (as before).
        ({"SinkHost": {"Ref": "ParentSink"}}, {"RES-015"}),
        ({"OssRegion": {"Ref": "ParentRegion"}}, set()),  # the parent's Parameter, read as its Default
        ({"OssRegion": {"Ref": "ALIYUN::Region"}}, set()),  # the parent's own region (cn-hangzhou)
        # A value not known here (another resource's attribute): the child's Default is not assumed.
        ({"SinkHost": {"Fn::GetAtt": ["Queue", "Endpoint"]}}, {"RES-015"}),
    ],
)  # fmt: skip
def test_a_nested_ros_stacks_template_is_judged_as_a_template(
    given: dict[str, Any] | None, expected: set[str], text: bool
) -> None:
    # Leftovers review of stop 35: an ALIYUN::ROS::Stack's TemplateBody (a map or its text) was walked as text, so a
    # Parameter in its Fn::Sub stayed unproven whatever its value (RES-015); it is a template in its parent's region.
    subject = Subject(
        "alicloud:ros/stack:Stack",
        "s",
        {"template_body": json.dumps(_nested(_SUB_TEMPLATE, given, text=text))},
        provider("CN", "alicloud"),
    )
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("token", "scope", "expected"),
    [
        ("alicloud:ros/stack:Stack", "overseas", {"RES-016"}),
        ("alicloud:ros/stack:Stack", "domestic", set()),
        ("alicloud:ros/stackGroup:StackGroup", "global", {"RES-016"}),
        ("alicloud:ros/template:Template", "overseas", {"RES-016"}),
        ("alicloud:ros/template:Template", "domestic", set()),
    ],
)
def test_a_nested_ros_stacks_cdn_scope_is_judged(token: str, scope: str, expected: set[str]) -> None:
    # An overseas CDN Scope in a nested stack's template passed every front door before stop 35 (a leak).
    child = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"Cdn": {"Type": "ALIYUN::CDN::Domain",
             "Properties": {"DomainName": "dl.fleet.example.cn", "CdnType": "download", "Scope": scope}}}}  # fmt: skip
    root = _nested(child)
    grandchild = _nested(root)  # nested twice: each level is a template
    for document in (root, grandchild):
        subject = Subject(token, "s", {"template_body": json.dumps(document)}, provider("CN", "alicloud"))
        assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("default", "place", "expected"),
    [
        ("cn-hangzhou", "{{ ACS::RegionId }}", set()),  # the stack's own region (its provider's, pinned, in CN)
        ("cn-hangzhou", "{{ logRegion }}", set()),
        ("ap-southeast-1", "{{ logRegion }}", {"RES-006"}),  # the Default abroad, as at the top level
    ],
)
@pytest.mark.parametrize("text", [False, True])
def test_an_oos_template_in_a_ros_template_is_filled_as_oos_templates_are(
    default: str, place: str, expected: set[str], text: bool
) -> None:
    # Leftovers review of stop 35: an ALIYUN::OOS::Template's Content was walked as text, every placeholder in a URL
    # unproven (RES-015); it is filled as the same template made in Pulumi (placeholder_documents) is.
    runbook = {"FormatVersion": "OOS-2019-06-01",
               "Parameters": {"logRegion": {"Type": "String", "Default": default}},
               "Tasks": [{"Name": "ship", "Action": "ACS::ECS::RunCommand", "Properties": {
                   "regionId": "{{ ACS::RegionId }}", "instanceId": "i-1", "commandType": "RunShellScript",
                   "commandContent": f"curl -T l.tgz https://logs.oss-{place}-internal.aliyuncs.com/d/"}}]}  # fmt: skip
    content: Any = json.dumps(runbook) if text else runbook
    root = {"ROSTemplateFormatVersion": "2015-09-01",
            "Resources": {"Ship": {"Type": "ALIYUN::OOS::Template", "Properties": {"Content": content}}}}  # fmt: skip
    subject = Subject("alicloud:ros/stack:Stack", "s", {"template_body": json.dumps(root)}, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


_REPLICA_TEMPLATES = {
    "aws": ("aws:cloudformation/stack:Stack", "EU", "AWSTemplateFormatVersion: '2010-09-09'\n"
            "Parameters:\n  Replica:\n    Type: String\n    Default: {default}\n"
            "Resources:\n  Trips:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n"
            "      Replicas:\n        - Region: !Ref Replica\n"),
    "alicloud": ("alicloud:ros/stack:Stack", "CN", json.dumps({
        "ROSTemplateFormatVersion": "2015-09-01", "Parameters": {"Replica": {"Type": "String", "Default": "{default}"}},
        "Resources": {"Copy": {"Type": "ALIYUN::ECS::CopyImage", "Properties": {
            "ImageId": "m-1", "DestinationRegionId": {"Ref": "Replica"}}}}})),
}  # fmt: skip


@pytest.mark.parametrize("cloud", ["aws", "alicloud"])
@pytest.mark.parametrize("default_inside", [True, False])
def test_a_parameter_given_a_value_not_known_yet_is_deferred_not_its_default(
    cloud: Cloud, default_inside: bool
) -> None:
    # Leftovers review of stop 35: a CloudFormation map's unknown value fell back to the Default at a whole region field
    # (a foreign Default refused a program whose value resolves in-country; an in-country Default proved a value that
    # resolves abroad), a ROS pair's was not judged at all. Both now defer the value to where it is used.
    token, code, template = _REPLICA_TEMPLATES[cloud]
    regions = sorted(CATALOGUE.jurisdictions[code].regions(cloud))
    default = regions[0] if default_inside else "ap-southeast-1"
    pending = object()
    given: Any = {"Replica": pending}
    if cloud == "alicloud":
        given = [{"parameter_key": "Replica", "parameter_value": pending}]
    props = {"template_body": template.replace("{default}", default), "parameters": given}
    subject = Subject(token, "s", props, provider(code, cloud))
    findings, waiting = ENGINES[code].check(subject, defer=lambda v: v is pending)
    assert findings == []
    region_fields = [w for w in waiting if w.place.keys[-1] in ("region", "destination_region_id")]
    assert len(region_fields) == 1, [w.place for w in waiting]
    # Once known, the value is judged where the template uses it (a Parameter named `Replica` says no region).
    place = region_fields[0].place
    assert {f.rule.id for f in ENGINES[code].check_value(subject, place, "ap-southeast-1")} == {"RES-009"}
    assert ENGINES[code].check_value(subject, place, regions[-1]) == []


@pytest.mark.parametrize(
    ("code", "line", "expected"),
    [
        ("EU", "aws ec2 create-subnet --vpc-id vpc-1 --availability-zone-id euw2-az1", {"RES-008"}),
        ("EU", "aws ec2 create-subnet --vpc-id vpc-1 --availability-zone-id euc1-az2", set()),
        ("EU", "aws ec2 create-subnet --vpc-id vpc-1 --availability-zone=euw2-az1", {"RES-008"}),
        ("EU", "aws ec2 create-volume --size 8 --availability-zone eu-west-2a", {"RES-008"}),
        ("EU", "aws ec2 create-volume --size 8 --availability-zone eu-central-1a", set()),
        ("EU", "aws ec2 create-volume --size 8 --availability-zone $AZ", set()),  # a variable: no zone shape
        ("US", "aws ec2 create-subnet --vpc-id vpc-1 --availability-zone-id cac1-az1", {"RES-008"}),
        ("US", "aws ec2 create-subnet --vpc-id vpc-1 --availability-zone-id use1-az4", set()),
        ("CN", "aws ec2 create-subnet --vpc-id vpc-1 --availability-zone cn-north-1a", set()),
    ],
)  # fmt: skip
def test_a_cloud_clis_zone_option_in_a_script_is_a_zone_field(code: str, line: str, expected: set[str]) -> None:
    # Leftovers review of stop 35 (left open by mutation search round 6): a zone id in a script was not read, and a
    # zone name after the aws CLI's --availability-zone passed too (script_commands aws-zone).
    subject = Subject("aws:ec2/instance:Instance", "vm", {"ami": "ami-1", "user_data": f"#!/bin/sh\n{line}\n"},
                      provider(code))  # fmt: skip
    assert rule_ids(code, subject) == expected


_API_DESTINATION = (
    "arn:aws:events:eu-central-1:123456789012:api-destination/intake/0f4e7d5c-1a2b-4c3d-8e9f-001122334455"
)


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("aws:pipes/pipe:Pipe", {"target": _API_DESTINATION, "target_parameters": {"http_parameters": {
            "header_parameters": {"Host": "intake.partner.example.com"}}}}),
        ("aws:pipes/pipe:Pipe", {"target": _API_DESTINATION, "enrichment": _API_DESTINATION, "enrichment_parameters": {
            "http_parameters": {"header_parameters": {"Host": "intake.partner.example.com"}}}}),
        ("aws:cloudwatch/eventTarget:EventTarget", {"rule": "alerts", "arn": _API_DESTINATION, "http_target": {
            "header_parameters": {"Host": "intake.partner.example.com"}}}),
    ],
)  # fmt: skip
def test_an_eventbridge_http_header_names_no_destination(token: str, props: dict[str, Any]) -> None:
    # Leftovers review of stop 35: a Host header "sent as part of request invoking the ... ApiDestination" was refused
    # as a host (RES-015); the request goes to the target, judged as usual (a target abroad is still refused).
    assert rule_ids("EU", Subject(token, "p", props, provider("EU"))) == set()
    abroad = json.loads(json.dumps(props).replace("eu-central-1", "us-east-1"))
    assert rule_ids("EU", Subject(token, "p", abroad, provider("EU"))) == {"RES-004"}
    # Another header may carry an address the target calls back: still judged.
    callback = json.loads(json.dumps(props).replace('"Host"', '"X-Callback-Host"'))
    assert rule_ids("EU", Subject(token, "p", callback, provider("EU"))) == {"RES-015"}


@pytest.mark.parametrize(
    ("code", "place", "enabled", "pinned", "expected"),
    [
        ("CN", "{{ACS::RegionId}}", True, True, set()),
        ("CN", "{{ acs::regionid }}", True, True, set()),  # spaces ignored; the acs:: prefix is reserved
        ("CN", "{{ACS::RegionId}}", False, True, {"RES-015"}),  # no parameters: sent as written
        ("CN", "{{ACS::RegionId}}", True, False, {"RES-015"}),  # the provider's region unpinned: not proven
        ("CN", "ap-southeast-1", True, True, {"RES-006"}),
        ("EU", "{{ACS::RegionId}}", True, True, set()),  # Frankfurt
        ("SG", "{{ACS::RegionId}}", True, True, {"RES-015"}),  # a provider outside the jurisdiction: never filled in
    ],
)
def test_a_cloud_assistant_commands_region_id_is_the_region_it_runs_in(
    code: str, place: str, enabled: bool, pinned: bool, expected: set[str]
) -> None:
    # Leftovers review of stop 35: Cloud Assistant replaces its built-in parameters with the instance's values; a
    # command is regional and runs on its region's instances (builtin_placeholder_fields).
    script = f"#!/bin/sh\ncurl -T l.tgz https://logs.oss-{place}-internal.aliyuncs.com/d/\n"
    props = {"name": "ship", "type": "RunShellScript", "enable_parameter": enabled,
             "command_content": base64.b64encode(script.encode()).decode()}  # fmt: skip
    region = {"CN": "cn-shanghai", "EU": "eu-central-1", "SG": "ap-southeast-1"}[code]
    ref = ProviderRef("alicloud", "p", region if pinned else None)
    judged = "CN" if code == "SG" else code  # SG: a CN stack whose provider is pinned to Singapore
    found = rule_ids(judged, Subject("alicloud:ecs/command:Command", "c", props, ref)) - {"RES-001"}
    assert found == expected


def test_a_parameter_pair_elsewhere_is_not_a_named_value() -> None:
    # Outside the catalogued lists the shape names nothing: its key is not read as a variable's name.
    pairs = [{"parameter_key": "ReplicaRegion", "parameter_value": "fleet-replica"}]
    subject = Subject("alicloud:oos/execution:Execution", "e", {"settings": pairs}, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == set()


@pytest.mark.parametrize(
    ("token", "cloud", "props", "inside", "foreign", "expected"),
    [
        ("aws:ssm/parameter:Parameter", "aws", {"name": "/fleet/prod/EXPORT_REGION", "type": "String"},
         "cn-northwest-1", "us-east-1", "RES-009"),
        ("aws:ssm/parameter:Parameter", "aws", {"name": "/fleet/prod/db_host", "type": "String"},
         "10.20.0.8", "db.partner.example.com", "RES-015"),
        ("alicloud:oos/parameter:Parameter", "alicloud", {"parameter_name": "fleet/exportRegion", "type": "String"},
         "cn-shanghai", "ap-southeast-1", "RES-009"),
        ("alicloud:oos/secretParameter:SecretParameter", "alicloud", {"secret_parameter_name": "fleet/sink_endpoint"},
         "10.20.0.9:443", "sink.partner.example.com", "RES-015"),
        # Alibaba Cloud red team, stop 46: a Flink namespace variable, referenced as ${secret_values.sink_brokers}.
        ("alicloud:realtimecompute/variable:Variable", "alicloud",
         {"name": "sink_brokers", "kind": "Plain", "namespace": "fleet-default", "workspace": "w-1"},
         "10.20.0.9:9092", "kafka.partner.example.com:9092", "RES-015"),
        ("alicloud:realtimecompute/variable:Variable", "alicloud",
         {"name": "archive_region", "kind": "Plain", "namespace": "fleet-default", "workspace": "w-1"},
         "cn-beijing", "cn-hongkong", "RES-009"),
    ],
)  # fmt: skip
def test_a_stored_setting_is_judged_under_its_name(
    token: str, cloud: Cloud, props: dict[str, Any], inside: str, foreign: str, expected: str
) -> None:
    def subject(value: str) -> Subject:
        return Subject(token, "p", {**props, "value": value}, provider("CN", cloud))

    assert rule_ids("CN", subject(inside)) == set()
    assert rule_ids("CN", subject(foreign)) == {expected}


@pytest.mark.parametrize(
    ("token", "cloud", "props", "inside", "foreign"),
    [
        # An Alibaba function shipping to AWS China reads an AWS region; a Lambda writing to OSS an Alibaba one.
        ("alicloud:fc/v3Function:V3Function", "alicloud", {"environment_variables": {"AWS_REGION_NAME": "{}"}},
         "cn-north-1", "us-east-1"),
        ("aws:lambda/function:Function", "aws", {"environment": {"variables": {"OSS_REGION": "{}"}}},
         "cn-shanghai", "cn-hongkong"),
        ("alicloud:oos/parameter:Parameter", "alicloud", {"parameter_name": "fleet/aws_region", "value": "{}"},
         "cn-northwest-1", "ap-east-1"),
        ("aws:ssm/parameter:Parameter", "aws", {"name": "/fleet/oss_region", "type": "String", "value": "{}"},
         "cn-beijing", "cn-hongkong"),
    ],
)  # fmt: skip
def test_a_region_field_may_name_the_other_clouds_region(
    token: str, cloud: Cloud, props: dict[str, Any], inside: str, foreign: str
) -> None:
    # A region only the other cloud has is that cloud's region, judged as such: not an unknown region
    # (RES-011) when it is in the jurisdiction, and not passed over when it is not (cn-hongkong is Alibaba's).
    def subject(region: str) -> Subject:
        return Subject(token, "r", json.loads(json.dumps(props).replace("{}", region)), provider("CN", cloud))

    assert rule_ids("CN", subject(inside)) == set()
    assert rule_ids("CN", subject(foreign)) == {"RES-009"}


def test_a_resources_own_region_is_one_of_its_clouds() -> None:
    # The twin: the region a resource itself is created in must be its own cloud's (Alibaba has no cn-north-1).
    props = {"vswitch_id": "vsw-1", "region_id": "cn-north-1"}
    subject = Subject("alicloud:ecs/instance:Instance", "vm", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == {"RES-011"}
    assert rule_ids("CN", subject._replace(props={**props, "region_id": "cn-beijing"})) == set()


@pytest.mark.parametrize("key", ["NO_PROXY", "no_proxy", "noProxy"])
def test_a_proxy_bypass_list_is_compared_not_contacted(key: str) -> None:
    # NO_PROXY lists what an HTTP client reaches without its proxy (the AWS docs' EKS/ECS lists name
    # s3.amazonaws.com); the proxy itself, and the hosts the application is told to use, are destinations.
    bypass = "localhost,127.0.0.1,169.254.169.254,.internal,s3.amazonaws.com,.s3.eu-west-1.amazonaws.com"
    variables = {"HTTPS_PROXY": "http://10.40.0.12:3128", key: bypass}
    subject = Subject("aws:lambda/function:Function", "f", {"environment": {"variables": variables}}, provider("EU"))
    assert rule_ids("EU", subject) == set()
    pairs = json.dumps([{"name": "exporter", "environment": [{"name": key, "value": bypass}]}])
    task = Subject("aws:ecs/taskDefinition:TaskDefinition", "t", {"container_definitions": pairs}, provider("EU"))
    assert rule_ids("EU", task) == set()
    foreign = {**variables, "HTTPS_PROXY": "http://proxy.partner.example.com:3128"}
    assert rule_ids("EU", subject._replace(props={"environment": {"variables": foreign}})) == {"RES-015"}
    assert rule_ids("EU", subject._replace(props={"environment": {"variables": {"EXPORT_URL": bypass}}})) != set()


def test_a_setting_whose_name_says_nothing_is_not_a_region() -> None:
    # The twin: a region named in an ordinary setting's text is not where anything is sent.
    props = {"name": "/fleet/prod/migration_note", "type": "String", "value": "moved from us-east-1 in 2025"}
    assert rule_ids("CN", Subject("aws:ssm/parameter:Parameter", "p", props, provider("CN"))) == set()


def test_a_key_value_tag_matcher_is_not_a_variable() -> None:
    # The same {key, value} shape outside a list of names the user chose selects by tag: nothing is sent
    # to a region a tag's value names.
    props = {"plan_id": "p", "name": "fleet", "iam_role_arn": "arn:aws-cn:iam::123456789012:role/backup",
             "selection_tags": [{"type": "STRINGEQUALS", "key": "region", "value": "us-east-1"}]}  # fmt: skip
    assert rule_ids("CN", Subject("aws:backup/selection:Selection", "s", props, provider("CN"))) == set()


_RUNBOOK = "https://wiki.partner.example.com/runbooks/export"


def _snapshot_task(parameters: dict[str, Any]) -> dict[str, Any]:
    state = {"Type": "Task", "End": True, "Resource": "arn:aws-cn:states:::aws-sdk:ec2:copySnapshot",
             "Parameters": {"SourceSnapshotId.$": "$.snapshot", **parameters}}  # fmt: skip
    return {"definition": json.dumps({"StartAt": "Copy", "States": {"Copy": state}})}


def _ecs_schedule(cluster_region: str) -> dict[str, Any]:
    cluster = f"arn:aws-cn:ecs:{cluster_region}:123456789012:cluster/fleet"
    return {"target": {"arn": cluster, "ecs_parameters": {"launch_type": "FARGATE", "tags": {"runbook": _RUNBOOK}}}}


def _pipeline_variable(default: str) -> dict[str, Any]:
    return {"variables": [{"name": "EXPORT_URL", "default_value": default, "description": f"see {_RUNBOOK}"}]}


@pytest.mark.parametrize(
    ("token", "props", "twin", "expected"),
    [
        # A Step Functions task's Parameters are the request of the service it calls: the copy's description and
        # tags; the region it copies from is judged.
        ("aws:sfn/stateMachine:StateMachine",
         _snapshot_task({"SourceRegion": "cn-north-1", "Description": f"nightly, runbook {_RUNBOOK}",
                         "Tags": {"runbook": _RUNBOOK}}),
         _snapshot_task({"SourceRegion": "ap-east-1", "Description": "nightly"}), "RES-009"),
        # Typed *_parameters blocks: the tags of the ECS task a schedule or a pipe starts.
        ("aws:scheduler/schedule:Schedule", _ecs_schedule("cn-north-1"), _ecs_schedule("ap-east-1"), "RES-004"),
        ("aws:pipes/pipe:Pipe",
         {"target_parameters": {"ecs_task_parameters": {"tags": {"runbook": _RUNBOOK}}}},
         {"target_parameters": {"http_parameters": {"header_parameters": {"x-callback": _RUNBOOK}}}}, "RES-015"),
        # The entries of a list under a variables key declare variables with fields of their own.
        ("aws:codepipeline/pipeline:Pipeline", _pipeline_variable("https://sqs.cn-north-1.amazonaws.com.cn/1/q"),
         _pipeline_variable(_RUNBOOK), "RES-015"),
    ],
)  # fmt: skip
def test_free_text_of_a_services_own_request_stays_unjudged(
    token: str, props: dict[str, Any], twin: dict[str, Any], expected: str
) -> None:
    assert rule_ids("CN", Subject(token, "r", props, provider("CN"))) == set()
    # The twin: what the same request or declaration sends to or reads from is still judged.
    assert rule_ids("CN", Subject(token, "r", twin, provider("CN"))) == {expected}


@pytest.mark.parametrize("key", ["description", "tags"])
def test_a_resources_own_free_text_fields_stay_unjudged(key: str) -> None:
    # The twin of the test above: a description naming a foreign host is text for humans, even nested.
    text = "mirrors https://intake.partner.example.com for the EU fleet"
    props = {key: text if key == "description" else {"Runbook": text}, "environment": {"variables": {"LEVEL": "info"}}}
    assert rule_ids("CN", Subject("aws:lambda/function:Function", "f", props, provider("CN"))) == set()
    nested = {"ingress": [{"description": text, "protocol": "tcp", "from_port": 443, "to_port": 443}]}
    assert rule_ids("CN", Subject("aws:ec2/securityGroup:SecurityGroup", "sg", nested, provider("CN"))) == set()


@pytest.mark.parametrize(
    ("rtype", "record", "expected"),
    [
        ("MX", "10 inbound-smtp.eu-west-1.amazonaws.com", set()),
        ("MX", "10 mx.partner-mail.example.com", {"RES-015"}),
        ("SRV", "10 5 5060 sip.partner.example.com", {"RES-015"}),
        ("TXT", "v=spf1 include:amazonses.com ~all", set()),  # text, not a destination
        ("TXT", "v=DMARC1; p=reject; rua=mailto:dmarc@example.eu", set()),
        ("CAA", '0 issue "amazon.com"', set()),
    ],
)
def test_mail_and_service_records_are_judged_by_their_target(rtype: str, record: str, expected: set[str]) -> None:
    props = {"name": "example.eu", "type": rtype, "records": [record]}
    assert rule_ids("EU", Subject("aws:route53/record:Record", "r", props, provider("EU"))) == expected


@pytest.mark.parametrize(
    "token", ["aws:sagemaker/labelingJob:LabelingJob", "aws:sagemaker/flowDefinition:FlowDefinition"]
)
@pytest.mark.parametrize(
    ("team", "expected"),
    [
        ("arn:aws:sagemaker:eu-west-1:123456789012:workteam/private-crowd/claims", set()),
        ("arn:aws:sagemaker:eu-west-1:394669845002:workteam/public-crowd/default", {"RES-016"}),
        # A vendor's workers are wherever the vendor staffs them, whatever the region in the ARN.
        ("arn:aws:sagemaker:eu-west-1:210987654321:workteam/vendor-crowd/acme-labeling", {"RES-016"}),
        ("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/claims", {"RES-004"}),
    ],
)
def test_a_human_workforce_outside_the_account_is_refused(token: str, team: str, expected: set[str]) -> None:
    block = "human_task_config" if "labeling" in token else "human_loop_config"
    assert rule_ids("EU", Subject(token, "review", {block: {"workteam_arn": team}}, provider("EU"))) == expected


@pytest.mark.parametrize(
    ("code", "props", "expected"),
    [
        # No regions: checkers in every checker region request the endpoint (and read its response).
        ("EU", {"type": "HTTP_STR_MATCH", "fqdn": "portal.example.eu", "search_string": "ok"}, {"RES-016"}),
        ("CN", {"type": "tcp", "ip_address": "52.80.1.10", "port": 443}, {"RES-016"}),
        # Regions listed: each is judged as a region field.
        ("EU", {"type": "HTTPS", "fqdn": "portal.example.eu", "regions": ["eu-west-1", "us-east-1", "us-west-2"]},
         {"RES-009"}),
        ("US", {"type": "TCP", "port": 443, "regions": ["us-east-1", "us-west-1", "us-west-2"]}, set()),
        # Checks that request no endpoint need no checker regions.
        ("EU", {"type": "CALCULATED", "child_health_threshold": 1, "child_healthchecks": ["hc-1", "hc-2"]}, set()),
        ("EU", {"type": "CLOUDWATCH_METRIC", "cloudwatch_alarm_name": "p99", "cloudwatch_alarm_region": "eu-west-1"},
         set()),
        ("EU", {"type": "RECOVERY_CONTROL", "routing_control_arn": "arn:aws:route53-recovery-control::1:control"},
         set()),
    ],
)  # fmt: skip
def test_an_endpoint_health_check_is_judged_by_its_checker_regions(
    code: str, props: dict[str, Any], expected: set[str]
) -> None:
    assert rule_ids(code, Subject("aws:route53/healthCheck:HealthCheck", "hc", props, provider(code))) == expected


_SITE_MONITOR = "alicloud:cms/siteMonitor:SiteMonitor"
_API = "https://0a1b2c3d4e5f-cn-shanghai.alicloudapi.com/health"


@pytest.mark.parametrize(
    ("code", "cities", "expected"),
    [
        # Omitted: three detection points chosen at random, from around the globe.
        ("CN", None, {"RES-016"}),
        # The documented mainland examples: Beijing, Hangzhou, Qingdao (pulumi-alicloud), Guiyang, Dalian (API docs).
        ("CN", [{"city": "546", "isp": "465"}, {"city": "572", "isp": "465"}, {"city": "738", "isp": "465"}], set()),
        ("CN", [{"city": "4", "isp": "232", "type": "IDC"}, {"city": "395", "isp": "232"}], set()),
        # One id no document places (the API's list is not a document): refused, the others do not excuse it.
        ("CN", [{"city": "546", "isp": "465"}, {"city": "9981", "isp": "465"}], {"RES-016"}),
        # A mainland city is outside every other jurisdiction.
        ("DE", [{"city": "546", "isp": "465"}], {"RES-016"}),
    ],
)  # fmt: skip
def test_a_site_monitor_is_judged_by_its_detection_cities(
    code: str, cities: list[dict[str, str]] | None, expected: set[str]
) -> None:
    props: dict[str, Any] = {"address": _API if code == "CN" else None, "task_name": "portal", "task_type": "HTTP"}
    if cities is not None:
        props["isp_cities"] = cities
    findings, _ = ENGINES[code].check(Subject(_SITE_MONITOR, "portal", props, provider(code, "alicloud")))
    assert {f.rule.id for f in findings} == expected
    assert all("[alicloud-cms-site-monitor-probe-cities]" in f.detail for f in findings)


def test_a_declared_site_monitor_passes() -> None:
    from components.residency.destinations import parse_destinations

    entry = {"id": "probes", "kind": "resident", "match": "alicloud-cms-site-monitor-probe-cities",
             "evidence": "DescribeSiteMonitorISPCityList: city 9981 is Shenzhen, China"}  # fmt: skip
    engine = RuleEngine("CN", destinations=parse_destinations([entry]))
    props = {"address": _API, "task_name": "portal", "isp_cities": [{"city": "9981", "isp": "465"}]}
    findings, _ = engine.check(Subject(_SITE_MONITOR, "portal", props, provider("CN", "alicloud")))
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "probes")]


_GTM_MONITORS = ["alicloud:dns/monitorConfig:MonitorConfig", "alicloud:alidnscloudgtm/monitorTemplate:MonitorTemplate"]


@pytest.mark.parametrize("token", _GTM_MONITORS)
@pytest.mark.parametrize(
    ("code", "codes", "expected"),
    [
        # 503 Zhangjiakou: the mainland node both GTM APIs' references give (DescribeDnsGtmMonitorAvailableConfig,
        # ListCloudGtmMonitorNodes).
        ("CN", ["503"], set()),
        # pulumi-alicloud's template example codes: no document places them. GTM's 572 is Qingdao only in the legacy
        # API's example (CloudMonitor's 572 is Hangzhou): not proven for these APIs.
        ("CN", ["357", "738"], {"RES-016"}),
        ("CN", ["503", "572"], {"RES-016"}),
        # A mainland node is outside every other jurisdiction.
        ("DE", ["503"], {"RES-016"}),
    ],
)  # fmt: skip
def test_a_gtm_health_check_is_judged_by_its_monitoring_nodes(
    token: str, code: str, codes: list[str], expected: set[str]
) -> None:
    props: dict[str, Any] = {"isp_city_nodes": [{"city_code": c, "isp_code": "465"} for c in codes]}
    findings, _ = ENGINES[code].check(Subject(token, "probe", props, provider(code, "alicloud")))
    assert {f.rule.id for f in findings} == expected
    assert all("[alicloud-dns-gtm-monitor-nodes]" in f.detail for f in findings)


def test_a_declared_gtm_monitoring_node_passes() -> None:
    from components.residency.destinations import parse_destinations

    entry = {"id": "gtm-nodes", "kind": "resident", "match": "alicloud-dns-gtm-monitor-nodes",
             "evidence": "ListCloudGtmMonitorNodes: city 357 is in China (BGP group)"}  # fmt: skip
    engine = RuleEngine("CN", destinations=parse_destinations([entry]))
    props = {"name": "api", "protocol": "http", "isp_city_nodes": [{"city_code": "357", "isp_code": "465"}]}
    findings, _ = engine.check(Subject(_GTM_MONITORS[1], "api", props, provider("CN", "alicloud")))
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "gtm-nodes")]


_SYNTHETIC_TASK = "alicloud:arms/syntheticTask:SyntheticTask"


def _synthetic_task(codes: list[str], target: str | None = _API) -> dict[str, Any]:
    return {
        "synthetic_task_name": "portal-api", "task_type": 4, "frequency": "5m", "monitor_category": 1,
        "monitors": [{"city_code": code, "operator_code": "246", "client_type": 1} for code in codes],
        "monitor_conf": {"api_http": {"target_url": target, "method": "GET"}},
    }  # fmt: skip


@pytest.mark.parametrize(
    ("code", "codes"),
    [
        # pulumi-alicloud's and Terraform's example code: no document says where it is.
        ("CN", ["1200101"]),
        # CloudMonitor's documented mainland ids are another service's table: not proven for ARMS either.
        ("CN", ["546", "572"]),
        ("DE", ["1200101"]),
        ("US", ["1100101"]),
    ],
)  # fmt: skip
def test_a_synthetic_task_is_refused_for_monitoring_points_no_document_places(code: str, codes: list[str]) -> None:
    props = _synthetic_task(codes, _API if code == "CN" else None)  # the API's host is in cn-shanghai
    findings, _ = ENGINES[code].check(Subject(_SYNTHETIC_TASK, "portal", props, provider(code, "alicloud")))
    assert [(f.rule.id, f.path) for f in findings] == [
        ("RES-016", f"monitors[{i}].city_code") for i in range(len(codes))
    ]
    assert all("[alicloud-arms-synthetic-monitor-points]" in f.detail for f in findings)


@settings(max_examples=50, deadline=None)
@given(city=st.text(alphabet="0123456789", min_size=1, max_size=9))
def test_no_arms_city_code_is_proven_without_a_declaration(city: str) -> None:
    subject = Subject(_SYNTHETIC_TASK, "p", _synthetic_task([city]), provider("CN", "alicloud"))
    findings, _ = ENGINES["CN"].check(subject)
    assert [f.rule.id for f in findings] == ["RES-016"]


def test_a_declared_synthetic_task_passes() -> None:
    from components.residency.destinations import parse_destinations

    entry = {"id": "arms-points", "kind": "resident", "match": "alicloud-arms-synthetic-monitor-points",
             "evidence": "GetSyntheticMonitors: city 1200101 is in China (mainland), IDC"}  # fmt: skip
    engine = RuleEngine("CN", destinations=parse_destinations([entry]))
    subject = Subject(_SYNTHETIC_TASK, "portal", _synthetic_task(["1200101"]), provider("CN", "alicloud"))
    findings, _ = engine.check(subject)
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "arms-points")]


def test_a_synthetic_task_custom_host_sends_the_probes_to_its_ips() -> None:
    from components.residency.destinations import parse_destinations

    entry = {"id": "arms-points", "kind": "resident", "match": "alicloud-arms-synthetic-monitor-points",
             "evidence": "GetSyntheticMonitors: city 1200101 is in China (mainland), IDC"}  # fmt: skip
    engine = RuleEngine("CN", destinations=parse_destinations([entry]))

    def undeclared(ips: list[str]) -> list[tuple[str, str]]:
        props = _synthetic_task(["1200101"]) | {
            "common_setting": {"custom_host": {"select_type": 0, "hosts": [{"domain": "api.fleet.cn", "ips": ips}]}}
        }
        subject = Subject(_SYNTHETIC_TASK, "portal", props, provider("CN", "alicloud"))
        return [(f.rule.id, f.path) for f in engine.check(subject)[0] if f.declared_by is None]

    assert undeclared(["203.0.113.5"]) == [("RES-015", "common_setting.custom_host.hosts[0].ips[0]")]
    assert undeclared([]) == []


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("CN", "Enabled", {"RES-016"}),
        ("CN", "enabled", {"RES-016"}),
        # A value the page does not enumerate is not proven to keep the traffic in the directory's region.
        ("CN", "On", {"RES-016"}),
        ("CN", "Disabled", set()),
        ("CN", None, set()),
        ("DE", "Enabled", {"RES-016"}),
        ("DE", "Disabled", set()),
    ],
)  # fmt: skip
def test_cloudsso_accelerated_url_is_judged(code: str, status: str | None, expected: set[str]) -> None:
    props: dict[str, Any] = {"directory_name": "fleet"}
    if status is not None:
        props["directory_global_access_status"] = status
    subject = Subject("alicloud:cloudsso/directory:Directory", "sso", props, provider(code, "alicloud"))
    assert rule_ids(code, subject) == expected


def test_an_hbr_restore_job_bucket_is_an_oss_bucket_to_prove() -> None:
    def subject(props: dict[str, Any]) -> Subject:
        base = {"restore_type": "OSS", "source_type": "OSS", "vault_id": "v-0001", "snapshot_id": "s-0001"}
        return Subject("alicloud:hbr/restoreJob:RestoreJob", "restore", {**base, **props}, provider("CN", "alicloud"))

    assert rule_ids("CN", subject({"target_bucket": "partner-restore", "target_prefix": "orders/"})) == {"RES-017"}
    own = {"target_bucket": "fleet-restore", "target_prefix": "orders/"}
    made = OSS_KEY + "fleet-restore"
    assert [f.rule.id for f in ENGINES["CN"].check(subject(own), known=lambda n: n == made)[0]] == []
    # A restore to a file system or an ECS instance names no bucket.
    assert rule_ids("CN", subject({"restore_type": "NAS", "target_file_system_id": "005494"})) == set()


@pytest.mark.parametrize(
    ("token", "props", "field"),
    [
        ("alicloud:oos/serviceSetting:ServiceSetting",
         {"delivery_oss_enabled": True, "delivery_oss_key_prefix": "oos/"}, "delivery_oss_bucket_name"),
        ("alicloud:cr/registryEnterpriseInstance:RegistryEnterpriseInstance",
         {"instance_name": "fleet", "instance_type": "Advanced", "payment_type": "Subscription",
          "default_oss_bucket": "false"}, "custom_oss_bucket"),
    ],
)  # fmt: skip
def test_a_delivery_or_storage_bucket_of_oos_and_acr_is_an_oss_bucket_to_prove(
    token: str, props: dict[str, Any], field: str
) -> None:
    subject = Subject(token, "r", {**props, field: "partner-archive"}, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == {"RES-017"}
    own = subject._replace(props={**props, field: "fleet-archive"})
    assert [f.rule.id for f in ENGINES["CN"].check(own, known=lambda n: n == OSS_KEY + "fleet-archive")[0]] == []
    # Without the field: OOS keeps its records, the registry uses its default (service-created) bucket.
    assert rule_ids("CN", subject._replace(props=props)) == set()


@pytest.mark.parametrize(
    ("primary", "standby", "expected"),
    [
        # Public resolvers (the API reference's own example is 1.1.1.1) receive the VPC's queries.
        ("8.8.8.8", "1.1.1.1", {"RES-015"}),
        ("223.5.5.5", None, {"RES-015"}),
        # Alibaba's VPC resolvers and an on-premises resolver reached over the VPN are in the network.
        ("100.100.2.136", "100.100.2.138", set()),
        ("10.20.0.53", "10.20.1.53", set()),
    ],
)  # fmt: skip
def test_a_cloud_firewall_private_dns_endpoint_forwards_to_its_dns_servers(
    primary: str, standby: str | None, expected: set[str]
) -> None:
    props = {"access_instance_name": "vpc-dns", "private_dns_type": "Custom", "region_no": "cn-shanghai",
             "vpc_id": "vpc-1", "firewall_types": ["vpc"], "primary_dns": primary, "standby_dns": standby}  # fmt: skip
    subject = Subject("alicloud:cloudfirewall/privateDns:PrivateDns", "dns", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    "token", ["alicloud:eds/adConnectorDirectory:AdConnectorDirectory",
              "alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite"],
)  # fmt: skip
@pytest.mark.parametrize(
    ("dns", "sub_dns", "expected"),
    [
        (["203.0.113.53"], None, {"RES-015"}),
        (["10.20.0.10"], ["198.51.100.10"], {"RES-015"}),
        (["10.20.0.10"], ["10.20.0.11"], set()),
    ],
)  # fmt: skip
def test_an_ad_connector_is_judged_by_the_enterprise_dns_it_joins(
    token: str, dns: list[str], sub_dns: list[str] | None, expected: set[str]
) -> None:
    props: dict[str, Any] = {"domain_name": "corp.fleet.example.cn", "dns_addresses": dns}
    if sub_dns is not None:
        props |= {"sub_domain_name": "plant.corp.fleet.example.cn", "sub_domain_dns_addresses": sub_dns}
    # The domain's own name is the AD's, not an address the desktops are sent to.
    assert rule_ids("CN", Subject(token, "ad", props, provider("CN", "alicloud"))) == expected


@pytest.mark.parametrize(
    ("token", "props", "path"),
    [
        ("alicloud:cs/nodePool:NodePool", {"kubelet_configuration": {"cluster_dns": ["{addr}"]}},
         "kubelet_configuration.cluster_dns[0]"),
        ("alicloud:eci/containerGroup:ContainerGroup", {"host_aliases": [{"ip": "{addr}", "hostnames": ["api.fleet"]}]},
         "host_aliases[0].ip"),
        ("alicloud:ess/eciScalingConfiguration:EciScalingConfiguration",
         {"host_aliases": [{"ip": "{addr}", "hostnames": ["api.fleet"]}]}, "host_aliases[0].ip"),
        ("alicloud:cloudphone/policy:Policy",
         {"net_redirect_policy": {"net_redirect": "on", "custom_proxy": "on", "host_addr": "{addr}", "port": "1080"}},
         "net_redirect_policy.host_addr"),
    ],
)  # fmt: skip
def test_resolvers_host_aliases_and_proxies_of_containers_and_phones_are_destinations(
    token: str, props: dict[str, Any], path: str
) -> None:
    def judged(addr: str) -> list[tuple[str, str]]:
        filled = json.loads(json.dumps(props).replace("{addr}", addr))
        subject = Subject(token, "r", filled, provider("CN", "alicloud"))
        return [(f.rule.id, f.path) for f in ENGINES["CN"].check(subject)[0]]

    assert judged("8.8.8.8") == [("RES-015", path)]
    assert judged("203.0.113.9") == [("RES-015", path)]
    # An address of the cluster's or the VPC's own network (the kube-dns service, a proxy in the VPC) is inside it.
    assert judged("192.168.0.10") == []
    assert judged("10.20.0.8") == []


def test_a_flink_workspace_bucket_is_an_oss_bucket_to_prove() -> None:
    props = {"vvp_instance_name": "fleet-flink", "payment_type": "PayAsYouGo", "vpc_id": "vpc-1",
             "zone_id": "cn-shanghai-b", "vswitch_ids": ["vsw-1"],
             "storage": {"oss": {"bucket": "partner-flink-state"}}}  # fmt: skip
    subject = Subject("alicloud:realtimecompute/vvpInstance:VvpInstance", "flink", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == {"RES-017"}
    made = OSS_KEY + "partner-flink-state"
    assert [f.rule.id for f in ENGINES["CN"].check(subject, known=lambda n: n == made)[0]] == []


@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        # PutBucketInventory: source and destination buckets in the same region, so a regionless ARN is the provider's.
        ("acs:oss:::fleet-inventory", set()),
        ("acs:oss:::partner-inventory", set()),
        ("acs:oss:cn-shanghai::fleet-inventory", set()),
        ("acs:oss:cn-hongkong::partner-inventory", {"RES-005"}),
    ],
)  # fmt: skip
def test_an_oss_inventory_destination_is_in_the_source_bucket_region(bucket: str, expected: set[str]) -> None:
    destination = {"oss_bucket_destination": {"format": "CSV", "account_id": "1234567890", "bucket": bucket,
                                              "role_arn": "acs:ram::1234567890:role/AliyunOSSRole"}}  # fmt: skip
    props = {"bucket": "fleet-data", "inventory_id": "weekly", "is_enabled": True, "included_object_versions": "All",
             "schedule": {"frequency": "Weekly"}, "destination": destination}  # fmt: skip
    # The inventory's account is the stack's own (a role the provider assumes in it): since leftovers42 a bare UID of
    # any length there is an account, judged (RES-023 when not proven the stack's own).
    own = ProviderRef("alicloud", "p", "cn-shanghai", accounts=frozenset({"1234567890"}))
    subject = Subject("alicloud:oss/bucketInventory:BucketInventory", "inv", props, own)
    assert rule_ids("CN", subject) == expected


def _harness(config: dict[str, Any]) -> Subject:
    return Subject("aws:bedrock/agentcoreHarness:AgentcoreHarness", "h", {"model": {"litellm_model_config": config}},
                   provider("EU"))  # fmt: skip


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        # Without api_base LiteLLM calls the prefix's provider: its public API, outside AWS.
        ({"model_id": "anthropic/claude-sonnet-4"}, {"RES-016"}),
        ({"model_id": "gemini/gemini-2.5-pro"}, {"RES-016"}),
        # SageMaker: the account's endpoint of that name, in the region aws_region_name names, unproven without it.
        ({"model_id": "sagemaker/fleet-endpoint", "additional_params": _IN_EU_WEST}, set()),
        ({"model_id": "sagemaker_chat/fleet-endpoint", "additional_params": {"aws_region_name": "eu-central-1"}},
         set()),
        ({"model_id": "sagemaker/fleet-endpoint", "additional_params": {"aws_region_name": "us-west-2"}}, {"RES-009"}),
        ({"model_id": "sagemaker/fleet-endpoint"}, {"RES-016"}),
        ({"model_id": "sagemakerx/fleet-endpoint", "additional_params": _IN_EU_WEST}, {"RES-016"}),
        # With api_base the URL is where requests go, judged as a URL.
        ({"model_id": "openai/fleet", "api_base": "https://llm.internal.example.com/v1"}, {"RES-015"}),
        ({"model_id": "openai/fleet", "api_base": "https://10.0.4.20:8000/v1"}, set()),
        # Bedrock: in the region aws_region_name names (judged as a region field).
        ({"model_id": f"bedrock/{_HAIKU}", "additional_params": json.dumps({"aws_region_name": "us-east-1"})},
         {"RES-009"}),
        ({"model_id": f"bedrock/{_HAIKU}", "additional_params": json.dumps({"temperature": 0.2})}, {"RES-016"}),
        ({"model_id": f"bedrock/{_HAIKU}", "additional_params": {"aws_region_name": "eu-central-1"}}, set()),
    ],
)  # fmt: skip
def test_a_litellm_harness_model_is_judged_by_where_litellm_sends_it(
    config: dict[str, Any], expected: set[str]
) -> None:
    assert rule_ids("EU", _harness(config)) == expected


def test_a_pending_litellm_model_id_is_judged_beside_its_api_base() -> None:
    # The model id resolves later (an Output): judged then, with the api_base beside it in the inputs.
    engine = ENGINES["EU"]
    pending = object()
    subject = _harness({"model_id": pending, "api_base": "https://10.0.4.20:8000/v1"})
    findings, waiting = engine.check(subject, defer=lambda v: v is pending)
    assert findings == [] and len(waiting) == 1
    assert engine.check_value(subject, waiting[0].place, "openai/fleet") == []
    bare = _harness({"model_id": pending})
    _, waiting = engine.check(bare, defer=lambda v: v is pending)
    assert [f.rule.id for f in engine.check_value(bare, waiting[0].place, "openai/fleet")] == ["RES-016"]


def _esa_record(rtype: Any, data: dict[str, Any], **extra: Any) -> Subject:
    props = {"site_id": "7654321", "record_name": "www.example.cn", "record_type": rtype, "data": data, **extra}
    return Subject("alicloud:esa/record:Record", "r", props, provider("CN", "alicloud"))


@pytest.mark.parametrize(
    ("rtype", "data", "expected"),
    [
        # A proxied record's value is the origin ESA forwards every request to; unproxied, where clients go.
        ("CNAME", {"value": "origin.partner.example.com"}, {"RES-015"}),
        ("A/AAAA", {"value": "203.0.113.10"}, {"RES-015"}),
        ("MX", {"value": "mx.partner-mail.example.com", "priority": 10}, {"RES-015"}),
        ("CNAME", {"value": "fleet-static.oss-cn-shanghai.aliyuncs.com"}, set()),
        ("A/AAAA", {"value": "10.0.3.17"}, set()),
        # A CAA record names the certificate authority allowed to issue (no client goes there); TXT is text.
        ("CAA", {"flag": 0, "tag": "issue", "value": "letsencrypt.org"}, set()),
        ("TXT", {"value": "verification.partner.example.com"}, set()),
    ],
)
def test_esa_records_are_judged_by_their_type(rtype: str, data: dict[str, Any], expected: set[str]) -> None:
    assert rule_ids("CN", _esa_record(rtype, data, proxied=rtype != "MX")) == expected


def test_a_record_type_decides_for_every_dns_service_alike() -> None:
    # One list (endpoints.yaml dns_records) for Route 53, Alibaba Cloud DNS and ESA: the same bare host is a
    # destination in a CNAME record and text in a TXT record, whichever service holds it.
    host = "verify.partner.example.com"
    for rtype, expected in (("CNAME", {"RES-015"}), ("TXT", set()), ("CAA", set())):
        r53 = Subject("aws:route53/record:Record", "r", {"name": "x.example.eu", "type": rtype, "records": [host]},
                      provider("EU"))  # fmt: skip
        ali = Subject("alicloud:dns/alidnsRecord:AlidnsRecord", "r",
                      {"domain_name": "example.cn", "rr": "x", "type": rtype, "value": host},
                      provider("CN", "alicloud"))  # fmt: skip
        assert rule_ids("EU", r53) == expected
        assert rule_ids("CN", ali) == expected
        assert rule_ids("CN", _esa_record(rtype, {"value": host})) == expected
        record = {"zone_id": "z", "rr": "x", "type": rtype, "value": host}
        pvtz = Subject("alicloud:pvtz/zoneRecord:ZoneRecord", "r", record, provider("CN", "alicloud"))
        assert rule_ids("CN", pvtz) == expected


def test_an_alidns_a_record_to_the_stacks_own_address_is_proven() -> None:
    # An A record naming the stack's own EIP (its ip_address output, which the guard reads from the dependency):
    # proven by provenance; the same address from elsewhere is refused.
    props = {"domain_name": "fleet.example.cn", "rr": "www", "type": "A", "value": "47.100.12.34"}
    subject = Subject("alicloud:dns/alidnsRecord:AlidnsRecord", "www", props, provider("CN", "alicloud"))
    assert [f.rule.id for f in ENGINES["CN"].check(subject, known=lambda v: v == "47.100.12.34")[0]] == []
    assert [f.rule.id for f in ENGINES["CN"].check(subject, known=lambda v: False)[0]] == ["RES-015"]


def test_a_record_whose_type_is_not_known_yet_is_judged() -> None:
    # A type still an Output (or a value that is no string) proves nothing: the value is judged, fail closed.
    assert rule_ids("CN", _esa_record(None, {"value": "origin.partner.example.com"})) == {"RES-015"}
    assert rule_ids("CN", _esa_record(["CAA"], {"value": "origin.partner.example.com"})) == {"RES-015"}


@given(st.sampled_from(["txt", "caa", "spf"]), st.lists(st.booleans(), min_size=3, max_size=3), st.booleans())
def test_not_destination_record_types_match_in_any_case(rtype: str, upper: list[bool], padded: bool) -> None:
    written = "".join(c.upper() if u else c for c, u in zip(rtype, upper, strict=True))
    written = f" {written} " if padded else written
    assert rule_ids("CN", _esa_record(written, {"value": "origin.partner.example.com"})) == set()


@given(st.text(alphabet=st.sampled_from("ACNMXTSPRVHWZ/"), min_size=1, max_size=8))
def test_any_other_record_type_is_judged(rtype: str) -> None:
    assume(rtype.strip().upper() not in {"TXT", "SPF", "CAA"})
    assert rule_ids("CN", _esa_record(rtype, {"value": "origin.partner.example.com"})) == {"RES-015"}


def _r53(name: Any, rtype: str, records: list[str], code: str = "EU") -> Subject:
    return Subject("aws:route53/record:Record", "r", {"zone_id": "Z1", "name": name, "type": rtype, "records": records},
                   provider(code))  # fmt: skip


@pytest.mark.parametrize(
    ("code", "host", "expected"),
    [
        # SES's feedback host names its region ("10 feedback-smtp.<region>.amazonses.com", the MAIL FROM MX).
        ("EU", "feedback-smtp.eu-central-1.amazonses.com", set()),
        ("DE", "feedback-smtp.eu-central-1.amazonses.com", set()),
        ("JP", "feedback-smtp.ap-northeast-1.amazonses.com", set()),
        ("US", "feedback-smtp.us-west-2.amazonses.com", set()),
        ("EU", "feedback-smtp.us-east-1.amazonses.com", {"RES-006"}),
        ("DE", "feedback-smtp.eu-west-1.amazonses.com", {"RES-006"}),
        # No region label: amazonses.com proves nothing by itself.
        ("EU", "amazonses.com", {"RES-015"}),
        ("EU", "bounce.amazonses.com", {"RES-015"}),
    ],
)
def test_ses_feedback_hosts_are_judged_by_their_region(code: str, host: str, expected: set[str]) -> None:
    assert rule_ids(code, _r53("mail.fleet.example.eu", "MX", [f"10 {host}"], code)) == expected


def test_a_dkim_key_cname_is_no_destination_but_the_same_host_elsewhere_is() -> None:
    # Easy DKIM: <token>._domainkey.<domain> CNAME <token>.dkim.amazonses.com (the key SES hosts). Any other name,
    # or another type under _domainkey, is judged as before.
    key = "4e7lk2yqv3hqm5b7kzxnp6dm7ta3v5cs.dkim.amazonses.com"
    assert rule_ids("EU", _r53("4e7lk2yqv3hqm5b7kzxnp6dm7ta3v5cs._domainkey.fleet.example.eu", "CNAME", [key])) == set()
    assert rule_ids("EU", _r53("S1._DomainKey.fleet.example.eu.", "cname", [key])) == set()
    assert rule_ids("EU", _r53("bounces.fleet.example.eu", "CNAME", [key])) == {"RES-015"}
    assert rule_ids("EU", _r53("s1._domainkey.fleet.example.eu", "A", ["203.0.113.7"])) == {"RES-015"}
    assert rule_ids("EU", _r53("s1._domainkey.fleet.example.eu", "MX", [f"10 {key}"])) == {"RES-015"}
    assert rule_ids("EU", _r53("s1.domainkey.fleet.example.eu", "CNAME", [key])) == {"RES-015"}
    # A name not known yet (an Output), or no string, proves nothing: judged (fail closed).
    assert rule_ids("EU", _r53(None, "CNAME", [key])) == {"RES-015"}
    assert rule_ids("EU", _r53(["s1._domainkey.fleet.example.eu"], "CNAME", [key])) == {"RES-015"}

    def ali(rr: str) -> Subject:
        props = {"domain_name": "fleet-example.cn", "rr": rr, "type": "CNAME", "value": "s1.dkim.mail.example.com"}
        return Subject("alicloud:dns/alidnsRecord:AlidnsRecord", "r", props, provider("CN", "alicloud"))

    assert rule_ids("CN", ali("s1._domainkey.mail")) == set()
    assert rule_ids("CN", ali("mail")) == {"RES-015"}


@given(
    st.lists(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True), min_size=1, max_size=3),
    st.lists(st.from_regex(r"[a-z0-9-]{1,10}", fullmatch=True), min_size=1, max_size=3),
    st.sampled_from(["_domainkey", "_dmarc", "domainkey", "_domainkeys", "x_domainkey"]),
)
def test_only_a_domainkey_label_exempts_a_cname(selector: list[str], domain: list[str], label: str) -> None:
    name = ".".join([*selector, label, *domain, "eu"])
    expected = set() if label == "_domainkey" else {"RES-015"}
    assert rule_ids("EU", _r53(name, "CNAME", ["k1.dkim.partner-mail.example.com"])) == expected


@pytest.mark.parametrize(
    ("rtype", "value", "expected"),
    [
        # An SPF policy names domains receivers look up (RFC 7208 5.2): text, like every TXT record.
        ("TXT", "v=spf1 include:spfdm-cn-hangzhou.aliyun.com -all", set()),
        ("TXT", "v=spf1 include:spf1.dm.aliyun.com include:cdn.alicdn.com -all", set()),
        # The same portal host as an MX or CNAME is where mail or clients go: a global service, refused undeclared.
        ("MX", "mxdm.aliyun.com", {"RES-016"}),
        ("CNAME", "spfdm-cn-hangzhou.aliyun.com", {"RES-016"}),
    ],
)
def test_a_txt_record_is_not_scanned_for_hosts(rtype: str, value: str, expected: set[str]) -> None:
    props = {"domain_name": "fleet-example.cn", "rr": "mail", "type": rtype, "value": value}
    subject = Subject("alicloud:dns/alidnsRecord:AlidnsRecord", "r", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


@pytest.mark.parametrize(
    ("token", "path", "name"),
    [
        ("aws:ecs/taskDefinition:TaskDefinition", "container_definitions", "EXPORT_REGION"),
        ("aws:codebuild/project:Project", "environment.environment_variables", "TARGET_REGION"),
        ("aws:elasticbeanstalk/environment:Environment", "settings", "S3_REGION"),
    ],
)
def test_name_value_pairs_are_judged_under_their_name(token: str, path: str, name: str) -> None:
    def subject(value: str) -> Subject:
        pairs = [{"namespace": "aws:elasticbeanstalk:application:environment", "name": name, "value": value},
                 {"name": "LOG_LEVEL", "value": "us-east-1 is only text here"}]  # fmt: skip
        inner: Any = pairs if path != "container_definitions" else json.dumps([{"name": "a", "environment": pairs}])
        for key in reversed(path.split(".")):
            inner = {key: inner}
        return Subject(token, "r", inner, provider("CN"))

    assert rule_ids("CN", subject("cn-northwest-1")) == set()
    assert rule_ids("CN", subject("us-east-1")) == {"RES-009"}


def test_a_name_value_pair_with_a_host_name_is_a_destination() -> None:
    def subject(value: str) -> Subject:
        doc = json.dumps([{"name": "a", "environment": [{"name": "DB_HOST", "value": value}]}])
        return Subject("aws:ecs/taskDefinition:TaskDefinition", "t", {"container_definitions": doc}, provider("CN"))

    assert rule_ids("CN", subject("db.c1ab2cd3.cn-north-1.rds.amazonaws.com.cn")) == set()
    assert rule_ids("CN", subject("db.partner.example.com")) == {"RES-015"}


@pytest.mark.parametrize("name", ["DESCRIPTION", "TAGS", "LABELS"])
def test_a_pair_named_like_free_text_is_still_judged(name: str) -> None:
    # A variable's name classifies its value; it never makes the value free text for humans.
    def subject(value: str) -> Subject:
        doc = json.dumps([{"name": "a", "environment": [{"name": name, "value": value}]}])
        return Subject("aws:ecs/taskDefinition:TaskDefinition", "t", {"container_definitions": doc}, provider("CN"))

    assert rule_ids("CN", subject("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/intake")) == set()
    assert rule_ids("CN", subject("https://intake.partner.example.com/x")) == {"RES-015"}


@pytest.mark.parametrize(
    ("token", "props"),
    [
        ("aws:codebuild/project:Project", {"artifacts": {"type": "S3", "location": "{bucket}"}}),
        ("aws:codepipeline/pipeline:Pipeline", {"artifact_stores": [{"type": "S3", "location": "{bucket}"}]}),
        ("aws:ssm/maintenanceWindowTask:MaintenanceWindowTask",
         {"task_invocation_parameters": {"run_command_parameters": {"output_s3_bucket": "{bucket}"}}}),
        ("aws:elastictranscoder/pipeline:Pipeline", {"input_bucket": "{bucket}", "output_bucket": "{bucket}"}),
        ("aws:mskconnect/connector:Connector", {"connector_configuration": {"s3.bucket.name": "{bucket}"}}),
        ("aws:sns/smsPreferences:SmsPreferences", {"usage_report_s3_bucket": "{bucket}"}),
        # Run Command's output bucket in an Automation runbook's aws:runCommand step and a Step Functions task's
        # Parameters (SendCommand's OutputS3BucketName), Quick Setup's Config delivery bucket (DeliveryBucketName).
        ("aws:ssm/document:Document",
         {"document_type": "Automation", "content": json.dumps({"schemaVersion": "0.3", "mainSteps": [
             {"name": "c", "action": "aws:runCommand", "inputs": {"DocumentName": "AWS-RunShellScript",
                                                                  "OutputS3BucketName": "{bucket}"}}]})}),
        ("aws:sfn/stateMachine:StateMachine",
         {"definition": json.dumps({"StartAt": "S", "States": {"S": {
             "Type": "Task", "End": True,  # Resource (arn:<partition>:states:::aws-sdk:ssm:sendCommand) left out
             "Parameters": {"DocumentName": "AWS-RunShellScript", "OutputS3BucketName": "{bucket}"}}}})}),
        ("aws:ssm/quicksetupConfigurationManager:QuicksetupConfigurationManager",
         {"configuration_definition": {"type": "AWSQuickSetupType-CFGRecording",
                                       "parameters": {"UseCustomBucket": "true", "DeliveryBucketName": "{bucket}"}}}),
        # Transcribe's output bucket (StartTranscriptionJob OutputBucketName) in a Step Functions task, and S3
        # CopyObject's source (`<bucket>/<key>`, URL-encoded or not) in a task, a runbook step and a schedule's input,
        # each without its destination `Bucket` (a run-time `Bucket.$` is refused outside aws-cn by itself, and a
        # written one is judged as any bucket), so the refusal in EU is the source's alone.
        ("aws:sfn/stateMachine:StateMachine",
         {"definition": json.dumps({"StartAt": "S", "States": {"S": {"Type": "Task", "End": True, "Parameters": {
             "TranscriptionJobName.$": "$.id", "Media": {"MediaFileUri.$": "$.uri"},
             "OutputBucketName": "{bucket}"}}}})}),
        ("aws:sfn/stateMachine:StateMachine",
         {"definition": json.dumps({"StartAt": "S", "States": {"S": {"Type": "Task", "End": True, "Parameters": {
             "Key": "in/day.csv", "CopySource": "{bucket}/exports/day.csv"}}}})}),
        ("aws:ssm/document:Document",
         {"document_type": "Automation", "content": json.dumps({"schemaVersion": "0.3", "mainSteps": [
             {"name": "c", "action": "aws:executeAwsApi", "inputs": {
                 "Service": "s3", "Api": "CopyObject", "Key": "day.csv",
                 "CopySource": "{bucket}%2Fexports%2Fday.csv"}}]})}),
        ("aws:scheduler/schedule:Schedule",
         {"schedule_expression": "rate(1 day)", "flexible_time_window": {"mode": "OFF"},
          "target": {  # arn (arn:<partition>:scheduler:::aws-sdk:s3:copyObject) and role_arn left out
                     "input": json.dumps({"Key": "day.csv",
                                          "CopySource": "/{bucket}/exports/day.csv"})}}),
    ],
)  # fmt: skip
def test_buckets_under_documented_keys_must_be_proven(token: str, props: dict[str, Any]) -> None:
    def subject(code: str) -> Subject:
        return Subject(token, "r", json.loads(json.dumps(props).replace("{bucket}", "acme-artifacts")), provider(code))

    assert rule_ids("CN", subject("CN")) == set()  # aws-cn lies wholly in CN: any bucket name is in-country
    assert rule_ids("EU", subject("EU")) == {"RES-017"}  # a shared namespace: not created here, not declared
    created_here, _ = ENGINES["EU"].check(subject("EU"), known=lambda name: name == "acme-artifacts")
    assert created_here == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("s3://telemetry.fleet.example.eu/capture/", set()),  # created by this stack (provenance below)
        ("s3://telemetry.partner.example.com/capture/", {"RES-017"}),
        ("s3://eu-west-1.elasticmapreduce/libs/script-runner/script-runner.jar", set()),  # AWS's, in eu-west-1
        ("s3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar", {"RES-017"}),
        ("s3://eu-west-1.elasticmapreduce.partner/x", {"RES-017"}),  # a look-alike is anyone's bucket
        ("s3://elasticmapreduce/bootstrap-actions/run-if", {"RES-017"}),  # regionless: names no region
    ],
)
def test_dotted_and_aws_owned_regional_buckets_in_s3_urls(url: str, expected: set[str]) -> None:
    props = {"data_capture_config": {"destination_s3_uri": url}}
    subject = Subject("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "e", props, provider("EU"))
    findings, _ = ENGINES["EU"].check(subject, known=lambda name: name == "telemetry.fleet.example.eu")
    assert {f.rule.id for f in findings} == expected
    assert rule_ids("CN", Subject(subject.type, "e", props, provider("CN"))) == set()  # aws-cn is wholly in CN


def test_a_templates_own_region_placeholder_is_the_stacks_region() -> None:
    # CloudFormation's ${AWS::Region} is "the Region in which the encompassing resource is being created": in a
    # stack's template it is the stack resource's own region, which is judged.
    queue = {"Fn::Sub": "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${Queue.QueueName}"}
    function = {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {"QUEUE_URL": queue}}}}
    template = json.dumps({"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}, "Fn": function}})

    def stack(props: dict[str, Any], region: str | None = "eu-west-1") -> Subject:
        return Subject("aws:cloudformation/stack:Stack", "s", props, ProviderRef("aws", "p", region))

    assert rule_ids("EU", stack({"template_body": template})) == set()
    # The twins: moved to another region, the stack (and the host its template names) is refused; with its region
    # unknown, or in another type where nothing fills the placeholder in, the host is not proven.
    assert rule_ids("EU", stack({"template_body": template, "region": "us-east-1"})) == {"RES-003", "RES-006"}
    assert rule_ids("EU", stack({"template_body": template}, region=None)) == {"RES-015"}
    env = {"environment": {"variables": {"QUEUE_URL": "https://sqs.${AWS::Region}.amazonaws.com/1/q"}}}
    assert rule_ids("EU", Subject("aws:lambda/function:Function", "f", env, provider("EU"))) == {"RES-015"}
    ros = json.dumps(
        {"Outputs": {"Oss": {"Value": {"Fn::Sub": "https://oss-${ALIYUN::Region}-internal.aliyuncs.com"}}}}
    )
    ros_stack = Subject("alicloud:ros/stack:Stack", "s", {"template_body": ros}, provider("CN", "alicloud"))
    assert rule_ids("CN", ros_stack) == set()


def _bucket_policy(resource: Any) -> dict[str, Any]:
    statement = {"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject"}
    document = {"Statement": [{**statement, "Resource": resource}]}
    return {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Logs"}, "PolicyDocument": document}}


_LOGS_BUCKET = {"Type": "AWS::S3::Bucket"}


@pytest.mark.parametrize(
    ("code", "region", "resource", "expected"),
    [
        # AWS::Partition is the stack's own partition: a partner's bucket is read as an ARN and refused in the EU ...
        ("EU", "eu-west-1", "arn:${AWS::Partition}:s3:::partner-bucket/*", {"RES-017"}),
        ("EU", "eu-west-1", {"Fn::Sub": "arn:${AWS::Partition}:s3:::partner-bucket/*"}, {"RES-017"}),
        ("EU", "eu-west-1", {"Fn::Sub": "arn:${AWS::Partition}:sqs:us-east-1:${AWS::AccountId}:q"}, {"RES-004"}),
        # ... and proven in CN, where it is aws-cn (every aws-cn region is in China).
        ("CN", "cn-north-1", "arn:${AWS::Partition}:s3:::partner-bucket/*", set()),
        ("CN", "cn-north-1", {"Fn::Sub": "arn:${AWS::Partition}:sqs:cn-north-1:${AWS::AccountId}:q"}, set()),
        # With the stack's region unknown, the partition is the jurisdiction's: nothing is proven by the guess.
        ("EU", None, "arn:${AWS::Partition}:s3:::partner-bucket/*", {"RES-017"}),
        # The template's own bucket: ${Logs} is its name (Fn::Sub reads it as Ref), made by the stack.
        ("EU", "eu-west-1", {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Logs}/*"}, set()),
        ("EU", "eu-west-1", {"Fn::Sub": "arn:aws:s3:::${Logs}/*"}, set()),
        ("CN", "cn-north-1", {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Logs}/*"}, set()),
        # A bucket named after it, or the same name given by a Sub variable map, is not the template's bucket.
        ("EU", "eu-west-1", {"Fn::Sub": "arn:aws:s3:::${Logs}-archive/*"}, {"RES-017"}),
        ("EU", "eu-west-1", {"Fn::Sub": ["arn:aws:s3:::${Logs}/*", {"Logs": "partner-bucket"}]}, {"RES-017"}),
        ("EU", "eu-west-1", {"Fn::Sub": "arn:aws:s3:::${Unknown}/*"}, {"RES-017"}),
    ],
)
def test_a_templates_partition_and_own_buckets(
    code: str, region: str | None, resource: Any, expected: set[str]
) -> None:
    template = json.dumps({"Resources": {"Logs": _LOGS_BUCKET, "Policy": _bucket_policy(resource)}})
    stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": template}, ProviderRef("aws", "p", region))
    assert rule_ids(code, stack) == expected


@pytest.mark.parametrize(
    ("logs", "parameters", "expected"),
    [
        ({"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-logs-eu"}}, {}, set()),
        # A Parameter (with or without a default) is whatever the deployer passes: unproven. So is another type
        # under the logical id (an SNS topic's Ref is an ARN, not a bucket this stack made). A Parameter whose
        # name differs only in case leaves the bucket unproven too (names are also compared lower-case).
        (None, {"Logs": {"Type": "String"}}, {"RES-017"}),
        (None, {"Logs": {"Type": "String", "Default": "fleet-logs-eu"}}, {"RES-017"}),
        ({"Type": "AWS::SNS::Topic"}, {}, {"RES-017"}),
        ({"Type": "AWS::S3::Bucket"}, {"LOGS": {"Type": "String"}}, {"RES-017"}),
    ],
)
def test_only_a_bucket_the_template_creates_is_proven_by_it(
    logs: dict[str, Any] | None, parameters: dict[str, Any], expected: set[str]
) -> None:
    resources: dict[str, Any] = {"Policy": _bucket_policy({"Fn::Sub": "arn:aws:s3:::${Logs}/*"})}
    if logs is not None:
        resources["Logs"] = logs
    template: dict[str, Any] = {"Parameters": parameters, "Resources": resources}
    if logs is not None and "BucketName" in logs.get("Properties", {}):
        resources["Policy"] = _bucket_policy("arn:aws:s3:::fleet-logs-eu/*")  # its literal name
    stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))
    assert rule_ids("EU", stack) == expected


_OWN_RESOURCES = {
    "Db": {"Type": "AWS::RDS::DBInstance"},
    "Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer"},
    "Eip": {"Type": "AWS::EC2::EIP"},
    "Queue": {"Type": "AWS::SQS::Queue"},
    "Partner": {"Type": "AWS::CloudFormation::Stack"},
}
# A template creating a CloudFront distribution is itself refused outside aws-cn (RES-016, template_services): the
# distribution is added only to the cases that name it.
_DIST = {"Type": "AWS::CloudFront::Distribution"}


def _with_dist(names: Any) -> dict[str, Any]:
    return {"Dist": _DIST} if "Dist" in json.dumps(names) else {}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # A URL whose whole host is a Parameter (with a default or not) or an unknown name: whoever deploys chooses it.
        ("https://${Endpoint}/hook", {"RES-015"}),
        ("https://${Endpoint}:8443/hook", {"RES-015"}),
        ("https://${Unknown}/hook", {"RES-015"}),
        ("s3://${Endpoint}/exports/", {"RES-017"}),
        (["https://${Db}/x", {"Db": "hooks.partner.example.com"}], {"RES-015"}),  # the map shadows the resource
        # What the template creates: its bucket, a catalogued address of its resource (template_attributes).
        ("s3://${Logs}/exports/", set()),
        ("jdbc:postgresql://${Db.Endpoint.Address}:5432/app", set()),
        ("https://${Db.Endpoint.Address}:5432/", set()),
        ("https://${Lb.DNSName}/", set()),
        ("https://${Eip}/", set()),  # an EIP's Ref is its address
        ("https://${Logs.RegionalDomainName}/x", set()),
        # A resource's Ref that is no host (a DB instance's identifier), an attribute the catalogue does not list, a
        # nested stack's output (whatever that stack returns): unproven. So is an attribute as a bucket.
        ("https://${Db}/x", {"RES-015"}),
        ("https://${Db.DbiResourceId}/x", {"RES-015"}),
        ("https://${Partner.Outputs.Host}/x", {"RES-015"}),
        ("https://${Endpoint.Address}/x", {"RES-015"}),  # a Parameter has no attributes to prove
        ("s3://${Partner.Outputs.Bucket}/x", {"RES-017"}),
        ("s3://${Logs.RegionalDomainName}/x", {"RES-017"}),
        # A CloudFront distribution's DomainName is served from edge locations worldwide.
        ("https://${Dist.DomainName}/x", {"RES-016"}),
        # A host the variable is only part of is judged as before.
        ("https://${Api}.execute-api.${AWS::Region}.amazonaws.com/prod", set()),
        ("https://${Api}.execute-api.us-east-1.amazonaws.com/prod", {"RES-006"}),
        # A host or bucket a variable is only part of: the rest is judged (a label of someone's domain, a bucket
        # named after a Parameter, not one the template creates).
        ("https://${Endpoint}.partner.example.com/hook", {"RES-015"}),
        ("https://api-${Endpoint}.example.eu/x", {"RES-015"}),
        ("https://${Db.Endpoint.Address}:${Port}/", set()),
        ("s3://${Endpoint}-exports/x", {"RES-017"}),
        ("s3://${Logs}/${Endpoint}/x", set()),
    ],
)
def test_a_templates_url_named_by_a_variable(url: Any, expected: set[str]) -> None:
    target = {
        "Type": "AWS::Lambda::Function",
        "Properties": {"Environment": {"Variables": {"TARGET": {"Fn::Sub": url}}}},
    }
    template = {
        "Parameters": {"Endpoint": {"Type": "String", "Default": "hooks.example.eu"}},
        "Resources": {"Logs": _LOGS_BUCKET, "Fn": target, **_OWN_RESOURCES, **_with_dist(url)},
    }
    stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))
    assert rule_ids("EU", stack) == expected


_LOGICAL_ID = st.from_regex(r"[A-Z][A-Za-z0-9]{0,20}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(_LOGICAL_ID, _LOGICAL_ID, st.sampled_from(["s3://{v}/{p}", "https://{v}/{p}", "https://{v}:8443/{p}", "s3://{v}"]),
       st.from_regex(r"[a-z0-9/._-]{0,20}", fullmatch=True))  # fmt: skip
def test_only_what_a_template_creates_names_a_url_by_a_variable(bucket: str, param: str, shape: str, rest: str) -> None:
    # Whatever the names: the template's bucket proves the URL (its name, or its regional domain name as a host); a
    # Parameter never does.
    assume(bucket.lower() != param.lower() and "Fn" not in (bucket, param))
    host = not shape.startswith("s3")

    def stack(name: str) -> Subject:
        variable = f"{name}.RegionalDomainName" if host and name == bucket else name
        url = shape.format(v=f"${{{variable}}}", p=rest)
        target = {
            "Type": "AWS::Lambda::Function",
            "Properties": {"Environment": {"Variables": {"T": {"Fn::Sub": url}}}},
        }
        template = {"Parameters": {param: {"Type": "String"}}, "Resources": {bucket: _LOGS_BUCKET, "Fn": target}}
        return Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))

    assert rule_ids("EU", stack(bucket)) == set()
    assert rule_ids("EU", stack(param)) == ({"RES-017"} if shape.startswith("s3") else {"RES-015"})


def _template_stack(
    properties: dict[str, Any], code: str = "EU", token: str = "aws:cloudformation/stack:Stack"
) -> Subject:
    """A template whose SNS subscription and function take the values under test, beside the template's own
    resources (``_OWN_RESOURCES``) and a Parameter ``Host``."""
    template = {
        "Parameters": {"Host": {"Type": "String", "Default": "hooks.example.eu"}},
        "Resources": {
            "Logs": _LOGS_BUCKET,
            **_OWN_RESOURCES,
            **_with_dist(properties),
            "Target": {"Type": "AWS::Lambda::Function", "Properties": properties},
        },
    }
    return Subject(token, "s", {"template_body": json.dumps(template)}, provider(code))


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        # A Parameter, an import or another stack's output as the whole host: whatever the deployer passes.
        ("DB_HOST", {"Ref": "Host"}, {"RES-015"}),
        ("DB_HOST", {"Fn::Sub": "${Host}"}, {"RES-015"}),
        ("DB_HOST", {"Fn::Sub": "${Host}:5432"}, {"RES-015"}),
        ("DB_HOST", {"Fn::Sub": "  ${Host} "}, {"RES-015"}),  # spaces around it: still the whole host
        ("DB_HOST", {"Fn::Sub": ["  ${Host}", {}]}, {"RES-015"}),
        ("DB_HOST", {"Fn::Sub": " ${Db.Endpoint.Address}:5432 "}, set()),
        ("DB_HOST", {"Fn::ImportValue": "shared-db-host"}, {"RES-015"}),
        ("DB_HOST", {"Fn::GetAtt": ["Partner", "Outputs.Host"]}, {"RES-015"}),
        ("DB_HOST", {"Fn::GetAtt": "Db.DbiResourceId"}, {"RES-015"}),  # an attribute that is no address
        ("DB_HOST", {"Fn::GetAtt": ["Missing", "Endpoint.Address"]}, {"RES-015"}),
        ("CDN_HOST", {"Fn::GetAtt": ["Dist", "DomainName"]}, {"RES-016"}),
        # The template's own resources, by their catalogued addresses.
        ("DB_HOST", {"Fn::GetAtt": ["Db", "Endpoint.Address"]}, set()),
        ("DB_HOST", {"Fn::GetAtt": "Db.Endpoint.Address"}, set()),
        ("DB_HOST", {"Fn::Sub": "${Db.Endpoint.Address}:5432"}, set()),
        ("API_HOST", {"Fn::GetAtt": ["Lb", "DNSName"]}, set()),
        ("QUEUE_URL", {"Ref": "Queue"}, set()),  # an SQS queue's Ref is its URL
        # A choice is judged as each value it may give: one branch from a Parameter is enough to refuse.
        ("DB_HOST", {"Fn::If": ["Prod", {"Fn::GetAtt": ["Db", "Endpoint.Address"]}, {"Ref": "Host"}]}, {"RES-015"}),
        (
            "DB_HOST",
            {"Fn::If": ["Prod", {"Fn::GetAtt": ["Db", "Endpoint.Address"]}, "db.partner.example.com"]},
            {"RES-015"},
        ),
        ("DB_HOST", {"Fn::Select": [0, {"Ref": "Host"}]}, {"RES-015"}),
        ("DB_HOST", {"Fn::Select": [0, {"Fn::Split": [",", {"Ref": "Host"}]}]}, {"RES-015"}),
        ("DB_HOST", {"Fn::If": ["Prod", {"Fn::GetAtt": ["Db", "Endpoint.Address"]}, {"Ref": "AWS::NoValue"}]}, set()),
        (
            "DB_HOST",
            {"Fn::Select": [1, [{"Fn::GetAtt": ["Db", "Endpoint.Address"]}, {"Fn::GetAtt": "Lb.DNSName"}]]},
            set(),
        ),
        ("REGION_HOST", {"Ref": "AWS::Region"}, set()),  # a pseudo parameter is judged where it is read
        # An Fn::Sub with no variable left is its text, judged as the plain value (passed unjudged before stop 34's
        # second-round false-alarm review); the stack's own regional endpoint passes.
        ("DB_HOST", {"Fn::Sub": "db.partner.example.com:5432"}, {"RES-015"}),
        ("DB_HOST", {"Fn::Sub": "db.partner.example.com"}, {"RES-015"}),
        ("QUEUE_HOST", {"Fn::Sub": "sqs.${AWS::Region}.${AWS::URLSuffix}"}, set()),
        ("QUEUE_HOST", {"Fn::Sub": ["sqs.${AWS::Region}.amazonaws.com", {}]}, set()),
        # Not a host key: nothing to prove (the name of a table, a topic's Parameter).
        ("TABLE_NAME", {"Ref": "Host"}, set()),
        # A bucket key: a Parameter or an import names anyone's bucket; the template's own bucket is proven.
        ("OUTPUT_BUCKET", {"Ref": "Host"}, {"RES-017"}),
        ("OUTPUT_BUCKET", {"Fn::ImportValue": "shared-artifacts"}, {"RES-017"}),
        ("OUTPUT_BUCKET", {"Ref": "Logs"}, set()),
    ],
)
def test_a_template_function_as_a_whole_host_or_bucket(variable: str, value: Any, expected: set[str]) -> None:
    properties = {"Environment": {"Variables": {variable: value}}}
    assert rule_ids("EU", _template_stack(properties)) == expected


def test_a_template_function_as_a_subscription_endpoint_and_code_bucket() -> None:
    # An SNS subscription's Endpoint (an ARN for sqs/lambda, a URL for https) and a function's Code.S3Bucket, in the
    # CloudFormation user guide's forms.
    def subscription(endpoint: Any) -> Subject:
        sub = {"Type": "AWS::SNS::Subscription", "Properties": {"Protocol": "sqs", "Endpoint": endpoint}}
        template = {
            "Parameters": {"Host": {"Type": "String"}},
            "Resources": {"Queue": _OWN_RESOURCES["Queue"], "S": sub},
        }
        return Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))

    assert rule_ids("EU", subscription({"Fn::GetAtt": ["Queue", "Arn"]})) == set()
    assert rule_ids("EU", subscription({"Ref": "Host"})) == {"RES-015"}
    assert rule_ids("EU", subscription({"Fn::ImportValue": "partner-queue-arn"})) == {"RES-015"}
    # The name a template bucket is created under, a Parameter's or not, is no destination; a policy for a bucket
    # the Parameter names is judged like one on a literal bucket (RES-017).
    for name in ({"Ref": "Host"}, {"Fn::Sub": "${AWS::StackName}-logs"}, {"Fn::ImportValue": "logs-bucket-name"}):
        bucket = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": name}}
        template = {"Parameters": {"Host": {"Type": "String"}}, "Resources": {"Logs": bucket}}
        stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))
        assert rule_ids("EU", stack) == set()
    policy = {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Host"}, "PolicyDocument": {}}}
    template = {"Parameters": {"Host": {"Type": "String"}}, "Resources": {"Policy": policy}}
    stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))
    assert rule_ids("EU", stack) == {"RES-017"}
    own = _template_stack({"Code": {"S3Bucket": {"Ref": "Logs"}, "S3Key": "fn.zip"}})
    assert rule_ids("EU", own) == set()
    given = _template_stack({"Code": {"S3Bucket": {"Ref": "Host"}, "S3Key": "fn.zip"}})
    assert rule_ids("EU", given) == {"RES-017"}


@pytest.mark.parametrize(
    ("origin", "expected"),
    [
        ({"Fn::GetAtt": ["Logs", "DomainName"]}, set()),  # the template's own bucket, whichever of its names
        ({"Fn::GetAtt": ["Logs", "RegionalDomainName"]}, set()),
        ({"Fn::GetAtt": ["Lb", "DNSName"]}, set()),
        ({"Ref": "Host"}, {"RES-015"}),
        ({"Fn::ImportValue": "partner-origin"}, {"RES-015"}),
    ],
)
def test_a_template_distributions_origin(origin: Any, expected: set[str]) -> None:
    # The CloudFormation user guide's AWS::CloudFront::Distribution example: the origin CloudFront fetches from is a
    # host path (origins.domain_name), judged like any host of the template (here in CN, where the aws-cn
    # distribution itself is resident).
    config = {"Enabled": True, "Origins": [{"Id": "o", "DomainName": origin, "S3OriginConfig": {}}]}
    template = {
        "Parameters": {"Host": {"Type": "String"}},
        "Resources": {"Logs": _LOGS_BUCKET, **_OWN_RESOURCES, "Site": {"Type": "AWS::CloudFront::Distribution",
                                                                        "Properties": {"DistributionConfig": config}}},
    }  # fmt: skip
    stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("CN"))
    assert rule_ids("CN", stack) == expected


def test_a_cloudfront_domain_in_a_template_is_judged_as_cloudfront() -> None:
    # CloudFront in aws-cn serves only from edges in mainland China: its DomainName is resident in CN, not in the EU.
    properties = {"Environment": {"Variables": {"CDN_URL": {"Fn::Sub": "https://${Dist.DomainName}/"}}}}
    assert rule_ids("EU", _template_stack(properties)) == {"RES-016"}
    assert rule_ids("CN", _template_stack(properties, "CN")) == set()


def test_a_stack_sets_template_proves_only_its_own_resources() -> None:
    # A StackSet's resources are made in each instance's region (judged on the StackSetInstance): a Parameter stays
    # unproven there too, and the region placeholder, which names several regions, stays unread.
    token = "aws:cloudformation/stackSet:StackSet"
    env = {"DB_HOST": {"Ref": "Host"}, "API": {"Fn::Sub": "https://${Host}/"}}
    assert rule_ids("EU", _template_stack({"Environment": {"Variables": env}}, token=token)) == {"RES-015"}
    own = {"DB_HOST": {"Fn::GetAtt": ["Db", "Endpoint.Address"]}, "LOGS": {"Fn::Sub": "s3://${Logs}/"}}
    assert rule_ids("EU", _template_stack({"Environment": {"Variables": own}}, token=token)) == set()
    queue = {"QUEUE_URL": {"Fn::Sub": "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/q"}}
    assert rule_ids("EU", _template_stack({"Environment": {"Variables": queue}}, token=token)) == {"RES-015"}


# stackset49 (stop 49): a StackSet / stack group written in a template is read as the Pulumi one's template, once per
# instance group with its overrides over the StackSet's Parameters (the table's bodies: the Parameter `Where`, a neutral
# name, is a replica's or a peer's Region only where the template uses it).


def _pairs(values: dict[str, str]) -> list[dict[str, str]]:
    return [{"ParameterKey": k, "ParameterValue": v} for k, v in values.items()]


def _template_stack_set(
    code: str,
    default: str,
    given: dict[str, str] | None,
    groups: list[dict[str, str]] | None,
    token: str = "aws:cloudformation/stack:Stack",
) -> Subject:
    """A stack whose template makes an AWS::CloudFormation::StackSet whose body replicates a global table to the
    Parameter `Where` (Default ``default``), with the StackSet's own ``given`` Parameters and one instance group per
    map of ``groups`` (its ParameterOverrides)."""
    props: dict[str, Any] = {
        "StackSetName": "trips",
        "PermissionModel": "SELF_MANAGED",
        "TemplateBody": trips_body(default),
    }
    if given is not None:
        props["Parameters"] = _pairs(given)
    if groups is not None:
        props["StackInstancesGroup"] = [
            {"DeploymentTargets": {"Accounts": ["123456789012"]}, "Regions": [AWS_REPLICA_HOME[code]],
             **({"ParameterOverrides": _pairs(g)} if g else {})}
            for g in groups
        ]  # fmt: skip
    template = {"Resources": {"TripsSet": {"Type": "AWS::CloudFormation::StackSet", "Properties": props}}}
    return Subject(token, "s", {"template_body": json.dumps(template)}, provider(code))


@pytest.mark.parametrize("code", ["EU", "DE", "US", "JP", "CN"])
@pytest.mark.parametrize(
    ("default", "given", "groups", "refused"),
    [
        ("home", None, None, False),
        # The Default is what an instance runs with when nothing overrides it: abroad, refused (passed before).
        ("abroad", None, None, True),
        ("home", {"Where": "abroad"}, None, True),  # the StackSet's own value (passed before)
        ("home", None, [{"Where": "abroad"}], True),  # an instance group's override (passed before)
        ("home", None, [{}, {"Where": "abroad"}], True),
        # Every instance group overrides the foreign Default (or the StackSet's value) with an in-country Region.
        ("abroad", None, [{"Where": "home"}], False),
        ("abroad", {"Where": "abroad"}, [{"Where": "home"}, {"Where": "home"}], False),
        ("abroad", {"Where": "home"}, [{}], False),
        # One group leaves the foreign Default.
        ("abroad", None, [{"Where": "home"}, {}], True),
    ],
)
def test_a_template_stack_set_runs_with_each_groups_overrides(
    code: str, default: str, given: dict[str, str] | None, groups: list[dict[str, str]] | None, refused: bool
) -> None:
    where = {"home": AWS_REPLICA_HOME[code], "abroad": AWS_REPLICA_ABROAD[code]}
    given = {k: where[v] for k, v in given.items()} if given is not None else None
    groups = [{k: where[v] for k, v in g.items()} for g in groups] if groups is not None else None
    expected = {"RES-009"} if refused else set()
    for token in ("aws:cloudformation/stack:Stack", "aws:cloudformation/stackSet:StackSet"):
        assert rule_ids(code, _template_stack_set(code, where[default], given, groups, token)) == expected, token


def test_a_template_stack_set_refusal_names_the_replica_in_its_body() -> None:
    subject = _template_stack_set("EU", "eu-north-1", None, [{"Where": "us-east-1"}])
    findings = ENGINES["EU"].check(subject)[0]
    # Since stop 52 (stackref52) the instance group's override is a Region where it is given too, as a Pulumi
    # instance's is (typed_region_fields through the template resource's `items`).
    assert sorted((f.rule.id, f.path, f.value) for f in findings) == [
        ("RES-009", "template_body(json).Resources.TripsSet.Properties.StackInstancesGroup[0].ParameterOverrides[0]"
         ".ParameterValue", "us-east-1"),
        ("RES-009", "template_body(json).Resources.TripsSet.Properties.TemplateBody.Resources.Trips.Properties"
         ".Replicas[1].Region", "us-east-1"),
    ]  # fmt: skip


def _ros_stack_group(default: str, given: str | None, instances: list[tuple[str, dict[str, str]]]) -> Subject:
    """A ROS stack whose template makes an ALIYUN::ROS::StackGroup `peering` (a VPC peering to the Parameter `Where`'s
    Region, Default ``default``; ``given`` its own Parameters' value) and one ALIYUN::ROS::StackInstances per
    (group name, ParameterOverrides) of ``instances``."""
    props: dict[str, Any] = {"StackGroupName": "peering", "TemplateBody": peering_body(default)}
    if given is not None:
        props["Parameters"] = {"Where": given}
    resources: dict[str, Any] = {"Group": {"Type": "ALIYUN::ROS::StackGroup", "Properties": props}}
    for i, (name, overrides) in enumerate(instances):
        resources[f"Instances{i}"] = {"Type": "ALIYUN::ROS::StackInstances", "Properties": {
            "StackGroupName": name, "RegionIds": ["cn-beijing"], "AccountIds": ["1234567890123456"],
            "ParameterOverrides": overrides}}  # fmt: skip
    template = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources}
    return Subject("alicloud:ros/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("CN", "alicloud"))


@pytest.mark.parametrize(
    ("default", "given", "instances", "expected"),
    [
        ("cn-beijing", None, [], set()),
        ("ap-southeast-1", None, [], {"RES-009"}),  # the Default (passed before)
        ("cn-beijing", "ap-southeast-1", [], {"RES-009"}),  # the group's own value (passed before: a neutral name)
        ("ap-southeast-1", "cn-hangzhou", [], set()),
        # The template's instances of the group override its foreign Default with a mainland region.
        ("ap-southeast-1", None, [("peering", {"Where": "cn-beijing"})], set()),
        ("ap-southeast-1", None, [("peering", {"Where": "cn-beijing"}), ("peering", {})], {"RES-009"}),
        ("cn-beijing", None, [("peering", {"Where": "ap-southeast-1"})], {"RES-009"}),  # passed before
        # Instances of another group (made elsewhere) say nothing of this one's: its Default is read.
        ("ap-southeast-1", None, [("other", {"Where": "cn-beijing"})], {"RES-009"}),
    ],
)
def test_a_template_stack_group_runs_with_its_instances_overrides(
    default: str, given: str | None, instances: list[tuple[str, dict[str, str]]], expected: set[str]
) -> None:
    assert rule_ids("CN", _ros_stack_group(default, given, instances)) == expected


def _pulumi_stack_set(code: str, default: str, given: str | None) -> Subject:
    """(stackinst50) A Pulumi StackSet `trips` whose template replicates a global table to the Parameter `Where`
    (Default ``default``; ``given``: its own `parameters` value)."""
    props: dict[str, Any] = {"name": "trips", "template_body": trips_body(default)}
    if given is not None:
        props["parameters"] = {"Where": given}
    return Subject("aws:cloudformation/stackSet:StackSet", "trips", props, provider(code))


@pytest.mark.parametrize("code", ["EU", "DE", "US", "JP", "CN"])
@pytest.mark.parametrize(
    ("default", "given", "instances", "refused"),
    [
        # No instance of the program names it: its own values and Defaults (as before).
        ("home", None, None, False),
        ("abroad", None, None, True),
        # One instance overriding the in-country Default abroad (passed before), or leaving it.
        ("home", None, [{"Where": "abroad"}], True),
        ("home", None, [None], False),
        # A foreign Default every instance overrides at home (refused before), or one instance leaves.
        ("abroad", None, [{"Where": "home"}, {"Where": "home"}], False),
        ("abroad", None, [{"Where": "home"}, None], True),
        # The StackSet's own value abroad, overridden by its one instance; left by another.
        ("home", "abroad", [{"Where": "home"}], False),
        ("home", "abroad", [{"Where": "home"}, {}], True),
    ],
)
def test_a_pulumi_stack_set_runs_with_its_instances_overrides(
    code: str, default: str, given: str | None, instances: list[dict[str, str] | None] | None, refused: bool
) -> None:
    where = {"home": AWS_REPLICA_HOME[code], "abroad": AWS_REPLICA_ABROAD[code]}
    overrides = None if instances is None else [{k: where[v] for k, v in o.items()} if o else o for o in instances]
    subject = _pulumi_stack_set(code, where[default], None if given is None else where[given])
    known = stacksets.with_instances(lambda _: False, overrides)
    assert rule_ids_known(code, subject, known) == ({"RES-009"} if refused else set())


def test_a_pulumi_stack_sets_refusal_names_the_replica_its_instance_gives() -> None:
    known = stacksets.with_instances(lambda _: False, [{"Where": "us-east-1"}])
    findings = ENGINES["EU"].check(_pulumi_stack_set("EU", "eu-north-1", None), known=known)[0]
    assert [(f.rule.id, f.path, f.value) for f in findings] == [
        ("RES-009", "template_body(json).Resources.Trips.Properties.Replicas[1].Region", "us-east-1")
    ]
    assert all(ENGINES["EU"].judged_with_instances(f) for f in findings)


@pytest.mark.parametrize(
    ("default", "overrides", "expected"),
    [
        ("cn-beijing", [[{"parameter_key": "Where", "parameter_value": "ap-southeast-1"}]], {"RES-009"}),
        ("ap-southeast-1", [[{"parameterKey": "Where", "parameterValue": "cn-beijing"}]], set()),
        ("ap-southeast-1", [[{"parameter_key": "Where", "parameter_value": "cn-beijing"}], None], {"RES-009"}),
        ("ap-southeast-1", None, {"RES-009"}),
    ],
)
def test_a_pulumi_stack_group_runs_with_its_instances_overrides(
    default: str, overrides: list[Any] | None, expected: set[str]
) -> None:
    # (stackinst50) ROS pairs, as the SDK (snake_case) and the engine's documents (camelCase) write them.
    props = {"stack_group_name": "peering", "template_body": json.dumps(peering_body(default))}
    subject = Subject("alicloud:ros/stackGroup:StackGroup", "peering", props, provider("CN", "alicloud"))
    known = stacksets.with_instances(lambda _: False, overrides)
    assert rule_ids_known("CN", subject, known) == expected


def test_a_stack_set_whose_instances_overrides_are_not_known_defers_its_parameters() -> None:
    # (stackinst50) A preview's unknown (or a secret the document blinds) may give any Parameter: deferred where it is
    # used, as a stack's given value not known yet is; its Default is not read (that refused a compliant preview).
    unknown = object()
    known = stacksets.with_instances(lambda _: False, [unknown])
    findings, pending = ENGINES["EU"].check(
        _pulumi_stack_set("EU", "us-east-1", None), defer=lambda v: v is unknown, known=known
    )
    assert findings == []
    assert [p.value for p in pending] == [unknown]


# stackref54 (stop 54): a StackSet's template reading a host from a Parameter (`DB_HOST: {"Ref": "Target"}`) receives
# each run's value (its instance's override over the StackSet's own `parameters`), as a cloudformation.Stack's template
# receives the stack's: the Region's own service host passes (RES-015 whatever the instance gave before), a partner's
# host is refused as itself. With no instance of the program naming the StackSet (instances made elsewhere may give
# anything), with an instance leaving it, or with only a Default, the Parameter proves nothing (RES-015, as before).
def _host_stack_set(code: str, given: str | None, default: str | None = None) -> Subject:
    target: dict[str, Any] = {"Type": "String"} if default is None else {"Type": "String", "Default": default}
    partition = "aws-cn" if code == "CN" else "aws"
    body = {
        "Parameters": {"Target": target},
        "Resources": {"Trips": {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler",
            "Role": f"arn:{partition}:iam::123456789012:role/trips",
            "Code": {"ZipFile": "def handler(e, c):\n    return e\n"},
            "Environment": {"Variables": {"DB_HOST": {"Ref": "Target"}}}}}},
    }  # fmt: skip
    props: dict[str, Any] = {"name": "trips", "template_body": json.dumps(body)}
    if given is not None:
        props["parameters"] = {"Target": given}
    return Subject("aws:cloudformation/stackSet:StackSet", "trips", props, provider(code))


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("given", "default", "instances", "expected"),
    [
        (None, None, [{"Target": "home"}], set()),
        (None, None, [{"Target": "home"}, {"Target": "home"}], set()),
        (None, None, [{"Target": "partner"}], {"RES-015"}),
        (None, None, [{"Target": "home"}, {"Target": "partner"}], {"RES-015"}),
        ("home", None, [{}], set()),  # the StackSet's own value, which its one instance keeps
        ("partner", None, [{"Target": "home"}], set()),  # overridden by the one instance
        (None, None, [{}], {"RES-015"}),  # nothing given: the Parameter proves nothing
        (None, "home", [{}], {"RES-015"}),  # its Default alone proves nothing, as a stack's
        ("home", None, None, {"RES-015"}),  # no instance of the program: instances elsewhere may give anything
        (None, None, None, {"RES-015"}),
    ],
)
def test_a_stack_sets_parameter_host_is_the_value_each_instance_runs_it_with(
    code: str, given: str | None, default: str | None, instances: list[dict[str, str]] | None, expected: set[str]
) -> None:
    hosts = {"home": f"sqs.{provider(code).region}.{'amazonaws.com.cn' if code == 'CN' else 'amazonaws.com'}",
             "partner": "db.partner-analytics.com"}  # fmt: skip
    overrides = None if instances is None else [{k: hosts[v] for k, v in o.items()} for o in instances]
    subject = _host_stack_set(
        code, None if given is None else hosts[given], None if default is None else hosts[default]
    )
    known = stacksets.with_instances(lambda _: False, overrides)
    assert rule_ids_known(code, subject, known) == expected


def test_a_stack_sets_parameter_host_given_by_an_unknown_override_is_deferred() -> None:
    # stackref54: a run whose overrides are one value not known here (a preview's unknown) gives it to the Parameter,
    # deferred where it is used (judged by where it comes from, then at `up`), not RES-015.
    unknown = object()
    known = stacksets.with_instances(lambda _: False, [unknown])
    findings, pending = ENGINES["EU"].check(_host_stack_set("EU", None), defer=lambda v: v is unknown, known=known)
    assert findings == []
    assert [p.value for p in pending] == [unknown]


def test_the_stack_set_join_names_a_stack_set_by_its_key_or_its_literal_name() -> None:
    join = stacksets.StackSetJoin(lambda v: v == "<unknown>")
    aws_set = "aws:cloudformation/stackSet:StackSet"
    instance = "aws:cloudformation/stackSetInstance:StackSetInstance"
    join.add_instance(instance, {"stackSetName": "x", "parameterOverrides": {"Where": "a"}}, ("urn", "u1"))
    join.add_instance(instance, {"stack_set_name": "trips", "parameter_overrides": {"Where": "b"}}, None)
    join.add_instance(instance, {"stack_set_name": "<unknown>", "parameter_overrides": {"Where": "c"}}, None)
    join.add_instance("aws:cloudformation/stackInstances:StackInstances", {"stack_set_name": "partner"}, None)
    assert join.overrides(aws_set, {"name": "other"}, [("urn", "u1")]) == [{"Where": "a"}]
    assert join.overrides(aws_set, {"name": "trips"}, [("urn", "u2")]) == [{"Where": "b"}]
    assert join.overrides(aws_set, {"name": "partner"}, []) == [None]
    assert join.overrides(aws_set, {"name": "nobody"}, [("urn", "u3")]) is None
    # A StackSet of another type is not named by an AWS instance's literal name.
    assert join.overrides("alicloud:ros/stackGroup:StackGroup", {"stack_group_name": "trips"}, []) is None


def _ros_stack(variables: dict[str, Any]) -> Subject:
    template = {
        "ROSTemplateFormatVersion": "2015-09-01",
        "Parameters": {"Target": {"Type": "String"}},
        "Resources": {
            "Data": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-data"}},
            "Uploader": {"Type": "ALIYUN::FC3::Function", "Properties": {"EnvironmentVariables": variables}},
        },
    }
    return Subject("alicloud:ros/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("CN", "alicloud"))


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        # ROS's Fn::GetAtt of an ALIYUN::OSS::Bucket gives its Name and its (internal) domain name; ${Data.Name} in
        # Fn::Sub is the same value.
        ({"EXPORTS": {"Fn::Sub": "oss://${Data.Name}/exports/"}}, set()),
        ({"OSS_ENDPOINT": {"Fn::GetAtt": ["Data", "InternalDomainName"]}}, set()),
        ({"OSS_URL": {"Fn::Sub": "https://${Data.DomainName}/"}}, set()),
        # A Parameter, another stack's output, an attribute that is not the bucket's name, or the bucket's Ref (which
        # Alibaba's pages do not document): unproven.
        ({"EXPORTS": {"Fn::Sub": "oss://${Target}/exports/"}}, {"RES-017"}),
        ({"EXPORTS": {"Fn::Sub": "oss://${Data}/exports/"}}, {"RES-017"}),
        ({"EXPORTS": {"Fn::Sub": "oss://${Data.DomainName}/exports/"}}, {"RES-017"}),
        ({"OSS_ENDPOINT": {"Ref": "Target"}}, {"RES-015"}),
        ({"OSS_ENDPOINT": {"Fn::GetStackOutput": {"StackId": "partner", "OutputKey": "Endpoint"}}}, {"RES-015"}),
        ({"OSS_URL": {"Fn::Sub": "https://${Target}/"}}, {"RES-015"}),
    ],
)
def test_a_ros_templates_own_bucket_and_parameters(variables: dict[str, Any], expected: set[str]) -> None:
    assert rule_ids("CN", _ros_stack(variables)) == expected


_WHOLE_FORMS = (
    lambda n, a: {"Ref": n} if a == "Ref" else {"Fn::GetAtt": [n, a]},
    lambda n, a: {"Ref": n} if a == "Ref" else {"Fn::GetAtt": f"{n}.{a}"},
    lambda n, a: {"Fn::Sub": f"${{{n}}}" if a == "Ref" else f"${{{n}.{a}}}"},
    lambda n, a: {"Fn::Sub": (f"${{{n}}}" if a == "Ref" else f"${{{n}.{a}}}") + ":8443"},
)


@settings(max_examples=100, deadline=None)
@given(_LOGICAL_ID, _LOGICAL_ID, st.sampled_from(_WHOLE_FORMS), st.sampled_from(["Endpoint", "DB_HOST", "HOOK_URL"]))
def test_only_a_catalogued_address_of_an_own_resource_is_a_whole_host(
    resource: str, param: str, form: Callable[[str, str], Any], key: str
) -> None:
    # Whatever the names and the function's form: the load balancer's DNSName proves the host; the Parameter, an
    # attribute the catalogue does not list, or a Ref of the balancer (its ARN) never does.
    assume(resource.lower() != param.lower() and "Fn" not in (resource, param))

    def stack(value: Any) -> Subject:
        target = {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {key: value}}}}
        template = {
            "Parameters": {param: {"Type": "String"}},
            "Resources": {resource: _OWN_RESOURCES["Lb"], "Fn": target},
        }
        return Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))

    assert rule_ids("EU", stack(form(resource, "DNSName"))) == set()
    assert rule_ids("EU", stack(form(param, "Ref"))) == {"RES-015"}
    assert rule_ids("EU", stack(form(resource, "LoadBalancerFullName"))) == {"RES-015"}
    assert rule_ids("EU", stack(form(resource, "Ref"))) == {"RES-015"}


def test_a_templates_url_suffix_is_its_partitions() -> None:
    # AWS::URLSuffix is amazonaws.com, amazonaws.com.cn in the China regions: a host built with it is read with it.
    url = {"Fn::Sub": "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/q"}
    function = {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {"QUEUE_URL": url}}}}
    template = json.dumps({"Resources": {"Fn": function}})
    for code in ("EU", "CN"):
        stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": template}, provider(code))
        assert rule_ids(code, stack) == set()
    moved = Subject(
        "aws:cloudformation/stack:Stack", "s", {"template_body": template, "region": "us-east-1"}, provider("EU")
    )
    assert rule_ids("EU", moved) == {"RES-003", "RES-006"}
    # Outside a stack's template nothing fills the placeholders in: the literal text is no ARN, and not read as one.
    env = {"environment": {"variables": {"Q": "arn:${AWS::Partition}:s3:::${Logs}"}}}
    assert rule_ids("EU", Subject("aws:lambda/function:Function", "f", env, provider("EU"))) == set()


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("fleet-data.oss-cn-shanghai.aliyuncs.com", set()),  # the bucket's regional endpoint
        ("fleet-data.oss-accelerate.aliyuncs.com", {"RES-016"}),  # access points worldwide
        ("fleet-data.oss-accelerate-overseas.aliyuncs.com", {"RES-016"}),  # access points outside the mainland
        ("oss-accelerate.aliyuncs.com", {"RES-015"}),  # no bucket label: a regionless aliyuncs.com host
    ],
)
def test_oss_acceleration_endpoints_are_never_proven_resident(host: str, expected: set[str]) -> None:
    env = {"environment_variables": {"OSS_ENDPOINT": f"https://{host}"}}
    function = Subject("alicloud:fc/function:Function", "f", env, provider("CN", "alicloud"))
    assert rule_ids("CN", function) == expected


@pytest.mark.parametrize(
    ("arn", "expected"),
    [
        (f"arn:aws:bedrock:eu-west-1::foundation-model/{_HAIKU}", set()),
        (f"arn:aws:bedrock:us-east-1::foundation-model/{_HAIKU}", {"RES-004"}),  # a model of a foreign region
        (f"arn:aws:bedrock:eu-west-1:123456789012:inference-profile/global.{_HAIKU}", {"RES-016"}),
        (f"eu.{_HAIKU}", {"RES-016"}),  # a profile id (the API's pattern also takes ids)
    ],
)
def test_a_data_sources_parsing_and_enrichment_models_are_judged_like_other_models(
    arn: str, expected: set[str]
) -> None:
    token = "aws:bedrock/agentDataSource:AgentDataSource"
    assert rule_ids("EU", Subject(token, "d", _parsing_model(arn), provider("EU"))) == expected
    model = {"model_arn": arn, "enrichment_strategy_configuration": {"method": "CHUNK_ENTITY_EXTRACTION"}}
    enrichment = {"type": "BEDROCK_FOUNDATION_MODEL", "bedrock_foundation_model_configuration": model}
    props = {"vector_ingestion_configuration": {"context_enrichment_configuration": enrichment}}
    assert rule_ids("EU", Subject(token, "d", props, provider("EU"))) == expected


_YAML_TEMPLATE = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Key:
    Type: AWS::KMS::Key
  Db:
    Type: AWS::RDS::DBInstance
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Ref Key
      ReplicaRegions:
        - Region: {replica}
  Consumer:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          DB_HOST: !GetAtt Db.Endpoint.Address
          QUEUE_URL: !Sub 'https://sqs.${{AWS::Region}}.amazonaws.com/${{AWS::AccountId}}/${{Queue.QueueName}}'
"""


@pytest.mark.parametrize(("replica", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
def test_a_yaml_template_with_short_form_functions_is_read_as_a_document(replica: str, expected: set[str]) -> None:
    # !Ref / !GetAtt / !Sub are read as their long forms: the template's region fields are judged (a replica in
    # us-east-1 passed when the unknown tags made the template free text), and !GetAtt Db.Endpoint.Address is the
    # address of the template's own DB instance (template_attributes).
    props = {"template_body": _YAML_TEMPLATE.format(replica=replica)}
    assert rule_ids("EU", Subject("aws:cloudformation/stack:Stack", "s", props, provider("EU"))) == expected
    # Without the DB instance among its Resources, !GetAtt Db.Endpoint.Address names nothing the template creates.
    props = {
        "template_body": _YAML_TEMPLATE.format(replica=replica).replace("  Db:\n    Type: AWS::RDS::DBInstance\n", "")
    }
    assert rule_ids("EU", Subject("aws:cloudformation/stack:Stack", "s", props, provider("EU"))) == expected | {
        "RES-015"
    }


@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        ("prod-eu-west-1-starport-layer-bucket", set()),  # ECR image layers of eu-west-1
        ("amazon-ssm-eu-central-1", set()),  # SSM Agent's bucket of eu-central-1
        ("eu-north-1-birdwatcher-prod", set()),
        ("prod-us-east-1-starport-layer-bucket", {"RES-017"}),  # AWS's, in us-east-1
        ("prod-eu-west-1-starport-layer-bucket-copy", {"RES-017"}),  # a look-alike is anyone's bucket
        ("amazon-ssm-eu-west-9", {"RES-017"}),  # no such region
        ("amazon-ssm-packages-", {"RES-017"}),
    ],
)
def test_aws_owned_regional_buckets_in_an_s3_gateway_endpoint_policy(bucket: str, expected: set[str]) -> None:
    # A private VPC's S3 gateway endpoint must let ECR and SSM Agent read AWS's buckets of the region by name.
    statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
    props = {"vpc_id": "vpc-1", "service_name": "com.amazonaws.eu-west-1.s3",
             "policy": json.dumps({"Version": "2012-10-17", "Statement": [statement]})}  # fmt: skip
    assert rule_ids("EU", Subject("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", props, provider("EU"))) == expected


@given(
    st.sampled_from(ENDPOINTS.regional_buckets),
    st.sampled_from(sorted(CATALOGUE.aws_region_partition)),
    st.sampled_from(["", "x", "-copy"]),
)
def test_every_aws_owned_regional_bucket_is_proven_by_its_region_and_nothing_else(
    owned: Any, region: str, extra: str
) -> None:
    # In an EU stack: AWS's bucket of an EU region is proven, of any other region refused; a name with anything
    # around the template's (a look-alike) is anyone's bucket.
    bucket = extra + owned.name.format(region=region) if extra == "x" else owned.name.format(region=region) + extra
    statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
    props = {"vpc_id": "vpc-1", "policy": json.dumps({"Version": "2012-10-17", "Statement": [statement]})}
    findings = ENGINES["EU"].check(Subject("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", props, provider("EU")))[0]
    proven = not extra and region in CATALOGUE.get("EU").aws.regions
    # A dotted name that is a host of a foreign region is refused as that host too (RES-004/006): any refusal.
    assert (findings == []) == proven, [f.rule.id for f in findings]


def test_a_regional_bucket_name_has_exactly_one_region() -> None:
    from components.residency.endpoints import RegionalBucket

    assert RegionalBucket(name="aws-ssm-{region}", source="s").region_in("aws-ssm-eu-west-1") == "eu-west-1"
    with pytest.raises(ValueError, match="exactly one"):
        RegionalBucket(name="aws-ssm-packages", source="s")


@pytest.mark.parametrize("key", ["custom_host_alias", "custom_host_alias_v2s"])
def test_an_sae_host_alias_address_is_a_destination(key: str) -> None:
    # /etc/hosts entries of an SAE application: the address the application reaches the name at.
    def subject(ip: str) -> Subject:
        entries: Any = [{"host_name": "telemetry.example.cn", "ip": ip}]
        if key == "custom_host_alias":  # the JSON form
            entries = json.dumps([{"hostName": "telemetry.example.cn", "ip": ip}])
        return Subject("alicloud:sae/application:Application", "app", {key: entries}, provider("CN", "alicloud"))

    assert rule_ids("CN", subject("10.20.0.8")) == set()
    assert rule_ids("CN", subject("203.0.113.10")) == {"RES-015"}


@pytest.mark.parametrize(("route", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
def test_an_event_bus_failover_route_is_a_region(route: str, expected: set[str]) -> None:
    props = {"routing_config": {"failover_config": {"secondary": {"route": route}}}}
    assert rule_ids("EU", Subject("aws:cloudwatch/eventEndpoint:EventEndpoint", "e", props, provider("EU"))) == expected


@pytest.mark.parametrize(("edge", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
def test_cloud_wan_edge_locations_are_regions(edge: str, expected: set[str]) -> None:
    policy = {"version": "2021.12",
              "core-network-configuration": {"asn-ranges": ["64512-65534"],
                                             "edge-locations": [{"location": "eu-west-1"}, {"location": edge}]},
              "segments": [{"name": "prod", "edge-locations": [edge]}]}  # fmt: skip
    subject = Subject("aws:networkmanager/coreNetwork:CoreNetwork", "wan", {"base_policy_document": json.dumps(policy)},
                      provider("EU"))  # fmt: skip
    findings, _ = ENGINES["EU"].check(subject)
    assert {f.rule.id for f in findings} == expected
    assert len(findings) == (0 if not expected else 2)  # the edge and the segment's edge


@pytest.mark.parametrize("key", ["regions", "region"])
def test_an_incident_replication_set_s_regions_are_regions(key: str) -> None:
    # Each block names a Region Incident Manager replicates incident data to (`region` is the deprecated spelling).
    def subject(second: str) -> Subject:
        regions = [{"name": "eu-west-1"}, {"name": second}]
        return Subject("aws:ssmincidents/replicationSet:ReplicationSet", "set", {key: regions}, provider("EU"))

    assert rule_ids("EU", subject("eu-central-1")) == set()
    assert rule_ids("EU", subject("us-east-1")) == {"RES-009"}


@pytest.mark.parametrize(
    ("token", "key", "many"),
    [
        ("aws:networkmanager/connectAttachment:ConnectAttachment", "edge_location", False),
        ("aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment", "edge_locations", True),
    ],
)
def test_a_cloud_wan_attachment_s_edge_locations_are_regions(token: str, key: str, many: bool) -> None:
    # The attached network's traffic enters the core network at that Region's edge.
    def subject(edge: str) -> Subject:
        props = {"core_network_id": "core-network-0a1b", key: ["eu-central-1", edge] if many else edge}
        return Subject(token, "a", props, provider("DE"))

    def own(name: str) -> bool:  # the stack's own core network (awsred47: another is RES-017 until declared)
        return name == group_key("core-network-0a1b")

    assert rule_ids_known("DE", subject("eu-central-1"), own) == set()
    assert rule_ids_known("DE", subject("us-east-1"), own) == {"RES-009"}


@pytest.mark.parametrize("entry", ENDPOINTS.global_group_fields, ids=lambda e: f"{e.type}:{e.path}")
def test_a_global_group_joined_by_name_must_be_this_stack_s(entry: Any) -> None:
    # A global database / datastore replicates to member regions out of sight: its name proves nothing by itself.
    cloud: Cloud = "aws" if entry.type.startswith("aws:") else "alicloud"
    shared = "EU" if cloud == "aws" else "JP"  # a jurisdiction whose namespace is shared with other countries

    def subject(code: str) -> Subject:
        props: Any = "fleet-global"
        for key in reversed(entry.path.split(".")):  # a nested path (destination.file_system_id) as nested maps
            props = {key: props}
        return Subject(entry.type, "member", props, provider(code, cloud))

    def findings(code: str, known: Any = None) -> list[Finding]:
        return ENGINES[code].check(subject(code), known=known)[0]

    # aws-cn lies wholly in CN, so does every member of its groups; Alibaba ids are one namespace worldwide. (Cloud WAN
    # is refused in CN as a whole, RES-016 `aws-cloud-wan`, whatever its core network: not this test's question.)
    in_cn = [f.rule.id for f in findings("CN") if f.rule.id != "RES-016"]
    assert in_cn == ([] if cloud == "aws" else ["RES-017"])
    assert findings(shared, known=lambda name: name == group_key("fleet-global")) == []  # created by this stack
    assert [f.rule.id for f in findings(shared, known=lambda name: name == "fleet-global")] == ["RES-017"]  # a bucket
    refused = findings(shared)
    assert [f.rule.id for f in refused] == ["RES-017"] and "multi-region group" in refused[0].detail
    from components.residency.destinations import parse_destinations

    declaration = {"id": "db", "kind": "resident", "match": "fleet-global", "evidence": "in-country members, DPO-9"}
    declared, _ = RuleEngine(shared, destinations=parse_destinations([declaration])).check(subject(shared))
    assert [(f.rule.id, f.declared_by) for f in declared] == [("RES-017", "db")]


_SCRAPE = """global:
  scrape_interval: 30s
scrape_configs:
  - job_name: partner-gateway
    metrics_path: /metrics
{extra}    static_configs:
      - targets: ['metrics.partner.example.com:9100', '203.0.113.7:9100']
"""


@pytest.mark.parametrize(
    ("extra", "workspace_region", "expected"),
    [
        # Targets are where metrics come from: the collector pulls them through its ENIs in the stack's subnets and
        # remote-writes them to the workspace, so a target outside the jurisdiction is a source, not a destination.
        ("", "eu-central-1", set()),
        # The workspace is where the metrics go: judged by its ARN's region.
        ("", "us-east-1", {"RES-004"}),
        # A proxy the scrapes pass through receives the metrics: a URL anywhere in the configuration is judged.
        ("    proxy_url: http://proxy.partner.example.com:3128\n", "eu-central-1", {"RES-015"}),
    ],
)  # fmt: skip
def test_an_amp_scraper_is_judged_by_where_metrics_go_not_by_its_targets(
    extra: str, workspace_region: str, expected: set[str]
) -> None:
    props = {
        "alias": "fleet",
        "scrape_configuration": _SCRAPE.format(extra=extra),
        "source": {"eks": {"cluster_arn": "arn:aws:eks:eu-central-1:111122223333:cluster/fleet",
                           "subnet_ids": ["subnet-0a1b2c3d"]}},
        "destination": {"amp": {"workspace_arn": f"arn:aws:aps:{workspace_region}:111122223333:workspace/ws-0a1b2c3d"}},
    }  # fmt: skip
    assert rule_ids("DE", Subject("aws:amp/scraper:Scraper", "fleet", props, provider("DE"))) == expected


@pytest.mark.parametrize(
    ("token", "props", "expected"),
    [
        ("aws:apprunner/connection:Connection", {"connection_name": "src", "provider_type": "BITBUCKET"}, {"RES-016"}),
        ("aws:codebuild/sourceCredential:SourceCredential",
         {"auth_type": "BASIC_AUTH", "server_type": "BITBUCKET", "token": "app-pw", "user_name": "ci"}, {"RES-016"}),
        ("aws:codebuild/sourceCredential:SourceCredential",
         {"auth_type": "CODECONNECTIONS", "server_type": "GITLAB",
          "token": "arn:aws:codeconnections:eu-west-1:123456789012:connection/1a2b"}, {"RES-016"}),
        # Self-managed servers: the credential names no host; the project's location is judged where it is written.
        ("aws:codebuild/sourceCredential:SourceCredential",
         {"auth_type": "PERSONAL_ACCESS_TOKEN", "server_type": "GITLAB_SELF_MANAGED", "token": "glpat-x"}, set()),
    ],
)  # fmt: skip
def test_a_repository_link_to_a_hosted_provider_is_judged_like_its_url(
    token: str, props: dict[str, Any], expected: set[str]
) -> None:
    assert rule_ids("EU", Subject(token, "src", props, provider("EU"))) == expected
    # The same provider named by URL in the project or service that uses the link is judged as a host (RES-015).
    project = {"source": {"type": "GITHUB", "location": "https://github.com/fleet/app.git"}}
    assert rule_ids("EU", Subject("aws:codebuild/project:Project", "p", project, provider("EU"))) == {"RES-015"}


_BLUEPRINT = "aws:datazone/environmentBlueprintConfiguration:EnvironmentBlueprintConfiguration"


@pytest.mark.parametrize(
    ("code", "regional", "expected"),
    [
        ("EU", {"eu-west-1": {"VpcId": "vpc-0a1b2c3d", "Subnets": "subnet-1,subnet-2"}}, set()),
        # A key names a region the blueprint's environments are provisioned in, as an enabled_regions item does.
        ("EU", {"us-east-1": {"VpcId": "vpc-0a1b2c3d"}}, {"RES-009"}),
        ("EU", {"eu-west-1": {"VpcId": "vpc-1"}, "ap-southeast-1": {"VpcId": "vpc-2"}}, {"RES-009"}),
        # An unknown region is refused as any region field's (RES-011); aws-cn's regions are China's.
        ("EU", {"eu-west-9": {"VpcId": "vpc-1"}}, {"RES-011"}),
        ("CN", {"cn-northwest-1": {"VpcId": "vpc-1"}}, set()),
    ],
)  # fmt: skip
def test_a_blueprint_s_regional_parameters_are_judged_by_their_region_keys(
    code: str, regional: dict[str, dict[str, str]], expected: set[str]
) -> None:
    enabled = [r for r in regional if r.startswith(("eu-west-1", "cn-"))]
    props = {"domain_id": "dzd_1a2b3c", "environment_blueprint_id": "bp-1", "enabled_regions": enabled,
             "regional_parameters": regional}  # fmt: skip
    findings = ENGINES[code].check(Subject(_BLUEPRINT, "lake", props, provider(code)))[0]
    assert {f.rule.id for f in findings} == expected
    assert all(".regional_parameters." in f.path or f.path.startswith("regional_parameters.") for f in findings)
    # The same region written as a key of a map that is not catalogued (tags, a user-keyed map) is no place.
    tags = Subject(_BLUEPRINT, "lake", {"enabled_regions": enabled, "tags": dict.fromkeys(regional, "x")},
                   provider(code))  # fmt: skip
    assert rule_ids(code, tags) == set()


_EDITING_PROJECT = "alicloud:vod/editingProject:EditingProject"


@pytest.mark.parametrize(
    ("code", "division", "expected"),
    [
        ("CN", "cn-shanghai", set()),
        ("CN", "cn-beijing", set()),
        # The project is created in that region (AddEditingProject's Division), whatever the provider's region.
        ("CN", "ap-southeast-1", {"RES-009"}),
        ("CN", "cn-hongkong", {"RES-009"}),
        ("DE", "eu-central-1", set()),
        ("DE", "us-east-1", {"RES-009"}),
        # An unknown region is refused as any region field's.
        ("JP", "ap-northeast-9", {"RES-011"}),
    ],
)  # fmt: skip
def test_a_vod_editing_project_s_division_is_judged_as_a_region(code: str, division: str, expected: set[str]) -> None:
    props = {"title": "incident-recap", "division": division}
    findings = ENGINES[code].check(Subject(_EDITING_PROJECT, "recap", props, provider(code)))[0]
    assert {f.rule.id for f in findings} == expected
    assert all(f.path == "division" for f in findings)


def test_a_typed_region_field_is_a_region_only_in_its_own_type() -> None:
    # `division` holds a region only in a VOD editing project (endpoints.yaml typed_region_fields); the same key in
    # another resource, or nested deeper in the project, keeps its own meaning.
    engine = ENGINES["CN"]
    assert engine._key_plan(_EDITING_PROJECT, ("division",), "division").region
    assert not engine._key_plan("alicloud:vod/domain:Domain", ("division",), "division").region
    assert not engine._key_plan(_EDITING_PROJECT, ("timeline", "division"), "division").region
    assert _EDITING_PROJECT in {f.type for f in ENDPOINTS.typed_region_fields}


_RDS_INSTANCE = "alicloud:rds/instance:Instance"
_POLARDB_CLUSTER = "alicloud:polardb/cluster:Cluster"


@pytest.mark.parametrize(
    ("code", "token", "key", "zone", "expected"),
    [
        ("CN", _RDS_INSTANCE, "zone_id_slave_a", "cn-shanghai-m", set()),
        ("CN", _RDS_INSTANCE, "zone_id_slave_b", "cn-beijing-h", set()),
        # A secondary keeps a full copy of the data in that zone (endpoints.yaml typed_zone_fields).
        ("CN", _RDS_INSTANCE, "zone_id_slave_a", "ap-southeast-1a", {"RES-008"}),
        ("CN", _RDS_INSTANCE, "zone_id_slave_b", "cn-hongkong-b", {"RES-008"}),
        ("CN", "alicloud:rds/rdsUpgradeDbInstance:RdsUpgradeDbInstance", "zone_id_slave1", "ap-southeast-1a",
         {"RES-008"}),
        ("CN", "alicloud:rds/rdsCloneDbInstance:RdsCloneDbInstance", "zone_id_slave_a", "cn-hongkong-c", {"RES-008"}),
        ("CN", "alicloud:rds/rdsCloneDbInstance:RdsCloneDbInstance", "zone_id_slave_b", "ap-northeast-1a", {"RES-008"}),
        ("CN", _POLARDB_CLUSTER, "standby_az", "cn-shanghai-m", set()),
        ("CN", _POLARDB_CLUSTER, "standby_az", "ap-southeast-1a", {"RES-008"}),
        ("DE", _POLARDB_CLUSTER, "standby_az", "eu-central-1b", set()),
        ("DE", _POLARDB_CLUSTER, "standby_az", "us-east-1a", {"RES-008"}),
        # `Auto` (the service picks a zone of the instance's region) names no zone.
        ("CN", _RDS_INSTANCE, "zone_id_slave_a", "Auto", set()),
    ],
)  # fmt: skip
def test_a_database_s_secondary_zone_is_judged_as_a_zone(
    code: str, token: str, key: str, zone: str, expected: set[str]
) -> None:
    primary = {"CN": "cn-shanghai-l", "DE": "eu-central-1a"}[code]
    findings = ENGINES[code].check(Subject(token, "db", {"zone_id": primary, key: zone}, provider(code, "alicloud")))[0]
    assert {f.rule.id for f in findings} == expected
    assert all(f.path == key for f in findings)


def test_a_typed_zone_field_is_a_zone_only_in_its_own_type() -> None:
    # `standby_az` holds a zone only in a PolarDB cluster, `zone_id_slave_a` only in the RDS types catalogued; the same
    # keys elsewhere, or nested deeper, keep their own meaning.
    engine = ENGINES["CN"]
    assert engine._key_plan(_POLARDB_CLUSTER, ("standby_az",), "standby_az").zone
    assert engine._key_plan(_RDS_INSTANCE, ("zone_id_slave_a",), "zone_id_slave_a").zone
    assert not engine._key_plan("alicloud:ecs/instance:Instance", ("zone_id_slave_a",), "zone_id_slave_a").zone
    # Since round 6 of the mutation search (stop 34) an `_az` suffix names a zone in any type (an application's
    # CACHE_AZ), as `_zone` does: `standby_az` elsewhere is a zone by its key, no longer only by its type.
    assert engine._key_plan("alicloud:ecs/instance:Instance", ("standby_az",), "standby_az").zone
    assert engine._key_plan("aws:lambda/function:Function", ("environment", "variables"), "CACHE_AZ").zone
    assert not engine._key_plan(_RDS_INSTANCE, ("parameters", "zone_id_slave_a"), "zone_id_slave_a").zone
    assert {_RDS_INSTANCE, _POLARDB_CLUSTER} <= {f.type for f in ENDPOINTS.typed_zone_fields}


@pytest.mark.parametrize(
    ("code", "endpoint", "expected"),
    [
        # A catalogued region id alone under a host key names that region's endpoint (an SLS ETL sink's `endpoint`,
        # "Delivery target logstore region"): judged as a region field (stop 33), as its host form already was.
        ("CN", "cn-beijing", set()),
        ("CN", "ap-southeast-1", {"RES-009"}),
        ("CN", "cn-hongkong", {"RES-009"}),
        ("JP", "cn-beijing", {"RES-009"}),
        ("CN", "ap-southeast-1-intranet.log.aliyuncs.com", {"RES-006"}),
        ("CN", "cn-beijing-intranet.log.aliyuncs.com", set()),
        # Another one-label value is no host and no region (a resolver completes it with its search list).
        ("CN", "sls-sink", set()),
        ("CN", "ap-southeast-9", set()),
    ],
)  # fmt: skip
def test_a_region_id_alone_under_a_host_key_is_judged_as_a_region(code: str, endpoint: str, expected: set[str]) -> None:
    props = {"etl_name": "e", "project": "p", "logstore": "l",
             "etl_sinks": [{"name": "s", "project": "central", "logstore": "l", "endpoint": endpoint}]}  # fmt: skip
    findings = ENGINES[code].check(Subject("alicloud:log/etl:Etl", "etl", props, provider(code, "alicloud")))[0]
    assert {f.rule.id for f in findings} == expected
    assert all(f.path == "etl_sinks[0].endpoint" for f in findings)


_DIRECTORY_BUCKET = "aws:s3/directoryBucket:DirectoryBucket"


@pytest.mark.parametrize(
    ("code", "zone_id", "expected"),
    [
        ("US", "use1-az4", set()),
        ("US", "use1-mia1-az1", set()),  # the Miami Local Zone (catalogued US)
        ("US", "cac1-az1", {"RES-008"}),  # Canada (Central)
        ("US", "use1-qro1-az1", {"RES-008"}),  # a Local Zone of us-east-1 in Mexico
        ("JP", "apne1-az4", set()),
        ("JP", "apne2-az1", {"RES-008"}),  # Seoul
        ("CN", "cnnw1-az1", set()),
        ("CN", "ape1-az1", {"RES-008"}),  # Hong Kong
        ("EU", "euc1-az3", set()),
        ("EU", "euw2-az1", {"RES-008"}),  # London
    ],
)  # fmt: skip
def test_a_directory_bucket_s_location_is_judged_as_a_zone(code: str, zone_id: str, expected: set[str]) -> None:
    # endpoints.yaml typed_zone_fields: a directory bucket's location.name is the zone id its objects are stored in
    # (found by the mutation search, round 3: a zone of Canada passed in a US program).
    props = {"bucket": "training-shards--use1-az4--x-s3", "location": {"name": zone_id, "type": "AvailabilityZone"}}
    findings = ENGINES[code].check(Subject(_DIRECTORY_BUCKET, "shards", props, provider(code)))[0]
    assert {f.rule.id for f in findings} == expected
    assert all(f.path == "location.name" for f in findings)


def test_a_directory_bucket_s_location_name_is_a_zone_only_there() -> None:
    engine = ENGINES["US"]
    assert engine._key_plan(_DIRECTORY_BUCKET, ("location", "name"), "name").zone
    assert not engine._key_plan(_DIRECTORY_BUCKET, ("name",), "name").zone
    assert not engine._key_plan("aws:s3/bucket:Bucket", ("location", "name"), "name").zone
    assert _DIRECTORY_BUCKET in {f.type for f in ENDPOINTS.typed_zone_fields}


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("USER_POOL", "eu-west-1_AbCdEf123", set()),
        ("USER_POOL", "eu-west-2_AbCdEf123", {"RES-009"}),  # London
        ("COGNITO_USER_POOL", "eu-central-2_AbCdEf123", {"RES-009"}),  # Zurich
        ("COGNITO_USER_POOL_ID", "us-east-1_AbCdEf123", {"RES-009"}),
        ("COGNITO_USER_POOL_ID", "eu-central-1_AbCdEf123", set()),
        ("IDENTITY_POOL", "eu-west-2:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", {"RES-009"}),
        ("COGNITO_IDENTITY_POOL", "eu-west-3:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", set()),
        ("COGNITO_IDENTITY_POOL_ID", "ap-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", {"RES-009"}),
        # No Region before the separator: judged as any other string (a pool's name).
        ("USER_POOL", "fleet_owners", set()),
        ("IDENTITY_POOL", "fleet-owners", set()),
    ],
)  # fmt: skip
def test_a_pool_id_under_a_variable_named_after_a_pool_is_judged_by_its_region(
    variable: str, value: str, expected: set[str]
) -> None:
    # endpoints.yaml region_id_fields (mutation search, round 3): the application verifies tokens against and calls the
    # pool in the Region its id begins with.
    subject = Subject("aws:lambda/function:Function", "fn", {"environment": {"variables": {variable: value}}},
                      provider("EU"))  # fmt: skip
    assert rule_ids("EU", subject) == expected


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DB_READER", "db.partner.example.com", {"RES-015"}),
        ("DB_WRITER", "pg.partner.example.com:5432", {"RES-015"}),
        ("ORDERS_DB_READER", "db.partner.example.com", {"RES-015"}),  # a `_db_reader` suffix
        ("DB_READER", "fleet-db.cluster-ro-abcdefghijkl.eu-central-1.rds.amazonaws.com", set()),
        ("DB_WRITER", "fleet-db.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com:5432", set()),
        ("DB_READER", "10.40.3.12", set()),
        ("DB_READER", "reporting", set()),  # a name, not a host
    ],
)  # fmt: skip
def test_a_database_s_reader_and_writer_variables_are_host_keys(variable: str, value: str, expected: set[str]) -> None:
    # endpoints.yaml host_keys db_reader / db_writer (mutation search, round 3): where the application's queries go.
    subject = Subject("aws:lambda/function:Function", "fn", {"environment": {"variables": {variable: value}}},
                      provider("EU"))  # fmt: skip
    assert rule_ids("EU", subject) == expected


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("BOOTSTRAP", "b-1.t.9a70e3.c2.kafka.eu-west-1.amazonaws.com:9094,kafka.partner.example.com:9094", {"RES-015"}),
        ("KAFKA_BOOTSTRAP", "kafka.partner.example.com:9094", {"RES-015"}),  # a `_bootstrap` suffix
        ("BOOTSTRAP", "10.40.3.21:9092,kafka.partner.example.com:9092", {"RES-015"}),
        ("BOOTSTRAP", "b-1.t.c2.kafka.eu-west-1.amazonaws.com:9094,b-2.t.c2.kafka.eu-west-1.amazonaws.com:9094", set()),
        ("BOOTSTRAP", "b-1.t.9a70e3.c2.kafka.eu-west-2.amazonaws.com:9094", {"RES-006"}),
        ("MSK_BOOTSTRAP", "10.40.3.21:9092,10.40.4.22:9092", set()),
        ("BOOTSTRAP", "true", set()),  # a switch, not a host
    ],
)  # fmt: skip
def test_a_kafka_bootstrap_variable_is_a_host_key(variable: str, value: str, expected: set[str]) -> None:
    # endpoints.yaml host_keys bootstrap (mutation search, round 4): the brokers a Kafka client's records go to.
    subject = Subject("aws:lambda/function:Function", "fn", {"environment": {"variables": {variable: value}}},
                      provider("EU"))  # fmt: skip
    assert rule_ids("EU", subject) == expected


# config57 (stop 57): the Datadog site (DD_SITE) is where the agent, the tracers and the Lambda extension send their
# data: a third party's host, judged as one (it passed unjudged); other DD_ settings are no host.
@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DD_SITE", "datadoghq.com", {"RES-015"}),
        ("DD_SITE", "datadoghq.eu", {"RES-015"}),  # EU1: a third party's host, declared to pass
        ("DD_SITE", "ap1.datadoghq.com", {"RES-015"}),
        ("DD_ENV", "prod", set()),
        ("DD_SERVICE", "fleet-api", set()),
    ],
)  # fmt: skip
def test_the_datadog_site_variable_is_a_host_key(variable: str, value: str, expected: set[str]) -> None:
    subject = Subject("aws:lambda/function:Function", "fn", {"environment": {"variables": {variable: value}}},
                      provider("EU"))  # fmt: skip
    assert rule_ids("EU", subject) == expected


_EFS_REPLICATION = "aws:efs/replicationConfiguration:ReplicationConfiguration"
_EFS_ARN = "arn:aws:elasticfilesystem:{}:111122223333:file-system/fs-0f9e8d7c6b5a49382"


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        # A bare id: no document says which region EFS looks it up in when Region is omitted.
        ({"file_system_id": "fs-0f9e8d7c6b5a49382"}, {"RES-017"}),
        # Placed beside the id: the region or zone is judged instead.
        ({"file_system_id": "fs-0f9e8d7c6b5a49382", "region": "eu-central-1"}, set()),
        ({"file_system_id": "fs-0f9e8d7c6b5a49382", "region": "us-east-1"}, {"RES-009"}),
        ({"file_system_id": "fs-0f9e8d7c6b5a49382", "availability_zone_name": "eu-central-1b"}, set()),
        ({"file_system_id": "fs-0f9e8d7c6b5a49382", "availability_zone_name": "us-east-1a"}, {"RES-008"}),
        # An ARN names its region.
        ({"file_system_id": _EFS_ARN.format("eu-central-1")}, set()),
        ({"file_system_id": _EFS_ARN.format("us-east-1")}, {"RES-004"}),
        # A new file system in a region.
        ({"region": "eu-central-1"}, set()),
    ],
)  # fmt: skip
def test_an_efs_replication_destination_is_placed_by_region_arn_or_provenance(
    destination: dict[str, str], expected: set[str]
) -> None:
    props = {"source_file_system_id": "fs-0a1b2c3d4e5f60718", "destination": destination}
    assert rule_ids("DE", Subject(_EFS_REPLICATION, "dr", props, provider("DE"))) == expected
    # The stack's own file system (its id an output of a resource of this stack) is proven without a region.
    known = ENGINES["DE"].check(
        Subject(_EFS_REPLICATION, "dr", props, provider("DE")), known=lambda n: n == group_key("fs-0f9e8d7c6b5a49382")
    )[0]
    assert {f.rule.id for f in known} == expected - {"RES-017"}


_CDN_CONFIG = "alicloud:cdn/domainConfig:DomainConfig"
_ADVANCED = {"variable_type": "uri", "variable": "uri", "conditions": "==", "value": "/api"}


def _cdn_feature(function: str, args: dict[str, str], *, camel: bool = False) -> dict[str, Any]:
    """A CDN domain config setting one feature by {arg_name, arg_value} pairs (provider or engine keys)."""
    name, value = ("argName", "argValue") if camel else ("arg_name", "arg_value")
    pairs = [{name: k, value: v} for k, v in args.items()]
    if camel:
        return {"domainName": "www.fleet.example.cn", "functionName": function, "functionArgs": pairs}
    return {"domain_name": "www.fleet.example.cn", "function_name": function, "function_args": pairs}


@pytest.mark.parametrize("camel", [False, True])
@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        # A conditional origin: CDN fetches (and forwards the clients' requests) from the host it resolves.
        ("origin_dns_host", {"ali_origin_dns_host": "origin.partner.example.com"}, {"RES-015"}),
        ("origin_dns_host", {"ali_origin_dns_host": "203.0.113.9"}, {"RES-015"}),
        ("origin_dns_host", {"ali_origin_dns_host": "fleet-web.oss-cn-shanghai.aliyuncs.com"}, set()),
        ("origin_dns_host", {"ali_origin_dns_host": "fleet-web.oss-ap-southeast-1.aliyuncs.com"}, {"RES-006"}),
        # An Amazon S3 authentication bucket origin, by its region.
        ("aws_s3_bucket", {"enabled": "l2", "region": "us-east-2"}, {"RES-009"}),
        ("aws_s3_bucket", {"enabled": "l2", "region": "cn-northwest-1"}, set()),
        # Advanced origin fetch: requests matching the variable are fetched from `origin`.
        ("advanced_origin", {**_ADVANCED, "origin": "api.partner.example.com"}, {"RES-015"}),
        ("advanced_origin", {**_ADVANCED, "origin": "fleet-api.oss-ap-southeast-1.aliyuncs.com"}, {"RES-006"}),
        ("advanced_origin", {**_ADVANCED, "origin": "fleet-api.oss-cn-shanghai.aliyuncs.com"}, set()),
        # An origin group's servers, `<address>_<priority>_<weight>_<port>` items: each address is judged.
        ("source_group", {"source_group_name": "api", "source_info": "api.partner.example.com_10_50_443"}, {"RES-015"}),
        ("source_group", {"source_group_name": "api", "source_info": "203.0.113.9_10_50_80"}, {"RES-015"}),
        ("source_group", {"source_group_name": "api", "source_info": "fleet-api.oss-cn-shanghai.aliyuncs.com_10_50_443,"
                          "fleet-api.oss-ap-southeast-1.aliyuncs.com_20_50_443"}, {"RES-006"}),
        ("source_group", {"source_group_name": "api", "source_info": "fleet-api.oss-cn-shanghai.aliyuncs.com_10_50_443,"
                          "192.168.0.1_20_50_80"}, set()),
        # The same shape names no destination in the other features: a Host header, an SNI, a region wildcard.
        ("origin_host", {"origin": "all", "host": "www.partner.example.com"}, set()),
        ("origin_sni", {"origin": "all", "sni_host": "www.partner.example.com"}, set()),
        ("ipv6", {"switch": "on", "region": "*"}, set()),
        ("set_req_host_header", {"domain_name": "www.partner.example.com"}, set()),
        # `origin` of origin_host / origin_sni selects one of the domain's own origins: no destination.
        ("origin_host", {"origin": "api.partner.example.com", "host": "api.partner.example.com"}, set()),
        ("origin_sni", {"origin": "api.partner.example.com", "sni_host": "ali_follow_origin"}, set()),
    ],
)  # fmt: skip
@pytest.mark.parametrize("config_type", [_CDN_CONFIG, "alicloud:dcdn/domainConfig:DomainConfig"])
def test_cdn_feature_arguments_naming_an_origin_are_destinations(
    function: str, args: dict[str, str], expected: set[str], camel: bool, config_type: str
) -> None:
    # A DCDN domain config is read as CDN's (one feature registry: the same names, arguments and function ids).
    subject = Subject(config_type, "cfg", _cdn_feature(function, args, camel=camel), provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


_CATALOGUED_ARGUMENTS = {(fa.function, fa.arg) for fa in ENDPOINTS.feature_arguments if fa.type == _CDN_CONFIG}
_HOST_ARGUMENTS = {
    (fa.function, fa.arg) for fa in ENDPOINTS.feature_arguments if fa.type == _CDN_CONFIG and fa.kind == "host"
}
_NAME = st.from_regex(r"[a-z][a-z_]{0,20}", fullmatch=True)


@given(
    st.one_of(_NAME, st.sampled_from(sorted({f for f, _ in _CATALOGUED_ARGUMENTS}))),
    st.one_of(_NAME, st.sampled_from(sorted({a for _, a in _CATALOGUED_ARGUMENTS}))),
    st.booleans(),
)
def test_only_a_catalogued_feature_argument_names_a_destination(function: str, arg: str, camel: bool) -> None:
    # A foreign host as the value of any (feature, argument) pair: refused exactly when the pair is catalogued as a
    # host (a region argument names a region, and a host there names none).
    subject = Subject(
        _CDN_CONFIG, "cfg", _cdn_feature(function, {arg: "origin.partner.example.com"}, camel=camel),
        provider("CN", "alicloud"),
    )  # fmt: skip
    host = (function, arg) in _HOST_ARGUMENTS
    assert rule_ids("CN", subject) == ({"RES-015"} if host else set())


_HOST_LABEL = r"[a-z]([a-z0-9-]{0,8}[a-z0-9])?"
_HOSTNAME = st.from_regex(rf"{_HOST_LABEL}(\.{_HOST_LABEL}){{1,3}}", fullmatch=True)
_ORIGIN = st.one_of(
    st.sampled_from(["fleet-api.oss-cn-shanghai.aliyuncs.com", "192.168.0.1", "10.0.3.7"]).map(lambda h: (h, False)),
    st.sampled_from(["203.0.113.9", "fleet-api.oss-ap-southeast-1.aliyuncs.com"]).map(lambda h: (h, True)),
    _HOSTNAME.filter(lambda h: "aliyuncs" not in h).map(lambda h: (f"{h}.example.com", True)),
)


@given(
    st.lists(
        st.tuples(_ORIGIN, st.integers(1, 65535), st.integers(1, 100), st.integers(1, 65535)), min_size=1, max_size=4
    ),
    st.booleans(),
)
def test_each_address_of_an_origin_group_is_judged(
    items: list[tuple[tuple[str, bool], int, int, int]], camel: bool
) -> None:
    # source_info: "<address>_<priority>_<weight>_<port>" items separated by commas. Refused exactly when one address
    # is not proven in the mainland (a partner host or public address, an OSS bucket in Singapore); the numbers after
    # each address never count as part of it.
    info = ",".join(f"{host}_{priority}_{weight}_{port}" for (host, _), priority, weight, port in items)
    props = _cdn_feature("source_group", {"source_group_name": "api", "source_info": info}, camel=camel)
    subject = Subject(_CDN_CONFIG, "cfg", props, provider("CN", "alicloud"))
    findings = ENGINES["CN"].check(subject)[0]
    foreign = {host for (host, out), *_ in items if out}
    assert {f.value for f in findings} == foreign
    assert all(f.path.endswith("[1].arg_value") or f.path.endswith("[1].argValue") for f in findings)


def test_a_feature_argument_is_read_only_for_its_catalogued_feature_and_type() -> None:
    # ali_origin_dns_host under another feature name, or an SCDN config (whose documented features name no origin),
    # is not read; a DCDN config is, as CDN's (since stop 33's second Alibaba round).
    props = _cdn_feature("origin_host", {"ali_origin_dns_host": "origin.partner.example.com"})
    assert rule_ids("CN", Subject(_CDN_CONFIG, "cfg", props, provider("CN", "alicloud"))) == set()
    conditional = _cdn_feature("origin_dns_host", {"ali_origin_dns_host": "origin.partner.example.com"})
    subject = Subject("alicloud:scdn/domainConfig:DomainConfig", "cfg", conditional, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == set()
    subject = Subject("alicloud:dcdn/domainConfig:DomainConfig", "cfg", conditional, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == {"RES-015"}
    # The finding names the pair's value, and says it can be declared.
    props = _cdn_feature("origin_dns_host", {"ali_origin_dns_host": "origin.partner.example.com"})
    findings, _ = ENGINES["CN"].check(Subject(_CDN_CONFIG, "cfg", props, provider("CN", "alicloud")))
    assert [(f.rule.id, f.path, f.value) for f in findings] == [
        ("RES-015", "function_args[0].arg_value", "origin.partner.example.com")
    ]


_EMR = "alicloud:emrv2/cluster:Cluster"


def _emr_configs(settings: dict[str, str], *, camel: bool = False) -> dict[str, Any]:
    """An EMR cluster's application settings, {config_item_key, config_item_value} entries (provider or engine keys)."""
    key, value = ("configItemKey", "configItemValue") if camel else ("config_item_key", "config_item_value")
    entries = [{"application_name": "HIVE", "config_file_name": "hive-site.xml", key: k, value: v,
                "config_scope": "CLUSTER"} for k, v in settings.items()]  # fmt: skip
    return {"applicationConfigs" if camel else "application_configs": entries, "cluster_name": "lake"}


def test_a_config_item_is_read_only_for_its_catalogued_type() -> None:
    # The same entry in a resource type the catalogue does not list stays an ordinary value.
    # (stop 41: the older alicloud:emr/cluster:Cluster is catalogued now, below; an uncatalogued type stands in.)
    props = _emr_configs({"dlf.catalog.region": "ap-southeast-1"})
    assert (
        rule_ids("CN", Subject("alicloud:gpdb/instance:Instance", "lake", props, provider("CN", "alicloud"))) == set()
    )
    findings, _ = ENGINES["CN"].check(Subject(_EMR, "lake", props, provider("CN", "alicloud")))
    assert [(f.rule.id, f.path) for f in findings] == [("RES-009", "application_configs[0].config_item_value")]


def _emr_v1_configs(settings: dict[str, str], *, camel: bool = False) -> dict[str, Any]:
    """The older EMR cluster type's settings, ``configs`` {service_name, file_name, config_key, config_value} entries
    (pulumi-alicloud emr.Cluster's ClusterConfig; provider or engine keys)."""
    key, value = ("configKey", "configValue") if camel else ("config_key", "config_value")
    entries = [{"service_name": "HIVE", "file_name": "hive-site", key: k, value: v} for k, v in settings.items()]
    return {"configs": entries, "name": "lake", "emr_ver": "EMR-3.40.0", "cluster_type": "HADOOP"}


@pytest.mark.parametrize("camel", [False, True])
@pytest.mark.parametrize(
    ("type_", "configs"),
    [
        (_EMR, _emr_configs),
        # Stop 41 (leftovers41): the older cluster type's configs, judged by the same settings (a Singapore DLF region
        # passed there).
        ("alicloud:emr/cluster:Cluster", _emr_v1_configs),
    ],
)
@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        # The DLF catalog the metastore keeps the lake's table metadata in, by its region and its endpoint.
        ({"hive.metastore.type": "DLF", "dlf.catalog.region": "cn-hangzhou"}, set()),
        ({"hive.metastore.type": "DLF", "dlf.catalog.region": "ap-southeast-1"}, {"RES-009"}),
        ({"dlf.catalog.region": " cn-beijing "}, set()),
        ({"dlf.catalog.endpoint": "dlf-vpc.cn-hangzhou.aliyuncs.com"}, set()),
        ({"dlf.catalog.endpoint": "dlf-vpc.ap-southeast-1.aliyuncs.com"}, {"RES-006"}),
        ({"dlf.catalog.endpoint": "metastore.partner.example.com"}, {"RES-015"}),
        # mutation58 (stop 58): the Hadoop file system's OSS endpoint, read as a host; a third party's S3-compatible
        # host there passed every door.
        ({"fs.oss.endpoint": "oss-cn-hangzhou-internal.aliyuncs.com"}, set()),
        ({"fs.oss.endpoint": "oss-ap-southeast-1-internal.aliyuncs.com"}, {"RES-006"}),
        ({"fs.oss.endpoint": "objects.partner.example.com"}, {"RES-015"}),
        ({"fs.oss.endpoint": "https://objects.partner.example.com"}, {"RES-015"}),
        # Any other setting is judged as any value: a region-shaped value under another name is no region field, a
        # one-label node name no destination.
        ({"yarn.resourcemanager.hostname": "master-1-1"}, set()),
        ({"yarn.resourcemanager.hostname": "emr-header-1"}, set()),
        ({"spark.yarn.queue": "ap-southeast-1"}, set()),
    ],
)
def test_an_emr_settings_entry_is_judged_by_its_catalogued_name(
    settings: dict[str, str], expected: set[str], type_: str, configs: Callable[..., dict[str, Any]], camel: bool
) -> None:
    subject = Subject(type_, "lake", configs(settings, camel=camel), provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


def test_an_older_emr_cluster_s_region_setting_is_refused_at_its_value() -> None:
    props = _emr_v1_configs({"dlf.catalog.region": "ap-southeast-1"})
    findings, _ = ENGINES["CN"].check(
        Subject("alicloud:emr/cluster:Cluster", "lake", props, provider("CN", "alicloud"))
    )
    assert [(f.rule.id, f.path) for f in findings] == [("RES-009", "configs[0].config_value")]
    assert "ap-southeast-1" in findings[0].detail


@pytest.mark.parametrize("type_", [_EMR, "alicloud:emr/cluster:Cluster"])
@pytest.mark.parametrize("key", ["bootstrap.servers", "kafka.bootstrap.servers", "spark.kafka.bootstrap.servers"])
@pytest.mark.parametrize(
    ("servers", "expected"),
    [
        # (emr42, stop 42) A Kafka bootstrap list in a cluster setting is read as hosts (config_items), each judged: a
        # partner's brokers passed before (the setting's name under config_item_value was never read).
        ("kafka-1.partner.example.com:9092,kafka-2.partner.example.com:9092", {"RES-015"}),
        ("10.20.1.5:9092,kafka-2.partner.example.com:9092", {"RES-015"}),
        # ApsaraMQ for Kafka's bootstrap written by hand names no region (judged before too, by its suffix).
        ("alikafka-post-cn-abc123-1-vpc.alikafka.aliyuncs.com:9092", {"RES-015"}),
        # The VPC's own brokers by private address pass.
        ("10.20.1.5:9092,10.20.1.6:9092", set()),
    ],
)
def test_an_emr_kafka_bootstrap_setting_is_read_as_hosts(
    type_: str, key: str, servers: str, expected: set[str]
) -> None:
    configs = _emr_configs if type_ == _EMR else _emr_v1_configs
    subject = Subject(type_, "lake", configs({key: servers}), provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected


def test_an_emr_kafka_bootstrap_setting_is_refused_at_its_value_and_other_kafka_settings_are_not_hosts() -> None:
    props = _emr_configs(
        {"kafka.group.id": "lake-etl", "spark.kafka.bootstrap.servers": "kafka.partner.example.com:9092"}
    )
    findings, _ = ENGINES["CN"].check(Subject(_EMR, "lake", props, provider("CN", "alicloud")))
    assert [(f.rule.id, f.path) for f in findings] == [("RES-015", "application_configs[1].config_item_value")]
    assert "kafka.partner.example.com" in findings[0].detail


_OTHER_ACCOUNT = "210987654321"


def _emr_properties(type_: str, properties: dict[str, str]) -> dict[str, Any]:
    """The application settings of an AWS EMR cluster (``configurations_json``), EMR Serverless application
    (``runtime_configurations``) or EMR on EKS job template (``configuration_overrides.application_configurations``)."""
    if type_ == "aws:emr/cluster:Cluster":
        return {"configurations_json": json.dumps([{"Classification": "spark-hive-site", "Properties": properties}])}
    if type_ == "aws:emrserverless/application:Application":
        return {"release_label": "emr-7.5.0", "type": "spark",
                "runtime_configurations": [{"classification": "spark-defaults", "properties": properties}]}  # fmt: skip
    overrides = {"application_configurations": [{"classification": "spark-defaults", "properties": properties}]}
    return {
        "name": "t",
        "job_template_data": {"release_label": "emr-7.5.0-latest", "configuration_overrides": overrides},
    }


_EMR_TYPES = ["aws:emr/cluster:Cluster", "aws:emrserverless/application:Application",
              "aws:emrcontainers/jobTemplate:JobTemplate"]  # fmt: skip
_GLUE_KEYS = ["hive.metastore.glue.catalogid", "spark.hadoop.hive.metastore.glue.catalogid",
              "spark.sql.catalog.lake.glue.id", "spark.sql.catalog.glue_catalog.glue.account-id"]  # fmt: skip


@pytest.mark.parametrize("type_", _EMR_TYPES)
@pytest.mark.parametrize("key", _GLUE_KEYS)
@pytest.mark.parametrize(
    ("code", "account", "expected"),
    [
        # (emr42, stop 42) The account whose Glue Data Catalog the job's metastore reads and writes (account_settings),
        # judged as a granted account: another account's passed before, in every jurisdiction.
        ("EU", _OTHER_ACCOUNT, {"RES-023"}),
        ("US", _OTHER_ACCOUNT, {"RES-023"}),
        ("JP", f" {_OTHER_ACCOUNT} ", {"RES-023"}),
        ("EU", f"{_OTHER_ACCOUNT}:s3tablescatalog/lake-tables", {"RES-023"}),
        # The stack's own account (the provider is pinned to it).
        ("EU", "123456789012", set()),
        ("JP", "123456789012:s3tablescatalog/lake-tables", set()),
        # aws-cn lies wholly in China: any of its accounts is in-country.
        ("CN", _OTHER_ACCOUNT, set()),
        # No account: judged as any value.
        ("EU", "${GLUE_CATALOG_ID}", set()),
    ],
)
def test_an_emr_glue_catalog_id_is_judged_as_an_account(
    type_: str, key: str, code: str, account: str, expected: set[str]
) -> None:
    subject = Subject(type_, "lake", _emr_properties(type_, {key: account}), provider(code))
    assert rule_ids(code, subject) == expected


def test_an_emr_glue_catalog_id_is_refused_with_its_account_and_may_be_declared() -> None:
    from components.residency.destinations import parse_destinations

    props = _emr_properties("aws:emr/cluster:Cluster", {"hive.metastore.glue.catalogid": _OTHER_ACCOUNT})
    subject = Subject("aws:emr/cluster:Cluster", "lake", props, provider("EU"))
    findings, _ = ENGINES["EU"].check(subject)
    assert [(f.rule.id, f.path, f.value) for f in findings] == [
        ("RES-023", "configurations_json(json)[0].Properties.hive.metastore.glue.catalogid", _OTHER_ACCOUNT)
    ]
    assert findings[0].detail.startswith(
        "Account 210987654321 owns the AWS Glue Data Catalog the Hive / Spark metastore"
    )
    assert "Pin it (a provider with allowed_account_ids) or declare it." in findings[0].detail
    for match in (_OTHER_ACCOUNT, f"arn:aws:iam::{_OTHER_ACCOUNT}:"):
        entry = {"id": "central-lake", "kind": "resident", "match": match,
                 "evidence": "the EU data platform account, Frankfurt only (SCP)"}  # fmt: skip
        declared, _ = RuleEngine("EU", destinations=parse_destinations([entry])).check(subject)
        assert [(f.rule.id, f.declared_by) for f in declared] == [("RES-023", "central-lake")]


def test_an_account_setting_is_read_only_by_its_key_and_only_on_aws() -> None:
    # A twelve-digit value under another Glue key (a catalog separator, an Iceberg property not catalogued) is not an
    # account; an Alibaba resource's setting of the same name is not judged as an AWS account.
    settings = {"aws.glue.catalog.separator": "/", "spark.sql.catalog.lake.glue.catalog-id": _OTHER_ACCOUNT,
                "spark.sql.catalog.lake.glue.skip-archive": "true"}  # fmt: skip
    props = _emr_properties("aws:emr/cluster:Cluster", settings)
    assert rule_ids("EU", Subject("aws:emr/cluster:Cluster", "lake", props, provider("EU"))) == set()
    props = _emr_configs({"hive.metastore.glue.catalogid": _OTHER_ACCOUNT})
    assert rule_ids("CN", Subject(_EMR, "lake", props, provider("CN", "alicloud"))) == set()


_GLUE_CATALOG_FIELDS = [
    # (glue43, stop 43) Inputs naming the account whose Glue Data Catalog the resource is written into (account_fields).
    ("aws:glue/catalogDatabase:CatalogDatabase", lambda a: {"name": "sales", "catalog_id": a}),
    ("aws:glue/catalogDatabase:CatalogDatabase",
     lambda a: {"name": "link", "target_database": {"catalog_id": a, "database_name": "sales"}}),
    ("aws:glue/catalogTable:CatalogTable", lambda a: {"name": "t", "database_name": "sales", "catalog_id": a}),
    ("aws:glue/catalogTable:CatalogTable",
     lambda a: {"name": "t", "database_name": "local",
                "target_table": {"catalog_id": a, "database_name": "s", "name": "t"}}),
    ("aws:glue/partition:Partition",
     lambda a: {"catalog_id": a, "database_name": "sales", "table_name": "t", "partition_values": ["2026"]}),
    ("aws:glue/partitionIndex:PartitionIndex",
     lambda a: {"catalog_id": a, "database_name": "sales", "table_name": "t"}),
    ("aws:glue/userDefinedFunction:UserDefinedFunction",
     lambda a: {"name": "f", "catalog_id": a, "database_name": "sales", "class_name": "x.Y"}),
    ("aws:glue/connection:Connection",
     lambda a: {"name": "c", "catalog_id": a, "connection_properties": {"JDBC_CONNECTION_URL": "jdbc:mysql://10.0.0.5/x"}}),
    ("aws:athena/dataCatalog:DataCatalog", lambda a: {"name": "c", "type": "GLUE", "parameters": {"catalog-id": a}}),
]  # fmt: skip


@pytest.mark.parametrize(("type_", "props"), _GLUE_CATALOG_FIELDS)
@pytest.mark.parametrize(
    ("code", "account", "expected"),
    [
        # (glue43, stop 43) Another account's catalog passed before, in every jurisdiction; the own (pinned) passes.
        ("EU", _OTHER_ACCOUNT, {"RES-023"}),
        ("US", _OTHER_ACCOUNT, {"RES-023"}),
        ("JP", _OTHER_ACCOUNT, {"RES-023"}),
        ("EU", "123456789012", set()),
        ("JP", "123456789012", set()),
        # aws-cn lies wholly in China.
        ("CN", _OTHER_ACCOUNT, set()),
        ("CN", "123456789012", set()),
        # No account: judged as any value.
        ("EU", "${CATALOG_ID}", set()),
    ],
)
def test_a_glue_catalog_id_input_is_judged_as_an_account(
    type_: str, props: Callable[[str], dict[str, Any]], code: str, account: str, expected: set[str]
) -> None:
    assert rule_ids(code, Subject(type_, "lake", props(account), provider(code))) == expected


def test_a_glue_catalog_id_input_is_refused_with_its_catalog_and_may_be_declared() -> None:
    from components.residency.destinations import parse_destinations

    props = {"name": "sales", "catalog_id": _OTHER_ACCOUNT}
    subject = Subject("aws:glue/catalogDatabase:CatalogDatabase", "sales", props, provider("EU"))
    findings, _ = ENGINES["EU"].check(subject)
    assert [(f.rule.id, f.path, f.value) for f in findings] == [("RES-023", "catalog_id", _OTHER_ACCOUNT)]
    assert findings[0].detail.startswith(
        "Account 210987654321 owns the AWS Glue Data Catalog this database is created in, but neither the provider"
    )
    entry = {"id": "central-lake", "kind": "resident", "match": _OTHER_ACCOUNT, "evidence": "EU only (SCP)"}
    declared, _ = RuleEngine("EU", destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in declared] == [("RES-023", "central-lake")]
    # The same input of a type not catalogued (Firehose reads a schema from the catalog) is not judged as an account.
    firehose = {"extended_s3_configuration": {"data_format_conversion_configuration": {
        "schema_configuration": {"catalog_id": _OTHER_ACCOUNT, "database_name": "s", "table_name": "t"}}}}  # fmt: skip
    assert rule_ids("EU", Subject("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "f", firehose,
                                  provider("EU"))) == set()  # fmt: skip


def _conf_subjects(conf: str) -> list[tuple[str, dict[str, Any]]]:
    """A ``--conf`` string where each type takes one: a Glue job's ``default_arguments``, an EMR step's ``args``
    (the pair as its own item), an EMR on EKS job template's ``spark_submit_parameters``."""
    pair = conf.removeprefix("--conf ")
    return [
        ("aws:glue/job:Job", {"name": "j", "command": {"name": "glueetl"}, "default_arguments": {"--conf": pair}}),
        ("aws:emr/cluster:Cluster", {"name": "c", "steps": [{"name": "s", "hadoop_jar_step": {
            "jar": "command-runner.jar", "args": ["spark-submit", "--conf", pair, "local:///x.py"]}}]}),
        ("aws:emrcontainers/jobTemplate:JobTemplate", {"name": "t", "job_template_data": {"job_driver": {
            "spark_submit_job_driver": {"entry_point": "local:///x.py",
                                        "spark_submit_parameters": f"--conf a.b=1 {conf} --conf c.d=2"}}}}),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "conf", "expected"),
    [
        # (glue43, stop 43) The account_settings keys written as `--conf key=value`: passed before.
        ("EU", f"--conf spark.hadoop.hive.metastore.glue.catalogid={_OTHER_ACCOUNT}", {"RES-023"}),
        ("US", f"--conf spark.sql.catalog.lake.glue.id={_OTHER_ACCOUNT}", {"RES-023"}),
        ("JP", f"--conf spark.sql.catalog.s3t.warehouse={_OTHER_ACCOUNT}:s3tablescatalog/lake", {"RES-023"}),
        ("EU", "--conf spark.hadoop.hive.metastore.glue.catalogid=123456789012", set()),
        ("JP", "--conf spark.sql.catalog.lake.glue.id=123456789012", set()),
        ("CN", f"--conf spark.hadoop.hive.metastore.glue.catalogid={_OTHER_ACCOUNT}", set()),
        # Not an account setting, or no account: judged as before.
        ("EU", f"--conf spark.sql.catalog.lake.glue.catalog-id={_OTHER_ACCOUNT}", set()),
        ("EU", "--conf spark.sql.catalog.lake.glue.id=${CATALOG_ID}", set()),
        ("EU", "--conf spark.executor.memory=4G", set()),
        # leftovers43 (stop 43): Iceberg's AssumeRoleAwsClientFactory role, judged by the role ARN's account (passed
        # before); an aws-cn role in CN passes by its partition; the global partition's in CN is judged as its ARN.
        (
            "EU",
            f"--conf spark.sql.catalog.lake.client.assume-role.arn=arn:aws:iam::{_OTHER_ACCOUNT}:role/w",
            {"RES-023"},
        ),
        ("JP", "--conf spark.sql.catalog.lake.client.assume-role.arn=arn:aws:iam::123456789012:role/w", set()),
        ("CN", f"--conf spark.sql.catalog.lake.client.assume-role.arn=arn:aws-cn:iam::{_OTHER_ACCOUNT}:role/w", set()),
        ("EU", "--conf spark.sql.catalog.lake.client.assume-role.region=eu-west-1", set()),
        # mutation44 (stop 44): a dotted Region setting in the string (Iceberg's client.region and
        # client.assume-role.region, Hadoop's fs.s3a.endpoint.region) is judged as the same key in a properties map is
        # (passed before); in-country, or a variable, passes.
        ("EU", "--conf spark.sql.catalog.lake.client.assume-role.region=eu-central-2", {"RES-009"}),
        ("US", "--conf spark.sql.catalog.lake.client.region=ca-central-1", {"RES-009"}),
        ("JP", "--conf spark.hadoop.fs.s3a.endpoint.region=ap-northeast-2", {"RES-009"}),
        ("CN", "--conf spark.sql.catalog.lake.client.region=ap-east-1", {"RES-009"}),
        ("CN", "--conf spark.sql.catalog.lake.client.region=cn-northwest-1", set()),
        ("US", "--conf spark.sql.catalog.lake.client.region=us-west-2", set()),
        ("EU", "--conf spark.sql.catalog.lake.client.region=${AWS_REGION}", set()),
    ],
)
def test_a_spark_conf_string_is_read_by_the_account_settings_keys(code: str, conf: str, expected: set[str]) -> None:
    for type_, props in _conf_subjects(conf):
        assert rule_ids(code, Subject(type_, "job", props, provider(code))) == expected, type_


def test_a_spark_conf_account_is_refused_at_its_string_and_only_on_aws() -> None:
    conf = f"spark.hadoop.hive.metastore.glue.catalogid={_OTHER_ACCOUNT}"
    subject = Subject("aws:glue/job:Job", "j", {"name": "j", "default_arguments": {"--conf": conf}}, provider("EU"))
    findings, _ = ENGINES["EU"].check(subject)
    assert [(f.rule.id, f.path, f.value) for f in findings] == [("RES-023", "default_arguments.--conf", _OTHER_ACCOUNT)]
    assert "owns the AWS Glue Data Catalog the Spark metastore reads and writes" in findings[0].detail
    # An Alibaba resource's string of the same text is not judged as an AWS account.
    props = {"environment_variables": {"SPARK_SUBMIT_ARGS": f"--conf {conf}"}}
    assert rule_ids("CN", Subject("alicloud:fc/function:Function", "j", props, provider("CN", "alicloud"))) == set()
    assert rule_ids("EU", Subject("aws:lambda/function:Function", "j", {"environment": {"variables": {
        "SPARK_SUBMIT_ARGS": f"--conf {conf}"}}}, provider("EU"))) == {"RES-023"}  # fmt: skip


@pytest.mark.parametrize(
    ("warehouse", "expected"),
    [
        # (glue43, stop 43) The AWS Glue Iceberg REST endpoint's warehouse: an account's catalog path.
        (_OTHER_ACCOUNT, {"RES-023"}),
        (f"{_OTHER_ACCOUNT}:s3tablescatalog/lake-tables", {"RES-023"}),
        ("123456789012:s3tablescatalog/lake-tables", set()),
        ("123456789012", set()),
        # A Hadoop / other catalog's warehouse is a path or a name: judged as any value (a bucket the stack does not
        # make is RES-017 outside aws-cn, as before).
        ("lake", set()),
        ("s3://partner-lake/warehouse/", {"RES-017"}),
        # leftovers43 (stop 43): the S3 Tables Iceberg REST endpoint's warehouse, a table bucket ARN, by its account
        # (passed before); an ARN naming no account is judged as any value (a bucket the stack does not make: RES-017).
        (f"arn:aws:s3tables:eu-west-1:{_OTHER_ACCOUNT}:bucket/lake", {"RES-023"}),
        ("arn:aws:s3tables:eu-west-1:123456789012:bucket/lake", set()),
        ("arn:aws:s3:::lake-warehouse", {"RES-017"}),
        # mutation44 (stop 44): the table bucket ARN's Region is judged too (it passed once its account was judged).
        ("arn:aws:s3tables:eu-central-2:123456789012:bucket/lake", {"RES-004"}),
        (f"arn:aws:s3tables:us-east-1:{_OTHER_ACCOUNT}:bucket/lake", {"RES-004", "RES-023"}),
    ],
)
def test_an_iceberg_rest_warehouse_is_judged_by_its_account(warehouse: str, expected: set[str]) -> None:
    props = _emr_properties("aws:emrserverless/application:Application", {
        "spark.sql.catalog.s3t.type": "rest", "spark.sql.catalog.s3t.uri": "https://glue.eu-west-1.amazonaws.com/iceberg",
        "spark.sql.catalog.s3t.warehouse": warehouse})  # fmt: skip
    subject = Subject("aws:emrserverless/application:Application", "lake", props, provider("EU"))
    assert rule_ids("EU", subject) == expected


def test_a_region_in_a_warehouse_arn_is_judged_beside_its_account() -> None:
    # mutation44 (stop 44): the account judgement no longer ends the value's judging when the ARN names a Region.
    props = _emr_properties("aws:emrserverless/application:Application", {
        "spark.sql.catalog.s3t.warehouse": "arn:aws:s3tables:eu-central-2:123456789012:bucket/lake"})  # fmt: skip
    subject = Subject("aws:emrserverless/application:Application", "lake", props, provider("EU"))
    findings, _ = ENGINES["EU"].check(subject)
    assert [(f.rule.id, f.path) for f in findings] == [
        ("RES-004", "runtime_configurations[0].properties.spark.sql.catalog.s3t.warehouse")
    ]
    assert "AWS region eu-central-2 is outside EU" in findings[0].detail


@pytest.mark.parametrize(
    ("code", "line", "expected"),
    [
        # mutation44 (stop 44): a systemd unit's Environment= sets the variables its value assigns (systemd.exec); the
        # AWS SDK's AWS_REGION among them is judged as the script's Region, as `export AWS_REGION=` is (passed before).
        ("EU", "Environment=AWS_REGION=eu-central-2", {"RES-009"}),
        ("EU", 'Environment="AWS_REGION=us-east-1" "APP_MODE=batch"', {"RES-009"}),
        ("JP", 'Environment="APP_MODE=batch AWS_DEFAULT_REGION=ap-northeast-2"', {"RES-009"}),
        ("CN", "Environment=AWS_REGION=ap-east-1", {"RES-009"}),
        ("EU", 'JAVA_OPTS="-Xmx1g -Daws.region=eu-west-2"', {"RES-009"}),
        ("EU", "Environment=AWS_REGION=eu-west-1", set()),
        ("JP", 'Environment="AWS_REGION=ap-northeast-1" "APP_MODE=batch"', set()),
        ("CN", "Environment=AWS_REGION=cn-northwest-1", set()),
        ("EU", "Environment=FLUENTD_OPT=-v", set()),
        # scripts45 (stop 45): two levels deep, a unit setting JAVA_OPTS whose value sets the JVM property (passed).
        ("EU", 'Environment="JAVA_OPTS=-Daws.region=us-east-1 -Xmx1g"', {"RES-009"}),
        ("CN", 'Environment="JAVA_OPTS=-Daws.region=ap-east-1"', {"RES-009"}),
        ("EU", 'Environment="JAVA_OPTS=-Daws.region=eu-west-1 -Xmx1g"', set()),
        ("CN", 'Environment="JAVA_OPTS=-Daws.region=cn-north-1"', set()),
    ],
)
def test_an_assignment_inside_an_assignment_sets_that_variable(code: str, line: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\ncat > /etc/systemd/system/app.service <<'EOF'\n[Service]\n{line}\nEOF\n"
    subject = Subject("aws:ec2/instance:Instance", "app", {"ami": "ami-1", "user_data": script}, provider(code))
    assert rule_ids(code, subject) == expected
    if expected:
        findings, _ = ENGINES[code].check(subject)
        assert "The script's --region or region variable sends its calls there" in findings[0].detail


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        # scripts46 (stop 46): a variable assigned another's whole value (A=$B, B=${C}, C=HOST), followed three
        # levels: a host key or a URL's host holding it is judged as the literal (each passed on main at 38be454).
        ("C={h}\nB=$C\nexport DB_HOST=$B\n", "RES-015"),
        ('D={h}\nC=$D\nB="${{C}}"\nexport DB_HOST=$B\n', "RES-015"),
        ("C={h}\nB=$C\nA=$B\ncurl -s https://$A/ingest\n", "RES-015"),
        ("R={r}\nexport AWS_REGION=$R\n", "RES-009"),
    ],
)
def test_a_variable_assigned_another_s_value_holds_that_value(code: str, shape: str, expected: str) -> None:
    home = {"EU": "eu-west-1", "CN": "cn-north-1"}[code]

    def vm(h: str, r: str) -> Subject:
        script = "#!/bin/bash\n" + shape.format(h=h, r=r)
        return Subject("aws:ec2/instance:Instance", "vm", {"ami": "ami-1", "user_data": script}, provider(code))

    assert rule_ids(code, vm("10.0.3.9", home)) == set()
    assert rule_ids(code, vm("db.partner-analytics.com", "us-east-1")) == {expected}
    # A value made at run time, or a variable the script does not assign, stays unknown (a placeholder).
    unknown = "C=$(curl -s http://169.254.169.254/latest/meta-data/local-ipv4)\nB=$C\nexport DB_HOST=$B\n"
    assert rule_ids(code, Subject("aws:ec2/instance:Instance", "vm", {"ami": "ami-1", "user_data": unknown},
                                  provider(code))) == set()  # fmt: skip


def test_assigned_values_follow_whole_references_to_their_end() -> None:
    # scripts46 followed three levels; scripts47 reads the values line by line, so a chain of any depth is followed
    # (each line takes the values its reference holds there).
    from components.residency.engine import _assigned_values

    script = 'E=e.example.com\nD=$E\nC=$D\nB=${C}\nA="$B"\nX=pre-$E\nY=$UNSET\n'
    values = _assigned_values(script).at(len(script) - 1)
    assert values["D"] == values["C"] == values["B"] == values["A"] == ("e.example.com",)
    # scripts57 (stop 57): text around a reference is filled (`_text_around_values`); a variable the script does not
    # assign still gives nothing.
    assert values["X"] == ("pre-e.example.com",) and "Y" not in values


_OCEANBASE = "alicloud:ocean/baseInstance:BaseInstance"


@pytest.mark.parametrize(
    ("placed", "expected"),
    [
        # A standby joined to a primary by a bare id: which region the id is looked up in was not confirmed.
        ({"primary_instance": "ob4ic8r6zxyz"}, {"RES-017"}),
        # Placed beside the id: the primary's region is judged instead.
        ({"primary_instance": "ob4ic8r6zxyz", "primary_region": "cn-beijing"}, set()),
        ({"primary_instance": "ob4ic8r6zxyz", "primary_region": "cn-hongkong"}, {"RES-009"}),
        ({"primary_instance": "ob4ic8r6zxyz", "primary_region": "ap-southeast-1"}, {"RES-009"}),
        # No primary: an ordinary cluster.
        ({}, set()),
    ],
)
def test_an_oceanbase_standby_is_placed_by_its_primarys_region_or_provenance(
    placed: dict[str, str], expected: set[str]
) -> None:
    props = {"instance_class": "8C32G", "series": "normal", "disk_size": 100, "zones": ["cn-shanghai-b"], **placed}
    subject = Subject(_OCEANBASE, "standby", props, provider("CN", "alicloud"))
    assert rule_ids("CN", subject) == expected
    # The stack's own primary (its id an output of a resource of this stack) is proven without a region.
    known = ENGINES["CN"].check(subject, known=lambda n: n == group_key("ob4ic8r6zxyz"))[0]
    assert {f.rule.id for f in known} == expected - {"RES-017"}


@pytest.mark.parametrize("code", ["EU", "DE", "JP", "US"])
@pytest.mark.parametrize("destination", [{}, {"kms_key_id": "alias/aws/elasticfilesystem"}, None])
def test_an_efs_replica_to_a_new_file_system_states_its_region(code: str, destination: dict[str, str] | None) -> None:
    # No EFS document says which region a new destination file system is created in when DestinationToCreate omits
    # Region: refused (it was accepted before) until the region or zone is stated, each then judged as a place.
    props: dict[str, Any] = {"source_file_system_id": "fs-0a1b2c3d4e5f60718"}
    if destination is not None:
        props["destination"] = destination
    findings = ENGINES[code].check(Subject(_EFS_REPLICATION, "dr", props, provider(code)))[0]
    assert [(f.rule.id, f.path) for f in findings] == [("RES-016", "destination.region")]
    assert "aws-efs-replica-region-unstated" in findings[0].detail and "destination.region" in findings[0].detail
    region = sorted(CATALOGUE.jurisdictions[code].regions("aws"))[0]

    def judged(placed: dict[str, str]) -> set[str]:
        return rule_ids(code, Subject(_EFS_REPLICATION, "dr", {**props, "destination": placed}, provider(code)))

    for placed in ({"region": region}, {"availability_zone_name": f"{region}a"}, {"region": region, "kms_key_id": "k"}):
        assert judged(placed) == set()
    assert judged({"region": "eu-west-2" if code in ("EU", "DE") else "ap-northeast-2"}) == {"RES-009"}


@pytest.mark.parametrize(("code", "region"), [("CN", "cn-north-1"), ("US", "us-gov-west-1"), ("DE", "eusc-de-east-1")])
def test_an_efs_replica_of_a_partition_inside_the_jurisdiction_needs_no_region(code: str, region: str) -> None:
    # Cross-region features work only between regions of one partition: an aws-cn (aws-us-gov, aws-eusc) source's
    # replica is in China (the US, Germany) whatever region EFS picks. The aws partition's twin is still refused.
    props = {"source_file_system_id": "fs-0a1b2c3d4e5f60718", "destination": {}}
    subject = Subject(_EFS_REPLICATION, "dr", props, ProviderRef("aws", "p", region))
    assert rule_ids(code, subject) == set()
    if code != "CN":
        assert rule_ids(code, Subject(_EFS_REPLICATION, "dr", props, provider(code))) == {"RES-016"}


_GATEWAY_TARGET = "aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget"


def _gateway_target(inference: dict[str, Any], code: str = "EU") -> Subject:
    props = {"gateway_identifier": "gw-0a1b2c3d4e", "name": "llm", "target_configuration": {"inference": inference}}
    return Subject(_GATEWAY_TARGET, "llm", props, provider(code))


@pytest.mark.parametrize("code", ["EU", "DE", "JP", "US", "CN"])
@pytest.mark.parametrize("connector", ["openai", "anthropic", "bedrock-mantle", "a-connector-added-later"])
def test_an_agentcore_gateway_inference_connector_is_refused_until_declared(code: str, connector: str) -> None:
    # A built-in connector names no endpoint: openai and anthropic call the providers' public APIs, and the Bedrock
    # Mantle connector's region is not stated. Every id is refused (they were accepted before), any jurisdiction.
    findings = ENGINES[code].check(_gateway_target({"connector": {"source": {"connector_id": connector}}}, code))[0]
    assert [f.rule.id for f in findings] == ["RES-016"]
    assert "aws-agentcore-gateway-inference-connector" in findings[0].detail
    from components.residency.destinations import parse_destinations

    entry = {"id": "llm", "kind": "resident", "match": "aws-agentcore-gateway-inference-connector", "evidence": "DPO 9"}
    subject = _gateway_target({"connector": {"source": {"connector_id": connector}}}, code)
    declared, _ = RuleEngine(code, destinations=parse_destinations([entry])).check(subject)
    assert [(f.rule.id, f.declared_by) for f in declared] == [("RES-016", "llm")]


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        # A provider target names its endpoint: judged as a host like any other.
        ("https://bedrock-runtime.eu-west-1.amazonaws.com/openai/v1", set()),
        ("https://bedrock-mantle.eu-central-1.api.aws/v1", set()),
        ("https://bedrock-runtime.eu-west-2.amazonaws.com/openai/v1", {"RES-006"}),
        ("https://api.openai.com/v1", {"RES-015"}),
    ],
)
def test_an_agentcore_gateway_inference_provider_is_judged_by_its_endpoint(endpoint: str, expected: set[str]) -> None:
    assert rule_ids("EU", _gateway_target({"provider": {"endpoint": endpoint}})) == expected


_BROWSER_SETTINGS = "aws:workspacesweb/browserSettings:BrowserSettings"


def _browser(policies: dict[str, Any], token: str = _BROWSER_SETTINGS) -> Subject:
    return Subject(token, "kiosk", {"browser_policy": json.dumps({"chromePolicies": policies})}, provider("EU"))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["*", "https://www.tiktok.com", "facebook.com", "http://203.0.113.7:8080/x"]),
            st.from_regex(r"(https?://)?[a-z]{1,10}\.(example\.com|partner\.example|amazonaws\.com)(/[a-z]{0,6})?",
                          fullmatch=True),
        ),
        min_size=1,
        max_size=5,
    )
)  # fmt: skip
def test_a_secure_browser_url_filter_names_no_destination(patterns: list[str]) -> None:
    # Chrome's URLBlocklist / URLAllowlist are patterns the browser compares navigations with: blocking or allowing a
    # site sends it nothing (they were refused, RES-015, before). Elsewhere the same URLs are still judged.
    assert rule_ids("EU", _browser({"URLBlocklist": {"value": patterns}, "URLAllowlist": {"value": patterns}})) == set()
    judged = rule_ids("EU", _browser({"RestoreOnStartupURLs": {"value": patterns}}))
    assert judged <= {"RES-006", "RES-015"}
    if any(p.startswith("http") and "amazonaws" not in p for p in patterns):
        assert "RES-015" in judged


def test_a_secure_browser_home_page_is_still_a_destination() -> None:
    # The browser opens its home page by itself at every session: judged as a URL.
    home = {"HomepageLocation": {"value": "https://parts.partner.example.com/"}}
    assert rule_ids("EU", _browser(home)) == {"RES-015"}
    # The exemption is the browser settings' own: the same JSON in another resource's input is judged.
    blocked = json.dumps({"chromePolicies": {"URLBlocklist": {"value": ["https://www.tiktok.com"]}}})
    other = Subject("aws:ssm/document:Document", "d", {"content": blocked, "document_type": "Command"}, provider("EU"))
    assert rule_ids("EU", other) == {"RES-015"}


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["aws", "aws-cn", "aws-us-gov"]),
    st.from_regex(r"[a-z][a-z0-9-]{1,20}", fullmatch=True),
    st.one_of(st.just(""), st.from_regex(r"[a-z]{2}(-[a-z]+)+-[0-9]", fullmatch=True)),
    st.from_regex(r"[0-9]{12}", fullmatch=True),
    st.text(alphabet="abcdef0123456789/:-", min_size=1, max_size=30),
)
def test_an_arn_places_what_it_names_only_when_its_region_is_set(
    partition: str, service: str, region: str, account: str, resource: str
) -> None:
    from components.residency.engine import _arn_names_region

    arn = f"arn:{partition}:{service}:{region}:{account}:{resource}"
    assert _arn_names_region(arn) == bool(region)
    assert not _arn_names_region(f"{service}:{region}:{account}")  # not an ARN


def test_an_arn_naming_no_region_stays_a_group() -> None:
    # A global cluster's ARN leaves the region empty: it is still a group to prove, not a placed resource.
    arn = "arn:aws:rds::111122223333:global-cluster:fleet-global"
    subject = Subject("aws:rds/cluster:Cluster", "db", {"global_cluster_identifier": arn}, provider("EU"))
    assert rule_ids("EU", subject) == {"RES-017"}


@pytest.mark.parametrize(
    ("token", "props", "expected"),
    [
        ("aws:rds/globalCluster:GlobalCluster", {"globalClusterIdentifier": "fleet-global"}, "group:fleet-global"),
        ("aws:docdb/globalCluster:GlobalCluster", {"global_cluster_identifier": "docs-global"}, "group:docs-global"),
        ("aws:s3/bucket:Bucket", {"bucket": "fleet-raw"}, "fleet-raw"),
        # An OSS bucket is known under its cloud's key: no S3 bucket of the same name (stop 35).
        ("alicloud:oss/bucket:Bucket", {"bucket": "fleet-raw"}, "oss-bucket:fleet-raw"),
        # A suffix is not the group's name (the service prefixes it); other types create nothing named.
        ("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
         {"global_replication_group_id_suffix": "sessions"}, None),
        ("aws:rds/cluster:Cluster", {"global_cluster_identifier": "fleet-global"}, None),
    ],
)  # fmt: skip
def test_the_names_a_stack_creates(token: str, props: dict[str, Any], expected: str | None) -> None:
    assert ENGINES["EU"].created_name(token, props) == expected


# -- review fixes: a setting named "region", number lists, self-naming and groups, blank group ids -----------


@pytest.mark.parametrize(("value", "expected"), [("cn-northwest-1", set()), ("cn-hongkong", {"RES-009"})])
def test_a_setting_named_region_is_a_region_field_not_the_resources_own_region(value: str, expected: set[str]) -> None:
    # Alibaba Hong Kong in an AWS parameter's value: judged as any region field (either cloud), not as the
    # parameter's own region, which must be one of AWS's.
    props = {"name": "/app/region", "type": "String", "value": value}
    assert rule_ids("CN", Subject("aws:ssm/parameter:Parameter", "p", props, provider("CN"))) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("+86 138 0013 8000,+86 139 0013 9000", set()), ("+86 138 0013 8000,+1 415 555 2671", {"RES-022"})],
)
def test_every_number_of_a_list_under_a_host_key_is_judged(value: str, expected: set[str]) -> None:
    subject = Subject("aws:lambda/function:Function", "f", {"environment": {"variables": {"SMS_ENDPOINT": value}}},
                      provider("CN"))  # fmt: skip
    assert rule_ids("CN", subject) == expected


def test_a_resources_own_name_inside_a_group_id_proves_nothing() -> None:
    # "fleet-eu-1" joining "fleet-eu-1-global": the member's own id inside the group's proves where the member
    # is described, not where the group (made elsewhere) replicates to. A bucket host naming the resource is.
    from components.residency.provenance import regionless_known

    known = regionless_known((), (), ["fleet-eu-1"])
    member = Subject("aws:rds/cluster:Cluster", "m", {"global_cluster_identifier": "fleet-eu-1-global"}, provider("EU"))
    assert [f.rule.id for f in ENGINES["EU"].check(member, known=known)[0]] == ["RES-017"]
    # (CloudTrail delivers to a bucket of any region: the name needs provenance, which the own name gives.)
    trail = Subject("aws:cloudtrail/trail:Trail", "t", {"s3_bucket_name": "fleet-eu-1"}, provider("EU"))
    assert ENGINES["EU"].check(trail, known=known)[0] == []
    assert rule_ids("EU", trail) == {"RES-017"}


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        ({"aws:rds/globalCluster:GlobalCluster": {"global_cluster_identifier": "fleet-global"}}, set()),
        ({"aws:s3/bucket:Bucket": {"bucket": "fleet-global"}}, {"RES-017"}),
    ],
)
def test_a_group_is_proven_by_the_group_this_stack_made_not_by_a_bucket_of_its_name(
    created: dict[str, dict[str, Any]], expected: set[str]
) -> None:
    from components.residency.provenance import regionless_known

    engine = ENGINES["EU"]
    names = [n for token, props in created.items() if (n := engine.created_name(token, props)) is not None]
    known = regionless_known(set(names), (), ())
    member = Subject("aws:rds/cluster:Cluster", "m", {"global_cluster_identifier": "fleet-global"}, provider("EU"))
    assert {f.rule.id for f in engine.check(member, known=known)[0]} == expected
    # Nor does a group prove a bucket of its name.
    trail = Subject("aws:cloudtrail/trail:Trail", "t", {"s3_bucket_name": "fleet-global"}, provider("EU"))
    assert bool(engine.check(trail, known=known)[0]) == ("aws:s3/bucket:Bucket" not in created)


def test_a_blank_group_id_names_no_group() -> None:
    member = Subject("aws:rds/cluster:Cluster", "m", {"global_cluster_identifier": ""}, provider("EU"))
    assert rule_ids("EU", member) == set()


@pytest.mark.parametrize(("name", "expected"), [("export-region", {"RES-009"}), ("export-region-3f9a1c2", {"RES-009"})])
def test_an_unnamed_setting_is_read_by_its_resource_name_at_every_door(name: str, expected: set[str]) -> None:
    # The guard and the plan see no `name` (the provider auto-names it after the resource); the policy pack
    # sees the auto-name with Pulumi's random suffix. Both read as "export-region".
    props: dict[str, Any] = {"type": "String", "insecure_value": "us-east-1"}
    if name != "export-region":
        props["name"] = name
    assert rule_ids("CN", Subject("aws:ssm/parameter:Parameter", "export-region", props, provider("CN"))) == expected


@pytest.mark.parametrize(
    ("code", "token", "name", "inside", "outside"),
    [
        # ap-southeast-3 / -5: Jakarta and Kuala Lumpur, the other way round in each cloud.
        ("MY", "aws:lambda/function:Function", "OSS_REGION", "ap-southeast-3", "ap-southeast-5"),
        ("MY", "alicloud:fc/v3Function:V3Function", "S3_REGION", "ap-southeast-5", "ap-southeast-3"),
        # eu-west-1: AWS Ireland, Alibaba London.
        ("EU", "alicloud:fc/v3Function:V3Function", "AWS_REGION", "eu-west-1", "eu-west-2"),
        ("EU", "aws:lambda/function:Function", "OSS_REGION", "eu-central-1", "eu-west-1"),
    ],
)
def test_a_region_id_both_clouds_use_is_read_as_the_cloud_its_key_names(
    code: str, token: str, name: str, inside: str, outside: str
) -> None:
    cloud: Cloud = "aws" if token.startswith("aws:") else "alicloud"

    def subject(value: str) -> Subject:
        props = (
            {"environment": {"variables": {name: value}}}
            if cloud == "aws"
            else {"environment_variables": {name: value}}
        )
        return Subject(token, "f", props, provider(code, cloud))

    assert rule_ids(code, subject(inside)) == set()
    assert rule_ids(code, subject(outside)) == {"RES-009"}


def test_a_region_field_without_a_cloud_token_is_the_resources_own_clouds() -> None:
    # A Lambda's REGION = eu-west-1 is AWS Ireland (in the EU), not Alibaba London.
    props = {"environment": {"variables": {"REGION": "eu-west-1"}}}
    assert rule_ids("EU", Subject("aws:lambda/function:Function", "f", props, provider("EU"))) == set()


# -- a template's resources judged by type (template_services, template_bucket_fields) ------------------------------


def _typed_stack(resources: dict[str, Any], code: str = "EU", cloud: Cloud = "aws", **extra: Any) -> Subject:
    token = {"aws": "aws:cloudformation/stack:Stack", "alicloud": "alicloud:ros/stack:Stack"}[cloud]
    template = {"Resources": resources, **extra}
    return Subject(token, "s", {"template_body": json.dumps(template)}, provider(code, cloud))


def _api(endpoint: Any = None) -> dict[str, Any]:
    props: dict[str, Any] = {"Name": "alerts"}
    if endpoint is not None:
        props["EndpointConfiguration"] = endpoint
    return {"Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": props}}


_EDGE_TYPE = {"Types": [{"Ref": "EndpointType"}]}


def _one(kind: str, **props: Any) -> dict[str, Any]:
    return {"R": {"Type": kind, "Properties": props}}


def _rest(body: dict[str, Any]) -> dict[str, Any]:
    """A template's REGIONAL RestApi importing ``body``."""
    return _one("AWS::ApiGateway::RestApi", Body=body, EndpointConfiguration={"Types": ["REGIONAL"]})


def _swagger(endpoint_type: str) -> dict[str, Any]:
    return {"swagger": "2.0", _EXTENSION: {"types": [endpoint_type]}}


def _oas3(endpoint_type: str) -> dict[str, Any]:
    return {"openapi": "3.0.1", "servers": [{"url": "/", _EXTENSION: {"types": [endpoint_type]}}]}


def _endpoint_type(**parameter: Any) -> dict[str, Any]:
    return {"Parameters": {"EndpointType": {"Type": "String", **parameter}}}


_NO_VALUE = {"Ref": "AWS::NoValue"}


@pytest.mark.parametrize(
    ("code", "resources", "extra", "expected"),
    [
        # Whole resources that are a global service, as their Pulumi twins are (global_services).
        ("EU", _one("AWS::CloudFront::Distribution", DistributionConfig={}), {}, {"RES-016"}),
        ("CN", _one("AWS::CloudFront::Distribution", DistributionConfig={}), {}, set()),
        ("EU", _one("AWS::CloudFront::KeyValueStore", Name="k"), {}, {"RES-016"}),
        ("EU", _one("AWS::GlobalAccelerator::Accelerator", Name="a"), {}, {"RES-016"}),
        ("CN", _one("AWS::GlobalAccelerator::EndpointGroup"), {}, {"RES-016"}),
        ("EU", _one("AWS::S3::MultiRegionAccessPoint", Regions=[]), {}, {"RES-016"}),
        ("EU", {"C": {"Type": "AWS::IVS::Channel"}}, {}, {"RES-016"}),
        ("EU", _one("AWS::Lightsail::Distribution"), {}, {"RES-016"}),
        ("EU", _one("AWS::Amplify::App", Name="p"), {}, {"RES-016"}),
        # Regional resources of the same services: nothing to refuse.
        ("EU", _one("AWS::CloudFront::CachePolicy"), {}, set()),
        ("EU", _one("AWS::ElasticLoadBalancingV2::LoadBalancer", Type="network"), {}, set()),
        # An edge-optimised REST API: written, left out (API Gateway's default), or possible by a Parameter's
        # AllowedValues or an Fn::If branch; REGIONAL and PRIVATE stay in the region.
        ("EU", _api({"Types": ["EDGE"]}), {}, {"RES-016"}),
        ("EU", _api(), {}, {"RES-016"}),
        ("EU", _api({"VpcEndpointIds": []}), {}, {"RES-016"}),
        ("EU", _api({"Types": ["REGIONAL"]}), {}, set()),
        ("EU", _api({"Types": ["PRIVATE"]}), {}, set()),
        ("EU", _api(_EDGE_TYPE), _endpoint_type(AllowedValues=["REGIONAL", "EDGE"]), {"RES-016"}),
        ("EU", _api(_EDGE_TYPE), _endpoint_type(AllowedValues=["REGIONAL", "PRIVATE"]), set()),
        # mutation57 (stop 57): a Parameter with only a Default is judged by it in a stack's template (its own test
        # below: REGIONAL passes there, a StackSet's instances may override it)
        ("EU", _api({"Fn::If": ["Private", {"Types": ["PRIVATE"]}, {"Types": ["REGIONAL"]}]}), {}, set()),
        ("EU", _api({"Fn::If": ["Private", {"Types": ["PRIVATE"]}, _NO_VALUE]}), {}, {"RES-016"}),
        ("EU", _one("AWS::ApiGateway::DomainName", EndpointConfiguration={"Types": ["EDGE"]}), {}, {"RES-016"}),
        ("EU", _one("AWS::ApiGateway::DomainName", EndpointConfiguration={"Types": ["REGIONAL"]}), {}, set()),
        # A Body naming EDGE (x-amazon-apigateway-endpoint-configuration `types`, at the top of a Swagger 2.0 Body or in
        # an OpenAPI 3.0 Server object) is refused beside a REGIONAL EndpointConfiguration, as the Pulumi body is.
        (
            "EU",
            _rest(_swagger("EDGE")),
            {},
            {"RES-016"},
        ),
        ("EU", _rest(_oas3("EDGE")), {}, {"RES-016"}),
        ("CN", _rest(_oas3("EDGE")), {}, {"RES-016"}),
        ("EU", _rest(_swagger("REGIONAL")), {}, set()),
        ("EU", _rest(_oas3("REGIONAL")), {}, set()),
        # Left out: edge-optimised, as the RestApi's (CreateDomainName's default; since stop 39), and a RestApi's Body
        # or `Parameters` import setting proves no other type.
        ("EU", _one("AWS::ApiGateway::DomainName", DomainName="api.example.eu"), {}, {"RES-016"}),
        ("CN", _one("AWS::ApiGateway::DomainName", DomainName="api.example.cn"), {}, {"RES-016"}),
        ("EU", _one("AWS::ApiGateway::RestApi", Body={"openapi": "3.0.1"}), {}, {"RES-016"}),
        (
            "EU",
            _one(
                "AWS::ApiGateway::RestApi",
                Body={"openapi": "3.0.1"},
                Parameters={"endpointConfigurationTypes": "REGIONAL"},
            ),
            {},
            {"RES-016"},
        ),
        # S3 Transfer Acceleration on a template's bucket.
        ("EU", _one("AWS::S3::Bucket", AccelerateConfiguration={"AccelerationStatus": "Enabled"}), {}, {"RES-016"}),
        ("EU", _one("AWS::S3::Bucket", AccelerateConfiguration={"AccelerationStatus": "Suspended"}), {}, set()),
        ("EU", {"B": {"Type": "AWS::S3::Bucket"}}, {}, set()),
    ],
)
def test_a_templates_global_service_resources_are_judged_by_type(
    code: str, resources: dict[str, Any], extra: dict[str, Any], expected: set[str]
) -> None:
    assert rule_ids(code, _typed_stack(resources, code, **extra)) == expected
    if code == "EU":  # a StackSet's template creates the same resources in each instance's region
        subject = _typed_stack(resources, code, **extra)
        stackset = Subject("aws:cloudformation/stackSet:StackSet", "s", subject.props, subject.provider)
        assert rule_ids(code, stackset) == expected


def test_a_templates_edge_resource_finding_says_the_fix() -> None:
    (finding,) = ENGINES["EU"].check(_typed_stack(_api()))[0]
    assert finding.path == "template_body(json).Resources.Api.Properties.EndpointConfiguration"
    assert "EndpointConfiguration.Types = 'EDGE', the default when omitted" in finding.detail


@pytest.mark.parametrize(
    ("code", "kind", "scope", "expected"),
    [
        # ROS's Scope: domestic (the default) serves from mainland China only; overseas and global from outside it.
        ("CN", "ALIYUN::CDN::Domain", "domestic", set()),
        ("CN", "ALIYUN::CDN::Domain", None, set()),
        ("CN", "ALIYUN::CDN::Domain", "overseas", {"RES-016"}),
        ("CN", "ALIYUN::DCDN::Domain", "global", {"RES-016"}),
        ("CN", "ALIYUN::DCDN::Domain", None, set()),
        ("EU", "ALIYUN::CDN::Domain", None, {"RES-016"}),
        ("EU", "ALIYUN::CDN::Domain", "overseas", {"RES-016"}),
        # mutation57 (stop 57): `{"Ref": "Scope"}` of a Parameter with only a Default is judged by the Default in a
        # stack's template (its own test below), unproven in a stack group's or a stored one (RES-016)
        ("CN", "ALIYUN::GA::Accelerator", None, {"RES-016"}),
        ("CN", "ALIYUN::GA::BasicAccelerator", None, {"RES-016"}),
        ("CN", "ALIYUN::SLB::LoadBalancer", None, set()),
    ],
)
def test_a_ros_templates_edge_resources_are_judged_by_type(
    code: str, kind: str, scope: Any, expected: set[str]
) -> None:
    props: dict[str, Any] = {"DomainName": "downloads.example.cn", "CdnType": "download"}
    if scope is not None:
        props["Scope"] = scope
    resources = {"R": {"Type": kind, "Properties": props}}
    extra = {"Parameters": {"Scope": {"Type": "String", "Default": "domestic"}}}
    assert rule_ids(code, _typed_stack(resources, code, "alicloud", **extra)) == expected
    # A stack group's template (deployed to each stack instance's region) and a stored ROS template (deployed by
    # the stacks and stack groups that name it) are judged the same way (since stop 34).
    stack = _typed_stack(resources, code, "alicloud", **extra)
    for token in ("alicloud:ros/stackGroup:StackGroup", "alicloud:ros/template:Template"):
        assert rule_ids(code, Subject(token, "g", stack.props, stack.provider)) == expected


# mutation57 (stop 57): a template service field given by `Ref` of a Parameter is the value the stack gives it, else
# its Default, as a Region field's is (engine `_parameter_literal`); each row below was RES-016 on main 44bcf26a for
# the stack too. A template each of whose stacks may give another value (a StackSet's, a stack group's, a stored ROS
# template) stays unproven.
@pytest.mark.parametrize(("default", "expected"), [("REGIONAL", set()), ("EDGE", {"RES-016"})])
def test_mutation57_a_templates_edge_type_by_a_parameter_default(default: str, expected: set[str]) -> None:
    subject = _typed_stack(_api(_EDGE_TYPE), "EU", **_endpoint_type(Default=default))
    assert rule_ids("EU", subject) == expected
    stackset = Subject("aws:cloudformation/stackSet:StackSet", "s", subject.props, subject.provider)
    assert rule_ids("EU", stackset) == {"RES-016"}
    given = Subject(subject.type, "s", {**subject.props, "parameters": {"EndpointType": "EDGE"}}, subject.provider)
    assert rule_ids("EU", given) == {"RES-016"}  # the stack's value wins over the Default


@pytest.mark.parametrize(("default", "expected"), [("domestic", set()), ("overseas", {"RES-016"})])
def test_mutation57_a_ros_templates_cdn_scope_by_a_parameter_default(default: str, expected: set[str]) -> None:
    resources = _one("ALIYUN::CDN::Domain", DomainName="downloads.example.cn", CdnType="download",
                     Scope={"Ref": "Scope"})  # fmt: skip
    stack = _typed_stack(resources, "CN", "alicloud", Parameters={"Scope": {"Type": "String", "Default": default}})
    assert rule_ids("CN", stack) == expected
    for token in ("alicloud:ros/stackGroup:StackGroup", "alicloud:ros/template:Template"):
        assert rule_ids("CN", Subject(token, "g", stack.props, stack.provider)) == {"RES-016"}


@pytest.mark.parametrize(
    ("area_a", "area_b", "expected"),
    [
        ("China", "China", set()),
        ("China", "Europe", {"RES-016"}),
        ("North-America", "China", {"RES-016"}),
        ("Asia-Pacific", "Europe", {"RES-016"}),
    ],
)
def test_a_ros_templates_cen_bandwidth_package_is_judged_by_its_areas(
    area_a: str, area_b: str, expected: set[str]
) -> None:
    # ALIYUN::CEN::CenBandwidthPackage GeographicRegionAId / GeographicRegionBId, judged as pulumi-alicloud's
    # geographic_region_*_id (alicloud-cen-bandwidth-package: only China to China in CN); since stop 34.
    resources = _one("ALIYUN::CEN::CenBandwidthPackage", Bandwidth=10, GeographicRegionAId=area_a,
                     GeographicRegionBId=area_b)  # fmt: skip
    assert rule_ids("CN", _typed_stack(resources, "CN", "alicloud")) == expected


def _replicated(destination: Any) -> dict[str, Any]:
    rule = {"Status": "Enabled", "Destination": {"Bucket": destination}}
    config = {"Role": "arn:aws:iam::123456789012:role/r", "Rules": [rule]}
    return {
        "Replica": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-replica-eu"}},
        "B": {"Type": "AWS::S3::Bucket", "Properties": {"ReplicationConfiguration": config}},
    }


def _global_table(*regions: str) -> dict[str, Any]:
    return _one("AWS::DynamoDB::GlobalTable", Replicas=[{"Region": r} for r in regions])


@pytest.mark.parametrize(
    ("code", "resources", "expected"),
    [
        # Region-valued properties of a template's resources are region fields by their key (Region), and a
        # replication destination's bucket ARN is a bucket to prove (the template's own bucket proves it).
        ("EU", _global_table("eu-central-1", "eu-west-1"), set()),
        ("EU", _global_table("eu-central-1", "us-east-1"), {"RES-009"}),
        ("EU", _replicated("arn:aws:s3:::fleet-replica-eu"), set()),
        ("EU", _replicated({"Fn::GetAtt": ["Replica", "Arn"]}), set()),
        ("EU", _replicated({"Fn::Sub": "arn:${AWS::Partition}:s3:::${Replica}"}), set()),
        ("EU", _replicated("arn:aws:s3:::partner-replica-us"), {"RES-017"}),
        ("EU", _replicated({"Fn::ImportValue": "partner-replica-arn"}), {"RES-017"}),
    ],
)
def test_a_templates_region_valued_properties_are_judged(
    code: str, resources: dict[str, Any], expected: set[str]
) -> None:
    assert rule_ids(code, _typed_stack(resources, code)) == expected


_HOSTS = {
    "prod": {"Partner": "db.partner.example.com", "Replica": "orders.c9akciq32.eu-west-1.rds.amazonaws.com"},
    "test": {"Replica": "orders.c9akciq32.eu-central-1.rds.amazonaws.com"},
}
_HOST_TEMPLATE_EXTRA: dict[str, Any] = {
    "Parameters": {"PartnerHost": {"Type": "String", "Default": "hooks.example.eu"}},
    "Mappings": {"Hosts": _HOSTS},
}
_DB_ADDRESS = {"Fn::GetAtt": ["Db", "Endpoint.Address"]}
_PARTNER = {"Ref": "PartnerHost"}


def _join(*parts: Any, delimiter: str = "") -> dict[str, Any]:
    return {"Fn::Join": [delimiter, list(parts)]}


def _in_map(*keys: Any) -> dict[str, Any]:
    return {"Fn::FindInMap": list(keys)}


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        # Fn::Join as the whole value of a URL or host key: judged as the Fn::Sub text it equals.
        ({"WEBHOOK_URL": _join("https://", _PARTNER, "/hook")}, {"RES-015"}),
        ({"DB_URL": _join("postgres://", _DB_ADDRESS, ":5432/app")}, set()),
        ({"DB_HOST": _join({"Fn::GetAtt": "Db.Endpoint.Address"})}, set()),
        ({"DB_HOST": _join(_PARTNER)}, {"RES-015"}),
        ({"WEBHOOK_URL": _join("https://hooks.partner.example.com", "/hook")}, {"RES-015"}),
        ({"DB_HOST": _join("orders", {"Ref": "AWS::Region"}, "rds.amazonaws.com", delimiter=".")}, set()),
        ({"DB_HOST": _join("orders", "us-east-1", "rds.amazonaws.com", delimiter=".")}, {"RES-006"}),
        ({"API_URL": _join("https://", _PARTNER, ".example.eu/x")}, {"RES-015"}),
        # Parts it cannot evaluate fail closed: an import, a list from a Parameter.
        ({"DB_HOST": _join({"Fn::ImportValue": "shared-db-host"}, ":5432")}, {"RES-015"}),
        ({"DB_HOST": {"Fn::Join": [",", _PARTNER]}}, {"RES-015"}),
        # An Fn::If among the parts: each text it may give.
        ({"DB_HOST": _join({"Fn::If": ["C", _DB_ADDRESS, _PARTNER]})}, {"RES-015"}),
        ({"DB_HOST": _join({"Fn::If": ["C", _DB_ADDRESS, {"Fn::GetAtt": ["Lb", "DNSName"]}]})}, set()),
        # Fn::FindInMap of the template's Mappings: the value (every value, where a key is not literal).
        ({"DB_HOST": _in_map("Hosts", "prod", "Replica")}, set()),
        ({"DB_HOST": _in_map("Hosts", "prod", "Partner")}, {"RES-015"}),
        ({"DB_HOST": _in_map("Hosts", {"Ref": "AWS::StackName"}, "Replica")}, set()),
        ({"DB_HOST": _in_map("Hosts", {"Ref": "AWS::StackName"}, "Partner")}, {"RES-015"}),
        ({"DB_HOST": _in_map("Hosts", "staging", "Replica")}, {"RES-015"}),
        ({"DB_HOST": _in_map("Elsewhere", "prod", "Replica")}, {"RES-015"}),
        ({"DB_URL": _join("postgres://", _in_map("Hosts", "prod", "Replica"), ":5432/app")}, set()),
        # Not under a host or bucket key: its parts are walked as before.
        ({"GREETING": _join("hello", _PARTNER, delimiter=" ")}, set()),
    ],
)
def test_a_templates_join_and_find_in_map_under_a_host_key(variables: dict[str, Any], expected: set[str]) -> None:
    resources = {
        **_OWN_RESOURCES,
        "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": variables}}},
    }
    assert rule_ids("EU", _typed_stack(resources, "EU", "aws", **_HOST_TEMPLATE_EXTRA)) == expected


def test_a_templates_join_under_a_bucket_key() -> None:
    def code(bucket: Any) -> Subject:
        resources = {
            "Artifacts": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-artifacts-eu"}},
            "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"S3Bucket": bucket, "S3Key": "f.zip"}}},
        }
        return _typed_stack(resources, Parameters={"Env": {"Type": "String"}})

    assert rule_ids("EU", code({"Fn::Join": ["-", ["fleet", "artifacts", "eu"]]})) == set()
    assert rule_ids("EU", code({"Fn::Join": ["", [{"Ref": "Artifacts"}]]})) == set()
    assert rule_ids("EU", code({"Fn::Join": ["-", ["partner", "artifacts"]]})) == {"RES-017"}
    assert rule_ids("EU", code({"Fn::Join": ["", [{"Fn::ImportValue": "shared-artifacts"}]]})) == {"RES-017"}


@given(
    st.lists(st.text(alphabet="abc-./:$", max_size=6), max_size=5),
    st.sampled_from(["", "-", ".", "/"]),
)
def test_a_join_of_literals_evaluates_to_the_joined_text(parts: list[str], delimiter: str) -> None:
    from components.residency.engine import _template_literals, _template_texts

    assert _template_texts({}, {"Fn::Join": [delimiter, parts]}) == [delimiter.join(parts)]
    literals = _template_literals({}, {"Fn::Join": [delimiter, parts]})
    assert literals == ([delimiter.join(parts)] if "${" not in delimiter.join(parts) else None)


@given(
    st.dictionaries(
        st.from_regex(r"[a-z]{1,5}", fullmatch=True), st.from_regex(r"[a-z.]{1,10}", fullmatch=True), min_size=1
    )
)
def test_find_in_map_gives_the_maps_value_or_every_value(level: dict[str, str]) -> None:
    from components.residency.engine import _find_in_map

    document = {"Mappings": {"M": {k: {"Host": v} for k, v in level.items()}}}
    for key, value in level.items():
        assert _find_in_map(document, ["M", key, "Host"], 0) == [value]
    assert sorted(_find_in_map(document, ["M", {"Ref": "AWS::Region"}, "Host"], 0) or []) == sorted(level.values())
    assert _find_in_map(document, ["M", "missing-key", "Host"], 0) is None


def _ros_code_stack(bucket: Any, code: str = "CN", kind: str = "ALIYUN::FC::Function") -> Subject:
    resources = {
        "CodeBucket": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-fc-code"}},
        "Fn": {"Type": kind, "Properties": {"Code": {"OssBucketName": bucket, "OssObjectName": "f.zip"}}},
    }
    return _typed_stack(resources, code, "alicloud", Parameters={"Shared": {"Type": "String"}})


@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        # The template's own bucket: its literal name, or Fn::GetAtt Name (ROS documents no Ref for it).
        ("fleet-fc-code", set()),
        ({"Fn::GetAtt": ["CodeBucket", "Name"]}, set()),
        ({"Fn::Sub": "${CodeBucket.Name}"}, set()),
        ({"Fn::If": ["C", "fleet-fc-code", {"Fn::GetAtt": ["CodeBucket", "Name"]}]}, set()),
        # Another bucket, a Parameter, an import, the undocumented Ref, an attribute that is no name: unproven.
        ("partner-fc-code", {"RES-017"}),
        ({"Ref": "Shared"}, {"RES-017"}),
        ({"Ref": "CodeBucket"}, {"RES-017"}),
        ({"Fn::GetAtt": ["CodeBucket", "DomainName"]}, {"RES-017"}),
        ({"Fn::GetStackOutput": {"StackId": "shared", "OutputKey": "Bucket"}}, {"RES-017"}),
        ({"Fn::Join": ["-", ["partner", "code"]]}, {"RES-017"}),
        ({"Fn::Join": ["-", ["fleet", "fc", "code"]]}, set()),
        ({"Fn::Base64": "x"}, {"RES-017"}),
    ],
)
def test_a_ros_functions_code_bucket_is_judged(bucket: Any, expected: set[str]) -> None:
    assert rule_ids("CN", _ros_code_stack(bucket)) == expected
    assert rule_ids("CN", _ros_code_stack(bucket, kind="ALIYUN::FC3::Function")) == expected


def test_a_template_service_entry_needs_its_field_exactly_when_the_service_has_one() -> None:
    from components.residency.endpoints import EndpointCatalogue

    raw = ENDPOINTS.model_dump()
    raw["template_services"] = [
        {"service": "aws-apigateway-edge", "types": ["AWS::ApiGateway::RestApi"], "sources": ["x"]}
    ]
    with pytest.raises(ValueError, match="field must be given"):
        EndpointCatalogue.model_validate(raw)
    raw["template_services"] = [{"service": "no-such-service", "types": ["AWS::X::Y"], "sources": ["x"]}]
    with pytest.raises(ValueError, match="no such global service"):
        EndpointCatalogue.model_validate(raw)


@pytest.mark.parametrize("kind", ["ALIYUN::ESA*", "ALIYUN::*", "ALIYUN::ESA::Site*", "ALIYUN::*::Site", "*"])
def test_a_template_service_wildcard_names_one_whole_namespace(kind: str) -> None:
    # alired53 (stop 53): `ALIYUN::ESA::*` judges every type of a hub service's ROS namespace (types ROS adds later
    # too); anything wider or narrower is refused, so a wildcard cannot take in another service's types.
    from components.residency.endpoints import EndpointCatalogue

    raw = ENDPOINTS.model_dump()
    raw["template_services"] = [{"service": "alicloud-esa-hub-region", "types": [kind], "sources": ["x"]}]
    with pytest.raises(ValueError, match="a wildcard is a namespace"):
        EndpointCatalogue.model_validate(raw)
    raw["template_services"] = [{"service": "alicloud-esa-hub-region", "types": ["ALIYUN::ESA::*"], "sources": ["x"]}]
    assert EndpointCatalogue.model_validate(raw).template_services[0].types == {"ALIYUN::ESA::*"}


@settings(max_examples=40, deadline=None)
@given(
    _LOGICAL_ID,
    st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True),
    st.sampled_from(["", "api-", "x."]),
    st.sampled_from(["/hook", ":8443/x", ""]),
)
def test_a_variable_that_is_part_of_a_host_is_one_label(name: str, label: str, prefix: str, tail: str) -> None:
    # Whatever the variable stands for, the rest of the host decides: someone's domain stays unproven, the stack
    # region's regional cloud host is proven, another region's is not.
    def judged(host: str) -> set[str]:
        target = {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {
            "NOTE": {"Fn::Sub": f"see https://{prefix}${{{name}}}.{host}{tail}"}}}}}  # fmt: skip
        template = {"Parameters": {name: {"Type": "String"}}, "Resources": {"Fn": target}}
        stack = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": json.dumps(template)}, provider("EU"))
        return rule_ids("EU", stack)

    assert judged(f"{label}.partner-example.com") == {"RES-015"}
    # Text before the variable ("api-${Stage}.execute-api...") is part of the same label (read since stop 32).
    assert judged("execute-api.eu-west-1.amazonaws.com") == set()
    assert judged("execute-api.us-east-1.amazonaws.com") == {"RES-006"}


# -- Java .properties documents (endpoints.yaml properties_documents) -------------------------------------------

_WORKER = "aws:mskconnect/workerConfiguration:WorkerConfiguration"


def _worker_properties(region: str, registry: str) -> str:
    return (
        "# connect-distributed.properties\n"
        "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
        "config.providers=secretManager\n"
        f"config.providers.secretManager.param.region = {region}\n"
        f"value.converter.schema.registry.url: {registry}\n"
        "! a comment naming us-east-1 is no setting\n"
    )


@pytest.mark.parametrize("encode", [False, True])
def test_a_worker_configuration_s_properties_are_judged_as_settings(encode: bool) -> None:
    # properties_file_content is "either base64 encoded or in raw format": both are read as their keys and values.
    def subject(region: str, registry: str) -> Subject:
        text = _worker_properties(region, registry)
        content = base64.b64encode(text.encode()).decode() if encode else text
        return Subject(_WORKER, "w", {"name": "w", "properties_file_content": content}, provider("EU"))

    in_region = "https://glue.eu-west-1.amazonaws.com"
    assert rule_ids("EU", subject("eu-west-1", in_region)) == set()
    assert rule_ids("EU", subject("us-east-1", in_region)) == {"RES-009"}
    assert rule_ids("EU", subject("eu-west-1", "https://registry.partner.example.com")) == {"RES-015"}
    # The same text elsewhere is not a properties file: a region named in it is only text.
    other = Subject("aws:ssm/document:Document", "d", {"content": _worker_properties("us-east-1", in_region)},
                    provider("EU"))  # fmt: skip
    assert rule_ids("EU", other) == set()


_PROP_KEY = st.from_regex(r"[a-z][a-z0-9]{0,6}(\.[a-zA-Z][a-zA-Z0-9]{0,6}){0,3}", fullmatch=True)
_PROP_VALUE = st.from_regex(r"[A-Za-z0-9:/._-]{0,20}", fullmatch=True)


@given(
    st.dictionaries(_PROP_KEY, _PROP_VALUE, max_size=6),
    st.sampled_from(["=", " = ", ": ", ":", " "]),
    st.booleans(),
)
def test_properties_are_read_as_java_writes_them(entries: dict[str, str], separator: str, comments: bool) -> None:
    lines = []
    for k, v in entries.items():
        if comments:
            lines.append(f"# {k}={v}-commented")
        # A blank separator is followed by an '=' or ':' that Java takes for the separator: write "=" then (and for
        # an empty value, where "key " alone is a key with an empty value too).
        sep = "=" if separator == " " and (not v or v[0] in "=:") else separator
        lines.append(f"  {k}{sep}{v}")
    assert parse_properties("\n".join(lines)) == entries


def test_a_properties_line_may_continue() -> None:
    text = "bootstrap.servers=b-1.partner.example.com:9092,\\\n    b-2.partner.example.com:9092\nregion=eu-west-1\n"
    assert parse_properties(text) == {
        "bootstrap.servers": "b-1.partner.example.com:9092,b-2.partner.example.com:9092",
        "region": "eu-west-1",
    }


@given(
    st.dictionaries(_PROP_KEY, _PROP_VALUE.filter(lambda v: v == v.strip()), max_size=6),
    st.sampled_from(["=", " = "]),
    st.sampled_from(["", '"', "'"]),
    st.booleans(),
)
def test_an_ini_file_is_read_as_php_reads_it(entries: dict[str, str], separator: str, quote: str, notes: bool) -> None:
    # php.ini: [section] headers and ';' comments are no settings, a value may be quoted and followed by a comment.
    lines = ["[PHP]"]
    for k, v in entries.items():
        if notes:
            lines.append(f"; {k}={v}-commented")
        lines.append(f"{k}{separator}{quote}{v}{quote}" + (" ; why" if notes else ""))
    assert parse_properties("\n".join(lines), ini=True) == entries


def test_an_ini_value_is_not_continued_by_a_windows_path() -> None:
    text = 'extension_dir = "C:\\php\\ext\\"\nxdebug.client_host = debug.partner.example.com\n'
    assert parse_properties(text, ini=True) == {
        "extension_dir": "C:\\php\\ext\\",
        "xdebug.client_host": "debug.partner.example.com",
    }


@pytest.mark.parametrize(
    ("php_ini", "expected"),
    [
        ("[xdebug]\nxdebug.mode = debug\nxdebug.client_host = debug.partner.example.com\n", {"RES-015"}),
        ('xdebug.client_host = "203.0.113.9" ; the IDE\n', {"RES-015"}),
        ('session.save_handler = redis\nsession.save_path = "tcp://redis.partner.example.com:6379"\n', {"RES-015"}),
        # The twins: private addresses, a setting that names no place, a comment naming a host.
        ("; xdebug.client_host = debug.partner.example.com\n[xdebug]\nxdebug.client_host = 10.0.0.8\n", set()),
        (
            'memory_limit = 256M\nsession.save_path = "tcp://172.16.3.4:6379"\nmysqli.default_host = "127.0.0.1"\n',
            set(),
        ),
    ],
)
def test_an_sae_php_config_is_judged_as_its_settings(php_ini: str, expected: set[str]) -> None:
    subject = Subject(
        "alicloud:sae/application:Application", "app", {"app_name": "shop", "php_config": php_ini},
        provider("CN", "alicloud"),
    )  # fmt: skip
    findings, _ = ENGINES["CN"].check(subject)
    assert {f.rule.id for f in findings} == expected
    assert all(f.path.startswith("php_config(ini).") for f in findings)


# -- Flink SQL scripts (endpoints.yaml sql_documents) -----------------------------------------------------------

_SQL_KEY = st.from_regex(r"[a-z][a-z0-9-]{0,6}(\.[a-z][a-z0-9-]{0,6}){0,3}", fullmatch=True)
_SQL_VALUE = st.from_regex(r"[A-Za-z0-9:/._,'-]{0,20}", fullmatch=True)


def _sql_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@given(st.lists(st.dictionaries(_SQL_KEY, _SQL_VALUE, min_size=1, max_size=5), max_size=3), st.booleans())
def test_sql_with_clauses_are_read_as_flink_writes_them(tables: list[dict[str, str]], trailing_comma: bool) -> None:
    # Each table's WITH ('key' = 'value', ...) options, a quote inside a literal doubled; the rest is left as text.
    script = []
    for i, table in enumerate(tables):
        pairs = ",\n  ".join(f"{_sql_quoted(k)} = {_sql_quoted(v)}" for k, v in table.items())
        script.append(f"CREATE TEMPORARY TABLE t{i} (v STRING) with (\n  {pairs}{',' if trailing_comma else ''}\n);")
    script.append("INSERT INTO t0 SELECT v FROM t1;")
    options, rest = parse_sql_options("\n".join(script))
    assert options == tables
    assert "WITH" not in rest.upper().replace("WITHOUT", "")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            "'connector' = 'kafka',\n  'topic' = 'alerts',\n"
            "  'properties.bootstrap.servers' = 'kafka.partner.example.com:9092'",
            {"RES-015"},
        ),
        ("'connector' = 'redis',\n  'host' = 'redis.partner.example.com',\n  'port' = '6379'", {"RES-015"}),
        # `hostname` is a destination in a Flink SQL table only (destination_fields), the MySQL connector's database.
        ("'connector' = 'mysql',\n  'hostname' = 'db.partner.example.com',\n  'port' = '3306'", {"RES-015"}),
        ("'connector' = 'mysql',\n  'hostname' = '10.20.3.4',\n  'port' = '3306'", set()),
        (
            "'connector' = 'sls',\n  'endPoint' = 'ap-southeast-1-intranet.log.aliyuncs.com',\n  'project' = 'p'",
            {"RES-006"},
        ),
        # The twins: the VPC's own brokers and Redis, and an SLS endpoint of the stack's region.
        (
            "'connector' = 'kafka',\n  'topic' = 'alerts',\n"
            "  'properties.bootstrap.servers' = '10.20.1.5:9092,10.20.1.6:9092'",
            set(),
        ),
        ("'connector' = 'redis',\n  'host' = '10.20.2.7',\n  'port' = '6379'", set()),
        ("'connector' = 'sls',\n  'endPoint' = 'cn-shanghai-intranet.log.aliyuncs.com',\n  'project' = 'p'", set()),
    ],
)
def test_a_flink_sql_script_is_judged_by_its_tables_options(options: str, expected: set[str]) -> None:
    script = f"CREATE TEMPORARY TABLE sink (vin STRING) WITH (\n  {options}\n);\nINSERT INTO sink SELECT vin FROM src;"
    for subject in (
        Subject("alicloud:realtimecompute/sqlFile:SqlFile", "f", {"namespace": "n", "sql_script": script},
                provider("CN", "alicloud")),
        Subject("alicloud:realtimecompute/deployment:Deployment", "d",
                {"artifact": {"kind": "SQLSCRIPT", "sql_artifact": {"sql_script": script}}},
                provider("CN", "alicloud")),
    ):  # fmt: skip
        findings, _ = ENGINES["CN"].check(subject)
        assert {f.rule.id for f in findings} == expected
        assert all("sql_script(sql)[0]." in f.path for f in findings)
    # The same text elsewhere is no SQL script: a partner's bare host there is only text (a cloud endpoint naming its
    # region is judged in any text).
    other = Subject("alicloud:oos/template:Template", "t", {"content": script}, provider("CN", "alicloud"))
    assert rule_ids("CN", other) == expected & {"RES-006"}


@given(st.lists(st.tuples(_SQL_KEY, _SQL_VALUE), max_size=4), st.booleans(), st.booleans())
def test_sql_set_statements_are_read_as_options_after_the_with_clauses(
    settings_: list[tuple[str, str]], quoted_key: bool, parenthesised: bool
) -> None:
    # Flink SQL's "SET ('key' = 'value')" (the key quoted or not, the parentheses optional): one map per statement,
    # after the WITH clauses' maps; an UPDATE's SET clause is no statement of its own and stays text.
    lines = ["-- job settings"]
    for k, v in settings_:
        pair = f"{_sql_quoted(k) if quoted_key else k} = {_sql_quoted(v)}"
        lines.append(f"SET ({pair});" if parenthesised else f"SET {pair};")
    lines += ["CREATE TEMPORARY TABLE t (v STRING) WITH ('connector' = 'print');", "UPDATE t SET v = 'x';"]
    options, rest = parse_sql_options("\n".join(lines))
    assert options == [{"connector": "print"}, *({k: v} for k, v in settings_)]
    assert "UPDATE t SET v = 'x'" in rest


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # Flink's S3 file system at an S3-compatible store ("s3.endpoint: your-endpoint-hostname"), where the job's
        # checkpoints go: a partner's store is a destination, the VPC's own one is not.
        ("SET 's3.endpoint' = 'minio.partner.example.com:9000';", {"RES-015"}),
        ("SET 's3.endpoint' = '10.20.4.5:9000';", set()),
        ("SET 'metrics.reporter.influx.host' = 'influx.partner.example.com';", {"RES-015"}),
        # URLs and cloud endpoints were judged in the script's text already; now under their key.
        ("SET 'execution.checkpointing.dir' = 'hdfs://nn.partner.example.com:8020/flink/ckpt';", {"RES-015"}),
        ("SET 'fs.oss.endpoint' = 'oss-eu-central-1-internal.aliyuncs.com';", {"RES-006"}),
        ("SET 'fs.oss.endpoint' = 'oss-cn-shanghai-internal.aliyuncs.com';", set()),
        ("SET 'table.exec.state.ttl' = '3h';", set()),
    ],
)
def test_a_flink_sql_script_is_judged_by_its_set_options(statement: str, expected: set[str]) -> None:
    script = f"{statement}\nCREATE TEMPORARY TABLE sink (vin STRING) WITH ('connector' = 'print');"
    subject = Subject("alicloud:realtimecompute/sqlFile:SqlFile", "f", {"namespace": "n", "sql_script": script},
                      provider("CN", "alicloud"))  # fmt: skip
    findings, _ = ENGINES["CN"].check(subject)
    assert {f.rule.id for f in findings} == expected
    assert all(f.path.startswith("sql_script(sql)[1].") for f in findings)


def test_engines_of_one_jurisdiction_share_their_tables_and_keep_their_own_register() -> None:
    """Every front door builds its own engine; what the catalogues decide is derived once per jurisdiction and shared
    (with the memos of each place), while each engine keeps its own register and its own count of what it covered."""
    from components.residency.destinations import parse_destinations

    entry = {"id": "idp", "kind": "resident", "match": "idp.example.cn", "evidence": "own IdP in Shanghai"}
    plain, declaring = RuleEngine("CN"), RuleEngine("CN", destinations=parse_destinations([entry]))
    assert plain._key_plan is declaring._key_plan and plain.parser is declaring.parser
    assert RuleEngine("EU")._key_plan is not plain._key_plan
    subject = url_subject("https://idp.example.cn/oauth2/token")
    assert {f.rule.id for f in plain.check(subject)[0]} == {"RES-015"}
    assert {f.declared_by for f in declaring.check(subject)[0]} == {"idp"}
    # The memo the declaring engine warmed holds no trace of its register: the plain engine still refuses.
    assert {f.rule.id for f in plain.check(subject)[0]} == {"RES-015"}
    assert (plain.used, declaring.used) == ({}, {"idp": 1})


@pytest.mark.parametrize("match", ["接口.例子.中国", "*.例子.中国", "xn--6orp08a.xn--fsqu00a.xn--fiqs8s"])
def test_a_unicode_host_is_covered_by_its_declaration_in_either_spelling(match: str) -> None:
    """A host under a host key written in Unicode is judged in its IDNA form; a declaration written in Unicode (as the
    company writes its own domain) still covers it."""
    from components.residency.destinations import parse_destinations

    subject = Subject(
        "alicloud:apigateway/api:Api", "api", {"http_service_config": {"address": "接口.例子.中国:8443"}},
        provider("CN", "alicloud"),
    )  # fmt: skip
    assert rule_ids("CN", subject) == {"RES-015"}
    entry = {"id": "own-api", "kind": "resident", "match": match, "evidence": "own API servers in Shanghai"}
    declared, _ = RuleEngine("CN", destinations=parse_destinations([entry])).check(subject)
    assert {(f.rule.id, f.declared_by) for f in declared} == {("RES-015", "own-api")}


# False-alarm review (stop 31): a refusal of a catalogued global service says how to declare it. Its entry's id is one
# of the names a declaration is matched against, but the message only showed it in brackets and the rule's generic fix
# ("declare the transfer in sovereign-dc:destinations") did not say which `match` accepts it.
_STOP31_REFUSALS = [
    ("DE", "aws", "aws-route53-domain-contacts", "aws:route53domains/domain:Domain",
     {"domain_name": "fleet-example.de", "admin_contact": {"contact_type": "COMPANY", "country_code": "DE"}}),
    ("JP", "aws", "aws-agentcore-oauth2-vendor",
     "aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider",
     {"name": "assistant", "credential_provider_vendor": "GoogleOauth2"}),
    ("JP", "aws", "aws-chatbot-notification-targets", "aws:codestarnotifications/notificationRule:NotificationRule",
     {"name": "r", "targets": [{"address": "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/dev",
                                "type": "AWSChatbotSlack"}]}),
    ("JP", "aws", "aws-glue-application-connection", "aws:glue/connection:Connection",
     {"name": "bq", "connection_type": "BIGQUERY"}),
    ("EU", "aws", "aws-ec2-ami-launch-permission", "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
     {"image_id": "ami-0a1b2c3d", "account_id": "210987654321"}),
    ("JP", "alicloud", "alicloud-anycast-eip", "alicloud:eipanycast/anycastEipAddress:AnycastEipAddress",
     {"service_location": "international", "bandwidth": 200}),
    ("JP", "alicloud", "alicloud-cdn-scope", "alicloud:live/domain:Domain",
     {"domain_name": "live.fleet.example.jp", "domain_type": "liveVideo"}),
]  # fmt: skip


@pytest.mark.parametrize(("code", "cloud", "service", "token", "props"), _STOP31_REFUSALS, ids=lambda v: str(v)[:40])
def test_a_global_service_refusal_names_the_match_that_declares_it(
    code: str, cloud: Cloud, service: str, token: str, props: dict[str, Any]
) -> None:
    from components.residency.destinations import parse_destinations

    subject = Subject(token, "r", props, provider(code, cloud))
    findings = ENGINES[code].check(subject)[0]
    assert findings and {f.rule.id for f in findings} == {"RES-016"}, [f.detail for f in findings]
    for finding in findings:  # a domain's contacts are refused at each field that carries them
        assert f"declare it in sovereign-dc:destinations with match {service!r}" in finding.detail
        assert f'"match": "{service}"' in finding.detail
    # The match the message gives accepts every one of them (as declared findings).
    entry = {"id": "declared", "kind": "resident", "match": service, "evidence": "contract X-1"}
    declared, _ = RuleEngine(code, destinations=parse_destinations([entry])).check(subject)
    assert declared and {(f.rule.id, f.declared_by) for f in declared} == {("RES-016", "declared")}


@pytest.mark.parametrize(("region", "expected"), [("us-east-1", {"RES-009"}), ("eu-west-1", set())])
def test_a_script_region_refusal_says_where_the_calls_go_and_how_to_declare_it(region: str, expected: set[str]) -> None:
    # Stop-31 false-alarm review: a script's region was refused with RES-009's fix for replication and copies.
    text = f"#!/bin/sh\nexport AWS_REGION={region}\n/opt/fleet/bin/exporter --daemon\n"
    props = {"image_id": "ami-123", "user_data": base64.b64encode(text.encode()).decode()}
    subject = Subject("aws:ec2/launchTemplate:LaunchTemplate", "nodes", props, provider("EU"))
    findings = ENGINES["EU"].check(subject)[0]
    assert {f.rule.id for f in findings} == expected
    for finding in findings:
        assert "script's --region or region variable sends its calls there" in finding.detail
        assert f"with match {region!r}" in finding.detail


def test_a_security_hub_automation_rule_filter_is_compared_with_findings_not_contacted() -> None:
    # docs: securityhub/automationrule — the provider's example: findings of one resource (here a bucket the stack did
    # not make) in another account's region suppressed. Each criteria `value` is matched against findings only.
    criteria = {
        "resource_ids": [{"comparison": "EQUALS", "value": "arn:aws:s3:::fleet-dev-scratch"}],
        "resource_regions": [{"comparison": "EQUALS", "value": "us-east-1"}],
    }
    update = {"workflow": {"status": "SUPPRESSED"}, "note": {"text": "dev scratch", "updated_by": "ops"}}
    actions = [{"type": "FINDING_FIELDS_UPDATE", "finding_fields_update": update}]
    rule = {"rule_name": "suppress-dev-scratch", "rule_order": 1, "description": "dev", "criteria": criteria,
            "actions": actions}  # fmt: skip
    assert rule_ids("EU", Subject("aws:securityhub/automationRule:AutomationRule", "r", rule, provider("EU"))) == set()
    # The same ARN where a resource sends data to it (a trail's bucket) is still judged.
    trail = Subject("aws:cloudtrail/trail:Trail", "t", {"s3_bucket_name": "fleet-dev-scratch"}, provider("EU"))
    assert rule_ids("EU", trail) == {"RES-017"}


def test_an_access_analyzer_inclusion_names_what_it_analyses_not_a_destination() -> None:
    # docs: accessanalyzer/analyzer, the registry's example 5 (false-alarm hunt 27): an internal access analyzer limited
    # to one bucket. `resource_arns` "The analyzer will only generate findings for resources that match these ARNs"
    # (InternalAccessAnalysisRuleCriteria): a filter, RES-017 before.
    inclusions = [{"account_ids": ["123456789012"], "resource_arns": ["arn:aws:s3:::my-example-bucket"]}]
    config = {"internal_access": {"analysis_rule": {"inclusions": inclusions}}}
    analyzer = {"analyzer_name": "example", "type": "ORGANIZATION_INTERNAL_ACCESS", "configuration": config}
    subject = Subject("aws:accessanalyzer/analyzer:Analyzer", "a", analyzer, provider("EU"))
    assert rule_ids("EU", subject) == set()
    # The same bucket where a resource writes into it (a trail's bucket) is still judged.
    trail = Subject("aws:cloudtrail/trail:Trail", "t", {"s3_bucket_name": "my-example-bucket"}, provider("EU"))
    assert rule_ids("EU", trail) == {"RES-017"}
    # Only that path: the same ARN elsewhere in the criteria (written where account ids go) is judged as before.
    moved = [{"account_ids": ["arn:aws:s3:::my-example-bucket"]}]
    tagged = {**analyzer, "configuration": {"internal_access": {"analysis_rule": {"inclusions": moved}}}}
    assert rule_ids("EU", Subject("aws:accessanalyzer/analyzer:Analyzer", "a", tagged, provider("EU"))) == {"RES-017"}
    with pytest.raises(ResidencyViolation, match=r"Bucket 'my-example-bucket' names no region"):
        _first_violation("EU", Subject("aws:accessanalyzer/analyzer:Analyzer", "a", tagged, provider("EU")))


def test_a_source_is_judged_with_what_the_stack_proves_for_it() -> None:
    # RES-014 at a first preview: a value computed from a launch template (an autoscaling group's launch_template.id)
    # is judged by the template, whose user data names the stack's own bucket by its name. The template's own review
    # proves the bucket (the stack makes it), so the value it vouches for must pass; a bucket the stack did not make
    # still makes the template untrusted. Found by the false-alarm hunt (stop 32), eu-platform-intl-gateway-instances.
    from components.residency.provenance import Source, regionless_known, untrusted_reason

    def template(bucket: str) -> Subject:
        script = f"#!/bin/bash\naws s3 cp s3://{bucket}/gateway/config.yaml /etc/fleet/ --region eu-west-1\n"
        return Subject("aws:ec2/launchTemplate:LaunchTemplate", "gateway", {"user_data": script}, provider("EU", "aws"))

    made = regionless_known(["fleet-config-eu-west-1"], [], ())
    built: list[str] = []

    def known() -> Callable[[str], bool]:
        built.append("built")
        return made

    def source(bucket: str) -> Source:
        return Source("aws:ec2/launchTemplate:LaunchTemplate", "gateway", template(bucket), known=known)

    def defer(value: Any) -> bool:
        return False

    assert untrusted_reason(ENGINES["EU"], source("fleet-config-eu-west-1"), defer) is None
    reason = untrusted_reason(ENGINES["EU"], source("shared-tooling-artifacts"), defer)
    assert reason is not None and "[RES-017]" in reason and "shared-tooling-artifacts" in reason
    # Without what the front door proves (as before the fix), the stack's own bucket was refused too.
    bare = Source("aws:ec2/launchTemplate:LaunchTemplate", "gateway", template("fleet-config-eu-west-1"))
    assert "[RES-017]" in (untrusted_reason(ENGINES["EU"], bare, defer) or "")
    # perf66 (stop 66): a source is judged once, with what the front door proves for it whenever the door gives that
    # (``known`` also carries a StackSet's instances and an API's Stages, which can change a verdict either way), so
    # an ordinary resource builds the predicate once too (before, only after a regionless refusal without it; perf66
    # measured the difference on the realistic rows: docs/performance.md, stop 66).
    built.clear()
    plain = Subject("aws:s3/bucket:Bucket", "b", {"bucket": "fleet-config-eu-west-1"}, provider("EU", "aws"))
    assert untrusted_reason(ENGINES["EU"], Source("aws:s3/bucket:Bucket", "b", plain, known=known), defer) is None
    assert built == ["built"]


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
def test_a_source_granting_an_account_another_provider_pins_vouches_for_its_values(code: str) -> None:
    # review46 (stop 46): awsred46 judges a peering accepter's `vpc_peering_connection_id`, so at a first preview that
    # id (unknown) is judged by the requester it is computed from. The registry's cross-account example requests the
    # peering under the workloads provider with `peer_owner_id` = the network account, to which the accepter's
    # provider is pinned: the requester's own review proves that account (every provider's pin counts, stop 36), so
    # it vouches for the id; before, the first preview refused the program (RES-014) while every other door passed
    # it. An account no provider of the stack is pinned to still makes the requester untrusted (RES-023).
    from components.residency.provenance import Source, untrusted_reason

    network, partner = "109876543210", "444455556666"

    def requester(account: str) -> Subject:
        props = {"vpc_id": "vpc-0a1b2c3d", "peer_vpc_id": "vpc-1a2b3c4d", "peer_owner_id": account}
        return Subject("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", "claims-shared", props, provider(code))

    def known() -> Callable[[str], bool]:
        return {ACCOUNT_KEY + network}.__contains__  # the accepter's provider, pinned to the network account

    def defer(value: Any) -> bool:
        return False

    def source(account: str, with_known: bool = True) -> Source:
        return Source("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", "claims-shared", requester(account),
                      known=known if with_known else None)  # fmt: skip

    assert untrusted_reason(ENGINES[code], source(network), defer) is None
    reason = untrusted_reason(ENGINES[code], source(partner), defer)
    assert reason is not None and "[RES-023]" in reason and f"Account {partner} is granted access" in reason
    # Without what the front door proves (as before the fix's callers had it), the network account is refused too.
    assert "[RES-023]" in (untrusted_reason(ENGINES[code], source(network, with_known=False), defer) or "")


@pytest.mark.parametrize("field", ["ToAddresses", "CcAddresses", "BccAddresses"])
def test_ses_recipients_named_in_a_workflow_are_destinations(field: str) -> None:
    # SendEmail's Destination, as a Step Functions aws-sdk task writes it: each recipient's domain receives the mail
    # (it passed unjudged before: no host key named these fields). The sender and the reply-to address receive nothing.
    def machine(recipient: str) -> Subject:
        params = {"FromEmailAddress": "noreply@mail.example.eu", "ReplyToAddresses": ["quality@partner.example.com"],
                  "Destination": {field: [recipient]}}  # fmt: skip
        definition = json.dumps({"StartAt": "M", "States": {"M": {"Type": "Task", "End": True, "Parameters": params}}})
        return Subject("aws:sfn/stateMachine:StateMachine", "m", {"definition": definition}, provider("EU"))

    assert rule_ids("EU", machine("recalls@partner.example.com")) == {"RES-015"}
    # No recipient there: the partner's reply-to address beside it, and the sender, are not judged.
    assert rule_ids("EU", machine("")) == set()
    assert rule_ids("CN", Subject("aws:sfn/stateMachine:StateMachine", "m", machine("x@partner.example.com").props,
                                  provider("CN"))) == {"RES-015"}  # fmt: skip
    # The same field outside a Destination: CcAddresses and BccAddresses name no recipient of this mail; a
    # `ToAddresses` anywhere is named as recipients (as an application's REPORT_TO_ADDRESSES is), judged since stop 32.
    elsewhere = json.dumps(
        {
            "StartAt": "M",
            "States": {"M": {"Type": "Pass", "End": True, "Result": {field: ["recalls@partner.example.com"]}}},
        }
    )
    assert rule_ids("EU", Subject("aws:sfn/stateMachine:StateMachine", "m", {"definition": elsewhere},
                                  provider("EU"))) == ({"RES-015"} if field == "ToAddresses" else set())  # fmt: skip


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("acme-artifacts/exports/day.csv", set()),  # the stack's own bucket (known below)
        ("acme-artifacts%2Fexports%2Fday.csv", set()),
        ("partner-exports/day.csv", {"RES-017"}),
        ("partner-exports%2Fday.csv", {"RES-017"}),  # URL-encoded: the slash is `%2F`
        ("/partner-exports/day.csv?versionId=3", {"RES-017"}),
        # An access point's object ARN names its Region: judged as an ARN (RES-004 outside the jurisdiction).
        ("arn:aws:s3:eu-west-1:123456789012:accesspoint/exports/object/day.csv", set()),
        ("arn:aws:s3:us-east-1:123456789012:accesspoint/exports/object/day.csv", {"RES-004"}),
    ],
)
def test_a_copy_source_names_the_bucket_it_reads(source: str, expected: set[str]) -> None:
    # S3 CopyObject's CopySource ("the name of the source bucket and the key of the source object, separated by a
    # slash", URL-encoded) in a Step Functions aws-sdk task: it passed unjudged while the destination Bucket was judged.
    definition = json.dumps({"StartAt": "C", "States": {"C": {"Type": "Task", "End": True, "Parameters": {
        "Bucket": "acme-artifacts", "Key": "in/day.csv", "CopySource": source}}}})  # fmt: skip
    machine = Subject("aws:sfn/stateMachine:StateMachine", "m", {"definition": definition}, provider("EU"))
    found, _ = ENGINES["EU"].check(machine, known=lambda name: name == "acme-artifacts")
    assert {f.rule.id for f in found} == expected
    # Elsewhere `copy_source` is no catalogued place: a Pass state's result names nothing read.
    passed = json.dumps({"StartAt": "C", "States": {"C": {"Type": "Pass", "End": True, "Result": {"copy": source}}}})
    other = Subject("aws:sfn/stateMachine:StateMachine", "m", {"definition": passed}, provider("EU"))
    assert {f.rule.id for f in ENGINES["EU"].check(other, known=lambda name: name == "acme-artifacts")[0]} <= {
        "RES-004"
    }


@pytest.mark.parametrize(
    "name", ["REPORT_TO_ADDRESSES", "ALERT_EMAILS", "ALERT_EMAIL", "NOTIFICATION_EMAILS", "REPORT_EMAIL_RECIPIENTS"]
)
def test_a_recipient_list_in_an_environment_variable_is_judged(name: str) -> None:
    # A variable whose name says mail is sent to its addresses: each address's domain receives the mail (as an SNS
    # e-mail subscription's or SES Destination's), so a partner's domain is refused unless declared.
    def function(value: str, code: str = "EU", variable: str = name) -> Subject:
        props = {"environment": {"variables": {variable: value}}}
        return Subject("aws:lambda/function:Function", "f", props, provider(code))

    assert rule_ids("EU", function("quality@partner.example.com,recalls@partner.example.com")) == {"RES-015"}
    assert rule_ids("CN", function("quality@partner.example.com", "CN")) == {"RES-015"}
    assert rule_ids("EU", function("")) == set()  # no address: nothing is sent
    # The sender and the reply-to address receive nothing this mail carries: not judged.
    # A reply-to address ends in a host key (`to_address`) but receives only the recipients' replies: it was refused
    # (RES-015) in REPLY_TO_ADDRESS before stop 32, a false alarm.
    for other in ("REPORT_FROM_ADDRESS", "REPLY_TO", "REPLY_TO_ADDRESS", "REPORT_REPLY_TO_ADDRESSES", "SENDER_EMAIL",
                  "ADMIN_EMAILS"):  # fmt: skip
        assert rule_ids("EU", function("quality@partner.example.com", variable=other)) == set(), other


@settings(max_examples=60, deadline=None)
@given(
    bucket=st.from_regex(r"[a-z0-9][a-z0-9-]{2,20}[a-z0-9]", fullmatch=True),
    key=st.lists(st.from_regex(r"[A-Za-z0-9_.-]{1,10}", fullmatch=True), min_size=1, max_size=3),
    encoded=st.booleans(),
    slash=st.booleans(),
)
def test_a_copy_source_is_judged_by_its_first_segment(bucket: str, key: list[str], encoded: bool, slash: bool) -> None:
    # Whatever the key, written plain or URL-encoded, with a leading slash or not: the bucket judged is the first
    # segment, so the stack's own bucket passes and any other name is refused (RES-017).
    from urllib.parse import quote

    path = f"{bucket}/{'/'.join(key)}"
    source = ("/" if slash else "") + (quote(path, safe="") if encoded else path)
    definition = json.dumps({"StartAt": "C", "States": {"C": {"Type": "Task", "End": True, "Parameters": {
        "Key": "day.csv", "CopySource": source}}}})  # fmt: skip
    machine = Subject("aws:sfn/stateMachine:StateMachine", "m", {"definition": definition}, provider("EU"))
    own, _ = ENGINES["EU"].check(machine, known=lambda name: name == bucket)
    other, _ = ENGINES["EU"].check(machine, known=lambda name: name == bucket + "-x")
    assert own == []
    assert {f.rule.id for f in other} == {"RES-017"}


@pytest.mark.parametrize(
    ("code", "principal", "expected"),
    [
        ("EU", "210987654321", {"RES-016"}),  # another account
        ("EU", "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5", {"RES-016"}),
        ("EU", "arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cdef3456", {"RES-016"}),
        ("EU", "arn:aws:iam::123456789012:role/analysts", set()),  # a role: what it runs is judged where it is made
        ("EU", "IAM_ALLOWED_PRINCIPALS", set()),
        ("CN", "210987654321", set()),  # an aws-cn account reaches only the China regions
    ],
)
def test_a_lake_formation_grant_to_another_account_is_a_transfer(code: str, principal: str, expected: set[str]) -> None:
    props = {"principal": principal, "permissions": ["SELECT", "DESCRIBE"],
             "table": {"database_name": "fleet", "wildcard": True}}  # fmt: skip
    subject = Subject("aws:lakeformation/permissions:Permissions", "g", props, provider(code))
    assert rule_ids(code, subject) == expected


@pytest.mark.parametrize(
    ("variable", "refused"),
    [
        ("EXPORT_BUCKET", True),  # variable_bucket_keys (host-shape review, stop 33): accepted before
        ("LOG_BUCKET_NAME", True),
        ("exportBucket", True),
        ("BUCKET", True),  # bucket_keys, as before
        ("S3_BUCKET", True),
        ("BUCKET_REGION", False),  # names no bucket
        ("BUCKETS_PER_RUN", False),
        ("TARGET", False),
    ],
)
def test_an_environment_variable_named_for_a_bucket_holds_a_bucket_name(variable: str, refused: bool) -> None:
    engine = ENGINES["EU"]
    value = "partner-exports-de"
    lam = Subject(
        "aws:lambda/function:Function", "fn",
        {"role": "arn:aws:iam::123456789012:role/x", "environment": {"variables": {variable: value}}}, provider("EU"),
    )  # fmt: skip
    pairs = json.dumps([{"name": "app", "image": "app", "environment": [{"name": variable, "value": value}]}])
    task = Subject("aws:ecs/taskDefinition:TaskDefinition", "t", {"family": "t", "containerDefinitions": pairs},
                   provider("EU"))  # fmt: skip
    for subject in (lam, task):
        assert {f.rule.id for f in engine.check(subject)[0]} == ({"RES-017"} if refused else set()), subject.type
        # A bucket this stack makes stays proven.
        assert engine.check(subject, known=lambda text: text == value)[0] == []
    # Only in a map of names the user chose: elsewhere a key ending in `_bucket` keeps its field's catalogued meaning.
    other = Subject("aws:ssm/parameter:Parameter", "p", {"name": "/fleet/x", "type": "String", "value": value},
                    provider("EU"))  # fmt: skip
    assert engine.check(other)[0] == []


# -- States.Format read as text (false-alarm review, stop 33) ------------------------------------------------------

_FORMAT_LITERAL = st.text(st.characters(blacklist_characters="'{}\\", blacklist_categories=["Cs"]), max_size=40)


@given(_FORMAT_LITERAL, st.lists(_FORMAT_LITERAL, max_size=3))
@settings(max_examples=200)
def test_states_format_fills_literal_arguments_in_order(template: str, literals: list[str]) -> None:
    from components.residency.engine import _format_text

    # Each literal argument fills one `{}` in order; a path argument is a placeholder; the text round-trips.
    call = "States.Format('" + "{}".join([template, *(["x"] * len(literals))]) + "'"
    call += "".join(f", '{lit}'" for lit in literals) + ")"
    expected = "".join(a + b for a, b in zip([template, *(["x"] * len(literals))], [*literals, ""], strict=True))
    assert _format_text(call) == expected
    assert _format_text(f"States.Format('{template}{{}}', $.path)") == template + "${v}"


@given(st.text(max_size=60))
@settings(max_examples=300)
def test_states_format_reading_never_raises_and_needs_the_call(text: str) -> None:
    from components.residency.engine import _format_text

    result = _format_text(text)
    assert result is None or text.strip().startswith("States.Format(")


# -- nested inputs naming a destination (AWS red team, round 10, stop 34) -------------------------------------------

# (resource type, key path, compliant value, offending value, rule id of the offending value), each in an EU stack. The
# offending values passed every front door before (a nested input that no host or bucket key named).
_NESTED_DESTINATIONS = [
    ("aws:msk/replicator:Replicator", "kafka_clusters.apache_kafka_cluster.bootstrap_broker_string",
     "10.40.3.21:9096,10.40.4.22:9096", "10.40.3.21:9096,kafka.partner.example.com:9096", "RES-015"),
    ("aws:connect/user:User", "identity_info.email", None, "agent@agency.example.com", "RES-015"),
    ("aws:connect/user:User", "identity_info.secondary_email", None, "agent@agency.example.com", "RES-015"),
    ("aws:finspace/kxEnvironment:KxEnvironment", "custom_dns_configurations.custom_dns_server_ip", "10.20.0.2",
     "8.8.8.8", "RES-015"),
    ("aws:route53domains/registeredDomain:RegisteredDomain", "name_servers.glue_ips", "10.0.0.53", "52.28.14.9",
     "RES-015"),
    ("aws:route53domains/domain:Domain", "name_servers.glue_ips", "10.0.0.53", "52.28.14.9", "RES-015"),
    ("aws:route53domains/registeredDomain:RegisteredDomain", "name_servers.name", "ns-512.awsdns-00.net",
     "ns1.partner-dns.example.com", "RES-015"),
    ("aws:route53domains/domain:Domain", "name_servers.name", "ns-1536.awsdns-00.co.uk", "ns1.partner-dns.example.com",
     "RES-015"),
    ("aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget",
     "private_endpoint.managed_vpc_resource.routing_domain", "internal-mcp-1234567890.eu-west-1.elb.amazonaws.com",
     "mcp.partner.example.com", "RES-015"),
    ("aws:bedrock/agentcoreGateway:AgentcoreGateway",
     "authorizer_configuration.custom_jwt_authorizer.private_endpoint.managed_vpc_resource.routing_domain",
     "vpce-0abc-xyz.vpce-svc-0123456789abcdef0.eu-west-1.vpce.amazonaws.com", "idp.partner.example.com", "RES-015"),
    ("aws:bedrock/agentcoreGateway:AgentcoreGateway",
     "authorizer_configuration.custom_jwt_authorizer.private_endpoint.managed_vpc_resource.routing_domain",
     "vpce-0abc-xyz.vpce-svc-0123456789abcdef0.eu-west-1.vpce.amazonaws.com",
     "vpce-0abc-xyz.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", "RES-006"),
    ("aws:chime/sdkvoiceGlobalSettings:SdkvoiceGlobalSettings", "voice_connector.cdr_bucket", None,
     "telco-partner-cdr-archive", "RES-017"),
    ("aws:arcregionswitch/plan:Plan", "report_configurations.report_outputs.s3_configurations.bucket_path", None,
     "dr-auditor-reports/fleet", "RES-017"),
    ("aws:dms/migrationProject:MigrationProject", "schema_conversion_application_attributes.s3_bucket_path", None,
     "partner-sct-reports/assessments", "RES-017"),
]  # fmt: skip


@pytest.mark.parametrize(("type_", "path", "good", "bad", "rule"), _NESTED_DESTINATIONS,
                         ids=[f"{t.split(':')[1]}:{p}:{r}" for t, p, _, _, r in _NESTED_DESTINATIONS])  # fmt: skip
def test_nested_inputs_naming_a_destination_are_judged(
    type_: str, path: str, good: str | None, bad: str, rule: str
) -> None:
    def judged(value: str, known: Callable[[str], bool] | None = None) -> set[str]:
        subject = Subject(type_, "r", _at(path, value), provider("EU"))
        return {f.rule.id for f in ENGINES["EU"].check(subject, known=known)[0]}

    assert judged(bad) == {rule}
    if good is not None:
        assert judged(good) == set()
    if rule == "RES-017":  # the stack's own bucket proves it, whatever the prefix
        assert judged(bad, known=lambda name: name == bad.split("/", maxsplit=1)[0]) == set()
    else:  # a host or address the stack declares resident passes
        host = bad.rsplit(",", 1)[-1].split(":", maxsplit=1)[0].rsplit("@", maxsplit=1)[-1]
        declared = RuleEngine("EU", destinations=[Destination(id="d", kind="resident", match=host, evidence="test")])
        assert declared.check(Subject(type_, "r", _at(path, bad), provider("EU")))[0][0].declared_by == "d"


def test_a_finspace_dns_server_name_stays_judged_beside_its_address() -> None:
    # The name beside the address keeps its `server_name` host-key reading (its meaning is not documented): a private
    # address under a partner's name is still refused for the name, a one-label name passes.
    def judged(name: str, address: str) -> set[tuple[str, str]]:
        props = {"custom_dns_configurations": [{"custom_dns_server_name": name, "custom_dns_server_ip": address}]}
        subject = Subject("aws:finspace/kxEnvironment:KxEnvironment", "r", props, provider("EU"))
        return {(f.rule.id, f.path.rsplit(".", 1)[-1]) for f in ENGINES["EU"].check(subject)[0]}

    assert judged("dns1", "10.20.0.2") == set()
    assert judged("dns1", "52.28.14.9") == {("RES-015", "custom_dns_server_ip")}
    assert judged("ns1.partner-dns.com", "10.20.0.2") == {("RES-015", "custom_dns_server_name")}


@pytest.mark.parametrize(
    ("made", "reference", "cloud", "expected"),
    [
        # An OSS bucket the stack makes proves the OSS bucket of that name, never the S3 one (anyone's), and the
        # reverse: S3 and OSS names are separate global namespaces (made-by-this-stack review, stop 35).
        ("alicloud:oss/bucket:Bucket", {"EXPORT_URI": "oss://fleet-exports/x/"}, "alicloud", []),
        ("aws:s3/bucketV2:BucketV2", {"EXPORT_URI": "oss://fleet-exports/x/"}, "alicloud", ["RES-017"]),
        ("aws:s3/bucketV2:BucketV2", {"EXPORT_URI": "s3://fleet-exports/x/"}, "aws", []),
        ("alicloud:oss/bucket:Bucket", {"EXPORT_URI": "s3://fleet-exports/x/"}, "aws", ["RES-017"]),
        ("aws:s3/bucketV2:BucketV2", {"EXPORT_BUCKET": "fleet-exports"}, "aws", []),
        ("alicloud:oss/bucket:Bucket", {"EXPORT_BUCKET": "fleet-exports"}, "aws", ["RES-017"]),
    ],
)  # fmt: skip
def test_a_made_bucket_proves_only_its_own_clouds_bucket(
    made: str, reference: dict[str, Any], cloud: Cloud, expected: list[str]
) -> None:
    engine = ENGINES["EU"]
    created = {engine.created_name(made, {"bucket": "fleet-exports"})}
    token = "aws:lambda/function:Function" if cloud == "aws" else "alicloud:fc/v3Function:V3Function"
    props = {"environment": {"variables": reference}} if cloud == "aws" else {"environment_variables": reference}
    subject = Subject(token, "fn", props, provider("EU", cloud))
    assert [f.rule.id for f in engine.check(subject, known=lambda n: n in created)[0]] == expected


@pytest.mark.parametrize(
    ("asked", "produced", "proven"),
    [
        # A name inside a value a producer gave is proven only as a whole name (made-by-this-stack review, stop 35).
        ("fleet-exports", ["fleet-exports"], True),
        ("fleet-exports", ["arn:aws:s3:::fleet-exports"], True),
        ("fleet-exports", ["fleet-exports.s3.amazonaws.com"], True),
        ("fleet-exports", ["fleet-exports-eu-central-1"], False),
        ("fleet-exports", ["arn:aws:s3:::fleet-exports-eu-central-1"], False),
        ("exports", ["fleet-exports"], False),
        ("db.abc.eu-central-1.rds.amazonaws.com", ["db.abc.eu-central-1.rds.amazonaws.com:5432"], True),
        ("b-1.kafka.example", ["b-1.kafka.example:9092,b-2.kafka.example:9092"], True),
        ("group:fleet-global", ["arn:aws:rds::1:global-cluster:fleet-global"], True),
        ("group:fleet-global", ["arn:aws:rds::1:global-cluster:fleet-global-2"], False),
        # A bucket's names are its cloud's: an OSS bucket's prove only an OSS bucket, an S3 bucket's no OSS bucket.
        ("fleet-exports", ["oss-bucket:fleet-exports"], False),
        ("oss-bucket:fleet-exports", ["oss-bucket:fleet-exports"], True),
        ("oss-bucket:fleet-exports", ["s3-bucket:fleet-exports", "s3-bucket:arn:aws:s3:::fleet-exports"], False),
        ("fleet-exports", ["s3-bucket:fleet-exports"], True),
        ("fleet-exports.s3.amazonaws.com", ["s3-bucket:fleet-exports.s3.amazonaws.com"], True),
        ("group:fleet-exports", ["s3-bucket:fleet-exports"], False),
    ],
)  # fmt: skip
def test_a_produced_name_proves_a_whole_name_of_its_own_kind(asked: str, produced: list[str], proven: bool) -> None:
    from components.residency.provenance import regionless_known

    assert regionless_known([], produced, [])(asked) is proven


@pytest.mark.parametrize(
    ("token", "tag"),
    [("aws:s3/bucketV2:BucketV2", "s3-bucket:"), ("alicloud:oss/bucket:Bucket", "oss-bucket:"),
     ("aws:glue/catalogDatabase:CatalogDatabase", "")],
)  # fmt: skip
def test_what_a_bucket_produces_is_tagged_with_its_cloud(token: str, tag: str) -> None:
    produced = ENGINES["EU"].produced_by(token, {"bucket": "fleet-exports", "arn": "arn:x:fleet-exports"})
    assert produced and all(p.startswith(tag) for p in produced)


@pytest.mark.parametrize(
    ("token", "props", "bucket_proven"),
    [
        # Another kind's name in its id or ARN (a DynamoDB table, a Glue database named like the lake's bucket)
        ("aws:dynamodb/table:Table",
         {"id": "fleet-lake-raw", "arn": "arn:aws:dynamodb:eu-central-1:1:table/fleet-lake-raw"}, False),
        ("aws:glue/catalogDatabase:CatalogDatabase",
         {"id": "1:fleet-lake-raw", "arn": "arn:aws:glue:eu-central-1:1:database/fleet-lake-raw"}, False),
        ("alicloud:ots/table:Table", {"id": "fleet-ots:fleet-lake-raw"}, False),
        # ... but what it holds at a bucket field, judged as a bucket where it was written, is passed on
        ("aws:s3/bucketObjectv2:BucketObjectv2", {"id": "manifest.json", "bucket": "fleet-lake-raw"}, True),
        ("aws:cloudtrail/trail:Trail",
         {"arn": "arn:aws:cloudtrail:eu-central-1:1:trail/t", "s3BucketName": "fleet-lake-raw"}, True),
        ("aws:s3/bucketV2:BucketV2", {"id": "fleet-lake-raw", "bucket": "fleet-lake-raw"}, True),
    ],
)  # fmt: skip
def test_another_kinds_name_proves_no_bucket(token: str, props: dict[str, str], bucket_proven: bool) -> None:
    # A produced value proved an S3 (or OSS) bucket of any name it held, whatever made it: `RAW_BUCKET: table.name`
    # proved the S3 bucket `fleet-lake-raw`, anyone's (leftovers review, stop 36; leftovers36-eu-s3-env-from-table-*).
    from components.residency.engine import bucket_key
    from components.residency.known import knows_bucket
    from components.residency.provenance import regionless_known

    known = regionless_known([], ENGINES["EU"].produced_by(token, props), [])
    assert knows_bucket(known, bucket_key("aws", "fleet-lake-raw")) is bucket_proven
    if token.startswith("alicloud:"):
        assert not knows_bucket(known, bucket_key("alicloud", "fleet-lake-raw"))
    # A host or any other name the resource produced is still proven by it (an RDS host, a group id).
    assert known("fleet-lake-raw")
    # Wrapped by the stage-variables join or joined with another proof (the guard's producers), the bucket answer is
    # the same: a table's name proved the bucket behind a REST Stage's variable before the final review (stop 37).
    from components.residency import stages
    from components.residency.known import Either

    joined = stages.with_stages(known, stages.StageJoin(), stages.STAGE_TYPE, None)
    either = Either(lambda _: False, known)
    for wrapped in (joined, either):
        assert knows_bucket(wrapped, bucket_key("aws", "fleet-lake-raw")) is bucket_proven
        assert wrapped("fleet-lake-raw")


@pytest.mark.parametrize(
    ("token", "props", "bucket_proven"),
    [
        # A Firehose stream's destination bucket, a nested bucket field (bucket_keys `bucket_arn`), judged as a bucket
        # where it was written: passed on (falsealarm19-*-via-firehose-bucket-arn-auto).
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
         {"arn": "arn:aws:firehose:eu-west-1:1:deliverystream/t",
          "extendedS3Configuration": {"bucketArn": "arn:aws:s3:::fleet-lake-raw", "prefix": "telemetry/"}}, True),
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
         {"extended_s3_configuration": [{"bucket_arn": "arn:aws:s3:::fleet-lake-raw"}]}, True),
        # ... but a nested field that is no bucket field proves no bucket: the stream's prefix, named like one
        # (falsealarm19-*-via-firehose-prefix), an Athena workgroup's output location (an s3:// URI at a field the
        # judge reads as a URI, not a bucket field: kept refused, docs/residency.md), the stream's tags.
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
         {"extendedS3Configuration": {"bucketArn": "arn:aws:s3:::fleet-own", "prefix": "fleet-lake-raw"}}, False),
        ("aws:athena/workgroup:Workgroup",
         {"configuration": {"resultConfiguration": {"outputLocation": "s3://fleet-lake-raw/results/"}}}, False),
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
         {"tags": {"bucket": "fleet-lake-raw"}}, False),
    ],
)  # fmt: skip
def test_a_nested_bucket_field_of_another_kind_is_passed_on(
    token: str, props: dict[str, Any], bucket_proven: bool
) -> None:
    # A name another kind holds at a nested bucket field was refused when passed on (RES-017): only top-level bucket
    # fields were (false-alarm review of stop 36's changes, falsealarm19).
    from components.residency.engine import bucket_key
    from components.residency.known import knows_bucket
    from components.residency.provenance import regionless_known

    known = regionless_known([], ENGINES["EU"].produced_by(token, props), [])
    assert knows_bucket(known, bucket_key("aws", "fleet-lake-raw")) is bucket_proven


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["destination_configuration", "extendedS3Configuration", "settings", "target"]),
    st.one_of(
        st.sampled_from(sorted(ENDPOINTS.bucket_keys)), st.from_regex(r"[a-z]{3,10}(_[a-z]{2,6})?", fullmatch=True)
    ),
    st.booleans(),
)
def test_a_nested_field_proves_a_bucket_exactly_when_it_is_a_bucket_field(outer: str, key: str, listed: bool) -> None:
    # Hypothesis over nested keys (falsealarm19): another kind's nested value proves the bucket exactly when its key is
    # a bucket field the judge reads as a bucket (bucket_keys), never by its text alone; in a list or a map alike.
    from components.residency.engine import bucket_key
    from components.residency.known import knows_bucket
    from components.residency.provenance import regionless_known

    inner: Any = {key: "arn:aws:s3:::fleet-lake-raw"}
    props = {outer: [inner] if listed else inner}
    known = regionless_known([], ENGINES["EU"].produced_by("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                                                           props), [])  # fmt: skip
    tokens = key.replace("-", "_").replace(".", "_")
    assert knows_bucket(known, bucket_key("aws", "fleet-lake-raw")) is (tokens in ENDPOINTS.bucket_keys)


@pytest.mark.parametrize(
    ("url", "produced", "refused"),
    [
        ("https://fleet-trip-exports.s3.amazonaws.com/trips/", [], set()),  # the stack's bucket, written out
        ("fleet-trip-exports.s3.amazonaws.com", [], set()),
        ("https://partner-exports.s3.amazonaws.com/trips/", [], {"RES-015"}),  # a bucket the stack does not make
        ("https://s3.amazonaws.com/fleet-trip-exports/trips/", [], {"RES-015"}),  # path-style: no DNS label names it
        ("https://fleet-trip-exports.s3-external-1.amazonaws.com/", [], {"RES-015"}),  # another endpoint's host
        # another kind named like the bucket proves no bucket, so not its host
        ("https://table-exports.s3.amazonaws.com/x",
         ["named:table-exports", "named:arn:aws:dynamodb:x:1:table/table-exports"], {"RES-015"}),
        ("https://made-exports.s3.amazonaws.com/x", ["s3-bucket:made-exports"], set()),  # a bucket's output
    ],
)  # fmt: skip
def test_the_global_host_of_the_stacks_bucket_is_proven_as_the_bucket(
    url: str, produced: list[str], refused: set[str]
) -> None:
    # The legacy global virtual host `<bucket>.s3.amazonaws.com` of a bucket the stack makes passed from the bucket's
    # `bucket_domain_name` output and was refused written out (RES-015): one host, one reading (leftovers review,
    # stop 36; leftovers36-eu-s3-global-host-*). S3 routes a virtual-hosted request there by DNS to the bucket's Region.
    from components.residency.provenance import regionless_known

    subject = Subject("aws:lambda/function:Function", "f", {"environment": {"variables": {"EXPORT_URL": url}}},
                      provider("EU"))  # fmt: skip
    known = regionless_known({"fleet-trip-exports"}, produced, [])
    assert {f.rule.id for f in ENGINES["EU"].check(subject, known=known)[0]} == refused


def test_a_file_systems_id_still_proves_the_first_item_of_a_transfer_home_directory() -> None:
    # bucket_standin_types: on an EFS Transfer server `/fs-.../home` names the stack's file system by the id EFS
    # assigned; the file system's id proves that item, its ARN (another kind's address) proves no bucket, nor does a
    # DynamoDB table's id (its program-chosen name) (awsred6-eu-sftp-home-own-efs, leftovers review stop 36).
    from components.residency.engine import bucket_key
    from components.residency.known import knows_bucket
    from components.residency.provenance import regionless_known

    fs = "fs-0123456789abcdef0"
    arn = f"arn:aws:elasticfilesystem:eu-central-1:1:file-system/{fs}"
    efs = regionless_known([], ENGINES["EU"].produced_by("aws:efs/fileSystem:FileSystem", {"id": fs, "arn": arn}), [])
    assert knows_bucket(efs, bucket_key("aws", fs))
    by_arn = regionless_known([], ENGINES["EU"].produced_by("aws:efs/fileSystem:FileSystem", {"arn": arn}), [])
    assert not knows_bucket(by_arn, bucket_key("aws", fs))
    table = regionless_known([], ENGINES["EU"].produced_by("aws:dynamodb/table:Table", {"id": fs}), [])
    assert not knows_bucket(table, bucket_key("aws", fs))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["123456789012", "210987654321", "999999999999", "All", "all"]), min_size=1, max_size=5),
    st.sampled_from([",", ", ", ";", " "]),
    st.sampled_from(["EU", "CN"]),
)
def test_an_ssm_documents_shared_accounts_are_judged_one_by_one(accounts: list[str], sep: str, code: str) -> None:
    # stagevars36: `permissions.account_ids` holds its accounts in one string ("a,b", or All): each is judged as a
    # granted account (RES-023), whatever separates them; in aws-cn every account (All too) is the partition's.
    region = "cn-north-1" if code == "CN" else "eu-central-1"
    pinned = ProviderRef("aws", "p", region, accounts=frozenset({"123456789012", "210987654321"}))
    doc = Subject(
        "aws:ssm/document:Document", "runbook",
        {"document_type": "Command", "content": "{}",
         "permissions": {"type": "Share", "account_ids": sep.join(accounts)}},
        pinned,
    )  # fmt: skip
    findings, _ = RuleEngine(code).check(doc)
    foreign = [a for a in accounts if a == "999999999999" or a.lower() == "all"]
    expected = [] if code == "CN" or not foreign else ["RES-023"] * len(foreign)
    assert [f.rule.id for f in findings] == expected
    assert all(f.path == "permissions.account_ids" for f in findings)


# -- stop 40: "not judged" entries closed (docs/residency.md, "Not-judged entries closed (stop 40)") ---------------

_BEANSTALK = (
    "aws:elasticbeanstalk/environment:Environment",
    "aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate",
)


def _beanstalk(token: str, code: str, namespace: str, name: str, value: str) -> Subject:
    settings = [
        {"namespace": namespace, "name": name, "value": value},
        {"namespace": "aws:elasticbeanstalk:environment", "name": "EnvironmentType", "value": "LoadBalanced"},
    ]
    return Subject(token, "env", {"application": "portal", "settings": settings}, provider(code))


def _first_violation(code: str, subject: Subject) -> None:
    findings = ENGINES[code].check(subject)[0]
    assert findings
    raise findings[0].to_violation()


@pytest.mark.parametrize("token", _BEANSTALK)
@pytest.mark.parametrize(
    ("code", "name", "compliant", "offending", "rule"),
    [
        # The notification e-mail: its domain receives the environment's health and error events (RES-015).
        ("EU", "Notification Endpoint", "https://ops.eu-west-1.elb.amazonaws.com/hook", "noc@partner.example.com",
         "RES-015"),
        # An SQS queue subscribed, or an existing topic: the stack writes into that account (RES-023).
        ("EU", "Notification Endpoint", "arn:aws:sqs:eu-west-1:123456789012:eb-events",
         "arn:aws:sqs:eu-west-1:999999999999:eb-events", "RES-023"),
        ("JP", "Notification Topic ARN", "arn:aws:sns:ap-northeast-1:123456789012:eb",
         "arn:aws:sns:ap-northeast-1:999999999999:eb", "RES-023"),
        # In CN every aws-cn account is China's; another partition's topic is refused by its partition (RES-004).
        ("CN", "Notification Topic ARN", "arn:aws-cn:sns:cn-north-1:999999999999:eb",
         "arn:aws:sns:us-east-1:999999999999:eb", "RES-004"),
        ("CN", "Notification Endpoint", "arn:aws-cn:sqs:cn-northwest-1:123456789012:q", "ops@partner.example.com",
         "RES-015"),
    ],
)  # fmt: skip
def test_beanstalk_notification_settings_are_destinations(
    token: str, code: str, name: str, compliant: str, offending: str, rule: str
) -> None:
    # Before stop 40 the setting's name ("Notification Endpoint", with a space) was no host key: everything passed.
    namespace = "aws:elasticbeanstalk:sns:topics"
    assert rule_ids(code, _beanstalk(token, code, namespace, name, compliant)) == set()
    assert rule_ids(code, _beanstalk(token, code, namespace, name, offending)) == {rule}


def test_a_beanstalk_notification_error_names_the_setting_and_the_domain() -> None:
    subject = _beanstalk(_BEANSTALK[0], "US", "aws:elasticbeanstalk:sns:topics", "Notification Endpoint",
                         "noc@partner.example.com")  # fmt: skip
    with pytest.raises(ResidencyViolation, match=r"settings\[0\]\.value: partner\.example\.com is a host under no"):
        _first_violation("US", subject)


@pytest.mark.parametrize("token", _BEANSTALK)
def test_a_beanstalk_environment_property_is_a_variable(token: str) -> None:
    # aws:elasticbeanstalk:application:environment holds the application's environment variables: an EXPORT_BUCKET
    # names a bucket (RES-017 unless made or declared), as in a Lambda function's environment; aws-cn by partition.
    namespace = "aws:elasticbeanstalk:application:environment"
    assert rule_ids("EU", _beanstalk(token, "EU", namespace, "EXPORT_BUCKET", "partner-exports")) == {"RES-017"}
    assert rule_ids("CN", _beanstalk(token, "CN", namespace, "EXPORT_BUCKET", "partner-exports")) == set()
    assert rule_ids("EU", _beanstalk(token, "EU", namespace, "LOG_LEVEL", "partner-exports")) == set()
    with pytest.raises(ResidencyViolation, match=r"Bucket 'partner-exports' names no region and was not created"):
        _first_violation("JP", _beanstalk(token, "JP", namespace, "EXPORT_BUCKET", "partner-exports"))


@pytest.mark.parametrize(
    ("namespace", "name", "value"),
    [
        # Only the catalogued namespace reads these names: elsewhere they are judged as any pair is.
        ("aws:elasticbeanstalk:customoption", "Notification Endpoint", "noc@partner.example.com"),
        # A load balancer's access-log bucket is the load balancer's Region's (same_region_buckets for lb), and
        # the setting is no variable: not refused.
        ("aws:elbv2:loadbalancer", "AccessLogsS3Bucket", "central-elb-logs"),
        ("aws:elasticbeanstalk:sns:topics", "Notification Protocol", "email"),
    ],
)
def test_other_beanstalk_settings_keep_their_reading(namespace: str, name: str, value: str) -> None:
    assert rule_ids("EU", _beanstalk(_BEANSTALK[0], "EU", namespace, name, value)) == set()


@pytest.mark.parametrize(
    ("token", "path", "arn"),
    [
        ("aws:pinpoint/smsvoicev2EventDestination:Smsvoicev2EventDestination",
         "cloudwatch_logs_destination.log_group_arn", "arn:aws:logs:us-east-1:{}:log-group:/fleet/sms"),
        ("aws:pinpoint/smsvoicev2EventDestination:Smsvoicev2EventDestination",
         "kinesis_firehose_destination.delivery_stream_arn", "arn:aws:firehose:us-east-1:{}:deliverystream/sms"),
        ("aws:mailmanager/ruleSet:RuleSet", "rules.actions.deliver_to_mailbox.mailbox_arn",
         "arn:aws:workmail:us-east-1:{}:organization/m-0123456789abcdef0123456789abcdef"),
    ],
)  # fmt: skip
def test_sms_and_mail_manager_destinations_are_written_accounts(token: str, path: str, arn: str) -> None:
    def subject(account: str) -> Subject:
        inner: Any = {"role_arn": "arn:aws:iam::123456789012:role/writer", path.rsplit(".", 1)[1]: arn.format(account)}
        for key in reversed(path.split(".")[:-1]):
            inner = {key: [inner] if key in ("rules", "actions") else inner}
        return Subject(token, "d", inner, provider("US"))

    assert rule_ids("US", subject("123456789012")) == set()
    assert rule_ids("US", subject("999999999999")) == {"RES-023"}
    with pytest.raises(ResidencyViolation, match="belongs to account 999999999999"):
        _first_violation("US", subject("999999999999"))


def test_an_http_api_sqs_integration_writes_into_its_queue_owner_account() -> None:
    """Mutation search, round 11 (stop 42): SQS-SendMessage's QueueUrl names the queue written into; the URL's path
    names its owner account (RES-023 when no provider pins it, the Region judged by the host as before)."""

    def subject(account: str, region: str = "eu-central-1") -> Subject:
        url = f"https://sqs.{region}.amazonaws.com/{account}/orders"
        return Subject("aws:apigatewayv2/integration:Integration", "i", {
            "api_id": "a", "integration_type": "AWS_PROXY", "integration_subtype": "SQS-SendMessage",
            "request_parameters": {"QueueUrl": url, "MessageBody": "$request.body"}}, provider("EU"))  # fmt: skip

    assert rule_ids("EU", subject("123456789012")) == set()
    assert rule_ids("EU", subject("999999999999")) == {"RES-023"}
    written = r"sqs\.eu-central-1\.amazonaws\.com/999999999999/orders belongs to account 999999999999, which receives"
    with pytest.raises(ResidencyViolation, match=written):
        _first_violation("EU", subject("999999999999"))
    assert rule_ids("EU", subject("123456789012", "us-east-1")) == {"RES-006"}  # its Region, as before


@pytest.mark.parametrize("name", ["MAIL_TO", "EMAIL_TO", "ALERT_MAIL_TO"])
def test_mail_to_variables_are_recipients(name: str) -> None:
    def subject(address: str) -> Subject:
        variables = {"environment": {"variables": {name: address}}}
        return Subject("aws:lambda/function:Function", "fn", variables, provider("EU"))

    assert rule_ids("EU", subject("reports@partner.example.com")) == {"RES-015"}
    declared = RuleEngine("EU", destinations=[Destination(id="d", kind="resident", match="partner.example.com",
                                                          evidence="mail servers in the EU")])  # fmt: skip
    assert [f.status for f in declared.check(subject("reports@partner.example.com"))[0]] == ["declared"]
    # Allow-lists keep their reading: ADMIN_EMAILS is not a recipient key (residency-open.md).
    assert rule_ids("EU", Subject("aws:lambda/function:Function", "fn",
                                  {"environment": {"variables": {"ADMIN_EMAILS": "a@partner.example.com"}}},
                                  provider("EU"))) == set()  # fmt: skip


def test_a_config_item_kind_is_checked() -> None:
    from components.residency.endpoints import ConfigItem

    with pytest.raises(ValueError, match="kind"):
        ConfigItem(type="aws:elasticbeanstalk/environment:Environment", key="*", kind="bucket", source="x")


@pytest.mark.parametrize("token", ["alicloud:sae/configMap:ConfigMap", "alicloud:sae/ingress:Ingress"])
def test_an_sae_config_map_or_ingress_namespace_is_judged_by_its_region(token: str) -> None:
    # Mutation search, round 10 (stop 41): `{RegionId}:{namespace}` (sae/configmap, sae/ingress) names the namespace the
    # ConfigMap is kept in / the Ingress routes in; before, only an Application's and a Namespace's were judged.
    def subject(namespace_id: str, code: str = "CN") -> Subject:
        return Subject(token, "s", {"namespace_id": namespace_id}, provider(code, "alicloud"))

    assert rule_ids("CN", subject("cn-shanghai:fleet")) == set()
    assert rule_ids("CN", subject("cn-beijing:fleet")) == set()
    assert rule_ids("CN", subject("cn-hongkong:fleet")) == {"RES-009"}
    assert rule_ids("DE", subject("eu-central-1:fleet", "DE")) == set()
    assert rule_ids("DE", subject("eu-west-1:fleet", "DE")) == {"RES-009"}
    assert rule_ids("CN", subject("fleet")) == set()  # no Region before the separator: judged as any other string
    with pytest.raises(ResidencyViolation, match=r"^\[RES-009\] .*namespace_id.*ap-southeast-1"):
        _first_violation("CN", subject("ap-southeast-1:fleet"))
    # Another type's `namespace_id` (a Cloud Map namespace's id, ns-...) keeps its reading.
    other = Subject("alicloud:mse/nacosConfig:NacosConfig", "c", {"namespace_id": "ap-southeast-1:fleet"},
                    provider("CN", "alicloud"))  # fmt: skip
    assert rule_ids("CN", other) == set()


@pytest.mark.parametrize(
    ("key", "own", "other"),
    [
        ("aws:PrincipalAccount", "123456789012", "444455556666"),
        ("kms:CallerAccount", "123456789012", "444455556666"),
        ("aws:PrincipalArn", "arn:aws:iam::123456789012:role/analyst-*", "arn:aws:iam::444455556666:role/analyst-*"),
    ],
)
def test_everyone_limited_to_one_accounts_callers_grants_that_account(key: str, own: str, other: str) -> None:
    # Mutation search, round 10 (stop 41): `"Principal": "*"` with a caller-account condition passed whatever the
    # account, where `{"AWS": "<id>"}` was RES-023. The keys naming the account a SERVICE acts for, or an organization,
    # keep their reading (residency-open.md).
    def subject(k: str, value: str, op: str = "StringEquals") -> Subject:
        statement = {"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
                     "Condition": {op: {k: value}}}  # fmt: skip
        policy = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
        return Subject(
            "aws:secretsmanager/secretPolicy:SecretPolicy", "p", {"secret_arn": "s", "policy": policy}, provider("EU")
        )

    assert rule_ids("EU", subject(key, own)) == set()
    assert rule_ids("EU", subject(key, other)) == {"RES-023"}
    with pytest.raises(ResidencyViolation, match=r"^\[RES-023\] .*Account 444455556666 is granted access"):
        _first_violation("EU", subject(key, other))
    partner = Destination(id="d", kind="resident", match="444455556666", evidence="the partner's account, EU only")
    declared = RuleEngine("EU", destinations=[partner])
    assert [f.status for f in declared.check(subject(key, other))[0]] == ["declared"]
    # A negated operator says who is NOT meant: still everyone else (RES-024), no account granted.
    assert rule_ids("EU", subject(key, other, "StringNotEquals")) == {"RES-024"}
    # Read as grants since orgkeys42 (stop 42; both passed before): the account a service acts for, an organization.
    assert rule_ids("EU", subject("aws:SourceAccount", "444455556666")) == {"RES-023"}
    assert rule_ids("EU", subject("aws:PrincipalOrgID", "o-a1b2c3d4e5")) == {"RES-023"}


# -- orgkeys42 (stop 42): organisation, source-account and unique-id condition keys as grants ----------------------


def _one_statement(principal: Any, condition: dict[str, Any], code: str = "EU", action: str = "sqs:*") -> Subject:
    statement = {"Effect": "Allow", "Principal": principal, "Action": action, "Resource": "*", "Condition": condition}
    policy = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
    return Subject("aws:sqs/queuePolicy:QueuePolicy", "q", {"queue_url": "q", "policy": policy}, provider(code))


_ORG = "o-a1b2c3d4e5"


@pytest.mark.parametrize(
    ("principal", "condition", "message", "declared"),
    [
        ("*", {"StringEquals": {"aws:PrincipalOrgID": _ORG}}, r"Organization o-a1b2c3d4e5 is granted access", _ORG),
        ({"AWS": "*"}, {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": f"{_ORG}/r-ab12/ou-ab12-11111111/*"}},
         r"Organization o-a1b2c3d4e5 is granted access", _ORG),
        ("*", {"StringEquals": {"aws:SourceOrgID": _ORG}}, r"Organization o-a1b2c3d4e5 is granted access", _ORG),
        ({"AWS": "*"}, {"StringEquals": {"AWS:SourceOwner": "444455556666"}}, r"Account 444455556666 is granted access",
         "444455556666"),
        ("*", {"StringEquals": {"aws:SourceAccount": "444455556666"}}, r"Account 444455556666 is granted access",
         "444455556666"),
        ("*", {"ArnLike": {"aws:SourceArn": "arn:aws:events:eu-west-1:444455556666:rule/*"}},
         r"Account 444455556666 is granted access", "arn:aws:iam::444455556666:"),
        ("*", {"StringEquals": {"aws:userid": "AIDAJQABLZS4A3QDU576Q"}},
         r"unique id AIDAJQABLZS4A3QDU576Q is granted access", "AIDAJQABLZS4A3QDU576Q"),
        ("*", {"StringLike": {"aws:userid": "AROAJQABLZS4A3QDU576Q:*"}},
         r"unique id AROAJQABLZS4A3QDU576Q is granted access", "AROAJQABLZS4A3QDU576Q"),
    ],
)  # fmt: skip
def test_organisation_and_source_keys_grant_what_they_name(
    principal: Any, condition: dict[str, Any], message: str, declared: str
) -> None:
    # Each passed every door on main (a key naming the account or organization a service acts for, an organization,
    # a unique id read as "restricts who" and nothing else; `AROA...:*` was RES-024, public).
    subject = _one_statement(principal, condition)
    assert rule_ids("EU", subject) == {"RES-023"}
    with pytest.raises(ResidencyViolation, match=rf"^\[RES-023\] .*{message}"):
        _first_violation("EU", subject)
    entry = Destination(id="d", kind="resident", match=declared, evidence="the organisation's accounts are EU only")
    assert [f.status for f in RuleEngine("EU", destinations=[entry]).check(subject)[0]] == ["declared"]
    # In CN an aws-cn organization, account or principal is China's by partition (as an aws-cn account is).
    cn = json.loads(json.dumps(condition).replace("arn:aws:", "arn:aws-cn:").replace("eu-west-1", "cn-north-1"))
    assert rule_ids("CN", _one_statement(principal, cn, "CN")) == set()


@pytest.mark.parametrize(
    ("principal", "condition"),
    [
        ({"Service": "s3.amazonaws.com"}, {"StringEquals": {"aws:SourceAccount": "123456789012"}}),  # the pinned one
        ({"AWS": "*"}, {"StringEquals": {"AWS:SourceOwner": "123456789012"}}),  # SNS's default topic policy
        ({"Service": "events.amazonaws.com"},
         {"ArnEquals": {"aws:SourceArn": "arn:aws:events:eu-west-1:123456789012:rule/orders"}}),
        ({"Service": "s3.amazonaws.com"}, {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::*"}}),  # no account: as before
        ({"Service": "logging.s3.amazonaws.com"}, {}),  # a service principal without such keys: as before
        ({"Service": "s3.amazonaws.com"}, {"StringNotEquals": {"aws:SourceAccount": "444455556666"}}),  # negated
        # A service principal's source keys only narrow it (the lead's review of stop 42): a partner's account or
        # organization there is not judged, as the statement without them (the service for every account) is not.
        ({"Service": "cloudtrail.amazonaws.com"}, {"StringEquals": {"aws:SourceOrgID": _ORG}}),
        ({"Service": "s3.amazonaws.com"}, {"StringEquals": {"aws:SourceAccount": "444455556666"}}),
        ({"Service": "events.amazonaws.com"},
         {"ArnLike": {"aws:SourceArn": "arn:aws:events:eu-west-1:444455556666:rule/*"}}),
        ({"Service": "iot.amazonaws.com"}, {"StringEquals": {"aws:SourceAccount": "123456789012"}}),
        ("*", {"StringEquals": {"aws:PrincipalAccount": "123456789012", "aws:PrincipalOrgID": _ORG}}),
    ],
)  # fmt: skip
def test_source_keys_naming_the_pinned_account_pass(principal: Any, condition: dict[str, Any]) -> None:
    expected = {"RES-023"} if "aws:PrincipalOrgID" in json.dumps(condition) else set()  # only beside `*`
    assert rule_ids("EU", _one_statement(principal, condition)) == expected  # an organisation beside it still counts


def test_resource_org_keys_restrict_no_one() -> None:
    # aws:ResourceOrgID names the organization of the resource accessed (the policy's own): `*` stays public.
    assert rule_ids("EU", _one_statement("*", {"StringEquals": {"aws:ResourceOrgID": _ORG}})) == {"RES-024"}


@pytest.mark.parametrize(("action", "expected"), [("sqs:ReceiveMessage", ["RES-023"]), ("sqs:SendMessage", [])])
def test_a_deny_outside_the_organisation_grants_it(action: str, expected: list[str]) -> None:
    # The data-perimeter shape: Allow `*`, Deny `*` unless aws:PrincipalOrgID: the Allow reaches the organization. A
    # read grants it the queue's messages (RES-023); since stop 48 (the lead's decision) a delivery-only Allow grants
    # it nothing of the stack's (it may only send into the queue), as the same statement to one account.
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": action, "Resource": "*"},
        {"Effect": "Deny", "Principal": "*", "Action": action, "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": _ORG}}}]}  # fmt: skip
    subject = Subject("aws:sqs/queuePolicy:QueuePolicy", "q", {"queue_url": "q", "policy": json.dumps(document)},
                      provider("EU"))  # fmt: skip
    findings = ENGINES["EU"].check(subject)[0]
    assert [f.rule.id for f in findings] == expected
    if findings:
        assert findings[0].path == "policy(json).Statement[1].Condition.StringNotEquals.aws:PrincipalOrgID"


def test_permissions_to_an_organisation_are_grants_to_it() -> None:
    fields = {"function": "f", "action": "lambda:InvokeFunction", "principal": "*", "principal_org_id": _ORG}
    lam = Subject("aws:lambda/permission:Permission", "p", fields, provider("EU"))
    bus = Subject("aws:cloudwatch/eventPermission:EventPermission", "p", {"principal": "*", "statement_id": "org",
                  "condition": {"key": "aws:PrincipalOrgID", "type": "StringEquals", "value": _ORG}},
                  provider("US"))  # fmt: skip
    # An organization allowed to invoke a function reads its responses (RES-023); one allowed to put events on the
    # bus (PutPermission grants nothing else) may only deliver into it: since stop 48 (the lead's decision) it passes,
    # as the same grant to one account always did.
    assert rule_ids("EU", lam) == {"RES-023"} and rule_ids("US", bus) == set()
    with pytest.raises(ResidencyViolation, match=r"^\[RES-023\] .*principal_org_id.*Organization o-a1b2c3d4e5"):
        _first_violation("EU", lam)
    assert rule_ids("CN", Subject(lam.type, "p", fields, provider("CN"))) == set()


# -- httpapi41 (stop 41): the VPC-link rule as catalogue data (endpoints.yaml `vpc_links`) --------------------------
_PRIVATE_REST = {"type": "HTTP_PROXY", "uri": "http://orders.internal.example.com/o", "connection_type": "VPC_LINK",
                 "connection_id": "urn:link"}  # fmt: skip


def _private_rest_ids(code: str, props: dict[str, Any]) -> set[str]:
    from components.residency.stages import INTEGRATION_TYPE, StageJoin, with_stages

    join = StageJoin()
    join.add_link(("urn", "urn:link"))
    known = with_stages(lambda _: False, join, INTEGRATION_TYPE, ("id", "api"), ("urn", "urn:link"))
    subject = Subject(INTEGRATION_TYPE, "get", props, provider(code))
    return {f.rule.id for f in RuleEngine(code).check(subject, known=known)[0]}


def test_the_vpc_link_entries_say_which_resources_make_a_link_and_which_input_is_a_host_header() -> None:
    from components.residency.stages import connection_input, makes_vpc_link, private_integration

    links = load_endpoints().vpc_links
    assert links.link_types == {"aws:apigateway/vpcLink:VpcLink", "aws:apigatewayv2/vpcLink:VpcLink"}
    assert makes_vpc_link("aws:apigatewayv2/vpcLink:VpcLink") and not makes_vpc_link("aws:lb/loadBalancer:LoadBalancer")
    rest = private_integration("aws:apigateway/integration:Integration")
    http = private_integration("aws:apigatewayv2/integration:Integration")
    assert rest is not None and rest.host_header == "uri" and rest.targets == ("integration_target",)
    # An HTTP API's private integration_uri is where the traffic goes (a listener or Cloud Map ARN): no Host header.
    assert http is not None and http.host_header is None and http.targets == ("integration_uri",)
    assert rest.private("vpc_link") and not rest.private("INTERNET") and not rest.private(None)
    assert connection_input("aws:apigateway/integration:Integration") == "connection_id"
    assert connection_input("aws:apigateway/stage:Stage") is None
    sources = [link.source for link in links.links] + [entry.source for entry in links.integrations]
    assert all(source.startswith("https://docs.aws.amazon.com/") for source in sources)


@pytest.mark.parametrize("code", ["EU", "CN"])
def test_a_private_integrations_host_header_is_no_destination_only_while_the_catalogue_says_so(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Compliant: through the stack's own link the private name is the Host header. Offending twins: an INTERNET
    # integration with the same uri, and the same private integration under a catalogue without the entry's
    # `host_header` (the rule is read from the data, not from code).
    from components.residency import engine as engine_module
    from components.residency.endpoints import VpcLinks

    assert _private_rest_ids(code, _PRIVATE_REST) == set()
    assert _private_rest_ids(code, {**_PRIVATE_REST, "connection_type": "INTERNET"}) == {"RES-015"}
    catalogue = load_endpoints()
    entries = tuple(e.model_copy(update={"host_header": None}) for e in catalogue.vpc_links.integrations)
    edited = catalogue.model_copy(update={"vpc_links": VpcLinks(links=catalogue.vpc_links.links, integrations=entries)})
    monkeypatch.setattr(engine_module, "load_endpoints", lambda: edited)
    assert _private_rest_ids(code, _PRIVATE_REST) == {"RES-015"}


def test_a_vpc_link_entry_is_checked() -> None:
    from components.residency.endpoints import PrivateIntegration

    with pytest.raises(ValueError, match="connection"):
        PrivateIntegration.model_validate({"type": "aws:apigateway/integration:Integration",
                                           "connection_type": "connection_type", "values": ["VPC_LINK"],
                                           "source": "https://docs.aws.amazon.com/"})  # fmt: skip


# -- false-alarm review of stop 41: an OpenAPI definition's own address --------------------------------------------

_API_TYPES = ("aws:apigateway/restApi:RestApi", "aws:apigatewayv2/api:Api")


def _api_body(document: dict[str, Any], token: str, code: str = "EU") -> Subject:
    props: dict[str, Any] = {"body": json.dumps(document)}
    if token == "aws:apigateway/restApi:RestApi":
        props["endpoint_configuration"] = {"types": "REGIONAL"}  # an edge-optimised API is RES-016 on its own
    return Subject(token, "orders", props, provider(code))


def _integration_to(uri: str) -> dict[str, Any]:
    return {
        "/orders": {
            "post": {
                "x-amazon-apigateway-integration": {
                    "type": "http_proxy",
                    "httpMethod": "POST",
                    "uri": uri,
                    "payloadFormatVersion": "1.0",
                }
            }
        }
    }


@pytest.mark.parametrize("token", _API_TYPES)
@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_an_openapi_definitions_own_address_is_no_destination(token: str, code: str) -> None:
    # Swagger 2.0 `host` and OpenAPI 3.0 `servers[].url` (with its variables) name where the API itself is served; API
    # Gateway reads only the base path from them (text_fields). The same host as an integration's uri is a destination.
    served = {
        "openapi": "3.0.1", "info": {"title": "orders", "version": "1"}, "paths": {},
        "servers": [{"url": "https://{host}/{basePath}",
                     "variables": {"host": {"default": "api.fleet.example.com", "enum": ["api.fleet.example.com"]},
                                   "basePath": {"default": "v1"}}},
                    {"url": "https://api.fleet.example.com/v1"}],
    }  # fmt: skip
    swagger = {"swagger": "2.0", "info": {"title": "orders", "version": "1"}, "host": "api.fleet.example.com",
               "basePath": "/v1", "schemes": ["https"], "paths": {}}  # fmt: skip
    assert rule_ids(code, _api_body(served, token, code)) == set()
    assert rule_ids(code, _api_body(swagger, token, code)) == set()
    # Offending twins: the same host where the API sends requests, beside the served address.
    for document in (served, swagger):
        sending = {**document, "paths": _integration_to("https://api.fleet.example.com/orders")}
        assert rule_ids(code, _api_body(sending, token, code)) == {"RES-015"}
    # The key elsewhere in the body (an operation's `host`-named extension, not the definition's own) stays judged.
    nested = {**swagger, "paths": {"/orders": {"post": {"x-backend": {"host": "api.fleet.example.com"}}}}}
    assert rule_ids(code, _api_body(nested, token, code)) == {"RES-015"}


def test_an_openapi_server_keeps_its_endpoint_configuration_judged() -> None:
    # Only the url is the API's own address: an EDGE endpoint configuration in the same Server object is still read
    # (global_services, aws-apigateway-edge-openapi), and an integration to a partner's host is still refused.
    edge = {"openapi": "3.0.1", "info": {"title": "orders", "version": "1"}, "paths": {},
            "servers": [{"url": "https://api.fleet.example.com/v1",
                         "x-amazon-apigateway-endpoint-configuration": {"types": ["EDGE"]}}]}  # fmt: skip
    assert rule_ids("EU", _api_body(edge, "aws:apigateway/restApi:RestApi")) == {"RES-016"}
    sending = {"swagger": "2.0", "info": {"title": "orders", "version": "1"}, "host": "api.fleet.example.com",
               "paths": _integration_to("https://orders.partner.example.com/orders")}  # fmt: skip
    with pytest.raises(
        ResidencyViolation, match=r"x-amazon-apigateway-integration\.uri: orders\.partner\.example\.com"
    ):
        _first_violation("EU", _api_body(sending, "aws:apigatewayv2/api:Api"))


@pytest.mark.parametrize(
    ("userid", "expected"),
    [
        ("123456789012", set()),  # the stack's own root user
        ("123456789012:reports-ci", set()),  # a federated user of the stack's account
        ("444455556666", {"RES-023"}),  # another account's root user: granted, as aws:PrincipalAccount would be
        ("444455556666:partner-app", {"RES-023"}),
        # orgkeys42 (stop 42): a unique id names one principal but no account the engine can read: refused unless
        # declared (it passed before); `AROA...:*` (every session of one role) is fixed, a grant to it (was RES-024).
        ("AIDAJQABLZS4A3QDU576Q", {"RES-023"}),
        ("AROAEXAMPLEID:*", {"RES-023"}),
    ],
)
def test_an_aws_userid_naming_an_account_grants_it(userid: str, expected: set[str]) -> None:
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
         "Condition": {"StringEquals": {"aws:userid": userid}}}]}  # fmt: skip
    subject = Subject("aws:secretsmanager/secretPolicy:SecretPolicy", "reports", {"secret_arn": "s",
                      "policy": json.dumps(document)}, provider("EU"))  # fmt: skip
    assert rule_ids("EU", subject) == expected
    cn = Subject(subject.type, "reports", {"secret_arn": "s", "policy": json.dumps(document)},
                 provider("CN"))  # fmt: skip
    assert rule_ids("CN", cn) <= {"RES-024"}  # an account id names an aws-cn account in CN: China's by partition
    if userid.startswith("444455556666"):
        with pytest.raises(
            ResidencyViolation, match=r"Account 444455556666 is granted access, but neither the provider"
        ):
            _first_violation("EU", subject)


def _deny_unless_account(account: str, deny_action: str = "secretsmanager:GetSecretValue") -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*"},
        {"Effect": "Deny", "Principal": "*", "Action": deny_action, "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:PrincipalAccount": account}}}]})  # fmt: skip


@pytest.mark.parametrize(
    ("code", "account", "deny_action", "expected"),
    [
        ("EU", "123456789012", "secretsmanager:*", set()),  # the pinned account: the Allow reaches only its callers
        ("EU", "444455556666", "secretsmanager:*", {"RES-023"}),  # passed before: the Deny's account is the grant
        ("US", "444455556666", "secretsmanager:GetSecretValue", {"RES-023"}),
        ("EU", "444455556666", "secretsmanager:PutSecretValue", {"RES-024"}),  # covers no pair: the Allow is public
        ("CN", "444455556666", "secretsmanager:*", set()),  # an aws-cn account: China's by partition
    ],
)
def test_a_deny_naming_the_callers_account_grants_it(
    code: str, account: str, deny_action: str, expected: set[str]
) -> None:
    props = {"secret_arn": "s", "policy": _deny_unless_account(account, deny_action)}
    subject = Subject("aws:secretsmanager/secretPolicy:SecretPolicy", "reports", props, provider(code))
    assert rule_ids(code, subject) == expected
    if expected == {"RES-023"}:
        at = r"policy\(json\)\.Statement\[1\]\.Condition\.StringNotEquals\.aws:PrincipalAccount: Account 444455556666"
        with pytest.raises(ResidencyViolation, match=at):
            _first_violation(code, subject)


# -- Fluent Bit configurations outside FireLens options (stop 42, fluentbit42) ---------------------------------------

_FB_CLASSIC = """[SERVICE]
    Flush     5
    HTTP_Listen 0.0.0.0
@INCLUDE extra-outputs.conf
@SET env=prod

# the app's files
[INPUT]
    Name  tail
    Path  /var/log/app/*.log
[OUTPUT]
    NAME  {name}
    Match *
{extra}"""


def _fb_classic(name: str, extra: str = "") -> str:
    return _FB_CLASSIC.format(name=name, extra="".join(f"    {line}\n" for line in extra.splitlines()))


def _fb_yaml(output: dict[str, str]) -> str:
    return yaml.safe_dump({"service": {"flush": 5}, "pipeline": {"inputs": [{"name": "tail", "path": "/var/log/a"}],
                                                                   "outputs": [{"match": "*", **output}]}})  # fmt: skip


def _fb_carrier(carrier: str, code: str, text: str) -> Subject:
    """A Fluent Bit configuration as an EC2 instance writes it (cloud-config), an SSM parameter holds it, an SAE
    ConfigMap's data carries it (JSON of files), or an OSS object is it."""
    if carrier == "cloud-config":
        config = "#cloud-config\n" + yaml.safe_dump({"write_files": [{"path": "/etc/fluent-bit/fluent-bit.conf",
                                                                      "content": text}]})  # fmt: skip
        return Subject("aws:ec2/instance:Instance", "vm", {"user_data": config}, provider(code))
    if carrier == "ssm":
        return Subject("aws:ssm/parameter:Parameter", "p", {"type": "String", "value": text}, provider(code))
    if carrier == "sae-configmap":
        data = json.dumps({"fluent-bit.conf": text})
        return Subject("alicloud:sae/configMap:ConfigMap", "c", {"data": data}, provider(code, "alicloud"))
    props = {"bucket": "b", "key": "fluent-bit.conf", "content": text}
    return Subject("alicloud:oss/bucketObject:BucketObject", "o", props, provider(code, "alicloud"))


def test_a_fluent_bit_classic_configuration_is_read_as_its_sections() -> None:
    from components.residency.documents import fluent_bit_classic, fluent_bit_outputs

    document = fluent_bit_classic(_fb_classic("datadog", "Host http-intake.logs.datadoghq.eu\nTLS on"))
    assert document == {
        "service": {"flush": "5", "http_listen": "0.0.0.0"},
        "pipeline": {
            "inputs": [{"name": "tail", "path": "/var/log/app/*.log"}],
            "outputs": [{"name": "datadog", "match": "*", "host": "http-intake.logs.datadoghq.eu", "tls": "on"}],
        },
    }
    assert fluent_bit_outputs(document) == document["pipeline"]["outputs"]
    assert fluent_bit_outputs(yaml.safe_load(_fb_yaml({"name": "es"}))) == [{"match": "*", "name": "es"}]
    # Not Fluent Bit's: no section of its own (a PHP ini), a line outside any section or with no key.
    assert fluent_bit_classic("[PHP]\nmemory_limit = 128M\n") is None
    assert fluent_bit_classic("Name newrelic\n[OUTPUT]\n    Name newrelic\n") is None
    assert fluent_bit_classic("[OUTPUT]\n    Name newrelic\n    [\n") is None
    assert fluent_bit_outputs({"pipeline": {"outputs": "none"}}) is None and fluent_bit_outputs([]) is None
    # A systemd unit (its [Service] section is a Fluent Bit header's name) and an ini file's `key = value` lines are
    # not Fluent Bit's: they stay free text (their ExecStart / assignments are read as a script, as before stop 42).
    assert fluent_bit_classic("[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/psql -h db.example.com\n") is None
    assert fluent_bit_classic("[Service]\nEnvironment = DB_HOST=db.example.com\n") is None
    assert fluent_bit_classic("[OUTPUT]\n    Match *\n    Host h\n") is None  # an output names its plugin


@pytest.mark.parametrize("carrier", ["cloud-config", "ssm", "sae-configmap", "oss-object"])
@pytest.mark.parametrize(
    ("name", "compliant", "offending", "entry"),
    [
        ("datadog", "Host 10.0.3.7\napikey k", "apikey k\ndd_service app", "firelens-datadog-default-host"),
        ("newrelic", "endpoint http://10.0.3.7:8080/log/v1", "licenseKey k", "firelens-newrelic-default-endpoint"),
        ("nrlogs", "base_uri http://10.0.3.7/log/v1", "license_key k", "firelens-newrelic-default-endpoint"),
        ("azure_blob", "account_name f\nendpoint http://10.0.3.7:10000", "account_name f",
         "firelens-azure-blob-account-host"),
        ("logdna", "logdna_host 10.0.3.7\napi_key k", "api_key k", "firelens-logdna-default-host"),
        ("es", "Host 10.0.3.7\nIndex fleet", "Cloud_ID ${ELASTIC_CLOUD_ID}\nIndex fleet",
         "firelens-elastic-cloud-id"),  # config64: an id that decodes is its host's (below)
    ],
)  # fmt: skip
def test_a_fluent_bit_file_s_output_is_judged_by_the_firelens_entries(
    carrier: str, name: str, compliant: str, offending: str, entry: str
) -> None:
    # The same entry judges the output however it is written: classic (keys in any case) or YAML.
    assert rule_ids("CN", _fb_carrier(carrier, "CN", _fb_classic(name, compliant))) == set()
    findings, _ = ENGINES["CN"].check(_fb_carrier(carrier, "CN", _fb_classic(name, offending)))
    assert [(f.rule.id, f.value) for f in findings] == [("RES-016", name)]
    assert findings[0].path.endswith("(fluent-bit).pipeline.outputs[0].name") and f"[{entry}]" in findings[0].detail
    as_yaml = dict(line.split(" ", 1) for line in offending.splitlines())
    findings, _ = ENGINES["CN"].check(_fb_carrier(carrier, "CN", _fb_yaml({"name": name, **as_yaml})))
    assert [(f.rule.id, f.path.rsplit("(yaml)", 1)[-1]) for f in findings] == [("RES-016", ".pipeline.outputs[0].name")]
    good = dict(line.split(" ", 1) for line in compliant.splitlines())
    assert rule_ids("CN", _fb_carrier(carrier, "CN", _fb_yaml({"name": name, **good}))) == set()


_CLOUD_ID = "fleet:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmMkZGVm"  # base64 of eu-west-1.aws.found.io$abc$def


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_an_elastic_cloud_id_is_refused_and_only_the_id(code: str) -> None:
    # review42: `es` (and its alias `elasticsearch`) with Cloud_ID sends to Elastic's hosted service wherever the
    # stack is (a third party's service, refused in CN too); `es` without it goes to its Host, judged as a host. The
    # entry refuses only while `cloud_id` is set (`when_set`), in a file and in FireLens options alike. config64: an
    # id that decodes is judged as the host it names (RES-015, as Filebeat's `cloud.id`), one that does not by the
    # entry.
    for name in ("es", "elasticsearch"):
        refused = _fb_carrier("ssm", code, _fb_classic(name, f"Cloud_ID {_CLOUD_ID}\nCloud_Auth u:p"))
        assert [(f.rule.id, f.value) for f in ENGINES[code].check(refused)[0]] == [
            ("RES-015", "abc.eu-west-1.aws.found.io")
        ]
        unknown = _fb_carrier("ssm", code, _fb_classic(name, "Cloud_ID ${ELASTIC_CLOUD_ID}\nCloud_Auth u:p"))
        assert rule_ids(code, unknown) == {"RES-016"}
        assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic(name, "Host 10.0.3.7\nPort 9200"))) == set()
        assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic(name, "Index fleet"))) == set()  # 127.0.0.1
    assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic("es", "Host es.partner.example.com"))) == {"RES-015"}
    # Another output with a key of that name is not judged by the entry (config64: its id is read as the host it
    # names wherever the key is written, failing closed).
    assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic("stdout", "Cloud_ID ${ELASTIC_CLOUD_ID}"))) == set()


def test_an_elastic_cloud_id_s_error_names_the_entry_and_a_declaration_covers_it() -> None:
    subject = _fb_carrier("ssm", "EU", _fb_classic("es", "Cloud_ID ${ELASTIC_CLOUD_ID}"))
    with pytest.raises(
        ResidencyViolation,
        match=r"^\[RES-016\] .*\(fluent-bit\)\.pipeline\.outputs\[0\]\.name.*Elastic's hosted Elasticsearch Service"
        r".*\[firelens-elastic-cloud-id\]",
    ):
        _first_violation("EU", subject)
    declared = RuleEngine(
        "EU",
        destinations=[
            Destination(id="elastic", kind="resident", match="firelens-elastic-cloud-id", evidence="eu-west-1")
        ],
    )
    (finding,) = declared.check(subject)[0]
    assert finding.declared_by == "elastic"


def test_when_set_decides_whether_the_entry_refuses() -> None:
    # The entry refuses only when `cloud_id` is set beside the output's Name (`placed_by`); nothing unless_set.
    entry = next(s for s in ENDPOINTS.global_services if s.id == "firelens-elastic-cloud-id")
    assert entry.when_set == ("cloud_id",) and not entry.unless_set
    assert entry.placed_by(lambda p: p == "cloud_id") and not entry.placed_by(lambda p: False)


@pytest.mark.parametrize("name", ["azure", "stackdriver", "bigquery"])
def test_a_fluent_bit_file_s_output_to_another_cloud_is_refused_everywhere(name: str) -> None:
    for code in ("EU", "US", "JP", "CN"):
        assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic(name, "Customer_ID abc"))) == {"RES-016"}
    assert rule_ids("JP", _fb_carrier("ssm", "JP", _fb_classic("cloudwatch_logs", "region ap-northeast-1"))) == set()


def test_a_fluent_bit_file_s_error_names_the_output_and_the_entry() -> None:
    subject = _fb_carrier("cloud-config", "EU", _fb_classic("newrelic", "licenseKey k"))
    with pytest.raises(
        ResidencyViolation,
        match=r"^\[RES-016\] .*write_files\[0\]\.content\(fluent-bit\)\.pipeline\.outputs\[0\]\.name.*"
        r"\(\[OUTPUT\] Name = 'newrelic'\).*\[firelens-newrelic-default-endpoint\]",
    ):
        _first_violation("EU", subject)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # Hosts, regions and buckets in a section are judged as in FireLens options (they passed as free text).
        ("Host es.partner.example.com", {"RES-015"}),
        ("Host 10.0.3.7", set()),
        ("region ap-southeast-1", {"RES-009"}),
        ("region eu-central-1", set()),
        ("bucket partner-log-archive", {"RES-017"}),
    ],
)
def test_a_fluent_bit_file_s_hosts_and_regions_are_judged_by_key(extra: str, expected: set[str]) -> None:
    name = "s3" if extra.startswith("bucket") else "cloudwatch_logs" if extra.startswith("region") else "es"
    assert rule_ids("EU", _fb_carrier("ssm", "EU", _fb_classic(name, extra))) == expected


def test_an_unreadable_fluent_bit_text_stays_free_text() -> None:
    # A text Fluent Bit would not read (a line before the first section) is scanned as free text, as before stop 42:
    # its default output is not refused (no new refusal of unreadable text), a URL in it is judged as before.
    text = "fluent-bit settings\n" + _fb_classic("newrelic", "licenseKey k")
    assert rule_ids("EU", _fb_carrier("ssm", "EU", text)) == set()
    assert rule_ids("EU", _fb_carrier("ssm", "EU", text + "    base_uri https://log-api.eu.newrelic.com/log/v1\n")) == {
        "RES-015"
    }


def test_a_fluent_bit_file_s_default_is_declared_by_the_entry_id() -> None:
    from components.residency.destinations import parse_destinations

    entry = {"id": "dd", "kind": "resident", "match": "firelens-datadog-default-host", "evidence": "Datadog US1, MSA"}
    engine = RuleEngine("US", destinations=parse_destinations([entry]))
    findings, _ = engine.check(_fb_carrier("cloud-config", "US", _fb_classic("datadog", "apikey k")))
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "dd")]


_FB_KEY = st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,15}", fullmatch=True)
_FB_VALUE = st.from_regex(r"[A-Za-z0-9/*.:_${}-]([A-Za-z0-9/*.:_${} -]{0,20}[A-Za-z0-9/*.:_${}-])?", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(
    outputs=st.lists(st.dictionaries(_FB_KEY, _FB_VALUE, min_size=1, max_size=5), min_size=1, max_size=3),
    indent=st.sampled_from(["    ", "\t", "  "]),
    header=st.sampled_from(["OUTPUT", "output", "Output"]),
)
def test_a_fluent_bit_classic_configuration_reads_back_what_it_writes(
    outputs: list[dict[str, str]], indent: str, header: str
) -> None:
    from components.residency.documents import fluent_bit_classic

    outputs = [{"Name": "es", **o} for o in outputs]
    text = "".join(f"[{header}]\n" + "".join(f"{indent}{k} {v}\n" for k, v in o.items()) for o in outputs)
    expected = [{k.lower(): v for k, v in o.items()} for o in outputs]
    # Keys differing only in case are one property to Fluent Bit: the last one written wins.
    assert fluent_bit_classic(text) == {"pipeline": {"outputs": expected}}


# -- bodies42 (stop 42): API definitions inside templates and bodies ------------------------------------------------

_TEMPLATE_API_TYPES = ("AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api")


def _cfn_api(
    kind: str, document: dict[str, Any], code: str = "EU", token: str = "aws:cloudformation/stack:Stack"
) -> Subject:
    props: dict[str, Any] = {"Body": document}
    if kind == "AWS::ApiGateway::RestApi":
        props |= {"Name": "orders", "EndpointConfiguration": {"Types": ["REGIONAL"]}}
    template = {"AWSTemplateFormatVersion": "2010-09-09",
                "Resources": {"OrdersApi": {"Type": kind, "Properties": props}}}  # fmt: skip
    return Subject(token, "orders", {"name": "orders", "template_body": json.dumps(template)}, provider(code))


@pytest.mark.parametrize("kind", _TEMPLATE_API_TYPES)
@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_an_openapi_definitions_own_address_in_a_template_is_no_destination(kind: str, code: str) -> None:
    # The same definition as test_an_openapi_definitions_own_address_is_no_destination, written in a CloudFormation
    # template's Body: the template's resource is read with the Pulumi type's text_fields (stack_templates resources).
    served = {
        "openapi": "3.0.1", "info": {"title": "orders", "version": "1"}, "paths": {},
        "servers": [{"url": "https://{host}/{basePath}",
                     "variables": {"host": {"default": "api.fleet.example.com", "enum": ["api.fleet.example.com"]},
                                   "basePath": {"default": "v1"}}},
                    {"url": "https://api.fleet.example.com/v1"}],
        "externalDocs": {"url": "https://docs.fleet.example.com/orders"},
    }  # fmt: skip
    swagger = {"swagger": "2.0", "info": {"title": "orders", "version": "1"}, "host": "api.fleet.example.com",
               "basePath": "/v1", "schemes": ["https"], "paths": {}}  # fmt: skip
    assert rule_ids(code, _cfn_api(kind, served, code)) == set()
    assert rule_ids(code, _cfn_api(kind, swagger, code)) == set()
    for token in ("aws:cloudformation/stack:Stack", "aws:cloudformation/stackSet:StackSet"):
        assert rule_ids(code, _cfn_api(kind, swagger, code, token)) == set()
    # Offending twins: the same host where the API sends requests; the key deeper in the body; a resource type the
    # catalogue does not map (a Lambda function's property of the same name).
    for document in (served, swagger):
        sending = {**document, "paths": _integration_to("https://api.fleet.example.com/orders")}
        assert rule_ids(code, _cfn_api(kind, sending, code)) == {"RES-015"}
    nested = {**swagger, "paths": {"/orders": {"post": {"x-backend": {"host": "api.fleet.example.com"}}}}}
    assert rule_ids(code, _cfn_api(kind, nested, code)) == {"RES-015"}
    assert rule_ids(code, _cfn_api("AWS::Lambda::Function", swagger, code)) == {"RES-015"}


def test_a_templates_api_definition_is_read_from_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    # The template reading is the catalogue's stack_templates `resources`: without them the own address is RES-015
    # again.
    from components.residency import engine as engine_module

    swagger = {"swagger": "2.0", "info": {"title": "orders", "version": "1"}, "host": "api.fleet.example.com",
               "paths": {}}  # fmt: skip
    assert rule_ids("EU", _cfn_api("AWS::ApiGateway::RestApi", swagger)) == set()
    catalogue = load_endpoints()
    templates = tuple(t.model_copy(update={"resources": ()}) for t in catalogue.stack_templates)
    edited = catalogue.model_copy(update={"stack_templates": templates})
    monkeypatch.setattr(engine_module, "load_endpoints", lambda: edited)
    with pytest.raises(ResidencyViolation, match=r"Properties\.Body\.host: api\.fleet\.example\.com"):
        _first_violation_fresh("EU", _cfn_api("AWS::ApiGateway::RestApi", swagger))


def _first_violation_fresh(code: str, subject: Subject) -> None:
    findings = RuleEngine(code).check(subject)[0]
    assert findings
    raise findings[0].to_violation()


def test_two_logical_ids_read_alike_are_not_text() -> None:
    # Logical ids are read in snake_case: "OrdersApi" and "Orders_Api" read alike; when one of them is no API, neither
    # is read as the API's definition (fail closed).
    swagger = {"swagger": "2.0", "host": "api.fleet.example.com", "paths": {}}
    template = {"Resources": {
        "OrdersApi": {"Type": "AWS::ApiGateway::RestApi",
                      "Properties": {"EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": swagger}},
        "Orders_Api": {"Type": "AWS::Lambda::Function", "Properties": {"Body": swagger}}}}  # fmt: skip
    subject = Subject("aws:cloudformation/stack:Stack", "s", {"name": "s", "template_body": json.dumps(template)},
                      provider("EU"))  # fmt: skip
    assert rule_ids("EU", subject) == {"RES-015"}


_LINK_URN, _LINK_ID = "urn:link", "a1b2c3d4"


def _private_body(connection_id: str, connection_type: str = "VPC_LINK",
                  uri: str = "http://orders.internal.example.com/orders") -> dict[str, Any]:  # fmt: skip
    integration = {"type": "http_proxy", "httpMethod": "GET", "uri": uri, "connectionType": connection_type,
                   "connectionId": connection_id}  # fmt: skip
    return {"openapi": "3.0.1", "info": {"title": "orders", "version": "1"},
            "paths": {"/orders": {"get": {"x-amazon-apigateway-integration": integration}}}}  # fmt: skip


def _private_body_ids(code: str, document: dict[str, Any], sources: tuple[str, ...] = (_LINK_URN,)) -> set[str]:
    from components.residency.stages import REST_API_TYPE, StageJoin, own_api_key, with_stages

    join = StageJoin()
    join.add_link(own_api_key(_LINK_URN, _LINK_ID))  # the VpcLink the program makes, by its URN and id
    known = with_stages(lambda _: False, join, REST_API_TYPE, own_api_key("urn:api"),
                        frozenset(("urn", s) for s in sources))  # fmt: skip
    return rule_ids_known(code, _api_body(document, REST_API_TYPE, code), known)


def rule_ids_known(code: str, subject: Subject, known: Callable[[str], bool]) -> set[str]:
    return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_rest_bodys_private_integration_through_the_stacks_link_is_judged_by_the_link(code: str) -> None:
    # Compliant: the body is computed from the stack's VpcLink and names its id: the uri is the Host header
    # (a private name, or a partner's public name). Offending twins: a literal id (the body computed from no link), a
    # stage variable, another id, an INTERNET integration, the same through a link the body is not computed from.
    assert _private_body_ids(code, _private_body(_LINK_ID)) == set()
    assert _private_body_ids(code, _private_body(_LINK_ID, uri="https://orders.partner.example.com/o")) == set()
    assert _private_body_ids(code, _private_body(_LINK_ID, "vpc_link")) == set()
    assert _private_body_ids(code, _private_body(_LINK_ID), sources=()) == {"RES-015"}
    assert _private_body_ids(code, _private_body("${stageVariables.vpcLinkId}")) == {"RES-015"}
    assert _private_body_ids(code, _private_body("e5f6a7b8")) == {"RES-015"}
    assert _private_body_ids(code, _private_body(_LINK_ID, "INTERNET")) == {"RES-015"}
    assert _private_body_ids(code, _private_body(_LINK_ID), sources=("urn:other",)) == {"RES-015"}


def test_a_rest_bodys_private_integration_is_read_from_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rule is the catalogue's vpc_links.bodies entry: without it the uri is judged as any URL again.
    from components.residency import engine as engine_module
    from components.residency.endpoints import VpcLinks

    assert _private_body_ids("EU", _private_body(_LINK_ID)) == set()
    catalogue = load_endpoints()
    links = catalogue.vpc_links
    edited = catalogue.model_copy(
        update={"vpc_links": VpcLinks(links=links.links, integrations=links.integrations, bodies=())}
    )
    monkeypatch.setattr(engine_module, "load_endpoints", lambda: edited)
    from components.residency.stages import REST_API_TYPE, StageJoin, own_api_key, with_stages

    join = StageJoin()
    join.add_link(own_api_key(_LINK_URN, _LINK_ID))
    known = with_stages(lambda _: False, join, REST_API_TYPE, own_api_key("urn:api"), frozenset({("urn", _LINK_URN)}))
    findings = RuleEngine("EU").check(_api_body(_private_body(_LINK_ID), REST_API_TYPE), known=known)[0]
    with pytest.raises(ResidencyViolation, match=r"integration\.uri: orders\.internal\.example\.com"):
        raise findings[0].to_violation()


def test_the_join_names_a_made_link_by_its_id_only_among_the_bodys_sources() -> None:
    from components.residency.stages import ApiKeys, StageJoin, body_private_integration, own_api_key

    join = StageJoin()
    join.add_link(own_api_key(_LINK_URN, _LINK_ID))
    join.add_link(ApiKeys({("resources", "r"), ("id", "f00d")}))  # the guard's key of a link it holds
    assert join.names_made_link([("urn", _LINK_URN)], _LINK_ID)
    assert join.names_made_link([("resources", "r")], "f00d")
    assert not join.names_made_link([("urn", _LINK_URN)], "f00d")
    assert not join.names_made_link([("id", _LINK_ID)], _LINK_ID)  # a literal id is no source
    assert not join.names_made_link([], _LINK_ID)
    entry = body_private_integration("aws:apigateway/restApi:RestApi")
    assert entry is not None and entry.host_header == "uri" and entry.connection == "connectionId"
    # An HTTP API body's private uri is where the traffic goes (a listener or Cloud Map ARN): no entry.
    assert body_private_integration("aws:apigatewayv2/api:Api") is None


# -- roles the stack makes, named by their ARN output (ownrole42, stop 42) ------------------------------------------

_OWN_ROLE = "acs:ram::1234567890123456:role/fleet-audit-writer"
_OWN_IAM_ROLE = "arn:aws:iam::123456789012:role/app-5f3a"


_OWN_TOPIC = "arn:aws:sns:us-east-1:123456789012:orders"
_OWN_QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders-audit"
_OWN_QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders-audit"
_R44_TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
_R44_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:fulfilment"
_R44_ACTIVITY = "arn:aws:states:eu-west-1:123456789012:activity:manual-review"
_R44_NETWORK = "arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetwork/sn-0123456789abcdef0"
_R44_ALIAS = "arn:aws:bedrock:eu-west-1:123456789012:agent-alias/TRIAGE0001/PROD000001"
_R45_CLUSTER = "arn:aws:rds:eu-west-1:123456789012:cluster:orders"
_R44_MAIL = "arn:aws:workmail:eu-west-1:123456789012:organization/m-0123456789abcdef0123456789abcdef"
_OWN_FUNCTION = "arn:aws:lambda:eu-central-1:123456789012:function:thumbnail"
_OWN_LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:trail"
_OWN_BUS = "arn:aws:events:ap-northeast-1:123456789012:event-bus/orders"
_OWN_LOG_DESTINATION = "arn:aws:logs:eu-central-1:123456789012:destination:central"
_OWN_TRAIL = "arn:aws:cloudtrail:us-east-1:123456789012:trail/audit"
_OWN_DOMAIN = "arn:aws:es:eu-central-1:123456789012:domain/fleet-logs"
_OWN_FC3 = "acs:fc:cn-shanghai:1234567890123456:functions/next"
_OWN_FC2 = "acs:fc:ap-northeast-1:1234567890123456:services/s.LATEST/functions/next"


def _unpinned(cloud: Cloud, region: str) -> ProviderRef:
    return ProviderRef(cloud, "team", region)  # assumes no role, pins no account


@pytest.mark.parametrize(
    ("code", "subject", "arn", "other"),
    [
        ("CN", Subject("alicloud:actiontrail/trail:Trail", "audit", {
            "trail_name": "audit", "oss_bucket_name": "fleet-audit", "oss_write_role_arn": _OWN_ROLE,
        }, _unpinned("alicloud", "cn-shanghai")), _OWN_ROLE, "acs:ram::5555666677778888:role/fleet-audit-writer"),
        ("JP", Subject("alicloud:log/ossExport:OssExport", "tcu", {
            "project_name": "p", "logstore_name": "s", "bucket": "b", "role_arn": _OWN_ROLE,
        }, _unpinned("alicloud", "ap-northeast-1")), _OWN_ROLE, "acs:ram::1234567890123456:role/fleet-audit-writer2"),
        ("EU", Subject("aws:s3/bucketPolicy:BucketPolicy", "data", {"bucket": "b", "policy": json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": _OWN_IAM_ROLE},
                                                    "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}],
        })}, _unpinned("aws", "eu-central-1")), _OWN_IAM_ROLE, "arn:aws:iam::444455556666:role/app-5f3a"),
        # review42: aws:SourceArn of the stack's own topic (SNS to SQS fan-out; on a statement to `*`: a service
        # principal's source keys are not judged since the lead's review of stop 42), and its own queue subscribed.
        # With a second action: since stop 47 (inbound47) a SendMessage-only statement grants its source's account
        # nothing (it may only deliver into the queue), so no account is judged there at all.
        ("US", Subject("aws:sqs/queuePolicy:QueuePolicy", "audit", {"queue_url": "q", "policy": json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                                                    "Action": ["sqs:SendMessage", "sqs:GetQueueAttributes"],
                                                    "Resource": _OWN_QUEUE,
                                                    "Condition": {"ArnEquals": {"aws:SourceArn": _OWN_TOPIC}}}],
        })}, _unpinned("aws", "us-east-1")), _OWN_TOPIC, "arn:aws:sns:us-east-1:444455556666:orders"),
        ("JP", Subject("aws:sns/topicSubscription:TopicSubscription", "audit", {
            "topic": "t", "protocol": "sqs", "endpoint": _OWN_QUEUE.replace("us-east-1", "ap-northeast-1"),
        }, _unpinned("aws", "ap-northeast-1")), _OWN_QUEUE.replace("us-east-1", "ap-northeast-1"),
         "arn:aws:sqs:ap-northeast-1:444455556666:orders-audit"),
        # madearn43 (stop 43): the rest of the list, written destinations by their ARN output (a Lambda function, a log
        # group with CloudTrail's `:*`, an event bus, a log destination) and a trail as `aws:SourceArn`.
        ("EU", Subject("aws:s3/bucketNotification:BucketNotification", "n", {"bucket": "b", "lambda_functions": [
            {"lambda_function_arn": _OWN_FUNCTION, "events": ["s3:ObjectCreated:*"]}]},
            _unpinned("aws", "eu-central-1")),
         _OWN_FUNCTION, "arn:aws:lambda:eu-central-1:444455556666:function:thumbnail"),
        ("US", Subject("aws:cloudtrail/trail:Trail", "t", {"name": "t", "s3_bucket_name": "b",
            "cloud_watch_logs_group_arn": _OWN_LOG_GROUP + ":*", "cloud_watch_logs_role_arn": _OWN_IAM_ROLE,
        }, _unpinned("aws", "us-east-1")), _OWN_LOG_GROUP + ":*",
         "arn:aws:logs:us-east-1:444455556666:log-group:trail:*"),
        ("JP", Subject("aws:cloudwatch/eventTarget:EventTarget", "t", {"rule": "r", "arn": _OWN_BUS},
                       _unpinned("aws", "ap-northeast-1")), _OWN_BUS,
         "arn:aws:events:ap-northeast-1:444455556666:event-bus/b"),
        ("EU", Subject("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", "f", {
            "log_group": "g", "filter_pattern": "", "destination_arn": _OWN_LOG_DESTINATION,
        }, _unpinned("aws", "eu-central-1")), _OWN_LOG_DESTINATION,
         "arn:aws:logs:eu-central-1:444455556666:destination:central"),
        ("US", Subject("aws:s3/bucketPolicy:BucketPolicy", "b", {"bucket": "b", "policy": json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject",
                                                    "Resource": "arn:aws:s3:::b/*",
                                                    "Condition": {"ArnEquals": {"aws:SourceArn": _OWN_TRAIL}}}],
        })}, _unpinned("aws", "us-east-1")), _OWN_TRAIL, "arn:aws:cloudtrail:us-east-1:444455556666:trail/audit"),
        # review43 (stop 43): the stack's OpenSearch / Elasticsearch domain by its `arn` output, as an OpenSearch VPC
        # endpoint's `domain_arn` (sqsvpc43's written destination; the registry example passes `domain.arn`).
        ("EU", Subject("aws:opensearch/vpcEndpoint:VpcEndpoint", "search", {
            "domain_arn": _OWN_DOMAIN, "vpc_options": {"subnet_ids": ["subnet-0a1b2c3d"]},
        }, _unpinned("aws", "eu-central-1")), _OWN_DOMAIN, "arn:aws:es:eu-central-1:444455556666:domain/fleet-logs"),
        ("JP", Subject("aws:elasticsearch/vpcEndpoint:VpcEndpoint", "search", {
            "domain_arn": _OWN_DOMAIN.replace("eu-central-1", "ap-northeast-1"),
            "vpc_options": {"subnet_ids": ["subnet-0a1b2c3d"]},
        }, _unpinned("aws", "ap-northeast-1")), _OWN_DOMAIN.replace("eu-central-1", "ap-northeast-1"),
         "arn:aws:es:ap-northeast-1:444455556666:domain/fleet-logs"),
        # leftovers43 (stop 43): a Lambda alias's `arn` and a function version's `qualified_arn`.
        ("EU", Subject("aws:cloudwatch/eventTarget:EventTarget", "t", {"rule": "r", "arn": _OWN_FUNCTION + ":live"},
                       _unpinned("aws", "eu-central-1")), _OWN_FUNCTION + ":live",
         "arn:aws:lambda:eu-central-1:444455556666:function:thumbnail:live"),
        ("EU", Subject("aws:sns/topicSubscription:TopicSubscription", "s", {
            "topic": "t", "protocol": "lambda", "endpoint": _OWN_FUNCTION + ":7",
        }, _unpinned("aws", "eu-central-1")), _OWN_FUNCTION + ":7",
         "arn:aws:lambda:eu-central-1:444455556666:function:thumbnail:7"),
    ],
)  # fmt: skip
def test_a_role_the_stack_makes_with_the_same_provider_proves_its_account(
    code: str, subject: Subject, arn: str, other: str
) -> None:
    """A role's ARN output is in the account of the provider that made it: a resource of the same provider naming that
    very ARN is the stack's own (the front doors add ``made_arn_key`` only for roles made with the same provider). Any
    other text (another account's role, the own account's other role, a prefix) is judged as before: RES-023."""
    from components.residency.provenance import regionless_known

    engine = ENGINES[code]

    def res023(known: Callable[[str], bool] | None) -> list[Finding]:
        # The bucket names are nobody's here (RES-017): only the account is looked at.
        return [f for f in engine.check(subject, known=known)[0] if f.rule.id == "RES-023"]

    (found,) = res023(None)
    message = r"belongs to account (1234567890123456|123456789012), which receives|Account 123456789012 is granted"
    with pytest.raises(ResidencyViolation, match=message):
        raise found.to_violation()
    assert res023(made_arn_key(arn).__eq__) == []
    for key in (made_arn_key(other), made_arn_key(arn[:-3]), arn, ACCOUNT_KEY + arn):  # another, a prefix, ...
        assert len(res023(key.__eq__)) == 1
    # Only the front door's created keys prove it: a name produced by a value's producers never does.
    assert len(res023(regionless_known((), [arn, made_arn_key(arn)], ()))) == 1
    assert res023(regionless_known({made_arn_key(arn)}, [], ())) == []


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
def test_a_state_machines_log_group_account_is_judged_as_a_written_destination(code: str) -> None:
    """madearn43 (stop 43): a workflow type's strings are read by the run-time reading, which skipped the written field
    ``logging_configuration.log_destination``: another account's log group passed. Judged as any written destination:
    the pinned account passes, another is refused, the own log group's ``arn`` + ``:*`` passes unpinned."""
    region = {"EU": "eu-central-1", "US": "us-east-1", "JP": "ap-northeast-1"}[code]
    own = f"arn:aws:logs:{region}:123456789012:log-group:/aws/vendedlogs/states/orders"

    def ids(account: str, pinned: bool, known: Callable[[str], bool] | None = None) -> set[str]:
        destination = own.replace("123456789012", account) + ":*"
        ref = ProviderRef("aws", "team", region, accounts=frozenset({"123456789012"} if pinned else set()))
        subject = Subject("aws:sfn/stateMachine:StateMachine", "flow", {
            "role_arn": "arn:aws:iam::123456789012:role/flow", "definition": "{}",
            "logging_configuration": {"log_destination": destination, "level": "ALL", "include_execution_data": True},
        }, ref)  # fmt: skip
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    assert ids("123456789012", pinned=True) == set()
    assert ids("444455556666", pinned=True) == {"RES-023"}
    assert ids("123456789012", pinned=False) == {"RES-023"}
    made = ENGINES[code].made_arns("aws:cloudwatch/logGroup:LogGroup", {"arn": own})
    assert ids("123456789012", pinned=False, known=set(made).__contains__) == set()
    assert ids("444455556666", pinned=False, known=set(made).__contains__) == {"RES-023"}


@pytest.mark.parametrize(
    ("token", "props", "expected"),
    [
        ("alicloud:ram/role:Role", {"arn": _OWN_ROLE, "roleName": "fleet-audit-writer"}, [made_arn_key(_OWN_ROLE)]),
        ("aws:iam/role:Role", {"arn": _OWN_IAM_ROLE, "name": "app-5f3a"}, [made_arn_key(_OWN_IAM_ROLE)]),
        ("aws:iam/role:Role", {"name": "app-5f3a"}, []),  # not known yet (a preview)
        ("aws:cloudwatch/eventTarget:EventTarget", {"arn": "arn:aws:events:eu-central-1:444455556666:event-bus/x"}, []),
        # madearns46 (stop 46): an IAM user's `arn` is listed now (a KMS grantee); a group's is no principal a grant
        # names, and unlisted.
        (
            "aws:iam/user:User",
            {"arn": "arn:aws:iam::123456789012:user/u"},
            [made_arn_key("arn:aws:iam::123456789012:user/u")],
        ),
        ("aws:iam/group:Group", {"arn": "arn:aws:iam::123456789012:group/g"}, []),
        ("aws:sns/topic:Topic", {"arn": _OWN_TOPIC, "name": "orders"}, [made_arn_key(_OWN_TOPIC)]),
        # sfn44b / review44 (stop 44): a queue's `url` (an output only; its path names the owner) proves the account too
        # (a state machine's Task `QueueUrl`).
        (
            "aws:sqs/queue:Queue",
            {"arn": _OWN_QUEUE, "url": _OWN_QUEUE_URL},
            [made_arn_key(_OWN_QUEUE), made_arn_key(_OWN_QUEUE_URL)],
        ),
        ("aws:sns/topicSubscription:TopicSubscription", {"arn": _OWN_TOPIC + ":1a2b", "endpoint": _OWN_QUEUE}, []),
        # madearn43 (stop 43)
        ("aws:lambda/function:Function", {"arn": _OWN_FUNCTION, "name": "thumbnail"}, [made_arn_key(_OWN_FUNCTION)]),
        (
            "aws:cloudwatch/logGroup:LogGroup",
            {"arn": _OWN_LOG_GROUP, "name": "trail"},
            [made_arn_key(_OWN_LOG_GROUP), made_arn_key(_OWN_LOG_GROUP + ":*")],
        ),  # CloudTrail's log stream wildcard
        ("aws:cloudwatch/eventBus:EventBus", {"arn": _OWN_BUS}, [made_arn_key(_OWN_BUS)]),
        (
            "aws:cloudwatch/logDestination:LogDestination",
            {"arn": _OWN_LOG_DESTINATION},
            [made_arn_key(_OWN_LOG_DESTINATION)],
        ),
        ("aws:cloudtrail/trail:Trail", {"arn": _OWN_TRAIL}, [made_arn_key(_OWN_TRAIL)]),
        # leftovers43 (stop 43): a Lambda alias's `arn`, a function's `qualified_arn` (its `invoke_arn`s: not listed)
        (
            "aws:lambda/alias:Alias",
            {"arn": _OWN_FUNCTION + ":live", "name": "live"},
            [made_arn_key(_OWN_FUNCTION + ":live")],
        ),
        (
            "aws:lambda/function:Function",
            {"arn": _OWN_FUNCTION, "qualifiedArn": _OWN_FUNCTION + ":7"},
            [made_arn_key(_OWN_FUNCTION), made_arn_key(_OWN_FUNCTION + ":7")],
        ),
        ("aws:lambda/alias:Alias", {"invoke_arn": "arn:aws:apigateway:eu-central-1:lambda:path/x/invocations"}, []),
        (
            "aws:s3tables/tableBucket:TableBucket",
            {"arn": "arn:aws:s3tables:eu-west-1:123456789012:bucket/lake"},
            [made_arn_key("arn:aws:s3tables:eu-west-1:123456789012:bucket/lake")],
        ),
        ("alicloud:fc/v3Function:V3Function", {"functionArn": _OWN_FC3}, []),
        ("alicloud:fc/v2Function:V2Function", {"function_arn": _OWN_FC2}, []),
        ("alicloud:fc/function:Function", {"function_arn": _OWN_FC2}, []),
        # Not listed: FC functions (their ARN is built from the UID in Alibaba's own examples, which a first preview
        # cannot tie to the output: endpoints.yaml), a Kinesis stream's `arn` (an input too), an FC trigger's.
        ("aws:kinesis/stream:Stream", {"arn": "arn:aws:kinesis:eu-central-1:123456789012:stream/s"}, []),
        # review43 (stop 43): an OpenSearch / Elasticsearch domain's `arn` (an output only); a VPC endpoint's is not
        # the domain's.
        ("aws:opensearch/domain:Domain", {"arn": _OWN_DOMAIN, "domainName": "fleet-logs"}, [made_arn_key(_OWN_DOMAIN)]),
        ("aws:elasticsearch/domain:Domain", {"arn": _OWN_DOMAIN}, [made_arn_key(_OWN_DOMAIN)]),
        ("aws:opensearch/vpcEndpoint:VpcEndpoint", {"domain_arn": _OWN_DOMAIN, "arn": _OWN_DOMAIN}, []),
        ("alicloud:fc/v3Function:V3Function", {"arn": _OWN_FC3}, []),
        ("alicloud:fc/v3Trigger:V3Trigger", {"target_arn": _OWN_FC3}, []),
        # review44 (stop 44): the outputs stop 44's written / granted fields take (outputs only); a Kinesis stream's
        # `arn` stays unlisted (an input too, above), and so does a Lattice service's (no field takes it by account).
        ("aws:dynamodb/table:Table", {"arn": _R44_TABLE, "name": "orders"}, [made_arn_key(_R44_TABLE)]),
        ("aws:sfn/stateMachine:StateMachine", {"arn": _R44_MACHINE}, [made_arn_key(_R44_MACHINE)]),
        ("aws:sfn/activity:Activity", {"arn": _R44_ACTIVITY}, [made_arn_key(_R44_ACTIVITY)]),
        ("aws:vpclattice/serviceNetwork:ServiceNetwork", {"arn": _R44_NETWORK}, [made_arn_key(_R44_NETWORK)]),
        ("aws:workmail/organization:Organization", {"arn": _R44_MAIL}, [made_arn_key(_R44_MAIL)]),
        (
            "aws:bedrock/agentAgentAlias:AgentAgentAlias",
            {"agentAliasArn": _R44_ALIAS, "agent_id": "TRIAGE0001"},
            [made_arn_key(_R44_ALIAS)],
        ),
        ("aws:vpclattice/service:Service", {"arn": _R44_NETWORK.replace("servicenetwork/sn", "service/svc")}, []),
        # review45 (stop 45): an Aurora cluster's `arn` (an output only; the RDS Data API's ResourceArn); a cluster
        # instance's is not the cluster's.
        (
            "aws:rds/cluster:Cluster",
            {"arn": _R45_CLUSTER, "cluster_identifier": "orders"},
            [made_arn_key(_R45_CLUSTER)],
        ),
        ("aws:rds/clusterInstance:ClusterInstance", {"arn": _R45_CLUSTER.replace(":cluster:", ":db:")}, []),
        ("aws:dynamodb/tableReplica:TableReplica", {"arn": _R44_TABLE}, []),
    ],
)
def test_only_catalogued_role_outputs_are_made_arns(token: str, props: dict[str, Any], expected: list[str]) -> None:
    """``made_account_arns``: a role's own ``arn`` output; another type's ``arn`` (an EventBridge target's is an input
    naming anyone's bus) proves nothing."""
    assert ENGINES["EU"].made_arns(token, props) == expected


# -- leftovers42 (stop 42): EBS solution parameters, template match fields, short UIDs, Fluentd -----------------------


def _solution(code: str, **parameters: str) -> Subject:
    props = {"solution_id": "mysql", "solution_instance_name": "fleet-db",
             "parameters": [{"parameter_key": k, "parameter_value": v} for k, v in parameters.items()]}  # fmt: skip
    return Subject("alicloud:ebs/solutionInstance:SolutionInstance", "sln", props, provider(code, "alicloud"))


@pytest.mark.parametrize(
    ("code", "own_zone", "own_region", "foreign_zone", "foreign_region"),
    [
        ("JP", "ap-northeast-1a", "ap-northeast-1", "cn-shanghai-l", "cn-shanghai"),
        ("CN", "cn-shanghai-l", "cn-shanghai", "ap-northeast-1a", "ap-northeast-1"),
        ("DE", "eu-central-1a", "eu-central-1", "cn-shanghai-l", "cn-shanghai"),
    ],
)
def test_an_ebs_solution_instance_s_parameters_are_read_by_name(
    code: str, own_zone: str, own_region: str, foreign_zone: str, foreign_region: str
) -> None:
    # user_keyed_fields: the {parameter_key, parameter_value} list read as a ROS stack's parameters are (they passed).
    assert rule_ids(code, _solution(code, zoneId=own_zone, regionId=own_region, ecsType="ecs.c6.large")) == set()
    assert rule_ids(code, _solution(code, zoneId=foreign_zone, ecsType="ecs.c6.large")) == {"RES-008"}
    assert rule_ids(code, _solution(code, regionId=foreign_region)) == {"RES-009"}
    # Names that are no zone or region stay values (an image, a password).
    assert rule_ids(code, _solution(code, ecsImageId="CentOS_7", mysqlPassword="cn-shanghai-l")) == set()


def test_an_ebs_solution_instance_s_error_names_the_parameter() -> None:
    with pytest.raises(ResidencyViolation, match=r"^\[RES-008\] .*parameters\[0\].*cn-shanghai-l"):
        _first_violation("JP", _solution("JP", zoneId="cn-shanghai-l"))


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_template_body_s_match_fields_are_patterns(code: str) -> None:
    # The Pulumi types' match_fields read in a CloudFormation template's Body (stack_templates resources), as their
    # text_fields since bodies42: an HTTP API's x-amazon-apigateway-cors origins, a REST integration's
    # requestParameters (both RES-015 before).
    cors = {
        "openapi": "3.0.1",
        "info": {"title": "orders", "version": "1"},
        "paths": {},
        "x-amazon-apigateway-cors": {"allowOrigins": ["https://app.fleet.example.com"], "allowMethods": ["GET"]},
    }
    mapped = {"openapi": "3.0.1", "info": {"title": "orders", "version": "1"}, "paths": {"/orders": {"get": {
        "x-amazon-apigateway-integration": {"type": "mock", "requestParameters": {
            "integration.request.header.x-forwarded-host": "method.request.header.Host"}}}}}}  # fmt: skip
    assert rule_ids(code, _cfn_api("AWS::ApiGatewayV2::Api", cors, code)) == set()
    assert rule_ids(code, _cfn_api("AWS::ApiGateway::RestApi", mapped, code)) == set()
    # Twins: the same origin where the API sends its requests; the origin list under a type the catalogue does not map.
    sending = {**cors, "paths": _integration_to("https://app.fleet.example.com/orders")}
    assert rule_ids(code, _cfn_api("AWS::ApiGatewayV2::Api", sending, code)) == {"RES-015"}
    assert rule_ids(code, _cfn_api("AWS::Lambda::Function", cors, code)) == {"RES-015"}
    # The CORS map is the HTTP API's: in a REST API's Body it is no catalogued pattern (RES-015, as before).
    assert rule_ids(code, _cfn_api("AWS::ApiGateway::RestApi", cors, code)) == {"RES-015"}


def _cen_grant(code: str, uid: str, accounts: frozenset[str] = frozenset()) -> Subject:
    regions = sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))
    ref = ProviderRef("alicloud", "p", regions[0], accounts=accounts)
    props = {"ccn_id": "ccn-fleet", "cen_id": "cen-partner", "cen_uid": uid}
    return Subject("alicloud:cloudconnect/networkGrant:NetworkGrant", "grant", props, ref)


@pytest.mark.parametrize("code", ["CN", "JP"])
@pytest.mark.parametrize("uid", ["123456789", "1234567890123456", "12345678901234567"])
def test_a_cen_grant_names_an_account_of_any_length(code: str, uid: str) -> None:
    # cen_uid, "The ID of the account to which the CEN instance belongs": a bare UID of any length is an account
    # (a nine-digit one, the registry's example, passed before leftovers42); the stack's own (an assumed role's)
    # passes.
    assert rule_ids(code, _cen_grant(code, uid)) == {"RES-023"}
    assert rule_ids(code, _cen_grant(code, uid, frozenset({uid}))) == set()


def test_a_short_uid_s_error_names_the_account() -> None:
    with pytest.raises(ResidencyViolation, match=r"^\[RES-023\] .*cen_uid.*123456789"):
        _first_violation("CN", _cen_grant("CN", "123456789"))
    # A name that is no UID is no account there (not judged as one).
    assert rule_ids("CN", _cen_grant("CN", "cen-owner")) == set()


_FLUENTD = """# the app's files
<source>
  @type tail
  path /var/log/app/*.log
  tag app.*
  <parse>
    @type json
  </parse>
</source>
@include conf.d/*.conf

<match app.**>
  @type {type}
{extra}</match>
"""


def _fluentd(plugin: str, extra: str = "") -> str:
    return _FLUENTD.format(type=plugin, extra="".join(f"  {line}\n" for line in extra.splitlines()))


def test_a_fluentd_configuration_is_read_as_its_sections() -> None:
    from components.residency.documents import fluentd_config, fluentd_outputs

    document = fluentd_config(_fluentd("copy", "<store>\n  @type datadog\n  api_key \"k\"\n</store>\n"
                                               "<store>\n  type elasticsearch\n  host 10.0.3.7\n"
                                               "  <buffer>\n    @type file\n  </buffer>\n</store>"))  # fmt: skip
    assert document == {
        "source": [{"@type": "tail", "path": "/var/log/app/*.log", "tag": "app.*", "parse": [{"@type": "json"}]}],
        "match": [{"@type": "copy", "store": [
            {"@type": "datadog", "api_key": "k"},
            {"type": "elasticsearch", "host": "10.0.3.7", "buffer": [{"@type": "file"}]}]}],
    }  # fmt: skip
    assert [where for where, _ in fluentd_outputs(document)] == ["match[0]", "match[0].store[0]", "match[0].store[1]"]
    labelled = fluentd_config("<label @OUT>\n  <match **>\n    @type newrelic\n  </match>\n</label>\n")
    assert [where for where, _ in fluentd_outputs(labelled)] == ["label[0].match[0]"]
    # Not Fluentd's: no directive, an unclosed or mismatched section, a line outside any section, an output naming no
    # plugin, a multi-line value, an XML or HTML file.
    assert fluentd_config("<html><body>match</body></html>") is None
    assert fluentd_config("<match **>\n  @type datadog\n") is None
    assert fluentd_config("<match **>\n  @type datadog\n</source>\n") is None
    assert fluentd_config("api_key k\n<match **>\n  @type datadog\n</match>\n") is None
    assert fluentd_config("<match **>\n  host h\n</match>\n") is None
    assert fluentd_config('<match **>\n  @type http\n  headers {"a":\n  "b"}\n</match>\n') is None
    assert fluentd_config("<config>\n  <match>x</match>\n</config>\n") is None


@pytest.mark.parametrize("carrier", ["cloud-config", "ssm", "sae-configmap", "oss-object"])
@pytest.mark.parametrize(
    ("plugin", "compliant", "offending", "entry"),
    [
        ("datadog", "api_key k\nhost 10.0.3.7", "api_key k\ndd_source app", "firelens-datadog-default-host"),
        ("newrelic", "api_key k\nbase_uri http://10.0.3.7/log/v1", "api_key k", "firelens-newrelic-default-endpoint"),
        # Fluentd's newrelic plugin reads base_uri only: an `endpoint` there decides nothing.
        ("newrelic", "base_uri http://10.0.3.7/log/v1", "endpoint http://10.0.3.7/log/v1",
         "firelens-newrelic-default-endpoint"),
        # fluentd43: fluent-plugin-logdna's ingester_domain (Fluent Bit's logdna_host decides nothing there), and the
        # Fluentd-only entries: honeycomb's api_host, mackerel's origin.
        ("logdna", "api_key k\ningester_domain https://10.0.3.7", "api_key k\nlogdna_host 10.0.3.7",
         "firelens-logdna-default-host"),
        ("honeycomb", "writekey k\ndataset app\napi_host http://10.0.3.7", "writekey k\ndataset app",
         "fluentd-honeycomb-default-api-host"),
        ("mackerel", "api_key k\nservice app\norigin http://10.0.3.7", "api_key k\nservice app",
         "fluentd-mackerel-default-origin"),
    ],
)  # fmt: skip
def test_a_fluentd_output_s_default_is_judged_by_the_fluent_bit_entry(
    carrier: str, plugin: str, compliant: str, offending: str, entry: str
) -> None:
    code = "CN" if carrier in ("sae-configmap", "oss-object") else "EU"
    assert rule_ids(code, _fb_carrier(carrier, code, _fluentd(plugin, compliant))) == set()
    findings, _ = ENGINES[code].check(_fb_carrier(carrier, code, _fluentd(plugin, offending)))
    assert [(f.rule.id, f.value) for f in findings] == [("RES-016", plugin)]
    assert findings[0].path.endswith("(fluentd).match[0].@type") and f"[{entry}]" in findings[0].detail
    # Inside out_copy's <store> too.
    store = "".join(f"  {line}\n" for line in (f"@type {plugin}", *offending.splitlines()))
    stored = _fluentd("copy", f"<store>\n{store}</store>")
    assert rule_ids(code, _fb_carrier(carrier, code, stored)) == {"RES-016"}


@pytest.mark.parametrize(
    ("plugin", "extra", "expected"),
    [
        # Hosts, regions and buckets by key, as in Fluent Bit files (they passed as free text).
        ("elasticsearch", "host es.partner.example.com\nport 9200", {"RES-015"}),
        ("elasticsearch", "host 10.0.3.7", set()),
        ("elasticsearch", "hosts es1.partner.example.com:9200,es2.partner.example.com:9200", {"RES-015"}),
        ("elasticsearch", "hosts 10.0.3.7:9200,10.0.3.8:9200", set()),
        ("forward", "<server>\n  host fluentd.partner.example.com\n</server>", {"RES-015"}),
        ("cloudwatch_logs", "region ap-southeast-1\nlog_group_name g", {"RES-009"}),
        ("cloudwatch_logs", "region eu-central-1\nlog_group_name g", set()),
        ("s3", "s3_bucket partner-log-archive\ns3_region eu-central-1", {"RES-017"}),
        # Plugins whose defaults were not looked up are not refused by name (their hosts are judged when written).
        ("elasticsearch", "index_name app", set()),
    ],
)
def test_a_fluentd_output_s_hosts_and_regions_are_judged_by_key(plugin: str, extra: str, expected: set[str]) -> None:
    assert rule_ids("EU", _fb_carrier("ssm", "EU", _fluentd(plugin, extra))) == expected


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("plugin", "omitted", "private", "third_party"),
    [
        # leftovers43 (stop 43): these plugins have no default destination (read in their sources): sumologic's
        # `config_param :endpoint, :string, secret: true` (required; configure raises ConfigError unless a URL),
        # splunk_hec's `config_param :hec_host, :string` (required), loggly's `loggly_url` and logzio's `endpoint_url`
        # (`default: nil`: `URI nil` raises at start, nothing is sent). Omitted, nothing leaves: nothing to refuse;
        # written, the value is judged as a host.
        ("sumologic", "source_category app", "endpoint http://10.0.3.7/receiver/v1/http/x",
         "endpoint https://endpoint1.collection.eu.sumologic.com/receiver/v1/http/x"),
        ("splunk_hec", "hec_token t", "hec_host 10.0.3.7\nhec_token t",
         "hec_host http-inputs-acme.splunkcloud.com\nhec_token t"),
        ("splunk_hec", "hec_token t", "full_url http://10.0.3.7:8088\nhec_token t",
         "full_url https://http-inputs-acme.splunkcloud.com:443\nhec_token t"),
        ("loggly", "output_include_time true", "loggly_url http://10.0.3.7/inputs/x",
         "loggly_url https://logs-01.loggly.com/inputs/x"),
        ("logzio_buffered", "output_include_time true", "endpoint_url http://10.0.3.7:8071?token=x",
         "endpoint_url https://listener.logz.io:8071?token=x"),
    ],
)  # fmt: skip
def test_a_fluentd_output_without_a_default_destination_is_judged_as_written(
    code: str, plugin: str, omitted: str, private: str, third_party: str
) -> None:
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd(plugin, omitted))) == set()
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd(plugin, private))) == set()
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd(plugin, third_party))) == {"RES-015"}


def test_a_fluentd_output_s_error_names_the_output_and_the_entry() -> None:
    subject = _fb_carrier("cloud-config", "EU", _fluentd("datadog", "api_key k"))
    with pytest.raises(
        ResidencyViolation,
        match=r"^\[RES-016\] .*write_files\[0\]\.content\(fluentd\)\.match\[0\]\.@type.*"
        r"\(<match> @type = 'datadog'\).*\[firelens-datadog-default-host\]",
    ):
        _first_violation("EU", subject)


def test_a_fluentd_default_is_declared_by_the_fluent_bit_entry_id() -> None:
    from components.residency.destinations import parse_destinations

    entry = {"id": "dd", "kind": "resident", "match": "firelens-datadog-default-host", "evidence": "Datadog US1, MSA"}
    engine = RuleEngine("US", destinations=parse_destinations([entry]))
    findings, _ = engine.check(_fb_carrier("ssm", "US", _fluentd("datadog", "api_key k")))
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "dd")]


def test_an_unreadable_fluentd_text_stays_free_text() -> None:
    # A text Fluentd would not read (a line outside any section) is scanned as free text, as before: its default
    # output is not refused, a URL in it is judged.
    text = "fluentd settings\n" + _fluentd("newrelic", "api_key k")
    assert rule_ids("EU", _fb_carrier("ssm", "EU", text)) == set()
    assert rule_ids("EU", _fb_carrier("ssm", "EU", text + "base_uri https://log-api.eu.newrelic.com/log/v1\n")) == {
        "RES-015"
    }


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("plugin", "extra", "entry"),
    [
        # fluentd43: Fluentd plugins that send to a third party's service whatever their settings say.
        ("google_cloud", "logging_api_url https://logging.googleapis.com", "firelens-google-cloud-outputs"),
        ("azure-loganalytics", "customer_id ws\nshared_key k\nendpoint ods.opinsights.azure.com",
         "firelens-azure-log-analytics"),
        ("oci-logging-analytics", "namespace fleet\nconfig_file_location /etc/oci/config",
         "log-router-oci-logging-analytics"),
        # plugins46: fluent-plugin-gcs uploads to a Google Cloud Storage bucket (its `bucket` is also judged as a
        # bucket name, RES-017 outside CN, as before).
        ("gcs", "project p\nkeyfile /etc/gcs.json\nbucket fleet-logs", "firelens-google-cloud-outputs"),
    ],
)  # fmt: skip
def test_a_fluentd_output_to_a_third_party_service_is_refused_however_written(
    code: str, plugin: str, extra: str, entry: str
) -> None:
    findings, _ = ENGINES[code].check(_fb_carrier("ssm", code, _fluentd(plugin, extra)))
    refused = [f for f in findings if f.path.endswith("(fluentd).match[0].@type")]
    assert [(f.rule.id, f.value) for f in refused] == [("RES-016", plugin)] and f"[{entry}]" in refused[0].detail
    # The compliant twin is another output: the stack's own Region's CloudWatch Logs.
    region = "cn-north-1" if code == "CN" else "eu-central-1"
    compliant = _fluentd("cloudwatch_logs", f"region {region}\nlog_group_name g")
    assert rule_ids(code, _fb_carrier("ssm", code, compliant)) == set()


@pytest.mark.parametrize("code", ["EU", "JP", "CN"])
@pytest.mark.parametrize(
    "plugin", ["kinesis_streams", "kinesis_firehose", "kinesis_streams_aggregated", "cloudwatch_logs"]
)
def test_a_fluentd_aws_output_without_region_is_refused_until_declared(code: str, plugin: str) -> None:
    # fluentd43: the AWS SDK takes the region from the machine's environment, which nothing in the program shows.
    region = {"EU": "eu-central-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}[code]
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd(plugin, f"region {region}\nstream_name s"))) == set()
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd(plugin, "region us-west-2\nstream_name s"))) == {"RES-009"}
    with pytest.raises(
        ResidencyViolation,
        match=rf"^\[RES-016\] .*\(fluentd\)\.match\[0\]\.@type: .*AWS_REGION.*\(<match> @type = '{plugin}'\).*"
        r"\[fluentd-aws-output-region-from-environment\]",
    ):
        _first_violation(code, _fb_carrier("ssm", code, _fluentd(plugin, "stream_name s")))
    from components.residency.destinations import parse_destinations

    declared = {"id": "env", "kind": "resident", "match": "fluentd-aws-output-region-from-environment",
                "evidence": "AWS_REGION set by the launch template to the stack's Region"}  # fmt: skip
    engine = RuleEngine(code, destinations=parse_destinations([declared]))
    findings, _ = engine.check(_fb_carrier("ssm", code, _fluentd(plugin, "stream_name s")))
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "env")]


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("name", "extra", "entry"),
    [
        ("chronicle", "google_service_credentials /etc/gcp.json\ncustomer_id c", "firelens-google-cloud-outputs"),
        ("oracle_log_analytics", "namespace fleet\nconfig_file_location /etc/oci/config",
         "log-router-oci-logging-analytics"),
        # logplugins45: Calyptia Cloud (cloud_host default cloud-api.calyptia.com).
        ("calyptia", "api_key k\nstore_path /var/lib/fluent-bit", "log-router-calyptia-cloud"),
        # plugins46: ArvanCloud CloudLogs (fixed endpoint napi.arvancloud.ir); Google Cloud Storage (Fluent Bit 5.1).
        ("arvancloud_cloudlogs", "apikey k\ngzip true", "log-router-arvancloud-cloudlogs"),
        ("gcs", "google_service_credentials /etc/gcs.json\nupload_timeout 10m", "firelens-google-cloud-outputs"),
    ],
)  # fmt: skip
def test_a_fluent_bit_output_to_a_third_party_service_is_refused(code: str, name: str, extra: str, entry: str) -> None:
    findings, _ = ENGINES[code].check(_fb_carrier("ssm", code, _fb_classic(name, extra)))
    assert [(f.rule.id, f.value) for f in findings] == [("RES-016", name)] and f"[{entry}]" in findings[0].detail
    # skywalking and splunk default Host to 127.0.0.1: nothing leaves the machine (fluentd43, not refused); neither do
    # the outputs logplugins45 looked up whose host defaults to 127.0.0.1 (their manual pages).
    for local in ("skywalking", "splunk", "influxdb", "syslog", "opentelemetry", "gelf", "tcp"):
        assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic(local, "svc_name app"))) == set()
    # calyptia with its cloud_host written is judged by that host (logplugins45).
    calyptia = _fb_classic("calyptia", "api_key k\ncloud_host 10.0.3.7")
    assert rule_ids(code, _fb_carrier("ssm", code, calyptia)) == set()
    assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic("calyptia", "cloud_host api.partner.example"))) == {
        "RES-015"
    }


def _firelens(type_: str, code: str, options: dict[str, str]) -> Subject:
    logging = {"logDriver": "awsfirelens", "options": options}
    if type_ == "aws:batch/jobDefinition:JobDefinition":
        props: dict[str, Any] = {"type": "container", "container_properties": json.dumps(
            {"image": "nginx", "logConfiguration": logging})}  # fmt: skip
    else:
        props = {"family": "app", "container_definitions": json.dumps([_container(logging)])}
    return Subject(type_, "app", props, provider(code))


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_firelens_option_s_variable_is_read_as_in_a_file(code: str) -> None:
    # logplugins45: ECS writes FireLens options into the configuration Fluent Bit reads, whose ${VAR} Fluent Bit fills
    # in from the log router's environment: such a value does not set the input that overrides a default (passed
    # before), except the Region variables ECS sets for every task (the task's own Region).
    ecs, batch = "aws:ecs/taskDefinition:TaskDefinition", "aws:batch/jobDefinition:JobDefinition"
    cw = {"Name": "cloudwatch_logs", "log_group_name": "/app"}
    for variable in ("${AWS_REGION}", "${AWS_DEFAULT_REGION}", " ${AWS_REGION} "):
        assert rule_ids(code, _firelens(ecs, code, {**cw, "region": variable})) == set()
    for variable in ("${LOG_REGION}", "${AWS_REGION_NAME}", "#{ENV['AWS_REGION']}"):
        assert rule_ids(code, _firelens(ecs, code, {**cw, "region": variable})) == {"RES-016"}
    # AWS Batch documents only its AWS_BATCH_* variables: ${AWS_REGION} in a job definition is not fixed.
    assert rule_ids(code, _firelens(batch, code, {**cw, "region": "${AWS_REGION}"})) == {"RES-016"}
    assert rule_ids(code, _firelens(batch, code, {**cw, "region": CATALOGUE_REGION[code]})) == set()
    # A host default: datadog's Host as a variable keeps the default (US1); a written host is judged as one.
    dd = {"Name": "datadog", "apikey": "${DD_API_KEY}"}
    assert rule_ids(code, _firelens(ecs, code, {**dd, "Host": "${DD_HOST}"})) == {"RES-016"}
    assert rule_ids(code, _firelens(ecs, code, {**dd, "Host": "${AWS_REGION}"})) == {"RES-016"}  # not its variable
    assert rule_ids(code, _firelens(ecs, code, {**dd, "Host": "10.0.3.7"})) == set()
    # A variable in an input that is no default's override (apikey) changes nothing.
    assert rule_ids(code, _firelens(ecs, code, {"Name": "http", "Host": "10.0.3.7", "http_passwd": "${P}"})) == set()
    with pytest.raises(
        ResidencyViolation,
        match=r"^\[RES-016\] .*A Fluent Bit cloudwatch_logs, kinesis_firehose or kinesis_streams output whose region "
        r"is an environment variable.*\[fluent-bit-aws-output-region-from-environment\]",
    ):
        _first_violation(code, _firelens(batch, code, {**cw, "region": "${AWS_REGION}"}))


CATALOGUE_REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}


def test_platform_variables_name_a_fluent_bit_output_entry_s_types() -> None:
    ecs = "aws:ecs/taskDefinition:TaskDefinition"
    with pytest.raises(ValueError, match="platform_variables name types of a Fluent Bit output entry it lists"):
        GlobalService(id="x", types=[ecs], field="*.options.name", fluent_bit_output=True, refused_values=["a"],
                      platform_variables={"aws:batch/jobDefinition:JobDefinition": ["AWS_REGION"]}, why="w",
                      sources=["s"])  # fmt: skip
    with pytest.raises(ValueError, match="platform_variables name types of a Fluent Bit output entry it lists"):
        GlobalService(id="x", types=[ecs], field="log_driver", refused_values=["a"],
                      platform_variables={ecs: ["AWS_REGION"]}, why="w", sources=["s"])  # fmt: skip


def _heredoc_script(file: str, body: str, head: str = "cat > {file} <<'EOF'") -> str:
    return (f"#!/bin/bash\nset -euo pipefail\nmkdir -p $(dirname {file})\n{head.format(file=file)}\n{body}EOF\n"
            "systemctl enable --now fluent-bit\n")  # fmt: skip


def test_heredoc_files_reads_the_bodies_written_to_files() -> None:
    from components.residency.scripts import heredoc_files

    script = (
        "cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'\n[OUTPUT]\n    Name http\nEOF\n"
        "cat <<EOF > /etc/td-agent/td-agent.conf\n<match **>\n</match>\nEOF\n"
        'sudo tee -a /etc/fluent/fluentd.conf >/dev/null <<-"END"\n\t@include x.conf\n\tEND\n'
        "psql -h 10.0.3.7 <<SQL\nselect 1;\nSQL\n"
        "cat > /tmp/never-closed <<EOF\nno delimiter\n"
    )
    assert heredoc_files(script) == [
        ("/etc/fluent-bit/fluent-bit.conf", "[OUTPUT]\n    Name http\n"),
        ("/etc/td-agent/td-agent.conf", "<match **>\n</match>\n"),
        ("/etc/fluent/fluentd.conf", "@include x.conf\n"),
    ]


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("file", "compliant", "offending"),
    [
        ("/etc/fluent-bit/fluent-bit.conf", _fb_classic("http", "Host 10.0.3.7\nPort 8443"),
         _fb_classic("datadog", "apikey k")),
        ("/etc/td-agent/td-agent.conf", _fluentd("elasticsearch", "host 10.0.3.7"),
         _fluentd("honeycomb", "writekey k")),
        ("/etc/fluent-bit/fluent-bit.yaml", _fb_yaml({"name": "http", "host": "10.0.3.7"}),
         _fb_yaml({"name": "nrlogs", "license_key": "k"})),
    ],
)  # fmt: skip
def test_a_log_router_file_written_by_a_heredoc_is_read_as_that_file(
    code: str, file: str, compliant: str, offending: str
) -> None:
    # fluentd43: the body passed as script text before (reproduced on main at 1cd1701, EU and CN).
    def vm(script: str) -> Subject:
        return Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider(code))

    assert rule_ids(code, vm(_heredoc_script(file, compliant))) == set()
    findings, _ = ENGINES[code].check(vm(_heredoc_script(file, offending)))
    assert [f.rule.id for f in findings] == ["RES-016"]
    assert findings[0].path.startswith(f"user_data(heredoc:{file})")
    # A heredoc fed to `tee` and a cloud-config runcmd item written the same way are read alike.
    assert rule_ids(code, vm(_heredoc_script(file, offending, "tee {file} >/dev/null <<EOF"))) == {"RES-016"}
    runcmd = "#cloud-config\n" + yaml.safe_dump({"runcmd": [_heredoc_script(file, offending)]})
    assert rule_ids(code, vm(runcmd)) == {"RES-016"}


def test_a_heredoc_to_another_file_stays_script_text() -> None:
    # Only the files log_router_files names are read as a configuration: the same text written elsewhere (or fed to a
    # command) is script text as before; its URLs are still judged by the scan.
    body = _fb_classic("datadog", "apikey k")
    script = _heredoc_script("/opt/app/notes.txt", body)
    assert rule_ids("EU", Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("EU"))) == set()
    leaked = _heredoc_script("/opt/app/notes.txt", body + "# https://http-intake.logs.datadoghq.com\n")
    assert rule_ids("EU", Subject("aws:ec2/instance:Instance", "vm", {"user_data": leaked}, provider("EU"))) == {
        "RES-015"
    }


def test_an_included_file_is_judged_where_the_script_writes_it() -> None:
    # `@include conf.d/*.conf` / `@INCLUDE outputs.conf`: the main file names a file it does not hold (nothing to judge
    # there); the file the script writes under the agent's directory is read as a configuration of its own.
    main = _fluentd("forward", "<server>\n  host 10.0.3.7\n</server>")
    included = "<match audit.**>\n  @type mackerel\n  api_key k\n</match>\n"
    script = _heredoc_script("/etc/td-agent/td-agent.conf", main) + _heredoc_script("/etc/td-agent/conf.d/out.conf", "")
    assert rule_ids("CN", Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("CN"))) == set()
    script = _heredoc_script("/etc/td-agent/td-agent.conf", main) + _heredoc_script(
        "/etc/td-agent/conf.d/out.conf", included
    )
    assert rule_ids("CN", Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("CN"))) == {
        "RES-016"
    }


def test_echoed_files_reads_the_files_written_line_by_line() -> None:
    # leftovers43 (stop 43): `>` truncates, `>>` appends; echo joins its operands and ends the line; printf expands
    # \n / \t; `printf '%s\n' A B` writes one operand a line; a format with other conversions is not read (stop 60:
    # scripts60b's `_printed` takes every format `_printf_strings` reads, and falsealarm60's `%d` of a literal is read:
    # `printf '%d\n' 5` writes `5`, as bash does).
    from components.residency.scripts import echoed_files

    script = (
        "mkdir -p /etc/fluent-bit && echo '[OUTPUT]' > /etc/fluent-bit/fluent-bit.conf\n"
        "echo '    Name datadog' >> /etc/fluent-bit/fluent-bit.conf\n"
        'sudo echo "    Match *" >> "/etc/fluent-bit/fluent-bit.conf"\n'
        "printf '[OUTPUT]\\n    Name http\\n' > /etc/td-agent-bit/a.conf\n"
        "printf '%s\\n' '<match **>' '  @type datadog' '</match>' > /etc/td-agent/td-agent.conf\n"
        "printf '%d\\n' 5 > /tmp/count\n"
        "echo -n x > /tmp/x\necho 'stale' > /tmp/x\n"
    )
    assert echoed_files(script) == [
        ("/etc/fluent-bit/fluent-bit.conf", "[OUTPUT]\n    Name datadog\n    Match *\n"),
        ("/etc/td-agent-bit/a.conf", "[OUTPUT]\n    Name http\n"),
        ("/etc/td-agent/td-agent.conf", "<match **>\n  @type datadog\n</match>\n"),
        ("/tmp/count", "5\n"),
        ("/tmp/x", "stale\n"),
    ]


def _run_command(code: str, commands: list[str]) -> Subject:
    document = {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "name": "cfg",
                                                        "inputs": {"runCommand": commands}}]}  # fmt: skip
    props = {"name": "cfg", "document_type": "Command", "content": json.dumps(document)}
    return Subject("aws:ssm/document:Document", "cfg", props, provider(code))


@pytest.mark.parametrize("code", ["EU", "JP", "CN"])
@pytest.mark.parametrize("form", ["split-heredoc", "echo-items", "echo-user-data"])
def test_a_log_router_file_written_across_lines_is_read_as_that_file(code: str, form: str) -> None:
    # leftovers43 (stop 43): each passed on the unchanged engine (reproduced on main at cfafb4a, EU and CN): the
    # runCommand items were judged one by one, and echo lines were never assembled into the file.
    file = "/etc/fluent-bit/fluent-bit.conf"

    def subject(body: str) -> Subject:
        lines = body.rstrip("\n").splitlines()
        if form == "split-heredoc":
            return _run_command(code, ["mkdir -p /etc/fluent-bit", f"cat > {file} <<'EOF'", *lines, "EOF"])
        echoes = [f"echo '{lines[0]}' > {file}", *(f"echo '{line}' >> {file}" for line in lines[1:])]
        if form == "echo-items":
            return _run_command(code, echoes)
        return Subject("aws:ec2/instance:Instance", "vm", {"user_data": "\n".join(["#!/bin/bash", *echoes])},
                       provider(code))  # fmt: skip

    assert rule_ids(code, subject(_fb_classic("http", "Host 10.0.3.7\nPort 8443"))) == set()
    findings, _ = ENGINES[code].check(subject(_fb_classic("datadog", "apikey k")))
    assert [f.rule.id for f in findings] == ["RES-016"]
    how = "heredoc" if form == "split-heredoc" else "echo"
    assert f"({how}:{file})(fluent-bit).pipeline.outputs[0].name" in findings[0].path


def test_a_heredoc_one_run_command_item_holds_is_read_once() -> None:
    # A whole heredoc inside one item was read with that item (fluentd43); joining the items finds it again: one
    # finding, at the item.
    body = _fb_classic("datadog", "apikey k")
    commands = [_heredoc_script("/etc/fluent-bit/fluent-bit.conf", body), "systemctl restart fluent-bit"]
    findings, _ = ENGINES["EU"].check(_run_command("EU", commands))
    assert [f.rule.id for f in findings] == ["RES-016"]
    assert "runCommand[0](heredoc:" in findings[0].path
    # Lines written to a file no log router reads are script text, as before.
    notes = ["cat > /opt/app/notes.conf <<'EOF'", *body.splitlines(), "EOF"]
    assert rule_ids("EU", _run_command("EU", notes)) == set()


def test_a_heredoc_log_router_error_names_the_file_and_the_entry() -> None:
    script = _heredoc_script("/etc/fluent-bit/fluent-bit.conf", _fb_classic("logdna", "api_key k"))
    with pytest.raises(
        ResidencyViolation,
        match=r"^\[RES-016\] .*user_data\(heredoc:/etc/fluent-bit/fluent-bit\.conf\)\(fluent-bit\)"
        r"\.pipeline\.outputs\[0\]\.name.*\[firelens-logdna-default-host\]",
    ):
        _first_violation("CN", Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("CN")))


@pytest.mark.parametrize("code", ["EU", "JP", "CN"])
@pytest.mark.parametrize(
    ("plugin", "compliant", "offending", "entry"),
    [
        ("tdlog", "apikey k\nendpoint 10.0.3.7", "apikey k\nauto_create_table", "log-router-treasure-data"),
        ("loki", "url http://10.0.3.7:3100", "username u\npassword p", "fluentd-loki-default-url"),
        ("elasticsearch", "host 10.0.3.7\nport 9200", "cloud_id \"#{ENV['ELASTIC_CLOUD_ID']}\"\n"
         "cloud_auth elastic:p", "firelens-elastic-cloud-id"),  # config64: a decoding id is its host's
        ("bigquery_insert", None, "auth_method compute_engine\nproject p\ndataset d\ntable t",
         "firelens-google-cloud-outputs"),
        ("bigquery_load", None, "auth_method compute_engine\nproject p\ndataset d\ntable t",
         "firelens-google-cloud-outputs"),
        # logplugins45: out_elasticsearch_data_stream subclasses out_elasticsearch (cloud_id too); scalyr's
        # scalyr_server defaults to Scalyr's US service; coralogix and azure-storage-append-blob name no host.
        ("elasticsearch_data_stream", "hosts 10.0.3.7:9200\ndata_stream_name logs-app",
         "cloud_id \"#{ENV['ELASTIC_CLOUD_ID']}\"\ndata_stream_name logs-app",
         "firelens-elastic-cloud-id"),
        ("scalyr", "api_write_token t\nscalyr_server https://10.0.3.7/", "api_write_token t",
         "fluentd-scalyr-default-server"),
        ("coralogix", None, "privatekey k\nappname a\nsubsystemname s", "fluentd-coralogix-service"),
        ("azure-storage-append-blob", None, "azure_storage_account a\nazure_container c\nazure_cloud AzureChinaCloud",
         "firelens-azure-blob-account-host"),
        # plugins46: fluent-plugin-slack's token mode posts to https://slack.com/api/.
        ("slack", "webhook_url https://10.0.3.7/hooks/ops\nchannel ops", "token xoxb-1\nchannel ops",
         "fluentd-slack-web-api"),
        ("buffered_slack", "slackbot_url https://10.0.3.7/bot?token=t\nchannel ops", "token xoxb-1\nchannel ops",
         "fluentd-slack-web-api"),
    ],
)  # fmt: skip
def test_a_fluentd_output_to_a_default_abroad_is_refused(
    code: str, plugin: str, compliant: str | None, offending: str, entry: str
) -> None:
    # logplugins44: each offending section passed every door on main at 0c09d32 (EU, CN): fluent-plugin-td imports to
    # api-import.treasuredata.com unless `endpoint` is set, fluent-plugin-grafana-loki's `url` defaults to Grafana
    # Cloud's US instance, an Elastic Cloud `cloud_id` encodes the host, fluent-plugin-bigquery writes to BigQuery.
    if compliant is not None:
        assert rule_ids(code, _fb_carrier("ssm", code, _fluentd(plugin, compliant))) == set()
    with pytest.raises(
        ResidencyViolation,
        match=rf"^\[RES-016\] .*\(fluentd\)\.match\[0\]\.@type: .*\(<match> @type = '{plugin}'\).*\[{entry}\]",
    ):
        _first_violation(code, _fb_carrier("ssm", code, _fluentd(plugin, offending)))


@pytest.mark.parametrize("code", ["EU", "JP", "CN"])
def test_a_fluent_bit_treasure_data_output_is_refused_whatever_its_region(code: str) -> None:
    # logplugins44: Fluent Bit's td output has no host option; Region US / JP picks Treasure Data's own host.
    for region in ("", "Region JP", "Region US"):
        findings, _ = ENGINES[code].check(_fb_carrier("ssm", code, _fb_classic("td", f"API k\nDatabase d\n{region}")))
        assert [f.rule.id for f in findings] == ["RES-016"] and "[log-router-treasure-data]" in findings[0].detail
    # Fluent Bit's own loki output defaults Host to 127.0.0.1: the Fluentd-only entry does not judge it.
    assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic("loki", "labels job=fleet"))) == set()


def test_an_elastic_cloud_id_refuses_a_fluentd_output_only_when_set() -> None:
    # when_set is read in the <match> section too: an elasticsearch output without cloud_id goes to its host.
    assert (
        rule_ids("EU", _fb_carrier("ssm", "EU", _fluentd("elasticsearch", "hosts 10.0.3.7:9200,10.0.3.8:9200")))
        == set()
    )
    assert rule_ids("EU", _fb_carrier("ssm", "EU", _fluentd("elasticsearch", "cloud_id x:eQ=="))) == {"RES-016"}


def test_edited_files_applies_copies_moves_and_simple_sed_edits() -> None:
    from components.residency.scripts import Edit, edited_files

    body = "[OUTPUT]\n    Name http\n    Host 10.0.3.7\n    Port 8443\n"
    script = (
        f"cat > /tmp/fb.conf <<'EOF'\n{body}EOF\n"
        "sudo sed -i.bak -e 's/10\\.0\\.3\\.7/logs.example.com/g' -e '/Port/d' /tmp/fb.conf\n"
        "install -m 0644 /tmp/fb.conf /etc/fluent-bit/fluent-bit.conf && mv /tmp/fb.conf /etc/fluent-bit/\n"
        "cp /opt/unknown.conf /etc/fluent-bit/other.conf\n"
    )
    edited = "[OUTPUT]\n    Name http\n    Host logs.example.com\n"
    assert edited_files(script) == [
        Edit("sed", "/tmp/fb.conf", edited, ("logs.example.com",)),
        Edit("install", "/etc/fluent-bit/fluent-bit.conf", edited, ()),
        Edit("mv", "/etc/fluent-bit/fb.conf", edited, (), "/tmp/fb.conf"),
    ]
    # BRE groups and `&`, ERE, bracket classes: applied as sed does, line by line.
    lines = "    Host 10.0.3.7\n    Match *\n"
    for expression, result in [
        ("s/\\(Host *\\).*/\\1logs.example.com/", "    Host logs.example.com\n    Match *\n"),
        ("-E s/^( +)Host.*$/\\1Host [&]/", "    Host [    Host 10.0.3.7]\n    Match *\n"),
        ("s/[[:space:]]*Match.*/    Match app.*/", "    Host 10.0.3.7\n    Match app.*\n"),
        ("s/a+b/x/", lines),  # `+` is a literal in a BRE
    ]:
        quoted = " ".join(f"'{part}'" for part in expression.split(" ", 1)) if expression.startswith("-E") else (
            f"'{expression}'")  # fmt: skip
        script = f"cat > /etc/fluent-bit/a.conf <<'EOF'\n{lines}EOF\nsed -i {quoted} /etc/fluent-bit/a.conf\n"
        assert [e.content for e in edited_files(script)] == [result], expression
    # Not applied: an address range, another command, a file the script did not write; the texts are still returned.
    for command in ("sed -i '2,3s/7/8.example.com/' F", "sed -i '/Port/a\\    Host 8.example.com' F"):
        script = f"cat > F <<'EOF'\n{lines}EOF\n{command}\n"
        assert [(e.content, e.texts) for e in edited_files(script)] in (
            [(None, ("8.example.com",))], [(None, ("    Host 8.example.com",))]
        )  # fmt: skip
    assert edited_files("sed -i 's/stdout/datadog/' /etc/fluent-bit/fluent-bit.conf\n") == [
        Edit("sed", "/etc/fluent-bit/fluent-bit.conf", None, ("datadog",))
    ]
    assert [e.content for e in edited_files("cat > F <<'EOF'\nHost a\nEOF\nsed -i -- 's/a/b/' F\n")] == ["Host b\n"]
    # sed without -i writes to its output, not the file; a script naming none of the commands costs one search.
    assert edited_files("sed 's/a/b/' /etc/fluent-bit/fluent-bit.conf\nls -l\n") == []


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("compliant", "offending", "how"),
    [
        # install -m 644 /dev/stdin FILE <<EOF: the here-document is the file.
        ("install -m 644 /dev/stdin {file} <<'EOF'\n{http}EOF\n", "install -m 644 /dev/stdin {file} <<'EOF'\n{dd}EOF\n",
         "heredoc"),
        # cp / mv from a file the script wrote.
        ("cat > /tmp/o.conf <<'EOF'\n{http}EOF\ncp /tmp/o.conf {file}\n",
         "cat > /tmp/o.conf <<'EOF'\n{dd}EOF\ncp /tmp/o.conf {file}\n", "cp"),
        ("cat > /tmp/o.conf <<'EOF'\n{http}EOF\nsudo mv /tmp/o.conf {file}\n",
         "cat > /tmp/o.conf <<'EOF'\n{dd}EOF\nsudo mv /tmp/o.conf {file}\n", "mv"),
        # sed -i applied to the file the script wrote: judged as the edit leaves it.
        ("cat > {file} <<'EOF'\n{http}EOF\nsed -i 's/10.0.3.7/10.0.3.8/' {file}\n",
         "cat > {file} <<'EOF'\n{http}EOF\nsed -i 's/10.0.3.7/logs.example.com/' {file}\n", "sed"),
        ("cat > {file} <<'EOF'\n{dd_host}EOF\nsed -i 's/^    Match .*/&/' {file}\n",
         "cat > {file} <<'EOF'\n{dd_host}EOF\nsed -i '/Host/d' {file}\n", "sed"),
        # sed -i on the package's own file (not written by the script): the replacement judged as a value.
        ("sed -i 's/Log_Level    info/Log_Level    debug/' {file}\n", "sed -i 's/stdout/datadog/' {file}\n", "sed"),
        ("sed -i 's/127.0.0.1/10.0.3.7/g' {file}\n", "sed -i 's/127.0.0.1/logs.example.com/g' {file}\n", "sed"),
    ],
)  # fmt: skip
def test_a_log_router_file_copied_moved_or_edited_is_read_as_the_agent_reads_it(
    code: str, compliant: str, offending: str, how: str
) -> None:
    # logplugins44: each offending script passed every door on main at 0c09d32 (EU, CN).
    file = "/etc/fluent-bit/fluent-bit.conf"
    parts = {"file": file, "http": _fb_classic("http", "Host 10.0.3.7\nPort 8443"),
             "dd": _fb_classic("datadog", "apikey k"),
             "dd_host": _fb_classic("datadog", "apikey k\nHost 10.0.3.7")}  # fmt: skip

    def vm(script: str) -> Subject:
        return Subject("aws:ec2/instance:Instance", "vm", {"user_data": "#!/bin/bash\n" + script.format(**parts)},
                       provider(code))  # fmt: skip

    assert rule_ids(code, vm(compliant)) == set()
    findings, _ = ENGINES[code].check(vm(offending))
    assert findings and {f.rule.id for f in findings} <= {"RES-015", "RES-016"}
    assert all(f"user_data({how}:" in f.path for f in findings)


def test_an_edit_not_applied_is_judged_by_its_texts_in_the_file_s_format() -> None:
    # A Fluentd file edited in place: `@type honeycomb` written by the substitution is a Fluentd output's plugin.
    script = "#!/bin/bash\nsed -i 's/@type stdout/@type honeycomb/' /etc/td-agent/td-agent.conf\n"
    with pytest.raises(
        ResidencyViolation,
        match=r"^\[RES-016\] .*user_data\(sed:/etc/td-agent/td-agent\.conf\)\(edit\)\.match\[0\]\.@type: .*"
        r"\[fluentd-honeycomb-default-api-host\]",
    ):
        _first_violation("CN", Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("CN")))
    # A value filled in when the script runs names nothing: passes, as the same value written in the file would.
    script = '#!/bin/bash\nsed -i "s/@HOST@/$LOG_HOST/" /etc/fluent-bit/fluent-bit.conf\n'
    assert rule_ids("CN", Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("CN"))) == set()
    # A file no log router reads is not judged this way.
    script = "#!/bin/bash\nsed -i 's/stdout/datadog/' /etc/app/app.conf\n"
    assert rule_ids("CN", Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("CN"))) == set()


def test_a_fluentd_entry_is_a_fluent_bit_output_entry() -> None:
    from components.residency.endpoints import GlobalService

    with pytest.raises(ValueError, match="a Fluentd output entry is a Fluent Bit output entry"):
        GlobalService(id="x", types=["aws:ecs/taskDefinition:TaskDefinition"], field="*.options.name",
                      refused_values=["datadog"], fluentd_unless_set=["host"], why="w", sources=["s"])  # fmt: skip
    # A Fluentd plugin with no Fluent Bit twin (fluentd43) has no types and no field: it judges nothing else.
    GlobalService(id="x", types=[], refused_values=["honeycomb"], fluentd_unless_set=["api_host"], why="w",
                  sources=["s"])  # fmt: skip
    with pytest.raises(ValueError, match="or has no types"):
        GlobalService(id="x", types=[], field="*.options.name", refused_values=["honeycomb"],
                      fluentd_unless_set=["api_host"], why="w", sources=["s"])  # fmt: skip


def test_fluentd_entries_come_from_the_catalogue() -> None:
    # Only the entries whose Fluentd plugin's default was read (datadog, newrelic) judge Fluentd outputs.
    # fluentd43 added logdna (ingester_domain), google_cloud and azure-loganalytics (refused however written), OCI
    # Logging Analytics, and three Fluentd-only entries (no types).
    flagged = {s.id: s.fluentd_unless_set for s in load_endpoints().global_services if s.fluentd_unless_set is not None}
    assert flagged == {
        "firelens-datadog-default-host": ("host",),
        "firelens-newrelic-default-endpoint": ("base_uri",),
        "firelens-logdna-default-host": ("ingester_domain",),
        "firelens-google-cloud-outputs": (),
        "firelens-azure-log-analytics": (),
        "log-router-oci-logging-analytics": (),
        "fluentd-honeycomb-default-api-host": ("api_host",),
        "fluentd-mackerel-default-origin": ("origin",),
        "fluentd-aws-output-region-from-environment": ("region",),
        # logplugins44: Treasure Data (tdlog's endpoint), Grafana's loki (url), Elastic Cloud ids (when_set cloud_id).
        "log-router-treasure-data": ("endpoint", "import_endpoint"),
        "fluentd-loki-default-url": ("url",),
        "firelens-elastic-cloud-id": (),
        # logplugins45: Microsoft's azure-storage-append-blob (refused however written), Scalyr, Coralogix.
        "firelens-azure-blob-account-host": (),
        "fluentd-scalyr-default-server": ("scalyr_server",),
        "fluentd-coralogix-service": (),
        # plugins46: fluent-plugin-slack's Web API (webhook_url / slackbot_url), fluent-plugin-sqs's default Region.
        "fluentd-slack-web-api": ("webhook_url", "slackbot_url"),
        "fluentd-sqs-default-region": ("region", "sqs_url"),
    }
    # A Fluent Bit output's name that is no Fluentd plugin of the same default is not read in a Fluentd file.
    for plugin in ("skywalking", "splunk_hec"):
        assert rule_ids("EU", _fb_carrier("ssm", "EU", _fluentd(plugin, "api_key k"))) == set()


def _search_domain(code: str, type_: str, master: str, accounts: frozenset[str]) -> Subject:
    regions = sorted(CATALOGUE.jurisdictions[code].regions("aws"))
    ref = ProviderRef("aws", "p", regions[0], accounts=accounts)
    security = {"enabled": True, "internal_user_database_enabled": False,
                "master_user_options": {"master_user_arn": master}}  # fmt: skip
    props = {"domain_name": "fleet-search", "vpc_options": {"subnet_ids": ["subnet-0a1b2c3d4e5f60718"]},
             "advanced_security_options": security}  # fmt: skip
    return Subject(type_, "search", props, ref)


@pytest.mark.parametrize("type_", ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"])
def test_a_search_domain_s_master_user_names_a_granted_account(type_: str) -> None:
    # Mutation search round 12 (stop 43): the fine-grained access control master user of another account passed;
    # it reads the whole domain, as a Principal naming the account would. The pinned account passes, a declared one
    # passes, an aws-cn account passes in CN by partition.
    own = frozenset({"123456789012"})
    other = "arn:aws:iam::444455556666:role/search-admin"
    assert rule_ids("EU", _search_domain("EU", type_, "arn:aws:iam::123456789012:role/search-admin", own)) == set()
    with pytest.raises(ResidencyViolation, match=r"^\[RES-023\] .*master_user_options\.master_user_arn.*444455556666"):
        _first_violation("EU", _search_domain("EU", type_, other, own))
    from components.residency.destinations import parse_destinations

    entry = {"id": "consultancy", "kind": "resident", "match": "444455556666", "evidence": "contract, SCP"}
    engine = RuleEngine("EU", destinations=parse_destinations([entry]))
    findings, _ = engine.check(_search_domain("EU", type_, other, own))
    assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-023", "consultancy")]
    cn = _search_domain("CN", type_, "arn:aws-cn:iam::444455556666:role/search-admin", own)
    assert rule_ids("CN", cn) == set()


def _fluent_user_data(file: str, text: str, code: str = "EU") -> Subject:
    script = f"#!/bin/bash\nset -e\ncat > {file} <<'EOF'\n{text}EOF\nsystemctl restart agent\n"
    region = {"EU": "eu-west-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}[code]
    props = {"ami": "ami-0a1b2c3d4e5f60718", "instance_type": "t3.micro", "user_data": script}
    return Subject("aws:ec2/instance:Instance", "app", props, ProviderRef("aws", "team", region))


_FD_CLOUDWATCH = "<match app.**>\n  @type cloudwatch_logs\n  region {}\n  log_group_name /fleet/app\n</match>\n"
_FD_DATADOG = "<match **>\n  @type datadog\n  api_key \"#{{ENV['DD_API_KEY']}}\"\n  host {}\n</match>\n"
_FB_DATADOG = "[OUTPUT]\n    Name   datadog\n    Match  *\n    apikey ${{DD_API_KEY}}\n    Host   {}\n"
_FB_ELASTIC = "[OUTPUT]\n    Name     es\n    Match    *\n    Cloud_ID {}\n    Cloud_Auth ${{ES_AUTH}}\n"


@pytest.mark.parametrize(
    ("code", "file", "template", "fixed", "runtime", "entry"),
    [
        ("EU", "/etc/td-agent/td-agent.conf", _FD_CLOUDWATCH, "eu-west-1", "\"#{ENV['AWS_REGION']}\"",
         "fluentd-aws-output-region-from-environment"),
        ("CN", "/etc/fluent/fluentd.conf", _FD_CLOUDWATCH, "cn-north-1", "\"#{ENV['AWS_REGION'] || 'cn-north-1'}\"",
         "fluentd-aws-output-region-from-environment"),
        ("JP", "/etc/td-agent/conf.d/out.conf", _FD_CLOUDWATCH, "ap-northeast-1", "\"#{ENV['AWS_REGION']}\"",
         "fluentd-aws-output-region-from-environment"),
        ("EU", "/etc/td-agent/td-agent.conf", _FD_DATADOG, "10.0.3.7", "\"#{ENV['DD_HOST']}\"",
         "firelens-datadog-default-host"),
        ("EU", "/etc/fluent-bit/fluent-bit.conf", _FB_DATADOG, "10.0.3.7", "${DD_HOST}",
         "firelens-datadog-default-host"),
    ],
)  # fmt: skip
def test_a_log_router_value_filled_in_from_the_environment_does_not_set_the_destination(
    code: str, file: str, template: str, fixed: str, runtime: str, entry: str
) -> None:
    """review43 (stop 43): fluentd43 refuses a Fluentd AWS output without ``region`` (the SDK reads AWS_REGION), but
    ``region "#{ENV['AWS_REGION']}"`` names the same environment and passed; so did a Fluentd ``host "#{ENV[...]}"`` or
    a Fluent Bit ``Host ${VAR}`` beside a plugin whose default is abroad. A value wholly filled in when the agent starts
    does not set the input (RES-016 unless declared); a value written out is judged as itself."""

    def found(value: str, declared: dict[str, Any] | None = None) -> list[Finding]:
        engine = RuleEngine(code, destinations=parse_destinations([declared])) if declared else ENGINES[code]
        findings = engine.check(_fluent_user_data(file, template.format(value), code))[0]
        return [f for f in findings if f.declared_by is None]

    assert found(fixed) == []
    (finding,) = found(runtime)
    assert finding.rule.id == "RES-016"
    with pytest.raises(ResidencyViolation, match=rf"(without region|without Host).*{entry}"):
        raise finding.to_violation()
    declared = {"id": "env", "kind": "resident", "match": entry, "evidence": "set by the launch template"}
    assert found(runtime, declared) == []


def test_a_log_router_variable_still_sets_an_input_that_makes_the_output_refused() -> None:
    """review43 (stop 43): only the inputs that would override a default (``unless_set``) need a fixed value; a Fluent
    Bit ``Cloud_ID ${ELASTIC_CLOUD_ID}`` sends to Elastic Cloud as a written one does (``when_set``: still refused),
    and a value with fixed text beside the variable is judged as written."""
    written = ENGINES["EU"].check(_fluent_user_data("/etc/fluent-bit/fluent-bit.conf", _FB_ELASTIC.format(
        "fleet:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyQ=")))[0]  # fmt: skip
    variable = ENGINES["EU"].check(_fluent_user_data("/etc/fluent-bit/fluent-bit.conf", _FB_ELASTIC.format(
        "${ELASTIC_CLOUD_ID}")))[0]  # fmt: skip
    assert {f.rule.id for f in written} == {f.rule.id for f in variable} == {"RES-016"}
    partial = ENGINES["EU"].check(_fluent_user_data("/etc/td-agent/td-agent.conf", _FD_CLOUDWATCH.format(
        "\"us-#{ENV['SUFFIX']}\"")))[0]  # fmt: skip
    assert not any(f.path.endswith(".@type") for f in partial)  # a region written (partly), judged as a region


_COGNITO = "https://cognito-idp.{region}.amazonaws.com/{region}_AbCdEf123"
_JWT_AUDIENCES = [
    ("aws:apigatewayv2/authorizer:Authorizer", ("jwt_configuration",), "audiences", "issuer", ""),
    ("aws:agentregistry/registry:Registry", ("discovery_configuration", "authorizer_configuration",
     "custom_jwt_authorizer"), "allowed_audiences", "discovery_url", "/.well-known/openid-configuration"),
    *[(f"aws:bedrock/{t[0].lower()}{t[1:]}:{t}", ("authorizer_configuration", "custom_jwt_authorizer"),
       "allowed_audiences", "discovery_url", "/.well-known/openid-configuration")
      for t in ("AgentcoreRegistry", "AgentcoreGateway", "AgentcoreAgentRuntime", "AgentcoreHarness")],
]  # fmt: skip


@pytest.mark.parametrize(("token", "where", "audiences", "issuer", "suffix"), _JWT_AUDIENCES)
@pytest.mark.parametrize(("code", "region"), [("EU", "eu-central-1"), ("US", "us-east-1"), ("JP", "ap-northeast-1")])
def test_a_jwt_audience_is_compared_with_the_token_not_contacted(
    token: str, where: tuple[str, ...], audiences: str, issuer: str, suffix: str, code: str, region: str
) -> None:
    # docs: agentregistry/registry, the registry's example 4 (false-alarm hunt 28): `allowed_audiences =
    # ["https://api.example.com"]` was refused as a host (RES-015). API Gateway JWTConfiguration `Audience` ("A valid
    # JWT must provide an aud that matches at least one entry in this list"); AgentCore CustomJWTAuthorizerConfiguration
    # `allowedAudience` ("audience values that are validated in the incoming JWT token validation process").
    def subject(audience: str, idp: str) -> Subject:
        inner: dict[str, Any] = {audiences: [audience], issuer: idp + suffix}
        for key in reversed(where):
            inner = {key: inner}
        return Subject(token, "jwt", inner, provider(code))

    own = _COGNITO.format(region=region)
    assert rule_ids(code, subject("https://api.example.com", own)) == set()
    # The identity provider the service fetches keys from is still judged: a third party's is refused.
    assert rule_ids(code, subject("https://api.example.com", "https://idp.example.com")) == {"RES-015"}
    with pytest.raises(ResidencyViolation, match=r"idp\.example\.com is a host under no catalogued cloud suffix"):
        _first_violation(code, subject("my-api", "https://idp.example.com"))
    # Only the audience: the same URL written where the identity provider goes is judged as a host.
    with pytest.raises(ResidencyViolation, match=r"api\.example\.com is a host under no catalogued cloud suffix"):
        _first_violation(code, subject("my-api", "https://api.example.com"))


_SFN_OWN = "123456789012"
_SFN_PARTNER = "444455556666"


def _sfn_task(region: str, account: str) -> dict[str, tuple[str, dict[str, Any]]]:
    """sfn44 (stop 44): one Task per integration whose request names where the state writes, the account ``account``."""
    part = "aws-cn" if region.startswith("cn-") else "aws"
    sqs_host = f"sqs.{region}.amazonaws.com" + (".cn" if part == "aws-cn" else "")
    return {
        "sns": ("sns:publish", {"TopicArn": f"arn:{part}:sns:{region}:{account}:alerts", "Message.$": "$"}),
        "sdk-sns": ("aws-sdk:sns:publish", {"TopicArn": f"arn:{part}:sns:{region}:{account}:alerts", "Message.$": "$"}),
        "sqs": ("sqs:sendMessage", {"QueueUrl": f"https://{sqs_host}/{account}/orders", "MessageBody.$": "$"}),
        "events": ("events:putEvents", {"Entries": [{
            "EventBusName": f"arn:{part}:events:{region}:{account}:event-bus/b", "Detail.$": "$", "DetailType": "x",
            "Source": "fleet"}]}),
        "lambda": ("lambda:invoke", {
            "FunctionName": f"arn:{part}:lambda:{region}:{account}:function:f", "Payload.$": "$"}),
        "lambda-partial": ("lambda:invoke", {"FunctionName": f"{account}:function:f:live", "Payload.$": "$"}),
        "dynamodb": ("dynamodb:putItem", {"TableName": f"arn:{part}:dynamodb:{region}:{account}:table/t",
                                          "Item": {"id": {"S.$": "$.id"}}}),
        "startExecution": ("states:startExecution", {"StateMachineArn": f"arn:{part}:states:{region}:{account}:"
                                                                        "stateMachine:m", "Input.$": "$"}),
        "kinesis": ("aws-sdk:kinesis:putRecord", {"StreamARN": f"arn:{part}:kinesis:{region}:{account}:stream/s",
                                                  "Data.$": "$", "PartitionKey": "k"}),
    }  # fmt: skip


def _sfn_subject(code: str, state: dict[str, Any], jsonata: bool = False) -> Subject:
    region = provider(code).region or ""
    part = "aws-cn" if region.startswith("cn-") else "aws"
    resource = state.get("Resource", "")
    state = {**state, "Resource": resource if resource.startswith("arn:") else f"arn:{part}:states:::{resource}"}
    document: dict[str, Any] = {"StartAt": "S", "States": {"S": {"Type": "Task", **state, "End": True}}}
    if jsonata:
        document["QueryLanguage"] = "JSONata"
    inputs = {"role_arn": f"arn:{part}:iam::123456789012:role/flow", "definition": json.dumps(document)}
    return Subject("aws:sfn/stateMachine:StateMachine", "flow", inputs, provider(code))


@pytest.mark.parametrize("integration", list(_sfn_task("eu-central-1", _SFN_OWN)))
@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_state_machines_task_destination_account_is_judged_as_a_written_destination(
    code: str, integration: str
) -> None:
    """sfn44 (stop 44): a Task's request naming another account's topic, queue, bus, function (ARN or partial ARN),
    table, state machine or stream passed under a pinned provider (only its Region was judged). Now RES-023 as any
    written destination: the pinned account passes, another is refused (not in CN: an aws-cn account is China's by
    partition), a declared account passes; JSONata `Arguments` alike."""
    region = provider(code).region or ""

    def subject(account: str, jsonata: bool = False) -> Subject:
        action, request = _sfn_task(region, account)[integration]
        return _sfn_subject(code, {"Resource": action, "Arguments" if jsonata else "Parameters": request}, jsonata)

    assert rule_ids(code, subject(_SFN_OWN)) == set()
    expected = set() if code == "CN" else {"RES-023"}
    assert rule_ids(code, subject(_SFN_PARTNER)) == expected
    assert rule_ids(code, subject(_SFN_PARTNER, jsonata=True)) == expected
    if code != "CN":
        with pytest.raises(ResidencyViolation, match=f"belongs to account {_SFN_PARTNER}, which receives"):
            _first_violation(code, subject(_SFN_PARTNER))
        declared = RuleEngine(
            code,
            destinations=[
                Destination(
                    id="partner",
                    kind="resident",
                    match=f"arn:aws:iam::{_SFN_PARTNER}:",
                    evidence="in-country operations",
                )
            ],
        )
        assert [f.status for f in declared.check(subject(_SFN_PARTNER))[0]] == ["declared"]  # fmt: skip


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
def test_a_state_machines_task_credentials_and_resource_arn_name_a_written_account(code: str) -> None:
    """sfn44 (stop 44): a Task's `Credentials.RoleArn` (the task acts in the role's account: "The role can allow
    cross-account access to resources") and a Lambda function's ARN as the Task's `Resource` are judged as written
    destinations; an optimized integration's Resource (`arn:aws:states:::sns:publish`) names no account."""
    region = provider(code).region or ""

    def credentials(account: str) -> Subject:
        role = f"arn:aws:iam::{account}:role/publisher"
        request = {"TopicArn": "alerts", "Message.$": "$"}
        return _sfn_subject(
            code, {"Resource": "aws-sdk:sns:publish", "Credentials": {"RoleArn": role}, "Parameters": request}
        )

    def direct(account: str) -> Subject:
        return _sfn_subject(code, {"Resource": f"arn:aws:lambda:{region}:{account}:function:enrich"})

    assert rule_ids(code, credentials(_SFN_OWN)) == set()
    assert rule_ids(code, credentials(_SFN_PARTNER)) == {"RES-023"}
    with pytest.raises(ResidencyViolation, match=rf"role/publisher belongs to account {_SFN_PARTNER}"):
        _first_violation(code, credentials(_SFN_PARTNER))
    assert rule_ids(code, direct(_SFN_OWN)) == set()
    assert rule_ids(code, direct(_SFN_PARTNER)) == {"RES-023"}


@pytest.mark.parametrize(
    ("action", "request_key", "value", "refused"),
    [
        ("dynamodb:getItem", "TableName", "arn:aws:dynamodb:eu-central-1:{}:table/t", False),
        ("aws-sdk:dynamodb:query", "TableName", "arn:aws:dynamodb:eu-central-1:{}:table/t", False),
        ("aws-sdk:sqs:receiveMessage", "QueueUrl", "https://sqs.eu-central-1.amazonaws.com/{}/q", False),
        ("aws-sdk:sqs:purgeQueue", "QueueUrl", "https://sqs.eu-central-1.amazonaws.com/{}/q", False),
        ("aws-sdk:sns:getTopicAttributes", "TopicArn", "arn:aws:sns:eu-central-1:{}:t", False),
        # the writes beside them, and an action the catalogue does not list (fail closed)
        ("dynamodb:updateItem", "TableName", "arn:aws:dynamodb:eu-central-1:{}:table/t", True),
        ("aws-sdk:dynamodb:batchWriteItem", "TableName", "arn:aws:dynamodb:eu-central-1:{}:table/t", True),
        ("aws-sdk:sqs:sendMessageBatch", "QueueUrl", "https://sqs.eu-central-1.amazonaws.com/{}/q", True),
        ("aws-sdk:sns:setTopicAttributes", "TopicArn", "arn:aws:sns:eu-central-1:{}:t", True),
    ],
)  # fmt: skip
def test_a_state_machines_read_only_task_sends_the_named_resource_nothing(
    action: str, request_key: str, value: str, refused: bool
) -> None:
    """sfn44 (stop 44): `read_only` (stop 43's mechanism) compares the state's Resource by its action: a GetItem, Query,
    ReceiveMessage, PurgeQueue or GetTopicAttributes of another account's resource sends it nothing of the stack's."""
    subject = _sfn_subject("EU", {"Resource": action, "Parameters": {request_key: value.format(_SFN_PARTNER)}})
    assert rule_ids("EU", subject) == ({"RES-023"} if refused else set())
    own = _sfn_subject("EU", {"Resource": action, "Parameters": {request_key: value.format(_SFN_OWN)}})
    assert rule_ids("EU", own) == set()


def test_a_state_machines_run_time_destination_payload_is_data() -> None:
    """sfn44 (stop 44): a parameter named as a destination inside a Lambda payload is data, not the request's
    destination. (Its run-time twin, `TopicArn.$`, passed until stop 45; now refused below, sfnrt45.)"""
    payload = _sfn_subject("EU", {"Resource": "lambda:invoke", "Parameters": {
        "FunctionName": "enrich", "Payload": {"TopicArn": f"arn:aws:sns:eu-central-1:{_SFN_PARTNER}:t"}}})  # fmt: skip
    assert rule_ids("EU", payload) == set()


def _sfnrt_state(form: str, jsonata: bool) -> dict[str, dict[str, Any]]:
    """A Task of each written field, its destination named by ``form`` (`{}` the field's value)."""
    request = "Arguments" if jsonata else "Parameters"
    forms: dict[str, dict[str, Any]] = {
        "topic": {"Resource": "sns:publish", request: {"TopicArn": form, "Message": "m"}},
        "queue": {"Resource": "sqs:sendMessage", request: {"QueueUrl": form, "MessageBody": "m"}},
        "bus": {"Resource": "events:putEvents", request: {"Entries": [{"EventBusName": form, "Detail": {}}]}},
        "function": {"Resource": "lambda:invoke", request: {"FunctionName": form, "Payload": {}}},
        "table": {"Resource": "dynamodb:putItem", request: {"TableName": form, "Item": {}}},
        "machine": {"Resource": "states:startExecution", request: {"StateMachineArn": form}},
        "stream": {"Resource": "aws-sdk:kinesis:putRecord", request: {"StreamARN": form, "Data": "d"}},
        "target": {"Resource": "aws-sdk:sns:publish", request: {"TargetArn": form, "Message": "m"}},
        "role": {"Resource": "sns:publish", "Credentials": {"RoleArn": form},
                 request: {"TopicArn": "t", "Message": "m"}},
    }  # fmt: skip
    return forms


def _sfnrt_runtime(state: dict[str, Any], jsonata: bool) -> dict[str, Any]:
    """``state`` with its destination (the value `{}`) a run-time value: `<Key>.$` path, or a JSONata expression."""

    def swap(node: Any) -> Any:
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            for k, v in node.items():
                if v == "{}":
                    out[k if jsonata else f"{k}.$"] = "{% $states.input.target %}" if jsonata else "$.target"
                else:
                    out[k] = swap(v)
            return out
        if isinstance(node, list):
            return [swap(v) for v in node]
        return node

    swapped: dict[str, Any] = swap(state)
    return swapped


@pytest.mark.parametrize("jsonata", [False, True])
@pytest.mark.parametrize("field", ["topic", "queue", "bus", "function", "table", "machine", "stream", "target", "role"])
@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_state_machines_run_time_destination_account_fails_closed(code: str, field: str, jsonata: bool) -> None:
    """sfnrt45 (stop 45): a run-time value at a written field (`TopicArn.$`, `QueueUrl.$`, `Entries[].EventBusName.$`,
    `FunctionName.$`, `TableName.$`, `StateMachineArn.$`, `StreamARN.$`, SNS Publish `TargetArn.$`,
    `Credentials.RoleArn.$`, or the JSONata expression) names no account the program shows: it passed; now RES-023 as a
    run-time `Bucket.$` is RES-017 (whoever starts the execution chooses the account), except in CN (aws-cn: every
    account is in China). The literal twin (the stack's own resource) passes."""
    region = provider(code).region or ""
    state = _sfnrt_runtime(_sfnrt_state("{}", jsonata)[field], jsonata)
    assert rule_ids(code, _sfn_subject(code, state, jsonata)) == (set() if code == "CN" else {"RES-023"})
    part = "aws-cn" if code == "CN" else "aws"
    own = {"topic": f"arn:{part}:sns:{region}:{_SFN_OWN}:alerts", "queue": "alerts", "bus": "default",
           "function": "enrich", "table": "orders",
           "machine": f"arn:{part}:states:{region}:{_SFN_OWN}:stateMachine:m",
           "stream": f"arn:{part}:kinesis:{region}:{_SFN_OWN}:stream/s",
           "target": f"arn:{part}:sns:{region}:{_SFN_OWN}:t",
           "role": f"arn:{part}:iam::{_SFN_OWN}:role/publisher"}  # fmt: skip
    literal = _sfn_subject(code, _sfnrt_state(own[field], jsonata)[field], jsonata)
    assert rule_ids(code, literal) == set()


def test_a_state_machines_run_time_destination_account_message_and_declaration() -> None:
    """sfnrt45 (stop 45): the finding says why and how to fix it; a declaration of the exact expression (`kind:
    resident`, with what bounds it) covers it; another expression stays refused."""
    state = {"Resource": "sns:publish", "Parameters": {"TopicArn.$": "$.topic", "Message.$": "$"}}
    with pytest.raises(ResidencyViolation, match=r"\[RES-023\].*named at run time \('\$\.topic'.*whoever starts "
                       r"the execution chooses its account"):  # fmt: skip
        _first_violation("EU", _sfn_subject("EU", state))
    declared = RuleEngine(
        "EU",
        destinations=[
            Destination(
                id="topics",
                kind="resident",
                match="$.topic",
                evidence="the caller is the stack's API, which passes only the stack's own topics",
            )
        ],
    )
    assert [f.status for f in declared.check(_sfn_subject("EU", state))[0]] == ["declared"]
    other = {"Resource": "sns:publish", "Parameters": {"TopicArn.$": "$.other", "Message.$": "$"}}
    assert [(f.rule.id, f.status) for f in declared.check(_sfn_subject("EU", other))[0]] == [("RES-023", "violation")]


@pytest.mark.parametrize(
    ("request_key", "value", "expected"),
    [
        # the account and Region fixed in the template: judged as the literal (own passes, a partner's refused)
        ("TopicArn.$", "States.Format('arn:aws:sns:eu-central-1:{}:{}', '" + _SFN_OWN + "', $.topic)", set()),
        ("TopicArn.$", "States.Format('arn:aws:sns:eu-central-1:" + _SFN_PARTNER + ":{}', $.topic)", {"RES-023"}),
        ("QueueUrl.$", "States.Format('https://sqs.eu-central-1.amazonaws.com/" + _SFN_OWN + "/{}', $.q)", set()),
        ("QueueUrl.$", "States.Format('https://sqs.eu-central-1.amazonaws.com/" + _SFN_PARTNER + "/{}', $.q)",
         {"RES-023"}),
        ("FunctionName.$", "States.Format('" + _SFN_OWN + ":function:{}', $.fn)", set()),
        # a bare name whatever fills it: the caller's account's
        ("FunctionName.$", "States.Format('enrich-{}', $.env)", set()),
        ("TableName.$", "States.Format('orders-{}', $.env)", set()),
        # the account (or what may become an ARN) from the input: unproven
        ("TopicArn.$", "States.Format('arn:aws:sns:eu-central-1:{}:alerts', $.account)", {"RES-023"}),
        ("FunctionName.$", "States.Format('{}-enrich', $.prefix)", {"RES-023"}),
        ("FunctionName.$", "States.Format('{}:function:enrich', $.account)", {"RES-023"}),
        ("TableName.$", "States.Format('ar{}', $.rest)", {"RES-023"}),
        ("TopicArn.$", "States.ArrayGetItem($.topics, 0)", {"RES-023"}),
        # a fixed Region abroad is refused by its Region (one finding, not two)
        ("TopicArn.$", "States.Format('arn:aws:sns:us-east-1:" + _SFN_PARTNER + ":{}', $.topic)", {"RES-004"}),
    ],
)  # fmt: skip
def test_a_state_machines_run_time_destination_bounded_by_its_fixed_parts(
    request_key: str, value: str, expected: set[str]
) -> None:
    """sfnrt45 (stop 45): what a `States.Format` template fixes is judged as written: the account and Region written in
    it prove (or refuse) the destination, a fixed name prefix no ARN can begin names the caller's account; anything
    that leaves the account to the input is refused."""
    action = {"TopicArn.$": "sns:publish", "QueueUrl.$": "sqs:sendMessage", "FunctionName.$": "lambda:invoke",
              "TableName.$": "dynamodb:putItem"}[request_key]  # fmt: skip
    state = {"Resource": action, "Parameters": {request_key: value}}
    assert rule_ids("EU", _sfn_subject("EU", state)) == expected


_RT_REGION = "States.Format('arn:{part}:sns:{{}}:{account}:alerts', $.region)"
"""A topic ARN whose account the template fixes and whose Region the execution input gives (falsealarm46)."""


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_state_machines_run_time_region_is_not_an_unknown_region(code: str) -> None:
    """falsealarm46 (stop 46): a `States.Format` / JSONata text whose Region is the execution's (`$.region`) gave
    RES-011 "Unknown region '${v}'" beside sfnrt45's RES-023, and the RES-011 was covered by no declaration of the
    expression (the documented fix), so the program could not pass. The Region is chosen at run time: at a written
    field RES-023 alone (declarable by the expression; none in CN, where every aws-cn Region is China's); in a
    Lambda payload or a message it is data, left to what fills it as `$.arn` is. The partition stays judged."""
    part = "aws-cn" if code == "CN" else "aws"
    written = _RT_REGION.format(part=part, account=_SFN_OWN)
    publish = {"Resource": "sns:publish", "Parameters": {"TopicArn.$": written, "Message.$": "$"}}
    assert rule_ids(code, _sfn_subject(code, publish)) == (set() if code == "CN" else {"RES-023"})
    jsonata = {"Resource": "sns:publish", "Arguments": {
        "TopicArn": "{% 'arn:" + part + ":sns:' & $states.input.region & ':" + _SFN_OWN + ":alerts' %}",
        "Message": "{% $states.input %}"}}  # fmt: skip
    assert rule_ids(code, _sfn_subject(code, jsonata, True)) == (set() if code == "CN" else {"RES-023"})
    resource = f"States.Format('arn:{part}:ec2:{{}}:{{}}:instance/{{}}', $.detail.region, $.account, $.detail.id)"
    payload = {"Resource": "lambda:invoke", "Parameters": {"FunctionName": "isolate", "Payload": {
        "resource.$": resource}}}  # fmt: skip
    assert rule_ids(code, _sfn_subject(code, payload)) == set()
    message = {"Resource": "sns:publish", "Parameters": {
        "TopicArn": f"arn:{part}:sns:{provider(code).region}:{_SFN_OWN}:alerts", "Message.$": written}}  # fmt: skip
    assert rule_ids(code, _sfn_subject(code, message)) == set()
    # the twins: a fixed Region abroad (RES-004), the other partition in CN (RES-004), a user's own `${v}` outside a
    # run-time value (RES-011, unchanged)
    abroad = {"Resource": "lambda:invoke", "Parameters": {"FunctionName": "isolate", "Payload": {
        "resource.$": f"States.Format('arn:{part}:ec2:sa-east-1:{{}}:instance/{{}}', $.account, $.id)"}}}  # fmt: skip
    assert rule_ids(code, _sfn_subject(code, abroad)) == {"RES-004"}
    if code == "CN":
        other = {"Resource": "sns:publish", "Parameters": {"TopicArn.$": _RT_REGION.format(part="aws",
                 account=_SFN_OWN), "Message.$": "$"}}  # fmt: skip
        assert rule_ids(code, _sfn_subject(code, other)) == {"RES-004"}
    literal = {"Resource": "lambda:invoke", "Parameters": {"FunctionName": "isolate", "Payload": {
        "resource": f"arn:{part}:ec2:${{v}}:{_SFN_OWN}:instance/i-1"}}}  # fmt: skip
    assert rule_ids(code, _sfn_subject(code, literal)) == {"RES-011"}


def test_a_state_machines_run_time_region_declared_by_its_expression() -> None:
    """falsealarm46 (stop 46): the expression declared resident covers the run-time Region's one finding (before:
    RES-011 stayed a violation beside the declared RES-023); the message is sfnrt45's."""
    written = _RT_REGION.format(part="aws", account=_SFN_OWN)
    state = {"Resource": "sns:publish", "Parameters": {"TopicArn.$": written, "Message.$": "$"}}
    with pytest.raises(ResidencyViolation, match=r"\[RES-023\].*named at run time .*\$\.region.*fix its account and "
                       r"Region in a States\.Format template"):  # fmt: skip
        _first_violation("EU", _sfn_subject("EU", state))
    declared = RuleEngine("EU", destinations=[Destination(
        id="regional-alerts", kind="resident", match=written,
        evidence="the region is one of the stack's own EU Regions, passed by its dispatch rule")])  # fmt: skip
    assert [(f.rule.id, f.status) for f in declared.check(_sfn_subject("EU", state))[0]] == [("RES-023", "declared")]


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
@pytest.mark.parametrize("jsonata", [False, True])
def test_a_queue_urls_run_time_region_is_declared_by_its_expression(code: str, jsonata: bool) -> None:
    """samevents46 (stop 46): a queue URL whose Region the input gives kept, beside sfnrt45's RES-023, a RES-015 for
    its placeholder host (``sqs.v0.amazonaws.com``) that no declaration of the expression covered, and the
    declaration itself was refused as a URL prefix naming no host: the documented fix did not work. The Region is now
    chosen at run time, as the ARN form's is (falsealarm46): RES-023 alone, covered by the expression declared; in CN
    (aws-cn: every account and Region China's) it passes, and the other partition's host stays refused."""
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    if jsonata:
        expr = f"{{% 'https://sqs.' & $states.input.region & '.{suffix}/{_SFN_OWN}/q' %}}"
        state = {"Resource": "sqs:sendMessage", "Arguments": {"QueueUrl": expr, "MessageBody": "m"}}
    else:
        expr = f"States.Format('https://sqs.{{}}.{suffix}/{_SFN_OWN}/q', $.region)"
        state = {"Resource": "sqs:sendMessage", "Parameters": {"QueueUrl.$": expr, "MessageBody.$": "$"}}
    declared = RuleEngine(code, destinations=[Destination(
        id="regional-queue", kind="resident", match=expr,
        evidence="the region is one of the stack's own Regions, passed by its dispatch rule")])  # fmt: skip
    if code == "CN":
        assert rule_ids(code, _sfn_subject(code, state)) == set()
        other = json.loads(json.dumps(state).replace(".amazonaws.com.cn/", ".amazonaws.com/"))
        assert rule_ids(code, _sfn_subject(code, other)) == {"RES-006"}
        return
    with pytest.raises(ResidencyViolation, match=r"\[RES-023\].*named at run time .*region.*or declare the expression"):
        _first_violation(code, _sfn_subject(code, state))
    assert rule_ids(code, _sfn_subject(code, state)) == {"RES-023"}
    findings = declared.check(_sfn_subject(code, state))[0]
    assert [(f.rule.id, f.status, f.declared_by) for f in findings] == [("RES-023", "declared", "regional-queue")]


def test_a_run_time_region_host_elsewhere_is_judged_as_before() -> None:
    """samevents46: a written destination's field (a queue URL, sfnrt45's RES-023) reads the placeholder as a
    run-time Region; since stop 47 (scripts47 and falsealarm47, the same change) so does data (a payload's URL: below,
    RES-015 before). An HTTP Task's ApiEndpoint (where the state sends), two placeholders in the host or a host of the
    other partition keep their findings; a declaration naming an expression is exact (no prefix of it covers
    another)."""
    fmt = "States.Format('https://sqs.{}.amazonaws.com/" + _SFN_OWN + "/q', $.region)"
    http = {
        "Resource": "http:invoke",
        "Parameters": {
            "ApiEndpoint.$": "States.Format('https://abc.execute-api.{}.amazonaws.com/prod', $.region)",
            "Method": "GET",
        },
    }
    payload = {"Resource": "lambda:invoke", "Parameters": {"FunctionName": "f", "Payload": {"q.$": fmt}}}
    two = {
        "Resource": "sqs:sendMessage",
        "Parameters": {
            "QueueUrl.$": "States.Format('https://sqs.{}.{}.amazonaws.com/" + _SFN_OWN + "/q', $.a, $.region)",
            "MessageBody": "m",
        },
    }
    cn_host = {"Resource": "sqs:sendMessage", "Parameters": {"QueueUrl.$": fmt.replace(".com/", ".com.cn/"),
               "MessageBody": "m"}}  # fmt: skip
    assert rule_ids("EU", _sfn_subject("EU", http)) == {"RES-015"}
    assert rule_ids("EU", _sfn_subject("EU", payload)) == set()  # RES-015 before falsealarm47
    assert rule_ids("EU", _sfn_subject("EU", two)) == {"RES-023", "RES-015"}
    assert rule_ids("EU", _sfn_subject("EU", cn_host)) == {"RES-023", "RES-006"}
    prefix = Destination(id="p", kind="resident", match=fmt[:-12], evidence="a prefix of the expression")
    state = {"Resource": "sqs:sendMessage", "Parameters": {"QueueUrl.$": fmt, "MessageBody.$": "$"}}
    findings = RuleEngine("EU", destinations=[prefix]).check(_sfn_subject("EU", state))[0]
    assert [(f.rule.id, f.status) for f in findings] == [("RES-023", "violation")]


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_run_time_region_url_in_workflow_data_is_judged_as_the_arn_form(code: str) -> None:
    """falsealarm47: a URL whose Region the execution input fills in, in a Lambda payload or a message (data: the state
    sends it nowhere), was RES-015 for the placeholder host outside CN while the ARN built the same way passed
    (falsealarm46). It is judged as the ARN is: only its partition. Where the state sends (an HTTP Task's ApiEndpoint)
    the host stays RES-015; a fixed Region abroad, the other partition's suffix or two placeholders keep theirs."""
    suffix, other = ("amazonaws.com.cn", "amazonaws.com") if code == "CN" else ("amazonaws.com", "amazonaws.com.cn")
    fmt = "States.Format('https://sqs.{}." + suffix + "/" + _SFN_OWN + "/q', $.region)"
    jsonata = "{% 'https://sqs.' & $states.input.region & '." + suffix + "/" + _SFN_OWN + "/q' %}"

    def payload(url: str, key: str = "queueUrl.$") -> dict[str, Any]:
        return {"Resource": "lambda:invoke", "Parameters": {"FunctionName": "drain", "Payload": {key: url}}}

    message = {"Resource": "sns:publish", "Parameters": {
        "TopicArn": f"arn:{_part_of(code)}:sns:{provider(code).region}:{_SFN_OWN}:ops", "Message.$": fmt}}  # fmt: skip
    in_data = {"Resource": "lambda:invoke", "Arguments": {"FunctionName": "drain", "Payload": {"queueUrl": jsonata}}}
    assert rule_ids(code, _sfn_subject(code, payload(fmt))) == set()
    assert rule_ids(code, _sfn_subject(code, message)) == set()
    assert rule_ids(code, _sfn_subject(code, in_data, jsonata=True)) == set()
    # Twins: where the state sends, the other partition, a fixed Region abroad, two placeholders.
    http = {"Resource": "http:invoke", "Parameters": {"Method": "GET", "ApiEndpoint.$":
            "States.Format('https://status.execute-api.{}." + suffix + "/prod', $.region)"}}  # fmt: skip
    abroad = "States.Format('https://sqs.sa-east-1.amazonaws.com/{}/q', $.account)"
    two = "States.Format('https://sqs.{}.{}." + suffix + "/" + _SFN_OWN + "/q', $.a, $.region)"
    assert rule_ids(code, _sfn_subject(code, http)) == (set() if code == "CN" else {"RES-015"})
    assert rule_ids(code, _sfn_subject(code, payload(fmt.replace(suffix, other)))) == {"RES-006"}
    assert rule_ids(code, _sfn_subject(code, payload(abroad))) == {"RES-006"}
    assert rule_ids(code, _sfn_subject(code, payload(two))) == (set() if code == "CN" else {"RES-015"})


def _part_of(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


@pytest.mark.parametrize(
    ("state", "jsonata", "expected"),
    [
        # JSONata: a literal ARN is judged as written (as before); a literal queue URL prefix fixes its account
        ({"Resource": "sns:publish", "Arguments": {"TopicArn": "{% 'arn:aws:sns:eu-central-1:" + _SFN_PARTNER
          + ":alerts' %}", "Message": "m"}}, True, {"RES-023"}),
        ({"Resource": "sns:publish", "Arguments": {"TopicArn": "{% 'arn:aws:sns:eu-central-1:" + _SFN_OWN
          + ":alerts' %}", "Message": "m"}}, True, set()),
        ({"Resource": "sqs:sendMessage", "Arguments": {"QueueUrl": "{% 'https://sqs.eu-central-1.amazonaws.com/"
          + _SFN_PARTNER + "/' & $states.input.queue %}", "MessageBody": "m"}}, True, {"RES-023"}),
        ({"Resource": "sqs:sendMessage", "Arguments": {"QueueUrl": "{% 'https://sqs.eu-central-1.amazonaws.com/"
          + _SFN_OWN + "/' & $states.input.queue %}", "MessageBody": "m"}}, True, set()),
        # read-only actions send nothing: a run-time value passes as a literal does
        ({"Resource": "aws-sdk:sqs:receiveMessage", "Parameters": {"QueueUrl.$": "$.queue"}}, False, set()),
        ({"Resource": "dynamodb:getItem", "Parameters": {"TableName.$": "$.table", "Key": {}}}, False, set()),
        ({"Resource": "aws-sdk:sns:getTopicAttributes", "Arguments": {"TopicArn": "{% $states.input.t %}"}}, True,
         set()),
        # a field judged only in its listed actions (`resources`): a tag listing's ResourceArn reads
        ({"Resource": "aws-sdk:sns:listTagsForResource", "Parameters": {"ResourceArn.$": "$.arn"}}, False, set()),
        ({"Resource": "aws-sdk:rdsdata:executeStatement", "Parameters": {"ResourceArn.$": "$.arn", "Sql": "s"}}, False,
         {"RES-023"}),
        # the payload's `TopicArn.$` is data, not the request's destination
        ({"Resource": "lambda:invoke", "Parameters": {"FunctionName": "enrich", "Payload": {"TopicArn.$": "$.t"}}},
         False, set()),
    ],
)  # fmt: skip
def test_a_state_machines_run_time_destination_account_jsonata_and_reads(
    state: dict[str, Any], jsonata: bool, expected: set[str]
) -> None:
    """sfnrt45 (stop 45): JSONata literals judged as written, read-only actions and unlisted actions pass, a payload
    field is data."""
    assert rule_ids("EU", _sfn_subject("EU", state, jsonata)) == expected


@pytest.mark.parametrize(
    ("token", "output", "own", "state"),
    [
        # review44 (stop 44): under a provider pinning no account, the stack's own resource by its output (made_arns)
        ("aws:sqs/queue:Queue", "url", "https://sqs.eu-west-1.amazonaws.com/{}/dealer-updates",
         {"Resource": "sqs:sendMessage", "Parameters": {"QueueUrl": "{v}", "MessageBody.$": "$"}}),
        ("aws:dynamodb/table:Table", "arn", "arn:aws:dynamodb:eu-west-1:{}:table/orders",
         {"Resource": "dynamodb:putItem", "Parameters": {"TableName": "{v}", "Item": {"id": {"S.$": "$.id"}}}}),
        ("aws:sfn/stateMachine:StateMachine", "arn", "arn:aws:states:eu-west-1:{}:stateMachine:fulfilment",
         {"Resource": "states:startExecution.sync:2", "Parameters": {"StateMachineArn": "{v}", "Input.$": "$"}}),
        ("aws:sfn/activity:Activity", "arn", "arn:aws:states:eu-west-1:{}:activity:manual-review",
         {"Resource": "{v}"}),
        # review45 (stop 45): cloudflow45's RDS Data API ResourceArn, the stack's own Aurora cluster by `arn`
        ("aws:rds/cluster:Cluster", "arn", "arn:aws:rds:eu-west-1:{}:cluster:orders",
         {"Resource": "aws-sdk:rdsdata:executeStatement",
          "Parameters": {"ResourceArn": "{v}", "Database": "orders", "Sql": "DELETE FROM orders"}}),
        ("aws:rds/cluster:Cluster", "arn", "arn:aws:rds:eu-west-1:{}:cluster:orders",
         {"Resource": "aws-sdk:rdsdata:batchExecuteStatement", "QueryLanguage": "JSONata",
          "Arguments": {"ResourceArn": "{v}", "Database": "orders", "Sql": "INSERT INTO t VALUES (:a)"}}),
    ],
)  # fmt: skip
def test_a_state_machines_own_destination_is_proven_by_its_output_unpinned(
    token: str, output: str, own: str, state: dict[str, Any]
) -> None:
    """review44 (stop 44): sfn44's Task destinations under a provider pinning no account: the stack's own queue by
    `url`, table, nested state machine or activity by `arn` (made_account_arns) pass; the same text not made by the
    stack (the own account written out by hand) and another account's stay RES-023."""
    unpinned = ProviderRef("aws", "team", "eu-west-1")

    def check(account: str, known: Callable[[str], bool] | None) -> list[tuple[str, str]]:
        value = own.format(account)
        document = json.loads(json.dumps(state).replace("{v}", value))
        if not document["Resource"].startswith("arn:"):
            document["Resource"] = "arn:aws:states:::" + document["Resource"]
        definition = json.dumps({"StartAt": "S", "States": {"S": {"Type": "Task", **document, "End": True}}})
        inputs = {"role_arn": "arn:aws:iam::123456789012:role/flow", "definition": definition}
        subject = Subject("aws:sfn/stateMachine:StateMachine", "flow", inputs, unpinned)
        return [(f.rule.id, f.detail) for f in ENGINES["EU"].check(subject, known=known)[0]]

    made = set(ENGINES["EU"].made_arns(token, {output: own.format(_SFN_OWN)}))
    assert check(_SFN_OWN, made.__contains__) == []
    [(rule, detail)] = check(_SFN_OWN, None)
    assert rule == "RES-023"
    assert f"belongs to account {_SFN_OWN}, which receives what the stack writes there" in detail
    assert [r for r, _ in check(_SFN_PARTNER, made.__contains__)] == ["RES-023"]


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
def test_the_own_service_network_and_mail_organisation_are_proven_by_their_output_unpinned(code: str) -> None:
    """review44 (stop 44): awsred44's Lattice join (granted_account_fields) and SES WorkMail action
    (written_account_fields) under a provider pinning no account: the stack's own service network or WorkMail
    organisation by its `arn` output passes; the own account's ARN written out, and a partner's, stay RES-023."""
    region = provider(code).region or ""
    unpinned = ProviderRef("aws", "team", region)
    network = f"arn:aws:vpc-lattice:{region}:{{}}:servicenetwork/sn-0123456789abcdef0"
    mail = f"arn:aws:workmail:{region}:{{}}:organization/m-0123456789abcdef0123456789abcdef"

    def lattice(account: str, known: Callable[[str], bool] | None) -> set[str]:
        props = {"service_identifier": "svc-1", "service_network_identifier": network.format(account)}
        subject = Subject("aws:vpclattice/serviceNetworkServiceAssociation:ServiceNetworkServiceAssociation", "a",
                          props, unpinned)  # fmt: skip
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    def receipt(account: str, known: Callable[[str], bool] | None) -> set[str]:
        props = {"rule_set_name": "inbound", "name": "claims", "recipients": ["claims@example.com"],
                 "workmail_actions": [{"position": 1, "organization_arn": mail.format(account)}]}  # fmt: skip
        return {f.rule.id for f in ENGINES[code].check(Subject("aws:ses/receiptRule:ReceiptRule", "r", props, unpinned),
                                                         known=known)[0]}  # fmt: skip

    own_network = set(ENGINES[code].made_arns("aws:vpclattice/serviceNetwork:ServiceNetwork",
                                              {"arn": network.format(_SFN_OWN)}))  # fmt: skip
    own_mail = set(ENGINES[code].made_arns("aws:workmail/organization:Organization", {"arn": mail.format(_SFN_OWN)}))
    assert lattice(_SFN_OWN, own_network.__contains__) == set()
    assert lattice(_SFN_OWN, None) == {"RES-023"}
    assert lattice(_SFN_PARTNER, own_network.__contains__) == {"RES-023"}
    with pytest.raises(ResidencyViolation, match=f"Account {_SFN_PARTNER} is granted access"):
        _first_violation(code, Subject(
            "aws:vpclattice/serviceNetworkServiceAssociation:ServiceNetworkServiceAssociation", "a",
            {"service_identifier": "svc-1", "service_network_identifier": network.format(_SFN_PARTNER)},
            provider(code)))  # fmt: skip
    assert receipt(_SFN_OWN, own_mail.__contains__) == set()
    assert receipt(_SFN_OWN, None) == {"RES-023"}
    assert receipt(_SFN_PARTNER, own_mail.__contains__) == {"RES-023"}
    alias = f"arn:aws:bedrock:{region}:{{}}:agent-alias/TRIAGE0001/PROD000001"

    def collaborator(account: str, known: Callable[[str], bool] | None) -> set[str]:
        props = {"agent_id": "SUPERVISOR1", "collaborator_name": "triage", "collaboration_instruction": "triage",
                 "agent_descriptor": {"alias_arn": alias.format(account)}}  # fmt: skip
        subject = Subject("aws:bedrock/agentAgentCollaborator:AgentAgentCollaborator", "c", props, unpinned)
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    own_alias = set(ENGINES[code].made_arns("aws:bedrock/agentAgentAlias:AgentAgentAlias",
                                            {"agent_alias_arn": alias.format(_SFN_OWN)}))  # fmt: skip
    assert collaborator(_SFN_OWN, own_alias.__contains__) == set()
    assert collaborator(_SFN_OWN, None) == {"RES-023"}
    assert collaborator(_SFN_PARTNER, own_alias.__contains__) == {"RES-023"}


_FLUENT_BIT_AWS = "[INPUT]\n    Name tail\n    Path /var/log/app.log\n[OUTPUT]\n    Name {name}\n    Match *\n{region}"


@pytest.mark.parametrize("name", ["cloudwatch_logs", "kinesis_firehose", "kinesis_streams"])
def test_a_fluent_bit_aws_output_region_from_the_environment_is_refused(name: str) -> None:
    # leftovers44: `region ${AWS_REGION}` is read from the machine's environment when Fluent Bit starts (passed before);
    # a region written out is judged as a region; without `region` the plugin does not start ("'region' is a required
    # field"), so nothing is sent and nothing is refused.
    def subject(region: str) -> Subject:
        value = _FLUENT_BIT_AWS.format(name=name, region=region)
        return Subject("aws:ssm/parameter:Parameter", "conf", {"type": "String", "value": value}, provider("JP"))

    assert rule_ids("JP", subject("    region ${AWS_REGION}\n")) == {"RES-016"}
    assert rule_ids("JP", subject("    Region ${FLUENT_REGION}\n")) == {"RES-016"}
    assert rule_ids("JP", subject("    region ap-northeast-1\n")) == set()
    assert rule_ids("JP", subject("    region us-east-1\n")) == {"RES-009"}
    assert rule_ids("JP", subject("")) == set()
    with pytest.raises(ResidencyViolation, match=r"A Fluent Bit cloudwatch_logs, kinesis_firehose or kinesis_streams"):
        _first_violation("JP", subject("    region ${AWS_REGION}\n"))


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        # PyIceberg "Configuration": PYICEBERG_CATALOG__<NAME>__GLUE__ID sets glue.id on that catalog.
        ("aws:lambda/function:Function",
         lambda a: {"environment": {"variables": {"PYICEBERG_CATALOG__DEFAULT__GLUE__ID": a}}}),
        # `.pyiceberg.yaml` (catalog.<name>.glue.id) in an object the stack uploads.
        ("aws:s3/bucketObjectv2:BucketObjectv2",
         lambda a: {"bucket": "b", "key": ".pyiceberg.yaml",
                    "content": f"catalog:\n  default:\n    type: glue\n    glue.id: '{a}'\n"}),
        # Iceberg catalog properties outside Spark's prefix (a Flink catalog's WITH options, a properties map).
        ("aws:ssm/parameter:Parameter",
         lambda a: {"type": "String", "value": json.dumps({"type": "iceberg", "glue.id": a})}),
        ("aws:ssm/parameter:Parameter",
         lambda a: {"type": "String",
                    "value": json.dumps({"client.assume-role.arn": f"arn:aws:iam::{a}:role/lake-writer"})}),
    ],
)  # fmt: skip
@pytest.mark.parametrize(
    ("code", "account", "expected"),
    [("EU", _OTHER_ACCOUNT, {"RES-023"}), ("EU", "123456789012", set()), ("CN", _OTHER_ACCOUNT, set())],
)
def test_an_iceberg_catalog_account_outside_spark_is_judged_as_an_account(
    type_: str, props: Callable[[str], dict[str, Any]], code: str, account: str, expected: set[str]
) -> None:
    # leftovers44: glue43 read only Spark's spark.sql.catalog.<name>.glue.id / .client.assume-role.arn. In CN the
    # role ARN is written in the aws-cn partition (an aws ARN there names another partition, judged as any ARN).
    value = props(account)
    if code == "CN":
        value = json.loads(json.dumps(value).replace("arn:aws:", "arn:aws-cn:"))
    assert rule_ids(code, Subject(type_, "lake", value, provider(code))) == expected


# cloudflow44 (stop 44): an Alibaba CloudFlow (Serverless Workflow, `fnf`) flow's task names what it sends the
# execution's data to by `resourceArn` (a v1 flow's task step, nested steps alike; a state-machine FDL Task's
# `Parameters.resourceArn`). Another account's function or queue passed (only the ARN's Region was judged); it is now a
# written destination (written_account_fields): the UID of the role the provider assumes passes, another is RES-023 in
# every jurisdiction (CN included) unless declared.
_FNF = "alicloud:fnf/flow:Flow"
_FNF_OWN, _FNF_PARTNER = "1234567890123456", "5555666677778888"


def _fnf_v1(arn: str, nested: bool = False) -> str:
    step = {"type": "task", "name": "process", "resourceArn": arn}
    steps = [{"type": "parallel", "name": "fan-out", "branches": [{"steps": [step]}]}] if nested else [step]
    return yaml.safe_dump({"version": "v1", "type": "flow", "steps": steps}, sort_keys=False)


def _fnf_state_machine(arn: str) -> str:
    task = {"Name": "process", "Type": "Task", "TaskMode": "RequestComplete", "Action": "FC:InvokeFunction",
            "Parameters": {"resourceArn": arn, "invocationType": "Sync", "body": "$Input"}, "End": True}  # fmt: skip
    return yaml.safe_dump(
        {"Type": "StateMachine", "Name": "orders", "SpecVersion": "v1", "StartAt": "process", "States": [task]},
        sort_keys=False,
    )


def _fnf_subject(code: str, definition: str) -> Subject:
    region = sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0]
    ref = ProviderRef("alicloud", "p", region, accounts=frozenset({_FNF_OWN}))
    return Subject(_FNF, "flow", {"name": "orders", "type": "FDL", "definition": definition}, ref)


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
@pytest.mark.parametrize("shape", ["v1-fc", "v1-parallel", "v1-mns", "state-machine-fc"])
def test_a_cloudflow_tasks_resource_arn_account_is_judged_as_a_written_destination(code: str, shape: str) -> None:
    region = sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0]

    def subject(uid: str) -> Subject:
        if shape == "v1-mns":
            return _fnf_subject(code, _fnf_v1(f"acs:mns:{region}:{uid}:/queues/fulfilment/messages"))
        if shape == "state-machine-fc":
            return _fnf_subject(code, _fnf_state_machine(f"acs:fc:{region}:{uid}:functions/process"))
        arn = f"acs:fc:{region}:{uid}:services/orders/functions/process"
        return _fnf_subject(code, _fnf_v1(arn, nested=shape == "v1-parallel"))

    assert rule_ids(code, subject(_FNF_OWN)) == set()
    assert rule_ids(code, subject(_FNF_PARTNER)) == {"RES-023"}
    with pytest.raises(ResidencyViolation, match=f"belongs to account {_FNF_PARTNER}, which receives"):
        _first_violation(code, subject(_FNF_PARTNER))
    declared = RuleEngine(
        code,
        destinations=[Destination(id="partner", kind="resident", match=f"acs:ram::{_FNF_PARTNER}:",
                                  evidence="the group's fulfilment account, in-country Regions")],
    )  # fmt: skip
    assert [f.status for f in declared.check(subject(_FNF_PARTNER))[0]] == ["declared"]


@pytest.mark.parametrize("code", ["CN", "JP"])
def test_a_cloudflow_tasks_resource_arn_without_account_or_abroad_is_judged_as_before(code: str) -> None:
    """The MNS page's `acs:mns:::/queues/<name>/messages` names no account (the flow's own): passes; the own function
    in a Region abroad stays RES-005 (its Region was judged before)."""
    assert rule_ids(code, _fnf_subject(code, _fnf_v1("acs:mns:::/queues/fulfilment/messages"))) == set()
    abroad = _fnf_v1(f"acs:fc:us-west-1:{_FNF_OWN}:services/orders/functions/process")
    assert rule_ids(code, _fnf_subject(code, abroad)) == {"RES-005"}


_SFN44B_OWN_OUTPUTS = {
    # sfn44b (stop 44): the stack's own resource by its output, as a Task names it (type, output, action, request key)
    "queue-url": ("aws:sqs/queue:Queue", "url", "sqs:sendMessage", "QueueUrl",
                  "https://sqs.{region}.amazonaws.com/{account}/orders"),
    "table-arn": ("aws:dynamodb/table:Table", "arn", "dynamodb:putItem", "TableName",
                  "arn:aws:dynamodb:{region}:{account}:table/orders"),
    "machine-arn": ("aws:sfn/stateMachine:StateMachine", "arn", "states:startExecution", "StateMachineArn",
                    "arn:aws:states:{region}:{account}:stateMachine:fulfilment"),
}  # fmt: skip


@pytest.mark.parametrize("shape", list(_SFN44B_OWN_OUTPUTS))
@pytest.mark.parametrize("code", ["EU", "US", "JP"])
def test_a_state_machines_own_destination_by_output_proves_the_account_unpinned(code: str, shape: str) -> None:
    """sfn44b (stop 44): under a provider pinning no account, the stack's own queue by `url`, table and state machine
    by `arn` in a Task's request were RES-023; their outputs (outputs only) are now `made_account_arns`, so the value
    made with the same provider passes, and text not made by the stack (a partner's, or no made key) stays RES-023."""
    token, output, action, key, form = _SFN44B_OWN_OUTPUTS[shape]
    region = provider(code).region or ""
    own = form.format(region=region, account="123456789012")
    unpinned = ProviderRef("aws", "team", region)
    engine = ENGINES[code]
    made = engine.made_arns(token, {output: own})
    assert made == [made_arn_key(own)]

    def subject(value: str) -> Subject:
        state = {"Resource": f"arn:aws:states:::{action}", "Parameters": {key: value}}
        return _sfn_subject(code, state)._replace(provider=unpinned)

    assert {f.rule.id for f in engine.check(subject(own), known=lambda text: text in made)[0]} == set()
    assert {f.rule.id for f in engine.check(subject(own))[0]} == {"RES-023"}
    partner = form.format(region=region, account=_SFN_PARTNER)
    with pytest.raises(ResidencyViolation, match=f"belongs to account {_SFN_PARTNER}, which receives"):
        findings = engine.check(subject(partner), known=lambda text: text in made)[0]
        assert findings
        raise findings[0].to_violation()


def test_a_kinesis_streams_arn_proves_no_account() -> None:
    """sfn44b (stop 44): a Kinesis stream's `arn` is an input too (kinesis/stream `arn`), so a program could set it to
    another account's ARN: it is no `made_account_arns` output (stop 43's reason holds), and the own stream by `arn`
    under a provider pinning no account stays RES-023."""
    stream = {"arn": "arn:aws:kinesis:eu-central-1:123456789012:stream/s"}
    assert ENGINES["EU"].made_arns("aws:kinesis/stream:Stream", stream) == []


@pytest.mark.parametrize(
    ("action", "refused"),
    [("sns:publish", True), ("aws-sdk:sns:publish", True), ("aws-sdk:sns:publish.waitForTaskToken", True),
     ("aws-sdk:sns:getEndpointAttributes", False), ("aws-sdk:sns:listTagsForResource", False)],
)  # fmt: skip
@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_state_machines_publish_target_arn_is_judged_only_in_publish(code: str, action: str, refused: bool) -> None:
    """sfn44b (stop 44): SNS Publish `TargetArn` (a topic's or platform endpoint's ARN) names where the message goes, in
    `sns:publish` / `aws-sdk:sns:publish` only (`written_account_fields` `resources`): another account's is RES-023
    outside CN (passed before); in any other action the name is not judged as a destination (no generic `*Arn` rule);
    the own account passes everywhere."""
    region = provider(code).region or ""
    part = "aws-cn" if code == "CN" else "aws"

    def subject(account: str, jsonata: bool = False) -> Subject:
        request = {"TargetArn": f"arn:{part}:sns:{region}:{account}:endpoint/GCM/app/1", "Message": "x"}
        return _sfn_subject(code, {"Resource": action, "Arguments" if jsonata else "Parameters": request}, jsonata)

    expected = {"RES-023"} if refused and code != "CN" else set()
    assert rule_ids(code, subject(_SFN_PARTNER)) == expected
    assert rule_ids(code, subject(_SFN_PARTNER, jsonata=True)) == expected
    assert rule_ids(code, subject(_SFN_OWN)) == set()
    if expected:
        with pytest.raises(ResidencyViolation, match=f"endpoint/GCM/app/1 belongs to account {_SFN_PARTNER}"):
            _first_violation(code, subject(_SFN_PARTNER))


_SDK_WRITES = {
    # cloudflow45 (stop 45): an AWS SDK task whose request names the written resource by an ARN under a parameter name
    # other actions use to read (action, parameter, the ARN's form, the other parameters)
    "rdsdata-execute": ("aws-sdk:rdsdata:executeStatement", "ResourceArn",
                        "arn:{part}:rds:{region}:{account}:cluster:db",
                        {"SecretArn": "arn:{part}:secretsmanager:{region}:123456789012:secret:db", "Sql": "INSERT"}),
    "rdsdata-batch": ("aws-sdk:rdsdata:batchExecuteStatement", "ResourceArn",
                      "arn:{part}:rds:{region}:{account}:cluster:db",
                      {"SecretArn": "arn:{part}:secretsmanager:{region}:123456789012:secret:db", "Sql": "INSERT"}),
    "logs-subscription": ("aws-sdk:cloudwatchlogs:putSubscriptionFilter", "DestinationArn",
                          "arn:{part}:logs:{region}:{account}:destination:audit",
                          {"LogGroupName": "/app", "FilterName": "all", "FilterPattern": ""}),
}  # fmt: skip


@pytest.mark.parametrize("shape", list(_SDK_WRITES))
@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_state_machines_sdk_write_names_its_destination_account(code: str, shape: str) -> None:
    """cloudflow45 (stop 45): RDS Data ExecuteStatement / BatchExecuteStatement `ResourceArn` (the Aurora cluster the
    SQL runs against) and CloudWatch Logs PutSubscriptionFilter `DestinationArn` (where the log group's events stream)
    name the account that receives the state's data: another account's is RES-023 outside CN under `Parameters` and
    `Arguments` (passed before), the pinned account passes, a declaration covers it; in CN an aws-cn account passes."""
    action, key, form, others = _SDK_WRITES[shape]
    region = provider(code).region or ""
    part = "aws-cn" if code == "CN" else "aws"

    def subject(account: str, jsonata: bool = False) -> Subject:
        request = {key: form.format(part=part, region=region, account=account)}
        request.update({k: v.format(part=part, region=region) for k, v in others.items()})
        return _sfn_subject(code, {"Resource": action, "Arguments" if jsonata else "Parameters": request}, jsonata)

    expected = {"RES-023"} if code != "CN" else set()
    assert rule_ids(code, subject(_SFN_PARTNER)) == expected
    assert rule_ids(code, subject(_SFN_PARTNER, jsonata=True)) == expected
    assert rule_ids(code, subject(_SFN_OWN)) == set()
    if expected:
        with pytest.raises(ResidencyViolation, match=f"belongs to account {_SFN_PARTNER}, which receives"):
            _first_violation(code, subject(_SFN_PARTNER))
        declared = RuleEngine(
            code,
            destinations=[Destination(id="partner", kind="resident", match=f"arn:aws:iam::{_SFN_PARTNER}:",
                                      evidence="the group's audit account, in-country Regions")],
        )  # fmt: skip
        assert [f.status for f in declared.check(subject(_SFN_PARTNER))[0]] == ["declared"]


@pytest.mark.parametrize(
    ("action", "parameters"),
    [("aws-sdk:cloudwatchlogs:listTagsForResource", {"ResourceArn": "arn:aws:logs:{region}:{account}:log-group:/app"}),
     ("aws-sdk:rdsdata:beginTransaction", {"ResourceArn": "arn:aws:rds:{region}:{account}:cluster:db",
                                           "SecretArn": "arn:aws:secretsmanager:{region}:123456789012:secret:db"}),
     ("aws-sdk:rdsdata:executeStatement", {"ResourceArn": "arn:aws:rds:{region}:123456789012:cluster:db",
                                           "SecretArn": "arn:aws:secretsmanager:{region}:{account}:secret:db",
                                           "Sql": "INSERT"}),
     ("aws-sdk:cloudwatchlogs:putLogEvents", {"LogGroupName": "/app", "LogStreamName": "s",
                                              "LogEvents": [{"Message.$": "$", "Timestamp.$": "$.t"}]}),
     ("aws-sdk:firehose:putRecord", {"DeliveryStreamName": "telemetry", "Record": {"Data.$": "$"}})],
)  # fmt: skip
@pytest.mark.parametrize("code", ["EU", "US", "JP"])
def test_a_state_machines_sdk_read_or_named_destination_is_not_an_account(
    code: str, action: str, parameters: dict[str, Any]
) -> None:
    """cloudflow45 (stop 45): the twins. `ResourceArn` is judged only in the RDS Data write actions listed
    (`resources`): a tag read of another account's log group and a BeginTransaction pass; the secret an
    ExecuteStatement reads its credentials from (`SecretArn`) receives nothing; PutLogEvents (`LogGroupName`) and
    Firehose PutRecord (`DeliveryStreamName`) name their destination by a name of the caller's account."""
    region = provider(code).region or ""
    filled = json.loads(json.dumps(parameters).replace("{region}", region).replace("{account}", _SFN_PARTNER))
    assert rule_ids(code, _sfn_subject(code, {"Resource": action, "Parameters": filled})) == set()


def _fnf_task(action: str, parameters: dict[str, Any]) -> str:
    task = {"Name": "write", "Type": "Task", "TaskMode": "RequestComplete", "Action": action,
            "Parameters": parameters, "End": True}  # fmt: skip
    return yaml.safe_dump(
        {"Type": "StateMachine", "Name": "orders", "SpecVersion": "v1", "StartAt": "write", "States": [task]},
        sort_keys=False,
    )


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_a_cloudflow_tasks_other_integrations_are_judged_by_region_and_resource_arn(code: str) -> None:
    """cloudflow45 (stop 45): CloudFlow's OSS, EventBridge, MNS topic and OpenAPI tasks, as Alibaba's integration pages
    write them, are judged by the existing judgements (no change, pinned here): OSS:PutObject's `region` ("Region where
    the bucket resides. Defaults to the current flow's region") abroad is RES-009, home or absent passes (the bucket is
    in the named region, as same_region_buckets decides); EventBridge:PutEvents' `eventBusName` is a bus of the flow's
    account and passes; an MNS topic's `resourceArn` of another account is RES-023 (stop 44's `*.resource_arn`), in a v1
    step and in MNS:SendMessage; an OpenAPI action's `RegionId` abroad is RES-009."""
    region = sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0]
    put = {"bucket": "exports", "key": "a.json", "body": "$Input"}
    assert rule_ids(code, _fnf_subject(code, _fnf_task("OSS:PutObject", {**put, "region": region}))) == set()
    assert rule_ids(code, _fnf_subject(code, _fnf_task("OSS:PutObject", put))) == set()
    assert rule_ids(code, _fnf_subject(code, _fnf_task("OSS:PutObject", {**put, "region": "us-west-1"}))) == {"RES-009"}
    bus = {"id": "e", "type": "t", "eventBusName": "orders", "source": "s", "data": "$Input"}
    assert rule_ids(code, _fnf_subject(code, _fnf_task("EventBridge:PutEvents", bus))) == set()
    for uid, expected in ((_FNF_OWN, set()), (_FNF_PARTNER, {"RES-023"})):
        topic = f"acs:mns:{region}:{uid}:/topics/alerts/messages"
        assert rule_ids(code, _fnf_subject(code, _fnf_v1(topic))) == expected
        send = _fnf_task("MNS:SendMessage", {"resourceArn": topic, "message": {"body": "$Input"}})
        assert rule_ids(code, _fnf_subject(code, send)) == expected
    assert rule_ids(code, _fnf_subject(code, _fnf_task("ECS:DescribeInstances", {"RegionId": region}))) == set()
    abroad = _fnf_task("ECS:DescribeInstances", {"RegionId": "us-west-1"})
    assert rule_ids(code, _fnf_subject(code, abroad)) == {"RES-009"}


def test_a_template_resource_names_the_pulumi_input_of_each_property() -> None:
    # cfnsfn45 (stop 45): a state machine's DefinitionString is the Pulumi `definition`; Body is `body`; an unlisted
    # property is no input (judged as the template's text, as before).
    entries = {r.type: r for t in load_endpoints().stack_templates for r in t.resources}
    machine = entries["AWS::StepFunctions::StateMachine"]
    assert (machine.input_of("definition_string"), machine.input_of("definition")) == ("definition", "definition")
    assert machine.input_of("role_arn") is None and machine.substitutions == "definition_substitutions"
    assert entries["AWS::ApiGateway::RestApi"].input_of("body") == "body"
    assert entries["AWS::Serverless::StateMachine"].resource == "aws:sfn/stateMachine:StateMachine"


def test_template_destinations_name_the_pulumi_inputs_and_keys() -> None:
    # cfntypes46 (stop 46): OKActions reads `okactions` (no boundary in "OK") and is the Pulumi `ok_actions`; an event
    # source mapping's `destination` key and a bucket notification's `queue` / `queue_configurations` are renamed for
    # the Pulumi type (`keys`); a property not listed (a pipe's Source, read from) is no input.
    entries = {r.type: r for t in load_endpoints().stack_templates for r in t.resources}
    alarm, composite = entries["AWS::CloudWatch::Alarm"], entries["AWS::CloudWatch::CompositeAlarm"]
    assert alarm.input_of("okactions") == composite.input_of("okactions") == "ok_actions"
    assert alarm.input_of("alarm_actions") == "alarm_actions" and alarm.input_of("alarm_rule") is None
    assert entries["AWS::Pipes::Pipe"].input_of("target") == "target"
    assert entries["AWS::Pipes::Pipe"].input_of("source") is None
    assert entries["AWS::Scheduler::Schedule"].input_of("target") == "target"
    assert entries["AWS::Logs::SubscriptionFilter"].input_of("destination_arn") == "destination_arn"
    assert entries["AWS::Logs::Destination"].input_of("target_arn") == "target_arn"
    assert entries["AWS::SQS::Queue"].input_of("redrive_policy") == "redrive_policy"
    assert entries["AWS::Lambda::EventSourceMapping"].keys == {"destination": "destination_arn"}
    assert entries["AWS::Lambda::EventSourceMapping"].input_of("event_source_arn") is None
    bucket = entries["AWS::S3::Bucket"]
    assert bucket.properties == frozenset() and bucket.input_of("bucket_name") is None
    assert (bucket.keys["queue"], bucket.keys["topic_configurations"]) == ("queue_arn", "topics")
    assert entries["AWS::SNS::Topic"].keys == {}  # no other entry renames


def test_a_template_event_bus_policys_legacy_form_names_the_event_permission_inputs() -> None:
    # eventbus46 (stop 46): the legacy form's PutPermission parameters are cloudwatch.EventPermission's inputs; its
    # `Statement` (the policy form) is not listed, so the template's statement reading judges it (as Pulumi `policy`).
    entry = {r.type: r for t in load_endpoints().stack_templates for r in t.resources}["AWS::Events::EventBusPolicy"]
    assert entry.resource == "aws:cloudwatch/eventPermission:EventPermission"
    assert [entry.input_of(p) for p in ("principal", "action", "condition", "event_bus_name", "statement_id")] == [
        "principal", "action", "condition", "event_bus_name", "statement_id"
    ]  # fmt: skip
    assert entry.input_of("statement") is None and entry.items == {} and entry.keys == {}


def test_edited_files_reads_sed_redirects_perl_awk_and_envsubst() -> None:
    # scripts45 (stop 45): the other commands that write a file, each gated by EDIT_COMMAND.
    from components.residency.scripts import EDIT_COMMAND, Edit, edited_files

    body = "[OUTPUT]\n    Name http\n    Host __C__\n"
    write = f"cat > /opt/t.tpl <<'EOF'\n{body}EOF\n"
    filled = "[OUTPUT]\n    Name http\n    Host 10.0.3.7\n"
    fb = "/etc/fluent-bit/fluent-bit.conf"
    # sed without -i, its output redirected (operand or standard input), applied as sed -i is.
    for command in (f"sed 's/__C__/10.0.3.7/' /opt/t.tpl > {fb}", f"sed -e 's/__C__/10.0.3.7/' < /opt/t.tpl > {fb}"):
        assert edited_files(write + command + "\n") == [Edit("sed", fb, filled, ("10.0.3.7",))], command
    # perl -pi with a plain substitution, `$1` for sed's `\1`.
    script = f"{write}cp /opt/t.tpl {fb}\nperl -pi.bak -e 's/(Host\\s+)__C__/${{1}}10.0.3.7/g' {fb}\n"
    assert [e.content for e in edited_files(script)] == [body, "[OUTPUT]\n    Name http\n    Host 10.0.3.7\n"]
    # perl with a variable: not applied, the file's content unknown, its texts returned.
    script = f"{write}cp /opt/t.tpl {fb}\nperl -pi -e 's/__C__/$ENV{{HOST}}/' {fb}\n"
    assert [e.content for e in edited_files(script)][1:] == [None]
    # awk: never applied; its strings and -v values are texts; it may leave lines out (deletes), before kept.
    script = f"{write}awk -v h=logs.example.com '{{sub(/__C__/, h); print \"# edited\"}}1' /opt/t.tpl > /tmp/x\n" + (
        f"mv /tmp/x {fb}\n")  # fmt: skip
    assert edited_files(script)[-1] == Edit("mv", fb, None, ("logs.example.com", "# edited"), "/tmp/x", body, True)
    # envsubst: the variables the script assigns (and SHELL-FORMAT names) filled in, the others left as written.
    template = "cat > /opt/e.tpl <<'EOF'\n    Name ${OUT}\n    Host ${HOST}\nEOF\n"
    script = f"export OUT=datadog\n{template}envsubst < /opt/e.tpl > {fb}\n"
    assert [e.content for e in edited_files(script)] == ["    Name datadog\n    Host ${HOST}\n"]
    script = f"export OUT=datadog\nHOST=h.example.com\n{template}envsubst '$HOST' < /opt/e.tpl > {fb}\n"
    assert [e.content for e in edited_files(script)] == ["    Name ${OUT}\n    Host h.example.com\n"]
    script = f"OUT=$(curl -s http://169.254.169.254/x)\n{template}envsubst < /opt/e.tpl > {fb}\n"
    assert [e.content for e in edited_files(script)] == ["    Name ${OUT}\n    Host ${HOST}\n"]
    # A here-document fed to envsubst.
    script = f"export OUT=forward\nenvsubst > {fb} <<'EOF'\n    Name ${{OUT}}\nEOF\n"
    assert [e.content for e in edited_files(script)] == ["    Name forward\n"]
    # An unappliable delete keeps what it read and says it may drop lines; an unappliable s/// alone does not.
    script = f"{write}sed -i '/\\<Host\\>/d' /opt/t.tpl\nsed -i '2,3s/a/b/' /opt/t.tpl\n"
    assert [(e.content, e.before, e.deletes) for e in edited_files(script)] == [(None, body, True), (None, body, True)]
    script = f"{write}sed -i '2,3s/a/b/' /opt/t.tpl\n"
    assert [(e.before, e.deletes) for e in edited_files(script)] == [(body, False)]
    # One pattern gates every reader: a script naming none of the commands costs one search; sed to a pipe writes none.
    assert EDIT_COMMAND.search("awk '{print $1}' f") is not None and EDIT_COMMAND.search("echo awkward") is None
    assert edited_files(f"{write}sed 's/a/b/' /opt/t.tpl | sort\n") == []


@pytest.mark.parametrize("code", ["EU", "CN"])
@pytest.mark.parametrize(
    ("compliant", "offending"),
    [
        # An unappliable delete (`\<` untranslated; an address range) on a file the script wrote with a datadog output:
        # its Host may be gone (RES-016, fail closed). The same delete on an http output (default 127.0.0.1) passes,
        # and the appliable delete is computed (the Host stays).
        ("{write_dd}sed -i '/Retry_Limit/d' {fb}\n", "{write_dd}sed -i '/\\<Retry_Limit\\>/d' {fb}\n"),
        ("{write_http}sed -i '/apikey/,/Host/d' {fb}\n", "{write_dd}sed -i '/apikey/,/Host/d' {fb}\n"),
        ("{write_http}awk '!/Retry/' {fb} > /tmp/x && mv /tmp/x {fb}\n",
         "{write_dd}awk '!/Retry/' {fb} > /tmp/x && mv /tmp/x {fb}\n"),
        # An unappliable substitution alone removes no line: judged by its text only.
        ("{write_dd}sed -i '2,3s/Retry_Limit 5/Retry_Limit 9/' {fb}\n",
         "{write_dd}sed -i '2,3s/Retry_Limit 5/Host logs.example.com/' {fb}\n"),
    ],
)  # fmt: skip
def test_an_unappliable_delete_fails_closed_on_a_plugin_whose_default_is_abroad(
    code: str, compliant: str, offending: str
) -> None:
    # scripts45 (stop 45): each offending script passed every door on main at 28fdd30.
    fb = "/etc/fluent-bit/fluent-bit.conf"
    dd = _fb_classic("datadog", "apikey k\nHost 10.0.3.7\nRetry_Limit 5")
    http = _fb_classic("http", "Host 10.0.3.7\nPort 8443\nRetry_Limit 5")
    parts = {"fb": fb, "write_dd": f"cat > {fb} <<'EOF'\n{dd}EOF\n", "write_http": f"cat > {fb} <<'EOF'\n{http}EOF\n"}

    def vm(script: str) -> Subject:
        return Subject("aws:ec2/instance:Instance", "vm", {"user_data": "#!/bin/bash\n" + script.format(**parts)},
                       provider(code))  # fmt: skip

    assert rule_ids(code, vm(compliant)) == set()
    assert rule_ids(code, vm(offending)) in ({"RES-016"}, {"RES-015"})
    if "Host logs" not in offending:
        with pytest.raises(
            ResidencyViolation,
            match=r"^\[RES-016\] .*user_data\((sed|mv):/etc/fluent-bit/fluent-bit"
            r"\.conf\)\(delete\)\.pipeline\.outputs\[0\]\.name: .*\[firelens-datadog-default-host\]",
        ):
            _first_violation(code, vm(offending))


@pytest.mark.parametrize("code", ["EU", "CN"])
def test_a_file_written_by_sed_perl_awk_or_envsubst_is_judged_as_the_agent_reads_it(code: str) -> None:
    # scripts45 (stop 45): each offending script passed every door on main at 28fdd30.
    fb = "/etc/fluent-bit/fluent-bit.conf"
    template = _fb_classic("http", "Host __C__\nPort 443")
    write = f"cat > /opt/t.tpl <<'EOF'\n{template}EOF\n"

    def vm(script: str) -> Subject:
        return Subject("aws:ec2/instance:Instance", "vm", {"user_data": "#!/bin/bash\n" + script}, provider(code))

    for command in (
        "sed 's/__C__/{h}/' /opt/t.tpl > " + fb,
        "cp /opt/t.tpl " + fb + " && perl -pi -e 's/__C__/{h}/g' " + fb,
        "awk -v host={h} '{{gsub(/__C__/, host)}}1' /opt/t.tpl > " + fb,
        "export COLLECTOR={h}\nsed 's/__C__/${{COLLECTOR}}/' /opt/t.tpl > /opt/u.tpl\nenvsubst < /opt/u.tpl > " + fb,
    ):
        assert rule_ids(code, vm(write + command.format(h="10.0.3.9") + "\n")) == set(), command
        with pytest.raises(ResidencyViolation, match=r"^\[RES-015\] .*logs\.example\.com"):
            _first_violation(code, vm(write + command.format(h="logs.example.com") + "\n"))
    template = "cat > /opt/e.tpl <<'EOF'\n[OUTPUT]\n    Name ${OUT}\n    Match *\n    apikey k\nEOF\n"
    assert rule_ids(code, vm(f"export OUT=http\n{template}envsubst < /opt/e.tpl > {fb}\n")) == set()
    assert rule_ids(code, vm(f"export OUT=datadog\n{template}envsubst < /opt/e.tpl > {fb}\n")) == {"RES-016"}


@pytest.mark.parametrize(
    "entry", ["instance_region_commands", "cli_config_files", "app_config_files", "instance_region_filters"]
)
def test_a_catalogue_pattern_that_does_not_compile_is_refused_with_its_fix(entry: str) -> None:
    # One validator for the pattern entries (the lead's review, stop 48; app_config_files since scripts49): a regular
    # expression that does not compile is a pydantic error naming the entry's key and the fix, not a raw re.error
    # traceback.
    from pydantic import ValidationError

    from components.residency.endpoints import EndpointCatalogue

    kind = EndpointCatalogue.model_fields[entry].annotation.__args__[0]  # type: ignore[union-attr]
    given = {**getattr(ENDPOINTS, entry)[0].model_dump(), "pattern": "(region"}
    with pytest.raises(ValidationError, match=r"pattern\n.*'\(region' is not a regular expression .*fix the pattern"):
        kind(**given)


def test_edited_files_fills_a_variable_the_instance_metadata_region_sets() -> None:
    """falsealarm46 (stop 46): `edited_files(script, own_region)` assigns the given Region to a variable whose whole
    value the catalogue's command matches (a double-quoted value too); any other value stays unknown, and without
    `own_region` (a type whose script no instance of the resource runs, a provider Region not proven) nothing is
    filled."""
    from components.residency.scripts import Edit, edited_files

    command = ENDPOINTS.instance_region_commands[0]
    assert "aws:ec2/instance:Instance" in command.types
    template = "cat > /opt/fb.tpl <<'EOF'\n[OUTPUT]\n    region ${AWS_REGION}\nEOF\n"
    fb = "/etc/fluent-bit/fluent-bit.conf"
    imds = "$(curl -s http://169.254.169.254/latest/meta-data/placement/region)"
    for value, region in ((imds, "eu-west-1"), (f'"{imds}"', "eu-west-1"), ("$(cat /etc/region)", "${AWS_REGION}"),
                          (imds.replace("region)", "availability-zone)"), "${AWS_REGION}")):  # fmt: skip
        script = f"export AWS_REGION={value}\n{template}envsubst < /opt/fb.tpl > {fb}\n"
        edits = edited_files(script, (command.regex, "eu-west-1"))
        assert edits == [Edit("envsubst", fb, f"[OUTPUT]\n    region {region}\n", ())], value
    plain = edited_files(f"export AWS_REGION={imds}\n{template}envsubst < /opt/fb.tpl > {fb}\n")
    assert plain == [Edit("envsubst", fb, "[OUTPUT]\n    region ${AWS_REGION}\n", ())]


_IMDS_REGION = (
    "TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')\n"
    'export AWS_REGION=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" '
    "http://169.254.169.254/latest/meta-data/placement/region)\n"
)


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
@pytest.mark.parametrize(
    ("assignment", "proven"),
    [
        (_IMDS_REGION, True),
        ('AWS_REGION="$(curl -s http://169.254.169.254/latest/meta-data/placement/region)"\n', True),
        ("export AWS_REGION=$(wget -q -O - http://[fd00:ec2::254]/latest/meta-data/placement/region/)\n", True),
        # not the instance's Region: an availability zone, another host, a region file, nothing assigned
        ("export AWS_REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone)\n", False),
        ("export AWS_REGION=$(curl -s https://config.example.com/latest/meta-data/placement/region)\n", False),
        ("export AWS_REGION=$(cat /etc/fleet/region)\n", False),
        ("", False),
    ],
)  # fmt: skip
def test_an_instance_metadata_region_fills_a_log_router_template(code: str, assignment: str, proven: bool) -> None:
    """falsealarm46 (stop 46): EC2 user data that sets AWS_REGION from the instance metadata's placement/region ("The
    AWS Region in which the instance is launched") and envsubsts it into a Fluent Bit file was RES-016 (scripts45 left
    a `$(...)` value unknown). The instance runs in its resource's Region (the provider's, pinned and in-country):
    filled with it, the file passes. Any other command, and a type whose machine is not the resource's instance, stay
    unknown and refused (the entry id and path pinned)."""
    fb = "/etc/fluent-bit/fluent-bit.conf"
    template = (
        "cat > /opt/fb.tpl <<'EOF'\n[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    region ${AWS_REGION}\nEOF\n"
    )
    script = f"#!/bin/bash\n{assignment}{template}envsubst < /opt/fb.tpl > {fb}\n"
    for token, key in (("aws:ec2/instance:Instance", "user_data"), ("aws:ec2/launchTemplate:LaunchTemplate",
                                                                     "user_data")):  # fmt: skip
        subject = Subject(token, "vm", {key: script}, provider(code))
        if proven:
            assert rule_ids(code, subject) == set()
            continue
        findings = ENGINES[code].check(subject)[0]
        refused = [f for f in findings if f.rule.id == "RES-016"]
        assert [f.path for f in refused] == [f"{key}(envsubst:{fb})(fluent-bit).pipeline.outputs[0].name"]
        assert "region is an environment variable" in refused[0].detail
        if not assignment:
            with pytest.raises(ResidencyViolation, match=r"^\[RES-016\] .*region is an environment variable"):
                _first_violation(code, subject)
    # An SSM Command document is no instance the stack launches here: the same script stays refused.
    document = {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "name": "fb",
                                                       "inputs": {"runCommand": [script]}}]}  # fmt: skip
    ssm = Subject("aws:ssm/document:Document", "d", {"document_type": "Command", "content": json.dumps(document)},
                  provider(code))  # fmt: skip
    assert "RES-016" in rule_ids(code, ssm)
    # A resource-level Region override (RES-003 judges it) leaves the Region unknown.
    moved = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script, "region": "sa-east-1"}, provider(code))
    assert "RES-016" in rule_ids(code, moved)


def test_edited_files_reads_perl_filters_dd_and_tr() -> None:
    # scripts46 (stop 46): the remaining commands that write a file, each gated by EDIT_COMMAND.
    from components.residency.scripts import EDIT_COMMAND, Edit, edited_files

    body = "[OUTPUT]\n    Name http\n    Host __C__\n"
    write = f"cat > /opt/t.tpl <<'EOF'\n{body}EOF\n"
    filled = "[OUTPUT]\n    Name http\n    Host 10.0.3.7\n"
    fb = "/etc/fluent-bit/fluent-bit.conf"
    # perl -p without -i, its output redirected: applied as perl -pi is.
    for command in (
        f"perl -pe 's/__C__/10.0.3.7/' /opt/t.tpl > {fb}",
        f"perl -p -e 's/__C__/10.0.3.7/g' < /opt/t.tpl > {fb}",
    ):
        assert edited_files(write + command + "\n") == [Edit("perl", fb, filled, ("10.0.3.7",))], command
    # -n (prints what it chooses) and -0777 (the whole file one record): not applied, texts and strings kept, may drop.
    script = f"{write}perl -ne 'print \"Host logs.example.com\\n\" if /Host/; print' /opt/t.tpl > {fb}\n"
    assert edited_files(script) == [Edit("perl", fb, None, ("Host logs.example.com\n",), None, body, True)]
    script = f"{write}perl -0777 -pe 's/__C__\\n/h.example.com\\n/' /opt/t.tpl > {fb}\n"
    assert edited_files(script) == [Edit("perl", fb, None, ("h.example.com\n",), None, body, True)]
    # perl to the console or a pipe writes no file.
    assert edited_files(f"{write}perl -pe 's/__C__/x/' /opt/t.tpl | sort\n") == []
    # dd: a copy of a file the script wrote (if= or standard input); a partial copy leaves it unknown.
    assert edited_files(f"{write}dd if=/opt/t.tpl of={fb} bs=4k status=none\n") == [Edit("dd", fb, body, ())]
    assert edited_files(f"{write}cat /opt/t.tpl | sudo dd of={fb}\n") == [Edit("dd", fb, body, ())]
    assert edited_files(f"{write}dd if=/opt/t.tpl of={fb} count=1\n") == [Edit("dd", fb, None, (), None, body, True)]
    assert edited_files("dd if=/dev/zero of=/swapfile bs=1M count=1024\n") == []
    # tr: characters translated (ranges, SET2 extended) or deleted; a class or a newline changed leaves it unknown.
    under = "cat > /opt/u.tpl <<'EOF'\n    Host logs_example_com!\nEOF\n"
    assert [e.content for e in edited_files(f"{under}tr _ . < /opt/u.tpl > {fb}\n")] == ["    Host logs.example.com!\n"]
    assert [e.content for e in edited_files(f"{under}tr -d '!' < /opt/u.tpl > {fb}\n")] == [
        "    Host logs_example_com\n"
    ]
    assert [e.content for e in edited_files(f"{under}cat /opt/u.tpl | tr a-z A-Z > {fb}\n")] == [
        "    HOST LOGS_EXAMPLE_COM!\n"
    ]
    assert [
        (e.content, e.deletes) for e in edited_files(f"{under}tr '[:lower:]' '[:upper:]' < /opt/u.tpl > {fb}\n")
    ] == [(None, True)]
    assert [(e.content, e.deletes) for e in edited_files(f"{under}tr -s ' ' < /opt/u.tpl > {fb}\n")] == [(None, False)]
    # The gate: the command's name and a blank, never a word holding it.
    assert EDIT_COMMAND.search("dd if=a of=b") is not None and EDIT_COMMAND.search("tr _ . < a") is not None
    assert EDIT_COMMAND.search("echo address strict") is None


@pytest.mark.parametrize("code", ["EU", "CN"])
def test_a_file_written_by_perl_dd_or_tr_is_judged_as_the_agent_reads_it(code: str) -> None:
    # scripts46 (stop 46): each offending script passed every door on main at 38be454.
    fb = "/etc/fluent-bit/fluent-bit.conf"
    template = _fb_classic("http", "Host __C__\nPort 443")
    write = f"cat > /opt/t.tpl <<'EOF'\n{template}EOF\n"

    def vm(script: str) -> Subject:
        return Subject("aws:ec2/instance:Instance", "vm", {"user_data": "#!/bin/bash\n" + script}, provider(code))

    for command in (
        "perl -pe 's/__C__/{h}/g' /opt/t.tpl > " + fb,
        "perl -ne 's/__C__/{h}/; print' < /opt/t.tpl > " + fb,
        "perl -0777 -pe 's/__C__/{h}/' /opt/t.tpl > " + fb,
        "sed 's/__C__/{u}/' /opt/t.tpl > /opt/u.tpl\ntr _ . < /opt/u.tpl > " + fb,
        "sed 's/__C__/{h}/' /opt/t.tpl > /opt/u.tpl\ndd if=/opt/u.tpl of=" + fb + " status=none",
    ):
        compliant = command.format(h="10.0.3.9", u="10_0_3_9")
        assert rule_ids(code, vm(write + compliant + "\n")) == set(), command
        with pytest.raises(ResidencyViolation, match=r"^\[RES-015\] .*logs\.example\.com"):
            _first_violation(code, vm(write + command.format(h="logs.example.com", u="logs_example_com") + "\n"))
    # A datadog output (its default host abroad) copied by dd into the agent's file: RES-016; an http output passes.
    for name, expected in (("http", set()), ("datadog", {"RES-016"})):
        written = f"cat > /opt/d.tpl <<'EOF'\n{_fb_classic(name, 'apikey k')}EOF\n"
        assert rule_ids(code, vm(f"{written}cat /opt/d.tpl | sudo dd of={fb}\n")) == expected, name
    # echo piped into dd writes resolv.conf as `| tee` does.
    resolv = "echo 'nameserver {h}' | sudo dd of=/etc/resolv.conf status=none\n"
    assert rule_ids(code, vm(resolv.format(h="10.0.0.2"))) == set()
    assert rule_ids(code, vm(resolv.format(h="8.8.8.8"))) == {"RES-015"}
    # The same commands on an unrelated file pass.
    assert rule_ids(code, vm(f"{write}perl -pe 's/__C__/logs.example.com/' /opt/t.tpl > /opt/notes.txt\n")) == set()
    assert rule_ids(code, vm("dd if=/dev/zero of=/swapfile bs=1M count=1024\n")) == set()


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
@pytest.mark.parametrize(
    "key",
    ["PYICEBERG_CATALOG__DEFAULT__CLIENT__ROLE_ARN", "PYICEBERG_CATALOG__LAKE__GLUE__ROLE_ARN", "client.role-arn",
     "s3.role-arn", "glue.role-arn", "dynamodb.role-arn"],
)  # fmt: skip
def test_pyiceberg_s_assumed_role_is_judged_by_its_account(code: str, key: str) -> None:
    # scripts45 (stop 45): PyIceberg's role settings (configuration.md; PR 4132) are account settings.
    def fn(account: str) -> Subject:
        arn = f"arn:aws:iam::{account}:role/lake"
        return Subject("aws:lambda/function:Function", "fn", {"role": "arn:aws:iam::123456789012:role/r",
                       "environment": {"variables": {key: arn}}}, provider(code))  # fmt: skip

    assert rule_ids(code, fn("123456789012")) == set()
    escaped = key.replace(".", "\\.")
    with pytest.raises(ResidencyViolation, match=rf"^\[RES-023\] .*environment\.variables\.{escaped}: "):
        _first_violation(code, fn("444455556666"))


# -- madearns45 (stop 45): the stack's own resources by ARN under an unpinned provider, continued ---------------------

_MA45_FLOW = "arn:aws:states:::aws-sdk:rdsdata:executeStatement"


def _ma45_rdsdata(arn: str) -> dict[str, Any]:
    state = {
        "Type": "Task",
        "Resource": _MA45_FLOW,
        "End": True,
        "Parameters": {"ResourceArn": arn, "SecretArn.$": "$.secret", "Sql": "INSERT INTO audit VALUES (1)"},
    }
    return {"role_arn": "arn:aws:iam::123456789012:role/flow",
            "definition": json.dumps({"StartAt": "S", "States": {"S": state}})}  # fmt: skip


# (made type, output, the made ARN with `{}` for the account, consumer type, its props given the ARN)
_MA45_ROWS: list[tuple[str, str, str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:rds/cluster:Cluster", "arn", "arn:aws:rds:{r}:{}:cluster:orders",
     "aws:sfn/stateMachine:StateMachine", _ma45_rdsdata),
    ("aws:ecs/cluster:Cluster", "arn", "arn:aws:ecs:{r}:{}:cluster/batch",
     "aws:cloudwatch/eventTarget:EventTarget", lambda a: {"rule": "nightly", "arn": a}),
    ("aws:codebuild/project:Project", "arn", "arn:aws:codebuild:{r}:{}:project/nightly-build",
     "aws:cloudwatch/eventTarget:EventTarget", lambda a: {"rule": "nightly", "arn": a}),
    ("aws:batch/jobQueue:JobQueue", "arn", "arn:aws:batch:{r}:{}:job-queue/reports",
     "aws:cloudwatch/eventTarget:EventTarget", lambda a: {"rule": "nightly", "arn": a}),
    ("aws:sagemaker/pipeline:Pipeline", "arn", "arn:aws:sagemaker:{r}:{}:pipeline/retrain",
     "aws:cloudwatch/eventTarget:EventTarget", lambda a: {"rule": "weekly", "arn": a}),
    ("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "arn",
     "arn:aws:logs:{r}:{}:delivery-destination:kb-central",
     "aws:cloudwatch/logDelivery:LogDelivery", lambda a: {"delivery_source_name": "kb", "delivery_destination_arn": a}),
    ("aws:redshiftserverless/namespace:Namespace", "arn",
     "arn:aws:redshift-serverless:{r}:{}:namespace/0123abcd-4567-89ab-cdef-0123456789ab",
     "aws:rds/integration:Integration", lambda a: {"integration_name": "orders", "source_arn": "x", "target_arn": a}),
    ("aws:redshift/cluster:Cluster", "arn", "arn:aws:redshift:{r}:{}:namespace:0123abcd-4567-89ab-cdef-0123456789ab",
     "aws:rds/integration:Integration", lambda a: {"integration_name": "orders", "source_arn": "x", "target_arn": a}),
    ("aws:backup/vault:Vault", "arn", "arn:aws:backup:{r}:{}:backup-vault:locked-copy",
     "aws:backup/plan:Plan", lambda a: {"name": "daily", "rules": [
         {"rule_name": "daily", "target_vault_name": "primary", "copy_actions": [{"destination_vault_arn": a}]}]}),
    ("aws:msk/cluster:Cluster", "arn", "arn:aws:kafka:{r}:{}:cluster/events/01234567-89ab-cdef-0123-456789abcdef-1",
     "aws:msk/vpcConnection:VpcConnection", lambda a: {"authentication": "SASL_IAM", "target_cluster_arn": a,
                                                      "vpc_id": "vpc-1", "client_subnets": ["subnet-1"]}),
    ("aws:msk/serverlessCluster:ServerlessCluster", "arn",
     "arn:aws:kafka:{r}:{}:cluster/events/01234567-89ab-cdef-0123-456789abcdef-s1",
     "aws:msk/vpcConnection:VpcConnection", lambda a: {"authentication": "SASL_IAM", "target_cluster_arn": a,
                                                      "vpc_id": "vpc-1", "client_subnets": ["subnet-1"]}),
    ("aws:iot/topicRuleDestination:TopicRuleDestination", "arn",
     "arn:aws:iot:{r}:{}:ruledestination/vpc/01234567-89ab-cdef-0123-456789abcdef",
     "aws:iot/topicRule:TopicRule", lambda a: {"name": "t", "enabled": True, "sql": "SELECT * FROM 't'",
                                              "sql_version": "2016-03-23",
                                              "kafkas": [{"destination_arn": a, "topic": "t",
                                                          "client_properties": {"acks": "1"}}]}),
]  # fmt: skip


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
@pytest.mark.parametrize(("made", "output", "arn", "consumer", "props"), _MA45_ROWS, ids=[row[0] for row in _MA45_ROWS])
def test_the_own_destination_by_its_arn_output_passes_unpinned_madearns45(
    code: str, made: str, output: str, arn: str, consumer: str, props: Callable[[str], dict[str, Any]]
) -> None:
    """madearns45 (stop 45): under a provider pinning no account, the stack's own Aurora cluster (RDS Data
    `ResourceArn`), ECS cluster / CodeBuild project (EventBridge target), log delivery destination, Redshift namespace /
    cluster (zero-ETL target), backup vault (copy action), MSK cluster (VPC connection), IoT rule destination (Kafka
    action), Batch job queue and SageMaker pipeline (EventBridge targets), by its `arn` output (made_account_arns),
    pass; the same text not made by the stack (the own account written out) and another account's stay RES-023, with
    the written-destination message."""
    region = provider(code).region or ""
    unpinned = ProviderRef("aws", "team", region)

    def check(account: str, known: Callable[[str], bool] | None) -> set[str]:
        subject = Subject(consumer, "c", props(arn.format(account, r=region)), unpinned)
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    own = set(ENGINES[code].made_arns(made, {output: arn.format(_SFN_OWN, r=region)}))
    assert own == {made_arn_key(arn.format(_SFN_OWN, r=region))}
    assert check(_SFN_OWN, own.__contains__) == set()
    assert check(_SFN_OWN, None) == {"RES-023"}
    assert check(_SFN_PARTNER, own.__contains__) == {"RES-023"}
    partner = Subject(consumer, "c", props(arn.format(_SFN_PARTNER, r=region)), unpinned)
    with pytest.raises(ResidencyViolation, match=f"belongs to account {_SFN_PARTNER}, which receives what the stack"):
        _first_violation(code, partner)


@pytest.mark.parametrize(
    ("token", "props"),
    [
        # madearns45: still inputs too in pulumi-aws 7.51.1 (`StreamArgs.arn`, `FirehoseDeliveryStreamArgs.arn`), so
        # not made ARNs (a program may set them to anyone's); an RDS cluster instance's `arn` is no field's value.
        ("aws:kinesis/stream:Stream", {"arn": "arn:aws:kinesis:eu-west-1:123456789012:stream/s"}),
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
         {"arn": "arn:aws:firehose:eu-west-1:123456789012:deliverystream/d"}),
        ("aws:rds/clusterInstance:ClusterInstance", {"arn": "arn:aws:rds:eu-west-1:123456789012:db:orders-1"}),
    ],
)  # fmt: skip
def test_an_arn_that_is_also_an_input_is_no_made_arn_madearns45(token: str, props: dict[str, Any]) -> None:
    assert ENGINES["EU"].made_arns(token, props) == []


# -- madearns46 (stop 46): the stack's own resources by ARN under an unpinned provider, round 3 -----------------------


def _ma46_permission(principal: str) -> Callable[[str], dict[str, Any]]:
    return lambda a: {"action": "lambda:InvokeFunction", "function": "f", "principal": principal, "source_arn": a}


def _ma46_alarm(a: str) -> dict[str, Any]:
    return {"comparison_operator": "GreaterThanOrEqualToThreshold", "evaluation_periods": 2, "alarm_actions": [a]}


def _ma46_target(a: str) -> dict[str, Any]:
    return {"rule": "nightly", "arn": a}


# (made type, output, the made output with `{}` for the account, what the consumer writes after it, consumer type,
# its props given the value written)
_MA46_ROWS: list[tuple[str, str, str, str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:autoscaling/policy:Policy", "arn",
     "arn:aws:autoscaling:{r}:{}:scalingPolicy:0123abcd-4567-89ab-cdef-0123456789ab:autoScalingGroupName/web"
     ":policyName/up", "", "aws:cloudwatch/metricAlarm:MetricAlarm", _ma46_alarm),
    ("aws:appautoscaling/policy:Policy", "arn",
     "arn:aws:autoscaling:{r}:{}:scalingPolicy:0123abcd-4567-89ab-cdef-0123456789ab:resource/ecs/service/c/s"
     ":policyName/up", "", "aws:cloudwatch/compositeAlarm:CompositeAlarm",
     lambda a: {"alarm_name": "a", "alarm_rule": "ALARM(x)", "alarm_actions": [a]}),
    ("aws:apigateway/restApi:RestApi", "execution_arn", "arn:aws:execute-api:{r}:{}:a1b2c3d4e5", "/*",
     "aws:lambda/permission:Permission", _ma46_permission("apigateway.amazonaws.com")),
    ("aws:apigateway/restApi:RestApi", "execution_arn", "arn:aws:execute-api:{r}:{}:a1b2c3d4e5", "/*/*",
     "aws:lambda/permission:Permission", _ma46_permission("apigateway.amazonaws.com")),
    ("aws:apigatewayv2/api:Api", "execution_arn", "arn:aws:execute-api:{r}:{}:f6g7h8i9j0", "/*/*",
     "aws:lambda/permission:Permission", _ma46_permission("apigateway.amazonaws.com")),
    ("aws:iot/topicRule:TopicRule", "arn", "arn:aws:iot:{r}:{}:rule/telemetry", "",
     "aws:lambda/permission:Permission", _ma46_permission("iot.amazonaws.com")),
    ("aws:cognito/userPool:UserPool", "arn", "arn:aws:cognito-idp:{r}:{}:userpool/{r}_AbCdEfGhI", "",
     "aws:lambda/permission:Permission", _ma46_permission("cognito-idp.amazonaws.com")),
    ("aws:cloudwatch/eventApiDestination:EventApiDestination", "arn",
     "arn:aws:events:{r}:{}:api-destination/sync/0123abcd-4567-89ab-cdef-0123456789ab", "",
     "aws:cloudwatch/eventTarget:EventTarget", _ma46_target),
    ("aws:cloudwatch/eventApiDestination:EventApiDestination", "arn",
     "arn:aws:events:{r}:{}:api-destination/sync/0123abcd-4567-89ab-cdef-0123456789ab", "", "aws:pipes/pipe:Pipe",
     lambda a: {"role_arn": "arn:aws:iam::123456789012:role/p", "source": "s", "target": a}),
    ("aws:codepipeline/pipeline:Pipeline", "arn", "arn:aws:codepipeline:{r}:{}:release", "",
     "aws:cloudwatch/eventTarget:EventTarget", _ma46_target),
    ("aws:codepipeline/pipeline:Pipeline", "arn", "arn:aws:codepipeline:{r}:{}:release", "",
     "aws:scheduler/schedule:Schedule",
     lambda a: {"schedule_expression": "rate(1 day)", "flexible_time_window": {"mode": "OFF"},
                "target": {"arn": a, "role_arn": "arn:aws:iam::123456789012:role/s"}}),
    ("aws:ssm/document:Document", "arn", "arn:aws:ssm:{r}:{}:document/stop_instance", "",
     "aws:cloudwatch/eventTarget:EventTarget", _ma46_target),
    ("aws:glue/workflow:Workflow", "arn", "arn:aws:glue:{r}:{}:workflow/ingest", "",
     "aws:cloudwatch/eventTarget:EventTarget", _ma46_target),
    ("aws:iam/user:User", "arn", "arn:aws:iam::{}:user/report-reader", "", "aws:kms/grant:Grant",
     lambda a: {"key_id": "k", "operations": ["Decrypt"], "grantee_principal": a}),
    ("aws:iam/user:User", "arn", "arn:aws:iam::{}:user/search-admin", "", "aws:opensearch/domain:Domain",
     lambda a: {"advanced_security_options": {"enabled": True, "master_user_options": {"master_user_arn": a}}}),
    ("aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault", "arn",
     "arn:aws:backup:{r}:{}:backup-vault:air-gapped", "", "aws:backup/plan:Plan", lambda a: {"name": "daily", "rules": [
         {"rule_name": "daily", "target_vault_name": "primary", "copy_actions": [{"destination_vault_arn": a}]}]}),
]  # fmt: skip


@pytest.mark.parametrize("code", ["EU", "US", "JP"])
@pytest.mark.parametrize(
    ("made", "output", "arn", "suffix", "consumer", "props"),
    _MA46_ROWS,
    ids=[f"{r[0]}{r[3]}>{r[4]}" for r in _MA46_ROWS],
)
def test_the_own_resource_by_its_output_passes_unpinned_madearns46(
    code: str, made: str, output: str, arn: str, suffix: str, consumer: str, props: Callable[[str], dict[str, Any]]
) -> None:
    """madearns46 (stop 46): under a provider pinning no account, the stack's own scaling policies (alarm actions), REST
    / HTTP API (`execution_arn` and a wildcard after it), IoT rule and user pool (a Lambda permission's `source_arn`),
    API destination, pipeline, SSM document and Glue workflow (EventBridge / Pipes / Scheduler targets), IAM user (a
    KMS grantee, a domain's master user) and air-gapped vault (a copy action), by its output (made_account_arns), pass;
    the same text not made by the stack (the own account written out) and another account's stay RES-023."""
    region = provider(code).region or ""
    unpinned = ProviderRef("aws", "team", region)

    def check(account: str, known: Callable[[str], bool] | None) -> set[str]:
        subject = Subject(consumer, "c", props(arn.format(account, r=region) + suffix), unpinned)
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    own = set(ENGINES[code].made_arns(made, {output: arn.format(_SFN_OWN, r=region)}))
    assert made_arn_key(arn.format(_SFN_OWN, r=region) + suffix) in own
    assert check(_SFN_OWN, own.__contains__) == set()
    assert check(_SFN_OWN, None) == {"RES-023"}
    assert check(_SFN_PARTNER, own.__contains__) == {"RES-023"}
    partner = Subject(consumer, "c", props(arn.format(_SFN_PARTNER, r=region) + suffix), unpinned)
    # A written destination's message ("belongs to account ...") or a grant's ("Account ... is granted access").
    with pytest.raises(ResidencyViolation, match=f"(belongs to account|Account) {_SFN_PARTNER}(,| is granted access)"):
        _first_violation(code, partner)


@pytest.mark.parametrize("suffix", ["/*/POST/sessions", "/prod/*", "*"])
def test_an_execution_arn_with_another_path_is_not_proven_madearns46(suffix: str) -> None:
    """madearns46: only the listed wildcards after a made `execution_arn` are proven (exact text): a fixed route path or
    a stage name after it stays RES-023 under a provider pinning no account (pin the provider or declare it)."""
    arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5"
    own = set(ENGINES["EU"].made_arns("aws:apigateway/restApi:RestApi", {"execution_arn": arn}))
    assert own == {made_arn_key(arn + s) for s in ("", "/*", "/*/*")}
    subject = Subject(
        "aws:lambda/permission:Permission", "p",
        _ma46_permission("apigateway.amazonaws.com")(arn + suffix), ProviderRef("aws", "team", "eu-west-1"),
    )  # fmt: skip
    assert {f.rule.id for f in ENGINES["EU"].check(subject, known=own.__contains__)[0]} == {"RES-023"}


# -- madearns47 (stop 47): the stack's own resources by ARN under an unpinned provider, round 4 -----------------------

# (made type, the made `arn` with `{}` for the account and `{r}` for the Region, consumer type, its props given the
# value written)
_MA47_ROWS: list[tuple[str, str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:ssmincidents/responsePlan:ResponsePlan", "arn:aws:ssm-incidents::{}:response-plan/checkout",
     "aws:cloudwatch/metricAlarm:MetricAlarm", _ma46_alarm),
    ("aws:ssmincidents/responsePlan:ResponsePlan", "arn:aws:ssm-incidents::{}:response-plan/checkout",
     "aws:cloudwatch/eventTarget:EventTarget", _ma46_target),
    ("aws:inspector/assessmentTemplate:AssessmentTemplate",
     "arn:aws:inspector:{r}:{}:target/0-AbCdEfGh/template/0-IjKlMnOp", "aws:cloudwatch/eventTarget:EventTarget",
     _ma46_target),
    ("aws:codecommit/repository:Repository", "arn:aws:codecommit:{r}:{}:infra", "aws:lambda/permission:Permission",
     _ma46_permission("codecommit.amazonaws.com")),
    ("aws:connect/instance:Instance", "arn:aws:connect:{r}:{}:instance/0123abcd-4567-89ab-cdef-0123456789ab",
     "aws:lambda/permission:Permission", _ma46_permission("connect.amazonaws.com")),
    ("aws:cloudwatch/metricAlarm:MetricAlarm", "arn:aws:cloudwatch:{r}:{}:alarm:backlog-high",
     "aws:lambda/permission:Permission", _ma46_permission("lambda.alarms.cloudwatch.amazonaws.com")),
    ("aws:lb/targetGroup:TargetGroup", "arn:aws:elasticloadbalancing:{r}:{}:targetgroup/web-fn/0123456789abcdef",
     "aws:lambda/permission:Permission", _ma46_permission("elasticloadbalancing.amazonaws.com")),
    ("aws:alb/targetGroup:TargetGroup", "arn:aws:elasticloadbalancing:{r}:{}:targetgroup/web-fn/0123456789abcdef",
     "aws:lambda/permission:Permission", _ma46_permission("elasticloadbalancing.amazonaws.com")),
    ("aws:redshiftserverless/workgroup:Workgroup",
     "arn:aws:redshift-serverless:{r}:{}:workgroup/0123abcd-4567-89ab-cdef-0123456789ab",
     "aws:cloudwatch/eventTarget:EventTarget",
     lambda a: {"rule": "n", "arn": a, "redshift_target": {"database": "dev"}}),
]  # fmt: skip


@pytest.mark.parametrize("code", ["EU", "DE", "US", "JP"])
@pytest.mark.parametrize(("made", "arn", "consumer", "props"), _MA47_ROWS, ids=[f"{r[0]}>{r[2]}" for r in _MA47_ROWS])
def test_the_own_resource_by_its_output_passes_unpinned_madearns47(
    code: str, made: str, arn: str, consumer: str, props: Callable[[str], dict[str, Any]]
) -> None:
    """madearns47 (stop 47): under a provider pinning no account, the stack's own response plan (an alarm action, an
    EventBridge target), Inspector template and Redshift Serverless workgroup (targets), CodeCommit repository,
    Connect instance, metric alarm and target group (a Lambda permission's `source_arn`), by its `arn` output
    (made_account_arns), pass; the same text not made by the stack (the own account written out) and another
    account's stay RES-023."""
    region = provider(code).region or ""
    unpinned = ProviderRef("aws", "team", region)

    def check(account: str, known: Callable[[str], bool] | None) -> set[str]:
        subject = Subject(consumer, "c", props(arn.format(account, r=region)), unpinned)
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    own = set(ENGINES[code].made_arns(made, {"arn": arn.format(_SFN_OWN, r=region)}))
    assert own == {made_arn_key(arn.format(_SFN_OWN, r=region))}
    assert check(_SFN_OWN, own.__contains__) == set()
    assert check(_SFN_OWN, None) == {"RES-023"}
    assert check(_SFN_PARTNER, own.__contains__) == {"RES-023"}
    partner = Subject(consumer, "c", props(arn.format(_SFN_PARTNER, r=region)), unpinned)
    with pytest.raises(ResidencyViolation, match=f"(belongs to account|Account) {_SFN_PARTNER}(,| is granted access)"):
        _first_violation(code, partner)


@pytest.mark.parametrize("code", ["EU", "DE", "US", "JP"])
def test_a_stage_s_execution_arn_with_a_wildcard_passes_unpinned_madearns47(code: str) -> None:
    """madearns47: a REST API stage's `execution_arn` followed by `/*` or `/*/*` (any method and path of that stage)
    is the stack's own under a provider pinning no account; a fixed method or path after it, the same text not made
    and a partner's stage stay RES-023 (exact text only, as a REST API's `execution_arn`)."""
    region = provider(code).region or ""
    arn = f"arn:aws:execute-api:{region}:{{}}:a1b2c3d4e5/prod"
    own = set(ENGINES[code].made_arns("aws:apigateway/stage:Stage", {"executionArn": arn.format(_SFN_OWN)}))
    assert own == {made_arn_key(arn.format(_SFN_OWN) + s) for s in ("", "/*", "/*/*")}

    def check(value: str, known: Callable[[str], bool] | None) -> set[str]:
        props = _ma46_permission("apigateway.amazonaws.com")(value)
        subject = Subject("aws:lambda/permission:Permission", "p", props, ProviderRef("aws", "team", region))
        return {f.rule.id for f in ENGINES[code].check(subject, known=known)[0]}

    for suffix in ("/*", "/*/*"):
        assert check(arn.format(_SFN_OWN) + suffix, own.__contains__) == set()
        assert check(arn.format(_SFN_OWN) + suffix, None) == {"RES-023"}
        assert check(arn.format(_SFN_PARTNER) + suffix, own.__contains__) == {"RES-023"}
    assert check(arn.format(_SFN_OWN) + "/POST/orders", own.__contains__) == {"RES-023"}


@pytest.mark.parametrize(
    ("token", "props"),
    [
        # Still unlisted (docs/residency.md, round 4): an FC function. (A Bedrock agent's `agent_arn` and an HTTP API
        # stage's `execution_arn` are listed since awsred48, stop 48, once the mocks gave them a value.)
        ("alicloud:fc/v3Function:V3Function", {"function_arn": _OWN_FC3}),
        # A target group attachment's `target_group_arn` is an input naming any group, not its own ARN.
        ("aws:lb/targetGroupAttachment:TargetGroupAttachment",
         {"target_group_arn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-fn/0123456789abcdef",
          "arn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-fn/0123456789abcdef"}),
    ],
)  # fmt: skip
def test_the_outputs_left_unlisted_prove_nothing_madearns47(token: str, props: dict[str, Any]) -> None:
    assert ENGINES["EU"].made_arns(token, props) == []


# -- awsred48 (stop 48): the outputs round 4 left unlisted, and a resource configuration -----------------------------

# (made type, output, the made output with `{}` for the account and `{r}` for the Region, what the consumer writes after
# it, consumer type, its props given the value written)
_RED48_MADE: list[tuple[str, str, str, str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:appsync/graphQLApi:GraphQLApi", "arn", "arn:aws:appsync:{r}:{}:apis/0a1b2c3d4e5f6a7b8c9d0e1f2a", "",
     "aws:appsync/sourceApiAssociation:SourceApiAssociation", lambda a: {"merged_api_id": "m", "source_api_arn": a}),
    ("aws:apigatewayv2/stage:Stage", "execution_arn", "arn:aws:execute-api:{r}:{}:a1b2c3d4e5/live", "/*/*",
     "aws:lambda/permission:Permission", _ma46_permission("apigateway.amazonaws.com")),
    ("aws:apigatewayv2/stage:Stage", "execution_arn", "arn:aws:execute-api:{r}:{}:a1b2c3d4e5/live", "/*",
     "aws:lambda/permission:Permission", _ma46_permission("apigateway.amazonaws.com")),
    ("aws:bedrock/agentAgent:AgentAgent", "agent_arn", "arn:aws:bedrock:{r}:{}:agent/ABCDEFGHIJ", "",
     "aws:lambda/permission:Permission", _ma46_permission("bedrock.amazonaws.com")),
    ("aws:vpclattice/resourceConfiguration:ResourceConfiguration", "arn",
     "arn:aws:vpc-lattice:{r}:{}:resourceconfiguration/rcfg-0a1b2c3d4e5f6", "", "aws:ec2/vpcEndpoint:VpcEndpoint",
     lambda a: {"vpc_id": "vpc-1", "vpc_endpoint_type": "Resource", "resource_configuration_arn": a}),
]  # fmt: skip


@pytest.mark.parametrize("code", ["EU", "DE", "US", "JP"])
@pytest.mark.parametrize(
    ("made", "output", "arn", "after", "consumer", "props"), _RED48_MADE, ids=[f"{r[0]}{r[3]}" for r in _RED48_MADE]
)
def test_the_own_resource_by_its_output_passes_unpinned_awsred48(
    code: str, made: str, output: str, arn: str, after: str, consumer: str, props: Callable[[str], dict[str, Any]]
) -> None:
    """awsred48 (stop 48): under a provider pinning no account, the stack's own AppSync API (a source API association),
    HTTP API stage (with `/*` or `/*/*`) and Bedrock agent (a Lambda permission's `source_arn`) and VPC Lattice
    resource configuration (a resource endpoint) by their output pass; the same text not made, a fixed route after a
    stage and another account's stay RES-023."""
    region = provider(code).region or ""
    unpinned = ProviderRef("aws", "team", region)
    written = arn.format(_SFN_OWN, r=region) + after

    def check(value: str, known: Callable[[str], bool] | None) -> set[str]:
        return {f.rule.id for f in ENGINES[code].check(Subject(consumer, "c", props(value), unpinned), known=known)[0]}

    own = set(ENGINES[code].made_arns(made, {output: arn.format(_SFN_OWN, r=region)}))
    assert made_arn_key(written) in own
    assert check(written, own.__contains__) == set()
    assert check(written, None) == {"RES-023"}
    assert check(arn.format(_SFN_PARTNER, r=region) + after, own.__contains__) == {"RES-023"}
    if after:
        assert check(arn.format(_SFN_OWN, r=region) + "/GET/orders", own.__contains__) == {"RES-023"}
    partner = Subject(consumer, "c", props(arn.format(_SFN_PARTNER, r=region) + after), unpinned)
    with pytest.raises(ResidencyViolation, match=f"(belongs to account|Account) {_SFN_PARTNER}"):
        _first_violation(code, partner)


# -- awsred49 (stop 49): three more source ARNs round 4 left unlisted ------------------------------------------------

_RED49_MADE: list[tuple[str, str, str, str, str, Callable[[str], dict[str, Any]]]] = [
    ("aws:secretsmanager/secret:Secret", "arn", "arn:aws:secretsmanager:{r}:{}:secret:claims-db-AbCdEf", "",
     "aws:lambda/permission:Permission", _ma46_permission("secretsmanager.amazonaws.com")),
    ("aws:ses/receiptRule:ReceiptRule", "arn", "arn:aws:ses:{r}:{}:receipt-rule-set/inbound:receipt-rule/claims", "",
     "aws:lambda/permission:Permission", _ma46_permission("ses.amazonaws.com")),
    ("aws:cfg/rule:Rule", "arn", "arn:aws:config:{r}:{}:config-rule/config-rule-a1b2c3", "",
     "aws:lambda/permission:Permission", _ma46_permission("config.amazonaws.com")),
]  # fmt: skip


@pytest.mark.parametrize("code", ["EU", "DE", "US", "JP"])
@pytest.mark.parametrize(
    ("made", "output", "arn", "after", "consumer", "props"), _RED49_MADE, ids=[r[0] for r in _RED49_MADE]
)
def test_the_own_resource_by_its_output_passes_unpinned_awsred49(
    code: str, made: str, output: str, arn: str, after: str, consumer: str, props: Callable[[str], dict[str, Any]]
) -> None:
    """awsred49 (stop 49): under a provider pinning no account, the stack's own secret, SES receipt rule and Config rule
    by their `arn` output pass as a Lambda permission's `source_arn` (RES-023 on main 3b6f8c1); the same text not made
    and another account's stay RES-023."""
    test_the_own_resource_by_its_output_passes_unpinned_awsred48(code, made, output, arn, after, consumer, props)


@pytest.mark.parametrize("code", ["EU", "US", "CN"])
def test_a_fluentd_sqs_output_without_region_is_refused_outside_japan(code: str) -> None:
    # plugins46: fluent-plugin-sqs's `region` defaults to ap-northeast-1 (passed every door before, EU and CN). A
    # written region is judged as one, a queue URL as a URL (the SDK sends to it), a region from the environment
    # counts as not written.
    region = {"EU": "eu-central-1", "US": "us-east-1", "CN": "cn-north-1"}[code]
    account = "123456789012"
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd("sqs", f"queue_name q\nregion {region}"))) == set()
    url = f"https://sqs.{region}.amazonaws.com{'.cn' if code == 'CN' else ''}/{account}/q"
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd("sqs", f"sqs_url {url}"))) == set()
    assert rule_ids(code, _fb_carrier("ssm", code, _fluentd("sqs", "queue_name q\nregion ap-northeast-1"))) == {
        "RES-009"
    }
    for offending in ("queue_name q", "queue_name q\nregion \"#{ENV['AWS_REGION']}\""):
        with pytest.raises(
            ResidencyViolation,
            match=r"^\[RES-016\] .*\(fluentd\)\.match\[0\]\.@type: .*ap-northeast-1 \(Tokyo\).*"
            r"\(<match> @type = 'sqs'\).*\[fluentd-sqs-default-region\]",
        ):
            _first_violation(code, _fb_carrier("ssm", code, _fluentd("sqs", offending)))


def test_a_fluentd_sqs_output_without_region_stays_in_japan() -> None:
    # plugins46: the default Region is Tokyo, inside JP: not refused there (resident_in), a written region still judged.
    assert rule_ids("JP", _fb_carrier("ssm", "JP", _fluentd("sqs", "queue_name q"))) == set()
    assert rule_ids("JP", _fb_carrier("ssm", "JP", _fluentd("sqs", "queue_name q\nregion us-west-2"))) == {"RES-009"}


@pytest.mark.parametrize("code", ["EU", "JP", "CN"])
def test_a_firelens_output_to_a_fixed_third_party_endpoint_is_refused(code: str) -> None:
    # plugins46: ArvanCloud CloudLogs and Fluent Bit's gcs output in FireLens options, as in a file.
    ecs = "aws:ecs/taskDefinition:TaskDefinition"
    for options, entry in (
        ({"Name": "arvancloud_cloudlogs", "apikey": "k"}, "log-router-arvancloud-cloudlogs"),
        ({"Name": "gcs", "bucket": "fleet-logs"}, "firelens-google-cloud-outputs"),
    ):
        findings, _ = ENGINES[code].check(_firelens(ecs, code, options))
        refused = [f for f in findings if f.rule.id == "RES-016"]
        assert len(refused) == 1 and f"[{entry}]" in refused[0].detail
    # Fluent Bit's own slack output has no default (webhook judged as a URL): the Fluentd entry does not judge it.
    assert rule_ids(code, _fb_carrier("ssm", code, _fb_classic("slack", "webhook https://10.0.3.7/hook"))) == set()


_OWN_REGION_FORMS = (
    "export AWS_REGION=`curl -s http://169.254.169.254/latest/meta-data/placement/region`\n",
    'export AWS_REGION=$(curl -s -H "X-aws-ec2-metadata-token: $(curl -sX PUT http://169.254.169.254/latest/api/token '
    "-H 'X-aws-ec2-metadata-token-ttl-seconds: 60')\" http://169.254.169.254/latest/meta-data/placement/region)\n",
    "export AWS_REGION=$(curl -s http://169.254.169.254/latest/dynamic/instance-identity/document | jq -r .region)\n",
    "export AWS_REGION=$(ec2-metadata --quiet --region)\n",
    "export AWS_REGION=$(ec2-metadata -R | cut -d ' ' -f 2)\n",
    "export AWS_REGION=$(ec2-metadata --region | awk '{print $2}')\n",
    "R=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\nexport AWS_REGION=$R\n",
)


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
@pytest.mark.parametrize("assignment", _OWN_REGION_FORMS)
def test_the_instance_s_own_region_read_other_ways_fills_a_log_router_template(code: str, assignment: str) -> None:
    """scripts47 (stop 47): backquotes, a session token fetched inside the header, the identity document's region,
    Amazon Linux's ec2-metadata (--quiet --region, -R | cut / awk) and a variable set from one of them give the
    instance's own Region (RES-016 before). The zone (ec2-metadata -z) and a Region derived from it stay refused."""
    template = "cat > /opt/fb.tpl <<'EOF'\n[OUTPUT]\n    Name cloudwatch_logs\n    region ${AWS_REGION}\nEOF\n"
    fb = "/etc/fluent-bit/fluent-bit.conf"
    script = f"#!/bin/bash\n{assignment}{template}envsubst < /opt/fb.tpl > {fb}\n"
    assert rule_ids(code, Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider(code))) == set()
    zone = "AZ=$(ec2-metadata -z | cut -d ' ' -f 2)\nexport AWS_REGION=${AZ%?}\n"
    derived = script.replace(assignment, zone)
    refused = Subject("aws:ec2/instance:Instance", "vm", {"user_data": derived}, provider(code))
    with pytest.raises(ResidencyViolation, match=r"^\[RES-016\] .*region is an environment variable"):
        _first_violation(code, refused)


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_url_built_on_the_instance_s_own_region_is_that_region_s(code: str) -> None:
    """scripts47: a queue URL whose Region label is a variable set from the instance metadata was RES-015 outside CN
    (its placeholder host): it is the instance's Region. From a file, or under a type whose script no instance of the
    resource runs (an SSM document), it stays a placeholder (RES-015 outside CN; under amazonaws.com.cn it passes)."""
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    send = f'aws sqs send-message --queue-url "https://sqs.$REGION.{suffix}/123456789012/boot" --message-body up\n'
    own = "REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
    for token, key in (("aws:ec2/instance:Instance", "user_data"), ("aws:ec2/launchTemplate:LaunchTemplate",
                                                                     "user_data")):  # fmt: skip
        assert rule_ids(code, Subject(token, "vm", {key: f"#!/bin/bash\n{own}{send}"}, provider(code))) == set()
    expected = set() if code == "CN" else {"RES-015"}
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": f"#!/bin/bash\nREGION=$(cat /r)\n{send}"},
                      provider(code))  # fmt: skip
    assert rule_ids(code, subject) == expected
    if code != "CN":
        with pytest.raises(ResidencyViolation, match=r"^\[RES-015\] .*sqs\.v0\.amazonaws\.com names no region"):
            _first_violation(code, subject)
    document = {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "name": "boot",
                                                       "inputs": {"runCommand": [own + send]}}]}  # fmt: skip
    ssm = Subject("aws:ssm/document:Document", "d", {"document_type": "Command", "content": json.dumps(document)},
                  provider(code))  # fmt: skip
    assert rule_ids(code, ssm) == expected


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_an_ecs_instance_s_metadata_region_id_is_its_region(code: str) -> None:
    """scripts47: Logtail's installer URL (``logtail-release-$REGION.oss-$REGION-internal.aliyuncs.com``) with REGION
    from the ECS metadata service's region-id (normal or security hardening mode) was RES-015: it is the instance's
    region. From a file it stays RES-015; a Cloud Assistant command is no instance the stack launches (unchanged)."""
    install = (
        "wget http://logtail-release-$REGION.oss-$REGION-internal.aliyuncs.com/linux64/logtail.sh -O logtail.sh\n"
        "./logtail.sh install $REGION\n"
    )
    metadata = "http://100.100.100.200/latest"
    forms = (
        f"REGION=$(curl -s {metadata}/meta-data/region-id)\n",
        f'TOKEN=`curl -s -X PUT "{metadata}/api/token" -H "X-aliyun-ecs-metadata-token-ttl-seconds:300"`\n'
        f'REGION=`curl -s -H "X-aliyun-ecs-metadata-token: $TOKEN" {metadata}/meta-data/region-id`\n',
    )
    ali = provider(code, "alicloud")
    for form in forms:
        for token in ("alicloud:ecs/instance:Instance", "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate",
                      "alicloud:ess/scalingConfiguration:ScalingConfiguration"):  # fmt: skip
            encoded = base64.b64encode(f"#!/bin/bash\n{form}{install}".encode()).decode()
            assert rule_ids(code, Subject(token, "vm", {"user_data": encoded}, ali)) == set(), (token, form)
    unknown = Subject("alicloud:ecs/instance:Instance", "vm", {"user_data": "REGION=$(cat /r)\n" + install}, ali)
    # agents62 (stop 62): and the installer's Region argument, the Region of the Project the agent sends to, unknown
    # there: RES-011 beside the URL's RES-015 (the first refusal now)
    assert rule_ids(code, unknown) == {"RES-011", "RES-015"}
    with pytest.raises(ResidencyViolation, match=r"^\[RES-011\] .*logtail\.sh install: Unknown region '\$\(cat /r\)'"):
        _first_violation(code, unknown)
    command = Subject("alicloud:ecs/command:Command", "c", {"name": "logtail", "type": "RunShellScript",
                      "command_content": base64.b64encode((forms[0] + install).encode()).decode()}, ali)  # fmt: skip
    assert rule_ids(code, command) == {"RES-015"}


@pytest.mark.parametrize("code", ["EU", "US", "JP", "CN"])
def test_a_payload_host_with_the_executions_region_is_data(code: str) -> None:
    """scripts47: a Lambda payload's or a message's queue URL whose Region the input gives was RES-015 (its
    placeholder host) while the ARN form there passed (falsealarm46): data, its partition judged. An HTTP Task's
    ApiEndpoint (where the state sends) keeps RES-015; in CN the other partition's host stays refused."""
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    fmt = f"States.Format('https://sqs.{{}}.{suffix}/{_SFN_OWN}/jobs', $.region)"
    payload = {"Resource": "lambda:invoke", "Parameters": {"FunctionName": "drain", "Payload": {"queueUrl.$": fmt}}}
    assert rule_ids(code, _sfn_subject(code, payload)) == set()
    part = "aws-cn" if code == "CN" else "aws"
    message = {"Resource": "sns:publish", "Parameters": {
        "TopicArn": f"arn:{part}:sns:{provider(code).region}:{_SFN_OWN}:t", "Message.$": fmt}}  # fmt: skip
    assert rule_ids(code, _sfn_subject(code, message)) == set()
    if code == "CN":
        other = {"Resource": "lambda:invoke", "Parameters": {"FunctionName": "drain", "Payload": {
            "queueUrl.$": fmt.replace(".com.cn/", ".com/")}}}  # fmt: skip
        assert rule_ids(code, _sfn_subject(code, other)) == {"RES-006"}
        return
    http = {"Resource": "http:invoke", "Parameters": {"Method": "GET", "ApiEndpoint.$":
            "States.Format('https://abc.execute-api.{}.amazonaws.com/prod', $.region)"}}  # fmt: skip
    assert rule_ids(code, _sfn_subject(code, http)) == {"RES-015"}


# awsred55 (stop 55): the CloudFormation twins of twelve AWS global services (template_services), each RES-016 as the
# Pulumi resource is; on main a7fee677 every offending case here passed (no template_services entry named the type).
# The compliant twin is the same type with a value the Pulumi entry accepts; aws-cn where the entry allows it.
_BEDROCK55 = "arn:aws:bedrock:eu-west-1:123456789012:"
_SHARE55 = {"Name": "s", "CreateRule": {"Interval": 24, "IntervalUnit": "HOURS"}, "RetainRule": {"Count": 7}}
_DLM55 = {"ResourceTypes": ["VOLUME"], "TargetTags": [{"Key": "backup", "Value": "daily"}]}


@pytest.mark.parametrize(
    ("code", "resources", "extra", "expected"),
    [
        ("EU", _one("AWS::Chatbot::SlackChannelConfiguration", ConfigurationName="c", IamRoleArn="r",
                    SlackChannelId="C1", SlackWorkspaceId="T1"), {}, {"RES-016"}),
        ("CN", _one("AWS::Chatbot::MicrosoftTeamsChannelConfiguration", ConfigurationName="c", IamRoleArn="r",
                    TeamId="t", TeamsChannelId="c", TeamsTenantId="x"), {}, {"RES-016"}),
        ("EU", _one("AWS::Cognito::UserPoolIdentityProvider", UserPoolId="p", ProviderName="Google",
                    ProviderType="Google"), {}, {"RES-016"}),
        ("EU", _one("AWS::Cognito::UserPoolIdentityProvider", UserPoolId="p", ProviderName="corp", ProviderType="OIDC"),
         {}, set()),
        ("EU", _one("AWS::WorkSpacesWeb::IdentityProvider", IdentityProviderName="f", IdentityProviderType="Facebook"),
         {}, {"RES-016"}),
        ("EU", _one("AWS::Location::PlaceIndex", IndexName="i", DataSource="Here"), {}, {"RES-016"}),
        ("JP", _one("AWS::Location::RouteCalculator", CalculatorName="c", DataSource="Esri"), {}, {"RES-016"}),
        ("EU", _one("AWS::Location::Map", MapName="m", Configuration={"Style": "VectorHereExplore"}), {}, {"RES-016"}),
        ("EU", _one("AWS::Location::Map", MapName="m", Configuration={"Style": "VectorOpenDataStandardDark"}), {},
         set()),
        ("EU", _one("AWS::SecurityHub::FindingAggregator", RegionLinkingMode="ALL_REGIONS_EXCEPT_SPECIFIED",
                    Regions=["eu-central-1"]), {}, {"RES-016"}),
        ("EU", _one("AWS::SecurityHub::FindingAggregator", RegionLinkingMode="SPECIFIED_REGIONS",
                    Regions=["eu-central-1"]), {}, set()),
        ("CN", _one("AWS::SecurityHub::FindingAggregator", RegionLinkingMode="ALL_REGIONS"), {}, set()),
        ("US", _one("AWS::SecurityHub::AggregatorV2", RegionLinkingMode="ALL_REGIONS"), {}, {"RES-016"}),
        ("EU", _one("AWS::CodeConnections::Connection", ConnectionName="c", ProviderType="GitLab"), {}, {"RES-016"}),
        ("EU", _one("AWS::CodeStarConnections::Connection", ConnectionName="c", ProviderType="Bitbucket"), {},
         {"RES-016"}),
        ("EU", _one("AWS::CodeConnections::Connection", ConnectionName="c", ProviderType="GitHubEnterpriseServer",
                    HostArn="h"), {}, set()),
        # a Parameter naming the provider type: refused when one of its AllowedValues is refused, as everywhere.
        ("EU", _one("AWS::CodeConnections::Connection", ConnectionName="c", ProviderType={"Ref": "Provider"}),
         {"Parameters": {"Provider": {"Type": "String", "AllowedValues": ["GitHubEnterpriseServer", "GitHub"]}}},
         {"RES-016"}),
        ("EU", _one("AWS::Bedrock::Guardrail", Name="g", BlockedInputMessaging="x", BlockedOutputsMessaging="y",
                    CrossRegionConfig={"GuardrailProfileArn": f"{_BEDROCK55}guardrail-profile/eu.guardrail.v1:0"}),
         {}, {"RES-016"}),
        ("US", _one("AWS::Bedrock::Guardrail", Name="g", BlockedInputMessaging="x", BlockedOutputsMessaging="y",
                    CrossRegionConfig={"GuardrailProfileArn": "us.guardrail.v1:0"}), {}, set()),
        ("EU", _one("AWS::Bedrock::Guardrail", Name="g", BlockedInputMessaging="x", BlockedOutputsMessaging="y"), {},
         set()),
        ("EU", _one("AWS::Bedrock::ApplicationInferenceProfile", InferenceProfileName="p", ModelSource={
            "CopyFrom": f"{_BEDROCK55}inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0"}), {}, {"RES-016"}),
        ("EU", _one("AWS::Bedrock::ApplicationInferenceProfile", InferenceProfileName="p", ModelSource={
            "CopyFrom": "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"}), {},
         set()),
        ("EU", _one("AWS::DLM::LifecyclePolicy", Description="d", ExecutionRoleArn="r", PolicyDetails={
            **_DLM55, "Schedules": [{**_SHARE55, "ShareRules": [{"TargetAccounts": ["210987654321"]}]}]}), {},
         {"RES-016"}),
        ("EU", _one("AWS::DLM::LifecyclePolicy", Description="d", ExecutionRoleArn="r", PolicyDetails={
            **_DLM55, "Schedules": [_SHARE55]}), {}, set()),
        ("CN", _one("AWS::DLM::LifecyclePolicy", Description="d", ExecutionRoleArn="r", PolicyDetails={
            **_DLM55, "Schedules": [{**_SHARE55, "ShareRules": [{"TargetAccounts": ["210987654321"]}]}]}), {}, set()),
        ("EU", _one("AWS::ImageBuilder::DistributionConfiguration", Name="d", Distributions=[{
            "Region": "eu-west-1", "AmiDistributionConfiguration": {"TargetAccountIds": ["210987654321"]}}]), {},
         {"RES-016"}),
        ("EU", _one("AWS::ImageBuilder::DistributionConfiguration", Name="d", Distributions=[{
            "Region": "eu-west-1", "AmiDistributionConfiguration": {"Name": "a-{{ imagebuilder:buildDate }}"}}]), {},
         set()),
        # the five more: Pinpoint push channels, a chat channel association, cloud storage, application connections.
        ("EU", _one("AWS::Pinpoint::APNSChannel", ApplicationId="a", Enabled=True), {}, {"RES-016"}),
        ("CN", _one("AWS::Pinpoint::BaiduChannel", ApplicationId="a", ApiKey="k", SecretKey="s"), {}, {"RES-016"}),
        ("EU", _one("AWS::Pinpoint::SMSChannel", ApplicationId="a", Enabled=True), {}, set()),
        ("EU", _one("AWS::Notifications::ChannelAssociation", NotificationConfigurationArn="c",
                    Arn="arn:aws:consoleapp::123456789012:device/d1"), {}, {"RES-016"}),
        # (awsred56, stop 56) moved: an e-mail contact's association is User Notifications' too, stored in us-east-1
        # (aws-user-notifications-home-region, as the Pulumi association): refused in EU, resident in the US.
        ("EU", _one("AWS::Notifications::ChannelAssociation", NotificationConfigurationArn="c",
                    Arn="arn:aws:notifications-contacts::123456789012:emailcontact/e1"), {}, {"RES-016"}),
        ("US", _one("AWS::Notifications::ChannelAssociation", NotificationConfigurationArn="c",
                    Arn="arn:aws:notifications-contacts::123456789012:emailcontact/e1"), {}, set()),
        ("EU", _one("AWS::AppStream::Stack", Name="s", StorageConnectors=[{"ConnectorType": "GOOGLE_DRIVE"}]), {},
         {"RES-016"}),
        ("EU", _one("AWS::AppStream::Stack", Name="s", StorageConnectors=[{"ConnectorType": "HOMEFOLDERS"}]), {},
         set()),
        ("EU", _one("AWS::Glue::Connection", CatalogId="123456789012", ConnectionInput={
            "Name": "c", "ConnectionType": "BIGQUERY", "ConnectionProperties": {}}), {}, {"RES-016"}),
        ("EU", _one("AWS::Glue::Connection", CatalogId="123456789012", ConnectionInput={
            "Name": "c", "ConnectionType": "NETWORK", "ConnectionProperties": {}}), {}, set()),
        ("EU", _one("AWS::AppFlow::Flow", FlowName="f", DestinationFlowConfigList=[{"ConnectorType": "Zendesk"}]), {},
         {"RES-016"}),
        ("EU", _one("AWS::AppFlow::Flow", FlowName="f", DestinationFlowConfigList=[{"ConnectorType": "Redshift"}]), {},
         set()),
    ],
)  # fmt: skip
def test_awsred55_a_templates_global_service_twins_are_judged_by_type(
    code: str, resources: dict[str, Any], extra: dict[str, Any], expected: set[str]
) -> None:
    # awsred55: judged as test_a_templates_global_service_resources_are_judged_by_type judges the older entries (a
    # StackSet's template too).
    test_a_templates_global_service_resources_are_judged_by_type(code, resources, extra, expected)


# awsred55b (stop 55): eight more CloudFormation twins of AWS global services (template_services), each RES-016 as the
# Pulumi resource is; on main b59e64d8 every offending case here passed (no template_services entry named the type).
# The compliant twin is the same type with a value the Pulumi entry accepts (a jurisdiction's own geographic inference
# profile, a self-hosted source server, a finding-fields update); aws-cn where the entry allows it.
_PROFILE55B = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/"
_STEP55B = {"PromptType": "ORCHESTRATION", "PromptCreationMode": "OVERRIDDEN", "BasePromptTemplate": "t"}
_DIST55B = {"Region": "eu-west-1"}


def _qna55b(model: str) -> dict[str, Any]:
    return {"Name": "q", "ParentIntentSignature": "AMAZON.QnAIntent", "QnAIntentConfiguration": {
        "BedrockModelConfiguration": {"ModelArn": model}, "DataSourceConfiguration": {}}}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "resources", "extra", "expected"),
    [
        ("EU", _one("AWS::SecurityHub::ConnectorV2", Name="c", Provider={
            "ServiceNow": {"InstanceName": "corp", "SecretArn": "s"}}), {}, {"RES-016"}),
        ("CN", _one("AWS::SecurityHub::ConnectorV2", Name="c", Provider={"JiraCloud": {"ProjectKey": "SEC"}}), {},
         {"RES-016"}),
        ("EU", _one("AWS::SecurityHub::AutomationRuleV2", RuleName="r", Criteria={}, Actions=[
            {"Type": "FINDING_FIELDS_UPDATE"}, {"Type": "EXTERNAL_INTEGRATION"}]), {}, {"RES-016"}),
        ("EU", _one("AWS::SecurityHub::AutomationRuleV2", RuleName="r", Criteria={}, Actions=[
            {"Type": "FINDING_FIELDS_UPDATE", "FindingFieldsUpdate": {"StatusId": 2}}]), {}, set()),
        # a Parameter naming the action type: judged by its AllowedValues, as everywhere.
        ("EU", _one("AWS::SecurityHub::AutomationRuleV2", RuleName="r", Criteria={}, Actions=[{"Type": {"Ref": "A"}}]),
         {"Parameters": {"A": {"Type": "String", "AllowedValues": ["FINDING_FIELDS_UPDATE"]}}}, set()),
        ("EU", _one("AWS::CodeBuild::SourceCredential", AuthType="BASIC_AUTH", ServerType="BITBUCKET", Token="t"), {},
         {"RES-016"}),
        ("JP", _one("AWS::CodeBuild::SourceCredential", AuthType="PERSONAL_ACCESS_TOKEN", ServerType="GITLAB",
                    Token="t"), {}, {"RES-016"}),
        ("EU", _one("AWS::CodeBuild::SourceCredential", AuthType="PERSONAL_ACCESS_TOKEN",
                    ServerType="GITLAB_SELF_MANAGED", Token="t"), {}, set()),
        ("EU", _one("AWS::Bedrock::Prompt", Name="p", Variants=[{
            "Name": "v", "TemplateType": "TEXT", "ModelId": "global.anthropic.claude-sonnet-4-20250514-v1:0"}]), {},
         {"RES-016"}),
        ("US", _one("AWS::Bedrock::Prompt", Name="p", Variants=[{
            "Name": "v", "TemplateType": "TEXT", "ModelId": "us.anthropic.claude-3-haiku-20240307-v1:0"}]), {}, set()),
        ("EU", _one("AWS::Bedrock::Prompt", Name="p", Variants=[{
            "Name": "v", "TemplateType": "TEXT", "ModelId": "anthropic.claude-3-haiku-20240307-v1:0"}]), {}, set()),
        ("EU", _one("AWS::Bedrock::Agent", AgentName="a", FoundationModel="amazon.nova-pro-v1:0",
                    PromptOverrideConfiguration={"PromptConfigurations": [
                        {**_STEP55B, "FoundationModel": f"{_PROFILE55B}us.amazon.nova-pro-v1:0"}]}), {},
         {"RES-016"}),
        ("JP", _one("AWS::Bedrock::Agent", AgentName="a", FoundationModel="amazon.nova-pro-v1:0",
                    PromptOverrideConfiguration={"PromptConfigurations": [
                        {**_STEP55B, "FoundationModel": "jp.amazon.nova-pro-v1:0"}]}), {}, set()),
        ("EU", _one("AWS::Bedrock::KnowledgeBase", Name="k", RoleArn="r", KnowledgeBaseConfiguration={
            "Type": "VECTOR", "VectorKnowledgeBaseConfiguration": {
                "EmbeddingModelArn": f"{_PROFILE55B}global.cohere.embed-v4:0"}}), {}, {"RES-016"}),
        ("EU", _one("AWS::Bedrock::KnowledgeBase", Name="k", RoleArn="r", KnowledgeBaseConfiguration={
            "Type": "VECTOR", "VectorKnowledgeBaseConfiguration": {
                "EmbeddingModelArn": "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-embed-text-v2:0"}}), {},
         set()),
        ("DE", _one("AWS::Lex::Bot", Name="b", RoleArn="r", DataPrivacy={"ChildDirected": False},
                    IdleSessionTTLInSeconds=300, BotLocales=[{"LocaleId": "de_DE", "NluConfidenceThreshold": 0.4,
                    "Intents": [_qna55b(
                        "arn:aws:bedrock:eu-central-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0"
                    )]}]), {},
         {"RES-016"}),
        ("DE", _one("AWS::Lex::Bot", Name="b", RoleArn="r", DataPrivacy={"ChildDirected": False},
                    IdleSessionTTLInSeconds=300, BotLocales=[{"LocaleId": "de_DE", "NluConfidenceThreshold": 0.4,
                    "Intents": [{"Name": "FallbackIntent", "ParentIntentSignature": "AMAZON.FallbackIntent"}]}]), {},
         set()),
        ("EU", _one("AWS::ImageBuilder::DistributionConfiguration", Name="d", Distributions=[{**_DIST55B,
            "AmiDistributionConfiguration": {"LaunchPermissionConfiguration": {"UserGroups": ["all"]}}}]), {},
         {"RES-016"}),
        ("US", _one("AWS::ImageBuilder::DistributionConfiguration", Name="d", Distributions=[{"Region": "us-east-1",
            "AmiDistributionConfiguration": {"LaunchPermissionConfiguration": {
                "OrganizationArns": ["arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5"]}}}]), {},
         {"RES-016"}),
        ("EU", _one("AWS::ImageBuilder::DistributionConfiguration", Name="d", Distributions=[{**_DIST55B,
            "AmiDistributionConfiguration": {"LaunchPermissionConfiguration": {
                "OrganizationalUnitArns": ["arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56"]}}}]),
         {}, {"RES-016"}),
        ("CN", _one("AWS::ImageBuilder::DistributionConfiguration", Name="d", Distributions=[{
            "Region": "cn-north-1", "AmiDistributionConfiguration": {"LaunchPermissionConfiguration": {
                "UserIds": ["210987654321"]}}}]), {}, set()),
    ],
)  # fmt: skip
def test_awsred55b_a_templates_global_service_twins_are_judged_by_type(
    code: str, resources: dict[str, Any], extra: dict[str, Any], expected: set[str]
) -> None:
    # awsred55b: judged as round 28's (a StackSet's template too).
    test_a_templates_global_service_resources_are_judged_by_type(code, resources, extra, expected)


# awsred55b: a data source's parsing and context-enrichment models, and a container's log driver and FireLens output
# judged by name (ECS ContainerDefinitions, a Batch job's ContainerProperties or EcsProperties containers); on main
# b59e64d8 every offending case here passed.
def _ecs55b(logging: dict[str, Any]) -> dict[str, Any]:
    return _one("AWS::ECS::TaskDefinition", Family="f", ContainerDefinitions=[
        {"Name": "r", "Image": "i", "FirelensConfiguration": {"Type": "fluentbit"}},
        {"Name": "a", "Image": "i", "LogConfiguration": logging}])  # fmt: skip


def _batch55b(logging: dict[str, Any]) -> dict[str, Any]:
    return _one("AWS::Batch::JobDefinition", Type="container", EcsProperties={"TaskProperties": [{"Containers": [
        {"Name": "r", "Image": "i", "FirelensConfiguration": {"Type": "fluentbit"}},
        {"Name": "a", "Image": "i", "LogConfiguration": logging}]}]})  # fmt: skip


_ENRICH55B = {"Type": "BEDROCK_FOUNDATION_MODEL", "BedrockFoundationModelConfiguration": {
    "ModelArn": f"{_PROFILE55B}global.anthropic.claude-sonnet-4-20250514-v1:0",
    "EnrichmentStrategyConfiguration": {"Method": "CHUNK_ENTITY_EXTRACTION"}}}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "resources", "expected"),
    [
        ("EU", _one("AWS::Bedrock::DataSource", KnowledgeBaseId="k", Name="d", DataSourceConfiguration={"Type": "S3"},
                    VectorIngestionConfiguration={"ContextEnrichmentConfiguration": _ENRICH55B}), {"RES-016"}),
        ("EU", _one("AWS::Bedrock::DataSource", KnowledgeBaseId="k", Name="d", DataSourceConfiguration={"Type": "S3"},
                    VectorIngestionConfiguration={"ParsingConfiguration": {
                        "ParsingStrategy": "BEDROCK_FOUNDATION_MODEL", "BedrockFoundationModelConfiguration": {
                            "ModelArn": f"{_PROFILE55B}eu.anthropic.claude-3-haiku-20240307-v1:0"}}}), {"RES-016"}),
        ("EU", _one("AWS::Bedrock::DataSource", KnowledgeBaseId="k", Name="d", DataSourceConfiguration={"Type": "S3"},
                    VectorIngestionConfiguration={"ParsingConfiguration": {
                        "ParsingStrategy": "BEDROCK_DATA_AUTOMATION"}}), set()),
        ("EU", _ecs55b({"LogDriver": "awsfirelens", "Options": {"Name": "azure", "Customer_ID": "c"}}), {"RES-016"}),
        ("JP", _ecs55b({"LogDriver": "awsfirelens", "Options": {"Name": "oracle_log_analytics"}}), {"RES-016"}),
        ("EU", _ecs55b({"LogDriver": "awsfirelens", "Options": {"Name": "arvancloud_cloudlogs"}}), {"RES-016"}),
        ("CN", _ecs55b({"LogDriver": "awsfirelens", "Options": {"Name": "bigquery"}}), {"RES-016"}),
        ("EU", _ecs55b({"LogDriver": "awsfirelens", "Options": {
            "Name": "cloudwatch_logs", "region": "eu-west-1", "log_group_name": "g"}}), set()),
        ("EU", _ecs55b({"LogDriver": "logentries", "Options": {"logentries-token": "t"}}), {"RES-016"}),
        ("EU", _ecs55b({"LogDriver": "json-file"}), set()),
        ("EU", _one("AWS::Batch::JobDefinition", Type="container", ContainerProperties={
            "Image": "i", "LogConfiguration": {"LogDriver": "logentries"}}), {"RES-016"}),
        ("EU", _one("AWS::Batch::JobDefinition", Type="container", ContainerProperties={
            "Image": "i", "LogConfiguration": {"LogDriver": "awslogs", "Options": {"awslogs-region": "eu-west-1"}}}),
         set()),
        ("US", _batch55b({"LogDriver": "awsfirelens", "Options": {"Name": "gcs", "bucket": "b"}}), {"RES-016"}),
        ("US", _batch55b({"LogDriver": "logentries"}), {"RES-016"}),
        ("US", _batch55b({"LogDriver": "awsfirelens", "Options": {
            "Name": "kinesis_firehose", "region": "us-east-1", "delivery_stream": "s"}}), set()),
        # an agent's own model and a flow's prompt / knowledge base node models.
        ("EU", _one("AWS::Bedrock::Agent", AgentName="a", FoundationModel="global.amazon.nova-pro-v1:0"), {"RES-016"}),
        ("US", _one("AWS::Bedrock::Agent", AgentName="a", FoundationModel="us.amazon.nova-pro-v1:0"), set()),
        ("EU", _one("AWS::Bedrock::Flow", Name="f", ExecutionRoleArn="r", Definition={"Nodes": [{
            "Name": "k", "Type": "KnowledgeBase", "Configuration": {"KnowledgeBase": {
                "KnowledgeBaseId": "KB1", "ModelId": "eu.anthropic.claude-3-haiku-20240307-v1:0"}}}]}), {"RES-016"}),
        ("JP", _one("AWS::Bedrock::Flow", Name="f", ExecutionRoleArn="r", Definition={"Nodes": [{
            "Name": "p", "Type": "Prompt", "Configuration": {"Prompt": {"SourceConfiguration": {"Inline": {
                "ModelId": "jp.anthropic.claude-3-haiku-20240307-v1:0", "TemplateType": "TEXT"}}}}}]}), set()),
        # an identity pool's social login providers: each value of the map (an engine reading: `*` in a template field).
        ("EU", _one("AWS::Cognito::IdentityPool", AllowUnauthenticatedIdentities=False, SupportedLoginProviders={
            "graph.facebook.com": "7346241598935555", "appleid.apple.com": "com.example.claims"}), {"RES-016"}),
        ("CN", _one("AWS::Cognito::IdentityPool", AllowUnauthenticatedIdentities=False,
                    SupportedLoginProviders={"www.amazon.com": "amzn1.application.1"}), {"RES-016"}),
        # a Json Parameter: unproven, refused as every template_services value it cannot evaluate.
        ("EU", _one("AWS::Cognito::IdentityPool", AllowUnauthenticatedIdentities=False,
                    SupportedLoginProviders={"Ref": "Providers"}), {"RES-016"}),
        ("EU", _one("AWS::Cognito::IdentityPool", AllowUnauthenticatedIdentities=False, SupportedLoginProviders={}),
         set()),
        ("EU", _one("AWS::Cognito::IdentityPool", AllowUnauthenticatedIdentities=False, CognitoIdentityProviders=[
            {"ClientId": "c", "ProviderName": "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc"}]), set()),
    ],
)  # fmt: skip
def test_awsred55b_a_templates_log_outputs_and_ingestion_models_are_judged_by_type(
    code: str, resources: dict[str, Any], expected: set[str]
) -> None:
    # awsred55b: judged as round 28's (a StackSet's template too).
    test_a_templates_global_service_resources_are_judged_by_type(code, resources, {}, expected)


# awsred56 (stop 56): template twins that need a reading round 29 lacked. `unless_set` by the template's own names,
# beside the field (a health check's Regions, a FireLens output's host option, case-insensitive as Fluent Bit reads
# it): set, it decides the destination and is judged itself (RES-009 / RES-015); `default_unless` (an EFS replica's
# destination without Region, AvailabilityZoneName or FileSystemId is "(not stated)"; none written, nothing to judge);
# User Notifications' types (resident only in the US); and a template's own application inference profile as a model
# (template_attributes names: [model]: judged at the profile by its ModelSource). On main 8f0aa679 16 failed / 15
# passed: every new RES-016 case passed (the profile's `global.` source and the Parameter / foreign-attribute models
# were RES-016 already), and the two own-profile models of a Regional source were RES-016.
_CHECK56 = {"Type": "HTTPS", "FullyQualifiedDomainName": "claims.example.com", "Port": 443, "ResourcePath": "/health"}
_PROFILE56 = {
    "Type": "AWS::Bedrock::ApplicationInferenceProfile",
    "Properties": {
        "InferenceProfileName": "p",
        "ModelSource": {"CopyFrom": "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0"},
    },
}


_OAUTH56 = "AWS::BedrockAgentCore::OAuth2CredentialProvider"


def _firelens56(options: dict[str, Any]) -> dict[str, Any]:
    return _one(
        "AWS::ECS::TaskDefinition",
        Family="f",
        ContainerDefinitions=[
            {"Name": "app", "Image": "app", "LogConfiguration": {"LogDriver": "awsfirelens", "Options": options}}
        ],
    )


def _agent56(model: Any, **more: Any) -> dict[str, Any]:
    return {**_one("AWS::Bedrock::Agent", AgentName="a", FoundationModel=model, AgentResourceRoleArn="r"), **more}


@pytest.mark.parametrize(
    ("code", "resources", "extra", "expected"),
    [
        ("EU", _one("AWS::Route53::HealthCheck", HealthCheckConfig=_CHECK56), {}, {"RES-016"}),
        ("CN", _one("AWS::Route53::HealthCheck", HealthCheckConfig={**_CHECK56, "Type": "TCP"}), {}, {"RES-016"}),
        ("EU", _one("AWS::Route53::HealthCheck", HealthCheckConfig={**_CHECK56, "Regions": []}), {}, {"RES-016"}),
        # Regions in one branch only: a condition may leave them out, so the default may apply.
        ("EU", _one("AWS::Route53::HealthCheck", HealthCheckConfig={**_CHECK56, "Regions": {"Fn::If": [
            "Listed", ["eu-west-1", "us-east-1", "ap-northeast-1"], {"Ref": "AWS::NoValue"}]}}),
         {"Parameters": {"Env": {"Type": "String"}},
          "Conditions": {"Listed": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}}},
         {"RES-016", "RES-009"}),
        ("EU", _one("AWS::Route53::HealthCheck", HealthCheckConfig={
            **_CHECK56, "Regions": ["eu-west-1", "us-east-1", "ap-northeast-1"]}), {}, {"RES-009"}),
        ("US", _one("AWS::Route53::HealthCheck", HealthCheckConfig={
            **_CHECK56, "Regions": ["us-east-1", "us-west-1", "us-west-2"]}), {}, set()),
        ("EU", _one("AWS::Route53::HealthCheck", HealthCheckConfig={
            "Type": "CLOUDWATCH_METRIC", "AlarmIdentifier": {"Name": "a", "Region": "eu-west-1"}}), {}, set()),
        ("EU", _one("AWS::EFS::FileSystem", ReplicationConfiguration={"Destinations": [{"KmsKeyId": "k"}]}), {},
         {"RES-016"}),
        ("US", _one("AWS::EFS::FileSystem", ReplicationConfiguration={"Destinations": [{"RoleArn": "r"}]}), {},
         {"RES-016"}),
        ("CN", _one("AWS::EFS::FileSystem", ReplicationConfiguration={"Destinations": [{"KmsKeyId": "k"}]}), {},
         set()),
        ("EU", _one("AWS::EFS::FileSystem", ReplicationConfiguration={"Destinations": [{"Region": "eu-central-1"}]}),
         {}, set()),
        ("EU", _one("AWS::EFS::FileSystem", ReplicationConfiguration={"Destinations": [{"Region": "us-east-1"}]}),
         {}, {"RES-009"}),
        ("EU", _one("AWS::EFS::FileSystem", ReplicationConfiguration={
            "Destinations": [{"AvailabilityZoneName": "eu-central-1a"}]}), {}, set()),
        ("EU", _one("AWS::EFS::FileSystem", Encrypted=True), {}, set()),
        ("EU", _one("AWS::EFS::FileSystem", ReplicationConfiguration={"Destinations": []}), {}, set()),
        ("EU", _firelens56({"Name": "datadog", "apikey": "k"}), {}, {"RES-016"}),
        ("EU", _firelens56({"Name": "datadog", "apikey": "k", "host": "http-intake.logs.datadoghq.eu"}), {},
         {"RES-015"}),
        # a ${VAR} Fluent Bit fills from the router's environment fixes nothing (the Pulumi entry's `fixed`).
        ("EU", _firelens56({"Name": "datadog", "apikey": "k", "Host": "${DD_HOST}"}), {}, {"RES-016"}),
        ("EU", _firelens56({"Name": "logdna", "api_key": "k"}), {}, {"RES-016"}),
        ("EU", _firelens56({"Name": "calyptia", "api_key": "k"}), {}, {"RES-016"}),
        ("EU", _firelens56({"Name": "azure_blob", "account_name": "a", "shared_key": "k"}), {}, {"RES-016"}),
        ("EU", _firelens56({"Name": "nrlogs", "license_key": "k"}), {}, {"RES-016"}),
        ("EU", _firelens56({"Name": "cloudwatch_logs", "region": "eu-west-1", "log_group_name": "g"}), {}, set()),
        ("EU", _one("AWS::Batch::JobDefinition", Type="container", EcsProperties={"TaskProperties": [{"Containers": [
            {"Name": "j", "Image": "i", "LogConfiguration": {"LogDriver": "awsfirelens", "Options": {
                "Name": "datadog", "apikey": "k"}}}]}]}), {}, {"RES-016"}),
        # an AgentCore OAuth2 provider of a built-in vendor; a tenant vendor's issuer (a dotted unless_set) decides.
        ("EU", _one(_OAUTH56, Name="g", CredentialProviderVendor="GoogleOauth2",
                    Oauth2ProviderConfigInput={"GoogleOauth2ProviderConfig": {"ClientId": "c", "ClientSecret": "s"}}),
         {}, {"RES-016"}),
        ("EU", _one(_OAUTH56, Name="o", CredentialProviderVendor="OktaOauth2",
                    Oauth2ProviderConfigInput={"IncludedOauth2ProviderConfig": {"ClientId": "c", "ClientSecret": "s"}}),
         {}, {"RES-016"}),
        ("EU", _one(_OAUTH56, Name="o", CredentialProviderVendor="CognitoOauth2",
                    Oauth2ProviderConfigInput={"IncludedOauth2ProviderConfig": {
                        "ClientId": "c", "ClientSecret": "s",
                        "Issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc"}}), {}, set()),
        ("EU", _one(_OAUTH56, Name="c", CredentialProviderVendor="CustomOauth2",
                    Oauth2ProviderConfigInput={"CustomOauth2ProviderConfig": {"ClientId": "c", "ClientSecret": "s",
                        "OauthDiscovery": {"DiscoveryUrl": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/"
                                                           ".well-known/openid-configuration"}}}), {}, set()),
        ("EU", _one("AWS::Notifications::NotificationConfiguration", Name="n", Description="d"), {}, {"RES-016"}),
        ("CN", _one("AWS::Notifications::EventRule", NotificationConfigurationArn="c", Source="aws.cloudwatch",
                    EventType="CloudWatch Alarm State Change", Regions=["cn-north-1"]), {}, {"RES-016"}),
        ("US", _one("AWS::Notifications::NotificationHub", Region="us-west-2"), {}, set()),
        ("EU", _agent56({"Fn::GetAtt": ["Profile", "InferenceProfileArn"]}, Profile=_PROFILE56), {}, set()),
        ("EU", _agent56({"Ref": "Profile"}, Profile=_PROFILE56), {}, set()),
        ("EU", _agent56({"Fn::GetAtt": ["Profile", "InferenceProfileArn"]}, Profile={**_PROFILE56, "Properties": {
            "InferenceProfileName": "p", "ModelSource": {"CopyFrom": f"{_PROFILE55B}global.amazon.nova-pro-v1:0"}}}),
         {}, {"RES-016"}),
        # another resource's attribute, or a Parameter: unproven, as before.
        ("EU", _agent56({"Fn::GetAtt": ["Fn", "Arn"]}, Fn={"Type": "AWS::Lambda::Function", "Properties": {}}), {},
         {"RES-016"}),
        ("EU", _agent56({"Ref": "Model"}), {"Parameters": {"Model": {"Type": "String"}}}, {"RES-016"}),
    ],
)  # fmt: skip
def test_awsred56_templates_read_unless_set_defaults_and_own_models(
    code: str, resources: dict[str, Any], extra: dict[str, Any], expected: set[str]
) -> None:
    test_a_templates_global_service_resources_are_judged_by_type(code, resources, extra, expected)


def test_awsred56_a_template_model_attribute_is_judged_at_its_resource() -> None:
    # awsred56 (stop 56): a Ref / Fn::GetAtt catalogued as a model (template_attributes names: [model]) is proven only
    # because the resource's own routing is judged at it: its type needs a template_services field entry.
    judged = {kind for t in ENDPOINTS.template_services if t.field is not None for kind in t.types}
    models = {a.type for a in ENDPOINTS.template_attributes if "model" in a.names}
    assert models == {"AWS::Bedrock::ApplicationInferenceProfile"}
    assert models <= judged


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        # without the template's names of the entry's exceptions, a health check with its Regions would be refused.
        ({"service": "aws-route53-health-check-all-regions", "types": ["AWS::Route53::HealthCheck"],
          "field": "HealthCheckConfig.Type"}, "unless_set is given exactly"),
        ({"service": "aws-efs-replica-region-unstated", "types": ["AWS::EFS::FileSystem"],
          "field": "ReplicationConfiguration.Destinations.Region",
          "defaults": {"AWS::EFS::FileSystem": "(not stated)"}},
         "default_unless is given exactly"),
        ({"service": "aws-s3-transfer-acceleration", "types": ["AWS::S3::Bucket"],
          "field": "AccelerateConfiguration.AccelerationStatus", "unless_set": ["X"]}, "unless_set is given exactly"),
        # awsred56b (stop 56): when_set is read in templates now, given exactly when the service has it (was "when_set
        # is not read"): without it every output of the refused names would be refused, its host set or not.
        ({"service": "fluent-bit-aws-output-region-from-environment", "types": ["AWS::ECS::TaskDefinition"],
          "field": "ContainerDefinitions.LogConfiguration.Options.Name", "unless_set": ["region"]},
         "when_set is given exactly"),
        ({"service": "firelens-elastic-cloud-id", "types": ["AWS::ECS::TaskDefinition"],
          "field": "ContainerDefinitions.LogConfiguration.Options.Name"}, "when_set is given exactly"),
        ({"service": "aws-s3-transfer-acceleration", "types": ["AWS::S3::Bucket"],
          "field": "AccelerateConfiguration.AccelerationStatus", "when_set": ["X"]}, "when_set is given exactly"),
    ],
)  # fmt: skip
def test_awsred56_a_template_service_reads_the_entrys_exceptions(entry: dict[str, Any], message: str) -> None:
    # awsred56 (stop 56): a template entry names the Pulumi entry's unless_set / default_unless inputs by its own names,
    # exactly when the service has them; when_set is still not read in templates.
    from components.residency.endpoints import EndpointCatalogue

    raw = ENDPOINTS.model_dump()
    raw["template_services"] = [{**entry, "sources": ["x"]}]
    with pytest.raises(ValueError, match=message):
        EndpointCatalogue.model_validate(raw)


# awsred56b (stop 56): an EFS file system's replication destination naming an existing file system by FileSystemId is
# the Pulumi efs/replicationConfiguration `destination.file_system_id` (stack_templates resources `paths`): a bare id is
# RES-017 unless the template makes the file system (Ref), a Region / zone beside it places it, or it is an ARN; it
# passed every door in a template before.
_EFS56B = "fs-0f9e8d7c6b5a49382"


def _efs56b(destination: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"R": {"Type": "AWS::EFS::FileSystem", "Properties": {
        "Encrypted": True, "ReplicationConfiguration": {"Destinations": [destination]}}}, **more}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "resources", "extra", "expected"),
    [
        ("EU", _efs56b({"FileSystemId": _EFS56B}), {}, {"RES-017"}),
        ("US", _efs56b({"FileSystemId": _EFS56B, "KmsKeyId": "alias/aws/elasticfilesystem"}), {}, {"RES-017"}),
        # aws-cn is wholly in China: a bare id of the partition passes there, as the Pulumi twin's.
        ("CN", _efs56b({"FileSystemId": _EFS56B}), {}, set()),
        ("EU", _efs56b({"FileSystemId": _EFS56B, "Region": "eu-central-1"}), {}, set()),
        ("EU", _efs56b({"FileSystemId": _EFS56B, "Region": "us-east-1"}), {}, {"RES-009"}),
        ("EU", _efs56b({"FileSystemId": _EFS56B, "AvailabilityZoneName": "eu-central-1b"}), {}, set()),
        ("EU", _efs56b({"FileSystemId": _EFS56B, "AvailabilityZoneName": "us-east-1a"}), {}, {"RES-008"}),
        ("EU", _efs56b({"FileSystemId": _EFS_ARN.format("eu-central-1")}), {}, set()),
        ("EU", _efs56b({"FileSystemId": _EFS_ARN.format("us-east-1")}), {}, {"RES-004"}),
        # The template's own file system (Ref gives its id) is proven; a Parameter's is not.
        ("EU", _efs56b({"FileSystemId": {"Ref": "Replica"}},
                       Replica={"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": True}}), {}, set()),
        ("EU", _efs56b({"FileSystemId": {"Ref": "Target"}}), {"Parameters": {"Target": {"Type": "String"}}},
         {"RES-017"}),
        # A Region beside a Parameter's id places it, as beside a literal (RES-017 before this round's engine change).
        ("EU", _efs56b({"FileSystemId": {"Ref": "Target"}, "Region": "eu-west-1"}),
         {"Parameters": {"Target": {"Type": "String"}}}, set()),
        ("EU", _efs56b({"FileSystemId": {"Ref": "Target"}, "Region": "us-east-1"}),
         {"Parameters": {"Target": {"Type": "String"}}}, {"RES-009"}),
        ("EU", _efs56b({"FileSystemId": {"Ref": "Target"}}),
         {"Parameters": {"Target": {"Type": "String", "Default": _EFS56B}}}, {"RES-017"}),
        ("EU", _efs56b({"FileSystemId": {"Fn::GetAtt": ["Replica", "FileSystemId"]}},
                       Replica={"Type": "AWS::EFS::FileSystem", "Properties": {"Encrypted": True}}), {}, set()),
    ],
)  # fmt: skip
def test_awsred56b_a_template_efs_replica_to_an_existing_file_system_is_placed(
    code: str, resources: dict[str, Any], extra: dict[str, Any], expected: set[str]
) -> None:
    test_a_templates_global_service_resources_are_judged_by_type(code, resources, extra, expected)


# awsred56b (stop 56): a template entry's when_set (firelens-elastic-cloud-id's Cloud_ID) is read: an es output with a
# Cloud_ID (or one that may have it) is RES-016 as the Pulumi twin; without one the output's Host is judged as a host.
# config64 (stop 64): an id that decodes is judged as the Elastic Cloud host it names (RES-015), not by the entry.
_ELASTIC56B = "claims:ZXUtY2VudHJhbC0xLmF3cy5jbG91ZC5lcy5pbyQxMjM0JDU2Nzg="


@pytest.mark.parametrize(
    ("code", "options", "extra", "expected"),
    [
        ("EU", {"Name": "es", "Cloud_ID": _ELASTIC56B, "Cloud_Auth": "u:p"}, {}, {"RES-015"}),
        ("US", {"Name": "elasticsearch", "cloud_id": _ELASTIC56B}, {}, {"RES-015"}),
        ("CN", {"Name": "es", "Cloud_ID": _ELASTIC56B}, {}, {"RES-015"}),
        # An id from the router's environment is still Elastic Cloud's.
        ("EU", {"Name": "es", "Cloud_ID": "${ELASTIC_CLOUD_ID}"}, {}, {"RES-016"}),
        # A condition that may set it: refused (fail closed); one that may not set it on either branch: not.
        # config64: (a decoding id behind a condition is refused too: RES-015 by its host in a stack, RES-016 by the
        # entry in a StackSet's template; test_config64_a_template_s_conditional_cloud_id)
        ("EU", {"Name": "es", "Cloud_ID": {"Fn::If": ["Hosted", "${ELASTIC_CLOUD_ID}", {"Ref": "AWS::NoValue"}]}},
         {"Conditions": {"Hosted": {"Fn::Equals": ["a", "a"]}}}, {"RES-016"}),
        ("EU", {"Name": "es", "Cloud_ID": {"Ref": "AWS::NoValue"}, "Host": "10.0.1.20"}, {}, set()),
        # Without a Cloud_ID: the Host is judged as a host (an OpenSearch domain of the Region passes, another is
        # RES-015 until declared); another output name is not this entry's.
        ("EU", {"Name": "es", "Host": "vpc-claims-abc123.eu-central-1.es.amazonaws.com", "Port": "443"}, {}, set()),
        ("EU", {"Name": "es", "Host": "claims.es.partner.example.com", "Port": "443"}, {}, {"RES-015"}),
        ("EU", {"Name": "cloudwatch_logs", "region": "eu-central-1", "log_group_name": "g", "cloud_id": "x"}, {},
         set()),
    ],
)  # fmt: skip
def test_awsred56b_a_template_reads_the_entrys_when_set(
    code: str, options: dict[str, Any], extra: dict[str, Any], expected: set[str]
) -> None:
    test_a_templates_global_service_resources_are_judged_by_type(code, _firelens56(options), extra, expected)


# awsred56b (stop 56): a custom AgentCore memory strategy's override ModelId (each step's) is the Pulumi strategy's
# `*.model_id` (aws-bedrock-cross-region-nested-model): a cross-region profile is RES-016 outside its resident
# geography; a model of the Region, a self-managed strategy (no model) pass. It passed every door in a template before.
def _memory56b(configuration: dict[str, Any]) -> dict[str, Any]:
    strategy = {"CustomMemoryStrategy": {"Name": "c", "Configuration": configuration}}
    return _one("AWS::BedrockAgentCore::Memory", Name="m", EventExpiryDuration=30, MemoryStrategies=[strategy])


@pytest.mark.parametrize(
    ("code", "configuration", "expected"),
    [
        ("EU", {"SemanticOverride": {"Extraction": {"ModelId": "global.amazon.nova-pro-v1:0", "AppendToPrompt": "x"}}},
         {"RES-016"}),
        ("DE", {"SummaryOverride": {"Consolidation": {"ModelId": "eu.amazon.nova-pro-v1:0", "AppendToPrompt": "x"}}},
         {"RES-016"}),
        ("US", {"EpisodicOverride": {"Reflection": {"ModelId": "global.amazon.nova-pro-v1:0", "AppendToPrompt": "x"}}},
         {"RES-016"}),
        ("US", {"UserPreferenceOverride": {"Extraction": {"ModelId": "us.amazon.nova-pro-v1:0",
                                                          "AppendToPrompt": "x"}}}, set()),
        ("JP", {"SemanticOverride": {"Extraction": {"ModelId": "jp.amazon.nova-pro-v1:0", "AppendToPrompt": "x"}}},
         set()),
        ("EU", {"SemanticOverride": {"Extraction": {"ModelId": "amazon.nova-pro-v1:0", "AppendToPrompt": "x"}}}, set()),
        ("EU", {"SelfManagedConfiguration": {"HistoricalContextWindowSize": 4, "TriggerConditions": [
            {"MessageBasedTrigger": {"MessageCount": 5}}]}}, set()),
    ],
)  # fmt: skip
def test_awsred56b_a_template_memory_override_model_is_judged(
    code: str, configuration: dict[str, Any], expected: set[str]
) -> None:
    test_a_templates_global_service_resources_are_judged_by_type(code, _memory56b(configuration), {}, expected)


@pytest.mark.parametrize(
    ("code", "strategies", "expected"),
    [
        ("EU", [{"SemanticMemoryStrategy": {"Name": "facts", "Namespaces": ["/facts/{actorId}"]}}], {"RES-016"}),
        ("JP", [{"SummaryMemoryStrategy": {"Name": "s"}}, {"UserPreferenceMemoryStrategy": {"Name": "p"}}],
         {"RES-016"}),
        ("CN", [{"EpisodicMemoryStrategy": {"Name": "e"}}], {"RES-016"}),
        ("US", [{"SemanticMemoryStrategy": {"Name": "facts"}}], set()),
        # a custom strategy (its own models, no cross-region inference), or short-term memory only: nothing refused.
        ("EU", [{"CustomMemoryStrategy": {"Name": "c", "Configuration": {"SemanticOverride": {"Extraction": {
            "ModelId": "amazon.nova-pro-v1:0", "AppendToPrompt": "p"}}}}}], set()),
        ("EU", None, set()),
        # a strategy key the catalogue does not list (one the service adds later): unproven.
        ("EU", [{"ReflectiveMemoryStrategy": {"Name": "r"}}], {"RES-016"}),
        ("EU", {"Ref": "Strategies"}, {"RES-016"}),
    ],
)  # fmt: skip
def test_awsred56_a_template_memory_strategy_is_named_by_its_key(
    code: str, strategies: Any, expected: set[str]
) -> None:
    # awsred56 (stop 56): an AgentCore memory's built-in strategy in a template is the key of its MemoryStrategy
    # (`keys`: SemanticMemoryStrategy -> the Pulumi strategy's `type` SEMANTIC), judged by
    # aws-agentcore-memory-builtin-strategy (resident only in the US); on main 8f0aa679 every RES-016 case passed.
    props: dict[str, Any] = {"Name": "claims_memory", "EventExpiryDuration": 30}
    if strategies is not None:
        props["MemoryStrategies"] = strategies
    extra = {"Parameters": {"Strategies": {"Type": "String"}}} if isinstance(strategies, dict) else {}
    test_a_templates_global_service_resources_are_judged_by_type(
        code, _one("AWS::BedrockAgentCore::Memory", **props), extra, expected
    )


# awsred57 (stop 57): template twins of destination_fields, each the Pulumi input of the same API call (stack_templates
# `resources`): a partner's host, public address or mailbox is RES-015 in a template as in Pulumi (each passed every
# door on main 44bcf26a), the VPC's own address, the Region's hosts and a declared partner pass. A DataSync
# object-storage location's BucketName is the self-managed server's bucket (server_buckets), no S3 bucket (RES-017 on
# main, a false alarm the Pulumi twin did not raise).
_P57 = "partner.example.com"
_ELB57 = "internal-claims-api-1234567890.eu-central-1.elb.amazonaws.com"
_TWINS57: list[tuple[str, Callable[[Any], dict[str, Any]], Any, Any]] = [
    ("AWS::VpcLattice::ResourceConfiguration",
     lambda v: {"ResourceConfigurationDefinition": {"DnsResource": {"DomainName": v, "IpAddressType": "IPV4"}}},
     "claims.cluster-c1a2b3.eu-central-1.rds.amazonaws.com", f"db.{_P57}"),
    ("AWS::VpcLattice::ResourceConfiguration", lambda v: {"ResourceConfigurationDefinition": {"IpResource": v}},
     "10.20.1.15", "203.0.113.25"),
    ("AWS::DataSync::LocationObjectStorage",
     lambda v: {"ServerHostname": v, "BucketName": "claims-archive", "ServerProtocol": "HTTPS"},
     "10.20.1.15", f"objects.{_P57}"),
    ("AWS::EC2::CustomerGateway", lambda v: {"BgpAsn": 65010, "IpAddress": v, "Type": "ipsec.1"},
     "10.30.0.1", "203.0.113.25"),
    ("AWS::EC2::TransitGatewayConnectPeer",
     lambda v: {"TransitGatewayAttachmentId": "tgw-attach-1", "ConnectPeerConfiguration": {
         "PeerAddress": v, "InsideCidrBlocks": ["169.254.6.0/29"]}}, "10.20.9.10", "203.0.113.25"),
    ("AWS::NetworkManager::ConnectPeer", lambda v: {"ConnectAttachmentId": "a", "PeerAddress": v},
     "10.20.9.10", "203.0.113.25"),
    ("AWS::Route53Resolver::FirewallRuleGroup", lambda v: {"FirewallRules": [{
        "FirewallDomainListId": "rslvr-fdl-1", "Priority": 1, "Action": "BLOCK", "BlockResponse": "OVERRIDE",
        "BlockOverrideDomain": v, "BlockOverrideDnsType": "CNAME", "BlockOverrideTtl": 60}]}, _ELB57, f"sink.{_P57}"),
    ("AWS::ApiGateway::Stage", lambda v: {"RestApiId": "a", "StageName": "prod", "Variables": {"backend": v}},
     _ELB57, f"api.{_P57}"),
    ("AWS::ApiGateway::Stage", lambda v: {"RestApiId": "a", "StageName": "prod", "CanarySetting": {
        "PercentTraffic": 10, "StageVariableOverrides": {"backend": v}}}, _ELB57, f"api.{_P57}"),
    ("AWS::ApiGateway::Deployment", lambda v: {"RestApiId": "a", "StageName": "prod",
                                               "StageDescription": {"Variables": {"backend": v}}},
     _ELB57, f"api.{_P57}"),
    ("AWS::ApiGateway::Deployment", lambda v: {"RestApiId": "a", "StageName": "prod", "StageDescription": {
        "CanarySetting": {"PercentTraffic": 10, "StageVariableOverrides": {"backend": v}}}}, _ELB57, f"api.{_P57}"),
    ("AWS::ApiGatewayV2::Stage", lambda v: {"ApiId": "a", "StageName": "prod", "StageVariables": {"backend": v}},
     _ELB57, f"api.{_P57}"),
    ("AWS::S3::Bucket", lambda v: {"WebsiteConfiguration": {"RedirectAllRequestsTo": {"HostName": v}}},
     _ELB57, f"www.{_P57}"),
    ("AWS::S3::Bucket", lambda v: {"WebsiteConfiguration": {"RoutingRules": [{"RedirectRule": {"HostName": v}}]}},
     _ELB57, f"www.{_P57}"),
    ("AWS::QuickSight::VPCConnection", lambda v: {"VPCConnectionId": "v", "DnsResolvers": [v]},
     "10.20.0.2", "8.8.8.8"),
    ("AWS::AmazonMQ::Broker", lambda v: {"BrokerName": "b", "LdapServerMetadata": {"Hosts": [v]}},
     "10.20.3.10", f"ldap.{_P57}"),
    ("AWS::ServiceDiscovery::Instance", lambda v: {"ServiceId": "srv-1", "InstanceAttributes": {
        "AWS_INSTANCE_IPV4" if v[0].isdigit() else "AWS_INSTANCE_CNAME": v}}, "10.20.1.15", f"db.{_P57}"),
    ("AWS::ServiceDiscovery::Instance", lambda v: {"ServiceId": "srv-1", "InstanceAttributes": {
        "AWS_INSTANCE_IPV6": v}}, "fd00:20::15", "2001:db8::25"),
    ("AWS::MSK::Replicator", lambda v: {"KafkaClusters": [{"ApacheKafkaCluster": {
        "ApacheKafkaClusterId": "c", "BootstrapBrokerString": v}}]}, "10.20.4.11:9092", f"kafka.{_P57}:9092"),
    # Mailboxes: no address is placed by anything but a declaration of its domain (the compliant twin below).
    ("AWS::Organizations::Account", lambda v: {"AccountName": "a", "Email": v}, None, f"ops@{_P57}"),
    ("AWS::NotificationsContacts::EmailContact", lambda v: {"Name": "ops", "EmailAddress": v}, None, f"ops@{_P57}"),
    ("AWS::Shield::ProactiveEngagement", lambda v: {"EmergencyContactList": [{
        "EmailAddress": v, "PhoneNumber": "+49 30 5550100"}]}, None, f"ops@{_P57}"),
    ("AWS::Connect::User", lambda v: {"Username": "u", "IdentityInfo": {"Email": v}}, None, f"ops@{_P57}"),
    ("AWS::Connect::User", lambda v: {"Username": "u", "IdentityInfo": {"SecondaryEmail": v}}, None, f"ops@{_P57}"),
    ("AWS::Budgets::Budget", lambda v: {"NotificationsWithSubscribers": [{"Subscribers": [
        {"SubscriptionType": "EMAIL", "Address": v}]}]}, None, f"ops@{_P57}"),
    ("AWS::ODB::CloudExadataInfrastructure", lambda v: {"CustomerContactsToSendToOCI": [{"Email": v}]}, None,
     f"ops@{_P57}"),
    ("AWS::Lightsail::Domain", lambda v: {"DomainName": "fleet.example", "DomainEntries": [
        {"Name": "www.fleet.example", "Type": "A", "Target": v}]}, "10.20.1.15", "203.0.113.25"),
    ("AWS::Route53::RecordSet", lambda v: {"Name": "www.fleet.example", "Type": "A", "AliasTarget": {
        "DNSName": v, "HostedZoneId": "Z2"}}, "dualstack.claims-123.eu-central-1.elb.amazonaws.com", f"www.{_P57}"),
    ("AWS::Route53::RecordSetGroup", lambda v: {"RecordSets": [{"Name": "www.fleet.example", "Type": "A",
                                                                "AliasTarget": {"DNSName": v, "HostedZoneId": "Z2"}}]},
     "dualstack.claims-123.eu-central-1.elb.amazonaws.com", f"www.{_P57}"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "integrations", "expected"),
    [
        ("EU", [{"PagerDutyConfiguration": {"Name": "pd", "SecretId": "s",
                                            "PagerDutyIncidentConfiguration": {"ServiceId": "PABC123"}}}], {"RES-016"}),
        ("CN", [{"PagerDutyConfiguration": {"Name": "pd", "SecretId": "s",
                                            "PagerDutyIncidentConfiguration": {"ServiceId": "PABC123"}}}], {"RES-016"}),
        ("EU", None, set()),
    ],
)  # fmt: skip
def test_awsred57_a_template_response_plan_with_pagerduty_is_judged_by_the_entry(
    code: str, integrations: Any, expected: set[str]
) -> None:
    # awsred57 (stop 57): an Incident Manager response plan's PagerDuty service in a template is the Pulumi plan's
    # `integration.pagerduties.service_id` (aws-incident-manager-pagerduty, RES-016 until declared); it passed every
    # door in a template on main 44bcf26a. A plan without an integration passes.
    props: dict[str, Any] = {"Name": "r", "IncidentTemplate": {"Title": "t", "Impact": 3}}
    if integrations is not None:
        props["Integrations"] = integrations
    test_a_templates_global_service_resources_are_judged_by_type(
        code, _one("AWS::SSMIncidents::ResponsePlan", **props), {}, expected
    )


@pytest.mark.parametrize(
    ("kind", "props", "home", "partner"), _TWINS57, ids=[f"{t[0]}-{i}" for i, t in enumerate(_TWINS57)]
)
def test_awsred57_a_templates_destination_field_is_judged_as_its_pulumi_twin(
    kind: str, props: Callable[[Any], dict[str, Any]], home: Any, partner: Any
) -> None:
    def findings(value: Any, destinations: tuple[Destination, ...] = ()) -> list[tuple[str, str | None]]:
        body = json.dumps({"Resources": {"X": {"Type": kind, "Properties": props(value)}}})
        subject = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": body}, provider("DE"))
        return [(f.rule.id, f.declared_by) for f in RuleEngine("DE", destinations=destinations).check(subject)[0]]

    if home is not None:
        assert findings(home) == []
    assert findings(partner) == [("RES-015", None)]
    match = partner.split("@")[-1].rsplit(":", 1)[0] if "." in partner else partner
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": match, "evidence": "the partner's site"}])
    assert findings(partner, tuple(declared)) == [("RES-015", "p")]


# awsred57b (stop 57): each Alibaba Cloud destination field's ROS twin (stack_templates `resources`), one ROS resource
# in a ros.Stack: RES-015 at a partner's host, address or mailbox (each passed every door before), passing at the
# VPC's private address or the region's own host, and passing once the partner is declared. The SPF record (a TXT
# record naming senders) passes as the Pulumi record does: its own Type makes its value no destination.
_P57B = "fleet-partner.example.com"
_TWINS57B: list[tuple[str, Callable[[Any], dict[str, Any]], Any, Any]] = [
    ("ALIYUN::DNS::DomainRecord",
     lambda v: {"DomainName": "fleet.example.cn", "RR": "docs", "Type": "CNAME", "Value": v},
     "fleet-docs.oss-cn-shanghai.aliyuncs.com", f"docs.{_P57B}"),
    ("ALIYUN::PVTZ::ZoneRecord", lambda v: {"ZoneId": "z1", "Rr": "db", "Type": "A", "Value": v},
     "10.20.1.15", "203.0.113.47"),
    ("ALIYUN::VPC::CustomerGateway", lambda v: {"IpAddress": v, "Asn": 65010}, "10.30.0.1", "203.0.113.47"),
    ("ALIYUN::BastionHost::Host",
     lambda v: {"InstanceId": "bastionhost-cn-1", "HostName": "scada", "Source": "Local", "OSType": "Linux",
                "HostPrivateAddress": v},
     "10.20.1.15", f"scada.{_P57B}"),
    ("ALIYUN::BastionHost::Host",
     lambda v: {"InstanceId": "bastionhost-cn-1", "HostName": "scada", "Source": "Local", "OSType": "Linux",
                "ActiveAddressType": "Public", "HostPublicAddress": v},
     None, "203.0.113.47"),
    ("ALIYUN::ECI::ContainerGroup",
     lambda v: {"ContainerGroupName": "w", "HostAliase": [{"Ip": v, "Hostname": ["db.internal"]}]},
     "10.20.1.15", "203.0.113.47"),
    ("ALIYUN::ESS::EciScalingConfiguration",
     lambda v: {"ScalingGroupId": "asg-1", "HostAliases": [{"Ip": v, "Hostnames": ["db.internal"]}]},
     "10.20.1.15", "203.0.113.47"),
    ("ALIYUN::ALB::BackendServerAttachment",
     lambda v: {"ServerGroupId": "sgp-1", "Servers": [{"ServerType": "Ip", "ServerId": v, "ServerIp": v, "Port": 80,
                                                        "RemoteIpEnabled": True}]},
     "10.20.1.15", "203.0.113.47"),
    ("ALIYUN::WAF::Domain", lambda v: {"InstanceId": "waf-1", "DomainName": "shop.fleet.example.cn", "SourceIps": [v]},
     "10.20.1.15", "203.0.113.47"),
    ("ALIYUN::EHPC::Cluster", lambda v: {"Name": "hpc", "VolumeType": "nas", "VolumeMountpoint": v},
     "10.20.5.20", f"nfs.{_P57B}"),
    ("ALIYUN::EHPC::Cluster",
     lambda v: {"Name": "hpc", "AdditionalVolumes": [{"VolumeType": "nas", "VolumeMountpoint": v}]},
     "10.20.5.20", f"nfs.{_P57B}"),
    ("ALIYUN::CMS::Contact", lambda v: {"ContactName": "oncall", "Describe": "on-call", "Channels": {"Mail": v}},
     None, f"oncall@{_P57B}"),
    ("ALIYUN::ARMS::AlertContact", lambda v: {"ContactName": "oncall", "Email": v}, None, f"oncall@{_P57B}"),
    ("ALIYUN::ResourceManager::MessageContact",
     lambda v: {"MessageContactName": "finance", "EmailAddress": v, "MessageTypes": ["AccountExpenses"]},
     None, f"finance@{_P57B}"),
]  # fmt: skip


def _ros_findings(
    kind: str, props: dict[str, Any], destinations: tuple[Destination, ...] = ()
) -> list[tuple[str, str | None]]:
    resources = {"X": {"Type": kind, "Properties": props}}
    body = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Resources": resources})
    subject = Subject("alicloud:ros/stack:Stack", "s", {"template_body": body}, provider("CN", "alicloud"))
    return [(f.rule.id, f.declared_by) for f in RuleEngine("CN", destinations=destinations).check(subject)[0]]


@pytest.mark.parametrize(
    ("kind", "props", "home", "partner"), _TWINS57B, ids=[f"{t[0]}-{i}" for i, t in enumerate(_TWINS57B)]
)
def test_awsred57b_a_ros_destination_field_is_judged_as_its_pulumi_twin(
    kind: str, props: Callable[[Any], dict[str, Any]], home: Any, partner: Any
) -> None:
    if home is not None:
        assert _ros_findings(kind, props(home)) == []
    assert _ros_findings(kind, props(partner)) == [("RES-015", None)]
    match = partner.split("@")[-1]
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": match, "evidence": "the partner's site"}])
    assert _ros_findings(kind, props(partner), tuple(declared)) == [("RES-015", "p")]


@pytest.mark.parametrize("record_type", ["TXT", "CAA"])
def test_awsred57b_a_ros_record_of_no_destination_type_stays_unjudged(record_type: str) -> None:
    value = {"TXT": f"v=spf1 include:spf.{_P57B} include:spf1.dm.aliyun.com -all",
             "CAA": '0 issue "letsencrypt.org"'}[record_type]  # fmt: skip
    record = {"DomainName": "fleet.example.cn", "RR": "@", "Type": record_type, "Value": value}
    assert _ros_findings("ALIYUN::DNS::DomainRecord", record) == []
    # the same record's CNAME twin sends its resolvers there: judged
    cname = {**record, "RR": "mail", "Type": "CNAME", "Value": f"mail.{_P57B}"}
    assert _ros_findings("ALIYUN::DNS::DomainRecord", cname) == [("RES-015", None)]


# awsred58 (stop 58): each granted_account_fields type's CloudFormation twin (stack_templates `resources`), one
# resource in a cloudformation.Stack: another account is RES-023 as on the Pulumi twin (each passed every door in a
# template on main 38135ba4), the template's own account (`Ref AWS::AccountId`, an `Fn::Sub` ARN of it) and the
# provider's pinned account pass, and so does the partner once declared; an aws-cn account is China's by its partition.
_A58 = "444455556666"
_OWN_ROLE58 = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ops"}
_ACCOUNTS58: list[tuple[str, Callable[[Any], dict[str, Any]], str, Callable[[Any], dict[str, Any]], Any, str]] = [
    # (template type, its properties given the value, Pulumi type, its inputs given the value, own value, partner)
    ("AWS::EKS::AccessEntry", lambda v: {"ClusterName": "c", "PrincipalArn": v, "Type": "STANDARD"},
     "aws:eks/accessEntry:AccessEntry", lambda v: {"cluster_name": "c", "principal_arn": v},
     _OWN_ROLE58, f"arn:aws:iam::{_A58}:role/ops"),
    ("AWS::EC2::VPCEndpointServicePermissions", lambda v: {"ServiceId": "vpce-svc-1", "AllowedPrincipals": [v]},
     "aws:ec2/vpcEndpointService:VpcEndpointService",
     lambda v: {"acceptance_required": True, "allowed_principals": [v]},
     {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}, f"arn:aws:iam::{_A58}:root"),
    ("AWS::S3::AccessGrant",
     lambda v: {"AccessGrantsLocationId": "default", "Permission": "READ",
                "Grantee": {"GranteeType": "IAM", "GranteeIdentifier": v}},
     "aws:s3control/accessGrant:AccessGrant",
     lambda v: {"access_grants_location_id": "default", "permission": "READ",
                "grantee": {"grantee_type": "IAM", "grantee_identifier": v}},
     _OWN_ROLE58, f"arn:aws:iam::{_A58}:role/ops"),
    ("AWS::Redshift::EndpointAuthorization", lambda v: {"ClusterIdentifier": "dw", "Account": v},
     "aws:redshift/endpointAuthorization:EndpointAuthorization", lambda v: {"cluster_identifier": "dw", "account": v},
     {"Ref": "AWS::AccountId"}, _A58),
    ("AWS::VpcLattice::ServiceNetworkServiceAssociation",
     lambda v: {"ServiceIdentifier": "svc-1", "ServiceNetworkIdentifier": v},
     "aws:vpclattice/serviceNetworkServiceAssociation:ServiceNetworkServiceAssociation",
     lambda v: {"service_identifier": "svc-1", "service_network_identifier": v},
     {"Fn::Sub": "arn:${AWS::Partition}:vpc-lattice:${AWS::Region}:${AWS::AccountId}:servicenetwork/sn-1"},
     f"arn:aws:vpc-lattice:eu-central-1:{_A58}:servicenetwork/sn-1"),
    ("AWS::VpcLattice::ServiceNetworkResourceAssociation",
     lambda v: {"ResourceConfigurationId": "rcfg-1", "ServiceNetworkId": v},
     "aws:vpclattice/serviceNetworkResourceAssociation:ServiceNetworkResourceAssociation",
     lambda v: {"resource_configuration_identifier": "rcfg-1", "service_network_identifier": v},
     {"Fn::Sub": "arn:${AWS::Partition}:vpc-lattice:${AWS::Region}:${AWS::AccountId}:servicenetwork/sn-1"},
     f"arn:aws:vpc-lattice:eu-central-1:{_A58}:servicenetwork/sn-1"),
    ("AWS::GuardDuty::Master", lambda v: {"DetectorId": "d1", "MasterId": v, "InvitationId": "i1"},
     "aws:guardduty/inviteAccepter:InviteAccepter", lambda v: {"detector_id": "d1", "master_account_id": v},
     {"Ref": "AWS::AccountId"}, _A58),
    ("AWS::SecurityHub::DelegatedAdmin", lambda v: {"AdminAccountId": v},
     "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount", lambda v: {"admin_account_id": v},
     {"Ref": "AWS::AccountId"}, _A58),
    ("AWS::Detective::OrganizationAdmin", lambda v: {"AccountId": v},
     "aws:detective/organizationAdminAccount:OrganizationAdminAccount", lambda v: {"account_id": v},
     {"Ref": "AWS::AccountId"}, _A58),
    ("AWS::Config::AggregationAuthorization",
     lambda v: {"AuthorizedAccountId": v, "AuthorizedAwsRegion": "eu-central-1"},
     "aws:cfg/aggregateAuthorization:AggregateAuthorization",
     lambda v: {"account_id": v, "authorized_aws_region": "eu-central-1"}, {"Ref": "AWS::AccountId"}, _A58),
    ("AWS::EC2::VPCPeeringConnection", lambda v: {"VpcId": "vpc-1", "PeerVpcId": "vpc-2", "PeerOwnerId": v},
     "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
     lambda v: {"vpc_id": "vpc-1", "peer_vpc_id": "vpc-2", "peer_owner_id": v}, "123456789012", _A58),
    ("AWS::EC2::NetworkInterfacePermission",
     lambda v: {"NetworkInterfaceId": "eni-1", "AwsAccountId": v, "Permission": "INSTANCE-ATTACH"},
     "aws:ec2/networkInterfacePermission:NetworkInterfacePermission",
     lambda v: {"network_interface_id": "eni-1", "aws_account_id": v, "permission": "INSTANCE-ATTACH"},
     {"Ref": "AWS::AccountId"}, _A58),
    ("AWS::ImageBuilder::DistributionConfiguration",
     lambda v: {"Name": "d", "Distributions": [{"Region": "eu-central-1", "LaunchTemplateConfigurations": [
         {"LaunchTemplateId": "lt-1", "AccountId": v}]}]},
     "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
     lambda v: {"name": "d", "distributions": [{"region": "eu-central-1", "launch_template_configurations": [
         {"launch_template_id": "lt-1", "account_id": v}]}]},
     {"Ref": "AWS::AccountId"}, _A58),
]  # fmt: skip


def _template58(kind: str, props: dict[str, Any], code: str = "DE", declared: tuple[Destination, ...] = ()) -> Any:
    body = json.dumps({"Resources": {"X": {"Type": kind, "Properties": props}}})
    subject = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": body}, provider(code))
    return [(f.rule.id, f.declared_by) for f in RuleEngine(code, destinations=declared).check(subject)[0]]


@pytest.mark.parametrize(
    ("kind", "props", "twin", "inputs", "own", "partner"), _ACCOUNTS58, ids=[t[0] for t in _ACCOUNTS58]
)
def test_awsred58_a_templates_granted_account_is_judged_as_its_pulumi_twin(
    kind: str,
    props: Callable[[Any], dict[str, Any]],
    twin: str,
    inputs: Callable[[Any], dict[str, Any]],
    own: Any,
    partner: str,
) -> None:
    assert _template58(kind, props(own)) == []
    assert _template58(kind, props("123456789012")) == []  # the provider's pinned account
    assert _template58(kind, props(partner)) == [("RES-023", None)]
    pulumi_twin = [f.rule.id for f in RuleEngine("DE").check(Subject(twin, "x", inputs(partner), provider("DE")))[0]]
    assert pulumi_twin == ["RES-023"]  # judged alike
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": f"arn:aws:iam::{_A58}:",
                                    "evidence": "the group's shared-services account"}])  # fmt: skip
    assert _template58(kind, props(partner), declared=tuple(declared)) == [("RES-023", "p")]
    cn_props = json.loads(
        json.dumps(props(partner)).replace("arn:aws:", "arn:aws-cn:").replace("eu-central-1", "cn-north-1")
    )
    assert _template58(kind, cn_props, "CN") == []  # an aws-cn account is China's


# awsred58 (stop 58): each phone_fields type's CloudFormation twin: a number abroad is RES-022 as on the Pulumi twin
# (each passed every door in a template on main 38135ba4), one in the jurisdiction's country passes; an Incident
# Manager e-mail channel and a Mail Manager ReplaceRecipient name a mailbox, RES-015 until its domain is declared.
def _flow58(number: str) -> str:
    return json.dumps({"Version": "2019-10-30", "StartAction": "t", "Actions": [
        {"Identifier": "t", "Type": "TransferParticipantToThirdParty",
         "Parameters": {"ThirdPartyPhoneNumber": number}, "Transitions": {}}]})  # fmt: skip


_PHONES58: list[tuple[str, Callable[[str], dict[str, Any]]]] = [
    ("AWS::SSMContacts::ContactChannel",
     lambda n: {"ContactId": "c", "ChannelName": "sms", "ChannelType": "SMS", "ChannelAddress": n}),
    ("AWS::Connect::QuickConnect",
     lambda n: {"InstanceArn": "i", "Name": "q",
                "QuickConnectConfig": {"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": {"PhoneNumber": n}}}),
    ("AWS::Connect::ContactFlow", lambda n: {"InstanceArn": "i", "Name": "f", "Type": "CONTACT_FLOW",
                                              "Content": _flow58(n)}),
    ("AWS::Connect::ContactFlowModule", lambda n: {"InstanceArn": "i", "Name": "m", "Content": _flow58(n)}),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "props"), _PHONES58, ids=[t[0] for t in _PHONES58])
def test_awsred58_a_templates_phone_number_is_judged_as_its_pulumi_twin(
    kind: str, props: Callable[[str], dict[str, Any]]
) -> None:
    assert _template58(kind, props("+493055501000")) == []
    assert _template58(kind, props("+12065550100")) == [("RES-022", None)]


@pytest.mark.parametrize(
    ("kind", "props"),
    [
        ("AWS::SSMContacts::ContactChannel",
         {"ContactId": "c", "ChannelName": "mail", "ChannelType": "EMAIL", "ChannelAddress": f"oncall@{_P57B}"}),
        ("AWS::SES::MailManagerRuleSet",
         {"Rules": [{"Name": "r", "Actions": [{"ReplaceRecipient": {"ReplaceWith": [f"claims@{_P57B}"]}}]}]}),
    ],
)  # fmt: skip
def test_awsred58_a_templates_mailbox_is_judged_as_its_pulumi_twin(kind: str, props: dict[str, Any]) -> None:
    assert _template58(kind, props) == [("RES-015", None)]
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": _P57B, "evidence": "the partner's mail"}])
    assert _template58(kind, props, declared=tuple(declared)) == [("RES-015", "p")]


# awsred58 (stop 58): written-account twins: an API Gateway integration's Lambda URI (HTTP API IntegrationUri, a REST
# method's Integration.Uri) and a Prometheus workspace's log groups (CloudFormation's AWS::APS::Workspace: the entry
# said AWS::AMP) name another account's function / log group: RES-023 as on the Pulumi twins (each passed every door
# in a template on main 38135ba4); the template's own function / log group passes, and so does the declared partner.
_FN58 = f"arn:aws:lambda:eu-central-1:{_A58}:function:claims"
_LG58 = f"arn:aws:logs:eu-central-1:{_A58}:log-group:/aps/claims"
_WRITTEN58: list[tuple[str, Callable[[Any], dict[str, Any]], Any, str, int]] = [
    ("AWS::ApiGatewayV2::Integration",
     lambda v: {"ApiId": "a", "IntegrationType": "AWS_PROXY", "IntegrationUri": v, "PayloadFormatVersion": "2.0"},
     {"Fn::GetAtt": ["Fn", "Arn"]}, _FN58, 1),
    ("AWS::ApiGateway::Method",
     lambda v: {"RestApiId": "a", "ResourceId": "r", "HttpMethod": "ANY", "AuthorizationType": "NONE",
                "Integration": {"Type": "AWS_PROXY", "IntegrationHttpMethod": "POST", "Uri": {"Fn::Sub": (
                    "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                    f"{v}/invocations")}}},
     "${Fn.Arn}", _FN58, 1),
    ("AWS::APS::Workspace",
     lambda v: {"Alias": "w", "LoggingConfiguration": {"LogGroupArn": v},
                "QueryLoggingConfiguration": {"Destinations": [{"CloudWatchLogs": {"LogGroupArn": v},
                                                                "Filters": {"QspThreshold": 1000}}]}},
     {"Fn::GetAtt": ["Fn", "Arn"]}, _LG58, 2),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "props", "own", "partner", "count"), _WRITTEN58, ids=[t[0] for t in _WRITTEN58])
def test_awsred58_a_templates_written_account_is_judged_as_its_pulumi_twin(
    kind: str, props: Callable[[Any], dict[str, Any]], own: Any, partner: str, count: int
) -> None:
    def findings(value: Any, declared: tuple[Destination, ...] = ()) -> list[tuple[str, str | None]]:
        body = json.dumps({"Resources": {"X": {"Type": kind, "Properties": props(value)},
                                         "Fn": {"Type": "AWS::Lambda::Function", "Properties": {}}}})  # fmt: skip
        subject = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": body}, provider("DE"))
        return [(f.rule.id, f.declared_by) for f in RuleEngine("DE", destinations=declared).check(subject)[0]]

    assert findings(own) == []
    assert findings(partner) == [("RES-023", None)] * count
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": f"arn:aws:iam::{_A58}:",
                                    "evidence": "the group's shared-services account"}])  # fmt: skip
    assert findings(partner, tuple(declared)) == [("RES-023", "p")] * count


# awsred58b (stop 58): an AWS::EC2::TransitGatewayPeeringAttachment's PeerAccountId is the Pulumi peering attachment's
# `peer_account_id` (granted_account_fields): another account's transit gateway is RES-023 in a template as in Pulumi
# (it passed every door in a template on main 290bcb02); the template's own account, the pinned one, a declared
# partner and an aws-cn account pass.
def test_awsred58b_a_templates_transit_gateway_peer_account_is_judged_as_its_pulumi_twin() -> None:
    def props(account: Any, region: str = "eu-central-1") -> dict[str, Any]:
        return {"TransitGatewayId": "tgw-1", "PeerTransitGatewayId": "tgw-2", "PeerAccountId": account,
                "PeerRegion": region}  # fmt: skip

    kind = "AWS::EC2::TransitGatewayPeeringAttachment"
    assert _template58(kind, props({"Ref": "AWS::AccountId"})) == []
    assert _template58(kind, props("123456789012")) == []  # the provider's pinned account
    assert _template58(kind, props(_A58)) == [("RES-023", None)]
    twin = Subject("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "x",
                   {"transit_gateway_id": "tgw-1", "peer_transit_gateway_id": "tgw-2", "peer_account_id": _A58,
                    "peer_region": "eu-central-1"}, provider("DE"))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("DE").check(twin)[0]] == ["RES-023"]  # judged alike
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": f"arn:aws:iam::{_A58}:",
                                    "evidence": "the group's network hub account"}])  # fmt: skip
    assert _template58(kind, props(_A58), declared=tuple(declared)) == [("RES-023", "p")]
    assert _template58(kind, props(_A58, "cn-north-1"), "CN") == []  # an aws-cn account is China's


# awsred58b (stop 58): an AWS::RedshiftServerless::EndpointAccess's OwnerAccount is the Pulumi endpoint access's
# `owner_account` (written_account_fields): another account's workgroup is RES-023 in a template as in Pulumi (it passed
# every door in a template on main 290bcb02); the template's own account and a declared partner pass.
def test_awsred58b_a_templates_serverless_endpoint_owner_is_judged_as_its_pulumi_twin() -> None:
    def props(account: Any) -> dict[str, Any]:
        return {"EndpointName": "e", "WorkgroupName": "w", "SubnetIds": ["subnet-1"], "OwnerAccount": account}

    kind = "AWS::RedshiftServerless::EndpointAccess"
    assert _template58(kind, props({"Ref": "AWS::AccountId"})) == []
    assert _template58(kind, props(_A58)) == [("RES-023", None)]
    twin = Subject("aws:redshiftserverless/endpointAccess:EndpointAccess", "x",
                   {"endpoint_name": "e", "workgroup_name": "w", "subnet_ids": ["subnet-1"], "owner_account": _A58},
                   provider("DE"))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("DE").check(twin)[0]] == ["RES-023"]  # judged alike
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": f"arn:aws:iam::{_A58}:",
                                    "evidence": "the group's analytics account"}])  # fmt: skip
    assert _template58(kind, props(_A58), declared=tuple(declared)) == [("RES-023", "p")]


# alired59 (stop 59): a ROS ALIYUN::CMS::SiteMonitor's IspCities[].City is the Pulumi site monitor's isp_cities.city
# (template_services, alicloud-cms-site-monitor-probe-cities): omitted, three random detection points (RES-016); a
# city the entry places in the mainland passes in CN only; the service declared by its id passes. Before, every
# template here passed every door while the Pulumi twin was RES-016.
_SITE59 = {"TaskName": "portal", "TaskType": "HTTP"}


@pytest.mark.parametrize(
    ("code", "cities", "expected"),
    [("CN", None, {"RES-016"}), ("CN", [{"Isp": "465", "City": "546"}], set()),
     ("CN", [{"Isp": "465", "City": "546"}, {"Isp": "465", "City": "9981"}], {"RES-016"}),
     # an empty list, or items naming no city, give no city: the default (ROS: "如果该参数取值为空...随机选择3个探测点")
     ("CN", [], {"RES-016"}), ("CN", [{"Isp": "465"}], {"RES-016"}), ("JP", None, {"RES-016"}),
     ("DE", [{"Isp": "465", "City": "546"}], {"RES-016"})],
)  # fmt: skip
def test_alired59_a_ros_site_monitor_is_judged_by_its_detection_cities(
    code: str, cities: list[dict[str, str]] | None, expected: set[str]
) -> None:
    region = provider(code, "alicloud").region
    props: dict[str, Any] = {**_SITE59, "Address": f"https://portal.oss-{region}.aliyuncs.com/health"}
    if cities is not None:
        props["IspCities"] = cities
    stack = _typed_stack(_one("ALIYUN::CMS::SiteMonitor", **props), code, "alicloud")
    findings, _ = ENGINES[code].check(stack)
    assert {f.rule.id for f in findings} == expected
    assert all("[alicloud-cms-site-monitor-probe-cities]" in f.detail for f in findings)
    if expected:
        from components.residency.destinations import parse_destinations

        entry = {"id": "probes", "kind": "resident", "match": "alicloud-cms-site-monitor-probe-cities",
                 "evidence": "DescribeSiteMonitorISPCityList: the task's points are in the market"}  # fmt: skip
        declared = RuleEngine(code, destinations=parse_destinations([entry])).check(stack)[0]
        assert {(f.rule.id, f.declared_by) for f in declared} == {("RES-016", "probes")}


# alired59 (stop 59): a Pulumi site monitor's empty `isp_cities` is "not specified" (the provider sends no IspCities):
# three random detection points, RES-016 as an omitted list (it passed every door before: a list, even empty, was
# taken as set and judged where its cities are). Only an empty list changes: one given city is judged as before.
@pytest.mark.parametrize(
    ("cities", "expected"), [([], {"RES-016"}), (None, {"RES-016"}), ([{"city": "546", "isp": "465"}], set())]
)
def test_alired59_an_empty_detection_city_list_is_the_random_choice(
    cities: list[dict[str, str]] | None, expected: set[str]
) -> None:
    props: dict[str, Any] = {"address": _API, "task_name": "portal", "task_type": "HTTP", "isp_cities": cities}
    findings, _ = ENGINES["CN"].check(Subject(_SITE_MONITOR, "portal", props, provider("CN", "alicloud")))
    assert {f.rule.id for f in findings} == expected


# awsred59 (stop 59): an AWS::RAM::ResourceShare is judged as its Pulumi twins: ResourceArns each a
# ram.ResourceAssociation `resource_arn` (aws-ram-data-share), Principals each a ram.PrincipalAssociation `principal`.
# Before, the template's Principals were read by their key as a policy's grant: a subnet shared with another account
# (VPC sharing, used in place) was RES-023 while the Pulumi twins passed, and a Glue share's RES-023 named no catalogue
# id.
def test_awsred59_a_templates_ram_share_is_judged_as_its_pulumi_twins() -> None:
    def props(arn: Any, principal: Any = _A58) -> dict[str, Any]:
        return {"Name": "s", "AllowExternalPrincipals": True, "ResourceArns": [arn], "Principals": [principal]}

    def own(service: str, resource: str) -> dict[str, str]:
        return {"Fn::Sub": f"arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{resource}"}

    kind, subnet, glue = "AWS::RAM::ResourceShare", own("ec2", "subnet/subnet-1"), own("glue", "database/c")
    assert _template58(kind, props(subnet)) == []  # a subnet used in place, as the Pulumi association
    assert _template58(kind, props("arn:aws:ec2:eu-central-1:123456789012:subnet/subnet-1")) == []
    assert _template58(kind, props(glue)) == [("RES-016", None)]
    twin = Subject("aws:ram/resourceAssociation:ResourceAssociation", "x",
                   {"resource_arn": "arn:aws:glue:eu-central-1:123456789012:database/c", "resource_share_arn": "s"},
                   provider("DE"))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("DE").check(twin)[0]] == ["RES-016"]  # judged alike
    principal = Subject("aws:ram/principalAssociation:PrincipalAssociation", "x",
                        {"principal": _A58, "resource_share_arn": "s"}, provider("DE"))  # fmt: skip
    assert RuleEngine("DE").check(principal)[0] == []
    declared = parse_destinations([{"id": "d", "kind": "resident", "match": "aws-ram-data-share",
                                    "evidence": "the group's analytics account"}])  # fmt: skip
    assert _template58(kind, props(glue), declared=tuple(declared)) == [("RES-016", "d")]
    assert _template58(kind, props(glue), "CN") == []  # aws-cn: accepted, as the Pulumi entry
    # Another account's role or organization as the principal: the share is judged by what it shares, as in Pulumi.
    assert _template58(kind, props(subnet, f"arn:aws:iam::{_A58}:role/x")) == []
    assert _template58(kind, props(glue, f"arn:aws:organizations::{_A58}:organization/o-abcdefghij")) == [
        ("RES-016", None)
    ]


# awsred59b (stop 59): a RAM share's ResourceArns naming the template's own data resource by a whole Fn::GetAtt
# (template_attributes `arn`) is judged as the ARN it gives, as the Pulumi association holding the resource's `arn`
# output: RES-016 (aws-ram-data-share) outside aws-cn. Before, the reference named nothing and the share passed.
@pytest.mark.parametrize(
    ("kind", "reference"),
    [
        ("AWS::Backup::LogicallyAirGappedBackupVault", {"Fn::GetAtt": ["V", "VaultArn"]}),
        ("AWS::Backup::BackupVault", {"Fn::GetAtt": "V.BackupVaultArn"}),
        ("AWS::RDS::DBCluster", {"Fn::GetAtt": ["V", "DBClusterArn"]}),
    ],
    ids=["airgapped-vault", "backup-vault", "aurora-cluster"],
)
def test_awsred59b_a_ram_shares_reference_to_the_templates_own_data_is_judged_as_its_arn(
    kind: str, reference: dict[str, Any]
) -> None:
    def verdict(arns: list[Any], code: str = "DE", declared: tuple[Destination, ...] = ()) -> Any:
        share = {
            "Type": "AWS::RAM::ResourceShare",
            "Properties": {"Name": "s", "ResourceArns": arns, "Principals": [_A58]},
        }
        body = json.dumps({"Resources": {"V": {"Type": kind, "Properties": {}}, "Share": share}})
        subject = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": body}, provider(code))
        return [(f.rule.id, f.declared_by) for f in RuleEngine(code, destinations=declared).check(subject)[0]]

    assert verdict([reference]) == [("RES-016", None)]
    whole = reference["Fn::GetAtt"] if isinstance(reference["Fn::GetAtt"], str) else ".".join(reference["Fn::GetAtt"])
    assert verdict([{"Fn::Sub": "${" + whole + "}"}]) == [("RES-016", None)]  # the same reference in an Fn::Sub
    assert verdict([reference], "CN") == []  # aws-cn: accepted, as the Pulumi entry
    declared = parse_destinations([{"id": "d", "kind": "resident", "match": "aws-ram-data-share",
                                    "evidence": "the group's analytics account"}])  # fmt: skip
    assert verdict([reference], declared=tuple(declared)) == [("RES-016", "d")]
    # The home twin: the own subnet beside it passes; a reference to a resource the template does not make, or an
    # attribute with no `arn` (a cluster's endpoint), is walked as before.
    subnet = {"Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/subnet-1"}
    assert verdict([subnet]) == []
    assert verdict([{"Fn::GetAtt": ["Elsewhere", "VaultArn"]}]) == []
    assert verdict([{"Fn::GetAtt": ["V", "Endpoint.Address"]}]) == []


# awsred59b (stop 59): aws-ram-data-share's SSM parameter and feature group patterns read a template's own-account
# placeholder as the account (an Fn::Sub ARN keeps `${AWS::AccountId}`, whose `::` the `[^:]*` did not match: the share
# passed in a template, RES-016 in Pulumi); the literal ARN as before, another service's ARN still passes.
@pytest.mark.parametrize("resource", ["ssm:${AWS::Region}:${AWS::AccountId}:parameter/p",
                                      "sagemaker:${AWS::Region}:${AWS::AccountId}:feature-group/f",
                                      "ssm:eu-central-1:123456789012:parameter/p"])  # fmt: skip
def test_awsred59b_a_ram_shares_own_account_placeholder_is_an_account(resource: str) -> None:
    props = {"Name": "s", "ResourceArns": [{"Fn::Sub": "arn:${AWS::Partition}:" + resource}], "Principals": [_A58]}
    assert _template58("AWS::RAM::ResourceShare", props) == [("RES-016", None)]
    if "${AWS::Region}" in resource:
        assert _template58("AWS::RAM::ResourceShare", props, "CN") == []  # aws-cn: accepted
    subnet = {"Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/subnet-1"}
    assert _template58("AWS::RAM::ResourceShare", {**props, "ResourceArns": [subnet]}) == []


# awsred59 (stop 59): a Lake Formation grant's principal is a granted account (granted_account_fields): another
# account's IAM role is RES-023 in Pulumi and in both template types (it passed in Pulumi and
# AWS::LakeFormation::Permissions); the bare account or organization stays aws-lakeformation-cross-account-grant's alone
# (RES-016, not also RES-023), in AWS::LakeFormation::PrincipalPermissions too (RES-023 before, not declarable by the
# catalogue id).
@pytest.mark.parametrize(
    ("kind", "props"),
    [
        ("AWS::LakeFormation::PrincipalPermissions", lambda p: {
            "Principal": {"DataLakePrincipalIdentifier": p}, "Permissions": ["DESCRIBE"],
            "Resource": {"Database": {"CatalogId": {"Ref": "AWS::AccountId"}, "Name": "c"}}}),
        ("AWS::LakeFormation::Permissions", lambda p: {
            "DataLakePrincipal": {"DataLakePrincipalIdentifier": p}, "Permissions": ["DESCRIBE"],
            "Resource": {"DatabaseResource": {"CatalogId": {"Ref": "AWS::AccountId"}, "Name": "c"}}}),
    ],
    ids=["principal-permissions", "permissions"],
)  # fmt: skip
def test_awsred59_a_lake_formation_grant_to_another_accounts_role_is_a_granted_account(
    kind: str, props: Callable[[Any], dict[str, Any]]
) -> None:
    role, own = f"arn:aws:iam::{_A58}:role/analysts", {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/a"}

    def pulumi(principal: str, code: str = "DE") -> list[str]:
        grant = Subject("aws:lakeformation/permissions:Permissions", "x",
                        {"principal": principal, "permissions": ["DESCRIBE"], "database": {"name": "c"}},
                        provider(code))  # fmt: skip
        return [f.rule.id for f in RuleEngine(code).check(grant)[0]]

    assert _template58(kind, props(own)) == [] and pulumi("arn:aws:iam::123456789012:role/a") == []
    assert _template58(kind, props(role)) == [("RES-023", None)] and pulumi(role) == ["RES-023"]
    assert _template58(kind, props(_A58)) == [("RES-016", None)] and pulumi(_A58) == ["RES-016"]  # one rule
    org = "arn:aws:organizations::444455556666:organization/o-abcdefghij"
    assert _template58(kind, props(org)) == [("RES-016", None)] and pulumi(org) == ["RES-016"]
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": f"arn:aws:iam::{_A58}:",
                                    "evidence": "the group's analytics account"}])  # fmt: skip
    assert _template58(kind, props(role), declared=tuple(declared)) == [("RES-023", "p")]
    cn_role = f"arn:aws-cn:iam::{_A58}:role/analysts"
    assert _template58(kind, props(cn_role), "CN") == [] and pulumi(cn_role, "CN") == []  # China's by partition


# awsred59 (stop 59): a stage variable holding a number (a version, a size) that no integration reads in its host is no
# address: inet_aton(3) alone reads 2.3.1 as 2.3.0.1 (RES-015 before, a false alarm). A dotted quad, a host, and the
# same number where an integration's URL takes its host from the variable stay judged.
@pytest.mark.parametrize("value", ["2.3.1", "1.2", "3.12.1", "20000000", "0x10.1"])
def test_awsred59_a_stage_variables_number_is_no_address(value: str) -> None:
    for token, key in (
        ("aws:apigateway/stage:Stage", "variables"),
        ("aws:apigatewayv2/stage:Stage", "stage_variables"),
    ):
        stage = Subject(token, "s", {"stage_name": "prod", key: {"version": value}}, provider("EU"))
        assert rule_ids("EU", stage) == set()

        def known(text: str) -> bool:
            return False

        known.host_templates = lambda name: ["https://${stageVariables.version}/orders"]  # type: ignore[attr-defined]
        assert rule_ids_known("EU", stage, known) == {"RES-015"}  # read as a host: the URL's host, judged
    for other in ("2.3.1.4", "52.28.1.4", "api.partner.example.com"):
        stage = Subject("aws:apigateway/stage:Stage", "s", {"stage_name": "prod", "variables": {"v": other}},
                        provider("EU"))  # fmt: skip
        assert rule_ids("EU", stage) == {"RES-015"}


# awsred59 (stop 59): an AWS::AmazonMQ::Configuration's Data given as the base64 literal the property documents is
# judged decoded, as the Pulumi configuration's `data` XML (stack_templates `resources` `base64`): a partner's broker in
# a network connector passed every door before, while Fn::Base64 of the same XML was RES-015. The Region's own broker
# passes; a value that does not decode is walked as written.
def test_awsred59_a_templates_base64_broker_configuration_is_judged_decoded() -> None:
    def xml(host: str) -> str:
        return (
            '<broker xmlns="http://activemq.apache.org/schema/core"><networkConnectors>'
            f'<networkConnector name="hub" uri="static:(ssl://{host}:61617)"/></networkConnectors></broker>'
        )

    def props(data: Any) -> dict[str, Any]:
        return {"Name": "c", "EngineType": "ACTIVEMQ", "EngineVersion": "5.18", "Data": data}

    kind, partner = "AWS::AmazonMQ::Configuration", "b-1.mq.partner.example.com"
    home = "b-0a1b2c3d-1.mq.eu-central-1.amazonaws.com"
    assert _template58(kind, props(base64.b64encode(xml(partner).encode()).decode())) == [("RES-015", None)]
    assert _template58(kind, props({"Fn::Base64": xml(partner)})) == [("RES-015", None)]  # as before
    assert _template58(kind, props(base64.b64encode(xml(home).encode()).decode())) == []
    twin = Subject("aws:mq/configuration:Configuration", "x",
                   {"name": "c", "engine_type": "ActiveMQ", "engine_version": "5.18", "data": xml(partner)},
                   provider("DE"))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("DE").check(twin)[0]] == ["RES-015"]  # judged alike
    assert _template58(kind, props("not base64: <broker/>")) == []


# -- awsred60 (stop 60): AWS red team, round 37 ----------------------------------------------------------------------

_ECA60 = [
    # (extra connection attributes, the rule ids they break in DE)
    ("broker=10.20.4.11:9092,10.20.4.12:9092;topic=claims;messageFormat=json", []),
    ("broker=kafka-1.partner.example.com:9092;topic=claims", ["RES-015"]),
    ("bucketName=partner-claims-landing;bucketFolder=cdc;compressionType=GZIP", ["RES-017"]),
    ("streamArn=arn:aws:kinesis:eu-central-1:123456789012:stream/claims;messageFormat=json", []),
    ("streamArn=arn:aws:kinesis:eu-central-1:444455556666:stream/claims;messageFormat=json", ["RES-023"]),
    ("streamArn=arn:aws:kinesis:us-west-2:123456789012:stream/claims", ["RES-004"]),
    ("heartbeatEnable=Y;heartbeatFrequency=1;initstmt=SET FOREIGN_KEY_CHECKS=0;parallelLoadThreads=5", []),
]


@pytest.mark.parametrize(("attributes", "rules"), _ECA60, ids=[a.split("=")[0] + str(i) for i, (a, _) in
                                                              enumerate(_ECA60)])  # fmt: skip
def test_awsred60_a_dms_endpoints_extra_connection_attributes_are_judged_as_its_settings(
    attributes: str, rules: list[str]
) -> None:
    # DMS CreateEndpoint ExtraConnectionAttributes: "Each attribute is specified as a name-value pair associated by an
    # equal sign (=). Multiple attributes are separated by a semicolon (;)". Before stop 60 the text was free text: a
    # partner's broker, another bucket and another account's stream passed.
    subject = Subject("aws:dms/endpoint:Endpoint", "e", {"endpoint_id": "e", "endpoint_type": "target",
                      "engine_name": "kafka", "extra_connection_attributes": attributes}, provider("DE"))  # fmt: skip
    assert [f.rule.id for f in RuleEngine("DE").check(subject)[0]] == rules
    template = _template58("AWS::DMS::Endpoint", {"EndpointType": "target", "EngineName": "kafka",
                                                  "ExtraConnectionAttributes": attributes})  # fmt: skip
    assert [rule for rule, _ in template] == rules  # the template twin alike


def test_awsred60_a_dms_attributes_finding_names_the_attribute() -> None:
    attributes = "broker=kafka-1.partner.example.com:9092;topic=claims"
    subject = Subject("aws:dms/endpoint:Endpoint", "e", {"extra_connection_attributes": attributes}, provider("DE"))
    (finding,) = RuleEngine("DE").check(subject)[0]
    assert finding.path == "extra_connection_attributes(attributes).broker"
    assert finding.value == "kafka-1.partner.example.com"


_WRITTEN60 = [
    # (template type, template properties, Pulumi type, Pulumi inputs), each of an ARN
    ("AWS::Backup::BackupPlan",
     lambda arn: {"BackupPlan": {"BackupPlanName": "p", "BackupPlanRule": [{
         "RuleName": "r", "TargetBackupVault": "v", "TargetLogicallyAirGappedBackupVaultArn": arn}]}},
     "aws:backup/plan:Plan",
     lambda arn: {"name": "p", "rules": [{"rule_name": "r", "target_vault_name": "v",
                                         "target_logically_air_gapped_backup_vault_arn": arn}]}),
    ("AWS::DataSync::Task",
     lambda arn: {"SourceLocationArn": "arn:aws:datasync:eu-central-1:123456789012:location/loc-0",
                  "DestinationLocationArn": arn},
     "aws:datasync/task:Task",
     lambda arn: {"source_location_arn": "arn:aws:datasync:eu-central-1:123456789012:location/loc-0",
                  "destination_location_arn": arn}),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "props", "twin", "inputs"), _WRITTEN60, ids=[t[0] for t in _WRITTEN60])
def test_awsred60_an_air_gapped_target_and_a_datasync_destination_in_another_account_are_written_to(
    kind: str, props: Callable[[str], dict[str, Any]], twin: str, inputs: Callable[[str], dict[str, Any]]
) -> None:
    # Backup CreateBackupPlan TargetLogicallyAirGappedBackupVaultArn; DataSync CreateTask DestinationLocationArn: the
    # recovery points / files are written there. Before stop 60 another account's vault or location passed.
    service = "backup" if "Backup" in kind else "datasync"
    resource = "backup-vault:claims" if service == "backup" else "location/loc-1"
    own, partner = (f"arn:aws:{service}:eu-central-1:{a}:{resource}" for a in ("123456789012", "444455556666"))
    assert _template58(kind, props(own)) == []
    assert [rule for rule, _ in _template58(kind, props(partner))] == ["RES-023"]
    assert rule_ids("DE", Subject(twin, "x", inputs(own), provider("DE"))) == set()
    assert rule_ids("DE", Subject(twin, "x", inputs(partner), provider("DE"))) == {"RES-023"}
    declared = parse_destinations([{"id": "p", "kind": "resident", "match": "arn:aws:iam::444455556666:",
                                    "evidence": "the partner's account, pinned to the market's Regions"}])  # fmt: skip
    assert _template58(kind, props(partner), declared=tuple(declared)) == [("RES-023", "p")]


def test_awsred60_a_templates_as2_agreement_base_directory_is_a_bucket() -> None:
    # AWS::Transfer::Agreement BaseDirectory ("the landing directory (folder) for files that are transferred by using
    # the AS2 protocol"): /bucket/prefix, the Pulumi transfer/agreement `base_directory` (a bucket_paths input). Before
    # stop 60 another bucket passed in a template while the Pulumi twin was RES-017.
    def props(base: Any) -> dict[str, Any]:
        return {"ServerId": "s-1", "LocalProfileId": "p-1", "PartnerProfileId": "p-2", "BaseDirectory": base,
                "AccessRole": "arn:aws:iam::123456789012:role/as2"}  # fmt: skip

    assert [rule for rule, _ in _template58("AWS::Transfer::Agreement", props("/partner-landing/in"))] == ["RES-017"]
    body = json.dumps({"Resources": {"Inbox": {"Type": "AWS::S3::Bucket", "Properties": {}}, "X": {
        "Type": "AWS::Transfer::Agreement", "Properties": props({"Fn::Sub": "/${Inbox}/in"})}}})  # fmt: skip
    own = Subject("aws:cloudformation/stack:Stack", "s", {"template_body": body}, provider("DE"))
    assert rule_ids("DE", own) == set()  # the template's own bucket
    twin = Subject("aws:transfer/agreement:Agreement", "a", {"server_id": "s-1", "local_profile_id": "p-1",
                   "partner_profile_id": "p-2", "base_directory": "/partner-landing/in"}, provider("DE"))  # fmt: skip
    assert rule_ids("DE", twin) == {"RES-017"}  # as before


def test_awsred60_a_pipe_through_a_global_endpoint_is_a_destination() -> None:
    # PipeTargetEventBridgeEventBusParameters EndpointId ("The URL subdomain of the endpoint. For example, if the URL
    # for Endpoint is https://abcde.veo.endpoints.event.amazonaws.com, then the EndpointId is abcde.veo"): a global
    # endpoint routes to a secondary Region no input of the pipe names. Before stop 60 it passed.
    def inputs(parameters: dict[str, Any]) -> dict[str, Any]:
        return {"role_arn": "arn:aws:iam::123456789012:role/p", "source": "arn:aws:sqs:eu-central-1:123456789012:q",
                "target": "arn:aws:events:eu-central-1:123456789012:event-bus/claims",
                "target_parameters": {"eventbridge_event_bus_parameters": parameters}}  # fmt: skip

    pipe = "aws:pipes/pipe:Pipe"
    assert rule_ids("DE", Subject(pipe, "p", inputs({"detail_type": "c", "source": "s"}), provider("DE"))) == set()
    routed = inputs({"detail_type": "c", "endpoint_id": "abcde.veo"})
    assert rule_ids("DE", Subject(pipe, "p", routed, provider("DE"))) == {"RES-015"}
    template = {
        "RoleArn": "arn:aws:iam::123456789012:role/p",
        "Source": "arn:aws:sqs:eu-central-1:123456789012:q",
        "Target": "arn:aws:events:eu-central-1:123456789012:event-bus/claims",
        "TargetParameters": {"EventBridgeEventBusParameters": {"DetailType": "c", "EndpointId": "abcde.veo"}},
    }
    assert [rule for rule, _ in _template58("AWS::Pipes::Pipe", template)] == ["RES-015"]
    declared = parse_destinations([{"id": "g", "kind": "resident", "match": "abcde.veo",
                                    "evidence": "the team's global endpoint: both Regions in the market"}])  # fmt: skip
    findings = RuleEngine("DE", destinations=declared).check(Subject(pipe, "p", routed, provider("DE")))[0]
    assert [f.declared_by for f in findings] == ["g"]


# alired60 (stop 60): a Pulumi site monitor's `isp_cities` item naming a carrier and no city gives no city: judged as
# the omitted list (three random detection points, RES-016), as the ROS twin's item without City already was (alired59).
# What CloudMonitor does with such an item was not found documented: fail closed. It passed every door before; an item
# naming a city is judged by its city as before, and the service declared by its id covers the finding.
@pytest.mark.parametrize(
    ("code", "cities", "expected"),
    [("CN", [{"isp": "465"}], {"RES-016"}), ("CN", [{"city": "546", "isp": "465"}, {"isp": "465"}], {"RES-016"}),
     ("CN", [{"isp": "465", "type": "IDC"}, {"isp": "232"}], {"RES-016"}),
     ("CN", [{"city": "546", "isp": "465"}], set()), ("JP", [{"isp": "465"}], {"RES-016"}),
     ("DE", [{"type": "IDC"}], {"RES-016"})],
)  # fmt: skip
def test_alired60_a_detection_point_without_city_is_the_random_choice(
    code: str, cities: list[dict[str, str]], expected: set[str]
) -> None:
    region = provider(code, "alicloud").region
    props = {"address": f"https://portal.oss-{region}.aliyuncs.com/health", "task_name": "portal", "task_type": "HTTP",
             "isp_cities": cities}  # fmt: skip
    subject = Subject(_SITE_MONITOR, "portal", props, provider(code, "alicloud"))
    findings, _ = ENGINES[code].check(subject)
    assert {f.rule.id for f in findings} == expected
    if expected:
        missing = [i for i, c in enumerate(cities) if "city" not in c]
        assert [f.path for f in findings] == [f"isp_cities[{i}].city" for i in missing]
        assert all("the default when omitted" in f.detail for f in findings)
        entry = {"id": "probes", "kind": "resident", "match": "alicloud-cms-site-monitor-probe-cities",
                 "evidence": "DescribeSiteMonitorISPCityList: the task's points are in the market"}  # fmt: skip
        declared = RuleEngine(code, destinations=parse_destinations([entry])).check(subject)[0]
        assert {(f.rule.id, f.declared_by) for f in declared} == {("RES-016", "probes")}


def test_awsred62_an_event_endpoints_own_url_is_its_own_address() -> None:
    """(awsred62, stop 62) self_address_outputs: an EventBridge global endpoint's `endpoint_url`, which EventBridge
    assigns, is the endpoint's own address in the final state the pack's stack policy and the state review judge (it
    was RES-015 there in EU); an id a pipe slices out of it is a name this endpoint produced. Another type's URL output
    and a typed-in id prove nothing."""
    from components.residency.provenance import own_names, regionless_known

    token = "aws:cloudwatch/eventEndpoint:EventEndpoint"
    url = "https://abcde.veo.endpoints.event.amazonaws.com"
    state = {
        "name": "claims-global", "arn": "arn:aws:events:eu-west-1:123456789012:endpoint/claims-global",
        "endpointUrl": url, "roleArn": "arn:aws:iam::123456789012:role/replicate",
        "eventBuses": [{"eventBusArn": "arn:aws:events:eu-west-1:123456789012:event-bus/claims"},
                       {"eventBusArn": "arn:aws:events:eu-central-1:123456789012:event-bus/claims"}],
        "routingConfig": {"failoverConfig": {"secondary": {"route": "eu-central-1"}}},
    }  # fmt: skip
    own = own_names(ENGINES["EU"], token, state)
    assert "abcde.veo.endpoints.event.amazonaws.com" in own
    subject = Subject(token, "claims-global", state, provider("EU"))
    assert rule_ids("EU", subject) == {"RES-015"}  # judged without its own names: the URL names no Region
    assert rule_ids_known("EU", subject, regionless_known([], [], own)) == set()
    assert own_names(ENGINES["EU"], "aws:lambda/functionUrl:FunctionUrl", {"functionUrl": url}) == []
    produced = regionless_known([], ENGINES["EU"].produced_by(token, state), [])
    assert produced("abcde.veo") and not produced("partner7.veo")


# alired63 (stop 63): the other Alibaba Cloud databases' own addresses (self_address_outputs). A public connection or
# extra endpoint is named by the program's prefix, so its id proves nothing; the output the cloud computes does (the
# policy pack and the state review refused a function's DATABASE_URL from it, RES-015: a false alarm). The same host
# on another resource type, or typed in, stays refused.
@pytest.mark.parametrize(
    ("token", "state", "host"),
    [("alicloud:adb/connection:Connection",
      {"id": "am-1:fleet-reports", "connectionPrefix": "fleet-reports",
       "connectionString": "fleet-reports.ads.aliyuncs.com"},
      "fleet-reports.ads.aliyuncs.com"),
     ("alicloud:gpdb/connection:Connection",
      {"id": "gp-1:fleet-reports", "connectionPrefix": "fleet-reports",
       "connectionString": "fleet-reports.gpdb.rds.aliyuncs.com"},
      "fleet-reports.gpdb.rds.aliyuncs.com"),
     ("alicloud:rds/connection:Connection",
      {"id": "rm-1:fleet-trips", "connectionPrefix": "fleet-trips",
       "connectionString": "fleet-trips.mysql.rds.aliyuncs.com"},
      "fleet-trips.mysql.rds.aliyuncs.com"),
     ("alicloud:rds/dbInstanceEndpoint:DbInstanceEndpoint",
      {"id": "rm-1:ep-1", "connectionStringPrefix": "fleet-read",
       "connectionString": "fleet-read.mysql.rds.aliyuncs.com"},
      "fleet-read.mysql.rds.aliyuncs.com"),
     ("alicloud:rds/rdsDbProxy:RdsDbProxy",
      {"id": "rm-1", "dbProxyConnectionString": "fleet-proxy.rwlb.rds.aliyuncs.com"},
      "fleet-proxy.rwlb.rds.aliyuncs.com"),
     ("alicloud:adb/dBCluster:DBCluster",
      {"id": "am-1", "connectionString": "am-2.ads.aliyuncs.com"}, "am-2.ads.aliyuncs.com"),
     ("alicloud:gpdb/instance:Instance",
      {"id": "gp-1", "connectionString": "gp-2-master.gpdb.rds.aliyuncs.com"}, "gp-2-master.gpdb.rds.aliyuncs.com")],
)  # fmt: skip
def test_alired63_a_database_s_own_address_output_is_its_own(token: str, state: dict[str, Any], host: str) -> None:
    from components.residency.provenance import own_names, regionless_known

    own = own_names(ENGINES["CN"], token, state)
    assert host in own
    function = Subject("alicloud:fc/v3Function:V3Function", "fn",
                       {"environment_variables": {"DATABASE_URL": f"mysql://{host}:3306/fleet"}},
                       provider("CN", "alicloud"))  # fmt: skip
    assert ENGINES["CN"].check(function, known=regionless_known([], [], own))[0] == []
    assert rule_ids("CN", function) == {"RES-015"}
    # Another type's output of the same name proves nothing (an ECS instance's is no database address).
    assert host not in own_names(ENGINES["CN"], "alicloud:ecs/instance:Instance", state)


# (alired64, stop 64) The address types round 23 did not list (self_address_outputs): a Tair public connection, an RDS
# read/write splitting address, an RDS endpoint's public address, a sharded cluster's node public address (a list of
# addresses, the path through it). Each host names no Region and no id of the resource: the program's own, by its
# output, passes; the same host typed in (the guard's view of a literal) or on another type stays refused.
@pytest.mark.parametrize(
    ("token", "state", "host"),
    [("alicloud:kvstore/connection:Connection",
      {"id": "r-1", "connectionStringPrefix": "fleet-positions",
       "connectionString": "fleet-positions.redis.rds.aliyuncs.com"},
      "fleet-positions.redis.rds.aliyuncs.com"),
     ("alicloud:rds/readWriteSplittingConnection:ReadWriteSplittingConnection",
      {"id": "rm-1", "connectionPrefix": "fleet-trips-rw", "connectionString": "fleet-trips-rw.mysql.rds.aliyuncs.com"},
      "fleet-trips-rw.mysql.rds.aliyuncs.com"),
     ("alicloud:rds/dbInstanceEndpointAddress:DbInstanceEndpointAddress",
      {"id": "rm-1:ep-1", "connectionStringPrefix": "fleet-read-pub",
       "connectionString": "fleet-read-pub.mysql.rds.aliyuncs.com"},
      "fleet-read-pub.mysql.rds.aliyuncs.com"),
     ("alicloud:mongodb/shardingNetworkPublicAddress:ShardingNetworkPublicAddress",
      {"id": "dds-1:s-1", "networkAddresses": [{"networkAddress": "s-2-pub.mongodb.rds.aliyuncs.com",
                                                 "networkType": "Public", "port": "3717"}]},
      "s-2-pub.mongodb.rds.aliyuncs.com")],
)  # fmt: skip
def test_alired64_a_database_s_own_address_output_is_its_own(token: str, state: dict[str, Any], host: str) -> None:
    # the same assertions as round 23's (the lead, stop 64: one body)
    test_alired63_a_database_s_own_address_output_is_its_own(token, state, host)


def _shared_port(code: str, uid: str, accounts: frozenset[str] = frozenset()) -> Subject:
    ref = ProviderRef("alicloud", "p", sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0], accounts=accounts)
    props = {"parent_physical_connection_id": "pc-fleet", "vlan_id": 120, "spec": "50M", "vpconn_ali_uid": uid}
    return Subject("alicloud:expressconnect/virtualPhysicalConnection:VirtualPhysicalConnection", "share", props, ref)


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired64_a_shared_port_s_owner_is_a_written_account(code: str) -> None:
    # vpconn_ali_uid, "The ID of the Alibaba Cloud account (primary account) of the owner of the shared port": another
    # account's is RES-023 (it passed before stop 64); the stack's own (its provider's account) passes, and so does the
    # partner once declared.
    own, partner = "1234567890123456", "5555666677778888"
    assert rule_ids(code, _shared_port(code, partner, frozenset({own}))) == {"RES-023"}
    assert rule_ids(code, _shared_port(code, own, frozenset({own}))) == set()
    entry = {"id": "depot", "kind": "resident", "match": f"acs:ram::{partner}:", "evidence": "the depot's account"}
    declared, _ = RuleEngine(code, destinations=parse_destinations([entry])).check(
        _shared_port(code, partner, frozenset({own}))
    )
    assert [f.declared_by for f in declared] == ["depot"]  # covered by the declaration, recorded as such
    with pytest.raises(ResidencyViolation, match=rf"^\[RES-023\] .*vpconn_ali_uid.*{partner}"):
        _first_violation(code, _shared_port(code, partner, frozenset({own})))


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired64_the_template_s_own_cache_public_endpoint_is_its_own(code: str) -> None:
    # ALIYUN::REDIS::Connection ConnectionString (template_attributes, stop 64): the template's own cache's public
    # endpoint passes as a function's REDIS_HOST (RES-015 before); another attribute, or the same one of a resource the
    # template does not make, stays refused.
    def template(host: Any) -> Subject:
        body = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {
            "Cache": {"Type": "ALIYUN::REDIS::Instance", "Properties": {"InstanceClass": "redis.master.small.default",
                                                                       "VSwitchId": "vsw-1", "VpcId": "vpc-1"}},
            "CachePublic": {"Type": "ALIYUN::REDIS::Connection", "Properties": {
                "InstanceId": {"Ref": "Cache"}, "ConnectionStringPrefix": "fleetpositions", "Port": 6379}},
            "Fn": {"Type": "ALIYUN::FC3::Function", "Properties": {
                "FunctionName": "f", "Runtime": "python3.10", "Handler": "index.handler", "Code": {"ZipFile": "x"},
                "EnvironmentVariables": {"REDIS_HOST": host}}}}}  # fmt: skip
        return Subject("alicloud:ros/stack:Stack", "s", {"stack_name": "s", "template_body": json.dumps(body)},
                       provider(code, "alicloud"))  # fmt: skip

    assert rule_ids(code, template({"Fn::GetAtt": ["CachePublic", "ConnectionString"]})) == set()
    assert rule_ids(code, template({"Fn::GetAtt": ["CachePublic", "Port"]})) == {"RES-015"}
    assert rule_ids(code, template({"Fn::GetAtt": ["Elsewhere", "ConnectionString"]})) == {"RES-015"}


def test_config64_a_template_s_conditional_cloud_id() -> None:
    # config64 (stop 64): an Elastic Cloud id that decodes, behind a condition that may set it, is refused by every
    # path: by the decoded host (RES-015) in a stack, whose condition is evaluated, by the entry (RES-016) in a
    # StackSet's template
    options = {"Name": "es", "Cloud_ID": {"Fn::If": ["Hosted", _ELASTIC56B, {"Ref": "AWS::NoValue"}]}}
    extra: dict[str, Any] = {"Conditions": {"Hosted": {"Fn::Equals": ["a", "a"]}}}
    subject = _typed_stack(_firelens56(options), "EU", **extra)
    assert rule_ids("EU", subject) == {"RES-015"}
    stackset = Subject("aws:cloudformation/stackSet:StackSet", "s", subject.props, subject.provider)
    assert rule_ids("EU", stackset) == {"RES-016"}


# (alired65, stop 65) The address types round 24 did not list (self_address_outputs): a MongoDB replica set's public
# address, a sharded cluster's node private address (a list of addresses, the path through it) and a SelectDB
# instance's address (its list of network infos). Each host is an id with a suffix, or a node's id, under a regionless
# service domain: the program's own, by its output, passes; the same host typed in, or on another type, stays refused.
@pytest.mark.parametrize(
    ("token", "state", "host"),
    [("alicloud:mongodb/publicNetworkAddress:PublicNetworkAddress",
      {"id": "dds-1", "replicaSets": [{"connectionDomain": "dds-2-pub.mongodb.rds.aliyuncs.com",
                                       "connectionPort": "3717", "networkType": "Public"}]},
      "dds-2-pub.mongodb.rds.aliyuncs.com"),
     ("alicloud:mongodb/shardingNetworkPrivateAddress:ShardingNetworkPrivateAddress",
      {"id": "dds-1:d-1", "networkAddresses": [{"networkAddress": "d-2.mongodb.rds.aliyuncs.com",
                                                "networkType": "VPC", "port": "3717"}]},
      "d-2.mongodb.rds.aliyuncs.com"),
     ("alicloud:selectdb/dbInstance:DbInstance",
      {"id": "selectdb-1", "instanceNetInfos": [{"connectionString": "selectdb-2-fe.selectdbfe.rds.aliyuncs.com",
                                                 "netType": "VPC"}]},
      "selectdb-2-fe.selectdbfe.rds.aliyuncs.com")],
)  # fmt: skip
def test_alired65_a_database_s_own_address_output_is_its_own(token: str, state: dict[str, Any], host: str) -> None:
    # the same assertions as rounds 23 and 24 (one body)
    test_alired63_a_database_s_own_address_output_is_its_own(token, state, host)


def _delegated_admin(code: str, uid: str, accounts: frozenset[str] = frozenset()) -> Subject:
    ref = ProviderRef("alicloud", "p", sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0], accounts=accounts)
    props = {"account_id": uid, "service_principal": "actiontrail.aliyuncs.com"}
    return Subject("alicloud:resourcemanager/delegatedAdministrator:DelegatedAdministrator", "admin", props, ref)


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired65_a_delegated_administrator_is_a_written_account(code: str) -> None:
    # account_id, "The ID of the member account in the resource directory" made the administrator of a trusted service
    # (RegisterDelegatedAdministrator): another account's is RES-023 (it passed before stop 65), as the AWS twin's
    # (organizations.DelegatedAdministrator); the stack's own passes, and so does the partner once declared.
    own, partner = "1234567890123456", "5555666677778888"
    assert rule_ids(code, _delegated_admin(code, partner, frozenset({own}))) == {"RES-023"}
    assert rule_ids(code, _delegated_admin(code, own, frozenset({own}))) == set()
    entry = {"id": "security", "kind": "resident", "match": f"acs:ram::{partner}:", "evidence": "the group's account"}
    declared, _ = RuleEngine(code, destinations=parse_destinations([entry])).check(
        _delegated_admin(code, partner, frozenset({own}))
    )
    assert [f.declared_by for f in declared] == ["security"]
    with pytest.raises(ResidencyViolation, match=rf"^\[RES-023\] .*account_id.*{partner}"):
        _first_violation(code, _delegated_admin(code, partner, frozenset({own})))


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired65_the_template_s_own_mongodb_srv_address_is_its_own(code: str) -> None:
    # ALIYUN::MONGODB::PrivateSrvNetworkAddress PrivateSrvConnectionStringUri (template_attributes, stop 65): the
    # template's own instance's SRV address passes as a function's MONGODB_URI (RES-015 before); another attribute, or
    # the same one of a resource the template does not make, stays refused.
    def template(uri: Any) -> Subject:
        body = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {
            "Db": {"Type": "ALIYUN::MONGODB::Instance", "Properties": {"DBInstanceClass": "dds.mongo.mid",
                                                                      "DBInstanceStorage": 20, "VSwitchId": "vsw-1"}},
            "Srv": {"Type": "ALIYUN::MONGODB::PrivateSrvNetworkAddress", "Properties": {"DBInstanceId": {"Ref": "Db"}}},
            "Fn": {"Type": "ALIYUN::FC3::Function", "Properties": {
                "FunctionName": "f", "Runtime": "python3.10", "Handler": "index.handler", "Code": {"ZipFile": "x"},
                "EnvironmentVariables": {"MONGODB_URI": uri}}}}}  # fmt: skip
        return Subject("alicloud:ros/stack:Stack", "s", {"stack_name": "s", "template_body": json.dumps(body)},
                       provider(code, "alicloud"))  # fmt: skip

    assert rule_ids(code, template({"Fn::GetAtt": ["Srv", "PrivateSrvConnectionStringUri"]})) == set()
    assert rule_ids(code, template({"Fn::GetAtt": ["Srv", "DBInstanceId"]})) == {"RES-015"}
    assert rule_ids(code, template({"Fn::GetAtt": ["Elsewhere", "PrivateSrvConnectionStringUri"]})) == {"RES-015"}


# (alired66, stop 66) The deprecated cdn.Domain's `sources` ("a list of domain names or IP address",
# alicloud_cdn_domain) are its origins (destination_fields), and its omitted `scope` is the documented `domestic`
# (alicloud-cdn-scope defaults): a partner's origin passed every door, and so did a JP / DE domain with no scope.
def _cdn_domain(code: str, sources: list[str], scope: str | None = "domestic") -> Subject:
    props: dict[str, Any] = {"domain_name": "img.example.com", "cdn_type": "web", "sources": sources}
    if scope is not None:
        props["scope"] = scope
    return Subject("alicloud:cdn/domain:Domain", "cdn", props, provider(code, "alicloud"))


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired66_the_deprecated_cdn_domain_s_origins_are_destinations(code: str) -> None:
    home = sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0]
    abroad = "ap-southeast-1" if code == "CN" else "cn-hangzhou"
    scope = set() if code == "CN" else {"RES-016"}
    assert rule_ids(code, _cdn_domain(code, [f"img.oss-{home}.aliyuncs.com"])) == scope
    assert rule_ids(code, _cdn_domain(code, ["10.0.1.5"])) == scope
    assert rule_ids(code, _cdn_domain(code, [f"img.oss-{abroad}.aliyuncs.com"])) == scope | {"RES-006"}
    assert rule_ids(code, _cdn_domain(code, ["origin.partner-media.com"])) == scope | {"RES-015"}
    assert rule_ids(code, _cdn_domain(code, ["203.0.113.10"])) == scope | {"RES-015"}
    # no scope: the documented default, domestic (mainland China's edges)
    assert rule_ids(code, _cdn_domain(code, [f"img.oss-{home}.aliyuncs.com"], None)) == scope
    with pytest.raises(ResidencyViolation, match=r"^\[RES-015\] .*sources.*origin\.partner-media\.com"):
        _first_violation("CN", _cdn_domain("CN", ["origin.partner-media.com"]))


def _cloudsso_delegate(code: str, uid: str, accounts: frozenset[str] = frozenset()) -> Subject:
    ref = ProviderRef("alicloud", "p", sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0], accounts=accounts)
    return Subject("alicloud:cloudsso/delegateAccount:DelegateAccount", "sso", {"account_id": uid}, ref)


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired66_a_cloudsso_delegate_is_a_written_account(code: str) -> None:
    # EnableDelegateAccount: the account then manages CloudSSO (the directory's sign-in) for the whole directory, as
    # the resource directory's registration of the same account (stop 65): another account's is RES-023 (it passed),
    # the stack's own passes, and so does the partner once declared.
    own, partner = "1234567890123456", "5555666677778888"
    assert rule_ids(code, _cloudsso_delegate(code, partner, frozenset({own}))) == {"RES-023"}
    assert rule_ids(code, _cloudsso_delegate(code, own, frozenset({own}))) == set()
    entry = {"id": "identity", "kind": "resident", "match": f"acs:ram::{partner}:", "evidence": "the group's account"}
    declared, _ = RuleEngine(code, destinations=parse_destinations([entry])).check(
        _cloudsso_delegate(code, partner, frozenset({own}))
    )
    assert [f.declared_by for f in declared] == ["identity"]
    with pytest.raises(ResidencyViolation, match=rf"^\[RES-023\] .*account_id.*{partner}"):
        _first_violation(code, _cloudsso_delegate(code, partner, frozenset({own})))


def _ros_account_template(
    code: str, resource: dict[str, Any], parameter: dict[str, Any] | None = None, given: str | None = None
) -> Subject:
    body: dict[str, Any] = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"R": resource}}
    if parameter is not None:
        body["Parameters"] = {"Member": parameter}
    props: dict[str, Any] = {"stack_name": "s", "template_body": json.dumps(body)}
    if given is not None:
        props["parameters"] = [{"parameter_key": "Member", "parameter_value": given}]
    ref = ProviderRef("alicloud", "p", sorted(CATALOGUE.jurisdictions[code].regions("alicloud"))[0],
                      accounts=frozenset({"1234567890123456"}))  # fmt: skip
    return Subject("alicloud:ros/stack:Stack", "s", props, ref)


def _ros_delegated_admin(account: Any) -> dict[str, Any]:
    return {"Type": "ALIYUN::ResourceManager::DelegatedAdministrator",
            "Properties": {"AccountId": account, "ServicePrincipal": "actiontrail.aliyuncs.com"}}  # fmt: skip


@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired66_a_ros_delegated_administrator_is_judged_as_its_twin(code: str) -> None:
    # ALIYUN::ResourceManager::DelegatedAdministrator AccountId -> resourcemanager/delegatedAdministrator `account_id`
    # (stack_templates, stop 66): a partner's account passed every door; the stack's own, or a member account the
    # template makes (its Ref / Fn::GetAtt AccountId, no Parameter), passes.
    own, partner = "1234567890123456", "5555666677778888"
    assert rule_ids(code, _ros_account_template(code, _ros_delegated_admin(partner))) == {"RES-023"}
    assert rule_ids(code, _ros_account_template(code, _ros_delegated_admin(own))) == set()
    member = {"Type": "ALIYUN::ResourceManager::Account", "Properties": {"DisplayName": "security"}}
    body = {"ROSTemplateFormatVersion": "2015-09-01", "Resources": {
        "Member": member, "R": _ros_delegated_admin({"Fn::GetAtt": ["Member", "AccountId"]})}}  # fmt: skip
    made = _ros_account_template(code, member)
    assert rule_ids(code, made._replace(props={"stack_name": "s", "template_body": json.dumps(body)})) == set()


_SHARED_TARGET = {"Type": "ALIYUN::ResourceManager::SharedTarget",
                  "Properties": {"ResourceShareId": "rs-1", "TargetId": {"Ref": "Member"}}}  # fmt: skip


@pytest.mark.parametrize("resource", [_ros_delegated_admin({"Ref": "Member"}), _SHARED_TARGET],
                         ids=["written-account", "granted-account"])  # fmt: skip
@pytest.mark.parametrize("code", ["CN", "JP", "DE"])
def test_alired66_a_template_parameter_at_an_account_field_is_that_account(code: str, resource: dict[str, Any]) -> None:
    # (alired66) A Ref of a Parameter as a whole account field (written_account_fields / granted_account_fields of the
    # ROS type's twin): the value the stack gives it, else its Default, judged as that account; no value: RES-023,
    # declared by the reference as written. Each passed every door before, a partner's UID given included.
    own, partner = "1234567890123456", "5555666677778888"
    string = {"Type": "String"}
    assert rule_ids(code, _ros_account_template(code, resource, string, given=partner)) == {"RES-023"}
    assert rule_ids(code, _ros_account_template(code, resource, string, given=own)) == set()
    assert rule_ids(code, _ros_account_template(code, resource, {**string, "Default": partner})) == {"RES-023"}
    assert rule_ids(code, _ros_account_template(code, resource, {**string, "Default": own})) == set()
    assert rule_ids(code, _ros_account_template(code, resource, string)) == {"RES-023"}
    entry = {"id": "member", "kind": "resident", "match": '{"Ref": "Member"}', "evidence": "the directory's member"}
    declared, _ = RuleEngine(code, destinations=parse_destinations([entry])).check(
        _ros_account_template(code, resource, string)
    )
    assert [f.declared_by for f in declared] == ["member"]
    with pytest.raises(ResidencyViolation, match=r"^\[RES-023\] .*\{\"Ref\": \"Member\"\} is the template's Parameter"):
        _first_violation_fresh(code, _ros_account_template(code, resource, string))


def test_alired66_a_cloudformation_parameter_at_a_granted_account_field() -> None:
    # The same reading serves CloudFormation (one reading of a template's Parameter): a Lambda permission's
    # `Principal` given by a Parameter with no value is RES-023; its Default of the stack's own account passes.
    ref = ProviderRef("aws", "p", "eu-central-1", accounts=frozenset({"123456789012"}))

    def stack(parameter: dict[str, Any]) -> Subject:
        permission = {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": {"Ref": "Peer"}}
        body = {"Parameters": {"Peer": parameter},
                "Resources": {"P": {"Type": "AWS::Lambda::Permission", "Properties": permission}}}  # fmt: skip
        return Subject("aws:cloudformation/stack:Stack", "s", {"name": "s", "template_body": json.dumps(body)}, ref)

    assert rule_ids("EU", stack({"Type": "String"})) == {"RES-023"}
    assert rule_ids("EU", stack({"Type": "String", "Default": "123456789012"})) == set()
    assert rule_ids("EU", stack({"Type": "String", "Default": "210987654321"})) == {"RES-023"}
