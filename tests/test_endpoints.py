"""The endpoint catalogue (endpoints.yaml): every suffix, short code, edge suffix and global service,
each with a compliant and an offending case; region discovery in keys, lists, documents and payloads."""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from components.residency import RuleEngine, Subject, load_catalogue
from components.residency.catalogue import Cloud
from components.residency.endpoints import load_endpoints
from components.residency.engine import ProviderRef

CATALOGUE = load_catalogue()
ENDPOINTS = load_endpoints()
CODES = sorted(CATALOGUE.jurisdictions)
ENGINES = {code: RuleEngine(code) for code in CODES}


def provider(code: str, cloud: Cloud = "aws") -> ProviderRef:
    regions = sorted(CATALOGUE.jurisdictions[code].regions(cloud))
    return ProviderRef(cloud, "p", regions[0] if regions else None)


def rule_ids(code: str, subject: Subject) -> set[str]:
    return {f.rule.id for f in ENGINES[code].check(subject)[0]}


def url_subject(url: str, cloud: Cloud = "aws", code: str = "CN") -> Subject:
    token = "aws:lambda/function:Function" if cloud == "aws" else "alicloud:fc/function:Function"
    return Subject(token, "fn", {"environment": {"variables": {"TARGET": url}}}, provider(code, cloud))


# -- every regional suffix x every region, both verdicts ----------------------------------------------

AWS_SUFFIX_REGIONS = [
    (suffix, region)
    for suffix, entry in ENDPOINTS.aws.suffixes.items()
    for region in sorted(CATALOGUE.aws_partitions[entry.partition].regions)  # type: ignore[index]
    if entry.partition in CATALOGUE.aws_partitions
]
ALI_SUFFIX_REGIONS = [
    (suffix, region) for suffix in ENDPOINTS.alicloud.suffixes for region in sorted(CATALOGUE.alicloud_regions)
]


def _aws_host(shape: int, region: str, suffix: str) -> str:
    return [
        f"kms.{region}.{suffix}",
        f"fleet-data.s3.{region}.{suffix}",
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


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALI_SUFFIX_REGIONS), st.integers(0, 4), st.sampled_from(CODES))
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
    "alicdn.com": ("CN", "img.alicdn.com", False),
    "kunlunsl.com": ("CN", "static.example.cn.w.kunlunsl.com", False),
    "kunlungr.com": ("CN", "static.example.cn.w.kunlungr.com", False),
    "alikunlun.com": ("CN", "static.example.cn.w.alikunlun.com", False),
    "cdngslb.com": ("CN", "static.example.cn.w.cdngslb.com", False),
    "aliyun.com": ("CN", "signin.aliyun.com", False),
    "aliyun-inc.com": ("CN", "x.aliyun-inc.com", False),
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


def test_a_principal_shape_outside_a_principal_key_is_a_host() -> None:
    subject = Subject(
        "aws:lambda/function:Function",
        "fn",
        {"environment": {"variables": {"HOST": "sqs.amazonaws.com"}}},
        provider("EU"),
    )
    assert rule_ids("EU", subject) == {"RES-015"}


# -- global services: every catalogue entry, paired ------------------------------------------------------

_TITAN = "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-lite-v1"
_EU_PROFILE = "arn:aws:bedrock:eu-west-1:1:inference-profile/eu.amazon.nova-lite-v1:0"
_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0"
_CEN = "alicloud:cen/bandwidthPackage:BandwidthPackage"
_MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint"
_S3TA = "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration"
_OSSTA = "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration"
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
        {"foundation_model": f"us.{_HAIKU}"},
    ),
    "alicloud-cdn-scope": (
        "CN",
        "alicloud",
        "alicloud:cdn/domainNew:DomainNew",
        {"scope": "domestic"},
        {"scope": "overseas"},
    ),
    "alicloud-cen-bandwidth-package": (
        "CN",
        "alicloud",
        _CEN,
        {"geographic_region_a_id": "China", "geographic_region_b_id": "China"},
        {"geographic_region_a_id": "China", "geographic_region_b_id": "Europe"},
    ),
    "alicloud-global-accelerator": ("CN", "alicloud", "alicloud:ga/accelerator:Accelerator", {}, {"spec": "1"}),
    "alicloud-oss-transfer-acceleration": ("CN", "alicloud", _OSSTA, {"enabled": False}, {"enabled": True}),
}


def test_every_global_service_has_a_pair() -> None:
    assert set(GLOBAL_CASES) == {s.id for s in ENDPOINTS.global_services}


@pytest.mark.parametrize("service_id", sorted(GLOBAL_CASES))
def test_global_service_pair(service_id: str) -> None:
    code, cloud, token, good, bad = GLOBAL_CASES[service_id]
    whole_resource = next(s for s in ENDPOINTS.global_services if s.id == service_id).field is None
    if whole_resource and service_id != "aws-cloudfront":
        # A resource that is global in itself has no compliant form; its twin is a declaration.
        from components.residency.destinations import parse_destinations

        entry = {"id": "ga", "kind": "resident", "match": token, "evidence": "accepted by the DPO, ticket 1"}
        engine = RuleEngine(code, destinations=parse_destinations([entry]))
        findings, _ = engine.check(Subject(token, "r", good, provider(code, cloud)))
        assert [(f.rule.id, f.declared_by) for f in findings] == [("RES-016", "ga")]
    else:
        assert rule_ids(code, Subject(token, "r", good, provider(code, cloud))) == set()
    offending_code = "EU" if service_id == "aws-cloudfront" else code
    findings, _ = ENGINES[offending_code].check(Subject(token, "r", bad, provider(offending_code, cloud)))
    assert [f.rule.id for f in findings] == ["RES-016"] * len(findings) and findings
    assert f"[{service_id}]" in findings[0].detail


# -- region discovery -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("destinationRegion", "ap-east-1"),
        ("replica-regions", ["cn-north-1", "ap-east-1"]),
        ("backup_region_lists", "cn-north-1, ap-east-1"),
        ("allowedRegions", "cn-north-1 ap-east-1"),
        ("copy_region_ids", "cn-northwest-1;ap-east-1"),
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
