"""``AwsOwnerDataPortal``: the owner data service as a Lambda function in the private subnets, behind a
REGIONAL API Gateway REST API with an AWS WAF web ACL, PostgreSQL on RDS encrypted with the owner-data
key, the master password managed by RDS in Secrets Manager, and access logs kept in-country."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws.iam import assume_role_policy
from components.aws.keys import customer_key
from components.aws.portal_package import lambda_code
from components.naming import class_tags

__all__ = ["PORTAL_LOGS", "RUNTIME", "AwsOwnerDataPortal", "AwsOwnerDataPortalArgs", "record_objects"]

_POSTGRES = 5432
_HTTPS = 443
# Lambda's service principal is the global one in every partition, aws-cn included:
# https://docs.amazonaws.cn/en_us/lambda/latest/dg/lambda-intro-execution-role.html
_LAMBDA_PRINCIPAL = "lambda.amazonaws.com"
_APIGATEWAY_PRINCIPAL = "apigateway.amazonaws.com"
# JSON access-log line with the request id the service logs too (so both trails join).
# https://docs.amazonaws.cn/en_us/apigateway/latest/developerguide/set-up-logging.html
_ACCESS_LOG_FORMAT = json.dumps(
    {
        "requestId": "$context.requestId",
        "extendedRequestId": "$context.extendedRequestId",
        "ip": "$context.identity.sourceIp",
        "requestTime": "$context.requestTime",
        "httpMethod": "$context.httpMethod",
        "resourcePath": "$context.resourcePath",
        "status": "$context.status",
        "responseLength": "$context.responseLength",
        "wafStatus": "$context.waf.status",
    },
    separators=(",", ":"),
)
_STAGE = "v1"
RUNTIME = "python3.12"
"""Lambda runtime of the service's code package (the record indexer runs the same package)."""
PORTAL_LOGS = "portal_logs"
"""``sovereign:data-class`` tag of the key of the portal's access, WAF and function logs."""


@dataclass
class AwsOwnerDataPortalArgs:
    """Inputs of ``AwsOwnerDataPortal``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every physical name."""
    provider: aws.Provider
    """Pinned provider of the primary region."""
    key: aws.kms.Key
    """Owner-data key: encrypts the database, its master secret and the function environment."""
    vpc_id: pulumi.Input[str]
    """VPC of the primary region (from ``AwsCountryCompute``)."""
    vpc_cidr: str
    """That VPC's IPv4 range."""
    subnet_ids: Sequence[pulumi.Input[str]]
    """Private subnets (at least two zones) for the function, the database and the endpoint."""
    buckets: Mapping[str, aws.s3.Bucket]
    """Data class -> bucket the service reads records from."""
    bucket_keys: Mapping[str, aws.kms.Key]
    """Data class -> the key of its bucket (the service decrypts through S3 only)."""
    anonymised_only: frozenset[str]
    """Data classes the function may read only as ``*.anonymised.*`` objects."""
    issuer: str
    """OIDC issuer of the in-country identity provider."""
    jwks_url: str
    """Its JWKS URL."""
    audience: str
    """This service's client id at the identity provider."""
    handler: str
    """Function entry point inside the code package."""
    code_path: str
    """The function code: the package ``make portal-package`` builds (``build/portal-lambda.zip``) or a folder."""
    rotation_days: int
    """Rotation period of the access-log key."""
    deletion_window_days: int
    """Deletion window of the access-log key."""
    db_instance_class: str = "db.t4g.medium"
    """RDS instance class."""
    db_storage_gb: int = 50
    """Allocated storage in GiB."""
    db_backup_retention_days: int = 7
    """Automated backup retention in days."""
    access_log_retention_days: int = 1096
    """Retention of the access and WAF log groups."""
    access_log_destination_arn: pulumi.Input[str] | None = None
    """Existing in-country CloudWatch Logs group (or ``amazon-apigateway-*`` Firehose stream) for the API's
    access logs, e.g. the audit trail's; a KMS-encrypted log group is created when None."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every taggable resource."""


class AwsOwnerDataPortal(pulumi.ComponentResource):
    """Regional API + WAF -> Lambda in private subnets -> RDS PostgreSQL; nothing public but the API."""

    url: pulumi.Output[str]
    """Invoke URL of the API stage (``https://<id>.execute-api.<region>.<dns suffix>/v1``)."""
    api: aws.apigateway.RestApi
    """The REGIONAL REST API."""
    stage: aws.apigateway.Stage
    """Its stage, with access logging."""
    web_acl: aws.wafv2.WebAcl
    """The regional web ACL associated with the stage."""
    function: aws.lambda_.Function
    """The service."""
    database: aws.rds.Instance
    """PostgreSQL."""
    log_key: aws.kms.Key
    """Key of the access and WAF log groups (CloudWatch Logs needs its own grant in the key policy)."""
    code: pulumi.Archive
    """The function's code package (``portal.code_path``); other functions of the service reuse it."""
    function_role: aws.iam.Role
    """The function's role: reads the servable record objects and the database secret."""
    function_grants: aws.iam.RolePolicy
    """That role's policy (a function using the role should depend on it)."""
    function_security_group: aws.ec2.SecurityGroup
    """The function's security group: out to PostgreSQL and HTTPS in the VPC, and S3."""
    subnet_ids: list[pulumi.Input[str]]
    """The private subnets the function runs in."""
    environment: dict[str, pulumi.Input[str]]
    """The function's environment (no secret in it: the database password stays in Secrets Manager)."""
    environment_key: aws.kms.Key
    """The owner-data key that encrypts the function's environment."""

    def __init__(self, name: str, args: AwsOwnerDataPortalArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:OwnerDataPortal", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        invoke = pulumi.InvokeOutputOptions(parent=self, provider=args.provider)
        tags = dict(args.tags)
        code = args.jurisdiction.lower()
        base = f"sovereign-{code}-portal"
        partition_result = aws.get_partition_output(opts=invoke)
        partition, dns_suffix = partition_result.partition, partition_result.dns_suffix
        region = aws.get_region_output(opts=invoke).region
        account = aws.get_caller_identity_output(opts=invoke).account_id

        # -- network: the function reaches only the VPC (database, endpoints) and S3 ---------------
        s3_service = aws.ec2.get_vpc_endpoint_service_output(service="s3", service_type="Gateway", opts=invoke)
        s3_prefix_list = aws.ec2.get_prefix_list_output(name=s3_service.service_name, opts=invoke).id
        self.function_security_group = function_sg = aws.ec2.SecurityGroup(
            f"{name}-function-sg",
            description="Portal function: out to PostgreSQL and HTTPS endpoints in the VPC, and S3",
            vpc_id=args.vpc_id,
            egress=[
                _tcp(_POSTGRES, cidr_blocks=[args.vpc_cidr]),
                _tcp(_HTTPS, cidr_blocks=[args.vpc_cidr]),
                _tcp(_HTTPS, prefix_list_ids=[s3_prefix_list]),
            ],
            tags=tags,
            opts=child,
        )
        db_sg = aws.ec2.SecurityGroup(
            f"{name}-db-sg",
            description="Portal database: PostgreSQL from the portal function only",
            vpc_id=args.vpc_id,
            ingress=[_tcp(_POSTGRES, security_groups=[function_sg.id])],
            egress=[],
            tags=tags,
            opts=child,
        )
        endpoint_sg = aws.ec2.SecurityGroup(
            f"{name}-secrets-endpoint-sg",
            description="Secrets Manager endpoint: HTTPS from the VPC",
            vpc_id=args.vpc_id,
            ingress=[_tcp(_HTTPS, cidr_blocks=[args.vpc_cidr])],
            egress=[],
            tags=tags,
            opts=child,
        )
        # No NAT: the function fetches its database secret through the in-region interface endpoint.
        # https://docs.amazonaws.cn/en_us/secretsmanager/latest/userguide/vpc-endpoint-overview.html
        aws.ec2.VpcEndpoint(
            f"{name}-secrets-endpoint",
            vpc_id=args.vpc_id,
            vpc_endpoint_type="Interface",
            service_name=aws.ec2.get_vpc_endpoint_service_output(
                service="secretsmanager", service_type="Interface", opts=invoke
            ).service_name,
            private_dns_enabled=True,
            subnet_ids=list(args.subnet_ids),
            security_group_ids=[endpoint_sg.id],
            tags=tags,
            opts=child,
        )

        # -- database -------------------------------------------------------------------------------
        subnet_group = aws.rds.SubnetGroup(
            f"{name}-db-subnets",
            description="Portal database: private subnets only",
            subnet_ids=list(args.subnet_ids),
            tags=tags,
            opts=child,
        )
        parameters = aws.rds.ParameterGroup(
            f"{name}-db-params",
            family="postgres16",
            description="Portal database: TLS required",
            # https://docs.amazonaws.cn/en_us/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html
            parameters=[{"name": "rds.force_ssl", "value": "1", "apply_method": "pending-reboot"}],
            tags=tags,
            opts=child,
        )
        self.database = aws.rds.Instance(
            f"{name}-db",
            identifier=f"{base}-db",
            engine="postgres",
            engine_version="16",
            instance_class=args.db_instance_class,
            allocated_storage=args.db_storage_gb,
            storage_type="gp3",
            storage_encrypted=True,
            kms_key_id=args.key.arn,
            db_name="portal",
            username="portal_admin",
            # RDS generates, stores and rotates the master password in Secrets Manager, encrypted with the
            # owner-data key; it never appears in the program or the state.
            # https://docs.amazonaws.cn/en_us/AmazonRDS/latest/UserGuide/rds-secrets-manager.html
            manage_master_user_password=True,
            master_user_secret_kms_key_id=args.key.arn,
            db_subnet_group_name=subnet_group.name,
            vpc_security_group_ids=[db_sg.id],
            parameter_group_name=parameters.name,
            publicly_accessible=False,
            multi_az=True,
            backup_retention_period=args.db_backup_retention_days,
            copy_tags_to_snapshot=True,
            deletion_protection=True,
            skip_final_snapshot=False,
            final_snapshot_identifier=f"{base}-db-final",
            auto_minor_version_upgrade=True,
            iam_database_authentication_enabled=True,
            enabled_cloudwatch_logs_exports=["postgresql"],
            tags=tags,
            # The owners' bindings, consents and access log outlive the stack, like the buckets.
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(protect=True, retain_on_delete=True)),
        )
        secret_arn: pulumi.Output[str] = self.database.master_user_secrets.apply(
            lambda secrets: (secrets[0].secret_arn or "") if secrets else ""
        )

        # -- logs (in-country, KMS-encrypted, kept for the configured period) ----------------------
        self.log_key = customer_key(
            f"{name}-logs-key",
            description=f"sovereign-dc {args.jurisdiction} portal access and WAF logs",
            rotation_days=args.rotation_days,
            deletion_window_days=args.deletion_window_days,
            policy=pulumi.Output.all(partition, region, account, dns_suffix).apply(lambda v: _log_key_policy(*v)),
            # Tagged like the data-class keys, with its own class name: it holds the portal's logs only.
            tags=class_tags(tags, args.jurisdiction, PORTAL_LOGS),
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(protect=True, retain_on_delete=True)),
        )
        access_destination: pulumi.Input[str]
        if args.access_log_destination_arn is not None:
            access_destination = args.access_log_destination_arn
        else:
            access_destination = self._log_group(
                f"{name}-access-logs", f"/sovereign/{code}/portal/access", args, tags, child
            ).arn
        # AWS WAF requires the `aws-waf-logs-` prefix for log group destinations.
        # https://docs.amazonaws.cn/en_us/waf/latest/developerguide/logging-cw-logs.html
        waf_logs = self._log_group(f"{name}-waf-logs", f"aws-waf-logs-{base}", args, tags, child)

        # -- the function ---------------------------------------------------------------------------
        self.function_role = role = aws.iam.Role(
            f"{name}-function-role",
            description="Owner data service: read records, its database secret, write its logs",
            assume_role_policy=assume_role_policy(_LAMBDA_PRINCIPAL),
            tags=tags,
            opts=child,
        )
        aws.iam.RolePolicyAttachment(
            f"{name}-function-vpc-access",
            role=role.name,
            # Managed policy for ENIs in the VPC and CloudWatch Logs, in the stack's own partition.
            policy_arn=partition.apply(
                lambda p: f"arn:{p}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
            ),
            opts=child,
        )
        classes = sorted(args.buckets)
        self.function_grants = grants = aws.iam.RolePolicy(
            f"{name}-function-policy",
            role=role.id,
            policy=pulumi.Output.all(
                region=region,
                dns=dns_suffix,
                secret=secret_arn,
                key=args.key.arn,
                buckets=[args.buckets[c].arn for c in classes],
                bucket_keys=[args.bucket_keys[c].arn for c in classes],
            ).apply(
                lambda v: _function_policy(
                    region=v["region"],
                    dns_suffix=v["dns"],
                    secret_arn=v["secret"],
                    key_arn=v["key"],
                    objects=record_objects(dict(zip(classes, v["buckets"], strict=True)), args.anonymised_only),
                    bucket_arns=v["buckets"],
                    bucket_key_arns=v["bucket_keys"],
                )
            ),
            opts=child,
        )
        function_logs = self._log_group(f"{name}-function-logs", f"/aws/lambda/{base}", args, tags, child)
        # Exposed for the functions that run the same package (the record indexer).
        self.code, self.subnet_ids, self.environment_key = (
            # Refuses a missing package in a real preview, naming the fix (make portal-package).
            lambda_code(args.code_path),
            list(args.subnet_ids),
            args.key,
        )
        self.environment = {
            "PORTAL_OIDC_ISSUER": args.issuer,
            "PORTAL_OIDC_JWKS_URL": args.jwks_url,
            "PORTAL_OIDC_AUDIENCE": args.audience,
            "PORTAL_DATABASE_HOST": self.database.address,
            "PORTAL_DATABASE_NAME": "portal",
            "PORTAL_DATABASE_SECRET_ARN": secret_arn,
            "PORTAL_STORAGE_BACKEND": "s3",
            "PORTAL_BUCKETS": pulumi.Output.json_dumps({c: args.buckets[c].bucket for c in classes}),
            "PORTAL_S3_REGION": region,
            "PORTAL_JURISDICTION": args.jurisdiction,
        }
        self.function = aws.lambda_.Function(
            f"{name}-function",
            name=base,
            description="sovereign-dc owner data service",
            runtime=RUNTIME,
            handler=args.handler,
            code=self.code,
            role=role.arn,
            memory_size=512,
            timeout=29,  # API Gateway's default integration timeout: the API answers, never a dangling call
            kms_key_arn=args.key.arn,
            vpc_config=aws.lambda_.FunctionVpcConfigArgs(
                subnet_ids=self.subnet_ids, security_group_ids=[function_sg.id]
            ),
            logging_config=aws.lambda_.FunctionLoggingConfigArgs(log_format="JSON", log_group=function_logs.name),
            environment=aws.lambda_.FunctionEnvironmentArgs(variables=self.environment),
            tags=tags,
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[grants])),
        )

        # -- the API: REGIONAL only (edge-optimised APIs are not offered in the China regions and would
        # put CloudFront in front). https://docs.amazonaws.cn/en_us/aws/latest/userguide/api-gateway.html
        self.api = aws.apigateway.RestApi(
            f"{name}-api",
            name=base,
            description="sovereign-dc owner data service",
            endpoint_configuration={"types": "REGIONAL"},
            tags=tags,
            opts=child,
        )
        proxy = aws.apigateway.Resource(
            f"{name}-api-proxy",
            rest_api=self.api.id,
            parent_id=self.api.root_resource_id,
            path_part="{proxy+}",
            opts=child,
        )
        methods: list[pulumi.Resource] = []
        for role_name, resource_id in (("root", self.api.root_resource_id), ("proxy", proxy.id)):
            # Authorization is the service's (OIDC bearer tokens verified against the JWKS): Cognito
            # authorizers are not offered in the China regions.
            method = aws.apigateway.Method(
                f"{name}-api-{role_name}-any",
                rest_api=self.api.id,
                resource_id=resource_id,
                http_method="ANY",
                authorization="NONE",
                opts=child,
            )
            integration = aws.apigateway.Integration(
                f"{name}-api-{role_name}-lambda",
                rest_api=self.api.id,
                resource_id=resource_id,
                http_method=method.http_method,
                type="AWS_PROXY",
                integration_http_method="POST",
                uri=self.function.invoke_arn,
                opts=child,
            )
            methods += [method, integration]
        aws.lambda_.Permission(
            f"{name}-api-invoke",
            action="lambda:InvokeFunction",
            function=self.function.name,
            principal=_APIGATEWAY_PRINCIPAL,
            source_arn=self.api.execution_arn.apply(lambda arn: f"{arn}/*/*"),
            opts=child,
        )
        deployment = aws.apigateway.Deployment(
            f"{name}-api-deployment",
            rest_api=self.api.id,
            triggers={"routes": "root-any,proxy-any:lambda-proxy"},
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=methods)),
        )
        self.stage = aws.apigateway.Stage(
            f"{name}-api-stage",
            rest_api=self.api.id,
            deployment=deployment.id,
            stage_name=_STAGE,
            access_log_settings={"destination_arn": access_destination, "format": _ACCESS_LOG_FORMAT},
            tags=tags,
            opts=child,
        )
        aws.apigateway.MethodSettings(
            f"{name}-api-throttling",
            rest_api=self.api.id,
            stage_name=self.stage.stage_name,
            method_path="*/*",
            settings={"throttling_burst_limit": 100, "throttling_rate_limit": 50, "metrics_enabled": True},
            opts=child,
        )
        self.url = self.stage.invoke_url

        # -- web application firewall (AWS WAF is offered at the regional level in the China regions).
        # https://docs.amazonaws.cn/en_us/aws/latest/userguide/waf.html
        self.web_acl = aws.wafv2.WebAcl(
            f"{name}-waf",
            name=base,
            description="Owner data service: AWS managed common and bad-input rules, per-IP rate limit",
            scope="REGIONAL",
            default_action={"allow": {}},
            rules=[
                _managed_rule("AWSManagedRulesCommonRuleSet", 10),
                _managed_rule("AWSManagedRulesKnownBadInputsRuleSet", 20),
                {
                    "name": "per-ip-rate-limit",
                    "priority": 30,
                    "action": {"block": {}},
                    "statement": {"rate_based_statement": {"limit": 1000, "aggregate_key_type": "IP"}},
                    "visibility_config": _visibility("per-ip-rate-limit"),
                },
            ],
            visibility_config=_visibility(base),
            tags=tags,
            opts=child,
        )
        aws.wafv2.WebAclAssociation(
            f"{name}-waf-association", resource_arn=self.stage.arn, web_acl_arn=self.web_acl.arn, opts=child
        )
        aws.wafv2.WebAclLoggingConfiguration(
            f"{name}-waf-logging",
            resource_arn=self.web_acl.arn,
            log_destination_configs=[waf_logs.arn],
            # Owners' bearer tokens never reach the WAF log.
            redacted_fields=[{"single_header": {"name": "authorization"}}],
            opts=child,
        )
        self.register_outputs(
            {
                "url": self.url,
                "functionName": self.function.name,
                "databaseEndpoint": self.database.endpoint,
                "databaseSecretArn": secret_arn,
                "webAclArn": self.web_acl.arn,
            }
        )

    def _log_group(
        self,
        resource_name: str,
        group: str,
        args: AwsOwnerDataPortalArgs,
        tags: dict[str, str],
        opts: pulumi.ResourceOptions,
    ) -> aws.cloudwatch.LogGroup:
        return aws.cloudwatch.LogGroup(
            resource_name,
            name=group,
            retention_in_days=args.access_log_retention_days,
            kms_key_id=self.log_key.arn,
            tags=tags,
            opts=opts,
        )


def _tcp(port: int, **peer: Any) -> Any:
    """A security-group rule for one TCP port with ``peer`` (cidr_blocks=, prefix_list_ids= or security_groups=)."""
    return {"protocol": "tcp", "from_port": port, "to_port": port, **peer}


def _visibility(metric: str) -> Any:
    return {"cloudwatch_metrics_enabled": True, "metric_name": metric, "sampled_requests_enabled": True}


def _managed_rule(group: str, priority: int) -> Any:
    return {
        "name": group,
        "priority": priority,
        "override_action": {"none": {}},
        "statement": {"managed_rule_group_statement": {"vendor_name": "AWS", "name": group}},
        "visibility_config": _visibility(group),
    }


def _log_key_policy(partition: str, region: str, account: str, dns_suffix: str) -> str:
    """The account administers the key; CloudWatch Logs of this region may use it for this account's log
    groups only. https://docs.amazonaws.cn/en_us/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html"""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AccountAdministersKey",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:{partition}:iam::{account}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
                    "Sid": "CloudWatchLogsOfThisAccount",
                    "Effect": "Allow",
                    "Principal": {"Service": f"logs.{region}.{dns_suffix}"},
                    "Action": [
                        "kms:Encrypt*",
                        "kms:Decrypt*",
                        "kms:ReEncrypt*",
                        "kms:GenerateDataKey*",
                        "kms:Describe*",
                    ],
                    "Resource": "*",
                    "Condition": {
                        "ArnLike": {"kms:EncryptionContext:aws:logs:arn": f"arn:{partition}:logs:{region}:{account}:*"}
                    },
                },
            ],
        }
    )


def record_objects(buckets: Mapping[str, str], anonymised_only: frozenset[str]) -> list[str]:
    """Object patterns the service may read: ``<bucket>/<class>/*`` per class, only ``*.anonymised.*`` objects
    for the classes in ``anonymised_only`` (the object layout of docs/ingest.md; works for S3 and OSS)."""
    return sorted(
        f"{bucket}/{data_class}/*.anonymised.*" if data_class in anonymised_only else f"{bucket}/{data_class}/*"
        for data_class, bucket in buckets.items()
    )


def _function_policy(
    region: str,
    dns_suffix: str,
    secret_arn: str,
    key_arn: str,
    objects: list[str],
    bucket_arns: list[str],
    bucket_key_arns: list[str],
) -> str:
    """Read the records (anonymised objects only where required) and the database secret; decrypt only
    through S3, Secrets Manager and Lambda in this region."""
    statements: list[dict[str, object]] = [
        {"Sid": "ReadRecords", "Effect": "Allow", "Action": "s3:GetObject", "Resource": objects},
        {"Sid": "ListRecords", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": bucket_arns},
        {
            "Sid": "DecryptRecordsViaS3",
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": sorted(set(bucket_key_arns)),
            "Condition": {"StringEquals": {"kms:ViaService": f"s3.{region}.{dns_suffix}"}},
        },
        {
            "Sid": "DecryptSecretAndEnvironment",
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": key_arn,
            "Condition": {
                "StringEquals": {
                    "kms:ViaService": [f"secretsmanager.{region}.{dns_suffix}", f"lambda.{region}.{dns_suffix}"]
                }
            },
        },
    ]
    if secret_arn:
        statements.append(
            {
                "Sid": "ReadDatabaseSecret",
                "Effect": "Allow",
                "Action": "secretsmanager:GetSecretValue",
                "Resource": secret_arn,
            }
        )
    return json.dumps({"Version": "2012-10-17", "Statement": statements})
