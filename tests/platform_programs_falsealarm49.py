"""False alarms, round 9 (stop 49, issue 9 item 6: falsealarm49).

Ordinary programs of the areas stops 46-48 tightened and of everyday estates, written from the pulumi-aws v7 /
pulumi-alicloud registry pages and the CloudFormation / SAM / ROS references, each run through every door.

Reproduced on the unchanged engine (main 3b6f8c1, this table and tests/test_guard.py's new test):

- ``include-own-auto-bucket`` / ``api-body-own-auto-bucket`` (CN): an ``AWS::Include`` snippet or a SAM Api's OpenAPI
  body held in a bucket the program makes without a name (the provider names it) was RES-025 / RES-024 at the guard
  and the plan (outside CN the same program passed: the unproven bucket's RES-017 made the guard judge again once the
  name was learned; in CN an aws-cn bucket is proven by its partition, so nothing did);
- ``include-own-bucket-after`` (all five): a snippet in the program's own named bucket constructed after the stack was
  RES-025 at the guard and the plan (the finding was not held until construction was over, as RES-017 is);
- ``cfn-include-own-bucket``, ``include-own-*`` (all five): the policy pack refused every snippet in a bucket the
  program makes beside the stack (RES-025, judged per resource with no other resource in view).

Twins (CN only: outside CN a bucket the stack does not make is also RES-017, two rules the table's one-refusal
programs cannot hold): ``include-shared-bucket`` (RES-025), ``api-body-shared-bucket`` (RES-024),
``include-other-bucket-after`` (the program makes a bucket after the stack, the snippet names another: RES-025).
Everything else passes (it passed on main too): EKS with node groups, IRSA (issuer from the partition's suffix, the
audience ``sts.<suffix>``) and Pod Identity (a target role of the account), S3 replication to a second in-country
Region (v7 ``region``), Lambda event sources and destinations, RDS cross-Region replicas and backup replication, KMS
multi-Region replicas, a private REST API, CloudWatch Logs to Firehose to the stack's bucket, user data installing
from the stack's bucket or ECR and setting the CLI's Region (IMDSv2, ``ec2-metadata``, the config file, a
``${AWS_REGION:-<home>}`` default), contact numbers in each country's format, ACK with RRSA, OSS replication
(cn-shanghai to cn-beijing), FC triggers and async destinations, RDS read-only instances, PolarDB, SLS shipping and
alerts, ROS and Aliyun::Serverless templates. Contacts with an e-mail address declare the mail domain
(``MAIL_DECLARED``: no catalogue places a mail server).

tests/test_realistic_programs.py runs them as CASES (``falsealarm49-*``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
    OWN_UID,
    Build,
    Row,
    dns_suffix,
    lambda_function,
    partition,
    trust_policy,
)

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region inside each jurisdiction (DE has one commercial Region: its programs stay in Frankfurt)."""
ALI_SECOND = {"CN": "cn-beijing"}
"""A second Alibaba Cloud region inside the jurisdiction (Japan's and Germany's markets have one region each)."""
PHONE = {
    "EU": "+33612345678",
    "DE": "+4915123456789",
    "US": "+12065550123",
    "JP": "+819012345678",
    "CN": "+8613800138000",
}
"""An on-call mobile number in each jurisdiction's own numbering plan (E.164): France's for the EU stack."""
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
"""The team's private subnets (two Availability Zones)."""
MAIL_DECLARED: dict[str, Any] = {
    "id": "fleet-mail",
    "kind": "resident",
    "match": "fleet.example",
    "evidence": "the team's mail domain, its mail servers in the market's own data center",
}
"""A contact's e-mail domain: no catalogue places a mail server, so a program naming an address declares its domain."""
MAILED = ("alternate-contact-phone", "cms-contact-phone")
"""The programs whose contact also has an e-mail address (declared by ``MAIL_DECLARED``)."""
OIDC_ID = "EXAMPLED539D4633E53DE1B71EXAMPLE"
"""An EKS cluster's OIDC issuer id (the EKS user guide's example)."""


def _arn(code: str, service: str, resource: str, region: str | None = None, account: str = OWN_ACCOUNT) -> str:
    return f"arn:{partition(code)}:{service}:{AWS_HOME[code] if region is None else region}:{account}:{resource}"


def _second(code: str) -> str:
    return AWS_SECOND.get(code, AWS_HOME[code])


def _policy(statements: list[dict[str, Any]]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


# -- AWS: everyday estates -------------------------------------------------------------------------------------------


def eks_cluster(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: eks/cluster (role_arn, vpc_config.subnet_ids), eks/nodegroup (node_role_arn, scaling_config),
        # eks/addon; the managed policies by their partition's ARN (the EKS user guide's node IAM role)
        p = partition(code)
        cluster_role = aws.iam.Role("eks-cluster", assume_role_policy=trust_policy("eks.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicyAttachment(
            "eks-cluster-policy",
            role=cluster_role.name,
            policy_arn=f"arn:{p}:iam::aws:policy/AmazonEKSClusterPolicy",
            opts=c.aws,
        )
        cluster = aws.eks.Cluster(
            "fleet",
            role_arn=cluster_role.arn,
            version="1.31",
            vpc_config={"subnet_ids": SUBNETS, "endpoint_private_access": True, "endpoint_public_access": False},
            access_config={"authentication_mode": "API"},
            opts=c.aws,
        )
        node_role = aws.iam.Role("eks-nodes", assume_role_policy=trust_policy("ec2.amazonaws.com"), opts=c.aws)
        for policy in ("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"):
            aws.iam.RolePolicyAttachment(
                f"nodes-{policy}", role=node_role.name, policy_arn=f"arn:{p}:iam::aws:policy/{policy}", opts=c.aws
            )
        aws.eks.Addon("vpc-cni", cluster_name=cluster.name, addon_name="vpc-cni", opts=c.aws)
        return aws.eks.NodeGroup(
            "workers",
            cluster_name=cluster.name,
            node_role_arn=node_role.arn,
            subnet_ids=SUBNETS,
            instance_types=["m6i.large"],
            scaling_config={"desired_size": 3, "min_size": 2, "max_size": 6},
            opts=c.aws,
        )

    return build


def eks_irsa(code: str) -> Build:
    issuer = f"oidc.eks.{AWS_HOME[code]}.{dns_suffix(code)}/id/{OIDC_ID}"

    def build(c: Any) -> object:
        # docs: iam/openidconnectprovider (url, client_id_lists, thumbprint_lists); the EKS user guide "Assign IAM
        # roles to Kubernetes service accounts": the role trusts the provider, conditions on <issuer>:sub and :aud.
        # The cluster is the platform stack's; this apps stack reads its issuer from config.
        provider = aws.iam.OpenIdConnectProvider(
            "fleet-oidc",
            url=f"https://{issuer}",
            client_id_lists=["sts.amazonaws.com"],
            thumbprint_lists=["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
            opts=c.aws,
        )
        trust = provider.arn.apply(
            lambda arn: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Principal": {"Federated": arn},
                        "Action": "sts:AssumeRoleWithWebIdentity",
                        "Condition": {
                            "StringEquals": {
                                f"{issuer}:sub": "system:serviceaccount:fleet:ingest",
                                f"{issuer}:aud": "sts.amazonaws.com",
                            }
                        },
                    }
                ]
            )
        )
        role = aws.iam.Role("ingest-irsa", assume_role_policy=trust, opts=c.aws)
        bucket = aws.s3.Bucket("ingest-data", opts=c.aws)
        access = bucket.arn.apply(
            lambda arn: _policy(
                [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": f"{arn}/*"}]
            )
        )
        return aws.iam.RolePolicy("ingest-irsa-data", role=role.id, policy=access, opts=c.aws)

    return build


def eks_pod_identity(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: eks/podidentityassociation (cluster_name, namespace, service_account, role_arn); the EKS user guide's
        # Pod Identity trust: pods.eks.amazonaws.com with sts:AssumeRole and sts:TagSession
        trust = _policy(
            [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "pods.eks.amazonaws.com"},
                    "Action": ["sts:AssumeRole", "sts:TagSession"],
                }
            ]
        )
        role = aws.iam.Role("ingest-pod", assume_role_policy=trust, opts=c.aws)
        aws.eks.Addon("pod-identity", cluster_name="fleet", addon_name="eks-pod-identity-agent", opts=c.aws)
        return aws.eks.PodIdentityAssociation(
            "ingest", cluster_name="fleet", namespace="fleet", service_account="ingest", role_arn=role.arn, opts=c.aws
        )

    return build


def s3_replication(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: s3/bucketreplicationconfig (role, rules[].destination.bucket, storage_class), s3/bucketversioning;
        # v7's per-resource region for the replica bucket (same Region in DE: Same-Region Replication)
        source = aws.s3.Bucket("lake", opts=c.aws)
        replica = aws.s3.Bucket("lake-replica", region=_second(code), opts=c.aws)
        for name, bucket in (("lake", source), ("lake-replica", replica)):
            aws.s3.BucketVersioning(
                name,
                bucket=bucket.id,
                versioning_configuration={"status": "Enabled"},
                region=_second(code) if name == "lake-replica" else None,
                opts=c.aws,
            )
        role = aws.iam.Role("replication", assume_role_policy=trust_policy("s3.amazonaws.com"), opts=c.aws)
        policy = pulumi.Output.all(source.arn, replica.arn).apply(
            lambda a: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                        "Resource": a[0],
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl"],
                        "Resource": f"{a[0]}/*",
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["s3:ReplicateObject", "s3:ReplicateDelete"],
                        "Resource": f"{a[1]}/*",
                    },
                ]
            )
        )
        aws.iam.RolePolicy("replication", role=role.id, policy=policy, opts=c.aws)
        return aws.s3.BucketReplicationConfig(
            "lake",
            bucket=source.id,
            role=role.arn,
            rules=[
                {
                    "id": "all",
                    "status": "Enabled",
                    "filter": {},
                    "delete_marker_replication": {"status": "Disabled"},
                    "destination": {"bucket": replica.arn, "storage_class": "STANDARD_IA"},
                }
            ],
            opts=c.aws,
        )

    return build


def lambda_sqs_destinations(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: lambda/eventsourcemapping (event_source_arn, function_name), lambda/functioneventinvokeconfig
        # (destination_config.on_failure / on_success .destination: a queue, topic, function or bus ARN)
        fn = lambda_function("orders", c.aws)
        orders = aws.sqs.Queue("orders", visibility_timeout_seconds=180, opts=c.aws)
        failures = aws.sqs.Queue("orders-failures", opts=c.aws)
        done = aws.sns.Topic("orders-done", opts=c.aws)
        aws.lambda_.EventSourceMapping(
            "orders",
            event_source_arn=orders.arn,
            function_name=fn.arn,
            batch_size=10,
            function_response_types=["ReportBatchItemFailures"],
            opts=c.aws,
        )
        return aws.lambda_.FunctionEventInvokeConfig(
            "orders",
            function_name=fn.name,
            maximum_retry_attempts=1,
            destination_config={"on_failure": {"destination": failures.arn}, "on_success": {"destination": done.arn}},
            opts=c.aws,
        )

    return build


def lambda_s3_trigger(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: lambda/permission (principal s3.amazonaws.com, source_arn, source_account), s3/bucketnotification
        fn = lambda_function("thumbnails", c.aws)
        uploads = aws.s3.Bucket("uploads", opts=c.aws)
        allow = aws.lambda_.Permission(
            "from-uploads",
            action="lambda:InvokeFunction",
            function=fn.name,
            principal="s3.amazonaws.com",
            source_arn=uploads.arn,
            source_account=OWN_ACCOUNT,
            opts=c.aws,
        )
        return aws.s3.BucketNotification(
            "uploads",
            bucket=uploads.id,
            lambda_functions=[
                {"lambda_function_arn": fn.arn, "events": ["s3:ObjectCreated:*"], "filter_prefix": "incoming/"}
            ],
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[allow])),
        )

    return build


def rds_replica(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: rds/instance (replicate_source_db: "the ARN of the source DB instance" for a cross-Region replica,
        # kms_key_id in the replica's Region), rds/instanceautomatedbackupsreplication (source_db_instance_arn, region)
        key = aws.kms.Key("db", description="fleet database", enable_key_rotation=True, opts=c.aws)
        primary = aws.rds.Instance(
            "fleet",
            engine="postgres",
            engine_version="16.4",
            instance_class="db.r6g.large",
            allocated_storage=100,
            username="fleet",
            manage_master_user_password=True,
            storage_encrypted=True,
            kms_key_id=key.arn,
            backup_retention_period=7,
            skip_final_snapshot=True,
            opts=c.aws,
        )
        far = aws.kms.Key(
            "db-replica", description="fleet replica", enable_key_rotation=True, region=_second(code), opts=c.aws
        )
        aws.rds.Instance(
            "fleet-replica",
            replicate_source_db=primary.arn,
            instance_class="db.r6g.large",
            storage_encrypted=True,
            kms_key_id=far.arn,
            region=_second(code),
            skip_final_snapshot=True,
            opts=c.aws,
        )
        return aws.rds.InstanceAutomatedBackupsReplication(
            "fleet",
            source_db_instance_arn=primary.arn,
            kms_key_id=far.arn,
            retention_period=14,
            region=_second(code),
            opts=c.aws,
        )

    return build


def kms_multi_region(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: kms/key (multi_region), kms/replicakey (primary_key_arn, region), kms/alias
        key = aws.kms.Key("fleet", description="fleet data", multi_region=True, enable_key_rotation=True, opts=c.aws)
        replica = aws.kms.ReplicaKey(
            "fleet", primary_key_arn=key.arn, description="fleet data (replica)", region=_second(code), opts=c.aws
        )
        aws.kms.Alias("fleet", name="alias/fleet", target_key_id=key.key_id, opts=c.aws)
        return aws.kms.Alias(
            "fleet-replica", name="alias/fleet", target_key_id=replica.key_id, region=_second(code), opts=c.aws
        )

    return build


def _service_name(code: str, service: str) -> str:
    """A VPC endpoint's service name: ``com.amazonaws.<region>.<service>`` (execute-api, ... ; the same prefix in the
    China Regions for these, per the VPC endpoint reference's list)."""
    return f"com.amazonaws.{AWS_HOME[code]}.{service}"


def private_api(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/vpcendpoint (service_name, vpc_endpoint_type Interface), apigateway/restapi (endpoint_configuration
        # PRIVATE, vpc_endpoint_ids, policy); the API Gateway developer guide's private API resource policy
        endpoint = aws.ec2.VpcEndpoint(
            "execute-api",
            vpc_id="vpc-0a1b2c3d4e5f60718",
            service_name=_service_name(code, "execute-api"),
            vpc_endpoint_type="Interface",
            subnet_ids=SUBNETS,
            private_dns_enabled=True,
            opts=c.aws,
        )
        policy = endpoint.id.apply(
            lambda vpce: _policy(
                [
                    {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"},
                    {
                        "Effect": "Deny",
                        "Principal": "*",
                        "Action": "execute-api:Invoke",
                        "Resource": "execute-api:/*",
                        "Condition": {"StringNotEquals": {"aws:SourceVpce": vpce}},
                    },
                ]
            )
        )
        return aws.apigateway.RestApi(
            "internal",
            name="fleet-internal",
            policy=policy,
            endpoint_configuration={"types": "PRIVATE", "vpc_endpoint_ids": [endpoint.id]},
            opts=c.aws,
        )

    return build


def logs_to_firehose(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: kinesis/firehosedeliverystream (extended_s3_configuration.bucket_arn, role_arn),
        # cloudwatch/logsubscriptionfilter (destination_arn, role_arn); the CloudWatch Logs user guide's Firehose
        # subscription: the role trusts logs.<region>.amazonaws.com with aws:SourceArn of the account's log groups
        region = AWS_HOME[code]
        archive = aws.s3.Bucket("log-archive", opts=c.aws)
        firehose_role = aws.iam.Role("firehose", assume_role_policy=trust_policy("firehose.amazonaws.com"), opts=c.aws)
        stream = aws.kinesis.FirehoseDeliveryStream(
            "app-logs",
            destination="extended_s3",
            extended_s3_configuration={
                "bucket_arn": archive.arn,
                "role_arn": firehose_role.arn,
                "prefix": "app/",
                "compression_format": "GZIP",
            },
            opts=c.aws,
        )
        trust = _policy(
            [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": f"logs.{region}.{dns_suffix(code)}"},
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringLike": {"aws:SourceArn": _arn(code, "logs", "*")}},
                }
            ]
        )
        logs_role = aws.iam.Role("cwl-to-firehose", assume_role_policy=trust, opts=c.aws)
        group = aws.cloudwatch.LogGroup("app", retention_in_days=30, opts=c.aws)
        return aws.cloudwatch.LogSubscriptionFilter(
            "app-to-archive",
            log_group=group.name,
            filter_pattern="",
            destination_arn=stream.arn,
            role_arn=logs_role.arn,
            opts=c.aws,
        )

    return build


def userdata_own_bucket_rpm(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (user_data); the agent's package is kept in the stack's own bucket (its name output)
        artifacts = aws.s3.Bucket("artifacts", opts=c.aws)
        script = artifacts.bucket.apply(
            lambda b: (
                "#!/bin/bash\nset -euo pipefail\n"
                f"aws s3 cp s3://{b}/agents/fleet-agent-1.4.rpm /tmp/fleet-agent.rpm --region {AWS_HOME[code]}\n"
                "dnf install -y /tmp/fleet-agent.rpm\nsystemctl enable --now fleet-agent\n"
            )
        )
        return aws.ec2.Instance(
            "agent-host",
            ami="ami-0a1b2c3d4e5f60718",
            instance_type="t3.medium",
            subnet_id=SUBNETS[0],
            user_data=script,
            opts=c.aws,
        )

    return build


def userdata_ecr_pull(code: str) -> Build:
    registry = f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{dns_suffix(code)}"
    script = (
        "#!/bin/bash\nset -euo pipefail\ndnf install -y docker\nsystemctl enable --now docker\n"
        f"aws ecr get-login-password --region {AWS_HOME[code]} | docker login --username AWS --password-stdin "
        f"{registry}\ndocker run -d --restart always -p 8080:8080 {registry}/fleet/gateway:2.3\n"
    )

    def build(c: Any) -> object:
        # docs: ec2/launchtemplate (user_data: base64), the ECR user guide's docker login
        import base64

        return aws.ec2.LaunchTemplate(
            "gateway",
            image_id="ami-0a1b2c3d4e5f60718",
            instance_type="t3.medium",
            user_data=base64.b64encode(script.encode()).decode(),
            opts=c.aws,
        )

    return build


def sns_sms_oncall(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: sns/topicsubscription (protocol sms, endpoint: E.164), cloudwatch/metricalarm (alarm_actions)
        topic = aws.sns.Topic("oncall", opts=c.aws)
        aws.sns.TopicSubscription("oncall-sms", topic=topic.arn, protocol="sms", endpoint=PHONE[code], opts=c.aws)
        return aws.cloudwatch.MetricAlarm(
            "orders-backlog",
            comparison_operator="GreaterThanThreshold",
            evaluation_periods=1,
            metric_name="ApproximateNumberOfMessagesVisible",
            namespace="AWS/SQS",
            period=300,
            statistic="Maximum",
            threshold=100,
            dimensions={"QueueName": "orders"},
            alarm_actions=[topic.arn],
            ok_actions=[topic.arn],
            opts=c.aws,
        )

    return build


def alternate_contact(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: account/alternativecontact (alternate_contact_type, email_address, name, phone_number, title)
        return aws.account.AlternativeContact(
            "security",
            alternate_contact_type="SECURITY",
            name="Fleet Security",
            title="Security lead",
            email_address="security@fleet.example",
            phone_number=PHONE[code],
            opts=c.aws,
        )

    return build


def dynamodb_global(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: dynamodb/table (replicas[].region_name: a global table replica; stream_enabled for version 2019.11.21)
        return aws.dynamodb.Table(
            "sessions",
            billing_mode="PAY_PER_REQUEST",
            hash_key="id",
            attributes=[{"name": "id", "type": "S"}],
            stream_enabled=True,
            stream_view_type="NEW_AND_OLD_IMAGES",
            replicas=[{"region_name": _second(code)}],
            server_side_encryption={"enabled": True},
            opts=c.aws,
        )

    return build


def secret_replica(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: secretsmanager/secret (replicas[].region, kms_key_id)
        return aws.secretsmanager.Secret(
            "db-credentials", description="fleet database", replicas=[{"region": _second(code)}], opts=c.aws
        )

    return build


def ecr_replication(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ecr/replicationconfiguration (rules[].destinations[] {region, registry_id}); the registry's own account
        aws.ecr.Repository("gateway", name="fleet/gateway", image_tag_mutability="IMMUTABLE", opts=c.aws)
        return aws.ecr.ReplicationConfiguration(
            "dr",
            replication_configuration={
                "rules": [
                    {
                        "destinations": [{"region": _second(code), "registry_id": OWN_ACCOUNT}],
                        "repository_filters": [{"filter": "fleet/", "filter_type": "PREFIX_MATCH"}],
                    }
                ]
            },
            opts=c.aws,
        )

    return build


def backup_copy(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: backup/vault, backup/plan (rules[].copy_actions[].destination_vault_arn), backup/selection
        vault = aws.backup.Vault("primary", opts=c.aws)
        dr = aws.backup.Vault("dr", region=_second(code), opts=c.aws)
        plan = aws.backup.Plan(
            "daily",
            rules=[
                {
                    "rule_name": "daily",
                    "target_vault_name": vault.name,
                    "schedule": "cron(0 3 * * ? *)",
                    "lifecycle": {"delete_after": 35},
                    "copy_actions": [{"destination_vault_arn": dr.arn, "lifecycle": {"delete_after": 90}}],
                }
            ],
            opts=c.aws,
        )
        role = aws.iam.Role("backup", assume_role_policy=trust_policy("backup.amazonaws.com"), opts=c.aws)
        return aws.backup.Selection(
            "tagged",
            plan_id=plan.id,
            iam_role_arn=role.arn,
            selection_tags=[{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}],
            opts=c.aws,
        )

    return build


def _trail_bucket_policy(arn: str, trail_arn: str, *writers: str) -> str:
    """The CloudTrail user guide's bucket policy for a trail's bucket ``arn``: the ACL check and one write statement per
    ``AWSLogs/<writer>/*`` prefix (the account; an organization trail's organization id too), each conditioned on the
    trail's ``aws:SourceArn``."""

    def write(writer: str) -> dict[str, Any]:
        return {
            "Sid": "AWSCloudTrailWrite" if writer == writers[0] else "AWSCloudTrailOrganizationWrite",
            "Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": f"{arn}/AWSLogs/{writer}/*",
            "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trail_arn}},
        }

    check = {
        "Sid": "AWSCloudTrailAclCheck",
        "Effect": "Allow",
        "Principal": {"Service": "cloudtrail.amazonaws.com"},
        "Action": "s3:GetBucketAcl",
        "Resource": arn,
        "Condition": {"StringEquals": {"aws:SourceArn": trail_arn}},
    }
    return _policy([check, *(write(w) for w in writers)])


def trail_own_bucket(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudtrail/trail (s3_bucket_name), s3/bucketpolicy; the CloudTrail user guide's bucket policy with
        # aws:SourceArn of the trail
        trail_arn = _arn(code, "cloudtrail", "trail/audit")
        bucket = aws.s3.Bucket("audit", opts=c.aws)
        policy = bucket.arn.apply(lambda arn: _trail_bucket_policy(arn, trail_arn, OWN_ACCOUNT))
        attached = aws.s3.BucketPolicy("audit", bucket=bucket.id, policy=policy, opts=c.aws)
        return aws.cloudtrail.Trail(
            "audit",
            name="audit",
            s3_bucket_name=bucket.id,
            is_multi_region_trail=True,
            include_global_service_events=True,
            enable_log_file_validation=True,
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[attached])),
        )

    return build


def flow_logs(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/flowlog (log_destination_type s3, log_destination: the bucket ARN), s3/bucketlogging
        logs = aws.s3.Bucket("network-logs", opts=c.aws)
        access = aws.s3.Bucket("access-logs", opts=c.aws)
        aws.s3.BucketLogging(
            "network-logs", bucket=logs.id, target_bucket=access.id, target_prefix="network-logs/", opts=c.aws
        )
        return aws.ec2.FlowLog(
            "vpc",
            vpc_id="vpc-0a1b2c3d4e5f60718",
            traffic_type="ALL",
            log_destination_type="s3",
            log_destination=logs.arn,
            opts=c.aws,
        )

    return build


def sam_sqs_function(code: str) -> Build:
    template = """AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::SQS::Queue
  Failures:
    Type: AWS::SQS::Queue
  Done:
    Type: AWS::SNS::Topic
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return {"batchItemFailures": []}
      Events:
        OrdersQueue:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
            BatchSize: 10
            FunctionResponseTypes: [ReportBatchItemFailures]
      EventInvokeConfig:
        MaximumRetryAttempts: 1
        DestinationConfig:
          OnFailure:
            Type: SQS
            Destination: !GetAtt Failures.Arn
          OnSuccess:
            Type: SNS
            Destination: !Ref Done
"""

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, capabilities); SAM AWS::Serverless::Function Events (SQS),
        # EventInvokeConfig DestinationConfig (OnFailure / OnSuccess Type and Destination)
        return aws.cloudformation.Stack(
            "orders-worker",
            template_body=template,
            capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
            opts=c.aws,
        )

    return build


def api_access_logs(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: apigateway/stage (access_log_settings.destination_arn: "ARN of the CloudWatch Logs log group or Kinesis
        # Data Firehose delivery stream"), apigatewayv2/stage (access_log_settings); the stack's own log group
        api = aws.apigateway.RestApi("orders", name="orders", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
        resource = aws.apigateway.Resource(
            "health", rest_api=api.id, parent_id=api.root_resource_id, path_part="health", opts=c.aws
        )
        method = aws.apigateway.Method(
            "health", rest_api=api.id, resource_id=resource.id, http_method="GET", authorization="NONE", opts=c.aws
        )
        integration = aws.apigateway.Integration(
            "health",
            rest_api=api.id,
            resource_id=resource.id,
            http_method=method.http_method,
            type="MOCK",
            request_templates={"application/json": '{"statusCode": 200}'},
            opts=c.aws,
        )
        deployment = aws.apigateway.Deployment(
            "orders",
            rest_api=api.id,
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[integration])),
        )
        logs = aws.cloudwatch.LogGroup(
            "orders-access", name="/aws/apigateway/orders-access", retention_in_days=90, opts=c.aws
        )
        fmt = json.dumps(
            {"requestId": "$context.requestId", "status": "$context.status", "ip": "$context.identity.sourceIp"}
        )
        aws.apigateway.Stage(
            "prod",
            rest_api=api.id,
            deployment=deployment.id,
            stage_name="prod",
            access_log_settings={"destination_arn": logs.arn, "format": fmt},
            opts=c.aws,
        )
        http = aws.apigatewayv2.Api("events", protocol_type="HTTP", opts=c.aws)
        stream_role = aws.iam.Role(
            "apigw-firehose", assume_role_policy=trust_policy("firehose.amazonaws.com"), opts=c.aws
        )
        archive = aws.s3.Bucket("api-logs", opts=c.aws)
        stream = aws.kinesis.FirehoseDeliveryStream(
            "amazon-apigateway-events",
            name="amazon-apigateway-events",
            destination="extended_s3",
            extended_s3_configuration={"bucket_arn": archive.arn, "role_arn": stream_role.arn},
            opts=c.aws,
        )
        return aws.apigatewayv2.Stage(
            "events",
            api_id=http.id,
            name="$default",
            auto_deploy=True,
            access_log_settings={"destination_arn": stream.arn, "format": fmt},
            opts=c.aws,
        )

    return build


def pod_identity_target_role(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: eks/podidentityassociation target_role_arn ("ARN of the IAM role to be chained to the IAM role
        # specified as role_arn"); the stack's own account's role, written as its ARN (the data account's role is
        # the same account's here: the stack's pinned account)
        trust = _policy(
            [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "pods.eks.amazonaws.com"},
                    "Action": ["sts:AssumeRole", "sts:TagSession"],
                }
            ]
        )
        role = aws.iam.Role("ingest-pod", assume_role_policy=trust, opts=c.aws)
        return aws.eks.PodIdentityAssociation(
            "ingest",
            cluster_name="fleet",
            namespace="fleet",
            service_account="ingest",
            role_arn=role.arn,
            disable_session_tags=True,
            target_role_arn=f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/fleet-data-reader",
            opts=c.aws,
        )

    return build


def vpc_lattice(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: vpclattice/servicenetwork, servicenetworkvpcassociation (vpc_identifier, service_network_identifier),
        # service, targetgroup, listener, servicenetworkserviceassociation, accesslogsubscription (destination_arn:
        # the stack's log group), authpolicy (the VPC Lattice user guide's policy for the organisation's own account)
        network = aws.vpclattice.ServiceNetwork("fleet", name="fleet", auth_type="AWS_IAM", opts=c.aws)
        aws.vpclattice.ServiceNetworkVpcAssociation(
            "apps",
            vpc_identifier="vpc-0a1b2c3d4e5f60718",
            service_network_identifier=network.id,
            security_group_ids=["sg-0a1b2c3d4e5f60718"],
            opts=c.aws,
        )
        service = aws.vpclattice.Service("orders", name="orders", auth_type="AWS_IAM", opts=c.aws)
        group = aws.vpclattice.TargetGroup(
            "orders",
            name="orders",
            type="INSTANCE",
            config={"port": 8080, "protocol": "HTTP", "vpc_identifier": "vpc-0a1b2c3d4e5f60718"},
            opts=c.aws,
        )
        aws.vpclattice.Listener(
            "orders",
            name="http",
            protocol="HTTP",
            service_identifier=service.id,
            default_action={"forwards": [{"target_groups": [{"target_group_identifier": group.id}]}]},
            opts=c.aws,
        )
        aws.vpclattice.ServiceNetworkServiceAssociation(
            "orders", service_identifier=service.id, service_network_identifier=network.id, opts=c.aws
        )
        logs = aws.cloudwatch.LogGroup("lattice", name="/aws/vpclattice/fleet", retention_in_days=30, opts=c.aws)
        aws.vpclattice.AccessLogSubscription(
            "fleet", resource_identifier=network.id, destination_arn=logs.arn, opts=c.aws
        )
        policy = service.arn.apply(
            lambda arn: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:root"},
                        "Action": "vpc-lattice-svcs:Invoke",
                        "Resource": f"{arn}/*",
                    }
                ]
            )
        )
        return aws.vpclattice.AuthPolicy("orders", resource_identifier=service.arn, policy=policy, opts=c.aws)

    return build


def bucket_acl_log_delivery(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: s3/bucketacl (access_control_policy.grants[].grantee {type Group, uri}, owner.id),
        # s3/bucketownershipcontrols,
        # s3/getcanonicaluserid: the S3 user guide's server access logging with the log delivery group's ACL grant
        logs = aws.s3.Bucket("access-logs", opts=c.aws)
        ownership = aws.s3.BucketOwnershipControls(
            "access-logs", bucket=logs.id, rule={"object_ownership": "BucketOwnerPreferred"}, opts=c.aws
        )
        me = aws.s3.get_canonical_user_id_output(opts=pulumi.InvokeOutputOptions(provider=c.aws_p))
        return aws.s3.BucketAcl(
            "access-logs",
            bucket=logs.id,
            access_control_policy={
                "owner": {"id": me.id},
                "grants": [
                    {"grantee": {"type": "CanonicalUser", "id": me.id}, "permission": "FULL_CONTROL"},
                    {
                        "grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"},
                        "permission": "WRITE",
                    },
                    {
                        "grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"},
                        "permission": "READ_ACP",
                    },
                ],
            },
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[ownership])),
        )

    return build


def org_trail(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudtrail/trail (is_organization_trail); the CloudTrail user guide's bucket policy for an
        # organization trail: cloudtrail.amazonaws.com writes AWSLogs/<account>/* and AWSLogs/<org id>/*, conditioned
        # on the trail's aws:SourceArn (the management account's trail, this stack's account)
        trail_arn = _arn(code, "cloudtrail", "trail/org-audit")
        bucket = aws.s3.Bucket("org-audit", opts=c.aws)
        policy = bucket.arn.apply(lambda arn: _trail_bucket_policy(arn, trail_arn, OWN_ACCOUNT, "o-a1b2c3d4e5"))
        attached = aws.s3.BucketPolicy("org-audit", bucket=bucket.id, policy=policy, opts=c.aws)
        return aws.cloudtrail.Trail(
            "org-audit",
            name="org-audit",
            s3_bucket_name=bucket.id,
            is_organization_trail=True,
            is_multi_region_trail=True,
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[attached])),
        )

    return build


def userdata_imdsv2_config(code: str) -> Build:
    script = """#!/bin/bash
set -euo pipefail
TOKEN=$(curl -sX PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
REGION=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/placement/region)
mkdir -p /root/.aws
cat > /root/.aws/config <<EOF
[default]
region = ${REGION}
EOF
aws configure set default.s3.signature_version s3v4
aws ssm get-parameter --name /fleet/agent/token --with-decryption --query Parameter.Value \
  --output text > /etc/fleet/token
"""

    def build(c: Any) -> object:
        # docs: ec2/instance (user_data, metadata_options.http_tokens required); the EC2 user guide's IMDSv2 token
        # then placement/region, written into the CLI's config file
        return aws.ec2.Instance(
            "agent-host",
            ami="ami-0a1b2c3d4e5f60718",
            instance_type="t3.medium",
            subnet_id=SUBNETS[0],
            user_data=script,
            metadata_options={"http_tokens": "required", "http_endpoint": "enabled"},
            opts=c.aws,
        )

    return build


def userdata_cloud_config(code: str) -> Build:
    region = AWS_HOME[code]
    script = f"""#cloud-config
package_update: true
packages:
  - amazon-cloudwatch-agent
  - jq
write_files:
  - path: /root/.aws/config
    permissions: '0600'
    content: |
      [default]
      region = {region}
      output = json
runcmd:
  - aws s3 sync s3://fleet-config-{OWN_ACCOUNT}-{region}/agent/ /opt/fleet/agent/ --region {region}
  - /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c ssm:/fleet/cwagent
"""

    def build(c: Any) -> object:
        # docs: ec2/launchtemplate (user_data, base64); cloud-init's #cloud-config (packages, write_files, runcmd)
        import base64

        aws.s3.Bucket("config", bucket=f"fleet-config-{OWN_ACCOUNT}-{region}", opts=c.aws)
        return aws.ec2.LaunchTemplate(
            "agents",
            image_id="ami-0a1b2c3d4e5f60718",
            instance_type="t3.medium",
            user_data=base64.b64encode(script.encode()).decode(),
            opts=c.aws,
        )

    return build


def _sam_stack(name: str, template: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body: YAML, capabilities for SAM's roles and transform)
        return aws.cloudformation.Stack(
            name, template_body=template, capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"], opts=c.aws
        )

    return build


SAM_POLICY_TEMPLATES = """AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Jobs:
    Type: AWS::SQS::Queue
  Done:
    Type: AWS::SNS::Topic
  State:
    Type: AWS::Serverless::SimpleTable
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: fleet-events
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return None
      Policies:
        - S3ReadPolicy:
            BucketName: !Ref Uploads
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Jobs.QueueName
        - SNSPublishMessagePolicy:
            TopicName: !GetAtt Done.TopicName
        - DynamoDBCrudPolicy:
            TableName: !Ref State
        - EventBridgePutEventsPolicy:
            EventBusName: !Ref Bus
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
        Nightly:
          Type: ScheduleV2
          Properties:
            ScheduleExpression: cron(0 3 * * ? *)
"""
"""A SAM function with the policy templates of the SAM developer guide ("AWS SAM policy templates") on the
template's own bucket, queue, topic, table and bus, an S3 event on its bucket and a schedule."""

SAM_API_LOGS = """AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    AccessLogSetting:
      DestinationArn: !GetAtt ApiLogs.Arn
      Format: '{"requestId":"$context.requestId","status":"$context.status"}'
Resources:
  ApiLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 90
  HttpLogs:
    Type: AWS::Logs::LogGroup
  Orders:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      EndpointConfiguration: REGIONAL
  Events:
    Type: AWS::Serverless::HttpApi
    Properties:
      AccessLogSettings:
        DestinationArn: !Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${HttpLogs}'
        Format: $context.requestId
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return {"statusCode": 200}
      Events:
        Get:
          Type: Api
          Properties:
            RestApiId: !Ref Orders
            Path: /orders
            Method: get
        Post:
          Type: HttpApi
          Properties:
            ApiId: !Ref Events
            Path: /events
            Method: post
"""
"""SAM APIs logging to the template's own log groups: Globals Api AccessLogSetting by !GetAtt, an HttpApi's
AccessLogSettings by the log group's ARN built with Fn::Sub from the pseudo parameters and its Ref (the name)."""

SAM_EVENT_SOURCES = """AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: fleet-events
  Stream:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      StreamSpecification: {StreamViewType: NEW_IMAGE}
  Failures:
    Type: AWS::SQS::Queue
  Consumer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return None
      Events:
        VehicleEvents:
          Type: EventBridgeRule
          Properties:
            EventBusName: !Ref Bus
            Pattern: {source: [fleet.vehicles]}
            DeadLetterConfig:
              Arn: !GetAtt Failures.Arn
        Telemetry:
          Type: Kinesis
          Properties:
            Stream: !GetAtt Stream.Arn
            StartingPosition: LATEST
            DestinationConfig:
              OnFailure:
                Type: SQS
                Destination: !GetAtt Failures.Arn
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt Table.StreamArn
            StartingPosition: TRIM_HORIZON
"""
"""A SAM consumer of the template's own bus (by !Ref: its name), Kinesis stream and table stream, with an SQS
dead-letter target and an on-failure destination (SAM EventBridgeRule / Kinesis / DynamoDB event properties)."""


def cfn_include_own_bucket(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: s3/bucket, s3/bucketobjectv2 (the snippet), cloudformation/stack; AWS::Include's Location: "the
        # Amazon S3 URI" of the snippet, in the stack's own bucket (its name output)
        snippets = aws.s3.Bucket("snippets", opts=c.aws)
        aws.s3.BucketObjectv2(
            "queue-snippet",
            bucket=snippets.id,
            key="snippets/queues.yaml",
            content="Jobs:\n  Type: AWS::SQS::Queue\n",
            opts=c.aws,
        )
        body = snippets.bucket.apply(
            lambda b: json.dumps(
                {
                    "AWSTemplateFormatVersion": "2010-09-09",
                    "Resources": {
                        "Fn::Transform": {
                            "Name": "AWS::Include",
                            "Parameters": {"Location": f"s3://{b}/snippets/queues.yaml"},
                        }
                    },
                }
            )
        )
        return aws.cloudformation.Stack(
            "queues", template_body=body, capabilities=["CAPABILITY_AUTO_EXPAND"], opts=c.aws
        )

    return build


def _held_program(code: str, kind: str, bucket: str) -> Build:
    """A template whose AWS::Include snippet (``kind`` include) or SAM Api body (``api``) is held in a bucket: the
    program's own provider-named bucket (``own``) or another team's, named as text (``shared``)."""

    def build(c: Any) -> object:
        # docs: s3/bucket (bucket: "If omitted, Pulumi will assign a random, unique name"), s3/bucketobjectv2,
        # cloudformation/stack; AWS::Include Location, SAM Api DefinitionUri {Bucket, Key}
        if bucket == "own":
            held = aws.s3.Bucket("templates", opts=c.aws)
            key = "snippets/queues.yaml" if kind == "include" else "openapi/orders.yaml"
            aws.s3.BucketObjectv2("held", bucket=held.id, key=key, source=pulumi.FileAsset(__file__), opts=c.aws)
            body: Any = held.bucket.apply(lambda b: json.dumps(_held_template(kind, b)))
        else:
            body = json.dumps(_held_template(kind, SHARED_TEMPLATES))
        return aws.cloudformation.Stack(
            f"orders-{kind}", template_body=body, capabilities=["CAPABILITY_AUTO_EXPAND"], opts=c.aws
        )

    return build


SHARED_TEMPLATES = "platform-templates-shared"
"""Another team's template bucket: nothing in the program proves who writes its objects."""


def _held_template(kind: str, bucket: str) -> dict[str, Any]:
    if kind == "include":
        return {
            "AWSTemplateFormatVersion": "2010-09-09",
            "Resources": {
                "Fn::Transform": {
                    "Name": "AWS::Include",
                    "Parameters": {"Location": f"s3://{bucket}/snippets/queues.yaml"},
                }
            },
        }
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Resources": {
            "Orders": {
                "Type": "AWS::Serverless::Api",
                "Properties": {
                    "StageName": "prod",
                    "EndpointConfiguration": "REGIONAL",
                    "DefinitionUri": {"Bucket": bucket, "Key": "openapi/orders.yaml"},
                },
            }
        },
    }


def kms_key_policies(code: str) -> Build:
    region, p = AWS_HOME[code], partition(code)

    def build(c: Any) -> object:
        # docs: kms/key (policy); the KMS developer guide's key policy: the account's root, kms:ViaService for
        # Secrets Manager in the Region, kms:CallerAccount; the CloudWatch Logs user guide's key policy for
        # logs.<region>.amazonaws.com with the kms:EncryptionContext:aws:logs:arn condition
        root = f"arn:{p}:iam::{OWN_ACCOUNT}:root"
        policy = _policy(
            [
                {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": root}, "Action": "kms:*", "Resource": "*"},
                {
                    "Sid": "ViaSecretsManager",
                    "Effect": "Allow",
                    "Principal": {"AWS": "*"},
                    "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
                    "Resource": "*",
                    "Condition": {
                        "StringEquals": {
                            "kms:ViaService": f"secretsmanager.{region}.{dns_suffix(code)}",
                            "kms:CallerAccount": OWN_ACCOUNT,
                        }
                    },
                },
                {
                    "Sid": "Logs",
                    "Effect": "Allow",
                    "Principal": {"Service": f"logs.{region}.{dns_suffix(code)}"},
                    "Action": [
                        "kms:Encrypt*",
                        "kms:Decrypt*",
                        "kms:ReEncrypt*",
                        "kms:GenerateDataKey*",
                        "kms:Describe*",
                    ],
                    "Resource": "*",
                    "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": _arn(code, "logs", "log-group:*")}},
                },
            ]
        )
        key = aws.kms.Key("logs", description="fleet logs", enable_key_rotation=True, policy=policy, opts=c.aws)
        return aws.cloudwatch.LogGroup("app", retention_in_days=30, kms_key_id=key.arn, opts=c.aws)

    return build


def topic_queue_policies(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: sns/topicpolicy, sqs/queuepolicy, sns/topicsubscription (protocol sqs); the SNS developer guide's
        # queue policy: sns.amazonaws.com may SendMessage with aws:SourceArn of the topic; the topic lets
        # events.amazonaws.com and cloudwatch.amazonaws.com publish with aws:SourceAccount
        topic = aws.sns.Topic("fleet-events", opts=c.aws)
        queue = aws.sqs.Queue("fleet-events", opts=c.aws)
        topic_policy = topic.arn.apply(
            lambda arn: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": ["events.amazonaws.com", "cloudwatch.amazonaws.com"]},
                        "Action": "sns:Publish",
                        "Resource": arn,
                        "Condition": {"StringEquals": {"aws:SourceAccount": OWN_ACCOUNT}},
                    }
                ]
            )
        )
        aws.sns.TopicPolicy("fleet-events", arn=topic.arn, policy=topic_policy, opts=c.aws)
        queue_policy = pulumi.Output.all(queue.arn, topic.arn).apply(
            lambda a: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "sns.amazonaws.com"},
                        "Action": "sqs:SendMessage",
                        "Resource": a[0],
                        "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}},
                    }
                ]
            )
        )
        aws.sqs.QueuePolicy("fleet-events", queue_url=queue.url, policy=queue_policy, opts=c.aws)
        return aws.sns.TopicSubscription(
            "to-queue", topic=topic.arn, protocol="sqs", endpoint=queue.arn, raw_message_delivery=True, opts=c.aws
        )

    return build


def alb_access_logs(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: lb/loadbalancer (access_logs {bucket, prefix, enabled}), elb/getserviceaccount (the Region's
        # Elastic Load Balancing account, the registry's example bucket policy), s3/bucketpolicy
        logs = aws.s3.Bucket("alb-logs", opts=c.aws)
        elb = aws.elb.get_service_account_output(opts=pulumi.InvokeOutputOptions(provider=c.aws_p))
        policy = pulumi.Output.all(logs.arn, elb.arn).apply(
            lambda a: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": a[1]},
                        "Action": "s3:PutObject",
                        "Resource": f"{a[0]}/alb/AWSLogs/{OWN_ACCOUNT}/*",
                    }
                ]
            )
        )
        attached = aws.s3.BucketPolicy("alb-logs", bucket=logs.id, policy=policy, opts=c.aws)
        return aws.lb.LoadBalancer(
            "internal",
            internal=True,
            load_balancer_type="application",
            subnets=SUBNETS,
            access_logs={"bucket": logs.id, "prefix": "alb", "enabled": True},
            opts=pulumi.ResourceOptions.merge(c.aws, pulumi.ResourceOptions(depends_on=[attached])),
        )

    return build


def s3_replication_owner(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: s3/bucketreplicationconfig rules[].destination {bucket, account, access_control_translation {owner
        # Destination}, encryption_configuration.replica_kms_key_id},
        # source_selection_criteria.sse_kms_encrypted_objects
        key = aws.kms.Key(
            "replica", description="lake replica", enable_key_rotation=True, region=_second(code), opts=c.aws
        )
        source = aws.s3.Bucket("lake", opts=c.aws)
        replica = aws.s3.Bucket("lake-replica", region=_second(code), opts=c.aws)
        role = aws.iam.Role("replication", assume_role_policy=trust_policy("s3.amazonaws.com"), opts=c.aws)
        return aws.s3.BucketReplicationConfig(
            "lake",
            bucket=source.id,
            role=role.arn,
            rules=[
                {
                    "id": "kms",
                    "status": "Enabled",
                    "filter": {"prefix": "curated/"},
                    "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
                    "destination": {
                        "bucket": replica.arn,
                        "account": OWN_ACCOUNT,
                        "access_control_translation": {"owner": "Destination"},
                        "encryption_configuration": {"replica_kms_key_id": key.arn},
                    },
                }
            ],
            opts=c.aws,
        )

    return build


def irsa_cn_audience(code: str) -> Build:
    issuer = f"oidc.eks.{AWS_HOME[code]}.{dns_suffix(code)}/id/{OIDC_ID}"
    audience = f"sts.{dns_suffix(code)}"

    def build(c: Any) -> object:
        # docs: iam/role (assume_role_policy); the role's trust written out with the provider's ARN in the account
        # (arn:<partition>:iam::<account>:oidc-provider/<issuer>) and the audience as STS's host in the partition
        federated = f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:oidc-provider/{issuer}"
        trust = _policy(
            [
                {
                    "Effect": "Allow",
                    "Principal": {"Federated": federated},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {
                        "StringEquals": {f"{issuer}:aud": audience},
                        "StringLike": {f"{issuer}:sub": "system:serviceaccount:fleet:*"},
                    },
                }
            ]
        )
        return aws.iam.Role("fleet-irsa", assume_role_policy=trust, opts=c.aws)

    return build


def lambda_bus_destination(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: lambda/functioneventinvokeconfig (destination: the account's default event bus ARN),
        # cloudwatch/eventrule (event_bus_name default, event_pattern), cloudwatch/eventtarget (an SQS queue)
        fn = lambda_function("ingest", c.aws)
        bus = _arn(code, "events", "event-bus/default")
        aws.lambda_.FunctionEventInvokeConfig(
            "ingest", function_name=fn.name, destination_config={"on_success": {"destination": bus}}, opts=c.aws
        )
        rule = aws.cloudwatch.EventRule(
            "ingest-results",
            event_bus_name="default",
            event_pattern=json.dumps(
                {"source": ["lambda"], "detail-type": ["Lambda Function Invocation Result - Success"]}
            ),
            opts=c.aws,
        )
        queue = aws.sqs.Queue("ingest-results", opts=c.aws)
        return aws.cloudwatch.EventTarget("ingest-results", rule=rule.name, arn=queue.arn, opts=c.aws)

    return build


def _aws_scripts(code: str) -> dict[str, str]:
    """Ordinary EC2 user data, each setting the CLI's Region or host in-country in a way the AWS CLI user guide and the
    EC2 user guide show."""
    region, suffix = AWS_HOME[code], dns_suffix(code)
    return {
        "userdata-region-default-expansion": (
            "#!/bin/bash\nset -euo pipefail\n"
            f'REGION="${{AWS_REGION:-{region}}}"\n'
            'aws ssm get-parameter --name /fleet/agent/token --with-decryption --region "$REGION" '
            "--query Parameter.Value --output text > /etc/fleet/token\n"
        ),
        "userdata-ec2-metadata-region": (
            "#!/bin/bash\nset -euo pipefail\n"
            "REGION=$(ec2-metadata --region | awk '{print $2}')\n"
            'aws configure set region "$REGION"\n'
            "aws s3 cp s3://fleet-config/agent.json /etc/fleet/agent.json\n"
        ),
        "userdata-cli-profile-file": (
            "#!/bin/bash\nset -euo pipefail\nmkdir -p /root/.aws\n"
            "cat > /root/.aws/config <<'EOF'\n[default]\n"
            f"region = {region}\nsts_regional_endpoints = regional\n\n[profile data]\n"
            f"role_arn = arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/fleet-data-reader\n"
            f"credential_source = Ec2InstanceMetadata\nregion = {region}\n"
            "EOF\naws --profile data s3 ls s3://fleet-config/\n"
        ),
        "userdata-cli-endpoint-url": (
            "#!/bin/bash\nset -euo pipefail\n"
            f"aws configure set default.region {region}\n"
            f"aws configure set default.s3.endpoint_url https://s3.{region}.{suffix}\n"
            f"aws s3 cp s3://fleet-config/agent.json /etc/fleet/agent.json --endpoint-url https://s3.{region}.{suffix}\n"
        ),
        "userdata-describe-filters": (
            "#!/bin/bash\nset -euo pipefail\n"
            f"export AWS_DEFAULT_REGION={region}\n"
            'PEERS=$(aws ec2 describe-instances --filters "Name=tag:Role,Values=broker" '
            '"Name=instance-state-name,Values=running" --query "Reservations[].Instances[].PrivateIpAddress" '
            '--output text)\necho "$PEERS" > /etc/fleet/peers\n'
        ),
    }


def userdata_script(code: str, shape: str) -> Build:
    script = _aws_scripts(code)[shape]

    def build(c: Any) -> object:
        # docs: ec2/instance (user_data); the AWS CLI user guide's configuration (config file, `aws configure set`,
        # AWS_REGION / AWS_DEFAULT_REGION, --endpoint-url), ec2-metadata --region (Amazon Linux); the configuration
        # bucket is the stack's own
        aws.s3.Bucket("config", bucket="fleet-config", opts=c.aws)
        return aws.ec2.Instance(
            "agent-host",
            ami="ami-0a1b2c3d4e5f60718",
            instance_type="t3.medium",
            subnet_id=SUBNETS[0],
            user_data=script,
            opts=c.aws,
        )

    return build


def userdata_psql_own_db(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: rds/instance (address: the instance's host), ec2/instance (user_data); the host written from the
        # program's own database
        db = aws.rds.Instance(
            "fleet",
            engine="postgres",
            engine_version="16.4",
            instance_class="db.t4g.medium",
            allocated_storage=20,
            username="fleet",
            manage_master_user_password=True,
            storage_encrypted=True,
            skip_final_snapshot=True,
            opts=c.aws,
        )
        script = db.address.apply(
            lambda host: (
                "#!/bin/bash\nset -euo pipefail\n"
                f'DB_HOST="{host}"\n'
                'psql -h "$DB_HOST" -U fleet -d fleet -c "select 1"\n'
            )
        )
        return aws.ec2.Instance(
            "migrator",
            ami="ami-0a1b2c3d4e5f60718",
            instance_type="t3.medium",
            subnet_id=SUBNETS[0],
            user_data=script,
            opts=c.aws,
        )

    return build


def _ali_scripts(code: str) -> dict[str, str]:
    region = ALI_HOME[code]
    return {
        "ecs-userdata-aliyun-cli": (
            "#!/bin/bash\nset -euo pipefail\n"
            "REGION=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
            'aliyun configure set --mode EcsRamRole --ram-role-name fleet-agent --region "$REGION"\n'
            'aliyun ecs DescribeInstances --RegionId "$REGION" --Tag.1.Key Role --Tag.1.Value broker '
            "> /etc/fleet/peers\n"
        ),
        "ecs-userdata-oss-internal": (
            "#!/bin/bash\nset -euo pipefail\n"
            f"ossutil config -e oss-{region}-internal.aliyuncs.com -L EN\n"
            f"ossutil cp oss://fleet-artifacts-{code.lower()}/agents/agent.rpm /tmp/agent.rpm\n"
            "yum install -y /tmp/agent.rpm\n"
        ),
    }


def ecs_userdata_script(code: str, shape: str) -> Build:
    script = _ali_scripts(code)[shape]

    def build(c: Any) -> object:
        # docs: ecs/instance (user_data); the ECS metadata service (100.100.100.200 region-id), Alibaba Cloud CLI
        # `aliyun configure set --mode EcsRamRole`, ossutil config -e <internal endpoint>
        c.ali_role = DEPLOYER
        alicloud.oss.Bucket("artifacts", bucket=f"fleet-artifacts-{code.lower()}", opts=c.ali)
        return alicloud.ecs.Instance(
            "agent-host",
            image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            instance_type="ecs.g7.large",
            vswitch_id="vsw-0a1b2c3d4e5f6071",
            security_groups=["sg-0a1b2c3d4e5f6071"],
            user_data=script,
            opts=c.ali,
        )

    return build


def include_bucket_after(code: str, named: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudformation/stack, s3/bucket (bucket: the name), written in the order a reader groups them: the
        # stack first, the buckets it reads further down (Pulumi orders the registrations by their dependencies)
        body = json.dumps(_held_template("include", named))
        stack = aws.cloudformation.Stack(
            "orders-include", template_body=body, capabilities=["CAPABILITY_AUTO_EXPAND"], opts=c.aws
        )
        aws.s3.Bucket("snippets", bucket=SNIPPET_BUCKET, opts=c.aws)
        return stack

    return build


SNIPPET_BUCKET = "fleet-snippets-49"
"""The stack's snippet bucket, made by the program after the stack that includes from it."""


AWS_PROGRAMS: dict[str, Callable[[str], Build]] = {
    "eks-cluster-nodegroup": eks_cluster,
    "eks-irsa-role": eks_irsa,
    "eks-pod-identity": eks_pod_identity,
    "s3-replication": s3_replication,
    "lambda-sqs-destinations": lambda_sqs_destinations,
    "lambda-s3-trigger": lambda_s3_trigger,
    "rds-replica-backups": rds_replica,
    "kms-multi-region": kms_multi_region,
    "private-api": private_api,
    "logs-to-firehose-s3": logs_to_firehose,
    "userdata-own-bucket-rpm": userdata_own_bucket_rpm,
    "userdata-ecr-pull": userdata_ecr_pull,
    "sns-sms-oncall": sns_sms_oncall,
    "alternate-contact-phone": alternate_contact,
    "dynamodb-global-table": dynamodb_global,
    "secret-replica": secret_replica,
    "ecr-replication": ecr_replication,
    "backup-copy": backup_copy,
    "trail-own-bucket": trail_own_bucket,
    "flow-logs-s3": flow_logs,
    "sam-sqs-function": sam_sqs_function,
    "api-access-logs": api_access_logs,
    "pod-identity-target-role": pod_identity_target_role,
    "vpc-lattice": vpc_lattice,
    "bucket-acl-log-delivery": bucket_acl_log_delivery,
    "org-trail": org_trail,
    "userdata-imdsv2-config": userdata_imdsv2_config,
    "userdata-cloud-config": userdata_cloud_config,
    "sam-policy-templates": lambda code: _sam_stack("worker", SAM_POLICY_TEMPLATES),
    "sam-api-logs": lambda code: _sam_stack("apis", SAM_API_LOGS),
    "sam-event-sources": lambda code: _sam_stack("consumer", SAM_EVENT_SOURCES),
    "cfn-include-own-bucket": cfn_include_own_bucket,
    "include-own-auto-bucket": lambda code: _held_program(code, "include", "own"),
    "api-body-own-auto-bucket": lambda code: _held_program(code, "api", "own"),
    "include-own-bucket-after": lambda code: include_bucket_after(code, SNIPPET_BUCKET),
    "kms-key-policies": kms_key_policies,
    "topic-queue-policies": topic_queue_policies,
    "alb-access-logs": alb_access_logs,
    "s3-replication-owner": s3_replication_owner,
    "irsa-partition-audience": irsa_cn_audience,
    "lambda-bus-destination": lambda_bus_destination,
    "userdata-psql-own-db": userdata_psql_own_db,
    **{
        shape: functools.partial(lambda shape, code: userdata_script(code, shape), shape)
        for shape in _aws_scripts("EU")
    },
}
HELD_TWINS: dict[str, tuple[Callable[[str], Build], str]] = {
    "include-shared-bucket": (lambda code: _held_program(code, "include", "shared"), "RES-025"),
    "api-body-shared-bucket": (lambda code: _held_program(code, "api", "shared"), "RES-024"),
    "include-other-bucket-after": (lambda code: include_bucket_after(code, SHARED_TEMPLATES), "RES-025"),
}
"""The offending twins of the own-bucket programs: a bucket the program does not make (CN only: outside CN it is also
RES-017, two rules the table's one-refusal programs cannot hold)."""


# -- Alibaba Cloud ---------------------------------------------------------------------------------------------------


def _ali_arn(code: str, service: str, resource: str) -> str:
    return f"acs:{service}:{ALI_HOME[code]}:{OWN_UID}:{resource}"


def ack_cluster(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cs/managedkubernetes (worker_vswitch_ids / vswitch_ids, pod_cidr, service_cidr, enable_rrsa,
        # cluster_spec), cs/nodepool (cluster_id, vswitch_ids, instance_types, desired_size)
        c.ali_role = DEPLOYER
        vpc = alicloud.vpc.Network("fleet", vpc_name="fleet", cidr_block="10.0.0.0/8", opts=c.ali)
        vsw = alicloud.vpc.Switch(
            "fleet-a", vpc_id=vpc.id, cidr_block="10.1.0.0/16", zone_id=f"{ALI_HOME[code]}-a", opts=c.ali
        )
        cluster = alicloud.cs.ManagedKubernetes(
            "fleet",
            name="fleet",
            cluster_spec="ack.pro.small",
            vswitch_ids=[vsw.id],
            pod_cidr="172.20.0.0/16",
            service_cidr="172.21.0.0/20",
            enable_rrsa=True,
            slb_internet_enabled=False,
            new_nat_gateway=False,
            opts=c.ali,
        )
        return alicloud.cs.NodePool(
            "workers",
            cluster_id=cluster.id,
            node_pool_name="workers",
            vswitch_ids=[vsw.id],
            instance_types=["ecs.g7.xlarge"],
            desired_size="3",
            system_disk_category="cloud_essd",
            system_disk_size=120,
            opts=c.ali,
        )

    return build


def ack_rrsa_role(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ram/role (assume_role_policy_document); ACK "Use RRSA to authorize pods": the role trusts the
        # cluster's OIDC provider acs:ram::<uid>:oidc-provider/ack-rrsa-<cluster id>, conditions oidc:iss / aud / sub
        cluster_id = "c0a1b2c3d4e5f60718a9b8c7d6e5f4a3b"
        trust = json.dumps(
            {
                "Version": "1",
                "Statement": [
                    {
                        "Action": "sts:AssumeRole",
                        "Effect": "Allow",
                        "Principal": {"Federated": [f"acs:ram::{OWN_UID}:oidc-provider/ack-rrsa-{cluster_id}"]},
                        "Condition": {
                            "StringEquals": {
                                "oidc:aud": "sts.aliyuncs.com",
                                "oidc:iss": f"https://oidc-ack-{ALI_HOME[code]}.oss-{ALI_HOME[code]}-internal.aliyuncs.com/{cluster_id}",
                                "oidc:sub": "system:serviceaccount:fleet:ingest",
                            }
                        },
                    }
                ],
            }
        )
        c.ali_role = DEPLOYER
        role = alicloud.ram.Role(
            "ingest-rrsa", role_name="fleet-ingest-rrsa", assume_role_policy_document=trust, opts=c.ali
        )
        return alicloud.ram.RolePolicyAttachment(
            "ingest-oss",
            role_name=role.role_name,
            policy_type="System",
            policy_name="AliyunOSSReadOnlyAccess",
            opts=c.ali,
        )

    return build


def oss_replication(code: str) -> Build:
    target = ALI_SECOND.get(code)

    def build(c: Any) -> object:
        # docs: oss/bucket, oss/bucketreplication (destination {bucket, location: oss-<region>}, sync_role,
        # historical_object_replication); cross-region in CN, same-region replication elsewhere
        c.ali_role = DEPLOYER
        source = alicloud.oss.Bucket("lake", bucket=f"fleet-lake-{code.lower()}", opts=c.ali)
        if target:
            far = alicloud.Provider(
                "ali-second",
                region=target,
                assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci"),
            )
            replica = alicloud.oss.Bucket(
                "lake-replica", bucket=f"fleet-lake-{code.lower()}-dr", opts=pulumi.ResourceOptions(provider=far)
            )
        else:
            replica = alicloud.oss.Bucket("lake-replica", bucket=f"fleet-lake-{code.lower()}-dr", opts=c.ali)
        location = f"oss-{target or ALI_HOME[code]}"
        return alicloud.oss.BucketReplication(
            "lake",
            bucket=source.bucket,
            action="PUT,DELETE",
            historical_object_replication="enabled",
            sync_role="AliyunOSSRole",
            destination={"bucket": replica.bucket, "location": location},
            opts=c.ali,
        )

    return build


def fc_oss_trigger(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: fc/v3function, fc/v3trigger (trigger_type oss, source_arn acs:oss:<region>:<uid>:<bucket>,
        # invocation_role), fc/v3asyncinvokeconfig (destination_config.on_failure.destination: an MNS queue ARN)
        c.ali_role = DEPLOYER
        bucket = alicloud.oss.Bucket("uploads", bucket=f"fleet-uploads-{code.lower()}", opts=c.ali)
        queue = alicloud.message.ServiceQueue("failures", queue_name="thumbnail-failures", opts=c.ali)
        fn = alicloud.fc.V3Function(
            "thumbnails",
            function_name="thumbnails",
            runtime="python3.10",
            handler="index.handler",
            memory_size=512,
            timeout=60,
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            opts=c.ali,
        )
        alicloud.fc.V3Trigger(
            "uploads",
            function_name=fn.function_name,
            trigger_name="uploads",
            trigger_type="oss",
            qualifier="LATEST",
            source_arn=bucket.bucket.apply(lambda b: _ali_arn(code, "oss", b)),
            invocation_role=f"acs:ram::{OWN_UID}:role/aliyunosseventnotificationrole",
            trigger_config=json.dumps({"events": ["oss:ObjectCreated:*"], "filter": {"key": {"prefix": "incoming/"}}}),
            opts=c.ali,
        )
        return alicloud.fc.V3AsyncInvokeConfig(
            "thumbnails",
            function_name=fn.function_name,
            max_async_retry_attempts=1,
            destination_config={
                "on_failure": {
                    "destination": queue.queue_name.apply(lambda q: _ali_arn(code, "mns", f"/queues/{q}/messages"))
                }
            },
            opts=c.ali,
        )

    return build


def rds_read_only(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: rds/instance, rds/readonlyinstance (master_db_instance_id), rds/backuppolicy
        c.ali_role = DEPLOYER
        primary = alicloud.rds.Instance(
            "fleet",
            engine="MySQL",
            engine_version="8.0",
            instance_type="mysql.n2.medium.2c",
            instance_storage=100,
            db_instance_storage_type="cloud_essd",
            vswitch_id="vsw-0a1b2c3d4e5f6071",
            opts=c.ali,
        )
        alicloud.rds.BackupPolicy(
            "fleet",
            instance_id=primary.id,
            preferred_backup_periods=["Monday", "Thursday"],
            preferred_backup_time="02:00Z-03:00Z",
            backup_retention_period=14,
            log_backup_retention_period=14,
            opts=c.ali,
        )
        return alicloud.rds.ReadOnlyInstance(
            "fleet-ro",
            master_db_instance_id=primary.id,
            engine_version="8.0",
            instance_type="mysql.n2.medium.2c",
            instance_storage=100,
            vswitch_id="vsw-0a1b2c3d4e5f6071",
            opts=c.ali,
        )

    return build


def polardb(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: polardb/cluster (db_type, db_version, db_node_class, vswitch_id, security_ips,
        # backup_retention_policy_on_cluster_deletion)
        c.ali_role = DEPLOYER
        return alicloud.polardb.Cluster(
            "fleet",
            db_type="MySQL",
            db_version="8.0",
            db_node_class="polar.mysql.x4.large",
            pay_type="PostPaid",
            vswitch_id="vsw-0a1b2c3d4e5f6071",
            backup_retention_policy_on_cluster_deletion="LATEST",
            security_ips=["10.0.0.0/8"],
            opts=c.ali,
        )

    return build


def sls_oss_ship(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: log/project, log/store, log/ossshipper (oss_bucket, role_arn: a RAM role SLS assumes)
        c.ali_role = DEPLOYER
        project = alicloud.log.Project("fleet-logs", project_name=f"fleet-logs-{code.lower()}", opts=c.ali)
        store = alicloud.log.Store(
            "app", project_name=project.project_name, logstore_name="app", retention_period=30, opts=c.ali
        )
        archive = alicloud.oss.Bucket("log-archive", bucket=f"fleet-log-archive-{code.lower()}", opts=c.ali)
        return alicloud.log.OssShipper(
            "archive",
            project_name=project.project_name,
            logstore_name=store.logstore_name,
            shipper_name="archive",
            oss_bucket=archive.bucket,
            oss_prefix="app",
            buffer_interval=300,
            buffer_size=250,
            compress_type="snappy",
            path_format="%Y/%m/%d/%H/%M",
            format="json",
            role_arn=f"acs:ram::{OWN_UID}:role/aliyunlogdefaultrole",
            opts=c.ali,
        )

    return build


def cms_contact_phone(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cms/alarmcontact (channels_sms, channels_mail), cms/alarmcontactgroup
        c.ali_role = DEPLOYER
        contact = alicloud.cms.AlarmContact(
            "oncall",
            alarm_contact_name="fleet-oncall",
            describe="Fleet on-call",
            channels_mail="oncall@fleet.example",
            channels_sms=PHONE[code],
            opts=c.ali,
        )
        return alicloud.cms.AlarmContactGroup(
            "oncall", alarm_contact_group_name="fleet-oncall", contacts=[contact.alarm_contact_name], opts=c.ali
        )

    return build


SPACED_PHONE = {
    "CN": "+86 138 0013 8000",
    "JP": "+81 90-1234-5678",
    "DE": "+49 151 23456789",
    "EU": "+33 6 12 34 56 78",
    "US": "+1 206-555-0123",
}
"""The same on-call numbers as people write them, with spaces and hyphens after the country code."""
NATIONAL = {"CN": ("86", "13800138000"), "JP": ("81", "9012345678"), "DE": ("49", "15123456789")}
"""A mobile number without its country code, and the code written beside it (an SLS alert user's record)."""


def arms_contact(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: arms/alertcontact (alert_contact_name, phone_num, email, system_noc)
        c.ali_role = DEPLOYER
        return alicloud.arms.AlertContact(
            "oncall", alert_contact_name="fleet-oncall", phone_num=SPACED_PHONE[code], system_noc=True, opts=c.ali
        )

    return build


def sls_alert_mobile(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: log/alert (version 1: notification_lists[] {type SMS, mobile_lists, content}), log/project, log/store
        c.ali_role = DEPLOYER
        project = alicloud.log.Project("ops", project_name=f"fleet-ops-{code.lower()}", opts=c.ali)
        alicloud.log.Store("app", project_name=project.project_name, logstore_name="app", opts=c.ali)
        return alicloud.log.Alert(
            "errors",
            project_name=project.project_name,
            alert_name="app-errors",
            alert_displayname="App errors",
            condition="total > 100",
            dashboard="app",
            query_lists=[
                {
                    "logstore": "app",
                    "chart_title": "errors",
                    "start": "-60s",
                    "end": "20s",
                    "query": "level: ERROR | select count(*) as total",
                }
            ],
            notification_lists=[
                {
                    "type": "SMS",
                    "mobile_lists": [PHONE[code], SPACED_PHONE[code]],
                    "content": "App errors above threshold",
                }
            ],
            schedule={"type": "FixedRate", "interval": "5m"},
            opts=c.ali,
        )

    return build


def sls_alert_user(code: str) -> Build:
    country, number = NATIONAL[code]

    def build(c: Any) -> object:
        # docs: log/resourcerecord (resource_name sls.common.user, record_id, tag, value: the user's JSON with
        # "phone" and "country_code", the registry's example)
        c.ali_role = DEPLOYER
        value = json.dumps(
            {
                "user_id": "oncall",
                "user_name": "Fleet on-call",
                "enabled": True,
                "sms_enabled": True,
                "voice_enabled": True,
                "country_code": country,
                "phone": number,
            }
        )
        return alicloud.log.ResourceRecord(
            "oncall", resource_name_="sls.common.user", record_id="oncall", tag="oncall", value=value, opts=c.ali
        )

    return build


def trail_own_oss(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: actiontrail/trail (oss_bucket_name, oss_write_role_arn, sls_project_arn, sls_write_role_arn)
        c.ali_role = DEPLOYER
        bucket = alicloud.oss.Bucket("audit", bucket=f"fleet-audit-{code.lower()}", opts=c.ali)
        project = alicloud.log.Project("audit", project_name=f"fleet-audit-{code.lower()}", opts=c.ali)
        role = f"acs:ram::{OWN_UID}:role/aliyunactiontraildefaultrole"
        return alicloud.actiontrail.Trail(
            "audit",
            trail_name="fleet-audit",
            event_rw="All",
            trail_region="All",
            oss_bucket_name=bucket.bucket,
            oss_key_prefix="actiontrail",
            oss_write_role_arn=role,
            sls_write_role_arn=role,
            sls_project_arn=project.project_name.apply(lambda p: _ali_arn(code, "log", f"project/{p}")),
            opts=c.ali,
        )

    return build


def oss_logging(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: oss/bucket, oss/bucketlogging (target_bucket, target_prefix)
        c.ali_role = DEPLOYER
        data = alicloud.oss.Bucket("lake", bucket=f"fleet-lake-{code.lower()}", opts=c.ali)
        logs = alicloud.oss.Bucket("access-logs", bucket=f"fleet-access-logs-{code.lower()}", opts=c.ali)
        return alicloud.oss.BucketLogging(
            "lake", bucket=data.bucket, target_bucket=logs.bucket, target_prefix="lake/", opts=c.ali
        )

    return build


def ecs_userdata_ossutil(code: str) -> Build:
    script = f"""#!/bin/bash
set -euo pipefail
REGION=$(curl -s http://100.100.100.200/latest/meta-data/region-id)
cat > /root/.ossutilconfig <<EOF
[Credentials]
language=EN
endpoint=oss-${{REGION}}-internal.aliyuncs.com
EOF
ossutil cp oss://fleet-artifacts-{code.lower()}/agents/fleet-agent-1.4.rpm /tmp/fleet-agent.rpm
yum install -y /tmp/fleet-agent.rpm
"""

    def build(c: Any) -> object:
        # docs: ecs/instance (user_data); the ECS metadata service's region-id, ossutil's config file (endpoint)
        c.ali_role = DEPLOYER
        alicloud.oss.Bucket("artifacts", bucket=f"fleet-artifacts-{code.lower()}", opts=c.ali)
        return alicloud.ecs.Instance(
            "agent-host",
            image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            instance_type="ecs.g7.large",
            vswitch_id="vsw-0a1b2c3d4e5f6071",
            security_groups=["sg-0a1b2c3d4e5f6071"],
            user_data=script,
            opts=c.ali,
        )

    return build


def _ros_fc_resources() -> dict[str, Any]:
    """ROS: an OSS bucket, an FC service and function, and an OSS trigger whose SourceArn is joined from the pseudo
    parameters and the bucket's name (ALIYUN::FC::Trigger SourceArn, InvocationRole by Fn::GetAtt)."""
    trust = {
        "Version": "1",
        "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["oss.aliyuncs.com"]}}],
    }
    return {
        "Uploads": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-uploads-ros"}},
        "TriggerRole": {
            "Type": "ALIYUN::RAM::Role",
            "Properties": {"RoleName": "fleet-oss-trigger", "AssumeRolePolicyDocument": trust},
        },
        "Service": {"Type": "ALIYUN::FC::Service", "Properties": {"ServiceName": "fleet"}},
        "Thumbnails": {
            "Type": "ALIYUN::FC::Function",
            "DependsOn": ["Service"],
            "Properties": {
                "ServiceName": "fleet",
                "FunctionName": "thumbnails",
                "Runtime": "python3.10",
                "Handler": "index.handler",
                "Code": {"SourceCode": "def handler(event, context):\\n    return None\\n"},
            },
        },
        "OnUpload": {
            "Type": "ALIYUN::FC::Trigger",
            "DependsOn": ["Thumbnails", "Uploads"],
            "Properties": {
                "ServiceName": "fleet",
                "FunctionName": "thumbnails",
                "TriggerName": "on-upload",
                "TriggerType": "oss",
                "InvocationRole": {"Fn::GetAtt": ["TriggerRole", "Arn"]},
                "SourceArn": {
                    "Fn::Join": [
                        "",
                        [
                            "acs:oss:",
                            {"Ref": "ALIYUN::Region"},
                            ":",
                            {"Ref": "ALIYUN::AccountId"},
                            ":",
                            {"Ref": "Uploads"},
                        ],
                    ]
                },
                "TriggerConfig": {"events": ["oss:ObjectCreated:*"], "filter": {"key": {"prefix": "incoming/"}}},
            },
        },
    }


def _ros_ecs_resources() -> dict[str, Any]:
    """ROS: a VPC, a vSwitch, a security group and an instance group whose UserData configures ossutil's endpoint
    from ${ALIYUN::Region} (Fn::Sub), the ROS user guide's pseudo parameters."""
    user_data = {
        "Fn::Sub": "#!/bin/bash\nossutil config -e oss-${ALIYUN::Region}-internal.aliyuncs.com -L EN\n"
        "ossutil cp oss://fleet-artifacts/agent.rpm /tmp/agent.rpm && yum install -y /tmp/agent.rpm\n"
    }
    return {
        "Vpc": {"Type": "ALIYUN::ECS::VPC", "Properties": {"VpcName": "fleet", "CidrBlock": "10.0.0.0/8"}},
        "VSwitch": {
            "Type": "ALIYUN::ECS::VSwitch",
            "Properties": {
                "VpcId": {"Ref": "Vpc"},
                "CidrBlock": "10.1.0.0/16",
                "ZoneId": {"Fn::Select": ["0", {"Fn::GetAZs": {"Ref": "ALIYUN::Region"}}]},
            },
        },
        "Sg": {"Type": "ALIYUN::ECS::SecurityGroup", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "Artifacts": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-artifacts"}},
        "Agents": {
            "Type": "ALIYUN::ECS::InstanceGroup",
            "Properties": {
                "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd",
                "InstanceType": "ecs.g7.large",
                "MaxAmount": 2,
                "VpcId": {"Ref": "Vpc"},
                "VSwitchId": {"Ref": "VSwitch"},
                "SecurityGroupId": {"Ref": "Sg"},
                "UserData": user_data,
            },
        },
    }


def _serverless_resources() -> dict[str, Any]:
    """Aliyun::Serverless (Fun's transform): a service logging to the template's own project and store, a function with
    an OSS event on the template's bucket and a timer."""
    return {
        "Logs": {"Type": "Aliyun::Serverless::Log", "Properties": {"Description": "fleet function logs"}},
        "Uploads": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "fleet-uploads-fun"}},
        "fleet": {
            "Type": "Aliyun::Serverless::Service",
            "Properties": {"Description": "fleet", "LogConfig": {"Project": {"Ref": "Logs"}, "Logstore": "fn-logs"}},
            "thumbnails": {
                "Type": "Aliyun::Serverless::Function",
                "Properties": {"Handler": "index.handler", "Runtime": "python3.10", "CodeUri": "./src", "Timeout": 60},
                "Events": {
                    "OnUpload": {
                        "Type": "OSS",
                        "Properties": {
                            "BucketName": "fleet-uploads-fun",
                            "Events": ["oss:ObjectCreated:*"],
                            "Filter": {"Key": {"Prefix": "incoming/"}},
                        },
                    },
                    "Nightly": {"Type": "Timer", "Properties": {"CronExpression": "0 0 3 * * *", "Enable": True}},
                },
            },
        },
    }


def _ros(name: str, resources: dict[str, Any], transform: str | None = None) -> Build:
    document: dict[str, Any] = {"ROSTemplateFormatVersion": "2015-09-01"}
    if transform:
        document["Transform"] = transform
    body = json.dumps({**document, "Resources": resources})

    def build(c: Any) -> object:
        # docs: ros/stack (stack_name, template_body); the provider assumes the team's deployment role
        c.ali_role = DEPLOYER
        return alicloud.ros.Stack(name, stack_name=name, template_body=body, opts=c.ali)

    return build


ALI_PROGRAMS: dict[str, Callable[[str], Build]] = {
    "ack-cluster-nodepool": ack_cluster,
    "ack-rrsa-role": ack_rrsa_role,
    "oss-replication": oss_replication,
    "fc-oss-trigger": fc_oss_trigger,
    "rds-read-only": rds_read_only,
    "polardb-cluster": polardb,
    "sls-oss-ship": sls_oss_ship,
    "cms-contact-phone": cms_contact_phone,
    "arms-contact-phone": arms_contact,
    "sls-alert-mobile": sls_alert_mobile,
    "sls-alert-user": sls_alert_user,
    "trail-own-oss": trail_own_oss,
    "oss-logging": oss_logging,
    "ecs-userdata-ossutil": ecs_userdata_ossutil,
    "ros-fc-oss-trigger": lambda code: _ros("fleet-functions", _ros_fc_resources()),
    "ros-ecs-userdata": lambda code: _ros("fleet-agents", _ros_ecs_resources()),
    "ros-serverless": lambda code: _ros("fleet-fun", _serverless_resources(), "Aliyun::Serverless-2018-04-03"),
    **{
        shape: functools.partial(lambda shape, code: ecs_userdata_script(code, shape), shape)
        for shape in _ali_scripts("CN")
    },
}


def _declared(shape: str) -> list[dict[str, Any]]:
    return [MAIL_DECLARED] if shape in MAILED else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, make in AWS_PROGRAMS.items():
        out += [
            (f"falsealarm49-{code.lower()}-{shape}", code, make(code), set(), _declared(shape)) for code in AWS_CODES
        ]
    for shape, (make_twin, rule) in HELD_TWINS.items():
        out.append((f"falsealarm49-cn-{shape}", "CN", make_twin("CN"), {rule}, []))
    for shape, make in ALI_PROGRAMS.items():
        out += [
            (f"falsealarm49-{code.lower()}-{shape}", code, make(code), set(), _declared(shape)) for code in ALI_CODES
        ]
    return out
