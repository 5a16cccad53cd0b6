"""Realistic programs, written from the provider documentation, judged by all three front doors.

Each program is what a platform engineer would write from the AWS / Alibaba Cloud / Pulumi registry
docs (a bucket policy on the stack's own bucket, a Lambda posting to a SaaS webhook, a CDN with an
overseas scope ...). Every one runs under the real Pulumi SDK with the project's mocks and is judged
by:

- the guard (``enforce(code, mode="audit")``), as ``pulumi up`` would run it;
- the offline plan (``audit_session`` + ``build_stack_plan``, what ``make plan`` does);
- the policy pack, fed the recorded resources through pulumi-policy's own servicer (inputs to the
  resource-level policies, the final state with dependencies to the stack-level ones).

All three must report exactly the expected rule ids (an empty set for compliant programs).
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pytest
from destination_entries import PARTNER_TRANSFER
from test_policy_support import Pack, Res

from components.errors import ResidencyViolation
from components.plan.collect import build_stack_plan
from components.residency import audit_session, enforce
from components.residency.destinations import parse_destinations
from components.simulate.recorder import Secret
from components.testing import ProgramRun, run_pulumi_program

REGION = {
    "CN": ("cn-north-1", "cn-shanghai"),
    "EU": ("eu-west-1", "eu-central-1"),
    "JP": ("ap-northeast-1", "ap-northeast-1"),
    "US": ("us-east-1", "us-east-1"),
}
ROLE = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ],
    }
)
CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})


@dataclass
class Ctx:
    code: str
    aws_p: aws.Provider | None = None
    ali_p: alicloud.Provider | None = None

    @property
    def aws(self) -> pulumi.ResourceOptions:
        if self.aws_p is None:
            self.aws_p = aws.Provider("aws", region=REGION[self.code][0])
        return pulumi.ResourceOptions(provider=self.aws_p)

    @property
    def ali(self) -> pulumi.ResourceOptions:
        if self.ali_p is None:
            self.ali_p = alicloud.Provider("ali", region=REGION[self.code][1])
        return pulumi.ResourceOptions(provider=self.ali_p)


@dataclass
class Case:
    id: str
    code: str
    build: Callable[[Ctx], object]
    expected: set[str] = field(default_factory=set)
    destinations: list[dict[str, Any]] = field(default_factory=list)


def lambda_env(variables: Mapping[str, Any]) -> Callable[[Ctx], object]:
    """A Lambda function whose environment carries ``variables`` (docs: lambda/function)."""

    def build(c: Ctx) -> object:
        role = aws.iam.Role("fn-role", assume_role_policy=ROLE, opts=c.aws)
        return aws.lambda_.Function(
            "fn", role=role.arn, runtime="python3.12", handler="index.handler", code=CODE,
            environment={"variables": dict(variables)}, opts=c.aws,
        )  # fmt: skip

    return build


def own_bucket_policy(c: Ctx) -> object:
    # docs: s3/bucketpolicy — the policy names the stack's own bucket through its ARN output.
    bucket = aws.s3.Bucket("data", opts=c.aws)
    document = bucket.arn.apply(
        lambda arn: json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "DenyInsecure",
                        "Effect": "Deny",
                        "Principal": "*",
                        "Action": "s3:*",
                        "Resource": [arn, f"{arn}/*"],
                        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                    },
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "logging.s3.amazonaws.com"},
                        "Action": "s3:PutObject",
                        "Resource": f"{arn}/logs/*",
                    },
                ],
            }
        )
    )
    return aws.s3.BucketPolicy("data-policy", bucket=bucket.id, policy=document, opts=c.aws)


def foreign_bucket_policy(c: Ctx) -> object:
    # The same shape, but granting on a bucket this stack did not create (a partner's drop bucket).
    bucket = aws.s3.Bucket("data", opts=c.aws)
    document = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "s3:PutObject",
                           "Resource": "arn:aws:s3:::partner-drop/*"}],
        }
    )  # fmt: skip
    return aws.s3.BucketPolicy("data-policy", bucket=bucket.id, policy=document, opts=c.aws)


def replication_to_own_bucket(c: Ctx) -> object:
    # docs: s3/bucketreplicationconfig — replica in a second in-jurisdiction region, both buckets ours.
    other = aws.Provider("aws-2", region="eu-central-1")
    source = aws.s3.Bucket("source", opts=c.aws)
    replica = aws.s3.Bucket("replica", opts=pulumi.ResourceOptions(provider=other))
    role = aws.iam.Role("replication", assume_role_policy=ROLE.replace("lambda", "s3"), opts=c.aws)
    return aws.s3.BucketReplicationConfig(
        "replication", bucket=source.id, role=role.arn,
        rules=[{"id": "all", "status": "Enabled", "destination": {"bucket": replica.arn}}], opts=c.aws,
    )  # fmt: skip


def logging_into(target: str | None) -> Callable[[Ctx], object]:
    def build(c: Ctx) -> object:
        bucket = aws.s3.Bucket("data", opts=c.aws)
        logs = aws.s3.Bucket("logs", opts=c.aws)
        return aws.s3.BucketLogging(
            "data-logging", bucket=bucket.id, target_bucket=target or logs.id, target_prefix="data/", opts=c.aws
        )

    return build


def ali_user_data(text: str, *, encode: bool = True) -> Callable[[Ctx], object]:
    # docs: alicloud ecs/instance — user_data is plain or base64 text run by cloud-init.
    def build(c: Ctx) -> object:
        return alicloud.ecs.Instance(
            "vm", instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            vswitch_id="vsw-123", security_groups=["sg-123"],
            user_data=base64.b64encode(text.encode()).decode() if encode else text, opts=c.ali,
        )  # fmt: skip

    return build


def aws_gzip_user_data(text: str) -> Callable[[Ctx], object]:
    # docs: ec2/instance — user_data_base64 accepts gzip-compressed data.
    def build(c: Ctx) -> object:
        payload = base64.b64encode(gzip.compress(text.encode())).decode()
        return aws.ec2.Instance("vm", ami="ami-123", instance_type="t3.micro", user_data_base64=payload, opts=c.aws)

    return build


def rds_host_in_user_data(c: Ctx) -> object:
    # An ECS instance configured with the connection string of the stack's own RDS instance.
    db = alicloud.rds.Instance(
        "db", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.1", instance_storage=20,
        vswitch_id="vsw-123", opts=c.ali,
    )  # fmt: skip
    script = db.connection_string.apply(lambda host: f"#!/bin/sh\necho DB_HOST={host} >> /etc/app.env\n")
    return alicloud.ecs.Instance(
        "vm", instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
        vswitch_id="vsw-123", security_groups=["sg-123"], user_data=script, opts=c.ali,
    )  # fmt: skip


def own_oss_in_user_data(c: Ctx) -> object:
    # The instance copies to the stack's own OSS bucket: the name comes from the bucket's output.
    bucket = alicloud.oss.Bucket("exports", opts=c.ali)
    script = bucket.bucket.apply(lambda name: f"#!/bin/sh\nossutil cp /var/log/app.log oss://{name}/logs/\n")
    return alicloud.ecs.Instance(
        "vm", instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
        vswitch_id="vsw-123", security_groups=["sg-123"], user_data=script, opts=c.ali,
    )  # fmt: skip


def cdn(scope: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud cdn/domainnew — scope domestic (default), overseas or global.
    def build(c: Ctx) -> object:
        extra: dict[str, Any] = {"scope": scope} if scope else {}
        return alicloud.cdn.DomainNew(
            "cdn", domain_name="static.example.cn", cdn_type="web",
            sources=[{"content": "oss-cn-shanghai.aliyuncs.com", "type": "oss", "port": 443}], opts=c.ali, **extra,
        )  # fmt: skip

    return build


def cen_bandwidth(a: str, b: str) -> Callable[[Ctx], object]:
    # docs: alicloud cen/bandwidthpackage — geographic_region_a_id / _b_id: China, North-America, ...
    def build(c: Ctx) -> object:
        return alicloud.cen.BandwidthPackage(
            "cen-bw", bandwidth=5, geographic_region_a_id=a, geographic_region_b_id=b, opts=c.ali
        )

    return build


def cloudfront(c: Ctx) -> object:
    # docs: cloudfront/distribution — an S3 origin served from edge locations.
    bucket = aws.s3.Bucket("site", opts=c.aws)
    return aws.cloudfront.Distribution(
        "cdn", enabled=True, origins=[{"domain_name": bucket.bucket_regional_domain_name, "origin_id": "s3"}],
        default_cache_behavior={"allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                                "target_origin_id": "s3", "viewer_protocol_policy": "redirect-to-https",
                                "forwarded_values": {"query_string": False, "cookies": {"forward": "none"}}},
        restrictions={"geo_restriction": {"restriction_type": "none"}},
        viewer_certificate={"cloudfront_default_certificate": True}, opts=c.aws,
    )  # fmt: skip


def rest_api(kind: str) -> Callable[[Ctx], object]:
    # docs: apigateway/restapi — endpoint_configuration.types EDGE (default in the API) or REGIONAL.
    def build(c: Ctx) -> object:
        return aws.apigateway.RestApi("api", endpoint_configuration={"types": kind}, opts=c.aws)

    return build


def global_accelerator(c: Ctx) -> object:
    return aws.globalaccelerator.Accelerator("ga", ip_address_type="IPV4", enabled=True, opts=c.aws)


def deny_foreign_regions(c: Ctx) -> object:
    # docs: IAM "deny access outside the approved regions" (aws:RequestedRegion): restricts, moves nothing.
    document = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1", "cn-northwest-1"]}}},
                {"Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::*", "arn:aws:s3:::foreign/*"]},
            ],
        }
    )  # fmt: skip
    return aws.iam.Policy("region-lock", policy=document, opts=c.aws)


def dlm_copy(target: str) -> Callable[[Ctx], object]:
    # docs: dlm/lifecyclepolicy — cross_region_copy_rules[].target is a region.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("dlm", assume_role_policy=ROLE.replace("lambda", "dlm"), opts=c.aws)
        return aws.dlm.LifecyclePolicy(
            "snapshots", description="daily", execution_role_arn=role.arn, state="ENABLED",
            policy_details={
                "resource_types": ["VOLUME"], "target_tags": {"backup": "daily"},
                "schedules": [{"name": "daily", "create_rule": {"interval": 24}, "retain_rule": {"count": 7},
                               "cross_region_copy_rules": [{"target": target, "encrypted": True,
                                                            "retain_rule": {"interval": 7, "interval_unit": "DAYS"}}]}],
            },
            opts=c.aws,
        )  # fmt: skip

    return build


def task_definition(log_region: str) -> Callable[[Ctx], object]:
    # docs: ecs/taskdefinition — container_definitions is a JSON document (no ARN needed to matter).
    def build(c: Ctx) -> object:
        containers = json.dumps(
            [{"name": "app", "image": "busybox", "essential": True, "memory": 128,
              "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/app",
                                   "awslogs-region": log_region, "awslogs-stream-prefix": "app"}}}]
        )  # fmt: skip
        return aws.ecs.TaskDefinition("task", family="app", container_definitions=containers, opts=c.aws)

    return build


def sns_https(endpoint: str) -> Callable[[Ctx], object]:
    # docs: sns/topicsubscription — protocol https, endpoint a URL.
    def build(c: Ctx) -> object:
        topic = aws.sns.Topic("events", opts=c.aws)
        return aws.sns.TopicSubscription(
            "events-https", topic=topic.arn, protocol="https", endpoint=endpoint, opts=c.aws
        )

    return build


def cname(target: str) -> Callable[[Ctx], object]:
    # docs: route53/record — a CNAME's records are where clients are sent.
    def build(c: Ctx) -> object:
        return aws.route53.Record(
            "www", zone_id="Z123", name="www.example.com", type="CNAME", ttl=300, records=[target], opts=c.aws
        )

    return build


def redis_named(c: Ctx) -> object:
    # A name that only looks like a region must not be read as one.
    return aws.elasticache.ReplicationGroup(
        "sessions", replication_group_id="fleet-sessions-01", description="sessions", node_type="cache.t3.micro",
        num_cache_clusters=1, opts=c.aws,
    )  # fmt: skip


def oss_named(c: Ctx) -> object:
    return alicloud.oss.Bucket("staging", bucket="oss-migration-staging", opts=c.ali)


def oss_replication(location: str) -> Callable[[Ctx], object]:
    # docs: alicloud oss/bucketreplication — destination.location is an OSS location (oss-<region>).
    def build(c: Ctx) -> object:
        source = alicloud.oss.Bucket("source", opts=c.ali)
        return alicloud.oss.BucketReplication(
            "repl", bucket=source.bucket, action="ALL",
            destination={"bucket": "replica-bucket", "location": location}, opts=c.ali,
        )  # fmt: skip

    return build


def inference_profile(copy_from: str) -> Callable[[Ctx], object]:
    # docs: bedrock/inferenceprofile — copy_from a system-defined (cross-region) profile or a model.
    def build(c: Ctx) -> object:
        return aws.bedrock.InferenceProfile("profile", name="app", model_source={"copy_from": copy_from}, opts=c.aws)

    return build


def route_to_alb(c: Ctx) -> object:
    lb = aws.lb.LoadBalancer("alb", load_balancer_type="application", subnets=["subnet-1", "subnet-2"], opts=c.aws)
    return aws.route53.Record(
        "api", zone_id="Z123", name="api.example.eu", type="CNAME", ttl=60, records=[lb.dns_name], opts=c.aws
    )


def ali_log_project(c: Ctx) -> object:
    return alicloud.log.Project("logs", project_name="fleet-logs", description="fleet logs", opts=c.ali)


_PARTNER = {**PARTNER_TRANSFER, "expires": "2099-12-31"}
_IDP = {"id": "cn-idp", "kind": "resident", "match": "idp.example.cn", "evidence": "Shanghai colocation, contract HC-1"}

CASES: list[Case] = [
    # -- compliant: must never be refused ---------------------------------------------------------
    Case("cn-own-bucket-policy", "CN", own_bucket_policy),
    Case("eu-own-bucket-policy", "EU", own_bucket_policy),
    Case("jp-own-bucket-policy", "JP", own_bucket_policy),
    Case("eu-replication-to-own-bucket", "EU", replication_to_own_bucket),
    Case("eu-logging-into-own-bucket", "EU", logging_into(None)),
    Case("cn-lambda-regional-sqs-url", "CN", lambda_env({"QUEUE": "https://sqs.cn-north-1.amazonaws.com.cn/1/q"})),
    Case("eu-lambda-function-url", "EU", lambda_env({"CALLBACK_URL": "https://abc123.lambda-url.eu-west-1.on.aws/"})),
    Case("cn-lambda-elasticache-host", "CN", lambda_env({"REDIS_HOST": "sessions.abc123.cnn1.cache.amazonaws.com.cn"})),
    Case("cn-lambda-private-proxy", "CN", lambda_env({"HTTPS_PROXY": "http://10.40.0.12:3128"})),
    Case("cn-lambda-replica-regions", "CN", lambda_env({"REPLICA_REGIONS": "cn-north-1,cn-northwest-1"})),
    Case(
        "cn-lambda-declared-idp",
        "CN",
        lambda_env({"JWKS_URL": "https://idp.example.cn/.well-known/jwks.json"}),
        destinations=[_IDP],
    ),
    Case(
        "cn-lambda-declared-transfer",
        "CN",
        lambda_env({"INTAKE": "https://intake.partner.example.com/v1/diag"}),
        destinations=[_PARTNER],
    ),
    Case(
        "cn-ecs-user-data-internal-oss",
        "CN",
        ali_user_data("#!/bin/sh\ncurl -O https://oss-cn-shanghai-internal.aliyuncs.com/x/y\n"),
    ),
    Case("cn-ecs-user-data-own-oss-bucket", "CN", own_oss_in_user_data),
    Case("cn-ecs-user-data-own-rds", "CN", rds_host_in_user_data),
    Case("cn-cdn-domestic", "CN", cdn("domestic")),
    Case("cn-cdn-default-scope", "CN", cdn(None)),
    Case("cn-cen-china-to-china", "CN", cen_bandwidth("China", "China")),
    Case("cn-iam-deny-outside-china", "CN", deny_foreign_regions),
    Case("cn-cloudfront-in-aws-cn", "CN", cloudfront),
    Case("cn-redis-named-like-a-region", "CN", redis_named),
    Case("cn-oss-bucket-named-like-a-location", "CN", oss_named),
    Case("cn-oss-replication-in-country", "CN", oss_replication("oss-cn-beijing")),
    Case("eu-regional-rest-api", "EU", rest_api("REGIONAL")),
    Case("us-dlm-copy-in-country", "US", dlm_copy("us-west-2")),
    Case("cn-task-definition-china-logs", "CN", task_definition("cn-northwest-1")),
    Case("eu-cname-to-own-alb", "EU", route_to_alb),
    Case("cn-sls-project", "CN", ali_log_project),
    Case(
        "eu-inference-in-region-model",
        "EU",
        inference_profile("arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-lite-v1"),
    ),
    # -- offending: must be refused with exactly these rules --------------------------------------
    Case(
        "cn-lambda-slack-webhook",
        "CN",
        lambda_env({"WEBHOOK": "https://hooks.slack.com/services/T0/B0/x"}),
        {"RES-015"},
    ),
    Case(
        "cn-lambda-mongodb-atlas",
        "CN",
        lambda_env({"MONGO_URL": "mongodb+srv://app:pw@cluster0.ab1cd.mongodb.net/fleet"}),
        {"RES-015"},
    ),
    Case("cn-lambda-public-ip", "CN", lambda_env({"COLLECTOR": "http://47.88.1.10:8080/ingest"}), {"RES-015"}),
    Case(
        "eu-lambda-regionless-s3-host", "EU", lambda_env({"EXPORT": "https://s3.amazonaws.com/exports/"}), {"RES-015"}
    ),
    Case(
        "cn-lambda-foreign-replica-region", "CN", lambda_env({"REPLICA_REGIONS": "cn-north-1, ap-east-1"}), {"RES-009"}
    ),
    Case(
        "cn-lambda-transfer-names-another-url",
        "CN",
        lambda_env({"INTAKE": "https://intake.partner.example.com/v1"}),
        {"RES-015"},
        destinations=[{**_PARTNER, "match": "https://intake.partner.example.com/v2/"}],
    ),
    Case("cn-sns-https-saas", "CN", sns_https("https://events.saas-intake.example.com/hook"), {"RES-015"}),
    Case(
        "cn-ecs-user-data-hongkong-oss",
        "CN",
        ali_user_data("#!/bin/sh\ncurl -T f https://oss-cn-hongkong.aliyuncs.com/b/f\n"),
        {"RES-006"},
    ),
    Case(
        "cn-ecs-user-data-unknown-oss-bucket",
        "CN",
        ali_user_data("#!/bin/sh\nossutil cp f oss://partner-drop/in/\n"),
        {"RES-017"},
    ),
    Case(
        "cn-ecs-cloud-config-github",
        "CN",
        ali_user_data(
            "#cloud-config\nruncmd:\n"
            "  - curl -fsSL https://raw.githubusercontent.com/acme/agent/main/install.sh | sh\n",
            encode=False,
        ),
        {"RES-015"},
    ),
    Case(
        "cn-ec2-gzip-user-data-us-s3",
        "CN",
        aws_gzip_user_data("#!/bin/sh\naws s3 cp s3://x/y . --endpoint-url https://s3.us-east-1.amazonaws.com\n"),
        {"RES-006"},
    ),
    Case("cn-cdn-overseas", "CN", cdn("overseas"), {"RES-016"}),
    Case("cn-cdn-global", "CN", cdn("global"), {"RES-016"}),
    Case("cn-cen-china-to-north-america", "CN", cen_bandwidth("China", "North-America"), {"RES-016"}),
    Case("eu-cloudfront", "EU", cloudfront, {"RES-016"}),
    Case("eu-edge-rest-api", "EU", rest_api("EDGE"), {"RES-016"}),
    Case("eu-global-accelerator", "EU", global_accelerator, {"RES-016"}),
    Case(
        "eu-cross-region-inference-profile",
        "EU",
        inference_profile("arn:aws:bedrock:eu-west-1:1:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0"),
        {"RES-016"},
    ),
    Case("cn-cname-to-cloudfront-net", "CN", cname("d111111abcdef8.cloudfront.net"), {"RES-016"}),
    Case("eu-policy-on-partner-bucket", "EU", foreign_bucket_policy, {"RES-017"}),
    Case("jp-policy-on-partner-bucket", "JP", foreign_bucket_policy, {"RES-017"}),
    Case("eu-logging-into-unknown-bucket", "EU", logging_into("central-logs-us"), {"RES-017"}),
    Case("cn-dlm-copy-to-hong-kong", "CN", dlm_copy("ap-east-1"), {"RES-009"}),
    Case("cn-task-definition-us-logs", "CN", task_definition("us-east-1"), {"RES-009"}),
    Case("cn-oss-replication-to-hong-kong", "CN", oss_replication("oss-cn-hongkong"), {"RES-007"}),
]


# -- the three front doors ------------------------------------------------------------------------


def _config(case: Case) -> dict[str, str]:
    config = {"sovereign-dc:jurisdiction": case.code}
    if case.destinations:
        config["sovereign-dc:destinations"] = json.dumps(case.destinations)
    return config


def _program(case: Case, mode: str) -> Callable[[], None]:
    def program() -> None:
        enforce(case.code, mode=mode, destinations=parse_destinations(case.destinations))  # type: ignore[arg-type]
        case.build(Ctx(case.code))

    return program


def guard_rules(case: Case) -> set[str]:
    """As `pulumi up` runs it: the guard raises at the first offending resource, before it registers."""
    run = run_pulumi_program(
        _program(case, "raise"),
        project="sovereign-dc",
        stack=case.code.lower(),
        config=_config(case),
        raise_on_error=False,
    )
    if run.error is None:
        return set()
    assert isinstance(run.error, ResidencyViolation), run.error
    assert run.error.resource_name not in {r.name for r in run.resources if r.custom}
    return {run.error.rule_id}


def plan_run(case: Case) -> tuple[ProgramRun, set[str]]:
    """As `make plan` runs it: an audit session around the program, then the plan of what it recorded."""
    with audit_session() as guards:
        run = run_pulumi_program(
            _program(case, "raise"), project="sovereign-dc", stack=case.code.lower(), config=_config(case)
        )
    assert run.error is None, run.error
    plan = build_stack_plan(
        case.code.lower(), "test", run.resources, guards[0].engine.jurisdiction, [f for g in guards for f in g.findings]
    )
    return run, {v.rule for v in plan.violations}


def _plain(value: Any) -> Any:
    if isinstance(value, Secret):
        return _plain(value.value)
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return f"[{type(value).__name__}]"  # assets and archives: nothing a policy judges


@dataclass
class RecordRes(Res):
    record_urn: str = ""

    @property
    def urn(self) -> str:
        return self.record_urn


def _pack_resources(run: ProgramRun, *, final_state: bool) -> list[RecordRes]:
    by_urn: dict[str, RecordRes] = {}
    for record in run.resources:
        props = _plain(dict(record.inputs))
        if final_state:
            props = {**_plain(dict(record.outputs)), **props}
        provider = by_urn.get(record.provider.rsplit("::", 1)[0]) if record.provider else None
        by_urn[record.urn] = RecordRes(
            record.type, record.name, props, provider=provider, dependencies=list(record.dependencies),
            record_urn=record.urn,
        )  # fmt: skip
    return list(by_urn.values())


def pack_rules(case: Case, run: ProgramRun, stack_config: Any) -> set[str]:
    """As `pulumi preview/up --policy-pack` judges the same program's resources."""
    stack_config(_config(case))
    pack = Pack()
    diags = [d for r in _pack_resources(run, final_state=False) for d in pack.analyze(r)]
    diags += pack.analyze_stack(_pack_resources(run, final_state=True))
    return {m.group(1) for d in diags for m in [re.search(r"\[(RES-\d{3})\]", d.message)] if m}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_guard_plan_and_policy_pack_agree(case: Case, stack_config: Any) -> None:
    # Each program offends at most one resource, so the guard's first refusal is the whole verdict.
    assert guard_rules(case) == case.expected, "guard"
    run, plan = plan_run(case)
    assert plan == case.expected, "plan"
    assert pack_rules(case, run, stack_config) == case.expected, "policy pack"


def test_the_table_is_large_and_balanced() -> None:
    assert len(CASES) >= 40
    compliant = [c for c in CASES if not c.expected]
    assert len(compliant) >= 15 and len(CASES) - len(compliant) >= 15
    ali = [c for c in CASES if any(k in c.id for k in ("ecs", "cdn", "cen", "oss", "sls"))]
    others = [c for c in CASES if c not in ali]
    for cloud in (ali, others):  # both clouds, both verdicts
        assert any(c.expected for c in cloud) and any(not c.expected for c in cloud)


@pytest.mark.parametrize("stack", ["cn", "de", "eu", "jp", "us"])
def test_shipped_stacks_raise_no_alarm_at_any_front_door(stack: str, stack_config: Any) -> None:
    """Our own components, run from their real stack files, pass the guard, the plan and the pack."""
    from shipped import audited_run, config_of, plan

    stack_plan = plan(stack)  # plan_stack of the stack file, shared with the other tests that read it
    assert stack_plan.error is None and stack_plan.violations == ()
    # The program as `pulumi up` runs it with its guard in audit mode (shared with test_front_doors.py).
    run, _ = audited_run(stack)
    stack_config(config_of(stack)[0])
    pack = Pack()
    diags = [d for r in _pack_resources(run, final_state=False) for d in pack.analyze(r)]
    diags += pack.analyze_stack(_pack_resources(run, final_state=True))
    assert [d.message for d in diags] == [], "\n".join(d.message for d in diags)
