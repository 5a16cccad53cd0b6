"""Ordinary compliant programs that come close to the refusals stop 32 added (false-alarm review, stop 32).

Each builder is what an engineer of one market (CN on both clouds, EU, DE, JP, US) writes next to a new refusal: a
Route 53 alias to a load balancer, API, bucket website or Elastic Beanstalk environment of an in-market Region (the
alias-target closure), a Cognito user pool or identity pool id of an in-market Region (ids that carry their Region), an
environment naming the Region's container registry or a schema registry by name (`registry` as a host key), an
`oss://` URI on an in-region OSS endpoint, a budget and a cost anomaly subscription notifying an in-market SNS topic, an
Organizations backup policy copying to an in-market vault, an OpenSearch Ingestion pipeline writing to an in-market
domain, a DMS endpoint on an in-market Aurora cluster, a DataSync SMB share inside the network, and Alibaba Cloud VPC
peering and OSS replication between two Regions of one market.

Written from the Pulumi registry (pulumi-aws v7, pulumi-alicloud) and the provider docs named in each builder; none
sends data out of its market, so every front door must accept each. tests/test_realistic_programs.py runs them as CASES
(``fa32-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _trust

Build = Any

ACCOUNT = "123456789012"


def _suffix(region: str) -> str:
    """The DNS suffix of the Region's partition (AWS General Reference, "Service endpoints"; aws-cn: .com.cn)."""
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _partition(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def route53_aliases_in_market(
    region: str, zone: str, *, website_dash: bool = False, relative: bool = False, beanstalk_region: str | None = None
) -> Build:
    # docs: route53/zone + route53/record aliases (API AliasTarget: "an ELB load balancer", "an API Gateway custom
    # regional API", "an Amazon S3 bucket that is configured as a static website", "an Elastic Beanstalk environment",
    # "another Route 53 record in the same hosted zone"); the DNSName as the console shows it for each: an ALB's
    # `dualstack.<name>.<region>.elb.amazonaws.com`, an NLB's `<name>.elb.<region>.amazonaws.com`, a regional custom
    # domain's `d-<id>.execute-api.<region>.amazonaws.com`, the S3 website endpoint (`s3-website.<region>` or, in the
    # older Regions, `s3-website-<region>`: Amazon S3 "Website endpoints"), `<env>.<region>.elasticbeanstalk.com`
    # (in `beanstalk_region`, the stack's by default); and the apex aliased to the `portal` record by its full name
    # (`relative`: each record written by its name relative to the zone, "portal", as the provider allows).
    def build(c: Any) -> object:
        opts = _aws(region)
        sfx = _suffix(region)
        hosted = aws.route53.Zone("fleet", name=zone, opts=opts)
        website = f"s3-website-{region}.{sfx}" if website_dash else f"s3-website.{region}.{sfx}"
        targets = {
            "portal": (f"dualstack.fleet-portal-1234567890.{region}.elb.{sfx}", "Z215JYRZR1TBD5"),
            "ingest": (f"fleet-ingest-0123456789abcdef.elb.{region}.{sfx}", "Z3F0SRJ5LGBH90"),
            "api": (f"d-abcde12345.execute-api.{region}.{sfx}", "Z1U9ULNL0V5AJ3"),
            "static": (website, "Z21DNDUVLTQW6Q"),
        }
        if not region.startswith("cn-"):  # Elastic Beanstalk's environment domain (aws partition)
            targets["legacy"] = (f"fleet-portal.{beanstalk_region or region}.elasticbeanstalk.com", "Z1R25G3KIG2GBW")
        for name, (target, target_zone) in targets.items():
            aws.route53.Record(
                name, zone_id=hosted.zone_id, name=name if relative else f"{name}.{zone}", type="A",
                aliases=[{"name": target, "zone_id": target_zone, "evaluate_target_health": True}], opts=opts,
            )  # fmt: skip
        return aws.route53.Record(
            "apex", zone_id=hosted.zone_id, name=zone, type="A",
            aliases=[{"name": f"portal.{zone}", "zone_id": hosted.zone_id, "evaluate_target_health": False}],
            opts=opts,
        )  # fmt: skip

    return build


def cognito_ids_in_market(region: str, pool_region: str | None = None) -> Build:
    # docs: appsync/graphqlapi (AMAZON_COGNITO_USER_POOLS, user_pool_config {user_pool_id, aws_region,
    # default_action}), cognito/identitypoolroleattachment (identity_pool_id "REGION:GUID"), lambda/function with the
    # pool's id in its environment (the Cognito SDK's verifier is given the pool id): a pool another stack of the
    # market made, in `pool_region` (the stack's Region by default).
    def build(c: Any) -> object:
        opts = _aws(region)
        where = pool_region or region
        pool_id = f"{where}_AbCdEf123"
        identity_pool = f"{where}:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
        role = aws.iam.Role(
            "owners-authenticated", opts=opts,
            assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": identity_pool}}}]}),
        )  # fmt: skip
        aws.cognito.IdentityPoolRoleAttachment(
            "owners", identity_pool_id=identity_pool, roles={"authenticated": role.arn}, opts=opts
        )
        _function("token-check", opts, {"USER_POOL_ID": pool_id, "COGNITO_REGION": where})
        if region.startswith("cn-"):  # AppSync is not offered in the China Regions
            return role
        return aws.appsync.GraphQLApi(
            "owner-graph", name="owner-graph", authentication_type="AMAZON_COGNITO_USER_POOLS",
            user_pool_config={"user_pool_id": pool_id, "aws_region": where, "default_action": "ALLOW"}, opts=opts,
        )  # fmt: skip

    return build


def registry_environment(region: str) -> Build:
    # docs: lambda/function environment — a build helper given the Region's private ECR registry
    # (`<account>.dkr.ecr.<region>.amazonaws.com`, Amazon ECR "Private registry concepts"), the registry id ECR's API
    # takes (the account id), and the AWS Glue Schema Registry and its Region by name (Glue "Schema registry": a
    # registry is named, not addressed by a host).
    def build(c: Any) -> object:
        return _function(
            "image-promoter", _aws(region), {
                "REGISTRY": f"{ACCOUNT}.dkr.ecr.{region}.{_suffix(region)}",
                "ECR_REGISTRY": f"{ACCOUNT}.dkr.ecr.{region}.{_suffix(region)}",
                "REGISTRY_ID": ACCOUNT,
                "SCHEMA_REGISTRY": "fleet-telemetry",
                "SCHEMA_REGISTRY_REGION": region,
            },
        )  # fmt: skip

    return build


def ali_registry_and_oss_environment(region: str, *, hdfs: bool = False, shared_bucket: bool = False) -> Build:
    # docs: fc/v3function environment_variables — an image builder given the Region's Container Registry (ACR
    # Personal's `registry-vpc.<region>.aliyuncs.com`, an Enterprise instance's
    # `<instance>-registry-vpc.<region>.cr.aliyuncs.com`: ACR "Access domain names") and its OSS paths: JindoSDK's
    # `oss://<bucket>.<endpoint>/` on the Region's internal endpoint, (CN) OSS-HDFS's
    # `oss://<bucket>.<region>.oss-dls.aliyuncs.com/`, and (`shared_bucket`) a bucket of the data stack named alone,
    # `oss://<bucket>/`, which names no region (declared).
    def build(c: Any) -> object:
        env = {
            "REGISTRY": f"registry-vpc.{region}.aliyuncs.com",
            "DOCKER_REGISTRY": f"fleet-registry-vpc.{region}.cr.aliyuncs.com",
            "REGISTRY_NAMESPACE": "fleet",
            "EXPORT_URI": f"oss://fleet-exports.oss-{region}-internal.aliyuncs.com/daily/",
        }
        if shared_bucket:
            env["RAW_PATH"] = "oss://fleet-raw-drives/drives/"
        if hdfs:
            env["LAKE_PATH"] = f"oss://fleet-lake.{region}.oss-dls.aliyuncs.com/warehouse/"
        return alicloud.fc.V3Function(
            "image-builder", function_name="image-builder", handler="index.handler", runtime="python3.10",
            memory_size=512, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            environment_variables=env, opts=_ali(region),
        )  # fmt: skip

    return build


def cost_alerts_to_own_topic(region: str) -> Build:
    # docs: sns/topic + sns/topicpolicy (budgets.amazonaws.com and costalerts.amazonaws.com may publish: "Creating an
    # Amazon SNS topic for budget notifications"), budgets/budget notifications[].subscriber_sns_topic_arns,
    # costexplorer/anomalymonitor + anomalysubscription (subscribers SNS, IMMEDIATE): the alerts reach the team through
    # the stack's own topic in its Region.
    def build(c: Any) -> object:
        opts = _aws(region)
        topic = aws.sns.Topic("cost-alerts", name="cost-alerts", opts=opts)
        aws.sns.TopicPolicy(
            "cost-alerts", arn=topic.arn, opts=opts,
            policy=topic.arn.apply(lambda arn: json.dumps({"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"Service": ["budgets.amazonaws.com", "costalerts.amazonaws.com"]},
                "Action": "SNS:Publish", "Resource": arn}]})),
        )  # fmt: skip
        aws.budgets.Budget(
            "fleet-monthly", budget_type="COST", limit_amount="5000", limit_unit="USD", time_unit="MONTHLY",
            notifications=[{"comparison_operator": "GREATER_THAN", "threshold": 80, "threshold_type": "PERCENTAGE",
                            "notification_type": "FORECASTED", "subscriber_sns_topic_arns": [topic.arn]}],
            opts=opts,
        )  # fmt: skip
        monitor = aws.costexplorer.AnomalyMonitor(
            "services", name="services", monitor_type="DIMENSIONAL", monitor_dimension="SERVICE", opts=opts
        )
        return aws.costexplorer.AnomalySubscription(
            "cost-spikes", name="cost-spikes", frequency="IMMEDIATE", monitor_arn_lists=[monitor.arn],
            subscribers=[{"type": "SNS", "address": topic.arn}],
            threshold_expression={"dimension": {"key": "ANOMALY_TOTAL_IMPACT_ABSOLUTE", "match_options":
                                                ["GREATER_THAN_OR_EQUAL"], "values": ["100"]}},
            opts=pulumi.ResourceOptions(provider=opts.provider, depends_on=[topic]),
        )  # fmt: skip

    return build


def org_backup_policy_in_market(region: str, copy_region: str) -> Build:
    # docs: organizations/policy (type BACKUP_POLICY; AWS Organizations "Backup policy syntax and examples":
    # regions, rules, copy_actions with target_backup_vault_arn) + policyattachment: the organization's nightly plan in
    # the market's Regions, copying to the DR vault of the other in-market Region.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        vault = f"arn:{part}:backup:{copy_region}:$account:backup-vault:fleet-dr"
        content = {
            "plans": {
                "fleet-nightly": {
                    "regions": {"@@assign": [region]},
                    "rules": {
                        "nightly": {
                            "schedule_expression": {"@@assign": "cron(0 3 ? * * *)"},
                            "target_backup_vault_name": {"@@assign": "fleet-primary"},
                            "lifecycle": {"delete_after_days": {"@@assign": "35"}},
                            "copy_actions": {
                                vault: {
                                    "target_backup_vault_arn": {"@@assign": vault},
                                    "lifecycle": {"delete_after_days": {"@@assign": "35"}},
                                }
                            },
                        }
                    },
                    "backup_plan_tags": {
                        "fleet": {"tag_key": {"@@assign": "fleet"}, "tag_value": {"@@assign": "prod"}}
                    },
                    "selections": {
                        "tags": {
                            "prod": {
                                "iam_role_arn": {"@@assign": f"arn:{part}:iam::$account:role/fleet-backup"},
                                "tag_key": {"@@assign": "backup"},
                                "tag_value": {"@@assign": ["nightly"]},
                            }
                        }
                    },
                }
            }
        }
        policy = aws.organizations.Policy(
            "fleet-backups", name="fleet-backups", type="BACKUP_POLICY", content=json.dumps(content), opts=opts
        )
        return aws.organizations.PolicyAttachment(
            "fleet-backups", policy_id=policy.id, target_id="ou-ab12-cd34ef56", opts=opts
        )

    return build


def osis_to_own_domain(region: str) -> Build:
    # docs: opensearch/domain + opensearchingest/pipeline — the Data Prepper YAML (OpenSearch Ingestion "Pipeline
    # configuration": an http source, an opensearch sink with `hosts` and `aws.sts_role_arn` / `aws.region`) writing
    # vehicle logs to the stack's own domain (its `endpoint` output) in its Region.
    def build(c: Any) -> object:
        opts = _aws(region)
        domain = aws.opensearch.Domain(
            "vehicle-logs", domain_name="vehicle-logs", engine_version="OpenSearch_2.13",
            cluster_config={"instance_type": "r6g.large.search", "instance_count": 2},
            ebs_options={"ebs_enabled": True, "volume_size": 100}, encrypt_at_rest={"enabled": True},
            node_to_node_encryption={"enabled": True}, opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("osis", assume_role_policy=_trust("osis-pipelines.amazonaws.com"), opts=opts)
        body = pulumi.Output.all(domain.endpoint, role.arn).apply(
            lambda a: (
                'version: "2"\n'
                "vehicle-log-pipeline:\n"
                "  source:\n"
                "    http:\n"
                '      path: "/logs/ingest"\n'
                "  sink:\n"
                "    - opensearch:\n"
                f'        hosts: ["https://{a[0]}"]\n'
                '        index: "vehicle-logs-%{yyyy.MM.dd}"\n'
                "        aws:\n"
                f'          sts_role_arn: "{a[1]}"\n'
                f'          region: "{region}"\n'
            )
        )
        return aws.opensearchingest.Pipeline(
            "vehicle-logs", pipeline_name="vehicle-logs", min_units=1, max_units=4,
            pipeline_configuration_body=body, opts=opts,
        )  # fmt: skip

    return build


def dms_from_in_market_aurora(region: str) -> Build:
    # docs: dms/endpoint — a source endpoint on the market's Aurora PostgreSQL cluster, written by its cluster
    # endpoint as RDS shows it (`<cluster>.cluster-<id>.<region>.rds.amazonaws.com`, Amazon Aurora "Types of Aurora
    # endpoints"), and a target on the stack's own bucket (s3_settings.bucket_name, the bucket's output).
    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = aws.s3.Bucket("cdc-landing", opts=opts)
        role = aws.iam.Role("dms-s3", assume_role_policy=_trust("dms.amazonaws.com"), opts=opts)
        aws.dms.Endpoint(
            "fleet-db-source", endpoint_id="fleet-db-source", endpoint_type="source", engine_name="aurora-postgresql",
            server_name=f"fleet-db.cluster-c1a2b3c4d5e6.{region}.rds.{_suffix(region)}", port=5432,
            database_name="fleet", username="dms_reader", password="not-a-real-password", ssl_mode="require",
            opts=opts,
        )  # fmt: skip
        return aws.dms.S3Endpoint(
            "cdc-landing", endpoint_id="cdc-landing", endpoint_type="target", bucket_name=bucket.bucket,
            service_access_role_arn=role.arn, opts=opts,
        )  # fmt: skip

    return build


def datasync_smb_on_premises(region: str) -> Build:
    # docs: datasync/locationsmb — the plant's file server reached by the DataSync agent over the private link, by its
    # private address (DataSync "Configuring SMB transfers": "server_hostname: the IP address or DNS name of the SMB
    # file server"), copied to the stack's own bucket (datasync/locations3).
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        bucket = aws.s3.Bucket("plant-archive", opts=opts)
        role = aws.iam.Role("datasync", assume_role_policy=_trust("datasync.amazonaws.com"), opts=opts)
        aws.datasync.S3Location(
            "plant-archive", s3_bucket_arn=bucket.arn, subdirectory="/plant", s3_config={"bucket_access_role_arn":
                                                                                       role.arn}, opts=opts,
        )  # fmt: skip
        return aws.datasync.LocationSmb(
            "plant-share", server_hostname="10.40.12.7", subdirectory="/quality", user="svc-datasync",
            password="not-a-real-password", domain="PLANT",
            agent_arns=[f"arn:{part}:datasync:{region}:{ACCOUNT}:agent/agent-0b1c2d3e4f5a6b7c8"], opts=opts,
        )  # fmt: skip

    return build


def ali_peering_and_replication(region: str, peer_region: str) -> Build:
    # docs: vpc/peerconnection (accepting_region_id: a cross-region peering inside the market) and oss/bucket +
    # oss/bucketreplication (destination.location `oss-<region>`: OSS "Cross-region replication"), the market's
    # two Regions (US: Silicon Valley and Virginia; CN: two mainland Regions).
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        alicloud.vpc.PeerConnection(
            "dr-peer", peer_connection_name="dr-peer", vpc_id="vpc-0a1b2c3d4e5f", accepting_ali_uid=1234567890123456,
            accepting_region_id=peer_region, accepting_vpc_id="vpc-9f8e7d6c5b4a", bandwidth=100, opts=opts,
        )  # fmt: skip
        bucket = alicloud.oss.Bucket("fleet-media", bucket=f"fleet-media-{region}", opts=opts)
        # The replica is the stack's own bucket in the peer Region, passed by its output (alired50: a destination bucket
        # the program does not make is RES-017, as on AWS; the literal name here was refused since stop 50).
        replica = alicloud.oss.Bucket(
            "fleet-media-replica", bucket=f"fleet-media-{peer_region}", opts=_ali(peer_region, own_account=True)
        )
        return alicloud.oss.BucketReplication(
            "fleet-media-dr", bucket=bucket.bucket, action="PUT,DELETE",
            destination={"bucket": replica.bucket, "location": f"oss-{peer_region}"}, opts=opts,
        )  # fmt: skip

    return build
