"""Rules for the optional ``ingest:`` and ``portal:`` blocks: clouds, data classes, networks, service regions.

Service availability is data (``services.yaml`` beside this file, every entry with sources): a
stack that enables a feature in a region no source lists is refused with the regions that work.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from components.config.models import AlicloudPortalDomain, DataCenterConfig
from components.errors import CatalogueError, ConfigError
from components.residency.catalogue import Cloud, load_catalogue
from components.yamlfile import YamlFileError, load_yaml

__all__ = ["SERVICES_FILE", "Service", "check_platform", "load_services", "platform_problems"]

SERVICES_FILE = Path(__file__).with_name("services.yaml")
_ROOT = "sovereign-dc:datacenter"
# What each feature needs on each cloud (keys of services.yaml).
_NEEDS: dict[tuple[str, Cloud], str] = {
    ("ingest", "aws"): "aws-iot-core",
    ("ingest", "alicloud"): "alicloud-iot-platform",
    ("portal", "aws"): "aws-portal",
    ("portal", "alicloud"): "alicloud-portal",
}


class Service(BaseModel):
    """One managed service (or bundle) and the regions where a source says it is offered."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    """Human name."""
    cloud: Cloud
    """The cloud offering it."""
    regions: frozenset[str]
    """Exact region ids."""
    sources: tuple[str, ...]
    """Pages that say so."""


@functools.lru_cache(maxsize=2)
def load_services(path: Path = SERVICES_FILE) -> dict[str, Service]:
    """The service availability catalogue by id (cached: immutable data)."""
    try:
        raw = load_yaml(
            path, what="service catalogue", missing_fix="restore the file", fix="correct the syntax", cached=True
        )
    except YamlFileError as exc:
        raise CatalogueError(str(exc)) from None
    services: dict[str, Service] = {}
    try:
        for sid, body in raw["services"].items():
            try:
                services[sid] = Service.model_validate(body)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(part) for part in (sid, *first["loc"]))
                raise CatalogueError(
                    f"{path}: malformed service catalogue ({where}: {first['msg']}). Fix: restore the file from git"
                ) from None
    except (KeyError, TypeError, AttributeError):
        raise CatalogueError(
            f"{path}: malformed service catalogue (no `services:` mapping). Fix: restore the file from git"
        ) from None
    return services


def check_platform(config: DataCenterConfig, file: str) -> None:
    """Raise ``ConfigError`` for the first problem of the ``ingest:`` or ``portal:`` block."""
    problems = platform_problems(config, file)
    if problems:
        raise problems[0]


def platform_problems(config: DataCenterConfig, file: str) -> list[ConfigError]:
    """Every problem of the ``ingest:`` and ``portal:`` blocks, in the order an operator meets them."""
    return list(_problems(config, file))


def _problems(config: DataCenterConfig, file: str) -> Iterator[ConfigError]:
    services = load_services()
    ingest, portal = config.ingest, config.portal
    if ingest is not None:
        yield from _cloud_problems("ingest", ingest.clouds, config, file, services)
        for message_type, data_class in ingest.routes.items():
            if data_class not in config.data_classes:
                yield ConfigError(
                    file,
                    f"{_ROOT}.ingest.routes.{message_type}",
                    f"data class {data_class} is not stored in this market",
                    f"add `data_classes.{data_class}` or route `{message_type}` to one of "
                    f"{', '.join(config.data_classes)}",
                )
    if portal is not None:
        yield from _cloud_problems("portal", portal.clouds, config, file, services)
        if portal.key_class not in config.data_classes:
            yield ConfigError(
                file,
                f"{_ROOT}.portal.key_class",
                f"data class {portal.key_class} is not stored in this market, so it has no key",
                f"add `data_classes.{portal.key_class}` or use one of {', '.join(config.data_classes)}",
            )
        if "alicloud" in portal.clouds and config.clouds.alicloud is not None:
            yield from _image_problems(portal.alicloud_image, config.clouds.alicloud.primary, file)
            yield from _domain_problems(portal.alicloud_domain, file, services)
            if config.keys.alicloud_instance.secret_num < 1:
                yield ConfigError(
                    file,
                    f"{_ROOT}.keys.alicloud_instance.secret_num",
                    "the portal keeps its database credentials as a KMS secret, but the KMS instance holds none",
                    "raise `secret_num` (e.g. to 100), or remove `alicloud` from portal.clouds",
                )
        for cloud in portal.clouds:
            if getattr(config.compute, cloud) is None:
                yield ConfigError(
                    file,
                    f"{_ROOT}.portal.clouds",
                    f"the portal on {cloud} needs the private network of compute.{cloud}",
                    f"add `compute.{cloud}` (e.g. with `count: 0` for the network only)",
                )


def _cloud_problems(
    feature: str, clouds: list[Cloud], config: DataCenterConfig, file: str, services: dict[str, Service]
) -> Iterator[ConfigError]:
    key = f"{_ROOT}.{feature}.clouds"
    if len(set(clouds)) != len(clouds):
        yield ConfigError(file, key, "a cloud is listed twice", "list each cloud once")
    for cloud in sorted(set(clouds), key=clouds.index):
        regions = getattr(config.clouds, cloud)
        if regions is None:
            yield ConfigError(
                file, key, f"{feature} is enabled on {cloud} but {cloud} is not under clouds", f"add `clouds.{cloud}`"
            )
            continue
        service = services[_NEEDS[(feature, cloud)]]
        if regions.primary not in service.regions:
            yield ConfigError(
                file,
                key,
                f"{service.name} is not offered in {regions.primary} (the {cloud} primary region) "
                f"according to {service.sources[0]}",
                f"remove `{cloud}` from {feature}.clouds, or make the primary one of "
                f"{', '.join(sorted(service.regions))} if it is in the jurisdiction",
            )


def _image_problems(image: str | None, region: str, file: str) -> Iterator[ConfigError]:
    """The portal image must come from the primary region's own Container Registry (personal or enterprise)."""
    key = f"{_ROOT}.portal.alicloud_image"
    example = f"registry-vpc.{region}.aliyuncs.com/<namespace>/portal:<tag>"
    if image is None:
        yield ConfigError(file, key, "the portal on alicloud needs its container image", f"set it, e.g. {example}")
        return
    registry = re.escape(region)
    host = rf"(registry(-vpc)?\.{registry}\.aliyuncs\.com|[a-z0-9-]+-registry(-vpc)?\.{registry}\.cr\.aliyuncs\.com)"
    pattern = rf"^{host}/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{{64}})$"
    if not re.fullmatch(pattern, image):
        yield ConfigError(
            file,
            key,
            f"{image!r} is not an image in the Container Registry of {region}",
            f"push the image to that region's registry and use e.g. {example}",
        )


# A domain served from the Chinese mainland (the mainland WAF 3.0 in front of an API group in a mainland
# region) must be ICP-filed: https://www.alibabacloud.com/help/doc-detail/155022.html (API Gateway,
# "Bind a custom domain name"). "Mainland" is the CN jurisdiction's Alibaba regions in the residency
# catalogue, the one list of them, not a region spelled here.
_MAINLAND = "CN"


def _domain_problems(
    domain: AlicloudPortalDomain | None, file: str, services: dict[str, Service]
) -> Iterator[ConfigError]:
    """The Alibaba portal needs its custom domain: WAF 3.0 protects only CNAME-connected domains, and an API
    group's second-level domain is for testing (1,000 calls a day in mainland regions). docs/ingest.md."""
    key = f"{_ROOT}.portal.alicloud_domain"
    if domain is None:
        yield ConfigError(
            file,
            key,
            "the portal on alicloud must be behind a WAF, and WAF 3.0 protects only a custom domain (the API "
            "group's own second-level domain is for testing: 1,000 calls a day in mainland regions)",
            "set `alicloud_domain: {name: <your ICP-filed domain>, icp_filing: <its ICP number>, certificate_id: "
            "<its certificate id in Certificate Management Service>}`, or remove `alicloud` from portal.clouds",
        )
        return
    waf = services["alicloud-waf3"]
    if domain.waf_region not in waf.regions:
        yield ConfigError(
            file,
            f"{key}.waf_region",
            f"{waf.name} has no instances in {domain.waf_region} according to {waf.sources[0]}",
            f"use one of {', '.join(sorted(waf.regions))}; the residency guard judges its jurisdiction",
        )
    mainland = load_catalogue().jurisdictions[_MAINLAND].regions("alicloud")
    if domain.waf_region in mainland and domain.icp_filing is None:
        yield ConfigError(
            file,
            f"{key}.icp_filing",
            f"{domain.name} is served through the Chinese mainland WAF and a mainland API group, which require an "
            "ICP filing",
            "set `icp_filing` to the domain's ICP filing number (e.g. 沪ICP备12345678号-1)",
        )
