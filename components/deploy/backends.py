"""Where a stack's state and secrets key live, judged from their URLs against the catalogue.

A stack's state file holds every resource output, and its secrets key decrypts every ``secure:``
value, so both count as the country's data. Pulumi takes them as URLs (``PULUMI_BACKEND_URL`` and
``--secrets-provider``); this module accepts a URL only when the URL itself shows the place is
inside the jurisdiction. Anything whose location depends on the environment at run time (a missing
``region``, a Vault address from ``VAULT_ADDR``, a passphrase) is refused outside development,
because a reviewer reading the deployment map could not tell where the data goes.

S3 query parameters are those of gocloud.dev, the blob library of Pulumi's DIY backend:
``region`` and ``endpoint`` (an S3-compatible service such as Alibaba OSS is reached through
``endpoint``). Pulumi has no ``oss://`` backend and no Alibaba KMS secrets provider.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec
from urllib.parse import SplitResult, parse_qs, urlsplit

from components.errors import ConfigError
from components.residency.catalogue import Catalogue, Jurisdiction
from components.residency.rules import RuleId

_P = ParamSpec("_P")

__all__ = [
    "PULUMI_CLOUD_HOSTS",
    "PULUMI_CLOUD_JURISDICTIONS",
    "BackendVerdict",
    "check_backend",
    "check_secrets_provider",
    "example_backend",
    "example_secrets_provider",
    "is_pulumi_cloud",
]

PULUMI_CLOUD_HOSTS = frozenset({"api.pulumi.com", "app.pulumi.com"})
# Pulumi Cloud (SaaS) stores state in the United States; it is acceptable only where US hosting is.
PULUMI_CLOUD_JURISDICTIONS = frozenset({"US"})

_TRUE = frozenset({"1", "true", "t", "yes"})
_KMS_ARN = re.compile(
    r"arn:(?P<partition>[a-z0-9-]+):kms:(?P<region>[a-z0-9-]*):(?P<account>\d{12}):(?P<resource>(?:key|alias)/\S+)"
)
_OSS_HOST = re.compile(r"oss-(?P<region>[a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com")


@dataclass(frozen=True)
class BackendVerdict:
    """An accepted state backend or secrets provider URL and, in words, where it keeps the data.

    Not the plan's ``ReviewVerdict`` (pass/fail/error of a stack)."""

    scheme: str
    where: str
    """Where the data is kept, in words (for reports)."""
    region: str | None = None
    """The cloud region that keeps the data, when the URL names one (None: local, SaaS or Pulumi's key service)."""


def is_pulumi_cloud(url: str) -> bool:
    """True when ``url`` is the Pulumi Cloud SaaS service."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() == "https" and (parts.hostname or "") in PULUMI_CLOUD_HOSTS


def example_backend(jurisdiction: Jurisdiction, catalogue: Catalogue) -> str | None:
    """An in-jurisdiction S3 backend URL to quote in fixes (None: the jurisdiction has no S3 region)."""
    bucket = f"sovereign-dc-state-{jurisdiction.code.lower()}"
    if jurisdiction.aws.regions:
        region = sorted(jurisdiction.aws.regions)[0]
        partition = catalogue.partition_of(region)
        if partition is not None and partition.dns_suffix != "amazonaws.com":
            return f"s3://{bucket}?region={region}&endpoint=s3.{region}.{partition.dns_suffix}"
        return f"s3://{bucket}?region={region}"
    if jurisdiction.alicloud.regions:
        region = sorted(jurisdiction.alicloud.regions)[0]
        return f"s3://{bucket}?region={region}&endpoint=oss-{region}.aliyuncs.com"
    return None


def example_secrets_provider(jurisdiction: Jurisdiction) -> str | None:
    """An in-jurisdiction AWS KMS secrets provider URL to quote in fixes (None: no AWS region)."""
    if not jurisdiction.aws.regions:
        return None
    region = sorted(jurisdiction.aws.regions)[0]
    return f"awskms://alias/sovereign-dc-{jurisdiction.code.lower()}?region={region}"


def _backend_fix(jurisdiction: Jurisdiction, catalogue: Catalogue) -> str:
    example = example_backend(jurisdiction, catalogue)
    if example is None:
        return f"{_name(jurisdiction)} has no AWS or Alibaba Cloud region in the catalogue; ask the residency owners"
    return f"use an S3 bucket in {_name(jurisdiction)}, e.g. {example}"


def _secrets_fix(jurisdiction: Jurisdiction) -> str:
    example = example_secrets_provider(jurisdiction)
    if example is None:
        # Pulumi has no Alibaba Cloud KMS provider, so AWS KMS is the only verifiable choice.
        return (
            f"{_name(jurisdiction)} has no AWS region in the catalogue and Pulumi has no Alibaba Cloud KMS "
            "provider; ask the residency owners"
        )
    return f"use an AWS KMS key in {_name(jurisdiction)}, e.g. {example}"


def _with_rule(exc: ConfigError, rule_id: str) -> ConfigError:
    """``exc`` citing ``rule_id``: every refusal in this module is a residency refusal of that rule."""
    return ConfigError(exc.file, exc.key, exc.problem, exc.fix, rule_id=rule_id)


def _citing(rule_id: str) -> Callable[[Callable[_P, BackendVerdict]], Callable[_P, BackendVerdict]]:
    """Decorate a check so every ``ConfigError`` it raises cites ``rule_id`` (see ``_with_rule``)."""

    def decorate(check: Callable[_P, BackendVerdict]) -> Callable[_P, BackendVerdict]:
        @functools.wraps(check)
        def checked(*args: _P.args, **kwargs: _P.kwargs) -> BackendVerdict:
            try:
                return check(*args, **kwargs)
            except ConfigError as exc:
                raise _with_rule(exc, rule_id) from None

        return checked

    return decorate


@_citing(RuleId.STATE_BACKEND_IN_JURISDICTION)
def check_backend(
    url: str, jurisdiction: Jurisdiction, catalogue: Catalogue, *, development: bool, file: str, key: str
) -> BackendVerdict:
    """Accept ``url`` as the state backend of ``jurisdiction`` or raise ``ConfigError`` (rule RES-032) saying why."""
    here = _name(jurisdiction)
    fix = _backend_fix(jurisdiction, catalogue)
    scheme, parts = _split(url, file, key, fix)
    if scheme == "file":
        if development:
            return BackendVerdict("file", "a local directory (development only)")
        raise ConfigError(
            file,
            key,
            f"{url!r} keeps state on whichever machine runs the deployment, which cannot be shown to be in {here}",
            f"{fix}; or set `development: true` on this jurisdiction if it is a throwaway development estate",
        )
    if scheme == "s3":
        return _check_s3(url, parts.netloc, parts.query, jurisdiction, catalogue, file=file, key=key, fix=fix)
    if scheme == "oss":
        oss_fix = (
            "use OSS through its S3-compatible API: s3://<bucket>?region=<region>&endpoint=oss-<region>.aliyuncs.com"
        )
        if jurisdiction.alicloud.regions:
            region = sorted(jurisdiction.alicloud.regions)[0]
            oss_fix += f", e.g. region={region}&endpoint=oss-{region}.aliyuncs.com"
        raise ConfigError(file, key, f"Pulumi has no oss:// backend ({url!r})", oss_fix)
    if scheme in ("https", "http"):
        host = parts.hostname or ""
        if scheme == "http":
            raise ConfigError(file, key, f"{url!r} would send state unencrypted over plain HTTP", fix)
        if host in PULUMI_CLOUD_HOSTS:
            if jurisdiction.code in PULUMI_CLOUD_JURISDICTIONS:
                return BackendVerdict("https", "Pulumi Cloud (hosted in the United States)")
            raise ConfigError(file, key, f"Pulumi Cloud ({host}) is hosted in the United States, outside {here}", fix)
        raise ConfigError(
            file,
            key,
            f"the toolkit cannot tell where the self-hosted Pulumi Cloud at {host or url!r} runs",
            f"{fix}; a self-hosted service needs a reviewed extension of this check",
        )
    if scheme in ("azblob", "gs"):
        cloud = "Azure" if scheme == "azblob" else "Google Cloud"
        raise ConfigError(
            file, key, f"the catalogue has no {cloud} regions, so where {url!r} keeps state cannot be verified", fix
        )
    raise ConfigError(file, key, f"{url!r} is not a Pulumi backend URL this toolkit knows (scheme {scheme!r})", fix)


@_citing(RuleId.SECRETS_PROVIDER_IN_JURISDICTION)
def check_secrets_provider(
    value: str,
    jurisdiction: Jurisdiction,
    catalogue: Catalogue,
    *,
    backend_url: str,
    development: bool,
    file: str,
    key: str,
) -> BackendVerdict:
    """Accept ``value`` as the secrets provider of ``jurisdiction`` or raise ``ConfigError`` (rule RES-033)."""
    here = _name(jurisdiction)
    fix = _secrets_fix(jurisdiction)
    if value == "default":
        if is_pulumi_cloud(backend_url):
            # The backend check has already decided whether Pulumi Cloud is acceptable here.
            return BackendVerdict("default", "Pulumi Cloud's key service (with the Pulumi Cloud backend)")
        raise ConfigError(
            file,
            key,
            "the `default` secrets provider is Pulumi Cloud's and exists only with a Pulumi Cloud backend",
            fix,
        )
    if value == "passphrase":
        if development:
            return BackendVerdict("passphrase", "a key derived from PULUMI_CONFIG_PASSPHRASE (development only)")
        raise ConfigError(
            file,
            key,
            "a passphrase-derived key lives wherever the passphrase is copied, so its residency cannot be shown",
            f"{fix}; or set `development: true` on this jurisdiction",
        )
    scheme, parts = _split(value, file, key, fix)
    if scheme == "awskms":
        return _check_awskms(
            value, parts.netloc + parts.path, parts.query, jurisdiction, catalogue, file=file, key=key, fix=fix
        )
    if scheme == "hashivault":
        raise ConfigError(
            file,
            key,
            f"the Vault server of {value!r} comes from VAULT_ADDR at run time, "
            f"so the URL cannot show the key is in {here}",
            fix,
        )
    if scheme in ("azurekeyvault", "gcpkms"):
        cloud = "Azure" if scheme == "azurekeyvault" else "Google Cloud"
        raise ConfigError(
            file, key, f"the catalogue has no {cloud} regions, so where the key {value!r} lives cannot be verified", fix
        )
    raise ConfigError(file, key, f"{value!r} is not a Pulumi secrets provider this toolkit knows", fix)


def _name(jurisdiction: Jurisdiction) -> str:
    return f"{jurisdiction.name} ({jurisdiction.code})"


def _split(url: str, file: str, key: str, fix: str) -> tuple[str, SplitResult]:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise ConfigError(file, key, f"{url!r} is not a valid URL ({exc})", fix) from None
    if not parts.scheme or "://" not in url:
        raise ConfigError(file, key, f"{url!r} is not a URL (it has no scheme://)", fix)
    return parts.scheme.lower(), parts


def _params(url: str, query: str, file: str, key: str, fix: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for name, values in parse_qs(query, keep_blank_values=True).items():
        if len(values) > 1:
            raise ConfigError(file, key, f"{url!r} gives the parameter `{name}` more than once", fix)
        params[name] = values[0]
    return params


def _check_s3(
    url: str,
    bucket: str,
    query: str,
    jurisdiction: Jurisdiction,
    catalogue: Catalogue,
    *,
    file: str,
    key: str,
    fix: str,
) -> BackendVerdict:
    here = _name(jurisdiction)
    if not bucket:
        raise ConfigError(file, key, f"{url!r} names no bucket", fix)
    params = _params(url, query, file, key, fix)
    region = params.get("region", "")
    if not region:
        raise ConfigError(
            file,
            key,
            f"{url!r} does not pin `region`, so the AWS SDK would take it from the operator's environment",
            fix,
        )
    if params.get("accelerate", "").lower() in _TRUE:
        raise ConfigError(
            file,
            key,
            f"{url!r} enables S3 Transfer Acceleration, which routes state through edge locations worldwide",
            fix,
        )
    for plaintext in ("disableSSL", "disable_https"):
        if params.get(plaintext, "").lower() in _TRUE:
            raise ConfigError(file, key, f"{url!r} sets `{plaintext}`, sending state unencrypted", fix)
    endpoint = params.get("endpoint", "")
    host = _endpoint_host(url, endpoint, file, key, fix) if endpoint else ""
    oss = _OSS_HOST.fullmatch(host) if host else None
    if oss is not None:
        if oss["region"] != region:
            raise ConfigError(file, key, f"the OSS endpoint {host} is in {oss['region']} but `region` is {region}", fix)
        if not jurisdiction.allows_region("alicloud", region):
            raise ConfigError(file, key, f"Alibaba Cloud region {region} of {url!r} is outside {here}", fix)
        return BackendVerdict("s3", f"Alibaba Cloud OSS bucket {bucket} in {region}", region)
    partition = catalogue.partition_of(region)
    if partition is None:
        if region in catalogue.known_regions("alicloud"):
            raise ConfigError(
                file,
                key,
                f"{region} is an Alibaba Cloud region, but {url!r} has no OSS endpoint",
                f"add &endpoint=oss-{region}.aliyuncs.com (if {region} is in {here}), or {fix}",
            )
        raise ConfigError(file, key, f"{region} in {url!r} is not a known AWS region", fix)
    if not jurisdiction.allows_region("aws", region):
        raise ConfigError(file, key, f"AWS region {region} of {url!r} is outside {here}", fix)
    suffix = partition.dns_suffix
    if host:
        allowed = {f"s3.{region}.{suffix}", f"s3.dualstack.{region}.{suffix}", f"s3-fips.{region}.{suffix}"}
        private_link = host.endswith(f".s3.{region}.vpce.{suffix}")
        if host not in allowed and not private_link:
            raise ConfigError(
                file,
                key,
                f"the endpoint {host} of {url!r} is not the S3 endpoint of {region}",
                f"use endpoint=s3.{region}.{suffix}",
            )
    elif suffix != "amazonaws.com":
        # Outside the commercial partition the SDK's endpoint resolution has changed between
        # versions; pinning the host makes the in-country endpoint visible in review.
        raise ConfigError(
            file,
            key,
            f"{region} is in the {partition.name} partition, whose S3 endpoint must be pinned",
            f"add &endpoint=s3.{region}.{suffix}",
        )
    return BackendVerdict("s3", f"AWS S3 bucket {bucket} in {region} ({partition.name})", region)


def _endpoint_host(url: str, endpoint: str, file: str, key: str, fix: str) -> str:
    try:
        parts = urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
        host = (parts.hostname or "").lower()
    except ValueError:
        host = ""
    if not host:
        raise ConfigError(file, key, f"the endpoint {endpoint!r} of {url!r} has no host", fix)
    if parts.scheme.lower() != "https":
        raise ConfigError(file, key, f"the endpoint {endpoint!r} of {url!r} is not HTTPS", fix)
    return host


def _check_awskms(
    value: str,
    key_id: str,
    query: str,
    jurisdiction: Jurisdiction,
    catalogue: Catalogue,
    *,
    file: str,
    key: str,
    fix: str,
) -> BackendVerdict:
    here = _name(jurisdiction)
    key_id = key_id.lstrip("/")
    if not key_id:
        raise ConfigError(file, key, f"{value!r} names no KMS key", fix)
    params = _params(value, query, file, key, fix)
    region = params.get("region", "")
    arn = _KMS_ARN.fullmatch(key_id)
    if arn is not None:
        if arn["partition"] not in jurisdiction.aws.partitions:
            raise ConfigError(
                file, key, f"the KMS key ARN of {value!r} is in the {arn['partition']} partition, outside {here}", fix
            )
        if region and region != arn["region"]:
            raise ConfigError(file, key, f"`region={region}` contradicts the key ARN's region {arn['region']}", fix)
        region = arn["region"]
    elif key_id.startswith("arn:"):
        raise ConfigError(file, key, f"{key_id!r} is not a KMS key ARN", fix)
    if not region:
        raise ConfigError(
            file,
            key,
            f"{value!r} does not pin `region`, so the AWS SDK would take it from the operator's environment",
            fix,
        )
    partition = catalogue.partition_of(region)
    if partition is None:
        raise ConfigError(file, key, f"{region} in {value!r} is not a known AWS region", fix)
    if not jurisdiction.allows_region("aws", region):
        raise ConfigError(file, key, f"the KMS key of {value!r} is in {region}, outside {here}", fix)
    if arn is not None and arn["partition"] != partition.name:
        raise ConfigError(
            file, key, f"the key ARN's partition {arn['partition']} does not match {region} ({partition.name})", fix
        )
    endpoint = params.get("endpoint", "")
    if endpoint:
        host = _endpoint_host(value, endpoint, file, key, fix)
        if host not in {f"kms.{region}.{partition.dns_suffix}", f"kms-fips.{region}.{partition.dns_suffix}"}:
            raise ConfigError(
                file,
                key,
                f"the endpoint {host} of {value!r} is not the KMS endpoint of {region}",
                f"use endpoint=kms.{region}.{partition.dns_suffix}",
            )
    return BackendVerdict("awskms", f"AWS KMS key {key_id} in {region} ({partition.name})", region)
