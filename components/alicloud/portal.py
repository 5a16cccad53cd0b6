"""``AlicloudOwnerDataPortal``: the owner data service as a Function Compute 3.0 container function in the
private vSwitches, behind an API Gateway (CloudAPI) group in the same region, ApsaraDB RDS for PostgreSQL
encrypted with the owner-data key, its credentials as a rotating KMS RDS secret, logs in Simple Log Service.

The WAF is not here: WAF 3.0 protects CNAME-connected domains rather than a bare API group, so
``AlicloudPortalFrontDoor`` (portal_waf.py) binds the ICP-filed custom domain to ``api_group`` and puts
WAF 3.0 in front of it (docs/ingest.md).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pulumi
import pulumi_alicloud as alicloud

from components.alicloud.compute import SERVICE_RANGE
from components.alicloud.ram import invoke_functions_policy, service_role
from components.aws.portal import record_objects
from portal.alicloud import kms_vpc_endpoint, oss_internal_endpoint

__all__ = ["AlicloudOwnerDataPortal", "AlicloudOwnerDataPortalArgs"]

_FC_PRINCIPAL = "fc.aliyuncs.com"
_APIGATEWAY_PRINCIPAL = "apigateway.aliyuncs.com"
_POSTGRES = "5432/5432"
_HTTPS = "443/443"
_CONTAINER_PORT = 9000


@dataclass
class AlicloudOwnerDataPortalArgs:
    """Inputs of ``AlicloudOwnerDataPortal``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every physical name."""
    region: str
    """Region id of ``provider``."""
    provider: alicloud.Provider
    """Pinned provider of the primary region."""
    key: alicloud.kms.Key
    """Owner-data key: encrypts the database disks and its credentials secret."""
    vpc_id: pulumi.Input[str]
    """VPC of the primary region (from ``AlicloudCountryCompute``)."""
    vpc_cidr: str
    """That VPC's IPv4 range."""
    vswitch_ids: Sequence[pulumi.Input[str]]
    """Private vSwitches (at least two zones)."""
    vswitch_zones: Sequence[pulumi.Input[str]]
    """Zone of each vSwitch, in the same order (RDS primary and standby zones)."""
    buckets: Mapping[str, alicloud.oss.Bucket]
    """Data class -> bucket the service reads records from."""
    bucket_keys: Mapping[str, alicloud.kms.Key]
    """Data class -> the key of its bucket."""
    anonymised_only: frozenset[str]
    """Data classes the function may read only as ``*.anonymised.*`` objects."""
    issuer: str
    """OIDC issuer of the in-country identity provider."""
    jwks_url: str
    """Its JWKS URL."""
    audience: str
    """This service's client id at the identity provider."""
    image: str
    """Container image of the service in the region's Container Registry (FC custom container)."""
    db_instance_type: str = "pg.n2.2c.2m"
    """ApsaraDB RDS instance type."""
    db_storage_gb: int = 50
    """Storage in GiB."""
    log_retention_days: int = 1096
    """Retention of the function and API access logs."""
    kms_instance_id: pulumi.Input[str] | None = None
    """KMS instance of ``key`` (KMS 3.0 stores secrets in the instance: ``kms.Secret`` ``dkms_instance_id``)."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every taggable resource."""


class AlicloudOwnerDataPortal(pulumi.ComponentResource):
    """Regional API group -> FC container in private vSwitches -> RDS PostgreSQL; KMS-held credentials."""

    url: pulumi.Output[str]
    """Base URL of the API group's second-level domain (``https://<group>-<region>.alicloudapi.com``)."""
    function: alicloud.fc.V3Function
    """The service."""
    database: alicloud.rds.Instance
    """PostgreSQL."""
    secret: alicloud.kms.Secret
    """The database credentials, rotated by KMS."""
    api_group: alicloud.apigateway.Group
    """The API group (``AlicloudPortalFrontDoor`` binds the custom domain to it and puts WAF 3.0 in front)."""
    environment: dict[str, pulumi.Input[str]]
    """The function's environment (no password in it), for the functions that run the same image."""

    def __init__(
        self, name: str, args: AlicloudOwnerDataPortalArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("sovereign:alicloud:OwnerDataPortal", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        tags = dict(args.tags)
        code = args.jurisdiction.lower()
        base = f"sovereign-{code}-portal"
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(parent=self, provider=args.provider)).id

        # -- network ----------------------------------------------------------------------------------
        group = alicloud.ecs.SecurityGroup(
            f"{name}-function-sg",
            security_group_name=f"{base}-function",
            description="Portal function: out to PostgreSQL in the VPC, HTTPS to the VPC and the region's services",
            vpc_id=args.vpc_id,
            inner_access_policy="Drop",
            tags=tags,
            opts=child,
        )
        for rule_name, port, policy, cidr, priority in (
            ("postgres-out", _POSTGRES, "accept", args.vpc_cidr, 1),
            ("https-out", _HTTPS, "accept", args.vpc_cidr, 1),
            # The KMS VPC endpoint (the database secret) and OSS's internal endpoint (the records) answer
            # on Alibaba's internal service range, outside the VPC's own CIDR; OSS asks not to block its
            # internal VIP ranges in security groups ("Internal OSS endpoints and VIP ranges":
            # https://www.alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints). The same range
            # as the compute instances' egress (components/alicloud/compute.py).
            ("https-services-out", _HTTPS, "accept", SERVICE_RANGE, 1),
            # Alibaba Cloud security groups allow all egress by default: close it.
            # https://www.alibabacloud.com/help/en/ecs/user-guide/default-security-group-rules
            ("deny-other-out", "-1/-1", "drop", "0.0.0.0/0", 100),
        ):
            alicloud.ecs.SecurityGroupRule(
                f"{name}-{rule_name}",
                security_group_id=group.id,
                type="egress",
                ip_protocol="tcp" if port != "-1/-1" else "all",
                port_range=port,
                cidr_ip=cidr,
                nic_type="intranet",
                policy=policy,
                priority=priority,
                description=f"portal function {rule_name}",
                opts=child,
            )

        # -- database ---------------------------------------------------------------------------------
        self.database = alicloud.rds.Instance(
            f"{name}-db",
            instance_name=f"{base}-db",
            engine="PostgreSQL",
            engine_version="16.0",
            instance_type=args.db_instance_type,
            instance_storage=args.db_storage_gb,
            db_instance_storage_type="cloud_essd",
            category="HighAvailability",
            instance_charge_type="Postpaid",
            vpc_id=args.vpc_id,
            # Primary and standby in two zones: the vSwitches are given comma-separated.
            vswitch_id=pulumi.Output.all(*args.vswitch_ids[:2]).apply(",".join),
            zone_id=args.vswitch_zones[0],
            zone_id_slave_a=args.vswitch_zones[1] if len(args.vswitch_zones) > 1 else None,
            # Only the VPC may connect (no public endpoint is allocated).
            security_ips=[args.vpc_cidr],
            # Cloud-disk encryption with the owner-data key (BYOK):
            # https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-postgresql/configure-disk-encryption
            encryption_key=args.key.id,
            ssl_action="Open",
            deletion_protection=True,
            tags=tags,
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(protect=True, retain_on_delete=True)),
        )
        # A first password only: KMS rotates it (below), and write-only inputs never reach the state.
        initial = pulumi.Output.secret(secrets.token_urlsafe(24))
        account_name = "portal_admin"
        db_account = alicloud.rds.RdsAccount(
            f"{name}-db-account",
            db_instance_id=self.database.id,
            account_name=account_name,
            account_type="Super",
            account_password_wo=initial,
            account_password_wo_version=1,
            account_description="owner data service",
            opts=child,
        )
        # KMS RDS secret: KMS hosts and rotates the account's password.
        # https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/manage-and-use-rds-secrets
        self.secret = alicloud.kms.Secret(
            f"{name}-db-secret",
            secret_name=f"{base}-db",
            secret_type="Rds",
            secret_data=pulumi.Output.json_dumps(
                {"Accounts": [{"AccountName": account_name, "AccountPassword": initial}]}
            ),
            secret_data_type="text",
            version_id="v1",
            encryption_key_id=args.key.id,
            # KMS 3.0: the secret lives in the key's instance (pulumi-alicloud kms.Secret: dkms_instance_id).
            dkms_instance_id=args.kms_instance_id,
            extended_config=self.database.id.apply(
                lambda db: json.dumps({"SecretSubType": "SingleUser", "DBInstanceId": db, "CustomData": {}})
            ),
            enable_automatic_rotation=True,
            rotation_interval="30d",
            recovery_window_in_days=30,
            description="owner data service database credentials",
            tags=tags,
            opts=pulumi.ResourceOptions.merge(
                child, pulumi.ResourceOptions(depends_on=[db_account], ignore_changes=["secret_data", "version_id"])
            ),
        )

        # -- logs: function logs and API access logs in a Simple Log Service project in-region ----------
        project = alicloud.log.Project(
            f"{name}-logs", project_name=f"{base}-logs", description="owner data service logs", tags=tags, opts=child
        )
        stores = {
            kind: alicloud.log.Store(
                f"{name}-{kind}-logs",
                project_name=project.project_name,
                logstore_name=kind,
                retention_period=args.log_retention_days,
                shard_count=2,
                encrypt_conf={"enable": True, "encrypt_type": "default"},
                opts=child,
            )
            for kind in ("function", "access")
        }

        # -- the function -------------------------------------------------------------------------------
        classes = sorted(args.buckets)
        role = service_role(
            f"{name}-function",
            f"{base}-function",
            _FC_PRINCIPAL,
            "Owner data service: read records and its database secret",
            pulumi.Output.all(
                account,
                self.secret.arn,
                [args.buckets[c].bucket for c in classes],
                [args.bucket_keys[c].arn for c in classes],
                args.key.arn,
            ).apply(
                lambda v: _function_policy(
                    v[0], v[1], dict(zip(classes, v[2], strict=True)), args.anonymised_only, v[3], v[4]
                )
            ),
            tags,
            child,
        )
        self.environment = {
            "PORTAL_OIDC_ISSUER": args.issuer,
            "PORTAL_OIDC_JWKS_URL": args.jwks_url,
            "PORTAL_OIDC_AUDIENCE": args.audience,
            "PORTAL_DATABASE_HOST": self.database.connection_string,
            "PORTAL_DATABASE_NAME": "portal",
            "PORTAL_DATABASE_SECRET_NAME": self.secret.secret_name,
            "PORTAL_STORAGE_BACKEND": "oss",
            "PORTAL_BUCKETS": pulumi.Output.json_dumps({c: args.buckets[c].bucket for c in classes}),
            "PORTAL_JURISDICTION": args.jurisdiction,
            # The service reads the secret and the records in this region only, over the VPC: the
            # KMS VPC endpoint (KMS "Endpoints": https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-endpoint)
            # and OSS's internal endpoint (https://www.alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints).
            # Both hosts are written out so that the guard judges them; the role's STS credentials come
            # from Function Compute itself (ALIBABA_CLOUD_* variables), never from this environment.
            "PORTAL_ALICLOUD_REGION": args.region,
            "PORTAL_KMS_ENDPOINT": kms_vpc_endpoint(args.region),
            "PORTAL_OSS_ENDPOINT": oss_internal_endpoint(args.region),
        }
        self.function = alicloud.fc.V3Function(
            f"{name}-function",
            function_name=base,
            description="sovereign-dc owner data service",
            runtime="custom-container",
            handler="index.handler",
            # The ASGI app listens on the container port; FC 3.0 custom containers serve HTTP directly.
            # https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/create-a-custom-image-function
            custom_container_config={"image": args.image, "port": _CONTAINER_PORT},
            cpu=1,
            memory_size=1024,
            disk_size=512,
            timeout=30,
            role=role.arn,
            internet_access=False,
            vpc_config={"vpc_id": args.vpc_id, "vswitch_ids": list(args.vswitch_ids), "security_group_id": group.id},
            log_config={
                "project": project.project_name,
                "logstore": stores["function"].logstore_name,
                "enable_request_metrics": True,
            },
            environment_variables=self.environment,
            tags=tags,
            opts=child,
        )

        # -- the API: an API group in this region (API Gateway has no edge-optimised mode) -------------
        invoker = service_role(
            f"{name}-api",
            f"{base}-api",
            _APIGATEWAY_PRINCIPAL,
            "API Gateway: invoke the owner data service",
            invoke_functions_policy(args.region, account, [self.function.function_name]),
            tags,
            child,
        )
        self.api_group = api_group = alicloud.apigateway.Group(
            f"{name}-api-group",
            name=base.replace("-", "_"),
            description="sovereign-dc owner data service",
            opts=child,
        )
        alicloud.apigateway.Api(
            f"{name}-api",
            group_id=api_group.id,
            name=f"{base.replace('-', '_')}_proxy",
            description="Every path, passed through to the service (which verifies owners' OIDC tokens)",
            auth_type="ANONYMOUS",
            request_config={"protocol": "HTTPS", "method": "ANY", "path": "/*", "mode": "PASSTHROUGH"},
            service_type="FunctionCompute",
            fc_service_config={
                "region": args.region,
                "function_version": "3.0",
                "function_type": "FCEvent",
                "function_name": self.function.function_name,
                "arn_role": invoker.arn,
                "timeout": 30000,
            },
            stage_names=["RELEASE"],
            opts=child,
        )
        # API Gateway access logs go to this region's log store (account-wide setting of the region).
        # https://www.alibabacloud.com/help/en/api-gateway/traditional-api-gateway/user-guide/log-management
        alicloud.apigateway.LogConfig(
            f"{name}-api-logs",
            log_type="PROVIDER",
            sls_project=project.project_name,
            sls_log_store=stores["access"].logstore_name,
            opts=child,
        )
        self.url = api_group.sub_domain.apply(lambda domain: f"https://{domain}")
        self.register_outputs(
            {
                "url": self.url,
                "functionName": self.function.function_name,
                "databaseConnection": self.database.connection_string,
                "secretName": self.secret.secret_name,
            }
        )


def _function_policy(
    account: str,
    secret_arn: str,
    buckets: Mapping[str, str],
    anonymised_only: frozenset[str],
    bucket_key_arns: list[str],
    key_arn: str,
) -> str:
    """Least privilege for what the service does (portal/storage.py ``OssStore``, portal/deployed.py):
    read record objects by key (anonymised objects only where required; it never lists a bucket), read
    its database secret, and decrypt with the keys involved only.

    RAM policy elements: https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements; OSS resources
    ``acs:oss:*:<account>:<bucket>/<object>`` (OSS "RAM policies"); GetSecretValue "needs kms:Decrypt on
    the key" of a secret protected by a user key (KMS API reference, GetSecretValue).
    """
    return json.dumps(
        {
            "Version": "1",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["oss:GetObject"],
                    "Resource": [f"acs:oss:*:{account}:{o}" for o in record_objects(buckets, anonymised_only)],
                },
                {"Effect": "Allow", "Action": ["kms:GetSecretValue"], "Resource": [secret_arn]},
                {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": sorted({*bucket_key_arns, key_arn})},
            ],
        }
    )
