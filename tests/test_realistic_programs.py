"""Realistic programs, written from the provider documentation, judged by every front door.

Each program is what a platform engineer would write from the AWS / Alibaba Cloud / Pulumi registry
docs (a bucket policy on the stack's own bucket, a Lambda posting to a SaaS webhook, a CDN with an
overseas scope ...). Every one runs under the real Pulumi SDK with the project's mocks and is judged
by:

- the guard (``enforce(code, mode="audit")``), as ``pulumi up`` would run it;
- the offline plan (``audit_session`` + ``build_stack_plan``, what ``make plan`` does);
- the policy pack, fed the recorded resources through pulumi-policy's own servicer (inputs to the
  resource-level policies, the final state with dependencies to the stack-level ones);
- the preview and state review (``components.plan --preview`` / ``--state``), given the engine's preview digest
  and stack export of the same resources (tests/engine_documents.py).

All must report exactly the expected rule ids (an empty set for compliant programs); a preview, which blinds
secret values, may report fewer, and then says it could not judge them.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import platform_programs as pp
import platform_programs_accounts35 as a35
import platform_programs_accountsali36 as aa36
import platform_programs_alired43 as ar43
import platform_programs_alired45 as ar45
import platform_programs_alirole41 as ar41
import platform_programs_anonymous43 as an43
import platform_programs_apigw39 as agw39
import platform_programs_apijoin45 as aj45
import platform_programs_awsred44 as aw44
import platform_programs_awsred45 as aw45
import platform_programs_bodies42 as bd42
import platform_programs_cfnmap45 as cm45
import platform_programs_cfnsfn45 as cs45
import platform_programs_cloudflow44 as cf44
import platform_programs_cloudflow45 as cf45
import platform_programs_cn as pc
import platform_programs_crossaccount37 as ca37
import platform_programs_crossaccount39 as ca39
import platform_programs_data as pdata
import platform_programs_dns34 as pd
import platform_programs_docbounds42 as db42
import platform_programs_emr42 as emr42
import platform_programs_etlrole46 as er46
import platform_programs_falsealarm21 as fa21
import platform_programs_falsealarm22 as fa22
import platform_programs_falsealarm23 as fa23
import platform_programs_falsealarm24 as fa24
import platform_programs_falsealarm25 as fa25
import platform_programs_falsealarm26 as fa26
import platform_programs_falsealarm27 as fa27
import platform_programs_falsealarm28 as fa28
import platform_programs_fluentbit42 as fb42
import platform_programs_fluentd43 as fd43
import platform_programs_glue43 as g43
import platform_programs_grants36 as g36
import platform_programs_httpapi41 as ha41
import platform_programs_intl as pi
import platform_programs_leftovers35 as pl
import platform_programs_leftovers36 as pl36
import platform_programs_leftovers41 as lo41
import platform_programs_leftovers42 as lo42
import platform_programs_leftovers43 as lo43
import platform_programs_leftovers44 as lo44
import platform_programs_logplugins44 as lp44
import platform_programs_logplugins45 as lp45
import platform_programs_madearn43 as ma43
import platform_programs_madearns45 as mas45
import platform_programs_madeby35 as pm35
import platform_programs_markets as pm
import platform_programs_mutants9 as mu9
import platform_programs_mutation41 as mu41
import platform_programs_mutation42 as mu42
import platform_programs_mutation43 as mu43
import platform_programs_mutation44 as mu44
import platform_programs_mutation45 as mu45
import platform_programs_new34 as pn
import platform_programs_openapi44 as oa44
import platform_programs_ops as po
import platform_programs_order35 as p35
import platform_programs_orgkeys42 as ok42
import platform_programs_ossbackend44 as ob44
import platform_programs_ownrole42 as or42
import platform_programs_public36 as pub36
import platform_programs_public37 as pub37
import platform_programs_public42 as pub42
import platform_programs_publicauth43 as pa43
import platform_programs_redteam36 as rt36
import platform_programs_redteam37 as rt37
import platform_programs_redteam38 as rt38
import platform_programs_redteam39 as rt39
import platform_programs_redteam40 as rt40
import platform_programs_refusals as pr
import platform_programs_review33 as pv
import platform_programs_review34 as pq
import platform_programs_review34b as pb
import platform_programs_review35 as pf
import platform_programs_review35b as pg
import platform_programs_review35c as ph
import platform_programs_review36 as rx36
import platform_programs_review36b as rx36b
import platform_programs_review36c as rx36c
import platform_programs_review41 as rv41
import platform_programs_review42 as rv42
import platform_programs_review43 as rv43
import platform_programs_review44 as rv44
import platform_programs_review45 as rv45
import platform_programs_scripts45 as sc45
import platform_programs_scripts46 as sc46
import platform_programs_sfn44 as sf44
import platform_programs_sfn44b as sf44b
import platform_programs_sfnrt45 as sfr45
import platform_programs_snsend41 as sn41
import platform_programs_sqsvpc43 as sv43
import platform_programs_stagehosts39 as sh39
import platform_programs_stages40 as st40
import platform_programs_stagevars36 as sv36
import platform_programs_stagevars37 as sv37
import platform_programs_unjudged40 as uj40
import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pytest
from destination_entries import PARTNER_TRANSFER
from engine_documents import FirstPreviewMocks, engine_documents, first_preview_document
from pulumi.output import Unknown
from test_policy_support import UNKNOWN, Pack, Res

from components.errors import ConfigError, ResidencyViolation
from components.plan.collect import build_stack_plan
from components.plan.documents import DocumentError
from components.plan.preview import parse_preview
from components.plan.review import review_document
from components.plan.state import parse_state
from components.residency import audit_session, enforce
from components.residency.destinations import parse_destinations
from components.simulate.mocks import SovereignMocks
from components.simulate.recorder import Secret
from components.testing import ProgramRun, run_pulumi_program

REGION = {
    "CN": ("cn-north-1", "cn-shanghai"),
    "DE": ("eu-central-1", "eu-central-1"),
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
OWN_ACCOUNT = "123456789012"
OWN_UID_DECLARED: dict[str, Any] = {
    "id": "own-alibaba-account", "kind": "resident", "match": "acs:ram::1234567890123456:",
    "evidence": "the team's own Alibaba Cloud account (China site), deployed without an assumed role",
}  # fmt: skip
CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})


@dataclass
class Ctx:
    code: str
    aws_p: aws.Provider | None = None
    ali_p: alicloud.Provider | None = None
    ali_role: str | None = None
    """The RAM role the Alibaba Cloud provider assumes (``platform_programs.assuming_role``), which proves its account
    the stack's own (RES-023); None: it assumes none."""

    @property
    def aws(self) -> pulumi.ResourceOptions:
        if self.aws_p is None:
            # A team's own stack pins its account (the mocks' caller identity), as RES-023 asks of a grant to it.
            self.aws_p = aws.Provider("aws", region=REGION[self.code][0], allowed_account_ids=[OWN_ACCOUNT])
        return pulumi.ResourceOptions(provider=self.aws_p)

    @property
    def ali(self) -> pulumi.ResourceOptions:
        if self.ali_p is None:
            role = alicloud.ProviderAssumeRoleArgs(role_arn=self.ali_role, session_name="ci") if self.ali_role else None
            self.ali_p = alicloud.Provider("ali", region=REGION[self.code][1], assume_role=role)
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


def logging_into(target: str | None, source: str | None = None) -> Callable[[Ctx], object]:
    # docs: s3/bucketlogging — server access logs of the stack's bucket (or of `source`, a bucket another stack made)
    # into the stack's log bucket or the account's central log bucket `target`; "all logs are saved to buckets in the
    # same Region as the source bucket" (PutBucketLogging), so the source decides where the logs are.
    def build(c: Ctx) -> object:
        bucket = aws.s3.Bucket("data", opts=c.aws)
        logs = aws.s3.Bucket("logs", opts=c.aws)
        return aws.s3.BucketLogging(
            "data-logging", bucket=source or bucket.id, target_bucket=target or logs.id, target_prefix="data/",
            opts=c.aws,
        )  # fmt: skip

    return build


def oss_logging_into(target: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud oss/bucketlogging — access logs of the dashcam bucket into the stack's log bucket or the account's
    # central log bucket `target`; OSS rejects a target bucket in another region than the source bucket.
    def build(c: Ctx) -> object:
        bucket = alicloud.oss.Bucket("dashcam", opts=c.ali)
        logs = alicloud.oss.Bucket("access-logs", opts=c.ali)
        return alicloud.oss.BucketLogging(
            "dashcam-logging", bucket=bucket.bucket, target_bucket=target or logs.bucket, target_prefix="dashcam/",
            opts=c.ali,
        )  # fmt: skip

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


def aws_launch_template_user_data(text: str) -> Callable[[Ctx], object]:
    # docs: ec2/launchtemplate — user_data: "The base64-encoded user data to provide when launching the instance".
    def build(c: Ctx) -> object:
        return aws.ec2.LaunchTemplate(
            "fleet-nodes", image_id="ami-123", instance_type="t3.micro",
            user_data=base64.b64encode(text.encode()).decode(), opts=c.aws,
        )  # fmt: skip

    return build


def sae_php_config(client_host: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud sae/application — php_config: "PHP configuration file content" (php.ini, mounted at
    # php_config_location); sessions in the stack's own Tair (Redis) instance, by its connection_domain output.
    def build(c: Ctx) -> object:
        cache = alicloud.kvstore.Instance(
            "sessions", db_instance_name="sessions", instance_class="redis.master.small.default", engine_version="7.0",
            vswitch_id="vsw-1", opts=c.ali,
        )  # fmt: skip
        debug = f"[xdebug]\nxdebug.mode = debug\nxdebug.client_host = {client_host}\n" if client_host else ""
        ini = cache.connection_domain.apply(
            lambda host: (
                f'[PHP]\nmemory_limit = 256M\nsession.save_handler = redis\nsession.save_path = "tcp://{host}:6379"\n'
                + debug
            )
        )
        return alicloud.sae.Application(
            "shop", app_name="shop", package_type="PhpZip", replicas=2, cpu=500, memory=1024, vpc_id="vpc-1",
            vswitch_id="vsw-1", namespace_id="cn-shanghai:shop", package_url="https://shop-cn.oss-cn-shanghai.aliyuncs.com/shop.zip",
            php="PHP-FPM 7.3", programming_language="php", php_config=ini,
            php_config_location="/usr/local/etc/php/php.ini", opts=c.ali,
        )  # fmt: skip

    return build


def ecs_powershell_smb_share(share_host: str) -> Callable[[Ctx], object]:
    # docs: alicloud ecs/command — a Cloud Assistant RunPowerShellScript command (command_content base64) mapping an
    # SMB share by its UNC path (NAS SMB mount: net use z: \\<mount target>\myshare).
    def build(c: Ctx) -> object:
        script = f"net use Z: \\\\{share_host}\\myshare /persistent:yes\r\nrobocopy D:\\reports Z:\\reports /E\r\n"
        return alicloud.ecs.Command(
            "nightly-copy", name="nightly-copy", type="RunPowerShellScript", timeout=600,
            command_content=base64.b64encode(script.encode()).decode(), opts=c.ali,
        )  # fmt: skip

    return build


def ecs_launch_template_userdata(oss_region: str) -> Callable[[Ctx], object]:
    # docs: alicloud ecs/ecslaunchtemplate — userdata: "User data of the instance, which is Base64-encoded".
    def build(c: Ctx) -> object:
        script = (
            f"#!/bin/sh\ncurl -fsSo /opt/agent.tgz https://oss-{oss_region}-internal.aliyuncs.com/fleet/agent.tgz\n"
        )
        return alicloud.ecs.EcsLaunchTemplate(
            "fleet-nodes", launch_template_name="fleet-nodes", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            instance_type="ecs.g7.large", vswitch_id="vsw-123", security_group_ids=["sg-123"],
            userdata=base64.b64encode(script.encode()).decode(), opts=c.ali,
        )  # fmt: skip

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


def cdn(scope: str | None, origin: str = "oss-cn-shanghai.aliyuncs.com") -> Callable[[Ctx], object]:
    # docs: alicloud cdn/domainnew — scope domestic (default), overseas or global.
    def build(c: Ctx) -> object:
        extra: dict[str, Any] = {"scope": scope} if scope else {}
        return alicloud.cdn.DomainNew(
            "cdn", domain_name="static.example.cn", cdn_type="web",
            sources=[{"content": origin, "type": "oss", "port": 443}], opts=c.ali, **extra,
        )  # fmt: skip

    return build


def vod_domain(scope: str | None, origin_host: str | None = None) -> Callable[[Ctx], object]:
    # docs: alicloud vod/domain — scope domestic (the default), overseas or global, like a CDN domain; `sources` are
    # "the address of the origin server" (an OSS bucket's domain by default, or `origin_host`, which VOD fetches from).
    def build(c: Ctx) -> object:
        extra: dict[str, Any] = {"scope": scope} if scope else {}
        origin = origin_host or f"outin-1.oss-{REGION[c.code][1]}.aliyuncs.com"
        return alicloud.vod.Domain(
            "vod", domain_name="video.example.cn", opts=c.ali, **extra,
            sources=[{"source_type": "domain", "source_content": origin, "source_port": "443"}],
        )  # fmt: skip

    return build


def esa_site(coverage: str) -> Callable[[Ctx], object]:
    # docs: alicloud esa/site — coverage domestic (mainland China), overseas or global.
    def build(c: Ctx) -> object:
        plan = alicloud.esa.RatePlanInstance(
            "esa-plan", type="NS", plan_name="basic", coverage=coverage, payment_type="Subscription", period=1,
            auto_pay=True, auto_renew=True, opts=c.ali,
        )  # fmt: skip
        return alicloud.esa.Site("site", site_name="example.cn", access_type="NS", instance_id=plan.id,
                                 coverage=coverage, opts=c.ali)  # fmt: skip

    return build


def ga_endpoint_group(c: Ctx) -> object:
    # docs: alicloud ga/endpointgroup — in-country backends behind an accelerator made elsewhere.
    return alicloud.ga.EndpointGroup(
        "ga-eg", accelerator_id="ga-bp1odcab8tmno0hdq", listener_id="lsr-bp1bpn0kn908w4nbw", opts=c.ali,
        endpoint_group_region="cn-shanghai",
        endpoint_configurations=[{"endpoint": "10.40.0.20", "type": "Ip", "weight": 20}],
    )  # fmt: skip


def aws_ga_endpoint_group(c: Ctx) -> object:
    # docs: globalaccelerator/endpointgroup — this stack's load balancer behind another account's accelerator.
    alb = aws.lb.LoadBalancer("owners", load_balancer_type="application", subnets=["subnet-1", "subnet-2"], opts=c.aws)
    return aws.globalaccelerator.EndpointGroup(
        "owners-ga", listener_arn="arn:aws:globalaccelerator::123456789012:accelerator/1234abcd/listener/0123vxyz",
        endpoint_configurations=[{"endpoint_id": alb.arn, "weight": 100}], opts=c.aws,
    )  # fmt: skip


def dts_sync(destination_ip: str) -> Callable[[Ctx], object]:
    # docs: alicloud dts/synchronizationjob — a self-managed destination database (instance type `other`).
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        instance = alicloud.dts.SynchronizationInstance(
            "dts", payment_type="PayAsYouGo", instance_class="small", source_endpoint_engine_name="MySQL",
            source_endpoint_region=region, destination_endpoint_engine_name="MySQL",
            destination_endpoint_region=region, opts=c.ali,
        )  # fmt: skip
        return alicloud.dts.SynchronizationJob(
            "sync", dts_instance_id=instance.id, dts_job_name="orders",
            db_list=json.dumps({"orders": {"name": "orders", "all": True}}),
            source_endpoint_instance_type="RDS", source_endpoint_instance_id="rm-uf6wjk5xxxxxxx",
            source_endpoint_engine_name="MySQL", source_endpoint_region=region, source_endpoint_user_name="dts",
            source_endpoint_password="x", destination_endpoint_instance_type="other",
            destination_endpoint_engine_name="MySQL", destination_endpoint_ip=destination_ip,
            destination_endpoint_port="3306", destination_endpoint_region=region,
            destination_endpoint_user_name="dts", destination_endpoint_password="x", structure_initialization=True,
            data_initialization=True, data_synchronization=True, opts=c.ali,
        )  # fmt: skip

    return build


def vpn_customer_gateway(c: Ctx) -> object:
    # docs: alicloud vpn/customergateway — ip_address is the public address of the on-premises VPN peer.
    return alicloud.vpn.CustomerGateway(
        "idc", customer_gateway_name="idc-shanghai", ip_address="203.0.113.10", asn="1219002", opts=c.ali
    )


def export_region_parameter(region: str) -> Callable[[Ctx], object]:
    # docs: ssm/parameter — the exporter reads its target region from Parameter Store at start-up.
    def build(c: Ctx) -> object:
        return aws.ssm.Parameter("export-region", name="/fleet/prod/EXPORT_REGION", type="String", value=region,
                                 opts=c.aws)  # fmt: skip

    return build


def eci_telemetry_exporter(db_host: str) -> Callable[[Ctx], object]:
    # docs: alicloud eci/containergroup — a container's environment_vars are {key, value} entries.
    def build(c: Ctx) -> object:
        env = alicloud.eci.ContainerGroupContainerEnvironmentVarArgs
        return alicloud.eci.ContainerGroup(
            "exporter", container_group_name="telemetry-exporter", security_group_id="sg-2ze0001",
            vswitch_id="vsw-2ze0001", containers=[alicloud.eci.ContainerGroupContainerArgs(
                name="exporter", image="registry-vpc.cn-beijing.aliyuncs.com/fleet/exporter:1.4",
                environment_vars=[env(key="DB_HOST", value=db_host), env(key="LOG_LEVEL", value="info")],
            )], opts=c.ali,
        )  # fmt: skip

    return build


def actiontrail(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud actiontrail/trail — oss_bucket_name is the OSS bucket the trail delivers events to.
    def build(c: Ctx) -> object:
        target = bucket or alicloud.oss.Bucket("audit", opts=c.ali).bucket
        return alicloud.actiontrail.Trail(
            "trail", trail_name="audit", event_rw="All", trail_region="All", oss_bucket_name=target, opts=c.ali
        )

    return build


def actiontrail_to_named_bucket(c: Ctx) -> object:
    # The same trail, with the bucket this stack creates named by its literal name (not its output).
    alicloud.oss.Bucket("audit", bucket="audit-logs-cn-01", opts=c.ali)
    return alicloud.actiontrail.Trail(
        "trail", trail_name="audit", event_rw="All", trail_region="All", oss_bucket_name="audit-logs-cn-01", opts=c.ali
    )


def sls_oss_export(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud log/ossexport — ships a logstore to an OSS bucket.
    def build(c: Ctx) -> object:
        project = alicloud.log.Project("logs", project_name="fleet-logs", opts=c.ali)
        store = alicloud.log.Store("app", project_name=project.project_name, logstore_name="app", opts=c.ali)
        target = bucket or alicloud.oss.Bucket("archive", opts=c.ali).bucket
        return alicloud.log.OssExport(
            "archive", project_name=project.project_name, logstore_name=store.logstore_name, export_name="archive",
            display_name="archive", bucket=target, prefix="app", buffer_interval=300, buffer_size=250,
            compress_type="none", path_format="%Y/%m/%d/%H/%M", content_type="json", json_enable_tag=True,
            role_arn="acs:ram::1234567890123456:role/aliyunlogdefaultrole", time_zone="+0800", opts=c.ali,
        )  # fmt: skip

    return build


def privatelink_endpoint(service_region: str) -> Callable[[Ctx], object]:
    # docs: alicloud privatelink/vpcendpoint — service_name com.aliyuncs.privatelink.<region>.epsrv-<id>.
    def build(c: Ctx) -> object:
        return alicloud.privatelink.VpcEndpoint(
            "partner-api", vpc_id="vpc-uf6x1", security_group_ids=["sg-uf6x1"], vpc_endpoint_name="partner-api",
            service_name=f"com.aliyuncs.privatelink.{service_region}.epsrv-hp3vpx8yqxblby3i", opts=c.ali,
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


def rest_api(kind: str | None) -> Callable[[Ctx], object]:
    # docs: apigateway/restapi — endpoint_configuration.types EDGE (default in the API, None here) or REGIONAL.
    def build(c: Ctx) -> object:
        endpoint = aws.apigateway.RestApiEndpointConfigurationArgs(types=kind) if kind else None
        return aws.apigateway.RestApi("api", name="alerts", endpoint_configuration=endpoint, opts=c.aws)

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


def ns_delegation(name_servers: list[str] | None) -> Callable[[Ctx], object]:
    # docs: route53/record — delegating a subdomain: an NS record in the parent zone lists the name
    # servers Route 53 assigned the subdomain's zone (its name_servers output).
    def build(c: Ctx) -> object:
        parent = aws.route53.Zone("parent", name="fleet.example.com", opts=c.aws)
        child = aws.route53.Zone("telemetry", name="telemetry.fleet.example.com", opts=c.aws)
        return aws.route53.Record(
            "telemetry-ns", zone_id=parent.zone_id, name="telemetry.fleet.example.com", type="NS", ttl=172800,
            records=name_servers or child.name_servers, opts=c.aws,
        )  # fmt: skip

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


_CLOUDTRAIL_PATTERN = {
    "source": ["aws.s3"],
    "detail-type": ["AWS API Call via CloudTrail"],
    "detail": {"eventSource": ["s3.amazonaws.com"], "eventName": ["PutBucketPolicy"],
               "requestParameters": {"bucketName": ["partner-drop"]}},
}  # fmt: skip


def cloudtrail_rule(target_bus: str | None) -> Callable[[Ctx], object]:
    # docs: cloudwatch/eventrule — "AWS API Call via CloudTrail" patterns match eventSource and request
    # parameters; the pattern is compared with events, the target is where they go.
    def build(c: Ctx) -> object:
        rule = aws.cloudwatch.EventRule(
            "bucket-policy-changes", event_pattern=json.dumps(_CLOUDTRAIL_PATTERN), opts=c.aws
        )
        bus = aws.cloudwatch.EventBus("audit", opts=c.aws)
        return aws.cloudwatch.EventTarget("to-audit", rule=rule.name, arn=target_bus or bus.arn, opts=c.aws)

    return build


def msk_connect_s3_sink(region: str) -> Callable[[Ctx], object]:
    # docs: mskconnect/connector — connector_configuration is the connector's Kafka Connect properties
    # (dotted keys); the Confluent S3 sink writes every record to s3.bucket.name in s3.region.
    def build(c: Ctx) -> object:
        cluster = aws.msk.Cluster(
            "events", kafka_version="3.6.0", number_of_broker_nodes=2,
            broker_node_group_info={"instance_type": "kafka.m5.large", "client_subnets": ["subnet-1", "subnet-2"],
                                    "security_groups": ["sg-1"]}, opts=c.aws,
        )  # fmt: skip
        sink = aws.s3.Bucket("archive", opts=c.aws)
        plugin = aws.mskconnect.CustomPlugin(
            "s3-sink", content_type="ZIP", location={"s3": {"bucket_arn": sink.arn, "file_key": "s3-sink.zip"}},
            opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("connect", assume_role_policy=ROLE.replace("lambda", "kafkaconnect"), opts=c.aws)
        return aws.mskconnect.Connector(
            "telemetry-archive", kafkaconnect_version="2.7.1",
            capacity={"provisioned_capacity": {"mcu_count": 1, "worker_count": 1}},
            connector_configuration=sink.bucket.apply(lambda name: {
                "connector.class": "io.confluent.connect.s3.S3SinkConnector", "tasks.max": "1", "topics": "telemetry",
                "s3.region": region, "s3.bucket.name": name, "flush.size": "1000",
                "storage.class": "io.confluent.connect.s3.storage.S3Storage"}),
            kafka_cluster={"apache_kafka_cluster": {"bootstrap_servers": cluster.bootstrap_brokers_tls,
                                                    "vpc": {"security_groups": ["sg-1"], "subnets": ["subnet-1"]}}},
            kafka_cluster_client_authentication={"authentication_type": "NONE"},
            kafka_cluster_encryption_in_transit={"encryption_type": "TLS"},
            plugins=[{"custom_plugin": {"arn": plugin.arn, "revision": plugin.latest_revision}}],
            service_execution_role_arn=role.arn, opts=c.aws,
        )  # fmt: skip

    return build


def lambda_kafka(brokers: str) -> Callable[[Ctx], object]:
    # docs: lambda/eventsourcemapping — self-managed Kafka: KAFKA_BOOTSTRAP_SERVERS is "a comma separated
    # list of broker endpoints".
    def build(c: Ctx) -> object:
        role = aws.iam.Role("fn-role", assume_role_policy=ROLE, opts=c.aws)
        fn = aws.lambda_.Function(
            "fn", role=role.arn, runtime="python3.12", handler="index.handler", code=CODE, opts=c.aws
        )
        return aws.lambda_.EventSourceMapping(
            "telemetry", function_name=fn.arn, topics=["telemetry"], starting_position="TRIM_HORIZON",
            self_managed_event_source={"endpoints": {"KAFKA_BOOTSTRAP_SERVERS": brokers}}, opts=c.aws,
        )  # fmt: skip

    return build


def cis_metric_filter(c: Ctx) -> object:
    # docs: cloudwatch/logmetricfilter — CIS AWS Foundations 4.7, CMKs disabled or scheduled for deletion.
    trail = aws.cloudwatch.LogGroup("cloudtrail", opts=c.aws)
    return aws.cloudwatch.LogMetricFilter(
        "cmk-disable", log_group_name=trail.name,
        pattern="{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || "
                "($.eventName = ScheduleKeyDeletion)) }",
        metric_transformation={"name": "CmkDisable", "namespace": "CISBenchmark", "value": "1"}, opts=c.aws,
    )  # fmt: skip


def subscription_filter(destination: str | None) -> Callable[[Ctx], object]:
    # docs: cloudwatch/logsubscriptionfilter — filter_pattern selects log events, destination_arn receives them.
    def build(c: Ctx) -> object:
        logs = aws.cloudwatch.LogGroup("trail", opts=c.aws)
        stream = aws.kinesis.Stream("audit", shard_count=1, opts=c.aws)
        return aws.cloudwatch.LogSubscriptionFilter(
            "s3-calls", log_group=logs.name, filter_pattern='{ $.eventSource = "s3.amazonaws.com" }',
            destination_arn=destination or stream.arn, opts=c.aws,
        )  # fmt: skip

    return build


def task_environment(name: str, value: str) -> Callable[[Ctx], object]:
    # docs: ecs/taskdefinition — a container's environment is a list of {"name", "value"} pairs.
    def build(c: Ctx) -> object:
        containers = json.dumps(
            [{"name": "exporter", "image": "busybox", "essential": True, "memory": 128,
              "environment": [{"name": "LOG_LEVEL", "value": "info"}, {"name": name, "value": value}]}]
        )  # fmt: skip
        return aws.ecs.TaskDefinition("exporter", family="exporter", container_definitions=containers, opts=c.aws)

    return build


def irsa_role(c: Ctx) -> object:
    # docs: EKS "IAM roles for service accounts" — the trust policy, built with iam.get_policy_document.
    issuer = "oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
    document = aws.iam.get_policy_document(
        statements=[{"actions": ["sts:AssumeRoleWithWebIdentity"],
                     "principals": [{"type": "Federated",
                                     "identifiers": [f"arn:aws:iam::123456789012:oidc-provider/{issuer}"]}],
                     "conditions": [{"test": "StringEquals", "variable": f"{issuer}:aud",
                                     "values": ["sts.amazonaws.com"]},
                                    {"test": "StringEquals", "variable": f"{issuer}:sub",
                                     "values": ["system:serviceaccount:fleet:ingest"]}]}],
        opts=pulumi.InvokeOptions(provider=c.aws.provider),
    )  # fmt: skip
    return aws.iam.Role("ingest-irsa", assume_role_policy=document.json, opts=c.aws)


def irsa_trust_json(region: str) -> Callable[[Ctx], object]:
    # The same trust policy written as JSON, for a cluster in ``region``.
    def build(c: Ctx) -> object:
        issuer = f"oidc.eks.{region}.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
        document = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
            "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{issuer}"},
            "Condition": {"StringEquals": {f"{issuer}:aud": "sts.amazonaws.com"}}}]}  # fmt: skip
        return aws.iam.Role("ingest-irsa", assume_role_policy=json.dumps(document), opts=c.aws)

    return build


def datasync_nfs(server: str) -> Callable[[Ctx], object]:
    # docs: datasync/nfslocation — server_hostname is "the IP address or DNS name of the NFS server".
    def build(c: Ctx) -> object:
        agent = aws.datasync.Agent("agent", ip_address="10.20.0.5", opts=c.aws)
        return aws.datasync.NfsLocation(
            "archive-nfs", server_hostname=server, subdirectory="/exports/archive",
            on_prem_config={"agent_arns": [agent.arn]}, opts=c.aws,
        )  # fmt: skip

    return build


def pass_role_to_ecs(c: Ctx) -> object:
    # docs: IAM "grant a user permissions to pass a role" — iam:PassedToService names the service principal.
    partition = "aws-cn" if c.code == "CN" else "aws"
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": f"arn:{partition}:iam::123456789012:role/ecs-task-*",
         "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
        {"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
         "Condition": {"StringLike": {"iam:AWSServiceName": "ecs.amazonaws.com"}}}]}  # fmt: skip
    return aws.iam.Policy("deployer", policy=json.dumps(document), opts=c.aws)


def kms_via(service_host: str) -> Callable[[Ctx], object]:
    # docs: kms/key — kms:ViaService limits use of the key to requests made through the named service.
    def build(c: Ctx) -> object:
        document = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:Decrypt",
             "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": service_host}}}]}  # fmt: skip
        return aws.kms.Key("data", policy=json.dumps(document), opts=c.aws)

    return build


def dms_target(server: str) -> Callable[[Ctx], object]:
    # docs: dms/endpoint — server_name is the "host name of the server" DMS replicates into.
    def build(c: Ctx) -> object:
        return aws.dms.Endpoint(
            "warehouse", endpoint_id="warehouse", endpoint_type="target", engine_name="postgres",
            server_name=server, port=5432, database_name="fleet", username="dms", password="secret", opts=c.aws,
        )  # fmt: skip

    return build


def resolver_forwarding(ip: str) -> Callable[[Ctx], object]:
    # docs: route53/resolverrule — FORWARD rules send the domain's DNS queries to target_ips.
    def build(c: Ctx) -> object:
        return aws.route53.ResolverRule(
            "corp", domain_name="corp.example.cn", rule_type="FORWARD", resolver_endpoint_id="rslvr-out-1",
            target_ips=[{"ip": ip}], opts=c.aws,
        )  # fmt: skip

    return build


def ack_rrsa(c: Ctx) -> object:
    # docs: ACK "use RRSA to authorize pods": the OIDC provider (audience sts.aliyuncs.com) and the role's trust.
    issuer = "https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123456789abcdef"
    alicloud.ims.OidcProvider(
        "rrsa", oidc_provider_name="ack-rrsa-c0123456789abcdef", issuer_url=issuer, client_ids=["sts.aliyuncs.com"],
        fingerprints=["902ef2deeb3c5b13ea4c3d5193629309e231ae55"], opts=c.ali,
    )  # fmt: skip
    document = {"Version": "1", "Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRole",
        "Principal": {"Federated": ["acs:ram::1234567890123456:oidc-provider/ack-rrsa-c0123456789abcdef"]},
        "Condition": {"StringEquals": {"oidc:aud": "sts.aliyuncs.com", "oidc:iss": issuer,
                                       "oidc:sub": "system:serviceaccount:fleet:ingest"}}}]}  # fmt: skip
    return alicloud.ram.Role("ingest-rrsa", role_name="ingest-rrsa", document=json.dumps(document), opts=c.ali)


def cognito_login(region: str) -> Callable[[Ctx], object]:
    # docs: lb/listener — authenticate-oidc against a Cognito user pool's prefix domain.
    def build(c: Ctx) -> object:
        auth = f"https://fleet-owners.auth.{region}.amazoncognito.com/oauth2"
        lb = aws.lb.LoadBalancer(
            "owners", load_balancer_type="application", subnets=["subnet-1", "subnet-2"], opts=c.aws
        )
        return aws.lb.Listener(
            "https", load_balancer_arn=lb.arn, port=443, protocol="HTTPS",
            certificate_arn="arn:aws:acm:eu-central-1:123456789012:certificate/1",
            default_actions=[{"type": "authenticate-oidc", "order": 1, "authenticate_oidc": {
                "authorization_endpoint": f"{auth}/authorize", "token_endpoint": f"{auth}/token",
                "user_info_endpoint": f"{auth}/userInfo", "client_id": "abc", "client_secret": "s",
                "issuer": "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEf"}},
                {"type": "fixed-response", "order": 2,
                 "fixed_response": {"content_type": "text/plain", "status_code": "200"}}],
            opts=c.aws,
        )  # fmt: skip

    return build


def sns_subscription(protocol: str, endpoint: str) -> Callable[[Ctx], object]:
    # docs: sns/topicsubscription — protocol email: the endpoint is an e-mail address; sms: the phone
    # number of an SMS-enabled device.
    def build(c: Ctx) -> object:
        topic = aws.sns.Topic("alarms", opts=c.aws)
        return aws.sns.TopicSubscription(
            f"alarms-{protocol}", topic=topic.arn, protocol=protocol, endpoint=endpoint, opts=c.aws
        )

    return build


def cms_contact(**channels: str) -> Callable[[Ctx], object]:
    # docs: cms/alarmcontact — CloudMonitor sends every alarm of the contact's groups to its channels
    # (channels_mail: an e-mail address; channels_sms: a phone number).
    def build(c: Ctx) -> object:
        return alicloud.cms.AlarmContact(
            "oncall", alarm_contact_name="fleet-oncall", describe="Fleet on-call", opts=c.ali, **channels
        )

    return build


def dts_alarm_phone(phone: str | int) -> Callable[[Ctx], object]:
    # docs: dts/jobmonitorrule — "phone: The alarm is triggered after notification of the contact phone
    # number"; a string field, which the provider also takes as a number.
    def build(c: Ctx) -> object:
        return alicloud.dts.JobMonitorRule(
            "sync-delay",
            dts_job_id="dtsj1k2l3m4n5o6p7",
            type="delay",
            delay_rule_time="300",
            phone=phone,  # type: ignore[arg-type]  # as a user passes it: the SDK does not check types
            opts=c.ali,
        )

    return build


def incident_sms(number: str) -> Callable[[Ctx], object]:
    # docs: ssmcontacts/contactchannel — an SMS channel: "'+' followed by the country code and phone number".
    def build(c: Ctx) -> object:
        contact = aws.ssmcontacts.Contact("oncall", alias="oncall-engineer", type="PERSONAL", opts=c.aws)
        return aws.ssmcontacts.ContactChannel(
            "oncall-sms", contact_id=contact.arn, name="mobile", type="SMS",
            delivery_address={"simple_address": number}, opts=c.aws,
        )  # fmt: skip

    return build


def budget_alerts(address: str) -> Callable[[Ctx], object]:
    # docs: budgets/budget — notifications e-mail the budget's alerts to subscriber_email_addresses.
    def build(c: Ctx) -> object:
        return aws.budgets.Budget(
            "monthly", budget_type="COST", limit_amount="1000", limit_unit="USD", time_unit="MONTHLY",
            notifications=[{"comparison_operator": "GREATER_THAN", "threshold": 80, "threshold_type": "PERCENTAGE",
                            "notification_type": "FORECASTED", "subscriber_email_addresses": [address]}],
            opts=c.aws,
        )  # fmt: skip

    return build


def push_app(c: Ctx) -> object:
    # docs: sns/platformapplication — Firebase Cloud Messaging for the owner app's notifications.
    return aws.sns.PlatformApplication("owner-app", platform="GCM", platform_credential="fcm-server-key", opts=c.aws)


def customer_gateway(ip: str) -> Callable[[Ctx], object]:
    # docs: ec2/customergateway — ip_address is the outside address of the customer's VPN device.
    def build(c: Ctx) -> object:
        return aws.ec2.CustomerGateway("office", bgp_asn="65000", ip_address=ip, type="ipsec.1", opts=c.aws)

    return build


def lambda_from_artifacts(region: str | None) -> Callable[[Ctx], object]:
    # docs: lambda/function — s3_bucket: "An Amazon S3 bucket in the same AWS Region as your function".
    def build(c: Ctx) -> object:
        role = aws.iam.Role("fn-role", assume_role_policy=ROLE, opts=c.aws)
        extra: dict[str, Any] = {"region": region} if region else {}
        return aws.lambda_.Function(
            "fn", role=role.arn, runtime="python3.12", handler="index.handler", s3_bucket="fleet-ci-artifacts",
            s3_key="ingest/1.4.2.zip", opts=c.aws, **extra,
        )  # fmt: skip

    return build


def codebuild_to_bucket(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: codebuild/project — artifacts of type S3: location is "the name of the output bucket".
    def build(c: Ctx) -> object:
        location = bucket or aws.s3.Bucket("artifacts", opts=c.aws).bucket
        role = aws.iam.Role("build-role", assume_role_policy=ROLE.replace("lambda", "codebuild"), opts=c.aws)
        return aws.codebuild.Project(
            "build", service_role=role.arn, artifacts={"type": "S3", "location": location, "packaging": "ZIP"},
            environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0",
                         "type": "LINUX_CONTAINER"},
            source={"type": "CODECOMMIT", "location": "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app"},
            opts=c.aws,
        )  # fmt: skip

    return build


def s3_cors(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: s3/bucketcorsconfiguration — the origins browsers may read the bucket from.
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("site", opts=c.aws)
        return aws.s3.BucketCorsConfiguration(
            "site-cors", bucket=bucket or own.id,
            cors_rules=[{"allowed_methods": ["GET", "PUT"], "allowed_origins": ["https://owners.example.eu"],
                         "allowed_headers": ["*"], "max_age_seconds": 3000}], opts=c.aws,
        )  # fmt: skip

    return build


def event_bus_failover(secondary: str) -> Callable[[Ctx], object]:
    # docs: cloudwatch/eventendpoint — a global endpoint fails over (and replicates events) to the route.
    def build(c: Ctx) -> object:
        primary = aws.cloudwatch.EventBus("primary", opts=c.aws)
        other = aws.Provider("aws-2", region=secondary if secondary.startswith("eu-") else REGION[c.code][0])
        backup = aws.cloudwatch.EventBus("backup", opts=pulumi.ResourceOptions(provider=other))
        role = aws.iam.Role("replication", assume_role_policy=ROLE.replace("lambda", "events"), opts=c.aws)
        return aws.cloudwatch.EventEndpoint(
            "global", role_arn=role.arn, event_buses=[{"event_bus_arn": primary.arn}, {"event_bus_arn": backup.arn}],
            replication_config={"state": "ENABLED"},
            routing_config={"failover_config": {"primary": {"health_check": "arn:aws:route53:::healthcheck/hc-1"},
                                                "secondary": {"route": secondary}}}, opts=c.aws,
        )  # fmt: skip

    return build


def oss_cors(c: Ctx) -> object:
    # docs: alicloud oss/bucketcors.
    bucket = alicloud.oss.Bucket("site", opts=c.ali)
    return alicloud.oss.BucketCors(
        "site-cors", bucket=bucket.bucket,
        cors_rules=[{"allowed_methods": ["GET"], "allowed_origins": ["https://owners.example.cn"],
                     "allowed_headers": ["*"]}], opts=c.ali,
    )  # fmt: skip


def cen_qos(peer_region: str) -> Callable[[Ctx], object]:
    # docs: alicloud cen/transitrouterpeerattachment and cen/interregiontrafficqospolicy — inter-region
    # bandwidth between two transit routers, with a QoS policy and queue named after the two regions.
    def build(c: Ctx) -> object:
        peering = alicloud.cen.TransitRouterPeerAttachment(
            "sh-bj", cen_id="cen-1", transit_router_id="tr-sh", peer_transit_router_id="tr-bj",
            peer_transit_router_region_id=peer_region, bandwidth=10, bandwidth_type="DataTransfer", opts=c.ali,
        )  # fmt: skip
        policy = alicloud.cen.InterRegionTrafficQosPolicy(
            "sh-bj-qos", transit_router_id="tr-sh", transit_router_attachment_id=peering.transit_router_attachment_id,
            inter_region_traffic_qos_policy_name="sh-bj-qos",
            inter_region_traffic_qos_policy_description="shanghai-beijing telemetry first", opts=c.ali,
        )  # fmt: skip
        return alicloud.cen.InterRegionTrafficQosQueue(
            "telemetry", traffic_qos_policy_id=policy.id, dscps=[46], remain_bandwidth_percent=60,
            inter_region_traffic_qos_queue_name="telemetry-gold",
            inter_region_traffic_qos_queue_description="high-priority vehicle telemetry", opts=c.ali,
        )  # fmt: skip

    return build


def cen_vpc_attachment(cen_id: str | None, *, legacy: bool = False) -> Callable[[Ctx], object]:
    # docs: alicloud cen/transitroutervpcattachment (and the older cen/instanceattachment) — the stack's VPC on a
    # CEN instance through a transit router; None: the stack's own CEN, else the network team's (its id).
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        vpc = alicloud.vpc.Network("app", vpc_name="fleet-app", cidr_block="10.20.0.0/16", opts=c.ali)
        cid: Any = cen_id
        if cen_id is None:
            cid = alicloud.cen.Instance("wan", cen_instance_name="fleet-wan", protection_level="REDUCED", opts=c.ali).id
        if legacy:
            return alicloud.cen.InstanceAttachment(
                "app-wan", instance_id=cid, child_instance_id=vpc.id, child_instance_type="VPC",
                child_instance_region_id=region, opts=c.ali,
            )  # fmt: skip
        hub = alicloud.cen.TransitRouter("hub", cen_id=cid, transit_router_name="fleet-hub", opts=c.ali)
        return alicloud.cen.TransitRouterVpcAttachment(
            "app-wan", cen_id=cid, transit_router_id=hub.transit_router_id, vpc_id=vpc.id,
            zone_mappings=[{"zone_id": f"{region}-b", "vswitch_id": "vsw-b"},
                           {"zone_id": f"{region}-e", "vswitch_id": "vsw-e"}], opts=c.ali,
        )  # fmt: skip

    return build


def cen_instance_grant(c: Ctx) -> object:
    # docs: alicloud cen/instancegrant — the stack's VPC granted to the network account's CEN instance. Its
    # `cen_owner_id` names the account owning that CEN, judged as a written destination's UID since stop 43 (RES-023,
    # alired43): the provider assumes the team's deployment role, the one-line fix that proves the UID the team's own.
    c.ali_role = pp.ALI_DEPLOYER
    vpc = alicloud.vpc.Network("app", vpc_name="fleet-app", cidr_block="10.20.0.0/16", opts=c.ali)
    return alicloud.cen.InstanceGrant(
        "app-grant", cen_id=_NETWORK_CEN, cen_owner_id="1234567890123456", child_instance_id=vpc.id, opts=c.ali
    )


def chatbot_slack(c: Ctx) -> object:
    # docs: chatbot/slackchannelconfiguration — alarm notifications posted to a Slack channel.
    role = aws.iam.Role("chatbot", assume_role_policy=ROLE.replace("lambda", "chatbot"), opts=c.aws)
    return aws.chatbot.SlackChannelConfiguration(
        "ops", configuration_name="ops", iam_role_arn=role.arn, slack_channel_id="C07EZ1ABC23",
        slack_team_id="T07EA123LEP", opts=c.aws,
    )  # fmt: skip


def bedrock_prompt(model_id: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentprompt — a variant's model_id is "the model or inference profile" it runs on.
    def build(c: Ctx) -> object:
        return aws.bedrock.AgentPrompt(
            "summary", name="summary", default_variant="v1",
            variants=[{"name": "v1", "template_type": "TEXT", "model_id": model_id,
                       "template_configuration": {"text": {"text": "Summarise {{trip}}",
                                                           "input_variables": [{"name": "trip"}]}}}],
            opts=c.aws,
        )  # fmt: skip

    return build


def waf_referer_block(log_destination: str | None) -> Callable[[Ctx], object]:
    # docs: wafv2/webacl — a string-match statement on the Referer header, and a regex pattern set.
    def build(c: Ctx) -> object:
        visibility: Any = {"cloudwatch_metrics_enabled": True, "metric_name": "waf", "sampled_requests_enabled": True}
        patterns = aws.wafv2.RegexPatternSet(
            "spam-referers", scope="REGIONAL", regular_expressions=[{"regex_string": r"^https://(www\.)?spam\.example\.com/"}],
            opts=c.aws,
        )  # fmt: skip
        referer: Any = {"single_header": {"name": "referer"}}
        none: Any = [{"priority": 0, "type": "NONE"}]
        acl = aws.wafv2.WebAcl(
            "owners", scope="REGIONAL", default_action={"allow": {}}, visibility_config=visibility,
            rules=[{"name": "spam-referer", "priority": 1, "action": {"block": {}}, "visibility_config": visibility,
                    "statement": {"or_statement": {"statements": [
                        {"byte_match_statement": {"search_string": "https://spam.example.com",
                                                  "field_to_match": referer, "positional_constraint": "STARTS_WITH",
                                                  "text_transformations": none}},
                        {"regex_pattern_set_reference_statement": {"arn": patterns.arn, "field_to_match": referer,
                                                                   "text_transformations": none}}]}}}],
            opts=c.aws,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("aws-waf-logs-owners", opts=c.aws)
        return aws.wafv2.WebAclLoggingConfiguration(
            "owners-logs", resource_arn=acl.arn, log_destination_configs=[log_destination or logs.arn], opts=c.aws
        )

    return build


def guardrail(profile: str | None) -> Callable[[Ctx], object]:
    # docs: bedrock/guardrail — cross_region_config names a guardrail profile (cross-region inference).
    def build(c: Ctx) -> object:
        return aws.bedrock.Guardrail(
            "safety", name="safety", blocked_input_messaging="Blocked.", blocked_outputs_messaging="Blocked.",
            content_policy_config={"filters_configs": [{"type": "HATE", "input_strength": "HIGH",
                                                        "output_strength": "HIGH"}]},
            cross_region_config={"guardrail_profile_identifier": profile} if profile else None, opts=c.aws,
        )  # fmt: skip

    return build


def summary_flow(model_id: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentflow — a prompt node's inline model_id is the model the flow invokes.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("flow", assume_role_policy=ROLE.replace("lambda", "bedrock"), opts=c.aws)
        prompt: Any = {
            "source_configuration": {
                "inline": {
                    "model_id": model_id,
                    "template_type": "TEXT",
                    "template_configuration": {
                        "text": {"text": "Summarise the trip log: {{log}}", "input_variables": [{"name": "log"}]}
                    },
                }
            }
        }
        definition: Any = {
            "nodes": [
                {"name": "FlowInputNode", "type": "Input", "configuration": {"input": {}},
                 "outputs": [{"name": "document", "type": "String"}]},
                {"name": "Summarise", "type": "Prompt", "configuration": {"prompt": prompt},
                 "inputs": [{"name": "log", "type": "String", "expression": "$.data"}],
                 "outputs": [{"name": "modelCompletion", "type": "String"}]},
            ],
        }  # fmt: skip
        return aws.bedrock.AgentFlow(
            "trip-summary", name="trip-summary", execution_role_arn=role.arn, definition=definition, opts=c.aws
        )

    return build


# An API key held by AgentCore Identity (HarnessLiteLlmModelConfig apiKeyArn).
_AGENTCORE_KEY = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:token-vault/default/apikeycredentialprovider/openai"


def agent_harness(model: Any) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcoreharness — `model` chooses Bedrock, Gemini, OpenAI or LiteLLM.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("harness", assume_role_policy=ROLE.replace("lambda", "bedrock-agentcore"), opts=c.aws)
        return aws.bedrock.AgentcoreHarness(
            "service-assistant", harness_name="service_assistant", execution_role_arn=role.arn, model=model,
            system_prompts=[aws.bedrock.AgentcoreHarnessSystemPromptArgs(
                text="You help workshop staff read a car's service history.")], opts=c.aws,
        )  # fmt: skip

    return build


def sagemaker_model(image_region: str) -> Callable[[Ctx], object]:
    # docs: sagemaker/model — ModelDataUrl "must be in an S3 bucket that is in the same region as the model".
    def build(c: Ctx) -> object:
        role = aws.iam.Role("sagemaker", assume_role_policy=ROLE.replace("lambda", "sagemaker"), opts=c.aws)
        return aws.sagemaker.Model(
            "fault-classifier", execution_role_arn=role.arn,
            primary_container={"image": f"354813040037.dkr.ecr.{image_region}.amazonaws.com/sagemaker-xgboost:1.7-1",
                               "model_data_url": "s3://fleet-models-jp/fault-classifier/1.3/model.tar.gz"},
            opts=c.aws,
        )  # fmt: skip

    return build


def cloud_wan(edge: str) -> Callable[[Ctx], object]:
    # docs: networkmanager/corenetwork — the policy document's edge-locations are the core network's Regions.
    def build(c: Ctx) -> object:
        network = aws.networkmanager.GlobalNetwork("wan", opts=c.aws)
        policy = {"version": "2021.12",
                  "core-network-configuration": {"asn-ranges": ["64512-65534"],
                                                 "edge-locations": [{"location": "eu-west-1"}, {"location": edge}]},
                  "segments": [{"name": "prod", "require-attachment-acceptance": False}]}  # fmt: skip
        return aws.networkmanager.CoreNetwork(
            "core", global_network_id=network.id, base_policy_document=json.dumps(policy), opts=c.aws
        )

    return build


def cloud_wan_policy_attachment(edge: str) -> Callable[[Ctx], object]:
    # docs: networkmanager/corenetworkpolicyattachment and getcorenetworkpolicydocument — the policy is written with
    # the data source and attached to a core network; its edge locations are the core network's Regions.
    def build(c: Ctx) -> object:
        network = aws.networkmanager.GlobalNetwork("wan", description="fleet WAN", opts=c.aws)
        core = aws.networkmanager.CoreNetwork("core", global_network_id=network.id, opts=c.aws)
        policy = aws.networkmanager.get_core_network_policy_document(
            core_network_configurations=[{"asn_ranges": ["64512-65534"],
                                          "edge_locations": [{"location": REGION[c.code][0]}, {"location": edge}]}],
            segments=[{"name": "prod", "require_attachment_acceptance": False}],
            segment_actions=[{"action": "create-route", "segment": "prod", "destination_cidr_blocks": ["0.0.0.0/0"],
                              "destinations": ["blackhole"]}],
            opts=pulumi.InvokeOptions(provider=c.aws.provider),
        )  # fmt: skip
        return aws.networkmanager.CoreNetworkPolicyAttachment(
            "core-policy", core_network_id=core.id, policy_document=policy.json, opts=c.aws
        )

    return build


def tgw_peering(peer_region: str) -> Callable[[Ctx], object]:
    # docs: ec2transitgateway/peeringattachment — what a CN stack uses instead of Cloud WAN: its two transit gateways
    # peered across the China regions.
    def build(c: Ctx) -> object:
        home = aws.ec2transitgateway.TransitGateway("hub", amazon_side_asn=64600, opts=c.aws)
        peer_provider = aws.Provider("aws-peer", region=peer_region)
        peer = aws.ec2transitgateway.TransitGateway(
            "hub-peer", amazon_side_asn=64601, opts=pulumi.ResourceOptions(provider=peer_provider)
        )
        return aws.ec2transitgateway.PeeringAttachment(
            "hubs", transit_gateway_id=home.id, peer_transit_gateway_id=peer.id, peer_region=peer_region, opts=c.aws
        )

    return build


def mns_mail(address: str) -> Callable[[Ctx], object]:
    # docs: mns/topicsubscription — an e-mail endpoint has the form mail:directmail:{MailAddress}.
    def build(c: Ctx) -> object:
        topic = alicloud.mns.Topic("events", name="fleet-events", opts=c.ali)
        return alicloud.mns.TopicSubscription(
            "oncall", topic_name=topic.name, name="oncall", endpoint=f"mail:directmail:{address}",
            notify_content_format="JSON", opts=c.ali,
        )  # fmt: skip

    return build


def mns_sms(endpoint: str) -> Callable[[Ctx], object]:
    # docs: ROS ALIYUN::MNS::Subscription / MNS "Endpoint" — an SMS endpoint is sms:directsms:{Phone}, or
    # sms:directsms:anonymous with the numbers given in each published message.
    def build(c: Ctx) -> object:
        topic = alicloud.mns.Topic("alarms", name="fleet-alarms", opts=c.ali)
        return alicloud.mns.TopicSubscription(
            "oncall-sms", topic_name=topic.name, name="oncall-sms", endpoint=endpoint,
            notify_content_format="SIMPLIFIED", opts=c.ali,
        )  # fmt: skip

    return build


def incident_replication(second: str) -> Callable[[Ctx], object]:
    # docs: ssmincidents/replicationset — incident data is replicated to every Region listed by name.
    def build(c: Ctx) -> object:
        return aws.ssmincidents.ReplicationSet(
            "incidents", regions=[{"name": REGION[c.code][0]}, {"name": second}], opts=c.aws
        )

    return build


def eventbridge_mail(address: str) -> Callable[[Ctx], object]:
    # docs: eventbridge/rule and EventBridge "event target parameters" — an acs.mail target sends each
    # matching event to the ToAddress parameter's recipient.
    def build(c: Ctx) -> object:
        bus = alicloud.eventbridge.EventBus("bus", event_bus_name="fleet", opts=c.ali)
        params: list[alicloud.eventbridge.RuleTargetParamListArgsDict] = [
            {"resource_key": "Subject", "form": "CONSTANT", "value": "Fleet event"},
            {"resource_key": "AccountName", "form": "CONSTANT", "value": "alerts@mail.example.cn"},
            {"resource_key": "AddressType", "form": "CONSTANT", "value": "1"},
            {"resource_key": "ToAddress", "form": "CONSTANT", "value": address},
            {"resource_key": "Body", "form": "ORIGINAL"},
        ]
        return alicloud.eventbridge.Rule(
            "mail-rule", event_bus_name=bus.event_bus_name, rule_name="mail-ops",
            filter_pattern=json.dumps({"source": ["acs.oss"]}),
            targets=[{"target_id": "mail", "type": "acs.mail", "endpoint": "acs:mail:cn-shanghai:1234567890",
                      "param_lists": params}], opts=c.ali,
        )  # fmt: skip

    return build


def sls_alert_mail(address: str) -> Callable[[Ctx], object]:
    # docs: log/alert — notification_lists of type Email send the alert (and its query results) to email_lists.
    def build(c: Ctx) -> object:
        return alicloud.log.Alert(
            "errors", project_name="fleet-logs", alert_name="errors", alert_displayname="errors",
            condition="count > 0", dashboard="fleet",
            query_lists=[{"logstore": "app", "query": "level: ERROR | select count(1)", "start": "-60s",
                          "end": "now", "time_span_type": "Custom"}],
            notification_lists=[{"type": "Email", "email_lists": [address], "content": "errors in app"}],
            opts=c.ali,
        )  # fmt: skip

    return build


def aurora_secondary(
    global_id: str | None, *, literal: bool = False, bucket: str | None = None
) -> Callable[[Ctx], object]:
    # docs: rds/globalcluster — a secondary cluster joins a global database by its identifier; None: the stack's own.
    # ``bucket``: the stack also creates a bucket of that name (it proves the bucket, never a group).
    def build(c: Ctx) -> object:
        if bucket is not None:
            aws.s3.Bucket("exports", bucket=bucket, opts=c.aws)
        gid: Any = global_id
        if global_id is None:
            created = aws.rds.GlobalCluster(
                "fleet", global_cluster_identifier="fleet-global", engine="aurora-postgresql", engine_version="15.4",
                opts=c.aws,
            )  # fmt: skip
            gid = "fleet-global" if literal else created.id
        return aws.rds.Cluster(
            "fleet-secondary", engine="aurora-postgresql", engine_version="15.4", global_cluster_identifier=gid,
            db_subnet_group_name="fleet-db", skip_final_snapshot=True, opts=c.aws,
        )  # fmt: skip

    return build


def redis_distributed_member(c: Ctx) -> object:
    # docs: kvstore/instance — global_instance_id makes the new instance a child of a distributed cache.
    return alicloud.kvstore.Instance(
        "sessions", db_instance_name="sessions", instance_class="redis.shard.small.2.ce", engine_version="7.0",
        vswitch_id="vsw-123", global_instance_id="gr-bp1x8ekgm2wlq1pw", opts=c.ali,
    )  # fmt: skip


def polardb_gdn_standby(gdn_id: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud polardb/globaldatabasenetwork and polardb/cluster — a primary cluster starts a global database
    # network (GDN); a secondary cluster joins one by `gdn_id` (creation_option CreateGdnStandby). None: the stack's
    # own.
    def build(c: Ctx) -> object:
        gid: Any = gdn_id
        if gdn_id is None:
            primary = alicloud.polardb.Cluster(
                "orders-primary", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large",
                pay_type="PostPaid", vswitch_id="vsw-primary", opts=c.ali,
            )  # fmt: skip
            gid = alicloud.polardb.GlobalDatabaseNetwork(
                "orders", db_cluster_id=primary.id, description="orders", opts=c.ali
            ).id
        return alicloud.polardb.Cluster(
            "orders-standby", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large",
            pay_type="PostPaid", vswitch_id="vsw-standby", creation_option="CreateGdnStandby", gdn_id=gid, opts=c.ali,
        )  # fmt: skip

    return build


def redis_global_secondary(global_id: str | None) -> Callable[[Ctx], object]:
    # docs: elasticache/globalreplicationgroup — a secondary replication group joins a global datastore.
    def build(c: Ctx) -> object:
        gid: Any = global_id
        if global_id is None:
            primary = aws.elasticache.ReplicationGroup(
                "sessions-primary", description="sessions", engine="redis", node_type="cache.r7g.large",
                num_cache_clusters=2, opts=c.aws,
            )  # fmt: skip
            datastore = aws.elasticache.GlobalReplicationGroup(
                "sessions", global_replication_group_id_suffix="sessions",
                primary_replication_group_id=primary.id, opts=c.aws,
            )  # fmt: skip
            gid = datastore.global_replication_group_id
        return aws.elasticache.ReplicationGroup(
            "sessions-secondary", description="sessions replica", global_replication_group_id=gid,
            num_cache_clusters=2, opts=c.aws,
        )  # fmt: skip

    return build


def datasync_agent(ip: str) -> Callable[[Ctx], object]:
    # docs: datasync/agent — the agent next to the plant's file server is activated at its address.
    def build(c: Ctx) -> object:
        return aws.datasync.Agent("plant-agent", ip_address=ip, name="plant-nas", opts=c.aws)

    return build


def storage_gateway(ip: str) -> Callable[[Ctx], object]:
    # docs: storagegateway/gateway — an S3 File Gateway appliance in a workshop, activated at its address.
    def build(c: Ctx) -> object:
        return aws.storagegateway.Gateway(
            "workshop", gateway_ip_address=ip, gateway_name="workshop", gateway_timezone="GMT+8:00",
            gateway_type="FILE_S3", opts=c.aws,
        )  # fmt: skip

    return build


def lattice_resource(host: str) -> Callable[[Ctx], object]:
    # docs: vpclattice/resourceconfiguration — consumers reach a database through a resource gateway by its DNS name.
    def build(c: Ctx) -> object:
        return aws.vpclattice.ResourceConfiguration(
            "warehouse", name="warehouse", resource_gateway_identifier="rgw-0123456789abcdef0", port_ranges=["5432"],
            protocol="TCP", resource_configuration_definition={"dns_resource": {"domain_name": host,
                                                                                "ip_address_type": "IPV4"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def ens_edge_instance(c: Ctx) -> object:
    # docs: ens/instance — an edge instance on one ENS node (ens_region_id is the node id, not a region).
    return alicloud.ens.Instance(
        "edge-ingest", instance_type="ens.sn1.stiny", schedule_area_level="Region", ens_region_id="cn-beijing-cmcc",
        payment_type="Subscription", period=1, image_id="centos_6_08_64_20G_alibase_20171208",
        internet_max_bandwidth_out=10, opts=c.ali,
    )  # fmt: skip


_ENS_NODE = {
    "id": "ens-bj",
    "kind": "resident",
    "match": "cn-beijing-cmcc",
    "evidence": "DescribeEnsRegions: Beijing, CN",
}


def dashcam_channel(c: Ctx) -> object:
    # docs: ivs/channel — a live channel for dash-cam video.
    return aws.ivs.Channel("dashcam", name="dashcam", latency_mode="LOW", type="STANDARD", opts=c.aws)


def lightsail_distribution(c: Ctx) -> object:
    # docs: lightsail/distribution — a CDN distribution in front of a Lightsail bucket.
    bucket = aws.lightsail.Bucket("site", name="owner-site", bundle_id="small_1_0", opts=c.aws)
    return aws.lightsail.Distribution(
        "site-cdn", name="site-cdn", bundle_id="small_1_0", default_cache_behavior={"behavior": "cache"},
        origin={"name": bucket.name, "region_name": REGION[c.code][0]}, opts=c.aws,
    )  # fmt: skip


def fleet_datashare(c: Ctx) -> object:
    # docs: redshift/datashareauthorization — a producer cluster's datashare of trip facts authorised to the
    # analytics account, which associates it where it likes (Redshift "Sharing data across AWS Regions").
    partition = "aws-cn" if c.code == "CN" else "aws"
    share = f"arn:{partition}:redshift:{REGION[c.code][0]}:123456789012:datashare:b3bfde75/trips"
    return aws.redshift.DataShareAuthorization(
        "trips-analytics", data_share_arn=share, consumer_identifier="210987654321", opts=c.aws
    )


def datashare_association(region: str) -> Callable[[Ctx], object]:
    """The consumer side: the datashare associated in ``region`` (docs: redshift/datashareconsumerassociation)."""

    def build(c: Ctx) -> object:
        share = f"arn:aws:redshift:{REGION[c.code][0]}:123456789012:datashare:b3bfde75/trips"
        return aws.redshift.DataShareConsumerAssociation(
            "trips", data_share_arn=share, consumer_region=region, opts=c.aws
        )

    return build


def edge_key_value(c: Ctx) -> object:
    # docs: cloudfront/keyvaluestorekey — routing data read by CloudFront Functions.
    store = aws.cloudfront.KeyValueStore("routing", name="routing", comment="VIN routing", opts=c.aws)
    return aws.cloudfront.KeyvaluestoreKey(
        "vin", key_value_store_arn=store.arn, key="VIN123", value="owner-42", opts=c.aws
    )


def place_index(provider_name: str) -> Callable[[Ctx], object]:
    # docs: location/placeindex — geocoding owner addresses for the service-booking app.
    def build(c: Ctx) -> object:
        return aws.location.PlaceIndex(
            "owner-addresses", index_name="owner-addresses", data_source=provider_name,
            data_source_configuration={"intended_use": "SingleUse"}, opts=c.aws,
        )  # fmt: skip

    return build


def route_calculator(c: Ctx) -> object:
    # docs: location/routecalculation — ETA of service vans to a stranded vehicle.
    return aws.location.RouteCalculation("vans", calculator_name="service-vans", data_source="Here", opts=c.aws)


def fleet_map(style: str) -> Callable[[Ctx], object]:
    # docs: location/map — the map the fleet console draws vehicle positions on.
    def build(c: Ctx) -> object:
        return aws.location.Map("fleet-map", map_name="fleet", configuration={"style": style}, opts=c.aws)

    return build


def pinpoint_fcm(c: Ctx) -> object:
    # docs: pinpoint/gcmchannel — owner-app notifications ("your car is unlocked") through FCM.
    app = aws.pinpoint.App("owner-app", name="owner-app", opts=c.aws)
    return aws.pinpoint.GcmChannel("owner-app-fcm", application_id=app.application_id, api_key="AAAA-fcm", opts=c.aws)


def sms_usage_reports(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: sns/smspreferences — daily SMS usage reports (destination numbers) written to a bucket.
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("sms-usage", opts=c.aws)
        return aws.sns.SmsPreferences(
            "sms", default_sms_type="Transactional", usage_report_s3_bucket=bucket or own.bucket, opts=c.aws
        )

    return build


def model_data_capture(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: sagemaker/endpointconfiguration — the driver-monitoring model's inputs and outputs captured to S3.
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("capture", bucket="capture.dms.example.eu", opts=c.aws)
        uri = f"s3://{bucket}/capture/" if bucket else own.bucket.apply(lambda name: f"s3://{name}/capture/")
        return aws.sagemaker.EndpointConfiguration(
            "driver-monitor",
            production_variants=[{"variant_name": "v1", "model_name": "driver-monitor", "initial_instance_count": 1,
                                  "instance_type": "ml.m5.large"}],
            data_capture_config={"enable_capture": True, "initial_sampling_percentage": 100, "destination_s3_uri": uri,
                                 "capture_options": [{"capture_mode": "Input"}, {"capture_mode": "Output"}]},
            opts=c.aws,
        )  # fmt: skip

    return build


def emr_script_step(region: str) -> Callable[[Ctx], object]:
    # docs: emr/cluster; EMR release guide — a step running a script through AWS's script-runner.jar.
    def build(c: Ctx) -> object:
        logs = aws.s3.Bucket("emr-logs", opts=c.aws)
        return aws.emr.Cluster(
            "telemetry-spark", release_label="emr-7.2.0", applications=["Spark"],
            service_role="arn:aws:iam::111122223333:role/EMR_DefaultRole",
            ec2_attributes={"subnet_id": "subnet-1", "instance_profile": "EMR_EC2_DefaultRole"},
            master_instance_group={"instance_type": "m5.xlarge"},
            core_instance_group={"instance_type": "m5.xlarge", "instance_count": 2},
            log_uri=logs.bucket.apply(lambda name: f"s3://{name}/emr/"),
            steps=[{"name": "compact", "action_on_failure": "CONTINUE", "hadoop_jar_step": {
                "jar": f"s3://{region}.elasticmapreduce/libs/script-runner/script-runner.jar",
                "args": ["/home/hadoop/compact.sh"]}}],
            opts=c.aws,
        )  # fmt: skip

    return build


def sms_sender_id(country: str) -> Callable[[Ctx], object]:
    # docs: pinpoint/smsvoicev2senderid — the brand name owners see on one-time codes, registered per country.
    def build(c: Ctx) -> object:
        return aws.pinpoint.Smsvoicev2SenderId(
            "brand", sender_id="FLEETCO", iso_country_code=country, message_types=["TRANSACTIONAL"], opts=c.aws
        )

    return build


def sae_host_alias(ip: str) -> Callable[[Ctx], object]:
    # docs: alicloud sae/application — custom_host_alias_v2s: /etc/hosts entries of the application.
    def build(c: Ctx) -> object:
        return alicloud.sae.Application(
            "fleet-api", app_name="fleet-api", package_type="Image", replicas=2, cpu=500, memory=1024,
            image_url="registry-vpc.cn-shanghai.aliyuncs.com/fleet/api:1", vpc_id="vpc-1", vswitch_id="vsw-1",
            namespace_id="cn-shanghai:fleet",
            custom_host_alias_v2s=[{"host_name": "telemetry.example.cn", "ip": ip}], opts=c.ali,
        )  # fmt: skip

    return build


def sae_oss_mount(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud sae/application — oss_mount_descs: an OSS bucket mounted as the application's upload directory.
    def build(c: Ctx) -> object:
        own = alicloud.oss.Bucket("uploads", bucket="fleet-uploads-cn", opts=c.ali)
        name = pulumi.Output.from_input(bucket) if bucket else own.bucket
        mounts = name.apply(
            lambda n: json.dumps(
                [{"bucketName": n, "bucketPath": "/", "mountPath": "/data/uploads", "readOnly": False}]
            )
        )
        return alicloud.sae.Application(
            "fleet-api", app_name="fleet-api", package_type="Image", replicas=2, cpu=500, memory=1024,
            image_url="registry-vpc.cn-shanghai.aliyuncs.com/fleet/api:1", vpc_id="vpc-1", vswitch_id="vsw-1",
            namespace_id="cn-shanghai:fleet", oss_mount_descs=mounts, oss_ak_id="ak", oss_ak_secret="sk", opts=c.ali,
        )  # fmt: skip

    return build


_PARTNER = {**PARTNER_TRANSFER, "expires": "2099-12-31"}
_IDP = {"id": "cn-idp", "kind": "resident", "match": "idp.example.cn", "evidence": "Shanghai colocation, contract HC-1"}


def fc_environment(variables: Mapping[str, str]) -> Callable[[Ctx], object]:
    # docs: alicloud fc/v3function — environment_variables of a Function Compute 3.0 function.
    def build(c: Ctx) -> object:
        return alicloud.fc.V3Function(
            "uploader", function_name="s3-uploader", handler="index.handler", runtime="python3.10",
            code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}, environment_variables=dict(variables), opts=c.ali,
        )  # fmt: skip

    return build


def fc_own_database_dsn(c: Ctx) -> object:
    # A function given a libpq key=value connection string to the stack's own RDS PostgreSQL instance.
    db = alicloud.rds.Instance(
        "fleet-db", engine="PostgreSQL", engine_version="16.0", instance_type="pg.n2.2c.1m", instance_storage=50,
        vswitch_id="vsw-123", opts=c.ali,
    )  # fmt: skip
    dsn = db.connection_string.apply(lambda host: f"host={host} port=5432 dbname=fleet sslmode=verify-full")
    return fc_environment({"PG_DSN": dsn})(c)  # type: ignore[dict-item]


_PARTNER_IDN = {
    "id": "partner-idn",
    "kind": "resident",
    "match": "车联网.中国",
    "evidence": "Beijing IDC, contract HC-9",
}


def oos_setting(name: str, value: str) -> Callable[[Ctx], object]:
    # docs: alicloud oos/parameter — a common parameter an OOS template or an application reads.
    def build(c: Ctx) -> object:
        return alicloud.oos.Parameter("setting", parameter_name=name, type="String", value=value, opts=c.ali)

    return build


def unnamed_setting(region: str) -> Callable[[Ctx], object]:
    # docs: ssm/parameter — without `name` the provider auto-names the parameter after the resource.
    def build(c: Ctx) -> object:
        return aws.ssm.Parameter("export-region", type="String", insecure_value=region, opts=c.aws)

    return build


def stack_scoped_setting(region: str) -> Callable[[Ctx], object]:
    # docs: ssm/parameter — the setting's name carries the stack's name (an Output), its value the export region.
    def build(c: Ctx) -> object:
        name = pulumi.Output.concat("/fleet/", pulumi.Output.from_input(pulumi.get_stack()), "/EXPORT_REGION")
        return aws.ssm.Parameter("export-region", name=name, type="String", value=region, opts=c.aws)

    return build


_RUNBOOK = "https://wiki.example.cn/runbooks/fleet-export"


def snapshot_copy(source_region: str) -> Callable[[Ctx], object]:
    # docs: sfn/statemachine — a task calling EC2 CopySnapshot through the AWS SDK integration; its Parameters
    # are the API request: the copy's Description and tags, and the Region it copies from.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("sfn", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)
        tags = [{"Key": "runbook", "Value": _RUNBOOK}]
        parameters = {"SourceSnapshotId.$": "$.snapshot", "SourceRegion": source_region,
                      "Description": f"Nightly fleet volume copy, runbook {_RUNBOOK}",
                      "TagSpecifications": [{"ResourceType": "snapshot", "Tags": tags}]}  # fmt: skip
        definition = json.dumps(
            {"StartAt": "Copy", "States": {"Copy": {"Type": "Task", "End": True, "Parameters": parameters,
                                                    "Resource": "arn:aws-cn:states:::aws-sdk:ec2:copySnapshot"}}}
        )  # fmt: skip
        return aws.sfn.StateMachine("snapshots", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def nightly_export_schedule(cluster_region: str) -> Callable[[Ctx], object]:
    # docs: scheduler/schedule — an ECS task started nightly; ecs_parameters.tags are the task's tags.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("scheduler", assume_role_policy=ROLE.replace("lambda", "scheduler"), opts=c.aws)
        account = "arn:aws-cn:ecs:" + cluster_region + ":123456789012"
        return aws.scheduler.Schedule(
            "nightly-export", schedule_expression="cron(0 3 * * ? *)", flexible_time_window={"mode": "OFF"},
            target={"arn": f"{account}:cluster/fleet", "role_arn": role.arn,
                    "ecs_parameters": {"task_definition_arn": f"{account}:task-definition/export:1",
                                       "launch_type": "FARGATE", "tags": {"runbook": _RUNBOOK}}},
            opts=c.aws,
        )  # fmt: skip

    return build


def alarm_notifications(address: str) -> Callable[[Ctx], object]:
    # docs: notifications/contactsemailcontact, notifications/channelassociation — AWS User Notifications sends
    # the CloudWatch alarms of the stack's region to an e-mail contact.
    def build(c: Ctx) -> object:
        config = aws.notifications.NotificationConfiguration(
            "fleet-alarms", name="fleet-alarms", description="Fleet alarm state changes", opts=c.aws
        )
        aws.notifications.EventRule(
            "alarm-changes", notification_configuration_arn=config.arn, source="aws.cloudwatch",
            event_type="CloudWatch Alarm State Change", regions=[REGION[c.code][0]], opts=c.aws,
        )  # fmt: skip
        contact = aws.notifications.ContactsEmailContact("oncall", name="oncall", email_address=address, opts=c.aws)
        return aws.notifications.ChannelAssociation(
            "oncall-channel", arn=contact.arn, notification_configuration_arn=config.arn, opts=c.aws
        )

    return build


def dx_gateway_association(gateway_id: str | None) -> Callable[[Ctx], object]:
    # docs: directconnect/gatewayassociation — the transit gateway of the stack's VPCs on a Direct Connect gateway,
    # either this stack's or the network account's (its id from the network team).
    def build(c: Ctx) -> object:
        tgw = aws.ec2transitgateway.TransitGateway("hub", amazon_side_asn=64600, opts=c.aws)
        dx = gateway_id or aws.directconnect.Gateway("dx", name="fleet-dx", amazon_side_asn="64512", opts=c.aws).id
        return aws.directconnect.GatewayAssociation(
            "hub-dx", dx_gateway_id=dx, associated_gateway_id=tgw.id, allowed_prefixes=["10.20.0.0/16"], opts=c.aws
        )

    return build


def pvtz_forwarding(ip: str) -> Callable[[Ctx], object]:
    # docs: alicloud pvtz/endpoint, pvtz/rule — an outbound endpoint and a rule forwarding the domain's queries.
    def build(c: Ctx) -> object:
        endpoint = alicloud.pvtz.Endpoint(
            "outbound", endpoint_name="outbound", security_group_id="sg-123", vpc_id="vpc-123",
            vpc_region_id=REGION[c.code][1],
            ip_configs=[{"zone_id": f"{REGION[c.code][1]}-b", "cidr_block": "10.20.1.0/24", "vswitch_id": "vsw-1"},
                        {"zone_id": f"{REGION[c.code][1]}-e", "cidr_block": "10.20.2.0/24", "vswitch_id": "vsw-2"}],
            opts=c.ali,
        )  # fmt: skip
        rule = alicloud.pvtz.Rule(
            "corp", endpoint_id=endpoint.id, rule_name="corp", type="OUTBOUND", zone_name="corp.example.cn",
            forward_ips=[{"ip": ip, "port": 53}], opts=c.ali,
        )  # fmt: skip
        return alicloud.pvtz.RuleAttachment(
            "corp-vpc", rule_id=rule.id, vpcs=[{"vpc_id": "vpc-123", "region_id": REGION[c.code][1]}], opts=c.ali
        )

    return build


def waf2_domain(origin: str) -> Callable[[Ctx], object]:
    # docs: alicloud waf/domain — WAF 2.0 forwards the domain's requests to its origin servers (source_ips).
    def build(c: Ctx) -> object:
        return alicloud.waf.Domain(
            "portal", domain_name="portal.example.cn", instance_id="waf_cn-0xldbqtm005", is_access_product="Off",
            source_ips=[origin], cluster_type="PhysicalCluster", http2_ports=["443"], http_ports=["80"],
            https_ports=["443"], http_to_user_ip="Off", https_redirect="Off", load_balancing="IpHash", opts=c.ali,
        )  # fmt: skip

    return build


def esa_origin_pool(origin: str) -> Callable[[Ctx], object]:
    # docs: alicloud esa/originpool — ESA fetches from (and forwards requests to) the pool's origins.
    def build(c: Ctx) -> object:
        origins: Any = [{"name": "static", "address": origin, "type": "OSS", "enabled": True, "weight": 100}]
        return alicloud.esa.OriginPool(
            "static", site_id="7654321", origin_pool_name="static", enabled=True, origins=origins, opts=c.ali
        )

    return build


def esa_record(record_type: str, data: Mapping[str, Any], origin_type: str | None = None) -> Callable[[Ctx], object]:
    # docs: alicloud esa/record — a proxied CNAME or A/AAAA record's data.value is the origin ESA forwards every request
    # to; a CAA record's data.value names the certificate authority allowed to issue (flag and tag beside it).
    def build(c: Ctx) -> object:
        proxied = origin_type is not None  # a proxied record names its origin's type (OSS, S3, LB, OP, Domain)
        return alicloud.esa.Record(
            "www", site_id="7654321", record_name="www.example.cn", record_type=record_type,
            data=alicloud.esa.RecordDataArgs(**data), ttl=1, proxied=proxied, biz_name="web" if proxied else None,
            source_type=origin_type, opts=c.ali,
        )  # fmt: skip

    return build


def model_evaluation(model_id: str) -> Callable[[Ctx], object]:
    # docs: bedrock/evaluationjob — "Identifier of the Amazon Bedrock model, or inference profile, used for inference";
    # the prompt dataset and the results in the stack's own bucket.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("evals", assume_role_policy=ROLE.replace("lambda", "bedrock"), opts=c.aws)
        bucket = aws.s3.Bucket("evals", opts=c.aws)
        dataset: Any = {
            "name": "trip-summaries",
            "dataset_location": {"s3_uri": bucket.bucket.apply(lambda b: f"s3://{b}/datasets/trip-summaries.jsonl")},
        }
        return aws.bedrock.EvaluationJob(
            "trip-summaries", job_name="trip-summaries", role_arn=role.arn, application_type="ModelEvaluation",
            evaluation_config={"automated": {"dataset_metric_configs": [
                {"task_type": "Summarization", "metric_names": ["Builtin.Accuracy", "Builtin.Robustness"],
                 "dataset": dataset}]}},
            inference_config={"models": [{"bedrock_model": {"model_identifier": model_id,
                                                            "inference_params": '{"maxTokens": 512}'}}]},
            output_data_config={"s3_uri": bucket.bucket.apply(lambda b: f"s3://{b}/results/")}, opts=c.aws,
        )  # fmt: skip

    return build


def amplify_portal(c: Ctx) -> object:
    # docs: amplify/app, amplify/branch — the owner portal, deployed manually (no repository), on Amplify Hosting.
    app = aws.amplify.App(
        "owner-portal", name="owner-portal", platform="WEB",
        environment_variables={"API_URL": "https://abc123.execute-api.eu-west-1.amazonaws.com/prod"}, opts=c.aws,
    )  # fmt: skip
    return aws.amplify.Branch("main", app_id=app.id, branch_name="main", stage="PRODUCTION", opts=c.aws)


def cloudfront_vpc_origin(c: Ctx) -> object:
    # docs: cloudfront/vpcorigin — the portal's internal load balancer as an origin for CloudFront.
    alb = aws.lb.LoadBalancer(
        "portal-alb", internal=True, load_balancer_type="application", subnets=["subnet-1", "subnet-2"], opts=c.aws
    )
    return aws.cloudfront.VpcOrigin(
        "portal", vpc_origin_endpoint_config={"name": "portal", "arn": alb.arn, "http_port": 80, "https_port": 443,
                                              "origin_protocol_policy": "https-only",
                                              "origin_ssl_protocols": {"items": ["TLSv1.2"], "quantity": 1}},
        opts=c.aws,
    )  # fmt: skip


def damage_photo_review(workteam: str) -> Callable[[Ctx], object]:
    # docs: sagemaker/flowdefinition — an Augmented AI human review of damage photos; workteam_arn is a private team
    # of the stack's account, or the Amazon Mechanical Turk workforce (workteam/public-crowd/default).
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        role = aws.iam.Role("a2i", assume_role_policy=ROLE.replace("lambda", "sagemaker"), opts=c.aws)
        bucket = aws.s3.Bucket("reviews", opts=c.aws)
        ui = aws.sagemaker.HumanTaskUI(
            "damage-review-ui", human_task_ui_name="damage-review",
            ui_template={"content": "<crowd-form><crowd-image-classifier src=\"{{ task.input.taskObject }}\" "
                                    "categories=\"['minor', 'major']\" name=\"damage\"/></crowd-form>"},
            opts=c.aws,
        )  # fmt: skip
        return aws.sagemaker.FlowDefinition(
            "damage-review", flow_definition_name="damage-review", role_arn=role.arn,
            human_loop_config={"human_task_ui_arn": ui.arn, "task_availability_lifetime_in_seconds": 3600,
                               "task_count": 1, "task_description": "Classify the damage", "task_title": "Damage",
                               "workteam_arn": workteam.format(region=region)},
            output_config={"s3_output_path": bucket.bucket.apply(lambda b: f"s3://{b}/reviews/")}, opts=c.aws,
        )  # fmt: skip

    return build


# A vendor workforce subscribed through AWS Marketplace (the SageMaker permissions reference's workteam/vendor-crowd/).
_VENDOR_TEAM = "arn:aws:sagemaker:{region}:210987654321:workteam/vendor-crowd/acme-labeling"


def portal_health_check(regions: list[str] | None) -> Callable[[Ctx], object]:
    # docs: route53/healthcheck — an HTTPS check of the owner portal for DNS failover; `regions` are the checker
    # regions (at least three), all of them when omitted.
    def build(c: Ctx) -> object:
        return aws.route53.HealthCheck(
            "portal", type="HTTPS", fqdn="portal.example.com", port=443, resource_path="/health", failure_threshold=3,
            request_interval=30, regions=regions, opts=c.aws,
        )  # fmt: skip

    return build


def gtm_pool(address: str, kind: str) -> Callable[[Ctx], object]:
    # docs: alicloud dns/addresspool — the addresses GTM answers the portal's name with.
    def build(c: Ctx) -> object:
        return alicloud.dns.AddressPool(
            "portal", address_pool_name="portal", instance_id="gtm-cn-wwo3a3hbz02", lba_strategy="ALL_RR", type=kind,
            addresses=[{"address": address, "mode": "SMART",
                        "attribute_info": '{"lineCodeRectifyType":"RECTIFIED","lineCodes":["default"]}'}],
            opts=c.ali,
        )  # fmt: skip

    return build


def traffic_policy(secondary: dict[str, str]) -> Callable[[Ctx], object]:
    # docs: route53/trafficpolicy — a failover policy document; each endpoint is where the answers send clients.
    def build(c: Ctx) -> object:
        document = {"AWSPolicyFormatVersion": "2015-10-01", "RecordType": "CNAME", "StartRule": "site-failover",
                    "Endpoints": {"primary": {"Type": "elastic-load-balancer",
                                              "Value": "portal-1234567890.eu-west-1.elb.amazonaws.com"},
                                  "secondary": secondary},
                    "Rules": {"site-failover": {"RuleType": "failover", "Primary": {"EndpointReference": "primary"},
                                                "Secondary": {"EndpointReference": "secondary"}}}}  # fmt: skip
        return aws.route53.TrafficPolicy("portal", name="portal", document=json.dumps(document), opts=c.aws)

    return build


def cloud_map_instance(address: str) -> Callable[[Ctx], object]:
    # docs: servicediscovery/instance — the legacy database registered in the stack's namespace; services that
    # discover "warehouse" connect to AWS_INSTANCE_IPV4.
    def build(c: Ctx) -> object:
        namespace = aws.servicediscovery.PrivateDnsNamespace("fleet", name="fleet.internal", vpc="vpc-123", opts=c.aws)
        service = aws.servicediscovery.Service(
            "warehouse", name="warehouse", namespace_id=namespace.id,
            dns_config={"namespace_id": namespace.id, "dns_records": [{"ttl": 10, "type": "A"}]}, opts=c.aws,
        )  # fmt: skip
        return aws.servicediscovery.Instance(
            "warehouse-1", instance_id="warehouse-1", service_id=service.id,
            attributes={"AWS_INSTANCE_IPV4": address, "AWS_INSTANCE_PORT": "5432"}, opts=c.aws,
        )  # fmt: skip

    return build


def connect_transfer_flow(number: str) -> Callable[[Ctx], object]:
    # docs: connect/contactflow — an inbound flow that transfers the owner's call to the roadside-assistance desk.
    def build(c: Ctx) -> object:
        transfer = {
            "Identifier": "transfer",
            "Type": "TransferParticipantToThirdParty",
            "Parameters": {
                "ThirdPartyPhoneNumber": number,
                "ThirdPartyConnectionTimeLimitSeconds": "30",
                "ContinueFlowExecution": "False",
            },
            "Transitions": {"NextAction": "end", "Errors": [{"NextAction": "end", "ErrorType": "CallFailed"}]},
        }
        end = {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
        content = {"Version": "2019-10-30", "StartAction": "transfer", "Actions": [transfer, end]}  # fmt: skip
        return aws.connect.ContactFlow(
            "roadside", instance_id="aaaaaaaa-bbbb-cccc-dddd-111111111111", name="roadside", type="CONTACT_FLOW",
            content=json.dumps(content), opts=c.aws,
        )  # fmt: skip

    return build


def gateway_service(address: str) -> Callable[[Ctx], object]:
    # docs: alicloud apig/service — a cloud-native API gateway service on fixed addresses (source type VIP).
    def build(c: Ctx) -> object:
        gateway = alicloud.apig.Gateway(
            "api", gateway_name="owner-api", spec="apigw.small.x1", payment_type="PayAsYouGo",
            network_access_config={"type": "Intranet"}, vpc={"vpc_id": "vpc-123"},
            zone_config={"select_option": "Auto"}, vswitch={"vswitch_id": "vsw-123"}, opts=c.ali,
        )  # fmt: skip
        return alicloud.apig.Service(
            "telemetry-backend", gateway_id=gateway.id, source_type="VIP", service_name="telemetry-backend",
            protocol="HTTP", addresses=[address], opts=c.ali,
        )  # fmt: skip

    return build


def local_zone_subnet(zone: str) -> Callable[[Ctx], object]:
    # docs: ec2/subnet — a subnet (and the telemetry cache instance in it) in an opted-in Local Zone of the region.
    def build(c: Ctx) -> object:
        vpc = aws.ec2.Vpc("edge", cidr_block="10.30.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("edge-lz", vpc_id=vpc.id, cidr_block="10.30.8.0/24", availability_zone=zone, opts=c.aws)
        return aws.ec2.Instance("telemetry-cache", ami="ami-123", instance_type="r5d.2xlarge", subnet_id=subnet.id,
                                opts=c.aws)  # fmt: skip

    return build


_ACTIVEMQ = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<broker xmlns="http://activemq.apache.org/schema/core">
  <plugins>
    <forcePersistencyModeBrokerPlugin persistenceFlag="true"/>
    <statisticsBrokerPlugin/>
    <timeStampingBrokerPlugin ttlCeiling="86400000" zeroExpirationOverride="86400000"/>
  </plugins>{network}
</broker>"""


def activemq_configuration(peer: str | None) -> Callable[[Ctx], object]:
    # docs: mq/configuration — the registry's ActiveMQ example; a network connector forwards the broker's messages.
    def build(c: Ctx) -> object:
        network = (
            f'\n  <networkConnectors>\n    <networkConnector name="dr" userName="fleet" duplex="true" '
            f'uri="static:(ssl://{peer}:61617)"/>\n  </networkConnectors>'
            if peer
            else ""
        )
        return aws.mq.Configuration(
            "broker", name="fleet-broker", engine_type="ActiveMQ", engine_version="5.18",
            data=_ACTIVEMQ.format(network=network), opts=c.aws,
        )  # fmt: skip

    return build


_SEARCH = (
    "https://vpc-logs-ab12.cn-north-1.es.amazonaws.com.cn/fleet/_search?_source_includes=vehicle.vin,vehicle.model"
)


_NO_PROXY = "localhost,127.0.0.1,169.254.169.254,.internal,s3.amazonaws.com,.s3.eu-west-1.amazonaws.com"


_ORDERS_GDN = "gdn-bp1fttxsrmv5a8k2l"
_ORDERS_GDN_DECLARED = {
    "id": "orders-gdn", "kind": "resident", "match": _ORDERS_GDN,
    "evidence": "GDN of the Shanghai orders cluster, secondaries in Beijing only (DBA-41)",
}  # fmt: skip
_ALARM_PUBLISHER = {
    "id": "alarm-publisher", "kind": "resident", "match": "sms:directsms:anonymous",
    "evidence": "The alarm publisher texts +86 numbers only (OPS-77)",
}  # fmt: skip
_NETWORK_CEN = "cen-7qthudw0ll6jmc4k2x"
_NETWORK_CEN_DECLARED = {
    "id": "network-cen", "kind": "resident", "match": _NETWORK_CEN,
    "evidence": "Network team's CEN: transit routers in cn-shanghai and cn-beijing only (NET-12)",
}  # fmt: skip
_OPS_MAIL = {"id": "cn-mail", "kind": "resident", "match": "mail.example.cn", "evidence": "Own mail servers, Beijing"}
_UK_ONCALL = {
    "id": "uk-oncall", "kind": "transfer", "match": "+44*", "destination": "UK", "data_classes": ["audit_logs"],
    "basis": "adequacy", "reference": "Commission Implementing Decision (EU) 2021/1772",
    "approved_by": "dpo@example.eu", "expires": "2099-12-31",
}  # fmt: skip
_CN_MOBILE = {"id": "cn-oncall", "kind": "resident", "match": "13123456789", "evidence": "China Mobile SIM, HR-12"}
_OFFICE = {"id": "cn-office", "kind": "resident", "match": "203.0.113.12", "evidence": "Shanghai office VPN, ticket 7"}
_MSK_BROKER = "b-{n}.events.ab12cd.c2.kafka.cn-north-1.amazonaws.com.cn:9094"
_CN_MSK = f"{_MSK_BROKER.format(n=1)},{_MSK_BROKER.format(n=2)}"
_CN_RDS = "warehouse.c1ab2cd3.cn-north-1.rds.amazonaws.com.cn"
_EU_MAIL = {"id": "eu-mail", "kind": "resident", "match": "mail.example.eu", "evidence": "Own mail servers, Frankfurt"}
# AWS User Notifications keeps configurations and notifications in us-east-1 (aws-user-notifications-home-region):
# outside the US a stack using it declares the transfer.
_USER_NOTIFICATIONS_US = {
    "id": "user-notifications-us", "kind": "transfer", "match": "aws-user-notifications-home-region",
    "destination": "US", "data_classes": ["audit_logs"], "basis": "scc", "reference": "AWS DPA, SCC module 2",
    "approved_by": "dpo@example.eu", "expires": "2099-12-31",
}  # fmt: skip
_EU_BROKER = "b-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-1.mq.{region}.amazonaws.com"
_GEOCODING = {
    "id": "geocoding-esri", "kind": "transfer", "match": "aws:location/placeIndex:PlaceIndex", "destination": "US",
    "data_classes": ["owner_personal_data"], "basis": "scc", "reference": "AWS DPA + Esri SCC 2026-03",
    "approved_by": "dpo@example.eu", "expires": "2099-12-31",
}  # fmt: skip


def cloudtrail_table(location_bucket: str | None) -> Callable[[Ctx], object]:
    # docs: athena partition projection for CloudTrail logs (glue/catalogtable parameters): the regions whose logs
    # the organisation trail delivers to the stack's bucket, us-east-1 (global service events) among them.
    def build(c: Ctx) -> object:
        trail = aws.s3.Bucket("org-trail", opts=c.aws)
        name: pulumi.Input[str] = location_bucket or trail.bucket
        prefix = pulumi.Output.concat("s3://", name, "/AWSLogs/o-abc123/111122223333/CloudTrail")
        return aws.glue.CatalogTable(
            "cloudtrail-logs", database_name="audit", name="cloudtrail_logs", table_type="EXTERNAL_TABLE",
            parameters={
                "EXTERNAL": "TRUE", "projection.enabled": "true",
                "projection.region.type": "enum", "projection.region.values": "eu-west-1,eu-central-1,us-east-1",
                "projection.date.type": "date", "projection.date.range": "2025/01/01,NOW",
                "projection.date.format": "yyyy/MM/dd", "projection.date.interval": "1",
                "projection.date.interval.unit": "DAYS",
                "storage.location.template": pulumi.Output.concat(prefix, "/${region}/${date}"),
            },
            partition_keys=[{"name": "region", "type": "string"}, {"name": "date", "type": "string"}],
            storage_descriptor={
                "location": prefix, "input_format": "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
                "output_format": "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                "ser_de_info": {"serialization_library": "org.apache.hive.hcatalog.data.JsonSerDe"},
                "columns": [{"name": "eventsource", "type": "string"}, {"name": "awsregion", "type": "string"}],
            }, opts=c.aws,
        )  # fmt: skip

    return build


def openapi_rest_api(integration_uri: str) -> Callable[[Ctx], object]:
    # docs: apigateway/restapi body — an OpenAPI definition as generated by a framework (info with contact,
    # license and terms of service, externalDocs), integrated with the stack's Lambda function.
    def build(c: Ctx) -> object:
        body = {
            "openapi": "3.0.1",
            "info": {"title": "fleet", "version": "1.4", "termsOfService": "https://swagger.io/terms/",
                     "contact": {"email": "api@example.eu", "url": "https://developer.example.eu"},
                     "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"}},
            "externalDocs": {"description": "Guide", "url": "https://developer.example.eu/guide"},
            "paths": {"/vehicles": {"get": {"x-amazon-apigateway-integration": {
                "type": "aws_proxy" if integration_uri.startswith("arn:") else "http_proxy",
                "httpMethod": "POST" if integration_uri.startswith("arn:") else "GET", "uri": integration_uri}}}},
        }  # fmt: skip
        return aws.apigateway.RestApi(
            "fleet-api", body=json.dumps(body), endpoint_configuration={"types": "REGIONAL"}, opts=c.aws
        )

    return build


_VEHICLES_FN = (
    "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
    "arn:aws:lambda:eu-west-1:123456789012:function:vehicles/invocations"
)


def http_api_openapi_cors(integration_uri: str) -> Callable[[Ctx], object]:
    # docs: apigatewayv2/api body with x-amazon-apigateway-cors (the company's web apps may call the API).
    def build(c: Ctx) -> object:
        body = {
            "openapi": "3.0.1", "info": {"title": "fleet", "version": "1.0"},
            "x-amazon-apigateway-cors": {"allowOrigins": ["https://app.example.eu", "https://admin.example.eu"],
                                         "allowMethods": ["GET", "POST"], "maxAge": 3600},
            "paths": {"/vehicles": {"get": {"x-amazon-apigateway-integration": {
                "type": "aws_proxy" if integration_uri.startswith("arn:") else "http_proxy",
                "httpMethod": "POST" if integration_uri.startswith("arn:") else "GET",
                "payloadFormatVersion": "1.0", "uri": integration_uri}}}},
        }  # fmt: skip
        return aws.apigatewayv2.Api("fleet-http", protocol_type="HTTP", body=json.dumps(body), opts=c.aws)

    return build


def rest_api_cors_options(c: Ctx) -> object:
    # docs: "Enable CORS on a resource" — a MOCK OPTIONS method whose integration response maps the CORS headers.
    api = aws.apigateway.RestApi("fleet-api", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
    resource = aws.apigateway.Resource(
        "vehicles", rest_api=api.id, parent_id=api.root_resource_id, path_part="vehicles", opts=c.aws
    )
    method = aws.apigateway.Method(
        "vehicles-options", rest_api=api.id, resource_id=resource.id, http_method="OPTIONS", authorization="NONE",
        opts=c.aws,
    )  # fmt: skip
    mock = aws.apigateway.Integration(
        "vehicles-options-mock", rest_api=api.id, resource_id=resource.id, http_method=method.http_method, type="MOCK",
        request_templates={"application/json": '{"statusCode": 200}'}, opts=c.aws,
    )  # fmt: skip
    response = aws.apigateway.MethodResponse(
        "vehicles-options-200", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
        status_code="200", response_parameters={"method.response.header.Access-Control-Allow-Origin": True}, opts=c.aws,
    )  # fmt: skip
    return aws.apigateway.IntegrationResponse(
        "vehicles-options-cors", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
        status_code=response.status_code,
        response_parameters={"method.response.header.Access-Control-Allow-Origin": "'https://app.example.eu'",
                             "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'"},
        opts=pulumi.ResourceOptions(provider=c.aws_p, depends_on=[mock]),
    )  # fmt: skip


def cloudfront_cors_policy(c: Ctx) -> object:
    # docs: cloudfront/responseheaderspolicy — CORS headers for the owner app's origins (aws-cn CloudFront).
    return aws.cloudfront.ResponseHeadersPolicy(
        "owner-app-cors", name="owner-app-cors",
        cors_config={"access_control_allow_credentials": False, "origin_override": True,
                     "access_control_allow_headers": {"items": ["Authorization", "Content-Type"]},
                     "access_control_allow_methods": {"items": ["GET", "POST"]},
                     "access_control_allow_origins": {"items": ["https://app.example.cn", "https://m.example.cn"]}},
        opts=c.aws,
    )  # fmt: skip


def ops_dashboard(alarm_region: str) -> Callable[[Ctx], object]:
    # docs: cloudwatch/dashboard — metric and alarm widgets of the stack's region, and a text widget linking the
    # runbook and the console (Markdown for the people reading the dashboard).
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        body = {"widgets": [
            {"type": "metric", "x": 0, "y": 0, "width": 12, "height": 6, "properties": {
                "metrics": [["AWS/Lambda", "Errors", "FunctionName", "ingest"]], "stat": "Sum", "period": 300,
                "region": region, "title": "Ingest errors"}},
            {"type": "alarm", "x": 12, "y": 0, "width": 12, "height": 6, "properties": {
                "title": "Alarms", "alarms": [f"arn:aws:cloudwatch:{alarm_region}:123456789012:alarm:ingest-errors"]}},
            {"type": "text", "x": 0, "y": 6, "width": 24, "height": 2, "properties": {
                "markdown": f"[button:Runbook](https://wiki.example.eu/ops/ingest) "
                            f"[Console](https://{region}.console.aws.amazon.com/lambda/home?region={region})"}},
        ]}  # fmt: skip
        return aws.cloudwatch.Dashboard("ops", dashboard_name="fleet-ops", dashboard_body=json.dumps(body), opts=c.aws)

    return build


def ack_token_projection(c: Ctx) -> object:
    # docs: alicloud cs/managedkubernetes — Service Account Token Volume Projection (RRSA), with the add-ons.
    return alicloud.cs.ManagedKubernetes(
        "fleet-k8s", cluster_spec="ack.pro.small", worker_vswitch_ids=["vsw-123"], pod_cidr="172.20.0.0/16",
        service_cidr="172.21.0.0/20", api_audiences=["https://kubernetes.default.svc"],
        service_account_issuer="https://kubernetes.default.svc",
        addons=[{"name": "terway-eniip"}, {"name": "csi-plugin"},
                {"name": "logtail-ds",
                 "config": json.dumps({"IngressDashboardEnabled": "true", "sls_project_name": "fleet-k8s"})},
                {"name": "nginx-ingress-controller", "config": json.dumps({"IngressSlbNetworkType": "intranet"})}],
        opts=c.ali,
    )  # fmt: skip


def s3_gateway_endpoint(layer_region: str) -> Callable[[Ctx], object]:
    # docs: ECR "Create the Amazon S3 gateway endpoint" and SSM "SSM Agent communications with AWS managed S3
    # buckets" — a private VPC's S3 endpoint policy lets ECR image layers and SSM Agent's buckets be read.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        vpc = aws.ec2.Vpc("private", cidr_block="10.40.0.0/16", opts=c.aws)
        resources = [f"arn:aws:s3:::prod-{layer_region}-starport-layer-bucket/*", f"arn:aws:s3:::aws-ssm-{region}/*",
                     f"arn:aws:s3:::amazon-ssm-{region}/*", f"arn:aws:s3:::amazon-ssm-packages-{region}/*",
                     f"arn:aws:s3:::{region}-birdwatcher-prod/*"]  # fmt: skip
        statement = {"Sid": "AwsManaged", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                     "Resource": resources}  # fmt: skip
        return aws.ec2.VpcEndpoint(
            "s3", vpc_id=vpc.id, service_name=f"com.amazonaws.{region}.s3", vpc_endpoint_type="Gateway",
            policy=json.dumps({"Version": "2012-10-17", "Statement": [statement]}), opts=c.aws,
        )  # fmt: skip

    return build


def referer_bucket_policy(c: Ctx) -> object:
    # docs: S3 "Restricting access to a specific HTTP referer" — the company site may embed the bucket's images.
    bucket = aws.s3.Bucket("site-assets", opts=c.aws)
    document = bucket.arn.apply(
        lambda arn: json.dumps({"Version": "2012-10-17", "Statement": [
            {"Sid": "OwnSiteOnly", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": f"{arn}/*",
             "Condition": {"StringLike": {"aws:Referer": ["https://www.example.eu/*", "https://example.eu/*"]}}}]})
    )  # fmt: skip
    # named apart from its bucket: the guard's test tells a refused resource from a registered one by name
    return aws.s3.BucketPolicy("site-assets-policy", bucket=bucket.id, policy=document, opts=c.aws)


def oss_hotlink_protection(c: Ctx) -> object:
    # docs: alicloud oss/bucketreferer — only the company's pages may embed the bucket's objects.
    bucket = alicloud.oss.Bucket("site-assets", bucket="fleet-site-assets", opts=c.ali)
    return alicloud.oss.BucketReferer(
        "site-assets", bucket=bucket.bucket, allow_empty_referer=False,
        referer_lists=["https://www.example.cn", "https://*.example.cn"], opts=c.ali,
    )  # fmt: skip


def cloudformation_queue_consumer(queue_region: str | None) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body — a template (from the CloudFormation user guide's Fn::Sub examples)
    # whose function reads its queue's URL, built with the pseudo parameter AWS::Region.
    def build(c: Ctx) -> object:
        region = queue_region or "${AWS::Region}"
        url = {"Fn::Sub": f"https://sqs.{region}.amazonaws.com/${{AWS::AccountId}}/${{Queue.QueueName}}"}
        template = {
            "AWSTemplateFormatVersion": "2010-09-09",
            "Resources": {
                "Queue": {"Type": "AWS::SQS::Queue"},
                "Consumer": {"Type": "AWS::Lambda::Function", "Properties": {
                    "Runtime": "python3.12", "Handler": "index.handler", "Code": {"ZipFile": "def handler(e, c): pass"},
                    "Role": {"Fn::GetAtt": ["Role", "Arn"]}, "Environment": {"Variables": {"QUEUE_URL": url}}}},
            },
        }  # fmt: skip
        return aws.cloudformation.Stack("consumer", template_body=json.dumps(template), opts=c.aws)

    return build


def cloudformation_yaml_secret(replica: str) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body in YAML with the short-form functions (the CloudFormation user
    # guide's AWS::SecretsManager::Secret example, a replica in a second region).
    def build(c: Ctx) -> object:
        template = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            "Resources:\n"
            "  SecretKey:\n    Type: AWS::KMS::Key\n"
            "  FleetSecret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n"
            "      Name: !Sub '${AWS::StackName}-fleet'\n      KmsKeyId: !Ref SecretKey\n"
            f"      ReplicaRegions:\n        - Region: {replica}\n          KmsKeyId: alias/aws/secretsmanager\n"
        )
        return aws.cloudformation.Stack("fleet-secret", template_body=template, opts=c.aws)

    return build


def cloudformation_log_delivery(arn: str) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body — the CloudFormation user guide's AWS::S3::BucketPolicy example
    # (server access logs delivered by logging.s3.amazonaws.com), in YAML with !Sub and the pseudo parameter
    # AWS::Partition; `arn` is the target: the template's own bucket ${AccessLogs} or a partner's bucket.
    def build(c: Ctx) -> object:
        template = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            "Resources:\n"
            "  AccessLogs:\n    Type: AWS::S3::Bucket\n"
            "  AccessLogsPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n"
            "      Bucket: !Ref AccessLogs\n      PolicyDocument:\n        Version: '2012-10-17'\n"
            "        Statement:\n          - Sid: S3ServerAccessLogsPolicy\n            Effect: Allow\n"
            "            Principal: {Service: logging.s3.amazonaws.com}\n            Action: 's3:PutObject'\n"
            f"            Resource: !Sub '{arn}/*'\n"
            "            Condition: {StringEquals: {'aws:SourceAccount': !Ref 'AWS::AccountId'}}\n"
        )
        return aws.cloudformation.Stack("access-logs", template_body=template, opts=c.aws)

    return build


def cloudformation_alert_webhook(endpoint: str, endpoint_type: str | None = "REGIONAL") -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body — the CloudFormation user guide's AWS::SNS::Subscription (protocol
    # https) under an alarm topic; `endpoint` is the !Sub of the subscriber: the template's own API Gateway stage, or
    # a host taken from a Parameter the deployer fills in. The API's EndpointConfiguration is `endpoint_type` (None:
    # left out, which API Gateway makes edge-optimised).
    def build(c: Ctx) -> object:
        types = f"      EndpointConfiguration:\n        Types: [{endpoint_type}]\n" if endpoint_type else ""
        template = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            "Parameters:\n  AlertWebhookHost:\n    Type: String\n    Default: hooks.example.eu\n"
            "Resources:\n"
            "  AlertsApi:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: alerts\n"
            f"{types}"
            "  AlarmTopic:\n    Type: AWS::SNS::Topic\n"
            "  AlertWebhook:\n    Type: AWS::SNS::Subscription\n    Properties:\n"
            "      TopicArn: !Ref AlarmTopic\n      Protocol: https\n"
            f"      Endpoint: !Sub '{endpoint}'\n"
        )
        return aws.cloudformation.Stack("alert-webhook", template_body=template, opts=c.aws)

    return build


def _db_consumer_template(db_host: str) -> str:
    # The CloudFormation user guide's AWS::RDS::DBInstance and AWS::Lambda::Function examples in YAML: the function
    # reads its database's host from `db_host` (!GetAtt of the template's own instance, a Parameter, an import, an
    # !Join or !FindInMap of the template's Mappings: a partner's host, or the read replica's regional host).
    return (
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Parameters:\n  PartnerDbHost:\n    Type: String\n    Default: db.partner.example.eu\n"
        "  DbPassword:\n    Type: String\n    NoEcho: true\n"
        "Mappings:\n  DbHosts:\n    prod:\n      Partner: db.partner.example.com\n"
        "      Replica: orders-replica.c9akciq32xyz.eu-central-1.rds.amazonaws.com\n"
        "Conditions:\n  PartnerDb: !Not [!Equals [!Ref PartnerDbHost, '']]\n"
        "Resources:\n"
        "  OrdersDb:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n"
        "      DBInstanceClass: db.t4g.micro\n      AllocatedStorage: '20'\n      MasterUsername: orders\n"
        "      MasterUserPassword: !Ref DbPassword\n"
        "  Reports:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n"
        "      Handler: index.handler\n      Role: !GetAtt ReportsRole.Arn\n"
        "      Code:\n        ZipFile: 'def handler(e, c): pass'\n"
        f"      Environment:\n        Variables:\n          DB_HOST: {db_host}\n          DB_PORT: '5432'\n"
    )


def cloudformation_db_consumer(db_host: str) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body — a report function reading its database's host (`db_host`).
    def build(c: Ctx) -> object:
        return aws.cloudformation.Stack("reports", template_body=_db_consumer_template(db_host), opts=c.aws)

    return build


def cloudformation_stackset_db_consumer(db_host: str) -> Callable[[Ctx], object]:
    # docs: cloudformation/stackset template_body — the same template rolled out to the organisation's accounts (its
    # instances' regions are judged on each StackSetInstance).
    def build(c: Ctx) -> object:
        return aws.cloudformation.StackSet(
            "reports", template_body=_db_consumer_template(db_host), permission_model="SERVICE_MANAGED",
            auto_deployment={"enabled": True, "retain_stacks_on_account_removal": False}, opts=c.aws,
        )  # fmt: skip

    return build


def cloudformation_function_code(code_bucket: str) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body — the CloudFormation user guide's AWS::Lambda::Function with its code in
    # S3 (Code.S3Bucket / S3Key); `code_bucket` is the template's own artifact bucket (named by a Parameter, as the
    # guide's examples do) or a bucket a Parameter names.
    def build(c: Ctx) -> object:
        template = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            "Parameters:\n  ArtifactBucketName:\n    Type: String\n    Default: fleet-artifacts-eu\n"
            "  SharedCodeBucket:\n    Type: String\n"
            "Resources:\n"
            "  Artifacts:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref ArtifactBucketName\n"
            "  Ingest:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n"
            "      Handler: index.handler\n      Role: !GetAtt IngestRole.Arn\n"
            f"      Code:\n        S3Bucket: {code_bucket}\n        S3Key: ingest.zip\n"
        )
        return aws.cloudformation.Stack("ingest", template_body=template, opts=c.aws)

    return build


def cloudformation_site_health_check(url: str, *, cdn: bool = True) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body — the owner portal behind an Application Load Balancer and (`cdn`) a
    # CloudFront distribution (the user guide's AWS::CloudFront::Distribution example with a custom origin, the
    # balancer's !GetAtt DNSName); a health-check function probes `url` (!Sub of the balancer's or the distribution's
    # name).
    def build(c: Ctx) -> object:
        distribution = (
            "  PortalCdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n"
            "        Enabled: true\n        PriceClass: PriceClass_100\n        Origins:\n"
            "          - Id: portal-lb\n            DomainName: !GetAtt PortalLb.DNSName\n"
            "            CustomOriginConfig: {OriginProtocolPolicy: https-only}\n"
            "        DefaultCacheBehavior: {TargetOriginId: portal-lb, ViewerProtocolPolicy: redirect-to-https,\n"
            "          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6}\n"
        )
        template = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            "Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n"
            "Resources:\n"
            "  PortalLb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n"
            "      Scheme: internet-facing\n      Subnets: !Ref Subnets\n"
            f"{distribution if cdn else ''}"
            "  HealthCheck:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n"
            "      Handler: index.handler\n      Role: !GetAtt HealthCheckRole.Arn\n"
            "      Code:\n        ZipFile: 'def handler(e, c): pass'\n"
            f"      Environment:\n        Variables:\n          SITE_URL: !Sub '{url}'\n"
        )
        return aws.cloudformation.Stack("portal-edge", template_body=template, opts=c.aws)

    return build


def ros_oss_exports(variables: Mapping[str, Any]) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stack — a ROS template creating the exports bucket (ALIYUN::OSS::Bucket) and a function that
    # writes to it, told where by `variables` (Fn::GetAtt / Fn::Sub of the bucket, or a Parameter).
    def build(c: Ctx) -> object:
        template = {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Parameters": {"PartnerEndpoint": {"Type": "String", "Default": "oss.partner.example.cn"}},
            "Resources": {
                "Exports": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-exports"}},
                "Exporter": {"Type": "ALIYUN::FC3::Function", "Properties": {
                    "FunctionName": "exporter", "Runtime": "python3.10", "Handler": "index.handler",
                    "EnvironmentVariables": dict(variables)}},
            },
        }  # fmt: skip
        return alicloud.ros.Stack("exports", stack_name="exports", template_body=json.dumps(template), opts=c.ali)

    return build


def cloudformation_accelerated_portal(accelerated: bool) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body — the owner portal's Network Load Balancer, and (`accelerated`) the
    # user guide's AWS::GlobalAccelerator::Accelerator / Listener / EndpointGroup example putting it behind an
    # accelerator's anycast addresses.
    def build(c: Ctx) -> object:
        accelerator = (
            "  PortalAccelerator:\n    Type: AWS::GlobalAccelerator::Accelerator\n    Properties:\n"
            "      Name: portal\n      Enabled: true\n"
            "  PortalListener:\n    Type: AWS::GlobalAccelerator::Listener\n    Properties:\n"
            "      AcceleratorArn: !Ref PortalAccelerator\n      Protocol: TCP\n"
            "      PortRanges: [{FromPort: 443, ToPort: 443}]\n"
            "  PortalEndpoints:\n    Type: AWS::GlobalAccelerator::EndpointGroup\n    Properties:\n"
            "      ListenerArn: !Ref PortalListener\n      EndpointGroupRegion: !Ref 'AWS::Region'\n"
            "      EndpointConfigurations: [{EndpointId: !Ref PortalNlb}]\n"
        )
        template = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            "Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n"
            "Resources:\n"
            "  PortalNlb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n"
            "      Type: network\n      Scheme: internet-facing\n      Subnets: !Ref Subnets\n"
            f"{accelerator if accelerated else ''}"
        )
        return aws.cloudformation.Stack("portal-accelerated", template_body=template, opts=c.aws)

    return build


def ros_cdn_domain(scope: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stack — ALIYUN::CDN::Domain (ROS's resource-type page: Scope domestic, the default, overseas
    # or global) accelerating the fleet's download site from the template's own bucket.
    def build(c: Ctx) -> object:
        domain: dict[str, Any] = {"DomainName": "downloads.example.cn", "CdnType": "download",
                                  "Sources": '[{"content":"fleet-downloads.oss-cn-shanghai.aliyuncs.com",'
                                             '"type":"oss","priority":"20","port":443,"weight":"10"}]'}  # fmt: skip
        if scope is not None:
            domain["Scope"] = scope
        template = {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Resources": {
                "Downloads": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-downloads"}},
                "DownloadsCdn": {"Type": "ALIYUN::CDN::Domain", "Properties": domain},
            },
        }
        return alicloud.ros.Stack("downloads", stack_name="downloads", template_body=json.dumps(template), opts=c.ali)

    return build


def ros_fc_code(code_bucket: Any) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stack — ALIYUN::FC::Service and ALIYUN::FC::Function with its code package in OSS
    # (Code.OssBucketName / OssObjectName): the template's own code bucket, or one a Parameter names.
    def build(c: Ctx) -> object:
        template = {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Parameters": {"SharedCodeBucket": {"Type": "String"}},
            "Resources": {
                "CodeBucket": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-fc-code"}},
                "Service": {"Type": "ALIYUN::FC::Service", "Properties": {"ServiceName": "fleet"}},
                "Ingest": {"Type": "ALIYUN::FC::Function", "DependsOn": ["Service", "CodeBucket"], "Properties": {
                    "ServiceName": "fleet", "FunctionName": "ingest", "Runtime": "python3.10",
                    "Handler": "index.handler", "Code": {"OssBucketName": code_bucket, "OssObjectName": "ingest.zip"}}},
            },
        }  # fmt: skip
        return alicloud.ros.Stack("fc-code", stack_name="fc-code", template_body=json.dumps(template), opts=c.ali)

    return build


def website_redirect(host: str, *, details: bool = False) -> Callable[[Ctx], object]:
    # docs: s3/bucketwebsiteconfiguration — the owner portal's static site on S3; its old docs/ pages redirect to
    # `host` (a routing rule, or its JSON in routing_rule_details as the registry's second example writes it).
    def build(c: Ctx) -> object:
        site = aws.s3.Bucket("portal-site", opts=c.aws)
        rule = {"condition": {"key_prefix_equals": "docs/"}, "redirect": {"host_name": host, "protocol": "https",
                "replace_key_prefix_with": "manuals/"}}  # fmt: skip
        rules: dict[str, Any] = (
            {"routing_rule_details": json.dumps([{"Condition": {"KeyPrefixEquals": "docs/"},
                                                  "Redirect": {"HostName": host, "ReplaceKeyPrefixWith": ""}}])}
            if details
            else {"routing_rules": [rule]}
        )  # fmt: skip
        return aws.s3.BucketWebsiteConfiguration(
            "portal-site-website", bucket=site.id, index_document={"suffix": "index.html"},
            error_document={"key": "error.html"}, **rules, opts=c.aws,
        )  # fmt: skip

    return build


def website_redirect_all(c: Ctx) -> object:
    # docs: s3/bucketwebsiteconfiguration redirect_all_requests_to — the retired portal bucket sends every reader to
    # the partner's new portal.
    site = aws.s3.Bucket("old-portal", opts=c.aws)
    return aws.s3.BucketWebsiteConfiguration(
        "old-portal-website", bucket=site.id, redirect_all_requests_to={"host_name": "portal.partner.example.com",
                                                                "protocol": "https"}, opts=c.aws,
    )  # fmt: skip


_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0"
_PARTNER_PORTAL = {"id": "portal", "kind": "resident", "match": "portal.partner.example.com",
                   "evidence": "partner portal hosted in Frankfurt, DPA-12"}  # fmt: skip


def kb_manuals_source(model_arn: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentdatasource — the service manuals in the stack's bucket, ingested into a knowledge base whose
    # data source parses PDFs with a foundation model (vector_ingestion_configuration.parsing_configuration,
    # BEDROCK_FOUNDATION_MODEL strategy). `model_arn` may name a model or an inference profile.
    def build(c: Ctx) -> object:
        manuals = aws.s3.Bucket("manuals", opts=c.aws)
        model: Any = {
            "model_arn": model_arn,
            "parsing_modality": "MULTIMODAL",
            "parsing_prompt": {"parsing_prompt_string": "Transcribe tables and figures as Markdown."},
        }
        return aws.bedrock.AgentDataSource(
            "manuals-source", knowledge_base_id="KB12345678", name="service-manuals",
            data_source_configuration={"type": "S3", "s3_configuration": {"bucket_arn": manuals.arn}},
            vector_ingestion_configuration={"parsing_configuration": {
                "parsing_strategy": "BEDROCK_FOUNDATION_MODEL", "bedrock_foundation_model_configuration": model}},
            opts=c.aws,
        )  # fmt: skip

    return build


def oss_accelerated_uploads(how: str) -> Callable[[Ctx], object]:
    # docs: alicloud oss/bucket transfer_acceleration and oss/buckettransferacceleration — the dashcam upload bucket
    # with transfer acceleration switched on inline (`how` = "inline") or by its own resource ("resource"), or off.
    def build(c: Ctx) -> object:
        inline: Any = {"enabled": how == "inline"} if how != "resource" else None
        bucket = alicloud.oss.Bucket("dashcam-uploads", transfer_acceleration=inline, opts=c.ali)
        if how != "resource":
            return bucket
        return alicloud.oss.BucketTransferAcceleration("dashcam-uploads-ta", bucket=bucket.bucket, enabled=True,
                                                       opts=c.ali)  # fmt: skip

    return build


def ros_oss_endpoint(c: Ctx) -> object:
    # docs: alicloud ros/stack — a ROS template whose function reads the stack region's internal OSS endpoint.
    endpoint = {"Fn::Sub": "https://oss-${ALIYUN::Region}-internal.aliyuncs.com"}
    template = {
        "ROSTemplateFormatVersion": "2015-09-01",
        "Resources": {"Uploader": {"Type": "ALIYUN::FC3::Function", "Properties": {
            "FunctionName": "uploader", "Runtime": "python3.10", "Handler": "index.handler",
            "EnvironmentVariables": {"OSS_ENDPOINT": endpoint}}}},
    }  # fmt: skip
    return alicloud.ros.Stack("uploader", stack_name="uploader", template_body=json.dumps(template), opts=c.ali)


def metric_stream(firehose_url: str | None) -> Callable[[Ctx], object]:
    # docs: cloudwatch/metricstream — the Firehose role trusts streams.metrics.cloudwatch.amazonaws.com (the same
    # global form in AWS China); the stream lands in the stack's bucket, or a SaaS intake (HTTP endpoint).
    def build(c: Ctx) -> object:
        firehose_role = aws.iam.Role("firehose", assume_role_policy=ROLE.replace("lambda", "firehose"), opts=c.aws)
        bucket = aws.s3.Bucket("metrics", opts=c.aws)
        if firehose_url is None:
            stream = aws.kinesis.FirehoseDeliveryStream(
                "metrics-delivery", destination="extended_s3",
                extended_s3_configuration={"role_arn": firehose_role.arn, "bucket_arn": bucket.arn,
                                           "prefix": "metrics/"}, opts=c.aws,
            )  # fmt: skip
        else:
            stream = aws.kinesis.FirehoseDeliveryStream(
                "metrics-delivery", destination="http_endpoint",
                http_endpoint_configuration={"url": firehose_url, "name": "intake", "role_arn": firehose_role.arn,
                                             "s3_configuration": {"role_arn": firehose_role.arn,
                                                                  "bucket_arn": bucket.arn}}, opts=c.aws,
            )  # fmt: skip
        trust = ROLE.replace("lambda.amazonaws.com", "streams.metrics.cloudwatch.amazonaws.com")
        streams_role = aws.iam.Role("metric-streams", assume_role_policy=trust, opts=c.aws)
        return aws.cloudwatch.MetricStream(
            "all", role_arn=streams_role.arn, firehose_arn=stream.arn, output_format="json",
            include_filters=[{"namespace": "AWS/EC2"}, {"namespace": "AWS/Lambda"}], opts=c.aws,
        )  # fmt: skip

    return build


def fc_data_endpoints(datahub_region: str) -> Callable[[Ctx], object]:
    # docs: DataHub and MaxCompute endpoint lists — a function in the VPC reads DataHub through its VPC endpoint
    # (dh-<region>-int-vpc.aliyuncs.com) and writes to MaxCompute through its VPC endpoint (aliyun-inc.com).
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        return alicloud.fc.V3Function(
            "loader", function_name="loader", runtime="python3.10", handler="index.handler", memory_size=512,
            code={"zip_file": "UEsDBAo="},
            environment_variables={"DATAHUB_ENDPOINT": f"https://dh-{datahub_region}-int-vpc.aliyuncs.com",
                                   "ODPS_ENDPOINT": f"https://service.{region}-vpc.maxcompute.aliyun-inc.com/api",
                                   "ODPS_TUNNEL": f"https://dt.{region}-vpc.maxcompute.aliyun-inc.com"},
            opts=c.ali,
        )  # fmt: skip

    return build


def ecs_cloud_assistant(oss_endpoint_region: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud ecs/command — command_content is the base64-encoded script Cloud Assistant runs on instances.
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        endpoint = f"oss-{oss_endpoint_region or region}-internal.aliyuncs.com"
        bucket = alicloud.oss.Bucket("reports", opts=c.ali)
        script = bucket.bucket.apply(
            lambda name: f"#!/bin/bash\nset -e\nmount -t nfs -o vers=3 0a1b2c3d4e-abc12.{region}.nas.aliyuncs.com:/ "
                         f"/mnt\nossutil cp -r /mnt/reports oss://{name}/daily/ -e {endpoint}\n"
        )  # fmt: skip
        return alicloud.ecs.Command(
            "nightly-export", name="nightly-export", type="RunShellScript", timeout=600, working_dir="/root",
            command_content=script.apply(lambda text: base64.b64encode(text.encode()).decode()), opts=c.ali,
        )  # fmt: skip

    return build


def iot_telemetry_rule(https_url: str | None) -> Callable[[Ctx], object]:
    # docs: iot/topicrule — vehicle telemetry into the stack's Kinesis stream, S3 archive and Timestream table;
    # errors to a log group. The twin also posts each message to an HTTPS action.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("iot", assume_role_policy=ROLE.replace("lambda", "iot"), opts=c.aws)
        stream = aws.kinesis.Stream("telemetry", shard_count=1, opts=c.aws)
        archive = aws.s3.Bucket("telemetry-archive", opts=c.aws)
        database = aws.timestreamwrite.Database("fleet", database_name="fleet", opts=c.aws)
        table = aws.timestreamwrite.Table(
            "telemetry-table", database_name=database.database_name, table_name="telemetry", opts=c.aws
        )
        errors = aws.cloudwatch.LogGroup("iot-errors", opts=c.aws)
        https: Any = [{"url": https_url}] if https_url else None
        return aws.iot.TopicRule(
            "telemetry-rule", enabled=True, sql="SELECT * FROM 'vehicles/+/telemetry'", sql_version="2016-03-23",
            kineses=[{"stream_name": stream.name, "role_arn": role.arn, "partition_key": "${topic(2)}"}],
            s3=[{"bucket_name": archive.bucket, "key": "${topic(2)}/${timestamp()}.json", "role_arn": role.arn}],
            timestreams=[{"database_name": database.database_name, "table_name": table.table_name,
                          "role_arn": role.arn, "dimensions": [{"name": "vin", "value": "${topic(2)}"}]}],
            error_action={"cloudwatch_logs": {"log_group_name": errors.name, "role_arn": role.arn}},
            https=https, opts=c.aws,
        )  # fmt: skip

    return build


def glue_etl(crawl_path: str | None) -> Callable[[Ctx], object]:
    # docs: glue/job, glue/crawler, glue/connection — a JDBC connection to the stack's RDS instance, a crawler
    # over the stack's bucket (or a partner's landing bucket), a Spark job with its script and temp dir there.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("glue", assume_role_policy=ROLE.replace("lambda", "glue"), opts=c.aws)
        lake = aws.s3.Bucket("lake", opts=c.aws)
        db = aws.rds.Instance("orders", engine="mysql", instance_class="db.t3.micro", allocated_storage=20,
                              username="admin", manage_master_user_password=True, opts=c.aws)  # fmt: skip
        connection = aws.glue.Connection(
            "orders", connection_type="JDBC",
            connection_properties={"JDBC_CONNECTION_URL": db.endpoint.apply(lambda e: f"jdbc:mysql://{e}/orders"),
                                   "SECRET_ID": "orders-db-credentials"}, opts=c.aws,
        )  # fmt: skip
        path = lake.bucket.apply(lambda b: crawl_path or f"s3://{b}/raw/")
        aws.glue.Crawler(
            "raw", database_name="lake", role=role.arn, s3_targets=[{"path": path}],
            jdbc_targets=[{"connection_name": connection.name, "path": "orders/%"}], opts=c.aws,
        )  # fmt: skip
        return aws.glue.Job(
            "etl", role_arn=role.arn, glue_version="4.0", worker_type="G.1X", number_of_workers=2,
            connections=[connection.name],
            command={"name": "glueetl", "script_location": lake.bucket.apply(lambda b: f"s3://{b}/scripts/etl.py")},
            default_arguments={"--TempDir": lake.bucket.apply(lambda b: f"s3://{b}/tmp/"),
                               "--enable-continuous-cloudwatch-log": "true", "--datalake-formats": "iceberg"},
            opts=c.aws,
        )  # fmt: skip

    return build


def fc_triggers_and_mounts(nas_region: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud fc/v3function, fc/v3trigger — a container function in the VPC with the stack's NAS and OSS
    # mounted, logging to the stack's SLS project, triggered by uploads to the stack's bucket.
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        project = alicloud.log.Project("fc-logs", project_name=f"fc-logs-{region}", opts=c.ali)
        store = alicloud.log.Store("fc-logs", project_name=project.project_name, logstore_name="fn", opts=c.ali)
        nas = alicloud.nas.FileSystem("shared", protocol_type="NFS", storage_type="Performance", opts=c.ali)
        mount = alicloud.nas.MountTarget("shared", file_system_id=nas.id, vswitch_id="vsw-123", opts=c.ali)
        server = (mount.mount_target_domain.apply(lambda d: f"{d}:/fc") if nas_region is None
                  else f"0a1b2c3d4e-abc12.{nas_region}.nas.aliyuncs.com:/fc")  # fmt: skip
        bucket = alicloud.oss.Bucket("media", opts=c.ali)
        fn = alicloud.fc.V3Function(
            "transcode", function_name="transcode", handler="index.handler", runtime="custom-container",
            memory_size=1024, cpu=1, internet_access=False,
            custom_container_config={"image": f"registry-vpc.{region}.aliyuncs.com/fleet/transcode:1.2", "port": 9000},
            log_config={"project": project.project_name, "logstore": store.logstore_name},
            vpc_config={"vpc_id": "vpc-123", "vswitch_ids": ["vsw-123"], "security_group_id": "sg-123"},
            nas_config={"user_id": 10003, "group_id": 10003,
                        "mount_points": [{"server_addr": server, "mount_dir": "/mnt/shared"}]},
            oss_mount_config={"mount_points": [{"bucket_name": bucket.bucket, "mount_dir": "/mnt/media",
                                                "endpoint": f"http://oss-{region}-internal.aliyuncs.com"}]},
            opts=c.ali,
        )  # fmt: skip
        return alicloud.fc.V3Trigger(
            "uploads", function_name=fn.function_name, trigger_type="oss", trigger_name="uploads", qualifier="LATEST",
            source_arn=bucket.bucket.apply(lambda b: f"acs:oss:{region}:1234567890123456:{b}"),
            invocation_role="acs:ram::1234567890123456:role/aliyunosseventnotificationrole",
            trigger_config=json.dumps({"events": ["oss:ObjectCreated:PutObject"],
                                       "filter": {"key": {"prefix": "incoming/", "suffix": ".mp4"}}}), opts=c.ali,
        )  # fmt: skip

    return build


def sls_pipeline(sink_region: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud log/machinegroup, log/logtailconfig, log/ossshipper, log/etl — Logtail collects app logs,
    # a shipper archives them to the stack's bucket, a data transformation job writes a cleaned copy.
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        role = "acs:ram::1234567890123456:role/aliyunlogetlrole"
        project = alicloud.log.Project("app-logs", project_name=f"app-logs-{region}", opts=c.ali)
        store = alicloud.log.Store("app", project_name=project.project_name, logstore_name="app", opts=c.ali)
        clean = alicloud.log.Store("clean", project_name=project.project_name, logstore_name="clean", opts=c.ali)
        alicloud.log.MachineGroup("app", project=project.project_name, identify_type="ip",
                                  identify_lists=["10.0.0.12", "10.0.0.13"], opts=c.ali)  # fmt: skip
        alicloud.log.LogTailConfig(
            "app", project=project.project_name, logstore=store.logstore_name, input_type="file",
            output_type="LogService",
            input_detail=json.dumps({"logPath": "/var/log/app", "filePattern": "*.log", "logType": "json_log"}),
            opts=c.ali,
        )  # fmt: skip
        archive = alicloud.oss.Bucket("archive", opts=c.ali)
        alicloud.log.OssShipper(
            "archive", project_name=project.project_name, logstore_name=store.logstore_name, shipper_name="archive",
            oss_bucket=archive.bucket, oss_prefix="app", buffer_interval=300, buffer_size=250,
            path_format="%Y/%m/%d/%H/%M", format="json", role_arn=role, opts=c.ali,
        )  # fmt: skip
        return alicloud.log.Etl(
            "clean-job", etl_name="clean", display_name="clean", project=project.project_name,
            logstore=store.logstore_name, script="e_drop_fields('password')", role_arn=role,
            etl_sinks=[{"name": "clean", "endpoint": f"{sink_region or region}-intranet.log.aliyuncs.com",
                        "project": project.project_name, "logstore": clean.logstore_name, "role_arn": role}],
            opts=c.ali,
        )  # fmt: skip

    return build


def firelens_task(output: Mapping[str, str] | None) -> Callable[[Ctx], object]:
    # docs: ECS "Custom log routing" (FireLens) — a Fluent Bit sidecar routes the app's logs to the stack's log
    # group in its region, or to the output the twin names.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        logs = aws.cloudwatch.LogGroup("app-logs", opts=c.aws)
        containers = logs.name.apply(lambda group: json.dumps([
            {"name": "log_router", "essential": True, "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:3",
             "firelensConfiguration": {"type": "fluentbit", "options": {"enable-ecs-log-metadata": "true"}},
             "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": group, "awslogs-region": region,
                                                                      "awslogs-stream-prefix": "firelens"}}},
            {"name": "app", "essential": True, "image": f"123456789012.dkr.ecr.{region}.amazonaws.com/app:1.4.2",
             "logConfiguration": {"logDriver": "awsfirelens", "options": dict(output) if output else {
                 "Name": "cloudwatch_logs", "region": region, "log_group_name": group,
                 "log_stream_prefix": "app-", "auto_create_group": "true"}}},
        ]))  # fmt: skip
        return aws.ecs.TaskDefinition(
            "app", family="app", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512",
            memory="1024", container_definitions=containers, opts=c.aws,
        )  # fmt: skip

    return build


def synthetics_canary(url: str | None) -> Callable[[Ctx], object]:
    # docs: synthetics/canary — a heartbeat canary in the VPC checks the stack's internal ALB (its URL built
    # from the load balancer's dns_name) and keeps its artifacts in the stack's bucket.
    def build(c: Ctx) -> object:
        artifacts = aws.s3.Bucket("canary-artifacts", opts=c.aws)
        alb = aws.lb.LoadBalancer("app", internal=True, subnets=["subnet-1", "subnet-2"], opts=c.aws)
        role = aws.iam.Role("canary", assume_role_policy=ROLE, opts=c.aws)
        target = alb.dns_name.apply(lambda host: url or f"http://{host}/health")
        return aws.synthetics.Canary(
            "health", name="health", execution_role_arn=role.arn, handler="index.handler",
            runtime_version="syn-nodejs-puppeteer-9.1", zip_file="canary.zip",
            schedule={"expression": "rate(5 minutes)"},
            artifact_s3_location=artifacts.bucket.apply(lambda b: f"s3://{b}/canary/"),
            run_config={"timeout_in_seconds": 60, "environment_variables": {"URL": target}},
            vpc_config={"subnet_ids": ["subnet-1"], "security_group_ids": ["sg-1"]}, opts=c.aws,
        )  # fmt: skip

    return build


def fc_session_cache(host: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud kvstore/instance — the function keeps sessions in the stack's Tair (Redis) instance, whose
    # host (connection_domain, r-<id>.redis.rds.aliyuncs.com) names no region; the twin names another instance.
    def build(c: Ctx) -> object:
        cache = alicloud.kvstore.Instance(
            "sessions", db_instance_name="sessions", instance_class="redis.master.small.default", engine_version="7.0",
            vswitch_id="vsw-123", opts=c.ali,
        )  # fmt: skip
        url = cache.connection_domain.apply(lambda own: f"redis://{host or own}:6379/0")
        return alicloud.fc.V3Function(
            "api", function_name="api", runtime="python3.10", handler="index.handler", code={"zip_file": "UEsDBAo="},
            environment_variables={"REDIS_URL": url}, opts=c.ali,
        )  # fmt: skip

    return build


def fc_search(host: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud elasticsearch/instance — `domain` is "the internal network address of the instance"
    # (es-cn-<id>.elasticsearch.aliyuncs.com, no region in it); the twin names another instance's.
    def build(c: Ctx) -> object:
        search = alicloud.elasticsearch.Instance(
            "trips", version="7.10_with_X-Pack", instance_charge_type="PostPaid", data_node_amount=2,
            data_node_spec="elasticsearch.sn2ne.large", data_node_disk_size=20, data_node_disk_type="cloud_ssd",
            vswitch_id="vsw-123", password="Examplw1234", opts=c.ali,
        )  # fmt: skip
        url = search.domain.apply(lambda own: f"http://{host or own}:9200")
        return alicloud.fc.V3Function(
            "search-api", function_name="search-api", runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, environment_variables={"ES_URL": url}, opts=c.ali,
        )  # fmt: skip

    return build


def fc_fleet_db(host: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud mongodb/instance — replica_sets lists each node's connection_domain
    # (dds-<id>.mongodb.rds.aliyuncs.com, no region in it); the twin names another instance's node.
    def build(c: Ctx) -> object:
        db = alicloud.mongodb.Instance(
            "fleet", engine_version="4.4", db_instance_class="dds.mongo.mid", db_instance_storage=20,
            vswitch_id="vsw-123", opts=c.ali,
        )  # fmt: skip

        def uri(sets: Any) -> str:
            nodes = ",".join(f"{host or s['connection_domain']}:3717" for s in sets or [])
            return f"mongodb://{nodes}/fleet?replicaSet=mgset-1"

        return alicloud.fc.V3Function(
            "fleet-api", function_name="fleet-api", runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, environment_variables={"MONGO_URI": db.replica_sets.apply(uri)}, opts=c.ali,
        )  # fmt: skip

    return build


def ses_named_webhook(c: Ctx) -> object:
    # docs: ses/domainidentity — `domain` is an input naming any domain (here a partner's), not an address SES
    # assigns: a URL built from it is not proven by the identity (only catalogued types' outputs prove a host).
    identity = aws.ses.DomainIdentity("partner", domain="hooks.partner.example.com", opts=c.aws)
    return lambda_env({"WEBHOOK_URL": identity.domain.apply(lambda d: f"https://{d}/fleet")})(c)


def fc_kafka_consumer(servers: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud alikafka/instance — end_point lists the instance's VPC bootstrap servers
    # (alikafka-<id>-1-vpc.alikafka.aliyuncs.com:9092, no region in them); the twin names another instance's.
    def build(c: Ctx) -> object:
        kafka = alicloud.alikafka.Instance(
            "events", name="events", partition_num=50, disk_type=1, disk_size=500, deploy_type=5, io_max=20,
            vswitch_id="vsw-123", security_group="sg-123", opts=c.ali,
        )  # fmt: skip
        bootstrap = kafka.end_point.apply(lambda own: servers or own)
        return alicloud.fc.V3Function(
            "consumer", function_name="consumer", runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, environment_variables={"KAFKA_BOOTSTRAP_SERVERS": bootstrap}, opts=c.ali,
        )  # fmt: skip

    return build


def datasync_object_store(server: str) -> Callable[[Ctx], object]:
    # docs: datasync/locationobjectstorage — "a location for an object storage system": the archive's MinIO bucket on
    # the plant's network (server_hostname, an address or DNS name), read by the stack's own agent. bucket_name is the
    # bucket on that server, not an S3 bucket: where it is, is the server.
    def build(c: Ctx) -> object:
        agent = aws.datasync.Agent("agent", ip_address="10.20.0.5", opts=c.aws)
        return aws.datasync.LocationObjectStorage(
            "archive-minio", agent_arns=[agent.arn], server_hostname=server, server_protocol="HTTPS", server_port=9000,
            bucket_name="telemetry-archive", subdirectory="/2026/", opts=c.aws,
        )  # fmt: skip

    return build


def appflow_crm_flow(source: str, destination: str) -> Callable[[Ctx], object]:
    # docs: appflow/flow — the service desk's CRM contacts copied between the stack's bucket and Salesforce (through the
    # connector profile `crm`); a flow writes its records into its destination application.
    def build(c: Ctx) -> object:
        bucket = aws.s3.Bucket("crm-exchange", opts=c.aws)
        s3: dict[str, Any] = {"s3": {"bucket_name": bucket.bucket, "bucket_prefix": "contacts"}}
        crm: dict[str, Any] = {"salesforce": {"object": "Contact"}}
        upsert: dict[str, Any] = {
            "salesforce": {"object": "Contact", "write_operation_type": "UPSERT", "id_field_names": ["Email"]}
        }
        source_config: Any = {"connector_type": source, "source_connector_properties": s3}
        destination_config: Any = {"connector_type": destination, "destination_connector_properties": s3}
        if source != "S3":
            source_config.update(connector_profile_name="crm", source_connector_properties=crm)
        if destination != "S3":
            destination_config.update(connector_profile_name="crm", destination_connector_properties=upsert)
        tasks: list[Any] = [
            {"task_type": "Map_all", "source_fields": [], "connector_operators": [{source.lower(): "NO_OP"}]}
        ]
        return aws.appflow.Flow(
            "crm-contacts", name="crm-contacts", source_flow_config=source_config,
            destination_flow_configs=[destination_config], tasks=tasks, trigger_config={"trigger_type": "OnDemand"},
            opts=c.aws,
        )  # fmt: skip

    return build


def api_gateway_http_backend(address: str) -> Callable[[Ctx], object]:
    # docs: alicloud apigateway/api — an API of the stack's group whose HTTP backend (http_service_config.address) is
    # where every request, with its body, is forwarded.
    def build(c: Ctx) -> object:
        group = alicloud.apigateway.Group("fleet-api", name="fleet_api", description="fleet API", opts=c.ali)
        backend: Any = {"address": address, "method": "GET", "path": "/status/[vin]", "timeout": 12,
                                   "aone_name": "cloudapi-openapi"}  # fmt: skip
        return alicloud.apigateway.Api(
            "vehicle-status", group_id=group.id, name="vehicle_status", description="vehicle status", auth_type="APP",
            service_type="HTTP",
            request_config={"protocol": "HTTP", "method": "GET", "path": "/vehicles/[vin]", "mode": "MAPPING"},
            http_service_config=backend,
            request_parameters=[{"name": "vin", "type": "STRING", "required": "REQUIRED", "in_": "PATH",
                                 "in_service": "PATH", "name_service": "vin"}], opts=c.ali,
        )  # fmt: skip

    return build


def rds_cross_region_backup(region: str) -> Callable[[Ctx], object]:
    # docs: alicloud rds/rdsinstancecrossbackuppolicy — backups of the stack's RDS instance are copied to
    # cross_backup_region.
    def build(c: Ctx) -> object:
        db = alicloud.rds.Instance(
            "db", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.1", instance_storage=20,
            vswitch_id="vsw-123", opts=c.ali,
        )  # fmt: skip
        return alicloud.rds.RdsInstanceCrossBackupPolicy(
            "db-cross-backup", instance_id=db.id, cross_backup_region=region, log_backup_enabled="Enable", retention=15,
            opts=c.ali,
        )  # fmt: skip

    return build


def fc_custom_dns(name_servers: list[str]) -> Callable[[Ctx], object]:
    # docs: alicloud fc/v3function — custom_dns.name_servers: the DNS servers every name the function resolves is
    # sent to.
    def build(c: Ctx) -> object:
        return alicloud.fc.V3Function(
            "api", function_name="api", runtime="python3.10", handler="index.handler", code={"zip_file": "UEsDBAo="},
            custom_dns={"name_servers": name_servers, "searches": ["fleet.internal"],
                        "dns_options": [{"name": "ndots", "value": "2"}]}, opts=c.ali,
        )  # fmt: skip

    return build


def cr_sync_rule(region: str) -> Callable[[Ctx], object]:
    # docs: alicloud cs/registryenterprisesyncrule — images of the stack's Container Registry EE instance replicated to
    # an instance in target_region_id.
    def build(c: Ctx) -> object:
        return alicloud.cs.RegistryEnterpriseSyncRule(
            "images-dr", instance_id="cri-fleet0001", namespace_name="fleet", sync_rule_name="images-dr",
            target_instance_id="cri-fleet0002", target_namespace_name="fleet", target_region_id=region,
            tag_filter=".*", repo_name="telemetry", target_repo_name="telemetry", opts=c.ali,
        )  # fmt: skip

    return build


def arms_alert_robot(c: Ctx) -> object:
    # docs: alicloud arms/alertrobot — ARMS alerts (with the alert's labels and values) posted to a DingTalk chatbot.
    return alicloud.arms.AlertRobot(
        "oncall-robot", alert_robot_name="oncall", robot_type="dingding",
        robot_addr="https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef", daily_noc=False, opts=c.ali,
    )  # fmt: skip


def eventbridge_api_destination(c: Ctx) -> object:
    # docs: alicloud eventbridge/apidestination — events delivered to the partner's HTTP endpoint.
    connection = alicloud.eventbridge.Connection(
        "partner", connection_name="partner", network_parameters={"network_type": "PublicNetwork"}, opts=c.ali
    )
    return alicloud.eventbridge.ApiDestination(
        "orders", api_destination_name="orders", connection_name=connection.connection_name,
        http_api_parameters={"endpoint": "https://api.partner.example.com/orders", "method": "POST"}, opts=c.ali,
    )  # fmt: skip


def fc_async_failures(destination: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud fc/v3asyncinvokeconfig — failed asynchronous invocations (with their payload) sent to an MNS
    # queue: the stack's own queue, or a queue named by ARN.
    def build(c: Ctx) -> object:
        fn = alicloud.fc.V3Function(
            "ingest", function_name="ingest", runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, opts=c.ali,
        )  # fmt: skip
        arn = destination or f"acs:mns:{REGION[c.code][1]}:1234567890:/queues/ingest-failures/messages"
        return alicloud.fc.V3AsyncInvokeConfig(
            "ingest-async", function_name=fn.function_name, max_async_retry_attempts=2,
            destination_config={"on_failure": {"destination": arn}}, opts=c.ali,
        )  # fmt: skip

    return build


def fc_direct_mail(smtp_host: str) -> Callable[[Ctx], object]:
    # docs: Direct Mail "SMTP service endpoints" — the notification function sends owners' service reminders through
    # DirectMail's SMTP endpoint of the region its sender address was created in (China (Hangzhou):
    # smtpdm.aliyun.com; Singapore: smtpdm-ap-southeast-1.aliyuncs.com).
    def build(c: Ctx) -> object:
        return alicloud.fc.V3Function(
            "reminders", function_name="reminders", runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, environment_variables={
                "SMTP_HOST": smtp_host, "SMTP_PORT": "465", "MAIL_FROM": "service@mail.fleet.example.cn"},
            opts=c.ali,
        )  # fmt: skip

    return build


def function_named_after_its_partner(cloud: str, name: str, url: str) -> Callable[[Ctx], object]:
    # docs: lambda/function and alicloud fc/v3function — the function that calls the partner's intake is named after
    # it; its physical id is that name, which the partner's host happens to start with.
    def build(c: Ctx) -> object:
        if cloud == "aws":
            role = aws.iam.Role("fn-role", assume_role_policy=ROLE, opts=c.aws)
            return aws.lambda_.Function(
                "partner-fn", name=name, role=role.arn, runtime="python3.12", handler="index.handler", code=CODE,
                environment={"variables": {"PARTNER_URL": url}}, opts=c.aws,
            )  # fmt: skip
        return alicloud.fc.V3Function(
            "partner-fn", function_name=name, runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, environment_variables={"PARTNER_URL": url}, opts=c.ali,
        )  # fmt: skip

    return build


def cpfs_data_flow(bucket: str | None, region: str | None = None) -> Callable[[Ctx], object]:
    # docs: alicloud nas/dataflow and CPFS CreateDataFlow — the training fileset is loaded from the team's shared OSS
    # bucket (made by the data platform's stack, or this stack's own); "the OSS bucket must be in the same region as
    # the CPFS file system", which is the provider's (`region`: a provider of another region).
    def build(c: Ctx) -> object:
        opts = c.ali if region is None else pulumi.ResourceOptions(provider=alicloud.Provider("other", region=region))
        own = alicloud.oss.Bucket("training-data", opts=opts)
        source = own.bucket.apply(lambda name: f"oss://{bucket or name}")
        return alicloud.nas.DataFlow(
            "training", file_system_id="cpfs-0123456789abcdef", fset_id="fset-0123456789abcdef",
            source_storage=source, throughput=600, description="training-data", opts=opts,
        )  # fmt: skip

    return build


def s3_inventory_into(destination_arn: str, region: str | None = None) -> Callable[[Ctx], object]:
    # docs: s3/inventory — a weekly inventory of the stack's bucket, written to the account's central inventory
    # bucket (made by another stack): "the destination bucket must be in the same Region as the source bucket"
    # (`region`: an override of the inventory's region).
    def build(c: Ctx) -> object:
        data = aws.s3.Bucket("data", opts=c.aws)
        return aws.s3.Inventory(
            "weekly", bucket=data.id, name="weekly", included_object_versions="Current", region=region,
            schedule={"frequency": "Weekly"}, destination={"bucket": {"format": "CSV", "bucket_arn": destination_arn}},
            opts=c.aws,
        )  # fmt: skip

    return build


_EU_SEARCH = "https://vpc-a1.eu-west-1.es.amazonaws.com,https://vpc-b2.eu-west-1.es.amazonaws.com"


def msk_connect_cdc(host: str | None) -> Callable[[Ctx], object]:
    # docs: mskconnect/connector — a Debezium MySQL source connector; `database.hostname` is "IP address or hostname
    # of the MySQL database server" (the connector reads its binlog). None: the stack's own RDS instance's address.
    def build(c: Ctx) -> object:
        db = aws.rds.Instance(
            "orders-db", engine="mysql", engine_version="8.0", instance_class="db.t3.medium", allocated_storage=20,
            username="admin", manage_master_user_password=True, opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("connect", assume_role_policy=ROLE.replace("lambda", "kafkaconnect"), opts=c.aws)
        config = db.address.apply(lambda address: {
            "connector.class": "io.debezium.connector.mysql.MySqlConnector", "tasks.max": "1",
            "database.hostname": host or address, "database.port": "3306", "database.user": "debezium",
            "database.server.id": "184054", "topic.prefix": "orders", "database.include.list": "orders"})  # fmt: skip
        return aws.mskconnect.Connector(
            "orders-cdc", kafkaconnect_version="2.7.1", connector_configuration=config,
            capacity={"provisioned_capacity": {"mcu_count": 1, "worker_count": 1}},
            kafka_cluster={"apache_kafka_cluster": {
                "bootstrap_servers": "b-1.events.abc123.c2.kafka.eu-west-1.amazonaws.com:9098",
                "vpc": {"security_groups": ["sg-1"], "subnets": ["subnet-1"]}}},
            kafka_cluster_client_authentication={"authentication_type": "IAM"},
            kafka_cluster_encryption_in_transit={"encryption_type": "TLS"},
            plugins=[{"custom_plugin": {"arn": "arn:aws:kafkaconnect:eu-west-1:123456789012:custom-plugin/debezium/1",
                                        "revision": 1}}],
            service_execution_role_arn=role.arn, opts=c.aws,
        )  # fmt: skip

    return build


def msk_connect_snowflake(c: Ctx) -> object:
    # docs: Snowflake Kafka connector — `snowflake.url.name` is the account URL the sink loads every record into.
    role = aws.iam.Role("connect", assume_role_policy=ROLE.replace("lambda", "kafkaconnect"), opts=c.aws)
    return aws.mskconnect.Connector(
        "telemetry-warehouse", kafkaconnect_version="2.7.1",
        connector_configuration={
            "connector.class": "com.snowflake.kafka.connector.SnowflakeSinkConnector", "tasks.max": "1",
            "topics": "telemetry", "snowflake.url.name": "xy12345.eu-central-1.snowflakecomputing.com:443",
            "snowflake.user.name": "kafka_connector", "snowflake.database.name": "fleet",
            "snowflake.schema.name": "raw"},
        capacity={"provisioned_capacity": {"mcu_count": 1, "worker_count": 1}},
        kafka_cluster={"apache_kafka_cluster": {
            "bootstrap_servers": "b-1.events.abc123.c2.kafka.eu-central-1.amazonaws.com:9098",
            "vpc": {"security_groups": ["sg-1"], "subnets": ["subnet-1"]}}},
        kafka_cluster_client_authentication={"authentication_type": "IAM"},
        kafka_cluster_encryption_in_transit={"encryption_type": "TLS"},
        plugins=[{"custom_plugin": {"arn": "arn:aws:kafkaconnect:eu-central-1:123456789012:custom-plugin/snowflake/1",
                                    "revision": 1}}],
        service_execution_role_arn=role.arn, opts=c.aws,
    )  # fmt: skip


def rest_api_stage_backend(host: str | None) -> Callable[[Ctx], object]:
    # docs: apigateway/stage — `variables`; API Gateway's stage-variables guide: an HTTP integration URL
    # `https://${stageVariables.backend}/orders`, each stage pointing it at its own backend. None: the stack's own
    # internal NLB (through a VPC link in practice), beside the alias and version variables of other integrations.
    def build(c: Ctx) -> object:
        nlb = aws.lb.LoadBalancer(
            "orders", load_balancer_type="network", internal=True, subnets=["subnet-1"], opts=c.aws
        )
        api = aws.apigateway.RestApi("orders", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
        resource = aws.apigateway.Resource(
            "orders", rest_api=api.id, parent_id=api.root_resource_id, path_part="orders", opts=c.aws
        )
        method = aws.apigateway.Method(
            "get", rest_api=api.id, resource_id=resource.id, http_method="GET", authorization="NONE", opts=c.aws
        )
        integration = aws.apigateway.Integration(
            "backend", rest_api=api.id, resource_id=resource.id, http_method=method.http_method, type="HTTP_PROXY",
            integration_http_method="GET", uri="https://${stageVariables.backend}/orders", opts=c.aws,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "v1", rest_api=api.id, opts=pulumi.ResourceOptions(provider=c.aws_p, depends_on=[integration])
        )
        return aws.apigateway.Stage(
            "prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
            variables={"backend": host or nlb.dns_name, "lambdaAlias": "live", "version": "v2"}, opts=c.aws,
        )  # fmt: skip

    return build


def http_api_stage_backend(c: Ctx) -> object:
    # docs: apigatewayv2/stage — `stage_variables`, used by an HTTP_PROXY integration's URI.
    api = aws.apigatewayv2.Api("orders", protocol_type="HTTP", opts=c.aws)
    aws.apigatewayv2.Integration(
        "backend", api_id=api.id, integration_type="HTTP_PROXY", integration_method="ANY",
        integration_uri="https://${stageVariables.backend}/{proxy}", opts=c.aws,
    )  # fmt: skip
    return aws.apigatewayv2.Stage(
        "prod", api_id=api.id, name="prod", auto_deploy=True,
        stage_variables={"backend": "orders.partner.example.com"}, opts=c.aws,
    )  # fmt: skip


def container_logs(log_configuration: dict[str, Any], *, batch: bool = False) -> Callable[[Ctx], object]:
    # docs: ecs/taskdefinition (container_definitions JSON) and batch/jobdefinition (container_properties JSON):
    # a container's logConfiguration, with a FireLens log router beside it where the driver is awsfirelens.
    def build(c: Ctx) -> object:
        app = {"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", "essential": True,
               "logConfiguration": log_configuration}  # fmt: skip
        if batch:
            props = {
                **app,
                "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}],
            }
            return aws.batch.JobDefinition(
                "etl", name="etl", type="container", container_properties=json.dumps(props), opts=c.aws
            )
        router = {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                  "essential": True, "firelensConfiguration": {"type": "fluentbit"}}  # fmt: skip
        return aws.ecs.TaskDefinition("app", family="app", container_definitions=json.dumps([app, router]), opts=c.aws)

    return build


def cognito_social_sign_in(provider_type: str | None) -> Callable[[Ctx], object]:
    # docs: cognito/identityprovider — a user pool's social IdP (`provider_type` Google, Facebook, LoginWithAmazon,
    # SignInWithApple: client id and secret only, Cognito runs the OAuth exchange with the provider). None: the
    # company's in-country OIDC IdP, declared by the stack.
    def build(c: Ctx) -> object:
        pool = aws.cognito.UserPool("owners", auto_verified_attributes=["email"], opts=c.aws)
        if provider_type is None:
            details = {
                "client_id": "fleet-portal",
                "client_secret": "s",
                "attributes_request_method": "GET",
                "oidc_issuer": "https://login.fleet.example.eu",
                "authorize_scopes": "openid email",
            }
        else:
            details = {
                "client_id": "1234.apps.googleusercontent.com",
                "client_secret": "s",
                "authorize_scopes": "email",
            }
        return aws.cognito.IdentityProvider(
            "sign-in", user_pool_id=pool.id, provider_name=provider_type or "FleetIdP",
            provider_type=provider_type or "OIDC", provider_details=details,
            attribute_mapping={"email": "email", "username": "sub"}, opts=c.aws,
        )  # fmt: skip

    return build


def identity_pool_logins(logins: dict[str, str]) -> Callable[[Ctx], object]:
    # docs: cognito/identitypool — `supported_login_providers` keyed by public provider (graph.facebook.com ...);
    # without them the pool federates only the stack's own user pool (`cognito_identity_providers`).
    def build(c: Ctx) -> object:
        pool = aws.cognito.UserPool("owners", opts=c.aws)
        client = aws.cognito.UserPoolClient("app", user_pool_id=pool.id, opts=c.aws)
        return aws.cognito.IdentityPool(
            "app-identities", identity_pool_name="fleet_app", allow_unauthenticated_identities=False,
            cognito_identity_providers=[{"client_id": client.id, "provider_name": pool.endpoint}],
            supported_login_providers=logins or None, opts=c.aws,
        )  # fmt: skip

    return build


def knowledge_base_web_crawler(seed: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentdatasource — a WEB data source crawls from its seed URLs (inclusion/exclusion filters are
    # regular expressions over the crawled URLs, written here without a host). The crawler sends its requests, from
    # AWS, to the site: the site is contacted on the stack's behalf, like a DTS or DataSync source, so it is a
    # destination to prove or declare.
    def build(c: Ctx) -> object:
        return aws.bedrock.AgentDataSource(
            "manuals", knowledge_base_id="KB12345678", name="owner-manuals",
            data_source_configuration={"type": "WEB", "web_configuration": {
                "source_configuration": {"url_configuration": {"seed_urls": [{"url": seed}]}},
                "crawler_configuration": {"scope": "HOST_ONLY", "crawler_limits": {"rate_limit": 50},
                                          "inclusion_filters": [".*/manuals/.*"], "exclusion_filters": [".*\\.zip$"]}}},
            opts=c.aws,
        )  # fmt: skip

    return build


def private_zone_record(rtype: str, value: str) -> Callable[[Ctx], object]:
    # docs: pvtz/zonerecord — a record of a PrivateZone zone attached to the stack's VPC: clients in the VPC that
    # resolve api.fleet.internal are sent to an A record's address or a CNAME's target.
    def build(c: Ctx) -> object:
        zone = alicloud.pvtz.Zone("fleet-internal", zone_name="fleet.internal", opts=c.ali)
        alicloud.pvtz.ZoneAttachment("fleet-vpc", zone_id=zone.id, vpc_ids=["vpc-123"], opts=c.ali)
        return alicloud.pvtz.ZoneRecord("api", zone_id=zone.id, rr="api", type=rtype, value=value, ttl=60, opts=c.ali)

    return build


def dns_firewall_block_page(override: str | None) -> Callable[[Ctx], object]:
    # docs: route53/resolverfirewallrule — BLOCK with block_response OVERRIDE answers a blocked query with a CNAME to
    # block_override_domain, so the VPC's clients are sent there. None: the stack's own internal block-page ALB.
    def build(c: Ctx) -> object:
        page = aws.lb.LoadBalancer("block-page", internal=True, subnets=["subnet-1", "subnet-2"], opts=c.aws)
        domains = aws.route53.ResolverFirewallDomainList(
            "blocked", name="blocked", domains=["*.malware-c2.example.net", "phish.example.org"], opts=c.aws
        )
        group = aws.route53.ResolverFirewallRuleGroup("egress", name="egress", opts=c.aws)
        return aws.route53.ResolverFirewallRule(
            "block", name="block", action="BLOCK", block_response="OVERRIDE", block_override_dns_type="CNAME",
            block_override_domain=override or page.dns_name, block_override_ttl=60,
            firewall_domain_list_id=domains.id, firewall_rule_group_id=group.id, priority=100, opts=c.aws,
        )  # fmt: skip

    return build


def prometheus_alerting(topic_region: str) -> Callable[[Ctx], object]:
    # docs: amp/rulegroupnamespace (Prometheus alerting rules: annotations are informational, a runbook link for the
    # people paged) and amp/alertmanagerdefinition (AMP sends alerts to SNS topics only).
    def build(c: Ctx) -> object:
        workspace = aws.amp.Workspace("metrics", alias="fleet", opts=c.aws)
        rules = """groups:
  - name: fleet
    rules:
      - alert: HighErrorRate
        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05
        for: 10m
        labels:
          severity: page
        annotations:
          summary: More than 5% of requests fail
          runbook_url: https://wiki.fleet.example.eu/runbooks/high-error-rate
          dashboard: https://grafana.fleet.example.eu/d/api
"""
        aws.amp.RuleGroupNamespace("alerts", name="fleet", workspace_id=workspace.id, data=rules, opts=c.aws)
        definition = f"""alertmanager_config: |
  route:
    receiver: oncall
  receivers:
    - name: oncall
      sns_configs:
        - topic_arn: arn:aws:sns:{topic_region}:123456789012:oncall
"""
        return aws.amp.AlertManagerDefinition("alerting", workspace_id=workspace.id, definition=definition, opts=c.aws)

    return build


def msk_worker_secrets(region: str) -> Callable[[Ctx], object]:
    # docs: mskconnect/workerconfiguration — properties_file_content is connect-distributed.properties, here base64
    # encoded; the Secrets Manager config provider fetches the connectors' database passwords from its region.
    def build(c: Ctx) -> object:
        properties = "\n".join([
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter",
            "config.providers=secretManager",
            "config.providers.secretManager.class=com.github.jcustenborder.kafka.config.aws.SecretsManagerConfigProvider",
            f"config.providers.secretManager.param.aws.region={region}",
        ])  # fmt: skip
        return aws.mskconnect.WorkerConfiguration(
            "connect-workers", name="connect-workers",
            properties_file_content=base64.b64encode(properties.encode()).decode(), opts=c.aws,
        )  # fmt: skip

    return build


def ingestion_pipeline(sink_host: str, sts_region: str) -> Callable[[Ctx], object]:
    # docs: opensearchingest/pipeline — pipeline_configuration_body is the Data Prepper YAML: an HTTP source, and an
    # opensearch sink writing to `hosts` with SigV4 in `aws.region`.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("osis", assume_role_policy=ROLE.replace("lambda", "osis-pipelines"), opts=c.aws)
        body = role.arn.apply(
            lambda arn: (
                f"""version: "2"
app-logs:
  source:
    http:
      path: "/logs/ingest"
  processor:
    - date:
        from_time_received: true
        destination: "@timestamp"
  sink:
    - opensearch:
        hosts: ["{sink_host}"]
        index: "app-logs-%{{yyyy.MM.dd}}"
        aws:
          sts_role_arn: "{arn}"
          region: "{sts_region}"
"""
            )
        )
        return aws.opensearchingest.Pipeline(
            "app-logs", pipeline_name="app-logs", min_units=1, max_units=2, pipeline_configuration_body=body,
            opts=c.aws,
        )  # fmt: skip

    return build


def queue_pipe(target_region: str) -> Callable[[Ctx], object]:
    # docs: pipes/pipe — an SQS source, a Lambda enrichment and a Step Functions target (ARNs: their regions).
    def build(c: Ctx) -> object:
        role = aws.iam.Role("pipe", assume_role_policy=ROLE.replace("lambda", "pipes"), opts=c.aws)
        source = aws.sqs.Queue("orders", opts=c.aws)
        return aws.pipes.Pipe(
            "fulfilment", role_arn=role.arn, source=source.arn,
            enrichment=f"arn:aws:lambda:{REGION[c.code][0]}:123456789012:function:enrich-order",
            target=f"arn:aws:states:{target_region}:123456789012:stateMachine:fulfil-order",
            target_parameters={"step_function_state_machine_parameters": {"invocation_type": "FIRE_AND_FORGET"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def verified_access_oidc(issuer: str) -> Callable[[Ctx], object]:
    # docs: verifiedaccess/trustprovider — a user trust provider on an OIDC IdP: Verified Access redirects users to
    # the issuer's authorization endpoint and calls its token and user-info endpoints.
    def build(c: Ctx) -> object:
        return aws.verifiedaccess.TrustProvider(
            "workforce", policy_reference_name="idp", trust_provider_type="user", user_trust_provider_type="oidc",
            oidc_options={"issuer": issuer, "authorization_endpoint": f"{issuer}/oauth2/authorize",
                          "token_endpoint": f"{issuer}/oauth2/token", "user_info_endpoint": f"{issuer}/oauth2/userInfo",
                          "client_id": "va-client", "client_secret": "s", "scope": "openid email"},
            opts=c.aws,
        )  # fmt: skip

    return build


def mail_events(bus_region: str) -> Callable[[Ctx], object]:
    # docs: sesv2/configurationseteventdestination — sending events (with recipients' addresses) to an event bus.
    def build(c: Ctx) -> object:
        config = aws.sesv2.ConfigurationSet("transactional", configuration_set_name="transactional", opts=c.aws)
        return aws.sesv2.ConfigurationSetEventDestination(
            "to-bus", configuration_set_name=config.configuration_set_name, event_destination_name="to-bus",
            event_destination={"enabled": True, "matching_event_types": ["SEND", "BOUNCE", "COMPLAINT"],
                               "event_bridge_destination": {
                                   "event_bus_arn": f"arn:aws:events:{bus_region}:123456789012:event-bus/default"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def agent_action_group(server: str, function_region: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentagentactiongroup — an OpenAPI schema inline (`api_schema.payload`; its `servers` are where
    # the API is), executed by a Lambda function (`action_group_executor.lambda_`).
    def build(c: Ctx) -> object:
        schema = json.dumps({
            "openapi": "3.0.0", "info": {"title": "Service bookings", "version": "1.0.0"},
            "servers": [{"url": server}],
            "paths": {"/bookings": {"post": {"operationId": "bookService", "description": "Book a workshop slot",
                                             "responses": {"200": {"description": "Booked"}}}}},
        })  # fmt: skip
        return aws.bedrock.AgentAgentActionGroup(
            "bookings", action_group_name="bookings", agent_id="AGENT12345", agent_version="DRAFT",
            action_group_executor={"lambda_": f"arn:aws:lambda:{function_region}:123456789012:function:book"},
            api_schema={"payload": schema}, opts=c.aws,
        )  # fmt: skip

    return build


def inbound_mail_archive(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: ses/receiptrule — an S3 action stores each received message (headers and body) in `bucket_name`.
    def build(c: Ctx) -> object:
        archive = aws.s3.Bucket("inbound-mail", opts=c.aws)
        rules = aws.ses.ReceiptRuleSet("inbound", rule_set_name="inbound", opts=c.aws)
        return aws.ses.ReceiptRule(
            "store", name="store", rule_set_name=rules.rule_set_name, recipients=["support@fleet.example.eu"],
            enabled=True, scan_enabled=True, s3_actions=[{"bucket_name": bucket or archive.bucket, "position": 1}],
            opts=c.aws,
        )  # fmt: skip

    return build


def mesh_backend(hostname: str | None) -> Callable[[Ctx], object]:
    # docs: appmesh/virtualnode — DNS service discovery: the node's Envoy proxies send its traffic to `hostname`.
    # None: the stack's own internal NLB.
    def build(c: Ctx) -> object:
        nlb = aws.lb.LoadBalancer(
            "billing", load_balancer_type="network", internal=True, subnets=["subnet-1"], opts=c.aws
        )
        mesh = aws.appmesh.Mesh("fleet", spec={"egress_filter": {"type": "DROP_ALL"}}, opts=c.aws)
        return aws.appmesh.VirtualNode(
            "billing-v1", mesh_name=mesh.name,
            spec={"listeners": [{"port_mapping": {"port": 8080, "protocol": "http"}}],
                  "service_discovery": {"dns": {"hostname": hostname or nlb.dns_name}}},
            opts=c.aws,
        )  # fmt: skip

    return build


def user_pool_triggers(function_region: str) -> Callable[[Ctx], object]:
    # docs: cognito/userpool — lambda_config triggers receive each sign-up's and sign-in's user attributes.
    def build(c: Ctx) -> object:
        arn = f"arn:aws:lambda:{function_region}:123456789012:function:"
        return aws.cognito.UserPool(
            "owners", auto_verified_attributes=["email"],
            lambda_config={"pre_sign_up": arn + "screen-sign-up", "post_confirmation": arn + "welcome"}, opts=c.aws,
        )  # fmt: skip

    return build


def portal_site_monitor(cities: list[str] | None) -> Callable[[Ctx], object]:
    # docs: alicloud cms/sitemonitor — an HTTP availability check of the owner portal's API from CloudMonitor detection
    # points (city and carrier ids, as DescribeSiteMonitorISPCityList returns them); three random ones when omitted.
    def build(c: Ctx) -> object:
        isp_cities: Any = None if cities is None else [{"city": city, "isp": "465"} for city in cities]
        return alicloud.cms.SiteMonitor(
            "portal-api", task_name="portal-api", task_type="HTTP", interval="1",
            address="https://0a1b2c3d4e5f-cn-shanghai.alicloudapi.com/health", isp_cities=isp_cities, opts=c.ali,
        )  # fmt: skip

    return build


def ipa_domain(scope: str) -> Callable[[Ctx], object]:
    # docs: dcdn/ipadomain — IP Application Accelerator carries the game's TCP/UDP traffic through the DCDN edges
    # of `scope` to the origin (the stack's OSS endpoint here).
    def build(c: Ctx) -> object:
        return alicloud.dcdn.IpaDomain(
            "game", domain_name="game.fleet.example.cn", scope=scope,
            sources=[{"content": "oss-cn-shanghai.aliyuncs.com", "port": 80, "priority": "20", "type": "domain",
                      "weight": 10}],
            opts=c.ali,
        )  # fmt: skip

    return build


def dcdn_site(scope: str | None = None) -> Callable[[Ctx], object]:
    # docs: dcdn/domain — the dealer portal accelerated by DCDN (static and dynamic content) from the stack's OSS
    # bucket in its own region; `scope` omitted is AddDcdnDomain's default, `domestic` (the Chinese mainland's edges).
    def build(c: Ctx) -> object:
        bucket = alicloud.oss.Bucket("portal-files", bucket=f"fleet-portal-{c.code.lower()}", opts=c.ali)
        origin = pulumi.Output.concat(bucket.bucket, ".oss-", REGION[c.code][1], ".aliyuncs.com")
        return alicloud.dcdn.Domain(
            "portal", domain_name=f"portal.fleet.example.{c.code.lower()}", scope=scope,
            sources=[{"content": origin, "type": "oss", "port": 443, "priority": "20", "weight": "10"}], opts=c.ali,
        )  # fmt: skip

    return build


def codebuild_s3_locations(logs: str | None, source: str | None = None) -> Callable[[Ctx], object]:
    # docs: codebuild/project — logs_config.s3_logs.location is "the name of the S3 bucket and the path prefix for S3
    # logs" (`my-bucket/build-log`), a source of type S3 is `<bucket>/<key>` of the ZIP: the build's logs go to `logs`
    # (or to the stack's bucket), its source comes from `source` (or from the stack's bucket).
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("build-files", opts=c.aws)
        role = aws.iam.Role("build-role", assume_role_policy=ROLE.replace("lambda", "codebuild"), opts=c.aws)
        return aws.codebuild.Project(
            "firmware", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
            environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0",
                         "type": "LINUX_CONTAINER"},
            source={"type": "S3", "location": source or pulumi.Output.concat(own.bucket, "/src/firmware.zip")},
            logs_config={"s3_logs": {"status": "ENABLED",
                                     "location": logs or pulumi.Output.concat(own.bucket, "/build-logs")}},
            opts=c.aws,
        )  # fmt: skip

    return build


_SAML_METADATA = """<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://{idp}/saml">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://{idp}/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>"""


def _encoded_metadata(idp: str) -> str:
    return base64.b64encode(_SAML_METADATA.format(idp=idp).encode()).decode()


def ram_saml_provider(idp: str) -> Callable[[Ctx], object]:
    # docs: ram/samlprovider — the IdP's metadata, base64-encoded (`encodedsaml_metadata_document`): RAM users sign
    # in at its SingleSignOnService and RAM accepts the identities its assertions carry.
    def build(c: Ctx) -> object:
        return alicloud.ram.SamlProvider(
            "corp-idp", saml_provider_name="corp-idp", encodedsaml_metadata_document=_encoded_metadata(idp),
            opts=c.ali,
        )  # fmt: skip

    return build


def inline_website_redirect(target: str) -> Callable[[Ctx], object]:
    # docs: s3/bucket website (deprecated inline form) — the retired `ingest` upload page's bucket redirects every
    # reader to `target` ("Hostname can optionally be prefixed with a protocol").
    def build(c: Ctx) -> object:
        return aws.s3.Bucket("ingest", bucket="ingest", website={"redirect_all_requests_to": target}, opts=c.aws)

    return build


def kms_instance_endpoint(own: bool) -> Callable[[Ctx], object]:
    # docs: alicloud kms/instance and the KMS SDK guide — an application reads its secrets through the KMS instance's
    # dedicated gateway, <KMS instance id>.cryptoservice.kms.aliyuncs.com (the stack's own instance, or an id typed in).
    def build(c: Ctx) -> object:
        instance = alicloud.kms.Instance(
            "secrets", product_version="3", vpc_id="vpc-123", zone_ids=["cn-shanghai-l", "cn-shanghai-m"],
            vswitch_ids=["vsw-123"], vpc_num=1, key_num=1000, secret_num=100, spec=1000, opts=c.ali,
        )  # fmt: skip
        kst = instance.id if own else pulumi.Output.from_input("kst-shh65f176a0ogplgq1a2b")
        script = kst.apply(
            lambda i: f"#!/bin/sh\necho KMS_ENDPOINT=https://{i}.cryptoservice.kms.aliyuncs.com >> /etc/app.env\n"
        )
        return alicloud.ecs.Instance(
            "vm", instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            vswitch_id="vsw-123", security_groups=["sg-123"], user_data=script, opts=c.ali,
        )  # fmt: skip

    return build


def cloudsso_directory(idp: str) -> Callable[[Ctx], object]:
    # docs: cloudsso/directory — CloudSSO users sign in at the external SAML IdP whose metadata is given.
    def build(c: Ctx) -> object:
        return alicloud.cloudsso.Directory(
            "sso", directory_name="fleet",
            saml_identity_provider_configuration={"encoded_metadata_document": _encoded_metadata(idp),
                                                  "sso_status": "Enabled"},
            opts=c.ali,
        )  # fmt: skip

    return build


def efs_one_zone_replica(zone: str) -> Callable[[Ctx], object]:
    # docs: efs/replicationconfiguration — destination.availability_zone_name: "If specified, the replica will be
    # created with One Zone storage" in that zone (and so in its region).
    def build(c: Ctx) -> object:
        fs = aws.efs.FileSystem("telemetry", encrypted=True, opts=c.aws)
        return aws.efs.ReplicationConfiguration(
            "telemetry-replica", source_file_system_id=fs.id, destination={"availability_zone_name": zone}, opts=c.aws
        )

    return build


def mongos_in_user_data(own: bool) -> Callable[[Ctx], object]:
    # docs: alicloud mongodb/shardinginstance — the application connects to the sharded cluster's mongos nodes
    # (mongo_lists[].connect_string, s-<id>.mongodb.rds.aliyuncs.com: the instance's, with no region in the host).
    def build(c: Ctx) -> object:
        cluster = alicloud.mongodb.ShardingInstance(
            "telemetry", engine_version="6.0", zone_id="cn-shanghai-l", vswitch_id="vsw-123",
            mongo_lists=[{"node_class": "mdb.shard.2x.xlarge.d"}, {"node_class": "mdb.shard.2x.xlarge.d"}],
            shard_lists=[{"node_class": "mdb.shard.4x.large.d", "node_storage": 40}] * 2, opts=c.ali,
        )  # fmt: skip
        host = (
            cluster.mongo_lists.apply(lambda nodes: nodes[0].connect_string or "")
            if own
            else pulumi.Output.from_input("s-uf6e4d1a2b3c4d54.mongodb.rds.aliyuncs.com")
        )
        script = host.apply(lambda h: f"#!/bin/sh\necho MONGO_URI=mongodb://{h}:3717/telemetry >> /etc/app.env\n")
        return alicloud.ecs.Instance(
            "vm", instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            vswitch_id="vsw-123", security_groups=["sg-123"], user_data=script, opts=c.ali,
        )  # fmt: skip

    return build


def dbs_backup_plan(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: dbs/backupplan — the plan writes the RDS instance's backup sets into `oss_bucket_name`.
    # None: the stack's own bucket.
    def build(c: Ctx) -> object:
        own = alicloud.oss.Bucket("db-backups", bucket="fleet-db-backups", opts=c.ali)
        return alicloud.dbs.BackupPlan(
            "orders-backup", backup_plan_name="orders", payment_type="PayAsYouGo", instance_class="large",
            backup_method="logical", database_type="MySQL", source_endpoint_instance_type="RDS",
            source_endpoint_region="cn-shanghai", source_endpoint_instance_id="rm-uf6wjk5xxxxxxx",
            backup_storage_type="oss", oss_bucket_name=bucket or own.bucket, backup_period="Monday",
            backup_start_time="14:22", backup_retention_period=730, opts=c.ali,
        )  # fmt: skip

    return build


def smb_gateway_domain(controllers: list[str]) -> Callable[[Ctx], object]:
    # docs: storagegateway/gateway — an S3 File Gateway joined to the plant's Active Directory: domain_controllers are
    # the "IPv4 addresses, NetBIOS names, or host names of your domain server" it authenticates SMB users with.
    def build(c: Ctx) -> object:
        return aws.storagegateway.Gateway(
            "plant-files", gateway_ip_address="10.20.0.7", gateway_name="plant-files", gateway_timezone="GMT+1:00",
            gateway_type="FILE_S3",
            smb_active_directory_settings={"domain_name": "plant.fleet.example.eu", "username": "svc-gateway",
                                           "password": "not-a-real-password", "domain_controllers": controllers},
            opts=c.aws,
        )  # fmt: skip

    return build


def bastion_host(address_type: str, address: str) -> Callable[[Ctx], object]:
    # docs: bastionhost/host — a self-managed (Local) host the bastion opens its operators' sessions to.
    def build(c: Ctx) -> object:
        kwargs = {"host_public_address" if address_type == "Public" else "host_private_address": address}
        return alicloud.bastionhost.Host(
            "db-host", instance_id="bastionhost-cn-abc123", host_name="orders-db-1", os_type="Linux",
            source="Local", active_address_type=address_type, opts=c.ali, **kwargs,
        )  # fmt: skip

    return build


def alb_central_logs(region: str | None) -> Callable[[Ctx], object]:
    # docs: lb/loadbalancer — access and health check logs into the account's central log bucket, made by the logging
    # stack: "The bucket must be located in the same Region as the load balancer" (ELB user guide), so the load
    # balancer's region (its provider's, or `region`) is where the logs are.
    def build(c: Ctx) -> object:
        return aws.lb.LoadBalancer(
            "portal", load_balancer_type="application", subnets=["subnet-1", "subnet-2"], region=region,
            access_logs={"bucket": "acme-central-elb-logs", "prefix": "portal", "enabled": True},
            health_check_logs={"bucket": "acme-central-elb-logs", "prefix": "portal-health", "enabled": True},
            opts=c.aws,
        )  # fmt: skip

    return build


def pipeline_source_connection(provider: str | None) -> Callable[[Ctx], object]:
    # docs: codestarconnections/connection, codestarconnections/host, codepipeline/pipeline — a pipeline whose source
    # action names the repository only by its id and a connection: one of a cloud provider type (GitHub.com), or one
    # through a Host of the installed type, GitHub Enterprise Server on the plant network.
    def build(c: Ctx) -> object:
        if provider is not None:
            connection = aws.codestarconnections.Connection(
                "source", name="firmware", provider_type=provider, opts=c.aws
            )
        else:
            host = aws.codestarconnections.Host(
                "ghe", name="plant-ghe", provider_endpoint="https://10.20.0.30", provider_type="GitHubEnterpriseServer",
                opts=c.aws,
            )  # fmt: skip
            connection = aws.codestarconnections.Connection("source", name="firmware", host_arn=host.arn, opts=c.aws)
        store = aws.s3.Bucket("pipeline-artifacts", opts=c.aws)
        role = aws.iam.Role("pipeline", assume_role_policy=ROLE.replace("lambda", "codepipeline"), opts=c.aws)
        return aws.codepipeline.Pipeline(
            "firmware", role_arn=role.arn, artifact_stores=[{"location": store.bucket, "type": "S3"}],
            stages=[
                {"name": "Source", "actions": [{
                    "name": "Source", "category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection",
                    "version": "1", "output_artifacts": ["source"],
                    "configuration": {"ConnectionArn": connection.arn, "FullRepositoryId": "acme/firmware",
                                      "BranchName": "main"}}]},
                {"name": "Build", "actions": [{
                    "name": "Build", "category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1",
                    "input_artifacts": ["source"], "configuration": {"ProjectName": "firmware"}}]},
            ],
            opts=c.aws,
        )  # fmt: skip

    return build


def ackone_membership(fleet: str | None) -> Callable[[Ctx], object]:
    # docs: ackone/membershipattachment — the stack's ACK cluster joins an ACK One Fleet instance, which reaches its
    # API server and distributes applications to it. None: a fleet this stack creates.
    def build(c: Ctx) -> object:
        apps = alicloud.cs.ManagedKubernetes("apps", vswitch_ids=["vsw-1"], opts=c.ali)
        if fleet is None:
            hub = alicloud.ackone.Cluster("fleet", network={"vpc_id": "vpc-1", "vswitches": ["vsw-1"]}, opts=c.ali)
            return alicloud.ackone.MembershipAttachment(
                "apps-member", cluster_id=hub.id, sub_cluster_id=apps.id, opts=c.ali
            )
        return alicloud.ackone.MembershipAttachment("apps-member", cluster_id=fleet, sub_cluster_id=apps.id, opts=c.ali)

    return build


def alidns_record(value: str | None) -> Callable[[Ctx], object]:
    # docs: dns/alidnsrecord — the current Alibaba Cloud DNS record resource (dns.Record is deprecated): resolvers
    # send www.fleet.example.cn's visitors to the CNAME target. None: the stack's own ALB.
    def build(c: Ctx) -> object:
        alb = alicloud.alb.LoadBalancer(
            "web",
            load_balancer_name="web",
            load_balancer_edition="Standard",
            address_type="Internet",
            vpc_id="vpc-1",
            load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=[
                {"vswitch_id": "vsw-1", "zone_id": "cn-shanghai-b"},
                {"vswitch_id": "vsw-2", "zone_id": "cn-shanghai-g"},
            ],
            opts=c.ali,
        )
        return alicloud.dns.AlidnsRecord(
            "www", domain_name="fleet.example.cn", rr="www", type="CNAME", value=value or alb.dns_name, opts=c.ali
        )  # fmt: skip

    return build


def sls_export_sink(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: sls/ossexportsink — the new-version OSS export job writes the logstore's logs into
    # configuration.sink.bucket through the in-region internal endpoint. None: the stack's own bucket.
    def build(c: Ctx) -> object:
        own = alicloud.oss.Bucket("log-archive", bucket="fleet-log-archive", opts=c.ali)
        role = "acs:ram::1234567890123456:role/aliyunlogdefaultrole"
        sink: alicloud.sls.OssExportSinkConfigurationSinkArgsDict = {
            "bucket": bucket or own.bucket,
            "endpoint": "https://oss-cn-shanghai-internal.aliyuncs.com",
            "role_arn": role,
            "prefix": "app",
            "suffix": ".json",
            "time_zone": "+0800",
            "content_type": "json",
            "compression_type": "snappy",
            "content_detail": json.dumps({"enableTag": False}),
            "buffer_interval": "300",
            "buffer_size": "256",
            "path_format": "%Y/%m/%d/%H/%M",
            "path_format_type": "time",
        }
        return alicloud.sls.OssExportSink(
            "archive", project="fleet-logs", job_name="archive-app", display_name="archive-app",
            configuration={"logstore": "app", "role_arn": role, "from_time": 1732165733, "to_time": 0, "sink": sink},
            opts=c.ali,
        )  # fmt: skip

    return build


def esa_log_delivery(data_center: str, bucket: str | None = "") -> Callable[[Ctx], object]:
    # docs: esa/sitedeliverytask — the site's real-time access logs, collected in `data_center`, delivered to the
    # stack's SLS project (bucket ""), or to an OSS bucket (None: the stack's own).
    def build(c: Ctx) -> object:
        site = alicloud.esa.Site(
            "site", site_name="fleet.example.cn", instance_id="esa-site-1", coverage="domestic", access_type="NS",
            opts=c.ali,
        )  # fmt: skip
        own = alicloud.oss.Bucket("esa-logs", bucket="fleet-esa-logs", opts=c.ali)
        delivery: dict[str, Any] = (
            {"sls_delivery": {"sls_project": "fleet-esa-logs", "sls_log_store": "access", "sls_region": "cn-shanghai"}}
            if bucket == ""
            else {"oss_delivery": {"bucket_name": bucket or own.bucket, "region": "cn-shanghai", "prefix_path": "esa/",
                                   "aliuid": "1234567890"}}
        )  # fmt: skip
        return alicloud.esa.SiteDeliveryTask(
            "access-logs", site_id=site.id, task_name="access-logs", business_type="dcdn_log_access_l1",
            data_center=data_center, delivery_type="sls" if bucket == "" else "oss",
            field_name="ClientIP,ClientRequestHost,ClientRequestPath,ClientRequestUserAgent", opts=c.ali, **delivery,
        )  # fmt: skip

    return build


def ecr_vpc_association(ecr: str | None) -> Callable[[Ctx], object]:
    # docs: expressconnect/routervpcassociation — the stack's VPC joins an Express Connect Router, which links it with
    # the data centres (VBRs) and transit routers of every region the ECR reaches. None: an ECR this stack creates.
    def build(c: Ctx) -> object:
        vpc = alicloud.vpc.Network("fleet", vpc_name="fleet", cidr_block="10.20.0.0/16", opts=c.ali)
        if ecr is None:
            own = alicloud.expressconnect.RouterExpressConnectRouter(
                "ecr", ecr_name="fleet", alibaba_side_asn=65533, opts=c.ali
            )
        return alicloud.expressconnect.RouterVpcAssociation(
            "fleet-ecr", ecr_id=ecr or own.id, vpc_id=vpc.id, association_region_id="cn-shanghai",
            allowed_prefixes=["10.20.0.0/16"], opts=c.ali,
        )  # fmt: skip

    return build


def sag_flow_log(collector: str) -> Callable[[Ctx], object]:
    # docs: sag/smartagflowlog — a branch's Smart Access Gateway flow records exported to a NetFlow collector.
    def build(c: Ctx) -> object:
        return alicloud.sag.SmartagFlowLog(
            "branch-flows", flow_log_name="branch-flows", output_type="netflow", netflow_server_ip=collector,
            netflow_server_port=9995, netflow_version="V9", active_aging=300, inactive_aging=15, opts=c.ali,
        )  # fmt: skip

    return build


def esa_origin_rule(origin: str) -> Callable[[Ctx], object]:
    # docs: esa/originrule — requests for api.fleet.example.cn are sent to the origin `dns_record` names.
    def build(c: Ctx) -> object:
        site = alicloud.esa.Site(
            "site", site_name="fleet.example.cn", instance_id="esa-site-1", coverage="domestic", access_type="NS",
            opts=c.ali,
        )  # fmt: skip
        return alicloud.esa.OriginRule(
            "api-origin", site_id=site.id, rule_name="api", rule='(http.host eq "api.fleet.example.cn")',
            rule_enable="on", origin_scheme="https", dns_record=origin, opts=c.ali,
        )  # fmt: skip

    return build


def bedrock_agent(model: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentagent — foundation_model is a model id or an inference profile id ("jp.anthropic...").
    def build(c: Ctx) -> object:
        role = aws.iam.Role("agent-role", assume_role_policy=ROLE.replace("lambda", "bedrock"), opts=c.aws)
        return aws.bedrock.AgentAgent(
            "assistant", agent_name="owner-assistant", agent_resource_role_arn=role.arn, foundation_model=model,
            instruction="Answer vehicle owners' questions about their service history.", opts=c.aws,
        )  # fmt: skip

    return build


def ecs_command_redis_backup(cache_host: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud ecs/command — command_content is the base64 script Cloud Assistant runs; redis-cli -h <hostname>
    # (https://redis.io/docs/latest/develop/tools/cli/) dumps an RDB copy of a cache; None: the stack's own Tair
    # (Redis) instance, by its connection_domain output.
    def build(c: Ctx) -> object:
        if cache_host is None:
            cache = alicloud.kvstore.Instance(
                "sessions", db_instance_name="sessions", instance_class="redis.master.small.default",
                engine_version="7.0", vswitch_id="vsw-1", opts=c.ali,
            )  # fmt: skip
            host: object = cache.connection_domain
        else:
            host = cache_host
        script = pulumi.Output.from_input(host).apply(
            lambda h: f"#!/bin/sh\nredis-cli -h {h} -p 6379 --rdb /backup/sessions.rdb && gzip /backup/sessions.rdb\n"
        )
        return alicloud.ecs.Command(
            "cache-backup", name="cache-backup", type="RunShellScript", timeout=600,
            command_content=script.apply(lambda text: base64.b64encode(text.encode()).decode()), opts=c.ali,
        )  # fmt: skip

    return build


def gtm_health_check(template: bool, codes: list[str]) -> Callable[[Ctx], object]:
    # docs: alicloud dns/monitorconfig and alidnscloudgtm/monitortemplate — an HTTP health check of the fleet API's GTM
    # address pool (created by the DNS team: its id), or a GTM 3.0 template, probing from the listed monitoring nodes.
    def build(c: Ctx) -> object:
        nodes: Any = [{"city_code": code, "isp_code": "465"} for code in codes]
        if template:
            return alicloud.alidnscloudgtm.MonitorTemplate(
                "fleet-api-http", name="fleet-api-http", protocol="http", ip_version="IPv4", interval="60",
                timeout="2000", evaluation_count=2, failure_rate=50,
                extend_info=json.dumps({"code": 500, "followRedirect": True, "path": "/healthz"}), isp_city_nodes=nodes,
                opts=c.ali,
            )  # fmt: skip
        return alicloud.dns.MonitorConfig(
            "fleet-api-pool", addr_pool_id="pool-fleet-api-01", evaluation_count=1, interval=60, timeout=5000,
            protocol_type="TCP", monitor_extend_info=json.dumps({"failureRate": 50, "port": 443}),
            isp_city_nodes=nodes, opts=c.ali,
        )  # fmt: skip

    return build


def dynamodb_global_table(replica_region: str) -> Callable[[Ctx], object]:
    # docs: dynamodb/table — a global table (version 2019.11.21) with a replica in a second region.
    def build(c: Ctx) -> object:
        return aws.dynamodb.Table(
            "sessions", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
            stream_enabled=True, stream_view_type="NEW_AND_OLD_IMAGES", replicas=[{"region_name": replica_region}],
            opts=c.aws,
        )  # fmt: skip

    return build


def efs_replica_existing(destination: str | None) -> Callable[[Ctx], object]:
    # docs: efs/replicationconfiguration, EFS "Replicating to an existing file system" — the telemetry file system
    # replicates into an existing one whose replication overwrite protection is off, named by its id only (no region);
    # None: the destination this stack creates beside the source.
    def build(c: Ctx) -> object:
        fs = aws.efs.FileSystem("telemetry", encrypted=True, opts=c.aws)
        if destination is None:
            target = aws.efs.FileSystem(
                "telemetry-dr", encrypted=True, protection={"replication_overwrite": "DISABLED"}, opts=c.aws
            )
        return aws.efs.ReplicationConfiguration(
            "telemetry-replica", source_file_system_id=fs.id,
            destination={"file_system_id": destination or target.id}, opts=c.aws,
        )  # fmt: skip

    return build


def amp_scraper(workspace_arn: str | None) -> Callable[[Ctx], object]:
    # docs: amp/scraper, AMP "Using an AWS managed collector" — a managed collector scrapes the gateway exporters the
    # partner runs (static targets, reached through the collector's ENIs in the cluster's subnets) and remote-writes
    # the metrics to a workspace: this stack's (None) or the one named by ARN.
    def build(c: Ctx) -> object:
        if workspace_arn is None:
            own = aws.amp.Workspace("fleet-metrics", alias="fleet-metrics", opts=c.aws)
        config = (
            "global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: partner-gateway\n"
            "    static_configs:\n      - targets: ['gw1.partner.example.com:9100', 'gw2.partner.example.com:9100']\n"
        )
        return aws.amp.Scraper(
            "fleet-scraper", alias="fleet", scrape_configuration=config,
            source={"eks": {"cluster_arn": f"arn:aws:eks:{REGION[c.code][0]}:111122223333:cluster/fleet",
                            "subnet_ids": ["subnet-0a1b2c3d", "subnet-1b2c3d4e"]}},
            destination={"amp": {"workspace_arn": workspace_arn or own.arn}}, opts=c.aws,
        )  # fmt: skip

    return build


def lb_logs_to_central_bucket(classic: bool, region: str | None = None) -> Callable[[Ctx], object]:
    # docs: lb/loadbalancer connection_logs, elb/loadbalancer access_logs — the platform's load balancers write their
    # logs to the security account's central log bucket (not this stack's: ELB requires it in the load balancer's
    # region, and it may be another account's). `region`: a load balancer placed in another region by override.
    def build(c: Ctx) -> object:
        where: dict[str, Any] = {} if region is None else {"region": region}
        if classic:
            return aws.elb.LoadBalancer(
                "legacy-api", subnets=["subnet-1", "subnet-2"],
                listeners=[{"instance_port": 8080, "instance_protocol": "http", "lb_port": 80, "lb_protocol": "http"}],
                access_logs={"bucket": "sec-central-elb-logs", "bucket_prefix": "legacy-api", "interval": 60},
                opts=c.aws, **where,
            )  # fmt: skip
        return aws.lb.LoadBalancer(
            "owners-api", load_balancer_type="application", subnets=["subnet-1", "subnet-2"],
            connection_logs={"bucket": "sec-central-elb-logs", "prefix": "owners-api", "enabled": True},
            opts=c.aws, **where,
        )  # fmt: skip

    return build


# DirectMail's MX for replies and bounces (China (Hangzhou)): no region in the name, declared by the owner-data team.
_DIRECTMAIL_MX = {"id": "directmail-mx", "kind": "resident", "match": "mxdm.aliyun.com",
                  "evidence": "Direct Mail China (Hangzhou) console, Email Domains > Configure"}  # fmt: skip
_OWNER_PORTAL_EU = {"id": "owner-portal", "kind": "resident", "match": "owners.fleet.example.eu",
                    "evidence": "owner portal on the stack's ALB in the home region, ticket OPS-311"}  # fmt: skip
_GIT_DE = {"id": "git-de", "kind": "resident", "match": "git.fleet.example.de",
           "evidence": "self-managed GitLab in the Frankfurt colocation, contract GL-7"}  # fmt: skip


def codebuild_source_credential(server_type: str, location: str | None) -> Callable[[Ctx], object]:
    # docs: codebuild/sourcecredential, codebuild/project — the account's token for its source provider (imported once
    # by the platform stack: `location` None), or with the project that pulls from it (a self-managed GitLab).
    def build(c: Ctx) -> object:
        credential = aws.codebuild.SourceCredential(
            "git-token",
            auth_type="PERSONAL_ACCESS_TOKEN",
            server_type=server_type,
            token="glpat-0123456789",
            opts=c.aws,
        )
        if location is None:
            return credential
        role = aws.iam.Role("build-role", assume_role_policy=ROLE.replace("lambda", "codebuild"), opts=c.aws)
        return aws.codebuild.Project(
            "firmware", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
            environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0",
                         "type": "LINUX_CONTAINER"},
            source={"type": "GITLAB_SELF_MANAGED", "location": location},
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[credential])),
        )  # fmt: skip

    return build


def ack_node_pool_resolver(nameserver: str) -> Callable[[Ctx], object]:
    # docs: alicloud cs/nodepool — pre_user_data: "Node pre custom data, base64-encoded, the script executed before the
    # node is initialized"; resolv.conf(5) nameserver: every name the node looks up is sent there.
    def build(c: Ctx) -> object:
        script = (
            f"#!/bin/sh\necho 'nameserver {nameserver}' > /etc/resolv.conf\n"
            "echo 'options timeout:2' >> /etc/resolv.conf\n"
        )
        return alicloud.cs.NodePool(
            "workers", cluster_id="c-fleet01", node_pool_name="workers", vswitch_ids=["vsw-123"],
            instance_types=["ecs.g7.large"], desired_size="2",
            pre_user_data=base64.b64encode(script.encode()).decode(), opts=c.ali,
        )  # fmt: skip

    return build


def apprunner_source(github: bool) -> Callable[[Ctx], object]:
    # docs: apprunner/connection, apprunner/service — the platform stack's connection to the company's GitHub.com
    # organisation (services in other stacks deploy through it), or the owners API deployed from the stack's own ECR
    # image.
    def build(c: Ctx) -> object:
        if github:
            return aws.apprunner.Connection(
                "github", connection_name="fleet-github", provider_type="GITHUB", opts=c.aws
            )
        repo = aws.ecr.Repository("owners-api", opts=c.aws)
        source: Any = {"image_repository": {"image_identifier": repo.repository_url.apply(lambda u: f"{u}:1.4.2"),
                                       "image_repository_type": "ECR"}}  # fmt: skip
        return aws.apprunner.Service("owners-api", service_name="owners-api", source_configuration=source, opts=c.aws)

    return build


def datazone_blueprint(extra_region: str | None) -> Callable[[Ctx], object]:
    # docs: datazone/environmentblueprintconfiguration — the DefaultDataLake blueprint enabled in the stack's region,
    # its environments' data lake in the stack's own bucket; `extra_region`: a second region's parameters given too.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        lake = aws.s3.Bucket("datazone-lake", opts=c.aws)
        regional: Any = {region: {"S3Location": lake.bucket.apply(lambda b: f"s3://{b}")}}
        if extra_region is not None:
            regional[extra_region] = {"VpcId": "vpc-0a1b2c3d4e5f", "Subnets": "subnet-0a1b,subnet-1c2d"}
        return aws.datazone.EnvironmentBlueprintConfiguration(
            "data-lake", domain_id="dzd_4kq7c3x9w2b1", environment_blueprint_id="d6y5k3ycwdqx9o",
            enabled_regions=[region], regional_parameters=regional, opts=c.aws,
        )  # fmt: skip

    return build


def secret_replica(region: str) -> Callable[[Ctx], object]:
    # docs: secretsmanager/secret — `replicas` copies the secret (the owner portal's database credentials) to a region.
    def build(c: Ctx) -> object:
        return aws.secretsmanager.Secret("portal-db", name="portal/db", replicas=[{"region": region}], opts=c.aws)

    return build


def chime_voice_connector(region: str) -> Callable[[Ctx], object]:
    # docs: chime/voiceconnector — aws_region is where the connector (and the calls it carries) is hosted.
    def build(c: Ctx) -> object:
        return aws.chime.VoiceConnector("care-line", name="care-line", require_encryption=True, aws_region=region,
                                        opts=c.aws)  # fmt: skip

    return build


def sagemaker_lifecycle_push(registry: str) -> Callable[[Ctx], object]:
    # docs: aws sagemaker/notebookinstancelifecycleconfiguration — on_start: "A shell script (base64-encoded) that runs
    # every time the SageMaker AI Notebook Instance is started"; docker login [SERVER] sends credentials there and
    # docker push NAME sends the image to NAME's registry (https://docs.docker.com/reference/cli/docker/login/,
    # https://docs.docker.com/reference/cli/docker/image/push/).
    def build(c: Ctx) -> object:
        script = (
            "#!/bin/bash\nset -e\n"
            f"docker login --username ci --password-stdin {registry} < /home/ec2-user/.registry-token\n"
            f"docker tag infer:latest {registry}/ml/infer:nightly && docker push {registry}/ml/infer:nightly\n"
        )
        return aws.sagemaker.NotebookInstanceLifecycleConfiguration(
            "nightly-image", name="nightly-image", on_start=base64.b64encode(script.encode()).decode(), opts=c.aws
        )

    return build


def gateway_inference_target(connector: str | None) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcoregatewaytarget, AgentCore "Inference connector targets" — a gateway (no protocol type: HTTP
    # and inference targets) fronts the workshop assistant's LLM calls. With `connector` the target is a built-in
    # inference connector (`openai`: OpenAI's public API, called with the key AgentCore Identity holds); None: a
    # provider target on Bedrock's OpenAI-compatible endpoint in the stack's region, signed with the gateway's role.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        role = aws.iam.Role("gateway", assume_role_policy=ROLE.replace("lambda", "bedrock-agentcore"), opts=c.aws)
        gateway = aws.bedrock.AgentcoreGateway(
            "llm-gateway", name="llm-gateway", role_arn=role.arn, authorizer_type="AWS_IAM", opts=c.aws
        )
        if connector is not None:  # Any: plain dicts are no SDK input TypedDicts for mypy
            target: Any = {"inference": {"connector": {"source": {"connector_id": connector}}}}
            credentials: Any = {"api_key": {
                "provider_arn": _AGENTCORE_KEY.replace("eu-west-1", region), "credential_location": "HEADER",
                "credential_parameter_name": "Authorization", "credential_prefix": "Bearer"}}  # fmt: skip
        else:
            target = {"inference": {"provider": {
                "endpoint": f"https://bedrock-runtime.{region}.amazonaws.com/openai/v1",
                "operations": [{"path": "/v1/chat/completions"}]}}}  # fmt: skip
            credentials = {"gateway_iam_role": {"service": "bedrock", "region": region}}
        return aws.bedrock.AgentcoreGatewayTarget(
            "assistant-llm", gateway_identifier=gateway.gateway_id, name="assistant-llm", target_configuration=target,
            credential_provider_configuration=credentials, opts=c.aws,
        )  # fmt: skip

    return build


def efs_replica_new(region: str | None) -> Callable[[Ctx], object]:
    # docs: efs/replicationconfiguration, EFS API DestinationToCreate — the telemetry file system replicates to a new
    # file system EFS creates ("If no ID is provided, then EFS creates a new file system with the default settings"),
    # in `region`; None: the destination gives only its KMS key, leaving the region to EFS.
    def build(c: Ctx) -> object:
        fs = aws.efs.FileSystem("telemetry", encrypted=True, opts=c.aws)
        # Any: a dict[str, str] is no ReplicationConfigurationDestinationArgsDict for mypy.
        destination: Any = {"kms_key_id": "alias/aws/elasticfilesystem"} if region is None else {"region": region}
        return aws.efs.ReplicationConfiguration(
            "telemetry-replica", source_file_system_id=fs.id, destination=destination, opts=c.aws
        )

    return build


def secure_browser_policy(policies: Mapping[str, Any]) -> Callable[[Ctx], object]:
    # docs: workspacesweb/browsersettings, WorkSpaces Secure Browser BrowserSettings — browser_policy is "A JSON string
    # containing Chrome Enterprise policies that will be applied to all streaming sessions" (Chrome's URLBlocklist /
    # URLAllowlist URL filters, its home page).
    def build(c: Ctx) -> object:
        return aws.workspacesweb.BrowserSettings(
            "workshop-browser", browser_policy=json.dumps({"chromePolicies": dict(policies)}), opts=c.aws
        )

    return build


def arms_synthetic_api_check(c: Ctx) -> object:
    # docs: alicloud arms/synthetictask — an HTTP synthetic check of the owner portal's API every five minutes from one
    # monitoring point (city, carrier and client type codes as GetSyntheticMonitors lists them: the docs' example
    # point). The synthetic-monitoring API is served only in China (Hangzhou), hence the task's provider.
    return _arms_synthetic_task(None)


def arms_synthetic_custom_host(c: Ctx) -> object:
    # docs: alicloud arms/synthetictask — the same check with a custom host binding the API's domain to an address of
    # the partner's test rig (common_setting.custom_host, as in the provider's test), so the probes go there.
    return _arms_synthetic_task("203.0.113.5")


def _arms_synthetic_task(custom_ip: str | None) -> object:
    hangzhou = pulumi.ResourceOptions(provider=alicloud.Provider("ali-hangzhou", region="cn-hangzhou"))
    common: Any = None
    if custom_ip is not None:
        common = {
            "ip_type": 0,
            "custom_host": {
                "select_type": 0,
                "hosts": [{"domain": "0a1b2c3d4e5f-cn-shanghai.alicloudapi.com", "ips": [custom_ip], "ip_type": 0}],
            },
        }
    return alicloud.arms.SyntheticTask(
        "portal-api", synthetic_task_name="portal-api", task_type=4, frequency="5m", monitor_category=1,
        monitors=[{"city_code": "1200101", "operator_code": "246", "client_type": 4}],
        monitor_conf={"api_http": {"target_url": "https://0a1b2c3d4e5f-cn-shanghai.alicloudapi.com/health",
                                   "method": "GET", "timeout": 10000, "connect_timeout": 5000}},
        available_assertions=[{"type": "HttpStatusCode", "operator": "eq", "expect": "200"}],
        common_setting=common, status="RUNNING", opts=hangzhou,
    )  # fmt: skip


_ARMS_POINTS = {"id": "arms-points", "kind": "resident", "match": "alicloud-arms-synthetic-monitor-points",
                "evidence": "GetSyntheticMonitors: city 1200101 is in mainland China (IDC), ticket OPS-41"}  # fmt: skip


def cloudsso_accelerated_url(status: str) -> Callable[[Ctx], object]:
    # docs: cloudsso/directory — the directory in China (Shanghai) with its accelerated URL (global access) `status`.
    def build(c: Ctx) -> object:
        return alicloud.cloudsso.Directory(
            "sso", directory_name="fleet-sso", directory_global_access_status=status,
            mfa_authentication_status="Enabled", opts=c.ali,
        )  # fmt: skip

    return build


def hbr_oss_restore(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: hbr/restorejob — restores an OSS backup snapshot of the orders archive from the stack's vault into
    # `target_bucket`; None: the stack's own restore bucket.
    def build(c: Ctx) -> object:
        own = alicloud.oss.Bucket("restore", bucket="fleet-orders-restore", opts=c.ali)
        vault = alicloud.hbr.Vault("backups", vault_name="fleet-backups", opts=c.ali)
        return alicloud.hbr.RestoreJob(
            "orders-restore", restore_type="OSS", source_type="OSS", vault_id=vault.id,
            snapshot_id="s-0001a2b3c4d5e6f7", snapshot_hash="f2fe6a1b3c", target_bucket=bucket or own.bucket,
            target_prefix="orders/restored/", opts=c.ali,
        )  # fmt: skip

    return build


def oos_execution_records(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: oos/servicesetting — OOS delivers every execution record to `bucket` (None: the stack's own audit bucket)
    # and to the stack's SLS project.
    def build(c: Ctx) -> object:
        own = alicloud.oss.Bucket("oos-records", bucket="fleet-oos-records", opts=c.ali)
        project = alicloud.log.Project("ops-audit", project_name="fleet-ops-audit", opts=c.ali)
        return alicloud.oos.ServiceSetting(
            "oos", delivery_oss_enabled=True, delivery_oss_bucket_name=bucket or own.bucket,
            delivery_oss_key_prefix="oos/", delivery_sls_enabled=True, delivery_sls_project_name=project.project_name,
            opts=c.ali,
        )  # fmt: skip

    return build


def acr_custom_bucket(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: cr/registryenterpriseinstance — an Advanced registry storing its images in a custom OSS bucket (None: the
    # stack's own) instead of the default one.
    def build(c: Ctx) -> object:
        own = alicloud.oss.Bucket("registry-storage", bucket="fleet-registry-storage", opts=c.ali)
        return alicloud.cr.RegistryEnterpriseInstance(
            "fleet-registry", instance_name="fleet-registry", instance_type="Advanced", payment_type="Subscription",
            period=1, renewal_status="AutoRenewal", renew_period=1, default_oss_bucket="false",
            custom_oss_bucket=bucket or own.bucket, opts=c.ali,
        )  # fmt: skip

    return build


def cloud_firewall_private_dns(primary: str, standby: str) -> Callable[[Ctx], object]:
    # docs: cloudfirewall/privatedns and CreatePrivateDnsEndpoint — a private DNS endpoint in the fleet VPC forwards the
    # VPC's queries to its primary and standby DNS servers, with the VPC firewall filtering by domain.
    def build(c: Ctx) -> object:
        return alicloud.cloudfirewall.PrivateDns(
            "vpc-dns", access_instance_name="fleet-vpc-dns", private_dns_type="Custom", region_no="cn-shanghai",
            vpc_id="vpc-uf6b5lyul0x0a1b2c3d", primary_vswitch_id="vsw-uf6b0dkyryer0a1b2c",
            primary_vswitch_ip="10.1.1.10", standby_vswitch_id="vsw-uf6b0dkyryer3d4e5f", standby_vswitch_ip="10.1.2.10",
            ip_protocol="UDP", port=53,
            firewall_types=["vpc"], primary_dns=primary, standby_dns=standby, opts=c.ali,
        )  # fmt: skip

    return build


def wuying_ad_office_site(dns: str) -> Callable[[Ctx], object]:
    # docs: eds/adconnectorofficesite — cloud desktops joined to the plant's Active Directory, whose DNS server is
    # `dns`, reached over the stack's CEN instance.
    def build(c: Ctx) -> object:
        cen = alicloud.cen.Instance("desktops", cen_instance_name="fleet-desktops", opts=c.ali)
        return alicloud.eds.AdConnectorOfficeSite(
            "plant-desktops", ad_connector_office_site_name="plant-desktops", cen_id=cen.id, cidr_block="10.30.0.0/16",
            desktop_access_type="Internet", domain_name="corp.fleet.example.cn", dns_addresses=[dns],
            domain_user_name="svc-desktops", domain_password="not-a-real-password", enable_admin_access=False,
            opts=c.ali,
        )  # fmt: skip

    return build


def ack_kubelet_cluster_dns(address: str) -> Callable[[Ctx], object]:
    # docs: alicloud cs/nodepool — kubelet_configuration.cluster_dns, "The list of IP addresses of the cluster DNS
    # servers" every pod resolves through (the cluster's kube-dns service address by default).
    def build(c: Ctx) -> object:
        return alicloud.cs.NodePool(
            "workers", cluster_id="c-fleet01", node_pool_name="workers", vswitch_ids=["vsw-123"],
            instance_types=["ecs.g7.large"], desired_size="2",
            kubelet_configuration={"cluster_dns": [address], "max_pods": "64"}, opts=c.ali,
        )  # fmt: skip

    return build


def eci_host_alias(address: str) -> Callable[[Ctx], object]:
    # docs: eci/containergroup — host_aliases add /etc/hosts entries: the telemetry ingest name resolves to `address`.
    def build(c: Ctx) -> object:
        return alicloud.eci.ContainerGroup(
            "telemetry-forwarder", container_group_name="telemetry-forwarder", cpu=1, memory=2,
            security_group_id="sg-eci", vswitch_id="vsw-a", restart_policy="Always",
            containers=[{"name": "forwarder", "image": "registry-vpc.cn-shanghai.aliyuncs.com/fleet/forwarder:1.4.0"}],
            host_aliases=[{"ip": address, "hostnames": ["ingest.fleet.internal"]}], opts=c.ali,
        )  # fmt: skip

    return build


def cloud_phone_proxy(address: str) -> Callable[[Ctx], object]:
    # docs: cloudphone/policy — network redirection through a transparent SOCKS5 proxy at `address` for the test phones.
    def build(c: Ctx) -> object:
        return alicloud.cloudphone.Policy(
            "app-test-phones", policy_group_name="app-test-phones",
            net_redirect_policy={"net_redirect": "on", "custom_proxy": "on", "proxy_type": "socks5",
                                 "host_addr": address, "port": "1080"},
            opts=c.ali,
        )  # fmt: skip

    return build


def flink_workspace(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: realtimecompute/vvpinstance — a pay-as-you-go Flink workspace whose checkpoints, savepoints and logs are
    # kept in `storage.oss.bucket` (None: the stack's own bucket, as in the provider's example).
    def build(c: Ctx) -> object:
        own = alicloud.oss.Bucket("flink-state", bucket="fleet-flink-state", opts=c.ali)
        return alicloud.realtimecompute.VvpInstance(
            "telemetry-flink", vvp_instance_name="telemetry-flink", payment_type="PayAsYouGo",
            storage={"oss": {"bucket": bucket or own.bucket}}, vpc_id="vpc-uf6b5lyul0x0a1b2c3d",
            zone_id="cn-shanghai-b", vswitch_ids=["vsw-uf6b0dkyryer0a1b2c"], opts=c.ali,
        )  # fmt: skip

    return build


def msc_contact(mobile: str, email: str) -> Callable[[Ctx], object]:
    # docs: alicloud mscSubContract / mscSubSubscription — a Message Center contact subscribed to the account's
    # product expiration notices by text and e-mail (the item of the provider's example).
    def build(c: Ctx) -> object:
        contact = alicloud.MscSubContract(
            "secops", contact_name="secops", position="Technical Director", mobile=mobile, email=email, opts=c.ali
        )
        return alicloud.MscSubSubscription(
            "security-notices", item_name="Notifications of Product Expiration", contact_ids=[contact.id],
            sms_status=1, email_status=1, opts=c.ali,
        )  # fmt: skip

    return build


def rd_message_contact(email: str) -> Callable[[Ctx], object]:
    # docs: resourcemanager/messagecontact — the Resource Directory contact that receives the member accounts'
    # expense messages (its phone is mainland-only, "86-<number>").
    def build(c: Ctx) -> object:
        return alicloud.resourcemanager.MessageContact(
            "finance", message_contact_name="finance", title="FinanceDirector", message_types=["AccountExpenses"],
            email_address=email, phone_number="86-13800138000", opts=c.ali,
        )  # fmt: skip

    return build


def oceanbase_standby(primary: str | None, primary_region: str | None = None) -> Callable[[Ctx], object]:
    # docs: alicloud ocean/baseinstance and the OceanBase standby overview — a standby cluster instance joined to its
    # primary by `primary_instance` (placed by `primary_region`); data is synchronized between them and the standby
    # takes over on a switchover. None: the stack's own primary.
    def build(c: Ctx) -> object:
        pid: Any = primary
        if primary is None:
            pid = alicloud.ocean.BaseInstance(
                "ledger-primary", instance_class="8C32G", series="normal", disk_size=200, payment_type="PayAsYouGo",
                zones=["cn-shanghai-b", "cn-shanghai-e", "cn-shanghai-g"], instance_name="ledger-primary", opts=c.ali,
            ).id  # fmt: skip
        return alicloud.ocean.BaseInstance(
            "ledger-standby", instance_class="8C32G", series="normal", disk_size=200, payment_type="PayAsYouGo",
            zones=["cn-shanghai-b", "cn-shanghai-e", "cn-shanghai-g"], instance_name="ledger-standby",
            primary_instance=pid, primary_region=primary_region, opts=c.ali,
        )  # fmt: skip

    return build


# Advanced origin fetch's match on the request path: requests for /api (`origin` then says where they are fetched from).
_CDN_API_PATH = {"variable_type": "uri", "variable": "uri", "conditions": "==", "value": "/api"}


def _cdn_origin_group(standby_region: str) -> dict[str, str]:
    # An origin group of the API's bucket in Shanghai (priority 10) and a standby copy in `standby_region` (20).
    primary = "fleet-api.oss-cn-shanghai.aliyuncs.com_10_50_443"
    return {
        "source_group_name": "api",
        "source_info": f"{primary},fleet-api-dr.oss-{standby_region}.aliyuncs.com_20_50_443",
    }


def cdn_feature(function: str, args: dict[str, str], computed: bool = False) -> Callable[[Ctx], object]:
    # docs: alicloud cdn/domainconfig and CDN "Parameters for configuring features for domain names" — a domestic
    # CDN domain on the stack's OSS origin, with one feature set by {arg_name, arg_value} pairs (a rule condition
    # on /api/* and a conditional origin, origin_dns_host, under it; or an Amazon S3 authentication bucket origin).
    # `computed`: the feature's name is an Output (computed from the domain), known only once it resolves.
    def build(c: Ctx) -> object:
        domain = alicloud.cdn.DomainNew(
            "cdn", domain_name="static.example.cn", cdn_type="web", scope="domestic",
            sources=[{"content": "fleet-web.oss-cn-shanghai.aliyuncs.com", "type": "oss", "port": 443}], opts=c.ali,
        )  # fmt: skip
        rule = json.dumps({"match": {"logic": "and", "criteria": [
            {"matchType": "uri", "matchObject": "CONNECTING", "matchOperator": "contains", "matchValue": ["/api/*"],
             "negate": False}]}, "name": "api-path", "status": "enable"})  # fmt: skip
        condition = alicloud.cdn.DomainConfig(
            "api-path", domain_name=domain.domain_name, function_name="condition",
            function_args=[{"arg_name": "rule", "arg_value": rule}], opts=c.ali,
        )  # fmt: skip
        name: Any = domain.domain_name.apply(lambda _: function) if computed else function
        return alicloud.cdn.DomainConfig(
            function, domain_name=domain.domain_name, function_name=name,
            parent_id=condition.config_id if function == "origin_dns_host" else None,
            function_args=[{"arg_name": k, "arg_value": v} for k, v in args.items()], opts=c.ali,
        )  # fmt: skip

    return build


def exadata_with_oracle_contacts(address: str) -> Callable[[Ctx], object]:
    # docs: odb/cloudexadatainfrastructure — Oracle Database@AWS Exadata infrastructure for the fleet's billing
    # database; Oracle mails `customer_contacts_to_send_to_oci` about maintenance updates (API CustomerContact).
    def build(c: Ctx) -> object:
        return aws.odb.CloudExadataInfrastructure(
            "billing-exadata", display_name="billing-exadata", shape="Exadata.X11M", compute_count=2, storage_count=3,
            database_server_type="X11M", storage_server_type="X11M-HC",
            availability_zone_id={"eu-west-1": "euw1-az1", "us-east-1": "use1-az6"}[REGION[c.code][0]],
            maintenance_window={"custom_action_timeout_in_mins": 15, "is_custom_action_timeout_enabled": True,
                                "patching_mode": "ROLLING", "preference": "NO_PREFERENCE"},
            customer_contacts_to_send_to_ocis=[{"email": address}], opts=c.aws,
        )  # fmt: skip

    return build


def security_findings_to_jira() -> Callable[[Ctx], object]:
    # docs: securityhub/connectorv2 — Security Hub V2 in the stack's region opens Jira Cloud tickets from findings (the
    # provider's example: a project key; the Jira site is picked in the OAuth flow at the connector's auth_url).
    def build(c: Ctx) -> object:
        account = aws.securityhub.AccountV2("security-hub", opts=c.aws)
        return aws.securityhub.ConnectorV2(
            "findings-to-jira", name="findings-to-jira", connector_provider={"jira_cloud": {"project_key": "SEC"}},
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[account])),
        )  # fmt: skip

    return build


def shield_srt_contacts(email: str, phone: str) -> Callable[[Ctx], object]:
    # docs: shield/proactiveengagement — the Shield Response Team mails and calls these contacts about DDoS escalations.
    def build(c: Ctx) -> object:
        return aws.shield.ProactiveEngagement(
            "srt-contacts", enabled=True,
            emergency_contacts=[{"email_address": email, "phone_number": phone, "contact_notes": "Fleet SOC"}],
            opts=c.aws,
        )  # fmt: skip

    return build


def budget_action_alerts(address: str) -> Callable[[Ctx], object]:
    # docs: budgets/budgetaction — a budget action that attaches a deny policy when spend passes 100 USD and tells its
    # subscribers (an e-mail address or an SNS topic).
    def build(c: Ctx) -> object:
        budget = aws.budgets.Budget(
            "fleet-monthly", budget_type="COST", limit_amount="1000", limit_unit="USD", time_unit="MONTHLY",
            opts=c.aws,
        )  # fmt: skip
        return aws.budgets.BudgetAction(
            "deny-on-overspend", budget_name=budget.name, action_type="APPLY_IAM_POLICY", approval_model="AUTOMATIC",
            notification_type="ACTUAL", execution_role_arn="arn:aws:iam::123456789012:role/budget-actions",
            action_threshold={"action_threshold_type": "ABSOLUTE_VALUE", "action_threshold_value": 100},
            definition={"iam_action_definition": {"policy_arn": "arn:aws:iam::123456789012:policy/deny-new-compute",
                                                  "roles": ["fleet-ci"]}},
            subscribers=[{"address": address, "subscription_type": "EMAIL"}], opts=c.aws,
        )  # fmt: skip

    return build


def account_alternate_contact(email: str, phone: str) -> Callable[[Ctx], object]:
    # docs: account/alternativecontact — the account's security contact: AWS mails and calls it about security issues
    # of the account's resources (Account Management, "Update the alternate contacts for your AWS account").
    def build(c: Ctx) -> object:
        return aws.account.AlternativeContact(
            "security-contact", alternate_contact_type="SECURITY", name="Fleet SOC", title="Security operations",
            email_address=email, phone_number=phone, opts=c.aws,
        )  # fmt: skip

    return build


def org_member_account(email: str) -> Callable[[Ctx], object]:
    # docs: organizations/account — a member account for the fleet's production workloads; its root user e-mail
    # receives every notice AWS sends the account.
    def build(c: Ctx) -> object:
        return aws.organizations.Account(
            "fleet-prod", name="fleet-prod", email=email, role_name="OrganizationAccountAccessRole",
            close_on_deletion=False, opts=c.aws,
        )  # fmt: skip

    return build


def account_primary_contact(c: Ctx) -> object:
    # docs: account/primarycontact — the owner's contact record: name, company, mailing address, phone, website.
    return aws.account.PrimaryContact(
        "primary-contact", full_name="Fleet Platform GmbH Operations", company_name="Fleet Platform GmbH",
        address_line1="Friedrichstrasse 10", city="Berlin", postal_code="10117", country_code="DE",
        phone_number="+4930901820", website_url="https://www.fleet-platform.example.eu", opts=c.aws,
    )  # fmt: skip


def account_region(region: str, enabled: bool) -> Callable[[Ctx], object]:
    # docs: account/region — opt the account in to (or out of) an opt-in Region.
    def build(c: Ctx) -> object:
        return aws.account.Region(f"opt-{region}", region_name=region, enabled=enabled, opts=c.aws)

    return build


def resource_explorer_aggregator(region: str | None) -> Callable[[Ctx], object]:
    # docs: resourceexplorer/index — the account's aggregator index, which receives a copy of every other Region's index
    # (resource ARNs, names, tags), and its default view; region: the aggregator placed in another Region (v7 `region`).
    def build(c: Ctx) -> object:
        index = aws.resourceexplorer.Index("aggregator", type="AGGREGATOR", region=region, opts=c.aws)
        return aws.resourceexplorer.View(
            "all-resources", default_view=True, included_properties=[{"name": "tags"}], region=region,
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[index]),
        )  # fmt: skip

    return build


def lightsail_dns(record_type: str, target: str | None) -> Callable[[Ctx], object]:
    # docs: lightsail/domainentry — the portal's Lightsail DNS zone; None: an A record to the stack's own static IP.
    def build(c: Ctx) -> object:
        domain = aws.lightsail.Domain("portal-zone", domain_name="fleet-portal.com", opts=c.aws)
        address = aws.lightsail.StaticIp("portal-ip", name="portal-ip", opts=c.aws).ip_address
        return aws.lightsail.DomainEntry(
            "portal-www", domain_name=domain.domain_name, name="www", type=record_type,
            target=address if target is None else target, opts=c.aws,
        )  # fmt: skip

    return build


def activemq_ldap_broker(ldap_host: str) -> Callable[[Ctx], object]:
    # docs: mq/broker (ldap_server_metadata) — an ActiveMQ broker whose users sign in with the directory's credentials.
    def build(c: Ctx) -> object:
        return aws.mq.Broker(
            "telemetry-mq", broker_name="telemetry-mq", engine_type="ActiveMQ", engine_version="5.18",
            host_instance_type="mq.m5.large", authentication_strategy="ldap", subnet_ids=["subnet-0a1b2c3d"],
            security_groups=["sg-0a1b2c3d"],
            ldap_server_metadata={"hosts": [ldap_host], "role_base": "ou=groups,dc=corp,dc=example,dc=eu",
                                  "role_search_matching": "(member=uid={1})",
                                  "user_base": "ou=users,dc=corp,dc=example,dc=eu",
                                  "user_search_matching": "(uid={0})", "service_account_username": "svc-mq",
                                  "service_account_password": "placeholder-not-a-secret"},
            users=[{"username": "admin", "password": "placeholder-not-a-secret", "console_access": True}],
            opts=c.aws,
        )  # fmt: skip

    return build


def appstream_stack_storage(connector_type: str) -> Callable[[Ctx], object]:
    # docs: appstream/stack — the workshop tools' streaming stack with persistent storage for its users.
    def build(c: Ctx) -> object:
        domains = None if connector_type == "HOMEFOLDERS" else ["example.eu"]
        connector = aws.appstream.StackStorageConnectorArgs(connector_type=connector_type, domains=domains)
        return aws.appstream.Stack(
            "workshop-tools", name="workshop-tools", storage_connectors=[connector], opts=c.aws
        )  # fmt: skip

    return build


def cloud_wan_sdwan_peer(peer_address: str) -> Callable[[Ctx], object]:
    # docs: networkmanager/connectpeer — the Cloud WAN Connect peer of the plants' SD-WAN appliance (GRE tunnel end).
    def build(c: Ctx) -> object:
        return aws.networkmanager.ConnectPeer(
            "plant-sdwan", connect_attachment_id="attachment-0a1b2c3d4e5f6a7b8", peer_address=peer_address,
            bgp_options={"peer_asn": "65010"}, inside_cidr_blocks=["169.254.10.0/29"], opts=c.aws,
        )  # fmt: skip

    return build


def quicksight_vpc_connection(resolver: str) -> Callable[[Ctx], object]:
    # docs: quicksight/vpcconnection — QuickSight reaches the warehouse through the VPC, resolving names at `resolver`.
    def build(c: Ctx) -> object:
        return aws.quicksight.VpcConnection(
            "bi-vpc", vpc_connection_id="bi-vpc", name="bi-vpc",
            role_arn="arn:aws:iam::123456789012:role/quicksight-vpc", security_group_ids=["sg-0a1b2c3d"],
            subnet_ids=["subnet-0a1b2c3d", "subnet-1a2b3c4d"], dns_resolvers=[resolver], opts=c.aws,
        )  # fmt: skip

    return build


def cloud_wan_vpc_connect(edge: str) -> Callable[[Ctx], object]:
    # docs: networkmanager/connectattachment — the plant network's GRE Connect attachment to the Cloud WAN core network,
    # over the stack's VPC attachment, at the core network edge of `edge`.
    def build(c: Ctx) -> object:
        return aws.networkmanager.ConnectAttachment(
            "plant-connect", core_network_id="core-network-0a1b2c3d4e5f6a7b8",
            transport_attachment_id="attachment-0a1b2c3d4e5f6a7b8", edge_location=edge, options={"protocol": "GRE"},
            opts=c.aws,
        )  # fmt: skip

    return build


def incident_response_plan(pagerduty: bool) -> Callable[[Ctx], object]:
    # docs: ssmincidents/responseplan — the fleet platform's incident plan: the on-call escalation plan and chat channel
    # of the stack's region, and (`pagerduty`) the provider's integration example, which creates each incident in a
    # PagerDuty service too.
    def build(c: Ctx) -> object:
        topic = aws.sns.Topic("incident-chat", opts=c.aws)
        pagerduty_service: aws.ssmincidents.ResponsePlanIntegrationPagerdutyArgsDict = {
            "name": "fleet-oncall", "service_id": "PXJ4Q2T", "secret_id": "pagerduty-fleet-oncall"
        }  # fmt: skip
        template: aws.ssmincidents.ResponsePlanIncidentTemplateArgsDict = {
            "title": "Fleet telemetry outage", "impact": 2, "notification_targets": [{"sns_topic_arn": topic.arn}]
        }  # fmt: skip
        return aws.ssmincidents.ResponsePlan(
            "fleet-incidents", name="fleet-incidents", incident_template=template, chat_channels=[topic.arn],
            integration={"pagerduties": [pagerduty_service]} if pagerduty else None, opts=c.aws,
        )  # fmt: skip

    return build


def route53_domain(register: bool) -> Callable[[Ctx], object]:
    # docs: route53domains/domain and route53domains/registereddomain — `register`: the provider's example registers the
    # domain with its registrant, administrative and technical contacts (privacy protection on, the default); else the
    # stack takes over an already registered domain's name servers, auto renewal and transfer lock, giving no contact.
    def build(c: Ctx) -> object:
        zone = aws.route53.Zone("brand-zone", name="fleet-example.de", opts=c.aws)
        if not register:
            return aws.route53domains.RegisteredDomain(
                "brand-domain", domain_name="fleet-example.de", auto_renew=True, transfer_lock=True,
                name_servers=zone.name_servers.apply(lambda ns: [{"name": n} for n in ns]), opts=c.aws,
            )  # fmt: skip
        contact: aws.route53domains.DomainAdminContactArgsDict = {
            "contact_type": "COMPANY", "organization_name": "Fleet Example GmbH", "first_name": "Erika",
            "last_name": "Mustermann", "email": "hostmaster@fleet-example.de", "phone_number": "+49.3012345678",
            "address_line1": "Musterstrasse 1", "city": "Berlin", "zip_code": "10115", "country_code": "DE",
        }  # fmt: skip
        return aws.route53domains.Domain(
            "brand-domain", domain_name="fleet-example.de", duration_in_years=1, auto_renew=True,
            admin_contact=contact, registrant_contact=contact, tech_contact=contact, opts=c.aws,
        )  # fmt: skip

    return build


def agent_oauth_provider(vendor: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcoreoauth2credentialprovider — the fleet assistant's outbound OAuth client: the provider's
    # Google example (the agent reads the owner's Google Drive), or the fleet's own Cognito user pool in the stack's
    # region as an included tenant vendor, given the pool's issuer.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        config: aws.bedrock.AgentcoreOauth2CredentialProviderOauth2ProviderConfigArgsDict = (
            {"google_oauth2_provider_config": {"client_id": "fleet-assistant.apps.example", "client_secret": "s3cr3t"}}
            if vendor == "GoogleOauth2"
            else {
                "included_oauth2_provider_config": {
                    "client_id": "4example5client6id", "client_secret": "s3cr3t",
                    "issuer": f"https://cognito-idp.{region}.amazonaws.com/{region}_AbC123dEf",
                }
            }
        )  # fmt: skip
        return aws.bedrock.AgentcoreOauth2CredentialProvider(
            "assistant-oauth", name="assistant-oauth", credential_provider_vendor=vendor, oauth2_provider_config=config,
            opts=c.aws,
        )  # fmt: skip

    return build


_SLACK_CHANNEL = "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/fleet-dev"


def repo_notifications(to_slack: bool) -> Callable[[Ctx], object]:
    # docs: codestarnotifications/notificationrule — commit comments of the stack's repository, to the team's SNS topic
    # (the provider's example) or (`to_slack`) to the team's Slack channel configured in Amazon Q Developer in chat
    # applications by another stack.
    def build(c: Ctx) -> object:
        repo = aws.codecommit.Repository("fleet-firmware", repository_name="fleet-firmware", opts=c.aws)
        topic = aws.sns.Topic("repo-events", opts=c.aws)
        target: aws.codestarnotifications.NotificationRuleTargetArgsDict = (
            {"address": _SLACK_CHANNEL, "type": "AWSChatbotSlack"} if to_slack else {"address": topic.arn}
        )
        return aws.codestarnotifications.NotificationRule(
            "commit-comments", name="commit-comments", detail_type="BASIC", resource=repo.arn,
            event_type_ids=["codecommit-repository-comments-on-commits"], targets=[target], opts=c.aws,
        )  # fmt: skip

    return build


def user_notification_channel(to_slack: bool) -> Callable[[Ctx], object]:
    # docs: notifications/channelassociation — the operations team's User Notifications configuration delivered to an
    # e-mail contact of the stack (the provider's example), or (`to_slack`) to a Slack chat configuration.
    def build(c: Ctx) -> object:
        config = aws.notifications.NotificationConfiguration(
            "ops-alerts", name="ops-alerts", description="Operations alerts", opts=c.aws
        )
        if to_slack:
            channel: pulumi.Input[str] = _SLACK_CHANNEL
        else:
            channel = aws.notifications.ContactsEmailContact(
                "ops-mail", name="ops-mail", email_address="ops@mail.example.eu", opts=c.aws
            ).arn
        return aws.notifications.ChannelAssociation(
            "ops-alerts-channel", arn=channel, notification_configuration_arn=config.arn, opts=c.aws
        )

    return build


def regional_alarm_hub(address: str | None) -> Callable[[Ctx], object]:
    # docs: notifications/notificationhub, notifications/eventrule — the stack's own region registered as the
    # notification hub, the CloudWatch alarms of that region as the rule's only region, and (`address`) an e-mail
    # contact for them. User Notifications still keeps the configuration and the notifications in us-east-1.
    def build(c: Ctx) -> object:
        own = REGION[c.code][0]
        aws.notifications.NotificationHub("hub", notification_hub_region=own, opts=c.aws)
        config = aws.notifications.NotificationConfiguration(
            "plant-alarms", name="plant-alarms", description="Plant alarm state changes", opts=c.aws
        )
        rule = aws.notifications.EventRule(
            "plant-alarm-changes", notification_configuration_arn=config.arn, source="aws.cloudwatch",
            event_type="CloudWatch Alarm State Change", regions=[own], opts=c.aws,
        )  # fmt: skip
        if address is None:
            return rule
        contact = aws.notifications.ContactsEmailContact("plant-oncall", name="plant-oncall", email_address=address,
                                                         opts=c.aws)  # fmt: skip
        return aws.notifications.ChannelAssociation(
            "plant-oncall-channel", arn=contact.arn, notification_configuration_arn=config.arn, opts=c.aws
        )

    return build


def findings_automation(to_itsm: bool) -> Callable[[Ctx], object]:
    # docs: securityhub/automationrulev2 — high-severity findings are escalated (the provider's example updates their
    # fields) or (`to_itsm`) sent as tickets through the security team's Jira connector, made by another stack.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        high = {"FieldName": "severity", "Filter": {"Value": "High", "Comparison": "EQUALS"}}
        criteria = json.dumps({"CompositeFilters": [{"StringFilters": [high]}]})
        action: aws.securityhub.AutomationRuleV2ActionArgsDict = (
            {
                "type": "EXTERNAL_INTEGRATION",
                "external_integration_configuration": {
                    "connector_arn": f"arn:aws:securityhub:{region}:123456789012:connectorv2/0a1b2c3d-4e5f"
                },
            }
            if to_itsm
            else {"type": "FINDING_FIELDS_UPDATE", "finding_fields_update": {"comment": "Escalated to the SOC"}}
        )
        return aws.securityhub.AutomationRuleV2(
            "escalate-high", rule_name="escalate-high", description="High-severity findings", rule_order=1,
            criteria={"ocsf_finding_criteria_json": criteria}, action=action, opts=c.aws,
        )  # fmt: skip

    return build


def glue_connection(kind: str) -> Callable[[Ctx], object]:
    # docs: glue/connection — the analytics team's connections: the fleet database of the stack's region as a MySQL
    # connection (its HOST), or (`BIGQUERY`) Glue's native BigQuery connector, whose project is in the secret's service
    # account key, for jobs that export the trip tables.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        secret = f"arn:aws:secretsmanager:{region}:123456789012:secret:analytics-{kind.lower()}"
        properties = (
            {"SparkProperties": json.dumps({"secretId": secret})}
            if kind == "BIGQUERY"
            else {"HOST": f"fleet-db.c1ab2cd3ef45.{region}.rds.amazonaws.com", "PORT": "3306", "DATABASE": "fleet",
                  "SECRET_ID": secret}
        )  # fmt: skip
        return aws.glue.Connection(
            f"analytics-{kind.lower()}", name=f"analytics-{kind.lower()}", connection_type=kind,
            connection_properties=properties, opts=c.aws,
        )  # fmt: skip

    return build


def local_zone_subnet_by_id(zone_id: str) -> Callable[[Ctx], object]:
    # docs: ec2/subnet — a subnet of the stack's VPC placed in a Local Zone by its zone ID (availability_zone_id), after
    # the zone group was opted in.
    def build(c: Ctx) -> object:
        vpc = aws.ec2.Vpc("edge-vpc", cidr_block="10.60.0.0/16", opts=c.aws)
        return aws.ec2.Subnet(
            "edge-subnet", vpc_id=vpc.id, cidr_block="10.60.8.0/24", availability_zone_id=zone_id, opts=c.aws
        )

    return build


def ssm_run_command(lines: list[str]) -> Callable[[Ctx], object]:
    # docs: ssm/document — a Command document (schema 2.2) whose aws:runShellScript step runs `runCommand` on the
    # instances it is sent to, one shell line each (SSM plugin reference, aws:runShellScript).
    def build(c: Ctx) -> object:
        content = {
            "schemaVersion": "2.2", "description": "Ship the gateway's buffered events",
            "mainSteps": [{"action": "aws:runShellScript", "name": "ship", "inputs": {"runCommand": lines}}],
        }  # fmt: skip
        return aws.ssm.Document("ship-events", document_type="Command", document_format="JSON",
                                content=json.dumps(content), opts=c.aws)  # fmt: skip

    return build


_MEDIA_SERVERS = {"id": "cn-media", "kind": "resident", "match": "media.fleet.example.cn",
                  "evidence": "Own media servers, Shanghai IDC, contract MS-4"}  # fmt: skip
_SHIP_EVENTS = (
    "aws logs put-log-events --log-group-name /fleet/gateway --log-stream-name gw-1 "
    "--log-events file:///var/lib/fleet/events.json"
)


def live_streaming_domain(scope: str | None = None) -> Callable[[Ctx], object]:
    # docs: live/domain — the playback domain of the dealers' training streams in the stack's region; `scope` omitted
    # is alicloud_live_domain's default, `domestic` (Mainland China's edges).
    def build(c: Ctx) -> object:
        return alicloud.live.Domain(
            "training-play", domain_name=f"live.fleet.example.{c.code.lower()}", domain_type="liveVideo",
            region=REGION[c.code][1], scope=scope, opts=c.ali,
        )  # fmt: skip

    return build


def golden_image_shared(c: Ctx) -> object:
    # docs: ecs/imagesharepermission — the fleet's golden image (made from the build instance) shared with the dealers'
    # account, which launches its kiosks from it (and may copy it, CopyImage, to any region).
    build_vm = alicloud.ecs.Instance(
        "image-build", instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
        vswitch_id="vsw-123", security_groups=["sg-123"], opts=c.ali,
    )  # fmt: skip
    image = alicloud.ecs.Image("golden", image_name="fleet-kiosk-golden", instance_id=build_vm.id, opts=c.ali)
    return alicloud.ecs.ImageSharePermission("golden-to-dealers", image_id=image.id, account_id="1234567890123456",
                                             opts=c.ali)  # fmt: skip


def ami_shared(c: Ctx) -> object:
    # docs: ec2/amilaunchpermission — the fleet's golden AMI (from the build instance) shared with the dealers' account.
    build_vm = aws.ec2.Instance("image-build", ami="ami-0a1b2c3d4e5f60718", instance_type="m7g.large", opts=c.aws)
    image = aws.ec2.AmiFromInstance("golden", source_instance_id=build_vm.id, opts=c.aws)
    return aws.ec2.AmiLaunchPermission("golden-to-dealers", image_id=image.id, account_id="210987654321", opts=c.aws)


def snapshot_shared(c: Ctx) -> object:
    # docs: ec2/snapshotcreatevolumepermission — the nightly snapshot of the telemetry volume shared with the analytics
    # account, which restores it (and may copy it, CopySnapshot, to any region of its partition).
    volume = aws.ebs.Volume("telemetry", availability_zone=f"{REGION[c.code][0]}a", size=200, opts=c.aws)
    snapshot = aws.ebs.Snapshot("telemetry-nightly", volume_id=volume.id, opts=c.aws)
    return aws.ec2.SnapshotCreateVolumePermission(
        "telemetry-to-analytics", snapshot_id=snapshot.id, account_id="210987654321", opts=c.aws
    )


_DEALER_IMAGE_SHARE = {
    "id": "dealer-image-share", "kind": "resident", "match": "alicloud:ecs/imageSharePermission:ImageSharePermission",
    "evidence": "Dealer account 1234567890123456: RAM policy denies ecs:CopyImage outside cn-*, contract DLR-12",
}  # fmt: skip


def waf3_site(waf: bool = True) -> Callable[[Ctx], object]:
    # docs: wafv3/instance + wafv3/domain — the dealer portal's load balancer in the stack's region, put behind a WAF
    # 3.0 instance in CNAME access mode (HTTPS 443, the portal's certificate, the load balancer as its backend), on the
    # stack's own provider; `waf=False`: the load balancer alone, its HTTPS listener facing the internet.
    def build(c: Ctx) -> object:
        slb = alicloud.slb.ApplicationLoadBalancer(
            "dealer-portal", load_balancer_name="dealer-portal", address_type="internet",
            load_balancer_spec="slb.s2.small", opts=c.ali,
        )  # fmt: skip
        if not waf:
            return alicloud.slb.Listener(
                "https", load_balancer_id=slb.id, frontend_port=443, backend_port=8443, protocol="https",
                bandwidth=-1, server_certificate_id="1234567890123456_portal", opts=c.ali,
            )  # fmt: skip
        instance = alicloud.wafv3.Instance("portal-waf", opts=c.ali)
        return alicloud.wafv3.Domain(
            "portal", instance_id=instance.id, domain=f"portal.fleet.example.{c.code.lower()}", access_type="share",
            listen={"https_ports": [443], "cert_id": f"12345678-{REGION[c.code][1]}", "protection_resource": "share"},
            redirect={"backends": [slb.address], "loadbalance": "iphash"}, opts=c.ali,
        )  # fmt: skip

    return build


def waf2_instance(package_code: str) -> Callable[[Ctx], object]:
    # docs: waf/instance — a subscription WAF 2.0 instance; `package_code` names the plan and, with it, the WAF's region
    # ("versions of China Mainland region" or "of International region").
    def build(c: Ctx) -> object:
        return alicloud.waf.Instance(
            "portal-waf", big_screen="0", exclusive_ip_package="1", ext_bandwidth="50", ext_domain_package="1",
            log_storage="3", log_time="180", package_code=package_code, prefessional_service="false",
            subscription_type="Subscription", period=1, waf_log="false", opts=c.ali,
        )  # fmt: skip

    return build


def anti_ddos_domain(c: Ctx) -> object:
    # docs: ddos/domainresource — the dealer portal's domain on an existing Anti-DDoS Pro/Premium instance (HTTPS 443),
    # its origin the stack's load balancer, on the stack's own provider.
    slb = alicloud.slb.ApplicationLoadBalancer(
        "dealer-portal", load_balancer_name="dealer-portal", address_type="internet", load_balancer_spec="slb.s2.small",
        opts=c.ali,
    )  # fmt: skip
    return alicloud.ddos.DomainResource(
        "portal", domain=f"portal.fleet.example.{c.code.lower()}", instance_ids=["ddoscoo-cn-0a1b2c3d4e5f"],
        proxy_types=[{"proxy_ports": [443], "proxy_type": "https"}], real_servers=[slb.address], rs_type=0,
        opts=c.ali,
    )  # fmt: skip


def security_center_login_logs(c: Ctx) -> object:
    # docs: threatdetection/logmeta — Security Center's log analysis: ship the stack's servers' login logs
    # (aegis-log-login) to the Security Center's exclusive Logstore.
    return alicloud.threatdetection.LogMeta("login-logs", log_meta_name="aegis-log-login", status="enabled", opts=c.ali)


def dsc_scan_orders_db(c: Ctx) -> object:
    # docs: sddp/datalimit — authorise Data Security Center to scan the orders database (the stack's RDS MySQL
    # instance in its own region) for sensitive data, with a read-only account, and to keep its audit logs 30 days.
    db = alicloud.rds.Instance(
        "orders", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.small.1", instance_storage=20,
        vswitch_id="vsw-0a1b2c3d4e5f", opts=c.ali,
    )  # fmt: skip
    return alicloud.sddp.DataLimit(
        "orders-scan", resource_type="RDS", parent_id=pulumi.Output.concat(db.id, ".orders"), engine_type="MySQL",
        service_region_id=REGION[c.code][1], user_name="dsc_reader", password="example-password-1", port=3306,
        audit_status=1, log_store_day=30, opts=c.ali,
    )  # fmt: skip


def desktop_users(c: Ctx) -> object:
    # docs: eds/user — a convenience user of the stack's cloud desktops (the service technicians' workstation), with
    # the technician's work e-mail and mobile number.
    phone = {"CN": "13812345678", "JP": "+81 90 1234 5678"}[c.code]
    return alicloud.eds.User(
        "technician", end_user_id="tech_0042", email=f"tech0042@fleet.example.{c.code.lower()}", phone=phone,
        password="Example_Passw0rd", opts=c.ali,
    )  # fmt: skip


def portal_public_address(anycast: bool) -> Callable[[Ctx], object]:
    # docs: eipanycast/anycasteipaddress + anycasteipaddressattachment (an Anycast EIP of the `international` access
    # area bound to the portal's load balancer, "SlbInstance"); `anycast=False`: ecs/eipaddress + eipassociation, a
    # regional EIP of the stack's region on the same load balancer.
    def build(c: Ctx) -> object:
        slb = alicloud.slb.ApplicationLoadBalancer(
            "dealer-portal", load_balancer_name="dealer-portal", address_type="intranet",
            vswitch_id="vsw-0a1b2c3d4e5f", load_balancer_spec="slb.s2.small", opts=c.ali,
        )  # fmt: skip
        if not anycast:
            eip = alicloud.ecs.EipAddress("portal-ip", address_name="portal-ip", bandwidth="100", opts=c.ali)
            return alicloud.ecs.EipAssociation("portal-ip", allocation_id=eip.id, instance_id=slb.id, opts=c.ali)
        anycast_ip = alicloud.eipanycast.AnycastEipAddress(
            "portal-anycast", anycast_eip_address_name="portal-anycast", service_location="international",
            bandwidth=200, internet_charge_type="PayByTraffic", payment_type="PayAsYouGo", opts=c.ali,
        )  # fmt: skip
        return alicloud.eipanycast.AnycastEipAddressAttachment(
            "portal-anycast", anycast_id=anycast_ip.id, bind_instance_id=slb.id, bind_instance_type="SlbInstance",
            bind_instance_region_id=REGION[c.code][1], opts=c.ali,
        )  # fmt: skip

    return build


_WAF_INTL = {
    "id": "waf-international", "kind": "transfer", "match": "alicloud-waf-hub-region", "destination": "SG",
    "data_classes": ["owner_personal_data"], "basis": "scc", "reference": "Alibaba Cloud DPA + SCC 2026-05, TIA-17",
    "approved_by": "dpo@example.eu", "expires": "2099-12-31",
}  # fmt: skip


def portal_inbound_https(firewall: bool = True) -> Callable[[Ctx], object]:
    # docs: cloudfirewall/controlpolicy — an Internet-firewall inbound rule letting HTTPS reach the dealer portal's
    # addresses (10.20.0.0/16) from anywhere, on the stack's own provider; `firewall=False`: ecs/securitygrouprule, the
    # same rule as an ingress rule of the portal's security group in the stack's region.
    def build(c: Ctx) -> object:
        if not firewall:
            group = alicloud.ecs.SecurityGroup(
                "portal", security_group_name="portal", vpc_id="vpc-0a1b2c3d", opts=c.ali
            )
            return alicloud.ecs.SecurityGroupRule(
                "portal-https", type="ingress", ip_protocol="tcp", port_range="443/443", nic_type="intranet",
                policy="accept", priority=1, security_group_id=group.id, cidr_ip="0.0.0.0/0", opts=c.ali,
            )  # fmt: skip
        return alicloud.cloudfirewall.ControlPolicy(
            "portal-https", application_name="HTTPS", acl_action="accept", description="dealer portal HTTPS",
            destination="10.20.0.0/16", destination_type="net", direction="in", proto="TCP", dest_port="443/443",
            dest_port_type="port", source="0.0.0.0/0", source_type="net", opts=c.ali,
        )  # fmt: skip

    return build


def config_rule_no_public_ip(c: Ctx) -> object:
    # docs: cfg/rule — a managed Cloud Config rule flagging ECS instances with a public IP; Config records every ECS
    # instance's configuration changes to evaluate it.
    return alicloud.cfg.Rule(
        "no-public-ip", rule_name="ecs-no-public-ip", source_owner="ALIYUN",
        source_identifier="ecs-running-instance-no-public-ip", risk_level=1,
        config_rule_trigger_types="ConfigurationItemChangeNotification", resource_types_scopes=["ACS::ECS::Instance"],
        opts=c.ali,
    )  # fmt: skip


def governance_enrol_analytics_account(c: Ctx) -> object:
    # docs: governance/baseline + governance/account — an account factory baseline and the analytics member account
    # enrolled with it through Cloud Governance Center, on the stack's own provider.
    baseline = alicloud.governance.Baseline(
        "fleet-accounts", baseline_name="fleet-accounts", description="fleet member accounts", opts=c.ali
    )
    return alicloud.governance.Account(
        "analytics", baseline_id=baseline.id, account_name_prefix="fleet-analytics", display_name="fleet-analytics",
        opts=c.ali,
    )  # fmt: skip


_CLOUD_FIREWALL_INTL = {
    "id": "cloud-firewall-international", "kind": "transfer", "match": "alicloud-cloud-firewall-hub-region",
    "destination": "SG", "data_classes": ["owner_personal_data"], "basis": "scc",
    "reference": "Alibaba Cloud DPA + SCC 2026-05, TIA-18", "approved_by": "dpo@example.eu", "expires": "2099-12-31",
}  # fmt: skip


# -- False-alarm review of stop 31's new refusals: the ordinary programs that come close to each ----------------------
# Script text (never run): the region forms the stop-31 script judgement reads (--region, --region=, AWS_REGION=,
# AWS_DEFAULT_REGION=), written the ways an engineer writes them for the stack's own region.
_FA_PARAMETER = "#!/bin/bash\naws ssm get-parameter --name /fleet/gateway/token --with-decryption --region {r}\n"
_FA_SQS_EQ = (
    "#!/bin/bash\naws sqs send-message --queue-url https://sqs.{r}.amazonaws.com/123456789012/fleet-events "
    "--message-body ready --region={r}\n"
)
_FA_DEFAULT_REGION = (
    "#!/bin/bash\nexport AWS_DEFAULT_REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
    "aws ssm get-parameter --name /fleet/gateway/token --with-decryption --query Parameter.Value --output text\n"
)
_FA_REGION_VARIABLE = (
    '#!/bin/bash\nREGION="{r}"\naws ecr get-login-password --region "$REGION" | '
    "docker login --username AWS --password-stdin 123456789012.dkr.ecr.{r}.amazonaws.com.cn\n"
)
_FA_DOCKER_ENV = "#!/bin/sh\ndocker run -d --restart always -e AWS_REGION={r} -p 8080:8080 fleet/exporter:1.4\n"
_FA_SSM_GLOBAL_REGION = "aws ssm get-parameter --name /fleet/gateway/token --region {{global:REGION}}"


_FA_ALI_METADATA_REGION = (
    "#!/bin/sh\nexport ALIBABA_CLOUD_REGION_ID=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    "aliyun ecs DescribeInstances --RegionId $ALIBABA_CLOUD_REGION_ID --PageSize 50\n"
)
_FA_ALI_REGION_EQ = (
    "#!/bin/sh\naliyun sls GetLogs --project fleet-ops --logstore gateway --region={r} --from 0 --to 1\n"
)
_FA_CONFIGURE_REGION = (
    "#!/bin/bash\naws configure set default.region {r}\naws configure set default.output json\n"
    "aws s3api list-buckets --endpoint-url https://s3.{r}.amazonaws.com --region {r}\n"
)
_FA_SERVICE_ENV = {
    "SMTP_HOST": "email-smtp.eu-west-1.amazonaws.com", "SMTP_PORT": "587", "DB_HOST": "localhost:5432",
    "GRPC_LISTEN": "0.0.0.0:50051", "CACHE_HOST": "[::1]", "HTTP_PORT": "443", "AWS_STS_REGIONAL_ENDPOINTS": "regional",
}  # fmt: skip


def fa_glue_connection(kind: str) -> Callable[[Ctx], object]:
    # docs: glue/connection — the connection types a data engineer uses for the stack's own stores: JDBC (the RDS
    # database's JDBC URL), KAFKA (the MSK cluster's bootstrap brokers), MONGODB (the DocumentDB cluster's URL) and
    # NETWORK (a VPC path for jobs that reach a private address themselves, no properties).
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        partition = "aws-cn" if c.code == "CN" else "aws"
        secret = f"arn:{partition}:secretsmanager:{region}:123456789012:secret:analytics-{kind.lower()}"
        dns = "amazonaws.com.cn" if c.code == "CN" else "amazonaws.com"
        properties: dict[str, str] = {
            "JDBC": {"JDBC_CONNECTION_URL": f"jdbc:postgresql://fleet-db.c1ab2cd3ef45.{region}.rds.{dns}:5432/fleet",
                     "SECRET_ID": secret},
            "KAFKA": {"KAFKA_BOOTSTRAP_SERVERS": f"b-1.fleet.a1b2c3.c2.kafka.{region}.{dns}:9096,"
                                                 f"b-2.fleet.a1b2c3.c2.kafka.{region}.{dns}:9096",
                      "KAFKA_SSL_ENABLED": "true", "SECRET_ID": secret},
            "MONGODB": {"CONNECTION_URL": f"mongodb://fleet-docdb.cluster-c1ab2cd3ef45.{region}.docdb.{dns}:27017/trips",
                        "SECRET_ID": secret},
            "NETWORK": {},
        }[kind]  # fmt: skip
        vpc = aws.ec2.Vpc("analytics-vpc", cidr_block="10.70.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet(
            "analytics-a", vpc_id=vpc.id, cidr_block="10.70.1.0/24", availability_zone=f"{region}a", opts=c.aws
        )
        return aws.glue.Connection(
            f"analytics-{kind.lower()}", name=f"analytics-{kind.lower()}", connection_type=kind,
            connection_properties=properties,
            physical_connection_requirements={"availability_zone": f"{region}a", "subnet_id": subnet.id,
                                              "security_group_id_lists": ["sg-0a1b2c3d"]},
            opts=c.aws,
        )  # fmt: skip

    return build


def fa_ecs_task_ports(c: Ctx) -> object:
    # docs: ecs/taskdefinition — the gateway container with a host port mapping (bridge mode), its database given by
    # host, port and a private address in the environment, and its health check on localhost.
    containers = [
        {
            "name": "gateway", "image": "fleet/gateway:2.3", "memory": 512, "essential": True,
            "portMappings": [{"containerPort": 8080, "hostPort": 80, "protocol": "tcp"}],
            "environment": [{"name": "DB_HOST", "value": "10.0.12.5"}, {"name": "DB_PORT", "value": "5432"},
                            {"name": "LISTEN_HOST", "value": "0.0.0.0"}, {"name": "REDIS_HOST", "value": "127.0.0.1"},
                            {"name": "METRICS_PORT", "value": "9100"}],
            "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]},
        }
    ]  # fmt: skip
    return aws.ecs.TaskDefinition(
        "gateway", family="gateway", network_mode="bridge", container_definitions=json.dumps(containers), opts=c.aws
    )


def fa_mail_records(c: Ctx) -> object:
    # docs: route53/record — the brand domain's MX (preference and host) and the SIP service's SRV record (priority,
    # weight, port, target), each naming the stack's own hosts.
    zone = aws.route53.Zone("brand-zone", name=f"fleet-example.{c.code.lower()}", opts=c.aws)
    aws.route53.Record(
        "mx", zone_id=zone.zone_id, name=f"fleet-example.{c.code.lower()}", type="MX", ttl=300,
        records=[f"10 mx1.fleet-example.{c.code.lower()}", f"20 mx2.fleet-example.{c.code.lower()}"], opts=c.aws,
    )  # fmt: skip
    return aws.route53.Record(
        "sip", zone_id=zone.zone_id, name=f"_sip._tcp.fleet-example.{c.code.lower()}", type="SRV", ttl=300,
        records=[f"10 60 5060 sip.fleet-example.{c.code.lower()}"], opts=c.aws,
    )  # fmt: skip


def fa_registered_domain_privacy(c: Ctx) -> object:
    # docs: route53domains/registereddomain — an already registered domain's privacy flags, lock and auto renewal set by
    # the stack (no contact given: the registrar keeps the contacts it holds).
    return aws.route53domains.RegisteredDomain(
        "brand-domain", domain_name=f"fleet-example.{c.code.lower()}", admin_privacy=True, registrant_privacy=True,
        tech_privacy=True, auto_renew=True, transfer_lock=True, opts=c.aws,
    )  # fmt: skip


def fa_security_hub_custom_action(c: Ctx) -> object:
    # docs: securityhub/actiontarget + cloudwatch/eventrule — a Security Hub custom action whose findings an EventBridge
    # rule sends to the SOC's SNS topic in the stack's region (the "send to SOC" button).
    hub = aws.securityhub.Account("hub", opts=c.aws)
    target = aws.securityhub.ActionTarget(
        "send-to-soc", name="Send to SOC", identifier="SendToSOC", description="Escalate to the SOC",
        opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[hub])),
    )  # fmt: skip
    topic = aws.sns.Topic("soc", opts=c.aws)
    pattern = target.arn.apply(
        lambda arn: json.dumps({"source": ["aws.securityhub"], "resources": [arn],
                                "detail-type": ["Security Hub Findings - Custom Action"]})
    )  # fmt: skip
    rule = aws.cloudwatch.EventRule("soc-findings", event_pattern=pattern, opts=c.aws)
    return aws.cloudwatch.EventTarget("soc-findings", rule=rule.name, arn=topic.arn, opts=c.aws)


def fa_agent_oauth_custom(c: Ctx) -> object:
    # docs: bedrock/agentcoreoauth2credentialprovider — a CustomOauth2 provider given the fleet's own Cognito user pool
    # of the stack's region by its OpenID discovery URL.
    region = REGION[c.code][0]
    config: aws.bedrock.AgentcoreOauth2CredentialProviderOauth2ProviderConfigArgsDict = {
        "custom_oauth2_provider_config": {
            "client_id": "4example5client6id", "client_secret": "s3cr3t",
            "oauth_discovery": {"discovery_url": f"https://cognito-idp.{region}.amazonaws.com/{region}_AbC123dEf"
                                                 "/.well-known/openid-configuration"},
        }
    }  # fmt: skip
    return aws.bedrock.AgentcoreOauth2CredentialProvider(
        "assistant-oauth", name="assistant-oauth", credential_provider_vendor="CustomOauth2",
        oauth2_provider_config=config, opts=c.aws,
    )  # fmt: skip


def fa_alarm_to_sns_email(c: Ctx) -> object:
    # docs: codestarnotifications/notificationrule — pipeline failures to the team's SNS topic, given as a target of
    # type SNS (the type written out, as the provider's reference lists it).
    repo = aws.codecommit.Repository("fleet-firmware", repository_name="fleet-firmware", opts=c.aws)
    topic = aws.sns.Topic("repo-events", opts=c.aws)
    return aws.codestarnotifications.NotificationRule(
        "commit-comments", name="commit-comments", detail_type="FULL", resource=repo.arn,
        event_type_ids=["codecommit-repository-comments-on-commits"], targets=[{"address": topic.arn, "type": "SNS"}],
        opts=c.aws,
    )  # fmt: skip


def fa_ami_shared_with_org_unit(c: Ctx) -> object:
    # docs: ec2/amilaunchpermission — the golden AMI shared with the company's own organizational unit (aws-cn).
    build_vm = aws.ec2.Instance("image-build", ami="ami-0a1b2c3d4e5f60718", instance_type="m7g.large", opts=c.aws)
    image = aws.ec2.AmiFromInstance("golden", source_instance_id=build_vm.id, opts=c.aws)
    return aws.ec2.AmiLaunchPermission(
        "golden-to-plants", image_id=image.id,
        organizational_unit_arn="arn:aws-cn:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cdef3456", opts=c.aws,
    )  # fmt: skip


def transfer_landing(kind: str, partner_bucket: str | None = None) -> Callable[[Ctx], object]:
    # docs: transfer/server, transfer/user, transfer/access, transfer/profile, transfer/agreement — Transfer Family
    # writes what an SFTP user uploads (a PATH `home_directory`, or a LOGICAL mapping's `target`), what a directory
    # group's members upload (transfer/access) and what an AS2 partner sends (an agreement's `base_directory`) to the
    # absolute path `/<bucket>/<prefix>`, a bucket in any Region; on an EFS server the first item is the file system id.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("transfer-access", assume_role_policy=ROLE.replace("lambda", "transfer"), opts=c.aws)
        if kind == "efs":
            fs = aws.efs.FileSystem("dealer-uploads", encrypted=True, opts=c.aws)
            server = aws.transfer.Server(
                "dealers", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED", domain="EFS", opts=c.aws
            )
            return aws.transfer.User(
                "dealer-0042", server_id=server.id, user_name="dealer-0042", role=role.arn,
                home_directory=fs.id.apply(lambda i: f"/{i}/dealers/0042"),
                posix_profile={"uid": 1042, "gid": 1042}, opts=c.aws,
            )  # fmt: skip
        own = aws.s3.Bucket("dealer-uploads", opts=c.aws)
        bucket = own.bucket if partner_bucket is None else pulumi.Output.from_input(partner_bucket)
        if kind == "as2":
            server = aws.transfer.Server(
                "as2", protocols=["AS2"], identity_provider_type="SERVICE_MANAGED", domain="S3", endpoint_type="VPC",
                endpoint_details={"vpc_id": "vpc-0a1b2c3d", "subnet_ids": ["subnet-0a1b2c3d"]}, opts=c.aws,
            )  # fmt: skip
            local = aws.transfer.Profile("fleet", as2_id="FLEET-OEM", profile_type="LOCAL", opts=c.aws)
            partner = aws.transfer.Profile("supplier", as2_id="SUPPLIER-EDI", profile_type="PARTNER", opts=c.aws)
            return aws.transfer.Agreement(
                "supplier-edi", server_id=server.id, local_profile_id=local.profile_id,
                partner_profile_id=partner.profile_id, access_role=role.arn,
                base_directory=bucket.apply(lambda b: f"/{b}/as2/supplier-edi"), opts=c.aws,
            )  # fmt: skip
        server = aws.transfer.Server(
            "dealers", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED", domain="S3", opts=c.aws
        )
        if kind == "access":
            return aws.transfer.Access(
                "dealer-group", server_id=server.id, external_id="S-1-1-12-1234567890-123456789-1234567890-1234",
                role=role.arn, home_directory=bucket.apply(lambda b: f"/{b}/dealers"), opts=c.aws,
            )  # fmt: skip
        if kind == "mapping":
            return aws.transfer.User(
                "dealer-0042", server_id=server.id, user_name="dealer-0042", role=role.arn,
                home_directory_type="LOGICAL",
                home_directory_mappings=[{"entry": "/", "target": bucket.apply(lambda b: f"/{b}/dealer-0042")}],
                opts=c.aws,
            )  # fmt: skip
        return aws.transfer.User(
            "dealer-0042", server_id=server.id, user_name="dealer-0042", role=role.arn,
            home_directory=bucket.apply(lambda b: f"/{b}/dealer-0042"), opts=c.aws,
        )  # fmt: skip

    return build


def xray_sampling_for_api(region: str | None = None) -> Callable[[Ctx], object]:
    # docs: xray/samplingrule — sample 5% of the order API's requests on the stack's own API domain: `host` and
    # `resource_arn` are what the X-Ray SDK compares a request with ("Matches the hostname from a request URL"); traces
    # go to X-Ray in the rule's region (`region`: where the rule is managed, overridden in the offending twin).
    def build(c: Ctx) -> object:
        return aws.xray.SamplingRule(
            "orders-api", rule_name="orders-api", priority=100, version=1, reservoir_size=1, fixed_rate=0.05,
            host="api.fleet.example.eu", url_path="/orders/*", http_method="*", service_type="AWS::ECS::Container",
            service_name="orders", resource_arn="*", region=region, opts=c.aws,
        )  # fmt: skip

    return build


def run_command_output(where: str, partner_bucket: str | None = None) -> Callable[[Ctx], object]:
    # docs: ssm/document (an Automation runbook whose aws:runCommand step collects diagnostics), sfn/statemachine (an
    # `aws-sdk:ssm:sendCommand` task) — `OutputS3BucketName` is where Run Command stores the commands' output, a bucket
    # in any Region (SendCommand: OutputS3Region is deprecated, "Systems Manager automatically determines the Region").
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("run-command-output", opts=c.aws)
        bucket = own.bucket if partner_bucket is None else pulumi.Output.from_input(partner_bucket)
        commands = {"commands": ["journalctl -u fleet-agent -n 500"]}
        inputs = {"DocumentName": "AWS-RunShellScript", "Parameters": commands}
        if where == "automation":
            content = bucket.apply(
                lambda b: json.dumps({
                    "schemaVersion": "0.3", "description": "Collect the fleet agent's journal",
                    "parameters": {"InstanceId": {"type": "String"}},
                    "mainSteps": [{"name": "collect", "action": "aws:runCommand", "inputs": {
                        **inputs, "InstanceIds": ["{{ InstanceId }}"], "OutputS3BucketName": b,
                        "OutputS3KeyPrefix": "diagnostics/"}}],
                })
            )  # fmt: skip
            return aws.ssm.Document(
                "collect-diagnostics", name="collect-diagnostics", document_type="Automation", document_format="JSON",
                content=content, opts=c.aws,
            )  # fmt: skip
        role = aws.iam.Role("diagnostics", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)
        definition = bucket.apply(
            lambda b: json.dumps({"StartAt": "Collect", "States": {"Collect": {
                "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:ssm:sendCommand", "End": True,
                "Parameters": {**inputs, "InstanceIds.$": "$.instances", "OutputS3BucketName": b}}}})
        )  # fmt: skip
        return aws.sfn.StateMachine("collect-diagnostics", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def quick_setup_config_recording(partner_bucket: str | None = None) -> Callable[[Ctx], object]:
    # docs: ssm/quicksetupconfigurationmanager, Quick Setup's ConfigurationDefinitionInput
    # (AWSQuickSetupType-CFGRecording) — AWS Config recording in the stack's Region, delivering snapshots and history
    # to `DeliveryBucketName`.
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("config-history", opts=c.aws)
        bucket = own.bucket if partner_bucket is None else pulumi.Output.from_input(partner_bucket)
        return aws.ssm.QuicksetupConfigurationManager(
            "config-recording", name="config-recording",
            configuration_definition={"type": "AWSQuickSetupType-CFGRecording", "parameters": {
                "RecordAllResources": "true", "RecordGlobalResourceTypes": "false", "UseCustomBucket": "true",
                "DeliveryBucketName": bucket, "DeliveryBucketPrefix": "config", "NotificationOptions": "NoStreaming",
                "TargetAccounts": "123456789012", "TargetRegions": REGION[c.code][0]}}, opts=c.aws,
        )  # fmt: skip

    return build


def recall_report_mail(to: str) -> Callable[[Ctx], object]:
    # docs: sfn/statemachine — a daily task mails the recall report through SES (`aws-sdk:sesv2:sendEmail`, its
    # Destination's ToAddresses / CcAddresses): each recipient's domain receives the report.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("recall-report-role", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)
        partition = "aws-cn" if c.code == "CN" else "aws"
        definition = json.dumps({"StartAt": "Mail", "States": {"Mail": {
            "Type": "Task", "Resource": f"arn:{partition}:states:::aws-sdk:sesv2:sendEmail", "End": True,
            "Parameters": {
                "FromEmailAddress": "noreply@mail.example.eu",
                "Destination": {"ToAddresses": [to], "CcAddresses": ["quality@mail.example.eu"]},
                "Content": {"Simple": {"Subject": {"Data": "Daily recall report"},
                                       "Body": {"Text": {"Data.$": "$.report"}}}}}}}})  # fmt: skip
        return aws.sfn.StateMachine("recall-report", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def _fa_transfer(service: str, destination: str, reference: str) -> dict[str, Any]:
    """A register entry that accepts one catalogued global service by its id (the `match` RES-016's message names)."""
    return {
        "id": f"fa-{service}", "kind": "transfer", "match": service, "destination": destination,
        "data_classes": ["owner_personal_data"], "basis": "scc", "reference": reference,
        "approved_by": "dpo@example.eu", "expires": "2099-12-31",
    }  # fmt: skip


_FA_BIGQUERY_EU = {
    "id": "bigquery-eu", "kind": "resident", "match": "aws-glue-application-connection",
    "evidence": "BigQuery project fleet-analytics: datasets in location EU, org policy gcp.resourceLocations "
                "in:eu-locations",
}  # fmt: skip
_FA_OWN_MAIL = {"id": "de-mail", "kind": "resident", "match": "*.fleet-example.de",
                "evidence": "Own mail and SIP servers, Frankfurt colocation, contract CO-7"}  # fmt: skip
_FA_AMI_SHARE = {
    "id": "dealer-ami-share", "kind": "resident", "match": "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
    "evidence": "Dealer account 210987654321: SCP denies ec2:CopyImage outside eu-*, contract DLR-14",
}  # fmt: skip
_FA_SNAPSHOT_SHARE = {
    "id": "analytics-snapshot-share", "kind": "resident",
    "match": "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission",
    "evidence": "Analytics account 210987654321: SCP denies ec2:CopySnapshot outside eu-central-1, contract AN-3",
}  # fmt: skip


def pai_drive_dataset(source: str, uri: str | None = None, region: str | None = None) -> Callable[[Ctx], object]:
    # docs: pai/workspacedataset — `uri` is "oss://bucket.endpoint/object" for an OSS dataset and
    # "nas://<nasfisid>.region/subpath/to/dir/" for a NAS one (CreateDataset). The drive-log dataset of the stack's
    # own bucket (its internal endpoint) or NAS file system, in `region` (the stack's by default), or `uri` as written.
    def build(c: Ctx) -> object:
        where = region or REGION[c.code][1]
        ws = alicloud.pai.WorkspaceWorkspace(
            "drive-ml", workspace_name="drive_ml", display_name="drive ml", description="drive logs",
            env_types=["prod"], opts=c.ali,
        )  # fmt: skip
        if uri is not None:
            location: pulumi.Input[str] = uri
        elif source == "OSS":
            bucket = alicloud.oss.Bucket("drive-log-store", bucket=f"fleet-drive-logs-{c.code.lower()}", opts=c.ali)
            location = pulumi.Output.concat("oss://", bucket.bucket, ".oss-", where, "-internal.aliyuncs.com/drives/")
        else:
            fs = alicloud.nas.FileSystem(
                "drive-log-share", protocol_type="NFS", storage_type="Performance", file_system_type="standard",
                opts=c.ali,
            )  # fmt: skip
            location = pulumi.Output.concat("nas://", fs.id, ".", where, "/drives/")
        return alicloud.pai.WorkspaceDataset(
            "drive-logs", workspace_id=ws.id, dataset_name="drive_logs", data_source_type=source, data_type="COMMON",
            property="DIRECTORY", accessibility="PRIVATE", uri=location, opts=c.ali,
        )  # fmt: skip

    return build


def portal_load_balancer_ip(kind: str, allocation: str | None = None) -> Callable[[Ctx], object]:
    # docs: nlb/loadbalancer or alb/loadbalancer — an Internet-facing portal whose first zone takes the public address
    # named by `zone_mappings[].allocation_id`: a regional EIP the stack makes (ecs/eipaddress), or `allocation` as
    # written (the id of an Anycast EIP another team made: "operations supported only on the NLB side").
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        ip: pulumi.Input[str] = (
            allocation or alicloud.ecs.EipAddress("portal-ip", address_name="portal-ip", bandwidth="100", opts=c.ali).id
        )
        zones: Any = [  # the ALB and NLB zone mappings share these keys
            {"vswitch_id": "vsw-0a1b2c3d4e5f", "zone_id": f"{region}-a", "allocation_id": ip},
            {"vswitch_id": "vsw-1b2c3d4e5f6a", "zone_id": f"{region}-b"},
        ]
        if kind == "nlb":
            return alicloud.nlb.LoadBalancer(
                "dealer-portal", load_balancer_name="dealer-portal", load_balancer_type="Network",
                address_type="Internet", address_ip_version="Ipv4", vpc_id="vpc-0a1b2c3d4e5f", zone_mappings=zones,
                opts=c.ali,
            )  # fmt: skip
        return alicloud.alb.LoadBalancer(
            "dealer-portal", load_balancer_name="dealer-portal", load_balancer_edition="Standard",
            address_type="Internet", vpc_id="vpc-0a1b2c3d4e5f", load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=zones, opts=c.ali,
        )  # fmt: skip

    return build


_ANYCAST_EIP_ID = "aeip-6we2nnfz0bdcsb3a4i4ow"


def mt_cloudfront_logs(bucket: str | None) -> Callable[[Ctx], object]:
    """A CloudFront (China) distribution whose standard logs go to ``bucket`` (a bucket's domain name), or to the
    stack's own log bucket (its ``bucket_domain_name``) when None (docs: cloudfront/distribution logging_config)."""

    def build(c: Ctx) -> object:
        site = aws.s3.Bucket("site", opts=c.aws)
        logs = aws.s3.Bucket("cdn-logs", opts=c.aws) if bucket is None else None
        return aws.cloudfront.Distribution(
            "cdn", enabled=True, origins=[{"domain_name": site.bucket_regional_domain_name, "origin_id": "s3"}],
            default_cache_behavior={"allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                                    "target_origin_id": "s3", "viewer_protocol_policy": "redirect-to-https",
                                    "forwarded_values": {"query_string": False, "cookies": {"forward": "none"}}},
            restrictions={"geo_restriction": {"restriction_type": "none"}},
            viewer_certificate={"cloudfront_default_certificate": True},
            logging_config={"bucket": logs.bucket_domain_name if logs is not None else bucket, "prefix": "cdn/",
                            "include_cookies": False},
            opts=c.aws,
        )  # fmt: skip

    return build


def mt_alias_record(target: str | None) -> Callable[[Ctx], object]:
    """A Route 53 alias record to ``target`` (AliasTarget DNSName), or to the stack's own load balancer when None; the
    zone's apex is an alias to the load balancer, ``www`` an alias to the apex, a record of the same zone (docs:
    route53/record aliases, Route 53 API AliasTarget)."""

    def build(c: Ctx) -> object:
        zone = aws.route53.Zone("fleet", name="fleet-example.jp", opts=c.aws)
        lb = aws.lb.LoadBalancer("alb", load_balancer_type="application", subnets=["subnet-1", "subnet-2"], opts=c.aws)
        apex = aws.route53.Record(
            "apex", zone_id=zone.zone_id, name="fleet-example.jp", type="A",
            aliases=[{"name": lb.dns_name, "zone_id": lb.zone_id, "evaluate_target_health": True}], opts=c.aws,
        )  # fmt: skip
        return aws.route53.Record(
            "www", zone_id=zone.zone_id, name="www.fleet-example.jp", type="A",
            aliases=[{"name": apex.name if target is None else target, "zone_id": zone.zone_id,
                      "evaluate_target_health": False}],
            opts=c.aws,
        )  # fmt: skip

    return build


def mt_pai_dataset(uri: str | None) -> Callable[[Ctx], object]:
    """A PAI dataset read from ``uri``, or from the stack's own bucket in OSS's `oss://<bucket>.<endpoint>/` form when
    None (docs: alicloud pai/workspacedataset)."""

    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        bucket = alicloud.oss.Bucket("ml-datasets", bucket=f"fleet-ml-datasets-{region}", opts=c.ali)
        ws = alicloud.pai.WorkspaceWorkspace(
            "battery-ml", workspace_name="battery_ml", display_name="battery ml", description="battery health",
            env_types=["prod"], opts=c.ali,
        )  # fmt: skip
        return alicloud.pai.WorkspaceDataset(
            "pack-cycles", workspace_id=ws.id, dataset_name="pack_cycles", data_source_type="OSS",
            data_type="COMMON", property="DIRECTORY", accessibility="PRIVATE",
            uri=bucket.bucket.apply(lambda b: f"oss://{b}.oss-{region}-internal.aliyuncs.com/pack-cycles/")
            if uri is None else uri,
            opts=c.ali,
        )  # fmt: skip

    return build


def mt_cognito_client(pool_id: str | None) -> Callable[[Ctx], object]:
    """A Cognito app client of the user pool ``pool_id`` (``<region>_<id>``), or of the stack's own pool when None;
    with an identity pool whose roles are attached by its id (docs: cognito/userpoolclient, cognito/identitypool,
    cognito/identitypoolroleattachment)."""

    def build(c: Ctx) -> object:
        pool = aws.cognito.UserPool("owners", name="owners", opts=c.aws)
        client = aws.cognito.UserPoolClient(
            "owner-app", name="owner-app", user_pool_id=pool.id if pool_id is None else pool_id,
            explicit_auth_flows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], opts=c.aws,
        )  # fmt: skip
        identities = aws.cognito.IdentityPool(
            "owner-identities", identity_pool_name="owner_identities", allow_unauthenticated_identities=False,
            cognito_identity_providers=[{"client_id": client.id, "provider_name": pool.endpoint}], opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("owner-authenticated", assume_role_policy=ROLE, opts=c.aws)
        return aws.cognito.IdentityPoolRoleAttachment(
            "owner-roles", identity_pool_id=identities.id, roles={"authenticated": role.arn}, opts=c.aws
        )

    return build


def mt_identity_pool_roles(identity_pool_id: str) -> Callable[[Ctx], object]:
    """Roles attached to the identity pool ``identity_pool_id`` (``<region>:<guid>``), one another stack made (docs:
    cognito/identitypoolroleattachment)."""

    def build(c: Ctx) -> object:
        role = aws.iam.Role("owner-authenticated", assume_role_policy=ROLE, opts=c.aws)
        return aws.cognito.IdentityPoolRoleAttachment(
            "owner-roles", identity_pool_id=identity_pool_id, roles={"authenticated": role.arn}, opts=c.aws
        )

    return build


def mt_sae_namespace(namespace_id: str) -> Callable[[Ctx], object]:
    """An SAE application deployed into the namespace ``namespace_id`` (``<RegionId>:<namespace>``; docs: alicloud
    sae/application, sae/namespace)."""

    def build(c: Ctx) -> object:
        return alicloud.sae.Application(
            "fleet-api", app_name="fleet-api", package_type="Image", replicas=2, cpu=500, memory=1024,
            image_url="registry-vpc.cn-shanghai.aliyuncs.com/fleet/api:1", vpc_id="vpc-1", vswitch_id="vsw-1",
            namespace_id=namespace_id, opts=c.ali,
        )  # fmt: skip

    return build


_MT_LOG_HOST = {
    "id": "cn-log-collector", "kind": "resident", "match": "cdn-logs.fleet-example.cn",
    "evidence": "Shanghai colocation log collector, contract HC-7",
}  # fmt: skip
_MT_REGISTRY = {
    "id": "eu-registry", "kind": "resident", "match": "registry.fleet-example.eu",
    "evidence": "Harbor registry in the Frankfurt colocation, contract FR-3",
}  # fmt: skip


# -- stop 32: placeholders before a fixed domain, and the resolvers / time servers a network is sent to -------------


def hs32_alb_redirect(host: str) -> Callable[[Ctx], object]:
    # docs: lb/listener — a redirect action; RedirectActionConfig: "The hostname can contain #{host}" (the request's
    # own host, filled in by the load balancer), so `#{host}.partner.example.com` sends every client to the partner.
    def build(c: Ctx) -> object:
        lb = aws.lb.LoadBalancer("web", load_balancer_type="application", subnets=["subnet-1", "subnet-2"], opts=c.aws)
        return aws.lb.Listener(
            "http", load_balancer_arn=lb.arn, port=80, protocol="HTTP",
            default_actions=[{"type": "redirect", "redirect": {
                "host": host, "path": "/#{path}", "query": "#{query}", "port": "443", "protocol": "HTTPS",
                "status_code": "HTTP_301"}}],
            opts=c.aws,
        )  # fmt: skip

    return build


def hs32_fc_service_host(host: str) -> Callable[[Ctx], object]:
    # docs: fc/v3function — a function reaching an in-cluster service by a name its code fills in per service.
    def build(c: Ctx) -> object:
        return alicloud.fc.V3Function(
            "orders-sync", function_name="orders-sync", runtime="python3.10", handler="index.handler",
            memory_size=512, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            environment_variables={"ORDERS_HOST": host, "ORDERS_PORT": "8080"}, opts=c.ali,
        )  # fmt: skip

    return build


def hs32_vpc_dhcp_options(name_servers: list[str]) -> Callable[[Ctx], object]:
    # docs: ec2/vpcdhcpoptions — every instance of the VPC sends its DNS queries to `domain_name_servers`
    # ("AmazonProvidedDNS" is the VPC's own resolver) and keeps its clock from `ntp_servers` (169.254.169.123: the
    # Amazon Time Sync Service, link-local). `domain_name` is a search domain, completing one-label names: not judged.
    def build(c: Ctx) -> object:
        options = aws.ec2.VpcDhcpOptions(
            "corp", domain_name="corp.fleet-example.de", domain_name_servers=name_servers,
            ntp_servers=["169.254.169.123"], opts=c.aws,
        )  # fmt: skip
        return aws.ec2.VpcDhcpOptionsAssociation("corp", vpc_id="vpc-123", dhcp_options_id=options.id, opts=c.aws)

    return build


def hs32_ali_dhcp_options(name_servers: str) -> Callable[[Ctx], object]:
    # docs: vpc/dhcpoptionsset — `domain_name_servers`, "The DNS server IP addresses ... separated with commas"
    # (100.100.2.136 / 100.100.2.138: the VPC's own Alibaba Cloud DNS, in 100.64.0.0/10).
    def build(c: Ctx) -> object:
        return alicloud.vpc.DhcpOptionsSet(
            "corp", dhcp_options_set_name="corp", domain_name="corp.fleet.example.cn",
            domain_name_servers=name_servers, opts=c.ali,
        )  # fmt: skip

    return build


def hs32_conditional_forwarder(dns_ips: list[str]) -> Callable[[Ctx], object]:
    # docs: directoryservice/conditionalforwarder — queries for the remote domain go to `dns_ips`.
    def build(c: Ctx) -> object:
        return aws.directoryservice.ConditionalForwarder(
            "dealers", directory_id="d-1234567890", remote_domain_name="dealers.fleet-example.jp", dns_ips=dns_ips,
            opts=c.aws,
        )  # fmt: skip

    return build


def hs32_tgw_connect_peer(peer_address: str) -> Callable[[Ctx], object]:
    # docs: ec2transitgateway/connectpeer — the GRE tunnel's far end, to which the attachment's traffic is sent.
    def build(c: Ctx) -> object:
        return aws.ec2transitgateway.ConnectPeer(
            "sdwan", transit_gateway_attachment_id="tgw-attach-0123456789abcdef0", peer_address=peer_address,
            inside_cidr_blocks=["169.254.6.0/29"], bgp_asn="64512", opts=c.aws,
        )  # fmt: skip

    return build


def hs32_client_vpn(dns_servers: list[str]) -> Callable[[Ctx], object]:
    # docs: ec2clientvpn/endpoint — `dns_servers`: the resolvers every connected client's queries are sent to.
    def build(c: Ctx) -> object:
        return aws.ec2clientvpn.Endpoint(
            "staff", server_certificate_arn=f"arn:aws:acm:{REGION[c.code][0]}:123456789012:certificate/1",
            client_cidr_block="10.100.0.0/22", dns_servers=dns_servers,
            authentication_options=[{"type": "certificate-authentication",
                                     "root_certificate_chain_arn":
                                         f"arn:aws:acm:{REGION[c.code][0]}:123456789012:certificate/2"}],
            connection_log_options={"enabled": False}, opts=c.aws,
        )  # fmt: skip

    return build


def hs32_http_api_stage_subdomain(uri: str) -> Callable[[Ctx], object]:
    # docs: apigatewayv2/integration — an HTTP_PROXY integration whose URI holds a stage variable as a subdomain
    # ("A subdomain: http://${stageVariables.<variable_name>}.example.com/resource/operation", API Gateway stage
    # variables reference for HTTP APIs): every request is sent to a host under the domain after it.
    def build(c: Ctx) -> object:
        api = aws.apigatewayv2.Api("orders", protocol_type="HTTP", opts=c.aws)
        return aws.apigatewayv2.Integration(
            "backend", api_id=api.id, integration_type="HTTP_PROXY", integration_method="ANY", integration_uri=uri,
            opts=c.aws,
        )  # fmt: skip

    return build


def ali7_editing_project(division: str | None) -> Callable[[Ctx], object]:
    # docs: vod/editingproject — an online editing project for a fleet's incident recap video, created in the region
    # `division` names ("The region where you want to create the online editing project", AddEditingProject's
    # Division; pulumi-alicloud's example sets it to a region id): None puts it in the stack's own Alibaba region.
    def build(c: Ctx) -> object:
        return alicloud.vod.EditingProject(
            "incident-recap", title="incident-recap", editing_project_name="Fleet incident recap",
            division=division or REGION[c.code][1], opts=c.ali,
        )  # fmt: skip

    return build


_HS32_PARTNER = {"id": "partner-portal", "kind": "resident", "match": "*.partner.example.com",
                 "evidence": "Partner portal hosted in Frankfurt, contract PP-9 (stays in the EU)"}  # fmt: skip
_HS32_CLUSTER = {"id": "orders-cluster", "kind": "resident", "match": "*.default.svc.cluster.local",
                 "evidence": "ACK cluster in cn-shanghai; admission policy forbids ExternalName services"}  # fmt: skip


def s3url_door(door: str, form: str, partner: str | None = None) -> Callable[[Ctx], object]:
    """An S3 URL of ``form`` (``{b}`` the bucket, ``{r}`` the stack's region) at one front door: the stack's own
    bucket (its name from the bucket's Output, as a program builds it), or ``partner``'s bucket named through the same
    in-jurisdiction endpoint. docs: lambda/function environment, kinesis/firehosedeliverystream
    http_endpoint_configuration.url, sns/topicsubscription (protocol https), ec2/launchtemplate user_data; S3 URL
    forms: VirtualHosting.html (virtual-hosted, path, legacy s3-<region>), dual-stack-endpoints.html,
    WebsiteEndpoints.html. The endpoint's region is not the bucket's: S3 redirects a request to the bucket's region."""

    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        own = aws.s3.Bucket("exports", opts=c.aws)
        url: Any = (
            form.format(b=partner, r=region) if partner else own.bucket.apply(lambda b: form.format(b=b, r=region))
        )
        if door == "lambda":
            role = aws.iam.Role("fn-role", assume_role_policy=ROLE, opts=c.aws)
            return aws.lambda_.Function(
                "fn", role=role.arn, runtime="python3.12", handler="index.handler", code=CODE,
                environment={"variables": {"EXPORT_URL": url}}, opts=c.aws,
            )  # fmt: skip
        if door == "firehose":
            role = aws.iam.Role("firehose", assume_role_policy=ROLE.replace("lambda", "firehose"), opts=c.aws)
            return aws.kinesis.FirehoseDeliveryStream(
                "exports-delivery", destination="http_endpoint",
                http_endpoint_configuration={"url": url, "name": "exports", "role_arn": role.arn,
                                             "s3_configuration": {"role_arn": role.arn, "bucket_arn": own.arn}},
                opts=c.aws,
            )  # fmt: skip
        if door == "sns":
            topic = aws.sns.Topic("events", opts=c.aws)
            return aws.sns.TopicSubscription(
                "events-https", topic=topic.arn, protocol="https", endpoint=url, opts=c.aws
            )
        # user-data: a launch template's script downloads the agent from the URL.
        script = pulumi.Output.from_input(url).apply(
            lambda u: base64.b64encode(f"#!/bin/bash\ncurl -fsS -o /opt/fleet/agent.rpm {u}agent.rpm\n".encode())
        )
        return aws.ec2.LaunchTemplate(
            "fleet-nodes", image_id="ami-123", instance_type="t3.micro", user_data=script.apply(bytes.decode),
            opts=c.aws,
        )  # fmt: skip

    return build


_S3URL_VIRTUAL = "https://{b}.s3.{r}.amazonaws.com/exports/"
_S3URL_PATH = "https://s3.{r}.amazonaws.com/{b}/exports/"
_S3URL_DUALSTACK = "https://{b}.s3.dualstack.{r}.amazonaws.com/exports/"
_S3URL_FIPS = "https://{b}.s3-fips.{r}.amazonaws.com/exports/"
_S3URL_LEGACY = "https://{b}.s3-{r}.amazonaws.com/exports/"
_S3URL_WEBSITE = "http://{b}.s3-website-{r}.amazonaws.com/exports/"
_S3URL_WEBSITE_DOT = "http://{b}.s3-website.{r}.amazonaws.com/exports/"
_S3URL_CN_VIRTUAL = "https://{b}.s3.{r}.amazonaws.com.cn/exports/"
_S3URL_PARTNER = {"id": "partner-bucket", "kind": "resident", "match": "partner-bucket",
                  "evidence": "Partner bucket in eu-west-1 (GetBucketLocation), contract PB-3"}  # fmt: skip


def awsred7_transcribe_calls(partner_bucket: str | None = None) -> Callable[[Ctx], object]:
    # docs: sfn/statemachine, Transcribe StartTranscriptionJob — a workflow transcribes each recorded service call
    # (`aws-sdk:transcribe:startTranscriptionJob`); `OutputBucketName` is where Transcribe writes the transcript.
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("call-transcripts", opts=c.aws)
        bucket = own.bucket if partner_bucket is None else pulumi.Output.from_input(partner_bucket)
        role = aws.iam.Role("transcribe-calls-role", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)
        definition = bucket.apply(
            lambda b: json.dumps({"StartAt": "Transcribe", "States": {"Transcribe": {
                "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob", "End": True,
                "Parameters": {"TranscriptionJobName.$": "$.callId", "LanguageCode": "de-DE",
                               "Media": {"MediaFileUri.$": "$.recordingUri"}, "OutputBucketName": b,
                               "OutputKey": "transcripts/"}}}})
        )  # fmt: skip
        return aws.sfn.StateMachine("transcribe-calls", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def awsred7_copy_export(partner_source: str | None = None) -> Callable[[Ctx], object]:
    # docs: sfn/statemachine, S3 CopyObject — a nightly task copies the day's export into the stack's archive bucket
    # (`aws-sdk:s3:copyObject`): `CopySource` is `<source bucket>/<key>`, the bucket the object is read from.
    def build(c: Ctx) -> object:
        archive = aws.s3.Bucket("export-archive", opts=c.aws)
        exports = aws.s3.Bucket("daily-exports", opts=c.aws)
        source = exports.bucket if partner_source is None else pulumi.Output.from_input(partner_source)
        role = aws.iam.Role("copy-export-role", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)
        definition = pulumi.Output.all(archive.bucket, source).apply(
            lambda a: json.dumps({"StartAt": "Copy", "States": {"Copy": {
                "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:copyObject", "End": True,
                "Parameters": {"Bucket": a[0], "Key": "archive/day.csv", "CopySource": f"{a[1]}/exports/day.csv"}}}})
        )  # fmt: skip
        return aws.sfn.StateMachine("copy-export", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def awsred7_lake_grant(principal: str | None = None) -> Callable[[Ctx], object]:
    # docs: glue/catalogdatabase, lakeformation/permissions — the trips table's database shared with the analysts' role,
    # or with another account (a 12-digit id), which can query it from any Region through resource links (Lake
    # Formation, Creating resource links).
    def build(c: Ctx) -> object:
        db = aws.glue.CatalogDatabase("trips-db", name="trips", opts=c.aws)
        if principal is None:
            analysts = aws.iam.Role("lake-analysts", assume_role_policy=ROLE.replace("lambda", "athena"), opts=c.aws)
            grantee: Any = analysts.arn
        else:
            grantee = principal
        return aws.lakeformation.Permissions(
            "trips-select", principal=grantee, permissions=["SELECT", "DESCRIBE"],
            table={"database_name": db.name, "wildcard": True}, opts=c.aws,
        )  # fmt: skip

    return build


# A report mailer's environment (docs: lambda/function): the recipients' domains receive the report; the sender's
# address (a partner's relay here) and the reply-to address receive nothing the report carries.
_AWSRED7_REPORT_PARTNER = {
    "REPORT_TO_ADDRESSES": "recalls@partner.example.com,quality@mail.example.eu",
    "REPORT_FROM_ADDRESS": "noreply@mail.example.eu",
}
_AWSRED7_REPORT_OWN = {
    "REPORT_TO_ADDRESSES": "recalls@mail.example.eu,quality@mail.example.eu",
    "REPORT_FROM_ADDRESS": "noreply@partner.example.com",
    "REPLY_TO_ADDRESS": "recalls-desk@partner.example.com",  # replies go there: was refused (RES-015), a false alarm
}

# False-alarm review (stop 32): a record of the stack's zone named relative to it, and a bucket of the data stack
# named alone in an oss:// path, each declared as the refusal's message says.
_FA32_PORTAL = {
    "id": "eu-portal", "kind": "resident", "match": "portal.fleet.example.eu",
    "evidence": "record of this stack's zone, alias to its Frankfurt ALB",
}  # fmt: skip
_FA32_RAW_DRIVES = {
    "id": "cn-raw-drives", "kind": "resident", "match": "fleet-raw-drives",
    "evidence": "bucket of the data stack, oss-cn-shanghai",
}  # fmt: skip

# -- Coverage red team (stop 33, newsvc): resource types whose inputs name a destination and that no program exercised.
# Each builder writes the program as the provider docs show it, with the destination as a parameter; the cases at the
# end of CASES give it a foreign destination (and, for a leak closed here, an in-country or declared twin).
_NEWSVC_PARTNER_BUCKET = "partner-telematics-exports"
_NEWSVC_MAIL = {
    "id": "cn-secops-mail", "kind": "resident", "match": "mail.example.cn", "evidence": "Own mail servers, Beijing"
}  # fmt: skip


def newsvc_log_delivery_destination(target_arn: str) -> Callable[[Ctx], object]:
    # docs: cloudwatch/logdeliverydestination — vended logs (a service's access logs) are delivered to a Firehose
    # stream, a log group or a bucket named by `destination_resource_arn`.
    def build(c: Ctx) -> object:
        return aws.cloudwatch.LogDeliveryDestination(
            "vended", name="fleet-api-access", output_format="json",
            delivery_destination_configuration={"destination_resource_arn": target_arn}, opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_lambda_failure_destination(destination: str) -> Callable[[Ctx], object]:
    # docs: lambda/functioneventinvokeconfig — failed asynchronous invocations (with the event) go to an SQS queue,
    # an SNS topic, a function or an event bus.
    def build(c: Ctx) -> object:
        return aws.lambda_.FunctionEventInvokeConfig(
            "charge-events", function_name="charge-session-ingest", maximum_retry_attempts=2,
            destination_config={"on_failure": {"destination": destination}}, opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_dynamodb_export(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: dynamodb/tableexport — a point-in-time export of the table's items into an S3 bucket.
    def build(c: Ctx) -> object:
        table = aws.dynamodb.Table(
            "sessions", hash_key="vin", attributes=[{"name": "vin", "type": "S"}], billing_mode="PAY_PER_REQUEST",
            point_in_time_recovery={"enabled": True}, opts=c.aws,
        )  # fmt: skip
        target = aws.s3.Bucket("exports", opts=c.aws).bucket if bucket is None else bucket
        return aws.dynamodb.TableExport("sessions-export", table_arn=table.arn, s3_bucket=target, opts=c.aws)

    return build


def newsvc_rds_snapshot_export(bucket: str) -> Callable[[Ctx], object]:
    # docs: rds/exporttask — a snapshot's tables exported as Parquet into an S3 bucket.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        return aws.rds.ExportTask(
            "warehouse-export", export_task_identifier="warehouse-2026-12",
            iam_role_arn="arn:aws:iam::123456789012:role/export",
            kms_key_id=f"arn:aws:kms:{region}:123456789012:key/0a1b2c3d", s3_bucket_name=bucket,
            source_arn=f"arn:aws:rds:{region}:123456789012:snapshot:warehouse-2026-12", opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_fsx_repository(path: str) -> Callable[[Ctx], object]:
    # docs: fsx/datarepositoryassociation — a Lustre file system linked to an S3 prefix, imported and exported.
    def build(c: Ctx) -> object:
        return aws.fsx.DataRepositoryAssociation(
            "training", file_system_id="fs-0123456789abcdef0", file_system_path="/training", data_repository_path=path,
            s3={"auto_export_policy": {"events": ["NEW", "CHANGED"]}}, opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_appsync_http_source(endpoint: str) -> Callable[[Ctx], object]:
    # docs: appsync/datasource — an HTTP data source: resolvers send their requests (and arguments) to `endpoint`.
    def build(c: Ctx) -> object:
        api = aws.appsync.GraphQLApi("fleet-api", authentication_type="AWS_IAM", name="fleet", opts=c.aws)
        return aws.appsync.DataSource(
            "partner", api_id=api.id, name="partner", type="HTTP", http_config={"endpoint": endpoint}, opts=c.aws
        )

    return build


def newsvc_connect_recordings(bucket: str) -> Callable[[Ctx], object]:
    # docs: connect/instancestorageconfig — where the contact center stores its call recordings.
    def build(c: Ctx) -> object:
        return aws.connect.InstanceStorageConfig(
            "recordings", instance_id="aaaaaaaa-bbbb-cccc-dddd-111111111111", resource_type="CALL_RECORDINGS",
            storage_config={"storage_type": "S3", "s3_config": {"bucket_name": bucket, "bucket_prefix": "calls"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_face_search_output(bucket: str) -> Callable[[Ctx], object]:
    # docs: rekognition/streamprocessor — a connected-home processor writes its detections (people in the camera
    # feed) into an S3 bucket.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        return aws.rekognition.StreamProcessor(
            "depot-cameras", name="depot-cameras", role_arn="arn:aws:iam::123456789012:role/rekognition",
            input={"kinesis_video_stream": {"arn": f"arn:aws:kinesisvideo:{region}:123456789012:stream/depot/1"}},
            output={"s3_destination": {"bucket": bucket, "key_prefix": "detections"}},
            settings={"connected_home": {"labels": ["PERSON"]}}, opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_ivs_recordings(bucket: str) -> Callable[[Ctx], object]:
    # docs: ivs/recordingconfiguration — every recorded stream is written to this bucket.
    def build(c: Ctx) -> object:
        return aws.ivs.RecordingConfiguration(
            "launch-event", name="launch-event", destination_configuration={"s3": {"bucket_name": bucket}}, opts=c.aws
        )

    return build


def newsvc_firewall_logs(destination: dict[str, str], kind: str) -> Callable[[Ctx], object]:
    # docs: networkfirewall/loggingconfiguration — flow logs to a bucket (`bucketName`), a log group or Firehose.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        partition = "aws-cn" if c.code == "CN" else "aws"
        return aws.networkfirewall.LoggingConfiguration(
            "egress-firewall", firewall_arn=f"arn:{partition}:network-firewall:{region}:123456789012:firewall/egress",
            logging_configuration={"log_destination_configs": [
                {"log_destination": destination, "log_destination_type": kind, "log_type": "FLOW"},
            ]}, opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_codeconnections_host(endpoint: str) -> Callable[[Ctx], object]:
    # docs: codeconnections/host — a self-managed GitLab the pipelines pull from and report to.
    def build(c: Ctx) -> object:
        return aws.codeconnections.Host(
            "gitlab", name="fleet-gitlab", provider_endpoint=endpoint, provider_type="GitLabSelfManaged", opts=c.aws
        )

    return build


def newsvc_inventory_sync(bucket: str) -> Callable[[Ctx], object]:
    # docs: ssm/resourcedatasync — the managed instances' inventory synchronised into a bucket.
    def build(c: Ctx) -> object:
        return aws.ssm.ResourceDataSync(
            "inventory", name="fleet-inventory",
            s3_destination={"bucket_name": bucket, "region": REGION[c.code][0]}, opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_lattice_access_logs(destination_arn: str) -> Callable[[Ctx], object]:
    # docs: vpclattice/accesslogsubscription — every request through the service network logged to a destination.
    def build(c: Ctx) -> object:
        network = aws.vpclattice.ServiceNetwork("mesh", name="fleet-mesh", opts=c.aws)
        return aws.vpclattice.AccessLogSubscription(
            "mesh-logs", resource_identifier=network.id, destination_arn=destination_arn, opts=c.aws
        )

    return build


def newsvc_agent_memory_payloads(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcorememorystrategy — a self-managed strategy: AgentCore "delivers conversation data to your S3
    # bucket" (payload_delivery_bucket_name) and notifies the SNS topic
    # (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/memory-self-managed-strategies.html).
    def build(c: Ctx) -> object:
        topic = aws.sns.Topic("memory-jobs", opts=c.aws)
        target = aws.s3.Bucket("memory-payloads", opts=c.aws).bucket if bucket is None else bucket
        return aws.bedrock.AgentcoreMemoryStrategy(
            "assistant-memory", memory_id="fleet_assistant-AbCdEf1234", name="trip_preferences", type="CUSTOM",
            namespaces=["/drivers/{actorId}"],
            configuration={"type": "SELF_MANAGED", "self_managed_configuration": {
                "invocation_configuration": {"payload_delivery_bucket_name": target, "topic_arn": topic.arn},
                "trigger_conditions": {"message_based_trigger": {"message_count": 20}},
            }}, opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_prometheus_remote_write(url: str) -> Callable[[Ctx], object]:
    # docs: arms/remotewrite — the Prometheus instance forwards every sample to the `remote_write` URLs of the YAML.
    def build(c: Ctx) -> object:
        config = f"remote_write:\n- name: partner\n  url: {url}\n  basic_auth:\n    username: fleet\n    password: s\n"
        return alicloud.arms.RemoteWrite("metrics", cluster_id="c0a1b2c3d4e5f", remote_write_yaml=config, opts=c.ali)

    return build


def newsvc_cms_event_webhook(url: str) -> Callable[[Ctx], object]:
    # docs: cms/eventrule — CloudMonitor posts every matching system event to the webhook.
    def build(c: Ctx) -> object:
        pattern: Any = {"product": "ecs", "event_type_lists": ["*"]}
        webhooks: Any = [{"contact_parameters_id": "1", "method": "POST", "protocol": "http", "url": url}]
        return alicloud.cms.EventRule(
            "ecs-events", rule_name="fleet-ecs-events", event_pattern=pattern, webhook_parameters=webhooks, opts=c.ali
        )

    return build


def newsvc_msc_webhook(url: str) -> Callable[[Ctx], object]:
    # docs: mscsubwebhook — Message Center pushes the account's subscribed messages (security events, notices) here.
    def build(c: Ctx) -> object:
        return alicloud.MscSubWebhook("noc", webhook_name="fleet-noc", server_url=url, opts=c.ali)

    return build


def newsvc_fc_async_failure(destination: str) -> Callable[[Ctx], object]:
    # docs: fc/functionasyncinvokeconfig — failed asynchronous invocations go to an MNS queue or topic, a function or
    # an event bus, named by its ARN.
    def build(c: Ctx) -> object:
        return alicloud.fc.FunctionAsyncInvokeConfig(
            "charge-events", service_name="fleet", function_name="charge-session-ingest", maximum_retry_attempts=2,
            destination_config={"on_failure": {"destination": destination}}, opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_config_delivery(target_arn: str) -> Callable[[Ctx], object]:
    # docs: cfg/delivery — Cloud Config delivers configuration changes and snapshots to an SLS logstore, an OSS bucket
    # or an MNS topic.
    def build(c: Ctx) -> object:
        return alicloud.cfg.Delivery(
            "config-log", delivery_channel_name="fleet-config", delivery_channel_type="SLS",
            delivery_channel_target_arn=target_arn, configuration_item_change_notification=True, opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_caster_side_output(url: str) -> Callable[[Ctx], object]:
    # docs: live/caster — a production studio's side output pushes the program stream to an RTMP address.
    def build(c: Ctx) -> object:
        return alicloud.live.Caster(
            "launch-studio", caster_name="launch-studio", norm_type=1, payment_type="PayAsYouGo", side_output_url=url,
            opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_gateway_share(endpoint: str) -> Callable[[Ctx], object]:
    # docs: cloudstoragegateway/gatewayfileshare — an NFS share on a plant's gateway, backed by an OSS bucket reached at
    # `oss_endpoint`.
    def build(c: Ctx) -> object:
        return alicloud.cloudstoragegateway.GatewayFileShare(
            "plant-share", gateway_file_share_name="plant-logs", gateway_id="gw-0001", local_path="/plant",
            oss_bucket_name="fleet-plant-logs", oss_endpoint=endpoint, protocol="NFS", opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_dms_instance(host: str) -> Callable[[Ctx], object]:
    # docs: dms/enterpriseinstance — DMS connects to the database at `host` and runs (and exports) queries on it.
    def build(c: Ctx) -> object:
        return alicloud.dms.EnterpriseInstance(
            "warehouse", instance_type="mysql", instance_source="RDS", network_type="VPC", env_type="product",
            host=host, port=3306, database_user="dms", database_password="secret", dba_uid=1, safe_rule="fleet",
            query_timeout=60, export_timeout=600, sell_trust=False, opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_moderation_callback(url: str) -> Callable[[Ctx], object]:
    # docs: aligreen/callback — Content Moderation posts each scan's result (with the scanned content's URL) here.
    def build(c: Ctx) -> object:
        return alicloud.aligreen.Callback(
            "moderation", callback_name="driver-uploads", callback_url=url, callback_types=["machineScan"],
            callback_suggestions=["block", "review"], crypt_type=0, opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_firewall_alarm_contact(email: str, *, notify: str | None = None) -> Callable[[Ctx], object]:
    # docs: cloudfirewall/useralarmconfig — Cloud Firewall sends its alarms (attacks, traffic peaks, with addresses of
    # the stack's assets) to each contact's `email` and `mobile_phone`, and to each notify_config's `notify_value`
    # ("Depending on the value of `notify_type`, it can be a mobile phone number or an email address").
    def build(c: Ctx) -> object:
        notify_configs: Any = [{"notify_type": "mail", "notify_value": notify}] if notify is not None else None
        return alicloud.cloudfirewall.UserAlarmConfig(
            "secops", alarm_configs=[{"alarm_type": "weeklyReport", "alarm_value": "on", "alarm_notify": "2",
                                      "alarm_hour": "10", "alarm_week_day": "1"}],
            contact_configs=[{"name": "secops", "email": email, "mobile_phone": "+8613123456789", "status": "1"}],
            notify_configs=notify_configs, opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_schedulerx_job_contact(mail: str | None = None, phone: str | None = None) -> Callable[[Ctx], object]:
    # docs: schedulerx/job — a job's alarms go to each of its contact_infos ("user_mail: User Email Address",
    # "user_phone", "ding: DingTalk swarm robot webhook address").
    def build(c: Ctx) -> object:
        contact: dict[str, Any] = {"user_name": "fleet-oncall"}
        if mail is not None:
            contact["user_mail"] = mail
        if phone is not None:
            contact["user_phone"] = phone
        monitor: Any = {"monitor_config": {"fail_enable": True, "send_channel": "mail,sms"}, "contact_infos": [contact]}
        return alicloud.schedulerx.Job(
            "nightly-rollup", job_name="nightly-trip-rollup", namespace="fleet-ns", group_id="fleet.rollup",
            execute_mode="standalone", job_type="java", class_name="com.example.fleet.TripRollup",
            time_config={"time_type": 1, "time_expression": "0 0 2 * * ?"}, job_monitor_info=monitor, opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_schedulerx_app_contacts(phone: str) -> Callable[[Ctx], object]:
    # docs: schedulerx/appgroup — `monitor_contacts_json` for CustomContacts: [{"userName", "userPhone", "ding"}];
    # the application's alarms are texted to each userPhone (monitor_config_json's sendChannel "sms").
    def build(c: Ctx) -> object:
        return alicloud.schedulerx.AppGroup(
            "rollup-app", namespace="fleet-ns", namespace_name="fleet", group_id="fleet.rollup",
            app_name="fleet-rollup", max_jobs=100,
            monitor_config_json=json.dumps({"sendChannel": "sms", "alarmType": "CustomContacts"}),
            monitor_contacts_json=json.dumps([{"userName": "fleet-oncall", "userPhone": phone}]), opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_sls_etl_sink(endpoint: str) -> Callable[[Ctx], object]:
    # docs: sls/etl — a data transformation job writes the processed logs to each sink's project and logstore, reached
    # at its `endpoint`; ram/role (output `arn`). The job's role is made here and passed as `role.arn` (stop 46: a
    # sink's write role names the account receiving the logs, RES-023; the team's role ARN written out under a provider
    # assuming no role proved no account).
    def build(c: Ctx) -> object:
        role = alicloud.ram.Role(
            "sls-etl", role_name="sls-etl", assume_role_policy_document=pp._ram_trust("log.aliyuncs.com"), opts=c.ali
        ).arn  # fmt: skip
        return alicloud.sls.Etl(
            "trip-logs-clean", project="fleet-logs", job_name="trip-logs-clean", display_name="trip logs clean",
            configuration={"logstore": "trips-raw", "role_arn": role,
                           "script": "* | extend vin_hash=md5(vin)", "lang": "SPL", "from_time": 0, "to_time": 0,
                           "sinks": [{"name": "clean", "endpoint": endpoint, "project": "fleet-central",
                                      "logstore": "trips", "role_arn": role, "datasets": ["__UNNAMED__"]}]},
            opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_sls_centralised_collection(dest_region: str) -> Callable[[Ctx], object]:
    # docs: sls/collectionpolicy — the collected cloud-product logs are centralised into `centralize_config`'s project
    # in `dest_region`.
    def build(c: Ctx) -> object:
        return alicloud.sls.CollectionPolicy(
            "oss-access", policy_name="fleet-oss-access", product_code="oss", data_code="access_log", enabled=True,
            policy_config={"resource_mode": "all", "regions": [REGION[c.code][1]]}, centralize_enabled=True,
            centralize_config={"dest_region": dest_region, "dest_project": "fleet-central",
                               "dest_logstore": "oss-access", "dest_ttl": 30},
            opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_table_bucket_replication(destination_region: str) -> Callable[[Ctx], object]:
    # docs: s3tables/tablebucketreplication — every table of the bucket replicated to the destination table bucket.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        return aws.s3tables.TableBucketReplication(
            "telemetry-tables", table_bucket_arn=f"arn:aws:s3tables:{region}:123456789012:bucket/fleet-telemetry",
            role="arn:aws:iam::123456789012:role/s3tables-replication",
            rule={"destinations": [{"destination_table_bucket_arn":
                                    f"arn:aws:s3tables:{destination_region}:123456789012:bucket/fleet-telemetry-dr"}]},
            opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_security_lake_rollup(regions: list[str]) -> Callable[[Ctx], object]:
    # docs: securitylake/datalake — `replication_configuration.regions`: "the Regions where you want data to be
    # replicated" (rollup Regions receiving the security logs of this one).
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        return aws.securitylake.DataLake(
            "security-lake", meta_store_manager_role_arn="arn:aws:iam::123456789012:role/lake-manager",
            configuration={"region": region, "replication_configuration": {
                "regions": regions, "role_arn": "arn:aws:iam::123456789012:role/lake-replication"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def newsvc_event_stream_rabbitmq(endpoint: str) -> Callable[[Ctx], object]:
    # docs: eventbridge/eventstreaming — `sink` is a JSON string; an open-source RabbitMQ sink
    # (SinkOpenSourceRabbitMQParameters: Endpoint "192.168.1.1:9876", NetworkType, VirtualHostName, QueueName ...,
    # the EventBridge API's CreateEventStreaming) receives every event of the stream.
    def build(c: Ctx) -> object:
        sink = {
            "SinkOpenSourceRabbitMQParameters": {
                "Endpoint": endpoint,
                "NetworkType": "PublicNetwork",
                "VirtualHostName": "/",
                "TargetType": "Queue",
                "QueueName": "fleet-events",
                "Body": {"Form": "JSONPATH", "Value": "$.data"},
            }
        }
        source = {"SourceMNSParameters": {"RegionId": REGION[c.code][1], "QueueName": "charge-events"}}
        return alicloud.eventbridge.EventStreaming(
            "charge-events", event_streaming_name="charge-events", filter_pattern="{}", source=json.dumps(source),
            sink=json.dumps(sink), opts=c.ali,
        )  # fmt: skip

    return build


def newsvc_mail_rule_replace_recipient(recipients: list[str]) -> Callable[[Ctx], object]:
    # docs: mailmanager/ruleset — a rule that "replaces the email envelope recipients with the given list of
    # recipients" (replace_recipient.replace_withs, API ReplaceRecipientAction) and then sends the message on (send):
    # every matching inbound mail (a customer's warranty claim, with its attachments) goes to those mailboxes.
    def build(c: Ctx) -> object:
        condition = {
            "evaluate": {"mail_attribute": "RECIPIENT"},
            "operator": "EQUALS",
            "values": ["claims@fleet.example.eu"],
        }
        actions = [
            {"replace_recipient": {"replace_withs": recipients}},
            {"send": {"role_arn": "arn:aws:iam::123456789012:role/mail-send"}},
        ]
        rules: Any = [{"name": "forward-claims", "conditions": [{"string_expression": condition}], "actions": actions}]
        return aws.mailmanager.RuleSet("claims-intake", name="warranty-claims", rules=rules, opts=c.aws)

    return build


_NEWSVC_EU_MAIL = {
    "id": "eu-claims-mail", "kind": "resident", "match": "mail.fleet.example.eu", "evidence": "Own mail servers, Dublin"
}  # fmt: skip


def newsvc_edge_kv(service: str) -> Callable[[Ctx], object]:
    # docs: esa/kv, dcdn/kv — a key-value pair of an Edge KV namespace, read by edge routines at the POP a request lands
    # on: "Edge KV is a globally distributed key-value store that runs at points of presence (POPs). Writes propagate to
    # all POPs automatically" (ESA user guide, Edge KV); "EdgeKV provides a global key-value (KV) database on DCDN edge
    # nodes" (DCDN API, DeleteDcdnKv).
    def build(c: Ctx) -> object:
        value = json.dumps({"vin_prefix": "LFV3A", "tariff_zone": "shanghai-peak", "fleet_account": "FA-10021"})
        module = alicloud.esa if service == "esa" else alicloud.dcdn
        return module.Kv("charging-tariff", namespace="charging", key="fleet-FA-10021", value=value, opts=c.ali)

    return build


_NEWSVC_EDGE_KV_CN = {
    "id": "edge-kv-tariffs", "kind": "transfer", "match": "alicloud:esa/kv:Kv", "destination": "SG",
    "data_classes": ["vehicle_diagnostics"], "basis": "standard-contract", "reference": "CAC-SC-2026-014",
    "approved_by": "dpo@example.cn", "expires": "2099-12-31",
}  # fmt: skip
_NEWSVC_EDGE_KV_DE = {
    "id": "edge-kv-tariffs", "kind": "transfer", "match": "alicloud:dcdn/kv:Kv", "destination": "SG",
    "data_classes": ["vehicle_diagnostics"], "basis": "scc", "reference": "Alibaba Cloud DPA + SCC 2026-05",
    "approved_by": "dpo@example.de", "expires": "2099-12-31",
}  # fmt: skip


def newsvc_event_notify_channel(channel_type: str) -> Callable[[Ctx], object]:
    # docs: cms/eventnotifypolicy — CloudMonitor 2.0 sends each matching event (with the resources' details) to the
    # route's channels: "channel_type: DING, WEIXIN, FEISHU, SLACK, TEAMS, CONTACT, GROUP, DUTY, DING_COOL_APP";
    # "receivers: ... for a robot channel it is the robot UUID, and for CONTACT it is the contact ID".
    def build(c: Ctx) -> object:
        channel: dict[str, Any] = {"channel_type": channel_type, "receivers": ["6a2b1c3d-0f1e-4e5f-8a9b-0c1d2e3f4a5b"]}
        if channel_type in ("CONTACT", "GROUP", "DUTY"):
            channel["enabled_sub_channels"] = ["EMAIL", "SMS"]
        strategy: Any = {"routes": [{"channels": [channel]}]}
        return alicloud.cms.EventNotifyPolicy(
            "fleet-events",
            workspace="fleet-observability",
            name="fleet-critical-events",
            notify_strategy=strategy,
            opts=c.ali,
        )

    return build


def newsvc_dataworks_alarm_receiver(receiver_type: str, value: str) -> Callable[[Ctx], object]:
    # docs: dataworks/dialarmrule — a Data Integration job's alarms (its name, the failed table and the error) go to the
    # receivers: "receiver_type: AliyunUid/DingToken/FeishuToken/WebHookUrl", "receiver_values: Receiver Value List".
    def build(c: Ctx) -> object:
        return alicloud.dataworks.DiAlarmRule(
            "sync-alarms", di_job_id=11792, di_alarm_rule_name="telemetry-sync-failures", metric_type="Heartbeat",
            trigger_conditions=[{"severity": "Warning", "duration": 10, "threshold": 1}],
            notification_settings={
                "notification_channels": [{"severity": "Warning", "channels": ["Ding"]}],
                "notification_receivers": [{"receiver_type": receiver_type, "receiver_values": [value]}],
            },
            opts=c.ali,
        )  # fmt: skip

    return build


# -- stop 33: more placeholder syntaxes before a fixed domain, a user beside them, Route 53 names relative to a zone --


def hs33_relative_alias(record_name: str, target: str, *, looked_up: bool = False) -> Callable[[Ctx], object]:
    # docs: route53/record — `name`, "The name of the record"; the provider completes a name that does not end in the
    # zone's name with it (terraform-provider-aws ExpandRecordName: `api` in the zone fleet-example.jp is
    # api.fleet-example.jp), while an alias to "another record in the same hosted zone" (Route 53 API AliasTarget
    # DNSName) is written in full. `looked_up`: the zone is made elsewhere, its id given (no name in any document).
    def build(c: Ctx) -> object:
        zone_id: pulumi.Input[str] = "Z0123456789ABCDEFGHIJ"
        if not looked_up:
            zone_id = aws.route53.Zone("fleet", name="fleet-example.jp", opts=c.aws).zone_id
        lb = aws.lb.LoadBalancer("alb", load_balancer_type="application", subnets=["subnet-1", "subnet-2"], opts=c.aws)
        aws.route53.Record(
            "api", zone_id=zone_id, name=record_name, type="A",
            aliases=[{"name": lb.dns_name, "zone_id": lb.zone_id, "evaluate_target_health": True}], opts=c.aws,
        )  # fmt: skip
        return aws.route53.Record(
            "www", zone_id=zone_id, name="www", type="A",
            aliases=[{"name": target, "zone_id": zone_id, "evaluate_target_health": False}], opts=c.aws,
        )  # fmt: skip

    return build


def hs33_instance_script(script: str, own_bucket: str | None = None) -> Callable[[Ctx], object]:
    # docs: ec2/instance — user_data, a shell script run at boot; `own_bucket`: a bucket the stack makes in its region
    # (s3/bucketv2), which the script may name through a variable it assigns.
    def build(c: Ctx) -> object:
        if own_bucket is not None:
            aws.s3.BucketV2("logs", bucket=own_bucket, opts=c.aws)
        return aws.ec2.Instance("vm", ami="ami-123", instance_type="t3.micro", user_data=script, opts=c.aws)

    return build


def hs33_lambda_bucket_variable(variable: str, bucket: str, *, own: bool = False) -> Callable[[Ctx], object]:
    # docs: lambda/function — environment variables the function reads (an export job's target bucket); `own`: the
    # stack makes the bucket (s3/bucketv2) and passes its name.
    def build(c: Ctx) -> object:
        name: pulumi.Input[str] = bucket
        if own:
            name = aws.s3.BucketV2("exports", bucket=bucket, opts=c.aws).bucket
        role = aws.iam.Role("fn-role", assume_role_policy=ROLE, opts=c.aws)
        return aws.lambda_.Function(
            "export", role=role.arn, runtime="python3.12", handler="index.handler", code=CODE,
            environment={"variables": {variable: name, "EXPORT_PREFIX": "daily/"}}, opts=c.aws,
        )  # fmt: skip

    return build


_HS33_PARTNER_BUCKET = {
    "id": "partner-exports", "kind": "resident", "match": "partner-exports-de",
    "evidence": "partner's export bucket in eu-central-1, contract PX-2",
}  # fmt: skip
_HS33_SHIP_LOGS = """#!/bin/bash
set -euo pipefail
BUCKET={bucket}
aws s3 cp /var/log/fleet/app.log "s3://$BUCKET/logs/$(hostname)/app.log"
"""
_HS33_HEARTBEAT = """#!/bin/bash
API={api}
curl -sf -X POST "https://${{API}}/v1/heartbeat" -d "host=$(hostname)"
"""


_ALIRED8_ZONES = {"CN": ("cn-shanghai-l", "cn-shanghai-m"), "DE": ("eu-central-1a", "eu-central-1b")}


def alired8_rds_secondary_zones(slave_a: str | None = None, slave_b: str | None = None) -> Callable[[Ctx], object]:
    # docs: rds/instance — a high-availability MySQL instance for the fleet's trip ledger across two zones:
    # `zone_id_slave_a` is where its secondary ("If you set this parameter to the same value as the ZoneId parameter,
    # the instance is deployed in a single zone. Otherwise, the instance is deployed in multiple zones") and
    # `zone_id_slave_b` its second secondary of the cluster series keep a full copy of the data. None: the stack's
    # own second zone.
    def build(c: Ctx) -> object:
        primary, secondary = _ALIRED8_ZONES[c.code]
        return alicloud.rds.Instance(
            "trip-ledger", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.2c",
            instance_storage=100, db_instance_storage_type="cloud_essd", category="HighAvailability",
            instance_charge_type="Postpaid", zone_id=primary, zone_id_slave_a=slave_a or secondary,
            zone_id_slave_b=slave_b, vswitch_id="vsw-ledgera01,vsw-ledgerb02", security_ips=["10.20.0.0/16"],
            opts=c.ali,
        )  # fmt: skip

    return build


def alired8_polardb_standby_zone(standby: str | None) -> Callable[[Ctx], object]:
    # docs: polardb/cluster — a PolarDB cluster whose hot standby storage cluster is in `standby_az` ("The
    # availability zone where the hot standby cluster is stored"; the primary and secondary zones "each store three
    # data replicas", PolarDB's high-availability mode page). None: the stack's own second zone.
    def build(c: Ctx) -> object:
        primary, secondary = _ALIRED8_ZONES[c.code]
        return alicloud.polardb.Cluster(
            "telemetry-db", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large",
            pay_type="PostPaid", zone_id=primary, vswitch_id="vsw-telemetry01", hot_standby_cluster="EQUAL",
            standby_az=standby or secondary, description="vehicle telemetry", opts=c.ali,
        )  # fmt: skip

    return build


def alired8_cloudfirewall_alarm_contacts(email: str) -> Callable[[Ctx], object]:
    # docs: cloudfirewall/useralarmconfig — Cloud Firewall mails its alarms and weekly reports (attacked assets,
    # intrusion events) to each contact's `email` and texts them to its `mobile_phone`.
    def build(c: Ctx) -> object:
        return alicloud.cloudfirewall.UserAlarmConfig(
            "firewall-alarms",
            alarm_configs=[{"alarm_type": "weeklyReport", "alarm_value": "on", "alarm_period": "1", "alarm_hour": "10",
                            "alarm_week_day": "1", "alarm_notify": "0"}],
            contact_configs=[{"name": "secops", "email": email, "mobile_phone": "+86 131 2345 6789", "status": "1"}],
            lang="en", opts=c.ali,
        )  # fmt: skip

    return build


def alired8_schedulerx_job_contacts(mail: str, phone: str) -> Callable[[Ctx], object]:
    # docs: schedulerx/job — a nightly settlement job whose failures and timeouts SchedulerX sends to each contact by
    # e-mail (`user_mail`) and text (`user_phone`), as `send_channel` says.
    def build(c: Ctx) -> object:
        return alicloud.schedulerx.Job(
            "settlement", namespace="fleet-prod", group_id="fleet.settlement", job_name="nightly-settlement",
            job_type="java", class_name="com.fleet.settlement.NightlyJob", execute_mode="standalone",
            time_config={"time_type": 1, "time_expression": "0 0 2 * * ?"},
            job_monitor_info={
                "contact_infos": [{"user_name": "settlement-oncall", "user_mail": mail, "user_phone": phone}],
                "monitor_config": {"timeout": 7200, "timeout_enable": True, "fail_enable": True,
                                   "send_channel": "sms,mail"},
            },
            opts=c.ali,
        )  # fmt: skip

    return build


def alired8_schedulerx_app_group_contacts(phone: str) -> Callable[[Ctx], object]:
    # docs: schedulerx/appgroup — an application group's custom alarm contacts (`monitor_contacts_json`, "for
    # CustomContacts, use [{"userName":"name","userPhone":"phone","ding":"webhook_url"}]"), texted on every alarm.
    def build(c: Ctx) -> object:
        return alicloud.schedulerx.AppGroup(
            "dispatch-workers", namespace="fleet-prod", namespace_name="fleet-prod", group_id="fleet.dispatch",
            app_name="dispatch-workers",
            monitor_config_json=json.dumps({"sendChannel": "sms", "alarmType": "CustomContacts"}),
            monitor_contacts_json=json.dumps([{"userName": "dispatch-oncall", "userPhone": phone}]),
            opts=c.ali,
        )  # fmt: skip

    return build


def alired8_sls_collection_centralized(dest_region: str | None) -> Callable[[Ctx], object]:
    # docs: sls/collectionpolicy — OSS access logs collected by policy and centralized into one project
    # (`centralize_config.dest_region`, the region of the central project). None: the stack's own region.
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        return alicloud.sls.CollectionPolicy(
            "oss-access-logs", policy_name="oss-access-logs", product_code="oss", data_code="access_log",
            enabled=True, policy_config={"resource_mode": "all", "regions": [region]},
            centralize_enabled=True,
            centralize_config={"dest_region": dest_region or region, "dest_project": "fleet-central-logs",
                               "dest_logstore": "oss-access", "dest_ttl": 30},
            opts=c.ali,
        )  # fmt: skip

    return build


def alired8_gpdb_external_sources(jdbc_host: str, brokers: str) -> Callable[[Ctx], object]:
    # docs: gpdb/jdbcdatasource, gpdb/streamingdatasource — an AnalyticDB for PostgreSQL warehouse reading a MySQL
    # database over JDBC and a Kafka topic (`data_source_config`'s `brokers`): the warehouse connects to those hosts
    # and its queries and jobs move rows between them.
    def build(c: Ctx) -> object:
        jdbc = alicloud.gpdb.JdbcDataSource(
            "orders-mysql", db_instance_id="gp-fleetwh01", data_source_name="orders_mysql", data_source_type="mysql",
            jdbc_connection_string=f"jdbc:mysql://{jdbc_host}:3306/orders", jdbc_user_name="reader",
            jdbc_password="not-a-secret", opts=c.ali,
        )  # fmt: skip
        kafka = alicloud.gpdb.StreamingDataSource(
            "telemetry-kafka", db_instance_id="gp-fleetwh01", data_source_name="telemetry_kafka",
            data_source_type="kafka", service_id=1,
            data_source_config=json.dumps({"brokers": brokers, "topic": "vehicle-telemetry"}), opts=c.ali,
        )  # fmt: skip
        return [jdbc, kafka]

    return build


def alired8_cms_event_rule_targets(region: str | None, url: str) -> Callable[[Ctx], object]:
    # docs: cms/eventrule — CloudMonitor sends each matching system event to a function, an MNS queue and a Logstore
    # (each in the `region` it names) and a webhook. None: the stack's own region.
    def build(c: Ctx) -> object:
        r = region or REGION[c.code][1]
        targets: Any = {
            "event_pattern": {"product": "ECS", "event_type_lists": ["StatusNotification"]},
            "fc_parameters": [{"id": "1", "region": r, "service_name": "fleet-ops", "function_name": "on-ecs-event"}],
            "mns_parameters": [{"id": "2", "region": r, "queue": "ecs-events"}],
            "sls_parameters": [{"id": "3", "region": r, "project": "fleet-ops", "log_store": "ecs-events"}],
            "webhook_parameters": [{"id": "4", "method": "POST", "protocol": "http", "url": url}],
        }
        return alicloud.cms.EventRule("ecs-events", rule_name="ecs-events", opts=c.ali, **targets)

    return build


def alired8_bastion_directory(server: str) -> Callable[[Ctx], object]:
    # docs: bastionhost/instance — a bastion host authenticating operators against an LDAP directory
    # (`ldap_auth_servers[].server`): every login's credentials are sent to that server.
    def build(c: Ctx) -> object:
        return alicloud.bastionhost.Instance(
            "ops-bastion", description="fleet ops bastion", license_code="bhah_ent_50_asset", plan_code="cloudbastion",
            storage="5", bandwidth="5", period=1, vswitch_id="vsw-ops01", security_group_ids=["sg-ops01"],
            ldap_auth_servers=[{"server": server, "port": 636, "base_dn": "dc=fleet,dc=example",
                                "account": "cn=bastion", "password": "not-a-secret", "is_ssl": True}],
            opts=c.ali,
        )  # fmt: skip

    return build


def alired8_alb_zone_eip_type(eip_type: str) -> Callable[[Ctx], object]:
    # docs: alb/loadbalancer — an Internet-facing ALB for the dealer portal whose zones take their public addresses as
    # `zone_mappings[].eip_type` says ("The type of the EIP instance"; pulumi-alicloud's examples write `Common`).
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        zones: Any = [
            {"vswitch_id": "vsw-0a1b2c3d4e5f", "zone_id": f"{region}-a", "eip_type": eip_type},
            {"vswitch_id": "vsw-1b2c3d4e5f6a", "zone_id": f"{region}-b", "eip_type": eip_type},
        ]
        return alicloud.alb.LoadBalancer(
            "dealer-portal", load_balancer_name="dealer-portal", load_balancer_edition="Standard",
            address_type="Internet", vpc_id="vpc-0a1b2c3d4e5f", load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=zones, opts=c.ali,
        )  # fmt: skip

    return build


def alired8_scdn_site(c: Ctx) -> object:
    # docs: scdn/domain — the dealer portal behind Secure CDN, fetching from the portal's load balancer in the VPC
    # (scdn.Domain has no `scope` input: the domain takes SCDN's own acceleration region).
    return alicloud.scdn.Domain(
        "dealer-portal-scdn", domain_name="portal.fleet.example.com",
        sources=[{"content": "10.20.1.15", "type": "ipaddr", "port": 80, "priority": "20", "enabled": "online"}],
        opts=c.ali,
    )  # fmt: skip


def alired8_sls_etl_sink_region(sink: str | None) -> Callable[[Ctx], object]:
    # docs: log/etl — a data transformation job masking drivers' phone numbers and writing the result to a central
    # project's Logstore at its sink `endpoint` ("Delivery target logstore region"), written here as the region id
    # alone. None: the stack's own region. The provider assumes the team's deployment role (stop 46: the sink's
    # `role_arn`, the team's role written out, names the account receiving the logs, RES-023 unless a provider proves
    # it).
    def build(c: Ctx) -> object:
        c.ali_role = pp.ALI_DEPLOYER
        region = REGION[c.code][1]
        role = "acs:ram::1234567890123456:role/aliyunlogetlrole"
        store = alicloud.log.Store("trips", project_name=f"fleet-trips-{region}", logstore_name="trips", opts=c.ali)
        return alicloud.log.Etl(
            "mask-phones", etl_name="mask-phones", display_name="mask phones", project=store.project_name,
            logstore=store.logstore_name, script="e_set('phone', '***')", role_arn=role,
            etl_sinks=[{"name": "central", "endpoint": sink or region, "project": "fleet-central-logs",
                        "logstore": "trips-masked", "role_arn": role}],
            opts=c.ali,
        )  # fmt: skip

    return build


# CN -> DCDN's edge nodes outside the mainland: a standard contract (PIPL art. 38(1)3) for the dealers' opening hours
# and contact (owner personal data of the dealers' staff).
_ALIRED8_EDGE_KV = {
    "id": "dcdn-edge-kv", "kind": "transfer", "match": "alicloud-edge-kv-worldwide", "destination": "SG",
    "data_classes": ["owner_personal_data"], "basis": "standard-contract", "reference": "CAC-SC-2026-033",
    "approved_by": "dpo@example.cn", "expires": "2099-12-31",
}  # fmt: skip


def alired8_dcdn_edge_kv(c: Ctx) -> object:
    # docs: dcdn/kv — the dealer portal's edge routine reads each dealer's opening hours from EdgeKV, written by the
    # stack into a namespace ("EdgeKV provides a global key-value (KV) database on DCDN edge nodes").
    namespace = alicloud.dcdn.KvNamespace("portal-kv", namespace="dealer-portal", description="portal", opts=c.ali)
    return alicloud.dcdn.Kv(
        "opening-hours", namespace=namespace.namespace, key="dealer-0042-hours",
        value=json.dumps({"mon": "08:00-18:00", "contact": "dealer-0042@example.com"}), opts=c.ali,
    )  # fmt: skip


def awsred8_runtime_output(mode: str) -> Callable[[Ctx], object]:
    # docs: sfn/statemachine, Step Functions "Manipulate parameters" (a key ending in `.$` selects its value from the
    # input with a path) and "Transforming data with JSONata" (`{% $states.input.bucket %}`), Transcribe
    # StartTranscriptionJob `OutputBucketName`, Distributed Map ResultWriter (`arn:aws:states:::s3:putObject`). A
    # workflow started by S3 events transcribes each recording; where the transcript goes is `mode`: `own` the stack's
    # bucket written in the definition (the key from the input), `path` / `jsonata` the bucket the execution input
    # names, `reader` the stack's bucket while the recording's bucket and key are read from the event (a source),
    # `writer` a Distributed Map whose results go to the bucket the input names.
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("call-transcripts", opts=c.aws)
        role = aws.iam.Role("transcribe-runtime-role", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)

        partition = "aws-cn" if c.code == "CN" else "aws"

        def definition(b: str) -> str:
            params: dict[str, Any] = {"TranscriptionJobName.$": "$$.Execution.Name", "LanguageCode": "de-DE",
                                      "Media": {"MediaFileUri.$": "States.Format('s3://{}/{}', $.detail.bucket.name,"
                                                                  " $.detail.object.key)"},
                                      "OutputBucketName": b, "OutputKey.$": "$.detail.object.key"}  # fmt: skip
            if mode == "path":
                params = {
                    **{k: v for k, v in params.items() if k != "OutputBucketName"},
                    "OutputBucketName.$": "$.bucket",
                }
            transcribe = f"arn:{partition}:states:::aws-sdk:transcribe:startTranscriptionJob"
            states: dict[str, Any] = {"Transcribe": {
                "Type": "Task", "Resource": transcribe, "End": True, "Parameters": params}}  # fmt: skip
            if mode == "jsonata":
                states = {"Transcribe": {
                    "Type": "Task", "QueryLanguage": "JSONata", "End": True,
                    "Resource": transcribe,
                    "Arguments": {"TranscriptionJobName": "{% $states.context.Execution.Name %}",
                                  "LanguageCode": "de-DE",
                                  "Media": {"MediaFileUri": "{% $states.input.recordingUri %}"},
                                  "OutputBucketName": "{% $states.input.bucket %}"}}}  # fmt: skip
            if mode in ("reader", "writer"):
                writer = {"Bucket.$": "$.resultBucket"} if mode == "writer" else {"Bucket": b}
                states = {"Each": {
                    "Type": "Map", "End": True,
                    "ItemReader": {"Resource": f"arn:{partition}:states:::s3:getObject",
                                   "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
                                   "Parameters": {"Bucket.$": "$.manifestBucket", "Key.$": "$.manifestKey"}},
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                                      "StartAt": "Transcribe", "States": states},
                    "ResultWriter": {"Resource": f"arn:{partition}:states:::s3:putObject",
                                     "Parameters": {**writer, "Prefix": "batch-results"}}}}  # fmt: skip
            return json.dumps({"StartAt": next(iter(states)), "States": states})

        return aws.sfn.StateMachine(
            "transcribe-runtime", role_arn=role.arn, definition=own.bucket.apply(definition), opts=c.aws
        )

    return build


_AWSRED8_RUNTIME_DECLARED = {
    "id": "event-bucket", "kind": "resident", "match": "$.bucket",
    "evidence": "Started only by rule recordings-created (our bucket call-recordings); the role may s3:PutObject only "
                "on arn:aws:s3:::call-transcripts-*",
}  # fmt: skip


def awsred8_inbound_mail(replace_with: str | None = None) -> Callable[[Ctx], object]:
    # docs: ses/receiptrule (`recipients`: the stack's own inbound addresses the rule applies to, stored in the
    # stack's bucket), mailmanager/ruleset (a ReplaceRecipient action: "Replacement envelope recipient addresses", then
    # delivered by SES). `replace_with` reroutes the support mailbox's mail there.
    def build(c: Ctx) -> object:
        store = aws.s3.Bucket("inbound-mail", opts=c.aws)
        rules = aws.ses.ReceiptRuleSet("inbound", rule_set_name="inbound", opts=c.aws)
        aws.ses.ReceiptRule(
            "support", name="support", rule_set_name=rules.rule_set_name, enabled=True, scan_enabled=True,
            recipients=["support@fleet.example.eu", "fleet.example.eu"], tls_policy="Require",
            s3_actions=[{"bucket_name": store.bucket, "position": 1}], opts=c.aws,
        )  # fmt: skip
        if replace_with is None:
            return store
        return aws.mailmanager.RuleSet(
            "support-reroute", name="support-reroute",
            rules=[{"name": "reroute", "conditions": [{"string_expression": {
                        "evaluate": {"attribute": "RECIPIENT"}, "operator": "EQUALS",
                        "values": ["support@fleet.example.eu"]}}],
                    "actions": [{"replace_recipient": {"replace_withs": [replace_with]}}]}],
            opts=c.aws,
        )  # fmt: skip

    return build


_AWSRED8_RECIPIENTS_PARTNER = {"RECIPIENTS": "ops@fleet.example.eu,recalls@partner.example.com",
                               "SENDER": "noreply@fleet.example.eu"}  # fmt: skip
_AWSRED8_RECIPIENTS_OWN = {"RECIPIENTS": "ops@fleet.example.eu,recalls@fleet.example.eu",
                           "SENDER": "noreply@fleet.example.eu"}  # fmt: skip
_AWSRED8_FLEET_MAIL = {"id": "fleet-mail", "kind": "resident", "match": "fleet.example.eu",
                       "evidence": "Company mail domain, MX to the Frankfurt mail servers"}  # fmt: skip


def awsred8_glue_share(resource: str) -> Callable[[Ctx], object]:
    # docs: ram/resourceshare, ram/resourceassociation, ram/principalassociation, glue/catalogdatabase, Lake Formation
    # "Cross-account data sharing" (named resources shared through RAM), Aurora "Cross-account cloning with AWS RAM".
    # The fleet analytics database (`glue`), the trips cluster (`aurora`) or a VPC subnet (`subnet`) is shared with the
    # group's reporting account.
    def build(c: Ctx) -> object:
        share = aws.ram.ResourceShare("fleet-share", name="fleet-share", allow_external_principals=False, opts=c.aws)
        if resource == "glue":
            arn: pulumi.Input[str] = aws.glue.CatalogDatabase("fleet-analytics", name="fleet_analytics", opts=c.aws).arn
        elif resource == "aurora":  # Aurora "cross-account cloning": the other account clones the cluster
            arn = aws.rds.Cluster(
                "trips", engine="aurora-postgresql", master_username="fleet", manage_master_user_password=True,
                storage_encrypted=True, skip_final_snapshot=True, opts=c.aws,
            ).arn  # fmt: skip
        else:
            vpc = aws.ec2.Vpc("shared", cidr_block="10.40.0.0/16", opts=c.aws)
            arn = aws.ec2.Subnet("shared-a", vpc_id=vpc.id, cidr_block="10.40.1.0/24", opts=c.aws).arn
        aws.ram.PrincipalAssociation("reporting", principal="210987654321", resource_share_arn=share.arn, opts=c.aws)
        return aws.ram.ResourceAssociation("fleet-shared", resource_arn=arn, resource_share_arn=share.arn, opts=c.aws)

    return build


def awsred8_gateway_connector(connector_id: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcoregatewaytarget (`target_configuration.mcp.connector`: "Connectors provide pre-built
    # integrations with AWS services and third-party tools"), AgentCore "Add a Connector target with Web Search Tool" /
    # "with Amazon Bedrock Managed Knowledge Bases". The workshop assistant's MCP gateway gets a connector tool.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("mcp-gateway", assume_role_policy=ROLE.replace("lambda", "bedrock-agentcore"), opts=c.aws)
        gateway = aws.bedrock.AgentcoreGateway(
            "assistant-tools", name="assistant-tools", role_arn=role.arn, authorizer_type="AWS_IAM",
            protocol_type="MCP", opts=c.aws,
        )  # fmt: skip
        target: Any = {"mcp": {"connector": {"source": {"connector_id": connector_id},
                                             "configurations": [{"name": "webSearch" if "search" in connector_id
                                                                 else "retrieve"}]}}}  # fmt: skip
        return aws.bedrock.AgentcoreGatewayTarget(
            "assistant-connector", gateway_identifier=gateway.gateway_id, name="assistant-connector",
            target_configuration=target, opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_vpce_export(partner_bucket: str | None = None) -> Callable[[Ctx], object]:
    # docs: lambda/function, ec2/vpcendpoint, S3 "AWS PrivateLink for Amazon S3" (an interface endpoint's bucket host
    # `bucket.vpce-<id>.s3.<region>.vpce.amazonaws.com`, the bucket before it or in the path). An export function in a
    # VPC without internet access writes through the S3 interface endpoint; its URL names the bucket.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        suffix = "amazonaws.com.cn" if c.code == "CN" else "amazonaws.com"
        own = aws.s3.Bucket("exports", opts=c.aws)
        bucket = own.bucket if partner_bucket is None else pulumi.Output.from_input(partner_bucket)
        role = aws.iam.Role("export-fn", assume_role_policy=ROLE, opts=c.aws)
        url = bucket.apply(lambda b: f"https://{b}.bucket.vpce-0a1b2c3d4e5f60718-abcdefgh.s3.{region}.vpce.{suffix}/")
        return aws.lambda_.Function(
            "export", role=role.arn, runtime="python3.12", handler="app.handler", code=pulumi.AssetArchive({}),
            environment={"variables": {"EXPORT_URL": url}}, opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_memorydb_multi_region(second_region: str) -> Callable[[Ctx], object]:
    # docs: memorydb/multiregioncluster, memorydb/cluster (`multi_region_cluster_name`), MemoryDB Multi-Region: the
    # group names no Regions; each member is a cluster made in its Region, here the stack's and `second_region`.
    def build(c: Ctx) -> object:
        group = aws.memorydb.MultiRegionCluster(
            "sessions", multi_region_cluster_name_suffix="sessions", node_type="db.r7g.xlarge", opts=c.aws
        )
        for name, region in (("sessions-home", None), ("sessions-second", second_region)):
            aws.memorydb.Cluster(
                name, acl_name="open-access", node_type="db.r7g.xlarge", region=region,
                multi_region_cluster_name=group.multi_region_cluster_name, opts=c.aws,
            )  # fmt: skip
        return group

    return build


def awsred8_sms_from_workflow(number: str, kind: str) -> Callable[[Ctx], object]:
    # docs: sfn/statemachine (`aws-sdk:sns:publish`, SNS Publish `PhoneNumber`: "The phone number to which you want to
    # deliver an SMS message. Use E.164 format"), scheduler/schedule (universal target
    # `arn:aws:scheduler:::aws-sdk:pinpointsmsvoicev2:sendTextMessage`, `DestinationPhoneNumber`). A depot's overnight
    # charging failures are texted to the on-call phone: from a workflow (`sfn`) or a nightly schedule (`schedule`).
    def build(c: Ctx) -> object:
        if kind == "sfn":
            role = aws.iam.Role("sms-alert-role", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)
            definition = json.dumps(
                {
                    "StartAt": "Text",
                    "States": {
                        "Text": {
                            "Type": "Task",
                            "Resource": "arn:aws:states:::aws-sdk:sns:publish",
                            "End": True,
                            "Parameters": {
                                "PhoneNumber": number,
                                "Message.$": "States.Format('Charging failed: {}', $.depot)",
                            },
                        }
                    },
                }
            )
            return aws.sfn.StateMachine("sms-alert", role_arn=role.arn, definition=definition, opts=c.aws)  # fmt: skip
        role = aws.iam.Role("sms-schedule", assume_role_policy=ROLE.replace("lambda", "scheduler"), opts=c.aws)
        return aws.scheduler.Schedule(
            "nightly-sms", schedule_expression="cron(0 6 * * ? *)", flexible_time_window={"mode": "OFF"},
            target={"arn": "arn:aws:scheduler:::aws-sdk:pinpointsmsvoicev2:sendTextMessage", "role_arn": role.arn,
                    "input": json.dumps({"DestinationPhoneNumber": number, "OriginationIdentity": "pool-depot",
                                         "MessageBody": "Nightly charging report is ready"})},
            opts=c.aws,
        )  # fmt: skip

    return build


_AWSRED8_DATA_ARCHIVE = "fleet-data-live-archive"  # the data stack's bucket, named alone


def awsred8_medialive_archive(bucket: str | None = None) -> Callable[[Ctx], object]:
    # docs: medialive/channel, MediaLive "Design the path for the output destination" (an HLS output to Amazon S3:
    # `s3ssl://amzn-s3-demo-bucket/sports/delivery/curling/index`). A depot camera feed's HLS renditions are written to
    # the stack's bucket, or to `bucket` (another stack's, named alone).
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("live-archive", opts=c.aws)
        target = own.bucket if bucket is None else pulumi.Output.from_input(bucket)
        role = aws.iam.Role("medialive", assume_role_policy=ROLE.replace("lambda", "medialive"), opts=c.aws)
        feed = aws.medialive.Input("depot-feed", name="depot-feed", type="RTP_PUSH", opts=c.aws)
        return aws.medialive.Channel(
            "depot-live", name="depot-live", channel_class="SINGLE_PIPELINE", role_arn=role.arn,
            input_specification={"codec": "AVC", "input_resolution": "HD", "maximum_bitrate": "MAX_20_MBPS"},
            input_attachments=[{"input_attachment_name": "depot", "input_id": feed.id}],
            destinations=[{"id": "archive", "settings": [{"url": target.apply(lambda b: f"s3ssl://{b}/depot/live/index")}]}],
            encoder_settings={
                "timecode_config": {"source": "EMBEDDED"},
                "audio_descriptions": [], "video_descriptions": [{"name": "hd", "width": 1280, "height": 720}],
                "output_groups": [{"output_group_settings": {"hls_group_settings": {"destination": {
                    "destination_ref_id": "archive"}}},
                    "outputs": [{"output_name": "hd", "video_description_name": "hd",
                                 "output_settings": {"hls_output_settings": {"name_modifier": "-hd",
                                                                             "hls_settings": {"standard_hls_settings": {
                                                                                 "m3u8_settings": {}}}}}}]}]},
            opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_clean_room(partner_abilities: list[str]) -> Callable[[Ctx], object]:
    # docs: cleanrooms/collaboration (`members[].member_abilities`), cleanrooms/configuredtable, cleanrooms/membership
    # (`default_result_configuration.output_configuration.s3`), Clean Rooms "Creating a membership" ("If the invited
    # member is the member who can receive results, they specify the results destination"). The fleet's trip table is
    # analysed with an insurer: the insurer only queries (the stack receives the results in its own bucket), or it
    # receives them.
    def build(c: Ctx) -> object:
        db = aws.glue.CatalogDatabase("trips-db", name="trips", opts=c.aws)
        table = aws.glue.CatalogTable("trips", database_name=db.name, name="trips", opts=c.aws)
        aws.cleanrooms.ConfiguredTable(
            "trips-shared", name="trips-shared", analysis_method="DIRECT_QUERY",
            allowed_columns=["trip_id", "distance_km", "harsh_braking"],
            table_reference={"database_name": db.name, "table_name": table.name}, opts=c.aws,
        )  # fmt: skip
        mine = ["CAN_QUERY"] if "CAN_RECEIVE_RESULTS" in partner_abilities else ["CAN_RECEIVE_RESULTS"]
        collaboration = aws.cleanrooms.Collaboration(
            "insurer-analysis", name="insurer-analysis", description="Driving-risk analysis with the insurer",
            creator_display_name="fleet", creator_member_abilities=mine, query_log_status="DISABLED",
            members=[{"account_id": "210987654321", "display_name": "insurer", "member_abilities": partner_abilities}],
            opts=c.aws,
        )  # fmt: skip
        if "CAN_RECEIVE_RESULTS" in mine:
            results = aws.s3.Bucket("analysis-results", opts=c.aws)
            role = aws.iam.Role(
                "cleanrooms-results", assume_role_policy=ROLE.replace("lambda", "cleanrooms"), opts=c.aws
            )
            aws.cleanrooms.Membership(
                "fleet-membership", collaboration_id=collaboration.id, query_log_status="DISABLED",
                default_result_configuration={"role_arn": role.arn, "output_configuration": {"s3": {
                    "bucket": results.bucket, "result_format": "PARQUET", "key_prefix": "insurer"}}},
                opts=c.aws,
            )  # fmt: skip
        return collaboration

    return build


def awsred8_agent_memory(strategy: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcorememory, bedrock/agentcorememorystrategy (`type` SEMANTIC ..., or CUSTOM with a
    # `configuration` of type SEMANTIC_OVERRIDE naming its `model_id`), AgentCore "Cross-region inference" ("if you
    # don't want cross-region inference, you can manage your model selection using a built-in with overrides
    # strategy"). The workshop assistant remembers facts about each driver: `builtin` or `override` (an in-region
    # model).
    def build(c: Ctx) -> object:
        role = aws.iam.Role(
            "assistant-memory", assume_role_policy=ROLE.replace("lambda", "bedrock-agentcore"), opts=c.aws
        )
        memory = aws.bedrock.AgentcoreMemory(
            "assistant-memory", name="assistant_memory", event_expiry_duration=30, memory_execution_role_arn=role.arn,
            opts=c.aws,
        )  # fmt: skip
        if strategy == "builtin":
            return aws.bedrock.AgentcoreMemoryStrategy(
                "driver-facts", memory_id=memory.id, name="driver_facts", type="SEMANTIC",
                namespaces=["/drivers/{actorId}/facts"], opts=c.aws,
            )  # fmt: skip
        return aws.bedrock.AgentcoreMemoryStrategy(
            "driver-facts", memory_id=memory.id, name="driver_facts", type="CUSTOM", memory_execution_role_arn=role.arn,
            namespaces=["/drivers/{actorId}/facts"],
            configuration={"type": "SEMANTIC_OVERRIDE", "extraction": {
                "append_to_prompt": "Extract facts about the driver's vehicle and service history.",
                "model_id": "anthropic.claude-3-haiku-20240307-v1:0"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_online_evaluation(evaluator: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcoreonlineevaluationconfig (`evaluators[].evaluator_id`: "builtin evaluators (e.g.,
    # `Builtin.Helpfulness`) or custom evaluator IDs"), AgentCore Evaluations "Cross region inference" (custom
    # evaluators "operate without CRIS"). A sample of the assistant's traces is scored continuously.
    def build(c: Ctx) -> object:
        role = aws.iam.Role(
            "assistant-eval", assume_role_policy=ROLE.replace("lambda", "bedrock-agentcore"), opts=c.aws
        )
        return aws.bedrock.AgentcoreOnlineEvaluationConfig(
            "assistant-quality", online_evaluation_config_name="assistant_quality", enable_on_create=True,
            evaluation_execution_role_arn=role.arn, evaluators=[{"evaluator_id": evaluator}],
            data_source_config={"cloudwatch_logs": {"log_group_names": ["/aws/bedrock-agentcore/runtimes/assistant"],
                                                    "service_names": ["assistant"]}},
            rule={"sampling_config": {"sampling_percentage": 5.0}}, opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_dlm(mode: str, region: str = "") -> Callable[[Ctx], object]:
    # docs: dlm/lifecyclepolicy (an event-based policy's `action.cross_region_copy[].target`: "The target Region"; a
    # schedule's `share_rule.target_accounts`: "The IDs of the AWS accounts with which to share the snapshots"). The
    # depot video volumes' snapshots: `copy` copies snapshots the recorder account shares to `region`; `share` shares
    # the daily snapshots with the group's forensic account; `keep` keeps them in the account.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("dlm", assume_role_policy=ROLE.replace("lambda", "dlm"), opts=c.aws)
        details: Any
        if mode == "copy":
            details = {"policy_type": "EVENT_BASED_POLICY",
                       "event_source": {"type": "MANAGED_CWE", "parameters": {
                           "event_type": "shareSnapshot", "snapshot_owners": ["210987654321"]}},
                       "action": {"name": "copy-recordings", "cross_region_copies": [{
                           "target": region, "encryption_configuration": {"encrypted": True},
                           "retain_rule": {"interval": 30, "interval_unit": "DAYS"}}]}}  # fmt: skip
        else:
            schedule: dict[str, Any] = {"name": "daily", "create_rule": {"interval": 24, "interval_unit": "HOURS"},
                                        "retain_rule": {"count": 14}}  # fmt: skip
            if mode == "share":
                schedule["share_rules"] = [{"target_accounts": ["210987654321"]}]
            details = {"resource_types": ["VOLUME"], "target_tags": {"Data": "depot-video"}, "schedules": [schedule]}
        return aws.dlm.LifecyclePolicy(
            "depot-video-snapshots", description="Depot video volume snapshots", execution_role_arn=role.arn,
            state="ENABLED", policy_details=details, opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_shared_snapshot(shared: list[str] | None) -> Callable[[Ctx], object]:
    # docs: rds/clustersnapshot (`shared_accounts`: "List of AWS Account IDs to share the snapshot with. Use `all` to
    # make the snapshot public"), RDS CopyDBSnapshot (a shared snapshot "in a different account and a different AWS
    # Region"). The month-end snapshot of the trips cluster, kept or shared with the group's analytics account.
    def build(c: Ctx) -> object:
        cluster = aws.rds.Cluster(
            "trips", engine="aurora-postgresql", master_username="fleet", manage_master_user_password=True,
            storage_encrypted=True, skip_final_snapshot=True, opts=c.aws,
        )  # fmt: skip
        return aws.rds.ClusterSnapshot(
            "trips-month-end", db_cluster_identifier=cluster.id, db_cluster_snapshot_identifier="trips-2026-11",
            shared_accounts=shared, opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_image_distribution(share: str | None) -> Callable[[Ctx], object]:
    # docs: imagebuilder/distributionconfiguration (`ami_distribution_configuration.launch_permission.user_ids`,
    # `target_account_ids`). The depot gateway's golden image is distributed to the stack's Region and a second
    # in-market Region; `share`: `launch` grants the integrator's account launch permission, `copy` copies it there.
    def build(c: Ctx) -> object:
        region, second = REGION[c.code][0], {"EU": "eu-west-1", "CN": "cn-northwest-1"}.get(c.code, REGION[c.code][0])
        ami: dict[str, Any] = {"name": "depot-gateway-{{ imagebuilder:buildDate }}"}
        if share == "launch":
            ami["launch_permission"] = {"user_ids": ["210987654321"]}
        elif share == "copy":
            ami["target_account_ids"] = ["210987654321"]
        # Any: plain dicts are no SDK input TypedDicts for mypy
        distributions: Any = [{"region": region, "ami_distribution_configuration": ami},
                              {"region": second, "ami_distribution_configuration": {"name": ami["name"]}}]  # fmt: skip
        return aws.imagebuilder.DistributionConfiguration(
            "depot-gateway", name="depot-gateway", distributions=distributions, opts=c.aws
        )

    return build


def awsred8_workflow_model(model_id: str, kind: str = "sfn") -> Callable[[Ctx], object]:
    # docs: sfn/statemachine, Step Functions "Invoke and customize Amazon Bedrock models" (`bedrock:invokeModel`,
    # `ModelId`: a model or an inference profile), lambda/function (a service reading its model from MODEL_ID).
    # Workshop reports are summarised by `model_id`: in a workflow (`sfn`) or by a function (`lambda`).
    def build(c: Ctx) -> object:
        if kind == "lambda":
            role = aws.iam.Role("summariser-fn", assume_role_policy=ROLE, opts=c.aws)
            return aws.lambda_.Function(
                "summariser", role=role.arn, runtime="python3.12", handler="app.handler", code=pulumi.AssetArchive({}),
                environment={"variables": {"BEDROCK_MODEL_ID": model_id, "MAX_TOKENS": "800"}}, opts=c.aws,
            )  # fmt: skip
        partition = "aws-cn" if c.code == "CN" else "aws"
        role = aws.iam.Role("summarise-role", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)
        definition = json.dumps({"StartAt": "Summarise", "States": {"Summarise": {
            "Type": "Task", "Resource": f"arn:{partition}:states:::bedrock:invokeModel", "End": True,
            "Parameters": {"ModelId": model_id, "Body": {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 800,
                                                         "messages.$": "$.messages"}}}}})  # fmt: skip
        return aws.sfn.StateMachine("summarise-report", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def awsred8_agent_step_model(step_model: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentagent (`prompt_override_configuration.prompt_configurations[].foundation_model`: the model of
    # one step of the agent's sequence, with its own prompt template, "Advanced prompts"). The owner assistant's
    # orchestration step runs on `step_model`.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("agent-role", assume_role_policy=ROLE.replace("lambda", "bedrock"), opts=c.aws)
        override: Any = [{"prompt_configurations": [{
            "prompt_type": "ORCHESTRATION", "prompt_creation_mode": "OVERRIDDEN", "prompt_state": "ENABLED",
            "parser_mode": "DEFAULT", "foundation_model": step_model,
            "base_prompt_template": "Answer only from the owner's service history. $question$",
            "inference_configurations": [{"max_length": 1024, "temperature": 0.2, "top_p": 0.9, "top_k": 250,
                                          "stop_sequences": ["</answer>"]}]}]}]  # fmt: skip
        return aws.bedrock.AgentAgent(
            "assistant", agent_name="owner-assistant", agent_resource_role_arn=role.arn,
            foundation_model="anthropic.claude-3-haiku-20240307-v1:0", prompt_override_configurations=override,
            instruction="Answer vehicle owners' questions about their service history.", opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_kb_embedding(profile: str | None) -> Callable[[Ctx], object]:
    # docs: bedrock/agentknowledgebase (`embedding_model_arn`: a foundation model, or an inference profile ARN), Bedrock
    # "Supported Regions and models for inference profiles". Service manuals embedded by Cohere Embed v4 in the stack's
    # Region, or through `profile` (`eu.`: the EU geographic profile).
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        role = aws.iam.Role("kb-role", assume_role_policy=ROLE.replace("lambda", "bedrock"), opts=c.aws)
        collection = aws.opensearch.ServerlessCollection(
            "manuals-vectors", name="manuals-vectors", type="VECTORSEARCH", opts=c.aws
        )
        model = (
            f"arn:aws:bedrock:{region}::foundation-model/cohere.embed-v4:0"
            if profile is None
            else f"arn:aws:bedrock:{region}:123456789012:inference-profile/{profile}.cohere.embed-v4:0"
        )
        return aws.bedrock.AgentKnowledgeBase(
            "manuals", name="manuals", role_arn=role.arn,
            knowledge_base_configuration={"type": "VECTOR",
                                          "vector_knowledge_base_configuration": {"embedding_model_arn": model}},
            storage_configuration={"type": "OPENSEARCH_SERVERLESS", "opensearch_serverless_configuration": {
                "collection_arn": collection.arn, "vector_index_name": "manuals",
                "field_mapping": {"vector_field": "embedding", "text_field": "text", "metadata_field": "metadata"}}},
            opts=c.aws,
        )  # fmt: skip

    return build


def awsred8_archive_request(whole_input: bool) -> Callable[[Ctx], object]:
    # docs: sfn/statemachine, Step Functions "Call AWS services" (an AWS SDK task's state input is its request when no
    # Parameters are given; `InputPath` selects it). A workflow archives each day's report: `whole_input` takes the
    # whole PutObject request (bucket included) from its input; else only the key and body, the bucket its own.
    def build(c: Ctx) -> object:
        archive = aws.s3.Bucket("report-archive", opts=c.aws)
        role = aws.iam.Role("archive-role", assume_role_policy=ROLE.replace("lambda", "states"), opts=c.aws)

        def definition(b: str) -> str:
            state: dict[str, Any] = {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject", "End": True}
            if whole_input:
                state["InputPath"] = "$.putRequest"
            else:
                state["Parameters"] = {"Bucket": b, "Key.$": "$.reportKey", "Body.$": "$.report"}
            return json.dumps({"StartAt": "Archive", "States": {"Archive": state}})

        return aws.sfn.StateMachine(
            "archive-report", role_arn=role.arn, definition=archive.bucket.apply(definition), opts=c.aws
        )

    return build


def directory_bucket_in_zone(zone_id: str) -> Callable[[Ctx], object]:
    # docs: s3/directorybucket — an S3 Express One Zone bucket: its name ends with --<zone id>--x-s3 and its `location`
    # {name: <zone id>, type: AvailabilityZone} is the zone its objects are stored in (CreateBucket's
    # CreateBucketConfiguration.Location.Name, "the name of the location where the bucket will be created ... the
    # Availability Zone ID").
    def build(c: Ctx) -> object:
        location: aws.s3.DirectoryBucketLocationArgsDict = {"name": zone_id, "type": "AvailabilityZone"}
        return aws.s3.DirectoryBucket(
            "shards", bucket=f"training-shards--{zone_id}--x-s3", location=location, opts=c.aws
        )

    return build


_POOL_LONDON = "eu-west-2_AbCdEf123"
_POOL_HK = {"COGNITO_USER_POOL_ID": "ap-east-1_AbCdEf123"}
_POOL_NINGXIA = {"COGNITO_USER_POOL_ID": "cn-northwest-1_AbCdEf123"}
_IDENTITY_POOL_ZURICH = {"IDENTITY_POOL": "eu-central-2:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}
_IDENTITY_POOL_FRANKFURT = {"IDENTITY_POOL": "eu-central-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}


_DB_READER_PARTNER = {"DB_READER": "db.partner.example.com"}
_DB_WRITER_PARTNER = {"DB_WRITER": "pg.partner.example.com:5432"}
_DB_ENDPOINTS_FRANKFURT = {
    "DB_WRITER": "fleet-db.cluster-abcdefghijkl.eu-central-1.rds.amazonaws.com:5432",
    "DB_READER": "fleet-db.cluster-ro-abcdefghijkl.eu-central-1.rds.amazonaws.com",
}


def contacts_dts_alarms(delay_phone: str, error_phone: str) -> Callable[[Ctx], object]:
    # docs: alicloud dts/synchronizationjob — the job's delay and error alarms are texted to the DBAs' mobiles: "This
    # parameter currently only supports China stations, and only supports mainland mobile phone numbers" (written
    # without +86, as DTS's own examples, 1361234****,1371234****).
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        instance = alicloud.dts.SynchronizationInstance(
            "dts", payment_type="PayAsYouGo", instance_class="small", source_endpoint_engine_name="MySQL",
            source_endpoint_region=region, destination_endpoint_engine_name="MySQL",
            destination_endpoint_region=region, opts=c.ali,
        )  # fmt: skip
        return alicloud.dts.SynchronizationJob(
            "sync", dts_instance_id=instance.id, dts_job_name="orders",
            db_list=json.dumps({"orders": {"name": "orders", "all": True}}),
            source_endpoint_instance_type="RDS", source_endpoint_instance_id="rm-uf6wjk5xxxxxxx",
            source_endpoint_engine_name="MySQL", source_endpoint_region=region, source_endpoint_user_name="dts",
            source_endpoint_password="x", destination_endpoint_instance_type="RDS",
            destination_endpoint_instance_id="rm-uf6wjk5yyyyyyy", destination_endpoint_engine_name="MySQL",
            destination_endpoint_region=region, destination_endpoint_user_name="dts", destination_endpoint_password="x",
            structure_initialization=True, data_initialization=True, data_synchronization=True,
            delay_notice=True, delay_rule_time="30", delay_phone=delay_phone, error_notice=True,
            error_phone=error_phone, opts=c.ali,
        )  # fmt: skip

    return build


_CONTACTS_CORP_DNS = {
    "id": "cn-corp-dns",
    "kind": "resident",
    "match": "*.corp.example.cn",
    "evidence": "PrivateZone corp.example.cn bound to the ops VPC; Shanghai IDC over Express Connect",
}


def contacts_quicksight_subscription(author: str) -> Callable[[Ctx], object]:
    # docs: quicksight/accountsubscription — the account's notices about the account and its subscription go to
    # notification_email; an ENTERPRISE_AND_Q account's author's address is used "for future communications".
    def build(c: Ctx) -> object:
        return aws.quicksight.AccountSubscription(
            "bi", account_name="fleet-bi", authentication_method="IAM_AND_QUICKSIGHT", edition="ENTERPRISE_AND_Q",
            notification_email="bi-admin@mail.fleet-example.de", email_address=author, first_name="Jana",
            last_name="Berger", contact_number="0301234567", opts=c.aws,
        )  # fmt: skip

    return build


def contacts_quicksight_reader(email: str) -> Callable[[Ctx], object]:
    # docs: quicksight/user — a reader registered with her e-mail: the dashboards' scheduled e-mail reports (a PDF or
    # CSV snapshot of the visuals) and threshold alerts are mailed to that address.
    def build(c: Ctx) -> object:
        return aws.quicksight.User(
            "fleet-analyst", user_name="fleet-analyst", email=email, identity_type="QUICKSIGHT", user_role="READER",
            namespace="default", opts=c.aws,
        )  # fmt: skip

    return build


# -- stop 33 (hostshape4): a variable in part of a script URL's host, percent-encoded hosts, placeholder buckets --


_HOSTSHAPE4_DOMAIN = """#!/bin/bash
set -euo pipefail
DOMAIN={domain}
curl -sf -X POST "https://api.$DOMAIN/v1/heartbeat" -d "host=$(hostname)"
"""
_HOSTSHAPE4_TENANT = """#!/bin/bash
set -euo pipefail
TENANT=$(cat /etc/fleet/tenant)
PARTNER_DOMAIN={domain}
gzip -c /var/log/fleet/events.log | curl -sf --data-binary @- "https://${{TENANT}}.$PARTNER_DOMAIN/ingest"
"""
_HOSTSHAPE4_QUEUE = """#!/bin/bash
set -euo pipefail
REGION={region}
aws sqs send-message --queue-url "https://sqs.$REGION.amazonaws.com/123456789012/fleet-jobs" \\
  --message-body "booted $(hostname)"
"""
_HOSTSHAPE4_QUEUE_DOMAIN = """#!/bin/bash
set -euo pipefail
AWS_DOMAIN={domain}
aws sqs send-message --queue-url "https://sqs.${{AWS_DOMAIN}}/123456789012/fleet-jobs" --message-body "booted"
"""
_HOSTSHAPE4_PARTNER = {"id": "partner-api", "kind": "resident", "match": "*.partner.example.com",
                       "evidence": "Partner API hosted in Frankfurt and Tokyo, contract PA-4"}  # fmt: skip


_HOSTSHAPE4_EXPORTS = {"id": "env-exports", "kind": "resident", "match": "${Env}-exports",
                       "evidence": "one exports bucket per environment, each in eu-central-1"}  # fmt: skip
_HOSTSHAPE4_SHIP = """#!/bin/bash
set -euo pipefail
ENV={env}
aws s3 cp /var/log/fleet/app.log "s3://$ENV-fleet-logs-de/logs/$(hostname)/app.log"
"""


def hostshape4_fc_env(variables: Mapping[str, str]) -> Callable[[Ctx], object]:
    # docs: fc/v3function — environment variables the function reads.
    def build(c: Ctx) -> object:
        return alicloud.fc.V3Function(
            "telemetry-sink", function_name="telemetry-sink", runtime="python3.10", handler="index.handler",
            memory_size=512, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            environment_variables=dict(variables), opts=c.ali,
        )  # fmt: skip

    return build


_HOSTSHAPE4_STATIC_POD = """#cloud-config
write_files:
  - path: /etc/kubernetes/manifests/log-shipper.yaml
    permissions: "0644"
    content: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: log-shipper
        namespace: kube-system
      spec:
        containers:
          - name: shipper
            image: public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2
            env:
              - name: TENANT
                valueFrom:
                  fieldRef:
                    fieldPath: spec.nodeName
              - name: INGEST_DOMAIN
                value: {domain}
            args: ["--output=http://$(TENANT).$(INGEST_DOMAIN):443/v1/logs", "--flush=5"]
"""


def hostshape4_static_pod(domain: str) -> Callable[[Ctx], object]:
    # docs: ec2/instance — user_data, a cloud-config whose write_files puts a static Pod manifest where the kubelet
    # reads it (/etc/kubernetes/manifests); Kubernetes expands $(VAR) in `args` from the container's `env`.
    def build(c: Ctx) -> object:
        user_data = _HOSTSHAPE4_STATIC_POD.format(domain=domain)
        return aws.ec2.Instance("node", ami="ami-123", instance_type="t3.large", user_data=user_data, opts=c.aws)

    return build


def hostshape4_ecs_shell(domain: str) -> Callable[[Ctx], object]:
    # docs: ecs/taskdefinition — a container whose command runs through `sh -c`, which expands $VAR from the
    # container's `environment` (ECS itself does not expand variables in `command`).
    return hostshape4_task_env(
        ["sh", "-c", 'gzip -c /data/events.log | curl -sf --data-binary @- "https://${TENANT}.$INGEST_DOMAIN/ingest"'],
        [{"name": "INGEST_DOMAIN", "value": domain}, {"name": "TENANT", "value": "$(hostname)"}],
    )


def hostshape4_lambda_url(variable: str, url: str) -> Callable[[Ctx], object]:
    # docs: lambda/function — an environment variable holding the URL the function posts to.
    return lambda_env({variable: url})


def hostshape4_task_env(command: list[str], environment: list[dict[str, str]]) -> Callable[[Ctx], object]:
    # docs: ecs/taskdefinition — container_definitions (ContainerDefinition: `command`, `environment`).
    def build(c: Ctx) -> object:
        containers = json.dumps([{
            "name": "shipper", "image": "public.ecr.aws/docker/library/alpine:3.20", "essential": True,
            "command": command, "environment": environment,
        }])  # fmt: skip
        return aws.ecs.TaskDefinition("shipper", family="shipper", container_definitions=containers, opts=c.aws)

    return build


def awsred9_runbook_output(mode: str, api: str = "runCommand") -> Callable[[Ctx], object]:
    # docs: ssm/document — an Automation runbook (schema 0.3) whose step writes the fleet agent's journal to a bucket
    # named by the `{{ OutputBucket }}` parameter: an `aws:runCommand` step's `OutputS3BucketName` or an
    # `aws:executeAwsApi` S3 PutObject's `Bucket` (`api`). Systems Manager "documents-syntax-data-elements-parameters":
    # `allowedValues` "An array of values allowed for the parameter"; StartAutomationExecution's `Parameters` override a
    # `default`. `mode`: `free` (any bucket the starter names), `default` (the stack's bucket as default only),
    # `allowed` (the stack's bucket the only allowed value), `allowed-partner` (a partner's bucket allowed beside it),
    # `literal` (the stack's bucket written in the step).
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("runbook-output", opts=c.aws)

        def content(b: str) -> str:
            parameter: dict[str, Any] = {"type": "String", "description": "Bucket the journal is written to"}
            if mode == "default":
                parameter["default"] = b
            if mode.startswith("allowed"):
                parameter["allowedValues"] = [b, "partner-diagnostics-intake"] if mode == "allowed-partner" else [b]
            target = b if mode == "literal" else "{{ OutputBucket }}"
            if api == "runCommand":
                step = {"name": "collect", "action": "aws:runCommand", "inputs": {
                    "DocumentName": "AWS-RunShellScript", "InstanceIds": ["{{ InstanceId }}"],
                    "Parameters": {"commands": ["journalctl -u fleet-agent -n 500"]},
                    "OutputS3BucketName": target, "OutputS3KeyPrefix": "diagnostics/"}}  # fmt: skip
            else:
                step = {"name": "store", "action": "aws:executeAwsApi", "inputs": {
                    "Service": "s3", "Api": "PutObject", "Bucket": target,
                    "Key": "diagnostics/{{ automation:EXECUTION_ID }}.txt", "Body": "{{ InstanceId }}"}}  # fmt: skip
            return json.dumps({
                "schemaVersion": "0.3", "description": "Collect the fleet agent's journal",
                "parameters": {"InstanceId": {"type": "String"}, "OutputBucket": parameter},
                "mainSteps": [step]})  # fmt: skip

        return aws.ssm.Document(
            "collect-journal", name="collect-journal", document_type="Automation", document_format="JSON",
            content=own.bucket.apply(content), opts=c.aws,
        )  # fmt: skip

    return build


_AWSRED9_RUNBOOK_DECLARED = {
    "id": "runbook-bucket", "kind": "resident", "match": "{{ OutputBucket }}",
    "evidence": "Started only by maintenance window mw-journal with OutputBucket set to our bucket runbook-output",
}  # fmt: skip


def awsred9_template_gateway_connector(connector_id: str) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack, AWS::BedrockAgentCore::GatewayTarget McpTargetConfiguration (`Connector`:
    # "how the gateway uses a pre-built connector to communicate with the target", `Source.ConnectorId`). The
    # assistant's MCP gateway and its connector tool, made by a stack's template.
    def build(c: Ctx) -> object:
        template = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
            "Gateway": {"Type": "AWS::BedrockAgentCore::Gateway", "Properties": {
                "Name": "assistant-tools", "AuthorizerType": "AWS_IAM", "ProtocolType": "MCP",
                "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/assistant-gateway"}}},
            "Connector": {"Type": "AWS::BedrockAgentCore::GatewayTarget", "Properties": {
                "GatewayIdentifier": {"Ref": "Gateway"}, "Name": "assistant-connector",
                "TargetConfiguration": {"Mcp": {"Connector": {"Source": {"ConnectorId": connector_id}}}},
            }}}}  # fmt: skip
        return aws.cloudformation.Stack("assistant-tools", template_body=json.dumps(template), opts=c.aws)

    return build


# -- alired9: Alibaba red team, round 2 (stop 33) --------------------------------------------------------------------

# CN: the dealer portal's SCDN domain, whose Scope the operator read from DescribeScdnDomainDetail.
_ALIRED9_SCDN_DOMESTIC = {
    "id": "scdn-portal-domestic", "kind": "resident", "match": "alicloud-scdn-domain",
    "evidence": "DescribeScdnDomainDetail portal.fleet.example.com: Scope domestic (2026-11-30, ticket OPS-412)",
}  # fmt: skip


def alired9_flink_alerts_sink(connector: str, hosts: str | None) -> Callable[[Ctx], object]:
    # docs: realtimecompute/deployment (a SQL artifact: "Text content of the SQL job"), Flink's Kafka and Redis SQL
    # connectors ("WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = ...)") — the battery-alert job reads
    # the telemetry topic in the VPC's ApsaraMQ for Kafka and writes its alerts to `hosts` (None: the VPC's own
    # brokers / Redis).
    def build(c: Ctx) -> object:
        if connector == "kafka":
            sink = ("'connector' = 'kafka',\n  'topic' = 'battery-alerts',\n"
                    f"  'properties.bootstrap.servers' = '{hosts or '10.20.1.5:9092,10.20.1.6:9092'}',\n"
                    "  'format' = 'json'")  # fmt: skip
        else:
            sink = (f"'connector' = 'redis',\n  'host' = '{hosts or '10.20.2.7'}',\n  'port' = '6379',\n"
                    "  'password' = '${secret_values.redis_pw}',\n  'mode' = 'HASHMAP'")  # fmt: skip
        script = (
            "CREATE TEMPORARY TABLE telemetry (vin STRING, cell_temp_max DOUBLE) WITH (\n"
            "  'connector' = 'kafka',\n  'topic' = 'telemetry',\n"
            "  'properties.bootstrap.servers' = '10.20.1.5:9092,10.20.1.6:9092',\n"
            "  'properties.group.id' = 'battery-alerts',\n  'format' = 'json'\n);\n"
            f"CREATE TEMPORARY TABLE alerts (vin STRING, max_temp DOUBLE) WITH (\n  {sink}\n);\n"
            "INSERT INTO alerts SELECT vin, MAX(cell_temp_max) FROM telemetry GROUP BY vin\n"
            "HAVING MAX(cell_temp_max) > 55;\n"
        )
        return alicloud.realtimecompute.Deployment(
            "battery-alerts", deployment_name="battery-alerts", namespace="fleet-flink-default",
            resource_id="f-cn-0a1b2c3d4e", engine_version="vvr-8.0.9-flink-1.17", execution_mode="STREAMING",
            deployment_target={"mode": "PER_JOB", "name": "default-queue"},
            artifact={"kind": "SQLSCRIPT", "sql_artifact": {"sql_script": script}}, opts=c.ali,
        )  # fmt: skip

    return build


def alired9_flink_mysql_sink(host: str | None) -> Callable[[Ctx], object]:
    # docs: realtimecompute/deployment, Flink's MySQL connector ("source table, dimension table, result table";
    # WITH 'hostname' = ...) — the job writes each vehicle's latest state to a MySQL table at `host` (None: the stack's
    # own RDS instance, by its connection string).
    def build(c: Ctx) -> object:
        if host is None:
            db = alicloud.rds.Instance(
                "vehicle-state", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.1",
                instance_storage=20, vswitch_id="vsw-123", opts=c.ali,
            )  # fmt: skip
            target: Any = db.connection_string
        else:
            target = host

        def script(h: str) -> str:
            return (
                "CREATE TEMPORARY TABLE latest_state (vin STRING, soc DOUBLE, PRIMARY KEY (vin) NOT ENFORCED) WITH (\n"
                f"  'connector' = 'mysql',\n  'hostname' = '{h}',\n  'port' = '3306',\n"
                "  'username' = 'flink',\n  'password' = '${secret_values.mysql_pw}',\n"
                "  'database-name' = 'fleet',\n  'table-name' = 'latest_state'\n);\n"
                "INSERT INTO latest_state SELECT vin, soc FROM telemetry;\n"
            )

        sql = target.apply(script) if host is None else script(target)
        return alicloud.realtimecompute.Deployment(
            "vehicle-state", deployment_name="vehicle-state", namespace="fleet-flink-default",
            resource_id="f-cn-0a1b2c3d4e", engine_version="vvr-8.0.9-flink-1.17", execution_mode="STREAMING",
            deployment_target={"mode": "PER_JOB", "name": "default-queue"},
            artifact={"kind": "SQLSCRIPT", "sql_artifact": {"sql_script": sql}}, opts=c.ali,
        )  # fmt: skip

    return build


def alired9_dcdn_feature(function: str, args: dict[str, str]) -> Callable[[Ctx], object]:
    # docs: dcdn/domainconfig (BatchSetDcdnDomainConfigs: functionName and functionArgs, as CDN's) — the owner portal's
    # DCDN domain (mainland edges) on the stack's OSS origin, its /api/* requests fetched from the origin `function`
    # names (a conditional origin under a rule condition, an advanced origin, an origin group).
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        domain = alicloud.dcdn.Domain(
            "portal", domain_name="portal.example.cn", scope="domestic",
            sources=[{"content": f"fleet-portal.oss-{region}.aliyuncs.com", "type": "oss", "port": 443,
                      "priority": "20", "weight": "10"}],
            opts=c.ali,
        )  # fmt: skip
        rule = json.dumps({"match": {"logic": "and", "criteria": [
            {"matchType": "uri", "matchObject": "CONNECTING", "matchOperator": "contains", "matchValue": ["/api/*"],
             "negate": False}]}, "name": "api-path", "status": "enable"})  # fmt: skip
        condition = alicloud.dcdn.DomainConfig(
            "api-path", domain_name=domain.domain_name, function_name="condition",
            function_args=[{"arg_name": "rule", "arg_value": rule}], opts=c.ali,
        )  # fmt: skip
        return alicloud.dcdn.DomainConfig(
            function, domain_name=domain.domain_name, function_name=function,
            parent_id=condition.config_id if function == "origin_dns_host" else None,
            function_args=[{"arg_name": k, "arg_value": v} for k, v in args.items()], opts=c.ali,
        )  # fmt: skip

    return build


def alired9_dms_airflow(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: dms/airflow (CreateAirflow: OssBucketName, OssPath "the OSS path storing the logs") — the data team's
    # Airflow scheduler, its logs and DAGs in `bucket` (None: the stack's own bucket).
    def build(c: Ctx) -> object:
        region = REGION[c.code][1]
        name: Any = bucket
        if bucket is None:
            name = alicloud.oss.Bucket("airflow", bucket=f"fleet-airflow-{region}", opts=c.ali).bucket
        return alicloud.dms.Airflow(
            "scheduler", airflow_name="fleet-scheduler", description="trip batch jobs", app_spec="SMALL",
            worker_serverless_replicas=0, workspace_id="86302423821234", vpc_id="vpc-fleet", vswitch_id="vsw-a",
            security_group_id="sg-airflow", zone_id=f"{region}-h", oss_bucket_name=name, oss_path="/airflow",
            dags_dir="default/dags", opts=c.ali,
        )  # fmt: skip

    return build


def alired9_flink_sql_file(brokers: str) -> Callable[[Ctx], object]:
    # docs: realtimecompute/sqlfile — a draft SQL file in the Flink workspace copying trip events to Kafka.
    def build(c: Ctx) -> object:
        script = (
            "CREATE TEMPORARY TABLE trips_out (trip_id STRING, vin STRING) WITH (\n  'connector' = 'kafka',\n"
            f"  'topic' = 'trips',\n  'properties.bootstrap.servers' = '{brokers}',\n  'format' = 'json'\n);\n"
            "INSERT INTO trips_out SELECT trip_id, vin FROM trips;\n"
        )
        return alicloud.realtimecompute.SqlFile(
            "trips-export", namespace="fleet-flink-default", session_cluster_name="dev-session", sql_script=script,
            name="trips-export", opts=c.ali,
        )  # fmt: skip

    return build


# Mutation search round 4 (stop 33): a Kafka client's bootstrap list under BOOTSTRAP / KAFKA_BOOTSTRAP (the hosts of a
# list swapped one at a time): MSK's TLS brokers (b-<n>.<cluster>.<id>.c2.kafka.<region>.amazonaws.com[.cn]:9094,
# docs: msk/cluster bootstrap_brokers_tls) and a self-managed cluster's brokers at private addresses.
_MSK_NINGXIA = ",".join(
    f"b-{n}.telemetry.9a70e3.c2.kafka.cn-northwest-1.amazonaws.com.cn:9094" for n in (1, 2, 3)
)  # fmt: skip
_MSK_FRANKFURT = ",".join(f"b-{n}.telemetry.5e6ef2.c2.kafka.eu-central-1.amazonaws.com:9094" for n in (1, 2))
_KAFKA_PRIVATE = "192.168.20.11:9092,192.168.20.12:9092"  # a self-managed cluster in the stack's VPC
_PARTNER_BROKER = "kafka.partner.example.com:9094"


# Alibaba red team, round 3 (stop 34). An Express Connect circuit's far end, `peer_location`: CreatePhysicalConnection's
# required PeerLocation, "The geographic location of the on-premises data center", free text no catalogue can place
# (endpoints.yaml site_fields). The leased line carries the VPC's traffic (through its VBR) to that site.
_ALIRED10_IDC = "Shanghai Pudong, Zhangjiang Hi-Tech Park, Fleet IDC Building 3"
_ALIRED10_IDC_DECLARED = {
    "id": "fleet-idc-zhangjiang", "kind": "resident", "match": _ALIRED10_IDC,
    "evidence": "own data centre, lease SH-2024-117; circuit order and site survey by China Telecom Shanghai",
}  # fmt: skip


def alired10_express_connect(peer_location: str, operator: str) -> Callable[[Ctx], object]:
    # docs: alicloud expressconnect/physicalconnection (access_point_id, line_operator, peer_location, port_type,
    # bandwidth), expressconnect/virtualborderrouter (the VBR on the circuit, its /30 peering addresses and VLAN).
    def build(c: Ctx) -> object:
        circuit = alicloud.expressconnect.PhysicalConnection(
            "idc-line", access_point_id="ap-cn-shanghai-nt-A", line_operator=operator, peer_location=peer_location,
            physical_connection_name="fleet-idc-line", port_type="1000Base-LX", bandwidth="1000",
            description="plant telemetry to the VPC", opts=c.ali,
        )  # fmt: skip
        return alicloud.expressconnect.VirtualBorderRouter(
            "idc-vbr", physical_connection_id=circuit.id, vlan_id=120, local_gateway_ip="10.100.0.1",
            peer_gateway_ip="10.100.0.2", peering_subnet_mask="255.255.255.252",
            virtual_border_router_name="fleet-idc-vbr", opts=c.ali,
        )  # fmt: skip

    return build


def alired10_sae_nas(mount_domain: str | None) -> Callable[[Ctx], object]:
    # docs: alicloud sae/application (nas_configs: nas_id, mount_domain "The domain name of the mount target",
    # nas_path, mount_path), nas/filesystem + nas/mounttarget (its mount_target_domain output). The report service
    # writes its generated PDFs to the share; None: the stack's own NAS mount target.
    def build(c: Ctx) -> object:
        nas = alicloud.nas.FileSystem("reports", protocol_type="NFS", storage_type="Performance", opts=c.ali)
        mount = alicloud.nas.MountTarget("reports", file_system_id=nas.id, vswitch_id="vsw-1", opts=c.ali)
        domain = mount.mount_target_domain if mount_domain is None else mount_domain
        return alicloud.sae.Application(
            "report-service", app_name="reports", package_type="Image", replicas=2, cpu=1000, memory=2048,
            vpc_id="vpc-1", vswitch_id="vsw-1", namespace_id="cn-shanghai:fleet",
            image_url="registry-vpc.cn-shanghai.aliyuncs.com/fleet/reports:2.4",
            nas_configs=[{"nas_id": nas.id, "mount_domain": domain, "nas_path": "/reports",
                          "mount_path": "/data/reports", "read_only": False}],
            opts=c.ali,
        )  # fmt: skip

    return build


def alired10_ehpc_shared_storage(mount_target_domain: str) -> Callable[[Ctx], object]:
    # docs: alicloud ehpc/clusterv2 (shared_storages: file_system_id, mount_target_domain "The mount point address of
    # the mounted file system", nas_directory, mount_directory, protocol_type) — the simulation cluster's home share.
    def build(c: Ctx) -> object:
        return alicloud.ehpc.ClusterV2(
            "crash-sim", cluster_name="crash-sim", cluster_category="Standard", cluster_mode="Integrated",
            cluster_vpc_id="vpc-1", cluster_vswitch_id="vsw-1", security_group_id="sg-1",
            cluster_credentials={"password": "Sim-Cluster-2026!"},
            shared_storages=[{"file_system_id": "0a1b2c3d4e", "mount_target_domain": mount_target_domain,
                              "nas_directory": "/home", "mount_directory": "/home", "protocol_type": "NFS"}],
            opts=c.ali,
        )  # fmt: skip

    return build


def alired10_ehpc_v1_scratch(mountpoint: str) -> Callable[[Ctx], object]:
    # docs: alicloud ehpc/cluster (volume_id / volume_mountpoint: the cluster's NAS and its mount target;
    # additional_volumes[]: volume_id, volume_mountpoint "The mount target of the additional file system",
    # remote_directory, local_directory, volume_protocol, volume_type NAS) — a scratch share for the solver's output.
    def build(c: Ctx) -> object:
        return alicloud.ehpc.Cluster(
            "solver", cluster_name="solver", compute_count=4, compute_instance_type="ecs.c7.4xlarge", login_count=1,
            login_instance_type="ecs.c7.large", manager_instance_type="ecs.c7.large", os_tag="CentOS_7.6_64",
            vswitch_id="vsw-1", volume_type="NAS", volume_protocol="NFS", volume_id="0a1b2c3d4e",
            volume_mountpoint="0a1b2c3d4e-xk71.cn-shanghai.nas.aliyuncs.com", remote_directory="/",
            additional_volumes=[{"volume_id": "5f6e7d8c9b", "volume_mountpoint": mountpoint,
                                 "remote_directory": "/scratch", "local_directory": "/scratch",
                                 "volume_protocol": "NFS", "volume_type": "NAS"}],
            opts=c.ali,
        )  # fmt: skip

    return build


# -- awsred10: AWS red team, round 10 (stop 34): nested inputs naming a destination ---------------------------------


def awsred10_msk_replicator(brokers: str) -> Callable[[Ctx], object]:
    # docs: msk/replicator — migrating the on-premises telemetry Kafka cluster (SASL/SCRAM) to the stack's MSK Express
    # cluster: the replicator connects to the self-managed cluster's `bootstrap_broker_string` and reads every topic.
    def build(c: Ctx) -> object:
        role = aws.iam.Role("replicator-role", assume_role_policy=ROLE.replace("lambda", "kafka"), opts=c.aws)
        target = aws.msk.ServerlessCluster(
            "telemetry", cluster_name="telemetry",
            vpc_configs=[{"subnet_ids": ["subnet-0a1", "subnet-0b2"], "security_group_ids": ["sg-0c3"]}],
            client_authentication={"sasl": {"iam": {"enabled": True}}}, opts=c.aws,
        )  # fmt: skip
        vpc = {"subnet_ids": ["subnet-0a1", "subnet-0b2"], "security_groups_ids": ["sg-0c3"]}
        clusters: list[Any] = [
            {"apache_kafka_cluster": {"apache_kafka_cluster_id": "lkc-7f3a9", "bootstrap_broker_string": brokers},
             "vpc_config": vpc},
            {"amazon_msk_cluster": {"msk_cluster_arn": target.arn}, "vpc_config": vpc},
        ]  # fmt: skip
        replication: Any = {
            "source_kafka_cluster_id": "lkc-7f3a9", "target_kafka_cluster_arn": target.arn,
            "target_compression_type": "NONE", "topic_replications": [{"topics_to_replicates": [".*"]}],
            "consumer_group_replications": [{"consumer_groups_to_replicates": [".*"]}],
        }  # fmt: skip
        return aws.msk.Replicator(
            "telemetry-migration", replicator_name="telemetry-migration", service_execution_role_arn=role.arn,
            kafka_clusters=clusters, replication_info_list=replication, opts=c.aws,
        )  # fmt: skip

    return build


def awsred10_connect_agent(email: str, secondary: str | None = None) -> Callable[[Ctx], object]:
    # docs: connect/user — a contact-centre agent; Connect mails the agent's notifications to `identity_info.email`, or
    # to `secondary_email` when given (UserIdentityInfo SecondaryEmail).
    def build(c: Ctx) -> object:
        identity: Any = {"first_name": "Jana", "last_name": "Berger", "email": email}
        phone: Any = {"phone_type": "SOFT_PHONE", "after_contact_work_time_limit": 60}
        if secondary is not None:
            identity["secondary_email"] = secondary
        return aws.connect.User(
            "agent-jberger", instance_id="aaaaaaaa-bbbb-cccc-dddd-111111111111", name="jberger",
            password="Passw0rd-Example", routing_profile_id="rp-11111111", security_profile_ids=["sp-22222222"],
            phone_config=phone, identity_info=identity, opts=c.aws,
        )  # fmt: skip

    return build


_AWSRED10_CORP_DNS = {"id": "eu-corp-dns", "kind": "resident", "match": "*.corp.example.eu",
                      "evidence": "On-premises AD DNS, Frankfurt data centre, transit gateway VPN"}  # fmt: skip


def awsred10_finspace_dns(server_ip: str) -> Callable[[Ctx], object]:
    # docs: finspace/kxenvironment — a kdb environment reaching the trading desk's network over a transit gateway; its
    # custom DNS (Route 53 outbound resolvers) forwards queries to `custom_dns_server_ip`.
    def build(c: Ctx) -> object:
        key = aws.kms.Key("kdb-key", description="kdb environment", opts=c.aws)
        return aws.finspace.KxEnvironment(
            "kdb", name="fleet-analytics", kms_key_id=key.arn,
            transit_gateway_configuration={"transit_gateway_id": "tgw-0123456789abcdef0",
                                           "routable_cidr_space": "100.64.0.0/26"},
            custom_dns_configurations=[{"custom_dns_server_name": "dns1.corp.example.eu",
                                        "custom_dns_server_ip": server_ip}],
            opts=c.aws,
        )  # fmt: skip

    return build


def awsred10_registered_domain(glue_ip: str | None) -> Callable[[Ctx], object]:
    # docs: route53domains/registereddomain — the fleet portal's domain, delegated to the stack's hosted zone (its
    # `name_servers` output) or to two name servers under the domain itself, each with its glue IP.
    def build(c: Ctx) -> object:
        zone = aws.route53.Zone("portal", name="fleet-portal.example.eu", opts=c.aws)
        servers: Any = (
            zone.name_servers.apply(lambda ns: [{"name": n} for n in ns])
            if glue_ip is None
            else [{"name": f"ns{n}.fleet-portal.example.eu", "glue_ips": [glue_ip]} for n in (1, 2)]
        )
        return aws.route53domains.RegisteredDomain(
            "portal-domain", domain_name="fleet-portal.example.eu", name_servers=servers, opts=c.aws
        )

    return build


_AWSRED10_MCP = {"id": "eu-mcp", "kind": "resident", "match": "*.internal.example.eu",
                 "evidence": "Parts catalogue MCP server, stack VPC in eu-west-1 (private certificate)"}  # fmt: skip


def awsred10_gateway_target_routing(routing_domain: str) -> Callable[[Ctx], object]:
    # docs: bedrock/agentcoregatewaytarget — the assistant's gateway reaching a private MCP server in the VPC through a
    # managed VPC Lattice resource; `routing_domain` is the intermediate domain (an internal ALB with a public ACM
    # certificate in front of the server) AgentCore sends the requests to instead of the server's own name.
    def build(c: Ctx) -> object:
        return aws.bedrock.AgentcoreGatewayTarget(
            "parts-catalogue", gateway_identifier="assistant-gw-1a2b3c4d5e", name="parts-catalogue",
            target_configuration={"mcp": {"mcp_server": {"endpoint": "https://parts.internal.example.eu/mcp"}}},
            private_endpoint={"managed_vpc_resource": {
                "vpc_identifier": "vpc-0a1b2c3d", "subnet_ids": ["subnet-0a1", "subnet-0b2"],
                "endpoint_ip_address_type": "IPV4", "routing_domain": routing_domain}},
            opts=c.aws,
        )  # fmt: skip

    return build


def awsred10_chime_cdr(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: chime/sdkvoiceglobalsettings — the account's Voice Connector call detail records go to `cdr_bucket` (None:
    # the stack's own bucket).
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("call-records", opts=c.aws)
        return aws.chime.SdkvoiceGlobalSettings(
            "voice", voice_connector={"cdr_bucket": own.bucket if bucket is None else bucket}, opts=c.aws
        )

    return build


def awsred10_region_switch_reports(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: arcregionswitch/plan — an active/passive plan between the stack's two EU Regions whose execution reports go
    # to `bucket_path` ("bucket-name or bucket-name/prefix"; None: the stack's own bucket under `reports/`).
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("switch-reports", opts=c.aws)
        role = aws.iam.Role("switch-role", assume_role_policy=ROLE.replace("lambda", "arc-region-switch"), opts=c.aws)
        path = own.bucket.apply(lambda b: f"{b}/reports") if bucket is None else bucket
        return aws.arcregionswitch.Plan(
            "fleet-failover", name="fleet-failover", execution_role=role.arn, recovery_approach="activePassive",
            regions=["eu-west-1", "eu-central-1"], primary_region="eu-west-1",
            workflows=[{"workflow_target_action": "activate", "workflow_target_region": "eu-central-1"}],
            report_configurations=[{"report_outputs": [{"s3_configurations": [
                {"bucket_path": path, "bucket_owner": "123456789012"}]}]}],
            opts=c.aws,
        )  # fmt: skip

    return build


def awsred10_migration_project_reports(bucket: str | None) -> Callable[[Ctx], object]:
    # docs: dms/migrationproject — DMS Schema Conversion of the dealer database, exporting its assessment reports to
    # `s3_bucket_path` (None: the stack's own bucket under `sct/`).
    def build(c: Ctx) -> object:
        own = aws.s3.Bucket("sct-reports", opts=c.aws)
        arn = "arn:aws:dms:eu-west-1:123456789012:data-provider:"
        profile = "arn:aws:dms:eu-west-1:123456789012:instance-profile:ip1"
        path = own.bucket.apply(lambda b: f"{b}/sct") if bucket is None else bucket
        return aws.dms.MigrationProject(
            "dealer-db", name="dealer-db", instance_profile_arn=profile,
            source_data_provider_descriptors=[{"data_provider_arn": arn + "oracle-src"}],
            target_data_provider_descriptors=[{"data_provider_arn": arn + "aurora-tgt"}],
            schema_conversion_application_attributes={"s3_bucket_path": path,
                                                      "s3_bucket_role_arn": "arn:aws:iam::123456789012:role/sct"},
            opts=c.aws,
        )  # fmt: skip

    return build


# -- the leftovers review (stop 34) ----------------------------------------------------------------------------------
# Route 53's name servers as Route 53 assigns them (GetHostedZone's example delegation set shape,
# ns-<n>.awsdns-<nn>.<tld>): the fleet's DNS account's hosted zone, delegated to by name from a stack that does not make
# the zone.
_LEFTOVERS34_R53 = ["ns-1321.awsdns-37.org", "ns-1670.awsdns-16.co.uk", "ns-27.awsdns-03.com", "ns-967.awsdns-56.net"]
_LEFTOVERS34_PARTNER_DNS = ["ns1.partner-dns.example.com", "ns2.partner-dns.example.com"]


def leftovers34_registered_domain(servers: list[str]) -> Callable[[Ctx], object]:
    # docs: route53domains/registereddomain — the brand domain already registered with Route 53 (no contacts given),
    # delegated to `servers` by name ("The fully qualified host name of the name server", no glue IPs): every resolver
    # asks them for the domain, and they say where its clients go.
    def build(c: Ctx) -> object:
        return aws.route53domains.RegisteredDomain(
            "brand-domain", domain_name="fleet-example.eu", auto_renew=True, transfer_lock=True,
            name_servers=[{"name": n} for n in servers], opts=c.aws,
        )  # fmt: skip

    return build


def leftovers34_flink_set(statement: str) -> Callable[[Ctx], object]:
    # docs: realtimecompute/sqlfile; Flink's SET statement ("SET ('key' = 'value')": the job's configuration) and its S3
    # file system's "s3.endpoint: your-endpoint-hostname" for an S3-compatible store — the trip aggregation job
    # checkpointing to the plant's MinIO (or a partner's store) and writing to the VPC's Kafka.
    def build(c: Ctx) -> object:
        script = (
            f"{statement}\nSET 'execution.checkpointing.interval' = '60s';\n"
            "CREATE TEMPORARY TABLE trips_out (trip_id STRING, vin STRING) WITH (\n  'connector' = 'kafka',\n"
            "  'topic' = 'trips',\n  'properties.bootstrap.servers' = '10.20.1.5:9092',\n  'format' = 'json'\n);\n"
            "INSERT INTO trips_out SELECT trip_id, vin FROM trips;\n"
        )
        return alicloud.realtimecompute.SqlFile(
            "trips-agg", namespace="fleet-flink-default", session_cluster_name="dev-session", sql_script=script,
            name="trips-agg", opts=c.ali,
        )  # fmt: skip

    return build


_LEFTOVERS34_PARTNER_DNS_DECLARED = {
    "id": "partner-dns",
    "kind": "resident",
    "match": "*.partner-dns.example.com",
    "evidence": "Authoritative DNS of the brand agency, servers in Frankfurt (contract annex 3)",
}


# The workshop portal's own domain, served by the stack's Verified Access endpoint: a Cognito app client's callback URL
# receives the sign-in's authorization code (the browser is redirected there), so the engine judges it as a destination
# and the stack declares where it is (stop 34's false-alarm hunt: the refusal is correct without the declaration).
_WORKSHOP_PORTAL = {
    "id": "workshop-portal",
    "kind": "resident",
    "match": "workshop.fleet.example.com",
    "evidence": "Verified Access endpoint of this stack, in the stack's home Region",
}


def apigw_lambda_uri(version: int, uri: str) -> Callable[[Ctx], object]:
    # Mutation search round 5: an API Gateway integration's URI names the Lambda function it invokes inside the API
    # Gateway service ARN (docs: apigateway/integration — uri: "the URI of the Lambda function ... in the form of
    # arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function_arn}/invocations"; apigatewayv2/integration
    # — integration_uri: for an AWS_PROXY integration, the Lambda function's ARN or this form).
    def build(c: Ctx) -> object:
        if version == 1:
            regional = aws.apigateway.RestApiEndpointConfigurationArgs(types="REGIONAL")
            api = aws.apigateway.RestApi("api", name="fleet", endpoint_configuration=regional, opts=c.aws)
            return aws.apigateway.Integration(
                "invoke", rest_api=api.id, resource_id=api.root_resource_id, http_method="POST",
                integration_http_method="POST", type="AWS_PROXY", uri=uri, opts=c.aws,
            )  # fmt: skip
        api2 = aws.apigatewayv2.Api("api", protocol_type="HTTP", opts=c.aws)
        return aws.apigatewayv2.Integration(
            "invoke", api_id=api2.id, integration_type="AWS_PROXY", integration_uri=uri,
            payload_format_version="2.0", opts=c.aws,
        )  # fmt: skip

    return build


_APIGW_LAMBDA = (
    "arn:aws:apigateway:{api}:lambda:path/2015-03-31/functions/arn:aws:lambda:{fn}:123456789012:function:fleet-api"
    "/invocations"
)


def own_bucket_variables(buckets: Mapping[str, str]) -> Callable[[Ctx], object]:
    # Mutation search round 5: a Lambda's bucket variables naming the buckets the stack creates (docs: s3/bucketv2 —
    # bucket: "Name of the bucket"; lambda/function — environment.variables).
    def build(c: Ctx) -> object:
        made = {
            key: aws.s3.BucketV2(key.lower().replace("_", "-"), bucket=name, opts=c.aws)
            for key, name in buckets.items()
        }
        return lambda_env({key: bucket.bucket for key, bucket in made.items()})(c)

    return build


def cloud_config_encoded_files(cloud: str, env_file: str, script: str) -> Callable[[Ctx], object]:
    # Mutation search round 5: plain cloud-config user data whose write_files items are encoded, one `encoding: b64`,
    # one `encoding: gz+b64` (cloud-init docs, "Write files": "encoding: Optional encoding type of the content.
    # Default: text/plain. Supported encoding types are: gz, gzip, gz+base64, gzip+base64, gz+b64, gzip+b64, b64,
    # base64"), so the search swaps values inside a base64 run inside a longer value.
    # docs: ec2/instance — user_data: "User data to provide when launching the instance"; alicloud ecs/instance —
    # user_data is plain or base64 text run by cloud-init.
    env64 = base64.b64encode(env_file.encode()).decode()
    script64 = base64.b64encode(gzip.compress(script.encode(), mtime=0)).decode()
    text = (
        "#cloud-config\nwrite_files:\n"
        f"  - path: /etc/fleet/app.env\n    encoding: b64\n    content: {env64}\n"
        f"  - path: /opt/fleet/boot.sh\n    permissions: '0755'\n    encoding: gz+b64\n    content: {script64}\n"
        "runcmd:\n  - /opt/fleet/boot.sh\n"
    )
    if cloud == "alicloud":
        return ali_user_data(text, encode=False)

    def build(c: Ctx) -> object:
        return aws.ec2.Instance("vm", ami="ami-123", instance_type="t3.micro", user_data=text, opts=c.aws)

    return build


# -- alired11 (stop 34): destinations inside the documents Alibaba resources carry --------------------------------


def _ros_template(resources: Mapping[str, Any], parameters: Mapping[str, Any] | None = None) -> str:
    template: dict[str, Any] = {"ROSTemplateFormatVersion": "2015-09-01"}
    if parameters:
        template["Parameters"] = dict(parameters)
    template["Resources"] = dict(resources)
    return json.dumps(template)


def alired11_ros_stack_parameter(key: str, value: str) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stack parameters ({parameter_key, parameter_value}: "The key of parameter N"); ROS
    # ALIYUN::ECS::CopyImage (DestinationRegionId) and ALIYUN::ECS::Instance (UserData). The fleet's image is copied to
    # the replica region and the uploader's OSS endpoint written to its env file, both given as the stack's parameters.
    def build(c: Ctx) -> object:
        template = _ros_template(
            {"ImageReplica": {"Type": "ALIYUN::ECS::CopyImage", "Properties": {
                "ImageId": "m-uf6fleetbase0001", "DestinationRegionId": {"Ref": "ReplicaRegion"},
                "DestinationImageName": "fleet-base"}},
             "Uploader": {"Type": "ALIYUN::ECS::Instance", "Properties": {
                "ImageId": "m-uf6fleetbase0001", "InstanceType": "ecs.g7.large", "VpcId": "vpc-uf6fleet0001",
                "VSwitchId": "vsw-uf6fleet0001", "SecurityGroupId": "sg-uf6fleet0001",
                "UserData": {"Fn::Sub": "#!/bin/sh\necho OSS_ENDPOINT=${ExportHost} >> /etc/fleet/uploader.env\n"}}}},
            {"ReplicaRegion": {"Type": "String", "Description": "Region the fleet image is copied to"},
             "ExportHost": {"Type": "String", "Description": "OSS endpoint the uploader writes to"}},
        )  # fmt: skip
        given = {"ReplicaRegion": "cn-beijing", "ExportHost": "oss-cn-shanghai-internal.aliyuncs.com", key: value}
        return alicloud.ros.Stack(
            "fleet-image", stack_name="fleet-image", template_body=template, opts=c.ali,
            parameters=[{"parameter_key": k, "parameter_value": v} for k, v in given.items()],
        )  # fmt: skip

    return build


def alired11_ros_stack_instance(host: str) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stackinstance — a stack group's instance in the stack's region, its parameter_overrides
    # ({parameter_key, parameter_value}) naming where the instance's uploader sends.
    def build(c: Ctx) -> object:
        return alicloud.ros.StackInstance(
            "uploader-shanghai", stack_group_name="fleet-uploaders", stack_instance_account_id="1234567890123456",
            stack_instance_region_id=REGION[c.code][1],
            parameter_overrides=[{"parameter_key": "ExportHost", "parameter_value": host}], opts=c.ali,
        )  # fmt: skip

    return build


def alired11_ros_stack_group_cdn(scope: str, *, stored: bool = False) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stackgroup template_body (a template deployed to each stack instance's region) and
    # ros/template (a template kept for stacks and stack groups); ROS ALIYUN::CDN::Domain Scope (domestic, the default,
    # overseas or global) accelerating the download site.
    def build(c: Ctx) -> object:
        template = _ros_template({"DownloadsCdn": {"Type": "ALIYUN::CDN::Domain", "Properties": {
            "DomainName": "downloads.fleet.example.cn", "CdnType": "download", "Scope": scope,
            "Sources": f'[{{"content":"fleet-downloads.oss-{REGION[c.code][1]}.aliyuncs.com","type":"oss",'
                       '"priority":"20","port":443,"weight":"10"}]'}}})  # fmt: skip
        if stored:
            return alicloud.ros.Template("downloads-cdn", template_name="downloads-cdn", template_body=template,
                                         opts=c.ali)  # fmt: skip
        return alicloud.ros.StackGroup("downloads-cdn", stack_group_name="downloads-cdn", template_body=template,
                                       opts=c.ali)  # fmt: skip

    return build


def alired11_ros_cen_bandwidth(area_a: str, area_b: str) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stack — ROS ALIYUN::CEN::CenInstance and ALIYUN::CEN::CenBandwidthPackage between two areas
    # (GeographicRegionAId / GeographicRegionBId: China, North-America, Asia-Pacific or Europe).
    def build(c: Ctx) -> object:
        template = _ros_template({
            "Cen": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "fleet-backbone"}},
            "Bandwidth": {"Type": "ALIYUN::CEN::CenBandwidthPackage", "Properties": {
                "Bandwidth": 10, "GeographicRegionAId": area_a, "GeographicRegionBId": area_b,
                "BandwidthPackageChargeType": "POSTPAY"}},
        })  # fmt: skip
        return alicloud.ros.Stack("backbone", stack_name="backbone", template_body=template, opts=c.ali)

    return build


def alired11_eci_config_file(line: str, *, scaling: bool = False) -> Callable[[Ctx], object]:
    # docs: alicloud eci/containergroup volumes (type ConfigFileVolume; config_file_volume_config_file_to_paths content:
    # the file's content, Base64-encoded, per ECI's CreateContainerGroup) and ess/eciscalingconfiguration (the same
    # volumes): the uploader's env file mounted at /etc/uploader.
    def build(c: Ctx) -> object:
        content = base64.b64encode(f"LOG_LEVEL=info\n{line}\n".encode()).decode()
        image = f"registry-vpc.{REGION[c.code][1]}.aliyuncs.com/fleet/uploader:1.4"
        volume: Any = {
            "name": "uploader-env",
            "type": "ConfigFileVolume",
            "config_file_volume_config_file_to_paths": [{"path": "uploader.env", "content": content}],
        }
        container: Any = {"name": "uploader", "image": image,
                     "volume_mounts": [{"name": "uploader-env", "mount_path": "/etc/uploader"}]}  # fmt: skip
        if scaling:
            return alicloud.ess.EciScalingConfiguration(
                "uploaders", scaling_group_id="asg-uf6fleet0001", security_group_id="sg-uf6fleet0001",
                containers=[container], volumes=[volume], opts=c.ali,
            )  # fmt: skip
        return alicloud.eci.ContainerGroup(
            "uploader", container_group_name="uploader", security_group_id="sg-uf6fleet0001",
            vswitch_id="vsw-uf6fleet0001", containers=[container], volumes=[volume], opts=c.ali,
        )  # fmt: skip

    return build


def alired11_ros_replica_default(default: str, given: str | None = None) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stack — ROS ALIYUN::ECS::CopyImage whose DestinationRegionId is the template's ReplicaRegion
    # Parameter: its Default, unless the stack's parameters give it.
    def build(c: Ctx) -> object:
        template = _ros_template(
            {"ImageReplica": {"Type": "ALIYUN::ECS::CopyImage", "Properties": {
                "ImageId": "m-uf6fleetbase0001", "DestinationRegionId": {"Ref": "ReplicaRegion"},
                "DestinationImageName": "fleet-base"}}},
            {"ReplicaRegion": {"Type": "String", "Default": default,
                               "Description": "Region the fleet image is copied to"}},
        )  # fmt: skip
        parameters: Any = [{"parameter_key": "ReplicaRegion", "parameter_value": given}] if given else None
        return alicloud.ros.Stack("fleet-image", stack_name="fleet-image", template_body=template,
                                  parameters=parameters, opts=c.ali)  # fmt: skip

    return build


def alired11_cfn_replica_default(default: str, given: str | None = None) -> Callable[[Ctx], object]:
    # docs: cloudformation/stack template_body and parameters — an AWS::DynamoDB::GlobalTable whose second replica's
    # Region is the template's ReplicaRegion Parameter (its Default unless the stack gives it).
    def build(c: Ctx) -> object:
        template = (
            "AWSTemplateFormatVersion: '2010-09-09'\n"
            f"Parameters:\n  ReplicaRegion:\n    Type: String\n    Default: {default}\n"
            "Resources:\n  Trips:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n"
            "      TableName: trips\n      BillingMode: PAY_PER_REQUEST\n"
            "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
            "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
            "      Replicas:\n        - Region: !Ref 'AWS::Region'\n        - Region: !Ref ReplicaRegion\n"
        )
        return aws.cloudformation.Stack("trips", template_body=template,
                                        parameters={"ReplicaRegion": given} if given else None, opts=c.aws)  # fmt: skip

    return build


def alired11_oos_copy_image(default: str, given: str | None = None) -> Callable[[Ctx], object]:
    # docs: alicloud oos/template (content: an OOS template, "{{ Status }}" in the registry's example) and
    # oos/execution (parameters, a JSON map) — an ACS::ExecuteApi task copying the fleet image to the region the
    # targetRegionId parameter names (its Default unless the execution gives it).
    def build(c: Ctx) -> object:
        content = json.dumps({
            "FormatVersion": "OOS-2019-06-01", "Description": "Copy the fleet base image to the replica region",
            "Parameters": {"targetRegionId": {"Type": "String", "Default": default},
                           "imageId": {"Type": "String", "Default": "m-uf6fleetbase0001"}},
            "Tasks": [{"Name": "copyImage", "Action": "ACS::ExecuteApi", "Properties": {
                "Service": "ECS", "API": "CopyImage", "Parameters": {
                    "RegionId": "{{ ACS::RegionId }}", "ImageId": "{{ imageId }}",
                    "DestinationRegionId": "{{ targetRegionId }}"}}}],
        })  # fmt: skip
        if given is None:
            return alicloud.oos.Template("copy-image", template_name="fleet-copy-image", content=content, opts=c.ali)
        return alicloud.oos.Execution("copy-image", template_name="fleet-copy-image", template_content=content,
                                      parameters=json.dumps({"targetRegionId": given}), opts=c.ali)  # fmt: skip

    return build


def alired11_oos_backup(host: str, given: str | None = None) -> Callable[[Ctx], object]:
    # docs: alicloud oos/template and oos/execution — an ACS::ECS::RunCommand task whose shell script copies the
    # instance's data to the backup host the backupHost parameter names (its Default unless the execution gives it).
    def build(c: Ctx) -> object:
        content = (
            "FormatVersion: OOS-2019-06-01\nDescription: Copy the dashcam spool to the backup host\n"
            f"Parameters:\n  backupHost:\n    Type: String\n    Default: {host}\n"
            "  instanceId:\n    Type: String\n"
            "Tasks:\n- Name: copySpool\n  Action: ACS::ECS::RunCommand\n  Properties:\n"
            "    regionId: '{{ ACS::RegionId }}'\n    instanceId: '{{ instanceId }}'\n"
            "    commandType: RunShellScript\n"
            "    commandContent: rsync -a /var/spool/dashcam/ backup@{{ backupHost }}:/srv/dashcam/\n"
        )
        if given is None:
            return alicloud.oos.Template("spool-backup", template_name="fleet-spool-backup", content=content,
                                         opts=c.ali)  # fmt: skip
        return alicloud.oos.Execution("spool-backup", template_name="fleet-spool-backup", template_content=content,
                                      parameters=json.dumps({"backupHost": given, "instanceId": "i-uf6fleet0001"}),
                                      opts=c.ali)  # fmt: skip

    return build


def alired11_ros_dr_region(dr_region: str) -> Callable[[Ctx], object]:
    # docs: alicloud ros/stack — ROS Conditions and Fn::If: the fleet image is copied to the disaster-recovery region
    # when the stack is deployed with EnableDr, else to Beijing.
    def build(c: Ctx) -> object:
        template = _ros_template(
            {"ImageReplica": {"Type": "ALIYUN::ECS::CopyImage", "Properties": {
                "ImageId": "m-uf6fleetbase0001", "DestinationImageName": "fleet-base",
                "DestinationRegionId": {"Fn::If": ["DrEnabled", dr_region, "cn-beijing"]}}}},
            {"EnableDr": {"Type": "String", "AllowedValues": ["true", "false"], "Default": "false"}},
        )  # fmt: skip
        document = json.loads(template)
        document["Conditions"] = {"DrEnabled": {"Fn::Equals": ["true", {"Ref": "EnableDr"}]}}
        return alicloud.ros.Stack("fleet-image-dr", stack_name="fleet-image-dr", template_body=json.dumps(document),
                                  opts=c.ali)  # fmt: skip

    return build


def lead34_rest_api_s3(form: str, bucket: str, own: bool = False) -> Callable[[Ctx], object]:
    # docs: aws apigateway/integration, type AWS, `uri` "arn:aws:apigateway:{region}:{subdomain.service|service}:
    # path|action/{service_api}" ("for integration with the S3 API of GetObject, the uri can be either
    # arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key} or
    # arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}"), the subdomain form `<bucket>.s3:path/<key>`: an S3 proxy
    # API storing the workshop's diagnostic uploads. `own`: the stack's bucket, named by its output.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        p = "aws-cn" if region.startswith("cn-") else "aws"
        api = aws.apigateway.RestApi("uploads", name="uploads", endpoint_configuration={"types": "REGIONAL"},
                                     opts=c.aws)  # fmt: skip
        resource = aws.apigateway.Resource("object", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="{key}", opts=c.aws)  # fmt: skip
        method = aws.apigateway.Method("put-object-method", rest_api=api.id, resource_id=resource.id, http_method="PUT",
                                       authorization="AWS_IAM", request_parameters={"method.request.path.key": True},
                                       opts=c.aws)  # fmt: skip
        name: Any = bucket
        if own:
            name = aws.s3.Bucket("uploads", bucket=bucket, opts=c.aws).bucket
        shapes = {
            "path": "arn:{p}:apigateway:{r}:s3:path/{b}/{{key}}",
            "subdomain": "arn:{p}:apigateway:{r}:{b}.s3:path/{{key}}",
            "action": "arn:{p}:apigateway:{r}:s3:action/PutObject&Bucket={b}&Key={{key}}",
        }
        uri = pulumi.Output.from_input(name).apply(lambda b: shapes[form].format(p=p, r=region, b=b))
        return aws.apigateway.Integration(
            "put-object", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="PUT", type="AWS", uri=uri,
            credentials=f"arn:{p}:iam::123456789012:role/apigw-uploads",
            request_parameters={"integration.request.path.key": "method.request.path.key"}, opts=c.aws,
        )  # fmt: skip

    return build


def awsred11_rest_api_s3_mapped(
    form: str, mapping: str | None, own: str | None = None, *, as_output: bool = False
) -> Callable[[Ctx], object]:
    # docs: aws apigateway/integration (type AWS, `uri`, `request_parameters`), API Gateway Developer Guide "Tutorial:
    # Create a REST API as an Amazon S3 proxy" (the uri's `{bucket}` path parameter mapped from the method's
    # `method.request.path.folder`) and x-amazon-apigateway-integration.requestParameters ("static values should be
    # enclosed in single quotes"): an S3 proxy storing the workshop's diagnostic uploads, the bucket a placeholder of
    # the uri. `mapping`: what `integration.request.path.folder` maps (None: the uri writes `${stageVariables.bucket}`);
    # `own`: the stack's bucket of that name; `as_output`: the request parameters computed (an Output).
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        p = "aws-cn" if region.startswith("cn-") else "aws"
        if own:
            aws.s3.Bucket("uploads", bucket=own, opts=c.aws)
        api = aws.apigateway.RestApi("uploads", name="uploads", endpoint_configuration={"types": "REGIONAL"},
                                     opts=c.aws)  # fmt: skip
        folder = aws.apigateway.Resource("folder", rest_api=api.id, parent_id=api.root_resource_id,
                                         path_part="{folder}", opts=c.aws)  # fmt: skip
        item = aws.apigateway.Resource("item", rest_api=api.id, parent_id=folder.id, path_part="{item}",
                                       opts=c.aws)  # fmt: skip
        method = aws.apigateway.Method(
            "put-item-method", rest_api=api.id, resource_id=item.id, http_method="PUT", authorization="AWS_IAM",
            request_parameters={"method.request.path.folder": True, "method.request.path.item": True,
                                "method.request.querystring.bucket": False, "method.request.header.x-bucket": False},
            opts=c.aws,
        )  # fmt: skip
        place = "${stageVariables.bucket}" if mapping is None else "{folder}"
        uri = {
            "path": f"arn:{p}:apigateway:{region}:s3:path/{place}/{{item}}",
            "subdomain": f"arn:{p}:apigateway:{region}:{place}.s3:path/{{item}}",
            "action": f"arn:{p}:apigateway:{region}:s3:action/PutObject&Bucket={place}&Key={{item}}",
        }[form]
        params: dict[str, str] = {"integration.request.path.item": "method.request.path.item"}
        if mapping is not None:
            params["integration.request.path.folder"] = mapping
        return aws.apigateway.Integration(
            "put-item", rest_api=api.id, resource_id=item.id, http_method=method.http_method,
            integration_http_method="PUT", type="AWS", uri=uri,
            credentials=f"arn:{p}:iam::123456789012:role/apigw-uploads",
            request_parameters=pulumi.Output.from_input(params) if as_output else params, opts=c.aws,
        )  # fmt: skip

    return build


def awsred11_openapi_s3_mapped(mapping: str, own: str | None = None) -> Callable[[Ctx], object]:
    # docs: aws apigateway/restapi `body` (an OpenAPI definition), API Gateway "OpenAPI definitions of the sample API as
    # an Amazon S3 proxy" (x-amazon-apigateway-integration `uri` "arn:aws:apigateway:<region>:s3:path/{bucket}/{object}"
    # with `requestParameters` "integration.request.path.bucket": "method.request.path.folder"): the same S3 proxy
    # imported from its definition.
    def build(c: Ctx) -> object:
        region = REGION[c.code][0]
        p = "aws-cn" if region.startswith("cn-") else "aws"
        if own:
            aws.s3.Bucket("uploads", bucket=own, opts=c.aws)
        body = {
            "openapi": "3.0.1", "info": {"title": "uploads", "version": "2026-12-03"},
            "paths": {"/{folder}/{item}": {"put": {
                "parameters": [{"name": "folder", "in": "path", "required": True, "schema": {"type": "string"}},
                               {"name": "item", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "200 response"}},
                "x-amazon-apigateway-integration": {
                    "type": "aws", "httpMethod": "PUT", "passthroughBehavior": "when_no_match",
                    "uri": f"arn:{p}:apigateway:{region}:s3:path/{{bucket}}/{{object}}",
                    "credentials": f"arn:{p}:iam::123456789012:role/apigw-uploads",
                    "requestParameters": {"integration.request.path.bucket": mapping,
                                          "integration.request.path.object": "method.request.path.item"},
                    "responses": {"default": {"statusCode": "200"}}}}}},
        }  # fmt: skip
        return aws.apigateway.RestApi("uploads", name="uploads", body=json.dumps(body),
                                      endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)  # fmt: skip

    return build


def awsred11_rest_api_http_proxy(host: str | None = None, mapping: str | None = None) -> Callable[[Ctx], object]:
    # docs: aws apigateway/integration and apigateway/vpclink; API Gateway Developer Guide "Set up HTTP proxy
    # integrations" (a `{proxy+}` resource, the backend `https://.../petstore/{proxy}`, `integration.request.path.proxy`
    # mapped from `method.request.path.proxy`) and "private integrations" (an internal NLB behind a VPC link, the Host
    # header forwarded in a custom header). `host`: the backend written in the uri (default: the stack's NLB);
    # `mapping`: the uri's host is `{backend}`, filled by `integration.request.path.backend` mapped from it.
    def build(c: Ctx) -> object:
        nlb = aws.lb.LoadBalancer("orders", load_balancer_type="network", internal=True, subnets=["subnet-1"],
                                  opts=c.aws)  # fmt: skip
        link = aws.apigateway.VpcLink("orders", name="orders", target_arn=nlb.arn, opts=c.aws)
        api = aws.apigateway.RestApi("orders", name="orders", endpoint_configuration={"types": "REGIONAL"},
                                     opts=c.aws)  # fmt: skip
        proxy = aws.apigateway.Resource("proxy", rest_api=api.id, parent_id=api.root_resource_id,
                                        path_part="{proxy+}", opts=c.aws)  # fmt: skip
        method = aws.apigateway.Method(
            "any-method", rest_api=api.id, resource_id=proxy.id, http_method="ANY", authorization="AWS_IAM",
            request_parameters={"method.request.path.proxy": True, "method.request.header.Host": False,
                                "method.request.header.X-Backend": False}, opts=c.aws,
        )  # fmt: skip
        params: dict[str, Any] = {
            "integration.request.path.proxy": "method.request.path.proxy",
            "integration.request.header.X-Forwarded-Host": "method.request.header.Host",
        }
        uri: Any = (
            nlb.dns_name.apply(lambda d: f"http://{d}/{{proxy}}") if host is None else f"https://{host}/{{proxy}}"
        )
        if mapping is not None:
            uri = "https://{backend}/{proxy}"
            params["integration.request.path.backend"] = mapping
        out: Any = nlb.dns_name.apply(lambda d: {**params, "integration.request.path.backend": f"'{d}'"}) if (
            mapping == "own") else params  # fmt: skip
        return aws.apigateway.Integration(
            "any", rest_api=api.id, resource_id=proxy.id, http_method=method.http_method, type="HTTP_PROXY",
            integration_http_method="ANY", connection_type="VPC_LINK", connection_id=link.id, uri=uri,
            request_parameters=out, opts=c.aws,
        )  # fmt: skip

    return build


def awsred11_http_api_path_variable_host(host: str) -> Callable[[Ctx], object]:
    # docs: aws apigatewayv2/integration (HTTP_PROXY `integration_uri`), "HTTP proxy integrations for HTTP APIs" ("You
    # can reference path variables in the integration URI to send the variable's contents to an integration"): the route
    # `/{backend}/{proxy+}` and the integration's host.
    def build(c: Ctx) -> object:
        api = aws.apigatewayv2.Api("orders-api", protocol_type="HTTP", opts=c.aws)
        integration = aws.apigatewayv2.Integration(
            "orders", api_id=api.id, integration_type="HTTP_PROXY", integration_method="ANY",
            integration_uri=f"https://{host}/{{proxy}}", opts=c.aws,
        )  # fmt: skip
        target = integration.id.apply(lambda i: f"integrations/{i}")
        return aws.apigatewayv2.Route("orders-route", api_id=api.id, route_key="ANY /{backend}/{proxy+}",
                                      target=target, opts=c.aws)  # fmt: skip

    return build


def mutants6_express_cache_az(region: str, bucket_az: str, variables: Mapping[str, str]) -> Callable[[Ctx], object]:
    # docs: s3/directorybucket (bucket `[bucket_name]--[azid]--x-s3`, location {name: the Availability Zone ID}), S3
    # User Guide "Directory buckets naming rules" and "Regional and Zonal endpoints for directory buckets" (a zone id
    # names one Availability Zone of one Region). A per-AZ frames cache read by a Lambda that is told its zone through
    # its env (mutation search round 6: a zone id under an `_AZ` key was not read as a zone).
    def build(c: Ctx) -> object:
        opts = pp._aws(region)
        cache = aws.s3.DirectoryBucket(
            "frames-cache", bucket=f"ev-frames-cache--{bucket_az}--x-s3",
            location={"name": bucket_az, "type": "AvailabilityZone"}, force_destroy=True, opts=opts,
        )  # fmt: skip
        return pp._function("frame-reader", opts, {"CACHE_BUCKET": cache.bucket, **variables})

    return build


_SV37_OWN = frozenset({"own", "two-own", "mapped-own", "camel-own", "stage-first-own"})
"""The stagevars37 shapes whose every Stage names a bucket the stack makes."""


CASES: list[Case] = [
    # -- compliant: must never be refused ---------------------------------------------------------
    Case("cn-own-bucket-policy", "CN", own_bucket_policy),
    Case("eu-own-bucket-policy", "EU", own_bucket_policy),
    Case("jp-own-bucket-policy", "JP", own_bucket_policy),
    Case("eu-replication-to-own-bucket", "EU", replication_to_own_bucket),
    Case("eu-logging-into-own-bucket", "EU", logging_into(None)),
    Case("eu-logging-into-account-log-bucket", "EU", logging_into("central-access-logs")),
    Case("cn-oss-logging-into-own-bucket", "CN", oss_logging_into(None)),
    Case("cn-oss-logging-into-account-log-bucket", "CN", oss_logging_into("central-access-logs")),
    Case("eu-s3-inventory-into-account-bucket", "EU", s3_inventory_into("arn:aws:s3:::central-inventory")),
    Case("cn-cpfs-data-flow-own-bucket", "CN", cpfs_data_flow(None)),
    Case("cn-cpfs-data-flow-shared-bucket", "CN", cpfs_data_flow("shared-training-data")),
    Case("cn-lambda-regional-sqs-url", "CN", lambda_env({"QUEUE": "https://sqs.cn-north-1.amazonaws.com.cn/1/q"})),
    Case("eu-lambda-function-url", "EU", lambda_env({"CALLBACK_URL": "https://abc123.lambda-url.eu-west-1.on.aws/"})),
    Case("cn-lambda-elasticache-host", "CN", lambda_env({"REDIS_HOST": "sessions.abc123.cnn1.cache.amazonaws.com.cn"})),
    Case("cn-lambda-private-proxy", "CN", lambda_env({"HTTPS_PROXY": "http://10.40.0.12:3128"})),
    Case("cn-eci-exporter-private-database", "CN", eci_telemetry_exporter("10.20.0.8:3306")),
    Case("cn-exporter-region-parameter", "CN", export_region_parameter("cn-northwest-1")),
    # A variable named like a free-text field is still a variable; an endpoint list may mix hosts and URLs.
    Case(
        "cn-lambda-description-variable",
        "CN",
        lambda_env({"DESCRIPTION": "https://sqs.cn-north-1.amazonaws.com.cn/1/q"}),
    ),
    Case(
        "cn-lambda-endpoint-list",
        "CN",
        lambda_env({"ENDPOINTS": "10.40.0.12,https://sqs.cn-north-1.amazonaws.com.cn/1/q"}),
    ),
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
    Case("cn-vod-default-scope", "CN", vod_domain(None)),
    Case("cn-esa-domestic", "CN", esa_site("domestic")),
    Case("cn-dts-sync-to-private-database", "CN", dts_sync("10.40.0.12")),
    Case(
        "cn-vpn-declared-idc-gateway",
        "CN",
        vpn_customer_gateway,
        destinations=[{"id": "idc", "kind": "resident", "match": "203.0.113.10", "evidence": "Shanghai IDC, HC-2"}],
    ),
    Case(
        "cn-ga-declared-domestic-acceleration",
        "CN",
        ga_endpoint_group,
        destinations=[
            {"id": "ga", "kind": "resident", "match": "alicloud-global-accelerator", "evidence": "CN areas only, DPO-7"}
        ],
    ),
    Case("cn-actiontrail-own-oss-bucket", "CN", actiontrail(None)),
    Case("cn-actiontrail-own-oss-bucket-by-name", "CN", actiontrail_to_named_bucket),
    Case("eu-subdomain-delegated-to-own-zone", "EU", ns_delegation(None)),
    Case("cn-subdomain-delegated-to-own-zone", "CN", ns_delegation(None)),
    Case("cn-sls-export-own-oss-bucket", "CN", pp.assuming_role(sls_oss_export(None))),
    Case("cn-privatelink-in-country-service", "CN", privatelink_endpoint("cn-hangzhou")),
    Case(
        "eu-inference-in-region-model",
        "EU",
        inference_profile("arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-lite-v1"),
    ),
    Case("eu-cloudtrail-pattern-to-own-bus", "EU", cloudtrail_rule(None)),
    Case("cn-cis-kms-metric-filter", "CN", cis_metric_filter),
    Case("jp-subscription-filter-to-own-stream", "JP", subscription_filter(None)),
    Case("de-eks-irsa-trust", "DE", irsa_role),
    Case("us-pass-role-to-ecs", "US", pass_role_to_ecs),
    Case("cn-pass-role-to-ecs", "CN", pass_role_to_ecs),
    Case("cn-ack-rrsa", "CN", ack_rrsa),
    Case("de-cognito-login", "DE", cognito_login("eu-central-1")),
    Case("us-lambda-code-from-artifacts-bucket", "US", lambda_from_artifacts(None)),
    Case("eu-s3-cors-origin", "EU", s3_cors(None)),
    Case("cn-oss-cors-origin", "CN", oss_cors),
    Case("cn-cen-qos-shanghai-beijing", "CN", cen_qos("cn-beijing")),
    Case("cn-cen-vpc-on-own-transit-router", "CN", cen_vpc_attachment(None)),
    Case("cn-cen-vpc-attached-to-own-cen", "CN", cen_vpc_attachment(None, legacy=True)),
    Case("cn-cen-vpc-granted-to-declared-network-cen", "CN", cen_instance_grant, destinations=[_NETWORK_CEN_DECLARED]),
    Case("eu-waf-spam-referer", "EU", waf_referer_block(None)),
    Case("jp-sagemaker-model-artifacts", "JP", sagemaker_model("ap-northeast-1")),
    Case("cn-msk-connect-s3-sink-in-country", "CN", msk_connect_s3_sink("cn-north-1")),
    Case("cn-lambda-kafka-msk-brokers", "CN", lambda_kafka(_CN_MSK)),
    Case("cn-task-env-china-region", "CN", task_environment("EXPORT_REGION", "cn-northwest-1")),
    Case("cn-datasync-nfs-in-network", "CN", datasync_nfs("10.20.4.11")),
    Case("cn-dms-target-in-country-rds", "CN", dms_target("warehouse.c1ab2cd3.cn-north-1.rds.amazonaws.com.cn")),
    Case("cn-resolver-forward-in-network", "CN", resolver_forwarding("10.20.0.2")),
    Case("cn-sns-email-declared", "CN", sns_subscription("email", "oncall@mail.example.cn"), destinations=[_OPS_MAIL]),
    Case("cn-budget-alerts-to-declared-mail", "CN", budget_alerts("finance@mail.example.cn"), destinations=[_OPS_MAIL]),
    Case(
        "cn-cms-alarms-to-declared-mail",
        "CN",
        cms_contact(channels_mail="oncall@mail.example.cn"),
        destinations=[_OPS_MAIL],
    ),
    Case("cn-vpn-gateway-declared", "CN", customer_gateway("203.0.113.12"), destinations=[_OFFICE]),
    Case("cn-sns-sms-mainland-number", "CN", sns_subscription("sms", "+86 131 2345 6789")),
    Case("eu-incident-sms-german-number", "EU", incident_sms("+4915123456789")),
    Case("eu-incident-sms-uk-number-declared", "EU", incident_sms("+447400123456"), destinations=[_UK_ONCALL]),
    Case("us-sns-sms-us-number", "US", sns_subscription("sms", "+12015550123")),
    Case("cn-cms-contact-mainland-number", "CN", cms_contact(channels_sms="+8613123456789")),
    Case(
        "cn-cms-contact-national-number-declared",
        "CN",
        cms_contact(channels_sms="13123456789"),
        destinations=[_CN_MOBILE],
    ),
    Case("eu-codebuild-artifacts-own-bucket", "EU", codebuild_to_bucket(None)),
    Case("eu-event-bus-failover-in-eu", "EU", event_bus_failover("eu-central-1")),
    Case("eu-bedrock-prompt-in-region-model", "EU", bedrock_prompt("anthropic.claude-3-haiku-20240307-v1:0")),
    Case("eu-guardrail-in-region", "EU", guardrail(None)),
    Case("eu-flow-in-region-model", "EU", summary_flow("anthropic.claude-3-haiku-20240307-v1:0")),
    Case(
        "eu-harness-on-bedrock",
        "EU",
        agent_harness({"bedrock_model_config": {"model_id": "anthropic.claude-sonnet-4-20250514"}}),
    ),
    Case(
        "eu-harness-on-litellm-bedrock-in-region",
        "EU",
        agent_harness(
            {
                "litellm_model_config": {
                    "model_id": "bedrock/anthropic.claude-sonnet-4-20250514",
                    "additional_params": json.dumps({"aws_region_name": "eu-west-1"}),
                }
            }
        ),
    ),
    Case("eu-cloud-wan-eu-edges", "EU", cloud_wan("eu-central-1")),
    Case("eu-cloud-wan-policy-attachment-eu-edges", "EU", cloud_wan_policy_attachment("eu-central-1")),
    Case("cn-tgw-peering-beijing-ningxia", "CN", tgw_peering("cn-northwest-1")),
    Case("cn-mns-mail-to-declared-address", "CN", mns_mail("oncall@mail.example.cn"), destinations=[_OPS_MAIL]),
    Case("cn-mns-sms-to-mainland-number", "CN", mns_sms("sms:directsms:+8613800138000")),
    Case("cn-mns-sms-anonymous-declared", "CN", mns_sms("sms:directsms:anonymous"), destinations=[_ALARM_PUBLISHER]),
    Case("cn-eventbridge-mail-declared", "CN", eventbridge_mail("ops@mail.example.cn"), destinations=[_OPS_MAIL]),
    Case("cn-sls-alert-mail-declared", "CN", sls_alert_mail("ops@mail.example.cn"), destinations=[_OPS_MAIL]),
    Case("eu-incident-replication-in-eu", "EU", incident_replication("eu-central-1")),
    Case("eu-aurora-secondary-of-own-global-database", "EU", aurora_secondary(None)),
    Case("eu-aurora-secondary-of-own-global-database-by-name", "EU", aurora_secondary(None, literal=True)),
    Case("cn-aurora-secondary-joins-global-database-by-name", "CN", aurora_secondary("fleet-global")),
    Case("jp-redis-secondary-of-own-global-datastore", "JP", redis_global_secondary(None)),
    Case("cn-polardb-standby-of-own-gdn", "CN", polardb_gdn_standby(None)),
    Case(
        "cn-polardb-standby-joins-declared-gdn",
        "CN",
        polardb_gdn_standby(_ORDERS_GDN),
        destinations=[_ORDERS_GDN_DECLARED],
    ),
    Case("cn-datasync-agent-in-network", "CN", datasync_agent("10.20.4.15")),
    Case("cn-storage-gateway-declared", "CN", storage_gateway("203.0.113.12"), destinations=[_OFFICE]),
    Case("cn-lattice-in-country-database", "CN", lattice_resource(_CN_RDS)),
    Case("cn-cloudfront-key-value-store", "CN", edge_key_value),
    Case("eu-location-map-open-data", "EU", fleet_map("VectorOpenDataStandardLight")),
    Case("eu-location-place-index-declared", "EU", place_index("Esri"), destinations=[_GEOCODING]),
    Case("eu-sns-sms-usage-reports-own-bucket", "EU", sms_usage_reports(None)),
    Case("eu-model-capture-own-dotted-bucket", "EU", model_data_capture(None)),
    Case("eu-emr-script-runner-in-region", "EU", emr_script_step("eu-west-1")),
    Case("cn-sae-host-alias-in-network", "CN", sae_host_alias("10.20.0.8")),
    Case("eu-sms-sender-id-germany", "EU", sms_sender_id("DE")),
    Case("cn-sae-oss-mount-own-bucket", "CN", sae_oss_mount(None)),
    Case("cn-lambda-search-url-query-list", "CN", lambda_env({"SEARCH_URL": _SEARCH})),
    Case(
        "eu-lambda-proxy-bypass-list",
        "EU",
        lambda_env({"HTTPS_PROXY": "http://10.40.0.12:3128", "NO_PROXY": _NO_PROXY}),
    ),
    Case("cn-fc-aws-china-region", "CN", fc_environment({"S3_REGION": "cn-north-1"})),
    Case("cn-oos-aws-region-setting", "CN", oos_setting("fleet/aws_region", "cn-northwest-1")),
    Case("cn-lambda-oss-region-shanghai", "CN", lambda_env({"OSS_REGION": "cn-shanghai"})),
    Case("cn-sfn-snapshot-copy-with-runbook", "CN", snapshot_copy("cn-northwest-1")),
    Case("cn-schedule-export-task-tagged", "CN", nightly_export_schedule("cn-north-1")),
    Case("cn-stack-scoped-setting-region", "CN", stack_scoped_setting("cn-northwest-1")),
    Case("cn-unnamed-region-setting", "CN", unnamed_setting("cn-northwest-1")),
    Case(
        "eu-alarm-notifications-to-declared-mail",
        "EU",
        alarm_notifications("oncall@mail.example.eu"),
        destinations=[_EU_MAIL, _USER_NOTIFICATIONS_US],
    ),
    Case("eu-tgw-on-own-dx-gateway", "EU", dx_gateway_association(None)),
    # aws-cn Direct Connect gateways connect only the China regions.
    Case("cn-tgw-on-network-account-dx-gateway", "CN", dx_gateway_association("5f4a9c2e-1111-2222-3333-444455556666")),
    Case("cn-pvtz-forward-in-network", "CN", pvtz_forwarding("10.20.0.2")),
    Case("cn-waf2-origin-api-gateway", "CN", waf2_domain("0a1b2c3d4e5f-cn-shanghai.alicloudapi.com")),
    Case("cn-esa-origin-pool-oss", "CN", esa_origin_pool("fleet-static.oss-cn-shanghai.aliyuncs.com")),
    Case(
        "cn-esa-proxied-record-oss-origin",
        "CN",
        esa_record("CNAME", {"value": "fleet-static.oss-cn-shanghai.aliyuncs.com"}, "OSS"),
    ),
    Case("cn-esa-caa-record", "CN", esa_record("CAA", {"flag": 0, "tag": "issue", "value": "letsencrypt.org"})),
    Case("eu-activemq-configuration", "EU", activemq_configuration(None)),
    Case("eu-model-evaluation-in-region-model", "EU", model_evaluation("anthropic.claude-3-haiku-20240307-v1:0")),
    Case("cn-alb-as-cloudfront-vpc-origin", "CN", cloudfront_vpc_origin),
    Case("cn-gtm-pool-function-domain", "CN", gtm_pool("owner-portal.cn-shanghai.fcapp.run", "DOMAIN")),
    Case(
        "eu-traffic-policy-failover-in-eu",
        "EU",
        traffic_policy({"Type": "elastic-load-balancer", "Value": "portal-0987654321.eu-central-1.elb.amazonaws.com"}),
    ),
    Case("eu-cloud-map-database-in-network", "EU", cloud_map_instance("10.20.3.4")),
    Case("eu-connect-transfer-to-german-desk", "EU", connect_transfer_flow("+4930901820")),
    Case("cn-api-gateway-service-in-network", "CN", gateway_service("10.20.0.8:8080")),
    Case("us-subnet-in-boston-local-zone", "US", local_zone_subnet("us-east-1-bos-1a")),
    Case("us-portal-health-check-us-checkers", "US", portal_health_check(["us-east-1", "us-west-1", "us-west-2"])),
    Case(
        "eu-portal-health-check-declared",
        "EU",
        portal_health_check(None),
        destinations=[
            {
                "id": "health-checkers",
                "kind": "resident",
                "match": "aws:route53/healthCheck:HealthCheck",
                "evidence": "the /health page returns a fixed 'ok' and no data; DPO ticket 88",
            }
        ],
    ),
    Case(
        "eu-damage-photo-review-private-team",
        "EU",
        damage_photo_review("arn:aws:sagemaker:{region}:123456789012:workteam/private-crowd/claims-reviewers"),
    ),
    Case(
        "eu-damage-photo-review-vendor-declared",
        "EU",
        damage_photo_review(_VENDOR_TEAM),
        destinations=[
            {
                "id": "acme-labeling",
                "kind": "resident",
                "match": _VENDOR_TEAM.format(region="eu-west-1"),
                "evidence": "Acme Labeling contract AL-2026-7: reviewers employed in Dublin",
            }
        ],
    ),
    Case(
        "eu-activemq-network-of-brokers-in-eu", "EU", activemq_configuration(_EU_BROKER.format(region="eu-central-1"))
    ),
    # Services the table had not met: a CloudWatch metric stream (its trust principal has three labels),
    # DataHub / MaxCompute VPC endpoints, a Cloud Assistant command, IoT Core rules, Glue, Function Compute
    # triggers and mounts, an SLS pipeline, FireLens.
    Case("cn-metric-stream-to-own-bucket", "CN", metric_stream(None)),
    Case("cn-fc-datahub-maxcompute-vpc-endpoints", "CN", fc_data_endpoints("cn-shanghai")),
    Case("eu-fc-datahub-maxcompute-vpc-endpoints", "EU", fc_data_endpoints("eu-central-1")),
    Case("cn-ecs-command-own-nas-and-oss", "CN", ecs_cloud_assistant(None)),
    Case("eu-iot-rule-in-region", "EU", iot_telemetry_rule(None)),
    Case("cn-glue-etl-own-buckets", "CN", glue_etl(None)),
    Case("jp-fc-triggers-and-mounts", "JP", fc_triggers_and_mounts(None)),
    Case("cn-sls-pipeline", "CN", pp.assuming_role(sls_pipeline(None))),
    Case("eu-firelens-own-log-group", "EU", firelens_task(None)),
    # The offline plan built the URL from the simulator's dns_name, which was None ("http://None/health").
    Case("cn-canary-own-internal-alb", "CN", synthetics_canary(None)),
    # A value computed from the stack's Tair instance's connection_domain was not traced to it.
    Case("cn-fc-own-tair-sessions", "CN", fc_session_cache(None)),
    Case("cn-fc-own-elasticsearch", "CN", fc_search(None)),
    Case("cn-fc-own-mongodb-replica-set", "CN", fc_fleet_db(None)),
    Case("cn-fc-own-kafka-bootstrap", "CN", fc_kafka_consumer(None)),
    Case("eu-datasync-minio-on-plant-network", "EU", datasync_object_store("10.20.0.5")),
    Case("eu-datasync-oss-frankfurt", "EU", datasync_object_store("oss-eu-central-1.aliyuncs.com")),
    Case("eu-appflow-salesforce-into-own-bucket", "EU", appflow_crm_flow("Salesforce", "S3")),
    Case(
        "cn-api-gateway-http-backend-fc",
        "CN",
        api_gateway_http_backend("https://1234567890.cn-shanghai.fc.aliyuncs.com"),
    ),
    Case("cn-rds-cross-backup-beijing", "CN", rds_cross_region_backup("cn-beijing")),
    Case("cn-fc-custom-dns-vpc-resolver", "CN", fc_custom_dns(["100.100.2.136", "100.100.2.138"])),
    Case(
        "cn-fc-async-failures-own-queue",
        "CN",
        pp.assuming_role(fc_async_failures(None), "acs:ram::1234567890:role/sovereign-deployer"),
    ),
    Case("cn-fc-direct-mail-hangzhou-smtp", "CN", fc_direct_mail("smtpdm.aliyun.com")),
    Case(
        "cn-fc-named-after-declared-partner",
        "CN",
        function_named_after_its_partner("alicloud", "intake", "https://intake.partner.example.com/v1/diagnostics"),
        destinations=[_PARTNER],
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
    Case("eu-rest-api-default-endpoint-type", "EU", rest_api(None), {"RES-016"}),
    Case("cn-rest-api-default-endpoint-type", "CN", rest_api(None), {"RES-016"}),
    Case("cn-regional-rest-api", "CN", rest_api("REGIONAL")),
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
    Case(
        "eu-logging-of-another-stacks-bucket",
        "EU",
        logging_into("central-access-logs", "partner-exchange"),
        {"RES-017"},
    ),
    Case("cn-dlm-copy-to-hong-kong", "CN", dlm_copy("ap-east-1"), {"RES-009"}),
    Case("cn-task-definition-us-logs", "CN", task_definition("us-east-1"), {"RES-009"}),
    Case("cn-oss-replication-to-hong-kong", "CN", oss_replication("oss-cn-hongkong"), {"RES-007"}),
    Case(
        "eu-cloudtrail-pattern-to-us-bus",
        "EU",
        cloudtrail_rule("arn:aws:events:us-east-1:123456789012:event-bus/central-audit"),
        {"RES-004"},
    ),
    Case(
        "jp-subscription-filter-to-us-firehose",
        "JP",
        subscription_filter("arn:aws:firehose:us-east-1:123456789012:deliverystream/central"),
        {"RES-004"},
    ),
    Case("de-eks-irsa-us-cluster", "DE", irsa_trust_json("us-east-1"), {"RES-006"}),
    Case("eu-kms-via-us-s3", "EU", kms_via("s3.us-east-1.amazonaws.com"), {"RES-006"}),
    Case("de-cognito-login-us-east-1", "DE", cognito_login("us-east-1"), {"RES-006"}),
    Case("eu-lambda-code-bucket-moved-to-us", "EU", lambda_from_artifacts("us-east-1"), {"RES-003"}),
    Case("eu-s3-cors-on-partner-bucket", "EU", s3_cors("partner-site"), {"RES-017"}),
    Case("cn-cen-qos-shanghai-hong-kong", "CN", cen_qos("cn-hongkong"), {"RES-009"}),
    # A CEN made elsewhere reaches every region whose transit routers another stack peers with it (and Hong Kong and
    # overseas regions share the account): its id proves nothing, in CN too.
    Case("cn-cen-vpc-on-network-account-cen", "CN", cen_vpc_attachment(_NETWORK_CEN), {"RES-017"}),
    Case(
        "cn-cen-vpc-attached-to-network-account-cen", "CN", cen_vpc_attachment(_NETWORK_CEN, legacy=True), {"RES-017"}
    ),
    Case("cn-cen-vpc-granted-to-network-cen", "CN", cen_instance_grant, {"RES-017"}),
    Case(
        "eu-waf-logs-to-us-firehose",
        "EU",
        waf_referer_block("arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-central"),
        {"RES-004"},
    ),
    Case("jp-sagemaker-image-from-us-east-1", "JP", sagemaker_model("us-east-1"), {"RES-006"}),
    Case("eu-cdn-default-scope", "EU", cdn(None, "oss-eu-central-1.aliyuncs.com"), {"RES-016"}),
    Case("jp-vod-default-scope", "JP", vod_domain(None), {"RES-016"}),
    Case("cn-vod-global", "CN", vod_domain("global"), {"RES-016"}),
    Case("cn-esa-overseas", "CN", esa_site("overseas"), {"RES-016"}),
    Case("cn-ga-endpoint-group-on-existing-accelerator", "CN", ga_endpoint_group, {"RES-016"}),
    Case("cn-dts-sync-to-public-database", "CN", dts_sync("47.88.1.10"), {"RES-015"}),
    Case("cn-vpn-undeclared-customer-gateway", "CN", vpn_customer_gateway, {"RES-015"}),
    Case("cn-eci-exporter-foreign-database", "CN", eci_telemetry_exporter("db.partner.example.com"), {"RES-015"}),
    Case("cn-exporter-region-parameter-singapore", "CN", export_region_parameter("ap-southeast-1"), {"RES-009"}),
    Case("cn-actiontrail-unknown-oss-bucket", "CN", actiontrail("audit-logs-hk"), {"RES-017"}),
    Case("cn-sls-export-unknown-oss-bucket", "CN", pp.assuming_role(sls_oss_export("partner-archive")), {"RES-017"}),
    Case("cn-privatelink-hong-kong-service", "CN", privatelink_endpoint("cn-hongkong"), {"RES-006"}),
    Case("eu-subdomain-delegated-to-partner-dns", "EU", ns_delegation(["ns1.partner-dns.com"]), {"RES-015"}),
    Case("eu-alb-behind-existing-global-accelerator", "EU", aws_ga_endpoint_group, {"RES-016"}),
    Case("cn-budget-alerts-to-undeclared-mail", "CN", budget_alerts("finance@corp-mail.example.com"), {"RES-015"}),
    Case(
        "cn-cms-alarms-to-undeclared-mail", "CN", cms_contact(channels_mail="oncall@corp-mail.example.com"), {"RES-015"}
    ),
    Case("jp-owner-app-push-through-fcm", "JP", push_app, {"RES-016"}),
    Case("cn-msk-connect-s3-sink-us", "CN", msk_connect_s3_sink("us-east-1"), {"RES-009"}),
    Case(
        "cn-lambda-description-variable-foreign",
        "CN",
        lambda_env({"DESCRIPTION": "https://intake.partner.example.com/v1"}),
        {"RES-015"},
    ),
    Case(
        "cn-lambda-endpoint-list-foreign",
        "CN",
        lambda_env({"ENDPOINTS": "intake.partner.example.com,https://sqs.cn-north-1.amazonaws.com.cn/1/q"}),
        {"RES-015"},
    ),
    Case(
        "cn-lambda-kafka-foreign-broker",
        "CN",
        lambda_kafka(f"{_MSK_BROKER.format(n=1)},kafka.partner.example.com:9094"),
        {"RES-015"},
    ),
    Case("cn-task-env-us-region", "CN", task_environment("EXPORT_REGION", "us-east-1"), {"RES-009"}),
    Case("cn-task-env-foreign-db-host", "CN", task_environment("DB_HOST", "db.partner.example.com"), {"RES-015"}),
    Case("cn-datasync-nfs-foreign", "CN", datasync_nfs("nas.partner.example.com"), {"RES-015"}),
    Case("cn-dms-target-foreign-db", "CN", dms_target("warehouse.partner.example.com"), {"RES-015"}),
    Case("cn-resolver-forward-public", "CN", resolver_forwarding("8.8.8.8"), {"RES-015"}),
    Case("cn-sns-email-undeclared", "CN", sns_subscription("email", "oncall@partner.example.com"), {"RES-015"}),
    Case("cn-vpn-gateway-undeclared", "CN", customer_gateway("203.0.113.12"), {"RES-015"}),
    Case("cn-sns-sms-us-number", "CN", sns_subscription("sms", "+14155552671"), {"RES-022"}),
    Case("eu-incident-sms-uk-number", "EU", incident_sms("+447400123456"), {"RES-022"}),
    Case("us-sns-sms-canadian-number", "US", sns_subscription("sms", "+15062345678"), {"RES-022"}),
    Case("cn-cms-contact-hong-kong-number", "CN", cms_contact(channels_sms="+85251234567"), {"RES-022"}),
    Case("cn-cms-contact-national-number", "CN", cms_contact(channels_sms="13123456789"), {"RES-022"}),
    Case("cn-dts-alarm-phone-as-integer", "CN", dts_alarm_phone(8613123456789), {"RES-022"}),
    Case("cn-dts-alarm-phone-international", "CN", dts_alarm_phone("+86 131 2345 6789"), set()),
    Case("eu-codebuild-artifacts-unknown-bucket", "EU", codebuild_to_bucket("acme-build-artifacts"), {"RES-017"}),
    Case("eu-event-bus-failover-to-us", "EU", event_bus_failover("us-east-1"), {"RES-009"}),
    Case("eu-chatbot-slack", "EU", chatbot_slack, {"RES-016"}),
    Case(
        "eu-bedrock-prompt-cross-region-profile",
        "EU",
        bedrock_prompt("eu.anthropic.claude-3-haiku-20240307-v1:0"),
        {"RES-016"},
    ),
    Case("eu-guardrail-cross-region-profile", "EU", guardrail("eu.guardrail.v1:0"), {"RES-016"}),
    Case(
        "eu-flow-cross-region-profile", "EU", summary_flow("eu.anthropic.claude-3-7-sonnet-20250219-v1:0"), {"RES-016"}
    ),
    Case(
        "eu-harness-on-gemini",
        "EU",
        agent_harness(
            {
                "gemini_model_config": {
                    "model_id": "gemini-2.5-pro",
                    "api_key_arn": "arn:aws:secretsmanager:eu-central-1:123456789012:secret:gemini",
                }
            }
        ),
        {"RES-016"},
    ),
    Case(
        "eu-harness-on-litellm-openai",
        "EU",
        agent_harness({"litellm_model_config": {"model_id": "openai/gpt-4o", "api_key_arn": _AGENTCORE_KEY}}),
        {"RES-016"},
    ),
    Case("eu-cloud-wan-us-edge", "EU", cloud_wan("us-east-1"), {"RES-009"}),
    Case("eu-cloud-wan-policy-attachment-us-edge", "EU", cloud_wan_policy_attachment("us-east-1"), {"RES-009"}),
    # Network Manager (and so Cloud WAN) is not offered in the China regions; the aws partition's API runs in us-west-2.
    Case("cn-cloud-wan-china-edges", "CN", cloud_wan_policy_attachment("cn-northwest-1"), {"RES-016"}),
    Case("cn-mns-mail-undeclared", "CN", mns_mail("oncall@partner.example.com"), {"RES-015"}),
    Case("cn-mns-sms-to-us-number", "CN", mns_sms("sms:directsms:+14155552671"), {"RES-022"}),
    # The numbers come with each published message (DirectSMS Receiver): nothing in the stack proves them.
    Case("cn-mns-sms-anonymous", "CN", mns_sms("sms:directsms:anonymous"), {"RES-022"}),
    Case("cn-eventbridge-mail-undeclared", "CN", eventbridge_mail("ops@partner.example.com"), {"RES-015"}),
    Case("cn-sls-alert-mail-undeclared", "CN", sls_alert_mail("ops@partner.example.com"), {"RES-015"}),
    Case("cn-redis-joins-existing-distributed-cache", "CN", redis_distributed_member, {"RES-017"}),
    # A GDN made elsewhere: mainland primaries may have secondaries only in the mainland, but the same account's GDNs
    # span Hong Kong and overseas regions too, so its id alone proves nothing (Alibaba has no closed partition).
    Case("cn-polardb-standby-joins-foreign-gdn", "CN", polardb_gdn_standby(_ORDERS_GDN), {"RES-017"}),
    Case("eu-incident-replication-to-us", "EU", incident_replication("us-east-1"), {"RES-009"}),
    Case("eu-aurora-secondary-joins-foreign-global-database", "EU", aurora_secondary("fleet-global"), {"RES-017"}),
    Case(
        "eu-aurora-secondary-joins-foreign-group-named-like-own-bucket",
        "EU",
        aurora_secondary("fleet-global", bucket="fleet-global"),
        {"RES-017"},
    ),
    Case("jp-redis-joins-foreign-global-datastore", "JP", redis_global_secondary("ldgnf-sessions"), {"RES-017"}),
    Case("cn-datasync-agent-public-address", "CN", datasync_agent("203.0.113.20"), {"RES-015"}),
    Case("cn-storage-gateway-undeclared", "CN", storage_gateway("203.0.113.21"), {"RES-015"}),
    Case("cn-lattice-partner-database", "CN", lattice_resource("warehouse.partner.example.com"), {"RES-015"}),
    Case("eu-ivs-dashcam-channel", "EU", dashcam_channel, {"RES-016"}),
    Case("us-lightsail-distribution", "US", lightsail_distribution, {"RES-016"}),
    # Connections named without a scheme, internationalised hosts, listening addresses.
    Case(
        "cn-fc-dsn-to-partner-database",
        "CN",
        fc_environment({"PG_DSN": "host=db.partner.example.com port=5432 dbname=fleet"}),
        {"RES-015"},
    ),
    Case("cn-fc-dsn-to-own-database", "CN", fc_own_database_dsn),
    Case(
        "cn-fc-oracle-thin-partner",
        "CN",
        fc_environment({"ORACLE_URL": "jdbc:oracle:thin:@//erp.partner.example.com:1521/fleet"}),
        {"RES-015"},
    ),
    Case(
        "cn-fc-sqlserver-partner",
        "CN",
        fc_environment({"MSSQL": "Server=tcp:sql.partner.example.com,1433;Database=fleet"}),
        {"RES-015"},
    ),
    Case(
        "cn-fc-scheme-relative-upload",
        "CN",
        fc_environment({"UPLOAD_BASE": "//upload.partner.example.com/v1"}),
        {"RES-015"},
    ),
    Case("cn-fc-idn-webhook-undeclared", "CN", fc_environment({"HOOK": "https://车联网.中国/hook"}), {"RES-015"}),
    Case(
        "cn-fc-idn-webhook-declared",
        "CN",
        fc_environment({"HOOK": "https://车联网.中国/hook"}),
        destinations=[_PARTNER_IDN],
    ),
    Case(
        "cn-ecs-mounts-partner-nfs",
        "CN",
        ali_user_data("#!/bin/sh\nmount -t nfs -o vers=4 nfs.partner.example.com:/fleet /mnt/fleet\n"),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-mounts-own-region-nas",
        "CN",
        ali_user_data("#!/bin/sh\nmount -t nfs -o vers=4 0a1b2c-xyz12.cn-shanghai.nas.aliyuncs.com:/ /mnt/fleet\n"),
    ),
    Case(
        "eu-ec2-clones-partner-git-over-ssh",
        "EU",
        aws_gzip_user_data("#!/bin/sh\ngit clone git@git.partner.example.com:fleet/agent.git /opt/agent\n"),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-script-exports-partner-db-host",
        "CN",
        ali_user_data("#!/bin/sh\nexport PGHOST=erp.partner.example.com\npsql -f /opt/sync.sql\n", encode=False),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-script-exports-private-db-host",
        "CN",
        ali_user_data("#!/bin/sh\nexport PGHOST=10.0.3.17\nexport BIND_HOST=0.0.0.0\n"),
    ),
    Case(
        "eu-ec2-gzip-script-db-host",
        "EU",
        aws_gzip_user_data("#!/bin/sh\necho DB_HOST=warehouse.partner.example.com >> /etc/app.env\n"),
        {"RES-015"},
    ),
    Case(
        "eu-lambda-listens-on-every-interface",
        "EU",
        lambda_env({"BIND_HOST": "0.0.0.0", "HEALTH_URL": "http://[::]:8080/healthz"}),
    ),
    Case("cn-ens-node-undeclared", "CN", ens_edge_instance, {"RES-011"}),
    Case("cn-ens-node-declared", "CN", ens_edge_instance, destinations=[_ENS_NODE]),
    Case("eu-redshift-datashare-to-another-account", "EU", fleet_datashare, {"RES-016"}),
    Case("cn-redshift-datashare-to-another-account", "CN", fleet_datashare),
    Case("eu-redshift-datashare-associated-in-eu", "EU", datashare_association("eu-central-1")),
    Case("eu-redshift-datashare-associated-in-us", "EU", datashare_association("us-east-1"), {"RES-009"}),
    Case("eu-cloudfront-key-value-store", "EU", edge_key_value, {"RES-016"}),
    Case("eu-location-map-here", "EU", fleet_map("VectorHereExplore"), {"RES-016"}),
    Case("eu-location-place-index-esri", "EU", place_index("Esri"), {"RES-016"}),
    Case("jp-location-route-calculator-here", "JP", route_calculator, {"RES-016"}),
    Case("jp-pinpoint-owner-app-fcm", "JP", pinpoint_fcm, {"RES-016"}),
    Case("eu-sns-sms-usage-reports-partner-bucket", "EU", sms_usage_reports("sms-reports-partner"), {"RES-017"}),
    Case("eu-model-capture-dotted-partner-bucket", "EU", model_data_capture("ml.partner.example.com"), {"RES-017"}),
    Case("eu-emr-script-runner-us-east-1", "EU", emr_script_step("us-east-1"), {"RES-017"}),
    Case("cn-sae-host-alias-public-address", "CN", sae_host_alias("203.0.113.10"), {"RES-015"}),
    Case("eu-sms-sender-id-united-states", "EU", sms_sender_id("US"), {"RES-022"}),
    Case("cn-sae-oss-mount-unknown-bucket", "CN", sae_oss_mount("partner-drop"), {"RES-017"}),
    Case(
        "cn-lambda-search-url-beside-partner-host",
        "CN",
        lambda_env({"SEARCH_URL": f"{_SEARCH} search.partner.example.com"}),
        {"RES-015"},
    ),
    Case(
        "eu-lambda-proxy-at-partner",
        "EU",
        lambda_env({"HTTPS_PROXY": "http://proxy.partner.example.com:3128", "NO_PROXY": _NO_PROXY}),
        {"RES-015"},
    ),
    Case("cn-fc-aws-us-region", "CN", fc_environment({"S3_REGION": "us-east-1"}), {"RES-009"}),
    Case("cn-oos-aws-region-hong-kong", "CN", oos_setting("fleet/aws_region", "ap-east-1"), {"RES-009"}),
    Case("cn-lambda-oss-region-hong-kong", "CN", lambda_env({"OSS_REGION": "cn-hongkong"}), {"RES-009"}),
    Case("cn-sfn-snapshot-copy-from-hong-kong", "CN", snapshot_copy("ap-east-1"), {"RES-009"}),
    Case("cn-schedule-export-task-in-hong-kong", "CN", nightly_export_schedule("ap-east-1"), {"RES-004"}),
    Case("cn-stack-scoped-setting-singapore", "CN", stack_scoped_setting("ap-southeast-1"), {"RES-009"}),
    Case("cn-unnamed-region-setting-singapore", "CN", unnamed_setting("ap-southeast-1"), {"RES-009"}),
    Case(
        "eu-alarm-notifications-to-undeclared-mail",
        "EU",
        alarm_notifications("oncall@partner.example.com"),
        {"RES-015"},
        destinations=[_USER_NOTIFICATIONS_US],
    ),
    Case(
        "eu-tgw-on-network-account-dx-gateway",
        "EU",
        dx_gateway_association("5f4a9c2e-1111-2222-3333-444455556666"),
        {"RES-017"},
    ),
    Case(
        "eu-model-evaluation-cross-region-profile",
        "EU",
        model_evaluation("eu.anthropic.claude-3-haiku-20240307-v1:0"),
        {"RES-016"},
    ),
    Case("eu-owner-portal-on-amplify", "EU", amplify_portal, {"RES-016"}),
    Case("cn-gtm-pool-overseas-address", "CN", gtm_pool("47.88.1.10", "IPV4"), {"RES-015"}),
    Case(
        "eu-traffic-policy-failover-to-partner",
        "EU",
        traffic_policy({"Type": "value", "Value": "portal.partner.example.com"}),
        {"RES-015"},
    ),
    Case("eu-cloud-map-partner-database", "EU", cloud_map_instance("203.0.113.10"), {"RES-015"}),
    Case("eu-connect-transfer-to-us-desk", "EU", connect_transfer_flow("+14155552671"), {"RES-022"}),
    Case("cn-api-gateway-service-overseas-address", "CN", gateway_service("47.88.1.10:8080"), {"RES-015"}),
    # Local Zones of us-east-1 and eu-central-1 outside the stack's country: Queretaro (Mexico), Warsaw (Poland).
    Case("us-subnet-in-queretaro-local-zone", "US", local_zone_subnet("us-east-1-qro-1a"), {"RES-008"}),
    Case("eu-portal-health-check-all-regions", "EU", portal_health_check(None), {"RES-016"}),
    Case("de-subnet-in-warsaw-local-zone", "DE", local_zone_subnet("eu-central-1-waw-1a"), {"RES-008"}),
    Case(
        "eu-damage-photo-review-public-crowd",
        "EU",
        damage_photo_review("arn:aws:sagemaker:{region}:394669845002:workteam/public-crowd/default"),
        {"RES-016"},
    ),
    Case("eu-damage-photo-review-vendor-workforce", "EU", damage_photo_review(_VENDOR_TEAM), {"RES-016"}),
    Case("eu-alb-as-cloudfront-vpc-origin", "EU", cloudfront_vpc_origin, {"RES-016"}),
    Case("cn-pvtz-forward-public", "CN", pvtz_forwarding("8.8.8.8"), {"RES-015"}),
    Case("cn-waf2-origin-overseas-address", "CN", waf2_domain("47.88.1.10"), {"RES-015"}),
    Case("cn-esa-origin-pool-partner", "CN", esa_origin_pool("static.partner.example.com"), {"RES-015"}),
    Case(
        "cn-esa-proxied-record-partner-origin",
        "CN",
        esa_record("CNAME", {"value": "origin.partner.example.com"}, "Domain"),
        {"RES-015"},
    ),
    Case(
        "eu-activemq-network-of-brokers-to-us",
        "EU",
        activemq_configuration(_EU_BROKER.format(region="us-east-1")),
        {"RES-006"},
    ),
    Case("eu-lambda-search-url-list", "EU", lambda_env({"OPENSEARCH_URLS": _EU_SEARCH})),
    Case(
        "cn-fc-cors-allowed-origins",
        "CN",
        fc_environment({"CORS_ALLOWED_ORIGINS": "https://app.example.cn,https://admin.example.cn"}),
    ),
    Case("eu-athena-cloudtrail-projection", "EU", cloudtrail_table(None)),
    Case("eu-rest-api-openapi-info", "EU", openapi_rest_api(_VEHICLES_FN)),
    Case("eu-http-api-openapi-cors", "EU", http_api_openapi_cors("arn:aws:lambda:eu-west-1:123456789012:function:v")),
    Case("eu-rest-api-cors-options", "EU", rest_api_cors_options),
    Case("cn-cloudfront-cors-headers-policy", "CN", cloudfront_cors_policy),
    Case("eu-dashboard-runbook-markdown", "EU", ops_dashboard("eu-west-1")),
    Case("cn-ack-token-projection", "CN", ack_token_projection),
    Case("eu-s3-gateway-ecr-ssm-buckets", "EU", s3_gateway_endpoint("eu-west-1")),
    Case("us-s3-gateway-ecr-ssm-buckets", "US", s3_gateway_endpoint("us-east-1")),
    # An aws:Referer condition restricts no one (anyone can send the header; AWS's definition of a public policy does
    # not list it): public since the public-access review (stop 36), kept refused to show the change; its declared
    # twin is public36-eu-s3-referer-policy-declared.
    Case("eu-s3-referer-policy", "EU", referer_bucket_policy, {"RES-024"}),
    Case("cn-oss-hotlink-protection", "CN", oss_hotlink_protection),
    Case("eu-cloudformation-queue-url-sub", "EU", cloudformation_queue_consumer(None)),
    Case("cn-ros-oss-endpoint-sub", "CN", ros_oss_endpoint),
    Case(
        "eu-kb-parsing-in-region-model",
        "EU",
        kb_manuals_source(f"arn:aws:bedrock:eu-west-1::foundation-model/{_HAIKU}"),
    ),
    Case("cn-oss-uploads-acceleration-off", "CN", oss_accelerated_uploads("off")),
    Case("cn-website-redirect-to-own-cloudfront", "CN", website_redirect("d111abcdef8.cloudfront.cn")),
    Case("eu-website-redirect-to-regional-site", "EU", website_redirect("manuals.s3-website.eu-west-1.amazonaws.com")),
    Case("eu-website-redirect-all-declared", "EU", website_redirect_all, destinations=[_PARTNER_PORTAL]),
    Case(
        "eu-cloudformation-webhook-own-api",
        "EU",
        cloudformation_alert_webhook("https://${AlertsApi}.execute-api.${AWS::Region}.amazonaws.com/prod/alerts"),
    ),
    Case("eu-cloudformation-own-log-bucket", "EU", cloudformation_log_delivery("arn:aws:s3:::${AccessLogs}")),
    Case(
        "cn-cloudformation-own-log-bucket",
        "CN",
        cloudformation_log_delivery("arn:${AWS::Partition}:s3:::${AccessLogs}"),
    ),
    Case(
        "eu-cloudformation-own-log-bucket-sub",
        "EU",
        cloudformation_log_delivery("arn:${AWS::Partition}:s3:::${AccessLogs}"),
    ),
    Case("eu-cloudformation-yaml-secret-replica-eu", "EU", cloudformation_yaml_secret("eu-central-1")),
    Case(
        "eu-cloudformation-db-host-own-instance", "EU", cloudformation_db_consumer("!GetAtt OrdersDb.Endpoint.Address")
    ),
    Case(
        "eu-stackset-db-host-own-instance",
        "EU",
        cloudformation_stackset_db_consumer("!GetAtt OrdersDb.Endpoint.Address"),
    ),
    Case(
        "eu-cloudformation-health-check-own-lb",
        "EU",
        cloudformation_site_health_check("https://${PortalLb.DNSName}/", cdn=False),
    ),
    # A template's resources are judged by type as the same resources in Pulumi (template_services): an EU portal
    # behind CloudFront, an edge-optimised API (the default when EndpointConfiguration is left out), a Global
    # Accelerator; ROS's CDN domain by its Scope (domestic, the default, stays in mainland China).
    Case(
        "eu-cloudformation-portal-cloudfront",
        "EU",
        cloudformation_site_health_check("https://${PortalLb.DNSName}/"),
        {"RES-016"},
    ),
    Case(
        "eu-cloudformation-webhook-edge-api",
        "EU",
        cloudformation_alert_webhook(
            "https://${AlertsApi}.execute-api.${AWS::Region}.amazonaws.com/prod/alerts", endpoint_type=None
        ),
        {"RES-016"},
    ),
    Case("eu-cloudformation-portal-global-accelerator", "EU", cloudformation_accelerated_portal(True), {"RES-016"}),
    Case("eu-cloudformation-portal-regional-nlb", "EU", cloudformation_accelerated_portal(False)),
    Case("cn-ros-cdn-overseas-scope", "CN", ros_cdn_domain("overseas"), {"RES-016"}),
    Case("cn-ros-cdn-domestic-scope", "CN", ros_cdn_domain("domestic")),
    Case("cn-ros-cdn-default-scope", "CN", ros_cdn_domain(None)),
    # Fn::Join / Fn::FindInMap under a host key: judged as the text they give.
    Case(
        "eu-cloudformation-db-url-join-parameter",
        "EU",
        cloudformation_db_consumer("!Join ['', ['postgres://', !Ref PartnerDbHost, ':5432/reports']]"),
        {"RES-015"},
    ),
    Case(
        "eu-cloudformation-db-url-join-own-instance",
        "EU",
        cloudformation_db_consumer("!Join ['', ['postgres://', !GetAtt OrdersDb.Endpoint.Address, ':5432/reports']]"),
    ),
    Case(
        "eu-cloudformation-db-host-mapping-partner",
        "EU",
        cloudformation_db_consumer("!FindInMap [DbHosts, prod, Partner]"),
        {"RES-015"},
    ),
    Case(
        "eu-cloudformation-db-host-mapping-replica",
        "EU",
        cloudformation_db_consumer("!FindInMap [DbHosts, prod, Replica]"),
    ),
    # ROS: a function's code bucket (Code.OssBucketName), proven only by the template's own bucket.
    Case("cn-ros-fc-code-own-bucket", "CN", ros_fc_code({"Fn::GetAtt": ["CodeBucket", "Name"]})),
    Case("cn-ros-fc-code-own-bucket-literal", "CN", ros_fc_code("fleet-fc-code")),
    Case("cn-ros-fc-code-partner-bucket", "CN", ros_fc_code("partner-fc-artifacts"), {"RES-017"}),
    Case("cn-ros-fc-code-parameter-bucket", "CN", ros_fc_code({"Ref": "SharedCodeBucket"}), {"RES-017"}),
    Case(
        "cn-cloudformation-health-check-own-cloudfront",
        "CN",
        cloudformation_site_health_check("https://${PortalCdn.DomainName}/"),
    ),
    Case("eu-cloudformation-function-code-own-bucket", "EU", cloudformation_function_code("!Ref Artifacts")),
    Case(
        "cn-ros-exports-own-bucket",
        "CN",
        ros_oss_exports(
            {
                "EXPORTS_URL": {"Fn::Sub": "oss://${Exports.Name}/daily/"},
                "OSS_ENDPOINT": {"Fn::GetAtt": ["Exports", "InternalDomainName"]},
            }
        ),
    ),
    Case(
        "eu-lambda-search-url-list-partner",
        "EU",
        lambda_env({"OPENSEARCH_URLS": "https://vpc-a1.eu-west-1.es.amazonaws.com,https://search.partner.example.com"}),
        {"RES-015"},
    ),
    Case(
        "cn-fc-cors-proxy-url-foreign",
        "CN",
        fc_environment(
            {"CORS_ALLOWED_ORIGINS": "https://app.example.cn", "CORS_PROXY_URL": "https://cors.example.com"}
        ),
        {"RES-015"},
    ),
    Case("eu-athena-cloudtrail-us-bucket", "EU", cloudtrail_table("org-trail-us-east-1"), {"RES-017"}),
    Case(
        "eu-rest-api-openapi-partner-backend",
        "EU",
        openapi_rest_api("https://api.partner.example.com/vehicles"),
        {"RES-015"},
    ),
    Case(
        "eu-http-api-openapi-partner-backend",
        "EU",
        http_api_openapi_cors("https://api.partner.example.com/v"),
        {"RES-015"},
    ),
    Case("eu-dashboard-us-alarm", "EU", ops_dashboard("us-east-1"), {"RES-004"}),
    Case("eu-s3-gateway-us-ecr-layers", "EU", s3_gateway_endpoint("us-east-1"), {"RES-017"}),
    Case("eu-cloudformation-queue-url-us", "EU", cloudformation_queue_consumer("us-east-1"), {"RES-006"}),
    Case("eu-cloudformation-yaml-secret-replica-us", "EU", cloudformation_yaml_secret("us-east-1"), {"RES-009"}),
    Case(
        "eu-kb-parsing-cross-region-profile",
        "EU",
        kb_manuals_source(f"arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.{_HAIKU}"),
        {"RES-016"},
    ),
    Case(
        "eu-kb-parsing-us-model",
        "EU",
        kb_manuals_source(f"arn:aws:bedrock:us-east-1::foundation-model/{_HAIKU}"),
        {"RES-004"},
    ),
    Case("cn-oss-uploads-acceleration-inline", "CN", oss_accelerated_uploads("inline"), {"RES-016"}),
    Case("cn-oss-uploads-acceleration-resource", "CN", oss_accelerated_uploads("resource"), {"RES-016"}),
    Case(
        "eu-cloudformation-webhook-from-parameter",
        "EU",
        cloudformation_alert_webhook("https://${AlertWebhookHost}/alerts"),
        {"RES-015"},
    ),
    Case(
        "eu-cloudformation-db-host-from-parameter", "EU", cloudformation_db_consumer("!Ref PartnerDbHost"), {"RES-015"}
    ),
    Case(
        "eu-cloudformation-db-host-imported",
        "EU",
        cloudformation_db_consumer("!ImportValue shared-orders-db-host"),
        {"RES-015"},
    ),
    Case(
        "eu-cloudformation-db-host-if-parameter",
        "EU",
        cloudformation_db_consumer("!If [PartnerDb, !Ref PartnerDbHost, !GetAtt OrdersDb.Endpoint.Address]"),
        {"RES-015"},
    ),
    Case(
        "eu-stackset-db-host-from-parameter",
        "EU",
        cloudformation_stackset_db_consumer("!Ref PartnerDbHost"),
        {"RES-015"},
    ),
    Case(
        "eu-cloudformation-health-check-global-cloudfront",
        "EU",
        cloudformation_site_health_check("https://${PortalCdn.DomainName}/"),
        {"RES-016"},
    ),
    Case(
        "eu-cloudformation-function-code-parameter-bucket",
        "EU",
        cloudformation_function_code("!Ref SharedCodeBucket"),
        {"RES-017"},
    ),
    Case(
        "cn-ros-exports-endpoint-from-parameter",
        "CN",
        ros_oss_exports({"OSS_ENDPOINT": {"Ref": "PartnerEndpoint"}}),
        {"RES-015"},
    ),
    Case("eu-website-redirect-all-to-partner", "EU", website_redirect_all, {"RES-015"}),
    Case(
        "cn-website-redirect-to-partner", "CN", website_redirect("docs.partner.example.com", details=True), {"RES-015"}
    ),
    Case("eu-website-redirect-to-global-cloudfront", "EU", website_redirect("d111abcdef8.cloudfront.net"), {"RES-016"}),
    Case(
        "eu-cloudformation-partner-log-bucket-policy",
        "EU",
        cloudformation_log_delivery("arn:${AWS::Partition}:s3:::partner-drop"),
        {"RES-017"},
    ),
    Case("eu-activemq-network-connector-partner", "EU", activemq_configuration("mq.partner.example.com"), {"RES-015"}),
    Case(
        "cn-metric-stream-to-saas-intake",
        "CN",
        metric_stream("https://awsmetrics-intake.datadoghq.com/api/v2/awsmetrics"),
        {"RES-015"},
    ),
    Case("cn-fc-datahub-singapore-vpc-endpoint", "CN", fc_data_endpoints("ap-southeast-1"), {"RES-006"}),
    Case("cn-ecs-command-singapore-oss-endpoint", "CN", ecs_cloud_assistant("ap-southeast-1"), {"RES-006"}),
    Case(
        "eu-iot-rule-https-partner", "EU", iot_telemetry_rule("https://telemetry.partner.example.com/in"), {"RES-015"}
    ),
    Case("eu-glue-crawler-partner-bucket", "EU", glue_etl("s3://partner-landing/raw/"), {"RES-017"}),
    Case("jp-fc-nas-singapore", "JP", fc_triggers_and_mounts("ap-southeast-1"), {"RES-006"}),
    Case("cn-sls-etl-sink-singapore", "CN", pp.assuming_role(sls_pipeline("ap-southeast-1")), {"RES-006"}),
    Case(
        "eu-firelens-saas-output",
        "EU",
        firelens_task({"Name": "datadog", "Host": "http-intake.logs.datadoghq.com", "TLS": "on"}),
        {"RES-015"},
    ),
    Case(
        "cn-canary-partner-status-page",
        "CN",
        synthetics_canary("https://status.partner.example.com/health"),
        {"RES-015"},
    ),
    Case("cn-fc-other-tair-instance", "CN", fc_session_cache("r-bp1partner0001.redis.rds.aliyuncs.com"), {"RES-015"}),
    Case("cn-fc-other-elasticsearch", "CN", fc_search("es-cn-partner0000001.elasticsearch.aliyuncs.com"), {"RES-015"}),
    Case("cn-fc-other-mongodb", "CN", fc_fleet_db("dds-bp1partner0001.mongodb.rds.aliyuncs.com"), {"RES-015"}),
    Case("eu-lambda-webhook-from-ses-domain", "EU", ses_named_webhook, {"RES-015"}),
    Case(
        "cn-fc-other-kafka-bootstrap",
        "CN",
        fc_kafka_consumer("alikafka-pre-cn-partner01-1-vpc.alikafka.aliyuncs.com:9092"),
        {"RES-015"},
    ),
    Case(
        "eu-lambda-named-after-partner-host",
        "EU",
        function_named_after_its_partner("aws", "ingest", "https://ingest.partner.example.com/v1"),
        {"RES-015"},
    ),
    Case(
        "cn-fc-named-after-partner-host",
        "CN",
        function_named_after_its_partner("alicloud", "ingest", "https://ingest.partner.example.com/v1"),
        {"RES-015"},
    ),
    Case(
        "eu-s3-inventory-written-in-us-east-1",
        "EU",
        s3_inventory_into("arn:aws:s3:::central-inventory", "us-east-1"),
        {"RES-003"},
    ),
    Case("cn-cpfs-data-flow-in-hong-kong", "CN", cpfs_data_flow("shared-training-data", "cn-hongkong"), {"RES-001"}),
    Case("cn-fc-direct-mail-singapore-smtp", "CN", fc_direct_mail("smtpdm-ap-southeast-1.aliyuncs.com"), {"RES-006"}),
    Case("eu-datasync-partner-object-store", "EU", datasync_object_store("storage.partner.example.com"), {"RES-015"}),
    Case("eu-appflow-own-bucket-into-salesforce", "EU", appflow_crm_flow("S3", "Salesforce"), {"RES-016"}),
    Case(
        "cn-api-gateway-http-backend-partner",
        "CN",
        api_gateway_http_backend("http://api.partner.example.com"),
        {"RES-015"},
    ),
    Case("cn-rds-cross-backup-singapore", "CN", rds_cross_region_backup("ap-southeast-1"), {"RES-009"}),
    Case("cn-fc-custom-dns-public-resolver", "CN", fc_custom_dns(["8.8.8.8"]), {"RES-015"}),
    Case("cn-cr-sync-rule-to-singapore", "CN", cr_sync_rule("ap-southeast-1"), {"RES-009"}),
    Case("cn-arms-alert-robot-dingtalk", "CN", arms_alert_robot, {"RES-015"}),
    Case("cn-eventbridge-api-destination-partner", "CN", eventbridge_api_destination, {"RES-015"}),
    Case(
        "cn-fc-async-failures-singapore-queue",
        "CN",
        fc_async_failures("acs:mns:ap-southeast-1:1234567890:/queues/ingest-failures/messages"),
        {"RES-005"},
    ),
    Case("eu-msk-connect-cdc-partner-db", "EU", msk_connect_cdc("mysql.partner.example.com"), {"RES-015"}),
    Case("eu-msk-connect-cdc-own-rds", "EU", msk_connect_cdc(None)),
    Case("de-msk-connect-snowflake-undeclared", "DE", msk_connect_snowflake, {"RES-015"}),
    Case(
        "de-msk-connect-snowflake-declared",
        "DE",
        msk_connect_snowflake,
        destinations=[
            {
                "id": "snowflake-fra",
                "kind": "resident",
                "match": "xy12345.eu-central-1.snowflakecomputing.com",
                "evidence": "Snowflake account on AWS eu-central-1, contract SF-2026-3",
            }
        ],
    ),
    Case(
        "eu-rest-stage-variable-partner-backend",
        "EU",
        rest_api_stage_backend("orders.partner.example.com"),
        {"RES-015"},
    ),
    Case("eu-rest-stage-variable-own-nlb", "EU", rest_api_stage_backend(None)),
    Case("jp-http-api-stage-variable-partner-backend", "JP", http_api_stage_backend, {"RES-015"}),
    Case(
        "us-ecs-logentries-driver",
        "US",
        container_logs(
            {"logDriver": "logentries", "options": {"logentries-token": "abcd1234-12ab-34cd-5678-0123456789ab"}}
        ),
        {"RES-016"},
    ),
    Case(
        "us-ecs-awslogs-in-region",
        "US",
        container_logs({"logDriver": "awslogs", "options": {"awslogs-region": "us-east-1", "awslogs-group": "app"}}),
    ),
    Case(
        "us-batch-firelens-datadog-default-host",
        "US",
        container_logs(
            {"logDriver": "awsfirelens", "options": {"Name": "datadog", "apikey": "k", "TLS": "on"}}, batch=True
        ),
        {"RES-016"},
    ),
    Case(
        "us-ecs-firelens-datadog-vpc-worker",
        "US",
        container_logs({"logDriver": "awsfirelens", "options": {"Name": "datadog", "Host": "10.0.3.7", "apikey": "k"}}),
    ),
    Case("eu-cognito-google-sign-in", "EU", cognito_social_sign_in("Google"), {"RES-016"}),
    Case("jp-cognito-apple-sign-in", "JP", cognito_social_sign_in("SignInWithApple"), {"RES-016"}),
    Case(
        "eu-cognito-declared-company-idp",
        "EU",
        cognito_social_sign_in(None),
        destinations=[
            {
                "id": "fleet-idp",
                "kind": "resident",
                "match": "login.fleet.example.eu",
                "evidence": "Company IdP hosted in Frankfurt, ISMS-4",
            }
        ],
    ),
    Case("us-identity-pool-facebook", "US", identity_pool_logins({"graph.facebook.com": "1234567890123"}), {"RES-016"}),
    Case("us-identity-pool-own-user-pool", "US", identity_pool_logins({})),
    Case(
        "eu-kb-web-crawler-undeclared",
        "EU",
        knowledge_base_web_crawler("https://manuals.fleet.example.eu/"),
        {"RES-015"},
    ),
    Case(
        "eu-kb-web-crawler-declared",
        "EU",
        knowledge_base_web_crawler("https://manuals.fleet.example.eu/"),
        destinations=[
            {
                "id": "manuals-site",
                "kind": "resident",
                "match": "manuals.fleet.example.eu",
                "evidence": "Owner manuals site hosted in eu-west-1, CMS-7",
            }
        ],
    ),
    Case("cn-private-zone-cname-partner", "CN", private_zone_record("CNAME", "api.partner.example.com"), {"RES-015"}),
    Case("cn-private-zone-a-public-address", "CN", private_zone_record("A", "203.0.113.25"), {"RES-015"}),
    Case("cn-private-zone-a-private-address", "CN", private_zone_record("A", "10.0.3.25")),
    Case("cn-private-zone-txt", "CN", private_zone_record("TXT", "verification=api.partner.example.com")),
    Case("eu-dns-firewall-override-partner", "EU", dns_firewall_block_page("blocked.partner.example.com"), {"RES-015"}),
    Case("eu-dns-firewall-override-own-alb", "EU", dns_firewall_block_page(None)),
    Case("eu-prometheus-runbook-annotations", "EU", prometheus_alerting("eu-west-1")),
    Case("eu-prometheus-alerts-to-us-topic", "EU", prometheus_alerting("us-east-1"), {"RES-004"}),
    Case("jp-msk-worker-secrets-in-region", "JP", msk_worker_secrets("ap-northeast-1")),
    Case("jp-msk-worker-secrets-singapore", "JP", msk_worker_secrets("ap-southeast-1"), {"RES-009"}),
    Case(
        "eu-osis-sink-partner-search",
        "EU",
        ingestion_pipeline("https://search.partner.example.com", "eu-west-1"),
        {"RES-015"},
    ),
    Case(
        "eu-osis-sink-own-region-domain",
        "EU",
        ingestion_pipeline("https://search-app-logs-abc123.eu-west-1.es.amazonaws.com", "eu-west-1"),
    ),
    Case(
        "eu-osis-sink-sigv4-us-region",
        "EU",
        ingestion_pipeline("https://search-app-logs-abc123.eu-west-1.es.amazonaws.com", "us-east-1"),
        {"RES-009"},
    ),
    Case("de-pipe-to-us-state-machine", "DE", queue_pipe("us-east-1"), {"RES-004"}),
    Case("de-pipe-in-region", "DE", queue_pipe("eu-central-1")),
    Case(
        "us-verified-access-partner-idp", "US", verified_access_oidc("https://login.partner.example.com"), {"RES-015"}
    ),
    Case(
        "us-verified-access-cognito-idp",
        "US",
        verified_access_oidc("https://workforce.auth.us-east-1.amazoncognito.com"),
    ),
    Case("jp-ses-events-to-us-bus", "JP", mail_events("us-east-1"), {"RES-004"}),
    Case("jp-ses-events-in-region", "JP", mail_events("ap-northeast-1")),
    Case(
        "eu-agent-actions-partner-api",
        "EU",
        agent_action_group("https://api.partner.example.com/v1", "eu-west-1"),
        {"RES-015"},
    ),
    Case(
        "eu-agent-actions-own-api",
        "EU",
        agent_action_group("https://abc123.execute-api.eu-west-1.amazonaws.com/prod", "eu-west-1"),
    ),
    Case(
        "eu-agent-actions-us-function",
        "EU",
        agent_action_group("https://abc123.execute-api.eu-west-1.amazonaws.com/prod", "us-east-1"),
        {"RES-004"},
    ),
    Case("eu-inbound-mail-partner-bucket", "EU", inbound_mail_archive("partner-mail-archive"), {"RES-017"}),
    Case("eu-inbound-mail-own-bucket", "EU", inbound_mail_archive(None)),
    Case("us-mesh-backend-partner", "US", mesh_backend("billing.partner.example.com"), {"RES-015"}),
    Case("us-mesh-backend-own-nlb", "US", mesh_backend(None)),
    Case("jp-user-pool-triggers-us", "JP", user_pool_triggers("us-west-2"), {"RES-004"}),
    Case("jp-user-pool-triggers-in-region", "JP", user_pool_triggers("ap-northeast-1")),
    Case("cn-portal-site-monitor-random-probes", "CN", portal_site_monitor(None), {"RES-016"}),
    Case("cn-portal-site-monitor-mainland-probes", "CN", portal_site_monitor(["546", "572", "738"])),
    Case(
        "eu-bucket-named-ingest-redirects-to-partner",
        "EU",
        inline_website_redirect("https://ingest.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "eu-bucket-named-ingest-redirect-declared",
        "EU",
        inline_website_redirect("https://ingest.partner.example.com"),
        destinations=[
            {
                "id": "partner-ingest",
                "kind": "resident",
                "match": "ingest.partner.example.com",
                "evidence": "partner upload portal hosted in Dublin, DPA-31",
            }
        ],
    ),
    Case("cn-kms-gateway-of-own-instance", "CN", kms_instance_endpoint(True)),
    Case("cn-kms-gateway-typed-instance-id", "CN", kms_instance_endpoint(False), {"RES-015"}),
    Case(
        "eu-harness-on-litellm-sagemaker-in-region",
        "EU",
        agent_harness(
            {
                "litellm_model_config": {
                    "model_id": "sagemaker/fleet-llama-3-8b",
                    "additional_params": json.dumps({"aws_region_name": "eu-west-1"}),
                }
            }
        ),
    ),
    Case(
        "eu-harness-on-litellm-sagemaker-runtime-region",
        "EU",
        agent_harness({"litellm_model_config": {"model_id": "sagemaker/fleet-llama-3-8b"}}),
        {"RES-016"},
    ),
    Case("cn-mongos-of-own-sharded-cluster", "CN", mongos_in_user_data(True)),
    Case("cn-mongos-typed-sharded-cluster-host", "CN", mongos_in_user_data(False), {"RES-015"}),
    # A partner CDN's host that starts with an S3 host is the partner's domain, not the bucket's region.
    Case(
        "eu-lambda-assets-via-partner-cdn-host",
        "EU",
        lambda_env({"ASSET_HOST": "fleet-assets.s3.eu-west-1.amazonaws.com.cdn.partner.example.com"}),
        {"RES-015"},
    ),
    # The bucket a regional S3 host names is not in that region for being named there (S3 redirects to the bucket's
    # region): a bucket this stack does not make is unproven, as its s3:// URI is (stop 32; twin: s3url-*-own).
    Case(
        "eu-lambda-assets-from-regional-bucket-host",
        "EU",
        lambda_env({"ASSET_HOST": "fleet-assets.s3.eu-west-1.amazonaws.com"}),
        {"RES-017"},
    ),
    # -- stop 28, AWS red team (EU and CN) ----------------------------------------------------------
    Case(
        "eu-codebuild-logs-partner-bucket", "EU", codebuild_s3_locations("acme-shared-build-logs/firmware"), {"RES-017"}
    ),
    Case(
        "eu-codebuild-source-partner-bucket",
        "EU",
        codebuild_s3_locations(None, "partner-drops/firmware/app.zip"),
        {"RES-017"},
    ),
    Case("eu-codebuild-logs-and-source-own-bucket", "EU", codebuild_s3_locations(None)),
    Case("cn-codebuild-logs-account-bucket", "CN", codebuild_s3_locations("acme-cn-build-logs/firmware")),
    Case("eu-efs-one-zone-replica-london", "EU", efs_one_zone_replica("eu-west-2a"), {"RES-008"}),
    Case("eu-efs-one-zone-replica-paris", "EU", efs_one_zone_replica("eu-west-3a")),
    Case("cn-efs-one-zone-replica-hong-kong", "CN", efs_one_zone_replica("ap-east-1a"), {"RES-008"}),
    Case("cn-efs-one-zone-replica-ningxia", "CN", efs_one_zone_replica("cn-northwest-1a")),
    Case(
        "eu-smb-gateway-partner-domain-controller",
        "EU",
        smb_gateway_domain(["dc1.corp.partner.example.com:389"]),
        {"RES-015"},
    ),
    Case("eu-smb-gateway-plant-domain-controllers", "EU", smb_gateway_domain(["10.20.0.10", "10.20.0.11"])),
    Case("eu-alb-logs-central-bucket", "EU", alb_central_logs(None)),
    Case("eu-alb-logs-central-bucket-london", "EU", alb_central_logs("eu-west-2"), {"RES-003"}),
    Case("cn-alb-logs-central-bucket", "CN", alb_central_logs(None)),
    # A Node.js function's webhook URL with a backslash before the userinfo's "@": Node's URL parser (WHATWG) posts to
    # the host before it, Python's urllib.parse to the host after it; both are judged.
    Case(
        "eu-lambda-webhook-backslash-authority",
        "EU",
        lambda_env(
            {"WEBHOOK_URL": "https://hooks.partner.example.com\\@abc123.execute-api.eu-west-1.amazonaws.com/prod"}
        ),
        {"RES-015"},
    ),
    Case("eu-pipeline-github-connection", "EU", pipeline_source_connection("GitHub"), {"RES-016"}),
    Case("cn-pipeline-bitbucket-connection", "CN", pipeline_source_connection("Bitbucket"), {"RES-016"}),
    Case("eu-pipeline-plant-github-enterprise", "EU", pipeline_source_connection(None)),
    Case(
        "eu-lambda-webhook-userinfo-regional",
        "EU",
        lambda_env({"WEBHOOK_URL": "https://svc:token@abc123.execute-api.eu-west-1.amazonaws.com/prod/hook"}),
    ),
    Case(
        "cn-ecs-cloud-config-runcmd-partner-db",
        "CN",
        ali_user_data("#cloud-config\nruncmd:\n  - export DB_HOST=db.partner.example.com\n  - /opt/fleet/sync.sh\n"),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-cloud-config-runcmd-private-db",
        "CN",
        ali_user_data("#cloud-config\nruncmd:\n  - export DB_HOST=10.0.3.17\n  - /opt/fleet/sync.sh\n"),
    ),
    Case(
        "eu-launch-template-cloud-config-env-file-partner-db",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/app.env\n    content: |\n"
            "      PGHOST=warehouse.partner.example.com\n      PGPORT=5432\n"
        ),
        {"RES-015"},
    ),
    Case(
        "eu-launch-template-cloud-config-env-file-own-region-rds",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/app.env\n    content: |\n"
            "      PGHOST=fleet.c9akciq32.eu-west-1.rds.amazonaws.com\n      PGPORT=5432\n"
        ),
    ),
    Case(
        "eu-lambda-quoted-sqlserver-connection-partner",
        "EU",
        lambda_env({"SQLSERVER_CONNECTION": 'Server="tcp:sql.partner.example.com,1433";Database=fleet;Encrypt=True;'}),
        {"RES-015"},
    ),
    Case(
        "eu-lambda-quoted-sqlserver-connection-own-region-rds",
        "EU",
        lambda_env(
            {"SQLSERVER_CONNECTION": 'Server="tcp:fleet.c9akciq32.eu-west-1.rds.amazonaws.com,1433";Database=fleet;'}
        ),
    ),
    Case(
        "eu-lambda-mixed-case-oracle-thin-url-partner",
        "EU",
        lambda_env({"ORACLE_JDBC_URL": "Jdbc:Oracle:thin:@erp.partner.example.com:1521:fleet"}),
        {"RES-015"},
    ),
    Case(
        "eu-lambda-mixed-case-oracle-thin-url-own-region-rds",
        "EU",
        lambda_env({"ORACLE_JDBC_URL": "Jdbc:Oracle:thin:@fleet.c9akciq32.eu-west-1.rds.amazonaws.com:1521:fleet"}),
    ),
    Case("cn-sae-php-ini-debugger-to-partner", "CN", sae_php_config("debug.partner.example.com"), {"RES-015"}),
    Case("cn-sae-php-ini-debugger-in-vpc", "CN", sae_php_config("10.0.0.8")),
    Case(
        "cn-ecs-powershell-maps-partner-smb-share",
        "CN",
        ecs_powershell_smb_share("fs.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-powershell-maps-own-region-nas-smb",
        "CN",
        ecs_powershell_smb_share("0a1b2c-xyz12.cn-shanghai.nas.aliyuncs.com"),
    ),
    Case(
        "eu-lambda-sqlserver-jdbc-server-property-partner",
        "EU",
        lambda_env(
            {"JDBC_URL": "jdbc:sqlserver://;serverName=sql.partner.example.com;databaseName=fleet;encrypt=true"}
        ),
        {"RES-015"},
    ),
    Case(
        "eu-lambda-sqlserver-jdbc-server-property-own-region-rds",
        "EU",
        lambda_env(
            {"JDBC_URL": "jdbc:sqlserver://;serverName=fleet.c9akciq32.eu-west-1.rds.amazonaws.com;databaseName=fleet"}
        ),
    ),
    Case(
        "cn-ecs-launch-template-userdata-hong-kong-oss", "CN", ecs_launch_template_userdata("cn-hongkong"), {"RES-006"}
    ),
    Case("cn-ecs-launch-template-userdata-own-region-oss", "CN", ecs_launch_template_userdata("cn-shanghai")),
    Case(
        "cn-ecs-user-data-docker-env-partner-db",
        "CN",
        ali_user_data(
            "#!/bin/sh\ndocker run -d --restart=always -e 'DB_HOST=db.partner.example.com' "
            "registry-vpc.cn-shanghai.aliyuncs.com/fleet/api:1\n"
        ),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-user-data-docker-env-private-db",
        "CN",
        ali_user_data(
            "#!/bin/sh\ndocker run -d --restart=always -e 'DB_HOST=10.0.3.17' "
            "registry-vpc.cn-shanghai.aliyuncs.com/fleet/api:1\n"
        ),
    ),
    Case("cn-dcdn-ipa-overseas", "CN", ipa_domain("overseas"), {"RES-016"}),
    Case("cn-dcdn-ipa-domestic", "CN", ipa_domain("domestic")),
    Case("cn-ram-saml-partner-idp", "CN", ram_saml_provider("login.partner.example.com"), {"RES-015"}),
    Case("cn-ram-saml-declared-idp", "CN", ram_saml_provider("idp.example.cn"), destinations=[_IDP]),
    Case("cn-cloudsso-saml-partner-idp", "CN", cloudsso_directory("login.partner.example.com"), {"RES-015"}),
    Case("cn-cloudsso-saml-declared-idp", "CN", cloudsso_directory("idp.example.cn"), destinations=[_IDP]),
    Case("cn-dbs-backup-partner-bucket", "CN", dbs_backup_plan("partner-db-backups"), {"RES-017"}),
    Case("cn-dbs-backup-own-bucket", "CN", dbs_backup_plan(None)),
    Case("cn-bastion-host-public-address", "CN", bastion_host("Public", "203.0.113.10"), {"RES-015"}),
    Case("cn-bastion-host-private-address", "CN", bastion_host("Private", "10.20.0.15")),
    Case("cn-ackone-cluster-joins-foreign-fleet", "CN", ackone_membership("c-fleet0123456789"), {"RES-017"}),
    Case("cn-ackone-cluster-joins-own-fleet", "CN", ackone_membership(None)),
    Case("cn-alidns-cname-partner", "CN", alidns_record("shop.partner.example.com"), {"RES-015"}),
    Case("cn-alidns-cname-own-alb", "CN", alidns_record(None)),
    Case(
        "cn-sls-export-sink-partner-bucket", "CN", pp.assuming_role(sls_export_sink("partner-log-archive")), {"RES-017"}
    ),
    Case("cn-sls-export-sink-own-bucket", "CN", pp.assuming_role(sls_export_sink(None))),
    Case("cn-esa-log-delivery-oversea-data-center", "CN", esa_log_delivery("oversea"), {"RES-016"}),
    Case("cn-esa-log-delivery-mainland-data-center", "CN", esa_log_delivery("cn")),
    Case("cn-esa-log-delivery-partner-bucket", "CN", esa_log_delivery("cn", "partner-esa-logs"), {"RES-017"}),
    Case("cn-esa-log-delivery-own-bucket", "CN", esa_log_delivery("cn", None)),
    Case("cn-vpc-joins-network-account-ecr", "CN", ecr_vpc_association("ecr-0123456789abcdef"), {"RES-017"}),
    Case("cn-vpc-joins-own-ecr", "CN", ecr_vpc_association(None)),
    Case("cn-sag-flow-log-public-collector", "CN", sag_flow_log("203.0.113.20"), {"RES-015"}),
    Case("cn-sag-flow-log-private-collector", "CN", sag_flow_log("10.20.0.9")),
    Case("cn-esa-origin-rule-partner", "CN", esa_origin_rule("api.partner.example.com"), {"RES-015"}),
    Case("cn-esa-origin-rule-oss", "CN", esa_origin_rule("fleet-api-docs.oss-cn-shanghai.aliyuncs.com")),
    # Jurisdictions other than CN and EU: geographic inference profiles resident in their own geography only, Local
    # Zones placed by their group, global tables whose replicas stay (or not) in the country.
    Case("jp-bedrock-agent-japan-profile", "JP", bedrock_agent("jp.anthropic.claude-sonnet-4-5-20250929-v1:0")),
    Case(
        "jp-bedrock-agent-apac-profile",
        "JP",
        bedrock_agent("apac.anthropic.claude-sonnet-4-20250514-v1:0"),
        {"RES-016"},
    ),
    Case("us-bedrock-prompt-us-profile", "US", bedrock_prompt("us.anthropic.claude-3-haiku-20240307-v1:0")),
    Case(
        "us-bedrock-prompt-global-profile",
        "US",
        bedrock_prompt("global.anthropic.claude-sonnet-4-5-20250929-v1:0"),
        {"RES-016"},
    ),
    Case(
        "de-bedrock-agent-eu-profile", "DE", bedrock_agent("eu.anthropic.claude-3-7-sonnet-20250219-v1:0"), {"RES-016"}
    ),
    Case("us-subnet-in-dallas-local-zone", "US", local_zone_subnet("us-east-1-dfw-2a")),
    Case("us-subnet-in-lima-local-zone", "US", local_zone_subnet("us-east-1-lim-1a"), {"RES-008"}),
    Case("jp-subnet-in-taipei-local-zone", "JP", local_zone_subnet("ap-northeast-1-tpe-1a"), {"RES-008"}),
    Case("jp-dynamodb-replica-osaka", "JP", dynamodb_global_table("ap-northeast-3")),
    Case("jp-dynamodb-replica-seoul", "JP", dynamodb_global_table("ap-northeast-2"), {"RES-009"}),
    Case("us-dynamodb-replica-oregon", "US", dynamodb_global_table("us-west-2")),
    Case("us-dynamodb-replica-canada", "US", dynamodb_global_table("ca-central-1"), {"RES-009"}),
    Case("de-dynamodb-replica-ireland", "DE", dynamodb_global_table("eu-west-1"), {"RES-009"}),
    Case("us-guardrail-us-profile", "US", guardrail("us.guardrail.v1:0")),
    Case("us-guardrail-apac-profile", "US", guardrail("apac.guardrail.v1:0"), {"RES-016"}),
    Case("us-secret-replica-oregon", "US", secret_replica("us-west-2")),
    Case("de-secret-replica-ireland", "DE", secret_replica("eu-west-1"), {"RES-009"}),
    Case("jp-chime-voice-connector-tokyo", "JP", chime_voice_connector("ap-northeast-1")),
    Case("jp-chime-voice-connector-virginia", "JP", chime_voice_connector("us-east-1"), {"RES-009"}),
    # -- stop 28, false-alarm hunt: an EV maker's ordinary in-country platform (tests/platform_programs.py) -----------
    Case("cn-platform-iot-kinesis-firehose-s3", "CN", pp.iot_kinesis_firehose_s3()),
    Case("cn-platform-iot-kinesis-firehose-s3-ningxia", "CN", pp.iot_kinesis_firehose_s3("cn-northwest-1")),
    Case("eu-platform-iot-kinesis-firehose-s3-frankfurt", "EU", pp.iot_kinesis_firehose_s3("eu-central-1")),
    Case("eu-platform-iot-timestream-dynamodb-frankfurt", "EU", pp.iot_timestream_dynamodb("eu-central-1")),
    Case("jp-platform-iot-timestream-dynamodb", "JP", pp.iot_timestream_dynamodb()),
    Case("us-platform-iot-timestream-dynamodb-oregon", "US", pp.iot_timestream_dynamodb("us-west-2")),
    Case("jp-platform-http-api-lambda", "JP", pp.http_api_lambda()),
    Case("cn-platform-http-api-lambda-ningxia", "CN", pp.http_api_lambda("cn-northwest-1")),
    Case("eu-platform-rest-api-regional-waf-paris", "EU", pp.rest_api_regional_waf("eu-west-3")),
    Case("cn-platform-rest-api-regional-waf", "CN", pp.rest_api_regional_waf()),
    Case("eu-platform-alb-fargate-own-ecr", "EU", pp.alb_fargate_from_own_ecr()),
    Case("cn-platform-alb-fargate-own-ecr-ningxia", "CN", pp.alb_fargate_from_own_ecr("cn-northwest-1")),
    Case("jp-platform-alb-fargate-own-ecr-osaka", "JP", pp.alb_fargate_from_own_ecr("ap-northeast-3")),
    Case("cn-platform-firelens-cloudwatch-ningxia", "CN", pp.firelens_to_cloudwatch("cn-northwest-1", "128054284489")),
    Case("eu-platform-firelens-cloudwatch-dublin", "EU", pp.firelens_to_cloudwatch("eu-west-1", "906394416424")),
    Case("us-platform-eks-irsa-oregon", "US", pp.eks_irsa("us-west-2")),
    Case("cn-platform-eks-irsa", "CN", pp.eks_irsa()),
    Case("eu-platform-cognito-pool-stockholm", "EU", pp.cognito_pool("eu-north-1")),
    Case("jp-platform-cognito-pool", "JP", pp.cognito_pool()),
    Case("eu-platform-aurora-proxy-frankfurt", "EU", pp.aurora_with_proxy("eu-central-1")),
    Case("cn-platform-aurora-proxy", "CN", pp.aurora_with_proxy()),
    # secretsmanager.cn-north-1.amazonaws.com is no China endpoint (the suffix there is amazonaws.com.cn): unproven.
    Case(
        "cn-platform-aurora-proxy-global-suffix-via-service",
        "CN",
        pp.aurora_with_proxy(via_suffix="amazonaws.com"),
        {"RES-006"},
    ),
    Case("jp-platform-elasticache-key-policy-osaka", "JP", pp.elasticache_with_key_policy("ap-northeast-3")),
    Case("cn-platform-elasticache-key-policy", "CN", pp.elasticache_with_key_policy()),
    Case("eu-platform-opensearch-vpc-stockholm", "EU", pp.opensearch_in_vpc("eu-north-1")),
    Case("cn-platform-opensearch-vpc-ningxia", "CN", pp.opensearch_in_vpc("cn-northwest-1")),
    Case("eu-platform-glue-athena-lakeformation", "EU", pp.glue_athena_lake()),
    Case("cn-platform-glue-athena-lakeformation", "CN", pp.glue_athena_lake()),
    Case("us-platform-redshift-serverless", "US", pp.redshift_serverless()),
    Case("eu-platform-redshift-serverless-milan", "EU", pp.redshift_serverless("eu-south-1")),
    Case("us-platform-dynamodb-stream-lambda", "US", pp.dynamodb_stream_lambda()),
    Case("cn-platform-kms-for-cloudwatch-logs", "CN", pp.kms_for_cloudwatch_logs()),
    Case("eu-platform-kms-for-cloudwatch-logs-milan", "EU", pp.kms_for_cloudwatch_logs("eu-south-1")),
    Case("eu-platform-secret-rotation-paris", "EU", pp.secret_rotation("eu-west-3")),
    Case("cn-platform-secret-rotation-ningxia", "CN", pp.secret_rotation("cn-northwest-1")),
    Case("eu-platform-detective-controls-frankfurt", "EU", pp.detective_controls("eu-central-1")),
    Case("cn-platform-detective-controls", "CN", pp.detective_controls()),
    Case("cn-platform-cloudtrail-own-bucket-ningxia", "CN", pp.cloudtrail_to_own_bucket("cn-northwest-1")),
    Case("jp-platform-cloudtrail-own-bucket", "JP", pp.cloudtrail_to_own_bucket()),
    Case("eu-platform-vpc-endpoints-milan", "EU", pp.vpc_endpoints("eu-south-1")),
    Case("cn-platform-vpc-endpoints", "CN", pp.vpc_endpoints(None, "cn.com.amazonaws")),
    Case("eu-platform-privatelink-service", "EU", pp.privatelink_service()),
    Case("jp-platform-resolver-to-plant", "JP", pp.resolver_to_plant()),
    Case("cn-platform-resolver-to-plant", "CN", pp.resolver_to_plant()),
    Case("eu-platform-alarms-sns-sqs-lambda", "EU", pp.alarms_to_sns_sqs_lambda()),
    Case("cn-platform-alarms-sns-sqs-lambda-ningxia", "CN", pp.alarms_to_sns_sqs_lambda("cn-northwest-1")),
    Case("cn-platform-eventbridge-step-functions", "CN", pp.eventbridge_step_functions()),
    # The global example's "arn:aws:states:::lambda:invoke" pasted into a China state machine names the aws partition.
    Case(
        "cn-platform-step-functions-global-partition-integration",
        "CN",
        pp.eventbridge_step_functions(partition="aws"),
        {"RES-004"},
    ),
    Case("eu-platform-eventbridge-step-functions-stockholm", "EU", pp.eventbridge_step_functions("eu-north-1")),
    Case("eu-platform-ssm-command-association-frankfurt", "EU", pp.ssm_command_association("eu-central-1")),
    Case("cn-platform-ssm-command-association", "CN", pp.ssm_command_association()),
    Case("jp-platform-ssm-automation-osaka", "JP", pp.ssm_automation("ap-northeast-3")),
    Case("cn-platform-ssm-automation", "CN", pp.ssm_automation()),
    Case(
        "jp-platform-ecr-replication-tokyo-to-osaka",
        "JP",
        pp.ecr_replication_in_country("ap-northeast-1", "ap-northeast-3"),
    ),
    Case(
        "cn-platform-ecr-replication-beijing-to-ningxia",
        "CN",
        pp.ecr_replication_in_country("cn-north-1", "cn-northwest-1"),
    ),
    Case("cn-platform-s3-crr-beijing-to-ningxia", "CN", pp.s3_crr_in_country("cn-north-1", "cn-northwest-1")),
    Case("eu-platform-s3-crr-dublin-to-stockholm", "EU", pp.s3_crr_in_country("eu-west-1", "eu-north-1")),
    Case("cn-platform-ali-telemetry-pipeline-shanghai", "CN", pp.ali_telemetry_pipeline("cn-shanghai")),
    Case("cn-platform-ali-telemetry-pipeline-beijing", "CN", pp.ali_telemetry_pipeline("cn-beijing")),
    Case("cn-platform-ali-ack-rrsa-beijing", "CN", pp.ali_ack_rrsa("cn-beijing")),
    Case("cn-platform-ali-databases-for-fc-hangzhou", "CN", pp.ali_databases_for_fc("cn-hangzhou")),
    Case("cn-platform-ali-search-analytics-beijing", "CN", pp.ali_search_and_analytics("cn-beijing")),
    Case("cn-platform-ali-kms-oss-sse-shanghai", "CN", pp.ali_kms_oss_sse("cn-shanghai")),
    Case("cn-platform-ali-api-gateway-fc-hangzhou", "CN", pp.ali_api_gateway_fc("cn-hangzhou")),
    Case("cn-platform-ali-cms-alarm-to-mns-shanghai", "CN", pp.ali_cms_alarm_to_mns("cn-shanghai")),
    Case("eu-platform-s3-endpoint-policy-ecr-ssm-buckets", "EU", pp.endpoint_policies_for_ecr_and_ssm()),
    Case("cn-platform-s3-endpoint-policy-ecr-ssm-buckets", "CN", pp.endpoint_policies_for_ecr_and_ssm()),
    Case(
        "jp-platform-s3-endpoint-policy-ecr-ssm-buckets-osaka",
        "JP",
        pp.endpoint_policies_for_ecr_and_ssm("ap-northeast-3"),
    ),
    Case(
        "eu-platform-lambda-powertools-insights-layers",
        "EU",
        pp.lambda_with_aws_layers(
            "eu-west-1",
            [
                "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-x86_64:7",
                "arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension:53",
            ],
        ),
    ),
    Case(
        "cn-platform-lambda-insights-layer",
        "CN",
        pp.lambda_with_aws_layers(
            "cn-north-1", ["arn:aws-cn:lambda:cn-north-1:488211338238:layer:LambdaInsightsExtension:35"]
        ),
    ),
    Case("jp-platform-lambda-runtime-settings", "JP", pp.lambda_runtime_settings()),
    Case("cn-platform-lambda-runtime-settings", "CN", pp.lambda_runtime_settings()),
    Case("eu-platform-ec2-user-data-bootstrap", "EU", pp.ec2_user_data_bootstrap()),
    Case("cn-platform-ec2-user-data-bootstrap-ningxia", "CN", pp.ec2_user_data_bootstrap("cn-northwest-1")),
    Case("eu-platform-ecs-task-health-secrets", "EU", pp.ecs_task_health_and_secrets("eu-central-1")),
    Case("cn-platform-ecs-task-health-secrets", "CN", pp.ecs_task_health_and_secrets()),
    Case("eu-platform-iam-region-guardrails", "EU", pp.iam_region_guardrails(["eu-west-1", "eu-central-1"])),
    # Bucket names are global in the aws partition: a home-folder bucket this stack did not make is unproven in the EU.
    Case(
        "eu-platform-iam-home-folders-in-unknown-bucket",
        "EU",
        pp.iam_region_guardrails(["eu-west-1", "eu-central-1"], "fleet-engineer-homes"),
        {"RES-017"},
    ),
    Case("cn-platform-iam-region-guardrails", "CN", pp.iam_region_guardrails(["cn-north-1", "cn-northwest-1"])),
    Case("cn-platform-cloudtrail-event-rule", "CN", pp.cloudtrail_event_rule()),
    Case("eu-platform-cloudtrail-event-rule-paris", "EU", pp.cloudtrail_event_rule("eu-west-3")),
    Case("eu-platform-scheduler-universal-target", "EU", pp.scheduler_universal_target("eu-central-1")),
    Case("cn-platform-scheduler-universal-target", "CN", pp.scheduler_universal_target()),
    Case("eu-platform-flow-logs-own-bucket", "EU", pp.flow_logs_to_own_bucket()),
    Case("cn-platform-flow-logs-own-bucket-ningxia", "CN", pp.flow_logs_to_own_bucket("cn-northwest-1")),
    Case("eu-platform-regional-custom-domain", "EU", pp.regional_custom_domain()),
    Case("jp-platform-regional-custom-domain", "JP", pp.regional_custom_domain(zone="fleet.example.jp")),
    Case("us-platform-s3-notifications", "US", pp.s3_notifications()),
    Case("cn-platform-s3-notifications", "CN", pp.s3_notifications()),
    Case("eu-platform-backup-copy-frankfurt-to-dublin", "EU", pp.backup_copy_in_country("eu-central-1", "eu-west-1")),
    Case("cn-platform-backup-copy-beijing-to-ningxia", "CN", pp.backup_copy_in_country("cn-north-1", "cn-northwest-1")),
    Case(
        "jp-platform-dynamodb-global-table-osaka",
        "JP",
        pp.dynamodb_global_table_in_country("ap-northeast-1", "ap-northeast-3"),
    ),
    Case(
        "cn-platform-dynamodb-global-table-ningxia",
        "CN",
        pp.dynamodb_global_table_in_country("cn-north-1", "cn-northwest-1"),
    ),
    Case("cn-platform-ali-ecs-bootstrap-mirrors-hangzhou", "CN", pp.ali_ecs_bootstrap_from_mirrors("cn-hangzhou")),
    Case(
        "cn-platform-ali-ecs-bootstrap-names-public-mirror",
        "CN",
        pp.ali_ecs_bootstrap_from_mirrors("cn-hangzhou", sed_mirror="public"),
        {"RES-016"},
    ),
    # mirrors.cloud.aliyuncs.com names no region and no document we found says where it is served: declare it.
    Case(
        "cn-platform-ali-ecs-bootstrap-names-intranet-mirror",
        "CN",
        pp.ali_ecs_bootstrap_from_mirrors("cn-hangzhou", sed_mirror="intranet"),
        {"RES-015"},
    ),
    Case("cn-platform-ali-sls-logtail-shanghai", "CN", pp.ali_sls_logtail_and_alert("cn-shanghai")),
    Case("cn-platform-ali-private-zone-cen", "CN", pp.ali_private_zone_and_cen("cn-shanghai", "cn-beijing")),
    Case("cn-platform-ali-oss-fc-trigger-beijing", "CN", pp.ali_oss_fc_trigger("cn-beijing")),
    Case("eu-platform-iot-fleet-policy-frankfurt", "EU", pp.iot_fleet_policy("eu-central-1")),
    Case("cn-platform-iot-fleet-policy", "CN", pp.iot_fleet_policy()),
    Case("jp-platform-iot-fleet-policy", "JP", pp.iot_fleet_policy()),
    Case(
        "eu-platform-alb-redirect-logs-dublin-elb-account", "EU", pp.alb_redirect_and_logs("eu-west-1", "156460612806")
    ),
    Case(
        "cn-platform-alb-redirect-logs-beijing-elb-account",
        "CN",
        pp.alb_redirect_and_logs("cn-north-1", "638102146993"),
    ),
    Case("eu-platform-alb-redirect-logs-milan-log-delivery", "EU", pp.alb_redirect_and_logs("eu-south-1", None)),
    Case("eu-platform-sagemaker-dlc-endpoint", "EU", pp.sagemaker_dlc_endpoint("eu-west-1", "763104351884")),
    Case("cn-platform-sagemaker-dlc-endpoint", "CN", pp.sagemaker_dlc_endpoint("cn-north-1", "727897471807")),
    Case("eu-platform-msk-to-lambda", "EU", pp.msk_to_lambda()),
    Case("cn-platform-msk-to-lambda-ningxia", "CN", pp.msk_to_lambda("cn-northwest-1")),
    Case("eu-platform-prometheus-remote-write", "EU", pp.prometheus_remote_write()),
    Case("jp-platform-prometheus-remote-write", "JP", pp.prometheus_remote_write()),
    Case("eu-platform-synthetics-canary", "EU", pp.synthetics_canary("eu-central-1")),
    Case("cn-platform-synthetics-canary", "CN", pp.synthetics_canary()),
    Case("cn-platform-ali-actiontrail-own-sls-oss", "CN", pp.ali_actiontrail_to_own_sls_oss("cn-hangzhou")),
    Case("cn-platform-ali-tablestore-kafka-sae", "CN", pp.ali_tablestore_and_kafka("cn-shanghai")),
    Case("cn-platform-ali-slb-intranet-nas", "CN", pp.ali_slb_intranet_with_nas("cn-beijing")),
    # A Multi-Region Access Point over two in-country buckets still routes over the global network (catalogue
    # aws-s3-multi-region-access-point): refused unless declared; regional access points are the in-country form.
    Case(
        "eu-platform-s3-mrap-dublin-frankfurt",
        "EU",
        pp.s3_multi_region_access_point(["eu-west-1", "eu-central-1"]),
        {"RES-016"},
    ),
    Case(
        "jp-platform-s3-mrap-tokyo-osaka",
        "JP",
        pp.s3_multi_region_access_point(["ap-northeast-1", "ap-northeast-3"]),
        {"RES-016"},
    ),
    Case(
        "eu-platform-s3-access-points-dublin-frankfurt", "EU", pp.regional_access_points(["eu-west-1", "eu-central-1"])
    ),
    Case(
        "jp-platform-s3-access-points-tokyo-osaka",
        "JP",
        pp.regional_access_points(["ap-northeast-1", "ap-northeast-3"]),
    ),
    Case("eu-platform-replicas-paris-to-frankfurt", "EU", pp.replicas_in_country("eu-west-3", "eu-central-1")),
    Case("cn-platform-replicas-beijing-to-ningxia", "CN", pp.replicas_in_country("cn-north-1", "cn-northwest-1")),
    Case("jp-platform-replicas-tokyo-to-osaka", "JP", pp.replicas_in_country("ap-northeast-1", "ap-northeast-3")),
    Case("eu-platform-aurora-global-dublin-stockholm", "EU", pp.aurora_global_in_country("eu-west-1", "eu-north-1")),
    Case(
        "cn-platform-aurora-global-beijing-ningxia", "CN", pp.aurora_global_in_country("cn-north-1", "cn-northwest-1")
    ),
    Case("eu-platform-cognito-identity-pool", "EU", pp.cognito_identity_pool()),
    Case("cn-platform-cognito-identity-pool", "CN", pp.cognito_identity_pool()),
    Case(
        "cn-platform-ali-oss-replication-shanghai-beijing",
        "CN",
        pp.ali_oss_replication_in_country("cn-shanghai", "cn-beijing"),
    ),
    # Runbook links in descriptions not named `description` (alarm_description, a zone's comment, ASL Comment, Alibaba
    # describe / comment / alert_description / alert annotations) are text for humans; posting to the wiki is not.
    Case("eu-platform-ops-runbook-links", "EU", pp.ops_runbook_links()),
    Case("cn-platform-ops-runbook-links-ningxia", "CN", pp.ops_runbook_links("cn-northwest-1")),
    Case("eu-platform-ops-alarms-notify-wiki-hook", "EU", pp.ops_runbook_links(notify_wiki=True), {"RES-015"}),
    Case("cn-platform-ali-ops-runbook-links", "CN", pp.ali_ops_runbook_links("cn-shanghai")),
    Case(
        "cn-platform-ali-ops-alerts-to-wiki-hook",
        "CN",
        pp.ali_ops_runbook_links("cn-shanghai", webhook_to_wiki=True),
        {"RES-015"},
    ),
    # A status-page link in what the service returns or mails to people is text; redirecting the clients there is not.
    Case("eu-platform-edge-responses-status-links", "EU", pp.edge_responses_with_status_links()),
    Case("jp-platform-edge-responses-status-links-osaka", "JP", pp.edge_responses_with_status_links("ap-northeast-3")),
    Case(
        "eu-platform-edge-redirect-to-status-host",
        "EU",
        pp.edge_responses_with_status_links(redirect_to_status=True),
        {"RES-015"},
    ),
    Case("cn-platform-ali-edge-responses-status-links", "CN", pp.ali_edge_responses_with_status_links("cn-hangzhou")),
    Case(
        "cn-platform-ali-edge-redirect-to-status-host",
        "CN",
        pp.ali_edge_responses_with_status_links("cn-hangzhou", redirect_to_status=True),
        {"RES-015"},
    ),
    Case(
        "eu-ec2-user-data-psql-partner-warehouse",
        "EU",
        aws_gzip_user_data(
            "#!/bin/sh\nPGPASSWORD=$(cat /run/secrets/pg) \\\n"
            "  psql -h warehouse.partner.example.com -U loader -f /opt/fleet/export.sql\n"
        ),
        {"RES-015"},
    ),
    Case(
        "eu-ec2-user-data-psql-own-region-rds",
        "EU",
        aws_gzip_user_data(
            "#!/bin/sh\nPGPASSWORD=$(cat /run/secrets/pg) \\\n"
            "  psql -h fleet.c9akciq32.eu-west-1.rds.amazonaws.com -U loader -f /opt/fleet/export.sql\n"
        ),
    ),
    Case(
        "cn-ecs-command-redis-cli-partner-cache",
        "CN",
        ecs_command_redis_backup("cache.partner.example.com"),
        {"RES-015"},
    ),
    Case("cn-ecs-command-redis-cli-own-tair", "CN", ecs_command_redis_backup(None)),
    Case("cn-ack-node-pool-public-resolver", "CN", ack_node_pool_resolver("8.8.8.8"), {"RES-015"}),
    Case("cn-ack-node-pool-vpc-resolver", "CN", ack_node_pool_resolver("100.100.2.136")),
    Case(
        "eu-launch-template-chrony-partner-ntp",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/chrony.d/fleet.conf\n    content: |\n"
            "      server ntp.partner.example.com iburst\nruncmd:\n  - [systemctl, restart, chronyd]\n"
        ),
        {"RES-015"},
    ),
    Case(
        "eu-launch-template-chrony-amazon-time-sync",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/chrony.d/fleet.conf\n    content: |\n"
            "      server 169.254.169.123 prefer iburst minpoll 4 maxpoll 4\n"
            "runcmd:\n  - [systemctl, restart, chronyd]\n"
        ),
    ),
    Case(
        "eu-sagemaker-lifecycle-pushes-to-partner-registry",
        "EU",
        sagemaker_lifecycle_push("registry.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "eu-sagemaker-lifecycle-pushes-to-own-region-ecr",
        "EU",
        sagemaker_lifecycle_push("123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
    ),
    Case("cn-gtm-monitor-config-unplaced-nodes", "CN", gtm_health_check(False, ["503", "357"]), {"RES-016"}),
    Case("cn-gtm-monitor-config-mainland-node", "CN", gtm_health_check(False, ["503"])),
    Case("cn-gtm-monitor-template-example-nodes", "CN", gtm_health_check(True, ["357", "738"]), {"RES-016"}),
    Case("cn-gtm-monitor-template-mainland-node", "CN", gtm_health_check(True, ["503"])),
    Case("de-efs-replica-to-existing-bare-id", "DE", efs_replica_existing("fs-0f9e8d7c6b5a49382"), {"RES-017"}),
    Case("de-efs-replica-to-own-file-system", "DE", efs_replica_existing(None)),
    Case(
        "de-amp-scraper-writes-to-us-workspace",
        "DE",
        amp_scraper("arn:aws:aps:us-east-1:111122223333:workspace/ws-0a1b2c3d-4e5f"),
        {"RES-004"},
    ),
    Case("de-amp-scraper-partner-targets-own-workspace", "DE", amp_scraper(None)),
    Case("de-alb-connection-logs-central-bucket", "DE", lb_logs_to_central_bucket(False)),
    Case("de-clb-access-logs-central-bucket", "DE", lb_logs_to_central_bucket(True)),
    Case("de-alb-connection-logs-us-load-balancer", "DE", lb_logs_to_central_bucket(False, "us-east-1"), {"RES-003"}),
    Case("de-clb-access-logs-us-load-balancer", "DE", lb_logs_to_central_bucket(True, "us-east-1"), {"RES-003"}),
    Case(
        "de-codebuild-github-token",
        "DE",
        codebuild_source_credential("GITHUB", None),
        {"RES-016"},
    ),
    Case(
        "de-codebuild-self-managed-gitlab-token",
        "DE",
        codebuild_source_credential("GITLAB_SELF_MANAGED", "https://git.fleet.example.de/fleet/firmware.git"),
        destinations=[_GIT_DE],
    ),
    Case("de-apprunner-github-connection", "DE", apprunner_source(True), {"RES-016"}),
    Case("de-apprunner-own-ecr-image", "DE", apprunner_source(False)),
    Case("de-datazone-blueprint-us-parameters", "DE", datazone_blueprint("us-east-1"), {"RES-009"}),
    Case("de-datazone-blueprint-own-region", "DE", datazone_blueprint(None)),
    # curl / wget operands without a scheme (curl: "If you specify URL without protocol:// prefix, curl attempts to
    # guess ... It then defaults to HTTP", https://curl.se/docs/manpage.html#URL), after their documented value options.
    Case(
        "cn-ecs-user-data-curl-upload-without-scheme",
        "CN",
        ali_user_data(
            "#!/bin/sh\nset -e\npg_dump -Fc fleet > /var/backups/fleet.dump\n"
            "curl -fsS --retry 3 -H 'X-Token: t0k3n' -T /var/backups/fleet.dump upload.partner.example.com/in/\n"
        ),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-user-data-curl-own-oss-and-metadata",
        "CN",
        ali_user_data(
            "#!/bin/sh\nset -e\nREGION=$(curl -s 100.100.100.200/latest/meta-data/region-id)\n"
            "curl -fsSLo /tmp/agent.tar.gz https://fleet-artifacts.oss-cn-shanghai.aliyuncs.com/agent/agent.tar.gz\n"
            'tar -xzf /tmp/agent.tar.gz -C /opt && /opt/agent/install.sh --region "$REGION"\n'
        ),
    ),
    Case(
        "eu-launch-template-wget-without-scheme",
        "EU",
        aws_launch_template_user_data(
            "#!/bin/bash\nwget -q --tries=3 -O /opt/fleet/agent.sh downloads.partner.example.com/fleet/agent.sh\n"
            "bash /opt/fleet/agent.sh\n"
        ),
        {"RES-015"},
    ),
    Case(
        "eu-launch-template-wget-own-region-and-metadata",
        "EU",
        aws_launch_template_user_data(
            "#!/bin/bash\nAZ=$(wget -qO- 169.254.169.254/latest/meta-data/placement/availability-zone)\n"
            "wget -q -O /opt/fleet/agent.rpm https://s3.eu-west-1.amazonaws.com/fleet-artifacts-eu/agent.rpm\n"
            "rpm -i /opt/fleet/agent.rpm\n"
        ),
        {"RES-017"},  # a path-style URL's bucket the stack does not make (stop 32; twin: s3url-us-user-data-path-own)
    ),
    # A systemd unit written by cloud-init runs its Exec lines' commands
    # (https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html#ExecStart=).
    Case(
        "eu-launch-template-systemd-unit-partner-db",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/systemd/system/fleet-export.service\n    content: |\n"
            "      [Unit]\n      Description=Nightly fleet export\n      [Service]\n      Type=oneshot\n"
            "      ExecStartPre=/usr/bin/pg_isready -h warehouse.partner.example.com -p 5432\n"
            "      ExecStart=/usr/bin/psql -h warehouse.partner.example.com -U loader -f /opt/fleet/export.sql\n"
            "runcmd:\n  - [systemctl, daemon-reload]\n  - [systemctl, enable, --now, fleet-export.timer]\n"
        ),
        {"RES-015"},
    ),
    Case(
        "eu-launch-template-systemd-unit-own-region-rds",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/systemd/system/fleet-export.service\n    content: |\n"
            "      [Unit]\n      Description=Nightly fleet export\n      [Service]\n      Type=oneshot\n"
            "      ExecStartPre=/usr/bin/pg_isready -h fleet.c9akciq32.eu-west-1.rds.amazonaws.com -p 5432\n"
            "      ExecStart=/usr/bin/psql -h fleet.c9akciq32.eu-west-1.rds.amazonaws.com -U loader -f /opt/x.sql\n"
            "      ExecStartPost=/usr/bin/uvicorn fleet.status:app --host 0.0.0.0 --port 8080\n"
            "runcmd:\n  - [systemctl, daemon-reload]\n  - [systemctl, enable, --now, fleet-export.timer]\n"
        ),
    ),
    # Windows user data: PowerShell's Test-NetConnection [[-ComputerName] <String>] -Port
    # (https://learn.microsoft.com/en-us/powershell/module/nettcpip/test-netconnection).
    Case(
        "eu-launch-template-powershell-test-netconnection-partner-sql",
        "EU",
        aws_launch_template_user_data(
            "<powershell>\n$ok = Test-NetConnection -ComputerName sql.partner.example.com -Port 1433 "
            "-InformationLevel Quiet\nif ($ok) { & C:\\fleet\\sync.ps1 }\n</powershell>\n"
        ),
        {"RES-015"},
    ),
    Case(
        "eu-launch-template-powershell-test-netconnection-own-rds",
        "EU",
        aws_launch_template_user_data(
            "<powershell>\n$ok = Test-NetConnection fleet.c9akciq32.eu-west-1.rds.amazonaws.com -Port 1433 "
            "-InformationLevel Quiet\nif ($ok) { & C:\\fleet\\sync.ps1 }\n</powershell>\n"
        ),
    ),
    # podman push [options] image [destination] (https://docs.podman.io/en/latest/markdown/podman-push.1.html).
    Case(
        "cn-ecs-user-data-podman-push-partner-registry",
        "CN",
        ali_user_data(
            "#!/bin/sh\nset -e\npodman build -t fleet/api:1 /opt/fleet/api\n"
            "podman push --authfile /root/auth.json fleet/api:1 registry.partner.example.com/fleet/api:1\n"
        ),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-user-data-podman-push-own-acr-and-archive",
        "CN",
        ali_user_data(
            "#!/bin/sh\nset -e\npodman build -t fleet/api:1 /opt/fleet/api\n"
            "podman push fleet/api:1 registry-vpc.cn-shanghai.aliyuncs.com/fleet/api:1\n"
            "podman push fleet/api:1 oci-archive:/var/backups/api.tar\n"
        ),
    ),
    # ncat (Nmap's) [options] [hostname] [port] (https://nmap.org/book/ncat-man.html); IPv6 /etc/hosts lines (hosts(5)).
    Case(
        "cn-ecs-user-data-ncat-and-ipv6-hosts-partner",
        "CN",
        ali_user_data(
            "#!/bin/sh\necho '2001:db8:7::10 logs.internal' >> /etc/hosts\n"
            "tail -F /var/log/fleet.log | ncat --ssl -w 5 logs.partner.example.com 6514 &\n"
        ),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-user-data-ncat-and-ipv6-hosts-private",
        "CN",
        ali_user_data(
            "#!/bin/sh\necho 'fd00:10::5 logs.internal' >> /etc/hosts\necho '::1 localhost6' >> /etc/hosts\n"
            "tail -F /var/log/fleet.log | ncat --ssl -w 5 10.0.3.20 6514 &\nncat -lk -p 9000 --sh-exec 'cat' &\n"
        ),
    ),
    # cloud-init write_files "path: Path of the file to which content is decoded and written"
    # (https://cloudinit.readthedocs.io/en/latest/reference/modules.html#write-files): /etc/hosts lines (hosts(5)).
    Case(
        "eu-launch-template-write-files-etc-hosts-partner",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/hosts\n    append: true\n    content: |\n"
            "      10.0.3.17 db.internal\n      198.51.100.24 sftp.partner-exchange.internal\n"
            "runcmd:\n  - [systemctl, restart, fleet-sync]\n"
        ),
        {"RES-015"},
    ),
    Case(
        "eu-launch-template-write-files-etc-hosts-private",
        "EU",
        aws_launch_template_user_data(
            "#cloud-config\nwrite_files:\n  - path: /etc/hosts\n    content: |\n      127.0.0.1 localhost\n"
            "      ::1 localhost ip6-localhost ip6-loopback\n      ff02::1 ip6-allnodes\n      ff02::2 ip6-allrouters\n"
            "      10.0.3.17 db.internal\n      fd00:10::5 api.internal\n"
            "runcmd:\n  - [systemctl, restart, fleet-sync]\n"
        ),
    ),
    # curl --resolve <[+]host:port:addr[,addr]...>: the request for host goes to addr (https://curl.se/docs/manpage.html#--resolve).
    Case(
        "cn-ecs-user-data-curl-resolve-own-oss-to-foreign-address",
        "CN",
        ali_user_data(
            "#!/bin/sh\ncurl -fsS --resolve fleet-backups.oss-cn-shanghai.aliyuncs.com:443:203.0.113.5 "
            "-T /var/backups/fleet.dump https://fleet-backups.oss-cn-shanghai.aliyuncs.com/db/\n"
        ),
        {"RES-015"},
    ),
    Case(
        "cn-ecs-user-data-curl-resolve-own-oss-to-vpc-address",
        "CN",
        ali_user_data(
            "#!/bin/sh\ncurl -fsS --resolve fleet-backups.oss-cn-shanghai-internal.aliyuncs.com:443:100.118.28.1 "
            "-T /var/backups/fleet.dump https://fleet-backups.oss-cn-shanghai-internal.aliyuncs.com/db/\n"
        ),
    ),
    Case("cn-arms-synthetic-task-unplaced-monitor", "CN", arms_synthetic_api_check, {"RES-016"}),
    Case("cn-arms-synthetic-task-declared-monitor", "CN", arms_synthetic_api_check, destinations=[_ARMS_POINTS]),
    Case("cn-cloudsso-accelerated-url-enabled", "CN", cloudsso_accelerated_url("Enabled"), {"RES-016"}),
    Case("cn-cloudsso-accelerated-url-disabled", "CN", cloudsso_accelerated_url("Disabled")),
    Case("cn-hbr-restore-to-partner-bucket", "CN", hbr_oss_restore("partner-orders-restore"), {"RES-017"}),
    Case("cn-hbr-restore-to-own-bucket", "CN", hbr_oss_restore(None)),
    Case("cn-oos-records-to-partner-bucket", "CN", oos_execution_records("partner-ops-archive"), {"RES-017"}),
    Case("cn-oos-records-to-own-bucket", "CN", oos_execution_records(None)),
    Case("cn-acr-custom-bucket-of-partner", "CN", acr_custom_bucket("partner-image-store"), {"RES-017"}),
    Case("cn-acr-custom-bucket-own", "CN", acr_custom_bucket(None)),
    Case(
        "cn-cloud-firewall-dns-to-public-resolvers", "CN", cloud_firewall_private_dns("8.8.8.8", "1.1.1.1"), {"RES-015"}
    ),
    Case("cn-cloud-firewall-dns-to-vpc-resolvers", "CN", cloud_firewall_private_dns("100.100.2.136", "100.100.2.138")),
    Case("cn-wuying-ad-public-dns", "CN", wuying_ad_office_site("203.0.113.53"), {"RES-015"}),
    Case("cn-wuying-ad-private-dns", "CN", wuying_ad_office_site("10.20.0.10")),
    Case("cn-ack-kubelet-public-cluster-dns", "CN", ack_kubelet_cluster_dns("8.8.8.8"), {"RES-015"}),
    Case("cn-ack-kubelet-kube-dns-service", "CN", ack_kubelet_cluster_dns("192.168.0.10")),
    Case("cn-eci-host-alias-public-ingest", "CN", eci_host_alias("203.0.113.9"), {"RES-015"}),
    Case("cn-eci-host-alias-vpc-ingest", "CN", eci_host_alias("10.20.0.8")),
    Case("cn-cloud-phone-proxy-partner", "CN", cloud_phone_proxy("198.51.100.20"), {"RES-015"}),
    Case("cn-cloud-phone-proxy-in-vpc", "CN", cloud_phone_proxy("10.20.0.30")),
    Case("cn-flink-workspace-partner-bucket", "CN", flink_workspace("partner-flink-state"), {"RES-017"}),
    Case("cn-flink-workspace-own-bucket", "CN", flink_workspace(None)),
    # Its compliant twin is cn-arms-synthetic-task-declared-monitor (the same declared point, no custom host).
    Case(
        "cn-arms-synthetic-task-custom-host-partner-ip",
        "CN",
        arms_synthetic_custom_host,
        {"RES-015"},
        destinations=[_ARMS_POINTS],
    ),
    Case("eu-agentcore-gateway-openai-connector", "EU", gateway_inference_target("openai"), {"RES-016"}),
    Case("eu-agentcore-gateway-anthropic-connector", "EU", gateway_inference_target("anthropic"), {"RES-016"}),
    Case("eu-agentcore-gateway-bedrock-runtime-provider", "EU", gateway_inference_target(None)),
    Case("de-efs-replica-new-file-system-region-unstated", "DE", efs_replica_new(None), {"RES-016"}),
    Case("de-efs-replica-new-file-system-in-frankfurt", "DE", efs_replica_new("eu-central-1")),
    Case("de-efs-replica-new-file-system-in-zurich", "DE", efs_replica_new("eu-central-2"), {"RES-009"}),
    Case("cn-efs-replica-new-file-system-region-unstated", "CN", efs_replica_new(None)),
    Case(
        "eu-secure-browser-url-filters",
        "EU",
        secure_browser_policy(
            {
                "URLBlocklist": {"value": ["*", "https://www.tiktok.com", "facebook.com"]},
                "URLAllowlist": {"value": ["https://portal.fleet.example.eu", "[*.]service.fleet.example.eu"]},
            }
        ),
    ),
    Case(
        "eu-secure-browser-partner-home-page",
        "EU",
        secure_browser_policy({"HomepageLocation": {"value": "https://parts.partner.example.com/catalogue"}}),
        {"RES-015"},
    ),
    # -- stop 29, false-alarm hunt: owner data, ML/analytics, IoT, CI/CD, observability, DR (platform_programs_ops) ----
    Case("eu-platform-ops-owner-export-frankfurt", "EU", po.owner_export_service("eu-central-1")),
    Case("jp-platform-ops-owner-export", "JP", po.owner_export_service(zone="fleet.example.jp")),
    Case("us-platform-ops-owner-export-oregon", "US", po.owner_export_service("us-west-2", "fleet.example.com")),
    Case("de-platform-ops-owner-export", "DE", po.owner_export_service(zone="fleet.example.de")),
    # A record with a computed name and a written target: the guard judges the target once the name is known.
    Case(
        "eu-platform-ops-owner-export-dkim-rotation-selector",
        "EU",
        po.owner_export_service("eu-central-1", rotation_selector=True),
    ),
    # SES's feedback host names its region (amazonses.com catalogued): the US region's MX pasted in an EU stack is not.
    Case(
        "eu-platform-ops-owner-export-mail-from-virginia",
        "EU",
        po.owner_export_service("eu-central-1", mail_from_region="us-east-1"),
        {"RES-006"},
    ),
    # Only a CNAME under _domainkey delegates a key: a bounce host handed to an outside e-mail service is judged.
    Case(
        "eu-platform-ops-owner-export-bounces-cname-to-esp",
        "EU",
        po.owner_export_service("eu-central-1", bounce_cname="bounces.mail-relay.example.com"),
        {"RES-015"},
    ),
    Case("eu-platform-ops-sagemaker-pipeline-dublin", "EU", po.sagemaker_pipeline("eu-west-1")),
    Case("de-platform-ops-sagemaker-pipeline", "DE", po.sagemaker_pipeline("eu-central-1")),
    Case("cn-platform-ops-sagemaker-pipeline", "CN", po.sagemaker_pipeline("cn-north-1")),
    Case("jp-platform-ops-sagemaker-pipeline", "JP", po.sagemaker_pipeline("ap-northeast-1")),
    Case("eu-platform-ops-emr-spark", "EU", po.emr_spark_jobs()),
    Case("cn-platform-ops-emr-spark-ningxia", "CN", po.emr_spark_jobs("cn-northwest-1")),
    Case("us-platform-ops-emr-spark", "US", po.emr_spark_jobs()),
    Case("eu-platform-ops-glue-jobs-connection-paris", "EU", po.glue_jobs_with_connection("eu-west-3")),
    Case("cn-platform-ops-glue-jobs-connection", "CN", po.glue_jobs_with_connection()),
    Case("de-platform-ops-glue-jobs-connection", "DE", po.glue_jobs_with_connection()),
    Case("jp-platform-ops-flink-kinesis", "JP", po.flink_on_kinesis()),
    Case("cn-platform-ops-flink-kinesis-ningxia", "CN", po.flink_on_kinesis("cn-northwest-1")),
    Case("eu-platform-ops-iot-rule-actions-frankfurt", "EU", po.iot_rule_actions("eu-central-1")),
    Case("cn-platform-ops-iot-rule-actions", "CN", po.iot_rule_actions()),
    Case("jp-platform-ops-iot-rule-actions", "JP", po.iot_rule_actions()),
    Case("us-platform-ops-iot-rule-actions-oregon", "US", po.iot_rule_actions("us-west-2")),
    Case("eu-platform-ops-iot-fleet-provisioning", "EU", po.iot_fleet_provisioning()),
    Case("cn-platform-ops-iot-fleet-provisioning-ningxia", "CN", po.iot_fleet_provisioning("cn-northwest-1")),
    Case("eu-platform-ops-codepipeline-ecs-stockholm", "EU", po.codepipeline_to_ecs("eu-north-1")),
    Case("jp-platform-ops-codepipeline-ecs", "JP", po.codepipeline_to_ecs()),
    Case("us-platform-ops-codepipeline-ecs", "US", po.codepipeline_to_ecs()),
    Case("cn-platform-ops-codebuild-own-ecr", "CN", po.codebuild_from_own_ecr()),
    Case("de-platform-ops-codebuild-own-ecr", "DE", po.codebuild_from_own_ecr()),
    Case("eu-platform-ops-dashboards-tracing-frankfurt", "EU", po.dashboards_and_tracing("eu-central-1")),
    Case("jp-platform-ops-dashboards-tracing", "JP", po.dashboards_and_tracing()),
    Case("us-platform-ops-dashboards-tracing", "US", po.dashboards_and_tracing()),
    Case("cn-platform-ops-dashboards-tracing", "CN", po.dashboards_and_tracing(grafana=False)),
    Case("eu-platform-ops-backup-governance-frankfurt-paris", "EU", po.backup_governance("eu-central-1", "eu-west-3")),
    Case("cn-platform-ops-backup-governance-ningxia", "CN", po.backup_governance("cn-north-1", "cn-northwest-1")),
    Case("jp-platform-ops-backup-governance-osaka", "JP", po.backup_governance("ap-northeast-1", "ap-northeast-3")),
    Case("eu-platform-ops-rds-replica-paris-frankfurt", "EU", po.rds_cross_region_replica("eu-west-3", "eu-central-1")),
    Case("cn-platform-ops-rds-replica-ningxia", "CN", po.rds_cross_region_replica("cn-north-1", "cn-northwest-1")),
    Case("jp-platform-ops-rds-replica-osaka", "JP", po.rds_cross_region_replica("ap-northeast-1", "ap-northeast-3")),
    Case("us-platform-ops-rds-replica-oregon", "US", po.rds_cross_region_replica("us-east-1", "us-west-2")),
    Case("eu-platform-ops-dealer-sftp-pipes", "EU", po.dealer_sftp_and_pipes()),
    Case("de-platform-ops-dealer-sftp-pipes", "DE", po.dealer_sftp_and_pipes()),
    Case("cn-platform-ops-dealer-sftp-pipes", "CN", po.dealer_sftp_and_pipes()),
    Case("cn-platform-ops-ali-owner-mail-api-hangzhou", "CN", po.ali_owner_mail_and_api("cn-hangzhou")),
    Case(
        "cn-platform-ops-ali-owner-mail-mx-undeclared",
        "CN",
        po.ali_owner_mail_and_api("cn-hangzhou", mx=True),
        {"RES-016"},
    ),
    Case(
        "cn-platform-ops-ali-owner-mail-mx-declared",
        "CN",
        po.ali_owner_mail_and_api("cn-hangzhou", mx=True),
        destinations=[_DIRECTMAIL_MX],
    ),
    Case("cn-platform-ops-ali-data-platform-shanghai", "CN", po.ali_data_platform("cn-shanghai")),
    Case("cn-platform-ops-ali-data-platform-beijing", "CN", po.ali_data_platform("cn-beijing")),
    Case("cn-platform-ops-ali-cr-ee-sync-shanghai-beijing", "CN", po.ali_cr_ee_sync("cn-shanghai", "cn-beijing")),
    Case("cn-platform-ops-ali-observability-shenzhen", "CN", po.ali_observability("cn-shenzhen")),
    Case("cn-platform-ops-ali-dr-hangzhou-shenzhen", "CN", po.ali_dr_in_mainland("cn-hangzhou", "cn-shenzhen")),
    Case("cn-platform-ops-ali-dts-shanghai-beijing", "CN", po.ali_dts_sync("cn-shanghai", "cn-beijing")),
    Case("eu-platform-ops-ses-inbound-dublin", "EU", po.ses_tracking_and_inbound("eu-west-1")),
    Case("us-platform-ops-ses-inbound-oregon", "US", po.ses_tracking_and_inbound("us-west-2", "fleet.example.com")),
    # SES's tracking host r.<region>.awstrack.me: no document found says it is served in the region it names.
    Case(
        "eu-platform-ops-ses-custom-tracking-domain",
        "EU",
        po.ses_tracking_and_inbound("eu-west-1", custom_tracking=True),
        {"RES-015"},
    ),
    Case("eu-platform-ops-cognito-signup-mail-portal-undeclared", "EU", po.cognito_owner_signup_mail(), {"RES-015"}),
    Case(
        "eu-platform-ops-cognito-signup-mail-portal-declared",
        "EU",
        po.cognito_owner_signup_mail(),
        destinations=[_OWNER_PORTAL_EU],
    ),
    Case(
        "jp-platform-ops-cognito-signup-mail-portal-declared",
        "JP",
        po.cognito_owner_signup_mail(zone="fleet.example.jp"),
        destinations=[{**_OWNER_PORTAL_EU, "match": "owners.fleet.example.jp"}],
    ),
    Case("eu-platform-ops-rum-log-protection", "EU", po.rum_and_log_protection(["eu-west-1", "eu-central-1"])),
    Case("de-platform-ops-rum-log-protection", "DE", po.rum_and_log_protection(["eu-central-1"], "fleet.example.de")),
    Case("cn-platform-ops-datasync-beijing-ningxia", "CN", po.datasync_in_country("cn-north-1", "cn-northwest-1")),
    Case("eu-platform-ops-datasync-frankfurt-paris", "EU", po.datasync_in_country("eu-central-1", "eu-west-3")),
    Case("cn-platform-ops-ali-pai-eas-events-shanghai", "CN", po.ali_pai_eas_and_events("cn-shanghai")),
    Case("eu-platform-ops-iot-kafka-opensearch-frankfurt", "EU", po.iot_rule_kafka_opensearch("eu-central-1")),
    Case("cn-platform-ops-iot-kafka-opensearch", "CN", po.iot_rule_kafka_opensearch()),
    Case("jp-platform-ops-iot-kafka-opensearch", "JP", po.iot_rule_kafka_opensearch()),
    Case("eu-platform-ops-api-destination-own-api", "EU", po.api_destination_to_own_api()),
    Case("us-platform-ops-api-destination-own-api-oregon", "US", po.api_destination_to_own_api("us-west-2")),
    Case("eu-platform-ops-stackset-eu-regions", "EU", po.stackset_in_country("eu-west-1", ["eu-west-1", "eu-north-1"])),
    Case("jp-platform-ops-stackset-tokyo-osaka", "JP", po.stackset_in_country("ap-northeast-1", ["ap-northeast-3"])),
    Case("cn-platform-ops-stackset-china", "CN", po.stackset_in_country("cn-north-1", ["cn-northwest-1"])),
    Case("cn-platform-ops-ali-sls-transform-shanghai-beijing", "CN", po.ali_sls_transform("cn-shanghai", "cn-beijing")),
    Case("cn-platform-ops-ali-ros-stack-shenzhen", "CN", po.ali_ros_stack("cn-shenzhen")),
    Case("cn-platform-ops-ali-copies-in-region-hangzhou", "CN", po.ali_copies_in_region("cn-hangzhou")),
    Case("cn-platform-ops-ali-copies-in-region-shenzhen", "CN", po.ali_copies_in_region("cn-shenzhen")),
    Case("eu-platform-ops-sagemaker-studio-frankfurt", "EU", po.sagemaker_studio_domain("eu-central-1")),
    Case("cn-platform-ops-sagemaker-studio-ningxia", "CN", po.sagemaker_studio_domain("cn-northwest-1")),
    Case("jp-platform-ops-sagemaker-studio", "JP", po.sagemaker_studio_domain("ap-northeast-1")),
    Case(
        "eu-platform-ops-sagemaker-studio-partner-index",
        "EU",
        po.sagemaker_studio_domain("eu-central-1", index_url="https://pypi.partner.example.com/simple/"),
        {"RES-015"},
    ),
    Case(
        "eu-platform-ops-stackset-instance-virginia",
        "EU",
        po.stackset_in_country("eu-west-1", ["eu-west-1", "us-east-1"]),
        {"RES-009"},
    ),
    Case(
        "cn-platform-ops-ali-sls-transform-to-hong-kong",
        "CN",
        po.ali_sls_transform("cn-shanghai", "cn-beijing", sink_region="cn-hongkong"),
        {"RES-006"},
    ),
    # Alibaba CN red team, stop 30: an EventBridge rule texting events abroad, Message Center and Resource Directory
    # contacts abroad.
    Case("cn-eventbridge-sms-to-mainland-numbers", "CN", uj40.eventbridge_sms("+8613800138000,+8613900139000")),
    Case(
        "cn-eventbridge-sms-to-hong-kong-number", "CN", uj40.eventbridge_sms("+8613800138000,+85251234567"), {"RES-022"}
    ),
    Case(
        "cn-msc-contact-mainland-number-declared-mail",
        "CN",
        msc_contact("+8613800138000", "secops@mail.example.cn"),
        destinations=[_OPS_MAIL],
    ),
    Case(
        "cn-msc-contact-hong-kong-number",
        "CN",
        msc_contact("+85251234567", "secops@mail.example.cn"),
        {"RES-022"},
        destinations=[_OPS_MAIL],
    ),
    Case(
        "cn-msc-contact-undeclared-mail", "CN", msc_contact("+8613800138000", "secops@partner.example.com"), {"RES-015"}
    ),
    Case(
        "cn-rd-message-contact-declared-mail",
        "CN",
        rd_message_contact("finance@mail.example.cn"),
        destinations=[_OPS_MAIL],
    ),
    Case("cn-rd-message-contact-undeclared-mail", "CN", rd_message_contact("finance@partner.example.com"), {"RES-015"}),
    # An OceanBase standby joined to a primary by id: proven by provenance or `primary_region`.
    Case("cn-oceanbase-standby-of-own-primary", "CN", oceanbase_standby(None)),
    Case("cn-oceanbase-standby-primary-in-beijing", "CN", oceanbase_standby("ob4ic8r6zxyz", "cn-beijing")),
    Case("cn-oceanbase-standby-of-unplaced-primary", "CN", oceanbase_standby("ob4ic8r6zxyz"), {"RES-017"}),
    # A CDN domain's conditional origin (origin_dns_host) or S3 authentication bucket origin, set as feature arguments.
    Case(
        "cn-cdn-conditional-origin-own-oss",
        "CN",
        cdn_feature("origin_dns_host", {"ali_origin_dns_host": "fleet-api.oss-cn-shanghai.aliyuncs.com"}),
    ),
    Case(
        "cn-cdn-conditional-origin-partner-host",
        "CN",
        cdn_feature("origin_dns_host", {"ali_origin_dns_host": "api.partner.example.com"}),
        {"RES-015"},
    ),
    Case("cn-cdn-s3-origin-ningxia", "CN", cdn_feature("aws_s3_bucket", {"enabled": "l2", "region": "cn-northwest-1"})),
    Case(
        "cn-cdn-s3-origin-ohio",
        "CN",
        cdn_feature("aws_s3_bucket", {"enabled": "l2", "region": "us-east-2"}),
        {"RES-009"},
    ),
    # AWS red team, stop 30: US Local Zones and Wavelength Zones read from AWS's own tables (EC2 User Guide metro
    # areas, Wavelength guide), and a Local Zone of the same parent region outside the US (Buenos Aires).
    Case("us-subnet-in-denver-local-zone", "US", local_zone_subnet("us-west-2-den-1a")),
    Case("us-subnet-in-new-york-local-zone", "US", local_zone_subnet("us-east-1-nyc-1a")),
    Case("us-subnet-in-boston-wavelength-zone", "US", local_zone_subnet("us-east-1-wl1-bos-wlz-1")),
    Case("us-subnet-in-buenos-aires-local-zone", "US", local_zone_subnet("us-east-1-bue-1a"), {"RES-008"}),
    # Oracle Database@AWS: the maintenance contacts handed to Oracle are mail destinations, like alert contacts.
    Case(
        "eu-exadata-oracle-contacts-declared-mail",
        "EU",
        exadata_with_oracle_contacts("dba@mail.example.eu"),
        destinations=[_EU_MAIL],
    ),
    Case(
        "eu-exadata-oracle-contacts-undeclared-mail",
        "EU",
        exadata_with_oracle_contacts("dba@partner.example.com"),
        {"RES-015"},
    ),
    # Security Hub V2 tickets in a third-party ITSM: no input places the Jira site; a declaration accepts it.
    Case("eu-security-findings-to-jira-cloud", "EU", security_findings_to_jira(), {"RES-016"}),
    Case(
        "eu-security-findings-to-jira-cloud-declared",
        "EU",
        security_findings_to_jira(),
        destinations=[
            {
                "id": "jira-eu",
                "kind": "resident",
                "match": "aws:securityhub/connectorV2:ConnectorV2",
                "evidence": "Jira Cloud site pinned to the EU data residency realm, Atlassian admin ticket 42",
            }
        ],
    ),
    # Shield Advanced's response team mails and calls the contacts: judged like other alert contacts.
    Case(
        "eu-shield-srt-contacts-in-country",
        "EU",
        shield_srt_contacts("soc@mail.example.eu", "+4930901820"),
        destinations=[_EU_MAIL],
    ),
    Case(
        "eu-shield-srt-contacts-us-phone",
        "EU",
        shield_srt_contacts("soc@mail.example.eu", "+12015550123"),
        {"RES-022"},
        destinations=[_EU_MAIL],
    ),
    Case(
        "eu-budget-action-mail-declared", "EU", budget_action_alerts("finance@mail.example.eu"), destinations=[_EU_MAIL]
    ),
    Case("eu-budget-action-mail-undeclared", "EU", budget_action_alerts("finance@partner.example.com"), {"RES-015"}),
    # Lightsail DNS records, like Route 53's, send the domain's clients to their target.
    Case("us-lightsail-dns-to-own-static-ip", "US", lightsail_dns("A", None)),
    Case("us-lightsail-dns-txt-verification", "US", lightsail_dns("TXT", '"v=spf1 include:amazonses.com ~all"')),
    Case("us-lightsail-dns-cname-to-partner", "US", lightsail_dns("CNAME", "shop.partner.example.com"), {"RES-015"}),
    # ActiveMQ brokers authenticate their users against the LDAP hosts.
    Case(
        "eu-activemq-ldap-declared-directory",
        "EU",
        activemq_ldap_broker("ldap.corp.example.eu"),
        destinations=[
            {"id": "eu-ldap", "kind": "resident", "match": "ldap.corp.example.eu", "evidence": "Own AD, Frankfurt DC"}
        ],
    ),
    Case("eu-activemq-ldap-partner-directory", "EU", activemq_ldap_broker("ldap.partner.example.com"), {"RES-015"}),
    # AppStream persistent storage: home folders stay in the region's S3; Google Drive and OneDrive do not.
    Case("eu-appstream-home-folders", "EU", appstream_stack_storage("HOMEFOLDERS")),
    Case("eu-appstream-google-drive", "EU", appstream_stack_storage("GOOGLE_DRIVE"), {"RES-016"}),
    # Cloud WAN Connect peers, like Transit Gateway's: the appliance's address is where the tunnel goes.
    Case("eu-cloud-wan-sdwan-peer-private", "EU", cloud_wan_sdwan_peer("10.40.0.10")),
    Case("eu-cloud-wan-sdwan-peer-public", "EU", cloud_wan_sdwan_peer("203.0.113.40"), {"RES-015"}),
    # QuickSight's VPC connection resolvers receive the data sources' names.
    Case("eu-quicksight-vpc-resolver-in-vpc", "EU", quicksight_vpc_connection("10.20.0.2")),
    Case("eu-quicksight-vpc-public-resolver", "EU", quicksight_vpc_connection("8.8.8.8"), {"RES-015"}),
    # A Cloud WAN attachment's edge is the Region its traffic enters the core network at.
    Case("de-cloud-wan-connect-at-frankfurt-edge", "DE", cloud_wan_vpc_connect("eu-central-1")),
    Case("de-cloud-wan-connect-at-virginia-edge", "DE", cloud_wan_vpc_connect("us-east-1"), {"RES-009"}),
    # stop 30: ordinary programs for the markets outside CN (tests/platform_programs_markets.py)
    Case("jp-platform-markets-bedrock-assistant", "JP", pm.bedrock_owner_assistant()),
    Case("us-platform-markets-bedrock-assistant-oregon", "US", pm.bedrock_owner_assistant("us-west-2")),
    Case("de-platform-markets-bedrock-assistant", "DE", pm.bedrock_owner_assistant()),
    Case("jp-platform-markets-sagemaker-endpoint", "JP", pm.sagemaker_realtime_endpoint("ap-northeast-1")),
    Case("us-platform-markets-sagemaker-endpoint-ohio", "US", pm.sagemaker_realtime_endpoint("us-east-2")),
    Case("de-platform-markets-sagemaker-endpoint", "DE", pm.sagemaker_realtime_endpoint("eu-central-1")),
    Case("jp-platform-markets-cognito-hosted-login", "JP", pm.cognito_hosted_login()),
    Case("us-platform-markets-cognito-hosted-login-california", "US", pm.cognito_hosted_login("us-west-1")),
    Case("de-platform-markets-cognito-hosted-login", "DE", pm.cognito_hosted_login()),
    Case(
        "jp-platform-markets-cognito-login-group-pool-virginia",
        "JP",
        pm.cognito_hosted_login(group_pool="https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Gr0upP00l"),
        {"RES-006"},
    ),
    Case("jp-platform-markets-app-runner-osaka", "JP", pm.app_runner_owner_api("ap-northeast-3")),
    Case("us-platform-markets-app-runner", "US", pm.app_runner_owner_api()),
    Case("jp-platform-markets-msk-connect-s3", "JP", pm.msk_connect_to_s3()),
    Case("us-platform-markets-msk-connect-s3-ohio", "US", pm.msk_connect_to_s3("us-east-2")),
    Case("de-platform-markets-msk-connect-s3", "DE", pm.msk_connect_to_s3()),
    Case("jp-platform-markets-iot-jobs-dashcam", "JP", pm.iot_jobs_and_dashcam_video()),
    Case("us-platform-markets-iot-jobs-dashcam-oregon", "US", pm.iot_jobs_and_dashcam_video("us-west-2")),
    Case("de-platform-markets-iot-jobs-dashcam", "DE", pm.iot_jobs_and_dashcam_video()),
    Case("jp-platform-markets-lake-formation-athena", "JP", pm.lake_formation_athena()),
    Case("us-platform-markets-lake-formation-athena", "US", pm.lake_formation_athena()),
    Case("de-platform-markets-lake-formation-athena", "DE", pm.lake_formation_athena()),
    Case(
        "us-platform-markets-redshift-copy-virginia-oregon", "US", pm.redshift_snapshot_copy("us-east-1", "us-west-2")
    ),
    Case(
        "jp-platform-markets-redshift-copy-tokyo-osaka",
        "JP",
        pm.redshift_snapshot_copy("ap-northeast-1", "ap-northeast-3"),
    ),
    Case("jp-platform-markets-emr-serverless-studio", "JP", pm.emr_serverless_studio()),
    Case("us-platform-markets-emr-serverless-studio-ohio", "US", pm.emr_serverless_studio("us-east-2")),
    Case("de-platform-markets-emr-serverless-studio", "DE", pm.emr_serverless_studio()),
    Case(
        "jp-platform-markets-mrk-tables-tokyo-osaka",
        "JP",
        pm.multi_region_keys_and_tables("ap-northeast-1", "ap-northeast-3"),
    ),
    Case(
        "us-platform-markets-mrk-tables-virginia-oregon",
        "US",
        pm.multi_region_keys_and_tables("us-east-1", "us-west-2"),
    ),
    Case(
        "jp-platform-markets-failover-tokyo-osaka",
        "JP",
        pm.route53_failover("ap-northeast-1", "ap-northeast-3", "fleet.example.jp"),
    ),
    Case(
        "us-platform-markets-failover-virginia-oregon",
        "US",
        pm.route53_failover("us-east-1", "us-west-2", "fleet.example.com", ["us-east-1", "us-west-1", "us-west-2"]),
    ),
    Case("jp-platform-markets-endpoint-policies", "JP", pm.endpoints_with_policies()),
    Case("us-platform-markets-endpoint-policies-oregon", "US", pm.endpoints_with_policies("us-west-2")),
    Case("de-platform-markets-endpoint-policies", "DE", pm.endpoints_with_policies()),
    Case("jp-platform-markets-waf-logging", "JP", pm.waf_with_logging(countries=["JP"])),
    Case("us-platform-markets-waf-logging-owners-abroad", "US", pm.waf_with_logging(countries=["US", "CA", "MX"])),
    Case("de-platform-markets-waf-logging", "DE", pm.waf_with_logging()),
    Case("jp-platform-markets-codeartifact-codedeploy", "JP", pm.codeartifact_codedeploy()),
    Case("us-platform-markets-codeartifact-codedeploy-oregon", "US", pm.codeartifact_codedeploy("us-west-2")),
    Case(
        "jp-platform-markets-metric-stream-dashboard",
        "JP",
        pm.metric_stream_and_dashboard("ap-northeast-1", "ap-northeast-3"),
    ),
    Case("us-platform-markets-metric-stream-dashboard", "US", pm.metric_stream_and_dashboard("us-east-1", "us-west-2")),
    Case(
        "us-platform-markets-storage-lens",
        "US",
        pm.storage_lens_in_country("us-east-1", ["us-east-1", "us-east-2", "us-west-2"]),
    ),
    Case(
        "jp-platform-markets-storage-lens",
        "JP",
        pm.storage_lens_in_country("ap-northeast-1", ["ap-northeast-1", "ap-northeast-3"]),
    ),
    Case("de-platform-markets-sovereign-cloud-owner-data", "DE", pm.sovereign_cloud_owner_data()),
    Case(
        "jp-platform-markets-toolkit-storage-tokyo-osaka",
        "JP",
        pm.toolkit_storage("JP", "ap-northeast-1", "ap-northeast-3"),
    ),
    Case(
        "us-platform-markets-toolkit-storage-virginia-oregon", "US", pm.toolkit_storage("US", "us-east-1", "us-west-2")
    ),
    Case("de-platform-markets-toolkit-storage", "DE", pm.toolkit_storage("DE", "eu-central-1", None)),
    Case("de-platform-markets-ali-toolkit-storage-oss", "DE", pm.ali_toolkit_storage("DE", "eu-central-1")),
    Case("us-platform-markets-ali-toolkit-storage-oss", "US", pm.ali_toolkit_storage("US", "us-west-1")),
    Case("jp-platform-markets-ali-owner-service-oss", "JP", pm.ali_owner_service("ap-northeast-1")),
    Case("us-platform-markets-ali-owner-service-oss-virginia", "US", pm.ali_owner_service("us-east-1")),
    Case("de-platform-markets-ali-owner-service-oss", "DE", pm.ali_owner_service("eu-central-1")),
    Case("jp-platform-markets-ali-kafka-sls", "JP", pm.ali_telemetry_kafka_sls("ap-northeast-1")),
    Case("us-platform-markets-ali-kafka-sls-silicon-valley", "US", pm.ali_telemetry_kafka_sls("us-west-1")),
    Case("de-platform-markets-ali-kafka-sls", "DE", pm.ali_telemetry_kafka_sls("eu-central-1")),
    Case("us-platform-markets-ali-oss-dr-virginia-silicon-valley", "US", pm.ali_dr_between("us-east-1", "us-west-1")),
    Case("jp-platform-markets-ali-cms-alarm-mns", "JP", pm.ali_alarms_to_mns("ap-northeast-1")),
    Case("de-platform-markets-ali-cms-alarm-mns", "DE", pm.ali_alarms_to_mns("eu-central-1")),
    Case("eu-platform-markets-vendor-scc-undeclared", "EU", pm.vendor_diagnostics_export(), {"RES-015"}),
    Case("eu-platform-markets-vendor-scc-declared", "EU", pm.vendor_diagnostics_export(), destinations=[pm.VENDOR_SCC]),
    Case(
        "eu-platform-markets-vendor-scc-outside-its-resources",
        "EU",
        pm.vendor_diagnostics_export(stray=True),
        {"RES-019"},
        destinations=[pm.VENDOR_SCC],
    ),
    Case("jp-platform-markets-dealer-onprem-undeclared", "JP", pm.dealer_onprem_link(), {"RES-015"}),
    Case("jp-platform-markets-dealer-onprem-declared", "JP", pm.dealer_onprem_link(), destinations=pm.DEALER_DC),
    Case("de-platform-markets-partner-japan-undeclared", "DE", pm.partner_events_to_japan(), {"RES-015"}),
    Case(
        "de-platform-markets-partner-japan-adequacy",
        "DE",
        pm.partner_events_to_japan(),
        destinations=[pm.JP_PARTNER_ADEQUACY],
    ),
    Case(
        "cn-platform-markets-supplier-standard-contract", "CN", pm.cn_supplier_quality_export(), destinations=[_PARTNER]
    ),
    Case("us-platform-markets-bedrock-agent-us-profile", "US", pm.bedrock_service_agent(profile="us." + pm.CHAT_MODEL)),
    Case("jp-platform-markets-bedrock-agent-jp-profile", "JP", pm.bedrock_service_agent(profile="jp." + pm.CHAT_MODEL)),
    Case("de-platform-markets-bedrock-agent", "DE", pm.bedrock_service_agent()),
    Case(
        "de-platform-markets-bedrock-agent-eu-profile",
        "DE",
        pm.bedrock_service_agent(profile="eu." + pm.CHAT_MODEL),
        {"RES-016"},
    ),
    Case("us-platform-markets-s3-express-tables", "US", pm.s3_express_and_tables("us-east-1", "use1-az4")),
    Case("jp-platform-markets-s3-express-tables", "JP", pm.s3_express_and_tables("ap-northeast-1", "apne1-az4")),
    Case(
        "us-platform-markets-owner-sms", "US", pm.owner_sms_alerts(None, ["+1 206 266 1000", "+17875551234"], "FLEET")
    ),
    Case("jp-platform-markets-owner-sms", "JP", pm.owner_sms_alerts(None, ["+81 3 6367 4000"], "FLEET")),
    Case(
        "us-platform-markets-owner-sms-canada",
        "US",
        pm.owner_sms_alerts(None, ["+1 416 555 0199"], "FLEET"),
        {"RES-022"},
    ),
    Case("jp-platform-markets-vehicle-tracker", "JP", pm.vehicle_tracker_geofences()),
    Case("us-platform-markets-vehicle-tracker-oregon", "US", pm.vehicle_tracker_geofences("us-west-2")),
    Case("de-platform-markets-vehicle-tracker", "DE", pm.vehicle_tracker_geofences()),
    Case(
        "us-platform-markets-security-governance", "US", pm.security_governance("us-east-1", ["us-east-2", "us-west-2"])
    ),
    Case("jp-platform-markets-security-governance", "JP", pm.security_governance("ap-northeast-1", ["ap-northeast-3"])),
    Case(
        "de-platform-markets-security-governance-sovereign",
        "DE",
        pm.security_governance("eu-central-1", ["eusc-de-east-1"]),
    ),
    Case(
        "jp-platform-markets-private-dns-tokyo-osaka",
        "JP",
        pm.private_dns_across_regions("ap-northeast-1", "ap-northeast-3"),
    ),
    Case(
        "us-platform-markets-private-dns-virginia-oregon", "US", pm.private_dns_across_regions("us-east-1", "us-west-2")
    ),
    Case("jp-platform-markets-private-ca-crl", "JP", pm.private_ca_with_crl()),
    Case("de-platform-markets-private-ca-crl", "DE", pm.private_ca_with_crl()),
    Case("us-platform-markets-managed-data-stores", "US", pm.managed_data_stores()),
    Case("jp-platform-markets-managed-data-stores-osaka", "JP", pm.managed_data_stores("ap-northeast-3")),
    Case("de-platform-markets-managed-data-stores", "DE", pm.managed_data_stores()),
    Case("jp-platform-markets-ali-dns-events", "JP", pm.ali_dns_and_events("ap-northeast-1", "fleet-example.jp")),
    Case("de-platform-markets-ali-dns-events", "DE", pm.ali_dns_and_events("eu-central-1", "fleet-example.de")),
    Case("us-platform-markets-ali-polardb-gdn", "US", pm.ali_polardb_gdn("us-east-1", "us-west-1")),
    Case("jp-platform-markets-served-names-origins", "JP", pm.served_names_and_origins()),
    Case(
        "us-platform-markets-served-names-origins-ohio",
        "US",
        pm.served_names_and_origins("us-east-2", "fleet.example.com"),
    ),
    Case("de-platform-markets-served-names-origins", "DE", pm.served_names_and_origins(zone="fleet.example.de")),
    Case(
        "jp-platform-markets-redirect-to-portal-undeclared",
        "JP",
        pm.served_names_and_origins(redirect_bare=True),
        {"RES-015"},
    ),
    Case(
        "jp-platform-markets-redirect-to-portal-declared",
        "JP",
        pm.served_names_and_origins(redirect_bare=True),
        destinations=[pm.OWN_PORTAL_JP],
    ),
    Case(
        "jp-platform-markets-ali-served-names-origins",
        "JP",
        pm.ali_served_names_and_origins("ap-northeast-1", "fleet-example.jp"),
    ),
    Case(
        "us-platform-markets-ali-served-names-origins",
        "US",
        pm.ali_served_names_and_origins("us-west-1", "fleet-example.com"),
    ),
    Case("jp-platform-markets-dr-runbook-tokyo-osaka", "JP", pm.dr_state_machine("ap-northeast-1", "ap-northeast-3")),
    Case("us-platform-markets-dr-runbook-virginia-oregon", "US", pm.dr_state_machine("us-east-1", "us-west-2")),
    Case("jp-platform-markets-logs-to-osaka", "JP", pm.logs_to_dr_destination("ap-northeast-1", "ap-northeast-3")),
    Case("us-platform-markets-logs-to-oregon", "US", pm.logs_to_dr_destination("us-east-1", "us-west-2")),
    Case(
        "jp-platform-markets-search-tokyo-osaka", "JP", pm.opensearch_cross_cluster("ap-northeast-1", "ap-northeast-3")
    ),
    Case("us-platform-markets-search-ohio-oregon", "US", pm.opensearch_cross_cluster("us-east-2", "us-west-2")),
    Case("us-platform-markets-config-conformance", "US", pm.config_conformance()),
    Case("de-platform-markets-config-conformance", "DE", pm.config_conformance()),
    Case("de-platform-markets-ecs-service-connect-firelens", "DE", pm.ecs_service_connect_firelens()),
    Case("jp-platform-markets-ecs-service-connect-firelens", "JP", pm.ecs_service_connect_firelens()),
    Case("jp-platform-markets-ali-ack-cluster", "JP", pm.ali_ack_cluster("ap-northeast-1")),
    Case("de-platform-markets-ali-ack-cluster", "DE", pm.ali_ack_cluster("eu-central-1")),
    Case("us-platform-markets-ali-ack-cluster-virginia", "US", pm.ali_ack_cluster("us-east-1")),
    Case("jp-platform-markets-ali-session-stores-api", "JP", pm.ali_session_stores_and_api("ap-northeast-1")),
    Case("us-platform-markets-ali-session-stores-api-silicon-valley", "US", pm.ali_session_stores_and_api("us-west-1")),
    Case(
        "de-platform-markets-ali-session-stores-api", "DE", pm.ali_session_stores_and_api("eu-central-1")
    ),  # The feature's name an Output: the guard judges its arguments once the name is known, as the plan and pack do.
    Case(
        "cn-cdn-computed-feature-conditional-origin-partner",
        "CN",
        cdn_feature("origin_dns_host", {"ali_origin_dns_host": "api.partner.example.com"}, computed=True),
        {"RES-015"},
    ),
    Case(
        "cn-cdn-computed-feature-ipv6-any-region",
        "CN",
        cdn_feature("ipv6", {"switch": "on", "region": "*"}, computed=True),
    ),
    # The false-alarm hunt, round 6 (stop 31): ordinary mainland-China programs on AWS China and Alibaba Cloud
    # (tests/platform_programs_cn.py), and the transfer register used as a CN engineer would.
    Case("cn-platform-cn-owner-api", "CN", pc.cn_owner_api()),
    Case("cn-platform-cn-owner-api-ningxia", "CN", pc.cn_owner_api(pc.NINGXIA)),
    Case("cn-platform-cn-owner-records", "CN", pc.cn_owner_records()),
    Case("cn-platform-cn-owner-records-ningxia", "CN", pc.cn_owner_records(pc.NINGXIA)),
    Case("cn-platform-cn-iot-telemetry", "CN", pc.cn_iot_telemetry()),
    Case("cn-platform-cn-iot-telemetry-ningxia", "CN", pc.cn_iot_telemetry(pc.NINGXIA)),
    Case("cn-platform-cn-msk-telemetry", "CN", pc.cn_msk_telemetry()),
    Case("cn-platform-cn-athena-glue", "CN", pc.cn_athena_glue()),
    Case("cn-platform-cn-emr-cluster", "CN", pc.cn_emr_cluster()),
    Case("cn-platform-cn-redshift-dr", "CN", pc.cn_redshift_dr()),
    Case("cn-platform-cn-ecs-from-ecr", "CN", pc.cn_ecs_from_ecr()),
    Case("cn-platform-cn-ecs-from-ecr-ningxia", "CN", pc.cn_ecs_from_ecr(pc.NINGXIA)),
    Case("cn-platform-cn-ecs-pinned-image", "CN", pc.cn_ecs_pinned_image()),
    Case("cn-platform-cn-eks-cluster", "CN", pc.cn_eks_cluster()),
    Case("cn-platform-cn-cloudfront-portal", "CN", pc.cn_cloudfront_portal()),
    Case("cn-platform-cn-cloudfront-named-origin", "CN", pc.cn_cloudfront_named_origin()),
    Case("cn-platform-cn-route53-failover", "CN", pc.cn_route53_failover()),
    Case(
        "cn-platform-cn-route53-failover-endpoint-check", "CN", pc.cn_route53_failover(endpoint_check=True), {"RES-016"}
    ),
    Case("cn-platform-cn-vpc-endpoints", "CN", pc.cn_vpc_endpoints()),
    Case("cn-platform-cn-vpc-endpoints-ningxia", "CN", pc.cn_vpc_endpoints(pc.NINGXIA)),
    Case("cn-platform-cn-iam-guardrails", "CN", pc.cn_iam_guardrails()),
    Case("cn-platform-cn-alarms-to-sns", "CN", pc.cn_alarms_to_sns()),
    Case("cn-platform-cn-backup-to-ningxia", "CN", pc.cn_backup_to_ningxia()),
    Case("cn-platform-cn-backup-to-beijing", "CN", pc.cn_backup_to_ningxia(pc.NINGXIA, pc.BEIJING)),
    Case("cn-platform-cn-data-replication", "CN", pc.cn_data_replication()),
    Case("cn-platform-cn-elb-access-logs", "CN", pc.cn_elb_access_logs()),
    Case("cn-platform-cn-elb-access-logs-ningxia", "CN", pc.cn_elb_access_logs(pc.NINGXIA)),
    Case("cn-platform-cn-toolkit-storage", "CN", pc.cn_toolkit_storage()),
    Case("cn-platform-cn-plant-mes-declared", "CN", pc.cn_plant_mes_link(), destinations=pc.PLANT_RESIDENT),
    Case("cn-platform-cn-plant-mes-undeclared", "CN", pc.cn_plant_mes_link(), {"RES-015"}),
    Case(
        "cn-platform-cn-supplier-standard-contract",
        "CN",
        pc.cn_supplier_diagnostics(),
        destinations=[pc.SUPPLIER_STANDARD_CONTRACT],
    ),
    Case(
        "cn-platform-cn-supplier-out-of-scope",
        "CN",
        pc.cn_supplier_diagnostics(stray=True),
        {"RES-019"},
        destinations=[pc.SUPPLIER_STANDARD_CONTRACT],
    ),
    Case("cn-platform-cn-ali-iot-forwarding", "CN", pc.ali_iot_forwarding()),
    Case("cn-platform-cn-ali-kafka-flink", "CN", pc.ali_kafka_flink()),
    Case("cn-platform-cn-ali-kafka-bootstrap-by-hand", "CN", pc.ali_kafka_flink(bootstrap_by_hand=True), {"RES-015"}),
    Case("cn-platform-cn-ali-maxcompute-dataworks", "CN", pc.ali_maxcompute_dataworks()),
    Case(
        "cn-platform-cn-ali-hologres-hongkong-endpoint",
        "CN",
        pc.ali_maxcompute_dataworks(serving_region="cn-hongkong"),
        {"RES-006"},
    ),
    Case("cn-platform-cn-ali-oss-lifecycle-replication", "CN", pc.ali_oss_lifecycle_replication()),
    Case(
        "cn-platform-cn-ali-oss-replication-zhangjiakou-wulanchabu",
        "CN",
        pc.ali_oss_lifecycle_replication("cn-zhangjiakou", "cn-wulanchabu"),
    ),
    Case("cn-platform-cn-ali-ack-acr", "CN", pc.ali_ack_acr()),
    Case("cn-platform-cn-ali-ack-acr-shenzhen", "CN", pc.ali_ack_acr("cn-shenzhen")),
    Case("cn-platform-cn-ali-databases-backups", "CN", pc.ali_databases_backups()),
    Case("cn-platform-cn-ali-databases-backups-heyuan", "CN", pc.ali_databases_backups("cn-heyuan", "cn-shenzhen")),
    Case(
        "cn-platform-cn-ali-sls-dingtalk-declared",
        "CN",
        pc.ali_sls_alert_dingtalk(),
        destinations=[pc.DINGTALK_ROBOT],
    ),
    Case("cn-platform-cn-ali-sls-dingtalk-undeclared", "CN", pc.ali_sls_alert_dingtalk(), {"RES-015"}),
    Case("cn-platform-cn-ali-owner-notices", "CN", pc.ali_owner_notices(), destinations=[pc.SMS_ENDPOINT]),
    Case("cn-platform-cn-ali-owner-notices-sms-undeclared", "CN", pc.ali_owner_notices(), {"RES-015"}),
    Case("cn-platform-cn-ali-cdn-dcdn-domestic", "CN", pc.ali_cdn_dcdn_domestic()),
    Case("cn-platform-cn-ali-waf-firewall", "CN", pc.ali_waf_firewall()),
    Case("cn-platform-cn-ali-audit-monitoring", "CN", pc.ali_audit_and_monitoring()),
    Case("cn-platform-cn-ali-ga-mainland", "CN", pc.ali_ga_mainland(), destinations=[pc.GA_MAINLAND]),
    Case("cn-platform-cn-ali-ga-mainland-undeclared", "CN", pc.ali_ga_mainland(), {"RES-016"}),
    Case("cn-platform-cn-ali-privatelink", "CN", pc.ali_privatelink()),
    Case("cn-platform-cn-ali-toolkit-storage", "CN", pc.ali_toolkit_storage()),
    Case("cn-platform-cn-ali-fc-oss-chengdu", "CN", pc.ali_fc_oss_pipeline()),
    Case("cn-platform-cn-ali-telemetry-qingdao", "CN", pc.ali_telemetry_region("cn-qingdao")),
    Case("cn-platform-cn-ali-telemetry-huhehaote", "CN", pc.ali_telemetry_region("cn-huhehaote")),
    Case("cn-platform-cn-ali-telemetry-wulanchabu", "CN", pc.ali_telemetry_region("cn-wulanchabu")),
    Case("cn-platform-cn-ali-telemetry-guangzhou", "CN", pc.ali_telemetry_region("cn-guangzhou")),
    Case("cn-platform-cn-ali-plant-link-declared", "CN", pc.ali_plant_link(), destinations=pc.PLANT_RESIDENT),
    Case("cn-platform-cn-ali-plant-link-undeclared", "CN", pc.ali_plant_link(), {"RES-015"}),
    Case(
        "cn-platform-cn-ali-supplier-standard-contract",
        "CN",
        pc.ali_supplier_export(),
        destinations=[pc.SUPPLIER_STANDARD_CONTRACT],
    ),
    Case(
        "cn-platform-cn-ali-supplier-out-of-scope",
        "CN",
        pc.ali_supplier_export(stray=True),
        {"RES-019"},
        destinations=[pc.SUPPLIER_STANDARD_CONTRACT],
    ),
    Case("cn-platform-cn-alarms-ops-mail", "CN", pc.cn_alarms_to_sns(ops_mail=True), destinations=[pc.OPS_MAILBOX]),
    Case("cn-platform-cn-alarms-ops-mail-undeclared", "CN", pc.cn_alarms_to_sns(ops_mail=True), {"RES-015"}),
    Case("cn-platform-cn-edge-and-events", "CN", pc.cn_edge_and_events()),
    Case("cn-platform-cn-edge-and-events-ningxia", "CN", pc.cn_edge_and_events(pc.NINGXIA, pc.BEIJING)),
    Case("cn-platform-cn-dealer-services", "CN", pc.cn_dealer_services()),
    Case("cn-platform-cn-ali-cdn-dns", "CN", pc.ali_cdn_dns()),
    Case("cn-platform-cn-ali-cdn-dns-cname-by-hand", "CN", pc.ali_cdn_dns(cname_by_hand=True), {"RES-016"}),
    Case("cn-platform-cn-ali-events-and-apps", "CN", pc.ali_events_and_apps()),
    Case("cn-platform-cn-ali-events-and-apps-shenzhen", "CN", pc.ali_events_and_apps("cn-shenzhen")),
    # A CDN domain's advanced origin fetch (`advanced_origin`: /api requests fetched from `origin`) and origin group
    # (`source_group`: `source_info` lists `<address>_<priority>_<weight>_<port>` servers), set as feature arguments.
    Case(
        "cn-cdn-advanced-origin-own-oss",
        "CN",
        cdn_feature("advanced_origin", {**_CDN_API_PATH, "origin": "fleet-api.oss-cn-shanghai.aliyuncs.com"}),
    ),
    Case(
        "cn-cdn-advanced-origin-partner-host",
        "CN",
        cdn_feature("advanced_origin", {**_CDN_API_PATH, "origin": "api.partner.example.com"}),
        {"RES-015"},
    ),
    Case("cn-cdn-origin-group-own-oss", "CN", cdn_feature("source_group", _cdn_origin_group("cn-beijing"))),
    Case(
        "cn-cdn-origin-group-singapore-oss",
        "CN",
        cdn_feature("source_group", _cdn_origin_group("ap-southeast-1")),
        {"RES-006"},
    ),
    # A DCDN domain without a scope: AddDcdnDomain's default, `domestic`, serves it from the Chinese mainland's edges,
    # resident in CN and a transfer to China for a site in Japan.
    Case("cn-dcdn-portal-default-scope", "CN", dcdn_site()),
    Case("jp-dcdn-portal-default-scope", "JP", dcdn_site(), {"RES-016"}),
    # An API Gateway HTTP backend written as `host:port`, without a scheme: judged as the host it names.
    Case(
        "cn-api-gateway-http-backend-fc-port",
        "CN",
        api_gateway_http_backend("1234567890.cn-shanghai.fc.aliyuncs.com:443"),
    ),
    Case(
        "cn-api-gateway-http-backend-partner-port",
        "CN",
        api_gateway_http_backend("api.partner.example.com:8080"),
        {"RES-015"},
    ),
    # stop 31 (AWS red team): an incident plan's PagerDuty integration creates every incident in PagerDuty's service.
    Case("jp-incident-plan-in-region", "JP", incident_response_plan(pagerduty=False)),
    Case("jp-incident-plan-pagerduty", "JP", incident_response_plan(pagerduty=True), {"RES-016"}),
    Case(
        "us-incident-plan-pagerduty-declared",
        "US",
        incident_response_plan(pagerduty=True),
        destinations=[
            {
                "id": "pagerduty-us",
                "kind": "resident",
                "match": "aws:ssmincidents/responsePlan:ResponsePlan",
                "evidence": "PagerDuty account on the US service region, vendor DPA 2026-05",
            }
        ],
    ),
    # Route 53 domain contacts go to the registrar of record and the TLD's registry (and WHOIS without privacy).
    Case("de-route53-registered-domain-name-servers", "DE", route53_domain(register=False)),
    Case("de-route53-domain-registration-contacts", "DE", route53_domain(register=True), {"RES-016"}),
    Case(
        "eu-route53-domain-registration-declared",
        "EU",
        route53_domain(register=True),
        destinations=[
            {
                "id": "registrar",
                "kind": "resident",
                "match": "aws:route53domains/domain:Domain",
                "evidence": "Registrar Gandi SAS (Paris), registry DENIC eG (Frankfurt) for .de; legal 2026-41",
            }
        ],
    ),
    # The Miami Local Zone by its zone ID (AWS Prescriptive Guidance names it); Miami 2 has no source yet.
    Case("us-subnet-miami-local-zone-by-id", "US", local_zone_subnet_by_id("use1-mia1-az1")),
    Case("us-subnet-miami-2-local-zone-by-id", "US", local_zone_subnet_by_id("use1-mia2-az1"), {"RES-008"}),
    Case("us-subnet-los-angeles-local-zone-by-id", "US", local_zone_subnet_by_id("usw2-lax1-az2")),
    # AgentCore outbound OAuth: a built-in vendor's authorization server is the vendor's; a tenant issuer is judged.
    Case("jp-agent-oauth-google-drive", "JP", agent_oauth_provider("GoogleOauth2"), {"RES-016"}),
    Case("jp-agent-oauth-own-cognito-pool", "JP", agent_oauth_provider("CognitoOauth2")),
    # Notifications to chat clients (Slack, Teams) or the Console Mobile Application leave the AWS regions.
    Case("jp-repo-notifications-to-sns", "JP", repo_notifications(to_slack=False)),
    Case("jp-repo-notifications-to-slack", "JP", repo_notifications(to_slack=True), {"RES-016"}),
    Case(
        "eu-user-notifications-to-mail-contact",
        "EU",
        user_notification_channel(False),
        destinations=[_EU_MAIL, _USER_NOTIFICATIONS_US],
    ),
    Case(
        "eu-user-notifications-to-slack",
        "EU",
        user_notification_channel(True),
        {"RES-016"},
        destinations=[_USER_NOTIFICATIONS_US],
    ),
    # A V2 automation rule's external integration sends findings through an ITSM connector another stack made.
    Case("de-findings-automation-update-fields", "DE", findings_automation(to_itsm=False)),
    Case("de-findings-automation-to-jira-connector", "DE", findings_automation(to_itsm=True), {"RES-016"}),
    # Glue's native application connectors name no place; a database connection's HOST is judged.
    Case("jp-glue-mysql-connection-rds", "JP", glue_connection("MYSQL")),
    Case("jp-glue-bigquery-connection", "JP", glue_connection("BIGQUERY"), {"RES-016"}),
    # Mutation search (stop 31, tests/residency_mutants.py): a VOD domain's origin (`sources[].source_content`) is
    # where VOD's CDN fetches every cache miss from, with the viewer's request, like a CDN domain's `sources[].content`;
    # a host nothing proves resident was accepted there (only a region-named OSS host was refused).
    Case("cn-vod-origin-partner-host", "CN", vod_domain(None, "media.partner.example.com"), {"RES-015"}),
    Case(
        "cn-vod-origin-declared-media-servers",
        "CN",
        vod_domain(None, "media.fleet.example.cn"),
        destinations=[_MEDIA_SERVERS],
    ),
    # Mutation search (stop 31): an SSM Command document's runCommand lines are script text the instances run (read like
    # user data: script_fields), and a cloud CLI's --region or a script's AWS_REGION / ALIBABA_CLOUD_REGION_ID is where
    # its calls send their data (script_commands form region); each passed before.
    Case(
        "eu-ssm-run-command-events-to-virginia",
        "EU",
        ssm_run_command([f"{_SHIP_EVENTS} --region us-east-1"]),
        {"RES-009"},
    ),
    Case("eu-ssm-run-command-events-in-frankfurt", "EU", ssm_run_command([f"{_SHIP_EVENTS} --region eu-central-1"])),
    Case(
        "eu-ssm-run-command-partner-database",
        "EU",
        ssm_run_command(["psql -h db.partner.example.com -U fleet -c 'select 1'"]),
        {"RES-015"},
    ),
    Case("eu-ssm-run-command-private-database", "EU", ssm_run_command(["psql -h 10.0.12.5 -U fleet -c 'select 1'"])),
    Case(
        "eu-launch-template-aws-region-virginia",
        "EU",
        aws_launch_template_user_data("#!/bin/sh\nexport AWS_REGION=us-east-1\n/opt/fleet/bin/exporter --daemon\n"),
        {"RES-009"},
    ),
    Case(
        "eu-launch-template-aws-region-dublin",
        "EU",
        aws_launch_template_user_data("#!/bin/sh\nexport AWS_REGION=eu-west-1\n/opt/fleet/bin/exporter --daemon\n"),
    ),
    Case(
        "cn-ecs-user-data-cli-region-hongkong",
        "CN",
        ali_user_data("#!/bin/sh\naliyun sls PutLogs --project fleet-ops --region cn-hongkong\n"),
        {"RES-009"},
    ),
    Case(
        "cn-ecs-user-data-cli-region-shanghai",
        "CN",
        ali_user_data("#!/bin/sh\naliyun sls PutLogs --project fleet-ops --region cn-shanghai\n"),
    ),
    # Host-shape review (stop 31): a host under a host key written another way is judged as the host it names.
    # inet_aton's decimal form of an IPv4 address: 169083915 is 10.20.4.11 (in the VPC), 3405803785 is 203.0.113.9.
    Case("cn-datasync-nfs-decimal-private-address", "CN", datasync_nfs("169083915")),
    Case("cn-datasync-nfs-decimal-public-address", "CN", datasync_nfs("3405803785"), {"RES-015"}),
    # A bracketed IPv6 literal with its port (RFC 3986 IP-literal): a unique local address, or a public one.
    Case("cn-api-gateway-http-backend-ula-ipv6-port", "CN", api_gateway_http_backend("[fd12:3456:789a::15]:8080")),
    Case(
        "cn-api-gateway-http-backend-public-ipv6-port",
        "CN",
        api_gateway_http_backend("[2001:db8:85a3::15]:8080"),
        {"RES-015"},
    ),
    # An origin written in an origin group's `<address>_<priority>_<weight>_<port>` item form where one address is
    # expected (the advanced origin's `origin`): its address is judged.
    Case(
        "cn-cdn-advanced-origin-own-oss-item-form",
        "CN",
        cdn_feature("advanced_origin", {**_CDN_API_PATH, "origin": "fleet-api.oss-cn-shanghai.aliyuncs.com_10_50_443"}),
    ),
    Case(
        "cn-cdn-advanced-origin-partner-item-form",
        "CN",
        cdn_feature("advanced_origin", {**_CDN_API_PATH, "origin": "api.partner.example.com_10_50_443"}),
        {"RES-015"},
    ),
    # An internationalised origin with a port, judged as its IDNA (punycode) form.
    Case(
        "cn-api-gateway-http-backend-unicode-port", "CN", api_gateway_http_backend("接口.例子.中国:8443"), {"RES-015"}
    ),
    # An ApsaraVideo Live domain without a scope: its default, `domestic`, serves it from the Chinese mainland's edges.
    Case("cn-live-training-default-scope", "CN", live_streaming_domain()),
    Case("jp-live-training-default-scope", "JP", live_streaming_domain(), {"RES-016"}),
    # A custom image shared with another account, which can copy it to any region (CopyImage), is refused unless the
    # stack declares the share; an AMI's launch permission likewise, except in aws-cn, whose accounts stay in China.
    Case("cn-golden-image-shared-with-dealers", "CN", golden_image_shared, {"RES-016"}),
    Case("cn-golden-image-shared-declared", "CN", golden_image_shared, destinations=[_DEALER_IMAGE_SHARE]),
    Case("eu-golden-ami-shared-with-dealers", "EU", ami_shared, {"RES-016"}),
    Case("cn-golden-ami-shared-with-dealers", "CN", ami_shared),
    Case("de-telemetry-snapshot-shared-with-analytics", "DE", snapshot_shared, {"RES-016"}),
    Case("cn-telemetry-snapshot-shared-with-analytics", "CN", snapshot_shared),
    # WAF 3.0 has two instance regions: cn-hangzhou (the Chinese mainland) and ap-southeast-1 (outside it). A portal in
    # Japan, Germany or the US protected by WAF 3.0 on its own provider has its WAF instance, and the protected
    # domain's traffic and configuration, in the international WAF's Singapore region; the mainland one is resident.
    Case("cn-waf3-portal", "CN", waf3_site()),
    Case("jp-waf3-portal-tokyo-provider", "JP", waf3_site(), {"RES-016"}),
    Case("de-waf3-portal-frankfurt-provider", "DE", waf3_site(), {"RES-016"}),
    Case("us-waf3-portal-virginia-provider", "US", waf3_site(), {"RES-016"}),
    Case("jp-portal-tokyo-slb-without-waf", "JP", waf3_site(waf=False)),
    Case("de-waf3-portal-declared-transfer", "DE", waf3_site(), destinations=[_WAF_INTL]),
    # A WAF 2.0 instance's region is its package's: an International-region plan runs a CN portal's WAF abroad.
    Case("cn-waf2-mainland-package", "CN", waf2_instance("version_3")),
    Case("cn-waf2-international-package", "CN", waf2_instance("version_pro_asia"), {"RES-016"}),
    Case("jp-waf2-mainland-package", "JP", waf2_instance("version_pro_china"), {"RES-016"}),
    # Anti-DDoS Pro/Premium is run from cn-hangzhou or ap-southeast-1 whatever the provider's region.
    Case("cn-anti-ddos-portal-domain", "CN", anti_ddos_domain),
    Case("jp-anti-ddos-portal-domain-tokyo-provider", "JP", anti_ddos_domain, {"RES-016"}),
    Case("us-anti-ddos-portal-domain-virginia-provider", "US", anti_ddos_domain, {"RES-016"}),
    # Security Center and Data Security Center: tds / sddp of Singapore for every provider region outside the mainland.
    Case("cn-security-center-login-logs", "CN", security_center_login_logs),
    Case("jp-security-center-login-logs-tokyo-provider", "JP", security_center_login_logs, {"RES-016"}),
    Case("cn-dsc-scan-orders-db", "CN", dsc_scan_orders_db),
    Case("de-dsc-scan-orders-db-frankfurt-provider", "DE", dsc_scan_orders_db, {"RES-016"}),
    # Elastic Desktop Service convenience users are kept in Shanghai or Singapore whatever the provider's region.
    Case("cn-desktop-technician-user", "CN", desktop_users),
    Case("jp-desktop-technician-user-tokyo-provider", "JP", desktop_users, {"RES-016"}),
    # An Anycast EIP is announced from access points across its access area (outside the Chinese mainland).
    Case("jp-portal-regional-eip", "JP", portal_public_address(anycast=False)),
    Case("jp-portal-anycast-eip", "JP", portal_public_address(anycast=True), {"RES-016"}),
    Case("cn-portal-regional-eip", "CN", portal_public_address(anycast=False)),
    Case("cn-portal-anycast-eip", "CN", portal_public_address(anycast=True), {"RES-016"}),
    # AWS User Notifications keeps configurations and notifications in us-east-1 whatever the hub and provider regions.
    Case(
        "de-alarm-hub-frankfurt-undeclared",
        "DE",
        regional_alarm_hub("oncall@mail.example.eu"),
        {"RES-016"},
        destinations=[_EU_MAIL],
    ),
    Case(
        "de-alarm-hub-frankfurt-declared",
        "DE",
        regional_alarm_hub("oncall@mail.example.eu"),
        destinations=[_EU_MAIL, _USER_NOTIFICATIONS_US],
    ),
    Case("jp-alarm-hub-tokyo-undeclared", "JP", regional_alarm_hub(None), {"RES-016"}),
    Case("us-alarm-hub-virginia", "US", regional_alarm_hub(None)),
    # Cloud Firewall is run from Hangzhou (China-site accounts) or Singapore (international-site accounts), chosen by
    # the account, never by the provider's region: neither is in JP, DE or the US, so a portal's firewall policy there
    # leaves whatever the account; the CN stack's China-site hub is Hangzhou.
    Case("cn-cloud-firewall-portal-inbound", "CN", portal_inbound_https()),
    Case("jp-cloud-firewall-portal-inbound-tokyo-provider", "JP", portal_inbound_https(), {"RES-016"}),
    Case("de-cloud-firewall-portal-inbound-frankfurt-provider", "DE", portal_inbound_https(), {"RES-016"}),
    Case("jp-portal-inbound-security-group-rule", "JP", portal_inbound_https(firewall=False)),
    Case(
        "de-cloud-firewall-portal-inbound-declared", "DE", portal_inbound_https(), destinations=[_CLOUD_FIREWALL_INTL]
    ),
    # ESA is managed from esa.cn-hangzhou or esa.ap-southeast-1 by account type: an origin pool of Tokyo's own OSS
    # bucket is still configured on (and served through) the hub, not in Tokyo.
    Case(
        "jp-esa-origin-pool-tokyo-oss",
        "JP",
        esa_origin_pool("fleet-static.oss-ap-northeast-1.aliyuncs.com"),
        {"RES-016"},
    ),
    Case(
        "us-esa-caa-record",
        "US",
        esa_record("CAA", {"flag": 0, "tag": "issue", "value": "letsencrypt.org"}),
        {"RES-016"},
    ),
    Case("cn-esa-origin-pool-shanghai-oss", "CN", esa_origin_pool("fleet-static.oss-cn-shanghai.aliyuncs.com")),
    # Cloud Config has two endpoints in all, config.cn-shanghai and config.ap-southeast-1.
    Case("cn-config-rule-no-public-ip", "CN", config_rule_no_public_ip),
    Case("de-config-rule-no-public-ip-frankfurt-provider", "DE", config_rule_no_public_ip, {"RES-016"}),
    Case("us-config-rule-no-public-ip-virginia-provider", "US", config_rule_no_public_ip, {"RES-016"}),
    # Cloud Governance Center has endpoints in Hangzhou, Singapore and Frankfurt only: Tokyo's and Virginia's providers
    # reach one abroad, Frankfurt's has its own.
    Case("cn-governance-enrol-analytics-account", "CN", governance_enrol_analytics_account),
    Case("de-governance-enrol-analytics-account-frankfurt", "DE", governance_enrol_analytics_account),
    Case("jp-governance-enrol-analytics-account-tokyo", "JP", governance_enrol_analytics_account, {"RES-016"}),
    Case("us-governance-enrol-analytics-account-virginia", "US", governance_enrol_analytics_account, {"RES-016"}),
    # False-alarm review (stop 31): the ordinary programs that come close to each of this stop's new refusals.
    Case(
        "fa31-eu-user-data-parameter-region", "EU", aws_launch_template_user_data(_FA_PARAMETER.format(r="eu-west-1"))
    ),
    Case("fa31-de-user-data-sqs-region-eq", "DE", aws_launch_template_user_data(_FA_SQS_EQ.format(r="eu-central-1"))),
    Case("fa31-de-user-data-default-region-from-metadata", "DE", aws_launch_template_user_data(_FA_DEFAULT_REGION)),
    Case(
        "fa31-cn-user-data-region-variable",
        "CN",
        aws_launch_template_user_data(_FA_REGION_VARIABLE.format(r="cn-north-1")),
    ),
    Case(
        "fa31-jp-user-data-docker-env-region",
        "JP",
        aws_launch_template_user_data(_FA_DOCKER_ENV.format(r="ap-northeast-1")),
    ),
    Case("fa31-eu-ssm-run-command-global-region", "EU", ssm_run_command([_FA_SSM_GLOBAL_REGION])),
    Case("fa31-jp-glue-jdbc-connection", "JP", fa_glue_connection("JDBC")),
    Case("fa31-cn-glue-kafka-connection", "CN", fa_glue_connection("KAFKA")),
    Case("fa31-us-glue-mongodb-connection", "US", fa_glue_connection("MONGODB")),
    Case("fa31-de-glue-network-connection", "DE", fa_glue_connection("NETWORK")),
    Case("fa31-eu-ecs-task-host-ports", "EU", fa_ecs_task_ports),
    Case("fa31-de-mx-and-srv-records", "DE", fa_mail_records, destinations=[_FA_OWN_MAIL]),
    Case("fa31-de-mx-and-srv-records-undeclared", "DE", fa_mail_records, {"RES-015"}),
    Case("fa31-jp-registered-domain-privacy", "JP", fa_registered_domain_privacy),
    Case("fa31-de-security-hub-custom-action", "DE", fa_security_hub_custom_action),
    Case("fa31-us-agent-oauth-custom-own-cognito", "US", fa_agent_oauth_custom),
    Case("fa31-eu-notifications-sns-typed", "EU", fa_alarm_to_sns_email),
    Case("fa31-cn-ami-shared-with-org-unit", "CN", fa_ami_shared_with_org_unit),
    Case("fa31-eu-golden-ami-shared-declared", "EU", ami_shared, destinations=[_FA_AMI_SHARE]),
    Case("fa31-de-snapshot-shared-declared", "DE", snapshot_shared, destinations=[_FA_SNAPSHOT_SHARE]),
    Case("fa31-cn-live-explicit-domestic", "CN", live_streaming_domain("domestic")),
    Case("fa31-cn-dcdn-explicit-domestic", "CN", dcdn_site("domestic")),
    # Each stop-31 refusal that stays is accepted once declared by the id its message gives as `match`.
    Case(
        "fa31-de-route53-domain-contacts-declared",
        "DE",
        route53_domain(register=True),
        destinations=[_fa_transfer("aws-route53-domain-contacts", "US", "Amazon Registrar DPA + SCC 2026-01")],
    ),
    Case(
        "fa31-de-agent-oauth-google-drive-declared",
        "DE",
        agent_oauth_provider("GoogleOauth2"),
        destinations=[_fa_transfer("aws-agentcore-oauth2-vendor", "US", "Google Cloud DPA + SCC 2026-02")],
    ),
    Case(
        "fa31-eu-repo-notifications-to-slack-declared",
        "EU",
        repo_notifications(to_slack=True),
        destinations=[_fa_transfer("aws-chatbot-notification-targets", "US", "Slack DPA + SCC 2026-04")],
    ),
    Case(
        "fa31-eu-user-notifications-to-slack-declared",
        "EU",
        user_notification_channel(True),
        # User Notifications itself keeps the configuration in us-east-1 (aws-user-notifications-home-region): declared
        # beside the Slack channel.
        destinations=[
            _fa_transfer("aws-notifications-chat-and-mobile-channels", "US", "Slack DPA + SCC 2026-04"),
            _USER_NOTIFICATIONS_US,
        ],
    ),
    Case(
        "fa31-de-findings-automation-to-jira-declared",
        "DE",
        findings_automation(to_itsm=True),
        destinations=[_fa_transfer("aws-securityhub-itsm-automation", "US", "Atlassian DPA + SCC 2026-05")],
    ),
    Case(
        "fa31-eu-glue-bigquery-connection-declared", "EU", glue_connection("BIGQUERY"), destinations=[_FA_BIGQUERY_EU]
    ),
    Case(
        "fa31-de-live-training-default-scope-declared",
        "DE",
        live_streaming_domain(),
        destinations=[_fa_transfer("alicloud-cdn-scope", "CN", "Alibaba Cloud DPA + SCC 2026-05, TIA-21")],
    ),
    Case("fa31-jp-dcdn-portal-default-scope-undeclared", "JP", dcdn_site("domestic"), {"RES-016"}),
    Case("fa31-cn-ali-user-data-metadata-region", "CN", ali_user_data(_FA_ALI_METADATA_REGION)),
    Case("fa31-cn-ali-user-data-region-eq", "CN", ali_user_data(_FA_ALI_REGION_EQ.format(r="cn-shanghai"))),
    Case("fa31-jp-ali-user-data-region-eq", "JP", ali_user_data(_FA_ALI_REGION_EQ.format(r="ap-northeast-1"))),
    Case(
        "fa31-de-ali-user-data-region-eq-singapore",
        "DE",
        ali_user_data(_FA_ALI_REGION_EQ.format(r="ap-southeast-1")),
        {"RES-009"},
    ),
    Case(
        "fa31-eu-user-data-configure-region",
        "EU",
        aws_launch_template_user_data(_FA_CONFIGURE_REGION.format(r="eu-west-1")),
    ),
    Case(
        "fa31-cn-user-data-configure-region",
        "CN",
        aws_launch_template_user_data(_FA_PARAMETER.format(r="cn-northwest-1")),
    ),
    Case("fa31-eu-lambda-service-hosts-and-ports", "EU", lambda_env(_FA_SERVICE_ENV)),
    Case("fa31-us-glue-jdbc-connection", "US", fa_glue_connection("JDBC")),
    # A script's foreign region, declared by the region id its message names.
    Case(
        "fa31-de-ali-user-data-region-eq-singapore-declared",
        "DE",
        ali_user_data(_FA_ALI_REGION_EQ.format(r="ap-southeast-1")),
        destinations=[_fa_transfer("ap-southeast-1", "SG", "Alibaba Cloud DPA + SCC 2026-05, TIA-22")],
    ),
    # AWS home-Region review (stop 32): an account's alternate contacts and an Organizations member account's root
    # e-mail receive AWS's billing, operations and security notices: judged like other alert contacts (RES-015,
    # RES-022).
    Case(
        "eu-account-security-contact-declared-mail",
        "EU",
        account_alternate_contact("soc@mail.example.eu", "+4930901820"),
        destinations=[_EU_MAIL],
    ),
    Case(
        "eu-account-security-contact-partner-mail",
        "EU",
        account_alternate_contact("soc@partner.example.com", "+4930901820"),
        {"RES-015"},
    ),
    Case(
        "eu-account-security-contact-us-phone",
        "EU",
        account_alternate_contact("soc@mail.example.eu", "+12015550123"),
        {"RES-022"},
        destinations=[_EU_MAIL],
    ),
    Case(
        "cn-account-security-contact-declared-mail",
        "CN",
        account_alternate_contact("soc@mail.example.cn", "+8613123456789"),
        destinations=[_OPS_MAIL],
    ),
    Case(
        "eu-org-member-account-declared-mail",
        "EU",
        org_member_account("aws-prod@mail.example.eu"),
        destinations=[_EU_MAIL],
    ),
    Case("eu-org-member-account-partner-mail", "EU", org_member_account("aws-prod@partner.example.com"), {"RES-015"}),
    # The primary contact's website is part of the owner's record, never contacted (was refused, RES-015).
    Case("eu-account-primary-contact-with-website", "EU", account_primary_contact),
    # Resource Explorer: an aggregator index in the stack's Region is accepted; one in another Region receives every
    # Region's index, this one's too (RES-003).
    Case("de-resource-explorer-aggregator-in-region", "DE", resource_explorer_aggregator(None)),
    Case("de-resource-explorer-aggregator-us-east-1", "DE", resource_explorer_aggregator("us-east-1"), {"RES-003"}),
    # Opting the account out of a foreign Region sends nothing there (was refused, RES-009); opting in distributes the
    # account's IAM resources to it, judged as a region.
    Case("eu-account-opt-out-of-bahrain", "EU", account_region("me-south-1", False)),
    Case("eu-account-opt-in-to-bahrain", "EU", account_region("me-south-1", True), {"RES-009"}),
    # Alibaba red team, round 6 (stop 32). A PAI dataset's `oss://<bucket>.<endpoint>/` names the host its data is
    # read from and written to (before: a dotted oss:// authority was skipped, so a partner's endpoint passed).
    Case(
        "ali6-cn-pai-dataset-oss-partner-endpoint",
        "CN",
        pai_drive_dataset("OSS", "oss://fleet-drive-logs.oss.labelling-partner.example.com/drives/"),
        {"RES-015"},
    ),
    Case("ali6-cn-pai-dataset-oss-own-bucket", "CN", pai_drive_dataset("OSS")),
    Case("ali6-jp-pai-dataset-oss-own-bucket", "JP", pai_drive_dataset("OSS")),
    # nas://<file system id>.<region>/ names a region, not a host (before: refused as an unknown host, RES-015,
    # even in the stack's own region, a false alarm).
    Case("ali6-cn-pai-dataset-nas-own-file-system", "CN", pai_drive_dataset("NAS")),
    Case("ali6-de-pai-dataset-nas-own-file-system", "DE", pai_drive_dataset("NAS")),
    Case("ali6-jp-pai-dataset-nas-in-shanghai", "JP", pai_drive_dataset("NAS", region="cn-shanghai"), {"RES-006"}),
    # An Anycast EIP taken from the load balancer's own zone settings (before: only the eipanycast resources were
    # judged, so a JP or DE portal on an existing Anycast EIP passed); a regional EIP of the stack is the twin.
    Case("ali6-jp-nlb-portal-anycast-eip", "JP", portal_load_balancer_ip("nlb", _ANYCAST_EIP_ID), {"RES-016"}),
    Case("ali6-de-alb-portal-anycast-eip", "DE", portal_load_balancer_ip("alb", _ANYCAST_EIP_ID), {"RES-016"}),
    Case("ali6-cn-nlb-portal-anycast-eip", "CN", portal_load_balancer_ip("nlb", _ANYCAST_EIP_ID), {"RES-016"}),
    Case("ali6-jp-nlb-portal-regional-eip", "JP", portal_load_balancer_ip("nlb")),
    Case("ali6-de-alb-portal-regional-eip", "DE", portal_load_balancer_ip("alb")),
    Case("ali6-cn-alb-portal-regional-eip", "CN", portal_load_balancer_ip("alb")),
    Case(
        "ali6-de-alb-portal-anycast-eip-declared",
        "DE",
        portal_load_balancer_ip("alb", _ANYCAST_EIP_ID),
        destinations=[
            _fa_transfer("alicloud-anycast-eip-load-balancer", "SG", "Alibaba Cloud DPA + SCC 2026-05, TIA-23")
        ],
    ),
    # Mutation search, round 2 (stop 32). A CloudFront distribution's standard-logging bucket is a destination (every
    # viewer request's log line): the stack's own log bucket and any aws-cn bucket pass; the global partition's S3 host
    # (a bucket outside China) and a host nothing places are refused, the latter accepted once declared.
    Case("mt32-cn-cloudfront-logs-own-bucket", "CN", mt_cloudfront_logs(None)),
    Case("mt32-cn-cloudfront-logs-china-bucket", "CN", mt_cloudfront_logs("fleet-cdn-logs.s3.amazonaws.com.cn")),
    Case(
        "mt32-cn-cloudfront-logs-global-bucket",
        "CN",
        mt_cloudfront_logs("fleet-cdn-logs.s3.amazonaws.com"),
        {"RES-006"},
    ),
    Case(
        "mt32-cn-cloudfront-logs-unplaced-host", "CN", mt_cloudfront_logs("cdn-logs.partner.example.com"), {"RES-015"}
    ),
    Case(
        "mt32-cn-cloudfront-logs-declared-host",
        "CN",
        mt_cloudfront_logs("cdn-logs.fleet-example.cn"),
        destinations=[_MT_LOG_HOST],
    ),
    # A Route 53 alias record's target: the stack's load balancer, or a record of the same zone the stack made, pass;
    # a host nothing places is refused.
    Case("mt32-jp-alias-to-own-alb-and-apex", "JP", mt_alias_record(None)),
    Case("mt32-jp-alias-to-unplaced-host", "JP", mt_alias_record("edge.partner.example.com"), {"RES-015"}),
    Case(
        "mt32-jp-alias-to-foreign-alb",
        "JP",
        mt_alias_record("fleet-alb-1234567890.ap-northeast-2.elb.amazonaws.com"),
        {"RES-006"},
    ),
    # A container registry under a generically named variable (`REGISTRY`, `DOCKER_REGISTRY`) is the host images are
    # pushed to: the account's regional ECR registry passes, an unplaced host is refused, a declared one accepted.
    Case(
        "mt32-eu-lambda-ecr-registry",
        "EU",
        lambda_env({"DOCKER_REGISTRY": "123456789012.dkr.ecr.eu-west-1.amazonaws.com"}),
    ),
    Case(
        "mt32-eu-lambda-partner-registry", "EU", lambda_env({"REGISTRY": "registry.partner.example.com"}), {"RES-015"}
    ),
    Case(
        "mt32-eu-lambda-declared-registry",
        "EU",
        lambda_env({"REGISTRY": "registry.fleet-example.eu"}),
        destinations=[_MT_REGISTRY],
    ),
    # OSS's `oss://<bucket>.<endpoint>/` form: the endpoint is judged as a host (a regional OSS endpoint by its region).
    Case("mt32-cn-pai-dataset-own-bucket-endpoint", "CN", mt_pai_dataset(None)),
    Case(
        "mt32-cn-pai-dataset-unplaced-endpoint",
        "CN",
        mt_pai_dataset("oss://pack-cycles.minio.partner.example.com/pack-cycles/"),
        {"RES-015"},
    ),
    Case(
        "mt32-cn-pai-dataset-hongkong-endpoint",
        "CN",
        mt_pai_dataset("oss://fleet-ml-datasets-cn-shanghai.oss-cn-hongkong-internal.aliyuncs.com/pack-cycles/"),
        {"RES-006"},
    ),
    # Identifiers that begin with the Region of what they name (region_id_fields): a Cognito user pool id
    # `<region>_<id>`, an identity pool id `<region>:<guid>`, an SAE namespace id `<RegionId>:<namespace>`.
    Case("mt32-eu-cognito-client-own-pool", "EU", mt_cognito_client(None)),
    Case("mt32-de-cognito-client-own-pool", "DE", mt_cognito_client(None)),
    Case("mt32-eu-cognito-client-virginia-pool", "EU", mt_cognito_client("us-east-1_AbCdEf123"), {"RES-009"}),
    Case("mt32-de-cognito-client-zurich-pool", "DE", mt_cognito_client("eu-central-2_AbCdEf123"), {"RES-009"}),
    Case(
        "mt32-eu-identity-pool-roles-dublin",
        "EU",
        mt_identity_pool_roles("eu-west-1:4b2e1a8c-1d3f-4a5b-9c7d-0e1f2a3b4c5d"),
    ),
    Case(
        "mt32-eu-identity-pool-roles-virginia",
        "EU",
        mt_identity_pool_roles("us-east-1:4b2e1a8c-1d3f-4a5b-9c7d-0e1f2a3b4c5d"),
        {"RES-009"},
    ),
    Case("mt32-cn-sae-app-shanghai-namespace", "CN", mt_sae_namespace("cn-shanghai:fleet")),
    Case("mt32-cn-sae-app-hongkong-namespace", "CN", mt_sae_namespace("cn-hongkong:fleet"), {"RES-009"}),
    # The false-alarm hunt, round 7 (stop 32): ordinary EU / DE / JP / US programs on AWS and on Alibaba Cloud's
    # regions of those markets (tests/platform_programs_intl.py), the register used as engineers of those markets would,
    # and the offending twin of each declared program and of each refusal left open.
    Case("eu-platform-intl-owner-api-frankfurt", "EU", pi.owner_api_aurora(pi.FRANKFURT)),
    Case("eu-platform-intl-owner-api-paris", "EU", pi.owner_api_aurora(pi.PARIS)),
    Case("de-platform-intl-owner-api", "DE", pi.owner_api_aurora(pi.FRANKFURT)),
    Case("jp-platform-intl-owner-api-osaka", "JP", pi.owner_api_aurora(pi.OSAKA)),
    Case("us-platform-intl-owner-api-oregon", "US", pi.owner_api_aurora(pi.OREGON)),
    Case("eu-platform-intl-owner-records-stockholm", "EU", pi.owner_records(pi.STOCKHOLM)),
    Case("eu-platform-intl-owner-records-milan", "EU", pi.owner_records(pi.MILAN)),
    Case("eu-platform-intl-owner-records-spain", "EU", pi.owner_records(pi.SPAIN)),
    Case("jp-platform-intl-owner-records", "JP", pi.owner_records(pi.TOKYO)),
    Case(
        "eu-platform-intl-mrk-global-db-frankfurt-ireland",
        "EU",
        pi.multi_region_key_and_global_db(pi.FRANKFURT, pi.IRELAND),
    ),
    Case(
        "eu-platform-intl-mrk-global-db-paris-frankfurt",
        "EU",
        pi.multi_region_key_and_global_db(pi.PARIS, pi.FRANKFURT),
    ),
    Case("jp-platform-intl-mrk-global-db-tokyo-osaka", "JP", pi.multi_region_key_and_global_db(pi.TOKYO, pi.OSAKA)),
    Case(
        "us-platform-intl-mrk-global-db-virginia-oregon",
        "US",
        pi.multi_region_key_and_global_db(pi.VIRGINIA, pi.OREGON),
    ),
    Case("eu-platform-intl-mail-login-ireland", "EU", pi.owner_mail_and_login(pi.IRELAND, "fleet.example.eu")),
    Case("de-platform-intl-mail-login", "DE", pi.owner_mail_and_login(pi.FRANKFURT, "fleet.example.de")),
    Case("jp-platform-intl-mail-login", "JP", pi.owner_mail_and_login(pi.TOKYO, "fleet.example.jp")),
    Case("us-platform-intl-mail-login-ohio", "US", pi.owner_mail_and_login(pi.OHIO, "fleet.example.com")),
    Case("eu-platform-intl-iot-telemetry-ireland", "EU", pi.iot_telemetry(pi.IRELAND)),
    Case("de-platform-intl-iot-telemetry", "DE", pi.iot_telemetry(pi.FRANKFURT)),
    Case("jp-platform-intl-iot-telemetry-osaka", "JP", pi.iot_telemetry(pi.OSAKA)),
    Case("us-platform-intl-iot-telemetry", "US", pi.iot_telemetry(pi.VIRGINIA)),
    Case("eu-platform-intl-msk-telemetry-stockholm", "EU", pi.msk_telemetry(pi.STOCKHOLM)),
    Case("us-platform-intl-msk-telemetry-oregon", "US", pi.msk_telemetry(pi.OREGON)),
    Case("eu-platform-intl-athena-glue-frankfurt", "EU", pi.athena_glue(pi.FRANKFURT)),
    Case("de-platform-intl-athena-glue", "DE", pi.athena_glue(pi.FRANKFURT)),
    Case("jp-platform-intl-athena-glue", "JP", pi.athena_glue(pi.TOKYO)),
    Case("eu-platform-intl-emr-paris", "EU", pi.emr_cluster(pi.PARIS)),
    Case("us-platform-intl-emr-ohio", "US", pi.emr_cluster(pi.OHIO)),
    Case("eu-platform-intl-ecs-ecr-ireland", "EU", pi.ecs_from_ecr(pi.IRELAND)),
    Case("de-platform-intl-ecs-ecr", "DE", pi.ecs_from_ecr(pi.FRANKFURT)),
    Case("jp-platform-intl-ecs-ecr", "JP", pi.ecs_from_ecr(pi.TOKYO)),
    Case("us-platform-intl-ecs-ecr-california", "US", pi.ecs_from_ecr(pi.CALIFORNIA)),
    Case("eu-platform-intl-eks-frankfurt", "EU", pi.eks_cluster(pi.FRANKFURT)),
    Case("jp-platform-intl-eks-osaka", "JP", pi.eks_cluster(pi.OSAKA)),
    Case("us-platform-intl-eks", "US", pi.eks_cluster(pi.VIRGINIA)),
    # CloudFront outside aws-cn is declared (its edges are worldwide whatever the price class), and so is its viewer
    # certificate, which CloudFront takes only from ACM in us-east-1.
    Case(
        "eu-platform-intl-cloudfront-declared",
        "EU",
        pi.cloudfront_portal(pi.FRANKFURT, "fleet.example.eu", "PriceClass_100", ["DE", "FR", "IE", "IT", "ES"]),
        destinations=pi.CLOUDFRONT_EU,
    ),
    Case(
        "de-platform-intl-cloudfront-declared",
        "DE",
        pi.cloudfront_portal(pi.FRANKFURT, "fleet.example.de", "PriceClass_100", ["DE"]),
        destinations=pi.CLOUDFRONT_DE,
    ),
    Case(
        "eu-platform-intl-cloudfront-undeclared",
        "EU",
        pi.cloudfront_portal(pi.FRANKFURT, "fleet.example.eu", "PriceClass_100", ["DE", "FR", "IE", "IT", "ES"]),
        {"RES-016"},
        destinations=pi.CLOUDFRONT_EU[1:],
    ),
    Case(
        "eu-platform-intl-cloudfront-certificate-undeclared",
        "EU",
        pi.cloudfront_portal(pi.FRANKFURT, "fleet.example.eu", "PriceClass_100", ["DE", "FR", "IE", "IT", "ES"]),
        {"RES-004"},
        destinations=pi.CLOUDFRONT_EU[:1],
    ),
    Case(
        "eu-platform-intl-latency-dns-frankfurt-ireland",
        "EU",
        pi.regional_api_dns(pi.FRANKFURT, pi.IRELAND, "fleet.example.eu"),
    ),
    Case("jp-platform-intl-latency-dns-tokyo-osaka", "JP", pi.regional_api_dns(pi.TOKYO, pi.OSAKA, "fleet.example.jp")),
    Case(
        "us-platform-intl-latency-dns-virginia-oregon",
        "US",
        pi.regional_api_dns(pi.VIRGINIA, pi.OREGON, "fleet.example.com"),
    ),
    Case("eu-platform-intl-vpc-endpoints-milan", "EU", pi.vpc_endpoints(pi.MILAN)),
    Case("de-platform-intl-vpc-endpoints", "DE", pi.vpc_endpoints(pi.FRANKFURT)),
    Case("jp-platform-intl-vpc-endpoints-osaka", "JP", pi.vpc_endpoints(pi.OSAKA)),
    Case("us-platform-intl-vpc-endpoints-ohio", "US", pi.vpc_endpoints(pi.OHIO)),
    # A permissions boundary allowing the company's `fleet-*` buckets by ARN pattern: declared (resident prefix), or
    # refused as an unproven bucket (left open, docs/residency.md).
    Case(
        "eu-platform-intl-iam-guardrails-declared",
        "EU",
        pi.iam_region_guardrails(pi.FRANKFURT, [pi.FRANKFURT, pi.IRELAND, pi.PARIS]),
        destinations=[pi.FLEET_BUCKETS_EU],
    ),
    Case(
        "eu-platform-intl-iam-guardrails-undeclared",
        "EU",
        pi.iam_region_guardrails(pi.FRANKFURT, [pi.FRANKFURT, pi.IRELAND, pi.PARIS]),
        {"RES-017"},
    ),
    Case("eu-platform-intl-alarms-alb-logs-paris", "EU", pi.alarms_and_access_logs(pi.PARIS)),
    Case("de-platform-intl-alarms-alb-logs", "DE", pi.alarms_and_access_logs(pi.FRANKFURT)),
    Case("jp-platform-intl-alarms-alb-logs-osaka", "JP", pi.alarms_and_access_logs(pi.OSAKA)),
    Case("us-platform-intl-alarms-alb-logs-oregon", "US", pi.alarms_and_access_logs(pi.OREGON)),
    Case("eu-platform-intl-backup-frankfurt-ireland", "EU", pi.backup_copies(pi.FRANKFURT, pi.IRELAND)),
    Case("eu-platform-intl-backup-paris-stockholm", "EU", pi.backup_copies(pi.PARIS, pi.STOCKHOLM)),
    Case("jp-platform-intl-backup-tokyo-osaka", "JP", pi.backup_copies(pi.TOKYO, pi.OSAKA)),
    Case("us-platform-intl-backup-virginia-oregon", "US", pi.backup_copies(pi.VIRGINIA, pi.OREGON)),
    Case("eu-platform-intl-replication-frankfurt-paris", "EU", pi.data_replication(pi.FRANKFURT, pi.PARIS)),
    Case("jp-platform-intl-replication-tokyo-osaka", "JP", pi.data_replication(pi.TOKYO, pi.OSAKA)),
    Case("us-platform-intl-replication-virginia-oregon", "US", pi.data_replication(pi.VIRGINIA, pi.OREGON)),
    Case("eu-platform-intl-gateway-instances-ireland", "EU", pi.gateway_instances(pi.IRELAND)),
    Case("de-platform-intl-gateway-instances", "DE", pi.gateway_instances(pi.FRANKFURT)),
    Case("jp-platform-intl-gateway-instances", "JP", pi.gateway_instances(pi.TOKYO)),
    Case("us-platform-intl-gateway-instances-oregon", "US", pi.gateway_instances(pi.OREGON)),
    Case(
        "eu-platform-intl-gateway-instances-other-teams-bucket",
        "EU",
        pi.gateway_instances(pi.IRELAND, tooling_bucket="shared-tooling-artifacts"),
        {"RES-017"},
    ),
    Case(
        "eu-platform-intl-supplier-scc",
        "EU",
        pi.supplier_export(pi.FRANKFURT, "https://ingest.battery-analytics.example.com/v1/faults"),
        destinations=[pi.US_SUPPLIER_SCC],
    ),
    Case(
        "eu-platform-intl-supplier-scc-stray",
        "EU",
        pi.supplier_export(pi.FRANKFURT, "https://ingest.battery-analytics.example.com/v1/faults", stray=True),
        {"RES-019"},
        destinations=[pi.US_SUPPLIER_SCC],
    ),
    Case(
        "eu-platform-intl-supplier-undeclared",
        "EU",
        pi.supplier_export(pi.FRANKFURT, "https://ingest.battery-analytics.example.com/v1/faults"),
        {"RES-015"},
    ),
    Case(
        "jp-platform-intl-plant-link-declared",
        "JP",
        pi.plant_link(pi.TOKYO, "198.51.100.20", "plant-aichi.example.jp", ["10.220.0.53"]),
        destinations=pi.JP_PLANT_RESIDENT,
    ),
    Case(
        "jp-platform-intl-plant-link-undeclared",
        "JP",
        pi.plant_link(pi.TOKYO, "198.51.100.20", "plant-aichi.example.jp", ["10.220.0.53"]),
        {"RES-015"},
    ),
    Case(
        "us-platform-intl-plant-link-declared",
        "US",
        pi.plant_link(pi.OHIO, "198.51.100.60", "plant-tn.example.com", ["10.230.0.53"]),
        destinations=pi.US_PLANT_RESIDENT,
    ),
    Case("de-platform-intl-ali-gateway-ecs", "DE", pi.ali_gateway_ecs("eu-central-1")),
    Case("jp-platform-intl-ali-gateway-ecs", "JP", pi.ali_gateway_ecs("ap-northeast-1")),
    Case("us-platform-intl-ali-gateway-ecs-silicon-valley", "US", pi.ali_gateway_ecs("us-west-1")),
    Case("eu-platform-intl-ali-logs-backups", "EU", pi.ali_logs_and_backups("eu-central-1")),
    Case("jp-platform-intl-ali-logs-backups", "JP", pi.ali_logs_and_backups("ap-northeast-1")),
    Case("us-platform-intl-ali-logs-backups-virginia", "US", pi.ali_logs_and_backups("us-east-1")),
    Case("eu-platform-intl-service-names-frankfurt", "EU", pi.service_names_in_settings(pi.FRANKFURT, "euc1")),
    Case("eu-platform-intl-service-names-stockholm", "EU", pi.service_names_in_settings(pi.STOCKHOLM, "eun1")),
    Case("de-platform-intl-service-names", "DE", pi.service_names_in_settings(pi.FRANKFURT, "euc1")),
    Case("jp-platform-intl-service-names-osaka", "JP", pi.service_names_in_settings(pi.OSAKA, "apne3")),
    Case("us-platform-intl-service-names-oregon", "US", pi.service_names_in_settings(pi.OREGON, "usw2")),
    Case(
        "eu-platform-intl-image-shares-declared",
        "EU",
        pi.shared_images_and_snapshots(pi.IRELAND, ["210987654321"]),
        destinations=pi.IMAGE_SHARES_EU,
    ),
    Case(
        "eu-platform-intl-image-shares-undeclared",
        "EU",
        pi.shared_images_and_snapshots(pi.IRELAND, ["210987654321"]),
        {"RES-016"},
    ),
    Case(
        "eu-platform-intl-security-hub",
        "EU",
        pi.security_hub_in_market(pi.FRANKFURT, [pi.IRELAND, pi.PARIS]),
    ),
    Case("de-platform-intl-security-hub", "DE", pi.security_hub_in_market(pi.FRANKFURT, [])),
    Case("jp-platform-intl-security-hub", "JP", pi.security_hub_in_market(pi.TOKYO, [pi.OSAKA])),
    Case("us-platform-intl-security-hub", "US", pi.security_hub_in_market(pi.VIRGINIA, [pi.OHIO, pi.OREGON])),
    Case("eu-platform-intl-glue-jdbc-paris", "EU", pi.glue_jdbc_to_own_db(pi.PARIS)),
    Case("de-platform-intl-glue-jdbc", "DE", pi.glue_jdbc_to_own_db(pi.FRANKFURT)),
    Case("jp-platform-intl-glue-jdbc", "JP", pi.glue_jdbc_to_own_db(pi.TOKYO)),
    Case("us-platform-intl-user-notifications", "US", pi.user_notifications_us(pi.VIRGINIA, pi.OREGON)),
    Case("de-platform-intl-ali-ack-registry", "DE", pi.ali_ack_registry("eu-central-1")),
    Case("jp-platform-intl-ali-ack-registry", "JP", pi.ali_ack_registry("ap-northeast-1")),
    Case("us-platform-intl-ali-ack-registry-virginia", "US", pi.ali_ack_registry("us-east-1")),
    Case("eu-platform-intl-imds-region-script", "EU", pi.imds_region_script(pi.IRELAND)),
    Case("jp-platform-intl-imds-region-script-ipv6", "JP", pi.imds_region_script(pi.TOKYO, "[fd00:ec2::254]")),
    Case("us-platform-intl-imds-region-script-ohio", "US", pi.imds_region_script(pi.OHIO)),
    Case("eu-platform-intl-ses-inbound-sms-mfa", "EU", pi.ses_inbound_and_sms_mfa(pi.IRELAND, "fleet.example.eu")),
    Case("de-platform-intl-ses-inbound-sms-mfa", "DE", pi.ses_inbound_and_sms_mfa(pi.FRANKFURT, "fleet.example.de")),
    Case(
        "us-platform-intl-ses-inbound-sms-mfa-oregon", "US", pi.ses_inbound_and_sms_mfa(pi.OREGON, "fleet.example.com")
    ),
    Case("de-platform-intl-ali-audit-trail", "DE", pi.ali_audit_trail("eu-central-1")),
    Case("jp-platform-intl-ali-audit-trail", "JP", pi.ali_audit_trail("ap-northeast-1")),
    Case("us-platform-intl-ali-audit-trail-silicon-valley", "US", pi.ali_audit_trail("us-west-1")),
    # AWS red team, stop 32: Transfer Family lands uploads in `/<bucket>/<prefix>`, a bucket in any Region; a partner's
    # bucket there was accepted unjudged.
    Case("awsred6-eu-sftp-home-partner-bucket", "EU", transfer_landing("home", "partner-edi-inbox"), {"RES-017"}),
    Case("awsred6-eu-sftp-home-own-bucket", "EU", transfer_landing("home")),
    Case("awsred6-de-sftp-mapping-partner-bucket", "DE", transfer_landing("mapping", "partner-edi-inbox"), {"RES-017"}),
    Case("awsred6-de-sftp-mapping-own-bucket", "DE", transfer_landing("mapping")),
    Case("awsred6-us-sftp-group-partner-bucket", "US", transfer_landing("access", "partner-edi-inbox"), {"RES-017"}),
    Case("awsred6-us-sftp-group-own-bucket", "US", transfer_landing("access")),
    Case("awsred6-jp-as2-agreement-partner-bucket", "JP", transfer_landing("as2", "partner-edi-inbox"), {"RES-017"}),
    Case("awsred6-jp-as2-agreement-own-bucket", "JP", transfer_landing("as2")),
    Case("awsred6-eu-sftp-home-own-efs", "EU", transfer_landing("efs")),
    # Every aws-cn bucket is in China.
    Case("awsred6-cn-sftp-home-partner-bucket", "CN", transfer_landing("home", "partner-edi-inbox")),
    # An X-Ray sampling rule's `host` is matched against requests, not contacted (was refused, RES-015: a false alarm).
    Case("awsred6-eu-xray-sampling-own-api-host", "EU", xray_sampling_for_api()),
    Case("awsred6-eu-xray-sampling-rule-in-us-east-1", "EU", xray_sampling_for_api("us-east-1"), {"RES-003"}),
    # Run Command's output bucket (`OutputS3BucketName`) in a runbook or a Step Functions task, and Quick Setup's
    # Config delivery bucket (`DeliveryBucketName`): a partner's bucket there passed unjudged.
    Case(
        "awsred6-jp-runbook-output-partner-bucket",
        "JP",
        run_command_output("automation", "partner-run-logs"),
        {"RES-017"},
    ),
    Case("awsred6-jp-runbook-output-own-bucket", "JP", run_command_output("automation")),
    Case(
        "awsred6-us-sfn-send-command-partner-bucket", "US", run_command_output("sfn", "partner-run-logs"), {"RES-017"}
    ),
    Case("awsred6-us-sfn-send-command-own-bucket", "US", run_command_output("sfn")),
    Case(
        "awsred6-de-quick-setup-config-partner-bucket",
        "DE",
        quick_setup_config_recording("partner-config"),
        {"RES-017"},
    ),
    Case("awsred6-de-quick-setup-config-own-bucket", "DE", quick_setup_config_recording()),
    # SES recipients named inside a state machine (SendEmail's Destination): a partner's domain passed unjudged.
    Case(
        "awsred6-eu-sfn-mail-partner-recipient",
        "EU",
        recall_report_mail("recalls@partner.example.com"),
        {"RES-015"},
        destinations=[_EU_MAIL],
    ),
    Case(
        "awsred6-eu-sfn-mail-own-recipients",
        "EU",
        recall_report_mail("recalls@mail.example.eu"),
        destinations=[_EU_MAIL],
    ),
    # -- stop 32 (host-shape review): placeholders before a fixed domain --------------------------------------------
    Case(
        "hs32-de-alb-redirect-placeholder-partner-host",
        "DE",
        hs32_alb_redirect("#{host}.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "hs32-de-alb-redirect-placeholder-partner-host-declared",
        "DE",
        hs32_alb_redirect("#{host}.partner.example.com"),
        destinations=[_HS32_PARTNER],
    ),
    Case("hs32-eu-alb-redirect-own-host", "EU", hs32_alb_redirect("#{host}")),
    Case(
        "hs32-de-lambda-tenant-collector-placeholder",
        "DE",
        lambda_env({"COLLECTOR_HOST": "{{ tenant }}.partner.example.com:4317"}),
        {"RES-015"},
    ),
    Case(
        "hs32-de-lambda-tenant-collector-placeholder-declared",
        "DE",
        lambda_env({"COLLECTOR_HOST": "{{ tenant }}.partner.example.com:4317"}),
        destinations=[_HS32_PARTNER],
    ),
    Case(
        "hs32-jp-lambda-api-placeholder-own-region",
        "JP",
        lambda_env({"API_HOST": "{{api}}.execute-api.ap-northeast-1.amazonaws.com"}),
    ),
    Case(
        "hs32-jp-lambda-api-placeholder-other-region",
        "JP",
        lambda_env({"API_HOST": "{{api}}.execute-api.us-east-1.amazonaws.com"}),
        {"RES-006"},
    ),
    Case(
        "hs32-cn-fc-cluster-service-placeholder",
        "CN",
        hs32_fc_service_host("${SERVICE}.default.svc.cluster.local"),
        {"RES-015"},
    ),
    Case(
        "hs32-cn-fc-cluster-service-placeholder-declared",
        "CN",
        hs32_fc_service_host("${SERVICE}.default.svc.cluster.local"),
        destinations=[_HS32_CLUSTER],
    ),
    Case("hs32-cn-fc-oss-placeholder-own-region", "CN", hs32_fc_service_host("${bucket}.oss-cn-shanghai.aliyuncs.com")),
    Case(
        "hs32-de-http-api-stage-variable-partner-subdomain",
        "DE",
        hs32_http_api_stage_subdomain("https://${stageVariables.tenant}.partner.example.com/{proxy}"),
        {"RES-015"},
    ),
    Case(
        "hs32-de-http-api-stage-variable-partner-subdomain-declared",
        "DE",
        hs32_http_api_stage_subdomain("https://${stageVariables.tenant}.partner.example.com/{proxy}"),
        destinations=[_HS32_PARTNER],
    ),
    # Refused since stop 39: no Stage of the API is in the program, and a stage variable's value may hold "/" or "?"
    # (`partner.example.com/` sends every request to the partner whatever follows it), so the fixed ELB suffix after it
    # proves nothing. Its compliant twin, with a Stage naming the stack's ALB: stagehosts39-eu-http-api-subdomain-*.
    Case(
        "hs32-de-http-api-stage-variable-own-region-alb",
        "DE",
        hs32_http_api_stage_subdomain("http://${stageVariables.alb}.eu-central-1.elb.amazonaws.com/{proxy}"),
        {"RES-015"},
    ),
    # -- stop 32: resolvers, time servers and tunnel peers a network sends everything to (judged since stop 31; each
    # pinned here through every front door). A public address proves no country: refused unless declared.
    Case("hs32-de-vpc-dhcp-public-resolvers", "DE", hs32_vpc_dhcp_options(["8.8.8.8", "1.1.1.1"]), {"RES-015"}),
    Case("hs32-de-vpc-dhcp-amazon-resolver", "DE", hs32_vpc_dhcp_options(["AmazonProvidedDNS"])),
    Case("hs32-eu-vpc-dhcp-own-resolvers", "EU", hs32_vpc_dhcp_options(["10.20.0.2", "169.254.169.253"])),
    Case("hs32-cn-ali-dhcp-public-resolvers", "CN", hs32_ali_dhcp_options("223.5.5.5,223.6.6.6"), {"RES-015"}),
    Case("hs32-cn-ali-dhcp-vpc-resolvers", "CN", hs32_ali_dhcp_options("100.100.2.136,100.100.2.138")),
    Case("hs32-jp-directory-forwarder-public", "JP", hs32_conditional_forwarder(["8.8.8.8", "8.8.4.4"]), {"RES-015"}),
    Case("hs32-jp-directory-forwarder-private", "JP", hs32_conditional_forwarder(["10.20.0.10", "10.20.1.10"])),
    Case("hs32-us-tgw-connect-peer-public", "US", hs32_tgw_connect_peer("198.51.100.7"), {"RES-015"}),
    Case("hs32-us-tgw-connect-peer-private", "US", hs32_tgw_connect_peer("10.0.0.10")),
    Case("hs32-eu-client-vpn-public-resolver", "EU", hs32_client_vpn(["1.1.1.1"]), {"RES-015"}),
    Case("hs32-eu-client-vpn-vpc-resolver", "EU", hs32_client_vpn(["10.0.0.2"])),
    # -- stop 32, Alibaba red team round 7: a VOD online editing project's `division` is the region it is created in
    # (endpoints.yaml typed_region_fields); another region there was not judged, whatever the provider's region.
    Case("ali7-cn-vod-editing-project-singapore", "CN", ali7_editing_project("ap-southeast-1"), {"RES-009"}),
    Case("ali7-cn-vod-editing-project-own-region", "CN", ali7_editing_project(None)),
    Case("ali7-de-vod-editing-project-virginia", "DE", ali7_editing_project("us-east-1"), {"RES-009"}),
    Case("ali7-de-vod-editing-project-own-region", "DE", ali7_editing_project(None)),
    # -- stop 32 (s3url): a bucket named in an S3 URL's host or path is judged as its name or s3:// URI is (RES-017):
    # the endpoint's in-jurisdiction region proves nothing about the bucket's (S3 redirects to the bucket's region and
    # the SDKs follow). The stack's own bucket (its name from its Output) stays accepted; aws-cn by partition.
    Case("s3url-eu-lambda-virtual-partner", "EU", s3url_door("lambda", _S3URL_VIRTUAL, "partner-bucket"), {"RES-017"}),
    Case("s3url-eu-lambda-virtual-own", "EU", s3url_door("lambda", _S3URL_VIRTUAL)),
    Case("s3url-de-lambda-path-partner", "DE", s3url_door("lambda", _S3URL_PATH, "partner-bucket"), {"RES-017"}),
    Case("s3url-de-lambda-path-own", "DE", s3url_door("lambda", _S3URL_PATH)),
    Case(
        "s3url-jp-firehose-dualstack-partner",
        "JP",
        s3url_door("firehose", _S3URL_DUALSTACK, "partner-bucket"),
        {"RES-017"},
    ),
    Case("s3url-jp-firehose-dualstack-own", "JP", s3url_door("firehose", _S3URL_DUALSTACK)),
    Case("s3url-us-sns-fips-partner", "US", s3url_door("sns", _S3URL_FIPS, "partner-bucket"), {"RES-017"}),
    Case("s3url-us-sns-fips-own", "US", s3url_door("sns", _S3URL_FIPS)),
    Case(
        "s3url-eu-user-data-legacy-partner", "EU", s3url_door("user-data", _S3URL_LEGACY, "partner-bucket"), {"RES-017"}
    ),
    Case("s3url-eu-user-data-legacy-own", "EU", s3url_door("user-data", _S3URL_LEGACY)),
    # A website endpoint serves only the buckets of its own region ("The website endpoint you use must be in the same
    # region that your bucket resides", WebsiteEndpoints.html): its region is the bucket's, judged as such.
    Case("s3url-de-sns-website-partner-same-region", "DE", s3url_door("sns", _S3URL_WEBSITE, "partner-site")),
    Case(
        "s3url-de-sns-website-partner-foreign-region",
        "DE",
        s3url_door("sns", "http://{b}.s3-website-us-east-1.amazonaws.com/exports/", "partner-site"),
        {"RES-006"},
    ),
    Case("s3url-jp-lambda-website-dot-own", "JP", s3url_door("lambda", _S3URL_WEBSITE_DOT)),
    Case(
        "s3url-jp-lambda-website-dot-foreign-region",
        "JP",
        s3url_door("lambda", "http://{b}.s3-website.eu-central-1.amazonaws.com/exports/", "partner-site"),
        {"RES-006"},
    ),
    Case("s3url-us-user-data-path-partner", "US", s3url_door("user-data", _S3URL_PATH, "partner-bucket"), {"RES-017"}),
    Case("s3url-us-user-data-path-own", "US", s3url_door("user-data", _S3URL_PATH)),
    # Declared, the partner's bucket is accepted as its s3:// URI is.
    Case(
        "s3url-eu-lambda-virtual-partner-declared",
        "EU",
        s3url_door("lambda", _S3URL_VIRTUAL, "partner-bucket"),
        destinations=[_S3URL_PARTNER],
    ),
    # aws-cn: every region of the partition is in CN, so a bucket there is judged by its partition, as today.
    Case("s3url-cn-lambda-virtual-partner", "CN", s3url_door("lambda", _S3URL_CN_VIRTUAL, "partner-bucket")),
    # A foreign region stays refused under its own rule (the bucket is not judged twice).
    Case(
        "s3url-eu-lambda-foreign-region",
        "EU",
        s3url_door("lambda", "https://{b}.s3.us-east-1.amazonaws.com/x/"),
        {"RES-006"},
    ),
    # -- stop 32 (AWS red team, round 7): Transcribe's output bucket and S3 CopyObject's source in a workflow, a
    # recipient list in an environment variable (each passed unjudged before).
    Case(
        "awsred7-de-sfn-transcribe-partner-bucket", "DE", awsred7_transcribe_calls("partner-transcripts"), {"RES-017"}
    ),
    Case("awsred7-de-sfn-transcribe-own-bucket", "DE", awsred7_transcribe_calls()),
    Case("awsred7-jp-sfn-copy-from-partner-bucket", "JP", awsred7_copy_export("partner-exports"), {"RES-017"}),
    Case("awsred7-jp-sfn-copy-from-own-bucket", "JP", awsred7_copy_export()),
    Case(
        "awsred7-eu-lambda-report-recipients-partner",
        "EU",
        lambda_env(_AWSRED7_REPORT_PARTNER),
        {"RES-015"},
        destinations=[_EU_MAIL],
    ),
    Case(
        "awsred7-eu-lambda-report-recipients-own",
        "EU",
        lambda_env(_AWSRED7_REPORT_OWN),
        destinations=[_EU_MAIL],
    ),
    # A Lake Formation grant to another account (was accepted): it can query the table from any Region.
    Case("awsred7-eu-lake-grant-partner-account", "EU", awsred7_lake_grant("210987654321"), {"RES-016"}),
    Case("awsred7-eu-lake-grant-own-role", "EU", awsred7_lake_grant()),
    Case("awsred7-cn-lake-grant-partner-account", "CN", awsred7_lake_grant("210987654321")),
    # -- stop 32, false-alarm review of this stop's refusals (tests/platform_programs_refusals.py): what each market's
    # engineers write next to them. Route 53 aliases to an in-market load balancer, API, S3 website and Elastic
    # Beanstalk environment (the Beanstalk domain was refused, RES-015: `elasticbeanstalk.com` is now a catalogued
    # suffix, read by its Region label) and to a record of the same zone written by its full name.
    Case(
        "fa32-eu-route53-aliases-ireland",
        "EU",
        pr.route53_aliases_in_market(pi.IRELAND, "fleet.example.eu", website_dash=True),
    ),
    Case("fa32-de-route53-aliases", "DE", pr.route53_aliases_in_market(pi.FRANKFURT, "fleet.example.de")),
    Case(
        "fa32-jp-route53-aliases",
        "JP",
        pr.route53_aliases_in_market(pi.TOKYO, "fleet.example.jp", website_dash=True),
    ),
    Case("fa32-us-route53-aliases-oregon", "US", pr.route53_aliases_in_market(pi.OREGON, "fleet.example.com")),
    Case("fa32-cn-route53-aliases", "CN", pr.route53_aliases_in_market("cn-north-1", "fleet.example.cn")),
    Case(
        "fa32-de-route53-alias-beanstalk-virginia",
        "DE",
        pr.route53_aliases_in_market(pi.FRANKFURT, "fleet.example.de", beanstalk_region=pi.VIRGINIA),
        {"RES-006"},
    ),
    # Records written by their name relative to the zone ("portal"): the apex's alias to `portal.<zone>` is proven by
    # the record's relative name and the zone the stack makes, which the provider joins (since stop 33; refused before,
    # a false alarm left open then); the register covers it too.
    Case(
        "fa32-eu-route53-alias-relative-record-declared",
        "EU",
        pr.route53_aliases_in_market(pi.FRANKFURT, "fleet.example.eu", relative=True),
        destinations=[_FA32_PORTAL],
    ),
    Case(
        "fa32-eu-route53-alias-relative-record",
        "EU",
        pr.route53_aliases_in_market(pi.FRANKFURT, "fleet.example.eu", relative=True),
    ),
    # Cognito user pool and identity pool ids of an in-market Region (ids that carry their Region).
    Case("fa32-eu-cognito-ids-ireland-pool", "EU", pr.cognito_ids_in_market(pi.FRANKFURT, pi.IRELAND)),
    Case("fa32-de-cognito-ids", "DE", pr.cognito_ids_in_market(pi.FRANKFURT)),
    Case("fa32-jp-cognito-ids-osaka-pool", "JP", pr.cognito_ids_in_market(pi.TOKYO, pi.OSAKA)),
    Case("fa32-us-cognito-ids-oregon-pool", "US", pr.cognito_ids_in_market(pi.VIRGINIA, pi.OREGON)),
    Case("fa32-cn-cognito-ids-ningxia-pool", "CN", pr.cognito_ids_in_market("cn-north-1", "cn-northwest-1")),
    # `registry` as a host key: the Region's ECR / ACR registry, a registry id and a schema registry's name.
    Case("fa32-eu-registry-environment-paris", "EU", pr.registry_environment(pi.PARIS)),
    Case("fa32-jp-registry-environment", "JP", pr.registry_environment(pi.TOKYO)),
    Case("fa32-cn-registry-environment-ningxia", "CN", pr.registry_environment("cn-northwest-1")),
    Case("fa32-cn-ali-registry-oss-paths", "CN", pr.ali_registry_and_oss_environment("cn-shanghai", hdfs=True)),
    Case("fa32-de-ali-registry-oss-paths", "DE", pr.ali_registry_and_oss_environment("eu-central-1")),
    Case("fa32-jp-ali-registry-oss-paths", "JP", pr.ali_registry_and_oss_environment("ap-northeast-1")),
    Case("fa32-us-ali-registry-oss-paths-virginia", "US", pr.ali_registry_and_oss_environment("us-east-1")),
    # A bucket named alone (`oss://<bucket>/`) names no region: refused unless made here, and declared by its name.
    Case(
        "fa32-cn-ali-oss-shared-bucket-declared",
        "CN",
        pr.ali_registry_and_oss_environment("cn-shanghai", shared_bucket=True),
        destinations=[_FA32_RAW_DRIVES],
    ),
    Case(
        "fa32-cn-ali-oss-shared-bucket",
        "CN",
        pr.ali_registry_and_oss_environment("cn-shanghai", shared_bucket=True),
        {"RES-017"},
    ),
    # Home-Region services: budgets and cost anomaly alerts to the stack's own topic, an Organizations backup policy
    # copying to the market's other Region.
    Case("fa32-eu-cost-alerts-own-topic", "EU", pr.cost_alerts_to_own_topic(pi.FRANKFURT)),
    Case("fa32-us-cost-alerts-own-topic", "US", pr.cost_alerts_to_own_topic(pi.VIRGINIA)),
    Case("fa32-jp-cost-alerts-own-topic", "JP", pr.cost_alerts_to_own_topic(pi.TOKYO)),
    Case("fa32-cn-cost-alerts-own-topic-ningxia", "CN", pr.cost_alerts_to_own_topic("cn-northwest-1")),
    Case("fa32-eu-org-backup-policy-ireland", "EU", pr.org_backup_policy_in_market(pi.FRANKFURT, pi.IRELAND)),
    Case("fa32-jp-org-backup-policy-osaka", "JP", pr.org_backup_policy_in_market(pi.TOKYO, pi.OSAKA)),
    Case("fa32-cn-org-backup-policy-ningxia", "CN", pr.org_backup_policy_in_market("cn-north-1", "cn-northwest-1")),
    Case("fa32-us-org-backup-policy-oregon", "US", pr.org_backup_policy_in_market(pi.VIRGINIA, pi.OREGON)),
    # Pipelines to hosts inside documents: OpenSearch Ingestion to the stack's domain, DMS from an in-market Aurora
    # cluster, DataSync from a file server inside the network.
    Case("fa32-de-osis-own-domain", "DE", pr.osis_to_own_domain(pi.FRANKFURT)),
    Case("fa32-jp-osis-own-domain", "JP", pr.osis_to_own_domain(pi.TOKYO)),
    Case("fa32-us-osis-own-domain-oregon", "US", pr.osis_to_own_domain(pi.OREGON)),
    Case("fa32-eu-dms-ireland-aurora", "EU", pr.dms_from_in_market_aurora(pi.IRELAND)),
    Case("fa32-de-dms-aurora", "DE", pr.dms_from_in_market_aurora(pi.FRANKFURT)),
    Case("fa32-cn-dms-aurora", "CN", pr.dms_from_in_market_aurora("cn-north-1")),
    Case("fa32-de-datasync-smb-plant", "DE", pr.datasync_smb_on_premises(pi.FRANKFURT)),
    Case("fa32-cn-datasync-smb-plant-ningxia", "CN", pr.datasync_smb_on_premises("cn-northwest-1")),
    # Alibaba Cloud cross-region paths inside one market.
    Case("fa32-us-ali-peering-replication-virginia", "US", pr.ali_peering_and_replication("us-west-1", "us-east-1")),
    Case("fa32-cn-ali-peering-replication-beijing", "CN", pr.ali_peering_and_replication("cn-shanghai", "cn-beijing")),
    # -- Coverage red team (stop 33, newsvc): types with destination-like inputs that no program exercised --------
    # Checked and already judged correctly (a foreign destination refused; some with their in-country twin).
    Case(
        "newsvc-cn-log-delivery-to-virginia-firehose",
        "CN",
        newsvc_log_delivery_destination("arn:aws:firehose:us-east-1:123456789012:deliverystream/partner-logs"),
        {"RES-004"},
    ),
    Case(
        "newsvc-cn-lambda-failures-to-virginia-queue",
        "CN",
        newsvc_lambda_failure_destination("arn:aws:sqs:us-east-1:123456789012:charge-dlq"),
        {"RES-004"},
    ),
    Case(
        "newsvc-cn-lambda-failures-to-own-queue",
        "CN",
        newsvc_lambda_failure_destination("arn:aws-cn:sqs:cn-north-1:123456789012:charge-dlq"),
    ),
    Case("newsvc-eu-dynamodb-export-partner-bucket", "EU", newsvc_dynamodb_export(_NEWSVC_PARTNER_BUCKET), {"RES-017"}),
    Case("newsvc-eu-dynamodb-export-own-bucket", "EU", newsvc_dynamodb_export(None)),
    Case("newsvc-eu-rds-export-partner-bucket", "EU", newsvc_rds_snapshot_export(_NEWSVC_PARTNER_BUCKET), {"RES-017"}),
    Case(
        "newsvc-eu-fsx-partner-repository",
        "EU",
        newsvc_fsx_repository(f"s3://{_NEWSVC_PARTNER_BUCKET}/training"),
        {"RES-017"},
    ),
    Case(
        "newsvc-cn-appsync-partner-endpoint",
        "CN",
        newsvc_appsync_http_source("https://api.partner-telematics.com"),
        {"RES-015"},
    ),
    Case(
        "newsvc-eu-connect-recordings-partner-bucket",
        "EU",
        newsvc_connect_recordings(_NEWSVC_PARTNER_BUCKET),
        {"RES-017"},
    ),
    Case(
        "newsvc-eu-depot-camera-detections-partner-bucket",
        "EU",
        newsvc_face_search_output(_NEWSVC_PARTNER_BUCKET),
        {"RES-017"},
    ),
    Case("newsvc-eu-ivs-recordings-partner-bucket", "EU", newsvc_ivs_recordings(_NEWSVC_PARTNER_BUCKET), {"RES-017"}),
    Case(
        "newsvc-eu-firewall-logs-partner-bucket",
        "EU",
        newsvc_firewall_logs({"bucketName": _NEWSVC_PARTNER_BUCKET, "prefix": "egress"}, "S3"),
        {"RES-017"},
    ),
    Case(
        "newsvc-cn-codeconnections-partner-gitlab",
        "CN",
        newsvc_codeconnections_host("https://gitlab.partner-telematics.com"),
        {"RES-015"},
    ),
    Case("newsvc-eu-inventory-sync-partner-bucket", "EU", newsvc_inventory_sync(_NEWSVC_PARTNER_BUCKET), {"RES-017"}),
    Case(
        "newsvc-cn-lattice-logs-virginia-log-group",
        "CN",
        newsvc_lattice_access_logs("arn:aws:logs:us-east-1:123456789012:log-group:/lattice/fleet-mesh"),
        {"RES-004"},
    ),
    Case(
        "newsvc-cn-arms-remote-write-grafana-cloud",
        "CN",
        newsvc_prometheus_remote_write("https://prometheus-prod-10-prod-us-central-0.grafana.net/api/prom/push"),
        {"RES-015"},
    ),
    Case(
        "newsvc-cn-cms-events-to-partner-webhook",
        "CN",
        newsvc_cms_event_webhook("https://events.partner-noc.com/aliyun"),
        {"RES-015"},
    ),
    Case(
        "newsvc-cn-msc-webhook-slack",
        "CN",
        newsvc_msc_webhook("https://hooks.slack.com/services/T0000/B0000/XXXXXXXX"),
        {"RES-015"},
    ),
    Case(
        "newsvc-cn-fc-failures-to-singapore-queue",
        "CN",
        newsvc_fc_async_failure("acs:mns:ap-southeast-1:1234567890123456:/queues/charge-dlq/messages"),
        {"RES-005"},
    ),
    Case(
        "newsvc-cn-fc-failures-to-shanghai-queue",
        "CN",
        pp.assuming_role(newsvc_fc_async_failure("acs:mns:cn-shanghai:1234567890123456:/queues/charge-dlq/messages")),
    ),
    Case(
        "newsvc-cn-config-delivery-singapore-logstore",
        "CN",
        newsvc_config_delivery("acs:log:ap-southeast-1:1234567890123456:project/fleet-config/logstore/changes"),
        {"RES-005"},
    ),
    Case(
        "newsvc-cn-config-delivery-shanghai-logstore",
        "CN",
        pp.assuming_role(
            newsvc_config_delivery("acs:log:cn-shanghai:1234567890123456:project/fleet-config/logstore/changes")
        ),
    ),
    Case(
        "newsvc-cn-caster-side-output-partner-rtmp",
        "CN",
        newsvc_caster_side_output("rtmp://live.partner-media.com/app/launch"),
        {"RES-015"},
    ),
    Case(
        "newsvc-cn-gateway-share-singapore-oss",
        "CN",
        newsvc_gateway_share("oss-ap-southeast-1-internal.aliyuncs.com"),
        {"RES-006"},
    ),
    Case("newsvc-cn-gateway-share-shanghai-oss", "CN", newsvc_gateway_share("oss-cn-shanghai-internal.aliyuncs.com")),
    Case(
        "newsvc-cn-dms-singapore-rds",
        "CN",
        newsvc_dms_instance("rm-t4n0a1b2c3d4e5f6.mysql.singapore.rds.aliyuncs.com"),
        {"RES-015"},
    ),
    Case(
        "newsvc-cn-moderation-callback-partner",
        "CN",
        newsvc_moderation_callback("https://moderation.partner-review.com/callback"),
        {"RES-015"},
    ),
    Case(
        "newsvc-cn-sls-etl-sink-singapore",
        "CN",
        newsvc_sls_etl_sink("ap-southeast-1-intranet.log.aliyuncs.com"),
        {"RES-006"},
    ),
    Case("newsvc-cn-sls-etl-sink-shanghai", "CN", newsvc_sls_etl_sink("cn-shanghai-intranet.log.aliyuncs.com")),
    Case(
        "newsvc-cn-sls-collection-to-singapore", "CN", newsvc_sls_centralised_collection("ap-southeast-1"), {"RES-009"}
    ),
    Case("newsvc-cn-sls-collection-to-beijing", "CN", newsvc_sls_centralised_collection("cn-beijing")),
    Case("newsvc-eu-table-replication-to-virginia", "EU", newsvc_table_bucket_replication("us-east-1"), {"RES-004"}),
    Case("newsvc-eu-table-replication-to-frankfurt", "EU", newsvc_table_bucket_replication("eu-central-1")),
    Case("newsvc-eu-security-lake-rollup-virginia", "EU", newsvc_security_lake_rollup(["us-east-1"]), {"RES-009"}),
    Case(
        "newsvc-cn-event-stream-partner-rabbitmq",
        "CN",
        newsvc_event_stream_rabbitmq("mq.partner-logistics.com:5672"),
        {"RES-015"},
    ),
    # Leaks closed (each refused only since stop 33), with their twins.
    Case(
        "newsvc-eu-agent-memory-payloads-partner-bucket",
        "EU",
        newsvc_agent_memory_payloads(_NEWSVC_PARTNER_BUCKET),
        {"RES-017"},
    ),
    Case("newsvc-eu-agent-memory-payloads-own-bucket", "EU", newsvc_agent_memory_payloads(None)),
    Case(
        "newsvc-cn-firewall-alarms-to-gmail", "CN", newsvc_firewall_alarm_contact("fleet.secops@gmail.com"), {"RES-015"}
    ),
    Case(
        "newsvc-cn-firewall-alarms-declared-mail",
        "CN",
        newsvc_firewall_alarm_contact("secops@mail.example.cn"),
        destinations=[_NEWSVC_MAIL],
    ),
    Case(
        "newsvc-cn-firewall-notify-to-partner-mail",
        "CN",
        newsvc_firewall_alarm_contact("secops@mail.example.cn", notify="alerts@partner-soc.com"),
        {"RES-015"},
        destinations=[_NEWSVC_MAIL],
    ),
    Case(
        "newsvc-cn-firewall-notify-declared-mail",
        "CN",
        newsvc_firewall_alarm_contact("secops@mail.example.cn", notify="soc@mail.example.cn"),
        destinations=[_NEWSVC_MAIL],
    ),
    Case(
        "newsvc-cn-schedulerx-alarms-to-partner-mail",
        "CN",
        newsvc_schedulerx_job_contact(mail="oncall@partner-ops.com"),
        {"RES-015"},
    ),
    Case(
        "newsvc-cn-schedulerx-alarms-declared-mail",
        "CN",
        newsvc_schedulerx_job_contact(mail="oncall@mail.example.cn"),
        destinations=[_NEWSVC_MAIL],
    ),
    Case(
        "newsvc-cn-schedulerx-alarms-hong-kong-phone",
        "CN",
        newsvc_schedulerx_job_contact(phone="+85251234567"),
        {"RES-022"},
    ),
    Case("newsvc-cn-schedulerx-alarms-mainland-phone", "CN", newsvc_schedulerx_job_contact(phone="+8613123456789")),
    Case("newsvc-cn-schedulerx-app-alarms-us-phone", "CN", newsvc_schedulerx_app_contacts("+12025550143"), {"RES-022"}),
    Case("newsvc-cn-schedulerx-app-alarms-mainland-phone", "CN", newsvc_schedulerx_app_contacts("+8613123456789")),
    Case(
        "newsvc-eu-mail-rule-redirects-claims-to-partner",
        "EU",
        newsvc_mail_rule_replace_recipient(["claims@partner-insurer.com"]),
        {"RES-015"},
    ),
    Case(
        "newsvc-eu-mail-rule-redirects-claims-declared",
        "EU",
        newsvc_mail_rule_replace_recipient(["claims@mail.fleet.example.eu"]),
        destinations=[_NEWSVC_EU_MAIL],
    ),
    Case("newsvc-cn-esa-edge-kv-fleet-tariffs", "CN", newsvc_edge_kv("esa"), {"RES-016"}),
    Case(
        "newsvc-cn-esa-edge-kv-fleet-tariffs-declared", "CN", newsvc_edge_kv("esa"), destinations=[_NEWSVC_EDGE_KV_CN]
    ),
    Case("newsvc-de-dcdn-edge-kv-fleet-tariffs", "DE", newsvc_edge_kv("dcdn"), {"RES-016"}),
    Case(
        "newsvc-de-dcdn-edge-kv-fleet-tariffs-declared", "DE", newsvc_edge_kv("dcdn"), destinations=[_NEWSVC_EDGE_KV_DE]
    ),
    Case("newsvc-cn-cms-events-to-slack-channel", "CN", newsvc_event_notify_channel("SLACK"), {"RES-016"}),
    Case("newsvc-cn-cms-events-to-contacts", "CN", newsvc_event_notify_channel("CONTACT")),
    Case(
        "newsvc-cn-dataworks-alarms-to-feishu-robot",
        "CN",
        newsvc_dataworks_alarm_receiver("FeishuToken", "3f2a9c1e-5b7d-4e0a-9c1f-2b3d4e5f6a7b"),
        {"RES-016"},
    ),
    Case(
        "newsvc-cn-dataworks-alarms-to-account-users",
        "CN",
        newsvc_dataworks_alarm_receiver("AliyunUid", "2876543210123456"),
    ),
    # -- stop 33, false-alarm hunt (tests/platform_programs_data.py): the in-country data lake and streaming telemetry
    # path, ML workloads, the owner data export service and observability, in CN (both clouds), EU, DE, JP and US.
    Case("falsealarm9-cn-kinesis-fanout-catalog", "CN", pdata.kinesis_fanout_catalog("cn-north-1")),
    Case("falsealarm9-cn-kinesis-fanout-catalog-ningxia", "CN", pdata.kinesis_fanout_catalog("cn-northwest-1")),
    Case("falsealarm9-eu-kinesis-fanout-catalog-paris", "EU", pdata.kinesis_fanout_catalog(pi.PARIS)),
    Case("falsealarm9-de-kinesis-fanout-catalog", "DE", pdata.kinesis_fanout_catalog(pi.FRANKFURT)),
    Case("falsealarm9-jp-kinesis-fanout-catalog", "JP", pdata.kinesis_fanout_catalog(pi.TOKYO)),
    Case("falsealarm9-us-kinesis-fanout-catalog-ohio", "US", pdata.kinesis_fanout_catalog(pi.OHIO)),
    Case("falsealarm9-cn-glue-kafka-schema-ningxia", "CN", pdata.glue_kafka_schema("cn-northwest-1")),
    Case("falsealarm9-eu-glue-kafka-schema-ireland", "EU", pdata.glue_kafka_schema(pi.IRELAND)),
    Case("falsealarm9-jp-glue-kafka-schema", "JP", pdata.glue_kafka_schema(pi.TOKYO)),
    Case("falsealarm9-us-glue-kafka-schema-oregon", "US", pdata.glue_kafka_schema(pi.OREGON)),
    Case("falsealarm9-eu-glue-workflow-quality-ireland", "EU", pdata.glue_workflow_quality(pi.IRELAND)),
    Case("falsealarm9-de-glue-workflow-quality", "DE", pdata.glue_workflow_quality(pi.FRANKFURT)),
    Case("falsealarm9-jp-glue-workflow-quality", "JP", pdata.glue_workflow_quality(pi.TOKYO)),
    Case("falsealarm9-us-glue-workflow-quality-ohio", "US", pdata.glue_workflow_quality(pi.OHIO)),
    Case("falsealarm9-cn-firehose-redshift", "CN", pdata.firehose_to_redshift("cn-north-1")),
    Case("falsealarm9-eu-firehose-redshift-paris", "EU", pdata.firehose_to_redshift(pi.PARIS)),
    Case("falsealarm9-jp-firehose-redshift", "JP", pdata.firehose_to_redshift(pi.TOKYO)),
    Case("falsealarm9-us-firehose-redshift", "US", pdata.firehose_to_redshift(pi.VIRGINIA)),
    Case("falsealarm9-cn-firehose-opensearch-ningxia", "CN", pdata.firehose_to_opensearch("cn-northwest-1")),
    Case("falsealarm9-eu-firehose-opensearch-milan", "EU", pdata.firehose_to_opensearch(pi.MILAN)),
    Case("falsealarm9-de-firehose-opensearch", "DE", pdata.firehose_to_opensearch(pi.FRANKFURT)),
    Case("falsealarm9-us-firehose-opensearch-ohio", "US", pdata.firehose_to_opensearch(pi.OHIO)),
    Case("falsealarm9-eu-msk-replicator-frankfurt-ireland", "EU", pdata.msk_replicator(pi.FRANKFURT, pi.IRELAND)),
    Case("falsealarm9-us-msk-replicator-virginia-oregon", "US", pdata.msk_replicator(pi.VIRGINIA, pi.OREGON)),
    Case("falsealarm9-cn-redshift-operations-ningxia", "CN", pdata.redshift_operations("cn-northwest-1")),
    Case("falsealarm9-eu-redshift-operations", "EU", pdata.redshift_operations(pi.FRANKFURT)),
    Case("falsealarm9-jp-redshift-operations-osaka", "JP", pdata.redshift_operations(pi.OSAKA)),
    Case("falsealarm9-eu-lake-cells-filter-ireland", "EU", pdata.lake_cells_filter(pi.IRELAND, "IE")),
    Case("falsealarm9-de-lake-cells-filter", "DE", pdata.lake_cells_filter(pi.FRANKFURT, "DE")),
    Case("falsealarm9-jp-lake-cells-filter", "JP", pdata.lake_cells_filter(pi.TOKYO, "JP")),
    Case("falsealarm9-us-lake-cells-filter-oregon", "US", pdata.lake_cells_filter(pi.OREGON, "US")),
    Case("falsealarm9-eu-athena-spark-federated", "EU", pdata.athena_spark_federated(pi.FRANKFURT)),
    Case("falsealarm9-jp-athena-spark-federated", "JP", pdata.athena_spark_federated(pi.TOKYO)),
    Case("falsealarm9-us-athena-spark-federated-oregon", "US", pdata.athena_spark_federated(pi.OREGON)),
    # Athena JDBC URLs name the Region in a property (jdbc:athena://Region=...): were refused as a host (RES-015).
    Case("falsealarm9-eu-athena-jdbc-reports", "EU", pdata.athena_jdbc_reports(pi.FRANKFURT)),
    Case("falsealarm9-de-athena-jdbc-reports", "DE", pdata.athena_jdbc_reports(pi.FRANKFURT)),
    Case("falsealarm9-jp-athena-jdbc-reports-osaka", "JP", pdata.athena_jdbc_reports(pi.OSAKA)),
    Case("falsealarm9-us-athena-jdbc-reports-oregon", "US", pdata.athena_jdbc_reports(pi.OREGON)),
    Case("falsealarm9-cn-athena-jdbc-reports", "CN", pdata.athena_jdbc_reports("cn-north-1")),
    Case("falsealarm9-cn-athena-jdbc-reports-ningxia", "CN", pdata.athena_jdbc_reports("cn-northwest-1")),
    Case(
        "falsealarm9-eu-athena-jdbc-reports-virginia",
        "EU",
        pdata.athena_jdbc_reports(pi.FRANKFURT, query_region=pi.VIRGINIA),
        {"RES-006"},
    ),
    Case("falsealarm9-cn-ali-datahub-maxcompute", "CN", pdata.ali_datahub_maxcompute("cn-shanghai")),
    Case("falsealarm9-cn-ali-datahub-maxcompute-hangzhou", "CN", pdata.ali_datahub_maxcompute("cn-hangzhou")),
    Case("falsealarm9-cn-ali-datahub-maxcompute-beijing", "CN", pdata.ali_datahub_maxcompute("cn-beijing")),
    Case("falsealarm9-cn-ali-flink-datahub-to-sls", "CN", pdata.ali_flink_datahub_to_sls("cn-shanghai")),
    Case("falsealarm9-cn-ali-flink-datahub-to-sls-hangzhou", "CN", pdata.ali_flink_datahub_to_sls("cn-hangzhou")),
    Case("falsealarm9-cn-ali-emr-datalake-hangzhou", "CN", pdata.ali_emr_datalake("cn-hangzhou")),
    Case("falsealarm9-cn-ali-emr-datalake-shenzhen", "CN", pdata.ali_emr_datalake("cn-shenzhen")),
    Case("falsealarm9-cn-ali-sls-export-alerts", "CN", pdata.ali_sls_export_alerts("cn-shanghai")),
    Case("falsealarm9-de-ali-sls-export-alerts", "DE", pdata.ali_sls_export_alerts("eu-central-1")),
    Case("falsealarm9-jp-ali-sls-export-alerts", "JP", pdata.ali_sls_export_alerts("ap-northeast-1")),
    Case("falsealarm9-us-ali-sls-export-alerts-silicon-valley", "US", pdata.ali_sls_export_alerts("us-west-1")),
    Case("falsealarm9-eu-bedrock-invocation-logging", "EU", pdata.bedrock_invocation_logging(pi.FRANKFURT)),
    Case("falsealarm9-eu-bedrock-invocation-logging-paris", "EU", pdata.bedrock_invocation_logging(pi.PARIS)),
    Case("falsealarm9-de-bedrock-invocation-logging", "DE", pdata.bedrock_invocation_logging(pi.FRANKFURT)),
    Case("falsealarm9-jp-bedrock-invocation-logging", "JP", pdata.bedrock_invocation_logging(pi.TOKYO)),
    Case("falsealarm9-us-bedrock-invocation-logging-oregon", "US", pdata.bedrock_invocation_logging(pi.OREGON)),
    Case("falsealarm9-cn-sagemaker-notebook-registry", "CN", pdata.sagemaker_notebook_registry("cn-north-1")),
    Case("falsealarm9-eu-sagemaker-notebook-registry-ireland", "EU", pdata.sagemaker_notebook_registry(pi.IRELAND)),
    Case("falsealarm9-jp-sagemaker-notebook-registry", "JP", pdata.sagemaker_notebook_registry(pi.TOKYO)),
    Case("falsealarm9-us-sagemaker-notebook-registry", "US", pdata.sagemaker_notebook_registry(pi.VIRGINIA)),
    Case("falsealarm9-cn-sagemaker-model-monitor-ningxia", "CN", pdata.sagemaker_model_monitor("cn-northwest-1")),
    Case("falsealarm9-eu-sagemaker-model-monitor", "EU", pdata.sagemaker_model_monitor(pi.FRANKFURT)),
    Case("falsealarm9-us-sagemaker-model-monitor", "US", pdata.sagemaker_model_monitor(pi.VIRGINIA)),
    Case(
        "falsealarm9-cn-ali-model-studio-beijing",
        "CN",
        pdata.ali_model_studio("cn-beijing", "https://dashscope.aliyuncs.com/compatible-mode/v1"),
    ),
    Case(
        "falsealarm9-cn-ali-model-studio-workspace-domain",
        "CN",
        pdata.ali_model_studio("cn-beijing", "https://ws-fleet01.cn-beijing.maas.aliyuncs.com/compatible-mode/v1"),
    ),
    # Model Studio: Singapore's DashScope domain is not Beijing's (RES-015); Frankfurt's and Virginia's workspace
    # domains also serve the Global deployment scope, which the host does not show (RES-016, was accepted by its
    # region label), declared where the workspace uses the EU scope only.
    Case(
        "falsealarm9-cn-ali-model-studio-singapore",
        "CN",
        pdata.ali_model_studio("cn-beijing", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"),
        {"RES-015"},
    ),
    Case(
        "falsealarm9-de-ali-model-studio-frankfurt-workspace",
        "DE",
        pdata.ali_model_studio("eu-central-1", pdata.MODEL_STUDIO_FRANKFURT),
        {"RES-016"},
    ),
    Case(
        "falsealarm9-de-ali-model-studio-frankfurt-eu-scope-declared",
        "DE",
        pdata.ali_model_studio("eu-central-1", pdata.MODEL_STUDIO_FRANKFURT),
        destinations=[pdata.MODEL_STUDIO_EU_SCOPE],
    ),
    Case(
        "falsealarm9-us-ali-model-studio-virginia-workspace",
        "US",
        pdata.ali_model_studio("us-east-1", "https://ws-fleet01.us-east-1.maas.aliyuncs.com/compatible-mode/v1"),
        {"RES-016"},
    ),
    Case("falsealarm9-cn-cloudfront-signed-exports", "CN", pdata.cn_cloudfront_signed_exports("cn-north-1")),
    Case(
        "falsealarm9-cn-cloudfront-signed-exports-ningxia", "CN", pdata.cn_cloudfront_signed_exports("cn-northwest-1")
    ),
    Case("falsealarm9-eu-http-api-export", "EU", pdata.http_api_export(pi.IRELAND, "fleet.example.eu")),
    Case("falsealarm9-de-http-api-export", "DE", pdata.http_api_export(pi.FRANKFURT, "fleet.example.de")),
    Case("falsealarm9-jp-http-api-export-osaka", "JP", pdata.http_api_export(pi.OSAKA, "fleet.example.jp")),
    Case("falsealarm9-us-http-api-export-ohio", "US", pdata.http_api_export(pi.OHIO, "fleet.example.com")),
    Case("falsealarm9-cn-ali-cdn-signed-exports", "CN", pdata.ali_cdn_signed_exports("cn-shanghai")),
    Case("falsealarm9-cn-ali-cdn-signed-exports-beijing", "CN", pdata.ali_cdn_signed_exports("cn-beijing")),
    Case("falsealarm9-cn-ali-oss-presign-api", "CN", pdata.ali_oss_presign_api("cn-hangzhou")),
    Case("falsealarm9-de-ali-oss-presign-api", "DE", pdata.ali_oss_presign_api("eu-central-1")),
    Case("falsealarm9-jp-ali-oss-presign-api", "JP", pdata.ali_oss_presign_api("ap-northeast-1")),
    Case("falsealarm9-us-ali-oss-presign-api-virginia", "US", pdata.ali_oss_presign_api("us-east-1")),
    Case("falsealarm9-eu-oam-cross-account", "EU", pdata.oam_cross_account(pi.FRANKFURT)),
    Case("falsealarm9-jp-oam-cross-account", "JP", pdata.oam_cross_account(pi.TOKYO)),
    Case("falsealarm9-us-oam-cross-account-oregon", "US", pdata.oam_cross_account(pi.OREGON)),
    Case("falsealarm9-cn-logs-subscription-insights", "CN", pdata.logs_subscription_insights("cn-north-1")),
    Case("falsealarm9-eu-logs-subscription-insights-stockholm", "EU", pdata.logs_subscription_insights(pi.STOCKHOLM)),
    Case("falsealarm9-de-logs-subscription-insights", "DE", pdata.logs_subscription_insights(pi.FRANKFURT)),
    Case("falsealarm9-jp-logs-subscription-insights", "JP", pdata.logs_subscription_insights(pi.TOKYO)),
    Case("falsealarm9-us-logs-subscription-insights", "US", pdata.logs_subscription_insights(pi.VIRGINIA)),
    Case("falsealarm9-eu-internet-monitor", "EU", pdata.internet_monitor(pi.FRANKFURT)),
    Case("falsealarm9-us-internet-monitor", "US", pdata.internet_monitor(pi.VIRGINIA)),
    Case("falsealarm9-eu-amp-eks-scraper-ireland", "EU", pdata.amp_eks_scraper(pi.IRELAND)),
    Case("falsealarm9-jp-amp-eks-scraper", "JP", pdata.amp_eks_scraper(pi.TOKYO)),
    Case("falsealarm9-us-amp-eks-scraper-oregon", "US", pdata.amp_eks_scraper(pi.OREGON)),
    # Managed Service for OpenTelemetry endpoints naming the region by an abbreviation (tracing-analysis-dc-sh): were
    # refused (RES-015); each is a one-region endpoint of the catalogue now, Hangzhou's refused in Frankfurt.
    Case("falsealarm9-cn-ali-otel-tracing-shanghai", "CN", pdata.ali_otel_tracing("cn-shanghai")),
    Case("falsealarm9-cn-ali-otel-tracing-hangzhou", "CN", pdata.ali_otel_tracing("cn-hangzhou")),
    Case("falsealarm9-cn-ali-otel-tracing-beijing", "CN", pdata.ali_otel_tracing("cn-beijing")),
    Case("falsealarm9-cn-ali-otel-tracing-shenzhen", "CN", pdata.ali_otel_tracing("cn-shenzhen")),
    Case("falsealarm9-jp-ali-otel-tracing-tokyo", "JP", pdata.ali_otel_tracing("ap-northeast-1")),
    Case(
        "falsealarm9-de-ali-otel-tracing-to-hangzhou",
        "DE",
        pdata.ali_otel_tracing("eu-central-1", tracing_region="cn-hangzhou"),
        {"RES-006"},
    ),
    Case("falsealarm9-eu-adot-collector", "EU", pdata.adot_collector(pi.FRANKFURT)),
    Case("falsealarm9-de-adot-collector", "DE", pdata.adot_collector(pi.FRANKFURT)),
    Case("falsealarm9-jp-adot-collector", "JP", pdata.adot_collector(pi.TOKYO)),
    Case("falsealarm9-us-adot-collector-ohio", "US", pdata.adot_collector(pi.OHIO)),
    Case(
        "falsealarm9-eu-adot-collector-signing-virginia",
        "EU",
        pdata.adot_collector(pi.FRANKFURT, signing_region=pi.VIRGINIA),
        {"RES-009"},
    ),
    Case("falsealarm9-cn-ali-arms-environment", "CN", pdata.ali_arms_environment("cn-hangzhou")),
    Case("falsealarm9-de-ali-arms-environment", "DE", pdata.ali_arms_environment("eu-central-1")),
    Case("falsealarm9-jp-ali-arms-environment", "JP", pdata.ali_arms_environment("ap-northeast-1")),
    # -- stop 33 (host-shape review): printf / Python %-format / Windows cmd / autoconf / token-tool / old Grafana
    # placeholders before a fixed domain, judged as `${X}` is (each reproduced accepted on the stop-32 engine).
    Case(
        "hs33-de-lambda-printf-partner-host",
        "DE",
        lambda_env({"COLLECTOR_HOST": "%s.partner.example.com"}),
        {"RES-015"},
    ),
    Case(
        "hs33-de-lambda-printf-partner-host-declared",
        "DE",
        lambda_env({"COLLECTOR_HOST": "%s.partner.example.com"}),
        destinations=[_HS32_PARTNER],
    ),
    Case(
        "hs33-de-lambda-printf-own-region-api",
        "DE",
        lambda_env({"COLLECTOR_HOST": "%s.execute-api.eu-central-1.amazonaws.com"}),
    ),
    Case(
        "hs33-jp-lambda-pyformat-partner-url",
        "JP",
        lambda_env({"INGEST_URL": "https://%(tenant)s.partner.example.com/v1/ingest"}),
        {"RES-015"},
    ),
    Case(
        "hs33-jp-lambda-pyformat-own-region-url",
        "JP",
        lambda_env({"INGEST_URL": "https://%(tenant)s.execute-api.ap-northeast-1.amazonaws.com/prod/ingest"}),
    ),
    Case(
        "hs33-jp-lambda-pyformat-other-region-url",
        "JP",
        lambda_env({"INGEST_URL": "https://%(tenant)s.execute-api.us-east-1.amazonaws.com/prod/ingest"}),
        {"RES-006"},
    ),
    Case("hs33-us-datasync-autoconf-partner-nfs", "US", datasync_nfs("@NFS_HOST@.storage.example.net"), {"RES-015"}),
    Case("hs33-us-datasync-autoconf-nfs-alone", "US", datasync_nfs("@NFS_HOST@")),
    Case(
        "hs33-cn-fc-token-collector-host",
        "CN",
        hs32_fc_service_host("__TENANT__.collector.example.com"),
        {"RES-015"},
    ),
    Case("hs33-cn-fc-token-oss-own-region", "CN", hs32_fc_service_host("__BUCKET__.oss-cn-shanghai.aliyuncs.com")),
    Case(
        "hs33-cn-fc-token-oss-singapore",
        "CN",
        hs32_fc_service_host("__BUCKET__.oss-ap-southeast-1.aliyuncs.com"),
        {"RES-006"},
    ),
    Case(
        "hs33-eu-lambda-grafana-tenant-host",
        "EU",
        lambda_env({"GRAFANA_HOST": "[[tenant]].grafana.partner.example.com"}),
        {"RES-015"},
    ),
    Case(
        "hs33-eu-lambda-grafana-tenant-host-declared",
        "EU",
        lambda_env({"GRAFANA_HOST": "[[tenant]].grafana.partner.example.com"}),
        destinations=[_HS32_PARTNER],
    ),
    Case(
        "hs33-de-lambda-windows-var-file-server",
        "DE",
        lambda_env({"SMB_SERVER": "%FILESERVER%.corp.example.net"}),
        {"RES-015"},
    ),
    Case("hs33-de-lambda-windows-var-alone", "DE", lambda_env({"SMB_SERVER": "%FILESERVER%"})),
    Case(
        "hs33-de-lambda-autoconf-partner-url",
        "DE",
        lambda_env({"PARTNER_URL": "https://@PARTNER_HOST@.partner.example.com/hooks"}),
        {"RES-015"},
    ),
    Case(
        "hs33-de-lambda-autoconf-partner-url-declared",
        "DE",
        lambda_env({"PARTNER_URL": "https://@PARTNER_HOST@.partner.example.com/hooks"}),
        destinations=[_HS32_PARTNER],
    ),
    # Log formats, paths and printf templates with nothing fixed after the placeholder: no host.
    Case(
        "hs33-jp-lambda-format-strings-no-host",
        "JP",
        lambda_env(
            {
                "LOG_FORMAT": '%h %l %u %t "%r" %>s %b',
                "UPSTREAM_HOST": "%s",
                "API_URL": "https://%s/v1/%s",
                "ROUTE": "/orders/{proxy+}",
                "SCHEDULE": "*/5 * * * *",
            }
        ),
    ),
    # A user beside placeholders before a fixed domain, with a port or a path after it (accepted on the stop-32 engine
    # for every syntax: the scan reads `user@host:path` only when both are written out).
    Case(
        "hs33-de-lambda-user-placeholder-backup-target",
        "DE",
        lambda_env({"BACKUP_HOST": "backup@${SITE}.partner.example.com:/srv/backups"}),
        {"RES-015"},
    ),
    Case(
        "hs33-de-lambda-user-placeholder-backup-target-private",
        "DE",
        lambda_env({"BACKUP_HOST": "backup@10.20.4.11:/srv/backups"}),
    ),
    Case(
        "hs33-us-lambda-placeholder-user-sftp-host",
        "US",
        lambda_env({"SFTP_HOST": "${SFTP_USER}@partner.example.com:22"}),
        {"RES-015"},
    ),
    Case("hs33-us-lambda-placeholder-user-sftp-private", "US", lambda_env({"SFTP_HOST": "${SFTP_USER}@10.20.4.11:22"})),
    # Route 53 record names relative to the zone (the provider completes them with the zone's name).
    Case("hs33-jp-route53-relative-name-alias", "JP", hs33_relative_alias("api", "api.fleet-example.jp")),
    Case(
        "hs33-jp-route53-relative-name-alias-other-domain",
        "JP",
        hs33_relative_alias("api", "api.partner.example.com"),
        {"RES-015"},
    ),
    # URLs whose whole host is a variable the same script assigns (accepted on the stop-32 engine).
    Case(
        "hs33-de-instance-script-bucket-variable-partner",
        "DE",
        hs33_instance_script(_HS33_SHIP_LOGS.format(bucket="partner-exports-us")),
        {"RES-017"},
    ),
    Case(
        "hs33-de-instance-script-bucket-variable-own",
        "DE",
        hs33_instance_script(_HS33_SHIP_LOGS.format(bucket="fleet-logs-de-7f3a"), own_bucket="fleet-logs-de-7f3a"),
    ),
    Case(
        "hs33-de-instance-script-bucket-from-ssm",
        "DE",
        hs33_instance_script(
            _HS33_SHIP_LOGS.format(
                bucket="$(aws ssm get-parameter --name /fleet/log-bucket --query Parameter.Value --output text)"
            )
        ),
    ),
    Case(
        "hs33-jp-instance-script-api-variable-partner",
        "JP",
        hs33_instance_script(_HS33_HEARTBEAT.format(api="heartbeat.partner.example.com")),
        {"RES-015"},
    ),
    Case(
        "hs33-jp-instance-script-api-variable-own-region",
        "JP",
        hs33_instance_script(_HS33_HEARTBEAT.format(api="d-abcde12345.execute-api.ap-northeast-1.amazonaws.com")),
    ),
    # An environment variable whose name ends in `_BUCKET` / `_BUCKET_NAME` (accepted on the stop-32 engine, while
    # `BUCKET` and `S3_BUCKET` were refused).
    Case(
        "hs33-de-lambda-export-bucket-variable-partner",
        "DE",
        hs33_lambda_bucket_variable("EXPORT_BUCKET", "partner-exports-de"),
        {"RES-017"},
    ),
    Case(
        "hs33-de-lambda-export-bucket-variable-partner-declared",
        "DE",
        hs33_lambda_bucket_variable("EXPORT_BUCKET", "partner-exports-de"),
        destinations=[_HS33_PARTNER_BUCKET],
    ),
    Case(
        "hs33-de-lambda-export-bucket-variable-own",
        "DE",
        hs33_lambda_bucket_variable("EXPORT_BUCKET", "fleet-exports-de-7f3a", own=True),
    ),
    Case(
        "hs33-us-lambda-log-bucket-name-variable-partner",
        "US",
        hs33_lambda_bucket_variable("LOG_BUCKET_NAME", "partner-exports-de"),
        {"RES-017"},
    ),
    Case(
        "hs33-us-lambda-log-bucket-name-variable-own",
        "US",
        hs33_lambda_bucket_variable("LOG_BUCKET_NAME", "fleet-logs-us-7f3a", own=True),
    ),
    Case("hs33-jp-route53-full-name-alias", "JP", hs33_relative_alias("api.fleet-example.jp", "api.fleet-example.jp")),
    Case(
        "hs33-jp-route53-relative-name-alias-zone-looked-up",
        "JP",
        hs33_relative_alias("api", "api.fleet-example.jp", looked_up=True),
        {"RES-015"},
    ),
    # -- stop 33, Alibaba red team (alired8): a database's secondary zones hold full copies of its data
    # (endpoints.yaml typed_zone_fields); another region's zone there was not judged.
    Case("alired8-cn-rds-secondary-zone-singapore", "CN", alired8_rds_secondary_zones("ap-southeast-1a"), {"RES-008"}),
    Case(
        "alired8-cn-rds-log-instance-zone-hongkong",
        "CN",
        alired8_rds_secondary_zones(slave_b="cn-hongkong-b"),
        {"RES-008"},
    ),
    Case("alired8-cn-rds-secondary-zones-own-region", "CN", alired8_rds_secondary_zones(slave_b="cn-shanghai-n")),
    Case("alired8-de-rds-secondary-zone-virginia", "DE", alired8_rds_secondary_zones("us-east-1a"), {"RES-008"}),
    Case("alired8-de-rds-secondary-zone-own-region", "DE", alired8_rds_secondary_zones()),
    Case(
        "alired8-cn-polardb-standby-zone-singapore", "CN", alired8_polardb_standby_zone("ap-southeast-1a"), {"RES-008"}
    ),
    Case("alired8-cn-polardb-standby-zone-own-region", "CN", alired8_polardb_standby_zone(None)),
    Case("alired8-de-polardb-standby-zone-virginia", "DE", alired8_polardb_standby_zone("us-east-1a"), {"RES-008"}),
    # Alarm contacts whose e-mail (and text) channels were not catalogued: Cloud Firewall and SchedulerX.
    Case(
        "alired8-cn-cloudfirewall-alarm-mail-partner",
        "CN",
        alired8_cloudfirewall_alarm_contacts("secops@partner-soc.example.com"),
        {"RES-015"},
    ),
    Case(
        "alired8-cn-cloudfirewall-alarm-mail-declared",
        "CN",
        alired8_cloudfirewall_alarm_contacts("secops@mail.example.cn"),
        destinations=[_OPS_MAIL],
    ),
    Case(
        "alired8-cn-schedulerx-job-mail-partner",
        "CN",
        alired8_schedulerx_job_contacts("settlement@partner-ops.example.com", "+86 131 2345 6789"),
        {"RES-015"},
    ),
    Case(
        "alired8-cn-schedulerx-job-phone-abroad",
        "CN",
        alired8_schedulerx_job_contacts("settlement@mail.example.cn", "+81 90 1234 5678"),
        {"RES-022"},
        destinations=[_OPS_MAIL],
    ),
    Case(
        "alired8-cn-schedulerx-job-contacts-in-country",
        "CN",
        alired8_schedulerx_job_contacts("settlement@mail.example.cn", "+86 131 2345 6789"),
        destinations=[_OPS_MAIL],
    ),
    Case(
        "alired8-jp-schedulerx-job-mainland-phone",
        "JP",
        alired8_schedulerx_job_contacts("settlement@mail.example.cn", "+86 131 2345 6789"),
        {"RES-022"},
        destinations=[_OPS_MAIL],
    ),
    Case(
        "alired8-cn-schedulerx-app-group-phone-abroad",
        "CN",
        alired8_schedulerx_app_group_contacts("+81 90 1234 5678"),
        {"RES-022"},
    ),
    Case(
        "alired8-cn-schedulerx-app-group-phone-mainland",
        "CN",
        alired8_schedulerx_app_group_contacts("+86 131 2345 6789"),
    ),
    # Checked and found correct (no change), pinned here: centralized SLS collection, warehouse data sources, CMS
    # event rule targets, a bastion host's LDAP directory.
    Case(
        "alired8-cn-sls-collection-central-singapore",
        "CN",
        alired8_sls_collection_centralized("ap-southeast-1"),
        {"RES-009"},
    ),
    Case("alired8-cn-sls-collection-central-own-region", "CN", alired8_sls_collection_centralized(None)),
    Case(
        "alired8-cn-gpdb-partner-sources",
        "CN",
        alired8_gpdb_external_sources("orders-db.partner.example.com", "kafka-1.partner.example.com:9092"),
        {"RES-015"},
    ),
    Case(
        "alired8-cn-gpdb-in-vpc-sources",
        "CN",
        alired8_gpdb_external_sources("10.20.5.10", "10.20.6.11:9092,10.20.6.12:9092"),
    ),
    Case(
        "alired8-cn-cms-event-rule-singapore-targets",
        "CN",
        alired8_cms_event_rule_targets("ap-southeast-1", "https://10.20.3.15/ecs-events"),
        {"RES-009"},
    ),
    Case(
        "alired8-cn-cms-event-rule-partner-webhook",
        "CN",
        alired8_cms_event_rule_targets(None, "https://hooks.partner.example.com/ecs"),
        {"RES-015"},
    ),
    Case(
        "alired8-cn-cms-event-rule-own-targets",
        "CN",
        alired8_cms_event_rule_targets(None, "https://10.20.3.15/ecs-events"),
    ),
    Case("alired8-cn-bastion-ldap-partner", "CN", alired8_bastion_directory("ldap.partner.example.com"), {"RES-015"}),
    Case("alired8-cn-bastion-ldap-in-vpc", "CN", alired8_bastion_directory("10.20.4.10")),
    # An ALB zone's `eip_type` other than `Common` (a regional EIP): an Anycast EIP is announced outside the mainland.
    Case("alired8-cn-alb-zone-eip-type-anycast", "CN", alired8_alb_zone_eip_type("Anycast"), {"RES-016"}),
    Case("alired8-de-alb-zone-eip-type-anycast", "DE", alired8_alb_zone_eip_type("Anycast"), {"RES-016"}),
    Case("alired8-cn-alb-zone-eip-type-common", "CN", alired8_alb_zone_eip_type("Common")),
    Case("alired8-de-alb-zone-eip-type-common", "DE", alired8_alb_zone_eip_type("Common")),
    # An SCDN domain outside CN: served from mainland China or from areas spanning many countries, never in-country.
    Case("alired8-jp-scdn-portal", "JP", alired8_scdn_site, {"RES-016"}),
    Case("alired8-de-scdn-portal", "DE", alired8_scdn_site, {"RES-016"}),
    Case(
        "alired8-de-scdn-portal-declared",
        "DE",
        alired8_scdn_site,
        destinations=[_fa_transfer("alicloud-scdn-domain", "CN", "Alibaba Cloud DPA + SCC 2026-05, TIA-31")],
    ),
    Case("alired8-cn-scdn-portal", "CN", alired8_scdn_site, {"RES-016"}),  # unproven scope (alired9)
    # A region id alone under a host key (an SLS ETL sink's `endpoint`) names that region's endpoint.
    Case("alired8-cn-sls-etl-sink-region-singapore", "CN", alired8_sls_etl_sink_region("ap-southeast-1"), {"RES-009"}),
    Case("alired8-cn-sls-etl-sink-region-own", "CN", alired8_sls_etl_sink_region(None)),
    Case("alired8-jp-sls-etl-sink-region-beijing", "JP", alired8_sls_etl_sink_region("cn-beijing"), {"RES-009"}),
    # DCDN EdgeKV keeps the values the stack writes on DCDN's edge nodes worldwide.
    Case("alired8-cn-dcdn-edge-kv", "CN", alired8_dcdn_edge_kv, {"RES-016"}),
    Case("alired8-jp-dcdn-edge-kv", "JP", alired8_dcdn_edge_kv, {"RES-016"}),
    Case(
        "alired8-cn-dcdn-edge-kv-declared",
        "CN",
        alired8_dcdn_edge_kv,
        destinations=[_ALIRED8_EDGE_KV],
    ),
    # awsred8 (stop 33): a workflow's output bucket chosen at run time (`OutputBucketName.$`, JSONata, a Distributed
    # Map's ResultWriter `Bucket.$`) cannot be proven: RES-017 unless declared; CN's partition is in-country.
    Case("awsred8-eu-sfn-output-bucket-own", "EU", awsred8_runtime_output("own")),
    Case("awsred8-eu-sfn-output-bucket-path", "EU", awsred8_runtime_output("path"), {"RES-017"}),
    Case("awsred8-eu-sfn-output-bucket-jsonata", "EU", awsred8_runtime_output("jsonata"), {"RES-017"}),
    Case(
        "awsred8-eu-sfn-output-bucket-path-declared",
        "EU",
        awsred8_runtime_output("path"),
        destinations=[_AWSRED8_RUNTIME_DECLARED],
    ),
    Case("awsred8-cn-sfn-output-bucket-path", "CN", awsred8_runtime_output("path")),
    Case("awsred8-de-sfn-map-reader-own-writer", "DE", awsred8_runtime_output("reader")),
    Case("awsred8-de-sfn-map-result-writer-path", "DE", awsred8_runtime_output("writer"), {"RES-017"}),
    # awsred8: a plain `recipients` list (an application's RECIPIENTS, a Mail Manager ReplaceRecipient) receives the
    # mail; an SES receipt rule's `recipients` are the stack's own inbound addresses, compared, never sent to.
    Case(
        "awsred8-eu-lambda-recipients-partner",
        "EU",
        lambda_env(_AWSRED8_RECIPIENTS_PARTNER),
        {"RES-015"},
        destinations=[_AWSRED8_FLEET_MAIL],
    ),
    Case(
        "awsred8-eu-lambda-recipients-own",
        "EU",
        lambda_env(_AWSRED8_RECIPIENTS_OWN),
        destinations=[_AWSRED8_FLEET_MAIL],
    ),
    Case("awsred8-eu-ses-receipt-rule-recipients", "EU", awsred8_inbound_mail()),
    Case(
        "awsred8-eu-mailmanager-replace-recipient-partner",
        "EU",
        awsred8_inbound_mail("support@partner.example.com"),
        {"RES-015"},
        destinations=[_AWSRED8_FLEET_MAIL],
    ),
    Case(
        "awsred8-eu-mailmanager-replace-recipient-own",
        "EU",
        awsred8_inbound_mail("desk@fleet.example.eu"),
        destinations=[_AWSRED8_FLEET_MAIL],
    ),
    # awsred8: a RAM share of a Glue database (the other account queries it from its own regions), refused like a Lake
    # Formation grant; a shared subnet is used in place. CN: every account's regions are Chinese.
    Case("awsred8-eu-ram-glue-database-share", "EU", awsred8_glue_share("glue"), {"RES-016"}),
    Case("awsred8-eu-ram-subnet-share", "EU", awsred8_glue_share("subnet")),
    Case("awsred8-cn-ram-glue-database-share", "CN", awsred8_glue_share("glue")),
    Case("awsred8-de-ram-aurora-cluster-share", "DE", awsred8_glue_share("aurora"), {"RES-016"}),
    # An AgentCore Gateway connector: the managed knowledge bases stay regional; the Web Search Tool is not placed.
    Case("awsred8-de-gateway-web-search-connector", "DE", awsred8_gateway_connector("web-search"), {"RES-016"}),
    Case("awsred8-de-gateway-knowledge-base-connector", "DE", awsred8_gateway_connector("bedrock-knowledge-bases")),
    # A bucket named through an S3 interface endpoint's host: the stack's own, or a partner's (was judged by region).
    Case("awsred8-eu-vpce-export-own-bucket", "EU", awsred8_vpce_export()),
    Case("awsred8-eu-vpce-export-partner-bucket", "EU", awsred8_vpce_export("partner-exports"), {"RES-017"}),
    Case(
        "awsred8-eu-vpce-export-partner-bucket-declared",
        "EU",
        awsred8_vpce_export("partner-bucket"),
        destinations=[_S3URL_PARTNER],
    ),
    Case("awsred8-cn-vpce-export-partner-bucket", "CN", awsred8_vpce_export("partner-exports")),
    # A MemoryDB multi-Region cluster (checked, no change): its members are clusters judged by their own Regions.
    Case("awsred8-eu-memorydb-multi-region-ireland", "EU", awsred8_memorydb_multi_region("eu-west-1")),
    Case("awsred8-eu-memorydb-multi-region-virginia", "EU", awsred8_memorydb_multi_region("us-east-1"), {"RES-003"}),
    # awsred8: a number texted by an SDK call inside a workflow or a schedule's universal target (was unjudged).
    Case("awsred8-de-sfn-sns-sms-us-number", "DE", awsred8_sms_from_workflow("+12025550123", "sfn"), {"RES-022"}),
    Case("awsred8-de-sfn-sns-sms-german-number", "DE", awsred8_sms_from_workflow("+4915123456789", "sfn")),
    Case("awsred8-jp-schedule-sms-us-number", "JP", awsred8_sms_from_workflow("+12025550123", "schedule"), {"RES-022"}),
    Case("awsred8-jp-schedule-sms-japanese-number", "JP", awsred8_sms_from_workflow("+81312345678", "schedule")),
    # awsred8: MediaLive's `s3ssl://<bucket>/` names a bucket (was judged as a host named like it: RES-015, also in CN
    # for the data stack's bucket, a false alarm).
    Case("awsred8-eu-medialive-archive-own-bucket", "EU", awsred8_medialive_archive()),
    Case(
        "awsred8-eu-medialive-archive-data-bucket", "EU", awsred8_medialive_archive(_AWSRED8_DATA_ARCHIVE), {"RES-017"}
    ),
    Case("awsred8-cn-medialive-archive-data-bucket", "CN", awsred8_medialive_archive(_AWSRED8_DATA_ARCHIVE)),
    # awsred8: a Clean Rooms partner who receives the results writes them where it chooses (was accepted).
    Case("awsred8-eu-cleanrooms-insurer-queries", "EU", awsred8_clean_room(["CAN_QUERY"])),
    Case(
        "awsred8-eu-cleanrooms-insurer-receives-results", "EU", awsred8_clean_room(["CAN_RECEIVE_RESULTS"]), {"RES-016"}
    ),
    # awsred8: AgentCore Memory's built-in strategies and built-in evaluators use geographic cross-region inference
    # (only the US geography's Regions documented): refused outside the US; overrides and custom evaluators are not.
    Case("awsred8-eu-agentcore-memory-builtin", "EU", awsred8_agent_memory("builtin"), {"RES-016"}),
    Case("awsred8-eu-agentcore-memory-override", "EU", awsred8_agent_memory("override")),
    Case("awsred8-us-agentcore-memory-builtin", "US", awsred8_agent_memory("builtin")),
    Case("awsred8-de-agentcore-builtin-evaluator", "DE", awsred8_online_evaluation("Builtin.Helpfulness"), {"RES-016"}),
    Case("awsred8-de-agentcore-custom-evaluator", "DE", awsred8_online_evaluation("assistant_tone-AbCd123456")),
    # awsred8: Data Lifecycle Manager: an event-based copy to another Region (its `target` was unread) and snapshots
    # shared with another account (RES-016, like a snapshot's create-volume permission).
    Case("awsred8-eu-dlm-copy-virginia", "EU", awsred8_dlm("copy", "us-east-1"), {"RES-009"}),
    Case("awsred8-eu-dlm-copy-ireland", "EU", awsred8_dlm("copy", "eu-west-1")),
    Case("awsred8-eu-dlm-share-account", "EU", awsred8_dlm("share"), {"RES-016"}),
    Case("awsred8-eu-dlm-keep", "EU", awsred8_dlm("keep")),
    Case("awsred8-cn-dlm-share-account", "CN", awsred8_dlm("share")),
    # awsred8: snapshots and images shared with other accounts, which may copy them to any Region (were accepted).
    Case("awsred8-eu-rds-snapshot-kept", "EU", awsred8_shared_snapshot(None)),
    Case("awsred8-eu-rds-snapshot-shared", "EU", awsred8_shared_snapshot(["210987654321"]), {"RES-016"}),
    Case("awsred8-eu-rds-snapshot-public", "EU", awsred8_shared_snapshot(["all"]), {"RES-016"}),
    Case("awsred8-cn-rds-snapshot-shared", "CN", awsred8_shared_snapshot(["210987654321"])),
    Case("awsred8-eu-imagebuilder-two-regions", "EU", awsred8_image_distribution(None)),
    Case("awsred8-eu-imagebuilder-launch-permission", "EU", awsred8_image_distribution("launch"), {"RES-016"}),
    Case("awsred8-eu-imagebuilder-target-account", "EU", awsred8_image_distribution("copy"), {"RES-016"}),
    Case("awsred8-cn-imagebuilder-launch-permission", "CN", awsred8_image_distribution("launch")),
    # awsred8: a cross-region inference profile a workflow or an application calls (was judged only in Bedrock's own
    # resources): refused where its geography leaves the jurisdiction, accepted where it stays (jp. in JP).
    Case(
        "awsred8-de-sfn-bedrock-eu-profile",
        "DE",
        awsred8_workflow_model("eu.anthropic.claude-3-7-sonnet-20250219-v1:0"),
        {"RES-016"},
    ),
    Case("awsred8-de-sfn-bedrock-model", "DE", awsred8_workflow_model("anthropic.claude-3-haiku-20240307-v1:0")),
    Case(
        "awsred8-jp-sfn-bedrock-jp-profile",
        "JP",
        awsred8_workflow_model("jp.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    ),
    Case(
        "awsred8-us-lambda-bedrock-global-profile",
        "US",
        awsred8_workflow_model("global.anthropic.claude-sonnet-4-20250514-v1:0", "lambda"),
        {"RES-016"},
    ),
    Case(
        "awsred8-us-lambda-bedrock-us-profile",
        "US",
        awsred8_workflow_model("us.anthropic.claude-3-7-sonnet-20250219-v1:0", "lambda"),
    ),
    # awsred8: an agent step's model and a knowledge base's embedding model given as cross-region inference profiles.
    Case(
        "awsred8-de-agent-step-eu-profile",
        "DE",
        awsred8_agent_step_model("eu.anthropic.claude-3-7-sonnet-20250219-v1:0"),
        {"RES-016"},
    ),
    Case("awsred8-de-agent-step-model", "DE", awsred8_agent_step_model("anthropic.claude-3-5-sonnet-20240620-v1:0")),
    Case("awsred8-de-kb-embedding-eu-profile", "DE", awsred8_kb_embedding("eu"), {"RES-016"}),
    Case("awsred8-de-kb-embedding-model", "DE", awsred8_kb_embedding(None)),
    Case("awsred8-us-kb-embedding-us-profile", "US", awsred8_kb_embedding("us")),
    # awsred8: an S3 PutObject task whose whole request (its bucket too) is the state's input.
    Case("awsred8-eu-sfn-put-whole-input", "EU", awsred8_archive_request(True), {"RES-017"}),
    Case("awsred8-eu-sfn-put-own-bucket", "EU", awsred8_archive_request(False)),
    # Mutation search round 3 (stop 33): a Cognito pool id begins with the pool's Region wherever an application is
    # told which pool to use, also under a variable not named exactly user_pool_id (USER_POOL, COGNITO_USER_POOL_ID,
    # IDENTITY_POOL): a pool in London, Hong Kong or Zurich passed; the in-market twins stay accepted.
    Case("mutants3-eu-lambda-user-pool-var-london", "EU", lambda_env({"USER_POOL": _POOL_LONDON}), {"RES-009"}),
    Case("mutants3-eu-lambda-user-pool-var-ireland", "EU", lambda_env({"USER_POOL": "eu-west-1_AbCdEf123"})),
    Case("mutants3-cn-lambda-cognito-user-pool-id-hongkong", "CN", lambda_env(_POOL_HK), {"RES-009"}),
    Case("mutants3-cn-lambda-cognito-user-pool-id-ningxia", "CN", lambda_env(_POOL_NINGXIA)),
    Case("mutants3-de-lambda-identity-pool-var-zurich", "DE", lambda_env(_IDENTITY_POOL_ZURICH), {"RES-009"}),
    Case("mutants3-de-lambda-identity-pool-var-frankfurt", "DE", lambda_env(_IDENTITY_POOL_FRANKFURT)),
    # Mutation search round 3 (stop 33), zone-id mutants: an S3 Express One Zone directory bucket's location.name is
    # the zone id its objects are stored in; a zone of Canada or Seoul passed (the key `name` is no zone key).
    Case("mutants3-us-s3-express-zone-canada", "US", directory_bucket_in_zone("cac1-az1"), {"RES-008"}),
    Case("mutants3-us-s3-express-zone-virginia", "US", directory_bucket_in_zone("use1-az4")),
    Case("mutants3-jp-s3-express-zone-seoul", "JP", directory_bucket_in_zone("apne2-az1"), {"RES-008"}),
    Case("mutants3-jp-s3-express-zone-tokyo", "JP", directory_bucket_in_zone("apne1-az4")),
    # Mutation search round 3 (stop 33), host mutants with 40 per program: a database's reader and writer endpoints
    # under DB_READER / DB_WRITER (no host key named them): a partner's host passed; the cluster's own regional
    # endpoints and a private address stay accepted.
    Case("mutants3-eu-lambda-db-reader-partner", "EU", lambda_env(_DB_READER_PARTNER), {"RES-015"}),
    Case("mutants3-eu-lambda-db-writer-partner", "EU", lambda_env(_DB_WRITER_PARTNER), {"RES-015"}),
    Case("mutants3-eu-lambda-db-endpoints-frankfurt", "EU", lambda_env(_DB_ENDPOINTS_FRANKFURT)),
    Case("mutants3-jp-lambda-db-reader-private-address", "JP", lambda_env({"DB_READER": "10.40.3.12"})),
    # contacts (stop 33): DTS alarm phones take mainland mobile numbers only, written without +86: proven mainland by
    # that constraint (national_country CN); a +81 number passed in CN and a mainland number in an EU stack.
    Case(
        "contacts-cn-dts-alarms-mainland-mobiles", "CN", contacts_dts_alarms("13800138000,13900139000", "13800138000")
    ),
    Case(
        "contacts-cn-dts-alarms-japan-mobile", "CN", contacts_dts_alarms("13800138000", "+81 90 1234 5678"), {"RES-022"}
    ),
    Case(
        "contacts-eu-dts-alarms-mainland-mobile", "EU", contacts_dts_alarms("13800138000", "13800138000"), {"RES-022"}
    ),
    # contacts (stop 33): a QuickSight user's e-mail receives the dashboards' scheduled reports: a partner's domain
    # passed; the company's own mail domain passes once declared resident.
    Case(
        "contacts-eu-quicksight-reader-partner-mail",
        "EU",
        contacts_quicksight_reader("analyst@agency.example.com"),
        {"RES-015"},
    ),
    # contacts (stop 33): a Bastionhost host's private address is where the bastion opens its O&M sessions: a public
    # address written there passed; a private literal passes, an internal name once its domain is declared.
    Case("contacts-cn-bastion-private-address-public-ip", "CN", bastion_host("Private", "47.88.1.10"), {"RES-015"}),
    Case(
        "contacts-cn-bastion-private-address-internal-name",
        "CN",
        bastion_host("Private", "db1.corp.example.cn"),
        {"RES-015"},
    ),
    Case(
        "contacts-cn-bastion-private-address-internal-name-declared",
        "CN",
        bastion_host("Private", "db1.corp.example.cn"),
        destinations=[_CONTACTS_CORP_DNS],
    ),
    Case("contacts-cn-bastion-private-address-one-label-name", "CN", bastion_host("Private", "orders-db-1")),
    # contacts (stop 33): a QuickSight account's author's address (its notices), judged as an AWS account's alternate
    # contacts; a partner's domain passed (the notification_email beside it was judged already).
    Case(
        "contacts-de-quicksight-author-partner-mail",
        "DE",
        contacts_quicksight_subscription("bi-author@agency.example.com"),
        {"RES-015"},
        destinations=[_FA_OWN_MAIL],
    ),
    Case(
        "contacts-de-quicksight-author-own-mail-declared",
        "DE",
        contacts_quicksight_subscription("bi-author@mail.fleet-example.de"),
        destinations=[_FA_OWN_MAIL],
    ),
    Case(
        "contacts-eu-quicksight-reader-own-mail-declared",
        "EU",
        contacts_quicksight_reader("analyst@mail.example.eu"),
        destinations=[_EU_MAIL],
    ),
    # -- stop 33, false-alarm review of this stop's refusals (tests/platform_programs_review33.py): each market's
    # ordinary programs beside the new refusals (bucket variables, DB_READER / DB_WRITER, run-time workflow
    # destinations, model ids, Alibaba contacts / zones / sinks, placeholders, relative Route 53 names).
    Case("falsealarm10-cn-bucket-variables-literal", "CN", pv.bucket_variables("cn-north-1", "literal")),
    Case("falsealarm10-cn-bucket-variables-output", "CN", pv.bucket_variables("cn-north-1", "output")),
    Case("falsealarm10-cn-bucket-variables-prefix", "CN", pv.bucket_variables("cn-north-1", "prefix")),
    Case("falsealarm10-cn-bucket-variables-config", "CN", pv.bucket_variables("cn-north-1", "config")),
    Case("falsealarm10-cn-bucket-variables-uri", "CN", pv.bucket_variables("cn-north-1", "uri")),
    Case("falsealarm10-cn-bucket-container-pairs", "CN", pv.bucket_container_pairs("cn-north-1")),
    Case("falsealarm10-cn-db-endpoints-output", "CN", pv.db_endpoints("cn-north-1", "output")),
    Case("falsealarm10-cn-db-endpoints-literal", "CN", pv.db_endpoints("cn-north-1", "literal")),
    Case("falsealarm10-cn-db-endpoints-proxy", "CN", pv.db_endpoints("cn-north-1", "proxy")),
    Case("falsealarm10-cn-db-endpoints-private-ip", "CN", pv.db_endpoints("cn-north-1", "private-ip")),
    Case("falsealarm10-cn-db-endpoints-private-zone", "CN", pv.db_endpoints("cn-north-1", "private-zone")),
    Case("falsealarm10-cn-workflow-fixed-bucket-jsonpath", "CN", pv.workflow_fixed_bucket("cn-north-1", "jsonpath")),
    Case("falsealarm10-cn-workflow-fixed-bucket-jsonata", "CN", pv.workflow_fixed_bucket("cn-north-1", "jsonata")),
    Case("falsealarm10-cn-workflow-own-api", "CN", pv.workflow_calls_own_api("cn-north-1")),
    Case("falsealarm10-cn-workflow-own-api-jsonata", "CN", pv.workflow_calls_own_api_jsonata("cn-north-1")),
    Case("falsealarm10-cn-workflow-runtime-bucket", "CN", pv.workflow_runtime_bucket("cn-north-1")),
    Case("falsealarm10-cn-templated-hosts", "CN", pv.templated_hosts_aws("cn-north-1")),
    Case("falsealarm10-cn-route53-relative", "CN", pv.route53_relative("cn-north-1", "fleet.example.cn")),
    Case("falsealarm10-cn-bucket-variables-literal-ningxia", "CN", pv.bucket_variables("cn-northwest-1", "literal")),
    Case("falsealarm10-cn-bucket-variables-output-ningxia", "CN", pv.bucket_variables("cn-northwest-1", "output")),
    Case("falsealarm10-cn-bucket-variables-prefix-ningxia", "CN", pv.bucket_variables("cn-northwest-1", "prefix")),
    Case("falsealarm10-cn-bucket-variables-config-ningxia", "CN", pv.bucket_variables("cn-northwest-1", "config")),
    Case("falsealarm10-cn-bucket-variables-uri-ningxia", "CN", pv.bucket_variables("cn-northwest-1", "uri")),
    Case("falsealarm10-cn-bucket-container-pairs-ningxia", "CN", pv.bucket_container_pairs("cn-northwest-1")),
    Case("falsealarm10-cn-db-endpoints-output-ningxia", "CN", pv.db_endpoints("cn-northwest-1", "output")),
    Case("falsealarm10-cn-db-endpoints-literal-ningxia", "CN", pv.db_endpoints("cn-northwest-1", "literal")),
    Case("falsealarm10-cn-db-endpoints-proxy-ningxia", "CN", pv.db_endpoints("cn-northwest-1", "proxy")),
    Case("falsealarm10-cn-db-endpoints-private-ip-ningxia", "CN", pv.db_endpoints("cn-northwest-1", "private-ip")),
    Case(
        "falsealarm10-cn-db-endpoints-private-zone-ningxia",
        "CN",
        pv.db_endpoints("cn-northwest-1", "private-zone"),
    ),
    Case(
        "falsealarm10-cn-workflow-fixed-bucket-jsonpath-ningxia",
        "CN",
        pv.workflow_fixed_bucket("cn-northwest-1", "jsonpath"),
    ),
    Case(
        "falsealarm10-cn-workflow-fixed-bucket-jsonata-ningxia",
        "CN",
        pv.workflow_fixed_bucket("cn-northwest-1", "jsonata"),
    ),
    Case("falsealarm10-cn-workflow-own-api-ningxia", "CN", pv.workflow_calls_own_api("cn-northwest-1")),
    Case("falsealarm10-cn-workflow-own-api-jsonata-ningxia", "CN", pv.workflow_calls_own_api_jsonata("cn-northwest-1")),
    Case("falsealarm10-cn-workflow-runtime-bucket-ningxia", "CN", pv.workflow_runtime_bucket("cn-northwest-1")),
    Case("falsealarm10-cn-templated-hosts-ningxia", "CN", pv.templated_hosts_aws("cn-northwest-1")),
    Case(
        "falsealarm10-cn-route53-relative-ningxia",
        "CN",
        pv.route53_relative("cn-northwest-1", "fleet.example.cn"),
    ),
    Case("falsealarm10-eu-bucket-variables-literal", "EU", pv.bucket_variables("eu-west-1", "literal")),
    Case("falsealarm10-eu-bucket-variables-output", "EU", pv.bucket_variables("eu-west-1", "output")),
    Case("falsealarm10-eu-bucket-variables-prefix", "EU", pv.bucket_variables("eu-west-1", "prefix")),
    Case("falsealarm10-eu-bucket-variables-config", "EU", pv.bucket_variables("eu-west-1", "config")),
    Case("falsealarm10-eu-bucket-variables-uri", "EU", pv.bucket_variables("eu-west-1", "uri")),
    Case("falsealarm10-eu-bucket-container-pairs", "EU", pv.bucket_container_pairs("eu-west-1")),
    Case("falsealarm10-eu-influxdb-bucket", "EU", pv.influxdb_telemetry("eu-west-1")),
    Case(
        "falsealarm10-eu-influxdb-bucket-variables",
        "EU",
        pv.influxdb_telemetry("eu-west-1", variables=True),
        {"RES-017"},
    ),
    Case("falsealarm10-eu-db-endpoints-output", "EU", pv.db_endpoints("eu-west-1", "output")),
    Case("falsealarm10-eu-db-endpoints-literal", "EU", pv.db_endpoints("eu-west-1", "literal")),
    Case("falsealarm10-eu-db-endpoints-proxy", "EU", pv.db_endpoints("eu-west-1", "proxy")),
    Case("falsealarm10-eu-db-endpoints-private-ip", "EU", pv.db_endpoints("eu-west-1", "private-ip")),
    Case("falsealarm10-eu-db-endpoints-private-zone", "EU", pv.db_endpoints("eu-west-1", "private-zone")),
    Case("falsealarm10-eu-workflow-fixed-bucket-jsonpath", "EU", pv.workflow_fixed_bucket("eu-west-1", "jsonpath")),
    Case("falsealarm10-eu-workflow-fixed-bucket-jsonata", "EU", pv.workflow_fixed_bucket("eu-west-1", "jsonata")),
    Case("falsealarm10-eu-workflow-own-api", "EU", pv.workflow_calls_own_api("eu-west-1")),
    Case("falsealarm10-eu-workflow-own-api-jsonata", "EU", pv.workflow_calls_own_api_jsonata("eu-west-1")),
    Case("falsealarm10-eu-workflow-runtime-bucket", "EU", pv.workflow_runtime_bucket("eu-west-1"), {"RES-017"}),
    Case("falsealarm10-eu-templated-hosts", "EU", pv.templated_hosts_aws("eu-west-1"), {"RES-017"}),
    Case("falsealarm10-eu-route53-relative", "EU", pv.route53_relative("eu-west-1", "fleet.example.com")),
    Case("falsealarm10-de-bucket-variables-literal", "DE", pv.bucket_variables("eu-central-1", "literal")),
    Case("falsealarm10-de-bucket-variables-output", "DE", pv.bucket_variables("eu-central-1", "output")),
    Case("falsealarm10-de-bucket-variables-prefix", "DE", pv.bucket_variables("eu-central-1", "prefix")),
    Case("falsealarm10-de-bucket-variables-config", "DE", pv.bucket_variables("eu-central-1", "config")),
    Case("falsealarm10-de-bucket-variables-uri", "DE", pv.bucket_variables("eu-central-1", "uri")),
    Case("falsealarm10-de-bucket-container-pairs", "DE", pv.bucket_container_pairs("eu-central-1")),
    Case("falsealarm10-de-influxdb-bucket", "DE", pv.influxdb_telemetry("eu-central-1")),
    Case(
        "falsealarm10-de-influxdb-bucket-variables",
        "DE",
        pv.influxdb_telemetry("eu-central-1", variables=True),
        {"RES-017"},
    ),
    Case("falsealarm10-de-db-endpoints-output", "DE", pv.db_endpoints("eu-central-1", "output")),
    Case("falsealarm10-de-db-endpoints-literal", "DE", pv.db_endpoints("eu-central-1", "literal")),
    Case("falsealarm10-de-db-endpoints-proxy", "DE", pv.db_endpoints("eu-central-1", "proxy")),
    Case("falsealarm10-de-db-endpoints-private-ip", "DE", pv.db_endpoints("eu-central-1", "private-ip")),
    Case("falsealarm10-de-db-endpoints-private-zone", "DE", pv.db_endpoints("eu-central-1", "private-zone")),
    Case("falsealarm10-de-workflow-fixed-bucket-jsonpath", "DE", pv.workflow_fixed_bucket("eu-central-1", "jsonpath")),
    Case("falsealarm10-de-workflow-fixed-bucket-jsonata", "DE", pv.workflow_fixed_bucket("eu-central-1", "jsonata")),
    Case("falsealarm10-de-workflow-own-api", "DE", pv.workflow_calls_own_api("eu-central-1")),
    Case("falsealarm10-de-workflow-own-api-jsonata", "DE", pv.workflow_calls_own_api_jsonata("eu-central-1")),
    Case("falsealarm10-de-workflow-runtime-bucket", "DE", pv.workflow_runtime_bucket("eu-central-1"), {"RES-017"}),
    Case("falsealarm10-de-templated-hosts", "DE", pv.templated_hosts_aws("eu-central-1"), {"RES-017"}),
    Case("falsealarm10-de-route53-relative", "DE", pv.route53_relative("eu-central-1", "fleet.example.com")),
    Case("falsealarm10-jp-bucket-variables-literal", "JP", pv.bucket_variables("ap-northeast-1", "literal")),
    Case("falsealarm10-jp-bucket-variables-output", "JP", pv.bucket_variables("ap-northeast-1", "output")),
    Case("falsealarm10-jp-bucket-variables-prefix", "JP", pv.bucket_variables("ap-northeast-1", "prefix")),
    Case("falsealarm10-jp-bucket-variables-config", "JP", pv.bucket_variables("ap-northeast-1", "config")),
    Case("falsealarm10-jp-bucket-variables-uri", "JP", pv.bucket_variables("ap-northeast-1", "uri")),
    Case("falsealarm10-jp-bucket-container-pairs", "JP", pv.bucket_container_pairs("ap-northeast-1")),
    Case("falsealarm10-jp-influxdb-bucket", "JP", pv.influxdb_telemetry("ap-northeast-1")),
    Case(
        "falsealarm10-jp-influxdb-bucket-variables",
        "JP",
        pv.influxdb_telemetry("ap-northeast-1", variables=True),
        {"RES-017"},
    ),
    Case("falsealarm10-jp-db-endpoints-output", "JP", pv.db_endpoints("ap-northeast-1", "output")),
    Case("falsealarm10-jp-db-endpoints-literal", "JP", pv.db_endpoints("ap-northeast-1", "literal")),
    Case("falsealarm10-jp-db-endpoints-proxy", "JP", pv.db_endpoints("ap-northeast-1", "proxy")),
    Case("falsealarm10-jp-db-endpoints-private-ip", "JP", pv.db_endpoints("ap-northeast-1", "private-ip")),
    Case(
        "falsealarm10-jp-db-endpoints-private-zone",
        "JP",
        pv.db_endpoints("ap-northeast-1", "private-zone"),
    ),
    Case(
        "falsealarm10-jp-workflow-fixed-bucket-jsonpath", "JP", pv.workflow_fixed_bucket("ap-northeast-1", "jsonpath")
    ),
    Case("falsealarm10-jp-workflow-fixed-bucket-jsonata", "JP", pv.workflow_fixed_bucket("ap-northeast-1", "jsonata")),
    Case("falsealarm10-jp-workflow-own-api", "JP", pv.workflow_calls_own_api("ap-northeast-1")),
    Case("falsealarm10-jp-workflow-own-api-jsonata", "JP", pv.workflow_calls_own_api_jsonata("ap-northeast-1")),
    Case("falsealarm10-jp-workflow-runtime-bucket", "JP", pv.workflow_runtime_bucket("ap-northeast-1"), {"RES-017"}),
    Case("falsealarm10-jp-templated-hosts", "JP", pv.templated_hosts_aws("ap-northeast-1"), {"RES-017"}),
    Case(
        "falsealarm10-jp-route53-relative",
        "JP",
        pv.route53_relative("ap-northeast-1", "fleet.example.com"),
    ),
    Case("falsealarm10-us-bucket-variables-literal", "US", pv.bucket_variables("us-east-1", "literal")),
    Case("falsealarm10-us-bucket-variables-output", "US", pv.bucket_variables("us-east-1", "output")),
    Case("falsealarm10-us-bucket-variables-prefix", "US", pv.bucket_variables("us-east-1", "prefix")),
    Case("falsealarm10-us-bucket-variables-config", "US", pv.bucket_variables("us-east-1", "config")),
    Case("falsealarm10-us-bucket-variables-uri", "US", pv.bucket_variables("us-east-1", "uri")),
    Case("falsealarm10-us-bucket-container-pairs", "US", pv.bucket_container_pairs("us-east-1")),
    Case("falsealarm10-us-influxdb-bucket", "US", pv.influxdb_telemetry("us-east-1")),
    Case(
        "falsealarm10-us-influxdb-bucket-variables",
        "US",
        pv.influxdb_telemetry("us-east-1", variables=True),
        {"RES-017"},
    ),
    Case("falsealarm10-us-db-endpoints-output", "US", pv.db_endpoints("us-east-1", "output")),
    Case("falsealarm10-us-db-endpoints-literal", "US", pv.db_endpoints("us-east-1", "literal")),
    Case("falsealarm10-us-db-endpoints-proxy", "US", pv.db_endpoints("us-east-1", "proxy")),
    Case("falsealarm10-us-db-endpoints-private-ip", "US", pv.db_endpoints("us-east-1", "private-ip")),
    Case("falsealarm10-us-db-endpoints-private-zone", "US", pv.db_endpoints("us-east-1", "private-zone")),
    Case("falsealarm10-us-workflow-fixed-bucket-jsonpath", "US", pv.workflow_fixed_bucket("us-east-1", "jsonpath")),
    Case("falsealarm10-us-workflow-fixed-bucket-jsonata", "US", pv.workflow_fixed_bucket("us-east-1", "jsonata")),
    Case("falsealarm10-us-workflow-own-api", "US", pv.workflow_calls_own_api("us-east-1")),
    Case("falsealarm10-us-workflow-own-api-jsonata", "US", pv.workflow_calls_own_api_jsonata("us-east-1")),
    Case("falsealarm10-us-workflow-runtime-bucket", "US", pv.workflow_runtime_bucket("us-east-1"), {"RES-017"}),
    Case("falsealarm10-us-templated-hosts", "US", pv.templated_hosts_aws("us-east-1"), {"RES-017"}),
    Case("falsealarm10-us-route53-relative", "US", pv.route53_relative("us-east-1", "fleet.example.com")),
    Case(
        "falsealarm10-eu-model-in-region-eu-west-1",
        "EU",
        pv.model_ids("eu-west-1", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
    ),
    Case(
        "falsealarm10-eu-kb-embedding-eu-west-1", "EU", pv.knowledge_base("eu-west-1", "amazon.titan-embed-text-v2:0")
    ),
    Case(
        "falsealarm10-eu-model-in-region-eu-central-1",
        "EU",
        pv.model_ids("eu-central-1", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
    ),
    Case(
        "falsealarm10-eu-kb-embedding-eu-central-1",
        "EU",
        pv.knowledge_base("eu-central-1", "amazon.titan-embed-text-v2:0"),
    ),
    Case(
        "falsealarm10-de-model-in-region-eu-central-1",
        "DE",
        pv.model_ids("eu-central-1", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
    ),
    Case(
        "falsealarm10-de-kb-embedding-eu-central-1",
        "DE",
        pv.knowledge_base("eu-central-1", "amazon.titan-embed-text-v2:0"),
    ),
    Case(
        "falsealarm10-jp-model-in-region-ap-northeast-1",
        "JP",
        pv.model_ids("ap-northeast-1", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
    ),
    Case(
        "falsealarm10-jp-kb-embedding-ap-northeast-1",
        "JP",
        pv.knowledge_base("ap-northeast-1", "amazon.titan-embed-text-v2:0"),
    ),
    Case(
        "falsealarm10-us-model-in-region-us-east-1",
        "US",
        pv.model_ids("us-east-1", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
    ),
    Case(
        "falsealarm10-us-kb-embedding-us-east-1", "US", pv.knowledge_base("us-east-1", "amazon.titan-embed-text-v2:0")
    ),
    Case(
        "falsealarm10-us-model-in-region-us-west-2",
        "US",
        pv.model_ids("us-west-2", "anthropic.claude-3-5-sonnet-20240620-v1:0"),
    ),
    Case(
        "falsealarm10-us-kb-embedding-us-west-2", "US", pv.knowledge_base("us-west-2", "amazon.titan-embed-text-v2:0")
    ),
    Case(
        "falsealarm10-eu-model-eu-profile",
        "EU",
        pv.model_ids("eu-central-1", "eu.anthropic.claude-3-7-sonnet-20250219-v1:0", "eu.cohere.embed-v4:0"),
        {"RES-016"},
    ),
    Case(
        "falsealarm10-de-model-eu-profile",
        "DE",
        pv.model_ids("eu-central-1", "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"),
        {"RES-016"},
    ),
    Case(
        "falsealarm10-jp-model-jp-profile",
        "JP",
        pv.model_ids("ap-northeast-1", "jp.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    ),
    Case(
        "falsealarm10-jp-model-apac-profile",
        "JP",
        pv.model_ids("ap-northeast-1", "apac.anthropic.claude-3-5-sonnet-20241022-v2:0"),
        {"RES-016"},
    ),
    Case(
        "falsealarm10-us-model-us-profile",
        "US",
        pv.model_ids("us-east-1", "us.anthropic.claude-3-7-sonnet-20250219-v1:0"),
    ),
    Case("falsealarm10-cn-sls-etl-sink-public-cn-shanghai", "CN", pv.sls_etl_sinks("cn-shanghai", "public")),
    Case("falsealarm10-cn-sls-etl-sink-intranet-cn-shanghai", "CN", pv.sls_etl_sinks("cn-shanghai", "intranet")),
    Case("falsealarm10-cn-sls-etl-sink-https-cn-shanghai", "CN", pv.sls_etl_sinks("cn-shanghai", "https")),
    Case("falsealarm10-cn-sls-etl-sink-region-cn-shanghai", "CN", pv.sls_etl_sinks("cn-shanghai", "region")),
    Case("falsealarm10-cn-alb-eip-common-cn-shanghai", "CN", pv.alb_zones("cn-shanghai", "Common")),
    Case("falsealarm10-cn-alb-no-eip-type-cn-shanghai", "CN", pv.alb_zones("cn-shanghai", None)),
    Case("falsealarm10-cn-database-zones-cn-shanghai", "CN", pv.database_zones("cn-shanghai")),
    Case("falsealarm10-cn-templated-hosts-fc-cn-shanghai", "CN", pv.templated_hosts_ali("cn-shanghai")),
    Case("falsealarm10-cn-sls-etl-sink-public-cn-beijing", "CN", pv.sls_etl_sinks("cn-beijing", "public")),
    Case("falsealarm10-cn-sls-etl-sink-intranet-cn-beijing", "CN", pv.sls_etl_sinks("cn-beijing", "intranet")),
    Case("falsealarm10-cn-sls-etl-sink-https-cn-beijing", "CN", pv.sls_etl_sinks("cn-beijing", "https")),
    Case("falsealarm10-cn-sls-etl-sink-region-cn-beijing", "CN", pv.sls_etl_sinks("cn-beijing", "region")),
    Case("falsealarm10-cn-alb-eip-common-cn-beijing", "CN", pv.alb_zones("cn-beijing", "Common")),
    Case("falsealarm10-cn-alb-no-eip-type-cn-beijing", "CN", pv.alb_zones("cn-beijing", None)),
    Case("falsealarm10-cn-database-zones-cn-beijing", "CN", pv.database_zones("cn-beijing")),
    Case("falsealarm10-cn-templated-hosts-fc-cn-beijing", "CN", pv.templated_hosts_ali("cn-beijing")),
    Case("falsealarm10-de-sls-etl-sink-public-eu-central-1", "DE", pv.sls_etl_sinks("eu-central-1", "public")),
    Case("falsealarm10-de-sls-etl-sink-intranet-eu-central-1", "DE", pv.sls_etl_sinks("eu-central-1", "intranet")),
    Case("falsealarm10-de-sls-etl-sink-https-eu-central-1", "DE", pv.sls_etl_sinks("eu-central-1", "https")),
    Case("falsealarm10-de-sls-etl-sink-region-eu-central-1", "DE", pv.sls_etl_sinks("eu-central-1", "region")),
    Case("falsealarm10-de-alb-eip-common-eu-central-1", "DE", pv.alb_zones("eu-central-1", "Common")),
    Case("falsealarm10-de-alb-no-eip-type-eu-central-1", "DE", pv.alb_zones("eu-central-1", None)),
    Case("falsealarm10-de-database-zones-eu-central-1", "DE", pv.database_zones("eu-central-1")),
    Case("falsealarm10-de-templated-hosts-fc-eu-central-1", "DE", pv.templated_hosts_ali("eu-central-1")),
    Case("falsealarm10-jp-sls-etl-sink-public-ap-northeast-1", "JP", pv.sls_etl_sinks("ap-northeast-1", "public")),
    Case("falsealarm10-jp-sls-etl-sink-intranet-ap-northeast-1", "JP", pv.sls_etl_sinks("ap-northeast-1", "intranet")),
    Case("falsealarm10-jp-sls-etl-sink-https-ap-northeast-1", "JP", pv.sls_etl_sinks("ap-northeast-1", "https")),
    Case("falsealarm10-jp-sls-etl-sink-region-ap-northeast-1", "JP", pv.sls_etl_sinks("ap-northeast-1", "region")),
    Case("falsealarm10-jp-alb-eip-common-ap-northeast-1", "JP", pv.alb_zones("ap-northeast-1", "Common")),
    Case("falsealarm10-jp-alb-no-eip-type-ap-northeast-1", "JP", pv.alb_zones("ap-northeast-1", None)),
    Case("falsealarm10-jp-database-zones-ap-northeast-1", "JP", pv.database_zones("ap-northeast-1")),
    Case("falsealarm10-jp-templated-hosts-fc-ap-northeast-1", "JP", pv.templated_hosts_ali("ap-northeast-1")),
    Case(
        "falsealarm10-cn-alarm-contacts-mainland",
        "CN",
        pv.alarm_contacts("cn-shanghai", "oncall@mail.example.cn", "+86 131 2345 6789"),
        destinations=[_OPS_MAIL],
    ),
    Case(
        "falsealarm10-cn-alarm-contacts-mainland-compact",
        "CN",
        pv.alarm_contacts("cn-hangzhou", "oncall@mail.example.cn", "+8613123456789"),
        destinations=[_OPS_MAIL],
    ),
    Case(
        "falsealarm10-cn-alarm-contacts-undeclared-domain",
        "CN",
        pv.alarm_contacts("cn-shanghai", "oncall@fleet.example.cn", "+86 131 2345 6789"),
        {"RES-015"},
    ),
    Case(
        "falsealarm10-cn-notify-dataworks-fc-webhook",
        "CN",
        pv.event_notify_and_dataworks("cn-shanghai", "https://alarm-hook-abcdefghij.cn-shanghai.fcapp.run/dataworks"),
    ),
    Case(
        "falsealarm10-cn-notify-dataworks-apigw-webhook",
        "CN",
        pv.event_notify_and_dataworks("cn-shanghai", "https://0a1b2c3d4e5f-cn-shanghai.alicloudapi.com/alarms"),
    ),
    Case(
        "falsealarm10-de-notify-dataworks-fc-webhook",
        "DE",
        pv.event_notify_and_dataworks("eu-central-1", "https://alarm-hook-abcdefghij.eu-central-1.fcapp.run/dataworks"),
    ),
    Case(
        "falsealarm10-cn-workflow-http-cdk-format",
        "CN",
        pv.workflow_http_format("cn-north-1", pv.cdk_api_endpoint("cn-north-1")),
    ),
    Case(
        "falsealarm10-eu-workflow-http-cdk-format",
        "EU",
        pv.workflow_http_format("eu-west-1", pv.cdk_api_endpoint("eu-west-1")),
    ),
    Case(
        "falsealarm10-de-workflow-http-cdk-format",
        "DE",
        pv.workflow_http_format("eu-central-1", pv.cdk_api_endpoint("eu-central-1")),
    ),
    Case(
        "falsealarm10-jp-workflow-http-cdk-format",
        "JP",
        pv.workflow_http_format("ap-northeast-1", pv.cdk_api_endpoint("ap-northeast-1")),
    ),
    Case(
        "falsealarm10-us-workflow-http-cdk-format",
        "US",
        pv.workflow_http_format("us-east-1", pv.cdk_api_endpoint("us-east-1")),
    ),
    Case(
        "falsealarm10-jp-workflow-http-cdk-format-partner",
        "JP",
        pv.workflow_http_format(
            "ap-northeast-1", "States.Format('{}/{}', 'https://orders.partner.example.com', $.path)"
        ),
        {"RES-015"},
    ),
    Case(
        "falsealarm10-cn-workflow-http-format-runtime-host",
        "CN",
        pv.workflow_http_format("cn-north-1", "States.Format('https://{}/orders', $.host)"),
        {"RES-015"},
    ),
    Case(
        "falsealarm10-eu-workflow-http-format-runtime-url",
        "EU",
        pv.workflow_http_format("eu-west-1", "States.Format('{}', $.url)"),
        {"RES-015"},
    ),
    Case("falsealarm10-cn-bucket-domain-variables", "CN", pv.bucket_domain_variables("cn-north-1")),
    Case("falsealarm10-eu-bucket-domain-variables", "EU", pv.bucket_domain_variables("eu-west-1")),
    Case("falsealarm10-jp-bucket-domain-variables", "JP", pv.bucket_domain_variables("ap-northeast-1")),
    Case("falsealarm10-us-bucket-domain-variables", "US", pv.bucket_domain_variables("us-east-2")),
    Case("falsealarm10-cn-ali-db-variables", "CN", pv.ali_db_variables("cn-shanghai")),
    Case("falsealarm10-de-ali-db-variables", "DE", pv.ali_db_variables("eu-central-1")),
    Case(
        "falsealarm10-cn-ali-db-variables-literal", "CN", pv.ali_db_variables("cn-shanghai", literal=True), {"RES-015"}
    ),
    Case(
        "falsealarm10-eu-bucket-host-variable-partner",
        "EU",
        pv.bucket_host_variable("eu-west-1", "partner-cdn-logs.s3.eu-west-1.amazonaws.com"),
        {"RES-017"},
    ),
    Case(
        "falsealarm10-jp-bucket-host-variable-virginia",
        "JP",
        pv.bucket_host_variable("ap-northeast-1", "fleet-cdn-logs-ap-northeast-1.s3.us-east-1.amazonaws.com"),
        {"RES-006"},
    ),
    Case(
        "falsealarm10-us-bucket-host-variable-own",
        "US",
        pv.bucket_host_variable("us-east-2", "fleet-cdn-logs-us-east-2.s3.us-east-2.amazonaws.com"),
    ),
    Case(
        "falsealarm10-us-bucket-host-variable-own-global",
        "US",
        pv.bucket_host_variable("us-east-2", "fleet-cdn-logs-us-east-2.s3.amazonaws.com"),
    ),
    Case("falsealarm10-cn-settings-elsewhere", "CN", pv.settings_elsewhere("cn-northwest-1")),
    Case("falsealarm10-eu-settings-elsewhere", "EU", pv.settings_elsewhere("eu-west-3")),
    Case("falsealarm10-de-settings-elsewhere", "DE", pv.settings_elsewhere("eu-central-1")),
    Case("falsealarm10-jp-settings-elsewhere", "JP", pv.settings_elsewhere("ap-northeast-3")),
    Case("falsealarm10-us-settings-elsewhere", "US", pv.settings_elsewhere("us-west-2")),
    Case("falsealarm10-cn-script-assigns-own-bucket", "CN", pv.script_assigns_own_bucket("cn-north-1")),
    Case("falsealarm10-eu-script-assigns-own-bucket", "EU", pv.script_assigns_own_bucket("eu-north-1")),
    Case("falsealarm10-jp-script-assigns-own-bucket", "JP", pv.script_assigns_own_bucket("ap-northeast-1")),
    Case("falsealarm10-us-script-assigns-own-bucket", "US", pv.script_assigns_own_bucket("us-east-1")),
    # -- stop 33 (hostshape4): a variable in part of a script URL's host, assigned in the same script.
    Case(
        "hostshape4-de-instance-script-domain-variable-partner",
        "DE",
        hs33_instance_script(_HOSTSHAPE4_DOMAIN.format(domain="partner.example.com")),
        {"RES-015"},
    ),
    Case(
        "hostshape4-de-instance-script-domain-variable-partner-declared",
        "DE",
        hs33_instance_script(_HOSTSHAPE4_DOMAIN.format(domain="partner.example.com")),
        destinations=[_HOSTSHAPE4_PARTNER],
    ),
    Case(
        "hostshape4-de-instance-script-domain-variable-from-ssm",
        "DE",
        hs33_instance_script(
            _HOSTSHAPE4_DOMAIN.format(
                domain="$(aws ssm get-parameter --name /fleet/domain --query Parameter.Value --output text)"
            )
        ),
    ),
    Case(
        "hostshape4-jp-instance-script-tenant-partner-domain",
        "JP",
        hs33_instance_script(_HOSTSHAPE4_TENANT.format(domain="collector.partner.example.com")),
        {"RES-015"},
    ),
    Case(
        "hostshape4-jp-instance-script-tenant-own-region-api",
        "JP",
        hs33_instance_script(_HOSTSHAPE4_TENANT.format(domain="execute-api.ap-northeast-1.amazonaws.com")),
    ),
    Case(
        "hostshape4-de-instance-script-queue-region-variable-own",
        "DE",
        hs33_instance_script(_HOSTSHAPE4_QUEUE.format(region="eu-central-1")),
    ),
    Case(
        "hostshape4-de-instance-script-queue-domain-variable-own",
        "DE",
        hs33_instance_script(_HOSTSHAPE4_QUEUE_DOMAIN.format(domain="eu-central-1.amazonaws.com")),
    ),
    Case(
        "hostshape4-de-instance-script-queue-domain-variable-virginia",
        "DE",
        hs33_instance_script(_HOSTSHAPE4_QUEUE_DOMAIN.format(domain="us-east-1.amazonaws.com")),
        {"RES-006"},
    ),
    # Percent-encoded hosts, decoded before judging (WHATWG URL host parsing percent-decodes the host).
    Case(
        "hostshape4-de-lambda-percent-encoded-dot-partner",
        "DE",
        hostshape4_lambda_url("WEBHOOK_URL", "https://partner%2Eexample.com/hooks/fleet"),
        {"RES-015"},
    ),
    Case(
        "hostshape4-de-lambda-percent-encoded-dot-own-region",
        "DE",
        hostshape4_lambda_url("WEBHOOK_URL", "https://sqs%2Eeu-central-1%2Eamazonaws.com/123456789012/fleet-jobs"),
    ),
    Case(
        "hostshape4-cn-lambda-percent-encoded-idn-partner",
        "CN",
        hostshape4_lambda_url("CALLBACK_URL", "https://%E4%B8%AD.partner.example.com/callback"),
        {"RES-015"},
    ),
    # A bucket whose name holds a placeholder outside a template.
    Case(
        "hostshape4-de-lambda-placeholder-bucket-url",
        "DE",
        hostshape4_lambda_url("EXPORT_URL", "s3://${Env}-exports/daily/"),
        {"RES-017"},
    ),
    Case(
        "hostshape4-de-lambda-placeholder-bucket-url-declared",
        "DE",
        hostshape4_lambda_url("EXPORT_URL", "s3://${Env}-exports/daily/"),
        destinations=[_HOSTSHAPE4_EXPORTS],
    ),
    Case(
        "hostshape4-de-lambda-placeholder-bucket-alone",
        "DE",
        hostshape4_lambda_url("EXPORT_URL", "s3://${BUCKET}/daily/"),
    ),
    Case(
        "hostshape4-cn-lambda-placeholder-bucket-aws-cn",
        "CN",
        hostshape4_lambda_url("EXPORT_URL", "s3://${Env}-exports/"),
    ),
    Case(
        "hostshape4-cn-fc-placeholder-oss-bucket",
        "CN",
        hostshape4_fc_env({"TELEMETRY_URL": "oss://{{ stage }}-telemetry/raw/"}),
        {"RES-017"},
    ),
    Case(
        "hostshape4-de-instance-script-bucket-variable-part-own",
        "DE",
        hs33_instance_script(_HOSTSHAPE4_SHIP.format(env="prod"), own_bucket="prod-fleet-logs-de"),
    ),
    Case(
        "hostshape4-de-instance-script-bucket-variable-part-partner",
        "DE",
        hs33_instance_script(_HOSTSHAPE4_SHIP.format(env="partner")),
        {"RES-017"},
    ),
    # A container's command naming a variable of its own environment (Kubernetes $(VAR), a shell in ECS).
    Case(
        "hostshape4-de-static-pod-ingest-domain-partner",
        "DE",
        hostshape4_static_pod("collector.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "hostshape4-de-static-pod-ingest-domain-own-region",
        "DE",
        hostshape4_static_pod("execute-api.eu-central-1.amazonaws.com"),
    ),
    Case(
        "hostshape4-jp-ecs-shell-ingest-domain-partner", "JP", hostshape4_ecs_shell("partner.example.com"), {"RES-015"}
    ),
    Case(
        "hostshape4-jp-ecs-shell-ingest-domain-own-region",
        "JP",
        hostshape4_ecs_shell("execute-api.ap-northeast-1.amazonaws.com"),
    ),
    # Text that is no host: format strings and path templates after a fixed host stay as they were.
    Case(
        "hostshape4-de-lambda-url-templates-no-host",
        "DE",
        lambda_env(
            {
                "API_URL": "https://${API_HOST}:${API_PORT}/v1/{proxy+}",
                "LOG_FORMAT": '%h %l %u %t "%r" %>s %b',
                "ARCHIVE_KEY": "s3-archive/%Y/%m/%d/${Env}-events.gz",
                "HELP_URL": "https://fleet-portal.eu-central-1.elasticbeanstalk.com/help#{section}",
            }
        ),
    ),
    # AWS red team, round 9 (stop 33): an Automation runbook's output bucket given as a `{{ Parameter }}` was never
    # judged (any bucket the starter names passed, even a partner's among its allowedValues); a parameter's default is
    # overridden by the starter; allowedValues bound it (each judged); accepted in aws-cn and when declared.
    Case("awsred9-eu-runbook-output-free", "EU", awsred9_runbook_output("free"), {"RES-017"}),
    Case("awsred9-eu-runbook-output-default", "EU", awsred9_runbook_output("default"), {"RES-017"}),
    Case("awsred9-eu-runbook-output-allowed-own", "EU", awsred9_runbook_output("allowed")),
    Case("awsred9-eu-runbook-output-literal-own", "EU", awsred9_runbook_output("literal")),
    Case("awsred9-de-runbook-output-allowed-partner", "DE", awsred9_runbook_output("allowed-partner"), {"RES-017"}),
    Case("awsred9-us-runbook-put-object-free", "US", awsred9_runbook_output("free", "putObject"), {"RES-017"}),
    Case("awsred9-us-runbook-put-object-allowed-own", "US", awsred9_runbook_output("allowed", "putObject")),
    Case("awsred9-cn-runbook-output-free", "CN", awsred9_runbook_output("free")),
    Case(
        "awsred9-jp-runbook-output-free-declared",
        "JP",
        awsred9_runbook_output("free"),
        destinations=[_AWSRED9_RUNBOOK_DECLARED],
    ),
    # AWS red team, round 9 (stop 33): Redshift's IAM JDBC form `jdbc:redshift:iam://<cluster>:<region>/<db>` (docs:
    # lambda/function; Redshift "Configure a JDBC or ODBC connection to use IAM credentials") was read as a host named
    # like the cluster: refused in its own Region (a false alarm), refused abroad only as an unknown host. SageMaker
    # notebook / Studio URLs (`<name>.notebook.<region>.sagemaker.aws`, `<domain>.studio.<region>.sagemaker.aws`,
    # `.notebook.cn-north-1.sagemaker.com.cn`) likewise: now judged by their Region.
    Case(
        "awsred9-eu-redshift-iam-jdbc-frankfurt",
        "EU",
        lambda_env({"REDSHIFT_JDBC_URL": "jdbc:redshift:iam://fleet-dw:eu-central-1/analytics?DbUser=etl"}),
    ),
    Case(
        "awsred9-eu-redshift-iam-jdbc-virginia",
        "EU",
        lambda_env({"REDSHIFT_JDBC_URL": "jdbc:redshift:iam://fleet-dw:us-east-1/analytics?DbUser=etl"}),
        {"RES-006"},
    ),
    Case(
        "awsred9-cn-redshift-iam-jdbc-ningxia",
        "CN",
        lambda_env({"REDSHIFT_JDBC_URL": "jdbc:redshift:iam://fleet-dw:cn-northwest-1/analytics"}),
    ),
    Case(
        "awsred9-cn-redshift-iam-jdbc-hongkong",
        "CN",
        lambda_env({"REDSHIFT_JDBC_URL": "jdbc:redshift:iam://fleet-dw:ap-east-1/analytics"}),
        {"RES-006"},
    ),
    Case(
        "awsred9-de-studio-url-frankfurt",
        "DE",
        lambda_env({"STUDIO_URL": "https://d-abcd12345xyz.studio.eu-central-1.sagemaker.aws/jupyterlab/default/"}),
    ),
    Case(
        "awsred9-de-studio-url-ireland",
        "DE",
        lambda_env({"STUDIO_URL": "https://d-abcd12345xyz.studio.eu-west-1.sagemaker.aws/jupyterlab/default/"}),
        {"RES-006"},
    ),
    Case(
        "awsred9-jp-notebook-url-tokyo",
        "JP",
        lambda_env({"NOTEBOOK_URL": "https://fleet-nb.notebook.ap-northeast-1.sagemaker.aws/lab"}),
    ),
    Case(
        "awsred9-jp-notebook-url-seoul",
        "JP",
        lambda_env({"NOTEBOOK_URL": "https://fleet-nb.notebook.ap-northeast-2.sagemaker.aws/lab"}),
        {"RES-006"},
    ),
    Case(
        "awsred9-cn-notebook-url-beijing",
        "CN",
        lambda_env({"NOTEBOOK_URL": "https://fleet-nb.notebook.cn-north-1.sagemaker.com.cn/lab"}),
    ),
    # AWS red team, round 9 (stop 33): an AgentCore Gateway connector target made by a CloudFormation stack's template
    # was not judged (template_services lacked it); the managed knowledge bases connector stays accepted.
    Case("awsred9-eu-template-gateway-web-search", "EU", awsred9_template_gateway_connector("web-search"), {"RES-016"}),
    Case(
        "awsred9-us-template-gateway-knowledge-bases",
        "US",
        awsred9_template_gateway_connector("bedrock-knowledge-bases"),
    ),
    # Alibaba red team, round 2 (stop 33). An SCDN domain in CN: no SCDN page gives AddScdnDomain's default scope and
    # scdn.Domain takes none, so a mainland acceleration region is unproven (alired8-cn-scdn-portal, accepted before, is
    # refused now); declared resident by the operator's reading of the domain's Scope.
    Case("alired9-cn-scdn-portal-declared-resident", "CN", alired8_scdn_site, destinations=[_ALIRED9_SCDN_DOMESTIC]),
    # A Flink SQL job's sink options (WITH 'properties.bootstrap.servers' / 'host'): a partner's brokers or Redis
    # passed.
    Case(
        "alired9-cn-flink-kafka-sink-partner",
        "CN",
        alired9_flink_alerts_sink("kafka", "kafka.partner.example.com:9092"),
        {"RES-015"},
    ),
    Case(
        "alired9-de-flink-kafka-sink-partner",
        "DE",
        alired9_flink_alerts_sink("kafka", "10.20.1.5:9092,b-1.partner-kafka.example.com:9092"),
        {"RES-015"},
    ),
    Case("alired9-cn-flink-kafka-sink-own-brokers", "CN", alired9_flink_alerts_sink("kafka", None)),
    Case("alired9-de-flink-kafka-sink-own-brokers", "DE", alired9_flink_alerts_sink("kafka", None)),
    Case(
        "alired9-cn-flink-redis-sink-partner",
        "CN",
        alired9_flink_alerts_sink("redis", "redis.partner.example.com"),
        {"RES-015"},
    ),
    Case("alired9-cn-flink-redis-sink-own", "CN", alired9_flink_alerts_sink("redis", None)),
    Case(
        "alired9-cn-flink-sql-file-kafka-partner",
        "CN",
        alired9_flink_sql_file("kafka.partner.example.com:9092"),
        {"RES-015"},
    ),
    Case("alired9-cn-flink-sql-file-kafka-own", "CN", alired9_flink_sql_file("10.20.1.5:9092")),
    # The MySQL connector's `hostname` (no host key elsewhere): a sink at a partner's database passed.
    Case("alired9-cn-flink-mysql-sink-partner", "CN", alired9_flink_mysql_sink("db.partner.example.com"), {"RES-015"}),
    Case(
        "alired9-jp-flink-mysql-sink-partner", "JP", alired9_flink_mysql_sink("mysql.partner.example.net"), {"RES-015"}
    ),
    Case("alired9-cn-flink-mysql-sink-own-rds", "CN", alired9_flink_mysql_sink(None)),
    Case("alired9-jp-flink-mysql-sink-own-rds", "JP", alired9_flink_mysql_sink(None)),
    Case("alired9-cn-flink-mysql-sink-in-vpc", "CN", alired9_flink_mysql_sink("10.20.3.4")),
    # A DMS Airflow instance's log bucket (CreateAirflow names no region for it): another account's bucket passed.
    Case("alired9-cn-dms-airflow-partner-bucket", "CN", alired9_dms_airflow("partner-airflow-logs"), {"RES-017"}),
    Case("alired9-de-dms-airflow-partner-bucket", "DE", alired9_dms_airflow("partner-airflow-logs"), {"RES-017"}),
    Case("alired9-cn-dms-airflow-own-bucket", "CN", alired9_dms_airflow(None)),
    Case("alired9-de-dms-airflow-own-bucket", "DE", alired9_dms_airflow(None)),
    # A DCDN domain config's origin features, read as CDN's (one feature registry): a partner's origin passed.
    Case(
        "alired9-cn-dcdn-conditional-origin-partner",
        "CN",
        alired9_dcdn_feature("origin_dns_host", {"ali_origin_dns_host": "api.partner.example.com"}),
        {"RES-015"},
    ),
    Case(
        "alired9-cn-dcdn-conditional-origin-own-oss",
        "CN",
        alired9_dcdn_feature("origin_dns_host", {"ali_origin_dns_host": "fleet-api.oss-cn-shanghai.aliyuncs.com"}),
    ),
    Case(
        "alired9-cn-dcdn-advanced-origin-partner",
        "CN",
        alired9_dcdn_feature(
            "advanced_origin",
            {
                "variable_type": "uri",
                "variable": "uri",
                "conditions": "==",
                "value": "/api",
                "origin": "api.partner.example.com",
            },
        ),
        {"RES-015"},
    ),
    Case(
        "alired9-cn-dcdn-origin-group-partner",
        "CN",
        alired9_dcdn_feature("source_group", {"source_info": "10.20.1.15_10_50_443,api.partner.example.com_20_50_443"}),
        {"RES-015"},
    ),
    Case(
        "alired9-cn-dcdn-origin-group-own",
        "CN",
        alired9_dcdn_feature("source_group", {"source_info": "10.20.1.15_10_50_443,10.20.1.16_20_50_443"}),
    ),
    Case(
        "alired9-cn-dcdn-origin-host-header-partner-name",
        "CN",
        alired9_dcdn_feature("set_req_host_header", {"domain_name": "api.partner.example.com"}),
    ),
    # Mutation search round 4 (stop 33), each host of a list swapped in turn: a partner's broker beside the cluster's
    # own in a Lambda's BOOTSTRAP (or alone in KAFKA_BOOTSTRAP, an FC function's list) passed, `bootstrap` being no
    # host key; the clusters' own brokers and private addresses stay accepted.
    Case(
        "mutants4-cn-lambda-bootstrap-partner-broker",
        "CN",
        lambda_env({"BOOTSTRAP": f"{_MSK_NINGXIA},{_PARTNER_BROKER}"}),
        {"RES-015"},
    ),
    Case("mutants4-cn-lambda-bootstrap-own-brokers", "CN", lambda_env({"BOOTSTRAP": _MSK_NINGXIA})),
    Case(
        "mutants4-eu-lambda-kafka-bootstrap-partner",
        "EU",
        lambda_env({"KAFKA_BOOTSTRAP": _PARTNER_BROKER}),
        {"RES-015"},
    ),
    Case("mutants4-eu-lambda-kafka-bootstrap-frankfurt", "EU", lambda_env({"KAFKA_BOOTSTRAP": _MSK_FRANKFURT})),
    Case(
        "mutants4-jp-lambda-bootstrap-private-brokers",
        "JP",
        lambda_env({"BOOTSTRAP": "10.40.3.21:9092,10.40.4.22:9092"}),
    ),
    Case(
        "mutants4-cn-fc-kafka-bootstrap-partner",
        "CN",
        fc_environment({"KAFKA_BOOTSTRAP": f"{_KAFKA_PRIVATE},{_PARTNER_BROKER}"}),
        {"RES-015"},
    ),
    Case("mutants4-cn-fc-kafka-bootstrap-private", "CN", fc_environment({"KAFKA_BOOTSTRAP": _KAFKA_PRIVATE})),
    # Mutation search round 4: gzip-compressed user data (decoded, mutated and compressed again by the search) naming
    # the stack's own Frankfurt services: an API Gateway stage, an RDS host under DB_HOST, the CLI's region.
    Case(
        "mutants4-de-ec2-gzip-user-data-own-services",
        "DE",
        aws_gzip_user_data(
            "#!/bin/sh\nexport AWS_REGION=eu-central-1\n"
            "echo DB_HOST=fleet.c9akciq32.eu-central-1.rds.amazonaws.com >> /etc/app.env\n"
            "curl -fsS -X POST https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/prod/boot\n"
            "aws ssm get-parameter --name /fleet/agent/token --with-decryption --region eu-central-1\n"
        ),
    ),
    # Alibaba red team, round 3 (stop 34). An Express Connect circuit's far end (peer_location, free text naming the
    # customer's data centre): a mainland access point reached from a colocation abroad passed; now RES-015 unless the
    # site is declared by its exact text. An undeclared in-country site is refused too (nothing in the text proves it).
    Case(
        "alired10-cn-express-connect-site-abroad",
        "CN",
        alired10_express_connect("Equinix SG3, 26A Ayer Rajah Crescent, Singapore 139963", "Equinix"),
        {"RES-015"},
    ),
    Case(
        "alired10-cn-express-connect-site-undeclared", "CN", alired10_express_connect(_ALIRED10_IDC, "CT"), {"RES-015"}
    ),
    Case(
        "alired10-cn-express-connect-site-declared",
        "CN",
        alired10_express_connect(_ALIRED10_IDC, "CT"),
        destinations=[_ALIRED10_IDC_DECLARED],
    ),
    # A NAS mount target named in a block: SAE's nas_configs[].mount_domain and E-HPC's shared_storages[]
    # .mount_target_domain at a partner's NFS server passed (a NAS host of another region was refused, RES-006).
    Case("alired10-cn-sae-nas-partner-nfs", "CN", alired10_sae_nas("nfs.partner.example.com"), {"RES-015"}),
    Case("alired10-cn-sae-nas-own-mount-target", "CN", alired10_sae_nas(None)),
    Case(
        "alired10-cn-ehpc-share-partner-nfs",
        "CN",
        alired10_ehpc_shared_storage("filer.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "alired10-cn-ehpc-share-own-nas",
        "CN",
        alired10_ehpc_shared_storage("0a1b2c3d4e-xk71.cn-shanghai.nas.aliyuncs.com"),
    ),
    Case(
        "alired10-cn-ehpc-v1-scratch-partner",
        "CN",
        alired10_ehpc_v1_scratch("scratch.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "alired10-cn-ehpc-v1-scratch-own-nas",
        "CN",
        alired10_ehpc_v1_scratch("5f6e7d8c9b-qp24.cn-shanghai.nas.aliyuncs.com"),
    ),
    # AWS red team, round 10 (stop 34): nested inputs naming a destination that every front door accepted. An MSK
    # Replicator's self-managed source cluster (a partner's brokers, a public address; the on-premises brokers' private
    # addresses pass).
    Case(
        "awsred10-eu-msk-replicator-partner-kafka",
        "EU",
        awsred10_msk_replicator("kafka1.partner.example.com:9096,kafka2.partner.example.com:9096"),
        {"RES-015"},
    ),
    Case("awsred10-eu-msk-replicator-public-broker", "EU", awsred10_msk_replicator("52.28.14.9:9096"), {"RES-015"}),
    Case("awsred10-eu-msk-replicator-onprem-private", "EU", awsred10_msk_replicator("10.40.3.21:9096,10.40.4.22:9096")),
    Case(
        "awsred10-cn-msk-replicator-partner-kafka",
        "CN",
        awsred10_msk_replicator("kafka.partner.example.com:9096"),
        {"RES-015"},
    ),
    Case("awsred10-cn-msk-replicator-onprem-private", "CN", awsred10_msk_replicator("192.168.20.11:9096")),
    # An Amazon Connect agent's e-mail addresses (the notifications Connect mails): a partner's domain passed.
    Case(
        "awsred10-de-connect-agent-partner-mail",
        "DE",
        awsred10_connect_agent("jberger@agency.example.com"),
        {"RES-015"},
        destinations=[_FA_OWN_MAIL],
    ),
    Case(
        "awsred10-de-connect-agent-partner-secondary-mail",
        "DE",
        awsred10_connect_agent("jberger@mail.fleet-example.de", "jana.berger@agency.example.com"),
        {"RES-015"},
        destinations=[_FA_OWN_MAIL],
    ),
    Case(
        "awsred10-de-connect-agent-own-mail-declared",
        "DE",
        awsred10_connect_agent("jberger@mail.fleet-example.de", "oncall@mail.fleet-example.de"),
        destinations=[_FA_OWN_MAIL],
    ),
    # A FinSpace kdb environment's custom DNS server address (Route 53 outbound resolvers forward to it): a public
    # resolver passed beside a declared server name; the on-premises resolver's private address passes.
    Case(
        "awsred10-eu-finspace-public-dns-server",
        "EU",
        awsred10_finspace_dns("8.8.8.8"),
        {"RES-015"},
        destinations=[_AWSRED10_CORP_DNS],
    ),
    Case(
        "awsred10-eu-finspace-onprem-dns-server",
        "EU",
        awsred10_finspace_dns("10.20.0.2"),
        destinations=[_AWSRED10_CORP_DNS],
    ),
    # A registered domain's name servers' glue IPs (where resolvers send the domain's queries): a public address passed;
    # the stack's own hosted zone's name servers pass.
    Case("awsred10-eu-registered-domain-public-glue-ip", "EU", awsred10_registered_domain("52.28.14.9"), {"RES-015"}),
    Case("awsred10-eu-registered-domain-own-zone", "EU", awsred10_registered_domain(None)),
    # An AgentCore gateway target's routing domain (where the MCP requests are sent instead of the server's name): a
    # partner's host passed; the stack's internal ALB passes.
    Case(
        "awsred10-eu-gateway-target-partner-routing",
        "EU",
        awsred10_gateway_target_routing("mcp-gateway.partner.example.com"),
        {"RES-015"},
        destinations=[_AWSRED10_MCP],
    ),
    Case(
        "awsred10-eu-gateway-target-internal-alb-routing",
        "EU",
        awsred10_gateway_target_routing("internal-parts-mcp-1234567890.eu-west-1.elb.amazonaws.com"),
        destinations=[_AWSRED10_MCP],
    ),
    # Chime SDK Voice Connector call detail records: a partner's bucket passed; the stack's bucket passes.
    Case("awsred10-eu-chime-cdr-partner-bucket", "EU", awsred10_chime_cdr("telco-partner-cdr-archive"), {"RES-017"}),
    Case("awsred10-eu-chime-cdr-own-bucket", "EU", awsred10_chime_cdr(None)),
    # ARC Region switch plan reports in the documented bare form (`bucket-name/prefix`): a partner's bucket passed.
    Case(
        "awsred10-eu-region-switch-reports-partner-bucket",
        "EU",
        awsred10_region_switch_reports("dr-auditor-reports/fleet"),
        {"RES-017"},
    ),
    Case("awsred10-eu-region-switch-reports-own-bucket", "EU", awsred10_region_switch_reports(None)),
    # A DMS migration project's assessment reports in the bare `bucket/prefix` form: a partner's bucket passed.
    Case(
        "awsred10-eu-migration-project-partner-bucket",
        "EU",
        awsred10_migration_project_reports("dba-consultant-reports/dealer-db"),
        {"RES-017"},
    ),
    Case("awsred10-eu-migration-project-own-bucket", "EU", awsred10_migration_project_reports(None)),
    Case("falsealarm11-cn-private-zone-services", "CN", pd.private_zone_services("cn-north-1")),
    Case(
        "falsealarm11-cn-private-zone-services-relative", "CN", pd.private_zone_services("cn-north-1", how="relative")
    ),
    Case("falsealarm11-cn-private-zone-services-urls", "CN", pd.private_zone_services("cn-north-1", how="urls")),
    Case(
        "falsealarm11-cn-private-zone-unmade-name",
        "CN",
        pd.private_zone_services("cn-north-1", how="unmade"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-cn-private-zone-public-domain",
        "CN",
        pd.private_zone_services("cn-north-1", zone="db.fleet.example.cn"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-cn-private-zone-public-domain-declared",
        "CN",
        pd.private_zone_services("cn-north-1", zone="db.fleet.example.cn"),
        set(),
        [
            {
                "id": "db-zone",
                "kind": "resident",
                "match": "*.db.fleet.example.cn",
                "evidence": "private hosted zone of this stack",
            }
        ],
    ),
    Case(
        "falsealarm11-cn-private-zone-local",
        "CN",
        pd.private_zone_services("cn-north-1", zone="fleet.local"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-cn-private-zone-cname-partner",
        "CN",
        pd.private_zone_cname_abroad("cn-north-1", "analytics.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-cn-private-zone-cname-foreign-region",
        "CN",
        pd.private_zone_cname_abroad("cn-north-1", "reports.cluster-c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com"),
        {"RES-006"},
    ),
    Case("falsealarm11-cn-internal-api-alias", "CN", pd.internal_api_alias("cn-north-1")),
    Case("falsealarm11-cn-split-horizon", "CN", pd.split_horizon("cn-north-1", "fleet.example.cn")),
    Case(
        "falsealarm11-cn-split-horizon-cname-other-zone",
        "CN",
        pd.split_horizon("cn-north-1", "fleet.example.cn", "portal.fleet-partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-cn-split-horizon-public-name-in-variable",
        "CN",
        pd.split_horizon("cn-north-1", "fleet.example.cn", public_url=True),
        {"RES-015"},
    ),
    Case("falsealarm11-cn-home-arpa", "CN", pd.home_arpa("cn-north-1")),
    Case("falsealarm11-cn-cloud-map", "CN", pd.cloud_map("cn-north-1")),
    Case("falsealarm11-cn-cloud-map-local", "CN", pd.cloud_map("cn-north-1", namespace="fleet.local"), {"RES-015"}),
    Case("falsealarm11-cn-cloud-map-instance-private", "CN", pd.cloud_map("cn-north-1", instance_ip="10.40.8.15")),
    Case(
        "falsealarm11-cn-cloud-map-instance-public-ip",
        "CN",
        pd.cloud_map("cn-north-1", instance_ip="198.51.100.20"),
        {"RES-015"},
    ),
    Case("falsealarm11-cn-service-connect-client-alias", "CN", pd.service_connect("cn-north-1")),
    Case("falsealarm11-cn-resolver-to-corp", "CN", pd.resolver_forwarding("cn-north-1", ["10.10.0.2", "10.10.1.2"])),
    Case(
        "falsealarm11-cn-resolver-to-public-ip",
        "CN",
        pd.resolver_forwarding("cn-north-1", ["10.10.0.2", "198.51.100.53"]),
        {"RES-015"},
    ),
    Case("falsealarm11-eu-private-zone-services", "EU", pd.private_zone_services("eu-west-1")),
    Case("falsealarm11-eu-private-zone-services-relative", "EU", pd.private_zone_services("eu-west-1", how="relative")),
    Case("falsealarm11-eu-private-zone-services-urls", "EU", pd.private_zone_services("eu-west-1", how="urls")),
    Case(
        "falsealarm11-eu-private-zone-unmade-name",
        "EU",
        pd.private_zone_services("eu-west-1", how="unmade"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-eu-private-zone-public-domain",
        "EU",
        pd.private_zone_services("eu-west-1", zone="db.fleet.example.eu"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-eu-private-zone-public-domain-declared",
        "EU",
        pd.private_zone_services("eu-west-1", zone="db.fleet.example.eu"),
        set(),
        [
            {
                "id": "db-zone",
                "kind": "resident",
                "match": "*.db.fleet.example.eu",
                "evidence": "private hosted zone of this stack",
            }
        ],
    ),
    Case(
        "falsealarm11-eu-private-zone-local",
        "EU",
        pd.private_zone_services("eu-west-1", zone="fleet.local"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-eu-private-zone-cname-partner",
        "EU",
        pd.private_zone_cname_abroad("eu-west-1", "analytics.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-eu-private-zone-cname-foreign-region",
        "EU",
        pd.private_zone_cname_abroad("eu-west-1", "reports.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com"),
        {"RES-006"},
    ),
    Case("falsealarm11-eu-internal-api-alias", "EU", pd.internal_api_alias("eu-west-1")),
    Case("falsealarm11-eu-split-horizon", "EU", pd.split_horizon("eu-west-1", "fleet.example.eu")),
    Case(
        "falsealarm11-eu-split-horizon-cname-other-zone",
        "EU",
        pd.split_horizon("eu-west-1", "fleet.example.eu", "portal.fleet-partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-eu-split-horizon-public-name-in-variable",
        "EU",
        pd.split_horizon("eu-west-1", "fleet.example.eu", public_url=True),
        {"RES-015"},
    ),
    Case("falsealarm11-eu-home-arpa", "EU", pd.home_arpa("eu-west-1")),
    Case("falsealarm11-eu-cloud-map", "EU", pd.cloud_map("eu-west-1")),
    Case("falsealarm11-eu-cloud-map-local", "EU", pd.cloud_map("eu-west-1", namespace="fleet.local"), {"RES-015"}),
    Case("falsealarm11-eu-cloud-map-instance-private", "EU", pd.cloud_map("eu-west-1", instance_ip="10.40.8.15")),
    Case(
        "falsealarm11-eu-cloud-map-instance-public-ip",
        "EU",
        pd.cloud_map("eu-west-1", instance_ip="198.51.100.20"),
        {"RES-015"},
    ),
    Case("falsealarm11-eu-service-connect-client-alias", "EU", pd.service_connect("eu-west-1")),
    Case("falsealarm11-eu-resolver-to-corp", "EU", pd.resolver_forwarding("eu-west-1", ["10.10.0.2", "10.10.1.2"])),
    Case(
        "falsealarm11-eu-resolver-to-public-ip",
        "EU",
        pd.resolver_forwarding("eu-west-1", ["10.10.0.2", "198.51.100.53"]),
        {"RES-015"},
    ),
    Case("falsealarm11-eu-influxdb-bucket-output", "EU", pd.influxdb_bucket_variable("eu-west-1", "output")),
    Case("falsealarm11-eu-influxdb-bucket-literal", "EU", pd.influxdb_bucket_variable("eu-west-1", "literal")),
    Case("falsealarm11-eu-influxdb-bucket-cluster", "EU", pd.influxdb_bucket_variable("eu-west-1", "cluster")),
    Case(
        "falsealarm11-eu-influxdb-bucket-partner",
        "EU",
        pd.influxdb_bucket_variable("eu-west-1", "partner"),
        {"RES-017"},
    ),
    Case("falsealarm11-de-private-zone-services", "DE", pd.private_zone_services("eu-central-1")),
    Case(
        "falsealarm11-de-private-zone-services-relative", "DE", pd.private_zone_services("eu-central-1", how="relative")
    ),
    Case("falsealarm11-de-private-zone-services-urls", "DE", pd.private_zone_services("eu-central-1", how="urls")),
    Case(
        "falsealarm11-de-private-zone-unmade-name",
        "DE",
        pd.private_zone_services("eu-central-1", how="unmade"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-de-private-zone-public-domain",
        "DE",
        pd.private_zone_services("eu-central-1", zone="db.fleet.example.de"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-de-private-zone-public-domain-declared",
        "DE",
        pd.private_zone_services("eu-central-1", zone="db.fleet.example.de"),
        set(),
        [
            {
                "id": "db-zone",
                "kind": "resident",
                "match": "*.db.fleet.example.de",
                "evidence": "private hosted zone of this stack",
            }
        ],
    ),
    Case(
        "falsealarm11-de-private-zone-local",
        "DE",
        pd.private_zone_services("eu-central-1", zone="fleet.local"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-de-private-zone-cname-partner",
        "DE",
        pd.private_zone_cname_abroad("eu-central-1", "analytics.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-de-private-zone-cname-foreign-region",
        "DE",
        pd.private_zone_cname_abroad("eu-central-1", "reports.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com"),
        {"RES-006"},
    ),
    Case("falsealarm11-de-internal-api-alias", "DE", pd.internal_api_alias("eu-central-1")),
    Case("falsealarm11-de-split-horizon", "DE", pd.split_horizon("eu-central-1", "fleet.example.de")),
    Case(
        "falsealarm11-de-split-horizon-cname-other-zone",
        "DE",
        pd.split_horizon("eu-central-1", "fleet.example.de", "portal.fleet-partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-de-split-horizon-public-name-in-variable",
        "DE",
        pd.split_horizon("eu-central-1", "fleet.example.de", public_url=True),
        {"RES-015"},
    ),
    Case("falsealarm11-de-home-arpa", "DE", pd.home_arpa("eu-central-1")),
    Case("falsealarm11-de-cloud-map", "DE", pd.cloud_map("eu-central-1")),
    Case("falsealarm11-de-cloud-map-local", "DE", pd.cloud_map("eu-central-1", namespace="fleet.local"), {"RES-015"}),
    Case("falsealarm11-de-cloud-map-instance-private", "DE", pd.cloud_map("eu-central-1", instance_ip="10.40.8.15")),
    Case(
        "falsealarm11-de-cloud-map-instance-public-ip",
        "DE",
        pd.cloud_map("eu-central-1", instance_ip="198.51.100.20"),
        {"RES-015"},
    ),
    Case("falsealarm11-de-service-connect-client-alias", "DE", pd.service_connect("eu-central-1")),
    Case("falsealarm11-de-resolver-to-corp", "DE", pd.resolver_forwarding("eu-central-1", ["10.10.0.2", "10.10.1.2"])),
    Case(
        "falsealarm11-de-resolver-to-public-ip",
        "DE",
        pd.resolver_forwarding("eu-central-1", ["10.10.0.2", "198.51.100.53"]),
        {"RES-015"},
    ),
    Case("falsealarm11-de-influxdb-bucket-output", "DE", pd.influxdb_bucket_variable("eu-central-1", "output")),
    Case("falsealarm11-de-influxdb-bucket-literal", "DE", pd.influxdb_bucket_variable("eu-central-1", "literal")),
    Case("falsealarm11-de-influxdb-bucket-cluster", "DE", pd.influxdb_bucket_variable("eu-central-1", "cluster")),
    Case(
        "falsealarm11-de-influxdb-bucket-partner",
        "DE",
        pd.influxdb_bucket_variable("eu-central-1", "partner"),
        {"RES-017"},
    ),
    Case("falsealarm11-jp-private-zone-services", "JP", pd.private_zone_services("ap-northeast-1")),
    Case(
        "falsealarm11-jp-private-zone-services-relative",
        "JP",
        pd.private_zone_services("ap-northeast-1", how="relative"),
    ),
    Case("falsealarm11-jp-private-zone-services-urls", "JP", pd.private_zone_services("ap-northeast-1", how="urls")),
    Case(
        "falsealarm11-jp-private-zone-unmade-name",
        "JP",
        pd.private_zone_services("ap-northeast-1", how="unmade"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-jp-private-zone-public-domain",
        "JP",
        pd.private_zone_services("ap-northeast-1", zone="db.fleet.example.jp"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-jp-private-zone-public-domain-declared",
        "JP",
        pd.private_zone_services("ap-northeast-1", zone="db.fleet.example.jp"),
        set(),
        [
            {
                "id": "db-zone",
                "kind": "resident",
                "match": "*.db.fleet.example.jp",
                "evidence": "private hosted zone of this stack",
            }
        ],
    ),
    Case(
        "falsealarm11-jp-private-zone-local",
        "JP",
        pd.private_zone_services("ap-northeast-1", zone="fleet.local"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-jp-private-zone-cname-partner",
        "JP",
        pd.private_zone_cname_abroad("ap-northeast-1", "analytics.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-jp-private-zone-cname-foreign-region",
        "JP",
        pd.private_zone_cname_abroad("ap-northeast-1", "reports.cluster-c1a2b3c4d5e6.us-west-2.rds.amazonaws.com"),
        {"RES-006"},
    ),
    Case("falsealarm11-jp-internal-api-alias", "JP", pd.internal_api_alias("ap-northeast-1")),
    Case("falsealarm11-jp-split-horizon", "JP", pd.split_horizon("ap-northeast-1", "fleet.example.jp")),
    Case(
        "falsealarm11-jp-split-horizon-cname-other-zone",
        "JP",
        pd.split_horizon("ap-northeast-1", "fleet.example.jp", "portal.fleet-partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-jp-split-horizon-public-name-in-variable",
        "JP",
        pd.split_horizon("ap-northeast-1", "fleet.example.jp", public_url=True),
        {"RES-015"},
    ),
    Case("falsealarm11-jp-home-arpa", "JP", pd.home_arpa("ap-northeast-1")),
    Case("falsealarm11-jp-cloud-map", "JP", pd.cloud_map("ap-northeast-1")),
    Case("falsealarm11-jp-cloud-map-local", "JP", pd.cloud_map("ap-northeast-1", namespace="fleet.local"), {"RES-015"}),
    Case("falsealarm11-jp-cloud-map-instance-private", "JP", pd.cloud_map("ap-northeast-1", instance_ip="10.40.8.15")),
    Case(
        "falsealarm11-jp-cloud-map-instance-public-ip",
        "JP",
        pd.cloud_map("ap-northeast-1", instance_ip="198.51.100.20"),
        {"RES-015"},
    ),
    Case("falsealarm11-jp-service-connect-client-alias", "JP", pd.service_connect("ap-northeast-1")),
    Case(
        "falsealarm11-jp-resolver-to-corp", "JP", pd.resolver_forwarding("ap-northeast-1", ["10.10.0.2", "10.10.1.2"])
    ),
    Case(
        "falsealarm11-jp-resolver-to-public-ip",
        "JP",
        pd.resolver_forwarding("ap-northeast-1", ["10.10.0.2", "198.51.100.53"]),
        {"RES-015"},
    ),
    Case("falsealarm11-jp-influxdb-bucket-output", "JP", pd.influxdb_bucket_variable("ap-northeast-1", "output")),
    Case("falsealarm11-jp-influxdb-bucket-literal", "JP", pd.influxdb_bucket_variable("ap-northeast-1", "literal")),
    Case("falsealarm11-jp-influxdb-bucket-cluster", "JP", pd.influxdb_bucket_variable("ap-northeast-1", "cluster")),
    Case(
        "falsealarm11-jp-influxdb-bucket-partner",
        "JP",
        pd.influxdb_bucket_variable("ap-northeast-1", "partner"),
        {"RES-017"},
    ),
    Case("falsealarm11-us-private-zone-services", "US", pd.private_zone_services("us-east-1")),
    Case("falsealarm11-us-private-zone-services-relative", "US", pd.private_zone_services("us-east-1", how="relative")),
    Case("falsealarm11-us-private-zone-services-urls", "US", pd.private_zone_services("us-east-1", how="urls")),
    Case(
        "falsealarm11-us-private-zone-unmade-name",
        "US",
        pd.private_zone_services("us-east-1", how="unmade"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-us-private-zone-public-domain",
        "US",
        pd.private_zone_services("us-east-1", zone="db.fleet.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-us-private-zone-public-domain-declared",
        "US",
        pd.private_zone_services("us-east-1", zone="db.fleet.example.com"),
        set(),
        [
            {
                "id": "db-zone",
                "kind": "resident",
                "match": "*.db.fleet.example.com",
                "evidence": "private hosted zone of this stack",
            }
        ],
    ),
    Case(
        "falsealarm11-us-private-zone-local",
        "US",
        pd.private_zone_services("us-east-1", zone="fleet.local"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-us-private-zone-cname-partner",
        "US",
        pd.private_zone_cname_abroad("us-east-1", "analytics.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-us-private-zone-cname-foreign-region",
        "US",
        pd.private_zone_cname_abroad("us-east-1", "reports.cluster-c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com"),
        {"RES-006"},
    ),
    Case("falsealarm11-us-internal-api-alias", "US", pd.internal_api_alias("us-east-1")),
    Case("falsealarm11-us-split-horizon", "US", pd.split_horizon("us-east-1", "fleet.example.com")),
    Case(
        "falsealarm11-us-split-horizon-cname-other-zone",
        "US",
        pd.split_horizon("us-east-1", "fleet.example.com", "portal.fleet-partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-us-split-horizon-public-name-in-variable",
        "US",
        pd.split_horizon("us-east-1", "fleet.example.com", public_url=True),
        {"RES-015"},
    ),
    Case("falsealarm11-us-home-arpa", "US", pd.home_arpa("us-east-1")),
    Case("falsealarm11-us-cloud-map", "US", pd.cloud_map("us-east-1")),
    Case("falsealarm11-us-cloud-map-local", "US", pd.cloud_map("us-east-1", namespace="fleet.local"), {"RES-015"}),
    Case("falsealarm11-us-cloud-map-instance-private", "US", pd.cloud_map("us-east-1", instance_ip="10.40.8.15")),
    Case(
        "falsealarm11-us-cloud-map-instance-public-ip",
        "US",
        pd.cloud_map("us-east-1", instance_ip="198.51.100.20"),
        {"RES-015"},
    ),
    Case("falsealarm11-us-service-connect-client-alias", "US", pd.service_connect("us-east-1")),
    Case("falsealarm11-us-resolver-to-corp", "US", pd.resolver_forwarding("us-east-1", ["10.10.0.2", "10.10.1.2"])),
    Case(
        "falsealarm11-us-resolver-to-public-ip",
        "US",
        pd.resolver_forwarding("us-east-1", ["10.10.0.2", "198.51.100.53"]),
        {"RES-015"},
    ),
    Case("falsealarm11-us-influxdb-bucket-output", "US", pd.influxdb_bucket_variable("us-east-1", "output")),
    Case("falsealarm11-us-influxdb-bucket-literal", "US", pd.influxdb_bucket_variable("us-east-1", "literal")),
    Case("falsealarm11-us-influxdb-bucket-cluster", "US", pd.influxdb_bucket_variable("us-east-1", "cluster")),
    Case(
        "falsealarm11-us-influxdb-bucket-partner",
        "US",
        pd.influxdb_bucket_variable("us-east-1", "partner"),
        {"RES-017"},
    ),
    Case("falsealarm11-cn-ali-private-zone", "CN", pd.ali_private_zone("cn-shanghai")),
    Case("falsealarm11-cn-ali-private-zone-beijing", "CN", pd.ali_private_zone("cn-beijing")),
    Case(
        "falsealarm11-cn-ali-private-zone-public-domain",
        "CN",
        pd.ali_private_zone("cn-shanghai", zone="db.fleet.example.cn"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-cn-ali-private-zone-local",
        "CN",
        pd.ali_private_zone("cn-shanghai", zone="fleet.local"),
        {"RES-015"},
    ),
    Case(
        "falsealarm11-cn-ali-private-zone-record-abroad",
        "CN",
        pd.ali_private_zone("cn-shanghai", value="rm-gs5xxxxxxxx.mysql.eu-central-1.rds.aliyuncs.com"),
        {"RES-006"},
    ),
    Case(
        "falsealarm11-cn-ali-private-zone-record-partner",
        "CN",
        pd.ali_private_zone("cn-shanghai", value="db.partner.example.com"),
        {"RES-015"},
    ),
    Case("falsealarm11-cn-ali-resolver-to-corp", "CN", pd.ali_resolver_forwarding("cn-shanghai", "10.10.0.2")),
    Case(
        "falsealarm11-cn-ali-resolver-to-public-ip",
        "CN",
        pd.ali_resolver_forwarding("cn-shanghai", "198.51.100.53"),
        {"RES-015"},
    ),
    # -- stop 34, false-alarm hunt (tests/platform_programs_new34.py): 2025-2026 services the table had few or none
    # of (S3 Tables, DSQL, Bedrock / AgentCore, EKS Auto Mode, Lattice, Verified Access, Network Firewall, FC 3.0, SAE).
    Case("falsealarm12-eu-s3-tables", "EU", pn.s3_tables_lakehouse("eu-west-1")),
    Case("falsealarm12-de-s3-tables", "DE", pn.s3_tables_lakehouse("eu-central-1")),
    Case("falsealarm12-jp-s3-tables", "JP", pn.s3_tables_lakehouse("ap-northeast-1")),
    Case("falsealarm12-us-s3-tables", "US", pn.s3_tables_lakehouse("us-east-1")),
    Case("falsealarm12-eu-s3-express", "EU", pn.s3_express_cache("eu-north-1", "eun1-az1")),
    Case("falsealarm12-jp-s3-express", "JP", pn.s3_express_cache("ap-northeast-1", "apne1-az4")),
    Case("falsealarm12-us-s3-express", "US", pn.s3_express_cache("us-east-1", "use1-az4")),
    Case("falsealarm12-us-oregon-s3-express", "US", pn.s3_express_cache("us-west-2", "usw2-az1")),
    Case("falsealarm12-eu-aurora-dsql", "EU", pn.aurora_dsql("eu-west-1")),
    Case("falsealarm12-de-aurora-dsql", "DE", pn.aurora_dsql("eu-central-1")),
    Case("falsealarm12-jp-aurora-dsql", "JP", pn.aurora_dsql("ap-northeast-1")),
    Case("falsealarm12-us-aurora-dsql", "US", pn.aurora_dsql("us-east-1")),
    Case("falsealarm12-us-aurora-dsql-multi-region", "US", pn.aurora_dsql("us-east-1", ("us-east-2", "us-west-2"))),
    Case("falsealarm12-eu-aurora-limitless", "EU", pn.aurora_limitless("eu-west-1")),
    Case("falsealarm12-de-aurora-limitless", "DE", pn.aurora_limitless("eu-central-1")),
    Case("falsealarm12-jp-aurora-limitless", "JP", pn.aurora_limitless("ap-northeast-1")),
    Case("falsealarm12-us-aurora-limitless", "US", pn.aurora_limitless("us-east-1")),
    Case(
        "falsealarm12-eu-bedrock-guardrail-prompt",
        "EU",
        pn.bedrock_guardrail_prompt("eu-west-1", "anthropic.claude-3-haiku-20240307-v1:0"),
    ),
    Case(
        "falsealarm12-de-bedrock-guardrail-prompt",
        "DE",
        pn.bedrock_guardrail_prompt("eu-central-1", "amazon.nova-pro-v1:0"),
    ),
    Case(
        "falsealarm12-jp-bedrock-guardrail-prompt",
        "JP",
        pn.bedrock_guardrail_prompt("ap-northeast-1", "jp.anthropic.claude-sonnet-4-5-20250929-v1:0"),
    ),
    Case(
        "falsealarm12-us-bedrock-guardrail-prompt",
        "US",
        pn.bedrock_guardrail_prompt("us-east-1", "us.anthropic.claude-sonnet-4-20250514-v1:0"),
    ),
    Case("falsealarm12-eu-bedrock-knowledge-base", "EU", pn.bedrock_knowledge_base("eu-west-1")),
    Case("falsealarm12-de-bedrock-knowledge-base", "DE", pn.bedrock_knowledge_base("eu-central-1")),
    Case("falsealarm12-jp-bedrock-knowledge-base", "JP", pn.bedrock_knowledge_base("ap-northeast-1")),
    Case("falsealarm12-us-bedrock-knowledge-base", "US", pn.bedrock_knowledge_base("us-east-1")),
    Case("falsealarm12-eu-agentcore-runtime", "EU", pn.agentcore_runtime("eu-west-1")),
    Case("falsealarm12-de-agentcore-runtime", "DE", pn.agentcore_runtime("eu-central-1")),
    Case("falsealarm12-jp-agentcore-runtime", "JP", pn.agentcore_runtime("ap-northeast-1")),
    Case("falsealarm12-us-agentcore-runtime", "US", pn.agentcore_runtime("us-east-1")),
    Case("falsealarm12-eu-eks-auto-mode-pod-identity", "EU", pn.eks_auto_mode_pod_identity("eu-west-1")),
    Case("falsealarm12-de-eks-auto-mode-pod-identity", "DE", pn.eks_auto_mode_pod_identity("eu-central-1")),
    Case("falsealarm12-jp-eks-auto-mode-pod-identity", "JP", pn.eks_auto_mode_pod_identity("ap-northeast-1")),
    Case("falsealarm12-us-eks-auto-mode-pod-identity", "US", pn.eks_auto_mode_pod_identity("us-east-1")),
    Case("falsealarm12-cn-eks-auto-mode-pod-identity", "CN", pn.eks_auto_mode_pod_identity("cn-north-1")),
    Case("falsealarm12-eu-ecs-service-connect", "EU", pn.ecs_service_connect("eu-west-1")),
    Case("falsealarm12-de-ecs-service-connect", "DE", pn.ecs_service_connect("eu-central-1")),
    Case("falsealarm12-jp-ecs-service-connect", "JP", pn.ecs_service_connect("ap-northeast-1")),
    Case("falsealarm12-us-ecs-service-connect", "US", pn.ecs_service_connect("us-east-1")),
    Case("falsealarm12-cn-ecs-service-connect", "CN", pn.ecs_service_connect("cn-north-1")),
    Case("falsealarm12-cn-ningxia-ecs-service-connect", "CN", pn.ecs_service_connect("cn-northwest-1")),
    Case(
        "falsealarm12-eu-ecs-service-connect-proxy-logs-virginia",
        "EU",
        pn.ecs_service_connect("eu-west-1", "us-east-1"),
        {"RES-009"},
    ),
    Case("falsealarm12-eu-vpc-lattice", "EU", pn.vpc_lattice_service("eu-west-1")),
    Case("falsealarm12-de-vpc-lattice", "DE", pn.vpc_lattice_service("eu-central-1")),
    Case("falsealarm12-jp-vpc-lattice", "JP", pn.vpc_lattice_service("ap-northeast-1")),
    Case("falsealarm12-us-vpc-lattice", "US", pn.vpc_lattice_service("us-east-1")),
    Case("falsealarm12-eu-verified-access", "EU", pn.verified_access_dealer_portal("eu-west-1")),
    Case("falsealarm12-de-verified-access", "DE", pn.verified_access_dealer_portal("eu-central-1")),
    Case("falsealarm12-jp-verified-access", "JP", pn.verified_access_dealer_portal("ap-northeast-1")),
    Case("falsealarm12-us-verified-access", "US", pn.verified_access_dealer_portal("us-east-1")),
    Case("falsealarm12-eu-resource-explorer", "EU", pn.resource_explorer_local("eu-west-1")),
    Case("falsealarm12-de-resource-explorer", "DE", pn.resource_explorer_local("eu-central-1")),
    Case("falsealarm12-jp-resource-explorer", "JP", pn.resource_explorer_local("ap-northeast-1")),
    Case("falsealarm12-us-resource-explorer", "US", pn.resource_explorer_local("us-east-1")),
    Case("falsealarm12-cn-resource-explorer", "CN", pn.resource_explorer_local("cn-north-1")),
    Case("falsealarm12-eu-network-firewall", "EU", pn.network_firewall_egress("eu-west-1")),
    Case("falsealarm12-de-network-firewall", "DE", pn.network_firewall_egress("eu-central-1")),
    Case("falsealarm12-jp-network-firewall", "JP", pn.network_firewall_egress("ap-northeast-1")),
    Case("falsealarm12-us-network-firewall", "US", pn.network_firewall_egress("us-east-1")),
    Case("falsealarm12-cn-network-firewall", "CN", pn.network_firewall_egress("cn-north-1")),
    Case("falsealarm12-cn-ningxia-network-firewall", "CN", pn.network_firewall_egress("cn-northwest-1")),
    Case("falsealarm12-eu-iot-timestream", "EU", pn.iot_timestream("eu-west-1")),
    Case("falsealarm12-de-iot-timestream", "DE", pn.iot_timestream("eu-central-1")),
    Case("falsealarm12-jp-iot-timestream", "JP", pn.iot_timestream("ap-northeast-1")),
    Case("falsealarm12-us-iot-timestream", "US", pn.iot_timestream("us-east-1")),
    Case("falsealarm12-eu-kinesis-video", "EU", pn.kinesis_video_dashcam("eu-west-1")),
    Case("falsealarm12-de-kinesis-video", "DE", pn.kinesis_video_dashcam("eu-central-1")),
    Case("falsealarm12-jp-kinesis-video", "JP", pn.kinesis_video_dashcam("ap-northeast-1")),
    Case("falsealarm12-us-kinesis-video", "US", pn.kinesis_video_dashcam("us-east-1")),
    Case("falsealarm12-cn-kinesis-video", "CN", pn.kinesis_video_dashcam("cn-north-1")),
    Case("falsealarm12-eu-memorydb", "EU", pn.memorydb_sessions("eu-west-1")),
    Case("falsealarm12-de-memorydb", "DE", pn.memorydb_sessions("eu-central-1")),
    Case("falsealarm12-jp-memorydb", "JP", pn.memorydb_sessions("ap-northeast-1")),
    Case("falsealarm12-us-memorydb", "US", pn.memorydb_sessions("us-east-1")),
    Case("falsealarm12-cn-memorydb", "CN", pn.memorydb_sessions("cn-north-1")),
    Case("falsealarm12-eu-opensearch-ingestion", "EU", pn.opensearch_ingestion("eu-west-1")),
    Case("falsealarm12-de-opensearch-ingestion", "DE", pn.opensearch_ingestion("eu-central-1")),
    Case("falsealarm12-jp-opensearch-ingestion", "JP", pn.opensearch_ingestion("ap-northeast-1")),
    Case("falsealarm12-us-opensearch-ingestion", "US", pn.opensearch_ingestion("us-east-1")),
    Case("falsealarm12-eu-glue-data-quality", "EU", pn.glue_data_quality("eu-west-1")),
    Case("falsealarm12-de-glue-data-quality", "DE", pn.glue_data_quality("eu-central-1")),
    Case("falsealarm12-jp-glue-data-quality", "JP", pn.glue_data_quality("ap-northeast-1")),
    Case("falsealarm12-us-glue-data-quality", "US", pn.glue_data_quality("us-east-1")),
    Case("falsealarm12-cn-glue-data-quality", "CN", pn.glue_data_quality("cn-north-1")),
    Case("falsealarm12-eu-datazone", "EU", pn.datazone_domain("eu-west-1")),
    Case("falsealarm12-de-datazone", "DE", pn.datazone_domain("eu-central-1")),
    Case("falsealarm12-jp-datazone", "JP", pn.datazone_domain("ap-northeast-1")),
    Case("falsealarm12-us-datazone", "US", pn.datazone_domain("us-east-1")),
    Case("falsealarm12-eu-lake-formation-tags", "EU", pn.lake_formation_tags("eu-west-1")),
    Case("falsealarm12-de-lake-formation-tags", "DE", pn.lake_formation_tags("eu-central-1")),
    Case("falsealarm12-jp-lake-formation-tags", "JP", pn.lake_formation_tags("ap-northeast-1")),
    Case("falsealarm12-us-lake-formation-tags", "US", pn.lake_formation_tags("us-east-1")),
    Case("falsealarm12-cn-lake-formation-tags", "CN", pn.lake_formation_tags("cn-north-1")),
    Case("falsealarm12-eu-security-lake", "EU", pn.security_lake_in_region("eu-west-1")),
    Case("falsealarm12-de-security-lake", "DE", pn.security_lake_in_region("eu-central-1")),
    Case("falsealarm12-jp-security-lake", "JP", pn.security_lake_in_region("ap-northeast-1")),
    Case("falsealarm12-us-security-lake", "US", pn.security_lake_in_region("us-east-1")),
    Case("falsealarm12-eu-backup-air-gapped", "EU", pn.backup_air_gapped("eu-west-1")),
    Case("falsealarm12-de-backup-air-gapped", "DE", pn.backup_air_gapped("eu-central-1")),
    Case("falsealarm12-jp-backup-air-gapped", "JP", pn.backup_air_gapped("ap-northeast-1")),
    Case("falsealarm12-us-backup-air-gapped", "US", pn.backup_air_gapped("us-east-1")),
    Case("falsealarm12-eu-backup-air-gapped-frankfurt", "EU", pn.backup_air_gapped("eu-west-1", "eu-central-1")),
    Case("falsealarm12-us-backup-air-gapped-oregon", "US", pn.backup_air_gapped("us-east-1", "us-west-2")),
    Case("falsealarm12-jp-backup-air-gapped-osaka", "JP", pn.backup_air_gapped("ap-northeast-1", "ap-northeast-3")),
    Case("falsealarm12-cn-fc3-triggers", "CN", pn.fc3_triggers("cn-shanghai")),
    Case("falsealarm12-cn-fc3-triggers-beijing", "CN", pn.fc3_triggers("cn-beijing")),
    Case("falsealarm12-de-fc3-triggers", "DE", pn.fc3_triggers("eu-central-1")),
    Case("falsealarm12-jp-fc3-triggers", "JP", pn.fc3_triggers("ap-northeast-1")),
    Case("falsealarm12-cn-sae-application", "CN", pn.sae_application("cn-shanghai", "cn-shanghai-l")),
    Case("falsealarm12-cn-sae-application-shenzhen", "CN", pn.sae_application("cn-shenzhen", "cn-shenzhen-e")),
    Case("falsealarm12-cn-polardbx", "CN", pn.polardbx_orders("cn-hangzhou", "cn-hangzhou-j")),
    Case("falsealarm12-cn-lindorm", "CN", pn.lindorm_signals("cn-shanghai", "cn-shanghai-l")),
    Case(
        "falsealarm12-cn-hologres-maxcompute-dataworks",
        "CN",
        pn.hologres_maxcompute_dataworks("cn-shanghai", "cn-shanghai-l"),
    ),
    Case(
        "falsealarm12-cn-hologres-maxcompute-dataworks-beijing",
        "CN",
        pn.hologres_maxcompute_dataworks("cn-beijing", "cn-beijing-h"),
    ),
    Case("falsealarm12-cn-eventbridge-mns", "CN", pn.eventbridge_mns_fc("cn-shanghai")),
    Case("falsealarm12-de-eventbridge-mns", "DE", pn.eventbridge_mns_fc("eu-central-1")),
    Case("falsealarm12-cn-rocketmq5", "CN", pn.rocketmq5_orders("cn-hangzhou", "cn-hangzhou-j")),
    Case("falsealarm12-cn-kafka", "CN", pn.kafka_telemetry("cn-shanghai", "cn-shanghai-l")),
    Case("falsealarm12-jp-kafka", "JP", pn.kafka_telemetry("ap-northeast-1", "ap-northeast-1a")),
    Case("falsealarm12-cn-sls-alert-scheduled-sql", "CN", pn.sls_alert_scheduled_sql("cn-shanghai")),
    Case("falsealarm12-cn-sls-alert-scheduled-sql-beijing", "CN", pn.sls_alert_scheduled_sql("cn-beijing")),
    Case("falsealarm12-de-sls-alert-scheduled-sql", "DE", pn.sls_alert_scheduled_sql("eu-central-1")),
    Case("falsealarm12-cn-kms-instance", "CN", pn.kms_instance_keys("cn-shanghai", "cn-shanghai-l")),
    Case("falsealarm12-cn-cloud-firewall-waf3", "CN", pn.cloud_firewall_waf("cn-shanghai", "cn-shanghai-l")),
    Case(
        "falsealarm12-cn-cloud-firewall-waf3-partner-origin",
        "CN",
        pn.cloud_firewall_waf("cn-shanghai", "cn-shanghai-l", "origin.partner.example.com"),
        {"RES-015"},
    ),
    Case("falsealarm12-cn-alb-nlb", "CN", pn.alb_nlb_gateway("cn-shanghai", "cn-shanghai-l")),
    Case("falsealarm12-cn-alb-nlb-beijing", "CN", pn.alb_nlb_gateway("cn-beijing", "cn-beijing-h")),
    Case("falsealarm12-de-alb-nlb", "DE", pn.alb_nlb_gateway("eu-central-1", "eu-central-1a")),
    Case("falsealarm12-us-alb-nlb", "US", pn.alb_nlb_gateway("us-east-1", "us-east-1a")),
    Case("falsealarm12-cn-cen-transit-routers", "CN", pn.cen_mainland("cn-shanghai", "cn-beijing")),
    Case("falsealarm12-cn-cen-transit-routers-south", "CN", pn.cen_mainland("cn-hangzhou", "cn-shenzhen")),
    Case("falsealarm12-cn-oss-replication", "CN", pn.oss_replication_mainland("cn-shanghai", "cn-beijing")),
    Case(
        "falsealarm12-cn-oss-replication-zhangjiakou",
        "CN",
        pn.oss_replication_mainland("cn-hangzhou", "cn-zhangjiakou"),
    ),
    Case("falsealarm12-cn-iot-platform-groups", "CN", pn.iot_platform_groups("cn-shanghai")),
    Case("falsealarm12-cn-ack-rrsa", "CN", pn.ack_rrsa_nodepool("cn-shanghai", "cn-shanghai-l")),
    Case("falsealarm12-cn-ack-rrsa-beijing", "CN", pn.ack_rrsa_nodepool("cn-beijing", "cn-beijing-h")),
    Case("falsealarm12-eu-s3-tables-spark-job", "EU", pn.s3_tables_spark_job("eu-west-1")),
    Case("falsealarm12-de-s3-tables-spark-job", "DE", pn.s3_tables_spark_job("eu-central-1")),
    Case("falsealarm12-jp-s3-tables-spark-job", "JP", pn.s3_tables_spark_job("ap-northeast-1")),
    Case("falsealarm12-us-s3-tables-spark-job", "US", pn.s3_tables_spark_job("us-east-1")),
    Case("falsealarm12-eu-s3-metadata-tables", "EU", pn.s3_metadata_tables("eu-west-1")),
    Case("falsealarm12-de-s3-metadata-tables", "DE", pn.s3_metadata_tables("eu-central-1")),
    Case("falsealarm12-jp-s3-metadata-tables", "JP", pn.s3_metadata_tables("ap-northeast-1")),
    Case("falsealarm12-us-s3-metadata-tables", "US", pn.s3_metadata_tables("us-east-1")),
    Case("falsealarm12-eu-dsql-express-endpoints", "EU", pn.dsql_and_express_endpoints("eu-north-1", "eun1-az1")),
    Case("falsealarm12-de-dsql-express-endpoints", "DE", pn.dsql_and_express_endpoints("eu-central-1", None)),
    Case("falsealarm12-jp-dsql-express-endpoints", "JP", pn.dsql_and_express_endpoints("ap-northeast-1", "apne1-az4")),
    Case("falsealarm12-us-dsql-express-endpoints", "US", pn.dsql_and_express_endpoints("us-east-1", "use1-az4")),
    Case("falsealarm12-eu-application-signals-eks", "EU", pn.application_signals("eu-west-1", "eks")),
    Case("falsealarm12-de-application-signals-eks", "DE", pn.application_signals("eu-central-1", "eks")),
    Case("falsealarm12-jp-application-signals-eks", "JP", pn.application_signals("ap-northeast-1", "eks")),
    Case("falsealarm12-us-application-signals-eks", "US", pn.application_signals("us-east-1", "eks")),
    Case("falsealarm12-cn-application-signals-eks", "CN", pn.application_signals("cn-north-1", "eks")),
    Case("falsealarm12-eu-application-signals-lambda", "EU", pn.application_signals("eu-west-1", "lambda")),
    Case("falsealarm12-de-application-signals-lambda", "DE", pn.application_signals("eu-central-1", "lambda")),
    Case("falsealarm12-jp-application-signals-lambda", "JP", pn.application_signals("ap-northeast-1", "lambda")),
    Case("falsealarm12-us-application-signals-lambda", "US", pn.application_signals("us-east-1", "lambda")),
    Case("falsealarm12-cn-application-signals-lambda", "CN", pn.application_signals("cn-north-1", "lambda")),
    Case(
        "falsealarm12-cn-ningxia-application-signals-lambda", "CN", pn.application_signals("cn-northwest-1", "lambda")
    ),
    Case("falsealarm12-eu-application-signals-ecs", "EU", pn.application_signals("eu-west-1", "ecs")),
    Case("falsealarm12-de-application-signals-ecs", "DE", pn.application_signals("eu-central-1", "ecs")),
    Case("falsealarm12-jp-application-signals-ecs", "JP", pn.application_signals("ap-northeast-1", "ecs")),
    Case("falsealarm12-us-application-signals-ecs", "US", pn.application_signals("us-east-1", "ecs")),
    Case("falsealarm12-cn-application-signals-ecs", "CN", pn.application_signals("cn-north-1", "ecs")),
    Case("falsealarm12-eu-agentcore-gateway-cognito", "EU", pn.agentcore_gateway_cognito("eu-west-1")),
    Case("falsealarm12-de-agentcore-gateway-cognito", "DE", pn.agentcore_gateway_cognito("eu-central-1")),
    Case("falsealarm12-jp-agentcore-gateway-cognito", "JP", pn.agentcore_gateway_cognito("ap-northeast-1")),
    Case("falsealarm12-us-agentcore-gateway-cognito", "US", pn.agentcore_gateway_cognito("us-east-1")),
    Case("falsealarm12-eu-verified-access-oidc", "EU", pn.verified_access_oidc("eu-west-1"), {"RES-015"}),
    Case(
        "falsealarm12-de-verified-access-oidc-declared",
        "DE",
        pn.verified_access_oidc("eu-central-1"),
        destinations=[_WORKSHOP_PORTAL],
    ),
    Case(
        "falsealarm12-jp-verified-access-oidc-declared",
        "JP",
        pn.verified_access_oidc("ap-northeast-1"),
        destinations=[_WORKSHOP_PORTAL],
    ),
    Case(
        "falsealarm12-us-verified-access-oidc-declared",
        "US",
        pn.verified_access_oidc("us-east-1"),
        destinations=[_WORKSHOP_PORTAL],
    ),
    Case("falsealarm12-eu-ecs-express-gateway", "EU", pn.ecs_express_gateway("eu-west-1")),
    Case("falsealarm12-de-ecs-express-gateway", "DE", pn.ecs_express_gateway("eu-central-1")),
    Case("falsealarm12-jp-ecs-express-gateway", "JP", pn.ecs_express_gateway("ap-northeast-1")),
    Case("falsealarm12-us-ecs-express-gateway", "US", pn.ecs_express_gateway("us-east-1")),
    Case("falsealarm12-us-fleetwise-campaign", "US", pn.fleetwise_campaign("us-east-1")),
    Case("falsealarm12-de-fleetwise-campaign", "DE", pn.fleetwise_campaign("eu-central-1")),
    Case("falsealarm12-eu-fleetwise-campaign", "EU", pn.fleetwise_campaign("eu-central-1")),
    Case("falsealarm12-eu-influxdb-charging", "EU", pn.influxdb_charging("eu-west-1")),
    Case("falsealarm12-de-influxdb-charging", "DE", pn.influxdb_charging("eu-central-1")),
    Case("falsealarm12-jp-influxdb-charging", "JP", pn.influxdb_charging("ap-northeast-1")),
    Case("falsealarm12-us-influxdb-charging", "US", pn.influxdb_charging("us-east-1")),
    Case("falsealarm12-eu-s3-tables-replication", "EU", pn.s3_tables_replication("eu-west-1", "eu-central-1")),
    Case("falsealarm12-us-s3-tables-replication", "US", pn.s3_tables_replication("us-east-1", "us-west-2")),
    Case("falsealarm12-jp-s3-tables-replication", "JP", pn.s3_tables_replication("ap-northeast-1", "ap-northeast-3")),
    Case(
        "falsealarm12-cn-alb-health-host-access-log",
        "CN",
        pn.alb_health_host_access_log("cn-shanghai", "cn-shanghai-l"),
    ),
    Case(
        "falsealarm12-cn-alb-health-host-remote-server",
        "CN",
        pn.alb_health_host_access_log("cn-shanghai", "cn-shanghai-l", "203.0.113.10"),
        {"RES-015"},
    ),
    Case("falsealarm12-cn-fc3-custom-domain-vpc", "CN", pn.fc3_custom_domain_vpc("cn-shanghai", "cn-shanghai-l")),
    Case("falsealarm12-cn-sae-sls-host-alias", "CN", pn.sae_sls_host_alias("cn-shanghai", "cn-shanghai-l")),
    Case(
        "falsealarm12-cn-beijing-alb-health-host-access-log",
        "CN",
        pn.alb_health_host_access_log("cn-beijing", "cn-beijing-h"),
    ),
    Case("falsealarm12-cn-beijing-fc3-custom-domain-vpc", "CN", pn.fc3_custom_domain_vpc("cn-beijing", "cn-beijing-h")),
    Case("falsealarm12-cn-beijing-sae-sls-host-alias", "CN", pn.sae_sls_host_alias("cn-beijing", "cn-beijing-h")),
    Case(
        "falsealarm12-de-alb-health-host-access-log",
        "DE",
        pn.alb_health_host_access_log("eu-central-1", "eu-central-1a"),
    ),
    Case("falsealarm12-de-fc3-custom-domain-vpc", "DE", pn.fc3_custom_domain_vpc("eu-central-1", "eu-central-1a")),
    Case("falsealarm12-de-sae-sls-host-alias", "DE", pn.sae_sls_host_alias("eu-central-1", "eu-central-1a")),
    Case("falsealarm12-cn-sls-etl-oss-shipper", "CN", pn.sls_etl_oss_shipper("cn-shanghai")),
    Case("falsealarm12-cn-hangzhou-sls-etl-oss-shipper", "CN", pn.sls_etl_oss_shipper("cn-hangzhou")),
    Case("falsealarm12-jp-sls-etl-oss-shipper", "JP", pn.sls_etl_oss_shipper("ap-northeast-1")),
    # Mutation search round 5: encoded write_files items inside plain cloud-config user data, naming the stack's own
    # services (the search swaps a region, a host, one region of two, inside each base64 run).
    Case(
        "mutants5-de-ec2-cloud-config-encoded-files-own-services",
        "DE",
        cloud_config_encoded_files(
            "aws",
            "API_URL=https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/prod\nAWS_REGION=eu-central-1\n",
            "#!/bin/sh\ncurl -fsS https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/prod/boot\n"
            "aws ssm get-parameter --name /fleet/agent/token --with-decryption --region eu-central-1\n",
        ),
    ),
    # Mutation search round 5: a Lambda function of another region named inside an API Gateway integration URI of the
    # stack's region (the function receives every request), and the twins naming the stack's own function.
    Case(
        "mutants5-eu-rest-api-integration-london-function",
        "EU",
        apigw_lambda_uri(1, _APIGW_LAMBDA.format(api="eu-west-3", fn="eu-west-2")),
        {"RES-004"},
    ),
    Case(
        "mutants5-eu-rest-api-integration-paris-function",
        "EU",
        apigw_lambda_uri(1, _APIGW_LAMBDA.format(api="eu-west-3", fn="eu-west-3")),
    ),
    Case(
        "mutants5-jp-http-api-integration-singapore-function",
        "JP",
        apigw_lambda_uri(2, _APIGW_LAMBDA.format(api="ap-northeast-1", fn="ap-southeast-1")),
        {"RES-004"},
    ),
    Case(
        "mutants5-jp-http-api-integration-tokyo-function",
        "JP",
        apigw_lambda_uri(2, _APIGW_LAMBDA.format(api="ap-northeast-1", fn="ap-northeast-1")),
    ),
    # Mutation search round 5: `aws configure set default.region <region>` sends every later command without --region
    # there (docs: cli reference configure/set — "aws configure set varname value [--profile profile-name]").
    Case(
        "mutants5-eu-launch-template-aws-configure-set-london",
        "EU",
        aws_launch_template_user_data(
            "#!/bin/bash\naws configure set output json\naws configure set default.region eu-west-2\n"
            "aws ssm get-parameter --name /fleet/agent/token --with-decryption\n"
        ),
        {"RES-009"},
    ),
    Case(
        "mutants5-eu-launch-template-aws-configure-set-ireland",
        "EU",
        aws_launch_template_user_data(
            "#!/bin/bash\naws configure set output json\naws configure set default.region eu-west-1\n"
            'aws configure set aws_access_key_id "$KEY_ID" --profile fleet\naws configure set region $REGION\n'
            "aws ssm get-parameter --name /fleet/agent/token --with-decryption\n"
        ),
    ),
    Case(
        "mutants5-cn-launch-template-aws-configure-set-profile-hong-kong",
        "CN",
        aws_launch_template_user_data(
            "#!/bin/bash\naws configure set region ap-east-1 --profile fleet\n"
            'aws sqs send-message --profile fleet --queue-url "$QUEUE" --message-body ready\n'
        ),
        {"RES-009"},
    ),
    Case(
        "mutants5-cn-launch-template-aws-configure-set-profile-ningxia",
        "CN",
        aws_launch_template_user_data(
            "#!/bin/bash\naws configure set region cn-northwest-1 --profile fleet\n"
            'aws sqs send-message --profile fleet --queue-url "$QUEUE" --message-body ready\n'
        ),
    ),
    # Mutation search round 5: a bucket variable naming a partner's bucket (or host) in capitals or with an absolute
    # name's trailing dot, refused as its lower-case form is; the twin names the bucket the stack creates.
    Case(
        "mutants5-eu-lambda-log-bucket-capitals-partner",
        "EU",
        lambda_env({"LOG_BUCKET": "PARTNER-CDN-LOGS", "ARCHIVE_BUCKET": "partner-archive.example.com."}),
        {"RES-017"},
    ),
    Case(
        "mutants5-eu-lambda-log-bucket-own-buckets",
        "EU",
        own_bucket_variables({"LOG_BUCKET": "fleet-cdn-logs", "ARCHIVE_BUCKET": "fleet-archive.example.com"}),
    ),
    Case(
        "mutants5-cn-ecs-cloud-config-encoded-files-own-oss",
        "CN",
        cloud_config_encoded_files(
            "alicloud",
            "OSS_ENDPOINT=https://oss-cn-shanghai-internal.aliyuncs.com\nALIBABA_CLOUD_REGION_ID=cn-shanghai\n",
            "#!/bin/sh\ncurl -fsS https://fleet-config.oss-cn-shanghai-internal.aliyuncs.com/boot.json"
            " -o /etc/fleet/boot.json\n",
        ),
    ),
    # The leftovers review (stop 34): a registered domain's name servers by name (passed unjudged), a literal Route 53
    # delegation (refused as an unproven host), a Flink SQL SET option under its key (passed unjudged).
    Case(
        "leftovers34-eu-registered-domain-partner-dns",
        "EU",
        leftovers34_registered_domain(_LEFTOVERS34_PARTNER_DNS),
        {"RES-015"},
    ),
    Case(
        "leftovers34-eu-registered-domain-partner-dns-declared",
        "EU",
        leftovers34_registered_domain(_LEFTOVERS34_PARTNER_DNS),
        destinations=[_LEFTOVERS34_PARTNER_DNS_DECLARED],
    ),
    Case("leftovers34-de-registered-domain-route53-by-name", "DE", leftovers34_registered_domain(_LEFTOVERS34_R53)),
    Case("leftovers34-jp-registered-domain-route53-by-name", "JP", leftovers34_registered_domain(_LEFTOVERS34_R53)),
    Case(
        "leftovers34-us-registered-domain-route53-and-partner",
        "US",
        leftovers34_registered_domain([*_LEFTOVERS34_R53[:2], *_LEFTOVERS34_PARTNER_DNS]),
        {"RES-015"},
    ),
    Case("leftovers34-eu-subdomain-delegated-to-route53-by-name", "EU", ns_delegation(_LEFTOVERS34_R53)),
    Case("leftovers34-de-subdomain-delegated-to-route53-by-name", "DE", ns_delegation(_LEFTOVERS34_R53)),
    Case("leftovers34-us-subdomain-delegated-to-route53-by-name", "US", ns_delegation(_LEFTOVERS34_R53)),
    Case("leftovers34-cn-subdomain-delegated-to-global-route53", "CN", ns_delegation(_LEFTOVERS34_R53), {"RES-015"}),
    Case(
        "leftovers34-eu-subdomain-delegated-to-route53-and-partner",
        "EU",
        ns_delegation([*_LEFTOVERS34_R53[:2], "ns1.partner-dns.example.com"]),
        {"RES-015"},
    ),
    Case(
        "leftovers34-cn-flink-set-s3-endpoint-partner",
        "CN",
        leftovers34_flink_set("SET 's3.endpoint' = 'minio.partner.example.com:9000';"),
        {"RES-015"},
    ),
    Case(
        "leftovers34-cn-flink-set-s3-endpoint-plant",
        "CN",
        leftovers34_flink_set("SET 's3.endpoint' = '10.20.4.5:9000';"),
    ),
    Case(
        "leftovers34-de-flink-set-s3-endpoint-partner",
        "DE",
        leftovers34_flink_set("SET ('s3.endpoint' = 'minio.partner.example.com:9000');"),
        {"RES-015"},
    ),
    Case(
        "leftovers34-de-flink-set-oss-endpoint-region",
        "DE",
        leftovers34_flink_set("SET 'fs.oss.endpoint' = 'oss-eu-central-1-internal.aliyuncs.com';"),
    ),
    Case(
        "leftovers34-de-flink-set-oss-endpoint-abroad",
        "DE",
        leftovers34_flink_set("SET 'fs.oss.endpoint' = 'oss-cn-shanghai-internal.aliyuncs.com';"),
        {"RES-006"},
    ),
    # alired11 (stop 34): destinations inside the documents Alibaba resources carry (ROS, ECI).
    Case(
        "alired11-cn-ros-stack-parameter-compliant", "CN", alired11_ros_stack_parameter("ReplicaRegion", "cn-beijing")
    ),
    Case(
        "alired11-cn-ros-stack-parameter-region",
        "CN",
        alired11_ros_stack_parameter("ReplicaRegion", "us-west-1"),
        {"RES-009"},
    ),
    Case(
        "alired11-cn-ros-stack-parameter-host",
        "CN",
        alired11_ros_stack_parameter("ExportHost", "intake.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "alired11-de-ros-stack-instance-compliant",
        "DE",
        alired11_ros_stack_instance("oss-eu-central-1-internal.aliyuncs.com"),
    ),
    Case(
        "alired11-cn-ros-stack-instance-compliant",
        "CN",
        alired11_ros_stack_instance("oss-cn-shanghai-internal.aliyuncs.com"),
    ),
    Case(
        "alired11-cn-ros-stack-instance-parameter-host",
        "CN",
        alired11_ros_stack_instance("intake.partner.example.com"),
        {"RES-015"},
    ),
    Case("alired11-cn-ros-stackgroup-cdn-domestic", "CN", alired11_ros_stack_group_cdn("domestic")),
    Case("alired11-cn-ros-stackgroup-cdn-overseas", "CN", alired11_ros_stack_group_cdn("overseas"), {"RES-016"}),
    Case("alired11-cn-ros-template-cdn-domestic", "CN", alired11_ros_stack_group_cdn("domestic", stored=True)),
    Case("alired11-cn-ros-template-cdn-global", "CN", alired11_ros_stack_group_cdn("global", stored=True), {"RES-016"}),
    Case("alired11-de-ros-stackgroup-cdn-domestic", "DE", alired11_ros_stack_group_cdn("domestic"), {"RES-016"}),
    Case("alired11-cn-ros-cen-bandwidth-china", "CN", alired11_ros_cen_bandwidth("China", "China")),
    Case("alired11-cn-ros-cen-bandwidth-europe", "CN", alired11_ros_cen_bandwidth("China", "Europe"), {"RES-016"}),
    Case(
        "alired11-cn-ros-cen-bandwidth-north-america",
        "CN",
        alired11_ros_cen_bandwidth("North-America", "China"),
        {"RES-016"},
    ),
    Case(
        "alired11-cn-eci-config-file-compliant",
        "CN",
        alired11_eci_config_file("OSS_ENDPOINT=oss-cn-shanghai-internal.aliyuncs.com"),
    ),
    Case(
        "alired11-cn-eci-config-file-host",
        "CN",
        alired11_eci_config_file("EXPORT_HOST=intake.partner.example.com"),
        {"RES-015"},
    ),
    Case(
        "alired11-cn-eci-config-file-url",
        "CN",
        alired11_eci_config_file("EXPORT_URL=https://intake.partner.example.com/v1/upload"),
        {"RES-015"},
    ),
    Case(
        "alired11-cn-ess-eci-config-file-compliant",
        "CN",
        alired11_eci_config_file("OSS_ENDPOINT=oss-cn-shanghai-internal.aliyuncs.com", scaling=True),
    ),
    Case(
        "alired11-cn-ess-eci-config-file-host",
        "CN",
        alired11_eci_config_file("EXPORT_HOST=intake.partner.example.com", scaling=True),
        {"RES-015"},
    ),
    Case("alired11-cn-ros-parameter-default-region-compliant", "CN", alired11_ros_replica_default("cn-beijing")),
    Case("alired11-cn-ros-parameter-default-region", "CN", alired11_ros_replica_default("us-west-1"), {"RES-009"}),
    Case(
        "alired11-cn-ros-parameter-given-region-compliant",
        "CN",
        alired11_ros_replica_default("us-west-1", "cn-beijing"),
    ),
    Case("alired11-cn-cfn-parameter-default-region-compliant", "CN", alired11_cfn_replica_default("cn-northwest-1")),
    Case("alired11-cn-cfn-parameter-default-region", "CN", alired11_cfn_replica_default("us-west-2"), {"RES-009"}),
    Case("alired11-eu-cfn-parameter-default-region", "EU", alired11_cfn_replica_default("us-east-1"), {"RES-009"}),
    Case(
        "alired11-eu-cfn-parameter-given-region-compliant",
        "EU",
        alired11_cfn_replica_default("us-east-1", "eu-central-1"),
    ),
    Case("alired11-cn-oos-placeholder-region-compliant", "CN", alired11_oos_copy_image("cn-beijing")),
    Case("alired11-cn-oos-placeholder-region", "CN", alired11_oos_copy_image("eu-central-1"), {"RES-009"}),
    Case(
        "alired11-cn-oos-execution-placeholder-region-compliant",
        "CN",
        alired11_oos_copy_image("cn-beijing", "cn-hangzhou"),
    ),
    Case(
        "alired11-cn-oos-execution-placeholder-region",
        "CN",
        alired11_oos_copy_image("cn-beijing", "ap-southeast-1"),
        {"RES-009"},
    ),
    Case("alired11-cn-oos-script-placeholder-host-compliant", "CN", alired11_oos_backup("10.20.0.8")),
    Case(
        "alired11-cn-oos-script-placeholder-host", "CN", alired11_oos_backup("backup.partner.example.com"), {"RES-015"}
    ),
    Case(
        "alired11-cn-oos-execution-script-placeholder-host",
        "CN",
        alired11_oos_backup("10.20.0.8", "backup.partner.example.com"),
        {"RES-015"},
    ),
    Case("alired11-cn-ros-fn-if-region-compliant", "CN", alired11_ros_dr_region("cn-zhangjiakou")),
    Case("alired11-cn-ros-fn-if-region", "CN", alired11_ros_dr_region("ap-southeast-1"), {"RES-009"}),
    # -- stop 34, false-alarm review of this stop's refusals (tests/platform_programs_review34.py): what each market's
    # team writes next to the new refusals (API Gateway integrations naming the stack's functions, nested AWS inputs,
    # NAS mount targets in SAE / E-HPC blocks, ALB remote IPs, Express Connect far ends, private names, InfluxDB).
    Case("falsealarm13-eu-rest-api-lambda-invoke-arn", "EU", pq.rest_api_lambda("eu-west-1", "invoke-arn")),
    Case("falsealarm13-de-rest-api-lambda-invoke-arn", "DE", pq.rest_api_lambda("eu-central-1", "invoke-arn")),
    Case("falsealarm13-jp-rest-api-lambda-invoke-arn", "JP", pq.rest_api_lambda("ap-northeast-1", "invoke-arn")),
    Case("falsealarm13-us-rest-api-lambda-invoke-arn", "US", pq.rest_api_lambda("us-east-1", "invoke-arn")),
    Case("falsealarm13-cn-rest-api-lambda-invoke-arn", "CN", pq.rest_api_lambda("cn-north-1", "invoke-arn")),
    Case(
        "falsealarm13-cn-ningxia-rest-api-lambda-invoke-arn", "CN", pq.rest_api_lambda("cn-northwest-1", "invoke-arn")
    ),
    Case("falsealarm13-eu-rest-api-lambda-literal", "EU", pq.rest_api_lambda("eu-west-1", "literal")),
    Case("falsealarm13-de-rest-api-lambda-literal", "DE", pq.rest_api_lambda("eu-central-1", "literal")),
    Case("falsealarm13-jp-rest-api-lambda-literal", "JP", pq.rest_api_lambda("ap-northeast-1", "literal")),
    Case("falsealarm13-us-rest-api-lambda-literal", "US", pq.rest_api_lambda("us-east-1", "literal")),
    Case("falsealarm13-cn-rest-api-lambda-literal", "CN", pq.rest_api_lambda("cn-north-1", "literal")),
    Case("falsealarm13-cn-ningxia-rest-api-lambda-literal", "CN", pq.rest_api_lambda("cn-northwest-1", "literal")),
    Case("falsealarm13-eu-rest-api-lambda-alias", "EU", pq.rest_api_lambda("eu-west-1", "alias")),
    Case("falsealarm13-de-rest-api-lambda-alias", "DE", pq.rest_api_lambda("eu-central-1", "alias")),
    Case("falsealarm13-jp-rest-api-lambda-alias", "JP", pq.rest_api_lambda("ap-northeast-1", "alias")),
    Case("falsealarm13-us-rest-api-lambda-alias", "US", pq.rest_api_lambda("us-east-1", "alias")),
    Case("falsealarm13-cn-rest-api-lambda-alias", "CN", pq.rest_api_lambda("cn-north-1", "alias")),
    Case("falsealarm13-cn-ningxia-rest-api-lambda-alias", "CN", pq.rest_api_lambda("cn-northwest-1", "alias")),
    Case("falsealarm13-eu-rest-api-lambda-version", "EU", pq.rest_api_lambda("eu-west-1", "version")),
    Case("falsealarm13-de-rest-api-lambda-version", "DE", pq.rest_api_lambda("eu-central-1", "version")),
    Case("falsealarm13-us-rest-api-lambda-version", "US", pq.rest_api_lambda("us-east-1", "version")),
    Case("falsealarm13-cn-rest-api-lambda-version", "CN", pq.rest_api_lambda("cn-north-1", "version")),
    Case("falsealarm13-eu-rest-api-lambda-stage-variable", "EU", pq.rest_api_lambda("eu-west-1", "stage-variable")),
    Case("falsealarm13-de-rest-api-lambda-stage-variable", "DE", pq.rest_api_lambda("eu-central-1", "stage-variable")),
    Case(
        "falsealarm13-jp-rest-api-lambda-stage-variable", "JP", pq.rest_api_lambda("ap-northeast-1", "stage-variable")
    ),
    Case("falsealarm13-us-rest-api-lambda-stage-variable", "US", pq.rest_api_lambda("us-east-1", "stage-variable")),
    Case("falsealarm13-cn-rest-api-lambda-stage-variable", "CN", pq.rest_api_lambda("cn-north-1", "stage-variable")),
    Case(
        "falsealarm13-cn-ningxia-rest-api-lambda-stage-variable",
        "CN",
        pq.rest_api_lambda("cn-northwest-1", "stage-variable"),
    ),
    Case("falsealarm13-eu-rest-api-lambda-cross-account", "EU", pq.rest_api_lambda("eu-west-1", "cross-account")),
    Case("falsealarm13-de-rest-api-lambda-cross-account", "DE", pq.rest_api_lambda("eu-central-1", "cross-account")),
    Case("falsealarm13-us-rest-api-lambda-cross-account", "US", pq.rest_api_lambda("us-east-1", "cross-account")),
    Case("falsealarm13-cn-rest-api-lambda-cross-account", "CN", pq.rest_api_lambda("cn-north-1", "cross-account")),
    Case("falsealarm13-eu-http-api-lambda-arn", "EU", pq.http_api_lambda("eu-west-1", "arn")),
    Case("falsealarm13-de-http-api-lambda-arn", "DE", pq.http_api_lambda("eu-central-1", "arn")),
    Case("falsealarm13-jp-http-api-lambda-arn", "JP", pq.http_api_lambda("ap-northeast-1", "arn")),
    Case("falsealarm13-us-http-api-lambda-arn", "US", pq.http_api_lambda("us-east-1", "arn")),
    Case("falsealarm13-cn-http-api-lambda-arn", "CN", pq.http_api_lambda("cn-north-1", "arn")),
    Case("falsealarm13-cn-ningxia-http-api-lambda-arn", "CN", pq.http_api_lambda("cn-northwest-1", "arn")),
    Case("falsealarm13-eu-http-api-lambda-invoke-arn", "EU", pq.http_api_lambda("eu-west-1", "invoke-arn")),
    Case("falsealarm13-de-http-api-lambda-invoke-arn", "DE", pq.http_api_lambda("eu-central-1", "invoke-arn")),
    Case("falsealarm13-jp-http-api-lambda-invoke-arn", "JP", pq.http_api_lambda("ap-northeast-1", "invoke-arn")),
    Case("falsealarm13-us-http-api-lambda-invoke-arn", "US", pq.http_api_lambda("us-east-1", "invoke-arn")),
    Case("falsealarm13-cn-http-api-lambda-invoke-arn", "CN", pq.http_api_lambda("cn-north-1", "invoke-arn")),
    Case("falsealarm13-eu-http-api-lambda-alias-arn", "EU", pq.http_api_lambda("eu-west-1", "alias-arn")),
    Case("falsealarm13-de-http-api-lambda-alias-arn", "DE", pq.http_api_lambda("eu-central-1", "alias-arn")),
    Case("falsealarm13-jp-http-api-lambda-alias-arn", "JP", pq.http_api_lambda("ap-northeast-1", "alias-arn")),
    Case("falsealarm13-us-http-api-lambda-alias-arn", "US", pq.http_api_lambda("us-east-1", "alias-arn")),
    Case("falsealarm13-cn-http-api-lambda-alias-arn", "CN", pq.http_api_lambda("cn-north-1", "alias-arn")),
    Case("falsealarm13-eu-rest-api-states-integration", "EU", pq.rest_api_service_integration("eu-west-1", "states")),
    Case("falsealarm13-cn-rest-api-states-integration", "CN", pq.rest_api_service_integration("cn-north-1", "states")),
    Case(
        "falsealarm13-jp-rest-api-states-integration", "JP", pq.rest_api_service_integration("ap-northeast-1", "states")
    ),
    Case("falsealarm13-eu-rest-api-s3-path-integration", "EU", pq.rest_api_service_integration("eu-west-1", "s3-path")),
    Case(
        "falsealarm13-cn-rest-api-s3-path-integration", "CN", pq.rest_api_service_integration("cn-north-1", "s3-path")
    ),
    Case(
        "falsealarm13-jp-rest-api-s3-path-integration",
        "JP",
        pq.rest_api_service_integration("ap-northeast-1", "s3-path"),
    ),
    Case(
        "falsealarm13-eu-rest-api-s3-path-variable-integration",
        "EU",
        pq.rest_api_service_integration("eu-west-1", "s3-path-variable"),
    ),
    Case(
        "falsealarm13-cn-rest-api-s3-path-variable-integration",
        "CN",
        pq.rest_api_service_integration("cn-north-1", "s3-path-variable"),
    ),
    Case(
        "falsealarm13-jp-rest-api-s3-path-variable-integration",
        "JP",
        pq.rest_api_service_integration("ap-northeast-1", "s3-path-variable"),
    ),
    Case("falsealarm13-eu-rest-api-sqs-integration", "EU", pq.rest_api_service_integration("eu-west-1", "sqs")),
    Case("falsealarm13-cn-rest-api-sqs-integration", "CN", pq.rest_api_service_integration("cn-north-1", "sqs")),
    Case("falsealarm13-jp-rest-api-sqs-integration", "JP", pq.rest_api_service_integration("ap-northeast-1", "sqs")),
    Case(
        "falsealarm13-eu-rest-api-dynamodb-integration", "EU", pq.rest_api_service_integration("eu-west-1", "dynamodb")
    ),
    Case(
        "falsealarm13-cn-rest-api-dynamodb-integration", "CN", pq.rest_api_service_integration("cn-north-1", "dynamodb")
    ),
    Case(
        "falsealarm13-jp-rest-api-dynamodb-integration",
        "JP",
        pq.rest_api_service_integration("ap-northeast-1", "dynamodb"),
    ),
    Case("falsealarm13-eu-rest-api-kinesis-integration", "EU", pq.rest_api_service_integration("eu-west-1", "kinesis")),
    Case(
        "falsealarm13-cn-rest-api-kinesis-integration", "CN", pq.rest_api_service_integration("cn-north-1", "kinesis")
    ),
    Case(
        "falsealarm13-jp-rest-api-kinesis-integration",
        "JP",
        pq.rest_api_service_integration("ap-northeast-1", "kinesis"),
    ),
    Case("falsealarm13-eu-rest-api-events-integration", "EU", pq.rest_api_service_integration("eu-west-1", "events")),
    Case("falsealarm13-cn-rest-api-events-integration", "CN", pq.rest_api_service_integration("cn-north-1", "events")),
    Case(
        "falsealarm13-jp-rest-api-events-integration", "JP", pq.rest_api_service_integration("ap-northeast-1", "events")
    ),
    Case("falsealarm13-eu-rest-api-lambda-integration", "EU", pq.rest_api_service_integration("eu-west-1", "lambda")),
    Case("falsealarm13-cn-rest-api-lambda-integration", "CN", pq.rest_api_service_integration("cn-north-1", "lambda")),
    Case(
        "falsealarm13-jp-rest-api-lambda-integration", "JP", pq.rest_api_service_integration("ap-northeast-1", "lambda")
    ),
    Case(
        "falsealarm13-eu-rest-api-lambda-integration-london",
        "EU",
        pq.rest_api_service_integration("eu-west-1", "lambda", "eu-west-2"),
        {"RES-004"},
    ),
    Case(
        "falsealarm13-cn-rest-api-lambda-integration-hong-kong",
        "CN",
        pq.rest_api_service_integration("cn-north-1", "lambda", "ap-east-1"),
        {"RES-004"},
    ),
    Case("falsealarm13-eu-http-api-step-functions", "EU", pq.http_api_step_functions("eu-west-1")),
    Case("falsealarm13-de-http-api-step-functions", "DE", pq.http_api_step_functions("eu-central-1")),
    Case("falsealarm13-jp-http-api-step-functions", "JP", pq.http_api_step_functions("ap-northeast-1")),
    Case("falsealarm13-us-http-api-step-functions", "US", pq.http_api_step_functions("us-east-1")),
    Case("falsealarm13-cn-http-api-step-functions", "CN", pq.http_api_step_functions("cn-north-1")),
    Case(
        "falsealarm13-eu-msk-replicator-self-managed-ec2",
        "EU",
        pq.msk_replicator_self_managed("eu-west-1", "ec2"),
    ),
    Case(
        "falsealarm13-de-msk-replicator-self-managed-ec2",
        "DE",
        pq.msk_replicator_self_managed("eu-central-1", "ec2"),
    ),
    Case(
        "falsealarm13-jp-msk-replicator-self-managed-ec2",
        "JP",
        pq.msk_replicator_self_managed("ap-northeast-1", "ec2"),
    ),
    Case(
        "falsealarm13-us-msk-replicator-self-managed-ec2",
        "US",
        pq.msk_replicator_self_managed("us-east-1", "ec2"),
    ),
    Case(
        "falsealarm13-cn-msk-replicator-self-managed-ec2",
        "CN",
        pq.msk_replicator_self_managed("cn-north-1", "ec2"),
    ),
    Case("falsealarm13-eu-msk-replicator-self-managed-zone", "EU", pq.msk_replicator_self_managed("eu-west-1", "zone")),
    Case(
        "falsealarm13-de-msk-replicator-self-managed-zone", "DE", pq.msk_replicator_self_managed("eu-central-1", "zone")
    ),
    Case(
        "falsealarm13-jp-msk-replicator-self-managed-zone",
        "JP",
        pq.msk_replicator_self_managed("ap-northeast-1", "zone"),
    ),
    Case("falsealarm13-us-msk-replicator-self-managed-zone", "US", pq.msk_replicator_self_managed("us-east-1", "zone")),
    Case(
        "falsealarm13-cn-msk-replicator-self-managed-zone", "CN", pq.msk_replicator_self_managed("cn-north-1", "zone")
    ),
    Case(
        "falsealarm13-eu-msk-replicator-self-managed-instances",
        "EU",
        pq.msk_replicator_self_managed("eu-west-1", "instances"),
    ),
    Case(
        "falsealarm13-de-msk-replicator-self-managed-instances",
        "DE",
        pq.msk_replicator_self_managed("eu-central-1", "instances"),
    ),
    Case(
        "falsealarm13-jp-msk-replicator-self-managed-instances",
        "JP",
        pq.msk_replicator_self_managed("ap-northeast-1", "instances"),
    ),
    Case(
        "falsealarm13-us-msk-replicator-self-managed-instances",
        "US",
        pq.msk_replicator_self_managed("us-east-1", "instances"),
    ),
    Case(
        "falsealarm13-cn-msk-replicator-self-managed-instances",
        "CN",
        pq.msk_replicator_self_managed("cn-north-1", "instances"),
    ),
    Case(
        "falsealarm13-eu-msk-replicator-self-managed-unmade-zone-name",
        "EU",
        pq.msk_replicator_self_managed("eu-west-1", "b1.kafka.plant.internal:9096"),
        {"RES-015"},
    ),
    Case(
        "falsealarm13-de-connect-agents-declared-mail",
        "DE",
        pq.connect_agents("eu-central-1", "mail.fleet-example.de"),
        destinations=[_FA_OWN_MAIL],
    ),
    Case(
        "falsealarm13-de-connect-agents-undeclared-mail",
        "DE",
        pq.connect_agents("eu-central-1", "mail.fleet-example.de"),
        {"RES-015"},
    ),
    Case("falsealarm13-eu-finspace-private-dns", "EU", pq.finspace_private_dns("eu-west-1")),
    Case("falsealarm13-de-finspace-private-dns", "DE", pq.finspace_private_dns("eu-central-1")),
    Case("falsealarm13-jp-finspace-private-dns", "JP", pq.finspace_private_dns("ap-northeast-1")),
    Case("falsealarm13-us-finspace-private-dns", "US", pq.finspace_private_dns("us-east-1")),
    Case("falsealarm13-eu-registered-domain-own-zone", "EU", pq.registered_domain_own_zone("eu-west-1")),
    Case("falsealarm13-de-registered-domain-own-zone", "DE", pq.registered_domain_own_zone("eu-central-1")),
    Case("falsealarm13-jp-registered-domain-own-zone", "JP", pq.registered_domain_own_zone("ap-northeast-1")),
    Case("falsealarm13-us-registered-domain-own-zone", "US", pq.registered_domain_own_zone("us-east-1")),
    Case("falsealarm13-cn-registered-domain-own-zone", "CN", pq.registered_domain_own_zone("cn-north-1")),
    Case("falsealarm13-eu-agentcore-routing-alb-output", "EU", pq.agentcore_routing("eu-west-1", "alb-output")),
    Case("falsealarm13-de-agentcore-routing-alb-output", "DE", pq.agentcore_routing("eu-central-1", "alb-output")),
    Case("falsealarm13-jp-agentcore-routing-alb-output", "JP", pq.agentcore_routing("ap-northeast-1", "alb-output")),
    Case("falsealarm13-us-agentcore-routing-alb-output", "US", pq.agentcore_routing("us-east-1", "alb-output")),
    Case("falsealarm13-eu-agentcore-routing-alb-literal", "EU", pq.agentcore_routing("eu-west-1", "alb-literal")),
    Case("falsealarm13-de-agentcore-routing-alb-literal", "DE", pq.agentcore_routing("eu-central-1", "alb-literal")),
    Case("falsealarm13-jp-agentcore-routing-alb-literal", "JP", pq.agentcore_routing("ap-northeast-1", "alb-literal")),
    Case("falsealarm13-us-agentcore-routing-alb-literal", "US", pq.agentcore_routing("us-east-1", "alb-literal")),
    Case("falsealarm13-eu-agentcore-routing-lattice", "EU", pq.agentcore_routing("eu-west-1", "lattice")),
    Case("falsealarm13-de-agentcore-routing-lattice", "DE", pq.agentcore_routing("eu-central-1", "lattice")),
    Case("falsealarm13-jp-agentcore-routing-lattice", "JP", pq.agentcore_routing("ap-northeast-1", "lattice")),
    Case("falsealarm13-us-agentcore-routing-lattice", "US", pq.agentcore_routing("us-east-1", "lattice")),
    Case(
        "falsealarm13-eu-agentcore-routing-lattice-literal", "EU", pq.agentcore_routing("eu-west-1", "lattice-literal")
    ),
    Case(
        "falsealarm13-de-agentcore-routing-lattice-literal",
        "DE",
        pq.agentcore_routing("eu-central-1", "lattice-literal"),
    ),
    Case(
        "falsealarm13-jp-agentcore-routing-lattice-literal",
        "JP",
        pq.agentcore_routing("ap-northeast-1", "lattice-literal"),
    ),
    Case(
        "falsealarm13-us-agentcore-routing-lattice-literal", "US", pq.agentcore_routing("us-east-1", "lattice-literal")
    ),
    Case("falsealarm13-eu-agentcore-routing-vpce-literal", "EU", pq.agentcore_routing("eu-west-1", "vpce-literal")),
    Case("falsealarm13-de-agentcore-routing-vpce-literal", "DE", pq.agentcore_routing("eu-central-1", "vpce-literal")),
    Case(
        "falsealarm13-jp-agentcore-routing-vpce-literal", "JP", pq.agentcore_routing("ap-northeast-1", "vpce-literal")
    ),
    Case("falsealarm13-us-agentcore-routing-vpce-literal", "US", pq.agentcore_routing("us-east-1", "vpce-literal")),
    Case("falsealarm13-eu-agentcore-routing-zone-alias", "EU", pq.agentcore_routing("eu-west-1", "zone-alias")),
    Case("falsealarm13-de-agentcore-routing-zone-alias", "DE", pq.agentcore_routing("eu-central-1", "zone-alias")),
    Case("falsealarm13-jp-agentcore-routing-zone-alias", "JP", pq.agentcore_routing("ap-northeast-1", "zone-alias")),
    Case("falsealarm13-us-agentcore-routing-zone-alias", "US", pq.agentcore_routing("us-east-1", "zone-alias")),
    Case("falsealarm13-eu-chime-cdr-output", "EU", pq.chime_cdr("eu-west-1", "output")),
    Case("falsealarm13-de-chime-cdr-output", "DE", pq.chime_cdr("eu-central-1", "output")),
    Case("falsealarm13-jp-chime-cdr-output", "JP", pq.chime_cdr("ap-northeast-1", "output")),
    Case("falsealarm13-us-chime-cdr-output", "US", pq.chime_cdr("us-east-1", "output")),
    Case("falsealarm13-eu-chime-cdr-id", "EU", pq.chime_cdr("eu-west-1", "id")),
    Case("falsealarm13-de-chime-cdr-id", "DE", pq.chime_cdr("eu-central-1", "id")),
    Case("falsealarm13-jp-chime-cdr-id", "JP", pq.chime_cdr("ap-northeast-1", "id")),
    Case("falsealarm13-us-chime-cdr-id", "US", pq.chime_cdr("us-east-1", "id")),
    Case("falsealarm13-eu-chime-cdr-literal", "EU", pq.chime_cdr("eu-west-1", "literal")),
    Case("falsealarm13-de-chime-cdr-literal", "DE", pq.chime_cdr("eu-central-1", "literal")),
    Case("falsealarm13-jp-chime-cdr-literal", "JP", pq.chime_cdr("ap-northeast-1", "literal")),
    Case("falsealarm13-us-chime-cdr-literal", "US", pq.chime_cdr("us-east-1", "literal")),
    Case(
        "falsealarm13-eu-region-switch-reports-bare",
        "EU",
        pq.region_switch_reports("eu-west-1", "eu-central-1", "bare"),
    ),
    Case(
        "falsealarm13-us-region-switch-reports-bare", "US", pq.region_switch_reports("us-east-1", "us-west-2", "bare")
    ),
    Case(
        "falsealarm13-jp-region-switch-reports-bare",
        "JP",
        pq.region_switch_reports("ap-northeast-1", "ap-northeast-3", "bare"),
    ),
    Case(
        "falsealarm13-eu-region-switch-reports-prefix",
        "EU",
        pq.region_switch_reports("eu-west-1", "eu-central-1", "prefix"),
    ),
    Case(
        "falsealarm13-us-region-switch-reports-prefix",
        "US",
        pq.region_switch_reports("us-east-1", "us-west-2", "prefix"),
    ),
    Case(
        "falsealarm13-jp-region-switch-reports-prefix",
        "JP",
        pq.region_switch_reports("ap-northeast-1", "ap-northeast-3", "prefix"),
    ),
    Case("falsealarm13-eu-region-switch-reports-s3", "EU", pq.region_switch_reports("eu-west-1", "eu-central-1", "s3")),
    Case("falsealarm13-us-region-switch-reports-s3", "US", pq.region_switch_reports("us-east-1", "us-west-2", "s3")),
    Case(
        "falsealarm13-jp-region-switch-reports-s3",
        "JP",
        pq.region_switch_reports("ap-northeast-1", "ap-northeast-3", "s3"),
    ),
    Case("falsealarm13-eu-dms-sct-reports-bare", "EU", pq.dms_schema_conversion("eu-west-1", "bare")),
    Case("falsealarm13-de-dms-sct-reports-bare", "DE", pq.dms_schema_conversion("eu-central-1", "bare")),
    Case("falsealarm13-cn-dms-sct-reports-bare", "CN", pq.dms_schema_conversion("cn-north-1", "bare")),
    Case("falsealarm13-us-dms-sct-reports-bare", "US", pq.dms_schema_conversion("us-east-1", "bare")),
    Case("falsealarm13-eu-dms-sct-reports-prefix", "EU", pq.dms_schema_conversion("eu-west-1", "prefix")),
    Case("falsealarm13-de-dms-sct-reports-prefix", "DE", pq.dms_schema_conversion("eu-central-1", "prefix")),
    Case("falsealarm13-cn-dms-sct-reports-prefix", "CN", pq.dms_schema_conversion("cn-north-1", "prefix")),
    Case("falsealarm13-us-dms-sct-reports-prefix", "US", pq.dms_schema_conversion("us-east-1", "prefix")),
    Case("falsealarm13-eu-dms-sct-reports-s3", "EU", pq.dms_schema_conversion("eu-west-1", "s3")),
    Case("falsealarm13-de-dms-sct-reports-s3", "DE", pq.dms_schema_conversion("eu-central-1", "s3")),
    Case("falsealarm13-cn-dms-sct-reports-s3", "CN", pq.dms_schema_conversion("cn-north-1", "s3")),
    Case("falsealarm13-us-dms-sct-reports-s3", "US", pq.dms_schema_conversion("us-east-1", "s3")),
    Case("falsealarm13-eu-dms-sct-reports-arn", "EU", pq.dms_schema_conversion("eu-west-1", "arn")),
    Case("falsealarm13-de-dms-sct-reports-arn", "DE", pq.dms_schema_conversion("eu-central-1", "arn")),
    Case("falsealarm13-cn-dms-sct-reports-arn", "CN", pq.dms_schema_conversion("cn-north-1", "arn")),
    Case("falsealarm13-us-dms-sct-reports-arn", "US", pq.dms_schema_conversion("us-east-1", "arn")),
    Case(
        "falsealarm13-eu-influxdb-bucket-charger-metrics",
        "EU",
        pq.influxdb_bucket_variable("eu-west-1", "charger_metrics"),
    ),
    Case(
        "falsealarm13-eu-influxdb-bucket-charger-metrics-output",
        "EU",
        pq.influxdb_bucket_variable("eu-west-1", "charger_metrics", "output"),
    ),
    Case(
        "falsealarm13-jp-influxdb-bucket-charger-metrics",
        "JP",
        pq.influxdb_bucket_variable("ap-northeast-1", "charger_metrics"),
    ),
    Case(
        "falsealarm13-jp-influxdb-bucket-charger-metrics-output",
        "JP",
        pq.influxdb_bucket_variable("ap-northeast-1", "charger_metrics", "output"),
    ),
    Case(
        "falsealarm13-us-influxdb-bucket-charger-metrics",
        "US",
        pq.influxdb_bucket_variable("us-east-1", "charger_metrics"),
    ),
    Case(
        "falsealarm13-us-influxdb-bucket-charger-metrics-output",
        "US",
        pq.influxdb_bucket_variable("us-east-1", "charger_metrics", "output"),
    ),
    Case(
        "falsealarm13-eu-influxdb-bucket-chargingsessions",
        "EU",
        pq.influxdb_bucket_variable("eu-west-1", "ChargingSessions"),
    ),
    Case(
        "falsealarm13-eu-influxdb-bucket-chargingsessions-output",
        "EU",
        pq.influxdb_bucket_variable("eu-west-1", "ChargingSessions", "output"),
    ),
    Case(
        "falsealarm13-jp-influxdb-bucket-chargingsessions",
        "JP",
        pq.influxdb_bucket_variable("ap-northeast-1", "ChargingSessions"),
    ),
    Case(
        "falsealarm13-jp-influxdb-bucket-chargingsessions-output",
        "JP",
        pq.influxdb_bucket_variable("ap-northeast-1", "ChargingSessions", "output"),
    ),
    Case(
        "falsealarm13-us-influxdb-bucket-chargingsessions",
        "US",
        pq.influxdb_bucket_variable("us-east-1", "ChargingSessions"),
    ),
    Case(
        "falsealarm13-us-influxdb-bucket-chargingsessions-output",
        "US",
        pq.influxdb_bucket_variable("us-east-1", "ChargingSessions", "output"),
    ),
    Case(
        "falsealarm13-eu-influxdb-bucket-telemetry-2026",
        "EU",
        pq.influxdb_bucket_variable("eu-west-1", "Telemetry-2026"),
    ),
    Case(
        "falsealarm13-eu-influxdb-bucket-telemetry-2026-output",
        "EU",
        pq.influxdb_bucket_variable("eu-west-1", "Telemetry-2026", "output"),
    ),
    Case(
        "falsealarm13-jp-influxdb-bucket-telemetry-2026",
        "JP",
        pq.influxdb_bucket_variable("ap-northeast-1", "Telemetry-2026"),
    ),
    Case(
        "falsealarm13-jp-influxdb-bucket-telemetry-2026-output",
        "JP",
        pq.influxdb_bucket_variable("ap-northeast-1", "Telemetry-2026", "output"),
    ),
    Case(
        "falsealarm13-us-influxdb-bucket-telemetry-2026",
        "US",
        pq.influxdb_bucket_variable("us-east-1", "Telemetry-2026"),
    ),
    Case(
        "falsealarm13-us-influxdb-bucket-telemetry-2026-output",
        "US",
        pq.influxdb_bucket_variable("us-east-1", "Telemetry-2026", "output"),
    ),
    Case("falsealarm13-cn-sae-nas-output", "CN", pq.sae_nas_mount("cn-shanghai", "cn-shanghai-l", "output")),
    Case("falsealarm13-cn-beijing-sae-nas-output", "CN", pq.sae_nas_mount("cn-beijing", "cn-beijing-h", "output")),
    Case("falsealarm13-de-sae-nas-output", "DE", pq.sae_nas_mount("eu-central-1", "eu-central-1a", "output")),
    Case("falsealarm13-jp-sae-nas-output", "JP", pq.sae_nas_mount("ap-northeast-1", "ap-northeast-1a", "output")),
    Case("falsealarm13-cn-sae-nas-literal", "CN", pq.sae_nas_mount("cn-shanghai", "cn-shanghai-l", "literal")),
    Case("falsealarm13-cn-beijing-sae-nas-literal", "CN", pq.sae_nas_mount("cn-beijing", "cn-beijing-h", "literal")),
    Case("falsealarm13-de-sae-nas-literal", "DE", pq.sae_nas_mount("eu-central-1", "eu-central-1a", "literal")),
    Case("falsealarm13-jp-sae-nas-literal", "JP", pq.sae_nas_mount("ap-northeast-1", "ap-northeast-1a", "literal")),
    Case("falsealarm13-cn-sae-nas-extreme", "CN", pq.sae_nas_mount("cn-shanghai", "cn-shanghai-l", "extreme")),
    Case("falsealarm13-cn-beijing-sae-nas-extreme", "CN", pq.sae_nas_mount("cn-beijing", "cn-beijing-h", "extreme")),
    Case("falsealarm13-de-sae-nas-extreme", "DE", pq.sae_nas_mount("eu-central-1", "eu-central-1a", "extreme")),
    Case("falsealarm13-jp-sae-nas-extreme", "JP", pq.sae_nas_mount("ap-northeast-1", "ap-northeast-1a", "extreme")),
    Case("falsealarm13-cn-ehpc-shared-storage-output", "CN", pq.ehpc_shared_storage("cn-shanghai", "output")),
    Case("falsealarm13-cn-ehpc-v1-volumes-output", "CN", pq.ehpc_v1_volumes("cn-shanghai", "output")),
    Case("falsealarm13-cn-hangzhou-ehpc-shared-storage-output", "CN", pq.ehpc_shared_storage("cn-hangzhou", "output")),
    Case("falsealarm13-cn-hangzhou-ehpc-v1-volumes-output", "CN", pq.ehpc_v1_volumes("cn-hangzhou", "output")),
    Case("falsealarm13-cn-ehpc-shared-storage-literal", "CN", pq.ehpc_shared_storage("cn-shanghai", "literal")),
    Case("falsealarm13-cn-ehpc-v1-volumes-literal", "CN", pq.ehpc_v1_volumes("cn-shanghai", "literal")),
    Case(
        "falsealarm13-cn-hangzhou-ehpc-shared-storage-literal", "CN", pq.ehpc_shared_storage("cn-hangzhou", "literal")
    ),
    Case("falsealarm13-cn-hangzhou-ehpc-v1-volumes-literal", "CN", pq.ehpc_v1_volumes("cn-hangzhou", "literal")),
    Case(
        "falsealarm13-cn-express-connect-idc-declared",
        "CN",
        pq.express_connect_idc("cn-shanghai", "ap-cn-shanghai-nt-A", _ALIRED10_IDC),
        destinations=[_ALIRED10_IDC_DECLARED],
    ),
    Case(
        "falsealarm13-cn-express-connect-idc-undeclared",
        "CN",
        pq.express_connect_idc("cn-shanghai", "ap-cn-shanghai-nt-A", _ALIRED10_IDC),
        {"RES-015"},
    ),
    Case(
        "falsealarm13-cn-alb-remote-ip-private",
        "CN",
        pq.alb_ip_server_group("cn-shanghai", [("10.20.1.15", False), ("172.16.8.21", True), ("192.168.30.5", True)]),
    ),
    Case(
        "falsealarm13-cn-beijing-alb-remote-ip-private",
        "CN",
        pq.alb_ip_server_group("cn-beijing", [("10.20.1.15", False), ("172.16.8.21", True), ("192.168.30.5", True)]),
    ),
    Case(
        "falsealarm13-de-alb-remote-ip-private",
        "DE",
        pq.alb_ip_server_group("eu-central-1", [("10.20.1.15", False), ("172.16.8.21", True), ("192.168.30.5", True)]),
    ),
    Case(
        "falsealarm13-cn-alb-remote-ip-public",
        "CN",
        pq.alb_ip_server_group("cn-shanghai", [("10.20.1.15", False), ("47.100.20.30", True)]),
        {"RES-015"},
    ),
    Case("falsealarm13-cn-alb-instance-servers", "CN", pq.alb_instance_server_group("cn-shanghai", "cn-shanghai-l")),
    Case("falsealarm13-de-alb-instance-servers", "DE", pq.alb_instance_server_group("eu-central-1", "eu-central-1a")),
    Case("falsealarm13-cn-ali-private-zone-app", "CN", pq.ali_private_zone_app("cn-shanghai", "fleet.internal")),
    Case(
        "falsealarm13-cn-hangzhou-ali-private-zone-app",
        "CN",
        pq.ali_private_zone_app("cn-hangzhou", "orders.home.arpa"),
    ),
    Case("falsealarm13-de-ali-private-zone-app", "DE", pq.ali_private_zone_app("eu-central-1", "fleet.internal")),
    Case("falsealarm13-eu-ecs-task-private-zone-influxdb", "EU", pq.ecs_task_private_zone("eu-west-1")),
    Case("falsealarm13-de-ecs-task-private-zone-influxdb", "DE", pq.ecs_task_private_zone("eu-central-1")),
    Case("falsealarm13-jp-ecs-task-private-zone-influxdb", "JP", pq.ecs_task_private_zone("ap-northeast-1")),
    Case("falsealarm13-us-ecs-task-private-zone-influxdb", "US", pq.ecs_task_private_zone("us-east-1")),
    Case("falsealarm13-cn-ecs-task-private-zone-influxdb", "CN", pq.ecs_task_private_zone("cn-north-1")),
    Case("falsealarm13-cn-ningxia-ecs-task-private-zone-influxdb", "CN", pq.ecs_task_private_zone("cn-northwest-1")),
    Case(
        "falsealarm13-eu-influxdb-bucket-capitals-partner",
        "EU",
        pq.influxdb_bucket_variable("eu-west-1", "ChargingSessions", told="PartnerSessions"),
        {"RES-017"},
    ),
    # An MSK Replicator's self-managed brokers by their EC2 private DNS names were refused (RES-015): the name's Region
    # label (ec2.internal: us-east-1) is now judged; brokers in a peered VPC of another Region stay refused.
    Case(
        "falsealarm13-eu-msk-replicator-self-managed-ec2-ohio",
        "EU",
        pq.msk_replicator_self_managed("eu-west-1", "ip-10-50-5-11.us-east-2.compute.internal:9096"),
        {"RES-006"},
    ),
    Case(
        "falsealarm13-cn-msk-replicator-self-managed-ec2-virginia",
        "CN",
        pq.msk_replicator_self_managed("cn-north-1", "ip-10-50-5-11.ec2.internal:9096"),
        {"RES-006"},
    ),
    Case(
        "falsealarm13-us-msk-replicator-self-managed-ec2-no-region",
        "US",
        pq.msk_replicator_self_managed("us-east-1", "kafka-1.compute.internal:9096"),
        {"RES-015"},
    ),
    # An API Gateway S3 integration's bucket (found by the false-alarm review of stop 34, closed by the lead).
    Case(
        "lead34-eu-rest-api-s3-path-partner-bucket",
        "EU",
        lead34_rest_api_s3("path", "partner-drop-bucket"),
        {"RES-017"},
    ),
    Case(
        "lead34-de-rest-api-s3-subdomain-partner-bucket",
        "DE",
        lead34_rest_api_s3("subdomain", "partner-drop"),
        {"RES-017"},
    ),
    Case(
        "lead34-jp-rest-api-s3-action-partner-bucket", "JP", lead34_rest_api_s3("action", "partner-drop"), {"RES-017"}
    ),
    Case("lead34-eu-rest-api-s3-path-own-bucket", "EU", lead34_rest_api_s3("path", "fleet-diag-uploads", own=True)),
    Case("lead34-de-rest-api-s3-subdomain-own-bucket", "DE", lead34_rest_api_s3("subdomain", "fleet-diag", own=True)),
    Case("lead34-jp-rest-api-s3-action-own-bucket", "JP", lead34_rest_api_s3("action", "fleet-diag", own=True)),
    Case(
        "lead34-us-rest-api-s3-path-partner-bucket-declared",
        "US",
        lead34_rest_api_s3("path", "partner-drop-bucket"),
        destinations=[
            {
                "id": "us-dealer-intake-bucket",
                "kind": "resident",
                "match": "arn:aws:apigateway:us-east-1:s3:path/partner-drop-bucket/",
                "evidence": "the dealer network's US intake bucket, us-east-1 (contract DN-2026-07)",
            }
        ],
    ),
    # aws-cn lies wholly in CN: a bucket name there is judged by the partition.
    Case("lead34-cn-rest-api-s3-path-other-bucket", "CN", lead34_rest_api_s3("path", "plant-drop-bucket")),
    # An API Gateway S3 integration whose bucket is a placeholder of the uri, filled from the request parameters
    # (AWS red team, round 11): a quoted static value is the bucket; the caller's value is chosen at run time.
    Case(
        "awsred11-eu-rest-api-s3-path-variable-partner-literal",
        "EU",
        awsred11_rest_api_s3_mapped("path", "'partner-drop-bucket'"),
        {"RES-017"},
    ),
    Case(
        "awsred11-eu-rest-api-s3-path-variable-own-literal",
        "EU",
        awsred11_rest_api_s3_mapped("path", "'fleet-diag-uploads'", own="fleet-diag-uploads"),
    ),
    Case(
        "awsred11-de-rest-api-s3-action-variable-partner-literal",
        "DE",
        awsred11_rest_api_s3_mapped("action", "'partner-drop'"),
        {"RES-017"},
    ),
    Case(
        "awsred11-de-rest-api-s3-action-variable-own-literal",
        "DE",
        awsred11_rest_api_s3_mapped("action", "'fleet-diag'", own="fleet-diag"),
    ),
    Case(
        "awsred11-jp-rest-api-s3-subdomain-variable-caller-path",
        "JP",
        awsred11_rest_api_s3_mapped("subdomain", "method.request.path.folder"),
        {"RES-017"},
    ),
    Case(
        "awsred11-eu-rest-api-s3-path-variable-caller-querystring",
        "EU",
        awsred11_rest_api_s3_mapped("path", "method.request.querystring.bucket"),
        {"RES-017"},
    ),
    Case(
        "awsred11-us-rest-api-s3-path-variable-caller-header",
        "US",
        awsred11_rest_api_s3_mapped("path", "method.request.header.x-bucket"),
        {"RES-017"},
    ),
    Case(
        "awsred11-us-rest-api-s3-path-variable-caller-declared",
        "US",
        awsred11_rest_api_s3_mapped("path", "method.request.path.folder"),
        destinations=[
            {
                "id": "us-workshop-folders",
                "kind": "resident",
                "match": "method.request.path.folder",
                "evidence": "the API's resource policy and the role's policy allow only the workshop buckets "
                "fleet-diag-us-*, all in us-east-1 (review SEC-2026-118)",
            }
        ],
    ),
    Case(
        "awsred11-cn-rest-api-s3-path-variable-caller",
        "CN",
        awsred11_rest_api_s3_mapped("path", "method.request.path.folder"),
    ),
    Case(
        "awsred11-cn-rest-api-s3-path-variable-other-literal", "CN", awsred11_rest_api_s3_mapped("path", "'plant-drop'")
    ),
    Case(
        "awsred11-eu-rest-api-s3-stage-variable-bucket",
        "EU",
        awsred11_rest_api_s3_mapped("path", None),
        {"RES-017"},
    ),
    Case(
        "awsred11-de-rest-api-s3-path-variable-partner-literal-output",
        "DE",
        awsred11_rest_api_s3_mapped("path", "'partner-drop'", as_output=True),
        {"RES-017"},
    ),
    Case(
        "awsred11-de-rest-api-s3-path-variable-own-literal-output",
        "DE",
        awsred11_rest_api_s3_mapped("path", "'fleet-diag'", own="fleet-diag", as_output=True),
    ),
    Case(
        "awsred11-eu-openapi-s3-path-variable-partner-literal",
        "EU",
        awsred11_openapi_s3_mapped("'partner-drop'"),
        {"RES-017"},
    ),
    Case(
        "awsred11-eu-openapi-s3-path-variable-own-literal",
        "EU",
        awsred11_openapi_s3_mapped("'fleet-diag-uploads'", own="fleet-diag-uploads"),
    ),
    Case(
        "awsred11-jp-openapi-s3-path-variable-caller",
        "JP",
        awsred11_openapi_s3_mapped("method.request.path.folder"),
        {"RES-017"},
    ),
    # A REST integration's request parameters are mapping expressions, not hosts (a false alarm on the docs' HTTP
    # proxy); a host a path parameter fills is judged at the uri (AWS red team, round 11). Since stop 40 these are
    # private integrations through the stack's own VpcLink: the uri only sets the Host header (pulumi-aws
    # apigateway/integration `uri`), the requests go to the link's NLB, so a partner's or the caller's host there
    # passes (`-partner`, `-host-caller`, `-host-partner-literal` were RES-015; their refused twins, a literal
    # connection_id: stages40-*-vpc-link-rest-literal-link).
    Case("awsred11-eu-rest-api-http-proxy-vpc-link", "EU", awsred11_rest_api_http_proxy()),
    Case("awsred11-cn-rest-api-http-proxy-vpc-link", "CN", awsred11_rest_api_http_proxy()),
    Case(
        "awsred11-jp-rest-api-http-proxy-in-region-api",
        "JP",
        awsred11_rest_api_http_proxy("a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com"),
    ),
    Case(
        "awsred11-eu-rest-api-http-proxy-partner",
        "EU",
        awsred11_rest_api_http_proxy("orders.partner.example.com"),
    ),
    Case(
        "awsred11-de-rest-api-http-host-caller",
        "DE",
        awsred11_rest_api_http_proxy(mapping="method.request.header.X-Backend"),
    ),
    Case(
        "awsred11-us-rest-api-http-host-partner-literal",
        "US",
        awsred11_rest_api_http_proxy(mapping="'orders.partner.example.com'"),
    ),
    Case("awsred11-us-rest-api-http-host-own-literal", "US", awsred11_rest_api_http_proxy(mapping="own")),
    Case(
        "awsred11-eu-http-api-path-variable-host", "EU", awsred11_http_api_path_variable_host("{backend}"), {"RES-015"}
    ),
    Case(
        "awsred11-eu-http-api-in-region-host",
        "EU",
        awsred11_http_api_path_variable_host("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"),
    ),
    # -- stop 34, false-alarm review of the second round's refusals (tests/platform_programs_review34b.py): ROS and
    # CloudFormation templates on in-country parameters, OOS templates, ECI config files, Flink SET options, domains
    # delegated to Route 53 / Alibaba Cloud DNS and API Gateway S3 proxies on the stack's own bucket.
    *[
        Case(f"falsealarm14-{code.lower()}-{tag}-ros-image-replica-{form}", code, pb.ros_image_replica(r, rep, form))
        for code, tag, r, rep, forms in (
            (
                "CN",
                "shanghai",
                "cn-shanghai",
                "cn-beijing",
                ("default", "given", "allowed", "findinmap", "pseudo", "if", "select"),
            ),
            ("US", "virginia", "us-east-1", "us-west-1", ("default", "findinmap", "if")),
            ("EU", "frankfurt", "eu-central-1", "eu-central-1", ("pseudo", "allowed")),
            ("JP", "tokyo", "ap-northeast-1", "ap-northeast-1", ("pseudo",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm14-{code.lower()}-ros-uploader-{form}", code, pb.ros_uploader_stack(r, form))
        for code, r, forms in (
            ("CN", "cn-hangzhou", ("params", "pseudo-sub", "cen-china", "param-sub", "param-sub-given")),
            ("DE", "eu-central-1", ("params", "pseudo-sub")),
            ("JP", "ap-northeast-1", ("params",)),
            ("US", "us-west-1", ("pseudo-sub",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm14-{code.lower()}-ros-stack-group-{form}", code, pb.ros_stack_group(r, form))
        for code, r, forms in (
            ("CN", "cn-beijing", ("cdn-domestic", "stored-domestic", "instance", "group-params")),
            ("EU", "eu-central-1", ("instance",)),
            ("JP", "ap-northeast-1", ("group-params",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm14-{code.lower()}-cfn-trips-table-{form}", code, pb.cfn_trips_table(r, rep, form))
        for code, r, rep, forms in (
            (
                "CN",
                "cn-north-1",
                "cn-northwest-1",
                ("default", "given", "allowed", "findinmap", "if", "select", "stackset", "stackset-default"),
            ),
            ("EU", "eu-west-1", "eu-central-1", ("default", "findinmap", "stackset")),
            ("JP", "ap-northeast-1", "ap-northeast-3", ("default", "given", "allowed")),
            ("US", "us-east-1", "us-west-2", ("stackset-default", "if", "select")),
        )
        for form in forms
    ],
    # A Parameter inside an Fn::Sub text is the stack's value, else its Default (refused before this review, RES-015).
    Case(
        "falsealarm14-cn-ros-uploader-param-sub-default-abroad",
        "CN",
        pb.ros_uploader_stack("cn-hangzhou", "param-sub", "ap-southeast-1"),
        {"RES-006"},
    ),
    Case("falsealarm14-cn-cfn-replica-endpoint-default", "CN", pb.cfn_replica_endpoint("cn-north-1", "cn-northwest-1")),
    Case(
        "falsealarm14-cn-cfn-replica-endpoint-given",
        "CN",
        pb.cfn_replica_endpoint("cn-north-1", "cn-north-1", "cn-northwest-1"),
    ),
    Case("falsealarm14-eu-cfn-replica-endpoint-default", "EU", pb.cfn_replica_endpoint("eu-west-1", "eu-central-1")),
    Case(
        "falsealarm14-jp-cfn-replica-endpoint-given",
        "JP",
        pb.cfn_replica_endpoint("ap-northeast-1", "ap-northeast-1", "ap-northeast-3"),
    ),
    Case("falsealarm14-us-cfn-replica-endpoint-default", "US", pb.cfn_replica_endpoint("us-east-1", "us-west-2")),
    Case(
        "falsealarm14-eu-cfn-replica-endpoint-default-abroad",
        "EU",
        pb.cfn_replica_endpoint("eu-west-1", "us-east-1"),
        {"RES-006"},
    ),
    # An Fn::Sub with no variable left is its text: a partner's host passed unjudged under a host key (a leak found by
    # this review, which the Parameter fill above would otherwise have widened).
    Case(
        "falsealarm14-eu-cfn-sink-host-sub-region",
        "EU",
        pb.cfn_sink_host("eu-west-1", "sqs.${AWS::Region}.${AWS::URLSuffix}"),
    ),
    Case(
        "falsealarm14-cn-cfn-sink-host-sub-region",
        "CN",
        pb.cfn_sink_host("cn-north-1", "sqs.${AWS::Region}.${AWS::URLSuffix}"),
    ),
    Case(
        "falsealarm14-de-cfn-sink-host-sub-literal",
        "DE",
        pb.cfn_sink_host("eu-central-1", "sqs.eu-central-1.amazonaws.com"),
    ),
    Case(
        "falsealarm14-eu-cfn-sink-host-sub-partner",
        "EU",
        pb.cfn_sink_host("eu-west-1", "intake.partner.example.com"),
        {"RES-015"},
    ),
    *[
        Case(f"falsealarm14-{code.lower()}-oos-{form}", code, pb.oos_template(r, form))
        for code, r, forms in (
            (
                "CN",
                "cn-hangzhou",
                (
                    "copy-default",
                    "copy-execution",
                    "regionid-api",
                    "regionid-default",
                    "script-host",
                    "script-oss",
                    "script-oss-param",
                ),
            ),
            ("JP", "ap-northeast-1", ("copy-default", "script-oss", "script-oss-no-parameters")),
            ("EU", "eu-central-1", ("regionid-default", "script-oss-param")),
            ("US", "us-west-1", ("script-oss",)),
        )
        for form in forms
    ],
    # The offending twins: the endpoint's region a parameter defaulting to Singapore, or the task run on an instance
    # there ({{ ACS::RegionId }} is the execution's region; the task's own regionId is judged as a region field).
    Case(
        "falsealarm14-cn-oos-script-oss-param-abroad",
        "CN",
        pb.oos_template("cn-hangzhou", "script-oss-param-abroad"),
        {"RES-006"},
    ),
    Case(
        "falsealarm14-cn-oos-script-oss-task-abroad",
        "CN",
        pb.oos_template("cn-hangzhou", "script-oss-task-abroad"),
        {"RES-009"},
    ),
    *[
        Case(
            f"falsealarm14-{code.lower()}-eci-config-file-{form}{'-ess' if ess else ''}",
            code,
            pb.eci_config_file(r, form, scaling=ess),
        )
        for code, r, form, ess in (
            ("CN", "cn-shanghai", "endpoints", False),
            ("CN", "cn-shanghai", "outputs", False),
            ("CN", "cn-beijing", "endpoints", True),
            ("DE", "eu-central-1", "endpoints", False),
            ("JP", "ap-northeast-1", "outputs", False),
            ("US", "us-east-1", "endpoints", True),
        )
    ],
    *[
        Case(f"falsealarm14-{code.lower()}-flink-set-{form}", code, pb.flink_set(r, form))
        for code, r, forms in (
            ("CN", "cn-shanghai", ("oss-dir", "oss-endpoint", "legacy-key", "oss-output")),
            ("DE", "eu-central-1", ("oss-endpoint",)),
            ("JP", "ap-northeast-1", ("oss-dir",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm14-{code.lower()}-route53-delegation-{form}", code, pb.route53_delegation(r, form))
        for code, r, forms in (
            ("EU", "eu-west-1", ("child-zone", "registered-own", "literal", "alidns-output")),
            ("DE", "eu-central-1", ("literal",)),
            ("JP", "ap-northeast-1", ("registered-own",)),
            ("US", "us-east-1", ("literal",)),
            ("CN", "cn-north-1", ("child-zone", "alidns-output")),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm14-{code.lower()}-apigw-s3-proxy-{form}", code, pb.apigw_s3_proxy(r, form))
        for code, r, forms in (
            (
                "EU",
                "eu-west-1",
                (
                    "path-output",
                    "subdomain-output",
                    "action-output",
                    "path-literal",
                    "path-variable-literal",
                    "list-bucket",
                ),
            ),
            ("CN", "cn-northwest-1", ("path-output", "subdomain-output", "action-output")),
            ("DE", "eu-central-1", ("path-variable-literal",)),
            ("JP", "ap-northeast-1", ("list-bucket",)),
            ("US", "us-east-1", ("path-literal",)),
        )
        for form in forms
    ],
    # The bucket mapped from the caller's path (`method.request.path.folder`): chosen when the API runs, so unproven
    # outside aws-cn (awsred11, merged after this program was written as compliant: the IAM role scoping the buckets is
    # another resource's policy, which proves nothing, as for Step Functions' run-time buckets); declared by the exact
    # mapping expression it passes.
    Case(
        "falsealarm14-eu-apigw-s3-proxy-path-variable-method",
        "EU",
        pb.apigw_s3_proxy("eu-west-1", "path-variable-method"),
        {"RES-017"},
    ),
    Case(
        "falsealarm14-eu-apigw-s3-proxy-path-variable-method-declared",
        "EU",
        pb.apigw_s3_proxy("eu-west-1", "path-variable-method"),
        destinations=[
            {
                "id": "eu-workshop-upload-folders",
                "kind": "resident",
                "match": "method.request.path.folder",
                "evidence": "the API's role may write only the stack's three upload "
                "buckets in eu-west-1 (policy fleet-diag-uploads-writer)",
            }
        ],
    ),
    # Mutation search, round 6 (stop 34): an AWS zone id under an application's `_AZ` / `_AZ_ID` key (RES-008).
    Case(
        "mutants6-eu-lambda-cache-az-london",
        "EU",
        mutants6_express_cache_az("eu-north-1", "eun1-az1", {"CACHE_AZ": "euw2-az1"}),
        {"RES-008"},
    ),
    Case(
        "mutants6-eu-lambda-cache-az-stockholm",
        "EU",
        mutants6_express_cache_az("eu-north-1", "eun1-az1", {"CACHE_AZ": "eun1-az2"}),
    ),
    Case(
        "mutants6-jp-lambda-cache-az-id-seoul",
        "JP",
        mutants6_express_cache_az("ap-northeast-1", "apne1-az4", {"CACHE_AZ_ID": "apne2-az1"}),
        {"RES-008"},
    ),
    Case(
        "mutants6-jp-lambda-cache-az-id-tokyo",
        "JP",
        mutants6_express_cache_az("ap-northeast-1", "apne1-az4", {"CACHE_AZ_ID": "apne1-az1"}),
    ),
    Case(
        "mutants6-us-lambda-cache-azs-multi-az-flag",
        "US",
        mutants6_express_cache_az("us-east-1", "use1-az4", {"CACHE_AZS": "use1-az4,use1-az6", "MULTI_AZ": "true"}),
    ),
    Case(
        "mutants6-us-lambda-cache-azs-canada",
        "US",
        mutants6_express_cache_az("us-east-1", "use1-az4", {"CACHE_AZS": "use1-az4,cac1-az1", "MULTI_AZ": "true"}),
        {"RES-008"},
    ),
    # Mutation search, round 6 (stop 34): a Kafka client's brokers under a plain `KAFKA` key (RES-015).
    Case(
        "mutants6-cn-eci-config-file-kafka-public-ip",
        "CN",
        alired11_eci_config_file("KAFKA=203.0.113.10:9092"),
        {"RES-015"},
    ),
    Case(
        "mutants6-cn-eci-config-file-kafka-partner",
        "CN",
        alired11_eci_config_file("KAFKA=kafka.partner.example.com:9092"),
        {"RES-015"},
    ),
    Case("mutants6-cn-eci-config-file-kafka-private", "CN", alired11_eci_config_file("KAFKA=10.20.1.5:9092")),
    Case(
        "mutants6-eu-lambda-kafka-partner",
        "EU",
        lambda_env({"KAFKA": _MSK_FRANKFURT + ",b-3.partner.example.com:9094", "ENABLE_KAFKA": "true"}),
        {"RES-015"},
    ),
    Case("mutants6-eu-lambda-kafka-msk", "EU", lambda_env({"KAFKA": _MSK_FRANKFURT, "ENABLE_KAFKA": "true"})),
    # The registration-order review (stop 35): a name the stack makes further down the program than the resource naming
    # it, by its literal text (made first / made later: accepted by every front door; never made: refused).
    Case("order35-eu-s3-archive-bucket-made-first", "EU", p35.s3_archive_export("eu-central-1", "before")),
    Case("order35-eu-s3-archive-bucket-made-later", "EU", p35.s3_archive_export("eu-central-1", "after")),
    Case("order35-eu-s3-archive-bucket-never-made", "EU", p35.s3_archive_export("eu-central-1", "never"), {"RES-017"}),
    Case("order35-cn-s3-archive-bucket-made-later", "CN", p35.s3_archive_export("cn-north-1", "after")),
    Case("order35-cn-oss-flink-state-made-later", "CN", p35.oss_flink_state("cn-hangzhou", "after")),
    Case("order35-cn-oss-flink-state-never-made", "CN", p35.oss_flink_state("cn-hangzhou", "never"), {"RES-017"}),
    Case("order35-de-oss-flink-state-made-later", "DE", p35.oss_flink_state("eu-central-1", "after")),
    Case("order35-de-oss-flink-state-never-made", "DE", p35.oss_flink_state("eu-central-1", "never"), {"RES-017"}),
    Case("order35-cn-route53-private-record-made-later", "CN", p35.route53_private_record("cn-north-1", "after")),
    Case(
        "order35-cn-route53-private-record-never-made",
        "CN",
        p35.route53_private_record("cn-north-1", "never"),
        {"RES-015"},
    ),
    Case("order35-eu-route53-private-record-made-later", "EU", p35.route53_private_record("eu-west-1", "after")),
    Case(
        "order35-eu-route53-private-record-never-made",
        "EU",
        p35.route53_private_record("eu-west-1", "never"),
        {"RES-015"},
    ),
    Case("order35-cn-pvtz-record-made-later", "CN", p35.pvtz_private_record("cn-shanghai", "after")),
    Case("order35-cn-pvtz-record-never-made", "CN", p35.pvtz_private_record("cn-shanghai", "never"), {"RES-015"}),
    Case("order35-de-pvtz-record-made-later", "DE", p35.pvtz_private_record("eu-central-1", "after")),
    Case("order35-de-pvtz-record-never-made", "DE", p35.pvtz_private_record("eu-central-1", "never"), {"RES-015"}),
    Case("order35-eu-influxdb-bucket-made-later", "EU", p35.influxdb_bucket("eu-west-1", "after")),
    Case("order35-eu-influxdb-bucket-never-made", "EU", p35.influxdb_bucket("eu-west-1", "never"), {"RES-017"}),
    Case("order35-de-influxdb-bucket-made-later", "DE", p35.influxdb_bucket("eu-central-1", "after")),
    # -- stop 35, false-alarm review of the vehicle-data areas the table covered least
    # (tests/platform_programs_review35.py): IoT Core rule actions, OTA jobs, provisioning, Greengrass v2, IoT Events,
    # SiteWise, Kinesis Video, Backup, DataSync; Alibaba IoT Platform rules, Tablestore, HBR, VOD, EMR, MNS, DataWorks
    # and Log Service shipping to OSS.
    *[
        Case(f"falsealarm15-{code.lower()}-{r}-iot-rule-{kind}", code, pf.iot_rule_action(r, kind))
        for code, r, kinds in (
            (
                "CN",
                "cn-north-1",
                (
                    "kinesis",
                    "firehose",
                    "s3",
                    "dynamodb",
                    "lambda",
                    "sqs",
                    "sns",
                    "step-functions",
                    "republish",
                    "cloudwatch",
                    "http",
                    "kafka",
                ),
            ),
            ("CN", "cn-northwest-1", ("kinesis", "s3")),
            (
                "EU",
                "eu-west-1",
                (
                    "kinesis",
                    "firehose",
                    "s3",
                    "timestream",
                    "dynamodb",
                    "lambda",
                    "sqs",
                    "sns",
                    "step-functions",
                    "republish",
                    "cloudwatch",
                    "http",
                    "kafka",
                    "iot-events",
                ),
            ),
            ("DE", "eu-central-1", ("timestream", "http", "kafka", "iot-events")),
            ("JP", "ap-northeast-1", ("timestream", "firehose", "lambda")),
            ("US", "us-east-1", ("timestream", "http", "step-functions", "iot-events")),
        )
        for kind in kinds
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-ota-job-template-{form}", code, pf.iot_ota_job_template(r, form))
        for code, r, forms in (
            ("CN", "cn-north-1", ("document-source", "presigned")),
            ("EU", "eu-west-1", ("document-source", "presigned")),
            ("JP", "ap-northeast-1", ("document-source",)),
            ("US", "us-east-1", ("presigned",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-ota-signing", code, pf.iot_ota_signing(r))
        for code, r in (("EU", "eu-west-1"), ("DE", "eu-central-1"), ("US", "us-west-2"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-provisioning{'-hook' if hook else ''}", code, pf.iot_provisioning(r, hook))
        for code, r, hook in (
            ("CN", "cn-north-1", True),
            ("CN", "cn-northwest-1", False),
            ("EU", "eu-west-1", True),
            ("JP", "ap-northeast-1", True),
            ("US", "us-east-2", False),
        )
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-fleet-indexing", code, pf.iot_fleet_indexing(r))
        for code, r in (("CN", "cn-north-1"), ("EU", "eu-west-1"), ("DE", "eu-central-1"), ("JP", "ap-northeast-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-iot-custom-domain", code, pf.iot_custom_domain(r, domain))
        for code, r, domain in (
            ("CN", "cn-north-1", "iot.fleet.example.cn"),
            ("EU", "eu-west-1", "iot.fleet.example.eu"),
            ("US", "us-east-1", "iot.fleet.example.com"),
        )
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-greengrass-{form}", code, pf.greengrass_component(r, form))
        for code, r, forms in (
            ("CN", "cn-north-1", ("component", "deployment")),
            ("EU", "eu-west-1", ("deployment",)),
            ("DE", "eu-central-1", ("component",)),
            ("JP", "ap-northeast-1", ("deployment",)),
            ("US", "us-east-1", ("deployment",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-iot-events-detector", code, pf.iot_events_detector(r))
        for code, r in (("CN", "cn-north-1"), ("EU", "eu-west-1"), ("DE", "eu-central-1"), ("US", "us-east-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-sitewise-plant", code, pf.sitewise_plant(r))
        for code, r in (("CN", "cn-north-1"), ("DE", "eu-central-1"), ("JP", "ap-northeast-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-{r}-kvs-dashcam", code, pf.kinesis_video_dashcam(r))
        for code, r in (
            ("CN", "cn-north-1"),
            ("CN", "cn-northwest-1"),
            ("EU", "eu-west-1"),
            ("JP", "ap-northeast-1"),
            ("US", "us-west-2"),
        )
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-backup-copy-in-country", code, pf.backup_copy_in_country(r, dr))
        for code, r, dr in (
            ("CN", "cn-north-1", "cn-northwest-1"),
            ("EU", "eu-west-1", "eu-central-1"),
            ("JP", "ap-northeast-1", "ap-northeast-3"),
            ("US", "us-east-1", "us-west-2"),
        )
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-datasync-depot-nfs", code, pf.datasync_depot_nfs(r))
        for code, r in (("CN", "cn-northwest-1"), ("EU", "eu-west-1"), ("JP", "ap-northeast-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-ali-iot-rule-{kind}", code, pf.ali_iot_rule(r, kind))
        for code, r, kinds in (
            ("CN", "cn-shanghai", ("ots", "fc", "mns", "republish")),
            ("DE", "eu-central-1", ("fc",)),
            ("JP", "ap-northeast-1", ("ots",)),
            ("US", "us-east-1", ("mns",)),
        )
        for kind in kinds
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-ali-iot-device-groups", code, pf.ali_iot_device_groups(r))
        for code, r in (("CN", "cn-shanghai"), ("DE", "eu-central-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-tablestore-{form}", code, pf.ali_tablestore(r, form))
        for code, r, forms in (
            ("CN", "cn-hangzhou", ("tunnel", "indexes", "consumer")),
            ("EU", "eu-central-1", ("tunnel",)),
            ("JP", "ap-northeast-1", ("consumer",)),
            ("US", "us-west-1", ("indexes",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-hbr-{form}", code, pf.ali_hbr_plans(r, dr, form))
        for code, r, dr, forms in (
            ("CN", "cn-shanghai", "cn-beijing", ("ots", "ecs", "replica")),
            ("DE", "eu-central-1", "eu-central-1", ("ecs",)),
            ("JP", "ap-northeast-1", "ap-northeast-1", ("ots",)),
            ("US", "us-west-1", "us-east-1", ("replica",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-vod-{form}", code, pf.ali_vod(r, form))
        for code, r, form in (
            ("CN", "cn-shanghai", "domain"),
            ("CN", "cn-beijing", "editing"),
            ("DE", "eu-central-1", "editing"),
            ("JP", "ap-northeast-1", "editing"),
        )
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-emr-oss-lake", code, pf.ali_emr_oss(r))
        for code, r in (("CN", "cn-hangzhou"), ("DE", "eu-central-1"), ("JP", "ap-northeast-1"), ("US", "us-west-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-mns-{form}", code, pf.ali_mns(r, form))
        for code, r, forms in (
            ("CN", "cn-shanghai", ("queue-sub", "message-queue", "http-fc", "http-apigw")),
            ("EU", "eu-central-1", ("queue-sub",)),
            ("JP", "ap-northeast-1", ("http-fc",)),
            ("US", "us-east-1", ("message-queue",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-dataworks", code, pf.ali_dataworks(r))
        for code, r in (("CN", "cn-shanghai"), ("DE", "eu-central-1"), ("JP", "ap-northeast-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-log-to-oss-{form}", code, pf.ali_log_to_oss(r, form))
        for code, r, form in (
            ("CN", "cn-hangzhou", "shipper"),
            ("CN", "cn-shenzhen", "export-sink"),
            ("EU", "eu-central-1", "shipper"),
            ("JP", "ap-northeast-1", "export-sink"),
            ("US", "us-west-1", "shipper"),
        )
    ],
    # The same estate's finer forms: IoT SQL functions, container and Lambda components, role aliases and
    # authorizers, the data-plane hosts a backend is given, HBR policies, IoT Platform rules to DataHub.
    *[
        Case(f"falsealarm15-{code.lower()}-iot-rule-sql-lambda", code, pf.iot_rule_sql_lambda(r))
        for code, r in (("CN", "cn-north-1"), ("EU", "eu-west-1"), ("US", "us-east-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-greengrass-{form}", code, pf.greengrass_container_component(r, form))
        for code, r, forms in (
            ("CN", "cn-north-1", ("docker", "lambda")),
            ("EU", "eu-west-1", ("docker",)),
            ("JP", "ap-northeast-1", ("lambda",)),
            ("US", "us-west-2", ("docker",)),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-iot-authorizer-role-alias", code, pf.iot_authorizer_role_alias(r))
        for code, r in (("CN", "cn-northwest-1"), ("DE", "eu-central-1"), ("US", "us-east-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-{r}-endpoint-{form}", code, pf.aws_vehicle_endpoints(r, form))
        for code, r, forms in (
            ("CN", "cn-north-1", ("iot-data", "iot-data-literal", "credentials", "jobs", "kvs-data", "sitewise-data")),
            ("EU", "eu-west-1", ("credentials", "jobs", "kvs-data", "sitewise-data", "timestream-cell")),
            ("US", "us-east-1", ("iot-data", "timestream-cell")),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-{r}-ali-endpoint-{form}", code, pf.ali_vehicle_endpoints(r, form))
        for code, r, forms in (
            (
                "CN",
                "cn-shanghai",
                (
                    "iot-mqtt",
                    "ots-public",
                    "ots-vpc",
                    "sls-intranet",
                    "vod",
                    "mns-internal",
                    "oss-hdfs",
                    "maxcompute-vpc",
                    "datahub-vpc",
                ),
            ),
            ("DE", "eu-central-1", ("iot-mqtt", "ots-vpc", "oss-hdfs")),
            ("JP", "ap-northeast-1", ("mns-internal", "sls-intranet")),
        )
        for form in forms
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-hbr-policy-replication", code, pf.ali_hbr_policy(r, rep))
        for code, r, rep in (("CN", "cn-shanghai", "cn-beijing"), ("US", "us-west-1", "us-east-1"))
    ],
    *[
        Case(f"falsealarm15-{code.lower()}-ali-iot-rule-datahub", code, pf.ali_iot_rule_datahub(r))
        for code, r in (("CN", "cn-shanghai"), ("DE", "eu-central-1"))
    ],
    # Checked and correct: each of these forms pointed abroad (or at a bucket the stack does not make, outside aws-cn)
    # is refused where the in-country twin above passes.
    Case(
        "falsealarm15-cn-greengrass-docker-ecr-abroad",
        "CN",
        pf.greengrass_container_component(
            "cn-north-1", "docker", "123456789012.dkr.ecr.us-east-1.amazonaws.com/anomaly:2.0.1"
        ),
        {"RES-006"},
    ),
    Case(
        "falsealarm15-eu-greengrass-artifact-partner",
        "EU",
        pf.greengrass_component("eu-west-1", "component", "partner-artifacts"),
        {"RES-017"},
    ),
    # In aws-cn an S3 bucket name can only be a China bucket (the partition is wholly in-country): accepted.
    Case(
        "falsealarm15-cn-greengrass-artifact-other-bucket",
        "CN",
        pf.greengrass_component("cn-north-1", "component", "depot-shared-artifacts"),
    ),
    Case(
        "falsealarm15-cn-ota-presigned-abroad",
        "CN",
        pf.iot_ota_job_template("cn-north-1", "presigned", "us-east-1"),
        {"RES-006"},
    ),
    Case(
        "falsealarm15-eu-ota-document-source-abroad",
        "EU",
        pf.iot_ota_job_template("eu-west-1", "document-source", "us-east-1"),
        {"RES-006"},
    ),
    Case(
        "falsealarm15-cn-iot-rule-sql-lambda-abroad",
        "CN",
        pf.iot_rule_sql_lambda("cn-north-1", "arn:aws:lambda:us-east-1:123456789012:function:enrich"),
        {"RES-004"},
    ),
    Case(
        "falsealarm15-eu-iot-rule-sql-lambda-abroad",
        "EU",
        pf.iot_rule_sql_lambda("eu-west-1", "arn:aws:lambda:us-east-1:123456789012:function:enrich"),
        {"RES-004"},
    ),
    Case(
        "falsealarm15-cn-ali-iot-rule-datahub-abroad",
        "CN",
        pf.ali_iot_rule_datahub("cn-shanghai", "ap-southeast-1"),
        {"RES-009"},
    ),
    Case(
        "falsealarm15-cn-hbr-policy-replication-abroad",
        "CN",
        pf.ali_hbr_policy("cn-shanghai", "ap-southeast-1"),
        {"RES-009"},
    ),
    # Kept refused: an IoT Platform Enterprise Edition instance's domain (<instance id>.mqtt.iothub.aliyuncs.com) names
    # no region and no Pulumi resource makes the instance; the user declares it by its exact host.
    Case(
        "falsealarm15-cn-ali-endpoint-iot-enterprise-instance",
        "CN",
        pf.ali_vehicle_endpoints("cn-shanghai", "iot-instance"),
        {"RES-015"},
    ),
    Case(
        "falsealarm15-cn-ali-endpoint-iot-enterprise-instance-declared",
        "CN",
        pf.ali_vehicle_endpoints("cn-shanghai", "iot-instance"),
        destinations=[
            {
                "id": "iot-enterprise",
                "kind": "resident",
                "match": "iot-06z00ax1o4ngpvd.mqtt.iothub.aliyuncs.com",
                "evidence": "IoT Platform Enterprise Edition instance iot-06z00ax1o4ngpvd, China (Shanghai)",
            }
        ],
    ),
    # Round 3 (R3): custom domains the stack makes, cross-account and cross-cloud copies inside the country.
    # Kept refused (RES-015): the stack's own public custom domain (an API Gateway domain or an IoT domain
    # configuration, with the alias / CNAME record in a Route 53 zone the stack makes) as a URL or host another
    # resource sends to. The record proves the name only as an alias target: who answers for the domain is its
    # registrar's delegation, which no document of the stack shows (docs/residency.md, "Made by this stack"). The user
    # declares the host (kind resident, evidence the API / IoT endpoint it fronts); the declared twins pass.
    *[
        Case(f"falsealarm15-r3-{code.lower()}-iot-rule-http-custom-domain", code, build(r, host), {"RES-015"})
        for code, r, host, build in (
            ("EU", "eu-west-1", "ingest.fleet.example.eu", pf.iot_rule_http_custom_domain),
            ("CN", "cn-north-1", "ingest.fleet.example.cn", pf.iot_rule_http_custom_domain),
        )
    ],
    *[
        Case(f"falsealarm15-r3-{code.lower()}-iot-custom-domain-client", code, build(r, host), {"RES-015"})
        for code, r, host, build in (
            ("EU", "eu-west-1", "iot.fleet.example.eu", pf.iot_custom_domain_client),
            ("CN", "cn-north-1", "iot.fleet.example.cn", pf.iot_custom_domain_client),
        )
    ],
    *[
        Case(
            f"falsealarm15-r3-{code.lower()}-{tag}-declared",
            code,
            build(r, host),
            destinations=[{"id": tag, "kind": "resident", "match": host, "evidence": evidence}],
        )
        for code, tag, r, host, build, evidence in (
            (
                "EU",
                "iot-rule-http-custom-domain",
                "eu-west-1",
                "ingest.fleet.example.eu",
                pf.iot_rule_http_custom_domain,
                "regional API Gateway custom domain of the ingest API, eu-west-1",
            ),
            (
                "CN",
                "iot-custom-domain-client",
                "cn-north-1",
                "iot.fleet.example.cn",
                pf.iot_custom_domain_client,
                "AWS IoT domain configuration of the fleet, cn-north-1 ATS endpoint",
            ),
        )
    ],
    # Flipped in stop 39 (red team, round 15): a backup plan's copy action writes every recovery point into the vault
    # of the organisation's central backup account, which no provider of the stack pins; copy actions are written
    # destinations since then (RES-023, the stop-37 decision on writing into another account). In CN the aws-cn
    # account is China's by partition. The declared twins name the account, as the refusal's fix says.
    Case(
        "falsealarm15-r3-eu-backup-org-vault", "EU", pf.backup_copy_org_vault("eu-west-1", "eu-central-1"), {"RES-023"}
    ),
    Case("falsealarm15-r3-cn-backup-org-vault", "CN", pf.backup_copy_org_vault("cn-north-1", "cn-northwest-1")),
    Case("falsealarm15-r3-us-backup-org-vault", "US", pf.backup_copy_org_vault("us-east-1", "us-east-1"), {"RES-023"}),
    *[
        Case(
            f"falsealarm15-r3-{code.lower()}-backup-org-vault-declared",
            code,
            pf.backup_copy_org_vault(region, vault_region),
            destinations=[
                {
                    "id": "org-central-backup",
                    "kind": "resident",
                    "match": "arn:aws:iam::210987654321:",
                    "evidence": "the organisation's central backup account; an SCP limits it to in-country Regions",
                }
            ],
        )
        for code, region, vault_region in (("EU", "eu-west-1", "eu-central-1"), ("US", "us-east-1", "us-east-1"))
    ],
    Case("falsealarm15-r3-cn-datasync-depot-store", "CN", pf.datasync_object_storage("cn-north-1", "10.20.4.12")),
    Case(
        "falsealarm15-r3-cn-datasync-alibaba-oss",
        "CN",
        pf.datasync_object_storage("cn-north-1", "oss-cn-beijing.aliyuncs.com"),
    ),
    Case(
        "falsealarm15-r3-de-datasync-alibaba-oss",
        "DE",
        pf.datasync_object_storage("eu-central-1", "oss-eu-central-1.aliyuncs.com"),
    ),
    Case("falsealarm15-r3-cn-log-etl", "CN", pf.ali_log_etl("cn-hangzhou", "cn-shanghai")),
    Case("falsealarm15-r3-jp-log-etl", "JP", pf.ali_log_etl("ap-northeast-1", "ap-northeast-1")),
    Case("falsealarm15-r3-cn-emr-dlf", "CN", pf.ali_emr_dlf("cn-hangzhou")),
    Case("falsealarm15-r3-de-emr-dlf", "DE", pf.ali_emr_dlf("eu-central-1")),
    # Leak closed: an EMR cluster's DLF catalog region in Singapore (the lake's table metadata abroad) passed every
    # front door before stop 35 (its application_configs entry is a {config_item_key, config_item_value} pair no rule
    # read).
    Case("falsealarm15-cn-emr-dlf-region-abroad", "CN", pf.ali_emr_dlf("cn-hangzhou", "ap-southeast-1"), {"RES-009"}),
    Case("falsealarm15-cn-emr-dlf-region-beijing", "CN", pf.ali_emr_dlf("cn-hangzhou", "cn-beijing")),
    # -- stop 35 (mutants7): the stack's own bucket addressed through S3 Transfer Acceleration's endpoint
    # (<bucket>.s3-accelerate[.dualstack].amazonaws.com): the request enters at a CloudFront edge location, as enabling
    # acceleration (aws-s3-transfer-acceleration, refused) and OSS's accelerate endpoints (edge_suffixes) are judged:
    # RES-016 (under a bucket key too, read as the host: in aws-cn a bucket name passes by partition, so the accelerate
    # host, read as a name, passed there once it was an edge suffix), RES-015 for the path-style host alone (no region,
    # and an edge suffix is matched below a label only).
    Case(
        "mutants7-eu-lambda-log-bucket-accelerate-own",
        "EU",
        pv.bucket_host_variable("eu-west-1", "fleet-cdn-logs-eu-west-1.s3-accelerate.amazonaws.com"),
        {"RES-016"},
    ),
    Case(
        "mutants7-eu-lambda-log-bucket-regional-own",
        "EU",
        pv.bucket_host_variable("eu-west-1", "fleet-cdn-logs-eu-west-1.s3.eu-west-1.amazonaws.com"),
    ),
    Case(
        "mutants7-us-lambda-log-bucket-accelerate-dualstack-own",
        "US",
        pv.bucket_host_variable("us-east-2", "fleet-cdn-logs-us-east-2.s3-accelerate.dualstack.amazonaws.com"),
        {"RES-016"},
    ),
    Case(
        "mutants7-us-lambda-log-bucket-dualstack-own",
        "US",
        pv.bucket_host_variable("us-east-2", "fleet-cdn-logs-us-east-2.s3.dualstack.us-east-2.amazonaws.com"),
    ),
    Case(
        "mutants7-eu-user-data-accelerate-own",
        "EU",
        s3url_door("user-data", "https://{b}.s3-accelerate.amazonaws.com/exports/"),
        {"RES-016"},
    ),
    Case(
        "mutants7-jp-lambda-path-accelerate-own",
        "JP",
        s3url_door("lambda", "https://s3-accelerate.amazonaws.com/{b}/exports/"),
        {"RES-015"},
    ),
    Case("mutants7-jp-lambda-path-regional-own", "JP", s3url_door("lambda", _S3URL_PATH)),
    Case(
        "mutants7-cn-lambda-log-bucket-accelerate-own",
        "CN",
        pv.bucket_host_variable("cn-north-1", "fleet-cdn-logs-cn-north-1.s3-accelerate.amazonaws.com"),
        {"RES-016"},
    ),
    Case(
        "mutants7-cn-lambda-log-bucket-regional-own",
        "CN",
        pv.bucket_host_variable("cn-north-1", "fleet-cdn-logs-cn-north-1.s3.cn-north-1.amazonaws.com.cn"),
    ),
    # Leftovers review (stop 35): a nested ROS stack's template (ALIYUN::ROS::Stack TemplateBody) judged as a template.
    Case(
        "leftovers35-cn-ros-nested-cdn-overseas",
        "CN",
        pl.ros_nested_stack("cn-shanghai", "cdn", "overseas"),
        {"RES-016"},
    ),
    Case(
        "leftovers35-cn-ros-nested-cdn-overseas-text",
        "CN",
        pl.ros_nested_stack("cn-shanghai", "cdn", "overseas", as_text=True),
        {"RES-016"},
    ),
    Case("leftovers35-cn-ros-nested-cdn-domestic", "CN", pl.ros_nested_stack("cn-shanghai", "cdn", "domestic")),
    Case(
        "leftovers35-cn-ros-nested-cdn-domestic-text",
        "CN",
        pl.ros_nested_stack("cn-shanghai", "cdn", "domestic", as_text=True),
    ),
    Case(
        "leftovers35-cn-ros-nested-sub-default-abroad",
        "CN",
        pl.ros_nested_stack("cn-shanghai", "default", "ap-southeast-1"),
        {"RES-006"},
    ),
    Case(
        "leftovers35-cn-ros-nested-sub-default-home", "CN", pl.ros_nested_stack("cn-shanghai", "default", "cn-shanghai")
    ),
    Case(
        "leftovers35-cn-ros-nested-sub-given-abroad",
        "CN",
        pl.ros_nested_stack("cn-shanghai", "given", "ap-southeast-1"),
        {"RES-006"},
    ),
    Case("leftovers35-cn-ros-nested-sub-given-home", "CN", pl.ros_nested_stack("cn-shanghai", "given", "cn-beijing")),
    Case(
        "leftovers35-cn-ros-nested-sub-given-ref-abroad",
        "CN",
        pl.ros_nested_stack("cn-shanghai", "given-ref", "ap-southeast-1", as_text=True),
        {"RES-006"},
    ),
    Case(
        "leftovers35-cn-ros-nested-sub-given-ref-home",
        "CN",
        pl.ros_nested_stack("cn-shanghai", "given-ref", "cn-beijing", as_text=True),
    ),
    # Leftovers review (stop 35): an OOS template in a ROS template (ALIYUN::OOS::Template Content), filled as OOS's.
    Case("leftovers35-cn-ros-oos-template-region-id", "CN", pl.ros_oos_template("cn-shanghai", None)),
    Case("leftovers35-cn-ros-oos-template-param-home", "CN", pl.ros_oos_template("cn-shanghai", "cn-shanghai")),
    Case(
        "leftovers35-cn-ros-oos-template-param-abroad",
        "CN",
        pl.ros_oos_template("cn-shanghai", "ap-southeast-1"),
        {"RES-006"},
    ),
    # Leftovers review (stop 35): a stack's Parameter given a value known only at deployment is not its Default.
    Case(
        "leftovers35-eu-cfn-given-output-over-foreign-default",
        "EU",
        pl.stack_replica_from_output("aws", "eu-central-1", "us-east-1", "eu-west-1"),
    ),
    Case(
        "leftovers35-eu-cfn-given-output-abroad",
        "EU",
        pl.stack_replica_from_output("aws", "eu-central-1", "eu-west-1", "us-east-1"),
        {"RES-009"},
    ),
    Case(
        "leftovers35-cn-ros-given-output-over-foreign-default",
        "CN",
        pl.stack_replica_from_output("ali", "cn-shanghai", "ap-southeast-1", "cn-beijing"),
    ),
    Case(
        "leftovers35-cn-ros-given-output-abroad",
        "CN",
        pl.stack_replica_from_output("ali", "cn-shanghai", "cn-beijing", "ap-southeast-1"),
        {"RES-009"},
    ),
    Case(
        "leftovers35-eu-cfn-given-output-unnamed-abroad",
        "EU",
        pl.stack_replica_from_output("aws", "eu-central-1", "eu-west-1", "us-east-1", "Replica"),
        {"RES-009"},
    ),
    Case(
        "leftovers35-eu-cfn-given-output-unnamed-home",
        "EU",
        pl.stack_replica_from_output("aws", "eu-central-1", "us-east-1", "eu-west-1", "Replica"),
    ),
    Case(
        "leftovers35-cn-ros-given-output-unnamed-abroad",
        "CN",
        pl.stack_replica_from_output("ali", "cn-shanghai", "cn-beijing", "ap-southeast-1", "Replica"),
        {"RES-009"},
    ),
    Case(
        "leftovers35-cn-ros-given-output-unnamed-home",
        "CN",
        pl.stack_replica_from_output("ali", "cn-shanghai", "ap-southeast-1", "cn-beijing", "Replica"),
    ),
    # Leftovers review (stop 35): a cloud CLI's zone options in a script are zone fields (script_commands aws-zone).
    Case(
        "leftovers35-eu-ssm-create-subnet-az-id-london",
        "EU",
        pl.ssm_create_subnet("eu-central-1", "--availability-zone-id", "euw2-az1"),
        {"RES-008"},
    ),
    Case(
        "leftovers35-eu-ssm-create-subnet-az-id-frankfurt",
        "EU",
        pl.ssm_create_subnet("eu-central-1", "--availability-zone-id", "euc1-az2"),
    ),
    Case(
        "leftovers35-eu-ssm-create-subnet-az-london",
        "EU",
        pl.ssm_create_subnet("eu-central-1", "--availability-zone", "eu-west-2a"),
        {"RES-008"},
    ),
    Case(
        "leftovers35-eu-ssm-create-subnet-az-frankfurt",
        "EU",
        pl.ssm_create_subnet("eu-central-1", "--availability-zone", "eu-central-1b"),
    ),
    Case(
        "leftovers35-jp-ssm-create-subnet-az-id-seoul",
        "JP",
        pl.ssm_create_subnet("ap-northeast-1", "--availability-zone-id", "apne2-az1"),
        {"RES-008"},
    ),
    Case(
        "leftovers35-jp-ssm-create-subnet-az-id-tokyo",
        "JP",
        pl.ssm_create_subnet("ap-northeast-1", "--availability-zone-id", "apne1-az4"),
    ),
    # Leftovers review (stop 35): an EventBridge Pipe's / rule target's Host header names no destination (match_fields).
    Case(
        "leftovers35-eu-pipe-api-destination-host-header",
        "EU",
        pl.pipe_api_destination_host_header("eu-central-1", "eu-central-1"),
    ),
    Case(
        "leftovers35-eu-pipe-api-destination-abroad-host-header",
        "EU",
        pl.pipe_api_destination_host_header("eu-central-1", "us-east-1"),
        {"RES-006"},
    ),
    Case(
        "leftovers35-eu-rule-api-destination-host-header",
        "EU",
        pl.pipe_api_destination_host_header("eu-central-1", "eu-central-1", rule=True),
    ),
    Case(
        "leftovers35-eu-rule-api-destination-abroad-host-header",
        "EU",
        pl.pipe_api_destination_host_header("eu-central-1", "us-east-1", rule=True),
        {"RES-006"},
    ),
    # Leftovers review (stop 35): a Cloud Assistant command's {{ACS::RegionId}} is the region it runs in.
    Case(
        "leftovers35-cn-ecs-command-oss-region-id", "CN", pl.ecs_command_ship_logs("cn-shanghai", "{{ACS::RegionId}}")
    ),
    Case(
        "leftovers35-cn-ecs-command-oss-region-id-spaced",
        "CN",
        pl.ecs_command_ship_logs("cn-shanghai", "{{ ACS::RegionId }}"),
    ),
    Case(
        "leftovers35-cn-ecs-command-oss-region-id-no-parameters",
        "CN",
        pl.ecs_command_ship_logs("cn-shanghai", "{{ACS::RegionId}}", enable_parameter=False),
        {"RES-015"},
    ),
    Case(
        "leftovers35-cn-ecs-command-oss-singapore",
        "CN",
        pl.ecs_command_ship_logs("cn-shanghai", "ap-southeast-1"),
        {"RES-006"},
    ),
    # -- stop 35, made-by-this-stack review (tests/platform_programs_madeby35.py) --------------------------------------
    Case("madeby35-eu-s3-env-bucket-made-as-oss", "EU", pm35.s3_export_named_like_oss(pm35.EU, "oss"), {"RES-017"}),
    Case("madeby35-eu-s3-env-bucket-made-as-s3", "EU", pm35.s3_export_named_like_oss(pm35.EU, "s3")),
    Case("madeby35-eu-oss-flink-state-made-as-s3", "EU", pm35.oss_state_named_like_s3(pm35.EU, "s3"), {"RES-017"}),
    Case("madeby35-eu-oss-flink-state-made-as-oss", "EU", pm35.oss_state_named_like_s3(pm35.EU, "oss")),
    Case("madeby35-cn-oss-flink-state-made-as-s3", "CN", pm35.oss_state_named_like_s3(pm35.CN, "s3"), {"RES-017"}),
    Case("madeby35-cn-oss-flink-state-made-as-oss", "CN", pm35.oss_state_named_like_s3(pm35.CN, "oss")),
    Case("madeby35-de-fc-oss-uri-made-as-s3", "DE", pm35.fc_oss_uri_named_like_s3(pm35.EU, "s3"), {"RES-017"}),
    Case("madeby35-de-fc-oss-uri-made-as-oss", "DE", pm35.fc_oss_uri_named_like_s3(pm35.EU, "oss")),
    Case("madeby35-eu-s3-uri-made-as-oss", "EU", pm35.s3_uri_named_like_oss(pm35.EU, "oss"), {"RES-017"}),
    Case("madeby35-eu-s3-uri-made-as-s3", "EU", pm35.s3_uri_named_like_oss(pm35.EU, "s3")),
    Case("madeby35-eu-s3-env-from-oss-output", "EU", pm35.s3_env_from_oss_output(pm35.EU, "oss"), {"RES-017"}),
    Case("madeby35-eu-s3-env-from-s3-output", "EU", pm35.s3_env_from_oss_output(pm35.EU, "s3")),
    Case("madeby35-eu-s3-env-from-glue-database", "EU", pm35.s3_env_from_glue_database(pm35.FRA, "glue"), {"RES-017"}),
    Case("madeby35-eu-s3-env-from-lake-bucket", "EU", pm35.s3_env_from_glue_database(pm35.FRA, "s3")),
    Case("madeby35-eu-s3-env-from-made-bucket", "EU", pm35.s3_env_from_read_bucket(pm35.FRA, "made")),
    Case(
        "madeby35-eu-s3-env-legacy-part-of-made-name", "EU", pm35.s3_env_part_of_made_name(pm35.FRA, True), {"RES-017"}
    ),
    Case("madeby35-eu-s3-env-made-name-only", "EU", pm35.s3_env_part_of_made_name(pm35.FRA, False)),
    # -- accounts35: a grant to another AWS account (RES-023) ----------------------------------------------------------
    *[Case(f"accounts35-eu-{k}-own", "EU", a35.grant(k, "EU", a35.OWN)) for k in a35.KINDS],
    *[Case(f"accounts35-eu-{k}-foreign", "EU", a35.grant(k, "EU", a35.PARTNER), {"RES-023"}) for k in a35.KINDS],
    *[
        Case(
            f"accounts35-eu-{k}-declared",
            "EU",
            a35.grant(k, "EU", a35.PARTNER),
            destinations=[a35.resident("EU", f"arn:aws:iam::{a35.PARTNER}:")],
        )
        for k in a35.KINDS
    ],
    *[
        Case(
            f"accounts35-{code.lower()}-{k}-{form}-{verdict}",
            code,
            a35.grant(k, code, a35.OWN if verdict == "own" else a35.PARTNER, form=form),
            {"RES-023"} if verdict == "foreign" else set(),
        )
        for code in ("DE", "JP", "US")
        for k in ("sqs", "s3", "role", "lambda", "kms")
        for form in ("root", "id", "role")
        for verdict in ("own", "foreign")
        if not (k == "lambda" and form != "root")
    ],
    *[
        Case(
            f"accounts35-{code.lower()}-{k}-transfer",
            code,
            a35.grant(k, code, a35.PARTNER, form="id"),
            destinations=[a35.transfer(code)],
        )
        for code in ("EU", "DE", "JP", "US")
        for k in ("sqs", "role", "lambda")
    ],
    Case(
        "accounts35-de-s3-declared-id",
        "DE",
        a35.grant("s3", "DE", a35.PARTNER),
        destinations=[a35.resident("DE", a35.PARTNER)],
    ),
    Case(
        "accounts35-jp-role-declared-other",
        "JP",
        a35.grant("role", "JP", "210987654321"),
        {"RES-023"},
        destinations=[a35.resident("JP", f"arn:aws:iam::{a35.PARTNER}:")],
    ),
    *[
        Case(f"accounts35-eu-{k}-assume-role-own", "EU", a35.grant(k, "EU", a35.OWN, pinned="role"))
        for k in ("sqs", "kms", "lambda")
    ],
    *[
        Case(
            f"accounts35-eu-{k}-assume-role-foreign", "EU", a35.grant(k, "EU", a35.PARTNER, pinned="role"), {"RES-023"}
        )
        for k in ("sqs", "kms", "lambda")
    ],
    # The behaviour change: a grant to the team's own account from a provider pinned to nothing is refused.
    *[
        Case(f"accounts35-{code.lower()}-{k}-unpinned-own", code, a35.grant(k, code, a35.OWN, pinned=None), {"RES-023"})
        for code in ("EU", "US")
        for k in ("sqs", "role", "lambda")
    ],
    Case("accounts35-eu-kms-caller-identity-pinned", "EU", a35.caller_identity_grant("EU", "allowed")),
    Case("accounts35-eu-kms-caller-identity-unpinned", "EU", a35.caller_identity_grant("EU", None), {"RES-023"}),
    Case("accounts35-eu-sqs-policy-document-own", "EU", a35.policy_document_grant("EU", a35.OWN)),
    Case("accounts35-eu-sqs-policy-document-foreign", "EU", a35.policy_document_grant("EU", a35.PARTNER), {"RES-023"}),
    # aws-cn: every account of the partition is a China account (judged by partition, as before); an aws account is not.
    *[
        Case(f"accounts35-cn-{k}-{form}", "CN", a35.grant(k, "CN", a35.PARTNER, pinned=None, form=form))
        for k in a35.KINDS
        for form in ("root", "id")
    ],
    *[
        Case(
            f"accounts35-cn-{k}-foreign-partition",
            "CN",
            a35.grant(k, "CN", a35.PARTNER, form="foreign-partition"),
            {"RES-004"},
        )
        for k in ("sqs", "role", "s3")
    ],
    Case("accounts35-cn-kms-caller-identity", "CN", a35.caller_identity_grant("CN", None)),
    # AWS's own Elastic Load Balancing account of a Region (service_accounts), judged by its Region.
    Case("accounts35-eu-s3-elb-account-ireland", "EU", a35.grant("s3", "EU", "156460612806", pinned=None)),
    Case("accounts35-jp-s3-elb-account-osaka", "JP", a35.grant("s3", "JP", "383597477331", pinned=None, form="id")),
    Case("accounts35-eu-s3-elb-account-virginia", "EU", a35.grant("s3", "EU", "127311923021"), {"RES-023"}),
    # -- stop 35, false-alarm review of this stop's changes (tests/platform_programs_review35b.py): invokes, components,
    # loops and shared buckets around a name made later; S3 regional hosts; EMR DLF; nested ROS / OOS; Parameters given
    # Outputs; Cloud Assistant; aws CLI zone options.
    Case("falsealarm16-cn-invoke-caller", "CN", pg.invoke_between("cn-north-1", "caller")),
    Case("falsealarm16-cn-invoke-region", "CN", pg.invoke_between("cn-north-1", "region")),
    Case("falsealarm16-cn-invoke-partition", "CN", pg.invoke_between("cn-north-1", "partition")),
    Case("falsealarm16-cn-invoke-zones", "CN", pg.invoke_between("cn-north-1", "zones")),
    Case("falsealarm16-cn-invoke-twice", "CN", pg.invoke_between("cn-north-1", "twice")),
    Case("falsealarm16-cn-invoke-after", "CN", pg.invoke_between("cn-north-1", "after")),
    Case("falsealarm16-eu-invoke-caller", "EU", pg.invoke_between("eu-west-1", "caller")),
    Case("falsealarm16-eu-invoke-region", "EU", pg.invoke_between("eu-west-1", "region")),
    Case("falsealarm16-eu-invoke-partition", "EU", pg.invoke_between("eu-west-1", "partition")),
    Case("falsealarm16-eu-invoke-zones", "EU", pg.invoke_between("eu-west-1", "zones")),
    Case("falsealarm16-eu-invoke-twice", "EU", pg.invoke_between("eu-west-1", "twice")),
    Case("falsealarm16-eu-invoke-after", "EU", pg.invoke_between("eu-west-1", "after")),
    Case("falsealarm16-de-invoke-caller", "DE", pg.invoke_between("eu-central-1", "caller")),
    Case("falsealarm16-de-invoke-region", "DE", pg.invoke_between("eu-central-1", "region")),
    Case("falsealarm16-de-invoke-partition", "DE", pg.invoke_between("eu-central-1", "partition")),
    Case("falsealarm16-de-invoke-zones", "DE", pg.invoke_between("eu-central-1", "zones")),
    Case("falsealarm16-de-invoke-twice", "DE", pg.invoke_between("eu-central-1", "twice")),
    Case("falsealarm16-de-invoke-after", "DE", pg.invoke_between("eu-central-1", "after")),
    Case("falsealarm16-jp-invoke-caller", "JP", pg.invoke_between("ap-northeast-1", "caller")),
    Case("falsealarm16-jp-invoke-region", "JP", pg.invoke_between("ap-northeast-1", "region")),
    Case("falsealarm16-jp-invoke-partition", "JP", pg.invoke_between("ap-northeast-1", "partition")),
    Case("falsealarm16-jp-invoke-zones", "JP", pg.invoke_between("ap-northeast-1", "zones")),
    Case("falsealarm16-jp-invoke-twice", "JP", pg.invoke_between("ap-northeast-1", "twice")),
    Case("falsealarm16-jp-invoke-after", "JP", pg.invoke_between("ap-northeast-1", "after")),
    Case("falsealarm16-us-invoke-caller", "US", pg.invoke_between("us-east-1", "caller")),
    Case("falsealarm16-us-invoke-region", "US", pg.invoke_between("us-east-1", "region")),
    Case("falsealarm16-us-invoke-partition", "US", pg.invoke_between("us-east-1", "partition")),
    Case("falsealarm16-us-invoke-zones", "US", pg.invoke_between("us-east-1", "zones")),
    Case("falsealarm16-us-invoke-twice", "US", pg.invoke_between("us-east-1", "twice")),
    Case("falsealarm16-us-invoke-after", "US", pg.invoke_between("us-east-1", "after")),
    Case("falsealarm16-cn-ali-invoke-account", "CN", pg.ali_invoke_between("cn-shanghai", "account")),
    Case("falsealarm16-cn-ali-invoke-zones", "CN", pg.ali_invoke_between("cn-shanghai", "zones")),
    Case("falsealarm16-cn-ali-invoke-account-again", "CN", pg.ali_invoke_between("cn-shanghai", "account-again")),
    Case("falsealarm16-cn-ali-component-state", "CN", pg.ali_component_state("cn-shanghai")),
    Case("falsealarm16-de-ali-invoke-account", "DE", pg.ali_invoke_between("eu-central-1", "account")),
    Case("falsealarm16-de-ali-invoke-zones", "DE", pg.ali_invoke_between("eu-central-1", "zones")),
    Case("falsealarm16-de-ali-invoke-account-again", "DE", pg.ali_invoke_between("eu-central-1", "account-again")),
    Case("falsealarm16-de-ali-component-state", "DE", pg.ali_component_state("eu-central-1")),
    Case("falsealarm16-cn-component-service-first", "CN", pg.component_archive("cn-north-1", "service-first")),
    Case("falsealarm16-cn-component-plain-first", "CN", pg.component_archive("cn-north-1", "plain-first")),
    Case("falsealarm16-cn-component-nested", "CN", pg.component_archive("cn-north-1", "nested")),
    Case("falsealarm16-cn-component-invoke", "CN", pg.component_archive("cn-north-1", "invoke")),
    Case("falsealarm16-eu-component-service-first", "EU", pg.component_archive("eu-west-1", "service-first")),
    Case("falsealarm16-eu-component-plain-first", "EU", pg.component_archive("eu-west-1", "plain-first")),
    Case("falsealarm16-eu-component-nested", "EU", pg.component_archive("eu-west-1", "nested")),
    Case("falsealarm16-eu-component-invoke", "EU", pg.component_archive("eu-west-1", "invoke")),
    Case("falsealarm16-jp-component-service-first", "JP", pg.component_archive("ap-northeast-1", "service-first")),
    Case("falsealarm16-jp-component-plain-first", "JP", pg.component_archive("ap-northeast-1", "plain-first")),
    Case("falsealarm16-jp-component-nested", "JP", pg.component_archive("ap-northeast-1", "nested")),
    Case("falsealarm16-jp-component-invoke", "JP", pg.component_archive("ap-northeast-1", "invoke")),
    Case("falsealarm16-cn-loop-two-loops", "CN", pg.loop_sites("cn-north-1", "two-loops")),
    Case("falsealarm16-cn-loop-helper", "CN", pg.loop_sites("cn-north-1", "helper")),
    Case("falsealarm16-cn-loop-dict", "CN", pg.loop_sites("cn-north-1", "dict")),
    Case("falsealarm16-de-loop-two-loops", "DE", pg.loop_sites("eu-central-1", "two-loops")),
    Case("falsealarm16-de-loop-helper", "DE", pg.loop_sites("eu-central-1", "helper")),
    Case("falsealarm16-de-loop-dict", "DE", pg.loop_sites("eu-central-1", "dict")),
    Case("falsealarm16-us-loop-two-loops", "US", pg.loop_sites("us-east-1", "two-loops")),
    Case("falsealarm16-us-loop-helper", "US", pg.loop_sites("us-east-1", "helper")),
    Case("falsealarm16-us-loop-dict", "US", pg.loop_sites("us-east-1", "dict")),
    Case("falsealarm16-cn-shared-bucket-after", "CN", pg.shared_bucket("cn-north-1", "after")),
    Case("falsealarm16-cn-shared-bucket-middle", "CN", pg.shared_bucket("cn-north-1", "middle")),
    Case("falsealarm16-eu-shared-bucket-after", "EU", pg.shared_bucket("eu-west-1", "after")),
    Case("falsealarm16-eu-shared-bucket-middle", "EU", pg.shared_bucket("eu-west-1", "middle")),
    Case("falsealarm16-jp-shared-bucket-after", "JP", pg.shared_bucket("ap-northeast-1", "after")),
    Case("falsealarm16-jp-shared-bucket-middle", "JP", pg.shared_bucket("ap-northeast-1", "middle")),
    Case("falsealarm16-us-shared-bucket-after", "US", pg.shared_bucket("us-east-1", "after")),
    Case("falsealarm16-us-shared-bucket-middle", "US", pg.shared_bucket("us-east-1", "middle")),
    Case("falsealarm16-cn-s3-host-regional", "CN", pg.s3_regional_hosts("cn-north-1", "regional")),
    Case("falsealarm16-cn-s3-host-dualstack", "CN", pg.s3_regional_hosts("cn-north-1", "dualstack")),
    Case("falsealarm16-cn-s3-host-accelerate-name", "CN", pg.s3_regional_hosts("cn-north-1", "accelerate-name")),
    Case("falsealarm16-cn-s3-host-later", "CN", pg.s3_regional_hosts("cn-north-1", "later")),
    Case("falsealarm16-eu-s3-host-regional", "EU", pg.s3_regional_hosts("eu-west-1", "regional")),
    Case("falsealarm16-eu-s3-host-dualstack", "EU", pg.s3_regional_hosts("eu-west-1", "dualstack")),
    Case("falsealarm16-eu-s3-host-accelerate-name", "EU", pg.s3_regional_hosts("eu-west-1", "accelerate-name")),
    Case("falsealarm16-eu-s3-host-later", "EU", pg.s3_regional_hosts("eu-west-1", "later")),
    Case("falsealarm16-de-s3-host-regional", "DE", pg.s3_regional_hosts("eu-central-1", "regional")),
    Case("falsealarm16-de-s3-host-dualstack", "DE", pg.s3_regional_hosts("eu-central-1", "dualstack")),
    Case("falsealarm16-de-s3-host-accelerate-name", "DE", pg.s3_regional_hosts("eu-central-1", "accelerate-name")),
    Case("falsealarm16-de-s3-host-later", "DE", pg.s3_regional_hosts("eu-central-1", "later")),
    Case("falsealarm16-us-s3-host-regional", "US", pg.s3_regional_hosts("us-east-1", "regional")),
    Case("falsealarm16-us-s3-host-dualstack", "US", pg.s3_regional_hosts("us-east-1", "dualstack")),
    Case("falsealarm16-us-s3-host-accelerate-name", "US", pg.s3_regional_hosts("us-east-1", "accelerate-name")),
    Case("falsealarm16-us-s3-host-later", "US", pg.s3_regional_hosts("us-east-1", "later")),
    Case("falsealarm16-cn-emr-dlf-vpc", "CN", pg.emr_dlf("cn-shanghai", "vpc")),
    Case("falsealarm16-cn-emr-dlf-public", "CN", pg.emr_dlf("cn-shanghai", "public")),
    Case("falsealarm16-cn-emr-dlf-region-only", "CN", pg.emr_dlf("cn-shanghai", "region-only")),
    Case("falsealarm16-cn-emr-dlf-spark", "CN", pg.emr_dlf("cn-shanghai", "spark")),
    Case("falsealarm16-cn-bj-emr-dlf-vpc", "CN", pg.emr_dlf("cn-beijing", "vpc")),
    Case("falsealarm16-cn-bj-emr-dlf-public", "CN", pg.emr_dlf("cn-beijing", "public")),
    Case("falsealarm16-cn-bj-emr-dlf-region-only", "CN", pg.emr_dlf("cn-beijing", "region-only")),
    Case("falsealarm16-cn-bj-emr-dlf-spark", "CN", pg.emr_dlf("cn-beijing", "spark")),
    Case("falsealarm16-de-emr-dlf-vpc", "DE", pg.emr_dlf("eu-central-1", "vpc")),
    Case("falsealarm16-de-emr-dlf-public", "DE", pg.emr_dlf("eu-central-1", "public")),
    Case("falsealarm16-de-emr-dlf-region-only", "DE", pg.emr_dlf("eu-central-1", "region-only")),
    Case("falsealarm16-de-emr-dlf-spark", "DE", pg.emr_dlf("eu-central-1", "spark")),
    Case("falsealarm16-cn-ros-nested-pseudo", "CN", pg.ros_nested("cn-shanghai", "pseudo")),
    Case("falsealarm16-cn-ros-nested-given-region-ref", "CN", pg.ros_nested("cn-shanghai", "given-region-ref")),
    Case("falsealarm16-cn-ros-nested-literal", "CN", pg.ros_nested("cn-shanghai", "literal")),
    Case("falsealarm16-cn-ros-nested-output", "CN", pg.ros_nested("cn-shanghai", "output")),
    Case("falsealarm16-cn-ros-nested-output-abroad", "CN", pg.ros_nested("cn-shanghai", "output-abroad"), {"RES-006"}),
    Case("falsealarm16-cn-ros-nested-yaml", "CN", pg.ros_nested("cn-shanghai", "yaml")),
    Case("falsealarm16-cn-ros-nested-two-levels", "CN", pg.ros_nested("cn-shanghai", "two-levels")),
    Case("falsealarm16-cn-ros-nested-bucket-output", "CN", pg.ros_nested("cn-shanghai", "bucket-output")),
    Case("falsealarm16-cn-ros-oos-region-id", "CN", pg.ros_oos_runbook("cn-shanghai", "region-id")),
    Case("falsealarm16-cn-ros-oos-snapshot", "CN", pg.ros_oos_runbook("cn-shanghai", "snapshot")),
    Case("falsealarm16-cn-ros-oos-default-home", "CN", pg.ros_oos_runbook("cn-shanghai", "default-home")),
    Case("falsealarm16-cn-ros-oos-yaml", "CN", pg.ros_oos_runbook("cn-shanghai", "yaml")),
    Case("falsealarm16-cn-ecs-command-ossutil", "CN", pg.ecs_command("cn-shanghai", "ossutil")),
    Case("falsealarm16-cn-ecs-command-aliyun-region", "CN", pg.ecs_command("cn-shanghai", "aliyun-region")),
    Case("falsealarm16-cn-ecs-command-instance-id", "CN", pg.ecs_command("cn-shanghai", "instance-id")),
    Case("falsealarm16-cn-ecs-command-custom", "CN", pg.ecs_command("cn-shanghai", "custom")),
    Case("falsealarm16-de-ros-nested-pseudo", "DE", pg.ros_nested("eu-central-1", "pseudo")),
    Case("falsealarm16-de-ros-nested-given-region-ref", "DE", pg.ros_nested("eu-central-1", "given-region-ref")),
    Case("falsealarm16-de-ros-nested-literal", "DE", pg.ros_nested("eu-central-1", "literal")),
    Case("falsealarm16-de-ros-nested-output", "DE", pg.ros_nested("eu-central-1", "output")),
    Case("falsealarm16-de-ros-nested-output-abroad", "DE", pg.ros_nested("eu-central-1", "output-abroad"), {"RES-006"}),
    Case("falsealarm16-de-ros-nested-yaml", "DE", pg.ros_nested("eu-central-1", "yaml")),
    Case("falsealarm16-de-ros-nested-two-levels", "DE", pg.ros_nested("eu-central-1", "two-levels")),
    Case("falsealarm16-de-ros-nested-bucket-output", "DE", pg.ros_nested("eu-central-1", "bucket-output")),
    Case("falsealarm16-de-ros-oos-region-id", "DE", pg.ros_oos_runbook("eu-central-1", "region-id")),
    Case("falsealarm16-de-ros-oos-snapshot", "DE", pg.ros_oos_runbook("eu-central-1", "snapshot")),
    Case("falsealarm16-de-ros-oos-default-home", "DE", pg.ros_oos_runbook("eu-central-1", "default-home")),
    Case("falsealarm16-de-ros-oos-yaml", "DE", pg.ros_oos_runbook("eu-central-1", "yaml")),
    Case("falsealarm16-de-ecs-command-ossutil", "DE", pg.ecs_command("eu-central-1", "ossutil")),
    Case("falsealarm16-de-ecs-command-aliyun-region", "DE", pg.ecs_command("eu-central-1", "aliyun-region")),
    Case("falsealarm16-de-ecs-command-instance-id", "DE", pg.ecs_command("eu-central-1", "instance-id")),
    Case("falsealarm16-de-ecs-command-custom", "DE", pg.ecs_command("eu-central-1", "custom")),
    Case("falsealarm16-cn-cfn-given-output-bucket", "CN", pg.cfn_given_output("cn-north-1", "bucket")),
    Case("falsealarm16-cn-cfn-given-output-region", "CN", pg.cfn_given_output("cn-north-1", "region")),
    Case("falsealarm16-eu-cfn-given-output-bucket", "EU", pg.cfn_given_output("eu-west-1", "bucket")),
    Case("falsealarm16-eu-cfn-given-output-region", "EU", pg.cfn_given_output("eu-west-1", "region")),
    Case("falsealarm16-de-cfn-given-output-bucket", "DE", pg.cfn_given_output("eu-central-1", "bucket")),
    Case("falsealarm16-de-cfn-given-output-region", "DE", pg.cfn_given_output("eu-central-1", "region")),
    Case("falsealarm16-jp-cfn-given-output-bucket", "JP", pg.cfn_given_output("ap-northeast-1", "bucket")),
    Case("falsealarm16-jp-cfn-given-output-region", "JP", pg.cfn_given_output("ap-northeast-1", "region")),
    Case("falsealarm16-us-cfn-given-output-bucket", "US", pg.cfn_given_output("us-east-1", "bucket")),
    Case("falsealarm16-us-cfn-given-output-region", "US", pg.cfn_given_output("us-east-1", "region")),
    Case("falsealarm16-cn-cli-zone-subnet", "CN", pg.cli_zone_script("cn-north-1", "subnet", "cn-north-1a")),
    Case("falsealarm16-cn-cli-zone-subnet-id", "CN", pg.cli_zone_script("cn-north-1", "subnet-id", "cnn1-az1")),
    Case("falsealarm16-cn-cli-zone-equals", "CN", pg.cli_zone_script("cn-north-1", "equals", "cn-north-1a")),
    Case("falsealarm16-cn-cli-zone-volume-imds", "CN", pg.cli_zone_script("cn-north-1", "volume-imds", "")),
    Case("falsealarm16-cn-cli-zone-asg", "CN", pg.cli_zone_script("cn-north-1", "asg", "cn-north-1a")),
    Case("falsealarm16-cn-cli-zone-offerings", "CN", pg.cli_zone_script("cn-north-1", "offerings", "cnn1-az1")),
    Case("falsealarm16-cn-cli-zone-user-data", "CN", pg.cli_zone_script("cn-north-1", "user-data", "cn-north-1a")),
    Case("falsealarm16-eu-cli-zone-subnet", "EU", pg.cli_zone_script("eu-west-1", "subnet", "eu-west-1b")),
    Case("falsealarm16-eu-cli-zone-subnet-id", "EU", pg.cli_zone_script("eu-west-1", "subnet-id", "euw1-az2")),
    Case("falsealarm16-eu-cli-zone-equals", "EU", pg.cli_zone_script("eu-west-1", "equals", "eu-west-1b")),
    Case("falsealarm16-eu-cli-zone-volume-imds", "EU", pg.cli_zone_script("eu-west-1", "volume-imds", "")),
    Case("falsealarm16-eu-cli-zone-asg", "EU", pg.cli_zone_script("eu-west-1", "asg", "eu-west-1b")),
    Case("falsealarm16-eu-cli-zone-offerings", "EU", pg.cli_zone_script("eu-west-1", "offerings", "euw1-az2")),
    Case("falsealarm16-eu-cli-zone-user-data", "EU", pg.cli_zone_script("eu-west-1", "user-data", "eu-west-1b")),
    Case("falsealarm16-de-cli-zone-subnet", "DE", pg.cli_zone_script("eu-central-1", "subnet", "eu-central-1a")),
    Case("falsealarm16-de-cli-zone-subnet-id", "DE", pg.cli_zone_script("eu-central-1", "subnet-id", "euc1-az2")),
    Case("falsealarm16-de-cli-zone-equals", "DE", pg.cli_zone_script("eu-central-1", "equals", "eu-central-1a")),
    Case("falsealarm16-de-cli-zone-volume-imds", "DE", pg.cli_zone_script("eu-central-1", "volume-imds", "")),
    Case("falsealarm16-de-cli-zone-asg", "DE", pg.cli_zone_script("eu-central-1", "asg", "eu-central-1a")),
    Case("falsealarm16-de-cli-zone-offerings", "DE", pg.cli_zone_script("eu-central-1", "offerings", "euc1-az2")),
    Case("falsealarm16-de-cli-zone-user-data", "DE", pg.cli_zone_script("eu-central-1", "user-data", "eu-central-1a")),
    Case("falsealarm16-jp-cli-zone-subnet", "JP", pg.cli_zone_script("ap-northeast-1", "subnet", "ap-northeast-1a")),
    Case("falsealarm16-jp-cli-zone-subnet-id", "JP", pg.cli_zone_script("ap-northeast-1", "subnet-id", "apne1-az4")),
    Case("falsealarm16-jp-cli-zone-equals", "JP", pg.cli_zone_script("ap-northeast-1", "equals", "ap-northeast-1a")),
    Case("falsealarm16-jp-cli-zone-volume-imds", "JP", pg.cli_zone_script("ap-northeast-1", "volume-imds", "")),
    Case("falsealarm16-jp-cli-zone-asg", "JP", pg.cli_zone_script("ap-northeast-1", "asg", "ap-northeast-1a")),
    Case("falsealarm16-jp-cli-zone-offerings", "JP", pg.cli_zone_script("ap-northeast-1", "offerings", "apne1-az4")),
    Case(
        "falsealarm16-jp-cli-zone-user-data", "JP", pg.cli_zone_script("ap-northeast-1", "user-data", "ap-northeast-1a")
    ),
    Case("falsealarm16-us-cli-zone-subnet", "US", pg.cli_zone_script("us-east-1", "subnet", "us-east-1b")),
    Case("falsealarm16-us-cli-zone-subnet-id", "US", pg.cli_zone_script("us-east-1", "subnet-id", "use1-az4")),
    Case("falsealarm16-us-cli-zone-equals", "US", pg.cli_zone_script("us-east-1", "equals", "us-east-1b")),
    Case("falsealarm16-us-cli-zone-volume-imds", "US", pg.cli_zone_script("us-east-1", "volume-imds", "")),
    Case("falsealarm16-us-cli-zone-asg", "US", pg.cli_zone_script("us-east-1", "asg", "us-east-1b")),
    Case("falsealarm16-us-cli-zone-offerings", "US", pg.cli_zone_script("us-east-1", "offerings", "use1-az4")),
    Case("falsealarm16-us-cli-zone-user-data", "US", pg.cli_zone_script("us-east-1", "user-data", "us-east-1b")),
    Case("falsealarm16-eu-cfn-given-literal-bucket", "EU", pg.cfn_given_output("eu-west-1", "bucket-literal")),
    Case("falsealarm16-jp-cfn-given-literal-bucket", "JP", pg.cfn_given_output("ap-northeast-1", "bucket-literal")),
    Case("falsealarm16-eu-cfn-given-other-bucket", "EU", pg.cfn_given_output("eu-west-1", "bucket-other"), {"RES-017"}),
    Case(
        "falsealarm16-us-cfn-given-other-bucket-output",
        "US",
        pg.cfn_given_output("us-east-1", "bucket-other-output"),
        {"RES-017"},
    ),
    Case(
        "falsealarm16-de-cfn-given-other-bucket-output",
        "DE",
        pg.cfn_given_output("eu-central-1", "bucket-other-output"),
        {"RES-017"},
    ),
    Case(
        "falsealarm16-eu-cfn-default-own-bucket-kept",
        "EU",
        pg.cfn_given_output("eu-west-1", "bucket-default"),
        {"RES-017"},
    ),
    Case("falsealarm16-us-cli-zone-local-zone", "US", pg.cli_zone_script("us-east-1", "subnet", "us-east-1-bos-1a")),
    Case(
        "falsealarm16-de-cli-zone-local-zone-kept",
        "DE",
        pg.cli_zone_script("eu-central-1", "subnet", "eu-central-1-ham-1a"),
        {"RES-008"},
    ),
    # -- stop 35, false-alarm review of RES-023 (tests/platform_programs_review35c.py): default key policies, CloudFront
    # OAC, load balancer / CloudTrail / Config / flow-log delivery, SNS / SQS / Lambda / EventBridge / ECR, OIDC and
    # same-account trust, replication between the stack's pinned accounts, and the policy forms, on pinned providers.
    *[
        Case(f"falsealarm17-{code.lower()}-{name}", code, make(code))
        for name, make in ph.SIMPLE.items()
        for code in ph.CODES
    ],
    *[
        Case(f"falsealarm17-{code.lower()}-elb-logs-{form}", code, ph.elb_logs(code, form))
        for form in ("account", "service", "nlb")
        for code in ph.CODES
    ],
    *[
        Case(f"falsealarm17-{code.lower()}-{service}-delivery", code, ph.delivery_policy(code, service))
        for service in ("cloudtrail", "config", "flowlogs")
        for code in ph.CODES
    ],
    *[
        Case(f"falsealarm17-{code.lower()}-policy-{form}", code, ph.policy_forms(code, form))
        for form in ph.FORMS
        for code in ph.CODES
    ],
    *[
        Case(f"falsealarm17-{code.lower()}-s3-replication-same", code, ph.s3_replication(code, "same"))
        for code in ph.CODES
    ],
    # The stack's other provider pinned to the team's second account: its account is the stack's own (grants review,
    # stop 36; refused at stop 35 as "kept", passing since); declared, it passes as well.
    *[
        Case(
            f"falsealarm17-{code.lower()}-{name}-second-{verdict}",
            code,
            make(code),
            set(),
            destinations=[ph.team_account(code, account)] if verdict == "declared" else [],
        )
        for name, make, account in (
            ("ecr", ph.ecr_second_account, ph.SECOND),
            ("s3-replication", lambda c: ph.s3_replication(c, "second"), ph.OWN),
        )
        for code in ph.CODES
        for verdict in ("kept", "declared")
    ],
    # GitHub Actions OIDC: the Federated principal passes RES-023; the provider's issuer URL is a destination (RES-015).
    *[
        Case(
            f"falsealarm17-{code.lower()}-github-oidc-{verdict}",
            code,
            ph.github_oidc(code),
            {"RES-015"} if verdict == "issuer" else set(),
            destinations=[ph.github_issuer(code)] if verdict == "declared" else [],
        )
        for code in ph.CODES
        for verdict in ("issuer", "declared")
    ],
    # -- grants36: a grant to an account another AWS provider of the stack is pinned to (RES-023) ----------------------
    *[
        Case(
            f"grants36-{code.lower()}-ecr-other-provider-{order}-{pin}",
            code,
            g36.ecr_other_provider(code, order, g36.SECOND, pin),
        )
        for code in g36.CODES
        for order in g36.ORDERS
        for pin in g36.PINS
    ],
    *[
        Case(
            f"grants36-{code.lower()}-ecr-stranger-{order}",
            code,
            g36.ecr_other_provider(code, order, g36.STRANGER),
            {"RES-023"} if code != "CN" else set(),
        )
        for code in g36.CODES
        for order in g36.ORDERS
    ],
    *[
        Case(
            f"grants36-{code.lower()}-ecr-stranger-declared",
            code,
            g36.ecr_other_provider(code, "after", g36.STRANGER),
            destinations=[g36.second_account(code, g36.STRANGER)],
        )
        for code in g36.CODES
    ],
    *[
        Case(
            f"grants36-{code.lower()}-lambda-other-provider-{order}-{who}",
            code,
            g36.lambda_other_provider(code, order, account),
            {"RES-023"} if who == "stranger" and code != "CN" else set(),
        )
        for code in g36.CODES
        for order in g36.ORDERS
        for who, account in (("second", g36.SECOND), ("stranger", g36.STRANGER))
    ],
    # -- grants36: grants outside a policy document (granted_account_fields) ------------------------------------------
    *[
        Case(
            f"grants36-{code.lower()}-{kind}-{who}",
            code,
            g36.grant(kind, code, account),
            {"RES-023"} if who == "stranger" and code != "CN" else set(),
            destinations=[g36.second_account(code, account)] if who == "declared" else [],
        )
        for code in g36.CODES
        for kind in g36.GRANTS
        for who, account in (("own", g36.OWN), ("stranger", g36.STRANGER), ("declared", g36.STRANGER))
    ],
    *[
        Case(
            f"grants36-{code.lower()}-kms-grant-other-provider-{order}", code, g36.kms_grant_other_provider(code, order)
        )
        for code in g36.CODES
        for order in g36.ORDERS
    ],
    # -- stop 36, red team round 12 (tests/platform_programs_redteam36.py): services and fields the providers added
    # recently (Mail Manager relays, Transfer connectors, telemetry centralisation and pipelines, Data Exports, S3
    # Tables replication, Aurora DSQL, AgentCore gateway targets, Verified Access, Security Lake, S3 Access Grants, KMS
    # grants, endpoint authorizations, ECR replication; EBS disk replication, MNS event rules, Logtail pipelines, FnF
    # flows, DTS migration, Config delivery channels, PAI datasets). The "home" twin passes; the "abroad" program is
    # refused.
    *[
        Case(f"redteam36-eu-{name}-{dest}", "EU", make("EU", dest), rules if dest == "abroad" else set())
        for name, (make, rules) in rt36.AWS_EU.items()
        for dest in ("home", "abroad")
    ],
    *[
        Case(f"redteam36-cn-{name}-{dest}", "CN", make("CN", dest), rules if dest == "abroad" else set())
        for name, (make, rules) in rt36.AWS_CN.items()
        for dest in ("home", "abroad")
    ],
    *[
        Case(
            f"redteam36-cn-ali-{name}-{dest}", "CN", pp.assuming_role(make(dest)), rules if dest == "abroad" else set()
        )
        for name, (make, rules) in rt36.ALI_CN.items()
        for dest in (("home", "abroad") if rules or not name.startswith("disk-") else ("home",))
    ],
    # A grant to another account declared in the register passes (kind: resident, the group's other EU account).
    *[
        Case(
            f"redteam36-eu-{name}-declared",
            "EU",
            rt36.AWS_EU[name][0]("EU", "abroad"),
            destinations=[rt36.PARTNER_DECLARED],
        )
        for name in (
            "kms-grant",
            "ecr-replication-account",
            "redshift-endpoint-authorization",
            "serverless-endpoint-owner",
        )
    ],
    # leftovers36 (stop 36): another kind's name through an Output proves no S3 bucket (a DynamoDB table's name)
    Case("leftovers36-eu-s3-env-from-table-name", "EU", pl36.s3_env_from_table(pl36.FRA, "table"), {"RES-017"}),
    Case("leftovers36-eu-s3-env-from-bucket", "EU", pl36.s3_env_from_table(pl36.FRA, "bucket")),
    Case("leftovers36-eu-s3-env-from-bucket-object", "EU", pl36.s3_env_from_table(pl36.FRA, "object")),
    # leftovers36: the legacy global virtual host of the stack's own bucket, written out or from the output alike
    Case("leftovers36-eu-s3-global-host-own-literal", "EU", pl36.s3_global_host(pl36.FRA, "literal")),
    Case("leftovers36-eu-s3-global-host-own-output", "EU", pl36.s3_global_host(pl36.FRA, "output")),
    Case("leftovers36-eu-s3-global-host-path-style", "EU", pl36.s3_global_host(pl36.FRA, "path"), {"RES-015"}),
    Case("leftovers36-eu-s3-global-host-foreign", "EU", pl36.s3_global_host(pl36.FRA, "foreign"), {"RES-015"}),
    # leftovers36: `${stageVariables.bucket}` when the API's only Stage names the stack's bucket: a false alarm kept at
    # stop 36, closed by the stage-variables join (stop 37: every Stage of the API sets it, each Stage's value judged as
    # a bucket; was `-own-bucket-kept`, RES-017); declared, it passed already
    Case(
        "leftovers36-eu-apigw-stage-variable-own-bucket",
        "EU",
        pl36.apigw_stage_variable_bucket(pl36.FRA),
    ),
    Case(
        "leftovers36-eu-apigw-stage-variable-own-bucket-declared",
        "EU",
        pl36.apigw_stage_variable_bucket(pl36.FRA),
        destinations=[
            {
                "id": "eu-upload-stage-bucket",
                "kind": "resident",
                "match": "stageVariables.bucket",
                "evidence": "every Stage of the uploads API (prod) sets bucket to fleet-diag-uploads, made by this "
                "stack in eu-central-1",
            }
        ],
    ),
    # -- accountsali36: a grant to another Alibaba Cloud account (RES-023 on Alibaba Cloud, stop 36) ----------------
    *[
        Case(
            f"accountsali36-{code.lower()}-{k}-{verdict}",
            code,
            aa36.grant(k, code, aa36.OWN if verdict == "own" else aa36.PARTNER),
            {"RES-023"} if verdict == "foreign" else set(),
            destinations=[aa36.resident(code, f"acs:ram::{aa36.PARTNER}:")] if verdict == "declared" else [],
        )
        for code in ("CN", "EU", "JP")
        for k in aa36.KINDS
        for verdict in ("own", "foreign", "declared")
    ],
    *[
        Case(
            f"accountsali36-cn-{k}-{form}-{verdict}",
            "CN",
            aa36.grant(k, "CN", aa36.OWN if verdict == "own" else aa36.PARTNER, form=form),
            {"RES-023"} if verdict == "foreign" else set(),
        )
        for k in ("ram-role", "kms-key", "rd-role")
        for form in ("role", "bare")
        for verdict in ("own", "foreign")
    ],
    *[
        Case(
            f"accountsali36-{code.lower()}-{k}-declared-uid",
            code,
            aa36.grant(k, code, aa36.PARTNER),
            destinations=[aa36.resident(code, aa36.PARTNER)],
        )
        for code in ("CN", "SG")
        for k in ("ram-role", "oss-bucket-policy", "shared-target")
    ],
    *[
        Case(
            f"accountsali36-eu-{k}-transfer",
            "EU",
            aa36.grant(k, "EU", aa36.PARTNER),
            destinations=[aa36.transfer("EU")],
        )
        for k in ("ram-role", "oss-bucket", "kms-key")
    ],
    Case(
        "accountsali36-cn-ram-role-declared-other",
        "CN",
        aa36.grant("ram-role", "CN", "9999000011112222"),
        {"RES-023"},
        destinations=[aa36.resident("CN", f"acs:ram::{aa36.PARTNER}:")],
    ),
    *[
        Case(
            f"accountsali36-{code.lower()}-{k}-oidc-{verdict}",
            code,
            aa36.grant(k, code, aa36.OWN if verdict == "own" else aa36.PARTNER, pinned="oidc"),
            {"RES-023"} if verdict == "foreign" else set(),
        )
        for code in ("CN", "SG")
        for k in ("ram-role", "oss-bucket-policy", "kms-key")
        for verdict in ("own", "foreign")
    ],
    # The behaviour change: a grant to the team's own account from a provider pinned to nothing, or only given an
    # `account_id` (which the provider takes as given, never checked against the credentials), is refused.
    *[
        Case(
            f"accountsali36-{code.lower()}-{k}-{pin}-own",
            code,
            aa36.grant(k, code, aa36.OWN, pinned=None if pin == "unpinned" else "account_id"),
            {"RES-023"},
        )
        for code in ("CN", "JP")
        for k in ("ram-role", "oss-bucket-policy", "kms-key", "shared-target")
        for pin in ("unpinned", "account-id")
    ],
    *[
        Case(
            f"accountsali36-{code.lower()}-share-targets-{verdict}",
            code,
            aa36.share_targets(code, aa36.OWN if verdict == "own" else aa36.PARTNER),
            {"RES-023"} if verdict == "foreign" else set(),
        )
        for code in ("CN", "EU")
        for verdict in ("own", "foreign")
    ],
    *[Case(f"accountsali36-{code.lower()}-not-grants", code, aa36.not_grants(code)) for code in ("CN", "JP")],
    Case("accountsali36-cn-kms-get-account-pinned", "CN", aa36.own_account_grant("CN", "role")),
    Case("accountsali36-cn-kms-get-account-unpinned", "CN", aa36.own_account_grant("CN", None), {"RES-023"}),
    Case("accountsali36-sg-kms-get-account-pinned", "SG", aa36.own_account_grant("SG", "oidc")),
    # The toolkit's own keys (AlicloudCountryKeys: a key policy for the account get_account reads) on a provider pinned
    # to nothing: refused, as the behaviour change says (the shipped stacks set alicloud:assumeRole).
    Case("accountsali36-cn-toolkit-storage-unpinned", "CN", pc.ali_toolkit_storage(pinned=False), {"RES-023"}),
    # -- lead, stop 36: an Alibaba Cloud account another provider of the stack deploys as is the stack's own ---------
    *[
        Case(
            f"accountsali36-{code.lower()}-second-provider-{who}-{'before' if first else 'after'}",
            code,
            aa36.second_provider_grant(
                code, aa36.ANALYTICS if who == "analytics" else aa36.PARTNER, second_first=first
            ),
            {"RES-023"} if who == "stranger" else set(),
        )
        for code in ("CN", "EU")
        for who in ("analytics", "stranger")
        for first in (True, False)
    ],
    # -- stop 36, false-alarm review of the registry's own examples (tests/platform_programs_review36.py, examples in
    # tests/fixtures/registry_examples36.yaml): every runnable `## Example Usage` program of 155 resource types, as a
    # user copies it, on the stack's provider. Kept refused (with the declaration that lets them run): an SNS webhook at
    # example.com, an Aurora restore from a bucket the stack did not make, an Alidns CNAME to another party's mail host.
    # RES-023: the examples granting the caller's account, refused on an unpinned provider outside aws-cn.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rx36.rows()],
    # stagevars36 (stop 36): an OAM link's sink names the account telemetry is shared with (RES-023): the stack's own
    # when any AWS provider of the stack pins it (the monitoring account's), refused in another account
    *[
        Case(
            f"stagevars36-{code.lower()}-oam-link-{sink}-sink",
            code,
            sv36.oam_link(code, sink),
            {"RES-023"} if sink == "partner" and code != "CN" else set(),
        )
        for code in ("EU", "JP", "US", "CN")
        for sink in ("made", "literal", "partner")
    ],
    Case(
        "stagevars36-eu-oam-link-partner-sink-declared",
        "EU",
        sv36.oam_link("EU", "partner"),
        destinations=[
            {
                "id": "eu-group-monitoring",
                "kind": "resident",
                "match": sv36.PARTNER,
                "evidence": "the group's EU monitoring account; SCP limits it to EU Regions",
            }
        ],
    ),
    # stagevars36: an SSM document shared with accounts written as one comma list, each judged (RES-023); `All` shares
    # it with every account
    *[
        Case(
            f"stagevars36-{code.lower()}-ssm-document-share-{accounts}",
            code,
            sv36.ssm_document_share(code, accounts),
            {"RES-023"} if accounts != "own" and code != "CN" else set(),
        )
        for code in ("EU", "JP", "US", "CN")
        for accounts in ("own", "partner", "one-partner")
    ],
    Case("stagevars36-eu-ssm-document-share-all", "EU", sv36.ssm_document_share("EU", "all"), {"RES-023"}),
    Case("stagevars36-cn-ssm-document-share-all", "CN", sv36.ssm_document_share("CN", "all")),
    # stagevars36: `${stageVariables.bucket}` with a partner's bucket on a Stage, the stack's beside a partner's, or no
    # Stage in the program: RES-017 (at the Integration at stop 36; since the stage-variables join, stop 37, at the
    # partner's Stage, and at the Integration when the API has no Stage: docs/residency.md, both bullets)
    *[
        Case(
            f"stagevars36-eu-apigw-stage-variable-{stages}",
            "EU",
            sv36.apigw_stage_variable_bucket(sv36.REGIONS["EU"], stages),
            {"RES-017"},
        )
        for stages in ("partner", "own-and-partner", "none")
    ],
    # -- stop 36, red team round 13 (tests/platform_programs_redteam37.py): AppFlow, Bedrock batch inference, invocation
    # logging, customisation, evaluation and knowledge bases, DataZone; PAI-EAS, SAE, Cloud Firewall, ALB rules and
    # AScripts, FC3 triggers, EventBridge rule targets and event streams, DTS, CEN, VPN and Express Connect. The "home"
    # twin passes; the "abroad" program is refused (a URL built from each event was the leak closed: eventbridge-*).
    *[
        Case(f"redteam37-eu-{name}-{dest}", "EU", make("EU", dest), rules if dest == "abroad" else set())
        for name, (make, rules) in rt37.AWS_EU.items()
        for dest in ("home", "abroad")
    ],
    *[
        Case(f"redteam37-eu-{name}-abroad", "EU", make("EU", "abroad"), {"RES-015"})
        for name, make in rt37.AWS_EU_SAAS.items()
    ],
    *[
        Case(
            f"redteam37-cn-ali-{name}-{dest}", "CN", pp.assuming_role(make(dest)), rules if dest == "abroad" else set()
        )
        for name, (make, rules) in rt37.ALI_CN.items()
        for dest in ("home", "abroad")
    ],
    # The event-built URL declared in the register by its template as written passes.
    Case(
        "redteam37-cn-ali-eventbridge-template-declared",
        "CN",
        rt37.eventbridge_template("abroad"),
        destinations=[
            {
                "id": "cn-event-callbacks",
                "kind": "resident",
                "match": "https://${host}/events",
                "evidence": "the events' host is one of the fleet's CN callback services, checked by the publisher",
            }
        ],
    ),
    # -- public36: a grant to everyone is refused unless restricted or declared (RES-024) ----------------------------
    *[
        Case(
            f"public36-{code.lower()}-{form}-{shape}",
            code,
            pub36.aws_form(form, code, shape),
            {"RES-024"} if shape == "public" else set(),
            destinations=[pub36.declared(form)] if shape == "declared" else [],
        )
        for code in pub36.CODES
        for form in pub36.AWS_FORMS
        for shape in pub36.SHAPES
    ],
    *[
        Case(
            f"public36-{code.lower()}-{form}-{shape}",
            code,
            pub36.ali_form(form, code, shape),
            {"RES-024"} if shape == "public" else set(),
            destinations=[pub36.declared(form)] if shape == "declared" else [],
        )
        for code in ("CN", "EU")
        for form in pub36.ALI_FORMS
        for shape in pub36.SHAPES
    ],
    Case(
        "public36-eu-s3-referer-policy-declared", "EU", referer_bucket_policy, destinations=[pub36.referer_declared()]
    ),
    # -- stop 36, mutation search round 9 (tests/platform_programs_mutants9.py): a telemetry centralisation rule copies
    # the organisation's logs into `rule.destination.account`, judged as a grant (RES-023): the pinned account or
    # another provider's passes, an account nothing pins is refused, declared it passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in mu9.rows()],
    # -- stop 36, false-alarm review of this stop's changes (tests/platform_programs_review36b.py): the stack's own
    # bucket's name through resources that are not the bucket, its global virtual host, grants to its own accounts.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rx36b.rows()],
    # -- public37, red team of RES-024 (tests/platform_programs_public37.py): an EventBridge permission to `*`, a
    # source-address "restriction" that holds every address, a public Container Registry repository or namespace
    *[
        Case(
            f"public37-{code.lower()}-{form}-{shape}",
            code,
            pub37.aws_form(form, code, shape),
            {"RES-024"} if shape == "public" else set(),
            destinations=[pub37.declared(form)] if shape == "declared" else [],
        )
        for code in pub37.CODES
        for form in pub37.AWS_FORMS
        for shape in pub37.SHAPES
    ],
    *[
        Case(
            f"public37-{code.lower()}-{form}-{shape}",
            code,
            pub37.ali_form(form, code, shape),
            {"RES-024"} if shape == "public" else set(),
            destinations=[pub37.declared(form)] if shape == "declared" else [],
        )
        for code in pub37.ALI_CODES
        for form in pub37.ALI_FORMS
        for shape in pub37.SHAPES
    ],
    # -- stop 36, false-alarm review of RES-024 (tests/platform_programs_review36c.py): `*` and service principals the
    # way AWS's and Alibaba Cloud's docs write them for access that is not public.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rx36c.rows()],
    # -- autoname37, the auto-named bucket review (stop 37): the guard learns the name the provider assigns a bucket
    # the stack makes without `bucket` (rx36b.KEPT, now in the table as falsealarm19-*-auto); the same shapes naming a
    # bucket the stack does not make (computed from the own name, `<name>-partner`, or written plainly) stay RES-017.
    *[
        Case(f"autoname37-{code.lower()}-{how}-{form}", code, rx36b.via(code, how, False, form), {"RES-017"})
        for code in ("EU", "DE", "JP", "US")
        for how in rx36b.KEPT
        for form in ("derived", "literal")
    ],
    # -- stop 37, cross-account writes review (tests/platform_programs_crossaccount37.py): a destination ARN the stack
    # writes into (a queue, event bus, log destination, delivery destination, dead-letter queue) of another account is a
    # transfer to that account (RES-023, written_account_fields); the pinned account, a second pinned provider's
    # account, a made resource's output and a declared account pass. aws-cn accounts are China's by partition.
    *[
        Case(
            f"crossaccount37-{code.lower()}-{kind}-{dest}",
            code,
            ca37.write(kind, code, dest),
            {"RES-023"} if dest == "partner" and code != "CN" else set(),
            destinations=[ca37.PARTNER_DECLARED] if dest == "declared" else [],
        )
        for code in ("EU", "US", "JP", "CN")
        for kind in ca37.KINDS
        for dest in ca37.DESTS
        if code != "CN" or dest in ("partner", "own", "made")
    ],
    *[
        Case(
            f"crossaccount37-cn-ali-{kind}-{dest}",
            "CN",
            ca37.ali_write(kind, dest),
            {"RES-023"} if dest in ("partner", "own-unpinned") else set(),
            destinations=[ca37.ALI_PARTNER_DECLARED] if dest == "declared" else [],
        )
        for kind in ca37.ALI_KINDS
        for dest in ca37.ALI_DESTS
    ],
    # -- stop 37, red team round 14 (tests/platform_programs_redteam38.py): Aurora DSQL, WorkSpaces Secure Browser,
    # AgentCore browser recordings, Bedrock batch and Lex models, AppFlow, exports, DataSync; FC3 / FC2 functions,
    # asynchronous destinations and custom domains, SAE configuration maps, PAI-EAS, SLS, Cloud Firewall. The "home"
    # twin passes; the "abroad" program is refused (or, where the entry says so, checked and kept passing). Leaks
    # closed: a batch job's and a Lex intent's cross-region profile, a browser portal's Google sign-in, an FC3 mount.
    *[
        Case(f"redteam38-eu-{name}-{dest}", "EU", make(dest), rules if dest == "abroad" else set())
        for name, (make, rules) in rt38.AWS_EU.items()
        for dest in ("home", "abroad")
    ],
    *[
        Case(f"redteam38-eu-{name}-abroad", "EU", make("abroad"), rules)
        for name, (make, rules) in rt38.AWS_EU_ABROAD.items()
    ],
    *[
        Case(
            f"redteam38-cn-ali-{name}-{dest}", "CN", pp.assuming_role(make(dest)), rules if dest == "abroad" else set()
        )
        for name, (make, rules) in rt38.ALI_CN.items()
        for dest in ("home", "abroad")
    ],
    # -- stop 37, the stage-variables join (tests/platform_programs_stagevars37.py): an S3 integration's bucket from a
    # stage variable is proven when every Stage of its RestApi in the program sets it, each Stage's value judged as a
    # bucket (RES-017 at the Stage); no Stage of the API, or one leaving it unset, stays RES-017 at the Integration.
    # aws-cn: every bucket name is the partition's, so CN passes whatever the Stages hold.
    *[
        Case(
            f"stagevars37-{code.lower()}-apigw-stage-bucket-{shape}",
            code,
            sv37.apigw_stage_bucket(code, shape),
            set() if code == "CN" or shape in _SV37_OWN else {"RES-017"},
        )
        for code in ("EU", "JP", "US", "CN")
        for shape in sv37.SHAPES
    ],
    # The partner's bucket on the Stage, declared in the register by its name: passes.
    Case(
        "stagevars37-eu-apigw-stage-bucket-partner-declared",
        "EU",
        sv37.apigw_stage_bucket("EU", "partner"),
        destinations=[
            {
                "id": "eu-partner-diag-uploads",
                "kind": "resident",
                "match": sv37.PARTNER_BUCKET,
                "evidence": "the partner's bucket is in eu-central-1 (its contract, annex 2)",
            }
        ],
    ),
    # -- stop 37, false-alarm hunt over pulumi's example programs (tests/platform_programs_falsealarm21.py): whole
    # programs of pulumi/examples and pulumi/templates ported to pulumi-aws v7 / pulumi-alicloud 4, one stack each.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa21.rows()],
    # -- stop 39, REST APIs whose endpoint type AWS picks (tests/platform_programs_apigw39.py): a RestApi with an
    # OpenAPI body and no endpoint type (whatever the body or `parameters` say), a REST custom domain name and a
    # template's DomainName / RestApi without one are edge-optimised (RES-016, CN too); the REGIONAL / PRIVATE twins,
    # the declared twins and HTTP / WebSocket APIs (regional only) pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in agw39.rows()],
    # -- stop 39, stage-variable hosts (tests/platform_programs_stagehosts39.py): an HTTP integration's host from a
    # stage variable (REST `uri`, a path placeholder mapped to it, an HTTP API's `integration_uri`) is proven when every
    # Stage of its API in the program (and every canary) sets it, each Stage's value judged as the host it makes
    # (RES-015 at the Stage); no Stage, one leaving it unset, or another API's Stage: RES-015 at the Integration.
    *[
        Case(
            f"stagehosts39-{code.lower()}-rest-{shape}",
            code,
            sh39.rest_stage_host(code, shape),
            set() if shape in sh39.REST_PASSING else {"RES-015"},
        )
        for code in ("EU", "JP", "US", "CN")
        for shape in sh39.REST_SHAPES
    ],
    *[
        Case(
            f"stagehosts39-{code.lower()}-http-api-{shape}",
            code,
            sh39.http_api_stage_host(code, shape),
            set() if shape in sh39.HTTP_PASSING else {"RES-015"},
        )
        for code in ("EU", "JP", "US", "CN")
        for shape in sh39.HTTP_SHAPES
    ],
    # Declared twins: the partner's host on a Stage (or a canary) declared by its name; an API whose Stages live
    # outside the program, by the exact expression.
    *[
        Case(
            f"stagehosts39-eu-rest-{shape}-declared",
            "EU",
            sh39.rest_stage_host("EU", shape),
            destinations=[
                {
                    "id": "orders-partner",
                    "kind": "resident",
                    "match": sh39.PARTNER_HOST if shape != "no-stage" else "stageVariables.backend",
                    "evidence": "the partner's order service runs in eu-central-1 (its contract, annex 3); the "
                    "Stages of the API are made by the platform stack, each naming that host",
                }
            ],
        )
        for shape in ("partner", "canary-partner", "no-stage")
    ],
    # -- stop 39, red team round 15 (tests/platform_programs_redteam39.py): Security Hub aggregators linking every
    # Region, Image Builder distributions into other accounts, a Logs account-wide subscription policy, an MSK VPC
    # connection, the notification topics and targets of 17 types, zero-ETL integrations, an SNS data protection policy
    # (a false alarm closed); ECS image pipelines, exports and copies. The "home" twin passes; the "abroad" program is
    # refused (in CN, linking every aws-cn Region passes), and where DECLARED says so passes once declared.
    *[
        Case(f"redteam39-eu-{name}-{dest}", "EU", make(dest, "EU"), rules if dest == "abroad" else set())
        for name, (make, rules) in rt39.AWS.items()
        for dest in ("home", "abroad")
    ],
    *[
        Case(
            f"redteam39-{code.lower()}-{name}-{dest}",
            code,
            rt39.AWS[name][0](dest, code),
            rt39.AWS[name][1] if dest == "abroad" else set(),
        )
        for name in rt39.AWS_JP_US
        for code in ("JP", "US")
        for dest in ("home", "abroad")
    ],
    *[Case(f"redteam39-cn-{name}-abroad", "CN", rt39.AWS[name][0]("abroad", "CN")) for name in rt39.AWS_CN_PASSES],
    *[
        Case(f"redteam39-cn-ali-{name}-{dest}", "CN", make(dest), rules if dest == "abroad" else set())
        for name, (make, rules) in rt39.ALI_CN.items()
        for dest in ("home", "abroad")
    ],
    *[
        Case(
            f"redteam39-{code.lower()}-{name}-declared",
            code,
            (rt39.ALI_CN[name][0]("abroad") if code == "CN" else rt39.AWS[name][0]("abroad", code)),
            destinations=[declared],
        )
        for name, (code, declared) in rt39.DECLARED.items()
    ],
    # -- stop 39, false-alarm hunt over the Terraform registry's example programs
    # (tests/platform_programs_falsealarm22.py): the examples/ folders of terraform-aws-modules and the Alibaba Cloud
    # modules, each module call written as the resources it makes, one stack each; genuine refusals kept with their
    # declared twins.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa22.rows()],
    # -- stop 39, cross-account writes (tests/platform_programs_crossaccount39.py): more destination fields judged by
    # RES-023 as written_account_fields (Firehose, IoT rule actions including an SQS queue URL, event subscriptions,
    # notification topics, SES, composite alarms, metric streams, dead-letter queues in a redrive policy's JSON, query
    # and search logs). Another account's destination is refused in EU, JP and US; the pinned account and the declared
    # partner pass; in CN every aws-cn account is China's by partition, so the partner passes there too.
    *[
        Case(
            f"crossaccount39-{code.lower()}-{kind}-{dest}",
            code,
            ca39.write(kind, code, dest),
            {"RES-023"} if dest == "partner" and code != "CN" else set(),
            destinations=[ca39.PARTNER_DECLARED] if dest == "declared" else [],
        )
        for kind in ca39.KINDS
        for code in (ca39.jurisdiction_of(kind), "CN")
        for dest in ca39.DESTS
        if code != "CN" or dest != "declared"
    ],
    # The provider's pinned account is an Output: the guard waits for it, as the plan and the pack read it resolved.
    *[
        Case(
            f"crossaccount39-eu-{kind}-{dest}",
            "EU",
            ca39.write(kind, "EU", dest),
            {"RES-023"} if dest.startswith("partner") else set(),
        )
        for kind in ca39.PINNED_LATER_KINDS
        for dest in ("own-pinned-later", "partner-pinned-later")
    ],
    # Alibaba Cloud destination ARNs (acs:<service>:<region>:<uid>:...): judged as grants; the own UID proven by the
    # role the provider assumes (now or once an Output resolves); under a provider assuming none refused (stop 40).
    *[
        Case(
            f"crossaccount39-cn-ali-{kind}-{dest}",
            "CN",
            ca39.ali_write(kind, dest),
            {"RES-023"} if dest in ("partner", "partner-pinned-later", "partner-unpinned") else set(),
            destinations=[ca39.ALI_PARTNER_DECLARED] if dest == "declared" else [],
        )
        for kind in ca39.ALI_KINDS
        for dest in ca39.ALI_DESTS
    ],
    # -- stop 40, "not judged" entries closed (tests/platform_programs_unjudged40.py): Elastic Beanstalk notification
    # endpoints, topics and environment-property buckets (option settings read by namespace, config_items), SMS event
    # destinations' log group and Firehose stream, Mail Manager mailbox deliveries (written_account_fields) and a
    # MAIL_TO recipient variable; each passed every front door before. Partner twins refused, own / made / declared
    # twins pass; in CN an aws-cn account or bucket is China's by partition.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in uj40.rows()],
    # -- stop 40, false-alarm hunt over the registry's examples of data-carrying types not ported yet
    # (tests/platform_programs_falsealarm23.py, tests/fixtures/registry_examples_falsealarm23.yaml): 60 examples, each
    # in CN and one other stack; genuine refusals kept with their declared twins; the fixed false alarms' offending
    # twins.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa23.rows()],
    # -- stop 40, API Gateway bodies, Deployment variables and VPC links (tests/platform_programs_stages40.py): an
    # OpenAPI body's stage-variable host or bucket joined to the RestApi's Stages like an Integration's uri; a
    # Deployment's `variables` reach no Stage in v7 and prove nothing; a VPC-link private integration judged by the
    # load balancer it reaches when the program makes the link, not by its Host header.
    *[
        Case(
            f"stages40-{code.lower()}-body-{shape}", code, st40.rest_body(code, shape), st40.body_expected(code, shape)
        )
        for code in ("EU", "JP", "US", "CN")
        for shape in st40.BODY_SHAPES
    ],
    *[
        Case(
            f"stages40-{code.lower()}-deployment-{shape}",
            code,
            st40.deployment_variables(code, shape),
            {"RES-015"} if shape == "variables-only" else set(),
        )
        for code in ("EU", "JP", "US", "CN")
        for shape in st40.DEPLOYMENT_SHAPES
    ],
    *[
        Case(
            f"stages40-{code.lower()}-vpc-link-{shape}",
            code,
            st40.vpc_link(code, shape),
            st40.link_expected(code, shape),
        )
        for code in ("EU", "JP", "US", "CN")
        for shape in st40.LINK_SHAPES
    ],
    # -- stop 40, red team round 40 (tests/platform_programs_redteam40.py): the input naming the OTHER account that
    # owns what the stack's network or data is joined to (VPC / transit gateway peerings, an ENI permission; DTS into
    # another account's RDS, an OSS inventory into its bucket, registry sync, transit router / Express Connect Router
    # attachments, grants to another account's CEN, a PrivateLink whitelist, an ENI permission, a VPC peering), and two
    # AWS addresses under no host key (a Redshift HSM, a directory trust's DNS forwarders). "home" passes, "abroad" is
    # refused (in CN an aws-cn partner passes), "declared" passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rt40.rows()],
    # -- stop 40, triage of the rest of the registry scan's refusals (tests/platform_programs_falsealarm24.py,
    # tests/fixtures/registry_examples_falsealarm24.yaml): the port's localiser gaps as left (refused) and localised
    # by hand (pass); a CloudMonitor double write to the caller's account, refused under an unpinned provider, passing
    # under the team's role (its partner twin refused) or declared; PolarDB on ENS nodes (RES-011, open).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa24.rows()],
    # -- stop 40, Alibaba accounts in written destinations (docs/residency.md): the account in an Alibaba Cloud
    # destination's ARN is judged whatever the provider, as an Alibaba Cloud grant is (RES-023). The compliant programs
    # that wrote into their own account now assume the team's role (their fix); these twins keep a provider assuming
    # none: refused (EventBridge -> MNS in CN, ActionTrail -> SLS in DE, FC asynchronous failures -> MNS in CN), or
    # passed once the stack declares its own UID.
    Case(
        "alirole40-cn-ali-cms-alarm-to-mns-no-role",
        "CN",
        pp.ali_cms_alarm_to_mns("cn-shanghai", role=False),
        {"RES-023"},
    ),
    Case("alirole40-de-ali-audit-trail-no-role", "DE", pi.ali_audit_trail("eu-central-1", own_role=False), {"RES-023"}),
    Case(
        "alirole40-cn-fc-failures-own-queue-no-role",
        "CN",
        newsvc_fc_async_failure("acs:mns:cn-shanghai:1234567890123456:/queues/charge-dlq/messages"),
        {"RES-023"},
    ),
    Case(
        "alirole40-cn-ali-cms-alarm-to-mns-no-role-declared",
        "CN",
        pp.ali_cms_alarm_to_mns("cn-shanghai", role=False),
        destinations=[OWN_UID_DECLARED],
    ),
    # -- stop 41, false-alarm hunt 25 (tests/platform_programs_falsealarm25.py, the examples verbatim in
    # tests/fixtures/registry_examples_falsealarm25.yaml, scanned by tests/registry_scan.py): registry examples of
    # data-carrying modules no earlier hunt scanned (Keyspaces, Timestream, Neptune Analytics, Aurora DSQL, S3 Tables,
    # Glacier, EMR Serverless, Lake Formation, Clean Rooms, AppFlow, AMP, SES; PolarDB-X, Lindorm, ClickHouse,
    # SelectDB, StarRocks, GDB, Cassandra, Flink, PAI, IMM, DBFS, DFS, Hologres, Serverless Workflow ...), each in CN
    # and one other stack; the genuine refusals with their declared twins; twins keeping a foreign Region the port
    # would localise (RES-009); stop 40's localiser gaps run localised (pass).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa25.rows()],
    # -- stop 41, mutation search round 10 (tests/platform_programs_mutation41.py): an SAE ConfigMap is kept, and an SAE
    # Ingress routes, in the namespace `namespace_id` names (`{RegionId}:{namespace}`), judged as an Application's is
    # (region_id_fields): the provider's Region (written or the made namespace's output) passes, cn-hongkong or
    # ap-southeast-1 is refused (RES-009).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in mu41.rows()],
    # -- stop 41, SNS endpoint conditions (tests/platform_programs_snsend41.py): a topic policy letting anyone
    # subscribe only URLs or e-mail addresses (`sns:Endpoint`) is judged by the destinations it names: the own API /
    # ALB and a declared host or mail domain pass (RES-024 before: a false alarm), a partner's host or domain is
    # RES-015, a foreign API RES-006; a wildcard host, an address pattern with no protocol condition and
    # `sns:Protocol` alone stay public.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in sn41.rows()],
    # -- stop 41, HTTP API OpenAPI bodies (tests/platform_programs_httpapi41.py): an apigatewayv2.Api body's
    # stage-variable host joined with the Api's Stages like an HTTP API Integration's integration_uri (proven when every
    # Stage of the Api in the program sets it to a proven host; partner at a Stage, RES-015 there; no Stage or unset,
    # RES-015 at the Api); private integrations judged by the listener / Cloud Map ARN they reach (unchanged).
    *[
        Case(f"httpapi41-{code.lower()}-{shape}", code, ha41.http_api_body(code, shape), ha41.expected(code, shape))
        for code in ("EU", "JP", "US", "CN")
        for shape in ha41.SHAPES
    ],
    # -- stop 41, log-router defaults and EMR configurations (tests/platform_programs_leftovers41.py): FireLens outputs
    # whose destination is a default (New Relic's US endpoint) or derives from an account (Azure Log Analytics, Azure
    # Blob) are refused like Datadog's default (RES-016) unless declared; the in-Region cloudwatch_logs, the own NLB,
    # the own bucket without `region` pass. EMR: AWS configurations_json judged as before (own metastore and
    # warehouse pass, a partner metastore RES-015); the older Alibaba emr.Cluster's dlf.catalog.region judged by name.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in lo41.rows()],
    # -- stop 41, Alibaba role fields of other accounts (tests/platform_programs_alirole41.py): a role field whose role
    # the receiving account makes (ActionTrail's OSS / SLS write roles, an SLS OSS export's write role) names that
    # account, judged as a written destination's (RES-023): the own role under the team's assumed role passes, the
    # partner's role is refused though its bucket or project is declared, and passes once the partner's UID is declared.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in ar41.rows()],
    # -- stop 41, false-alarm review of this stop's changes (tests/platform_programs_review41.py): key, bucket, secret
    # and topic policies from the provider documentation (caller-account conditions, organisation ids, role patterns)
    # and HTTP APIs with OpenAPI bodies (Lambda proxy, YAML, CORS, SQS, stage-variable alias), in EU / US / JP / CN with
    # the provider pinned; the offending twins a change opened (a partner's account RES-023, a role of any account
    # RES-024, a function in another Region RES-004).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rv41.rows()],
    # -- stop 42, organisation and source-account condition keys (tests/platform_programs_orgkeys42.py): `*` limited to
    # an organisation (aws:PrincipalOrgID / PrincipalOrgPaths, a Lambda permission's principal_org_id) grants every
    # account of it (RES-023 unless declared by its id); a Lambda permission's source_arn is judged as a granted
    # account (the own one passes, a partner's is RES-023), a service principal's aws:SourceAccount / aws:SourceArn is
    # not (it only narrows the statement); an aws:userid unique id names no account (RES-023 unless declared). In CN an
    # aws-cn organisation, account or principal passes by partition.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in ok42.rows()],
    # -- stop 42, Fluent Bit configuration files (tests/platform_programs_fluentbit42.py): a classic or YAML Fluent Bit
    # configuration in cloud-init write_files, a launch template, an SSM parameter, an S3 object a FireLens router
    # loads, an ECS instance, an SAE ConfigMap or an OSS object, each output judged by the FireLens entries (RES-016
    # for a default outside the country unless declared) and its hosts / regions as in FireLens options.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fb42.rows()],
    # -- stop 42, API definitions inside templates and bodies (tests/platform_programs_bodies42.py): an OpenAPI
    # definition's own address (servers[].url, Swagger host) in a CloudFormation RestApi / HTTP Api Body is text as on
    # the Pulumi resources (RES-015 before; a partner's integration uri stays RES-015); a REST body's VPC_LINK
    # integration through the stack's own VpcLink is judged by the link's NLB, its uri the Host header (RES-015
    # before); a literal or stage-variable connectionId proves no link (RES-015).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in bd42.rows()],
    # -- stop 42, documents within bounds (tests/platform_programs_docbounds42.py): an SSM parameter, a cloud-config
    # and a CloudFormation template whose document is nested beyond 100 levels or expands beyond 200,000 nodes (a YAML
    # billion laughs), and gzip user data decompressing beyond 1 MiB, are refused (RES-025) where they crashed or hung
    # before; their twins (40 levels, a few anchors and merge keys, an ordinary gzip script) pass as before.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in db42.rows()],
    # -- stop 42, roles the stack makes named by their ARN output (tests/platform_programs_ownrole42.py): a RAM / IAM
    # role made under the same provider as the trail, export or policy naming its `arn` output is in the deploying
    # account (passes, RES-023 before, with no provider assuming a role or pinned); a role of a second provider,
    # another account's role ARN written out or built by Output.format from its UID, and the own ARN written by hand
    # stay RES-023.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in or42.rows()],
    # -- stop 42, false-alarm hunt 26 (tests/platform_programs_falsealarm26.py, the examples verbatim in
    # tests/fixtures/registry_examples_falsealarm26.yaml, scanned by tests/registry_scan.py): registry examples of 78
    # modules no earlier hunt scanned (Private CA, Connect, DataZone, Security Hub, Incident Manager, QuickSight, VPC
    # Lattice ...; APIG, ARMS, EDAS, E-HPC, EBS, Resource Directory, SAG ...), each in CN and one other stack; the false
    # alarms fixed (service principals under Organizations' trusted access and an Alibaba service-linked role's
    # service) with twins naming no principal (RES-015); EDAS namespaces abroad (RES-009, a leak closed); twins keeping
    # a foreign Region the port would localise (RES-009).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa26.rows()],
    # -- stop 42, mutation search round 11 (tests/platform_programs_mutation42.py): an HTTP API's SQS-SendMessage
    # integration (the Integration resource's request_parameters or the OpenAPI body's requestParameters) writes into
    # the queue its QueueUrl names, whose owner account is judged as a written destination's (RES-023): the own queue
    # passes, a partner's queue in the stack's Region is refused unless declared (an aws-cn account passes in CN).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in mu42.rows()],
    # -- stop 42, open items of the stop (tests/platform_programs_leftovers42.py): an EBS solution instance's
    # parameters read by name (a zone or Region abroad RES-008 / RES-009, passed before); an HTTP API's CORS origins
    # and a REST integration's requestParameters in a CloudFormation Body are patterns as on the Pulumi types (RES-015
    # before); a Cloud Connect grant's short `cen_uid` is an account (RES-023, passed before); Fluentd configurations
    # read as documents (datadog's default intake RES-016, a partner's elasticsearch `hosts` RES-015; passed before).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in lo42.rows()],
    # -- stop 42, EMR and Spark settings (tests/platform_programs_emr42.py): an EMR cluster's, EMR Serverless
    # application's or EMR on EKS job template's Glue catalog id (hive.metastore.glue.catalogid, an Iceberg catalog's
    # glue.id) naming another account is RES-023 unless pinned or declared (aws-cn's pass in CN); EMR Serverless / on
    # EKS log buckets and Prometheus URLs judged as before; an Alibaba EMR cluster's Kafka bootstrap setting is a host
    # list (a partner's brokers RES-015, passed before; the stack's own instance's end_point passes).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in emr42.rows()],
    # -- stop 42, RES-024 false alarms left open (tests/platform_programs_public42.py): an OpenSearch / Elasticsearch
    # domain in the stack's VPC with the open access policy AWS recommends (fine-grained access control) passes (RES-024
    # before); the same policy on a public-endpoint domain, or set by a separate DomainPolicy, stays RES-024. A Deny
    # written with NotAction / NotResource covers the Allow's actions / resources its list does not match (RES-024
    # before); twins whose Allow names what the list leaves allowed stay RES-024.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in pub42.rows()],
    # -- stop 42, false-alarm review of stop 42's changes (tests/platform_programs_review42.py): service principals
    # limited to the own account and the own resources (CloudTrail, Config, S3 access logging, flow logs, S3 event
    # notifications, SNS to SQS, Lambda permissions, CloudWatch Logs to Kinesis, GuardDuty), Fluent Bit listeners,
    # parsers and outputs to the stack's own targets, an ini file that is no Fluent Bit file, large documents within
    # bounds and a REST body through the stack's VpcLink: all pass; the own account written out under an unpinned
    # provider is RES-023 outside CN, as a grant to it is.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rv42.rows()],
    # -- stop 43, false-alarm hunt 27 (tests/platform_programs_falsealarm27.py): the registry's examples of 52 modules
    # no hunt scanned, verbatim, each in CN and one other stack of its cloud; IAM Access Analyzer's internal access
    # inclusions and Lightsail bucket access keys / resource access were refused (RES-017 outside CN), now pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa27.rows()],
    # -- stop 43, Fluentd and Fluent Bit outputs, continued (tests/platform_programs_fluentd43.py): Fluentd outputs
    # whose plugin's default is a third party's service (logdna, honeycomb, mackerel, google_cloud,
    # azure-loganalytics) or whose AWS region comes from the environment (kinesis_firehose, cloudwatch_logs without
    # region), Fluent Bit's chronicle and oracle_log_analytics: RES-016 until declared (passed before); a Fluent Bit or
    # Fluentd file written by a shell heredoc in EC2 / ECS user data or a cloud-config runcmd item is read as the file
    # (passed before whatever its outputs). Twins: outputs to the stack's NLB or a private address, the stack's Region
    # written, a declaration.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fd43.rows()],
    # -- stop 43, Glue catalog ids of other accounts (tests/platform_programs_glue43.py): Glue databases, tables,
    # partitions, functions and connections created in another account's catalog (`catalog_id`), resource links to it
    # (`target_database` / `target_table`), an Athena GLUE data catalog's `catalog-id`, the Glue metastore / Iceberg
    # `glue.id` in `--conf key=value` strings (Glue job, EMR step, EMR on EKS), an Iceberg REST warehouse
    # `<account>:s3tablescatalog/...`: RES-023 unless pinned or declared (passed before; aws-cn's pass in CN).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in g43.rows()],
    # -- stop 43, the stack's own resources named by their ARN output, the rest of the list
    # (tests/platform_programs_madearn43.py): a Lambda function, a log group (with CloudTrail's `:*`), an event bus and
    # a Function Compute 3.0 function as written destinations under a provider pinning no account pass; the own
    # account's ARN written out, a second provider's resource, an ARN formatted from a partner account stay RES-023.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in ma43.rows()],
    # -- stop 43, RES-023 / RES-024 leftovers of stop 42 (tests/platform_programs_sqsvpc43.py): an HTTP API integration
    # of subtype SQS-ReceiveMessage / -DeleteMessage / -PurgeQueue to a partner's queue sends it nothing of the stack's
    # and passes (RES-023 before), SQS-SendMessage stays RES-023 outside CN; an OpenSearch-managed VPC endpoint to a
    # partner's domain is RES-023 unless declared (passed before), to the own domain it passes;
    # AuthorizeVpcEndpointAccess to a partner's account stays RES-023 unless declared. A separate DomainPolicy with the
    # open policy on a VPC domain the stack makes (by literal name or output) passes (RES-024 before); on a public
    # domain, a domain the program does not make or another domain it makes, it stays RES-024.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in sv43.rows()],
    # -- stop 43, mutation search round 12 (tests/platform_programs_mutation43.py): a search domain's fine-grained
    # access control master user (`master_user_arn`, OpenSearch and legacy Elasticsearch, in the stack's VPC) names an
    # account as a grant does (RES-023): a role the stack makes passes, a partner's role is refused unless declared
    # (an aws-cn account passes in CN).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in mu43.rows()],
    # -- stop 43, public endpoints without a grant (tests/platform_programs_publicauth43.py): a REST method with
    # authorization NONE and no API key whose AWS integration reads S3 (path API) or DynamoDB (Query) is RES-024 unless
    # declared (passed before); the same behind AWS_IAM or an API key, or through the stack's Lambda (AWS_PROXY),
    # passes. An ECR Public repository is RES-024 unless declared (passed before). An Alibaba Elasticsearch instance
    # open to 0.0.0.0/0 passes (not judged: the service still asks for credentials).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in pa43.rows()],
    # -- stop 43, the false-alarm review of stop 43's changes (tests/platform_programs_review43.py): settings strings
    # holding catalog / metastore / warehouse that are no account setting, a Glue job's own-account Iceberg --conf with
    # an account-prefixed bucket, Fluentd / Fluent Bit files written by several heredocs, a state machine logging to its
    # own log group (literal under the pinned provider, Output.concat / Output.format unpinned), an OpenSearch VPC
    # endpoint to the own domain under an unpinned provider (RES-023 before), a DomainPolicy by domain_name output, a
    # function of a second provider pinned to the same account pass; a Fluentd region from embedded Ruby is RES-016
    # (passed before) unless declared, a partner's catalog id in --conf and a second provider's domain RES-023.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rv43.rows()],
    # -- stop 43, leftovers of stop 43's first wave (tests/platform_programs_leftovers43.py): the stack's own Lambda
    # alias (`arn`) and version (`qualified_arn`) as an S3 notification, EventBridge target or SNS subscription under a
    # provider pinning no account pass (RES-023 before); the own alias ARN written out, a second provider's alias and a
    # partner's stay RES-023.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in lo43.rows()],
    # -- stop 43, false-alarm hunt 28 (tests/platform_programs_falsealarm28.py): the registry's examples of the modules
    # no hunt scanned, verbatim, each in CN and one other stack of its cloud; a JWT authorizer's audiences written as
    # URLs (AgentCore Registry) were judged as hosts (RES-015), now pass (`-own-idp`); the example's third-party
    # discovery URL stays RES-015.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in fa28.rows()],
    # -- stop 43, public endpoints without a grant, continued (tests/platform_programs_anonymous43.py): an HTTP API
    # route with authorization_type NONE (the default) to an AWS_PROXY integration of subtype SQS-ReceiveMessage or
    # AppConfig-GetConfiguration is RES-024 unless declared (passed before), also beside an AWS_IAM route to the same
    # integration; behind AWS_IAM or an authorizer (JWT, CN: CUSTOM), to SQS-SendMessage, or to the stack's Lambda, it
    # passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in an43.rows()],
    # -- stop 43, Alibaba Cloud red team (tests/platform_programs_alired43.py): the stack's VPC granted to another
    # account's CEN (InstanceGrant, TransitRouterGrantAttachment) or ECR (RouterGrantAssociation), the stack's ECR
    # associated with another account's transit router (RouterTrAssociation), another account's ECR attached to the
    # stack's transit router (TransitRouterEcrAttachment): RES-023 unless the account is declared (passed before, the
    # CEN / ECR id declared); the own account under the deploying role passes. DTS, CDN real-time logs, GA access logs,
    # CloudMonitor event rules, the logtail add-on, AnalyticDB for PostgreSQL JDBC sources and ESA log delivery to a
    # Region abroad stay refused (RES-009 / RES-006 / RES-016); their in-country twins pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in ar43.rows()],
    # -- stop 44, Step Functions destinations' accounts (tests/platform_programs_sfn44.py): a state machine's Task
    # naming another account's SNS topic, SQS queue, event bus, Lambda function (ARN, partial ARN or as the Resource),
    # DynamoDB table, state machine or Kinesis stream, or acting under another account's role (Credentials.RoleArn), is
    # RES-023 outside CN unless the account is declared (passed before); the stack's own by output passes, and so do a
    # DynamoDB GetItem and an SQS ReceiveMessage of the partner's (read only).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in sf44.rows()],
    # -- stop 44, AWS red team, round 16 (tests/platform_programs_awsred44.py): another account's resource the stack
    # writes into, named by its ARN in an in-country Region, on types no round had listed (a Pinpoint event stream's
    # destination, a Kinesis Data Analytics output, a CloudFront real-time log stream, an S3 Object Lambda function, a
    # Bedrock collaborator alias, an Amazon Connect Lambda function, an SES WorkMail action), and the stack's VPC
    # Lattice service or resource joined to another account's service network: RES-023 unless the account is declared
    # (passed before); the own account under the pinned provider passes. Snapshot copies, DynamoDB Kinesis streaming,
    # SES multi-Region endpoints, Audit Manager shares, StackSet instances, zone authorisations, Security Lake
    # notifications, DataSync HDFS locations and exports to buckets the stack does not make stay refused abroad; their
    # in-country twins pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in aw44.rows()],
    # -- stop 44, mutation search round 14 (tests/platform_programs_mutation44.py): an S3 Tables warehouse ARN in a
    # Region abroad in a Spark properties map (its account was judged, its Region no longer), Iceberg's client Region in
    # a Glue job's --conf string, and a systemd unit's Environment=AWS_REGION=... in user data: RES-004 / RES-009
    # abroad (passed before); each `-home` twin passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in mu44.rows()],
    # -- stop 44, log-router plugins and files, continued (tests/platform_programs_logplugins44.py): Treasure Data
    # (Fluent Bit td, Fluentd tdlog), Fluentd loki without url (Grafana Cloud US), Fluentd elasticsearch with cloud_id
    # and bigquery_insert are RES-016 until declared (passed before); a log-router file installed from a here-document,
    # copied or moved from a file the script wrote, or edited with sed -i (a placeholder filled with a partner's host:
    # RES-015; the package's file switched to datadog: RES-016) is read as the agent reads it (passed before). Twins:
    # the stack's NLB or a private address, the placeholder filled with the NLB, the log level changed, a declaration.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in lp44.rows()],
    # -- stop 44, leftovers of stop 43 (tests/platform_programs_leftovers44.py): a bare Region name in a zone field (a
    # subnet's or Lightsail instance's availability_zone, an Alibaba VSwitch's zone_id) is judged by that Region:
    # abroad RES-008 (passed before on AWS, RES-011 on Alibaba), in-country it passes (RES-011 before on Alibaba); an
    # OpenSearch DomainPolicy written before the VPC domain it names passes at every door (the guard alone refused it).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in lo44.rows()],
    # -- stop 44, public endpoints without a grant, OpenAPI bodies (tests/platform_programs_openapi44.py): a RestApi
    # body's AWS integration reading the stack's bucket (S3 path GET) with no security, with `security: []` overriding
    # a top-level IAM requirement, or "secured" by a bearer scheme API Gateway does not enforce, and an HTTP API body's
    # SQS-ReceiveMessage with no security, are RES-024 unless declared (passed before); the same under IAM
    # (awsSigv4) or an API key, an open Lambda proxy or SQS-SendMessage, and the declared read pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in oa44.rows()],
    # -- stop 44, Alibaba CloudFlow destinations (tests/platform_programs_cloudflow44.py): a CloudFlow (fnf) flow's task
    # naming another account's Function Compute function or MNS queue by `resourceArn` (a v1 flow's task step, nested in
    # a parallel branch, or a state-machine FDL Task's Parameters) is RES-023 in CN, JP and DE unless the account is
    # declared (passed before); the deploying role's own account passes. A function in a Region abroad (RES-005) and an
    # HTTP task to a partner's host (RES-015) stay refused; the HTTP task to the stack's own FC endpoint passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in cf44.rows()],
    # -- stop 44, Step Functions destinations, continued (tests/platform_programs_sfn44b.py): under a provider pinning
    # no account, the stack's own queue by `url`, table and state machine by `arn` in a Task pass (RES-023 before); its
    # own Kinesis stream passes since stop 45 (awsred45: proven by its `id`), a queue made by a second provider stays
    # RES-023 outside CN. An SDK
    # integration's SNS Publish `TargetArn` naming a partner's topic is RES-023 outside CN (passed before); a read of
    # the partner's tags (`ListTagsForResource` `ResourceArn`) passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in sf44b.rows()],
    # -- stop 44, Alibaba Cloud ANONYMOUS APIs with OSS backends (tests/platform_programs_ossbackend44.py): an
    # ANONYMOUS Api whose backend_id names an OSS Backend (made before or after the Api) or an id the program does not
    # make is RES-024 unless declared (passed before); APP auth, an FC_EVENT or HTTP Backend, no backend_id, and the
    # declared form pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in ob44.rows()],
    # -- stop 44, false-alarm review of stop 44's changes (tests/platform_programs_review44.py): under a provider
    # pinning no account, a state machine sending to the stack's own queue by `url`, putting into its own table by
    # `arn`, starting its own nested state machine or running its own activity, a Lattice service joined to the own
    # service network by `arn`, an SES WorkMail action to the own organisation and a Bedrock collaborator that is the
    # own agent alias pass (RES-023 before: their outputs were not `made_account_arns`); pinned Map / Parallel /
    # JSONata workflows of the own resources pass; the own account written out by hand, a partner's, an ARN formatted
    # from a partner account stay RES-023 outside CN.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rv44.rows()],
    # -- stop 45, CloudFlow integrations and Step Functions SDK parameters (tests/platform_programs_cloudflow45.py): a
    # state machine's RDS Data API ExecuteStatement / BatchExecuteStatement into a partner's cluster (`ResourceArn`) or
    # CloudWatch Logs PutSubscriptionFilter to a partner's destination (`DestinationArn`) is RES-023 outside CN (passed
    # before); the own cluster and destination, a partner's secret, a tag read of a partner's log group and calls naming
    # a log group or delivery stream by name pass. CloudFlow OSS / EventBridge / MNS topic / OpenAPI tasks are judged as
    # before (a region abroad RES-009, a partner's topic RES-023; the home region, the flow's own bus pass).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in cf45.rows()],
    # -- stop 45, workflows and OpenAPI bodies inside templates (tests/platform_programs_cfnsfn45.py): a
    # cloudformation.Stack whose template holds an AWS::StepFunctions::StateMachine (DefinitionString as text, Fn::Sub,
    # Fn::Join, Definition map, DefinitionSubstitutions) or SAM AWS::Serverless::StateMachine writing to another
    # account's topic or queue is RES-023 outside CN unless declared (passed before); the own topic (AccountId, Ref,
    # the pinned account) and a partner table's GetItem pass. A template RestApi / HTTP API Body with an open S3 read or
    # SQS-ReceiveMessage is RES-024 unless declared `public:<logical id>` (passed before); under IAM it passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in cs45.rows()],
    # -- stop 45, more log-router plugins (tests/platform_programs_logplugins45.py): Fluent Bit calyptia without
    # cloud_host (Calyptia Cloud), Fluentd elasticsearch_data_stream with cloud_id, scalyr without scalyr_server,
    # coralogix and azure-storage-append-blob are RES-016 until declared (passed before); a FireLens output's ${VAR}
    # (Host ${DD_HOST}, region ${LOG_REGION}; ${AWS_REGION} in a Batch job) no longer sets the destination (passed
    # before). Twins: the stack's NLB or private hosts written, the region written, ${AWS_REGION} in an ECS task.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in lp45.rows()],
    # -- stop 45, scripts and settings left open (tests/platform_programs_scripts45.py): a sed delete the engine
    # cannot apply on a fluent-bit.conf the script wrote with a datadog output (RES-016: any line may be gone, Host
    # among them); a log-router file written by sed redirected, perl -pi, awk redirected or envsubst (a partner's host
    # RES-015, LOG_OUTPUT=datadog RES-016); a systemd unit's Environment="JAVA_OPTS=-Daws.region=..." abroad
    # (RES-009); PyIceberg's client.role-arn / glue.role-arn naming another account (RES-023). Each passed before;
    # the twins pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in sc45.rows()],
    # -- stop 45, AWS red team, round 17 (tests/platform_programs_awsred45.py): a Cognito user pool's log delivery into
    # another account's Firehose stream or log group, an AppSync source API merged into another account's merged API
    # (or the stack's merged API merging another account's source API), a Managed AD directory shared with another
    # account, a deployment-time Lambda invocation of another account's function, a Customer Profiles dead-letter
    # queue of another account and a delegated administrator account: RES-023 unless the account is declared (passed
    # before); the own account under the pinned provider passes. Resource policies granting a partner (Kinesis, MSK,
    # SES identity, Redshift, Lattice, S3 Vectors, Redshift Serverless, access point, Access Grants, AgentCore), a
    # DynamoDB replica of a table abroad, DataSync FSx / EFS locations and a DMS task abroad, QuickSight sources
    # abroad, and Cognito / AppFabric / Storage Gateway / object-copy buckets the stack does not make stay refused;
    # their twins pass. The stack's own Kinesis / Firehose stream by `arn` under a provider pinning no account, as a
    # CloudFront real-time log, subscription filter or Pinpoint event stream destination, passes (RES-023 before;
    # proven by the stream's `id`); a second provider's stream, a stream whose `arn` input the program set to a
    # partner's ARN and a partner's ARN stay RES-023.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in aw45.rows()],
    # -- stop 45, mutation search round 15 (tests/platform_programs_mutation45.py): a bare host whose last labels only
    # look like a cloud suffix (`...elb.eu-west-1-amazonaws.com`, `...es-amazonaws.com`, `...log-aliyuncs.com`: names
    # under another registrable domain) in a Fluent Bit output's Host or an environment variable's *_HOST is RES-015
    # (passed before; the same host in a URL was refused); each `-home` twin, the real host, passes.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in mu45.rows()],
    # -- stop 45, API joins every front door judges alike (tests/platform_programs_apijoin45.py): an Alibaba ANONYMOUS
    # Api naming an adopted Backend by its literal id (the guard alone refused the HTTP / FC twins), or whose
    # backend_enabled is an Output (passed the guard with an OSS Backend); an HTTP API whose AWS_IAM and open Routes
    # both have Output targets (the guard alone refused the compliant form); a RestApi with an OpenAPI body AND separate
    # Methods, each judged, a public:<name> declaration covering only what it names.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in aj45.rows()],
    # -- stop 45, the stack's own resources by ARN, continued (tests/platform_programs_madearns45.py): under a provider
    # pinning no account, the stack's own Aurora cluster as a state machine's RDS Data `ResourceArn`, ECS cluster as an
    # EventBridge target, log delivery destination, Redshift Serverless namespace as a zero-ETL target and backup vault
    # as a copy destination, each by its `arn` output, pass (RES-023 before: not `made_account_arns`); a partner's ARN
    # written out stays RES-023 outside CN.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in mas45.rows()],
    # -- stop 45, Step Functions run-time destinations' accounts (tests/platform_programs_sfnrt45.py): a run-time value
    # at a Task's written field (`TopicArn.$`, `QueueUrl.$`, `Entries[].EventBusName.$`, a JSONata `FunctionName`,
    # `Credentials.RoleArn.$`, a States.Format whose account comes from the input) is RES-023 outside CN unless the
    # expression is declared (passed before), as a run-time `Bucket.$` is RES-017. Twins pass: a States.Format fixing
    # the own account, a fixed name prefix, ReceiveMessage / GetItem (read only), the declared expression, a JSONata
    # literal.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in sfr45.rows()],
    # -- stop 45, false-alarm review of stop 45's changes (tests/platform_programs_review45.py): under a provider
    # pinning no account, a state machine's RDS Data API call on the stack's own Aurora cluster by `arn` and its
    # subscription filter to the own logs destination / function; template state machines and API bodies writing to
    # or reading the template's own resources (Fn::Sub, Fn::GetAtt, Fn::ImportValue, a JWT / Cognito authorizer);
    # plain sed deletes tidying a log-router file; PyIceberg's own role by output; FireLens ${VAR} in keys naming no
    # destination: all pass. Twins: the own cluster written out by hand and a partner's topic (RES-023 outside CN), an
    # unappliable delete (RES-016).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in rv45.rows()],
    # -- stop 45, Alibaba Cloud red team (tests/platform_programs_alired45.py): a multi-account Resource Center delivery
    # channel's target and both delivery channels' oversized-data bucket in a partner's account, a partner's IPsec-VPN
    # connection on the stack's transit router, a router interface connected to a partner's, and an MNS queue endpoint
    # of a partner on message.ServiceSubscription are RES-023 in CN and JP unless the account is declared (passed
    # before); the team's own (its deployment role assumed) passes. Paired home / abroad programs pin types the table
    # did not make whose Region abroad was already refused (router interface, CEN PrivateZone / route service,
    # CloudMonitor SLS group, ECS image copy, multi-account delivery Region).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in ar45.rows()],
    # -- stop 45, more template resources judged as their Pulumi type (tests/platform_programs_cfnmap45.py): a
    # cloudformation.Stack whose template holds an AWS::SNS::Subscription (Endpoint, RedrivePolicy), an AWS::SNS::Topic
    # Subscription list or an AWS::Events::Rule target (Arn, DeadLetterConfig) delivering into another account, or an
    # AWS::Lambda::Permission granting a partner's SourceAccount, is RES-023 outside CN unless declared (passed before);
    # a permission to `*` with no SourceArn / SourceAccount / PrincipalOrgID and a SAM Api / HttpApi DefinitionBody
    # with an open S3 read / SQS receive are RES-024 (passed before). The own queue (GetAtt, AccountId), a restricted
    # `*` and the bodies under IAM pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in cm45.rows()],
    # -- stop 46, ETL sinks' roles name the receiving account (tests/platform_programs_etlrole46.py): an SLS ETL sink's
    # write role (log.Etl `etl_sinks[].role_arn`, sls.Etl `configuration.sinks[].role_arn`) and a Scheduled SQL job's
    # `dest_role_arn` of a partner's account are RES-023 in CN, JP and DE unless declared (passed before); the team's
    # role written out under a provider assuming no role is RES-023 too; the own role by `ram.Role.arn`, the team's
    # role under its deployment role, and the pinned registry Scheduled SQL example pass.
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in er46.rows()],
    # -- stop 46, script edits, round 2 (tests/platform_programs_scripts46.py): a fluent-bit.conf written by perl -pe /
    # -0777 -pe / -ne into a redirection (a partner's host RES-015), by tr _ . from a template (the partner's host
    # written with underscores RES-015), by dd if= of a datadog output (RES-016), and resolv.conf written by
    # `echo ... | dd of=` (a public resolver abroad RES-015). Each passed before; the twins (the NLB, a private
    # address, an http output, the VPC's resolver) pass. A variable assigned another's value three levels deep
    # (A=$B, B=$C, C=HOST) as a DB_HOST or a curl URL's host: a partner's host RES-015 (passed before).
    *[Case(id, code, build, expected, destinations=declared) for id, code, build, expected, declared in sc46.rows()],
]
# orgkeys42 (stop 42): these compliant programs grant an organisation (o-a1b2c3d4e5) with `*` and aws:PrincipalOrgID /
# aws:PrincipalOrgPaths, a Lambda / layer / EventBridge permission's organisation, or a Deny outside it. Such a grant
# is RES-023 since stop 42 unless the organisation is declared (its accounts can be in any country): each now declares
# it, the one-line fix users apply, and stays compliant. The reason per program:
_ORG_WIDE_REASONS = {
    **{f"falsealarm17-{c}-{n}": r for c in ("eu", "de", "jp", "us") for n, r in (
        ("ecr-org", "ECR repository policy letting the organisation pull (aws:PrincipalOrgID)"),
        ("events-org", "event bus policy letting the organisation put events (aws:PrincipalOrgID)"),
        ("org-paths", "bucket policy for an organisational unit (aws:PrincipalOrgPaths)"))},
    **{f"falsealarm20-{c}-{n}": r for c in ("eu", "de", "jp", "us") for n, r in (
        ("s3-org", "bucket policy to `*` limited to the organisation"),
        ("eventbridge-org", "EventBridge permission to `*` with the organisation condition"),
        ("secret-org", "secret policy to `*` limited to the organisation"))},
    **{f"public36-{c}-{n}-restricted": r for c in ("eu", "de", "jp", "us") for n, r in (
        ("queue-policy", "queue policy to `*` restricted by aws:PrincipalOrgID"),
        ("layer-permission", "layer permission to `*` with organization_id"))},
    **{f"public37-{c}-event-permission-restricted": "EventBridge permission to `*` with the organisation condition"
       for c in ("eu", "de", "jp", "us")},
    "falsealarm22-lambda-event-source-mapping-eu": "terraform-aws-lambda: Config's permission, principal_org_id",
    "review41-eu-bucket-org-id": "bucket policy to `*` limited by aws:PrincipalOrgID alone",
    "review41-us-bucket-org-role-any-account": "an organisation role in any account, limited by aws:PrincipalOrgID",
    **{f"public36-{c}-function-url-restricted": "function URL permission to `*` with principal_org_id"
       for c in ("eu", "de", "jp", "us")},
}  # fmt: skip
# The same for falsealarm9's CloudWatch cross-account observability sink (its organisation is o-fleet12345): the sink
# policy lets every account of the organisation link (aws:PrincipalOrgID), declared as the fleet's organisation.
_FLEET_ORG_REASONS = {
    f"falsealarm9-{c}": "OAM sink policy to `*` limited by aws:PrincipalOrgID"
    for c in ("eu-oam-cross-account", "jp-oam-cross-account", "us-oam-cross-account-oregon")
}
_FLEET_ORG_DECLARED = {**ok42.ORG_DECLARED, "id": "fleet-monitoring-organisation", "match": "o-fleet12345"}
assert {c.id for c in CASES} >= set(_ORG_WIDE_REASONS) | set(_FLEET_ORG_REASONS)
CASES = [
    dataclasses.replace(c, destinations=[*c.destinations, ok42.ORG_DECLARED])
    if c.id in _ORG_WIDE_REASONS
    else dataclasses.replace(c, destinations=[*c.destinations, _FLEET_ORG_DECLARED])
    if c.id in _FLEET_ORG_REASONS
    else c
    for c in CASES
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
    # By type and name: a registry example names a key and its key policy alike (`example`), as Pulumi allows.
    refused = (run.error.resource_type, run.error.resource_name)
    assert refused not in {(r.type, r.name) for r in run.resources if r.custom}
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
    if isinstance(value, Unknown):
        return UNKNOWN  # what the engine marshals for a value unknown during preview
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
            # The final state holds the provider's outputs (AnalyzeStack is given each resource's state Outputs), which
            # for the Terraform-bridged providers (pulumi-aws, pulumi-alicloud) include the physical `id`: the bridge
            # populates "id" when the schema has none (pulumi-terraform-bridge pkg/tfshim/sdk-v2/instance_state.go).
            # The mocks return the id beside their outputs.
            # The outputs are the provider's final word on every property it returns (a sharded cluster's `mongoLists`
            # with each node's connectString, where the input listed only node classes).
            own_id = {"id": record.id} if record.custom and record.id and not record.type.startswith("pulumi:") else {}
            props = {**own_id, **props, **_plain(dict(record.outputs))}
        provider = by_urn.get(record.provider.rsplit("::", 1)[0]) if record.provider else None
        by_urn[record.urn] = RecordRes(
            record.type, record.name, props, provider=provider, dependencies=list(record.dependencies),
            property_dependencies={k: list(v) for k, v in record.property_dependencies.items()}, record_urn=record.urn,
        )  # fmt: skip
    return list(by_urn.values())


def pack_rules(case: Case, run: ProgramRun, stack_config: Any, *, preview: bool = False) -> set[str]:
    """As `pulumi up --policy-pack` judges the same program's resources (``preview``: as `pulumi preview` does, whose
    stack policies see the planned states, inputs with unknowns, not a final state)."""
    stack_config(_config(case))
    pack = Pack()
    diags = [d for r in _pack_resources(run, final_state=False) for d in pack.analyze(r)]
    diags += pack.analyze_stack(_pack_resources(run, final_state=not preview))
    return {m.group(1) for d in diags for m in [re.search(r"\[(RES-\d{3})\]", d.message)] if m}


def review_rules(case: Case, run: ProgramRun) -> tuple[set[str], bool, set[str]]:
    """As `python -m components.plan --preview` and `--state` judge the engine's documents of the same resources:
    the preview's rule ids and whether it blinded secret values, then the rule ids of the stack export (written
    with --show-secrets, as a reviewer exports a state to judge it whole; the stack file gives its config)."""
    preview, export = engine_documents(run.resources, _config(case), show_secrets=True)
    reviewed = review_document(parse_preview(preview, f"{case.id}.preview.json"))
    state = dataclasses.replace(parse_state(export, f"{case.id}.state.json"), config=_config(case))
    return (
        {v.rule for v in reviewed.violations},
        bool(reviewed.notes),
        {v.rule for v in review_document(state).violations},
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_front_door_agrees(case: Case, stack_config: Any) -> None:
    # Each program offends at most one resource, so the guard's first refusal is the whole verdict.
    assert guard_rules(case) == case.expected, "guard"
    run, plan = plan_run(case)
    assert plan == case.expected, "plan"
    assert pack_rules(case, run, stack_config) == case.expected, "policy pack"
    preview, blinded, state = review_rules(case, run)
    assert state == case.expected, "state review"
    # A preview blinds secret values ("[secret]"): what only a secret carries is judged by the pack in the same
    # preview, and the review says it could not judge them.
    assert preview == case.expected or (preview < case.expected and blinded), "preview review"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_first_preview_refuses_no_compliant_program(case: Case, stack_config: Any) -> None:
    """`pulumi preview` of the new stack, every computed value unknown: judged by where it comes from (RES-014).

    A compliant program passes; an offending one is refused under its rules, RES-014 beside them where a refused
    resource feeds another's value, or not at all where the offending value only exists at deployment (computed
    inside an ``apply``), which the guard judges at `pulumi up` before the resource registers (the test above).
    """
    with audit_session():
        run = run_pulumi_program(
            _program(case, "raise"), project="sovereign-dc", stack=case.code.lower(), config=_config(case),
            preview=True, mocks=FirstPreviewMocks(SovereignMocks()),
        )  # fmt: skip
    assert run.error is None, run.error
    reviewed = review_document(parse_preview(first_preview_document(run.resources, _config(case)), "first.json"))
    found = {v.rule for v in reviewed.violations}
    if not case.expected:
        assert found == set(), [v.message for v in reviewed.violations]
    else:
        assert found <= case.expected | {"RES-014"}, [v.message for v in reviewed.violations]
    # The policy pack in the same preview: the same rule ids, and what the preview blinds (a secret) it reads.
    pack = pack_rules(case, run, stack_config, preview=True)
    assert pack == found or (found < pack and reviewed.notes), "policy pack"


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


def test_a_cn_standard_contract_cannot_carry_vehicle_location_tracks(stack_config: Any) -> None:
    """The offending twin of ``cn-platform-markets-supplier-standard-contract``: the same transfer also carrying vehicle
    telemetry (its location tracks make it important data in CN, data_protection.yaml) under a standard contract, which
    only ``cac-security-assessment`` may cover. The register itself is refused, so nothing it names is declared."""
    twin = {**_PARTNER, "data_classes": ["vehicle_diagnostics", "vehicle_telemetry"]}
    case = Case("cn-platform-markets-supplier-standard-contract-telemetry", "CN", pm.cn_supplier_quality_export(),
                destinations=[twin])  # fmt: skip
    # The guard (and so the plan, whose audit session runs the same enforce()): a config error naming the fix.
    run = run_pulumi_program(
        _program(case, "raise"), project="sovereign-dc", stack="cn", config=_config(case), raise_on_error=False
    )
    assert isinstance(run.error, ConfigError), run.error
    assert "destinations[0].basis" in str(run.error) and "cac-security-assessment" in str(run.error)
    assert not [r for r in run.resources if r.custom and not r.type.startswith("pulumi:")]
    # The policy pack, given the same program's resources: every resource refused with the register's problem.
    compliant = dataclasses.replace(case, destinations=[_PARTNER])
    recorded, _ = plan_run(compliant)
    stack_config(_config(case))
    messages = [d.message for r in _pack_resources(recorded, final_state=False) for d in Pack().analyze(r)]
    assert messages and all("cac-security-assessment" in m for m in messages), messages
    # The preview review: the register in the preview's config is refused with the key and the fix (exit 2 at the CLI).
    refused = r"sovereign-dc:destinations\[0\]\.basis: .*cac-security-assessment"
    with pytest.raises(DocumentError, match=refused):
        review_rules(case, recorded)
    # And the state review, its config from the stack file.
    _, export = engine_documents(recorded.resources, _config(case), show_secrets=True)
    with pytest.raises(DocumentError, match=refused):
        review_document(dataclasses.replace(parse_state(export, "cn.state.json"), config=_config(case)))
