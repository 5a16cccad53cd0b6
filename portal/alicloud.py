"""The owner data service on Alibaba Cloud Function Compute 3.0: the role's credentials, the region's
in-VPC endpoints, and the KMS RDS secret holding the database account.

Every Alibaba Cloud SDK detail of the service lives here and in :class:`portal.storage.OssStore`; the
SDKs are imported only when used, so the AWS and local paths never load them.

* **Credentials**: a function with a role gets the role's temporary STS credentials as the environment
  variables ``ALIBABA_CLOUD_ACCESS_KEY_ID``, ``ALIBABA_CLOUD_ACCESS_KEY_SECRET`` and
  ``ALIBABA_CLOUD_SECURITY_TOKEN`` (Function Compute, "Configure environment variables", system
  environment variables: https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables).
* **Endpoints**: the function sits in private vSwitches without internet access, so it reaches KMS on
  the region's VPC endpoint ``kms-vpc.<region>.aliyuncs.com`` (KMS "Endpoints",
  https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-endpoint;
  the shared gateway serves GetSecretValue there: "Sample code for obtaining a secret value",
  https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/get-secret-value-example-of-java)
  and OSS on the region's internal endpoint ``oss-<region>-internal.aliyuncs.com`` (OSS "Regions and
  endpoints", https://www.alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from components.errors import SovereignError

__all__ = [
    "KmsClientFactory",
    "RoleCredentials",
    "SecretShapeError",
    "acs_client",
    "describe_sdk_error",
    "endpoint_from_env",
    "kms_vpc_endpoint",
    "oss_internal_endpoint",
    "read_rds_secret",
    "region_from_env",
]

# Region ids as Alibaba Cloud writes them (cn-shanghai, cn-wulanchabu, ap-southeast-1, eu-central-1).
_REGION = re.compile(r"[a-z]{2,}(?:-[a-z0-9]+)+")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")


def kms_vpc_endpoint(region: str) -> str:
    """The KMS shared gateway's VPC endpoint of ``region`` (see the module docstring)."""
    return f"kms-vpc.{region}.aliyuncs.com"


def oss_internal_endpoint(region: str) -> str:
    """OSS's internal (VPC) endpoint of ``region`` (see the module docstring)."""
    return f"oss-{region}-internal.aliyuncs.com"


def region_from_env(env: Mapping[str, str], problems: list[str], needed_for: str) -> str | None:
    """``PORTAL_ALICLOUD_REGION``, the region of the secret and the buckets (set by the OwnerDataPortal)."""
    region = env.get("PORTAL_ALICLOUD_REGION", "").strip()
    if not region:
        problems.append(
            f"PORTAL_ALICLOUD_REGION is not set, but {needed_for} needs it. "
            "Fix: set it to the Alibaba Cloud region id of the function (e.g. cn-shanghai); the "
            "OwnerDataPortal component passes it."
        )
        return None
    if not _REGION.fullmatch(region):
        problems.append(
            f"PORTAL_ALICLOUD_REGION={region!r} is not an Alibaba Cloud region id. Fix: use e.g. cn-shanghai."
        )
        return None
    return region


def endpoint_from_env(env: Mapping[str, str], name: str, default: str, problems: list[str]) -> str:
    """An endpoint override (a bare host name), or ``default``."""
    value = env.get(name, "").strip()
    if not value:
        return default
    if not _HOST.fullmatch(value):
        problems.append(f"{name}={value!r} is not a host name. Fix: give the bare host, e.g. {default}.")
    return value


@dataclass(frozen=True)
class RoleCredentials:
    """The function role's temporary credentials (never printed: the secret parts are left out of ``repr``)."""

    access_key_id: str
    access_key_secret: str = field(repr=False)
    security_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str], problems: list[str], needed_for: str) -> RoleCredentials | None:
        key_id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID", "").strip()
        secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "").strip()
        if not key_id or not secret:
            problems.append(
                f"ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set, but {needed_for} "
                "needs them. Fix: give the function a RAM role (Function Compute then sets them, with "
                "ALIBABA_CLOUD_SECURITY_TOKEN, from the role's STS credentials)."
            )
            return None
        return cls(key_id, secret, env.get("ALIBABA_CLOUD_SECURITY_TOKEN", "").strip() or None)


KmsClientFactory = Callable[[str, RoleCredentials], Any]
"""Makes a KMS client (``aliyunsdkcore.client.AcsClient``) for a region and the role's credentials."""


def acs_client(region: str, credentials: RoleCredentials) -> Any:
    """The Alibaba Cloud SDK (core 2.x) client signing with the role's STS token."""
    from aliyunsdkcore.auth.credentials import AccessKeyCredential, StsTokenCredential
    from aliyunsdkcore.client import AcsClient

    credential: Any = (
        StsTokenCredential(credentials.access_key_id, credentials.access_key_secret, credentials.security_token)
        if credentials.security_token
        else AccessKeyCredential(credentials.access_key_id, credentials.access_key_secret)
    )
    # Start-up waits for this call: a bounded retry, and timeouts well inside the function's 30 s.
    return AcsClient(region_id=region, credential=credential, max_retry_time=2, connect_timeout=5, timeout=10, port=443)


class SecretShapeError(SovereignError):
    """The secret's value is not what a KMS RDS secret returns (reported as a start-up problem)."""


def read_rds_secret(client: Any, name: str, endpoint: str) -> tuple[str, str]:
    """``(AccountName, AccountPassword)`` of the KMS RDS secret ``name``, read through ``endpoint``.

    GetSecretValue answers ``SecretType`` and ``SecretData`` (KMS API reference, GetSecretValue:
    https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-getsecretvalue).
    For an RDS secret, ``SecretData`` is a JSON object with ``AccountName`` and ``AccountPassword``: the
    API reference shows only a generic example, so the key names follow Alibaba's own consumer of RDS
    secrets, aliyun/aliyun-secretsmanager-jdbc (``Constants.SECRET_INFO_KEY_ACCOUNT_NAME`` /
    ``SECRET_INFO_KEY_ACCOUNT_PASSWORD``, read in ``SecretsManagerDriver.connectWithSecret``).
    Raises :class:`SecretShapeError`, or the SDK's ``ServerException``/``ClientException``.
    """
    from aliyunsdkkms.request.v20160120.GetSecretValueRequest import GetSecretValueRequest

    request = GetSecretValueRequest()
    request.set_SecretName(name)
    request.set_endpoint(endpoint)  # never the SDK's endpoint resolution (public endpoints, location service)
    answer = json.loads(client.do_action_with_exception(request))
    secret_type = answer.get("SecretType")
    if secret_type is not None and secret_type != "Rds":
        raise SecretShapeError(f"its type is {secret_type!r}, not 'Rds'")
    try:
        data = json.loads(answer["SecretData"])
        user, password = data["AccountName"], data["AccountPassword"]
    except (KeyError, TypeError, ValueError):
        raise SecretShapeError("its value is not JSON with AccountName and AccountPassword") from None
    if not isinstance(user, str) or not isinstance(password, str) or not user or not password:
        raise SecretShapeError("AccountName or AccountPassword is empty")
    return user, password


_SIGNED = re.compile(r"(AccessKeyId|SecurityToken|Signature)(=|%3D)(?:(?!%26|&|\s|\)|').)+")


def describe_sdk_error(exc: Exception) -> str:
    """The SDK error's class, code and message, with the signed request's credentials redacted: the
    SDK quotes the request URL (connection errors) or the server's string-to-sign (signature errors),
    and both carry ``AccessKeyId``, ``SecurityToken`` and ``Signature``."""
    redacted = _SIGNED.sub(r"\1\2<redacted>", str(exc))
    return f"{type(exc).__name__}: {redacted}"
