"""Settings the deployed service gets from its infrastructure rather than from an operator.

The ``OwnerDataPortal`` components (components/aws/portal.py, components/alicloud/portal.py) never
put a database password in the function's environment: they pass the database host and name and
the *secret* holding the credentials. This module turns those into the ``PORTAL_DATABASE_URL`` the
service needs, reading the secret at start-up with the function's own role.

* AWS: ``PORTAL_DATABASE_SECRET_ARN`` is the RDS-managed master secret in Secrets Manager, a JSON
  document with ``username`` and ``password`` (RDS User Guide, "Password management with Amazon
  RDS and AWS Secrets Manager"), read with ``secretsmanager:GetSecretValue`` in the secret's region.
* Alibaba Cloud: ``PORTAL_DATABASE_SECRET_NAME`` is a KMS RDS secret in ``PORTAL_ALICLOUD_REGION``,
  read with ``kms:GetSecretValue`` through the region's KMS VPC endpoint (``PORTAL_KMS_ENDPOINT``,
  default ``kms-vpc.<region>.aliyuncs.com``) with the Function Compute role's STS credentials
  (portal/alicloud.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from portal.alicloud import (
    KmsClientFactory,
    RoleCredentials,
    SecretShapeError,
    acs_client,
    describe_sdk_error,
    endpoint_from_env,
    kms_vpc_endpoint,
    read_rds_secret,
    region_from_env,
)

__all__ = ["database_url_from_secret"]

SecretsClient = Callable[[str], Any]
"""Makes a Secrets Manager client for a region (``boto3.client("secretsmanager", region_name=...)``)."""


def _boto3_client(region: str) -> Any:
    import boto3

    return boto3.client("secretsmanager", region_name=region)


def database_url_from_secret(
    env: Mapping[str, str],
    problems: list[str],
    client: SecretsClient = _boto3_client,
    kms_client: KmsClientFactory = acs_client,
) -> str | None:
    """``postgresql+psycopg://...`` built from the host, name and secret the infrastructure passes.

    None when the environment names no database host (then ``PORTAL_DATABASE_URL`` or the embedded
    default applies); problems are appended, each with its fix. The secret is the AWS one when
    ``PORTAL_DATABASE_SECRET_ARN`` is set, the Alibaba Cloud one when ``PORTAL_DATABASE_SECRET_NAME`` is.
    """
    host = env.get("PORTAL_DATABASE_HOST", "").strip()
    if not host:
        return None
    name = env.get("PORTAL_DATABASE_NAME", "").strip() or "portal"
    port = env.get("PORTAL_DATABASE_PORT", "").strip() or "5432"
    arn = env.get("PORTAL_DATABASE_SECRET_ARN", "").strip()
    secret_name = env.get("PORTAL_DATABASE_SECRET_NAME", "").strip()
    if arn and secret_name:
        problems.append(
            "both PORTAL_DATABASE_SECRET_ARN (AWS) and PORTAL_DATABASE_SECRET_NAME (Alibaba Cloud) are set. "
            "Fix: set only the one of the cloud the service runs on."
        )
        return None
    if secret_name:
        account = _alicloud_account(env, secret_name, problems, kms_client)
    elif arn:
        account = _aws_account(arn, problems, client)
    else:
        problems.append(
            "PORTAL_DATABASE_HOST is set but no secret names its credentials. Fix: set "
            "PORTAL_DATABASE_SECRET_ARN (AWS) or PORTAL_DATABASE_SECRET_NAME (Alibaba Cloud), or use "
            "PORTAL_DATABASE_URL instead."
        )
        return None
    if account is None:
        return None
    user, password = account
    # The database refuses plain connections (components/aws/portal.py: rds.force_ssl; the Alibaba RDS
    # instance has SSL on); verifying the server certificate as well (verify-full) needs the cloud's CA
    # bundle in the package: not done yet.
    return (
        f"postgresql+psycopg://{quote(str(user), safe='')}:{quote(str(password), safe='')}@{host}:{port}/"
        f"{quote(name, safe='')}?sslmode=require"
    )


def _aws_account(arn: str, problems: list[str], client: SecretsClient) -> tuple[str, str] | None:
    parts = arn.split(":")
    if len(parts) < 7 or parts[0] != "arn" or parts[2] != "secretsmanager":
        problems.append(
            f"PORTAL_DATABASE_SECRET_ARN={arn!r} is not a Secrets Manager secret ARN. "
            "Fix: pass the RDS-managed master secret (aws.rds.Instance master_user_secrets[0].secret_arn)."
        )
        return None
    try:
        raw = client(parts[3]).get_secret_value(SecretId=arn)["SecretString"]
        secret = json.loads(raw)
        return str(secret["username"]), str(secret["password"])
    except (KeyError, TypeError, ValueError):
        problems.append(
            f"the secret {arn} is not an RDS credentials document (JSON with username and password). "
            "Fix: pass the RDS-managed master secret."
        )
        return None
    except Exception as exc:  # the SDK's errors (access denied, not found) name the cause
        problems.append(
            f"cannot read the secret {arn} ({type(exc).__name__}: {exc}). "
            "Fix: grant the function secretsmanager:GetSecretValue on it and a route to Secrets Manager."
        )
        return None


def _alicloud_account(
    env: Mapping[str, str], secret_name: str, problems: list[str], kms_client: KmsClientFactory
) -> tuple[str, str] | None:
    needed_for = "reading the KMS secret PORTAL_DATABASE_SECRET_NAME"
    region = region_from_env(env, problems, needed_for)
    credentials = RoleCredentials.from_env(env, problems, needed_for)
    if region is None or credentials is None:
        return None
    before = len(problems)
    endpoint = endpoint_from_env(env, "PORTAL_KMS_ENDPOINT", kms_vpc_endpoint(region), problems)
    if len(problems) > before:
        return None
    try:
        return read_rds_secret(kms_client(region, credentials), secret_name, endpoint)
    except SecretShapeError as exc:
        problems.append(
            f"the KMS secret {secret_name!r} is not an RDS secret ({exc}). "
            "Fix: pass the KMS RDS secret (secret type Rds) of the portal database."
        )
        return None
    except Exception as exc:  # the SDK's ServerException / ClientException carry the code and message
        problems.append(
            f"cannot read the KMS secret {secret_name!r} in {region} through {endpoint} "
            f"({describe_sdk_error(exc)}). Fix: grant the function's RAM role kms:GetSecretValue on the secret "
            f"(and kms:Decrypt on its key), and allow HTTPS from the function's security group to {endpoint}."
        )
        return None
