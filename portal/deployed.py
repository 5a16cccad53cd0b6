"""Settings the deployed service gets from its infrastructure rather than from an operator.

The ``OwnerDataPortal`` components (components/aws/portal.py, components/alicloud/portal.py) never
put a database password in the function's environment: they pass the database host and name and
the *secret* holding the credentials. This module turns those into the ``PORTAL_DATABASE_URL`` the
service needs, reading the secret at start-up with the function's own role.

* AWS: ``PORTAL_DATABASE_SECRET_ARN`` is the RDS-managed master secret in Secrets Manager, a JSON
  document with ``username`` and ``password`` (RDS User Guide, "Password management with Amazon
  RDS and AWS Secrets Manager"), read with ``secretsmanager:GetSecretValue`` in the secret's region.
* Alibaba Cloud: ``PORTAL_DATABASE_SECRET_NAME`` is a KMS RDS secret. Reading it needs the Alibaba
  Cloud KMS SDK, which the service does not ship yet: start-up refuses with a clear message (see
  docs/portal.md, "Not done").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

__all__ = ["database_url_from_secret"]

SecretsClient = Callable[[str], Any]
"""Makes a Secrets Manager client for a region (``boto3.client("secretsmanager", region_name=...)``)."""


def _boto3_client(region: str) -> Any:
    import boto3

    return boto3.client("secretsmanager", region_name=region)


def database_url_from_secret(
    env: Mapping[str, str], problems: list[str], client: SecretsClient = _boto3_client
) -> str | None:
    """``postgresql+psycopg://...`` built from the host, name and secret the infrastructure passes.

    None when the environment names no database host (then ``PORTAL_DATABASE_URL`` or the embedded
    default applies); problems are appended, each with its fix.
    """
    host = env.get("PORTAL_DATABASE_HOST", "").strip()
    if not host:
        return None
    name = env.get("PORTAL_DATABASE_NAME", "").strip() or "portal"
    port = env.get("PORTAL_DATABASE_PORT", "").strip() or "5432"
    arn = env.get("PORTAL_DATABASE_SECRET_ARN", "").strip()
    if env.get("PORTAL_DATABASE_SECRET_NAME", "").strip() and not arn:
        problems.append(
            "PORTAL_DATABASE_SECRET_NAME names an Alibaba Cloud KMS secret, which this service cannot read yet. "
            "Fix: set PORTAL_DATABASE_URL from the secret when deploying (docs/portal.md, 'Not done')."
        )
        return None
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
        user, password = secret["username"], secret["password"]
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
    # The database refuses plain connections (components/aws/portal.py: rds.force_ssl); verifying the
    # server certificate as well (verify-full) needs the RDS CA bundle in the package: not done yet.
    return (
        f"postgresql+psycopg://{quote(str(user), safe='')}:{quote(str(password), safe='')}@{host}:{port}/"
        f"{quote(name, safe='')}?sslmode=require"
    )
