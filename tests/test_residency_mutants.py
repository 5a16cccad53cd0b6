"""The mutation search (tests/residency_mutants.py) over a fixed sample of compliant programs: every resident value
swapped for a foreign one is refused, except in the fields listed below, which carry no destination.

A future change that stops judging a field (a host path dropped from the catalogue, a script no longer read) makes a
mutant survive outside the allow-list, and this test fails naming it. Bounded (eight mutants per program, 22 programs,
every kind of mutant: region, zone, zone id, host (each host of a list), e-mail, private address, base64 and base64 of
gzip) and derandomised (the mutants are made in the programs' own order). Round 5's kinds (a region of a list, an ARN
of another region without its account, a host in capitals, with a trailing dot, as an IPv6 literal, with userinfo and a
port, a whole-value host with a port, base64 inside a longer value, a document nested in a string) run over five
programs of their own, eight per program, and every survivor must be one its plain swap explains or an allow-listed
field. Round 7's kinds (a bucket the stack makes replaced by one it does not, a regional endpoint by its service's
global or acceleration form, an in-country scope value by each other documented value, a unique-local IPv6 address by
a global one) run over programs of their own the same way, and round 9's (an account a grant names replaced by one no
provider pins) too.
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path
from typing import Any

import residency_mutants as search
import yaml

SAMPLE = [
    "cn-vod-default-scope",  # a VOD origin (sources[].source_content)
    "eu-platform-ssm-command-association-frankfurt",  # an SSM Command document's runCommand (--region)
    "cn-lambda-regional-sqs-url",  # a queue URL in an environment map
    "cn-ecs-user-data-internal-oss",  # base64 user data with an OSS host
    "cn-sls-pipeline",  # SLS projects named after their region
    "eu-lambda-proxy-bypass-list",  # NO_PROXY
    "cn-iam-deny-outside-china",  # a Deny statement's region list
    "cn-lambda-declared-transfer",  # a declared destination's host
    "eu-cname-to-own-alb",  # a record's name and its target
    # Round 2 (stop 32): fields the round closed or found judged.
    "cn-platform-cn-cloudfront-portal",  # a CloudFront distribution's logging bucket (loggingConfig.bucket)
    "cn-platform-cn-ali-oss-lifecycle-replication",  # an OSS replication's destination.location
    "cn-platform-cn-ali-events-and-apps",  # an SAE application's namespace_id (cn-shanghai:fleet)
    "eu-platform-cognito-identity-pool",  # a Cognito app client's user_pool_id (eu-west-1_...)
    "mt32-jp-alias-to-own-alb-and-apex",  # a Route 53 alias record's target (aliases[].name)
    # Round 3 (stop 33): the zone, zone-id and e-mail mutants, and the fields the round closed.
    "cn-flink-workspace-own-bucket",  # a zone name (zone_id cn-shanghai-b)
    "us-platform-markets-s3-express-tables",  # zone ids (a subnet, a directory bucket)
    "eu-exadata-oracle-contacts-declared-mail",  # an e-mail destination and a zone id
    "cn-sns-email-declared",  # an SNS e-mail subscription's endpoint
    "mutants3-eu-lambda-user-pool-var-ireland",  # a Cognito user pool id under USER_POOL
    # Round 4 (stop 33): gzip-compressed user data, and a host list swapped one host at a time.
    "eu-ec2-user-data-psql-own-region-rds",  # base64 of gzip user data (region-b64gz)
    "mutants4-de-ec2-gzip-user-data-own-services",  # gzip user data: a region, an API host, an RDS host (host-b64gz)
    "mutants4-cn-lambda-bootstrap-own-brokers",  # a Kafka bootstrap list under BOOTSTRAP, each broker in turn
]

# The kinds of rounds 1-4 (each also inside base64 and base64 of gzip), run over SAMPLE as before round 5; round 5's
# kinds are run over their own programs (ROUND_5_SAMPLE) so that the budget stays as it was.
ROUND_4_KINDS = {"region", "zone", "zone-id", "host", "partition", "email", "ip"}

# Round 5 (stop 34): base64 and base64 of gzip inside plain cloud-config user data, a region of a list, an ARN of
# another region without its account, a host in other spellings, a JSON document nested in a string, and the nested ARN
# of an API Gateway integration URI the round closed.
ROUND_5_SAMPLE = [
    "mutants5-de-ec2-cloud-config-encoded-files-own-services",  # write_files with encoding b64 and gz+b64
    "mutants5-cn-ecs-cloud-config-encoded-files-own-oss",
    "mutants5-eu-rest-api-integration-paris-function",  # a function ARN inside the integration URI (region-one)
    "cn-platform-cn-ali-events-and-apps",  # SAE envs: a host in a document nested in an entry's value
    "cn-lambda-regional-sqs-url",  # a queue URL: upper case, trailing dot, IPv6 literal, userinfo and port
]
ROUND_5_KINDS = {
    "region-one", "arn-noacct", "host-upper", "host-dot", "host-ipv6", "host-userinfo", "host-port", "inb64", "ingz",
    "nested",
}  # fmt: skip

# (type, property path) pairs where a swapped value is rightly accepted: it names or matches, never sends.
BENIGN = {
    # Names of the stack's own SLS projects, which embed their region as text; where logs go is the project's region
    # (the provider's, judged) and a sink's endpoint or region field (judged).
    ("alicloud:log/etl:Etl", "etlSinks.[*].project"),
    ("alicloud:log/etl:Etl", "project"),
    ("alicloud:log/logTailConfig:LogTailConfig", "project"),
    ("alicloud:log/machineGroup:MachineGroup", "project"),
    ("alicloud:log/ossShipper:OssShipper", "projectName"),
    ("alicloud:log/project:Project", "projectName"),
    ("alicloud:log/store:Store", "projectName"),
    # The accelerated domain VOD serves (a name viewers use), not its origin.
    ("alicloud:vod/domain:Domain", "domainName"),
    # A Deny statement narrows what is allowed; its foreign regions send nothing anywhere.
    ("aws:iam/policy:Policy", "policy"),
    # NO_PROXY lists the hosts a client reaches without its proxy: compared with, never sent to.
    ("aws:lambda/function:Function", "environment.variables.NO_PROXY"),
    # A record's own name (what clients look up), not its target.
    ("aws:route53/record:Record", "name"),
    # Round 2 (stop 32).
    # A hosted zone's own domain and the names a distribution serves (alternate domain names): looked up by clients,
    # never sent to; where the distribution fetches from is its origins (judged) and where it logs, logging_config.
    ("aws:route53/zone:Zone", "name"),
    ("aws:cloudfront/distribution:Distribution", "aliases.[*]"),
    # The custom domain Function Compute serves (a name clients call), not a destination.
    ("alicloud:fc/v3CustomDomain:V3CustomDomain", "customDomainName"),
    # The name of the OSS bucket being created (which embeds its region as text): the bucket is made in the
    # provider's region, which is judged.
    ("alicloud:oss/bucket:Bucket", "bucket"),
    # OSS access logging: the source bucket is addressed at the provider's regional endpoint, and "The TargetBucket
    # parameter must specify a bucket in the same region as the source bucket" (same_region_buckets): both names are
    # of buckets in the provider's region, whatever region their text names.
    ("alicloud:oss/bucketLogging:BucketLogging", "bucket"),
    ("alicloud:oss/bucketLogging:BucketLogging", "targetBucket"),
    # A replication rule's destination bucket lies in destination.location ("The region in which the destination
    # bucket is located"), which is judged (a swapped location is refused, RES-007); the name's text says nothing.
    ("alicloud:oss/bucketReplication:BucketReplication", "destination.bucket"),
    # Round 3 (stop 33).
    # An SLS machine group's identify list names the servers whose Logtail sends their logs into the project (data comes
    # in from them; where it is kept is the project's region, judged): an address there sends nothing of the stack's.
    ("alicloud:log/machineGroup:MachineGroup", "identifyLists.[*]"),
}


def test_no_resident_value_can_be_swapped_for_a_foreign_one_unnoticed() -> None:
    cases = [c for c in search.realistic.CASES if c.id in SAMPLE]
    assert sorted(c.id for c in cases) == sorted(SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8, kinds=ROUND_4_KINDS)
    # Every mutant was applied to the program and ran: a survivor is a verdict, not a mutant that never happened.
    assert [o.mutant for o in report.outcomes if not o.applied or o.error] == []
    kinds = {o.mutant.kind for o in report.outcomes if o.guard}
    expected_kinds = {"region", "host", "region-b64", "region-b64gz", "host-b64gz", "zone", "zone-id", "email", "ip"}
    assert expected_kinds <= kinds, kinds
    # Each host of a list is its own mutant: the second and third brokers of a bootstrap list are refused too.
    brokers = [o for o in report.outcomes if o.mutant.path[-1:] == ("BOOTSTRAP",) and o.mutant.kind == "host"]
    assert len(brokers) == 3 and all(o.guard == "RES-015" for o in brokers), brokers
    unexpected = {
        (group[0].mutant.case, type_, path, kind, group[0].mutant.after[:120])
        for (type_, path, kind), group in report.groups().items()
        if (type_, path) not in BENIGN
    }
    assert unexpected == set()


def test_round_5_spellings_and_nestings_of_a_foreign_value_are_refused() -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_5_SAMPLE]
    assert sorted(c.id for c in cases) == sorted(ROUND_5_SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8, kinds=ROUND_5_KINDS)
    assert [o.mutant for o in report.outcomes if not o.applied or o.error] == []
    kinds = {o.mutant.kind for o in report.outcomes if o.guard}
    expected_kinds = {
        "region-inb64", "host-inb64", "region-ingz", "region-one", "host-upper", "host-dot", "host-ipv6",
        "host-userinfo", "host-nested",
    }  # fmt: skip
    assert expected_kinds <= kinds, kinds
    unexplained = {
        (o.mutant.case, o.mutant.type, o.mutant.group[1], o.mutant.kind, o.mutant.after[:120])
        for o in report.unexplained
        if o.mutant.group[:2] not in BENIGN
    }
    assert unexplained == set()


# Round 7 (stop 35): a bucket of the stack's (a bucket key, an S3 host's bucket label, an `s3://` / `oss://` URL, a
# bucket inside base64 user data) swapped for `partner-exports-7`; a regional S3 / OSS endpoint swapped for S3 Transfer
# Acceleration's or OSS's acceleration endpoint, or the legacy global S3 endpoint; a CDN / DCDN / ESA scope, a CEN
# geography, a WAF 2.0 package's region and API Gateway's endpoint type swapped for each other documented value; a
# unique-local IPv6 address (fd00::/8) swapped for a global one.
ROUND_7_SAMPLE = [
    "mutants7-eu-lambda-log-bucket-regional-own",  # LOG_BUCKET as the bucket's regional host: bucket, edge
    "mutants7-jp-lambda-path-regional-own",  # a path-style S3 URL of the stack's bucket: bucket, edge
    "s3url-eu-user-data-legacy-own",  # the bucket's legacy regional host inside base64 user data
    "cn-ecs-user-data-internal-oss",  # an OSS internal endpoint inside base64 user data (edge-b64)
    "cn-cdn-domestic",  # CDN scope domestic
    "cn-cen-china-to-china",  # CEN geographies
    "cn-esa-log-delivery-mainland-data-center",  # ESA coverage and delivery data center
    "cn-waf2-mainland-package",  # a WAF 2.0 mainland package
    "eu-regional-rest-api",  # API Gateway REGIONAL
    "cn-api-gateway-http-backend-ula-ipv6-port",  # a unique-local IPv6 backend
    "jp-platform-intl-imds-region-script-ipv6",  # IMDS's IPv6 address in base64 user data
]
ROUND_7_KINDS = {"bucket", "edge", "scope", "ipv6"}
# Round 7's survivors in that sample that carry no destination of their own (docs/residency.md, round 7).
ROUND_7_BENIGN = {
    # An ESA delivery task's SLS project: a project name, placed by the task's own region fields (judged), the same
    # text as a bucket the stack makes.
    ("alicloud:esa/siteDeliveryTask:SiteDeliveryTask", "slsDelivery.slsProject"),
}


def test_round_7_buckets_edges_scopes_and_ipv6_are_refused() -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_7_SAMPLE]
    assert sorted(c.id for c in cases) == sorted(ROUND_7_SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8, kinds=ROUND_7_KINDS)
    assert [o.mutant for o in report.outcomes if not o.applied or o.error] == []
    # Every kind makes mutants, and each is refused somewhere in the sample.
    kinds = {o.mutant.kind for o in report.outcomes if o.guard}
    expected_kinds = {"bucket", "bucket-b64", "edge", "edge-b64", "scope", "ipv6", "ipv6-b64"}
    assert expected_kinds <= kinds, kinds
    # Each scope mutant is a value the catalogue documents and refuses in the jurisdiction.
    scopes = {(o.mutant.case, o.mutant.after) for o in report.outcomes if o.mutant.kind == "scope"}
    assert ("cn-cen-china-to-china", "Europe") in scopes and ("eu-regional-rest-api", "EDGE") in scopes, scopes
    assert all(o.guard == "RES-016" for o in report.outcomes if o.mutant.kind == "scope")
    unexpected = {
        (o.mutant.case, o.mutant.type, o.mutant.group[1], o.mutant.kind, o.mutant.after[:120])
        for o in report.survivors
        if o.mutant.group[:2] not in BENIGN | ROUND_7_BENIGN and not _own_bucket_at_legacy_global_endpoint(o.mutant)
    }
    assert unexpected == set()


def _own_bucket_at_legacy_global_endpoint(mutant: search.Mutant) -> bool:
    """An edge swap to the legacy global endpoint (`<own bucket>.s3.amazonaws.com`, the bucket's
    `bucket_domain_name`): a virtual-hosted request there reaches the bucket's own Region, and the stack makes the
    bucket (correct, round 7)."""
    if not mutant.kind.startswith("edge"):
        return False
    decoded = search._decoded(mutant.after)
    text = decoded[0] if decoded and mutant.kind != "edge" else mutant.after
    return ".s3.amazonaws.com" in text and "s3-accelerate" not in text


def test_round_7_swaps_of_a_leaf() -> None:
    """The new kinds on single values: each regional form has its edge form, a bucket is swapped where it stands as
    a bucket (not inside a longer name), and a unique-local address (not a range) is swapped for a global one."""
    record = type("Record", (), {"type": "aws:lambda/function:Function"})()

    def swaps(text: str, buckets: tuple[str, ...] = ("fleet-logs",), code: str = "EU") -> list[tuple[str, str]]:
        return list(search._round_7_swaps(code, record, ("environment", "variables", "X"), text, list(buckets), 0))

    assert swaps("fleet-logs.s3.eu-west-1.amazonaws.com") == [
        ("bucket", "partner-exports-7.s3.eu-west-1.amazonaws.com"),
        ("edge", "fleet-logs.s3-accelerate.amazonaws.com"),
    ]
    assert swaps("arn:aws:s3:::fleet-logs/*") == [("bucket", "arn:aws:s3:::partner-exports-7/*")]
    assert swaps("s3://fleet-logs-replica/x") == []  # another bucket's longer name
    assert swaps("oss://fleet-logs.oss-cn-shanghai-internal.aliyuncs.com/a", code="CN") == [
        ("bucket", "oss://partner-exports-7.oss-cn-shanghai-internal.aliyuncs.com/a"),
        ("edge", "oss://fleet-logs.oss-accelerate.aliyuncs.com/a"),
    ]
    assert swaps("https://sts.eu-west-1.amazonaws.com") == [("edge", "https://sts.amazonaws.com")]
    assert swaps("[fd12:3456:789a::15]:8080") == [("ipv6", "[2a05:d018::10]:8080")]
    assert swaps("fd00::/8") == []  # a range, not an address


def test_round_14_no_bucket_swap_of_a_name_that_is_no_bucket() -> None:
    """A role, role policy or image named as the program's bucket is (falsealarm28's `example`) is not swapped: a
    name or role key's whole value, or a name inside another service's ARN, names no bucket (false survivors of round
    14); a bucket named in an S3 ARN or a longer value still is."""
    record = type("Record", (), {"type": "aws:iam/rolePolicy:RolePolicy"})()

    def swaps(path: tuple[object, ...], text: str) -> list[str]:
        return [v for k, v in search._round_7_swaps("JP", record, path, text, ["example"], 0) if k == "bucket"]

    assert swaps(("name",), "example") == []
    assert swaps(("role",), "example") == []
    assert swaps(("buildRoleArn",), "arn:aws:iam::123456789012:role/example") == []
    policy = '{"Resource": "arn:aws:s3:::example/*"}'
    assert swaps(("policy",), policy) == [policy.replace("example", "partner-exports-7")]
    assert swaps(("bucketArn",), "arn:aws:s3:::example") == ["arn:aws:s3:::partner-exports-7"]
    assert swaps(("name",), "s3://example/logs") == ["s3://partner-exports-7/logs"]


# Round 9 (stop 36): an account a grant names (an IAM / RAM ARN's account, a bare id or UID, a quoted id in a policy)
# swapped for an account no provider of the stack pins: RES-023 refuses it, for AWS and Alibaba Cloud grants alike.
ROUND_9_SAMPLE = [
    "grants36-eu-kms-grant-own",  # a KMS grant's grantee_principal (granted_account_fields)
    "grants36-eu-layer-permission-own",  # a layer version permission's principal, a bare id
    "grants36-de-vpce-service-own",  # an endpoint service's allowed_principals
    "grants36-de-ecr-other-provider-after-allowed",  # a repository policy for the account another provider pins
    "accountsali36-eu-ram-role-document-own",  # a RAM role's trust policy (acs:ram::<uid>:root)
    "accountsali36-eu-oss-bucket-policy-own",  # an OSS bucket policy's principal, a bare UID
    "accountsali36-eu-shared-target-own",  # a resource share's target
]
ROUND_9_BENIGN: set[tuple[str, str]] = set()


def test_round_9_a_grant_to_an_account_no_provider_pins_is_refused() -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_9_SAMPLE]
    assert sorted(c.id for c in cases) == sorted(ROUND_9_SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8, kinds={"account"})
    assert [o.mutant for o in report.outcomes if not o.applied or o.error] == []
    refused = {(o.mutant.type.split(":", 1)[0], o.guard) for o in report.outcomes if o.guard}
    assert {("aws", "RES-023"), ("alicloud", "RES-023")} <= refused, refused
    assert all(search.STRANGER_ACCOUNT in o.mutant.after or search.STRANGER_UID in o.mutant.after
               for o in report.outcomes)  # fmt: skip
    unexpected = {
        (o.mutant.case, o.mutant.type, o.mutant.group[1], o.mutant.after[:120])
        for o in report.survivors
        if o.mutant.group[:2] not in ROUND_9_BENIGN
    }
    assert unexpected == set()


# Round 10 (stop 41): the two leaks the round closed, each through its own kind: an SAE ConfigMap's namespace id
# (`cn-shanghai:fleet`, region_id_fields) and a statement to `*` limited to one account's callers
# (`aws:PrincipalAccount`, public_access.account_conditions). Every mutant of the two programs is refused.
ROUND_10_SAMPLE = [
    "mutation41-cn-ali-sae-config-map-home",  # a ConfigMap's namespace_id (region)
    "mutation41-eu-secret-principal-account-own",  # `*` with aws:PrincipalAccount (account)
]


def test_round_10_a_config_maps_namespace_and_a_callers_account_are_judged() -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_10_SAMPLE]
    assert sorted(c.id for c in cases) == sorted(ROUND_10_SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8, kinds={"region", "account"})
    assert [o.mutant for o in report.outcomes if not o.applied or o.error] == []
    refused = {(o.mutant.type, o.mutant.group[1], o.guard) for o in report.outcomes if o.guard}
    assert ("alicloud:sae/configMap:ConfigMap", "namespaceId", "RES-009") in refused, refused
    assert ("aws:secretsmanager/secretPolicy:SecretPolicy", "policy", "RES-023") in refused, refused
    assert [(o.mutant.case, o.mutant.type, o.mutant.group[1], o.mutant.after[:120]) for o in report.survivors] == []


# Round 11 (stop 42): an HTTP API's SQS-SendMessage integration writes into the queue its QueueUrl names, whose owner
# account is judged (written_account_fields), in the OpenAPI body and on the Integration resource. Every account mutant
# of the queue is refused (a REST API's SQS path too); the survivors allowed are the role API Gateway runs as
# (`credentials_arn` / `credentials`, a role passed to a service, explained since round 1).
ROUND_11_SAMPLE = [
    "mutation42-eu-http-sqs-body-own",  # QueueUrl in the OpenAPI body (with the role, one leaf)
    "mutation42-eu-http-sqs-integration-own",  # QueueUrl in the Integration's request_parameters
    "mutation42-eu-http-sqs-rest-integration-own",  # a REST API Integration's uri, sqs:path/<account>/<queue>
]


def test_round_11_an_http_api_sqs_integrations_queue_account_is_judged() -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_11_SAMPLE]
    assert sorted(c.id for c in cases) == sorted(ROUND_11_SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8, kinds={"account"})
    assert [o.mutant for o in report.outcomes if not o.applied or o.error] == []
    refused = {(o.mutant.type, o.mutant.group[1], o.guard) for o in report.outcomes if o.guard}
    assert ("aws:apigatewayv2/api:Api", "body", "RES-023") in refused, refused
    assert ("aws:apigatewayv2/integration:Integration", "requestParameters.QueueUrl", "RES-023") in refused, refused
    assert ("aws:apigateway/integration:Integration", "uri", "RES-023") in refused, refused
    survivors = {(o.mutant.type, o.mutant.group[1]) for o in report.survivors}
    roles = {("aws:apigatewayv2/integration:Integration", "credentialsArn"), ("aws:apigateway/integration:Integration",
                                                                              "credentials")}  # fmt: skip
    assert survivors <= roles, survivors


def test_round_13_no_account_swap_of_an_aws_cn_account_in_a_cn_program() -> None:
    """In a CN program an AWS account of an aws-cn ARN, a bare id or a China queue URL is China's by partition
    whatever its id: its swap made only false survivors (rounds 9 to 12), so it is not made; an `arn:aws:` ARN's
    account and an Alibaba Cloud UID still are, and every program of another jurisdiction is unchanged."""
    record = type("Record", (), {"type": "aws:iam/role:Role"})()
    stranger = search.STRANGER_ACCOUNT

    def swaps(text: str, code: str) -> list[str]:
        return [after for _, after in search._account_swaps(record, text, code)]

    role = "arn:aws-cn:iam::123456789012:role/search-admin"
    assert swaps(role, "CN") == []
    assert swaps("123456789012", "CN") == []
    assert swaps("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders", "CN") == []
    assert swaps(role, "EU") == [role.replace("123456789012", stranger)]
    assert swaps("123456789012", "JP") == [stranger]
    assert swaps("arn:aws:iam::444455556666:root", "CN") == [f"arn:aws:iam::{stranger}:root"]
    assert swaps('{"AWS": "arn:aws:iam::444455556666:root", "x": "123456789012"}', "CN") == [
        f'{{"AWS": "arn:aws:iam::{stranger}:root", "x": "123456789012"}}'
    ]
    assert swaps("acs:ram::1234567890123456:role/etl", "CN") == [f"acs:ram::{search.STRANGER_UID}:role/etl"]


# Round 15 (stop 45): an in-country regional cloud host written as a lookalike of it (the dot before the provider
# domain made a dash, or the host as the first labels of a foreign name). Opt-in: a default run makes none.
ROUND_15_SAMPLE = [
    "mutation45-eu-opensearch-env-home",  # SEARCH_HOST, an OpenSearch VPC endpoint
    "mutation45-cn-sls-env-home",  # SLS_HOST, an SLS internal endpoint
    "logplugins44-jp-ssm-fluentd-fd-forward-own-nlb",  # a Fluentd forward server, the stack's NLB host
]


def test_round_15_a_lookalike_of_an_in_country_host_is_refused() -> None:
    assert list(search._lookalike_swaps("EU", "vpc-logs.eu-west-1.es.amazonaws.com")) == [
        ("lookalike", "vpc-logs.eu-west-1.es-amazonaws.com"),
        ("lookalike", "vpc-logs.eu-west-1.es.amazonaws.com.collector.example.com"),
    ]
    assert list(search._lookalike_swaps("CN", '{"Service": "states.amazonaws.com.cn"}')) == []  # no Region: a principal
    assert list(search._lookalike_swaps("JP", "vpc-logs.eu-west-1.es.amazonaws.com")) == []  # not in-country
    cases = [c for c in search.realistic.CASES if c.id in ROUND_15_SAMPLE]
    assert len(cases) == len(ROUND_15_SAMPLE)
    assert "lookalike" in search.OPT_IN_KINDS  # made only when --kinds names it
    report = search.search(cases=cases, per_case=4, kinds={"lookalike"})
    assert len(report.outcomes) >= len(cases)
    assert all(o.applied and o.error is None for o in report.outcomes)
    assert [o.mutant for o in report.survivors] == []
    assert {o.guard for o in report.outcomes} == {"RES-015"}


# Round 16 (stop 47): a template body's pseudo parameters (`${AWS::AccountId}`, `{"Ref": "ALIYUN::Region"}`) written
# as a foreign account or Region, one reference per mutant. Opt-in: a default run makes none.
def test_round_16_a_templates_own_account_or_region_is_swapped_one_reference_at_a_time() -> None:
    endpoint = {"Fn::Sub": "acs:mns:${ALIYUN::Region}:${ALIYUN::AccountId}:/queues/q"}
    template = json.dumps({
        "Resources": {
            "Sub": {"Properties": {"Endpoint": endpoint}},
            "Ref": {"Properties": {"Region": {"Ref": "ALIYUN::Region"}, "Name": "orders"}},
        }
    })  # fmt: skip
    swaps = [json.loads(after) for kind, after in search._template_swaps("CN", template) if kind == "template"]
    assert [s["Resources"]["Sub"]["Properties"]["Endpoint"]["Fn::Sub"] for s in swaps] == [
        "acs:mns:ap-southeast-1:${ALIYUN::AccountId}:/queues/q",
        f"acs:mns:${{ALIYUN::Region}}:{search.STRANGER_UID}:/queues/q",
        "acs:mns:${ALIYUN::Region}:${ALIYUN::AccountId}:/queues/q",
    ]
    assert swaps[2]["Resources"]["Ref"]["Properties"]["Region"] == "cn-hongkong"
    aws = json.dumps(
        {"Resources": {"Q": {"Properties": {"Arn": {"Fn::Sub": "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q"}}}}}
    )
    assert [after for _, after in search._template_swaps("EU", aws)][1].count(search.STRANGER_ACCOUNT) == 1
    cn = [after for _, after in search._template_swaps("CN", aws)]  # an aws-cn account is China's (round 13)
    assert len(cn) == 1 and search.STRANGER_ACCOUNT not in cn[0]
    assert list(search._template_swaps("EU", '{"Statement": [{"Resource": "${AWS::AccountId}"}]}')) == []  # no template
    assert "template" in search.OPT_IN_KINDS


ROUND_16_SAMPLE = [
    "ros46-cn-mns-own-join",  # an MNS subscription's Endpoint, Fn::Join of Ref ALIYUN::Region / ALIYUN::AccountId
    "cfntypes46-eu-esm-own-sub",  # an event source mapping's OnFailure destination, Fn::Sub of ${AWS::AccountId}
    "samevents46-jp-ebrule-dlq-own-sub",  # a SAM function event's DeadLetterConfig, Fn::Sub
]


def test_round_16_a_templates_destination_in_a_foreign_account_or_region_is_refused() -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_16_SAMPLE]
    assert sorted(c.id for c in cases) == sorted(ROUND_16_SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=4, kinds={"template"})
    assert len(report.outcomes) == 2 * len(cases)  # each program's account and Region
    assert all(o.applied and o.error is None for o in report.outcomes)
    assert [o.mutant for o in report.survivors] == []
    assert {o.guard for o in report.outcomes} == {"RES-023", "RES-004", "RES-005"}


def test_round_17_a_templates_partition_and_own_resources_are_swapped_one_reference_at_a_time() -> None:
    template = {
        "Resources": {
            "Dlq": {"Type": "AWS::SQS::Queue"},
            "Alerts": {"Type": "AWS::SNS::Topic"},
            "Role": {"Type": "AWS::IAM::Role"},
            "Rule": {"Type": "AWS::Events::Rule", "Properties": {"Targets": [
                {"Arn": {"Ref": "Alerts"}, "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["Dlq", "Arn"]}},
                 "RoleArn": {"Fn::GetAtt": "Role.Arn"}},
                {"Arn": {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:q"}},
                {"Arn": {"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "sns"]]}},
            ]}},
        }
    }  # fmt: skip
    own = [json.loads(after) for _, after in search._template_own_swaps("EU", json.dumps(template))]
    targets = [o["Resources"]["Rule"]["Properties"]["Targets"][0] for o in own]
    assert [t["Arn"] for t in targets] == [
        {"Fn::Sub": f"arn:${{AWS::Partition}}:sns:${{AWS::Region}}:{search.STRANGER_ACCOUNT}:partner-alerts"},
        {"Ref": "Alerts"},
    ]
    assert targets[1]["DeadLetterConfig"]["Arn"] == {
        "Fn::Sub": f"arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:{search.STRANGER_ACCOUNT}:partner-orders"
    }
    assert all(t["RoleArn"] == {"Fn::GetAtt": "Role.Arn"} for t in targets)  # a role a service runs as: not swapped
    assert list(search._template_own_swaps("CN", json.dumps(template))) == []  # an aws-cn account is China's
    partitions = [after for _, after in search._template_partition_swaps("EU", json.dumps(template))]
    assert [p.count("aws-cn") for p in partitions] == [1, 1]
    assert "arn:aws:sqs:" in search._template_partition_swaps("CN", json.dumps(template)).__next__()[1]
    # A YAML body, short-form intrinsics included, is read and written back as YAML.
    body = (
        "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Trail:\n    Properties:\n      S3BucketName: !Ref Bucket\n"
    )
    [(kind, after)] = list(search._template_own_swaps("JP", body))
    assert kind == "template-own" and not after.lstrip().startswith("{")
    assert yaml.safe_load(after)["Resources"]["Trail"]["Properties"]["S3BucketName"] == search.PARTNER_BUCKET
    assert [k for k, _ in search._template_swaps("JP", body.replace("!Ref Bucket", "!Sub '${AWS::Region}'"))] == [
        "template"
    ]
    assert {"template-partition", "template-own"} <= search.OPT_IN_KINDS


def test_round_17_a_templates_own_resource_or_account_written_as_a_partners_is_refused() -> None:
    # The round's leak: a SAM dead-letter queue `arn:...:${AWS::AccountId}:${Dlq.QueueName}` given another account
    # passed (a text still holding a variable was walked under its Fn::Sub key); since mutation48 it is RES-023.
    cases = {c.id: c for c in search.realistic.CASES if c.id in ROUND_17_SAMPLE}
    assert sorted(cases) == sorted(ROUND_17_SAMPLE) and all(not c.expected for c in cases.values())
    dlq = search.search(cases=[cases["review46-eu-sam-dlq-sub-pseudo-unpinned"]], per_case=4, kinds={"template"})
    assert [(o.mutant.kind, o.guard) for o in dlq.outcomes if search.STRANGER_ACCOUNT in o.mutant.after] == [
        ("template", "RES-023")
    ]
    # A YAML template: the bucket's notification queue written as a partner's is refused; the queue policy's own
    # `Queues` / `Resource` written so survive (a policy on another's queue sends it nothing of the stack's).
    yaml_case = cases["falsealarm47-eu-yaml-bucket-notification-own-queue"]
    report = search.search(cases=[yaml_case], per_case=6, kinds={"template-own"})
    assert all(o.applied and o.error is None for o in report.outcomes)
    assert sorted(o.guard or "" for o in report.outcomes) == ["", "", "RES-023"]
    refused = next(o for o in report.outcomes if o.guard)
    inbox = yaml.safe_load(refused.mutant.after)["Resources"]["Inbox"]["Properties"]
    assert "partner-orders" in inbox["NotificationConfiguration"]["QueueConfigurations"][0]["Queue"]["Fn::Sub"]


ROUND_17_SAMPLE = [
    "review46-eu-sam-dlq-sub-pseudo-unpinned",  # a SAM DeadLetterQueue TargetArn, Fn::Sub with ${Dlq.QueueName}
    "falsealarm47-eu-yaml-bucket-notification-own-queue",  # a YAML template's bucket notification queue
]


# Round 18 (stop 49): `template-own` reaches the other types the table's templates refer to where a service writes (a
# function by its `Ref` name or ARN, a KMS key, a bucket by its host, ROS's MNS `ARN`, FC and FC 3.0 functions, KMS
# keys), each written as a partner's of the same type; a host naming no account (an RDS endpoint) is left alone.
def test_round_18_template_own_reaches_functions_keys_and_bucket_hosts() -> None:
    aws = {
        "Resources": {
            "Handler": {"Type": "AWS::Lambda::Function"},
            "Key": {"Type": "AWS::KMS::Key"},
            "Site": {"Type": "AWS::S3::Bucket"},
            "Db": {"Type": "AWS::RDS::DBInstance"},
            "Mapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                "FunctionName": {"Ref": "Handler"}, "KmsKeyArn": {"Fn::GetAtt": ["Key", "Arn"]},
                "Origin": {"Fn::GetAtt": "Site.RegionalDomainName"}, "Db": {"Fn::GetAtt": "Db.Endpoint.Address"},
            }},
        }
    }  # fmt: skip
    swaps = [json.loads(after)["Resources"]["Mapping"]["Properties"] for _, after in
             search._template_own_swaps("EU", json.dumps(aws))]  # fmt: skip
    assert swaps[0]["FunctionName"] == {
        "Fn::Sub": f"arn:${{AWS::Partition}}:lambda:${{AWS::Region}}:{search.STRANGER_ACCOUNT}:function:partner-fn"
    }
    assert search.STRANGER_ACCOUNT in swaps[1]["KmsKeyArn"]["Fn::Sub"]
    assert swaps[2]["Origin"] == {"Fn::Sub": f"{search.PARTNER_BUCKET}.s3.${{AWS::Region}}.amazonaws.com"}
    assert len(swaps) == 3 and all(s["Db"] == {"Fn::GetAtt": "Db.Endpoint.Address"} for s in swaps)
    ros = {
        "Resources": {
            "Fn": {"Type": "ALIYUN::FC3::Function"},
            "Queue": {"Type": "ALIYUN::MNS::Queue"},
            "Logs": {"Type": "ALIYUN::OSS::Bucket"},
            "Rule": {"Type": "ALIYUN::EventBridge::Rule", "Properties": {"Targets": [
                {"Endpoint": {"Fn::GetAtt": ["Fn", "FunctionArn"]}}, {"Endpoint": {"Fn::GetAtt": ["Queue", "ARN"]}},
                {"Endpoint": {"Fn::GetAtt": ["Logs", "InternalDomainName"]}},
            ]}},
        }
    }  # fmt: skip
    targets = [json.loads(after)["Resources"]["Rule"]["Properties"]["Targets"] for _, after in
               search._template_own_swaps("CN", json.dumps(ros))]  # fmt: skip
    assert [t[i]["Endpoint"]["Fn::Sub"] for i, t in enumerate(targets)] == [
        f"acs:fc:${{ALIYUN::Region}}:{search.STRANGER_UID}:functions/partner-fn",
        f"acs:mns:${{ALIYUN::Region}}:{search.STRANGER_UID}:queues/partner-orders",
        f"{search.PARTNER_BUCKET}.oss-${{ALIYUN::Region}}-internal.aliyuncs.com",
    ]


def test_round_18_a_seeded_run_keeps_a_journal_and_resumes_from_it(tmp_path: Path, monkeypatch: Any) -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_16_SAMPLE]
    journal = tmp_path / "run.jsonl"
    first = search.search(cases=cases, per_case=4, kinds={"template"}, seed=49, journal=journal)
    assert len(journal.read_text().splitlines()) == len(cases)
    assert first.per_kind() == {"template": (6, 6, 0)}

    def judged_again(*_: object, **__: object) -> None:
        raise AssertionError("a program the journal holds was judged again")

    monkeypatch.setattr(search, "judge", judged_again)
    again = search.search(cases=cases, per_case=4, kinds={"template"}, seed=49, journal=journal)
    assert [(o.mutant, o.guard) for o in again.outcomes] == [(o.mutant, o.guard) for o in first.outcomes]
    # The seed sets the programs' order (`limit` then takes a sample of it).
    order = [c.id for c in random.Random(49).sample(cases, len(cases))]
    assert list(dict.fromkeys(o.mutant.case for o in first.outcomes)) == order


# Round 18's leak (stop 49): an `Fn::Join` nested in a template resource's property (a state machine definition's
# `TopicArn`, a ROS EventBridge target's `Endpoint`) passed with another Region, partition or account joined in; since
# mutation49 each is refused as the text written out is. The one survivor left is the state machine's own `RoleArn`
# (a role a service runs as: rounds 9 to 17).
ROUND_18_SAMPLE = [
    "review45-jp-cfn-join-pseudo-unpinned",  # Definition.States.Notify.Parameters.TopicArn: Fn::Join of Refs
    "falsealarm47-cn-ros-eventbridge-own-queue-join",  # Targets[0].Endpoint: Fn::Join of Refs
]


def test_round_18_a_joined_destination_in_a_foreign_region_partition_or_account_is_refused() -> None:
    cases = [c for c in search.realistic.CASES if c.id in ROUND_18_SAMPLE]
    assert sorted(c.id for c in cases) == sorted(ROUND_18_SAMPLE) and all(not c.expected for c in cases)
    report = search.search(cases=cases, per_case=8, kinds={"template", "template-partition"})
    assert all(o.applied and o.error is None for o in report.outcomes)
    assert report.per_kind() == {"template": (5, 4, 1), "template-partition": (3, 3, 0)}
    [survivor] = report.survivors
    role = json.loads(survivor.mutant.after)["Resources"]["OrdersFlow"]["Properties"]["RoleArn"]
    assert search.STRANGER_ACCOUNT in json.dumps(role)
    assert {o.guard for o in report.outcomes} == {None, "RES-004", "RES-005", "RES-023"}


# Round 19 (stop 50): literals inside template functions (`template-fn`), values a template is given (`template-param`:
# a StackSet's Parameters, an instance group's ParameterOverrides, a Parameter's Default, the Pulumi resources'
# `parameters` / `parameter_overrides`), the bucket a held document is read from (`held`), the account of an ARN at a
# written destination's field (`arn-account`), and lookalike values two layers deep or more (`deep`). Opt-in.
def test_round_19_template_literals_are_swapped_one_at_a_time() -> None:
    template = {
        "Mappings": {"Replicas": {"eu-west-1": {"Region": "eu-central-1"}}},
        "Parameters": {"Where": {"Type": "String", "Default": "eu-north-1"}},
        "Resources": {
            "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {
                "QUEUE": {"Fn::Join": ["", ["https://sqs.eu-west-1.amazonaws.com/", "123456789012", "/orders"]]},
                "SINK": {"Fn::Sub": ["https://${Host}/v1", {"Host": "logs.eu-west-1.amazonaws.com"}]},
                "OWN": {"Fn::Sub": ["${Q}", {"Q": {"Ref": "AWS::Region"}}]},
            }}}},
            "Set": {"Type": "AWS::CloudFormation::StackSet", "Properties": {
                "Parameters": [{"ParameterKey": "Where", "ParameterValue": "eu-west-3"}],
                "StackInstancesGroup": [
                    {"ParameterOverrides": [{"ParameterKey": "Acct", "ParameterValue": "123456789012"}]}
                ],
            }},
        },
    }  # fmt: skip
    text = json.dumps(template)
    functions = [json.loads(after) for _, after in search._template_literal_swaps("EU", text, "template-fn",
                                                                                  search._in_function)]  # fmt: skip
    assert functions[0]["Mappings"]["Replicas"]["eu-west-1"]["Region"] != "eu-central-1"
    variables = [f["Resources"]["Fn"]["Properties"]["Environment"]["Variables"] for f in functions[1:]]
    host, account, _ = variables[0]["QUEUE"]["Fn::Join"][1]
    assert host.split(".")[1] in search.FOREIGN[("EU", "aws")] and account == "123456789012"
    assert variables[1]["QUEUE"]["Fn::Join"][1] == [
        "https://sqs.eu-west-1.amazonaws.com/",
        search.STRANGER_ACCOUNT,
        "/orders",
    ]
    assert variables[2]["SINK"]["Fn::Sub"][1]["Host"] != "logs.eu-west-1.amazonaws.com"
    assert len(functions) == 4  # one per literal; the variable map's `Ref` is the `template` kind's
    given = [json.loads(after) for _, after in search._template_literal_swaps("EU", text, "template-param",
                                                                              search._in_parameters)]  # fmt: skip
    defaults = [g["Parameters"]["Where"]["Default"] for g in given]
    assert defaults[0] in search.FOREIGN[("EU", "aws")] and defaults[1:] == ["eu-north-1", "eu-north-1"]
    group = given[2]["Resources"]["Set"]["Properties"]["StackInstancesGroup"][0]["ParameterOverrides"][0]
    assert group == {"ParameterKey": "Acct", "ParameterValue": search.STRANGER_ACCOUNT}
    instance = type("Record", (), {"type": "aws:cloudformation/stackSetInstance:StackSetInstance"})()
    assert list(search._pulumi_parameter_swaps("JP", instance, ("parameterOverrides", "Where"), "ap-northeast-3")) == [
        ("template-param", "ap-northeast-2")
    ]


def test_round_19_held_locations_and_written_arns() -> None:
    body = json.dumps({"Resources": {
        "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"BodyS3Location": {"Bucket": "fleet-specs",
                                                                                      "Key": "api.yaml"}}},
        "Inc": {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://fleet-specs/snippet.yaml"}}},
    }})  # fmt: skip
    stack = type("Record", (), {"type": "aws:cloudformation/stack:Stack"})()
    held = [after for _, after in search._held_swaps("EU", stack, ("templateBody",), body)]
    assert [search.PARTNER_BUCKET in h for h in held] == [True, True] and held[0] != held[1]
    assert list(
        search._held_swaps("EU", stack, ("templateUrl",), "https://fleet-specs.s3.eu-west-1.amazonaws.com/t")
    ) == [("held", f"https://{search.PARTNER_BUCKET}.s3.eu-west-1.amazonaws.com/t")]
    target = type("Record", (), {"type": "aws:cloudwatch/eventTarget:EventTarget"})()
    assert list(search._written_arn_swaps("EU", target, ("arn",), "arn:aws:sqs:eu-west-1:123456789012:orders")) == [
        ("arn-account", f"arn:aws:sqs:eu-west-1:{search.STRANGER_ACCOUNT}:orders")
    ]
    assert list(search._written_arn_swaps("EU", target, ("roleArn",), "arn:aws:iam::123456789012:role/x")) == []
    assert list(search._written_arn_swaps("CN", target, ("arn",), "arn:aws-cn:sqs:cn-north-1:123456789012:q")) == []


def test_round_19_a_lookalike_is_placed_two_layers_deep() -> None:
    script = '#!/bin/sh\necho \'{"sink": "https://logs.eu-central-1.amazonaws.com"}\' > /etc/app.json\n'
    user_data = base64.b64encode(script.encode()).decode()
    [after] = [a for k, a, _ in search._deep_swaps("DE", user_data, []) if k == "deep"]
    assert "logs.eu-central-2.amazonaws.com" in base64.b64decode(after).decode()
    inner = json.dumps({"Statement": [{"Resource": "arn:aws:sqs:eu-west-1:123456789012:orders"}]})
    outer = json.dumps({"Resources": {"Q": {"Properties": {"PolicyDocument": inner}}}})
    swapped = [json.loads(json.loads(a)["Resources"]["Q"]["Properties"]["PolicyDocument"]) for k, a, _ in
               search._deep_swaps("EU", outer, ["fleet-logs"]) if k == "deep"]  # fmt: skip
    assert [s["Statement"][0]["Resource"] for s in swapped] == [
        "arn:aws:sqs:eu-west-2:123456789012:orders",
        "arn:aws:sqs:eu-west-1:123456789013:orders",
    ]
    # One layer only: the lookalike is placed a layer deeper, as a document of its own in the value's string.
    [(kind, nested, plain)] = list(search._deep_swaps("EU", inner, []))
    resource = json.loads(json.loads(nested)["Statement"][0]["Resource"])
    assert kind == "deep-nested" and resource == {"Resource": "arn:aws:sqs:eu-west-2:123456789012:orders"}
    assert plain is not None and json.loads(plain)["Statement"][0] == resource  # its surface twin
    assert {"template-fn", "template-param", "held", "arn-account", "deep", "deep-nested"} <= search.OPT_IN_KINDS


# Round 19's kinds on one program each: a Mappings row's Region (fnsub49), a StackSet template written as a string
# whose Default the instance group leaves (stackset49), an AWS::Include snippet's bucket (falsealarm49), an IoT
# authorizer's function ARN (awsred49, a written_account_fields path), a script's JSON config in base64 user data
# (mutation50): each refused, but the queue URL's account one digit off in the script's config (a variable's or a
# config's account is not judged: whether the program writes there is not in the program, round 18's decision).
ROUND_19_SAMPLE = {
    "fnsub49-eu-replica-findinmap-own": ("template-fn", "RES-009"),
    "stackset49-eu-tpl-home": ("template-param", "RES-009"),
    "falsealarm49-eu-include-own-bucket-after": ("held", "RES-025"),
    "awsred49-eu-iot-authorizer-own": ("arn-account", "RES-023"),
    "mutation50-de-config-in-b64-script-own": ("deep", "RES-006"),
}


def test_round_19_each_kind_refuses_its_mutant() -> None:
    cases = {c.id: c for c in search.realistic.CASES if c.id in ROUND_19_SAMPLE}
    assert sorted(cases) == sorted(ROUND_19_SAMPLE) and all(not c.expected for c in cases.values())
    for case_id, (kind, rule) in ROUND_19_SAMPLE.items():
        report = search.search(cases=[cases[case_id]], per_case=4, kinds={kind})
        assert report.outcomes and all(o.applied and o.error is None for o in report.outcomes), case_id
        assert {o.guard for o in report.outcomes if o.guard} == {rule}, case_id
        survivors = [base64.b64decode(o.mutant.after).decode() for o in report.survivors]
        assert all(f"/{search.OWN_LOOKALIKE}/fleet-orders" in s for s in survivors), (case_id, survivors)
        assert len(survivors) == (1 if kind == "deep" else 0), case_id


# Round 20 (stop 51): where the engine grew in stop 50. `template-select` (an `Fn::Select` / `Fn::Split` / ROS
# `Fn::Str` operand), `override` (a Pulumi StackSet / stack group instance's `parameter_overrides` in every foreign
# form), `written-dest` (an `account_fields` value, a template's literal ARN account), `replication` (an OSS / S3
# replication destination), and a script's Region through a filter (`script-filter`), an `eval` / `bash -c` word
# (`eval-word`) or a `.cfg` / `.toml` / `.properties` / `.conf` file (`config-file`). Opt-in.
def test_round_20_template_operands_overrides_written_and_replicated_destinations() -> None:
    template = json.dumps({"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {
        "Variables": {"SINK": {"Fn::Select": [1, ["logs.eu-west-1.amazonaws.com", "sqs.eu-west-1.amazonaws.com"]]},
                      "DLQ": "arn:aws:sqs:eu-west-1:123456789012:orders-dlq"}}}}}})  # fmt: skip
    swaps = list(search._template_literal_swaps("EU", template, "template-select", search._in_select))
    operands = [json.loads(a)["Resources"]["Fn"]["Properties"]["Environment"]["Variables"]["SINK"] for _, a in swaps]
    assert {k for k, _ in swaps} == {"template-select"} and len(operands) == 2  # each operand in its own mutant
    assert operands[0]["Fn::Select"][1][1] == "sqs.eu-west-1.amazonaws.com" != operands[1]["Fn::Select"][1][1]
    assert operands[0]["Fn::Select"][1][0] != "logs.eu-west-1.amazonaws.com"
    instance = type("Record", (), {"type": "aws:cloudformation/stackSetInstance:StackSetInstance"})()
    overrides = {a for _, a in search._override_swaps("EU", instance, ("parameterOverrides", "Where"), "eu-west-1")}
    assert {"eu-west-2"} <= overrides and len(overrides) >= 2
    assert list(search._override_swaps("EU", instance, ("parameters", "Where"), "eu-west-1")) == []
    repository = type("Record", (), {"type": "aws:codeartifact/repository:Repository"})()
    assert list(search._written_dest_swaps("EU", repository, ("domainOwner",), "123456789012")) == [
        ("written-dest", search.STRANGER_ACCOUNT)
    ]
    [(_, written)] = list(search._written_dest_swaps("EU", instance, ("templateBody",), template))
    assert (
        search.STRANGER_ACCOUNT
        in json.loads(written)["Resources"]["Fn"]["Properties"]["Environment"]["Variables"]["DLQ"]
    )
    # A role a service runs as (an IAM / RAM ARN) is not a written destination (the `account` kind's question).
    role = json.dumps({"Resources": {"A": {"Properties": {"RoleArn": "acs:ram::1234567890123456:role/iot-access"}}}})
    assert list(search._written_dest_swaps("CN", instance, ("templateBody",), role)) == []
    replication = type("Record", (), {"type": "alicloud:oss/bucketReplication:BucketReplication"})()
    assert list(search._replication_swaps("CN", replication, ("destination", "bucket"), "fleet-replica")) == [
        ("replication", search.PARTNER_BUCKET)
    ]
    assert list(search._replication_swaps("CN", replication, ("destination", "location"), "oss-cn-shanghai")) == [
        ("replication", "oss-cn-hongkong")
    ]
    s3 = type("Record", (), {"type": "aws:s3/bucketReplicationConfig:BucketReplicationConfig"})()
    assert list(
        search._replication_swaps("EU", s3, ("rules", 0, "destination", "bucket"), "arn:aws:s3:::fleet-dr")
    ) == [("replication", f"arn:aws:s3:::{search.PARTNER_BUCKET}")]
    assert {"template-select", "override", "written-dest", "replication"} <= search.OPT_IN_KINDS


def test_round_20_a_scripts_region_through_filters_eval_words_and_config_files() -> None:
    script = "#!/bin/bash\nset -e\ncurl -sf https://logs.eu-central-1.amazonaws.com/intake -d @/var/log/boot.json\n"
    made = list(search._script_swaps("DE", script, search.OPT_IN_KINDS))
    filters = [a for k, a in made if k == "script-filter"]
    assert "$(echo logs.eu-central-1.amazonaws.com | sed 's/eu-central-1/eu-central-2/')" in filters[0]
    assert any("| tr '1' '2')" in f for f in filters) and any("| cut -c1-" in f for f in filters)
    assert all("eu-central-2.amazonaws.com" not in f for f in filters if "cut -c1-" not in f)
    words = [a.splitlines()[2] for k, a in made if k == "eval-word"]
    assert words == [
        'eval "curl -sf https://logs.eu-central-2.amazonaws.com/intake -d @/var/log/boot.json"',
        "bash -c 'curl -sf https://logs.eu-central-2.amazonaws.com/intake -d @/var/log/boot.json'",
        "bash -c 'curl -sf https://logs.eu-central-''2.amazonaws.com/intake -d @/var/log/boot.json'",
    ]
    configs = [a for k, a in made if k == "config-file"]
    assert [c.split("cat > ")[1].split(" ")[0] for c in configs] == [
        "/etc/fleet/sink.cfg", "/etc/fleet/sink.toml", "/etc/fleet/sink.properties", "/etc/fleet/sink.conf",
    ]  # fmt: skip
    assert all("eu-central-2" in c and c.startswith(script.rstrip("\n")) for c in configs)
    # A command line in a document (a buildspec's `commands`), written back into it; a Region word, not a host.
    buildspec = "version: 0.2\nphases:\n  build:\n    commands:\n      - aws s3 ls --region eu-central-1\n"
    record = type("Record", (), {"type": "aws:codebuild/project:Project"})()
    [after, *_] = [a for k, a in search._round_20_swaps("DE", record, ("source", "buildspec"), buildspec,
                                                        frozenset({"script-filter"}))]  # fmt: skip
    assert "$(echo eu-central-1 | sed 's/eu-central-1/eu-central-2/')" in after


def test_round_21_lines_files_and_phases_appended_where_the_engine_grew() -> None:
    # mutation52: a script gets each round-21 line (base64 written back as it was), a cloud-config a runcmd entry and a
    # write_files entry, a buildspec the foreign Region through env.variables, an earlier phase and `finally`.
    record = type("Record", (), {"type": "aws:ec2/instance:Instance"})()
    script = "#!/bin/bash\nset -e\nsystemctl enable --now fleet\n"
    kinds = frozenset(search.ROUND_21_SNIPPETS)
    made = list(search._round_21_swaps("EU", record, ("userData",), script, kinds))
    assert len(made) == sum(len(lines) for lines in search.ROUND_21_SNIPPETS.values())
    assert all(after.startswith(script) for _, after in made)
    assert any("fastcgi_pass collector.example.com:9000;" in after for kind, after in made if kind == "nginx-pass")
    assert any("--DestinationRegionId eu-west-1" in after for kind, after in made if kind == "aliyun-region")
    encoded = base64.b64encode(script.encode()).decode()
    [(kind, first), *_] = list(search._round_21_swaps("EU", record, ("userData",), encoded, kinds))
    assert kind == "aliyun-region" and base64.b64decode(first).decode().startswith(script)
    config = "#cloud-config\nruncmd:\n- systemctl enable --now fleet\n"
    files = [a for k, a in search._round_21_swaps("DE", record, ("userData",), config, frozenset({"write-files"}))]
    assert len(files) == len(search.ROUND_21_WRITTEN_FILES)
    assert yaml.safe_load(files[0])["write_files"] == [
        {"path": "/etc/fleet/app.conf", "content": "[aws]\nregion = eu-west-1\n"}
    ]
    project = type("Record", (), {"type": "aws:codebuild/project:Project"})()
    buildspec = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n"
    specs = [yaml.safe_load(a) for _, a in search._round_21_swaps("EU", project, ("source", "buildspec"), buildspec,
                                                                 frozenset({"buildspec-env"}))]  # fmt: skip
    assert specs[0]["env"]["variables"] == {"FLEET_REGION": "eu-west-2"}
    assert specs[1]["phases"]["install"]["commands"] == ["FLEET_REGION=eu-west-2"]
    assert specs[2]["phases"]["build"]["finally"] == ["aws s3 ls --region eu-west-2"]
    provider = type("Record", (), {"type": "pulumi:providers:aws"})()
    assert list(search._round_21_swaps("EU", provider, ("userData",), script, kinds)) == []


def test_round_22_lines_are_each_refused_in_every_jurisdiction() -> None:
    # mutation53: each round-22 line (the stop-52 readers: named aliyun options, command substitutions, files written
    # and read back; round 22's default words and loop words) appended to an ordinary boot script of either cloud is
    # refused by the engine in each jurisdiction the kinds know; the `default-word` and `loop-word` lines passed on
    # main 45eea1d.
    from components.residency import RuleEngine, Subject
    from components.residency.engine import ProviderRef

    record = type("Record", (), {"type": "aws:ec2/instance:Instance"})()
    script = "#!/bin/bash\nset -e\nsystemctl enable --now fleet\n"
    kinds = frozenset(search.ROUND_22_SNIPPETS)
    for code, aws_home, ali_home in (("EU", "eu-central-1", "eu-central-1"), ("CN", "cn-north-1", "cn-shanghai")):
        made = list(search._round_21_swaps(code, record, ("userData",), script, kinds))
        assert len(made) == sum(len(lines) for lines in search.ROUND_22_SNIPPETS.values())
        for kind, after in made:
            cloud = "alicloud" if "aliyun" in after.rsplit("fleet\n", 1)[1] else "aws"
            token = "alicloud:ecs/instance:Instance" if cloud == "alicloud" else "aws:ec2/instance:Instance"
            provider = ProviderRef(cloud, code.lower(), ali_home if cloud == "alicloud" else aws_home)
            findings, _ = RuleEngine(code).check(Subject(token, "vm", {"user_data": after}, provider))
            assert findings, (code, kind, after)
