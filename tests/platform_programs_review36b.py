"""False-alarm review of stop 36's changes (``falsealarm19``): ordinary compliant programs that exercise them.

(a) RES-023 judges every pinned provider's account as the stack's own and the grants outside policy documents
(``granted_account_fields``): the team grants its own account, or its second account whose provider the stack also
pins (documented setup: `allowed_account_ids` / `assume_roles`, pulumi registry aws provider configuration; Alibaba
`assume_role`).
(b) Another kind's name through an Output proves no bucket (``named:``): the stack passes its own bucket's name through
things that are not the bucket resource (its versioning, notification, policy, object and access point resources, an
SSM parameter, a component's outputs, a Glue crawler's target, a Glue table's location, a Firehose stream's
destination, an Athena workgroup's output location, an OSS object's bucket).
(c) The legacy global virtual host `<bucket>.s3.amazonaws.com` of the stack's own bucket.

Every program is compliant: it names only the stack's own bucket, its own accounts, in the jurisdiction's region.
tests/test_realistic_programs.py runs them as CASES (``falsealarm19-*``) through :func:`rows`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import CODE, _trust
from platform_programs_cn import FC_ZIP

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the mocks' caller identity)."""
SECOND = "210987654321"
"""The team's second account in the market (analytics / consumers), which a second provider of the stack pins."""
ALI_OWN = "1234567890123456"
"""The team's Alibaba Cloud account (the mocks' caller identity)."""
REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-northwest-1"}
REPLICA = {"EU": "eu-central-1", "DE": "eu-central-1", "JP": "ap-northeast-3", "US": "us-west-2", "CN": "cn-north-1"}
"""Where the ECR registry replicates: another region of the jurisdiction (DE: the same region, another account)."""
ALI_REGIONS = {"CN": "cn-hangzhou", "DE": "eu-central-1", "JP": "ap-northeast-1"}
CODES = ("EU", "DE", "JP", "US", "CN")


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _opts(code: str, account: str = OWN, name: str = "aws", pin: str = "allowed") -> pulumi.ResourceOptions:
    """The stack's provider, pinned to ``account`` by `allowed_account_ids` or by the role it assumes."""
    region = REGIONS[code]
    if pin == "allowed":
        return pulumi.ResourceOptions(provider=aws.Provider(name, region=region, allowed_account_ids=[account]))
    role = f"arn:{_part(code)}:iam::{account}:role/deployer"
    return pulumi.ResourceOptions(
        provider=aws.Provider(name, region=region, assume_roles=[{"role_arn": role, "session_name": "ci"}])
    )


def _function(name: str, opts: pulumi.ResourceOptions, env: dict[str, Any]) -> aws.lambda_.Function:
    role = aws.iam.Role(f"{name}-role", assume_role_policy=_trust("lambda.amazonaws.com"), opts=opts)
    return aws.lambda_.Function(
        name, role=role.arn, runtime="python3.12", handler="index.handler", code=CODE,
        environment={"variables": env}, opts=opts,
    )  # fmt: skip


def _bucket(code: str, opts: pulumi.ResourceOptions, named: bool, stem: str = "lake-raw") -> aws.s3.BucketV2:
    # docs: s3/bucketv2 (`bucket`: "Name of the bucket. If omitted, Pulumi will assign a random, unique name").
    name = f"fleet-{stem}-{code.lower()}" if named else None
    bucket = aws.s3.BucketV2(stem, bucket=name, opts=opts)
    aws.s3.BucketPublicAccessBlock(
        stem, bucket=bucket.id, block_public_acls=True, block_public_policy=True, ignore_public_acls=True,
        restrict_public_buckets=True, opts=opts,
    )  # fmt: skip
    return bucket


def _doc(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


# -- (b) the stack's own bucket's name through something that is not the bucket ---------------------------------------

VIA = (
    "versioning-bucket", "versioning-id", "notification-id", "policy-bucket", "object-bucket", "ssm-parameter",
    "component", "access-point-bucket", "access-point-arn", "glue-crawler-path", "glue-table-location",
    "firehose-bucket-arn", "athena-output-location", "encryption-bucket", "lifecycle-id",
)  # fmt: skip


KEPT = ("ssm-parameter", "glue-crawler-path", "glue-table-location", "athena-output-location")
"""The ``via`` forms where an auto-named bucket's name is read back from a field that is no bucket field: the guard
refused them outside aws-cn until stop 37 (RES-017, it knew only the names written in inputs), the policy pack and the
reviews accepted them; since stop 37 the guard learns the provider-assigned name (``Guard._by_assigned_names``) and the
programs are in the table, with offending twins (``foreign``, tests/platform_programs_autoname37.py)."""


class DataLake(pulumi.ComponentResource):
    """A team's component: the raw zone bucket, its outputs the bucket's name and ARN (docs: Pulumi "Component
    resources", `register_outputs`)."""

    def __init__(self, name: str, code: str, named: bool, opts: pulumi.ResourceOptions) -> None:
        providers = [opts.provider] if opts.provider else None
        super().__init__("fleet:lake:DataLake", name, None, pulumi.ResourceOptions(providers=providers))
        child = pulumi.ResourceOptions(parent=self, provider=opts.provider)
        bucket = _bucket(code, child, named)
        self.bucket_name = bucket.bucket
        self.bucket_arn = bucket.arn
        self.register_outputs({"bucket_name": self.bucket_name, "bucket_arn": self.bucket_arn})


def _name_of(code: str, foreign: str) -> Callable[[aws.s3.BucketV2], Any]:
    """The name a ``KEPT`` form reads back: the bucket's own (``bucket.bucket``), or one of a bucket the stack does not
    make (``via``'s ``foreign``)."""

    def name_of(bucket: aws.s3.BucketV2) -> Any:
        if foreign == "literal":
            return f"fleet-partner-{code.lower()}"
        return bucket.bucket.apply(lambda b: f"{b}-partner") if foreign == "derived" else bucket.bucket

    return name_of


def via(code: str, how: str, named: bool, foreign: str = "") -> Build:
    """The loader function is given the raw zone's name (or ARN / s3:// URI) through ``how``: each pulumi-aws resource
    echoes the bucket it configures (docs: s3/bucketversioningv2, s3/bucketnotification, s3/bucketpolicy,
    s3/bucketobjectv2, s3/bucketserversideencryptionconfigurationv2, s3/bucketlifecycleconfigurationv2 — each `bucket`
    input, "Name of the bucket", and its `id`, the bucket's name; s3/accesspoint `bucket`, `arn`; ssm/parameter
    `value`; glue/crawler `s3_targets[].path`; glue/catalogtable `storage_descriptor.location`;
    kinesis/firehosedeliverystream `extended_s3_configuration.bucket_arn`; athena/workgroup
    `configuration.result_configuration.output_location`).

    ``foreign`` (the ``KEPT`` forms): the same shape naming a bucket the stack does not make, ``derived`` from the own
    bucket's name (``<name>-partner``) or a ``literal`` name (stop 37's offending twins)."""
    name_of = _name_of(code, foreign)

    def build(c: Any) -> object:
        opts = _opts(code)
        if how == "component":
            lake = DataLake("lake", code, named, opts)
            return _function("loader", opts, {"RAW_BUCKET": lake.bucket_name, "RAW_ARN": lake.bucket_arn})
        bucket = _bucket(code, opts, named)
        env: dict[str, Any]
        if how.startswith("versioning"):
            v = aws.s3.BucketVersioningV2("lake-raw", bucket=bucket.id,
                                          versioning_configuration={"status": "Enabled"}, opts=opts)  # fmt: skip
            env = {"RAW_BUCKET": v.bucket if how == "versioning-bucket" else v.id}
        elif how == "notification-id":
            n = aws.s3.BucketNotification("lake-raw", bucket=bucket.id, eventbridge=True, opts=opts)
            env = {"RAW_BUCKET": n.id}
        elif how == "policy-bucket":
            policy = bucket.arn.apply(lambda arn: _doc({
                "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "Resource": [arn, f"{arn}/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}))  # fmt: skip
            p = aws.s3.BucketPolicy("lake-raw", bucket=bucket.id, policy=policy, opts=opts)
            env = {"RAW_BUCKET": p.bucket}
        elif how == "object-bucket":
            o = aws.s3.BucketObjectv2("manifest", bucket=bucket.id, key="manifest.json", content="{}", opts=opts)
            env = {"RAW_BUCKET": o.bucket, "MANIFEST_KEY": o.key}
        elif how == "encryption-bucket":
            e = aws.s3.BucketServerSideEncryptionConfigurationV2(
                "lake-raw", bucket=bucket.id,
                rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}}], opts=opts,
            )  # fmt: skip
            env = {"RAW_BUCKET": e.bucket}
        elif how == "lifecycle-id":
            lc = aws.s3.BucketLifecycleConfigurationV2(
                "lake-raw", bucket=bucket.id,
                rules=[{"id": "expire-tmp", "status": "Enabled", "filter": {"prefix": "tmp/"},
                        "expiration": {"days": 7}}], opts=opts,
            )  # fmt: skip
            env = {"RAW_BUCKET": lc.id}
        elif how == "ssm-parameter":
            param = aws.ssm.Parameter("raw-bucket-name", name="/fleet/lake/raw-bucket", type="String",
                                      value=name_of(bucket), opts=opts)  # fmt: skip
            env = {"RAW_BUCKET": param.value}
        elif how.startswith("access-point"):
            ap = aws.s3.AccessPoint("lake-raw", bucket=bucket.id, name=f"fleet-raw-{code.lower()}", opts=opts)
            env = {"RAW_BUCKET": ap.bucket} if how == "access-point-bucket" else {"RAW_ACCESS_POINT": ap.arn}
        elif how == "glue-crawler-path":
            db = aws.glue.CatalogDatabase("lake", name=f"fleet_lake_{code.lower()}", opts=opts)
            role = aws.iam.Role("crawler", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
            crawler = aws.glue.Crawler("raw", database_name=db.name, role=role.arn,
                                       s3_targets=[{"path": pulumi.Output.from_input(name_of(bucket)).apply(
                                           lambda b: f"s3://{b}/raw/")}],
                                       opts=opts)  # fmt: skip
            env = {"RAW_PREFIX": crawler.s3_targets.apply(lambda t: t[0].path if t else None)}
        elif how == "glue-table-location":
            db = aws.glue.CatalogDatabase("lake", name=f"fleet_lake_{code.lower()}", opts=opts)
            table = aws.glue.CatalogTable(
                "trips", database_name=db.name, name="trips", table_type="EXTERNAL_TABLE",
                storage_descriptor={"location": pulumi.Output.from_input(name_of(bucket)).apply(
                                        lambda b: f"s3://{b}/trips/"),
                                    "columns": [{"name": "vin", "type": "string"}]}, opts=opts,
            )  # fmt: skip
            env = {"TRIPS_LOCATION": table.storage_descriptor.apply(lambda s: s.location if s else None)}
        elif how == "firehose-bucket-arn":
            role = aws.iam.Role("firehose", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
            stream = aws.kinesis.FirehoseDeliveryStream(
                "telemetry", destination="extended_s3",
                extended_s3_configuration={"role_arn": role.arn, "bucket_arn": bucket.arn, "prefix": "telemetry/"},
                opts=opts,
            )  # fmt: skip
            env = {"RAW_ARN": stream.extended_s3_configuration.apply(lambda s: s.bucket_arn if s else None)}
        elif how == "athena-output-location":
            wg = aws.athena.Workgroup(
                "analysts", name=f"fleet-analysts-{code.lower()}",
                configuration={"result_configuration": {
                    "output_location": pulumi.Output.from_input(name_of(bucket)).apply(
                        lambda b: f"s3://{b}/athena-results/")}},
                opts=opts,
            )  # fmt: skip
            env = {
                "ATHENA_OUTPUT": wg.configuration.apply(
                    lambda cfg: cfg.result_configuration.output_location if cfg and cfg.result_configuration else None
                )
            }
        else:
            raise ValueError(how)
        return _function("loader", opts, env)

    return build


def firehose_prefix(code: str) -> Build:
    """The offending twin of ``via-firehose-bucket-arn``: the loader reads the stream's `prefix`, a nested field that is
    no bucket field, named like a bucket (`fleet-partner-drop`, anyone's): it proves no bucket (RES-017)."""

    def build(c: Any) -> object:
        opts = _opts(code)
        bucket = _bucket(code, opts, False)
        role = aws.iam.Role("firehose", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
        stream = aws.kinesis.FirehoseDeliveryStream(
            "telemetry", destination="extended_s3",
            extended_s3_configuration={"role_arn": role.arn, "bucket_arn": bucket.arn, "prefix": "fleet-partner-drop"},
            opts=opts,
        )  # fmt: skip
        return _function("loader", opts, {
            "RAW_BUCKET": stream.extended_s3_configuration.apply(lambda s: s.prefix if s else None)})  # fmt: skip

    return build


# -- (c) the legacy global virtual host of the stack's own bucket -----------------------------------------------------

HOSTS = ("domain-name-output", "global-host-from-name", "global-host-literal", "ecs-env-domain-name", "ssm-host")


def global_host(code: str, how: str) -> Build:
    """The exporter reaches its bucket at `<bucket>.s3.amazonaws.com` (docs: s3/bucketv2 `bucket_domain_name`, "Will be
    of format bucketname.s3.amazonaws.com"; AmazonS3 VirtualHosting.html, legacy global endpoint): the output
    (``domain-name-output``, every market, aws-cn too), built from the bucket's name output (``global-host-from-name``,
    outside aws-cn, which has no global endpoint), written out for a named bucket (``global-host-literal``), in an ECS
    task's container environment (``ecs-env-domain-name``, docs: ecs/taskdefinition `container_definitions`), or kept in
    an SSM parameter (``ssm-host``, the output)."""

    def build(c: Any) -> object:
        opts = _opts(code)
        named = how == "global-host-literal"
        bucket = _bucket(code, opts, named, stem="trip-exports")
        url: Any
        if how == "global-host-literal":
            url = f"https://fleet-trip-exports-{code.lower()}.s3.amazonaws.com/trips/"
        elif how == "global-host-from-name":
            url = bucket.bucket.apply(lambda b: f"https://{b}.s3.amazonaws.com/trips/")
        else:
            url = bucket.bucket_domain_name.apply(lambda h: f"https://{h}/trips/")
        if how == "ecs-env-domain-name":
            definitions = url.apply(lambda u: json.dumps([{
                "name": "exporter", "image": "public.ecr.aws/docker/library/python:3.12-slim", "essential": True,
                "memory": 512, "environment": [{"name": "EXPORT_URL", "value": u}]}]))  # fmt: skip
            return aws.ecs.TaskDefinition("exporter", family="exporter", requires_compatibilities=["FARGATE"],
                                          network_mode="awsvpc", cpu="256", memory="512",
                                          container_definitions=definitions, opts=opts)  # fmt: skip
        if how == "ssm-host":
            return aws.ssm.Parameter("export-url", name="/fleet/exports/url", type="String", value=url, opts=opts)
        return _function("exporter", opts, {"EXPORT_URL": url})

    return build


# -- (a) grants to the stack's own accounts, outside a policy document ----------------------------------------------

GRANTS = (
    "kms-grant-own-role", "kms-grant-second", "access-grant-own-role", "redshift-endpoint-second",
    "opensearch-endpoint-second", "layer-permission-second", "vpce-service-second", "ecr-replication-own",
    "lambda-permission-second",
)  # fmt: skip


def grant(code: str, kind: str, second_pin: str = "assume") -> Build:
    """The team grants its own account (the stack's provider, pinned by `allowed_account_ids`) or its second account,
    whose provider the stack also makes (pinned by ``second_pin``): docs kms/grant (`grantee_principal`),
    s3control/accessgrant (`grantee.grantee_identifier`, grantee type IAM), redshift/endpointauthorization
    (`account`), opensearch/authorizevpcendpointaccess (`account`), lambda/layerversionpermission (`principal`),
    ec2/vpcendpointservice (`allowed_principals`), ecr/replicationconfiguration (`registry_id`, the docs' example
    `current.account_id`), lambda/permission (`principal`, an account id)."""

    def build(c: Any) -> object:
        p = _part(code)
        opts = _opts(code)
        if kind.endswith("second"):
            second = _opts(code, SECOND, "aws-analytics", second_pin)
            aws.sqs.Queue("analytics-inbox", opts=second)
        if kind.startswith("kms-grant"):
            key = aws.kms.Key("data", description="fleet data key", opts=opts)
            if kind == "kms-grant-own-role":
                role = aws.iam.Role("reader", assume_role_policy=_trust("lambda.amazonaws.com"), opts=opts)
                grantee: Any = role.arn
            else:
                grantee = f"arn:{p}:iam::{SECOND}:role/analytics-reader"
            return aws.kms.Grant("reader", key_id=key.key_id, grantee_principal=grantee,
                                 operations=["Decrypt", "DescribeKey"], opts=opts)  # fmt: skip
        if kind == "access-grant-own-role":
            instance = aws.s3control.AccessGrantsInstance("grants", opts=opts)
            location_role = aws.iam.Role("grants-location", assume_role_policy=_trust("access-grants.s3.amazonaws.com"),
                                         opts=opts)  # fmt: skip
            location = aws.s3control.AccessGrantsLocation(
                "default", iam_role_arn=location_role.arn, location_scope="s3://",
                opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[instance])),
            )  # fmt: skip
            bucket = _bucket(code, opts, True)
            analyst = aws.iam.Role("analyst", assume_role_policy=_trust("ec2.amazonaws.com"), opts=opts)
            return aws.s3control.AccessGrant(
                "analyst-read", access_grants_location_id=location.access_grants_location_id, permission="READ",
                access_grants_location_configuration={"s3_sub_prefix": bucket.bucket.apply(lambda b: f"{b}/*")},
                grantee={"grantee_type": "IAM", "grantee_identifier": analyst.arn}, opts=opts,
            )  # fmt: skip
        if kind == "redshift-endpoint-second":
            cluster = aws.redshift.Cluster("warehouse", cluster_identifier="fleet-warehouse", node_type="ra3.xlplus",
                                           database_name="fleet", master_username="admin",
                                           manage_master_password=True, encrypted="true", opts=opts)  # fmt: skip
            return aws.redshift.EndpointAuthorization(
                "analytics", account=SECOND, cluster_identifier=cluster.cluster_identifier, opts=opts
            )
        if kind == "opensearch-endpoint-second":
            domain = aws.opensearch.Domain("logs", domain_name="fleet-logs", engine_version="OpenSearch_2.13",
                                           cluster_config={"instance_type": "r6g.large.search"},
                                           ebs_options={"ebs_enabled": True, "volume_size": 20},
                                           encrypt_at_rest={"enabled": True}, opts=opts)  # fmt: skip
            return aws.opensearch.AuthorizeVpcEndpointAccess("analytics", domain_name=domain.domain_name,
                                                             account=SECOND, opts=opts)  # fmt: skip
        if kind == "layer-permission-second":
            layer = aws.lambda_.LayerVersion("shared", layer_name="fleet-shared", compatible_runtimes=["python3.12"],
                                             code=CODE, opts=opts)  # fmt: skip
            return aws.lambda_.LayerVersionPermission("analytics-use", layer_name=layer.layer_name,
                                                      version_number=1,
                                                      statement_id="analytics-account",
                                                      action="lambda:GetLayerVersion", principal=SECOND,
                                                      opts=opts)  # fmt: skip
        if kind == "vpce-service-second":
            vpc = aws.ec2.Vpc("svc", cidr_block="10.40.0.0/16", opts=opts)
            subnet = aws.ec2.Subnet("svc", vpc_id=vpc.id, cidr_block="10.40.1.0/24", opts=opts)
            nlb = aws.lb.LoadBalancer("svc", load_balancer_type="network", internal=True, subnets=[subnet.id],
                                      opts=opts)  # fmt: skip
            return aws.ec2.VpcEndpointService("svc", acceptance_required=True, network_load_balancer_arns=[nlb.arn],
                                              allowed_principals=[f"arn:{p}:iam::{SECOND}:root"],
                                              opts=opts)  # fmt: skip
        if kind == "ecr-replication-own":
            ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
            aws.ecr.Repository("api", name="fleet/api", opts=opts)
            return aws.ecr.ReplicationConfiguration("replicas", replication_configuration={"rules": [{
                "destinations": [{"region": REPLICA[code], "registry_id": ident.account_id}]}]},
                opts=opts)  # fmt: skip
        if kind == "lambda-permission-second":
            fn = _function("ingest", opts, {"STAGE": "prod"})
            return aws.lambda_.Permission("analytics-invoke", action="lambda:InvokeFunction", function=fn.name,
                                          principal=SECOND, opts=opts)  # fmt: skip
        raise ValueError(kind)

    return build


# -- Alibaba Cloud: the stack's own OSS bucket through another resource, a grant to its own account ------------------

ALI = ("oss-object-bucket", "oss-policy-own-account", "ram-role-own-account")


def _ali_opts(code: str) -> pulumi.ResourceOptions:
    # docs: alicloud provider `assumeRole`: the deployment role of the team's account pins the stack's account.
    role = alicloud.ProviderAssumeRoleArgs(role_arn=f"acs:ram::{ALI_OWN}:role/deployer", session_name="ci")
    return pulumi.ResourceOptions(provider=alicloud.Provider("ali", region=ALI_REGIONS[code], assume_role=role))


def ali(code: str, kind: str) -> Build:
    """docs: oss/bucket, oss/bucketobject (`bucket`), fc/v3function (`environment_variables`), oss/bucketpolicy
    (the policy's `Principal` a UID), ram/role (`assume_role_policy_document`)."""

    def build(c: Any) -> object:
        opts = _ali_opts(code)
        bucket = alicloud.oss.Bucket("trips", bucket=f"fleet-trips-{code.lower()}-7f3a", opts=opts)
        if kind == "oss-object-bucket":
            obj = alicloud.oss.BucketObject("manifest", bucket=bucket.bucket, key="manifest.json", content="{}",
                                            opts=opts)  # fmt: skip
            trust = json.dumps({"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                "Principal": {"Service": ["fc.aliyuncs.com"]}}]})  # fmt: skip
            role = alicloud.ram.Role("loader-role", role_name="loader-role", assume_role_policy_document=trust,
                                     opts=opts)  # fmt: skip
            return alicloud.fc.V3Function(
                "loader", function_name="loader", runtime="python3.10", handler="index.handler", memory_size=512,
                role=role.arn, code={"zip_file": FC_ZIP}, environment_variables={"BUCKET": obj.bucket}, opts=opts,
            )  # fmt: skip
        if kind == "oss-policy-own-account":
            policy = bucket.bucket.apply(lambda b: json.dumps({"Version": "1", "Statement": [{
                "Effect": "Allow", "Action": ["oss:GetObject"], "Principal": [ALI_OWN],
                "Resource": [f"acs:oss:*:{ALI_OWN}:{b}/*"]}]}))  # fmt: skip
            return alicloud.oss.BucketPolicy("trips-read", bucket=bucket.bucket, policy=policy, opts=opts)
        trust = json.dumps({"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                            "Principal": {"RAM": [f"acs:ram::{ALI_OWN}:root"]}}]})  # fmt: skip
        return alicloud.ram.Role("operators", role_name="fleet-operators", assume_role_policy_document=trust, opts=opts)

    return build


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """``(id, code, build, expected rules, declared destinations)`` for every program of this review."""
    for code in CODES:
        c = code.lower()
        for how in VIA:
            for named in (True, False) if code in ("EU", "CN") else (False,):
                yield (
                    f"falsealarm19-{c}-via-{how}-{'named' if named else 'auto'}",
                    code,
                    via(code, how, named),
                    set(),
                    [],
                )
        if code in ("EU", "US"):
            yield f"falsealarm19-{c}-via-firehose-prefix", code, firehose_prefix(code), {"RES-017"}, []
        for how in HOSTS:
            if code == "CN" and how in ("global-host-from-name", "global-host-literal"):
                continue  # aws-cn has no global endpoint
            yield f"falsealarm19-{c}-host-{how}", code, global_host(code, how), set(), []
        for kind in GRANTS:
            yield f"falsealarm19-{c}-grant-{kind}", code, grant(code, kind), set(), []
        yield (
            f"falsealarm19-{c}-grant-kms-grant-second-allowed",
            code,
            grant(code, "kms-grant-second", "allowed"),
            set(),
            [],
        )
    for code in ALI_REGIONS:
        for kind in ALI:
            yield f"falsealarm19-{code.lower()}-ali-{kind}", code, ali(code, kind), set(), []
